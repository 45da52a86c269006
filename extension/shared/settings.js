// The user's settings: their one shape, defaults and validation, shared by the
// background, the popup and the options page. They live in storage.local
// under one key so a change is a single atomic write and a single event.

export const STORAGE_KEY = 'settings';

export const SENSITIVITIES = ['relaxed', 'balanced', 'strict'];

export function defaults() {
  return {
    disabledCategories: [],
    sensitivity: 'balanced',
    watchList: [],
    allowList: [],
    disabledHosts: [],
    accounts: [],
  };
}

const LIST_KEYS = ['disabledCategories', 'watchList', 'allowList', 'disabledHosts'];

/*
 * The accounts registry: every account PostGuard saw acting on a site, and
 * those the user added ahead of time. `site` is the adapter id of
 * content/sites.js ("x", "linkedin", ...) or "" for any site; `confirm` asks
 * before every post from it (TweetDeck's "confirmation step").
 */
export const ACCOUNT_KINDS = ['brand', 'personal', 'unknown'];
const SITE_ID = /^[a-z]{0,20}$/;
const MAX_HANDLE = 100;

/** Handles compare without "@" and case: "@Acme" and "acme" are one account. */
export function accountKey(handle) {
  return String(handle).trim().replace(/^@/, '').toLowerCase();
}

/** The registry entry for `handle` on `site`: its own first, then an any-site one. */
export function findAccount(accounts, site, handle) {
  const key = accountKey(handle);
  if (!key) return null;
  const same = (a) => accountKey(a.handle) === key;
  return accounts.find((a) => a.site === site && same(a)) ?? accounts.find((a) => a.site === '' && same(a)) ?? null;
}

function normalizeAccounts(list, fail) {
  if (!Array.isArray(list)) {
    fail('"accounts" must be a list.', 'accounts');
    return [];
  }
  if (list.length > MAX_LIST) fail(`"accounts" has more than ${MAX_LIST} entries.`, 'accounts');
  const out = [];
  for (const raw of list.slice(0, MAX_LIST)) {
    const ok =
      raw && typeof raw === 'object' && typeof raw.handle === 'string' && typeof raw.site === 'string' && SITE_ID.test(raw.site) &&
      ACCOUNT_KINDS.includes(raw.kind) && (raw.confirm === undefined || typeof raw.confirm === 'boolean');
    if (!ok) {
      fail('Each account needs a site, a handle, a kind (brand, personal or unknown) and optionally "confirm": true or false.', 'accounts');
      continue;
    }
    const handle = raw.handle.trim().slice(0, MAX_HANDLE);
    if (!accountKey(handle) || out.some((a) => a.site === raw.site && accountKey(a.handle) === accountKey(handle))) continue;
    out.push({ site: raw.site, handle, kind: raw.kind, confirm: raw.confirm ?? raw.kind === 'brand' });
  }
  return out;
}

// Lists are capped so a pasted novel cannot make every check slow.
const MAX_LIST = 500;
const MAX_ITEM = 200;
const LEGACY_BRANDS = 'brandAccounts';

/**
 * Checks an untrusted object (storage, an imported file) and returns a clean
 * copy. With `strict`, anything unexpected throws an Error whose message is
 * shown to the user; otherwise bad parts fall back to defaults, everything
 * valid is kept (a list keeps its good entries), unknown keys are dropped,
 * and `problems`, if given, receives the key of each setting that lost
 * something ("*" when nothing could be read).
 */
