//! `hostility.shouting`: a post written in capitals. Shouting alone is a
//! tip; shouting with anger words or at "you" is hostile. Acronyms (NASA,
//! CEO) and short all-caps posts ("OMG YES") do not count.

use super::{Input, Rule, SECOND_PERSON};
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::List;
use crate::words::{words, WordList};

pub struct HostilityShouting;

const ANGER: WordList = words!(
    "worst|hate|stupid|never|terrible|disgusting|idiots|shame|pathetic|ridiculous|sick|joke|",
    "liars|useless|angry|furious|enough|unacceptable",
);

impl Rule for HostilityShouting {
    fn id(&self) -> &'static str {
        "hostility.shouting"
    }

    fn category(&self) -> Category {
        Category::Hostility
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        // Cheap first: shouted words are counted among the worded ones below.
        let at_most_shouted = doc.tokens.iter().filter(|t| t.shouted && !t.hashtag).count();
        if at_most_shouted < 4 {
            return;
        }
        let is_worded = |i: &usize| doc.raw(&doc.tokens[*i]).chars().filter(|c| c.is_alphabetic()).count() >= 2;
        // Capitals must be 60% of the worded tokens (every shouted one is
        // worded): a long draft with a few stops counting at the first
        // word too many.
        let enough = at_most_shouted * 10 / 6 + 1;
        let worded: Vec<usize> = (0..doc.tokens.len()).filter(is_worded).take(enough).collect();
        if worded.len() == enough {
            return;
        }
        let shouted: Vec<usize> =
            worded.iter().copied().filter(|&i| doc.tokens[i].shouted && !doc.tokens[i].hashtag).collect();
        // A guard: folding can change how many letters a word has.
        if shouted.len() < 4 || shouted.len() * 10 < worded.len() * 6 {
            return;
        }
        let angry = shouted.iter().any(|&i| {
            let w = doc.word(&doc.tokens[i]);
            super::listed(ANGER, w) || super::listed(SECOND_PERSON, w)
        }) || input.scan.has(List::Insults)
            || input.scan.has(List::Profanity);
        let severity = match (angry, input.ctx.is_brand()) {
            (false, _) => Severity::Low,
            (true, false) => Severity::Medium,
            (true, true) => Severity::High,
        };
        let span = doc.span(doc.tokens[shouted[0]].start, doc.tokens[*shouted.last().unwrap_or(&shouted[0])].end);
        let mut f = self.finding(severity, span, "Written in capitals, this reads as shouting.".into());
        f.action = Some(Action::Rephrase { hint: "Write it in normal case; let the words carry the weight." });
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const RULE: &str = "hostility.shouting";

    #[test]
    fn angry_capitals_are_hostile() {
        assert!(flags(RULE, "YOU PEOPLE ARE THE WORST CUSTOMERS I HAVE EVER DEALT WITH", &brand()));
        assert!(flags(RULE, "THIS IS A DISGRACE AND YOU KNOW IT", &personal()));
    }

    #[test]
    fn happy_capitals_and_acronyms_are_not() {
        assert!(!flags(RULE, "HAPPY NEW YEAR FROM ALL OF US", &brand()));
        assert!(fired(RULE, "NASA and the ESA signed an MOU with the CEO of SpaceX today", &personal()).is_empty());
        assert!(fired(RULE, "OMG YES", &personal()).is_empty());
    }
}
