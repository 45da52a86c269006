//! The project's labelled corpus, in ten files the learned model trains on:
//! `tests/corpus/posts.jsonl` (posts with the wording people reach for
//! first), `tests/corpus/indirect.jsonl` (posts written blind to avoid the
//! obvious words: sarcasm, stereotypes without a cue word, innuendo, and
//! benign near-misses beside them), and session 5's blind batches in the
//! same two styles, `tests/corpus/plain.jsonl` (short posts saying the risky
//! thing in everyday words, UK, US and other Englishes) and
//! `tests/corpus/indirect2.jsonl` (roasts, job complaints, stereotypes,
//! innuendo, leaks and secrets said sideways), and session 6's
//! `tests/corpus/plain2.jsonl` (fifteen more blind batches of short plain
//! posts: other Englishes, heated reply threads, frontline workers and their
//! employers, young people and creators, tech and finance, politics and
//! sport, brands' customer-service and marketing staff, small businesses,
//! replies and DMs, executives, famous kinds of gaffe, twenty-somethings,
//! simple English; and 900 benign look-alikes), and session 7's
//! `tests/corpus/plain3.jsonl` (blind batches leaning on the four hardest
//! categories, offensive, workplace, sexual and hostility, as office and
//! shop staff, parents and community groups, hospitality and sports fans,
//! Australians, New Zealanders, Irish and Canadians, gig workers and
//! students, hospital, school and public-service staff, and speakers of
//! African, South Asian, Caribbean and Singaporean English say them;
//! LinkedIn professionals and students in plain batches with no lean; and
//! benign look-alikes from everyday life and of the words that fool
//! checkers most), and session 8's `tests/corpus/plain4.jsonl` (plain
//! batches with no lean, from all sorts of people, small-business owners
//! and founders, young people, parents and local groups, and employees in
//! many trades, and benign look-alikes), and session 9's
//! `tests/corpus/plain5.jsonl` (a plain batch with no lean, two leaning on
//! the hardest categories said indirectly, and benign look-alikes from
//! pubs, pharmacies, banks, councils and clubs), `tests/corpus/plain6.jsonl`
//! (sessions 4 to 9's held-out batches, thirty-eight of them, 9,060 posts:
//! learned from since session 10) and session 10's
//! `tests/corpus/plain7.jsonl` (a plain batch from small businesses and
//! trades, three leaning on offensive and workplace, on sexual, tragedy
//! and hostility, and on market-moving, confidential, private-message and
//! intoxication, and 300 benign posts that use strong words innocently), and
//! session 11's `tests/corpus/plain8.jsonl` (six batches of 240 from shop
//! floors, tech and finance, local groups and more, three leaning on
//! offensive and hostility, workplace and hostility, and sexual, tragedy
//! and intoxication; and 600 benign posts, personal and from brands).
//! Per file and category, recall may
//! never fall below the floors in `tests/corpus/floors.json`, and no benign
//! post may get a finding of medium or high severity. Raise a floor when
//! recall improves; never lower one to make a change pass. Harder posts go
//! into a file of their own, with floors of their own, so a file's floors
//! stay comparable over time.
//!
//! `tests/corpus/heldout.jsonl` holds session 10's held-out batches, written
//! blind and scored on first sight; the learned model never sees them and
//! no rule was changed for their misses. Its benign posts are not blind:
//! each false alarm they raised was fixed. It keeps one overall floor and
//! must flag no benign post.

use std::collections::BTreeMap;

use postguard::{check, Account, Context, Severity, Surface};
use serde::Deserialize;

#[derive(Deserialize)]
struct Post {
    id: String,
    text: String,
    site: Option<String>,
    account: Option<Account>,
    #[serde(default)]
    surface: Surface,
    expect: Vec<String>,
}

impl Post {
    fn context(&self) -> Context {
        Context { site: self.site.clone(), account: self.account.clone(), surface: self.surface, ..Context::default() }
    }
}

fn corpus_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus")
}

