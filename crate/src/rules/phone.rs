//! `personal-data.phone`: phone numbers of 7 to 15 digits: international
//! (`+44 20 7946 0958`), North American (`(415) 555-0132`, `555-123-4567`),
//! national with a trunk zero (`07700 900123`) and any grouping after a
//! word like "call" or "my number". Dates, times, prices, IP and version
//! numbers, year ranges and numbers after "order", "tracking", "invoice" or
//! "ref" are left alone. Toll-free and non-geographic numbers, "call us"
//! and a number on a brand account are business lines, a tip only, unless
//! it is someone's own ("ring me on my mobile"); so is a number in a DM
//! unless more personal data goes with it.

use super::nearby::{starts_word, words_after, words_before, REFERENCE_WORDS};
use super::{with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::words::{words, WordList};

pub struct Phone;

/// Words that say a number is a phone number.
#[rustfmt::skip]
const PHONE_WORDS: WordList = words!(
    "call|calling|text|txt|phone|tel|telephone|mobile|mob|cell|cellphone|whatsapp|signal|",
    "telegram|ring|reach|contact|hotline|helpline|fax|sms|dial|viber|ph|hmu|digits|cel|celular|",
    "handy|tlf|movil",
);

/// Words just before a number that make it a person's own line.
const PERSONAL_LINE: WordList = words!("mobile|cell|cellphone|personal");

/// Words after a number that make it a count or an amount.
#[rustfmt::skip]
const COUNT_WORDS: WordList = words!(
    "dollars|euros|pounds|usd|eur|gbp|people|views|followers|users|downloads|times|miles|km|",
    "steps|calories|likes|members|subscribers|votes|years|points|pts|copies|units|words|bytes|",
    "rows|lines",
);

/// North American toll-free area codes and other non-personal prefixes.
const TOLL_FREE: WordList = words!("800|888|877|866|855|844|833");

impl Rule for Phone {
    fn id(&self) -> &'static str {
        "personal-data.phone"
    }

    fn category(&self) -> Category {
        Category::PersonalData
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        let s = doc.folded.as_str();
        let ctx = input.ctx;
        let other_personal_data = out.iter().any(|f| f.category == Category::PersonalData);
        let taken = Taken::new(out);
        for c in candidates(s) {
            if !is_phone(s, &c) {
                continue;
            }
            let span = doc.span(c.start, c.end);
            if taken.overlaps(span) {
                continue;
            }
            // "ring me on my mobile", "our new hire's mobile is", "call me on":
            // a person's own line, even on a brand account.
            let near = words_before(s, c.start, 4);
            let someones = near.iter().any(|w| super::listed(PERSONAL_LINE, w))
                || (near.len() >= 2 && super::listed(words!("on|at"), near[0]) && near[1] == "me");
            // "call us", "our hotline": a business speaking.
            let ours = !someones && words_before(s, c.start, 12).iter().any(|w| matches!(*w, "us" | "our"));
            let business = is_business_number(&c.digits) || ours;
            let severity = if business || (ctx.is_brand() && !someones) || (ctx.is_dm() && !other_personal_data) {
                Severity::Low
            } else {
                Severity::Medium
            };
            let message = if business { "This is a business phone number." } else { "This looks like a phone number." };
            out.push(with_action(self.finding(severity, span, message.into()), Action::Mask));
        }
    }
}

/// The personal data already found (a card, an IBAN, an id), sorted, to
/// skip their digits in one lookup each.
struct Taken {
    /// (start, greatest end so far), by start.
    spans: Vec<(u32, u32)>,
}

impl Taken {
    fn new(found: &[Finding]) -> Taken {
        let mut spans: Vec<(u32, u32)> =
            found.iter().filter(|f| f.category == Category::PersonalData).map(|f| (f.start, f.end)).collect();
        // A handful of spans: an insertion sort, since the standard library's
        // unstable sort of pairs costs about 8 KB of wasm for this one call.
        for i in 1..spans.len() {
            let mut j = i;
            while j > 0 && spans[j - 1] > spans[j] {
                spans.swap(j - 1, j);
                j -= 1;
            }
        }
        let mut reach = 0;
        for s in &mut spans {
            reach = reach.max(s.1);
            s.1 = reach;
        }
        Taken { spans }
    }

    fn overlaps(&self, (start, end): (u32, u32)) -> bool {
        let before_end = self.spans.partition_point(|s| s.0 < end);
        before_end > 0 && self.spans[before_end - 1].1 > start
    }
}

