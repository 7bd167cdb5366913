// A web component that renders the path it is mounted at, in its own shadow root.
class E2eWc extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({ mode: "open" });
    root.innerHTML = `<p id="wc-text"></p>`;
    this.show();
    this.addEventListener("pergola:route", () => this.show());
  }
  show() {
    this.shadowRoot.getElementById("wc-text").textContent = `web component at ${this.pergola.route.path}`;
    document.body.dataset.wc = this.pergola.route.path;
  }
}
customElements.define("e2e-wc", E2eWc);
