//! PostGuard's core: reads a draft post and reports the spans that could
//! hurt its author (an offensive joke, a card number, a leaked deal, a
//! personal post on a brand account), each with a severity, a message, the
//! lesson behind it and, where safe, an edit to offer.
//!
//! `check` is the whole API. It is pure Rust and knows nothing of the
//! browser; `wasm` translates it for the extension and `main.rs` for the CLI.

pub mod context;
pub mod finding;
pub mod learned;
mod lexicon;
pub mod rules;
pub mod text;
pub mod tips;
mod words;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use context::{Account, AccountKind, Context, Sensitivity, Settings, Surface};
pub use finding::{Action, Category, Finding, Severity};

use lexicon::Scan;
use rules::Input;
use text::Doc;

/// Checks `text` in `ctx` and returns the findings in text order.
pub fn check(text: &str, ctx: &Context) -> Vec<Finding> {
    let doc = Doc::new(text);
    let scan = Scan::new(&doc);
    let input = Input::new(&doc, &scan, ctx);
    let mut found = Vec::new();
    for rule in rules::ALL {
        if !ctx.settings.disabled_categories.contains(&rule.category()) {
            rule.check(&input, &mut found);
        }
    }
    apply_settings(&doc, &ctx.settings, &mut found);
    merge_overlaps(&mut found);
    found
}

/// The categories whose learned rule stays quiet on this draft whatever the
/// model scores, for `cargo xtask train`: a benign post the rule never
/// speaks on need not hold the rule's threshold up.
#[doc(hidden)]
pub fn learned_rules_quiet(text: &str, ctx: &Context) -> Vec<Category> {
    let doc = Doc::new(text);
    let scan = Scan::new(&doc);
    let input = Input::new(&doc, &scan, ctx);
    learned::CATEGORIES.into_iter().filter(|&c| rules::learned_rule_quiet(&input, c)).collect()
}

fn apply_settings(doc: &Doc, settings: &Settings, found: &mut Vec<Finding>) {
    found.retain(|f| f.start < f.end && !settings.disabled_categories.contains(&f.category));
    let allowed = allowed_spans(doc, &settings.allow_list);
    found.retain(|f| !allowed.iter().any(|&(s, e)| s <= f.start && f.end <= e));
    match settings.sensitivity {
        Sensitivity::Relaxed => found.retain(|f| f.severity > Severity::Low),
        Sensitivity::Balanced => {}
        Sensitivity::Strict => {
            found.iter_mut().filter(|f| f.severity == Severity::Low).for_each(|f| f.severity = Severity::Medium)
        }
    }
}

/// UTF-16 spans of every occurrence of an allowed phrase, compared in folded
/// form so "Killed It" allows "killed it".
fn allowed_spans(doc: &Doc, allow_list: &[String]) -> Vec<(u32, u32)> {
    let mut spans = Vec::new();
    for phrase in allow_list {
        let folded = Doc::new(phrase.trim()).folded;
        if folded.is_empty() {
            continue;
        }
        let mut from = 0;
        while let Some(at) = doc.folded[from..].find(&folded) {
            let start = from + at;
            spans.push(doc.span(start, start + folded.len()));
            from = start + folded.len();
        }
    }
    spans
}

/// One highlight per category per place: overlapping findings of the same
/// category keep the most severe.
fn merge_overlaps(found: &mut Vec<Finding>) {
    // By start, the most severe first, then the longest.
    sort_by_key(found, |f| [f.start, Severity::High as u32 - f.severity as u32, u32::MAX - f.end]);
    let mut kept: Vec<Finding> = Vec::with_capacity(found.len());
    for f in found.drain(..) {
        let clash =
            kept.iter_mut().rev().take(8).find(|k| k.category == f.category && f.start < k.end && k.start < f.end);
        match clash {
            Some(k) if f.severity > k.severity => *k = f,
            Some(_) => {}
            None => kept.push(f),
        }
    }
    *found = kept;
}

/// Sorts `items` by `key`, keeping equal keys in their order. The findings
/// and the word-list hits share this one sort of `[u32; 4]`: each element
/// type sorted directly brings its own copy of the standard library's sort,
/// 1 to 4 KB of wasm apiece (the handful of addresses and phone spans use
/// insertion sorts, smaller still).
pub(crate) fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> [u32; 3]) {
    let mut keys: Vec<[u32; 4]> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let [a, b, c] = key(item);
            [a, b, c, i as u32]
        })
        .collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(keys.iter().filter_map(|k| slots[k[3] as usize].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_by_key_orders_by_key_and_keeps_ties_in_order() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut items, |&(k, _)| [k, 0, 0]);
        assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    fn categories(text: &str, ctx: &Context) -> Vec<&'static str> {
        check(text, ctx).iter().map(|f| f.category.id()).collect()
    }

    #[test]
    fn clean_text_has_no_findings() {
        assert!(check("Lovely morning for a run by the river.", &Context::default()).is_empty());
        assert!(check("", &Context::default()).is_empty());
    }

    #[test]
    fn disabled_categories_are_not_reported() {
        let mut ctx = Context::default();
        assert!(categories("what the fuck", &ctx).contains(&"profanity"));
        ctx.settings.disabled_categories.push(Category::Profanity);
        assert!(!categories("what the fuck", &ctx).contains(&"profanity"));
    }

    #[test]
    fn allowed_phrases_are_not_reported() {
        let mut ctx = Context::default();
        ctx.settings.allow_list.push("Holy Shit".into());
        assert!(check("holy shit that was close", &ctx).is_empty());
        assert!(!check("oh shit", &ctx).is_empty());
    }

    #[test]
    fn findings_come_in_text_order_on_char_boundaries() {
        let text = "😀 shit and fuck";
        let found = check(text, &Context::default());
        assert!(found.windows(2).all(|w| w[0].start <= w[1].start));
        assert_eq!(found[0].start, 3);
    }
}
