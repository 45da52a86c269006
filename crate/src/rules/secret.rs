//! `credentials.secret`: passwords, PINs, one-time codes and security
//! answers written out: "my password is X", "pw: X", "PIN is 4921",
//! "verification code: 482913", "mother's maiden name is X". Only the value
//! is marked. A keyword needs a connector ("is", ":", "=") and a value
//! that looks like one: codes are digits, a password is not a word like
//! "wrong" or "reset", and advice ("if your password is...", "the most
//! common password is...") or other codes ("zip code", "dress code") stay
//! quiet.

use super::nearby::{find_phrase, words_after, words_before};
use super::{with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};

pub struct Secret;

const DM_LESSON: &str = "A password or code in a direct message stays in both inboxes, in backups and in every screenshot, and a hijacked account on either side leaks it. Codes are also what scammers ask for: nobody legitimate needs yours.";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// Passwords and passphrases: any value that is not an ordinary word.
    Password,
    /// `pass`, `wifi`: only with `:` or `=` and a value with a digit or symbol.
    WeakPassword,
    /// PINs and one-time codes: digits.
    Code,
    /// Bare `code`: digits, and a connector, and no modifier before it.
    BareCode,
    /// Security answers: a word.
    Answer,
}

const KEYWORDS: &[(&str, Kind, &str)] = &[
    ("password", Kind::Password, "a password"),
    ("passwd", Kind::Password, "a password"),
    ("pwd", Kind::Password, "a password"),
    ("pw", Kind::Password, "a password"),
    ("pword", Kind::Password, "a password"),
    ("passcode", Kind::Password, "a passcode"),
    ("passphrase", Kind::Password, "a passphrase"),
    ("wifi password", Kind::Password, "a Wi-Fi password"),
    ("wi-fi password", Kind::Password, "a Wi-Fi password"),
    ("wifi pw", Kind::Password, "a Wi-Fi password"),
    ("wifi key", Kind::Password, "a Wi-Fi password"),
    ("pass", Kind::WeakPassword, "a password"),
    ("wifi", Kind::WeakPassword, "a Wi-Fi password"),
    ("pin", Kind::Code, "a PIN"),
    ("otp", Kind::Code, "a one-time code"),
    ("one-time code", Kind::Code, "a one-time code"),
    ("one time code", Kind::Code, "a one-time code"),
    ("verification code", Kind::Code, "a verification code"),
    ("security code", Kind::Code, "a security code"),
    ("auth code", Kind::Code, "a login code"),
    ("authentication code", Kind::Code, "a login code"),
    ("2fa code", Kind::Code, "a login code"),
    ("2fa", Kind::Code, "a login code"),
    ("login code", Kind::Code, "a login code"),
    ("confirmation code", Kind::Code, "a confirmation code"),
    ("access code", Kind::Code, "an access code"),
    ("door code", Kind::Code, "a door code"),
    ("gate code", Kind::Code, "a gate code"),
    ("alarm code", Kind::Code, "an alarm code"),
    ("lock code", Kind::Code, "a lock code"),
    ("garage code", Kind::Code, "a door code"),
    ("cvv", Kind::Code, "a card security code"),
    ("cvc", Kind::Code, "a card security code"),
    ("code", Kind::BareCode, "a code"),
    ("maiden name", Kind::Answer, "a security answer"),
    ("security answer", Kind::Answer, "a security answer"),
    ("first pet's name", Kind::Answer, "a security answer"),
    ("first pet", Kind::Answer, "a security answer"),
];

/// Words right before a keyword that make it an example or advice.
const NOT_MINE: &[&str] = &[
    "common", "popular", "worst", "default", "example", "sample", "weak", "bad", "strong",
    "good", "typical", "best", "secure", "dummy", "fake", "placeholder", "temporary", "hint",
    "generated",
];

/// Words shortly before a keyword that make the sentence hypothetical.
const HYPOTHETICAL: &[&str] = &[
    "if", "unless", "whether", "never", "should", "shouldn", "like", "eg", "e", "g", "assume",
    "imagine", "suppose", "when", "what", "how", "why", "ensure", "make",
];

