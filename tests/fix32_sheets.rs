//! Session 14 (fix32-sheets): review 22's sheet findings left — a CSP workbook's sheets
//! merged as one statement where they state different things (A-13 rest: another service's
//! or edition's `サービス固有（X）`, a note naming a region above one table, a provider or a
//! registration number unlike the cover's or named above a later table only, a past year's,
//! the last or a subsidiary's sheet), a sole sheet naming one region read as the whole
//! service's, and two ordinary shapes refused (C-8 rest: `運用環境`, a service's name
//! with its reading in brackets) — each beside the ordinary neighbour that still reads.
mod common;

use std::path::PathBuf;

use common::{by_id, input_error, json_of, on_checks, text_workbook};

/// K-1 asks for 9.2.1, K-2 for 9.2.3, K-6 for 11.1.1, K-7 for 11.1.1 in the Tokyo region.
fn checks() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/fix32-sheets/k.csv")
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

/// A sheet's rows: `above` (then an empty row), the header, then `rows`.
fn table<'a>(above: &[&[&'a str]], rows: &[[&'a str; 2]]) -> Vec<Vec<&'a str>> {
    let mut out: Vec<Vec<&'a str>> = above.iter().map(|r| r.to_vec()).collect();
    if !above.is_empty() {
        out.push(vec![]);
    }
    out.push(vec!["管理策番号", "実施状況"]);
    out.extend(rows.iter().map(|r| r.to_vec()));
    out
}

const FIRST: [[&str; 2]; 2] = [["9.2.1", "実施"], ["9.2.3", "実施"]];
const SECOND: [[&str; 2]; 1] = [["11.1.1", "実施"]];

/// Two sheets with `above_one`/`above_other` above their tables: the first states 9.2.1 and
/// 9.2.3, the second only 11.1.1 (no control in common: K-6 is credited from the second
/// sheet alone when they are merged).
fn two<'a>(
    one: &'a str,
    above_one: &[&[&'a str]],
    other: &'a str,
    above_other: &[&[&'a str]],
) -> (tempfile::TempDir, PathBuf) {
    text_workbook(&[
        (one, table(above_one, &FIRST)),
        (other, table(above_other, &SECOND)),
    ])
}

/// Sheet `other` beside sheet `one` (nothing above their tables) is refused, the error
/// naming it and `--csp-sheet`.
fn refused_beside(one: &str, other: &str) {
    let (_d, path) = two(one, &[], other, &[]);
    let err = input_error(report(&path, &[]));
    assert!(
        err.contains(&format!("sheet '{other}'")) && err.contains("--csp-sheet NAME"),
        "{one} / {other}: {err}"
    );
}

/// Sheet `other` beside sheet `one` reads as one list: K-6, on `other` only, is covered.
fn reads_beside(one: &str, other: &str) {
    let (_d, path) = two(one, &[], other, &[]);
    assert_eq!(status(&path, "K-6"), "covered", "{one} / {other}");
}

/// A cover (a sheet without ids stating the entry's facts) and the two sheets of [`two`].
fn with_cover<'a>(
    above_one: &[&[&'a str]],
    above_other: Option<&[&[&'a str]]>,
) -> (tempfile::TempDir, PathBuf) {
    let cover: Vec<Vec<&str>> = vec![
        vec!["サービス名", "Foo"],
        vec!["登録番号", "C21-0001-1"],
        vec!["事業者名", "Foo株式会社"],
        vec!["登録の更新期限", "2027年9月30日"],
    ];
    let mut sheets = vec![("表紙", cover), ("S1", table(above_one, &FIRST))];
    if let Some(above) = above_other {
        sheets.push(("S2", table(above, &SECOND)));
    }
    text_workbook(&sheets)
}

/// Review 22 A-13: `サービス固有（SaaS B）` beside `SaaS A`, `Service-specific (Enterprise)`
/// beside a Standard list or a plain one were merged (K-6 credited from the second sheet
/// alone). Refused as `個別（X）` is; the service-specific part of the list itself
/// (`サービス固有`, `サービス固有（技術）`, `Service-specific controls`) still reads.
#[test]
fn another_services_or_editions_specific_sheet_is_refused() {
    for (one, other) in [
        ("SaaS A", "サービス固有（SaaS B）"),
        ("共通", "サービス固有（SaaS B）"),
        ("管理策一覧", "サービス固有 (kintone)"),
        ("Standard", "Service-specific (Enterprise)"),
        ("管理策一覧", "Service-specific (Enterprise)"),
        ("Common", "Service specific (Product B)"),
    ] {
        refused_beside(one, other);
    }
    for (one, other) in [
        ("共通", "サービス固有"),
        ("共通", "サービス固有（技術）"),
        ("共通", "サービス固有（アクセス制御）"),
        ("Common", "Service-specific"),
        ("Common", "Service-specific controls"),
        ("共通", "固有管理策"),
    ] {
        reads_beside(one, other);
    }
}

/// Review 22 A-13: a note above one sheet's table naming a region (`備考：大阪リージョン分`,
/// `※ 大阪リージョン分`) was passed over and the sheet merged as the whole service's. It
/// names that sheet's scope as a title does; the same note above both tables, and notes
/// naming no place, still read.
#[test]
fn a_note_naming_a_region_above_one_table_is_refused() {
    for note in [
        "備考：大阪リージョン分",
        "※ 大阪リージョン分",
        "注）大阪リージョン分",
    ] {
        let (_d, path) = two("S1", &[], "S2", &[&[note]]);
        let err = input_error(report(&path, &[]));
        assert!(
            err.contains("sheet 'S2'") && err.contains(note),
            "{note}: {err}"
        );
        let (_d, path) = two("S1", &[&[note]], "S2", &[&[note]]);
        assert_eq!(status(&path, "K-6"), "covered", "{note}");
    }
    // refused above the one table (above both, the note rule refuses them as limiting the
    // table's statements)
    for note in ["※大阪リージョン", "Note: Osaka region"] {
        let (_d, path) = two("S1", &[], "S2", &[&[note]]);
        let err = input_error(report(&path, &[]));
        assert!(err.contains("sheet 'S2'"), "{note}: {err}");
    }
    for note in [
        "※ 詳細は別紙参照",
        "備考：続き",
        "※ サービスの詳細は別紙",
        "注：凡例は表紙を参照",
    ] {
        let (_d, path) = two("S1", &[], "S2", &[&[note]]);
        assert_eq!(status(&path, "K-6"), "covered", "{note}");
    }
}

/// Review 22 A-13: a provider named above a later table only, under the same service's name,
/// and a provider or a registration number above a table unlike the cover's were merged
/// under the cover's facts. Refused; the same provider or number in another ordinary
/// spelling, a provider above the first table only, and a number above a later table under
/// the same name (review 20's decision) still read.
#[test]
fn a_provider_or_number_unlike_the_first_tables_or_the_covers_is_refused() {
    let foo: &[&str] = &["サービス名", "Foo"];
    let (_d, path) = two("S1", &[foo], "S2", &[foo, &["事業者名", "Bar株式会社"]]);
    let err = input_error(report(&path, &[]));
    assert!(
        err.contains("sheet 'S2'") && err.contains("事業者名: Bar株式会社"),
        "{err}"
    );
    let (_d, path) = two("S1", &[foo, &["事業者名", "Foo株式会社"]], "S2", &[foo]);
    assert_eq!(status(&path, "K-6"), "covered");
    let (_d, path) = two("S1", &[foo], "S2", &[foo, &["登録番号", "C21-0001-1"]]);
    assert_eq!(status(&path, "K-6"), "covered");

    for (above_one, above_other, refused) in [
        (
            &[foo][..],
            Some(&[foo, &["登録番号", "C21-0002-1"]][..]),
            Some("sheet 'S2'"),
        ),
        (
            &[foo],
            Some(&[foo, &["事業者名", "Bar株式会社"]]),
            Some("sheet 'S2'"),
        ),
        (
            &[foo, &["登録番号", "C21-0002-1"]],
            None,
            Some("sheet 'S1'"),
        ),
        (&[foo], Some(&[foo, &["事業者名", "Foo（株）"]]), None),
        (&[foo], Some(&[foo, &["登録番号", "C21-0001-1"]]), None),
        (&[foo, &["登録番号", "C21-0001-1"]], None, None),
    ] {
        let (_d, path) = with_cover(above_one, above_other);
        match refused {
            Some(sheet) => {
                let err = input_error(report(&path, &[]));
                assert!(
                    err.contains(sheet) && err.contains("the cover, sheet '表紙'"),
                    "{above_one:?} / {above_other:?}: {err}"
                );
            }
            None => assert_eq!(
                status(&path, "K-1"),
                "covered",
                "{above_one:?} / {above_other:?}"
            ),
        }
    }
}

/// Review 22 A-13: a sheet named by a past year (`2024年度`, `FY2024`), as the last statement
/// (`前回`) or as a subsidiary's (`子会社`) beside the current list was merged as current.
/// Refused, naming the sheet; the first sheet's year naming the whole list, a year on every
/// sheet and an annex still read.
#[test]
fn a_past_years_the_last_or_a_subsidiarys_sheet_is_refused() {
    for (one, other) in [
        ("管理策一覧", "2024年度"),
        ("管理策一覧", "FY2024"),
        ("管理策一覧", "令和6年度"),
        ("2026年度 管理策一覧", "2024年度"),
        ("管理策一覧", "前回"),
        ("管理策一覧", "前回分"),
        ("管理策一覧", "前年"),
        ("管理策一覧", "子会社"),
        ("管理策一覧", "グループ会社"),
        ("Controls", "Subsidiary"),
    ] {
        refused_beside(one, other);
    }
    for (one, other) in [
        ("2026年度 管理策一覧", "別添"),
        ("2026年度", "2026年度（続き）"),
        ("FY2026 controls", "FY2026 annex"),
        ("管理策一覧", "別添"),
        ("管理策一覧", "9.2 アクセス管理"),
    ] {
        reads_beside(one, other);
    }
}

/// Review 22 A-18: a sole sheet named `大阪リージョン` or `Controls - Osaka` was read as the
/// whole service's statement (K-7, asking for the Tokyo region, covered). The region it
/// names is the statement's scope, as a profile's `scope` is: K-7 is partial (outside the
/// statement's scope), K-1 still covered; a sheet naming no region states no scope.
#[test]
fn a_sole_sheet_naming_a_region_is_the_statements_scope() {
    let rows = [["9.2.1", "実施"], ["11.1.1", "実施"]];
    for (sheet, scope) in [
        ("大阪リージョン", "大阪リージョン"),
        ("Controls - Osaka", "Controls - Osaka (Osaka region)"),
        ("大阪", "大阪 (Osaka region)"),
        ("管理策一覧（大阪リージョン）", "大阪リージョン"),
    ] {
        let (_d, path) = text_workbook(&[(sheet, table(&[], &rows))]);
        let v = json_of(report(&path, &[]));
        assert_eq!(v["csp"]["scope"], serde_json::json!([scope]), "{sheet}");
        let k7 = by_id(&v["items"], "K-7");
        assert_eq!(k7["status"], "partial", "{sheet}: {k7}");
        assert!(
            k7["reasons"]
                .to_string()
                .contains("outside-statement-scope"),
            "{sheet}: {k7}"
        );
        assert_eq!(by_id(&v["items"], "K-1")["status"], "covered", "{sheet}");
    }
    // a note above the sole table naming the region
    let (_d, path) = text_workbook(&[("管理策一覧", table(&[&["※ 大阪リージョン分"]], &rows))]);
    let v = json_of(report(&path, &[]));
    assert_eq!(by_id(&v["items"], "K-7")["status"], "partial");
    // the sheet named with --csp-sheet, beside another region's
    let (_d, path) = text_workbook(&[
        ("東京リージョン", table(&[], &rows)),
        ("大阪リージョン", table(&[], &rows)),
    ]);
    let v = json_of(report(&path, &["--csp-sheet", "大阪リージョン"]));
    assert_eq!(v["csp"]["scope"], serde_json::json!(["大阪リージョン"]));
    assert_eq!(by_id(&v["items"], "K-7")["status"], "partial");
    let v = json_of(report(&path, &["--csp-sheet", "東京リージョン"]));
    assert_eq!(by_id(&v["items"], "K-7")["status"], "covered");
    for sheet in ["管理策一覧", "実施状況", "運用環境"] {
        let (_d, path) = text_workbook(&[(sheet, table(&[], &rows))]);
        let v = json_of(report(&path, &[]));
        assert_eq!(v["csp"]["scope"], serde_json::json!([]), "{sheet}");
        assert_eq!(by_id(&v["items"], "K-7")["status"], "covered", "{sheet}");
    }
}

/// Review 22 C-8: a sheet about the operation environment (`運用環境`) beside the list, and a
/// service named with its reading in brackets (`Foo Cloud（フークラウド）`) above one table and
/// without it above another, were refused. They read; another environment beside
/// `運用環境`, and an edition or a place in the brackets, are still refused.
#[test]
fn the_operation_environment_and_a_names_reading_read() {
    for (one, other) in [("管理策一覧", "運用環境"), ("運用環境", "別添")] {
        reads_beside(one, other);
    }
    let (_d, path) = two("開発環境", &[], "運用環境", &[]);
    let err = input_error(report(&path, &[]));
    assert!(err.contains("--csp-sheet NAME"), "{err}");

    for (a, b) in [
        ("Foo Cloud（フークラウド）", "Foo Cloud"),
        ("Foo Cloud", "Foo Cloud（フークラウド）"),
        ("Foo Cloud (ふーくらうど)", "Foo Cloud"),
    ] {
        let (_d, path) = two("S1", &[&["サービス名", a]], "S2", &[&["サービス名", b]]);
        assert_eq!(status(&path, "K-6"), "covered", "{a} / {b}");
    }
    for (a, b) in [
        ("Foo Cloud（プレミアム）", "Foo Cloud"),
        ("Foo Cloud（東京）", "Foo Cloud"),
        ("Foo Cloud（Enterprise）", "Foo Cloud"),
    ] {
        let (_d, path) = two("S1", &[&["サービス名", b]], "S2", &[&["サービス名", a]]);
        let err = input_error(report(&path, &[]));
        assert!(err.contains("--csp-sheet NAME"), "{a} / {b}: {err}");
    }
}
