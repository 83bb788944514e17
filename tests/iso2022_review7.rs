//! ISO/IEC 27001:2022 numbering in check lists (review 7): the 2022 → 2013 correspondence
//! is not an equivalence (A-2022-1), a column headed ISMAP keeps ISMAP's numbering
//! (B-ed-1), and a workbook with a 2013 sheet and a 2022 sheet (C-sheets-1).
mod common;

use common::{
    add_text_sheet, by_id, control_ids, data, input_error, json_of, on_checks, stdout_of, strings,
};
use serde_json::Value;

fn report(lang: &str, checks: impl AsRef<std::ffi::OsStr>) -> assert_cmd::Command {
    let mut c = on_checks(lang, "report", checks);
    c.arg("--csp").arg(data("iso2022-review7/csp-st.csv"));
    c
}

fn codes(item: &Value) -> Vec<&str> {
    item["additional_procedures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect()
}

fn procedure<'a>(item: &'a Value, code: &str) -> &'a str {
    item["additional_procedures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == code)
        .and_then(|p| p["text"].as_str())
        .unwrap_or_else(|| panic!("no procedure {code} in {item}"))
}

/// An item cited in ISO/IEC 27001:2022 Annex A numbering whose 2013 predecessors are all
/// implemented is never plain covered: the correspondence (ISO/IEC 27002:2022 Annex B) is
/// not an equivalence. It is partial, with reason `iso2022-correspondence` and a procedure
/// naming the 2022 control and the 2013 objectives ISMAP assessed, in report and compare
/// alike.
#[test]
fn a_2022_control_through_the_correspondence_is_never_covered() {
    let checks = data("iso2022-review7/annex-2022.csv");
    let v = json_of(report("en", &checks).args(["--format", "json"]));
    let items = &v["items"];
    assert_eq!(v["summary"]["covered"], 0, "{}", v["summary"]);
    for (id, chain) in [
        ("1", "5.15 (2022) → 9.1.1, 9.1.2"),
        ("3", "8.2 (2022) → 9.2.3"),
        ("9", "5.16 (2022) → 9.2.1"),
        ("10", "8.1 (2022) → 6.2.1, 11.2.8"),
    ] {
        let item = by_id(items, id);
        // every predecessor is implemented: only the correspondence keeps it from covered
        assert!(item["missing"].as_array().unwrap().is_empty(), "{item}");
        assert_eq!(item["status"], "partial", "{id}");
        assert_eq!(
            strings(&item["reasons"]),
            ["iso2022-correspondence"],
            "{id}"
        );
        assert!(codes(item).contains(&"correspondence-review"), "{id}");
        let text = procedure(item, "correspondence-review");
        assert!(text.contains(chain), "{id}: {text}");
        assert!(text.contains("not an equivalence"), "{text}");
    }
    // the 7.2 artefact (review 7): 7.2 Physical entry corresponds to 11.1.2 and 11.1.6;
    // 11.1.2 excluded without a reason keeps it partial, never covered, with the exclusion
    // named
    let physical = by_id(items, "6");
    assert_eq!(physical["status"], "partial");
    let reasons = strings(&physical["reasons"]);
    assert!(
        reasons.contains(&"not-applicable-without-reason"),
        "{reasons:?}"
    );
    assert!(reasons.contains(&"iso2022-correspondence"), "{reasons:?}");
    // controls new in 2022 stay outside ISMAP, for their own reason
    let cloud = by_id(items, "7");
    assert_eq!(cloud["status"], "outside-ismap");
    assert!(!strings(&cloud["reasons"]).contains(&"iso2022-correspondence"));

    // compare gives each item the same status and reasons
    let mut c = on_checks("en", "compare", &checks);
    c.arg("--csp")
        .arg(data("iso2022-review7/csp-st.csv"))
        .args(["--format", "json"]);
    let cmp = json_of(c);
    for item in items.as_array().unwrap() {
        let id = item["id"].as_str().unwrap();
        let row = by_id(&cmp["items"], id);
        assert_eq!(row["statuses"]["csp-st.csv"], item["status"], "{id}");
        assert_eq!(row["reasons"]["csp-st.csv"], item["reasons"], "{id}");
    }

    // the CSV's reason code and the procedure in Japanese
    let csv = stdout_of(report("ja", &checks).args(["--format", "csv"]));
    assert!(csv.contains("iso2022-correspondence"), "{csv}");
    assert!(
        csv.contains("ISMAPが評価したのは2013年版の統制目標"),
        "{csv}"
    );
}

