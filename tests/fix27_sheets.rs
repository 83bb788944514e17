//! Session 12 (fix27-sheets): review 20's over-refusals of ordinary sheet names — clause
//! sheets titled as JIS Q 27002 (C-7), topics of one service (C-8), a status sheet carrying
//! policy references (C-11) — with the sheets that stay refused beside them.
mod common;

use std::path::PathBuf;

use common::{by_id, input_error, json_of, on_checks, text_workbook};

/// The check list of `tests/data/fix15-csp` (K-1 asks for 9.2.1, K-2 for 9.2.3, K-6 for
/// 11.1.1).
fn checks() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/fix15-csp/k.csv")
}

/// A status table (`管理策番号 | 実施状況`) of `rows` (id, status).
fn table<'a>(rows: &[(&'a str, &'a str)]) -> Vec<Vec<&'a str>> {
    let mut out = vec![vec!["管理策番号", "実施状況"]];
    out.extend(rows.iter().map(|(id, s)| vec![*id, *s]));
    out
}

fn report(path: &PathBuf) -> assert_cmd::Command {
    let mut c = on_checks("en", "report", checks());
    c.args(["--registration-kind", "ismap", "--format", "json", "--csp"])
        .arg(path);
    c
}

/// The status of item `id` of `report` on the workbook.
fn status(path: &PathBuf, id: &str) -> String {
    let v = json_of(report(path));
    by_id(&v["items"], id)["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Two sheets: the first states 9.2.1 and 9.2.3, the second only 11.1.1 (no control in
/// common).
fn disjoint(one: &str, other: &str) -> (tempfile::TempDir, PathBuf) {
    text_workbook(&[
        (one, table(&[("9.2.1", "実施"), ("9.2.3", "実施")])),
        (other, table(&[("11.1.1", "実施")])),
    ])
}

/// Review 20 C-7: a workbook with one sheet per clause titled as JIS Q 27002 was refused as
/// two environments (`環境` inside `環境的`, `開発` inside `取得、開発及び保守`). Read; two
/// environments stay refused.
#[test]
fn clause_sheets_titled_as_the_catalog_read() {
    for (one, other) in [
        ("9 アクセス制御", "11 物理的及び環境的セキュリティ"),
        (
            "11 物理的及び環境的セキュリティ",
            "14 システムの取得、開発及び保守",
        ),
    ] {
        let (_d, path) = disjoint(one, other);
        assert_eq!(status(&path, "K-1"), "covered", "{one} / {other}");
        assert_eq!(status(&path, "K-6"), "covered", "{one} / {other}");
    }
    for (one, other) in [("本番環境", "検証環境"), ("本番環境", "開発環境")] {
        let (_d, path) = disjoint(one, other);
        let err = input_error(report(&path));
        assert!(
            err.contains("name different regions"),
            "{one} / {other}: {err}"
        );
    }
}

/// Review 20 C-8: one service's list split by topic (`サービス全般`/`サービス運用`,
/// `クラウドサービス共通`/`クラウドサービス運用`) was refused as two services. Read; two named
/// services stay refused.
#[test]
fn topics_of_one_service_read() {
    for (one, other) in [
        ("サービス全般", "サービス運用"),
        ("クラウドサービス共通", "クラウドサービス運用"),
    ] {
        let (_d, path) = disjoint(one, other);
        assert_eq!(status(&path, "K-1"), "covered", "{one} / {other}");
        assert_eq!(status(&path, "K-6"), "covered", "{one} / {other}");
    }
    for (one, other) in [
        ("サービスA", "サービスB"),
        ("サービス全般", "関連サービスB"),
    ] {
        let (_d, path) = disjoint(one, other);
        let err = input_error(report(&path));
        assert!(
            err.contains("name different regions"),
            "{one} / {other}: {err}"
        );
    }
}

/// Review 20 C-11: a status sheet named as carrying policy references (`実施状況（規程参照）`,
/// `Controls & policy references`) was refused as kept for reference, alone or beside a
/// cover sheet. Read; `参照`, `管理策（参照）`, `参照用`, `References` stay refused.
#[test]
fn a_status_sheet_carrying_policy_references_reads() {
    let rows = || {
        vec![
            vec!["管理策番号", "実施状況", "参照規程"],
            vec!["9.2.1", "実施", "アクセス管理規程"],
            vec!["9.2.3", "実施", "アクセス管理規程"],
        ]
    };
    for name in [
        "実施状況（規程参照）",
        "管理策（参照規程付き）",
        "実施状況・参照規程",
        "Controls & policy references",
    ] {
        let (_d, path) = text_workbook(&[(name, rows())]);
        assert_ne!(status(&path, "K-1"), "not_listed", "{name}");
        let (_d, path) = text_workbook(&[("表紙", vec![vec!["管理策実施状況"]]), (name, rows())]);
        assert_ne!(status(&path, "K-1"), "not_listed", "{name} beside a cover");
    }
    for name in ["参照", "管理策（参照）", "参照用", "References"] {
        let (_d, path) = text_workbook(&[(name, rows())]);
        let err = input_error(report(&path));
        assert!(err.contains("kept for reference"), "{name}: {err}");
    }
}

/// Review 20 C-3: a list split over a sheet naming no scope and a later sheet naming a place
/// (`Sheet1`/`東京`, `共通`/`個別（東京）`, `管理策一覧`/`管理策一覧（東京リージョン）`) is still
/// refused (what `東京` states would be credited to the whole service), but by a message of
/// its own whose hint works: the first sheet renamed to name the same scope reads.
#[test]
fn a_later_sheet_naming_a_place_is_refused_with_a_hint_that_works() {
    for (one, other) in [
        ("Sheet1", "東京"),
        ("共通", "個別（東京）"),
        ("管理策一覧", "管理策一覧（東京リージョン）"),
    ] {
        let (_d, path) = disjoint(one, other);
        let err = input_error(report(&path));
        assert!(
            err.contains(&format!("sheet '{other}' names a place"))
                && err.contains(&format!("rename sheet '{one}' to name the same scope"))
                && !err.contains("list each control on one sheet only"),
            "{one} / {other}: {err}"
        );
    }
    // the hint followed: both sheets name the scope
    for (one, other) in [
        ("東京 一覧", "東京"),
        ("共通（東京）", "個別（東京）"),
        ("東京リージョン 共通", "管理策一覧（東京リージョン）"),
    ] {
        let (_d, path) = disjoint(one, other);
        assert_eq!(status(&path, "K-6"), "covered", "{one} / {other}");
    }
    // two places: the message of two scopes, as before
    let (_d, path) = disjoint("東京", "大阪");
    let err = input_error(report(&path));
    assert!(err.contains("name different regions"), "{err}");
}
