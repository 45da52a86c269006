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
   *   is the handle or name.
   */
  const SITES = [
    {
      id: 'x',
      hosts: ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'],
      composers: [
        { selector: '[data-testid^="tweetTextarea_"]' },
        { selector: '[data-testid="dmComposerTextInput"]', surface: 'dm' },
      ],
      dmPaths: ['/messages', '/i/chat'],
      account: [
        { selector: '[data-testid="SideNav_AccountSwitcher_Button"]', pattern: '(@\\w{1,15})' },
        { selector: 'a[data-testid="AppTabBar_Profile_Link"]', attribute: 'href', pattern: '^/(\\w{1,15})$' },
      ],
    },
    {
      id: 'linkedin',
      hosts: ['www.linkedin.com'],
      composers: [
        { selector: '.ql-editor' },
        { selector: '[role="textbox"][aria-label="Text editor for creating content"]' },
        { selector: '.msg-form__contenteditable', surface: 'dm' },
      ],
      dmPaths: ['/messaging'],
      account: [{ selector: '.share-unified-settings-entry-button', pattern: '^\\s*(\\S.*?)\\s*$' }],
    },
    {
      id: 'facebook',
      hosts: ['www.facebook.com'],
      composers: [{ selector: '[role="textbox"][data-lexical-editor="true"]' }],
      dmPaths: ['/messages'],
      account: [
        {
          selector: '[role="textbox"][data-lexical-editor="true"][aria-label]',
          attribute: 'aria-label',
          pattern: "on your mind, (.+?)\\?",
        },
      ],
    },
    {
      id: 'instagram',
      hosts: ['www.instagram.com'],
      composers: [
        { selector: '[aria-label="Write a caption..."]' },
        { selector: 'textarea[aria-label^="Add a comment"]' },
      ],
      dmPaths: ['/direct'],
      account: [],
    },
    {
      id: 'threads',
      hosts: ['www.threads.net', 'www.threads.com'],
      composers: [{ selector: '[data-lexical-editor="true"]' }],
      dmPaths: [],
      account: [],
    },
    {
      id: 'bluesky',
      hosts: ['bsky.app'],
      composers: [{ selector: '.ProseMirror' }],
      dmPaths: ['/messages'],
      account: [],
    },
    {
      id: 'reddit',
      hosts: ['www.reddit.com', 'old.reddit.com'],
      composers: [
        { selector: 'shreddit-composer [contenteditable="true"]' },
        { selector: '.usertext-edit textarea' },
        { selector: 'textarea[name="text"]' },
      ],
      dmPaths: ['/message/compose', '/chat'],
      account: [{ selector: '#USER_DROPDOWN_ID, .user > a', pattern: '^\\s*(?:u/)?([\\w-]{3,20})' }],
    },
    {
      id: 'mastodon',
      hosts: ['mastodon.social'],
      composers: [{ selector: 'form.compose-form textarea' }],
      dmPaths: [],
      // Mastodon's direct visibility is chosen in the compose form.
      dmWhen: ['form.compose-form [aria-label*="Private mention" i]', 'form.compose-form [title*="direct" i]'],
      account: [{ selector: '.navigation-bar__profile-account', pattern: '(@[\\w.@-]+)' }],
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

  function siteFor(hostname) {
    return SITES.find((site) => site.hosts.includes(hostname)) ?? null;
  }

  PG.sites = { GENERIC, siteFor };
})();
