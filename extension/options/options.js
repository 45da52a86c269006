// The settings page: categories, sensitivity, the user's lists, the
// accounts and the sites turned off, saved as they change; settings export and import (a
// file that is not valid settings changes nothing and says why); a notice when
// damaged stored settings were partly reset to their defaults.

import { STORAGE_KEY, dismissRepair, load, normalize, repair, save, update } from '../shared/settings.js';
import { SITES, add, showAccounts } from '../shared/accounts-ui.js';

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const LISTS = ['watchList', 'allowList'];

let categories = Object.keys(globalThis.PostGuardCategories);
let statusTimer = 0;

function say(message, { error = false } = {}) {
  const status = $('status');
  clearTimeout(statusTimer);
  status.className = error ? 'error' : '';
  status.textContent = message;
  if (!error) statusTimer = setTimeout(() => (status.textContent = ''), 2500);
}

async function change(mutate) {
  await update(api, mutate);
  say('Saved');
}

function render(settings) {
  const box = $('categories');
  if (!box.childElementCount) {
    for (const id of categories) {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.value = id;
      input.addEventListener('change', () =>
        change((s) => {
          s.disabledCategories = input.checked ? s.disabledCategories.filter((c) => c !== id) : [...s.disabledCategories, id];
        }),
      );
      const text = document.createElement('span');
      text.textContent = PostGuardCategoryName(id);
      const about = document.createElement('small');
      about.textContent = globalThis.PostGuardCategories[id]?.about ?? '';
      text.append(about);
      label.append(input, text);
      box.append(label);
    }
  }
  for (const input of box.querySelectorAll('input')) input.checked = !settings.disabledCategories.includes(input.value);
  for (const radio of document.querySelectorAll('input[name="sensitivity"]')) radio.checked = radio.value === settings.sensitivity;
  // Do not rewrite a list the user is typing in.
  for (const key of LISTS) if (document.activeElement !== $(key)) $(key).value = settings[key].join('\n');

  const sites = $('sites');
  $('no-sites').hidden = settings.disabledHosts.length > 0;
  sites.replaceChildren(
    ...settings.disabledHosts.map((host) => {
      const li = document.createElement('li');
      const name = document.createElement('span');
      name.textContent = host;
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Turn on';
      button.setAttribute('aria-label', `Turn PostGuard on for ${host}`);
      button.addEventListener('click', () => change((s) => (s.disabledHosts = s.disabledHosts.filter((h) => h !== host))));
      li.append(name, button);
      return li;
    }),
  );
}

for (const radio of document.querySelectorAll('input[name="sensitivity"]')) {
  radio.addEventListener('change', () => change((s) => (s.sensitivity = radio.value)));
}
for (const key of LISTS) {
  $(key).addEventListener('change', () => change((s) => (s[key] = $(key).value.split('\n'))));
}

$('export').addEventListener('click', async () => {
  const settings = await load(api);
  const blob = new Blob([`${JSON.stringify(settings, null, 2)}\n`], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'postguard-settings.json';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
});

$('import').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  event.target.value = '';
  if (!file) return;
  let settings;
  try {
    if (file.size > 1_000_000) throw new Error('The file is too large to be PostGuard settings.');
    let parsed;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      throw new Error('The file is not valid JSON.');
    }
    settings = normalize(parsed, { strict: true, categories });
  } catch (error) {
    say(`Nothing was imported: ${error.message}`, { error: true });
    return;
  }
  await save(api, settings);
  say(`Imported settings from ${file.name}`);
});

api.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && STORAGE_KEY in changes) render(normalize(changes[STORAGE_KEY].newValue));
});

for (const site of [{ id: '', name: 'Any site' }, ...SITES]) {
  const option = document.createElement('option');
  option.value = site.id;
  option.textContent = site.name;
  $('account-site').append(option);
}
$('add-account').addEventListener('submit', async (event) => {
  event.preventDefault();
  const handle = $('account-handle').value.trim();
  if (!handle) return;
  const added = await add($('account-site').value, handle, $('account-kind').value);
  if (!added) {
    say(`${handle} is already in the list.`, { error: true });
    return;
  }
  $('account-handle').value = '';
  say(`Added ${handle}`);
});
showAccounts($('account-list'), $('no-accounts'), { removable: true });

// The settings' names as this page titles them, for the reset notice.
const SETTING_NAMES = {
  disabledCategories: 'What to look for',
  sensitivity: 'Sensitivity',
  watchList: 'Watch list',
  allowList: 'Allow list',
  disabledHosts: 'Sites turned off',
  accounts: 'Accounts',
};

function showRepaired(keys) {
  $('repaired').hidden = keys.length === 0;
  if (!keys.length) return;
  const names = Object.keys(SETTING_NAMES).filter((k) => keys.includes(k)).map((k) => SETTING_NAMES[k]);
  $('repaired-text').textContent = keys.includes('*')
    ? 'Your saved settings could not be read (another version of PostGuard may have written them), so PostGuard went back to its defaults.'
    : `Part of your saved settings could not be read (another version of PostGuard may have written them), so PostGuard reset it to the defaults: ${names.join(', ')}. Everything else was kept.`;
}
$('repaired-ok').addEventListener('click', async () => {
  await dismissRepair(api);
  showRepaired([]);
});

// The core's own list is the authority on category ids.
try {
  const meta = await api.runtime.sendMessage({ type: 'meta' });
  if (Array.isArray(meta?.categories) && meta.categories.length) categories = meta.categories;
} catch {
  // The labels' list is the same ids; keep it.
}
showRepaired(await repair(api));
render(await load(api));
