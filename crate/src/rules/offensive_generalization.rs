//! `offensive.generalization`: demeaning a whole group: a group term and a
//! generalising or demeaning cue in the same sentence ("Muslims are all the
//! same", "old people shouldn't be allowed near technology"), plus fixed
//! demeaning phrases ("throws like a girl"). The cue must follow the group
//! ("women are lazy") unless it reads both ways ("can't trust immigrants"),
//! so "a lazy Sunday with the girls" stays quiet. A framing cue ("no
//! offence but", "funny how", "check your pockets") marks a remark about a
//! group as a stereotype from anywhere near it, and a mocking emoji later
//! in the sentence ("the nigerian nurse was sooo slow 😂") marks it as a
//! joke at the group's expense (medium: the emoji can be warm).

use super::{emoji_later_in_sentence, hit_span, joined_span, near_word, same_sentence, with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::List;
use crate::text::is_sentence_stop;
use crate::words::{words, WordList};

pub struct OffensiveGeneralization;

/// How many tokens a framing cue reaches, either way: about a sentence.
const FRAME_REACH: usize = 16;

/// How many tokens after a place its sneer may come.
const PLACE_REACH: usize = 12;

/// Cues about a place, besides those tagged `place-next`, that reach the
/// sentence after it: catching a disease, which also reads of a group
/// ("catch anything off the ..."), so it keeps its own tag.
const NEXT_SENTENCE_CUES: WordList = words!("catch something|catch anything");

impl Rule for OffensiveGeneralization {
    fn id(&self) -> &'static str {
        "offensive.generalization"
    }

    fn category(&self) -> Category {
        Category::Offensive
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        // Nothing to find without a group or a demeaning phrase; the
        // counter-argument test reads every word, so it waits for one.
        let something = input.scan.has(List::OffensivePhrases) || input.scan.has(List::Groups);
        if !something || super::argues_against(doc) {
            return;
        }
        let hint = Action::Rephrase { hint: "Talk about the person or the behaviour, not the group." };
        let asserted = |h: &&crate::lexicon::Hit| {
            !echoed_and_answered(doc, h.first)
                && !label_denied(doc, h.start)
                && !super::quoted_to_dismiss(doc, h.start, h.end)
        };
        for hit in input.scan.hits(List::OffensivePhrases).filter(asserted) {
            out.push(with_action(
                self.finding(Severity::High, hit_span(doc, hit), "This demeans a whole group of people.".into()),
                hint.clone(),
            ));
        }
        // "Offsite in Mumbai, better pack the Imodium", "Going to Africa. Hope I
        // don't catch anything": a place's people sneered at through smell or
        // disease, in the place's sentence or the next, or a person likened to them.
        for place in input.scan.hits(List::Groups).filter(|g| g.tag == "place").filter(asserted) {
            let sneer = input.scan.hits(List::GroupCues).find(|cue| {
                // "plays like he's from Mexico": a person likened to a whole place.
                if cue.tag == "place-before" {
                    return cue.last + 1 == place.first;
                }
                // Catching a disease, or the country named again, reaches the next
                // sentence; "I'll hold my nose and go back to the office" after a
                // holiday there does not.
                let reaches_on = cue.tag == "place-next" || super::listed(NEXT_SENTENCE_CUES, cue.phrase);
                (cue.tag == "place" || reaches_on)
                    && cue.first > place.last
                    && cue.first - place.last <= PLACE_REACH
                    && stops_between(doc, place, cue) <= usize::from(reaches_on)
            });
            if let Some(cue) = sneer {
                out.push(with_action(
                    self.finding(
                        Severity::High,
                        joined_span(doc, place, cue),
                        "This sneers at the people of a whole place.".into(),
                    ),
                    hint.clone(),
                ));
            }
        }
        // "Typical Indian driver", "the deaf girl": an adjective names a group
        // only before a word for people ("Indian food" names none).
        for (group, said_of) in groups(input) {
            let group = &group;
            // "My granny always says", "Mi granny always say": one of the
            // writer's own, not the group.
            let owner = |i: usize| matches!(doc.word(&doc.tokens[i]), "my" | "mi");
            if super::listed(EVERYDAY_GROUPS, group.phrase) && group.first > 0 && owner(group.first - 1) {
                continue;
            }
            // "Nigerian Defence Academy": the start of a name, not people
            // ("Every Mexican I've hired" goes on).
            let named = doc.tokens.get(group.last + 1).is_some_and(|next| {
                group.tag.is_empty()
                    && next.capitalized
                    && doc.gap(group.last, group.last + 1) == " "
                    && !super::listed(PEOPLE, doc.word(next))
                    && !matches!(doc.word(next), "i" | "i've" | "i'm" | "i'd" | "i'll" | "ive" | "im")
            });
            if named {
                continue;
            }
            let cue = input.scan.hits(List::GroupCues).find(|cue| {
                if cue.tag.starts_with("place") {
                    return false;
                }
                if cue.tag == "frame" {
                    // A sarcastic frame needs a group named outright ("who knew"
                    // after "my dad is deaf" is not about deaf people).
                    if said_of {
                        return false;
                    }
                    // A frame reaches the group's sentence or the one beside it, and
                    // needs a group people rarely use of their own circle.
                    return !super::listed(EVERYDAY_GROUPS, group.phrase)
                        && cue.first.abs_diff(group.first) <= FRAME_REACH
                        && stops_between(doc, group, cue) <= 1;
                }
                let after = cue.first > group.last && cue.first - group.last <= 6;
                // "some Indian guy reading a script. Can't understand a word": the
                // cue opens the very next sentence.
                let next = cue.first > group.last
                    && cue.first - group.last <= 8
                    && !doc.same_sentence(cue.first - 1, cue.first)
                    && doc.same_sentence(group.last, cue.first - 1);
                let before = cue.tag == "either" && cue.last < group.first && group.first - cue.last <= 4;
                ((after || before) && same_sentence(doc, group, cue)) || next
            });
            // "nigerian nurse who was sooo slow 😂": a group laughed at, unless
            // by one of its own ("yes I'm irish ... 😂").
            // Loud crying ("served by the autistic guy again, 10 mins for one
            // sausage roll 😭😭") laughs at a stranger named by a trait, but is
            // tears of pride after one's own ("my autistic son said his first
            // sentence 😭") and of joy at a dish ("French toast, I'm crying 😭").
            let stranger = group.tag == "adj"
                && !said_of
                && !(group.first > 0 && super::listed(OWNERS, doc.word(&doc.tokens[group.first - 1])));
            let mocked = || {
                !super::listed(EVERYDAY_GROUPS, group.phrase)
                    && (emoji_later_in_sentence(doc, group.end, MOCKING)
                        || (stranger && emoji_later_in_sentence(doc, group.end, &['😭'])))
                    && !near_word(doc, group.first, 3, 0, ONE_OF_THEM)
                    && !view_of_the_writer(doc, group)
            };
            if cue.is_none() && mocked() {
                let span = hit_span(doc, group);
                out.push(with_action(
                    self.finding(Severity::Medium, span, "This may laugh at a whole group of people.".into()),
                    hint.clone(),
                ));
                continue;
            }
            if let Some(cue) = cue {
                // "the 'gen z can't work' discourse is lazy": the remark is quoted
                // to be argued with, or echoed as a question and answered.
                if super::quoted_to_dismiss(doc, group.start, group.end)
                    || echoed_and_answered(doc, group.first)
                    || label_denied(doc, cue.start)
                {
                    continue;
                }
                out.push(with_action(
                    self.finding(
                        Severity::High,
                        joined_span(doc, group, cue),
                        "This generalises about a whole group of people.".into(),
                    ),
                    hint.clone(),
                ));
            }
        }
    }
}

