//! `intoxication.drinking`: being drunk or high, or getting there ("blackout
//! drunk", "so stoned", "popped an edible", "wine o'clock"). A drink on its
//! own is a tip, never a warning ("a cold beer on the porch"). Words with a
//! sober meaning count only in a drinking frame: "getting wasted" but not
//! "wasted an hour", "rolled a joint" but not "joint venture".

use super::{contains_emoji, hit_span, near_word, quoted, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::{Hit, List};
use crate::text::Doc;
use crate::words::{words, WordList};

pub struct IntoxicationDrinking;

/// Words before an ambiguous word that make it mean drunk or high.
const DRUNK_FRAME: WordList = words!(
    "get|getting|got|gets|so|totally|completely|absolutely|super|pretty|was|were|im|i'm|am|be|",
    "been|properly|fully|utterly|already|still|too|very|proper",
);
/// Words after an ambiguous word that give it its sober meaning.
const SOBER_AFTER: WordList = words!(
    "time|money|hours|hour|minutes|day|days|effort|food|energy|opportunity|chance|talent|",
    "potential|it|them|records|expectations|by|on|off|the|that|this|my|their|his|her|our|your|me",
);
/// Words near a drug name that make it a drug.
const DRUG_FRAME: WordList = words!(
    "smoke|smoking|smoked|roll|rolling|rolled|popped|pop|popping|took|take|taking|ate|eat|",
    "eating|high|stoned|hit|puff|gram|grams|dealer|bag|line|lines|snort|snorted|doing|did|on|",
    "some|an|baked|that|from|enough|much|bringing|sorting|mixing|money|buy|bought|pay|",
    "brownie|brownies|gummies|gummy|cookies|decent|kicked|score|scored|plug|rave",
);
/// Drinks (`contains_emoji` needs them outside the BMP).
const DRINK_EMOJI: &[char] = &['🍺', '🍻', '🍷', '🥂', '🍸', '🍹', '🥃', '🍾'];

impl Rule for IntoxicationDrinking {
    fn id(&self) -> &'static str {
        "intoxication.drinking"
    }

    fn category(&self) -> Category {
        Category::Intoxication
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        // "coke and champagne", "xanax and vodka": a drug name next to a drink is the drug.
        // "the new cocktail bar": a place named for a drink is not one.
        let at_venue = |h: &Hit| {
            h.tag != "venue"
                && input.scan.hits(List::Drinking).any(|v| v.tag == "venue" && v.start <= h.start && h.end <= v.end)
        };
        // "espresso martini" is one drink, not two with "martini" inside it.
        let inside_another = |h: &Hit| {
            input
                .scan
                .hits(List::Drinking)
                .any(|v| v.start <= h.start && h.end <= v.end && v.end - v.start > h.end - h.start)
        };
        let drink = |h: &Hit| (h.tag.is_empty() || h.tag == "drink") && !inside_another(h);
        // "pub lunch optional": a meal at the pub, not a night in it.
        let meal = |h: &Hit| {
            h.tag == "setting" && doc.tokens.get(h.last + 1).is_some_and(|t| super::listed(MEALS, doc.word(t)))
        };
        let drinks = input.scan.hits(List::Drinking).filter(|h| drink(h) || h.tag == "setting" && !meal(h)).count();
        // "a pint of Guinness" is one drink: a measure, "of", then what is in it.
        let measured = |h: &Hit| {
            h.first >= 2
                && doc.word(&doc.tokens[h.first - 1]) == "of"
                && input.scan.hits(List::Drinking).any(|m| m.last == h.first - 2 && drink(m))
        };
        let rounds = input.scan.hits(List::Drinking).filter(|h| drink(h) && !measured(h)).count();
        // Read once, not per drink: whether a brand is selling what it names.
        let brand_drinking = input.ctx.is_brand() && !offers_drinks(doc);
        // "Our new paper on ketamine as an antidepressant": research, not a night out.
        let research = input.scan.has(List::Drinking) && doc.tokens.iter().any(|t| RESEARCH.contains(&doc.word(t)));
        let to_a_friend = drinking_told_to_a_friend(input);
        for hit in input.scan.hits(List::Drinking) {
            if hit.tag == "venue"
                || at_venue(hit)
                || meal(hit)
                || sober_sense(doc, hit)
                || soft_drink(doc, hit)
                || names_a_show(doc, hit)
                || instead_of(doc, hit)
            {
                continue;
            }
            let severity = match hit.tag {
                // "still hungover from your party, thanks for having me", "i was
                // SO drunk last night": a night out told to a friend in a
                // message is nobody's business; drugs are.
                "strong" if to_a_friend && about_drink(hit) => Severity::Low,
                "strong" => Severity::Medium,
                // "Watched The Hangover again": the film; "hangover? no, just tired": denied.
                "hangover" if film_title(doc, hit) || doc.folded[hit.end..].starts_with("? no") => continue,
                "hangover" if to_a_friend => Severity::Low,
                "hangover" => Severity::Medium,
                // "The ending of Past Lives ... and I was wrecked. Best film of the
                // year": moved by a story, with no drink in the draft.
                "strong-ambiguous" if drunk_frame(doc, hit) && (drinks > 0 || !about_a_story(doc, hit)) => {
                    Severity::Medium
                }
                // "The joint on this dovetail": woodwork.
                "drug-ambiguous"
                    if (drinks > 0 || near_word(doc, hit.first, 4, 3, DRUG_FRAME))
                        && !craft_or_body_joint(doc, hit) =>
                {
                    Severity::Medium
                }
                // "last night's vodka ... head is pounding": the morning after.
                "aftermath" if drinks > 0 => Severity::Medium,
                "party-drug" if doc.tokens.iter().any(|t| super::listed(PARTY, doc.word(t))) => Severity::Medium,
                "strong-ambiguous" | "drug-ambiguous" | "aftermath" | "party-drug" => continue,
                _ => Severity::Low,
            };
            // "'Irish people are always drunk' isn't banter, it's a lazy stereotype".
            if severity >= Severity::Medium && super::quoted_to_dismiss(doc, hit.start, hit.end) {
                continue;
            }
            // "3rd pint in at the Crown 🍺", "margaritas on me tonight" from a brand:
            // a night out on the brand's feed, unless the brand is selling the drink.
            let on_brand_feed = severity == Severity::Low
                && brand_drinking
                && (hit.tag.is_empty() || hit.tag == "drink" || hit.tag == "setting");
            let severity = if research {
                Severity::Low
            } else if on_brand_feed {
                Severity::Medium
            } else if severity == Severity::Medium && input.ctx.is_brand() {
                Severity::High
            } else {
                severity
            };
            let span = hit_span(doc, hit);
            let message = if severity == Severity::Low && to_a_friend {
                "Told to a friend, this is your business; check it is the right chat.".to_string()
            } else if severity == Severity::Low {
                "A drink is fine; check that the account and the moment are right.".to_string()
            } else if on_brand_feed {
                format!("{} reads as a night out, posted from the brand's account.", quoted(doc, span))
            } else {
                format!("{} is about being drunk or high.", quoted(doc, span))
            };
            let mut f = self.finding(severity, span, message);
            f.action = Some(Action::Rephrase { hint: "Would you be happy to see this quoted in a year?" });
            out.push(f);
        }
        // "Pints at lunch, pints after work, pints now": three drinks named on a
        // personal account are a session (a bar's menu on a brand is not).
        let many_drinks = rounds >= 3 && !input.ctx.is_brand();
        // "Wine tasting: six wines from the Douro, £25": a brand selling a flight
        // of drinks, with the offer in the same sentence.
        let selling = |h: &Hit| input.ctx.is_brand() && offered_beside(doc, h);
        if let Some(hit) = input
            .scan
            .hits(List::Drinking)
            .find(|h| h.tag.is_empty() && !at_venue(h) && (many_drinks || session(doc, h)) && !selling(h))
        {
            let span = hit_span(doc, hit);
            let severity = if input.ctx.is_brand() { Severity::High } else { Severity::Medium };
            out.push(self.finding(severity, span, "This reads as a drinking session.".into()));
        }
        if let Some(span) = drink_emoji_run(doc) {
            out.push(self.finding(Severity::Medium, span, "A row of drinks reads as a drinking session.".into()));
        }
    }
}

