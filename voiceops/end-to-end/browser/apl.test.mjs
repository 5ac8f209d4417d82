// The web console's APL renderer (crates/alexa-sim/src/console/apl.js) under node's own test runner,
// with a small stand-in for the browser's document: expressions, data binding, layouts,
// styles, resources, data-driven children, and the visible placeholders for what it does
// not draw. Run by voiceops/end-to-end/tests/apl_renderer.rs: node --test voiceops/end-to-end/browser/apl.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

// ---- a stand-in DOM: just what the renderer touches -------------------------------------

class FakeElement {
  constructor(tag) {
    this.tagName = tag.toUpperCase();
    this.style = {};
    this.dataset = {};
    this.children = [];
    this.className = '';
    this.textContent = '';
    // As in a browser, classList and className are one list.
    const classes = () => this.className.split(' ').filter(Boolean);
    this.classList = {
      add: (name) => {
        if (!classes().includes(name)) this.className = [...classes(), name].join(' ');
      },
      contains: (name) => classes().includes(name),
    };
  }
  appendChild(child) {
    this.children.push(child);
    return child;
  }
  // Every element below this one (itself included), depth first.
  *walk() {
    yield this;
    for (const child of this.children) yield* child.walk();
  }
  find(predicate) {
    return [...this.walk()].filter(predicate);
  }
  text() {
    return [...this.walk()].map((el) => el.textContent).filter(Boolean).join(' | ');
  }
}

globalThis.document = { createElement: (tag) => new FakeElement(tag) };

const here = new URL('.', import.meta.url);
const source = readFileSync(new URL('../../../crates/alexa-sim/src/console/apl.js', here), 'utf8');
// The console serves apl.js as a module with no imports; load it the same way.
const { renderApl, evaluateAplExpression } = await import(
  `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`
);

const viewport = { width: 1280, height: 800, dpi: 160, shape: 'rectangle', mode: 'hub' };
const scope = (vars) => ({ lookup: (name) => vars[name] });
const render = (document, datasources = {}) => renderApl({ document, datasources }, viewport);
const byClass = (root, name) => root.find((el) => el.classList.contains(name));

// ---- expressions ------------------------------------------------------------------------

test('expressions: arithmetic, comparison, logic, ternary and paths', () => {
  const vars = scope({ payload: { count: 3, items: ['a', 'b'], name: 'Ops' } });
  assert.equal(evaluateAplExpression('1 + 2 * 3', vars), 7);
  assert.equal(evaluateAplExpression('(1 + 2) * 3', vars), 9);
  assert.equal(evaluateAplExpression('payload.count > 2 && payload.name == "Ops"', vars), true);
  assert.equal(evaluateAplExpression("payload.count == 1 ? 'one' : 'many'", vars), 'many');
  assert.equal(evaluateAplExpression('payload.items[1]', vars), 'b');
  assert.equal(evaluateAplExpression('!payload.missing', vars), true);
  assert.equal(evaluateAplExpression("'N: ' + payload.count", vars), 'N: 3');
});

test('expressions: what it cannot read is an error, never a silent value', () => {
  assert.throws(() => evaluateAplExpression('1 +', scope({})), /unexpected end/);
  assert.throws(() => evaluateAplExpression('a # b', scope({})), /cannot read/);
});

// ---- rendering --------------------------------------------------------------------------

test('the main template binds its parameter to the data sources', () => {
  const root = render(
    {
      type: 'APL',
      mainTemplate: {
        parameters: ['payload'],
        items: [{ type: 'Text', text: 'Hello ${payload.user.name}, ${payload.count} new' }],
      },
    },
    { payload: { user: { name: 'Ada' }, count: 2 } },
  );
  assert.equal(root.style.width, '1280px');
  assert.equal(root.style.height, '800px');
  assert.equal(root.text(), 'Hello Ada, 2 new');
});

