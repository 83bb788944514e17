//! Check lists read as a user writes them: row numbers after blank lines, quotes left
//! open, cells right of the header, and YAML/JSON errors that name the field and line.
mod common;

use std::path::Path;

use common::{bin, example, input_error, json_of};

fn fixture(name: &str) -> std::path::PathBuf {
    common::data(&format!("check-list/{name}"))
}

/// `report --checks FILE --csp examples/csp-list.txt`, with more arguments.
fn report(checks: &Path, args: &[&str]) -> assert_cmd::Command {
    let mut c = bin();
    c.args(["report", "--as-of", "2026-04-01", "--checks"])
        .arg(checks)
        .arg("--csp")
        .arg(example("csp-list.txt"))
        .args(args);
    c
}

/// The `row` of each item in the JSON report, by id.
fn rows(checks: &Path) -> Vec<(String, u64)> {
    let v = json_of(report(checks, &["--format", "json"]));
    let mut rows: Vec<(String, u64)> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap().to_owned(),
                i["row"].as_u64().unwrap(),
            )
        })
        .collect();
    rows.sort();
    rows
}

/// The error line, after checking it names the file, says `want` and gives a hint.
fn error_of(checks: &Path, want: &str) -> String {
    let err = input_error(report(checks, &[]));
    let name = checks.file_name().unwrap().to_string_lossy();
    assert!(err.contains(name.as_ref()), "{err}");
    assert!(err.contains(want), "{err}");
    assert!(err.contains("(hint: "), "{err}");
    err
}

#[test]
fn blank_lines_count_as_rows_as_in_a_text_editor() {
    let want = [("1".to_owned(), 2), ("2".to_owned(), 5)];
    assert_eq!(rows(&fixture("blank-lines.csv")), want);
    assert_eq!(rows(&fixture("blank-lines-crlf.csv")), want);
    // the `row` column of the CSV report says the same
    let out = common::stdout_of(report(&fixture("blank-lines.csv"), &["--format", "csv"]));
    let mut csv = csv::Reader::from_reader(out.as_bytes());
    let row = csv
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "row")
        .unwrap();
    let mut found: Vec<String> = csv.records().map(|r| r.unwrap()[row].to_owned()).collect();
    found.sort();
    assert_eq!(found, ["2", "5"]);
    error_of(
        &fixture("duplicate-after-blank-lines.csv"),
        "row 5: column 'id': duplicate check-item id '1' (also on row 2)",
    );
}

/// Makes 20,000 rows more than 1 MB.
const PAD: &str = "-------------------------------------------";

/// A file over 1 MB is parsed on a second thread: its rows are counted the same way.
#[test]
fn blank_lines_count_in_a_large_file_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.csv");
    let mut text = String::from("\nid,title,controls\n");
    let mut line = 2;
    let mut want = Vec::new();
    for i in 0..20_000 {
        if i % 100 == 0 {
            text.push_str("\n\r\n");
            line += 2;
        }
        text.push_str(&format!("C-{i:05},確認項目の見出し {i} {PAD},5.1.1\n"));
        line += 1;
        want.push((format!("C-{i:05}"), line));
    }
    assert!(text.len() > 1 << 20);
    std::fs::write(&path, &text).unwrap();
    assert_eq!(rows(&path), want);
    text.push_str("\n\nC-00007,again,5.1.2\n");
    std::fs::write(&path, &text).unwrap();
    let (last, first) = (line + 3, want[7].1);
    assert_eq!(first, 12);
    error_of(
        &path,
        &format!(
            "row {last}: column 'id': duplicate check-item id 'C-00007' (also on row {first})"
        ),
    );
}

#[test]
fn a_quote_left_open_to_the_end_of_the_file_is_an_error() {
    let err = error_of(
        &fixture("unterminated-quote.csv"),
        "unterminated-quote.csv: row 2: column 'B': a quote opened in this cell is never closed",
    );
    assert!(err.contains("(hint: close the quote"), "{err}");
    // in a large file too (parsed on a second thread), where the cell runs over the limit
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.csv");
    let mut text = String::from("id,title,controls\n");
    for i in 0..20_000 {
        text.push_str(&format!("C-{i},確認項目の見出し {i} {PAD},5.1.1\n"));
    }
    assert!(text.len() > 1 << 20);
    text.push_str("X,\"open,5.1.1\n");
    text.push_str(&"C,more,5.1.2\n".repeat(20_000));
    std::fs::write(&path, &text).unwrap();
    error_of(
        &path,
        "row 20002: column 'B': a quote opened in this cell is never closed",
    );
    // a lone quote inside an unquoted cell is a character, and doubled quotes are quotes
    let v = json_of(report(
        &fixture("quote-in-unquoted-cell.csv"),
        &["--format", "json"],
    ));
    let mut titles: Vec<&str> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap())
        .collect();
    titles.sort();
    assert_eq!(titles, ["19\"ラック", "quoted \"twice\""]);
}

#[test]
fn yaml_and_json_errors_name_the_field_and_line() {
    let cases = [
        (
            "unknown-field.yaml",
            "unknown-field.yaml: line 3: invalid check list: [0]: unknown field `extra_col`, expected one of `id`",
        ),
        (
            "wrong-type.yaml",
            "wrong-type.yaml: line 3: invalid check list: [0].risk: invalid type: sequence, expected a string",
        ),
        (
            "null-ref.json",
            "null-ref.json: line 2: invalid check list: invalid type: null, expected a text or a number",
        ),
        (
            "unknown-top-level-key.json",
            "unknown-top-level-key.json: line 2: invalid check list: unknown field `extra`, expected `items`",
        ),
    ];
    for (name, want) in cases {
        let err = error_of(&fixture(name), want);
        for internal in ["untagged", "ChecksDoc", "line 0"] {
            assert!(!err.contains(internal), "{err}");
        }
    }
}

