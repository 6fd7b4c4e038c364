// Search: stories by their words, and quotations.
import { api, body, el, num, fail, announce } from './common.js';

async function main() {
  const q = body.query;
  if (!q) {
    document.body.dataset.ready = 'true';
    return;
  }
  const range = { since: body.since, until: body.until };
  const hits = document.getElementById('hits'), quotes = document.getElementById('quotes');
  const [h, qs] = await Promise.allSettled([api('search', { q, ...range, limit: 30 }), api('quotes', { search: q, ...range, limit: 30 })]);
  if (h.status === 'fulfilled') {
    hits.replaceChildren(...(h.value.hits.length ? h.value.hits.map((x) => el('li', {},
      x.article.url ? el('a', { href: x.article.url, rel: 'noopener noreferrer' }, x.article.title || x.article.url) : (x.article.title || 'article ' + x.article.id),
      el('div', { class: 'meta' }, `${x.article.published}${x.article.outlet ? ', ' + x.article.outlet : ''}`),
      el('p', {}, x.snippet))) : [el('li', {}, 'No stories match.')]));
  } else {
    fail(hits, h.reason);
  }
  if (qs.status === 'fulfilled') {
    quotes.replaceChildren(...(qs.value.quotes.length ? qs.value.quotes.map((x) => el('li', {},
      el('blockquote', {}, '“' + x.text + '”'),
      el('div', { class: 'who' }, `${x.speaker || x.speaker_code || 'unnamed'}, ${x.date}${x.outlet ? ', ' + x.outlet : ''}`)))
      : [el('li', {}, 'No quotes match.')]));
  } else {
    fail(quotes, qs.reason);
  }
  const n = h.status === 'fulfilled' ? h.value.hits.length : 0, m = qs.status === 'fulfilled' ? qs.value.quotes.length : 0;
  document.getElementById('summary').textContent = `${num(n)} stories and ${num(m)} quotes for “${q}”.`;
  announce(`${n} stories and ${m} quotes found`);
  document.body.dataset.ready = 'true';
}

main();
