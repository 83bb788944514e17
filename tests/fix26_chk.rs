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

/// A sheet to write: name, rows, notes (row, col, text) from 0.
type SheetSpec<'a> = (&'a str, &'a [&'a [&'a str]], &'a [(u32, u16, &'a str)]);

/// Writes a workbook of `sheets` at `path`.
fn workbook(path: &Path, sheets: &[SheetSpec]) {
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
    assert!(stderr.contains("コメント(メモとして)"), "{stderr}");
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

/// A check list of four items (every one's control stated implemented) with `row` inserted
/// as row 4, between Q2 and Q3.
fn a5_list(dir: &Path, row: &str) -> PathBuf {
    let path = dir.join("a5.csv");
    std::fs::write(
        &path,
        format!(
            "項番,確認項目,ISMAP管理策,求める確認水準,備考\n\
             Q1,利用者登録の手続,9.2.1,ISMAP,\n\
             Q2,特権IDの管理,9.2.3,ISMAP,\n\
             {row}\n\
             Q3,パスワード管理,9.4.3,ISMAP,\n\
             Q4,バックアップ,12.3.1,ISMAP,\n"
        ),
    )
    .unwrap();
    path
}

/// `report` on [`a5_list`] with `row`: Q1's and Q2's statuses, and the ids of the items.
fn a5_statuses(row: &str) -> (String, String, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let v = report(&a5_list(dir.path(), row));
    let ids = statuses(&v).into_iter().map(|(id, _)| id).collect();
    (
        status(&v, "Q1").to_owned(),
        status(&v, "Q2").to_owned(),
        ids,
    )
}

/// Review 19 A-5: a row of no item under an item, whose remark points up (`↑`, `上記`,
/// `前項`, `（補足）`, `above`), is the note of the item above — or of the N it names, or
/// all above — read by the note rules: not analysed, never a bare 充足.
#[test]
fn a5_a_remark_pointing_up_is_the_note_of_the_items_above() {
    let q2 = |s: &str| ("covered".to_owned(), s.to_owned());
    for (row, want) in [
        (",,,,↑ CSP回答：未対応", q2("not-analysed")),
        (",,,,上記はCSP回答待ち", q2("not-analysed")),
        (",,,,前項はCSP回答待ち", q2("not-analysed")),
        (",,,,↑ 2027年度対応予定", q2("not-analysed")),
        (
            ",,,,The item above: CSP answered not implemented",
            q2("not-analysed"),
        ),
        // a check item's text without an id, in a list of ids
        (
            ",（補足）CSP回答：特権IDの棚卸は未実施,,,",
            q2("not-analysed"),
        ),
        // the same words in the item's own note cell are read so (mapping-approximate)
        (",,,,上記はISMAPでは代替不可", q2("partial")),
    ] {
        let (s1, s2, ids) = a5_statuses(row);
        assert_eq!((s1, s2), want, "{row}");
        assert_eq!(ids, ["Q1", "Q2", "Q3", "Q4"], "{row}");
    }
    // the N items it names, or all of them
    for row in [
        ",,,,※ 上記2項目はCSP回答：未対応",
        ",,,,上記２項目はCSP回答待ち",
        ",,,,上記すべてCSP回答待ち",
        ",,,,The two items above: CSP answer pending",
    ] {
        let (s1, s2, _) = a5_statuses(row);
        assert_eq!(
            (s1.as_str(), s2.as_str()),
            ("not-analysed", "not-analysed"),
            "{row}"
        );
    }
    // guards: a remark pointing up that says nothing against the item, or a resolution
    // before --as-of, leaves it covered; one more qualifier (a later year) does not
    for (row, want) in [
        (",,,,↑ 対応済み", "covered"),
        (",,,,↑ 前回の不備は2025年に解消済", "covered"),
        (",,,,↑ 前回の不備は2027年に解消済", "not-analysed"),
    ] {
        let (s1, s2, _) = a5_statuses(row);
        assert_eq!((s1.as_str(), s2.as_str()), ("covered", want), "{row}");
    }
}

/// Review 19 A-5: a row of no item whose remark the note reader finds against judging an
/// item and that does not point up cannot be told whose: refused naming the row. Guards: a
/// blank row, section headings, an ordinary footnote, a line on how to fill the list in,
/// `以上の`, `上記以外` read as before, every item covered.
#[test]
fn a5_a_remark_on_no_item_is_refused_and_ordinary_rows_still_read() {
    for row in [
        ",,,,CSP回答：未対応",
        ",,,,※ CSP回答待ち",
        ",,,,上記以外は2027年度対応予定",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut c = on_checks("en", "report", a5_list(dir.path(), row));
        c.arg("--csp").arg(csp());
        let stderr = common::input_error(c);
        assert!(stderr.contains("row 4"), "{row}: {stderr}");
        assert!(
            stderr.contains("holds no check item, only the remark"),
            "{stderr}"
        );
    }
    for row in [
        ",,,,",
        "■ 組織的対策,,,,",
        ",1. 組織的対策,,,",
        ",,,,※ 参照はISMAP管理基準による",
        "※ 参照はISMAP管理基準による,,,,",
        ",,,,※ 上記の番号はISMAP管理基準による",
        ",,,,※ 未対応の場合は備考欄に理由を記入",
        ",,,,※ 上記以外に確認事項があれば備考欄に記入",
        ",,,,運用上の注意：CSPに確認",
    ] {
        let (s1, s2, _) = a5_statuses(row);
        assert_eq!((s1.as_str(), s2.as_str()), ("covered", "covered"), "{row}");
    }
    // a row of no id stating a level (`年1回以上`) is the note of the item above since
    // session 17 (review 25 A-11; was a guard here, both items covered): Q2 is capped
    let (_, s2, _) = a5_statuses(",,,,以上の項目は年1回以上の確認とする");
    assert_eq!(s2, "partial");
}

/// Review 19 A-5 in a workbook: the remark row hidden reads the same (a hidden row is
/// read as written).
#[test]
fn a5_a_hidden_remark_row_is_read_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x13c.xlsx");
    let mut wb = Workbook::new();
    common::add_text_sheet(
        &mut wb,
        "確認項目",
        &[
            &["項番", "確認項目", "ISMAP管理策", "求める確認水準", "備考"],
            &["Q1", "利用者登録の手続", "9.2.1", "ISMAP", ""],
            &["Q2", "特権IDの管理", "9.2.3", "ISMAP", ""],
            &["", "", "", "", "↑ CSP回答：未対応"],
            &["Q3", "パスワード管理", "9.4.3", "ISMAP", ""],
        ],
    );
    wb.worksheet_from_name("確認項目")
        .unwrap()
        .set_row_hidden(3)
        .unwrap();
    wb.save(&path).unwrap();
    let v = report(&path);
    assert_eq!(status(&v, "Q1"), "covered");
    assert_eq!(status(&v, "Q2"), "not-analysed");
    assert!(note(&v, "Q2").contains("↑ CSP回答：未対応"));
    assert_eq!(status(&v, "Q3"), "covered");
}

const B1_MAIN: &[&[&str]] = &[
    &["項番", "確認項目", "ISMAP管理策", "備考"],
    &["Q1", "利用者登録の手続", "9.2.1", ""],
    &["Q2", "特権IDの管理", "9.2.3", ""],
];

/// Review 19 B-1: a sheet named as details (`別紙1`, `Appendix A`, `補足`) repeating an item's
/// id is that item's detail: refused naming both rows (read as a second item, the item
/// itself stayed a bare 充足 beside its detail's 未対応). Guards: sheets each numbered from
/// 1 under other names, and a 別紙 of ids of its own, are read; suggest still reads it.
#[test]
fn b1_a_detail_sheet_repeating_an_items_id_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["別紙1", "Appendix A", "補足"] {
        let path = dir.path().join("b1.xlsx");
        workbook(
            &path,
            &[
                ("確認項目", B1_MAIN, &[]),
                (
                    name,
                    &[
                        &["項番", "確認項目", "ISMAP管理策", "備考"],
                        &["Q2", "特権IDの管理（詳細）", "9.2.3", "CSP回答：未対応"],
                    ],
                    &[],
                ),
            ],
        );
        let mut c = on_checks("en", "report", &path);
        c.arg("--csp").arg(csp());
        let stderr = common::input_error(c);
        assert!(
            stderr.contains(&format!("sheet '{name}': row 2")),
            "{stderr}"
        );
        assert!(stderr.contains("sheet '確認項目' row 3"), "{stderr}");
        // suggest, which gives no verdict, reads the two sheets as before
        suggest(&path, &dir.path().join("b1-sug.xlsx"));
    }
    // guards: two parts each numbered from 1, and a 別紙 of its own ids
    let path = dir.path().join("parts.xlsx");
    workbook(
        &path,
        &[
            ("組織的対策", B1_MAIN, &[]),
            (
                "技術的対策",
                &[
                    &["項番", "確認項目", "ISMAP管理策", "備考"],
                    &["Q2", "暗号化", "10.1.1", ""],
                ],
                &[],
            ),
        ],
    );
    let v = report(&path);
    assert_eq!(status(&v, "組織的対策/Q2"), "covered");
    assert_eq!(status(&v, "技術的対策/Q2"), "covered");
    let path = dir.path().join("own.xlsx");
    workbook(
        &path,
        &[
            ("確認項目", B1_MAIN, &[]),
            (
                "別紙1",
                &[
                    &["項番", "確認項目", "ISMAP管理策", "備考"],
                    &["B-1", "暗号化", "10.1.1", ""],
                ],
                &[],
            ),
        ],
    );
    let v = report(&path);
    assert_eq!(status(&v, "Q2"), "covered");
    assert_eq!(status(&v, "B-1"), "covered");
}