#[derive(Debug)]
struct Candidate {
    start: usize,
    end: usize,
    digits: String,
    /// Digit group lengths.
    groups: Vec<usize>,
    /// Separator characters used between groups (spaces, `-`, `.`, parens).
    seps: Vec<u8>,
    plus: bool,
    paren: bool,
}

/// Runs of digit groups joined by short separators, starting at a word
/// boundary with a digit, `+` or `(`.
fn candidates(s: &str) -> Vec<Candidate> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let opens = c.is_ascii_digit()
            || (c == b'+' && b.get(i + 1).is_some_and(u8::is_ascii_digit))
            || (c == b'(' && b.get(i + 1).is_some_and(u8::is_ascii_digit));
        // Most numbers in a draft (prices, times, counts) have too few digits
        // for a phone number, even with the groups after them: skipped before
        // a candidate is built, since `is_phone` wants seven or more.
        let digits_ahead = || {
            let run = b[i..]
                .iter()
                .take_while(|c| c.is_ascii_digit() || matches!(c, b' ' | b'-' | b'.' | b'(' | b')' | b'+'));
            run.filter(|c| c.is_ascii_digit()).count()
        };
        if !opens || !starts_word(s, i) || glued_to_number(b, i) || digits_ahead() < 7 {
            i += 1;
            continue;
        }
        let mut cand = Candidate {
            start: i,
            end: i,
            digits: String::new(),
            groups: Vec::new(),
            seps: Vec::new(),
            plus: c == b'+',
            paren: false,
        };
        let mut j = if cand.plus { i + 1 } else { i };
        loop {
            let in_paren = b.get(j) == Some(&b'(');
            if in_paren {
                j += 1;
            }
            let g = j;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            if j == g || (in_paren && b.get(j) != Some(&b')')) {
                break;
            }
            cand.digits.push_str(&s[g..j]);
            cand.groups.push(j - g);
            if in_paren {
                j += 1;
                cand.paren = true;
            }
            cand.end = j;
            // A separator: up to three of space, dash, dot, with at most one
            // that is not a space, then a digit or an opening paren.
            let mut k = j;
            let mut marks = 0;
            while k < b.len() && k - j < 3 && matches!(b[k], b' ' | b'-' | b'.') {
                marks += usize::from(b[k] != b' ');
                k += 1;
            }
            let next_ok = b.get(k).is_some_and(|c| c.is_ascii_digit() || *c == b'(');
            if k == j || marks > 1 || !next_ok {
                break;
            }
            cand.seps.extend(b[j..k].iter().filter(|c| **c != b' '));
            if b[j..k].contains(&b' ') {
                cand.seps.push(b' ');
            }
            j = k;
        }
        let next = cand.end;
        i = next.max(i + 1);
        if cand.groups.is_empty() || !ends_cleanly(b, next) {
            continue;
        }
        out.push(cand);
    }
    out
}

/// The number continues one already started ("1,234", "10:30", "3/4", "$5").
fn glued_to_number(b: &[u8], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let prev = b[i - 1];
    matches!(prev, b'$' | b'#' | b'@' | b'/' | b'\\' | b'=' | b'_')
        || (i >= 2 && matches!(prev, b',' | b'.' | b':' | b'-') && b[i - 2].is_ascii_digit())
        || ends_with_currency(&b[..i])
}

fn ends_with_currency(b: &[u8]) -> bool {
    ["€", "£", "¥", "₹", "₩", "₽"]
        .iter()
        .any(|c| b.ends_with(c.as_bytes()) || b.strip_suffix(b" ").is_some_and(|x| x.ends_with(c.as_bytes())))
}

/// Nothing glued after the number: a letter ("5pm", "10k"), a percent sign,
/// or more digits after `:`, `/`, `,` or `.`.
fn ends_cleanly(b: &[u8], end: usize) -> bool {
    match b.get(end) {
        None => true,
        Some(c) if c.is_ascii_alphanumeric() || matches!(c, b'%' | b'\'' | b'$') => false,
        Some(b':' | b'/' | b',' | b'.' | b'-') => !b.get(end + 1).is_some_and(u8::is_ascii_digit),
        _ => !ends_with_currency_after(&b[end..]),
    }
}

fn ends_with_currency_after(b: &[u8]) -> bool {
    let b = b.strip_prefix(b" ").unwrap_or(b);
    ["€", "£", "¥", "₹"].iter().any(|c| b.starts_with(c.as_bytes()))
}