fn load_file(name: &str) -> Vec<Post> {
    let text = std::fs::read_to_string(corpus_dir().join(name)).unwrap_or_else(|e| panic!("tests/corpus/{name}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(n, l)| serde_json::from_str(l).unwrap_or_else(|e| panic!("{name} line {}: {e}", n + 1)))
        .collect()
}

/// The labelled files, each with its own floors.
const CORPUS: [&str; 11] = [
    "posts.jsonl",
    "indirect.jsonl",
    "plain.jsonl",
    "indirect2.jsonl",
    "plain2.jsonl",
    "plain3.jsonl",
    "plain4.jsonl",
    "plain5.jsonl",
    "plain6.jsonl",
    "plain7.jsonl",
    "plain8.jsonl",
];

/// Categories found at medium or high severity.
fn strong_categories(post: &Post) -> Vec<&'static str> {
    check(&post.text, &post.context())
        .iter()
        .filter(|f| f.severity >= Severity::Medium)
        .map(|f| f.category.id())
        .collect()
}

#[test]
fn no_benign_post_is_flagged() {
    let flagged: Vec<String> = CORPUS
        .iter()
        .flat_map(|file| load_file(file))
        .filter(|p| p.expect.is_empty())
        .filter_map(|p| {
            let found = strong_categories(&p);
            (!found.is_empty()).then(|| format!("{} flagged {found:?}: {}", p.id, p.text))
        })
        .collect();
    assert!(flagged.is_empty(), "benign posts flagged:\n{}", flagged.join("\n"));
}

#[test]
fn recall_stays_at_or_above_the_floors() {
    let floors: BTreeMap<String, BTreeMap<String, f64>> =
        serde_json::from_str(&std::fs::read_to_string(corpus_dir().join("floors.json")).expect("floors.json"))
            .expect("floors.json maps each corpus file to a map of category to recall");
    let mut regressions = Vec::new();
    let mut all: BTreeMap<String, usize> = BTreeMap::new();
    let mut size = 0;
    for file in CORPUS {
        let posts = load_file(file);
        size += posts.len();
        let floors = &floors[file];
        let mut hits: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for post in &posts {
            let found = strong_categories(post);
            for want in &post.expect {
                let entry = hits.entry(want.as_str()).or_default();
                entry.1 += 1;
                if found.contains(&want.as_str()) {
                    entry.0 += 1;
                }
            }
        }
        println!("{file}");
        for (category, (hit, total)) in &hits {
            *all.entry(category.to_string()).or_default() += total;
            let recall = *hit as f64 / *total as f64;
            println!("  {category:18} {hit:3}/{total:<3} {:5.1}%", recall * 100.0);
            let floor = floors.get(*category).copied().unwrap_or(1.0);
            if recall + 1e-9 < floor {
                regressions.push(format!("{file} {category}: {:.1}% < floor {:.1}%", recall * 100.0, floor * 100.0));
            }
        }
    }
    assert!(size >= 300, "the corpus needs at least 300 posts");
    assert_eq!(all.len(), 15, "every category must be in the corpus");
    assert!(all.values().all(|&total| total >= 10), "every category needs at least 10 risky posts");
    assert!(regressions.is_empty(), "recall fell below the floor:\n{}", regressions.join("\n"));
}

/// Recall over every expected label of session 10's held-out batches. The
/// first round was scored by the session-start build: s10B (doctors,
/// teachers, lawyers, council staff and the like: 165/223 on first sight;
/// one false alarm, "Bloody hell, what a view", fixed: "bloody hell" is mild
/// now), s10C (fans, gamers, parents, students: 176/226) and s10H (300
/// benign posts from brand accounts in many sectors: eight false alarms,
/// fixed with rules that read further than the post: a careers guidance
/// team, a cocktail of the month, espresso martinis on a personal account, a
/// book that wrecked its reader, thanks to a team for its puns, "typing 'jk'
/// doesn't undo it", a shop called Off The Record moving, "deleting later
/// won't help"). The second round came after the session's model: s10J
/// (shop, office, warehouse and care staff: 183/217 on first sight, 171 for
/// the session-start build), s10K (online communities: 176/213, 168), s10L
/// (executives, founders, brand managers: 185/227, 177) and s10M (300
/// benign posts of an ordinary day), with eight false alarms among their 480
/// benign posts, as many as the session-start build's, all fixed (a serum
/// brand asking for skin types, a sister's 40th, cocktail cupcakes, a
/// reminiscence about a first job, a restructuring already announced, a
/// dovetail joint, a roof that leaked in a storm, the village of Hell). No
/// rule was changed for their misses and the model never learned from them.
/// The floor is the recall after session 11's model (928 of 1,106; 898
/// after session 10, 857 for session 10's start build). Session 11 changed
/// no rule for its misses either; its model's lower thresholds raised one
/// false alarm here (a gym whose class "smashed it"), mended by keeping the
/// learned wrong-account rule quiet on a brand's praise. Sessions 4 to 9's
/// held-out batches are in `plain6.jsonl` now, which the model learns from.
/// Session 12's credential rules (codes read out in halves, answers to name
/// games, user / password pairs), written for misses of that session's own
/// fresh batches, catch two more here: 930. Session 13's (codes the writer
/// was sent, PINs after "it's literally"), three more: 933. Session 15's
/// rules and its retrained model (thresholds no longer on a grid), seven
/// more: 940. Session 17's retrain (22-bit hashes, near misses weighed up,
/// the phrases and quiet cases sessions 16 and 17 left for it), six more:
/// 946. Session 18's reading of "#RIP..." hashtags as a death (written for
/// its own round's misses), one more: 947.
const HELDOUT_FLOOR: f64 = 947.0 / 1106.0;

#[test]
fn the_held_out_batch_keeps_its_recall_and_flags_no_benign_post() {
    let posts = load_file("heldout.jsonl");
    let (mut hit, mut total) = (0, 0);
    let mut flagged = Vec::new();
    for post in &posts {
        let found = strong_categories(post);
        if post.expect.is_empty() && !found.is_empty() {
            flagged.push(format!("{} flagged {found:?}: {}", post.id, post.text));
        }
        total += post.expect.len();
        hit += post.expect.iter().filter(|want| found.contains(&want.as_str())).count();
    }
    let recall = hit as f64 / total as f64;
    println!("held-out batch: {hit}/{total} = {:.1}%", recall * 100.0);
    assert!(flagged.is_empty(), "benign posts flagged:\n{}", flagged.join("\n"));
    assert!(
        recall + 1e-9 >= HELDOUT_FLOOR,
        "held-out recall {:.1}% < floor {:.1}%",
        recall * 100.0,
        HELDOUT_FLOOR * 100.0
    );
}
