// The draft is the user's: after the same typing, pasting and deleting,
// every editor holds the same text and the same DOM with PostGuard on as
// with no extension at all.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { modelText } from './lib/page.mjs';

const EDITORS = [
  { name: 'Draft.js (X)', url: 'https://x.com/compose/post', root: '[data-testid="tweetTextarea_0"]', rich: true },
  { name: 'Quill (LinkedIn)', url: 'https://www.linkedin.com/feed/', root: '.ql-editor', rich: true },
  { name: 'Lexical (Facebook)', url: 'https://www.facebook.com/', root: '[data-lexical-editor="true"]', rich: true },
  { name: 'TipTap (Bluesky)', url: 'https://bsky.app/', root: '.ProseMirror', rich: true },
  { name: 'textarea (Mastodon)', url: 'https://mastodon.social/home', root: 'textarea', rich: false },
];

// Each key held 15 ms, as a person would: editors such as Lexical read the
// selection back from selectionchange events, which instant keys outrun.
const KEY = { delay: 15 };

async function script(page, editor) {
  await page.click(editor.root);
  await page.keyboard.type('Hello there, what the fuck');
  await page.keyboard.press('Enter');
  await page.keyboard.type('card 4111 1111 1111 1111 ok');
  if (editor.rich) {
    // A paste as the browser delivers it: a paste event with clipboard data.
    await page.$eval(editor.root, (root) => {
      const data = new DataTransfer();
      data.setData('text/plain', ' pasted: shit happens');
      root.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
  } else {
    await page.keyboard.insertText(' pasted: shit happens');
  }
  await page.waitForTimeout(50);
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('Backspace', KEY);
  await page.keyboard.press('Control+Backspace', KEY);
  for (let i = 0; i < 6; i += 1) await page.keyboard.press('ArrowLeft', KEY);
  await page.keyboard.press('Delete', KEY);
  await page.keyboard.type('X');
  await page.keyboard.press('Home', KEY);
  await page.keyboard.type('» ');
  // Let PostGuard check and draw.
  await page.waitForTimeout(300);
  return {
    text: await modelText(page),
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

  for (const editor of EDITORS) {
    it(`${editor.name}: same text and same DOM after typing, pasting and deleting`, async () => {
      const [pageOn, pageOff] = await Promise.all([on.open(editor.url), off.open(editor.url)]);
      const withGuard = await script(pageOn, editor);
      const without = await script(pageOff, editor);
      assert.ok(without.text.includes('4111'), `the script typed something (${JSON.stringify(without.text)})`);
      assert.equal(withGuard.text, without.text);
      assert.equal(withGuard.html, without.html);
      // And PostGuard did look at it.
      const marked = await pageOn.evaluate(
        () => (CSS.highlights.get('postguard-high')?.size ?? 0) + document.querySelectorAll('postguard-marks').length,
      );
      assert.ok(marked > 0, 'PostGuard highlighted the draft');
      await Promise.all([pageOn.close(), pageOff.close()]);
    });
  }

  it('the extension logged no errors', () => {
    assert.deepEqual(on.errors, []);
  });
});
