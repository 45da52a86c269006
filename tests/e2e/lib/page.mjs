// Page-side helpers for the Chromium tests: PostGuard's marks as the page
// sees them and the editors' own idea of their text, through the in-page
// functions shared with the Firefox suite (tests/lib/in-page.mjs).

import * as inPage from '../../lib/in-page.mjs';

export const SEVERITIES = ['high', 'medium', 'low'];

/** {high: [text...], medium: [...], low: [...]}: the marks over editor text. */
export function highlights(page) {
  return page.evaluate(inPage.editorHighlights);
}

/** Waits until the `severity` highlight holds a range of editor text reading `text`. */
export async function waitForHighlight(page, severity, text, timeout = 5000) {
  await page.waitForFunction(inPage.hasEditorHighlight, [`postguard-${severity}`, text], { timeout });
}

/** Waits until PostGuard marks nothing, in editors or textarea overlays. */
export async function waitForNoMarks(page, timeout = 5000) {
  await page.waitForFunction(inPage.noMarks, null, { timeout });
}

/** Waits until no textarea overlay holds a mark. */
export async function waitForNoOverlayMarks(page, timeout = 5000) {
  await page.waitForFunction(inPage.noOverlayMarks, null, { timeout });
}

/** Overlay marks over textareas: [{text, severity, rects: [{left, top, right, bottom}]}]. */
export function overlayMarks(page) {
  return page.evaluate(inPage.overlayMarks);
}

export async function waitForOverlayMark(page, text, timeout = 5000) {
  await page.waitForFunction(inPage.hasOverlayMark, text, { timeout });
}

/** The text as the editor's own model has it (set up by each fixture). */
export function modelText(page, which = 'composer') {
  return page.evaluate(inPage.modelText, which);
}

/** The notes the textarea overlays show, visible ones only. */
export function overlayNotes(page) {
  return page.evaluate(inPage.overlayNotes);
}
