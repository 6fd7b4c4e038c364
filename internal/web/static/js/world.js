// The world view: every country as a tile, coloured by its events with
// the focal country.
import { api, body, win, el, num, fail, actors, fillPicker, announce, showWindow } from './common.js';
import { tileMap } from './charts.js';

async function main() {
  fillPicker();
  const focal = body.actor;
  let names, d;
  try {
    [names, d] = await Promise.all([actors(), api('dyads', { actor: focal, since: body.since, until: body.until, limit: 1000 })]);
  } catch (err) {
    fail('summary', err);
    return;
  }
  const counts = new Map(d.dyads.map((x) => [x.partner, x.events]));
  const name = names.byCode.get(focal) ? names.byCode.get(focal).name : focal;
  document.getElementById('actor-name').textContent = name;
  document.title = `The world seen from ${name} — farabi`;
  const w = d.window;
  showWindow(w);
  const q = new URLSearchParams({ since: w.since, until: w.until });
  if (body.period) q.set('period', body.period);
  const tiles = names.list.filter((a) => a.row >= 0);
  const total = d.dyads.reduce((s, x) => s + x.events, 0);
  const onMap = tiles.filter((t) => (counts.get(t.code) || 0) > 0 && t.code !== focal).length;
  document.getElementById('summary').replaceChildren(
    el('strong', { id: 'total-events' }, num(total)), ` distinct events of ${name} with ${num(d.dyads.length)} partners from ${w.since} to ${w.until}; `,
    `${num(onMap)} of them are countries on the map.`);
  const fig = document.getElementById('map');
  const { max, shade } = tileMap(fig, {
    tiles, focal, count: (c) => counts.get(c) || 0, title: `Events of ${name} with each country`,
    href: (c) => (c ? `/dyad/${focal}/${c}?${q}` : `/country/${focal}?${q}`),
  });
  performance.mark('farabi-balance-drawn');
  const steps = [0, 1, Math.round(Math.sqrt(max)), max].filter((v, i, a) => a.indexOf(v) === i);
  document.getElementById('map-legend').replaceChildren(el('ul', { class: 'legend', 'aria-label': 'Colour scale' },
    steps.map((v) => {
      const sw = el('span', { class: 'swatch', 'aria-hidden': 'true' });
      sw.style.background = shade(v);
      return el('li', {}, sw, v === 0 ? 'no events' : num(v) + (v === 1 ? ' event' : ' events'));
    })));
  const orgs = d.dyads.filter((x) => !tiles.some((t) => t.code === x.partner));
  document.getElementById('orgs').replaceChildren(...(orgs.length ? orgs.map((x) =>
    el('li', {}, el('a', { href: `/dyad/${focal}/${x.partner}?${q}` }, `${x.name || x.partner}: ${num(x.events)}`)))
    : [el('li', {}, 'None in this window.')]));
  announce(`${num(d.dyads.length)} partners on the map`);
  document.body.dataset.ready = 'true';
}

main();
