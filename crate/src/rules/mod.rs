//! The risk rules, one per file, each behind the small `Rule` trait. A rule
//! reads the prepared draft (`Input`) and pushes findings; the engine in
//! `lib.rs` applies the user's settings afterwards. Rules run in the order
//! of `ALL`; rules that weigh other findings (wrong-account) come last.

use crate::context::Context;
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::{Hit, Scan};
use crate::text::{is_sentence_stop, Doc};
use crate::words::{words, WordList};
pub(crate) use learned_signal::learned_rule_quiet;

mod address;
mod bank_account;
mod birthdate;
mod confidential_marker;
mod confidential_watchlist;
mod credential_key;
mod email;
mod entropy;
mod hostility_insult;
mod hostility_phrase;
mod hostility_shouting;
mod hostility_threat;
mod iban;
mod intoxication_drinking;
mod learned_signal;
mod market_moving;
mod national_id;
mod nearby;
mod offensive_ableist;
mod offensive_generalization;
mod offensive_illness_joke;
mod offensive_slur;
mod open_invitation;
mod payment_card;
mod permanence_disclaimer;
mod phone;
mod private_message;
mod profane_word;
mod secret;
mod sexual_content;
mod tragedy_promotion;
mod workplace_complaint;
mod wrong_account;

/// Everything a rule may look at.
pub struct Input<'a> {
    pub doc: &'a Doc<'a>,
    pub scan: &'a Scan,
    pub ctx: &'a Context,
    /// Word starts glued inside tokens (`nearby::glued_word_starts`), found
    /// once for the rules that look for keywords there.
    glued: Vec<usize>,
    /// The learned model's verdicts, worked out when a rule first asks.
    learned: std::cell::OnceCell<Vec<crate::learned::Verdict>>,
    /// Where news is said to be coming (`market_moving::announcement_pending`),
    /// read by two rules.
    pending: std::cell::OnceCell<Option<(usize, usize)>>,
}

impl<'a> Input<'a> {
    pub fn new(doc: &'a Doc<'a>, scan: &'a Scan, ctx: &'a Context) -> Input<'a> {
        Input {
            doc,
            scan,
            ctx,
            glued: nearby::glued_word_starts(doc),
            learned: Default::default(),
            pending: Default::default(),
        }
    }
}

impl Input<'_> {
    /// The learned model's verdict on each category it scores; none for a
    /// draft far longer than any it learned from (see `learned::LONGEST`).
    pub fn learned(&self) -> &[crate::learned::Verdict] {
        self.learned.get_or_init(|| {
            if self.doc.utf16_len() > crate::learned::LONGEST {
                return Vec::new();
            }
            let features = crate::learned::features(self.doc, self.scan, self.ctx);
            crate::learned::Model::shipped().score(&features, self.ctx.is_brand())
        })
    }

    /// The first announcement said to be coming ("results next week"), as
    /// the tokens of its news word and its time.
    pub fn announcement_pending(&self) -> Option<(usize, usize)> {
        *self.pending.get_or_init(|| market_moving::announcement_pending(self.doc))
    }
}

pub trait Rule: Sync {
    /// Stable id, `category.name`, shown to users and tools.
    fn id(&self) -> &'static str;
    fn category(&self) -> Category;
    /// Pushes findings; `out` already holds the findings of earlier rules.
    fn check(&self, input: &Input, out: &mut Vec<Finding>);

    /// A finding of this rule with its default lesson.
    fn finding(&self, severity: Severity, span: (u32, u32), message: String) -> Finding
    where
        Self: Sized,
    {
        new_finding(self, severity, span, message)
    }
}

/// The body of `Rule::finding`, written once: as a default method it would
/// be copied into every rule (about 5 KB of wasm).
#[inline(never)]
fn new_finding(rule: &dyn Rule, severity: Severity, span: (u32, u32), message: String) -> Finding {
    Finding {
        category: rule.category(),
        rule: rule.id(),
        severity,
        start: span.0,
        end: span.1,
        message,
        lesson: lesson(rule.id()).into(),
        action: None,
    }
}

