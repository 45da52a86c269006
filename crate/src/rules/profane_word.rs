//! `profanity.word`: swear words, also when masked (f*ck), stretched
//! (fuuuck), spelled out (f u c k), in leetspeak (sh1t) or in look-alike
//! letters. The mildest words ("hell", "freaking") are a tip on personal
//! accounts, and any swearing is a tip in a direct message from an account
//! that is not a brand's, where the reader was chosen.

use super::{hit_span, with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::List;

pub struct ProfaneWord;

impl Rule for ProfaneWord {
    fn id(&self) -> &'static str {
        "profanity.word"
    }

    fn category(&self) -> Category {
        Category::Profanity
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let brand = input.ctx.is_brand();
        let to_a_friend = input.ctx.is_dm() && !brand;
        for hit in input.scan.hits(List::Profanity) {
            let mild = hit.tag == "mild" || to_a_friend;
            let severity = match (mild, brand) {
                _ if hit.tag == "faint" => Severity::Low,
                (true, false) => Severity::Low,
                (true, true) | (false, false) => Severity::Medium,
                (false, true) => Severity::High,
            };
            let word = input.doc.original(hit_span(input.doc, hit).0, hit_span(input.doc, hit).1);
            let message = if hit.evasion {
                format!("\u{201c}{word}\u{201d} still reads as swearing, however it is spelled.")
            } else {
                format!("\u{201c}{word}\u{201d} is swearing.")
            };
            out.push(with_action(self.finding(severity, hit_span(input.doc, hit), message), Action::Remove));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::context::{AccountKind, Surface};
    use crate::rules::test_util::*;
    use crate::Severity;

    const RULE: &str = "profanity.word";

    #[test]
    fn catches_evasive_spellings() {
        for text in [
            "what the fuck",
            "Fvcking finally, pitch 2 is dry enough to play on Saturday!!",
            "what a clusterfuck of a launch",
            "absofuckinglutely not",
            "Well that was a fecking waste of a Saturday",
            "who the f*** schedules a meeting at 7am",
            "f*ck this",
            "Shit's been mental at work all week",
            "out tonight and getting absolutely sh*tfaced",
            "f**k this",
            "sh!t happens",
            "sh1t happens",
            "a$$ move",
            "f u c k this",
            "f.u.c.k this",
            "fuuuuuck",
            "ｆｕｃｋ",
            "ⓕⓤⓒⓚ",
            "f\u{200b}u\u{200b}c\u{200b}k",
            "fúck",
            "SHIIIIT",
            "f*cking amateurs",
            "WHAT A F@#KING GOAL",
            "f#cking hell",
            "so good it's f•cking illegal",
            "What a f u c k i n g finish from Okafor",
        ] {
            assert!(flags(RULE, text, &personal()), "missed: {text}");
        }
    }

    #[test]
    fn leaves_benign_look_alikes_alone() {
        for text in [
            "Twatt in Orkney has the best sunsets",
            "Bastardstown beach near Kilmore Quay is a hidden gem, barely anyone there on a Sunday.",
            "Hiked Mount Buggery in the Alpine National Park today, cracking views from the top!",
            "Scunthorpe United won",
            "Cocktail hour in Essex",
            "the assassin's creed",
            "shiitake mushrooms",
            "my therapist says hi",
            "reading Dickens tonight",
            "Penistone and Cockburn",
            "Made it to Bitche in Lorraine at last",
            "Pass the class, assess the grass",
            "Shell station on Hancock St",
            "matches and scratches",
            "summer vibes#beach#sun",
            "mail me@home",
        ] {
            assert!(fired(RULE, text, &personal()).is_empty(), "false alarm: {text}");
        }
    }

    #[test]
    fn brand_accounts_raise_the_stakes() {
        assert_eq!(fired(RULE, "what the hell", &personal()), vec![("the hell".to_string(), Severity::Low)]);
        assert!(fired(RULE, "what the hell", &brand()).iter().any(|f| f.1 == Severity::Medium));
        assert_eq!(fired(RULE, "Hell of a week, but every veg box got delivered", &brand())[0].1, Severity::Low);
        assert_eq!(fired(RULE, "crap, missed the bus", &personal())[0].1, Severity::Medium);
        assert_eq!(fired(RULE, "damn, missed the bus", &personal())[0].1, Severity::Low);
        assert_eq!(fired(RULE, "damn, missed the bus", &brand())[0].1, Severity::Medium);
        assert_eq!(fired(RULE, "holy shit", &brand())[0].1, Severity::High);
    }

    #[test]
    fn a_personal_message_to_one_reader_only_gets_a_tip() {
        assert_eq!(fired(RULE, "omg he's such a dickhead", &dm())[0].1, Severity::Low);
        assert_eq!(fired(RULE, "omg he's such a dickhead", &personal())[0].1, Severity::Medium);
        assert_eq!(
            fired(RULE, "fuck, sorry, running late", &ctx(AccountKind::Brand, Surface::Dm))[0].1,
            Severity::High
        );
    }

    #[test]
    fn span_covers_the_original_spelling() {
        assert_eq!(fired(RULE, "oh f u c k", &personal())[0].0, "f u c k");
    }
}
