//! Fuzzes `postguard::check` with any bytes as text and any context: it must
//! never panic, and every span must lie inside the text on character
//! boundaries (never inside a surrogate pair).

#![no_main]

use libfuzzer_sys::fuzz_target;
use postguard::{check, Account, AccountKind, Context, Sensitivity, Settings, Surface};

fuzz_target!(|data: &[u8]| {
    let (head, rest) = data.split_at(data.len().min(2));
    let flags = head.first().copied().unwrap_or(0);
    let text = String::from_utf8_lossy(rest);
    let (watch, allow) = match head.get(1) {
        Some(&n) if n % 3 == 0 => (vec![text.chars().take(6).collect::<String>()], Vec::new()),
        Some(&n) if n % 3 == 1 => (Vec::new(), vec![text.chars().skip(3).take(8).collect::<String>()]),
        _ => (Vec::new(), Vec::new()),
    };
    let ctx = Context {
        account: Some(Account {
            handle: Some("acme".into()),
            kind: [AccountKind::Brand, AccountKind::Personal, AccountKind::Unknown][(flags % 3) as usize],
        }),
        surface: if flags & 4 != 0 { Surface::Dm } else { Surface::Public },
        previous_account: (flags & 8 != 0).then(|| Account { handle: Some("other".into()), kind: AccountKind::Personal }),
        settings: Settings {
            sensitivity: [Sensitivity::Relaxed, Sensitivity::Balanced, Sensitivity::Strict][((flags >> 4) % 3) as usize],
            watch_list: watch,
            allow_list: allow,
            ..Settings::default()
        },
        ..Context::default()
    };
    let mut bounds = vec![0u32];
    let mut at = 0u32;
    for c in text.chars() {
        at += c.len_utf16() as u32;
        bounds.push(at);
    }
    for f in check(&text, &ctx) {
        assert!(f.start < f.end, "empty span {f:?}");
        assert!(bounds.binary_search(&f.start).is_ok(), "start {} splits a character", f.start);
        assert!(bounds.binary_search(&f.end).is_ok(), "end {} splits a character", f.end);
    }
});
