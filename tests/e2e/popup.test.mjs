// The toolbar popup: the site switch turns PostGuard off and on for every
// open tab of the site at once (highlights vanish and come back without a
// reload), the tab's findings are listed by category with their lessons,
// a tip from the core is shown, and the badge counts high findings.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { waitForHighlight, waitForNoMarks, waitForOverlayMark } from './lib/page.mjs';

const CARD = '4111 1111 1111 1111';

describe('popup', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  const tabIdOf = (url) => browser.worker().evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0].id, url);
  const badge = (tabId) => browser.worker().evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

  // In its own window, like the real popup, so the site's tab stays visible.
  async function openPopup(tabId) {
    const opened = browser.context.waitForEvent('page', (p) => p.url().includes('/popup/popup.html'));
    await browser.worker().evaluate(
      (url) => chrome.windows.create({ url, type: 'popup', width: 380, height: 640 }),
      `chrome-extension://${browser.extensionId}/popup/popup.html?tab=${tabId}`,
    );
    const popup = await opened;
    await popup.waitForLoadState();
    return popup;
  }

  it('lists findings by category, shows a tip, and switches the site off and on live', async () => {
    const page = await browser.open('https://mastodon.social/home');
    await page.click('textarea');
    await page.keyboard.type(`what the fuck, my card is ${CARD}`);
    await waitForOverlayMark(page, CARD);
    // A second tab of the same site must follow the switch too.
    const other = await browser.open('https://mastodon.social/explore');
    await other.click('textarea');
    await other.keyboard.type('no shit');
    await waitForOverlayMark(other, 'shit');
    await page.bringToFront();

    const tabId = await tabIdOf('https://mastodon.social/home');
    for (let i = 0; i < 50 && (await badge(tabId)) !== '1'; i += 1) await page.waitForTimeout(50);
    assert.equal(await badge(tabId), '1', 'one high finding on the badge');

    const popup = await openPopup(tabId);
    const toggle = popup.getByRole('switch', { name: /Check drafts on mastodon\.social/ });
    await toggle.waitFor();
    assert.equal(await toggle.getAttribute('aria-checked'), 'true');
    const groups = popup.locator('#groups > li');
    await groups.first().waitFor();
    const text = await popup.locator('#groups').innerText();
    assert.match(text, /Personal data/);
    assert.match(text, /Swearing/);
    assert.match(text, /•••• •••• •••• ••••/, 'the card number is shown masked');
    assert.doesNotMatch(text, /4111/, 'the card number itself is not shown');
    const answer = await browser.worker().evaluate((id) => chrome.tabs.sendMessage(id, { type: 'findings' }), tabId);
    assert.equal(await groups.count(), new Set(answer.findings.map((f) => f.category)).size, 'one group per category');
    assert.ok((await popup.locator('#groups .lesson').first().innerText()).length > 20, 'each category has its lesson');
    // High findings come first.
    assert.match(await groups.first().innerText(), /Personal data/);
    const tip = await popup.locator('#tip-text').innerText();
    assert.ok(tip.length > 10, 'a tip is shown');
    await popup.getByRole('button', { name: 'Another tip' }).click();
    await popup.waitForFunction((old) => document.getElementById('tip-text').textContent !== old, tip);

    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-checked'), 'false');
    await waitForNoMarks(page);
    await waitForNoMarks(other);
    for (let i = 0; i < 50 && (await badge(tabId)) !== 'off'; i += 1) await page.waitForTimeout(50);
    assert.equal(await badge(tabId), 'off');
    await popup.locator('#findings').waitFor({ state: 'hidden' });

    // While off, typing is not checked at all.
    await page.click('textarea');
    await page.keyboard.type(' damn shit');
    await page.waitForTimeout(300);
    await waitForNoMarks(page, 100);

    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-checked'), 'true');
    await waitForOverlayMark(page, CARD);
    await waitForOverlayMark(page, 'fuck');
    for (let i = 0; i < 50 && (await badge(tabId)) !== '1'; i += 1) await page.waitForTimeout(50);
    assert.equal(await badge(tabId), '1');
    assert.deepEqual(
      (await browser.worker().evaluate(() => chrome.storage.local.get('settings'))).settings.disabledHosts,
      [],
    );
    await other.bringToFront();
    await waitForOverlayMark(other, 'shit');
    await Promise.all([popup.close(), page.close(), other.close()]);
  });

  it('on a page PostGuard does not cover, says where it works', async () => {
    const page = await browser.open('https://example.org/');
    await page.bringToFront();
    const tabId = await browser.worker().evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
    const popup = await openPopup(tabId);
    await popup.locator('#unsupported').waitFor();
    assert.equal(await popup.locator('#site').isHidden(), true);
    assert.equal(await page.evaluate(() => CSS.highlights.size + document.querySelectorAll('postguard-marks').length), 0, 'no content script there');
    await Promise.all([popup.close(), page.close()]);
  });

  it('a rich-text tab is listed too', async () => {
    const page = await browser.open('https://www.facebook.com/');
    await page.click('[data-lexical-editor="true"]');
    await page.keyboard.type('key AKIAIOSFODNN7EXAMPLE');
    await waitForHighlight(page, 'high', 'AKIAIOSFODNN7EXAMPLE');
    const popup = await openPopup(await tabIdOf('https://www.facebook.com/*'));
    await popup.locator('#groups > li').first().waitFor();
    assert.match(await popup.locator('#groups').innerText(), /Passwords and keys/);
    await Promise.all([popup.close(), page.close()]);
  });

  it('the extension logged no errors', () => {
    assert.deepEqual(browser.errors, []);
  });
});
