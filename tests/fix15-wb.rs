//! Session 9, fix15-wb: the sheet and header structure of check-list workbooks and the
//! CSP profile's YAML — a bilingual or two-level header's second row (review 13 B-3, review
//! 12 B-5), last year's sheet kept beside this year's (review 12 D-1), the statement's scope
//! naming one region or an inherited part (review 13 variant), a profile's
//! `対象外:` entry written unquoted and its Japanese errors (review 12 B-4, B-7).
mod common;

use std::path::{Path, PathBuf};

use common::{add_text_sheet, by_id, input_error, on_checks, strings};
use rust_xlsxwriter::{Format, Workbook};

/// A CSP status table (registration kind ISMAP) stating 9.2.1, 9.2.3, 9.2.6, 9.4.2, 11.1.2,
/// 12.3.1 and 12.4.1 implemented.
fn csp_csv(dir: &Path) -> PathBuf {
    let path = dir.join("csp.csv");
    std::fs::write(
        &path,
        "登録区分: ISMAP\n管理策番号,実施状況\n9.2.1,実施\n9.2.3,実施\n9.2.6,実施\n9.4.2,実施\n11.1.2,実施\n12.3.1,実施\n12.4.1,実施\n",
    )
    .unwrap();
    path
}

/// `report --format json` on `checks` against [`csp_csv`]: the report and stderr.
fn report(checks: &Path, more: &[&str]) -> (serde_json::Value, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut c = on_checks("en", "report", checks);
    c.args(["--format", "json", "--csp"])
        .arg(csp_csv(dir.path()))
        .args(more);
    let out = c.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    (serde_json::from_slice(&out.stdout).unwrap(), stderr)
}

fn workbook(dir: &Path, name: &str, sheets: &[(&str, &[&[&str]])]) -> PathBuf {
    let path = dir.join(name);
    let mut wb = Workbook::new();
    for (sheet, rows) in sheets {
        add_text_sheet(&mut wb, sheet, rows);
    }
    wb.save(&path).unwrap();
    path
}

/// Review 13 B-3: a bilingual header of two rows with a `備考 | Remarks` column (and `重要度 |
/// Priority`) is one header, its English row read past as the header repeated: no phantom
/// item `No.`, no risk warning for `Priority`. Guard: a row under it with English in 備考
/// but ids in its references cell is an item.
#[test]
fn a_bilingual_header_with_a_remarks_column_is_one_header() {
    let dir = tempfile::tempdir().unwrap();
    for (second, risk) in [
        (
            ["No.", "Check item", "ISMAP control", "Risk", "Remarks"],
            "Risk",
        ),
        (
            ["No", "Check item", "ISMAP control", "Priority", "Notes"],
            "Priority",
        ),
    ] {
        let path = workbook(
            dir.path(),
            "bilingual.xlsx",
            &[(
                "Checklist",
                &[
                    &["項番", "確認項目", "ISMAP管理策", "重要度", "備考"],
                    &second,
                    &["1", "特権IDを管理していること", "9.2.3", "高", ""],
                    &[
                        "2",
                        "多要素認証を適用していること",
                        "9.4.2",
                        "高",
                        "See policy",
                    ],
                ],
            )],
        );
        let (v, stderr) = report(&path, &[]);
        assert_eq!(v["summary"]["total"], 2, "{risk}: {}", v["items"]);
        assert_eq!(v["summary"]["not_analysed"], 0, "{}", v["items"]);
        assert_eq!(v["checks"]["rows_not_read"][0]["kind"], "repeated-header");
        assert!(!stderr.contains(&format!("('{risk}')")), "{stderr}");
        assert_eq!(by_id(&v["items"], "2")["status"], "covered");
    }
    // guard: English in the remarks of a row with ids is an item, not a header
    let path = workbook(
        dir.path(),
        "guard.xlsx",
        &[(
            "Checklist",
            &[
                &["項番", "確認項目", "ISMAP管理策", "重要度", "備考"],
                &["1", "特権IDを管理していること", "9.2.3", "高", "Remarks"],
                &["2", "ログを取得していること", "12.4.1", "中", "Notes"],
            ],
        )],
    );
    let (v, _) = report(&path, &[]);
    assert_eq!(v["summary"]["total"], 2, "{}", v["items"]);
    assert!(v["checks"]["rows_not_read"].is_null(), "{}", v["checks"]);
}

