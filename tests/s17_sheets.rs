//! Session 17, workbook hazards in .ods and .xls (review 25 and the sheet-level
//! findings). Fixtures: `tests/data/s17-sheets/` (its `make.py` writes the .ods files;
//! LibreOffice headless converts each to .xlsx and .xls).
mod common;

use std::path::Path;
use std::process::Output;

use common::{bin, data, example};

fn run(args: &[&str], checks: &Path, csp: &Path) -> Output {
    bin()
        .args(["--lang", "en", "report", "--as-of", "2026-04-01"])
        .args(args)
        .arg("--checks")
        .arg(checks)
        .arg("--csp")
        .arg(csp)
        .output()
        .unwrap()
}

/// The output with the file's name made one for both readings.
fn of(out: &Output, name: &str) -> (Option<i32>, String, String) {
    let norm = |b: &[u8]| String::from_utf8_lossy(b).replace(name, "LIST");
    (out.status.code(), norm(&out.stdout), norm(&out.stderr))
}

/// The same sheet saved by LibreOffice as .ods and as .xlsx is read the same: a struck-
/// through 実施 (by the cell's style, or by a styled run of its text), a hidden row, a text
/// box over a CSP list are refused with the same message, naming the row; a check list's
/// comment, struck-through or hidden item is read and named as the .xlsx's is. Before, the
/// .ods was read as if none of them were there (9.2.1 covered by a struck-through 実施済).
#[test]
fn an_ods_sheet_is_read_as_the_same_sheet_saved_as_xlsx() {
    let csp_checks = data("csp-input/workbook-marks/checks.csv");
    let csp_status = example("csp-status-table.csv");
    for (name, refused_with) in [
        (
            "csp-struck",
            Some("row 3: column '実施状況': '実施済' is struck through"),
        ),
        (
            "csp-span-struck",
            Some("row 3: column '実施状況': '実施済' is struck through"),
        ),
        (
            "csp-hidden",
            Some("row 3: the row is hidden, and holds 12.4.2"),
        ),
        (
            "csp-textbox",
            Some("a text box at A1 holds 'この一覧は案です（未承認）'"),
        ),
        ("checks-comment", None),
        ("checks-struck", None),
        ("checks-hidden", None),
    ] {
        let [ods, xlsx] = ["ods", "xlsx"].map(|e| data(&format!("s17-sheets/{name}.{e}")));
        let on = |path: &Path| {
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            let out = if name.starts_with("csp") {
                run(&["--format", "csv"], &csp_checks, path)
            } else {
                run(&["--format", "csv"], path, &csp_status)
            };
            of(&out, &file)
        };
        let (from_ods, from_xlsx) = (on(&ods), on(&xlsx));
        assert_eq!(from_ods, from_xlsx, "{name}");
        let (code, stdout, stderr) = from_ods;
        match refused_with {
            Some(what) => {
                assert_eq!(code, Some(2), "{name}: {stderr}");
                assert!(stderr.contains(what), "{name}: {stderr}");
                assert!(stderr.contains("sheet '管理策一覧'"), "{name}: {stderr}");
            }
            None => {
                assert_eq!(code, Some(0), "{name}: {stderr}");
                // the item marked is never credited: K-1 (its assurance qualified by a
                // comment) not analysed, K-2 (struck through, hidden) named on stderr
                if name == "checks-comment" {
                    let k1 = stdout.lines().find(|l| l.starts_with("K-1,")).unwrap();
                    assert!(
                        k1.contains("not-analysed") && k1.contains("当社監査で確認"),
                        "{k1}"
                    );
                } else {
                    assert!(stderr.contains("rows チェックリスト 3"), "{name}: {stderr}");
                }
            }
        }
    }
}

