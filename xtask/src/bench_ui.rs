//! `cargo xtask bench-ui`: the in-browser speed benchmark. Builds the
//! extension, installs the end-to-end tests' npm packages when missing
//! (`npm ci` in `tests/e2e`), then runs `tests/e2e/bench-keystroke.mjs` in
//! headless Chromium: keystroke to highlight per editor for 280- and
//! 5,000-character drafts, service-worker cold start, and the longest task
//! on a 100 KB paste. It prints a Markdown table for docs/BENCHMARKS.md.

use std::process::Command;

use crate::{build, node, root, run};

pub fn all() -> Result<(), String> {
    build::all()?;
    let dir = root().join("tests/e2e");
    if !dir.join("node_modules").is_dir() {
        let mut npm = Command::new("npm");
        npm.args(["ci", "--no-audit", "--no-fund"]).current_dir(&dir);
        run(&mut npm)?;
    }
    run(&mut node("bench-keystroke.mjs"))
}
