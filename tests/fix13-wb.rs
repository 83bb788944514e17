//! Review 11 on the whole workbook's words (session 8, fix13-wb): A-26 a CSP workbook's
//! sheet without control ids (a cover, notes) read as a note on every table; A-21 a check
//! list's cell comments, cover sheet and YAML comments read for what they ask.
mod common;

use std::path::{Path, PathBuf};

use common::{add_text_sheet, by_id, input_error, json_of, on_checks};
use rust_xlsxwriter::{Note, Workbook};

/// A check list of K-1 (9.2.1), K-2 (9.2.3), K-5 (9.2.4).
fn k_checks() -> PathBuf {
    common::data("fix12-st/k.csv")
}

/// The status table every CSP workbook here states, under its registration kind: 9.2.1 and
/// 9.2.3 implemented, 9.2.4 not.
const SOA: &[&[&str]] = &[
    &["登録区分: ISMAP"],
    &["管理策番号", "管理策名", "実施状況"],
    &["9.2.1", "利用者登録及び登録削除", "実施"],
    &["9.2.3", "特権的アクセス権の管理", "実施"],
    &["9.2.4", "利用者の秘密認証情報の管理", "未実施"],
];

/// Writes a CSP workbook: sheet `other` (`rows`, with `comments` as notes: (row, col,
/// text), 0-based) before the sheet `SoA` ([`SOA`]).
fn csp_workbook(
    dir: &Path,
    other: &str,
    rows: &[&[&str]],
    comments: &[(u32, u16, &str)],
) -> PathBuf {
    let path = dir.join("csp.xlsx");
    let mut wb = Workbook::new();
    add_text_sheet(&mut wb, other, rows);
    let ws = wb.worksheet_from_name(other).unwrap();
    for &(r, c, text) in comments {
        ws.insert_note(r, c, &Note::new(text).add_author_prefix(false))
            .unwrap();
    }
    add_text_sheet(&mut wb, "SoA", SOA);
    wb.save(&path).unwrap();
    path
}

/// `report --format json` on [`k_checks`] and `csp` (more args after): (K-1's, K-2's,
/// K-5's status).
fn statuses(csp: &Path, more: &[&str]) -> (String, String, String) {
    let mut c = on_checks("en", "report", k_checks());
    c.args(["--format", "json", "--csp"]).arg(csp).args(more);
    let v = json_of(c);
    let s = |id: &str| {
        by_id(&v["items"], id)["status"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    (s("K-1"), s("K-2"), s("K-5"))
}

/// The one-line error of `report` on [`k_checks`] and `csp` (more args after), in English.
fn refused(csp: &Path, more: &[&str]) -> String {
    let mut c = on_checks("en", "report", k_checks());
    c.arg("--csp").arg(csp).args(more);
    input_error(c)
}

fn covered() -> (String, String, String) {
    (
        "covered".to_owned(),
        "covered".to_owned(),
        "not-covered".to_owned(),
    )
}

#[test]
fn a_notes_sheet_projecting_the_statuses_refuses_the_workbook_naming_sheet_and_cell() {
    let dir = tempfile::tempdir().unwrap();
    let csp = csp_workbook(
        dir.path(),
        "注記",
        &[
            &["注記"],
            &["1. 本表の実施状況は2027年度末時点の見込みである。"],
        ],
        &[],
    );
    let e = refused(&csp, &[]);
    assert!(e.contains("sheet '注記': row 2: column 'A'"), "{e}");
    assert!(e.contains("on a sheet without control ids"), "{e}");
    assert!(e.contains("--csp-sheet does not leave it out"), "{e}");
    // reading the table's sheet alone does not leave the note out
    let e = refused(&csp, &["--csp-sheet", "SoA"]);
    assert!(e.contains("sheet '注記': row 2"), "{e}");
}

#[test]
fn a_notes_sheet_limiting_the_scope_refuses_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let csp = csp_workbook(
        dir.path(),
        "前提条件",
        &[&["前提条件"], &["本表は東京リージョンのみを対象とする。"]],
        &[],
    );
    let e = refused(&csp, &[]);
    assert!(e.contains("sheet '前提条件': row 2"), "{e}");
}

/// A template's instructions sheet (`記入方法`) lists every status and says what to write
/// when a control is partly done or not done: it states nothing of the service, and is
/// passed over (review 13 C-1); the same lines on a notes sheet still refuse.
#[test]
fn an_instructions_sheet_of_a_csp_workbook_is_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    let lines: &[&[&str]] = &[
        &["記入方法"],
        &["1. 実施状況欄には ○（実施済み）、×（未実施）、－（対象外）のいずれかを選択してください。"],
        &["2. 一部のみ実施している場合は備考欄にその範囲を記載してください。"],
        &["3. 未実施・計画中の場合は、備考欄に対応予定時期を記載してください。"],
    ];
    for name in ["記入方法", "記入要領", "Instructions"] {
        let csp = csp_workbook(dir.path(), name, lines, &[]);
        assert_eq!(statuses(&csp, &[]), covered(), "{name}");
    }
    let csp = csp_workbook(dir.path(), "注記", lines, &[]);
    let e = refused(&csp, &[]);
    assert!(e.contains("sheet '注記'"), "{e}");
}

