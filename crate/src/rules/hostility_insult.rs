//! `hostility.insult`: insults aimed at someone. A plain insult word needs a
//! target just before it ("you idiot", "you're an idiot", "@x clown", "bunch
//! of amateurs"); the strongest ones fire alone. Calling yourself an idiot
//! is not hostility, and plain insults among friends ("you muppet 😂
//! love ya", on a personal account) are banter.

use super::{banter, hit_span, medium_or_high_for_brand, near_word, quoted, with_action, Input, Rule, SECOND_PERSON};
use crate::finding::{Action, Category, Finding};
use crate::lexicon::List;
use crate::text::Doc;
use crate::words::{words, WordList};

pub struct HostilityInsult;

const TARGETS: WordList = words!(
    "what|bunch|these|those|he's|she's|they're|hes|shes|guy|guys|dude|people|driver|drivers|",
    "owner|boss|manager|landlord|ref|referee|anyone|everyone|whoever|total|complete|utter|",
    "absolute|actual|proper|spineless|ex|husband|wife|boyfriend|girlfriend|neighbour|",
    "neighbor|coworker|colleague|councillor|linesman|umpire|coach|caller|customer|customers|",
    "residents|intern|reporter|journalist|analyst|critic|critics|op|speakers|mayor|teacher|",
    "sister|brother|principal|chancellor|in-laws|flatmate|housemate|roommate|landlady|tenant|",
    "vicar|mp|director|cousin",
);
/// Put-downs said to someone's face: "..., genius." after a jab.
const SNARK: WordList = words!("genius|einstein|sherlock|pal");
/// Words of a jab that a sarcastic "genius" closes.
const JAB: WordList = words!("maybe|stick|learn|read|clearly|obviously|instead");
/// Insults that name a person, so they can stand alone ("Clueless clown.").
const PERSON: WordList = words!(
    "loser|losers|clown|clowns|idiot|idiots|moron|morons|fraud|frauds|coward|cowards|hypocrite|",
    "hypocrites|liar|liars|muppet|muppets|amateur|amateurs",
);
const SELF: WordList = words!("i'm|im|i|myself|i've|ive");

impl Rule for HostilityInsult {
    fn id(&self) -> &'static str {
        "hostility.insult"
    }

    fn category(&self) -> Category {
        Category::Hostility
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        // Swearing aimed at someone ("what the fuck @CoastlineRail") is an insult too.
        for hit in input.scan.hits(List::Profanity).filter(|h| h.tag != "mild" && h.tag != "faint") {
            // "what the fuck" swears about something; "fuck you", "@x fuck off" at someone.
            // "Coach can go f*** himself".
            // Before its first word or after its last: "f u c k" holds a "u" of its own.
            let at_you = near_word(doc, hit.first, 3, 0, SECOND_PERSON)
                || near_word(doc, hit.last, 0, 1, SECOND_PERSON)
                || mentioned_before(doc, hit.first)
                || near_word(doc, hit.first, 0, 1, words!("himself|herself|themselves"))
                // "my landlord is a proper c**t": a swear used as a noun for someone
                // ("my sister is so fucking talented" only swears for emphasis).
                || (near_word(doc, hit.first, 2, 0, AS_NOUN) && called(doc, hit.first));
            if at_you || mention_follows(doc, hit.last) {
                let severity = medium_or_high_for_brand(input.ctx);
                out.push(self.finding(severity, hit_span(doc, hit), "This swears at someone.".into()));
            }
        }
        // "That linesman must be blind or autistic": a disability used as an
        // insult at a person is an attack as well as a slur.
        let aimed_ableist = input.scan.hits(List::Ableist).filter(|h| {
            let tok = &doc.tokens[h.first];
            // "then Psycho": a capitalised word inside a sentence is a title or a name.
            let titled = tok.capitalized && !tok.shouted && h.first > 0 && doc.same_sentence(h.first - 1, h.first);
            h.tag != "weak"
                && !titled
                && !near_word(doc, h.first, 3, 0, SELF)
                && (aimed_at_someone(doc, h.first) || judged(doc, h.first))
        });
        for hit in aimed_ableist {
            let span = hit_span(doc, hit);
            out.push(self.finding(
                medium_or_high_for_brand(input.ctx),
                span,
                format!("{} is used as an insult at someone.", quoted(doc, span)),
            ));
        }
        if let Some(at) = snark(doc) {
            let span = doc.token_span(at, at);
            out.push(self.finding(
                medium_or_high_for_brand(input.ctx),
                span,
                format!("{} mocks someone.", quoted(doc, span)),
            ));
        }
        let banter = banter(input);
        for hit in input.scan.hits(List::Insults) {
            let strong = hit.tag == "strong";
            if near_word(doc, hit.first, 3, 0, SELF) || (!strong && (banter || !aimed_at_someone(doc, hit.first))) {
                continue;
            }
            let severity = medium_or_high_for_brand(input.ctx);
            let span = hit_span(doc, hit);
            out.push(with_action(
                self.finding(severity, span, format!("{} insults someone.", quoted(doc, span))),
                Action::Rephrase { hint: "Disagree with the point, not the person, or let it go." },
            ));
        }
    }
}

