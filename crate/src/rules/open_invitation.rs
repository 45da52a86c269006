//! `open-invitation.hashtag`: a brand opening the floor to the public: an
//! "ask us anything" session, "share your story" prompts and campaign
//! hashtags built for replies (#AskJPM, #McDStories, #MyRailStory). From a
//! personal account it is a normal conversation starter and stays quiet.

use super::{with_action, Input, Rule};
use crate::context::AccountKind;
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::List;
use crate::text::{Doc, Token};
use crate::words::{words, WordList};

pub struct OpenInvitation;

/// Hashtag endings that ask the public for stories.
const STORY_TAGS: WordList = words!("stories|story|reasons|memories|moments|experience|experiences|confessions|tales");
/// Words before a hashtag that ask people to use it.
const USE_IT: WordList = words!("use|using|tag|hashtag|reply|tweet|post|share");

impl Rule for OpenInvitation {
    fn id(&self) -> &'static str {
        "open-invitation.hashtag"
    }

    fn category(&self) -> Category {
        Category::OpenInvitation
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        // Unknown accounts get a tip: it might be a brand.
        let (severity, campaign_severity) = match input.ctx.account_kind() {
            AccountKind::Brand => (Severity::Medium, Severity::High),
            AccountKind::Unknown => (Severity::Low, Severity::Low),
            AccountKind::Personal => return,
        };
        let doc = input.doc;
        let hint = Action::Rephrase {
            hint: "Plan for the worst replies first: moderation, a narrow question, a clear end time.",
        };
        let mut found = false;
        for (i, tok) in doc.tokens.iter().enumerate() {
            if !tok.hashtag {
                continue;
            }
            let invited = i > 0 && super::listed(USE_IT, doc.word(&doc.tokens[i - 1])) || asks_for_own_tag(doc, i);
            if is_open_hashtag(doc, tok) || invited {
                let span = doc.span(tok.start.saturating_sub(1), tok.end);
                let severity = if is_open_hashtag(doc, tok) { campaign_severity } else { severity };
                out.push(with_action(
                    self.finding(severity, span, format!("#{} invites the whole internet to answer.", doc.raw(tok))),
                    hint.clone(),
                ));
                found = true;
            }
        }
        // "Tell us what you think at Tuesday's public meeting": asked in a room, not online.
        let in_person = || IN_PERSON.split('|').any(|place| doc.folded.contains(place));
        // "Reply with your account number and we'll look into it": customer service.
        let service = |hit: &crate::lexicon::Hit| {
            doc.tokens.iter().skip(hit.last + 1).take(4).any(|t| super::listed(SERVICE, doc.word(t)))
        };
        let invitation = input.scan.hits(List::Invitation).next();
        if let Some(hit) = invitation.filter(|hit| !found && !in_person() && !service(hit) && !feedback(doc, hit)) {
            out.push(with_action(
                self.finding(
                    severity,
                    doc.span(hit.start, hit.end),
                    "This invites the public to answer, with anything.".into(),
                ),
                hint,
            ));
        }
    }
}

/// "Update the app today and tell us what you think.": feedback on what was
/// just shown, the sentence ending there; "tell us what you think of us"
/// asks about the brand itself.
fn feedback(doc: &Doc, hit: &crate::lexicon::Hit) -> bool {
    let words = |i: usize| doc.tokens.get(i).map(|t| doc.word(t));
    let ends_after = |i: usize| i + 1 >= doc.tokens.len() || !doc.same_sentence(i, i + 1);
    words(hit.last) == Some("what")
        && words(hit.last + 1) == Some("you")
        && words(hit.last + 2) == Some("think")
        && ends_after(hit.last + 2)
}

/// What customer service asks for in a reply.
const SERVICE: WordList = words!("number|reference|receipt|postcode|ref");

/// Where a question is answered face to face.
const IN_PERSON: WordList = words!("public meeting|town hall meeting|drop-in session|drop in session|in person|open evening|open day|next visit|come and meet");

