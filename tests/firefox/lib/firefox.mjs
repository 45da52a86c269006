// Launches headless Debian Firefox ESR through puppeteer-core's WebDriver
// BiDi, installs the built add-on (dist/firefox) as a temporary add-on, and
// serves the fixture pages of tests/e2e at the real sites' URLs with the
// real sites' strict CSP, by answering the page's requests from BiDi network
// interception. Everything else Firefox would send goes to a loopback proxy
// that refuses it, so a run never leaves this machine. Collects the errors
// of the add-on (background, content scripts, popup) from Firefox's output.

import puppeteer from 'puppeteer-core';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// The fixture pages are the Chromium suite's; its node_modules (esbuild and
// the editors) are installed by `cargo xtask setup` before this runs.
import { buildFixtures, OUT } from '../../e2e/build-fixtures.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const DIST = join(ROOT, 'dist/firefox');
export const FIREFOX = process.env.POSTGUARD_FIREFOX ?? '/usr/bin/firefox-esr';

// A fixed internal UUID (Firefox otherwise draws one per profile), so the
// extension's own pages have a known moz-extension:// address.
export const UUID = '5a1e6c0d-3b7f-4e21-9c84-7d2f0b9e6a13';
export const EXTENSION_URL = `moz-extension://${UUID}/`;

// Host -> fixture page, as in tests/e2e/lib/browser.mjs (the hosts this
// subset uses). Every path on a host serves the same page.
export const PAGES = {
  'bsky.app': 'bsky.html',
  'www.facebook.com': 'facebook.html',
  'mastodon.social': 'mastodon.html',
  // Not in the manifest: PostGuard must not run there.
  'example.org': 'plain.html',
};

// What the real sites send, minus their CDNs: notably no 'wasm-unsafe-eval'
// (kept identical to tests/e2e/lib/browser.mjs).
export const SITE_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'";

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** The add-on's gecko id, from the built manifest. */
export function geckoId() {
  return JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
}

// Firefox phones home at startup and on timers (remote settings, telemetry,
// updates, captive portal, safe browsing, region, DNS over HTTPS). Those
// are switched off; whatever still tries goes through an HTTP proxy on
// 127.0.0.1 that answers 403, so no request and no DNS lookup (a proxied
// request is resolved by the proxy) leaves the machine.
function quietPrefs(proxyPort) {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.http.speculative-parallel-limit': 0,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'app.update.auto': false,
    'app.update.enabled': false,
    'app.normandy.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': '',
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'browser.ping-centre.telemetry': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.google.updateURL': '',
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'browser.search.update': false,
    'browser.newtabpage.enabled': false,
    'browser.topsites.contile.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.update.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'extensions.blocklist.enabled': false,
    'media.gmp-manager.updateEnabled': false,
    'geo.provider.network.url': '',
    // Remote settings only accept another server with the environment
    // variable set in launch(); this one is refused at once.
    'services.settings.server': 'http://127.0.0.1:9/v1',
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId()]: UUID }),
    // Console API calls of pages, content scripts and extension pages are
    // printed on stdout ("console.error: ..."), Firefox's own are not.
    'devtools.console.stdout.content': true,
    'devtools.console.stdout.chrome': false,
  };
}

