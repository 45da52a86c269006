//! General advice shown in the popup, one at a time. The lessons come from
//! what has gone wrong for leaders and brands on social media, put in our
//! own words.

pub const TIPS: &[&str] = &[
    "Read it once more as your harshest critic would, then decide.",
    "Check which account is active before you post: brand and personal accounts live side by side in the same app.",
    "A direct message is still a copy on someone else's device. Passwords, card numbers and deal terms belong elsewhere.",
    "Look at the conversation you are joining first: a cheerful post lands badly on a day of bad news.",
    "Deleting a post does not delete the screenshots. Write as if it will stay forever.",
    "Be yourself, but remember who you speak for: your words travel with your title.",
    "An open question to the public invites every complaint you have ever had. Plan for the worst answers.",
    "Angry? Save it as a draft and come back in an hour.",
    "Results, deals and layoffs go out through official channels first, never in a casual post.",
    "\"Just kidding\" does not undo a joke that hurts someone.",
];

/// The tip for a given day or rotation counter.
pub fn tip(n: u32) -> &'static str {
    TIPS[n as usize % TIPS.len()]
}
