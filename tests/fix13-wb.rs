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
