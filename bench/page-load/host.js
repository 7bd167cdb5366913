/**
 * The app shell both baselines share: what a team would write around the demo children without
 * Pergola. Each child gets the parts of Pergola's context it uses (auth, events, navigate,
 * route, onRouteChange), and tokens come from the same endpoint Pergola's runtime calls (the
 * demo's, behind the baseline's nginx), so the pages differ in how they are built and delivered,
 * not in what the children do.
 */

const TOKEN_HEADERS = { "X-Pergola-Token-Request": "1" };
const REFRESH_LEAD_MS = 30_000;

/**
 * @param {{user: object, navigate: (path: string) => void, tokenUrl?: string, logoutUrl?: string}} options
 *   `navigate` changes the URL and ends in one `popstate` event, as Pergola's runtime does
 */
export function createHost({ user, navigate, tokenUrl = "/auth/token", logoutUrl = "/auth/logout" }) {
  const topics = new Map();
  const events = {
    publish(type, detail) {
      for (const cb of [...(topics.get(type) ?? [])]) cb(detail, type);
    },
    subscribe(type, cb) {
      if (!topics.has(type)) topics.set(type, new Set());
      topics.get(type).add(cb);
      return () => topics.get(type).delete(cb);
    },
  };

  const routeListeners = new Set();
  let route = { path: location.pathname, params: {} };
  addEventListener("popstate", () => {
    route = { path: location.pathname, params: {} };
    for (const cb of [...routeListeners]) cb(route);
  });

  const auth = (app) => {
    let token = null;
    let inFlight = null;
    const fetchToken = async () => {
      const response = await fetch(`${tokenUrl}?app=${encodeURIComponent(app)}`,
        { credentials: "same-origin", headers: TOKEN_HEADERS });
      if (!response.ok) throw new Error(`${tokenUrl} answered ${response.status}`);
      const body = await response.json();
      token = { value: body.access_token, expiresAt: body.expires_at * 1000 };
      return token.value;
    };
    return {
      user,
      getToken() {
        if (token && Date.now() < token.expiresAt - REFRESH_LEAD_MS) return Promise.resolve(token.value);
        inFlight ??= fetchToken().finally(() => (inFlight = null));
        return inFlight;
      },
      onChange: () => () => {},
      async logout() {
        const response = await fetch(logoutUrl, { method: "POST", credentials: "same-origin", headers: TOKEN_HEADERS });
        location.assign((await response.json()).redirect || "/");
      },
    };
  };

  return {
    /** The context one child receives. */
    contextFor(name) {
      return {
        app: { name },
        auth: auth(name),
        events,
        navigate,
        get route() {
          return route;
        },
        onRouteChange(cb) {
          routeListeners.add(cb);
          return () => routeListeners.delete(cb);
        },
      };
    },
  };
}

/**
 * Mounts a custom element the child's module defines: created with its context, kept current on
 * route changes with a `pergola:route` event (what the shipping child listens to).
 * @returns {{mount(el: Element, context: object): void, unmount(el: Element): void}}
 */
export function webComponentApp(tag) {
  const stops = new WeakMap();
  return {
    mount(el, context) {
      const child = document.createElement(tag);
      child.pergola = context;
      child.route = context.route;
      el.append(child);
      stops.set(el, context.onRouteChange((route) => {
        child.route = route;
        child.dispatchEvent(new CustomEvent("pergola:route", { detail: route }));
      }));
    },
    unmount(el) {
      stops.get(el)?.();
      el.replaceChildren();
    },
  };
}

/** Mounts a child exporting `mount(element, context)` and `unmount(element)` (the profile). */
export function moduleApp(module) {
  return { mount: (el, context) => module.mount(el, context), unmount: (el) => module.unmount(el) };
}

/** Mounts a child written to the single-spa protocol (billing) without single-spa. */
export function singleSpaApp(module, name) {
  return {
    mount: (el, context) => module.mount({ name, domElement: el, pergola: context }),
    unmount: () => module.unmount({ name }),
  };
}

/** The user the page was built for: the same claims Pergola's shell page carries. */
export function pageUser() {
  return JSON.parse(document.getElementById("user").textContent);
}
