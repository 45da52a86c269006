// `cargo xtask demo`: Chromium with PostGuard (dist/chrome) on an X-like
// compose page served at https://x.com/compose/post, with a real Draft.js
// composer and a textarea, and a risky draft typed in. With a display the
// window stays open until closed; headless, it saves target/demo.png and
// prints what PostGuard found.

import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { launch, ROOT } from './lib/browser.mjs';
import { waitForHighlight, waitForOverlayMark } from './lib/page.mjs';

const POST = [
  'Big news: we are acquiring Northwind next week, still confidential until the press release.',
  'And honestly, what the fuck took the board so long?',
];
const MESSAGE = 'Booking the offsite now, use my card 4111 1111 1111 1111 and the key AKIAIOSFODNN7EXAMPLE';

const headed = Boolean(process.env.DISPLAY);
const browser = await launch({ headless: !headed });
try {
  const page = await browser.open('https://x.com/compose/post');
  if (!headed) await page.setViewportSize({ width: 1200, height: 760 });
  await page.click('[data-testid="tweetTextarea_0"]');
  for (const [i, line] of POST.entries()) {
    if (i) await page.keyboard.press('Enter');
    await page.keyboard.type(line, { delay: headed ? 25 : 0 });
  }
  await page.click('.x-dm-input');
  await page.keyboard.type(MESSAGE, { delay: headed ? 25 : 0 });
  await waitForHighlight(page, 'medium', 'fuck');
  await waitForOverlayMark(page, '4111 1111 1111 1111');

  // Open the card of the swear word, as hovering it would.
  const spot = await page.evaluate(() => {
    const range = [...CSS.highlights.get('postguard-medium')].find((r) => r.toString() === 'fuck');
    const box = range.getClientRects()[0];
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  });
  await page.mouse.move(spot.x, spot.y);
  await page.getByRole('dialog').waitFor();
  await page.waitForTimeout(300); // the card's fade-in

  const tabId = await browser.worker().evaluate(async () => (await chrome.tabs.query({ url: 'https://x.com/*' }))[0].id);
  const answer = await browser.worker().evaluate((id) => chrome.tabs.sendMessage(id, { type: 'findings' }), tabId);
  console.log(`PostGuard found ${answer.findings.length} things on ${answer.host}:`);
  for (const f of answer.findings) console.log(`  ${f.severity.padEnd(6)} ${f.category.padEnd(14)} "${f.excerpt}"  ${f.message}`);

  if (headed) {
    console.log('\nThe browser stays open; close its window to end the demo.');
    await new Promise((resolve) => browser.context.on('close', resolve));
  } else {
    const out = join(ROOT, 'target/demo.png');
    await mkdir(join(ROOT, 'target'), { recursive: true });
    await page.screenshot({ path: out });
    console.log(`\nScreenshot: ${out}`);
  }
} finally {
  await browser.close().catch(() => {});
}
