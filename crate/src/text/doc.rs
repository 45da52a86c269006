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
    /// Where `Doc::word` and `Doc::raw` read the token's spellings, as byte
    /// ranges of `Doc::spellings`, so a token costs no allocation of its own.
    word: (u32, u32),
    raw: (u32, u32),
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

pub struct Doc<'a> {
    pub text: &'a str,
    pub folded: String,
    /// Where `folded`, the original's bytes and its UTF-16 units line up:
    /// one piece per run of ASCII (which maps one to one) and one per other
    /// character, then an end. A dense map per byte would write 16 bytes
    /// for each byte of every draft; offsets are read only for findings.
    pieces: Vec<Piece>,
    pub tokens: Vec<Token>,
    /// Words spelled out letter by letter ("f u c k", "s.h.i.t"), joined.
    pub spaced: Vec<Token>,
    /// The tokens' spellings: a copy of `folded` (where a token's raw
    /// spelling is its own range), then the leetspeak readings and the
    /// joined spelled-out words.
    spellings: String,
    utf16_len: u32,
    /// The characters outside the Basic Multilingual Plane (most emoji), in
    /// order: rules asking "is there a 😂?" read these, not the whole text.
    pub astral: Vec<char>,
}

/// A stretch of the draft: a run of ASCII, or one other character (whose
/// fold may be empty or several bytes long). Its end is the next piece's
/// start.
#[derive(Debug, Clone, Copy)]
struct Piece {
    folded: u32,
    byte: u32,
    at16: u32,
    ascii: bool,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Doc<'a> {
        let mut folded = String::with_capacity(text.len());
        // For each byte of `folded`: whether the original character was upper case.
        let mut upper = Vec::with_capacity(text.len());
        let mut pieces = Vec::new();
        let mut at16 = 0u32;
        let mut astral = Vec::new();
        let bytes = text.as_bytes();
        let mut byte = 0;
        while byte < bytes.len() {
            let piece = |ascii| Piece { folded: folded.len() as u32, byte: byte as u32, at16, ascii };
            // Runs of ASCII, most of any draft, fold a whole run at a time.
            let ascii = bytes[byte..].iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len() - byte);
            if ascii > 0 {
                pieces.push(piece(true));
                upper.extend(bytes[byte..byte + ascii].iter().map(u8::is_ascii_uppercase));
                let run_at = folded.len();
                folded.push_str(&text[byte..byte + ascii]);
                folded[run_at..].make_ascii_lowercase();
                at16 += ascii as u32;
                byte += ascii;
                continue;
            }
            pieces.push(piece(false));
            let c = text[byte..].chars().next().unwrap_or_default();
            if c.len_utf8() == 4 {
                astral.push(c);
            }
            at16 += c.len_utf16() as u32;
            match fold_char(c) {
                Folded::Nothing => {}
                Folded::Char(f) => folded.push(f),
                Folded::Str(s) => folded.push_str(s),
            }
            upper.resize(folded.len(), c.is_uppercase());
            byte += c.len_utf8();
        }
        pieces.push(Piece { folded: folded.len() as u32, byte: byte as u32, at16, ascii: false });
        let mut spellings = String::with_capacity(folded.len() + 32);
        spellings.push_str(&folded);
        let tokens = tokenize(&folded, &upper, &mut spellings);
        let spaced = join_spelled_out(&folded, &tokens, &mut spellings);
        Doc { text, folded, pieces, tokens, spaced, spellings, utf16_len: at16, astral }
    }

    /// The folded token with leetspeak decoded ("sh1t" → "shit"). A token's
    /// range is always in `spellings`; `get` spares every call the check for
    /// a panic that cannot happen (smaller and faster in the wasm).
    pub fn word(&self, t: &Token) -> &str {
        self.spellings.get(t.word.0 as usize..t.word.1 as usize).unwrap_or_default()
    }

    /// The folded token before leetspeak decoding ("sh1t").
    pub fn raw(&self, t: &Token) -> &str {
        self.spellings.get(t.raw.0 as usize..t.raw.1 as usize).unwrap_or_default()
    }

    /// Whether the token is a plain number.
    pub fn is_number(&self, t: &Token) -> bool {
        let raw = self.raw(t);
        !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit())
    }

    pub fn utf16_len(&self) -> u32 {
        self.utf16_len
    }

    /// UTF-16 span of the original text behind the folded byte range.
    pub fn span(&self, start: usize, end: usize) -> (u32, u32) {
        if self.folded.is_empty() || start >= end {
            return (0, 0);
        }
        let end = end.min(self.folded.len());
        (self.char_of_folded(start.min(end - 1)).0, self.char_of_folded(end - 1).1)
    }

    /// UTF-16 span of the original character behind folded byte `i` (in range).
    fn char_of_folded(&self, i: usize) -> (u32, u32) {
        // The last piece starting at or before `i` holds it: a piece whose
        // fold is empty starts where the next one does.
        let at = self.pieces.partition_point(|p| p.folded as usize <= i).saturating_sub(1);
        let piece = self.pieces[at];
        if piece.ascii {
            let unit = piece.at16 + (i as u32 - piece.folded);
            (unit, unit + 1)
        } else {
            (piece.at16, self.pieces.get(at + 1).map_or(self.utf16_len, |p| p.at16))
        }
    }

    /// UTF-16 span covering tokens `first..=last`.
    pub fn token_span(&self, first: usize, last: usize) -> (u32, u32) {
        self.span(self.tokens[first].start, self.tokens[last].end)
    }

    /// The original text behind a UTF-16 span (for messages and allow lists).
    pub fn original(&self, start: u32, end: u32) -> &'a str {
        let byte_at = |at16: u32| self.next_char(|p| p.at16, at16).map_or(self.text.len(), |(_, byte)| byte as usize);
        &self.text[byte_at(start)..byte_at(end).max(byte_at(start))]
    }

    /// UTF-16 span of a byte range of the original text (on char boundaries).
    pub fn utf16_span_of_bytes(&self, start: usize, end: usize) -> (u32, u32) {
        let at16 = |byte: usize| self.next_char(|p| p.byte, byte as u32).map_or(self.utf16_len, |(at16, _)| at16);
        (at16(start), at16(end))
    }

    /// The first original character starting at or after `offset`, in the
    /// coordinate `of` reads (UTF-16 units or bytes): its UTF-16 offset and
    /// byte offset.
    fn next_char(&self, of: impl Fn(&Piece) -> u32, offset: u32) -> Option<(u32, u32)> {
        let at = self.pieces.partition_point(|p| of(p) < offset);
        let next = self.pieces.get(at)?;
        match at.checked_sub(1).map(|before| self.pieces[before]) {
            // Inside a run of ASCII, every unit and byte starts a character.
            Some(run) if run.ascii && offset < of(next) => {
                let k = offset - of(&run);
                Some((run.at16 + k, run.byte + k))
            }
            _ => Some((next.at16, next.byte)),
        }
    }

    /// Index of the first token starting at or after folded byte `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    /// Folded text between the end of token `a` and the start of token `b`.
    pub fn gap(&self, a: usize, b: usize) -> &str {
        self.folded.get(self.tokens[a].end..self.tokens[b].start).unwrap_or_default()
    }

    /// The first and last token of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> (usize, usize) {
        let (mut first, mut last) = (i, i);
        while first > 0 && self.same_sentence(first - 1, first) {
            first -= 1;
        }
        while last + 1 < self.tokens.len() && self.same_sentence(last, last + 1) {
            last += 1;
        }
        (first, last)
    }

    /// Whether tokens `a` and `b` (a < b) are in the same sentence.
    pub fn same_sentence(&self, a: usize, b: usize) -> bool {
        debug_assert!(a <= b, "same_sentence takes tokens in text order");
        let between = self.folded.as_bytes().get(self.tokens[a].end..self.tokens[b].start).unwrap_or_default();
        !between.iter().copied().any(is_sentence_stop)
    }
}

