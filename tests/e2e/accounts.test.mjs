// Accounts: the chip names the account the page shows, before the first
// keystroke, and follows a switch made in the page (saying it is a switch,
// and passing the account left behind to the core); every account seen is
// registered; marking it brand in the popup turns a personal draft into a
// wrong-account finding, and back; accounts added ahead of time in the
// options page apply; each site adapter reads its site's account; and the
// page's tokens, cookies and storage are never read.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, ROOT } from './lib/browser.mjs';
import { chips, servePage, waitForChip } from './lib/serve.mjs';
import { waitForOverlayMark } from './lib/page.mjs';

const PERSONAL = "Can't believe my ex showed up at my birthday party";
const TOKEN = 'PLANTED-TOKEN-7f3a9c';
const COMPOSER = '[data-testid="tweetTextarea_0"]';

// What each adapter must read from its site's markers (fixtures/markers.js).
const SITES = [
  { host: 'www.linkedin.com', path: '/company/4242/admin/', handle: 'Acme Analytics', site: 'linkedin', kind: 'brand' },
  { host: 'www.facebook.com', path: '/', handle: 'Acme Bakery', site: 'facebook', kind: 'unknown' },
  { host: 'www.instagram.com', path: '/', handle: '@dana.okafor', site: 'instagram', kind: 'unknown' },
  { host: 'www.threads.net', path: '/', handle: '@dana.okafor', site: 'threads', kind: 'unknown' },
  { host: 'bsky.app', path: '/', handle: '@dana.bsky.social', site: 'bluesky', kind: 'unknown' },
  { host: 'www.reddit.com', path: '/r/test/', handle: 'u/dana_okafor', site: 'reddit', kind: 'unknown' },
  { host: 'mastodon.social', path: '/home', handle: '@dana@mastodon.social', site: 'mastodon', kind: 'unknown' },
];

