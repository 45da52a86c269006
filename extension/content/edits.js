// Changes the draft when, and only when, the user picks an action in the
// card. Every edit goes through the editor itself, so the site's state stays
// right and its undo takes the edit back: editors that keep their own model
// (Slate, Lexical, Quill) are asked with a beforeinput event they apply and
// cancel; the others get execCommand on a real selection, which edits the
// DOM and fires the input events they listen to.
'use strict';

(() => {
  const PG = (globalThis.PostGuard ??= {});

  /** Every letter and digit becomes "•"; spaces and separators keep the shape. */
  const mask = (text) => text.replace(/[\p{L}\p{N}]/gu, '\u2022');

  /**
   * The edit for an action on [start, end) of `text`: {start, end, replacement}.
   * Removing a word also takes one space next to it, so no double space or
   * space before punctuation is left behind.
   */
  function plan(kind, text, start, end) {
    if (kind === 'mask') return { start, end, replacement: mask(text.slice(start, end)) };
    const before = text[start - 1];
    const after = text[end];
    if (before === ' ' && (after === undefined || /[\s.,!?;:)]/.test(after))) start -= 1;
    else if (after === ' ' && (before === undefined || /\s/.test(before))) end += 1;
    return { start, end, replacement: '' };
  }

  // Editors read the DOM selection on `selectionchange`, which is delivered
  // as a separate task; wait for it (or a short timeout) before editing.
  function selectionSettled() {
    return new Promise((resolve) => {
      const done = () => {
        document.removeEventListener('selectionchange', done);
        clearTimeout(timer);
        requestAnimationFrame(() => resolve());
      };
      const timer = setTimeout(done, 100);
      document.addEventListener('selectionchange', done);
    });
  }

  const run = (replacement) =>
    replacement ? document.execCommand('insertText', false, replacement) : document.execCommand('delete', false);

  async function editTextarea(textarea, { start, end, replacement }) {
    textarea.focus();
    textarea.setSelectionRange(start, end);
    if (run(replacement)) return;
    // No execCommand (rare): the site still gets its input event, but the
    // browser's undo cannot take this one back.
    textarea.setRangeText(replacement, start, end, 'end');
    textarea.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }));
  }

  // Chromium's execCommand fires no beforeinput, so an editor that renders
  // from its own model would see the DOM change behind its back (Slate
  // reverts it). The event carries the span as its target range.
  function askEditor(root, range, replacement) {
    const event = new InputEvent('beforeinput', {
      inputType: replacement ? 'insertText' : 'deleteContentBackward',
      data: replacement || null,
      targetRanges: [new StaticRange(range)],
      bubbles: true,
      cancelable: true,
      composed: true,
    });
    // Cancelled means the editor made the change itself.
    return !root.dispatchEvent(event);
  }

  async function editEditable(root, { start, end, replacement }) {
    root.focus({ preventScroll: true });
    const range = PG.rangeFor(PG.walkText(root), start, end);
    if (!range) return;
    const selection = getSelection();
    const settled = selectionSettled();
    selection.removeAllRanges();
    selection.addRange(range);
    await settled;
    if (!askEditor(root, range, replacement)) run(replacement);
  }

  /**
   * Applies `kind` ("mask" | "remove") to the span [start, end) if the draft
   * still reads `expected` there. Resolves to true when the draft afterwards
   * reads exactly as planned; false means the editor refused and the user
   * should edit by hand (nothing is forced into the editor's DOM).
   */
  async function apply(composer, kind, start, end, expected) {
    const read = () => (composer.kind === 'textarea' ? composer.root.value : PG.walkText(composer.root).text);
    const text = read();
    if (text.slice(start, end) !== expected) return false;
    const edit = plan(kind, text, start, end);
    const wanted = text.slice(0, edit.start) + edit.replacement + text.slice(edit.end);
    if (composer.kind === 'textarea') await editTextarea(composer.root, edit);
    else await editEditable(composer.root, edit);
    // Editors may apply the change in their next frame.
    for (let i = 0; i < 5 && read() !== wanted; i += 1) await new Promise((r) => requestAnimationFrame(r));
    return read() === wanted;
  }

  PG.edits = { apply };
})();
