//! `credentials.secret`: passwords, PINs, one-time codes and security
//! answers written out: "my password is X", "pw: X", "PIN is 4921",
//! "verification code: 482913", "mother's maiden name is X". Only the value
//! is marked. A keyword needs a connector ("is", ":", "=") and a value
//! that looks like one: codes are digits, a password is not a word like
//! "wrong" or "reset", and advice ("if your password is...", "the most
//! common password is...") or other codes ("zip code", "dress code") stay
//! quiet.

use super::nearby::{keyword_starts, phrase_at, words_after, words_before};
use super::{with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::text::Doc;
use crate::words::{words, WordList};

pub struct Secret;

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
    /// "login", "credentials": `user / password` or `user:password`; the
    /// password is marked.
    Login,
    /// Backup and recovery codes: every code in the list.
    CodeList,
}

/// A folded letter or digit as an index below 36.
fn letter_index(b: u8) -> Option<usize> {
    match b {
        b'a'..=b'z' => Some(usize::from(b - b'a')),
        b'0'..=b'9' => Some(26 + usize::from(b - b'0')),
        _ => None,
    }
}

/// Longer phrases first ("wifi password" before "password"): the first
/// keyword that takes a value wins it. A test keeps it so.
const KEYWORDS: &[(&str, Kind, &str)] = &[
    ("security question answer", Kind::Answer, "a security answer"),
    ("authentication code", Kind::Code, "a login code"),
    ("security questions", Kind::Answer, "a security answer"),
    ("security question", Kind::Answer, "a security answer"),
    ("verification code", Kind::Code, "a verification code"),
    ("confirmation code", Kind::Code, "a confirmation code"),
    ("safe combination", Kind::Code, "a safe combination"),
    ("first pet's name", Kind::Answer, "a security answer"),
    ("security answer", Kind::Answer, "a security answer"),
    ("recovery phrase", Kind::Password, "a recovery phrase"),
    ("wi-fi password", Kind::Password, "a Wi-Fi password"),
    ("recovery codes", Kind::CodeList, "recovery codes"),
    ("override code", Kind::Code, "an override code"),
    ("key safe code", Kind::Code, "a key safe code"),
    ("wifi password", Kind::Password, "a Wi-Fi password"),
    ("one-time code", Kind::Code, "a one-time code"),
    ("one time code", Kind::Code, "a one-time code"),
    ("security code", Kind::Code, "a security code"),
    ("login details", Kind::Login, "a password"),
    ("recovery code", Kind::CodeList, "a recovery code"),
    ("keysafe code", Kind::Code, "a key safe code"),
    ("lockbox code", Kind::Code, "a lockbox code"),
    ("backup codes", Kind::CodeList, "backup codes"),
    ("locker combo", Kind::Code, "a locker combination"),
    ("locker code", Kind::Code, "a lock code"),
    ("combination", Kind::Code, "a combination"),
    ("access code", Kind::Code, "an access code"),
    ("keypad code", Kind::Code, "a door code"),
    ("garage code", Kind::Code, "a door code"),
    ("credentials", Kind::Login, "a password"),
    ("backup code", Kind::CodeList, "a backup code"),
    ("maiden name", Kind::Answer, "a security answer"),
    ("seed phrase", Kind::Password, "a recovery phrase"),
    ("passphrase", Kind::Password, "a passphrase"),
    ("login code", Kind::Code, "a login code"),
    ("guard code", Kind::Code, "a login code"),
    ("alarm code", Kind::Code, "an alarm code"),
    ("auth code", Kind::Code, "a login code"),
    ("door code", Kind::Code, "a door code"),
    ("till code", Kind::Code, "a till code"),
    ("bike lock", Kind::Code, "a lock code"),
    ("gate code", Kind::Code, "a gate code"),
    ("lock code", Kind::Code, "a lock code"),
    ("first pet", Kind::Answer, "a security answer"),
    ("password", Kind::Password, "a password"),
    ("passcode", Kind::Password, "a passcode"),
    ("wifi key", Kind::Password, "a Wi-Fi password"),
    ("2fa code", Kind::Code, "a login code"),
    ("wifi pw", Kind::Password, "a Wi-Fi password"),
    ("lockbox", Kind::Code, "a lockbox code"),
    ("padlock", Kind::Code, "a lock code"),
    ("passwd", Kind::Password, "a password"),
    ("log-in", Kind::Login, "a password"),
    ("keypad", Kind::Code, "a door code"),
    ("pword", Kind::Password, "a password"),
    ("login", Kind::Login, "a password"),
    ("creds", Kind::Login, "a password"),
    ("combo", Kind::Code, "a combination"),
    ("pass", Kind::WeakPassword, "a password"),
    ("wifi", Kind::WeakPassword, "a Wi-Fi password"),
    ("code", Kind::BareCode, "a code"),
    ("pwd", Kind::Password, "a password"),
    ("pin", Kind::Code, "a PIN"),
    ("otp", Kind::Code, "a one-time code"),
    ("2fa", Kind::Code, "a login code"),
    ("cvv", Kind::Code, "a card security code"),
    ("cvc", Kind::Code, "a card security code"),
    ("pw", Kind::Password, "a password"),
];

/// Words right before a keyword that make it an example or advice.
#[rustfmt::skip]
/// Relatives a generation or more above the writer's parents, and aunts.
const ELDERS: WordList = words!("gran|grandma|grandmother|granny|nan|nana|nanna|grandad|grandpa|aunt|auntie|great");

const NOT_MINE: WordList = words!(
    "common|popular|worst|default|example|sample|weak|bad|strong|good|typical|best|secure|",
    "dummy|fake|placeholder|hint",
);

/// Words shortly before a keyword that make the sentence hypothetical.
const HYPOTHETICAL: WordList = words!(
    "if|unless|whether|never|should|shouldn|like|eg|e|g|assume|imagine|suppose|when|what|how|",
    "why|ensure|make",
);

/// Words that, before a bare "code", make it some other code.
#[rustfmt::skip]
const CODE_OWNERS: WordList = words!(
    "the|my|your|our|his|her|their|this|that|its|new|secret|me|a|texted|sent|got|received|bank|",
    "sms|login|till|app|override|verification",
);

/// Passes that are tickets, not passwords.
#[rustfmt::skip]
const PASS_KINDS: WordList = words!(
    "bus|boarding|day|season|access|backstage|hall|free|vip|press|guest|weekly|monthly|annual|",
    "ski|park|museum|festival|rail|train|gym|event|summer|bike|travel|metro|transit|mountain|",
    "year|week|fast|express|digital|game|battle|parking|visitor|weekend|golf|pool|zoo|city|",
    "tourist|family|student|senior|media|all|public",
);

