//! Small helpers shared by the personal-data and credential rules: the
//! words around a place in the folded text, keywords found through the
//! `pii_context` word list and the context word lists several rules agree
//! on. Not a rule itself.

use super::Input;
use crate::lexicon::List;
use crate::text::Doc;
use crate::words::{words, WordList};

/// Words that say a number is a reference, not a phone or an id of a person.
#[rustfmt::skip]
pub const REFERENCE_WORDS: WordList = words!(
    "order|orders|tracking|track|invoice|inv|ref|reference|ticket|case|acct|account|id|",
    "confirmation|conf|booking|reservation|serial|sn|isbn|issn|sku|item|model|part|receipt|",
    "transaction|txn|claim|policy|member|membership|customer|po|shipment|parcel|package|awb|",
    "routing|swift|iban|sort|card|version|build|release|patch|doi|pnr|flight|zip|postcode|",
    "postal|record|loyalty|voucher|coupon|promo|code|pin|otp|passcode|password|ssn|passport|",
    "license|licence|registration|reg|vin|plate|tax|vat|ein|lot|batch|badge|employee|student|",
    "patient|application|request|req|issue|pr|bug|job|project|product|article|episode|",
    "chapter|page|rank|score|pts|points|votes|step|steps|isin|cusip|ticker",
);

/// Abbreviations whose trailing dot does not end a sentence.
const ABBREVIATIONS: WordList =
    words!("no|nr|ref|tel|ph|mob|inv|acct|dob|st|dr|apt|ave|rd|num|mr|mrs|ms|e|g|i|vs|approx|dept");

/// The most words `words_before` and `words_after` hand back.
const MAX_WORDS: usize = 12;

/// A few words near a place in the text, kept on the stack: reads like a
/// slice of words.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    words: [&'a str; MAX_WORDS],
    len: usize,
}

impl<'a> Words<'a> {
    fn new() -> Words<'a> {
        Words { words: [""; MAX_WORDS], len: 0 }
    }

    fn push(&mut self, w: &'a str) {
        self.words[self.len] = w;
        self.len += 1;
    }
}

impl<'a> std::ops::Deref for Words<'a> {
    type Target = [&'a str];

    fn deref(&self) -> &[&'a str] {
        &self.words[..self.len]
    }
}

impl std::fmt::Debug for Words<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a> PartialEq<Vec<&'a str>> for Words<'a> {
    fn eq(&self, other: &Vec<&'a str>) -> bool {
        **self == other[..]
    }
}

/// Up to `n` (at most 12) words before byte `pos` of `s`, nearest first,
/// within the sentence. A word is a run of ASCII letters and digits.
pub fn words_before(s: &str, pos: usize, n: usize) -> Words<'_> {
    let n = n.min(MAX_WORDS);
    let b = s.as_bytes();
    let mut out = Words::new();
    let mut i = pos.min(b.len());
    while out.len < n && i > 0 {
        let c = b[i - 1];
        if c.is_ascii_alphanumeric() {
            let end = i;
            while i > 0 && b[i - 1].is_ascii_alphanumeric() {
                i -= 1;
            }
            out.push(&s[i..end]);
            continue;
        }
        let ends_sentence = match c {
            b'\n' | b'!' | b'?' => true,
            b'.' => {
                let next = b.get(i).copied().unwrap_or(b' ');
                let mut w = i - 1;
                while w > 0 && b[w - 1].is_ascii_alphabetic() {
                    w -= 1;
                }
                next.is_ascii_whitespace() && !super::listed(ABBREVIATIONS, &s[w..i - 1])
            }
            _ => false,
        };
        if ends_sentence && i < pos {
            break;
        }
        i -= 1;
    }
    out
}

/// Up to `n` (at most 12) words after byte `pos` of `s` in the same sentence.
pub fn words_after(s: &str, pos: usize, n: usize) -> Words<'_> {
    let n = n.min(MAX_WORDS);
    let b = s.as_bytes();
    let mut out = Words::new();
    let mut i = pos;
    while out.len < n && i < b.len() {
        if b[i].is_ascii_alphanumeric() {
            let start = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            out.push(&s[start..i]);
            continue;
        }
        if matches!(b[i], b'\n' | b'!' | b'?')
            || (b[i] == b'.' && b.get(i + 1).map_or(true, |c| c.is_ascii_whitespace()))
        {
            break;
        }
        i += 1;
    }
    out
}

/// Whether any of `words` is among the `n` words before `pos`.
pub fn any_before(s: &str, pos: usize, n: usize, words: &[&str]) -> bool {
    words_before(s, pos, n).iter().any(|w| words.contains(w))
}

