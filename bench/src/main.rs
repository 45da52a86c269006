//! `postguard-bench`: times the native PostGuard core and rustrict on the
//! same posts (`tests/bench/posts.json`, written by `gen-posts.mjs`), and the
//! core alone on texts of 1 KB to 1 MB to show how its time grows.
//!
//! Each post is checked many times, in rounds over the whole set (so no post
//! runs twice in a row with a trained cache); a post's time is the median of
//! its runs, and the table shows the median and p95 of those per-post times.
//!
//! ```text
//! cargo run --release -q -p postguard-bench [-- [--json] [--quick] [--posts FILE]]
//! ```
//!
//! `--json` prints one JSON object (read by `tests/bench/bench.mjs`, which
//! merges it into the whole table); `--quick` spends a tenth of the time.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use postguard::Context;
use rustrict::{Censor, Type};
use serde_json::{json, Value};

/// Sizes of the growth texts, in bytes of UTF-8 (1 KB = 1,024 bytes).
const GROWTH: [usize; 4] = [1 << 10, 10 << 10, 100 << 10, 1 << 20];

const USAGE: &str = "usage: postguard-bench [--json] [--quick] [--posts FILE]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("postguard-bench: {e}");
            ExitCode::FAILURE
        }
    }
}

struct Options {
    json: bool,
    quick: bool,
    posts: PathBuf,
}

fn options() -> Result<Options, String> {
    let mut opts = Options {
        json: false,
        quick: false,
        posts: Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/bench/posts.json"),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => opts.json = true,
            "--quick" => opts.quick = true,
            "--posts" => opts.posts = args.next().ok_or(USAGE)?.into(),
            _ => return Err(USAGE.into()),
        }
    }
    Ok(opts)
}

fn run() -> Result<(), String> {
    let opts = options()?;
    let (short, long) = read_posts(&opts.posts)?;
    let posts = opts.posts.canonicalize().unwrap_or(opts.posts);
    let budget = Duration::from_millis(if opts.quick { 150 } else { 1500 });
    let ctx = Context::default();
    let postguard = |text: &str| postguard::check(text, &ctx);
    let rustrict = |text: &str| Censor::from_str(text).censor_and_analyze();

    let mut rows = Vec::new();
    for (set, posts) in [("short", &short), ("long", &long)] {
        let ours = per_post(posts, budget, postguard);
        let theirs = per_post(posts, budget, rustrict);
        let flagged = |hit: &dyn Fn(&str) -> bool| posts.iter().filter(|p| hit(p)).count();
        let ours_flagged = flagged(&|p| !postguard(p).is_empty());
        let theirs_flagged = flagged(&|p| rustrict(p).1.is(Type::INAPPROPRIATE));
        rows.push(row(set, "postguard", posts, &ours, ours_flagged));
        rows.push(row(set, "rustrict", posts, &theirs, theirs_flagged));
    }
    let growth: Vec<Value> = GROWTH
        .iter()
        .map(|&bytes| {
            let text = growth_text(&short, bytes);
            let (ms, reps) = median_time(&text, budget, postguard);
            json!({
                "bytes": bytes,
                "ms": ms,
                "us_per_kb": ms * 1000.0 / (bytes as f64 / 1024.0),
                "reps": reps,
            })
        })
        .collect();
    let report = json!({
        "engine": "native",
        "posts": posts.display().to_string(),
        "rows": rows,
        "growth": growth,
    });
    if opts.json {
        println!("{report}");
    } else {
        print_report(&report);
    }
    Ok(())
}

fn read_posts(path: &Path) -> Result<(Vec<String>, Vec<String>), String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!("{}: {e}\n(write it with `node tests/bench/gen-posts.mjs`, or run `cargo xtask bench`)", path.display())
    })?;
    let value: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let list = |key: &str| -> Result<Vec<String>, String> {
        let posts: Vec<String> = value[key]
            .as_array()
            .ok_or_else(|| format!("{}: no \"{key}\" array", path.display()))?
            .iter()
            .filter_map(|p| p.as_str().map(str::to_string))
            .collect();
        if posts.is_empty() {
            return Err(format!("{}: \"{key}\" has no posts", path.display()));
        }
        Ok(posts)
    };
    Ok((list("short")?, list("long")?))
}

/// Per-post times in µs: the median of each post's runs, and the runs per post.
fn per_post<R>(posts: &[String], budget: Duration, mut f: impl FnMut(&str) -> R) -> PerPost {
    // Warm up: every post a few times, and at least a tenth of the budget.
    let started = Instant::now();
    let mut calls = 0u32;
    while calls < 3 * posts.len() as u32 || started.elapsed() < budget / 10 {
        black_box(f(black_box(&posts[calls as usize % posts.len()])));
        calls += 1;
    }
    let per_call = started.elapsed() / calls;
    let reps = reps_for(budget, per_call * posts.len() as u32, 11, 201);
    let mut samples = vec![Vec::with_capacity(reps); posts.len()];
    for _ in 0..reps {
        for (post, times) in posts.iter().zip(&mut samples) {
            let t = Instant::now();
            black_box(f(black_box(post)));
            times.push(t.elapsed().as_secs_f64() * 1e6);
        }
    }
    let mut medians: Vec<f64> = samples.iter_mut().map(|s| median(s)).collect();
    medians.sort_by(f64::total_cmp);
    PerPost { median: median(&mut medians), p95: percentile(&medians, 0.95), reps }
}