/// An ISO/IEC 27001:2022 clause reaches the criteria through its 2013 number: the same
/// kind of approximation, capped the same way; a 2013 clause or Annex A id is not.
#[test]
fn a_2022_clause_is_capped_and_a_2013_reference_is_not() {
    let v = json_of(report("en", data("iso2022-review7/clauses.csv")).args(["--format", "json"]));
    let items = &v["items"];
    for (id, controls) in [
        ("C1", vec!["4.6.1", "4.6.2"]),
        ("C2", vec!["4.6.1", "4.6.3"]),
    ] {
        let item = by_id(items, id);
        assert_eq!(control_ids(item), controls, "{id}");
        assert_eq!(item["status"], "partial", "{id}");
        assert!(strings(&item["reasons"]).contains(&"iso2022-correspondence"));
        assert!(codes(item).contains(&"correspondence-review"), "{id}");
    }
    for id in ["C3", "C4"] {
        let item = by_id(items, id);
        assert_eq!(item["status"], "covered", "{id}");
        assert!(!strings(&item["reasons"]).contains(&"iso2022-correspondence"));
    }
    // the same physical-entry gap cited in 2013 numbering: not covered (11.1.2 only)
    assert_eq!(by_id(items, "C5")["status"], "not-covered");

    // `catalog show` says the same of a 2022 control or clause, and nothing of a 2013 one
    for (reference, says) in [
        ("ISO/IEC 27001:2022 A.5.16", true),
        ("ISO/IEC 27001:2022 9.2.1", true),
        ("A.9.2.1", false),
    ] {
        let out = stdout_of(common::bin().args(["catalog", "show", reference]));
        assert_eq!(
            out.contains("not an equivalence: a report's verdict is at most partial (reason iso2022-correspondence)"),
            says,
            "{reference}: {out}"
        );
    }
}

