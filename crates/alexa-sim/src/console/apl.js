// A small APL renderer: enough of Alexa Presentation Language for skills' own documents to
// be seen in the simulator's Echo Show screen. Supported: mainTemplate with parameters bound
// to datasources, layouts, styles, resources (@colors, @dimensions, @strings), data binding
// with ${...} expressions (paths, literals, comparisons, &&, ||, !, ?:, + - * /), `when`,
// `bind`, data-driven children (data, firstItem, lastItem), and the components Container,
// Text, Frame, Image, Sequence, ScrollView, GridSequence, TouchWrapper. Anything else is drawn
// as a labelled placeholder so a gap on screen is never silent.

// ---- expressions ------------------------------------------------------------------------

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|([A-Za-z_$][\w$]*)|(==|!=|>=|<=|&&|\|\||[-+*/%!<>?:.()[\],]))/y;

function tokenize(source) {
  const tokens = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (!m) {
      if (source.slice(start).trim() === '') break;
      throw new Error(`cannot read ${source.slice(start)}`);
    }
    if (m[1] !== undefined) tokens.push({ kind: 'num', value: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ kind: 'str', value: m[2].slice(1, -1).replace(/\\(.)/g, '$1') });
    else if (m[3] !== undefined) tokens.push({ kind: 'name', value: m[3] });
    else tokens.push({ kind: 'op', value: m[4] });
  }
  return tokens;
}

const BINARY = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '>': 4, '<=': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6 };

function evaluate(source, scope) {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (v) => peek() && peek().kind === 'op' && peek().value === v;
  const expect = (v) => {
    if (!isOp(v)) throw new Error(`expected ${v} in ${source}`);
    pos++;
  };
  function primary() {
    const t = tokens[pos++];
    if (!t) throw new Error(`unexpected end of ${source}`);
    let value;
    if (t.kind === 'num' || t.kind === 'str') value = t.value;
    else if (t.kind === 'name') {
      if (t.value === 'true') value = true;
      else if (t.value === 'false') value = false;
      else if (t.value === 'null') value = null;
      else value = scope.lookup(t.value);
    } else if (t.value === '(') {
      value = ternary();
      expect(')');
    } else if (t.value === '!') return !truthy(primary());
    else if (t.value === '-') return -primary();
    else throw new Error(`unexpected ${t.value} in ${source}`);
    for (;;) {
      if (isOp('.')) {
        pos++;
        const name = tokens[pos++];
        value = value == null ? undefined : value[name.value];
      } else if (isOp('[')) {
        pos++;
        const key = ternary();
        expect(']');
        value = value == null ? undefined : value[key];
      } else return value;
    }
  }
  function binary(min) {
    let left = primary();
    for (;;) {
      const t = peek();
      const prec = t && t.kind === 'op' ? BINARY[t.value] : undefined;
      if (prec === undefined || prec < min) return left;
      pos++;
      const right = binary(prec + 1);
      left = apply(t.value, left, right);
    }
  }
  function ternary() {
    const test = binary(1);
    if (!isOp('?')) return test;
    pos++;
    const yes = ternary();
    expect(':');
    const no = ternary();
    return truthy(test) ? yes : no;
  }
  const value = ternary();
  if (pos < tokens.length) throw new Error(`unexpected ${tokens[pos].value} in ${source}`);
  return value;
}

function apply(op, a, b) {
  switch (op) {
    case '||': return truthy(a) ? a : b;
    case '&&': return truthy(a) ? b : a;
    case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '>': return a > b;
    case '<=': return a <= b;
    case '>=': return a >= b;
    case '+': return typeof a === 'string' || typeof b === 'string' ? `${a ?? ''}${b ?? ''}` : a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '%': return a % b;
  }
  return undefined;
}

function truthy(v) {
  return !(v === false || v === null || v === undefined || v === 0 || v === '' || Number.isNaN(v));
}

