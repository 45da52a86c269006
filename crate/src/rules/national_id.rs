//! `personal-data.national-id`: US Social Security numbers, UK National
//! Insurance numbers, passport numbers and other national ids. A bare
//! number is only taken for an SSN in the `123-45-6789` shape with valid
//! area, group and serial; every other shape (nine plain digits, a passport
//! or tax number) needs its context word right before it, so order numbers
//! and phone numbers stay quiet.

use super::nearby::REFERENCE_WORDS;
use super::nearby::{any_before, ends_word, keyword_starts, phrase_at, starts_word, words_before};
use super::{with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::words::{words, WordList};

pub struct NationalId;

/// Words that announce a Social Security number.
const SSN_WORDS: WordList = words!("ssn|ss|social|security|ssn#|soc");

/// Words that announce a National Insurance number.
const NI_WORDS: &[&str] = &["ni", "nino", "insurance"];

/// Words before "number" that make it some other number than an id.
const OTHER_NUMBERS: WordList =
    words!("application|order|booking|ticket|tracking|case|reference|ref|queue|flight|phone|line");

/// Phrases that announce another national id, and what it is.
const ID_PHRASES: &[(&str, &str)] = &[
    ("passport", "a passport number"),
    ("national insurance", "a National Insurance number"),
    ("ni number", "a National Insurance number"),
    ("ni no", "a National Insurance number"),
    ("nino", "a National Insurance number"),
    ("social insurance number", "a Social Insurance Number"),
    ("sin number", "a Social Insurance Number"),
    ("sin #", "a Social Insurance Number"),
    ("sin:", "a Social Insurance Number"),
    ("aadhaar", "an Aadhaar number"),
    ("aadhar", "an Aadhaar number"),
    ("national id", "a national id number"),
    ("id number", "an id number"),
    ("id card number", "an id number"),
    ("tax id", "a tax id"),
    ("tax file number", "a tax file number"),
    ("tfn", "a tax file number"),
    ("personnummer", "a national id number"),
    ("bsn", "a citizen service number"),
    ("dni", "a national id number"),
    ("nric", "a national id number"),
    ("driver's license", "a driving licence number"),
    ("drivers license", "a driving licence number"),
    ("driving licence", "a driving licence number"),
    ("license number", "a driving licence number"),
    ("licence number", "a driving licence number"),
    ("pps number", "a PPS number"),
    ("pps no", "a PPS number"),
    ("ppsn", "a PPS number"),
];

impl Rule for NationalId {
    fn id(&self) -> &'static str {
        "personal-data.national-id"
    }

    fn category(&self) -> Category {
        Category::PersonalData
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        let s = doc.folded.as_str();
        let mut push = |start: usize, end: usize, what: &str| {
            let mut f = self.finding(Severity::High, doc.span(start, end), format!("This looks like {what}."));
            if input.ctx.is_dm() {
                f.lesson = super::dm_lesson(self.id()).into();
            }
            out.push(with_action(f, Action::Mask));
        };
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for (start, end) in ssns(s) {
            taken.push((start, end));
            push(start, end, "a Social Security number");
        }
        for (start, end) in ni_numbers(s) {
            let original = doc.original(doc.span(start, end).0, doc.span(start, end).1);
            let upper = original.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
            let announced = any_before(s, start, 4, NI_WORDS);
            if upper || announced {
                taken.push((start, end));
                push(start, end, "a National Insurance number");
            }
        }
        let starts = keyword_starts(input, "id");
        for (phrase, what) in ID_PHRASES {
            for &start in &starts {
                let Some(after) = phrase_at(s, start, phrase) else {
                    continue;
                };
                let Some((start, end)) = id_value_after(s, after) else {
                    continue;
                };
                if taken.iter().any(|&(a, b)| start < b && a < end) {
                    continue;
                }
                taken.push((start, end));
                push(start, end, what);
            }
        }
    }
}

/// `123-45-6789` anywhere, `123 45 6789` or `123456789` after SSN words;
/// only numbers the SSA could issue.
fn ssns(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    // From one run of digits to the next: none starts inside a run.
    while let Some(at) = b[i..].iter().position(u8::is_ascii_digit) {
        i += at;
        let run_end = i + b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if !starts_word(s, i) || preceded_by_number(b, i) {
            i = run_end;
            continue;
        }
        let Some((end, digits, sep)) = ssn_shape(b, i) else {
            i = run_end;
            continue;
        };
        let announced = words_before(s, i, 5).iter().any(|w| super::listed(SSN_WORDS, w));
        let plain_dashes =
            sep == Some(b'-') && !words_before(s, i, 3).iter().any(|w| super::listed(REFERENCE_WORDS, w));
        if ssn_valid(&digits) && (announced || plain_dashes) && !is_sample(&digits, announced) {
            out.push((i, end));
            i = end;
        } else {
            i = run_end;
        }
    }
    out
}