/// What a password is said to be when the text is not the password.
#[rustfmt::skip]
const NOT_VALUES: WordList = words!(
    "the|a|an|too|so|very|really|weak|strong|wrong|incorrect|invalid|expired|required|reset|",
    "case|same|different|changed|not|still|just|my|your|their|our|his|her|literally|probably|",
    "something|protected|saved|stored|encrypted|hashed|long|short|secure|easy|hard|simple|",
    "complicated|compromised|leaked|stolen|forgotten|lost|set|updated|working|broken|ok|okay|",
    "fine|good|bad|great|terrible|awful|none|empty|blank|below|above|attached|here|there|in|on|",
    "at|for|what|which|who|that|this|it|being|going|getting|also|again|always|never|only|all|",
    "hidden|private|secret|unknown|needed|mandatory|optional|manager|sent|shared|emailed|",
    "texted|written|about|now|and|or|to|of|is|be|was|used|reused|required|correct|right|",
    "accepted|rejected|ready|done|gone|useless|mandatory|enabled|disabled|visible|n/a|na|tbd|",
    "xxx|****|...|you|me|we|they|no|yes|yet|one|insecure|unsafe|safe|obvious|guessable|",
    "predictable|random|unique|case-sensitive|see|check|ask|dm|email|call|text|click|use|visit|",
    "go|follow|contact|read|look|enter|type|whatever|anything|nothing|unchanged|name|a-z|",
    "same-as|remember|forget|memorise|memorize|guess|change|protect|share|manage|patience|",
    "kindness|consistency|persistence|practice|teamwork|love|gratitude",
);

/// Words after a number that make it a count, not a code.
#[rustfmt::skip]
const COUNT_WORDS: WordList = words!(
    "lines|years|people|times|words|characters|chars|digits|bytes|kb|mb|users|loc|ms|seconds|",
    "minutes|hours|days|percent|dollars|pounds|euros|quid|bucks|yen|views|files|commits|tests|steps|",
    "pence|cents|rand|rupees|naira|shillings|pesos",
);

impl Rule for Secret {
    fn id(&self) -> &'static str {
        "credentials.secret"
    }

    fn category(&self) -> Category {
        Category::Credentials
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        let s = doc.folded.as_str();
        let starts = keyword_starts(input, "secret");
        if starts.is_empty() {
            return;
        }
        // Starts by their first letter, each list in text order: a long post
        // has hundreds of word starts and each keyword needs only its letter's.
        let mut by_letter: [Vec<usize>; 36] = std::array::from_fn(|_| Vec::new());
        for &start in &starts {
            if let Some(i) = s.as_bytes().get(start).and_then(|&b| letter_index(b)) {
                by_letter[i].push(start);
            }
        }
        let mut taken: Vec<usize> = Vec::new();
        for &(keyword, kind, what) in KEYWORDS {
            let Some(letter) = letter_index(keyword.as_bytes()[0]) else {
                continue;
            };
            for &start in &by_letter[letter] {
                let Some(end) = phrase_at(s, start, keyword) else {
                    continue;
                };
                // "password manager", "password reset": about the tool, not the
                // password; "The Password Is Courage": a title.
                if !announces(s, start, kind)
                    || in_title(doc, start)
                    || words_after(s, end, 1).first().is_some_and(|w| super::listed(NOT_AFTER, w))
                {
                    continue;
                }
                // "PW-TRK-55820", "pin-sharp": the keyword begins a longer word.
                if s[end..].starts_with('-') && s.as_bytes().get(end + 1).is_some_and(u8::is_ascii_alphanumeric) {
                    continue;
                }
                // "PIN code 560034": an Indian postal code.
                if keyword == "pin" && postal_pin(s, end) {
                    continue;
                }
                // A café's guest Wi-Fi is for its customers; "Staff wifi" is not.
                let wifi = keyword.starts_with("wi");
                let staff = words_before(s, start, 1).first().is_some_and(|w| super::listed(STAFF, w));
                let mut severity = if wifi && input.ctx.is_brand() && !staff { Severity::Low } else { Severity::High };
                let mut message = format!("This looks like {what}.");
                // "Security question: first pet?" states the question; the
                // answer comes later ("It's Biscuit").
                let asks = |v0: usize, v1: usize| {
                    keyword == "security question"
                        && (s[v1..].trim_start().starts_with('?')
                            || super::listed(
                                words!("first|what|which|mother's|mothers|favourite|favorite"),
                                &s[v0..v1],
                            ))
                };
                let after = value_after(s, end, kind).filter(|&(v0, v1, _)| !asks(v0, v1));
                let found = match after {
                    Some((v0, v1, connector)) => {
                        let span = doc.span(v0, v1);
                        let named = doc.original(span.0, span.1).starts_with(char::is_uppercase);
                        let value = &s[v0..v1];
                        if kind == Kind::Login {
                            password_of_pair(s, v0, v1)
                        } else if kind == Kind::CodeList && plausible(value, kind) {
                            Some((v0, more_codes(s, v1)))
                        } else if plausible(value, kind) && (kind != Kind::Answer || connector || named) {
                            Some((v0, v1))
                        } else if let Some(h) = hint(s, v0, kind) {
                            // "my PIN is the year I was born": not the secret, but a way to it.
                            severity = severity.min(Severity::Medium);
                            message = format!("This tells people how to guess {what}.");
                            Some(h)
                        } else if kind == Kind::Answer {
                            answer_nearby(doc, v1)
                        } else {
                            None
                        }
                    }
                    None if kind == Kind::Answer => answer_nearby(doc, end),
                    None => None,
                };
                // "Biscuit2019, as my password"; "forgot my PIN again, it's 4471";
                // "seed phrase so I don't lose it: orbit velvet canyon ...".
                let found = if keyword.ends_with(" phrase") { word_run(doc, end).or(found) } else { found };
                let found = found.or_else(|| value_before(s, start, kind)).or_else(|| value_nearby(doc, end, kind));
                let Some((v0, v1)) = found else {
                    continue;
                };
                if taken.contains(&v0) {
                    continue;
                }
                taken.push(v0);
                let span = doc.span(v0, v1);
                let mut f = self.finding(severity, span, message);
                if input.ctx.is_dm() {
                    f.lesson = super::dm_lesson(self.id()).into();
                }
                out.push(with_action(f, Action::Mask));
            }
        }
        // "password reset didn't work, current one is Winter!2025", "login: x pass
        // Tulip2020": a password-shaped word in a sentence about a password.
        // "my bank's code just came through, 662019": a code someone was sent.
        if taken.is_empty() {
            let shaped = password_shaped(doc)
                .map(|v| (v, "This looks like a password."))
                .or_else(|| sent_code(doc).map(|v| (v, "This looks like a one-time code.")));
            if let Some(((v0, v1), message)) = shaped {
                let f = self.finding(Severity::High, doc.span(v0, v1), message.into());
                out.push(with_action(f, Action::Mask));
            }
        }
    }
}

