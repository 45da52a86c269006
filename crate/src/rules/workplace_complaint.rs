//! `workplace.complaint`: complaining in public about one's boss, employer,
//! colleagues, customers or a job offer ("my boss just took credit again",
//! "I'd hate every minute of it"), and skipping work ("calling in sick to
//! go to the game"). Needs the work subject and the complaint in the same
//! sentence (one's own boss or offer reaches the next), or an eye-roll
//! emoji after one's own work subject; praise ("I love my team") and
//! questions about "your manager" stay quiet.

use super::{emoji_later_in_sentence, hit_span, joined_span, same_sentence, with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::{Hit, List};

pub struct WorkplaceComplaint;

impl Rule for WorkplaceComplaint {
    fn id(&self) -> &'static str {
        "workplace.complaint"
    }

    fn category(&self) -> Category {
        Category::Workplace
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        let hits: Vec<_> = input.scan.hits(List::Workplace).collect();
        let hint = Action::Rephrase { hint: "Raise it with the person, or vent offline." };
        for skip in hits.iter().filter(|h| h.tag == "skip" || h.tag == "complaint") {
            out.push(with_action(
                self.finding(
                    Severity::Medium,
                    hit_span(doc, skip),
                    if skip.tag == "skip" {
                        "This says you are skipping or faking work."
                    } else {
                        "This complains about work in public."
                    }
                    .into(),
                ),
                hint.clone(),
            ));
        }
        // Swearing at work ("F U C K this company"), insults ("my supervisor
        // is a clown") and ableist put-downs ("the intern is a total sp*z")
        // are complaints too.
        let negatives: Vec<&Hit> = hits
            .iter()
            .copied()
            .filter(|h| h.tag == "negative")
            .chain(input.scan.hits(List::Profanity).filter(|h| h.tag != "mild" && h.tag != "faint"))
            .chain(input.scan.hits(List::Insults))
            .chain(input.scan.hits(List::Ableist).filter(|h| h.tag != "weak"))
            .collect();
        // "How do you tell your manager ...": someone else's job, asked about.
        let someone_elses = |s: &&Hit| s.first > 0 && doc.word(&doc.tokens[s.first - 1]) == "your";
        // "Thank you to my team for ... the terrible puns": gratitude teases.
        let thanked = |s: &&Hit| {
            let (first, last) = doc.sentence_of(s.first);
            let sentence = &doc.folded[doc.tokens[first].start..doc.tokens[last].end];
            THANKS.iter().any(|p| sentence.contains(p))
        };
        // "Our founder still hates waste": a brand telling its own story.
        let brand_story = |s: &&Hit| input.ctx.is_brand() && s.phrase == "our founder";
        let complaint = hits
            .iter()
            .filter(|h| h.tag == "subject" && !someone_elses(h) && !thanked(h) && !brand_story(h))
            .flat_map(|s| {
                negatives
                    .iter()
                    .filter(move |n| {
                        // "My manager ... I genuinely hate this": one's own boss carries to the next sentence.
                        // So does handing in one's notice ("Hate this place. Two weeks notice tomorrow").
                        // "Boss just ...": the writer's own boss, unnamed. "Accepted the
                        // offer! ... the product is a snooze": the offer is the writer's own.
                        let own = s.phrase.starts_with("my ")
                            || s.phrase.ends_with("notice")
                            || s.phrase.ends_with(" just")
                            || s.phrase.ends_with("offer")
                            || (s.first == 0 && !s.phrase.starts_with("the ")); // "Manager spent 40 mins ..."
                        let near = n.first.abs_diff(s.first) <= if own { 25 } else { 14 };
                        n.first != s.first && near && (own || same_sentence(doc, s, n) && !said_of_another(doc, s, n))
                    })
                    .map(move |n| (s, n))
            });
        // "my manager booked a 'quick sync' at 4:55 on a friday 🙃": an eye-roll
        // at one's own job is the complaint.
        let complaint = complaint.into_iter().next().or_else(|| {
            let owned = |s: &&Hit| {
                s.phrase.starts_with("my ")
                    || s.phrase.starts_with("our ")
                    || (s.first > 0 && matches!(doc.word(&doc.tokens[s.first - 1]), "my" | "our"))
            };
            hits.iter()
                .find(|s| s.tag == "subject" && owned(s) && emoji_later_in_sentence(doc, s.end, EYE_ROLL))
                .map(|s| (s, s))
        });
        if let Some((subject, negative)) = complaint {
            out.push(with_action(
                self.finding(
                    Severity::Medium,
                    joined_span(doc, subject, negative),
                    "This complains about work in public.".into(),
                ),
                hint,
            ));
        }
    }
}