/// Words of a venue or a maker selling drinks: a menu, a price, an offer,
/// an event to book ("our new cocktail menu", "£5 margaritas till 7",
/// "cocktail of the week").
#[rustfmt::skip]
const OFFER: WordList = words!(
    "our|new|list|glass|tap|selection|menu|menus|serving|served|serve|available|book|booking|",
    "try|order|pairing|paired|tasting|launch|launches|recipe|responsibly|alcohol-free|",
    "non-alcoholic|free|off|price|prices|tickets|join|visit|stock|brewed|distilled|shop|",
    "special|specials|featured|seasonal|pouring|vineyard|vineyards|winery|brewery|distillery|",
    "cellar|garden|reopens|opens|fair|deli|sessions|included|daily|mocktails|rooftop|terrace|",
    "takeover|brewer|brewing|getaway|breakfast|package|roast|weekdays|weekends|welcome|zero-alcohol|",
    "open|bookings|ours|gala|reception",
);

/// Meals (and a quiz) after a place to drink ("pub lunch", "bar snacks").
const MEALS: WordList = words!("lunch|lunches|dinner|meal|meals|grub|food|snacks|breakfast|brunch|roast|quiz");

/// Words of drugs, which stay a warning even in a message to one friend.
const DRUGS: WordList = words!(
    "coke|cocaine|weed|mdma|molly|ecstasy|pill|pills|acid|lsd|ket|ketamine|shrooms|mushies|edible|edibles|",
    "stoned|baked|high|blazed|bong|joint|line|lines|tab|pinger|pingers|codeine|zooted|grams|plug|bag"
);

