/**
 * The DOM the shell itself renders: a fresh container per mount, the fallback that replaces a
 * broken child (with a Retry button) and the not-found view.
 */

/**
 * @param {Document} doc
 * @param {Element | null} outlet where routed children go
 * @param {{title?: string} | undefined} notFound the config's not-found texts
 * @returns {import('../routing/reroute.js').OutletView}
 */
export function createOutletView(doc, outlet, notFound) {
  const make = (tag, text = '', props = {}) =>
    Object.assign(doc.createElement(tag), { textContent: text }, props);
  const owned = (node, name) => ((node.dataset.pergolaApp = name), node);
  return {
    into(target, name) {
      const box = owned(make('div'), name);
      target.replaceChildren(box);
      return box;
    },
    fallback(box, name, retry) {
      // A second click is harmless: a retry only mounts an app that is still broken.
      const button = make('button', 'Retry', { type: 'button', onclick: retry });
      const view = owned(make('div', '', { className: 'pergola-fallback', role: 'alert' }), name);
      view.append(make('p', `${name} is unavailable right now.`), button);
      // Replacing the box itself leaves a child whose mount settles late rendering into a
      // detached element instead of over the fallback.
      box.replaceWith(view);
    },
    notFound() {
      const view = make('section', '', { className: 'pergola-not-found' });
      view.append(make('h1', notFound?.title ?? 'Page not found'),
        make('a', 'Go to the home page', { href: '/' }));
      outlet.replaceChildren(view);
    },
  };
}
