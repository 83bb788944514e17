//! Session 13 (fix28-sheets): review 20's sheet findings — two statements merged when what
//! names them is a row above the table or a `個別（X）` sheet (B-2), sheet pairs naming
//! another country, provider, registration kind or site (B-1) — with the ordinary splits
//! that still read beside each.
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

/// Review 20 B-2: `共通` + `個別` under `サービス名 | サービスA` / `サービス名 | サービスB`, or a
/// later table under a service, a registration, a `対象…` label or a title the first does
/// not name, were merged (K-6 credited from the second). Refused; the same name above both,
/// or above the first only, still one statement.
#[test]
fn rows_above_the_tables_naming_another_statement_are_refused() {
    type Above<'a> = &'a [&'a [&'a str]];
    let refused: [(&str, Above, &str, Above, &str); 9] = [
        (
            "共通",
            &[&["サービス名", "サービスA"]],
            "個別",
            &[&["サービス名", "サービスB"]],
            "name different services, registrations or parts",
        ),
        (
            "一覧",
            &[&["事業者名", "X社"]],
            "Sheet2",
            &[&["事業者名", "Y社"]],
            "name different services, registrations or parts",
        ),
        (
            "共通",
            &[],
            "個別",
            &[&["サービス名", "別サービスB"]],
            "which nothing above the table of sheet '共通' names",
        ),
        (
            "一覧",
            &[],
            "Sheet2",
            &[&["登録番号", "C21-9999-1"]],
            "which nothing above the table of sheet '一覧' names",
        ),
        (
            "共通",
            &[],
            "個別",
            &[&["対象：サービスB"]],
            "which nothing above the table of sheet '共通' names",
        ),
        (
            "東京リージョン",
            &[],
            "Sheet2",
            &[&["対象リージョン", "大阪"]],
            "which nothing above the table of sheet '東京リージョン' names",
        ),
        // one more qualifier beside the same service's name: a region it adds
        (
            "一覧",
            &[&["サービス名", "Foo"]],
            "Sheet2",
            &[&["サービス名", "Foo"], &["対象リージョン", "大阪"]],
            "which nothing above the table of sheet '一覧' names",
        ),
        (
            "一覧",
            &[],
            "Sheet2",
            &[&["大阪リージョン追加分"]],
            "that sheet '一覧' does not",
        ),
        (
            "共通",
            &[],
            "個別",
            &[&["サービスB 個別管理策"]],
            "that sheet '共通' does not",
        ),
    ];
    for (one, above_one, other, above_other, said) in refused {
        let (_d, path) = two(one, above_one, other, above_other);
        let err = input_error(report(&path, &[]));
        assert!(
            err.contains(said) && err.contains("--csp-sheet NAME"),
            "{one} {above_one:?} / {other} {above_other:?}: {err}"
        );
        // the hint works: one sheet read alone states what it states
        let v = json_of(report(&path, &["--csp-sheet", one]));
        assert_eq!(by_id(&v["items"], "K-6")["status"], "not-covered", "{one}");
    }
    let read: [(&str, Above, &str, Above); 8] = [
        (
            "共通",
            &[&["サービス名", "Foo"]],
            "個別",
            &[&["サービス名", "Foo"]],
        ),
        ("共通", &[&["サービス名", "Foo"]], "個別", &[]),
        (
            "一覧",
            &[&["サービス名", "Foo"]],
            "Sheet2",
            &[&["サービス名", "Foo"], &["登録番号", "C23-0001-1"]],
        ),
        (
            "一覧",
            &[&["クラウドサービス名：Foo Cloud"]],
            "Sheet2",
            &[&["サービス名：Ｆｏｏ　Ｃｌｏｕｄ"]],
        ),
        (
            "一覧",
            &[&["Fooサービス 管理策実施状況"]],
            "Sheet2",
            &[&["Fooサービス 管理策実施状況"]],
        ),
        (
            "一覧",
            &[&["Fooクラウドサービス 管理策実施状況"]],
            "Sheet2",
            &[],
        ),
        (
            "組織",
            &[&["ISMAP管理策 実施状況一覧"]],
            "技術",
            &[&["技術的対策"]],
        ),
        (
            "一覧",
            &[&["対象リージョン", "東京"]],
            "Sheet2",
            &[&["対象リージョン", "東京"]],
        ),
    ];
    for (one, above_one, other, above_other) in read {
        let (_d, path) = two(one, above_one, other, above_other);
        assert_eq!(
            status(&path, "K-6"),
            "covered",
            "{one} {above_one:?} / {other} {above_other:?}"
        );
    }
}

