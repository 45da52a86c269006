//! `personal-data.iban`: international bank account numbers, written in one
//! piece or in groups. A match needs a known country code, that country's
//! exact IBAN length and a valid mod-97 checksum, so product codes and
//! references that start with two letters and two digits stay quiet.

use super::nearby::{ends_word, starts_word};
use super::{with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};

pub struct Iban;

/// Country code and IBAN length, all letters and digits counted.
#[rustfmt::skip]
const LENGTHS: &[(&str, usize)] = &[
    ("ad", 24), ("ae", 23), ("al", 28), ("at", 20), ("az", 28), ("ba", 20), ("be", 16),
    ("bg", 22), ("bh", 22), ("br", 29), ("by", 28), ("ch", 21), ("cr", 22), ("cy", 28),
    ("cz", 24), ("de", 22), ("dk", 18), ("do", 28), ("ee", 20), ("eg", 29), ("es", 24),
    ("fi", 18), ("fo", 18), ("fr", 27), ("gb", 22), ("ge", 22), ("gi", 23), ("gl", 18),
    ("gr", 27), ("gt", 28), ("hr", 21), ("hu", 28), ("ie", 22), ("il", 23), ("iq", 23),
    ("is", 26), ("it", 27), ("jo", 30), ("kw", 30), ("kz", 20), ("lb", 28), ("lc", 32),
    ("li", 21), ("lt", 20), ("lu", 20), ("lv", 21), ("mc", 27), ("md", 24), ("me", 22),
    ("mk", 19), ("mr", 27), ("mt", 31), ("mu", 30), ("nl", 18), ("no", 15), ("pk", 24),
    ("pl", 28), ("ps", 29), ("pt", 25), ("qa", 29), ("ro", 24), ("rs", 22), ("sa", 24),
    ("sc", 31), ("se", 24), ("si", 19), ("sk", 24), ("sm", 27), ("st", 25), ("sv", 28),
    ("tl", 23), ("tn", 24), ("tr", 26), ("ua", 29), ("va", 22), ("vg", 24), ("xk", 20),
];

impl Rule for Iban {
    fn id(&self) -> &'static str {
        "personal-data.iban"
    }

    fn category(&self) -> Category {
        Category::PersonalData
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let s = input.doc.folded.as_str();
        for (start, end) in find_ibans(s) {
            let mut f = self.finding(
                Severity::High,
                input.doc.span(start, end),
                "This looks like a bank account number (IBAN).".into(),
            );
            if input.ctx.is_dm() {
                f.lesson = super::dm_lesson(self.id()).into();
            }
            out.push(with_action(f, Action::Mask));
        }
    }
}

/// Folded byte ranges of valid IBANs in `s`.
fn find_ibans(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 4 <= b.len() {
        let head = &b[i..i + 4];
        // Digits first: most places hold letters.
        let shaped = head[2].is_ascii_digit()
            && head[3].is_ascii_digit()
            && head[0].is_ascii_lowercase()
            && head[1].is_ascii_lowercase()
            && starts_word(s, i);
        let want =
            shaped.then(|| LENGTHS.iter().find(|(cc, _)| cc.as_bytes() == &head[..2])).flatten().map(|&(_, n)| n);
        let Some(want) = want else {
            i += 1;
            continue;
        };
        // Collect `want` letters and digits, allowing one space or dash
        // between groups.
        let mut chars = Vec::with_capacity(want);
        let mut j = i;
        while j < b.len() && chars.len() < want {
            if b[j].is_ascii_alphanumeric() {
                chars.push(b[j]);
                j += 1;
            } else if matches!(b[j], b' ' | b'-')
                && j > i
                && b[j - 1].is_ascii_alphanumeric()
                && b.get(j + 1).is_some_and(|c| c.is_ascii_alphanumeric())
            {
                j += 1;
            } else {
                break;
            }
        }
        if chars.len() == want && ends_word(s, j) && mod97_valid(&chars) {
            found.push((i, j));
            i = j;
        } else {
            i += 1;
        }
    }
    found
}

