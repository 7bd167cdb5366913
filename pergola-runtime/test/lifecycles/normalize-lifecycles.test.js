import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeLifecycles } from '../../src/lifecycles/normalize-lifecycles.js';

test('runs an array of steps one after another, awaiting each', async () => {
  const calls = [];
  const slow = async (props) => {
    await new Promise((resolve) => setImmediate(resolve));
    calls.push(`slow ${props.name}`);
  };
  const lifecycles = normalizeLifecycles('legacy', {
    mount: [slow, (props) => calls.push(`fast ${props.name}`)], unmount: () => {},
  });
  await lifecycles.mount({ name: 'legacy' });
  assert.deepEqual(calls, ['slow legacy', 'fast legacy']);
});

test('stops at the first step that rejects', async () => {
  const calls = [];
  const lifecycles = normalizeLifecycles('legacy', {
    mount: [async () => Promise.reject(new Error('boom')), () => calls.push('after')],
    unmount: () => {},
  });
  await assert.rejects(lifecycles.mount({}), /boom/);
  assert.deepEqual(calls, []);
});

test('treats a missing bootstrap or update as a no-op', async () => {
  const lifecycles = normalizeLifecycles('legacy', { mount() {}, unmount() {} });
  assert.equal(await lifecycles.bootstrap({}), undefined);
  assert.equal(await lifecycles.update({}), undefined);
});

test('reads the lifecycles from a default export', async () => {
  let mounted = false;
  const lifecycles = normalizeLifecycles('legacy', { default: { mount: () => (mounted = true),
    unmount() {} } });
  await lifecycles.mount({});
  assert.equal(mounted, true);
});

test('refuses a module without mount or unmount, with code 4', () => {
  assert.throws(() => normalizeLifecycles('legacy', { mount() {} }),
    { code: 4, message: '#4 legacy must export unmount as a function or an array of functions' });
  assert.throws(() => normalizeLifecycles('legacy', { mount: [() => {}, 'x'], unmount() {} }),
    { code: 4 });
  assert.throws(() => normalizeLifecycles('legacy', { mount: [], unmount() {} }), { code: 4 });
  assert.throws(() => normalizeLifecycles('legacy', undefined), { code: 4 });
});
