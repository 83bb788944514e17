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

/// The change the re-run writes for `id` (of [`CARRIED`]): as listed when the previous
/// report is known to be for this CSP or does not say (a CSV); when it was made for
/// another CSP (`previous.xlsx` was made for the unnamed list `csp-v1.txt`, the re-run
/// reads `csp-v2.csv`), every item with a decision or comment is marked re-review too.
fn expected_change(decision: &str, comment: &str, change: &str, other_csp: bool) -> String {
    const RE_REVIEW: &str = " — 要再レビュー";
    if !other_csp || (decision.is_empty() && comment.is_empty()) {
        change.to_owned()
    } else if change.ends_with(RE_REVIEW) {
        format!("{change}(前回は別のCSP)")
    } else {
        format!("{change}{RE_REVIEW}(前回は別のCSP)")
    }
}

fn check_gap_sheet(range: &Range<Data>, other_csp: bool) {
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
        assert_eq!(
            cell(&row, "前回からの変化"),
            expected_change(decision, comment, change, other_csp),
            "{id}"
        );
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
    check_gap_sheet(&ranges[1], true);

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
    assert_eq!(fact("前回のレビュー"), "previous.xlsx [ギャップ]");
    assert_eq!(
        fact("前回からの変化"),
        "新規 1 · 削除 1 · 判定の変化 3 · 理由の変化 1 · 不足等の変化 0 · 確認項目の変化 0 · 変化なし 3 — 引き継いだ判断・コメント 5, 要再レビュー 5"
    );
    // and, among its warnings, that the review was made for another CSP
    let warnings: Vec<String> = (0..summary.height())
        .filter(|r| text(summary, *r, 0) == "警告")
        .map(|r| text(summary, r, 1))
        .collect();
    assert!(
        warnings.iter().any(|w| w.contains(
            "前回のレビュー previous.xlsx [ギャップ] は別のCSPについてのものです(前回 csp-v1.txt、今回 csp-v2.csv)"
        )),
        "{warnings:?}"
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
    // the CSV does not say what it was made for: items are compared one by one
    let v = json_of(rerun("en", &review("previous.csv")).args(["--format", "json"]));
    assert_eq!(v["schema_version"], 45);
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
    assert_eq!(r01["re_review"], false);
    assert!(r01.get("previous_status").is_none());
    assert!(r01.get("previous_title").is_none());
    assert!(r01.get("re_review_context").is_none());

    let s = &v["review"];
    assert_eq!(s["source"], "previous.csv");
    assert_eq!(s["sheet"], serde_json::Value::Null);
    for (key, n) in [
        ("new", 1),
        ("removed", 1),
        ("status_changed", 3),
        ("reasons_changed", 1),
        ("item_changed", 0),
        ("unchanged", 3),
        ("re_review", 3),
        ("carried", 5),
    ] {
        assert_eq!(s[key], n, "{key}");
    }
    assert_eq!(
        s["context_changes"],
        serde_json::json!([{"what": "unknown", "previous": null, "current": "csp-v2.csv"}])
    );
    let warning = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "review-context-unknown")
        .expect("a warning that the CSV does not say what it was made for");
    assert!(
        warning["message"]
            .as_str()
            .unwrap()
            .contains("check that it was made for csp-v2.csv"),
        "{warning}"
    );

    // the workbook says it was made for csp-v1.txt: another CSP, every decision marked
    let v = json_of(rerun("en", &review("previous.xlsx")).args(["--format", "json"]));
    let s = &v["review"];
    assert_eq!(s["source"], "previous.xlsx");
    assert_eq!(s["sheet"], "ギャップ");
    assert_eq!(s["re_review"], 5);
    assert_eq!(
        s["context_changes"],
        serde_json::json!([
            {"what": "csp", "previous": "csp-v1.txt", "current": "csp-v2.csv"},
            {"what": "check-list", "previous": "checks.csv", "current": "checks-v2.csv"},
        ])
    );
    let r01 = &by_id(&v["items"], "R-01")["review"];
    assert_eq!(r01["change"], "unchanged");
    assert_eq!(r01["re_review"], true);
    assert_eq!(r01["re_review_context"], "csp");
    // an item without a decision or comment has nothing to look at again
    let r04 = &by_id(&v["items"], "R-04")["review"];
    assert_eq!(r04["re_review"], false);
    assert!(r04.get("re_review_context").is_none());
    let s = &v["review"];
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
    // the CSV output of the re-run: decision, comment and change columns at its end, then
    // what the verdicts were made on
    let csv_out = stdout_of(rerun("ja", &review("previous.csv")).args(["--format", "csv"]));
    let mut rdr = csv::Reader::from_reader(csv_out.trim_start_matches('\u{feff}').as_bytes());
    let headers: Vec<String> = rdr.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        &headers[headers.len() - 6..],
        [
            "追加手続の要否",
            "レビューコメント",
            "前回からの変化",
            "基準日",
            "CSP",
            "登録の状態"
        ]
    );
    let rows: Vec<Vec<String>> = rdr
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    for (id, decision, comment, change) in CARRIED {
        let row = rows.iter().find(|r| r[0] == id).unwrap();
        let n = row.len() - 3;
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
    check_gap_sheet(&sheets(&out).1[1], false);
}

