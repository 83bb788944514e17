//! `ismap-gap compare -o cmp.xlsx`: the workbook read back cell by cell (calamine) and as
//! raw XML (zip) for what calamine does not read: fills, frozen panes, the chart.
mod common;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use calamine::{Data, Range};
use common::xlsx::{
    assert_rows_once_in_order, cell_ref, cell_styles, row_texts, sheets, style_fills, text,
    zip_entries,
};
use common::{data, on_checks};
use serde_json::Value;

/// The three fixture CSPs, given worst first: the workbook must rank them.
const CSPS: [&str; 3] = [
    "compare/gamma.txt",
    "compare/beta.yaml",
    "compare/alpha.yaml",
];
const RANKED: [&str; 3] = ["Alpha SaaS", "Beta SaaS", "gamma.txt"];
const STATUSES: [&str; 8] = [
    "covered",
    "assurance-gap",
    "partial",
    "not-covered",
    "outside-ismap",
    "unmapped",
    "not-analysed",
    "not-asked",
];

fn compare_cmd(lang: &str) -> assert_cmd::Command {
    let mut c = on_checks(lang, "compare", data("checks-all-statuses.csv"));
    for f in CSPS {
        c.arg("--csp").arg(data(f));
    }
    c
}

fn run_ok(mut c: assert_cmd::Command) -> Vec<u8> {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "status {:?}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Runs `cmd -o dir/name` and returns the workbook's path.
fn write_xlsx(mut cmd: assert_cmd::Command, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    cmd.arg("-o").arg(&path);
    let stdout = run_ok(cmd);
    assert!(stdout.is_empty(), "a workbook is not written to stdout");
    assert_rows_once_in_order(&path);
    path
}

fn json(lang: &str) -> Value {
    let mut c = compare_cmd(lang);
    c.args(["--format", "json"]);
    serde_json::from_slice(&run_ok(c)).unwrap()
}

fn all_rows(range: &Range<Data>) -> Vec<Vec<String>> {
    (0..range.height()).map(|r| row_texts(range, r)).collect()
}

/// The row (from 0) whose first cell is `label`.
fn row_of(range: &Range<Data>, label: &str) -> usize {
    (0..range.height())
        .find(|r| text(range, *r, 0) == label)
        .unwrap_or_else(|| panic!("no row {label:?} in {:?}", all_rows(range)))
}

/// The gap sheet `report` writes for one CSP, as text rows.
fn report_gap_sheet(lang: &str, csp: &str, dir: &Path) -> Vec<Vec<String>> {
    let mut c = on_checks(lang, "report", data("checks-all-statuses.csv"));
    c.arg("--csp").arg(data(csp));
    let path = write_xlsx(c, dir, &format!("report-{}.xlsx", csp.replace('/', "-")));
    let (names, ranges) = sheets(&path);
    let gaps = lang_pick(lang, "ギャップ", "Gaps");
    let i = names.iter().position(|n| n == gaps).unwrap();
    all_rows(&ranges[i])
}

fn lang_pick<'a>(lang: &str, ja: &'a str, en: &'a str) -> &'a str {
    if lang == "ja" {
        ja
    } else {
        en
    }
}

#[test]
fn english_workbook_cell_by_cell() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_xlsx(compare_cmd("en"), dir.path(), "cmp.xlsx");
    let json = json("en");
    let (names, ranges) = sheets(&path);
    assert_eq!(
        names,
        [
            "Summary",
            "Matrix",
            "1 Alpha SaaS",
            "2 Beta SaaS",
            "3 gamma.txt"
        ]
    );

    // --- summary: sources, then the per-CSP table in rank order, numbers as numbers
    let summary = &ranges[0];
    assert_eq!(text(summary, 0, 0), "ISMAP CSP comparison");
    let fact = |label: &str| text(summary, row_of(summary, label), 1);
    assert_eq!(fact("Check items"), "checks-all-statuses.csv");
    assert_eq!(fact("As of"), "2026-04-01");
    assert!(fact("Catalog").starts_with("ISMAP"), "{}", fact("Catalog"));
    assert_eq!(
        summary.get((row_of(summary, "CSPs"), 1)),
        Some(&Data::Float(3.0))
    );
    assert_eq!(
        fact("Per-CSP sheets"),
        "one gap sheet per CSP, in rank order"
    );
    let header = row_of(summary, "rank");
    let mut want_header = vec!["rank", "CSP", "share covered"];
    want_header.extend(STATUSES);
    want_header.push("runs on");
    want_header.push("registration");
    want_header.push("tier");
    assert_eq!(row_texts(summary, header), want_header);
    assert_eq!(
        fact("Ranking"),
        "by tier, 1 valid, no warnings > 2 valid, with warnings > 3 validity not checked > 4 lapsed or not yet valid; within a tier, by share covered"
    );
    // every CSP's warnings, named: none of the fixtures gives a renewal deadline
    let warnings: Vec<String> = (0..summary.height())
        .filter(|r| text(summary, *r, 0) == "Warning")
        .map(|r| text(summary, r, 1))
        .collect();
    for name in RANKED {
        assert!(
            warnings.contains(&format!("{name}: Registration validity not checked ({name} gives no renewal deadline): check its entry and renewal deadline on the ISMAP cloud service list")),
            "{warnings:?}"
        );
        assert!(
            warnings
                .iter()
                .any(|w| w.starts_with(&format!("{name}: The CSP list looks incomplete"))),
            "{warnings:?}"
        );
    }
    assert_eq!(
        summary.height(),
        header + 4,
        "one row per CSP, nothing after"
    );
    let csps = json["csps"].as_array().unwrap();
    for (i, csp) in csps.iter().enumerate() {
        let r = header + 1 + i;
        assert_eq!(csp["name"], RANKED[i]);
        assert_eq!(summary.get((r, 0)), Some(&Data::Float((i + 1) as f64)));
        assert_eq!(text(summary, r, 1), RANKED[i]);
        assert_eq!(
            summary.get((r, 2)),
            Some(&Data::Float(csp["covered_share"].as_f64().unwrap())),
            "the share covered is a number"
        );
        let counts = &csp["counts"];
        for (k, key) in [
            "covered",
            "assurance_gap",
            "partial",
            "not_covered",
            "outside_ismap",
            "unmapped",
            "not_analysed",
            "not_asked",
        ]
        .iter()
        .enumerate()
        {
            let n = counts[key].as_u64().unwrap() as f64;
            assert_eq!(summary.get((r, 3 + k)), Some(&Data::Float(n)), "{key}");
        }
        assert_eq!(text(summary, r, 11), "", "no underlying service");
        assert_eq!(text(summary, r, 12), "not checked");
        assert_eq!(text(summary, r, 13), "3 validity not checked");
        assert_eq!(csp["registration"], "not-checked");
        assert_eq!(csp["tier"], "not-checked");
    }

    // --- matrix: one row per item, the statuses of the JSON output
    let matrix = &ranges[1];
    assert_eq!(
        row_texts(matrix, 0),
        [
            "id",
            "title",
            "Alpha SaaS\n(3 validity not checked)",
            "Beta SaaS\n(3 validity not checked)",
            "gamma.txt\n(3 validity not checked)"
        ]
    );
    let items = json["items"].as_array().unwrap();
    assert_eq!(items.len(), 15);
    assert_eq!(matrix.height(), items.len() + 1, "one row per item");
    for (i, item) in items.iter().enumerate() {
        let row = row_texts(matrix, i + 1);
        assert_eq!(row[0], item["id"].as_str().unwrap());
        assert_eq!(row[1], item["title"].as_str().unwrap());
        for (k, name) in RANKED.iter().enumerate() {
            // a covered status with reasons carries the mark
            let status = item["statuses"][name].as_str().unwrap();
            let noted =
                status == "covered" && !item["reasons"][name].as_array().unwrap().is_empty();
            // a not-covered or partial status says what the list states (not listed,
            // not implemented, planned, not applicable)
            let reasons: Vec<&str> = item["reasons"][name]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap())
                .collect();
            let mut stated: Vec<&str> = Vec::new();
            for (code, words) in [
                ("not-listed", "not listed"),
                ("not-implemented", "not implemented"),
                ("planned", "planned"),
                ("not-applicable", "not applicable"),
                ("not-applicable-without-reason", "not applicable"),
            ] {
                if reasons.contains(&code) && !stated.contains(&words) {
                    stated.push(words);
                }
            }
            // an assurance gap says why (review 23 B-4)
            let short: Vec<&str> = [
                ("ismap-liu", "ISMAP-LIU"),
                ("registration-kind-unstated", "kind not stated"),
                ("assurance-above-ismap", "above ISMAP"),
                ("design-only", "design only"),
                ("improvement-plan", "improvement plan"),
                ("subsequent-events", "subsequent events"),
            ]
            .into_iter()
            .filter(|(code, _)| reasons.contains(code))
            .map(|(_, words)| words)
            .collect();
            let want = if noted {
                format!("{status} *")
            } else if matches!(status, "not-covered" | "partial") && !stated.is_empty() {
                format!("{status} ({})", stated.join(", "))
            } else if status == "assurance-gap" && !short.is_empty() {
                format!("{status} ({})", short.join(", "))
            } else {
                status.to_owned()
            };
            assert_eq!(row[2 + k], want, "{} {name}", row[0]);
        }
    }
    // a formula-like title stays text
    let k10 = (1..matrix.height())
        .find(|r| text(matrix, *r, 0) == "K10")
        .unwrap();
    assert_eq!(
        matrix.get((k10, 1)),
        Some(&Data::String(
            r#"=HYPERLINK("http://evil.example","click")"#.into()
        ))
    );

    // --- per-CSP sheets: exactly the gap sheet `report` writes for that CSP
    for (i, csp) in [
        "compare/alpha.yaml",
        "compare/beta.yaml",
        "compare/gamma.txt",
    ]
    .iter()
    .enumerate()
    {
        let want = report_gap_sheet("en", csp, dir.path());
        let got = all_rows(&ranges[2 + i]);
        assert_eq!(got[0], want[0], "the header of {}", names[2 + i]);
        assert_eq!(got, want, "the gap sheet of {}", names[2 + i]);
    }
    assert_eq!(
        &all_rows(&ranges[2])[0][..4],
        ["id", "title", "risk", "status"],
        "the report's gap-sheet layout"
    );
}