/// "Women can't park? I reversed a minibus into...": a short opening
/// question that repeats the stereotype, answered by the writer's own story
/// (not "...? I reckon it's true").
fn echoed_and_answered(doc: &crate::text::Doc, group: usize) -> bool {
    let toks = &doc.tokens;
    // The opening sentence is at most five words and ends in "?".
    let Some(end) = (group..(toks.len() - 1).min(group + 5)).find(|&i| !doc.same_sentence(i, i + 1)) else {
        return false;
    };
    (group == 0 || !doc.same_sentence(group - 1, group))
        && doc.gap(end, end + 1).trim_start().starts_with('?')
        && super::listed(words!("i|my|we|our|i've|i'm"), doc.word(&toks[end + 1]))
        && !super::agrees(doc)
}

/// Whether the draft pushes back on a remark about a group it repeats:
/// quoted and dismissed, echoed and answered, or a label quoted and denied.
pub(super) fn pushed_back(input: &Input) -> bool {
    let doc = input.doc;
    groups(input).any(|(g, _)| super::quoted_to_dismiss(doc, g.start, g.end) || echoed_and_answered(doc, g.first))
        || input.scan.hits(List::OffensivePhrases).any(|h| label_denied(doc, h.start))
        || input.scan.hits(List::GroupCues).any(|h| label_denied(doc, h.start))
}

