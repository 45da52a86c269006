// The draft is the user's: after the same 200 random operations (typing,
// pasting, deleting, moving the caret by key and by click, emoji and
// right-to-left text, undo and redo; a fixed seed, so every run replays the
// same script), every editor holds the same text and the same DOM with
// PostGuard on as with no extension at all, while PostGuard checks and draws.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { servePage } from './lib/serve.mjs';
import { random } from '../lib/random.mjs';
import { pasteEvent } from '../lib/in-page.mjs';

// `pasteEvent`: the editor takes pastes from its paste handler (else the
// browser inserts the text). `settle`: how long an editor needs to take in a
// caret move; slate-react reads the selection back through a 100 ms
// throttle, so a paste sent sooner lands at the caret's previous place, with
// or without PostGuard. `page`: a fixture other than the host's usual one.
const EDITORS = [
  { name: 'Draft.js (X)', url: 'https://x.com/compose/post', root: '[data-testid="tweetTextarea_0"]', pasteEvent: true },
  { name: 'Quill (LinkedIn)', url: 'https://www.linkedin.com/feed/', root: '.ql-editor', pasteEvent: true },
  { name: 'Lexical (Facebook)', url: 'https://www.facebook.com/', root: '[data-lexical-editor="true"]', pasteEvent: true },
  { name: 'TipTap (Bluesky)', url: 'https://bsky.app/', root: '.ProseMirror', pasteEvent: true },
  { name: 'Slate', url: 'https://www.reddit.com/r/test/submit', root: '#composer', pasteEvent: true, settle: 120 },
  { name: 'plain contenteditable (Threads)', url: 'https://www.threads.net/', root: '[data-box]', page: 'markers.html' },
  { name: 'React textarea (Mastodon)', url: 'https://mastodon.social/home', root: 'textarea' },
  { name: 'plain textarea (old Reddit)', url: 'https://old.reddit.com/r/test/submit', root: '#plain' },
];

const OPERATIONS = 200;
const SEED = 0x9e3779b9;

// Each key held a few milliseconds, as a person would: editors such as
// Lexical read the selection back from selectionchange events, which
// instant keys outrun; caret moves and deletions wait longer.
const TYPE = { delay: 5 };
const KEY = { delay: 15 };

// Risky and harmless words alike, so checks run and marks come and go
// under the caret while the script edits around them.
// Emoji of one, two and five code points, and Hebrew and Arabic words, so
// deletions and caret moves cross surrogates, joiners and direction changes.
const WORDS = [
  'hello', 'there', 'fuck', 'shit', 'card 4111 1111 1111 1111', 'AKIAIOSFODNN7EXAMPLE', 'launch', 'dana@example.com', 'ok',
  '🚀', '👍🏽', '👩‍💻', 'שלום', 'مرحبا بك', 'café',
];
const KEYS = [
  'Backspace', 'Backspace', 'Backspace', 'Delete', 'Delete', 'ArrowLeft', 'ArrowLeft', 'ArrowRight', 'Enter', 'Home', 'End',
  'Control+Backspace', 'Shift+ArrowLeft', 'Control+z', 'Control+z', 'Control+Shift+z',
];

/** The script: [{type: 'text' | 'paste' | 'key', value}], OPERATIONS long. */
function script(seed) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const ops = [];
  for (let i = 0; i < OPERATIONS; i += 1) {
    const roll = next();
    if (roll < 0.42) ops.push({ type: 'text', value: `${pick(WORDS)} ` });
    else if (roll < 0.52) ops.push({ type: 'paste', value: ` ${pick(WORDS)} ${pick(WORDS)}` });
    else if (roll < 0.6) ops.push({ type: 'click', x: next(), y: next() });
    else ops.push({ type: 'key', value: pick(KEYS) });
  }
  return ops;
}

async function paste(page, editor, text) {
  if (!editor.pasteEvent) {
    await page.keyboard.insertText(text);
    return;
  }
  await page.evaluate(pasteEvent, [editor.root, text]);
}

/**
 * A click at a point of the editor given as fractions of its visible box,
 * where the caret then lands. A person first clicks beside the field, as
 * they would to dismiss PostGuard's card should one cover the text; both
 * runs do the same.
 */
async function click(page, editor, fx, fy) {
  await page.mouse.click(2, 2);
  const box = await page.$eval(editor.root, (root) => {
    const r = root.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: Math.min(r.height, innerHeight - r.top) };
  });
  await page.mouse.click(box.left + 4 + fx * (box.width - 8), box.top + 4 + fy * (box.height - 8));
}

