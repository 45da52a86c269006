//! `confidential.marker`: words that say the text was not meant to be
//! public: "strictly confidential", "internal only", "under NDA",
//! "embargoed", "off the record", "leaked", "not public yet". A bare
//! "confidential" counts only as a label ("Confidential: ...") and never in
//! the promise sense ("your data stays confidential").

use super::{hit_span, quoted, with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::{Hit, List};
use crate::text::Doc;
use crate::words::{words, WordList};

pub struct ConfidentialMarker;

const HINT: Action = Action::Rephrase { hint: "Share it only through the channel it was meant for." };

/// Words before "confidential" that make it a promise, not a label.
const PROMISE: WordList =
    words!("kept|keep|treated|as|remain|remains|stay|stays|is|are|be|completely|fully|100|strictly");

/// Words of a service that keeps what it hears, or destroys what it is
/// given ("confidential document shredding"), to itself.
const DISCREET_SERVICE: WordList = words!(
    "obligation|appointment|impartial|judgemental|judgmental|helpline|counselling|shredding|disposal|destruction|reporting"
);

/// "Confidential, and no appointment needed", "it's confidential and there's
/// no obligation": a service's promise, not a label ("Confidential: ...").
fn discreet_service(doc: &Doc, hit: &Hit) -> bool {
    !doc.folded[hit.end..].trim_start().starts_with(':')
        && (super::near_word(doc, hit.last, 0, 5, DISCREET_SERVICE)
            || super::listed(DISCREET_SERVICE, doc.word(&doc.tokens[hit.last])))
}

impl Rule for ConfidentialMarker {
    fn id(&self) -> &'static str {
        "confidential.marker"
    }

    fn category(&self) -> Category {
        Category::Confidential
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        // Two hints of secrecy ("a little birdie told me ... you didn't hear it
        // from me") make a leak, business or not.
        // ("just between us" also holds "between us": count where hints end.)
        let mut ends = input.scan.hits(List::Confidential).filter(|h| h.tag == "soft").map(|h| h.last);
        let hushed = ends.next().is_some_and(|first| ends.any(|e| e != first));
        let found_before = out.len();
        // "Heard we're acquiring Brightline 🤫": the shushing face on a deal is a leak.
        if input.doc.text.contains('\u{1F92B}') {
            if let Some(deal) = input.scan.hits(List::Market).find(|h| h.tag == "event") {
                let span = hit_span(doc, deal);
                out.push(with_action(
                    self.finding(
                        Severity::High,
                        span,
                        format!("{} with a shushing face is a leak.", quoted(doc, span)),
                    ),
                    HINT,
                ));
            }
        }
        // "Just between us, Tom's going to propose": a secret, not a leak,
        // unless the draft is about business. Read once, not per hit.
        let deal = input.scan.hits(List::Market).any(|h| h.tag == "event" || h.tag == "weak");
        let business = deal || input.scan.hits(List::Workplace).any(|h| h.tag == "subject");
        // "Just between us, I think you'll nail the interview" in a DM: the
        // message is already between the two. Work in it ("our client list,
        // keep it between us"), a deal, or news the model hears ("Approval
        // letter expected ... watch the ticker") is still a leak.
        // Asked only of a soft marker: most drafts have none, and it asks the model.
        let private_chat = || {
            input.ctx.is_dm()
                && !deal
                && !about_work(doc)
                && !input.learned().iter().any(|v| v.category == Category::MarketMoving && v.flagged)
        };
        let work = std::cell::OnceCell::new();
        let about_work = || *work.get_or_init(|| business || about_work(doc));
        let at_home = std::cell::OnceCell::new();
        let surprise = || *at_home.get_or_init(|| surprise(doc));
        for hit in input.scan.hits(List::Confidential) {
            // "NDA = Nigerian Defence Academy": an acronym spelled out.
            if hit.tag == "label" && (!is_label(doc, hit) || doc.folded[hit.end..].trim_start().starts_with('=')) {
                continue;
            }
            // "The reserve is $1.45m, don't tell anyone I told you": the writer
            // owns up to passing on work or money news (gossip stays a secret).
            let owned_up = || {
                doc.tokens
                    .get(hit.last + 1..hit.last + 3)
                    .is_some_and(|t| doc.word(&t[0]) == "i" && doc.word(&t[1]) == "told")
                    && (about_work() || doc.text.contains('$'))
            };
            let severity = match hit.tag {
                "soft" if (!business || private_chat()) && !hushed && !owned_up() => Severity::Low,
                // "our client ... The decision is published on the court's website": out already.
                // "our client Hannah, shared with her permission": told with consent.
                "soft" if !hushed && (doc.folded.contains("published") || consented(doc)) => Severity::Low,
                // "Top secret: I've been learning guitar for our wedding. He finds out
                // Saturday": a surprise for someone, not a leak.
                // "Code name for the new puppy was 'Project Fluff'": a surprise at home
                // reads as one unless a workplace or a deal is named.
                _ if (!about_work() || !business) && surprise() => Severity::Low,
                // "Leaked: my mum's secret biryani recipe": a family's recipe.
                "label" if !about_work() && family_recipe(doc) => Severity::Low,
                // "staff hear about it Thursday": news not out yet, if it is work news.
                "unreleased" if !about_work() => Severity::Low,
                // "Off the record, I think the cat just likes the warm keyboard",
                // but not "off the record, the mayor's been charged".
                "aside" if !about_work() && !about_public_life(doc) => Severity::Low,
                // "Free legal clinic: confidential, and no appointment needed": a
                // service promising discretion.
                _ if discreet_service(doc, hit) => Severity::Low,
                _ => Severity::High,
            };
            // "'TOP SECRET KEEP OUT' on my old diary", "my story 'Off the Record'":
            // a marker quoted, away from work.
            let in_quotes = || !about_work() && super::inside_quotes(doc, hit.start, hit.end).is_some();
            if promise_sense(doc, hit) || names_a_work(doc, hit) || safety_advice(doc, hit) || in_quotes() {
                continue;
            }
            let span = hit_span(doc, hit);
            out.push(with_action(
                self.finding(severity, span, format!("{} says this is not meant to be public.", quoted(doc, span))),
                HINT,
            ));
        }
        // "The merger is done, press release drops tomorrow": a deal or results
        // told before the day they are announced are not public yet.
        let deal = || input.scan.hits(List::Market).any(|h| h.tag == "event");
        if out.len() == found_before && deal() {
            // An announcement on the official channel ("Thursday on our webcast") is
            // the news going out; "press release is Tuesday" is still to come.
            let official = |(first, last): (usize, usize)| {
                input.scan.hits(List::Market).any(|h| h.tag == "official" && (h.last < first || h.first > last))
            };
            if let Some((first, last)) = input.announcement_pending().filter(|&span| !official(span)) {
                out.push(with_action(
                    self.finding(Severity::High, doc.token_span(first, last), "This news is not public yet.".into()),
                    HINT,
                ));
            }
        }
    }
}

