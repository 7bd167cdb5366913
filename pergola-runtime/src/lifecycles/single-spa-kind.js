/**
 * Children written for single-spa run unchanged: their `bootstrap`/`mount`/`unmount` (and the
 * optional `update`) get single-spa style props — `name`, `domElement`, `domElementGetter` —
 * with Pergola's context as their prototype and also as `props.pergola`.
 */

import { KINDS } from './load-app.js';
import { normalizeLifecycles } from './normalize-lifecycles.js';

/**
 * @param {string} app the app's name, also `props.name`
 * @param {object} exports the module (or its default export) holding the lifecycles
 * @returns {import('./module-kind.js').Adapter}
 */
export function singleSpaAdapter(app, exports) {
  const lifecycles = normalizeLifecycles(app, exports);
  const props = (el, ctx) => Object.assign(Object.create(ctx), {
    name: app, domElement: el, domElementGetter: () => el, pergola: ctx,
  });
  return {
    bootstrap: (el, ctx) => lifecycles.bootstrap(props(el, ctx)),
    mount: (el, ctx) => lifecycles.mount(props(el, ctx)),
    unmount: (el, ctx) => lifecycles.unmount(props(el, ctx)),
    update: (el, ctx) => lifecycles.update(props(el, ctx)),
  };
}

KINDS['single-spa'] = (name, app, exports) => singleSpaAdapter(name, exports);
