// Live progress of a running run: server-sent events from /runs/{name}/events, which watches the run's store (the
// run may be another process's). Each landed attempt replaces its placeholder in the gallery with the figure the
// server rendered (the same component as the report, every text already HTML-encoded); counts and the feed are
// plain text.
(() => {
  'use strict';
  const live = document.querySelector('[data-events]');
  if (!live || !window.EventSource) return;
  const feed = live.querySelector('[data-live=feed]');
  const summary = document.querySelector('[data-live=summary]');
  const maxFeed = 50;
  const source = new EventSource(live.dataset.events);

  function place(data) {
    const template = document.createElement('template');
    template.innerHTML = data.html;
    const figure = template.content.firstElementChild;
    const existing = document.querySelector(`figure.shot[data-slot="${CSS.escape(data.slot)}"]`);
    if (existing) existing.replaceWith(figure);
    else document.querySelector(`section.prompt[data-prompt="${CSS.escape(data.prompt)}"] .shots`)?.append(figure);
  }

  source.addEventListener('attempt', (event) => {
    const data = JSON.parse(event.data);
    place(data);
    const item = document.createElement('li');
    item.textContent = data.line;
    feed.prepend(item);
    while (feed.children.length > maxFeed) feed.lastElementChild.remove();
    document.dispatchEvent(new CustomEvent('imagebench:gallery-changed'));
  });

  source.addEventListener('progress', (event) => {
    const data = JSON.parse(event.data);
    if (summary) summary.textContent = data.summary;
    for (const model of data.models) {
      const row = live.querySelector(`tr[data-model="${CSS.escape(model.id)}"]`);
      if (!row) continue;
      for (const [name, value] of Object.entries(model.counts)) {
        const cell = row.querySelector(`[data-count="${name}"]`);
        if (cell) cell.textContent = value;
      }
    }
  });

  source.addEventListener('end', (event) => {
    const data = JSON.parse(event.data);
    source.close();
    const ended = live.querySelector('[data-live=ended]');
    ended.querySelector('[data-live=end-status]').textContent = data.status;
    ended.hidden = false;
  });
})();
