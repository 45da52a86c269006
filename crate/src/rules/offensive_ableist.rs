//! `offensive.ableist`: disability or mental illness used as an insult
//! ("retarded", "psycho", "spaz"). Milder words ("lame") are a tip.

use super::{hit_span, with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::List;
use crate::words::{words, WordList};

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

/// "12 hour cold retard in the fridge": a baker slowing the dough, said
/// right after how ("cold", "bulk", "overnight") in a sentence about
/// dough ("my flatmate is a retard, left the fridge open" is not).
fn proving_dough(doc: &crate::text::Doc, hit: &crate::lexicon::Hit) -> bool {
    const HOW: WordList = words!("cold|bulk|overnight|long|slow");
    const DOUGH: WordList = words!("dough|sourdough|proof|proofing|hydration|loaf|bake|bakes|starter|crumb");
    let word = |i: usize| doc.word(&doc.tokens[i]);
    let sentence = (0..doc.tokens.len()).filter(|&i| doc.same_sentence(i, hit.first));
    doc.word(&doc.tokens[hit.first]) == "retard"
        && hit.first > 0
        && super::listed(HOW, word(hit.first - 1))
        && sentence.clone().any(|i| super::listed(DOUGH, word(i)))
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn catches_ableist_insults() {
        for text in [
            "that plan is retarded",
            "my ex is a total psycho",
            "stop being such a spaz",
            "what a retard",
            "Mongs out in force at the self checkout today",
            "absolute window licker performance from the ref",
            "whoever appointed that ref picked him up off the special bus",
        ] {
            assert!(flags("offensive.ableist", text, &personal()), "missed: {text}");
        }
        let dough = "Finally got a proper ear on my sourdough: 78% hydration, 12 hour cold retard in the fridge.";
        assert!(!flags("offensive.ableist", dough, &personal()));
        assert!(flags("offensive.ableist", "my flatmate is a retard, left the fridge open again", &personal()));
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
