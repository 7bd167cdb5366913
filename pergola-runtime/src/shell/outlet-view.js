/**
 * The DOM the shell itself renders: a fresh container per mount, the fallback that replaces a
 * broken child (with a Retry button) and the not-found view. A container the server rendered the
 * child's fragment into (`data-pergola-fragment`) is the child's first: it mounts over the HTML
 * the browser has shown since the page arrived, which stays until the child replaces it.
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
      let box = target.firstElementChild;
      if (box?.dataset.pergolaFragment != name) target.replaceChildren(box = owned(make('div'), name));
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
      view.append(make('h1', notFound?.title),
        make('a', notFound?.home, { href: '/' }));
      outlet.replaceChildren(view);
    },
  };
}
