//! Session 15 (fix36-xlsx): review 24 — workbooks that crash, hide text, or merge
//! statements. D-1 a stray value far from the table (`XFD1048576`, `ZZ200000`) refused
//! before calamine builds its rectangle (an empty styled far cell still reads); D-2 a merged
//! range that is no range (`D3:C2`, `ZZZZ9:A`) refused, no panic in a debug build; A-6 a
//! text box holding text on a sheet read for statements or items refused (a shape without
//! text passes); A-8 CSP sheets each with their own entry line named by different products
//! or as copies refused (a list split by clause, `（続き）`, `1`/`2` still reads); B-1
//! check-list sheets named as samples, drafts, deleted items or references not read.
mod common;

use std::path::PathBuf;

use common::{by_id, input_error, json_of};

fn fx(name: &str) -> PathBuf {
    common::data("fix36-xlsx").join(name)
}

/// `report --format json` of `checks` against `csp`, ISMAP, on 2026-12-01.
fn report(checks: PathBuf, csp: PathBuf) -> assert_cmd::Command {
    let mut c = common::bin();
    c.args([
        "--lang",
        "en",
        "report",
        "--as-of",
        "2026-12-01",
        "--checks",
    ])
    .arg(checks)
    .arg("--csp")
    .arg(csp)
    .args(["--registration-kind", "ismap", "--format", "json"]);
    c
}