/// Review 12 B-5: `ISMAP管理基準` merged over `統制目標` | `詳細管理策` (the other headers
/// merged down over both rows) is a header of two rows, both columns the item's references;
/// the same written in a CSV. Guard: `管理策` over `番号` | `名称` still reads the names as a
/// column carried.
#[test]
fn a_references_header_over_objective_and_detail_columns_is_two_header_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two-row.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("チェックリスト").unwrap();
    let plain = Format::new();
    ws.merge_range(0, 0, 1, 0, "No", &plain).unwrap();
    ws.merge_range(0, 1, 1, 1, "確認項目", &plain).unwrap();
    ws.merge_range(0, 2, 0, 3, "ISMAP管理基準", &plain).unwrap();
    ws.merge_range(0, 4, 1, 4, "重要度", &plain).unwrap();
    ws.merge_range(0, 5, 1, 5, "備考", &plain).unwrap();
    ws.write_string(1, 2, "統制目標").unwrap();
    ws.write_string(1, 3, "詳細管理策").unwrap();
    for (r, row) in [
        [
            "1",
            "特権IDを管理していること",
            "9.2.3",
            "9.2.3.11.PB",
            "高",
        ],
        ["2", "多要素認証を適用していること", "9.4.2", "", "高"],
        ["3", "退職者のIDを削除していること", "9.2.6", "", "中"],
    ]
    .iter()
    .enumerate()
    {
        for (c, cell) in row.iter().enumerate() {
            ws.write_string(r as u32 + 2, c as u16, *cell).unwrap();
        }
    }
    wb.save(&path).unwrap();
    let csv = dir.path().join("two-row.csv");
    std::fs::write(
        &csv,
        "No,確認項目,ISMAP管理基準,,重要度\n,,統制目標,詳細管理策,\n1,特権IDを管理していること,9.2.3,9.2.3.11.PB,高\n2,多要素認証を適用していること,9.4.2,,高\n3,退職者のIDを削除していること,9.2.6,,中\n",
    )
    .unwrap();
    for path in [&path, &csv] {
        let (v, stderr) = report(path, &[]);
        assert_eq!(v["summary"]["total"], 3, "{}", v["items"]);
        assert_eq!(v["summary"]["not_analysed"], 0, "{}", v["items"]);
        assert!(!stderr.contains("('重要度')"), "{stderr}");
        let one = by_id(&v["items"], "1");
        assert_eq!(strings(&one["references"]), ["9.2.3", "9.2.3.11.PB"]);
        assert_eq!(one["row"], 3);
        assert_eq!(by_id(&v["items"], "3")["status"], "covered");
    }
    // guard: 番号 | 名称 under 管理策: the numbers are the references, the names carried
    let guard = dir.path().join("name.csv");
    std::fs::write(
        &guard,
        "No,確認項目,管理策,,重要度\n,,番号,名称,\n1,特権IDを管理していること,9.2.3,特権的アクセス権の管理,高\n",
    )
    .unwrap();
    let (v, _) = report(&guard, &[]);
    assert_eq!(v["summary"]["total"], 1, "{}", v["items"]);
    assert_eq!(strings(&by_id(&v["items"], "1")["references"]), ["9.2.3"]);
    assert_eq!(v["checks"]["extra_columns"], serde_json::json!(["名称"]));
}

/// The items of a check-list sheet: 1 (9.2.1), 2 (9.2.3), 3 (12.4.1), under a header.
const YEAR: &[&[&str]] = &[
    &["項番", "確認項目", "ISMAP管理策"],
    &["1", "利用者IDを管理していること", "9.2.1"],
    &["2", "特権IDを管理していること", "9.2.3"],
    &["3", "ログを取得していること", "12.4.1"],
];

