//! `wrong-account.personal-register`: personal content while a brand account
//! is active: drinking, swearing, sex, complaints about work, politics, or
//! private life in the first person ("my ex showed up at my birthday").
//! Runs after the other rules and reads their findings. A brewery's "our
//! new IPA" is business; "I" with a beer on a charity's account is not.
//! After a recent account switch (`Context::previous_account`), a risky
//! draft also gets a reminder naming both accounts.

use super::{hit_span, same_sentence, with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::List;

pub struct WrongAccount;

impl Rule for WrongAccount {
    fn id(&self) -> &'static str {
        "wrong-account.personal-register"
    }

    fn category(&self) -> Category {
        Category::WrongAccount
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        if let Some(f) = self.recent_switch(input, out) {
            out.push(f);
            return;
        }
        if !input.ctx.is_brand() {
            return;
        }
        let doc = input.doc;
        let first_person = super::speaks_as_self(doc);
        let shares_details = out.iter().any(|f| matches!(f.category, Category::PersonalData | Category::Credentials));
        let from_findings = out.iter().find(|f| match f.category {
            Category::Profanity | Category::Sexual | Category::Workplace => f.severity >= Severity::Medium,
            Category::Intoxication => f.severity >= Severity::Medium || first_person,
            Category::Hostility | Category::Permanence => first_person && f.severity >= Severity::Medium,
            // "Miss u babe, counting the hours till tonight 😘" from a brand: a private
            // note on the brand's feed. A brand telling a customer their own details
            // in public is a channel mistake, not the wrong account.
            Category::PrivateMessage => !shares_details,
            _ => false,
        });
        // "Owner's note: my daughter designed our new logo": the brand's own
        // person, signing as one, may speak of their life.
        let signed = || input.scan.hits(List::Register).any(|h| h.tag == "signed");
        // "Can't stand the new mayor": an office holder run down in the same sentence.
        let negative =
            || input.scan.hits(List::Insults).chain(input.scan.hits(List::Workplace).filter(|h| h.tag == "negative"));
        let span = from_findings.map(|f| (f.start, f.end)).or_else(|| {
            input
                .scan
                .hits(List::Register)
                .find(|h| match h.tag {
                    "office" => negative().any(|n| same_sentence(doc, h, n)),
                    "signed" => false,
                    tag => tag == "politics" || ((tag == "life-strong" || first_person) && !signed()),
                })
                .map(|h| hit_span(doc, h))
        });
        let Some(span) = span else { return };
        let account = input.ctx.account_label().unwrap_or_else(|| "a brand account".into());
        let mut f = self.finding(
            Severity::High,
            span,
            format!("You are posting as {account}, a brand account, and this reads as personal."),
        );
        f.lesson = format!(
            "Everyone who follows {account} will read this as the brand speaking. {}",
            super::lesson(self.id())
        )
        .into();
        out.push(with_action(
            f,
            Action::Rephrase { hint: "Switch to your personal account, or keep it off the brand's feed." },
        ));
    }
}

impl WrongAccount {
    /// The user switched accounts on this site within the last hour and the
    /// draft has something worth a second look: name both accounts.
    fn recent_switch(&self, input: &Input, out: &[Finding]) -> Option<Finding> {
        let ctx = input.ctx;
        let previous = ctx.previous_account.as_ref()?.handle.as_deref()?.trim();
        let current = ctx.account_label()?;
        if previous.is_empty() || current.trim_start_matches('@') == previous.trim_start_matches('@') {
            return None;
        }
        let risky = out.iter().any(|f| f.severity >= Severity::Medium);
        let doc = input.doc;
        let first_person = super::speaks_as_self(doc);
        let personal_on_brand = ctx.is_brand() && (first_person || input.scan.has(List::Register));
        if !(risky || personal_on_brand) || doc.tokens.is_empty() {
            return None;
        }
        let span = doc.token_span(0, doc.tokens.len() - 1);
        Some(with_action(
            self.finding(
                Severity::High,
                span,
                format!("You switched from {previous} to {current} recently. Is {current} the account you meant?"),
            ),
            Action::Rephrase { hint: "Check the account switcher before you post." },
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const RULE: &str = "wrong-account.personal-register";

    #[test]
    fn personal_content_on_a_brand_account() {
        for text in [
            "Three bottles of prosecco down and the night is young #drunk",
            "Can't stand the new mayor, worst decision this city ever made",
            "Can't believe my ex showed up at my birthday party, so awkward",
            "Vote them all out in November, this government is a joke",
            "Voted early today and proudly went straight Democrat down the ballot. Go blue!",
            "Damn, the demo crashed on stage. Classic.",
            "Our store on 5th is closed today because the manager is hungover lol",
            "Ryan found two more bottles of beer, when I drink I do it right",
        ] {
            assert!(flags(RULE, text, &brand()), "missed: {text}");
        }
    }

    #[test]
    fn business_as_usual_and_personal_accounts_are_fine() {
        for text in [
            "Our new IPA is on tap from Friday, come try a pint",
            "Congratulations to the new mayor on her first day in office",
            "Wishing everyone a restful holiday with family and friends",
            "Vote for your favourite flavour in our poll!",
            "Owner's note: my daughter designed our new logo and we couldn't be prouder",
        ] {
            assert!(!flags(RULE, text, &brand()), "false alarm: {text}");
        }
        assert!(!flags(RULE, "Can't believe my ex showed up at my birthday party", &personal()));
    }

    #[test]
    fn a_recent_switch_names_both_accounts() {
        let mut ctx = brand();
        ctx.previous_account =
            Some(crate::Account { handle: Some("@mira_t".into()), kind: crate::AccountKind::Personal });
        let found = crate::check("Can't wait for the weekend, I'm so tired", &ctx);
        let f = found.iter().find(|f| f.rule == RULE).expect("fires after a switch");
        assert!(f.message.contains("@mira_t") && f.message.contains("@acme"), "{}", f.message);
        assert!(crate::check("Our spring menu is here", &ctx).iter().all(|f| f.rule != RULE));
        ctx.previous_account = Some(crate::Account { handle: Some("@acme".into()), kind: crate::AccountKind::Brand });
        assert!(crate::check("Can't wait for the weekend, I'm so tired", &ctx).iter().all(|f| f.rule != RULE));
    }

    #[test]
    fn the_message_names_the_account() {
        let found = crate::check("so drunk right now", &brand());
        let f = found.iter().find(|f| f.rule == RULE).expect("fires");
        assert!(f.message.contains("@acme"));
        assert!(f.lesson.contains("@acme"), "the lesson names the account: {}", f.lesson);
    }
}
