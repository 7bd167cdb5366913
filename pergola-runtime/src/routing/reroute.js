/**
 * Keeps the page in step with the URL. Route changes run one at a time in arrival order; a
 * change to the app already shown is passed to it as an update instead of a remount; no match
 * shows the shell's not-found view; a child that fails to mount is replaced by a fallback whose
 * retry mounts it again. Always-on slots mount at start, outside the queue, and receive every
 * route change too.
 */

import { BROKEN } from '../applications/app-status.js';

/**
 * @typedef {ReturnType<typeof import('../applications/app-controller.js').createAppController>} App
 * @typedef {import('./match-route.js').Route} Route
 * @typedef {{into(target: Element, name: string): Element, fallback(box: Element, name: string,
 *   retry: () => void): void, notFound(): void}} OutletView the DOM side, kept thin
 */

/**
 * @param {{match: ReturnType<typeof import('./match-route.js').createMatcher>,
 *   apps: Map<string, App>, view: OutletView, outlet: Element,
 *   slots?: {app: App, target: Element}[], onMounted?: (name: string) => void}} options
 * @returns {{start(path: string): Promise<void>, reroute(path: string): Promise<void>}}
 *   `reroute` queues a change to `path` and settles when it is done
 */
export function createRerouter({ match, apps, view, outlet, slots = [], onMounted = () => {} }) {
  let current = null;
  let currentRoute = null;
  let lastPath = null;
  let queue = Promise.resolve();

  const show = async (app, route, target, retry) => {
    const box = view.into(target, app.name);
    if (await app.mount(box, route)) onMounted(app.name);
    else view.fallback(box, app.name, retry);
  };

  // The queue must outlive any failure, or one bad change would stop all later navigation.
  const enqueue = (work) => (queue = queue.then(work).catch(console.error));
  const showRouted = (app) => show(app, currentRoute, outlet, () =>
    enqueue(() => current === app && app.status === BROKEN && showRouted(app)));

  const run = async (path) => {
    const matched = match(path);
    const next = matched && apps.get(matched.app);
    // A hash change also fires popstate; the children have nothing new to hear.
    if (path === lastPath) return;
    lastPath = path;
    slots.forEach(({ app }) => app.update({ path, params: {}, basePath: '/' }));
    currentRoute = matched && { path, params: matched.params, basePath: matched.basePath };
    if (next && next === current) return next.update(currentRoute);
    await current?.unmount();
    current = next;
    if (next) await showRouted(next);
    else view.notFound();
  };

  const reroute = (path) => enqueue(() => run(path));

  return {
    reroute,
    start(path) {
      const route = { path, params: {}, basePath: '/' };
      const mountSlot = (slot) => show(slot.app, route, slot.target,
        () => slot.app.status === BROKEN && mountSlot(slot));
      slots.forEach(mountSlot);
      return reroute(path);
    },
  };
}