/// "shared with her permission", "with consent": told with the
/// consent of the person it is about ("without permission" is not).
fn consented(doc: &Doc) -> bool {
    const CONSENT: WordList =
        words!("with permission|with her permission|with his permission|with their permission|with consent");
    CONSENT.split('|').any(|c| doc.folded.contains(c))
}

/// Whether the draft names a recipe of the writer's family.
fn family_recipe(doc: &Doc) -> bool {
    doc.folded.contains("recipe")
        && doc
            .tokens
            .iter()
            .any(|t| super::listed(words!("mum's|mom's|nan's|nana's|gran's|granny's|grandma's|dad's"), doc.word(t)))
}

/// Words of a workplace or a business, for news not out yet.
#[rustfmt::skip]
const WORK: WordList = words!(
    "company|company's|firm|firm's|team|work|office|client|clients|project|launch|staff|",
    "employer|department|studio|lab|product|roadmap|app|ceo|board|deal|contract|contracts|",
    "merger|acquisition|pricing|patch|release|cast|crew|partners|colleagues|plant|factory|site|",
    "store|stores|brand|agency|account|pitch|lawyer|settle|exam|script|episode|campaign|range|",
    "unit|budget|council|ward",
);

/// Words of a surprise kept from someone close.
const SURPRISE: WordList =
    words!("surprise|wedding|proposal|propose|proposing|birthday|puppy|kids|pregnant|engaged|anniversary");

/// Words of public life and the news: an aside about them can be a leak
/// even with no workplace named.
#[rustfmt::skip]
const PUBLIC_LIFE: WordList = words!(
    "mayor|council|councillor|minister|mp|police|charged|arrested|court|school|head|governor|",
    "public|announce|announced|resign|resigning|sacked|fired|election|party|club|manager",
);

fn about_public_life(doc: &Doc) -> bool {
    doc.tokens.iter().any(|t| super::listed(PUBLIC_LIFE, doc.word(t)))
}

