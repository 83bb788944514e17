//! Check-list workbooks in the shapes people make them (review 2): a second references
//! column, references typed as numbers, one item over several rows under a merged id
//! cell, sheets each numbered from 1, a header of two rows, a hidden sheet of items.
//! Nothing is credited that the cells do not say, nothing dropped without a word.
mod common;

use std::path::Path;

use common::{bin, by_id, control_ids, example, strings};
use rust_xlsxwriter::{Format, Workbook};
use serde_json::Value;

/// `report --checks FILE --csp examples/csp-list.txt --format json`, with more arguments:
/// its JSON and its stderr.
fn report(checks: &Path, args: &[&str]) -> (Value, String) {
    let out = bin()
        .args([
            "--lang",
            "en",
            "report",
            "--as-of",
            "2026-04-01",
            "--checks",
        ])
        .arg(checks)
        .arg("--csp")
        .arg(example("csp-list.txt"))
        .args(["--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    (serde_json::from_slice(&out.stdout).unwrap(), stderr)
}

/// Writes a one-sheet workbook: a header `No.`, `確認項目`, `refs_header`, and one row a
/// reference typed as a number, in its number format (`None`: General).
fn numbers_workbook(path: &Path, refs_header: &str, rows: &[(&str, f64, Option<&str>)]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("確認項目").unwrap();
    for (c, h) in ["No.", "確認項目", refs_header].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (title, number, format)) in rows.iter().enumerate() {
        let row = r as u32 + 1;
        ws.write_string(row, 0, (r + 1).to_string()).unwrap();
        ws.write_string(row, 1, *title).unwrap();
        match format {
            Some(f) => ws
                .write_number_with_format(row, 2, *number, &Format::new().set_num_format(*f))
                .unwrap(),
            None => ws.write_number(row, 2, *number).unwrap(),
        };
    }
    wb.save(path).unwrap();
}

/// References typed as numbers: `5.30` typed in a General cell is the number 5.3: a number
/// that a lost trailing zero makes another control is unresolved (`written-as-number`),
/// never credited as 5.3; one that no trailing zero makes another id (`9.2`, `12.1`) is
/// read; a fixed number format (`0.00`) is read as shown (`5.10`), one that hides the
/// zero (`0.0`) is not (review 2, A5).
#[test]
fn a_reference_typed_as_a_number_is_never_credited_as_another_control() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("numbers.xlsx");
    numbers_workbook(
        &path,
        "管理策",
        &[
            ("ICT readiness (typed 5.30)", 5.3, None),
            ("Networks security (typed 8.20)", 8.2, None),
            ("User access management (9.2)", 9.2, None),
            ("Operating procedures (12.1)", 12.1, None),
        ],
    );
    let (v, _) = report(&path, &[]);
    let items = &v["items"];
    for (id, number) in [("1", "5.3"), ("2", "8.2")] {
        let item = by_id(items, id);
        assert_eq!(item["status"], "not-analysed", "{id}: {item}");
        assert!(control_ids(item).is_empty(), "{id}");
        let u = &item["unresolved"][0];
        assert_eq!(u["reference"], number, "{id}");
        assert_eq!(u["why"], "written-as-number", "{id}");
        assert_eq!(
            strings(&u["suggestions"]),
            [number.to_owned(), format!("{number}0")],
            "{id}"
        );
    }
    assert!(control_ids(by_id(items, "3")).contains(&"9.2.1"));
    assert!(control_ids(by_id(items, "4")).contains(&"12.1.1"));

    // as the number format shows it
    numbers_workbook(
        &path,
        "ISO/IEC 27001:2022",
        &[
            ("Acceptable use (5.10, format 0.00)", 5.1, Some("0.00")),
            ("ICT readiness (5.30, format 0.0)", 5.3, Some("0.0")),
        ],
    );
    let (v, _) = report(&path, &[]);
    let one = by_id(&v["items"], "1");
    assert_eq!(strings(&one["references"]), ["5.10"]);
    assert_eq!(one["chains"][0], "5.10 (2022) → 8.1.3, 8.2.3");
    let two = by_id(&v["items"], "2");
    assert_eq!(two["unresolved"][0]["why"], "written-as-number");
    assert_eq!(two["status"], "not-analysed");

    // the same typed as text is read (in the ISMAP numbering the header names)
    let mut wb = Workbook::new();
    common::add_text_sheet(
        &mut wb,
        "確認項目",
        &[&["No.", "確認項目", "ISMAP管理策"], &["1", "方針", "5.1"]],
    );
    wb.save(&path).unwrap();
    let (v, _) = report(&path, &[]);
    assert_eq!(control_ids(by_id(&v["items"], "1")), ["5.1.1", "5.1.2"]);
}

