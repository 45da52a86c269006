//! `personal-data.email`: e-mail addresses, also written as `name [at]
//! domain [dot] com`. Weighed by whose mailbox it is: a personal webmail
//! address posted in public is worth a second look, while a role address
//! (support@, press@) or a company domain on a brand account is the point of
//! the post, and fediverse handles (`@me@mastodon.social`) and image names
//! (`logo@2x.png`) are not addresses at all. In a DM an address is a tip
//! unless other personal data goes with it.

use super::nearby::words_before;
use super::{with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::text::Doc;
use crate::words::{words, WordList};

pub struct Email;

/// Free mailbox providers, by the name before the top-level domain.
#[rustfmt::skip]
const WEBMAIL_NAMES: WordList = words!(
    "gmail|googlemail|yahoo|ymail|rocketmail|hotmail|outlook|live|msn|icloud|protonmail|proton|",
    "pm|aol|gmx|yandex|tutanota|tuta|fastmail|rediffmail|btinternet|comcast|verizon|sbcglobal|",
    "naver|libero|laposte|seznam|zoho|mailfence|hushmail|posteo|mailbox",
);

/// Free mailbox providers known by their whole domain.
#[rustfmt::skip]
const WEBMAIL_DOMAINS: WordList = words!(
    "me.com|mac.com|mail.ru|inbox.ru|list.ru|bk.ru|web.de|qq.com|163.com|126.com|mail.com|",
    "hey.com|sky.com|att.net|orange.fr|free.fr|t-online.de|wp.pl|o2.pl|ya.ru",
);

/// Mailboxes that belong to a role, not a person.
#[rustfmt::skip]
const ROLE_NAMES: WordList = words!(
    "support|info|press|hello|contact|sales|help|team|admin|careers|jobs|media|pr|hr|billing|",
    "noreply|no-reply|office|enquiries|inquiries|service|customerservice|feedback|marketing|",
    "partners|privacy|security|abuse|legal|webmaster|events|orders|returns|hi|mail|newsletter|",
    "bookings|reservations|studio|shop|store|care|community|accounts|invoices|editor|editorial|",
    "tips|news|investors|ir|talent",
);

/// Domains reserved for examples.
const EXAMPLE_DOMAINS: WordList = words!("example.com|example.org|example.net|domain.com|email.com|test.com");

/// File extensions that follow `@2x` and similar in image names.
const FILE_ENDINGS: WordList = words!("png|jpg|jpeg|gif|svg|webp|heic|mp4|mov|pdf|zip|js|css");

impl Rule for Email {
    fn id(&self) -> &'static str {
        "personal-data.email"
    }

    fn category(&self) -> Category {
        Category::PersonalData
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        let s = doc.folded.as_str();
        let ctx = input.ctx;
        let other_personal_data = out.iter().any(|f| f.category == Category::PersonalData);
        for addr in addresses(doc) {
            let personal = addr.webmail && !addr.role;
            // "my email is", "login: x@y.com": the writer's own account.
            let self_disclosed =
                words_before(s, addr.start, 4).iter().any(|w| matches!(*w, "my" | "me" | "login" | "username"));
            let soft_dm = ctx.is_dm() && !other_personal_data;
            let severity = if soft_dm || addr.example {
                Severity::Low
            } else if ctx.is_brand() {
                if personal {
                    Severity::Medium
                } else {
                    Severity::Low
                }
            } else if personal || (!addr.role && (addr.named || self_disclosed)) {
                Severity::Medium
            } else {
                Severity::Low
            };
            let message = if personal { "This is a personal e-mail address." } else { "This is an e-mail address." };
            out.push(with_action(self.finding(severity, doc.span(addr.start, addr.end), message.into()), Action::Mask));
        }
    }
}

struct Address {
    start: usize,
    end: usize,
    webmail: bool,
    role: bool,
    example: bool,
    /// The mailbox reads like a person's name ("jane.doe", "j_smith").
    named: bool,
}

fn is_local_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-')
}

fn is_domain_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-'
}

/// Every address in the folded text: plain ones, and obfuscated ones.
fn addresses(doc: &Doc) -> Vec<Address> {
    let s = doc.folded.as_str();
    let b = s.as_bytes();
    let mut out = Vec::new();
    for (at, _) in s.match_indices('@') {
        let mut start = at;
        while start > 0 && is_local_char(b[start - 1]) {
            start -= 1;
        }
        while start < at && b[start] == b'.' {
            start += 1;
        }
        // A fediverse handle (@me@host), or a URL's user part.
        if start == at || (start > 0 && matches!(b[start - 1], b'@' | b'/' | b':')) {
            continue;
        }
        if let Some(a) = domain_after(s, at + 1, start, at, false) {
            out.push(a);
        }
    }
    // Every "at" the tokenizer saw, for the written-out forms.
    let ats: Vec<usize> =
        doc.tokens.iter().filter(|t| doc.raw(t) == "at" && t.start > 0).map(|t| t.start - 1).collect();
    if ats.is_empty() {
        return finish(out);
    }
    for token in ["[at]", "(at)", "{at}", " at "] {
        // Like `match_indices`: left to right, without overlaps.
        let mut past = 0;
        for &at in &ats {
            if at < past || !b[at..].starts_with(token.as_bytes()) {
                continue;
            }
            past = at + token.len();
            let mut local_end = at;
            while local_end > 0 && b[local_end - 1] == b' ' {
                local_end -= 1;
            }
            let mut start = local_end;
            while start > 0 && is_local_char(b[start - 1]) {
                start -= 1;
            }
            if start == local_end || (start > 0 && b[start - 1] == b'@') {
                continue;
            }
            let mut from = at + token.len();
            while b.get(from) == Some(&b' ') {
                from += 1;
            }
            // " at " is an ordinary word: only with a webmail provider.
            let strict = token == " at ";
            if let Some(a) = domain_after(s, from, start, local_end, strict) {
                out.push(a);
            }
        }
    }
    finish(out)
}