/// Ordinary template sheets read (review 13 C-2, C-13): a table of contents, a cover line on
/// who may read the document or a disclaimer, a legend one entry to a cell; the same
/// forms giving a mark another meaning, colouring a status, or projecting still refuse.
#[test]
fn a_contents_sheet_a_distribution_line_and_a_one_cell_legend_read() {
    let dir = tempfile::tempdir().unwrap();
    let read: [(&str, &[&[&str]]); 4] = [
        (
            "目次",
            &[
                &["目次"],
                &["1. 表紙"],
                &["2. 実施状況一覧"],
                &["3. 未実施項目の対応計画"],
            ],
        ),
        (
            "表紙",
            &[
                &["ISMAP管理基準 実施状況一覧"],
                &["本資料は秘密保持契約を締結したお客様に限り開示します。"],
                &["本書は作成時点の情報に基づいており、将来の実施を保証するものではありません。"],
            ],
        ),
        (
            "凡例",
            &[&["凡例"], &["○：実施"], &["×：未実施"], &["－：非該当"]],
        ),
        ("凡例", &[&["凡例"], &["○=実施"], &["×=未実施"]]),
    ];
    for (name, rows) in read {
        let csp = csp_workbook(dir.path(), name, rows, &[]);
        assert_eq!(statuses(&csp, &[]), covered(), "{name}: {rows:?}");
    }
    let refused_rows: [(&str, &[&[&str]]); 3] = [
        ("凡例", &[&["凡例"], &["○：一部実施"], &["×：未実施"]]),
        ("凡例", &[&["凡例"], &["赤：未実施"], &["緑：実施"]]),
        (
            "表紙",
            &[&["本資料は秘密保持契約を締結したお客様に限り開示します。実施状況は2027年度末の見込みです。"]],
        ),
    ];
    for (name, rows) in refused_rows {
        let csp = csp_workbook(dir.path(), name, rows, &[]);
        let e = refused(&csp, &[]);
        assert!(e.contains(&format!("sheet '{name}'")), "{rows:?}: {e}");
    }
}

#[test]
fn a_draft_cover_refuses_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let csp = csp_workbook(
        dir.path(),
        "表紙",
        &[
            &["管理策実施状況表"],
            &["株式会社サンプル"],
            &["版数", "第0.9版（ドラフト）"],
        ],
        &[],
    );
    let e = refused(&csp, &[]);
    assert!(e.contains("sheet '表紙': row 3: column 'B'"), "{e}");
    assert!(e.contains("draft"), "{e}");
}

#[test]
fn a_cover_dated_after_the_as_of_date_refuses_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let csp = csp_workbook(
        dir.path(),
        "表紙",
        &[&["管理策実施状況表"], &["作成日", "2027年5月1日"]],
        &[],
    );
    let e = refused(&csp, &[]);
    assert!(e.contains("sheet '表紙': row 2"), "{e}");
    assert!(e.contains("after the as-of date"), "{e}");
}

