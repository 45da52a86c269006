//! `sexual.content`: sexually explicit or suggestive words and phrases,
//! through any spelling trick. Health and education uses ("sexual health
//! clinic", "summa cum laude") stay quiet: bare "sex" is not on the list.

use super::{contains_emoji, hit_span, medium_or_high_for_brand, quoted, with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::List;

pub struct SexualContent;

const SUGGESTIVE_EMOJI: &[char] = &['😏', '😈', '🥵', '💦', '🍑', '🍆', '👅', '🔞'];
/// Emoji that wink only beside a double entendre ("finish the job 😉"):
/// on their own they are everywhere ("new bedroom makeover 🔥").
const WINKS: &[char] = &['😉', '🫣', '🔥', '😘'];

impl Rule for SexualContent {
    fn id(&self) -> &'static str {
        "sexual.content"
    }

    fn category(&self) -> Category {
        Category::Sexual
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let severity = medium_or_high_for_brand(input.ctx);
        // "steamy ... in the bedroom", "roleplay ideas ... handcuffs", "in the shower 😏":
        // a suggestive word counts with a second one or a suggestive emoji.
        let weak = |h: &&crate::lexicon::Hit| h.tag == "suggestive" || h.tag == "innuendo";
        let words = input.scan.hits(List::Sexual).filter(|h| weak(h) || h.phrase == "handcuffs").count();
        // The emoji matter only beside a suggestive word; most drafts have none.
        let hints = if words == 0 {
            0
        } else {
            let innuendo = input.scan.hits(List::Sexual).any(|h| h.tag == "innuendo");
            let doc = input.doc;
            words + usize::from(contains_emoji(doc, SUGGESTIVE_EMOJI) || (innuendo && contains_emoji(doc, WINKS)))
        };
        for hit in input.scan.hits(List::Sexual) {
            if weak(&hit) && hints < 2 {
                continue;
            }
            let severity = if hit.tag == "mild" { Severity::Low } else { severity };
            let span = hit_span(input.doc, hit);
            out.push(with_action(
                self.finding(severity, span, format!("{} is sexual content.", quoted(input.doc, span))),
                Action::Remove,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const RULE: &str = "sexual.content";

    #[test]
    fn its_emoji_are_outside_the_bmp_as_contains_emoji_needs() {
        assert!(super::SUGGESTIVE_EMOJI.iter().chain(super::WINKS).all(|c| c.len_utf8() == 4));
    }

    #[test]
    fn catches_sexual_content() {
        for text in [
            "Darkroom opens at 1am, dress code is nothing at all, bring condoms and zero shame",
            "Hotel jacuzzi and my girlfriend in nothing but heels. Best anniversary night ever 🔥",
            "Roleplay ideas for tonight? handcuffs already bought",
            "Fundraising is basically foreplay. Weeks of teasing, then a term sheet",
            "Strip tease tutorial part two drops at midnight, and this time I'm taking absolutely everything off 😏",
            "Last night's sex was so good I can barely walk this morning.",
            "Ranking every position we tried this weekend: the kitchen counter wins by a mile 🍆💦",
            "steamy nights in the bedroom 😏",
            "Sexy time tonight, can't wait to get you naked",
            "send nudes",
            "so h0rny",
            "p0rn stash",
            "Can't wait to get you in bed tonight babe",
            "gonna rip your clothes off when you get home",
            "Nothing beats a morning shag before work",
            "Want to see what's under my dress? link in bio",
            "Last night was so hot, still thinking about your body",
        ] {
            assert!(flags(RULE, text, &personal()), "missed: {text}");
        }
    }

    #[test]
    fn a_double_entendre_needs_a_wink_or_a_second_cue() {
        assert!(flags(RULE, "Big pipes, no leaks, and we always finish the job 😉", &brand()));
        assert!(!flags(RULE, "We always finish the job on time, no leaks", &brand()));
        assert!(!flags(RULE, "That comeback last night 🔥 what a game", &personal()));
        assert!(!flags(RULE, "steamy ramen 🔥", &personal()));
    }

    #[test]
    fn leaves_health_and_idioms_alone() {
        let pub_name = "The Cock and Bottle is showing every match on the big screen, roasts from noon";
        assert!(!flags(RULE, pub_name, &brand()), "false alarm: {pub_name}");
        let ampersand = "Live music from the Middlesex Ramblers this Saturday at the Cock & Bottle, free entry.";
        assert!(!flags(RULE, ampersand, &brand()), "false alarm: {ampersand}");
        let bull = "The Cock & Bull is hiring! Bar staff, weekends essential. Pop in and ask for Lisa";
        assert!(!flags(RULE, bull, &brand()), "false alarm: {bull}");
        for text in [
            "Our new branch in Cumming, GA opens Saturday",
            "Cock-a-leekie soup for the cold snap",
            "Our history walk went down Cock Lane near Smithfield, named after the poultry traders there.",
            "Free sexual health screening at our clinic this week",
            "Graduated summa cum laude!",
            "Sex education matters",
            "The Naked Chef is on tonight",
            "Check out this food porn from our kitchen",
            "Cocktail hour at Cockburn's",
            "Steamy bathroom after a hot shower, need a better fan",
            "Naughty but nice: our sticky toffee pudding is back",
            "Get your kids to bed on time with this one trick",
            "Left with my tail between my legs",
            "New shag carpet in the lounge, very 70s",
            "Spotted: a pair of great tits nesting at the reserve",
            "Blue tits are back at the feeder",
        ] {
            assert!(fired(RULE, text, &personal()).is_empty(), "false alarm: {text}");
        }
    }
}
