// The dyad page: two actors' events period by period, both directions.
import { api, body, win, el, num, signed, fail, actors, nameOf, fillPicker, dataTable, announce, showWindow } from './common.js';
import { divergingBars, legend, quadNames, quadColors } from './charts.js';
import { eventTable } from './events.js';

async function main() {
  fillPicker();
  const { a, b } = body;
  let s;
  try {
    s = await api('timeseries', { actor: a, partner: b, ...win() });
  } catch (err) {
    fail('summary', err);
    return;
  }
  const names = await actors().catch(() => ({ byCode: new Map() }));
  const na = nameOf(names, a), nb = nameOf(names, b);
  document.getElementById('dyad-a').textContent = na;
  document.getElementById('dyad-b').textContent = nb;
  document.title = `${na} and ${nb} — farabi`;
  const w = s.window, t = s.total;
  showWindow(w);
  document.getElementById('summary').replaceChildren(
    el('strong', { id: 'total-events' }, num(t.events)), ` distinct events between ${na} and ${nb} from ${w.since} to ${w.until}: `,
    `${num(t.quad[0] + t.quad[1])} cooperation, ${num(t.quad[2] + t.quad[3])} conflict; mean Goldstein score ${signed(t.mean)}.`);
  const fig = document.getElementById('series');
  const periods = s.points.map((p) => p.period);
  divergingBars(fig, {
    periods, quads: [0, 1, 2, 3].map((q) => s.points.map((p) => p.quad[q])),
    mean: s.points.map((p) => (p.events ? p.mean : null)),
    title: `${na} and ${nb}: events by quad class, by ${w.period}`,
    desc: `${periods.length} ${w.period}s. ${num(t.events)} events in all; the busiest ${w.period} had ${num(Math.max(0, ...s.points.map((p) => p.events)))}.`,
  });
  performance.mark('farabi-balance-drawn');
  fig.append(legend([...quadNames.map((n, i) => [n, quadColors[i]]), ['Mean Goldstein score (line, −10 to +10)', '#1b1f24']]),
    dataTable(`events by ${w.period}`, ['Period', 'Events', ...quadNames, 'Goldstein sum', 'Mean'],
      s.points.map((p) => [p.period, num(p.events), ...p.quad.map(num), p.goldstein.toFixed(1), p.events ? signed(p.mean) : '—']),
      [1, 2, 3, 4, 5, 6, 7]));
  announce(`${num(t.events)} events between ${na} and ${nb}`);
  await eventTable('events', { actor: a, partner: b, since: w.since, until: w.until });
  document.body.dataset.ready = 'true';
}

main();