/// Review 20 B-2 (sheet names) and B-1: a sheet naming the specific part of another
/// service, product or edition beside `共通` (`個別（SaaS B）`, `個別 (Enterprise)`), any part
/// after a first sheet naming none (`一覧` + `本番環境`), another country, provider,
/// registration kind or site (`日本`/`海外`, `他社サービス`, `ISMAP`/`ISMAP-LIU`, `DRサイト`,
/// `バックアップセンター`) were merged. Refused; the ordinary splits beside them read.
#[test]
fn sheets_naming_another_part_are_refused_and_ordinary_splits_read() {
    for (one, other) in [
        ("共通", "個別（SaaS B）"),
        ("共通", "個別 (Enterprise)"),
        ("共通", "個別（kintone）"),
        ("共通", "個別（2025年度）"),
        ("共通", "個別（サービスB）"),
        ("共通", "サービスB"),
        ("一覧", "本番環境"),
        ("日本", "海外"),
        ("一覧", "他社サービス"),
        ("ISMAP", "ISMAP-LIU"),
        ("ISMAP-LIU", "ISMAP"),
        ("管理策", "DR"),
        ("管理策", "DRサイト"),
        ("管理策", "バックアップセンター"),
    ] {
        let (_d, path) = two(one, &[], other, &[]);
        let err = input_error(report(&path, &[]));
        assert!(err.contains("--csp-sheet NAME"), "{one} / {other}: {err}");
    }
    for (one, other) in [
        ("共通", "個別"),
        ("共通", "個別2"),
        ("共通", "個別（組織的対策）"),
        ("共通", "サービス固有"),
        ("Common", "Service-specific"),
        ("組織・人的", "物理・環境・技術"),
        ("一覧", "データセンター"),
        ("一覧", "15.2 供給者のサービス提供の管理"),
        ("一覧", "クラウドサービス事業者"),
        ("一覧", "サービスレベル"),
        ("Controls", "Site security"),
        ("一覧", "Address"),
        ("ISMAP管理策", "別添"),
        ("一覧", "開発"),
    ] {
        let (_d, path) = two(one, &[], other, &[]);
        assert_eq!(status(&path, "K-6"), "covered", "{one} / {other}");
    }
}

/// A CSP CSV `管理策番号 | ja | en` stating 9.2.1, 9.2.3 and 11.1.1 implemented in both
/// languages, 11.1.1's English cell left blank (an untranslated cell).
fn bilingual(ja: &str, en: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("csp.csv");
    let text = format!(
        "管理策番号,{ja},{en}\n9.2.1,実施,Implemented\n9.2.3,実施,Implemented\n11.1.1,実施,\n"
    );
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// Review 20 C-10: a bilingual status pair whose headers carry the same note translated
/// (`実施状況（必須）` | `Status (required)`, `（○/×）` | `(Y/N)`, `2026年3月時点` | `as of March
/// 2026`, `2025年度` | `2025`) was no pair since review 18 B-3, and one untranslated blank
/// refused the list. Read; a dated column beside an undated one, or two periods, stay refused.
#[test]
fn a_status_pair_with_the_same_note_translated_reads_an_untranslated_blank() {
    for (ja, en) in [
        ("実施状況", "Status"),
        ("実施状況（必須）", "Status (required)"),
        ("実施状況（○/×）", "Status (Y/N)"),
        ("実施状況（2026年3月時点）", "Status (as of March 2026)"),
        ("実施状況（2025年度）", "Status (2025)"),
    ] {
        let (_d, path) = bilingual(ja, en);
        assert_eq!(status(&path, "K-6"), "covered", "{ja} | {en}");
    }
    for (ja, en) in [
        ("実施状況（2025年度）", "Status"),
        ("実施状況", "Status (2025)"),
        ("実施状況（2026年3月時点）", "Status (as of February 2026)"),
        ("実施状況（東京）", "Status"),
    ] {
        let (_d, path) = bilingual(ja, en);
        let err = input_error(report(&path, &[]));
        assert!(err.contains("is empty on this row"), "{ja} | {en}: {err}");
    }
}

/// Review 20 C-9: a sole sheet named as the service's own catalog or a topic (`Service
/// catalog`, `Product catalog`, `Data Master`, `マスターデータ管理`) was refused as a master
/// list of the controls. Read; a sheet named as the controls' catalog (`管理策マスタ`, `ISMAP
/// catalog`, `Master`, `マスタ一覧`) with no service line above its table stays refused, and
/// reads under one.
#[test]
fn a_sole_sheet_named_as_the_services_own_catalog_reads() {
    let one = |sheet: &'static str, above: &[&'static str]| {
        let mut rows: Vec<Vec<&str>> = Vec::new();
        if !above.is_empty() {
            rows.push(above.to_vec());
            rows.push(vec![]);
        }
        rows.push(vec!["管理策番号", "実施状況"]);
        rows.extend([
            vec!["9.2.1", "実施"],
            vec!["9.2.3", "実施"],
            vec!["11.1.1", "実施"],
        ]);
        text_workbook(&[(sheet, rows)])
    };
    for sheet in [
        "Service catalog",
        "Product catalog",
        "Data Master",
        "マスターデータ管理",
    ] {
        let (_d, path) = one(sheet, &[]);
        assert_eq!(status(&path, "K-6"), "covered", "{sheet}");
    }
    for sheet in ["管理策マスタ", "ISMAP catalog", "Master", "マスタ一覧"] {
        let (_d, path) = one(sheet, &[]);
        let err = input_error(report(&path, &[]));
        assert!(
            err.contains("names a master list or a catalog"),
            "{sheet}: {err}"
        );
        let (_d, path) = one(sheet, &["サービス名", "Foo"]);
        assert_eq!(status(&path, "K-6"), "covered", "{sheet} under サービス名");
    }
}
