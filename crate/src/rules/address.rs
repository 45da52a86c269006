//! `personal-data.address`: street addresses: a house number, one to three
//! name words and a street suffix ("12 Oak Street", "221b Elm Rd, Apt 4",
//! "500 N Main Ave, Springfield, IL 62701"). The name must look like a name
//! (capitalised, or announced by "I live at", "come over to"...), so "20
//! miles down the road", "42nd Street", "Abbey Road" and famous or fictional
//! addresses stay quiet. A shop or office address posted to invite people
//! in is a tip only, and so is an address in a DM that carries no other
//! personal data.

use super::nearby::{has_keyword, keyword_starts, words_before};
use super::{with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::List;
use crate::text::Doc;
use crate::words::{words, WordList};

pub struct Address;

#[rustfmt::skip]
const SUFFIXES: WordList = words!(
    "street|st|avenue|ave|av|road|rd|lane|ln|boulevard|blvd|drive|dr|court|ct|way|place|pl|",
    "terrace|ter|crescent|cres|close|square|sq|parkway|pkwy|highway|hwy|circle|cir|trail|trl|row|",
    "gardens|grove|mews|walk|parade|pde|alley|plaza|strasse|straße|view|hill|rise|vale|heights|",
    "wharf|quay",
);

/// Words for a flat or a unit inside a building, before its number.
const UNITS: WordList = words!("apt|apartment|unit|flat|suite|ste|no|fl|floor");

/// Suffixes that are also places and things ("4 Primrose Hill laps", "2
/// Notting Hill screenings"): they end an address only at a comma, a full
/// stop, a capital or the end.
const PLACE_SUFFIXES: WordList = words!("view|hill|rise|vale|heights|wharf|quay");

/// Words that are never part of a street name. A slice, not a packed
/// list: it is read at every word after a number, and a slice compares
/// lengths before bytes.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "and", "or", "but", "from", "my", "your",
    "our", "his", "her", "their", "its", "this", "that", "these", "those", "down", "up", "along", "across", "over",
    "under", "more", "less", "most", "best", "worst", "next", "last", "other", "same", "is", "are", "was", "were",
    "be", "it", "we", "i", "you", "he", "she", "they", "me", "us", "them", "am", "pm", "times", "minute", "minutes",
    "min", "mins", "hour", "hours", "hr", "hrs", "second", "seconds", "sec", "secs", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "yr", "yrs", "mile", "miles", "mi", "km", "kms", "meter", "meters", "metre",
    "metres", "feet", "ft", "foot", "block", "blocks", "step", "steps", "door", "doors", "people", "car", "cars",
    "lanes", "ways", "things", "reasons", "tips", "easy", "simple", "quick", "fast", "different", "one", "two",
    "three", "four", "five", "ten", "x", "star", "stars", "test", "long", "short", "lap", "laps", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
];

/// Words right before a number that make it something other than a house.
#[rustfmt::skip]
const NOT_HOUSE: WordList = words!(
    "page|chapter|season|episode|ep|top|route|rt|gate|platform|exit|room|level|floor|bus|line|",
    "the|part|vol|volume|step|day|week|year|no|number|size|rank|ranked|issue|act|scene|verse|",
    "grade|aged|age|under|over|about|around|only|just|first|last|with|than|of|in|since|",
    "interstate|highway|channel|track|pier|terminal|hole|lane|row|seat|table",
);

/// Street names from films, books and landmarks: (number, first name word).
const FAMOUS: &[(&str, &str)] = &[
    ("10", "downing"),
    ("11", "downing"),
    ("1600", "pennsylvania"),
    ("221b", "baker"),
    ("4", "privet"),
    ("742", "evergreen"),
    ("12", "grimmauld"),
    ("1313", "mockingbird"),
    ("42", "wallaby"),
    ("123", "sesame"),
    ("124", "conch"),
    ("31", "spooner"),
];

