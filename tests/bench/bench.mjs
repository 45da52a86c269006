// PostGuard speed benchmark, one table for everything (issue 3):
//
// - in Node: the core's wasm build (dist/chrome/core, as the extension loads
//   it) beside obscenity (RegExpMatcher, English dataset, recommended
//   transformers) and alex (its plain-text API);
// - native: the core beside rustrict, by running the `postguard-bench`
//   binary (cargo) with --json on the same posts.
//
// Every checker reads the same posts (posts.json, rewritten by gen-posts.mjs
// on each run). Each post is checked many times, in rounds over the whole
// set; a post's time is the median of its runs; the table shows the median
// and p95 of those per-post times, and ratio = peer time / PostGuard time on
// the same engine (above 1: PostGuard is faster).
//
//   cargo xtask bench              install, build, then run this
//   node bench.mjs [--quick] [--no-native]
//
// Needs `cargo xtask build` first (for dist/chrome/core) and `npm ci` here.
// Numbers are printed, never asserted: the targets are reported PASS/MISS.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { text as alex } from 'alex';
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';

import { writePosts } from './gen-posts.mjs';

const args = process.argv.slice(2);
for (const a of args) {
  if (!['--quick', '--no-native'].includes(a)) {
    console.error('usage: node bench.mjs [--quick] [--no-native]');
    process.exit(2);
  }
}
const QUICK = args.includes('--quick');
const NATIVE = !args.includes('--no-native');
const BUDGET_NS = BigInt(QUICK ? 150 : 1500) * 1_000_000n;
/** Sizes of the growth texts in UTF-8 bytes (1 KB = 1,024 bytes), as in bench/src/main.rs. */
const GROWTH = [1 << 10, 10 << 10, 100 << 10, 1 << 20];
const TARGET = { shortUs: 50, longUs: 500, perKbSlack: 1.5 };

const root = fileURLToPath(new URL('../../', import.meta.url));

// ---- the checkers ---------------------------------------------------------

async function loadCore() {
  const dir = join(root, 'dist/chrome/core');
  const js = join(dir, 'postguard.js');
  if (!existsSync(js)) {
    throw new Error(`${js} is missing: run \`cargo xtask build\` first (or \`cargo xtask bench\`)`);
  }
  const core = await import(pathToFileURL(js).href);
  try {
    core.initSync({ module: readFileSync(join(dir, 'postguard_bg.wasm')) });
    return { core, wasm: 'dist/chrome/core/postguard_bg.wasm' };
  } catch (e) {
    // The shipped module did not start. Measure the same build before
    // wasm-opt (wasm-bindgen's output), with a fresh copy of the glue, and say so.
    const raw = join(root, 'target/wasm-bindgen/postguard_bg.wasm');
    console.error(`bench: WARNING: dist/chrome/core/postguard_bg.wasm does not start in Node: ${e.message}`);
    if (!existsSync(raw)) throw e;
    console.error('bench: WARNING: measuring target/wasm-bindgen/postguard_bg.wasm (the same build before wasm-opt) instead');
    const fresh = await import(`${pathToFileURL(js).href}?raw`);
    fresh.initSync({ module: readFileSync(raw) });
    return { core: fresh, wasm: 'target/wasm-bindgen/postguard_bg.wasm (NOT the shipped file: it fails to start)' };
  }
}

const { core, wasm: WASM_FILE } = await loadCore();
const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

/** name -> [run(text), flagged(result)]: run is what is timed. */
const CHECKERS = {
  postguard: [(t) => core.check(t, undefined), (r) => r.length > 0],
  obscenity: [(t) => matcher.getAllMatches(t), (r) => r.length > 0],
  alex: [(t) => alex(t), (r) => r.messages.length > 0],
};

// ---- measuring ------------------------------------------------------------

let sink = 0;
const keep = (r) => {
  sink = (sink + (r?.length ?? r?.messages?.length ?? 1)) | 0;
};

/** An odd number of rounds that fits the budget, between min and max. */
function repsFor(roundNs, min, max) {
  const fit = Number(BUDGET_NS / (roundNs > 0n ? roundNs : 1n));
  return Math.min(Math.max(fit, min), max) | 1;
}

function median(values) {
  const v = Float64Array.from(values).sort();
  const n = v.length;
  return n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/** Nearest-rank percentile. */
function percentile(values, p) {
  const v = Float64Array.from(values).sort();
  const rank = Math.ceil(p * v.length);
  return v[Math.min(Math.max(rank, 1), v.length) - 1];
}

/** Median and p95 over posts of each post's median time, in µs. */
function perPost(posts, run) {
  const start = process.hrtime.bigint();
  let calls = 0;
  while (calls < 3 * posts.length || process.hrtime.bigint() - start < BUDGET_NS / 10n) {
    keep(run(posts[calls % posts.length]));
    calls++;
  }
  const perCall = (process.hrtime.bigint() - start) / BigInt(calls);
  const reps = repsFor(perCall * BigInt(posts.length), 11, 201);
  const samples = posts.map(() => []);
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < posts.length; i++) {
      const t = process.hrtime.bigint();
      const out = run(posts[i]);
      const ns = process.hrtime.bigint() - t;
      keep(out);
      samples[i].push(Number(ns) / 1e3);
    }
  }
  const medians = samples.map(median);
  return { median: median(medians), p95: percentile(medians, 0.95), reps };
}