class Scope {
  constructor(vars, parent) {
    this.vars = vars;
    this.parent = parent;
  }
  lookup(name) {
    for (let s = this; s; s = s.parent) if (name in s.vars) return s.vars[name];
    return undefined;
  }
  child(vars) {
    return new Scope(vars, this);
  }
}

// "${a}" gives a's value itself (so arrays and numbers bind); "x ${a} y" gives a string.
function resolve(value, scope, resources) {
  if (Array.isArray(value)) return value.map((v) => resolve(v, scope, resources));
  if (typeof value !== 'string') return value;
  if (value.startsWith('@') && resources.has(value.slice(1))) return resources.get(value.slice(1));
  const whole = /^\$\{([^}]*)\}$/.exec(value);
  if (whole) return evaluate(whole[1], scope);
  return value.replace(/\$\{([^}]*)\}/g, (_, expr) => {
    const v = evaluate(expr, scope);
    return v == null ? '' : String(v);
  });
}

// ---- layout helpers ---------------------------------------------------------------------

function dimension(value, viewport) {
  if (value === undefined || value === null || value === 'auto') return undefined;
  if (typeof value === 'number') return `${value}px`;
  const m = /^(-?\d+(?:\.\d+)?)\s*(dp|px|vw|vh|%)?$/.exec(String(value).trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'vw': return `${(n * viewport.width) / 100}px`;
    case 'vh': return `${(n * viewport.height) / 100}px`;
    case '%': return `${n}%`;
    default: return `${n}px`;
  }
}

const ALIGN = { start: 'flex-start', end: 'flex-end', center: 'center', stretch: 'stretch', baseline: 'baseline' };
const JUSTIFY = { start: 'flex-start', end: 'flex-end', center: 'center', spaceBetween: 'space-between', spaceAround: 'space-around' };

function box(el, props, viewport) {
  const s = el.style;
  for (const [prop, css] of [['width', 'width'], ['height', 'height'], ['minWidth', 'minWidth'], ['maxWidth', 'maxWidth'], ['minHeight', 'minHeight'], ['maxHeight', 'maxHeight'], ['left', 'left'], ['top', 'top'], ['right', 'right'], ['bottom', 'bottom']]) {
    const d = dimension(props[prop], viewport);
    if (d) s[css] = d;
  }
  let pad = props.padding;
  if (pad !== undefined) {
    if (!Array.isArray(pad)) pad = [pad, pad, pad, pad];
    const [l, t, r, b] = [pad[0], pad[1] ?? pad[0], pad[2] ?? pad[0], pad[3] ?? pad[1] ?? pad[0]];
    s.padding = [t, r, b, l].map((p) => dimension(p, viewport) || '0').join(' ');
  }
  for (const side of ['Left', 'Right', 'Top', 'Bottom', 'Start', 'End']) {
    const d = dimension(props[`padding${side}`], viewport);
    if (d) s[`padding${side === 'Start' ? 'Left' : side === 'End' ? 'Right' : side}`] = d;
  }
  if (props.position === 'absolute') s.position = 'absolute';
  if (props.opacity !== undefined) s.opacity = props.opacity;
  if (props.display === 'none') s.display = 'none';
  if (props.display === 'invisible') s.visibility = 'hidden';
  if (props.grow !== undefined) s.flexGrow = props.grow;
  if (props.shrink !== undefined) s.flexShrink = props.shrink;
  if (props.alignSelf && ALIGN[props.alignSelf]) s.alignSelf = ALIGN[props.alignSelf];
  if (props.id) el.dataset.aplId = props.id;
  if (props.backgroundColor) s.backgroundColor = props.backgroundColor;
  // `spacing` is the gap before this child; its parent applies it along its direction.
  const spacing = dimension(props.spacing, viewport);
  if (spacing) el.dataset.aplSpacing = spacing;
}

// ---- rendering --------------------------------------------------------------------------