/// Words of drink, which show what a night out was.
const ALCOHOL: WordList = words!(
    "drunk|drank|drink|drinks|drinking|hungover|hangover|wine|beer|beers|pint|pints|vodka|tequila|gin|",
    "shots|cocktails|prosecco|booze|cider|rum|whisky|whiskey|sambuca|jager|tipsy"
);

/// Whether the draft is a direct message from an account that is not a
/// brand's, about drink and not drugs: a night out told to the one reader
/// chosen for it.
pub(super) fn drinking_told_to_a_friend(input: &Input) -> bool {
    let words = || input.doc.tokens.iter().map(|t| input.doc.word(t));
    input.ctx.is_dm()
        && !input.ctx.is_brand()
        && words().any(|w| super::listed(ALCOHOL, w))
        && !words().any(|w| super::listed(DRUGS, w))
}

/// Whether a hit names drink ("SO drunk", "six pints deep") and not drugs or
/// driving ("tripping balls", "pints and drove"): only those are a tip in a
/// message to a friend.
fn about_drink(hit: &Hit) -> bool {
    let words = || hit.phrase.split(' ');
    words().any(|w| super::listed(ALCOHOL, w) || super::listed(words!("bottle|glass|glasses|tequilas"), w))
        && !words().any(|w| super::listed(words!("drove|drive|driving|limit"), w))
}

/// Words of research and medicine around a drug or a drink.
const RESEARCH: &[&str] = &["paper", "trial", "trials", "clinical", "researchers", "journal"];

fn offers_drinks(doc: &Doc) -> bool {
    doc.tokens.iter().any(|t| super::listed(OFFER, doc.word(t)))
        || doc.text.contains(['£', '$', '€', '%'])
        || doc.folded.contains("of the week")
        || doc.folded.contains("of the month")
        || doc.folded.contains("while they last")
        || doc.folded.contains("id required")
        || doc.folded.contains("over-18s only")
        || doc.folded.contains("2 for 1")
        || doc.folded.contains("2-for-1")
        || doc.folded.contains("two-for-one")
}

/// Words that make the drink after them a soft one: "no fizzy drinks".
const SOFT: WordList = words!("fizzy|soft|energy|hot|sugary");

fn soft_drink(doc: &Doc, hit: &Hit) -> bool {
    (hit.tag.is_empty() || hit.tag == "drink") && near_word(doc, hit.first, 1, 0, SOFT)
}

/// Words that, soon after one of these, give it its sober sense, and how
/// many words on they may come: "a joint of beef", "stoned morello
/// cherries", "a legless lizard", "drunk more lukewarm tea", "ceiling
/// plastered and skimmed", "Sunday sesh done ✅ deadlifts", "a cocktail of
/// flavours".
const SOBER_SENSES: &[(&str, usize, WordList)] = &[
    ("joint", 2, words!("beef|lamb|pork|gammon|ham|venison|meat")),
    ("stoned", 2, words!("cherries|cherry|olives|olive|dates|fruit|plums|apricots|prunes|peaches")),
    ("legless", 1, words!("lizard|lizards|amphibian|amphibians|creature|creatures")),
    ("drunk", 4, words!("tea|coffee|water|milk|squash|juice|cuppas")),
    ("plastered", 3, words!("ceiling|ceilings|wall|walls|skimmed|plasterboard")),
    ("sesh", 4, words!("deadlift|deadlifts|squat|squats|gym|workout|lifts|reps|cardio|legs|pr")),
    ("cocktail", 2, words!("flavours|flavors|spices|colours|colors|textures|emotions|chemicals")),
];

