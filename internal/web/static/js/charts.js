// Our own small SVG charts. Each takes a <figure>, draws into it, and gives
// the chart a text alternative: a title and a description for pictures,
// links with labels for charts one can act on.
import { svg, el, num, periodLabel } from './common.js';

let uid = 0;

// frame makes an SVG of the given size with a title and a description.
function frame(w, h, title, desc, interactive = false) {
  const id = 'c' + ++uid;
  const s = svg('svg', {
    viewBox: `0 0 ${w} ${h}`, role: interactive ? 'group' : 'img',
    'aria-labelledby': `${id}t`, 'aria-describedby': `${id}d`, focusable: 'false',
  });
  s.append(svg('title', { id: `${id}t` }, title), svg('desc', { id: `${id}d` }, desc));
  return s;
}

// xAxis labels every k-th period so the labels do not collide.
function xAxis(periods, x, y, every) {
  const g = svg('g', { class: 'axis', 'aria-hidden': 'true' });
  periods.forEach((p, i) => {
    if (i % every !== 0) return;
    // The ends' labels stay inside the chart.
    const anchor = periods.length > 1 && i === 0 ? 'start' : (periods.length > 1 && i === periods.length - 1 ? 'end' : 'middle');
    g.append(svg('text', { x: x(i), y, 'text-anchor': anchor }, periodLabel(p)));
  });
  return g;
}

function labelEvery(n, room) {
  return Math.max(1, Math.ceil(n / room));
}

// stackedArea draws series (values per period) stacked, each a band; with
// shares the bands fill the height. The figure gets data-series with the
// number of bands drawn.
export function stackedArea(fig, { periods, series, title, desc, percent = true }) {
  const W = 900, H = 280, L = 44, R = 12, T = 10, B = 26;
  const n = periods.length;
  const s = frame(W, H, title, desc);
  const x = (i) => L + (n === 1 ? (W - L - R) / 2 : (i * (W - L - R)) / (n - 1));
  let max = 1;
  if (!percent) {
    max = Math.max(1, ...periods.map((_, i) => series.reduce((a, ser) => a + ser.values[i], 0)));
  }
  const y = (v) => T + (H - T - B) * (1 - v / max);
  const g = svg('g', { class: 'axis', 'aria-hidden': 'true' });
  for (const f of [0, 0.25, 0.5, 0.75, 1]) {
    const v = f * max;
    g.append(svg('line', { x1: L, x2: W - R, y1: y(v), y2: y(v) }),
      svg('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end' }, percent ? Math.round(f * 100) + '%' : num(Math.round(v))));
  }
  s.append(g);
  const base = new Array(n).fill(0);
  const bands = svg('g', { class: 'bands' });
  for (const ser of series) {
    const top = base.map((b, i) => b + ser.values[i]);
    if (ser.values.every((v) => v === 0)) continue;
    let d = '';
    top.forEach((v, i) => { d += (i ? 'L' : 'M') + x(i).toFixed(1) + ',' + y(v).toFixed(1); });
    for (let i = n - 1; i >= 0; i--) d += 'L' + x(i).toFixed(1) + ',' + y(base[i]).toFixed(1);
    if (n === 1) { // one period: a bar
      const w = 40;
      d = `M${x(0) - w},${y(top[0])}L${x(0) + w},${y(top[0])}L${x(0) + w},${y(base[0])}L${x(0) - w},${y(base[0])}Z`;
    }
    bands.append(svg('path', { d: d + 'Z', fill: ser.color, 'data-name': ser.name }, svg('title', {}, ser.name)));
    top.forEach((v, i) => { base[i] = v; });
  }
  s.append(bands, xAxis(periods, x, H - 8, labelEvery(n, 14)));
  fig.replaceChildren(s);
  fig.dataset.series = bands.childElementCount;
  return s;
}

// lineChart draws lines (values per period, 0 to yMax).
export function lineChart(fig, { periods, lines, title, desc, yMax = 1 }) {
  const W = 900, H = 200, L = 44, R = 12, T = 10, B = 26;
  const n = periods.length;
  const s = frame(W, H, title, desc);
  const x = (i) => L + (n === 1 ? (W - L - R) / 2 : (i * (W - L - R)) / (n - 1));
  const y = (v) => T + (H - T - B) * (1 - v / yMax);
  const g = svg('g', { class: 'axis', 'aria-hidden': 'true' });
  for (const f of [0, 0.5, 1]) {
    g.append(svg('line', { x1: L, x2: W - R, y1: y(f * yMax), y2: y(f * yMax) }),
      svg('text', { x: L - 6, y: y(f * yMax) + 4, 'text-anchor': 'end' }, (f * yMax).toFixed(2)));
  }
  s.append(g);
  for (const ln of lines) {
    let d = '';
    let pen = false;
    ln.values.forEach((v, i) => {
      if (v === null) { pen = false; return; }
      d += (pen ? 'L' : 'M') + x(i).toFixed(1) + ',' + y(v).toFixed(1);
      pen = true;
    });
    s.append(svg('path', { d, fill: 'none', stroke: ln.color, 'stroke-width': 2.5, 'stroke-dasharray': ln.dash || null },
      svg('title', {}, ln.name)));
  }
  s.append(xAxis(periods, x, H - 8, labelEvery(n, 14)));
  fig.replaceChildren(s);
  return s;
}

