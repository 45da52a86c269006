// Creates PostGuard's own UI: hosts, each an element outside any editor with
// an open shadow root, so the page's CSS cannot restyle our UI and ours cannot
// leak into the page. Styles go in as a constructed stylesheet (not subject
// to the page's CSP), with a <style> element where that is refused.
'use strict';

(() => {
  const PG = (globalThis.PostGuard ??= {});

  /**
   * A detached `<postguard-TAG>` host with `css` in its shadow root; the
   * caller places it. Returns {host, shadow}.
   */
  function shadowHost(tag, css) {
    const host = document.createElement(`postguard-${tag}`);
    host.setAttribute('data-postguard-ui', '');
    // Resets what page CSS could set on an unknown element.
    host.style.setProperty('all', 'initial', 'important');
    const shadow = host.attachShadow({ mode: 'open' });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      const style = document.createElement('style');
      style.textContent = css;
      shadow.append(style);
    }
    return { host, shadow };
  }

  /** A `tag` element with an optional class and text, for inside a host. */
  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  PG.shadowHost = shadowHost;
  PG.element = element;
})();