describe('accounts', () => {
  let browser;
  before(async () => {
    browser = await launch();
    await servePage(browser.context, 'x.com', 'accounts.html');
    for (const { host } of SITES) await servePage(browser.context, host, 'markers.html');
    // Every check message the content scripts send, as the worker gets it.
    await browser.worker().evaluate(() => {
      globalThis.seenChecks = [];
      chrome.runtime.onMessage.addListener((m) => {
        if (m?.type === 'check') globalThis.seenChecks.push(m);
      });
    });
  });
  after(async () => {
    await browser?.close();
  });

  const stored = async () => (await browser.worker().evaluate(() => chrome.storage.local.get('settings'))).settings;
  const tabFindings = (url) =>
    browser.worker().evaluate(async (u) => {
      const [tab] = await chrome.tabs.query({ url: u });
      return (await chrome.tabs.sendMessage(tab.id, { type: 'findings' })).findings;
    }, url);
  const waitForFindings = async (url, test, what) => {
    for (let i = 0; i < 100; i += 1) {
      if (test(await tabFindings(url))) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.fail(`timed out waiting for ${what}: ${JSON.stringify(await tabFindings(url))}`);
  };
  const hasWrongAccount = (findings) => findings.some((f) => f.category === 'wrong-account');

  async function openPopup(url) {
    const tabId = await browser.worker().evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0].id, url);
    const opened = browser.context.waitForEvent('page', (p) => p.url().includes('/popup/popup.html'));
    await browser.worker().evaluate(
      (popupUrl) => chrome.windows.create({ url: popupUrl, type: 'popup', width: 380, height: 640 }),
      `chrome-extension://${browser.extensionId}/popup/popup.html?tab=${tabId}`,
    );
    const popup = await opened;
    await popup.waitForLoadState();
    return popup;
  }

  it('the chip shows the account the page shows before typing, and follows a switch in the page', async () => {
    const page = await browser.open('https://x.com/home');
    await waitForChip(page, /^Posting as @dana_builds$/);
    // Beside the box, not inside the editor.
    const where = await page.evaluate((sel) => {
      const editor = document.querySelector(sel);
      const root = editor.closest('[contenteditable="true"]') ?? editor;
      const chip = document.querySelector('postguard-chip');
      const a = root.getBoundingClientRect();
      const b = chip.shadowRoot.querySelector('.chip').getBoundingClientRect();
      return { inside: root.contains(chip) || !!root.querySelector('postguard-chip'), near: Math.abs(b.bottom - a.top) < 40 || Math.abs(b.top - a.bottom) < 40, width: b.width };
    }, COMPOSER);
    assert.equal(where.inside, false, 'the chip is outside the editor');
    assert.ok(where.near && where.width > 50, `the chip sits on the box's edge: ${JSON.stringify(where)}`);
    assert.deepEqual(await page.evaluate(() => window.fixtureText.composer()), '', 'nothing was typed');

    await page.getByRole('button', { name: 'Switch to @acme_co' }).click();
    await waitForChip(page, /^Posting as @acme_co · switched from @dana_builds just now$/);
    await page.click(COMPOSER);
    await page.keyboard.type('hello there');
    let last;
    for (let i = 0; i < 60; i += 1) {
      last = (await browser.worker().evaluate(() => globalThis.seenChecks)).filter((m) => m.text === 'hello there').at(-1);
      if (last) break;
      await page.waitForTimeout(50);
    }
    assert.deepEqual(last?.context.account, { handle: '@acme_co' });
    assert.deepEqual(last?.context.previousAccount, { handle: '@dana_builds' }, 'the account left behind goes to the core');
    assert.equal(last?.context.siteId, 'x');
    // The core names both accounts when a risky draft follows a switch.
    await page.keyboard.type(', what the fuck');
    await waitForFindings('https://x.com/home', (f) => f.some((x) => /You switched from @dana_builds to @acme_co/.test(x.message)), 'the switch reminder');

    const { accounts } = await stored();
    assert.deepEqual(
      accounts.map(({ site, handle, kind, confirm }) => ({ site, handle, kind, confirm })),
      [
        { site: 'x', handle: '@dana_builds', kind: 'unknown', confirm: false },
        { site: 'x', handle: '@acme_co', kind: 'unknown', confirm: false },
      ],
      'every account seen is registered',
    );

    // Switching back: @acme_co was in use just before.
    await page.getByRole('button', { name: 'Switch to @dana_builds' }).click();
    await waitForChip(page, /^Posting as @dana_builds · switched from @acme_co just now$/);
    await page.close();
  });

  it('marking the account brand in the popup turns a personal draft into a wrong-account finding', async () => {
    // No recent switch here: only the account's kind is under test.
    await browser.worker().evaluate(() => chrome.storage.local.remove('lastUsed'));
    const url = 'https://x.com/home';
    const page = await browser.open(url);
    await waitForChip(page, /^Posting as @dana_builds/);
    await page.click(COMPOSER);
    await page.keyboard.type(PERSONAL);
    await waitForFindings(url, (f) => f !== undefined, 'a first answer');
    assert.equal(hasWrongAccount(await tabFindings(url)), false, 'an account of unknown kind gets no brand checks');

    const popup = await openPopup(url);
    const row = popup.locator('#account-list li', { hasText: '@dana_builds' });
    await row.getByText('Active now').waitFor();
    await row.getByRole('radio', { name: 'Brand' }).click();
    await page.bringToFront();
    await waitForFindings(url, hasWrongAccount, 'the wrong-account finding');
    const finding = (await tabFindings(url)).find((f) => f.category === 'wrong-account');
    assert.match(finding.message, /@dana_builds, a brand account/);
    await waitForChip(page, /^Posting as @dana_builds · Brand/);
    const entry = (await stored()).accounts.find((a) => a.handle === '@dana_builds');
    assert.deepEqual([entry.kind, entry.confirm], ['brand', true], 'the confirmation step is on for a brand account');
    assert.equal(await row.getByRole('checkbox', { name: 'Confirm before posting' }).isChecked(), true);

    await popup.bringToFront();
    await row.getByRole('radio', { name: 'Personal' }).click();
    await page.bringToFront();
    await waitForFindings(url, (f) => !hasWrongAccount(f), 'the wrong-account finding to go');
    await waitForChip(page, /^Posting as @dana_builds · Personal/);
    await Promise.all([popup.close(), page.close()]);
  });

  it('an account added ahead of time in the options page applies when it appears', async () => {
    const options = await browser.open(`chrome-extension://${browser.extensionId}/options/options.html`);
    await options.locator('#account-site').selectOption({ label: 'X' });
    await options.getByLabel('Handle or name').fill('@Acme_Co');
    await options.locator('#account-kind').selectOption('brand');
    await options.getByRole('button', { name: 'Add account' }).click();
    await options.getByRole('status').filter({ hasText: '@Acme_Co is already in the list.' }).waitFor();
    // "@acme_co" was seen already: it is one account; mark it from its row.
    await options.getByRole('radiogroup', { name: 'Kind of @acme_co on X' }).getByRole('radio', { name: 'Brand' }).click();
    await options.locator('#account-site').selectOption({ label: 'X' });
    await options.getByLabel('Handle or name').fill('@newsroom');
    await options.getByRole('button', { name: 'Add account' }).click();
    await options.getByRole('status').filter({ hasText: 'Added @newsroom' }).waitFor();
    const rows = options.locator('#account-list li');
    await rows.filter({ hasText: '@newsroom' }).waitFor();
    assert.deepEqual(
      (await stored()).accounts.filter((a) => a.handle !== '@dana_builds').map(({ site, handle, kind, confirm }) => [site, handle, kind, confirm]),
      [
        ['x', '@acme_co', 'brand', true],
        ['x', '@newsroom', 'brand', true],
      ],
    );

    const url = 'https://x.com/home';
    const page = await browser.open(url);
    await page.getByRole('button', { name: 'Switch to @acme_co' }).click();
    await waitForChip(page, /^Posting as @acme_co · Brand/);
    await page.click(COMPOSER);
    await page.keyboard.type(PERSONAL);
    await waitForFindings(url, hasWrongAccount, 'the wrong-account finding');

    await options.bringToFront();
    await options.getByRole('button', { name: 'Remove @newsroom on X' }).click();
    await rows.filter({ hasText: '@newsroom' }).waitFor({ state: 'detached' });
    await Promise.all([page.close(), options.close()]);
  });

  it('exports and imports the accounts with the other settings, and refuses a bad account', async () => {
    const options = await browser.open(`chrome-extension://${browser.extensionId}/options/options.html`);
    await options.locator('#account-list li').first().waitFor();
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export settings' }).click();
    const exported = JSON.parse(await readFile(await (await download).path(), 'utf8'));
    assert.ok(exported.accounts.some((a) => a.handle === '@acme_co' && a.kind === 'brand' && a.site === 'x'));

    const bad = { ...exported, accounts: [{ site: 'x', handle: '@someone', kind: 'celebrity' }] };
    await options.locator('#import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await options.getByRole('status').filter({ hasText: /Nothing was imported: Each account needs/ }).waitFor();
    assert.ok((await stored()).accounts.some((a) => a.handle === '@acme_co'), 'nothing changed');

    // A file from before the registry: brand handles for every site.
    const legacy = { brandAccounts: ['@oldbrand'] };
    await options.locator('#import').setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(legacy)) });
    await options.getByRole('status').filter({ hasText: 'Imported settings from old.json' }).waitFor();
    assert.deepEqual((await stored()).accounts, [{ site: '', handle: '@oldbrand', kind: 'brand', confirm: true }]);
    await options.locator('#account-list li', { hasText: 'Any site' }).waitFor();

    await options.locator('#import').setInputFiles({ name: 'back.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await options.getByRole('status').filter({ hasText: 'Imported settings from back.json' }).waitFor();
    assert.deepEqual((await stored()).accounts, exported.accounts);
    await options.close();
  });

  for (const { host, path, handle, site, kind } of SITES) {
    it(`reads the acting account on ${site}`, async () => {
      const page = await browser.open(`https://${host}${path}`);
      await waitForChip(page, new RegExp(`^Posting as ${handle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      for (let i = 0; i < 40 && !(await stored()).accounts.some((a) => a.site === site); i += 1) await page.waitForTimeout(50);
      const entry = (await stored()).accounts.find((a) => a.site === site);
      assert.deepEqual([entry?.handle, entry?.kind], [handle, kind]);
      assert.equal((await chips(page)).length, 1);
      await page.close();
    });
  }

  it('a site whose markup shows no account still gets checked, without a chip', async () => {
    const page = await browser.open('https://old.reddit.com/submit');
    await page.click('#plain');
    await page.keyboard.type('my card is 4111 1111 1111 1111');
    await waitForOverlayMark(page, '4111 1111 1111 1111');
    assert.deepEqual(await chips(page), []);
    await page.close();
  });

  it("never reads the page's tokens, cookies or storage", async () => {
    const page = await browser.open('https://x.com/home');
    await waitForChip(page, /Posting as/);
    const before = await page.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }));
    assert.equal(before.local.auth_token, TOKEN, 'the token is planted');
    assert.match(before.cookie, new RegExp(TOKEN));
    await page.click(COMPOSER);
    await page.keyboard.type(`${PERSONAL} 4111 1111 1111 1111`);
    await page.click('[data-testid="tweetButtonInline"]');
    await page.getByRole('dialog').getByRole('button', { name: 'Go back' }).click();
    const after = await page.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }));
    assert.deepEqual(after, before, "the page's storage is unchanged");
    const everything = JSON.stringify(await browser.worker().evaluate(() => chrome.storage.local.get(null)));
    assert.ok(!everything.includes(TOKEN), "the extension's storage never holds the token");
    const checked = JSON.stringify(await browser.worker().evaluate(() => globalThis.seenChecks));
    assert.ok(!checked.includes(TOKEN), 'no message carries the token');
    await page.close();

    // And no code could: the sources name none of the page's stores.
    const files = [];
    const walk = async (dir) => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (/\.(js|html)$/.test(entry.name)) files.push(path);
      }
    };
    await walk(join(ROOT, 'extension'));
    assert.ok(files.some((f) => f.endsWith('account.js')));
    const FORBIDDEN = /\b(localStorage|sessionStorage|indexedDB|cookie|cookies|initial-state|initial_state)\b/;
    for (const file of files) {
      // Comments may say what is never read; code may not read it.
      const code = (await readFile(file, 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1').replace(/<!--[\s\S]*?-->/g, '');
      const hit = FORBIDDEN.exec(code);
      assert.equal(hit, null, `${file} uses ${hit?.[0]}`);
    }
  });

  it('the extension logged no errors', () => {
    assert.deepEqual(browser.errors, []);
  });
});
