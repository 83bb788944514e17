//! Review 12 A-15 (structural note) and B-9 (fix14-mark): `report` marks a covered item
//! carrying notes to read `充足 ※` / `covered *` in every format, as `compare`'s matrix
//! does (the same rule), counts those apart in its summary, and keeps the status `covered`;
//! `compare`'s matrix says when a cell rests on a registration lapsed or not yet valid
//! (`一部充足（失効）`), which read exactly as on a valid one before.
mod common;

use std::path::{Path, PathBuf};

use calamine::{Data, Range};
use common::xlsx::{row_texts, sheets, text};
use common::{by_id, json_of, on_checks, stdout_of};

fn fixture(name: &str) -> PathBuf {
    common::data(&format!("fix14-mark/{name}"))
}

/// `report --checks checks.csv --csp CSP` (M1 covered on a remark on `remark.csv`, M2
/// covered bare, M3 partial, M4 not-covered) in `lang` and `format`.
fn report(lang: &str, csp: &str, format: &str) -> assert_cmd::Command {
    let mut c = on_checks(lang, "report", fixture("checks.csv"));
    c.arg("--csp").arg(fixture(csp)).args(["--format", format]);
    c
}

/// The line of `text` that starts the CSV row or table row of `id`.
fn line_of<'a>(text: &'a str, id: &str) -> &'a str {
    text.lines()
        .find(|l| l.starts_with(&format!("{id},")) || l.contains(&format!(" {id} ")))
        .unwrap_or_else(|| panic!("no line of {id} in\n{text}"))
}

/// 1: the table, Markdown and CSV show the covered item resting on the CSP's remark
/// `covered *` / `充足 ※` and the bare one `covered`; the summary counts the marked ones
/// and a legend line says what the mark means.
#[test]
fn report_marks_a_covered_item_with_notes_in_every_text_format() {
    for (lang, marked, bare, count, legend) in [
        (
            "en",
            "covered *",
            "covered",
            "covered 2 (1 marked *) · ",
            "* = covered, with reasons the item carries (notes): the CSP's remark",
        ),
        (
            "ja",
            "充足 ※",
            "充足",
            "充足 2 (うち ※ 1) · ",
            "※ = 充足だが、この確認項目に理由 (注記) がある: CSPの備考",
        ),
    ] {
        for format in ["table", "md"] {
            let out = stdout_of(report(lang, "remark.csv", format));
            // Markdown escapes the mark `*`
            let md = |s: &str| match format {
                "md" => s.replace('*', "\\*"),
                _ => s.to_owned(),
            };
            assert!(out.contains(&md(count)), "{lang} {format}:\n{out}");
            assert!(out.contains(&md(legend)), "{lang} {format}:\n{out}");
            let m1 = line_of(&out, "M1");
            assert!(
                m1.contains(&md(&format!(" {marked} "))),
                "{lang} {format}: {m1}"
            );
            let m2 = line_of(&out, "M2");
            assert!(m2.contains(&format!(" {bare} ")), "{lang} {format}: {m2}");
            assert!(!m2.contains(marked), "{lang} {format}: {m2}");
        }
        let csv = stdout_of(report(lang, "remark.csv", "csv"));
        let cells = |id: &str| -> Vec<String> {
            let mut rows = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(line_of(&csv, id).as_bytes());
            let row = rows.records().next().unwrap().unwrap();
            row.iter().map(str::to_owned).collect()
        };
        assert_eq!(cells("M1")[2], marked, "{lang}");
        assert_eq!(cells("M2")[2], bare, "{lang}");
        // the reasons are in the same row: what the mark stands for
        assert!(cells("M1").iter().any(|c| c == "csp-remark"), "{lang}");
        // one row per item: no legend row in the CSV (--review reads it back)
        assert_eq!(csv.lines().count(), 1 + 4, "{lang}:\n{csv}");
    }
}