/// A byte that ends a sentence: `.`, `!`, `?` or a new line.
pub fn is_sentence_stop(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | b'\n')
}

/// What a character is to the tokenizer, as bits: see `classes_of`.
const CORE: u8 = 1;
const INNER: u8 = 2;
const STAR: u8 = 4;
const MASK: u8 = 8;
const LEET: u8 = 16;
const LETTER: u8 = 32;

/// The classes of `c`, given whether it is alphanumeric and alphabetic:
/// `CORE`, a letter, digit or `_`; `INNER`, may sit inside a word as
/// leetspeak or a mask; `STAR`, `*`; `MASK`, stands for a hidden letter
/// ("f*ck", "sh!t"); `LEET`, reads as another letter ("sh1t"); `LETTER`.
const fn classes_of(c: char, alphanumeric: bool, alphabetic: bool) -> u8 {
    let mut k = 0;
    if alphanumeric || c == '_' {
        k |= CORE;
    }
    if matches!(c, '*' | '$' | '@' | '!' | '+' | '|' | '\'' | '#' | '%' | '¡' | '•' | '\u{2013}' | '\u{2014}') {
        k |= INNER;
    }
    if c == '*' {
        k |= STAR;
    }
    if matches!(c, '*' | '%' | '#' | '@' | '$' | '!' | '•' | '\u{2013}' | '\u{2014}') {
        k |= MASK;
    }
    if leet_letter(c) as u32 != c as u32 {
        k |= LEET;
    }
    if alphabetic {
        k |= LETTER;
    }
    k
}

