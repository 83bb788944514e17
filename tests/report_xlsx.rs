//! `ismap-gap report -o gap.xlsx`: the workbook read back cell by cell (calamine) and as
//! raw XML (zip) for what calamine does not read: validations, charts, properties.
mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use calamine::{Data, Range};
use common::xlsx::{
    cell_looks, cell_ref, cell_styles, column_styles, row_texts, sheets, text, zip_entries,
};
use common::{bin, input_error, json_of};

fn fixture(name: &str) -> PathBuf {
    common::data(&format!("xlsx/{name}"))
}

fn report_cmd(lang: &str) -> assert_cmd::Command {
    let mut c = bin();
    c.args(["--lang", lang, "report", "--checks"])
        .arg(fixture("checks.csv"))
        .arg("--csp")
        .arg(fixture("csp.txt"))
        .args(["--as-of", "2026-04-01"]);
    c
}

/// Writes the workbook into `dir` and returns its path.
fn write_xlsx(lang: &str, dir: &Path) -> PathBuf {
    let path = dir.join("gap.xlsx");
    let out = report_cmd(lang).arg("-o").arg(&path).output().unwrap();
    // the fixture has an unresolved reference: a warning, not a failure
    assert!(
        out.status.success(),
        "status {:?}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "a workbook is not written to stdout");
    path
}

/// The row of `range` (from 1) whose first cell is `id`.
fn item_row(range: &Range<Data>, id: &str) -> Vec<String> {
    let rows: Vec<Vec<String>> = (1..range.height())
        .map(|r| row_texts(range, r))
        .filter(|r| r[0] == id)
        .collect();
    assert_eq!(rows.len(), 1, "one row for {id}");
    rows.into_iter().next().unwrap()
}

const FORMULA_TITLE: &str = r#"=HYPERLINK("http://evil.example","click")"#;

#[test]
fn japanese_workbook_cell_by_cell() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_xlsx("ja", dir.path());
    let (names, ranges) = sheets(&path);
    assert_eq!(names, ["概要", "ギャップ", "統制目標"]);

    // --- gaps sheet: header, then one row per item in the report's order
    let gaps = &ranges[1];
    assert_eq!(gaps.start(), Some((0, 0)));
    let header = row_texts(gaps, 0);
    assert_eq!(
        header,
        [
            "項番",
            "確認項目",
            "判定",
            "リスク",
            "求める確認水準",
            "参照",
            "対応する統制目標・詳細管理策",
            "実施",
            "不足(記載なし・未実施・計画中)",
            "非該当(理由)",
            "別添で確認",
            "未解決の参照",
            "理由コード",
            "追加手続",
            "備考",
            "行",
            "owner",
            "追加手続の要否",
            "レビューコメント",
        ]
    );
    let json = json_of(report_cmd("ja").args(["--format", "json"]));
    let json_ids: Vec<&str> = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    let sheet_ids: Vec<String> = (1..gaps.height()).map(|r| text(gaps, r, 0)).collect();
    assert_eq!(
        sheet_ids, json_ids,
        "one row per item, in the report's order"
    );
    assert_eq!(sheet_ids.len(), 7);

    let want = [
        ("X01", "充足"),
        ("X02", "保証水準不足"),
        ("X03", "一部充足"),
        ("X04", "未充足"),
        ("X05", "ISMAP対象外"),
        ("X06", "充足"),
        ("X07", "判定不能"),
    ];
    for (id, status) in want {
        let row = item_row(gaps, id);
        assert_eq!(row[2], status, "{id}");
        // the carried-through column and the empty reviewer columns
        assert!(!row[16].is_empty(), "{id} owner");
        assert_eq!(row[17], "", "{id} decision");
        assert_eq!(row[18], "", "{id} comment");
    }
    let x03 = item_row(gaps, "X03");
    assert_eq!(x03[1], "利用者アクセスの管理");
    assert_eq!(x03[3], "高");
    assert_eq!(x03[5], "9.2.1, 9.4.1");
    assert_eq!(x03[7], "9.2.1");
    // what the list says of each missing id: absent from it, not "not implemented"
    assert_eq!(x03[8], "9.4.1 (記載なし)");
    assert_eq!(x03[12], "not-listed, list-incomplete");
    assert_eq!(x03[16], "情報システム部");
    assert!(x03[13].starts_with('・'), "procedures: {}", x03[13]);
    let x07 = item_row(gaps, "X07");
    assert_eq!(x07[11], "Z.Z.Z");

    // the input row is a number; the formula-like title is text, not a formula
    let (r06, _) = (1..gaps.height())
        .map(|r| (r, text(gaps, r, 0)))
        .find(|(_, id)| id == "X06")
        .unwrap();
    assert_eq!(
        gaps.get((r06, 1)),
        Some(&Data::String(FORMULA_TITLE.into()))
    );
    assert_eq!(gaps.get((r06, 15)), Some(&Data::Float(7.0)));
    assert_eq!(gaps.get((r06, 0)), Some(&Data::String("X06".into())));

    // --- summary sheet
    let summary = &ranges[0];
    assert_eq!(text(summary, 0, 0), "ISMAP ギャップレポート");
    let pairs: HashMap<String, String> = (0..summary.height())
        .map(|r| (text(summary, r, 0), text(summary, r, 1)))
        .collect();
    assert_eq!(pairs["CSP"], "csp.txt");
    assert_eq!(pairs["基準日"], "2026-04-01");
    assert_eq!(pairs["実施と記載された項目"], "5");
    assert_eq!(pairs["無視した語"], "0");
    assert_eq!(pairs["登録番号"], "—");
    assert_eq!(pairs["確認項目"], "checks.csv");
    assert_eq!(pairs["未解決の参照"], "1");
    assert_eq!(pairs["登録の有効性"], "未確認");
    assert_eq!(pairs["記載された必須の統制目標"], "5 / 147");
    assert!(pairs["充足の意味"].contains("採否は利用者が判断"));
    let warnings: Vec<String> = (0..summary.height())
        .filter(|r| text(summary, *r, 0) == "警告")
        .map(|r| text(summary, r, 1))
        .collect();
    assert!(
        warnings[0].starts_with("登録の有効性は確認していません"),
        "{warnings:?}"
    );
    assert!(
        warnings[1].starts_with(
            "CSPの一覧は不完全の可能性があります: 必須の統制目標147件のうち5件のみ記載"
        ),
        "{warnings:?}"
    );
    assert!(
        pairs["警告"].starts_with("解決できない参照が1件"),
        "{}",
        pairs["警告"]
    );
    let counts: HashMap<String, &Data> = (0..summary.height())
        .filter_map(|r| Some((text(summary, r, 0), summary.get((r, 1))?)))
        .collect();
    for (label, n) in [
        ("充足", 2.0),
        ("保証水準不足", 1.0),
        ("一部充足", 1.0),
        ("未充足", 1.0),
        ("ISMAP対象外", 1.0),
        ("判定不能", 1.0),
        ("合計", 7.0),
    ] {
        assert_eq!(counts[label], &Data::Float(n), "{label}");
    }
    assert_eq!(counts["充足率"], &Data::Float(0.2857));

    // --- objectives sheet
    let objectives = &ranges[2];
    assert_eq!(
        row_texts(objectives, 0),
        ["番号", "区分", "名称", "CSPの記載", "理由"]
    );
    let objective_ids: Vec<String> = (1..objectives.height())
        .map(|r| text(objectives, r, 0))
        .collect();
    assert_eq!(
        objective_ids.len(),
        json["objectives"].as_array().unwrap().len()
    );
    let state = |id: &str| {
        let r = objective_ids.iter().position(|o| o == id).unwrap() + 1;
        (text(objectives, r, 1), text(objectives, r, 3))
    };
    assert_eq!(state("9.2.1"), ("管理策基準".into(), "実施".into()));
    assert_eq!(state("11.1.1").1, "記載なし");

    // --- what calamine does not read
    let xml = zip_entries(&path);
    let sheet2 = &xml["xl/worksheets/sheet2.xml"];
    assert!(sheet2.contains("<dataValidation "), "{sheet2}");
    assert!(
        sheet2.contains(r#"<formula1>"要,不要,検討中"</formula1>"#),
        "{sheet2}"
    );
    assert!(
        sheet2.contains(r#"<pane xSplit="2" ySplit="1""#),
        "{sheet2}"
    );
    assert!(sheet2.contains(r#"<autoFilter ref="A1:S8"/>"#), "{sheet2}");
    assert!(!sheet2.contains("<f>"), "no formulas on the gap sheet");
    let chart = &xml["xl/charts/chart1.xml"];
    // the chart reads the status labels and counts of the summary table
    assert!(chart.contains("<c:f>概要!$A$"), "{chart}");
    assert!(chart.contains("<c:f>概要!$B$"), "{chart}");
    assert!(xml["xl/worksheets/sheet3.xml"].contains("<autoFilter "));
    assert!(
        xml["docProps/core.xml"].contains("2026-04-01T00:00:00Z"),
        "{}",
        xml["docProps/core.xml"]
    );
}

#[test]
fn gap_sheet_cells_look_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_xlsx("ja", dir.path());
    let (_, ranges) = sheets(&path);
    let gaps = &ranges[1];
    let xml = zip_entries(&path);
    let looks = cell_looks(&xml["xl/styles.xml"]);
    let styles = cell_styles(&xml["xl/worksheets/sheet2.xml"]);
    let columns = column_styles(&xml["xl/worksheets/sheet2.xml"]);
    // every cell of the table has its look: its own style, or (a blank cell, which is not
    // written) its column's
    let look = |r: usize, c: usize| {
        let style = styles.get(&cell_ref(r, c)).or(columns.get(&c));
        &looks[*style.unwrap_or_else(|| panic!("no style for {}", cell_ref(r, c)))]
    };
    let (width, height) = (19, 8);
    assert_eq!((gaps.width(), gaps.height()), (width, height));
    for c in 0..width {
        let header = look(0, c);
        assert!(
            header.bold && header.boxed && header.wrap && header.top,
            "{c}: {header:?}"
        );
        assert_eq!(header.fill.as_deref(), Some("FFD9D9D9"), "header {c}");
    }
    let status_fill = |status: &str| match status {
        "充足" => "FFC6EFCE",
        "一部充足" => "FFFFEB9C",
        "保証水準不足" => "FFFCE4D6",
        "判定不能" => "FFE7E6E6",
        "未充足" => "FFFFC7CE",
        "ISMAP対象外" => "FFD9D2E9",
        other => panic!("status {other}"),
    };
    for r in 1..height {
        for c in 0..width {
            let l = look(r, c);
            let at = cell_ref(r, c);
            assert!(l.boxed && !l.bold, "{at}: {l:?}");
            match c {
                // the status cell is filled by the status's colour
                2 => assert_eq!(
                    l.fill.as_deref(),
                    Some(status_fill(&text(gaps, r, 2))),
                    "{at}"
                ),
                // the input row number: a plain boxed number
                15 => assert!(l.fill.is_none() && !l.wrap && !l.top, "{at}: {l:?}"),
                // the reviewer's columns: filled, blank
                17 | 18 => {
                    assert_eq!(l.fill.as_deref(), Some("FFDDEBF7"), "{at}");
                    assert!(l.wrap && l.top, "{at}: {l:?}");
                    assert_eq!(text(gaps, r, c), "", "{at}");
                }
                _ => assert!(l.fill.is_none() && l.wrap && l.top, "{at}: {l:?}"),
            }
        }
    }
    // the look is set once per column (every column of the table has one), never per row
    let sheet2 = &xml["xl/worksheets/sheet2.xml"];
    assert_eq!(columns.len(), width, "{columns:?}");
    assert!(!sheet2.contains("customFormat"), "{sheet2}");
}

#[test]
fn english_labels() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_xlsx("en", dir.path());
    let (names, ranges) = sheets(&path);
    assert_eq!(names, ["Summary", "Gaps", "Objectives"]);
    let gaps = &ranges[1];
    let header = row_texts(gaps, 0);
    assert_eq!(&header[..3], ["id", "title", "status"]);
    assert_eq!(
        &header[16..],
        ["owner", "Additional procedure needed?", "Reviewer comment"]
    );
    for (id, status) in [
        ("X01", "covered"),
        ("X02", "assurance-gap"),
        ("X03", "partial"),
        ("X04", "not-covered"),
        ("X05", "outside-ismap"),
        ("X06", "covered"),
    ] {
        assert_eq!(item_row(gaps, id)[2], status, "{id}");
    }
    assert_eq!(item_row(gaps, "X06")[1], FORMULA_TITLE);
    let summary = &ranges[0];
    assert_eq!(text(summary, 0, 0), "ISMAP gap report");
    let labels: Vec<String> = (0..summary.height()).map(|r| text(summary, r, 0)).collect();
    for label in [
        "CSP",
        "As of",
        "Warning",
        "Status",
        "covered",
        "Total",
        "Share covered",
    ] {
        assert!(labels.iter().any(|l| l == label), "{label} in {labels:?}");
    }
    assert_eq!(
        row_texts(&ranges[2], 0),
        ["id", "layer", "title", "state", "reason"]
    );
    let sheet2 = &zip_entries(&path)["xl/worksheets/sheet2.xml"];
    assert!(
        sheet2.contains(r#"<formula1>"needed,not needed,under review"</formula1>"#),
        "{sheet2}"
    );
}

#[test]
fn same_input_gives_the_same_bytes() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let first = std::fs::read(write_xlsx("ja", a.path())).unwrap();
    // a creation time taken from the clock would differ after a second
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let second = std::fs::read(write_xlsx("ja", b.path())).unwrap();
    assert!(first == second, "the workbook differs between runs");
}

#[test]
fn xlsx_without_output_file_is_an_input_error() {
    let stderr = input_error(report_cmd("en").args(["--format", "xlsx"]));
    assert!(stderr.contains("xlsx output needs a file"), "{stderr}");
}