/// 2: the JSON keeps the status `covered` (the status set is unchanged) and counts the
/// marked ones in `summary.covered_with_notes`; `compare` counts them the same per CSP.
#[test]
fn json_keeps_the_status_and_counts_covered_with_notes() {
    let v = json_of(report("en", "remark.csv", "json"));
    assert_eq!(v["schema_version"], 45);
    let items = &v["items"];
    assert_eq!(by_id(items, "M1")["status"], "covered");
    assert_eq!(
        by_id(items, "M1")["reasons"],
        serde_json::json!(["csp-remark"])
    );
    assert_eq!(by_id(items, "M2")["status"], "covered");
    assert_eq!(v["summary"]["covered"], 2);
    assert_eq!(v["summary"]["covered_with_notes"], 1);

    let mut c = on_checks("en", "compare", fixture("checks.csv"));
    c.args(["--format", "json", "--csp"])
        .arg(fixture("remark.csv"))
        .arg("--csp")
        .arg(fixture("plain.csv"));
    let v = json_of(c);
    assert_eq!(v["schema_version"], 27);
    let counts = |name: &str| {
        v["csps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == name)
            .unwrap()["counts"]
            .clone()
    };
    assert_eq!(counts("remark.csv")["covered_with_notes"], 1);
    assert_eq!(counts("plain.csv")["covered_with_notes"], 0);
    assert_eq!(counts("plain.csv")["covered"], 2);
}

/// 3 (guard): the same list without the remark gives bare `covered` everywhere: no mark, no
/// count after the covered count, no legend, `covered_with_notes` 0.
#[test]
fn a_bare_covered_item_is_not_marked() {
    for lang in ["en", "ja"] {
        for format in ["table", "md", "csv"] {
            let out = stdout_of(report(lang, "plain.csv", format));
            for mark in ["covered *", "充足 ※", "marked *", "うち ※", "* = ", "※ = "] {
                assert!(!out.contains(mark), "{lang} {format} has {mark:?}:\n{out}");
            }
        }
    }
    let v = json_of(report("en", "plain.csv", "json"));
    assert_eq!(v["summary"]["covered"], 2);
    assert_eq!(v["summary"]["covered_with_notes"], 0);
}

fn write_xlsx(mut c: assert_cmd::Command, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    c.arg("-o").arg(&path);
    let out = stdout_of(c);
    assert!(out.is_empty(), "a workbook is not written to stdout");
    path
}

/// The row of `range` whose first cell is `first`.
fn row_starting(range: &Range<Data>, first: &str) -> usize {
    (0..range.height())
        .find(|r| text(range, *r, 0) == first)
        .unwrap_or_else(|| panic!("no row starting {first:?}"))
}

/// 4: the workbook's status column shows `充足 ※` for the marked item, its status-code
/// column `covered`; the summary sheet counts the marked ones under the counts and says
/// what the mark means in a Notes row. Without the remark, neither row is written.
#[test]
fn the_workbook_marks_the_status_column_and_counts_them() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, summary_name, gaps_name, status, code, of_which, notes, marked, mark) in [
        (
            "ja",
            "概要",
            "ギャップ",
            "判定",
            "判定コード",
            "うち 充足 ※",
            "注記",
            "充足 ※",
            "※ = ",
        ),
        (
            "en",
            "Summary",
            "Gaps",
            "status",
            "status code",
            "of which covered *",
            "Notes",
            "covered *",
            "* = ",
        ),
    ] {
        let c = report(lang, "remark.csv", "xlsx");
        let path = write_xlsx(c, dir.path(), &format!("remark-{lang}.xlsx"));
        let (names, ranges) = sheets(&path);
        let sheet = |name: &str| &ranges[names.iter().position(|n| n == name).unwrap()];
        let gaps = sheet(gaps_name);
        let header = row_texts(gaps, 0);
        let col = |h: &str| header.iter().position(|x| x == h).unwrap();
        let m1 = row_starting(gaps, "M1");
        let m2 = row_starting(gaps, "M2");
        assert_eq!(text(gaps, m1, col(status)), marked, "{lang}");
        assert_eq!(text(gaps, m1, col(code)), "covered", "{lang}");
        assert_eq!(
            text(gaps, m2, col(status)),
            marked.split(' ').next().unwrap()
        );
        assert_eq!(text(gaps, m2, col(code)), "covered", "{lang}");
        let summary = sheet(summary_name);
        let r = row_starting(summary, of_which);
        assert_eq!(text(summary, r, 1), "1", "{lang}");
        let legend = text(summary, row_starting(summary, notes), 1);
        assert!(legend.starts_with(mark), "{legend}");

        let c = report(lang, "plain.csv", "xlsx");
        let path = write_xlsx(c, dir.path(), &format!("plain-{lang}.xlsx"));
        let (names, ranges) = sheets(&path);
        let summary = &ranges[names.iter().position(|n| n == summary_name).unwrap()];
        for first in [of_which, notes] {
            assert!(
                !(0..summary.height()).any(|r| text(summary, r, 0) == first),
                "{lang}: {first}"
            );
        }
    }
}

/// 5: `--fail-on` counts statuses, as before: a list whose items are covered, one of them
/// marked, passes `--fail-on assurance-gap` and fails `--fail-on covered`.
#[test]
fn fail_on_is_unchanged_by_the_mark() {
    let run = |level: &str| {
        let mut c = on_checks("en", "report", fixture("checks-covered.csv"));
        c.arg("--csp")
            .arg(fixture("remark.csv"))
            .args(["--format", "json", "--fail-on", level]);
        c
    };
    let v = json_of(run("assurance-gap"));
    assert_eq!(v["summary"]["covered_with_notes"], 1);
    run("assurance-gap").assert().code(0);
    run("covered").assert().code(1);
}

/// 6: a report CSV with a marked item is read back by `--review` (`充足 ※` is covered):
/// nothing changed, every item unchanged.
#[test]
fn review_reads_the_marked_status_back_as_covered() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["ja", "en"] {
        let previous = dir.path().join(format!("previous-{lang}.csv"));
        let mut c = report(lang, "remark.csv", "csv");
        c.arg("-o").arg(&previous);
        stdout_of(c);
        let mut c = report(lang, "remark.csv", "json");
        c.arg("--review").arg(&previous);
        let v = json_of(c);
        for id in ["M1", "M2", "M3", "M4"] {
            assert_eq!(
                by_id(&v["items"], id)["review"]["change"],
                "unchanged",
                "{lang} {id}"
            );
        }
    }
}