/// Review 12 D-1: a workbook keeping last year's sheet beside this year's (the same items)
/// reads the newest year's only, naming the other in a note (English and Japanese), every
/// item counted once; sheets holding the same items whose names do not tell the newest are
/// refused naming both, with `--sheet` as the hint, and `--sheet` reads one. Guard: two
/// sheets of different items sharing one still read together.
#[test]
fn last_years_sheet_beside_this_years_is_passed_over_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let last: Vec<&[&str]> = YEAR[..3].to_vec();
    let path = workbook(
        dir.path(),
        "years.xlsx",
        &[("2024年度", &last), ("令和7年度", YEAR)],
    );
    let (v, stderr) = report(&path, &[]);
    assert_eq!(v["summary"]["total"], 3, "{}", v["items"]);
    assert_eq!(strings(&v["checks"]["sheets"]), ["令和7年度"]);
    assert_eq!(by_id(&v["items"], "3")["status"], "covered");
    assert!(
        stderr.contains("sheets of earlier years holding the same check items were not read: 2024年度 (read one with --sheet NAME)"),
        "{stderr}"
    );
    assert!(!stderr.contains("same check item (text"), "{stderr}");
    let mut c = on_checks("ja", "report", &path);
    let d2 = tempfile::tempdir().unwrap();
    c.args(["--format", "json", "--csp"])
        .arg(csp_csv(d2.path()));
    let out = c.output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("同じ確認項目の前年度以前のシートは読みませんでした: 2024年度"),
        "{stderr}"
    );
    // --sheet reads last year's
    let (v, _) = report(&path, &["--sheet", "2024年度"]);
    assert_eq!(v["summary"]["total"], 2, "{}", v["items"]);

    // the same items on two sheets not named by year: refused
    let copy = workbook(
        dir.path(),
        "copy.xlsx",
        &[("チェックリスト", YEAR), ("チェックリスト (2)", YEAR)],
    );
    let mut c = on_checks("en", "report", &copy);
    c.args(["--format", "json", "--csp"])
        .arg(csp_csv(d2.path()));
    let err = input_error(c);
    assert!(
        err.contains("sheets 'チェックリスト' and 'チェックリスト (2)' hold the same check items (3 of 3 and 3)"),
        "{err}"
    );
    assert!(err.contains("--sheet NAME"), "{err}");
    let (v, _) = report(&copy, &["--sheet", "チェックリスト"]);
    assert_eq!(v["summary"]["total"], 3);

    // guard: sheets of different items, one of them on both, are read together
    let other: &[&[&str]] = &[
        &["項番", "確認項目", "ISMAP管理策"],
        &["1", "ログを取得していること", "12.4.1"],
        &["2", "バックアップを取得していること", "12.3.1"],
        &["3", "入退室を管理していること", "11.1.2"],
        &["4", "多要素認証を適用していること", "9.4.2"],
    ];
    let topics = workbook(
        dir.path(),
        "topics.xlsx",
        &[("2025年度 アクセス", YEAR), ("2025年度 運用", other)],
    );
    let (v, stderr) = report(&topics, &[]);
    assert_eq!(v["summary"]["total"], 7, "{}", v["items"]);
    assert!(stderr.contains("same check item (text"), "{stderr}");
}

/// `report --format json` (Japanese) on `tests/data/fix15-wb/scope-items.csv` against the
/// pasted list entry `csp`: each item's (status, whether `outside-statement-scope`, its
/// procedures' text).
fn scoped(csp: &str) -> Vec<(String, bool, String)> {
    let mut c = on_checks("ja", "report", common::data("fix15-wb/scope-items.csv"));
    c.args(["--format", "json", "--registration-kind", "ismap", "--csp"])
        .arg(common::data(&format!("fix15-wb/{csp}")));
    let v = common::json_of(c);
    ["1", "2", "3", "4", "5"]
        .iter()
        .map(|id| by_id(&v["items"], id))
        .map(|i| {
            (
                i["status"].as_str().unwrap().to_owned(),
                i["reasons"]
                    .as_array()
                    .unwrap()
                    .contains(&serde_json::json!("outside-statement-scope")),
                i["additional_procedures"].to_string(),
            )
        })
        .collect()
}

