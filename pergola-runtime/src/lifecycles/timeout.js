/**
 * Bounds how long a child may take for one lifecycle step, so a hung child cannot stall the
 * shell's navigation queue.
 */

import { PergolaError, TIMEOUT } from '../telemetry/error-codes.js';

/**
 * @template T
 * @param {Promise<T>} work the step in flight
 * @param {number} ms the limit; 0, negative or non-finite means no limit
 * @param {string} what names the step in the timeout message, e.g. "billing mount"
 * @param {{setTimeout: Function, clearTimeout: Function}} [timers] injectable for tests
 * @returns {Promise<T>} settles like `work`, or rejects with a #7 error after `ms`
 */
export function withTimeout(work, ms, what, timers = globalThis) {
  if (!(ms > 0 && Number.isFinite(ms))) return work;
  let id;
  const expiry = new Promise((_, reject) => {
    id = timers.setTimeout(
      () => reject(new PergolaError(TIMEOUT, `${what} did not settle within ${ms} ms`)), ms);
  });
  return Promise.race([work, expiry]).finally(() => timers.clearTimeout(id));
}