/// An .xls sheet holding a record the tool does not read — struck-through text, a hidden
/// row, a comment, a text box — is refused naming the file, the sheet and the place, with
/// the hint to save it as .xlsx (before, each was read as written: a struck-through 実施済
/// covered 9.2.1). The same list without any is read.
#[test]
fn an_xls_sheet_holding_marks_it_cannot_judge_is_refused() {
    let csp_checks = data("csp-input/workbook-marks/checks.csv");
    let csp_status = example("csp-status-table.csv");
    for (name, what) in [
        (
            "csp-struck",
            "sheet '管理策一覧': the sheet holds struck-through text at B3",
        ),
        (
            "csp-span-struck",
            "sheet '管理策一覧': the sheet holds struck-through text at B3",
        ),
        (
            "csp-hidden",
            "sheet '管理策一覧': the sheet holds a hidden row (3)",
        ),
        (
            "csp-textbox",
            "sheet '管理策一覧': the sheet holds a text box or a comment",
        ),
        (
            "checks-comment",
            "sheet 'チェックリスト': the sheet holds a comment on D2",
        ),
        (
            "checks-struck",
            "sheet 'チェックリスト': the sheet holds struck-through text at A3",
        ),
        (
            "checks-hidden",
            "sheet 'チェックリスト': the sheet holds a hidden row (3)",
        ),
    ] {
        let path = data(&format!("s17-sheets/{name}.xls"));
        let out = if name.starts_with("csp") {
            run(&[], &csp_checks, &path)
        } else {
            run(&[], &path, &csp_status)
        };
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
        assert!(stderr.contains(&format!("{name}.xls")), "{stderr}");
        assert!(stderr.contains(what), "{name}: {stderr}");
        assert!(stderr.contains("save the workbook as .xlsx"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    let out = run(&[], &csp_checks, &data("s17-sheets/csp-clean.xls"));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

/// The stderr of a report on a CSP workbook of the fixtures, with its exit status.
fn csp_error(name: &str) -> (Option<i32>, String) {
    let out = run(
        &["--format", "csv"],
        &data("csp-input/workbook-marks/checks.csv"),
        &data(&format!("s17-sheets/{name}")),
    );
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Review 25 item 2: an .xls record at row 65,536 and column 65,536 (past IV, which no BIFF8
/// writer gives) is refused before calamine builds its rectangle of 4.3 billion cells,
/// naming the cell and its text, as an .xlsx's or an .ods's far cell is.
#[test]
fn a_far_xls_cell_is_refused_before_the_sheet_is_built() {
    let (code, err) = csp_error("csp-far-column.xls");
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("sheet '管理策一覧': the sheet's cells span 65536 rows by 65536 columns")
            && err.contains("CRXP65536 holds '実施'"),
        "{err}"
    );
}

/// Review 25 D-2: two `<c>` at B2 of an .xlsx sheet (`未実施` inline, then LibreOffice's
/// `実施`): calamine kept the last, 実施, without a word; refused naming the sheet and cell.
#[test]
fn two_cells_at_one_address_are_refused() {
    let (code, err) = csp_error("csp-dup-cell.xlsx");
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("sheet '管理策一覧': the sheet holds two cells at B2"),
        "{err}"
    );
    // the same sheet without the second cell is read (a hidden row refused, past the check)
    let (_, err) = csp_error("csp-hidden.xlsx");
    assert!(!err.contains("two cells"), "{err}");
}

/// Review 25 A-5: a CSP workbook's second sheet named as a copy of the first, by
/// LibreOffice (`管理策一覧_2`) or Excel (`管理策一覧 (2)`), was merged as a second part of
/// the list (9.2.1 covered from the copy); refused as a copy, naming the copy.
#[test]
fn a_copied_sheet_beside_its_original_is_a_copy() {
    for (name, sheet, word) in [
        ("csp-copy-libre.ods", "管理策一覧_2", "'_2'"),
        ("csp-copy-libre.xlsx", "管理策一覧_2", "'_2'"),
        ("csp-copy-excel.ods", "管理策一覧 (2)", "'(2)'"),
        ("csp-copy-excel.xlsx", "管理策一覧 (2)", "'(2)'"),
    ] {
        let (code, err) = csp_error(name);
        assert_eq!(code, Some(2), "{name}: {err}");
        assert!(
            err.contains(&format!("sheet '{sheet}': the sheet's name ({word}) says"))
                && err.contains("a copy"),
            "{name}: {err}"
        );
    }
}

/// Review 25 A-16: a print footer saying `DRAFT` or `記入例` (.ods master page, the .xlsx
/// LibreOffice saves from it: `&CDRAFT`) was not read; it is read as the same words above
/// the table are, and the sheet refused.
#[test]
fn a_print_footer_marking_the_list_is_read() {
    for (name, what) in [
        ("csp-footer-draft.ods", "'DRAFT' marks the list as a draft"),
        ("csp-footer-draft.xlsx", "'DRAFT' marks the list as a draft"),
        (
            "csp-footer-example.ods",
            "'記入例' marks the sheet as instructions or an example",
        ),
        (
            "csp-footer-example.xlsx",
            "'記入例' marks the sheet as instructions or an example",
        ),
    ] {
        let (code, err) = csp_error(name);
        assert_eq!(code, Some(2), "{name}: {err}");
        assert!(
            err.contains(&format!(
                "sheet '管理策一覧': the sheet's print header or footer {what}"
            )),
            "{name}: {err}"
        );
    }
    // without a footer, the same list is read
    let (code, err) = csp_error("csp-clean.xls");
    assert_eq!(code, Some(0), "{err}");
}

/// Review 25 B-2: a sheet named `Partial` holding bare ids was read as stating them not
/// implemented ("The CSP states control objective 9.2.1 not implemented"), where a status
/// cell `Partial` is refused and a sheet named `Gaps` or `To do` is: now refused as those are.
#[test]
fn a_sheet_named_by_a_partial_status_is_refused_as_gaps_is() {
    let (code, err) = csp_error("csp-sheet-partial-ids.ods");
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("sheet 'Partial': the sheet's name negates, excludes, defers or qualifies ('Partial'), and its rows state no status"),
        "{err}"
    );
    // its rows stating 実施: refused as a Gaps sheet's are
    let (code, err) = csp_error("csp-sheet-partial.xlsx");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("sheet 'Partial': row 2"), "{err}");
}
