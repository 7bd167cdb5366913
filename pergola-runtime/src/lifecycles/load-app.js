/**
 * Loads a child by its bare specifier (the page's import map resolves it to the deployed
 * version) and adapts it by kind. Kind adapters load lazily: a page pays only for kinds it uses.
 */

import { NOT_A_LIFECYCLE, PergolaError } from '../telemetry/error-codes.js';

const KINDS = {
  module: async (name, app, exports) =>
    (await import('./module-kind.js')).moduleAdapter(name, exports),
  'single-spa': async (name, app, exports) =>
    (await import('./single-spa-kind.js')).singleSpaAdapter(name, exports),
  federation: async (name, app, exports) =>
    (await import('./federation-kind.js')).federationAdapter(name, exports, app.exposes),
  'web-component': async (name, app, exports, registry) =>
    (await import('./web-component-kind.js')).webComponentAdapter(app, registry),
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
  const adapt = Object.hasOwn(KINDS, app.kind) && KINDS[app.kind];
  if (!adapt) throw new PergolaError(NOT_A_LIFECYCLE, `${name} has an unknown kind "${app.kind}"`);
  // The child's shared libraries load beside it, not after it: otherwise each is discovered only
  // once the module importing it is parsed, a round trip apiece (bench/route-switch). A failure
  // here is the child's own import's to report.
  for (const library of app.requires ?? []) importModule(library).catch(() => {});
  return adapt(name, app, await importModule(app.specifier), registry);
}