/// A word shaped like the passwords people pick ("Winter!2025", "Tulip2020":
/// a capitalised word, then three or more digits or a symbol and digits) in
/// the same sentence as "password", "pass", "pw" or "login", or after an
/// e-mail address and a slash ("x@gmail.com / Paddington!94"). Folded byte
/// range.
fn password_shaped(doc: &Doc) -> Option<(usize, usize)> {
    let mut keyword = None;
    for (i, t) in doc.tokens.iter().enumerate() {
        // Every word is read here: a `matches!` rejects most by length alone.
        if matches!(
            doc.word(t),
            "password" | "pass" | "pw" | "pwd" | "login" | "log" | "username" | "creds" | "account" | "wifi" | "fi"
        ) {
            keyword = Some(i);
            continue;
        }
        if i == 0 {
            continue;
        }
        // "corbettfam88 / Tangerine88": a user name and its password.
        let slash = doc.folded.as_bytes()[doc.tokens[i - 1].end..t.start].contains(&b'/');
        let user = if slash {
            &doc.folded[doc.folded[..doc.tokens[i - 1].end].rfind(' ').map_or(0, |at| at + 1)..t.start]
        } else {
            ""
        };
        let pair = user.bytes().any(|c| c.is_ascii_digit() || c == b'@');
        let email = pair && user.contains('@');
        if !(email || keyword.is_some_and(|k| doc.same_sentence(k, i))) {
            continue;
        }
        // "Kiwi#Harbour77": the tokenizer reads a hashtag after "Kiwi".
        let first = if t.hashtag && matches!(doc.gap(i - 1, i), "" | "#") { i - 1 } else { i };
        // Said to be the password: "... is Winter!2025", "pass Tulip2020".
        let said = (first.saturating_sub(2)..first)
            .any(|j| matches!(doc.word(&doc.tokens[j]), "is" | "was" | "pass" | "pw" | "with" | "tried" | "using"))
            || (first > 0 && doc.gap(first - 1, first).contains([':', '/', '+']));
        if !said {
            continue;
        }
        let (a, z) = doc.token_span(first, i);
        if password_like(doc.original(a, z).as_bytes(), if pair { 2 } else { 3 }) {
            return Some((doc.tokens[first].start, t.end));
        }
    }
    None
}

/// Shaped like the passwords people pick: a capitalised word, then digits
/// (`min_digits` of them) or a symbol and a digit, maybe a second word
/// ("Tulip2020", "Winter!2025", "Autumn!Leaves9", "Nimbus#Corp2025"); not
/// an address or a version.
fn password_like(w: &[u8], min_digits: usize) -> bool {
    let letters = w.iter().filter(|c| c.is_ascii_alphabetic()).count();
    let digits = w.iter().filter(|c| c.is_ascii_digit()).count();
    let symbols = w.iter().filter(|c| b"!@#$%&*?".contains(c)).count();
    w.len() >= 7
        && w.first().is_some_and(u8::is_ascii_uppercase)
        && w.get(1).is_some_and(u8::is_ascii_lowercase)
        && letters >= 3
        && letters + digits + symbols == w.len()
        && symbols <= 2
        && (digits >= min_digits || digits >= 1 && symbols >= 1)
}

/// "Watching The Password Is Courage": the keyword capitalised, and the
/// verb after it too, in the middle of a sentence.
fn in_title(doc: &Doc, start: usize) -> bool {
    let i = doc.token_at_or_after(start);
    let toks = &doc.tokens;
    // A keyword glued inside a token ("db_password") starts no token.
    if toks.get(i).map_or(true, |t| t.start != start) {
        return false;
    }
    let opens = i == 0 || !doc.same_sentence(i - 1, i);
    !opens
        && toks[i].capitalized
        && toks.get(i + 1).is_some_and(|t| t.capitalized && matches!(doc.word(t), "is" | "was" | "to" | "of"))
}

/// "PIN code 560034", "pin code is 110001": six digits after "pin code"
/// are an Indian postal code, not a PIN.
fn postal_pin(s: &str, end: usize) -> bool {
    let words = words_after(s, end, 3);
    words.first() == Some(&"code")
        && words[1..].iter().any(|w| w.len() == 6 && w.bytes().all(|c| c.is_ascii_digit()) && !w.starts_with('0'))
}

/// Whether the keyword at `start` is about the writer's actual secret.
fn announces(s: &str, start: usize, kind: Kind) -> bool {
    let before = words_before(s, start, 4);
    if before.first().is_some_and(|w| super::listed(NOT_MINE, w))
        || before.iter().take(3).any(|w| super::listed(HYPOTHETICAL, w))
    {
        return false;
    }
    match kind {
        Kind::BareCode => before.first().map_or(true, |w| super::listed(CODE_OWNERS, w)),
        // "bus pass", "boarding pass", "day pass".
        Kind::WeakPassword => !before.first().is_some_and(|w| super::listed(PASS_KINDS, w)),
        // "my gran's maiden name is Hancock": family history, not the
        // writer's security answer (their mother's maiden name is).
        Kind::Answer => !before.iter().take(2).any(|w| super::listed(ELDERS, w)),
        // "bobby pin", "safety pin".
        Kind::Code => !before
            .first()
            .is_some_and(|w| super::listed(words!("bobby|safety|hair|lapel|push|bowling|rolling|drawing|enamel"), w)),
        _ => true,
    }
}

