/**
 * Wires the runtime into a shell page: reads `#pergola-config`, builds one controller and
 * context per app, mounts the always-on slots, follows the URL and exposes `window.pergola`.
 * Problems in the configuration are reported, not thrown, so the rest of the page still works.
 */

import { createAppController } from '../applications/app-controller.js';
import { createContext } from '../context/create-context.js';
import { createEventBus } from '../context/event-bus.js';
import { createAuth } from '../context/token-source.js';
import { loadApp } from '../lifecycles/load-app.js';
import { createMatcher } from '../routing/match-route.js';
import { startNavigation, webUrl } from '../routing/navigation.js';
import { createRerouter } from '../routing/reroute.js';
import * as E from '../telemetry/error-codes.js';
import { createReporter } from '../telemetry/report-error.js';
import { createOutletView } from './outlet-view.js';

/**
 * @param {Window} win the page
 * @param {object} config the parsed `#pergola-config`
 * @param {(specifier: string) => Promise<object>} importModule `import()` from the entry module,
 *   so bare specifiers resolve through the page's import map
 */
export function start(win, config, importModule) {
  const { document: doc, location } = win;
  const { apps = {}, environment, revision } = config;
  const emit = (type, detail) => win.dispatchEvent(new CustomEvent(type, { detail }));
  const fetch = win.fetch.bind(win);
  const report = createReporter({
    telemetryUrl: config.telemetryUrl, revision, location, fetch,
    onReport: (payload, { code }) => emit('pergola:error', { ...payload, code }),
  });
  const shellError = (code, message) => void report(
    { app: 'shell', version: '', phase: 'config', code, error: new E.PergolaError(code, message) });
  const bus = createEventBus((error, type, app = 'shell') => report({
    app, version: apps[app]?.version ?? '', phase: 'event', code: E.SUBSCRIBER, error,
  }));
  const auth = createAuth(config.auth, {
    // The first view's first tokens, which the page itself asked for as it was parsed, a round
    // trip before this runtime could have: `pergolaTokens(url)` hands each response over once.
    fetch: (url, init) => win.pergolaTokens?.(url) ?? fetch(url, init),
    now: Date.now, setTimeout: win.setTimeout.bind(win), clearTimeout: win.clearTimeout.bind(win),
    assign: (url) => location.assign(webUrl(url, location.href) ?? '/'),
  });
  const status = {};
  let navigate = () => {};

  const controllers = new Map(Object.entries(apps).map(([name, app]) => {
    const { version } = app;
    const appAuth = auth.forApp(name);
    const scope = createContext({
      name, version, auth: appAuth, bus, environment, revision,
      navigate: (to) => navigate(to),
      onRouteError: (error) =>
        report({ app: name, version, phase: 'update', code: E.ROUTE_UPDATE, error }),
    });
    return [name, createAppController({
      name, version, scope, report, timeoutMs: config.mountTimeoutMs ?? 10_000,
      load: () => {
        // A child that calls APIs gets its first token beside its code, not once it has mounted.
        if (app.token) appAuth.getToken().catch(() => {});
        return loadApp(name, app, { importModule, registry: win.customElements });
      },
      onStatus: (n, s) => (status[n] = s),
    })];
  }));
  controllers.forEach((app) => (status[app.name] = app.status));

  const known = (app, where) =>
    controllers.get(app) ?? shellError(E.UNKNOWN_APP, `${where} names the unknown app "${app}"`);
  const element = (selector, where) =>
    doc.querySelector(selector) ?? shellError(E.SLOT_MISSING, `${where} "${selector}" is not on the page`);
  for (const { path, app } of config.routes ?? []) known(app, `route ${path}`);
  const slots = (config.slots ?? []).flatMap(({ name, app, target }) => {
    const slot = { app: known(app, `slot ${name}`), target: element(target, `slot ${name}`) };
    return slot.app && slot.target ? [slot] : [];
  });
  const outlet = element(config.outlet, 'outlet');
  const router = createRerouter({
    match: createMatcher(config.routes ?? []), apps: controllers, slots, outlet,
    view: createOutletView(doc, outlet, config.notFound),
    onMounted: (app) => emit('pergola:mounted', { app }),
  });
  navigate = startNavigation(win, router.reroute);
  const events = Object.freeze({ publish: bus.publish, subscribe: bus.subscribe });
  win.pergola = Object.freeze({ navigate, apps: status, events });
  // single-spa apps look for this global to know they run inside a root config, and call it
  // with a URL, a link or a click event.
  win.singleSpaNavigate ??= (to) => {
    to?.preventDefault?.();
    navigate(typeof to === 'string' ? to : (to?.currentTarget ?? to)?.href);
  };
  return router.start(location.pathname);
}
