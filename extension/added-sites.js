// Sites the user added from the toolbar popup (another Mastodon instance, a
// forum): for every https site PostGuard holds permission for but that the
// manifest's content scripts do not cover, registers those same scripts with
// chrome.scripting (persisted across browser restarts), and unregisters them
// when the permission is taken back. The tab the site was added from gets
// the scripts at once, so the user need not reload and lose a draft; so do
// the open tabs of every site after an install or update.

// Registered scripts are named after their site, so a sync can tell ours
// from any other and which permission each one belongs to.
const PREFIX = 'added-site:';
// One site, not a pattern: "https://*/*" granted from the browser's own
// extension settings stays a permission, not a reason to run everywhere.
const ONE_SITE = /^https:\/\/[^/*]+\/\*$/;

/** The content scripts and styles, exactly as the manifest lists them. */
function scripts(api) {
  const [entry] = api.runtime.getManifest().content_scripts;
  return { js: entry.js, css: entry.css ?? [], matches: entry.matches };
}

// The origin pattern (scheme, host, "/*") of a page's URL; null unless https.
export function originOf(url) {
  try {
    const { protocol, host } = new URL(url);
    return protocol === 'https:' ? `${protocol}//${host}/*` : null;
  } catch {
    return null;
  }
}

/** Whether the manifest's own content scripts already run on `origin`. */
export function covered(api, origin) {
  return scripts(api).matches.includes(origin);
}

export function addedSites(api) {
  // Permission events, install and the popup may all ask at once; the
  // registry rejects a duplicate id, so syncs run one after another.
  let queue = Promise.resolve();

  async function syncNow() {
    const { js, css } = scripts(api);
    const granted = (await api.permissions.getAll()).origins ?? [];
    const wanted = new Set(granted.filter((o) => ONE_SITE.test(o) && !covered(api, o)));
    const ours = (await api.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(PREFIX));
    const stale = ours.filter((s) => !wanted.has(s.id.slice(PREFIX.length))).map((s) => s.id);
    if (stale.length) await api.scripting.unregisterContentScripts({ ids: stale });
    const have = new Set(ours.map((s) => s.id.slice(PREFIX.length)));
    const fresh = [...wanted].filter((o) => !have.has(o));
    if (fresh.length) {
      await api.scripting.registerContentScripts(
        fresh.map((origin) => ({
          id: PREFIX + origin,
          matches: [origin],
          js,
          css,
          runAt: 'document_idle',
          allFrames: false,
          persistAcrossSessions: true,
        })),
      );
    }
  }

  /** Makes the registered scripts match the granted sites. */
  function sync() {
    queue = queue.then(syncNow, syncNow);
    return queue;
  }

  /**
   * Runs the content scripts in an open tab of a just-added site, unless
   * they already run there (a second copy would draw every mark twice).
   */
  async function injectInto(tabId) {
    const target = { tabId };
    const [probe] = await api.scripting.executeScript({ target, func: () => Boolean(globalThis.PostGuard?.composers) });
    if (probe?.result) return;
    const { js, css } = scripts(api);
    await api.scripting.insertCSS({ target, files: css });
    await api.scripting.executeScript({ target, files: js });
  }

  /**
   * Runs the content scripts in the open tabs of every covered and added
   * site. Chrome runs a manifest's content scripts only in pages loaded
   * after an install or update, and an update leaves the old copies
   * orphaned (content.js retires them): without this, a tab holding a
   * draft would go unchecked until reloaded, and reloading loses the
   * draft. Firefox injects into open tabs itself.
   */
  async function injectIntoOpenTabs() {
    if (!api.runtime.getURL('').startsWith('chrome-extension:')) return;
    const added = (await api.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(PREFIX)).flatMap((s) => s.matches);
    // Host permissions let the URL filter match without the "tabs" permission.
    const tabs = await api.tabs.query({ url: [...scripts(api).matches, ...added], status: 'complete', discarded: false });
    // A tab may close or navigate meanwhile; the others still get theirs.
    await Promise.all(tabs.map((tab) => injectInto(tab.id).catch(() => {})));
  }

  return { sync, injectInto, injectIntoOpenTabs };
}
