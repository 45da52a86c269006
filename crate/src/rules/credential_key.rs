//! `credentials.key`: API keys, tokens and private keys recognised by the
//! fixed prefixes their issuers use (AWS, GitHub, GitLab, Slack, Stripe,
//! Google, OpenAI, npm, SendGrid, JSON Web Tokens, PEM private keys), each
//! with a minimum length and a character-variety floor so prose that
//! happens to start the same way stays quiet.

use super::nearby::long_runs;
use super::{with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};

pub struct CredentialKey;

/// (prefix, minimum length of the rest, what it is).
const PREFIXES: &[(&str, usize, &str)] = &[
    ("AKIA", 16, "an AWS access key"),
    ("ASIA", 16, "an AWS access key"),
    ("ghp_", 30, "a GitHub token"),
    ("gho_", 30, "a GitHub token"),
    ("ghu_", 30, "a GitHub token"),
    ("ghs_", 30, "a GitHub token"),
    ("ghr_", 30, "a GitHub token"),
    ("github_pat_", 22, "a GitHub token"),
    ("glpat-", 20, "a GitLab token"),
    ("xoxb-", 10, "a Slack token"),
    ("xoxp-", 10, "a Slack token"),
    ("xoxa-", 10, "a Slack token"),
    ("xoxs-", 10, "a Slack token"),
    ("xapp-", 10, "a Slack token"),
    ("sk_live_", 16, "a Stripe secret key"),
    ("rk_live_", 16, "a Stripe key"),
    ("sk_test_", 16, "a Stripe key"),
    ("sk-proj-", 20, "an OpenAI key"),
    ("sk-ant-", 20, "an Anthropic key"),
    ("sk-", 32, "an API secret key"),
    ("AIza", 30, "a Google API key"),
    ("ya29.", 20, "a Google access token"),
    ("npm_", 30, "an npm token"),
    ("SG.", 40, "a SendGrid key"),
    ("sq0atp-", 20, "a Square token"),
    ("shpat_", 30, "a Shopify token"),
    ("dop_v1_", 40, "a DigitalOcean token"),
    ("hf_", 30, "a Hugging Face token"),
    ("eyJ", 30, "a login token (JWT)"),
];

impl Rule for CredentialKey {
    fn id(&self) -> &'static str {
        "credentials.key"
    }

    fn category(&self) -> Category {
        Category::Credentials
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let text = input.doc.text;
        for (start, word) in key_like_words(text) {
            let Some(what) = classify(word) else { continue };
            let span = input.doc.utf16_span_of_bytes(start, start + word.len());
            out.push(with_action(self.finding(Severity::High, span, format!("This looks like {what}.")), Action::Mask));
        }
        if let Some(start) = text.find("-----BEGIN") {
            let header_end = text[start..].find("PRIVATE KEY-----").map(|e| start + e + 16);
            if let Some(head) = header_end {
                let end = text[head..].find("-----END").map_or(text.len(), |e| {
                    let tail = head + e;
                    text[tail + 8..].find("-----").map_or(text.len(), |x| tail + 8 + x + 5)
                });
                out.push(with_action(
                    self.finding(
                        Severity::High,
                        input.doc.utf16_span_of_bytes(start, end),
                        "This is a private key.".into(),
                    ),
                    Action::Remove,
                ));
            }
        }
        if let Some((start, end)) = url_password(text) {
            let span = input.doc.utf16_span_of_bytes(start, end);
            out.push(with_action(
                self.finding(Severity::High, span, "This address carries a password.".into()),
                Action::Mask,
            ));
        }
    }
}

