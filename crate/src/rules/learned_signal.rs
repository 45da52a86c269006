//! `<category>.learned`: the learned model's verdict (see `learned.rs`),
//! for drafts whose risk is in the wording as a whole rather than in one
//! word ("still seeing double, pray for me at standup"). It speaks only
//! when no rule of the same category has at medium or above (a tip may sit
//! beside it), and it underlines the sentence
//! holding the cue that weighed most. Its lesson is the one of the
//! category's main rule, so the card tells the same story. The offensive
//! one stays quiet on a group quoted to be argued with ("the 'women are bad
//! drivers' line is a myth"), as the rule does.

use super::{Input, Rule};
use crate::finding::{Category, Finding, Severity};
use crate::learned::Verdict;

pub struct LearnedSignal {
    pub id: &'static str,
    pub category: Category,
    /// The rule whose lesson this one shares.
    pub main: &'static dyn Rule,
    pub message: &'static str,
}

impl Rule for LearnedSignal {
    fn id(&self) -> &'static str {
        self.id
    }

    fn category(&self) -> Category {
        self.category
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        if out.iter().any(|f| f.category == self.category && f.severity >= Severity::Medium) {
            return;
        }
        let Some(verdict) = input.learned().iter().find(|v| v.category == self.category) else { return };
        if verdict.flagged && !learned_rule_quiet(input, self.category) {
            out.push(self.finding(Severity::Medium, sentence_around(input, verdict), self.message.into()));
        }
    }
}

/// Whether the learned rule of `category` stays quiet on this draft whatever
/// the model scores: "The 'women are bad drivers' line is a myth" quotes a
/// remark to argue with it, "Women can't park? I reversed a minibus..."
/// echoes one to answer it, "women are not 'diversity hires'" denies a
/// label. Training reads this too (`postguard::learned_rules_quiet`).
pub(crate) fn learned_rule_quiet(input: &Input, category: Category) -> bool {
    // "We will never ask for your PIN... hang up": a brand's safety notice
    // reads as neither a complaint nor a personal post.
    let safety_notice = || input.ctx.is_brand() && input.doc.folded.contains("never ask for your");
    match category {
        Category::Offensive => super::argues_against(input.doc) || super::offensive_generalization::pushed_back(input),
        Category::Workplace | Category::WrongAccount => safety_notice(),
        _ => false,
    }
}

/// UTF-16 span of the sentence holding the verdict's strongest cue, or of
/// the whole draft when the cue has no place (the account kind).
fn sentence_around(input: &Input, verdict: &Verdict) -> (u32, u32) {
    let folded = &input.doc.folded;
    let (start, end) = verdict.strongest.unwrap_or((0, folded.len()));
    let is_stop = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let from = folded[..start].rfind(is_stop).map_or(0, |i| i + 1);
    let to = folded[end..].find(is_stop).map_or(folded.len(), |i| end + i + 1);
    let text = &folded[from..to];
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    input.doc.span(from + lead, to - trail)
}

/// The learned rules, one per category the model scores, in its order.
pub static RULES: [LearnedSignal; 4] = {
    use super::*;
    [
        LearnedSignal {
            id: "offensive.learned",
            category: Category::Offensive,
            main: &offensive_generalization::OffensiveGeneralization,
            message: "This may read as a put-down of a whole group of people.",
        },
        LearnedSignal {
            id: "sexual.learned",
            category: Category::Sexual,
            main: &sexual_content::SexualContent,
            message: "This reads as suggestive.",
        },
        LearnedSignal {
            id: "workplace.learned",
            category: Category::Workplace,
            main: &workplace_complaint::WorkplaceComplaint,
            message: "This reads as a complaint about work, a job or its people.",
        },
        LearnedSignal {
            id: "wrong-account.learned",
            category: Category::WrongAccount,
            main: &wrong_account::WrongAccount,
            message: "This sounds personal, and the account posting it is a brand.",
        },
    ]
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learned::CATEGORIES;
    use crate::rules::test_util::*;

    #[test]
    fn one_rule_per_learned_category_with_its_id() {
        let rules = &RULES;
        assert_eq!(rules.iter().map(|r| r.category).collect::<Vec<_>>(), CATEGORIES);
        for r in rules {
            assert_eq!(r.id, format!("{}.learned", r.category.id()));
            assert_eq!(r.main.category(), r.category);
        }
    }

    #[test]
    fn speaks_for_wording_no_rule_catches() {
        let text = "@sam_k can't stop thinking about last night, round two tonight?";
        assert!(flags("sexual.learned", text, &personal()));
    }

    #[test]
    fn stays_quiet_where_a_rule_spoke() {
        let text = "Accepted the offer! Pay is great, I hate my job already and my boss is useless";
        assert!(flags("workplace.complaint", text, &personal()));
        assert!(fired("workplace.learned", text, &personal()).is_empty());
    }

    #[test]
    fn stays_quiet_on_ordinary_posts() {
        for text in [
            "Our new spring menu is out today, come and try the asparagus tart",
            "Proud to share that our team raised £4,000 for the hospice this weekend",
            "Spotted a pair of great tits at the reserve this morning",
            "Earnings webcast: Thursday 4pm ET, link on our investor site",
        ] {
            for ctx in [personal(), brand()] {
                let found: Vec<_> =
                    crate::check(text, &ctx).into_iter().filter(|f| f.rule.ends_with(".learned")).collect();
                assert!(found.is_empty(), "{text}: {found:?}");
            }
        }
    }

    #[test]
    fn leaves_long_drafts_to_the_rules() {
        let cue = "@sam_k can't stop thinking about last night, round two tonight? ";
        assert!(flags("sexual.learned", cue, &personal()));
        let long = format!("{cue}{}", "The rest of this newsletter is about our garden. ".repeat(30));
        assert!(fired("sexual.learned", &long, &personal()).is_empty());
    }

    #[test]
    fn underlines_the_sentence_with_the_cue() {
        let text = "Great gig. @sam_k can't stop thinking about last night, round two tonight?";
        let found = fired("sexual.learned", text, &personal());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "@sam_k can't stop thinking about last night, round two tonight?");
    }
}
