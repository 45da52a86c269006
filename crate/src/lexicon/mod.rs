//! Word and phrase lists, one data file per list (`lexicon/*.txt`), compiled
//! once into a single index and matched against a draft's tokens in one
//! pass. Rules ask the resulting `Scan` for the hits of the lists they own.
//!
//! List syntax, one phrase per line (`//` starts a comment; build.rs strips
//! comments before the lists are compiled in):
//! - `word` matches the token exactly (after folding and leetspeak decoding);
//! - `word*` matches any word starting with `word`;
//! - `word~` matches `word` and its inflections (-s, -es, -ed, -ing, -er, -y…);
//! - `?` inside a phrase matches any one token;
//! - `phrase | tag` attaches a tag the rule can read.
//!   (build.rs writes a run of phrases with one tag under a `!tag tag` line.)
//!
//! Every list's single words are matched through stretched letters
//! ("druuunk", "fuuuck"). A list whose first line is `!evasive` is also
//! matched through masks (`f*ck`) and spelled-out words (`f u c k`).
//! `!except phrase` drops the list's hits inside that phrase ("summa cum
//! laude", "drinking water").

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use crate::text::{Doc, Token};

macro_rules! lists {
    ($($name:ident => $file:literal,)*) => {
        /// Every word list the rules use; the file holds its phrases.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum List { $($name,)* }
        impl List {
            pub const ALL: &'static [List] = &[$(List::$name,)*];
            fn source(self) -> &'static str {
                let file = match self { $(List::$name => $file,)* };
                packed(file)
            }
        }
    };
}

lists! {
    Profanity => "profanity.txt",
    Slurs => "slurs.txt",
    Ableist => "ableist.txt",
    Groups => "groups.txt",
    GroupCues => "group_cues.txt",
    OffensivePhrases => "offensive_phrases.txt",
    Illness => "illness.txt",
    Jokes => "jokes.txt",
    Supportive => "supportive.txt",
    Insults => "insults.txt",
    HostilePhrases => "hostile_phrases.txt",
    Threats => "threats.txt",
    Drinking => "drinking.txt",
    Sexual => "sexual.txt",
    Confidential => "confidential.txt",
    Market => "market.txt",
    Disaster => "disaster.txt",
    Promo => "promo.txt",
    Invitation => "invitation.txt",
    Workplace => "workplace.txt",
    PrivateCues => "private_cues.txt",
    Permanence => "permanence.txt",
    Register => "register.txt",
    PiiContext => "pii_context.txt",
    Banter => "banter.txt",
}

/// One file's text from the block build.rs packed: every word list and the
/// rules' lessons, each after a `\0file.txt` line.
pub(crate) fn packed(file: &str) -> &'static str {
    packed_text().split('\0').find_map(|section| section.strip_prefix(file)?.strip_prefix('\n')).unwrap_or("")
}

/// The whole block build.rs packed, deflate-compressed: the rules' `words!`
/// lists, then the files. Unpacked once, on first use.
pub(crate) fn packed_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let packed = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.deflate"));
        // build.rs wrote it, and a test unpacks every list; a broken block
        // would read as empty lists, not a panic (nor its error formatting,
        // which costs kilobytes of wasm).
        let bytes = zune_inflate::DeflateDecoder::new(packed).decode_deflate().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    })
}

/// Where a hit was found and what it matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub list: List,
    /// The phrase as written in the list.
    pub phrase: &'static str,
    pub tag: &'static str,
    /// Token indices (inclusive) in `Doc::tokens`.
    pub first: usize,
    pub last: usize,
    /// Folded byte range.
    pub start: usize,
    pub end: usize,
    /// Matched through a mask, stretched letters or spelling out.
    pub evasion: bool,
    except: bool,
}

