//! What the core knows about where a draft will go: the site, the acting
//! account, the surface (public post or direct message) and the user's
//! settings. Everything is optional; a bare `Context::default()` means
//! "a public post from an account of unknown kind".

use serde::{Deserialize, Serialize};

use crate::finding::Category;

/// Everything around the draft that changes what is risky.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Context {
    /// Host of the site, e.g. `x.com`.
    pub site: Option<String>,
    /// The account the post would be published from.
    pub account: Option<Account>,
    /// Public post/reply or direct message.
    pub surface: Surface,
    /// When the composer is a reply: the handle being answered.
    pub reply_to: Option<String>,
    /// The account the user last posted from on this site, when it differs
    /// from `account` (a recent switch).
    pub previous_account: Option<Account>,
    /// The user's own choices.
    pub settings: Settings,
}

impl Context {
    pub fn account_kind(&self) -> AccountKind {
        self.account.as_ref().map_or(AccountKind::Unknown, |a| a.kind)
    }

    pub fn is_brand(&self) -> bool {
        self.account_kind() == AccountKind::Brand
    }

    pub fn is_dm(&self) -> bool {
        self.surface == Surface::Dm
    }

    /// The account as the site shows it ("@acme", "Acme Ltd", "u/acme"), to
    /// name in messages. Sites differ in how they write names, so the label is
    /// used exactly as given.
    pub fn account_label(&self) -> Option<String> {
        let handle = self.account.as_ref()?.handle.as_deref()?.trim();
        (!handle.is_empty()).then(|| handle.to_string())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Account {
    pub handle: Option<String>,
    pub kind: AccountKind,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AccountKind {
    Brand,
    Personal,
    #[default]
    Unknown,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Surface {
    #[default]
    Public,
    Dm,
}

/// How eagerly findings are shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sensitivity {
    /// Only findings of medium or high severity.
    Relaxed,
    /// Everything, tips included.
    #[default]
    Balanced,
    /// Everything, and tips are raised to "think again".
    Strict,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Categories the user turned off.
    pub disabled_categories: Vec<Category>,
    pub sensitivity: Sensitivity,
    /// The user's confidential terms: code names, clients, projects.
    pub watch_list: Vec<String>,
    /// Phrases the user accepted ("always allow").
    pub allow_list: Vec<String>,
}
