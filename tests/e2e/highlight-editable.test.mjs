// Rich-text editors (Draft.js on x.com, Quill on LinkedIn, Lexical on
// Facebook, TipTap/ProseMirror on Bluesky, Slate): what the user types is
// underlined through CSS.highlights, on exactly the risky words, across
// lines, without a single node added inside the editor; boxes that appear
// later (a reply in a modal) are found while the first box keeps its marks;
// the marks are styled for dark mode.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { highlights, modelText, waitForHighlight, waitForNoMarks } from './lib/page.mjs';

const EDITORS = [
  { name: 'Draft.js on x.com', url: 'https://x.com/compose/post', root: '[data-testid="tweetTextarea_0"]' },
  { name: 'Quill on LinkedIn', url: 'https://www.linkedin.com/feed/', root: '.ql-editor' },
  { name: 'Lexical on Facebook', url: 'https://www.facebook.com/', root: '[data-lexical-editor="true"]' },
  { name: 'TipTap on Bluesky', url: 'https://bsky.app/', root: '.ProseMirror' },
  { name: 'Slate', url: 'https://www.reddit.com/r/test/submit', root: '#composer' },
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

  it('every editor asks the core once per change of text, also those that re-render after the key', async () => {
    // Every check the worker gets (installed again if the worker restarted).
    const checks = () =>
      browser.worker().evaluate(() => {
        if (!globalThis.seenTexts) {
          globalThis.seenTexts = [];
          chrome.runtime.onMessage.addListener((m) => {
            if (m?.type === 'check') globalThis.seenTexts.push(m.text);
          });
        }
        return globalThis.seenTexts;
      });
    for (const editor of EDITORS) {
      const page = await browser.open(editor.url);
      await page.click(editor.root);
      const before = (await checks()).length;
      await page.keyboard.type('we shipped it, what the fuck', { delay: 30 });
      await waitForHighlight(page, 'medium', 'fuck');
      await page.waitForTimeout(200);
      const asked = (await checks()).slice(before);
      assert.ok(asked.length >= 5, `${editor.name}: checked while typing (${asked.length})`);
      assert.deepEqual(asked.filter((text, i) => text === asked[i - 1]), [], `${editor.name}: no text asked twice`);
      await page.close();
    }
  });

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

  it('Slate: a reply box opened in a modal is checked while the first box keeps its marks', async () => {
    const page = await browser.open('https://www.reddit.com/r/test/submit');
    await page.click('#composer');
    await page.keyboard.type('what the fuck');
    await waitForHighlight(page, 'medium', 'fuck');
    await page.click('#open-reply');
    await page.click('#reply');
    await page.keyboard.type('my card 4111 1111 1111 1111');
    await waitForHighlight(page, 'high', '4111 1111 1111 1111');
    // Both boxes at once, each mark inside its own box (a word marked by two
    // categories has two ranges).
    const where = await page.evaluate(() =>
      ['high', 'medium'].flatMap((s) => [...CSS.highlights.get(`postguard-${s}`)].map((r) => `${r} in ${r.startContainer.parentElement.closest('[data-slate-editor]').id}`)),
    );
    assert.deepEqual([...new Set(where)].sort(), ['4111 1111 1111 1111 in reply', 'fuck in composer']);
    const [mark, dialog] = await page.evaluate(() => [
      [...CSS.highlights.get('postguard-high')][0].getBoundingClientRect().toJSON(),
      document.querySelector('[role="dialog"]').getBoundingClientRect().toJSON(),
    ]);
    assert.ok(mark.left >= dialog.left && mark.right <= dialog.right && mark.top >= dialog.top && mark.bottom <= dialog.bottom, 'the mark is drawn in the modal');
    assert.equal(await modelText(page, 'reply'), 'my card 4111 1111 1111 1111');
    assert.equal(await modelText(page), 'what the fuck');
    // Closing the modal drops its marks and keeps the other box's.
    await page.getByRole('button', { name: 'Close' }).click();
    await page.waitForFunction(() => !CSS.highlights.get('postguard-high')?.size);
    assert.deepEqual([...new Set((await highlights(page)).medium)], ['fuck']);
    await page.close();
  });

  it('dark mode: the underlines take their dark-mode colours, keeping wavy and dotted shapes', async () => {
    const styles = [];
    for (const colorScheme of ['light', 'dark']) {
      const page = await browser.open('https://bsky.app/');
      await page.emulateMedia({ colorScheme });
      await page.click('.ProseMirror');
      await page.keyboard.type('what the fuck');
      await waitForHighlight(page, 'medium', 'fuck');
      styles.push(
        await page.$eval('.ProseMirror p', (p) => {
          const s = getComputedStyle(p, '::highlight(postguard-medium)');
          return { color: s.textDecorationColor, style: s.textDecorationStyle, line: s.textDecorationLine };
        }),
      );
      await page.close();
    }
    const [light, dark] = styles;
    assert.deepEqual([light.line, light.style, dark.style], ['underline', 'wavy', 'wavy']);
    assert.equal(light.color, 'rgb(227, 116, 0)');
    assert.equal(dark.color, 'rgb(255, 194, 102)', 'a lighter orange on a dark page');
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