#[derive(Debug, Clone)]
enum WordPat {
    Exact(&'static str),
    Prefix(&'static str),
    Inflected(&'static str),
    Any,
}

const SUFFIXES: &[&str] = &["s", "es", "ed", "d", "ing", "in", "er", "ers", "y", "ies", "ied", "ier", "iest", "ies"];

impl WordPat {
    fn matches(&self, word: &str) -> bool {
        match self {
            WordPat::Exact(w) => word == *w,
            WordPat::Prefix(p) => word.starts_with(p),
            WordPat::Inflected(stem) => inflects(stem, word),
            WordPat::Any => true,
        }
    }
}

/// `word` is `stem` or `stem` with an inflectional ending, allowing a
/// doubled final consonant ("hug" → "hugging") or a dropped final `e`/`y`.
fn inflects(stem: &str, word: &str) -> bool {
    if word == stem {
        return true;
    }
    let bases: [Option<&str>; 3] = [Some(stem), stem.strip_suffix('e'), stem.strip_suffix('y')];
    bases.into_iter().flatten().any(|base| {
        word.strip_prefix(base).is_some_and(|rest| {
            SUFFIXES.contains(&rest)
                || rest.len() > 1
                    && rest.as_bytes()[0] == *base.as_bytes().last().unwrap_or(&0)
                    && SUFFIXES.contains(&&rest[1..])
        })
    })
}

struct Phrase {
    list: List,
    /// An `!except` phrase: its hits mask the list's other hits.
    except: bool,
    text: &'static str,
    tag: &'static str,
    words: Vec<WordPat>,
    evasive: bool,
}

pub struct Lexicon {
    phrases: Vec<Phrase>,
    /// Keyed by the first word when it is exact: the phrases to try
    /// whatever follows (one word, or a second word that is not exact).
    exact: HashMap<&'static str, Vec<u32>>,
    /// The other phrases with two exact first words, keyed by both ("my
    /// address"), so a common first word ("my", "the") tries only the
    /// phrases its next word can continue; an evasive list's are keyed by
    /// the first word and a space too ("you "), tried before a masked word.
    /// Their first word is a key of `exact` too, with or without phrases.
    /// (Same map type as the others: each new one costs kilobytes of wasm.)
    pairs: HashMap<&'static str, Vec<u32>>,
    /// Keyed by stem; verified with the phrase's first pattern. Every
    /// prefix of a stem (down to the shortest stem) is a key too, with no
    /// phrases when it is not a stem itself, so a lookup can stop at the
    /// first prefix of a word that is not a key.
    stems: HashMap<&'static str, Vec<u32>>,
    shortest_stem: usize,
    /// One bit per pair of bytes: whether a stem starts with them. Most
    /// words start with a pair no stem does and need no stem lookup.
    stem_starts: Vec<u64>,
    /// The stems two bytes long ("pw"): a word's first two bytes are a key
    /// of `stems` exactly when `stem_starts` has their bit, so they are
    /// looked up only when they are one of these.
    two_byte_stems: Vec<&'static str>,
    /// Single-word forms of evasive lists, for matching masked tokens.
    masked_forms: Vec<(String, u32)>,
}

impl Lexicon {
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut lex = Lexicon {
            phrases: Vec::new(),
            exact: HashMap::default(),
            pairs: HashMap::default(),
            stems: HashMap::default(),
            shortest_stem: usize::MAX,
            stem_starts: vec![0; (1 << 16) / 64],
            two_byte_stems: Vec::new(),
            masked_forms: Vec::new(),
        };
        for &list in List::ALL {
            let mut evasive = false;
            // build.rs writes a run of same-tagged phrases under one `!tag` line.
            let mut run_tag = "";
            for line in list.source().lines() {
                let line = line.split("//").next().unwrap_or("").trim();
                if line == "!evasive" {
                    evasive = true;
                    continue;
                }
                if line.is_empty() {
                    continue;
                }
                if let Some(tag) = line.strip_prefix("!tag") {
                    run_tag = tag.trim();
                    continue;
                }
                let (line, except) = match line.strip_prefix("!except ") {
                    Some(rest) => (rest, true),
                    None => (line, false),
                };
                let (text, tag) = match line.split_once(" | ") {
                    Some((t, tag)) => (t.trim(), tag.trim()),
                    None => (line, if except { "" } else { run_tag }),
                };
                lex.add(list, text, tag, evasive && !except, except);
            }
        }
        let stems: Vec<&'static str> = lex.stems.keys().copied().collect();
        lex.two_byte_stems = stems.iter().copied().filter(|s| s.len() == 2).collect();
        for stem in stems {
            if let [a, b, ..] = *stem.as_bytes() {
                let (at, bit) = byte_pair_bit(a, b);
                lex.stem_starts[at] |= bit;
            }
            let boundaries = stem.char_indices().map(|(i, _)| i).filter(|&i| i >= lex.shortest_stem);
            for n in boundaries {
                lex.stems.entry(&stem[..n]).or_default();
            }
        }
        lex
    }

    fn add(&mut self, list: List, text: &'static str, tag: &'static str, evasive: bool, except: bool) {
        let words: Vec<WordPat> = text
            .split_whitespace()
            .map(|w| {
                let w = w.trim_start_matches('#');
                if w == "?" {
                    WordPat::Any
                } else if let Some(p) = w.strip_suffix('*') {
                    WordPat::Prefix(p)
                } else if let Some(s) = w.strip_suffix('~') {
                    WordPat::Inflected(s)
                } else {
                    WordPat::Exact(w)
                }
            })
            .collect();
        let id = self.phrases.len() as u32;
        match words.first() {
            Some(WordPat::Exact(w)) => {
                let ids = self.exact.entry(w).or_default();
                match words.get(1) {
                    Some(WordPat::Exact(second)) if pairable(text, w, second) => {
                        // An evasive phrase's second word may be masked ("you f*cking
                        // ..."): it waits under "you " too, read only before a masked word.
                        if evasive {
                            self.pairs.entry(&text[..w.len() + 1]).or_default().push(id);
                        }
                        self.pairs.entry(&text[..w.len() + 1 + second.len()]).or_default().push(id);
                    }
                    _ => ids.push(id),
                }
            }
            Some(WordPat::Prefix(s)) | Some(WordPat::Inflected(s)) => {
                let mut keys = vec![*s];
                if matches!(words[0], WordPat::Inflected(_)) {
                    keys.extend(s.strip_suffix('e'));
                    keys.extend(s.strip_suffix('y'));
                }
                for k in keys {
                    self.stems.entry(k).or_default().push(id);
                    self.shortest_stem = self.shortest_stem.min(k.len());
                }
            }
            _ => return,
        }
        if evasive && words.len() == 1 {
            let forms: Vec<String> = match &words[0] {
                WordPat::Exact(w) => vec![w.to_string()],
                WordPat::Prefix(s) => ["", "s", "ing", "in", "er", "ed", "ers", "y", "head", "face", "able"]
                    .iter()
                    .map(|x| format!("{s}{x}"))
                    .collect(),
                WordPat::Inflected(s) => ["", "s", "ing", "ed", "er", "y"].iter().map(|x| format!("{s}{x}")).collect(),
                WordPat::Any => Vec::new(),
            };
            self.masked_forms.extend(forms.into_iter().map(|f| (f, id)));
        }
        self.phrases.push(Phrase { list, except, text, tag, words, evasive });
    }

    /// Ids of the phrases whose first word may match `word` when the token
    /// `next` (decoded, raw, masked) follows it, into `ids`: those keyed by
    /// the exact word and by the pair of words (with "word " too before a
    /// masked token), in id order, then those keyed by a stem that starts
    /// it, shortest stem first. Without `next`, only the phrases that need
    /// no second word are sure to be there. `scratch` holds the pair keys.
    fn candidates(&self, word: &str, next: Option<Spelled>, ids: &mut Vec<u32>, scratch: &mut String) {
        ids.clear();
        if let Some(first) = self.exact.get(word) {
            ids.extend_from_slice(first);
            if let Some((decoded, raw, masked)) = next {
                let mut paired = false;
                scratch.clear();
                scratch.push_str(word);
                scratch.push(' ');
                if masked {
                    if let Some(pair) = self.pairs.get(scratch.as_str()) {
                        ids.extend_from_slice(pair);
                        paired = true;
                    }
                }
                for second in [decoded, raw].into_iter().take(if raw == decoded { 1 } else { 2 }) {
                    scratch.truncate(word.len() + 1);
                    scratch.push_str(second);
                    if let Some(pair) = self.pairs.get(scratch.as_str()) {
                        ids.extend_from_slice(pair);
                        paired = true;
                    }
                }
                if paired {
                    sort_short(ids);
                    ids.dedup();
                }
            }
        }
        let may_stem = match *word.as_bytes() {
            [a, b, ..] if self.shortest_stem >= 2 => {
                let (at, bit) = byte_pair_bit(a, b);
                self.stem_starts[at] & bit != 0
            }
            _ => true,
        };
        if !may_stem {
            return;
        }
        for n in self.shortest_stem..=word.len() {
            // `get` is `None` off a character boundary.
            let Some(prefix) = word.get(..n) else { continue };
            if n == 2 && !self.two_byte_stems.contains(&prefix) {
                continue;
            }
            let Some(stemmed) = self.stems.get(prefix) else { break };
            ids.extend_from_slice(stemmed);
        }
    }

    /// Every hit of every list in the draft, in text order.
    pub fn scan(&self, doc: &Doc) -> Vec<Hit> {
        let mut hits = Vec::new();
        let (mut ids, mut scratch) = (Vec::new(), String::new());
        // Each token's spellings, read once: a token is read as a first word
        // and again as the word after one.
        let mut spelled = Vec::with_capacity(doc.tokens.len());
        for tok in &doc.tokens {
            spelled.push((doc.word(tok), doc.raw(tok), tok.masked));
        }
        for (i, tok) in doc.tokens.iter().enumerate() {
            self.match_at(doc, i, &spelled, &mut hits, (&mut ids, &mut scratch));
            if tok.masked {
                self.match_masked(i, tok, spelled[i].1, &mut hits);
            }
            if let Some(squeezed) = squeeze(spelled[i].0) {
                for cand in squeezed {
                    self.candidates(&cand, None, &mut ids, &mut scratch);
                    for &id in &ids {
                        let p = &self.phrases[id as usize];
                        if !p.except && p.words.len() == 1 && p.words[0].matches(&cand) {
                            hits.push(self.hit(id, i, i, tok.start, tok.end, true));
                        }
                    }
                }
            }
        }
        for joined in &doc.spaced {
            let first = doc.token_at_or_after(joined.start);
            let last = doc.token_at_or_after(joined.end).saturating_sub(1);
            let word = doc.word(joined);
            self.candidates(word, None, &mut ids, &mut scratch);
            for &id in &ids {
                let p = &self.phrases[id as usize];
                if p.evasive && p.words.len() == 1 && p.words[0].matches(word) {
                    hits.push(self.hit(id, first, last, joined.start, joined.end, true));
                }
            }
        }
        // Byte offsets: a draft is far under 4 GB.
        crate::sort_by_key(&mut hits, |h| [h.start as u32, h.end as u32, 0]);
        hits.dedup_by(|a, b| a.phrase == b.phrase && a.start == b.start && a.list == b.list);
        let excepted: Vec<(List, usize, usize)> =
            hits.iter().filter(|h| h.except).map(|h| (h.list, h.start, h.end)).collect();
        hits.retain(|h| !h.except && !excepted.iter().any(|&(l, s, e)| l == h.list && s <= h.start && h.end <= e));
        hits
    }

    fn hit(&self, id: u32, first: usize, last: usize, start: usize, end: usize, evasion: bool) -> Hit {
        let p = &self.phrases[id as usize];
        Hit { list: p.list, except: p.except, phrase: p.text, tag: p.tag, first, last, start, end, evasion }
    }

    /// `buffers`: reused by `candidates`.
    /// `spelled`: each token's decoded and raw spellings and whether it is
    /// masked; `buffers`: reused by `candidates`.
    fn match_at(
        &self,
        doc: &Doc,
        i: usize,
        spelled: &[Spelled],
        hits: &mut Vec<Hit>,
        buffers: (&mut Vec<u32>, &mut String),
    ) {
        let (ids, scratch) = buffers;
        let (word, raw, _) = spelled[i];
        let tok = &doc.tokens[i];
        let spellings: &[&str] = if raw != word { &[word, raw] } else { &[word] };
        let next = spelled.get(i + 1).copied();
        for (n, spelling) in spellings.iter().enumerate() {
            self.candidates(spelling, next, ids, scratch);
            for &id in ids.iter() {
                let p = &self.phrases[id as usize];
                // An exact first word is the key it was found by.
                if !matches!(p.words[0], WordPat::Exact(_)) && !p.words[0].matches(spelling) {
                    continue;
                }
                let Some(last) = self.match_rest(doc, i, spelled, &p.words[1..], p.evasive) else {
                    continue;
                };
                // A leetspeak reading of a word counts only for evasive lists.
                let leet = n == 0 && raw != word;
                if leet && !p.evasive {
                    continue;
                }
                hits.push(self.hit(id, i, last, tok.start, doc.tokens[last].end, leet));
            }
        }
    }

    fn match_rest(
        &self,
        doc: &Doc,
        first: usize,
        spelled: &[Spelled],
        rest: &[WordPat],
        evasive: bool,
    ) -> Option<usize> {
        let mut at = first;
        for pat in rest {
            at += 1;
            let &(word, raw, masked) = spelled.get(at)?;
            let masked = evasive && masked && matches!(pat, WordPat::Exact(w) if mask_matches(raw, w));
            if !(pat.matches(word) || pat.matches(raw) || masked) || !doc.same_sentence(at - 1, at) {
                return None;
            }
        }
        Some(at)
    }

    fn match_masked(&self, i: usize, tok: &Token, raw: &str, hits: &mut Vec<Hit>) {
        for (form, id) in &self.masked_forms {
            if mask_matches(raw, form) {
                hits.push(self.hit(*id, i, i, tok.start, tok.end, true));
            }
        }
    }
}

/// A token's spellings, decoded and raw, and whether it is masked.
type Spelled<'a> = (&'a str, &'a str, bool);

/// Where `Lexicon::stem_starts` keeps the bit of a pair of bytes.
fn byte_pair_bit(a: u8, b: u8) -> (usize, u64) {
    let pair = usize::from(a) << 8 | usize::from(b);
    (pair / 64, 1 << (pair % 64))
}

/// Insertion sort: the lists are a few ids long, and a library sort would
/// add kilobytes to the wasm.
fn sort_short(ids: &mut [u32]) {
    for k in 1..ids.len() {
        let mut j = k;
        while j > 0 && ids[j - 1] > ids[j] {
            ids.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Whether the phrase `text` is written "w1 w2 ...", so its leading words
/// can key `Lexicon::pairs` ("#AskMe" or a double space cannot).
fn pairable(text: &str, w1: &str, w2: &str) -> bool {
    text.get(..w1.len() + 1 + w2.len()).and_then(|key| key.split_once(' ')) == Some((w1, w2))
}

/// `masked` ("f*ck", "f**k", "sh!t", "f@ck") spells `word`: same first
/// letter, letters in place, each symbol stands for one letter and a run of
/// `*` for one or more. At least two real letters must show.
fn mask_matches(masked: &str, word: &str) -> bool {
    // Most candidates fail on the first letter: check it before copying.
    if masked.as_bytes().first() != word.as_bytes().first() {
        return false;
    }
    let dashes_as_stars = if masked.contains(['\u{2013}', '\u{2014}', '•']) {
        std::borrow::Cow::Owned(masked.replace(['\u{2013}', '\u{2014}', '•'], "*"))
    } else {
        std::borrow::Cow::Borrowed(masked)
    };
    let m = dashes_as_stars.as_bytes();
    let w = word.as_bytes();
    if m.iter().filter(|b| b.is_ascii_alphabetic()).count() < 2 {
        return false;
    }
    fn go(m: &[u8], w: &[u8]) -> bool {
        match (m.first(), w.first()) {
            (None, None) => true,
            (Some(b'*'), _) => {
                let rest = &m[m.iter().take_while(|&&b| b == b'*').count()..];
                (1..=w.len()).any(|k| go(rest, &w[k..]))
            }
            (Some(&c), Some(&d)) if c.is_ascii_alphanumeric() => {
                (c == d || leet_of(c) == Some(d)) && go(&m[1..], &w[1..])
            }
            (Some(_), Some(_)) => go(&m[1..], &w[1..]),
            _ => false,
        }
    }
    go(m, w)
}

fn leet_of(c: u8) -> Option<u8> {
    Some(match c {
        b'0' => b'o',
        b'1' => b'i',
        b'3' => b'e',
        b'4' => b'a',
        b'5' => b's',
        b'7' => b't',
        _ => return None,
    })
}

/// Stretched words ("fuuuuck", "asssss"): the word with every run of three
/// or more letters cut to one and to two. `None` when there is no such run.
fn squeeze(word: &str) -> Option<[String; 2]> {
    let b = word.as_bytes();
    let has_run = b.windows(3).any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_ascii_alphabetic());
    if !has_run {
        return None;
    }
    let cut = |keep: usize| {
        let mut out = String::new();
        let mut run = 0;
        let mut prev = None;
        for c in word.chars() {
            run = if Some(c) == prev { run + 1 } else { 1 };
            prev = Some(c);
            if run <= keep {
                out.push(c);
            }
        }
        out
    };
    Some([cut(1), cut(2)])
}

/// The hits of a scan, grouped by list for the rules.
pub struct Scan {
    by_list: Vec<Vec<Hit>>,
}

impl Scan {
    pub fn new(doc: &Doc) -> Scan {
        let mut by_list = vec![Vec::new(); List::ALL.len()];
        for hit in Lexicon::get().scan(doc) {
            by_list[hit.list as usize].push(hit);
        }
        Scan { by_list }
    }

    /// Hits of `list`, in text order.
    pub fn hits(&self, list: List) -> std::slice::Iter<'_, Hit> {
        self.by_list[list as usize].iter()
    }

    pub fn has(&self, list: List) -> bool {
        !self.by_list[list as usize].is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_unpacks_with_its_phrases() {
        for &list in List::ALL {
            assert!(list.source().lines().any(|l| !l.starts_with('!')), "{list:?} unpacked empty");
        }
        assert!(List::Profanity.source().starts_with("!evasive\n"));
        assert!(!List::Slurs.source().contains('\0'));
    }

    #[test]
    fn inflections() {
        assert!(inflects("hate", "hating"));
        assert!(inflects("hate", "hated"));
        assert!(inflects("hug", "hugging"));
        assert!(inflects("party", "parties"));
        assert!(!inflects("ass", "assassin"));
        assert!(!inflects("cock", "cocktail"));
    }

    #[test]
    fn masks() {
        assert!(mask_matches("f*ck", "fuck"));
        assert!(mask_matches("f**k", "fuck"));
        assert!(mask_matches("sh!t", "shit"));
        assert!(mask_matches("f@ck", "fuck"));
        assert!(mask_matches("f\u{2014}ing", "fucking"));
        assert!(!mask_matches("f*ck", "shit"));
        assert!(!mask_matches("*", "fuck"));
    }

    #[test]
    fn stretched_words() {
        assert_eq!(squeeze("fuuuuck").unwrap()[0], "fuck");
        assert_eq!(squeeze("asssss").unwrap()[1], "ass");
        assert!(squeeze("good").is_none());
    }

    #[test]
    fn every_phrase_is_written_as_the_tokenizer_reads_it() {
        let mut wrong = Vec::new();
        for p in &Lexicon::get().phrases {
            let plain: Vec<&str> = p
                .text
                .split_whitespace()
                .map(|w| w.trim_start_matches('#').trim_end_matches(['*', '~']))
                .filter(|w| *w != "?")
                .collect();
            let joined = plain.join(" ");
            let doc = Doc::new(&joined);
            let words: Vec<&str> = doc.tokens.iter().map(|t| doc.raw(t)).collect();
            if words != plain {
                wrong.push(format!("{:?}: '{}' reads as {words:?}", p.list, p.text));
            }
        }
        assert!(wrong.is_empty(), "phrases that cannot match as written:\n{}", wrong.join("\n"));
    }

    #[test]
    fn every_list_parses_into_phrases() {
        let lex = Lexicon::get();
        for &list in List::ALL {
            assert!(lex.phrases.iter().any(|p| p.list == list), "{list:?} is empty");
        }
    }
}
