/**
 * Module Federation containers: `init(shareScope)` once with the page's one share scope, then
 * `get(exposes)` gives a factory whose module is either a Pergola module (`mount`/`unmount`) or
 * has a default export that is a single-spa lifecycle object.
 */

import { KINDS } from './load-app.js';
import { moduleAdapter } from './module-kind.js';
import { singleSpaAdapter } from './single-spa-kind.js';

/** Shared by every container on the page so singletons (e.g. a UI framework) are shared too. */
export const shareScope = {};

/**
 * @param {string} app the app's name, for error messages
 * @param {{init(scope: object): unknown, get(module: string): unknown}} container
 * @param {string} exposes the exposed module, e.g. "./App"
 * @param {object} [scope] the share scope; the page's by default
 * @returns {Promise<import('./module-kind.js').Adapter>}
 */
export async function federationAdapter(app, container, exposes, scope = shareScope) {
  await container.init(scope);
  const factory = await container.get(exposes);
  const exports = await factory();
  return typeof exports?.mount === 'function'
    ? moduleAdapter(app, exports)
    : singleSpaAdapter(app, exports?.default ?? exports);
}

KINDS.federation = (name, app, exports) => federationAdapter(name, exports, app.exposes);
