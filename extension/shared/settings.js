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
    brandAccounts: [],
  };
}

const LIST_KEYS = ['disabledCategories', 'watchList', 'allowList', 'disabledHosts', 'brandAccounts'];

// Lists are capped so a pasted novel cannot make every check slow.
const MAX_LIST = 500;
const MAX_ITEM = 200;

/**
 * Checks an untrusted object (storage, an imported file) and returns a clean
 * copy. With `strict`, anything unexpected throws an Error whose message is
 * shown to the user; otherwise unknown or bad parts fall back to defaults.
 */
export function normalize(value, { strict = false, categories = null } = {}) {
  const out = defaults();
  const fail = (msg) => {
    if (strict) throw new Error(msg);
  };
  if (value === undefined || value === null) return out;
  if (typeof value !== 'object' || Array.isArray(value)) {
    fail('The file does not contain a settings object.');
    return out;
  }
  for (const key of Object.keys(value)) {
    if (!(key in out)) fail(`Unknown setting "${key}".`);
  }
  if ('sensitivity' in value) {
    if (SENSITIVITIES.includes(value.sensitivity)) out.sensitivity = value.sensitivity;
    else fail(`Sensitivity must be one of ${SENSITIVITIES.join(', ')}.`);
  }
  for (const key of LIST_KEYS) {
    if (!(key in value)) continue;
    const list = value[key];
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) {
      fail(`"${key}" must be a list of texts.`);
      continue;
    }
    if (list.length > MAX_LIST) fail(`"${key}" has more than ${MAX_LIST} entries.`);
    const clean = [];
    for (const raw of list.slice(0, MAX_LIST)) {
      const item = raw.trim().slice(0, MAX_ITEM);
      if (item && !clean.includes(item)) clean.push(item);
    }
    out[key] = clean;
  }
  if (categories) {
    const unknown = out.disabledCategories.filter((c) => !categories.includes(c));
    if (unknown.length) fail(`Unknown categor${unknown.length > 1 ? 'ies' : 'y'}: ${unknown.join(', ')}.`);
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

/** Applies `change(settings)` to the stored settings and saves the result. */
export async function update(api, change) {
  const settings = await load(api);
  change(settings);
  await save(api, settings);
  return settings;
}