test('data-driven children: one per element, first matching item, ordinals', () => {
  const root = render(
    {
      type: 'APL',
      mainTemplate: {
        parameters: ['payload'],
        items: [{
          type: 'Sequence',
          data: '${payload.rows}',
          firstItem: { type: 'Text', text: 'head' },
          lastItem: { type: 'Text', text: 'tail' },
          items: [
            { type: 'Text', when: '${data.hot}', text: '${ordinal}. ${data.name} (hot)' },
            { type: 'Text', text: '${ordinal}/${length}. ${data.name}' },
          ],
        }],
      },
    },
    { payload: { rows: [{ name: 'a', hot: true }, { name: 'b' }, { name: 'c' }] } },
  );
  const sequence = byClass(root, 'apl-sequence')[0];
  assert.equal(sequence.style.overflow, 'auto');
  assert.deepEqual(
    sequence.children.map((el) => el.textContent),
    ['head', '1. a (hot)', '2/3. b', '3/3. c', 'tail'],
  );
});

test('`when` hides a component, styles and resources style it', () => {
  const root = render({
    type: 'APL',
    resources: [{ colors: { accent: '#00A8E1' }, dimensions: { gap: 24 } }],
    styles: {
      big: { values: [{ fontSize: 50 }, { when: '${true}', color: '@accent' }] },
    },
    mainTemplate: {
      items: [{
        type: 'Container',
        direction: 'row',
        items: [
          { type: 'Text', text: 'shown', style: 'big' },
          { type: 'Text', text: 'hidden', when: '${1 > 2}' },
          { type: 'Text', text: 'spaced', spacing: '@gap', fontSize: '5vw' },
        ],
      }],
    },
  });
  const container = byClass(root, 'apl-container')[0];
  assert.equal(container.style.flexDirection, 'row');
  assert.deepEqual(container.children.map((el) => el.textContent), ['shown', 'spaced']);
  const [shown, spaced] = container.children;
  assert.equal(shown.style.fontSize, '50px');
  assert.equal(shown.style.color, '#00A8E1');
  assert.equal(spaced.style.marginLeft, '24px', 'spacing is the gap before a child in a row');
  assert.equal(spaced.style.fontSize, '64px', '5vw of a 1280 px screen');
});

test('layouts take parameters, with defaults', () => {
  const root = render({
    type: 'APL',
    layouts: {
      Badge: {
        parameters: ['label', { name: 'tone', default: 'calm' }],
        items: [{ type: 'Text', text: '${label} (${tone})' }],
      },
    },
    mainTemplate: {
      items: [{
        type: 'Container',
        items: [{ type: 'Badge', label: 'first' }, { type: 'Badge', label: 'second', tone: 'loud' }],
      }],
    },
  });
  assert.equal(root.text(), 'first (calm) | second (loud)');
});

test('what it does not draw is a labelled placeholder, and errors show on the screen', () => {
  const root = render({
    type: 'APL',
    mainTemplate: { items: [{ type: 'Container', items: [{ type: 'VectorGraphic', source: 'x' }] }] },
  });
  const placeholder = byClass(root, 'apl-unsupported');
  assert.equal(placeholder.length, 1);
  assert.match(placeholder[0].textContent, /APL VectorGraphic is not supported/);

  const broken = render({ type: 'APL', mainTemplate: { items: [{ type: 'Text', text: '${1 +}' }] } });
  const error = byClass(broken, 'apl-error');
  assert.equal(error.length, 1);
  assert.match(error[0].textContent, /^APL error: /);
});

test("VoiceOps's Echo Show board renders whole: title, headline, one row per region", () => {
  const board = JSON.parse(readFileSync(new URL('../../skill/src/screen.json', here), 'utf8'));
  const root = render(board, {
    board: {
      title: 'EC2 instances',
      headline: '87 instances are running across 2 regions.',
      rows: [
        { label: 'North Virginia', value: '73 running' },
        { label: 'Ireland', value: '14 running' },
      ],
      footer: '',
    },
  });
  assert.equal(byClass(root, 'apl-unsupported').length + byClass(root, 'apl-error').length, 0);
  assert.equal(byClass(root, 'apl-frame').length, 2);
  assert.equal(
    root.text(),
    'EC2 instances | 87 instances are running across 2 regions. | North Virginia | 73 running | Ireland | 14 running',
  );
});
