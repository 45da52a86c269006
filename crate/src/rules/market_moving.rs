//! `market-moving.insider`: material news that is not public yet: results,
//! guidance, deals, funding, approvals, layoffs, together with a sign that
//! it has not been released ("can't say more until Tuesday", "HR hasn't
//! told anyone", "paperwork signed tonight") or a call to trade on it ("buy
//! before the press release"). News already published through official
//! channels (a results webcast, an investor-relations page) stays quiet; a
//! material word on its own is only a tip.

use super::{hit_span, quoted, with_action, Input, Rule, FIRST_PERSON_SINGULAR};
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::{Hit, List};
use crate::text::Doc;
use crate::words::{words, WordList};

pub struct MarketMoving;

const WE: &[&str] = &["we", "we're", "were", "we've", "weve", "our", "us", "we'll"];

impl Rule for MarketMoving {
    fn id(&self) -> &'static str {
        "market-moving.insider"
    }

    fn category(&self) -> Category {
        Category::MarketMoving
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        let market: Vec<&Hit> = input.scan.hits(List::Market).collect();
        // Without a market word or a cashtag ("$ACME") nothing below can fire.
        if market.is_empty() && !doc.text.contains('$') {
            return;
        }
        let insider = market.iter().find(|h| h.tag == "insider");
        let trade = market.iter().find(|h| h.tag == "trade");
        // "announcement Thursday", "can't announce until April": not out yet;
        // "officially announcing on the 20th" is official only then.
        let pending_at = input.announcement_pending();
        let official = market
            .iter()
            .any(|h| h.tag == "official" && !pending_at.is_some_and(|(a, z)| h.last + 1 >= a && h.first <= z));
        let pending = !official && pending_at.is_some();
        // "Posting this now, deleting it tomorrow: the merger talks are off":
        // planning to delete says the writer knows it should not be out.
        let regretted = !official
            && input.scan.hits(List::Permanence).any(|h| h.phrase.contains("delet") || h.phrase.contains("screenshot"));
        // Revenue, profit, guidance: business talk unless a leak or a trade comes with it.
        let leak = insider.is_some() || trade.is_some() || pending || regretted;
        let events: Vec<&&Hit> = market
            .iter()
            .filter(|h| (h.tag == "event" && (leak || !names_a_stage(doc, h))) || (leak && h.tag == "weak"))
            .collect();
        // "Considering taking the company private at $88. Funding secured.":
        // two events in one post are a plan told first-hand, pronoun or not.
        let mut distinct_events = events.iter().filter(|h| h.tag == "event").map(|h| h.first).collect::<Vec<_>>();
        distinct_events.dedup();
        let insider_voice = || {
            distinct_events.len() >= 2
                || doc.tokens.iter().any(|t| WE.contains(&doc.word(t)) || FIRST_PERSON_SINGULAR.contains(&doc.word(t)))
        };
        let hint = Action::Rephrase { hint: "Wait for the official announcement, then share that." };
        for event in &events {
            let severity = if leak {
                Severity::High
            } else if official {
                continue;
            } else if !input.ctx.is_brand() && insider_voice() {
                // A brand account is the official channel; an employee's "we" is not.
                Severity::Medium
            } else {
                Severity::Low
            };
            let span = hit_span(doc, event);
            out.push(with_action(
                self.finding(severity, span, format!("{} may be market-moving news.", quoted(doc, span))),
                hint.clone(),
            ));
        }
        // "Buy $ACME before Friday, trust me": a ticker and a call to trade on a hint.
        if events.is_empty() && trade.is_none() {
            if let Some(span) = ticker_tip(doc, insider.is_some() || pending) {
                out.push(with_action(
                    self.finding(Severity::High, span, "This tells people to trade a stock on news.".into()),
                    hint.clone(),
                ));
            }
        }
        if let (Some(trade), true) = (trade, events.is_empty()) {
            out.push(with_action(
                self.finding(Severity::Medium, hit_span(doc, trade), "This tells people to trade on news.".into()),
                hint,
            ));
        }
    }
}

/// "a senior engineer at a Series A", "hiring for a Series C in Manchester":
/// a funding round named with "a" is the kind of company, not news of one.
fn names_a_stage(doc: &Doc, hit: &Hit) -> bool {
    hit.phrase.starts_with("series ") && hit.first > 0 && doc.word(&doc.tokens[hit.first - 1]) == "a"
}

/// Days and months that date an announcement still to come.
const WHEN: WordList = words!(
    "monday|tuesday|wednesday|thursday|friday|tomorrow|next|until|till|soon|later|shortly|",
    "january|february|march|april|june|july|august|september|october|november|december",
);

/// "on the 20th", "on 1st": token `i` is a day of the month ("our 3rd
/// acquisition" is a count).
fn is_date(doc: &Doc, i: usize) -> bool {
    let w = doc.raw(&doc.tokens[i]);
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits)
        && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
        && i > 0
        && matches!(doc.word(&doc.tokens[i - 1]), "the" | "on")
}

/// Words that tell someone to trade.
const TRADE_VERBS: &[&str] = &["buy", "sell", "grab", "dump", "short", "load", "loading", "buying", "selling"];
/// Hints that the tip rests on news not out yet.
const TIP_HINTS: &[&str] = &["before", "trust", "news", "soon", "tomorrow", "announcement"];

