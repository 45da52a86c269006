// Site adapters, as data: where each site's compose boxes are, which pages
// are direct messages and where the active account is shown. Sites change
// their markup often, so each entry only adds knowledge on top of the
// generic fallback, which finds any textarea or rich-text box anyway.
'use strict';

(() => {
  const PG = (globalThis.PostGuard ??= {});

  /*
   * composers: CSS selectors of compose boxes, with the surface they write
   *   to when it is fixed by the box itself ("dm" for a message box).
   * dmPaths: path prefixes where every box writes a direct message.
   * account: where to read the acting account, first match wins: the
   *   element's text, or an attribute, through a pattern whose first group
   *   is the handle or name; `prefix` is put before a bare handle. Only
   *   what the page shows is read: never tokens, cookies, storage or
   *   Mastodon's #initial-state.
   * brandPaths: path prefixes where the acting identity is a company or
   *   brand page; a new account first seen there is registered as brand.
   * post: the Post/Send buttons, optionally only those whose text matches.
   * reply: where a reply composer names who it answers: the reply's
   *   container (`scope`, an ancestor of the box), then as for `account`;
   *   `near`: text shown next to the name ("Replying to"), in its parent or
   *   up to two ancestors more.
   * dmWhen: controls of the box's form (`scope`) that show the post goes to
   *   the people named in it only: a `selector`, with `text` the pattern
   *   its shown text must match when given.
   * detect: on a host not listed in `hosts` (a site the user added), the
   *   page's own markers that say it runs this site's software.
   */
  const SITES = [
    {
      id: 'x',
      name: 'X',
      hosts: ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'],
      composers: [
        { selector: '[data-testid^="tweetTextarea_"]' },
        { selector: '[data-testid="dmComposerTextInput"]', surface: 'dm' },
      ],
      dmPaths: ['/messages', '/i/chat'],
      account: [
        { selector: '[data-testid="SideNav_AccountSwitcher_Button"]', pattern: '(@\\w{1,15})' },
        { selector: 'a[data-testid="AppTabBar_Profile_Link"]', attribute: 'href', pattern: '^/(\\w{1,15})$', prefix: '@' },
      ],
      post: [
        { selector: '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]' },
        { selector: '[data-testid="dmComposerSendButton"], [data-testid="dm-composer-send-button"]' },
      ],
      reply: [{ scope: '[role="dialog"], [data-testid="inline_reply_offscreen"], [data-testid="cellInnerDiv"]', selector: 'a[href^="/"]', attribute: 'href', pattern: '^/(\\w{1,15})$', near: 'Replying to', prefix: '@' }],
    },
    {
      id: 'linkedin',
      name: 'LinkedIn',
      hosts: ['www.linkedin.com'],
      composers: [
        { selector: '.ql-editor' },
        { selector: '[role="textbox"][aria-label="Text editor for creating content"]' },
        { selector: '.msg-form__contenteditable', surface: 'dm' },
      ],
      dmPaths: ['/messaging'],
      account: [{ selector: '.share-unified-settings-entry-button', pattern: '^\\s*(\\S.*?)\\s*$' }],
      // A company page is managed (and posted from) under /company/{id}/admin.
      brandPaths: ['/company/'],
      post: [
        { selector: '.share-actions__primary-action' },
        { selector: '.comments-comment-box__submit-button, .comments-comment-box__submit-button--cr' },
        { selector: '.msg-form__send-button, .msg-form__send-btn' },
      ],
      reply: [],
    },
    {
      id: 'facebook',
      name: 'Facebook',
      hosts: ['www.facebook.com'],
      composers: [{ selector: '[role="textbox"][data-lexical-editor="true"]' }],
      dmPaths: ['/messages'],
      account: [
        {
          selector: '[role="textbox"][data-lexical-editor="true"][aria-label]',
          attribute: 'aria-label',
          pattern: "on your mind, (.+?)\\?",
        },
        // A Page's composer names the Page the same way; a comment box
        // says who comments.
        {
          selector: '[role="textbox"][aria-label^="Comment as "], [role="textbox"][aria-label^="Reply as "]',
          attribute: 'aria-label',
          pattern: '^(?:Comment|Reply) as (.+?)$',
        },
      ],
      brandPaths: [],
      post: [{ selector: '[role="button"][aria-label="Post"], [role="button"][aria-label="Press enter to send"]' }],
      reply: [],
    },
    {
      id: 'instagram',
      name: 'Instagram',
      hosts: ['www.instagram.com'],
      composers: [
        { selector: '[aria-label="Write a caption..."]' },
        { selector: 'textarea[aria-label^="Add a comment"]' },
        { selector: '[role="textbox"][aria-label="Message"]', surface: 'dm' },
      ],
      dmPaths: ['/direct'],
      // The navigation's own profile picture is labelled with the username.
      account: [{ selector: '[role="navigation"] a[href^="/"] img[alt$="\'s profile picture"]', attribute: 'alt', pattern: "^([\\w.]{1,30})'s profile picture$", prefix: '@' }],
      brandPaths: [],
      post: [{ selector: '[role="dialog"] [role="button"], form button[type="submit"]', text: '^(Share|Post|Send)$' }],
      reply: [],
    },
    {
      id: 'threads',
      name: 'Threads',
      hosts: ['www.threads.net', 'www.threads.com'],
      composers: [{ selector: '[data-lexical-editor="true"]' }],
      dmPaths: [],
      // The composer names its author above the box, linked to /@handle.
      account: [{ selector: '[role="dialog"] a[href^="/@"]', attribute: 'href', pattern: '^/(@[\\w.]{1,30})$' }],
      brandPaths: [],
      post: [{ selector: '[role="dialog"] [role="button"]', text: '^Post$' }],
      reply: [],
    },
    {
      id: 'bluesky',
      name: 'Bluesky',
      hosts: ['bsky.app'],
      composers: [
        { selector: '.ProseMirror' },
        // The chat's box (a textarea, on /messages/{convo}) has no label,
        // only its placeholder.
        { selector: 'textarea[placeholder="Write a message"]', surface: 'dm' },
      ],
      dmPaths: ['/messages'],
      // The side navigation's "Profile" link carries the active handle.
      account: [{ selector: 'nav a[aria-label="Profile"][href^="/profile/"]', attribute: 'href', pattern: '^/profile/([\\w.:-]{1,253})$', prefix: '@' }],
      brandPaths: [],
      post: [{ selector: '[data-testid="composerPublishBtn"]' }, { selector: '[aria-label="Send message"]' }],
      // The reply composer (a dialog) shows the post it answers in a button
      // so labelled; its first line of text is the author's display name.
      reply: [{ scope: '[role="dialog"]', selector: '[aria-label="Expand or collapse the full post you are replying to"] [dir="auto"]', pattern: '^\\s*(\\S.{0,63}?)\\s*$' }],
    },
    {
      id: 'reddit',
      name: 'Reddit',
      hosts: ['www.reddit.com', 'old.reddit.com'],
      composers: [
        { selector: 'shreddit-composer [contenteditable="true"]' },
        { selector: '.usertext-edit textarea' },
        { selector: 'textarea[name="text"]' },
      ],
      dmPaths: ['/message/compose', '/chat'],
      account: [{ selector: '#USER_DROPDOWN_ID, .user > a', pattern: '^\\s*(?:u/)?([\\w-]{3,20})', prefix: 'u/' }],
      brandPaths: [],
      post: [{ selector: 'shreddit-composer button[type="submit"], .usertext-buttons button.save, #newlink button[name="submit"]' }],
      reply: [],
    },
    {
      id: 'mastodon',
      name: 'Mastodon',
      hosts: ['mastodon.social'],
      composers: [{ selector: 'form.compose-form textarea' }],
      dmPaths: [],
      // Mastodon's direct visibility is chosen in the compose form, whose
      // visibility button (title "Change post privacy") shows the chosen
      // visibility's icon ("at" for direct, in every language) and, since
      // 4.3, its name ("Specific people"; "Mentioned people only" before).
      dmWhen: [
        { scope: 'form.compose-form', selector: '.dropdown-button .icon-at, .privacy-dropdown__value-icon .icon-at, .privacy-dropdown__value-icon .fa-at, .privacy-dropdown__value-icon .fa-envelope' },
        { scope: 'form.compose-form', selector: '.dropdown-button__label', text: '^(Specific people|Private mention|Mentioned people only|Direct)$' },
      ],
      // Every instance serves its web app in #mastodon; the compose form
      // is the same on all of them.
      detect: ['#mastodon', 'form.compose-form'],
      account: [{ selector: '.navigation-bar__profile-account', pattern: '(@[\\w.@-]+)' }],
      brandPaths: [],
      post: [{ selector: 'form.compose-form button[type="submit"]' }],
      reply: [{ scope: 'form.compose-form', selector: '.reply-indicator .display-name__account', pattern: '(@[\\w.@-]+)' }],
    },
  ];

  // Any plain or rich text box: the fallback when a site's markup changed.
  const GENERIC = [
    'textarea',
    '[contenteditable="true"][role="textbox"]',
    '[contenteditable="plaintext-only"][role="textbox"]',
    '[contenteditable="true"][data-lexical-editor="true"]',
    '.ProseMirror[contenteditable="true"]',
    '.ql-editor[contenteditable="true"]',
  ];

  // A listed host first; on any other host (a site the user added), the
  // site whose markers the page shows.
  function siteFor(hostname) {
    const doc = globalThis.document;
    return (
      SITES.find((site) => site.hosts.includes(hostname)) ??
      SITES.find((site) => doc && site.detect?.some((marker) => doc.querySelector(marker))) ??
      null
    );
  }

  PG.sites = { GENERIC, SITES, siteFor };
})();
