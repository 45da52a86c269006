//! A draft prepared for the rules: the original text, its folded form (see
//! `fold`), a map from every folded byte back to the original character's
//! UTF-16 span, and the tokens. Offsets handed out by a `Doc` always fall on
//! character boundaries of the original text, so a highlight never splits an
//! emoji or a surrogate pair.

use super::fold::{fold_char, Folded};

#[derive(Debug, Clone)]
pub struct Token {
    /// Byte range in `Doc::folded`.
    pub start: usize,
    pub end: usize,
    /// The folded token with leetspeak decoded ("sh1t" → "shit").
    pub word: String,
    /// The folded token before leetspeak decoding ("sh1t").
    pub raw: String,
    /// Written as `#word`.
    pub hashtag: bool,
    /// Written as `@handle`.
    pub mention: bool,
    /// Every letter of the original is upper case (and there are ≥2).
    pub shouted: bool,
    /// The original starts with an upper-case letter.
    pub capitalized: bool,
    /// Contains a mask character ("f*ck").
    pub masked: bool,
}

impl Token {
    pub fn is_number(&self) -> bool {
        !self.raw.is_empty() && self.raw.bytes().all(|b| b.is_ascii_digit())
    }
}

pub struct Doc<'a> {
    pub text: &'a str,
    pub folded: String,
    /// For each byte of `folded`: the original character's UTF-16 span.
    origin: Vec<(u32, u32)>,
    /// For each byte of `folded`: whether the original character was upper case.
    upper: Vec<bool>,
    pub tokens: Vec<Token>,
    /// Words spelled out letter by letter ("f u c k", "s.h.i.t"), joined.
    pub spaced: Vec<Token>,
    /// For each original character: its UTF-16 offset and its byte offset.
    starts: Vec<(u32, u32)>,
    utf16_len: u32,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Doc<'a> {
        let mut folded = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        let mut upper = Vec::with_capacity(text.len());
        let mut starts = Vec::with_capacity(text.len());
        let mut at16 = 0u32;
        for (byte, c) in text.char_indices() {
            starts.push((at16, byte as u32));
            let span = (at16, at16 + c.len_utf16() as u32);
            at16 = span.1;
            let before = folded.len();
            match fold_char(c) {
                Folded::Nothing => {}
                Folded::Char(f) => folded.push(f),
                Folded::Str(s) => folded.push_str(&s),
            }
            let is_upper = c.is_uppercase();
            for _ in before..folded.len() {
                origin.push(span);
                upper.push(is_upper);
            }
        }
        let mut doc =
            Doc { text, folded, origin, upper, tokens: Vec::new(), spaced: Vec::new(), starts, utf16_len: at16 };
        doc.tokens = tokenize(&doc);
        doc.spaced = join_spelled_out(&doc);
        doc
    }

    pub fn utf16_len(&self) -> u32 {
        self.utf16_len
    }

    /// UTF-16 span of the original text behind the folded byte range.
    pub fn span(&self, start: usize, end: usize) -> (u32, u32) {
        if self.origin.is_empty() || start >= end {
            return (0, 0);
        }
        let end = end.min(self.origin.len());
        (self.origin[start.min(end - 1)].0, self.origin[end - 1].1)
    }

    /// UTF-16 span covering tokens `first..=last`.
    pub fn token_span(&self, first: usize, last: usize) -> (u32, u32) {
        self.span(self.tokens[first].start, self.tokens[last].end)
    }

    /// The original text behind a UTF-16 span (for messages and allow lists).
    pub fn original(&self, start: u32, end: u32) -> &'a str {
        let byte_at = |at16: u32| {
            let i = self.starts.partition_point(|&(u, _)| u < at16);
            self.starts.get(i).map_or(self.text.len(), |&(_, b)| b as usize)
        };
        &self.text[byte_at(start)..byte_at(end).max(byte_at(start))]
    }

    /// UTF-16 span of a byte range of the original text (on char boundaries).
    pub fn utf16_span_of_bytes(&self, start: usize, end: usize) -> (u32, u32) {
        let at16 = |byte: usize| {
            let i = self.starts.partition_point(|&(_, b)| (b as usize) < byte);
            self.starts.get(i).map_or(self.utf16_len, |&(u, _)| u)
        };
        (at16(start), at16(end))
    }

    /// Index of the first token starting at or after folded byte `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    /// Folded text between the end of token `a` and the start of token `b`.
    pub fn gap(&self, a: usize, b: usize) -> &str {
        &self.folded[self.tokens[a].end..self.tokens[b].start]
    }

    /// Whether tokens `a` and `b` (a < b) are in the same sentence.
    pub fn same_sentence(&self, a: usize, b: usize) -> bool {
        !self.folded[self.tokens[a].end..self.tokens[b].start].contains(['.', '!', '?', '\n'])
    }
}

