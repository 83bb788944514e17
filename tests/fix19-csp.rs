//! Session 10, fix19-csp: CSP lists as real services publish them (review 15) — a cover
//! sheet's registration facts read whichever sheet the list is on (A-11, C-2), a handling
//! label in a label | value cover row (C-3), GRC exports' framework columns and sheets,
//! prefixed ids (C-5), `Hybrid` implementation, numbered drop-down statuses (C-9).
mod common;

use std::path::{Path, PathBuf};

use common::{add_text_sheet, bin, input_error, json_of};

fn data(name: &str) -> PathBuf {
    common::data(&format!("fix19-csp/{name}"))
}

/// `ismap-gap --lang en report --format json --as-of 2026-12-01 --checks CHECKS --csp CSP`,
/// more args after.
fn report(checks: &Path, csp: &Path, more: &[&str]) -> assert_cmd::Command {
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "report",
        "--format",
        "json",
        "--as-of",
        "2026-12-01",
    ])
    .arg("--checks")
    .arg(checks)
    .arg("--csp")
    .arg(csp)
    .args(more);
    c
}

fn workbook(dir: &Path, sheets: &[(&str, &[&[&str]])]) -> PathBuf {
    let path = dir.join("csp.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        add_text_sheet(&mut wb, name, rows);
    }
    wb.save(&path).unwrap();
    path
}

/// Review 15 A-11: under `--csp-sheet`, the cover's lapsed renewal deadline is read (nothing
/// covered, the lapse shown), and its kind ISMAP-LIU is the list's kind (refused against
/// `--registration-kind ismap`), as without `--csp-sheet`.
#[test]
fn a_covers_lapsed_deadline_is_read_under_csp_sheet() {
    let checks = data("checks.csv");
    for more in [&["--csp-sheet", "管理策一覧"][..], &[]] {
        let mut args = more.to_vec();
        args.extend(["--registration-kind", "ismap"]);
        let v = json_of(report(
            &checks,
            &data("csp-workbook-lapsed-cover.xlsx"),
            &args,
        ));
        assert_eq!(v["csp"]["renewal_deadline"], "2026-06-30", "{more:?}");
        assert_eq!(v["csp"]["registration_number"], "C23-0456-2", "{more:?}");
        assert_eq!(v["summary"]["covered"], 0, "{more:?}");
        assert_eq!(v["summary"]["covered_with_notes"], 0, "{more:?}");
        let e = input_error(report(
            &checks,
            &data("csp-workbook-lapsed-liu-cover.xlsx"),
            &args,
        ));
        assert!(
            e.contains("the list states the registration kind ISMAP-LIU, and --registration-kind says ISMAP"),
            "{more:?}: {e}"
        );
    }
}

/// Review 15 C-2: an ordinary cover (登録番号, 登録の更新期限 in the future, 監査対象期間,
/// 登録区分, and a handling label) reads, with and without `--csp-sheet`: the deadline is
/// the registration's, never "the list's date after the as-of date". Guards: a note on the
/// cover that projects the statuses, a fact under a label the entry does not use, or a
/// scope naming a part of the service (not taken from a cover) is still refused.
#[test]
fn an_ordinary_cover_is_read_as_the_registration() {
    let checks = data("checks.csv");
    for more in [&["--csp-sheet", "管理策一覧"][..], &[]] {
        let v = json_of(report(&checks, &data("csp-workbook.xlsx"), more));
        assert_eq!(v["csp"]["renewal_deadline"], "2027-06-30", "{more:?}");
        assert_eq!(v["csp"]["registration_kind"], "ismap", "{more:?}");
        assert_eq!(v["csp"]["audit_period"]["from"], "2025-04-01", "{more:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    let table: &[&[&str]] = &[
        &["統制目標番号", "実施状況"],
        &["5.1.1", "実施"],
        &["9.2.3", "実施"],
    ];
    let cover = |extra: &'static [&'static str]| -> Vec<&'static [&'static str]> {
        vec![
            &["登録番号", "C23-0456-2"],
            &["登録の更新期限", "2027年6月30日"],
            &["登録区分", "ISMAP"],
            extra,
        ]
    };
    for (extra, says) in [
        (
            &["本表の実施状況は2027年度末時点の見込みです"][..],
            "sheet '表紙': row 4",
        ),
        (
            &["掲載終了日", "2026年6月30日"][..],
            "'掲載終了日 2026年6月30日'",
        ),
        // the scope is not taken from a cover: a part of the service stays refused
        (
            &["対象範囲", "東京リージョンのみ"][..],
            "'対象範囲 東京リージョンのみ'",
        ),
    ] {
        let rows = cover(extra);
        let path = workbook(dir.path(), &[("表紙", &rows), ("管理策一覧", table)]);
        for more in [&["--csp-sheet", "管理策一覧"][..], &[]] {
            let e = input_error(report(&checks, &path, more));
            assert!(e.contains(says), "{extra:?} {more:?}: {e}");
        }
    }
}

