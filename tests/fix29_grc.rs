//! Session 13 fix29-grc: a GRC export's or a buyer's check list's own columns (review 21):
//! A-7 result/status/yes-no columns saying not met never end covered, B-2 applicability
//! headers with a question mark or `Scope`, A-6 rows of references only under an item (a
//! merged cell saved to CSV) read as the item's.
//!
//! Fixtures: `tests/data/fix29-grc/`; the CSP states every objective 実施 but 9.2.4
//! (`tests/data/fix10-chk/csp-st.csv`).
mod common;

use std::path::Path;

use common::{by_id, data, json_of, on_checks};

/// `report --checks FILE --csp (every objective 実施 but 9.2.4) --format json`, as of
/// 2026-04-01.
fn report(checks: &Path) -> assert_cmd::Command {
    let mut c = on_checks("en", "report", checks);
    c.arg("--csp").arg(data("fix10-chk/csp-st.csv"));
    c.args(["--format", "json"]);
    c
}

/// The outcome of a one-item list (`A.9.2.1`, ISMAP) with `value` under `header`: the item's
/// status, or `error` (exit 2, no panic).
fn one_under(header: &str, value: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.csv");
    std::fs::write(
        &path,
        format!("ID,Requirement,Control ID,{header},Assurance level\nQ-1,Users are registered,A.9.2.1,{value},ISMAP\n"),
    )
    .unwrap();
    let out = report(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{header}={value}: {stderr}");
    match out.status.code() {
        Some(2) => "error".into(),
        Some(0) => {
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            v["items"][0]["status"].as_str().unwrap().to_owned()
        }
        other => panic!("{header}={value}: exit {other:?}: {stderr}"),
    }
}

/// Review 21 A-7: under a column recording the buyer's own result (`Audit result`, `Test
/// result`, `Test outcome`, `Meets requirement`, `Effectiveness`, `有効性`, `監査意見`,
/// `Compliance Status`, `適合状況`, `Conformity`) every value was covered (`不適合`, `×`,
/// `No`, `NC`, `未達`, `Open`, `0`): now only a mark of met reads there, the rest refuses the
/// list as an evaluation column does. Guards: the marks of met still read (`Pass`, `適合`,
/// `Effective`, `有効`, `適正`, `Yes`, `Compliant`); a qualified one is refused.
#[test]
fn a_result_column_saying_not_met_is_never_covered() {
    let headers = [
        "Audit result",
        "Test result",
        "Test outcome",
        "Meets requirement",
        "Meets requirement?",
        "Effectiveness",
        "有効性",
        "監査意見",
        "Compliance Status",
        "適合状況",
        "Conformity",
    ];
    for h in headers {
        for v in [
            "不適合",
            "×",
            "No",
            "NC",
            "PC",
            "未達",
            "Issue",
            "Open",
            "Requires action",
            "Expired",
            "0",
            "FALSE",
            "Observation",
            "観察事項",
            "免除",
            "Inherited",
            "Descoped",
        ] {
            assert_eq!(one_under(h, v), "error", "{h}={v}");
        }
        // session 14 fix32-grc: `N/A` (the item not applicable) leaves that item not
        // analysed instead of refusing the list — still never covered
        assert_eq!(one_under(h, "N/A"), "not-analysed", "{h}=N/A");
    }
    for (h, v) in [
        ("Audit result", "Pass"),
        ("Audit result", "適合"),
        ("Test result", "Passed"),
        ("Test outcome", "OK"),
        ("Meets requirement", "Yes"),
        ("Meets requirement?", "Yes"),
        ("Effectiveness", "Effective"),
        ("有効性", "有効"),
        ("監査意見", "適正"),
        ("監査意見", "無限定適正意見"),
        ("Compliance Status", "Compliant"),
        ("Compliance Status", "Fully compliant"),
        ("適合状況", "適合"),
        ("Conformity", "Conforming"),
    ] {
        assert_eq!(one_under(h, v), "covered", "{h}={v}");
    }
    // one more qualifier beside a mark of met stays refused
    for (h, v) in [
        ("Effectiveness", "Effective (pending retest)"),
        ("Audit result", "Pass (tentative)"),
        ("監査意見", "限定付適正意見"),
        ("Compliance Status", "Substantially compliant"),
        ("Compliance Status", "Largely compliant"),
    ] {
        assert_eq!(one_under(h, v), "error", "{h}={v}");
    }
    // under a findings header `N/A` still says none
    assert_eq!(one_under("Finding", "N/A"), "covered");
}

/// Review 21 A-7: under a status or yes/no column (`Status`, `Implemented?`, `Y/N`, `実施状況`,
/// `Control in place`) GRC statuses the tool does not read (`NC`, `Issue`, `Open`, `Requires
/// action`, `Expired`, `Observation`, `免除`, `Inherited`) were covered: now the item is not
/// analysed, naming the cell; a check box's no (`0`, `FALSE`) refuses as `No` does. Guards:
/// `Implemented`, `Compliant`, `Active`, `実施`, `Yes`, `TRUE`, `1` read; a count's `0`
/// reads.
#[test]
fn a_status_column_saying_anything_but_in_place_is_not_covered() {
    for h in [
        "Status",
        "Implemented?",
        "Y/N",
        "実施状況",
        "Control in place",
    ] {
        for v in [
            "NC",
            "Issue",
            "Open",
            "Requires action",
            "Expired",
            "Observation",
            "観察事項",
            "免除",
            "Inherited",
            "Mitigated",
            "Blocked",
        ] {
            assert_eq!(one_under(h, v), "not-analysed", "{h}={v}");
        }
        for v in ["0", "FALSE", "No", "×"] {
            assert_eq!(one_under(h, v), "error", "{h}={v}");
        }
    }
    for (h, v) in [
        ("Status", "Implemented"),
        ("Status", "Compliant"),
        ("Status", "Active"),
        ("Status", "完了"),
        ("実施状況", "実施"),
        ("実施状況", "実施済み"),
        ("Implemented?", "Yes"),
        ("Implemented?", "TRUE"),
        ("Implemented?", "1"),
        ("Y/N", "Y"),
        ("Control in place", "Yes"),
        ("Count", "0"),
        ("Version", "0"),
    ] {
        assert_eq!(one_under(h, v), "covered", "{h}={v}");
    }
    // a qualifier beside a value of in place is not read as in place
    assert_eq!(one_under("Status", "Implemented - 2027"), "not-analysed");
    assert_eq!(one_under("Implemented?", "Yes (planned)"), "error");
}

/// Review 21 A-7 addendum 2: an xlsx whose yes/no column holds Excel booleans (a check
/// box's linked cell): `FALSE` and `0` under `Implemented?` were covered; now refused naming
/// the row, as `No` is.
#[test]
fn a_check_box_false_in_a_workbook_is_a_no() {
    let err = common::input_error(report(&data("fix29-grc/checkbox-false.xlsx")));
    assert!(err.contains("row 2"), "{err}");
    assert!(err.contains("Implemented?"), "{err}");
}

/// Review 21 B-2: applicability headers with a question mark (`Applicable?`, `In Scope?`)
/// and `Scope` were not read (`No`, `Out of scope`, `対象外` → covered); `N/A - inherited` was
/// covered under every applicability header. Now read as not asked, and a not asked with more
/// after it refused. Guards: `Yes` reads as asked; a `Scope` column of descriptions is
/// carried; `適用可否` reads as an applicability column.
#[test]
fn applicability_headers_with_a_question_mark_or_scope_are_read() {
    for h in [
        "Applicable?",
        "In Scope?",
        "Scope",
        "適用可否",
        "Applicable",
    ] {
        for v in [
            "No",
            "N/A",
            "Not applicable",
            "Out of scope",
            "FALSE",
            "対象外",
        ] {
            assert_eq!(one_under(h, v), "not-asked", "{h}={v}");
        }
        for v in [
            "N/A - inherited",
            "No: covered by the IaaS",
            "対象外（別途確認）",
        ] {
            assert_eq!(one_under(h, v), "error", "{h}={v}");
        }
        assert_eq!(one_under(h, "Yes"), "covered", "{h}");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.csv");
    std::fs::write(
        &path,
        "ID,Requirement,Control ID,Scope\nQ-1,Users are registered,A.9.2.1,全社\nQ-2,Logging,A.12.4.1,本番環境\n",
    )
    .unwrap();
    let v = json_of(report(&path));
    assert_eq!(by_id(&v["items"], "Q-1")["status"], "covered", "{v}");
}

/// Review 21 A-6: a sheet with an item's id and text merged over the rows of its references,
/// saved to CSV (`Q-1,…,A.9.2.1` / `,,A.9.2.4`), or a workbook leaving them blank, read as
/// two items: Q-1 covered on 9.2.1 alone and a blank item not covered. Now the row of
/// references only right under an item is the item's (partial: 9.2.4 not listed), as the
/// merged workbook reads; also with the item's text repeated and no id. Guards: a row of
/// references only under a blank row is refused naming the row; a row with its own text and
/// no id stays an item of its own.
#[test]
fn a_row_of_references_only_under_an_item_continues_it() {
    for f in [
        "merged-saved.csv",
        "title-repeated.csv",
        "grouped-blank.xlsx",
        "merged-saved-ja.csv",
    ] {
        let v = json_of(report(&data(&format!("fix29-grc/{f}"))));
        let items = v["items"].as_array().unwrap();
        assert_eq!(items.len(), 2, "{f}");
        let (first, second) = match f {
            "merged-saved-ja.csv" => ("1", "2"),
            _ => ("Q-1", "Q-2"),
        };
        let first = by_id(&v["items"], first);
        assert_eq!(first["status"], "partial", "{f}");
        assert_eq!(first["references"].as_array().unwrap().len(), 2, "{f}");
        assert_eq!(by_id(&v["items"], second)["status"], "covered", "{f}");
    }
    let err = common::input_error(report(&data("fix29-grc/refs-after-blank.csv")));
    assert!(err.contains("row 4"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.csv");
    std::fs::write(
        &path,
        "ID,Requirement,Control ID\nQ-1,Users are registered,A.9.2.1\n,Passwords are managed,A.9.2.4\n",
    )
    .unwrap();
    let v = json_of(report(&path));
    let items = &v["items"];
    assert_eq!(items.as_array().unwrap().len(), 2);
    assert_eq!(by_id(items, "Q-1")["status"], "covered");
    assert_eq!(by_id(items, "#3")["status"], "not-covered");
}

/// The items of a report, by their references joined (`PCI DSS v4.0 8.2.1`).
fn by_refs(v: &serde_json::Value) -> std::collections::HashMap<String, serde_json::Value> {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let refs: Vec<&str> = i["references"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap())
                .collect();
            (refs.join(", "), i.clone())
        })
        .collect()
}

/// Review 21 A-3, B-1: a GRC export's `Framework` column naming each row's framework was not
/// read: PCI DSS `8.2.1` and CIS `5.1` were credited as ISMAP 8.2.1 / 5.1 (covered), and a
/// row stating `ISO/IEC 27001:2013` was read in the list's edition (`A.8.2` as 2022's 9.2.3).
/// Now a row's bare numbers are read in its framework: another's unresolved
/// (`unknown-framework`, the item not analysed), an edition's in that edition. Guards: rows
/// stating ISMAP, none or a dash read as before; a `Standard` column of other words (`必須`)
/// is no framework.
#[test]
fn a_rows_framework_is_the_standard_of_its_references() {
    let v = json_of(report(&data("fix29-grc/framework-column.csv")));
    let items = by_refs(&v);
    for refs in [
        "PCI DSS v4.0 8.2.1",
        "PCI DSS v4.0 3.5.1",
        "CIS Controls v8 5.1",
    ] {
        let item = &items[refs];
        assert_eq!(item["status"], "not-analysed", "{refs}");
        assert_eq!(item["unresolved"][0]["why"], "unknown-framework", "{refs}");
    }
    assert_eq!(items["ISO/IEC 27001:2013 A.9.2.1"]["status"], "covered");
    let v = json_of(report(&data("fix29-grc/framework-editions.csv")));
    let items = by_refs(&v);
    let ids = |refs: &str| -> Vec<String> {
        items[refs]["controls"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(ids("ISO/IEC 27001:2013 A.8.2"), ["8.2.1", "8.2.2", "8.2.3"]);
    assert_eq!(ids("ISO/IEC 27001:2013 A.6.2"), ["6.2.1", "6.2.2"]);
    assert_eq!(
        items["ISO/IEC 27001:2022 A.5.15"]["reasons"][0],
        "iso2022-correspondence"
    );
    // guards: ISMAP, none, a dash; a `Standard` column of other words
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.csv");
    std::fs::write(
        &path,
        "ID,Requirement,Framework,Standard,Control ID\nG-1,a,ISMAP,必須,9.2.1\nG-2,b,,必須,9.2.2\nG-3,c,-,,9.2.3\nG-4,d,ISMAP管理基準,推奨,8.1.5.P\nG-5,e,Internal policy,,9.2.5\n",
    )
    .unwrap();
    let v = json_of(report(&path));
    for id in ["G-1", "G-2", "G-3", "G-4"] {
        assert_eq!(by_id(&v["items"], id)["status"], "covered", "{id}");
    }
    // a framework the tool does not know is no ISMAP either
    assert_eq!(by_id(&v["items"], "G-5")["status"], "not-analysed");
}

/// Review 21 C-1: `Control Number` (a GRC export's record numbers, `GRC-1`) beside `Control
/// ID` refused the whole export as two references columns: now the record number is the
/// item's id. Review 21 C-2: a `;` inside a quoted preamble line (`"Filter: …; Active =
/// true"`) made the separator `;` and the export was refused ("no references column"):
/// now a separator inside quotes does not decide it.
#[test]
fn a_grc_record_number_and_a_quoted_preamble_read() {
    let v = json_of(report(&data("fix29-grc/control-number.csv")));
    let item = by_id(&v["items"], "GRC-1");
    assert_eq!(item["status"], "covered", "{item}");
    assert_eq!(item["references"][0], "ISO/IEC 27001:2013 A.9.2.1");
    let v = json_of(report(&data("fix29-grc/preamble-semicolon.csv")));
    assert_eq!(by_id(&v["items"], "Q-1")["status"], "covered");
    // guard: two references columns of ours are still refused
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.csv");
    std::fs::write(&path, "Control ID,ISMAP管理策\n9.2.1,9.2.2\n").unwrap();
    let err = common::input_error(report(&path));
    assert!(err.contains("are both a references column"), "{err}");
}

/// Review 21 D-3: ordinary id, text and risk headers of GRC exports and Japanese sheets
/// (`Number`, `Question ID`, `Req ID`, `№`, `項目番号`, `通番`, `要件番号`, `Short description`,
/// `Risk rating`) were not recognised (ids became `#<row>`): now read as the id, the item's
/// text and the risk.
#[test]
fn grc_and_japanese_id_text_and_risk_headers_read() {
    for h in [
        "Number",
        "Question ID",
        "Req ID",
        "Requirement ID",
        "№",
        "項目番号",
        "通番",
        "要件番号",
        "質問番号",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.csv");
        std::fs::write(
            &path,
            format!("{h},確認項目,ISMAP管理策\nX-1,利用者登録,9.2.1\n"),
        )
        .unwrap();
        let v = json_of(report(&path));
        assert_eq!(v["items"][0]["id"], "X-1", "{h}");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.csv");
    std::fs::write(
        &path,
        "Number,Short description,Control ID,Risk rating\nCTRL001,User registration,A.9.2.1,High\n",
    )
    .unwrap();
    let v = json_of(report(&path));
    let item = by_id(&v["items"], "CTRL001");
    assert_eq!(item["title"], "User registration");
    assert_eq!(item["risk"], "high");
}

/// Review 22 A-15: under `適用可否` (read as an applicability column since review 21 B-2) and
/// `Applicable?`/`Scope`, a qualified yes (`Partial`, `Yes - inherited`, `Customer`, `Shared`,
/// `Yes*`) was covered. Now it leaves the item not analysed; under a header asking it
/// (`適用可否`, `Applicable?`) so does a description. Guards: the plain asked marks read
/// (covered), and a `Scope`/`対象` column of descriptions is carried as before.
#[test]
fn an_applicability_saying_in_part_inherited_or_the_customers_is_never_covered() {
    let qualified = [
        "Partial",
        "Yes (partial)",
        "Yes - inherited",
        "Inherited",
        "Shared",
        "共有",
        "Customer",
        "Yes*",
        "対象（一部）",
        "一部適用",
    ];
    for h in [
        "適用可否",
        "Applicable?",
        "Scope",
        "In Scope?",
        "対象",
        "適用有無",
    ] {
        for v in qualified {
            assert_eq!(one_under(h, v), "not-analysed", "{h}={v}");
        }
        for v in [
            "Yes",
            "Y",
            "○",
            "対象",
            "In scope",
            "Applicable",
            "TRUE",
            "1",
            "",
        ] {
            assert_eq!(one_under(h, v), "covered", "{h}={v}");
        }
    }
    for h in ["適用可否", "Applicable?", "適用有無"] {
        for v in ["全社", "Production", "Global"] {
            assert_eq!(one_under(h, v), "not-analysed", "{h}={v}");
        }
    }
    for h in ["Scope", "対象"] {
        for v in ["全社", "本番環境", "Production", "Global", "All"] {
            assert_eq!(one_under(h, v), "covered", "{h}={v}");
        }
    }
}