/// Courts that are institutions, not addresses ("Supreme Court").
#[rustfmt::skip]
const COURTS: WordList = words!(
    "supreme|high|appeals|appeal|district|federal|circuit|county|family|crown|magistrates|food|",
    "tennis|basketball|squash|royal|juvenile|claims|probate|criminal|civil|superior|municipal|",
    "state",
);

/// Words that say the address is where someone lives or can be found.
#[rustfmt::skip]
const HOME_WORDS: WordList = words!(
    "live|lives|living|address|addy|over|house|home|apartment|flat|moved|move|moving|deliver|",
    "send|ship|pick|meet|stay|staying|crash|party|come|swing|drop",
);

/// Phrases that make an address private whoever posts it.
#[rustfmt::skip]
const PRIVATE_PHRASES: WordList = words!(
    "i live|we live|my address|our address|my place|my house|my home|my apartment|my flat|",
    "come over|my new place|home address|housewarming|moving into|moving in|lives at|live at|",
    "my new flat|my new house|my new home|my new apartment|moved into",
);

/// Phrases of a business inviting people in; the words that make an address a
/// business's public one are the `pii_context` list's `business-word`s.
const BUSINESS_PHRASES: WordList = words!("visit us|find us|stop by|come see us");

impl Rule for Address {
    fn id(&self) -> &'static str {
        "personal-data.address"
    }

    fn category(&self) -> Category {
        Category::PersonalData
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        let addresses = find_addresses(doc);
        if addresses.is_empty() {
            return;
        }
        let s = doc.folded.as_str();
        let starts = keyword_starts(input, "address");
        let private = has_keyword(s, &starts, PRIVATE_PHRASES);
        // A business word ("store", "open", "hours", "venue"...) or phrase.
        let business = input.scan.hits(List::PiiContext).any(|h| h.tag == "business-word")
            || has_keyword(s, &starts, BUSINESS_PHRASES);
        // In a DM an address is a tip, unless more personal data goes with it
        // or it is complete down to the postcode: then it is worth a word
        // even there.
        let other_personal_data = out.iter().any(|f| f.category == Category::PersonalData);
        for (start, end) in addresses {
            let soft_dm = input.ctx.is_dm() && !other_personal_data && !has_postcode(doc, start, end);
            let severity = if soft_dm || (business && !private) { Severity::Low } else { Severity::Medium };
            out.push(with_action(
                self.finding(severity, doc.span(start, end), "This looks like a street address.".into()),
                Action::Mask,
            ));
        }
    }
}

fn is_house_number(raw: &str) -> bool {
    let digits = raw.bytes().take_while(u8::is_ascii_digit).count();
    // "221b" is a house; "10k" and "5m" are a race and a sum.
    let unit = raw[digits..].eq_ignore_ascii_case("k") || raw[digits..].eq_ignore_ascii_case("m");
    (1..=5).contains(&digits)
        && !raw.starts_with('0')
        && raw.len() - digits <= 1
        && raw[digits..].bytes().all(|c| c.is_ascii_alphabetic())
        && !unit
}

fn is_ordinal(raw: &str) -> bool {
    let digits = raw.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&raw[digits..], "st" | "nd" | "rd" | "th")
}

fn is_name(raw: &str) -> bool {
    (raw.bytes().all(|c| c.is_ascii_alphabetic() || c == b'\'') || is_ordinal(raw)) && !NOT_NAMES.contains(&raw)
}