fn status(v: &serde_json::Value, id: &str) -> String {
    by_id(&v["items"], id)["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Runs the binary under a 4 GB address-space limit (`ulimit -v`), so that a regression
/// that builds a far sheet's rectangle aborts instead of taking the shared machine's
/// memory: (exit code, stderr).
fn capped(args: &[&std::ffi::OsStr]) -> (Option<i32>, String) {
    let bin = assert_cmd::cargo::cargo_bin("ismap-gap");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 4000000; exec \"$@\"")
        .arg("sh")
        .arg(bin)
        .args(args)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env("RUST_BACKTRACE", "0")
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn capped_report(checks: PathBuf, csp: PathBuf) -> (Option<i32>, String) {
    let (checks, csp) = (checks.into_os_string(), csp.into_os_string());
    let args: Vec<&std::ffi::OsStr> = [
        "--lang",
        "en",
        "report",
        "--as-of",
        "2026-12-01",
        "--checks",
    ]
    .iter()
    .map(std::ffi::OsStr::new)
    .chain([checks.as_os_str()])
    .chain(["--csp"].iter().map(std::ffi::OsStr::new))
    .chain([csp.as_os_str()])
    .chain(
        ["--registration-kind", "ismap", "--format", "csv"]
            .iter()
            .map(std::ffi::OsStr::new),
    )
    .collect();
    capped(&args)
}

/// Review 24 D-1: one value at `XFD1048576` of a 5 KB check list, or of a CSP status table,
/// or at `ZZ200000`: exit 2 naming the sheet and the far cell, before any large allocation.
#[test]
fn a_far_value_is_refused_before_it_is_read() {
    for (checks, csp, cell) in [
        (
            fx("x3-far-cell.xlsx"),
            fx("all.txt"),
            "XFD1048576 holds 'x'",
        ),
        (
            fx("checks.csv"),
            fx("x5-csp-far-cell.xlsx"),
            "XFD1048576 holds 'x'",
        ),
        (fx("x9-mid-far.xlsx"), fx("all.txt"), "ZZ200000 holds 'x'"),
    ] {
        let (code, stderr) = capped_report(checks.clone(), csp);
        assert_eq!(code, Some(2), "{checks:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(stderr.contains(cell), "{stderr}");
        assert!(stderr.contains("sheet"), "{stderr}");
        assert!(stderr.contains("delete the cell"), "{stderr}");
        assert_eq!(
            stderr.lines().filter(|l| l.starts_with("error:")).count(),
            1
        );
    }
}

/// Review 24 D-1's guards: an empty styled cell at `XFD1048576` (the `<dimension>` saying
/// so too) holds nothing: the list reads; a stray value at `XFD2` of a two-item list spans
/// 32,768 cells: read, and met by the check list's own rule for a cell right of the header.
#[test]
fn an_empty_far_cell_and_a_small_far_rectangle_read() {
    let (code, stderr) = capped_report(fx("x8-far-empty-styled.xlsx"), fx("all.txt"));
    assert_eq!(code, Some(0), "{stderr}");
    let v = json_of(report(fx("x8-far-empty-styled.xlsx"), fx("all.txt")));
    assert_eq!(v["items"].as_array().unwrap().len(), 2);
    let (code, stderr) = capped_report(fx("x10-far-column-near-row.xlsx"), fx("all.txt"));
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("column 'XFD': cell 'x' is right of the header"),
        "{stderr}"
    );
    assert!(!stderr.contains("cells read"), "{stderr}");
}

/// Review 24 D-2: a reversed merged range (`D3:C2`) and one without a row (`ZZZZ9:A`):
/// exit 2 naming the range, no panic (this suite runs a debug build, where calamine's
/// subtraction overflowed).
#[test]
fn a_merged_range_that_is_no_range_is_refused() {
    for name in ["x4-bad-merge.xlsx", "x4b-reversed-merge.xlsx"] {
        let e = input_error(report(fx(name), fx("all.txt")));
        assert!(
            e.contains("the merged range 'D3:C2' is no range of cells"),
            "{e}"
        );
        assert!(e.contains("unmerge the cells"), "{e}");
    }
}

/// Review 24 A-6: a text box over a CSP table (`※ 9.2.3 は2027年度から実施予定`) or over a
/// check list (`※ 本シートの全項目は当社による個別監査で確認すること`) is refused, naming its
/// anchor and text; a shape without text passes (9.2.3 covered).
#[test]
fn text_in_a_text_box_is_refused_a_shape_without_text_passes() {
    let e = input_error(report(fx("checks.csv"), fx("t1-csp-textbox.xlsx")));
    assert!(
        e.contains("a text box at F4 holds '※ 9.2.3 は2027年度から実施予定（現在は計画中）'"),
        "{e}"
    );
    assert!(e.contains("move the text into a cell"), "{e}");
    let e = input_error(report(fx("t2-checks-textbox.xlsx"), fx("all.txt")));
    assert!(
        e.contains("a text box at E2 holds '※ 本シートの全項目"),
        "{e}"
    );
    let v = json_of(report(fx("checks.csv"), fx("t3-csp-empty-shape.xlsx")));
    assert_eq!(status(&v, "C-02"), "covered");
    // the same workbook without the shape reads alike
    let v = json_of(report(fx("checks.csv"), fx("csp-base.xlsx")));
    assert_eq!(status(&v, "C-02"), "covered");
}

/// Review 24 A-8: sheets each with its own `登録区分` line named by different products
/// (`Foo Compute` | `Foo Storage`, `Compute Engine` | `Cloud Storage`) or layers (`IaaS` |
/// `PaaS`) are separate statements; copies (`管理策一覧 (2)`, `_確定` | `_作業用`, `Sheet1` |
/// `Sheet2`) are refused as versions are.
#[test]
fn product_sheets_and_copies_are_not_merged() {
    for (name, words) in [
        ("ms-a.xlsx", "('compute', 'storage')"),
        ("ms-e.xlsx", "('compute engine', 'cloud storage')"),
        ("ms-c.xlsx", "('iaas', 'paas')"),
    ] {
        let e = input_error(report(fx("checks.csv"), fx(name)));
        assert!(
            e.contains("name different regions, environments, services or editions"),
            "{name}: {e}"
        );
        assert!(e.contains(words), "{name}: {e}");
        assert!(e.contains("--csp-sheet"), "{name}: {e}");
        assert!(!e.contains("kept for reference"), "{name}: {e}");
    }
    for name in ["mv-c.xlsx", "mv-w.xlsx", "mv-s.xlsx"] {
        let e = input_error(report(fx("checks.csv"), fx(name)));
        assert!(e.contains("two copies of one list"), "{name}: {e}");
        assert!(e.contains("--csp-sheet"), "{name}: {e}");
    }
}

/// Review 24 A-8's guard: a list split over sheets by clause (`組織的対策` | `技術的対策`), a
/// continuation (`管理策一覧` | `管理策一覧（続き）`) or a number (`一覧1` | `一覧2`), each sheet
/// with its own `登録区分` line, reads as one list.
#[test]
fn a_list_split_by_clause_or_number_still_reads() {
    for name in ["split-clause.xlsx", "split-cont.xlsx", "split-num.xlsx"] {
        let v = json_of(report(fx("checks.csv"), fx(name)));
        for id in ["C-01", "C-02", "C-03", "C-04"] {
            assert_eq!(status(&v, id), "covered", "{name} {id}");
        }
    }
}

/// Review 24 B-1: sheets named as samples or answer examples, drafts, deleted or abolished
/// items or another company's form kept for reference, beside the check list, are not read
/// (named in a note); the check list's two items are the only ones.
#[test]
fn sample_draft_deleted_and_reference_sheets_are_not_read() {
    for (sheet, note) in [
        ("Sample", "instructions, examples"),
        ("回答例", "instructions, examples"),
        ("記入例", "instructions, examples"),
        (
            "2026年度（案）",
            "drafts, copies, templates, deleted or unused items or kept for reference",
        ),
        (
            "削除項目",
            "drafts, copies, templates, deleted or unused items or kept for reference",
        ),
        (
            "廃止",
            "drafts, copies, templates, deleted or unused items or kept for reference",
        ),
        (
            "参考（他社様式）",
            "drafts, copies, templates, deleted or unused items or kept for reference",
        ),
    ] {
        let out = report(fx(&format!("ws-{sheet}.xlsx")), fx("partial-list.txt"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{sheet}: {stderr}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let ids: Vec<&str> = v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["1", "2"], "{sheet}");
        assert!(
            stderr.contains(note) && stderr.contains(sheet),
            "{sheet}: {stderr}"
        );
    }
}

/// Review 24 B-1's guard: a sheet named by this year (`2026年度`) beside `チェックリスト` is
/// read (four items, each qualified by its sheet).
#[test]
fn a_sheet_named_by_its_year_still_reads() {
    let v = json_of(report(fx("ws-2026年度.xlsx"), fx("partial-list.txt")));
    assert_eq!(v["items"].as_array().unwrap().len(), 4);
    assert_eq!(status(&v, "チェックリスト/1"), "covered");
    by_id(&v["items"], "2026年度/1");
}

/// A GRC export of `id` rows (`ISMAP-9.2.1`, `id`, `ISMAP-9.2.4`), all `Implemented`.
fn grc_export(id: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grc.csv");
    std::fs::write(
        &path,
        format!(
            "Control ID,Control Name,Status,Owner\nISMAP-9.2.1,User registration and de-registration,Implemented,IAM\n{id},Management of privileged access rights,Implemented,IAM\nISMAP-9.2.4,Management of secret authentication information of users,Implemented,IAM\n"
        ),
    )
    .unwrap();
    (dir, path)
}

/// Review 24 A-10: a row whose id joins another standard's name (`ISO27001-A.9.2.3`,
/// `ISO27001:2013-A.9.2.3`, `27001_A.9.2.3`) states that standard's control: refused, never
/// 9.2.3 covered; `ISMAP 9.2.3` and `ISMAP:9.2.3` read as `ISMAP-9.2.3` does.
#[test]
fn another_standards_id_is_not_ismaps_the_ismap_name_apart_reads() {
    let e = input_error(report(fx("checks.csv"), fx("mix-iso.csv")));
    assert!(
        e.contains("'ISO27001-A.9.2.3' is a control number of another standard ('ISO27001')"),
        "{e}"
    );
    for id in ["ISO27001:2013-A.9.2.3", "27001_A.9.2.3"] {
        let (_dir, path) = grc_export(id);
        let e = input_error(report(fx("checks.csv"), path));
        assert!(
            e.contains("a control number of another standard"),
            "{id}: {e}"
        );
    }
    for id in ["ISMAP-9.2.3", "ISMAP 9.2.3", "ISMAP:9.2.3"] {
        let (_dir, path) = grc_export(id);
        let v = json_of(report(fx("checks.csv"), path));
        assert_eq!(status(&v, "C-02"), "covered", "{id}");
    }
}
