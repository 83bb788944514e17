//! `ismap-gap report -o gap.xlsx`: the workbook read back cell by cell (calamine) and as
//! raw XML (zip) for what calamine does not read: validations, charts, properties.
mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use calamine::{Data, Range};
use common::xlsx::{
    assert_rows_once_in_order, attr, cell_looks, cell_ref, cell_styles, column_styles, row_texts,
    sheets, tags, text, zip_entries,
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
    assert_rows_once_in_order(&path);
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

/// The index of the column headed `name` in `header`.
fn col(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

/// The cell of `row` under the header `name`.
fn cell<'a>(header: &[String], row: &'a [String], name: &str) -> &'a str {
    &row[col(header, name)]
}

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
            // printed: the verdict, the procedures, the reviewer's columns, the gaps
            "項番",
            "確認項目",
            "リスク",
            "判定",
            "追加手続",
            "追加手続の要否",
            "レビューコメント",
            "不足(記載なし・未実施・計画中)",
            "非該当(理由)",
            "対応する統制目標・詳細管理策",
            // on screen
            "求める確認水準",
            "別添で確認",
            "未解決の参照",
            "実施",
            "参照",
            "理由",
            "備考",
            "owner",
            // the hidden group: codes and the input row
            "判定コード",
            "理由コード",
            "行",
        ]
    );
    // the reviewer's columns come right after the verdict and procedures, within the
    // first eight
    assert_eq!(col(&header, "追加手続の要否"), col(&header, "追加手続") + 1);
    assert_eq!(
        col(&header, "レビューコメント"),
        col(&header, "追加手続の要否") + 1
    );
    assert!(col(&header, "レビューコメント") < 8);
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
        ("X01", "充足", "covered"),
        ("X02", "保証水準不足", "assurance-gap"),
        ("X03", "一部充足", "partial"),
        ("X04", "未充足", "not-covered"),
        ("X05", "ISMAP対象外", "outside-ismap"),
        ("X06", "充足", "covered"),
        ("X07", "判定不能", "not-analysed"),
    ];
    for (id, status, code) in want {
        let row = item_row(gaps, id);
        assert_eq!(cell(&header, &row, "判定"), status, "{id}");
        assert_eq!(cell(&header, &row, "判定コード"), code, "{id}");
        // the carried-through column and the empty reviewer columns
        assert!(!cell(&header, &row, "owner").is_empty(), "{id} owner");
        assert_eq!(cell(&header, &row, "追加手続の要否"), "", "{id} decision");
        assert_eq!(cell(&header, &row, "レビューコメント"), "", "{id} comment");
    }
    let x03 = item_row(gaps, "X03");
    let at = |name: &str| cell(&header, &x03, name).to_owned();
    assert_eq!(at("確認項目"), "利用者アクセスの管理");
    assert_eq!(at("リスク"), "高");
    assert_eq!(at("参照"), "9.2.1, 9.4.1");
    assert_eq!(at("実施"), "9.2.1");
    // what the list says of each missing id: absent from it, not "not implemented"
    assert_eq!(at("不足(記載なし・未実施・計画中)"), "9.4.1 (記載なし)");
    // reasons in words for the reader, as codes for filters
    assert_eq!(at("理由"), "記載なし, 一覧が不完全の可能性");
    assert_eq!(at("理由コード"), "not-listed, list-incomplete");
    assert_eq!(at("owner"), "情報システム部");
    assert!(
        at("追加手続").starts_with('・'),
        "procedures: {}",
        at("追加手続")
    );
    let x07 = item_row(gaps, "X07");
    // the reference as written, with why it did not resolve
    assert_eq!(
        cell(&header, &x07, "未解決の参照"),
        "Z.Z.Z (参照として認識できません)"
    );

    // the input row is a number; the formula-like title is text, not a formula
    let (r06, _) = (1..gaps.height())
        .map(|r| (r, text(gaps, r, 0)))
        .find(|(_, id)| id == "X06")
        .unwrap();
    assert_eq!(
        gaps.get((r06, 1)),
        Some(&Data::String(FORMULA_TITLE.into()))
    );
    assert_eq!(gaps.get((r06, col(&header, "行"))), Some(&Data::Float(7.0)));
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
        warnings[1].starts_with("監査対象期間を確認していません"),
        "{warnings:?}"
    );
    assert!(
        warnings[2].starts_with(
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
    // the share in the 割合 column (review 17 D-1)
    assert_eq!(counts["充足率"], &Data::Empty, "not in the 件数 column");
    let share = (0..summary.height())
        .find(|r| text(summary, *r, 0) == "充足率")
        .and_then(|r| summary.get((r, 2)));
    assert_eq!(share, Some(&Data::Float(0.2857)));

    // --- objectives sheet
    let objectives = &ranges[2];
    assert_eq!(
        row_texts(objectives, 0),
        ["番号", "区分", "名称", "CSPの記載", "記載元", "理由"]
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
    assert!(sheet2.contains(r#"<autoFilter ref="A1:U8"/>"#), "{sheet2}");
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
    let header = row_texts(gaps, 0);
    let (width, height) = (21, 8);
    assert_eq!((gaps.width(), gaps.height()), (width, height));
    let (status_col, row_col) = (col(&header, "判定"), col(&header, "行"));
    let reviewer = [
        col(&header, "追加手続の要否"),
        col(&header, "レビューコメント"),
    ];
    for c in 0..width {
        let header_look = look(0, c);
        assert!(
            header_look.bold && header_look.boxed && header_look.wrap && header_look.top,
            "{c}: {header_look:?}"
        );
        // the reviewer's headers stand out in blue
        let fill = if reviewer.contains(&c) {
            "FFBDD7EE"
        } else {
            "FFD9D9D9"
        };
        assert_eq!(header_look.fill.as_deref(), Some(fill), "header {c}");
    }
    let status_fill = |status: &str| match status {
        "充足" => "FFC6EFCE",
        "一部充足" => "FFFFEB9C",
        "保証水準不足" => "FFFCE4D6",
        "判定不能" => "FFBFBFBF",
        "未充足" => "FFFFC7CE",
        "ISMAP対象外" => "FFD9D2E9",
        "参照未記入" => "FFDAEEF3",
        "本件対象外" => "FFF2F2F2",
        other => panic!("status {other}"),
    };
    for r in 1..height {
        for c in 0..width {
            let l = look(r, c);
            let at = cell_ref(r, c);
            assert!(l.boxed && !l.bold, "{at}: {l:?}");
            if c == status_col {
                // the status cell is filled by the status's colour
                assert_eq!(
                    l.fill.as_deref(),
                    Some(status_fill(&text(gaps, r, c))),
                    "{at}"
                );
            } else if c == row_col {
                // the input row number: a plain boxed number, at the top of the row
                assert!(l.fill.is_none() && !l.wrap && l.top, "{at}: {l:?}");
            } else if reviewer.contains(&c) {
                // the reviewer's columns: filled, blank
                assert_eq!(l.fill.as_deref(), Some("FFDDEBF7"), "{at}");
                assert!(l.wrap && l.top, "{at}: {l:?}");
                assert_eq!(text(gaps, r, c), "", "{at}");
            } else {
                assert!(l.fill.is_none() && l.wrap && l.top, "{at}: {l:?}");
            }
        }
    }
    // the look is set once per column (every column of the table has one), never per row
    let sheet2 = &xml["xl/worksheets/sheet2.xml"];
    assert_eq!(columns.len(), width, "{columns:?}");
    assert!(!sheet2.contains("customFormat"), "{sheet2}");
    let cols = tags(sheet2, "col");
    // the codes and the input row are in a group, hidden until opened
    let hidden: Vec<&str> = cols
        .iter()
        .filter(|c| attr(c, "hidden") == Some("1"))
        .map(|c| attr(c, "min").unwrap())
        .collect();
    assert_eq!(hidden, ["19", "20", "21"], "{cols:?}");
    assert!(cols
        .iter()
        .filter(|c| attr(c, "hidden") == Some("1"))
        .all(|c| attr(c, "outlineLevel") == Some("1")));
}

#[test]
fn english_labels() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_xlsx("en", dir.path());
    let (names, ranges) = sheets(&path);
    assert_eq!(names, ["Summary", "Gaps", "Objectives"]);
    let gaps = &ranges[1];
    let header = row_texts(gaps, 0);
    assert_eq!(
        &header[..7],
        [
            "id",
            "title",
            "risk",
            "status",
            "additional procedures",
            "Additional procedure needed?",
            "Reviewer comment"
        ]
    );
    assert_eq!(
        &header[15..],
        [
            "reasons (in words)",
            "note",
            "owner",
            "status code",
            "reasons",
            "row"
        ]
    );
    for (id, status) in [
        ("X01", "covered"),
        ("X02", "assurance-gap"),
        ("X03", "partial"),
        ("X04", "not-covered"),
        ("X05", "outside-ismap"),
        ("X06", "covered"),
    ] {
        assert_eq!(cell(&header, &item_row(gaps, id), "status"), status, "{id}");
    }
    let x03 = item_row(gaps, "X03");
    assert_eq!(
        cell(&header, &x03, "reasons (in words)"),
        "not listed, the list may be incomplete"
    );
    assert_eq!(
        cell(&header, &x03, "reasons"),
        "not-listed, list-incomplete"
    );
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
        ["id", "layer", "title", "state", "stated by", "reason"]
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

/// Every sheet prints A4 landscape, one page wide (the summary on one page), its header
/// row on every page, with a footer naming the sheet and "page / pages", and a print area:
/// the gap sheet's ends at the controls column (the details right of it are for the
/// screen). The summary's chart is where the sheet opens.
#[test]
fn sheets_are_set_up_for_printing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_xlsx("ja", dir.path());
    let xml = zip_entries(&path);
    let workbook = &xml["xl/workbook.xml"];
    for (sheet, area) in [
        ("概要", "$A$1:$K$"),
        ("ギャップ", "$A$1:$J$8"),
        ("統制目標", "$A$1:$F$"),
    ] {
        assert!(
            workbook.contains(r#"name="_xlnm.Print_Area""#)
                && workbook.contains(&format!("{sheet}!{area}")),
            "print area of {sheet}: {workbook}"
        );
    }
    assert!(workbook.contains("ギャップ!$1:$1"), "{workbook}");
    assert!(workbook.contains("統制目標!$1:$1"), "{workbook}");
    for n in 1..=3 {
        let sheet = &xml[&format!("xl/worksheets/sheet{n}.xml")];
        let setup = tags(sheet, "pageSetup");
        assert_eq!(setup.len(), 1, "sheet{n}");
        assert_eq!(attr(setup[0], "paperSize"), Some("9"), "A4: sheet{n}");
        assert_eq!(attr(setup[0], "orientation"), Some("landscape"), "sheet{n}");
        assert!(
            sheet.contains(r#"<pageSetUpPr fitToPage="1"/>"#),
            "sheet{n}"
        );
        // the summary on one page; the tables one page wide, as long as they need
        let tall = if n == 1 { None } else { Some("0") };
        assert_eq!(attr(setup[0], "fitToHeight"), tall, "sheet{n}");
        assert!(
            sheet.contains("&amp;C&amp;A&amp;R&amp;P / &amp;N</oddFooter>"),
            "footer of sheet{n}"
        );
    }
    // the chart sits beside the counts, at the top of the summary
    let drawing = &xml["xl/drawings/drawing1.xml"];
    assert!(
        drawing.contains(
            "<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row>"
        ),
        "{drawing}"
    );
    // a row with several lines of text is as tall as they need
    let gaps = &xml["xl/worksheets/sheet2.xml"];
    let tall_rows: Vec<&str> = tags(gaps, "row")
        .into_iter()
        .filter(|r| attr(r, "customHeight") == Some("1"))
        .collect();
    assert!(!tall_rows.is_empty(), "{gaps}");
    for r in tall_rows {
        let height: f64 = attr(r, "ht").unwrap().parse().unwrap();
        assert!(height > 15.0 && height <= 409.0, "{r}");
    }
}

/// In a Japanese workbook no visible cell holds a code or an English enum value: statuses,
/// reasons, layers, assurance, risk and decisions are in Japanese; the codes are only in
/// the hidden columns kept for filtering.
#[test]
fn japanese_workbooks_show_no_codes() {
    let dir = tempfile::tempdir().unwrap();
    no_codes_in(&write_xlsx("ja", dir.path()));
    // the readiness and comparison workbooks too
    let readiness = dir.path().join("readiness.xlsx");
    bin()
        .args(["--lang", "ja", "readiness", "--implemented"])
        .arg(common::example("soa.xlsx"))
        .arg("-o")
        .arg(&readiness)
        .assert()
        .success();
    no_codes_in(&readiness);
    let compare = dir.path().join("compare.xlsx");
    bin()
        .args([
            "--lang",
            "ja",
            "compare",
            "--as-of",
            "2026-04-01",
            "--checks",
        ])
        .arg(common::example("checks.csv"))
        .arg("--csp")
        .arg(common::example("saas-profile.yaml"))
        .arg("--csp")
        .arg(common::example("csp-list.txt"))
        .arg("-o")
        .arg(&compare)
        .assert()
        .success();
    no_codes_in(&compare);
}

/// No visible cell of the workbook holds a code or an English enum value.
fn no_codes_in(path: &Path) {
    let mut codes: Vec<&str> = vec![
        "covered",
        "assurance-gap",
        "partial",
        "not-covered",
        "outside-ismap",
        "not-analysed",
        "no-reference",
        "unresolved-reference",
        "not-listed",
        "not-implemented",
        "planned",
        "not-applicable",
        "not-applicable-without-reason",
        "list-incomplete",
        "detail-in-annex",
        "unverified-detail",
        "nist-approximate",
        "mapped-via-nist",
        "registration-lapsed",
        "assurance-above-ismap",
        "invalid-input",
        "governance",
        "management",
        "control",
        "implemented",
        "high",
        "medium",
        "low",
        "self",
        "soc2",
        "audit",
        "needed",
        "not needed",
        "under review",
        "valid",
        "lapsed",
    ];
    codes.sort_unstable();
    let (names, ranges) = sheets(path);
    for (name, range) in names.iter().zip(&ranges) {
        let header = row_texts(range, 0);
        let hidden: Vec<usize> = ["判定コード", "理由コード", "行"]
            .iter()
            .filter_map(|h| header.iter().position(|x| x == h))
            .collect();
        for r in 0..range.height() {
            for c in (0..range.width()).filter(|c| !hidden.contains(c)) {
                let t = text(range, r, c);
                for token in t.split([',', '\n']).map(str::trim) {
                    assert!(
                        codes.binary_search(&token).is_err(),
                        "{name} {}: '{token}' in '{t}'",
                        cell_ref(r, c)
                    );
                }
            }
        }
    }
}

/// Rows are made as tall as their text up to 10,000 items; a larger sheet leaves the
/// heights to the spreadsheet (its cells still wrap): the heights would cost a tenth of the
/// time of a 100,000-item workbook nobody prints.
#[test]
fn row_heights_up_to_ten_thousand_items() {
    let dir = tempfile::tempdir().unwrap();
    let checks = dir.path().join("many.csv");
    let mut csv = String::from("id,title,controls\n");
    for i in 0..10_001 {
        csv.push_str(&format!(
            "M{i},利用者アクセスの管理とその定期的な見直し,\"9.2.1, 9.4.1, 12.4.1\"\n"
        ));
    }
    std::fs::write(&checks, csv).unwrap();
    let heights = |checks: &Path| {
        let out = dir.path().join("many.xlsx");
        bin()
            .args(["report", "--as-of", "2026-04-01", "--checks"])
            .arg(checks)
            .arg("--csp")
            .arg(fixture("csp.txt"))
            .arg("-o")
            .arg(&out)
            .assert()
            .success();
        let sheet = zip_entries(&out)["xl/worksheets/sheet2.xml"].clone();
        tags(&sheet, "row")
            .iter()
            .filter(|r| attr(r, "customHeight") == Some("1"))
            .count()
    };
    // the header row's height (its headers wrap) is set whatever the size
    assert!(
        heights(&checks) <= 1,
        "no item row height above 10,000 items"
    );
    let few = dir.path().join("few.csv");
    let text = std::fs::read_to_string(&checks).unwrap();
    std::fs::write(&few, text.lines().take(4).collect::<Vec<_>>().join("\n")).unwrap();
    assert!(heights(&few) >= 3, "each of 3 items has its height");
}