/// The value after a keyword ending at `pos`: past a connector (`:`, `=`,
/// "is", "was", "is now", "changed to"), a quote, up to the next space.
fn value_after(s: &str, pos: usize, kind: Kind) -> Option<(usize, usize, bool)> {
    let b = s.as_bytes();
    let mut i = pos;
    let mut connector = false;
    let mut symbol = false;
    // The last linking word read ("changed" before "to").
    let mut joined = "";
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
        if let Some(p) = [":", "=", "->", "-", "\u{2014}", "\u{2013}"].iter().find(|p| rest.starts_with(**p)) {
            i += p.len();
            connector = true;
            symbol = true;
            continue;
        }
        let word = rest.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("");
        // "changed to X", "changed my password to X", "PIN to 1990", but not
        // "the password to happiness is coffee".
        let digit_next = || rest[2..].trim_start().starts_with(|c: char| c.is_ascii_digit());
        let changed_before =
            || words_before(s, pos, 4).iter().any(|w| super::listed(words!("changed|set|reset|updated|change"), w));
        let to =
            word == "to" && (matches!(joined, "changed" | "set" | "reset" | "now") || digit_next() || changed_before());
        let joins = to
            || super::listed(words!("is|was|now|still|changed|set|are|were|became|be|reset"), word)
            || (connector && matches!(word, "just" | "literally" | "actually"));
        if joins && !word.is_empty() {
            i += word.len();
            connector = true;
            joined = word;
            continue;
        }
        break;
    }
    // "the password for my bank is X", "the code they texted me is X": a
    // few words, then "is" or ":".
    if !connector && kind != Kind::WeakPassword {
        if let Some(at) = far_connector(s, i) {
            i = at;
            while i < b.len() && b[i] == b' ' {
                i += 1;
            }
            connector = true;
        }
    }
    let quote = ['"', '\'', '`', '(', '\u{201c}', '\u{2018}', '\u{ab}'].iter().find(|q| s[i..].starts_with(**q));
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
            let second = e2 - end - 1;
            if (2..=4).contains(&second) && (e2 == b.len() || !b[e2].is_ascii_alphanumeric()) {
                end = e2;
            }
        }
    }
    // Trailing punctuation and a closing quote are not part of it.
    while end > start {
        let last = s[..end].chars().next_back()?;
        let code = matches!(kind, Kind::Code | Kind::BareCode) && last == '!';
        if code
            || matches!(last, '.' | ',' | '?' | ';' | ':' | ')' | '"' | '\'' | '`' | '\u{201d}' | '\u{2019}' | '\u{bb}')
        {
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    if start >= end {
        return None;
    }
    let value = &s[start..end];
    let next_is_count = count_follows(s, end);
    let ok = match kind {
        Kind::Password => connector || quote.is_some() || mixed(value),
        Kind::WeakPassword => symbol && (mixed(value) || value.len() >= 8),
        Kind::Code => (connector || quote.is_some() || code_like(value)) && !next_is_count,
        // "texted me code 482913": a one-time code needs no connector.
        Kind::BareCode => {
            (connector || (value.bytes().all(|c| c.is_ascii_digit()) && (5..=8).contains(&value.len())))
                && !next_is_count
        }
        Kind::Login => connector,
        // "MFA backup code 4821-9930".
        Kind::CodeList => connector || code_like(value),
        // Checked by the caller: a connector, or a capitalised name.
        Kind::Answer => true,
    };
    ok.then_some((start, end, connector))
}

/// Just past "is", "was" or ":" within five words of `from`, in the same
/// clause.
fn far_connector(s: &str, from: usize) -> Option<usize> {
    let b = s.as_bytes();
    // "the password to my bank is X", but "the password to happiness is
    // coffee" is a saying.
    let mut next = s[from..].split_whitespace();
    if next.next() == Some("to") && !next.next().is_some_and(|w| super::listed(OWNERS, w)) {
        return None;
    }
    let mut i = from;
    let mut words = 0;
    while i < b.len() && words <= 5 {
        match b[i] {
            b':' | b'=' => return Some(i + 1),
            b'.' | b',' | b'!' | b'?' | b';' | b'\n' | b'(' | b')' | b'"' => return None,
            c if c.is_ascii_alphanumeric() || c == b'\'' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'\'') {
                    i += 1;
                }
                if matches!(&s[start..i], "is" | "was" | "are") && words > 0 {
                    return Some(i);
                }
                // "Passphrase tip from IT: length beats complexity": advice about one.
                if super::listed(words!("tip|tips|advice|guide|rules|policy|hygiene"), &s[start..i]) {
                    return None;
                }
                words += 1;
            }
            _ => i += 1,
        }
    }
    None
}

/// Words that say whose account a password opens ("the password to my bank").
const OWNERS: WordList = words!("my|our|the|your|his|her|their|this|that|mum's|dad's");

/// In "user / password" or "user:password" at `v0..v1`, the password.
fn password_of_pair(s: &str, v0: usize, v1: usize) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    if let Some(at) = s[v0..v1].find([':', '/']) {
        let p0 = v0 + at + 1;
        return (v1 > p0 && plausible(&s[p0..v1], Kind::Login)).then_some((p0, v1));
    }
    let mut i = v1;
    while i < b.len() && b[i] == b' ' {
        i += 1;
    }
    if !matches!(b.get(i), Some(b'/' | b':' | b'|')) {
        return None;
    }
    i += 1;
    while i < b.len() && b[i] == b' ' {
        i += 1;
    }
    let p0 = i;
    while i < b.len() && !b[i].is_ascii_whitespace() {
        i += 1;
    }
    // "login: jdoe / pass: X" leaves the password to its own keyword.
    if s[p0..i].ends_with([':', '=']) {
        return None;
    }
    let p1 = p0 + s[p0..i].trim_end_matches(['.', ',', ';', ')', '"', '\'']).len();
    (p1 > p0 && plausible(&s[p0..p1], Kind::Login)).then_some((p0, p1))
}

/// "Forgot my PIN again so I'm writing it here: 4471", "forgot my password
/// again. It was Chelsea@1905": a value a few words on, right after `:` or
/// "it's"/"it was", in the keyword's sentence or at the start of the next.
/// Years ("it's 2024 and...") are not read as codes here.
fn value_nearby(doc: &Doc, from: usize, kind: Kind) -> Option<(usize, usize)> {
    if !matches!(kind, Kind::Code | Kind::BareCode | Kind::Password) {
        return None;
    }
    let s = doc.folded.as_str();
    let toks = &doc.tokens;
    let first = doc.token_at_or_after(from);
    let mut stops = 0;
    let word = |i: usize| doc.word(&toks[i]);
    for i in first..toks.len().min(first + 12) {
        let gap = &s[if i > first { toks[i - 1].end } else { from }..toks[i].start];
        if gap.bytes().any(crate::text::is_sentence_stop) {
            // Only a next sentence that opens with "it" or "mine": "... again.
            // It was X", "reset the PIN? Mine is 4471".
            stops += 1;
            if stops > 1 || !super::listed(words!("it|it's|its|mine|mine's"), word(i)) {
                return None;
            }
        }
        // After ":", "it's", or "it is"/"it was", all past the keyword; a PIN
        // or a door code also after "is", "was", "now" or "changed to" ("PIN
        // for the shared locker is 4417", "changed to 5581"), if a code that
        // is not a count follows ("the fee went up to 2500 yen" is no PIN).
        // A number in brackets too: "PIN is definitely right (5582)".
        // "It's literally 8264": a filler word may come between.
        const FILLERS: WordList = words!("literally|actually|just|definitely|still");
        if super::listed(FILLERS, word(i)) {
            continue;
        }
        let bracketed = gap.trim_end().ends_with('(') && doc.is_number(&toks[i]);
        let filler = i > first && super::listed(FILLERS, word(i - 1));
        let link = i - usize::from(filler);
        let said = gap.trim_end().ends_with(':')
            || bracketed
            || (link > first && super::listed(words!("it's|its|mine's"), word(link - 1)))
            || (link > first + 1
                && super::listed(words!("is|was"), word(link - 1))
                && super::listed(words!("it|mine"), word(link - 2)));
        let linked = i > first
            && kind == Kind::Code
            && (super::listed(words!("is|was|now"), word(i - 1))
                || (i > first + 1
                    && word(i - 1) == "to"
                    && super::listed(words!("changed|change|set|reset|back"), word(i - 2))))
            && !count_follows(s, toks[i].end);
        if !said && !linked {
            continue;
        }
        let end = halves_end(doc, i).unwrap_or(toks[i].end);
        let value = s[toks[i].start..end].trim_end_matches(['.', ',', '!', '?']);
        let year = value.len() == 4 && (value.starts_with("19") || value.starts_with("20"));
        // A bare "code" ("the code Instagram texted you? It's 839204") is a
        // one-time code: five digits or more.
        let ok = match kind {
            Kind::Code => code_like(value) && !year,
            Kind::BareCode => code_like(value) && value.len() >= 5 && !count_follows(s, end),
            // A passcode or password all in digits ("it's 090604") counts
            // from six digits.
            _ => {
                (mixed(value) && value.len() >= 6 && plausible(value, kind))
                    || ((6..=8).contains(&value.len())
                        && value.bytes().all(|c| c.is_ascii_digit())
                        && !count_follows(s, end))
            }
        };
        if ok || said {
            return ok.then_some((toks[i].start, toks[i].start + value.len()));
        }
    }
    None
}

