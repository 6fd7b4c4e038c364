// The country page: the balance of a country's ties over a window.
import { api, body, win, el, num, pct, signed, fail, actors, nameOf, blocColor, fillPicker, dataTable, announce, showWindow } from './common.js';
import { stackedArea, lineChart, divergingBars, network, legend, swatch, quadNames } from './charts.js';
import { eventTable } from './events.js';

const actor = body.actor;

async function main() {
  fillPicker();
  const namesP = actors();
  let v;
  try {
    v = await api('vectors', { actor, ...win() });
  } catch (err) {
    fail('summary', err);
    return;
  }
  const names = await namesP.catch(() => ({ byCode: new Map(), list: [], blocs: [] }));
  const name = nameOf(names, actor);
  document.getElementById('actor-name').textContent = name === actor ? actor : `${name} (${actor})`;
  document.title = `${name} — farabi`;
  const w = v.window;
  summary(v, name);
  showWindow(w);
  balance(v, name);
  performance.mark('farabi-balance-drawn');
  shares(v);
  concentration(v);
  announce(`${name}: ${num(v.total.events)} events with partners from ${w.since} to ${w.until}`);
  const range = { since: w.since, until: w.until };
  await Promise.all([
    partnerNetwork(v, names, range),
    dyads(v, names, range),
    alerts(w),
    quotes(w),
    eventTable('events', { actor, since: lastPeriodStart(v), until: w.until }),
  ]);
  performance.mark('farabi-page-complete');
  document.body.dataset.ready = 'true';
}

function summary(v, name) {
  const w = v.window;
  const lead = [...v.blocs].sort((a, b) => b.events - a.events)[0];
  const p = document.getElementById('summary');
  p.replaceChildren(
    el('strong', { id: 'total-events' }, num(v.total.events)), ` distinct events with partners from ${w.since} to ${w.until}, `,
    `mean Goldstein score ${signed(v.total.mean)}. `,
    v.total.events ? `The largest bloc is ${lead.name} with ${pct(lead.share)}; ` : '',
    v.total.events ? `${num(v.partners.length)} partners, effectively ${v.bloc_concentration.effective.toFixed(1)} blocs.` : '');
}

function balance(v, name) {
  const fig = document.getElementById('balance');
  const periods = v.series.map((p) => p.period);
  const n = v.blocs.length;
  const series = v.blocs.map((b, k) => ({ name: b.name, color: blocColor(k, n), values: v.series.map((p) => p.shares[k]) }));
  const shown = v.blocs.map((b, k) => [b, k]).filter(([b]) => b.events > 0);
  const lead = [...shown].sort((a, b) => b[0].share - a[0].share).slice(0, 3).map(([b]) => `${b.name} ${pct(b.share)}`).join(', ');
  stackedArea(fig, {
    periods, series, title: `${name}: share of each bloc, by ${v.window.period}`,
    desc: `${periods.length} ${v.window.period}s from ${periods[0]} to ${periods[periods.length - 1]}. Over the window: ${lead}.`,
  });
  fig.append(legend(shown.map(([b, k]) => [b.name, blocColor(k, n)])));
  fig.append(dataTable(`share of each bloc by ${v.window.period}`, ['Period', 'Events', ...shown.map(([b]) => b.name)],
    v.series.map((p) => [p.period, num(p.events), ...shown.map(([, k]) => (p.events ? pct(p.shares[k]) : '—'))]),
    [1, ...shown.map((_, i) => i + 2)]));
}