/// The classes of the ASCII characters, looked up rather than worked out:
/// the tokenizer asks for every character.
static ASCII_CLASSES: [u8; 128] = {
    let mut table = [0; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8 as char;
        table[b] = classes_of(c, c.is_ascii_alphanumeric(), c.is_ascii_alphabetic());
        b += 1;
    }
    table
};

#[inline]
fn classes(c: char) -> u8 {
    if c.is_ascii() {
        ASCII_CLASSES[c as usize]
    } else {
        classes_of(c, c.is_alphanumeric(), c.is_alphabetic())
    }
}

/// The character at byte `i` of `f` and its length, ASCII without decoding.
#[inline]
fn char_at(f: &str, i: usize) -> (char, usize) {
    let b = f.as_bytes()[i];
    if b.is_ascii() {
        return (b as char, 1);
    }
    let c = f[i..].chars().next().unwrap_or_default();
    (c, c.len_utf8())
}

fn tokenize(f: &str, upper: &[bool], spellings: &mut String) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(f.len() / 5);
    let mut i = 0;
    while i < f.len() {
        let (c, len) = char_at(f, i);
        i += len;
        if classes(c) & (CORE | INNER) == 0 {
            continue;
        }
        let start = i - len;
        while i < f.len() {
            let (n, len) = char_at(f, i);
            if classes(n) & (CORE | INNER) == 0 {
                break;
            }
            i += len;
        }
        split_run(f, start, i, |s, e| {
            if let Some(token) = make_token(f, upper, spellings, s, e) {
                tokens.push(token);
            }
        });
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
            let next = bytes.get(i + 1).copied().unwrap_or(b' ');
            // "@" inside a word is leetspeak ("f@ck", "f@#king"), unless an e-mail or handle follows.
            if bytes[i] == b'@' && (next.is_ascii_alphanumeric() || matches!(next, b'#' | b'*' | b'!' | b'$' | b'%')) {
                continue;
            }
            // "f#cking", "sh#t": a hashtag glued to one or two letters is a mask;
            // "Kolkata#77", "DeliBK#2022": digits after it make a password, not a tag.
            if bytes[i] == b'#' && ((start + i - seg_start <= 2 && next.is_ascii_alphabetic()) || next.is_ascii_digit())
            {
                continue;
            }
            segment(seg_start, start + i);
            seg_start = start + i;
        }
    }
    segment(seg_start, end);
}

/// Whether `b` starts with an en or em dash.
fn starts_with_dash(b: &[u8]) -> bool {
    b.len() >= 3 && b[0] == 0xE2 && b[1] == 0x80 && matches!(b[2], 0x93 | 0x94)
}