/// A cashtag ("$ACME") in a sentence with a trading verb and a hint that
/// something is coming ("before Friday", "trust me", "big news"); returns
/// the cashtag's span.
fn ticker_tip(doc: &Doc, hinted: bool) -> Option<(u32, u32)> {
    let verb = doc.tokens.iter().any(|t| TRADE_VERBS.contains(&doc.word(t)));
    let hint = hinted || doc.tokens.iter().any(|t| TIP_HINTS.contains(&doc.word(t)));
    if !verb || !hint {
        return None;
    }
    let bytes = doc.text.as_bytes();
    let at = (0..bytes.len()).find(|&i| {
        bytes[i] == b'$'
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            && bytes[i + 1..].iter().take_while(|b| b.is_ascii_uppercase()).count() >= 1
            && bytes[i + 1..].iter().take_while(|b| b.is_ascii_alphabetic()).count() <= 5
            && bytes[i + 1..].iter().take_while(|b| b.is_ascii_alphabetic()).count()
                == bytes[i + 1..].iter().take_while(|b| b.is_ascii_uppercase()).count()
    })?;
    let len = bytes[at + 1..].iter().take_while(|b| b.is_ascii_uppercase()).count();
    let start16 = doc.text[..at].encode_utf16().count() as u32;
    Some((start16, start16 + 1 + len as u32))
}

/// "announcement Thursday", "can't officially announce until April",
/// "announcing it next week", "press release drops tomorrow", "official
/// results Thursday": news that has not been released yet. Returns the
/// tokens from the announcing word to the day.
pub(super) fn announcement_pending(doc: &Doc) -> Option<(usize, usize)> {
    const RELEASE: &[&str] = &["release", "results", "news"];
    doc.tokens.iter().enumerate().find_map(|(i, t)| {
        let w = doc.word(t);
        // Most words start with another letter: one byte read and done.
        if !matches!(w.as_bytes().first(), Some(b'a' | b'r' | b'n'))
            || !(w.starts_with("announc") && w != "announced" || RELEASE.contains(&w))
        {
            return None;
        }
        // Past the sentence's end every later word is too: stop there
        // ("Big news! the bakery ..." reads no list).
        (i + 1..doc.tokens.len().min(i + 5))
            .take_while(|&j| doc.same_sentence(i, j))
            .find(|&j| super::listed(WHEN, doc.word(&doc.tokens[j])) || is_date(doc, j))
            .map(|j| (i, j))
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const RULE: &str = "market-moving.insider";

    #[test]
    fn catches_unreleased_material_news() {
        for text in [
            "Just got the preliminary numbers: record quarter, beating consensus by 20%. Can't say more until Tuesday!",
            "Big news coming: we've agreed to be acquired by a much larger player, paperwork signed tonight",
            "The layoffs start Monday, 200 people, HR hasn't told anyone yet",
            "Not sure if I'm allowed to say this, but we're closing our Leeds plant next month",
            "Between you and me, the FDA approval came through this morning. Buy before the press release!",
            "We're taking the company private next month",
            "Board just approved the buyout, $42 a share. Announcement Thursday",
            "Merger talks with a rival are basically done, we announce next week",
            "Buy $ACME before Friday, trust me, big news coming",
            "Load up on $TSLQ now, trust me",
            "sell $XYZ before the news drops",
            "Considering taking the company private at $88 a share. Funding secured.",
            "Posting this now, deleting it tomorrow: the merger talks with Brightwave are off",
            "We just closed a $40M Series B led by Sequoia!! Officially announcing on the 20th but I'm too hyped to wait",
            "Closed the books. Let's just say the board is going to be very happy on the 28th",
        ] {
            assert!(flags(RULE, text, &personal()), "missed: {text}");
        }
    }

    #[test]
    fn published_news_and_commentary_are_fine() {
        for text in [
            "Going private with my bookings from next month, no more agency, just me and the van.",
            "Layoffs at my old company hit a lot of friends. If you were affected and do data/ML, DM me, my team is hiring",
            "Thrilled to announce our 3rd acquisition this year: welcome to the family, Brightwave!",
            "Now taking wedding bookings for next summer, viewing evenings on the first Thursday of every month.",
            "Our Q2 earnings call transcript is now available on our investor relations page",
            "Reminder: our annual shareholder meeting is on June 3rd, details on the investor site",
            "Join our Q3 results webcast on 24 October at 9am",
            "As announced this morning, we have closed our Series B. Thank you to our customers",
            "Delighted that our Series A, announced by the company this morning, means twenty new jobs in Derry.",
            "Sad to read about the layoffs in the games industry this year",
            "If you lost your job in a layoff this year, my DMs are open for CV help",
            "My Etsy sales dropped this month, anyone else?",
            "Great book on mergers and acquisitions, highly recommend",
            "Buy tickets before Friday, trust me",
            "Bought $AAPL at the top again, never learn",
            "Shirts are $20 before Friday, buy now",
        ] {
            assert!(!flags(RULE, text, &brand()), "false alarm: {text}");
        }
    }

    #[test]
    fn a_funding_stage_describing_a_company_is_not_news() {
        for text in [
            "Is 0.1% normal for a senior engineer at a Series A (~25 people)? Trying to benchmark before I negotiate.",
            "I'm hiring a platform lead for a Series C in Manchester, hybrid. Open to a quick chat?",
        ] {
            assert!(!flags(RULE, text, &personal()), "false alarm: {text}");
        }
        assert!(flags(RULE, "We just closed our Series A, can't say more until Tuesday", &personal()));
        assert!(flags(RULE, "We're closing a Series B next week, can't say more until Tuesday", &personal()));
    }

    #[test]
    fn funding_secured_for_ones_family_is_no_deal() {
        let text = "Funding secured for my daughter's uni fees thanks to the education plan I started in 2012.";
        assert!(!flags(RULE, text, &personal()), "false alarm: {text}");
    }
}