/// Review 13 A-4: the statement's scope names one region (`テストSaaS 本体（東京リージョン）`):
/// an item about another region (`大阪リージョンへバックアップ`, `別リージョンに…`) is capped
/// `outside-statement-scope`, its procedure naming the region; the item about the scope's
/// own region, one naming no region, and every item under a scope naming both regions are
/// judged as before (guards). Review 13 A-5 variant: `（データセンターはIaaS事業者に依拠）` in
/// the scope caps the data-centre item, not the others.
#[test]
fn a_scope_of_one_region_or_resting_on_the_iaas_caps_the_items_outside_it() {
    let region = scoped("scope-region.txt");
    let capped: Vec<bool> = region.iter().map(|(_, c, _)| *c).collect();
    assert_eq!(capped, [true, false, false, true, false], "{region:?}");
    assert_eq!(region[0].0, "partial");
    assert!(region[0].2.contains("大阪リージョン"), "{}", region[0].2);
    assert_eq!(region[2].0, "covered");
    assert_eq!(region[4].0, "covered");
    let both = scoped("scope-two-regions.txt");
    assert!(both.iter().all(|(_, c, _)| !c), "{both:?}");
    assert_eq!(both[0].0, "covered");
    let inherit = scoped("scope-inherit.txt");
    let capped: Vec<bool> = inherit.iter().map(|(_, c, _)| *c).collect();
    assert_eq!(capped, [false, true, false, false, false], "{inherit:?}");
    assert!(inherit[1].2.contains("データセンター"), "{}", inherit[1].2);
}

/// A profile of the service, `scope:` as given (YAML lines), implemented 9.2.1, 9.2.3,
/// 9.4.2, 12.3.1, 12.4.1.
fn profile(dir: &Path, scope: &str, implemented: &str) -> PathBuf {
    let path = dir.join("profile.yaml");
    std::fs::write(
        &path,
        format!("name: テストクラウド\nregistration_kind: ismap\nregistered: 2024-03-01\nrenewal_deadline: 2027-03-31\n{scope}\nimplemented: [{implemented}]\n"),
    )
    .unwrap();
    path
}

/// `report` (lang `lang`) of a check list of 1 `管理コンソールへのアクセスに多要素認証を適用すること`
/// (9.4.2) and 2 `特権IDを管理すること` (9.2.3) against `csp`.
fn console_items(dir: &Path, lang: &str, csp: &Path) -> std::process::Output {
    let checks = dir.join("checks.csv");
    std::fs::write(
        &checks,
        "項番,確認項目,ISMAP管理策\n1,管理コンソールへのアクセスに多要素認証を適用すること,9.4.2\n2,特権IDを管理すること,9.2.3\n",
    )
    .unwrap();
    let mut c = on_checks(lang, "report", &checks);
    c.args(["--format", "json", "--csp"]).arg(csp);
    c.output().unwrap()
}

/// Review 12 B-4: the profile's `- 対象外: 管理コンソール` written unquoted, as README shows
/// it (a YAML map of one key), reads as the exclusion it says — as the quoted form does
/// (guard) — and so does a list of parts after the label and a scope of one text; an entry
/// of another type is refused naming `scope[0]` and its line, the types in Japanese under
/// `--lang ja`. Review 12 B-7: a Japanese profile error names the field as it is typed
/// (`implemented`), not translated.
#[test]
fn a_profiles_unquoted_exclusion_reads_and_its_errors_name_the_fields_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    for scope in [
        "scope:\n  - テストクラウド（東京リージョン）\n  - 対象外: 管理コンソール",
        "scope:\n  - テストクラウド（東京リージョン）\n  - \"対象外: 管理コンソール\"",
        "scope:\n  - テストクラウド\n  - 対象外: [管理コンソール, API]",
        "scope:\n  - テストクラウド\n  - 対象外:\n      - 管理コンソール",
    ] {
        let csp = profile(dir.path(), scope, "9.2.3, 9.4.2");
        let out = console_items(dir.path(), "en", &csp);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{scope}: {stderr}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let one = by_id(&v["items"], "1");
        assert_eq!(one["status"], "partial", "{scope}: {one}");
        assert_eq!(
            one["reasons"],
            serde_json::json!(["outside-statement-scope"])
        );
        assert_eq!(by_id(&v["items"], "2")["status"], "covered", "{scope}");
    }
    // one text alone
    let csp = profile(dir.path(), "scope: テストクラウド", "9.2.3, 9.4.2");
    let out = console_items(dir.path(), "en", &csp);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(by_id(&v["items"], "1")["status"], "covered");
    assert_eq!(v["csp"]["scope"], serde_json::json!(["テストクラウド"]));
    // an entry of another type: refused, naming it and its line, in Japanese
    let csp = profile(dir.path(), "scope:\n  - 1", "9.2.3");
    let mut c = on_checks("ja", "report", dir.path().join("checks.csv"));
    c.args(["--format", "json", "--csp"]).arg(&csp);
    let err = ja_error(c);
    assert!(err.contains("line 6: "), "{err}");
    assert!(
        err.contains("scope[0]: 型が違います: integer `1`(期待: 文字列"),
        "{err}"
    );
    assert!(!err.contains("expected"), "{err}");
    // B-7: the field's name as typed
    let csp = profile(dir.path(), "", "9.2");
    let mut c = on_checks("ja", "report", dir.path().join("checks.csv"));
    c.args(["--format", "json", "--csp"]).arg(&csp);
    let err = ja_error(c);
    assert!(
        err.contains("項目 'implemented': '9.2' は箇条またはカテゴリですが、`implemented` には統制目標を並べます"),
        "{err}"
    );
}

