// Underlines findings in contenteditable editors with the CSS Custom
// Highlight API: ranges over the editor's own text nodes, painted by the
// browser, so not a single node is added inside the editor (Draft.js,
// Lexical, ProseMirror and Quill own their DOM and break when touched).
'use strict';

(() => {
  const PG = (globalThis.PostGuard ??= {});

  const SEVERITIES = ['high', 'medium', 'low'];
  // The registry is shared with the page, hence the prefix.
  const NAME = (severity) => `postguard-${severity}`;
  const byComposer = new Map(); // root -> [{range, severity}]
  // The highlights this copy registered. After an extension update a new copy
  // of the content scripts shares the registry with the old one; the old one
  // clearing its marks must not delete the new one's.
  const registered = new Map(); // name -> Highlight

  function redraw() {
    if (!globalThis.CSS?.highlights) return;
    for (const severity of SEVERITIES) {
      const ranges = [];
      for (const marks of byComposer.values()) {
        for (const mark of marks) if (mark.severity === severity) ranges.push(mark.range);
      }
      if (ranges.length) {
        const highlight = new Highlight(...ranges);
        // Above other extensions' and the page's own highlights.
        highlight.priority = 10 + SEVERITIES.length - SEVERITIES.indexOf(severity);
        CSS.highlights.set(NAME(severity), highlight);
        registered.set(NAME(severity), highlight);
      } else if (CSS.highlights.get(NAME(severity)) === registered.get(NAME(severity))) {
        CSS.highlights.delete(NAME(severity));
        registered.delete(NAME(severity));
      }
    }
  }

  PG.editableHighlights = {
    /** Replaces the marks of one editor: [{range, severity}]. */
    set(root, marks) {
      if (marks.length) byComposer.set(root, marks);
      else byComposer.delete(root);
      redraw();
    },
    clear(root) {
      if (byComposer.delete(root)) redraw();
    },
  };
})();
