// The acting account: read from what the page shows (the site adapter's
// account sources), followed as the user switches accounts in the page, and
// registered with the background, which answers how the user marked it
// (brand, personal, unknown; confirmation step) and whether it replaces the
// account used last on this site within the hour. Never reads tokens,
// cookies or the page's storage: only visible text and attributes.
'use strict';

(() => {
  const PG = (globalThis.PostGuard ??= {});

  const api = globalThis.browser ?? globalThis.chrome;
  const site = PG.sites.siteFor(location.hostname);
  const MAX_HANDLE = 100;

  // {handle, kind, confirm} as registered, or null when the page shows none.
  let current = null;
  // {handle, kind, at}: the account used before a recent switch, or null.
  let previous = null;
  let shown = null; // the handle the page shows now
  let seen = null; // the last handle the page showed, across re-renders without one
  let asked = 0; // answers to older questions are dropped
  const listeners = new Set();

  /** The value of one adapter source, with its prefix: "@dana", "Dana Okafor". */
  function read(source, el) {
    const value = source.attribute ? el.getAttribute(source.attribute) : el.textContent;
    const match = value && new RegExp(source.pattern, 'u').exec(value);
    if (!match?.[1]) return null;
    const found = match[1].trim();
    const prefix = source.prefix && !found.startsWith(source.prefix) ? source.prefix : '';
    return (prefix + found).slice(0, MAX_HANDLE);
  }

  function handleOnPage() {
    for (const source of site?.account ?? []) {
      // Several elements may match (a comment box before the post box);
      // the first that reads as an account wins.
      for (const el of document.querySelectorAll(source.selector)) {
        const handle = read(source, el);
        if (handle) return handle;
      }
    }
    return null;
  }

  // `text` is shown beside `el`: in its parent or up to two ancestors more
  // (sites wrap the name in a link in a list), never beyond `scope`.
  function near(el, scope, text) {
    let at = el.parentElement;
    for (let i = 0; at && i < 3; i += 1, at = at.parentElement) {
      if (at.textContent.includes(text)) return true;
      if (at === scope) break;
    }
    return false;
  }

  /** Who a reply composer answers, when the adapter can tell. */
  function replyTo(root) {
    for (const source of site?.reply ?? []) {
      const scope = root.closest(source.scope);
      if (!scope) continue;
      for (const el of scope.querySelectorAll(source.selector)) {
        if (source.near && !near(el, scope, source.near)) continue;
        const handle = read(source, el);
        if (handle) return handle;
      }
    }
    return null;
  }

  const onBrandPage = () => (site?.brandPaths ?? []).some((p) => location.pathname.startsWith(p));

  async function register(handle) {
    const seq = ++asked;
    let answer = null;
    try {
      answer = await api.runtime.sendMessage({ type: 'account', siteId: site.id, handle, hint: onBrandPage() ? 'brand' : undefined });
    } catch {
      // The worker is restarting; the next change or settings event asks again.
    }
    if (seq !== asked) return;
    current = answer?.account ?? { handle, kind: 'unknown', confirm: false };
    previous = answer?.previous ?? null;
    for (const listener of listeners) listener();
  }

  function refresh() {
    const handle = handleOnPage();
    if (handle === shown) return;
    // A switch inside the page: the account left was the one in use.
    if (seen && handle && handle !== seen) api.runtime.sendMessage({ type: 'used', siteId: site.id, handle: seen }).catch(() => {});
    shown = handle;
    seen = handle ?? seen;
    if (handle) {
      register(handle);
    } else {
      asked += 1;
      current = null;
      previous = null;
      for (const listener of listeners) listener();
    }
  }

  // Account controls are re-rendered by the site at any time: look again
  // once per frame after the document changed (a few querySelector calls).
  let frame = 0;
  let observer = null;
  function start() {
    if (observer || !site?.account.length) return;
    observer = new MutationObserver(() => {
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        refresh();
      });
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href', 'aria-label', 'alt'] });
    refresh();
  }

  function stop() {
    observer?.disconnect();
    observer = null;
    cancelAnimationFrame(frame);
    frame = 0;
    shown = null;
    current = null;
    previous = null;
    asked += 1;
  }

  // A kind or confirmation changed in the popup or options, or an account
  // was used in another tab: ask again.
  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (changes.settings || changes.lastUsed) && shown) register(shown);
  });

  PG.account = {
    start,
    stop,
    replyTo,
    siteId: site?.id ?? '',
    get current() {
      return current;
    },
    get previous() {
      return previous;
    },
    /** The user posted from the current account. */
    used() {
      if (current) api.runtime.sendMessage({ type: 'used', siteId: site.id, handle: current.handle }).catch(() => {});
    },
    /** Calls `listener()` whenever the account or its marking changes; returns an unsubscribe. */
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
})();
