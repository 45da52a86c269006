// Functions that run inside a test page, shared by the Chromium (Playwright)
// and Firefox (puppeteer) suites: each takes at most one argument and uses
// nothing from outside its body, since the drivers send its source to the
// page. They read PostGuard's marks as the page sees them: CSS.highlights is
// one registry shared by the page and the content scripts, holding ranges
// over the editors' own text and over the mirror text of the textarea
// overlays (open shadow roots of <postguard-marks> hosts).

/** {high: [text...], medium: [...], low: [...]}: the marks over editor text. */
export function editorHighlights() {
  const out = {};
  for (const severity of ['high', 'medium', 'low']) {
    const ranges = [...(CSS.highlights.get(`postguard-${severity}`) ?? [])];
    out[severity] = ranges.filter((r) => r.startContainer.getRootNode().host?.localName !== 'postguard-marks').map((r) => r.toString());
  }
  return out;
}

/** Whether the highlight `name` holds a range over editor text reading `wanted`. */
export function hasEditorHighlight([name, wanted]) {
  const ranges = [...(CSS.highlights.get(name) ?? [])];
  return ranges.some((r) => r.startContainer.getRootNode().host?.localName !== 'postguard-marks' && r.toString() === wanted);
}

/** Textarea overlay marks: [{text, severity, rects: [{left, top, right, bottom}]}]. */
export function overlayMarks() {
  const out = [];
  for (const severity of ['high', 'medium', 'low']) {
    for (const range of CSS.highlights.get(`postguard-${severity}`) ?? []) {
      if (range.startContainer.getRootNode().host?.localName !== 'postguard-marks') continue;
      const rects = [...range.getClientRects()].map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
      out.push({ text: range.toString(), severity, rects });
    }
  }
  return out;
}

/** Whether an overlay mark reads `wanted`. */
export function hasOverlayMark(wanted) {
  return ['high', 'medium', 'low'].some((severity) =>
    [...(CSS.highlights.get(`postguard-${severity}`) ?? [])].some(
      (r) => r.startContainer.getRootNode().host?.localName === 'postguard-marks' && r.toString() === wanted,
    ),
  );
}

/** Whether PostGuard marks nothing at all, in editors or overlays. */
export function noMarks() {
  return ['high', 'medium', 'low'].every((severity) => !CSS.highlights.get(`postguard-${severity}`)?.size);
}

/** Whether no textarea overlay holds a mark. */
export function noOverlayMarks() {
  return ['high', 'medium', 'low'].every((severity) =>
    [...(CSS.highlights.get(`postguard-${severity}`) ?? [])].every((r) => r.startContainer.getRootNode().host?.localName !== 'postguard-marks'),
  );
}

/** The text as the editor's own model has it (set up by each fixture). */
export function modelText(which) {
  return window.fixtureText[which]();
}

/** The notes the textarea overlays show (where underlines stop), visible ones only. */
export function overlayNotes() {
  return [...document.querySelectorAll('postguard-marks')]
    .map((host) => host.shadowRoot.querySelector('.note'))
    .filter((note) => !note.hidden && note.getBoundingClientRect().height > 0)
    .map((note) => note.textContent);
}

/** A paste as the browser delivers it to the element `selector`: a paste event carrying `text`. */
export function pasteEvent([selector, text]) {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  document.querySelector(selector).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}