fn surprise(doc: &Doc) -> bool {
    doc.tokens.iter().any(|t| super::listed(SURPRISE, doc.word(t)))
}

fn about_work(doc: &Doc) -> bool {
    doc.tokens.iter().any(|t| super::listed(WORK, doc.word(t)))
}

/// "Confidential: ...", "LEAKED - ...", "CONFIDENTIAL Q3 deck".
fn is_label(doc: &Doc, hit: &Hit) -> bool {
    let rest = &doc.folded[doc.tokens[hit.last].end..];
    let followed_by_mark = rest.trim_start().starts_with([':', '-', '\u{2013}', '\u{2014}', '!', ']', ')', ',']);
    // "NDA? nah, it's Nan's Delicious Apple pie": a question, not a label.
    if rest.starts_with('?') {
        return false;
    }
    let before = doc.folded[..doc.tokens[hit.first].start].trim_end();
    let bracketed = before.ends_with(['(', '[']);
    let opens = hit.first == 0 || !doc.same_sentence(hit.first - 1, hit.first);
    (followed_by_mark && (opens || !rest.trim_start().starts_with(','))) || bracketed || doc.tokens[hit.first].shouted
}

/// "L.A. Confidential", "our Off The Record podcast": the title of a film,
/// a show or a book, written in title case.
fn names_a_work(doc: &Doc, hit: &Hit) -> bool {
    const MEDIA: WordList = words!("podcast|show|film|movie|series|episode|book|novel|album|documentary");
    const SEEN: WordList = words!("watched|rewatched|watching|watch|read|reading|reread|finished");
    // Title case: "Off the Record" keeps its small words low.
    const SMALL: WordList = words!("the|of|a|an|and|in|on");
    let tokens = &doc.tokens[hit.first..=hit.last];
    let title_case = |(i, t): (usize, &crate::text::Token)| {
        !t.shouted && (t.capitalized || (i > 0 && i + 1 < tokens.len() && super::listed(SMALL, doc.word(t))))
    };
    if !tokens.iter().enumerate().all(title_case) {
        return false;
    }
    // "Off the Record is a great podcast": the kind of work a few words on,
    // or anywhere in a sentence the title opens ("Top Secret! is the most
    // underrated Val Kilmer film").
    let subject = doc.folded[hit.end..].trim_start_matches(['!', '?', ' ']).starts_with("is ");
    let from = if subject { hit.last + 1 } else { hit.last };
    // "series 3", "Series B": a production or a round, not a kind of work.
    let numbered = |i: usize| doc.tokens.get(i + 1).is_some_and(|t| doc.is_number(t) || doc.raw(t).len() == 1);
    let media_after = (hit.last + 1..doc.tokens.len().min(hit.last + if subject { 12 } else { 5 }))
        .take_while(|&i| doc.same_sentence(from, i))
        .any(|i| super::listed(MEDIA, doc.word(&doc.tokens[i])) && !numbered(i));
    // "Off the Record: new vinyl in every Friday": a small word kept low
    // between capitals is a name's title case; a label is written "Off the
    // record:" or in capitals.
    let named = tokens.len() >= 3 && !tokens[1..tokens.len() - 1].iter().all(|t| t.capitalized);
    let before = hit.first.checked_sub(1).map(|i| &doc.tokens[i]);
    // "L.A. Confidential": initials before the title; "New at Off the Record":
    // a place's name.
    const PLACE: WordList = words!("at|from");
    // "Off The Record is open late", "Off The Record is moving!": a shop's
    // name, of more than one word ("Reorg is back on" is news).
    let open = tokens.len() > 1
        && ["is open", "opens", "is now open", "is moving", "has moved", "is back"]
            .iter()
            .any(|w| doc.folded[hit.end..].trim_start().starts_with(w));
    // "Top Secret! (1984) is still the funniest": a work, its year, and what
    // it still is ("Confidential! (2025) our Q3 numbers" is a label).
    let rest = doc.folded[hit.end..].trim_start_matches(['!', '?', ' ']);
    let bytes = rest.as_bytes();
    let year = bytes.len() >= 6
        && bytes[0] == b'('
        && bytes[1..5].iter().all(u8::is_ascii_digit)
        && bytes[5] == b')'
        && ["is ", "was ", "still "].iter().any(|w| rest[6..].trim_start().starts_with(w));
    named
        || media_after
        || year
        || open
        || before.is_some_and(|t| {
            super::listed(SEEN, doc.word(t))
                || super::listed(PLACE, doc.word(t))
                || (t.capitalized && doc.raw(t).len() <= 2)
        })
}

