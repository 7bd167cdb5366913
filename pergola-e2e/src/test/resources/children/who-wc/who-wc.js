// A web component in a shadow root that shows the signed-in user and its API's view of the token.
class WhoWc extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = '<p id="who-wc-user"></p><p id="who-wc-api"></p>';
    this.off = this.pergola.auth.onChange(() => this.show().catch(console.error));
    this.show().catch(console.error);
  }

  disconnectedCallback() {
    this.off?.();
  }

  async show() {
    const { auth } = this.pergola;
    this.shadowRoot.getElementById('who-wc-user').textContent = auth.user ? `user ${auth.user.name}` : 'signed out';
    if (!auth.user) return;
    const res = await fetch('/demo-api/e2e/wc-api/whoami',
      { headers: { Authorization: `Bearer ${await auth.getToken()}` } });
    const body = await res.json().catch(() => ({}));
    this.shadowRoot.getElementById('who-wc-api').textContent =
      res.ok ? `api ${body.user} ${body.aud} ${body.jti}` : `api refused ${res.status}`;
  }
}
customElements.define('who-wc', WhoWc);