#[test]
fn a_comment_on_a_cover_marking_a_draft_refuses_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let csp = csp_workbook(
        dir.path(),
        "表紙",
        &[&["管理策実施状況表"], &["株式会社サンプル"]],
        &[(0, 0, "ドラフト版です。承認前のため社外秘")],
    );
    let e = refused(&csp, &[]);
    assert!(e.contains("the comment on cell A1"), "{e}");
    assert!(e.contains("sheet '表紙'"), "{e}");
}

/// Guard: an ordinary cover (company, title, version 1.0, approved, a past date, 社外秘, a
/// revision history with past dates, a legend restating the marks) and an ordinary notes
/// sheet still read.
#[test]
fn an_ordinary_cover_and_notes_sheet_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let csp = csp_workbook(
        dir.path(),
        "表紙",
        &[
            &["情報セキュリティ管理策 実施状況表"],
            &["会社名", "株式会社サンプル"],
            &["文書名", "管理策実施状況表（サンプルSaaS）"],
            &["版数", "1.0"],
            &["承認", "承認済"],
            &["作成日", "2025年4月1日"],
            &["社外秘"],
            &["凡例: 実施=実施済み, 未実施=未実施"],
            &[""],
            &["改訂履歴"],
            &["版", "日付", "内容"],
            &["0.9", "2025/03/01", "ドラフト作成"],
            &["1.0", "2025/04/01", "初版"],
        ],
        &[(1, 1, "正式名称")],
    );
    assert_eq!(statuses(&csp, &[]), covered());
    assert_eq!(statuses(&csp, &["--csp-sheet", "SoA"]), covered());
    let csp = csp_workbook(
        dir.path(),
        "注記",
        &[
            &["注記"],
            &["1. 本表は2025年4月1日時点の実施状況を示す。"],
            &["2. 管理策番号はISMAP管理基準による。"],
        ],
        &[],
    );
    assert_eq!(statuses(&csp, &[]), covered());
}

#[test]
fn a_cover_not_approved_refuses_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    for approval in [&["承認：未"][..], &["承認", "未"], &["承認", "未承認"]] {
        let csp = csp_workbook(
            dir.path(),
            "表紙",
            &[&["管理策実施状況表"], &["版数", "1.0"], approval],
            &[],
        );
        let e = refused(&csp, &[]);
        assert!(e.contains("sheet '表紙': row 3"), "{approval:?}: {e}");
    }
}

// --- the check list's comments, cover sheet and YAML comments

/// A CSP status table stating 9.2.1 and 12.4.1 implemented, 9.2.3 not, in `dir`.
fn csp_csv(dir: &Path) -> PathBuf {
    let path = dir.join("csp.csv");
    std::fs::write(
        &path,
        "登録区分: ISMAP\n管理策番号,実施状況\n9.2.1,実施\n9.2.3,未実施\n12.4.1,実施\n",
    )
    .unwrap();
    path
}

/// The check items every check-list workbook here holds: 1 (9.2.1), 2 (12.4.1).
const ITEMS: &[&[&str]] = &[
    &["項番", "確認項目", "ISMAP管理策"],
    &["1", "利用者IDの管理", "9.2.1"],
    &["2", "ログ取得", "12.4.1"],
];

/// Writes a check-list workbook: sheet `cover` (`cover_rows`; none when empty) before the
/// sheet `チェックリスト` ([`ITEMS`]) with `comments` as notes on it ((row, col, text),
/// 0-based).
fn checks_workbook(
    dir: &Path,
    cover: &str,
    cover_rows: &[&[&str]],
    comments: &[(u32, u16, &str)],
) -> PathBuf {
    let path = dir.join("checks.xlsx");
    let mut wb = Workbook::new();
    if !cover.is_empty() {
        add_text_sheet(&mut wb, cover, cover_rows);
    }
    add_text_sheet(&mut wb, "チェックリスト", ITEMS);
    let ws = wb.worksheet_from_name("チェックリスト").unwrap();
    for &(r, c, text) in comments {
        ws.insert_note(r, c, &Note::new(text).add_author_prefix(false))
            .unwrap();
    }
    wb.save(&path).unwrap();
    path
}