/// ISO 13616 check: move the first four characters to the end, read
/// letters as 10..35, and the number must leave 1 when divided by 97.
fn mod97_valid(chars: &[u8]) -> bool {
    let mut rem: u32 = 0;
    for &c in chars[4..].iter().chain(&chars[..4]) {
        let v = match c {
            b'0'..=b'9' => (c - b'0') as u32,
            b'a'..=b'z' => (c - b'a') as u32 + 10,
            _ => return false,
        };
        rem = if v >= 10 { (rem * 100 + v) % 97 } else { (rem * 10 + v) % 97 };
    }
    rem == 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    const RULE: &str = "personal-data.iban";

    #[test]
    fn finds_ibans_grouped_or_not() {
        for (text, iban) in [
            ("Pay me back: DE89 3704 0044 0532 0130 00 thanks!", "DE89 3704 0044 0532 0130 00"),
            ("iban GB82WEST12345698765432.", "GB82WEST12345698765432"),
            ("rent to FR14 2004 1010 0505 0001 3M02 606 please", "FR14 2004 1010 0505 0001 3M02 606"),
            ("NL91-ABNA-0417-1643-00", "NL91-ABNA-0417-1643-00"),
            ("ＤＥ８９ ３７０４ ００４４ ０５３２ ０１３０ ００", "ＤＥ８９ ３７０４ ００４４ ０５３２ ０１３０ ００"),
        ] {
            assert_eq!(fired(RULE, text, &personal()), vec![(iban.to_string(), Severity::High)], "{text}");
        }
    }

    #[test]
    fn ignores_look_alikes() {
        for text in [
            "DE89 3704 0044 0532 0130 01 is a typo",
            "flight DE1234 leaves at 10",
            "model GB82 WEST rev 2",
            "DE89370400440532013000123 is too long",
            "error code AB12 3456 7890 1234 5678 90",
        ] {
            assert!(fired(RULE, text, &personal()).is_empty(), "{text}");
        }
    }

    #[test]
    fn spans_are_utf16_and_dm_has_its_own_lesson() {
        let found = crate::check("💸 GB82 WEST 1234 5698 7654 32", &dm());
        let f = found.iter().find(|f| f.rule == RULE).unwrap();
        assert_eq!((f.start, f.end), (3, 30));
        assert_eq!(f.lesson, super::super::dm_lesson(RULE));
        assert_eq!(f.action, Some(Action::Mask));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

        /// Any IBAN with valid check digits is found whole, grouped or
        /// not, and changing one digit of it is always caught.
        #[test]
        fn every_valid_iban_is_found(country in 0..LENGTHS.len(), body in "[0-9]{30}", grouped: bool, flip in 0usize..30) {
            let (cc, len) = LENGTHS[country];
            let bban = &body[..len - 4];
            let check = (0..100)
                .map(|d| format!("{cc}{d:02}{bban}"))
                .find(|iban| mod97_valid(iban.as_bytes()))
                .unwrap();
            let show = |iban: &str| {
                let upper = iban.to_uppercase();
                if grouped {
                    upper.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
                } else {
                    upper
                }
            };
            let written = show(&check);
            let text = format!("send it to {written} thanks");
            proptest::prop_assert_eq!(fired(RULE, &text, &personal()), vec![(written.clone(), Severity::High)]);
            let at = 4 + flip % (len - 4);
            let mut typo = check.into_bytes();
            typo[at] = b'0' + (typo[at] - b'0' + 1) % 10;
            let text = format!("send it to {} thanks", show(&String::from_utf8(typo).unwrap()));
            proptest::prop_assert!(fired(RULE, &text, &personal()).is_empty());
        }
    }

    #[test]
    fn checksum() {
        assert!(mod97_valid(b"gb82west12345698765432"));
        assert!(!mod97_valid(b"gb83west12345698765432"));
    }
}
