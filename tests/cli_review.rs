//! `report --review PREVIOUS`: a gap report written by the tool, then edited by another
//! program (`tests/data/review/previous.xlsx`: decisions and comments typed in with
//! openpyxl; `previous.csv`: the CSV saved as CP932 by a spreadsheet; see
//! `make_previous.py`), read back against a changed CSP list and check list: decisions
//! and comments carried by id, what changed marked, changed verdicts marked for
//! re-review, removed items listed; files the tool did not write refused.
mod common;

use std::path::{Path, PathBuf};

use calamine::{Data, Range};
use common::xlsx::{row_texts, sheets, text};
use common::{bin, by_id, data, example, input_error, json_of, stdout_of};

fn review(name: &str) -> PathBuf {
    data(&format!("review/{name}"))
}

/// `report` on the changed inputs (one item removed, one added, the CSP's list now a
/// status table stating more) with `--review PREVIOUS`.
fn rerun(lang: &str, previous: &Path) -> assert_cmd::Command {
    let mut c = bin();
    c.args([
        "--lang",
        lang,
        "report",
        "--as-of",
        "2026-04-01",
        "--checks",
    ])
    .arg(review("checks-v2.csv"))
    .arg("--csp")
    .arg(review("csp-v2.csv"))
    .arg("--review")
    .arg(previous);
    c
}

/// The row of the sheet whose first cell is `id`, by header.
fn row_of(range: &Range<Data>, id: &str) -> Vec<(String, String)> {
    let header = row_texts(range, 0);
    let r = (1..range.height())
        .find(|r| text(range, *r, 0) == id)
        .unwrap_or_else(|| panic!("no row {id}"));
    header.into_iter().zip(row_texts(range, r)).collect()
}

fn cell<'a>(row: &'a [(String, String)], header: &str) -> &'a str {
    &row.iter()
        .find(|(h, _)| h == header)
        .unwrap_or_else(|| panic!("no column {header}"))
        .1
}

/// What the reviewer typed into the previous report, and what the re-run must make of it.
const CARRIED: [(&str, &str, &str, &str); 6] = [
    // id, decision, comment, change
    ("R-01", "不要", "ISMAPの結果で代替する", "変化なし"),
    ("R-02", "", "登録手順書の版数を次回確認", "変化なし"),
    (
        "R-03",
        "不要",
        "ISMAPで暗号化を確認済み",
        "判定の変化 (充足 → 未充足) — 要再レビュー",
    ),
    (
        "R-05",
        "要",
        "バックアップの取得方針を質問票で確認",
        "判定の変化 (未充足 → 充足) — 要再レビュー",
    ),
    (
        "R-08",
        "検討中",
        "9.4.2 の扱いをCSPに照会中",
        "理由の変化 — 要再レビュー",
    ),
    ("R-04", "", "", "変化なし"),
];

fn check_gap_sheet(range: &Range<Data>) {
    let header = row_texts(range, 0);
    // the change column right of the reviewer's, within the first eight
    assert_eq!(
        &header[4..8],
        [
            "追加手続",
            "追加手続の要否",
            "レビューコメント",
            "前回からの変化"
        ]
    );
    for (id, decision, comment, change) in CARRIED {
        let row = row_of(range, id);
        assert_eq!(cell(&row, "追加手続の要否"), decision, "{id}");
        assert_eq!(cell(&row, "レビューコメント"), comment, "{id}");
        assert_eq!(cell(&row, "前回からの変化"), change, "{id}");
    }
    // a verdict that changed without a decision to look at again: marked, not re-review
    let r07 = row_of(range, "R-07");
    assert_eq!(cell(&r07, "前回からの変化"), "判定の変化 (未充足 → 充足)");
    assert_eq!(cell(&r07, "追加手続の要否"), "");
    let r09 = row_of(range, "R-09");
    assert_eq!(cell(&r09, "前回からの変化"), "新規");
    // the removed item is not on the gap sheet
    assert!((1..range.height()).all(|r| text(range, r, 0) != "R-06"));
}

