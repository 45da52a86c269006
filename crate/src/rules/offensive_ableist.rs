//! `offensive.ableist`: disability or mental illness used as an insult
//! ("retarded", "psycho", "spaz"). Milder words ("lame") are a tip.

use super::{hit_span, with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::List;

pub struct OffensiveAbleist;

impl Rule for OffensiveAbleist {
    fn id(&self) -> &'static str {
        "offensive.ableist"
    }

    fn category(&self) -> Category {
        Category::Offensive
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        for hit in input.scan.hits(List::Ableist) {
            // "then Psycho": a capitalised word inside a sentence is a title or a name.
            let tok = &doc.tokens[hit.first];
            if tok.capitalized && !tok.shouted && hit.first > 0 && doc.same_sentence(hit.first - 1, hit.first) {
                continue;
            }
            if proving_dough(doc, hit) {
                continue;
            }
            let severity = if hit.tag == "weak" { Severity::Low } else { Severity::Medium };
            let span = hit_span(input.doc, hit);
            let word = input.doc.original(span.0, span.1);
            out.push(with_action(
                self.finding(severity, span, format!("\u{201c}{word}\u{201d} uses a disability or illness as an insult.")),
                Action::Rephrase { hint: "Say what you actually mean: \u{201c}careless\u{201d}, \u{201c}unworkable\u{201d}, \u{201c}wild\u{201d}." },
            ));
        }
    }
}

/// "12 hour cold retard in the fridge": a baker slowing the dough.
fn proving_dough(doc: &crate::text::Doc, hit: &crate::lexicon::Hit) -> bool {
    const BAKING: &str = "cold|bulk|overnight|fridge|dough|proof|proofing|sourdough|hydration|loaf";
    doc.word(&doc.tokens[hit.first]) == "retard"
        && (hit.first.saturating_sub(4)..(hit.last + 4).min(doc.tokens.len()))
            .any(|i| super::listed(BAKING, doc.word(&doc.tokens[i])))
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn catches_ableist_insults() {
        for text in ["that plan is retarded", "my ex is a total psycho", "stop being such a spaz", "what a retard"] {
            assert!(flags("offensive.ableist", text, &personal()), "missed: {text}");
        }
        let dough = "Finally got a proper ear on my sourdough. 78% hydration, 12 hour cold retard in the fridge.";
        assert!(!flags("offensive.ableist", dough, &personal()));
    }

    #[test]
    fn mild_words_are_only_a_tip() {
        assert!(!flags("offensive.ableist", "lame excuse", &personal()));
        assert!(!fired("offensive.ableist", "lame excuse", &personal()).is_empty());
    }

    #[test]
    fn leaves_medical_words_alone() {
        for text in [
            "Hitchcock marathon this weekend: Vertigo, Rear Window, then Psycho",
            "Psychology degree done!",
            "the psychiatric ward nurses are heroes",
            "Retardant dropped on the wildfire",
        ] {
            assert!(fired("offensive.ableist", text, &personal()).is_empty(), "false alarm: {text}");
        }
    }
}
