// Nothing leaves the device: the service worker and the extension's pages
// make no request other than to the extension's own files while drafts are
// checked, cards used and settings changed; and the extension's sources use
// no network API, no eval and no innerHTML.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, ROOT } from './lib/browser.mjs';
import { waitForHighlight, waitForOverlayMark } from './lib/page.mjs';

async function sources(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sources(path)));
    else if (/\.(js|html)$/.test(entry.name)) out.push(path);
  }
  return out;
}

describe('privacy', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  it('the recorder sees a request made by the service worker (so the next test can fail)', async () => {
    await browser.worker().evaluate(() => fetch('https://mastodon.social/__probe__').catch(() => {}));
    for (let i = 0; i < 40 && !browser.requests.some((r) => r.url.endsWith('/__probe__')); i += 1) await new Promise((r) => setTimeout(r, 50));
    const probe = browser.requests.find((r) => r.url.endsWith('/__probe__'));
    assert.ok(probe, 'the probe request was recorded');
    assert.equal(probe.from, 'worker');
    browser.requests.length = 0;
  });

  it('checking, the card, the popup and the options page request only extension files', async () => {
    const page = await browser.open('https://mastodon.social/home');
    await page.click('textarea');
    await page.keyboard.type('what the fuck, card 4111 1111 1111 1111, key AKIAIOSFODNN7EXAMPLE, mail me at dana@example.com');
    await waitForOverlayMark(page, '4111 1111 1111 1111');
    const rich = await browser.open('https://www.facebook.com/');
    await rich.click('[data-lexical-editor="true"]');
    await rich.keyboard.type('what the fuck');
    await waitForHighlight(rich, 'medium', 'fuck');
    await rich.keyboard.press('Alt+Enter');
    await rich.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    const popup = await browser.open(`chrome-extension://${browser.extensionId}/popup/popup.html`);
    await popup.locator('#tip-text').filter({ hasText: /\w/ }).waitFor();
    const options = await browser.open(`chrome-extension://${browser.extensionId}/options/options.html`);
    await options.locator('#categories input').first().waitFor();
    await options.locator('#categories input').first().click();
    await options.locator('#categories input').first().click();

    const fromExtension = browser.requests.filter((r) => r.from !== 'page');
    const leaks = fromExtension.filter((r) => !r.url.startsWith(`chrome-extension://${browser.extensionId}/`));
    assert.deepEqual(leaks, []);
    // The pages' own requests are only the fixture's files on its own site.
    const pageLeaks = browser.requests.filter((r) => r.from === 'page' && !/^(https:\/\/(mastodon\.social|www\.facebook\.com)\/|chrome-extension:)/.test(r.url));
    assert.deepEqual(pageLeaks, []);
    await Promise.all([page.close(), rich.close(), popup.close(), options.close()]);
  });

  it('the extension sources use no network API, eval or innerHTML', async () => {
    const forbidden = /\b(fetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|eval\s*\(|new\s+Function|innerHTML|outerHTML|insertAdjacentHTML|document\.write|import\s*\()/;
    const files = await sources(join(ROOT, 'extension'));
    assert.ok(files.length > 10);
    for (const file of files) {
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        if (/^\s*(\/\/|\*)/.test(line)) return; // comments may name them
        assert.doesNotMatch(line, forbidden, `${file}:${i + 1}`);
        assert.doesNotMatch(line, /https?:\/\//, `${file}:${i + 1}: no remote URL`);
      });
    }
  });

  it('the extension logged no errors', () => {
    assert.deepEqual(browser.errors, []);
  });
});
