//! Review 9's check-list column findings (`tests/data/fix9_chk/`): a references header
//! with a note (`ISMAP管理策（2024年改訂後）`, `ISMAP管理策_v2`, `管理策ID`) is a references
//! column, and a second one beside ours an input error, never an extra column whose ids
//! are not read; a column of ISMAP ids under a header the tool does not know is refused,
//! on the sheet read and on a second sheet (never dropped with a note); a hidden
//! references column is not read; the required assurance is read under `求める保証水準`,
//! `保証水準`, `Assurance level`, `確認水準（必須）`, and a column of assurance levels or of
//! marks for one under another header is refused, never defaulted to `ismap` (A-chk-1,
//! A-asr-1).
mod common;

use common::{add_text_sheet, by_id, data, input_error, on_checks};

fn fixture(name: &str) -> std::path::PathBuf {
    data(&format!("fix9_chk/{name}"))
}

/// `report --checks CHECKS --csp csp-st.csv --format json ARGS` (9.2.4 未実施, the other
/// 9.2 controls 実施).
fn report(checks: impl AsRef<std::ffi::OsStr>, args: &[&str]) -> assert_cmd::Command {
    let mut c = on_checks("en", "report", checks);
    c.arg("--csp")
        .arg(fixture("csp-st.csv"))
        .args(["--format", "json"])
        .args(args);
    c
}

fn json(mut c: assert_cmd::Command) -> serde_json::Value {
    let out = c.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn status<'a>(v: &'a serde_json::Value, id: &str) -> &'a str {
    by_id(&v["items"], id)["status"].as_str().unwrap()
}

#[test]
fn a_references_header_with_a_note_is_the_references_column() {
    let v = json(report(fixture("noted-alone.csv"), &[]));
    assert_eq!(status(&v, "K-1"), "not-covered");
    // every header of the finding, alone, reads its ids
    let dir = tempfile::tempdir().unwrap();
    for header in [
        "ISMAP管理策(新)",
        "ISMAP管理策_v2",
        "管理策番号（見直し後）",
        "ISMAP管理策No.",
        "管理策ID",
        "ISMAP管理策※",
        "ISMAP管理策 *必須",
        "ISMAP管理基準項番",
        "ISMAP番号",
        "References (ID)",
    ] {
        let path = dir.path().join("h.csv");
        std::fs::write(&path, format!("項番,確認項目,{header}\nK-1,a,9.2.4\n")).unwrap();
        let v = json(report(&path, &[]));
        assert_eq!(status(&v, "K-1"), "not-covered", "{header}");
    }
}

#[test]
fn a_second_references_column_with_a_note_is_an_input_error_naming_both() {
    for (file, second) in [
        ("noted-new.csv", "ISMAP管理策(新)"),
        ("noted-v2.csv", "ISMAP管理策_v2"),
        ("noted-revised.csv", "管理策番号（見直し後）"),
    ] {
        let err = input_error(report(fixture(file), &[]));
        assert!(
            err.contains(&format!("and D ('{second}') are both a references column")),
            "{err}"
        );
        assert!(err.contains("--refs-column"), "{err}");
    }
    // --refs-column picks one; the other is carried
    let v = json(report(
        fixture("noted-new.csv"),
        &["--refs-column", "ISMAP管理策(新)"],
    ));
    assert_eq!(status(&v, "K-1"), "not-covered");
}

#[test]
fn a_column_of_ids_under_another_header_is_refused() {
    let err = input_error(report(fixture("ids-unnamed.csv"), &[]));
    assert!(
        err.contains("the column '改訂案' holds ISMAP ids ('9.2.4') beside the references column 'ISMAP管理策'"),
        "{err}"
    );
    assert!(err.contains("row 2"), "{err}");
    // named, the other column is carried as it is
    let v = json(report(
        fixture("ids-unnamed.csv"),
        &["--refs-column", "ISMAP管理策"],
    ));
    assert_eq!(status(&v, "K-1"), "covered");
    assert_eq!(by_id(&v["items"], "K-1")["extra"]["改訂案"], "9.2.4");
    // the controls' names beside the references are no column of ids
    let v = json(report(fixture("names-beside.csv"), &[]));
    assert_eq!(status(&v, "K-1"), "covered");
}