/// "Snapped a pic with our officers? Share it with #MyCityPD", "Share your
/// journey with #LumeraLife", "Tell us about yours with #MyRailJourney",
/// "Share your power bill story in the comments with #PowerUpWithVolta": a
/// tag the public is asked to fill with their own moments.
fn asks_for_own_tag(doc: &Doc, i: usize) -> bool {
    let w = doc.raw(&doc.tokens[i]);
    let word = |j: usize| doc.word(&doc.tokens[j]);
    let asked = |words: WordList, reach: usize| {
        (i.saturating_sub(reach)..i).any(|j| super::listed(words, word(j)) && doc.same_sentence(j, i))
    };
    // "Share your best (or funniest!) flight stories with #FlyWithPhilAir":
    // stories asked for, even across a "!" in brackets.
    let stories = || {
        i > 1
            && super::listed(STORY_TAGS, word(i - 2))
            && (i.saturating_sub(12)..i).any(|j| matches!(word(j), "share" | "tell"))
    };
    let shared_with = i > 0 && word(i - 1) == "with" && (asked(words!("share|post|tag|tell"), 10) || stories());
    (w.len() > 4 && w.starts_with("my") && asked(USE_IT, 6)) || shared_with
}

/// #AskJPM, #AskOurBank, #McDStories: a Q&A or a call for stories.
fn is_open_hashtag(doc: &Doc, tok: &Token) -> bool {
    let w = doc.raw(tok);
    (w.len() > 4 && w.starts_with("ask") && !w.starts_with("asking"))
        || (w.len() > 6 && (w.starts_with("tellus") || w.starts_with("tellthe")))
        || STORY_TAGS.split('|').any(|s| w.len() > s.len() + 1 && w.ends_with(s))
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const RULE: &str = "open-invitation.hashtag";

    #[test]
    fn catches_brand_invitations() {
        for text in [
            "What was your worst day with us? #TellTheBank",
            "Stitch this and tell us about your experience with GlowLab #GlowLabTruth — all stories welcome!",
            "Nothing is off the table: our R&D team answers at 3pm",
            "Share your best trip with our trains! #TrainTales",
            "Meet some of the farmers who supply our potatoes #McDStories",
            "Tell us your worst experience with our trains! Use #MyRailStory",
            "Who wants to ask our founder a question? Reply with #AskHenry",
            "Finish the sentence: I shop here because... #ShopReasons",
            "How has switching to Volta changed your household? Share your power bill story in the comments with #PowerUpWithVolta",
            "Where has PhilAir taken you? Share your best (or funniest!) flight stories with #FlyWithPhilAir",
            "Questions for our CEO? Ask us anything today from 3pm",
            "Snapped a pic with one of our officers? Share it with #MyTownPD",
            "Had a great trip with us? Tell us about it with #MyCoastJourney",
            "Living with asthma? We want to hear your journey. Share it with #BreatheLife",
            "Ask us anything about your account, savings or mortgage: our CEO answers live at 3pm",
            "Ask us anything about what's in store for 2025, nothing off limits!",
            "Open thread: tell us what you think of us. Don't hold back",
        ] {
            assert!(flags(RULE, text, &brand()), "missed: {text}");
        }
    }

    #[test]
    fn personal_and_ordinary_brand_posts_are_fine() {
        assert!(!flags(RULE, "Ask me anything about starting a bakery #AskMe", &personal()));
        for text in [
            "Our support team is available by DM 9am-5pm, weekdays",
            "Our CEO will be answering questions from employees at the internal town hall today",
            "New spring menu is here #SpringMenu",
            "Tell us what you think of the new bus routes at Tuesday's public meeting, 6pm at City Hall",
            "Drop your favourite pasta shape in the comments 👇",
            "Our serum is live, 30ml for £18. Tell us your skin type in the comments and we'll say if it's a match",
            "Beans not arrived? Reply with the order number from your receipt and we'll chase the courier.",
            "Open day on Saturday: come and meet our tutors and ask our students anything about campus life.",
            "Nimbus 3 is out today with offline sync. Update from the app store now and tell us what you think.",
            "Read the founders' stories with #FoundersWeek on our blog.",
            "Tell your friends: we're open late Fridays now! Also, catch our founders' stories with #FoundersWeek on the blog.",
        ] {
            assert!(!flags(RULE, text, &brand()), "false alarm: {text}");
        }
    }
}