/// YAML numbers: `refs: 8.20` unquoted is the number 8.2 (review 2, A5).
#[test]
fn a_yaml_reference_written_as_a_number_is_never_credited_as_another_control() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("checks.yaml");
    std::fs::write(
        &path,
        "items:\n  - id: Y1\n    title: network security\n    refs: 8.20\n  - id: Y2\n    title: quoted\n    refs: \"9.2.1\"\n  - id: Y3\n    title: a category\n    refs: [9.2]\n",
    )
    .unwrap();
    let (v, _) = report(&path, &[]);
    let y1 = by_id(&v["items"], "Y1");
    assert_eq!(y1["unresolved"][0]["why"], "written-as-number");
    assert_eq!(y1["status"], "not-analysed");
    assert_eq!(control_ids(by_id(&v["items"], "Y2")), ["9.2.1"]);
    assert!(control_ids(by_id(&v["items"], "Y3")).contains(&"9.2.1"));
}

/// A second references column in a workbook, the ISO column first (review 2, A4).
#[test]
fn a_second_references_column_of_a_workbook_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.xlsx");
    let mut wb = Workbook::new();
    common::add_text_sheet(
        &mut wb,
        "確認項目",
        &[
            &[
                "No.",
                "確認項目",
                "ISO/IEC 27001:2022",
                "ISMAP管理策",
                "担当",
            ],
            &["1", "特権", "A.8.2", "", "情シス"],
            &["2", "データマスキング", "A.8.11", "9.4.1", "情シス"],
        ],
    );
    wb.save(&path).unwrap();
    let (v, _) = report(&path, &[]);
    let one = by_id(&v["items"], "1");
    assert_eq!(strings(&one["references"]), ["A.8.2"]);
    assert_eq!(control_ids(one), ["9.2.3"]);
    let two = by_id(&v["items"], "2");
    assert!(strings(&two["reasons"]).contains(&"no-ismap-counterpart"));
    assert_ne!(two["status"], "covered");
    assert_eq!(v["checks"]["extra_columns"], serde_json::json!(["担当"]));
    // --refs-column reads one of them alone, the other carried as a column
    let (v, _) = report(&path, &["--refs-column", "ISMAP管理策"]);
    assert_eq!(
        v["checks"]["extra_columns"],
        serde_json::json!(["ISO/IEC 27001:2022", "担当"])
    );
    assert!(v["checks"].get("more_references_columns").is_none());
}

