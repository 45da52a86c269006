//! `<category>.learned`: the learned model's verdict (see `learned.rs`),
//! for drafts whose risk is in the wording as a whole rather than in one
//! word ("still seeing double, pray for me at standup"). It speaks only
//! when no rule of the same category has at medium or above (a tip may sit
//! beside it), and it underlines the sentence
//! holding the cue that weighed most. Its lesson is the one of the
//! category's main rule, so the card tells the same story. The offensive
//! one stays quiet on a group quoted to be argued with ("the 'women are bad
//! drivers' line is a myth"), as the rule does.

use super::{Input, Rule};
use crate::finding::{Category, Finding, Severity};
use crate::learned::Verdict;
use crate::lexicon::List;
use crate::words::{words, WordList};

pub struct LearnedSignal {
    pub id: &'static str,
    pub category: Category,
    /// The rule whose lesson this one shares.
    pub main: &'static dyn Rule,
    pub message: &'static str,
}

impl Rule for LearnedSignal {
    fn id(&self) -> &'static str {
        self.id
    }

    fn category(&self) -> Category {
        self.category
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        if out.iter().any(|f| f.category == self.category && f.severity >= Severity::Medium) {
            return;
        }
        let Some(verdict) = input.learned().iter().find(|v| v.category == self.category) else { return };
        if verdict.flagged && !learned_rule_quiet(input, self.category) {
            out.push(self.finding(Severity::Medium, sentence_around(input, verdict), self.message.into()));
        }
    }
}

