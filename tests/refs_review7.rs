//! Review 7 findings on reference text (A-range-1, A-short-1, B-unk-1, C-ref-1, D-or-1,
//! B-refcol-1), through `report` against a status table stating 9.2.4 未実施 and every other
//! objective of 9.2 実施: a range cut by a line break or left open, a shortened list, a
//! mark saying "unknown", the forms JIS-citing lists use, `or` between ids, and a
//! `--refs-column` naming another framework.
mod common;

use common::{by_id, control_ids, data, json_of, on_checks, strings};
use serde_json::Value;

fn report(checks: &str) -> assert_cmd::Command {
    let mut c = on_checks("en", "report", data(&format!("refs-review7/{checks}")));
    c.arg("--csp").arg(data("refs-review7/csp-st.csv"));
    c
}

fn items(checks: &str) -> Value {
    json_of(report(checks).args(["--format", "json"]))["items"].clone()
}

/// The item's references as reported, with why each that does not resolve does not.
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

const CATEGORY_9_2: [&str; 6] = ["9.2.1", "9.2.2", "9.2.3", "9.2.4", "9.2.5", "9.2.6"];

/// A-range-1: a range broken over two lines of a cell is one range (9.2.4 in the middle is
/// 未実施: 一部充足); a range mark with no id on one side is refused (`open-range`), never
/// read as its one end.
#[test]
fn a_range_broken_over_lines_is_joined_and_an_open_one_refused() {
    let items = items("refs.csv");
    for id in ["R01", "R02", "R03", "R04", "R05"] {
        let item = by_id(&items, id);
        assert_eq!(item["status"], "partial", "{id}: {item}");
        assert_eq!(control_ids(item), CATEGORY_9_2, "{id}");
        assert_eq!(strings(&item["reasons"]), ["not-implemented"], "{id}");
        assert_eq!(item["references"].as_array().unwrap().len(), 1, "{id}");
    }
    for (id, open) in [
        ("R06", "9.2.1～"),
        ("R07", "9.2.1〜"),
        ("R08", "9.2.1-"),
        ("R09", "9.2.1 ～"),
        ("R10", "9.2.1～"),
        ("R11", "～9.2.6"),
        ("R12", "9.2.1 -"),
    ] {
        let item = by_id(&items, id);
        assert_eq!(item["status"], "not-analysed", "{id}: {item}");
        assert!(
            unresolved(item).contains(&(open.to_owned(), "open-range".to_owned())),
            "{id}: {item}"
        );
        assert!(!control_ids(item).contains(&"9.2.1"), "{id}: {item}");
    }
}

/// The same in a workbook: `A.9.2.1～` Alt+Enter `A.9.2.6` is the range, `9.2.1、4` no
/// clause 4.
#[test]
fn a_workbook_cell_broken_with_alt_enter() {
    let items = items("range-altenter.xlsx");
    let one = by_id(&items, "1");
    assert_eq!(one["status"], "partial", "{one}");
    assert_eq!(control_ids(one), CATEGORY_9_2);
    let two = by_id(&items, "2");
    assert_eq!(two["status"], "not-analysed", "{two}");
    assert_eq!(
        unresolved(two),
        [("9.2.1、4".to_owned(), "shorthand-list".to_owned())]
    );
}

/// A-short-1: a bare number or `.n` after an id in the same cell is a shortened id, refused
/// with the id it may stand for as a suggestion, never read as a clause (4 = every
/// management objective); alone in its cell, or written as a clause (`4全般`), it is one.
#[test]
fn a_shortened_list_is_refused_never_a_clause() {
    let items = items("refs.csv");
    for (id, reference, suggestions) in [
        ("S01", "A.9.2.1、4", vec!["A.9.2.4"]),
        ("S02", "9.2.1、4", vec!["9.2.4"]),
        ("S03", "9.2.1\n4", vec!["9.2.4"]),
        ("S04", "9.2.1、.4", vec!["9.2.4"]),
        ("S05", "A.9.2.1, .4", vec!["A.9.2.4"]),
        ("S06", "12.4.1、3", vec!["12.4.3"]),
        ("S07", "9.2.2、3", vec!["9.2.3"]),
    ] {
        let item = by_id(&items, id);
        assert_eq!(item["status"], "not-analysed", "{id}: {item}");
        let u = item["unresolved"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["reference"] == reference)
            .unwrap_or_else(|| panic!("{id}: {item}"));
        assert_eq!(u["why"], "shorthand-list", "{id}");
        assert_eq!(strings(&u["suggestions"]), suggestions, "{id}");
        assert!(
            !control_ids(item)
                .iter()
                .any(|c| c.starts_with("4.") || c.starts_with("3.")),
            "{id}: {item}"
        );
    }
    for id in ["S08", "S09"] {
        let item = by_id(&items, id);
        assert!(control_ids(item).contains(&"4.4.1"), "{id}: {item}");
    }
    // --strict names the cell, the text and the id it may mean
    let out = report("refs.csv").arg("--strict").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("column '管理策': reference '9.2.1、4' does not resolve: a shortened list")
            && stderr.contains("did you mean 9.2.4?"),
        "{stderr}"
    );
}

