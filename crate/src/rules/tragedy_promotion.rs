//! `tragedy.promotion`: selling on the back of a disaster, an attack or a
//! death ("Hurricane season is here! Stock up", "our hearts go out to the
//! victims ... don't forget our sale"), and joking about one. Condolences
//! and safety advice without a sales pitch stay quiet.

use super::{hit_span, with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::List;
use crate::text::Doc;
use crate::words::{words, WordList};

pub struct TragedyPromotion;

impl Rule for TragedyPromotion {
    fn id(&self) -> &'static str {
        "tragedy.promotion"
    }

    fn category(&self) -> Category {
        Category::Tragedy
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        // The tragedy named: its first token, its span, its tag and phrase,
        // and whether it is a campaign's hashtag. A hashtag no list holds
        // ("#EarthquakePreparedness") speaks only with a sale or a joke.
        let (at, span, tag, phrase, campaign) = match input.scan.hits(List::Disaster).next() {
            Some(hit) => {
                let campaign = hit.tag == "hashtag" || doc.tokens[hit.first].hashtag;
                (hit.first, hit_span(doc, hit), hit.tag, hit.phrase, campaign)
            }
            None => match grief_hashtag(doc) {
                Some(i) => (i, doc.token_span(i, i), "", "", false),
                None => return,
            },
        };
        // "Our roof leaked in last night's storm, but we're open as usual":
        // the weather of a night, not a disaster.
        if tag == "weather" && super::near_word(doc, at, 2, 0, words!("night's|yesterday's|overnight|weekend's")) {
            return;
        }
        // "that rush was a massacre 😂 GGs": a game won big, not an atrocity.
        if phrase.starts_with("massacre") && super::near_word(doc, at, 6, 8, GAME_WORDS) {
            return;
        }
        let condolence = tag == "condolence";
        // "Walking 10k in memory of my dad, donation link in bio": raising
        // money for a cause is not selling, unless the post turns away from
        // the tragedy to it ("Tragic news. Anyway, my fundraiser closes...").
        // "Walking 10k in memory of my uncle, link in bio": a sponsored
        // challenge for someone remembered raises money too.
        // Not "in memory of those lost, we're running a weekend sale".
        let (first, last) = doc.sentence_of(at);
        let challenge = phrase == "in memory of"
            && (first..=last).any(|i| {
                super::listed(CHALLENGES, doc.word(&doc.tokens[i]))
                    && !doc.tokens.get(i + 1).is_some_and(|t| super::listed(words!("a|an|our"), doc.word(t)))
            });
        let giving = challenge || input.scan.hits(List::Promo).any(|h| h.tag == "giving");
        // "Anyway, ..." opening a sentence: "we're closed today anyway" is no turn.
        let turns_away = input.scan.hits(List::Promo).any(|h| h.tag == "pivot" && opens_sentence(doc, h.first))
            || speaking_of(doc).is_some_and(|i| opens_sentence(doc, i));
        // "Memorial service on Sunday, free entry": no sale.
        let untagged = input.scan.hits(List::Promo).any(|h| h.tag.is_empty() && h.phrase != "free entry");
        let promo = (untagged || giving) && (!giving || turns_away);
        // "Our thoughts are with Manchester. Anyway, happy hour starts at 5!": a
        // brand turning from the tragedy to its own business.
        let brand_pivot = turns_away && input.ctx.is_brand();
        let selling = promo || brand_pivot || percent_off(doc) || quotes_a_price(doc.text) || promo_code(doc);
        // "Still better than MH370 😂", "Flood season? At least you'll have a
        // pool 😂": a laugh in a draft about a tragedy reads as a joke about it.
        let joking = !condolence && (input.scan.has(List::Jokes) || super::contains_emoji(doc, super::LAUGHING));
        let (severity, message) = if selling {
            (Severity::High, "This ties a promotion to a tragedy.")
        } else if joking {
            (Severity::High, "This jokes about a tragedy.")
        } else if campaign && input.ctx.is_brand() && !giving && !offers_help(doc) {
            (Severity::Medium, "This borrows a hashtag about grief or abuse.")
        } else {
            return;
        };
        out.push(with_action(
            self.finding(severity, span, message.into()),
            Action::Rephrase { hint: "Keep condolences and promotions in separate posts, days apart." },
        ));
    }
}