/// `report --format json` on `checks` and [`csp_csv`] (more args after): the items.
fn items_of(checks: &Path, more: &[&str]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let mut c = on_checks("en", "report", checks);
    c.args(["--format", "json", "--csp"])
        .arg(csp_csv(dir.path()))
        .args(more);
    json_of(c)["items"].clone()
}

/// The one-line error of `report` on `checks` and [`csp_csv`] (more args after).
fn checks_refused(checks: &Path, more: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut c = on_checks("en", "report", checks);
    c.arg("--csp").arg(csp_csv(dir.path())).args(more);
    input_error(c)
}

#[test]
fn a_comment_on_an_item_is_read_as_its_note() {
    let dir = tempfile::tempdir().unwrap();
    let checks = checks_workbook(
        dir.path(),
        "",
        &[],
        &[
            (1, 2, "9.2.3（特権ID）も対象に含めること"),
            (2, 1, "SOC2 Type2報告書で確認すること"),
        ],
    );
    let items = items_of(&checks, &[]);
    let one = by_id(&items, "1");
    assert_eq!(one["status"], "not-analysed", "{one}");
    assert_eq!(one["note"], "メモ(C2): 9.2.3（特権ID）も対象に含めること");
    assert_eq!(one["problems"][0]["field"], "reference-outside", "{one}");
    assert_eq!(one["problems"][0]["column"], "メモ", "{one}");
    let two = by_id(&items, "2");
    assert_eq!(two["status"], "not-analysed", "{two}");
    assert_eq!(two["problems"][0]["field"], "assurance-outside", "{two}");
}

/// Guard: an ordinary comment is carried in the note, and the item is judged.
#[test]
fn an_ordinary_comment_on_an_item_is_carried_and_the_item_judged() {
    let dir = tempfile::tempdir().unwrap();
    let checks = checks_workbook(dir.path(), "", &[], &[(1, 1, "担当: 情報システム部 佐藤")]);
    let items = items_of(&checks, &[]);
    let one = by_id(&items, "1");
    assert_eq!(one["status"], "covered", "{one}");
    assert_eq!(one["note"], "メモ(B2): 担当: 情報システム部 佐藤");
    assert_eq!(by_id(&items, "2")["status"], "covered");
}

#[test]
fn a_comment_on_the_header_asking_for_more_refuses_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let checks = checks_workbook(
        dir.path(),
        "",
        &[],
        &[(0, 2, "全項目についてSOC2 Type2報告書で確認すること")],
    );
    let e = checks_refused(&checks, &[]);
    assert!(e.contains("the comment on cell C1"), "{e}");
    assert!(e.contains("assurance level (SOC 2)"), "{e}");
}

#[test]
fn a_cover_sheet_asking_for_more_refuses_the_list_naming_sheet_and_row() {
    let dir = tempfile::tempdir().unwrap();
    let checks = checks_workbook(
        dir.path(),
        "表紙",
        &[
            &["クラウドサービス確認チェックシート"],
            &["株式会社サンプル 情報システム部"],
            &["※本チェックシートの各項目は、SOC2 Type2報告書で確認することを求める。"],
        ],
        &[],
    );
    let e = checks_refused(&checks, &[]);
    assert!(e.contains("sheet '表紙': row 3"), "{e}");
    assert!(e.contains("assurance level (SOC 2)"), "{e}");
    // reading the items' sheet alone does not leave the cover out
    let e = checks_refused(&checks, &["--sheet", "チェックリスト"]);
    assert!(e.contains("sheet '表紙': row 3"), "{e}");
    let checks = checks_workbook(
        dir.path(),
        "表紙",
        &[
            &["確認対象"],
            &["9.2.3（特権的アクセス権の管理）も対象に含めること"],
        ],
        &[],
    );
    let e = checks_refused(&checks, &[]);
    assert!(e.contains("sheet '表紙': row 2"), "{e}");
    assert!(e.contains("ISMAP controls (9.2.3)"), "{e}");
}

