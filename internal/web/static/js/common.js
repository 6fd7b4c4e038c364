// Helpers every page uses: the API, elements, numbers, names and colours.

export const body = document.body.dataset;

// api fetches a JSON route of /api/v1 with the given parameters (empty
// ones left out) and returns its value, or throws the API's message.
export async function api(route, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const url = '/api/v1/' + route + (q.toString() ? '?' + q : '');
  const resp = await fetch(url, { headers: { Accept: 'application/json' } });
  let data;
  try {
    data = await resp.json();
  } catch {
    throw new Error(`${route}: the server answered ${resp.status} without JSON`);
  }
  if (!resp.ok) throw new Error(data.error ? data.error.message : `${route}: ${resp.status}`);
  return data;
}

// win is the page's window, as its query string gave it.
export function win() {
  return { since: body.since, until: body.until, period: body.period || 'month' };
}

// el makes an HTML element: el('a', {href: '/x', class: 'y'}, 'text', child…).
export function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  setAttrs(e, attrs);
  e.append(...kids.flat().filter((k) => k !== null && k !== undefined && k !== false));
  return e;
}

const SVG = 'http://www.w3.org/2000/svg';

// svg makes an SVG element.
export function svg(tag, attrs = {}, ...kids) {
  const e = document.createElementNS(SVG, tag);
  setAttrs(e, attrs);
  e.append(...kids.flat().filter((k) => k !== null && k !== undefined && k !== false));
  return e;
}

function setAttrs(e, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
}

const intFmt = new Intl.NumberFormat('en');
export const num = (n) => intFmt.format(n);
export const pct = (x) => (100 * x).toFixed(1) + '%';
export const signed = (x) => (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(1);

// announce tells screen readers what changed.
export function announce(text) {
  const s = document.getElementById('status');
  if (s) s.textContent = text;
}

// fail shows an error where content would be.
export function fail(where, err) {
  const target = typeof where === 'string' ? document.getElementById(where) : where;
  if (!target) return;
  target.replaceChildren(el('p', { class: 'error', role: 'alert' }, String(err.message || err)));
}

// Names of countries and organisations, and their blocs, from /actors.
let actorsPromise;
export function actors() {
  if (!actorsPromise) {
    actorsPromise = api('actors').then((d) => {
      const byCode = new Map();
      for (const a of d.actors) byCode.set(a.code, a);
      return { list: d.actors, byCode, blocs: d.blocs };
    });
  }
  return actorsPromise;
}

export function nameOf(names, code) {
  const a = names.byCode.get(code);
  return a ? a.name : code;
}

// Colours of the blocs, in the blocs' order, Other grey: twelve hues far
// apart, each dark enough to hold 3:1 against white (every chart also
// gives its numbers as a table).
export const palette = ['#c0392b', '#b8860b', '#1f5fa8', '#138a5e', '#7b3fa0', '#c85f12', '#4f7f9e', '#8a6d3b',
  '#c2407f', '#1b8a8a', '#6f8a14', '#5b4bb7'];
export function blocColor(i, n) {
  return i === n - 1 ? '#9aa3ad' : palette[i % palette.length];
}

// fillPicker fills the pickers' list of codes and sends their forms to
// the page without a round trip through /go.
export async function fillPicker() {
  const list = document.getElementById('actor-list');
  if (list) {
    try {
      const names = await actors();
      list.replaceChildren(...names.list.map((a) => el('option', { value: a.code }, a.name)));
    } catch {
      // The picker still takes a code typed in.
    }
  }
  for (const form of document.querySelectorAll('form.pick')) {
    form.addEventListener('submit', (ev) => {
      const inputs = [...form.querySelectorAll('input')].map((i) => i.value.trim().toUpperCase());
      if (inputs.some((v) => !/^[A-Z0-9_]{2,16}$/.test(v))) return; // the server says what is wrong
      ev.preventDefault();
      const page = form.action.split('/').pop();
      const keep = new URLSearchParams(location.search).toString();
      location.href = '/' + page + '/' + inputs.join('/') + (keep ? '?' + keep : '');
    });
  }
}

// dataTable renders rows as a table inside a closed details element: a
// chart's data for screen readers and for anyone who wants the numbers.
export function dataTable(caption, head, rows, numeric = []) {
  const t = el('table', {},
    el('caption', { class: 'visually-hidden' }, caption),
    el('thead', {}, el('tr', {}, head.map((h, i) => el('th', { scope: 'col', class: numeric.includes(i) ? 'num' : null }, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c, i) => (i === 0
      ? el('th', { scope: 'row' }, c)
      : el('td', { class: numeric.includes(i) ? 'num' : null }, c)))))));
  return el('details', { class: 'data' }, el('summary', {}, 'Data table: ' + caption), t);
}

// periodLabel shortens a period's name for an axis.
export function periodLabel(p) {
  if (p.length === 7) {
    const [y, m] = p.split('-');
    return ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][+m - 1] + ' ' + y.slice(2);
  }
  return p.slice(5);
}

// showWindow fills the window form with the window the API answered for,
// so the form says what the page shows.
export function showWindow(w) {
  for (const k of ['since', 'until']) {
    const input = document.getElementById(k);
    if (input && !input.value && w[k]) input.value = w[k];
  }
}
