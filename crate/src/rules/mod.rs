//! The risk rules, one per file, each behind the small `Rule` trait. A rule
//! reads the prepared draft (`Input`) and pushes findings; the engine in
//! `lib.rs` applies the user's settings afterwards. Rules run in the order
//! of `ALL`; rules that weigh other findings (wrong-account) come last.

use crate::context::Context;
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::{Hit, Scan};
use crate::text::Doc;

mod credential_key;
mod payment_card;
mod profane_word;

/// Everything a rule may look at.
pub struct Input<'a> {
    pub doc: &'a Doc<'a>,
    pub scan: &'a Scan,
    pub ctx: &'a Context,
}

pub trait Rule: Sync {
    /// Stable id, `category.name`, shown to users and tools.
    fn id(&self) -> &'static str;
    fn category(&self) -> Category;
    /// The real lesson behind the rule, in the product's words.
    fn lesson(&self) -> &'static str;
    /// Pushes findings; `out` already holds the findings of earlier rules.
    fn check(&self, input: &Input, out: &mut Vec<Finding>);

    /// A finding of this rule with its default lesson.
    fn finding(&self, severity: Severity, span: (u32, u32), message: String) -> Finding {
        Finding {
            category: self.category(),
            rule: self.id(),
            severity,
            start: span.0,
            end: span.1,
            message,
            lesson: self.lesson(),
            action: None,
        }
    }
}

pub static ALL: &[&dyn Rule] = &[
    &profane_word::ProfaneWord,
    &payment_card::PaymentCard,
    &credential_key::CredentialKey,
];

/// UTF-16 span of a lexicon hit.
pub fn hit_span(doc: &Doc, hit: &Hit) -> (u32, u32) {
    doc.span(hit.start, hit.end)
}

/// Shorthand used by rules that offer an edit.
pub fn with_action(mut f: Finding, action: Action) -> Finding {
    f.action = Some(action);
    f
}

#[cfg(test)]
pub(crate) mod test_util {
    //! Helpers for rule tests: run the full engine and look at one rule.
    use crate::context::{Account, AccountKind, Context, Surface};
    use crate::finding::{Finding, Severity};

    pub fn ctx(kind: AccountKind, surface: Surface) -> Context {
        Context {
            account: Some(Account {
                handle: Some("acme".into()),
                kind,
            }),
            surface,
            ..Context::default()
        }
    }

    pub fn personal() -> Context {
        ctx(AccountKind::Personal, Surface::Public)
    }

    pub fn brand() -> Context {
        ctx(AccountKind::Brand, Surface::Public)
    }

    pub fn dm() -> Context {
        ctx(AccountKind::Personal, Surface::Dm)
    }

    /// Findings of `rule` at medium or above, as (original text, severity).
    pub fn fired(rule: &str, text: &str, ctx: &Context) -> Vec<(String, Severity)> {
        crate::check(text, ctx)
            .into_iter()
            .filter(|f: &Finding| f.rule == rule)
            .map(|f| {
                (
                    crate::text::Doc::new(text).original(f.start, f.end),
                    f.severity,
                )
            })
            .collect()
    }

    /// Whether `rule` raised anything at medium or above.
    pub fn flags(rule: &str, text: &str, ctx: &Context) -> bool {
        fired(rule, text, ctx)
            .iter()
            .any(|(_, s)| *s >= Severity::Medium)
    }
}