/// Runs, expects exit 2 and one Japanese error line (`エラー: …`) without a panic: stderr.
fn ja_error(mut c: assert_cmd::Command) -> String {
    let out = c.output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        stderr.lines().filter(|l| l.starts_with("エラー: ")).count(),
        1,
        "{stderr}"
    );
    stderr
}

/// A CSP workbook: a sheet `other` of `rows`, then the status table `実施状況` (9.2.1, 9.2.3,
/// 9.2.4 implemented, and `more` rows).
fn csp_workbook(dir: &Path, other: &str, rows: &[&[&str]], more: &[&[&str]]) -> PathBuf {
    let mut table: Vec<&[&str]> = vec![
        &["登録区分: ISMAP"],
        &["管理策番号", "管理策名", "実施状況"],
        &["9.2.1", "利用者登録及び登録削除", "実施"],
        &["9.2.3", "特権的アクセス権の管理", "実施"],
        &["9.2.4", "利用者の秘密認証情報の管理", "実施"],
    ];
    table.extend_from_slice(more);
    workbook(dir, "csp.xlsx", &[(other, rows), ("実施状況", &table)])
}

/// `report` in English of `tests/data/fix12-st/k.csv` (K-1 9.2.1, K-2 9.2.3, K-5 9.2.4)
/// against `csp`.
fn on_k(csp: &Path) -> std::process::Output {
    let mut c = on_checks("en", "report", common::data("fix12-st/k.csv"));
    c.args(["--format", "json", "--csp"]).arg(csp);
    c.output().unwrap()
}

