//! `hostility.threat`: threats of violence ("I'll punch you in the face",
//! "watch your back", "I know where you live"). Always high: even a joking
//! threat can bring the police, the platform and the employer at once.

use super::{hit_span, with_action, Input, Rule};
use crate::finding::{Action, Category, Finding, Severity};
use crate::lexicon::List;

pub struct HostilityThreat;

impl Rule for HostilityThreat {
    fn id(&self) -> &'static str {
        "hostility.threat"
    }

    fn category(&self) -> Category {
        Category::Hostility
    }

    fn check(&self, input: &Input, out: &mut Vec<Finding>) {
        for hit in input.scan.hits(List::Threats) {
            out.push(with_action(
                self.finding(Severity::High, hit_span(input.doc, hit), "This reads as a threat of violence.".into()),
                Action::Remove,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn catches_threats() {
        for text in [
            "If I see you at the conference I'll punch you in the face",
            "watch your back",
            "Keep posting lies about my fund and I will find out where you live.",
            "I know where you live",
            "gonna kick your ass",
            "Someone should run that councillor over tbh",
            "honestly someone should run him over",
            "that landlord deserves to die",
            "hope he gets hit by a bus",
            "Someone needs to push that guy off a bridge",
            "To whoever keeps parking in my spot: I will slash your tyres",
            "That ref should be dragged out of the stadium and beaten",
        ] {
            assert!(flags("hostility.threat", text, &personal()), "missed: {text}");
        }
    }

    #[test]
    fn leaves_idioms_alone() {
        for text in [
            "I'll punch in at 9",
            "We killed it on stage",
            "Shooting the finals tomorrow",
            "killed the boss on the first try",
            "Can you run the slides over to finance?",
            "I'll run over the plan with you tomorrow",
            "I will beat my personal best this year",
            "I will smash this exam",
            "you're dead to me for spoiling the finale (see you saturday still)",
        ] {
            assert!(fired("hostility.threat", text, &personal()).is_empty(), "false alarm: {text}");
        }
    }

    #[test]
    fn we_will_sort_you_out_is_help() {
        let text = "Table for 2 at 7 on Saturday? Send us a DM and we'll sort you out 😊";
        assert!(!flags("hostility.threat", text, &brand()), "false alarm: {text}");
        let threat = "keep talking and I'll sort you out properly";
        assert!(flags("hostility.threat", threat, &personal()), "missed: {threat}");
    }
}
