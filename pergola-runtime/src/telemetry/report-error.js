/**
 * Reports a child's failure: to the server's telemetry endpoint (a `keepalive` POST, which
 * survives the page unloading, as `sendBeacon` would, with one code path), to the console, and as
 * a `pergola:error` event. Reporting never throws.
 */

/**
 * @typedef {{app: string, version: string, phase: string, code: number, error: unknown}} Failure
 */

/**
 * @param {Failure} failure
 * @param {{url: string, revision: number}} page where the shell is and which revision it runs
 * @returns {{app: string, version: string, phase: string, message: string, stack?: string,
 *   url: string, revision: number}} the JSON body the server expects
 */
export function errorPayload({ app, version, phase, code, error }, { url, revision }) {
  const cause = error instanceof Error ? error.message : String(error);
  const own = cause.startsWith(`#${code} `);
  const message = own ? cause : `#${code} ${app} ${phase} failed: ${cause}`;
  const payload = { app, version, phase, message, url, revision };
  if (error instanceof Error && error.stack) payload.stack = error.stack;
  return payload;
}

/**
 * @param {{telemetryUrl?: string, revision: number, location: {href: string},
 *   fetch: Function,
 *   onReport?: (payload: object, failure: Failure) => void}} options
 * @returns {(failure: Failure) => object} reports and returns the payload
 */
export function createReporter({ telemetryUrl, revision, location, fetch, onReport }) {
  return (failure) => {
    const payload = errorPayload(failure, { url: location.href, revision });
    console.error(payload.message, failure.error);
    // Telemetry is best effort: the shell must keep working when it or a listener fails. (fetch
    // reports every failure as a rejection, never by throwing.)
    if (telemetryUrl) {
      fetch(telemetryUrl, { method: 'POST', body: JSON.stringify(payload), keepalive: true,
        headers: { 'Content-Type': 'application/json' } }).catch(() => {});
    }
    try {
      onReport?.(payload, failure);
    } catch (error) {
      console.error(error);
    }
    return payload;
  };
}