/// A column headed ISMAP is ISMAP's (2013) numbering: one 2022-only number in it (5.23)
/// never switches the other rows to 2022 Annex A numbering. Beside two-part numbers that
/// name other controls in the two editions (8.2, 7.2) it makes the column ambiguous
/// (review 8, A-ed-2: the column may really be in 2022 numbering), refused naming the
/// cells; with `--iso-edition 2013` the 2022-only number is unresolved (other-edition)
/// with its 2022 form suggested. A reference carrying its edition is still read in it.
#[test]
fn an_ismap_column_keeps_ismap_numbering() {
    let out = report("en", data("iso2022-review7/ismap-column.csv"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("but row 5 '5.23' is 2022 numbering, and row 2 '8.2', row 3 '7.2' name different controls"),
        "{err}"
    );
    let v = json_of(
        report("en", data("iso2022-review7/ismap-column.csv")).args([
            "--iso-edition",
            "2013",
            "--format",
            "json",
        ]),
    );
    let items = &v["items"];
    let e = &v["checks"]["iso_edition"];
    assert_eq!(e["edition"], "2013");
    assert_eq!(e["decided_by"], "flag");
    // 8.2 is information classification, never 2022's privileged access (9.2.3)
    assert_eq!(control_ids(by_id(items, "I1")), ["8.2.1", "8.2.2", "8.2.3"]);
    assert_eq!(by_id(items, "I1")["status"], "covered");
    assert_eq!(control_ids(by_id(items, "I2")), ["7.2.1", "7.2.2", "7.2.3"]);
    let cloud = by_id(items, "I4");
    assert_eq!(cloud["status"], "not-analysed");
    assert_eq!(cloud["unresolved"][0]["why"], "other-edition");
    assert_eq!(
        strings(&cloud["unresolved"][0]["suggestions"]),
        ["ISO/IEC 27001:2022 A.5.23"]
    );
    let tagged = by_id(items, "I5");
    assert_eq!(control_ids(tagged), ["9.1.1", "9.1.2"]);
    assert_eq!(tagged["status"], "partial");
    assert!(strings(&tagged["reasons"]).contains(&"iso2022-correspondence"));
}

/// A workbook with a 2013 sheet and a 2022 sheet (the layout of the move between the
/// editions): each sheet whose references header names its edition is read in it; sheets
/// under one header whose references disagree are refused, naming both sheets.
#[test]
fn sheets_of_two_editions() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    add_text_sheet(
        &mut wb,
        "旧基準",
        &[
            &["項番", "チェック項目", "管理策 (ISO/IEC 27001:2013)"],
            &["1", "利用者登録", "A.9.2.1"],
            &["2", "情報の分類", "A.8.2"],
        ],
    );
    add_text_sheet(
        &mut wb,
        "新基準",
        &[
            &["項番", "チェック項目", "管理策 (ISO/IEC 27001:2022)"],
            &["1", "特権的アクセス権", "A.8.2"],
            &["2", "アクセス制御", "A.5.15"],
        ],
    );
    let headed = dir.path().join("two-editions-headed.xlsx");
    wb.save(&headed).unwrap();
    let v = json_of(report("en", &headed).args(["--format", "json"]));
    let items = &v["items"];
    assert_eq!(v["checks"]["iso_edition"]["edition"], "2013");
    assert_eq!(
        v["checks"]["more_references_columns"][0]["iso_edition"]["edition"],
        "2022"
    );
    assert_eq!(control_ids(by_id(items, "旧基準/1")), ["9.2.1"]);
    assert_eq!(by_id(items, "旧基準/1")["status"], "covered");
    assert_eq!(
        control_ids(by_id(items, "旧基準/2")),
        ["8.2.1", "8.2.2", "8.2.3"]
    );
    // the same A.8.2 on the 2022 sheet is privileged access rights
    assert_eq!(control_ids(by_id(items, "新基準/1")), ["9.2.3"]);
    assert_eq!(by_id(items, "新基準/1")["status"], "partial");
    assert_eq!(control_ids(by_id(items, "新基準/2")), ["9.1.1", "9.1.2"]);

    let mut wb = rust_xlsxwriter::Workbook::new();
    add_text_sheet(
        &mut wb,
        "旧基準",
        &[
            &["項番", "チェック項目", "管理策"],
            &["1", "利用者登録", "A.9.2.1"],
        ],
    );
    add_text_sheet(
        &mut wb,
        "新基準",
        &[
            &["項番", "チェック項目", "管理策"],
            &["1", "特権的アクセス権", "A.8.2"],
            &["2", "アクセス制御", "A.5.15"],
        ],
    );
    let plain = dir.path().join("two-editions.xlsx");
    wb.save(&plain).unwrap();
    let err = input_error(report("en", &plain));
    assert!(
        err.contains("sheets '旧基準' and '新基準' use different ISO/IEC 27001/27002 editions: sheet '旧基準' row 2 'A.9.2.1' is 2013 numbering, sheet '新基準' row 3 'A.5.15' is 2022 numbering"),
        "{err}"
    );
    assert!(err.contains("--sheet"), "{err}");
    // one sheet at a time reads
    let v = json_of(report("en", &plain).args(["--sheet", "新基準", "--format", "json"]));
    assert_eq!(control_ids(by_id(&v["items"], "1")), ["9.2.3"]);
}
