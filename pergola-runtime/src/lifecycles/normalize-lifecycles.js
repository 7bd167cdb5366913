/**
 * Turns single-spa style lifecycle exports into one async function per step: a function, an
 * array of functions run one after another, or absent (a no-op for the optional `bootstrap`
 * and `update`).
 */

import { NOT_A_LIFECYCLE, PergolaError } from '../telemetry/error-codes.js';

/**
 * @typedef {(props: object) => Promise<void>} LifecycleStep
 * @typedef {{bootstrap: LifecycleStep, mount: LifecycleStep, unmount: LifecycleStep,
 *   update: LifecycleStep}} Lifecycles
 */

const sequence = (app, name, value, required) => {
  const steps = value == null && !required ? [] : [value].flat();
  const bad = steps.length === 0 ? required : steps.some((f) => typeof f !== 'function');
  if (bad) {
    throw new PergolaError(NOT_A_LIFECYCLE,
      `${app} must export ${name} as a function or an array of functions`);
  }
  return async (props) => {
    for (const step of steps) await step(props);
  };
};

/**
 * @param {string} app the app's name, for error messages
 * @param {object} exports the module (or its default export) holding the lifecycles
 * @returns {Lifecycles}
 * @throws {PergolaError} #4 when `mount` or `unmount` is missing or not a function
 */
export function normalizeLifecycles(app, exports) {
  const source = exports && !('mount' in exports) && exports.default ? exports.default : exports;
  return {
    bootstrap: sequence(app, 'bootstrap', source?.bootstrap, false),
    mount: sequence(app, 'mount', source?.mount, true),
    unmount: sequence(app, 'unmount', source?.unmount, true),
    update: sequence(app, 'update', source?.update, false),
  };
}
