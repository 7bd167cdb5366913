/**
 * Children that are plain ES modules exporting `mount(element, context)` and
 * `unmount(element)` (optionally `bootstrap(context)`). They follow route changes through
 * `context.onRouteChange`.
 */

import { KINDS } from './load-app.js';
import { NOT_A_LIFECYCLE, PergolaError } from '../telemetry/error-codes.js';

/**
 * The runtime's view of a child of any kind; every step takes the container and the context.
 * @typedef {Record<'bootstrap' | 'mount' | 'unmount' | 'update',
 *   (el: Element, ctx: object) => Promise<void>>} Adapter
 */

/**
 * @param {string} app the app's name, for error messages
 * @param {object} exports the imported module
 * @returns {Adapter}
 * @throws {PergolaError} #4 when `mount` or `unmount` is not a function
 */
export function moduleAdapter(app, exports) {
  const source = typeof exports?.mount === 'function' ? exports : exports?.default;
  const { bootstrap, mount, unmount } = source ?? {};
  if (typeof mount !== 'function' || typeof unmount !== 'function') {
    throw new PergolaError(NOT_A_LIFECYCLE,
      `${app} must export mount(element, context) and unmount(element)`);
  }
  return {
    bootstrap: async (el, ctx) => typeof bootstrap === 'function' && bootstrap(ctx),
    mount: async (el, ctx) => mount(el, ctx),
    unmount: async (el) => unmount(el),
    update: async () => {},
  };
}

KINDS.module = (name, app, exports) => moduleAdapter(name, exports);