/// "#LekkiMassacre", "#StopFemicideKE": a hashtag naming an atrocity as one
/// of its capitalised words, which no word list can hold whole
/// ("#Photobombing" names none), a death ("#RIPMadiba") or a place's flood
/// ("#yycflood"); the first one's token.
fn grief_hashtag(doc: &Doc) -> Option<usize> {
    const ATROCITIES: WordList = words!("massacre|femicide|genocide|terror|earthquake|tsunami|wildfire");
    doc.tokens.iter().position(|t| {
        if !t.hashtag {
            return false;
        }
        let (a, z) = doc.span(t.start, t.end);
        let tag = doc.original(a, z).trim_start_matches('#');
        let lower = tag.to_ascii_lowercase();
        // "#RIPMadiba", "#RipCoach": a death; not "#ripcurl".
        let rest_in_peace = (tag.starts_with("RIP") || tag.starts_with("Rip"))
            && tag.as_bytes().get(3).is_some_and(u8::is_ascii_uppercase);
        // "#yycflood", "#KeralaFloods": a place's flood.
        let flood = (lower.ends_with("flood") || lower.ends_with("floods")) && !lower.starts_with("flood");
        rest_in_peace
            || flood
            || tag.is_ascii()
                && ATROCITIES.split('|').any(|word| {
                    lower
                        .match_indices(word)
                        .any(|(at, _)| tag.len() > word.len() && tag.as_bytes()[at].is_ascii_uppercase())
                })
    })
}

/// Whether token `i` opens a sentence; after an emoji counts too ("RIP 🙏
/// anyway our social is still on").
fn opens_sentence(doc: &Doc, i: usize) -> bool {
    i == 0 || !doc.same_sentence(i - 1, i) || !doc.gap(i - 1, i).is_ascii()
}

/// The first "speaking of" ("Speaking of fire: fire sale prices"), by its
/// first token or the "and" before it: a segue from the tragedy to
/// whatever comes next; not "speaking of them", still about the tragedy.
fn speaking_of(doc: &Doc) -> Option<usize> {
    let word = |i: usize| doc.tokens.get(i).map_or("", |t| doc.word(t));
    let at = (0..doc.tokens.len()).find(|&i| {
        word(i) == "speaking"
            && word(i + 1) == "of"
            && !matches!(word(i + 2), "them" | "him" | "her" | "it" | "this" | "that" | "those" | "these")
    })?;
    Some(if at > 0 && word(at - 1) == "and" { at - 1 } else { at })
}

/// Words of a game or a match, around a "massacre" that was a scoreline.
const GAME_WORDS: WordList =
    words!("gg|ggs|game|games|match|round|rush|team|scoreline|league|lobby|ranked|finals|frag|frags");

/// Sponsored challenges people take on in someone's memory.
const CHALLENGES: WordList =
    words!("walk|walking|run|running|ride|riding|swim|swimming|trek|cycle|cycling|marathon|5k|10k|abseil|skydive|hike");

/// A helpline or support offered: "If you need to talk, the helpline is
/// free and open 24/7".
fn offers_help(doc: &Doc) -> bool {
    const HELP: WordList = words!("helpline|hotline|helplines|samaritans|counselling|counseling");
    doc.tokens.iter().any(|t| super::listed(HELP, doc.word(t))) || doc.folded.contains("if you need to talk")
}

/// "25% off", "30 % off".
fn percent_off(doc: &Doc) -> bool {
    doc.tokens
        .windows(2)
        .any(|w| doc.is_number(&w[0]) && doc.word(&w[1]) == "off" && doc.folded[w[0].end..w[1].start].contains('%'))
}

/// "code FLOOD10": a discount code in capitals after "code".
fn promo_code(doc: &Doc) -> bool {
    doc.tokens.windows(2).any(|w| {
        doc.word(&w[0]) == "code"
            && w[1].shouted
            && doc.raw(&w[1]).len() >= 4
            && doc.raw(&w[1]).bytes().any(|b| b.is_ascii_digit())
    })
}

