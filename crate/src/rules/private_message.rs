//! `private-message.public`: a public post that reads like a direct message:
//! meant for one person ("@lisa_m only you can see this right?"), intimate
//! or about private plans ("meet me at my place after 11"). Fires on public
//! surfaces only; in a DM these words are the point.

use super::{contains_emoji, hit_span, with_action, Input, Rule, SECOND_PERSON};
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::List;
use crate::text::Doc;
use crate::words::{words, WordList};

pub struct PrivateMessage;

/// Findings that, addressed to one person, make a post read as a DM.
/// "Just between us, the Q3 numbers are way below forecast": work news
/// told in confidence.
fn leak(f: &Finding) -> bool {
    matches!(f.category, Category::Confidential | Category::MarketMoving) && f.severity >= Severity::Medium
}

fn sensitive(f: &Finding) -> bool {
    matches!(f.category, Category::PersonalData | Category::Credentials) && f.severity >= Severity::Medium
}

/// What a maker keeps secret in public: "our secret recipe".
const MAKERS_SECRETS: WordList = words!("ingredient|ingredients|recipe|recipes|sauce|weapon|spice|blend|formula");

/// Kisses and hearts read as intimate; heart eyes (😍) do not, they greet sunsets and cakes as often (`contains_emoji` needs these outside the BMP).
const INTIMATE_EMOJI: &[char] = &['😘', '💋', '🥰', '😚', '😙', '💕', '💞', '💘', '😈'];

impl Rule for PrivateMessage {
    fn id(&self) -> &'static str {
        "private-message.public"
    }

    fn category(&self) -> Category {
        Category::PrivateMessage
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        if input.ctx.is_dm() {
            return;
        }
        let doc = input.doc;
        let cues: Vec<_> = input.scan.hits(List::PrivateCues).collect();
        let addressed = addressed_to_one(doc) || input.ctx.reply_to.is_some();
        // What the sexual rule flagged, not every suggestive word: "in the
        // shower" in a self-exam guide is not a message to a lover.
        let sexual = out.iter().find(|f| f.category == Category::Sexual && f.severity >= Severity::Medium);
        let sexual_to_you =
            sexual.is_some() && (addressed || doc.tokens.iter().any(|t| super::listed(SECOND_PERSON, doc.word(t))));
        let strong = cues.iter().find(|c| c.tag == "strong");
        // "Our secret ingredient is time": a maker's pride, not a shared secret.
        // "The secret is patience", "the secret to a good dal": a tip, for everyone.
        let makers_secret = |c: &&crate::lexicon::Hit| {
            let next = |list: WordList| doc.tokens.get(c.last + 1).is_some_and(|t| super::listed(list, doc.word(t)));
            let after_the = c.first > 0 && doc.word(&doc.tokens[c.first - 1]) == "the";
            next(MAKERS_SECRETS) || (after_the && next(words!("is|to|of|behind")))
        };
        // "Just started 'The Secret History'": a title, quoted.
        let quoted = |c: &&crate::lexicon::Hit| super::inside_quotes(doc, c.start, c.end).is_some();
        let intimate = cues.iter().any(|c| c.tag == "intimate" && !makers_secret(c) && !quoted(c))
            || contains_emoji(doc, INTIMATE_EMOJI)
            || signs_off_with_a_kiss(doc);
        // "last night" plans something only in a post to one person ("our
        // baby arrived last night 💕" is news for everyone).
        let plans = cues.iter().filter(|c| c.tag == "plans" || (addressed && c.tag == "past")).count();
        // "keep this quiet", "she still thinks I was at work": a secret shared with one person.
        let hush = cues.iter().any(|c| c.tag == "hush");
        // "Mum, the doctor says the lump is benign": someone's private news, told to them or in confidence.
        let news = cues.iter().any(|c| c.tag == "news");
        // "Card's 4539 ..., can you book us the table?": data handed over with a request.
        let asks = cues.iter().any(|c| c.tag == "ask");
        // "@mum happy birthday, love you": love said in public on purpose.
        // "@sam you muppet 😂 love you": friends laughing together, in public.
        // "Mum's 70th ... Love you Amma 🎂": a birthday wished in public.
        let celebrates = cues.iter().any(|c| c.tag == "celebrate")
            || contains_emoji(doc, super::LAUGHING)
            || contains_emoji(doc, &['🎂', '🥳', '🎉']);
        let span = if let Some(cue) = strong {
            Some(hit_span(doc, cue))
        } else if (addressed && ((intimate && !celebrates) || hush || news || plans >= 2))
            || (hush && news)
            || (((intimate && !celebrates) || hush) && plans >= 1)
            || (hush && out.iter().any(leak))
        {
            // Intimate by its emoji alone ("@nat_k see you later 😘"): the whole draft.
            cues.first().map(|c| hit_span(doc, c)).or(Some((0, doc.utf16_len())))
        } else if (addressed || intimate || hush || asks) && out.iter().any(sensitive) {
            // "@sarah_k the door code is 4512": data or a code handed to one person.
            out.iter().find(|f| sensitive(f)).map(|f| (f.start, f.end))
        } else if sexual_to_you {
            sexual.map(|f| (f.start, f.end))
        } else {
            None
        };
        if let Some(span) = span {
            out.push(with_action(
                self.finding(
                    Severity::High,
                    span,
                    "This reads like a private message, but this composer posts publicly.".into(),
                ),
                Action::Rephrase { hint: "Send it as a direct message to the one person it is for." },
            ));
        }
    }
}

