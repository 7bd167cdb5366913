import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quietly } from '../quietly.js';
import { createAuth } from '../../src/context/token-source.js';
import { fakeTimers } from '../fake-timers.js';

const config = { tokenUrl: '/auth/token', logoutUrl: '/auth/logout', user: { sub: 'alice' } };

function tokenServer(timers) {
  const requests = [];
  let issued = 0;
  let status = 200;
  const fetch = async (url, init) => {
    requests.push({ url, init });
    if (url === config.logoutUrl) return { ok: true, json: async () => ({ redirect: '/bye' }) };
    issued++;
    return {
      ok: status === 200, status,
      json: async () => ({
        access_token: `t${issued}`, expires_at: timers.now() / 1000 + 300, user: { sub: 'alice',
          n: issued },
      }),
    };
  };
  return { requests, fetch, fail: (s) => (status = s) };
}

function setUp() {
  const timers = fakeTimers(1_700_000_000_000);
  const server = tokenServer(timers);
  const assigned = [];
  const auth = createAuth(config, { ...timers, fetch: server.fetch,
    assign: (u) => assigned.push(u) });
  return { timers, server, auth, assigned };
}

test('concurrent calls share one request', async () => {
  const { auth, server } = setUp();
  const tokens = await Promise.all([auth.getToken(), auth.getToken(), auth.getToken()]);
  assert.deepEqual(tokens, ['t1', 't1', 't1']);
  assert.equal(server.requests.length, 1);
  assert.deepEqual(server.requests[0].init,
    { headers: { 'X-Pergola-Token-Request': '1' } });
});

test('serves the cached token until shortly before it expires', async () => {
  const { auth, server, timers } = setUp();
  await auth.getToken();
  timers.tick(260_000);
  assert.equal(await auth.getToken(), 't1');
  assert.equal(server.requests.length, 1);
});

test('refreshes 30 s before expiry and tells onChange listeners', async () => {
  const { auth, timers } = setUp();
  const changes = [];
  auth.onChange((user) => changes.push(user));
  await auth.getToken();
  assert.deepEqual(changes, []);
  timers.tick(270_000);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(await auth.getToken(), 't2');
  assert.deepEqual(changes, [{ sub: 'alice', n: 2 }]);
  assert.deepEqual(auth.user, { sub: 'alice', n: 2 });
});

test('signs the user out when the token endpoint answers 401', async () => {
  const { auth, server } = setUp();
  const changes = [];
  auth.onChange((user) => changes.push(user));
  server.fail(401);
  await assert.rejects(auth.getToken(), { code: 12, message: '#12 /auth/token answered 401' });
  assert.deepEqual(changes, [null]);
  assert.equal(auth.user, null);
});

test('logout posts with the CSRF header, tells listeners and goes where the server says',
  async () => {
  const { auth, server, assigned } = setUp();
  const changes = [];
  auth.onChange((user) => changes.push(user));
  await auth.logout();
  assert.deepEqual(server.requests[0].init,
    { headers: { 'X-Pergola-Token-Request': '1' }, method: 'POST' });
  assert.deepEqual(changes, [null]);
  assert.deepEqual(assigned, ['/bye']);
});

test('without auth configured there is no user and getToken rejects clearly', async () => {
  const auth = createAuth(undefined, { ...fakeTimers(), fetch: () => assert.fail('no fetch'),
    assign() {} });
  assert.equal(auth.user, null);
  await assert.rejects(auth.getToken(), { code: 11,
    message: '#11 this shell has no "auth" configured' });
});

test('a listener that throws does not stop the others', async () => {
  const { auth, assigned } = setUp();
  const changes = [];
  auth.onChange(() => {
    throw new Error('boom');
  });
  auth.onChange((user) => changes.push(user));
  await quietly(() => auth.logout());
  assert.deepEqual(changes, [null]);
  assert.deepEqual(assigned, ['/bye']);
});

/** Tokens that live `seconds`, counted as they are issued. */
function shortLivedTokens(seconds) {
  const timers = fakeTimers(1_700_000_000_000);
  const counter = { issued: 0 };
  const fetch = async () => ({
    ok: true, json: async () => ({ access_token: `t${++counter.issued}`,
      expires_at: timers.now() / 1000 + seconds }),
  });
  return { timers, counter, auth: createAuth(config, { ...timers, fetch, assign() {} }) };
}

test('a token that expires within the refresh lead is not refreshed in a loop', async () => {
  const { timers, counter, auth } = shortLivedTokens(5);
  await auth.getToken();
  timers.tick(9_999);
  assert.equal(counter.issued, 1);
  timers.tick(1);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(counter.issued, 2);
});

test('a token that lives shorter than the refresh lead is served for half its life', async () => {
  const { timers, counter, auth } = shortLivedTokens(12);
  await auth.getToken();
  timers.tick(5_999);
  assert.equal(await auth.getToken(), 't1');
  timers.tick(2);
  assert.equal(await auth.getToken(), 't2');
  assert.equal(counter.issued, 2);
});

test('an answer that is not a token is refused with code 12', async () => {
  const auth = createAuth(config, {
    ...fakeTimers(), assign() {},
    fetch: async () => ({ ok: true, json: async () => JSON.parse('<html>') }),
  });
  await assert.rejects(auth.getToken(),
    { code: 12, message: '#12 /auth/token answered no access_token' });
});

test('a token that arrives after logout is not kept', async () => {
  const { auth, server } = setUp();
  const pending = auth.getToken();
  await quietly(() => auth.logout());
  await assert.rejects(pending, { code: 12 });
  assert.equal(auth.user, null);
  assert.equal(server.requests.length, 2);
});

test('each child gets its own token for its audiences, from the same session', async () => {
  const { auth, server } = setUp();
  const billing = auth.forApp('billing');
  const shipping = auth.forApp('shipping');
  assert.equal(await billing.getToken(), 't1');
  assert.equal(await shipping.getToken(), 't2');
  assert.equal(await billing.getToken(), 't1');
  assert.deepEqual(server.requests.map((r) => r.url),
    ['/auth/token?app=billing', '/auth/token?app=shipping']);
});

test('a logout from one child signs every child out', async () => {
  const { auth, assigned } = setUp();
  const billing = auth.forApp('billing');
  const shipping = auth.forApp('shipping');
  await shipping.getToken();
  const seen = [];
  shipping.onChange((user) => seen.push(user));
  await quietly(() => billing.logout());
  assert.deepEqual(seen, [null]);
  assert.equal(shipping.user, null);
  assert.deepEqual(assigned, ['/bye']);
});