/// Guard: an ordinary cover and an instructions sheet describing the columns still read.
#[test]
fn an_ordinary_cover_and_instructions_sheet_still_read() {
    let dir = tempfile::tempdir().unwrap();
    for (name, rows) in [
        (
            "表紙",
            &[
                &["クラウドサービス確認チェックシート"][..],
                &["株式会社サンプル 情報システム部"],
                &["作成日", "2025年4月1日"],
                &["本チェックシートはISMAP管理基準に基づく。"],
            ][..],
        ),
        (
            "記入要領",
            &[
                &["記入要領"][..],
                &["ISMAP管理策の列には、対応する管理策番号（例: 9.2.1）を記入してください。"],
                &["求める確認水準の列には、ISMAP、保証報告（SOC2）、個別監査のいずれかを記入すること。"],
            ][..],
        ),
    ] {
        let checks = checks_workbook(dir.path(), name, rows, &[]);
        let items = items_of(&checks, &[]);
        assert_eq!(by_id(&items, "1")["status"], "covered", "{name}");
        assert_eq!(by_id(&items, "2")["status"], "covered", "{name}");
    }
}

#[test]
fn a_title_row_asking_for_controls_refuses_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("checks.csv");
    std::fs::write(
        &path,
        "※ 9.2.3も対象に含めること\n項番,確認項目,ISMAP管理策\n1,利用者IDの管理,9.2.1\n2,ログ取得,12.4.1\n",
    )
    .unwrap();
    let e = checks_refused(&path, &[]);
    assert!(
        e.contains("row 1: the line '※ 9.2.3も対象に含めること'"),
        "{e}"
    );
    // guard: a title naming no control
    std::fs::write(
        &path,
        "クラウドサービス確認チェックリスト（必須項目）\n項番,確認項目,ISMAP管理策\n1,利用者IDの管理,9.2.1\n2,ログ取得,12.4.1\n",
    )
    .unwrap();
    assert_eq!(by_id(&items_of(&path, &[]), "1")["status"], "covered");
}

#[test]
fn yaml_comments_are_read_on_their_item_or_for_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("checks.yaml");
    std::fs::write(
        &path,
        "# チェックリスト 2025年度版\nitems:\n  - id: \"1\"\n    title: 利用者IDの管理\n    refs: \"9.2.1\"   # 9.2.3 も含めること\n  - id: \"2\"\n    title: ログ取得   # SOC2 Type2報告書で確認すること\n    refs: \"12.4.1\"\n  - id: \"3\"\n    title: 特権\n    refs: \"9.2.1\"  # 担当: 佐藤\n",
    )
    .unwrap();
    let items = items_of(&path, &[]);
    let one = by_id(&items, "1");
    assert_eq!(one["status"], "not-analysed", "{one}");
    assert_eq!(one["note"], "# 9.2.3 も含めること");
    assert_eq!(one["problems"][0]["field"], "reference-outside", "{one}");
    let two = by_id(&items, "2");
    assert_eq!(two["problems"][0]["field"], "assurance-outside", "{two}");
    // guard: an ordinary comment is carried, its item judged
    let three = by_id(&items, "3");
    assert_eq!(three["status"], "covered", "{three}");
    assert_eq!(three["note"], "# 担当: 佐藤");
    // a comment heading the list, asking for more
    std::fs::write(
        &path,
        "# 各項目はSOC2 Type2報告書で確認すること\nitems:\n  - id: \"1\"\n    title: 利用者IDの管理\n    refs: \"9.2.1\"\n",
    )
    .unwrap();
    let e = checks_refused(&path, &[]);
    assert!(e.contains("checks.yaml: line 1: the line"), "{e}");
}

/// Guard: an instructions sheet listing the levels to choose from, under the assurance
/// column's own name, still reads.
#[test]
fn an_instructions_sheet_listing_the_levels_still_reads() {
    let dir = tempfile::tempdir().unwrap();
    for line in [
        &["求める確認水準", "ISMAP / 保証報告 / 個別監査", "ISMAP"][..],
        &["求める確認水準: ISMAP、保証報告（SOC2）、個別監査"],
        &["※ ISMAP又はSOC2報告書で確認すること"],
    ] {
        let checks = checks_workbook(
            dir.path(),
            "記入要領",
            &[&["列", "説明", "記入例"], line],
            &[],
        );
        let items = items_of(&checks, &[]);
        assert_eq!(by_id(&items, "1")["status"], "covered", "{line:?}");
    }
}