/// Review 13 C-3: a notes sheet saying chapter 11 relies on the IaaS reads beside a table
/// that states no control of chapter 11 implemented; refused when the table states one
/// (naming it), and a note naming no chapter is refused as before (guards). Review 13 C-2:
/// `対象範囲 | <the service>` and `対象範囲 | 本サービスの全リージョン` on a cover read as
/// `対象サービス` does; `対象範囲` naming a region or excluding a part is still refused.
#[test]
fn a_note_on_its_own_chapter_and_a_scope_naming_the_whole_service_read() {
    let dir = tempfile::tempdir().unwrap();
    let note: &[&[&str]] = &[
        &["注記"],
        &["1. 本サービスはAWS上で提供しています。"],
        &["2. 物理的セキュリティ（11章）はIaaS事業者の管理策に依拠しています。"],
    ];
    let csp = csp_workbook(dir.path(), "注記", note, &[]);
    let out = on_k(&csp);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(by_id(&v["items"], "K-2")["status"], "covered");
    let csp = csp_workbook(
        dir.path(),
        "注記",
        note,
        &[&["11.1.2", "物理的入退管理策", "実施"]],
    );
    let mut c = on_checks("en", "report", common::data("fix12-st/k.csv"));
    c.args(["--format", "json", "--csp"]).arg(&csp);
    let err = input_error(c);
    assert!(err.contains("sheet '注記': row 3"), "{err}");
    assert!(err.contains("on a table that states 11.1.2"), "{err}");
    let csp = csp_workbook(
        dir.path(),
        "注記",
        &[
            &["注記"],
            &["物理的セキュリティはIaaS事業者の管理策に依拠しています。"],
        ],
        &[],
    );
    let mut c = on_checks("en", "report", common::data("fix12-st/k.csv"));
    c.args(["--format", "json", "--csp"]).arg(&csp);
    input_error(c);

    for value in ["サンプルクラウド", "本サービスの全リージョン"] {
        let csp = csp_workbook(
            dir.path(),
            "表紙",
            &[&["ISMAP管理基準 対応状況"], &["対象範囲", value]],
            &[],
        );
        let out = on_k(&csp);
        assert!(
            out.status.success(),
            "{value}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for value in [
        "サンプルクラウド（東京リージョン）",
        "東京リージョンのみ",
        "サンプルクラウド（管理コンソールを除く）",
    ] {
        let csp = csp_workbook(
            dir.path(),
            "表紙",
            &[&["ISMAP管理基準 対応状況"], &["対象範囲", value]],
            &[],
        );
        let mut c = on_checks("en", "report", common::data("fix12-st/k.csv"));
        c.args(["--format", "json", "--csp"]).arg(&csp);
        let err = input_error(c);
        assert!(err.contains("row 2"), "{value}: {err}");
    }
}

/// Review 14 A-15: a cover's `対象範囲 | <the service> <a part>` (`基本機能`, `東京`,
/// `管理画面`, `Web版`) is no "whole service": refused as before review 13 C-2, naming the
/// row (the guards beside it: [`a_note_on_its_own_chapter_and_a_scope_naming_the_whole_service_read`]).
#[test]
fn a_cover_scope_naming_the_service_and_a_part_is_refused() {
    for f in ["basic", "tokyo", "console", "web"] {
        let mut c = on_checks("en", "report", common::data("fix15-wb/cover-items.csv"));
        c.args(["--registration-kind", "ismap", "--format", "json", "--csp"])
            .arg(common::data(&format!("fix15-wb/cover-{f}.xlsx")));
        let err = input_error(c);
        assert!(err.contains("sheet '表紙': row 3"), "{f}: {err}");
        assert!(err.contains("対象範囲"), "{f}: {err}");
    }
}

/// Review 14 A-16: a notes sheet naming chapter 11 and also `バックアップ（12.3）`, or a second
/// sentence (`バックアップもIaaS事業者に依拠`), is judged as a note naming no chapter: refused
/// beside a table stating 12.3.1 implemented (the guard, a note on chapter 11 alone, reads:
/// [`a_note_on_its_own_chapter_and_a_scope_naming_the_whole_service_read`]).
#[test]
fn a_note_naming_its_chapter_and_more_is_refused() {
    for f in ["notes-and-backup", "notes-two-sentences"] {
        let mut c = on_checks("en", "report", common::data("fix15-wb/notes-items.csv"));
        c.args(["--format", "json", "--csp"])
            .arg(common::data(&format!("fix15-wb/{f}.xlsx")));
        let err = input_error(c);
        assert!(err.contains("sheet '注記'"), "{f}: {err}");
    }
}

/// Review 14 A-4: a later year's draft (`2027年度（案）`, `2026年度（ドラフト）`) beside
/// `2025年度` is not "the newest list": refused naming both sheets with the `--sheet` hint;
/// so is a sheet for a year after the as-of date's fiscal year (`2027年度` on 2026-04-01).
/// Guards: `2026年度` beside `2025年度` on 2026-04-01 reads `2026年度` (and
/// [`last_years_sheet_beside_this_years_is_passed_over_by_name`]).
#[test]
fn a_draft_or_a_later_years_sheet_is_not_the_newest_list() {
    let d = tempfile::tempdir().unwrap();
    let run = |path: &Path| {
        let mut c = on_checks("en", "report", path);
        c.args(["--format", "json", "--csp"]).arg(csp_csv(d.path()));
        c
    };
    for (f, draft) in [
        ("draft-future.xlsx", "2027年度（案）"),
        ("draft-same.xlsx", "2026年度（ドラフト）"),
    ] {
        let err = input_error(run(&common::data(&format!("fix15-wb/{f}"))));
        assert!(
            err.contains(&format!(
                "sheets '2025年度' and '{draft}' hold the same check items"
            )),
            "{f}: {err}"
        );
        assert!(err.contains("--sheet NAME"), "{err}");
    }
    let dir = tempfile::tempdir().unwrap();
    let last: Vec<&[&str]> = YEAR[..3].to_vec();
    let later = workbook(
        dir.path(),
        "later.xlsx",
        &[("2025年度", &last), ("2027年度", YEAR)],
    );
    let err = input_error(run(&later));
    assert!(
        err.contains("'2027年度' is for a year after the fiscal year of the as-of date (2026)"),
        "{err}"
    );
    let current = workbook(
        dir.path(),
        "current.xlsx",
        &[("2025年度", &last), ("2026年度", YEAR)],
    );
    let out = run(&current).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(strings(&v["checks"]["sheets"]), ["2026年度"]);
}

/// `report --format json` on `tests/data/fix15-wb/<checks>` against the profile `<csp>`
/// (review 14's shapes): each item's id and whether it is capped `outside-statement-scope`.
fn outside_items(checks: &str, csp: &str) -> Vec<(String, bool)> {
    let mut c = on_checks("ja", "report", common::data(&format!("fix15-wb/{checks}")));
    c.args(["--format", "json", "--csp"])
        .arg(common::data(&format!("fix15-wb/{csp}")));
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap_or_default().to_owned(),
                i.to_string().contains("outside-statement-scope"),
            )
        })
        .collect()
}

