import assert from 'node:assert/strict';
import { test } from 'node:test';
import { webComponentAdapter } from '../../src/lifecycles/web-component-kind.js';

/** Just enough of a DOM node to see what the adapter builds; real browsers are tested in e2e. */
function node(tag, doc) {
  return {
    tag, ownerDocument: doc, children: [], attributes: {}, events: [], shadowRoot: null,
    append(...kids) {
      this.children.push(...kids);
    },
    replaceChildren(...kids) {
      this.children = kids;
    },
    remove() {
      this.removed = true;
    },
    setAttribute(name, value) {
      this.attributes[name] = value;
    },
    attachShadow(init) {
      this.shadowRoot = { init, ...node('#shadow-root', doc) };
      return this.shadowRoot;
    },
    dispatchEvent(event) {
      this.events.push(event);
    },
  };
}

function setUp(app, registry = { whenDefined: async () => {} }) {
  const doc = { createElement: (tag) => node(tag, doc) };
  const box = node('div', doc);
  return { adapter: webComponentAdapter(app, registry), box };
}

const context = { route: { path: '/shipping/7', params: { id: '7' }, basePath: '/shipping' } };

test('creates the element with its context and route set before connecting it', async () => {
  const { adapter, box } = setUp({ element: 'shipping-app' });
  await adapter.mount(box, context);
  const [element] = box.children;
  assert.equal(element.tag, 'shipping-app');
  assert.equal(element.pergola, context);
  assert.equal(element.route, context.route);
  assert.equal(element.attributes.route, '/shipping/7');
});

test('puts the element in an open shadow root on a host div when asked', async () => {
  const { adapter, box } = setUp({ element: 'shipping-app', shadow: true });
  await adapter.mount(box, context);
  const [host] = box.children;
  assert.equal(host.tag, 'div');
  assert.deepEqual(host.shadowRoot.init, { mode: 'open' });
  assert.equal(host.shadowRoot.children[0].tag, 'shipping-app');
});

test('takes the place of the HTML the server rendered into its container', async () => {
  for (const shadow of [false, true]) {
    const { adapter, box } = setUp({ element: 'shipping-app', shadow });
    box.append({ tag: 'ul', text: 'server-rendered shipments' });
    await adapter.mount(box, context);
    assert.equal(box.children.length, 1);
    assert.equal(box.children[0].tag, shadow ? 'div' : 'shipping-app');
  }
});

test('waits for the element to be defined before creating it', async () => {
  let define;
  const { adapter, box } = setUp({ element: 'late-app' },
    { whenDefined: () => new Promise((resolve) => (define = resolve)) });
  const mounted = adapter.mount(box, context);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(box.children.length, 0);
  define();
  await mounted;
  assert.equal(box.children[0].tag, 'late-app');
});

test('passes route changes as property, attribute and pergola:route event', async () => {
  const { adapter, box } = setUp({ element: 'shipping-app' });
  await adapter.mount(box, context);
  const next = { route: { path: '/shipping/8', params: { id: '8' }, basePath: '/shipping' } };
  await adapter.update(box, next);
  const [element] = box.children;
  assert.equal(element.route, next.route);
  assert.equal(element.attributes.route, '/shipping/8');
  assert.equal(element.events[0].type, 'pergola:route');
  assert.equal(element.events[0].detail, next.route);
  await adapter.unmount(box);
  assert.equal(element.removed, true);
});