/// "the Americans think my accent is posh 😂": what the group makes of the
/// writer, who is the one laughed at.
fn view_of_the_writer(doc: &crate::text::Doc, group: &crate::lexicon::Hit) -> bool {
    let word = |i: usize| doc.tokens.get(i).map_or("", |t| doc.word(t));
    matches!(word(group.last + 1), "think" | "thinks" | "thought" | "reckon" | "assume" | "assumed")
        && matches!(word(group.last + 2), "my" | "i" | "i'm" | "im" | "me")
}

/// "Wheelchair users like me need them", "as a Scouser", "fellow mums":
/// the writer names a group they belong to, and no other ("As a Muslim
/// I'll say it, the Jews..." names another).
pub(super) fn said_by_one_of_them(input: &Input) -> bool {
    let doc = input.doc;
    let word = |i: Option<usize>| i.and_then(|i| doc.tokens.get(i)).map_or("", |t| doc.word(t));
    let own = |g: &crate::lexicon::Hit| {
        let before = |n: usize| word(g.first.checked_sub(n));
        // "Stopped reading at 'as a woman in tech'": someone else's words, quoted.
        super::inside_quotes(doc, g.start, g.end).is_none()
            && ((word(Some(g.last + 1)) == "like" && matches!(word(Some(g.last + 2)), "me" | "us" | "myself"))
                || matches!(before(1), "fellow" | "we're")
                || (matches!(before(1), "a" | "an")
                    && (matches!(before(2), "as" | "i'm" | "im")
                        || (before(2), before(3), before(4)) == ("be", "to", "proud"))))
    };
    // "Proud to be a Black woman in tech. Mentoring three girls": the
    // writer's own group, and everyday words for people beside it.
    let mut named = groups(input).filter(|(g, _)| !super::listed(EVERYDAY_GROUPS, g.phrase)).peekable();
    named.peek().is_some() && named.all(|(g, _)| own(&g))
}

/// "women in engineering are not 'diversity hires'": the label quoted and
/// denied.
fn label_denied(doc: &crate::text::Doc, cue: usize) -> bool {
    let before = doc.folded[..cue].trim_end();
    let opened = before.ends_with(['\'', '"', '\u{2018}', '\u{201c}']);
    // The quote mark is one character; what precedes it ends in a denial.
    let b = before.trim_end_matches(['\'', '"', '\u{2018}', '\u{201c}']).trim_end();
    opened && (b.ends_with(" not") || b.ends_with("n't") || b.ends_with(" never")) && !super::agrees(doc)
}

