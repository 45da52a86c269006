// PostGuard's background: runs the Rust core (WebAssembly) for the content
// scripts, because pages' Content-Security-Policy forbids compiling wasm in a
// content script. It also keeps the toolbar badge and the content scripts of
// sites the user added (added-sites.js). Chrome runs this file as a module
// service worker, Firefox as a module background script.

import init, { check, categories, tips, version } from './core/postguard.js';
import { STORAGE_KEY, accountKey, findAccount, load, normalize, toCoreSettings, update } from './shared/settings.js';
import { addedSites } from './added-sites.js';

const api = globalThis.browser ?? globalThis.chrome;

// Drafts longer than this are checked up to this length (the content script
// cuts first and tells the user; this is the last line of defence).
const MAX_TEXT = 100_000;

// The worker may be stopped at any moment; both promises are rebuilt on wake
// because the module itself is evaluated again.
const ready = init({ module_or_path: api.runtime.getURL('core/postguard_bg.wasm') });
let settings = load(api);

api.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && STORAGE_KEY in changes) {
    settings = Promise.resolve(normalize(changes[STORAGE_KEY].newValue));
  }
});

// A site permission can also be granted or taken back from the browser's
// own extension settings, so registration follows the permission itself.
const sites = addedSites(api);
api.permissions.onAdded.addListener(() => sites.sync());
api.permissions.onRemoved.addListener(() => sites.sync());
// Open tabs get checking back after an install or update (see added-sites.js).
api.runtime.onInstalled.addListener(() => sites.sync().then(sites.injectIntoOpenTabs));

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== api.runtime.id || !message || typeof message !== 'object') return false;
  const handler = HANDLERS[message.type];
  if (!handler) return false;
  handler(message, sender).then(sendResponse, (error) => sendResponse({ error: String(error?.message ?? error) }));
  return true;
});

const HANDLERS = {
  async check(message) {
    const text = typeof message.text === 'string' ? message.text.slice(0, MAX_TEXT) : '';
    // Right after a settings change the page may ask before this worker
    // heard of it; such checks say so and get the stored settings.
    if (message.fresh) settings = load(api);
    const current = await settings;
    const site = hostOf(message.context);
    if (site && current.disabledHosts.includes(site)) return { findings: [], disabled: true };
    await ready;
    return { findings: check(text, coreContext(message.context, current)) };
  },

  async report(message, sender) {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return {};
    const text = message.disabled ? 'off' : message.high > 0 ? String(Math.min(message.high, 99)) : '';
    await api.action.setBadgeText({ tabId, text });
    await api.action.setBadgeBackgroundColor({ tabId, color: message.disabled ? '#5f6368' : '#b3261e' });
    await api.action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
    return {};
  },

  // The popup got the user's permission for the site of `tabId`.
  async addSite(message, sender) {
    if (!sender.url?.startsWith(api.runtime.getURL(''))) throw new Error('only the popup adds sites');
    await sites.sync();
    if (Number.isInteger(message.tabId)) await sites.injectInto(message.tabId);
    return {};
  },

  // A content script saw `handle` acting on `siteId`: keep it in the
  // registry (new accounts are "unknown" unless the page shows a company
  // page) and say how the user marked it and whether it is a recent switch.
  async account(message) {
    const siteId = typeof message.siteId === 'string' ? message.siteId : '';
    const handle = typeof message.handle === 'string' ? message.handle.trim() : '';
    if (!handle) return { account: null, previous: null };
    let entry = findAccount((await settings).accounts, siteId, handle);
    if (!entry) {
      const kind = message.hint === 'brand' ? 'brand' : 'unknown';
      await update(api, (s) => {
        if (!findAccount(s.accounts, siteId, handle)) s.accounts.push({ site: siteId, handle, kind, confirm: kind === 'brand' });
      });
      settings = load(api);
      entry = findAccount((await settings).accounts, siteId, handle);
    }
    return { account: entry, previous: await previousAccount(siteId, handle) };
  },

  // The user posted from `handle`, or switched away from it in the page.
  async used(message) {
    const siteId = typeof message.siteId === 'string' ? message.siteId : '';
    const handle = typeof message.handle === 'string' ? message.handle.trim() : '';
    if (!handle) return {};
    const { [LAST_USED_KEY]: last = {} } = await api.storage.local.get(LAST_USED_KEY);
    await api.storage.local.set({ [LAST_USED_KEY]: { ...last, [siteId]: { handle, at: Date.now() } } });
    return {};
  },

  async meta() {
    await ready;
    return { categories: categories(), tips: tips(), version: version() };
  },
};

// The account last used on each site (posted from, or active before an
// in-page switch), kept apart from the settings: it is not a choice of the
// user's and is neither exported nor shown.
const LAST_USED_KEY = 'lastUsed';
// Longer ago than this, a different account is a choice, not a slip.
const SWITCH_WINDOW_MS = 60 * 60 * 1000;

/** The account used last on `siteId` if it is not `handle` and was used within the hour. */
async function previousAccount(siteId, handle) {
  const { [LAST_USED_KEY]: last = {} } = await api.storage.local.get(LAST_USED_KEY);
  const before = last[siteId];
  if (!before || typeof before.handle !== 'string' || accountKey(before.handle) === accountKey(handle)) return null;
  if (!(Date.now() - before.at < SWITCH_WINDOW_MS)) return null;
  const entry = findAccount((await settings).accounts, siteId, before.handle);
  return { handle: before.handle, kind: entry?.kind ?? 'unknown', at: before.at };
}

function hostOf(context) {
  return typeof context?.site === 'string' ? context.site : '';
}

/**
 * The core rejects unknown fields, so only the known, well-typed parts of
 * what the page side sent are passed on, plus the user's settings.
 */
function coreContext(context, current) {
  const out = { settings: toCoreSettings(current) };
  const site = hostOf(context);
  if (site) out.site = site;
  if (context?.surface === 'dm' || context?.surface === 'public') out.surface = context.surface;
  // Kinds come from the registry, never from the page.
  const siteId = typeof context?.siteId === 'string' ? context.siteId : '';
  const account = (value) => {
    const handle = typeof value?.handle === 'string' ? value.handle.trim() : '';
    return handle ? { handle, kind: findAccount(current.accounts, siteId, handle)?.kind ?? 'unknown' } : null;
  };
  const acting = account(context?.account);
  if (acting) out.account = acting;
  const previous = acting && account(context?.previousAccount);
  if (previous && accountKey(previous.handle) !== accountKey(acting.handle)) out.previous_account = previous;
  if (typeof context?.replyTo === 'string' && context.replyTo) out.reply_to = context.replyTo;
  return out;
}