/// A six-digit code read out in two halves from token `i` ("it's 771 204"):
/// where the second half ends.
fn halves_end(doc: &Doc, i: usize) -> Option<usize> {
    let half = |t: &crate::text::Token| t.end - t.start == 3 && doc.is_number(t);
    let (first, next) = (doc.tokens.get(i)?, doc.tokens.get(i + 1)?);
    (half(first) && half(next) && next.start == first.end + 1).then_some(next.end)
}

/// Words ordinary sentences are full of and recovery phrases almost never
/// hold.
#[rustfmt::skip]
const FUNCTION_WORDS: WordList = words!(
    "the|and|for|but|you|your|our|with|this|that|from|have|has|are|was|were|not|can|will|just|",
    "they|them|then|than|there|here|what|when|who|how|why|been|would|could|should|dont|don|",
    "its|some|more|very|only|into|about|because|where|which|while|also",
);

/// A recovery phrase after a keyword ending at `from`: twelve or more plain
/// lower-case words of three to eight letters in a row, none of them a
/// function word, starting within the next dozen words. Folded byte range.
fn word_run(doc: &Doc, from: usize) -> Option<(usize, usize)> {
    let toks = &doc.tokens;
    let first = doc.token_at_or_after(from);
    let plain = |i: usize| {
        let w = doc.word(&toks[i]);
        (3..=8).contains(&w.len())
            && w.bytes().all(|c| c.is_ascii_lowercase())
            && doc.raw(&toks[i]) == w
            && !super::listed(FUNCTION_WORDS, w)
    };
    let mut i = first;
    while i < toks.len().min(first + 12) {
        let mut j = i;
        while j < toks.len() && plain(j) && (j == i || doc.gap(j - 1, j) == " ") {
            j += 1;
        }
        if j - i >= 12 {
            return Some((toks[i].start, toks[j - 1].end));
        }
        i = j.max(i + 1);
    }
    None
}

/// Words before a brand's Wi-Fi that keep it from its customers.
const STAFF: WordList = words!("staff|internal|office|employee");

/// Words that say a code was sent to the writer, or that they typed it in.
const SENT: WordList =
    words!("texted|text|texting|texts|sent|sends|sending|sms|through|received|came|arrived|typed|entered");

/// Words before "code" that make it a postal code ("pin code 560034").
const POSTAL: WordList = words!("pin|post|postal|zip|area");

/// A one-time code the writer was sent: six digits, or two groups of three,
/// with "code" and a word of sending in the fourteen words before it or the
/// eight after it, in one sentence, and the writer ("me", "my") before it
/// ("my bank texted me a code 448 210", "it texted me 382915, says code
/// invalid"; not "we texted our customers a code, 250000 of them"). "Code"
/// and the writer may be in the sentence before ("my code is wrong??
/// typed 482913"). Folded byte range.
fn sent_code(doc: &Doc) -> Option<(usize, usize)> {
    let toks = &doc.tokens;
    let s = doc.folded.as_str();
    (1..toks.len()).find_map(|i| {
        let t = &toks[i];
        let end = match halves_end(doc, i) {
            Some(end) => end,
            None if t.end - t.start == 6 && doc.is_number(t) => t.end,
            None => return None,
        };
        // Code, sent, to me: each seen near the number.
        let mut seen = [false; 3];
        let last = toks.partition_point(|x| x.end <= end);
        for j in i.saturating_sub(14)..toks.len().min(last + 8) {
            if (i..last).contains(&j) {
                continue;
            }
            let before = j < i;
            let same = doc.same_sentence(j.min(i), j.max(i));
            let w = doc.word(&toks[j]);
            let postal = j > 0 && super::listed(POSTAL, doc.word(&toks[j - 1]));
            seen[0] |= (w == "code" || w == "codes") && !postal && (same || before);
            seen[1] |= same && super::listed(SENT, w);
            seen[2] |= before && super::listed(words!("me|my|i|i've|i'm"), w);
        }
        // "123456 of them": a quantity.
        let quantity = count_follows(s, end) || words_after(s, end, 1).first() == Some(&"of");
        (seen == [true; 3] && !quantity).then_some((t.start, end))
    })
}

/// A count or a unit right after byte `end` ("40000 lines", "5 minutes"):
/// the number before it is no code.
fn count_follows(s: &str, end: usize) -> bool {
    words_after(s, end, 1).first().is_some_and(|w| super::listed(COUNT_WORDS, w))
}

/// One backup code: letters, digits and dashes.
fn code_piece(v: &str) -> bool {
    (6..=24).contains(&v.len()) && v.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-')
}

/// The end of a list of codes whose first code ends at `end`: more codes
/// separated by spaces or commas.
fn more_codes(s: &str, mut end: usize) -> usize {
    let b = s.as_bytes();
    loop {
        let mut i = end;
        while i < b.len() && matches!(b[i], b' ' | b',') && i - end < 3 {
            i += 1;
        }
        let p0 = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
            i += 1;
        }
        if p0 == end || !code_piece(&s[p0..i]) || !s[p0..i].bytes().any(|c| c.is_ascii_digit()) {
            return end;
        }
        end = i;
    }
}

