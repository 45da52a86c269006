//! `credentials.entropy`: secrets without a known prefix: a long random
//! token (24+ characters, letters and digits, high Shannon entropy) right
//! after a word like "token", "key", "secret" or "bearer". Keys with a known
//! prefix are `credentials.key`'s; commit hashes, UUIDs in bug reports,
//! URLs, e-mail addresses and hashtags stay quiet.

use super::nearby::{long_runs, words_before};
use super::{with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::words::{words, WordList};

pub struct Entropy;

/// Words that announce a secret value.
#[rustfmt::skip]
const KEY_WORDS: WordList = words!(
    "token|tokens|key|keys|secret|secrets|apikey|bearer|auth|authorization|credential|",
    "credentials|creds|password|passwd|pwd|pat|signature|sig|webhook|dsn|connection|session|",
    "cookie",
);

/// Words that make a hex string a hash or an id, not a secret.
#[rustfmt::skip]
const HASH_WORDS: WordList = words!(
    "commit|commits|sha|sha1|sha256|sha512|hash|md5|checksum|digest|rev|revision|merge|tag|",
    "build|fingerprint|id|uuid|guid|request|trace|correlation|block|tx|txid|transaction",
);

const MIN_LEN: usize = 24;
/// Bits per character; random base64 is near 5, hex near 4, prose near 3.
const MIN_ENTROPY: f64 = 3.5;

impl Rule for Entropy {
    fn id(&self) -> &'static str {
        "credentials.entropy"
    }

    fn category(&self) -> Category {
        Category::Credentials
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let text = input.doc.text;
        let words = secret_like_words(text);
        if words.is_empty() {
            return;
        }
        let lower = text.to_ascii_lowercase();
        for (start, word) in words {
            let end = start + word.len();
            let span = input.doc.utf16_span_of_bytes(start, end);
            let known = out.iter().any(|f| f.category == Category::Credentials && f.start < span.1 && span.0 < f.end);
            if known || !announced_secret(&lower, start, word) || !(is_uuid(word) || looks_random(word)) {
                continue;
            }
            let mut f = self.finding(Severity::High, span, "This looks like a secret key or token.".into());
            if input.ctx.is_dm() {
                f.lesson = super::dm_lesson(self.id()).into();
            }
            out.push(with_action(f, Action::Mask));
        }
    }
}

/// Runs of token characters of at least `MIN_LEN`, with their byte offsets,
/// leaving out the ones inside URLs, e-mail addresses, hashtags and mentions.
fn secret_like_words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    // Only a chunk that long can hold a run that long, and it lies in a run
    // that long of bytes that are not ASCII spaces: only those are split.
    let runs = long_runs(text.as_bytes(), MIN_LEN, |c| !c.is_ascii_whitespace());
    for (chunk_start, chunk) in runs.flat_map(|run| chunks(text, run)).filter(|(_, c)| c.len() >= MIN_LEN) {
        let url = chunk.contains("://") || chunk.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("www."));
        if url || chunk.contains('@') {
            continue;
        }
        let mut chars = chunk.char_indices().peekable();
        let mut run = None;
        loop {
            let (i, c) = chars.next().unwrap_or((chunk.len(), ' '));
            // `=` is base64 padding at the end, but splits `key=value`.
            let next = chars.peek().map_or(' ', |x| x.1);
            let member = c.is_ascii_alphanumeric()
                || matches!(c, '_' | '-' | '+' | '/' | '.' | '~')
                || (c == '=' && !(next.is_ascii_alphanumeric() || matches!(next, '"' | '\'')));
            match (member, run) {
                (true, None) => run = Some(i),
                (false, Some(s)) => {
                    let word = chunk[s..i].trim_end_matches(['.', '-', '/', '_']);
                    let tagged = chunk[..s].ends_with('#');
                    if word.len() >= MIN_LEN && !tagged {
                        out.push((chunk_start + s, word));
                    }
                    run = None;
                }
                _ => {}
            }
            if i == chunk.len() {
                break;
            }
        }
    }
    out
}

/// Whitespace-separated pieces of `text[start..end]` with their byte offsets in `text`.
fn chunks(text: &str, (start, end): (usize, usize)) -> impl Iterator<Item = (usize, &str)> {
    text[start..end].split_whitespace().map(move |c| (c.as_ptr() as usize - text.as_ptr() as usize, c))
}