/// The lesson of rule `id` in `lessons.txt`, or its lesson for `variant`
/// ("/dm"); empty if it has none (a test checks every rule has one).
fn lesson_of(id: &str, variant: &str) -> &'static str {
    // Split once: every finding asks, and the packed text is long.
    static LESSONS: std::sync::OnceLock<Vec<(&'static str, &'static str)>> = std::sync::OnceLock::new();
    let lessons = LESSONS.get_or_init(|| {
        crate::lexicon::packed("lessons.txt").lines().filter_map(|line| line.split_once(": ")).collect()
    });
    lessons
        .iter()
        .find(|(key, _)| key.strip_prefix(id).is_some_and(|rest| rest == variant))
        .map_or("", |&(_, text)| text)
}

/// The real lesson behind rule `id`, in the product's words
/// (`lessons.txt`); a learned rule tells its category's main rule's story.
/// A free function, not a trait method: a default method is copied into
/// every rule.
pub fn lesson(id: &str) -> &'static str {
    let main = learned_signal::RULES.iter().find(|r| r.id == id).map_or(id, |r| r.main.id());
    lesson_of(main, "")
}

/// The lesson of rule `id` for a direct message.
fn dm_lesson(id: &str) -> &'static str {
    lesson_of(id, "/dm")
}

#[rustfmt::skip]
pub static ALL: &[&dyn Rule] = &[
    &offensive_slur::OffensiveSlur,
    &offensive_ableist::OffensiveAbleist,
    &offensive_generalization::OffensiveGeneralization,
    &offensive_illness_joke::OffensiveIllnessJoke,
    &profane_word::ProfaneWord,
    &hostility_insult::HostilityInsult,
    &hostility_phrase::HostilityPhrase,
    &hostility_threat::HostilityThreat,
    &hostility_shouting::HostilityShouting,
    &intoxication_drinking::IntoxicationDrinking,
    &sexual_content::SexualContent,
    // Personal data and credentials.
    &payment_card::PaymentCard,
    &iban::Iban,
    &bank_account::BankAccount,
    &national_id::NationalId,
    &email::Email,
    &address::Address,
    &birthdate::Birthdate,
    &phone::Phone, // weighs the personal data above
    &credential_key::CredentialKey,
    &secret::Secret,
    &entropy::Entropy, // skips what credential_key found
    // Business.
    &confidential_marker::ConfidentialMarker,
    &confidential_watchlist::ConfidentialWatchlist,
    &market_moving::MarketMoving,
    &tragedy_promotion::TragedyPromotion,
    &open_invitation::OpenInvitation,
    &workplace_complaint::WorkplaceComplaint,
    &private_message::PrivateMessage,
    &permanence_disclaimer::PermanenceDisclaimer,
    // The learned model, where no rule above spoke.
    &learned_signal::RULES[0],
    &learned_signal::RULES[1],
    &learned_signal::RULES[2],
    &learned_signal::RULES[3],
    &learned_signal::RULES[4],
    &learned_signal::RULES[5],
    &learned_signal::RULES[6],
    &learned_signal::RULES[7],
    &learned_signal::RULES[8],
    // Reads the findings above; keep last but for its learned twin.
    &wrong_account::WrongAccount,
    &learned_signal::RULES[9],
];

pub const FIRST_PERSON_SINGULAR: &[&str] =
    &["i", "me", "my", "mine", "myself", "i'm", "im", "i've", "ive", "i'll", "i'd"];
pub const SECOND_PERSON: WordList = words!("you|your|you're|youre|u|ur|ya|yall|y'all|yourself|yours");

/// Whether a token among `words` lies within `before` tokens before token
/// `i` or `after` tokens after it, in the same sentence.
pub fn near_word(doc: &Doc, i: usize, before: usize, after: usize, words: WordList) -> bool {
    let from = i.saturating_sub(before);
    let to = (i + after).min(doc.tokens.len().saturating_sub(1));
    (from..=to).any(|j| {
        j != i
            && listed(words, doc.word(&doc.tokens[j]))
            && (if j < i { doc.same_sentence(j, i) } else { doc.same_sentence(i, j) })
    })
}

