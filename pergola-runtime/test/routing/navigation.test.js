import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isShellNavigation, webUrl } from '../../src/routing/navigation.js';

const location = new URL('https://shop.example/billing?x=1');
const click = (extra = {}) => ({ button: 0, defaultPrevented: false, ...extra });
const link = (href, attrs = {}) => ({
  href: new URL(href, location).href, target: attrs.target ?? '',
  hasAttribute: (name) => name in attrs,
});

test('navigates in the shell on a plain click on a same-origin link', () => {
  assert.equal(isShellNavigation(click(), link('/shipping/7'), location), true);
  assert.equal(isShellNavigation(click(), link('/billing?x=2'), location), true);
});

test('leaves modified, non-left, handled and foreign clicks to the browser', () => {
  assert.equal(isShellNavigation(click({ ctrlKey: true }), link('/a'), location), false);
  assert.equal(isShellNavigation(click({ metaKey: true }), link('/a'), location), false);
  assert.equal(isShellNavigation(click({ button: 1 }), link('/a'), location), false);
  assert.equal(isShellNavigation(click({ defaultPrevented: true }), link('/a'), location), false);
  assert.equal(isShellNavigation(click(), link('https://other.example/a'), location), false);
  assert.equal(isShellNavigation(click(), undefined, location), false);
});

test('leaves links with a target, a download or data-pergola-reload to the browser', () => {
  assert.equal(isShellNavigation(click(), link('/a', { target: '_blank' }), location), false);
  assert.equal(isShellNavigation(click(), link('/a', { target: '_self' }), location), true);
  assert.equal(isShellNavigation(click(), link('/a', { download: '' }), location), false);
  assert.equal(isShellNavigation(click(), link('/a', { 'data-pergola-reload': '' }), location),
    false);
});

test('leaves jumps within the current page to the browser', () => {
  assert.equal(isShellNavigation(click(), link('/billing?x=1#total'), location), false);
});

test('navigation targets are web URLs only', () => {
  assert.equal(webUrl('/billing', location.href).href, 'https://shop.example/billing');
  assert.equal(webUrl('https://idp.example/logout', location.href).host, 'idp.example');
  assert.equal(webUrl('javascript:alert(1)', location.href), null);
  assert.equal(webUrl('data:text/html,hi', location.href), null);
  assert.equal(webUrl('http://[', location.href), null);
});