fn is_phone(s: &str, c: &Candidate) -> bool {
    let n = c.digits.len();
    if !(7..=15).contains(&n) || looks_like_date(c) || looks_like_ip(c) || year_range(c) {
        return false;
    }
    if words_after(s, c.end, 1).first().is_some_and(|w| super::listed(COUNT_WORDS, w)) {
        return false;
    }
    // The nearest telling word before the number decides.
    // "number" and "no" go with both, so look further past them.
    let mut announced = false;
    let mut numbered = false;
    for &w in words_before(s, c.start, 5).iter() {
        if matches!(w, "number" | "no" | "nr" | "num" | "is" | "my" | "at" | "on" | "me") {
            numbered |= w == "number";
            continue;
        }
        if super::listed(PHONE_WORDS, w) {
            announced = true;
            break;
        }
        if super::listed(REFERENCE_WORDS, w) {
            return false;
        }
    }
    let announced = announced || numbered;
    if announced || c.plus {
        return n >= 8 || announced;
    }
    let g = &c.groups;
    let d = &c.digits;
    let only = |set: &[u8]| c.seps.iter().all(|x| set.contains(x));
    // 00 international prefix.
    if d.starts_with("00") && n >= 10 && g.len() >= 2 {
        return true;
    }
    // North American shapes.
    let nanp = matches!(g.as_slice(), [3, 3, 4])
        || (matches!(g.as_slice(), [1, 3, 3, 4]) && d.starts_with('1'))
        || (matches!(g.as_slice(), [3, 4]) && c.seps == [b'-'] && !d.starts_with('0'));
    if nanp && (c.paren || only(b" -.")) && !d.starts_with('0') {
        return true;
    }
    // National numbers with a trunk zero, in groups of two or more.
    if d.starts_with('0') && !d.starts_with("00") && (9..=11).contains(&n) && g.len() >= 2 {
        return g.iter().all(|&x| x >= 2) && only(b" -.");
    }
    // (area) rest.
    c.paren && g.len() >= 2 && (7..=11).contains(&n)
}

/// `2024-01-05`, `05.01.2024`, `5 1 2024`: three groups, one a year and
/// the others a day and a month.
fn looks_like_date(c: &Candidate) -> bool {
    if c.groups.len() != 3 || c.paren || c.plus {
        return false;
    }
    let mut at = 0;
    let parts: Vec<u32> = c
        .groups
        .iter()
        .map(|&g| {
            let v = c.digits[at..at + g].parse().unwrap_or(0);
            at += g;
            v
        })
        .collect();
    let year = |g: usize, v: u32| g == 4 && (1900..=2099).contains(&v);
    let dm = |a: u32, b: u32| (1..=31).contains(&a) && (1..=31).contains(&b) && (a <= 12 || b <= 12);
    (year(c.groups[0], parts[0]) && dm(parts[1], parts[2])) || (year(c.groups[2], parts[2]) && dm(parts[0], parts[1]))
}

/// Four dotted groups of at most three digits, each below 256.
fn looks_like_ip(c: &Candidate) -> bool {
    c.groups.len() == 4 && c.seps.iter().all(|x| *x == b'.') && c.groups.iter().all(|&g| g <= 3)
}

/// `1990-2024`, `2019 2020`.
fn year_range(c: &Candidate) -> bool {
    c.groups.len() == 2
        && c.groups == [4, 4]
        && [&c.digits[..4], &c.digits[4..]].iter().all(|y| y.parse::<u32>().is_ok_and(|v| (1800..=2099).contains(&v)))
}

