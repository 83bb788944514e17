//! fix9-refs: reading references in buyer check lists (closing-4 "Noticed, left alone",
//! review 8 C-prose-2, C-list-2), through `report` against a status table stating 9.2.4
//! 未実施 and every other objective of 9.2 実施.
mod common;

use common::{by_id, control_ids, data, json_of, on_checks, strings};
use serde_json::Value;

fn items(checks: &str, more: &[&str]) -> Value {
    let mut c = on_checks("en", "report", data(&format!("fix9_refs/{checks}")));
    c.arg("--csp")
        .arg(data("fix8-refs/csp-st.csv"))
        .args(["--format", "json"])
        .args(more);
    json_of(c)["items"].clone()
}

fn status(items: &Value, id: &str) -> String {
    by_id(items, id)["status"].as_str().unwrap().to_owned()
}

fn unresolved(item: &Value) -> Vec<(String, String)> {
    item["unresolved"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["reference"].as_str().unwrap().to_owned(),
                u["why"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn problem_values(item: &Value) -> Vec<(String, String)> {
    item["problems"]
        .as_array()
        .map(|ps| {
            ps.iter()
                .map(|p| {
                    (
                        p["column"].as_str().unwrap().to_owned(),
                        p["value"].as_str().unwrap().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Item 1: An article, section or version of another document in an item's text (`規程第5.1.2条`,
/// `規則5.1.2`, `マニュアル 9.2.1節`, `社内規程 9.2.4項`, `ver 9.2.1`, `令和5.1.2`, `第9.2.1条`,
/// `9.2.1版`) made the item 判定不能 because the number is a catalog id: it is outside ISMAP
/// now. A reference to ISMAP in prose (`（9.2.4）`, `A.9.2.4`, `ISMAP管理策 第9.2.4条`, a bare
/// `9.2.4に従い`, `管理策基準 9.2.4` in the note, `第9.2.4項`) still makes it not analysed.
#[test]
fn articles_of_other_documents_are_no_references_ismap_ones_still_are() {
    let items = items("prose.csv", &[]);
    for id in ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"] {
        assert_eq!(
            status(&items, id),
            "unmapped",
            "{id}: {}",
            by_id(&items, id)
        );
    }
    for (id, column, value) in [
        ("N1", "チェック項目", "9.2.4"),
        ("N2", "チェック項目", "A.9.2.4"),
        ("N3", "チェック項目", "9.2.4"),
        ("N4", "チェック項目", "9.2.4"),
        ("N5", "備考", "9.2.4"),
        ("N6", "チェック項目", "9.2.4"),
    ] {
        let item = by_id(&items, id);
        assert_eq!(item["status"], "not-analysed", "{id}: {item}");
        assert_eq!(
            problem_values(item),
            [(column.to_owned(), value.to_owned())],
            "{id}"
        );
    }
}

/// Item 2: With `--catalog`, the ids of the chosen catalog are the references in prose: 9.2.7
/// (in it, not in the embedded one) makes C1 not analysed, 9.2.4 (not in it) does not
/// make C2 so; with the embedded catalog, the other way round.
#[test]
fn prose_ids_are_those_of_the_chosen_catalog() {
    let custom = |catalog: bool| {
        let mut c = on_checks("en", "report", data("fix9_refs/custom.csv"));
        if catalog {
            c.arg("--catalog").arg(data("fix9_refs/catalog.yaml"));
            c.arg("--csp").arg(data("fix9_refs/csp-custom.csv"));
        } else {
            c.arg("--csp").arg(data("fix8-refs/csp-st.csv"));
        }
        json_of(c.args(["--format", "json"]))["items"].clone()
    };
    let chosen = custom(true);
    assert_eq!(status(&chosen, "C1"), "not-analysed");
    assert_eq!(status(&chosen, "C2"), "unmapped");
    assert_eq!(status(&chosen, "C3"), "covered");
    let embedded = custom(false);
    assert_eq!(status(&embedded, "C1"), "unmapped");
    assert_eq!(status(&embedded, "C2"), "not-analysed");
}

/// Item 3: YAML and JSON check lists get the reference-in-prose check too (`title`, `note`).
#[test]
fn yaml_and_json_lists_get_the_prose_check() {
    for file in ["prose.yaml", "prose.json"] {
        let items = items(file, &[]);
        let y1 = by_id(&items, "Y1");
        assert_eq!(y1["status"], "not-analysed", "{file}: {y1}");
        assert_eq!(problem_values(y1), [("title".into(), "9.2.4".into())]);
        let y2 = by_id(&items, "Y2");
        assert_eq!(y2["status"], "not-analysed", "{file}: {y2}");
        assert_eq!(problem_values(y2), [("note".into(), "A.9.2.4".into())]);
        assert_eq!(status(&items, "Y3"), "unmapped", "{file}");
        assert_eq!(status(&items, "Y4"), "covered", "{file}");
    }
}

/// Item 4: An edition in brackets after an id is the edition it is numbered in: 2013 as today,
/// 2022 through the correspondence; one contradicting the standard before the id, or a
/// standard the tool does not read, stays unresolved.
#[test]
fn an_edition_in_brackets_after_an_id_is_read() {
    let items = items("refs.csv", &[]);
    for id in ["E1", "E2", "E3"] {
        let item = by_id(&items, id);
        assert_eq!(item["status"], "not-covered", "{id}: {item}");
        assert_eq!(control_ids(item), ["9.2.4"], "{id}");
        assert_eq!(item["references"].as_array().unwrap().len(), 1, "{id}");
    }
    assert_eq!(unresolved(by_id(&items, "E4"))[0].1, "qualified");
    assert_eq!(unresolved(by_id(&items, "E5"))[0].1, "unknown-standard");
    let edition = self::items("edition.csv", &[]);
    for id in ["E6", "E7"] {
        let item = by_id(&edition, id);
        assert_eq!(item["status"], "partial", "{id}: {item}");
        assert!(
            strings(&item["reasons"]).contains(&"iso2022-correspondence"),
            "{id}: {item}"
        );
    }
    assert_eq!(status(&edition, "E8"), "covered");
}

/// Item 5: `9.2.1 or 9.2.4`, `又は`, `and/or`: two references, each its id (both needed).
#[test]
fn a_word_between_two_ids_is_no_part_of_the_first() {
    let items = items("refs.csv", &[]);
    for id in ["O1", "O2", "O3"] {
        let item = by_id(&items, id);
        assert_eq!(strings(&item["references"]), ["9.2.1", "9.2.4"], "{id}");
        assert_eq!(item["status"], "partial", "{id}: {item}");
    }
}

/// Item 6: A ditto mark is unresolved with its own why, which says to write the row above's
/// references out; `--strict` says so.
#[test]
fn ditto_marks_say_to_write_the_references_out() {
    let items = items("refs.csv", &[]);
    for (id, mark) in [("D1", "〃"), ("D2", "同上"), ("D3", "同左")] {
        let item = by_id(&items, id);
        assert_eq!(item["status"], "not-analysed", "{id}");
        assert_eq!(unresolved(item), [(mark.to_owned(), "ditto".to_owned())]);
    }
    let mut c = on_checks("en", "report", data("fix9_refs/refs.csv"));
    c.arg("--csp")
        .arg(data("fix8-refs/csp-st.csv"))
        .arg("--strict");
    let out = c.output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("reference '〃' does not resolve: a ditto mark")
            && err.contains("write the row above's references out in this row"),
        "{err}"
    );
    let mut c = on_checks("ja", "report", data("fix9_refs/refs.csv"));
    c.arg("--csp")
        .arg(data("fix8-refs/csp-st.csv"))
        .arg("--strict");
    let err = String::from_utf8_lossy(&c.output().unwrap().stderr).into_owned();
    assert!(
        err.contains("上の行の参照をこの行にも書いてください"),
        "{err}"
    );
}

/// Item 7: `to`, `through`, `thru` are range marks (same rules as `～`); an arrow is neither a
/// range nor a list.
#[test]
fn english_range_words_are_ranges_arrows_are_not() {
    let items = items("refs.csv", &[]);
    for id in ["R1", "R2", "R3"] {
        let item = by_id(&items, id);
        assert_eq!(item["status"], "covered", "{id}: {item}");
        assert_eq!(control_ids(item), ["9.2.1", "9.2.2", "9.2.3"], "{id}");
    }
    assert_eq!(unresolved(by_id(&items, "R4"))[0].1, "invalid-range");
    assert_eq!(unresolved(by_id(&items, "R5"))[0].1, "open-range");
    for id in ["A1", "A2"] {
        let item = by_id(&items, id);
        assert_eq!(item["status"], "not-analysed", "{id}");
        assert_eq!(unresolved(item)[0].1, "arrow", "{id}");
    }
}

/// Item 8: List markers in mid-line are read in a list under way (`1) 9.2.1 2) 9.2.4`,
/// `① 9.2.1 ② 9.2.4`); a marker right after an id with no list before it, or out of
/// sequence, is not (判定不能), and never swallows an id.
#[test]
fn list_markers_in_mid_line() {
    let items = items("refs.csv", &[]);
    for id in ["L1", "L2"] {
        let item = by_id(&items, id);
        assert_eq!(strings(&item["references"]), ["9.2.1", "9.2.4"], "{id}");
        assert_eq!(item["status"], "partial", "{id}: {item}");
    }
    for id in ["L3", "L4"] {
        let item = by_id(&items, id);
        assert_eq!(item["status"], "not-analysed", "{id}: {item}");
        assert!(control_ids(item).contains(&"9.2.4"), "{id}: {item}");
    }
}
