/**
 * Loads a child by its bare specifier (the page's import map resolves it to the deployed
 * version) and adapts it by kind. A kind's adapter is a module of its own, loaded the first time
 * a child of that kind loads and beside the child's code, so a page pays only for the kinds it
 * uses and never a round trip for one (bench/runtime-size).
 */

import { NOT_A_LIFECYCLE, PergolaError } from '../telemetry/error-codes.js';

/**
 * Adapter factories by kind, `(name, app, exports, registry) => Adapter`; each kind's module
 * adds its own when it loads.
 */
export const KINDS = {};

const KIND_MODULES = {
  module: () => import('./module-kind.js'),
  'single-spa': () => import('./single-spa-kind.js'),
  federation: () => import('./federation-kind.js'),
  'web-component': () => import('./web-component-kind.js'),
};

/**
 * @param {string} name the app's name
 * @param {{kind: string, specifier: string, exposes?: string, element?: string,
 *   shadow?: boolean, requires?: string[]}} app the app's config
 * @param {{importModule: (specifier: string) => Promise<object>,
 *   registry?: {whenDefined(tag: string): Promise<unknown>}}} io
 * @returns {Promise<import('./module-kind.js').Adapter>}
 * @throws {PergolaError} #4 for an unknown kind, before any of the child's code loads
 */
export async function loadApp(name, app, { importModule, registry }) {
  const loadKind = Object.hasOwn(KIND_MODULES, app.kind) && KIND_MODULES[app.kind];
  if (!loadKind) throw new PergolaError(NOT_A_LIFECYCLE, `${name} has an unknown kind "${app.kind}"`);
  // The child's shared libraries load beside it, not after it: otherwise each is discovered only
  // once the module importing it is parsed, a round trip apiece (bench/route-switch). A failure
  // here is the child's own import's to report.
  for (const library of app.requires ?? []) importModule(library).catch(() => {});
  const [exports] = await Promise.all([importModule(app.specifier), loadKind()]);
  return KINDS[app.kind](name, app, exports, registry);
}
