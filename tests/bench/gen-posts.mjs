// Writes tests/bench/posts.json: the one post set that every checker in the
// speed benchmark reads (PostGuard wasm and native, obscenity, alex,
// rustrict). Deterministic: a seeded PRNG and fixed word pools, so the same
// file comes out on every machine and every Node version.
//
//   node gen-posts.mjs            write posts.json beside this file
//
// The set: SHORT posts of 250-280 characters (code points, as a person
// counts them) and LONG posts of 4,900-5,000 characters, mixing benign
// chatter, some swearing, numbers, prices, dates, hashtags, mentions, links
// and emoji (including multi-code-point ones); a few carry a card number or
// an API key so the core's other rules do real work too.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { random } from '../lib/random.mjs';

export const SEED = 20261123;
export const SHORT_COUNT = 200;
export const LONG_COUNT = 20;
export const SHORT_MAX = 280;
export const LONG_MAX = 5000;

const OPENERS = [
  'Just got back from', 'Can\'t believe', 'Reminder:', 'Hot take:', 'Honestly,',
  'Big news!', 'Quick update:', 'Thread:', 'PSA:', 'So apparently', 'Today I learned',
  'Shoutout to', 'Not gonna lie,', 'Weekend plans:', 'Update from the team:',
  'Morning!', 'Unpopular opinion:', 'Finally', 'Anyone else think', 'Proud to share',
];
const SUBJECTS = [
  'the farmers market', 'our new coffee blend', 'the product launch', 'my half marathon',
  'the city council meeting', 'the new bike lane', 'our quarterly numbers', 'the season finale',
  'the community garden', 'grandma\'s lasagna recipe', 'the conference keynote', 'the game last night',
  'my first open-source PR', 'the bakery on 5th street', 'this week\'s sprint demo',
  'the hiking trail up north', 'the school fundraiser', 'our podcast episode', 'the concert downtown',
  'the new release notes', 'the local library', 'a rainy commute', 'the kids\' science fair',
];
const PREDICATES = [
  'was absolutely worth it', 'went better than expected', 'is finally live', 'needs more volunteers',
  'sold out in an hour', 'made my whole week', 'took way longer than planned', 'is open until 9pm',
  'starts again next Tuesday', 'deserves way more attention', 'surprised everyone', 'has a new menu',
  'broke all our records', 'is free for members', 'got rescheduled again', 'was a total mess',
  'runs every Saturday morning', 'raised more than we hoped', 'is on sale this weekend',
];
const SWEARS = [
  'damn', 'shit', 'holy shit', 'what the fuck', 'crap', 'hell yeah', 'fucking', 'bullshit',
  'dammit', 'wtf', 'this is such crap', 'pissed off',
];
const FILLERS = [
  'Thanks to everyone who showed up.', 'Details below.', 'More soon.', 'Link in bio.',
  'Tickets are going fast.', 'Doors open at 6.', 'Bring a friend!', 'Who\'s in?',
  'Can\'t wait to see you there.', 'Feedback welcome.', 'Photos coming later.',
  'Huge thanks to the volunteers.', 'We\'ll post the recording tomorrow.',
  'Still processing all of it.', 'Let me know what you think.', 'Worth the wait.',
];
const HASHTAGS = [
  '#coffee', '#running', '#opensource', '#localnews', '#weekend', '#gamenight', '#foodie',
  '#startup', '#music', '#community', '#teamwork', '#MondayMotivation', '#rustlang',
  '#ThrowbackThursday', '#smallbusiness', '#photography', '#gardening', '#booklovers',
];
const MENTIONS = ['@citylibrary', '@acme_support', '@jess_runs', '@thebakery5th', '@devrelmike', '@news_now'];
const LINKS = ['https://example.com/events', 'https://example.org/blog/update', 'example.net/menu'];
const EMOJI = [
  '😀', '🎉', '🔥', '☕', '🏃‍♀️', '👍🏽', '❤️', '🙌', '🌧️', '🚲', '📚', '🍝', '👨‍👩‍👧', '🇺🇸', '✨', '😅', '🤯', '🥳',
];
// A test card number (passes Luhn) and a fake token with a real prefix.
const RISKY = [
  'my card is 4111 1111 1111 1111 lol',
  'use key ghp_0123456789abcdefABCDEF0123456789ab to test',
  'text me at 555-0143',
];