#[test]
fn a_cell_right_of_the_header_is_an_error_and_empty_ones_are_not() {
    let err = error_of(
        &fixture("cells-right-of-header.csv"),
        "cells-right-of-header.csv: row 2: column 'D': cell 'extra' is right of the header (row 1 has 3 columns)",
    );
    assert!(
        err.contains("(hint: give column D a header on row 1"),
        "{err}"
    );
    assert_eq!(
        rows(&fixture("trailing-empty-cells.csv")),
        [("1".to_owned(), 2), ("2".to_owned(), 3)]
    );
    // a workbook row the same
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["id", "title", "controls"].into_iter().enumerate() {
        ws.write_string(0, c as u16, h).unwrap();
    }
    for (c, v) in ["1", "a", "5.1.1"].into_iter().enumerate() {
        ws.write_string(1, c as u16, v).unwrap();
    }
    ws.write_string(1, 4, "note beside").unwrap();
    wb.save(&path).unwrap();
    error_of(
        &path,
        "book.xlsx: sheet 'Sheet1': row 2: column 'E': cell 'note beside' is right of the header",
    );
}

/// Excel's "Unicode text" save (UTF-16 LE with a BOM, tab-separated) reads like the CSV.
#[test]
fn a_utf16_text_save_reads_like_the_csv() {
    let csv = std::fs::read_to_string(common::example("checks.csv")).unwrap();
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let mut tsv = String::new();
    for record in rdr.records() {
        let cells: Vec<String> = record
            .unwrap()
            .iter()
            .map(|c| c.replace('\n', " "))
            .collect();
        tsv.push_str(&cells.join("\t"));
        tsv.push_str("\r\n");
    }
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(tsv.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("checks-unicode.txt");
    std::fs::write(&path, bytes).unwrap();
    let statuses = |checks: &std::path::Path| -> Vec<(String, String)> {
        let v = common::json_of(
            common::on_checks("en", "report", checks)
                .arg("--csp")
                .arg(common::example("csp-list.txt"))
                .args(["--format", "json"]),
        );
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| (i["id"].to_string(), i["status"].to_string()))
            .collect()
    };
    let from_csv = statuses(&common::example("checks.csv"));
    assert_eq!(from_csv.len(), 18);
    assert_eq!(statuses(&path), from_csv);
}

/// A workbook whose first sheet is empty: the hint names the sheets to pick from.
#[test]
fn an_empty_first_sheet_names_the_sheets() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("checks.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet().set_name("表紙").unwrap();
    let items = wb.add_worksheet();
    items.set_name("確認項目").unwrap();
    items.write_string(0, 0, "controls").unwrap();
    items.write_string(1, 0, "9.2.1").unwrap();
    wb.save(&book).unwrap();
    // the sheet with a check-list header is read, the cover sheet named on stderr
    let out = report(&book, &[]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("checks.xlsx: sheets without a check-list header were not read: 表紙"),
        "{stderr}"
    );
    // and --sheet reads the one named
    report(&book, &["--sheet", "確認項目"]).assert().success();
    let err = input_error(report(&book, &["--sheet", "表紙"]));
    assert!(
        err.contains("sheet '表紙'")
            && err.contains("no rows found")
            && err.contains("the workbook has: 表紙, 確認項目"),
        "{err}"
    );
    // no sheet with a check-list header: the sheets named, and --sheet
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet().set_name("表紙").unwrap();
    wb.add_worksheet()
        .set_name("メモ")
        .unwrap()
        .write_string(0, 0, "備考")
        .unwrap();
    wb.save(&book).unwrap();
    let err = input_error(report(&book, &[]));
    assert!(
        err.contains("checks.xlsx: no visible sheet has a check-list header")
            && err.contains("the sheets are: 表紙, メモ")
            && err.contains("--sheet NAME"),
        "{err}"
    );
}

/// Headers in half-width katakana are found like full-width ones (`ﾘｽｸ` is リスク), so
/// their values are read and checked, not carried as extra columns.
#[test]
fn half_width_katakana_headers_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hw.csv");
    std::fs::write(
        &path,
        "ＩＤ,ﾁｪｯｸ項目,ＩＳＭＡＰ管理策,ﾘｽｸ\nx,t,9.2.1,ﾀｶｲ\ny,u,9.2.2,高\n",
    )
    .unwrap();
    let v = json_of(report(&path, &["--format", "json"]));
    assert_eq!(v["checks"]["extra_columns"], serde_json::json!([]));
    let items = v["items"].as_array().unwrap();
    let y = items.iter().find(|i| i["id"] == "y").unwrap();
    assert_eq!(
        (y["title"].as_str(), y["risk"].as_str()),
        (Some("u"), Some("high"))
    );
    // a risk not read as a level is no risk: the verdict is given (review 11 C-7)
    let x = items.iter().find(|i| i["id"] == "x").unwrap();
    assert_eq!(x["risk"], serde_json::Value::Null);
    assert_ne!(x["status"], "not-analysed");
}
