//! Session 16 (fix37-r23): leftovers of reviews 20–24 in the CSP list readers.
//! 1. another standard's control number (`ISO27001-A.9.2.3`) in a pasted published list is
//!    refused, never passed over (`A.9.2.3` alone still reads as the ISMAP objective);
//! 2. an unlabelled `※` line under a field of a pasted entry is read by itself, not merged
//!    into the field (`改善計画の有無 無` + `※ 登録の更新を申請予定`);
//! 3. a far cell in an .ods or .xls workbook is refused (naming it) before its rectangle is
//!    built or made text, as an .xlsx's is;
//! 4. a year-named first sheet beside an undated one; a cover stating only 登録番号; a title
//!    above a table naming other services; a `○` legend in a status header's note (names
//!    its column); `Closed－2027-03` in a check list's note.
//!
//! Fixtures: `tests/data/fix37-r23/` (the .ods files by `make.py`; the .xls files saved by
//! LibreOffice 7.4 from openpyxl workbooks: a status table, with `IV65536` = `x` for the
//! far ones; the .xlsx files by openpyxl).
mod common;

use std::path::PathBuf;

use common::{by_id, input_error, json_of};

fn fx(name: &str) -> PathBuf {
    common::data("fix37-r23").join(name)
}

/// `report --format json` of `checks` against `csp`, ISMAP, on 2026-10-01.
fn report(checks: &str, csp: &str) -> assert_cmd::Command {
    let mut c = common::bin();
    c.args([
        "--lang",
        "en",
        "report",
        "--as-of",
        "2026-10-01",
        "--checks",
    ])
    .arg(fx(checks))
    .arg("--csp")
    .arg(fx(csp))
    .args(["--registration-kind", "ismap", "--format", "json"]);
    c
}

