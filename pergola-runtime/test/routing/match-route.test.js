import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMatcher } from '../../src/routing/match-route.js';

const match = createMatcher([
  { path: '/', app: 'home' },
  { path: '/billing', app: 'billing' },
  { path: '/shipping/:id', app: 'shipping' },
  { path: '/shipping/new', app: 'shipping-form' },
  { path: '/docs/*', app: 'docs' },
]);

test('matches a route as a prefix by whole segments', () => {
  assert.equal(match('/billing').app, 'billing');
  assert.equal(match('/billing/invoices/42').app, 'billing');
  assert.equal(match('/billingx').app, 'home');
});

test('captures params and gives the static prefix as base path', () => {
  assert.deepEqual(match('/shipping/a%20b/track'), {
    app: 'shipping', path: '/shipping/a%20b/track', params: { id: 'a b' }, basePath: '/shipping',
  });
});

test('prefers the longest static prefix', () => {
  assert.equal(match('/shipping/new').app, 'shipping-form');
  assert.equal(match('/shipping/7').app, 'shipping');
});

test('captures the rest of the path for a trailing star', () => {
  assert.deepEqual(match('/docs/guide/intro').params, { '*': 'guide/intro' });
  assert.deepEqual(match('/docs').params, { '*': '' });
});

test('answers null when nothing matches', () => {
  const only = createMatcher([{ path: '/billing', app: 'billing' }]);
  assert.equal(only('/'), null);
  assert.equal(only('/shipping'), null);
});

test('a param segment needs a value', () => {
  const only = createMatcher([{ path: '/shipping/:id', app: 'shipping' }]);
  assert.equal(only('/shipping'), null);
  assert.equal(only('/shipping/'), null);
});

test('keeps malformed escapes as written', () => {
  const only = createMatcher([{ path: '/a/:x', app: 'a' }]);
  assert.equal(only('/a/%E0%A4%A').params.x, '%E0%A4%A');
});
