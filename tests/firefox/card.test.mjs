// The card in Firefox: hovering the underline, clicking into it, or Alt+Enter
// with the caret in it opens the card that explains the finding (in its own
// shadow root on the body, outside the editor); Escape closes it and gives
// the focus back; its Remove action edits through the editor, in a rich
// editor and in a textarea.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/firefox.mjs';
import { card, clickCardButton, highlightBox, modelText, overlayMarks, waitForCard, waitForHighlight, waitForNoMarks, waitForOverlayMark } from './lib/page.mjs';

const BSKY = { url: 'https://bsky.app/', root: '.ProseMirror' };
// The word is marked as swearing and as hostility; the card shows one of them.
const NAME = /^PostGuard, (Swearing|Hostility): Think again$/;

async function typed(ff, text) {
  const page = await ff.open(BSKY.url);
  await page.click(BSKY.root);
  await page.keyboard.type(text);
  await waitForHighlight(page, 'medium', 'fuck');
  return page;
}

describe('Firefox: card', () => {
  let ff;
  before(async () => {
    ff = await launch();
  });
  after(async () => {
    await ff?.close();
  });

  it('Alt+Enter with the caret in the word opens the card, focused; Escape closes it and refocuses the editor', async () => {
    const page = await typed(ff, 'what the fuck');
    await page.keyboard.down('Alt');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Alt');
    const shown = await waitForCard(page);
    assert.match(shown.name, NAME);
    assert.ok(shown.buttons.includes('Remove') && shown.buttons.includes('Ignore once') && shown.buttons.includes('Always allow'));
    assert.equal(shown.focused, shown.buttons[0], 'the keyboard put the focus on the first action');
    // Below the word, outside the editor.
    const word = await highlightBox(page, 'fuck', BSKY.root);
    assert.ok(shown.box.top >= word.bottom, 'the card opens below the underline');
    assert.equal(await page.$eval(BSKY.root, (root) => root.querySelectorAll('postguard-card').length), 0);

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('postguard-card'), { timeout: 5000 });
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('ProseMirror')), true);
    await page.keyboard.type('!');
    assert.equal(await modelText(page), 'what the fuck!', 'Alt+Enter and Escape typed nothing');
    await page.close();
  });

  it('hovering the underline opens the card; moving away closes it', async () => {
    const page = await typed(ff, 'what the fuck is this');
    const word = await highlightBox(page, 'fuck', BSKY.root);
    await page.mouse.move(word.left + 3, (word.top + word.bottom) / 2);
    await page.mouse.move(word.left + 6, (word.top + word.bottom) / 2);
    assert.match((await waitForCard(page)).name, NAME);
    await page.mouse.move(5, 700);
    await page.waitForFunction(() => !document.querySelector('postguard-card'), { timeout: 5000 });
    await page.close();
  });

  it('a click into the word opens the card; Remove deletes the word through the editor', async () => {
    const page = await typed(ff, 'what the fuck is this');
    const word = await highlightBox(page, 'fuck', BSKY.root);
    await page.mouse.click(word.left + 3, (word.top + word.bottom) / 2);
    assert.match((await waitForCard(page)).name, NAME);
    await clickCardButton(page, 'Remove');
    await page.waitForFunction(() => window.fixtureText.composer() === 'what the is this', { timeout: 5000 }).catch(() => {});
    assert.equal(await modelText(page), 'what the is this');
    await waitForNoMarks(page);
    assert.equal(await card(page), null, 'the card closed after acting');
    await page.close();
  });

  it('textarea (Mastodon): a click on the mark opens the card; Remove edits the field', async () => {
    const page = await ff.open('https://mastodon.social/home');
    await page.click('textarea');
    await page.keyboard.type('what the fuck is this');
    await waitForOverlayMark(page, 'fuck');
    const r = (await overlayMarks(page)).find((m) => m.text === 'fuck').rects[0];
    await page.mouse.click(r.left + 3, (r.top + r.bottom) / 2);
    assert.match((await waitForCard(page)).name, NAME);
    await clickCardButton(page, 'Remove');
    await page.waitForFunction(() => window.fixtureText.composer() === 'what the is this', { timeout: 5000 }).catch(() => {});
    assert.equal(await modelText(page), 'what the is this', "the site's own state follows the edit");
    assert.equal(await page.$eval('textarea', (t) => t.value), 'what the is this');
    await waitForNoMarks(page);
    await page.close();
  });

  it('the add-on logged no errors', () => {
    assert.deepEqual(ff.errors, []);
  });
});
