// Underlines findings in <textarea>s, where ranges cannot reach: a mirror of
// the field (same box, font, wrapping and scroll) holds the text with
// transparent glyphs, in a shadow root placed outside the field and kept over
// it while the user types, scrolls or resizes. The underlines are CSS
// highlights over the mirror's one text node. While the user types, the
// mirror changes that node's data and never adds or removes a node: Chromium
// ends the field's undo step at any node added or removed anywhere in the
// page, so a mirror rebuilt per keystroke made Ctrl+Z undo a letter or two
// instead of what the user typed.
'use strict';

(() => {
  const PG = (globalThis.PostGuard ??= {});

  const CSS_TEXT = `
    :host { pointer-events: none !important; }
    .clip { position: absolute; inset: 0; overflow: hidden; box-sizing: border-box;
      border-style: solid; border-color: transparent; }
    .text { color: transparent; margin: 0; border: 0; padding: 0; min-height: 100%;
      white-space: pre-wrap; overflow-wrap: break-word; will-change: transform; }
    ::highlight(postguard-high) { background-color: rgb(217 48 37 / 0.12);
      text-decoration: underline wavy #d93025 2px; text-decoration-skip-ink: none; text-underline-offset: 3px; }
    ::highlight(postguard-medium) { text-decoration: underline wavy #e37400 2px; text-decoration-skip-ink: none;
      text-underline-offset: 3px; }
    ::highlight(postguard-low) { text-decoration: underline dotted #5f7ea8 2px; text-decoration-skip-ink: none;
      text-underline-offset: 3px; }
    .note { position: absolute; right: 6px; bottom: 4px; max-width: calc(100% - 12px); padding: 2px 8px;
      border-radius: 10px; background: rgb(32 33 36 / 0.85); color: #fff;
      font: 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    .note[hidden] { display: none; }
    @media (prefers-color-scheme: dark) {
      ::highlight(postguard-high) { text-decoration-color: #ff8a80; background-color: rgb(255 138 128 / 0.16); }
      ::highlight(postguard-medium) { text-decoration-color: #ffc266; }
      ::highlight(postguard-low) { text-decoration-color: #9fb8d8; }
    }
  `;

  // Everything that decides where glyphs land.
  const COPIED = [
    'direction', 'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant',
    'font-stretch', 'font-feature-settings', 'font-variation-settings', 'font-kerning',
    'font-size-adjust', 'line-height', 'letter-spacing', 'word-spacing', 'text-transform',
    'text-indent', 'text-align', 'tab-size', 'white-space', 'overflow-wrap', 'word-break',
    'hyphens', 'text-rendering', 'unicode-bidi', 'writing-mode',
  ];
  // The mirror re-lays out its whole text on every draw; past this many
  // characters that alone takes more than a frame (a 100 KB paste took half
  // a second), so findings further on are listed, not drawn, and a note on
  // the field says so. Characters only move with the text before them, so
  // the marks drawn stay exact.
  const DRAWN_LIMIT = 10_000;
  const NOTE = `Underlines stop after ${DRAWN_LIMIT.toLocaleString('en')} characters. The PostGuard button lists everything it found.`;

  const overlays = new Map(); // textarea -> overlay state
  let timer = 0;

  function create(textarea) {
    const { host, shadow } = PG.shadowHost('marks', CSS_TEXT);
    host.style.setProperty('position', 'absolute', 'important');
    host.style.setProperty('pointer-events', 'none', 'important');
    host.style.setProperty('display', 'block', 'important');
    host.setAttribute('aria-hidden', 'true');
    const clip = document.createElement('div');
    clip.className = 'clip';
    const text = document.createElement('div');
    text.className = 'text';
    // A trailing newline needs a character after it to take up its line.
    const glyphs = document.createTextNode('\u200b');
    text.append(glyphs);
    clip.append(text);
    const note = document.createElement('div');
    note.className = 'note';
    note.hidden = true;
    note.textContent = NOTE;
    shadow.append(clip, note);
    const state = { textarea, host, clip, text, glyphs, note, marks: [], rect: null };
    const onScroll = () => scrollSync(state);
    textarea.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(() => layout(state));
    resize.observe(textarea);
    state.stop = () => {
      textarea.removeEventListener('scroll', onScroll);
      resize.disconnect();
      PG.editableHighlights.clear(textarea);
      host.remove();
    };
    return state;
  }

  // The overlay goes in the field's nearest ancestor that places absolute
  // children (positioned, transformed, filtered or contained), outside any
  // editor, else in the body: so it scrolls, stays fixed, moves and scales
  // with the field without waiting for an event.
  const CONTAIN = /layout|paint|strict|content/;
  const WILL_CHANGE = /transform|perspective|filter/;
  function containerFor(textarea) {
    for (let el = textarea.parentElement; el && el !== document.body; el = el.parentElement) {
      if (el.isContentEditable) continue;
      const s = getComputedStyle(el);
      if (
        s.position !== 'static' ||
        s.transform !== 'none' ||
        s.perspective !== 'none' ||
        s.filter !== 'none' ||
        CONTAIN.test(s.contain) ||
        WILL_CHANGE.test(s.willChange)
      ) {
        return el;
      }
    }
    return document.body ?? document.documentElement;
  }

  // Paints above the field even inside a raised stacking context.
  function zIndexFor(textarea) {
    let z = 0;
    for (let el = textarea; el && el !== document.body; el = el.parentElement) {
      const value = parseInt(getComputedStyle(el).zIndex, 10);
      if (!Number.isNaN(value)) z = Math.max(z, value);
    }
    return String(z + 1);
  }

  function layout(state) {
    const { textarea, host, clip, text } = state;
    const rect = textarea.getBoundingClientRect();
    if (!textarea.isConnected || (rect.width === 0 && rect.height === 0)) {
      host.style.setProperty('display', 'none', 'important');
      return;
    }
    host.style.setProperty('display', 'block', 'important');
    const container = containerFor(textarea);
    // Every read before any write, and the host sized before it is laid
    // out (so before a new host goes into the page): each read after a
    // write lays the mirror (all of a long draft) out again, and an unsized
    // host is measured for its widest line (40 ms for 10,000 characters).
    const style = getComputedStyle(textarea);
    const copied = COPIED.map((prop) => style.getPropertyValue(prop));
    const borders = ['top', 'right', 'bottom', 'left'].map((side) => style.getPropertyValue(`border-${side}-width`));
    const padding = ['top', 'right', 'bottom', 'left'].map((side) => parseFloat(style.getPropertyValue(`padding-${side}`)));
    const { offsetWidth, offsetHeight, clientWidth } = textarea;
    host.style.setProperty('width', `${offsetWidth}px`, 'important');
    host.style.setProperty('height', `${offsetHeight}px`, 'important');
    if (host.parentNode !== container) {
      container.append(host);
      host.style.setProperty('z-index', zIndexFor(textarea), 'important');
    }
    COPIED.forEach((prop, i) => text.style.setProperty(prop, copied[i]));
    clip.style.borderWidth = borders.join(' ');
    // A scrollbar narrows the field's text; pad the mirror by its width.
    const scrollbar = offsetWidth - clientWidth - parseFloat(borders[1]) - parseFloat(borders[3]);
    padding[1] += Math.max(0, scrollbar);
    clip.style.padding = padding.map((p) => `${p}px`).join(' ');
    place(state, rect);
    scrollSync(state);
  }

  // Moves the host by however far it is from the field: right for any
  // container, scrolled or offset, without knowing its geometry. In a scaled
  // or zoomed container a CSS pixel is not a viewport pixel; the host's
  // drawn size over its layout size gives the ratio.
  function place(state, rect) {
    const { host } = state;
    const left = parseFloat(host.style.getPropertyValue('left')) || 0;
    const top = parseFloat(host.style.getPropertyValue('top')) || 0;
    const now = host.getBoundingClientRect();
    const scaleX = host.offsetWidth ? now.width / host.offsetWidth : 1;
    const scaleY = host.offsetHeight ? now.height / host.offsetHeight : 1;
    host.style.setProperty('left', `${left + (rect.left - now.left) / scaleX}px`, 'important');
    host.style.setProperty('top', `${top + (rect.top - now.top) / scaleY}px`, 'important');
    state.rect = rect;
  }

  function scrollSync(state) {
    const { textarea, text } = state;
    text.style.transform = `translate(${-textarea.scrollLeft}px, ${-textarea.scrollTop}px)`;
  }

  // One range per finding over the mirror's text, painted with the editors'
  // highlights (one registry for the page, see highlight-editable.js).
  function render(state, value, findings) {
    // A long draft is mirrored up to the end of its last drawn finding.
    let cut = value.length;
    if (cut > DRAWN_LIMIT) cut = Math.max(0, ...findings.map((f) => f.end).filter((end) => end <= DRAWN_LIMIT));
    if (state.note.hidden !== findings.every((f) => f.end <= cut)) state.note.hidden = !state.note.hidden;
    const mirrored = `${value.slice(0, cut)}\u200b`;
    if (state.glyphs.data !== mirrored) state.glyphs.data = mirrored;
    state.marks = [];
    findings.forEach((f, index) => {
      if (f.end > cut) return;
      const range = new Range();
      range.setStart(state.glyphs, f.start);
      range.setEnd(state.glyphs, f.end);
      state.marks.push({ range, severity: f.severity, index });
    });
    PG.editableHighlights.set(state.textarea, state.marks);
  }

  // An overlay with nothing to show can lag behind its field: the next draw
  // places it again.
  const shows = (state) => state.marks.length > 0 || !state.note.hidden;

  // Fields move without telling anyone (a banner above, an autosizing
  // neighbour); a cheap rect comparison catches it.
  function watchLayout() {
    if (overlays.size && !timer) {
      timer = setInterval(() => {
        for (const state of overlays.values()) {
          if (!shows(state)) continue;
          const rect = state.textarea.getBoundingClientRect();
          const old = state.rect;
          if (!old || rect.left !== old.left || rect.top !== old.top || rect.width !== old.width || rect.height !== old.height) {
            layout(state);
          }
        }
      }, 250);
    } else if (!overlays.size && timer) {
      clearInterval(timer);
      timer = 0;
    }
  }

  const relayoutAll = () => {
    for (const state of overlays.values()) if (shows(state)) layout(state);
  };
  let pending = 0;
  const relayoutSoon = () => {
    pending ||= requestAnimationFrame(() => {
      pending = 0;
      relayoutAll();
    });
  };
  addEventListener('resize', relayoutSoon, { passive: true });
  // Scrolling any ancestor can move a field relative to the body.
  document.addEventListener('scroll', relayoutSoon, { passive: true, capture: true });
  document.fonts?.addEventListener?.('loadingdone', relayoutSoon);

  PG.textareaHighlights = {
    /**
     * Draws `findings` ({start, end, severity}) over the field's text
     * `value`. The first call, with no findings yet, puts the overlay in
     * the page before the user types (see the top of this file).
     */
    set(textarea, value, findings) {
      let state = overlays.get(textarea);
      if (!state) {
        state = create(textarea);
        overlays.set(textarea, state);
        watchLayout();
      }
      render(state, value, findings);
      layout(state);
    },
    /** Takes the overlay out of the page, for a field no longer watched. */
    remove(textarea) {
      const state = overlays.get(textarea);
      if (!state) return;
      state.stop();
      overlays.delete(textarea);
      watchLayout();
    },
    /** The finding index drawn under viewport point (x, y), or -1. */
    findingAt(textarea, x, y) {
      const state = overlays.get(textarea);
      if (!state) return -1;
      for (const mark of state.marks) {
        for (const r of mark.range.getClientRects()) {
          if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom + 4) return mark.index;
        }
      }
      return -1;
    },
    /** The viewport rectangles of a finding's marks (for placing the card). */
    rectsOf(textarea, index) {
      const state = overlays.get(textarea);
      if (!state) return [];
      return state.marks.filter((m) => m.index === index).flatMap((m) => [...m.range.getClientRects()]);
    },
  };
})();