/// Whether the learned rule of `category` stays quiet on this draft whatever
/// the model scores: "The 'women are bad drivers' line is a myth" quotes a
/// remark to argue with it, "Women can't park? I reversed a minibus..."
/// echoes one to answer it, "women are not 'diversity hires'" denies a
/// label. Training reads this too (`postguard::learned_rules_quiet`).
pub(crate) fn learned_rule_quiet(input: &Input, category: Category) -> bool {
    // "We will never ask for your PIN... hang up": a brand's safety notice
    // reads as neither a complaint nor a personal post.
    let safety_notice = || input.ctx.is_brand() && input.doc.folded.contains("never ask for your");
    let heard = |phrases: WordList| phrases.text().split('|').any(|p| input.doc.folded.contains(p));
    // "Rewatched The Hangover", "Off the Record is a great podcast": a
    // draft about a film, a book or a show names its subject; the rules,
    // which read titles, still speak.
    let about_a_work = || {
        input.doc.tokens.iter().any(|t| super::listed(WORKS, input.doc.word(t)))
            || heard(words!("read about|reading about"))
    };
    match category {
        // "full Irish on a Sunday, black pudding and all": breakfast.
        Category::Offensive => {
            heard(words!("full irish|full english|full scottish|full welsh|full ulster"))
                || super::argues_against(input.doc)
                || super::offensive_generalization::pushed_back(input)
                || super::offensive_generalization::said_by_one_of_them(input)
        }
        Category::Workplace => safety_notice() || heard(WORK_PRAISE),
        // A priced offer with no "I" or "my" in it: the brand selling. "The
        // 6am class absolutely smashed it": a brand praising its people, with
        // no word of a personal life ("date night with the hubby").
        Category::WrongAccount => {
            let as_self = super::speaks_as_self(input.doc);
            safety_notice()
                // "Year 11 absolutely smashed their mock exams": a school's pride.
                || (heard(words!("smashed it|nailed it|crushed it|killed it|smashed their"))
                    && !as_self
                    && !input.scan.has(List::Register))
                || (has_price(&input.doc.folded) && !as_self)
        }
        // "great shots from the photo pit": a camera's shots. "Glass of wine
        // and Bridgerton": one drink, which no one is warned about.
        // "absolutely smashed that karaoke version": a performance.
        Category::Intoxication => {
            let one_glass = heard(ONE_GLASS) && !heard(MORE_THAN_ONE);
            let sober = heard(PHOTOGRAPHY) || one_glass || heard(words!("smashed that|smashed the"));
            (sober && !input.scan.hits(List::Drinking).any(|h| h.tag == "strong"))
                || about_a_work()
                || titled(input, List::Drinking)
                || super::intoxication_drinking::drinking_told_to_a_friend(input)
                || (input.ctx.is_brand() && names_its_own_drink(input))
        }
        // "Anything labelled confidential stays offline": a rule for secrets;
        // "our roof leaked": water; "first DIY project in the new house": a
        // hobby, not a code name; "we leaked our own summer menu": a tease.
        Category::Confidential => {
            about_a_work()
                || heard(words!("leaked our own|leaking our own"))
                || titled(input, List::Confidential)
                || heard(words!("internal wiki|labelled confidential stays|marked confidential stays"))
                || heard(words!("roof leaked|roof leak|pipe leaked|tap leaked|leaking roof"))
                || heard(HOBBY_PROJECTS)
        }
        // "full report on their investor site": news told through an
        // official channel is out already, as the rule reads it, unless an
        // insider, a trade, a secret or a date to come says otherwise.
        Category::MarketMoving => {
            let market = || input.scan.hits(List::Market);
            about_a_work()
                || (market().any(|h| h.tag == "official")
                    && !market().any(|h| h.tag == "insider" || h.tag == "trade")
                    && !input.scan.has(List::Confidential)
                    && input.announcement_pending().is_none())
        }
        Category::Tragedy => {
            about_a_work()
                || heard(words!("paused all promotional|paused our promotions"))
                || (heard(REMEMBRANCE) && !input.scan.has(List::Promo))
        }
        // A surprise kept from its guest, a customer asking a company for
        // help, a "running late", where the spare key is: said in public
        // every day (the rules still read an address or a code in them).
        // A birthday or an anniversary wished in public is meant to be seen,
        // unless a secret sits beside it.
        // A direct message is meant for one person: the category is about
        // public posts that read like one.
        Category::PrivateMessage => {
            input.ctx.is_dm()
                || heard(words!("thanks for having us|surprise party|surprise for|can you help?|hasn't arrived|running late|spare key"))
                || titled(input, List::PrivateCues)
                || (celebrates(input.doc)
                    && !input.scan.hits(List::PrivateCues).any(|h| h.tag == "strong" || h.tag == "hush"))
        }
        Category::Sexual => heard(words!("hooked up the new router|hooked up the new printer|hooked up the router|hooked up the printer|hooked up the tv")),
        // An "AMA" invites the readers in; a teacher's advice addresses them;
        // "Is it dumb to start an index fund with £50?" doubts the writer.
        Category::Hostility => {
            input.doc.tokens.iter().any(|t| input.doc.word(t) == "ama")
                || heard(words!("something i tell every|is it dumb to|is it stupid to|am i dumb|am i stupid"))
        }
        _ => false,
    }
}

/// "the first bottles of our spiced rum labelled by hand": a maker or a
/// bar talking about making or pouring its drink, with no word of being
/// drunk ("been sampling our new rum since lunch and the floor keeps
/// moving" names no making).
fn names_its_own_drink(input: &Input) -> bool {
    const MAKING: WordList = words!(
        "bottle|bottles|bottled|bottling|batch|cask|casks|barrel|barrels|still|stills|distilled|",
        "brewed|botanicals|label|labelled|labeled|release|launch|tasting|available|shop|order|menu"
    );
    let doc = input.doc;
    let word = |i: Option<usize>| i.and_then(|i| doc.tokens.get(i)).map_or("", |t| doc.word(t));
    let mut drinking = input.scan.hits(List::Drinking);
    let ours = drinking
        .clone()
        .any(|h| h.tag.is_empty() && (word(h.first.checked_sub(1)) == "our" || word(h.first.checked_sub(2)) == "our"));
    ours && doc.tokens.iter().any(|t| super::listed(MAKING, doc.word(t)))
        && !drinking.any(|h| h.tag.starts_with("strong"))
}