/// Review 15 C-3: a handling label in a cover's label | value row (`本書の取扱い |
/// 社外秘（NDA締結先限り）`, `取扱区分 | 取扱注意（開示先限定）`, `Classification | Confidential - NDA
/// only`) restricts the readers, not the controls: read. Guard: the same label whose value
/// also plans (`2027年4月以降に開示予定`) is still read as a note, and refused.
#[test]
fn a_handling_label_row_on_a_cover_is_furniture() {
    let checks = data("checks.csv");
    let v = json_of(report(
        &checks,
        &data("csp-workbook-nocover.xlsx"),
        &["--registration-kind", "ismap", "--csp-sheet", "管理策一覧"],
    ));
    assert!(v["summary"]["total"].as_u64() > Some(0));
    let dir = tempfile::tempdir().unwrap();
    let table: &[&[&str]] = &[
        &["統制目標番号", "実施状況"],
        &["5.1.1", "実施"],
        &["9.2.3", "実施"],
    ];
    for row in [
        ["本書の取扱い", "社外秘（NDA締結先限り）"],
        ["取扱区分", "取扱注意（開示先限定）"],
        ["機密区分：", "社外秘：NDA締結先限定"],
        ["Classification", "Confidential - NDA only"],
    ] {
        let cover: &[&[&str]] = &[&["はやてSaaS 管理策一覧"], &row];
        let path = workbook(dir.path(), &[("表紙", cover), ("管理策一覧", table)]);
        let v = json_of(report(&checks, &path, &["--registration-kind", "ismap"]));
        assert_eq!(v["summary"]["total"], 9, "{row:?}");
    }
    let cover: &[&[&str]] = &[
        &["はやてSaaS 管理策一覧"],
        &["本書の取扱い", "社外秘（2027年4月以降に開示予定）"],
    ];
    let path = workbook(dir.path(), &[("表紙", cover), ("管理策一覧", table)]);
    let e = input_error(report(&checks, &path, &["--registration-kind", "ismap"]));
    assert!(e.contains("sheet '表紙': row 2"), "{e}");
}

/// The item of `v` with id `id`: its status.
fn status<'a>(v: &'a serde_json::Value, id: &str) -> &'a str {
    common::by_id(&v["items"], id)["status"]
        .as_str()
        .unwrap_or_default()
}

fn warned(v: &serde_json::Value, code: &str) -> bool {
    v["warnings"]
        .as_array()
        .is_some_and(|w| w.iter().any(|w| w["code"] == code))
}