fn status(v: &serde_json::Value, id: &str) -> String {
    by_id(&v["items"], id)["status"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// The statuses of C-01, C-02, C-03 (5.1.1, 9.2.1, 9.2.3) of `checks.csv` against `csp`.
fn statuses(csp: &str) -> Vec<String> {
    let v = json_of(report("checks.csv", csp));
    ["C-01", "C-02", "C-03"]
        .iter()
        .map(|id| status(&v, id))
        .collect()
}

/// Runs the binary under a 4 GB address-space limit (`ulimit -v`), so that a regression that
/// builds a far sheet's rectangle aborts instead of taking the shared machine's memory:
/// (exit code, stderr).
fn capped(checks: &str, csp: &str) -> (Option<i32>, String) {
    let bin = assert_cmd::cargo::cargo_bin("ismap-gap");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 4000000; exec \"$@\"")
        .arg("sh")
        .arg(bin)
        .args([
            "--lang",
            "en",
            "report",
            "--as-of",
            "2026-10-01",
            "--checks",
        ])
        .arg(fx(checks))
        .arg("--csp")
        .arg(fx(csp))
        .args(["--registration-kind", "ismap", "--format", "json"])
        .env("RUST_BACKTRACE", "0")
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Item 1: `ISO27001-A.9.2.3` on a line of its own after a blank line, in a cell of a tabbed
/// line, or after an id: refused naming the standard (was passed over without a word, or
/// refused as "not its title"). `A.9.2.3` alone is ISMAP 9.2.3 (as before); a title naming
/// the ISO standard (`ISO/IEC 27001:2013 認証取得済`) holds no control number and reads.
#[test]
fn another_standards_number_in_a_pasted_list_is_refused() {
    for (csp, line, written) in [
        (
            "p1-other-standard-alone.txt",
            "line 6",
            "'ISO27001-A.9.2.3'",
        ),
        ("p2-other-standard-cell.txt", "line 4", "'ISO27001-A.9.2.3'"),
        (
            "p3-other-standard-after-id.txt",
            "line 4",
            "'ISO/IEC27001-A.9.2.3'",
        ),
    ] {
        let err = input_error(report("checks.csv", csp));
        assert!(err.contains(line), "{csp}: {err}");
        assert!(
            err.contains(&format!(
                "{written} is a control number of another standard"
            )),
            "{csp}: {err}"
        );
        assert!(err.contains("a published list holds ISMAP ids"), "{err}");
    }
    assert_eq!(
        statuses("p4-annex-a.txt"),
        ["covered", "covered", "covered"]
    );
    assert_eq!(
        statuses("p5-iso-named.txt"),
        ["covered", "covered", "covered"]
    );
}

/// Item 2: A `※` line under `改善計画の有無 無` is judged by itself, as a note elsewhere on the
/// page is: a plan (`申請予定`) or a qualifier (`のみ`) refuses the list; a plain note reads,
/// and the plan stays `無` (was `無 ※ …`: "the statement has an improvement plan" and every
/// item an assurance gap).
#[test]
fn a_note_under_an_entry_field_is_read_by_itself() {
    let err = input_error(report("checks.csv", "e1-note-planned.txt"));
    assert!(
        err.contains("line 15: '※ 登録の更新を申請予定' states a status ('予定')"),
        "{err}"
    );
    let err = input_error(report("checks.csv", "e2-note-only.txt"));
    assert!(
        err.contains("line 15: '※ 東京リージョンのみ' negates, excludes, defers or qualifies"),
        "{err}"
    );
    // a note dated after the as-of date stays refused (no rule reads it as the document's
    // date yet: the report's "Noticed")
    let err = input_error(report("checks.csv", "e4-note-dated-later.txt"));
    assert!(err.contains("'※ 記載内容は2027年4月1日時点'"), "{err}");
    for csp in ["e0-entry.txt", "e3-note-plain.txt"] {
        let v = json_of(report("checks.csv", csp));
        assert_eq!(v["csp"]["improvement_plan"], "無", "{csp}");
        for id in ["C-01", "C-02", "C-03"] {
            assert_eq!(status(&v, id), "covered", "{csp} {id}");
        }
    }
}

/// Item 3: A far value in an .ods (`XFD1048576`, `XFD5000`: 81,920,000 cells, under calamine's
/// own cap, aborted the process on main; a value repeated over 16,384 columns and 1,000
/// rows; a far value on another sheet, which calamine reads when it opens the file) and in
/// an .xls (`IV65536`, Excel's last cell: ~1.5 GB and 38 s on main): refused naming the
/// cell. An ordinary .ods padded with empty cells to the last row and column, and an
/// ordinary .xls, read.
#[test]
fn a_far_cell_in_an_ods_or_xls_is_refused() {
    for (checks, csp, cell) in [
        ("checks.csv", "o1-csp-xfd.ods", "XFD1048576 holds 'x'"),
        ("checks.csv", "o2-csp-xfd5000.ods", "XFD5000 holds 'メモ'"),
        (
            "o3-checks-repeated.ods",
            "e0-entry.txt",
            "XFD1003 holds '-'",
        ),
        (
            "checks.csv",
            "o4-far-second-sheet.ods",
            "XFD10001 holds 'x'",
        ),
        ("checks.csv", "x1-csp-far.xls", "IV65536 holds 'x'"),
        ("x2-checks-far.xls", "e0-entry.txt", "IV65536 holds 'x'"),
    ] {
        let (code, err) = capped(checks, csp);
        assert_eq!(code, Some(2), "{checks} {csp}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(err.contains(cell), "{checks} {csp}: {err}");
        assert!(err.contains("over the 10000000 cells read"), "{err}");
        assert_eq!(
            err.lines().filter(|l| l.starts_with("error:")).count(),
            1,
            "{err}"
        );
    }
    let (_, err) = capped("checks.csv", "o4-far-second-sheet.ods");
    assert!(err.contains("sheet 'メモ'"), "{err}");
    for csp in ["o0-csp.ods", "x0-csp.xls"] {
        assert_eq!(statuses(csp), ["covered", "covered", "covered"], "{csp}");
    }
}

/// 4a. A first sheet named by a year only (`2025年度`), or by a year and the name of the
/// undated sheet beside it (`2025年度 管理策一覧` + `管理策一覧`): refused (was merged, 9.2.3
/// credited from the dated sheet). A continuation, an annex or a clause after a year-named
/// first sheet reads.
#[test]
fn a_year_named_first_sheet_beside_an_undated_list_is_refused() {
    for csp in ["y1-year-first.xlsx", "y2-year-and-name.xlsx"] {
        let err = input_error(report("checks.csv", csp));
        assert!(err.contains("is named by a year ('2025年度')"), "{err}");
        assert!(
            err.contains("sheet '管理策一覧' beside it by none"),
            "{err}"
        );
    }
    for csp in [
        "y3-year-annex.xlsx",
        "y4-year-continued.xlsx",
        "y5-year-clause.xlsx",
    ] {
        assert_eq!(statuses(csp), ["covered", "covered", "covered"], "{csp}");
    }
}

/// 4b. A cover stating only `登録番号` is the entry's cover: a table whose rows name another
/// number is refused (was read); the same number, or none above the table, reads.
#[test]
fn a_cover_stating_only_the_registration_number_is_compared() {
    let err = input_error(report("checks.csv", "c1-cover-number-only.xlsx"));
    assert!(err.contains("C22-9999-1"), "{err}");
    assert!(
        err.contains("the cover, sheet '表紙', states 登録番号 'C21-0001-2'"),
        "{err}"
    );
    for csp in [
        "c2-cover-number-same.xlsx",
        "c3-cover-number-table-none.xlsx",
    ] {
        assert_eq!(statuses(csp), ["covered", "covered", "covered"], "{csp}");
    }
}

/// 4c. A title above a status table saying the list covers other services
/// (`（他サービスを含む）`, `（サービスA・サービスBを含む）`) refuses it (was covered); the
/// service's own name with `を含む` outside services (`（詳細管理策を含む）`) reads.
#[test]
fn a_title_naming_other_services_refuses_the_table() {
    for csp in [
        "s1-title-other-services.csv",
        "s2-title-services-included.csv",
    ] {
        let err = input_error(report("checks.csv", csp));
        assert!(err.contains("row 1"), "{err}");
        assert!(
            err.contains("says the list covers more than the service"),
            "{err}"
        );
    }
    assert_eq!(
        statuses("s3-title-own-service.csv"),
        ["covered", "covered", "covered"]
    );
}

/// 4d. A legend in the status header's note giving `○` another meaning is refused naming
/// the status column (was column A); one restating it reads.
#[test]
fn a_legend_in_a_status_header_names_its_column() {
    let err = input_error(report("checks.csv", "s4-legend-planned.csv"));
    assert!(err.contains("row 1: column 'B'"), "{err}");
    assert!(err.contains("the meaning '実施予定'"), "{err}");
    assert_eq!(
        statuses("s5-legend-implemented.csv"),
        ["covered", "covered", "covered"]
    );
}

/// 4e. `Closed－2027-03` (a full-width dash) in a check list's note is read as
/// `Closed 2027-03`: closed after the as-of date, the item is not analysed (was covered);
/// closed before it, covered; a document number (`SEC-2027-01`) is no date.
#[test]
fn closed_with_a_dash_before_a_later_date_is_not_covered() {
    let v = json_of(report("n1-checks-closed.csv", "e0-entry.txt"));
    assert_eq!(status(&v, "C-01"), "not-analysed");
    assert_eq!(status(&v, "C-02"), "covered");
    assert_eq!(status(&v, "C-03"), "covered");
}