/// `postgres://admin:S3cret@db:5432`: the password inside an address, as a
/// byte range. Placeholders ("user:password@", "user:***@") stay quiet.
fn url_password(text: &str) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let user = text.find("://")? + 3;
    let (mut colon, mut i) = (0, user);
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'/' {
        match b[i] {
            b':' if colon == 0 => colon = i,
            b'@' if colon > user + 1 => {
                let pass = &text[colon + 1..i];
                let placeholder =
                    matches!(pass, "password" | "pass" | "pwd" | "secret") || pass.bytes().all(|c| c == b'*');
                return (pass.len() >= 3 && !placeholder).then_some((colon + 1, i));
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The shortest word a key can be: its prefix and the rest's minimum length.
const SHORTEST_KEY: usize = {
    let mut shortest = usize::MAX;
    let mut i = 0;
    while i < PREFIXES.len() {
        let n = PREFIXES[i].0.len() + PREFIXES[i].1;
        if n < shortest {
            shortest = n;
        }
        i += 1;
    }
    shortest
};

/// Maximal runs of characters keys are made of, split after an assignment's
/// `=`, with their byte offsets; only the runs long enough to hold a key.
fn key_like_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    // Key characters are ASCII, so bytes will do: no other character's
    // bytes are ASCII.
    let is_key_char = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b'/' | b'+' | b'=');
    let mut out = Vec::new();
    for (start, end) in long_runs(text.as_bytes(), SHORTEST_KEY, is_key_char) {
        // "AWS_ACCESS_KEY_ID=AKIA...": an assignment holds the key after its
        // `=`; a `=` with nothing after it is base64 padding.
        let mut from = start;
        for (i, _) in text[start..end].match_indices('=') {
            let at = start + i + 1;
            if text.as_bytes().get(at).is_some_and(u8::is_ascii_alphanumeric) {
                push_word(&mut out, text, from, at - 1);
                from = at;
            }
        }
        push_word(&mut out, text, from, end);
    }
    out.into_iter()
}

fn push_word<'a>(out: &mut Vec<(usize, &'a str)>, text: &'a str, start: usize, end: usize) {
    // "https://ghp_...@github.com": the key starts after the slashes.
    let trimmed = text[start..end].trim_start_matches(['.', '-', '/']);
    let start = end - trimmed.len();
    let word = trimmed.trim_end_matches(['.', '-', '/']);
    if word.len() >= SHORTEST_KEY {
        out.push((start, word));
    }
}

fn classify(word: &str) -> Option<&'static str> {
    PREFIXES.iter().find_map(|&(prefix, min_rest, what)| {
        let rest = word.strip_prefix(prefix)?;
        let body: String = rest.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        (body.len() >= min_rest && looks_random(&body) && (prefix != "eyJ" || rest.matches('.').count() == 2))
            .then_some(what)
    })
}

/// Keys mix digits and letters and rarely repeat much; prose does not.
fn looks_random(body: &str) -> bool {
    let has_digit = body.bytes().any(|b| b.is_ascii_digit());
    let has_alpha = body.bytes().any(|b| b.is_ascii_alphabetic());
    let mut seen = [false; 128];
    body.bytes().for_each(|b| seen[b as usize & 127] = true);
    let distinct = seen.iter().filter(|s| **s).count();
    has_digit && has_alpha && distinct * 3 >= body.len().min(36)
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const RULE: &str = "credentials.key";

    #[test]
    fn finds_keys_by_prefix() {
        for key in [
            "AKIAIOSFODNN7EXAMPLE",
            "ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R",
            "xoxb-123456789012-abcdefGHIJKL",
            "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
            "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY",
            "glpat-x1Y2z3A4b5C6d7E8f9G0",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        ] {
            let text = format!("here you go: {key} thanks");
            assert_eq!(fired(RULE, &text, &personal()), vec![(key.to_string(), crate::Severity::High)], "{key}");
        }
    }

    #[test]
    fn finds_a_key_in_an_address() {
        let key = "ghp_R4nd0mT0k3nAbCdEfGhIjKlMnOpQrStUv12";
        let text = format!("push keeps failing: git remote set-url origin https://{key}@github.com/me/app.git");
        assert_eq!(fired(RULE, &text, &personal()), vec![(key.to_string(), crate::Severity::High)]);
    }

    #[test]
    fn finds_a_key_assigned_in_a_config_line() {
        let text = "oops pushed my .env: AWS_ACCESS_KEY_ID=AKIA4QZ7XKPL2MWN8R3T";
        assert_eq!(fired(RULE, text, &personal()), vec![("AKIA4QZ7XKPL2MWN8R3T".to_string(), crate::Severity::High)]);
    }

    #[test]
    fn finds_private_keys() {
        let text = "oops -----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY----- sorry";
        let found = fired(RULE, text, &personal());
        assert!(found[0].0.starts_with("-----BEGIN") && found[0].0.ends_with("KEY-----"));
        let url = "Our staging DB: postgres://admin:S3cretPass@db.internal:5432/app won't connect";
        assert!(flags(RULE, url, &personal()), "missed: {url}");
        for text in ["connect with postgres://user:password@localhost/db", "see https://example.com/a:b@c"] {
            assert!(!flags(RULE, text, &personal()), "false alarm: {text}");
        }
    }

    #[test]
    fn ignores_words_that_only_share_a_prefix() {
        for text in [
            "AKIA is a nice name",
            "sk-8 park opens today",
            "SG.Mall opening soon",
            "eyJump is a band",
            "ghp_ is GitHub's token prefix",
            "The skies are clear over AIzawa",
        ] {
            assert!(fired(RULE, text, &personal()).is_empty(), "{text}");
        }
    }
}
