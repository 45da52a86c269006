//! `hostility.phrase`: hostile phrases that need no further context: "get
//! a life", "nobody cares", "shut up", "you people", "kill yourself". "Drop
//! dead gorgeous" is a compliment, and friends' banter on a personal
//! account ("love ya") excuses all but threats.

use super::{banter, hit_span, medium_or_high_for_brand, quoted, with_action, Input, Rule};
use crate::finding::{Action, Category, Finding};
use crate::lexicon::List;
use crate::words::{words, WordList};

pub struct HostilityPhrase;

/// Words of threats and wishes of harm, which no banter excuses.
const NEVER_BANTER: WordList =
    words!("kill|kys|die|dead|burn|torch|run over|outside|car park|know who you|know where you|watch yourself|hurt");

/// Whether the draft tells readers where to find someone: "lives at",
/// "staying on", "works at", an address, a postcode, a birth date, "his
/// number is", read as whole words.
fn says_where_to_find(doc: &crate::text::Doc) -> bool {
    const STAYS: WordList = words!("live|lives|living|staying|works|working");
    const NAMED: WordList = words!("address|addy|postcode|dob");
    let word = |i: usize| doc.tokens.get(i).map_or("", |t| doc.word(t));
    (0..doc.tokens.len()).any(|i| {
        (super::listed(STAYS, word(i)) && matches!(word(i + 1), "at" | "on" | "in"))
            || super::listed(NAMED, word(i))
            || (word(i) == "number" && word(i + 1) == "is")
    })
}

const COMPLIMENTS: WordList = words!("gorgeous|beautiful|stunning|sexy|funny|hilarious|brilliant");

impl Rule for HostilityPhrase {
    fn id(&self) -> &'static str {
        "hostility.phrase"
    }

    fn category(&self) -> Category {
        Category::Hostility
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        let banter = banter(input);
        for hit in input.scan.hits(List::HostilePhrases) {
            if banter && !NEVER_BANTER.split('|').any(|w| hit.phrase.contains(w)) {
                continue;
            }
            let next = doc.tokens.get(hit.last + 1).map(|t| doc.word(t));
            if hit.tag == "target" && next.is_some_and(|w| super::listed(COMPLIMENTS, w)) {
                continue;
            }
            if hit.tag == "callout" && !calls_out(doc, hit.start) {
                continue;
            }
            if unasked_for_by_self(doc, hit) {
                continue;
            }
            if hit.tag == "doxx" && !says_where_to_find(doc) {
                continue;
            }
            let severity = medium_or_high_for_brand(input.ctx);
            let span = hit_span(doc, hit);
            out.push(with_action(
                self.finding(severity, span, format!("{} reads as hostile.", quoted(doc, span))),
                Action::Rephrase { hint: "Would you say it to their face, with your team watching?" },
            ));
        }
    }
}

/// Whether the draft opens by calling someone out ("To the woman who gave
/// us one star:", "To whoever dumped a sofa on Mill Lane:") and the words at
/// folded `at` come after that colon: what follows is said to them.
fn calls_out(doc: &crate::text::Doc, at: usize) -> bool {
    const THANKS: &[&str] = &["thank", "thanks", "grateful", "love", "appreciate"];
    let word = |i: usize| doc.tokens.get(i).map_or("", |t| doc.word(t));
    // A colon that is not a time ("9:30").
    let before = &doc.folded.as_bytes()[..at];
    let colon = before.windows(3).any(|w| w[1] == b':' && !(w[0].is_ascii_digit() && w[2].is_ascii_digit()));
    word(0) == "to"
        && matches!(word(1), "the" | "whoever" | "whomever" | "those" | "that")
        && colon
        && !doc.tokens.iter().any(|t| THANKS.contains(&doc.word(t)))
}

