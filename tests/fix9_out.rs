//! What the tool did not read, or could not resolve, is visible in every output format
//! (`tests/data/fix9-out/`): the check-list rows not read as items (totals, headings…) in
//! the table/Markdown summary and the workbook's summary sheet; an unresolved reference's
//! reason beside it in table, Markdown, CSV and xlsx, in the report's language; what an
//! assurance gap for an unstated registration kind lacks; `--strict` in list order when a
//! sheet already had a `sheet` column; the skeleton catalog said in the summaries; a
//! review whose ids Excel converted only in part.
mod common;

use common::xlsx::{sheets, text};
use common::{data, on_checks, stdout_of};

fn fixture(name: &str) -> std::path::PathBuf {
    data(&format!("fix9-out/{name}"))
}

fn review7(name: &str) -> std::path::PathBuf {
    data(&format!("checks-review7/{name}"))
}

/// `report --checks CHECKS --csp csp-st.csv --format FORMAT` (9.2.4 not implemented, the
/// rest of the ISMAP objectives implemented).
fn report(lang: &str, checks: &std::path::Path, format: &str) -> assert_cmd::Command {
    let mut c = on_checks(lang, "report", checks);
    c.arg("--csp")
        .arg(review7("csp-st.csv"))
        .args(["--format", format]);
    c
}

/// The rows of the summary sheet: label (column A) and value (column B).
fn summary_rows(path: &std::path::Path) -> Vec<(String, String)> {
    let (_, ranges) = sheets(path);
    let summary = &ranges[0];
    (0..summary.height())
        .map(|r| (text(summary, r, 0), text(summary, r, 1)))
        .collect()
}

/// Rows of the check list that are not items (a totals row, section headings) are named in
/// the summary of the table and Markdown (kind, sheet when several, row, text) and on the
/// workbook's summary sheet (a count, then each row); CSV, one row per item, leaves them to
/// stderr.
#[test]
fn rows_not_read_are_in_the_table_markdown_and_workbook_summaries() {
    let table = stdout_of(report("ja", &review7("total.csv"), "table"));
    assert!(
        table.contains("読まなかった行(確認項目ではない) 1: 合計の行: 5行目 '合計 2項目'"),
        "{table}"
    );
    // several sheets: the sheet is named
    let table = stdout_of(report("en", &review7("buyer.xlsx"), "table"));
    assert!(
        table.contains(
            "Rows not read (not check items) 1: totals row: sheet '組織的対策' row 13 '合計 7項目'"
        ),
        "{table}"
    );
    let md = stdout_of(report("en", &review7("sections.xlsx"), "md"));
    assert!(
        md.contains("- Rows not read (not check items) 3: section heading: row 4 '1 アクセス管理', section heading: row 7 '2 暗号', section heading: row 9 '■ 物理的対策'"),
        "{md}"
    );
    // nothing when every row was read
    let table = stdout_of(report("en", &fixture("refs.csv"), "table"));
    assert!(!table.contains("Rows not read"), "{table}");

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gap.xlsx");
    let mut c = report("ja", &review7("buyer.xlsx"), "xlsx");
    c.arg("-o").arg(&out).assert().success();
    let rows = summary_rows(&out);
    let at = rows
        .iter()
        .position(|(label, _)| label == "読まなかった行(確認項目ではない)")
        .expect("the count row");
    assert_eq!(rows[at].1, "1");
    assert_eq!(rows[at + 1].0, "");
    assert_eq!(
        rows[at + 1].1,
        "合計の行: シート '組織的対策' 13行目 '合計 7項目'"
    );
    // a list with none: the count is 0
    let out = dir.path().join("refs.xlsx");
    let mut c = report("en", &fixture("refs.csv"), "xlsx");
    c.arg("-o").arg(&out).assert().success();
    let rows = summary_rows(&out);
    assert!(
        rows.contains(&("Rows not read (not check items)".into(), "0".into())),
        "{rows:?}"
    );

    // CSV: stderr only
    let out = report("en", &review7("total.csv"), "csv").output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("totals rows are not check items and were not read: rows 5 '合計 2項目'"),
        "{stderr}"
    );
}

