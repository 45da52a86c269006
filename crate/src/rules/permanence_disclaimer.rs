//! `permanence.disclaimer`: disclaimers that protect nothing once posted:
//! "jk", "just kidding", "I'll delete this later", "deleting this in 5
//! minutes". "Just kidding around" describes, it does not disclaim.

use super::{hit_span, with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::List;
use crate::text::Doc;
use crate::words::{words, WordList};

pub struct PermanenceDisclaimer;

impl Rule for PermanenceDisclaimer {
    fn id(&self) -> &'static str {
        "permanence.disclaimer"
    }

    fn category(&self) -> Category {
        Category::Permanence
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        // "j/k" splits into two tokens; find it in the folded text.
        for (at, _) in doc.folded.match_indices("j/k") {
            let before = doc.folded[..at].chars().next_back();
            let after = doc.folded[at + 3..].chars().next();
            if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
                out.push(self.finding(
                    Severity::Medium,
                    doc.span(at, at + 3),
                    "\u{201c}j/k\u{201d} won't undo the post once people have seen it.".into(),
                ));
            }
        }
        if !input.scan.has(List::Permanence) {
            if let Some((a, b)) = removal_promise(doc) {
                out.push(self.finding(
                    Severity::Medium,
                    doc.token_span(a, b),
                    "Taking it down later won't undo the post once people have seen it.".into(),
                ));
            }
        }
        for hit in input.scan.hits(List::Permanence) {
            // "JK Simmons", "JK Rowling": initials before a name.
            let initials = doc.raw(&doc.tokens[hit.first]) == "jk"
                && doc.tokens[hit.first].shouted
                && doc
                    .tokens
                    .get(hit.last + 1)
                    .is_some_and(|t| t.capitalized && doc.same_sentence(hit.last, hit.last + 1));
            // "our drama club presents 'Just Kidding!'" (a quoted title, its
            // capitalised words too), "how adding 'just kidding' changes the
            // tone": the words quoted, not said.
            let mut first = hit.first;
            while first > 0 && doc.tokens[first - 1].capitalized && doc.same_sentence(first - 1, first) {
                first -= 1;
            }
            let quoted_from =
                |i: usize| super::inside_quotes(doc, doc.tokens[i].start, doc.tokens[hit.last].end).is_some();
            if initials
                || quoted_from(hit.first)
                || quoted_from(first)
                || said_not_to_work(doc, hit.last)
                || (hit.phrase == "kidding" && !stands_alone(doc, hit.end))
                // "or am I getting mugged off?": a real question, which goes on.
                || (hit.phrase == "or am i" && !stands_alone(doc, hit.end))
                || ((hit.phrase.contains("kidding") || hit.phrase == "jk") && resolution_before(doc, hit.first))
            {
                continue;
            }
            let span = hit_span(input.doc, hit);
            out.push(with_action(
                self.finding(
                    Severity::Medium,
                    span,
                    format!(
                        "\u{201c}{}\u{201d} won't undo the post once people have seen it.",
                        input.doc.original(span.0, span.1)
                    ),
                ),
                Action::Rephrase { hint: "Post only what you'd stand behind without the disclaimer." },
            ));
        }
    }
}

/// "Running a marathon next year. Just kidding.", "Leaked: my mum's secret
/// recipe 😂 just kidding": a joke at the writer's own resolution or
/// family recipe, taken back in the next sentence, in brackets or after an
/// emoji, puts down nobody. Only when "kidding" or "jk" opens what takes it
/// back, and not after a plan of "we" or "our" ("Our IPO is next year.
/// Just kidding").
fn resolution_before(doc: &Doc, first: usize) -> bool {
    if first == 0 {
        return false;
    }
    let opens = |i: usize| i == 0 || !doc.same_sentence(i - 1, i);
    // "Gym every day this week (jk, Tuesday maybe)", "secret recipe 😂 just
    // kidding": taken back in brackets or after a laugh.
    let word = |i: usize| doc.word(&doc.tokens[i]);
    // "kidding" read from its "just".
    let first = if first > 1 && word(first - 1) == "just" { first - 1 } else { first };
    let mut before = first - 1;
    while before > 0 && !word(before).chars().any(char::is_alphanumeric) {
        before -= 1;
    }
    let gap = doc.folded.get(doc.tokens[before].end..doc.tokens[first].start).unwrap_or_default();
    let (from, to) = if gap.trim_end().ends_with('(') || gap.chars().any(|c| !c.is_ascii() && !c.is_alphanumeric()) {
        (doc.sentence_of(before).0, before)
    } else {
        let start = if opens(first) {
            first
        } else if opens(first - 1) {
            first - 1
        } else {
            return false;
        };
        if start == 0 {
            return false;
        }
        doc.sentence_of(start - 1)
    };
    let plan = (from..=to).any(|i| super::listed(words!("resolution|resolutions|gym|diet|workout|recipe"), word(i)))
        || (from..to).any(|i| matches!([word(i), word(i + 1)], ["next" | "new", "year"]));
    plan && !(from..=to).any(|i| super::listed(words!("we|we're|we'll|our|us"), word(i)))
}

