//! `personal-data.birthdate`: a full date of birth, day, month and year,
//! announced by "DOB", "date of birth", "my birthday is" or "born on". A
//! birthday without a year, a year alone ("born in 1990"), a party date and
//! the birth of someone famous (no "I", "my", "our son" in the sentence)
//! stay quiet. A date of birth is worth a warning even in a DM.

use super::nearby::{keyword_starts, phrase_at, words_after, words_before};
use super::{with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::words::{words, WordList};

pub struct Birthdate;

/// Phrases that announce a date of birth; `true` when they need a person
/// close to the writer in the sentence ("born" alone is about anyone).
const ANNOUNCERS: &[(&str, bool)] = &[
    ("dob", false),
    ("d.o.b", false),
    ("date of birth", false),
    ("birth date", false),
    ("birthdate", false),
    ("birthday", false),
    ("bday", false),
    ("b-day", false),
    ("born", true),
];

/// Words between the announcer and the date.
const FILLERS: WordList = words!("is|was|on|the|s|its|it|falls|of");

/// Someone close enough to the writer that their birth date is personal.
#[rustfmt::skip]
const PEOPLE: WordList = words!(
    "i|im|me|my|we|our|son|daughter|baby|babies|kid|kids|wife|husband|partner|brother|sister|",
    "mom|mum|dad|child|twins|grandson|granddaughter|nephew|niece|boyfriend|girlfriend",
);

#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];

impl Rule for Birthdate {
    fn id(&self) -> &'static str {
        "personal-data.birthdate"
    }

    fn category(&self) -> Category {
        Category::PersonalData
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        let s = doc.folded.as_str();
        let starts = keyword_starts(input, "birth");
        let mut seen = Vec::new();
        for &(phrase, needs_person) in ANNOUNCERS {
            for &start in &starts {
                let Some(after) = phrase_at(s, start, phrase) else {
                    continue;
                };
                // "my son was born on ...", "Born 02/11/1990, ... my date of birth".
                let person_near = words_before(s, start, 12)
                    .iter()
                    .chain(words_after(s, after, 12).iter())
                    .any(|w| super::listed(PEOPLE, w));
                // A post that opens with "Born 12 March 1987" speaks of its writer,
                // and so does a sentence opening that way in a post about the
                // writer's birthday ("Happy birthday to me! Born 14/03/1996").
                let before = s[..start].trim_end_matches(' ');
                let opens_post = before.trim().is_empty();
                let own_birthday = ["to me", "to my", "my birthday", "birthday girl", "birthday boy", "birthday twin"]
                    .iter()
                    .any(|p| before.contains(p));
                // An emoji ends a sentence too: "18 today 🎂 born 02/09/2006".
                let opens_sentence =
                    before.ends_with(|c: char| matches!(c, '.' | '!' | '?' | '\n') || c >= '\u{2600}') && own_birthday;
                if needs_person && !person_near && !opens_post && !opens_sentence {
                    continue;
                }
                let Some((d0, d1)) = date_after(s, after) else {
                    continue;
                };
                if seen.contains(&d0) {
                    continue;
                }
                seen.push(d0);
                out.push(with_action(
                    self.finding(Severity::Medium, doc.span(d0, d1), "This looks like a date of birth.".into()),
                    Action::Mask,
                ));
            }
        }
    }
}

/// The words after `pos` with the text between them, stopping at the end
/// of the sentence: (start, end, separator before it).
fn words_from(s: &str, pos: usize, max: usize) -> Vec<(usize, usize, &str)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = pos;
    let mut gap_start = pos;
    while i < b.len() && out.len() < max {
        let c = b[i];
        if c.is_ascii_alphanumeric() {
            let start = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            out.push((start, i, &s[gap_start..start]));
            gap_start = i;
            continue;
        }
        if matches!(c, b'\n' | b'!' | b'?' | b';' | b'(' | b')') {
            break;
        }
        i += 1;
    }
    out
}

fn month_of(w: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() >= 3 && m.starts_with(w) && (w.len() == 3 || w == "sept")))
        .map(|i| i as u32 + 1)
}

