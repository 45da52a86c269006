//! `permanence.disclaimer`: disclaimers that protect nothing once posted:
//! "jk", "just kidding", "I'll delete this later", "deleting this in 5
//! minutes". "Just kidding around" describes, it does not disclaim.

use super::{hit_span, with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::List;

pub struct PermanenceDisclaimer;

impl Rule for PermanenceDisclaimer {
    fn id(&self) -> &'static str {
        "permanence.disclaimer"
    }

    fn category(&self) -> Category {
        Category::Permanence
    }

    fn lesson(&self) -> &'static str {
        "Once it is online it is forever: screenshots and archives outlive a deleted post, and \"just kidding\" has never taken a remark back. If it needs a disclaimer, it probably should not be posted."
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
        for hit in input.scan.hits(List::Permanence) {
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

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const RULE: &str = "permanence.disclaimer";

    #[test]
    fn catches_disclaimers() {
        for text in [
            "Lol jk, I'd never actually say that out loud",
            "Deleting this in 5 minutes but the new VP is a disaster",
            "I'll delete this later but here goes",
            "just kidding!!",
            "j/k about the resignation",
        ] {
            assert!(flags(RULE, text, &personal()), "missed: {text}");
        }
    }

    #[test]
    fn descriptions_are_fine() {
        for text in [
            "We were just kidding around at the offsite, great team",
            "Deleted scenes from the film are on the blu-ray",
            "How to delete your account: Settings > Privacy",
        ] {
            assert!(!flags(RULE, text, &personal()), "false alarm: {text}");
        }
    }
}
