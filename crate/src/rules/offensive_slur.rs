//! `offensive.slur`: slurs against a race, religion, nationality, gender
//! or sexuality, through any spelling trick. Always high: no audience makes
//! them safe, and "it was a joke" has never saved anyone.

use super::{hit_span, with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::List;
use crate::text::Doc;

pub struct OffensiveSlur;

impl Rule for OffensiveSlur {
    fn id(&self) -> &'static str {
        "offensive.slur"
    }

    fn category(&self) -> Category {
        Category::Offensive
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        for hit in input.scan.hits(List::Slurs) {
            if hit.tag == "name" && in_proper_name(doc, hit.first) {
                continue;
            }
            out.push(with_action(
                self.finding(Severity::High, hit_span(input.doc, hit), "This is a slur.".into()),
                Action::Remove,
            ));
        }
    }
}

/// "Dick Van Dyke", "Rio Negro", "Coon Rapids": a capitalised word next to
/// another capitalised word that does not open the sentence.
fn in_proper_name(doc: &Doc, at: usize) -> bool {
    let capital = |i: usize| doc.tokens.get(i).is_some_and(|t| t.capitalized && !t.shouted);
    let opens_sentence = |i: usize| i == 0 || !doc.same_sentence(i - 1, i);
    capital(at)
        && ((at > 0 && capital(at - 1) && !opens_sentence(at - 1) && doc.same_sentence(at - 1, at))
            || (capital(at + 1) && doc.same_sentence(at, at + 1)))
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn catches_slurs_through_evasions() {
        for text in ["what a f@ggot", "n1gger", "k i k e", "ch1nk food lol"] {
            assert!(flags("offensive.slur", text, &personal()), "missed: {text}");
        }
    }

    #[test]
    fn leaves_look_alikes_alone() {
        for text in [
            "a spice rack",
            "Fagus is the beech genus",
            "raccoon on the porch",
            "the Nigerian team",
            "The Dick Van Dyke Show marathon is on tonight",
            "Kayaking the Rio Negro",
        ] {
            assert!(fired("offensive.slur", text, &personal()).is_empty(), "false alarm: {text}");
        }
    }

    #[test]
    fn the_fag_end_of_the_week_is_no_slur() {
        let text = "Fag end of the week lads, nearly there. One more early start then it's the weekend 🙌";
        assert!(!flags("offensive.slur", text, &personal()), "false alarm: {text}");
    }
}
