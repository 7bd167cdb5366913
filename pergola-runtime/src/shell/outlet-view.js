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
  const make = (tag, text, attrs = {}) => {
    const node = doc.createElement(tag);
    node.textContent = text;
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    return node;
  };
  return {
    into(target, name) {
      const box = make('div', '', { 'data-pergola-app': name });
      target.replaceChildren(box);
      return box;
    },
    fallback(box, name, retry) {
      const button = make('button', 'Retry', { type: 'button' });
      button.addEventListener('click', retry, { once: true });
      const view = make('div', '',
        { class: 'pergola-fallback', role: 'alert', 'data-pergola-app': name });
      view.append(make('p', `${name} is unavailable right now.`), button);
      // Replacing the box itself leaves a child whose mount settles late rendering into a
      // detached element instead of over the fallback.
      box.replaceWith(view);
    },
    notFound() {
      const view = make('section', '', { class: 'pergola-not-found' });
      view.append(make('h1', notFound?.title ?? 'Page not found'),
        make('a', 'Go to the home page', { href: '/' }));
      outlet.replaceChildren(view);
    },
  };
}