/// "Can we talk tonight? x": a kiss to sign off, not a thank-you to a crowd ("thank you Leeds x").
fn signs_off_with_a_kiss(doc: &Doc) -> bool {
    doc.tokens.last().is_some_and(|t| matches!(doc.word(t), "x" | "xx" | "xxx"))
        && !doc.tokens.iter().any(|t| matches!(doc.word(t), "thank" | "thanks"))
}

/// Titles that may come before the name a message opens with ("Mr Ahmed, ...").
const TITLES: WordList = words!("mr|mrs|ms|miss|dr");

/// Greetings that may come before the name a message opens with.
const GREETINGS: WordList = words!("hi|hey|hello|dear");
/// Words that open a message to one person in place of a name ("Sis I borrowed ...").
const VOCATIVES: WordList = words!("sis|bro|babe|hun|bestie");

/// Opens with one @mention (and has no other), with a name and a comma
/// ("Sam, ...", "Hi Sarah, ...", "Mr Ahmed, ...", "Hi Dr Patel, ..."), or
/// with a word said to one person in place of a name ("Sis I borrowed ...").
fn addressed_to_one(doc: &Doc) -> bool {
    let Some(first) = doc.tokens.first() else { return false };
    let mentions = doc.tokens.iter().filter(|t| t.mention).count();
    let titled = |i: usize| doc.tokens.get(i).is_some_and(|t| super::listed(TITLES, doc.word(t)));
    let greeted =
        (super::listed(GREETINGS, doc.word(first)) || titled(0)) && doc.tokens.get(1).is_some_and(|t| t.capitalized);
    // "Hi Dr Patel, ...": a greeting, a title, then the name.
    let name = usize::from(greeted) + usize::from(greeted && super::listed(GREETINGS, doc.word(first)) && titled(1));
    let comma_after =
        |i: usize| doc.tokens.get(i + 1).is_some_and(|next| doc.folded[doc.tokens[i].end..next.start].trim() == ",");
    (first.mention && mentions == 1)
        || (doc.tokens.get(name).is_some_and(|t| t.capitalized) && comma_after(name))
        || super::listed(VOCATIVES, doc.word(first))
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const RULE: &str = "private-message.public";

    #[test]
    fn intimate_emoji_are_outside_the_bmp_as_contains_emoji_needs() {
        assert!(super::INTIMATE_EMOJI.iter().all(|c| c.len_utf8() == 4));
    }

    #[test]
    fn catches_messages_meant_for_one_person() {
        for text in [
            "@ben_w keep this quiet but I'm interviewing at your place next week",
            "@ollie cheers for covering for me, she still thinks I was at work",
            "@lisa_m only you can see this right? meet me at my place after 11, wife's away",
            "@dan_p sending you my home address so you can drop it off: 12 Elm Street",
            "@nat_k sending you a pic from the hotel later 😘",
            "Sexy time tonight, can't wait to get you naked",
            "Sam, miss you. Text me when you land xx",
            "@sarah_k here's my home address and the door code is 4512, see you tonight",
            "@amy_c my flat is empty Friday, come round after 10, bring wine",
            "Mum, the doctor says the lump is benign, I'll ring you tonight",
            "Just between us, I think Sarah's pregnant, don't say anything",
            "Sorry about earlier, I didn't mean what I said. Can we talk tonight? x",
            "Mr Ahmed, your blood results are back, please ring us",
            "Hi Dr Patel, here are my results from Monday, the lump is back",
            "Card's 4539 1488 0343 6467 exp 09/27, can you book us the table?",
            "Dave, the cash is in your account. We never had this conversation. See you Thursday.",
        ] {
            assert!(flags(RULE, text, &personal()), "missed: {text}");
        }
    }

    #[test]
    fn public_conversation_and_dms_are_fine() {
        assert!(!flags(RULE, "@lisa_m only you can see this right?", &dm()));
        for text in [
            "Great chat with @phil_j about the personal learning network idea",
            "Ask me anything about starting a bakery, I'll answer in the comments",
            "Love you all, thank you for 10 years of support",
            "@support my order hasn't arrived, can you check?",
            "See you at the conference tonight, everyone!",
            "@mia.sings you absolutely killed it on stage tonight",
            "@mum_k happy birthday, love you",
            "@jo_p happy anniversary babe, 10 years and counting 💕",
            "Just between us, this banana bread is the best thing I've ever baked",
            "Our secret recipe is patience: two days of proving for every loaf. Open till 4 tonight.",
            "Just started 'The Secret History' and I'll be up far too late tonight.",
            "Made my mum's dal for friends tonight. The secret is patience and far more ghee than you'd think.",
            "Free hearing checks every Saturday at our Chelmsford store. Step-free access via the side entrance.",
            "@sam_b you absolute muppet, you left your jacket at mine AGAIN 😂 love you",
            "@venue_bar doors open after 10, come round for the quiz",
            "Miss you, Nana! Can't wait to see you at Christmas 🎄",
            "We're pregnant! Baby Lewis arrives in March 💕",
            "Sold out tonight, thank you Leeds x",
            "Hi Dr",
            "Dear Mrs",
        ] {
            assert!(!flags(RULE, text, &personal()), "false alarm: {text}");
        }
    }

    #[test]
    fn a_birthday_wished_in_public_is_no_private_message() {
        let text = "Mum's 70th birthday dinner tonight, whole family at the restaurant. Love you Amma 🎂";
        assert!(fired(RULE, text, &personal()).is_empty(), "false alarm: {text}");
    }
}
