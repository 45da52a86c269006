// The accounts registry as the popup and the options page show it: one row
// per account with its site, a one-click choice of kind (brand, personal,
// not sure) and the "confirm before posting" step; the options page can
// also remove accounts and add them ahead of time. Site names come from the
// adapters (content/sites.js, loaded by both pages).

import { ACCOUNT_KINDS, STORAGE_KEY, accountKey, load, normalize, update } from './settings.js';

const api = globalThis.browser ?? globalThis.chrome;
const KIND_LABEL = { brand: 'Brand', personal: 'Personal', unknown: 'Not sure' };

export const SITES = globalThis.PostGuard.sites.SITES;
export const siteName = (id) => SITES.find((s) => s.id === id)?.name ?? 'Any site';

const same = (site, handle) => (a) => a.site === site && accountKey(a.handle) === accountKey(handle);

export function setKind(site, handle, kind) {
  return update(api, (s) => {
    const account = s.accounts.find(same(site, handle));
    // The confirmation step follows the kind until the user sets it.
    if (account && account.kind !== kind) Object.assign(account, { kind, confirm: kind === 'brand' });
  });
}

export function setConfirm(site, handle, confirm) {
  return update(api, (s) => {
    const account = s.accounts.find(same(site, handle));
    if (account) account.confirm = confirm;
  });
}

export function remove(site, handle) {
  return update(api, (s) => (s.accounts = s.accounts.filter((a) => !same(site, handle)(a))));
}

/** Adds an account ahead of time; resolves to false when it is already there. */
export async function add(site, handle, kind) {
  let added = false;
  await update(api, (s) => {
    if (s.accounts.some(same(site, handle))) return;
    s.accounts.push({ site, handle, kind, confirm: kind === 'brand' });
    added = true;
  });
  return added;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

let rowCount = 0;

function row(account, { active, removable, showSite }) {
  const li = el('li', 'account');
  const id = `account-${(rowCount += 1)}`;
  const name = el('div', 'account-name');
  const handle = el('span', 'account-handle', account.handle);
  handle.id = id;
  name.append(handle);
  if (showSite) name.append(el('span', 'account-site', siteName(account.site)));
  if (active && accountKey(active) === accountKey(account.handle)) name.append(el('span', 'account-active', 'Active now'));

  const kinds = el('div', 'kinds');
  kinds.setAttribute('role', 'radiogroup');
  kinds.setAttribute('aria-label', `Kind of ${account.handle}${showSite ? ` on ${siteName(account.site)}` : ''}`);
  for (const kind of ACCOUNT_KINDS) {
    const label = el('label', 'kind');
    const input = el('input');
    input.type = 'radio';
    input.name = `${id}-kind`;
    input.value = kind;
    input.checked = account.kind === kind;
    input.addEventListener('change', () => setKind(account.site, account.handle, kind));
    label.append(input, el('span', '', KIND_LABEL[kind]));
    kinds.append(label);
  }

  const confirm = el('label', 'confirm');
  const box = el('input');
  box.type = 'checkbox';
  box.checked = account.confirm;
  box.setAttribute('aria-describedby', id);
  box.addEventListener('change', () => setConfirm(account.site, account.handle, box.checked));
  confirm.append(box, el('span', '', 'Confirm before posting'));

  li.append(name, kinds, confirm);
  if (removable) {
    const button = el('button', 'account-remove', 'Remove');
    button.type = 'button';
    button.setAttribute('aria-label', `Remove ${account.handle}${showSite ? ` on ${siteName(account.site)}` : ''}`);
    button.addEventListener('click', () => remove(account.site, account.handle));
    li.append(button);
  }
  return li;
}

/**
 * Keeps `list` (a <ul>) showing the registry: every account, or those of
 * `siteId`; `empty` is shown when there are none. Follows storage changes.
 */
export async function showAccounts(list, empty, { siteId = null, active = null, removable = false } = {}) {
  const render = (settings) => {
    const accounts = settings.accounts.filter((a) => siteId === null || a.site === siteId);
    empty.hidden = accounts.length > 0;
    // Do not rebuild under the user's hand: the row they use keeps focus.
    const focused = list.contains(document.activeElement) ? document.activeElement : null;
    const where = focused && [...list.querySelectorAll('input, button')].indexOf(focused);
    list.replaceChildren(...accounts.map((a) => row(a, { active, removable, showSite: siteId === null })));
    if (focused) list.querySelectorAll('input, button')[where]?.focus();
  };
  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && STORAGE_KEY in changes) render(normalize(changes[STORAGE_KEY].newValue));
  });
  render(await load(api));
}
