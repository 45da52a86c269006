//! `personal-data.bank-account`: domestic bank details that are not IBANs:
//! UK sort codes, US routing numbers (with their ABA checksum), Australian
//! BSBs, and the account number that goes with them. A number is only taken
//! right after its own words ("sort code", "routing number", "account
//! number"), and an account number only when the post is about banking, so
//! customer and order account ids stay quiet.

use super::nearby::{has_keyword, keyword_starts, phrase_at};
use super::{with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::words::{words, WordList};

pub struct BankAccount;

/// (phrase, digits allowed, what it is).
const PHRASES: &[(&str, (usize, usize), &str)] = &[
    ("sort code", (6, 6), "a bank sort code"),
    ("sortcode", (6, 6), "a bank sort code"),
    ("routing number", (9, 9), "a bank routing number"),
    ("routing no", (9, 9), "a bank routing number"),
    ("routing", (9, 9), "a bank routing number"),
    ("aba", (9, 9), "a bank routing number"),
    ("bsb", (6, 6), "a bank branch number"),
    ("account number", (6, 17), "a bank account number"),
    ("account no", (6, 17), "a bank account number"),
    ("acct no", (6, 17), "a bank account number"),
    ("acct", (6, 17), "a bank account number"),
    ("account", (6, 17), "a bank account number"),
    ("a/c", (6, 17), "a bank account number"),
];

/// Words that say a post is about banking.
const BANKING: WordList = words!("sort code|routing|bank|bsb|transfer|deposit|refund|wire|pay me|send money");

/// Words allowed between a phrase and its number.
const FILLERS: WordList = words!("is|number|no|nr|num|my|our|the|and");

impl Rule for BankAccount {
    fn id(&self) -> &'static str {
        "personal-data.bank-account"
    }

    fn category(&self) -> Category {
        Category::PersonalData
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        let s = doc.folded.as_str();
        let starts = keyword_starts(input, "bank");
        if starts.is_empty() {
            return;
        }
        let banking = has_keyword(s, &starts, BANKING);
        let mut taken: Vec<usize> = Vec::new();
        for &(phrase, (min, max), what) in PHRASES {
            // "account", "acct", "a/c", "aba": only in a post about banking.
            let needs_banking = phrase.starts_with('a');
            if needs_banking && !banking {
                continue;
            }
            for &start in &starts {
                let Some(after) = phrase_at(s, start, phrase) else {
                    continue;
                };
                let Some((start, end, digits)) = number_after(s, after) else {
                    continue;
                };
                let routing = phrase.starts_with("routing") || phrase == "aba";
                if !(min..=max).contains(&digits.len()) || taken.contains(&start) || (routing && !aba_valid(&digits)) {
                    continue;
                }
                taken.push(start);
                let mut f = self.finding(Severity::High, doc.span(start, end), format!("This looks like {what}."));
                if input.ctx.is_dm() {
                    f.lesson = super::dm_lesson(self.id()).into();
                }
                out.push(with_action(f, Action::Mask));
            }
        }
    }
}

/// The number right after `pos`, past `:`, `#` and a few filler words;
/// digits may be grouped by single spaces or dashes.
fn number_after(s: &str, pos: usize) -> Option<(usize, usize, String)> {
    let b = s.as_bytes();
    let mut i = pos;
    let mut words = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            break;
        }
        if c.is_ascii_alphabetic() {
            let start = i;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            words += 1;
            if words > 3 || !super::listed(FILLERS, &s[start..i]) {
                return None;
            }
            continue;
        }
        if !matches!(c, b' ' | b':' | b'#' | b'.' | b'=' | b'-') {
            return None;
        }
        i += 1;
    }
    let start = i;
    let mut digits = String::new();
    let mut end = i;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            digits.push(b[i] as char);
            i += 1;
            end = i;
        } else if matches!(b[i], b' ' | b'-') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
        } else {
            break;
        }
    }
    let clean = b.get(end).map_or(true, |c| !c.is_ascii_alphanumeric());
    (!digits.is_empty() && clean).then_some((start, end, digits))
}

/// ABA routing checksum: 3, 7, 1 weights over the nine digits.
fn aba_valid(d: &str) -> bool {
    let v: Vec<u32> = d.bytes().map(|c| (c - b'0') as u32).collect();
    v.len() == 9 && (3 * (v[0] + v[3] + v[6]) + 7 * (v[1] + v[4] + v[7]) + v[2] + v[5] + v[8]) % 10 == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    const RULE: &str = "personal-data.bank-account";

    #[test]
    fn finds_bank_details() {
        assert_eq!(
            fired(RULE, "refund to sort code 20-45-77, account 43920184 pls", &personal()),
            vec![("20-45-77".to_string(), Severity::High), ("43920184".to_string(), Severity::High)]
        );
        assert_eq!(
            fired(RULE, "routing number 021000021 acct no: 123456789012", &personal()),
            vec![("021000021".to_string(), Severity::High), ("123456789012".to_string(), Severity::High)]
        );
        assert_eq!(fired(RULE, "BSB ０６２-０００", &personal()), vec![("０６２-０００".to_string(), Severity::High)]);
    }

    #[test]
    fn ignores_account_ids_outside_banking() {
        for text in [
            "my account 43920184 got suspended again",
            "account number 12345678 for your order is in the email",
            "routing number 123456789 is wrong",
            "sort code is on the card",
            "the account has 12345678 followers",
        ] {
            assert!(fired(RULE, text, &personal()).is_empty(), "{text}");
        }
    }

    #[test]
    fn dm_keeps_high_with_its_own_lesson() {
        let found = crate::check("sort code 20-45-77", &dm());
        let f = found.iter().find(|f| f.rule == RULE).unwrap();
        assert_eq!((f.start, f.end, f.severity), (10, 18, Severity::High));
        assert_eq!(f.lesson, super::super::dm_lesson(RULE));
    }
}
