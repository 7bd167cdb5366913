// A plain single-spa application: lifecycles per the single-spa protocol, with an array of
// bootstrap functions and promises, as existing single-spa apps export them.
let container;

export const bootstrap = [
  () => Promise.resolve().then(() => { window.spaBootstrapped = (window.spaBootstrapped ?? 0) + 1; }),
  async () => { window.spaBootstrapSteps = 2; },
];

export function mount(props) {
  return new Promise((resolve) => {
    container = props.domElement;
    const text = document.createElement("p");
    text.id = "spa-text";
    text.textContent = `single-spa app ${props.name} mounted`;
    container.append(text);
    window.spaMounted = (window.spaMounted ?? 0) + 1;
    resolve();
  });
}

export async function unmount() {
  container.replaceChildren();
  window.spaUnmounted = (window.spaUnmounted ?? 0) + 1;
}
