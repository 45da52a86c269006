// The "Posting as @handle · Brand" chip beside each compose box, so the
// acting account is in view before the first keystroke, and a recent switch
// of account is said out loud. It lives in a shadow root on the body, placed
// over the box's top edge, never inside the editor.
'use strict';

(() => {
  const PG = (globalThis.PostGuard ??= {});

  const CSS_TEXT = `
    :host { --bg: #ffffff; --fg: #1f1f1f; --line: #d5d9de; --brand: #0b57d0; --warn-bg: #fff4e5; --warn: #8a4b00; }
    @media (prefers-color-scheme: dark) {
      :host { --bg: #2b2c2f; --fg: #e8eaed; --line: #44474c; --brand: #a8c7fa; --warn-bg: #3d2e12; --warn: #ffc266; }
    }
    .chip { position: fixed; box-sizing: border-box; max-width: min(420px, calc(100vw - 16px));
      display: flex; gap: 6px; align-items: center; padding: 2px 10px; border-radius: 12px;
      border: 1px solid var(--line); background: var(--bg); color: var(--fg);
      font: 12px/18px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; white-space: nowrap;
      overflow: hidden; text-overflow: ellipsis; pointer-events: none; box-shadow: 0 1px 2px rgb(0 0 0 / 0.12); }
    .chip[hidden] { display: none; }
    .handle { font-weight: 600; }
    .kind.brand { color: var(--brand); font-weight: 600; }
    .chip.switched { background: var(--warn-bg); border-color: var(--warn); color: var(--warn); }
  `;
  const KIND = { brand: 'Brand', personal: 'Personal' };
  const GAP = 4;

  const el = PG.element;

  function ago(at) {
    const minutes = Math.round((Date.now() - at) / 60_000);
    return minutes < 1 ? 'just now' : minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  }

  /** Shows the chip for `state` (a Composer); returns a function that removes it. */
  function attach(state) {
    const { host, shadow } = PG.shadowHost('chip', CSS_TEXT);
    host.style.setProperty('position', 'fixed', 'important');
    host.style.setProperty('inset', '0 auto auto 0', 'important');
    host.style.setProperty('z-index', '2147483646', 'important');
    const chip = el('div', 'chip');
    chip.setAttribute('role', 'status');
    chip.hidden = true;
    shadow.append(chip);
    document.body.append(host);

    // The same words are not put in again: Chromium ends a field's undo
    // step whenever a node is added to or removed from the page.
    let shown = '';
    function render() {
      const account = PG.account.current;
      chip.hidden = !account;
      if (!account) return;
      const dm = PG.composers.surfaceFor(state.root) === 'dm';
      const parts = [document.createTextNode(dm ? 'Messaging as ' : 'Posting as '), el('span', 'handle', account.handle)];
      if (KIND[account.kind]) parts.push(document.createTextNode(' \u00b7 '), el('span', `kind ${account.kind}`, KIND[account.kind]));
      const previous = PG.account.previous;
      if (previous) {
        const was = KIND[previous.kind] ? ` (${KIND[previous.kind]})` : '';
        parts.push(document.createTextNode(` \u00b7 switched from ${previous.handle}${was} ${ago(previous.at)}`));
      }
      chip.classList.toggle('switched', !!previous);
      const words = parts.map((part) => `${part.className ?? ''}:${part.textContent}`).join('\u0000');
      if (words !== shown) {
        shown = words;
        chip.replaceChildren(...parts);
      }
      place();
    }

    // Over the top edge of the box, at its end; below it when the box
    // touches the top of the window.
    function place() {
      if (chip.hidden) return;
      const box = state.root.getBoundingClientRect();
      const visible = box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight;
      chip.style.visibility = visible ? 'visible' : 'hidden';
      if (!visible) return;
      const { width, height } = chip.getBoundingClientRect();
      const above = box.top - height - GAP;
      chip.style.top = `${above >= 0 ? above : box.bottom + GAP}px`;
      chip.style.left = `${Math.max(GAP, Math.min(box.right - width, innerWidth - width - GAP))}px`;
    }

    let frame = 0;
    const placeSoon = () => {
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        place();
      });
    };
    const resize = new ResizeObserver(placeSoon);
    resize.observe(state.root);
    addEventListener('scroll', placeSoon, { capture: true, passive: true });
    addEventListener('resize', placeSoon, { passive: true });
    const unsubscribe = PG.account.subscribe(render);
    // Posting or messaging can change with the box's own controls
    // (Mastodon's visibility).
    const stopSurface = PG.composers.watchSurface(state.root, render);
    render();

    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      removeEventListener('scroll', placeSoon, { capture: true });
      removeEventListener('resize', placeSoon);
      unsubscribe();
      stopSurface();
      host.remove();
    };
  }

  PG.chip = { attach };
})();