fn day_of(w: &str) -> Option<u32> {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &w[digits..];
    if !(1..=2).contains(&digits) || !matches!(rest, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    w[..digits].parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_of(w: &str, short_ok: bool) -> Option<u32> {
    if !w.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let v: u32 = w.parse().ok()?;
    match w.len() {
        4 => (1900..=2099).contains(&v).then_some(v),
        2 if short_ok => Some(v),
        _ => None,
    }
}

/// A full date (day, month and year) right after `pos`, past a few filler
/// words and punctuation.
fn date_after(s: &str, pos: usize) -> Option<(usize, usize)> {
    let words = words_from(s, pos, 9);
    let mut first = 0;
    while first < words.len() && first < 4 {
        let (a, b, gap) = words[first];
        if gap.trim_matches([' ', ':', '-', '=', ',', '\'', '.']).is_empty() && super::listed(FILLERS, &s[a..b]) {
            first += 1;
        } else {
            break;
        }
    }
    // Leave out "of" and "the" inside the date ("4th of March").
    let rest: Vec<&(usize, usize, &str)> =
        words[first..].iter().filter(|(a, b, _)| !matches!(&s[*a..*b], "of" | "the")).take(3).collect();
    if rest.len() < 3 {
        return None;
    }
    let w = |k: usize| &s[rest[k].0..rest[k].1];
    let gap = |k: usize| rest[k].2;
    // Nothing but a little punctuation inside the date.
    let tight = |k: usize| gap(k).len() <= 4 && gap(k).bytes().all(|c| matches!(c, b' ' | b',' | b'.' | b'-' | b'/'));
    if !(tight(1) && tight(2)) {
        return None;
    }
    let numeric_sep = |k: usize| matches!(gap(k), "/" | "-" | ".");
    let span = (rest[0].0, rest[2].1);
    let named = (month_of(w(0)).is_some() && day_of(w(1)).is_some() && year_of(w(2), false).is_some())
        || (day_of(w(0)).is_some() && month_of(w(1)).is_some() && year_of(w(2), false).is_some());
    if named {
        return Some(span);
    }
    let same_sep = numeric_sep(1) && gap(1) == gap(2);
    if !same_sep {
        return None;
    }
    let num = |k: usize| w(k).parse::<u32>().ok().filter(|_| w(k).len() <= 2);
    let dm = matches!((num(0), num(1)), (Some(a), Some(b)) if (1..=31).contains(&a) && (1..=31).contains(&b) && (a <= 12 || b <= 12));
    let ymd = year_of(w(0), false).is_some()
        && num(1).is_some_and(|m| (1..=12).contains(&m))
        && num(2).is_some_and(|d| (1..=31).contains(&d));
    (ymd || (dm && year_of(w(2), true).is_some())).then_some(span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    const RULE: &str = "personal-data.birthdate";

    #[test]
    fn finds_full_birth_dates() {
        for (text, date) in [
            ("DOB: 04/03/1990", "04/03/1990"),
            ("my date of birth is 1990-03-04 btw", "1990-03-04"),
            ("I was born on March 4, 1990 in Ohio", "March 4, 1990"),
            ("My birthday is the 4th of March 1990!", "4th of March 1990"),
            ("Happy birthday to me! Born 14/03/1996, same day as Einstein", "14/03/1996"),
            ("Birthday girl!\nBorn 14/03/1989 in Swindon", "14/03/1989"),
            ("happy birthday to my baby sister!! 18 today 🎂 born 02/09/2006 at 4am", "02/09/2006"),
            ("our son was born 12.05.2019.", "12.05.2019"),
            ("d.o.b. 4 Mar 1990", "4 Mar 1990"),
            ("born 12 March 1987, still waiting on that renewal", "12 March 1987"),
            ("bday: 3/4/90", "3/4/90"),
            ("ＤＯＢ ０４／０３／１９９０", "０４／０３／１９９０"),
        ] {
            assert_eq!(fired(RULE, text, &personal()), vec![(date.to_string(), Severity::Medium)], "{text}");
        }
    }

    #[test]
    fn ignores_partial_dates_and_other_people() {
        for text in [
            "my birthday is March 4!",
            "I was born in 1990",
            "Einstein was born on 14 March 1879",
            "Happy birthday to Serena Williams! Born 26/09/1981 in Saginaw.",
            "Happy birthday to Serena Williams 🎂 born 26/09/1981 in Saginaw.",
            "I love this biography. Born 14 March 1956 in Ulm, she changed physics",
            "Mozart was born on 27 January 1756 in Salzburg",
            "birthday party on Saturday, 12/05",
            "happy birthday! see you 12/05/2024",
            "Born on this day in 1990: the web",
            "birthday plans for march 4 2 people",
        ] {
            assert!(fired(RULE, text, &personal()).is_empty(), "{text}");
        }
    }

    #[test]
    fn dm_still_warns_and_spans_are_exact() {
        assert!(flags(RULE, "DOB: 04/03/1990", &dm()));
        assert!(flags(RULE, "DOB: 04/03/1990", &brand()));
        let f = crate::check("🎂 DOB 04/03/1990", &personal());
        let f = f.iter().find(|f| f.rule == RULE).unwrap();
        assert_eq!((f.start, f.end), (7, 17));
    }
}