export function normalize(value, { strict = false, categories = null, problems = null } = {}) {
  const out = defaults();
  const fail = (msg, key) => {
    if (strict) throw new Error(msg);
    if (key && problems && !problems.includes(key)) problems.push(key);
  };
  if (value === undefined || value === null) return out;
  if (typeof value !== 'object' || Array.isArray(value)) {
    fail('The file does not contain a settings object.', '*');
    return out;
  }
  for (const key of Object.keys(value)) {
    if (!(key in out) && key !== LEGACY_BRANDS) fail(`Unknown setting "${key}".`);
  }
  if ('sensitivity' in value) {
    if (SENSITIVITIES.includes(value.sensitivity)) out.sensitivity = value.sensitivity;
    else fail(`Sensitivity must be one of ${SENSITIVITIES.join(', ')}.`, 'sensitivity');
  }
  for (const key of LIST_KEYS) {
    if (!(key in value)) continue;
    const list = value[key];
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) {
      fail(`"${key}" must be a list of texts.`, key);
      if (!Array.isArray(list)) continue;
    }
    if (list.length > MAX_LIST) fail(`"${key}" has more than ${MAX_LIST} entries.`, key);
    const clean = [];
    for (const raw of list.filter((item) => typeof item === 'string').slice(0, MAX_LIST)) {
      const item = raw.trim().slice(0, MAX_ITEM);
      if (item && !clean.includes(item)) clean.push(item);
    }
    out[key] = clean;
  }
  if ('accounts' in value) out.accounts = normalizeAccounts(value.accounts, fail);
  // Before the registry, brand handles were a plain list for every site.
  if (Array.isArray(value[LEGACY_BRANDS])) {
    const legacy = value[LEGACY_BRANDS].filter((h) => typeof h === 'string').map((handle) => ({ site: '', handle, kind: 'brand' }));
    out.accounts = normalizeAccounts([...out.accounts, ...legacy], () => {});
  }
  if (categories) {
    const unknown = out.disabledCategories.filter((c) => !categories.includes(c));
    if (unknown.length) fail(`Unknown categor${unknown.length > 1 ? 'ies' : 'y'}: ${unknown.join(', ')}.`, 'disabledCategories');
    out.disabledCategories = out.disabledCategories.filter((c) => categories.includes(c));
  }
  return out;
}

/** The `settings` part of the core's check context. */
export function toCoreSettings(s) {
  return {
    disabled_categories: s.disabledCategories,
    sensitivity: s.sensitivity,
    watch_list: s.watchList,
    allow_list: s.allowList,
  };
}

export async function load(api) {
  const got = await api.storage.local.get(STORAGE_KEY);
  return normalize(got[STORAGE_KEY]);
}

export async function save(api, settings) {
  await api.storage.local.set({ [STORAGE_KEY]: normalize(settings) });
}

/*
 * Stored settings can be damaged (another version wrote them, a sync tool,
 * a hand edit). What could not be read is used as its default at once, but
 * the user is told only on the options page, maybe much later, and the first
 * save repairs the store: so the keys of what was reset are kept beside the
 * settings until the user has seen the notice.
 */
export const REPAIRED_KEY = 'settingsRepaired';

// The first save after damage records what it reset, in the same write.
async function saveRepaired(api, settings, problems) {
  const got = await api.storage.local.get(REPAIRED_KEY);
  const known = Array.isArray(got[REPAIRED_KEY]) ? got[REPAIRED_KEY] : [];
  const repaired = [...new Set([...known, ...problems])];
  await api.storage.local.set({ [STORAGE_KEY]: normalize(settings), [REPAIRED_KEY]: repaired });
}

/** Applies `change(settings)` to the stored settings and saves the result. */
export async function update(api, change) {
  const got = await api.storage.local.get(STORAGE_KEY);
  const problems = [];
  const settings = normalize(got[STORAGE_KEY], { problems });
  change(settings);
  if (problems.length) await saveRepaired(api, settings, problems);
  else await save(api, settings);
  return settings;
}

/**
 * Repairs damaged stored settings now; resolves to the keys of every
 * setting reset since the user last dismissed the notice ("*": all).
 */
export async function repair(api) {
  const got = await api.storage.local.get([STORAGE_KEY, REPAIRED_KEY]);
  const problems = [];
  const settings = normalize(got[STORAGE_KEY], { problems });
  if (problems.length) await saveRepaired(api, settings, problems);
  const known = Array.isArray(got[REPAIRED_KEY]) ? got[REPAIRED_KEY].filter((k) => typeof k === 'string') : [];
  return [...new Set([...known, ...problems])];
}

/** The user has read the notice. */
export async function dismissRepair(api) {
  await api.storage.local.remove(REPAIRED_KEY);
}