/// Words before a swear that make it a noun for someone ("a proper c**t").
const AS_NOUN: WordList = words!("a|an|such|proper|total|complete|absolute|utter|right");

/// An @mention right after, in the same sentence.
fn mention_follows(doc: &Doc, at: usize) -> bool {
    doc.tokens.get(at + 1).is_some_and(|t| t.mention) && doc.same_sentence(at, at + 1)
}

/// "must be blind", "is a total sp*z": a verdict on someone just before.
fn judged(doc: &Doc, at: usize) -> bool {
    near_word(doc, at, 5, 0, words!("must|is|he's|she's|hes|shes")) && near_word(doc, at, 7, 0, TARGETS)
}

/// A sarcastic "genius", "pal" closing a jab: "Maybe read the rules next
/// time, genius." The token index of the put-down.
fn snark(doc: &Doc) -> Option<usize> {
    (1..doc.tokens.len()).find(|&i| {
        doc.gap(i - 1, i).contains(',')
            && super::listed(SNARK, doc.word(&doc.tokens[i]))
            && closes_sentence(doc, i)
            && (i.saturating_sub(12)..i).any(|j| {
                // A reply to someone carries the jab across sentences.
                super::listed(JAB, doc.word(&doc.tokens[j])) && (doc.same_sentence(j, i) || doc.tokens[0].mention)
            })
    })
}

fn closes_sentence(doc: &Doc, at: usize) -> bool {
    at + 1 == doc.tokens.len() || !doc.same_sentence(at, at + 1)
}

/// A person is addressed or pointed at: within the three tokens before,
/// by a person word just after ("dumbest caller of the week"), or by the
/// insult standing alone at the end of a sentence ("enjoy being
/// irrelevant, loser.", "Clueless clown.").
fn aimed_at_someone(doc: &Doc, at: usize) -> bool {
    let names_after =
        || doc.tokens.get(at + 1).is_some_and(|t| super::listed(TARGETS, doc.word(t))) && doc.same_sentence(at, at + 1);
    // "We won't miss whiners like you.", not "amateurs like you and me".
    let word = |i: usize| doc.tokens.get(i).map_or("", |t| doc.word(t));
    let like_you = || word(at + 1) == "like" && word(at + 2) == "you" && word(at + 3) != "and";
    near_word(doc, at, 3, 0, SECOND_PERSON)
        || near_word(doc, at, 3, 0, TARGETS)
        || names_after()
        || like_you()
        || alone(doc, at)
        || mentioned_before(doc, at)
        || the_one_who(doc, at)
        || who_clause_before(doc, at)
        || called(doc, at)
}

/// Words in `TARGETS` that point at someone without naming a person.
const NOT_PERSONS: WordList = words!(
    "what|bunch|these|those|he's|she's|they're|hes|shes|total|complete|utter|absolute|actual|",
    "proper|spineless",
);

/// "Councilman Pruitt is a liar", "my ex is such a clown": a named or
/// pointed-at person called the insult.
fn called(doc: &Doc, at: usize) -> bool {
    let word = |j: usize| doc.word(&doc.tokens[j]);
    // "my ex is a cheat and a liar": the verdict may sit a few words back.
    let verdict = (at.saturating_sub(6)..at)
        .filter(|&j| doc.same_sentence(j, at))
        .find(|&j| matches!(word(j), "is" | "was" | "are" | "such"));
    // A capital inside a sentence is a name ("Councilman Pruitt is"); at its
    // start it may be any word ("Crypto is a fraud").
    let named = |j: usize| doc.tokens[j].capitalized && j > 0 && doc.same_sentence(j - 1, j);
    // "Every journalist at that paper is a liar": the person a few words before
    // (a word for a person, not "what", "these" or "total").
    let person = |w: &str| super::listed(TARGETS, w) && !super::listed(NOT_PERSONS, w);
    let pointed = |v: usize| (v.saturating_sub(5)..v).any(|j| doc.same_sentence(j, v) && person(word(j)));
    verdict.is_some_and(|v| v > 0 && doc.same_sentence(v - 1, at) && (named(v - 1) || pointed(v)))
}