/** Ends the editor's undo step where it keeps one by time (Quill), so undo undoes the same in both runs. */
async function cutUndoStep(page) {
  await page.evaluate(() => window.fixtureText?.cutUndoStep?.());
}

async function replay(page, editor, ops) {
  await page.click(editor.root);
  // The pointer rests outside the editor: the script types, it does not hover.
  await page.mouse.move(0, 0);
  for (const op of ops) {
    await cutUndoStep(page);
    if (op.type === 'text') await page.keyboard.type(op.value, TYPE);
    else if (op.type === 'paste') await paste(page, editor, op.value);
    else if (op.type === 'click') await click(page, editor, op.x, op.y);
    else await page.keyboard.press(op.value, KEY);
    // Editors apply pastes and some keys in their next frame, and Slate and
    // Lexical read caret moves back from selectionchange: let two frames pass
    // so a busy machine cannot reorder the script.
    await page.waitForTimeout(op.type === 'text' || op.type === 'paste' ? 20 : (editor.settle ?? 0));
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
  // End on a known risky word, so there is something to draw at the end.
  await page.keyboard.press('End', KEY);
  await page.keyboard.type(' what the fuck', KEY);
  // Let PostGuard check and draw.
  await page.waitForTimeout(300);
  return {
    // The editor's own model where the fixture has one, else the field.
    text: await page.evaluate((root) => window.fixtureText?.composer?.() ?? document.querySelector(root).value ?? document.querySelector(root).innerText, editor.root),
    // Draft.js keys are random per run; everything else must match.
    html: await page.$eval(editor.root, (root) =>
      (root instanceof HTMLTextAreaElement ? root.value : root.innerHTML).replace(/ data-(offset-key|editor|block)="[^"]*"/g, ''),
    ),
  };
}

describe('the draft with and without PostGuard', () => {
  let on;
  let off;
  before(async () => {
    [on, off] = await Promise.all([launch(), launch({ extension: false })]);
  });
  after(async () => {
    await Promise.all([on?.close(), off?.close()]);
  });

  it('the script is 200 operations of every kind, the same on every run', () => {
    const ops = script(SEED);
    assert.equal(ops.length, OPERATIONS);
    assert.deepEqual(new Set(ops.map((o) => o.type)), new Set(['text', 'paste', 'key', 'click']));
    const count = (pattern) => ops.filter((o) => pattern.test(o.value)).length;
    assert.ok(count(/Backspace|Delete/) >= 25, 'enough deletions');
    assert.ok(count(/Control\+z/) >= 10, 'enough undos');
    assert.ok(ops.filter((o) => o.type === 'click').length >= 10, 'enough clicks');
    assert.ok(count(/[\u0590-\u06ff]/) >= 5 && count(/\u200d/) >= 3, 'right-to-left text and joined emoji');
    assert.deepEqual(script(SEED), ops);
  });

  for (const editor of EDITORS) {
    it(`${editor.name}: same text and same DOM after ${OPERATIONS} random edits, caret moves, emoji, RTL and undo`, async () => {
      const ops = script(SEED);
      if (editor.page) {
        const host = new URL(editor.url).host;
        await Promise.all([on, off].map((browser) => servePage(browser.context, host, editor.page)));
      }
      const [pageOn, pageOff] = await Promise.all([on.open(editor.url), off.open(editor.url)]);
      // One after the other: two browsers replaying at once on a small machine
      // would race each other, not PostGuard.
      const without = await replay(pageOff, editor, ops);
      const withGuard = await replay(pageOn, editor, ops);
      assert.ok(without.text.length > 100, `the script typed something (${JSON.stringify(without.text)})`);
      assert.equal(withGuard.text, without.text);
      assert.equal(withGuard.html, without.html);
      // And PostGuard did look at it, through the path this editor takes.
      // (Editors and textarea overlays alike: ranges in the highlight registry.)
      const marked = await pageOn.evaluate(() => ['high', 'medium', 'low'].reduce((n, s) => n + (CSS.highlights.get(`postguard-${s}`)?.size ?? 0), 0));
      assert.ok(marked > 0, 'PostGuard highlighted the draft');
      await Promise.all([pageOn.close(), pageOff.close()]);
    });
  }

  it('the extension logged no errors', () => {
    assert.deepEqual(on.errors, []);
  });
});