/// "your bank will never ask for your PIN ... don't share it", "don't share
/// it with anyone claiming to be us": advice to keep one's own secrets, not
/// a leak.
fn safety_advice(doc: &Doc, hit: &Hit) -> bool {
    const SECRETS: WordList = words!("pin|password|passwords|passcode|otp|login");
    (hit.phrase.starts_with("don't share") || hit.phrase.starts_with("do not share"))
        && (doc.tokens.windows(2).any(|w| doc.word(&w[0]) == "your" && super::listed(SECRETS, doc.word(&w[1])))
            || doc.folded.contains("claiming to be"))
}

/// "... will be kept strictly confidential": a promise to the reader.
fn promise_sense(doc: &Doc, hit: &Hit) -> bool {
    let starts_with_confidential =
        doc.word(&doc.tokens[hit.first]) == "confidential" || doc.word(&doc.tokens[hit.first]) == "strictly";
    starts_with_confidential
        && hit.first > 0
        && doc.same_sentence(hit.first - 1, hit.first)
        && super::listed(PROMISE, doc.word(&doc.tokens[hit.first - 1]))
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const RULE: &str = "confidential.marker";

    #[test]
    fn a_deal_told_before_its_announcement_is_not_public_yet() {
        assert!(flags(RULE, "The merger with the water company is done, press release drops tomorrow", &personal()));
        assert!(!flags(RULE, "Our new album release is Friday, pre-order now", &personal()));
        assert!(!flags(RULE, "We will announce the merger Thursday on our webcast", &personal()));
        assert!(!flags(RULE, "Off the Record: new vinyl in every Friday, and the listening booth is open", &brand()));
        assert!(flags(RULE, "Memo marked 'Strictly Confidential': 200 layoffs Friday", &personal()));
    }

    #[test]
    fn advice_to_keep_your_own_secrets_is_fine() {
        let text = "reminder: your bank will never ask for your PIN by text. don't share it with anyone";
        assert!(!flags(RULE, text, &personal()));
        assert!(flags(RULE, "Here's the Q3 deck, don't share it with anyone", &personal()));
    }

    #[test]
    fn a_surprise_for_someone_close_is_only_a_tip() {
        let text = "Top secret: I've been learning guitar for six months to play at our wedding. He finds out Saturday";
        assert!(!flags(RULE, text, &personal()));
        assert!(flags(RULE, "Top secret: the Q3 launch slips to March", &personal()));
        assert!(!flags(
            RULE,
            "Off the record, our cat prefers my husband. On the record, she loves us both",
            &personal()
        ));
        let leak = "Confidential: the Q3 figures are awful and the board knows. Cuddling the cat tonight";
        assert!(flags(RULE, leak, &personal()));
        assert!(flags(
            RULE,
            "Finished reading the Series B term sheet, totally confidential until Monday",
            &personal()
        ));
        assert!(flags(RULE, "Strictly Confidential. Episode 4 script attached for the cast", &personal()));
    }

    #[test]
    fn catches_markers() {
        for text in [
            "Strictly confidential: appointment of our new CEO goes out Friday",
            "Acme Confidential: Q3 numbers attached",
            "Off the record, the mayor's been charged, it goes public Friday",
            "Strictly between us, the new CEO starts Monday",
            "Project Heron is the AI triage pilot we've all been sworn to secrecy about, going live in Feb",
            "Board's selling the training ground to a developer. Staff haven't been told yet.",
            "Strictly confidential - do not forward: draft org chart for the reorg attached",
            "Under NDA so I can't say much, but our chip tapes out next month",
            "Leaked: the new phone will cost $1,299",
            "CONFIDENTIAL: Q3 pricing deck",
            "off the record, the launch slips to May",
            "internal only, please",
            "Draft - do not distribute: 2025 pricing for Acme Corp",
            "The senator made me promise not to quote her, but she's voting no on the farm bill",
            "Was told not to forward it outside the team but the commission splits are 70/30",
            "Vendor's reserve on 8 Tui Rd is $1.45m, don't tell anyone I told you",
            "Client's new flavour drops in March, don't tell nobody I told ya",
            "Screenshot of the merger deck, don't ask how i got this 🤫 announcement next week",
        ] {
            assert!(flags(RULE, text, &personal()), "missed: {text}");
        }
    }

    #[test]
    fn personal_secrets_are_only_a_tip() {
        assert!(!flags(RULE, "just between us, I think Tom's going to propose this weekend", &personal()));
        assert!(flags(RULE, "just between us, the layoffs start Monday", &personal()));
        // A DM is already between the two, unless it carries a deal.
        assert!(!flags(RULE, "Just between us, I think you'll nail the interview tomorrow", &dm()));
        assert!(flags(RULE, "Just between us, I think you'll nail the interview tomorrow", &personal()));
        assert!(flags(RULE, "just between us, the layoffs start Monday", &dm()));
        assert!(flags(RULE, "Sending you our full client list, keep it between us", &dm()));
        assert!(flags(
            RULE,
            "A little birdie told me the redesign ships soon. You didn't hear it from me",
            &personal()
        ));
        assert!(flags(RULE, "Prototype pics, nobody outside engineering has seen this yet", &personal()));
        assert!(flags(RULE, "Heard we're acquiring Brightline for $2B, announcement next week \u{1F92B}", &personal()));
        assert!(!flags(RULE, "Surprise party for Tom on Friday \u{1F92B}", &personal()));
        assert!(!flags(
            RULE,
            "Just between us, I think I'm pregnant again! Don't tell anyone yet, we're waiting for the scan \u{1F92B}",
            &personal()
        ));
        assert!(!flags(RULE, "She's leaving Tom for her yoga teacher, don't tell anyone I told you", &personal()));
        assert!(!flags(RULE, "My mum made me promise not to eat all the biscuits", &personal()));
        assert!(!flags(RULE, "Finally got a PS5, don't ask how i got this 😂", &personal()));
        let cat =
            "My cat sits on my laptop whenever I open Excel. Off the record, I think she likes the warm keyboard.";
        assert!(!flags(RULE, cat, &personal()));
    }

    #[test]
    fn promises_and_generic_uses_are_fine() {
        for text in [
            "Free STI testing at our clinic every Thursday. Confidential and non-judgemental.",
            "Your data stays confidential, always.",
            "Our SDK is open source and MIT licensed, no NDA or sign-up needed. Fork away.",
            "All calls to our helpline are confidential",
            "Just rewatched L.A. Confidential, still holds up beautifully",
            "Reading a thriller where the whole plot turns on a leaked memo. Can't put it down.",
            "Top Secret! is the most underrated Val Kilmer film and nobody can convince me otherwise",
            "New episode of our Off The Record podcast is out now",
            "Off The Record is moving! From 1 May you'll find us at 14 Church Street.",
            "Top Secret! (1984) is still the funniest thing Val Kilmer ever did.",
            "Every enquiry is treated as strictly confidential.",
            "Our confidential counselling service is free for students",
            "Legal clinic for tenants every Saturday. It's confidential and there's no obligation.",
            "Free advice clinic on Saturdays: confidential, and no appointment needed.",
            "The water main leaked all night",
            "NDA? nah this is Nan's Delicious Apple pie and you're all invited",
        ] {
            assert!(fired(RULE, text, &brand()).is_empty(), "false alarm: {text}");
        }
    }

    #[test]
    fn a_client_shown_with_consent_is_not_a_leak() {
        let consent =
            "Balayage transformation for our client Hannah, shared with her permission. Four hours, two toners.";
        assert!(!flags(RULE, consent, &brand()), "{consent}");
        let leak =
            "Balayage transformation for our client Hannah, the new CEO, shared without permission. Launch is Monday.";
        assert!(flags(RULE, leak, &brand()), "{leak}");
    }

    #[test]
    fn an_acronym_spelled_out_and_a_family_recipe_are_not_leaks() {
        for text in [
            "NDA = Nigerian Defence Academy for those asking 😂 my brother just passed out from Kaduna",
            "Leaked: my mum's secret biryani recipe 😂 just kidding, she will never share it.",
        ] {
            assert!(!flags(RULE, text, &personal()), "false alarm: {text}");
        }
        for text in ["Signed an NDA but the merger closes Friday", "Leaked: our Q3 pricing deck for the client"] {
            assert!(flags(RULE, text, &personal()), "missed: {text}");
        }
    }

    #[test]
    fn a_confidential_reporting_line_is_a_service() {
        let text = "Proud the agency has an anonymous, confidential reporting line that actually works.";
        assert!(!flags(RULE, text, &brand()), "false alarm: {text}");
    }
}
