// Audience: each site adapter tells a public post, a reply (and to whom)
// and a direct message apart, from what the page shows, all the way to the
// core. A reply composer sends who it answers, so a public reply that reads
// like a private message is flagged, and the same words in a DM are not; a
// card number in each site's DM box gets the DM lesson, in its public box
// the public one, and the chip says "Messaging as"; Mastodon's visibility
// button set to "Specific people" makes the box a DM, on mastodon.social
// and on an instance the user added (found by Mastodon's own markers).
// Pages: fixtures/audience.jsx.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { chips, servePage, waitForChip } from './lib/serve.mjs';

const ADDED = 'https://fosstodon.org/*';
const CARD = '4111 1111 1111 1111';
const OTHER_CARD = '5555 5555 5555 4444';
const DM_LESSON = /^Even in a direct message/;
const PRIVATE = 'only you can see this right? meet me at my place after 11';
// Flagged only when the post answers one person: the reply's target decides.
const PLANS = 'text me later tonight';
const X_BOX = '[data-testid="tweetTextarea_0"]';

describe('audience', () => {
  let browser;
  before(async () => {
    browser = await launch({ grantedSites: [ADDED] });
    for (const host of ['x.com', 'www.linkedin.com', 'www.instagram.com', 'bsky.app']) await servePage(browser.context, host, 'audience.html');
    for (const host of ['mastodon.social', 'fosstodon.org']) await servePage(browser.context, host, 'audience-mastodon.html');
  });
  after(async () => {
    await browser?.close();
  });

  // Every check message the content scripts send, as the worker gets it
  // (installed again if the worker was restarted).
  const checks = () =>
    browser.worker().evaluate(() => {
      if (!globalThis.seenChecks) {
        globalThis.seenChecks = [];
        chrome.runtime.onMessage.addListener((m) => {
          if (m?.type === 'check') globalThis.seenChecks.push(m);
        });
      }
      return globalThis.seenChecks;
    });
  // The latest check of `text` (with `test` true of it): earlier pages may
  // have sent the same text.
  async function lastCheck(text, test = () => true) {
    for (let i = 0; i < 100; i += 1) {
      const found = (await checks()).filter((m) => m.text === text && test(m)).at(-1);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.fail(`no check of ${JSON.stringify(text)} reached the background`);
  }

  const tabFindings = (url) =>
    browser.worker().evaluate(async (u) => {
      const [tab] = await chrome.tabs.query({ url: u });
      return (await chrome.tabs.sendMessage(tab.id, { type: 'findings' })).findings;
    }, url);
  async function waitForFinding(url, test, what) {
    for (let i = 0; i < 100; i += 1) {
      const found = (await tabFindings(url)).find(test);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.fail(`timed out waiting for ${what}: ${JSON.stringify(await tabFindings(url))}`);
  }
  const cardFinding = (url, card) => waitForFinding(url, (f) => f.category === 'personal-data' && f.excerpt === card, `the card finding on ${url}`);
  const isPrivate = (f) => f.category === 'private-message';

  async function type(page, selector, text) {
    await page.click(selector);
    await page.keyboard.type(text);
  }

  describe('replies', () => {
    it('an X reply sends who it answers; a public reply that reads like a private message is flagged', async () => {
      await checks();
      const reply = 'https://x.com/compose/post';
      const page = await browser.open(reply);
      await waitForChip(page, /^Posting as @dana_builds$/);
      await type(page, `[role="dialog"] ${X_BOX}`, PLANS);
      const sent = await lastCheck(PLANS);
      assert.equal(sent.context.replyTo, '@lisa_m', 'the handle after "Replying to" goes to the core');
      assert.equal(sent.context.surface, 'public');
      const finding = await waitForFinding(reply, isPrivate, 'the private-message finding');
      assert.match(finding.message, /reads like a private message/);

      // The same words in the home composer answer no one: not flagged.
      const home = await browser.open('https://x.com/home');
      await waitForChip(home, /^Posting as @dana_builds$/);
      await type(home, X_BOX, `${PLANS} ${CARD}`);
      await cardFinding('https://x.com/home', CARD);
      const plain = await lastCheck(`${PLANS} ${CARD}`);
      assert.equal(plain.context.replyTo, undefined, 'a new post answers no one');
      assert.equal((await tabFindings('https://x.com/home')).some(isPrivate), false, 'without a reply target the words are not a private message');
      await home.close();

      // The words the issue names, in the reply: flagged.
      await page.bringToFront();
      await page.click(`[role="dialog"] ${X_BOX}`);
      await page.keyboard.press('Control+A');
      await page.keyboard.type(PRIVATE);
      assert.equal((await lastCheck(PRIVATE)).context.replyTo, '@lisa_m');
      await waitForFinding(reply, (f) => isPrivate(f) && /^only you can see/.test(f.excerpt), 'the private-message finding on the cue');
      await page.close();
    });

    it('the same words in an X direct message are not a private-message finding', async () => {
      const url = 'https://x.com/messages/123';
      const page = await browser.open(url);
      await waitForChip(page, /^Messaging as @dana_builds$/);
      await type(page, '[data-testid="dmComposerTextInput"]', PRIVATE);
      const sent = await lastCheck(PRIVATE, (m) => m.context.surface === 'dm');
      assert.equal(sent.context.replyTo, undefined);
      // An answer for the same draft proves the first one came back too.
      await page.keyboard.type(`, card ${CARD}`);
      const card = await cardFinding(url, CARD);
      assert.match(card.lesson, DM_LESSON);
      assert.equal((await tabFindings(url)).some(isPrivate), false, 'a DM is for one person: no private-message finding');
      await page.close();
    });

    it('a Mastodon reply sends who it answers, from the reply indicator', async () => {
      const url = 'https://mastodon.social/@lisa_m/110';
      const page = await browser.open(url);
      await waitForChip(page, /^Posting as @dana@mastodon\.social$/);
      await type(page, 'form.compose-form textarea', PLANS);
      assert.equal((await lastCheck(PLANS, (m) => m.context.site === 'mastodon.social')).context.replyTo, '@lisa_m');
      await waitForFinding(url, isPrivate, 'the private-message finding');
      await page.close();
    });

    it('a Bluesky reply sends who it answers, from the post shown in the reply dialog', async () => {
      const url = 'https://bsky.app/profile/lisa.bsky.social/post/3kx';
      const page = await browser.open(url);
      await waitForChip(page, /^Posting as @dana\.bsky\.social$/);
      await type(page, '.ProseMirror', PLANS);
      assert.equal((await lastCheck(PLANS, (m) => m.context.site === 'bsky.app')).context.replyTo, 'Lisa M');
      await waitForFinding(url, isPrivate, 'the private-message finding');
      await page.close();
      // A new post on Bluesky answers no one.
      const home = await browser.open('https://bsky.app/');
      await type(home, '.ProseMirror', `${PLANS} ok`);
      assert.equal((await lastCheck(`${PLANS} ok`)).context.replyTo, undefined);
      await home.close();
    });
  });

  // Each site's DM box and public box: [name, dm page, dm box, public page, public box, the chip's account].
  const SITES = [
    ['LinkedIn messaging bubble', 'https://www.linkedin.com/feed/', '.msg-form__contenteditable', 'https://www.linkedin.com/feed/', '.ql-editor', 'Dana Okafor'],
    ['LinkedIn messaging page', 'https://www.linkedin.com/messaging/thread/2-abc/', '.msg-form__contenteditable', 'https://www.linkedin.com/feed/', '.ql-editor', null],
    ['Instagram DMs', 'https://www.instagram.com/direct/t/1234/', '[role="textbox"][aria-label="Message"]', 'https://www.instagram.com/', '[aria-label="Write a caption..."]', '@dana.okafor'],
    ['Bluesky chat', 'https://bsky.app/messages/convo1', 'textarea[placeholder="Write a message"]', 'https://bsky.app/', '.ProseMirror', '@dana.bsky.social'],
  ];

  describe('direct messages', () => {
    for (const [name, dmUrl, dmBox, publicUrl, publicBox, handle] of SITES) {
      it(`${name}: a card number gets the DM lesson, the public box the public one`, async () => {
        const dm = await browser.open(dmUrl);
        if (handle) await waitForChip(dm, new RegExp(`^Messaging as ${handle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
        await type(dm, dmBox, `card ${CARD}`);
        const inDm = await cardFinding(dmUrl, CARD);
        assert.match(inDm.lesson, DM_LESSON);
        assert.equal((await lastCheck(`card ${CARD}`)).context.surface, 'dm');

        const pub = dmUrl === publicUrl ? dm : await browser.open(publicUrl);
        if (handle) await waitForChip(pub, new RegExp(`^Posting as ${handle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
        await type(pub, publicBox, `card ${OTHER_CARD}`);
        const inPublic = await cardFinding(publicUrl, OTHER_CARD);
        assert.ok(inPublic.lesson, 'the public box has a lesson');
        assert.doesNotMatch(inPublic.lesson, DM_LESSON, 'the public box gets the public lesson');
        assert.equal((await lastCheck(`card ${OTHER_CARD}`)).context.surface, 'public');
        if (handle && pub === dm) {
          assert.deepEqual((await chips(dm)).sort(), [`Messaging as ${handle}`, `Posting as ${handle}`], 'each box has its own chip');
        }
        await dm.close();
        if (pub !== dm) await pub.close();
      });
    }
  });

  // Mastodon: the box is public until its visibility button shows
  // "Specific people", whatever the order of typing and choosing.
  async function visibility(page, name) {
    await page.click('form.compose-form button[title="Change post privacy"]');
    await page.getByRole('option', { name }).click();
    await page.locator('form.compose-form .dropdown-button__label').filter({ hasText: name }).waitFor();
  }

  async function mastodonDirect(origin, handle) {
    const url = `${origin}/home`;
    const page = await browser.open(url);
    const esc = handle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await waitForChip(page, new RegExp(`^Posting as ${esc}$`));
    await type(page, 'form.compose-form textarea', `card ${CARD}`);
    assert.doesNotMatch((await cardFinding(url, CARD)).lesson, DM_LESSON, 'public at first');

    // Chosen after typing: the same draft is checked again as a DM.
    await visibility(page, 'Specific people');
    await waitForFinding(url, (f) => f.category === 'personal-data' && DM_LESSON.test(f.lesson), 'the DM lesson');
    await waitForChip(page, new RegExp(`^Messaging as ${esc}$`));
    assert.equal((await checks()).filter((m) => m.text === `card ${CARD}` && m.context.site === new URL(origin).host).at(-1).context.surface, 'dm');

    // Followers only is still a broadcast; back to public, the public lesson.
    await visibility(page, 'Followers');
    await waitForFinding(url, (f) => f.category === 'personal-data' && !DM_LESSON.test(f.lesson), 'the public lesson again');
    await waitForChip(page, new RegExp(`^Posting as ${esc}$`));

    // Chosen before typing.
    await visibility(page, 'Specific people');
    await page.click('form.compose-form textarea');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`here ${OTHER_CARD}`);
    assert.match((await cardFinding(url, OTHER_CARD)).lesson, DM_LESSON);
    await page.close();
  }

  describe('Mastodon visibility', () => {
    it('"Specific people" on mastodon.social makes the box a direct message', async () => {
      await mastodonDirect('https://mastodon.social', '@dana@mastodon.social');
    });

    it('on an instance the user added, the Mastodon adapter applies by the page\'s markers', async () => {
      let scripts = [];
      for (let i = 0; i < 60 && !scripts.some((s) => s.id === `added-site:${ADDED}`); i += 1) {
        scripts = await browser.worker().evaluate(() => chrome.scripting.getRegisteredContentScripts());
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok(scripts.some((s) => s.id === `added-site:${ADDED}`), 'the added site is registered');
      await mastodonDirect('https://fosstodon.org', '@dana@fosstodon.org');
      const entry = (await browser.worker().evaluate(() => chrome.storage.local.get('settings'))).settings.accounts.find((a) => a.handle === '@dana@fosstodon.org');
      assert.equal(entry?.site, 'mastodon', 'the account is registered as a Mastodon account');
    });
  });

  it('the extension logged no errors', () => {
    assert.deepEqual(browser.errors, []);
  });
});