/// A digit right before, across one separator ("1-123-45-6789" is a phone).
fn preceded_by_number(b: &[u8], i: usize) -> bool {
    i >= 2 && matches!(b[i - 1], b'-' | b'.' | b'/' | b',') && b[i - 2].is_ascii_digit()
}

/// Nine digits as 3-2-4 with one repeated separator, or in one run.
fn ssn_shape(b: &[u8], i: usize) -> Option<(usize, String, Option<u8>)> {
    let run = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    // ASCII digits, one char each (`from_utf8_lossy` would bring 1 KB of wasm).
    let digits = |from: usize, n: usize| b[from..from + n].iter().map(|&c| char::from(c)).collect::<String>();
    let first = run(i);
    if first == 9 {
        let end = i + 9;
        return follows_cleanly(b, end).then(|| (end, digits(i, 9), None));
    }
    if first != 3 {
        return None;
    }
    let sep = *b.get(i + 3)?;
    if !matches!(sep, b'-' | b' ' | b'.') || run(i + 4) != 2 || b.get(i + 6) != Some(&sep) {
        return None;
    }
    if run(i + 7) != 4 {
        return None;
    }
    let end = i + 11;
    follows_cleanly(b, end).then(|| {
        let d = format!("{}{}{}", digits(i, 3), digits(i + 4, 2), digits(i + 7, 4));
        (end, d, Some(sep))
    })
}

/// Nothing number-like continues the match at `end`.
fn follows_cleanly(b: &[u8], end: usize) -> bool {
    match b.get(end) {
        None => true,
        Some(c) if c.is_ascii_alphanumeric() => false,
        Some(b'-' | b'.' | b'/' | b',') => !b.get(end + 1).is_some_and(|c| c.is_ascii_digit()),
        _ => true,
    }
}

/// Area not 000, 666 or 9xx; group not 00; serial not 0000.
fn ssn_valid(d: &str) -> bool {
    let area = &d[..3];
    area != "000" && area != "666" && !area.starts_with('9') && &d[3..5] != "00" && &d[5..] != "0000"
}

/// The SSA's advertised sample numbers, only taken with an SSN word.
fn is_sample(d: &str, announced: bool) -> bool {
    !announced && matches!(d, "123456789" | "078051120" | "219099999")
}

/// UK NI numbers: two prefix letters the HMRC issues (any two after "NI",
/// since people copy HMRC's own sample, "QQ 12 34 56 C"), six digits (in
/// pairs or not) and a suffix A to D.
fn ni_numbers(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    // The digits start right after the prefix ("qq123456c") or a space after
    // it ("qq 12 34 56 c"): only the two places before each run of digits
    // can start one.
    let mut from = 0;
    let mut candidates = Vec::new();
    while let Some(at) = b[from..].iter().position(u8::is_ascii_digit) {
        let run = from + at;
        if run >= 3 && b[run - 1] == b' ' {
            candidates.push(run - 3);
        } else if run >= 2 {
            candidates.push(run - 2);
        }
        from = run + b[run..].iter().take_while(|c| c.is_ascii_digit()).count();
    }
    for i in candidates.into_iter().filter(|&i| i < b.len().saturating_sub(8)) {
        if !starts_word(s, i) || !b[i].is_ascii_lowercase() || !b[i + 1].is_ascii_lowercase() {
            continue;
        }
        // After "my NI number is", any prefix: people copy HMRC's own sample
        // ("QQ 12 34 56 C") into forms, and the post reads as theirs.
        let announced = || {
            let near = words_before(s, i, 4);
            near.iter().any(|w| matches!(*w, "ni" | "nino"))
                || near.contains(&"national") && near.contains(&"insurance")
        };
        if !valid_ni_prefix(b[i], b[i + 1]) && !announced() {
            continue;
        }
        let mut j = i + 2;
        let mut digits = 0;
        while j < b.len() && digits < 6 {
            if b[j].is_ascii_digit() {
                digits += 1;
                j += 1;
            } else if b[j] == b' ' && digits % 2 == 0 && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
                j += 1;
            } else {
                break;
            }
        }
        if digits != 6 {
            continue;
        }
        if b.get(j) == Some(&b' ') {
            j += 1;
        }
        if matches!(b.get(j), Some(b'a'..=b'd')) && ends_word(s, j + 1) {
            out.push((i, j + 1));
        }
    }
    out
}

