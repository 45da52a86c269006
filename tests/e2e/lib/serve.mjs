// Serves one fixture page on every path of a host, for tests that need a
// page other than the host's default in browser.mjs (or a host it does not
// list): routes added later take precedence in Playwright.

import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { SITE_CSP } from './browser.mjs';
import { OUT } from '../build-fixtures.mjs';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Every page of `https://host/` is `page`; `/__fixture__/NAME` is the built fixture NAME. */
export async function servePage(context, host, page) {
  await context.route(`https://${host}/**`, async (route) => {
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
  });
}

/** The text of every PostGuard chip on the page. */
export function chips(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('postguard-chip')].map((host) => host.shadowRoot.querySelector('.chip')).filter((c) => !c.hidden).map((c) => c.textContent),
  );
}

/** Waits until a chip reads `pattern` (a RegExp source and flags). */
export async function waitForChip(page, pattern, timeout = 5000) {
  await page.waitForFunction(
    ([source, flags]) =>
      [...document.querySelectorAll('postguard-chip')].some((host) => {
        const chip = host.shadowRoot.querySelector('.chip');
        return !chip.hidden && new RegExp(source, flags).test(chip.textContent);
      }),
    [pattern.source, pattern.flags],
    { timeout },
  );
}
