// The run page's gallery: filters (tag, models, failed checks only) and the lightbox (← → between models,
// ↑ ↓ between prompts, Z for 100 % pixels with drag-to-pan or Shift+arrows, Esc closes). No inline script anywhere: the CSP forbids it.
(() => {
  'use strict';
  const gallery = document.querySelector('[data-gallery]');
  if (!gallery) return;

  // ---- Filters -------------------------------------------------------------------------------------------------
  const form = document.getElementById('gallery-filters');
  const failing = new Set(['failed', 'no-image']);

  function applyFilters() {
    if (!form) return;
    const tag = form.elements.tag.value;
    const models = new Set([...form.querySelectorAll('input[name=model]:checked')].map((i) => i.value));
    const failedOnly = form.elements.failed.checked;
    let shown = 0;
    let total = 0;
    for (const section of gallery.querySelectorAll('section.prompt')) {
      const tags = JSON.parse(section.dataset.tags || '[]');
      const tagMatches = !tag || tags.includes(tag);
      let visible = 0;
      for (const figure of section.querySelectorAll('figure.shot')) {
        const show = tagMatches && models.has(figure.dataset.model) && (!failedOnly || failing.has(figure.dataset.verdict));
        figure.hidden = !show;
        if (figure.dataset.verdict !== 'pending') total += 1;
        if (show && figure.dataset.verdict !== 'pending') shown += 1;
        if (show) visible += 1;
      }
      section.hidden = visible === 0;
    }
    form.elements.shown.value = `${shown} of ${total} attempts shown`;
  }

  if (form) {
    form.addEventListener('change', applyFilters);
    form.addEventListener('submit', (event) => event.preventDefault());
    applyFilters();
  }
  // live.js adds figures as attempts land; the filters apply to them too.
  document.addEventListener('imagebench:gallery-changed', applyFilters);

  // ---- Lightbox ------------------------------------------------------------------------------------------------
  const dialog = document.getElementById('lightbox');
  if (!dialog) return;
  const stage = dialog.querySelector('.stage');
  const image = document.getElementById('lightbox-image');
  const title = document.getElementById('lightbox-title');
  const caption = document.getElementById('lightbox-caption');
  const zoomButton = dialog.querySelector('[data-action=zoom]');
  let current = null;
  let drag = null;
  let panned = false;

  const visibleSections = () => [...gallery.querySelectorAll('section.prompt')].filter((s) => !s.hidden);
  const openable = (section) => [...section.querySelectorAll('figure.shot')].filter((f) => !f.hidden && f.querySelector('a.open'));

  function show(figure) {
    current = figure;
    const link = figure.querySelector('a.open');
    const thumb = link.querySelector('img');
    setZoom(false);
    image.src = link.href;
    image.alt = thumb.alt;
    // The stored size, so the full image is laid out at its own ratio before it arrives.
    for (const size of ['width', 'height']) {
      if (thumb.hasAttribute(size)) image.setAttribute(size, thumb.getAttribute(size)); else image.removeAttribute(size);
    }
    const section = figure.closest('section.prompt');
    title.textContent = `${figure.querySelector('figcaption strong').textContent} · ${section.dataset.prompt}`;
    caption.replaceChildren(figure.querySelector('figcaption').cloneNode(true));
    if (!dialog.open) dialog.showModal();
  }

  function step(delta) {
    if (!current) return;
    const row = openable(current.closest('section.prompt'));
    const next = row[row.indexOf(current) + delta];
    if (next) show(next);
  }

  function jump(delta) {
    if (!current) return;
    const sections = visibleSections().filter((s) => openable(s).length > 0);
    const next = sections[sections.indexOf(current.closest('section.prompt')) + delta];
    if (!next) return;
    const row = openable(next);
    // The same model (and repeat) on the other prompt when it has an image there, else that prompt's first image.
    const slot = current.dataset.slot.split('/');
    show(row.find((f) => f.dataset.model === current.dataset.model && f.dataset.slot.endsWith(`/${slot[slot.length - 1]}`))
      || row.find((f) => f.dataset.model === current.dataset.model) || row[0]);
  }

  function setZoom(actual, focusX, focusY) {
    stage.dataset.zoom = actual ? 'actual' : 'fit';
    zoomButton.setAttribute('aria-pressed', String(actual));
    zoomButton.textContent = actual ? 'Fit' : '100 %';
    if (!actual) return;
    // Keep the point that was clicked (or the centre) under the pointer once the image is at full size.
    const fx = focusX ?? 0.5;
    const fy = focusY ?? 0.5;
    stage.scrollLeft = fx * image.naturalWidth - stage.clientWidth / 2;
    stage.scrollTop = fy * image.naturalHeight - stage.clientHeight / 2;
  }

  gallery.addEventListener('click', (event) => {
    const link = event.target.closest('a.open');
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    show(link.closest('figure.shot'));
  });

  const panSteps = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

  dialog.addEventListener('keydown', (event) => {
    if (event.target.closest('button') && (event.key === 'Enter' || event.key === ' ')) return;
    // Shift+arrows pan at 100 %, so the keyboard reaches every pixel too.
    if (event.shiftKey && stage.dataset.zoom === 'actual' && panSteps[event.key]) {
      event.preventDefault();
      const [dx, dy] = panSteps[event.key];
      stage.scrollBy(dx * stage.clientWidth / 4, dy * stage.clientHeight / 4);
      return;
    }
    const keys = { ArrowLeft: () => step(-1), ArrowRight: () => step(1), ArrowUp: () => jump(-1), ArrowDown: () => jump(1),
      z: () => setZoom(stage.dataset.zoom !== 'actual'), Z: () => setZoom(stage.dataset.zoom !== 'actual') };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });

  dialog.addEventListener('click', (event) => {
    const action = event.target.closest('[data-action]')?.dataset.action;
    if (action === 'close') dialog.close();
    else if (action === 'previous') step(-1);
    else if (action === 'next') step(1);
    else if (action === 'zoom') setZoom(stage.dataset.zoom !== 'actual');
    else if (event.target === dialog) dialog.close(); // a click on the backdrop
  });

  image.addEventListener('click', (event) => {
    if (stage.dataset.zoom === 'actual' || panned) return;
    const box = image.getBoundingClientRect();
    setZoom(true, (event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
  });

  // Drag to pan at 100 %. The image must not start the browser's own drag-and-drop, which cancels the pointer.
  image.draggable = false;
  image.addEventListener('dragstart', (event) => event.preventDefault());
  stage.addEventListener('pointerdown', (event) => {
    panned = false;
    if (stage.dataset.zoom !== 'actual' || event.button !== 0) return;
    event.preventDefault();
    drag = { x: event.clientX, y: event.clientY, left: stage.scrollLeft, top: stage.scrollTop };
    stage.setPointerCapture(event.pointerId);
    stage.classList.add('panning');
  });
  stage.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) panned = true;
    stage.scrollLeft = drag.left - dx;
    stage.scrollTop = drag.top - dy;
  });
  const endDrag = () => { drag = null; stage.classList.remove('panning'); };
  stage.addEventListener('pointerup', endDrag);
  stage.addEventListener('pointercancel', endDrag);

  dialog.addEventListener('close', () => {
    const link = current?.querySelector('a.open');
    image.removeAttribute('src');
    if (link) link.focus();
  });
})();