/// A CSP workbook's comment on a status cell (`※2027年度対応予定`) is read as the row's
/// remark (already so before this branch; kept here beside the check list's comments).
#[test]
fn a_comment_on_a_csp_status_cell_deferring_refuses_the_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("csp.xlsx");
    let mut wb = Workbook::new();
    add_text_sheet(&mut wb, "SoA", SOA);
    let ws = wb.worksheet_from_name("SoA").unwrap();
    ws.insert_note(
        3,
        2,
        &Note::new("※2027年度対応予定").add_author_prefix(false),
    )
    .unwrap();
    wb.save(&path).unwrap();
    let e = refused(&path, &[]);
    assert!(e.contains("the comment on cell C4"), "{e}");
}

/// `compare --csp-dir`: a YAML check list kept in the folder is passed over with a note
/// naming it, as a CSV one is (review 11 C-17); the CSP lists beside it are compared.
#[test]
fn compare_csp_dir_passes_over_a_yaml_check_list() {
    let dir = tempfile::tempdir().unwrap();
    let csps = dir.path().join("csps");
    std::fs::create_dir(&csps).unwrap();
    for (name, status) in [("a.csv", "実施"), ("b.csv", "未実施")] {
        std::fs::write(
            csps.join(name),
            format!("登録区分: ISMAP\n管理策番号,実施状況\n9.2.1,{status}\n9.2.3,実施\n"),
        )
        .unwrap();
    }
    std::fs::write(
        csps.join("checks.yaml"),
        "items:\n  - id: \"1\"\n    title: 利用者IDの管理\n    refs: \"9.2.1\"\n",
    )
    .unwrap();
    let mut c = on_checks("en", "compare", k_checks());
    c.args(["--format", "json", "--csp-dir"]).arg(&csps);
    let out = c.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("checks.yaml: skipped: a check list"),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["csps"].as_array().unwrap().len(), 2, "{}", v["csps"]);
}

/// A bilingual header (the Japanese row, then the English one, or the other way round) is
/// one header: the second row is read past as the header repeated (review 11 C-12); a row
/// whose title is a header's word but with references is still an item (guard).
#[test]
fn a_bilingual_header_of_two_rows_is_read_past() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("checks.csv");
    for (first, second) in [
        (
            "項番,確認項目,ISMAP管理策,重要度",
            "No.,Check item,ISMAP control,Risk",
        ),
        (
            "No.,Check item,ISMAP control,Risk",
            "項番,確認項目,ISMAP管理策,重要度",
        ),
    ] {
        std::fs::write(
            &path,
            format!("{first}\n{second}\n1,利用者IDの管理,9.2.1,高\n2,リスク,12.4.1,中\n"),
        )
        .unwrap();
        let dir2 = tempfile::tempdir().unwrap();
        let mut c = on_checks("en", "report", &path);
        c.args(["--format", "json", "--csp"])
            .arg(csp_csv(dir2.path()));
        let v = json_of(c);
        assert_eq!(v["summary"]["total"], 2, "{second}: {}", v["summary"]);
        assert_eq!(v["checks"]["rows_not_read"][0]["kind"], "repeated-header");
        assert_eq!(by_id(&v["items"], "2")["status"], "covered");
    }
}