/// Words that, before a bare "code", make it some other code.
const CODE_OWNERS: &[&str] = &["the", "my", "your", "our", "his", "her", "their", "this", "that", "its", "new", "secret"];

/// What a password is said to be when the text is not the password.
const NOT_VALUES: &[&str] = &[
    "the", "a", "an", "too", "so", "very", "really", "weak", "strong", "wrong", "incorrect",
    "invalid", "expired", "required", "reset", "case", "same", "different", "changed", "not",
    "still", "just", "my", "your", "their", "our", "his", "her", "literally", "probably",
    "something", "protected", "saved", "stored", "encrypted", "hashed", "long", "short",
    "secure", "easy", "hard", "simple", "complicated", "compromised", "leaked", "stolen",
    "forgotten", "lost", "set", "updated", "working", "broken", "ok", "okay", "fine", "good",
    "bad", "great", "terrible", "awful", "none", "empty", "blank", "below", "above", "attached",
    "here", "there", "in", "on", "at", "for", "what", "which", "who", "that", "this", "it",
    "being", "going", "getting", "also", "again", "always", "never", "only", "all", "hidden",
    "private", "secret", "unknown", "needed", "mandatory", "optional", "manager", "sent",
    "shared", "emailed", "texted", "written", "about", "now", "and", "or", "to", "of", "is",
    "be", "was", "used", "reused", "required", "correct", "right", "accepted", "rejected",
    "ready", "done", "gone", "useless", "mandatory", "enabled", "disabled", "visible", "n/a",
    "na", "tbd", "xxx", "****", "...", "you", "me", "we", "they", "no", "yes", "yet", "one",
    "insecure", "unsafe", "safe", "obvious", "guessable", "predictable", "random", "unique",
    "case-sensitive", "see", "check", "ask", "dm", "email", "call", "text", "click", "use",
    "visit", "go", "follow", "contact", "read", "look", "enter", "type", "whatever", "anything",
    "nothing", "unchanged", "name", "a-z", "same-as",
];

/// Words after a number that make it a count, not a code.
const COUNT_WORDS: &[&str] = &[
    "lines", "years", "people", "times", "words", "characters", "chars", "digits", "bytes",
    "kb", "mb", "users", "loc", "ms", "seconds", "minutes", "hours", "days", "percent",
    "dollars", "views", "files", "commits", "tests", "steps",
];

impl Rule for Secret {
    fn id(&self) -> &'static str {
        "credentials.secret"
    }

    fn category(&self) -> Category {
        Category::Credentials
    }

    fn lesson(&self) -> &'static str {
        "A password or code posted even for a minute is copied by bots and kept in archives. Change it now, and share secrets only through a password manager's sharing feature."
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        let s = doc.folded.as_str();
        let mut taken: Vec<usize> = Vec::new();
        // Longer phrases first: "wifi password" before "password".
        let mut keywords = KEYWORDS.to_vec();
        keywords.sort_by_key(|k| std::cmp::Reverse(k.0.len()));
        for (keyword, kind, what) in keywords {
            for (start, end) in find_phrase(s, keyword) {
                if !announces(s, start, kind) {
                    continue;
                }
                let Some((v0, v1)) = value_after(s, end, kind) else {
                    continue;
                };
                let span = doc.span(v0, v1);
                if !plausible(&s[v0..v1], kind) || taken.contains(&v0) {
                    continue;
                }
                taken.push(v0);
                let wifi = keyword.starts_with("wi");
                let severity = if wifi && input.ctx.is_brand() {
                    Severity::Low
                } else {
                    Severity::High
                };
                let mut f = self.finding(severity, span, format!("This looks like {what}."));
                if input.ctx.is_dm() {
                    f.lesson = DM_LESSON;
                }
                out.push(with_action(f, Action::Mask));
            }
        }
    }
}