fn is_core(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || (!c.is_ascii() && c.is_alphanumeric())
}

/// Characters that may sit inside a word as leetspeak or a mask.
fn is_inner(c: char) -> bool {
    matches!(c, '*' | '$' | '@' | '!' | '+' | '|' | '\'' | '#' | '%' | '¡' | '\u{2013}' | '\u{2014}')
}

fn tokenize(doc: &Doc) -> Vec<Token> {
    let f = &doc.folded;
    let mut tokens = Vec::with_capacity(f.len() / 5);
    let mut iter = f.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        if !(is_core(c) || is_inner(c)) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, n)) = iter.peek() {
            if is_core(n) || is_inner(n) {
                end = i + n.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        split_run(f, start, end, |s, e| tokens.extend(make_token(doc, s, e)));
    }
    tokens
}

/// A run like `#drunk#party` or `word!!` holds several tokens or trailing
/// punctuation; split it into the token ranges.
fn split_run(f: &str, start: usize, end: usize, mut emit: impl FnMut(usize, usize)) {
    let run = &f[start..end];
    let mut segment = |s: usize, e: usize| {
        if let Some((s, e)) = trim(f, s, e) {
            emit(s, e);
        }
    };
    // Split before every '#' or '@' that follows a letter or digit ("a#b").
    let mut seg_start = start;
    let bytes = run.as_bytes();
    for i in 1..bytes.len() {
        if (bytes[i] == b'#' || bytes[i] == b'@') && bytes[i - 1].is_ascii_alphanumeric() {
            // "@" inside a word is leetspeak ("f@ck"), unless an e-mail or handle follows.
            if bytes[i] == b'@' && i + 1 < bytes.len() && bytes[i + 1].is_ascii_alphanumeric() {
                continue;
            }
            segment(seg_start, start + i);
            seg_start = start + i;
        }
    }
    segment(seg_start, end);
}

/// Trims punctuation that is not part of the word: trailing `!` and `'`,
/// leading `'`, `!`, `|`, `+`, paired `*emphasis*`.
fn trim(f: &str, mut s: usize, mut e: usize) -> Option<(usize, usize)> {
    let b = f.as_bytes();
    while s < e && matches!(b[s], b'\'' | b'!' | b'|' | b'+' | b'%') {
        s += 1;
    }
    while e > s && matches!(b[e - 1], b'\'' | b'!' | b'|' | b'+' | b'#' | b'@' | b'%') {
        e -= 1;
    }
    // Dashes only mask inside a word ("f\u{2014}ing"), never at its edges.
    while s < e && f[s..e].starts_with(['\u{2013}', '\u{2014}']) {
        s += '\u{2013}'.len_utf8();
    }
    while e > s && f[s..e].ends_with(['\u{2013}', '\u{2014}']) {
        e -= '\u{2013}'.len_utf8();
    }
    if e > s + 2 && b[s] == b'*' && b[e - 1] == b'*' {
        s += 1;
        e -= 1;
    }
    while s < e && b[s] == b'*' && !b[s..e].iter().any(|x| x.is_ascii_alphanumeric()) {
        s += 1;
    }
    (s < e).then_some((s, e))
}

fn make_token(doc: &Doc, start: usize, end: usize) -> Option<Token> {
    let mut s = start;
    let f = &doc.folded;
    let hashtag = f.as_bytes()[s] == b'#';
    let mention = !hashtag && f.as_bytes()[s] == b'@' && end > s + 1 && f.as_bytes()[s + 1].is_ascii_alphanumeric();
    if hashtag || mention {
        s += 1;
    } else if f.as_bytes()[s] == b'$' && f[s + 1..end].bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        s += 1; // currency
    }
    if s >= end {
        return None;
    }
    let text = &f[s..end];
    if !text.chars().any(is_core) && !text.contains('*') {
        return None;
    }
    let has_letter = text.chars().any(|c| c.is_alphabetic());
    let masked = has_letter && text.contains(['*', '%', '#', '@', '$', '!', '\u{2013}', '\u{2014}']);
    let leet = has_letter && !mention && text.chars().any(|c| leet_letter(c) != c);
    let raw = text.to_string();
    let word = if leet { decode_leet(text) } else { raw.clone() };
    let (letters, upper, capitalized) = doc.letter_case(s, end);
    let shouted = letters >= 2 && upper == letters;
    Some(Token { start: s, end, word, raw, hashtag, mention, shouted, capitalized, masked })
}