#[test]
fn the_required_assurance_is_read_under_its_everyday_headers() {
    let v = json(report(fixture("hoshou.csv"), &[]));
    assert_eq!(status(&v, "K-1"), "assurance-gap");
    assert_eq!(status(&v, "K-2"), "assurance-gap");
    let dir = tempfile::tempdir().unwrap();
    for header in [
        "保証水準",
        "Assurance level",
        "確認水準（必須）",
        "求める保証レベル",
    ] {
        let path = dir.path().join("a.csv");
        std::fs::write(
            &path,
            format!("項番,確認項目,ISMAP管理策,{header}\nK-1,特権,9.2.1,保証報告\n"),
        )
        .unwrap();
        let v = json(report(&path, &[]));
        assert_eq!(status(&v, "K-1"), "assurance-gap", "{header}");
    }
    // two columns of it: which one counts cannot be told
    let err = input_error(report(fixture("two-levels.csv"), &[]));
    assert!(err.contains("are both a assurance column"), "{err}");
}

#[test]
fn a_column_of_assurance_levels_under_another_header_is_refused() {
    let err = input_error(report(fixture("kakunin-houhou.csv"), &[]));
    assert!(
        err.contains("the column '確認方法' holds required-assurance levels ('保証報告'), but is not read as the required assurance"),
        "{err}"
    );
    assert!(err.contains("求める確認水準"), "{err}");
    let mut c = on_checks("ja", "report", fixture("kakunin-houhou.csv"));
    let out = c.arg("--csp").arg(fixture("csp-st.csv")).output().unwrap();
    let ja = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{ja}");
    assert!(
        ja.contains("には求める確認水準('保証報告')があります"),
        "{ja}"
    );
    assert!(!ja.contains("holds required-assurance"), "{ja}");
    // a column of other words, a few of them levels, is carried
    let v = json(report(fixture("kakunin-text.csv"), &[]));
    assert_eq!(status(&v, "K-1"), "covered");
    // a level below ISMAP asks for no more than the default
    let v = json(report(fixture("self-col.csv"), &[]));
    assert_eq!(status(&v, "K-1"), "covered");
}

#[test]
fn a_column_of_marks_for_an_assurance_level_is_refused() {
    let err = input_error(report(fixture("flagcols.csv"), &[]));
    assert!(
        err.contains("the column 'SOC2報告書で確認' marks items ('○') for an assurance level"),
        "{err}"
    );
}

/// A workbook of `sheets` (name, rows) in a temporary folder, column `hidden` of the first
/// sheet hidden.
fn workbook(
    dir: &tempfile::TempDir,
    sheets: &[(&str, &[&[&str]])],
    hidden: Option<u16>,
) -> std::path::PathBuf {
    let path = dir.path().join("checks.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        add_text_sheet(&mut wb, name, rows);
    }
    if let Some(c) = hidden {
        wb.worksheet_from_index(0)
            .unwrap()
            .set_column_hidden(c)
            .unwrap();
    }
    wb.save(&path).unwrap();
    path
}

const ORG: (&str, &[&[&str]]) = (
    "組織的対策",
    &[
        &["項番", "確認項目", "ISMAP管理策", "求める確認水準"],
        &["K-1", "利用者登録", "9.2.1", "ISMAP"],
    ],
);

#[test]
fn a_second_sheet_with_a_noted_references_header_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = workbook(
        &dir,
        &[
            ORG,
            (
                "技術的対策",
                &[
                    &[
                        "項番",
                        "確認項目",
                        "ISMAP管理策（2024年改訂後）",
                        "求める確認水準",
                    ],
                    &["T-1", "権限見直し", "9.2.4", "ISMAP"],
                ],
            ),
        ],
        None,
    );
    let v = json(report(&path, &[]));
    assert_eq!(status(&v, "K-1"), "covered");
    assert_eq!(status(&v, "T-1"), "not-covered");
}

