//! Copies the word lists (`src/lexicon/*.txt`) into OUT_DIR without their
//! comments and blank lines, so the shipped wasm carries only the phrases.

use std::path::Path;
use std::{env, fs};

fn main() {
    let src = Path::new("src/lexicon");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lexicon");
    fs::create_dir_all(&out).expect("create OUT_DIR/lexicon");
    println!("cargo:rerun-if-changed=src/lexicon");
    for entry in fs::read_dir(src).expect("src/lexicon").flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "txt") {
            println!("cargo:rerun-if-changed={}", path.display());
            let text = fs::read_to_string(&path).expect("read list");
            let kept: Vec<&str> =
                text.lines().map(|l| l.split("//").next().unwrap_or("").trim()).filter(|l| !l.is_empty()).collect();
            fs::write(out.join(entry.file_name()), kept.join("\n") + "\n").expect("write list");
        }
    }
}