/// The addresses in text order, one per start.
fn finish(mut out: Vec<Address>) -> Vec<Address> {
    // A handful of addresses: an insertion sort (stable, like the one it
    // replaced), since the standard library's sort of them cost 4.3 KB of wasm.
    for i in 1..out.len() {
        let mut j = i;
        while j > 0 && out[j - 1].start > out[j].start {
            out.swap(j - 1, j);
            j -= 1;
        }
    }
    out.dedup_by_key(|a| a.start);
    out
}

/// The domain starting at `from`, with labels joined by `.` or by `dot`
/// written out, ending in a plausible top-level domain.
fn domain_after(s: &str, from: usize, start: usize, local_end: usize, strict: bool) -> Option<Address> {
    let b = s.as_bytes();
    let mut labels: Vec<&str> = Vec::new();
    let mut i = from;
    let mut end = from;
    loop {
        let l = i;
        while i < b.len() && is_domain_char(b[i]) {
            i += 1;
        }
        if i == l {
            break;
        }
        labels.push(&s[l..i]);
        end = i;
        let dot = [".", "[dot]", "(dot)", "{dot}", " dot ", " [dot] ", " (dot) "]
            .iter()
            .find(|d| s[i..].starts_with(*d) && b.get(i + d.len()).is_some_and(|c| c.is_ascii_alphanumeric()));
        match dot {
            Some(d) => i += d.len(),
            None => break,
        }
    }
    let tld = *labels.last()?;
    if labels.len() < 2
        || !(2..=24).contains(&tld.len())
        || !tld.bytes().all(|c| c.is_ascii_alphabetic())
        || super::listed(FILE_ENDINGS, tld)
    {
        return None;
    }
    let domain = labels.join(".");
    let local = &s[start..local_end];
    let webmail = super::listed(WEBMAIL_DOMAINS, domain.as_str())
        || (labels.len() <= 3 && super::listed(WEBMAIL_NAMES, labels[0]));
    if strict && !webmail {
        return None;
    }
    let first = local.split(['+', '.', '_', '-']).next().unwrap_or(local);
    let named =
        local.split(['.', '_', '-']).filter(|p| p.len() >= 2 && p.bytes().all(|c| c.is_ascii_alphabetic())).count()
            >= 2;
    Some(Address {
        start,
        end,
        webmail,
        role: super::listed(ROLE_NAMES, first),
        example: super::listed(EXAMPLE_DOMAINS, domain.as_str()),
        named,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    const RULE: &str = "personal-data.email";

    fn severity(text: &str, ctx: &crate::Context) -> Vec<(String, Severity)> {
        fired(RULE, text, ctx)
    }

    #[test]
    fn finds_personal_addresses() {
        for (text, addr) in [
            ("email me at jane.doe88@gmail.com!", "jane.doe88@gmail.com"),
            ("Write to Mira_T@Yahoo.co.uk.", "Mira_T@Yahoo.co.uk"),
            ("reach me: tom+promo@proton.me", "tom+promo@proton.me"),
            ("ｊａｎｅ＠ｇｍａｉｌ．ｃｏｍ", "ｊａｎｅ＠ｇｍａｉｌ．ｃｏｍ"),
            ("janedoe [at] gmail [dot] com", "janedoe [at] gmail [dot] com"),
            ("janedoe at gmail dot com", "janedoe at gmail dot com"),
            ("my email is jane@janedoe.net", "jane@janedoe.net"),
            ("family plan login: mum@smithfamily.co.uk", "mum@smithfamily.co.uk"),
        ] {
            assert_eq!(fired(RULE, text, &personal()), vec![(addr.to_string(), Severity::Medium)], "{text}");
        }
    }

    #[test]
    fn business_addresses_are_a_tip() {
        for text in [
            "Questions? Email support@acme.com",
            "Press: press@acme.io",
            "Contact sales@acme.com or hello@acme.com",
            "please use you@example.com as a placeholder",
        ] {
            let found = severity(text, &brand());
            assert!(!found.is_empty(), "{text}");
            assert!(found.iter().all(|(_, s)| *s == Severity::Low), "{text}");
        }
        assert_eq!(
            severity("Questions? Email support@acme.com", &personal()),
            vec![("support@acme.com".to_string(), Severity::Low)]
        );
        // A personal mailbox on a brand account is still worth a look.
        assert!(flags(RULE, "dm me at jdoe1988@hotmail.com", &brand()));
        // And in a DM it is a tip, unless more personal data goes with it.
        assert_eq!(
            severity("my email is jane.doe88@gmail.com", &dm()),
            vec![("jane.doe88@gmail.com".to_string(), Severity::Low)]
        );
        assert!(flags(RULE, "ssn 536-22-8014 and jane.doe88@gmail.com", &dm()));
    }

    #[test]
    fn ignores_things_that_are_not_addresses() {
        for text in [
            "follow @jane@mastodon.social for updates",
            "see logo@2x.png",
            "meet me at gmail HQ",
            "@jane thanks!",
            "we met at 5 at the cafe",
            "user@localhost",
        ] {
            assert!(severity(text, &personal()).is_empty(), "{text}");
        }
    }

    #[test]
    fn spans_count_utf16() {
        let found = crate::check("🙂 a@gmail.com", &personal());
        let f = found.iter().find(|f| f.rule == RULE).unwrap();
        assert_eq!((f.start, f.end), (3, 14));
    }
}