class Renderer {
  constructor(document, viewport) {
    this.doc = document;
    this.viewport = viewport;
    this.resources = new Map();
    for (const block of document.resources || []) {
      for (const kind of ['colors', 'dimensions', 'strings', 'numbers', 'booleans']) {
        for (const [k, v] of Object.entries(block[kind] || {})) this.resources.set(k, v);
      }
    }
  }

  // The props of a component: its style's values, then its own properties, all resolved.
  props(component, scope) {
    const raw = {};
    const styleName = component.style;
    if (styleName && this.doc.styles && this.doc.styles[styleName]) {
      const style = this.doc.styles[styleName];
      const values = Array.isArray(style.values) ? style.values : [style.values || {}];
      for (const v of values) {
        if (v.when !== undefined && !truthy(resolve(v.when, scope, this.resources))) continue;
        for (const [k, val] of Object.entries(v)) if (k !== 'when') raw[k] = val;
      }
    }
    for (const [k, v] of Object.entries(component)) raw[k] = v;
    const props = {};
    for (const [k, v] of Object.entries(raw)) {
      if (k === 'items' || k === 'item' || k === 'firstItem' || k === 'lastItem' || k === 'when' || k === 'bind') continue;
      props[k] = resolve(v, scope, this.resources);
    }
    return props;
  }

  // The children a template list gives: each data element picks the first item whose `when`
  // holds; without data, every item whose `when` holds.
  children(component, scope) {
    const items = component.items ?? component.item;
    const list = items === undefined ? [] : Array.isArray(items) ? items : [items];
    const data = component.data === undefined ? undefined : resolve(component.data, scope, this.resources);
    const out = [];
    if (component.firstItem) out.push(...this.renderAll([component.firstItem], scope));
    if (Array.isArray(data)) {
      data.forEach((element, index) => {
        const childScope = scope.child({ data: element, index, ordinal: index + 1, length: data.length });
        const chosen = list.find((item) => this.holds(item, childScope));
        if (chosen) out.push(this.render(chosen, childScope));
      });
    } else {
      out.push(...this.renderAll(list, scope));
    }
    if (component.lastItem) out.push(...this.renderAll([component.lastItem], scope));
    return out.filter(Boolean);
  }

  renderAll(list, scope) {
    return list.filter((item) => this.holds(item, scope)).map((item) => this.render(item, scope));
  }

  holds(component, scope) {
    return component.when === undefined || truthy(resolve(component.when, scope, this.resources));
  }

  render(component, scope) {
    if (typeof component !== 'object' || component === null) return null;
    let own = scope;
    for (const b of component.bind || []) own = own.child({ [b.name]: resolve(b.value, own, this.resources) });
    const layout = this.doc.layouts && this.doc.layouts[component.type];
    if (layout) return this.renderLayout(layout, component, own);
    const props = this.props(component, own);
    let el;
    switch (component.type) {
      case 'Container':
        el = this.container(component, props, own, props.direction === 'row' ? 'row' : 'column');
        break;
      case 'Sequence':
      case 'ScrollView':
      case 'GridSequence':
        el = this.container(component, props, own, props.scrollDirection === 'horizontal' ? 'row' : 'column');
        el.style.overflow = 'auto';
        break;
      case 'Frame':
      case 'TouchWrapper':
        el = this.container(component, props, own, 'column');
        if (props.borderRadius !== undefined) el.style.borderRadius = dimension(props.borderRadius, this.viewport);
        if (props.borderWidth !== undefined) el.style.border = `${dimension(props.borderWidth, this.viewport)} solid ${props.borderColor || 'transparent'}`;
        break;
      case 'Text':
        el = this.text(props);
        break;
      case 'Image':
        el = document.createElement('img');
        el.src = props.source || props.url || '';
        el.alt = '';
        el.style.objectFit = { fill: 'fill', 'best-fill': 'cover', 'best-fit': 'contain', none: 'none' }[props.scale] || 'contain';
        break;
      default:
        el = document.createElement('div');
        el.className = 'apl-unsupported';
        el.textContent = `[APL ${component.type} is not supported by the simulator]`;
    }
    el.classList.add(`apl-${String(component.type).toLowerCase()}`);
    box(el, props, this.viewport);
    return el;
  }