const QUAD = [
  { name: 'Verbal cooperation', color: '#52a675' },
  { name: 'Material cooperation', color: '#1f7a4d' },
  { name: 'Verbal conflict', color: '#e0796f' },
  { name: 'Material conflict', color: '#b3261e' },
];
export const quadNames = QUAD.map((q) => q.name);
export const quadColors = QUAD.map((q) => q.color);

// divergingBars draws, per period, the cooperation classes above a zero
// line and the conflict classes below, with the mean Goldstein score as a
// line on its own scale (−10 to +10) when mean is given.
export function divergingBars(fig, { periods, quads, mean, title, desc, small = false }) {
  const W = small ? 260 : 900, H = small ? 90 : 300, L = small ? 4 : 44, R = small ? 4 : 40, T = 8, B = small ? 6 : 26;
  const n = periods.length;
  const s = frame(W, H, title, desc);
  const up = periods.map((_, i) => quads[0][i] + quads[1][i]);
  const down = periods.map((_, i) => quads[2][i] + quads[3][i]);
  const top = Math.max(1, ...up), conflict = Math.max(0, ...down);
  const bottom = Math.max(conflict, top / 8); // room below the line even without conflict
  const zero = T + (H - T - B) * (top / (top + bottom));
  const scale = (H - T - B) / (top + bottom);
  const slot = (W - L - R) / n;
  const bw = Math.max(1, Math.min(slot, small ? 24 : 60));
  const x = (i) => L + i * slot + (slot - bw) / 2;
  if (!small) {
    const g = svg('g', { class: 'axis', 'aria-hidden': 'true' });
    g.append(svg('text', { x: L - 6, y: T + 10, 'text-anchor': 'end' }, num(top)));
    if (conflict > 0) g.append(svg('text', { x: L - 6, y: H - B, 'text-anchor': 'end' }, num(conflict)));
    s.append(g);
  }
  const bars = svg('g', { class: 'bars' });
  periods.forEach((p, i) => {
    let yUp = zero;
    for (const q of [0, 1]) {
      const h = quads[q][i] * scale;
      if (h > 0) {
        yUp -= h;
        bars.append(svg('rect', { x: x(i) + bw * 0.1, y: yUp, width: bw * 0.8, height: h, fill: QUAD[q].color }));
      }
    }
    let yDown = zero;
    for (const q of [2, 3]) {
      const h = quads[q][i] * scale;
      if (h > 0) {
        bars.append(svg('rect', { x: x(i) + bw * 0.1, y: yDown, width: bw * 0.8, height: h, fill: QUAD[q].color }));
        yDown += h;
      }
    }
  });
  s.append(bars, svg('line', { class: 'zero', x1: L, x2: W - R, y1: zero, y2: zero }));
  if (mean) {
    const ym = (v) => T + (H - T - B) * (1 - (v + 10) / 20);
    let d = '';
    let pen = false;
    const dots = svg('g', { class: 'mean-dots' });
    mean.forEach((v, i) => {
      if (v === null) { pen = false; return; }
      d += (pen ? 'L' : 'M') + (x(i) + bw / 2).toFixed(1) + ',' + ym(v).toFixed(1);
      const alone = (i === 0 || mean[i - 1] === null) && (i === mean.length - 1 || mean[i + 1] === null);
      if (alone) dots.append(svg('circle', { cx: x(i) + bw / 2, cy: ym(v), r: small ? 1.5 : 3, fill: '#1b1f24' }));
      pen = true;
    });
    s.append(svg('path', { d, fill: 'none', stroke: '#1b1f24', 'stroke-width': small ? 1.2 : 2, class: 'mean' }), dots);
    if (!small) {
      s.append(svg('g', { class: 'axis', 'aria-hidden': 'true' },
        svg('text', { x: W - R + 4, y: ym(10) + 8 }, '+10'), svg('text', { x: W - R + 4, y: ym(-10) }, '−10')));
    }
  }
  if (!small) s.append(xAxis(periods, (i) => x(i) + bw / 2, H - 8, labelEvery(n, 14)));
  fig.replaceChildren(s);
  fig.dataset.bars = bars.childElementCount;
  return s;
}

