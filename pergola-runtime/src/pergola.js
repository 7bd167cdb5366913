/**
 * Pergola's browser runtime: the entry module a shell page loads. It only wires and re-exports;
 * it starts by itself when the page holds a `#pergola-config`.
 *
 * The shell page contract (the server writes this page):
 *
 *   <script type="importmap" nonce="…">{"imports": {"billing": "/assets/billing/1.2.0/index.js"},
 *     "integrity": {…}}</script>
 *   <script type="application/json" id="pergola-config">{…}</script>
 *   <script type="module" nonce="…" src="/pergola/runtime/pergola.js"></script>
 *   <div id="pergola-slot-header"></div> <main id="pergola-outlet"></main>
 *
 * `#pergola-config` holds `environment`, `revision`, `telemetryUrl`, `mountTimeoutMs`, `auth`
 * ({tokenUrl, logoutUrl, user}), `apps` (name → {version, kind, specifier, …}), `slots`
 * ([{name, app, target}]), `routes` ([{path, app}]), `outlet` and `notFound` ({title}).
 * `pergola-runtime/README.md` describes every field; `ERRORS.md` every error code. A signed-in
 * page may also define `pergolaTokens(url)`, handing over the token requests it made itself.
 *
 * Observable from the page: `window.pergola` ({navigate, apps: name → status, events}) and the
 * `pergola:mounted` / `pergola:error` events on `window`.
 */

import { CONFIG, PergolaError } from './telemetry/error-codes.js';
import { start } from './shell/start.js';

export * from './applications/app-status.js';
export { PergolaError } from './telemetry/error-codes.js';
export { createMatcher } from './routing/match-route.js';
export { start };

const script = globalThis.document?.getElementById('pergola-config');
if (script) {
  try {
    start(window, JSON.parse(script.textContent), (specifier) => import(specifier));
  } catch (error) {
    console.error(new PergolaError(CONFIG, `cannot start: ${error.message}`));
  }
}
