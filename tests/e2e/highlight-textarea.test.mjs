// Textareas: findings are drawn by an overlay outside the field, which must
// sit exactly over the risky characters. Positions are checked against a
// monospace field's own geometry (border + padding + column × glyph width),
// computed here without PostGuard's mirror, while typing, scrolling the
// field, its container and the page, resizing the field and the window,
// zooming the page, and inside fixed and transformed containers.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { modelText, overlayMarks, waitForNoMarks, waitForOverlayMark } from './lib/page.mjs';

// Where the field itself draws character `col` of visual line `line`. In a
// scaled or zoomed container every length is drawn `scale` times larger.
function expectedBox(page, selector, line, col, length) {
  return page.$eval(
    selector,
    (ta, [line, col, length]) => {
      const style = getComputedStyle(ta);
      const ctx = document.createElement('canvas').getContext('2d');
      ctx.font = `${style.fontSize} ${style.fontFamily}`;
      const glyph = ctx.measureText('0'.repeat(100)).width / 100;
      const rect = ta.getBoundingClientRect();
      const scale = rect.width / ta.offsetWidth;
      const lineHeight = parseFloat(style.lineHeight);
      const left = rect.left + scale * (parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft) + col * glyph - ta.scrollLeft);
      const top = rect.top + scale * (parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop) + line * lineHeight - ta.scrollTop);
      return { left, right: left + scale * length * glyph, top, bottom: top + scale * lineHeight };
    },
    [line, col, length],
  );
}

async function markFor(page, text) {
  const marks = await overlayMarks(page);
  const mark = marks.find((m) => m.text === text);
  assert.ok(mark, `an overlay mark reads "${text}" (have ${JSON.stringify(marks.map((m) => m.text))})`);
  return mark;
}

function assertOver(mark, box, label) {
  const r = mark.rects[0];
  assert.ok(Math.abs(r.left - box.left) <= 1.5, `${label}: mark starts at x=${r.left}, the word at x=${box.left}`);
  assert.ok(Math.abs(r.right - box.right) <= 1.5, `${label}: mark ends at x=${r.right}, the word at x=${box.right}`);
  assert.ok(r.top >= box.top - 1.5 && r.bottom <= box.bottom + 1.5, `${label}: mark y ${r.top}..${r.bottom} outside the line ${box.top}..${box.bottom}`);
}

