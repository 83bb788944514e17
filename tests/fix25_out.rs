//! Session 12's output items (review 17): `diff` of two readiness statements calls an item
//! stated through its objective and edited to 未実施 a status change, with the objective it
//! holds back (D-7).
mod common;

use common::{bin, by_id, data, example, json_of, stdout_of};
use serde_json::{json, Value};

fn d(name: &str) -> String {
    data(&format!("fix25-out/{name}")).display().to_string()
}

/// `ismap-gap --lang LANG diff OLD NEW --as-of 2026-12-01` with more arguments.
fn diff(lang: &str, old: &str, new: &str, more: &[&str]) -> assert_cmd::Command {
    let mut c = bin();
    c.args(["--lang", lang, "diff", old, new, "--as-of", "2026-12-01"])
        .args(more);
    c
}

fn ids(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect()
}

/// Review 17 D-7: the statement `readiness` wrote, with two items stated through their
/// objectives edited to 未実施 (`4.4.7.2`, and `3.1.2.1` with a reason): two items and the
/// two objectives they hold back changed status — was "added 2", the objectives unchanged.
#[test]
fn an_item_edited_in_a_readiness_statement_is_a_status_change_with_its_objective() {
    let v = json_of(diff(
        "en",
        &d("st-old.csv"),
        &d("st-new.csv"),
        &["--format", "json"],
    ));
    assert_eq!(v["schema_version"], 7);
    assert_eq!(ids(&v["added"]), Vec::<&str>::new());
    assert_eq!(ids(&v["removed"]), Vec::<&str>::new());
    assert_eq!(ids(&v["changed"]), ["3.1.2", "3.1.2.1", "4.4.7", "4.4.7.2"]);
    let s = &v["summary"];
    assert_eq!(
        (&s["status_changed"], &s["details_changed"], &s["unchanged"]),
        (&json!(4), &json!(0), &json!(1))
    );
    let item = by_id(&v["changed"], "4.4.7.2");
    assert_eq!(item["fields"], json!(["status", "stated_as"]));
    assert_eq!(item["old"]["status"], "implemented");
    assert_eq!(item["old"]["stated_as"], "4.4.7");
    assert_eq!(item["new"]["status"], "not-implemented");
    assert_eq!(item["new"]["stated_as"], Value::Null);
    let objective = by_id(&v["changed"], "4.4.7");
    assert_eq!(objective["old"]["status"], "implemented");
    assert_eq!(objective["old"]["stated_as"], Value::Null);
    assert_eq!(objective["new"]["status"], "not-implemented");
    assert_eq!(objective["new"]["stated_as"], "4.4.7.2");
    assert_eq!(
        by_id(&v["changed"], "3.1.2.1")["new"]["reason"],
        "取締役会での評価は未実施"
    );

    // the table says it in words: 状況変更, the old status through its objective, the new
    // one of the objective through the item
    let out = stdout_of(diff(
        "ja",
        &d("st-old.csv"),
        &d("st-new.csv"),
        &["--format", "csv"],
    ));
    let row = |id: &str| {
        out.lines()
            .find(|l| {
                l.trim_start_matches('\u{feff}')
                    .starts_with(&format!("{id},"))
            })
            .unwrap_or_else(|| panic!("no row {id}: {out}"))
            .to_owned()
    };
    assert!(
        row("4.4.7.2").contains(",状況変更,実施 (4.4.7 の記載による),未実施,"),
        "{out}"
    );
    assert!(
        row("4.4.7").contains(",状況変更,実施,未実施 (4.4.7.2 の記載による),"),
        "{out}"
    );
    assert!(!out.contains("追加"), "{out}");

    // --fail-on-change: four changed, none added
    let out = diff(
        "en",
        &d("st-old.csv"),
        &d("st-new.csv"),
        &["--fail-on-change"],
    )
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("0 added, 0 removed, 4 changed"), "{stderr}");
}

/// Guards beside D-7: the item's 記載元 cleared with its status kept (the CSP's own
/// statement now, the same status) is a change of what it is stated through only
/// (記載変更), no status change; the statement against itself has no differences.
#[test]
fn an_item_restated_with_the_same_status_is_no_status_change() {
    let v = json_of(diff(
        "en",
        &d("st-old.csv"),
        &d("st-own.csv"),
        &["--format", "json"],
    ));
    assert_eq!(ids(&v["changed"]), ["4.4.7.2"]);
    assert_eq!(v["changed"][0]["fields"], json!(["stated_as"]));
    let s = &v["summary"];
    assert_eq!(
        (&s["status_changed"], &s["details_changed"], &s["unchanged"]),
        (&json!(0), &json!(1), &json!(3))
    );
    let v = json_of(diff(
        "en",
        &d("st-old.csv"),
        &d("st-old.csv"),
        &["--format", "json"],
    ));
    assert_eq!(v["summary"]["differs"], false);
    assert_eq!(v["summary"]["unchanged"], 3);
}

/// D-7 as the review ran it: the whole statement `readiness` writes of the bundled
/// profile, 4.4.7.2 edited to 未実施; the other 133 statements unchanged.
#[test]
fn the_bundled_profiles_statement_edited_reads_as_two_status_changes() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("st-old.csv");
    bin()
        .args(["--lang", "ja", "readiness", "--implemented"])
        .arg(example("csp-profile.yaml"))
        .args(["--as-of", "2026-12-01", "-o"])
        .arg(&old)
        .assert()
        .success();
    let text = std::fs::read_to_string(&old).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("4.4.7.2,"))
        .unwrap()
        .to_owned();
    assert!(line.contains(",実施,4.4.7 の記載による,"), "{line}");
    let new = dir.path().join("st-new.csv");
    std::fs::write(
        &new,
        text.replace(&line, &line.replace(",実施,", ",未実施,")),
    )
    .unwrap();
    let v = json_of(diff(
        "en",
        &old.display().to_string(),
        &new.display().to_string(),
        &["--format", "json"],
    ));
    assert_eq!(ids(&v["added"]), Vec::<&str>::new());
    assert_eq!(ids(&v["changed"]), ["4.4.7", "4.4.7.2"]);
    assert_eq!(v["summary"]["status_changed"], 2);
    assert_eq!(v["summary"]["unchanged"], 132);
}