/// One check item over several rows, its id and title cells merged down, one reference a
/// row: one item with every row's references (review 2, C2); rows under one merged id
/// with titles of their own are refused, naming the merge.
#[test]
fn rows_under_one_merged_id_cell_are_one_item() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("merged.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("確認項目").unwrap();
    let plain = Format::new();
    for (c, h) in ["No.", "確認項目", "管理策", "確認水準", "重要度"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.merge_range(1, 0, 3, 0, "1", &plain).unwrap();
    ws.merge_range(1, 1, 3, 1, "アクセス管理", &plain).unwrap();
    for (r, id) in ["9.2.1", "9.2.3", "9.4.3"].iter().enumerate() {
        ws.write_string(r as u32 + 1, 2, *id).unwrap();
    }
    // the assurance of its first row (the others empty), the highest risk of its rows
    ws.write_string(1, 3, "自己申告").unwrap();
    ws.write_string(1, 4, "低").unwrap();
    ws.write_string(2, 4, "高").unwrap();
    ws.write_string(4, 0, "2").unwrap();
    ws.write_string(4, 1, "暗号").unwrap();
    ws.write_string(4, 2, "10.1.1").unwrap();
    wb.save(&path).unwrap();
    let (v, _) = report(&path, &[]);
    assert_eq!(v["summary"]["total"], 2);
    let one = by_id(&v["items"], "1");
    assert_eq!(strings(&one["references"]), ["9.2.1", "9.2.3", "9.4.3"]);
    assert_eq!(one["row"], 2);
    assert_eq!(one["assurance"], "self");
    assert_eq!(one["risk"], "high");

    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("確認項目").unwrap();
    for (c, h) in ["No.", "確認項目", "管理策"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.merge_range(1, 0, 2, 0, "1", &plain).unwrap();
    ws.write_string(1, 1, "利用者登録").unwrap();
    ws.write_string(2, 1, "特権").unwrap();
    ws.write_string(1, 2, "9.2.1").unwrap();
    ws.write_string(2, 2, "9.2.3").unwrap();
    wb.save(&path).unwrap();
    let err = common::input_error(
        bin()
            .args(["--lang", "en", "report", "--checks"])
            .arg(&path)
            .arg("--csp")
            .arg(example("csp-list.txt")),
    );
    assert!(
        err.contains("rows 2–3 share the merged id cell '1', but row 3 has a title of its own"),
        "{err}"
    );
}

/// Sheets each numbered from 1: every id is qualified by its sheet (review 2, C3); a
/// hidden sheet with a check-list header is named on stderr and in JSON (B4).
#[test]
fn sheets_numbered_from_one_and_a_hidden_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sheets.xlsx");
    let mut wb = Workbook::new();
    common::add_text_sheet(
        &mut wb,
        "組織的対策",
        &[
            &["No.", "確認項目", "管理策"],
            &["1", "方針", "5.1.1"],
            &["2", "役割", "6.1.1"],
        ],
    );
    common::add_text_sheet(
        &mut wb,
        "技術的対策",
        &[
            &["No.", "確認項目", "管理策"],
            &["1", "利用者登録", "9.2.1"],
        ],
    );
    common::add_text_sheet(
        &mut wb,
        "物理的対策",
        &[&["No.", "確認項目", "管理策"], &["1", "入退", "11.1.2"]],
    );
    wb.worksheet_from_name("物理的対策")
        .unwrap()
        .set_hidden(true);
    wb.save(&path).unwrap();
    let (v, stderr) = report(&path, &[]);
    let ids: Vec<&str> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, ["技術的対策/1", "組織的対策/1", "組織的対策/2"]);
    assert_eq!(
        by_id(&v["items"], "技術的対策/1")["extra"]["sheet"],
        "技術的対策"
    );
    assert_eq!(
        v["checks"]["hidden_sheets"],
        serde_json::json!(["物理的対策"])
    );
    assert!(
        stderr.contains("hidden sheets with a check-list header were not read: 物理的対策"),
        "{stderr}"
    );
    // --sheet reads the hidden one
    let (v, _) = report(&path, &["--sheet", "物理的対策"]);
    assert_eq!(v["summary"]["total"], 1);
}

/// A header of two rows: `管理策` merged over `番号` / `名称`, the other headers merged
/// down over both rows: read as one header, no item made of its second row (review 2,
/// C6).
#[test]
fn a_header_of_two_merged_rows_is_one_header() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two-rows.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("確認項目").unwrap();
    let plain = Format::new();
    ws.merge_range(0, 0, 1, 0, "No.", &plain).unwrap();
    ws.merge_range(0, 1, 1, 1, "確認項目", &plain).unwrap();
    ws.merge_range(0, 2, 0, 3, "管理策", &plain).unwrap();
    ws.write_string(1, 2, "番号").unwrap();
    ws.write_string(1, 3, "名称").unwrap();
    for (r, row) in [
        ["1", "利用者登録", "9.2.1", "利用者登録及び登録削除"],
        ["2", "特権", "9.2.3", "特権的アクセス権の管理"],
    ]
    .iter()
    .enumerate()
    {
        for (c, cell) in row.iter().enumerate() {
            ws.write_string(r as u32 + 2, c as u16, *cell).unwrap();
        }
    }
    wb.save(&path).unwrap();
    let (v, _) = report(&path, &[]);
    assert_eq!(v["summary"]["total"], 2, "{}", v["items"]);
    assert_eq!(v["summary"]["not_analysed"], 0);
    let one = by_id(&v["items"], "1");
    assert_eq!(strings(&one["references"]), ["9.2.1"]);
    assert_eq!(one["row"], 3);
    assert_eq!(
        v["checks"]["extra_columns"],
        serde_json::json!(["管理策 名称"])
    );
}
