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
    if (site.dmWhen?.some((s) => document.querySelector(s))) return 'dm';
    return 'public';
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

  PG.composers = { watch, surfaceFor };
})();