/// B-unk-1: `?`, `？`, `…`, `〃`, `**` say the reference is unknown or elsewhere: the item is
/// not analysed, never outside ISMAP; a dash or `×` alone still says "none".
#[test]
fn marks_saying_unknown_are_unresolved_not_outside_ismap() {
    let items = items("refs.csv");
    for (id, mark, why) in [
        ("U01", "?", "not-a-reference"),
        ("U02", "？", "not-a-reference"),
        ("U03", "…", "not-a-reference"),
        // a ditto mark has its own why (fix9-refs): write the row above's references out
        ("U04", "〃", "ditto"),
        ("U05", "**", "not-a-reference"),
    ] {
        let item = by_id(&items, id);
        assert_eq!(item["status"], "not-analysed", "{id}: {item}");
        assert_eq!(
            unresolved(item),
            [(mark.to_owned(), why.to_owned())],
            "{id}"
        );
    }
    for id in ["U06", "U07", "U08"] {
        assert_eq!(by_id(&items, id)["status"], "outside-ismap", "{id}");
    }
    // beside an id, a question mark is not dropped
    let u09 = by_id(&items, "U09");
    assert_eq!(u09["status"], "not-analysed", "{u09}");
    assert_eq!(strings(&u09["references"]), ["9.2.1", "?"]);
}

/// C-ref-1: `附属書A A.x`, `付属書A.x`, numbered list markers, `第…項`, `から`, `ー`, `＆`,
/// `+` are read.
#[test]
fn forms_of_jis_citing_and_numbered_lists_are_read() {
    let items = items("refs.csv");
    for id in ["C01", "C02", "C04", "C05", "C06", "C07", "C08"] {
        let item = by_id(&items, id);
        assert_eq!(item["status"], "not-covered", "{id}: {item}");
        assert_eq!(control_ids(item), ["9.2.4"], "{id}");
    }
    let c03 = by_id(&items, "C03");
    assert_eq!(strings(&c03["references"]), ["9.2.4", "9.2.1"]);
    assert_eq!(c03["status"], "partial");
    for id in ["C09", "C10", "C13"] {
        let item = by_id(&items, id);
        assert_eq!(item["status"], "partial", "{id}: {item}");
        assert_eq!(control_ids(item), CATEGORY_9_2, "{id}");
    }
    for id in ["C11", "C12"] {
        let item = by_id(&items, id);
        assert_eq!(strings(&item["references"]), ["9.2.1", "9.2.4"], "{id}");
        assert_eq!(item["status"], "partial", "{id}");
    }
}

/// D-or-1: `or`, `and/or`, `または` between ids require both (never more than the weaker:
/// 一部充足 here, 9.2.4 being 未実施), with no warning about a suffix "or".
#[test]
fn or_between_ids_requires_both_without_a_suffix_warning() {
    let out = report("refs.csv")
        .args(["--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("suffix"), "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    for id in ["D01", "D02", "D03"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "partial", "{id}: {item}");
        assert_eq!(control_ids(item), ["9.2.1", "9.2.4"], "{id}");
    }
    assert!(
        !v["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["code"] == "checks-suffix-mismatch"),
        "{}",
        v["warnings"]
    );
}

/// B-refcol-1: `--refs-column` naming a column headed by another framework (`PCI DSS要件`):
/// its plain numbers are not ISMAP ids (8.2.1 is PCI's user identification, not ISMAP's
/// classification of information); an id with its own mark is still read.
#[test]
fn a_refs_column_naming_another_framework_reads_no_ismap_ids() {
    let v = json_of(report("pci.csv").args(["--refs-column", "PCI DSS要件", "--format", "json"]));
    let one = by_id(&v["items"], "1");
    assert_eq!(one["status"], "not-analysed", "{one}");
    assert_eq!(
        unresolved(one),
        [("8.2.1".to_owned(), "other-framework-column".to_owned())]
    );
    assert!(control_ids(one).is_empty());
    let two = by_id(&v["items"], "2");
    assert_eq!(two["status"], "covered", "{two}");
    // the same list by its own ISMAP column is read as before
    let v =
        json_of(report("pci.csv").args(["--refs-column", "対応する管理策", "--format", "json"]));
    assert_eq!(by_id(&v["items"], "1")["status"], "covered");
}