/// Things a password or PIN is often made of.
#[rustfmt::skip]
const HINT_WORDS: WordList = words!(
    "birthday|born|birth|anniversary|name|dog|cat|pet|dogs|cats|pets|kid|kids|son|daughter|",
    "wife|husband|street|phone|maiden|address|plate|postcode|zip",
);

/// "the year I was born", "my dog's name": a description of the secret
/// starting at `v0`, up to the telling word.
fn hint(s: &str, v0: usize, kind: Kind) -> Option<(usize, usize)> {
    if !matches!(kind, Kind::Password | Kind::Code) {
        return None;
    }
    let words = words_after(s, v0, 6);
    if !matches!(words.first(), Some(&"the" | &"my" | &"our")) {
        return None;
    }
    let last = words.iter().rposition(|w| super::listed(HINT_WORDS, w))?;
    let mut at = v0;
    for w in &words[..=last] {
        at += s[at..].find(w)? + w.len();
    }
    Some((v0, at))
}

/// "Security question 'mother's maiden name'? Easy. It's Kowalczyk": a
/// capitalised word after "it's" (or "that's", "it was", "mine's") within
/// the next sentence or two.
fn answer_nearby(doc: &crate::text::Doc, from: usize) -> Option<(usize, usize)> {
    let s = doc.folded.as_str();
    let mut to = s.len().min(from + 60);
    while !s.is_char_boundary(to) {
        to -= 1;
    }
    let window = &s[from..to];
    if let Some(found) = first_pet_named(doc, from, to) {
        return Some(found);
    }
    let b = s.as_bytes();
    // A whole word ("it was", not "visit was").
    let whole = |i: usize| from + i == 0 || !b[from + i - 1].is_ascii_alphanumeric();
    // "mine's Rolo Kowalczyk": the writer's own answer to a name game built
    // from security questions ("first pet + mum's maiden name").
    let (at, lead) = ["it's ", "it is ", "its ", "that's ", "it was ", "mine's ", "mine is "]
        .iter()
        .filter_map(|p| window.match_indices(p).map(|(i, _)| i).find(|&i| whole(i)).map(|i| (i, p.len())))
        .min()?;
    let v0 = from + at + lead;
    let v1 = v0 + s[v0..].bytes().take_while(|c| c.is_ascii_alphabetic() || *c == b'-').count();
    let span = doc.span(v0, v1);
    let named = doc.original(span.0, span.1).starts_with(char::is_uppercase);
    let answer = &s[v0..v1];
    let calendar = super::listed(WEEKDAYS, answer) || s[v1..].starts_with("'s");
    // "that's" and "it was" name the answer only after a question that asks
    // for a name, and when the name closes its clause or goes on as a name:
    // "first dog's name and that's Biscuit, so", "it was Mr Whiskers", not
    // "That's Monday's admin done" or "That's Ridiculous in 2024".
    let loose = window[at..].starts_with("that's") || window[at..].starts_with("it was");
    let region = &s[from.saturating_sub(40)..v0];
    let asked = ["pet", "dog", "cat", "maiden", "street", "school", "name"].iter().any(|w| region.contains(w));
    let closes = match b.get(v1) {
        None | Some(b',' | b'.' | b'!' | b'?' | b')' | b';') => true,
        Some(b' ') => {
            b.get(v1 + 1).map_or(true, |c| !c.is_ascii_alphanumeric())
                || doc.tokens.get(doc.token_at_or_after(v1)).is_some_and(|t| t.capitalized)
        }
        _ => false,
    };
    let loose_ok = !loose || (asked && closes);
    (v1 > v0 + 1 && named && loose_ok && !calendar && plausible(answer, Kind::Answer)).then_some((v0, v1))
}

/// "my first dog, Rolo", "first pet's name was Bruno": the capitalised name
/// after the question's own words, within `from..to`.
fn first_pet_named(doc: &Doc, from: usize, to: usize) -> Option<(usize, usize)> {
    let toks = &doc.tokens;
    let mut k = doc.token_at_or_after(from);
    while doc.word(toks.get(k)?) != "first" || toks[k].end > to {
        k += 1;
    }
    let noun = doc.word(toks.get(k + 1)?);
    if !super::listed(words!("dog|pet|cat|car|school|teacher|street|dog's|pet's|cat's"), noun) {
        return None;
    }
    // A capitalised name soon after, past a comma or a linking word: "first
    // dog, Rolo", "first pet's name was Bruno", "nobody will guess Biscuit".
    const LINKS: WordList = words!("is|was|called|named|guess|it's|its|that's|obviously");
    let j = (k + 2..toks.len().min(k + 14)).find(|&j| {
        toks[j].capitalized && (doc.gap(j - 1, j).contains([',', ':']) || super::listed(LINKS, doc.word(&toks[j - 1])))
    })?;
    let value = doc.word(&toks[j]);
    (plausible(value, Kind::Answer) && !super::listed(WEEKDAYS, value)).then_some((toks[j].start, toks[j].end))
}

/// Days, which "That's Monday" names and no one uses as a security answer.
const WEEKDAYS: WordList = words!("monday|tuesday|wednesday|thursday|friday|saturday|sunday");

/// Words after "password" that make "as my password ..." about something else.
#[rustfmt::skip]
const NOT_AFTER: WordList = words!(
    "manager|managers|generator|vault|app|keeper|safe|reset|hint|policy|field|strength|rules|",
    "requirements",
);

