/** Manual timers for tests: nothing runs until `tick` moves the clock past it. */
export function fakeTimers(start = 0) {
  let now = start;
  let next = 1;
  const pending = new Map();
  return {
    now: () => now,
    setTimeout(fn, ms) {
      pending.set(next, { fn, at: now + ms });
      return next++;
    },
    clearTimeout(id) {
      pending.delete(id);
    },
    get pending() {
      return pending.size;
    },
    tick(ms) {
      now += ms;
      for (const [id, { fn, at }] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
        if (at <= now) {
          pending.delete(id);
          fn();
        }
      }
    },
  };
}