/// "Passport's finally back!! P47829163", "a new passport? Mine's
/// C47718293": an id with a letter prefix (one or two letters, seven to
/// nine digits) opening the sentence after the stop at `stop`, maybe after
/// "mine's" or "it's".
fn lettered_id_opening(s: &str, stop: usize) -> Option<(usize, usize)> {
    let rest = s[stop..].trim_start_matches(['!', '?', '.', ' ', '\n']);
    let value = ["mine's ", "mine is ", "it's ", "its "].iter().find_map(|p| rest.strip_prefix(p)).unwrap_or(rest);
    let start = s.len() - value.len();
    let b = value.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let digits = b[letters..].iter().take_while(|c| c.is_ascii_digit()).count();
    let end = start + letters + digits;
    ((1..=2).contains(&letters) && (7..=9).contains(&digits) && ends_word(s, end)).then_some((start, end))
}

fn valid_ni_prefix(a: u8, b: u8) -> bool {
    a.is_ascii_lowercase()
        && b.is_ascii_lowercase()
        && !matches!(a, b'd' | b'f' | b'i' | b'q' | b'u' | b'v')
        && !matches!(b, b'd' | b'f' | b'i' | b'o' | b'q' | b'u' | b'v')
        && !matches!(&[a, b], b"bg" | b"gb" | b"nk" | b"kn" | b"tn" | b"nt" | b"zz")
}

/// Words allowed between an id phrase and the id.
const FILLERS: WordList = words!("no|nr|num|number|is|was|my|id|card|s|it|its|and");