/// "Biscuit2019, as my password", "1234 is my PIN": the value before the
/// keyword at `start..end`.
fn value_before(s: &str, start: usize, kind: Kind) -> Option<(usize, usize)> {
    if !matches!(kind, Kind::Password | Kind::Code) {
        return None;
    }
    let before = words_before(s, start, 2);
    if before.len() < 2 || !matches!(before[0], "my" | "our") || !matches!(before[1], "as" | "is" | "was") {
        return None;
    }
    let b = s.as_bytes();
    let link = s[..start].rfind(before[1])?;
    let mut v1 = link;
    while v1 > 0 && matches!(b[v1 - 1], b' ' | b',' | b'"' | b'\'') {
        v1 -= 1;
    }
    let mut v0 = v1;
    while v0 > 0 && !b[v0 - 1].is_ascii_whitespace() {
        v0 -= 1;
    }
    let value = s[v0..v1].trim_start_matches(['"', '\'', '(']);
    let v0 = v1 - value.len();
    let ok = match kind {
        Kind::Code => code_like(value),
        _ => mixed(value) && plausible(value, kind),
    };
    (v1 > v0 && ok).then_some((v0, v1))
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

/// An app's login code in letters and digits ("4FK9T", "X7K2QP").
fn app_code(v: &str) -> bool {
    let digits = v.bytes().filter(u8::is_ascii_digit).count();
    (5..=8).contains(&v.len()) && digits >= 2 && digits < v.len() && v.bytes().all(|c| c.is_ascii_alphanumeric())
}

/// The value (folded) looks like a secret of its kind.
fn plausible(v: &str, kind: Kind) -> bool {
    let refused = super::listed(NOT_VALUES, v)
        || v.starts_with("http")
        || v.contains("://")
        || v.starts_with(['@', '#', '$'])
        || !v.bytes().any(|c| c.is_ascii_alphanumeric());
    if refused {
        return false;
    }
    match kind {
        // Bytes, not characters: counting characters costs wasm for nothing.
        Kind::Password | Kind::WeakPassword => (3..=64).contains(&v.len()),
        Kind::Code => code_like(v) || app_code(v),
        Kind::BareCode => code_like(v),
        Kind::Login => (3..=64).contains(&v.len()),
        Kind::CodeList => v.len() >= 6 && v.bytes().any(|c| c.is_ascii_digit()) && code_piece(v),
        Kind::Answer => v.len() >= 2 && v.bytes().all(|c| c.is_ascii_alphabetic() || c == b'-' || c == b'\''),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    const RULE: &str = "credentials.secret";

    #[test]
    fn keywords_are_longest_first() {
        assert!(KEYWORDS.windows(2).all(|w| w[0].0.len() >= w[1].0.len()));
    }

    fn one(text: &str, ctx: &crate::Context) -> (String, Severity) {
        let found = fired(RULE, text, ctx);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found[0].clone()
    }

    #[test]
    fn finds_codes_sent_to_the_writer_and_recovery_phrases() {
        for (text, value) in [
            ("PSA my bank texted me a code 448 210 and some guy rang asking for it", "448 210"),
            ("here's the code the bank just sent me, 582 017, can you read it back", "582 017"),
            ("my bank's code just came through, 662019, and I haven't even logged in", "662019"),
            ("the 6 digit code my bank texted me (384912), is that legit??", "384912"),
            ("bank keeps texting me codes, latest one is 482913 and some guy rang asking for it", "482913"),
            ("the code they just texted me for the trip payment is 739104, be quick", "739104"),
            ("why does twitch keep saying my code is wrong?? literally typed 482913 like 4 times", "482913"),
            ("it texted me 382915 and I typed it straight in, says code invalid", "382915"),
            ("the code that just came to my phone for the campaign's X login is 482913, type it in quick", "482913"),
            ("reset the PIN on the app? Mine is 4471 and it says wrong PIN", "4471"),
            ("my PIN keeps getting rejected, it's literally 8264 and it says wrong", "8264"),
            (
                "seed phrase backup so I don't lose it: ripple lunar ocean velvet pilot hammer garden tiny orbit sugar canyon feather",
                "ripple lunar ocean velvet pilot hammer garden tiny orbit sugar canyon feather",
            ),
        ] {
            assert_eq!(one(text, &personal()).0, value, "{text}");
        }
        for text in [
            "my seed phrase is written on a steel plate in a drawer at home and nobody will ever find it there",
            "Never share your seed phrase: write these twelve words down, keep them offline and safe from fire",
            "Sent 150000 texts this year with our SMS code service",
            "my gran texted me her code for the fundraiser, we raised 125000 pence",
            "texted my mum the code for the gate, it opens at 0930 sharp",
            "they sent me the pin code 560034 for the delivery",
            "We sent 250000 codes to our customers, and I think 123456 of them came back",
        ] {
            assert!(fired(RULE, text, &personal()).is_empty(), "false alarm: {text}");
        }
    }

    #[test]
    fn finds_stated_secrets() {
        for (text, value) in [
            ("my password is hunter2 lol", "hunter2"),
            ("pw: Tr0ub4dor&3", "Tr0ub4dor&3"),
            ("pass = Summer2024!", "Summer2024!"),
            ("login: jdoe / pass: Winter#2023", "Winter#2023"),
            ("admin login till IT sorts you out: user d.walsh / pass Kiwi#Harbour77", "Kiwi#Harbour77"),
            ("till override code got changed AGAIN, it's 4471 now if anyone on lates needs it", "4471"),
            ("my PIN is 4921.", "4921"),
            ("Forgot my PIN again so I'm writing it here: 4471", "4471"),
            ("Forgot my PIN again, it's 4471, writing it here", "4471"),
            ("Forgot my password again. It was Chelsea@1905 and now it's locked", "Chelsea@1905"),
            ("Gym locker code is 7291, someone remind me", "7291"),
            ("PIN for the shared locker at the climbing wall is 4417, use my shelf", "4417"),
            ("door code for the studio has changed to 5581# from today", "5581"),
            ("wrote my phone passcode on my case (it's 090604 if you find it)", "090604"),
            ("my laptop passcode is Sunshine88", "Sunshine88"),
            ("Can you read me the code Instagram texted you? It's 839204 I think", "839204"),
            ("Security question is my first pet so good luck, nobody will guess Biscuit", "Biscuit"),
            ("my steam guard code is 4FK9T, someone log in", "4FK9T"),
            ("Security question is my first dog's name, Bruno.", "Bruno"),
            ("Security answer for the iPad is our first dog, Biscuit, if you need it", "Biscuit"),
            ("the safe combination is 18-24-36, don't lose it", "18-24-36"),
            ("@Ellie key safe code is 4471, let yourself in", "4471"),
            ("the security question answer for our bank login is 'Biscuit'", "Biscuit"),
            ("the code is 482913", "482913"),
            ("Bank app code is 482913, type it in quick", "482913"),
            ("Your verification code: 482 913", "482 913"),
            ("mother's maiden name is Kowalski", "Kowalski"),
            ("wifi password is \"CoffeeLover99\"", "CoffeeLover99"),
            ("new password: sunshine", "sunshine"),
            ("OTP ４８２９１３ pls", "４８２９１３"),
            ("door code 1234# for the guests", "1234#"),
            ("The code from the text message is 731 204, hurry", "731 204"),
            ("my password for the bank is Fluffy2019", "Fluffy2019"),
            ("my bank card pin code is 4921", "4921"),
            ("front door keypad is 1357 but the buzzer's broken", "1357"),
            ("The new front door keypad code from Monday is 6-0-4-1.", "6-0-4-1"),
            ("bike lock is 4-8-1-5. if it goes missing", "4-8-1-5"),
            ("the gym made me type my member PIN (5530) in front of the queue", "5530"),
            ("netflix login is mum's email + Biscuit!1987 if any cousins want in", "Biscuit!1987"),
            ("@helpdesk_app account locked. username kate_m88, tried Autumn!Leaves9 three times", "Autumn!Leaves9"),
            ("maiden name Thompson lol", "Thompson"),
            ("the bank texted me code 739201, weird", "739201"),
            ("the staging login is root / Hx9!server", "Hx9!server"),
            ("creds: deploy:Pa55word", "Pa55word"),
            ("Fluffy1987, as my password since school", "Fluffy1987"),
            ("Security question: first pet? Easy. It's Biscuit, lol", "Biscuit"),
            ("ok the code finally came through, it's 553 918. hurry", "553 918"),
            ("@BankHelp tried the code you sent (604 271) twice and it says invalid", "604 271"),
            ("card keeps declining?? PIN is definitely right (8841) I checked", "8841"),
            ("pirate name = first pet + mum's maiden name! mine's Pickle Nowak, go", "Pickle"),
            ("Drag name game: your first pet + the street you grew up on! Mine's Toffee Larkspur", "Toffee"),
            ("my disney+ is jo.baker81@gmail.com / Marmalade!7 don't change the avatar", "Marmalade!7"),
            ("sharing the hulu login for the flat cos I'm lazy: flat12crew / Sunbeam44. deleting", "Sunbeam44"),
        ] {
            assert_eq!(one(text, &personal()), (value.to_string(), Severity::High), "{text}");
        }
        for text in [
            "@ITdesk password reset didn't work, current one is Winter!2025, locked out again",
            "Spotify family plan login: mum@smithfamily.co.uk pass Tulip2020",
            "My bank password is the same as my email password, lol: Pepper2024",
            "the password to my bank is Pepper2024",
            "Just changed my password to Pepper2024",
            "I set my wifi password to Sunflower!23 lol",
            "My security question is my first pet's name and that's Biscuit",
        ] {
            assert!(flags(RULE, text, &personal()), "missed: {text}");
        }
        for text in [
            "Our Summer2024 collection is here, no login needed",
            "password managers beat Post-its",
            "Password reset emails from Winter2025 promo are a scam",
            "The password to happiness is coffee before 8am",
            "Finally updated my security questions. That's Monday's admin done",
            "Mother's maiden name as a security question? That's Ridiculous in 2024",
            "Passphrase tip from IT Services: length beats complexity.",
        ] {
            assert!(!flags(RULE, text, &personal()), "false alarm: {text}");
        }
    }

    #[test]
    fn ignores_talk_about_secrets() {
        for text in [
            "PIN reset again, it's 2024 and banks still do this",
            "Watching The Password Is Courage with my grandad, his favourite war film",
            "The password is patience. Sourdough takes 24 hours, trust the process.",
            "Finally finished the code for my thesis. It's 40000 lines long",
            "Changed my PIN today. It's annoying how often they make you do it",
            "My PIN was stolen in 2019 and the bank refunded everything",
            "The door code changed to keypads in 2024",
            "Our door code is the same as last year's and the gate is open",
            "Forgot my PIN, and the bank fee went up to 2500 yen",
            "My PIN is fine but the limit is 5000 pounds",
            "My first dog, Rolo, turned 14 today",
            "Security question: what was your first car? Mine was a Fiesta, what a car",
            "Security question: what was your first car? Mine's a Fiesta, what a car",
            "email us at hello@bakery.co.uk / Instagram @bakery",
            "Final score at the youth cup: Rovers2 / Athletic3",
            "forgot my password again lol",
            "We've added passkeys! Sign in with your face, no password to remember.",
            "password reset instructions are on our help page",
            "never share your PIN with anyone",
            "use a strong password",
            "PIN code area",
            "My PIN code is 560034, Koramangala represent",
            "Password managers are brilliant, set one up for the whole family",
            "Password manager workshop this Thursday: learn to keep your accounts safe",
            "my password is too weak",
            "the password is case-sensitive",
            "If your password is 123456, change it now",
            "the most common password is 123456",
            "the dress code is casual",
            "Your parcel is on its way. Tracking reference: PW-TRK-90817.",
            "zip code is 94110",
            "promo code is SAVE20",
            "the code is 2000 lines long",
            "the code is on the back of the card",
            "bus pass: 20 dollars",
            "Boarding pass: Gate B12",
            "VIP pass = $250",
            "lost my bobby pin: 2 left",
            "password: ********",
            "Password must be 8 characters",
            "pw: see the link https://example.com/reset",
            "the password for the wifi is on the fridge",
            "my maiden name hyphenated is a pain",
            "my gran's maiden name is Hancock and the family tree site just found her cousins",
        ] {
            assert!(fired(RULE, text, &personal()).is_empty(), "{text}: {:?}", fired(RULE, text, &personal()));
        }
    }

    #[test]
    fn finds_code_lists_and_hints() {
        assert_eq!(
            fired(RULE, "recovery codes: 8f3k2-19dke 7b3c0-19xq2 0a9d1-kk2m3 thanks", &personal()),
            vec![("8f3k2-19dke 7b3c0-19xq2 0a9d1-kk2m3".to_string(), Severity::High)]
        );
        assert_eq!(
            fired(RULE, "here's the portal login for Dave, MFA backup code 4821-9930", &personal()),
            vec![("4821-9930".to_string(), Severity::High)]
        );
        assert!(!flags(RULE, "backup codes 2 and 3 are used up, printing new ones", &personal()));
        assert_eq!(
            fired(RULE, "my PIN is the year my son was born, never forget it", &personal()),
            vec![("the year my son was born".to_string(), Severity::Medium)]
        );
        for text in [
            "I use 1Password as my password manager",
            "my password is the same as yesterday",
            "your password is the key to your account",
            "login with Google is back",
            "recovery codes are in the settings page",
        ] {
            assert!(fired(RULE, text, &personal()).is_empty(), "{text}");
        }
    }

    #[test]
    fn context_changes_severity_and_lesson() {
        // A café posting its guest Wi-Fi is not a leak.
        assert_eq!(one("Guest wifi password: LatteArt2024", &brand()), ("LatteArt2024".to_string(), Severity::Low));
        let staff = "Staff wifi password is Ravens2024! if any supply teachers need it today.";
        assert_eq!(one(staff, &brand()), ("Ravens2024!".to_string(), Severity::High));
        let found = crate::check("my pin is 4921", &dm());
        let f = found.iter().find(|f| f.rule == RULE).unwrap();
        assert_eq!(f.severity, Severity::High);
        assert_eq!(f.lesson, super::super::dm_lesson(RULE));
        assert_eq!((f.start, f.end), (10, 14));
        assert_eq!(f.action, Some(Action::Mask));
    }
}
