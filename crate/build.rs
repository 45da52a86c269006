//! Copies the word lists (`src/lexicon/*.txt`) into OUT_DIR without their
//! comments and blank lines, so the shipped wasm carries only the phrases.
//! Phrases are grouped by tag, each group written once under a `!tag` line
//! (`!tag strong` then the bare phrases) instead of repeating ` | strong`;
//! directives (`!evasive`, `!except ...`) come first. Matching does not
//! depend on the order of phrases within a list. All lists are then packed
//! into one deflate stream (`OUT_DIR/lexicon.deflate`), each under a
//! `\0file.txt` line: the word lists are the core's largest text (114 KB),
//! and packed (38 KB) they save far more wasm than the decoder adds. The
//! rules' lessons (`src/rules/lessons.txt`) join them, as written but for
//! comments.
//!
//! The `|`-separated word lists written in the rules' code with `words!`
//! (`src/words.rs`) go first in the same stream: build.rs reads every
//! `words!(...)` in `src/rules/` and writes `OUT_DIR/words_index.rs`, where
//! each list's place in the unpacked text is found at compile time. As plain
//! strings they were 19 KB of the wasm; packed, they add 7 KB to the stream.
//!
//! Each stream is compressed only when its input changed (a copy of the
//! input is kept beside it in OUT_DIR): zopfli takes seconds, and a rule's
//! edit changes only the lists stream.
//!
//! It also writes the look-alike table (`OUT_DIR/lookalikes.deflate`):
//! `decancer`'s fold of every letter, digit and enclosed alphanumeric that
//! it changes, read here once instead of shipping `decancer`'s own tables
//! and code (about 90 KB of wasm; the table packs to 11 KB). The format is
//! a count, then each code point as a varint gap from the one before, then
//! each fold as a length byte and its UTF-8 bytes (empty: the character
//! folds to nothing); gaps and folds apart, since each column packs better
//! with its own kind.
//!
//! And it packs the learned model (`src/learned.bin`, written by `cargo
//! xtask train`; its format is described in `src/learned.rs`) into
//! `OUT_DIR/learned.deflate`, about half its size: the header as it is, the
//! feature hashes as varint gaps, each feature's entry count as a byte, then
//! the entries' categories and their weights, each column apart.

use std::path::Path;
use std::{env, fs};

fn main() {
    let src = Path::new("src/lexicon");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lexicon.deflate");
    println!("cargo:rerun-if-changed=src/lexicon");
    let mut entries: Vec<_> = fs::read_dir(src).expect("src/lexicon").flatten().map(|e| e.path()).collect();
    entries.sort(); // the packed file is the same on every machine
    let (mut packed, index) = rule_words(&[Path::new("src/rules"), Path::new("src/words.rs")]);
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out_dir).join("words_index.rs"), index).expect("write words_index.rs");
    for path in entries {
        if path.extension().is_some_and(|e| e == "txt") {
            println!("cargo:rerun-if-changed={}", path.display());
            let text = fs::read_to_string(&path).expect("read list");
            let kept = text.lines().map(|l| l.split("//").next().unwrap_or("").trim()).filter(|l| !l.is_empty());
            let (directives, phrases): (Vec<&str>, Vec<&str>) = kept.partition(|l| l.starts_with('!'));
            let mut tagged: Vec<(&str, &str)> =
                phrases.iter().map(|l| l.split_once(" | ").map_or((*l, ""), |(p, t)| (p.trim(), t.trim()))).collect();
            // Sorted within a tag, neighbouring phrases share their openings, which
            // deflate packs as matches.
            tagged.sort_unstable_by_key(|&(phrase, tag)| (tag, phrase));
            let mut lines: Vec<String> = directives.iter().map(|l| l.to_string()).collect();
            let mut current = "";
            for (phrase, tag) in tagged {
                if tag != current {
                    lines.push(format!("!tag {tag}").trim_end().to_string());
                    current = tag;
                }
                lines.push(phrase.to_string());
            }
            let name = path.file_name().and_then(|n| n.to_str()).expect("list names are UTF-8");
            packed.push_str(&format!("\0{name}\n{}\n", lines.join("\n")));
        }
    }
    // The rules' lessons, one `rule.id: text` line each, packed as they are.
    let lessons_path = Path::new("src/rules/lessons.txt");
    println!("cargo:rerun-if-changed={}", lessons_path.display());
    let lessons = fs::read_to_string(lessons_path).expect("src/rules/lessons.txt");
    let kept: Vec<&str> = lessons.lines().filter(|l| !l.starts_with("//") && !l.trim().is_empty()).collect();
    packed.push_str(&format!("\0lessons.txt\n{}\n", kept.join("\n")));
    deflate(packed.as_bytes(), &out);
    write_lookalikes(&Path::new(&out_dir).join("lookalikes.deflate"));
    write_model(Path::new("src/learned.bin"), &Path::new(&out_dir).join("learned.deflate"));
}

