import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as S from '../../src/applications/app-status.js';

test('status constants are their own names', () => {
  for (const name of ['NOT_LOADED', 'LOADING', 'NOT_MOUNTED', 'MOUNTING', 'MOUNTED', 'UNMOUNTING',
    'BROKEN']) {
    assert.equal(S[name], name);
  }
});

test('allows the life cycle and retrying a broken app', () => {
  const path = [S.LOADING, S.NOT_MOUNTED, S.MOUNTING, S.MOUNTED, S.UNMOUNTING, S.NOT_MOUNTED];
  path.reduce((from, to) => S.transition(from, to), S.NOT_LOADED);
  assert.equal(S.transition(S.BROKEN, S.LOADING), S.LOADING);
  assert.equal(S.transition(S.BROKEN, S.MOUNTING), S.MOUNTING);
});

test('refuses to skip a step', () => {
  assert.throws(() => S.transition(S.NOT_LOADED, S.MOUNTED), /from NOT_LOADED to MOUNTED/);
  assert.throws(() => S.transition(S.MOUNTED, S.MOUNTING));
});