  renderLayout(layout, component, scope) {
    const vars = {};
    for (const p of layout.parameters || []) {
      const name = typeof p === 'string' ? p : p.name;
      const given = component[name];
      vars[name] = given !== undefined ? resolve(given, scope, this.resources) : typeof p === 'object' ? p.default : undefined;
    }
    const inner = scope.child(vars);
    const body = this.children(layout, inner);
    const el = body[0] || document.createElement('div');
    const own = this.props({ ...component, type: undefined }, scope);
    box(el, own, this.viewport);
    return el;
  }

  container(component, props, scope, direction) {
    const el = document.createElement('div');
    el.style.display = 'flex';
    el.style.flexDirection = direction;
    if (props.alignItems && ALIGN[props.alignItems]) el.style.alignItems = ALIGN[props.alignItems];
    if (props.justifyContent && JUSTIFY[props.justifyContent]) el.style.justifyContent = JUSTIFY[props.justifyContent];
    const kids = this.children(component, scope);
    kids.forEach((kid, i) => {
      const spacing = i > 0 ? kid.dataset.aplSpacing : undefined;
      if (spacing) kid.style[direction === 'row' ? 'marginLeft' : 'marginTop'] = spacing;
      el.appendChild(kid);
    });
    return el;
  }

  text(props) {
    const el = document.createElement('div');
    const text = props.text == null ? '' : String(props.text);
    el.textContent = text.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '');
    el.style.whiteSpace = 'pre-line';
    el.style.fontSize = dimension(props.fontSize ?? 40, this.viewport);
    el.style.color = props.color || '#FAFAFA';
    if (props.fontWeight) el.style.fontWeight = props.fontWeight === 'bold' ? '700' : props.fontWeight;
    if (props.fontStyle === 'italic') el.style.fontStyle = 'italic';
    if (props.textAlign) el.style.textAlign = props.textAlign;
    if (props.lineHeight) el.style.lineHeight = props.lineHeight;
    if (props.maxLines) {
      el.style.display = '-webkit-box';
      el.style.webkitLineClamp = props.maxLines;
      el.style.webkitBoxOrient = 'vertical';
      el.style.overflow = 'hidden';
    }
    return el;
  }
}

/**
 * Renders an Alexa.Presentation.APL.RenderDocument directive's document and datasources into
 * a new element of the viewport's size. Errors (an expression it cannot read, a malformed
 * document) are shown on the screen, not thrown.
 */
export function renderApl(screen, viewport) {
  const root = document.createElement('div');
  root.className = 'apl-root';
  root.style.width = `${viewport.width}px`;
  root.style.height = `${viewport.height}px`;
  try {
    const doc = screen.document || {};
    const main = doc.mainTemplate || {};
    const sources = screen.datasources || {};
    const params = main.parameters || [];
    const vars = { viewport };
    for (const p of params) {
      const name = typeof p === 'string' ? p : p.name;
      vars[name] = name in sources ? sources[name] : params.length === 1 ? sources : undefined;
    }
    const renderer = new Renderer(doc, viewport);
    const scope = new Scope(vars, null);
    const items = main.items ?? main.item;
    const list = items === undefined ? [] : Array.isArray(items) ? items : [items];
    const first = list.find((item) => renderer.holds(item, scope));
    if (first) {
      const el = renderer.render(first, scope);
      if (el) root.appendChild(el);
    }
  } catch (error) {
    const el = document.createElement('div');
    el.className = 'apl-error';
    el.textContent = `APL error: ${error.message}`;
    root.appendChild(el);
  }
  return root;
}

export { evaluate as evaluateAplExpression };
