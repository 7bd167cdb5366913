/**
 * The child's view of the signed-in user: an access token fetched from the shell's own origin,
 * kept in memory only (never Web Storage), shared by concurrent callers and refreshed shortly
 * before it expires. The `X-Pergola-Token-Request` header is the server's CSRF check.
 */

import { NO_AUTH, PergolaError, TOKEN } from '../telemetry/error-codes.js';

// fetch's default credentials, 'same-origin', send the session cookie to the shell's origin.
const INIT = { headers: { 'X-Pergola-Token-Request': '1' } };
const MIN_REFRESH_MS = 10_000;
const noAuth = () => new PergolaError(NO_AUTH, 'this shell has no "auth" configured');

/**
 * @typedef {{user: object | null, getToken(): Promise<string>,
 *   onChange(cb: (user: object | null) => void): () => void, logout(): Promise<void>}} Auth
 */

/**
 * @param {{tokenUrl: string, logoutUrl: string, user?: object} | undefined} config
 * @param {{fetch: Function, now: () => number, setTimeout: Function, clearTimeout: Function,
 *   assign: (url: string) => void, refreshBeforeMs?: number}} io injectable for tests
 * @returns {Auth & {forApp(app: string): Auth}} the shell's own view (tokens for Pergola's
 *   API) and, per child, a view whose tokens carry only the audiences that child declares
 */
export function createAuth(config, io) {
  const listeners = new Set();
  let user = config?.user ?? null;
  let signedOut = 0;
  const lead = io.refreshBeforeMs ?? 30_000;
  const sources = new Set();

  const change = (next) => {
    user = next;
    listeners.forEach((cb) => {
      try {
        cb(user);
      } catch (error) {
        console.error(error);
      }
    });
  };

  // One cached token per URL: each child asks for its own audiences (`?app=name`).
  const tokenSource = (url) => {
    let token = null; // the access token, valid until renewAt
    let renewAt = 0;
    let inFlight = null;
    let timer;

    const fetchToken = async () => {
      const since = signedOut;
      const res = await io.fetch(url, INIT);
      if (!res.ok) {
        token = null;
        // The session is gone: children must see the user signed out, not a stale one.
        if (res.status === 401) change(null);
        throw new PergolaError(TOKEN, `${url} answered ${res.status}`);
      }
      // A login page served after a redirect is not a token.
      const body = await res.json().catch(() => ({}));
      if (typeof body.access_token !== 'string') {
        throw new PergolaError(TOKEN, `${url} answered no access_token`);
      }
      if (since !== signedOut) throw new PergolaError(TOKEN, 'the user signed out');
      const refreshed = token !== null || (body.user && body.user.sub !== user?.sub);
      // Renewed `lead` before it expires, or halfway through the life of a token that lives
      // shorter than that: a token served anew on every call would be one request per API call.
      const expiresAt = body.expires_at * 1000;
      token = body.access_token;
      renewAt = expiresAt - Math.min(lead, (expiresAt - io.now()) / 2);
      io.clearTimeout(timer);
      // Floored so a short-lived token or a skewed clock cannot cause a refresh loop; capped
      // because timers fire at once beyond 2^31 - 1 ms.
      const due = Math.min(Math.max(renewAt - io.now(), MIN_REFRESH_MS), 2 ** 31 - 1);
      if (!Number.isNaN(due)) timer = io.setTimeout(() => refresh().catch(console.error), due);
      if (refreshed) change(body.user ?? user);
      else user = body.user ?? user;
      return token;
    };

    const refresh = () => {
      inFlight ??= fetchToken().finally(() => (inFlight = null));
      return inFlight;
    };

    const source = {
      get() {
        if (!config) return Promise.reject(noAuth());
        return token && io.now() < renewAt ? Promise.resolve(token) : refresh();
      },
      clear() {
        io.clearTimeout(timer);
        token = null;
      },
    };
    sources.add(source);
    return source;
  };

  const view = (source) => ({
    get user() {
      return user;
    },
    getToken: () => source.get(),
    onChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    async logout() {
      let target = '/';
      try {
        if (!config) throw noAuth();
        const res = await io.fetch(config.logoutUrl, { ...INIT, method: 'POST' });
        target = (await res.json()).redirect || target;
      } catch (error) {
        console.error(error);
      }
      signedOut++;
      sources.forEach((each) => each.clear());
      change(null);
      io.assign(target);
    },
  });

  const shared = view(tokenSource(config?.tokenUrl));
  /** The same user and logout, with tokens for the audiences `app` declares. */
  shared.forApp = (app) => view(tokenSource(
    config ? `${config.tokenUrl}?app=${encodeURIComponent(app)}` : undefined));
  return shared;
}
