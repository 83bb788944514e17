//! Review 17 (session 11, fix22-sheets): a CSP workbook's sheets that are separate
//! statements (per region, service, environment, version, another provider's list) are
//! refused, never merged; a list split over sheets reads as before (B-1). A GRC test's
//! clean results read (C-2).
mod common;

use std::path::PathBuf;

use common::{by_id, input_error, json_of, on_checks};

/// The check list of `tests/data/fix15-csp` (K-1 asks for 9.2.1, K-2 for 9.2.3, K-6 for
/// 11.1.1).
fn checks() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/fix15-csp/k.csv")
}

/// A status table (`管理策番号 | 実施状況`) of `rows` (id, status).
fn table<'a>(rows: &[(&'a str, &'a str)]) -> Vec<Vec<&'a str>> {
    let mut out = vec![vec!["管理策番号", "実施状況"]];
    out.extend(rows.iter().map(|(id, s)| vec![*id, *s]));
    out
}

/// A workbook of `sheets` (name, rows) in a temporary folder.
fn workbook(sheets: &[(&str, Vec<Vec<&str>>)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("csp.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
        common::add_text_sheet(&mut wb, name, &rows);
    }
    wb.save(&path).unwrap();
    (dir, path)
}

fn report(path: &PathBuf, extra: &[&str]) -> assert_cmd::Command {
    let mut c = on_checks("en", "report", checks());
    c.args(["--registration-kind", "ismap", "--format", "json", "--csp"])
        .arg(path)
        .args(extra);
    c
}

fn readiness(path: &PathBuf) -> assert_cmd::Command {
    let mut c = common::bin();
    c.args([
        "--lang",
        "en",
        "readiness",
        "--as-of",
        "2026-04-01",
        "--format",
        "json",
        "--implemented",
    ])
    .arg(path);
    c
}

/// The status of item `id` of `report` on the workbook.
fn status(path: &PathBuf, extra: &[&str], id: &str) -> String {
    let v = json_of(report(path, extra));
    by_id(&v["items"], id)["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Review 17 B-1: two sheets each stating the controls — regions, services, environments,
/// versions, another provider's list — were merged: 9.2.3, stated on one sheet only, was a
/// bare covered. Refused, naming the sheets and --csp-sheet, in report and readiness; one
/// sheet read with --csp-sheet states what it states.
#[test]
fn sheets_each_stating_the_controls_are_separate_statements_and_refused() {
    for (one, other) in [
        ("東京リージョン", "大阪リージョン"),
        ("サービスA", "サービスB"),
        ("本番環境", "検証環境"),
        ("最新版", "旧版"),
        ("2026年度", "2025年度"),
        ("v2.0", "v1.0"),
        ("当社SaaS", "基盤IaaS（参考）"),
        ("統制目標", "AWS"),
        ("統制目標", "参考"),
        ("Controls", "Reference"),
    ] {
        // the second sheet states 9.2.3, the first leaves it out
        let (_dir, path) = workbook(&[
            (one, table(&[("9.2.1", "実施"), ("11.1.1", "実施")])),
            (
                other,
                table(&[("9.2.1", "実施"), ("9.2.3", "実施"), ("11.1.1", "実施")]),
            ),
        ]);
        let err = input_error(report(&path, &[]));
        assert!(
            err.contains(&format!("(sheets: '{one}', '{other}')"))
                && err.contains("--csp-sheet NAME"),
            "{one}/{other}: {err}"
        );
        let err = input_error(readiness(&path));
        assert!(err.contains("--csp-sheet NAME"), "{one}/{other}: {err}");
        // one sheet, one statement: 9.2.3 not listed on it
        assert_eq!(
            status(&path, &["--csp-sheet", one], "K-2"),
            "not-covered",
            "{one}"
        );
        assert_eq!(status(&path, &["--csp-sheet", one], "K-1"), "covered");
    }
}

/// The messages name what the sheets are: the shared control with both rows; the name
/// saying reference, provider or old version; two versions by their names.
#[test]
fn the_refusal_says_why_the_sheets_are_separate() {
    let (_dir, path) = workbook(&[
        (
            "東京リージョン",
            table(&[("9.2.1", "実施"), ("9.2.3", "実施")]),
        ),
        ("大阪リージョン", table(&[("9.2.1", "実施")])),
    ]);
    let err = input_error(report(&path, &[]));
    assert!(
        err.contains("sheet '大阪リージョン': row 2: 9.2.1 is stated on this sheet and on sheet '東京リージョン' row 2: sheets that each state the same controls are separate statements"),
        "{err}"
    );
    let mut ja = on_checks("ja", "report", checks());
    ja.arg("--csp").arg(&path);
    let out = ja.output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "9.2.1 はこのシートとシート '東京リージョン' の2行目の両方に記載されています"
        ) && stderr.contains("--csp-sheet NAME で一つずつ指定してください"),
        "{stderr}"
    );

    // disjoint, but named as another provider's: the IaaS's clause 11 is not the SaaS's
    let (_dir, path) = workbook(&[
        ("当社SaaS", table(&[("9.2.1", "実施"), ("9.2.3", "実施")])),
        ("基盤IaaS", table(&[("11.1.1", "実施")])),
    ]);
    let err = input_error(report(&path, &[]));
    assert!(
        err.contains("sheet '基盤IaaS': the sheet's name ('iaas') says it is kept for reference, is another provider's list or an older version, beside sheet '当社SaaS'"),
        "{err}"
    );
    // disjoint, named as versions of one list
    for (a, b) in [("v1.0", "v2.0"), ("第1版", "第2版"), ("FY2025", "FY2026")] {
        let (_dir, path) = workbook(&[
            (a, table(&[("9.2.1", "実施")])),
            (b, table(&[("9.2.3", "実施")])),
        ]);
        let err = input_error(report(&path, &[]));
        assert!(
            err.contains(&format!(
                "sheets '{a}' and '{b}' are named as two versions of one list"
            )),
            "{err}"
        );
    }
    // an old sheet beside the list, disjoint
    let (_dir, path) = workbook(&[
        ("一覧", table(&[("9.2.1", "実施")])),
        ("Old", table(&[("9.2.3", "実施")])),
    ]);
    let err = input_error(report(&path, &[]));
    assert!(err.contains("the sheet's name ('old')"), "{err}");
}

/// Two sheets' names and rows.
type Split<'a> = (&'a str, &'a str, Vec<Vec<&'a str>>, Vec<Vec<&'a str>>);

/// Guards: a list split over sheets reads as before — by area, by clause range, numbered
/// parts, objectives with an annex of details repeating its objectives above them, a sheet
/// named by one status repeating what the table states, area names holding the letters of
/// a provider's (`Laws`) or a layer of the service's own (`基盤`). With one more shared
/// control, the same splits are refused.
#[test]
fn a_list_split_over_sheets_still_reads() {
    let splits: [Split; 6] = [
        (
            "組織的対策",
            "技術的対策",
            table(&[("5.1.1", "実施")]),
            table(&[("9.2.1", "実施"), ("9.2.3", "実施"), ("11.1.1", "実施")]),
        ),
        (
            "5-8",
            "9-12",
            table(&[("5.1.1", "実施"), ("6.1.1", "実施")]),
            table(&[("9.2.1", "実施"), ("9.2.3", "実施"), ("11.1.1", "実施")]),
        ),
        (
            "一覧1",
            "一覧2",
            table(&[("5.1.1", "実施"), ("9.2.1", "実施")]),
            table(&[("9.2.3", "実施"), ("11.1.1", "実施")]),
        ),
        (
            "Compliance (Laws)",
            "Access control",
            table(&[("18.1.1", "実施")]),
            table(&[("9.2.1", "実施"), ("9.2.3", "実施"), ("11.1.1", "実施")]),
        ),
        (
            "アプリ",
            "基盤",
            table(&[("9.2.1", "実施"), ("9.2.3", "実施")]),
            table(&[("11.1.1", "実施")]),
        ),
        (
            "管理策一覧",
            "別添 詳細管理策",
            table(&[("9.2.1", "実施"), ("9.2.3", "実施"), ("11.1.1", "実施")]),
            table(&[("9.2.3", "実施"), ("9.2.3.11.PB", "実施")]),
        ),
    ];
    for (a, b, rows_a, rows_b) in &splits {
        let (_dir, path) = workbook(&[(a, rows_a.clone()), (b, rows_b.clone())]);
        assert_eq!(status(&path, &[], "K-2"), "covered", "{a}/{b}");
        assert_eq!(status(&path, &[], "K-6"), "covered", "{a}/{b}");
    }
    // a status table, and a sheet named 未実施 listing what it states not implemented
    let (_dir, path) = workbook(&[
        (
            "管理策一覧",
            table(&[("9.2.1", "実施"), ("9.2.3", "未実施"), ("11.1.1", "実施")]),
        ),
        ("未実施", vec![vec!["管理策番号"], vec!["9.2.3"]]),
    ]);
    assert_eq!(status(&path, &[], "K-1"), "covered");
    assert_eq!(status(&path, &[], "K-2"), "not-covered");

    // the provider's own name on every sheet names the workbook, not another provider's
    let (_dir, path) = workbook(&[
        (
            "AWS 管理策一覧",
            table(&[("9.2.1", "実施"), ("9.2.3", "実施"), ("11.1.1", "実施")]),
        ),
        ("AWS 別添", table(&[("9.2.3.11.PB", "実施")])),
    ]);
    assert_eq!(status(&path, &[], "K-2"), "covered");
    // … but a word only one of them holds still says so
    let (_dir, path) = workbook(&[
        (
            "AWS 管理策一覧",
            table(&[("9.2.1", "実施"), ("9.2.3", "実施")]),
        ),
        ("AWS 別添（参考）", table(&[("11.1.1", "実施")])),
    ]);
    let err = input_error(report(&path, &[]));
    assert!(err.contains("the sheet's name ('参考')"), "{err}");
    // a status table summing up the controls not implemented repeats the table's rows
    let (_dir, path) = workbook(&[
        (
            "管理策一覧",
            table(&[("9.2.1", "実施"), ("9.2.3", "未実施"), ("11.1.1", "実施")]),
        ),
        ("未実施一覧", table(&[("9.2.3", "未実施")])),
    ]);
    assert_eq!(status(&path, &[], "K-1"), "covered");
    assert_eq!(status(&path, &[], "K-2"), "not-covered");
    // … one repeating a control stated implemented does not
    let (_dir, path) = workbook(&[
        (
            "管理策一覧",
            table(&[("9.2.1", "実施"), ("9.2.3", "未実施"), ("11.1.1", "実施")]),
        ),
        ("抜粋", table(&[("9.2.1", "実施")])),
    ]);
    let err = input_error(report(&path, &[]));
    assert!(err.contains("9.2.1 is stated on this sheet"), "{err}");

    // the same splits with one control on both sheets: refused
    for (a, b, rows_a, rows_b) in splits.iter().take(4) {
        let mut rows_b = rows_b.clone();
        rows_b.push(rows_a[1].clone());
        let (_dir, path) = workbook(&[(a, rows_a.clone()), (b, rows_b)]);
        let err = input_error(report(&path, &[]));
        assert!(
            err.contains("sheets that each state the same controls are separate statements"),
            "{a}/{b}: {err}"
        );
    }
    // an annex of details repeating a detail of the first sheet: refused
    let (_dir, path) = workbook(&[
        (
            "管理策一覧",
            table(&[
                ("9.2.1", "実施"),
                ("9.2.3", "実施"),
                ("9.2.3.11.PB", "実施"),
            ]),
        ),
        (
            "別添 詳細管理策",
            table(&[("9.2.3", "実施"), ("9.2.3.11.PB", "実施")]),
        ),
    ]);
    let err = input_error(report(&path, &[]));
    assert!(err.contains("9.2.3.11.PB is stated on this sheet"), "{err}");
}

/// A GRC export (`Framework, Requirement ID, Control Status, <test header>, Owner`) with
/// `value` under the test header on every row.
fn grc(header: &str, value: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grc.csv");
    let mut text = format!("Framework,Requirement ID,Control Status,{header},Owner\n");
    for id in ["9.2.1", "9.2.3", "11.1.1"] {
        text.push_str(&format!("ISMAP,{id},Implemented,{value},IT\n"));
    }
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// Review 17 C-2: an automated test's clean result (`Passing`, `Healthy`, `Green`, `OK`,
/// `Compliant`) under a test's or an assessment's header reads as `Pass` does (`OK` and
/// `Compliant` were taken for a second status column); a failing or qualified one stays
/// refused, as a result other than a clean one.
#[test]
fn clean_grc_test_results_read_and_failing_ones_stay_refused() {
    for header in [
        "Test Result",
        "Test Status",
        "Control Test",
        "Effectiveness",
        "Operating Effectiveness",
    ] {
        for clean in [
            "Pass",
            "Passed",
            "Passing",
            "Healthy",
            "Green",
            "OK",
            "Compliant",
        ] {
            let (_dir, path) = grc(header, clean);
            assert_eq!(status(&path, &[], "K-1"), "covered", "{header}: {clean}");
        }
        for failing in [
            "Failing",
            "Unhealthy",
            "Red",
            "NG",
            "Non-compliant",
            "Partially compliant",
            "Compliant (pending)",
        ] {
            let (_dir, path) = grc(header, failing);
            let err = input_error(report(&path, &[]));
            assert!(
                err.contains(&format!(
                    "'{failing}' in '{header}' reports a result other than a clean one"
                )),
                "{header}: {failing}: {err}"
            );
        }
    }
}
