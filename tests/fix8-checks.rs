//! Review 8's check-list reading findings (`tests/data/fix8-checks/`): a question or
//! requirement without references is an item (outside ISMAP), never dropped as a section
//! heading; only short texts that read as headings are; a version or an address in an
//! item's text is no reference; the Japanese rows-not-read note names its rows plainly.
mod common;

use common::{data, on_checks};

fn fixture(name: &str) -> std::path::PathBuf {
    data(&format!("fix8-checks/{name}"))
}

/// The JSON of `report --checks CHECKS --csp csp-st.csv --format json` and its stderr.
fn report(lang: &str, checks: &str) -> (serde_json::Value, String) {
    let mut c = on_checks(lang, "report", fixture(checks));
    c.arg("--csp")
        .arg(fixture("csp-st.csv"))
        .args(["--format", "json"]);
    let out = c.output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    (serde_json::from_slice(&out.stdout).unwrap(), stderr)
}

/// (id, status) of every item, in order.
fn statuses(v: &serde_json::Value) -> Vec<(String, String)> {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap().to_owned(),
                i["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn not_read_rows(v: &serde_json::Value) -> Vec<u64> {
    v["checks"]["rows_not_read"]
        .as_array()
        .map(|r| r.iter().map(|r| r["row"].as_u64().unwrap()).collect())
        .unwrap_or_default()
}

fn status_of(v: &serde_json::Value, id: &str) -> String {
    statuses(v)
        .into_iter()
        .find(|(i, _)| i == id)
        .unwrap_or_else(|| panic!("no item {id} in {:?}", statuses(v)))
        .1
}

#[test]
fn a_question_over_numbered_sub_items_stays_an_item_outside_ismap() {
    let (v, stderr) = report("en", "c3-parent-q.csv");
    assert_eq!(status_of(&v, "1"), "unmapped", "{stderr}");
    assert_eq!(status_of(&v, "2"), "unmapped");
    assert_eq!(v["items"].as_array().unwrap().len(), 4);
    assert!(not_read_rows(&v).is_empty(), "{stderr}");
    assert!(v["summary"]["covered_share"].as_f64().unwrap() < 1.0);
}

#[test]
fn a_marked_question_or_requirement_is_an_item_a_short_marked_title_a_heading() {
    let (v, stderr) = report("en", "c2-heading-q.csv");
    assert_eq!(status_of(&v, "2"), "unmapped", "{stderr}");
    assert_eq!(status_of(&v, "3"), "unmapped");
    // a short heading over numbered items, and a marked short title, are still headings
    let (v, _) = report("en", "c1-heading.csv");
    let ids: Vec<String> = statuses(&v).into_iter().map(|(i, _)| i).collect();
    assert!(!ids.contains(&"3".to_owned()), "{ids:?}");
    assert!(not_read_rows(&v).contains(&6), "{:?}", not_read_rows(&v));
}

#[test]
fn a_question_merged_over_the_references_column_is_an_item() {
    let (v, stderr) = report("en", "x1-merged-q.xlsx");
    assert_eq!(status_of(&v, "2"), "unmapped", "{stderr}");
    assert!(not_read_rows(&v).is_empty(), "{stderr}");
}

#[test]
fn versions_and_addresses_in_the_text_are_no_references() {
    let (v, stderr) = report("en", "c9-prose.csv");
    // `規程第5.1.2条` is an article of another document (fix9-refs), not the control 5.1.2
    for id in ["1", "3", "4", "5"] {
        assert_eq!(status_of(&v, id), "unmapped", "{id}: {stderr}");
    }
    // an id the catalog has, written in the text, still makes the item not analysed
    assert_eq!(status_of(&v, "7"), "not-analysed", "{stderr}");
}

#[test]
fn the_japanese_note_names_rows_before_their_text() {
    let (_, stderr) = report("ja", "c1-heading.csv");
    assert!(
        stderr
            .contains("参照のない見出し行は確認項目ではないため読みませんでした(行番号 '内容'): "),
        "{stderr}"
    );
    assert!(!stderr.contains("' 行目"), "{stderr}");
}
