//! The `postguard` command: checks posts from the command line.
//!
//! - `postguard check "text"` (or text on stdin) prints a readable report;
//!   `--format json` prints one JSON object instead.
//! - `postguard check --jsonl [FILE|-]` checks one JSON post per line and
//!   prints one JSON result per line, in input order.
//!
//! Exit codes, like a linter: 0 when nothing is medium or above, 1 when
//! something is, 2 for bad input (a bad JSON line is reported on stderr with
//! its line number; the other lines are still checked). In `--jsonl` mode the
//! findings are the output, so it exits 0 once every line was checked, unless
//! `--fail-on-findings` asks for the linter's 1.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use postguard::{check, Account, Context, Finding, Settings, Severity, Surface};
use serde::Deserialize;
use serde_json::json;

const USAGE: &str = "usage:
  postguard check [--format text|json] [TEXT]   check TEXT (or stdin)
  postguard check --jsonl [--fail-on-findings] [FILE|-]
                                                 check JSON lines
  postguard tips                                 print the general tips

JSON line: {\"id\": ..., \"text\": ..., \"site\": \"x.com\",
            \"account\": {\"handle\": ..., \"kind\": \"brand|personal|unknown\"},
            \"surface\": \"public|dm\"}
exit: 0 clean, 1 findings of medium or high severity, 2 bad input
      (--jsonl exits 0 when every line was checked, 1 with --fail-on-findings)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("postguard: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    match args.first().map(String::as_str) {
        Some("check") => {}
        Some("tips") => {
            postguard::tips::TIPS.iter().for_each(|t| println!("{t}"));
            return Ok(ExitCode::SUCCESS);
        }
        Some("-h" | "--help") | None => {
            println!("{USAGE}");
            return Ok(ExitCode::SUCCESS);
        }
        Some(other) => return Err(format!("unknown command '{other}'\n{USAGE}")),
    }
    let mut jsonl = false;
    let mut json_format = false;
    let mut fail_on_findings = false;
    let mut rest = Vec::new();
    let mut it = args[1..].iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--jsonl" => jsonl = true,
            "--fail-on-findings" => fail_on_findings = true,
            "--format" => match it.next().map(String::as_str) {
                Some("json") => json_format = true,
                Some("text") => json_format = false,
                other => return Err(format!("--format takes 'text' or 'json', not {other:?}")),
            },
            _ => rest.push(arg.clone()),
        }
    }
    if jsonl {
        return check_jsonl(rest.first().map(String::as_str).unwrap_or("-"), fail_on_findings);
    }
    let text = if rest.is_empty() || rest == ["-"] {
        let mut s = String::new();
        io::stdin().read_to_string(&mut s).map_err(|e| format!("cannot read stdin: {e}"))?;
        s
    } else {
        rest.join(" ")
    };
    let found = check(&text, &Context::default());
    if json_format {
        println!("{}", json!({ "text": text, "findings": found }));
    } else {
        print!("{}", report(&text, &found));
    }
    Ok(exit_for(&found))
}

fn exit_for(found: &[Finding]) -> ExitCode {
    if found.iter().any(|f| f.severity >= Severity::Medium) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

#[derive(Deserialize)]
struct Post {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    site: Option<String>,
    #[serde(default)]
    account: Option<Account>,
    #[serde(default)]
    surface: Surface,
    #[serde(default)]
    reply_to: Option<String>,
    #[serde(default)]
    settings: Settings,
    /// Labels of a test corpus; accepted and ignored.
    #[serde(default, rename = "expect")]
    _expect: Option<serde_json::Value>,
}

fn check_jsonl(path: &str, fail_on_findings: bool) -> Result<ExitCode, String> {
    let reader: Box<dyn BufRead> = if path == "-" {
        Box::new(io::BufReader::new(io::stdin()))
    } else {
        Box::new(io::BufReader::new(std::fs::File::open(path).map_err(|e| format!("cannot open {path}: {e}"))?))
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let (mut bad, mut risky) = (false, false);
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| format!("line {}: cannot read: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let post: Post = match serde_json::from_str(&line) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("postguard: line {}: {e}", n + 1);
                bad = true;
                continue;
            }
        };
        let ctx = Context {
            site: post.site,
            account: post.account,
            surface: post.surface,
            reply_to: post.reply_to,
            settings: post.settings,
            ..Context::default()
        };
        // One draft that trips a bug must not cost the rest of the batch.
        let Ok(found) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&post.text, &ctx))) else {
            eprintln!("postguard: line {}: the check failed on this post (a bug: please report it)", n + 1);
            bad = true;
            continue;
        };
        risky |= found.iter().any(|f| f.severity >= Severity::Medium);
        writeln!(out, "{}", json!({ "id": post.id, "findings": found })).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(ExitCode::from(if bad {
        2
    } else if risky && fail_on_findings {
        1
    } else {
        0
    }))
}

/// The draft with each finding underlined by carets, then one line per finding.
fn report(text: &str, found: &[Finding]) -> String {
    if found.is_empty() {
        return "No risks found.\n".into();
    }
    let mut out = String::new();
    let mut line_start16 = 0u32;
    for line in text.split('\n') {
        let len16 = line.encode_utf16().count() as u32;
        out.push_str(&format!("  {line}\n"));
        let mut marks = String::new();
        let mut col16 = line_start16;
        for c in line.chars() {
            let hit = found.iter().any(|f| f.start <= col16 && col16 < f.end);
            let width = if c.is_ascii() { 1 } else { 2.min(c.len_utf16()) };
            marks.push_str(&(if hit { "^" } else { " " }).repeat(width));
            col16 += c.len_utf16() as u32;
        }
        if marks.contains('^') {
            out.push_str(&format!("  {}\n", marks.trim_end()));
        }
        line_start16 += len16 + 1;
    }
    out.push('\n');
    for f in found {
        let sev = format!("{:?}", f.severity).to_lowercase();
        out.push_str(&format!("{sev:>6} {} [{}] {}..{}: {}\n", f.category.id(), f.rule, f.start, f.end, f.message));
        out.push_str(&format!("       why: {}\n", f.lesson));
    }
    out
}
