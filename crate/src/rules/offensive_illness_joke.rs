//! `offensive.illness-joke`: a joke about an illness or condition ("hope I
//! don't get AIDS lol"). Needs a joke marker in the draft and stays quiet
//! when the mention is supportive (an AIDS walk, a cancer survivor,
//! awareness month).

use super::{hit_span, with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::List;

pub struct OffensiveIllnessJoke;

impl Rule for OffensiveIllnessJoke {
    fn id(&self) -> &'static str {
        "offensive.illness-joke"
    }

    fn category(&self) -> Category {
        Category::Offensive
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        if !input.scan.has(List::Jokes) || input.scan.has(List::Supportive) {
            return;
        }
        for hit in input.scan.hits(List::Illness) {
            out.push(with_action(
                self.finding(Severity::High, hit_span(input.doc, hit), "This jokes about an illness.".into()),
                Action::Remove,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn catches_jokes_about_illness() {
        assert!(flags(
            "offensive.illness-joke",
            "Off to the tropics. Hope I don't get Ebola. Just kidding!",
            &personal()
        ));
        assert!(flags("offensive.illness-joke", "so autistic lol", &personal()));
    }

    #[test]
    fn supportive_mentions_are_fine() {
        for text in [
            "Walking 10k for the AIDS walk on Sunday, sponsor me! haha my legs",
            "Cancer survivor, 5 years today. Still here lol",
            "Our research into dementia care is published",
        ] {
            assert!(fired("offensive.illness-joke", text, &personal()).is_empty(), "false alarm: {text}");
        }
    }
}
