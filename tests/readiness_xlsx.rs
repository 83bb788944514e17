//! `ismap-gap readiness -o r.xlsx`: the workbook read back cell by cell (calamine) and as
//! raw XML (zip) for what calamine does not read: the chart, panes, filters, properties.
mod common;

use std::path::{Path, PathBuf};

use calamine::{Data, Range};
use common::xlsx::{assert_rows_once_in_order, row_texts, sheets, text, zip_entries};
use common::{bin, data};

/// Runs `readiness` on `list` into `dir/r.xlsx` (format from the extension only).
fn write_xlsx(lang: &str, list: &Path, dir: &Path) -> PathBuf {
    let path = dir.join("r.xlsx");
    let out = bin()
        .args(["--lang", lang, "readiness", "--implemented"])
        .arg(list)
        .arg("-o")
        .arg(&path)
        .output()
        .unwrap();
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

fn soa_xlsx(lang: &str, dir: &Path) -> PathBuf {
    write_xlsx(lang, &data("readiness/soa.csv"), dir)
}

/// The one row (from 1) whose first cell is `id`.
fn item_row(range: &Range<Data>, id: &str) -> Vec<String> {
    let rows: Vec<Vec<String>> = (1..range.height())
        .map(|r| row_texts(range, r))
        .filter(|r| r[0] == id)
        .collect();
    assert_eq!(rows.len(), 1, "one row for {id}");
    rows.into_iter().next().unwrap()
}

/// The indices of the rows whose first cell is `label`.
fn rows_of(range: &Range<Data>, label: &str) -> Vec<usize> {
    (0..range.height())
        .filter(|r| text(range, *r, 0) == label)
        .collect()
}

/// The index of the one row whose first cell is `label`.
fn row_of(range: &Range<Data>, label: &str) -> usize {
    let rows = rows_of(range, label);
    assert_eq!(rows.len(), 1, "one row labelled {label}");
    rows[0]
}

/// Cells 1.. of a row of the summary's per-group table, as read back.
fn numbers(range: &Range<Data>, row: usize) -> Vec<Data> {
    (1..11)
        .map(|c| range.get((row, c)).cloned().unwrap_or(Data::Empty))
        .collect()
}

fn floats(xs: [f64; 10]) -> Vec<Data> {
    xs.into_iter().map(Data::Float).collect()
}

const ITEM_HEADERS_JA: [&str; 10] = [
    "管理策番号",
    "区分",
    "名称",
    "必須",
    "実施状況",
    "記載元",
    "理由",
    "証跡",
    "担当",
    "指摘",
];

#[test]
fn japanese_workbook_cell_by_cell() {
    let dir = tempfile::tempdir().unwrap();
    let path = soa_xlsx("ja", dir.path());
    assert!(std::fs::read(&path).unwrap().starts_with(b"PK"), "a zip");
    let (names, ranges) = sheets(&path);
    assert_eq!(names, ["概要", "適用宣言書", "指摘事項"]);

    // --- summary: sources, readiness as a number, the note in full
    let summary = &ranges[0];
    assert_eq!(text(summary, 0, 0), "ISMAP 内部監査前の準備状況");
    assert_eq!(text(summary, row_of(summary, "管理策一覧"), 1), "soa.csv");
    assert!(!text(summary, row_of(summary, "カタログ"), 1).is_empty());
    assert_eq!(
        summary.get((row_of(summary, "準備率"), 1)),
        Some(&Data::Float(0.0304))
    );
    let notes = rows_of(summary, "注意");
    assert_eq!(
        notes.len(),
        2,
        "catalog incomplete, basic details not stated"
    );
    let note = text(summary, notes[0], 1);
    assert!(
        note.starts_with("このカタログの詳細管理策は35件のみです"),
        "{note}"
    );
    assert!(note.contains("ismap-gap catalog import"), "{note}");
    assert!(text(summary, notes[1], 1).contains("9.2.3.11.PB"));

    // --- the per-group table: numbers, one row per group, then the total
    let header = row_of(summary, "区分");
    assert_eq!(
        row_texts(summary, header)[..11],
        [
            "区分",
            "必須",
            "実施",
            "非該当(理由あり)",
            "非該当(理由なし)",
            "計画中",
            "不足(記載なし・未実施)",
            "継承元の登録が無効・未確認",
            "継承元の言明範囲外",
            "証跡なし",
            "準備率"
        ]
    );
    let governance = row_of(summary, "ガバナンス基準");
    assert_eq!(governance, header + 1);
    // 5 objectives and 18 items; 3.1.2 and its three items implemented
    assert_eq!(
        numbers(summary, governance),
        floats([23.0, 4.0, 0.0, 0.0, 0.0, 19.0, 0.0, 0.0, 0.0, 0.1739])
    );
    assert_eq!(text(summary, header + 2, 0), "マネジメント基準");
    assert_eq!(
        text(summary, header + 3, 0),
        "5 情報セキュリティのための方針群"
    );
    let total = row_of(summary, "合計");
    assert_eq!(total, header + 17, "16 groups: 2 layers and clauses 5-18");
    assert_eq!(text(summary, total - 1, 0), "18 順守");
    assert_eq!(
        numbers(summary, total),
        floats([230.0, 6.0, 1.0, 1.0, 1.0, 221.0, 0.0, 0.0, 1.0, 0.0304])
    );

    // --- statement of applicability: every required item and the listed detail
    let soa = &ranges[1];
    assert_eq!(soa.start(), Some((0, 0)));
    assert_eq!(row_texts(soa, 0), ITEM_HEADERS_JA);
    // (and 9.2.1.6.PB, the basic detail of 9.2.1 the list omits: it states a detail,
    // review 15 A-10)
    assert_eq!(soa.height(), 1 + 229 + 1 + 1);
    let r313 = item_row(soa, "3.1.3");
    // the group in words in a Japanese workbook (the JSON keeps the key)
    assert_eq!(r313[1], "ガバナンス基準");
    assert_eq!(r313[3], "必須");
    assert_eq!(r313[4], "非該当");
    assert_eq!(r313[5], "");
    assert_eq!(r313[6], "当社には該当しない");
    assert_eq!(r313[8], "経営企画部");
    assert_eq!(r313[9], "除外不可");
    let r921 = item_row(soa, "9.2.1");
    assert_eq!(r921[4], "実施");
    assert_eq!(r921[7], "ACC-010 アカウント管理手順");
    assert_eq!(r921[8], "情報システム部");
    assert_eq!(r921[9], "");
    let detail = item_row(soa, "9.2.1.2");
    assert_eq!(
        (&*detail[3], &*detail[4], &*detail[7]),
        ("任意", "実施", "ACC-011")
    );
    assert_eq!(item_row(soa, "6.2.1")[9], "非該当の理由なし");
    assert_eq!(item_row(soa, "7.1.1")[4], "計画中");
    // not listed: no status (the list states nothing), the finding says it is not listed
    // (記載なし is not 未実施: review 7 B-rd-2)
    let r512 = item_row(soa, "5.1.2");
    assert_eq!(
        (&*r512[4], &*r512[5], &*r512[9]),
        ("", "", "記載なし(必須)")
    );
    // an item whose state is its objective's: that state, and where it comes from, so
    // that the rows add up to the counts (review 7 B-rd-1)
    let r3121 = item_row(soa, "3.1.2.1");
    assert_eq!((&*r3121[4], &*r3121[5]), ("実施", "3.1.2 の記載による"));

    // --- findings: only the items with one
    let findings = &ranges[2];
    assert_eq!(row_texts(findings, 0), ITEM_HEADERS_JA);
    // all but 3.1.2 and its three items, 6.2.2, 9.2.1 and 9.2.1.2
    assert_eq!(findings.height(), 1 + 224);
    for r in 1..findings.height() {
        assert!(!text(findings, r, 9).is_empty(), "row {r} has a finding");
    }
    assert_eq!(item_row(findings, "3.1.3")[9], "除外不可");
    assert_eq!(item_row(findings, "5.1.1")[9], "証跡なし");
    let ids: Vec<String> = (1..findings.height())
        .map(|r| text(findings, r, 0))
        .collect();
    for ready in ["3.1.2", "3.1.2.1", "6.2.2", "9.2.1", "9.2.1.2"] {
        assert!(!ids.iter().any(|id| id == ready), "{ready} has no finding");
    }

    // --- what calamine does not read
    let xml = zip_entries(&path);
    let chart = &xml["xl/charts/chart1.xml"];
    assert!(chart.contains(r#"<c:grouping val="stacked"/>"#), "{chart}");
    // categories: the group labels; seven series named by the table's headers (the states
    // a required item can be in, 継承元の登録が無効 and 継承元の言明範囲外 too)
    assert!(chart.contains("<c:f>概要!$A$"), "{chart}");
    assert_eq!(chart.matches("<c:ser>").count(), 7, "{chart}");
    for col in ["C", "D", "E", "F", "G", "H", "I"] {
        assert!(
            chart.contains(&format!("<c:f>概要!${col}$")),
            "{col}: {chart}"
        );
    }
    let sheet2 = &xml["xl/worksheets/sheet2.xml"];
    assert!(
        sheet2.contains(r#"<autoFilter ref="A1:J232"/>"#),
        "{sheet2}"
    );
    assert!(
        sheet2.contains(r#"<pane xSplit="1" ySplit="1""#),
        "{sheet2}"
    );
    assert!(xml["xl/worksheets/sheet3.xml"].contains(r#"<autoFilter ref="A1:J225"/>"#));
    for sheet in ["sheet1", "sheet2", "sheet3"] {
        assert!(
            !xml[&format!("xl/worksheets/{sheet}.xml")].contains("<f>"),
            "no formulas on {sheet}"
        );
    }
    let core = &xml["docProps/core.xml"];
    assert!(core.contains("2000-01-01T00:00:00Z"), "{core}");
    assert!(core.contains("ISMAP 内部監査前の準備状況"), "{core}");
}

#[test]
fn english_labels() {
    let dir = tempfile::tempdir().unwrap();
    let path = soa_xlsx("en", dir.path());
    let (names, ranges) = sheets(&path);
    assert_eq!(names, ["Summary", "Statement of applicability", "Findings"]);
    let summary = &ranges[0];
    assert_eq!(text(summary, 0, 0), "ISMAP readiness");
    assert_eq!(text(summary, row_of(summary, "Control list"), 1), "soa.csv");
    assert_eq!(
        summary.get((row_of(summary, "Readiness"), 1)),
        Some(&Data::Float(0.0304))
    );
    assert!(text(summary, rows_of(summary, "NOTE")[0], 1).contains("catalog import"));
    let header = row_of(summary, "group");
    assert_eq!(
        row_texts(summary, header)[1..3],
        ["required", "implemented"]
    );
    assert_eq!(
        numbers(summary, row_of(summary, "governance")),
        floats([23.0, 4.0, 0.0, 0.0, 0.0, 19.0, 0.0, 0.0, 0.0, 0.1739])
    );
    assert_eq!(
        numbers(summary, row_of(summary, "total"))[0],
        Data::Float(230.0)
    );
    assert!(text(summary, header + 3, 0).starts_with("5 "), "clause 5");

    let soa = &ranges[1];
    assert_eq!(
        row_texts(soa, 0),
        [
            "id",
            "group",
            "title",
            "required",
            "status",
            "stated by",
            "reason",
            "evidence",
            "owner",
            "findings"
        ]
    );
    let r313 = item_row(soa, "3.1.3");
    assert_eq!(r313[3], "mandatory");
    assert_eq!(r313[4], "not applicable");
    assert_eq!(r313[9], "cannot be excluded");
    assert_eq!(item_row(soa, "9.2.1.2")[3], "optional");
    assert_eq!(
        item_row(&ranges[2], "6.2.1")[9],
        "excluded without a reason"
    );
    let chart = &zip_entries(&path)["xl/charts/chart1.xml"];
    assert!(chart.contains("<c:f>Summary!$A$"), "{chart}");
}

#[test]
fn input_text_is_written_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("soa.csv");
    std::fs::write(
        &list,
        "id,status,reason,evidence,owner\n\
         3.1.2,implemented,,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",+cmd\n\
         6.2.2,not applicable,=1+1,,@owner\n",
    )
    .unwrap();
    let path = write_xlsx("en", &list, dir.path());
    let (_, ranges) = sheets(&path);
    let soa = &ranges[1];
    let row = (1..soa.height())
        .find(|r| text(soa, *r, 0) == "3.1.2")
        .unwrap();
    assert_eq!(
        soa.get((row, 7)),
        Some(&Data::String(
            r#"=HYPERLINK("http://evil.example","x")"#.into()
        ))
    );
    assert_eq!(soa.get((row, 8)), Some(&Data::String("+cmd".into())));
    let r622 = item_row(soa, "6.2.2");
    assert_eq!((&*r622[6], &*r622[8]), ("=1+1", "@owner"));
    let xml = zip_entries(&path);
    assert!(!xml["xl/worksheets/sheet2.xml"].contains("<f>"));
}

#[test]
fn same_input_gives_the_same_bytes() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let first = std::fs::read(soa_xlsx("ja", a.path())).unwrap();
    // a creation time taken from the clock would differ after a second
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let second = std::fs::read(soa_xlsx("ja", b.path())).unwrap();
    assert!(first == second, "the workbook differs between runs");
}

#[test]
fn the_format_follows_the_extension_or_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    // -o r.xlsx alone is an xlsx workbook (the other tests rely on it too) ...
    let inferred = std::fs::read(soa_xlsx("en", dir.path())).unwrap();
    // ... the same as --format xlsx into a file with another name
    let named = dir.path().join("readiness.out");
    bin()
        .args([
            "--lang",
            "en",
            "readiness",
            "--format",
            "xlsx",
            "--implemented",
        ])
        .arg(data("readiness/soa.csv"))
        .arg("-o")
        .arg(&named)
        .assert()
        .success();
    assert!(inferred == std::fs::read(&named).unwrap());
    // and never to a terminal
    let err = common::input_error(
        bin()
            .args(["readiness", "--format", "xlsx", "--implemented"])
            .arg(data("readiness/soa.csv")),
    );
    assert!(err.contains("xlsx output needs a file"), "{err}");
}