/// Folded byte ranges of the addresses in `doc`.
fn find_addresses(doc: &Doc) -> Vec<(usize, usize)> {
    let s = doc.folded.as_str();
    let b = s.as_bytes();
    let toks = &doc.tokens;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let number = doc.raw(t);
        let plain = !t.hashtag && !t.mention && is_house_number(number);
        let glued = t.start > 0 && matches!(b[t.start - 1], b'$' | b'#' | b'/' | b'.' | b':');
        if !plain || glued || words_before(s, t.start, 1).first().is_some_and(|w| super::listed(NOT_HOUSE, w)) {
            i += 1;
            continue;
        }
        // Name words, then a suffix, each one space apart.
        let mut k = i + 1;
        let mut names = 0;
        let mut suffix = None;
        while k < toks.len() && names <= 3 {
            let gap = doc.gap(k - 1, k);
            let tk = &toks[k];
            // "12 N. Main St": an initial may end in a full stop; the number
            // may not ("Grimsby 1. Freezing cold terrace" is a score).
            let initial = gap == ". " && k - 1 > i && doc.raw(&toks[k - 1]).len() == 1;
            if !(gap == " " || initial) || tk.hashtag || tk.mention {
                break;
            }
            let ends_there = || {
                toks.get(k + 1).map_or(true, |next| next.capitalized || doc.is_number(next))
                    || !doc.gap(k, k + 1).trim().is_empty()
            };
            if names > 0
                && super::listed(SUFFIXES, doc.raw(tk))
                && (!super::listed(PLACE_SUFFIXES, doc.raw(tk)) || ends_there())
            {
                suffix = Some(k);
                break;
            }
            if !is_name(doc.raw(tk)) {
                break;
            }
            names += 1;
            k += 1;
        }
        let Some(k) = suffix else {
            // "22 Harbour View, Flat 3, Brighton BN2 1TW": no suffix we know,
            // but it runs on to a postcode.
            if let Some(end) = runs_to_postcode(doc, i) {
                out.push((t.start, end));
            }
            i += 1;
            continue;
        };
        let first_name = doc.raw(&toks[i + 1]);
        let last_name = doc.raw(&toks[k - 1]);
        let year = number.len() == 4 && number.starts_with(['1', '2']);
        let announced = words_before(s, t.start, 6).iter().any(|w| super::listed(HOME_WORDS, w));
        let capitalised = toks[i + 1].capitalized || toks[k].capitalized;
        let famous = FAMOUS.iter().any(|&(n, w)| n == number && w == first_name);
        let court = doc.raw(&toks[k]) == "court" || doc.raw(&toks[k]) == "ct";
        let (end, extended) = extend(doc, k);
        // "1423 Maple Ridge Dr, Fresno" is a house; "1984 Abbey Road" an album.
        if famous || (court && super::listed(COURTS, last_name)) || (year && !announced && !extended) {
            i += 1;
            continue;
        }
        if !(capitalised || announced || extended) {
            i += 1;
            continue;
        }
        // "12-14 Oak St": take the range.
        let start = if i >= 1 && doc.gap(i - 1, i) == "-" && is_house_number(doc.raw(&toks[i - 1])) {
            toks[i - 1].start
        } else {
            t.start
        };
        out.push((start, end));
        i = k + 1;
    }
    out
}

/// The end of a UK postcode that closes an address starting with the house
/// number at token `i`: capitalised name words (and a flat or unit number),
/// separated by spaces or commas, up to a shouted postcode ("RG26 3PJ").
fn runs_to_postcode(doc: &Doc, i: usize) -> Option<usize> {
    let toks = &doc.tokens;
    if !toks.get(i + 1)?.capitalized {
        return None;
    }
    // "22 Harbour View, Flat 3, Brighton BN2 1TW": a comma before the town,
    // which "Our 3 Favourite Cafes Near Leeds LS1 4AP" lacks.
    let mut comma = false;
    for at in i + 1..toks.len().min(i + 10) {
        let gap = doc.gap(at - 1, at);
        if !matches!(gap, " " | ", ") {
            return None;
        }
        comma |= gap == ", ";
        let tk = &toks[at];
        let raw = doc.raw(tk);
        if tk.shouted && at + 1 < toks.len() && doc.gap(at, at + 1) == " " && is_postcode(raw, doc.raw(&toks[at + 1])) {
            return comma.then_some(toks[at + 1].end);
        }
        let unit = super::listed(UNITS, raw) || (doc.is_number(tk) && raw.len() <= 4);
        // "Unit 4, Brookfield Industrial Estate": a business's address.
        let business = super::listed(words!("estate|park|centre|center|industrial|business|retail"), raw);
        if !(tk.capitalized || unit) || business || NOT_NAMES.contains(&raw) {
            return None;
        }
    }
    None
}