/// In the same clause: "Absolutely drunk, need water" is no tea drunk.
fn sober_sense(doc: &Doc, hit: &Hit) -> bool {
    SOBER_SENSES.iter().any(|&(word, reach, sober)| {
        hit.phrase == word
            && (hit.last + 1..doc.tokens.len().min(hit.last + 1 + reach)).any(|i| {
                super::listed(sober, doc.word(&doc.tokens[i]))
                    && !doc.gap(hit.last, i).bytes().any(|c| c == b',' || crate::text::is_sentence_stop(c))
            })
    })
}

/// "The joint on this dovetail", "a cracked joint on the waste pipe", "my
/// knee joint": a joint in a sentence about a craft or the body, with
/// nothing smoked or rolled near it.
fn craft_or_body_joint(doc: &Doc, hit: &Hit) -> bool {
    #[rustfmt::skip]
    const CRAFT: WordList = words!(
        "dovetail|mortise|tenon|chisel|chisels|woodwork|woodworking|joinery|carpentry|plumbing|pipe|pipes|",
        "solder|soldered|soldering|weld|welded|synth|circuit|knee|hip|hips|shoulder|ankle|elbow|wrist",
    );
    const SMOKED: WordList = words!("roll|rolling|rolled|smoke|smoking|smoked|light|lit|puff|spark|sparked");
    let (first, last) = doc.sentence_of(hit.first);
    hit.phrase == "joint"
        && (first..=last).any(|i| super::listed(CRAFT, doc.word(&doc.tokens[i])))
        && !near_word(doc, hit.first, 4, 4, SMOKED)
}

/// "a mocktail bar instead of the usual pub crawl": the night not had. The
/// hit follows "of" within two words, with no comma between ("instead of
/// coke, ketamine" still counts).
fn instead_of(doc: &Doc, hit: &Hit) -> bool {
    (hit.first.saturating_sub(4)..hit.first.saturating_sub(1)).any(|i| {
        doc.word(&doc.tokens[i]) == "instead"
            && doc.word(&doc.tokens[i + 1]) == "of"
            && hit.first - (i + 1) <= 3
            && !doc.folded[doc.tokens[i + 1].end..hit.start].contains([',', ':', ';'])
            && doc.same_sentence(i, hit.first)
    })
}

/// "Watched The Hangover again", "Hangover Square by Patrick Hamilton": the
/// title of a film or a book.
fn film_title(doc: &Doc, hit: &Hit) -> bool {
    let capitalized = |i: usize| doc.tokens.get(i).is_some_and(|t| t.capitalized);
    let after_the = hit.first > 0 && capitalized(hit.first - 1) && doc.word(&doc.tokens[hit.first - 1]) == "the";
    // A title, then its author; at a sentence's start, where every word has
    // a capital, the title needs a second word ("Hungover by Saturday" is none).
    let by_an_author = || {
        let titled = |i: usize| doc.tokens.get(i).is_some_and(|t| t.capitalized && !t.shouted);
        let end = (hit.last + 1..doc.tokens.len()).find(|&i| !titled(i)).unwrap_or(doc.tokens.len());
        let opens = hit.first == 0 || !doc.same_sentence(hit.first - 1, hit.first);
        doc.tokens.get(end).is_some_and(|t| doc.word(t) == "by") && titled(end + 1) && (!opens || end > hit.last + 1)
    };
    capitalized(hit.first) && (after_the || by_an_author())
}

/// An offer in the sentence of the drink at `hit`: an offer word or a price.
fn offered_beside(doc: &Doc, hit: &Hit) -> bool {
    let sentence = |i: usize| doc.same_sentence(i.min(hit.first), i.max(hit.first));
    let (first, last) = (
        (0..=hit.first).find(|&i| sentence(i)).unwrap_or(hit.first),
        (hit.first..doc.tokens.len()).take_while(|&i| sentence(i)).last().unwrap_or(hit.first),
    );
    doc.tokens[first..=last].iter().any(|t| super::listed(OFFER, doc.word(t)))
        || doc.folded[doc.tokens[first].start..doc.tokens[last].end].contains(['£', '$', '€'])
}

