// Page-side helpers for the tests: read PostGuard's highlights and overlay
// marks as the page sees them, and the editors' own idea of their text.

export const SEVERITIES = ['high', 'medium', 'low'];

/** {high: [text...], medium: [...], low: [...]} from CSS.highlights. */
export function highlights(page) {
  return page.evaluate((severities) => {
    const out = {};
    for (const s of severities) {
      const h = CSS.highlights.get(`postguard-${s}`);
      out[s] = h ? [...h].map((range) => range.toString()) : [];
    }
    return out;
  }, SEVERITIES);
}

/** Waits until the `severity` highlight holds a range reading `text`. */
export async function waitForHighlight(page, severity, text, timeout = 5000) {
  await page.waitForFunction(
    ([name, wanted]) => {
      const h = CSS.highlights.get(name);
      return !!h && [...h].some((range) => range.toString() === wanted);
    },
    [`postguard-${severity}`, text],
    { timeout },
  );
}

/** Waits until no PostGuard highlight and no overlay mark is left. */
export async function waitForNoMarks(page, timeout = 5000) {
  await page.waitForFunction(
    () => ['high', 'medium', 'low'].every((s) => !CSS.highlights.get(`postguard-${s}`)?.size) && !document.querySelector('postguard-marks'),
    null,
    { timeout },
  );
}

/** Overlay marks over textareas: [{text, severity, rects: [{left, top, right, bottom}]}]. */
export function overlayMarks(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('postguard-marks')].flatMap((host) =>
      [...host.shadowRoot.querySelectorAll('.mark')].map((mark) => ({
        text: mark.textContent,
        severity: [...mark.classList].find((c) => c !== 'mark'),
        rects: [...mark.getClientRects()].map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })),
      })),
    ),
  );
}

export async function waitForOverlayMark(page, text, timeout = 5000) {
  await page.waitForFunction(
    (wanted) => [...document.querySelectorAll('postguard-marks')].some((h) => [...h.shadowRoot.querySelectorAll('.mark')].some((m) => m.textContent === wanted)),
    text,
    { timeout },
  );
}

/** The text as the editor's own model has it (set up by each fixture). */
export function modelText(page, which = 'composer') {
  return page.evaluate((w) => window.fixtureText[w](), which);
}
