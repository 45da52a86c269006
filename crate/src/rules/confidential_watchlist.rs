//! `confidential.watchlist`: the user's own confidential terms (code names,
//! clients, projects), matched as whole words in folded form, so "Project
//! Falcon" also catches "project f4lcon", "FALCON" and "f a l c o n".

use super::{with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::text::Doc;

pub struct ConfidentialWatchlist;

impl Rule for ConfidentialWatchlist {
    fn id(&self) -> &'static str {
        "confidential.watchlist"
    }

    fn category(&self) -> Category {
        Category::Confidential
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        for term in &input.ctx.settings.watch_list {
            let term_doc = Doc::new(term);
            let words: Vec<&str> = term_doc.tokens.iter().map(|t| term_doc.word(t)).collect();
            if words.is_empty() {
                continue;
            }
            for span in occurrences(doc, &words) {
                out.push(with_action(
                    self.finding(
                        Severity::High,
                        span,
                        format!("\u{201c}{}\u{201d} is on your watch list.", term.trim()),
                    ),
                    Action::Rephrase { hint: "Leave the name out until it is public." },
                ));
            }
        }
    }
}

/// UTF-16 spans where the token words (or a spelled-out joined word) equal `words`.
fn occurrences(doc: &Doc, words: &[&str]) -> Vec<(u32, u32)> {
    let mut spans = Vec::new();
    let toks = &doc.tokens;
    for i in 0..toks.len() {
        let fits = words
            .iter()
            .enumerate()
            .all(|(k, w)| toks.get(i + k).is_some_and(|t| doc.word(t) == *w || doc.raw(t) == *w));
        if fits {
            spans.push(doc.token_span(i, i + words.len() - 1));
        }
    }
    if words.len() == 1 {
        spans.extend(doc.spaced.iter().filter(|t| doc.word(t) == words[0]).map(|t| doc.span(t.start, t.end)));
    }
    spans
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;
    use crate::Context;

    fn with_watch(terms: &[&str]) -> Context {
        let mut ctx = personal();
        ctx.settings.watch_list = terms.iter().map(|t| t.to_string()).collect();
        ctx
    }

    #[test]
    fn finds_watched_terms_through_evasions() {
        let ctx = with_watch(&["Falcon", "Project Nimbus"]);
        for text in ["Falcon ships soon", "the f4lc0n board", "FALCON!", "f a l c o n", "working on project nimbus"] {
            assert!(flags("confidential.watchlist", text, &ctx), "missed: {text}");
        }
    }

    #[test]
    fn matches_whole_words_only() {
        let ctx = with_watch(&["Falcon"]);
        assert!(fired("confidential.watchlist", "Falconry weekend", &ctx).is_empty());
        assert!(fired("confidential.watchlist", "Falcon", &personal()).is_empty());
    }
}