/// "The gym crush update nobody asked for: we finally spoke": the writer
/// teasing their own post, which ends the clause there ("nobody asked for
/// your opinion" goes on to its target; "@dave your hot take nobody asked
/// for" is said to someone).
fn unasked_for_by_self(doc: &crate::text::Doc, hit: &crate::lexicon::Hit) -> bool {
    const POSTS: WordList =
        words!("update|post|thread|review|dump|rant|recap|tangent|essay|story|content|photo|pic|ranking");
    let after = hit.last + 1;
    let to_someone =
        doc.tokens[..hit.first].iter().any(|t| t.mention || super::listed(words!("your|ur|you"), doc.word(t)));
    let names_a_post = hit.first > 0
        && doc.same_sentence(hit.first - 1, hit.first)
        && super::listed(POSTS, doc.word(&doc.tokens[hit.first - 1]))
        && !to_someone;
    let ends_at_for = doc.tokens.get(after).is_some_and(|t| doc.word(t) == "for")
        && (after + 1 >= doc.tokens.len()
            || !doc.same_sentence(after, after + 1)
            || doc.gap(after, after + 1).contains([',', ':', ';']));
    hit.phrase == "nobody asked" && names_a_post && ends_at_for
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const RULE: &str = "hostility.phrase";

    #[test]
    fn catches_hostile_phrases() {
        for text in [
            "get a life, nobody cares what you think",
            "If you spent less time whining online and more time reading your bill, you'd know why it went up.",
            "@jdawson If you can't figure out a simple login page, maybe the internet isn't for you.",
            "Take your hot take somewhere else, nobody asked for your opinion",
            "Nobody asked for this, Kevin.",
            "The streamer who banned me lives at 17 Cedar Lane, Austin. Go say hi 🙂",
            "They live at 17 Cedar Lane, go say hi 🙂",
            "@dave your hot take nobody asked for, as usual 🙄",
            "Another thread from Mark nobody asked for.",
            "YOU PEOPLE are the worst",
            "oh shut up",
            "just drop dead",
            "@mark_dev you're a complete joke and everyone at the meetup knows it",
            "I hope that landlord's car gets torched",
            "To the woman who gave us one star because we don't do oat milk: grow up",
            "To whoever dumped a sofa on Mill Lane: we've got you on CCTV and you look ridiculous",
            "Those protesters blocking the ring road deserve to get run over, honestly.",
        ] {
            assert!(flags(RULE, text, &personal()), "missed: {text}");
        }
    }

    #[test]
    fn leaves_friendly_uses_alone() {
        for text in [
            "She looked drop dead gorgeous at the gala",
            "To Mr Adeyemi, my chemistry teacher: I'm a pharmacist now, and it's entirely your fault. Thank you.",
            "Life is short, get outside",
            "Nobody bakes like grandma",
            "That exam was a complete joke, finished in ten minutes",
            "@jamie_b happy birthday you absolute gremlin 🥳 love ya",
            "Kids, grow up slowly: this summer goes so fast",
            "To the stranger who found my wallet: you are a star, thank you",
            "To the person who returned my wallet: karma will repay you",
            "To whoever organised the street party at 9:30: do better next year? impossible, thank you",
            "The gym crush update nobody asked for: we finally spoke. About squat rack etiquette.",
            "Mo has been absolutely killing it behind the bar today, go say hi 🙌",
            "best olives in town at Mo's stall, go say hi",
            "Anyone know if the junior cricket sessions run over the Easter holidays?",
            "Born and raised in Essex and I still get lost on Basildon's roundabouts every single time.",
            "Our AGM will run over time, so the quiz starts at 8.",
        ] {
            assert!(fired(RULE, text, &personal()).is_empty(), "false alarm: {text}");
        }
    }

    #[test]
    fn thanks_do_not_excuse_a_put_down() {
        let text = "To the customer who left a one star review: thank you. Shop somewhere else, we won't miss you";
        assert!(flags(RULE, text, &brand()));
        assert!(flags(RULE, "To the clown who parked across my drive: thank you. Get a life", &personal()));
    }

    #[test]
    fn banter_excuses_neither_a_brand_nor_the_worst_phrases() {
        assert!(flags(RULE, "@jamie_b happy birthday you absolute gremlin 🥳 love ya", &brand()));
        assert!(flags(RULE, "kys lol love you", &personal()));
        assert!(flags(RULE, "see you outside, love ya", &personal()));
        assert!(flags(RULE, "get a life, nobody will ever love you", &personal()));
    }
}
