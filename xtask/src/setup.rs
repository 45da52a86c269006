//! Installs what the build and the tests need when it is missing: the wasm
//! target, the wasm-bindgen CLI matching the pinned library, binaryen's
//! wasm-opt, Debian's Chromium and Firefox ESR, and the npm packages of the
//! end-to-end tests. Each step is skipped when already satisfied.

use std::path::Path;
use std::process::Command;

use crate::{root, run};

pub fn all() -> Result<(), String> {
    for_browsers(true)
}

/// Everything for a build plus Chromium (and Firefox when `firefox`).
pub fn for_browsers(firefox: bool) -> Result<(), String> {
    wasm_toolchain()?;
    let mut packages = vec![("chromium", "chromium")];
    if firefox {
        packages.push(("firefox-esr", "firefox-esr"));
    }
    debian_packages(&packages)?;
    npm_packages()
}

/// The wasm target, the pinned wasm-bindgen CLI and wasm-opt: what
/// `cargo xtask build` (and so `bench` and `package`) needs on its own.
pub fn wasm_toolchain() -> Result<(), String> {
    debian_packages(&[("wasm-opt", "binaryen")])?;
    let targets = output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !targets.lines().any(|t| t.trim() == "wasm32-unknown-unknown") {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    let wanted = pinned_wasm_bindgen()?;
    let have = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if !have.split_whitespace().any(|w| w == wanted) {
        run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &wanted, "--force"]))?;
    }
    Ok(())
}

/// The wasm-bindgen version in Cargo.lock; the CLI must match it exactly.
pub fn pinned_wasm_bindgen() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

fn debian_packages(wanted: &[(&str, &str)]) -> Result<(), String> {
    let missing: Vec<&str> = wanted.iter().filter(|(bin, _)| !on_path(bin)).map(|(_, pkg)| *pkg).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let root_user = output(Command::new("id").arg("-u")).map(|s| s.trim() == "0").unwrap_or(false);
    let sudo: &[&str] = if root_user { &[] } else { &["sudo"] };
    let apt = |args: &[&str]| {
        let mut all: Vec<&str> = sudo.to_vec();
        all.push("apt-get");
        all.extend_from_slice(args);
        let mut cmd = Command::new(all[0]);
        cmd.args(&all[1..]).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut cmd)
    };
    apt(&["update", "-qq"])?;
    let mut args = vec!["install", "-y", "-qq", "--no-install-recommends"];
    args.extend(&missing);
    apt(&args).map_err(|e| format!("{e}\ninstall them by hand: apt-get install {}", missing.join(" ")))
}

fn npm_packages() -> Result<(), String> {
    let dir = root().join("tests/e2e");
    let stamp = dir.join("node_modules/.package-lock.json");
    let lock = dir.join("package-lock.json");
    if newer(&stamp, &lock) {
        return Ok(());
    }
    let mut cmd = Command::new("npm");
    cmd.args(["ci", "--no-audit", "--no-fund"]).current_dir(&dir);
    run(&mut cmd)
}

fn newer(a: &Path, b: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((modified(a), modified(b)), (Some(x), Some(y)) if x >= y)
}

fn on_path(bin: &str) -> bool {
    Command::new("sh").args(["-c", &format!("command -v {bin}")]).output().is_ok_and(|o| o.status.success())
}

pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