/// Whether the keyword at `start` is about the writer's actual secret.
fn announces(s: &str, start: usize, kind: Kind) -> bool {
    let before = words_before(s, start, 4);
    if before.first().is_some_and(|w| NOT_MINE.contains(w))
        || before.iter().take(3).any(|w| HYPOTHETICAL.contains(w))
    {
        return false;
    }
    match kind {
        Kind::BareCode => before.first().map_or(true, |w| CODE_OWNERS.contains(w)),
        // "bus pass", "boarding pass", "day pass": only a bare "pass".
        Kind::WeakPassword => before.first().map_or(true, |w| CODE_OWNERS.contains(w)),
        // "bobby pin", "safety pin".
        Kind::Code => !before
            .first()
            .is_some_and(|w| matches!(*w, "bobby" | "safety" | "hair" | "lapel" | "push" | "bowling" | "rolling" | "drawing" | "enamel")),
        _ => true,
    }
}

/// The value after a keyword ending at `pos`: past a connector (`:`, `=`,
/// "is", "was", "is now", "changed to"), a quote, up to the next space.
fn value_after(s: &str, pos: usize, kind: Kind) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut i = pos;
    let mut connector = false;
    let mut symbol = false;
    // "'s" in "pet's", "password's".
    if s[i..].starts_with("'s ") {
        i += 2;
        connector = true;
    }
    loop {
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        let rest = &s[i..];
        if let Some(p) = [":", "=", "->", "-", "\u{2014}", "\u{2013}"]
            .iter()
            .find(|p| rest.starts_with(**p))
        {
            i += p.len();
            connector = true;
            symbol = true;
            continue;
        }
        let word = rest
            .split(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or("");
        let joins = matches!(word, "is" | "was" | "now" | "still" | "changed" | "set" | "to" | "are" | "were" | "became" | "be")
            || (connector && matches!(word, "just" | "literally" | "actually"));
        if joins && !word.is_empty() {
            i += word.len();
            connector = true;
            continue;
        }
        break;
    }
    let quote = ['"', '\'', '`', '\u{201c}', '\u{2018}', '\u{ab}']
        .iter()
        .find(|q| s[i..].starts_with(**q));
    if let Some(q) = quote {
        i += q.len_utf8();
    }
    let start = i;
    let mut end = i;
    while end < b.len() && !b[end].is_ascii_whitespace() {
        end += 1;
    }
    // Codes may be written in two groups: "482 913".
    if matches!(kind, Kind::Code | Kind::BareCode) {
        let digits = |a: usize, z: usize| b[a..z].iter().all(u8::is_ascii_digit);
        if end + 1 < b.len() && b[end] == b' ' && digits(start, end) && end - start <= 4 {
            let mut e2 = end + 1;
            while e2 < b.len() && b[e2].is_ascii_digit() {
                e2 += 1;
            }
            if e2 - end - 1 >= 2 && e2 - end - 1 <= 4 && (e2 == b.len() || !b[e2].is_ascii_alphanumeric()) {
                end = e2;
            }
        }
    }
    // Trailing punctuation and a closing quote are not part of it.
    while end > start {
        let last = s[..end].chars().next_back()?;
        let code = matches!(kind, Kind::Code | Kind::BareCode) && last == '!';
        if code || matches!(last, '.' | ',' | '?' | ';' | ':' | ')' | '"' | '\'' | '`' | '\u{201d}' | '\u{2019}' | '\u{bb}') {
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    if start >= end {
        return None;
    }
    let value = &s[start..end];
    let next_is_count = words_after(s, end, 1)
        .first()
        .is_some_and(|w| COUNT_WORDS.contains(w));
    let ok = match kind {
        Kind::Password => connector || quote.is_some() || mixed(value),
        Kind::WeakPassword => symbol && (mixed(value) || value.len() >= 8),
        Kind::Code => (connector || quote.is_some() || code_like(value)) && !next_is_count,
        Kind::BareCode => connector && !next_is_count,
        Kind::Answer => connector,
    };
    ok.then_some((start, end))
}

/// Letters and digits together, or a symbol: "hunter2", "s3cret!".
fn mixed(v: &str) -> bool {
    let digit = v.bytes().any(|c| c.is_ascii_digit());
    let alpha = v.bytes().any(|c| c.is_ascii_alphabetic());
    let symbol = v.bytes().any(|c| c.is_ascii_punctuation());
    (digit && alpha) || (symbol && (digit || alpha))
}

/// Four to eight digits, optionally in two groups, or a short code with a
/// letter prefix ("G-482913").
fn code_like(v: &str) -> bool {
    let v = v.trim_end_matches(['#', '*']);
    let digits = v.bytes().filter(u8::is_ascii_digit).count();
    let letters = v.bytes().filter(u8::is_ascii_alphabetic).count();
    (4..=8).contains(&digits)
        && letters <= 2
        && v.bytes().all(|c| c.is_ascii_alphanumeric() || matches!(c, b' ' | b'-'))
}

/// The value (folded) looks like a secret of its kind.
fn plausible(v: &str, kind: Kind) -> bool {
    let refused = NOT_VALUES.contains(&v)
        || v.starts_with("http")
        || v.contains("://")
        || v.starts_with(['@', '#', '$'])
        || !v.bytes().any(|c| c.is_ascii_alphanumeric());
    if refused {
        return false;
    }
    match kind {
        Kind::Password | Kind::WeakPassword => (3..=64).contains(&v.chars().count()),
        Kind::Code | Kind::BareCode => code_like(v),
        Kind::Answer => {
            v.len() >= 2 && v.bytes().all(|c| c.is_ascii_alphabetic() || c == b'-' || c == b'\'')
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    const RULE: &str = "credentials.secret";

    fn one(text: &str, ctx: &crate::Context) -> (String, Severity) {
        let found = fired(RULE, text, ctx);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found[0].clone()
    }

    #[test]
    fn finds_stated_secrets() {
        for (text, value) in [
            ("my password is hunter2 lol", "hunter2"),
            ("pw: Tr0ub4dor&3", "Tr0ub4dor&3"),
            ("pass = Summer2024!", "Summer2024!"),
            ("my PIN is 4921.", "4921"),
            ("the code is 482913", "482913"),
            ("Your verification code: 482 913", "482 913"),
            ("mother's maiden name is Kowalski", "Kowalski"),
            ("wifi password is \"CoffeeLover99\"", "CoffeeLover99"),
            ("new password: sunshine", "sunshine"),
            ("OTP ４８２９１３ pls", "４８２９１３"),
            ("door code 1234# for the guests", "1234#"),
        ] {
            assert_eq!(
                one(text, &personal()),
                (value.to_string(), Severity::High),
                "{text}"
            );
        }
    }

    #[test]
    fn ignores_talk_about_secrets() {
        for text in [
            "forgot my password again lol",
            "password reset instructions are on our help page",
            "never share your PIN with anyone",
            "use a strong password",
            "PIN code area",
            "my password is too weak",
            "the password is case-sensitive",
            "If your password is 123456, change it now",
            "the most common password is 123456",
            "the dress code is casual",
            "zip code is 94110",
            "promo code is SAVE20",
            "the code is 2000 lines long",
            "the code is on the back of the card",
            "bus pass: 20 dollars",
            "lost my bobby pin: 2 left",
            "password: ********",
            "Password must be 8 characters",
            "pw: see the link https://example.com/reset",
        ] {
            assert!(fired(RULE, text, &personal()).is_empty(), "{text}: {:?}", fired(RULE, text, &personal()));
        }
    }

    #[test]
    fn context_changes_severity_and_lesson() {
        // A café posting its guest Wi-Fi is not a leak.
        assert_eq!(
            one("Guest wifi password: LatteArt2024", &brand()),
            ("LatteArt2024".to_string(), Severity::Low)
        );
        let found = crate::check("my pin is 4921", &dm());
        let f = found.iter().find(|f| f.rule == RULE).unwrap();
        assert_eq!(f.severity, Severity::High);
        assert_eq!(f.lesson, DM_LESSON);
        assert_eq!((f.start, f.end), (10, 14));
        assert_eq!(f.action, Some(Action::Mask));
    }
}
