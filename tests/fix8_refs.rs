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
