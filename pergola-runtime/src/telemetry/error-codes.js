/**
 * Numbered error codes; `pergola-runtime/ERRORS.md` explains each one and what to do about it.
 * Every message the runtime produces starts with `#<code>`.
 */

export const CONFIG = 1;
export const UNKNOWN_APP = 2;
export const LOAD = 3;
export const NOT_A_LIFECYCLE = 4;
export const BOOTSTRAP = 5;
export const MOUNT = 6;
export const TIMEOUT = 7;
export const UNMOUNT = 8;
export const ROUTE_UPDATE = 9;
export const SUBSCRIBER = 10;
export const NO_AUTH = 11;
export const TOKEN = 12;
export const SLOT_MISSING = 13;

/** An error raised by the runtime itself, carrying its numbered `code`. */
export class PergolaError extends Error {
  /**
   * @param {number} code one of the constants above
   * @param {string} message what happened, naming the app or setting involved
   */
  constructor(code, message) {
    super(`#${code} ${message}`);
    this.name = 'PergolaError';
    this.code = code;
  }
}