/** A loopback proxy that refuses everything and records what was tried. */
async function blackhole() {
  const tried = [];
  const server = http.createServer((req, res) => {
    tried.push(req.url);
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    tried.push(`https://${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { tried, port: server.address().port, close: () => new Promise((ok) => server.close(ok)) };
}

/**
 * Starts Firefox with PostGuard installed. Returns helpers: open(url),
 * openPopup(siteUrl), errors (the add-on's), tried (requests the proxy
 * refused), close().
 */
export async function launch() {
  if (!existsSync(join(DIST, 'manifest.json'))) {
    throw new Error(`${DIST} is missing: run \`cargo xtask build\` in ${ROOT} first`);
  }
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing: run \`cargo xtask setup\` (apt-get install firefox-esr)`);
  await buildFixtures();
  const proxy = await blackhole();
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // Lets BiDi navigate a tab to the add-on's own pages (the popup);
      // without it Firefox refuses moz-extension:// navigation.
      args: ['--remote-allow-system-access'],
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: quietPrefs(proxy.port),
      defaultViewport: { width: 1100, height: 800 },
    });
  } catch (error) {
    await proxy.close();
    throw error;
  }

  const errors = [];
  const output = [];
  watchOutput(browser.process(), errors, output);

  const id = await browser.installExtension(DIST);

  async function open(url) {
    const page = await browser.newPage();
    await serveFixtures(page);
    page.on('pageerror', (e) => errors.push(`${page.url()}: uncaught ${e.message}`));
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  /**
   * The toolbar popup for the tab showing `siteUrl`, opened as a page in
   * its own window (like the real popup, the site's tab stays in front of
   * its window and keeps running).
   */
  async function openPopup(siteUrl) {
    const popup = await browser.newPage({ type: 'window' });
    popup.on('pageerror', (e) => errors.push(`popup: uncaught ${e.message}`));
    await extensionGoto(popup, `${EXTENSION_URL}popup/popup.html`);
    const tabId = await popup.evaluate(async (url) => (await browser.tabs.query({ url }))[0]?.id, siteUrl);
    if (!Number.isInteger(tabId)) throw new Error(`no tab shows ${siteUrl}`);
    await extensionGoto(popup, `${EXTENSION_URL}popup/popup.html?tab=${tabId}`);
    await popup.waitForSelector('#site:not([hidden]) #switch', { timeout: 5000 });
    return popup;
  }

  return {
    browser,
    id,
    errors,
    output,
    tried: proxy.tried,
    open,
    openPopup,
    async close() {
      await browser.close().catch(() => {});
      await proxy.close();
    },
  };
}

/**
 * Navigates a tab to an extension page. Firefox (153 ESR) does not report
 * the load of moz-extension:// documents to BiDi, so puppeteer's goto would
 * wait for its time-out; the page is polled instead.
 */
async function extensionGoto(page, url) {
  const going = page.goto(url, { waitUntil: 'load', timeout: 15_000 }).catch(() => {});
  const deadline = Date.now() + 10_000;
  for (;;) {
    const state = await page.evaluate(() => [location.href, document.readyState]).catch(() => null);
    if (state && state[0] === url && state[1] === 'complete') break;
    if (Date.now() > deadline) throw new Error(`${url} did not load (at ${state?.[0]})`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
  void going;
}

// Answers the page's requests from the fixtures, like the Chromium suite's
// context.route: the host picks the page, /__fixture__/NAME its assets.
async function serveFixtures(page) {
  await page.setRequestInterception(true);
  page.on('request', async (request) => {
    const url = new URL(request.url());
    const pageFile = url.protocol === 'https:' ? PAGES[url.hostname] : undefined;
    if (!pageFile) return request.abort('blockedbyclient');
    const file = url.pathname.startsWith('/__fixture__/') ? url.pathname.slice('/__fixture__/'.length) : pageFile;
    if (file.includes('/') || file.includes('..')) return request.respond({ status: 404, body: '' });
    try {
      const body = await readFile(join(OUT, file));
      return request.respond({
        status: 200,
        contentType: TYPES[extname(file)] ?? 'application/octet-stream',
        headers: { 'content-security-policy': SITE_CSP },
        body,
      });
    } catch {
      return request.respond({ status: 404, body: '' });
    }
  });
}

// Firefox prints uncaught errors as "JavaScript error: URL, line N: ..." and,
// with the prefs above, console API calls of web and extension contexts as
// "console.error: ...". Uncaught errors from the add-on's files and every
// console.error (the fixture pages log none) count as the add-on's errors.
function watchOutput(child, errors, output) {
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) {
        output.push(line);
        if (line.startsWith('JavaScript error: moz-extension://') || line.startsWith('console.error:')) errors.push(line);
      }
    });
  }
}