/// The draft's group hits; an adjective ("Typical Indian driver", "the deaf
/// girl") names a group only before a word for people ("Indian food" names
/// none), and its hit then reaches that word, or said of someone ("the new
/// apprentice is Polish so at least ..."), which the second value tells.
pub(super) fn groups<'a>(input: &'a Input) -> impl Iterator<Item = (crate::lexicon::Hit, bool)> + 'a {
    // A place ("Mumbai") is read only with its own cues, in `check`.
    input.scan.hits(List::Groups).filter(|g| g.tag != "place").filter_map(|g| {
        let mut group = g.clone();
        let mut said_of = false;
        if g.tag == "adj" {
            let doc = input.doc;
            // "the new apprentice is Polish so", "Landlord's Romanian so obviously":
            // said of a person, not of a puppy or a dress.
            let word = |i: usize| doc.word(&doc.tokens[i]);
            let person = |w: &str| super::listed(PEOPLE, w) || matches!(w, "he" | "she" | "they");
            said_of = g.first > 0 && {
                let before = word(g.first - 1);
                matches!(before, "he's" | "she's" | "hes" | "shes" | "they're" | "theyre")
                    || before.strip_suffix("'s").is_some_and(|p| super::listed(PEOPLE, p))
                    || (super::listed(PREDICATE, before)
                        && (g.first.saturating_sub(16)..g.first - 1)
                            .any(|i| doc.same_sentence(i, g.first) && person(word(i))))
            };
            if !said_of {
                group.last = people_after(doc, g.last)?;
                group.end = doc.tokens[group.last].end;
            }
        }
        Some((group, said_of))
    })
}

/// Words between a person and an adjective that say it of them.
const PREDICATE: WordList = words!("is|was|are|were");

/// Words for people that turn an adjective into a group.
#[rustfmt::skip]
const PEOPLE: WordList = words!(
    "guy|guys|man|men|woman|women|girl|girls|boy|boys|kid|kids|lad|lads|driver|drivers|student|",
    "students|landlord|landlords|neighbour|neighbours|neighbor|neighbors|family|families|maid|",
    "maids|nurse|nurses|doctor|doctors|boss|colleague|colleagues|coworker|coworkers|worker|",
    "workers|builder|builders|people|folk|folks|parents|mum|mom|dad|player|players|ref|refs|",
    "teacher|teachers|staff|tenant|tenants|customer|customers|couple|cabbie|shopkeeper|",
    "employees|employee|bloke|blokes|lot|client|clients|lecturer|lecturers|winger|tourist|",
    "tourists|landlady|devs|dev|developers|engineers|coders|plumber|plumbers|ladies|fans|",
    "apprentice|barber|manager|hire|cousin|brother|sister|son|daughter|friend|mate|accountant|",
    "uncle|aunt|nephew|niece|accent|accents|pilot|pilots|surgeon|surgeons|officer|officers|cop|cops|",
    "pickers|packers|cleaners|carers|labourers|laborers|cashiers|",
    "lawyer|lawyers|chef|chefs|waiter|waitress|cashier|mechanic|mechanics|coach",
);

/// The token of a word for people right after the adjective at token
/// `last`, or one word later ("Indian exchange students").
fn people_after(doc: &crate::text::Doc, last: usize) -> Option<usize> {
    (last + 1..doc.tokens.len().min(last + 3))
        .take_while(|&t| doc.same_sentence(last, t))
        .find(|&t| super::listed(PEOPLE, doc.word(&doc.tokens[t])))
}

/// Group words people use of their own circle every day ("girls night
/// was chaos 😂"): a laugh beside them is not aimed at the group.
const EVERYDAY_GROUPS: WordList = words!(
    "girls|ladies|women|woman|a woman|men|guys|mums|moms|mothers|locals|the locals|tourists|",
    "millennials|millennial|gen z|genz|teenagers|young people|boomer|boomers|grandma|grandmas|",
    "granny|grannies|old folks",
);

/// Sentence stops between two hits' tokens.
fn stops_between(doc: &crate::text::Doc, a: &crate::lexicon::Hit, b: &crate::lexicon::Hit) -> usize {
    let (x, y) = if a.first <= b.first { (a, b) } else { (b, a) };
    let between = doc.folded.as_bytes().get(x.end..y.start).unwrap_or_default();
    between.iter().filter(|&&b| is_sentence_stop(b)).count()
}

