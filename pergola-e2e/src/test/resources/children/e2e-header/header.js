// Always-on slot: links to every child, and the events other children publish.
class E2eHeader extends HTMLElement {
  connectedCallback() {
    this.innerHTML = `<nav>${["wc", "mod", "spa", "fed", "thrower", "missing", "hanger"]
      .map((app) => `<a id="to-${app}" href="/${app}">${app}</a>`).join(" ")}</nav>
      <output id="events"></output>`;
    this.pergola.events.subscribe("mod:hello", (detail) => {
      document.getElementById("events").textContent = `got ${detail.text}`;
    });
  }
}
customElements.define("e2e-header", E2eHeader);