/** Median time of one text in ms. */
function medianTime(text, run) {
  const start = process.hrtime.bigint();
  let calls = 0;
  while (calls < 2 || process.hrtime.bigint() - start < BUDGET_NS / 10n) {
    keep(run(text));
    calls++;
  }
  const reps = repsFor((process.hrtime.bigint() - start) / BigInt(calls), 5, 101);
  const times = [];
  for (let r = 0; r < reps; r++) {
    const t = process.hrtime.bigint();
    keep(run(text));
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { ms: median(times), reps };
}

const utf8Len = (cp) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** The short posts joined by blank lines, repeated, cut to at most `bytes`
 *  UTF-8 bytes on a character boundary: the same text as bench/src/main.rs. */
function growthText(posts, bytes) {
  const parts = [];
  let used = 0;
  for (let i = 0; ; i++) {
    const piece = (i === 0 ? '' : '\n\n') + posts[i % posts.length];
    for (const c of piece) {
      const n = utf8Len(c.codePointAt(0));
      if (used + n > bytes) return parts.join('');
      parts.push(c);
      used += n;
    }
  }
}

// ---- the run --------------------------------------------------------------

const postsPath = writePosts();
const { short, long } = JSON.parse(readFileSync(postsPath, 'utf8'));
const SETS = [
  ['short', short],
  ['long', long],
];
const chars = (list) => list.map((p) => [...p].length);

const rows = [];
for (const [set, posts] of SETS) {
  for (const [name, [run, flagged]] of Object.entries(CHECKERS)) {
    process.stderr.write(`bench: node ${name}, ${set} posts...\n`);
    const m = perPost(posts, run);
    const hits = posts.filter((p) => flagged(run(p))).length;
    rows.push({ set, engine: 'Node', checker: name, posts: posts.length, flagged: hits, ...m });
  }
}
const growth = GROWTH.map((bytes) => {
  process.stderr.write(`bench: node postguard, ${label(bytes)} text...\n`);
  const { ms, reps } = medianTime(growthText(short, bytes), CHECKERS.postguard[0]);
  return { bytes, ms, usPerKb: (ms * 1000) / (bytes / 1024), reps };
});

let native = null;
if (NATIVE) {
  process.stderr.write('bench: native postguard and rustrict (cargo run --release -p postguard-bench)...\n');
  const cargo = process.env.CARGO || 'cargo';
  const out = spawnSync(
    cargo,
    ['run', '--release', '-q', '-p', 'postguard-bench', '--', '--json', '--posts', postsPath, ...(QUICK ? ['--quick'] : [])],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
  );
  if (out.status !== 0) {
    console.error(`bench: postguard-bench failed (${out.error ?? `exit ${out.status}`})`);
    process.exit(1);
  }
  native = JSON.parse(out.stdout);
  for (const r of native.rows) {
    rows.push({ set: r.set, engine: 'native', checker: r.checker, posts: r.posts, flagged: r.flagged, median: r.median_us, p95: r.p95_us, reps: r.reps });
  }
}

// ---- the report -----------------------------------------------------------

function label(bytes) {
  return bytes >= 1 << 20 ? `${bytes >> 20} MB` : `${bytes >> 10} KB`;
}
const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');
const pad = (s, n) => String(s).padStart(n);
const padEnd = (s, n) => String(s).padEnd(n);
const range = (list) => {
  const c = chars(list);
  return `${Math.min(...c)}-${Math.max(...c)}`;
};
const setName = { short: '280 chars', long: '5,000 chars' };
const postName = { short: '280-char', long: '5,000-char' };

/** The commit measured, and whether the core's sources differ from it (read-only git). */
function revision() {
  const git = (...a) => spawnSync('git', a, { cwd: root, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return 'no git';
  const dirty = git('status', '--porcelain', '--', 'crate', 'Cargo.lock').stdout.trim() !== '';
  return `commit ${head.stdout.trim()}${dirty ? ' + uncommitted changes in crate/' : ''}`;
}

const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
console.log(`PostGuard speed benchmark — Node ${process.version}, ${cpu}, ${os.availableParallelism?.() ?? os.cpus().length} cores${QUICK ? ' (--quick)' : ''}`);
console.log(`core ${core.version()}, ${revision()}`);
console.log(`posts: ${short.length} of ${range(short)} chars and ${long.length} of ${range(long)} chars (code points), the same for every checker`);
console.log('per-post time: median of that post\'s runs; median and p95 over the posts;');
console.log('ratio: peer time / PostGuard time on the same engine (above 1: PostGuard is faster)\n');

const head = [padEnd('posts', 12), padEnd('engine', 7), padEnd('checker', 10), pad('runs', 5), pad('flagged', 8), pad('median µs', 10), pad('p95 µs', 9), pad('ratio', 7), pad('ratio p95', 10)];
console.log(head.join(' '));
console.log('-'.repeat(head.join(' ').length));
for (const [set] of SETS) {
  for (const engine of ['Node', 'native']) {
    const group = rows.filter((r) => r.set === set && r.engine === engine);
    const ours = group.find((r) => r.checker === 'postguard');
    for (const r of group) {
      const peer = r !== ours && ours;
      console.log(
        [
          padEnd(setName[set], 12),
          padEnd(r.engine, 7),
          padEnd(r.checker + (r.checker === 'postguard' && engine === 'Node' ? '*' : ''), 10),
          pad(r.reps, 5),
          pad(`${r.flagged ?? '?'}/${r.posts}`, 8),
          pad(fmt(r.median), 10),
          pad(fmt(r.p95), 9),
          pad(peer ? `${fmt(r.median / ours.median, 2)}x` : '-', 7),
          pad(peer ? `${fmt(r.p95 / ours.p95, 2)}x` : '-', 10),
        ].join(' '),
      );
    }
  }
}
console.log(`* the wasm build, ${WASM_FILE}, through its wasm-bindgen glue (findings returned as JS objects)\n`);

console.log('growth of PostGuard on one text (the short posts joined and repeated; 1 KB = 1,024 bytes)');
console.log([pad('size', 7), pad('wasm ms', 10), pad('wasm µs/KB', 11), pad('native ms', 10), pad('native µs/KB', 13)].join(' '));
for (const g of growth) {
  const n = native?.growth.find((x) => x.bytes === g.bytes);
  console.log([pad(label(g.bytes), 7), pad(fmt(g.ms, 3), 10), pad(fmt(g.usPerKb, 2), 11), pad(fmt(n?.ms, 3), 10), pad(fmt(n?.us_per_kb, 2), 13)].join(' '));
}
/** Exponent k in time ∝ size^k from 10 KB to 1 MB (1 = linear, 2 = quadratic). */
const exponent = (list, key) => {
  const a = list.find((x) => x.bytes === 10 << 10);
  const b = list.find((x) => x.bytes === 1 << 20);
  return a && b ? Math.log(b[key] / a[key]) / Math.log(b.bytes / a.bytes) : NaN;
};
const kWasm = exponent(growth, 'ms');
console.log(`growth exponent 10 KB -> 1 MB (1.0 = linear, 2.0 = quadratic): wasm ${fmt(kWasm, 2)}${native ? `, native ${fmt(exponent(native.growth, 'ms'), 2)}` : ''}\n`);

// ---- targets (reported, not asserted) --------------------------------------

const find = (set, engine, checker) => rows.find((r) => r.set === set && r.engine === engine && r.checker === checker);
const verdicts = [];
const target = (ok, text) => verdicts.push(`${ok ? 'PASS' : 'MISS'}  ${text}`);
const ws = find('short', 'Node', 'postguard');
const wl = find('long', 'Node', 'postguard');
target(ws.median <= TARGET.shortUs, `wasm median per 280-char post <= ${TARGET.shortUs} µs: ${fmt(ws.median)} µs`);
target(wl.median <= TARGET.longUs, `wasm median per 5,000-char post <= ${TARGET.longUs} µs: ${fmt(wl.median)} µs`);
const g10 = growth.find((g) => g.bytes === 10 << 10);
const g1m = growth.find((g) => g.bytes === 1 << 20);
target(
  g1m.usPerKb <= TARGET.perKbSlack * g10.usPerKb,
  `linear growth to 1 MB (wasm µs/KB at 1 MB within ${TARGET.perKbSlack}x of 10 KB): ${fmt(g10.usPerKb, 2)} -> ${fmt(g1m.usPerKb, 2)} µs/KB (${fmt(g1m.usPerKb / g10.usPerKb, 1)}x), 1 MB in ${fmt(g1m.ms, 0)} ms`,
);
for (const [set] of SETS) {
  for (const [engine, peer] of [['Node', 'obscenity'], ['Node', 'alex'], ['native', 'rustrict']]) {
    const ours = find(set, engine, 'postguard');
    const theirs = find(set, engine, peer);
    if (!ours || !theirs) continue;
    target(
      ours.median < theirs.median,
      `faster than ${peer} per ${postName[set]} post (${engine === 'Node' ? 'wasm' : 'native'}): ${fmt(ours.median)} vs ${fmt(theirs.median)} µs`,
    );
  }
}
console.log('targets (issue 3)');
for (const v of verdicts) console.log(v);
if (sink === 0x7fffffff) console.log(''); // keeps results alive