function numberBit(r) {
  const n = Math.floor(r() * 6);
  switch (n) {
    case 0: return `$${(r() * 500).toFixed(2)}`;
    case 1: return `${Math.floor(r() * 100)}%`;
    case 2: return `${1 + Math.floor(r() * 12)}/${1 + Math.floor(r() * 28)}`;
    case 3: return `${1 + Math.floor(r() * 12)}:${String(Math.floor(r() * 60)).padStart(2, '0')}pm`;
    case 4: return `${String(Math.floor(r() * 10000)).replace(/\B(?=(\d{3})+$)/g, ',')} people`;
    default: return `${Math.floor(r() * 50)}k`;
  }
}

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}

/** One sentence of a post; `swearing` and `risky` are chances in [0, 1]. */
function sentence(r, swearing, risky) {
  const roll = r();
  if (roll < risky) return pick(r, RISKY) + '.';
  let s = `${pick(r, OPENERS)} ${pick(r, SUBJECTS)} ${pick(r, PREDICATES)}`;
  if (r() < 0.35) s += ` (${numberBit(r)})`;
  if (r() < swearing) s = r() < 0.5 ? `${s}, ${pick(r, SWEARS)}` : `${pick(r, SWEARS)}, ${s.toLowerCase()}`;
  s += r() < 0.2 ? '!' : '.';
  if (r() < 0.3) s += ` ${pick(r, FILLERS)}`;
  if (r() < 0.25) s += ` ${pick(r, EMOJI)}`;
  if (r() < 0.12) s += ` ${pick(r, MENTIONS)}`;
  if (r() < 0.06) s += ` ${pick(r, LINKS)}`;
  return s;
}

const length = (s) => [...s].length;

/** A post of at most `max` code points and at least `max - slack`. */
function post(r, max, slack, swearing, risky, paragraphEvery) {
  let text = '';
  let count = 0;
  for (;;) {
    const next = sentence(r, swearing, risky);
    const sep = text === '' ? '' : ++count % paragraphEvery === 0 ? '\n\n' : ' ';
    const first = pick(r, HASHTAGS);
    const tags = `${first} ${pick(r, HASHTAGS.filter((t) => t !== first))}`;
    const candidate = text + sep + next;
    if (length(candidate) + 1 + length(tags) > max) {
      // Close with hashtags, then pad with whatever still fits up to the floor.
      text = length(text) + 1 + length(tags) <= max ? `${text} ${tags}` : text;
      while (length(text) < max - slack) {
        const fits = [...FILLERS, ...HASHTAGS, ...EMOJI].filter((f) => length(text) + 1 + length(f) <= max);
        if (fits.length === 0) break;
        text += ` ${pick(r, fits)}`;
      }
      return text;
    }
    text = candidate;
  }
}

export function generate() {
  const r = random(SEED);
  const short = [];
  for (let i = 0; i < SHORT_COUNT; i++) {
    // Most posts are clean; about a third swear somewhere; a few are risky.
    const swearing = i % 3 === 0 ? 0.5 : 0.03;
    short.push(post(r, SHORT_MAX, 30, swearing, 0.02, 1e9));
  }
  const long = [];
  for (let i = 0; i < LONG_COUNT; i++) {
    long.push(post(r, LONG_MAX, 100, 0.08, 0.01, 5));
  }
  return {
    about: 'Generated by gen-posts.mjs (deterministic); lengths are in code points.',
    seed: SEED,
    short,
    long,
  };
}

/** Writes posts.json beside this file; returns its path. */
export function writePosts() {
  const path = fileURLToPath(new URL('./posts.json', import.meta.url));
  const text = JSON.stringify(generate(), null, 1) + '\n';
  writeFileSync(path, text);
  return path;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = writePosts();
  const set = generate();
  const stats = (list) => {
    const ls = list.map(length);
    return `${list.length} posts, ${Math.min(...ls)}-${Math.max(...ls)} code points`;
  };
  console.log(`wrote ${path}: short ${stats(set.short)}; long ${stats(set.long)}`);
}
