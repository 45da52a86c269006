// The toolbar popup: switches PostGuard on or off for the current site
// (open tabs of that site follow at once), lists what this tab's drafts
// hold, grouped by category with the lesson behind each, the site's
// accounts with their kind and confirmation step, and a tip.
// On a site it does not cover yet, it offers to add that one site.
// `popup.html?tab=ID` shows a given tab, for opening the popup as a page.

import { update, load } from '../shared/settings.js';
import { showAccounts } from '../shared/accounts-ui.js';
import { covered, originOf } from '../added-sites.js';

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 };
const LEVEL = { high: 'High risk', medium: 'Think again', low: 'Tip' };
// Shown in the popup as the shape only: a card number should not be read
// over someone's shoulder.
const SECRET = new Set(['personal-data', 'credentials']);

let tabId = null;
let host = null;

async function currentTab() {
  const wanted = Number(new URLSearchParams(location.search).get('tab'));
  try {
    if (wanted) return await api.tabs.get(wanted);
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    return tab;
  } catch {
    return null; // the tab closed meanwhile
  }
}

async function askTab() {
  try {
    return await api.tabs.sendMessage(tabId, { type: 'findings' });
  } catch {
    return null; // no PostGuard in this tab
  }
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

async function renderSite() {
  const settings = await load(api);
  const on = !settings.disabledHosts.includes(host);
  $('site').hidden = false;
  $('host').textContent = host.replace(/^www\./, '');
  $('switch').setAttribute('aria-checked', String(on));
  $('site-state').textContent = on
    ? 'Drafts on this site are underlined as you type.'
    : 'Off for this site: PostGuard does not read anything you type here.';
}

async function renderFindings() {
  const answer = await askTab();
  const section = $('findings');
  if (!answer || !answer.enabled) {
    section.hidden = true;
    return;
  }
  section.hidden = false;
  const findings = answer.findings ?? [];
  $('empty').hidden = findings.length > 0;
  const truncated = $('truncated');
  truncated.hidden = !answer.truncated;
  truncated.textContent = 'This draft is very long: only its first 100,000 characters were checked.';

  const groups = new Map();
  for (const f of findings) {
    if (!groups.has(f.category)) groups.set(f.category, []);
    groups.get(f.category).push(f);
  }
  const worst = (list) => Math.min(...list.map((f) => SEVERITY_ORDER[f.severity] ?? 3));
  const items = [...groups.entries()].sort((a, b) => worst(a[1]) - worst(b[1]));
  $('groups').replaceChildren(
    ...items.map(([category, list]) => {
      const severity = Object.keys(SEVERITY_ORDER)[worst(list)] ?? 'low';
      const li = el('li', 'group');
      const head = el('div', 'group-head');
      const dot = el('span', `dot ${severity}`);
      dot.setAttribute('aria-hidden', 'true');
      head.append(dot, el('span', '', PostGuardCategoryName(category)), el('span', 'count', `${LEVEL[severity]} \u00b7 ${list.length}`));
      const ul = el('ul');
      for (const f of list) {
        const item = el('li');
        const shown = SECRET.has(category) ? f.excerpt.replace(/[\p{L}\p{N}]/gu, '\u2022') : f.excerpt;
        item.append(el('span', 'excerpt', shown), document.createTextNode(` ${f.message}`));
        ul.append(item);
      }
      li.append(head, ul, el('p', 'lesson', list[0].lesson));
      return li;
    }),
  );
}

async function renderTip(step) {
  let meta;
  try {
    meta = await api.runtime.sendMessage({ type: 'meta' });
  } catch {
    return;
  }
  const tips = meta?.tips ?? [];
  if (!tips.length) return;
  const { tipIndex = 0 } = await api.storage.local.get('tipIndex');
  const index = (tipIndex + step) % tips.length;
  await api.storage.local.set({ tipIndex: index });
  $('tip-text').textContent = tips[index];
}

$('switch').addEventListener('click', async () => {
  const on = $('switch').getAttribute('aria-checked') !== 'true';
  // The switch answers the click at once (and screen readers with it); the
  // stored setting follows, and the render after it shows what was stored.
  $('switch').setAttribute('aria-checked', String(on));
  await update(api, (s) => {
    const others = s.disabledHosts.filter((h) => h !== host);
    s.disabledHosts = on ? others : [...others, host];
  });
  await renderSite();
  // The tab re-checks its drafts when the setting lands; then ask again.
  setTimeout(renderFindings, 300);
});
$('next-tip').addEventListener('click', () => renderTip(1));

// A site PostGuard does not cover yet. Its address is known through
// activeTab (granted by the click on the toolbar button); the browser then
// asks the user for that one site, and the background registers the content
// scripts there and runs them in this tab, so the draft is checked at once.
function offerToAdd(tab) {
  const origin = tab?.url ? originOf(tab.url) : null;
  if (!origin || covered(api, origin)) return;
  $('add-host').textContent = new URL(tab.url).host.replace(/^www\./, '');
  $('add').hidden = false;
  $('add-site').addEventListener('click', async () => {
    // Asked before any other await: the request needs the click's user gesture.
    const granted = await api.permissions.request({ origins: [origin] }).catch(() => false);
    if (!granted) {
      $('add-state').textContent = 'Not added: the browser did not get your permission for this site.';
      return;
    }
    $('add-state').textContent = 'Adding…';
    await api.runtime.sendMessage({ type: 'addSite', tabId });
    // The scripts start in the tab now; give them a moment to answer.
    let answer = null;
    for (let i = 0; i < 20 && !answer; i += 1) {
      answer = await askTab();
      if (!answer) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!answer) {
      $('add-state').textContent = 'Added. Reload the page to start checking it.';
      return;
    }
    $('add').hidden = true;
    $('unsupported').hidden = true;
    host = answer.host;
    await renderSite();
    await renderFindings();
    $('switch').focus();
  });
}

const tab = await currentTab();
tabId = tab?.id ?? null;
const answer = tabId === null ? null : await askTab();
if (answer) {
  host = answer.host;
  await renderSite();
  await renderFindings();
  if (answer.siteId) {
    $('accounts').hidden = false;
    await showAccounts($('account-list'), $('no-accounts'), { siteId: answer.siteId, active: answer.account });
  }
} else {
  $('unsupported').hidden = false;
  offerToAdd(tab);
}
// A new tip each time the popup opens.
await renderTip(1);
