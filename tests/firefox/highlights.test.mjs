// Highlights in Firefox: PostGuard installed through WebDriver BiDi underlines
// the risky word in a rich editor (CSS Custom Highlight API, painted by
// Firefox under exactly that word) and in a textarea (overlay marks over the
// word), on pages served at the real sites' URLs with their strict CSP, where
// the core (wasm) must run in the background; and stays off a site the
// manifest does not cover.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { geckoId, launch } from './lib/firefox.mjs';
import { highlightBox, highlights, modelText, overlayMarks, pixelsNear, waitForHighlight, waitForNoMarks, waitForOverlayMark } from './lib/page.mjs';

// The medium underline colour of content/content.css (light scheme).
const MEDIUM = [0xe3, 0x74, 0x00];

const EDITORS = [
  { name: 'Lexical (Facebook)', url: 'https://www.facebook.com/', root: '[data-lexical-editor="true"]' },
  { name: 'TipTap (Bluesky)', url: 'https://bsky.app/', root: '.ProseMirror' },
];

describe('Firefox: highlights', () => {
  let ff;
  before(async () => {
    ff = await launch();
  });
  after(async () => {
    await ff?.close();
  });

  it('installs as a temporary add-on under its gecko id', () => {
    assert.equal(ff.id, geckoId());
  });

  for (const editor of EDITORS) {
    it(`${editor.name}: "what the fuck" gets a postguard highlight over the word, painted by Firefox`, async () => {
      const page = await ff.open(editor.url);
      await page.click(editor.root);
      await page.keyboard.type('what the fuck');
      await waitForHighlight(page, 'medium', 'fuck');
      const marks = await highlights(page);
      assert.deepEqual([...new Set(marks.medium)], ['fuck'], 'only the risky word is marked');
      assert.deepEqual(marks.high, []);
      assert.equal(await modelText(page), 'what the fuck', 'the editor holds exactly what was typed');
      const foreign = await page.$eval(editor.root, (root) => root.querySelectorAll('[data-postguard-ui], [class*="postguard"]').length);
      assert.equal(foreign, 0, 'nothing is put inside the editor');

      const box = await highlightBox(page, 'fuck', editor.root);
      assert.ok(box?.inside, 'the range lies in the editor text');
      // The wavy underline is drawn just under the word, and nowhere under
      // the words before it.
      const under = { left: box.left, right: box.right, top: box.bottom - 2, bottom: box.bottom + 8 };
      assert.ok((await pixelsNear(page, under, MEDIUM)) > 10, 'orange wavy underline pixels under "fuck"');
      const before = await page.evaluate((selector) => {
        const range = document.createRange();
        const text = document.createTreeWalker(document.querySelector(selector), NodeFilter.SHOW_TEXT).nextNode();
        range.setStart(text, 0);
        range.setEnd(text, 8); // "what the"
        const r = range.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.bottom - 2, bottom: r.bottom + 8 };
      }, editor.root);
      assert.equal(await pixelsNear(page, before, MEDIUM), 0, 'no underline under "what the"');

      // Deleting the word takes its underline away.
      for (let i = 0; i < 4; i += 1) await page.keyboard.press('Backspace');
      await waitForNoMarks(page);
      await page.close();
    });
  }

  it('textarea (Mastodon, React): overlay marks sit over the word', async () => {
    const page = await ff.open('https://mastodon.social/home');
    await page.click('textarea');
    await page.keyboard.type('what the fuck');
    await waitForOverlayMark(page, 'fuck');
    const marks = await overlayMarks(page);
    assert.deepEqual([...new Set(marks.map((m) => m.text))], ['fuck']);
    assert.equal(marks[0].severity, 'medium');
    const r = marks[0].rects[0];
    const field = await page.$eval('textarea', (t) => (({ left, top, right, bottom }) => ({ left, top, right, bottom }))(t.getBoundingClientRect()));
    assert.ok(r.left >= field.left && r.right <= field.right && r.top >= field.top && r.bottom <= field.bottom, 'the mark is over the field');
    // The overlay lets clicks through: a click in the middle of the mark puts
    // the caret inside "fuck" (offsets 9..13), so the mark is over the word.
    await page.mouse.click((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    const caret = await page.$eval('textarea', (t) => t.selectionStart);
    assert.ok(caret >= 10 && caret <= 12, `caret ${caret} is inside "fuck"`);
    assert.ok((await pixelsNear(page, { left: r.left, right: r.right, top: r.bottom - 4, bottom: r.bottom + 8 }, MEDIUM)) > 10, 'the underline is painted');
    assert.equal(await page.$eval('textarea', (t) => t.value), 'what the fuck', 'the field holds exactly what was typed');
    await page.close();
  });

  it('a site outside the manifest gets no PostGuard', async () => {
    const page = await ff.open('https://example.org/');
    await page.click('textarea, [contenteditable]');
    await page.keyboard.type('what the fuck');
    await new Promise((ok) => setTimeout(ok, 500));
    assert.deepEqual(await highlights(page), { high: [], medium: [], low: [] });
    assert.equal(await page.evaluate(() => document.querySelectorAll('postguard-marks, postguard-card').length), 0);
    await page.close();
  });

  it('the add-on logged no errors, and no request left the machine', () => {
    assert.deepEqual(ff.errors, []);
    const sites = ff.tried.filter((url) => /(^|\/\/)(bsky\.app|www\.facebook\.com|mastodon\.social|example\.org)/.test(url));
    assert.deepEqual(sites, [], 'fixture pages were all answered by interception');
  });
});
