// The card that explains a finding and offers what to do about it: opened
// by hovering an underline, clicking into it, or Alt+Enter with the caret in
// it. It lives in a shadow root on the body, never inside the editor.
'use strict';

(() => {
  const PG = (globalThis.PostGuard ??= {});

  const CSS_TEXT = `
    :host { --bg: #ffffff; --fg: #1f1f1f; --muted: #5e5e5e; --line: #e0e0e0;
      --accent: #0b57d0; --accent-fg: #ffffff; --high: #d93025; --medium: #e37400; --low: #5f7ea8;
      --btn: #f1f3f4; --btn-hover: #e4e6e8; }
    @media (prefers-color-scheme: dark) {
      :host { --bg: #2b2c2f; --fg: #e8eaed; --muted: #b4b8bd; --line: #44474c;
        --accent: #a8c7fa; --accent-fg: #062e6f; --high: #ff8a80; --medium: #ffc266; --low: #9fb8d8;
        --btn: #3c3d41; --btn-hover: #4a4b50; }
    }
    .card { position: fixed; box-sizing: border-box; width: min(340px, calc(100vw - 16px));
      background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 12px;
      box-shadow: 0 8px 28px rgb(0 0 0 / 0.22), 0 1px 3px rgb(0 0 0 / 0.12); padding: 14px 16px 12px;
      font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: start;
      animation: in 120ms ease-out; }
    @keyframes in { from { opacity: 0; transform: translateY(-4px); } }
    @media (prefers-reduced-motion: reduce) { .card { animation: none; } }
    .head { display: flex; align-items: center; gap: 8px; margin-bottom: 6px; }
    .dot { width: 10px; height: 10px; border-radius: 50%; flex: none; }
    .dot.high { background: var(--high); } .dot.medium { background: var(--medium); }
    .dot.low { background: transparent; border: 2px dotted var(--low); width: 6px; height: 6px; }
    .category { font-weight: 600; }
    .level { color: var(--muted); font-size: 12px; }
    .close { margin-inline-start: auto; border: 0; background: none; color: var(--muted); font: inherit;
      font-size: 18px; line-height: 1; width: 28px; height: 28px; border-radius: 50%; cursor: pointer; }
    .close:hover { background: var(--btn); }
    p { margin: 0 0 8px; }
    .message { font-weight: 500; }
    .lesson, .hint { color: var(--muted); font-size: 13px; }
    .hint { font-style: italic; }
    .actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 12px; }
    button.action { border: 0; border-radius: 18px; padding: 7px 14px; font: inherit; font-size: 13px;
      font-weight: 500; background: var(--btn); color: var(--fg); cursor: pointer; }
    button.action:hover { background: var(--btn-hover); }
    button.action.primary { background: var(--accent); color: var(--accent-fg); }
    button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
    .status:empty { display: none; }
    .status { margin: 10px 0 0; font-size: 13px; color: var(--high); }
    .footer { margin: 10px 0 0; font-size: 11px; color: var(--muted); }
  `;

  const LEVEL = { high: 'High risk', medium: 'Think again', low: 'Tip' };
  const ACTION_LABEL = { mask: 'Mask', remove: 'Remove' };
  const HOVER_OPEN_MS = 250;
  const HOVER_CLOSE_MS = 300;

  let current = null; // {host, state, finding, mode}
  let hoverTimer = 0;

  const el = PG.element;

  function close({ refocus = false } = {}) {
    clearTimeout(hoverTimer);
    if (!current) return;
    const { host, state } = current;
    current = null;
    host.remove();
    if (refocus) state.root.focus({ preventScroll: true });
  }

  function open(state, finding, mode) {
    if (current?.finding === finding && current.mode !== 'hover') return;
    close();
    const { host, shadow } = PG.shadowHost('card', CSS_TEXT);
    host.style.setProperty('position', 'fixed', 'important');
    host.style.setProperty('z-index', '2147483647', 'important');
    host.style.setProperty('inset', '0 auto auto 0', 'important');

    const card = el('div', 'card');
    card.setAttribute('role', 'dialog');
    const title = `${PostGuardCategoryName(finding.category)}: ${LEVEL[finding.severity] ?? ''}`;
    card.setAttribute('aria-label', `PostGuard, ${title}`);

    const head = el('div', 'head');
    const dot = el('span', `dot ${finding.severity}`);
    dot.setAttribute('aria-hidden', 'true');
    const closeButton = el('button', 'close', '\u00d7');
    closeButton.setAttribute('aria-label', 'Close');
    closeButton.addEventListener('click', () => close({ refocus: true }));
    head.append(dot, el('span', 'category', PostGuardCategoryName(finding.category)), el('span', 'level', LEVEL[finding.severity] ?? ''), closeButton);

    card.append(head, el('p', 'message', finding.message), el('p', 'lesson', finding.lesson));
    if (finding.action?.kind === 'rephrase' && finding.action.hint) card.append(el('p', 'hint', finding.action.hint));

    const status = el('p', 'status');
    status.setAttribute('role', 'status');
    const actions = el('div', 'actions');
    const addButton = (label, run, primary = false) => {
      const button = el('button', primary ? 'action primary' : 'action', label);
      button.addEventListener('click', async () => {
        status.textContent = '';
        const problem = await run();
        if (problem) status.textContent = problem;
        else close({ refocus: true });
      });
      actions.append(button);
    };
    const edit = ACTION_LABEL[finding.action?.kind];
    if (edit) addButton(edit, () => state.act(finding, finding.action.kind), true);
    addButton('Ignore once', () => state.act(finding, 'ignore'));
    addButton('Always allow', () => state.act(finding, 'allow'));
    card.append(actions, status, el('p', 'footer', 'PostGuard \u00b7 checked on this device, nothing is sent'));

    card.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        close({ refocus: true });
      }
    });
    card.addEventListener('mouseenter', () => clearTimeout(hoverTimer));
    card.addEventListener('mouseleave', () => {
      if (current?.mode === 'hover') scheduleClose();
    });

    shadow.append(card);
    document.body.append(host);
    current = { host, state, finding, mode };
    position(card, state.rectOf(finding));
    if (mode === 'keyboard') actions.querySelector('button').focus();
  }

  // Below the underline, or above it when the viewport has no room below.
  function position(card, anchor) {
    const gap = 8;
    const box = card.getBoundingClientRect();
    const rect = anchor ?? { left: 16, right: 16, top: 16, bottom: 16 };
    let top = rect.bottom + gap;
    if (top + box.height > innerHeight - gap && rect.top - gap - box.height > gap) top = rect.top - gap - box.height;
    const left = Math.min(Math.max(gap, rect.left), innerWidth - box.width - gap);
    card.style.left = `${Math.max(gap, left)}px`;
    card.style.top = `${Math.max(gap, top)}px`;
  }

  function scheduleClose() {
    clearTimeout(hoverTimer);
    hoverTimer = setTimeout(() => {
      if (current?.mode === 'hover') close();
    }, HOVER_CLOSE_MS);
  }

  // Clicks elsewhere close a card; clicks in it do not (its host is the target).
  document.addEventListener(
    'pointerdown',
    (event) => {
      if (current && !event.composedPath().includes(current.host) && !event.composedPath().includes(current.state.root)) close();
    },
    true,
  );

  /**
   * Wires hover, click and keyboard on one composer. `state` provides
   * root, findingAtPoint(x, y), findingAtCaret(), rectOf(finding) and
   * act(finding, kind) → Promise<problem message | null>. Returns a detach
   * function.
   */
  function attach(state) {
    const { root } = state;
    let frame = 0;
    let last = null;
    const onMove = (event) => {
      last = event;
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        const finding = state.findingAtPoint(last.clientX, last.clientY);
        clearTimeout(hoverTimer);
        if (finding && current?.finding !== finding) {
          hoverTimer = setTimeout(() => open(state, finding, 'hover'), HOVER_OPEN_MS);
        } else if (!finding && current?.mode === 'hover' && current.state === state) {
          scheduleClose();
        }
      });
    };
    const onLeave = () => {
      if (current?.mode === 'hover') scheduleClose();
      else clearTimeout(hoverTimer);
    };
    const onClick = (event) => {
      const finding = state.findingAtPoint(event.clientX, event.clientY);
      if (finding) open(state, finding, 'click');
    };
    const onKey = (event) => {
      if (!event.composedPath().includes(root)) return;
      if (event.key === 'Enter' && event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
        const finding = state.findingAtCaret();
        if (!finding) return;
        // The site must not see this chord (some post on modified Enter).
        event.preventDefault();
        event.stopImmediatePropagation();
        open(state, finding, 'keyboard');
      } else if (event.key === 'Escape' && current?.state === state) {
        close();
      }
    };
    const onInput = () => {
      if (current?.state === state) close();
    };
    root.addEventListener('mousemove', onMove, { passive: true });
    root.addEventListener('mouseleave', onLeave, { passive: true });
    root.addEventListener('click', onClick);
    // On the window, in capture, so the chord is seen before any site handler.
    addEventListener('keydown', onKey, true);
    root.addEventListener('input', onInput);
    return () => {
      cancelAnimationFrame(frame);
      root.removeEventListener('mousemove', onMove);
      root.removeEventListener('mouseleave', onLeave);
      root.removeEventListener('click', onClick);
      removeEventListener('keydown', onKey, true);
      root.removeEventListener('input', onInput);
      if (current?.state === state) close();
    };
  }

  PG.card = { attach, close };
})();
