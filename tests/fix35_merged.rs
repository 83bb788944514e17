//! Session 15 (fix35-merged): review 23's statements kept apart and wording — B-1 (an id
//! written with a suffix the catalog lacks is not "not listed"), B-2 (diff names a reason
//! no longer given), B-3 (ISO/IEC 27001:2022 controls new in 2022 worded with Annex B),
//! B-4/B-5 (one status tag for compare's and report's cells), C-10 (an answering
//! instruction is a plain note), D-1 (a YAML duplicate key at its own line), D-2 (a NIST
//! id of a family with no mapping is no typo), D-3 (a sub-item row without an id refused).
mod common;

use common::{bin, by_id, data, input_error, json_of, stdout_of};

fn fixture(name: &str) -> std::path::PathBuf {
    data("fix35-merged").join(name)
}

/// `ismap-gap --lang LANG report --as-of 2026-12-01 --checks CHECKS --csp CSP`.
fn report(lang: &str, checks: &str, csp: &str) -> assert_cmd::Command {
    let mut c = bin();
    c.args(["--lang", lang, "report", "--as-of", "2026-12-01", "--checks"])
        .arg(fixture(checks))
        .arg("--csp")
        .arg(fixture(csp));
    c
}

fn json_report(checks: &str, csp: &str) -> serde_json::Value {
    let mut c = report("en", checks, csp);
    c.args(["--format", "json"]);
    json_of(c)
}

fn status<'a>(v: &'a serde_json::Value, id: &str) -> &'a str {
    by_id(&v["items"], id)["status"].as_str().unwrap()
}

/// Review 23 C-10: a note that only tells the respondent how to answer (`該当する場合のみ回答`,
/// `該当する場合は記入`, `該当しない場合は「－」`) says nothing of the item: read as a plain note;
/// `対応予定` still leaves its item not analysed.
#[test]
fn an_answering_instruction_is_a_plain_note() {
    let v = json_report("C10-checklist.csv", "page2.txt");
    for id in ["1", "2", "3", "4"] {
        assert_eq!(status(&v, id), "covered", "{id}");
    }
    assert_eq!(status(&v, "5"), "not-analysed");
    let note = by_id(&v["items"], "2")["note"].as_str().unwrap();
    assert_eq!(note, "該当する場合のみ回答");
}

/// Review 23 D-3: a row without an id whose text starts with a sub-item's mark, right under
/// an item with an id, is refused naming the item (not read as a free-standing `#3`).
#[test]
fn a_sub_item_row_without_an_id_is_refused() {
    for (file, mark) in [("D3-subitems.csv", "（2）"), ("D3-bullets.csv", "・")] {
        let e = input_error(report("en", file, "page2.txt"));
        assert!(e.contains("row 3"), "{e}");
        assert!(
            e.contains(&format!("reads as a sub-item ('{mark}') of C-01")),
            "{e}"
        );
        assert!(e.contains("merge its text into C-01's text"), "{e}");
        let out = report("ja", file, "page2.txt").output().unwrap();
        let ja = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{ja}");
        assert!(ja.starts_with("エラー: ") && ja.contains("C-01 の細目"), "{ja}");
    }
}

/// Beside D-3: an id-less row that is no sub-item, and lists whose items are numbered
/// `（1）`, `②` without ids (or without an id column), read as today.
#[test]
fn id_less_rows_that_are_not_sub_items_still_read() {
    let v = json_report("D3-plain-no-id.csv", "page2.txt");
    assert_eq!(status(&v, "#3"), "covered");
    assert_eq!(status(&v, "C-02"), "not-covered");
    for file in ["D3-numbered-no-ids.csv", "D3-numbered-no-id-column.csv"] {
        let v = json_report(file, "page2.txt");
        assert_eq!(status(&v, "#2"), "covered", "{file}");
        assert_eq!(status(&v, "#3"), "covered", "{file}");
    }
}