#[test]
fn the_table_shows_the_changes_and_the_removed_items() {
    let table = stdout_of(rerun("en", &review("previous.xlsx")).env("COLUMNS", "200"));
    assert!(
        table.contains(
            "Previous review: previous.xlsx [ギャップ]: new 1 · removed 1 · status changed 3 · reasons changed 1 · gaps changed 0 · item changed 0 · unchanged 3"
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

/// `report` of `checks` against `csp` in English JSON with `--review previous` (and
/// `args`): the JSON and stderr.
fn review_json(
    checks: &Path,
    csp: &Path,
    previous: &Path,
    args: &[&str],
) -> (serde_json::Value, String) {
    let mut c = bin();
    c.args(["report", "--as-of", "2026-04-01"])
        .args(args)
        .arg("--checks")
        .arg(checks)
        .arg("--csp")
        .arg(csp)
        .arg("--review")
        .arg(previous);
    json_and_stderr(c)
}

/// Runs `c` with `--format json`: its JSON and its stderr (it must succeed).
fn json_and_stderr(mut c: assert_cmd::Command) -> (serde_json::Value, String) {
    let out = c.args(["--format", "json"]).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    (serde_json::from_slice(&out.stdout).unwrap(), stderr)
}

fn context_kinds(v: &serde_json::Value) -> Vec<String> {
    v["review"]["context_changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["what"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn an_item_rewritten_under_its_id_is_not_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    // R-01 rewritten into another check with another reference; R-02's title only
    // re-spaced; R-03's references written with other spaces
    let checks = std::fs::read_to_string(review("checks.csv"))
        .unwrap()
        .replace(
            "R-01,アクセス制御方針が定められていること,9.1.1,高",
            "R-01,特権IDの棚卸を四半期ごとに実施していること,9.2.5,高",
        )
        .replace(
            "R-02,利用者の登録・削除の手順があること",
            "R-02,  利用者の登録・削除の手順があること ",
        );
    let checks_path = dir.path().join("checks.csv");
    std::fs::write(&checks_path, checks).unwrap();
    let (v, _) = review_json(
        &checks_path,
        &review("csp-v1.txt"),
        &review("previous.csv"),
        &[],
    );
    let r01 = &by_id(&v["items"], "R-01")["review"];
    assert_eq!(r01["change"], "item-changed");
    assert_eq!(
        r01["previous_title"],
        "アクセス制御方針が定められていること"
    );
    assert_eq!(r01["previous_references"], "9.1.1");
    assert_eq!(r01["previous_status"], "covered");
    assert_eq!(r01["decision"], "not-needed");
    assert_eq!(r01["re_review"], true);
    let r02 = &by_id(&v["items"], "R-02")["review"];
    assert_eq!(r02["change"], "unchanged");
    assert_eq!(r02["re_review"], false);
    assert_eq!(v["review"]["item_changed"], 1);
    assert_eq!(v["review"]["re_review"], 1);

    // in words, in the workbook's change column
    let out = dir.path().join("gap.xlsx");
    bin()
        .args([
            "--lang",
            "ja",
            "report",
            "--as-of",
            "2026-04-01",
            "--checks",
        ])
        .arg(&checks_path)
        .arg("--csp")
        .arg(review("csp-v1.txt"))
        .arg("--review")
        .arg(review("previous.csv"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let row = row_of(&sheets(&out).1[1], "R-01");
    assert_eq!(
        cell(&row, "前回からの変化"),
        "確認項目の変化 (確認項目・参照・充足 → 未充足) — 要再レビュー"
    );
    let en = stdout_of(
        bin()
            .args([
                "report",
                "--as-of",
                "2026-04-01",
                "--format",
                "csv",
                "--checks",
            ])
            .arg(&checks_path)
            .arg("--csp")
            .arg(review("csp-v1.txt"))
            .arg("--review")
            .arg(review("previous.csv")),
    );
    assert!(
        en.contains("item changed (title, references, covered → not-covered) — re-review")
            || en.contains("item changed (title, references, covered → not covered) — re-review"),
        "{en}"
    );
}

/// A profile of a fictional CSP stating what `csp-v1.txt` states.
fn profile(dir: &Path, file: &str, name: &str, registration: &str) -> PathBuf {
    let path = dir.join(file);
    std::fs::write(
        &path,
        format!(
            "name: {name}\nregistration_number: {registration}\nimplemented: [9.1.1, 9.2.1, 10.1.1, 12.4.1, 9.4.1]\n"
        ),
    )
    .unwrap();
    path
}

#[test]
fn a_review_made_for_another_csp_or_catalog_marks_every_decision() {
    let dir = tempfile::tempdir().unwrap();
    let a = profile(dir.path(), "a.yaml", "サンプルクラウドA", "C99-0001-1");
    // the review of CSP A, in a workbook (its summary says which CSP)
    let reviewed = dir.path().join("review-a.xlsx");
    bin()
        .args(["report", "--as-of", "2026-04-01", "--checks"])
        .arg(review("checks.csv"))
        .arg("--csp")
        .arg(&a)
        .arg("--review")
        .arg(review("previous.csv"))
        .arg("-o")
        .arg(&reviewed)
        .assert()
        .success();

    // the same CSP renamed (same registration number), its list in another file: the same
    let renamed = profile(
        dir.path(),
        "a-2027.yaml",
        "サンプルクラウドA Pro",
        "C99-0001-1",
    );
    let (v, _) = review_json(&review("checks.csv"), &renamed, &reviewed, &[]);
    assert!(context_kinds(&v).is_empty(), "{}", v["review"]);
    assert_eq!(by_id(&v["items"], "R-01")["review"]["re_review"], false);
    assert_eq!(v["review"]["re_review"], 0);

    // another CSP: every decision and comment carried is marked, with a warning
    let b = profile(dir.path(), "b.yaml", "サンプルクラウドB", "C99-0002-1");
    let (v, stderr) = review_json(&review("checks.csv"), &b, &reviewed, &[]);
    assert_eq!(context_kinds(&v), ["csp"]);
    assert!(
        stderr.contains(
            "warning: The previous review review-a.xlsx [Gaps] was made for another CSP (サンプルクラウドA (C99-0001-1); this report: サンプルクラウドB (C99-0002-1)): every decision and comment carried forward is marked re-review"
        ),
        "{stderr}"
    );
    assert!(v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["code"] == "review-other-csp"));
    let items = v["items"].as_array().unwrap();
    let carried: Vec<&serde_json::Value> = items
        .iter()
        .map(|i| &i["review"])
        .filter(|r| !r["decision"].is_null() || !r["comment"].is_null())
        .collect();
    assert_eq!(carried.len(), 6);
    for r in &carried {
        assert_eq!(r["change"], "unchanged", "{r}");
        assert_eq!(r["re_review"], true, "{r}");
        assert_eq!(r["re_review_context"], "csp", "{r}");
    }
    assert_eq!(v["review"]["re_review"], 6);
    let csv = stdout_of(
        bin()
            .args([
                "report",
                "--as-of",
                "2026-04-01",
                "--format",
                "csv",
                "--checks",
            ])
            .arg(review("checks.csv"))
            .arg("--csp")
            .arg(&b)
            .arg("--review")
            .arg(&reviewed),
    );
    assert!(
        csv.contains("unchanged — re-review (previous review for another CSP)"),
        "{csv}"
    );

    // the same name under another registration number is another CSP
    let other = profile(dir.path(), "a2.yaml", "サンプルクラウドA", "C99-0009-1");
    let (v, _) = review_json(&review("checks.csv"), &other, &reviewed, &[]);
    assert_eq!(context_kinds(&v), ["csp"]);
    // a list that names no CSP is known by its file name, and the warning says how to
    // name it
    let (v, stderr) = review_json(&review("checks.csv"), &review("csp-v1.txt"), &reviewed, &[]);
    assert_eq!(context_kinds(&v), ["csp"]);
    assert!(
        stderr.contains(
            "A list that names no CSP and gives no registration number is known by its file name"
        ),
        "{stderr}"
    );

    // another catalog: every decision marked too
    let (v, stderr) = review_json(
        &review("checks.csv"),
        &a,
        &reviewed,
        &["--catalog", data("catalog-good.yaml").to_str().unwrap()],
    );
    assert_eq!(context_kinds(&v), ["catalog"]);
    assert!(stderr.contains("was made on another catalog"), "{stderr}");
    let r01 = &by_id(&v["items"], "R-01")["review"];
    assert_eq!(r01["re_review"], true);
    assert_eq!(r01["re_review_context"], "catalog");
}

#[test]
fn two_gap_sheets_are_refused_unless_one_is_named() {
    let two = review("previous-two-sheets.xlsx");
    let err = input_error(rerun("en", &two));
    assert!(
        err.contains(
            "previous-two-sheets.xlsx: several sheets are gap sheets ('ギャップ 確定', 'ギャップ'): which one holds the review is unclear (hint: name the sheet holding the decisions with --review-sheet (e.g. --review-sheet 'ギャップ 確定')"
        ),
        "{err}"
    );
    let mut c = rerun("en", &two);
    c.args(["--review-sheet", "ギャップ 確定"]);
    let (v, stderr) = json_and_stderr(c);
    // the sheet read is named, on stderr and in the JSON
    assert!(
        stderr.contains("note: review of previous-two-sheets.xlsx [ギャップ 確定]: "),
        "{stderr}"
    );
    assert_eq!(v["review"]["sheet"], "ギャップ 確定");
    // (the first row, R-06, is no longer in the check list: among the removed items)
    assert_eq!(v["review"]["removed_items"][0]["id"], "R-06");
    assert_eq!(
        v["review"]["removed_items"][0]["comment"],
        "確定版のコメント"
    );
    // the original, its decisions cleared, can be named too
    let v = json_of(rerun("en", &two).args(["--format", "json", "--review-sheet", "ギャップ"]));
    assert_eq!(v["review"]["carried"], 0);

    let err = input_error(rerun("en", &two).args(["--review-sheet", "Gaps"]));
    assert!(err.contains("no sheet named 'Gaps'"), "{err}");
    let err =
        input_error(rerun("en", &review("previous.csv")).args(["--review-sheet", "ギャップ"]));
    assert!(
        err.contains("--review-sheet picks a sheet of a workbook"),
        "{err}"
    );
    // without --review it is a usage error
    let out = bin()
        .args([
            "report",
            "--checks",
            "a.csv",
            "--csp",
            "b.txt",
            "--review-sheet",
            "x",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_missing_compared_column_is_named_and_rows_below_the_items_are_left_out() {
    let err = input_error(rerun("en", &review("previous-no-codes.xlsx")));
    assert!(
        err.contains(
            "previous-no-codes.xlsx: sheet 'ギャップ': the gap sheet lacks the column(s) '理由コード'"
        ),
        "{err}"
    );
    // a total row and a footnote under the items: left out, and said so
    let (v, stderr) = json_and_stderr(rerun("en", &review("previous-total.xlsx")));
    assert!(
        stderr.contains("row(s) 10, 12 below the last item have no status and were not read"),
        "{stderr}"
    );
    assert_eq!(v["review"]["skipped_rows"], serde_json::json!([10, 12]));
    assert_eq!(v["review"]["carried"], 5);
}

/// The stderr note of a review names the first ten items no longer in the check list and
/// how many more, not hundreds of ids on one line.
#[test]
fn the_removed_items_note_names_ten_and_how_many_more() {
    let dir = tempfile::tempdir().unwrap();
    let rows = |n: usize| {
        let mut s = String::from("項番,確認項目,ISMAP管理策\n");
        for i in 1..=n {
            s.push_str(&format!("R-{i:02},利用者登録 {i},9.2.1\n"));
        }
        s
    };
    let (old, new, previous) = (
        dir.path().join("old.csv"),
        dir.path().join("new.csv"),
        dir.path().join("previous.csv"),
    );
    std::fs::write(&old, rows(15)).unwrap();
    std::fs::write(&new, rows(2)).unwrap();
    let report = |checks: &Path| {
        let mut c = bin();
        c.args([
            "--lang",
            "en",
            "report",
            "--as-of",
            "2026-04-01",
            "--checks",
        ])
        .arg(checks)
        .arg("--csp")
        .arg(example("csp-list.txt"));
        c
    };
    report(&old).arg("-o").arg(&previous).assert().success();
    let out = report(&new)
        .args(["--format", "csv", "--review"])
        .arg(&previous)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "13 item(s) of the review are no longer in the check list: R-03, R-04, R-05, R-06, R-07, R-08, R-09, R-10, R-11, R-12 and 3 more"
        ),
        "{stderr}"
    );
}