fn write_model(model: &Path, out: &Path) {
    println!("cargo:rerun-if-changed={}", model.display());
    let bytes = fs::read(model).expect("src/learned.bin (cargo xtask train writes it)");
    let stale = "src/learned.bin is not a model file: run `cargo xtask train`";
    let heads = usize::from(*bytes.get(4).expect(stale));
    let hashes = 9 + 12 * heads;
    let features = u32::from_le_bytes(bytes[hashes - 4..hashes].try_into().expect(stale)) as usize;
    let starts = hashes + 3 * features;
    let entries = starts + 2 * (features + 1);
    let u16_at = |at: usize| usize::from(u16::from_le_bytes([bytes[at], bytes[at + 1]]));
    assert!(bytes.len() == entries + 2 * u16_at(entries - 2), "{stale}");
    let mut packed = bytes[..hashes].to_vec();
    let mut last = 0;
    for i in 0..features {
        let at = hashes + 3 * i;
        let hash = u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], 0]);
        push_varint(&mut packed, hash - last);
        last = hash;
    }
    for i in 0..features {
        packed.push(u8::try_from(u16_at(starts + 2 * i + 2) - u16_at(starts + 2 * i)).expect(stale));
    }
    packed.extend(bytes[entries..].iter().step_by(2));
    packed.extend(bytes[entries + 1..].iter().step_by(2));
    deflate(&packed, out);
}

/// The characters `src/text/fold.rs` asks the table about: non-ASCII
/// letters, digits and enclosed alphanumerics (emoji and symbols stay as
/// they are, since decancer maps some emoji to letters).
fn is_lookalike_candidate(c: char) -> bool {
    !c.is_ascii() && (c.is_alphanumeric() || matches!(c, '\u{2460}'..='\u{24FF}' | '\u{1F100}'..='\u{1F1FF}'))
}

fn write_lookalikes(out: &Path) {
    let (mut gaps, mut folds, mut count, mut last) = (Vec::new(), Vec::new(), 0u32, 0u32);
    for c in (0..=char::MAX as u32).filter_map(char::from_u32).filter(|&c| is_lookalike_candidate(c)) {
        let fold = match decancer::cure_char(c, decancer::Options::default()) {
            decancer::Translation::Character(f) if f.to_ascii_lowercase() == c => continue,
            decancer::Translation::Character(f) => f.to_ascii_lowercase().to_string(),
            decancer::Translation::String(s) => s.to_ascii_lowercase(),
            decancer::Translation::None => String::new(),
        };
        push_varint(&mut gaps, c as u32 - last);
        last = c as u32;
        folds.push(u8::try_from(fold.len()).expect("a fold is a few bytes"));
        folds.extend_from_slice(fold.as_bytes());
        count += 1;
    }
    // text/fold.rs keeps where each fold ends as a u16.
    assert!(folds.len() - count as usize <= usize::from(u16::MAX), "the folds outgrew their u16 ends");
    let mut table = Vec::new();
    push_varint(&mut table, count);
    table.extend_from_slice(&gaps);
    table.extend_from_slice(&folds);
    deflate(&table, out);
}

/// Writes `input` deflated to `out`, unless `out` already holds it. Zopfli
/// spends seconds for a stream 6% smaller than zlib's best level, in the
/// same format.
fn deflate(input: &[u8], out: &Path) {
    let kept = out.with_extension("input");
    if out.exists() && fs::read(&kept).is_ok_and(|k| k == input) {
        return;
    }
    let mut block = Vec::new();
    zopfli::compress(zopfli::Options::default(), zopfli::Format::Deflate, input, &mut block)
        .expect("zopfli compresses");
    fs::write(out, block).expect("write a deflate stream");
    fs::write(kept, input).expect("keep the stream's input");
}

/// Every `words!("…", "…")` list in the `.rs` files at `paths`: the text
/// that starts the packed stream (each list once; a list inside another
/// shares its bytes) and the index `src/words.rs` includes, each list with
/// its start and end in that text.
fn rule_words(paths: &[&Path]) -> (String, String) {
    let mut files = Vec::new();
    for path in paths {
        println!("cargo:rerun-if-changed={}", path.display());
        match fs::read_dir(path) {
            Ok(dir) => files.extend(dir.flatten().map(|e| e.path())),
            Err(_) => files.push(path.to_path_buf()),
        }
    }
    files.sort();
    let mut lists = Vec::new();
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "rs")) {
        let code = fs::read_to_string(path).expect("read a rule");
        for (at, _) in code.match_indices("words!(") {
            lists.push(macro_literals(&code[at + "words!(".len()..], path));
        }
    }
    lists.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    lists.dedup();
    let mut text = String::new();
    let mut index = String::from("/// Written by build.rs: each `words!` list and its place in the packed text.\n");
    index.push_str("const INDEX: &[(&str, u32, u32)] = &[\n");
    for list in &lists {
        let start = text.find(list.as_str()).unwrap_or_else(|| {
            text.push_str(list);
            text.len() - list.len()
        });
        index.push_str(&format!("    ({list:?}, {start}, {}),\n", start + list.len()));
    }
    index.push_str("];\n");
    assert!(!text.contains('\0'), "a words! list holds a NUL, which separates the packed files");
    (text, index)
}

/// The string literals of one `words!(` call (its arguments), joined as
/// `concat!` joins them. Lists hold no escapes, so none are read.
fn macro_literals(args: &str, path: &Path) -> String {
    let mut joined = String::new();
    let mut rest = args;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        if rest.starts_with(')') {
            return joined;
        }
        let literal =
            rest.strip_prefix('"').unwrap_or_else(|| panic!("{}: words! takes string literals", path.display()));
        let end = literal.find('"').unwrap_or_else(|| panic!("{}: an unclosed words! literal", path.display()));
        assert!(!literal[..end].contains('\\'), "{}: a words! list with an escape", path.display());
        joined.push_str(&literal[..end]);
        rest = &literal[end + 1..];
    }
}

/// Seven bits at a time, lowest first; the high bit says more follow.
fn push_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}
