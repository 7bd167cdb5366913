/**
 * The one object every child receives: who is signed in, the event bus, navigation, where it is
 * mounted and which route is active. Subscriptions a child makes through it end when the child
 * unmounts, so a remount never doubles them.
 */

/**
 * @typedef {import('../routing/match-route.js').Route} Route
 * @typedef {{app: {name: string, version: string}, auth: import('./token-source.js').Auth,
 *   events: import('./event-bus.js').EventBus, navigate(path: string): void,
 *   environment: string, revision: number, basePath: string, route: Route,
 *   onRouteChange(cb: (route: Route) => void): () => void}} PergolaContext
 */

/**
 * @param {{name: string, version: string, auth: object, bus: object, navigate: Function,
 *   environment: string, revision: number, onRouteError: (error: unknown) => void}} options
 * @returns {{context: PergolaContext, setRoute(route: Route, notify?: boolean): void,
 *   release(): void}}
 */
export function createContext({ name, version, auth, bus, navigate, environment, revision,
  onRouteError }) {
  const listeners = new Set();
  const events = bus.scope(name);
  let route = { path: '/', params: {}, basePath: '/' };
  const context = Object.freeze({
    app: Object.freeze({ name, version }),
    auth,
    events: Object.freeze({ publish: events.publish, subscribe: events.subscribe }),
    navigate,
    environment,
    revision,
    get basePath() {
      return route.basePath;
    },
    get route() {
      return route;
    },
    onRouteChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  });

  return {
    context,
    setRoute(next, notify = true) {
      route = Object.freeze(next);
      if (!notify) return;
      for (const cb of [...listeners]) {
        try {
          cb(route);
        } catch (error) {
          onRouteError(error);
        }
      }
    },
    release() {
      listeners.clear();
      events.release();
    },
  };
}