/// Whether a hit of `list` is a name in title case inside its sentence
/// ("watching The Hangover", "a night at Off The Record"): a film or a shop,
/// not a night out or a leak.
fn titled(input: &Input, list: List) -> bool {
    const SMALL: WordList = words!("the|of|a|an|and|in|on");
    let doc = input.doc;
    input.scan.hits(list).any(|hit| {
        // At a sentence's start only a capital further in shows a title.
        let inside = hit.first > 0 && doc.same_sentence(hit.first - 1, hit.first);
        (inside || doc.tokens[hit.first + 1..=hit.last].iter().any(|t| t.capitalized && !t.shouted))
            && doc.tokens[hit.first..=hit.last].iter().enumerate().all(|(i, t)| {
                !t.shouted
                    && (t.capitalized || (i > 0 && i < hit.last - hit.first && super::listed(SMALL, doc.word(t))))
            })
    })
}

/// "Happy birthday", "Happy 40th to my big sister!", "happy anniversary".
fn celebrates(doc: &crate::text::Doc) -> bool {
    doc.tokens.windows(2).any(|w| {
        let next = doc.raw(&w[1]);
        doc.word(&w[0]) == "happy"
            && (matches!(doc.word(&w[1]), "birthday" | "anniversary" | "bday")
                || (next.starts_with(|c: char| c.is_ascii_digit())
                    && ["st", "nd", "rd", "th"].iter().any(|s| next.ends_with(s))))
    })
}

/// A price ("£45", "$12.99", "€8"): a brand's offer, not its owner's life.
fn has_price(folded: &str) -> bool {
    let bytes = folded.as_bytes();
    ["£", "$", "€"].iter().any(|sign| {
        folded.match_indices(sign).any(|(at, _)| bytes.get(at + sign.len()).is_some_and(u8::is_ascii_digit))
    })
}

/// Praise of a job or a manager, and the office cat: no complaint.
const WORK_PRAISE: WordList = words!(
    "thinks i'm ready|got promoted|proud of my team|best boss|took a chance on me|",
    "tabby called|my coworker the cat|my coworker the dog|grateful for a manager|grateful for my manager|",
    "grateful for the manager",
);

const PHOTOGRAPHY: WordList = words!("photo pit|gallery|camera|photoshoot|photo shoot");

/// One glass named, and nothing that makes it more.
const ONE_GLASS: WordList = words!("glass of wine|glass of red|glass of white|glass of prosecco|glass of fizz");
const MORE_THAN_ONE: WordList =
    words!("big glass|biggest glass|large glass|huge glass|another|bottle|glasses|more wine");

const WORKS: WordList = words!(
    "film|films|movie|movies|series|episode|podcast|documentary|book|novel|album|anthology|",
    "rewatched|rewatching"
);
/// Projects people take on for themselves, which no one keeps secret.
const HOBBY_PROJECTS: WordList = words!(
    "diy project|school project|art project|craft project|garden project|",
    "science project|knitting project|sewing project|woodwork project",
);

/// Remembrance: quiet unless something is sold beside it ("Lest we forget:
/// poppy nails 2-for-1").
const REMEMBRANCE: WordList =
    words!("minute's silence|minutes silence|in memory of|never forget|lest we forget|remembrance");

/// UTF-16 span of the sentence holding the verdict's strongest cue, or of
/// the whole draft when the cue has no place (the account kind).
fn sentence_around(input: &Input, verdict: &Verdict) -> (u32, u32) {
    let folded = &input.doc.folded;
    let (start, end) = verdict.strongest.unwrap_or((0, folded.len()));
    let is_stop = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let from = folded[..start].rfind(is_stop).map_or(0, |i| i + 1);
    let to = folded[end..].find(is_stop).map_or(folded.len(), |i| end + i + 1);
    let text = &folded[from..to];
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    input.doc.span(from + lead, to - trail)
}