/// Whether `b` ends with an en or em dash.
fn ends_with_dash(b: &[u8]) -> bool {
    b.len() >= 3 && starts_with_dash(&b[b.len() - 3..])
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
    while s < e && starts_with_dash(&b[s..e]) {
        s += '\u{2013}'.len_utf8();
    }
    while e > s && ends_with_dash(&b[s..e]) {
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

fn make_token(f: &str, upper: &[bool], spellings: &mut String, start: usize, end: usize) -> Option<Token> {
    let mut s = start;
    let b = f.as_bytes();
    let hashtag = b[s] == b'#';
    let mention = !hashtag && b[s] == b'@' && end > s + 1 && b[s + 1].is_ascii_alphanumeric();
    if hashtag || mention {
        s += 1;
    } else if b[s] == b'$' && b[s + 1..end].first().is_some_and(|b| b.is_ascii_digit()) {
        s += 1; // currency
    }
    if s >= end {
        return None;
    }
    let text = &f[s..end];
    // One pass over the token for everything the flags below need.
    let mut seen = 0;
    let (mut letters, mut upper_letters, mut first_upper) = (0, 0, None);
    for (i, c) in text.char_indices() {
        let k = classes(c);
        seen |= k;
        if k & LETTER != 0 {
            let u = upper[s + i];
            letters += 1;
            upper_letters += usize::from(u);
            first_upper.get_or_insert(u);
        }
    }
    if seen & (CORE | STAR) == 0 {
        return None;
    }
    let has_letter = letters > 0;
    let masked = has_letter && seen & MASK != 0;
    let leet = seen & LEET != 0;
    let raw = (s as u32, end as u32);
    let word = if has_letter && !mention && leet {
        let at = spellings.len() as u32;
        spellings.extend(text.chars().map(leet_letter));
        (at, spellings.len() as u32)
    } else {
        raw
    };
    let shouted = letters >= 2 && upper_letters == letters;
    let capitalized = first_upper.unwrap_or(false);
    Some(Token { start: s, end, word, raw, hashtag, mention, shouted, capitalized, masked })
}

/// The letter a leetspeak character stands for (other characters as they are).
#[inline]
const fn leet_letter(c: char) -> char {
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
fn join_spelled_out(f: &str, toks: &[Token], spellings: &mut String) -> Vec<Token> {
    let mut out = Vec::new();
    let one_char = |t: &Token, spellings: &str| {
        let mut chars = spellings[t.word.0 as usize..t.word.1 as usize].chars();
        chars.next().is_some() && chars.next().is_none()
    };
    let mut i = 0;
    while i < toks.len() {
        let mut j = i;
        while j < toks.len()
            && one_char(&toks[j], spellings)
            && (j == i || {
                let gap = &f[toks[j - 1].end..toks[j].start];
                gap.len() <= 2 && gap.chars().all(|c| matches!(c, ' ' | '.' | '-' | '_' | '*'))
            })
        {
            j += 1;
        }
        if j - i >= 3 {
            // "what a f u c k i n g finish": the article is a word of its own.
            let article = matches!(&spellings[toks[i].word.0 as usize..toks[i].word.1 as usize], "a" | "i");
            let mut emit = |from: usize| {
                let join = |spellings: &mut String, part: fn(&Token) -> (u32, u32)| {
                    let joined: String =
                        toks[from..j].iter().map(|t| &spellings[part(t).0 as usize..part(t).1 as usize]).collect();
                    let at = spellings.len();
                    spellings.push_str(&joined);
                    (at as u32, spellings.len() as u32)
                };
                let word = join(spellings, |t| t.word);
                let raw = join(spellings, |t| t.raw);
                out.push(Token {
                    start: toks[from].start,
                    end: toks[j - 1].end,
                    word,
                    raw,
                    hashtag: false,
                    mention: false,
                    shouted: false,
                    capitalized: false,
                    masked: false,
                });
            };
            emit(i);
            if article && j - i >= 4 {
                emit(i + 1);
            }
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
        {
            let doc = Doc::new(text);
            doc.tokens.iter().map(|t| doc.word(t).to_string()).collect()
        }
    }

    #[test]
    fn splits_words_and_keeps_hashtags_and_mentions() {
        let doc = Doc::new("Hi @mira_t, big news! #Launch#Day");
        let w: Vec<_> = doc.tokens.iter().map(|t| (doc.word(t), t.hashtag, t.mention)).collect();
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
    fn ascii_classes_are_the_unicode_ones() {
        for c in (0..128u8).map(char::from) {
            assert_eq!(classes(c), classes_of(c, c.is_alphanumeric(), c.is_alphabetic()), "{c:?}");
        }
    }

    #[test]
    fn decodes_leetspeak_but_not_numbers() {
        assert_eq!(words("sh1t a$$ f@ck 2024 sh!t!"), vec!["shit", "ass", "fack", "2024", "shit"]);
    }

    #[test]
    fn masks_are_flagged() {
        let doc = Doc::new("f*ck f**k *really*");
        assert!(doc.tokens[0].masked && doc.tokens[1].masked);
        assert_eq!(doc.word(&doc.tokens[0]), "f*ck");
        assert_eq!(doc.word(&doc.tokens[2]), "really");
        assert!(!doc.tokens[2].masked);
    }

    #[test]
    fn spelled_out_words_are_joined() {
        let doc = Doc::new("oh f u c k it and s.h.i.t");
        let joined: Vec<_> = doc.spaced.iter().map(|t| doc.word(t)).collect();
        assert_eq!(joined, vec!["fuck", "shit"]);
        assert_eq!(doc.span(doc.spaced[0].start, doc.spaced[0].end), (3, 10));
    }

    #[test]
    fn spans_map_back_to_utf16_of_the_original() {
        let text = "😀 ｆｕｃｋ";
        let doc = Doc::new(text);
        let t = &doc.tokens[0];
        assert_eq!(doc.word(t), "fuck");
        assert_eq!(doc.span(t.start, t.end), (3, 7));
        assert_eq!(doc.original(3, 7), "ｆｕｃｋ");
    }

    type Span = (u32, u32);

    /// The offsets as a dense map would give them: per folded byte, the
    /// original character's UTF-16 span; per character, its UTF-16 and
    /// byte offsets.
    fn dense(text: &str) -> (Vec<Span>, Vec<Span>) {
        let (mut origin, mut starts, mut at16) = (Vec::new(), Vec::new(), 0u32);
        for (byte, c) in text.char_indices() {
            let span = (at16, at16 + c.len_utf16() as u32);
            starts.push((at16, byte as u32));
            let fold_len = match fold_char(c) {
                Folded::Nothing => 0,
                Folded::Char(f) => f.len_utf8(),
                Folded::Str(s) => s.len(),
            };
            origin.extend(std::iter::repeat(span).take(fold_len));
            at16 = span.1;
        }
        (origin, starts)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

        /// Every offset the pieces give is the one a dense map gives.
        #[test]
        fn offsets_match_a_dense_map(text in "(?s)[a-zA-Z0-9 .#@*'\u{200b}\u{202e}ａ-ｚＡ-Ｚ①-⑳éßĲﬁ🙂👍🏽\u{1D400}-\u{1D433}\u{0301}]{0,24}") {
            let doc = Doc::new(&text);
            let (origin, starts) = dense(&text);
            proptest::prop_assert_eq!(origin.len(), doc.folded.len());
            let utf16_len = text.encode_utf16().count() as u32;
            for start in 0..=origin.len() + 1 {
                for end in start..=origin.len() + 1 {
                    let want = if origin.is_empty() || start >= end {
                        (0, 0)
                    } else {
                        let end = end.min(origin.len());
                        (origin[start.min(end - 1)].0, origin[end - 1].1)
                    };
                    proptest::prop_assert_eq!(doc.span(start, end), want, "span {}..{}", start, end);
                }
            }
            for at16 in 0..=utf16_len + 1 {
                let i = starts.partition_point(|&(u, _)| u < at16);
                let byte = starts.get(i).map_or(text.len(), |&(_, b)| b as usize);
                proptest::prop_assert_eq!(doc.original(at16, utf16_len + 1), &text[byte..]);
            }
            for byte in (0..=text.len()).filter(|&b| text.is_char_boundary(b)) {
                let i = starts.partition_point(|&(_, b)| (b as usize) < byte);
                let at16 = starts.get(i).map_or(utf16_len, |&(u, _)| u);
                proptest::prop_assert_eq!(doc.utf16_span_of_bytes(byte, text.len()), (at16, utf16_len));
            }
        }
    }

    #[test]
    fn shouting_is_seen_on_the_original_case() {
        let doc = Doc::new("THIS is NOT ok");
        let shouted: Vec<_> = doc.tokens.iter().map(|t| t.shouted).collect();
        assert_eq!(shouted, vec![true, false, true, false]);
    }
}
