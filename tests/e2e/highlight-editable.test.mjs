// Rich-text editors (Draft.js on x.com, Quill on LinkedIn, Lexical on
// Facebook, TipTap/ProseMirror on Bluesky): what the user types is
// underlined through CSS.highlights, on exactly the risky words, across
// lines, without a single node added inside the editor.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { highlights, modelText, waitForHighlight, waitForNoMarks } from './lib/page.mjs';

const EDITORS = [
  { name: 'Draft.js on x.com', url: 'https://x.com/compose/post', root: '[data-testid="tweetTextarea_0"]' },
  { name: 'Quill on LinkedIn', url: 'https://www.linkedin.com/feed/', root: '.ql-editor' },
  { name: 'Lexical on Facebook', url: 'https://www.facebook.com/', root: '[data-lexical-editor="true"]' },
  { name: 'TipTap on Bluesky', url: 'https://bsky.app/', root: '.ProseMirror' },
];

describe('contenteditable editors', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  for (const editor of EDITORS) {
    it(`${editor.name}: swearing and a card number on two lines are underlined`, async () => {
      const page = await browser.open(editor.url);
      await page.click(editor.root);
      await page.keyboard.type('what the fuck');
      await page.keyboard.press('Enter');
      await page.keyboard.type('my card 4111 1111 1111 1111 thanks');
      await waitForHighlight(page, 'medium', 'fuck');
      await waitForHighlight(page, 'high', '4111 1111 1111 1111');
      // Only the risky words are marked (a word may be marked by more than one category).
      const marks = await highlights(page);
      assert.deepEqual([...new Set(marks.medium)], ['fuck']);
      assert.deepEqual([...new Set(marks.high)], ['4111 1111 1111 1111']);

      // The editor's own model holds exactly what was typed: nothing added.
      assert.equal(await modelText(page), 'what the fuck\nmy card 4111 1111 1111 1111 thanks');
      const foreign = await page.$eval(editor.root, (root) => root.querySelectorAll('[data-postguard-ui], [class*="postguard"]').length);
      assert.equal(foreign, 0, 'PostGuard must not put nodes inside the editor');

      // Deleting the word takes its underline away.
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Backspace');
      await waitForNoMarks(page);
      await page.close();
    });
  }

  it('Lexical: a box added after load is found (MutationObserver)', async () => {
    const page = await browser.open('https://www.facebook.com/');
    await page.evaluate(() => {
      const late = document.createElement('div');
      late.id = 'late';
      late.contentEditable = 'true';
      late.setAttribute('role', 'textbox');
      late.textContent = 'this is shit';
      document.querySelector('main').append(late);
    });
    await waitForHighlight(page, 'medium', 'shit');
    await page.close();
  });

  it('offsets stay right after emoji (UTF-16) and empty lines', async () => {
    const page = await browser.open('https://www.linkedin.com/feed/');
    await page.click('.ql-editor');
    await page.keyboard.type('Launch day 🚀🎉');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('👩‍💻 fuck, key AKIAIOSFODNN7EXAMPLE');
    await waitForHighlight(page, 'high', 'AKIAIOSFODNN7EXAMPLE');
    await waitForHighlight(page, 'medium', 'fuck');
    await page.close();
  });

  it('the service worker logged no errors', () => {
    assert.deepEqual(browser.errors, []);
  });
});