/// Words before a group that say the writer belongs to it.
const ONE_OF_THEM: WordList = words!("i'm|im|am|we're|as|fellow");

/// Words before a group that make it the writer's own people.
const OWNERS: WordList = words!("my|our|his|her|their");

/// Emoji that laugh at or roll their eyes at someone.
const MOCKING: &[char] = &['😂', '🤣', '💀', '🙄'];

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const RULE: &str = "offensive.generalization";

    #[test]
    fn catches_group_generalisations() {
        for text in [
            "My brother came out as gay, guess that explains the musicals and the limp wrist",
            "Muslims are all the same",
            "Lassies just arenae built for physics. Seen it every year in my Higher class",
            "Half the international cohort can't think for themselves, it's a cultural thing with that lot tbh",
            // A question that asks it for real, with no answer of the writer's.
            "Women can't park? Every single time at Tesco",
            "old people shouldn't be allowed near technology, they ruin everything",
            "you can't trust immigrants",
            "He throws like a girl lmao",
            "Another mosque going up off Route 9? Great, now we get terrorists for neighbors.",
            "Heading to the Pride parade in Tulsa. Hope I don't catch anything. jk I'm straight lol",
            "New family at church probably doesn't speak a word of English, bet they snuck across the border.",
            "Unpopular truth: women shouldn't run trading desks, they panic the moment the market drops 2%.",
            "Mental illness is just weakness; nobody on antidepressants should ever be trusted with client money.",
            "Gay couple running the Year 3 reading club now. Not sure that's the kind of influence our boys need.",
            "Muslim guy just joined our lobby, better check the map for bombs before the round starts lol",
            "Saw two guys holding hands at the mall today, gross. Keep that stuff at home.",
            "Flying to Mexico for the weekend, hope I don't get kidnapped by the cartel lol.",
            "Flying to Mumbai for the offsite. Packing hand sanitizer and low expectations, that whole country is filthy.",
            "Every time I see a guy in a turban at the airport I pray I'm not on his flight lol",
            "hope I don't catch something from the locals",
            "women are just lazy, always have been",
            "some Indian guy reading a script. Can't understand a word",
            "Refugees are a drain on the system",
            "the elderly really shouldn't have smartphones",
            "Women just aren't built for engineering, sorry not sorry",
            "old people are not cut out for tech jobs",
            "Immigrants aren't smart enough for these roles",
            "Girls can't code, change my mind",
            "Honestly Polish builders can't do anything right",
            "Brummie accents should be banned from customer service.",
            "girls' trip to Thailand 🇹🇭 just gotta check which ones are actually girls first 💀",
            "The Polish lot next door can't speak a word of English. Only over here for the benefits anyway.",
            "Old folks really shouldn't be on the roads after 70",
            "Not being funny but it's always the Polish lads on site whose tools go missing",
            "she's got gypsy vibes, check your pockets after",
            "funny how a certain community always ends up owning the banks",
            "the night shift had a nigerian nurse who was sooo slow 😂",
            "not me getting served by the autistic guy at greggs again, took 10 mins for one sausage roll 😭😭",
            "Typical Indian driver, no indicator, swerved into my lane",
            "the deaf kid in our group will just slow us down",
            "Offsite in Mumbai next month, better pack the Imodium and hold my nose the whole trip lol",
            "Going to Africa. Hope I don't catch anything. Just kidding, I'm white!",
            "Heading to Mumbai for work next week, hope I survive the smell and the people there lol.",
            "Our goalie plays like he's from Mexico: lazy and always looking for a siesta.",
            "Flying to Lagos for the marathon. Hope nobody steals my trainers, it's their national sport.",
            "My insurer moved its call centre to India, good luck understanding a single word through that accent lol",
            "Polish pickers are all the same, drink all night and nick stuff from the farm shop.",
            "Never put women on a building site, they cry the minute it rains",
        ] {
            assert!(flags(RULE, text, &personal()), "missed: {text}");
        }
    }

    #[test]
    fn leaves_neutral_mentions_alone() {
        for text in [
            "Lazy Sunday with the girls",
            "Venezuelan arepas at the food truck today, the whole queue was lovely",
            "Our international cohort won three of the five prizes this year",
            "what I wouldn't give to be one of those people who can eat cereal for dinner and call it self care",
            "Women can't park? I reversed a minibus into the tightest space in Leeds this morning",
            "No, women in engineering are not 'diversity hires'. Our lead architect wrote half the platform",
            "An exhibition on how 1920s papers stereotyped Irish immigrants as lazy",
            "Every time someone says Indian fans are 'too loud', I remember the Barmy Army exists.",
            "'Man up' never helped anyone. Our men's group meets Tuesdays.",
            "Celebrating women in engineering this week",
            "Old people's homes need more volunteers, sign up below",
            "Our Muslim colleagues are fasting this month; lunch meetings move to 4pm",
            "Locals love this bakery",
            "Our Muslim colleagues are fasting. Lunch moves to 4pm",
            "The elderly shouldn't have to choose between heating and eating",
            "Women in drama school get half the roles",
            "Our boots are built for women who hike",
            "Kids aren't built for sitting still for six hours, let them play",
            "No offence taken! The Polish team were brilliant hosts this week",
            "Funny how the best dumplings in town come from a tiny Chinese bakery",
            "yes I'm irish, no I don't want to talk about the accent 😂",
            "girls night was chaos 😂",
            "my autistic son just said his first full sentence 😭😭",
            "French toast for breakfast and I'm crying 😭 so good",
            "The deaf choir at our church sang Silent Night and I cried 😭",
            "Essex girl in New York and the Americans think my accent is posh 😂",
            "Girls' trip to Vegas this weekend, no offence but we deserve it",
            "the 'gen z can't work' discourse is lazy",
            "\"women can't drive\" is a tired stereotype",
            "Typical Indian summer here, always hot by noon",
            "Deaf awareness week is always a highlight here",
            "Girls can't play football, they said. Our U12s just won the county cup 3-1.",
            "People told my nan women her age can't learn to code. Stereotypes age badly.",
            "Mumbai street food tour tonight, the smell of the spices is unreal",
            "Our Pride parade float won best in show, thank you to every volunteer!",
            "Two guys holding hands on the poster for our Pride night, love it",
            "Women shouldn't have to run the whole household alone",
            "Scouse accents are the best thing about Liverpool",
            "The gross margin at our Muslim-owned bakery beat every forecast",
            "Back from Kenya, pack the Imodium they said. Never needed it once.",
            "Catch anything good at the Cairo book fair? We were there all weekend",
            "Mexico was a dream. I'll hold my nose and go back to the office Monday",
            "She moved here from Mexico and brought her grandmother's mole recipe",
            "Back from Lagos. Got robbed at chess by my nephew, again",
            "Our female pilot pointed out the nearest exit during the safety demo, so calm",
        ] {
            assert!(fired(RULE, text, &personal()).is_empty(), "false alarm: {text}");
        }
    }

    #[test]
    fn ones_own_granny_and_a_name_are_not_a_group() {
        for text in [
            "Mi granny always say 'every mickle mek a muckle' so no donation too small!",
            "NDA = Nigerian Defence Academy for those asking 😂 my brother just passed out from Kaduna",
        ] {
            assert!(fired(RULE, text, &personal()).is_empty(), "false alarm: {text}");
        }
        for text in [
            "Every Mexican I've hired has been lazy. Not racist, just honest.",
            "ramadan means my muslim colleagues are hangry and useless till 3pm and we're all supposed to act like it's fine 🙄🌙",
            "Grannies always drive like they own the road",
        ] {
            assert!(flags(RULE, text, &personal()), "missed: {text}");
        }
    }
}
