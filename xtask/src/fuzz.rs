//! `cargo xtask fuzz [SECONDS]`: runs the cargo-fuzz target on the core
//! (`fuzz/fuzz_targets/check.rs`) for a bounded time, installing cargo-fuzz
//! when it is missing. The machine's toolchain is stable, so the sanitizer
//! flags are unlocked with RUSTC_BOOTSTRAP for this build only.

use std::process::Command;

use crate::{root, run, setup};

pub fn run_for(seconds: u32) -> Result<(), String> {
    if setup::output(Command::new("cargo").args(["fuzz", "--version"])).is_none() {
        run(Command::new("cargo").args(["install", "cargo-fuzz"]))?;
    }
    let corpus = root().join("target/fuzz-corpus");
    std::fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    let mut cmd = Command::new("cargo");
    cmd.args(["fuzz", "run", "check"])
        .arg(&corpus)
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .args(["-max_len=4096", "-rss_limit_mb=2048"])
        .env("RUSTC_BOOTSTRAP", "1")
        .current_dir(root().join("fuzz"));
    run(&mut cmd)
}
