//! Hostile review 5 of the CSP input readers, fixed fail closed: a formula cell without a
//! calculated value is refused, hidden sheets are named, a "reason" that gives none is no
//! reason, every remark a row carries reaches the report, a date that is not when the
//! control was implemented is not compared with the as-of date, and a detail's remark
//! reaches the item that references its objective.
mod common;

use common::{by_id, data, input_error, json_of, strings};

fn fixture(name: &str) -> std::path::PathBuf {
    data(&format!("csp-input/review5/{name}"))
}

/// `report --checks CHECKS --csp CSP --as-of 2026-04-01 --format json` in English.
fn report(checks: &str, csp: &std::path::Path) -> assert_cmd::Command {
    report_as(checks, csp, "json")
}

fn report_as(checks: &str, csp: &std::path::Path, format: &str) -> assert_cmd::Command {
    let mut c = common::bin();
    c.args(["--lang", "en", "report", "--checks"])
        .arg(fixture(checks))
        .arg("--csp")
        .arg(csp)
        .args(["--as-of", "2026-04-01", "--format", format]);
    c
}

/// A-fx-1: an xlsx cell holding a formula without a calculated value (as openpyxl and
/// export scripts write) reads as empty; on a status table it is refused, naming the cell,
/// never read as an empty remark, date or status.
#[test]
fn a_formula_without_a_value_is_refused() {
    for (file, column) in [
        ("y10-formula-remark.xlsx", "column '備考'"),
        ("y7-formula.xlsx", "column '実施日'"),
        ("y11-formula-status.xlsx", "column '実施状況'"),
    ] {
        let err = input_error(report("k.csv", &fixture(file)));
        assert!(err.contains("sheet 'SoA'"), "{file}: {err}");
        assert!(err.contains("row 144"), "{file}: {err}");
        assert!(err.contains(column), "{file}: {err}");
        assert!(
            err.contains("formula without a calculated value"),
            "{file}: {err}"
        );
        assert!(err.contains("save it"), "{file}: {err}");
    }
}

/// B-hid-1: a hidden sheet of a CSP workbook (here `old`, stating 9.2.1 未実施) is not read,
/// and every format says so: a warning naming it (stderr, and the JSON's warnings).
#[test]
fn a_hidden_csp_sheet_is_named_in_a_warning() {
    let csp = fixture("x7-hidden-sheet.xlsx");
    let v = json_of(report("k.csv", &csp));
    let w = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "csp-hidden-sheets")
        .unwrap_or_else(|| panic!("{}", v["warnings"]));
    assert!(w["message"].as_str().unwrap().contains(": old;"), "{w}");
    for format in ["table", "csv", "md"] {
        let out = report_as("k.csv", &csp, format).output().unwrap();
        let all = String::from_utf8_lossy(&out.stdout).to_string()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(
            all.contains(
                "The hidden sheets of the workbook x7-hidden-sheet.xlsx were not read: old"
            ),
            "{format}: {all}"
        );
    }
    let out = common::bin()
        .args(["--lang", "ja", "readiness", "--implemented"])
        .arg(&csp)
        .args(["--as-of", "2026-04-01"])
        .output()
        .unwrap();
    let all =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(all.contains("非表示のシートは読んでいません: old"), "{all}");
}
