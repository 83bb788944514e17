//! Review 8 findings on reference text (A-range-2, C-range-3), through `report` against a
//! status table stating 9.2.4 未実施 and every other objective of 9.2 実施: a range mark
//! left after a range joined across a line break is never dropped, and a reversed or
//! cross-category range makes its item 判定不能 as `から` does, refusing the file only
//! under `--strict`.
mod common;

use common::{by_id, data, json_of, on_checks};
use serde_json::Value;

fn report() -> assert_cmd::Command {
    let mut c = on_checks("en", "report", data("fix8-refs/chains.csv"));
    c.arg("--csp").arg(data("fix8-refs/csp-st.csv"));
    c
}

fn whys(item: &Value) -> Vec<String> {
    item["unresolved"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["why"].as_str().unwrap().to_owned())
        .collect()
}

/// A-range-2: `9.2.1～` ⏎ `9.2.3～` ⏎ `9.2.5`, `9.2.1 -` ⏎ `9.2.3 -`, `9.2.1～9.2.3 -` ⏎
/// `9.2.5` were 充足 (the second mark dropped, 9.2.4 never required): now open-range,
/// 判定不能. `9.2.3～` ⏎ `9.2.5` alone stays the range (一部充足, 9.2.4 未実施).
#[test]
fn a_mark_left_after_a_range_is_open_range() {
    let items = json_of(report().args(["--format", "json"]))["items"].clone();
    for id in ["R1", "R2", "R3", "R4"] {
        let item = by_id(&items, id);
        assert_eq!(item["status"], "not-analysed", "{id}: {item}");
        assert!(
            whys(item).contains(&"open-range".to_owned()),
            "{id}: {item}"
        );
    }
    assert_eq!(by_id(&items, "R5")["status"], "partial");
}

/// C-range-3: reversed and cross-category ranges written with `～`, `ー` or a dash (and a
/// descending dash-bulleted cell joined across its line break) are one item's
/// `invalid-range`, as `9.2.5から9.2.3` is; the file is read (exit 0).
#[test]
fn a_reversed_or_cross_category_range_is_one_item_not_the_file() {
    let items = json_of(report().args(["--format", "json"]))["items"].clone();
    for id in ["V1", "V2", "V3", "V4", "V5"] {
        let item = by_id(&items, id);
        assert_eq!(item["status"], "not-analysed", "{id}: {item}");
        assert!(
            whys(item).contains(&"invalid-range".to_owned()),
            "{id}: {item}"
        );
    }
}

/// `--strict` still refuses them, naming the reference.
#[test]
fn strict_refuses_an_invalid_range() {
    let out = report().arg("--strict").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("9.2.5～9.2.3"), "{err}");
}

/// A-ed-2: under a column headed `ISMAP管理策番号`, 2022-only numbers (`5.16`, `5.7`) beside
/// numbers naming other controls in the two editions (`6.1` screening, `8.2` privileged
/// access in 2022) credited `6.1` and `8.2` as ISMAP categories: the column is refused,
/// naming the cells, in both languages; `--iso-edition 2022` reads it (the 2022 numbers
/// through the correspondence, never covered).
#[test]
fn an_ismap_header_over_2022_numbers_naming_other_controls_is_refused() {
    let checks = data("fix8-refs/ismap-header-2022-ids.csv");
    let mut c = on_checks("en", "report", &checks);
    c.arg("--csp").arg(data("fix8-refs/csp-st.csv"));
    let out = c.output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("headed as ISMAP's (2013 numbering), but row 4 '5.16' is 2022 numbering"),
        "{err}"
    );
    assert!(err.contains("'6.1'") && err.contains("'8.2'"), "{err}");
    assert!(err.contains("--iso-edition"), "{err}");
    let mut c = on_checks("ja", "report", &checks);
    c.arg("--csp").arg(data("fix8-refs/csp-st.csv"));
    let err = String::from_utf8_lossy(&c.output().unwrap().stderr).into_owned();
    assert!(
        err.contains("参照の列の見出しはISMAP(2013年版の番号)ですが"),
        "{err}"
    );
    let mut c = on_checks("en", "report", &checks);
    c.arg("--csp").arg(data("fix8-refs/csp-st.csv")).args([
        "--iso-edition",
        "2022",
        "--format",
        "json",
    ]);
    let items = json_of(&mut c)["items"].clone();
    for item in items.as_array().unwrap() {
        assert_ne!(item["status"], "covered", "{item}");
    }
}
