// A module with mount/unmount that publishes an event the header shows.

// Counts the times this module has run, so a test can tell code the shell preloaded from code
// that ran.
window.modRuns = (window.modRuns ?? 0) + 1;
export function mount(element, context) {
  element.innerHTML = `<p id="mod-text">module mounted at ${context.basePath}</p>
    <button id="say-hello">say hello</button>`;
  element.querySelector("#say-hello").addEventListener("click", () =>
    context.events.publish("mod:hello", { text: "hello from mod" }));
}

export function unmount(element) {
  element.replaceChildren();
  window.modUnmounts = (window.modUnmounts ?? 0) + 1;
}