/// A ZIP code or a UK postcode inside the folded byte range.
fn has_postcode(doc: &Doc, start: usize, end: usize) -> bool {
    let inside: Vec<&str> =
        doc.tokens.iter().filter(|t| t.start >= start && t.end <= end).map(|t| doc.raw(t)).collect();
    inside.iter().any(|raw| is_zip(raw)) || inside.windows(2).any(|w| is_postcode(w[0], w[1]))
}

/// The end of the address after its suffix at token `k`: past a flat or
/// unit number, and past a city and ZIP or postcode when one follows. Also
/// says whether anything was added.
fn extend(doc: &Doc, k: usize) -> (usize, bool) {
    let toks = &doc.tokens;
    let mut end = toks[k].end;
    let mut extended = false;
    let mut j = k + 1;
    let near = |a: usize, b: usize| {
        let gap = doc.gap(a, b);
        gap.len() <= 3 && gap.chars().all(|c| matches!(c, ' ' | ',' | '.' | '#' | '-'))
    };
    // Flat, apartment, unit.
    if j < toks.len() && near(j - 1, j) {
        let w = doc.raw(&toks[j]);
        if super::listed(UNITS, w)
            && j + 1 < toks.len()
            && near(j, j + 1)
            && doc.raw(&toks[j + 1]).bytes().any(|c| c.is_ascii_digit())
        {
            end = toks[j + 1].end;
            extended = true;
            j += 2;
        } else if toks[j].hashtag && w.bytes().any(|c| c.is_ascii_digit()) {
            end = toks[j].end;
            extended = true;
            j += 1;
        }
    }
    // City words and a state, then a ZIP code or postcode.
    let mut at = j;
    while at < toks.len() && at < j + 5 && near(at - 1, at) {
        let tk = &toks[at];
        if is_zip(doc.raw(tk)) || (at + 1 < toks.len() && is_postcode(doc.raw(tk), doc.raw(&toks[at + 1]))) {
            let last = if is_zip(doc.raw(tk)) { at } else { at + 1 };
            // ZIP+4.
            let last = if last + 1 < toks.len()
                && doc.gap(last, last + 1) == "-"
                && doc.raw(&toks[last + 1]).len() == 4
                && doc.is_number(&toks[last + 1])
            {
                last + 1
            } else {
                last
            };
            return (toks[last].end, true);
        }
        if !(tk.capitalized || tk.shouted) || doc.is_number(tk) {
            break;
        }
        at += 1;
    }
    (end, extended)
}

fn is_zip(raw: &str) -> bool {
    raw.len() == 5 && raw.bytes().all(|c| c.is_ascii_digit())
}

