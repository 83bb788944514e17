//! Session 12 (fix25-sheets): the CSP workbook's sheet choice. One vocabulary of sheet
//! names (not-final words shared with a header's note, reference words in one place);
//! sheets naming different places, services, products or tenants are separate statements
//! even without a shared control (review 18 B-2's rest).
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

fn report(path: &PathBuf, extra: &[&str]) -> assert_cmd::Command {
    let mut c = on_checks("en", "report", checks());
    c.args(["--registration-kind", "ismap", "--format", "json", "--csp"])
        .arg(path)
        .args(extra);
    c
}

/// The status of item `id` of `report` on the workbook.
fn status(path: &PathBuf, extra: &[&str], id: &str) -> String {
    let v = json_of(report(path, extra));
    by_id(&v["items"], id)["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Two sheets: the first states 9.2.1 and 11.1.1, the second only 9.2.3 (no control in
/// common: the shared-control rule does not see them).
fn disjoint(one: &str, other: &str) -> (tempfile::TempDir, PathBuf) {
    text_workbook(&[
        (one, table(&[("9.2.1", "実施"), ("11.1.1", "実施")])),
        (other, table(&[("9.2.3", "実施")])),
    ])
}

/// Review 18 B-2's rest: sheets named by a place alone (`東京`/`大阪`, `Tokyo`/`Osaka`,
/// `US`/`EU`, `シンガポール`), a service, a product or a tenant (`サービスA`/`サービスB`,
/// `Product X`/`Product Y`, `テナントA`/`テナントB`), or a region's sheet after the list
/// (`一覧` + `大阪リージョン（追加分）`: what Osaka adds) stating disjoint controls were merged
/// and 9.2.3 a bare covered. Refused naming both and --csp-sheet; one sheet read alone
/// states what it states.
#[test]
fn sheets_naming_different_places_services_products_or_tenants_are_refused() {
    for (one, other) in [
        ("東京", "大阪"),
        ("Tokyo", "Osaka"),
        ("US", "EU"),
        ("東京", "シンガポール"),
        ("サービスA", "サービスB"),
        ("Product X", "Product Y"),
        ("テナントA", "テナントB"),
        ("Service A", "Service B"),
        ("一覧", "大阪リージョン（追加分）"),
        ("管理策一覧", "Osaka"),
        ("管理策一覧", "Product X"),
        ("本番環境 東京", "本番環境 大阪"),
    ] {
        let (_dir, path) = disjoint(one, other);
        let err = input_error(report(&path, &[]));
        assert!(
            (err.contains(&format!(
                "sheets '{one}' and '{other}' name different regions, environments, services or editions"
            )) || err.contains(&format!(
                // review 20 C-3: a place after a sheet naming none, a message of its own
                "sheet '{other}' names a place, a region, a tenant, a product"
            ))) && err.contains("--csp-sheet NAME"),
            "{one}/{other}: {err}"
        );
        assert_eq!(
            status(&path, &["--csp-sheet", one], "K-2"),
            "not-covered",
            "{one}"
        );
        assert_eq!(status(&path, &["--csp-sheet", one], "K-1"), "covered");
    }
}

/// Guards: a list split into parts of one statement reads as before — common and
/// service-specific controls (`共通`/`個別`, decided: the two parts of one service's
/// statement), an area or a clause range, a list and its annex, the first sheet naming the
/// scope of the whole list (`管理策一覧（東京リージョン）` + `別添 詳細管理策`), two areas of one
/// region, an English list word after `Service` (`Service controls`/`Service annex`), and
/// ASCII places matched as words (`Business continuity` names no `us`).
#[test]
fn parts_of_one_list_still_read() {
    for (one, other) in [
        ("共通", "個別"),
        ("共通管理策", "個別管理策"),
        ("組織的対策", "技術的対策"),
        ("5-8章", "9-18章"),
        ("管理策一覧", "別添"),
        ("管理策一覧（東京リージョン）", "別添 詳細管理策"),
        ("東京リージョン（組織的）", "東京リージョン（技術的）"),
        ("Service controls", "Service annex"),
        ("Business continuity", "Access control"),
        ("クラウドサービス 5-8章", "9-18章"),
        ("9.2 内部監査", "5-8章"),
    ] {
        let (_dir, path) = disjoint(one, other);
        assert_eq!(status(&path, &[], "K-2"), "covered", "{one}/{other}");
        assert_eq!(status(&path, &[], "K-1"), "covered", "{one}/{other}");
    }
}

/// One vocabulary: a sheet's name is read with the words a header's note is read with
/// (`remarks::not_final_word`): `速報`, `provisional`, `想定`, `（内部監査）` now refuse a sheet
/// as `（自己評価）` did; and with one list of reference words (`参照`, `References` refuse a
/// status sheet as `参照用`, `Reference` did). Guards: `9.2 内部監査` (a clause) reads above;
/// a sole `管理策マスタ` status sheet is refused as a possible copy of the catalog
/// (fix25-csp, review 18 A-7 addendum; `tests/fix25_csp.rs` holds its guards); a bare list
/// of ids on `管理策マスタ` beside the statuses is still skipped.
#[test]
fn sheet_names_read_with_the_shared_vocabularies() {
    for (name, word) in [
        ("実施状況（速報）", "速報"),
        ("Controls (provisional)", "provisional"),
        ("実施状況（想定）", "想定"),
        ("実施状況（内部監査）", "内部監査"),
        ("一覧（仮）", "(仮)"),
        ("参照", "参照"),
    ] {
        let (_dir, path) = text_workbook(&[(name, table(&[("9.2.1", "実施")]))]);
        let err = input_error(report(&path, &[]));
        assert!(
            err.contains(&format!("the sheet's name ('{word}') says its rows are")),
            "{name}: {err}"
        );
    }
    let (_dir, path) = text_workbook(&[
        ("管理策一覧", table(&[("9.2.1", "実施")])),
        ("References", table(&[("9.2.3", "実施")])),
    ]);
    let err = input_error(report(&path, &[]));
    assert!(err.contains("the sheet's name ('references')"), "{err}");

    let (_dir, path) = text_workbook(&[("管理策マスタ", table(&[("9.2.1", "実施")]))]);
    let err = input_error(report(&path, &[]));
    assert!(err.contains("names a master list or a catalog"), "{err}");
    let (_dir, path) = text_workbook(&[
        (
            "管理策一覧",
            table(&[("9.2.1", "実施"), ("9.2.3", "未実施")]),
        ),
        (
            "管理策マスタ",
            vec![vec!["管理策番号"], vec!["9.2.1"], vec!["9.2.3"]],
        ),
    ]);
    assert_eq!(status(&path, &[], "K-1"), "covered");
    assert_eq!(status(&path, &[], "K-2"), "not-covered");
}

/// Review 18 C-1: a complete legend sheet (`凡例`, `Legend`, `記号の説明`: `○ | 実施`, `△ |
/// 一部実施`, `－ | 非該当`) refused the workbook as a note `△` on the table, though no cell
/// uses △. A mark the tool does not read as a status, on a sheet that is nothing but mark |
/// meaning pairs, explains the mark: read. Guards: a cell using △ beside the same legend is
/// refused as it was; a legend giving ○ another meaning, a legend sheet with a note beside
/// its pairs (`※本番環境のみ`), a label with a note (`注記 | 本番環境のみ実施`) and the same
/// pairs on a sheet not named as a legend (`メモ`) stay refused.
#[test]
fn a_complete_legend_sheet_reads_when_no_cell_uses_its_unread_mark() {
    let legend = |rows: &[(&'static str, &'static str)]| -> Vec<Vec<&'static str>> {
        let mut out = vec![vec!["記号", "意味"]];
        out.extend(rows.iter().map(|(m, s)| vec![*m, *s]));
        out
    };
    let full = [("○", "実施"), ("△", "一部実施"), ("－", "非該当")];
    let marks = table(&[("9.2.1", "○"), ("9.2.3", "○"), ("11.1.1", "○")]);
    for name in ["凡例", "Legend", "記号の説明"] {
        let (_dir, path) = text_workbook(&[("実施状況", marks.clone()), (name, legend(&full))]);
        assert_eq!(status(&path, &[], "K-1"), "covered", "{name}");
        assert_eq!(status(&path, &[], "K-2"), "covered", "{name}");
    }
    let (_dir, path) = text_workbook(&[
        ("実施状況", marks.clone()),
        (
            "Legend",
            legend(&[("○", "Implemented"), ("△", "Partially implemented")]),
        ),
    ]);
    assert_eq!(status(&path, &[], "K-1"), "covered");

    // a cell using △: refused on its own
    let (_dir, path) = text_workbook(&[
        (
            "実施状況",
            table(&[("9.2.1", "△"), ("9.2.3", "○"), ("11.1.1", "○")]),
        ),
        ("凡例", legend(&full)),
    ]);
    let err = input_error(report(&path, &[]));
    assert!(
        err.contains("'△' for 9.2.1 cannot be read as a status"),
        "{err}"
    );
    // the legend gives ○ another meaning; a note beside the pairs; a label and a note; a
    // sheet not named as a legend
    let mut noted = legend(&full);
    noted.push(vec!["※本番環境のみ"]);
    let mut labelled = legend(&full);
    labelled.push(vec!["注記", "本番環境のみ実施"]);
    for (name, rows, says) in [
        (
            "凡例",
            legend(&[("○", "一部実施"), ("△", "一部実施")]),
            "一部実施",
        ),
        // not a sheet of pairs only: its △ is a note, as before
        ("凡例", noted, "the note '△'"),
        ("凡例", labelled, "本番環境のみ"),
        ("メモ", legend(&full), "△"),
    ] {
        let (_dir, path) = text_workbook(&[("実施状況", marks.clone()), (name, rows)]);
        let err = input_error(report(&path, &[]));
        assert!(err.contains(says), "{name}: {err}");
    }
}

/// A CSV of `text` in a temporary folder.
fn csv(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("csp.csv");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// Review 18 B-3: a dated status column beside an undated one (`実施状況（2025年度）` |
/// `Status`) was taken as a translation pair and its blank (9.2.1) filled from `Status`:
/// covered. Headers with other qualifiers are no translation: the blank is refused, as
/// before the untranslated-cell reading (the same year on both is a translation: unit test
/// `classify::a_translation_carries_the_same_qualifiers`). Guard: `実施状況` | `Status` with
/// a blank under one still reads the other (fix21-over); the dated pair with no blank reads
/// as before.
#[test]
fn a_dated_status_column_beside_an_undated_one_is_no_translation() {
    let rows = "9.2.1,,Implemented\n9.2.3,実施,Implemented\n11.1.1,実施,Implemented\n";
    let (_dir, path) = csv(&format!("管理策番号,実施状況（2025年度）,Status\n{rows}"));
    let err = input_error(report(&path, &[]));
    assert!(
        err.contains("the status column '実施状況（2025年度）' is empty on this row, where 'Status' states 'Implemented'"),
        "{err}"
    );

    let (_dir, path) = csv(&format!("管理策番号,実施状況,Status\n{rows}"));
    assert_eq!(status(&path, &[], "K-1"), "covered");
    // with no blank the two read as before
    let rows = "9.2.1,実施,Implemented\n9.2.3,実施,Implemented\n";
    let (_dir, path) = csv(&format!("管理策番号,実施状況（2025年度）,Status\n{rows}"));
    assert_eq!(status(&path, &[], "K-1"), "covered");
}
