//! A small learned model that weighs many weak cues at once, for the
//! categories where no single word decides (a complaint about work without
//! the word "boss", a suggestive caption without an explicit word). It is a
//! logistic regression per category over hashed features of the prepared
//! draft: its words, word pairs, emoji and the account kind and surface.
//!
//! The weights are trained by `cargo xtask train` from the labelled corpus
//! in `tests/corpus/` and written to `learned.bin`, which build.rs packs
//! for shipping; `features` is shared by
//! training and checking so both read a draft the same way. The rules in
//! `rules/learned_signal.rs` turn the scores into findings.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::context::{AccountKind, Context, Surface};
use crate::finding::Category;
use crate::lexicon::{List, Scan};
use crate::text::{is_sentence_stop, Doc};

/// One feature of a draft: its hash and where it was read (folded bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Feature {
    pub hash: u32,
    pub start: usize,
    pub end: usize,
}

/// The distinct feature hashes of a text in a context, for training.
pub fn features_of(text: &str, ctx: &Context) -> Vec<u32> {
    let doc = Doc::new(text);
    let mut hashes: Vec<u32> = features(&doc, &Scan::new(&doc), ctx).iter().map(|f| f.hash).collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// The features of a draft, in the order read (a hash may repeat): the
/// account kind and surface; each word, word pair and emoji; each word list
/// and tag the lexicon found ("workplace/subject"), and each pair of those
/// found anywhere in the draft, so a complaint far from its subject or an
/// insult beside a group still adds up.
pub fn features(doc: &Doc, scan: &Scan, ctx: &Context) -> Vec<Feature> {
    let mut out = Vec::with_capacity(doc.tokens.len() * 2 + 4);
    let kind = match ctx.account_kind() {
        AccountKind::Brand => "brand",
        AccountKind::Personal => "personal",
        AccountKind::Unknown => "unknown",
    };
    let surface = if ctx.surface == Surface::Dm { "dm" } else { "public" };
    out.push(Feature { hash: key(mix(KIND, fnv(kind.as_bytes()))), start: 0, end: 0 });
    out.push(Feature { hash: key(mix(SURFACE, fnv(surface.as_bytes()))), start: 0, end: 0 });
    let bytes = doc.folded.as_bytes();
    // Each word is hashed once; a pair mixes its two words' hashes.
    let mut previous: Option<(usize, usize, u32)> = None;
    for t in &doc.tokens {
        let word = if t.mention {
            "<@>"
        } else if doc.is_number(t) {
            "<num>"
        } else {
            doc.word(t)
        };
        let h = fnv(word.as_bytes());
        out.push(Feature { hash: key(mix(WORD, h)), start: t.start, end: t.end });
        if t.shouted {
            out.push(Feature { hash: key(mix(WORD, fnv(b"<shout>"))), start: t.start, end: t.end });
        }
        if let Some((start, end, before)) = previous {
            if !bytes[end..t.start].iter().copied().any(is_sentence_stop) {
                out.push(Feature { hash: key(mix(mix(PAIR, before), h)), start, end: t.end });
            }
        }
        previous = Some((t.start, t.end, h));
    }
    let mut at = 0;
    while let Some(from) = bytes[at..].iter().position(|&b| b >= 0xE2) {
        let start = at + from;
        let c = doc.folded[start..].chars().next().unwrap_or_default();
        if is_pictograph(c) {
            out.push(Feature { hash: key(mix(EMOJI, c as u32)), start, end: start + c.len_utf8() });
        }
        at = start + c.len_utf8();
    }
    let mut classes: Vec<(u32, usize, usize)> = Vec::new();
    for &list in List::ALL {
        for hit in scan.hits(list) {
            let class = mix(mix(CLASS, list as u32), fnv(hit.tag.as_bytes()));
            if !classes.iter().any(|c| c.0 == class) {
                classes.push((class, hit.start, hit.end));
            }
        }
    }
    for (i, &(a, start, end)) in classes.iter().enumerate() {
        out.push(Feature { hash: key(a), start, end });
        for &(b, ..) in &classes[i + 1..] {
            out.push(Feature { hash: key(mix(mix(CLASSES, a.min(b)), a.max(b))), start, end });
        }
    }
    out
}

/// Emoji and pictographic symbols, which carry tone ("😏", "🍆", "🥴").
fn is_pictograph(c: char) -> bool {
    matches!(c, '\u{2600}'..='\u{27BF}' | '\u{1F000}'..='\u{1FAFF}')
}

// What a feature is, mixed into its hash so a word and an emoji never meet.
const KIND: u32 = 1;
const SURFACE: u32 = 2;
const WORD: u32 = 3;
const PAIR: u32 = 4;
const EMOJI: u32 = 5;
const CLASS: u32 = 6;
const CLASSES: u32 = 7;

/// FNV-1a.
fn fnv(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &x in bytes {
        h = (h ^ x as u32).wrapping_mul(0x0100_0193);
    }
    h
}

/// Two hashes into one.
fn mix(a: u32, b: u32) -> u32 {
    let h = (a.rotate_left(5) ^ b).wrapping_mul(0x9e37_79b1);
    h ^ (h >> 15)
}

/// Bits of a feature's hash the model keeps. 22 bits, not 24, since
/// session 17: the sorted hashes ship as gaps, and four times denser hashes
/// pack about 3.5 KB smaller. Folding the 24-bit model of ~13,500 features
/// merged about 0.1% of them (merged features share a weight), and a word
/// the model never learned lands on a learned one about 1 time in 300.
const HASH_BITS: u32 = 22;
const HASH_MASK: u32 = (1 << HASH_BITS) - 1;

/// A hash folded to the bits the model stores.
fn key(h: u32) -> u32 {
    (h >> HASH_BITS) ^ (h & HASH_MASK)
}

/// The longest draft the model reads, in UTF-16 code units. It learned from
/// social posts (the longest in the corpus has under 600 characters); its
/// scores add up over a draft, so on a long article they would grow past
/// anything it was tuned on. Longer drafts are left to the rules.
pub const LONGEST: u32 = 1_000;

/// The categories the model scores, in the order of its file: those whose
/// risk often lies in the wording as a whole. Swearing, disclaimers, open
/// questions, personal data and credentials are left to the rules, which
/// read them exactly. Wrong-account comes last: its learned rule runs after
/// the wrong-account rule, which reads the other findings.
pub const CATEGORIES: [Category; 10] = [
    Category::Offensive,
    Category::Sexual,
    Category::Workplace,
    Category::Hostility,
    Category::MarketMoving,
    Category::Tragedy,
    Category::PrivateMessage,
    Category::Confidential,
    Category::Intoxication,
    Category::WrongAccount,
];

/// Whether a category is learned and scored on brand accounts only: the
/// corpus labels it only there.
pub fn brand_only(category: Category) -> bool {
    category == Category::WrongAccount
}

/// A trained model, read in place from its file: per category a bias, a
/// threshold and a weight scale, then a table from feature hash to the
/// (category, weight) pairs it moves. Scores and thresholds are log-odds,
/// so checking needs no exponential.
///
/// The file: magic, head count, heads (bias, threshold, scale as f32),
/// feature count, the features' hashes (`HASH_BITS`, in 3 bytes) in ascending order, where
/// each feature's entries start (u16, one more than there are features),
/// and the entries as (category, weight) byte pairs. Little-endian.
pub struct Model {
    bytes: Cow<'static, [u8]>,
    /// Byte offsets of the hashes, the entry starts and the entries.
    hashes: usize,
    starts: usize,
    entries: usize,
    features: usize,
    /// Where each bucket of hashes (`BUCKET_SHIFT`) starts in the table.
    buckets: Vec<u16>,
}

/// The model file from the columns build.rs packed it into (see there): the
/// header, hash gaps, entry counts, categories, weights.
fn unpack(packed: &[u8]) -> Option<Vec<u8>> {
    let heads = usize::from(*packed.get(4)?);
    let hashes = 9 + 12 * heads;
    let header = packed.get(..hashes)?;
    let features = u32::from_le_bytes([header[hashes - 4], header[hashes - 3], header[hashes - 2], header[hashes - 1]]);
    let features = features as usize;
    let mut bytes = header.to_vec();
    let mut at = hashes;
    let mut hash = 0u32;
    for _ in 0..features {
        hash = hash.checked_add(crate::text::varint(packed, &mut at)?)?;
        bytes.extend_from_slice(&hash.to_le_bytes()[..3]);
    }
    let counts = packed.get(at..at + features)?;
    let mut start = 0u16;
    bytes.extend_from_slice(&start.to_le_bytes());
    for &n in counts {
        start = start.checked_add(u16::from(n))?;
        bytes.extend_from_slice(&start.to_le_bytes());
    }
    let entries = usize::from(start);
    let columns = packed.get(at + features..at + features + 2 * entries)?;
    let (categories, weights) = columns.split_at(entries);
    for (&c, &w) in categories.iter().zip(weights) {
        bytes.extend_from_slice(&[c, w]);
    }
    Some(bytes)
}

/// What the model says of one category: its score (log-odds), whether the
/// score passes the threshold, and the place of the feature that pushed it
/// most.
#[derive(Debug, Clone, Copy)]
pub struct Verdict {
    pub category: Category,
    pub score: f32,
    pub flagged: bool,
    pub strongest: Option<(usize, usize)>,
}

/// "PGL3": hashes of `HASH_BITS` (PGL2 had 24).
const MAGIC: &[u8; 4] = b"PGL3";

/// Where each run of hashes with the same top 12 bits starts in the sorted
/// table, so a look-up reads two or three entries of a model with ten
/// thousand features.
const BUCKET_SHIFT: u32 = HASH_BITS - 12;
const BUCKETS: usize = 1 << (HASH_BITS - BUCKET_SHIFT);

impl Model {
    /// The model that ships, set up once. `cargo xtask train` writes it
    /// and a test reads it through `from_bytes`, so it is used here without
    /// a full check.
    pub fn shipped() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            let packed = include_bytes!(concat!(env!("OUT_DIR"), "/learned.deflate"));
            let bytes = zune_inflate::DeflateDecoder::new(packed).decode_deflate().unwrap_or_default();
            Model::at(Cow::Owned(unpack(&bytes).unwrap_or_default()))
        })
    }

    /// A view of the file's tables; a file whose magic or length is wrong
    /// (a stale build) reads as an empty model, which flags nothing.
    fn at(bytes: Cow<'static, [u8]>) -> Model {
        let heads = bytes.get(4).copied().unwrap_or(0) as usize;
        let hashes = 9 + 12 * heads;
        let features =
            bytes.get(hashes - 4..hashes).map_or(0, |n| u32::from_le_bytes([n[0], n[1], n[2], n[3]]) as usize);
        let starts = hashes + 3 * features;
        let mut model =
            Model { bytes, hashes, starts, entries: starts + 2 * (features + 1), features, buckets: Vec::new() };
        let whole = model.bytes.get(..4) == Some(MAGIC)
            && model.bytes.len() >= model.entries
            && model.bytes.len() - model.entries == 2 * model.start(features);
        if !whole {
            return Model {
                bytes: Cow::Borrowed(&[]),
                hashes: 0,
                starts: 0,
                entries: 0,
                features: 0,
                buckets: Vec::new(),
            };
        }
        model.buckets = vec![features as u16; BUCKETS + 1];
        for i in (0..features).rev() {
            let bucket = (model.hash(i) >> BUCKET_SHIFT) as usize;
            model.buckets[bucket] = i as u16;
        }
        for b in (0..BUCKETS).rev() {
            model.buckets[b] = model.buckets[b].min(model.buckets[b + 1]);
        }
        model
    }

    /// A model with, per category, a (bias, threshold) head and weights as
    /// (hash, weight), all in log-odds.
    pub fn new(heads: &[(f32, f32)], weights: &[Vec<(u32, f32)>]) -> Model {
        let scales: Vec<f32> = weights
            .iter()
            .map(|ws| ws.iter().fold(0f32, |m, &(_, w)| m.max(w.abs())) / 127.0)
            .map(|s| if s > 0.0 { s } else { 1.0 })
            .collect();
        let mut pairs: Vec<(u32, u8, i8)> = Vec::new();
        for (c, ws) in weights.iter().enumerate() {
            for &(h, w) in ws {
                let q = (w / scales[c]).round().clamp(-127.0, 127.0) as i8;
                if q != 0 {
                    pairs.push((h & HASH_MASK, c as u8, q));
                }
            }
        }
        pairs.sort_unstable();
        let mut bytes = MAGIC.to_vec();
        bytes.push(heads.len() as u8);
        for (&(bias, threshold), scale) in heads.iter().zip(&scales) {
            for x in [bias, threshold, *scale] {
                bytes.extend(x.to_le_bytes());
            }
        }
        let mut hashes: Vec<u32> = pairs.iter().map(|p| p.0).collect();
        hashes.dedup();
        bytes.extend((hashes.len() as u32).to_le_bytes());
        for h in &hashes {
            bytes.extend(&h.to_le_bytes()[..3]);
        }
        let mut at = 0;
        for h in &hashes {
            bytes.extend((at as u16).to_le_bytes());
            at += pairs.iter().skip(at).take_while(|p| p.0 == *h).count();
        }
        assert!(at <= u16::MAX as usize, "too many weights for the model file");
        bytes.extend((at as u16).to_le_bytes());
        for &(_, c, w) in &pairs {
            bytes.extend([c, w as u8]);
        }
        Model::at(Cow::Owned(bytes))
    }

    pub fn to_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// A model from a file, checked whole.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Model, &'static str> {
        if bytes.get(..4) != Some(MAGIC) {
            return Err("not a PostGuard model");
        }
        let model = Model::at(Cow::Owned(bytes));
        if model.bytes.is_empty() {
            return Err("the model file's length does not match its tables");
        }
        let heads = model.bytes[4];
        let n = model.features;
        if (1..n).any(|i| model.hash(i - 1) >= model.hash(i)) {
            return Err("feature hashes out of order");
        }
        if (0..n).any(|i| model.start(i) > model.start(i + 1)) {
            return Err("feature entries out of order");
        }
        if model.bytes[model.entries..].chunks(2).any(|e| e[0] >= heads) {
            return Err("a weight for a category the model does not have");
        }
        Ok(model)
    }

    fn f32_at(&self, at: usize) -> f32 {
        let b = &self.bytes[at..at + 4];
        f32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }

    /// Category `c`'s bias, threshold and weight scale.
    fn head(&self, c: usize) -> (f32, f32, f32) {
        let at = 5 + 12 * c;
        (self.f32_at(at), self.f32_at(at + 4), self.f32_at(at + 8))
    }

    fn hash(&self, i: usize) -> u32 {
        let at = self.hashes + 3 * i;
        u32::from(self.bytes[at]) | u32::from(self.bytes[at + 1]) << 8 | u32::from(self.bytes[at + 2]) << 16
    }

    fn start(&self, i: usize) -> usize {
        self.bytes
            .get(self.starts + 2 * i..self.starts + 2 * i + 2)
            .map_or(0, |b| u16::from_le_bytes([b[0], b[1]]) as usize)
    }

    /// The index of a feature hash in the table.
    fn find(&self, hash: u32) -> Option<usize> {
        let top = (hash >> BUCKET_SHIFT) as usize;
        let (from, to) = (*self.buckets.get(top)?, *self.buckets.get(top + 1)?);
        (from as usize..to as usize).find(|&i| self.hash(i) == hash)
    }

    /// The model's verdict on each of `CATEGORIES` for these features (each
    /// distinct feature counts once), where `brand` says whether the
    /// brand-only categories apply.
    pub fn score(&self, features: &[Feature], brand: bool) -> Vec<Verdict> {
        let count = self.bytes.get(4).map_or(0, |&n| CATEGORIES.len().min(n as usize));
        let heads: Vec<(f32, f32, f32)> = (0..count).map(|c| self.head(c)).collect();
        let mut sums: Vec<f32> = heads.iter().map(|h| h.0).collect();
        let mut strongest: Vec<(f32, Option<(usize, usize)>)> = vec![(0.0, None); heads.len()];
        // One bit per feature of the model: a few hundred words to clear.
        let mut seen = vec![0u64; self.features.div_ceil(64)];
        for f in features {
            let Some(i) = self.find(f.hash & HASH_MASK) else { continue };
            let (word, bit) = (i / 64, 1u64 << (i % 64));
            if seen[word] & bit != 0 {
                continue;
            }
            seen[word] |= bit;
            let entries = self.bytes.get(self.entries + 2 * self.start(i)..self.entries + 2 * self.start(i + 1));
            for e in entries.unwrap_or_default().chunks(2) {
                let Some(&(_, _, scale)) = heads.get(e[0] as usize) else { continue };
                let c = e[0] as usize;
                let w = e[1] as i8 as f32 * scale;
                sums[c] += w;
                if w > strongest[c].0 && f.end > f.start {
                    strongest[c] = (w, Some((f.start, f.end)));
                }
            }
        }
        CATEGORIES
            .iter()
            .zip(&heads)
            .enumerate()
            .map(|(c, (&category, &(_, threshold, _)))| Verdict {
                category,
                score: sums[c],
                flagged: (brand || !brand_only(category)) && sums[c] >= threshold,
                strongest: strongest[c].1,
            })
            .collect()
    }

    /// How many features and weights the model holds.
    pub fn size(&self) -> (usize, usize) {
        (self.features, self.bytes.len().saturating_sub(self.entries) / 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::Account;

    fn ctx(kind: AccountKind) -> Context {
        Context { account: Some(Account { handle: None, kind }), ..Context::default() }
    }

    #[test]
    fn the_packed_model_unpacks_to_the_trained_file() {
        let packed = include_bytes!(concat!(env!("OUT_DIR"), "/learned.deflate"));
        let bytes = zune_inflate::DeflateDecoder::new(packed).decode_deflate().unwrap();
        assert!(unpack(&bytes).unwrap() == include_bytes!("learned.bin"));
        assert!(packed.len() < include_bytes!("learned.bin").len());
    }

    #[test]
    fn evasive_spellings_give_the_same_features() {
        let hashes = |text: &str| {
            let mut h = features_of(text, &ctx(AccountKind::Personal));
            h.sort();
            h
        };
        assert_eq!(hashes("this is shit"), hashes("this is sh1t"));
        assert_eq!(hashes("this is shit"), hashes("this is ｓｈｉｔ"));
        assert_ne!(hashes("this is shit"), hashes("this is fine"));
    }

    #[test]
    fn features_lie_inside_the_text_and_count_once() {
        let doc = Doc::new("so so so 😏😏 tired");
        let f = features(&doc, &Scan::new(&doc), &ctx(AccountKind::Brand));
        assert!(f.iter().all(|x| x.start <= x.end && x.end <= doc.folded.len()));
        assert!(f.iter().any(|x| doc.folded[x.start..x.end] == *"😏"));
        let so = f.iter().find(|x| doc.folded[x.start..x.end] == *"so").unwrap().hash;
        let mut weights = vec![Vec::new(); CATEGORIES.len()];
        weights[0] = vec![(so, 1.0)];
        let v = Model::new(&vec![(0.0, 1.5); CATEGORIES.len()], &weights).score(&f, true);
        assert!((v[0].score - 1.0).abs() < 1e-3 && !v[0].flagged);
    }

    fn index_of(category: Category) -> usize {
        CATEGORIES.iter().position(|&c| c == category).unwrap()
    }

    #[test]
    fn a_model_survives_its_file_format() {
        let doc = Doc::new("wearing nothing tonight");
        let f = features(&doc, &Scan::new(&doc), &ctx(AccountKind::Personal));
        let nothing = f.iter().find(|x| doc.folded[x.start..x.end] == *"nothing").unwrap().hash;
        let sexual = index_of(Category::Sexual);
        let mut weights = vec![Vec::new(); CATEGORIES.len()];
        weights[sexual] = vec![(nothing, 4.0), (key(mix(WORD, fnv(b"water"))), -2.0)];
        let heads = vec![(-1.0, 1.5); CATEGORIES.len()];
        let model = Model::from_bytes(Model::new(&heads, &weights).to_bytes().to_vec()).unwrap();
        let v = model.score(&f, false);
        assert!(v[sexual].flagged && v[sexual].category == Category::Sexual);
        assert_eq!(v[sexual].strongest.map(|(s, e)| &doc.folded[s..e]), Some("nothing"));
        assert!(v.iter().enumerate().all(|(c, x)| c == sexual || !x.flagged));
    }

    #[test]
    fn brand_only_categories_stay_quiet_for_people() {
        let doc = Doc::new("so hungover, see you at the pub");
        let f = features(&doc, &Scan::new(&doc), &ctx(AccountKind::Personal));
        let wrong_account = index_of(Category::WrongAccount);
        let mut weights = vec![Vec::new(); CATEGORIES.len()];
        weights[wrong_account] = f.iter().map(|x| (x.hash, 3.0)).collect();
        let model = Model::new(&vec![(0.0, 1.0); CATEGORIES.len()], &weights);
        assert!(!model.score(&f, false)[wrong_account].flagged);
        assert!(model.score(&f, true)[wrong_account].flagged);
    }

    #[test]
    fn a_stale_file_flags_nothing() {
        let stale = Model::at(Cow::Borrowed(b"PGL1\x01garbage"));
        let doc = Doc::new("anything at all");
        assert!(stale.score(&features(&doc, &Scan::new(&doc), &ctx(AccountKind::Brand)), true).is_empty());
    }

    #[test]
    fn a_broken_file_is_an_error() {
        assert!(Model::from_bytes(b"nope".to_vec()).is_err());
        let heads = vec![(0.0, 1.0); CATEGORIES.len()];
        let bytes = Model::new(&heads, &vec![vec![(7, 1.0), (9, -1.0)]; CATEGORIES.len()]).to_bytes().to_vec();
        assert!(Model::from_bytes(bytes.clone()).is_ok());
        assert!(Model::from_bytes(bytes[..bytes.len() - 1].to_vec()).is_err());
        let mut unsorted = bytes.clone();
        let hashes = 9 + 12 * CATEGORIES.len();
        unsorted.swap(hashes, hashes + 3);
        assert!(Model::from_bytes(unsorted).is_err());
    }

    #[test]
    fn the_shipped_model_is_whole() {
        let model = Model::from_bytes(Model::shipped().to_bytes().to_vec()).unwrap();
        let (features, weights) = model.size();
        assert!(features > 100 && weights >= features);
    }
}
