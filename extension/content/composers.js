// Finds compose boxes: those on the page at start, those added later (a
// MutationObserver) and any box the user focuses (focusin, the safety net
// for markup no selector knows). Tells the glue when a box appears or is
// removed, and reads a box's surface (public post or DM); the acting account
// is account.js's.
'use strict';

(() => {
  const PG = (globalThis.PostGuard ??= {});
  const { GENERIC, siteFor } = PG.sites;

  const site = siteFor(location.hostname);
  const siteSelectors = site ? site.composers.map((c) => c.selector) : [];
  const selector = [...siteSelectors, ...GENERIC].join(', ');

  /** The editor root for an element: the textarea, or the outermost editable host. */
  function resolve(el) {
    if (!(el instanceof HTMLElement) || el.closest('[data-postguard-ui]')) return null;
    // Hidden from people, so not typed in: react-textarea-autosize's
    // measuring copy of the field, for one.
    if (el.closest('[aria-hidden="true"]')) return null;
    if (el instanceof HTMLTextAreaElement) {
      return el.disabled || el.readOnly ? null : { root: el, kind: 'textarea' };
    }
    let root = el.isContentEditable ? el : el.querySelector('[contenteditable="true"], [contenteditable="plaintext-only"]');
    if (!root || !root.isContentEditable) return null;
    while (root.parentElement?.isContentEditable) root = root.parentElement;
    return { root, kind: 'editable' };
  }

  function surfaceFor(root) {
    if (!site) return 'public';
    const fixed = site.composers.find((c) => c.surface && root.matches(`${c.selector}, ${c.selector} *`));
    if (fixed) return fixed.surface;
    if (site.dmPaths.some((p) => location.pathname === p || location.pathname.startsWith(`${p}/`))) return 'dm';
    if (site.dmWhen?.some((when) => shows(root, when))) return 'dm';
    return 'public';
  }

  /** Whether the box's form shows the control `when` describes (see sites.js). */
  function shows(root, { scope, selector, text }) {
    const within = scope ? root.closest(scope) : document;
    if (!within) return false;
    const pattern = text && new RegExp(text, 'iu');
    return [...within.querySelectorAll(selector)].some((el) => !pattern || pattern.test(el.textContent.trim()));
  }

  /**
   * Calls `found(root, kind)` once per box and `gone(root)` when it leaves
   * the document. Returns a function that stops watching.
   */
  function watch(found, gone) {
    const known = new Set();
    const add = (el) => {
      const hit = resolve(el);
      if (hit && !known.has(hit.root)) {
        known.add(hit.root);
        found(hit.root, hit.kind);
      }
    };
    const scan = (node) => {
      if (!(node instanceof Element)) return;
      if (node.matches(selector)) add(node);
      for (const el of node.querySelectorAll(selector)) add(el);
    };

    // Sites add nodes constantly; batch them per animation frame.
    let added = [];
    let frame = 0;
    const flush = () => {
      frame = 0;
      const batch = added;
      added = [];
      for (const root of known) {
        if (!root.isConnected) {
          known.delete(root);
          gone(root);
        }
      }
      for (const node of batch) if (node.isConnected) scan(node);
    };
    const observer = new MutationObserver((records) => {
      let removed = false;
      for (const record of records) {
        for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) added.push(node);
        removed ||= record.removedNodes.length > 0;
      }
      if (added.length || (removed && known.size)) frame ||= requestAnimationFrame(flush);
    });
    const onFocus = (event) => {
      const target = event.composedPath()[0];
      if (target instanceof Element) add(target);
    };

    scan(document.documentElement);
    observer.observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener('focusin', onFocus, true);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocus, true);
      cancelAnimationFrame(frame);
      for (const root of known) gone(root);
      known.clear();
    };
  }

  /**
   * Calls `changed()` when the box starts or stops writing a direct message
   * while it stays on the page: a control of its form changed what it shows
   * (Mastodon's visibility). Returns a function that stops watching.
   */
  function watchSurface(root, changed) {
    const scopes = new Set((site?.dmWhen ?? []).map((when) => when.scope && root.closest(when.scope)).filter(Boolean));
    if (!scopes.size) return () => {};
    let surface = surfaceFor(root);
    let frame = 0;
    const observer = new MutationObserver(() => {
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        const now = surfaceFor(root);
        if (now === surface) return;
        surface = now;
        changed();
      });
    });
    for (const scope of scopes) observer.observe(scope, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class'] });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }

  PG.composers = { watch, surfaceFor, watchSurface };
})();
