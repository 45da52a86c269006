//! Small helpers shared by the personal-data and credential rules: the
//! words around a place in the folded text, whole-word phrase search and
//! the context word lists several rules agree on. Not a rule itself.

/// Words that say a number is a reference, not a phone or an id of a person.
#[rustfmt::skip]
pub const REFERENCE_WORDS: &[&str] = &[
    "order", "orders", "tracking", "track", "invoice", "inv", "ref", "reference", "ticket", "case",
    "acct", "account", "id", "confirmation", "conf", "booking", "reservation", "serial", "sn",
    "isbn", "issn", "sku", "item", "model", "part", "receipt", "transaction", "txn", "claim",
    "policy", "member", "membership", "customer", "po", "shipment", "parcel", "package", "awb",
    "routing", "swift", "iban", "sort", "card", "version", "build", "release", "patch", "doi",
    "pnr", "flight", "zip", "postcode", "postal", "record", "loyalty", "voucher", "coupon", "promo",
    "code", "pin", "otp", "passcode", "password", "ssn", "passport", "license", "licence",
    "registration", "reg", "vin", "plate", "tax", "vat", "ein", "lot", "batch", "badge", "employee",
    "student", "patient", "application", "request", "req", "issue", "pr", "bug", "job", "project",
    "product", "article", "episode", "chapter", "page", "rank", "score", "pts", "points", "votes",
    "step", "steps", "isin", "cusip", "ticker",
];

/// Abbreviations whose trailing dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "no", "nr", "ref", "tel", "ph", "mob", "inv", "acct", "dob", "st", "dr", "apt", "ave", "rd", "num", "mr", "mrs",
    "ms", "e", "g", "i", "vs", "approx", "dept",
];

/// Up to `n` words before byte `pos` of `s`, nearest first, within the
/// sentence. A word is a run of ASCII letters and digits.
pub fn words_before(s: &str, pos: usize, n: usize) -> Vec<&str> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = pos.min(b.len());
    while out.len() < n && i > 0 {
        let c = b[i - 1];
        if c.is_ascii_alphanumeric() {
            let end = i;
            while i > 0 && b[i - 1].is_ascii_alphanumeric() {
                i -= 1;
            }
            out.push(&s[i..end]);
            continue;
        }
        let ends_sentence = match c {
            b'\n' | b'!' | b'?' => true,
            b'.' => {
                let next = b.get(i).copied().unwrap_or(b' ');
                let mut w = i - 1;
                while w > 0 && b[w - 1].is_ascii_alphabetic() {
                    w -= 1;
                }
                next.is_ascii_whitespace() && !ABBREVIATIONS.contains(&&s[w..i - 1])
            }
            _ => false,
        };
        if ends_sentence && i < pos {
            break;
        }
        i -= 1;
    }
    out
}

/// Up to `n` words after byte `pos` of `s` in the same sentence.
pub fn words_after(s: &str, pos: usize, n: usize) -> Vec<&str> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = pos;
    while out.len() < n && i < b.len() {
        if b[i].is_ascii_alphanumeric() {
            let start = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            out.push(&s[start..i]);
            continue;
        }
        if matches!(b[i], b'\n' | b'!' | b'?')
            || (b[i] == b'.' && b.get(i + 1).map_or(true, |c| c.is_ascii_whitespace()))
        {
            break;
        }
        i += 1;
    }
    out
}

/// Whether any of `words` is among the `n` words before `pos`.
pub fn any_before(s: &str, pos: usize, n: usize, words: &[&str]) -> bool {
    words_before(s, pos, n).iter().any(|w| words.contains(w))
}

/// Byte offsets just past each whole-word occurrence of `phrase` in `s`,
/// with the start: (start, end).
pub fn find_phrase(s: &str, phrase: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let alnum = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_alphanumeric());
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = s[from..].find(phrase) {
        let start = from + at;
        let end = start + phrase.len();
        let word_start = start == 0 || !alnum(start - 1);
        let word_end = !alnum(end) || !phrase.as_bytes()[phrase.len() - 1].is_ascii_alphanumeric();
        if word_start && word_end {
            out.push((start, end));
        }
        from = start + 1;
    }
    out
}

/// Whether `phrase` occurs as whole words anywhere in `s`.
pub fn has_phrase(s: &str, phrase: &str) -> bool {
    !find_phrase(s, phrase).is_empty()
}

/// Whether byte `pos` of `s` starts a word (nothing alphanumeric before it).
pub fn starts_word(s: &str, pos: usize) -> bool {
    pos == 0 || !s.as_bytes()[pos - 1].is_ascii_alphanumeric()
}

/// Whether byte `pos` of `s` ends a word (nothing alphanumeric at it).
pub fn ends_word(s: &str, pos: usize) -> bool {
    s.as_bytes().get(pos).map_or(true, |c| !c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_stop_at_the_sentence() {
        let s = "done. call my tel. no. 555";
        assert_eq!(words_before(s, s.len() - 3, 9), vec!["no", "tel", "my", "call"]);
        assert_eq!(words_after("is 42 now. next", 2, 9), vec!["42", "now"]);
    }

    #[test]
    fn phrases_match_whole_words() {
        assert_eq!(find_phrase("dob: x, adobe dob", "dob"), vec![(0, 3), (14, 17)]);
        assert!(has_phrase("my ssn is", "ssn"));
        assert!(!has_phrase("classn", "ssn"));
    }
}
