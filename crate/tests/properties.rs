//! Properties of `check` over any input: it never panics, every span lies
//! inside the text on character boundaries (never inside a surrogate pair),
//! and the same input always gives the same output.

use postguard::{check, Account, AccountKind, Context, Settings, Surface};
use proptest::prelude::*;

/// UTF-16 offsets at which a character starts, plus the end.
fn boundaries(text: &str) -> Vec<u32> {
    let mut at = 0u32;
    let mut out = vec![0];
    for c in text.chars() {
        at += c.len_utf16() as u32;
        out.push(at);
    }
    out
}

fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            any::<char>().prop_map(|c| c.to_string()),
            Just("f*ck".to_string()),
            Just("s h i t".to_string()),
            Just("\u{200B}".to_string()),
            Just("😀".to_string()),
            Just("👩‍👩‍👧".to_string()),
            Just("ｆｕｃｋ".to_string()),
            Just("4111 1111 1111 1111".to_string()),
            Just("AKIAIOSFODNN7EXAMPLE".to_string()),
            Just("#AskUs".to_string()),
            Just("@someone".to_string()),
            Just("\u{202E}".to_string()),
            Just("e\u{301}".to_string()),
            "[a-zA-Z0-9 .,!?'#@$*-]{0,12}",
        ],
        0..40,
    );
    pieces.prop_map(|p| p.concat())
}

fn any_context() -> impl Strategy<Value = Context> {
    (
        prop_oneof![Just(AccountKind::Brand), Just(AccountKind::Personal), Just(AccountKind::Unknown)],
        any::<bool>(),
        prop::collection::vec("[a-zA-Z ]{0,10}", 0..3),
        prop::collection::vec("[a-zA-Z ]{0,10}", 0..3),
    )
        .prop_map(|(kind, dm, watch_list, allow_list)| Context {
            account: Some(Account { handle: Some("acme".into()), kind }),
            surface: if dm { Surface::Dm } else { Surface::Public },
            settings: Settings { watch_list, allow_list, ..Settings::default() },
            ..Context::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn spans_are_inside_the_text_on_boundaries(text in tricky_text(), ctx in any_context()) {
        let bounds = boundaries(&text);
        for f in check(&text, &ctx) {
            prop_assert!(f.start < f.end, "empty span {f:?}");
            prop_assert!(bounds.binary_search(&f.start).is_ok(), "start {} splits a character in {text:?}", f.start);
            prop_assert!(bounds.binary_search(&f.end).is_ok(), "end {} splits a character in {text:?}", f.end);
        }
    }

    #[test]
    fn output_is_deterministic(text in tricky_text(), ctx in any_context()) {
        prop_assert_eq!(check(&text, &ctx), check(&text, &ctx));
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,200}", ctx in any_context()) {
        let _ = check(&text, &ctx);
    }
}

#[test]
fn a_megabyte_of_text_is_checked() {
    let line = "Great launch today, the team killed it! Call me on 4111 1111 1111 1111 😀 f*ck\n";
    let text = line.repeat(1_000_000 / line.len());
    let found = check(&text, &Context::default());
    assert!(found.len() >= 2 * (1_000_000 / line.len()));
}