/// The insult names a person, ends its sentence after a comma ("...,
/// loser.") or is one of at most two words in it ("Clueless clown."), and
/// the sentence is one, not a web address: the break before it has a space.
fn alone(doc: &Doc, at: usize) -> bool {
    if at == 0 || !super::listed(PERSON, doc.word(&doc.tokens[at])) || !closes_sentence(doc, at) {
        return false;
    }
    if doc.gap(at - 1, at).contains(',') {
        return true;
    }
    let first = if !doc.same_sentence(at - 1, at) {
        at
    } else if at == 1 || !doc.same_sentence(at - 2, at - 1) {
        at - 1
    } else {
        return false;
    };
    first == 0 || doc.gap(first - 1, first).contains(char::is_whitespace)
}

/// "Anyone who disagrees with me is a brainwashed sheep": the insult's
/// target is a "who" clause earlier in the sentence.
fn who_clause_before(doc: &Doc, at: usize) -> bool {
    (at.saturating_sub(12)..at).any(|j| {
        matches!(doc.word(&doc.tokens[j]), "anyone" | "everyone" | "people" | "anybody" | "everybody")
            && doc.tokens.get(j + 1).is_some_and(|t| doc.word(t) == "who")
            && doc.same_sentence(j, at)
    })
}

/// "the moron who keyed my car", "that idiot who cut me off".
fn the_one_who(doc: &Doc, at: usize) -> bool {
    let before = at.checked_sub(1).map(|j| doc.word(&doc.tokens[j]));
    let after = doc.tokens.get(at + 1).map(|t| doc.word(t));
    matches!(before, Some("the" | "that" | "this")) && after == Some("who") && doc.same_sentence(at, at + 1)
}

/// An @mention within the three tokens before, in the same sentence.
fn mentioned_before(doc: &Doc, at: usize) -> bool {
    (at.saturating_sub(3)..at).any(|j| doc.tokens[j].mention && doc.same_sentence(j, at))
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const RULE: &str = "hostility.insult";

    #[test]
    fn catches_insults_aimed_at_someone() {
        for text in [
            "my ex is a cheat and a liar",
            "the shop has no room for cowards like you",
            "my landlord is a proper c**t, still no hot water",
            "Every journalist at that paper is a liar and a coward.",
            "Anyone who disagrees with me here is a brainwashed sheep",
            "Your support team should all be fired, total idiots",
            "Whoever runs this page should be ashamed, absolute cowards",
            "To the moron who keyed my car, enjoy your karma",
            "You're an idiot if you believe that",
            "@critic_guy you clown",
            "what a bunch of f*cking amateurs",
            "a$$hole driver cut me off again",
            "Useless waste of space.",
            "you m0ron",
            "What the fuck @CoastlineRail, third cancellation this week",
            "Posting this before I lose my nerve: my ex is a cheating liar",
            "Maybe read the baggage rules next time, genius.",
            "@angrydad_22 maybe read the manual before you break things? Not our problem, pal.",
            "To the critic who called it a flop: enjoy being on the sidelines, loser.",
            "That umpire must be blind or retarded",
            "Dumbest caller of the week, easily",
            "Coach can go f*** himself",
            "my neighbour is a total creep",
            "My ex is a lying cow and everyone should know it",
            "She's a total slag, ask anyone",
            "Councilman Pruitt is a spineless liar and should be run out of town",
            "Boss made me redo the whole rota because she can't read, actual clown",
        ] {
            assert!(flags(RULE, text, &personal()), "missed: {text}");
        }
    }

    #[test]
    fn leaves_self_talk_and_other_uses_alone() {
        for text in [
            "Amateurs like you and me are welcome at our open mic night",
            "What a lame excuse",
            "Our teacher is great with special needs kids",
            "Found this doll in the attic. Creepy.",
            "Good luck next season, champ.",
            "If someone asks for your PIN, report it at safebank.example/fraud",
            "Book club this month: Great Expectations. Bring your own mug",
            "And honestly, what the fuck took the board so long?",
            "I'm such an idiot, left my keys at home again",
            "Booked a clown for the kids' party",
            "This is the dumb phone I always wanted",
            "Amateurs welcome at Saturday's open mic",
            "@priya_k you muppet, you left your umbrella at mine AGAIN 😂 love ya",
            "Bring your famous jerk chicken to the street party",
            "Stupid question maybe, but how do I export a PDF?",
            "Crypto is a fraud and always was",
            "what a f u c k i n g finish from Okafor",
            "The party said the claim is a fraud",
            "My sister is so fucking talented",
            "The total bill was fucking ridiculous",
            "What a week, the weather is shit again",
            "Everyone at the wedding was so fucking lovely",
        ] {
            assert!(fired(RULE, text, &personal()).is_empty(), "false alarm: {text}");
        }
    }
}
