//! The Firefox checks of `cargo xtask test`: `web-ext lint` of `dist/firefox`
//! and an end-to-end subset in headless Firefox ESR through puppeteer-core's
//! WebDriver BiDi (tests/firefox). Their npm packages are kept apart from the
//! Chromium suite's and installed here when missing or older than the lock.

use std::process::Command;

use crate::{root, run};

/// Installs tests/firefox's packages if needed, then runs its tests on the
/// current build (`dist/firefox`).
pub fn test() -> Result<(), String> {
    let dir = root().join("tests/firefox");
    let stamp = dir.join("node_modules/.package-lock.json");
    let lock = dir.join("package-lock.json");
    let modified = |p: &std::path::Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    // npm rewrites node_modules/.package-lock.json on every install, so a
    // lock newer than it means the pins changed since.
    if !matches!((modified(&stamp), modified(&lock)), (Some(s), Some(l)) if s >= l) {
        run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&dir))?;
    }
    run(Command::new("node").args(["--test", "--test-concurrency=1"]).current_dir(&dir))
}
