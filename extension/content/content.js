// The glue in each page: follows the compose boxes, sends their text to the
// background's core at most once per animation frame, draws the answer only
// if the text is still the same, and reacts to the user's settings (a site
// switched off in the popup goes quiet at once, without a reload).
'use strict';

(() => {
  const PG = (globalThis.PostGuard ??= {});

  const api = globalThis.browser ?? globalThis.chrome;
  const HOST = location.hostname;
  // Longer drafts are checked up to here; the summary and the popup say so.
  const MAX_TEXT = 100_000;
  PG.MAX_TEXT = MAX_TEXT;

  const composers = new Map(); // root -> Composer
  let stopWatching = null;
  let stopGate = null;
  let stopAccount = null;
  let enabled = false;
  let lastReport = '';

  class Composer {
    constructor(root, kind) {
      this.root = root;
      this.kind = kind;
      this.findings = []; // shown findings, each with its `text`
      this.checked = null; // the text the findings belong to
      this.truncated = false;
      this.ignored = new Set();
      this.seq = 0;
      this.frame = 0;
      this.sentThisFrame = false;
      this.walk = null;
      this.asking = null; // {question, done}: the check on its way
      this.schedule = this.schedule.bind(this);
      root.addEventListener('input', this.schedule);
      root.addEventListener('compositionend', this.schedule);
      root.addEventListener('focus', this.schedule);
      // Editors also change their DOM without input events (paste handling,
      // the site clearing the box after posting); ranges must follow.
      if (kind === 'editable') {
        this.observer = new MutationObserver(this.schedule);
        this.observer.observe(root, { childList: true, characterData: true, subtree: true });
      }
      this.detachCard = PG.card.attach(this);
      this.detachChip = PG.chip.attach(this);
      PG.summary.prepare();
      // A new audience under the same text: checked again (see run).
      this.stopSurface = PG.composers.watchSurface(root, this.schedule);
      this.schedule();
    }

    destroy() {
      cancelAnimationFrame(this.frame);
      this.seq += 1;
      this.root.removeEventListener('input', this.schedule);
      this.root.removeEventListener('compositionend', this.schedule);
      this.root.removeEventListener('focus', this.schedule);
      this.observer?.disconnect();
      this.detachCard();
      this.detachChip();
      this.stopSurface();
      if (this.kind === 'textarea') PG.textareaHighlights.remove(this.root);
      else PG.editableHighlights.clear(this.root);
    }

    // At most one check per animation frame, started at once: the first
    // change of a frame is read and sent right away, so its underline can be
    // painted in the next frame; later changes in the same frame wait for
    // the next one, which reads the newest text.
    schedule() {
      if (!alive()) {
        retire();
        return;
      }
      if (this.frame) return;
      if (!this.sentThisFrame) {
        this.sentThisFrame = true;
        requestAnimationFrame(() => {
          this.sentThisFrame = false;
        });
        this.run();
        return;
      }
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.schedule();
      });
    }

    read() {
      if (this.kind === 'textarea') return { text: this.root.value };
      // One character past the limit tells the draft was cut (see run).
      this.walk = PG.walkText(this.root, MAX_TEXT + 1);
      return this.walk;
    }

    async run(force = false) {
      const { text } = this.read();
      // The audience can change under the same text (Mastodon's visibility
      // switched to direct): the check is due again.
      const context = contextFor(this.root);
      const audience = `${context.surface}\u0000${context.replyTo ?? ''}`;
      if (!force && text === this.checked && audience === this.audience) {
        // Same text, maybe new nodes: only the ranges need rebuilding.
        this.draw(this.findings);
        return;
      }
      // Editors that re-render after the browser's own edit (Slate, Draft.js)
      // change nodes but not the text: the answer on its way covers it, and
      // asking again would only make the underline wait for the second one.
      // Callers that wait for a fresh check (the gate) wait for that answer.
      const question = `${audience}\u0000${text}`;
      if (!force && question === this.asking?.question) return this.asking.done;
      this.audience = audience;
      const seq = ++this.seq;
      this.asking = null;
      if (!text.trim()) {
        this.show(text, [], false);
        return;
      }
      const done = this.ask(seq, text, context, force);
      this.asking = { question, done };
      await done;
      if (this.asking?.done === done) this.asking = null;
    }

    /** Sends `text` to the core and shows the answer if it is still wanted. */
    async ask(seq, text, context, force) {
      let answer;
      try {
        answer = await send({ type: 'check', text: text.slice(0, MAX_TEXT), context, fresh: force });
      } catch {
        if (seq === this.seq) this.show(text, [], false);
        return;
      }
      if (seq !== this.seq || !enabled) return;
      // The user kept typing while the core worked: a newer check is due.
      if (this.read().text !== text) {
        this.schedule();
        return;
      }
      this.show(text, answer.findings ?? [], text.length > MAX_TEXT);
    }

    show(text, findings, truncated) {
      this.checked = text;
      this.truncated = truncated;
      this.findings = findings
        .map((f) => ({ ...f, text: text.slice(f.start, f.end) }))
        .filter((f) => !this.ignored.has(ignoreKey(f)));
      this.draw(this.findings);
      PG.summary.announce(this.findings, truncated, !text.trim());
      reportSoon();
    }

    draw(findings) {
      if (this.kind === 'textarea') {
        PG.textareaHighlights.set(this.root, this.root.value, findings);
        return;
      }
      const walk = this.walk ?? this.read();
      const marks = [];
      for (const f of findings) {
        const range = PG.rangeFor(walk, f.start, f.end);
        if (range) marks.push({ range, severity: f.severity });
      }
      PG.editableHighlights.set(this.root, marks);
    }

    // For the card (see card.js).

    findingAtPoint(x, y) {
      if (this.kind === 'textarea') {
        const index = PG.textareaHighlights.findingAt(this.root, x, y);
        return this.findings[index] ?? null;
      }
      const walk = this.walk ?? this.read();
      return (
        this.findings.find((f) => {
          const range = PG.rangeFor(walk, f.start, f.end);
          return range && [...range.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom + 4);
        }) ?? null
      );
    }

    findingAtCaret() {
      let caret;
      if (this.kind === 'textarea') {
        caret = this.root.selectionStart;
      } else {
        const selection = getSelection();
        if (!selection.rangeCount || !this.root.contains(selection.focusNode)) return null;
        caret = PG.offsetOf(this.walk ?? this.read(), selection.focusNode, selection.focusOffset);
      }
      return this.findings.find((f) => f.start <= caret && caret <= f.end) ?? null;
    }

    rectOf(finding) {
      if (this.kind === 'textarea') return PG.textareaHighlights.rectsOf(this.root, this.findings.indexOf(finding))[0] ?? this.root.getBoundingClientRect();
      const range = PG.rangeFor(this.walk ?? this.read(), finding.start, finding.end);
      return range?.getClientRects()[0] ?? this.root.getBoundingClientRect();
    }

    /** Runs a card action; resolves to a message for the user if it failed. */
    async act(finding, kind) {
      if (kind === 'ignore') {
        this.ignored.add(ignoreKey(finding));
        this.show(this.checked ?? '', this.findings, this.truncated);
        return null;
      }
      if (kind === 'allow') {
        await updateSettings((s) => {
          if (!s.allowList.includes(finding.text)) s.allowList.push(finding.text);
        });
        return null;
      }
      const done = await PG.edits.apply(this, kind, finding.start, finding.end, finding.text);
      return done ? null : 'This editor did not accept the change. Please edit the text yourself.';
    }
  }

  const ignoreKey = (f) => `${f.category}\u0000${f.text}`;

  // The background adds the kinds the user gave these accounts.
  function contextFor(root) {
    const context = { site: HOST, siteId: PG.account.siteId, surface: PG.composers.surfaceFor(root) };
    const account = PG.account.current;
    if (account) context.account = { handle: account.handle };
    if (account && PG.account.previous) context.previousAccount = { handle: PG.account.previous.handle };
    const replyTo = PG.account.replyTo(root);
    if (replyTo) context.replyTo = replyTo;
    return context;
  }

  // The service worker may be asleep or restarting: one retry covers the
  // gap. A gone extension (updated or removed) means this script is orphaned.
  async function send(message) {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const answer = await api.runtime.sendMessage(message);
        if (!answer || answer.error) throw new Error(answer?.error ?? 'no answer');
        return answer;
      } catch (error) {
        if (!alive()) {
          retire();
          throw error;
        }
        if (attempt >= 1) throw error;
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }
  }

  let reportTimer = 0;
  function reportSoon() {
    clearTimeout(reportTimer);
    reportTimer = setTimeout(report, 50);
  }

  // Badge: the number of high findings in this tab, or "off".
  function report() {
    const all = [...composers.values()].flatMap((c) => c.findings);
    const message = { type: 'report', disabled: !enabled, high: all.filter((f) => f.severity === 'high').length };
    const key = JSON.stringify(message);
    if (key === lastReport) return;
    lastReport = key;
    send(message).catch(() => {});
  }

  async function readSettings() {
    const got = await api.storage.local.get('settings');
    // Damaged settings (not an object) read as none; see shared/settings.js.
    const value = got.settings;
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  }

  // Content scripts cannot import the settings module; the popup and the
  // options page validate, here a list is only extended.
  async function updateSettings(change) {
    const settings = await readSettings();
    settings.allowList = Array.isArray(settings.allowList) ? settings.allowList : [];
    change(settings);
    await api.storage.local.set({ settings });
  }

  function start() {
    if (stopWatching) return;
    // A new acting account or a recent switch changes every draft's context.
    let who = '';
    stopAccount = PG.account.subscribe(() => {
      const now = `${PG.account.current?.handle}\u0000${PG.account.previous?.handle}`;
      if (now === who) return;
      who = now;
      for (const composer of composers.values()) composer.run(true);
    });
    PG.account.start();
    stopGate = PG.gate.start(() => [...composers.values()]);
    stopWatching = PG.composers.watch(
      (root, kind) => composers.set(root, new Composer(root, kind)),
      (root) => {
        composers.get(root)?.destroy();
        composers.delete(root);
        reportSoon();
      },
    );
  }

  function stop() {
    stopWatching?.();
    stopWatching = null;
    stopGate?.();
    stopGate = null;
    stopAccount?.();
    stopAccount = null;
    PG.account.stop();
    PG.card.close();
    PG.summary.clear();
  }

  async function applySettings(settings) {
    const hosts = Array.isArray(settings.disabledHosts) ? settings.disabledHosts : [];
    const wasEnabled = enabled;
    enabled = !hosts.includes(HOST);
    if (enabled && !wasEnabled) start();
    else if (!enabled && wasEnabled) stop();
    else if (enabled) for (const composer of composers.values()) composer.run(true);
    reportSoon();
  }

  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes.settings) applySettings(changes.settings.newValue ?? {});
  });

  // The popup asks an open tab what it found.
  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== api.runtime.id || message?.type !== 'findings') return false;
    const list = [...composers.values()];
    sendResponse({
      host: HOST,
      siteId: PG.account.siteId,
      account: PG.account.current?.handle ?? null,
      enabled,
      truncated: list.some((c) => c.truncated),
      findings: list.flatMap((c) =>
        c.findings.map(({ category, severity, message: text, lesson, text: excerpt }) => ({ category, severity, message: text, lesson, excerpt })),
      ),
    });
    return false;
  });

  // After the extension is updated or reloaded, this copy is orphaned: its
  // extension APIs are gone (runtime.id reads undefined) while its listeners,
  // marks and chips stay in the page, and the background starts a new copy
  // in a fresh isolated world. An orphan retires as soon as it notices, and
  // at once when a new copy announces itself (a DOM event crosses worlds),
  // so two copies never draw over one draft. A live copy ignores the
  // announcement, whoever sends it.
  const STARTED = 'postguard-started';
  const alive = () => Boolean(api.runtime?.id);
  let retired = false;
  function retire() {
    if (retired) return;
    retired = true;
    enabled = false;
    document.removeEventListener(STARTED, onStarted);
    stop();
    // Removing the boxes queued a badge report that can no longer be sent.
    clearTimeout(reportTimer);
  }
  function onStarted() {
    if (!alive()) retire();
  }
  document.dispatchEvent(new CustomEvent(STARTED));
  document.addEventListener(STARTED, onStarted);

  readSettings().then(applySettings, () => applySettings({}));
})();
