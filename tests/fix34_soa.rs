//! Session 14 (fix34-soa): review 23 A-2 — an ISO/IEC 27001 statement of applicability
//! (a sheet named `Statement of Applicability`, `SoA`, `適用宣言書`, `適用性宣言書` whose ids are
//! Annex A numbers, `A.9.2.1`) was read as the ISMAP statement once the workbook named ISMAP
//! (`登録区分: ISMAP`, a cover): bare `covered`. It is refused (read alone) or skipped as
//! another framework (beside the ISMAP list); the same rows on a `管理策一覧` sheet, and
//! ISMAP's ids under an SoA name, still read.
mod common;

use std::path::PathBuf;

use common::{by_id, input_error, json_of, on_checks, text_workbook};

/// The check list of `tests/data/fix15-csp` (K-1 asks for 9.2.1, K-2 for 9.2.3, K-6 for
/// 11.1.1).
fn checks() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/fix15-csp/k.csv")
}

fn report(path: &PathBuf, extra: &[&str]) -> assert_cmd::Command {
    let mut c = on_checks("en", "report", checks());
    c.args(["--registration-kind", "ismap", "--format", "json"])
        .args(extra)
        .arg("--csp")
        .arg(path);
    c
}

fn status(v: &serde_json::Value, id: &str) -> String {
    by_id(&v["items"], id)["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// A sheet with `登録区分: ISMAP` above a table of `ids`, each applicable and implemented.
fn table<'a>(ids: &[&'a str]) -> Vec<Vec<&'a str>> {
    let mut rows = vec![
        vec!["登録区分: ISMAP"],
        vec![],
        vec!["管理策", "管理策名", "適用", "実施状況"],
    ];
    rows.extend(ids.iter().map(|id| vec![*id, "", "○", "実施"]));
    rows
}

const ANNEX_A: [&str; 3] = ["A.9.2.1", "A.9.2.3", "A.11.1.1"];

/// Review 23 A-2: a sheet named as the ISO/IEC 27001 SoA with Annex A ids is refused, read
/// alone or by `--csp-sheet`, with the workbook naming ISMAP (a `登録区分` line, a cover
/// with a registration number) and `--registration-kind ismap`.
#[test]
fn an_iso_statement_of_applicability_is_refused_whatever_names_ismap() {
    for name in [
        "Statement of Applicability",
        "SoA",
        "適用宣言書",
        "適用性宣言書",
        "ISMS 適用宣言書 2026",
    ] {
        let (_d, path) = text_workbook(&[(name, table(&ANNEX_A))]);
        let err = input_error(report(&path, &[]));
        assert!(
            err.contains(&format!("sheet '{name}'"))
                && err.contains("ISMS's statement of applicability, not the ISMAP statement"),
            "{name}: {err}"
        );
        let err = input_error(report(&path, &["--csp-sheet", name]));
        assert!(
            err.contains("ISMS's statement of applicability"),
            "{name}: {err}"
        );
        // in Japanese too
        let mut c = on_checks("ja", "report", checks());
        c.args(["--registration-kind", "ismap", "--csp"]).arg(&path);
        let out = c.output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(err.contains("ISMSの適用宣言書です"), "{name}: {err}");
    }
    // a cover naming the registration beside it (the review's A2-soa-ja.xlsx)
    let (_d, path) = text_workbook(&[
        (
            "表紙",
            vec![
                vec!["サンプルSaaS セキュリティ資料"],
                vec!["ISMAP登録番号: C99-0001-1"],
                vec!["登録区分: ISMAP"],
            ],
        ),
        ("適用宣言書", table(&ANNEX_A)),
    ]);
    let err = input_error(report(&path, &[]));
    assert!(err.contains("sheet '適用宣言書'"), "{err}");
}

/// Beside the ISMAP list, the SoA sheet is skipped as another framework: a control only it
/// states (11.1.1) is not credited.
#[test]
fn an_iso_statement_of_applicability_beside_the_ismap_list_is_skipped() {
    let (_d, path) = text_workbook(&[
        ("管理策一覧", table(&["9.2.1", "9.2.3"])),
        ("Statement of Applicability", table(&ANNEX_A)),
    ]);
    let v = json_of(report(&path, &[]));
    assert_eq!(status(&v, "K-1"), "covered");
    assert_eq!(status(&v, "K-2"), "covered");
    assert_ne!(status(&v, "K-6"), "covered", "{v}");
    assert_eq!(
        v["csp"]["read_as"]["skipped"],
        serde_json::json!([{"sheet": "Statement of Applicability", "why": "other-framework"}])
    );
}

/// The ordinary neighbours read as before: the same Annex A rows on a `管理策一覧` sheet of a
/// list naming ISMAP (its Annex A ids the ISMAP numbers they retype), and ISMAP's ids under
/// an SoA name (a CSP may title its ISMAP list so; readiness writes its own so named).
#[test]
fn the_ismap_list_under_its_ordinary_names_still_reads() {
    for (name, ids) in [
        ("管理策一覧", ANNEX_A),
        ("適用宣言書", ["9.2.1", "9.2.3", "11.1.1"]),
        ("Statement of Applicability", ["9.2.1", "9.2.3", "11.1.1"]),
        ("SoA", ["9.2.1", "9.2.3", "11.1.1"]),
    ] {
        let (_d, path) = text_workbook(&[(name, table(&ids))]);
        let v = json_of(report(&path, &[]));
        for id in ["K-1", "K-2", "K-6"] {
            assert_eq!(status(&v, id), "covered", "{name} {id}: {v}");
        }
    }
    // `SoA` inside a word names no statement of applicability
    let (_d, path) = text_workbook(&[("Soap Service", table(&ANNEX_A))]);
    let v = json_of(report(&path, &[]));
    assert_eq!(status(&v, "K-1"), "covered", "{v}");
}
