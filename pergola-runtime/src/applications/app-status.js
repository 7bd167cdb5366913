/**
 * The life of a child app as string constants (like single-spa's) and the transitions the
 * runtime allows between them. A BROKEN app shows a fallback; a retry or a later visit tries it
 * again from where it broke.
 */

export const NOT_LOADED = 'NOT_LOADED';
export const LOADING = 'LOADING';
export const NOT_MOUNTED = 'NOT_MOUNTED';
export const MOUNTING = 'MOUNTING';
export const MOUNTED = 'MOUNTED';
export const UNMOUNTING = 'UNMOUNTING';
export const BROKEN = 'BROKEN';

const NEXT = {
  [NOT_LOADED]: [LOADING],
  [LOADING]: [NOT_MOUNTED, BROKEN],
  [NOT_MOUNTED]: [MOUNTING],
  [MOUNTING]: [MOUNTED, BROKEN],
  [MOUNTED]: [UNMOUNTING],
  [UNMOUNTING]: [NOT_MOUNTED],
  [BROKEN]: [LOADING, MOUNTING],
};

/**
 * @param {string} from current status
 * @param {string} to wanted status
 * @returns {string} `to`
 * @throws {Error} when the runtime itself tries a transition it does not allow
 */
export function transition(from, to) {
  if (!NEXT[from]?.includes(to)) {
    throw new Error(`Pergola: no move from ${from} to ${to}`);
  }
  return to;
}