/// Guard (review 12): a visible sheet of drop-down values (`実施状況` / `実施` / `未実施` …)
/// and a legend sheet in two columns restating the marks (`記号 | 意味`, `○ | 実施`, `－ |
/// 非該当（理由を記載）`) are read; a legend giving a colour a status (`赤 | 未実施`: the
/// statuses are the cells' fill, review 12 A-17) or giving ○ another meaning is refused.
#[test]
fn legend_and_drop_down_sheets_without_ids() {
    let dir = tempfile::tempdir().unwrap();
    let csp = csp_workbook(
        dir.path(),
        "リスト",
        &[
            &["実施状況"],
            &["実施"],
            &["未実施"],
            &["非該当"],
            &["計画中"],
        ],
        &[],
    );
    assert_eq!(statuses(&csp, &[]), covered());
    let csp = csp_workbook(
        dir.path(),
        "凡例",
        &[
            &["記号", "意味"],
            &["実施", "実施済み"],
            &["－", "非該当（理由を記載）"],
        ],
        &[],
    );
    assert_eq!(statuses(&csp, &[]), covered());
    let csp = csp_workbook(
        dir.path(),
        "凡例",
        &[&["色", "意味"], &["緑", "実施"], &["赤", "未実施"]],
        &[],
    );
    let e = refused(&csp, &[]);
    assert!(e.contains("sheet '凡例': row 2: column 'A'"), "{e}");
    assert!(e.contains("the colour '緑'"), "{e}");
    let csp = csp_workbook(
        dir.path(),
        "凡例",
        &[&["記号", "意味"], &["実施", "一部実施"]],
        &[],
    );
    let e = refused(&csp, &[]);
    assert!(e.contains("sheet '凡例': row 2"), "{e}");
}

/// Guard (review 12): a sheet counting the controls by status (`箇条 | 実施 | 未実施 |
/// 非該当`, then numbers) is read.
#[test]
fn a_count_by_status_sheet_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let csp = csp_workbook(
        dir.path(),
        "集計",
        &[
            &["箇条", "実施", "未実施", "非該当"],
            &["9", "2", "1", "0"],
            &["合計", "2", "1", "0"],
        ],
        &[],
    );
    assert_eq!(statuses(&csp, &[]), covered());
}

/// Writes a published list (管理策番号 | 管理策名, no status column) of 9.2.1, 9.2.2, 9.2.3,
/// 9.2.4 whose rows are filled by `fill(i)` (0-based row of the ids; `None`: no fill).
fn coloured_list(dir: &Path, fill: impl Fn(usize) -> Option<u32>) -> PathBuf {
    coloured_list_of(dir, 4, fill, |_| None)
}

/// [`coloured_list`] of the first `n` objectives of clause 9 (n ≤ 12), each row's font
/// coloured by `font(i)` too.
fn coloured_list_of(
    dir: &Path,
    n: usize,
    fill: impl Fn(usize) -> Option<u32>,
    font: impl Fn(usize) -> Option<u32>,
) -> PathBuf {
    let path = dir.join("colours.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("統制目標一覧").unwrap();
    ws.write_string(0, 0, "登録区分: ISMAP").unwrap();
    ws.write_string(1, 0, "管理策番号").unwrap();
    ws.write_string(1, 1, "管理策名").unwrap();
    let rows = [
        ("9.2.1", "利用者登録及び登録削除"),
        ("9.2.2", "利用者アクセスの提供"),
        ("9.2.3", "特権的アクセス権の管理"),
        ("9.2.4", "利用者の秘密認証情報の管理"),
        ("9.1.1", ""),
        ("9.1.2", ""),
        ("9.2.5", ""),
        ("9.2.6", ""),
        ("9.3.1", ""),
        ("9.4.1", ""),
        ("9.4.2", ""),
        ("9.4.3", ""),
    ];
    for (i, (id, name)) in rows.iter().take(n).enumerate() {
        let r = 2 + i as u32;
        match (fill(i), font(i)) {
            (None, None) => {
                ws.write_string(r, 0, *id).unwrap();
                ws.write_string(r, 1, *name).unwrap();
            }
            (fill, font) => {
                let mut f = rust_xlsxwriter::Format::new();
                if let Some(rgb) = fill {
                    f = f.set_background_color(rgb);
                }
                if let Some(rgb) = font {
                    f = f.set_font_color(rgb);
                }
                ws.write_string_with_format(r, 0, *id, &f).unwrap();
                ws.write_string_with_format(r, 1, *name, &f).unwrap();
            }
        }
    }
    wb.save(&path).unwrap();
    path
}

/// A published list whose rows' fill states the status (red 未実施) is refused naming the
/// colours and rows (review 12 A-17); one colour throughout, none, or rows banded by turns
/// read (guards).
#[test]
fn a_published_list_coloured_by_status_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let csp = coloured_list(dir.path(), |i| {
        Some(if i == 2 { 0xFF9999 } else { 0xCCFFCC })
    });
    let e = refused(&csp, &[]);
    assert!(e.contains("sheet '統制目標一覧': row 5"), "{e}");
    assert!(e.contains("coloured differently"), "{e}");
    let csp = coloured_list(dir.path(), |i| (i == 2).then_some(0xFF0000));
    let e = refused(&csp, &[]);
    assert!(e.contains("coloured differently"), "{e}");
    for guard in [
        coloured_list(dir.path(), |_| Some(0xCCFFCC)),
        coloured_list(dir.path(), |_| None),
        coloured_list(dir.path(), |i| (i % 2 == 1).then_some(0xEEEEEE)),
    ] {
        let (one, two, _) = statuses(&guard, &[]);
        assert_eq!((one.as_str(), two.as_str()), ("covered", "covered"));
    }
}