#[rustfmt::skip]
/// Verbs that take a post down. A `match` compares lengths before bytes,
/// which matters here: this runs on every word of a draft.
fn removes(word: &str) -> bool {
    matches!(
        word,
        "delete"
            | "deleting"
            | "remove"
            | "removing"
            | "pull"
            | "pulling"
            | "take"
            | "taking"
            | "archive"
            | "archiving"
            | "nuke"
            | "nuking"
            | "wipe"
            | "wiping"
    )
}

const SOON: WordList = words!("later|soon|tomorrow|tonight|once|after|in|by|when|before");
const WILL: WordList = words!("i'll|ill|will|gonna|might|then|probably|i'm|im|to|before");

/// "typing 'jk' after a post doesn't undo it", "deleting later won't help":
/// advice about disclaimers, which says they fail.
/// The "won't help" must follow within a few words and no comma ("jk, can't
/// help myself" is a disclaimer).
fn said_not_to_work(doc: &Doc, last: usize) -> bool {
    const NOT: WordList = words!("won't|wont|doesn't|doesnt|can't|cant|never|isn't|don't|dont");
    const UNDO: WordList = words!("help|undo|undoes|work|works|protect|protects|erase|erases");
    (last + 1..doc.tokens.len().min(last + 6)).any(|j| {
        doc.same_sentence(last, j)
            && !doc.folded[doc.tokens[last].end..doc.tokens[j].start].contains([',', ':', ';'])
            && super::listed(NOT, doc.word(&doc.tokens[j]))
            && doc.tokens.get(j + 1).is_some_and(|t| super::listed(UNDO, doc.word(t)))
    })
}

/// "gonna remove this later", "pulling this down in an hour", "will delete
/// once the group chat sees it": a promise to take the post down. The time
/// must follow the object ("remove it from the oven" is a recipe), and the
/// writer must speak of their own plan (a future, or an opening "-ing").
fn removal_promise(doc: &Doc) -> Option<(usize, usize)> {
    let t = &doc.tokens;
    let word = |i: usize| t.get(i).map_or("", |t| doc.word(t));
    for i in 0..t.len() {
        let verb = word(i);
        if !removes(verb) {
            continue;
        }
        // "before I take this post down" carries its own time.
        let before = (i.saturating_sub(3)..i).any(|k| word(k) == "before");
        let mut j = i + 1;
        if matches!(word(j), "this" | "it" | "that") {
            j += 1 + usize::from(matches!(word(j + 1), "post" | "tweet" | "pic" | "photo"));
        } else if !verb.starts_with('d') {
            continue;
        }
        // "take it down", "pulling this down".
        if verb.starts_with(['t', 'p']) {
            if word(j) != "down" {
                continue;
            }
            j += 1;
        }
        let opens = i == 0 || !doc.same_sentence(i - 1, i);
        let planned = opens && verb.ends_with("ing") || (i.saturating_sub(3)..i).any(|k| super::listed(WILL, word(k)));
        // "before I take this down to the tip" is about something else.
        let ends = j >= t.len() || !doc.same_sentence(j - 1, j) || doc.gap(j - 1, j).contains([':', ',']);
        // "before they delete it" ends at the draft's last word; "delete it
        // tomorrow" takes in its time.
        if planned && before && ends {
            return Some((i, j - 1));
        }
        if planned && super::listed(SOON, word(j)) && doc.same_sentence(i, j) {
            return Some((i, j));
        }
    }
    None
}

