//! Session 17, the lead's part of review 26 (`tests/data/review26-lead/`): A-1 a document or
//! an act alone in the assurance cell (`Report`, `報告書`, `提出`) and A-9 two levels joined by
//! a slash (`ISMAP/SOC2`) or a level with a check of the buyer's own beside it
//! (`ISMAP＋ヒアリング`) are no level: the item is not analysed, never a bare covered.
mod common;

use common::{bin, by_id, data, example};

/// `ismap-gap --lang LANG report --as-of 2026-12-07 --checks assurance-values.csv --csp
/// examples/csp-list-page.txt` (an ISMAP entry in effect then, 9.2.1 implemented).
fn run(lang: &str, format: &str) -> std::process::Output {
    bin()
        .args([
            "--lang",
            lang,
            "report",
            "--as-of",
            "2026-12-07",
            "--format",
            format,
        ])
        .arg("--checks")
        .arg(data("review26-lead/assurance-values.csv"))
        .arg("--csp")
        .arg(example("csp-list-page.txt"))
        .output()
        .unwrap()
}

/// Review 26: each of these cells was read as `ismap`, so the item was a bare
/// `covered`; now not analysed, the assurance unread (`null`) and the problem naming the
/// assurance column. The levels read before are read as before.
#[test]
fn a_document_word_or_a_slash_between_levels_is_no_level() {
    let out = run("en", "json");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for id in [
        "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "S1", "S2", "S3", "S4",
    ] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "not-analysed", "{item}");
        assert_eq!(item["assurance"], serde_json::Value::Null, "{item}");
        assert_eq!(item["problems"][0]["field"], "assurance", "{item}");
    }
    for (id, assurance, status) in [
        ("K1", "ismap", "covered"),
        ("K2", "ismap", "covered"),
        ("K3", "ismap", "covered"),
        ("K4", "ismap", "covered"),
        ("K5", "soc2", "assurance-gap"),
        ("K6", "soc2", "assurance-gap"),
    ] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["assurance"], assurance, "{item}");
        assert_eq!(item["status"], status, "{item}");
    }
}

/// Each unread cell's procedure says what to write, in English and Japanese: a slash →
/// `or` / `and` (又は / 及び); a check beside the level → the level alone; a document → which
/// level.
#[test]
fn the_procedure_says_what_to_write() {
    let en = String::from_utf8(run("en", "csv").stdout).unwrap();
    let line = |text: &str, id: &str| -> String {
        text.lines()
            .find(|l| l.starts_with(&format!("{id},")) || l.starts_with(&format!("\u{feff}{id},")))
            .unwrap_or_else(|| panic!("{id} in {text}"))
            .to_owned()
    };
    assert!(line(&en, "S1").contains("a slash does not say whether either will do or both"));
    assert!(line(&en, "S3")
        .contains("a check of your own (a hearing, a questionnaire) beside the level"));
    assert!(line(&en, "A3").contains("names a document or an act, not a level"));
    let ja = String::from_utf8(run("ja", "csv").stdout).unwrap();
    assert!(line(&ja, "S2").contains("「/」ではどちらでもよいのか両方なのか分かりません"));
    assert!(line(&ja, "S4").contains("ISMAPの記載に加えて独自の確認"));
    assert!(line(&ja, "A1").contains("書類や行為だけで水準が書かれていません"));
}

/// `report --as-of 2026-12-07 --format json` of the example check list on a pasted entry of
/// `tests/data/review26-lead/`.
fn on_entry(name: &str) -> std::process::Output {
    bin()
        .args([
            "--lang",
            "en",
            "report",
            "--as-of",
            "2026-12-07",
            "--format",
            "json",
        ])
        .arg("--checks")
        .arg(example("checks.csv"))
        .arg("--csp")
        .arg(data(&format!("review26-lead/{name}")))
        .output()
        .unwrap()
}

/// Review 26 C-4: lines the ISMAP site prints with an entry that state nothing of the
/// service — the publisher (`ISMAP運営委員会`, `独立行政法人情報処理推進機構（IPA）`), the
/// page's web address, which edition of the criteria the list follows, that its numbers are
/// the criteria's, that it holds what was registered — are read past (were refused: the CSP
/// had to edit every paste); a line with more words after them is still refused, naming it.
#[test]
fn the_publisher_and_the_criteria_edition_beside_an_entry_are_read_past() {
    let reference = on_entry("entry-read-1.txt");
    assert_eq!(
        reference.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&reference.stderr)
    );
    let statuses = |out: &std::process::Output| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (v["items"].as_array().unwrap().iter())
            .map(|i| format!("{} {}", i["id"], i["status"]))
            .collect()
    };
    let want = statuses(&reference);
    assert!(want.iter().any(|s| s.ends_with("\"covered\"")), "{want:?}");
    for n in 1..=7 {
        let out = on_entry(&format!("entry-read-{n}.txt"));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "entry-read-{n}: {stderr}");
        assert_eq!(statuses(&out), want, "entry-read-{n}");
    }
    for n in 1..=4 {
        let out = on_entry(&format!("entry-refused-{n}.txt"));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "entry-refused-{n}: {stderr}");
        assert!(
            stderr.contains(&format!("entry-refused-{n}.txt: line 2:")),
            "{stderr}"
        );
    }
}
