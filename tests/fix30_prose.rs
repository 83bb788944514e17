//! Session 13 fix30-prose: ISO/IEC 27001:2022 numbering written without `A.` (review 21):
//! A-10 a 2022 control named in an item's title or note, D-2 a 27001:2022 number no clause
//! has read as Annex A, and the `Expected result` column.
//!
//! Fixtures: `tests/data/fix30-prose/`; the CSP states every objective 実施 but 9.2.4
//! (`tests/data/fix10-chk/csp-st.csv`).
mod common;

use std::path::Path;

use common::{by_id, data, json_of, on_checks};

/// `report --checks FILE --csp (every objective 実施 but 9.2.4) --format json`, as of
/// 2026-04-01: the JSON.
fn report(checks: &Path) -> serde_json::Value {
    let mut c = on_checks("en", "report", checks);
    c.arg("--csp").arg(data("fix10-chk/csp-st.csv"));
    c.args(["--format", "json"]);
    json_of(c)
}

/// Review 21 A-10: a 2022 control named without `A.` in the note or title — after its
/// standard with the 2022 edition (`ISO/IEC 27001:2022 5.23`, `27002:2022 8.9`, `JIS Q
/// 27001:2023 8.9`, `ISO/IEC 27002:2022の5.16`), after `2022年版`, or alone in brackets when
/// no ISMAP category has its number (`情報の削除（8.10）`) — was covered on the ISMAP id;
/// now the item is not analysed, as with `A.5.23`. Guards: ISMAP ids in the note
/// (`9.2.1`, `5.1.1`), an ISMAP category in brackets (`（9.2）`, `（8.1）`), a version
/// (`Linux 5.15`), another document's edition (`社内ガイドライン2022年版 5.7`), a fiscal year
/// (`2022年度`), a number going on in the brackets (`（5.5時間）`) still read covered (the
/// version partial as before: a level ISMAP did not assess).
#[test]
fn a_2022_control_named_in_prose_without_its_mark_is_not_covered() {
    let v = report(&data("fix30-prose/prose2022.csv"));
    for id in ["A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7", "A-8"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "not-analysed", "{id}: {item}");
    }
    for id in ["G-1", "G-2", "G-3", "G-5", "G-6", "G-7", "G-8"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "covered", "{id}: {item}");
    }
    let g4 = by_id(&v["items"], "G-4");
    assert_eq!(g4["status"], "partial", "{g4}");
    assert_eq!(
        g4["reasons"],
        serde_json::json!(["level-not-assessed"]),
        "{g4}"
    );
}

/// Review 21 D-2: `27001:2022 5.15` (a GRC export's Annex A control without `A.`) was
/// unresolved as "a clause that no governance or management criterion names"; ISO/IEC
/// 27001:2022 has no clause 5.15, so it is now read as `A.5.15` (partial through the 2022
/// correspondence, the same controls), `5.7` as the new control (outside ISMAP), a range of
/// such numbers likewise. Guards: with a qualifier (`予定`, `等`) still unresolved; a clause
/// number (`5.2`, `7.4`) still a clause; the 2013 edition (no Annex A 5.15) still unresolved.
#[test]
fn a_27001_2022_number_no_clause_has_is_its_annex_a_control() {
    let v = report(&data("fix30-prose/clause2022.csv"));
    let item = |id: &str| by_id(&v["items"], id).clone();
    let (d1, d2) = (item("D-1"), item("D-2"));
    assert_eq!(d1["status"], "partial", "{d1}");
    assert_eq!(d1["reasons"], d2["reasons"], "{d1}");
    let ids = |i: &serde_json::Value| -> Vec<(String, String)> {
        let cs = i["controls"].as_array().unwrap();
        cs.iter()
            .map(|c| (c["id"].to_string(), c["state"].to_string()))
            .collect()
    };
    assert_eq!(ids(&d1), ids(&d2), "{d1}");
    assert!(!ids(&d1).is_empty(), "{d1}");
    assert_eq!(item("D-3")["status"], "outside-ismap");
    assert_eq!(item("D-9")["status"], "partial");
    for id in ["D-4", "D-5", "D-8"] {
        let i = item(id);
        assert_eq!(i["status"], "not-analysed", "{id}: {i}");
    }
    assert_eq!(item("D-4")["unresolved"][0]["why"], "qualified");
    assert_eq!(item("D-8")["unresolved"][0]["why"], "unknown-clause");
    for id in ["D-6", "D-7"] {
        let i = item(id);
        assert_eq!(i["status"], "partial", "{id}: {i}");
        let mapped = i["controls"].as_array().unwrap().iter().all(|c| {
            let id = c["id"].as_str().unwrap();
            !id.starts_with("5.") && !id.starts_with("6.") && !id.starts_with("7.")
        });
        assert!(mapped, "{id}: read as a clause (management criteria): {i}");
    }
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
    let mut c = on_checks("en", "report", &path);
    c.arg("--csp").arg(data("fix10-chk/csp-st.csv"));
    c.args(["--format", "json"]);
    let out = c.output().unwrap();
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

/// fix29-grc noticed: a test procedure's `Expected result` / `Expected outcome` / `Expected
/// evidence` column refused the whole list, its header's `expected` read as a deferral.
/// Now what a test expects is the column's description: the list reads. Guards: a
/// deferral or a gap in its cells (`expected by 2027`, `未実施`) is still refused; a plan's
/// date (`Expected completion date`, `Expected date`), a header with a plan beside it
/// (`Expected result (planned)`) or `Expected` alone still refuse; `expected by 2027` in a
/// note still leaves the item not analysed.
#[test]
fn an_expected_result_column_is_no_deferral() {
    for (header, value) in [
        ("Expected result", "Registration records exist"),
        ("Expected Results", "Registration records exist"),
        ("Expected evidence", "Registration forms"),
        ("Expected Outcome", "Accounts are registered before use"),
    ] {
        assert_eq!(one_under(header, value), "covered", "{header} = {value}");
    }
    for (header, value) in [
        ("Expected result", "expected by 2027"),
        ("Expected result", "未実施"),
        ("Expected completion date", "2027-03-31"),
        ("Expected date", "2027-03-31"),
        ("Expected result (planned)", "Registration records exist"),
        ("Expected", "Registration records exist"),
    ] {
        assert_eq!(one_under(header, value), "error", "{header} = {value}");
    }
    assert_eq!(one_under("Note", "expected by 2027"), "not-analysed");
}