/// UK postcodes: outward code ("sw1a", "m1", "ec2v") and inward ("1aa").
fn is_postcode(outward: &str, inward: &str) -> bool {
    let o = outward.as_bytes();
    let i = inward.as_bytes();
    (2..=4).contains(&o.len())
        && o[0].is_ascii_alphabetic()
        && o.iter().any(u8::is_ascii_digit)
        && o.iter().all(u8::is_ascii_alphanumeric)
        && i.len() == 3
        && i[0].is_ascii_digit()
        && i[1].is_ascii_alphabetic()
        && i[2].is_ascii_alphabetic()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    const RULE: &str = "personal-data.address";

    #[test]
    fn finds_addresses() {
        for (text, addr) in [
            ("party at mine! 12 Oak Street, bring snacks", "12 Oak Street"),
            ("I live at 221b elm rd apt 4 lol", "221b elm rd apt 4"),
            (
                "ship it to 500 N. Main Ave, Springfield, IL 62701-1234 pls",
                "500 N. Main Ave, Springfield, IL 62701-1234",
            ),
            ("come over to 9 Rose Lane tonight", "9 Rose Lane"),
            // A home, though "visit" is a business word too.
            (
                "moved into my new flat!! come visit: Flat 3, 42 Cranbrook Road, Leeds LS6 2HX",
                "42 Cranbrook Road, Leeds LS6 2HX",
            ),
            ("my parcel was meant for 42 Oak Road, why is it in Glasgow", "42 Oak Road"),
            ("my address is 14 Kings Road, London SW3 4UT", "14 Kings Road, London SW3 4UT"),
            ("we moved to 77 West 81st St #4B", "77 West 81st St #4B"),
            ("１２ Ｏａｋ Ｓｔｒｅｅｔ", "１２ Ｏａｋ Ｓｔｒｅｅｔ"),
            ("12-14 Mill Lane is ours now", "12-14 Mill Lane"),
            ("send it to 22 Harbour View, Flat 3, Brighton BN2 1TW", "22 Harbour View, Flat 3, Brighton BN2 1TW"),
            ("I'm at 14 Larch Close, Tadley RG26 3PJ, come round", "14 Larch Close, Tadley RG26 3PJ"),
            ("we're at 1423 Maple Ridge Dr, Fresno, CA 93720", "1423 Maple Ridge Dr, Fresno, CA 93720"),
        ] {
            assert_eq!(fired(RULE, text, &personal()), vec![(addr.to_string(), Severity::Medium)], "{text}");
        }
    }

    #[test]
    fn ignores_streets_without_a_home() {
        for text in [
            "42nd Street is my favourite musical",
            "The Ridgeway 10k closes Ridge Road 8am–1pm this Sunday. Diversions will be signed.",
            "Abbey Road is the best album",
            "protest outside Downing Street today",
            "protest outside 10 Downing Street today",
            "it's 20 miles down the road",
            "a 45 Minute Drive from here",
            "3 Supreme Court justices dissented",
            "P. Sherman, 42 Wallaby Way, Sydney",
            "the 2019 Abbey Road remaster",
            "Top 10 Road Trips of the year",
            "we won 3 in a row",
            "5 Times Square billboards",
            "Check out these 5 Coffee Shops on Main Street",
            "page 12 Main Street chapter",
            "Top 10 Reasons To Visit Leeds LS1 4AP",
            "Our 3 Favourite Cafes Near Leeds LS1 4AP",
            "Ran 4 Primrose Hill laps this morning",
            "Scunthorpe 2, Grimsby 1. Freezing cold terrace, lukewarm tea, worth it",
        ] {
            assert!(fired(RULE, text, &personal()).is_empty(), "{text}");
        }
    }

    #[test]
    fn business_addresses_are_a_tip() {
        let found = fired(RULE, "Our new store is open! Visit us at 120 Market Street, 9-5 daily", &brand());
        assert_eq!(found, vec![("120 Market Street".to_string(), Severity::Low)]);
        assert!(!flags(RULE, "I live at 12 Oak Street", &dm()));
        assert!(flags(RULE, "jdoe@gmail.com, I live at 12 Oak Street", &dm()));
        assert!(flags(RULE, "my address is 48 Larch Road, Leeds LS6 2AB, courier it there", &dm()));
        assert!(flags(RULE, "I live at 12 Oak Street, near our shop", &brand()));
        assert!(!flags(RULE, "Returns to: Unit 4, Brookfield Industrial Estate, Leeds LS11 5PL", &brand()));
    }

    #[test]
    fn exact_utf16_span() {
        let f = crate::check("🏠 I live at 12 Oak Street", &personal());
        let f = f.iter().find(|f| f.rule == RULE).unwrap();
        assert_eq!((f.start, f.end), (13, 26));
    }
}
