//! Session 13 (fix31-sheets): review 22's sheet findings — ordinary CSP workbook splits
//! refused by fix28-sheets (C-8) and two statements still merged when only a scope label or
//! a bracket tells them apart, each beside its twin.
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

/// The status of item `id` of `report` on the workbook.
fn status(path: &PathBuf, id: &str) -> String {
    let v = json_of(report(path, &[]));
    by_id(&v["items"], id)["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Two sheets with `above_one`/`above_other` above their tables: the first states 9.2.1 and
/// 9.2.3, the second only 11.1.1 (no control in common: K-6 is credited from the second
/// sheet alone when they are merged).
fn two<'a>(
    one: &'a str,
    above_one: &[&[&'a str]],
    other: &'a str,
    above_other: &[&[&'a str]],
) -> (tempfile::TempDir, PathBuf) {
    let table = |above: &[&[&'a str]], rows: &[[&'a str; 2]]| {
        let mut out: Vec<Vec<&'a str>> = above.iter().map(|r| r.to_vec()).collect();
        if !above.is_empty() {
            out.push(vec![]);
        }
        out.push(vec!["管理策番号", "実施状況"]);
        out.extend(rows.iter().map(|r| r.to_vec()));
        out
    };
    text_workbook(&[
        (
            one,
            table(above_one, &[["9.2.1", "実施"], ["9.2.3", "実施"]]),
        ),
        (other, table(above_other, &[["11.1.1", "実施"]])),
    ])
}

/// Review 22 C-8: `個別（X）` naming a family, chapter, id suffix or source of the list, a
/// topic sheet (`DR訓練`, `BCP・DR`, `Webサイト`, `海外移転`, `サービスの提供`), a bare `対象`
/// row naming chapters or kinds of control, and the same company or regions spelled two
/// ordinary ways were refused (exit 2). They read; their scope twins are still refused.
#[test]
fn ordinary_splits_of_the_list_read_and_their_scope_twins_are_refused() {
    for (one, other) in [
        ("共通", "個別（技術）"),
        ("共通", "個別（アクセス制御）"),
        ("共通", "個別（A.9）"),
        ("共通", "個別（その2）"),
        ("共通", "個別（物理）"),
        ("共通", "個別（クラウド固有）"),
        ("共通", "個別（クラウド）"),
        ("共通", "個別（P）"),
        ("共通", "個別（B）"),
        ("共通", "個別（CLD）"),
        ("共通", "個別（ISMAP固有）"),
        ("共通", "個別（統一基準）"),
        ("共通", "個別（基本言明要件）"),
        ("共通", "個別（必須）"),
        ("一覧", "個別（共通）"),
        ("管理策", "DR訓練"),
        ("管理策", "DR対策"),
        ("管理策", "事業継続（DR）"),
        ("管理策", "BCP・DR"),
        ("管理策", "バックアップ・DR"),
        ("管理策", "17章（DR含む）"),
        ("管理策", "Webサイト"),
        ("管理策", "サイト管理"),
        ("管理策", "海外移転"),
        ("管理策", "海外拠点管理"),
        ("管理策", "サービスの提供"),
    ] {
        let (_d, path) = two(one, &[], other, &[]);
        assert_eq!(status(&path, "K-6"), "covered", "{one} / {other}");
    }
    for (one, other) in [
        ("共通", "個別（SaaS B）"),
        ("共通", "個別（さくらのクラウド）"),
        ("共通", "個別（ISMAP-LIU）"),
        ("管理策", "DR"),
        ("管理策", "DRサイト"),
        ("管理策", "DR環境"),
        ("管理策", "大阪DR"),
        ("管理策", "海外"),
        ("管理策", "海外拠点"),
        ("管理策", "大阪拠点管理"),
        ("管理策", "本番環境"),
    ] {
        let (_d, path) = two(one, &[], other, &[]);
        let err = input_error(report(&path, &[]));
        assert!(err.contains("--csp-sheet NAME"), "{one} / {other}: {err}");
    }
    for (a, b) in [
        (["対象", "組織的管理策"], ["対象", "技術的管理策"]),
        (["対象", "5〜8章"], ["対象", "9〜18章"]),
        (["事業者名", "Foo株式会社"], ["事業者名", "Foo（株）"]),
        (["事業者名", "Foo株式会社"], ["事業者名", "株式会社Foo"]),
        (
            ["対象リージョン", "東京・大阪"],
            ["対象リージョン", "東京、大阪"],
        ),
    ] {
        let (_d, path) = two("S1", &[&a], "S2", &[&b]);
        assert_eq!(status(&path, "K-6"), "covered", "{a:?} / {b:?}");
    }
    for (a, b) in [
        (["対象", "サービスA"], ["対象", "サービスB"]),
        (["事業者名", "Foo株式会社"], ["事業者名", "Bar株式会社"]),
        (["対象リージョン", "東京"], ["対象リージョン", "東京・大阪"]),
    ] {
        let (_d, path) = two("S1", &[&a], "S2", &[&b]);
        let err = input_error(report(&path, &[]));
        assert!(err.contains("--csp-sheet NAME"), "{a:?} / {b:?}: {err}");
    }
}

/// Review 22 A-13: a later table under `サービス名 | Foo` plus a scope label without `対象`
/// (`リージョン：大阪`, `拠点`, `環境`, `プラン`, `データセンター`) was merged (K-6 credited from
/// it alone). Refused as `Region: Osaka` is; the same label above both tables still reads.
#[test]
fn a_bare_scope_label_above_a_later_table_is_refused() {
    for label in [
        ["リージョン", "大阪"],
        ["拠点", "大阪"],
        ["環境", "検証"],
        // (`Enterprise` alone names a plan the statement is limited to, refused wherever it
        // stands since review 23 A-11, fix35-qual: a plan's name the vocabulary does not know)
        ["プラン", "スタンダード"],
        ["データセンター", "大阪"],
        ["テナント", "専用"],
    ] {
        let name = ["サービス名", "Foo"];
        let (_d, path) = two("S1", &[&name], "S2", &[&name, &label]);
        let err = input_error(report(&path, &[]));
        assert!(err.contains("--csp-sheet NAME"), "{label:?}: {err}");
        let (_d, path) = two("S1", &[&name, &label], "S2", &[&name, &label]);
        assert_eq!(status(&path, "K-6"), "covered", "{label:?}");
    }
}