/// Whether the draft holds one of `emoji`, characters outside the Basic
/// Multilingual Plane: it reads the few such characters `Doc` kept, not the text.
pub fn contains_emoji(doc: &Doc, emoji: &[char]) -> bool {
    doc.astral.iter().any(|c| emoji.contains(c))
}

/// Whether the draft speaks in the first person singular anywhere.
pub fn speaks_as_self(doc: &Doc) -> bool {
    doc.tokens.iter().any(|t| FIRST_PERSON_SINGULAR.contains(&doc.word(t)))
}

/// Faces laughing out loud: friends joking together.
pub const LAUGHING: &[char] = &['😂', '🤣'];

/// Friends trading put-downs ("you muppet 😂 love ya") on a personal
/// account: plain insults read as banter. A brand has no such friends.
/// A direct message between friends laughing ("you're unbelievable 😂 how
/// did you find a parking spot") is banter too.
pub fn banter(input: &Input) -> bool {
    // "nobody will ever love you" is the put-down, not the banter.
    const DENIED: WordList = words!("ever|never|nobody|no|will|could|would|won't|can't");
    !input.ctx.is_brand()
        && (input.scan.hits(crate::lexicon::List::Banter).any(|h| !near_word(input.doc, h.first, 2, 0, DENIED))
            || (input.ctx.is_dm() && contains_emoji(input.doc, LAUGHING)))
}

/// Whether one of `emoji` follows folded byte `from` before the sentence
/// ends ("... the nurse was sooo slow 😂").
pub fn emoji_later_in_sentence(doc: &Doc, from: usize, emoji: &[char]) -> bool {
    let rest = &doc.folded[from..];
    let sentence = rest.bytes().position(is_sentence_stop).map_or(rest, |stop| &rest[..stop]);
    sentence.contains(emoji)
}

/// Words after a quoted remark that hold it at arm's length.
#[rustfmt::skip]
const DISMISSED: WordList = words!(
    "discourse|narrative|take|takes|myth|stereotype|trope|nonsense|rubbish|lazy|tired|outdated|",
    "wrong|crowd|argument|line|meme|means|helped",
);

/// Words with which a draft argues against a stereotype it repeats ("Girls
/// can't play football, they said. Our U12s just won the cup", "autistic
/// people are not a monolith").
const REFUTED: WordList = words!(
    "stereotypes age|they said|people told|not a monolith|lazy stereotype|tired stereotype|",
    "proved them wrong|prove them wrong|proving them wrong|stereotypes are lazy|",
    "stereotypes are tired|stereotypes are boring|stereotype i'm tired of|lazy headline|",
    "lazy take|the old line about|stereotyped|stereotyping",
);

/// Sentence openings that set a claim up to be knocked down ("The idea that
/// women can't do maths is nonsense", "People assume nurses are women").
const SET_UP: WordList = words!(
    "the idea that|the myth that|the notion that|the stereotype that|people assume|",
    "every time someone says",
);

/// Whether `word` is one of the `|`-separated entries of `list`. Word
/// lists are kept as one string, packed (`crate::words`): a `&[&str]`
/// costs 8 bytes of wasm per entry for its pointer and length, and plain
/// text three times its packed size.
pub(crate) fn listed(list: WordList, word: &str) -> bool {
    // Entries of another length are passed over without comparing bytes.
    !word.is_empty() && list.text().as_bytes().split(|&b| b == b'|').any(|entry| entry == word.as_bytes())
}

