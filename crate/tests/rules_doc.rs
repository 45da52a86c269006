//! docs/RULES.md is a contract: every rule the core runs is listed, each
//! example is flagged by its rule at medium or above, and each
//! counter-example gets nothing above a tip from that rule.

use postguard::{check, rules, Account, AccountKind, Context, Settings, Severity, Surface};

fn context(name: &str) -> Context {
    let kind = if name == "brand" { AccountKind::Brand } else { AccountKind::Personal };
    Context {
        account: Some(Account { handle: Some("acme".into()), kind }),
        surface: if name == "dm" { Surface::Dm } else { Surface::Public },
        settings: Settings {
            watch_list: if name == "watch" { vec!["Falcon".into()] } else { Vec::new() },
            ..Settings::default()
        },
        ..Context::default()
    }
}

fn rows() -> Vec<Vec<String>> {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/RULES.md")).expect("docs/RULES.md");
    doc.lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| l.trim_matches('|').split(" | ").map(|c| c.trim().trim_matches('`').to_string()).collect())
        .collect()
}

fn strongest(rule: &str, text: &str, ctx: &Context) -> Option<Severity> {
    check(text, ctx).into_iter().filter(|f| f.rule == rule).map(|f| f.severity).max()
}

#[test]
fn every_rule_is_documented() {
    let documented: Vec<String> = rows().into_iter().map(|r| r[0].clone()).collect();
    for rule in rules::ALL {
        assert!(documented.contains(&rule.id().to_string()), "{} is missing from docs/RULES.md", rule.id());
    }
    assert_eq!(documented.len(), rules::ALL.len(), "docs/RULES.md lists a rule the core does not run");
}

#[test]
fn examples_fire_and_counter_examples_do_not() {
    let mut wrong = Vec::new();
    for row in rows() {
        let [rule, category, _, ctx, example, counter] = &row[..] else { panic!("malformed row {row:?}") };
        let ctx = context(ctx);
        let fired = check(example, &ctx).into_iter().find(|f| f.rule == rule && f.severity >= Severity::Medium);
        match fired {
            Some(f) if f.category.id() == category => {}
            Some(f) => wrong.push(format!("{rule}: category {} is not {category}", f.category.id())),
            None => wrong.push(format!("{rule}: example not flagged: {example}")),
        }
        if strongest(rule, counter, &ctx).is_some_and(|s| s >= Severity::Medium) {
            wrong.push(format!("{rule}: counter-example flagged: {counter}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
