/**
 * Publish/subscribe between children. Types are strings named by convention `<app>:<event>`
 * (e.g. "billing:paid"). Delivery is synchronous and isolated: a subscriber that throws is
 * reported and the others still receive the event.
 */

/**
 * @typedef {(detail: unknown, type: string) => void} Subscriber
 * @typedef {{publish(type: string, detail?: unknown): void,
 *   subscribe(type: string, cb: Subscriber): () => void}} EventBus
 */

/**
 * @param {(error: unknown, type: string, owner: string | undefined) => void} onSubscriberError
 * @returns {EventBus & {scope(owner: string): EventBus & {release(): void}}}
 */
export function createEventBus(onSubscriberError) {
  /** @type {Map<string, Set<{cb: Subscriber, owner?: string}>>} */
  const topics = new Map();

  const subscribe = (type, cb, owner) => {
    const entry = { cb, owner };
    if (!topics.has(type)) topics.set(type, new Set());
    topics.get(type).add(entry);
    return () => topics.get(type)?.delete(entry);
  };

  const publish = (type, detail) => {
    for (const { cb, owner } of [...(topics.get(type) ?? [])]) {
      try {
        cb(detail, type);
      } catch (error) {
        onSubscriberError(error, type, owner);
      }
    }
  };

  /** A view for one child whose subscriptions all end when `release()` is called. */
  const scope = (owner) => {
    const mine = new Set();
    return {
      publish,
      subscribe(type, cb) {
        const off = subscribe(type, cb, owner);
        mine.add(off);
        return () => (mine.delete(off), off());
      },
      release() {
        mine.forEach((off) => off());
        mine.clear();
      },
    };
  };

  return { publish, subscribe: (type, cb) => subscribe(type, cb), scope };
}
