//! `personal-data.card`: payment card numbers: 13 to 19 digits, grouped or
//! not, with a known card prefix and a valid Luhn checksum, so order and
//! tracking numbers that merely look long stay quiet.

use super::{with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::words::{words, WordList};

pub struct PaymentCard;

impl Rule for PaymentCard {
    fn id(&self) -> &'static str {
        "personal-data.card"
    }

    fn category(&self) -> Category {
        Category::PersonalData
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        for (start, end, digits) in digit_runs(&input.doc.folded) {
            let card = (13..=19).contains(&digits.len()) && has_card_prefix(&digits) && luhn_valid(&digits);
            // "Sandbox tip: use test card 4242 4242 4242 4242": a processor's
            // test number, said to be one.
            let test = || {
                let at = input.doc.token_at_or_after(start);
                super::listed(TEST_CARDS, &digits) && super::near_word(input.doc, at, 8, 12, TEST_WORDS)
            };
            if card && !test() {
                let mut f = self.finding(
                    Severity::High,
                    input.doc.span(start, end),
                    "This looks like a payment card number.".into(),
                );
                if input.ctx.is_dm() {
                    f.lesson = super::dm_lesson(self.id()).into();
                }
                out.push(with_action(f, Action::Mask));
            }
        }
    }
}

/// The card numbers payment processors publish for testing, the most used
/// of Stripe's and the card networks' sandbox cards: they charge no one,
/// but people also type them as a card's example, so they stay quiet only
/// where the draft calls them a test.
const TEST_CARDS: WordList =
    words!("4242424242424242|4000056655665556|4111111111111111|5555555555554444|5105105105105100|378282246310005");

/// Words that call a card number a test one.
const TEST_WORDS: WordList = words!("test|testing|sandbox|dummy|staging");

/// Runs of digits joined by single spaces or dashes: (start, end, digits).
pub fn digit_runs(text: &str) -> Vec<(usize, usize, String)> {
    let b = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = String::new();
        let mut end = i;
        while i < b.len() {
            if b[i].is_ascii_digit() {
                digits.push(b[i] as char);
                i += 1;
                end = i;
            } else if matches!(b[i], b' ' | b'-') && i + 1 < b.len() && b[i + 1].is_ascii_digit() {
                i += 1;
            } else {
                break;
            }
        }
        if !(end < b.len() && b[end].is_ascii_alphabetic()) {
            runs.push((start, end, digits));
        }
        i = i.max(end + 1);
    }
    runs
}

fn has_card_prefix(d: &str) -> bool {
    let n = |k: usize| d[..k].parse::<u32>().unwrap_or(0);
    d.starts_with('4')
        || (51..=55).contains(&n(2))
        || (2221..=2720).contains(&n(4))
        || matches!(n(2), 34 | 37 | 36 | 38 | 62 | 65 | 35)
        || d.starts_with("6011")
        || (300..=305).contains(&n(3))
        || (644..=649).contains(&n(3))
}

pub fn luhn_valid(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = (b - b'0') as u32;
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    sum % 10 == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    const RULE: &str = "personal-data.card";

    #[test]
    fn finds_cards_in_any_grouping() {
        for (text, card) in [
            ("card 4111 1111 1111 1111 exp 12/27", "4111 1111 1111 1111"),
            ("pay with 5500-0000-0000-0004", "5500-0000-0000-0004"),
            ("amex 378282246310005!", "378282246310005"),
            ("４１１１１１１１１１１１１１１１", "４１１１１１１１１１１１１１１１"),
        ] {
            assert_eq!(fired(RULE, text, &personal()), vec![(card.to_string(), Severity::High)], "{text}");
        }
    }

    #[test]
    fn ignores_numbers_that_fail_the_checksum_or_prefix() {
        for text in [
            "order 4111 1111 1111 1112 shipped",
            "tracking 1Z999AA10123456784",
            "call 0800 123 4567",
            "commit 3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39",
            "ISBN 9780306406157",
            "Sandbox tip: use test card 4242 4242 4242 4242 with any future expiry and any CVC",
            "In staging, pay with 5555 5555 5555 4444",
        ] {
            assert!(fired(RULE, text, &personal()).is_empty(), "{text}");
        }
    }

    #[test]
    fn dm_gets_its_own_lesson() {
        let found = crate::check("4111111111111111", &dm());
        assert_eq!(found[0].lesson, super::super::dm_lesson(RULE));
        assert_eq!(found[0].action, Some(crate::Action::Mask));
    }

    #[test]
    fn luhn() {
        assert!(luhn_valid("79927398713"));
        assert!(!luhn_valid("79927398710"));
    }
}