/// The reason an unresolved reference did not resolve stands beside it in every format, in
/// the report's language: a reversed range, an open range, a shortened list, another
/// framework.
#[test]
fn an_unresolved_reference_gives_its_reason_in_every_format() {
    let refs = fixture("refs.csv");
    let table = stdout_of(report("ja", &refs, "md"));
    for want in [
        "未解決: 9.3.2～9.2.1 (両端が同じ親の下の同じ階層ではないか、小さい番号から大きい番号への範囲ではありません)",
        "未解決: 9.2.1～ (範囲の一方の端がありません",
        "未解決: 9.2.1、4 (省略した列挙です",
        "未解決: PCI DSS 8.2.1 (IDの前に別の基準・ガイドラインの名前があります",
    ] {
        assert!(table.contains(want), "{want}: {table}");
    }
    let table = stdout_of(report("en", &refs, "table").env("COLUMNS", "400"));
    assert!(
        table.contains("unresolved: 9.3.2～9.2.1 (a range whose ends are not of one level under one parent, from low to high)"),
        "{table}"
    );

    let csv = stdout_of(report("en", &refs, "csv"));
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    let headers = rdr.headers().unwrap().clone();
    let col = headers.iter().position(|h| h == "unresolved").unwrap();
    let cells: Vec<String> = rdr
        .records()
        .map(|r| r.unwrap()[col].to_owned())
        .filter(|c| !c.is_empty())
        .collect();
    assert!(
        cells.contains(&"9.3.2～9.2.1 (a range whose ends are not of one level under one parent, from low to high)".to_owned()),
        "{cells:?}"
    );
    assert!(
        cells
            .iter()
            .any(|c| c.starts_with("PCI DSS 8.2.1 (names another framework")),
        "{cells:?}"
    );

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gap.xlsx");
    let mut c = report("ja", &refs, "xlsx");
    c.arg("-o").arg(&out).assert().success();
    let (_, ranges) = sheets(&out);
    let gaps = &ranges[1];
    let col = (0..gaps.width())
        .find(|c| text(gaps, 0, *c) == "未解決の参照")
        .unwrap();
    let cells: Vec<String> = (1..gaps.height()).map(|r| text(gaps, r, col)).collect();
    assert!(
        cells.iter().any(|c| c == "9.3.2～9.2.1 (両端が同じ親の下の同じ階層ではないか、小さい番号から大きい番号への範囲ではありません)"),
        "{cells:?}"
    );
}

/// Every reason has its Japanese: no English left in a Japanese report's unresolved cells.
#[test]
fn every_unresolved_reason_is_japanese_under_lang_ja() {
    let dir = tempfile::tempdir().unwrap();
    let checks = dir.path().join("checks.csv");
    // one reference for each reason the resolver gives
    let refs = [
        "ほげ",
        "9.9.9",
        "A.99.1",
        "CLD.99.1",
        "ZZ-99",
        "ISO 9001 7.5",
        "JIS Q 27001:2014 4.9",
        "9.3.2～9.2.1",
        "統一基準 6.1.1",
        "9.2.1等",
        "PR.AC-1",
        "9.2.1-3",
        "9.2.1～",
        "9.2.1、4",
    ];
    let mut text = String::from("項番,確認項目,ISMAP管理策\n");
    for (i, r) in refs.iter().enumerate() {
        text.push_str(&format!("{},項目{},{r}\n", i + 1, i + 1));
    }
    std::fs::write(&checks, text).unwrap();
    let csv = stdout_of(report("ja", &checks, "csv"));
    let mut rdr = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = rdr.headers().unwrap().clone();
    let col = headers.iter().position(|h| h == "未解決の参照").unwrap();
    let mut seen = 0;
    for r in rdr.records() {
        let cell = r.unwrap()[col].to_owned();
        if cell.is_empty() {
            continue;
        }
        seen += 1;
        let why = cell.split_once(" (").map_or("", |(_, w)| w);
        let english = why
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| {
                w.len() > 3
                    && ![
                        "ISMAP", "CLD", "NIST", "PCI", "CIS", "catalog", "import", "iso", "edition",
                    ]
                    .contains(w)
            })
            .count();
        assert!(english <= 3, "English in a Japanese cell: {cell}");
    }
    assert!(seen >= 10, "{csv}");
}

