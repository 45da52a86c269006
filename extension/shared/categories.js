// Human names for the core's category ids, shared by the content scripts (a
// classic script in the manifest) and the extension pages (a <script> tag).
// The ids come from the core; an unknown id falls back to the id itself.
'use strict';

globalThis.PostGuardCategories = Object.freeze({
  offensive: { name: 'Offensive', about: 'Demeaning remarks or jokes about a group, slurs, ableist insults.' },
  profanity: { name: 'Swearing', about: 'Swear words, including masked spellings like f*ck or sh1t.' },
  hostility: { name: 'Hostility', about: 'Insults and threats aimed at someone, shouting, feeding trolls.' },
  intoxication: { name: 'Alcohol and drugs', about: 'Drinking, drugs, hangovers and partying.' },
  sexual: { name: 'Sexual content', about: 'Sexually explicit or suggestive wording.' },
  'personal-data': { name: 'Personal data', about: 'Card numbers, IBANs, phone numbers, addresses, ID numbers, birthdays.' },
  credentials: { name: 'Passwords and keys', about: 'Passwords, PINs, one-time codes, API keys and private keys.' },
  confidential: { name: 'Confidential', about: 'Internal, embargoed or NDA material, and the terms on your watch list.' },
  'market-moving': { name: 'Market-moving news', about: 'Results, deals, funding or layoffs before they are public.' },
  tragedy: { name: 'Tragedy', about: 'Promotion or jokes tied to disasters, deaths or hashtags about grief.' },
  'open-invitation': { name: 'Open invitation', about: 'Open "ask us anything" hashtags from a brand account.' },
  workplace: { name: 'Workplace', about: 'Complaints about your employer, colleagues or customers.' },
  'private-message': { name: 'Meant as private', about: 'Text that reads like a direct message posted in public.' },
  permanence: { name: 'Permanence', about: '"I\'ll delete this later" and "jk": disclaimers that protect nothing once posted.' },
  'wrong-account': { name: 'Wrong account', about: 'A personal post about to go out from a brand account, or the reverse.' },
});

globalThis.PostGuardCategoryName = (id) => globalThis.PostGuardCategories[id]?.name ?? id;