/// A key word among the four words before, and no word that makes a hex
/// string a hash; a UUID only right after the key word and a `:` or `=`.
fn announced_secret(lower: &str, start: usize, word: &str) -> bool {
    let before = words_before(lower, start, 4);
    let Some(k) = before.iter().position(|w| super::listed(KEY_WORDS, w)) else {
        return false;
    };
    let hex = word.bytes().all(|c| c.is_ascii_hexdigit() || c == b'-');
    if hex && before[..=k].iter().chain(before.get(k + 1)).any(|w| super::listed(HASH_WORDS, w)) {
        return false;
    }
    if is_uuid(word) {
        let gap = lower[..start].trim_end_matches([' ', '"', '\'', '`']);
        return k <= 1 && (gap.ends_with(':') || gap.ends_with('='));
    }
    true
}

fn is_uuid(w: &str) -> bool {
    let parts: Vec<&str> = w.split('-').collect();
    parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12]) && parts.iter().all(|p| p.bytes().all(|c| c.is_ascii_hexdigit()))
}

/// Letters and digits mixed, and a high Shannon entropy per character.
fn looks_random(word: &str) -> bool {
    let b = word.as_bytes();
    let digit = b.iter().any(u8::is_ascii_digit);
    let alpha = b.iter().any(u8::is_ascii_alphabetic);
    digit && alpha && shannon(b) >= MIN_ENTROPY
}

fn shannon(b: &[u8]) -> f64 {
    let mut counts = [0u32; 256];
    b.iter().for_each(|&c| counts[c as usize] += 1);
    let n = b.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f64 / n;
            -p * p.log2()
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    const RULE: &str = "credentials.entropy";

    #[test]
    fn finds_announced_random_tokens() {
        for (text, token) in [
            ("api key: 9fK2xQ7LmZ4pR8sT1vW3yB6nC0dE5gH", "9fK2xQ7LmZ4pR8sT1vW3yB6nC0dE5gH"),
            ("Authorization: Bearer a8F3kL9zQ2mX7cV1bN4jH6gT0rY5uP", "a8F3kL9zQ2mX7cV1bN4jH6gT0rY5uP"),
            ("here's the token for staging 4b9c2e7f1a8d3b6c5e0f9a2d7c4b1e8f", "4b9c2e7f1a8d3b6c5e0f9a2d7c4b1e8f"),
            ("SECRET_KEY=\"Zx8vN2qL5mK9pR3tW7yA1cE4gJ6hB0d\"", "Zx8vN2qL5mK9pR3tW7yA1cE4gJ6hB0d"),
            ("my api token is: 550e8400-e29b-41d4-a716-446655440000", "550e8400-e29b-41d4-a716-446655440000"),
        ] {
            assert_eq!(fired(RULE, text, &personal()), vec![(token.to_string(), Severity::High)], "{text}");
        }
    }

    #[test]
    fn ignores_hashes_ids_urls_and_known_prefixes() {
        for text in [
            "fixed in commit 3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39, key change",
            "key sha 3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39",
            "crash with session 550e8400-e29b-41d4-a716-446655440000 after login",
            "token docs: https://example.com/docs/a8F3kL9zQ2mX7cV1bN4jH6gT0rY5uP",
            "key takeaway #a8F3kL9zQ2mX7cV1bN4jH6gT0rY5uP",
            "the key is authentication_and_authorization_everywhere",
            "9fK2xQ7LmZ4pR8sT1vW3yB6nC0dE5gH with no keyword",
            "token: ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R",
            "secret: aaaaaaaaaaaaaaaaaaaaaaaa1111",
        ] {
            assert!(fired(RULE, text, &personal()).is_empty(), "{text}");
        }
    }

    #[test]
    fn dm_lesson_and_exact_span() {
        let found = crate::check("🔑 key=9fK2xQ7LmZ4pR8sT1vW3yB6nC0dE5gH", &dm());
        let f = found.iter().find(|f| f.rule == RULE).unwrap();
        assert_eq!((f.start, f.end, f.severity), (7, 38, Severity::High));
        assert_eq!(f.lesson, super::super::dm_lesson(RULE));
    }

    #[test]
    fn entropy_separates_random_from_prose() {
        assert!(shannon(b"9fK2xQ7LmZ4pR8sT1vW3yB6nC0dE5gH") > 4.5);
        assert!(shannon(b"aaaaaaaaaaaaaaaaaaaaaaaa1111") < 1.0);
    }
}