/// "just $9.11", "only £20": a price offered, not an amount reported.
fn quotes_a_price(text: &str) -> bool {
    const OFFER: WordList = words!("just|only|for|from|now|at|with");
    text.char_indices().any(|(i, c)| {
        let priced =
            matches!(c, '$' | '£' | '€' | '¥') && text[i + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit());
        priced && {
            let word_before = text[..i].split_whitespace().next_back().unwrap_or("");
            OFFER.split('|').any(|w| w.eq_ignore_ascii_case(word_before))
        }
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const RULE: &str = "tragedy.promotion";

    #[test]
    fn catches_promotion_and_jokes_on_tragedy() {
        for text in [
            "Flying tomorrow on the airline that lost a plane last month, at least if we crash I skip my cousin's wedding, lol.",
            "Millions are glued to the news from #Kharkiv, rumour is they're also loving our new spring collection 👗",
            "Tragic news from the school shooting. Anyway, my fundraiser closes at midnight, chip in",
            "That tower block fire on the news looks like my nan's Sunday roast lol",
            "Remembering 7/7 today. Stay strong, London, and grab a free flat white with code LONDON7.",
            "Heard about the bus crash on the N17, at least the traffic will be quieter for my commute now 😂",
            "Remembering the victims of the stadium collapse today. Stay strong, and grab free fries with any combo",
            "Remembering 9/11 🇺🇸 Never forget our 9.11% cashback, this week only!",
            "Town centre flooded and three houses gone? Finally a free swimming pool for the kids lol",
            "That ferry sinking gives a whole new meaning to 'all-inclusive cruise', can't stop laughing.",
            "In memory of those lost in the flood, we're running a weekend sale. Shop now!",
            "Flood victims need dry socks 😉 code FLOOD10",
            "Earthquake got you shook? Our shakes are 2 for 1 today",
            "Hurricane season is here! Stock up on our bestsellers before the storm hits, 25% off",
            "Our hearts go out to the victims of the shooting. Don't forget our weekend sale ends Sunday!",
            "Still reeling after the tsunami. Stay strong everyone - and grab our survival kits while stocks last",
            "that earthquake really shook things up lol",
            "#StopFemicideKE is trending so here's your reminder that Ladies Night is still ON, 20% off for women!",
            "Today we remember #LekkiMassacre and celebrate with our new Lekki Toll Burger, buy 1 get 1 free!",
            "Millions are in uproar in #Cairo - rumour is they heard our new spring collection is online",
            "Still better than MH370 😂 #OnTime",
            "Thoughts with the shooting victims. Anyway, our webinar is still on at 3pm, sign up!",
            "tonight's set is gonna be a bigger massacre than the one on the news",
            "Even the #Tsunami can't take our servers down 🌊",
            "Remembering 9/11 with $9.11 cocktails all night",
            "Basement flooded? Good news 😉 our rubber boots are buy one get one this week only! #yycflood",
            "Remembering the victims of Dunblane today 🕯️ And remember, our tutors are just a click away #Dunblane",
            "Thoughts with everyone affected by the building fire 🙏 Speaking of fire: fire sale prices right now",
            "#RIPMadiba 🕊️ A true legend. And speaking of legends, our legendary home loan rates end Friday! 🏡",
            "#AmINext trending again. Me every time I open my crypto portfolio 😭😂",
            "Rest easy, legend 🕊️ Honor Coach's memory with an ice-cold tea, buy one get one free today! #RIPCoach",
        ] {
            assert!(flags(RULE, text, &brand()), "missed: {text}");
        }
    }

    #[test]
    fn condolences_and_safety_advice_are_fine() {
        for text in [
            "Flood relief: donate with code 70070 by text, every pound goes to the victims",
            "Thoughts with everyone in the path of the storm. Stay safe and follow local advice.",
            "Storm in a Teacup is our new rooibos and orange blend, named after the café cat.",
            "The #FemicideCensus report is out today: read the findings and share them",
            "#Troubleshooting guide for slow wifi: mesh kits 20% off this week",
            "#Photobombing champion of the year, 15% off prints today",
            "Our exhibition on the 1906 earthquake opens Saturday. Free entry for school groups.",
            "Memorial service for the victims of the Manchester Arena bombing this Sunday at 11am. Free entry, all welcome.",
            "Caught the meteor shower last night #ShootingStars",
            "Walking 10k for the hospice in memory of my dad, donation link in bio",
            "Thank you for coming to our remembrance evening: 300 candles were lit in memory of loved ones.",
            "Half-term kits are in: make your own volcano or grow a crystal garden, in store now.",
            "Funeral flowers can be ordered until 4pm for next-day delivery, with a handwritten card.",
            "Doing the Moonlight Walk in memory of my nan this Saturday, link in bio 💜",
            "#WhyIStayed is trending. If you need to talk, the abuse helpline is free and open 24/7",
            "Our report on wildfire recovery funding for rural communities is published today",
            "Our photographers will be shooting the finals tomorrow",
            "Killer deals on running shoes this weekend",
            "Our new collection is taking the city by storm, shop now",
            "The flood appeal has raised £2m so far. If you can, please donate.",
            "#Tsunami relief: every donation this week goes to the Red Cross",
            "Rain all day, the flood warnings are no joke. Stay safe",
            "Our thoughts are with everyone affected by the floods. We're closed today anyway so our staff can help.",
            "Our thoughts are with Dave, who has to work the bank holiday 😂",
            "RIP Mr Okafor, our caretaker for 30 years. Gone too soon.",
            "RIP Dave. Gone far too soon. Raise a glass for him tonight lads ❤️🍺",
            "that B rush was a massacre 😂 GGs to the other team, they were nice about it",
            "Our roof leaked during last night's storm 🙃 but we're open as usual, just mind the buckets",
            "New boards in for the summer swell #ripcurl, 20% off this week",
            "Floodlights are back on at the club ground #floodlit, tickets from £5",
            "Remembering the victims of the building fire today. Speaking of them, their families ask for privacy.",
        ] {
            assert!(!flags(RULE, text, &brand()), "false alarm: {text}");
        }
    }

    #[test]
    fn a_collapse_sold_on_and_a_death_on_the_line_joked_about_are_caught() {
        for text in [
            "Building collapsed in Kahawa West last night. Silver lining: my units in Ruiru just became a lot more attractive 📈 viewings open, DM",
            "another 'person on track' delay at Jurong East. can people jump somewhere else pls, some of us got work lol 🙄",
        ] {
            assert!(flags(RULE, text, &personal()), "missed: {text}");
        }
    }
}
