// Launches Chromium with the built extension (dist/chrome) and serves the
// fixture pages at the real sites' URLs, with strict CSP headers like the
// real sites send. Records every network request and every console error
// of the service worker and the extension's pages, for the tests to check.

import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFixtures, OUT } from '../build-fixtures.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const DIST = join(ROOT, 'dist/chrome');

// Host -> fixture page. Every path on the host serves the same page.
export const PAGES = {
  'x.com': 'x.html',
  'twitter.com': 'x.html',
  'www.linkedin.com': 'linkedin.html',
  'www.facebook.com': 'facebook.html',
  'www.threads.net': 'facebook.html',
  'bsky.app': 'bsky.html',
  'mastodon.social': 'mastodon.html',
  'old.reddit.com': 'reddit.html',
  // Slate is not known to run on a covered site; it stands in here for the
  // many editors built on it, at a covered host.
  'www.reddit.com': 'slate.html',
  // Another Mastodon instance: not in the manifest, added by the user.
  'fosstodon.org': 'mastodon.html',
  // Not in the manifest: PostGuard must not run there.
  'example.org': 'plain.html',
};

// What the real sites send, minus their CDNs: notably no 'wasm-unsafe-eval'.
export const SITE_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'";

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/**
 * Answers `route` with the built fixture `page`, or with the fixture NAME
 * for `/__fixture__/NAME` (the pages' scripts and styles), under SITE_CSP.
 */
export async function serveFixture(route, page) {
  const { pathname } = new URL(route.request().url());
  const file = pathname.startsWith('/__fixture__/') ? pathname.slice('/__fixture__/'.length) : page;
  if (file.includes('/') || file.includes('..')) return route.fulfill({ status: 404 });
  try {
    const body = await readFile(join(OUT, file));
    return route.fulfill({
      status: 200,
      headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': SITE_CSP },
      body,
    });
  } catch {
    return route.fulfill({ status: 404 });
  }
}

/**
 * Who made a request: the service worker, an extension page or a web page.
 * A navigation that opens a new window (the popup) has no frame yet, and
 * Playwright throws when asked for it: such a request is classed by the
 * address it loads.
 */
function requestSource(request) {
  if (request.serviceWorker()) return 'worker';
  let frameUrl;
  try {
    frameUrl = request.frame()?.url();
  } catch {
    frameUrl = request.url();
  }
  return frameUrl?.startsWith('chrome-extension://') ? 'extension-page' : 'page';
}

/**
 * Starts a browser. `extension: false` runs the same pages without
 * PostGuard (for before/after comparisons). `grantedSites` (origin
 * patterns) are sites the user has allowed: Chromium's permission prompt
 * cannot be answered from a test (it is browser UI, out of Playwright's
 * reach), so the test copy of the extension is given them as host
 * permissions up front; everything after the grant runs as for a user.
 */
export async function launch({ extension = true, headless = true, grantedSites = [] } = {}) {
  if (extension && !existsSync(join(DIST, 'manifest.json'))) {
    throw new Error(`${DIST} is missing: run \`cargo xtask build\` in ${ROOT} first`);
  }
  await buildFixtures();
  const profile = await mkdtemp(join(tmpdir(), 'postguard-e2e-'));
  const dir = grantedSites.length ? await granting(profile, grantedSites) : DIST;
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (extension) args.push(`--disable-extensions-except=${dir}`, `--load-extension=${dir}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless,
    args,
    // Playwright adds --disable-extensions by default, which wins over --load-extension.
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: headless ? { width: 1100, height: 800 } : null,
  });

  const requests = []; // {url, from: 'page' | 'worker' | 'extension-page'}
  const errors = []; // console errors of the worker and extension pages
  context.on('request', (request) => {
    requests.push({ url: request.url(), from: requestSource(request) });
  });

  await context.route(/^https?:\/\//, async (route) => {
    const url = new URL(route.request().url());
    const page = PAGES[url.hostname];
    if (!page) return route.abort('blockedbyclient');
    return serveFixture(route, page);
  });

  let worker = null;
  let extensionId = null;
  if (extension) {
    worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 10_000 }).catch(async () => {
        await context.close();
        throw new Error(`PostGuard's service worker did not start: Chromium refused ${DIST} (a file named in manifest.json missing?)`);
      }));
    extensionId = new URL(worker.url()).host;
    watchWorker(worker, errors);
    context.on('serviceworker', (w) => watchWorker(w, errors));
  }
  context.on('page', (page) => {
    page.on('console', (m) => {
      if (m.type() === 'error' && page.url().startsWith('chrome-extension://')) errors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => {
      if (page.url().startsWith('chrome-extension://')) errors.push(`${page.url()}: ${e.message}`);
    });
  });

  return {
    context,
    worker: () => context.serviceWorkers()[0] ?? worker,
    extensionId,
    requests,
    errors,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

// A copy of dist/chrome whose manifest already holds `sites`.
async function granting(profile, sites) {
  const dir = join(profile, 'extension');
  await cp(DIST, dir, { recursive: true });
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions.push(...sites);
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

function watchWorker(worker, errors) {
  worker.on('console', (m) => {
    if (m.type() === 'error') errors.push(`service worker: ${m.text()}`);
  });
  // Uncaught errors do not reach the console API; report them through it.
  worker
    .evaluate(() => {
      self.addEventListener('error', (e) => console.error(`uncaught: ${e.message}`));
      self.addEventListener('unhandledrejection', (e) => console.error(`unhandled rejection: ${e.reason}`));
    })
    .catch(() => {});
}