/// The learned rules, one per category the model scores, in its order.
pub static RULES: [LearnedSignal; 10] = {
    use super::*;
    [
        LearnedSignal {
            id: "offensive.learned",
            category: Category::Offensive,
            main: &offensive_generalization::OffensiveGeneralization,
            message: "This may read as a put-down of a whole group of people.",
        },
        LearnedSignal {
            id: "sexual.learned",
            category: Category::Sexual,
            main: &sexual_content::SexualContent,
            message: "This reads as suggestive.",
        },
        LearnedSignal {
            id: "workplace.learned",
            category: Category::Workplace,
            main: &workplace_complaint::WorkplaceComplaint,
            message: "This reads as a complaint about work, a job or its people.",
        },
        LearnedSignal {
            id: "hostility.learned",
            category: Category::Hostility,
            main: &hostility_insult::HostilityInsult,
            message: "This may read as an attack on someone.",
        },
        LearnedSignal {
            id: "market-moving.learned",
            category: Category::MarketMoving,
            main: &market_moving::MarketMoving,
            message: "This may hint at company news that is not public yet.",
        },
        LearnedSignal {
            id: "tragedy.learned",
            category: Category::Tragedy,
            main: &tragedy_promotion::TragedyPromotion,
            message: "This may read as making light of, or selling on, a tragedy.",
        },
        LearnedSignal {
            id: "private-message.learned",
            category: Category::PrivateMessage,
            main: &private_message::PrivateMessage,
            message: "This reads like a message meant for one person.",
        },
        LearnedSignal {
            id: "confidential.learned",
            category: Category::Confidential,
            main: &confidential_marker::ConfidentialMarker,
            message: "This may share something that is not meant to be public.",
        },
        LearnedSignal {
            id: "intoxication.learned",
            category: Category::Intoxication,
            main: &intoxication_drinking::IntoxicationDrinking,
            message: "This reads as drinking, drugs or a hangover.",
        },
        LearnedSignal {
            id: "wrong-account.learned",
            category: Category::WrongAccount,
            main: &wrong_account::WrongAccount,
            message: "This sounds personal, and the account posting it is a brand.",
        },
    ]
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learned::CATEGORIES;
    use crate::rules::test_util::*;

    #[test]
    fn one_rule_per_learned_category_with_its_id() {
        let rules = &RULES;
        assert_eq!(rules.iter().map(|r| r.category).collect::<Vec<_>>(), CATEGORIES);
        for r in rules {
            assert_eq!(r.id, format!("{}.learned", r.category.id()));
            assert_eq!(r.main.category(), r.category);
        }
    }

    #[test]
    fn speaks_for_wording_no_rule_catches() {
        let text = "@sam_k can't stop thinking about last night, round two tonight?";
        assert!(flags("sexual.learned", text, &personal()));
    }

    #[test]
    fn each_new_category_speaks_for_wording_no_rule_lists() {
        for (rule, text) in [
            ("hostility.learned", "With respect, this is the most clueless post I've read all year. Did you get your MBA out of a cereal box?"),
            ("market-moving.learned", "mate in finance says Meridane are missing earnings by a mile next week. shorting it tomorrow first thing"),
            ("tragedy.learned", "rip to the guy who died in the crowd but ngl the set absolutely slapped"),
            ("private-message.learned", "meet me by the back entrance at 6, bring the envelope. nobody else needs to know 🤫"),
            ("confidential.learned", "Quarter closed 30% above forecast and I'm not allowed to tell anyone. So I'm telling you 🤐"),
            ("intoxication.learned", "bring the coke saturday and I'll sort the rest"),
        ] {
            assert!(flags(rule, text, &personal()), "{rule}: {text}");
        }
        for text in [
            "With respect, I read this post differently: the data says the opposite. Happy to share the source",
            "Meridane's results are out: revenue up 4%, full report on their investor site",
            "Thinking of everyone hurt in the crowd crush last night. Stay safe, all",
            "Meet us by the main entrance at 6 for the charity walk, bring water!",
            "Not allowed to tell anyone what flavour the birthday cake is. So I'm telling you: lemon 🤐",
            "bring the Coke Zero on saturday and I'll sort the crisps",
        ] {
            assert!(crate::check(text, &personal()).is_empty(), "{text}");
        }
    }

    #[test]
    fn stays_quiet_where_a_rule_spoke() {
        let text = "Accepted the offer! Pay is great, I hate my job already and my boss is useless";
        assert!(flags("workplace.complaint", text, &personal()));
        assert!(fired("workplace.learned", text, &personal()).is_empty());
    }

    #[test]
    fn stays_quiet_on_ordinary_posts() {
        for text in [
            "Our new spring menu is out today, come and try the asparagus tart",
            "Proud to share that our team raised £4,000 for the hospice this weekend",
            "Spotted a pair of great tits at the reserve this morning",
            "Earnings webcast: Thursday 4pm ET, link on our investor site",
        ] {
            for ctx in [personal(), brand()] {
                let found: Vec<_> =
                    crate::check(text, &ctx).into_iter().filter(|f| f.rule.ends_with(".learned")).collect();
                assert!(found.is_empty(), "{text}: {found:?}");
            }
        }
    }

    #[test]
    fn leaves_long_drafts_to_the_rules() {
        let cue = "@sam_k can't stop thinking about last night, round two tonight? ";
        assert!(flags("sexual.learned", cue, &personal()));
        let long = format!("{cue}{}", "The rest of this newsletter is about our garden. ".repeat(30));
        assert!(fired("sexual.learned", &long, &personal()).is_empty());
    }

    #[test]
    fn underlines_the_sentence_with_the_cue() {
        let text = "Great gig. @sam_k can't stop thinking about last night, round two tonight?";
        let found = fired("sexual.learned", text, &personal());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "@sam_k can't stop thinking about last night, round two tonight?");
    }

    fn quiet(text: &str, ctx: &crate::Context, category: Category) -> bool {
        let doc = crate::text::Doc::new(text);
        let scan = crate::lexicon::Scan::new(&doc);
        let input = Input::new(&doc, &scan, ctx);
        learned_rule_quiet(&input, category)
    }

    #[test]
    fn stays_quiet_on_remembrance_and_on_stories() {
        let memorial = "A minute's silence will be held before kick-off in memory of those who lost their lives.";
        assert!(quiet(memorial, &brand(), Category::Tragedy));
        assert!(!quiet("Storm's coming, stock up on candles, 20% off today", &brand(), Category::Tragedy));
        assert!(quiet("Rewatched The Hangover last night, still funny", &personal(), Category::Intoxication));
        assert!(!quiet("Still hungover from the work do, never again", &personal(), Category::Intoxication));
        let photos = "Got some great shots from the photo pit tonight, full gallery up tomorrow.";
        assert!(quiet(photos, &personal(), Category::Intoxication));
        assert!(!quiet("Six shots in and the photo booth is spinning, so drunk", &personal(), Category::Intoxication));
        assert!(quiet("Glass of wine and Bridgerton, Friday night sorted", &personal(), Category::Intoxication));
        let big = "Pouring the biggest glass of wine tonight, kids screaming";
        assert!(!quiet(big, &personal(), Category::Intoxication));
        let exams = "Year 11 absolutely smashed their mock exams. So proud of this lot";
        assert!(quiet(exams, &brand(), Category::WrongAccount));
        assert!(!quiet("I absolutely smashed their quiz last night, hungover now", &brand(), Category::WrongAccount));
        let order =
            "@PartyPiecesUK order 48291037 still hasn't arrived and the party's Saturday, can you check please?";
        assert!(quiet(order, &personal(), Category::PrivateMessage));
        let venue = "@lanternrooms thanks for having us last night, see you again in spring!";
        assert!(quiet(venue, &personal(), Category::PrivateMessage));
        let praise = "Three years at Northwind today, genuinely grateful for a manager who mentors";
        assert!(quiet(praise, &personal(), Category::Workplace));
        let breakfast = "black pudding, white pudding, rashers, the lot. full Irish on a Sunday, can't beat it";
        assert!(quiet(breakfast, &personal(), Category::Offensive));
        let karaoke = "absolutely smashed that karaoke version of Zombie last night, the whole pub joined in";
        assert!(quiet(karaoke, &personal(), Category::Intoxication));
        assert!(!quiet("smashed the vodka and now I am so drunk", &personal(), Category::Intoxication));
        let menu = "We leaked our own summer menu because we couldn't wait, the watermelon spritz is HERE";
        assert!(quiet(menu, &brand(), Category::Confidential));
        let thanks = "Grateful for the manager who pushed me to apply for this role. Today I'm leading the team";
        assert!(quiet(thanks, &personal(), Category::Workplace));
        let proud = "Proud to be a Black woman in tech. Mentoring three girls this year was the best part of it";
        assert!(quiet(proud, &personal(), Category::Offensive));
        assert!(!quiet("I'm a Muslim and Black women can't drive", &personal(), Category::Offensive));
        assert!(quiet("Off the Record is a great podcast on journalism ethics", &personal(), Category::Confidential));
        assert!(!quiet("Between us, the merger closes Friday", &personal(), Category::MarketMoving));
        let diy = "Built-in wardrobe finished! First proper DIY project in the new house, nothing has fallen off. Yet.";
        assert!(quiet(diy, &personal(), Category::Confidential));
        assert!(!quiet("Project Falcon launches in May, not public yet", &personal(), Category::Confidential));
    }

    #[test]
    fn stays_quiet_on_wishes_and_on_drinking_told_to_a_friend() {
        let wish = "Happy 40th to my big sister! Love you loads, see you Saturday for cake x";
        assert!(quiet(wish, &personal(), Category::PrivateMessage));
        assert!(!quiet("Love you loads, see you Saturday, don't tell him x", &personal(), Category::PrivateMessage));
        let secret = "Happy anniversary 😘 keep this between us, he's away again next week x";
        assert!(!quiet(secret, &personal(), Category::PrivateMessage));
        assert!(quiet(secret, &dm(), Category::PrivateMessage));
        let night = "lol i was SO drunk last night, did i embarrass myself??";
        assert!(quiet(night, &dm(), Category::Intoxication));
        assert!(!quiet(night, &personal(), Category::Intoxication));
        assert!(!quiet("bring the coke and the vodka saturday", &dm(), Category::Intoxication));
    }

    #[test]
    fn stays_quiet_on_a_maker_and_on_news_already_out() {
        use Category::{Intoxication, MarketMoving, WrongAccount};
        for (text, ctx, category, expected) in [
            (
                "the copper still fired up by 8, and the first bottles of our spiced rum labelled by hand",
                brand(),
                Intoxication,
                true,
            ),
            ("our team got absolutely smashed on our own rum last night, send help", brand(), Intoxication, false),
            (
                "Been sampling our new rum since lunch and the floor keeps moving, someone carry me home",
                brand(),
                Intoxication,
                false,
            ),
            (
                "The new squat racks are in and the 6am class absolutely smashed it this morning.",
                brand(),
                WrongAccount,
                true,
            ),
            ("Nailed it. Date night with the hubby, back to the specials on Monday x", brand(), WrongAccount, false),
            (
                "Results published on our investor site Thursday; between us they're awful",
                personal(),
                MarketMoving,
                false,
            ),
            (
                "Meridane's results are out: revenue up 4%, full report on their investor site",
                personal(),
                MarketMoving,
                true,
            ),
            ("Between us, results are going to be huge next week", personal(), MarketMoving, false),
        ] {
            assert_eq!(quiet(text, &ctx, category), expected, "{category:?}: {text}");
        }
    }
}
