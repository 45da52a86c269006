//! `cargo xtask bench [--quick]`: the speed benchmark of issue 3 in one
//! command. Installs the benchmark's npm packages when missing (`npm ci` in
//! `tests/bench`), builds the extension (for the wasm core in
//! `dist/chrome/core`) and the native `postguard-bench` binary, then runs
//! `tests/bench/bench.mjs`, which times the wasm core beside obscenity and
//! alex, runs the native core beside rustrict, and prints one table.

use std::path::Path;
use std::process::Command;

use crate::{build, cargo, root, run};

pub fn all(args: &[String]) -> Result<(), String> {
    let dir = root().join("tests/bench");
    npm_packages(&dir)?;
    build::all()?;
    run(cargo().args(["build", "--release", "--quiet", "-p", "postguard-bench"]))?;
    let mut node = Command::new("node");
    node.arg("bench.mjs").args(args).current_dir(&dir);
    run(&mut node)
}

/// `npm ci` unless `node_modules` is at least as new as the lock file.
fn npm_packages(dir: &Path) -> Result<(), String> {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let stamp = modified(&dir.join("node_modules/.package-lock.json"));
    let lock = modified(&dir.join("package-lock.json"));
    if matches!((stamp, lock), (Some(s), Some(l)) if s >= l) {
        return Ok(());
    }
    let mut npm = Command::new("npm");
    npm.args(["ci", "--no-audit", "--no-fund"]).current_dir(dir);
    run(&mut npm)
}