describe('textarea overlay', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  it('marks lie over the words, on the first line and after the field scrolls', async () => {
    const page = await browser.open('https://old.reddit.com/r/test/submit');
    await page.click('#plain');
    await page.keyboard.type('what the fuck');
    await waitForOverlayMark(page, 'fuck');
    assertOver(await markFor(page, 'fuck'), await expectedBox(page, '#plain', 0, 9, 4), 'first line');

    // Twelve more lines: the field scrolls to keep the caret in view.
    for (let i = 1; i <= 12; i += 1) {
      await page.keyboard.press('Enter');
      await page.keyboard.type(i === 12 ? 'card 4111 1111 1111 1111' : `line ${i}`);
    }
    await waitForOverlayMark(page, '4111 1111 1111 1111');
    const scrolled = await page.$eval('#plain', (ta) => ta.scrollTop);
    assert.ok(scrolled > 0, 'the field scrolled');
    assertOver(await markFor(page, '4111 1111 1111 1111'), await expectedBox(page, '#plain', 12, 5, 19), 'scrolled field');

    // Scrolling the field back up moves the marks with the text.
    await page.$eval('#plain', (ta) => (ta.scrollTop = 0));
    await page.waitForTimeout(100);
    assertOver(await markFor(page, 'fuck'), await expectedBox(page, '#plain', 0, 9, 4), 'field scrolled back');

    // Scrolling the page moves field and marks together.
    await page.evaluate(() => window.scrollBy(0, 25));
    await page.waitForTimeout(100);
    assertOver(await markFor(page, 'fuck'), await expectedBox(page, '#plain', 0, 9, 4), 'page scrolled');
    await page.close();
  });

  it('a field inside a scrolling container keeps its marks', async () => {
    const page = await browser.open('https://old.reddit.com/r/test/submit');
    await page.click('#nested');
    await page.keyboard.type('no shit');
    await waitForOverlayMark(page, 'shit');
    assertOver(await markFor(page, 'shit'), await expectedBox(page, '#nested', 0, 3, 4), 'before scrolling');
    await page.$eval('#scroller', (s) => (s.scrollTop = 60));
    await page.waitForTimeout(100);
    assertOver(await markFor(page, 'shit'), await expectedBox(page, '#nested', 0, 3, 4), 'container scrolled');
    await page.close();
  });

  it('resizing the field re-wraps the marks with the text; resizing the window moves them with the field', async () => {
    const page = await browser.open('https://old.reddit.com/r/test/submit');
    await page.click('#plain');
    await page.keyboard.type(`${'x'.repeat(20)} fuck`);
    await waitForOverlayMark(page, 'fuck');
    assertOver(await markFor(page, 'fuck'), await expectedBox(page, '#plain', 0, 21, 4), 'before resizing');
    // 200 px hold 20 columns: the word wraps to the second line.
    await page.$eval('#plain', (ta) => (ta.style.width = '200px'));
    await page.waitForTimeout(100);
    assertOver(await markFor(page, 'fuck'), await expectedBox(page, '#plain', 1, 0, 4), 'narrower field');
    await page.close();

    const fixed = await browser.open('https://old.reddit.com/__fixture__/geometry.html');
    await fixed.click('#fixed');
    await fixed.keyboard.type('what the fuck');
    await waitForOverlayMark(fixed, 'fuck');
    const before = await expectedBox(fixed, '#fixed', 0, 9, 4);
    // The panel is pinned to the bottom right corner: a smaller window moves it.
    await fixed.setViewportSize({ width: 900, height: 650 });
    await fixed.waitForTimeout(100);
    const after = await expectedBox(fixed, '#fixed', 0, 9, 4);
    assert.ok(before.left - after.left > 150 && before.top - after.top > 100, 'the field moved');
    assertOver(await markFor(fixed, 'fuck'), after, 'smaller window');
    await fixed.close();
  });

  it('a field in a position:fixed panel keeps its marks while the page scrolls', async () => {
    const page = await browser.open('https://old.reddit.com/__fixture__/geometry.html');
    await page.click('#fixed');
    await page.keyboard.type('what the fuck');
    await waitForOverlayMark(page, 'fuck');
    assertOver(await markFor(page, 'fuck'), await expectedBox(page, '#fixed', 0, 9, 4), 'fixed panel');
    await page.evaluate(() => window.scrollBy(0, 400));
    await page.waitForTimeout(100);
    assertOver(await markFor(page, 'fuck'), await expectedBox(page, '#fixed', 0, 9, 4), 'fixed panel, page scrolled');
    await page.close();
  });

  it('a field in a CSS-transformed (moved and scaled) card, and a zoomed page, keep their marks', async () => {
    const page = await browser.open('https://old.reddit.com/__fixture__/geometry.html');
    await page.click('#transformed');
    await page.keyboard.type('what the fuck');
    await waitForOverlayMark(page, 'fuck');
    const box = await expectedBox(page, '#transformed', 0, 9, 4);
    assert.ok(box.right - box.left > 4 * 9 * 1.2, 'the card is drawn scaled');
    assertOver(await markFor(page, 'fuck'), box, 'transformed card');
    await page.evaluate(() => window.scrollBy(0, 30));
    await page.waitForTimeout(100);
    assertOver(await markFor(page, 'fuck'), await expectedBox(page, '#transformed', 0, 9, 4), 'transformed card, page scrolled');

    await page.click('#fixed');
    await page.keyboard.type('no shit');
    await waitForOverlayMark(page, 'shit');
    await page.evaluate(() => (document.body.style.zoom = '1.5'));
    await page.waitForTimeout(400);
    const zoomed = await expectedBox(page, '#transformed', 0, 9, 4);
    assert.ok(zoomed.right - zoomed.left > 4 * 9 * 1.8, 'the page is zoomed');
    assertOver(await markFor(page, 'fuck'), zoomed, 'zoomed page, transformed card');
    assertOver(await markFor(page, 'shit'), await expectedBox(page, '#fixed', 0, 3, 4), 'zoomed page, fixed panel');
    await page.close();
  });

  it('React autosize textarea on Mastodon: marks follow as the field grows, vanish when the text goes', async () => {
    const page = await browser.open('https://mastodon.social/home');
    await page.click('textarea');
    await page.keyboard.type('one\ntwo\nthree\nfour\nfive\nwhat the fuck');
    await waitForOverlayMark(page, 'fuck');
    const mark = await markFor(page, 'fuck');
    const field = await page.$eval('textarea', (ta) => {
      const r = ta.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, lineHeight: parseFloat(getComputedStyle(ta).lineHeight) };
    });
    const r = mark.rects[0];
    assert.ok(r.left > field.left && r.right < field.right, 'mark inside the field horizontally');
    // The sixth line is the last one of the grown field.
    assert.ok(r.bottom <= field.bottom && r.top >= field.bottom - 3 * field.lineHeight, `mark on the last line (${r.top} in ${field.top}..${field.bottom})`);
    assert.equal(await modelText(page), 'one\ntwo\nthree\nfour\nfive\nwhat the fuck');
    // react-textarea-autosize measures with a hidden copy of the field
    // (aria-hidden): not a box anyone types in, so no overlay and no chip.
    const ui = await page.evaluate(() => ({
      fields: document.querySelectorAll('textarea').length,
      overlays: document.querySelectorAll('postguard-marks').length,
      chips: document.querySelectorAll('postguard-chip').length,
    }));
    assert.deepEqual(ui, { fields: 2, overlays: 1, chips: 1 });

    for (let i = 0; i < 4; i += 1) await page.keyboard.press('Backspace');
    await waitForNoMarks(page);
    await page.close();
  });

  it('the service worker logged no errors', () => {
    assert.deepEqual(browser.errors, []);
  });
});