/// Where the rules' keywords may start, in text order: the folded byte
/// offsets of the `PiiContext` hits tagged `tag` (the list holds each
/// keyword's first word or words, the last as a prefix), and the word
/// starts glued inside tokens (`Input::glued`). `phrase_at` then tells
/// which keyword, if any, is written there.
pub fn keyword_starts(input: &Input, tag: &str) -> Vec<usize> {
    let mut hits = input.scan.hits(List::PiiContext).filter(|h| h.tag == tag).map(|h| h.start).peekable();
    // Both are in text order: merged, not sorted (a sort costs kilobytes of wasm).
    let mut starts = Vec::new();
    for &glued in &input.glued {
        while let Some(hit) = hits.next_if(|&hit| hit <= glued) {
            starts.push(hit);
        }
        starts.push(glued);
    }
    starts.extend(hits);
    starts.dedup();
    starts
}

/// Every word start inside a token that glues words together
/// ("db_password", "**pin**", "密码password"), which the lexicon cannot
/// see, in text order.
pub fn glued_word_starts(doc: &Doc) -> Vec<usize> {
    let b = doc.folded.as_bytes();
    let mut starts = Vec::new();
    // A token's raw spelling is its range of the folded text. Plain loops:
    // this runs over every token, and the wasm build keeps closures as calls.
    for t in &doc.tokens {
        for p in t.start + 1..t.end {
            if b[p].is_ascii_alphanumeric() && !b[p - 1].is_ascii_alphanumeric() {
                starts.push(p);
            }
        }
    }
    starts
}

/// The end of `phrase` when it is written at byte `start` of `s` as whole
/// words (`start` must start a word).
pub fn phrase_at(s: &str, start: usize, phrase: &str) -> Option<usize> {
    let end = start + phrase.len();
    // The first byte rules out most places before a full comparison.
    let b = s.as_bytes();
    let written = b.get(start) == phrase.as_bytes().first() && b.get(start..end) == Some(phrase.as_bytes());
    let word_end = !phrase.as_bytes()[phrase.len() - 1].is_ascii_alphanumeric() || ends_word(s, end);
    (written && word_end).then_some(end)
}

/// Whether any of `phrases` (`|`-separated) is written as whole words at
/// one of `starts`.
pub fn has_keyword(s: &str, starts: &[usize], phrases: WordList) -> bool {
    starts.iter().any(|&at| phrases.text().split('|').any(|p| phrase_at(s, at, p).is_some()))
}

/// The maximal runs of `member` bytes in `b` at least `min` (> 0) long, as
/// (start, end), in order. Where no run is that long it reads about one
/// byte in `min`: a run that long must cover the byte `min - 1` ahead.
pub fn long_runs<'a>(
    b: &'a [u8],
    min: usize,
    member: impl Fn(u8) -> bool + 'a,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    // No run reaches `i` from before it.
    let mut i = 0;
    std::iter::from_fn(move || {
        while i + min <= b.len() {
            let probe = i + min - 1;
            if !member(b[probe]) {
                i = probe + 1;
                continue;
            }
            let mut start = probe;
            while start > i && member(b[start - 1]) {
                start -= 1;
            }
            let mut end = probe + 1;
            while end < b.len() && member(b[end]) {
                end += 1;
            }
            i = end + 1;
            if end - start >= min {
                return Some((start, end));
            }
        }
        None
    })
}

/// Whether byte `pos` of `s` starts a word (nothing alphanumeric before it).
#[inline]
pub fn starts_word(s: &str, pos: usize) -> bool {
    pos == 0 || !s.as_bytes()[pos - 1].is_ascii_alphanumeric()
}

/// Whether byte `pos` of `s` ends a word (nothing alphanumeric at it).
#[inline]
pub fn ends_word(s: &str, pos: usize) -> bool {
    s.as_bytes().get(pos).map_or(true, |c| !c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_stop_at_the_sentence() {
        let s = "done. call my tel. no. 555";
        assert_eq!(words_before(s, s.len() - 3, 9), vec!["no", "tel", "my", "call"]);
        assert_eq!(words_after("is 42 now. next", 2, 9), vec!["42", "now"]);
    }

    #[test]
    fn long_runs_are_the_maximal_runs_that_long() {
        let digits = |s: &str, min| long_runs(s.as_bytes(), min, |c| c.is_ascii_digit()).collect::<Vec<_>>();
        assert_eq!(digits("12 345 6789 1234567", 4), vec![(7, 11), (12, 19)]);
        assert_eq!(digits("1234", 4), vec![(0, 4)]);
        assert_eq!(digits("123 4567", 5), vec![]);
        for text in ["", "a1b22c333d4444e55555f", "999999999 9 99 999", "12345678901234567890"] {
            for min in 1..6 {
                let mut expected = Vec::new();
                let b = text.as_bytes();
                let mut i = 0;
                while i < b.len() {
                    let start = i;
                    while i < b.len() && b[i].is_ascii_digit() {
                        i += 1;
                    }
                    if i - start >= min {
                        expected.push((start, i));
                    }
                    i += 1;
                }
                assert_eq!(digits(text, min), expected, "{text} {min}");
            }
        }
    }

    #[test]
    fn phrases_match_whole_words() {
        assert_eq!(phrase_at("dob: x", 0, "dob"), Some(3));
        assert_eq!(phrase_at("dobby", 0, "dob"), None);
        assert_eq!(phrase_at("sin:1", 0, "sin:"), Some(4));
    }
}
