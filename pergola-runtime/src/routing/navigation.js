/**
 * Client-side navigation with the History API. Every URL change, whoever makes it (a shell
 * link, `context.navigate`, a child's own router calling `history.pushState`), ends in one
 * `popstate` event, as single-spa does, so both the shell and children's routers follow it.
 */

/**
 * Whether a click on a link should become a client-side navigation: a plain left click on a
 * same-origin `<a href>` opening in this tab, not a download, not marked `data-pergola-reload`,
 * not a jump within the current page.
 *
 * @param {MouseEvent} event
 * @param {HTMLAnchorElement | undefined} a the clicked link, if any
 * @param {Location} location the page's location
 * @returns {boolean}
 */
export function isShellNavigation(event, a, location) {
  if (typeof a?.href !== 'string' || event.defaultPrevented || event.button !== 0) return false;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  if ((a.target && a.target !== '_self') || a.hasAttribute('download')) return false;
  if (a.hasAttribute('data-pergola-reload')) return false;
  const url = new URL(a.href, location.href);
  const samePage = url.pathname === location.pathname && url.search === location.search;
  return url.origin === location.origin && !(samePage && url.hash);
}

/**
 * Resolves a navigation target, refusing anything but http(s) so that a `javascript:` URL
 * passed along by a child can never run as script.
 *
 * @param {string} to an absolute or relative URL
 * @param {string} base the page's URL
 * @returns {URL | null}
 */
export function webUrl(to, base) {
  try {
    const url = new URL(to, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Installs the listeners and returns `navigate`.
 *
 * @param {Window} win
 * @param {(path: string) => void} onChange called with the new pathname after each change
 * @returns {(to: string) => void} navigates without reloading (other origins load normally)
 */
export function startNavigation(win, onChange) {
  const { history, location } = win;
  for (const method of ['pushState', 'replaceState']) {
    const original = history[method];
    history[method] = function (...args) {
      const before = location.href;
      const result = original.apply(this, args);
      if (location.href !== before) {
        win.dispatchEvent(new PopStateEvent('popstate', { state: args[0] }));
      }
      return result;
    };
  }
  win.addEventListener('popstate', () => onChange(location.pathname));
  const navigate = (to) => {
    const url = webUrl(to, location.href);
    if (!url) console.error(`Pergola refuses to navigate to ${to}`);
    else if (url.origin === location.origin) history.pushState(null, '', url.href);
    else location.assign(url.href);
  };
  win.document.addEventListener('click', (event) => {
    const a = event.composedPath().find((node) => node.localName === 'a');
    if (!isShellNavigation(event, a, location)) return;
    event.preventDefault();
    navigate(a.href);
  });
  return navigate;
}
