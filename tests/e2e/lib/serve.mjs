// Serves one fixture page on every path of a host, for tests that need a
// page other than the host's default in browser.mjs (or a host it does not
// list): routes added later take precedence in Playwright.

import { serveFixture } from './browser.mjs';

/** Every page of `https://host/` is `page`; `/__fixture__/NAME` is the built fixture NAME. */
export async function servePage(context, host, page) {
  await context.route(`https://${host}/**`, (route) => serveFixture(route, page));
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
