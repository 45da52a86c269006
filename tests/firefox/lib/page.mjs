// Page-side helpers for the Firefox tests: PostGuard's marks as the page sees
// them (through the in-page functions shared with the Chromium suite,
// tests/lib/in-page.mjs), the card, and a look at the pixels under a word,
// to tell that Firefox really paints what was registered.

import { inflateSync } from 'node:zlib';

import * as inPage from '../../lib/in-page.mjs';

export const SEVERITIES = ['high', 'medium', 'low'];

/** {high: [text...], medium: [...], low: [...]}: the marks over editor text. */
export function highlights(page) {
  return page.evaluate(inPage.editorHighlights);
}

/** Waits until the `severity` highlight holds a range of editor text reading `text`. */
export async function waitForHighlight(page, severity, text, timeout = 5000) {
  await page.waitForFunction(inPage.hasEditorHighlight, { timeout, polling: 50 }, [`postguard-${severity}`, text]);
}

/** Waits until PostGuard marks nothing, in editors or textarea overlays. */
export async function waitForNoMarks(page, timeout = 5000) {
  await page.waitForFunction(inPage.noMarks, { timeout, polling: 50 });
}

/**
 * Where the first highlight range reading `text` sits: its first client rect
 * and whether the range lies inside `root` (the editor).
 */
export function highlightBox(page, text, root) {
  return page.evaluate(
    (wanted, selector) => {
      const editor = document.querySelector(selector);
      for (const name of ['postguard-high', 'postguard-medium', 'postguard-low']) {
        for (const range of CSS.highlights.get(name) ?? []) {
          if (range.toString() !== wanted) continue;
          const r = range.getClientRects()[0];
          return {
            name,
            inside: editor.contains(range.startContainer) && editor.contains(range.endContainer),
            left: r.left,
            top: r.top,
            right: r.right,
            bottom: r.bottom,
          };
        }
      }
      return null;
    },
    text,
    root,
  );
}

/** Overlay marks over textareas: [{text, severity, rects: [{left, top, right, bottom}]}]. */
export function overlayMarks(page) {
  return page.evaluate(inPage.overlayMarks);
}

export async function waitForOverlayMark(page, text, timeout = 5000) {
  await page.waitForFunction(inPage.hasOverlayMark, { timeout, polling: 50 }, text);
}

/** The card's accessible name and buttons, or null when no card is open. */
export function card(page) {
  return page.evaluate(() => {
    const dialog = document.querySelector('postguard-card')?.shadowRoot?.querySelector('[role="dialog"]');
    if (!dialog) return null;
    const active = document.querySelector('postguard-card').shadowRoot.activeElement;
    return {
      name: dialog.getAttribute('aria-label'),
      buttons: [...dialog.querySelectorAll('button.action')].map((b) => b.textContent),
      focused: active?.textContent ?? null,
      box: (({ left, top, right, bottom }) => ({ left, top, right, bottom }))(dialog.getBoundingClientRect()),
    };
  });
}

export async function waitForCard(page, timeout = 5000) {
  await page.waitForFunction(() => !!document.querySelector('postguard-card')?.shadowRoot?.querySelector('[role="dialog"]'), {
    timeout,
    polling: 50,
  });
  return card(page);
}

/** Clicks a button of the open card by its label. */
export async function clickCardButton(page, label) {
  const box = await page.evaluate((wanted) => {
    const dialog = document.querySelector('postguard-card').shadowRoot.querySelector('[role="dialog"]');
    const button = [...dialog.querySelectorAll('button')].find((b) => b.textContent === wanted);
    const r = button?.getBoundingClientRect();
    return r && { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 };
  }, label);
  if (!box) throw new Error(`the card has no "${label}" button`);
  await page.mouse.click(box.x, box.y);
}

/** The text as the editor's own model has it (set up by each fixture). */
export function modelText(page, which = 'composer') {
  return page.evaluate(inPage.modelText, which);
}

/**
 * How many pixels of the box {left, top, right, bottom} are within `tolerance`
 * (per channel) of `rgb`, from a screenshot of that box.
 */
export async function pixelsNear(page, box, rgb, tolerance = 40) {
  const clip = {
    x: Math.max(0, Math.floor(box.left)),
    y: Math.max(0, Math.floor(box.top)),
    width: Math.ceil(box.right - box.left),
    height: Math.ceil(box.bottom - box.top),
  };
  const png = await page.screenshot({ clip, type: 'png' });
  const { width, height, pixel } = decodePng(Buffer.from(png));
  let count = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const [r, g, b] = pixel(x, y);
      if (Math.abs(r - rgb[0]) <= tolerance && Math.abs(g - rgb[1]) <= tolerance && Math.abs(b - rgb[2]) <= tolerance) count += 1;
    }
  }
  return count;
}

// Screenshots are 8-bit RGB or RGBA, non-interlaced PNGs: enough of a
// decoder for them (IHDR, IDAT, the five row filters), no dependency.
function decodePng(buf) {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('latin1', offset + 4, offset + 8);
    const body = buf.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, color, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || interlace !== 0 || (color !== 2 && color !== 6)) throw new Error(`unsupported PNG (depth ${depth}, color ${color})`);
      channels = color === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      data.push(body);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i += 1) {
      const a = i >= channels ? out[y * stride + i - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + i] : 0;
      const c = i >= channels && y > 0 ? out[(y - 1) * stride + i - channels] : 0;
      let value = row[i];
      if (filter === 1) value += a;
      else if (filter === 2) value += b;
      else if (filter === 3) value += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        value += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + i] = value & 0xff;
    }
  }
  return { width, height, pixel: (x, y) => out.subarray(y * stride + x * channels, y * stride + x * channels + 3) };
}
