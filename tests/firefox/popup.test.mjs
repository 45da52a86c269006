// The site switch in Firefox: the toolbar popup (opened as a page at its
// moz-extension:// address for the site's tab) turns PostGuard off for one
// site, and that site's open tab loses its highlights at once, without a
// reload, while another site keeps its marks; turned on again, they return.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/firefox.mjs';
import { highlights, waitForHighlight, waitForNoMarks, waitForOverlayMark, overlayMarks } from './lib/page.mjs';

describe('Firefox: popup site switch', () => {
  let ff;
  before(async () => {
    ff = await launch();
  });
  after(async () => {
    await ff?.close();
  });

  it('switches Bluesky off and on live; Mastodon is untouched', async () => {
    const page = await ff.open('https://bsky.app/');
    await page.click('.ProseMirror');
    await page.keyboard.type('what the fuck');
    await waitForHighlight(page, 'medium', 'fuck');
    // Marks the document: a reload would lose it.
    await page.evaluate(() => {
      window.notReloaded = true;
    });
    const other = await ff.open('https://mastodon.social/home');
    await other.click('textarea');
    await other.keyboard.type('no shit');
    await waitForOverlayMark(other, 'shit');

    const popup = await ff.openPopup('https://bsky.app/*');
    assert.equal(await popup.$eval('#host', (e) => e.textContent), 'bsky.app');
    assert.equal(await popup.$eval('#switch', (e) => e.getAttribute('aria-checked')), 'true');
    // The popup lists what the tab holds.
    await popup.waitForFunction(() => document.querySelector('#groups')?.textContent.includes('fuck'), { timeout: 5000 });

    await popup.click('#switch');
    await popup.waitForFunction(() => document.querySelector('#switch').getAttribute('aria-checked') === 'false', { timeout: 5000 });
    await waitForNoMarks(page);
    const stored = await popup.evaluate(async () => (await browser.storage.local.get('settings')).settings);
    assert.deepEqual(stored.disabledHosts, ['bsky.app']);
    // Typing on while off draws nothing.
    await page.click('.ProseMirror');
    await page.keyboard.type(' shit');
    await new Promise((ok) => setTimeout(ok, 400));
    assert.deepEqual(await highlights(page), { high: [], medium: [], low: [] });
    assert.deepEqual([...new Set((await overlayMarks(other)).map((m) => m.text))], ['shit'], 'another site keeps its marks');

    await popup.click('#switch');
    await popup.waitForFunction(() => document.querySelector('#switch').getAttribute('aria-checked') === 'true', { timeout: 5000 });
    await waitForHighlight(page, 'medium', 'fuck');
    await waitForHighlight(page, 'medium', 'shit');
    assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page was not reloaded');
    const after = await popup.evaluate(async () => (await browser.storage.local.get('settings')).settings);
    assert.deepEqual(after.disabledHosts, []);
    await popup.close();
    await other.close();
    await page.close();
  });

  it('the add-on logged no errors', () => {
    assert.deepEqual(ff.errors, []);
  });
});
