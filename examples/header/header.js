/**
 * <acme-header>: the always-on slot at the top of every page. Shows the product, links to the
 * children, the logged-in user with a logout button, and notifications that other children
 * publish on the event bus (it never imports them).
 */
import { adoptStyles, css } from "design-system";

const LINKS = [
  ["/shipping", "Shipping"],
  ["/profile", "Profile"],
  ["/billing", "Billing"],
];

/** Event types the header turns into notifications, with how to word each. */
const NOTIFICATIONS = {
  "billing:paid": (detail) => `Invoice ${detail.invoice} paid: ${detail.amount}`,
  "profile:saved": (detail) => `Profile saved for ${detail.name}`,
};

const styles = css(`
  header { display: flex; align-items: center; gap: var(--ds-space-4);
           padding: var(--ds-space-2) var(--ds-space-4);
           background: var(--ds-color-brand); color: var(--ds-color-brand-contrast); }
  .product { font-weight: 700; font-size: 18px; color: inherit; text-decoration: none; }
  nav { display: flex; gap: var(--ds-space-3); flex: 1; }
  nav a { color: inherit; text-decoration: none; opacity: 0.85; }
  nav a[aria-current="page"] { opacity: 1; border-bottom: 2px solid var(--ds-color-accent); }
  .user { display: flex; gap: var(--ds-space-2); align-items: center; }
  .notifications { display: flex; flex-direction: column; gap: var(--ds-space-1);
                   position: fixed; right: var(--ds-space-3); top: 64px; z-index: 10; }
`);

class AcmeHeader extends HTMLElement {
  #unsubscribers = [];

  async connectedCallback() {
    const context = this.pergola;
    const root = this.attachShadow({ mode: "open" });
    await adoptStyles(root, styles);
    root.innerHTML = `
      <header>
        <a class="product" href="/">Acme Logistics</a>
        <nav>${LINKS.map(([href, label]) => `<a href="${href}">${label}</a>`).join("")}</nav>
        <span class="user"><span class="name" data-testid="user-name"></span>
          <ds-button variant="secondary" class="logout" hidden>Log out</ds-button></span>
      </header>
      <div class="notifications" data-testid="notifications"></div>`;
    this.#showUser(context.auth?.user ?? null);
    this.#markCurrent(location.pathname);
    root.querySelector(".logout").addEventListener("click", () => context.auth.logout());
    // Links in a shadow root are invisible to a document-level click handler's composedPath
    // only if closed; ours is open, but navigating explicitly keeps the header independent.
    root.querySelector("nav").addEventListener("click", (event) => this.#navigate(event));
    root.querySelector(".product").addEventListener("click", (event) => this.#navigate(event));
    for (const [type, describe] of Object.entries(NOTIFICATIONS)) {
      this.#unsubscribers.push(
        context.events.subscribe(type, (detail) => this.#notify(describe(detail))),
      );
    }
    if (context.auth?.onChange) {
      this.#unsubscribers.push(context.auth.onChange((user) => this.#showUser(user)));
    }
    this.#onPopState = () => this.#markCurrent(location.pathname);
    window.addEventListener("popstate", this.#onPopState);
    window.addEventListener("pergola:mounted", this.#onPopState);
  }

  disconnectedCallback() {
    this.#unsubscribers.forEach((unsubscribe) => unsubscribe());
    window.removeEventListener("popstate", this.#onPopState);
    window.removeEventListener("pergola:mounted", this.#onPopState);
  }

  #onPopState = () => {};

  #navigate(event) {
    const link = event.target.closest("a");
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    this.pergola.navigate(link.getAttribute("href"));
    this.#markCurrent(link.getAttribute("href"));
  }

  #markCurrent(path) {
    for (const link of this.shadowRoot.querySelectorAll("nav a")) {
      const current = path === link.getAttribute("href") || path.startsWith(link.getAttribute("href") + "/");
      if (current) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
  }

  #showUser(user) {
    const name = this.shadowRoot.querySelector(".name");
    name.textContent = user ? user.name ?? user.preferred_username ?? user.sub : "";
    this.shadowRoot.querySelector(".logout").hidden = !user;
  }

  #notify(text) {
    const note = document.createElement("ds-notification");
    note.textContent = text;
    const area = this.shadowRoot.querySelector(".notifications");
    area.prepend(note);
    setTimeout(() => note.remove(), 8000);
  }
}

if (!customElements.get("acme-header")) customElements.define("acme-header", AcmeHeader);