/// Review 14 B-1, B-3: under a Tokyo scope (Japanese or English), `Tokyo Region` and role
/// words before `リージョン` (`プライマリ`, `本番`, `利用`, `契約`, `AWS`) are not capped; A-3:
/// `全リージョン`, `すべてのリージョン`, `海外リージョン`, `各`/`マルチリージョン` are. Guards: 大阪,
/// 西日本, Osaka, US and 別リージョン stay capped; 東京リージョン, 同一/当該/対象リージョン not.
#[test]
fn regions_are_places_and_all_regions_are_more_than_one() {
    let capped = |checks: &str, csp: &str| -> Vec<String> {
        outside_items(checks, csp)
            .into_iter()
            .filter(|(_, c)| *c)
            .map(|(id, _)| id)
            .collect()
    };
    // 8 `日本国外のリージョンに保存しないこと`: `日本国外` is outside a scope in Japan as
    // `海外リージョン` is, not the role word `日本` (review 16 A-9)
    for csp in ["prof-tokyo.yaml", "prof-tokyo-en.yaml"] {
        assert_eq!(capped("regions-lang.csv", csp), ["7", "8"], "{csp}");
    }
    assert_eq!(capped("regions-roles.csv", "prof-tokyo.yaml"), ["9", "12"]);
    // 2 `大阪のデータセンターに…複製`, 8 `ap-northeast-3 に…複製`, 9 `DRサイト（大阪）へ…複製`:
    // a known place where backups go, without `リージョン`, is outside too (review 18 A-8)
    // 15 `バックアップを遠隔地に保管`: a remote site, another than a scope of one region
    // names, is outside it (review 25 A-15, session 17; it was a bare `covered`)
    assert_eq!(
        capped("regions-more.csv", "prof-tokyo.yaml"),
        ["1", "2", "3", "4", "5", "6", "7", "8", "9", "12", "13", "14", "15"]
    );
    // a scope of `国内リージョン`: overseas, US and all regions are outside it, Osaka not
    assert_eq!(
        capped("regions-more.csv", "prof-kokunai.yaml"),
        ["4", "5", "12", "13", "14"]
    );
}

/// Review 14 A-7: a part resting on the IaaS in one word for the physical site
/// (`物理的セキュリティ`, `データセンター`) excludes it in the others (`サーバ室`, `DC`,
/// `入館`); `インフラ部分` also network devices and the hypervisor. Guard: under a physical
/// part, `ネットワーク機器` and `ハイパーバイザ` items are not capped.
#[test]
fn a_physical_part_resting_on_the_iaas_is_excluded_in_every_word() {
    let capped = |csp: &str| -> Vec<String> {
        outside_items("phys-items.csv", csp)
            .into_iter()
            .filter(|(_, c)| *c)
            .map(|(id, _)| id)
            .collect()
    };
    for csp in ["prof-rely-physical.yaml", "prof-rely-dc.yaml"] {
        assert_eq!(capped(csp), ["1", "2", "3", "6", "7"], "{csp}");
    }
    assert_eq!(
        capped("prof-rely-infra.yaml"),
        ["1", "2", "3", "4", "5", "6", "7"]
    );
}
