// PostGuard's background: runs the Rust core (WebAssembly) for the content
// scripts, because pages' Content-Security-Policy forbids compiling wasm in a
// content script. It also keeps the toolbar badge. Chrome runs this file as a
// module service worker, Firefox as a module background script.

import init, { check, categories, tips, version } from './core/postguard.js';
import { STORAGE_KEY, load, normalize, toCoreSettings } from './shared/settings.js';

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

  async meta() {
    await ready;
    return { categories: categories(), tips: tips(), version: version() };
  },
};

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
  const handle = typeof context?.account?.handle === 'string' ? context.account.handle.trim() : '';
  if (handle) {
    const bare = (h) => h.replace(/^@/, '').toLowerCase();
    const brand = current.brandAccounts.some((b) => bare(b) === bare(handle));
    out.account = { handle, kind: brand ? 'brand' : 'unknown' };
  }
  if (typeof context?.replyTo === 'string' && context.replyTo) out.reply_to = context.replyTo;
  return out;
}
