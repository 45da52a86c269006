//! The `postguard` command's contract: JSON lines in, one JSON line out per
//! input line in order, errors on stderr naming the line, linter-style exit
//! codes, and a readable report for a single text.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn postguard(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_postguard"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("postguard runs");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    child.wait_with_output().expect("postguard finishes")
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

#[test]
fn jsonl_answers_every_line_in_order() {
    let input = concat!(
        r#"{"id": 1, "text": "what the fuck"}"#,
        "\n",
        r#"{"id": "two", "text": "Lovely walk by the river", "site": "x.com", "surface": "public"}"#,
        "\n",
        r#"{"id": 3, "text": "card 4111 1111 1111 1111", "account": {"handle": "acme", "kind": "brand"}, "surface": "dm"}"#,
        "\n"
    );
    let out = postguard(&["check", "--jsonl", "-"], input);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let got = lines(&out);
    assert_eq!(got.len(), 3);
    assert_eq!(got[0]["id"], 1);
    assert_eq!(got[1]["id"], "two");
    assert_eq!(got[1]["findings"].as_array().map(Vec::len), Some(0));
    let card = &got[2]["findings"][0];
    assert_eq!(card["category"], "personal-data");
    assert_eq!(card["rule"], "personal-data.card");
    assert_eq!(card["severity"], "high");
    assert_eq!((card["start"].as_u64(), card["end"].as_u64()), (Some(5), Some(24)));
    for key in ["message", "lesson"] {
        assert!(card[key].as_str().is_some_and(|s| !s.is_empty()), "{key} missing");
    }
}

#[test]
fn a_bad_line_is_reported_and_the_rest_still_checked() {
    let input = "{\"id\": 1, \"text\": \"fine\"}\n{not json}\n{\"id\": 3, \"text\": \"shit\"}\n{\"id\": 4}\n";
    let out = postguard(&["check", "--jsonl", "-"], input);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 2"), "{stderr}");
    assert!(stderr.contains("line 4") && stderr.contains("text"), "{stderr}");
    let ids: Vec<_> = lines(&out).iter().map(|l| l["id"].clone()).collect();
    assert_eq!(ids, vec![serde_json::json!(1), serde_json::json!(3)]);
}

#[test]
fn fail_on_findings_gives_the_linter_exit_code() {
    let risky = "{\"id\": 1, \"text\": \"what the fuck\"}\n";
    let clean = "{\"id\": 1, \"text\": \"good morning\"}\n";
    assert_eq!(postguard(&["check", "--jsonl", "--fail-on-findings", "-"], risky).status.code(), Some(1));
    assert_eq!(postguard(&["check", "--jsonl", "--fail-on-findings", "-"], clean).status.code(), Some(0));
}

#[test]
fn single_text_report_marks_the_span_and_sets_the_exit_code() {
    let out = postguard(&["check", "oh shit, the demo"], "");
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("  oh shit, the demo\n     ^^^^\n"), "{report}");
    assert!(report.contains("profanity [profanity.word]"), "{report}");
    let clean = postguard(&["check", "-"], "Lovely walk by the river");
    assert_eq!(clean.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&clean.stdout), "No risks found.\n");
}

#[test]
fn json_format_prints_one_object() {
    let out = postguard(&["check", "--format", "json", "what the hell"], "");
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(value["findings"][0]["category"], "profanity");
    assert_eq!(out.status.code(), Some(0), "a mild word is only a tip");
}

#[test]
fn bad_arguments_exit_2_with_a_message() {
    let out = postguard(&["frobnicate"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown command"));
    assert_eq!(postguard(&["check", "--format", "xml", "x"], "").status.code(), Some(2));
    assert_eq!(postguard(&["check", "--jsonl", "/no/such/file"], "").status.code(), Some(2));
}