/// Numbers no person owns: North American toll-free, UK freephone and
/// non-geographic (03, 084, 087, 09), Australian 1300/1800.
fn is_business_number(d: &str) -> bool {
    let nanp = d.strip_prefix('1').filter(|r| r.len() == 10).unwrap_or(d);
    let uk = match d.strip_prefix("44") {
        Some(rest) if rest.len() == 10 => format!("0{rest}"),
        _ => d.to_string(),
    };
    (nanp.len() == 10 && TOLL_FREE.split('|').any(|p| nanp.starts_with(p)))
        || (uk.len() == 11 && ["0800", "0808", "03", "084", "087", "09"].iter().any(|p| uk.starts_with(p)))
        || ["1800", "1300"].iter().any(|p| d.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    const RULE: &str = "personal-data.phone";

    fn found(text: &str, ctx: &crate::Context) -> Vec<(String, Severity)> {
        fired(RULE, text, ctx)
    }

    #[test]
    fn finds_phone_numbers_in_many_shapes() {
        for (text, number) in [
            ("text me at (415) 555-0132 tonight", "(415) 555-0132"),
            ("my cell is 415.555.0132", "415.555.0132"),
            ("call 555-123-4567!", "555-123-4567"),
            ("+44 20 7946 0958 is my number", "+44 20 7946 0958"),
            ("ring me on 07700 900123", "07700 900123"),
            ("+1 (415) 555-0132", "+1 (415) 555-0132"),
            ("whatsapp +491701234567", "+491701234567"),
            ("06 12 34 56 78 si besoin", "06 12 34 56 78"),
            ("my number: 4155550132", "4155550132"),
            ("it's 555-0132 if you need me", "555-0132"),
            ("０７７００ ９００１２３", "０７７００ ９００１２３"),
            ("call me 1-415-555-0132", "1-415-555-0132"),
            ("hmu 4155550132", "4155550132"),
        ] {
            assert_eq!(found(text, &personal()), vec![(number.to_string(), Severity::Medium)], "{text}");
        }
    }

    #[test]
    fn ignores_numbers_that_are_not_phones() {
        for text in [
            "see you 2024-01-05 at 10:30",
            "born 05.01.1990",
            "order 555-123-4567 shipped",
            "tracking number 1Z 999 AA1 0123 4567",
            "invoice #4155550132",
            "ref: 415 555 0132",
            "it costs $1,234,567",
            "it costs £ 1 234 567",
            "from 1990-2024 we grew",
            "server at 192.168.100.200",
            "upgraded to v10.2.3456",
            "final score 3-2, then 21-14",
            "1 000 000 views!",
            "we raised 4155550132 dollars",
            "ISBN 978-0-306-40615-7",
            "the year 2024 and 1999",
            "5551234",
        ] {
            assert!(found(text, &personal()).is_empty(), "{text}: {:?}", found(text, &personal()));
        }
    }

    #[test]
    fn business_lines_and_dms_are_a_tip() {
        let tip = |n: &str| vec![(n.to_string(), Severity::Low)];
        assert_eq!(found("Call our support line: (415) 555-0132", &brand()), tip("(415) 555-0132"));
        assert_eq!(found("call 1-800-555-0199", &personal()), tip("1-800-555-0199"));
        assert_eq!(found("Call us at (415) 555-0132", &personal()), tip("(415) 555-0132"));
        assert_eq!(found("0800 123 4567 free", &personal()), tip("0800 123 4567"));
        assert_eq!(found("call 0300 123 1234 for advice", &personal()), tip("0300 123 1234"));
        // Someone's own line stays a finding, even from a brand or after "our".
        let medium = |n: &str| vec![(n.to_string(), Severity::Medium)];
        assert_eq!(found("Ring me on my mobile, 07700 900461, I'll sort it", &brand()), medium("07700 900461"));
        assert_eq!(found("Our new hire's mobile is +1 415 555 0132, say hi", &personal()), medium("+1 415 555 0132"));
        assert_eq!(
            found("Want a trim with Jo? Give her a ring on 0161 496 0000 to book", &brand()),
            tip("0161 496 0000")
        );
        assert_eq!(found("+44 345 300 0000, open 8-8", &personal()), tip("+44 345 300 0000"));
        assert_eq!(
            found("Contact our press office: press@bigcorp.com or +1 212 555 0100", &personal()),
            tip("+1 212 555 0100")
        );
        // An Australian landline is someone's home.
        assert!(flags(RULE, "call me on 03 9123 4567", &personal()));
        assert_eq!(found("call me 555-123-4567", &dm()), tip("555-123-4567"));
        // In a DM with more personal data, the number counts again.
        assert!(flags(RULE, "I live at 12 Oak Street, call 555-123-4567", &dm()));
        assert!(flags(RULE, "ssn 536-22-8014, call 555-123-4567", &dm()));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        /// Dates in any of the usual numeric shapes are never phones.
        #[test]
        fn dates_are_not_phones(y in 1900u32..2100, m in 1u32..13, d in 1u32..29, sep in "[-. ]") {
            for date in [format!("{y}{sep}{m:02}{sep}{d:02}"), format!("{d:02}{sep}{m:02}{sep}{y}")] {
                proptest::prop_assert!(found(&format!("on {date} we met"), &personal()).is_empty(), "{}", date);
            }
        }

        /// Number-heavy noise never panics and spans stay on the text.
        #[test]
        fn number_noise_is_safe(text in "[0-9０-９ +()\\-.:/,#$€a-z😀]{0,60}") {
            let len = text.encode_utf16().count() as u32;
            for f in crate::check(&text, &personal()) {
                proptest::prop_assert!(f.start < f.end && f.end <= len);
            }
        }
    }

    #[test]
    fn exact_utf16_spans() {
        let f = crate::check("📞 +44 20 7946 0958", &personal());
        let f = f.iter().find(|f| f.rule == RULE).unwrap();
        assert_eq!((f.start, f.end), (3, 19));
        assert_eq!(f.action, Some(Action::Mask));
    }
}
