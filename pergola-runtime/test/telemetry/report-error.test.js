import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quietly } from '../quietly.js';
import { PergolaError } from '../../src/telemetry/error-codes.js';
import { createReporter, errorPayload } from '../../src/telemetry/report-error.js';

const page = { url: 'https://shop.example/billing', revision: 12 };

test('the payload names the app, version, phase and code of the failure', () => {
  const error = new Error('boom');
  const payload = errorPayload({ app: 'billing', version: '1.2.0', phase: 'mount', code: 6,
    error }, page);
  assert.deepEqual(payload, {
    app: 'billing', version: '1.2.0', phase: 'mount', message: '#6 billing mount failed: boom',
    stack: error.stack, url: page.url, revision: 12,
  });
});

test('a runtime error keeps its own numbered message and a thrown string has no stack', () => {
  const timeout = new PergolaError(7, 'billing mount did not settle within 10 ms');
  assert.equal(errorPayload({ app: 'billing', version: '1', phase: 'mount', code: 7,
    error: timeout }, page)
    .message, '#7 billing mount did not settle within 10 ms');
  const thrown = errorPayload({ app: 'a', version: '1', phase: 'load', code: 3, error: 'nope' },
    page);
  assert.equal(thrown.message, '#3 a load failed: nope');
  assert.equal('stack' in thrown, false);
});

test('posts the payload as JSON with keepalive, so it survives the page unloading', async () => {
  const posts = [];
  const report = createReporter({
    telemetryUrl: '/api/telemetry/client-errors', revision: 12, location: { href: page.url },
    fetch: async (url, init) => posts.push([url, init]),
  });
  await quietly(() => report({ app: 'billing', version: '1.2.0', phase: 'load', code: 3,
    error: new Error('x') }));
  const [url, init] = posts[0];
  assert.equal(url, '/api/telemetry/client-errors');
  assert.equal(init.method, 'POST');
  assert.equal(init.keepalive, true);
  assert.equal(init.headers['Content-Type'], 'application/json');
  assert.equal(JSON.parse(init.body).message, '#3 billing load failed: x');
});

test('never throws, when the post fails or a listener throws', async () => {
  const posts = [];
  const report = createReporter({
    telemetryUrl: '/t', revision: 1, location: { href: page.url },
    fetch: (url, init) => (posts.push([url, init]), Promise.reject(new Error('offline'))),
    onReport: () => {
      throw new Error('listener broke');
    },
  });
  const failure = { app: 'a', version: '1', phase: 'mount', code: 6, error: new Error('x') };
  const payload = await quietly(() => report(failure));
  assert.equal(posts.length, 1);
  assert.equal(payload.message, '#6 a mount failed: x');
});