function shares(v) {
  const box = document.getElementById('shares');
  const n = v.blocs.length;
  const max = Math.max(...v.blocs.map((b) => b.share), 0.0001);
  const list = el('ul', { class: 'bars', 'aria-label': 'Shares of the blocs' });
  v.blocs.forEach((b, k) => {
    if (b.events === 0) return;
    const fill = el('div', { class: 'fill' });
    fill.style.width = (100 * b.share / max).toFixed(1) + '%';
    fill.style.background = blocColor(k, n);
    list.append(el('li', { 'data-bloc': b.bloc, 'data-events': b.events },
      el('span', {}, swatch(blocColor(k, n)), b.name),
      el('div', { class: 'track', 'aria-hidden': 'true' }, fill),
      el('span', { class: 'num events' }, num(b.events)),
      el('span', { class: 'num share' }, pct(b.share))));
  });
  box.replaceChildren(list, dataTable('events of each bloc by quad class',
    ['Bloc', 'Events', 'Share', ...quadNames, 'Mean Goldstein'],
    v.blocs.filter((b) => b.events > 0).map((b) => [b.name, num(b.events), pct(b.share), ...b.quad.map(num), signed(b.mean)]),
    [1, 2, 3, 4, 5, 6, 7]));
}

function concentration(v) {
  const bc = v.bloc_concentration, pc = v.partner_concentration;
  document.getElementById('concentration').textContent =
    `Concentration over blocs: HHI ${bc.hhi.toFixed(3)} (effectively ${bc.effective.toFixed(1)} blocs), ` +
    `normalised entropy ${bc.entropy.toFixed(2)}. Over partners: HHI ${pc.hhi.toFixed(3)}, entropy ${pc.entropy.toFixed(2)}.`;
  const fig = document.getElementById('concentration-chart');
  const periods = v.series.map((p) => p.period);
  const hhi = v.series.map((p) => (p.events ? p.bloc_concentration.hhi : null));
  const ent = v.series.map((p) => (p.events ? p.bloc_concentration.entropy : null));
  lineChart(fig, {
    periods, title: 'Concentration over blocs, by ' + v.window.period,
    desc: `HHI from ${min(hhi)} to ${max(hhi)}; normalised entropy from ${min(ent)} to ${max(ent)}.`,
    lines: [{ name: 'HHI', color: '#1f618d', values: hhi }, { name: 'Normalised entropy', color: '#a04000', values: ent, dash: '6 4' }],
  });
  fig.append(legend([['HHI', '#1f618d'], ['Normalised entropy (dashed)', '#a04000']]),
    dataTable('concentration by ' + v.window.period, ['Period', 'HHI', 'Entropy', 'Partner HHI'],
      v.series.map((p) => [p.period, p.events ? p.bloc_concentration.hhi.toFixed(3) : '—',
        p.events ? p.bloc_concentration.entropy.toFixed(3) : '—', p.events ? p.partner_concentration.hhi.toFixed(3) : '—']), [1, 2, 3]));
}

const min = (xs) => Math.min(...xs.filter((x) => x !== null)).toFixed(2);
const max = (xs) => Math.max(...xs.filter((x) => x !== null)).toFixed(2);

function query(range) {
  const q = new URLSearchParams(range);
  if (body.period) q.set('period', body.period);
  return '?' + q;
}

async function partnerNetwork(v, names, range) {
  const fig = document.getElementById('network');
  try {
    const net = await api('network', { actor, ...range, size: 12 });
    const blocIndex = new Map(v.blocs.map((b, k) => [b.bloc, k]));
    const n = v.blocs.length;
    network(fig, {
      nodes: net.nodes, edges: net.edges, title: `Partner network of ${nameOf(names, actor)}`,
      color: (node) => (node.id === net.nodes[0].id ? '#1b1f24' : blocColor(blocIndex.get(node.bloc) ?? n - 1, n)),
      name: (c) => nameOf(names, c),
      href: (c) => (c === net.nodes[0].id ? '/country/' + c + query(range) : `/dyad/${actor}/${c}` + query(range)),
    });
    fig.append(dataTable('ties among the leading partners', ['Between', 'Events', 'Mean Goldstein'],
      net.edges.map((e) => [`${e.a} and ${e.b}`, num(e.events), signed(e.mean)]), [1, 2]));
  } catch (err) {
    fail(fig, err);
  }
}

