/**
 * Loads a child's code by its integration kind and hands back one uniform adapter. The
 * specifier is bare: the page's import map resolves it to the deployed version.
 */

import { federationAdapter } from './federation-kind.js';
import { moduleAdapter } from './module-kind.js';
import { singleSpaAdapter } from './single-spa-kind.js';
import { webComponentAdapter } from './web-component-kind.js';
import { NOT_A_LIFECYCLE, PergolaError } from '../telemetry/error-codes.js';

/**
 * @param {string} name the app's name
 * @param {{kind: string, specifier: string, exposes?: string, element?: string,
 *   shadow?: boolean}} app the app's config
 * @param {{importModule: (specifier: string) => Promise<object>,
 *   registry?: {whenDefined(tag: string): Promise<unknown>}}} io
 * @returns {Promise<import('./module-kind.js').Adapter>}
 */
export async function loadApp(name, app, { importModule, registry }) {
  const exports = await importModule(app.specifier);
  switch (app.kind) {
    case 'module': return moduleAdapter(name, exports);
    case 'single-spa': return singleSpaAdapter(name, exports);
    case 'federation': return federationAdapter(name, exports, app.exposes);
    case 'web-component': return webComponentAdapter(app, registry);
    default: throw new PergolaError(NOT_A_LIFECYCLE, `${name} has an unknown kind "${app.kind}"`);
  }
}