impl Doc<'_> {
    /// Letters behind a folded range: (count, how many upper case, whether
    /// the first is upper case).
    fn letter_case(&self, start: usize, end: usize) -> (usize, usize, bool) {
        let (mut letters, mut upper, mut first) = (0, 0, None);
        for (i, c) in self.folded[start..end].char_indices() {
            if c.is_alphabetic() {
                let u = self.upper[start + i];
                letters += 1;
                upper += usize::from(u);
                first.get_or_insert(u);
            }
        }
        (letters, upper, first.unwrap_or(false))
    }
}

/// Leetspeak to letters, only for tokens that already hold a letter, so
/// plain numbers stay numbers.
fn decode_leet(raw: &str) -> String {
    raw.chars().map(leet_letter).collect()
}

/// The letter a leetspeak character stands for (other characters as they are).
fn leet_letter(c: char) -> char {
    match c {
        '0' => 'o',
        '1' | '!' | '|' | '¡' => 'i',
        '3' => 'e',
        '4' | '@' => 'a',
        '5' | '$' => 's',
        '7' | '+' => 't',
        '8' => 'b',
        '9' => 'g',
        other => other,
    }
}

/// "f u c k", "s.h.i.t", "f-u-c-k": three or more single letters separated
/// by single spaces, dots, dashes or underscores become one joined token.
fn join_spelled_out(doc: &Doc) -> Vec<Token> {
    let mut out = Vec::new();
    let toks = &doc.tokens;
    let mut i = 0;
    while i < toks.len() {
        let mut j = i;
        while j < toks.len()
            && toks[j].word.chars().count() == 1
            && (j == i || {
                let gap = doc.gap(j - 1, j);
                gap.len() <= 2 && gap.chars().all(|c| matches!(c, ' ' | '.' | '-' | '_' | '*'))
            })
        {
            j += 1;
        }
        if j - i >= 3 {
            let word: String = toks[i..j].iter().map(|t| t.word.as_str()).collect();
            let raw: String = toks[i..j].iter().map(|t| t.raw.as_str()).collect();
            out.push(Token {
                start: toks[i].start,
                end: toks[j - 1].end,
                word,
                raw,
                hashtag: false,
                mention: false,
                shouted: false,
                capitalized: false,
                masked: false,
            });
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        Doc::new(text).tokens.iter().map(|t| t.word.clone()).collect()
    }

    #[test]
    fn splits_words_and_keeps_hashtags_and_mentions() {
        let doc = Doc::new("Hi @mira_t, big news! #Launch#Day");
        let w: Vec<_> = doc.tokens.iter().map(|t| (t.word.as_str(), t.hashtag, t.mention)).collect();
        assert_eq!(
            w,
            vec![
                ("hi", false, false),
                ("mira_t", false, true),
                ("big", false, false),
                ("news", false, false),
                ("launch", true, false),
                ("day", true, false)
            ]
        );
    }

    #[test]
    fn decodes_leetspeak_but_not_numbers() {
        assert_eq!(words("sh1t a$$ f@ck 2024 sh!t!"), vec!["shit", "ass", "fack", "2024", "shit"]);
    }

    #[test]
    fn masks_are_flagged() {
        let doc = Doc::new("f*ck f**k *really*");
        assert!(doc.tokens[0].masked && doc.tokens[1].masked);
        assert_eq!(doc.tokens[0].word, "f*ck");
        assert_eq!(doc.tokens[2].word, "really");
        assert!(!doc.tokens[2].masked);
    }

    #[test]
    fn spelled_out_words_are_joined() {
        let doc = Doc::new("oh f u c k it and s.h.i.t");
        let joined: Vec<_> = doc.spaced.iter().map(|t| t.word.as_str()).collect();
        assert_eq!(joined, vec!["fuck", "shit"]);
        assert_eq!(doc.span(doc.spaced[0].start, doc.spaced[0].end), (3, 10));
    }

    #[test]
    fn spans_map_back_to_utf16_of_the_original() {
        let text = "😀 ｆｕｃｋ";
        let doc = Doc::new(text);
        let t = &doc.tokens[0];
        assert_eq!(t.word, "fuck");
        assert_eq!(doc.span(t.start, t.end), (3, 7));
        assert_eq!(doc.original(3, 7), "ｆｕｃｋ");
    }

    #[test]
    fn shouting_is_seen_on_the_original_case() {
        let doc = Doc::new("THIS is NOT ok");
        let shouted: Vec<_> = doc.tokens.iter().map(|t| t.shouted).collect();
        assert_eq!(shouted, vec![true, false, true, false]);
    }
}
