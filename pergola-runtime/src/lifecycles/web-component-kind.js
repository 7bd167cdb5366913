/**
 * Children that are custom elements. The imported module defines the element; the runtime
 * creates it (inside an open shadow root on a host `<div>` when `shadow` is set), sets its
 * `pergola` context and `route` before connecting it, and keeps `route` (property and
 * attribute) current with a `pergola:route` event on each change. The element takes the place of
 * whatever its container held: the HTML the server rendered for the child, if any.
 */

import { KINDS } from './load-app.js';

/**
 * @param {{element: string, shadow?: boolean}} app the app's config
 * @param {{whenDefined(tag: string): Promise<unknown>}} registry `customElements`
 * @returns {import('./module-kind.js').Adapter}
 */
export function webComponentAdapter({ element: tag, shadow }, registry) {
  const created = new WeakMap();
  return {
    bootstrap: async () => {},
    async mount(el, ctx) {
      await registry.whenDefined(tag);
      const child = el.ownerDocument.createElement(tag);
      child.pergola = ctx;
      child.route = ctx.route;
      child.setAttribute('route', ctx.route.path);
      let parent = el;
      if (shadow) {
        parent = el.ownerDocument.createElement('div');
        el.replaceChildren(parent);
        parent = parent.attachShadow({ mode: 'open' });
      }
      parent.replaceChildren(child);
      created.set(el, child);
    },
    async unmount(el) {
      created.get(el)?.remove();
      created.delete(el);
      el.replaceChildren();
    },
    async update(el, ctx) {
      const child = created.get(el);
      if (!child) return;
      child.route = ctx.route;
      child.setAttribute('route', ctx.route.path);
      child.dispatchEvent(new CustomEvent('pergola:route', { detail: ctx.route }));
    },
  };
}

KINDS['web-component'] = (name, app, exports, registry) => webComponentAdapter(app, registry);
