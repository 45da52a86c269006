// Tells screen-reader users what PostGuard found, in a polite live region
// on the body (never inside the editor), once typing pauses, and only when
// the summary changed. The region goes in when a box is found and then only
// its text changes: Chromium ends a field's undo step whenever a node is
// added to or removed from the page.
'use strict';

(() => {
  const PG = (globalThis.PostGuard ??= {});

  const PAUSE_MS = 1200;
  let region = null;
  let words = null;
  let timer = 0;
  let said = '';

  function ensureRegion() {
    if (region?.isConnected) return region;
    region = document.createElement('postguard-status');
    region.setAttribute('data-postguard-ui', '');
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    // Visually hidden, still read.
    const hidden = 'position:fixed!important;width:1px!important;height:1px!important;overflow:hidden!important;clip-path:inset(50%)!important;white-space:nowrap!important;top:0!important;left:0!important';
    region.style.cssText = hidden;
    words = document.createTextNode('');
    region.append(words);
    document.body.append(region);
    return region;
  }

  /** The sentence for a set of findings ({category, severity}). */
  function describe(findings, truncated) {
    const parts = [];
    if (findings.length === 0) parts.push('PostGuard: nothing to look at in this draft.');
    else {
      const names = [];
      for (const f of [...findings].sort((a, b) => rank(b) - rank(a))) {
        const name = `${PostGuardCategoryName(f.category)}${f.severity === 'high' ? ' (high risk)' : ''}`;
        if (!names.includes(name)) names.push(name);
      }
      const count = findings.length === 1 ? '1 thing' : `${findings.length} things`;
      parts.push(`PostGuard: ${count} to look at: ${names.join(', ')}. Alt+Enter on an underlined word explains it.`);
    }
    if (truncated) parts.push(`Only the first ${PG.MAX_TEXT.toLocaleString('en')} characters were checked.`);
    return parts.join(' ');
  }
  const rank = (f) => ({ high: 3, medium: 2, low: 1 })[f.severity] ?? 0;

  PG.summary = {
    /** Puts the live region in the page, before the user types. */
    prepare() {
      ensureRegion();
    },
    /** Announces after a pause in typing; an empty draft says nothing. */
    announce(findings, truncated, draftIsEmpty) {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const text = draftIsEmpty ? '' : describe(findings, truncated);
        if (text === said) return;
        said = text;
        ensureRegion();
        words.data = text;
      }, PAUSE_MS);
    },
    clear() {
      clearTimeout(timer);
      said = '';
      region?.remove();
      region = null;
      words = null;
    },
  };
})();
