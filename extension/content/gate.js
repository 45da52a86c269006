// One more look before a risky post: when a draft holds a high-risk or a
// wrong-account finding, or its account has the confirmation step on, the
// site's Post/Send button and its keyboard shortcut (Ctrl/Cmd+Enter; Enter in
// a direct-message box) first open a dialog naming the account and the
// findings. "Go back" leaves the draft exactly as it was; "Post anyway"
// lets that one post through by replaying the click or key once.
'use strict';

(() => {
  const PG = (globalThis.PostGuard ??= {});

  const site = PG.sites.siteFor(location.hostname);
  const KIND = { brand: 'Brand', personal: 'Personal' };
  const LEVEL = { high: 'High risk', medium: 'Think again', low: 'Tip' };
  // A check normally answers within a frame; this bounds the wait for a
  // draft typed just before the shortcut.
  const FRESH_TRIES = 5;

  const CSS_TEXT = `
    :host { --bg: #ffffff; --fg: #1f1f1f; --muted: #5e5e5e; --line: #e0e0e0; --accent: #0b57d0;
      --accent-fg: #ffffff; --high: #d93025; --medium: #e37400; --low: #5f7ea8; --btn: #f1f3f4; --btn-hover: #e4e6e8; }
    @media (prefers-color-scheme: dark) {
      :host { --bg: #2b2c2f; --fg: #e8eaed; --muted: #b4b8bd; --line: #44474c; --accent: #a8c7fa;
        --accent-fg: #062e6f; --high: #ff8a80; --medium: #ffc266; --low: #9fb8d8; --btn: #3c3d41; --btn-hover: #4a4b50; }
    }
    dialog { box-sizing: border-box; width: min(440px, calc(100vw - 24px)); max-height: calc(100vh - 48px); overflow: auto;
      border: 1px solid var(--line); border-radius: 14px; padding: 18px 20px 16px; background: var(--bg); color: var(--fg);
      box-shadow: 0 12px 40px rgb(0 0 0 / 0.3); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    dialog::backdrop { background: rgb(0 0 0 / 0.35); }
    h2 { font-size: 17px; margin: 0 0 6px; }
    p { margin: 0 0 10px; }
    .muted { color: var(--muted); }
    ul { margin: 0 0 12px; padding: 0; list-style: none; display: grid; gap: 8px; }
    li { display: grid; grid-template-columns: 10px 1fr; gap: 2px 8px; align-items: baseline; }
    .dot { width: 10px; height: 10px; border-radius: 50%; align-self: center; }
    .dot.high { background: var(--high); } .dot.medium { background: var(--medium); }
    .dot.low { border: 2px dotted var(--low); width: 6px; height: 6px; }
    .what { font-weight: 600; }
    .message { grid-column: 2; color: var(--muted); }
    .actions { display: flex; justify-content: flex-end; gap: 8px; }
    button { border: 0; border-radius: 18px; padding: 8px 16px; font: inherit; font-weight: 500; cursor: pointer;
      background: var(--btn); color: var(--fg); }
    button:hover { background: var(--btn-hover); }
    button.primary { background: var(--accent); color: var(--accent-fg); }
    button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
  `;

  let composersNow = () => [];
  let pending = false; // a check or the dialog is under way: no second post meanwhile
  const focusedAt = new WeakMap(); // editor root -> when it was last focused

  const el = PG.element;

  function composerAt(node) {
    return composersNow().find((c) => c.root === node || c.root.contains(node)) ?? null;
  }

  /** The adapter's Post/Send button on the event's path, if it is one and enabled. */
  function postButtonOn(path) {
    for (const node of path) {
      if (!(node instanceof Element)) continue;
      for (const source of site?.post ?? []) {
        if (!node.matches(source.selector)) continue;
        if (source.text && !new RegExp(source.text, 'u').test(node.textContent.trim())) continue;
        if (node.disabled || node.getAttribute('aria-disabled') === 'true') return null;
        return node;
      }
    }
    return null;
  }

  /** The box a button posts: the nearest one around it, the last focused if several. */
  function composerFor(button) {
    const all = composersNow();
    for (let box = button.parentElement; box; box = box.parentElement) {
      const inside = all.filter((c) => box.contains(c.root));
      if (inside.length) return inside.reduce((a, b) => ((focusedAt.get(b.root) ?? 0) > (focusedAt.get(a.root) ?? 0) ? b : a));
    }
    return null;
  }

  const isDm = (composer) => PG.composers.surfaceFor(composer.root) === 'dm';

  /** What the dialog must show, or null when the post may go. */
  function reasons(composer, text) {
    if (!text.trim()) return null;
    const account = PG.account.current;
    const findings = composer.findings.filter((f) => f.severity === 'high' || f.category === 'wrong-account');
    const confirm = !!account?.confirm;
    return findings.length || confirm ? { account, findings, confirm } : null;
  }

  const fresh = (composer) => composer.checked === composer.read().text;

  async function freshen(composer) {
    for (let i = 0; i < FRESH_TRIES && !fresh(composer); i += 1) await composer.run();
  }

  // The selection inside the box, to put the caret back exactly. Kept as
  // text offsets: rich editors re-render their nodes when focus leaves and
  // comes back, which would collapse a saved Range.
  function saveSelection(composer) {
    const root = composer.root;
    if (root instanceof HTMLTextAreaElement) {
      const { selectionStart, selectionEnd, selectionDirection } = root;
      return () => root.setSelectionRange(selectionStart, selectionEnd, selectionDirection);
    }
    const selection = getSelection();
    if (!selection.rangeCount || !root.contains(selection.anchorNode)) return () => {};
    const walk = PG.walkText(root);
    const anchor = PG.offsetOf(walk, selection.anchorNode, selection.anchorOffset);
    const focus = PG.offsetOf(walk, selection.focusNode, selection.focusOffset);
    const put = () => {
      const now = PG.walkText(root);
      const from = PG.rangeFor(now, anchor, anchor);
      const to = PG.rangeFor(now, focus, focus);
      if (from && to) selection.setBaseAndExtent(from.startContainer, from.startOffset, to.startContainer, to.startOffset);
    };
    // The editor may move the caret once more as it handles the focus.
    return () => {
      put();
      requestAnimationFrame(() => {
        const now = PG.walkText(root);
        if (selection.rangeCount && PG.offsetOf(now, selection.focusNode, selection.focusOffset) !== focus) put();
      });
    };
  }

  /** Resolves to true for "Post anyway", false for "Go back" (or Escape). */
  function ask(composer, why) {
    const { host, shadow } = PG.shadowHost('gate', CSS_TEXT);
    const dialog = el('dialog');
    dialog.setAttribute('aria-labelledby', 'postguard-gate-title');
    dialog.setAttribute('aria-describedby', 'postguard-gate-about');
    const dm = isDm(composer);
    const who = why.account ? `${why.account.handle}${KIND[why.account.kind] ? ` (${KIND[why.account.kind]})` : ''}` : null;
    const title = el('h2', '', who ? `${dm ? 'Send' : 'Post'} as ${who}?` : `${dm ? 'Send' : 'Post'} this?`);
    title.id = 'postguard-gate-title';
    const about = el(
      'p',
      'muted',
      why.findings.length
        ? `PostGuard found ${why.findings.length === 1 ? 'something' : `${why.findings.length} things`} to look at before this goes out:`
        : `You asked to confirm every ${dm ? 'message' : 'post'} from ${who}.`,
    );
    about.id = 'postguard-gate-about';
    const list = el('ul');
    for (const f of why.findings) {
      const item = el('li');
      const dot = el('span', `dot ${f.severity}`);
      dot.setAttribute('aria-hidden', 'true');
      item.append(dot, el('span', 'what', `${PostGuardCategoryName(f.category)} \u00b7 ${LEVEL[f.severity] ?? f.severity}`), el('span', 'message', f.message));
      list.append(item);
    }
    const back = el('button', 'primary', 'Go back');
    const go = el('button', '', dm ? 'Send anyway' : 'Post anyway');
    back.type = go.type = 'button';
    const actions = el('div', 'actions');
    actions.append(go, back);
    dialog.append(title, about, ...(why.findings.length ? [list] : []), actions);
    shadow.append(dialog);
    document.body.append(host);

    return new Promise((resolve) => {
      const done = (post) => {
        dialog.close();
        host.remove();
        resolve(post);
      };
      back.addEventListener('click', () => done(false));
      go.addEventListener('click', () => done(true));
      dialog.addEventListener('cancel', (event) => {
        event.preventDefault();
        done(false);
      });
      // Tab stays between the two buttons; no key reaches the site's shortcuts.
      dialog.addEventListener('keydown', (event) => {
        event.stopPropagation();
        if (event.key !== 'Tab') return;
        event.preventDefault();
        (shadow.activeElement === go ? back : go).focus();
      });
      dialog.showModal();
      back.focus();
    });
  }

  /**
   * Gate one post attempt; `replay()` re-sends it when the user confirms.
   * `restore` puts the caret back (saved before a click could move it).
   */
  function intercept(event, composer, replay, restore) {
    if (pending) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    const text = composer.read().text;
    if (fresh(composer) && !reasons(composer, text)) {
      PG.account.used();
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    pending = true;
    restore ??= saveSelection(composer);
    (async () => {
      try {
        await freshen(composer);
        const why = reasons(composer, composer.read().text);
        const post = !why || (await ask(composer, why));
        composer.root.focus({ preventScroll: true });
        restore();
        if (!post) return;
        PG.account.used();
        replay();
      } finally {
        pending = false;
      }
    })();
  }

  // Pressing a button takes the selection out of the box before the click
  // event: the caret is saved at the press.
  let pressed = null; // {button, composer, restore}
  function onPointerDown(event) {
    pressed = null;
    if (!event.isTrusted || event.button !== 0) return;
    const button = postButtonOn(event.composedPath());
    const composer = button && composerFor(button);
    if (composer) pressed = { button, composer, restore: saveSelection(composer) };
  }

  // The page's own synthetic events (and our replays) are not the user
  // posting: only trusted events are gated, so a replay passes exactly once.
  function onClick(event) {
    if (!event.isTrusted || event.button !== 0) return;
    const button = postButtonOn(event.composedPath());
    const composer = button && composerFor(button);
    if (!composer) return;
    const restore = pressed?.button === button && pressed.composer === composer ? pressed.restore : undefined;
    pressed = null;
    intercept(event, composer, () => button.click(), restore);
  }

  function onKeyDown(event) {
    if (!event.isTrusted || event.key !== 'Enter' || event.isComposing || event.shiftKey || event.altKey) return;
    const target = event.composedPath()[0];
    const composer = target instanceof Node ? composerAt(target) : null;
    if (!composer) return;
    const shortcut = event.ctrlKey || event.metaKey;
    if (!shortcut && !isDm(composer)) return;
    const init = {
      key: event.key, code: event.code, keyCode: event.keyCode, which: event.which, location: event.location,
      ctrlKey: event.ctrlKey, metaKey: event.metaKey, bubbles: true, cancelable: true, composed: true,
    };
    intercept(event, composer, () => target.dispatchEvent(new KeyboardEvent('keydown', init)));
  }

  function onFocusIn(event) {
    const composer = composerAt(event.composedPath()[0]);
    if (composer) focusedAt.set(composer.root, performance.now());
  }

  /** Starts gating posts from the boxes `list()` returns; returns a stop function. */
  function start(list) {
    composersNow = list;
    addEventListener('pointerdown', onPointerDown, true);
    addEventListener('click', onClick, true);
    addEventListener('keydown', onKeyDown, true);
    addEventListener('focusin', onFocusIn, true);
    return () => {
      removeEventListener('pointerdown', onPointerDown, true);
      removeEventListener('click', onClick, true);
      removeEventListener('keydown', onKeyDown, true);
      removeEventListener('focusin', onFocusIn, true);
      composersNow = () => [];
    };
  }

  PG.gate = { start };
})();