#[test]
fn matrix_fills_frozen_panes_and_chart() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_xlsx(compare_cmd("en"), dir.path(), "cmp.xlsx");
    let (_, ranges) = sheets(&path);
    let matrix = &ranges[1];
    let xml = zip_entries(&path);
    let fills = style_fills(&xml["xl/styles.xml"]);
    let matrix_xml = &xml["xl/worksheets/sheet2.xml"];
    let styles = cell_styles(matrix_xml);

    // every status cell has one style per status, filled with the status's colour
    let mut style_of: HashMap<String, Vec<usize>> = HashMap::new();
    for r in 1..matrix.height() {
        for c in 2..matrix.width() {
            // the mark of a covered status with reasons does not change its fill
            // nor what the list states of a not-covered or partial one
            let cell = text(matrix, r, c);
            let status = cell
                .trim_end_matches(" *")
                .split(" (")
                .next()
                .unwrap()
                .to_owned();
            let style = styles[&cell_ref(r, c)];
            style_of.entry(status).or_default().push(style);
        }
        // id and title: no fill
        for c in 0..2 {
            assert_eq!(fills[styles[&cell_ref(r, c)]], None, "row {r} col {c}");
        }
    }
    let mut keys: Vec<&String> = style_of.keys().collect();
    keys.sort();
    assert_eq!(
        keys.len(),
        6,
        "the fixtures give every status but unmapped and not-asked: {keys:?}"
    );
    let want_fill = [
        ("covered", "FFC6EFCE"),
        ("assurance-gap", "FFFCE4D6"),
        ("partial", "FFFFEB9C"),
        ("not-covered", "FFFFC7CE"),
        ("outside-ismap", "FFD9D2E9"),
        ("not-analysed", "FFBFBFBF"),
    ];
    let mut one_style: HashMap<&str, usize> = HashMap::new();
    for (status, fill) in want_fill {
        let styles = &style_of[status];
        assert!(
            styles.iter().all(|s| *s == styles[0]),
            "{status}: one style, got {styles:?}"
        );
        assert_eq!(fills[styles[0]].as_deref(), Some(fill), "{status}");
        one_style.insert(status, styles[0]);
    }
    // every status looks different
    for (i, (a, _)) in want_fill.iter().enumerate() {
        for (b, _) in &want_fill[i + 1..] {
            assert_ne!(one_style[a], one_style[b], "{a} vs {b}");
        }
    }

    // frozen header row and first two columns, a filter over the whole matrix
    assert!(
        matrix_xml.contains(r#"<pane xSplit="2" ySplit="1" topLeftCell="C2" activePane="bottomRight" state="frozen"/>"#),
        "{matrix_xml}"
    );
    assert!(
        matrix_xml.contains(r#"<autoFilter ref="A1:E16"/>"#),
        "{matrix_xml}"
    );
    // widths are set for every column
    assert!(matrix_xml.contains("<cols>"), "{matrix_xml}");

    // the chart: clustered bars, a series per status, categories = the CSP names
    let chart = &xml["xl/charts/chart1.xml"];
    assert!(chart.contains(r#"<c:barDir val="bar"/>"#), "{chart}");
    assert!(
        chart.contains(r#"<c:grouping val="clustered"/>"#),
        "{chart}"
    );
    assert_eq!(chart.matches("<c:ser>").count(), STATUSES.len(), "{chart}");
    let summary = &ranges[0];
    let first = row_of(summary, "rank") + 2; // 1-based row of the first CSP
    let last = first + 2;
    assert!(
        chart.contains(&format!("<c:f>Summary!$B${first}:$B${last}</c:f>")),
        "{chart}"
    );
    for col in ['D', 'E', 'F', 'G', 'H'] {
        assert!(
            chart.contains(&format!("<c:f>Summary!${col}${first}:${col}${last}</c:f>")),
            "values of column {col}: {chart}"
        );
    }
    assert!(!xml.contains_key("xl/charts/chart2.xml"), "one chart");

    // input text is never a formula; the creation date is the as-of date
    for (name, content) in &xml {
        if name.starts_with("xl/worksheets/sheet") {
            assert!(!content.contains("<f>"), "a formula in {name}");
        }
    }
    assert!(
        xml["docProps/core.xml"].contains("2026-04-01T00:00:00Z"),
        "{}",
        xml["docProps/core.xml"]
    );
}

/// `n` generated profiles in `dir`, each with a different share covered.
fn profiles(dir: &Path, n: usize, name: impl Fn(usize) -> String) {
    let ids = ["9.2.1", "9.2.2", "9.2.3", "9.4.1", "11.1.1", "8.1.5.P"];
    for i in 0..n {
        let list = ids[..i % ids.len() + 1].join(", ");
        fs::write(
            dir.join(format!("csp-{i:02}.yaml")),
            format!("name: {:?}\nimplemented: [{list}]\n", name(i)),
        )
        .unwrap();
    }
}

fn compare_dir(lang: &str, dir: &Path) -> assert_cmd::Command {
    let mut c = on_checks(lang, "compare", data("checks-all-statuses.csv"));
    c.arg("--csp-dir").arg(dir);
    c
}

#[test]
fn beyond_twenty_csps_the_per_csp_sheets_are_left_out_and_the_workbook_says_why() {
    let csps = tempfile::tempdir().unwrap();
    profiles(csps.path(), 25, |i| format!("CSP {i:02}"));
    let out = tempfile::tempdir().unwrap();

    let path = write_xlsx(compare_dir("en", csps.path()), out.path(), "en.xlsx");
    let (names, ranges) = sheets(&path);
    assert_eq!(names, ["Summary", "Matrix"]);
    let summary = &ranges[0];
    let note = text(summary, row_of(summary, "Per-CSP sheets"), 1);
    for part in ["left out", "25 CSPs", "limit of 20", "ismap-gap report"] {
        assert!(note.contains(part), "{part} in {note}");
    }
    // the table and the matrix still hold every CSP
    let header = row_of(summary, "rank");
    assert_eq!(summary.height(), header + 26);
    assert_eq!(summary.get((header + 25, 0)), Some(&Data::Float(25.0)));
    assert_eq!(ranges[1].width(), 2 + 25);
    let xml = zip_entries(&path);
    let chart = &xml["xl/charts/chart1.xml"];
    let (first, last) = (header + 2, header + 26);
    assert!(
        chart.contains(&format!("<c:f>Summary!$B${first}:$B${last}</c:f>")),
        "{chart}"
    );

    let path = write_xlsx(compare_dir("ja", csps.path()), out.path(), "ja.xlsx");
    let (names, ranges) = sheets(&path);
    assert_eq!(names, ["概要", "比較表"]);
    let note = text(&ranges[0], row_of(&ranges[0], "CSP別シート"), 1);
    for part in ["省略", "25件", "20件", "ismap-gap report"] {
        assert!(note.contains(part), "{part} in {note}");
    }
}

#[test]
fn per_csp_sheet_names_are_safe_for_excel() {
    let csps = tempfile::tempdir().unwrap();
    profiles(csps.path(), 3, |i| match i {
        0 => "A/B: [test] *?".to_owned(),
        1 => "x".repeat(40),
        _ => "'quoted'".to_owned(),
    });
    let out = tempfile::tempdir().unwrap();
    let path = write_xlsx(compare_dir("en", csps.path()), out.path(), "names.xlsx");
    let (names, ranges) = sheets(&path);
    let mut c = compare_dir("en", csps.path());
    c.args(["--format", "json"]);
    let json: Value = serde_json::from_slice(&run_ok(c)).unwrap();
    let safe: HashMap<String, String> = [
        ("A/B: [test] *?".to_owned(), "A_B_ _test_ __".to_owned()),
        ("x".repeat(40), "x".repeat(29)),
        // a sheet name may not end with an apostrophe
        ("'quoted'".to_owned(), "'quoted".to_owned()),
    ]
    .into();
    let mut want = vec!["Summary".to_owned(), "Matrix".to_owned()];
    for (i, csp) in json["csps"].as_array().unwrap().iter().enumerate() {
        want.push(format!("{} {}", i + 1, safe[csp["name"].as_str().unwrap()]));
    }
    assert_eq!(names, want);
    assert!(names[2..].iter().all(|n| n.encode_utf16().count() <= 31));
    // the names themselves are kept as they are everywhere else
    assert!(
        row_texts(&ranges[1], 0)
            .iter()
            .any(|h| h.starts_with("A/B: [test] *?\n(")),
        "{:?}",
        row_texts(&ranges[1], 0)
    );
}

#[test]
fn japanese_sheet_names_and_labels() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_xlsx(compare_cmd("ja"), dir.path(), "ja.xlsx");
    let (names, ranges) = sheets(&path);
    assert_eq!(
        names,
        [
            "概要",
            "比較表",
            "1 Alpha SaaS",
            "2 Beta SaaS",
            "3 gamma.txt"
        ]
    );
    let summary = &ranges[0];
    assert_eq!(text(summary, 0, 0), "ISMAP CSP比較");
    assert_eq!(text(summary, row_of(summary, "基準日"), 1), "2026-04-01");
    let header = row_of(summary, "順位");
    assert_eq!(
        row_texts(summary, header),
        [
            "順位",
            "CSP",
            "充足率",
            "充足",
            "保証水準不足",
            "一部充足",
            "未充足",
            "ISMAP対象外",
            "参照未記入",
            "判定不能",
            "本件対象外",
            "基盤",
            "登録",
            "区分"
        ]
    );
    assert_eq!(text(summary, header + 1, 13), "3 有効性未確認");
    assert!(text(summary, row_of(summary, "順位の基準"), 1)
        .starts_with("区分 1 有効・警告なし > 2 有効・警告あり > 3 有効性未確認 > 4 失効・未発効"));
    let matrix = &ranges[1];
    assert_eq!(
        row_texts(matrix, 0),
        [
            "項番",
            "確認項目",
            "Alpha SaaS\n(3 有効性未確認)",
            "Beta SaaS\n(3 有効性未確認)",
            "gamma.txt\n(3 有効性未確認)"
        ]
    );
    let k01 = row_texts(matrix, 1);
    assert_eq!(k01[0], "K01");
    assert_eq!(k01[2], "充足");
    let want = report_gap_sheet("ja", "compare/alpha.yaml", dir.path());
    assert_eq!(all_rows(&ranges[2]), want);
    assert_eq!(want[0][3], "判定");
    let chart = &zip_entries(&path)["xl/charts/chart1.xml"];
    assert!(chart.contains("<c:f>概要!$B$"), "{chart}");
}

#[test]
fn same_input_gives_the_same_bytes() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let first = fs::read(write_xlsx(compare_cmd("ja"), a.path(), "cmp.xlsx")).unwrap();
    // a creation time taken from the clock would differ after a second
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let second = fs::read(write_xlsx(compare_cmd("ja"), b.path(), "cmp.xlsx")).unwrap();
    assert!(first == second, "the workbook differs between runs");
}

/// B-cmp-2: the matrix marks the status of an item covered on a CSP whose remark qualifies
/// it (`covered *`), not the same CSP's status without the remark, and the summary says
/// what the mark means.
#[test]
fn the_matrix_marks_a_covered_status_resting_on_a_remark() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = on_checks("en", "compare", data("compare/notes/checks.csv"));
    c.arg("--csp")
        .arg(data("compare/notes/remark.csv"))
        .arg("--csp")
        .arg(data("compare/notes/plain.csv"));
    let path = write_xlsx(c, dir.path(), "notes.xlsx");
    let (names, ranges) = sheets(&path);
    assert_eq!(&names[..2], ["Summary", "Matrix"]);
    let matrix = &ranges[1];
    let header = row_texts(matrix, 0);
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h.starts_with(&format!("{name}\n")))
            .unwrap()
    };
    let (rem, plain) = (col("remark.csv"), col("plain.csv"));
    assert_eq!(text(matrix, 1, 0), "N1");
    assert_eq!(text(matrix, 1, rem), "covered *");
    assert_eq!(text(matrix, 1, plain), "covered");
    assert_eq!(text(matrix, 2, rem), "covered");
    let summary = &ranges[0];
    let notes = text(summary, row_of(summary, "Notes"), 1);
    assert!(notes.starts_with("* = covered, with reasons"), "{notes}");
}
