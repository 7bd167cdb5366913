import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withTimeout } from '../../src/lifecycles/timeout.js';
import { fakeTimers } from '../fake-timers.js';

test('rejects with code 7 when the work does not settle in time', async () => {
  const timers = fakeTimers();
  const bounded = withTimeout(new Promise(() => {}), 500, 'billing mount', timers);
  timers.tick(500);
  await assert.rejects(bounded, { code: 7,
    message: '#7 billing mount did not settle within 500 ms' });
});

test('settles like the work when it is in time and clears its timer', async () => {
  const timers = fakeTimers();
  assert.equal(await withTimeout(Promise.resolve('done'), 500, 'x', timers), 'done');
  await assert.rejects(withTimeout(Promise.reject(new Error('boom')), 500, 'x', timers), /boom/);
  assert.equal(timers.pending, 0);
});

test('does not bound the work when the limit is not positive', async () => {
  const timers = fakeTimers();
  const work = Promise.resolve(1);
  assert.equal(withTimeout(work, 0, 'x', timers), work);
  assert.equal(withTimeout(work, Infinity, 'x', timers), work);
});