/// Review 15 A-6: a multi-framework GRC export — rows whose `Framework` column names another
/// framework, or a sheet named by one (`ISO 27001 SoA`, `SOC 2`) — is not the ISMAP
/// statement: those rows are left out with a warning naming them, those sheets skipped as
/// `other-framework` (and refused under `--csp-sheet`). Guards: the ISMAP rows and sheet
/// read; a framework column saying ISMAP on every row reads every row; a sheet whose name
/// names ISMAP beside ISO reads; a row with an id and no framework is refused.
#[test]
fn rows_and_sheets_of_another_framework_are_not_ismap_statements() {
    let checks = data("chk3.csv");
    let kind = ["--registration-kind", "ismap"];
    let v = json_of(report(&checks, &data("multi-fw.csv"), &kind));
    assert_eq!(status(&v, "Q-1"), "not-covered");
    assert_eq!(status(&v, "Q-3"), "not-covered");
    assert_eq!(status(&v, "Q-2"), "covered");
    assert!(warned(&v, "csp-other-framework"), "{}", v["warnings"]);
    let v = json_of(report(&checks, &data("multi-sheet-grc.xlsx"), &kind));
    assert_eq!(status(&v, "Q-1"), "not-covered");
    assert_eq!(status(&v, "Q-3"), "not-covered");
    let skipped: Vec<(&str, &str)> = v["csp"]["read_as"]["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["sheet"].as_str().unwrap(), s["why"].as_str().unwrap()))
        .collect();
    assert_eq!(
        skipped,
        [
            ("ISO 27001 SoA", "other-framework"),
            ("SOC 2", "other-framework")
        ]
    );
    let e = input_error(report(
        &checks,
        &data("multi-sheet-grc.xlsx"),
        &["--csp-sheet", "ISO 27001 SoA"],
    ));
    assert!(e.contains("names another framework than ISMAP"), "{e}");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fw.csv");
    std::fs::write(
        &path,
        "Framework,Control ID,Status\nISMAP,5.1.1,Implemented\nISMAP,9.2.3,Implemented\nISMAP,12.4.1,Implemented\n",
    )
    .unwrap();
    let v = json_of(report(&checks, &path, &kind));
    assert_eq!(status(&v, "Q-1"), "covered");
    assert!(!warned(&v, "csp-other-framework"));
    std::fs::write(
        &path,
        "Framework,Control ID,Status\nISMAP,5.1.1,Implemented\n,9.2.3,Implemented\n",
    )
    .unwrap();
    let e = input_error(report(&checks, &path, &kind));
    assert!(e.contains("row 3: column 'A'"), "{e}");
    assert!(e.contains("names no framework"), "{e}");
    let table: &[&[&str]] = &[
        &["Control ID", "Status"],
        &["5.1.1", "Implemented"],
        &["9.2.3", "Implemented"],
    ];
    let path = workbook(dir.path(), &[("ISMAP（ISO 27002ベース）", table)]);
    let v = json_of(report(&checks, &path, &kind));
    assert_eq!(status(&v, "Q-1"), "covered");
}

/// Review 15 C-5: a GRC export whose ids carry the scheme's prefix (`ISMAP-9.2.3`,
/// `ISMAP-8.1.5.P`) reads as a status table, as the same ids without it. Guards: another
/// scheme's prefix (`ISO-9.2.3`, `NIST-AC-2`) is no ISMAP id; a prefixed row whose status is
/// partial is still refused.
#[test]
fn ismap_prefixed_grc_ids_are_read() {
    let checks = data("chk2.csv");
    let kind = ["--registration-kind", "ismap"];
    let v = json_of(report(&checks, &data("grc-prefixed.csv"), &kind));
    assert_eq!(v["csp"]["implemented"], 3, "{}", v["csp"]);
    assert_eq!(v["csp"]["read_as"]["kind"], "status-table");
    assert_eq!(status(&v, "Q-1"), "covered");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grc.csv");
    std::fs::write(
        &path,
        "Control ID,Control Name,Status\nISO-9.2.3,Management of privileged access rights,Implemented\nNIST-AC-2,Account management,Implemented\n",
    )
    .unwrap();
    let e = input_error(report(&checks, &path, &kind));
    assert!(e.contains("found no ISMAP control ids"), "{e}");
    std::fs::write(
        &path,
        "Control ID,Control Name,Status\nISMAP-5.1.1,Policies,Implemented\nISMAP-9.2.3,Privileged access,Partially Implemented\n",
    )
    .unwrap();
    let e = input_error(report(&checks, &path, &kind));
    assert!(e.contains("'Partially Implemented' for ISMAP-9.2.3"), "{e}");
}

/// Review 15 C-9: numbered drop-down statuses (`1:実施`, `1.実施済`, `3:未実施`) read as the
/// word after the number. Guards: `2:一部実施` is still refused as partial.
#[test]
fn numbered_drop_down_statuses_read_as_their_word() {
    let checks = data("chk-923.csv");
    for (file, q1) in [
        ("num-181697.csv", "covered"),
        ("num-8bc885.csv", "covered"),
        ("num-18234d.csv", "not-covered"),
    ] {
        let v = json_of(report(&checks, &data(file), &[]));
        assert_eq!(status(&v, "Q-1"), q1, "{file}");
        assert_eq!(status(&v, "Q-4"), "covered", "{file}");
    }
    let e = input_error(report(&checks, &data("num-cc6b04.csv"), &[]));
    assert!(e.contains("'2:一部実施'"), "{e}");
}

/// Review 15 A-9: `Implementation Type | Hybrid` (partly inherited from another provider) is
/// someone else implementing it in part: the row is refused as `Responsibility | Shared`
/// is, and so are `Shared` and `Control Origination | Provided by Customer`. Guards:
/// `Manual`, `Automated` there name no one and read as before.
#[test]
fn a_hybrid_implementation_type_is_not_the_services_own() {
    let checks = data("chk2.csv");
    let kind = ["--registration-kind", "ismap"];
    let e = input_error(report(&checks, &data("inh-cf0ba4.csv"), &kind));
    assert!(e.contains("row 3: column 'Implementation Type'"), "{e}");
    assert!(e.contains("names someone else"), "{e}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    let with = |header: &str, value: &str| {
        std::fs::write(
            &path,
            format!("Control ID,Control Name,Status,{header}\n5.1.1,Policies for information security,Implemented,\n9.2.3,Management of privileged access rights,Implemented,{value}\n"),
        )
        .unwrap();
    };
    for (header, value) in [
        ("Implementation Type", "Shared"),
        ("Control Origination", "Provided by Customer"),
    ] {
        with(header, value);
        let e = input_error(report(&checks, &path, &kind));
        assert!(e.contains(&format!("'{value}' in '{header}'")), "{e}");
    }
    for value in ["Manual", "Automated"] {
        with("Implementation Type", value);
        let v = json_of(report(&checks, &path, &kind));
        assert!(
            status(&v, "Q-1").starts_with("covered"),
            "{value}: {}",
            v["items"]
        );
    }
}
