// The event table: a page of events at a time, each opening to its
// evidence — the sentence with the source, target and predicate marked,
// the rule that fired, the confidence and the story.
import { api, el, num, announce, fail } from './common.js';
import { quadNames } from './charts.js';

const ROLE = { source: 'source', target: 'target', predicate: 'predicate' };

// evidence renders an event's sentence, its parts marked by role.
export function evidence(ev) {
  const parts = (ev.evidence && ev.evidence.length ? ev.evidence : [{ text: ev.sentence_text }]).map((p) =>
    ROLE[p.role] ? el('mark', { class: p.role, title: p.role }, el('span', { class: 'visually-hidden' }, `[${p.role}: `), p.text,
      el('span', { class: 'visually-hidden' }, ']')) : p.text);
  const story = ev.url ? el('a', { href: ev.url, rel: 'noopener noreferrer' }, ev.title || ev.url) : (ev.title || `article ${ev.article}`);
  return el('div', { class: 'evidence' },
    el('p', { class: 'sentence' }, parts),
    el('dl', {},
      el('dt', {}, 'Source'), el('dd', {}, `${ev.source} — “${ev.source_text}”${ev.source_name ? ' (' + ev.source_name + ')' : ''}`),
      el('dt', {}, 'Target'), el('dd', {}, `${ev.target} — “${ev.target_text}”${ev.target_name ? ' (' + ev.target_name + ')' : ''}`),
      el('dt', {}, 'Predicate'), el('dd', {}, `“${ev.predicate}”`),
      el('dt', {}, 'Event'), el('dd', {}, `${ev.code} ${ev.plover || ''}, ${quadNames[ev.quad - 1] || 'no quad class'}, Goldstein ${ev.goldstein}`),
      el('dt', {}, 'Rule'), el('dd', { class: 'rule' }, ev.rule || '—'),
      el('dt', {}, 'Confidence'), el('dd', { class: 'confidence' }, ev.confidence.toFixed(2)),
      ev.notes && ev.notes.length ? [el('dt', {}, 'Notes'), el('dd', {}, ev.notes.join('; '))] : null,
      el('dt', {}, 'Reported'), el('dd', {}, `${num(ev.stories || 1)} ${ev.stories === 1 ? 'story' : 'stories'}, ${num(ev.outlets || 1)} ${ev.outlets === 1 ? 'outlet' : 'outlets'}`),
      el('dt', {}, 'Story'), el('dd', {}, story, ev.outlet ? ` — ${ev.outlet}` : ''),
      el('dt', {}, 'Coded by'), el('dd', {}, `coder ${ev.versions.coder}, dictionaries ${ev.versions.dict}, models ${ev.versions.model}`)));
}

// eventTable fills the element with id where with the events that pass
// filter, a page at a time.
export function eventTable(where, filter) {
  const box = document.getElementById(where);
  const tbody = el('tbody');
  const table = el('table', { class: 'events' },
    el('caption', { class: 'visually-hidden' }, 'Events, oldest first; each opens to its evidence'),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, 'Date'), el('th', { scope: 'col' }, 'Event'), el('th', { scope: 'col' }, 'Code'),
      el('th', { scope: 'col', class: 'num' }, 'Goldstein'), el('th', { scope: 'col', class: 'num' }, 'Stories'))),
    tbody);
  const more = el('button', { type: 'button' }, 'More events');
  const count = el('span', { class: 'note' });
  box.replaceChildren(table, el('div', { class: 'pager' }, more, count));
  let next = '';
  let shown = 0;
  let n = 0;
  async function page() {
    more.disabled = true;
    try {
      const d = await api('events', { ...filter, limit: 25, after: next });
      for (const ev of d.events) {
        const id = `ev-${where}-${n++}`;
        const btn = el('button', { type: 'button', class: 'plain', 'aria-expanded': 'false', 'aria-controls': id,
          'data-distinct': ev.distinct_id },
        `${ev.source} → ${ev.target}: ${ev.predicate || ev.code}`);
        const detail = el('tr', { id, class: 'detail', hidden: true }, el('td', { colspan: 5 }));
        btn.addEventListener('click', () => {
          const open = btn.getAttribute('aria-expanded') === 'true';
          btn.setAttribute('aria-expanded', String(!open));
          if (!open && !detail.firstChild.firstChild) detail.firstChild.append(evidence(ev));
          detail.hidden = open;
        });
        tbody.append(el('tr', {},
          el('td', {}, ev.date), el('td', {}, btn), el('td', {}, ev.code),
          el('td', { class: 'num' }, ev.goldstein.toFixed(1)), el('td', { class: 'num' }, num(ev.stories || 1))), detail);
      }
      shown += d.events.length;
      next = d.next;
      more.hidden = !next;
      count.textContent = shown === 0 ? 'No events in this window.' : `${num(shown)} shown${next ? '' : ', all'}`;
      announce(`${num(d.events.length)} more events`);
    } catch (err) {
      fail(box, err);
    } finally {
      more.disabled = false;
    }
  }
  more.addEventListener('click', page);
  return page();
}
