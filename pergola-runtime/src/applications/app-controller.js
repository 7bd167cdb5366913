/**
 * Drives one child through its statuses: loads it on first mount, bootstraps it once, mounts,
 * updates and unmounts it, each step bounded by the timeout. Its methods never throw: a failure
 * is reported, the app becomes BROKEN and `mount` answers false so the shell shows a fallback.
 */

import * as S from './app-status.js';
import { withTimeout } from '../lifecycles/timeout.js';
import * as E from '../telemetry/error-codes.js';

/**
 * @param {{name: string, version: string, load: () => Promise<object>,
 *   scope: ReturnType<typeof import('../context/create-context.js').createContext>,
 *   report: (failure: object) => void, timeoutMs: number, timers?: object,
 *   onStatus?: (name: string, status: string) => void}} options
 */
export function createAppController({ name, version, load, scope, report, timeoutMs, timers,
  onStatus = () => {} }) {
  let status = S.NOT_LOADED;
  let adapter = null;
  let bootstrapped = false;
  let element = null;
  const { context } = scope;

  const set = (next) => onStatus(name, (status = S.transition(status, next)));
  const step = async (phase, code, work) => {
    try {
      return await withTimeout(Promise.resolve().then(work), timeoutMs, `${name} ${phase}`, timers);
    } catch (error) {
      throw { phase, code: error?.code === E.TIMEOUT ? E.TIMEOUT : code, error };
    }
  };
  const fail = (failure) => report({ app: name, version, ...failure });

  return {
    name,
    get status() {
      return status;
    },

    /**
     * @param {Element} target the empty container to render into
     * @param {import('../routing/match-route.js').Route} route the route it is mounted for
     * @returns {Promise<boolean>} whether the child is now MOUNTED
     */
    async mount(target, route) {
      if (status !== S.NOT_LOADED && status !== S.NOT_MOUNTED && status !== S.BROKEN) {
        return status === S.MOUNTED;
      }
      scope.setRoute(route, false);
      try {
        if (!adapter) {
          set(S.LOADING);
          adapter = await step('load', E.LOAD, load);
          set(S.NOT_MOUNTED);
        }
        set(S.MOUNTING);
        if (!bootstrapped) {
          await step('bootstrap', E.BOOTSTRAP, () => adapter.bootstrap(target, context));
          bootstrapped = true;
        }
        await step('mount', E.MOUNT, () => adapter.mount(target, context));
        element = target;
        set(S.MOUNTED);
        return true;
      } catch (failure) {
        set(S.BROKEN);
        scope.release();
        fail(failure.phase ? failure : { phase: 'mount', code: E.MOUNT, error: failure });
        return false;
      }
    },

    /** Passes a route change to the mounted child without remounting it. */
    async update(route) {
      scope.setRoute(route);
      if (status !== S.MOUNTED) return;
      try {
        await step('update', E.ROUTE_UPDATE, () => adapter.update(element, context));
      } catch (failure) {
        fail(failure);
      }
    },

    /** Unmounts a MOUNTED child; a failed unmount is reported and still counts as unmounted. */
    async unmount() {
      if (status !== S.MOUNTED) return;
      set(S.UNMOUNTING);
      try {
        await step('unmount', E.UNMOUNT, () => adapter.unmount(element, context));
      } catch (failure) {
        fail(failure);
      }
      scope.release();
      element = null;
      set(S.NOT_MOUNTED);
    },
  };
}
