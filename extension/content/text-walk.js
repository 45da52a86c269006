// The one walk over a contenteditable editor's DOM that both builds the text
// sent to the core and maps the core's UTF-16 offsets back to DOM ranges, so
// the two can never disagree. Every innermost block is a line and lines are
// joined with "\n"; a <br> followed by text in its line is a "\n", while the
// last <br> of a line is the placeholder editors keep in it and adds nothing.
// Parts the user cannot type in (contenteditable="false": placeholders,
// widgets) and the U+FEFF marks Slate keeps in empty lines are not text.
'use strict';

(() => {
  const PG = (globalThis.PostGuard ??= {});

  const BLOCKS = new Set([
    'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
    'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P',
    'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
  ]);
  const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IMG', 'SVG', 'VIDEO', 'AUDIO', 'CANVAS']);
  const ZERO_WIDTH = '\ufeff';

  /**
   * Returns {text, segments}; `segments` lists the text nodes in document
   * order with the offset in `text` where each one starts. With `limit`, the
   * walk stops once the text is longer than that: a 1 MB pasted document
   * is only checked in part, and walking all of it took a frame's time
   * three times over.
   */
  function walkText(root, limit = Infinity) {
    const segments = [];
    let text = '';
    let pendingSep = false; // a line ended; "\n" is owed before more content
    let pendingBr = 0; // <br>s in the current line not yet followed by text
    let lineOpen = false; // the current line has content

    const openLine = () => {
      if (pendingSep) text += '\n';
      pendingSep = false;
      lineOpen = true;
    };
    const flushLine = () => {
      if (pendingBr > 0) {
        openLine();
        text += '\n'.repeat(pendingBr - 1);
        pendingBr = 0;
      }
      if (lineOpen) pendingSep = true;
      lineOpen = false;
    };

    // Returns whether `el` holds a block, so that only innermost blocks are
    // lines (Draft.js nests two <div>s per line).
    const visit = (el) => {
      let holdsBlock = false;
      for (let child = el.firstChild; child && text.length <= limit; child = child.nextSibling) {
        if (child.nodeType === Node.TEXT_NODE) {
          if (!child.data || child.data === ZERO_WIDTH) continue;
          openLine();
          text += '\n'.repeat(pendingBr);
          pendingBr = 0;
          segments.push({ node: child, start: text.length });
          text += child.data;
        } else if (child.nodeType !== Node.ELEMENT_NODE || SKIP.has(child.tagName) || child.getAttribute('contenteditable') === 'false') {
          continue;
        } else if (child.tagName === 'BR') {
          pendingBr += 1;
        } else if (BLOCKS.has(child.tagName)) {
          holdsBlock = true;
          flushLine();
          // An innermost block is a line even when empty (<p></p>).
          if (!visit(child) && !lineOpen && pendingBr === 0) openLine();
          flushLine();
        } else if (visit(child)) {
          holdsBlock = true;
        }
      }
      return holdsBlock;
    };

    visit(root);
    return { text, segments };
  }

  // Index of the last segment starting at or before `offset`.
  function segmentAt(segments, offset) {
    let lo = 0;
    let hi = segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  // A DOM position for `offset`. Inside a "\n" between text nodes, a start
  // snaps forward to the next text and an end back to the previous one.
  function boundary(segments, offset, isEnd) {
    const i = segmentAt(segments, isEnd ? offset - 1 : offset);
    const seg = segments[i];
    if (seg) {
      const local = offset - seg.start;
      const length = seg.node.data.length;
      if (isEnd ? local <= length : local < length) return { node: seg.node, offset: local };
      if (isEnd) return { node: seg.node, offset: length };
    }
    const next = segments[i + 1];
    return next ? { node: next.node, offset: 0 } : null;
  }

  /** A Range over [start, end) of a walk's text, or null if it is gone. */
  function rangeFor(walk, start, end) {
    const from = boundary(walk.segments, start, false);
    const to = boundary(walk.segments, end, true);
    if (!from || !to) return null;
    const range = new Range();
    try {
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
    } catch {
      return null; // a node changed under us; the next check redraws
    }
    return range;
  }

  /** The text offset of a DOM position inside the walked root, or -1. */
  function offsetOf(walk, node, offset) {
    if (node.nodeType === Node.TEXT_NODE) {
      const seg = walk.segments.find((s) => s.node === node);
      return seg ? seg.start + offset : -1;
    }
    // An element position: the first text node at or after it.
    const probe = new Range();
    probe.setStart(node, offset);
    for (const seg of walk.segments) {
      if (probe.comparePoint(seg.node, 0) >= 0) return seg.start;
    }
    return walk.text.length;
  }

  PG.walkText = walkText;
  PG.rangeFor = rangeFor;
  PG.offsetOf = offsetOf;
})();
