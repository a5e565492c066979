// The Runs page: sort by any column (numbers as numbers, dates as dates, from each cell's data-value), filter by
// text and status, all in the browser; and follow the workspace: /events sends the table again whenever a run
// appears or changes, and its rows replace these with the reader's sort and filter kept.
(() => {
  'use strict';
  const host = document.querySelector('[data-workspace-events]');
  let sorted = null; // { index, kind, ascending }

  function table() { return document.getElementById('runs'); }

  function applyFilter() {
    const runs = table();
    if (!runs) return;
    const filter = document.getElementById('runs-filter');
    const status = document.getElementById('runs-status');
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    let count = 0;
    for (const row of runs.tBodies[0].rows) {
      const text = row.dataset.search || '';
      const show = words.every((w) => text.includes(w)) && (!status.value || row.dataset.status === status.value);
      row.hidden = !show;
      if (show) count += 1;
    }
    document.getElementById('runs-shown').value = `${count} of ${runs.tBodies[0].rows.length} runs`;
  }

  function applySort() {
    const runs = table();
    if (!runs || !sorted) return;
    const header = runs.tHead.rows[0].cells[sorted.index];
    for (const th of runs.tHead.rows[0].cells) th.setAttribute('aria-sort', 'none');
    header.setAttribute('aria-sort', sorted.ascending ? 'ascending' : 'descending');
    const value = (row) => row.cells[sorted.index]?.dataset.value ?? '';
    const compare = sorted.kind === 'number'
      ? (a, b) => (parseFloat(value(a)) || 0) - (parseFloat(value(b)) || 0)
      : (a, b) => value(a).localeCompare(value(b));
    const body = runs.tBodies[0];
    body.append(...[...body.rows].sort((a, b) => (sorted.ascending ? 1 : -1) * compare(a, b)));
  }

  document.addEventListener('click', (event) => {
    const button = event.target.closest('#runs th button[data-sort]');
    if (!button) return;
    const index = button.closest('th').cellIndex;
    sorted = { index, kind: button.dataset.sort, ascending: !(sorted && sorted.index === index && sorted.ascending) };
    applySort();
  });
  document.addEventListener('input', (event) => { if (event.target.id === 'runs-filter') applyFilter(); });
  document.addEventListener('change', (event) => { if (event.target.id === 'runs-status') applyFilter(); });
  applyFilter();

  if (!host || !window.EventSource) return;
  const source = new EventSource(host.dataset.workspaceEvents);
  source.addEventListener('runs', (event) => {
    const template = document.createElement('template');
    template.innerHTML = JSON.parse(event.data).html;
    const fresh = template.content.querySelector('#runs');
    const runs = table();
    if (runs && fresh) runs.tBodies[0].replaceWith(fresh.tBodies[0]);
    else host.replaceChildren(template.content); // the first run of an empty workspace
    applySort();
    applyFilter();
  });
})();