#[test]
fn a_second_sheet_with_a_column_of_ids_under_an_unknown_header_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = workbook(
        &dir,
        &[
            ORG,
            (
                "技術的対策",
                &[
                    &["項番", "確認項目", "対応項番", "求める確認水準"],
                    &["T-1", "権限見直し", "9.2.4", "ISMAP"],
                ],
            ),
        ],
        None,
    );
    let err = input_error(report(&path, &[]));
    assert!(err.contains("sheet '技術的対策'"), "{err}");
    assert!(
        err.contains("a column of ISMAP ids ('対応項番', holding '9.2.4'), but no references column the tool knows"),
        "{err}"
    );
}

#[test]
fn a_hidden_references_column_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let rows: &[&[&str]] = &[
        &[
            "項番",
            "確認項目",
            "ISMAP管理策",
            "ISMAP管理策（2024年改訂後）",
            "求める確認水準",
        ],
        &["K-1", "利用者登録", "9.2.1", "9.2.1", "ISMAP"],
        &["K-2", "アクセス権の見直し", "9.2.5", "9.2.4", "ISMAP"],
    ];
    let path = workbook(&dir, &[("確認項目", rows)], Some(2));
    // both named as references: an input error naming both
    let err = input_error(report(&path, &[]));
    assert!(err.contains("are both a references column"), "{err}");
    // the hidden one named: refused
    let err = input_error(report(&path, &["--refs-column", "ISMAP管理策"]));
    assert!(
        err.contains("the column 'ISMAP管理策' is hidden, and the tool would read the check items' references from it"),
        "{err}"
    );
    // the visible one named: read, the hidden one carried
    let v = json(report(
        &path,
        &["--refs-column", "ISMAP管理策（2024年改訂後）"],
    ));
    assert_eq!(status(&v, "K-2"), "not-covered");
    // a hidden references column alone is refused too
    let alone: &[&[&str]] = &[
        &["項番", "確認項目", "ISMAP管理策"],
        &["K-1", "利用者登録", "9.2.1"],
    ];
    let path = workbook(&dir, &[("確認項目", alone)], Some(2));
    let err = input_error(report(&path, &[]));
    assert!(err.contains("is hidden"), "{err}");
}

#[test]
fn a_note_saying_the_column_holds_text_or_a_standard_is_no_references_header_of_ours() {
    // `管理策（内容）` is carried; `管理策 (ISO/IEC 27001:2022)` is read beside ours
    let v = json(report(fixture("text-and-standard.csv"), &[]));
    assert_eq!(
        by_id(&v["items"], "K-1")["extra"]["管理策（内容）"],
        "利用者の登録及び削除"
    );
    assert_eq!(
        v["checks"]["more_references_columns"][0]["header"],
        "管理策 (ISO/IEC 27001:2022)"
    );
    // `Reference No.` may number the buyer's own documents: carried
    let v = json(report(fixture("reference-no.csv"), &[]));
    assert_eq!(status(&v, "K-1"), "covered");
    assert_eq!(
        by_id(&v["items"], "K-1")["extra"]["Reference No."],
        "DOC-001"
    );
}

#[test]
fn a_second_sheet_numbered_like_the_catalog_without_references_is_skipped_as_before() {
    // its ids under `項番` are item numbers, no column of references
    let dir = tempfile::tempdir().unwrap();
    let path = workbook(
        &dir,
        &[
            ORG,
            (
                "改訂履歴",
                &[
                    &["項番", "確認項目"],
                    &["9.2.1", "初版"],
                    &["9.2.2", "改訂"],
                ],
            ),
        ],
        None,
    );
    let mut c = report(&path, &[]);
    let out = c.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("改訂履歴"), "{stderr}");
}

#[test]
fn a_list_whose_only_column_of_ids_has_an_unknown_header_names_it() {
    let err = input_error(report(fixture("ids-unknown-header.csv"), &[]));
    assert!(
        err.contains("a column of ISMAP ids ('対応項番', holding '9.2.4'), but no references column the tool knows"),
        "{err}"
    );
}
