import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEventBus } from '../../src/context/event-bus.js';

test('delivers an event to every subscriber of its type', () => {
  const bus = createEventBus(() => {});
  const got = [];
  bus.subscribe('billing:paid', (detail, type) => got.push(['a', detail, type]));
  bus.subscribe('billing:paid', (detail) => got.push(['b', detail]));
  bus.subscribe('shipping:sent', () => got.push(['other']));
  bus.publish('billing:paid', { id: 42 });
  assert.deepEqual(got, [['a', { id: 42 }, 'billing:paid'], ['b', { id: 42 }]]);
});

test('a subscriber that throws is reported and the others still receive the event', () => {
  const errors = [];
  const bus = createEventBus((error, type, owner) => errors.push([error.message, type, owner]));
  const got = [];
  bus.scope('header').subscribe('billing:paid', () => {
    throw new Error('boom');
  });
  bus.subscribe('billing:paid', (detail) => got.push(detail));
  bus.publish('billing:paid', 1);
  assert.deepEqual(got, [1]);
  assert.deepEqual(errors, [['boom', 'billing:paid', 'header']]);
});

test('unsubscribing stops delivery, even during a publish', () => {
  const bus = createEventBus(() => {});
  const got = [];
  let offB;
  bus.subscribe('t', () => (got.push('a'), offB()));
  offB = bus.subscribe('t', () => got.push('b'));
  bus.publish('t');
  bus.publish('t');
  assert.deepEqual(got, ['a', 'b', 'a']);
});

test('releasing a scope ends all of its subscriptions and no others', () => {
  const bus = createEventBus(() => {});
  const got = [];
  const scope = bus.scope('billing');
  scope.subscribe('t', () => got.push('scoped'));
  bus.subscribe('t', () => got.push('shell'));
  scope.release();
  bus.publish('t');
  assert.deepEqual(got, ['shell']);
});