/// Whether a complaint said of something ("is a mess") follows a comma
/// and a new subject: "late to the interview, traffic on I-55 is a mess".
/// "The interview, honestly, is a mess" keeps its subject.
fn said_of_another(doc: &crate::text::Doc, subject: &Hit, negative: &Hit) -> bool {
    let predicate = matches!(negative.phrase.split(' ').next(), Some("is" | "are" | "was" | "were"));
    predicate
        && negative.first > subject.last + 2
        && doc.gap(subject.last, subject.last + 1).contains(',')
        && !matches!(
            doc.word(&doc.tokens[negative.first - 1]),
            "it" | "this" | "that" | "he" | "she" | "they" | "honestly"
        )
}

/// Gratitude to someone ("thanks senior management 🙏" is sarcasm, and
/// "thanks to my manager I'm working Christmas" means "because of").
const THANKS: &[&str] = &["thank you to", "grateful to", "grateful for", "thankful for", "shoutout to"];

/// Emoji that roll their eyes.
const EYE_ROLL: &[char] = &['🙄', '🙃', '🤡', '🫠', '😒', '😤'];

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const RULE: &str = "workplace.complaint";

    #[test]
    fn catches_complaints_and_skipping() {
        for text in [
            "Three years at Granite Bank and I still do half my colleagues' work for them. Management doesn't even notice.",
            "Customers at the trade counter today were unbearable, every single one wanting a discount for nothing.",
            "Just got offered a job at Initech, great pay but I'd probably hate every minute of it",
            "My boss just took credit for my project again.",
            "took the job for the money ngl. the brand is cringe but hey, rent",
            "My boss just scheduled a 4:45pm Friday meeting to 'talk about morale.' I cannot stand this man.",
            "my manager booked ANOTHER 6pm meeting. does he think none of us have lives outside this office??",
            "Our leadership team couldn't run a bake sale, and somehow I'm the one writing their engagement survey.",
            "Sharing an office with Dave is my punishment. He eats tuna at his desk.",
            "Another 14-hour day for a VP who can't read a balance sheet. Love it here.",
            "The rest of my QA team is lazy, they dump every bug report on me and then take the credit in standup.",
            "The comms team I'm stuck with hasn't met a single deadline this year and our director just shrugs.",
            "Gonna call in sick and go to the game, my boss will never know",
            "Hate this place. Two weeks notice going in tomorrow",
            "my supervisor is a total muppet",
            "My manager is the laziest person I've ever met and I'm stuck with him",
            "Boss just booked an all-day event on a Saturday. Unpaid, obviously",
            "I sleep through half my Zoom calls with the camera off, nobody's noticed yet",
            "Got the offer... the salary is insulting",
            "the new VP is a total disaster",
            "my coworkers are clueless, every single day",
            "Thanks to my useless manager I'm working Christmas again.",
        ] {
            assert!(flags(RULE, text, &personal()), "missed: {text}");
        }
    }

    #[test]
    fn praise_and_neutral_work_talk_are_fine() {
        let story = "Our founder still hates waste, so every loaf left at close goes to the food bank";
        assert!(!flags(RULE, story, &brand()), "false alarm: {story}");
        for text in [
            "our team won the office quiz and we will be insufferable about it for the rest of the year",
            "I love my job and my team is amazing",
            "Five years sober today. Grateful for every meeting, every friend and every cup of terrible coffee.",
            "Flu jabs at our Station Road branch: walk in, or book online to skip the queue.",
            "Stuck with the washing up again, flatmates are hopeless",
            "Handed in my notice today, excited for the next chapter",
            "Dyed my hair blue and nobody's noticed",
            "Thrilled to welcome 40 new apprentices to the team this September!",
            "Promoted to senior engineer. Thank you to my team for the code reviews and the terrible puns.",
            "Worst traffic ever this morning, but made it to work on time",
            "Our customers told us what they wanted, so we built it",
            "reminder that a sick day for your mental health is a real sick day. took one today and i'm not sorry",
        ] {
            assert!(!flags(RULE, text, &personal()), "false alarm: {text}");
        }
    }

    #[test]
    fn a_complaint_about_something_else_after_a_comma_is_not_about_work() {
        let traffic = "Runnin 10 min late to the interview, traffic on I-55 is a mess. Save me a seat?";
        assert!(!flags(RULE, traffic, &personal()), "false alarm: {traffic}");
        for text in ["The interview, honestly, is a mess", "the interview panel was unbearable"] {
            assert!(flags(RULE, text, &personal()), "missed: {text}");
        }
    }

    #[test]
    fn miles_on_the_clock_are_a_vans_not_a_shift() {
        let text = "Got the new 73-plate Transit today 😍 412 miles on the clock and it still smells new";
        assert!(!flags(RULE, text, &personal()), "false alarm: {text}");
    }
}
