//! Build and test automation: `cargo xtask <command>`.
//!
//! - `build`: the core to wasm (wasm-bindgen + wasm-opt), then the unpacked
//!   extensions `dist/chrome/` and `dist/firefox/` from `extension/` and the
//!   one `manifest.json`.
//! - `demo`: build, then open Chromium with the extension on the demo page
//!   (headless without a display: saves `target/demo.png`, prints findings).
//! - `test`: install what is missing, then every test: formatting, clippy,
//!   cargo tests, 30 s of fuzzing, two reproducible packages (the wasm build),
//!   the Firefox tests and the end-to-end tests in Chromium.
//! - `setup`: only the installation step of `test`.
//! - `bench`: the core's speed beside its peers (docs/BENCHMARKS.md).
//! - `fuzz [SECONDS]`: the cargo-fuzz target on the core, for a bounded time.
//! - `package`: reproducible Chrome and Firefox zips in `dist/`.
//! - `train`: the core's learned model from the labelled corpus.

mod bench;
mod bench_ui;
mod build;
mod firefox;
mod fuzz;
mod package;
mod setup;
mod train;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "usage: cargo xtask <build|demo|test|setup|package|bench|fuzz [SECONDS]|train>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("bench") => bench::all(&args[1..]),
        Some("bench-ui") => bench_ui::all(),
        Some("build") => build::all(),
        Some("setup") => setup::all(),
        Some("package") => package::all().map(|_| ()),
        Some("fuzz") => fuzz::run_for(args.get(1).and_then(|s| s.parse().ok()).unwrap_or(60)),
        Some("demo") => demo(),
        Some("test") => test(),
        Some("train") => train::all(),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

/// Runs a command from the workspace root, failing with its name.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let shown = format!("{cmd:?}");
    eprintln!("xtask: $ {shown}");
    let status = cmd.current_dir_if_unset().status().map_err(|e| format!("cannot start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

trait CurrentDir {
    fn current_dir_if_unset(&mut self) -> &mut Self;
}

impl CurrentDir for Command {
    fn current_dir_if_unset(&mut self) -> &mut Self {
        if self.get_current_dir().is_none() {
            self.current_dir(root());
        }
        self
    }
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

fn node(script: &str) -> Command {
    let mut cmd = Command::new("node");
    cmd.arg(script).current_dir(root().join("tests/e2e"));
    cmd
}

fn demo() -> Result<(), String> {
    setup::for_browsers(false)?;
    build::all()?;
    run(&mut node("demo.mjs"))
}

fn test() -> Result<(), String> {
    setup::all()?;
    run(cargo().args(["fmt", "--all", "--check"]))?;
    run(cargo().args(["clippy", "--workspace", "--all-targets", "--quiet", "--", "-D", "warnings"]))?;
    run(cargo().args(["test", "--workspace", "--release"]))?;
    fuzz::run_for(30)?;
    // Builds the extension twice on the way; the end-to-end tests use that build.
    package::check_reproducible()?;
    firefox::test()?;
    run(Command::new("node").args(["--test", "--test-concurrency=1"]).current_dir(root().join("tests/e2e")))
}
