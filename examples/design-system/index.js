/**
 * Acme design system, shared by every child through the import map (specifier `design-system`).
 * Importing it defines <ds-button>, <ds-card> and <ds-notification> once for the whole page.
 *
 * Children in a shadow root call `adoptStyles(shadowRoot)` to get the same base styles there.
 */

const stylesheetUrl = new URL("./styles.css", import.meta.url);
let sheet;

/** The design system's stylesheet as a constructable sheet, fetched once per page. */
export async function designSystemSheet() {
  if (!sheet) {
    sheet = (async () => {
      const css = await (await fetch(stylesheetUrl)).text();
      const tokens = await (await fetch(new URL("./tokens.css", import.meta.url))).text();
      const constructed = new CSSStyleSheet();
      constructed.replaceSync(tokens.replace(":root", ":host") + css.replace(/@import[^;]+;/, ""));
      return constructed;
    })();
  }
  return sheet;
}

/**
 * A constructable stylesheet from CSS text. Children style their shadow roots with these rather
 * than inline <style> elements, which a strict Content-Security-Policy may refuse.
 */
export function css(text) {
  const constructed = new CSSStyleSheet();
  constructed.replaceSync(text);
  return constructed;
}

/**
 * Gives a shadow root the design system's base styles (light DOM gets them from the shell's
 * stylesheet link), followed by the child's own sheets.
 */
export async function adoptStyles(shadowRoot, ...ownSheets) {
  shadowRoot.adoptedStyleSheets = [await designSystemSheet(), ...ownSheets];
}

const componentSheet = css(`
  :host { font-family: var(--ds-font); }
  button {
    font: inherit; cursor: pointer; border: 0; border-radius: var(--ds-radius);
    padding: var(--ds-space-2) var(--ds-space-3);
    background: var(--ds-color-brand); color: var(--ds-color-brand-contrast);
  }
  button[data-variant="secondary"] { background: var(--ds-color-background); color: var(--ds-color-text); }
  button:disabled { opacity: 0.5; cursor: default; }
  .card {
    background: var(--ds-color-surface); border-radius: var(--ds-radius);
    box-shadow: var(--ds-shadow); padding: var(--ds-space-4); margin-bottom: var(--ds-space-3);
  }
  .card h2 { margin: 0 0 var(--ds-space-3); font-size: 18px; color: var(--ds-color-brand); }
  .note {
    display: flex; gap: var(--ds-space-2); align-items: center;
    background: var(--ds-color-accent); color: var(--ds-color-text);
    border-radius: var(--ds-radius); padding: var(--ds-space-1) var(--ds-space-3);
    font-size: var(--ds-font-size-small);
  }
`);

function shadow(element, html) {
  const root = element.attachShadow({ mode: "open" });
  root.adoptedStyleSheets = [componentSheet];
  root.innerHTML = html;
  return root;
}

class DsButton extends HTMLElement {
  static observedAttributes = ["variant", "disabled"];

  connectedCallback() {
    if (this.shadowRoot) return;
    shadow(this, `<button part="button" type="button"><slot></slot></button>`);
    this.attributeChangedCallback();
  }

  attributeChangedCallback() {
    const button = this.shadowRoot?.querySelector("button");
    if (!button) return;
    button.dataset.variant = this.getAttribute("variant") ?? "primary";
    button.disabled = this.hasAttribute("disabled");
  }
}

class DsCard extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const title = this.getAttribute("heading");
    shadow(this, `<section class="card" part="card">${title ? "<h2></h2>" : ""}<slot></slot></section>`);
    if (title) this.shadowRoot.querySelector("h2").textContent = title;
  }
}

class DsNotification extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    shadow(this, `<div class="note" role="status" part="notification">🔔 <slot></slot></div>`);
  }
}

for (const [tag, type] of [
  ["ds-button", DsButton],
  ["ds-card", DsCard],
  ["ds-notification", DsNotification],
]) {
  if (!customElements.get(tag)) customElements.define(tag, type);
}