#[test]
fn a_workbook_edited_by_another_program_is_carried_forward() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gap-v2.xlsx");
    let run = rerun("ja", &review("previous.xlsx"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let (names, ranges) = sheets(&out);
    assert_eq!(names, ["概要", "ギャップ", "前回から削除", "統制目標"]);
    check_gap_sheet(&ranges[1]);

    // the removed item, with what it had
    let removed = &ranges[2];
    assert_eq!(
        row_texts(removed, 0),
        [
            "項番",
            "確認項目",
            "前回の判定",
            "追加手続の要否",
            "レビューコメント"
        ]
    );
    assert_eq!(
        row_texts(removed, 1),
        [
            "R-06",
            "データセンターが日本国内に所在すること",
            "ISMAP対象外",
            "要",
            "契約書で国内リージョンを指定"
        ]
    );
    assert_eq!(removed.height(), 2);

    // the summary says where the review came from and what changed
    let summary = &ranges[0];
    let fact = |label: &str| {
        (0..summary.height())
            .find(|r| text(summary, *r, 0) == label)
            .map(|r| text(summary, r, 1))
            .unwrap_or_else(|| panic!("no {label}"))
    };
    assert_eq!(fact("前回のレビュー"), "previous.xlsx");
    assert_eq!(
        fact("前回からの変化"),
        "新規 1 · 削除 1 · 判定の変化 3 · 理由の変化 1 · 変化なし 3 — 引き継いだ判断・コメント 5, 要再レビュー 3"
    );

    // the new workbook is itself a review to carry forward: nothing changed since
    let again = dir.path().join("gap-v3.xlsx");
    rerun("ja", &out).arg("-o").arg(&again).assert().success();
    let (_, ranges) = sheets(&again);
    for (id, decision, comment, _) in CARRIED {
        let row = row_of(&ranges[1], id);
        assert_eq!(cell(&row, "追加手続の要否"), decision, "{id}");
        assert_eq!(cell(&row, "レビューコメント"), comment, "{id}");
        assert_eq!(cell(&row, "前回からの変化"), "変化なし", "{id}");
    }
}

#[test]
fn json_has_each_items_review_and_a_summary() {
    let v = json_of(rerun("en", &review("previous.xlsx")).args(["--format", "json"]));
    assert_eq!(v["schema_version"], 10);
    let items = &v["items"];
    let r03 = &by_id(items, "R-03")["review"];
    assert_eq!(r03["change"], "status-changed");
    assert_eq!(r03["previous_status"], "covered");
    // the decision in its code, whatever language it was typed in
    assert_eq!(r03["decision"], "not-needed");
    assert_eq!(r03["comment"], "ISMAPで暗号化を確認済み");
    assert_eq!(r03["re_review"], true);
    let r08 = &by_id(items, "R-08")["review"];
    assert_eq!(r08["change"], "reasons-changed");
    assert_eq!(
        r08["previous_reasons"],
        serde_json::json!(["not-listed", "list-incomplete"])
    );
    assert_eq!(r08["decision"], "under-review");
    let r09 = &by_id(items, "R-09")["review"];
    assert_eq!(r09["change"], "new");
    assert_eq!(r09["decision"], serde_json::Value::Null);
    assert_eq!(r09["re_review"], false);
    let r01 = &by_id(items, "R-01")["review"];
    assert_eq!(r01["change"], "unchanged");
    assert!(r01.get("previous_status").is_none());

    let s = &v["review"];
    assert_eq!(s["source"], "previous.xlsx");
    for (key, n) in [
        ("new", 1),
        ("removed", 1),
        ("status_changed", 3),
        ("reasons_changed", 1),
        ("unchanged", 3),
        ("re_review", 3),
        ("carried", 5),
    ] {
        assert_eq!(s[key], n, "{key}");
    }
    assert_eq!(s["removed_items"][0]["id"], "R-06");
    assert_eq!(s["removed_items"][0]["status"], "outside-ismap");
    assert_eq!(s["removed_items"][0]["decision"], "needed");
    assert_eq!(
        s["removed_items"][0]["comment"],
        "契約書で国内リージョンを指定"
    );

    // without --review there is no review anywhere
    let plain = json_of(
        bin()
            .args([
                "report",
                "--as-of",
                "2026-04-01",
                "--format",
                "json",
                "--checks",
            ])
            .arg(review("checks-v2.csv"))
            .arg("--csp")
            .arg(review("csp-v2.csv")),
    );
    assert!(plain.get("review").is_none());
    assert!(plain["items"][0].get("review").is_none());
}

#[test]
fn a_csv_saved_by_a_spreadsheet_in_cp932_is_carried_forward() {
    // the CSV output of the re-run: decision, comment and change columns at its end
    let csv_out = stdout_of(rerun("ja", &review("previous.csv")).args(["--format", "csv"]));
    let mut rdr = csv::Reader::from_reader(csv_out.trim_start_matches('\u{feff}').as_bytes());
    let headers: Vec<String> = rdr.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        &headers[headers.len() - 3..],
        ["追加手続の要否", "レビューコメント", "前回からの変化"]
    );
    let rows: Vec<Vec<String>> = rdr
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    for (id, decision, comment, change) in CARRIED {
        let row = rows.iter().find(|r| r[0] == id).unwrap();
        let n = row.len();
        assert_eq!(
            [&row[n - 3], &row[n - 2], &row[n - 1]],
            [decision, comment, change],
            "{id}"
        );
    }
    // the workbook from the CSV review reads the same as from the workbook's
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gap.xlsx");
    rerun("ja", &review("previous.csv"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    check_gap_sheet(&sheets(&out).1[1]);
}

#[test]
fn the_table_shows_the_changes_and_the_removed_items() {
    let table = stdout_of(rerun("en", &review("previous.xlsx")).env("COLUMNS", "200"));
    assert!(
        table.contains(
            "Previous review: previous.xlsx: new 1 · removed 1 · status changed 3 · reasons changed 1 · unchanged 3"
        ),
        "{table}"
    );
    assert!(table.contains("Change since review"), "{table}");
    assert!(table.contains("status changed (covered →"), "{table}");
    assert!(table.contains("decision: not needed"), "{table}");
    assert!(table.contains("Items removed since the review:"), "{table}");
    assert!(table.contains("R-06"), "{table}");
    let md = stdout_of(rerun("ja", &review("previous.xlsx")).args(["--format", "md"]));
    assert!(md.contains("前回のレビューから削除された確認項目"), "{md}");
    assert!(md.contains("| R-06 |"), "{md}");
}

#[test]
fn files_the_tool_did_not_write_are_refused() {
    // a check list is not a gap report
    for foreign in [example("checks.xlsx"), example("checks.csv")] {
        let err = input_error(rerun("en", &foreign));
        assert!(
            err.contains("not a gap report written by ismap-gap"),
            "{err}"
        );
        assert!(err.contains(foreign.file_name().unwrap().to_str().unwrap()));
    }
    // a row copied: one id twice
    let err = input_error(rerun("en", &review("previous-duplicate.xlsx")));
    assert!(
        err.contains(
            "sheet 'ギャップ': row 3: column '項番': id 'R-06' is also on row 2: the review cannot be matched by id"
        ),
        "{err}"
    );
    // JSON and YAML carry no reviewer's columns
    let err = input_error(rerun("en", &example("csp-profile.yaml")));
    assert!(err.contains("not from YAML or JSON"), "{err}");
    // a status nobody wrote
    let dir = tempfile::tempdir().unwrap();
    let edited = dir.path().join("edited.csv");
    let bytes = std::fs::read(review("previous.csv")).unwrap();
    let (text, _, _) = encoding_rs::SHIFT_JIS.decode(&bytes);
    std::fs::write(&edited, text.replacen(",充足,", ",たぶん充足,", 1)).unwrap();
    let err = input_error(rerun("en", &edited));
    assert!(
        err.contains("'たぶん充足' is not a status ismap-gap writes"),
        "{err}"
    );
    // the review is an input: never overwritten by the report
    let copy = dir.path().join("gap.xlsx");
    std::fs::copy(review("previous.xlsx"), &copy).unwrap();
    let before = std::fs::read(&copy).unwrap();
    let err = input_error(rerun("en", &copy).arg("-o").arg(&copy));
    assert!(
        err.contains("the output file is also an input file"),
        "{err}"
    );
    assert_eq!(std::fs::read(&copy).unwrap(), before);
}