/// "Kidding!", "kidding.", "kidding 😂", "kidding lol": a bare "kidding"
/// disclaims only as its own clause, closed by punctuation, an emoji, a
/// laugh or the end of the draft; "kidding around", "kidding aside" and
/// "who was I kidding thinking" go on.
fn stands_alone(doc: &Doc, end: usize) -> bool {
    const LAUGHS: WordList = words!("lol|haha|lmao|jk");
    let rest = doc.folded[end..].trim_start();
    let next_word = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    rest.chars().next().map_or(true, |c| !c.is_alphanumeric()) || super::listed(LAUGHS, next_word)
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const RULE: &str = "permanence.disclaimer";

    #[test]
    fn catches_disclaimers() {
        for text in [
            "Uploading the cringe karaoke videos from the trip tonight, don't worry, I'll take them down tomorrow.",
            "Posting for 24h only 🙊 my honest review",
            "Leaving this cringe dance up for one hour only, then it's getting deleted, so watch fast",
            "Told the investors we'd hit $10M ARR this year. Kidding! (We're at 3.)",
            "Layoffs start next year. Deleting this in an hour.",
            "Posting this now and taking it down tonight: the hospital left my dad on a stretcher for 6 hours",
            "ok i'll likely delete but the rota is a joke",
            "I'm going to regret posting this, but our landlord is a crook",
            "Our IPO is next year. Just kidding",
            "Gonna remove this later but look at this",
            "pulling this down in an hour, just needed to say it",
            "Will delete once the group chat sees it",
            "Gonna nuke this tweet in an hour, but here goes",
            "Quick vent before I take this post down: the wedding was awful",
            "Lol jk, I'd never actually say that out loud",
            "Deleting this in 5 minutes but the new VP is a disaster",
            "I'll delete this later but here goes",
            "just kidding!!",
            "j/k about the resignation",
            "Hate my flatmates. Kidding. Sort of.",
            "Our competitor's pies taste like cardboard. Kidding!!",
            "Hate my flatmates. Kidding 😂",
            "our rivals are clowns, kidding lol",
            "jk, can't help myself 😂",
            "Deleting this in an hour, don't save it",
            "Best boss in the world. Or am I? 👀",
        ] {
            assert!(flags(RULE, text, &personal()), "missed: {text}");
        }
    }

    #[test]
    fn a_promise_at_the_very_end_is_underlined_to_the_last_word() {
        let text = "Rider pay cut is in the internal memo, screenshot below before they delete it";
        assert_eq!(fired(RULE, text, &personal()), [("delete it".to_string(), crate::finding::Severity::Medium)]);
    }

    #[test]
    fn descriptions_are_fine() {
        for text in [
            "JK Simmons was phenomenal in that film",
            "Tip from today's workshop: typing 'jk' after a post doesn't undo it.",
            "Our policy: if you wouldn't say it on the radio, don't post it, because deleting later won't help.",
            "Before I take this down to the tip, does anyone want a free sofa?",
            "Taking it down a notch this week",
            "Got the old chairs out of the loft, I'll take them down to the charity shop tomorrow",
            "The password for tonight's pub quiz is... just kidding, there's no password, just turn up at 8",
            "Remove it from the oven after 20 minutes",
            "Never delete your backups before you test the restore",
            "Taking the kids down to the beach later",
            "We were just kidding around at the offsite, great team",
            "Deleted scenes from the film are on the blu-ray",
            "How to delete your account: Settings > Privacy",
            "Our drama club presents 'Just Kidding!', a comedy in three acts. Tickets on sale now",
            "Year 9 debated whether adding 'jk' makes a rude message any kinder.",
            "Adding 'jk' never makes a rude message any kinder.",
            "Running a marathon next year. Just kidding. Brunch.",
            "New year resolution: the gym every day. Kidding!",
            "Kidding season at the farm: 14 baby goats so far!",
            "Kidding around at the park with the twins all afternoon",
            "Kidding aside, I learned more from my failed startup than from my MBA.",
            "Who was I kidding thinking I'd finish this book in a week",
            "First time renter in Glasgow — is £40 a month for contents insurance normal or am I getting mugged off?",
        ] {
            assert!(!flags(RULE, text, &personal()), "false alarm: {text}");
        }
    }

    #[test]
    fn a_joke_at_ones_own_plan_taken_back_in_brackets_or_after_a_laugh_is_fine() {
        for text in [
            "going to the gym every day this week (jk, Tuesday maybe 😂)",
            "Leaked: my mum's secret biryani recipe 😂 just kidding, she will never share it.",
        ] {
            assert!(!flags(RULE, text, &personal()), "false alarm: {text}");
        }
        for text in ["women can't park (jk)", "Our IPO is next year 😂 just kidding"] {
            assert!(flags(RULE, text, &personal()), "missed: {text}");
        }
    }
}
