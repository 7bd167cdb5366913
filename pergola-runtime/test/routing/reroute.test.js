import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quietly } from '../quietly.js';
import { createMatcher } from '../../src/routing/match-route.js';
import { createRerouter } from '../../src/routing/reroute.js';

/** An app double that records what the router asks of it; `failMount` makes mounts fail. */
function app(name, log, { failMount = false } = {}) {
  return {
    name,
    failMount,
    status: 'NOT_LOADED',
    async mount(box, route) {
      log.push(`mount ${name} ${route.path} into ${box}`);
      this.status = this.failMount ? 'BROKEN' : 'MOUNTED';
      return !this.failMount;
    },
    async update(route) {
      log.push(`update ${name} ${route.path}`);
    },
    async unmount() {
      log.push(`unmount ${name}`);
      this.status = 'NOT_MOUNTED';
    },
  };
}

function setUp(options = {}) {
  const log = [];
  const apps = new Map(['billing', 'shipping', 'header'].map((n) => [n, app(n, log, options[n])]));
  const retries = [];
  const view = {
    into: (target, name) => `${target}/${name}`,
    fallback: (box, name, retry) => (log.push(`fallback ${name} in ${box}`), retries.push(retry)),
    notFound: () => log.push('not found'),
  };
  const mounted = [];
  const router = createRerouter({
    match: createMatcher(
      [{ path: '/billing', app: 'billing' }, { path: '/shipping/:id', app: 'shipping' }]),
    apps, view, outlet: 'outlet', onMounted: (n) => mounted.push(n),
    slots: options.slots ? [{ app: apps.get('header'), target: 'header-slot' }] : [],
  });
  return { log, router, apps, retries, mounted };
}

test('mounts the matched app, and switches apps by unmounting first', async () => {
  const { log, router, mounted } = setUp();
  await router.reroute('/billing');
  await router.reroute('/shipping/7');
  assert.deepEqual(log, ['mount billing /billing into outlet/billing', 'unmount billing',
    'mount shipping /shipping/7 into outlet/shipping']);
  assert.deepEqual(mounted, ['billing', 'shipping']);
});

test('a route change within the same app is an update, not a remount', async () => {
  const { log, router } = setUp();
  await router.reroute('/billing');
  await router.reroute('/billing/invoices/42');
  assert.deepEqual(log, ['mount billing /billing into outlet/billing',
    'update billing /billing/invoices/42']);
});

test('the same path again (a hash change) tells nobody', async () => {
  const { log, router } = setUp({ slots: true });
  await router.start('/billing');
  await router.reroute('/billing');
  assert.deepEqual(log, ['mount header /billing into header-slot/header', 'update header /billing',
    'mount billing /billing into outlet/billing']);
});

test('no match shows the not-found view after unmounting the current app', async () => {
  const { log, router } = setUp();
  await router.reroute('/billing');
  await router.reroute('/nowhere');
  assert.deepEqual(log.slice(1), ['unmount billing', 'not found']);
});

test('route changes run one at a time in order', async () => {
  const { log, router } = setUp();
  router.reroute('/billing');
  router.reroute('/shipping/1');
  await router.reroute('/billing');
  assert.deepEqual(log, ['mount billing /billing into outlet/billing', 'unmount billing',
    'mount shipping /shipping/1 into outlet/shipping', 'unmount shipping',
    'mount billing /billing into outlet/billing']);
});

test('a failed mount shows a fallback whose retry mounts the app again, and others keep working',
  async () => {
  const { log, router, apps, retries } = setUp({ billing: { failMount: true } });
  await router.reroute('/billing');
  assert.deepEqual(log, ['mount billing /billing into outlet/billing',
    'fallback billing in outlet/billing']);
  apps.get('billing').failMount = false;
  retries[0]();
  await router.reroute('/billing');
  assert.equal(log[2], 'mount billing /billing into outlet/billing');
  await router.reroute('/shipping/2');
  assert.equal(log.at(-1), 'mount shipping /shipping/2 into outlet/shipping');
});

test('a second retry of an app that is mounted again does nothing', async () => {
  const { log, router, apps, retries } = setUp({ billing: { failMount: true } });
  await router.reroute('/billing');
  apps.get('billing').failMount = false;
  retries[0]();
  retries[0]();
  await router.reroute('/billing');
  assert.equal(log.filter((l) => l.startsWith('mount billing')).length, 2);
});

test('navigation goes on after a change that failed inside the runtime', async () => {
  const { log, router, apps } = setUp();
  apps.get('billing').mount = async () => {
    throw new Error('runtime bug');
  };
  await quietly(() => router.reroute('/billing'));
  await router.reroute('/shipping/1');
  assert.equal(log.at(-1), 'mount shipping /shipping/1 into outlet/shipping');
});

test('a retry after navigating away does nothing', async () => {
  const { log, router, retries } = setUp({ billing: { failMount: true } });
  await router.reroute('/billing');
  await router.reroute('/shipping/2');
  retries[0]();
  await router.reroute('/shipping/3');
  assert.equal(log.filter((l) => l.startsWith('mount billing')).length, 1);
});

test('slots mount at start and receive every route change', async () => {
  const { log, router } = setUp({ slots: true });
  await router.start('/billing');
  await router.reroute('/shipping/9');
  assert.deepEqual(log.filter((l) => l.includes('header')),
    ['mount header /billing into header-slot/header', 'update header /billing',
      'update header /shipping/9']);
});