async function dyads(v, names, range) {
  const list = document.getElementById('dyads');
  const top = v.partners.slice(0, 6);
  if (top.length === 0) {
    list.replaceChildren(el('li', {}, 'No partners in this window.'));
    return;
  }
  list.replaceChildren(...top.map((p) => el('li', { 'data-partner': p.partner },
    el('h3', {}, el('a', { href: `/dyad/${actor}/${p.partner}` + query(range) }, nameOf(names, p.partner)),
      ` — ${num(p.events)} events, mean ${signed(p.mean)}`),
    el('figure', { class: 'chart' }))));
  await Promise.all(top.map(async (p, i) => {
    const fig = list.children[i].querySelector('figure');
    try {
      const s = await api('timeseries', { actor, partner: p.partner, ...range, period: v.window.period });
      const periods = s.points.map((x) => x.period);
      divergingBars(fig, {
        small: true, periods, quads: [0, 1, 2, 3].map((q) => s.points.map((x) => x.quad[q])),
        title: `${actor} and ${p.partner} by ${v.window.period}`,
        desc: `${num(s.total.events)} events: ${num(s.total.quad[0] + s.total.quad[1])} cooperation, ${num(s.total.quad[2] + s.total.quad[3])} conflict.`,
      });
    } catch (err) {
      fail(fig, err);
    }
  }));
}

async function alerts(w) {
  const list = document.getElementById('alerts');
  try {
    const until = new Date(w.until + 'T00:00:00Z');
    const since = new Date(until.getTime() - 12 * 7 * 86400000).toISOString().slice(0, 10);
    const d = await api('alerts', { actor, since: since < w.since ? w.since : since, until: w.until });
    const items = d.alerts.slice(-12).reverse();
    list.replaceChildren(...(items.length ? items.map((a) => el('li', { 'data-id': a.id },
      el('span', { class: 'tag ' + a.kind }, a.kind.replace('-', ' ')), ' ',
      el('a', { href: `/dyad/${a.actor}/${a.partner}?period=week` }, `${a.actor}–${a.partner}`), ': ', alertText(a)))
      : [el('li', {}, 'No alerts in the last twelve weeks of the window.')]));
  } catch (err) {
    fail(list, err);
  }
}

async function quotes(w) {
  const list = document.getElementById('quotes');
  try {
    const until = new Date(w.until + 'T00:00:00Z');
    const since = new Date(until.getTime() - 90 * 86400000).toISOString().slice(0, 10);
    const d = await api('quotes', { speaker: actor, since: since < w.since ? w.since : since, until: w.until, limit: 8 });
    list.replaceChildren(...(d.quotes.length ? d.quotes.map((q) => el('li', {},
      el('blockquote', {}, '“' + q.text + '”'),
      el('div', { class: 'who' }, `${q.speaker || q.speaker_code || 'unnamed'} (${q.speaker_code || '?'}), ${q.date}`,
        q.outlet ? `, ${q.outlet}` : '')))
      : [el('li', {}, 'No quotes in the last three months of the window.')]));
  } catch (err) {
    fail(list, err);
  }
}

// alertText says what an alert found, in words.
function alertText(a) {
  if (a.kind === 'new-partner') return `first events, ${num(a.count)} in the week of ${a.week}`;
  return `${num(a.count)} ${a.class} events in the week of ${a.week}, against ${a.baseline_mean.toFixed(1)} ± ${a.baseline_sd.toFixed(1)} ` +
    `a week before (z ${signed(a.z)})`;
}

// lastPeriodStart is the first day of the window's last period that lies
// in the window: the event table starts there, with the latest events.
function lastPeriodStart(v) {
  const last = v.series.length ? v.series[v.series.length - 1].period : '';
  const start = last.length === 7 ? last + '-01' : last;
  return start > v.window.since ? start : v.window.since;
}

main();