/// "Drunk History is the best thing on telly": a capitalised name of a show,
/// a film or a book, with the kind of work in its sentence or just watched.
fn names_a_show(doc: &Doc, hit: &Hit) -> bool {
    const MEDIA: WordList =
        words!("telly|tv|show|series|film|movie|podcast|episode|season|netflix|book|novel|album|song");
    const SEEN: WordList = words!("watched|rewatched|watching|rewatching|reading|finished|called|named");
    let next = hit.last + 1;
    // "Rewatched Another Round last night", "a juice bar called Hangover Helpers".
    let seen = hit.first > 0
        && super::listed(SEEN, doc.word(&doc.tokens[hit.first - 1]))
        && doc.same_sentence(hit.first - 1, hit.first);
    let named = || {
        doc.tokens.get(next).is_some_and(|t| t.capitalized && doc.same_sentence(hit.last, next))
            && (0..doc.tokens.len())
                .filter(|&i| doc.same_sentence(i.min(hit.first), i.max(hit.first)))
                .any(|i| super::listed(MEDIA, doc.word(&doc.tokens[i])))
    };
    doc.tokens[hit.first].capitalized && (seen || named())
}

/// Whether the sentence of `hit` is about a film or a novel ("The climax
/// of Past Lives ... and I was wrecked").
fn about_a_story(doc: &Doc, hit: &Hit) -> bool {
    const STORY: WordList = words!("film|movie|series|episode|novel|ending|climax|finale|book|chapter|reading");
    let (first, last) = doc.sentence_of(hit.first);
    (first..=last).any(|i| super::listed(STORY, doc.word(&doc.tokens[i])))
}

/// Words after a sentence-opening "Wasted", "Hammered" that mean a night out.
const NIGHT_AFTER: WordList = words!("at|again|tonight|last|after|before|af");

fn drunk_frame(doc: &Doc, hit: &Hit) -> bool {
    let opens = hit.first == 0 || !doc.same_sentence(hit.first - 1, hit.first);
    let next = doc.tokens.get(hit.last + 1).filter(|_| doc.same_sentence(hit.last, hit.last + 1));
    if opens && next.is_some_and(|t| super::listed(NIGHT_AFTER, doc.word(t))) {
        return true;
    }
    let before = hit.first.checked_sub(1).map(|i| doc.word(&doc.tokens[i]));
    let after = doc.tokens.get(hit.last + 1).filter(|_| doc.same_sentence(hit.last, hit.last + 1));
    // "got hammered 9–2": a number or a score ("2nite" is neither).
    let sober_after = after.is_some_and(|t| {
        let raw = doc.raw(t);
        doc.is_number(t)
            || (raw.starts_with(|c: char| c.is_ascii_digit()) && raw.contains(['-', '\u{2013}']))
            || super::listed(SOBER_AFTER, doc.word(t))
    });
    before.is_some_and(|w| super::listed(DRUNK_FRAME, w)) && !sober_after
}

#[rustfmt::skip]
const MANY: WordList = words!("three|four|five|six|seven|eight|nine|ten|whole|entire");
/// Words a few tokens before a count that say the drinks went down.
const DRANK: WordList = words!("had|drank|downed|sank|necked|on|smashed|after");
/// Where pills are party drugs.
const PARTY: WordList = words!("festival|rave|club|clubbing|party|gig|afterparty|dancefloor");

/// A number from 3 to 99, or a word for many.
#[inline(never)]
fn many(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    let w = doc.word(t);
    super::listed(MANY, w)
        || super::listed(ORDINALS, w)
        || doc.is_number(t) && w.len() <= 2 && !matches!(w, "0" | "1" | "2") && !w.starts_with('0')
}