// legend lists names with their colours.
export function legend(items) {
  return el('ul', { class: 'legend' }, items.map(([name, color]) =>
    el('li', {}, swatch(color), name)));
}

export function swatch(color) {
  const s = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  s.style.background = color;
  return s;
}

// network draws the focal actor in the middle and its partners on a
// circle, each a link (to the dyad page) sized by its events; lines are
// events between two actors, thicker for more.
export function network(fig, { nodes, edges, color, name, href, title }) {
  const W = 520, H = 420, cx = W / 2, cy = H / 2, R = 160;
  const s = frame(W, H, title, `${nodes.length - 1} partners. Each is a link to the dyad's page.`, true);
  const pos = new Map();
  pos.set(nodes[0].id, [cx, cy]);
  const others = nodes.slice(1);
  others.forEach((n, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, others.length);
    pos.set(n.id, [cx + R * Math.cos(a), cy + R * Math.sin(a)]);
  });
  const maxE = Math.max(1, ...edges.map((e) => e.events));
  const maxN = Math.max(1, ...others.map((n) => n.events));
  const lines = svg('g', { class: 'edges', 'aria-hidden': 'true' });
  for (const e of edges) {
    const [x1, y1] = pos.get(e.a) || [], [x2, y2] = pos.get(e.b) || [];
    if (x1 === undefined || x2 === undefined) continue;
    lines.append(svg('line', { x1, y1, x2, y2, stroke: e.mean >= 0 ? '#6b8fb3' : '#c9766f', 'stroke-opacity': 0.7,
      'stroke-width': (1 + 9 * Math.sqrt(e.events / maxE)).toFixed(1) }));
  }
  s.append(lines);
  const dots = svg('g', { class: 'nodes' });
  nodes.forEach((n, i) => {
    const [x, y] = pos.get(n.id);
    const r = i === 0 ? 26 : 8 + 18 * Math.sqrt(n.events / maxN);
    const label = i === 0 ? `${name(n.id)}: ${num(n.events)} events with these partners`
      : `${name(n.id)}: ${num(n.events)} events with ${name(nodes[0].id)}`;
    const g = svg('a', { href: href(n.id), 'aria-label': label },
      svg('circle', { cx: x, cy: y, r, fill: color(n), stroke: '#fff', 'stroke-width': 2 }),
      svg('text', { x, y: y + r + 12, 'text-anchor': 'middle' }, n.id));
    dots.append(g);
  });
  s.append(dots);
  fig.replaceChildren(s);
  fig.dataset.nodes = nodes.length;
  return s;
}

// tileMap draws one square a country at its row and column, coloured by
// its count (none: grey), each a link with its name and count.
export function tileMap(fig, { tiles, count, focal, href, title }) {
  const size = 30, gap = 3;
  const rows = Math.max(...tiles.map((t) => t.row)) + 1, cols = Math.max(...tiles.map((t) => t.col)) + 1;
  const W = cols * (size + gap), H = rows * (size + gap);
  const s = frame(W, H, title, 'One square a country; each is a link to its dyad with the focal country and says its count.', true);
  const max = Math.max(1, ...tiles.map((t) => count(t.code)));
  const shade = (v) => {
    if (v === 0) return '#e6e9ed';
    const f = Math.log1p(v) / Math.log1p(max); // counts span orders of magnitude
    const l = 88 - 58 * f;
    return `hsl(210, 65%, ${l.toFixed(0)}%)`;
  };
  const g = svg('g', { class: 'tiles' });
  for (const t of tiles) {
    const v = count(t.code);
    const x = t.col * (size + gap), y = t.row * (size + gap);
    const isFocal = t.code === focal;
    const fill = isFocal ? '#ffbf47' : shade(v);
    const dark = !isFocal && v > 0 && Math.log1p(v) / Math.log1p(max) > 0.55;
    const label = isFocal ? `${t.name}: the focal country` : `${t.name}: ${num(v)} events`;
    const a = svg('a', { href: isFocal ? href(null) : href(t.code), 'aria-label': label, 'data-code': t.code, 'data-count': v },
      svg('rect', { x, y, width: size, height: size, rx: 3, fill }),
      svg('text', { x: x + size / 2, y: y + size / 2 + 4, 'text-anchor': 'middle', class: dark ? 'on-dark' : null,
        'aria-hidden': 'true' }, t.code));
    g.append(a);
  }
  s.append(g);
  fig.replaceChildren(s);
  fig.dataset.tiles = tiles.length;
  return { max, shade };
}