/// The id after an id phrase: 6 to 14 digits (spaced or dashed), or a token
/// of up to three letters and at least five digits. It follows at most four
/// filler words ("no.", "number is"), or, further on in the sentence, its own
/// "number" or ":" ("lost my passport in Lisbon, number X4829105").
fn id_value_after(s: &str, after: usize) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut i = after;
    let mut words = 0;
    let mut wandered = false;
    let mut last_word = "";
    while i < b.len() {
        let c = b[i];
        let abbreviation = c == b'.' && ["no", "nr", "num"].iter().any(|a| s[..i].ends_with(a));
        if matches!(c, b'\n' | b'!' | b'?' | b';') || (c == b'.' && !abbreviation) {
            return lettered_id_opening(s, i);
        }
        if c == b',' {
            wandered = true;
        }
        if !c.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        // A run of letters and digits, joined by single spaces or dashes
        // while it stays numeric.
        let start = i;
        let mut end = i;
        let (mut digits, mut letters) = (0, 0);
        while i < b.len() {
            if b[i].is_ascii_digit() {
                digits += 1;
            } else if b[i].is_ascii_alphabetic() {
                letters += 1;
            } else if matches!(b[i], b' ' | b'-')
                && digits >= 2
                && letters == 0
                && b[i - 1].is_ascii_digit()
                && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            {
                i += 1;
                continue;
            } else {
                break;
            }
            i += 1;
            end = i;
        }
        if (6..=14).contains(&digits) && letters <= 3 && ends_word(s, end) {
            // "..., application number 20240518" labels some other number, and
            // "..., number 0300 222 0000" or "my number 07700900461" is a phone.
            let own_label = (matches!(last_word, "number" | "no" | "nr" | "num")
                || s[..start].trim_end().ends_with([':', '#']))
                && !words_before(s, start, 3).iter().any(|w| super::listed(OTHER_NUMBERS, w));
            let phone_shaped = s[start..].starts_with(['0', '+']) || digits >= 10;
            return (!wandered || own_label && !phone_shaped).then_some((start, end));
        }
        words += 1;
        last_word = &s[start..end];
        if digits > 0 || words > 8 {
            return None;
        }
        if words > 4 || !super::listed(FILLERS, last_word) {
            wandered = true;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    const RULE: &str = "personal-data.national-id";

    fn one(text: &str) -> String {
        let found = fired(RULE, text, &personal());
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].1, Severity::High);
        found[0].0.clone()
    }

    #[test]
    fn finds_ssns() {
        assert_eq!(one("my ssn is 536-22-8014 dont tell"), "536-22-8014");
        assert_eq!(one("SSN: 536228014"), "536228014");
        assert_eq!(one("social security number 536 22 8014"), "536 22 8014");
        assert_eq!(one("it's 536-22-8014, keep it safe"), "536-22-8014");
        assert_eq!(one("ＳＳＮ ５３６－２２－８０１４"), "５３６－２２－８０１４");
        assert_eq!(one("my SSN is 123-45-6789"), "123-45-6789");
    }

    #[test]
    fn ignores_numbers_the_ssa_never_issues_and_references() {
        for text in [
            "ssn 000-12-3456",
            "ssn 666-12-3456",
            "ssn 912-12-3456",
            "ssn 536-00-8014",
            "ssn 536-22-0000",
            "order 536-22-8014 shipped",
            "call 1-536-22-8014",
            "536-22-80145",
            "sample form: 123-45-6789",
            "tracking 536228014",
            "it was 536 22 8014 points",
        ] {
            assert!(fired(RULE, text, &personal()).is_empty(), "{text}");
        }
    }

    #[test]
    fn finds_ni_numbers_with_valid_prefixes() {
        assert_eq!(one("NI: AB123456C"), "AB123456C");
        assert_eq!(one("national insurance nh 12 34 56 c"), "nh 12 34 56 c");
        assert_eq!(one("it's JT 12 34 56 A ok"), "JT 12 34 56 A");
        // HMRC's sample prefix, announced as one's own.
        assert_eq!(one("My NI number is QQ 12 34 56 C, is that right?"), "QQ 12 34 56 C");
        for text in ["GB123456A", "DA123456C", "model ab123456c", "AB123456E", "QQ123456C"] {
            assert!(fired(RULE, text, &personal()).is_empty(), "{text}");
        }
    }

    #[test]
    fn passports_and_other_ids_need_their_word() {
        assert_eq!(one("passport no. 533380006, expires soon"), "533380006");
        assert_eq!(one("My passport number is X1234567."), "X1234567");
        assert_eq!(one("aadhaar 2345 6789 0123"), "2345 6789 0123");
        assert_eq!(one("driver's license: D1234567"), "D1234567");
        assert_eq!(one("Revenue keeps rejecting my tax form, my PPS number is 6813402G"), "6813402G");
        assert_eq!(one("Lost my passport in Lisbon, number X4829105, please reply"), "X4829105");
        assert_eq!(one("Passport's finally back!! P47829163, 10 years of a potato photo"), "P47829163");
        assert_eq!(one("how do I get a new passport quick? Mine's C47718293, expires soon"), "C47718293");
        for text in [
            "Passport renewal done, application number 20240518 came through today",
            "Passport office phone line, number 0300 222 0000, useless",
            "Got my passport back today, my number 07700900461 if anyone needs me",
            "My car insurance ref is QU123456A for the claim",
            "Passport office queue: 200 people, number 134567 on the ticket",
            "renewed my passport in 2019",
            "passport control took 45 minutes",
            "533380006 is my lucky number",
            "my passport photo is awful, ticket 55512345",
            "Passport's back! 07700900461 is my new number",
            "Passport's back! Flight BA2490 on Friday",
        ] {
            assert!(fired(RULE, text, &personal()).is_empty(), "{text}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

        /// A dashed SSN fires exactly when the SSA could have issued it.
        #[test]
        fn dashed_ssns_fire_only_when_issuable(area in 0u32..1000, group in 0u32..100, serial in 0u32..10000) {
            let ssn = format!("{area:03}-{group:02}-{serial:04}");
            let issuable = area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
            let sample = ssn == "123-45-6789" || ssn == "078-05-1120" || ssn == "219-09-9999";
            let found = fired(RULE, &format!("it is {ssn} ok"), &personal());
            proptest::prop_assert_eq!(!found.is_empty(), issuable && !sample, "{}", ssn);
        }
    }

    #[test]
    fn dm_keeps_high_with_its_own_lesson() {
        let found = crate::check("ssn 536-22-8014", &dm());
        let f = found.iter().find(|f| f.rule == RULE).unwrap();
        assert_eq!((f.start, f.end, f.severity), (4, 15, Severity::High));
        assert_eq!(f.lesson, super::super::dm_lesson(RULE));
    }
}