/// "four beers in", "6 pints deep", "a whole bottle of rum": a count of
/// drinks that reads as a session, not a drink.
fn session(doc: &Doc, hit: &Hit) -> bool {
    let word = |i: usize| doc.tokens.get(i).map_or("", |t| doc.word(t));
    // A number from 3 to 99, or a word for many.
    let before = hit.first;
    let after = hit.last + 1;
    // "four beers in" ends there; "three beers in the fridge" goes on.
    let ends = |i: usize| {
        i + 1 >= doc.tokens.len()
            || !doc.same_sentence(i, i + 1)
            || doc.gap(i, i + 1).contains([',', ';', ':'])
            || matches!(word(i + 1), "and" | "now" | "already" | "lol" | "rn")
    };
    // "had like 8 shots", "on my fifth margarita".
    // "on my fifth margarita", but not "on 14 November: six wines".
    let drank = before > 1
        && (before.saturating_sub(4)..before - 1).any(|i| {
            super::listed(DRANK, word(i))
                && (word(i) != "on" || matches!(word(i + 1), "my" | "our" | "his" | "her" | "their"))
        });
    // "Sixth pint and it's only 2pm", but not "my third pint of blood donated".
    // "four third-pint samples" is a measure.
    let ordinal = before > 0
        && super::listed(ORDINALS, word(before - 1))
        && doc.gap(before - 1, before) == " "
        && word(after) != "of";
    // "22 of 25 shots in": a score.
    let score = before >= 2 && word(before - 2) == "of";
    let counted = before > 0
        && many(doc, before - 1)
        && !score
        && (drank || matches!(word(after), "in" | "deep" | "down") && ends(after));
    let bottle =
        before >= 3 && word(before - 1) == "of" && word(before - 2).starts_with("bottle") && many(doc, before - 3);
    counted || ordinal || bottle
}

/// Ordinals that count the drinks had ("on my fifth margarita"); a count
/// on their own ("sixth pint and it's only 2pm").
const ORDINALS: WordList =
    words!("third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|3rd|4th|5th|6th|7th|8th|9th|10th");

