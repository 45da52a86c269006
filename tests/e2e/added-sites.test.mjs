// Sites the user adds from the toolbar popup (here another Mastodon
// instance, fosstodon.org): the popup offers the site, asks the browser for
// that one origin as an optional host permission, and the background
// registers the content scripts there (persisted) and runs them in the open
// tab at once. Chromium's permission prompt is browser UI that no test can
// answer, so the test copy of the extension holds the permission already
// (see launch's `grantedSites`); permissions.request then resolves without
// a prompt and every step after the user's "Allow" runs as in real use.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { waitForNoMarks, waitForOverlayMark } from './lib/page.mjs';

const SITE = 'https://fosstodon.org/*';
const ID = `added-site:${SITE}`;

describe('sites added from the popup', () => {
  let browser;
  before(async () => {
    browser = await launch({ grantedSites: [SITE] });
  });
  after(async () => {
    await browser?.close();
  });

  const registered = () => browser.worker().evaluate(() => chrome.scripting.getRegisteredContentScripts());

  it('the manifest asks for other sites only as optional permissions, and for scripting to add them', async () => {
    const manifest = await browser.worker().evaluate(() => chrome.runtime.getManifest());
    assert.deepEqual(manifest.optional_host_permissions, ['https://*/*']);
    assert.ok(manifest.permissions.includes('scripting'));
    assert.ok(!manifest.host_permissions.includes('https://*/*'), 'no blanket host access');
  });

  it('an allowed site gets the same content scripts, registered to persist, and drafts there are checked', async () => {
    let scripts = [];
    for (let i = 0; i < 40 && !scripts.some((s) => s.id === ID); i += 1) {
      scripts = await registered();
      await new Promise((r) => setTimeout(r, 50));
    }
    const script = scripts.find((s) => s.id === ID);
    assert.ok(script, `registered (have ${JSON.stringify(scripts.map((s) => s.id))})`);
    const manifest = await browser.worker().evaluate(() => chrome.runtime.getManifest().content_scripts[0]);
    assert.deepEqual(script.matches, [SITE]);
    assert.deepEqual(script.js, manifest.js);
    assert.deepEqual(script.css, manifest.css);
    assert.equal(script.persistAcrossSessions, true);

    const page = await browser.open('https://fosstodon.org/home');
    await page.click('textarea');
    await page.keyboard.type('what the fuck');
    await waitForOverlayMark(page, 'fuck');
    await page.close();
  });

  it('the popup adds a site to the open tab without a reload, and the draft is checked at once', async () => {
    // As before the user added it: no registration, no PostGuard in the tab.
    await browser.worker().evaluate((id) => chrome.scripting.unregisterContentScripts({ ids: [id] }), ID);
    const page = await browser.open('https://fosstodon.org/home');
    await page.click('textarea');
    await page.keyboard.type('no shit, card 4111 1111 1111 1111');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => document.querySelectorAll('postguard-marks, postguard-status').length), 0, 'PostGuard is not there yet');

    const tabId = await browser.worker().evaluate(async () => (await chrome.tabs.query({ url: 'https://fosstodon.org/*' }))[0].id);
    const popup = await browser.open(`chrome-extension://${browser.extensionId}/popup/popup.html?tab=${tabId}`);
    const add = popup.getByRole('button', { name: 'Check drafts on this site' });
    await add.waitFor();
    assert.equal(await popup.locator('#add-host').innerText(), 'fosstodon.org');
    await add.click();
    const toggle = popup.getByRole('switch', { name: /Check drafts on fosstodon\.org/ });
    await toggle.waitFor();
    assert.equal(await toggle.getAttribute('aria-checked'), 'true');
    assert.equal(await popup.locator('#add').isHidden(), true);

    await waitForOverlayMark(page, 'shit');
    await waitForOverlayMark(page, '4111 1111 1111 1111');
    assert.ok((await registered()).some((s) => s.id === ID), 'registered again, for the next visits');
    // Adding twice must not run a second copy (every mark would be drawn twice).
    await popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'addSite', tabId: id }), tabId);
    await page.waitForTimeout(200);
    const overlays = await page.evaluate(() => ({ hosts: document.querySelectorAll('postguard-marks').length, fields: document.querySelectorAll('textarea:not([aria-hidden="true"])').length }));
    assert.equal(overlays.hosts, overlays.fields, 'one overlay per field');

    // The site switch works there like on any covered site.
    await toggle.click();
    await waitForNoMarks(page);
    await Promise.all([popup.close(), page.close()]);
  });

  it('a page cannot add sites: only the extension\'s own pages can', async () => {
    const page = await browser.open('https://fosstodon.org/home');
    await page.waitForTimeout(200);
    const tabId = await browser.worker().evaluate(async () => (await chrome.tabs.query({ url: 'https://fosstodon.org/*' }))[0].id);
    // The content script's world is the only way a page's side reaches the
    // background; evaluate there through the worker's scripting API.
    const [{ result }] = await browser.worker().evaluate(
      (id) => chrome.scripting.executeScript({ target: { tabId: id }, func: () => chrome.runtime.sendMessage({ type: 'addSite', tabId: 1 }) }),
      tabId,
    );
    assert.match(result.error, /only the popup/);
    await page.close();
  });

  it('the extension logged no errors', () => {
    assert.deepEqual(browser.errors, []);
  });
});