struct PerPost {
    median: f64,
    p95: f64,
    reps: usize,
}

/// One table row; `flagged` counts the posts the checker reported.
fn row(set: &str, checker: &str, posts: &[String], m: &PerPost, flagged: usize) -> Value {
    let chars = posts.iter().map(|p| p.chars().count()).sum::<usize>() / posts.len();
    json!({
        "set": set,
        "checker": checker,
        "posts": posts.len(),
        "flagged": flagged,
        "mean_chars": chars,
        "reps": m.reps,
        "median_us": m.median,
        "p95_us": m.p95,
    })
}

/// The median time of one text in ms, and the runs it took.
fn median_time<R>(text: &str, budget: Duration, mut f: impl FnMut(&str) -> R) -> (f64, usize) {
    let started = Instant::now();
    let mut calls = 0u32;
    while calls < 2 || started.elapsed() < budget / 10 {
        black_box(f(black_box(text)));
        calls += 1;
    }
    let reps = reps_for(budget, started.elapsed() / calls, 5, 101);
    let mut times: Vec<f64> = (0..reps)
        .map(|_| {
            let t = Instant::now();
            black_box(f(black_box(text)));
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    (median(&mut times), reps)
}

/// An odd number of rounds that fits `budget`, between `min` and `max`.
fn reps_for(budget: Duration, round: Duration, min: usize, max: usize) -> usize {
    let fit = (budget.as_secs_f64() / round.as_secs_f64().max(1e-9)) as usize;
    fit.clamp(min, max) | 1
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

/// Nearest-rank percentile of sorted values.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// The short posts joined by blank lines, repeated, cut to at most `bytes`
/// bytes on a character boundary (`bench.mjs` builds the same text).
fn growth_text(posts: &[String], bytes: usize) -> String {
    let mut out = String::with_capacity(bytes);
    for (i, post) in posts.iter().cycle().enumerate() {
        let sep = if i == 0 { "" } else { "\n\n" };
        for c in sep.chars().chain(post.chars()) {
            if out.len() + c.len_utf8() > bytes {
                return out;
            }
            out.push(c);
        }
    }
    out
}

fn print_report(report: &Value) {
    println!("PostGuard native core vs rustrict ({})", report["posts"].as_str().unwrap_or(""));
    println!("per-post µs: median of each post's runs; median and p95 over the posts\n");
    println!(
        "{:<6} {:<10} {:>5} {:>7} {:>6} {:>5} {:>10} {:>10} {:>9}",
        "set", "checker", "posts", "flagged", "chars", "runs", "median µs", "p95 µs", "ratio"
    );
    let rows = report["rows"].as_array().map(Vec::as_slice).unwrap_or(&[]);
    for pair in rows.chunks(2) {
        let ours = pair[0]["median_us"].as_f64().unwrap_or(f64::NAN);
        for r in pair {
            let median = r["median_us"].as_f64().unwrap_or(f64::NAN);
            println!(
                "{:<6} {:<10} {:>5} {:>7} {:>6} {:>5} {:>10.1} {:>10.1} {:>8.2}x",
                r["set"].as_str().unwrap_or(""),
                r["checker"].as_str().unwrap_or(""),
                r["posts"].as_u64().unwrap_or(0),
                r["flagged"].as_u64().unwrap_or(0),
                r["mean_chars"].as_u64().unwrap_or(0),
                r["reps"].as_u64().unwrap_or(0),
                median,
                r["p95_us"].as_f64().unwrap_or(f64::NAN),
                median / ours,
            );
        }
    }
    println!("(ratio: checker's median / postguard's median)\n");
    println!("growth of the native core (1 KB = 1,024 bytes)");
    println!("{:>8} {:>10} {:>8} {:>5}", "size", "median ms", "µs/KB", "runs");
    for g in report["growth"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
        let bytes = g["bytes"].as_u64().unwrap_or(0);
        println!(
            "{:>8} {:>10.3} {:>8.2} {:>5}",
            size_label(bytes),
            g["ms"].as_f64().unwrap_or(f64::NAN),
            g["us_per_kb"].as_f64().unwrap_or(f64::NAN),
            g["reps"].as_u64().unwrap_or(0),
        );
    }
}

fn size_label(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{} KB", bytes >> 10)
    }
}