/// Three or more drink emoji in a row (spaces allowed): UTF-16 span.
fn drink_emoji_run(doc: &Doc) -> Option<(u32, u32)> {
    if !contains_emoji(doc, DRINK_EMOJI) {
        return None;
    }
    let text = doc.text;
    let mut at = 0u32;
    let mut run: Option<(u32, u32, usize)> = None;
    for c in text.chars() {
        let len = c.len_utf16() as u32;
        if DRINK_EMOJI.contains(&c) {
            run = Some(match run {
                Some((s, _, n)) => (s, at + len, n + 1),
                None => (at, at + len, 1),
            });
        } else if !(c == ' ' || c == '\u{FE0F}') {
            if let Some((s, e, n)) = run {
                if n >= 3 {
                    return Some((s, e));
                }
            }
            run = None;
        }
        at += len;
    }
    run.filter(|r| r.2 >= 3).map(|(s, e, _)| (s, e))
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const RULE: &str = "intoxication.drinking";

    #[test]
    fn exceptions_stay_narrow() {
        for text in [
            "Hungover by Saturday lunchtime, as per 🍻",
            "Instead of revising: six pints deep",
            "instead of coke, ketamine tonight",
            "woodworking done for the day, rolling a joint now",
            "I was so wasted you had to carry me home",
            "getting absolutely smashed 2nite",
            "Watched THE HANGOVER again, still hungover myself",
        ] {
            assert!(flags(RULE, text, &personal()), "missed: {text}");
        }
    }

    #[test]
    fn a_night_out_told_to_a_friend_is_a_tip_but_drugs_are_not() {
        let severities = |text: &str| fired(RULE, text, &dm()).into_iter().map(|f| f.1).collect::<Vec<_>>();
        assert_eq!(severities("lol i was SO drunk last night, did i embarrass myself??"), [crate::Severity::Low]);
        assert_eq!(severities("still hungover from your party"), [crate::Severity::Low]);
        assert_eq!(severities("bring the coke saturday, I'll pay you back"), [crate::Severity::Medium]);
        assert_eq!(severities("so stoned rn lol"), [crate::Severity::Medium]);
        assert!(severities("few pints then tripping balls till 4am lol").contains(&crate::Severity::Medium));
        assert!(severities("6 pints and drove home lol").contains(&crate::Severity::Medium));
        assert!(flags(RULE, "lol i was SO drunk last night, did i embarrass myself??", &personal()));
    }

    #[test]
    fn drink_emoji_are_outside_the_bmp_as_contains_emoji_needs() {
        assert!(super::DRINK_EMOJI.iter().all(|c| c.len_utf8() == 4));
    }

    #[test]
    fn catches_being_drunk_or_high() {
        for text in [
            "Got absolutely baked before designing the new sticker sheet, honestly my best work yet",
            "Hanging out of every hole after the christening yesterday",
            "still absolutely twisted from last night and whatever was in that little baggie",
            "did two lines in the staff loo before close",
            "did a couple lines at the afterparty, no sleep, and now I'm doing inventory",
            "Closed the quarter so we're doing bumps of charlie in the club bathroom",
            "hackathon strategy: 4 Red Bulls, a couple of joints and zero sleep",
            "Couple of cones at smoko before wiring up the switchboard",
            "Ate a whole edible before the council meeting and the budget lines are breathing",
            "open bar + 7 bourbons = me tryin to interview the governor while seein double",
            "Exams finished. Drunk already and it's only 2pm",
            "sooo druuunk rn lmaooo cant find my shoes",
            "wake n bake before my uber eats shift, gonna be a chill day on the road",
            "Found two more bottles of bourbon, we're #gettingwasted tonight",
            "Took two tabs at Boomtown on Saturday and spent three hours talking to a tree",
            "Who's sorting the pills for Saturday? Not doing Creamfields sober, no chance.",
            "So stoned right now, this keynote is hilarious",
            "Blackout drunk at the client dinner",
            "Completely wasted after the show, can't remember a thing",
            "Sixth pint and it's only 2pm, stag do going great",
            "Getting wasted tonight, who's in? 🍻",
            "Popped an edible before the flight",
            "Wine o'clock at the office",
            "manager is hungover lol",
            "Three bottles of prosecco down and the night is young",
            "cheers 🍷🍷🍷",
            "rolled a fat joint before the all-hands",
            "Watching the game and I'm four beers in",
            "Finished a whole bottle of rum with the lads",
            "last night's tequila situation, head is pounding",
            "Currently on my fifth margarita",
            "took a couple of pills at the festival",
            "sending you the money for the weed tomorrow",
            "Pints at lunch, pints after work, pints now. Send help",
        ] {
            assert!(flags(RULE, text, &personal()), "missed: {text}");
        }
    }

    #[test]
    fn sober_senses_of_drinking_words_are_fine() {
        for text in [
            "Weed pressure is high this year, spraying the potatoes tomorrow if the wind drops.",
            "Roast with the in-laws: joint of beef, proper gravy and a glass of red. Best Sunday in ages.",
            "Tart made with stoned morello cherries and almond cream",
            "Drunk Elephant's new moisturiser is the only thing keeping my skin alive this winter.",
            "Found a legless lizard under the log pile, a slow worm!",
            "I have drunk more lukewarm tea on night shifts than anyone alive",
        ] {
            assert!(!flags(RULE, text, &personal()), "false alarm: {text}");
        }
        let builder = "Loft ceiling fully plastered and skimmed, ready for paint";
        assert!(!flags(RULE, builder, &brand()), "false alarm: {builder}");
        assert!(flags(RULE, "got stoned and ate all the cherries in the fridge", &personal()));
        assert!(flags(RULE, "got stoned, ate cherries", &personal()));
        assert!(flags(RULE, "Absolutely drunk, need water asap", &personal()));
        assert!(flags(RULE, "Way too hot. Drunk by noon and still going", &personal()));
        let trip = "Museum trip on Wednesday: packed lunch please, and no fizzy drinks.";
        assert!(!flags(RULE, trip, &brand()), "false alarm: {trip}");
        let bar = "Late screening on Friday: doors at 8, and the café bar will be open for drinks and popcorn.";
        assert!(!flags(RULE, bar, &brand()), "false alarm: {bar}");
        for text in [
            "Weed treatment on pavements in the town centre this week, safe for pets once dry.",
            "Doors 7pm tonight! Shooting the live video too, come and be in the crowd shots",
        ] {
            assert!(!flags(RULE, text, &brand()), "false alarm: {text}");
        }
    }

    #[test]
    fn a_meal_at_the_pub_is_no_night_out() {
        let walk = "Saturday's ramble leaves the church at 10. Eight miles, pub lunch optional.";
        assert!(!flags(RULE, walk, &brand()), "false alarm: {walk}");
        assert!(flags(RULE, "Team night at the pub, third round in already", &brand()));
    }

    #[test]
    fn a_brand_selling_a_flight_of_drinks_is_no_session() {
        let tasting = "Wine tasting evening on 14 November: six wines from the Douro, £25 including nibbles.";
        assert!(!flags(RULE, tasting, &brand()), "false alarm: {tasting}");
        let cupcakes =
            "Cocktail cupcakes are back 🍸 (no actual booze!) Passion fruit martini flavour, while they last.";
        assert!(!flags(RULE, cupcakes, &brand()), "false alarm: {cupcakes}");
        assert!(flags(RULE, "Staff night out: six pints deep and still going", &brand()));
        assert!(flags(RULE, "Staff party: ten shots in and still going. 20% off tomorrow", &brand()));
    }

    #[test]
    fn sober_meanings_are_fine() {
        for text in [
            "Drunk on sunshine and sea air this weekend",
            "Wrote a couple lines of code before breakfast",
            "A couple of joints in the old pipework are leaking again",
            "Grabbed a couple of cones at the beach with the kids",
            "Watched The Hangover again, still funny.",
            "Netball last night: 22 of 25 shots in. Best game of my season.",
            "My third pint of blood donated today",
            "The ending of Past Lives is two people on a street, and I was wrecked. Best film of the year.",
            "A juice bar called Hangover Helpers opened next to my café",
            "Drunk on coffee and ideas. New app goes live tomorrow.",
            "Espresso martini cocktail class with the girls tonight, so fun",
            "A cold beer on the porch after mowing the lawn",
            "Wasted an hour on hold again",
            "We got hammered 4-0 on Saturday",
            "Signed a joint venture with our Lisbon partners",
            "Legs are smashed after the marathon",
            "Drinking water all day during the heatwave",
            "High quality coffee, baked fresh daily",
            "Pairing a Pinot Noir with mushroom risotto",
            "Three beers in the fridge and a pizza in the oven",
            "Drank a whole bottle of water on the hike",
            "Third migraine this week, head is pounding",
            "took two pills for my headache and went to bed",
            "bought weed killer for the patio",
            "hangover? no, just tired after the marathon",
            "Hangover Square by Patrick Hamilton is criminally underrated. Anyone else read it?",
            "Our five-a-side team got hammered 9–2. Still the best hour of my week.",
            "Leg day absolutely wrecked me. Walking down the stairs like a newborn giraffe.",
            "Tried a mocktail bar for my birthday instead of the usual pub crawl. Zero hangover, all the fun.",
            "Drum practice has never felt so high-stakes.",
            "The joint on this dovetail finally came out tight enough to hold without glue.",
            "Leak under the sink at last: a cracked joint on the waste pipe. Fixed, with a sore neck and a glass of wine.",
            "Drunk History is the best thing on telly, fight me",
            "Rewatched Another Round last night. What an ending.",
            "Work drinks at the new cocktail bar, the espresso martini killed it",
            "cocktail masterclass for Jess's hen do 🍸 we made espresso martinis and I have never been prouder of us",
            "best pint of Guinness of my life in a tiny pub in Galway. the barman told me off for drinking it too fast",
            "Our bar manager Jade absolutely SMASHED it at the cocktail championships in Bristol 🍸🏆",
        ] {
            assert!(!flags(RULE, text, &personal()), "false alarm: {text}");
        }
    }

    #[test]
    fn weeding_a_garden_and_a_gala_cocktail_hour_are_fine() {
        let garden = "Come help us weed the community garden Saturday morning! Gloves and cold water provided";
        assert!(!flags(RULE, garden, &brand()), "false alarm: {garden}");
        let gala = "Cocktail hour at the Press Club gala starts at 6 sharp. Wear your Sunday best 🥂";
        assert!(!flags(RULE, gala, &brand()), "false alarm: {gala}");
        let smoked = "smoking weed the whole night with the lads";
        assert!(flags(RULE, smoked, &personal()), "missed: {smoked}");
    }

    #[test]
    fn a_gym_sesh_and_a_cocktail_of_flavours_are_fine_and_slang_for_drugs_is_not() {
        for text in [
            "Sunday sesh done ✅ deadlifts 140kg x 5, new PR",
            "A cocktail of flavours at the Ramadan bazaar this weekend: satay, murtabak and more 🌙",
        ] {
            assert!(!flags(RULE, text, &personal()), "false alarm: {text}");
        }
        for text in [
            "few lines in the dunny at presentation night and I was flyinggg 😂",
            "skinned up in the lay-by before the last drop",
            "just hit the dab pen before going live",
            "big sesh last night, still rough",
        ] {
            assert!(flags(RULE, text, &personal()), "missed: {text}");
        }
    }
}
