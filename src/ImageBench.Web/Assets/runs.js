// The Runs page: sort by any column (numbers as numbers, dates as dates, from each cell's data-value) and filter
// by text and status, all in the browser.
(() => {
  'use strict';
  const table = document.getElementById('runs');
  if (!table) return;
  const body = table.tBodies[0];
  const filter = document.getElementById('runs-filter');
  const status = document.getElementById('runs-status');
  const shown = document.getElementById('runs-shown');

  function applyFilter() {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    let count = 0;
    for (const row of body.rows) {
      const text = row.dataset.search || '';
      const show = words.every((w) => text.includes(w)) && (!status.value || row.dataset.status === status.value);
      row.hidden = !show;
      if (show) count += 1;
    }
    shown.value = `${count} of ${body.rows.length} runs`;
  }

  function sortBy(header, kind) {
    const index = header.cellIndex;
    const ascending = header.getAttribute('aria-sort') !== 'ascending';
    for (const th of table.tHead.rows[0].cells) th.setAttribute('aria-sort', 'none');
    header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    const value = (row) => row.cells[index]?.dataset.value ?? '';
    const compare = kind === 'number'
      ? (a, b) => (parseFloat(value(a)) || 0) - (parseFloat(value(b)) || 0)
      : (a, b) => value(a).localeCompare(value(b));
    const rows = [...body.rows].sort((a, b) => (ascending ? 1 : -1) * compare(a, b));
    body.append(...rows);
  }

  table.tHead.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-sort]');
    if (button) sortBy(button.closest('th'), button.dataset.sort);
  });
  filter.addEventListener('input', applyFilter);
  status.addEventListener('change', applyFilter);
  applyFilter();
})();