/// Whether the draft repeats a stereotype to argue against it. Read at each
/// word that ends one of `REFUTED` (a whole phrase, not "this nonsense" for
/// "is nonsense"), and at each sentence's first word for `SET_UP`.
pub fn argues_against(doc: &Doc) -> bool {
    let bytes = doc.folded.as_bytes();
    let refutes = doc.tokens.iter().enumerate().any(|(i, t)| {
        let word = doc.word(t);
        // Only at the last word of one of `REFUTED` (the test below keeps the
        // two in step), then the text must end with the whole phrase.
        let refuted = matches!(
            word,
            "about"
                | "age"
                | "boring"
                | "headline"
                | "lazy"
                | "monolith"
                | "of"
                | "said"
                | "stereotype"
                | "stereotyped"
                | "stereotyping"
                | "take"
                | "tired"
                | "told"
                | "wrong"
        ) && REFUTED.split('|').any(|p| {
            bytes[..t.end].ends_with(p.as_bytes())
                && t.end.checked_sub(p.len() + 1).map_or(true, |b| !bytes[b].is_ascii_alphanumeric())
        });
        refuted || (matches!(word.as_bytes().first(), Some(b't' | b'p' | b'e')) && opens_with_set_up(doc, i))
    });
    refutes && !agrees(doc)
}

/// Whether the draft sides with a remark it repeats ("Every time someone
/// says women can't drive, I nod", "...? I reckon it's true").
pub fn agrees(doc: &Doc) -> bool {
    const AGREE: WordList = words!("agree|agreed|true|exactly|facts|correct|nod|reckon|totally");
    doc.tokens.iter().any(|t| listed(AGREE, doc.word(t)))
        || ["they're right", "they are right", "they were right"].iter().any(|p| doc.folded.contains(p))
}

/// Whether a sentence opens at token `i` with one of `SET_UP`.
fn opens_with_set_up(doc: &Doc, i: usize) -> bool {
    (i == 0 || !doc.same_sentence(i - 1, i))
        && SET_UP.split('|').any(|p| doc.folded[doc.tokens[i].start..].starts_with(p))
}

/// The words at folded `start..end` sit inside quotes in one sentence, and
/// the words right after the closing quote dismiss the quoted remark.
pub fn quoted_to_dismiss(doc: &Doc, start: usize, end: usize) -> bool {
    inside_quotes(doc, start, end).is_some_and(|after| {
        doc.folded[after..]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(8)
            .any(|w| listed(DISMISSED, w))
    })
}

/// Where the quotes around folded `start..end` end, when that range sits
/// inside one quoted stretch of a sentence: an opening quote starting a word
/// before it, and a closing one after it that ends a word (not the
/// apostrophe in "can't"). "the 'gen z can't work' discourse", "presents
/// 'Just Kidding!', a comedy".
pub fn inside_quotes(doc: &Doc, start: usize, end: usize) -> Option<usize> {
    const OPEN: &[char] = &['\'', '"', '\u{201c}', '\u{2018}'];
    const CLOSE: &[char] = &['\'', '"', '\u{201d}', '\u{2019}'];
    let s = doc.folded.as_str();
    let open = s[..start].rfind(OPEN)?;
    let opens_word = open == 0 || s.as_bytes()[open - 1].is_ascii_whitespace() || s.as_bytes()[open - 1] == b'(';
    // Most apostrophes before a word sit inside another ("it's"): done.
    if !opens_word {
        return None;
    }
    let after = &s[end..];
    let (close, quote) = after.char_indices().find(|&(i, c)| {
        CLOSE.contains(&c)
            && after[i + c.len_utf8()..].chars().next().map_or(true, |n| n.is_whitespace() || n.is_ascii_punctuation())
    })?;
    // A title may end in its own "!" or "?": only a stop before that breaks it.
    let tail = after[..close].trim_end_matches(['!', '?', '.']);
    let mut inside = s[open..end].bytes().chain(tail.bytes());
    (!inside.any(is_sentence_stop)).then_some(end + close + quote.len_utf8())
}

/// The two hits are in the same sentence.
pub fn same_sentence(doc: &Doc, a: &Hit, b: &Hit) -> bool {
    let (x, y) = if a.first <= b.first { (a, b) } else { (b, a) };
    x.last >= y.first || doc.same_sentence(x.last, y.first)
}

/// The original words behind a span, in quotes, for a finding's message.
pub fn quoted(doc: &Doc, span: (u32, u32)) -> String {
    format!("\u{201c}{}\u{201d}", doc.original(span.0, span.1))
}

