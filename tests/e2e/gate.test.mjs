// The gate before a risky post: the site's own submit handler does not run
// until the user confirms, then runs exactly once; by the Post button, by
// Ctrl+Enter and by Enter in a direct-message box. "Go back" (or Escape)
// leaves the draft identical and focused. A clean draft posts at once; the
// confirmation step gates every post of its account. A DM box and a public
// box on the same site are told apart all the way to the core. Every site
// adapter's Post button is found.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { servePage, waitForChip } from './lib/serve.mjs';

const CARD = '4111 1111 1111 1111';
const COMPOSER = '[data-testid="tweetTextarea_0"]';
const DM = '[data-testid="dmComposerTextInput"]';
const POST = '[data-testid="tweetButtonInline"]';

describe('gate', () => {
  let browser;
  before(async () => {
    browser = await launch();
    await servePage(browser.context, 'x.com', 'accounts.html');
    for (const host of ['www.linkedin.com', 'www.facebook.com', 'www.instagram.com', 'www.threads.net', 'bsky.app', 'www.reddit.com', 'mastodon.social']) {
      await servePage(browser.context, host, 'markers.html');
    }
  });
  after(async () => {
    await browser?.close();
  });

  const posts = (page) => page.evaluate(() => window.fixturePosts);
  const setAccounts = (accounts) =>
    browser.worker().evaluate(async (list) => {
      const { settings = {} } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...settings, accounts: list } });
    }, accounts);
  const focusedInEditor = (page, selector) =>
    page.evaluate((sel) => {
      const box = document.querySelector(sel);
      return box === document.activeElement || box.contains(document.activeElement);
    }, selector);
  const caret = (page) =>
    page.evaluate(() => {
      const s = getSelection();
      return s.rangeCount ? [s.anchorNode.textContent, s.anchorOffset, s.isCollapsed] : null;
    });

  async function xHome(draft) {
    const page = await browser.open('https://x.com/home');
    await waitForChip(page, /Posting as @dana_builds/);
    await page.click(COMPOSER);
    await page.keyboard.type(draft);
    return page;
  }

  it('by the Post button: Go back keeps the draft and its caret; Post anyway posts exactly once', async () => {
    const draft = `pay me back, card ${CARD} thanks`;
    const page = await xHome(draft);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const where = await caret(page);
    await page.click(POST);
    const dialog = page.getByRole('dialog', { name: 'Post as @dana_builds?' });
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /Personal data · High risk/);
    assert.match(await dialog.innerText(), /payment card number/);
    assert.deepEqual(await posts(page), [], "the site's handler did not run");
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'POSTGUARD-GATE', 'focus is in the dialog');

    await dialog.getByRole('button', { name: 'Go back' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => window.fixtureText.composer()), draft, 'the draft is identical');
    assert.equal(await focusedInEditor(page, COMPOSER), true, 'the editor has focus again');
    assert.deepEqual(await caret(page), where, 'the caret is where it was');
    assert.deepEqual(await posts(page), []);

    await page.click(POST);
    await dialog.getByRole('button', { name: 'Post anyway' }).click();
    await page.waitForFunction(() => window.fixturePosts.length > 0);
    await page.waitForTimeout(300);
    assert.deepEqual(await posts(page), [{ from: 'dana_builds', text: draft, via: 'composer' }], 'posted exactly once');
    assert.equal(await page.evaluate(() => window.fixtureText.composer()), '', 'the site cleared its box as usual');
    await page.close();
  });

  it('by Ctrl+Enter: Escape goes back, Tab stays in the dialog, Enter on Post anyway posts once', async () => {
    const draft = `my card ${CARD}`;
    const page = await xHome(draft);
    await page.keyboard.press('Control+Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    assert.deepEqual(await posts(page), []);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => window.fixtureText.composer()), draft, 'no newline, no loss');
    assert.equal(await focusedInEditor(page, COMPOSER), true);

    await page.keyboard.press('Control+Enter');
    await dialog.waitFor();
    const focused = () => page.evaluate(() => document.querySelector('postguard-gate').shadowRoot.activeElement?.textContent);
    assert.equal(await focused(), 'Go back', 'the safe choice has focus');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'Post anyway');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'Go back', 'focus is trapped in the dialog');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(), 'Post anyway');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.fixturePosts.length > 0);
    await page.waitForTimeout(300);
    assert.deepEqual(await posts(page), [{ from: 'dana_builds', text: draft, via: 'composer' }]);
    await page.close();
  });

  it('a clean draft posts at once, by click and by Ctrl+Enter', async () => {
    const page = await xHome('Lovely morning for a run');
    await page.click(POST);
    await page.waitForFunction(() => window.fixturePosts.length === 1);
    await page.click(COMPOSER);
    await page.keyboard.type('Second post, still fine');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => window.fixturePosts.length === 2);
    await page.waitForTimeout(200);
    assert.deepEqual(
      (await posts(page)).map((p) => p.text),
      ['Lovely morning for a run', 'Second post, still fine'],
    );
    assert.equal(await page.getByRole('dialog').count(), 0);
    await page.close();
  });

  it('the confirmation step gates every post of its account, and only of it', async () => {
    await setAccounts([{ site: 'x', handle: '@acme_co', kind: 'brand', confirm: true }]);
    const page = await xHome('');
    await page.getByRole('button', { name: 'Switch to @acme_co' }).click();
    await waitForChip(page, /Posting as @acme_co · Brand/);
    await page.click(COMPOSER);
    await page.keyboard.type('Our spring menu is here');
    await page.click(POST);
    const dialog = page.getByRole('dialog', { name: 'Post as @acme_co (Brand)?' });
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /You asked to confirm every post from @acme_co \(Brand\)/);
    await dialog.getByRole('button', { name: 'Post anyway' }).click();
    await page.waitForFunction(() => window.fixturePosts.length === 1);

    await setAccounts([{ site: 'x', handle: '@acme_co', kind: 'brand', confirm: false }]);
    await page.click(COMPOSER);
    await page.keyboard.type('Open until 9 tonight');
    await page.click(POST);
    await page.waitForFunction(() => window.fixturePosts.length === 2);
    assert.equal(await page.getByRole('dialog').count(), 0, 'no dialog once the step is off');
    assert.deepEqual((await posts(page)).map((p) => p.from), ['acme_co', 'acme_co']);
    await setAccounts([]);
    await page.close();
  });

  it('Enter in a direct-message box is gated; the DM surface reaches the core', async () => {
    const dmPage = await browser.open('https://x.com/messages/123');
    await waitForChip(dmPage, /^Messaging as @dana_builds/);
    await dmPage.click(DM);
    const draft = `here it is: ${CARD}`;
    await dmPage.keyboard.type(draft);
    await dmPage.keyboard.press('Enter');
    const dialog = dmPage.getByRole('dialog', { name: 'Send as @dana_builds?' });
    await dialog.waitFor();
    assert.deepEqual(await posts(dmPage), []);
    await dialog.getByRole('button', { name: 'Go back' }).click();
    assert.equal(await dmPage.inputValue(DM), draft, 'no newline was added');
    assert.equal(await focusedInEditor(dmPage, DM), true);

    const lesson = async (url) => {
      const findings = await browser.worker().evaluate(async (u) => {
        const [tab] = await chrome.tabs.query({ url: u });
        return (await chrome.tabs.sendMessage(tab.id, { type: 'findings' })).findings;
      }, url);
      return findings.find((f) => f.category === 'personal-data')?.lesson;
    };
    const dmLesson = await lesson('https://x.com/messages/123');
    assert.match(dmLesson, /direct message/i, 'the core got surface "dm"');

    const home = await xHome(draft);
    await home.click(POST);
    await home.getByRole('dialog').getByRole('button', { name: 'Go back' }).click();
    const publicLesson = await lesson('https://x.com/home');
    assert.ok(publicLesson && publicLesson !== dmLesson, 'the public box gets the public lesson');
    await home.close();

    await dmPage.bringToFront();
    await dmPage.click(DM);
    await dmPage.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Send anyway' }).click();
    await dmPage.waitForFunction(() => window.fixturePosts.length > 0);
    await dmPage.waitForTimeout(300);
    assert.deepEqual(await posts(dmPage), [{ from: 'dana_builds', text: draft, via: 'dm' }], 'sent exactly once');
    // Shift+Enter is a new line, never a send.
    await dmPage.keyboard.type('line one');
    await dmPage.keyboard.press('Shift+Enter');
    assert.equal(await dmPage.getByRole('dialog').count(), 0);
    await dmPage.close();
  });

  for (const [host, path] of [
    ['www.linkedin.com', '/company/4242/admin/'],
    ['www.facebook.com', '/'],
    ['www.instagram.com', '/'],
    ['www.threads.net', '/'],
    ['bsky.app', '/'],
    ['www.reddit.com', '/r/test/'],
    ['mastodon.social', '/home'],
  ]) {
    it(`finds the Post button on ${host}`, async () => {
      const page = await browser.open(`https://${host}${path}`);
      await waitForChip(page, /Posting as/);
      await page.click('[data-box]');
      await page.keyboard.type(`card ${CARD}`);
      await page.click('[data-post]');
      const dialog = page.getByRole('dialog', { name: /^Post as / });
      await dialog.waitFor();
      assert.deepEqual(await posts(page), []);
      await dialog.getByRole('button', { name: /anyway/ }).click();
      await page.waitForFunction(() => window.fixturePosts.length > 0);
      await page.waitForTimeout(200);
      assert.deepEqual(await posts(page), [`card ${CARD}`]);
      await page.close();
    });
  }

  it('the extension logged no errors', () => {
    assert.deepEqual(browser.errors, []);
  });
});
