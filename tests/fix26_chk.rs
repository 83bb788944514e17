//! Session 13's buyer check-list rules (review 19): A-9 the round trip suggest → report
//! keeps the cell comments (メモ) report reads as an item's note, so the statuses are the
//! same on the list and on suggest's workbook.
mod common;

use std::path::{Path, PathBuf};

use common::{bin, by_id, data, json_of, on_checks};
use rust_xlsxwriter::{Note, Workbook};

/// The CSP: every objective stated implemented (a pasted published list).
fn csp() -> PathBuf {
    data("fix26-chk/list.txt")
}

/// `report --checks FILE --csp (every objective) --format json` in Japanese.
fn report(checks: &Path) -> serde_json::Value {
    let mut c = on_checks("ja", "report", checks);
    c.arg("--csp").arg(csp()).args(["--format", "json"]);
    json_of(c)
}

/// Each item's (id, status), in the order of the report.
fn statuses(v: &serde_json::Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap().to_owned(),
                i["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}

fn status<'a>(v: &'a serde_json::Value, id: &str) -> &'a str {
    by_id(&v["items"], id)["status"].as_str().unwrap()
}

fn note<'a>(v: &'a serde_json::Value, id: &str) -> &'a str {
    by_id(&v["items"], id)["note"].as_str().unwrap_or_default()
}

/// Writes a workbook of `sheets` ((name, rows, notes (row, col, text) from 0)) at `path`.
fn workbook(path: &Path, sheets: &[(&str, &[&[&str]], &[(u32, u16, &str)])]) {
    let mut wb = Workbook::new();
    for (name, rows, notes) in sheets {
        common::add_text_sheet(&mut wb, name, rows);
        let ws = wb.worksheet_from_name(name).unwrap();
        for &(r, c, text) in notes.iter() {
            ws.insert_note(r, c, &Note::new(text).set_author("山田"))
                .unwrap();
        }
    }
    wb.save(path).unwrap();
}

/// `suggest --checks IN --format xlsx -o OUT`.
fn suggest(input: &Path, out: &Path) -> String {
    let o = bin()
        .args(["--lang", "ja", "suggest", "--checks"])
        .arg(input)
        .args(["--format", "xlsx", "-o"])
        .arg(out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{stderr}");
    stderr
}

const A9_ROWS: &[&[&str]] = &[
    &["項番", "確認項目", "ISMAP管理策", "備考"],
    &["Q1", "利用者登録の手続", "9.2.1", ""],
    &["Q2", "特権IDの管理", "9.2.3", ""],
    &["Q3", "パスワードの管理", "9.2.4", ""],
    &["Q4", "多要素認証を利用できること", "", ""],
    &["Q5", "アクセス権の見直し", "9.2.5", ""],
    &["Q6", "アクセス権の削除", "9.2.6", ""],
];

/// Review 19 A-9: the buyer's comments (メモ) on the title, the references and the note
/// column right of the inserted candidate columns (and a threaded comment) make their
/// items not analysed; suggest's workbook keeps them, moved with the columns, so report on
/// it gives the same statuses and quotes the same remarks. Guard: Q5, with no comment,
/// is covered on both.
#[test]
fn a9_suggest_keeps_the_comments_report_reads() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("x40.xlsx");
    workbook(
        &input,
        &[
            (
                "表紙",
                &[&["ISMAPチェックリスト"]],
                &[(0, 0, "回答期限 2026-12-01")],
            ),
            (
                "確認項目",
                A9_ROWS,
                &[
                    (1, 1, "SOC2 Type2報告書で確認すること"),
                    (2, 2, "CSP回答：未対応（2027年度対応予定）"),
                    (3, 3, "CSP回答：未対応"),
                ],
            ),
        ],
    );
    common::xlsx::add_threaded_comment(&input, 2, "B7", &["CSP回答待ち", "確認中"]);
    let before = report(&input);
    assert_eq!(status(&before, "Q1"), "not-analysed");
    assert_eq!(status(&before, "Q2"), "not-analysed");
    assert_eq!(status(&before, "Q3"), "not-analysed");
    assert_eq!(status(&before, "Q5"), "covered");
    assert_eq!(status(&before, "Q6"), "not-analysed");
    let out = dir.path().join("sug.xlsx");
    let stderr = suggest(&input, &out);
    assert!(
        stderr.contains("コメント(メモとして)は保ちます"),
        "{stderr}"
    );
    let after = report(&out);
    assert_eq!(statuses(&before), statuses(&after));
    assert!(note(&after, "Q1").contains("メモ(B2): 山田: SOC2 Type2報告書で確認すること"));
    assert!(note(&after, "Q2").contains("メモ(C3): 山田: CSP回答：未対応（2027年度対応予定）"));
    // the 備考 column moved right of the four candidate columns, and its comment with it
    assert!(
        note(&after, "Q3").contains("メモ(H4): 山田: CSP回答：未対応"),
        "{}",
        note(&after, "Q3")
    );
    assert!(note(&after, "Q6").contains("CSP回答待ち"));
    // the cover's comment is carried too
    let entries = common::xlsx::zip_entries(&out);
    assert!(
        entries
            .iter()
            .any(|(n, x)| n.starts_with("xl/comments") && x.contains("回答期限 2026-12-01")),
        "{:?}",
        entries.keys().collect::<Vec<_>>()
    );
    // suggest run again on its own output (its candidate columns replaced) keeps them too
    let again = dir.path().join("sug2.xlsx");
    suggest(&out, &again);
    let twice = report(&again);
    assert_eq!(statuses(&before), statuses(&twice));
    assert!(note(&twice, "Q3").contains("メモ(H4)"));
}