/// An assurance gap for want of the registration kind says what is lacking in the table's
/// gaps cell: the kind of the registration of the service (the list) it rests on.
#[test]
fn an_unstated_kind_assurance_gap_names_what_it_lacks() {
    let mut c = on_checks("ja", "report", fixture("nokind-checks.csv"));
    c.arg("--csp").arg(fixture("csp-nokind.csv"));
    c.args(["--format", "md"]);
    let md = stdout_of(c);
    assert!(md.contains("| 保証水準不足 |"), "{md}");
    assert!(
        md.contains("| 保証水準不足 |  | 登録区分(ISMAP/ISMAP-LIU)の記載なし: csp-nokind.csv |"),
        "{md}"
    );
    let mut c = on_checks("en", "report", fixture("nokind-checks.csv"));
    c.arg("--csp").arg(fixture("csp-nokind.csv"));
    c.args(["--format", "md"]);
    let md = stdout_of(c);
    assert!(
        md.contains("registration kind (ISMAP or ISMAP-LIU) not stated: csp-nokind.csv"),
        "{md}"
    );
}

/// `--strict` names the problems sheet by sheet in the workbook's order, also when a sheet
/// had its own `sheet` column (the sheet then stands in `sheet (workbook)`).
#[test]
fn strict_errors_follow_the_sheets_when_a_sheet_column_was_taken() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let header: &[&str] = &["項番", "確認項目", "管理策", "sheet"];
    common::add_text_sheet(
        &mut wb,
        "A",
        &[
            header,
            &["A-1", "利用者登録", "9.2.1", "x"],
            &["A-2", "不明", "9.9.9", "x"],
        ],
    );
    common::add_text_sheet(
        &mut wb,
        "B",
        &[
            header,
            &["B-1", "不明", "9.9.8", "y"],
            &["B-2", "特権", "9.2.3", "y"],
        ],
    );
    wb.save(&path).unwrap();
    let mut c = report("en", &path, "json");
    c.arg("--strict");
    let out = c.output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let a = stderr.find("'9.9.9'").expect("A's problem");
    let b = stderr.find("'9.9.8'").expect("B's problem");
    // sheet A before sheet B, though B's row (2) is above A's (3)
    assert!(a < b, "{stderr}");
    assert!(
        stderr.contains("sheet A, row 3") || stderr.contains("sheet 'A'"),
        "{stderr}"
    );
}

/// The summary says, in the report's language, that the embedded catalog holds only some
/// of the detailed controls (as `readiness` does).
#[test]
fn the_skeleton_catalog_is_said_in_the_summary() {
    let table = stdout_of(report("ja", &fixture("refs.csv"), "table"));
    assert!(
        table.contains("このカタログの詳細管理策は35件のみです(公式の管理基準には約1,100件)"),
        "{table}"
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gap.xlsx");
    let mut c = report("en", &fixture("refs.csv"), "xlsx");
    c.arg("-o").arg(&out).assert().success();
    let rows = summary_rows(&out);
    let (_, value) = rows
        .iter()
        .find(|(label, _)| label == "Catalog's detailed controls")
        .expect("the catalog's detailed controls");
    assert!(
        value.starts_with("The active catalog holds only 35 detailed controls"),
        "{value}"
    );
}

/// A previous report CSV in which Excel converted some ids (`1-1` → `1月1日`): the rows
/// whose ids match nothing are named, and Excel named as the likely cause, though other ids
/// matched.
#[test]
fn a_review_with_some_ids_converted_by_excel_is_warned_about() {
    for (lang, want) in [
        ("ja", "前回のレビュー review-prev-excel.csv の2行は項番が今回のどの確認項目とも一致しません(2行目 '1月2日', 4行目 '1月1日')"),
        ("en", "2 row(s) of the previous review review-prev-excel.csv have ids that are no id of this report (row 2 '1月2日', row 4 '1月1日')"),
    ] {
        let mut c = report(lang, &fixture("review-ids.csv"), "json");
        c.arg("--review").arg(fixture("review-prev-excel.csv"));
        let v: serde_json::Value = serde_json::from_str(&stdout_of(c)).unwrap();
        let w = v["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["code"] == "review-ids-unmatched")
            .unwrap_or_else(|| panic!("no warning: {v}"));
        let message = w["message"].as_str().unwrap();
        assert!(message.contains(want), "{message}");
        assert!(message.contains("Excel"), "{message}");
    }
    // every id matching: no warning
    let dir = tempfile::tempdir().unwrap();
    let prev = dir.path().join("prev.csv");
    let csv = stdout_of(report("ja", &fixture("review-ids.csv"), "csv"));
    std::fs::write(&prev, csv).unwrap();
    let mut c = report("ja", &fixture("review-ids.csv"), "json");
    c.arg("--review").arg(&prev);
    let v: serde_json::Value = serde_json::from_str(&stdout_of(c)).unwrap();
    assert!(
        !v["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["code"] == "review-ids-unmatched"),
        "{v}"
    );
}
