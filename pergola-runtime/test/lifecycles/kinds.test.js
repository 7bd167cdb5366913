import assert from 'node:assert/strict';
import { test } from 'node:test';
import { federationAdapter } from '../../src/lifecycles/federation-kind.js';
import { loadApp } from '../../src/lifecycles/load-app.js';
import { moduleAdapter } from '../../src/lifecycles/module-kind.js';
import { singleSpaAdapter } from '../../src/lifecycles/single-spa-kind.js';

const element = { id: 'box' };
const context = { app: { name: 'x', version: '1.0.0' }, route: { path: '/x' } };

test('a module gets mount(element, context) and unmount(element)', async () => {
  const calls = [];
  const adapter = moduleAdapter('billing', {
    mount: (el, ctx) => calls.push(['mount', el, ctx]),
    unmount: (el) => calls.push(['unmount', el]),
  });
  await adapter.bootstrap(element, context);
  await adapter.mount(element, context);
  await adapter.unmount(element, context);
  assert.deepEqual(calls, [['mount', element, context], ['unmount', element]]);
});

test('a module without mount is refused with code 4', () => {
  assert.throws(() => moduleAdapter('billing', { unmount() {} }), { code: 4 });
});

test('single-spa props carry name, domElement, domElementGetter and the context', async () => {
  let props;
  const adapter = singleSpaAdapter('legacy', { bootstrap() {}, mount: (p) => (props = p),
    unmount() {} });
  await adapter.mount(element, context);
  assert.equal(props.name, 'legacy');
  assert.equal(props.domElement, element);
  assert.equal(props.domElementGetter(), element);
  assert.equal(props.pergola, context);
  assert.equal(props.route.path, '/x');
});

test('a federation container is initialised with the share scope before its module is got',
  async () => {
  const calls = [];
  const scope = {};
  const container = {
    init: async (s) => calls.push(['init', s]),
    get: async (name) => {
      calls.push(['get', name]);
      return () => ({ mount: () => calls.push(['mount']), unmount() {} });
    },
  };
  const adapter = await federationAdapter('profile', container, './App', scope);
  await adapter.mount(element, context);
  assert.deepEqual(calls, [['init', scope], ['get', './App'], ['mount']]);
});

test('a federated module may default-export a single-spa lifecycle object', async () => {
  let props;
  const container = {
    init() {},
    get: () => () => ({ default: { mount: [(p) => (props = p)], unmount() {} } }),
  };
  const adapter = await federationAdapter('profile', container, './App', {});
  await adapter.mount(element, context);
  assert.equal(props.name, 'profile');
});

test('loads by the bare specifier and refuses an unknown kind with code 4', async () => {
  const imported = [];
  const importModule = async (specifier) => (imported.push(specifier), { mount() {},
    unmount() {} });
  await loadApp('billing', { kind: 'module', specifier: 'billing' }, { importModule });
  assert.deepEqual(imported, ['billing']);
  await assert.rejects(loadApp('odd', { kind: 'iframe', specifier: 'odd' }, { importModule }),
    { code: 4, message: '#4 odd has an unknown kind "iframe"' });
});

test('a child\'s shared libraries start loading with it, not after it', async () => {
  const started = [];
  let releaseChild;
  const child = new Promise((resolve) => (releaseChild = resolve));
  const importModule = (specifier) => {
    started.push(specifier);
    return specifier === 'billing' ? child : Promise.resolve({});
  };
  const loading = loadApp('billing',
    { kind: 'module', specifier: 'billing', requires: ['vue', 'design-system'] }, { importModule });

  assert.deepEqual(started.sort(), ['billing', 'design-system', 'vue']);
  releaseChild({ mount() {}, unmount() {} });
  await loading;
});

test('a library that fails to preload is left to the child\'s own import to report', async () => {
  const importModule = (specifier) => specifier === 'vue'
    ? Promise.reject(new Error('404')) : Promise.resolve({ mount() {}, unmount() {} });

  const adapter = await loadApp('billing',
    { kind: 'module', specifier: 'billing', requires: ['vue'] }, { importModule });

  assert.ok(adapter);
});