/// Colours no one can see, and stripes of an Excel table style, state nothing (review 13
/// C-9): a white fill beside none, black text beside automatic, rows banded two by two read;
/// a red row among them, or a run of red rows at the end, is still refused.
#[test]
fn white_black_and_striped_rows_state_no_status() {
    let dir = tempfile::tempdir().unwrap();
    for guard in [
        coloured_list_of(dir.path(), 8, |i| (i >= 4).then_some(0xFFFFFF), |_| None),
        coloured_list_of(
            dir.path(),
            8,
            |_| None,
            |i| (i % 3 == 0).then_some(0x000000),
        ),
        coloured_list_of(
            dir.path(),
            12,
            |i| (i / 2 % 2 == 1).then_some(0xDDEBF7),
            |_| None,
        ),
        coloured_list_of(
            dir.path(),
            11,
            |i| (i / 3 % 2 == 1).then_some(0xDDEBF7),
            |_| None,
        ),
    ] {
        let (one, two, _) = statuses(&guard, &[]);
        assert_eq!((one.as_str(), two.as_str()), ("covered", "covered"));
    }
    for refused_list in [
        coloured_list_of(
            dir.path(),
            12,
            |i| {
                (i / 2 % 2 == 1)
                    .then_some(0xDDEBF7)
                    .or((i == 8).then_some(0xFF0000))
            },
            |_| None,
        ),
        coloured_list_of(dir.path(), 8, |i| (i >= 6).then_some(0xFF9999), |_| None),
        coloured_list_of(dir.path(), 8, |_| None, |i| (i == 5).then_some(0xFF0000)),
    ] {
        let e = refused(&refused_list, &[]);
        assert!(e.contains("coloured differently"), "{e}");
    }
}

/// A footnote giving the next update a date after `--as-of` (`※ 次回更新：2027年3月`,
/// `次回更新予定：2027年4月`, `Next update: April 2027`) qualifies no control and is read
/// (review 12 C-14); one on or before `--as-of` (a renewal missed?) or with more words (`…に
/// 対応予定`) is still refused.
#[test]
fn a_footnote_on_the_next_update_after_the_as_of_date_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("csp.csv");
    let table = |foot: &str| {
        std::fs::write(
            &path,
            format!("登録区分: ISMAP\n管理策番号,実施状況\n9.2.1,実施\n9.2.3,実施\n9.2.4,未実施\n{foot}\n"),
        )
        .unwrap();
    };
    for foot in [
        "※ 次回更新：2027年3月",
        "次回更新予定：2027年4月",
        "Next update: April 2027",
    ] {
        table(foot);
        assert_eq!(statuses(&path, &[]), covered(), "{foot}");
    }
    for foot in ["次回更新：2026年3月", "次回更新：2027年4月に対応予定"] {
        table(foot);
        let e = refused(&path, &[]);
        assert!(e.contains("row 6"), "{foot}: {e}");
    }
}
