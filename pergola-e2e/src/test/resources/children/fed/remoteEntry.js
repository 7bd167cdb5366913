// A Module Federation style container: init(shareScope), then get(module) gives a factory.
let shared;

export async function init(shareScope) {
  shared = shareScope;
}

export async function get(module) {
  if (module !== "./Widget") throw new Error(`no module ${module}`);
  return () => ({
    mount(element) {
      element.innerHTML = `<p id="fed-text">federated widget (share scope ${typeof shared})</p>`;
    },
    unmount(element) {
      element.replaceChildren();
    },
  });
}
