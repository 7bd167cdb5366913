import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAppController } from '../../src/applications/app-controller.js';
import { createContext } from '../../src/context/create-context.js';
import { createEventBus } from '../../src/context/event-bus.js';
import { fakeTimers } from '../fake-timers.js';

const route = { path: '/billing', params: {}, basePath: '/billing' };

function setUp(adapter, { load, timers } = {}) {
  const reports = [];
  const statuses = [];
  const calls = [];
  const bus = createEventBus(() => {});
  const scope = createContext({ name: 'billing', version: '1.2.0', bus, onRouteError: () => {} });
  let loads = 0;
  const app = createAppController({
    name: 'billing', version: '1.2.0', scope, timeoutMs: 1000, timers,
    report: (failure) => reports.push(failure),
    load: load ?? (async () => (loads++, adapter)),
    onStatus: (name, status) => statuses.push(status),
  });
  return { app, reports, statuses, calls, scope, bus, loads: () => loads };
}

const recording = (calls, overrides = {}) => ({
  bootstrap: async () => calls.push('bootstrap'),
  mount: async (el) => calls.push(`mount ${el}`),
  unmount: async (el) => calls.push(`unmount ${el}`),
  update: async (el, ctx) => calls.push(`update ${ctx.route.path}`),
  ...overrides,
});

test('loads once, bootstraps once and mounts and unmounts in order', async () => {
  const calls = [];
  const { app, statuses, loads } = setUp(recording(calls));
  assert.equal(await app.mount('box1', route), true);
  await app.unmount();
  assert.equal(await app.mount('box2', route), true);
  await app.unmount();
  assert.deepEqual(calls, ['bootstrap', 'mount box1', 'unmount box1', 'mount box2',
    'unmount box2']);
  assert.equal(loads(), 1);
  assert.deepEqual(statuses, ['LOADING', 'NOT_MOUNTED', 'MOUNTING', 'MOUNTED', 'UNMOUNTING',
    'NOT_MOUNTED', 'MOUNTING', 'MOUNTED', 'UNMOUNTING', 'NOT_MOUNTED']);
});

test('a module that fails to load is BROKEN, reported with code 3, and loads again on retry',
  async () => {
  let attempts = 0;
  const calls = [];
  const { app, reports } = setUp(null, {
    load: async () => {
      if (attempts++ === 0) throw new TypeError('Failed to fetch dynamically imported module');
      return recording(calls);
    },
  });
  assert.equal(await app.mount('box', route), false);
  assert.equal(app.status, 'BROKEN');
  assert.equal(reports[0].code, 3);
  assert.equal(reports[0].phase, 'load');
  assert.equal(reports[0].app, 'billing');
  assert.equal(await app.mount('box', route), true);
  assert.equal(app.status, 'MOUNTED');
});

test('a mount that rejects is BROKEN with code 6 and bootstrap is not repeated on retry',
  async () => {
  const calls = [];
  let fail = true;
  const { app, reports } = setUp(recording(calls, {
    mount: async () => {
      if (fail) throw new Error('boom');
      calls.push('mount');
    },
  }));
  assert.equal(await app.mount('box', route), false);
  assert.deepEqual([reports[0].code, reports[0].phase, reports[0].error.message], [6, 'mount',
    'boom']);
  fail = false;
  assert.equal(await app.mount('box', route), true);
  assert.deepEqual(calls, ['bootstrap', 'mount']);
});

test('a mount that does not settle in time is BROKEN with code 7', async () => {
  const timers = fakeTimers();
  let mounting = false;
  const hang = () => ((mounting = true), new Promise(() => {}));
  const { app, reports } = setUp(recording([], { mount: hang }), { timers });
  const mounted = app.mount('box', route);
  while (!mounting) await new Promise((resolve) => setImmediate(resolve));
  timers.tick(1000);
  assert.equal(await mounted, false);
  assert.equal(app.status, 'BROKEN');
  assert.deepEqual([reports[0].code, reports[0].phase], [7, 'mount']);
});

test('a failing unmount is reported with code 8 and the app can mount again', async () => {
  const calls = [];
  const { app, reports } = setUp(recording(calls, {
    unmount: async () => {
      throw new Error('stuck');
    },
  }));
  await app.mount('box', route);
  await app.unmount();
  assert.equal(app.status, 'NOT_MOUNTED');
  assert.equal(reports[0].code, 8);
  assert.equal(await app.mount('box', route), true);
});

test('route changes reach the context listeners and the adapter', async () => {
  const calls = [];
  const { app, scope } = setUp(recording(calls));
  const seen = [];
  await app.mount('box', route);
  scope.context.onRouteChange((r) => seen.push(r.path));
  await app.update({ path: '/billing/42', params: {}, basePath: '/billing' });
  assert.deepEqual(seen, ['/billing/42']);
  assert.equal(scope.context.route.path, '/billing/42');
  assert.deepEqual(calls.at(-1), 'update /billing/42');
});

test('unmounting ends the subscriptions the child made through its context', async () => {
  const { app, scope, bus } = setUp(recording([]));
  const seen = [];
  await app.mount('box', route);
  scope.context.events.subscribe('t', () => seen.push('event'));
  scope.context.onRouteChange(() => seen.push('route'));
  await app.unmount();
  bus.publish('t');
  await app.update(route);
  assert.deepEqual(seen, []);
});

test('mounting an app that is already mounted changes nothing', async () => {
  const calls = [];
  const { app, reports } = setUp(recording(calls));
  await app.mount('box', route);
  assert.equal(await app.mount('other', route), true);
  assert.deepEqual(calls, ['bootstrap', 'mount box']);
  assert.deepEqual(reports, []);
});
