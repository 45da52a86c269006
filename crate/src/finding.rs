//! What the core reports: a risky span of the draft, why it is risky and
//! what the user can do about it. Offsets are UTF-16 code units so the
//! extension can use them on JavaScript strings as they are.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// Risk categories; the ids are a contract shared with the scorer and the
/// extension (see docs/RULES.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Offensive,
    Profanity,
    Hostility,
    Intoxication,
    Sexual,
    PersonalData,
    Credentials,
    Confidential,
    MarketMoving,
    Tragedy,
    OpenInvitation,
    Workplace,
    PrivateMessage,
    Permanence,
    WrongAccount,
}

impl Category {
    pub const ALL: [Category; 15] = [
        Category::Offensive,
        Category::Profanity,
        Category::Hostility,
        Category::Intoxication,
        Category::Sexual,
        Category::PersonalData,
        Category::Credentials,
        Category::Confidential,
        Category::MarketMoving,
        Category::Tragedy,
        Category::OpenInvitation,
        Category::Workplace,
        Category::PrivateMessage,
        Category::Permanence,
        Category::WrongAccount,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Category::Offensive => "offensive",
            Category::Profanity => "profanity",
            Category::Hostility => "hostility",
            Category::Intoxication => "intoxication",
            Category::Sexual => "sexual",
            Category::PersonalData => "personal-data",
            Category::Credentials => "credentials",
            Category::Confidential => "confidential",
            Category::MarketMoving => "market-moving",
            Category::Tragedy => "tragedy",
            Category::OpenInvitation => "open-invitation",
            Category::Workplace => "workplace",
            Category::PrivateMessage => "private-message",
            Category::Permanence => "permanence",
            Category::WrongAccount => "wrong-account",
        }
    }

    pub fn from_id(id: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.id() == id)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A tip that never nags.
    Low,
    /// Think again.
    Medium,
    /// Can end a career or leak something that can't be taken back.
    High,
}

/// What the card offers to do with the span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Action {
    /// Replace every digit and letter of the span with `•` (keeps the shape).
    Mask,
    /// Delete the span.
    Remove,
    /// No safe automatic edit; a hint on how to say it differently.
    Rephrase { hint: &'static str },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub category: Category,
    /// Stable id of the rule that fired.
    pub rule: &'static str,
    pub severity: Severity,
    /// UTF-16 code unit offsets into the original text, `start < end`.
    pub start: u32,
    pub end: u32,
    pub message: String,
    /// Why it is risky, in the product's words (some name the account).
    pub lesson: Cow<'static, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
}
