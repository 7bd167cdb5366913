import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createContext } from '../../src/context/create-context.js';
import { createEventBus } from '../../src/context/event-bus.js';

function setUp() {
  const navigations = [];
  const routeErrors = [];
  const scope = createContext({
    name: 'billing', version: '1.2.0', auth: { user: null }, bus: createEventBus(() => {}),
    navigate: (to) => navigations.push(to), environment: 'production', revision: 12,
    onRouteError: (error) => routeErrors.push(error.message),
  });
  return { scope, navigations, routeErrors };
}

test('gives the child its app, environment, revision and navigation', () => {
  const { scope, navigations } = setUp();
  const { context } = scope;
  assert.deepEqual(context.app, { name: 'billing', version: '1.2.0' });
  assert.equal(context.environment, 'production');
  assert.equal(context.revision, 12);
  context.navigate('/shipping');
  assert.deepEqual(navigations, ['/shipping']);
  assert.equal(Object.isFrozen(context), true);
});

test('basePath and route follow the matched route', () => {
  const { scope } = setUp();
  scope.setRoute({ path: '/billing/42', params: {}, basePath: '/billing' });
  assert.equal(scope.context.basePath, '/billing');
  assert.equal(scope.context.route.path, '/billing/42');
});

test('a route listener that throws is reported and the others still hear the change', () => {
  const { scope, routeErrors } = setUp();
  const heard = [];
  scope.context.onRouteChange(() => {
    throw new Error('boom');
  });
  const off = scope.context.onRouteChange((route) => heard.push(route.path));
  scope.setRoute({ path: '/billing/1', params: {}, basePath: '/billing' });
  off();
  scope.setRoute({ path: '/billing/2', params: {}, basePath: '/billing' });
  assert.deepEqual(heard, ['/billing/1']);
  assert.deepEqual(routeErrors, ['boom', 'boom']);
});
