// The options page: a category switched off stops being underlined in open
// tabs at once; the watch list adds the user's own confidential terms;
// export writes the settings as JSON; importing a bad file changes nothing
// and says why, a good file applies.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch } from './lib/browser.mjs';
import { waitForHighlight } from './lib/page.mjs';

describe('options page', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  const stored = async () => (await browser.worker().evaluate(() => chrome.storage.local.get('settings'))).settings;
  const openOptions = async () => {
    const page = await browser.open(`chrome-extension://${browser.extensionId}/options/options.html`);
    await page.locator('#categories input').first().waitFor();
    return page;
  };

  it('turning a category off clears it in an open tab; the watch list flags its terms', async () => {
    const site = await browser.open('https://bsky.app/');
    await site.click('.ProseMirror');
    await site.keyboard.type('no shit, Project Bluebird ships soon');
    await waitForHighlight(site, 'medium', 'shit');

    const options = await openOptions();
    assert.equal(await options.locator('#categories input').count(), 15);
    const swearing = options.getByRole('checkbox', { name: /Swearing/ });
    assert.equal(await swearing.isChecked(), true);
    await swearing.click();
    await site.bringToFront();
    await site.waitForFunction(() => !CSS.highlights.get('postguard-medium')?.size);
    assert.deepEqual((await stored()).disabledCategories, ['profanity']);

    await options.bringToFront();
    await options.fill('#watchList', 'Project Bluebird\n\n  Orion  ');
    await options.locator('#watchList').blur();
    await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    assert.deepEqual((await stored()).watchList, ['Project Bluebird', 'Orion']);
    await site.bringToFront();
    await site.waitForFunction(() =>
      ['high', 'medium', 'low'].some((s) => [...(CSS.highlights.get(`postguard-${s}`) ?? [])].some((r) => r.toString() === 'Project Bluebird')),
    );

    await options.bringToFront();
    await swearing.click();
    await options.getByRole('radio', { name: /Strict/ }).check();
    await site.bringToFront();
    await waitForHighlight(site, 'medium', 'shit');
    assert.equal((await stored()).sensitivity, 'strict');
    await Promise.all([site.close(), options.close()]);
  });

  it('export downloads the settings as JSON', async () => {
    const options = await openOptions();
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export settings' }).click();
    const file = await (await download).path();
    const exported = JSON.parse(await readFile(file, 'utf8'));
    assert.deepEqual(exported, await stored());
    await options.close();
  });

  it('a bad import changes nothing and says why; a good one applies', async () => {
    const options = await openOptions();
    const before = await stored();
    const bad = [
      ['not json', /not valid JSON/],
      ['{"sensitivity": "paranoid"}', /Sensitivity must be one of/],
      ['{"disabledCategories": ["profanity", "gossip"]}', /Unknown category: gossip/],
      ['{"allowList": "everything"}', /must be a list/],
      ['[1, 2]', /not contain a settings object/],
      ['{"theme": "dark"}', /Unknown setting "theme"/],
    ];
    for (const [content, message] of bad) {
      await options.setInputFiles('#import', { name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from(content) });
      const status = options.getByRole('status');
      await status.filter({ hasText: 'Nothing was imported' }).waitFor();
      assert.match(await status.innerText(), message);
      assert.deepEqual(await stored(), before, `settings unchanged after ${content}`);
    }
    const good = { sensitivity: 'relaxed', allowList: ['killed it'], disabledHosts: ['x.com'] };
    await options.setInputFiles('#import', { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
    await options.getByRole('status').filter({ hasText: 'Imported settings from mine.json' }).waitFor();
    const after = await stored();
    assert.equal(after.sensitivity, 'relaxed');
    assert.deepEqual(after.allowList, ['killed it']);
    assert.deepEqual(after.disabledHosts, ['x.com']);
    // The page shows what was imported, including the site turned off.
    assert.equal(await options.getByRole('radio', { name: /Relaxed/ }).isChecked(), true);
    await options.getByRole('button', { name: 'Turn PostGuard on for x.com' }).click();
    await options.waitForFunction(() => !document.querySelector('#sites li'));
    assert.deepEqual((await stored()).disabledHosts, []);
    await options.close();
  });

  it('everything is reachable with the keyboard, with a visible focus ring', async () => {
    const options = await openOptions();
    const seen = new Set();
    for (let i = 0; i < 40; i += 1) {
      await options.keyboard.press('Tab');
      const focus = await options.evaluate(() => {
        const el = document.activeElement;
        if (el === document.body) return null; // wrapped around to the browser
        const style = getComputedStyle(el);
        return { id: el.id || el.value || el.textContent.trim().slice(0, 20), outline: style.outlineStyle !== 'none' || el.type === 'file' };
      });
      if (!focus) continue;
      seen.add(focus.id);
      assert.ok(focus.outline, `focus is visible on ${focus.id}`);
    }
    // A radio group is one Tab stop (arrows move inside it).
    assert.ok(['relaxed', 'balanced', 'strict'].some((id) => seen.has(id)), 'sensitivity is reachable');
    for (const id of ['profanity', 'watchList', 'allowList', 'account-handle', 'export', 'import']) assert.ok(seen.has(id), `${id} is reachable`);
    await options.close();
  });

  it('the extension logged no errors', () => {
    assert.deepEqual(browser.errors, []);
  });
});