/// The matrix of `compare` on the four CSPs (remark.csv, valid, lapsed, not yet valid) in
/// `format`.
fn compare(lang: &str, format: &str) -> assert_cmd::Command {
    let mut c = on_checks(lang, "compare", fixture("checks.csv"));
    for csp in [
        "remark.csv",
        "valid.yaml",
        "lapsed.yaml",
        "not-yet-valid.yaml",
    ] {
        c.arg("--csp").arg(fixture(csp));
    }
    c.args(["--format", format]);
    c
}

/// The cells of the CSV row of `id`.
fn csv_row(csv_text: &str, id: &str) -> Vec<String> {
    let mut rows = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    rows.records()
        .map(|r| r.unwrap())
        .find(|r| r.get(0) == Some(id))
        .unwrap_or_else(|| panic!("no row {id}"))
        .iter()
        .map(str::to_owned)
        .collect()
}

/// 7 (B-9): in `compare`'s matrix a cell resting on a lapsed or not-yet-valid registration
/// says so (`一部充足（失効）`, `保証水準不足（未発効）`), in CSV, Markdown and the table;
/// the same statement on a valid registration reads as before (`一部充足`, `充足`); a
/// not-covered cell keeps what the list states; JSON keeps the statuses, its reasons say
/// why.
#[test]
fn compare_marks_cells_resting_on_a_registration_not_in_effect() {
    for (lang, partial, lapsed, not_yet, gap, not_listed) in [
        (
            "ja",
            "一部充足",
            "一部充足（失効）",
            "一部充足（未発効）",
            "保証水準不足（失効）",
            // every cell of a lapsed CSP says so, whatever its status (review 15 D-3)
            "未充足（失効・記載なし）",
        ),
        (
            "en",
            "partial",
            "partial (lapsed)",
            "partial (not yet valid)",
            "assurance-gap (lapsed)",
            "not-covered (lapsed, not listed)",
        ),
    ] {
        let csv_text = stdout_of(compare(lang, "csv"));
        let header = csv_row(&csv_text, lang_pick(lang, "項番", "id"));
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        let m3 = csv_row(&csv_text, "M3");
        assert_eq!(m3[col("Valid")], partial, "{lang}");
        assert_eq!(m3[col("remark.csv")], partial, "{lang}");
        assert_eq!(m3[col("Lapsed")], lapsed, "{lang}");
        assert_eq!(m3[col("Later")], not_yet, "{lang}");
        let m1 = csv_row(&csv_text, "M1");
        assert_eq!(m1[col("Lapsed")], gap, "{lang}");
        assert_eq!(m1[col("Valid")], lang_pick(lang, "充足", "covered"));
        let m4 = csv_row(&csv_text, "M4");
        assert_eq!(m4[col("Lapsed")], not_listed, "{lang}");
        for format in ["md", "table"] {
            let mut c = compare(lang, format);
            c.env("COLUMNS", "200");
            let out = stdout_of(c);
            let m3 = line_of(&out, "M3");
            for cell in [lapsed, not_yet] {
                assert!(m3.contains(cell), "{lang} {format}: {m3}");
            }
        }
    }
    let v = json_of(compare("en", "json"));
    let m3 = by_id(&v["items"], "M3");
    assert_eq!(m3["statuses"]["Lapsed"], "partial");
    assert_eq!(m3["statuses"]["Valid"], "partial");
    let lapsed = common::strings(&m3["reasons"]["Lapsed"]);
    assert!(lapsed.contains(&"registration-lapsed"), "{lapsed:?}");
}

fn lang_pick<'a>(lang: &str, ja: &'a str, en: &'a str) -> &'a str {
    if lang == "ja" {
        ja
    } else {
        en
    }
}

/// 8 (B-9): the workbook's matrix says it too, the valid CSP's cell unmarked.
#[test]
fn the_compare_workbook_marks_cells_resting_on_a_lapsed_registration() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_xlsx(compare("ja", "xlsx"), dir.path(), "compare.xlsx");
    let (names, ranges) = sheets(&path);
    let matrix = &ranges[names.iter().position(|n| n == "比較表").unwrap()];
    let header = row_texts(matrix, 0);
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h.starts_with(&format!("{name}\n")))
            .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
    };
    let m3 = row_starting(matrix, "M3");
    assert_eq!(text(matrix, m3, col("Lapsed")), "一部充足（失効）");
    assert_eq!(text(matrix, m3, col("Later")), "一部充足（未発効）");
    assert_eq!(text(matrix, m3, col("Valid")), "一部充足");
    let m1 = row_starting(matrix, "M1");
    assert_eq!(text(matrix, m1, col("remark.csv")), "充足 ※");
    assert_eq!(text(matrix, m1, col("Lapsed")), "保証水準不足（失効）");
}
