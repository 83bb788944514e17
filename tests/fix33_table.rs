//! Session 14 (fix33-table): review 23's wrong credits in CSP status tables and published-list
//! tables — header notes naming an edition, a plan, a short region, a site, a part or a
//! footnote, a settled audit finding, a footnote mark alone in a remark or after a
//! title, per-row edition/plan/service/precondition columns, another id's title
//! beside an id and an id column numbered in ISO/IEC 27002:2022, and ordinary
//! status words (C-12) — each with the ordinary neighbour that still reads.
mod common;

use std::path::PathBuf;

use common::{bin, by_id, input_error, json_of};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fix33-table")
        .join(name)
}

/// `report --format json` of `checks` (a file of this directory) on the CSP list `csp`.
fn report_on(checks: &str, csp: &str) -> assert_cmd::Command {
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "report",
        "--as-of",
        "2026-12-01",
        "--checks",
    ])
    .arg(fixture(checks))
    .arg("--csp")
    .arg(fixture(csp))
    .args(["--format", "json"]);
    c
}

/// Items 1 → 9.2.1, 2 → 9.2.3, 3 → 10.1.2 (all `ISMAP`).
fn report(csp: &str) -> assert_cmd::Command {
    report_on("checks-3items.csv", csp)
}

/// The status and reasons of item `id`.
fn item(csp: &str, id: &str) -> (String, Vec<String>) {
    let v = json_of(report(csp));
    let it = by_id(&v["items"], id);
    let reasons = it["reasons"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|r| r.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    (
        it["status"].as_str().unwrap_or_default().to_owned(),
        reasons,
    )
}

/// a status header's note naming an edition, a plan, a short region, a site, a part,
/// the provider's share or a footnote whose text is absent refuses the table, as
/// `実施状況（東京リージョン）` does; a date or `監査済` in the note still reads.
#[test]
fn a3_status_header_notes_naming_a_part_refuse() {
    for (file, word) in [
        ("A3-hdr-30cbf0.csv", "版"),
        ("A3-hdr-f9ee41.csv", "プラン"),
        ("A3-hdr-1a11d7.csv", "tokyo"),
        ("A3-hdr-a8edb9.csv", "dc"),
        ("A3-hdr-382eb7.csv", "部分"),
        ("A3-hdr-9dc708.csv", "当社分"),
        // (the first word of the one vocabulary of remarks, review 23 A-11: fix35-qual)
        ("A3-hdr-premium-plan.csv", "premium"),
    ] {
        let err = input_error(report(file));
        assert!(err.contains("on the header"), "{file}: {err}");
        assert!(err.contains(&format!("('{word}')")), "{file}: {err}");
    }
    for file in ["A3-hdr-bec8b0.csv", "A3-hdr-footnote-bare.csv"] {
        let err = input_error(report(file));
        assert!(
            err.contains("carries a footnote mark")
                && err.contains("whose note is not in the list"),
            "{file}: {err}"
        );
    }
    for file in [
        "ok-hdr-asof.csv",
        "ok-hdr-audited.csv",
        "ok-hdr-footnote-given.csv",
    ] {
        assert_eq!(item(file, "1").0, "covered", "{file}");
        assert_eq!(item(file, "2").0, "covered", "{file}");
    }
}

/// a published list's id header naming a region or an edition refuses it as on a
/// status table; a pasted entry's table title bracket naming a plan, a region or a footnote
/// too; the service's name there still reads.
#[test]
fn a3_published_id_header_and_entry_title_notes_refuse() {
    for (file, word) in [
        ("A3-published-idhdr-tokyo.csv", "東京リージョン"),
        ("A3-published-idhdr-edition.csv", "版"),
    ] {
        let err = input_error(report(file));
        assert!(
            err.contains("on the header") && err.contains(&format!("('{word}')")),
            "{file}: {err}"
        );
    }
    for (file, says) in [
        ("A3-page-title-plan.txt", "('プラン')"),
        ("A3-page-title-tokyo.txt", "('tokyo')"),
        ("A3-page-title-footnote.txt", "footnote mark"),
    ] {
        let err = input_error(report(file));
        assert!(
            err.contains("on the title of the control list") && err.contains(says),
            "{file}: {err}"
        );
    }
    assert_eq!(item("ok-page-title-service.txt", "1").0, "covered");
    assert_eq!(item("ok-published-idhdr-2013.csv", "2").0, "covered");
}

/// a finding settled in brackets under an audit's or a test's result is a finding, as
/// `逸脱あり（是正済み）` is: refused, one rule for every spelling; clean results read.
#[test]
fn a4_settled_findings_under_a_result_refuse() {
    for file in [
        "A4-audit-result-2rows.csv",
        "A4-audit-result-open.csv",
        "A4-audit-result.csv",
    ] {
        let err = input_error(report(file));
        assert!(err.contains("column '監査結果'"), "{file}: {err}");
        assert!(err.contains("reports an audit finding"), "{file}: {err}");
    }
    let err = input_error(report("A4-test-result-open.csv"));
    assert!(
        err.contains("column 'テスト結果'") && err.contains("指摘2件"),
        "{err}"
    );
    assert!(!err.contains("row 3:"), "合格 reads: {err}");
    for id in ["1", "2", "3"] {
        assert_eq!(
            item("ok-audit-clean.csv", id),
            ("covered".to_owned(), vec![])
        );
    }
}

/// a remark cell that is only a footnote mark (`※1`, `*2`, `注1`, `(注3)`) or a title
/// ending with one, its note not in the list, refuses the row as `実施※1`; with the note
/// below the table the row reads (its note read there); an empty remark and `Available` read.
#[test]
fn a13_footnote_marks_without_their_note_refuse() {
    let err = input_error(report("A13-footnote-col.csv"));
    assert!(
        err.contains("'※1' in '注' is a footnote mark") && err.contains("'*2' in '注'"),
        "{err}"
    );
    assert!(!err.contains("row 3:"), "the empty remark reads: {err}");
    let err = input_error(report("A13-footnote-note.csv"));
    assert!(
        err.contains("'注1' in '備考'") && err.contains("'(注3)' in '備考'"),
        "{err}"
    );
    let err = input_error(report("A13-footnote-title.csv"));
    assert!(
        err.contains("ends with a footnote mark ('※1')") && err.contains("('(*2)')"),
        "{err}"
    );
    // JSON's `covered` with a `csp-remark` reason is the table's `covered *`
    let noted = ("covered".to_owned(), vec!["csp-remark".to_owned()]);
    assert_eq!(
        item("ok-footnote-given.csv", "1"),
        ("covered".to_owned(), vec![])
    );
    assert_eq!(item("ok-footnote-given.csv", "2"), noted);
    assert_eq!(item("ok-remarks.csv", "1"), ("covered".to_owned(), vec![]));
    assert_eq!(item("ok-remarks.csv", "2"), noted);
}

/// per-row edition, plan, service, option and precondition columns are one header
/// vocabulary with `Region`/`Plan`/`対象サービス`: a part named refuses the row; the whole
/// (`全エディション`, `全て`) or no precondition (`なし`, empty) reads.
#[test]
fn a10_part_columns_refuse_a_part() {
    for (file, column) in [
        ("A10-col-0303.csv", "Edition"),
        ("A10-col-f687.csv", "プラン"),
        ("A10-col-804e.csv", "Service"),
        ("A10-col-64fd.csv", "前提条件"),
        ("A10-col-1577.csv", "Option"),
    ] {
        let err = input_error(report(file));
        assert!(
            err.contains(&format!("in '{column}' names a part of the service")),
            "{file}: {err}"
        );
    }
    assert_eq!(item("ok-edition-all.csv", "1").0, "covered");
    assert_eq!(item("ok-precondition-none.csv", "1").0, "covered");
    assert_eq!(item("ok-precondition-none.csv", "2").0, "covered");
}

/// a title cell naming another id's catalog title, or a close form of it, is the
/// shift error in a published-list table as in a status table; an id column numbered in the
/// 2022 edition refuses the list; the row's own shortened title still reads.
#[test]
fn a1_a7_other_titles_and_other_numbering_refuse() {
    for (file, other) in [
        ("A1-other-title.csv", "9.2.3"),
        ("A1-shifted-titles.csv", "10.1.2"),
        ("A1-status-shifted.csv", "10.1.2"),
    ] {
        let err = input_error(report_on("A7-checks.csv", file));
        assert!(
            err.contains(&format!(
                "beside 8.2.1 is the title of {other}, not its own"
            )),
            "{file}: {err}"
        );
    }
    for file in ["A7-2022-header.csv", "A7-jis2024-published.csv"] {
        let err = input_error(report_on("A7-checks.csv", file));
        assert!(
            err.contains("names the 2022 edition of ISO/IEC 27001/27002"),
            "{file}: {err}"
        );
    }
    assert_eq!(item("ok-published-own-titles.csv", "1").0, "covered");
    assert_eq!(item("ok-published-own-titles.csv", "2").0, "covered");
}

/// C-12: `対応`, `準拠`, `実施している`, `Effective` are implemented; `実施済（全リージョン）`
/// says the whole and reads; `実施済（一部リージョン）` stays refused.
#[test]
fn c12_ordinary_status_words_read() {
    assert_eq!(item("C12-status-taiou.csv", "1").0, "covered");
    assert_eq!(item("C12-status-taiou.csv", "2").0, "covered");
    for id in ["1", "2", "3"] {
        assert_eq!(item("C12-status-words.csv", id).0, "covered", "{id}");
    }
    assert_eq!(item("C12-status-zenregion.csv", "1").0, "covered");
    let err = input_error(report("C12-status-partial-region.csv"));
    assert!(err.contains("with a note in brackets"), "{err}");
}