/// Said in public, this is worth a second look; from a brand, which speaks
/// for many, it is serious.
pub fn medium_or_high_for_brand(ctx: &Context) -> Severity {
    if ctx.is_brand() {
        Severity::High
    } else {
        Severity::Medium
    }
}

/// UTF-16 span of a lexicon hit.
pub fn hit_span(doc: &Doc, hit: &Hit) -> (u32, u32) {
    doc.span(hit.start, hit.end)
}

/// UTF-16 span from the first of two hits to the end of the other, in
/// either order: a finding read from a pair ("my boss" ... "is useless").
pub fn joined_span(doc: &Doc, a: &Hit, b: &Hit) -> (u32, u32) {
    let (a, b) = (hit_span(doc, a), hit_span(doc, b));
    (a.0.min(b.0), a.1.max(b.1))
}

/// Shorthand used by rules that offer an edit.
pub fn with_action(mut f: Finding, action: Action) -> Finding {
    f.action = Some(action);
    f
}

#[cfg(test)]
pub(crate) mod test_util {
    //! Helpers for rule tests: run the full engine and look at one rule.
    use crate::context::{Account, AccountKind, Context, Surface};
    use crate::finding::{Finding, Severity};

    pub fn ctx(kind: AccountKind, surface: Surface) -> Context {
        Context { account: Some(Account { handle: Some("@acme".into()), kind }), surface, ..Context::default() }
    }

    pub fn personal() -> Context {
        ctx(AccountKind::Personal, Surface::Public)
    }

    pub fn brand() -> Context {
        ctx(AccountKind::Brand, Surface::Public)
    }

    pub fn dm() -> Context {
        ctx(AccountKind::Personal, Surface::Dm)
    }

    /// Findings of `rule` at any severity, as (original text, severity).
    pub fn fired(rule: &str, text: &str, ctx: &Context) -> Vec<(String, Severity)> {
        crate::check(text, ctx)
            .into_iter()
            .filter(|f: &Finding| f.rule == rule)
            .map(|f| (crate::text::Doc::new(text).original(f.start, f.end).to_string(), f.severity))
            .collect()
    }

    /// Whether `rule` raised anything at medium or above.
    pub fn flags(rule: &str, text: &str, ctx: &Context) -> bool {
        fired(rule, text, ctx).iter().any(|(_, s)| *s >= Severity::Medium)
    }
}

#[cfg(test)]
mod tests {
    use super::{dm_lesson, ALL};

    #[test]
    fn every_counter_argument_phrase_is_found() {
        for phrase in super::REFUTED.split('|').chain(super::SET_UP.split('|')) {
            assert!(super::argues_against(&crate::text::Doc::new(phrase)), "{phrase}");
        }
        for text in [
            "Women are useless drivers, sick of this nonsense",
            "Muslims are all terrorists and people assume I'm joking",
            "gen z can't work, proved them wrongly",
        ] {
            assert!(!super::argues_against(&crate::text::Doc::new(text)), "{text}");
        }
    }

    #[test]
    fn every_rule_has_a_lesson_and_every_lesson_a_rule() {
        for rule in ALL {
            assert!(super::lesson(rule.id()).len() > 40, "{} has no lesson in lessons.txt", rule.id());
        }
        for line in crate::lexicon::packed("lessons.txt").lines() {
            let (key, text) = line.split_once(": ").expect("`rule.id: text`");
            let id = key.strip_suffix("/dm").unwrap_or(key);
            assert!(ALL.iter().any(|r| r.id() == id), "lessons.txt: no rule {key}");
            assert!(!text.trim().is_empty(), "lessons.txt: {key} is empty");
        }
    }

    #[test]
    fn a_direct_message_lesson_differs_from_the_public_one() {
        let with_dm: Vec<_> = ALL.iter().filter(|r| !dm_lesson(r.id()).is_empty()).collect();
        assert_eq!(with_dm.len(), 6, "card, IBAN, bank account, id number, secret, key");
        for rule in with_dm {
            assert_ne!(dm_lesson(rule.id()), super::lesson(rule.id()), "{}", rule.id());
        }
    }
}
