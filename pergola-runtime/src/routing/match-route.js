/**
 * Route table matching, pure (no DOM). A route path matches by whole segments as a prefix
 * (`/billing` matches `/billing/invoices/42`, not `/billingx`), `:name` matches one segment and
 * a trailing `*` captures the rest as `params['*']`. The longest static prefix wins, then the
 * longer pattern, then the first declared.
 */

/** @typedef {{path: string, params: Record<string, string>, basePath: string}} Route */

const split = (path) => path.split('/').filter(Boolean);

const decode = (segment) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/**
 * @param {{path: string, app: string}[]} routes the shell's route table
 * @returns {(path: string) => (Route & {app: string}) | null} the best match for a pathname
 */
export function createMatcher(routes) {
  const compiled = routes
    .map(({ path, app }, order) => {
      const segments = split(path);
      const star = segments.at(-1) === '*';
      if (star) segments.pop();
      const firstParam = segments.findIndex((s) => s[0] === ':');
      const prefix = firstParam < 0 ? segments : segments.slice(0, firstParam);
      const basePath = '/' + prefix.join('/');
      return { app, segments, star, order, basePath, weight: prefix.length };
    })
    .sort((a, b) =>
      b.weight - a.weight || b.segments.length - a.segments.length || a.order - b.order);

  return (path) => {
    const parts = split(path);
    for (const route of compiled) {
      if (parts.length < route.segments.length) continue;
      const params = {};
      const matches = route.segments.every((s, i) =>
        s[0] === ':' ? (params[s.slice(1)] = decode(parts[i])) !== '' : s === parts[i]);
      if (!matches) continue;
      if (route.star) params['*'] = parts.slice(route.segments.length).map(decode).join('/');
      return { app: route.app, path, params, basePath: route.basePath };
    }
    return null;
  };
}
