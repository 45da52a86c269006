//! `confidential.marker`: words that say the text was not meant to be
//! public: "strictly confidential", "internal only", "under NDA",
//! "embargoed", "off the record", "leaked", "not public yet". A bare
//! "confidential" counts only as a label ("Confidential: ...") and never in
//! the promise sense ("your data stays confidential").

use super::{hit_span, with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::{Hit, List};
use crate::text::Doc;

pub struct ConfidentialMarker;

/// Words before "confidential" that make it a promise, not a label.
const PROMISE: &[&str] =
    &["kept", "keep", "treated", "as", "remain", "remains", "stay", "stays", "is", "are", "be", "completely", "fully", "100", "strictly"];

impl Rule for ConfidentialMarker {
    fn id(&self) -> &'static str {
        "confidential.marker"
    }

    fn category(&self) -> Category {
        Category::Confidential
    }

    fn lesson(&self) -> &'static str {
        "Anything marked confidential, embargoed or under NDA that reaches a public post is a leak, whatever the intent, and leaks of unreleased products and reorganisations have ended careers and deals."
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        for hit in input.scan.hits(List::Confidential) {
            if hit.tag == "label" && !is_label(doc, hit) {
                continue;
            }
            if promise_sense(doc, hit) {
                continue;
            }
            let span = hit_span(doc, hit);
            out.push(with_action(
                self.finding(
                    Severity::High,
                    span,
                    format!("\u{201c}{}\u{201d} says this is not meant to be public.", doc.original(span.0, span.1)),
                ),
                Action::Rephrase { hint: "Share it only through the channel it was meant for." },
            ));
        }
    }
}

/// "Confidential: ...", "LEAKED - ...", or the word opening a sentence.
fn is_label(doc: &Doc, hit: &Hit) -> bool {
    let opens = hit.first == 0 || !doc.same_sentence(hit.first - 1, hit.first);
    let rest = &doc.folded[doc.tokens[hit.last].end..];
    let followed_by_mark = rest.trim_start().starts_with([':', '-', '\u{2013}', '\u{2014}', '!']);
    opens || followed_by_mark
}

/// "... will be kept strictly confidential": a promise to the reader.
fn promise_sense(doc: &Doc, hit: &Hit) -> bool {
    let starts_with_confidential = doc.tokens[hit.first].word == "confidential" || doc.tokens[hit.first].word == "strictly";
    starts_with_confidential
        && hit.first > 0
        && doc.same_sentence(hit.first - 1, hit.first)
        && PROMISE.contains(&doc.tokens[hit.first - 1].word.as_str())
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const RULE: &str = "confidential.marker";

    #[test]
    fn catches_markers() {
        for text in [
            "Strictly confidential - do not forward: draft org chart for the reorg attached",
            "Under NDA so I can't say much, but our chip tapes out next month",
            "Leaked: the new phone will cost $1,299",
            "CONFIDENTIAL: Q3 pricing deck",
            "off the record, the launch slips to May",
            "internal only, please",
        ] {
            assert!(flags(RULE, text, &personal()), "missed: {text}");
        }
    }

    #[test]
    fn promises_and_generic_uses_are_fine() {
        for text in [
            "Your data stays confidential, always.",
            "All calls to our helpline are confidential",
            "Every enquiry is treated as strictly confidential.",
            "Our confidential counselling service is free for students",
            "The water main leaked all night",
        ] {
            assert!(fired(RULE, text, &brand()).is_empty(), "false alarm: {text}");
        }
    }
}
