//! What the CSP writes beside a 計画中 / 未実施 statement (its row's reason or remark cells,
//! a note in brackets: a target date, a compensating control) reaches every output of
//! `report` (`tests/data/fix10-plan/`, review 9 B-rem-1): JSON `items[].missing_remarks`,
//! the 不足 cell of CSV and xlsx, the table/Markdown gaps, the objectives sheet's 理由, and
//! the procedure, which quotes the words to be confirmed instead of asking for them; a
//! statement without words keeps the procedure that asks. The words change no verdict.
mod common;

use common::xlsx::{row_texts, sheets, text};
use common::{add_text_sheet, by_id, data, json_of, on_checks, stdout_of};

fn fixture(name: &str) -> std::path::PathBuf {
    data(&format!("fix10-plan/{name}"))
}

/// `report --checks k-plan.csv --csp CSP --format FORMAT` in `lang`.
fn report(lang: &str, csp: &std::path::Path, format: &str) -> assert_cmd::Command {
    let mut c = on_checks(lang, "report", fixture("k-plan.csv"));
    c.arg("--csp").arg(csp).args(["--format", format]);
    c
}

/// `report --format json` (English) on a CSP status table written from `text` (`st.csv`).
fn on_table(text: &str) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let csp = dir.path().join("st.csv");
    std::fs::write(&csp, text).unwrap();
    report("en", &csp, "json").output().unwrap()
}

/// The procedure texts of a JSON item.
fn procedures(item: &serde_json::Value) -> Vec<(String, String)> {
    item["additional_procedures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["code"].as_str().unwrap().to_owned(),
                p["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The CSV row (cells) of item `id`, with the header.
fn csv_row(out: &str, id: &str) -> (Vec<String>, Vec<String>) {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(out.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|x| x.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let row = rows
        .iter()
        .find(|r| r[0] == id)
        .unwrap_or_else(|| panic!("no row {id}"))
        .clone();
    (rows[0].clone(), row)
}

fn cell<'a>(header: &[String], row: &'a [String], name: &str) -> &'a str {
    let c = header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"));
    &row[c]
}

/// JSON: each not-implemented / planned objective with words carries them
/// (`missing_remarks`: id, state, remark as written: a reason cell, a remark cell, a note
/// in brackets); one stated without words carries none and keeps the procedure that asks.
#[test]
fn json_items_carry_the_csp_words_on_planned_and_not_implemented_rows() {
    let v = json_of(report("en", &fixture("st-plan.csv"), "json"));
    let items = &v["items"];
    let remarks = |id: &str| by_id(items, id)["missing_remarks"].clone();
    assert_eq!(
        remarks("K-1"),
        serde_json::json!([{"id": "9.2.1", "state": "planned", "remark": "2027年度上期に対応予定（全リージョン）"}])
    );
    assert_eq!(
        remarks("K-4"),
        serde_json::json!([{"id": "9.2.4", "state": "not-implemented", "remark": "代替策としてSSOのパスワードポリシーで管理"}])
    );
    // the remark column, and a note in brackets after the status
    assert_eq!(remarks("K-5")[0]["remark"], "2026年10月予定");
    assert_eq!(remarks("K-6")[0]["remark"], "2026年12月");
    // a basic requirement stated planned under an objective stated implemented
    assert_eq!(
        remarks("K-3"),
        serde_json::json!([{"id": "9.2.3.11.PB", "state": "planned", "remark": "2026年9月予定"}])
    );
    // a chosen detail stated not implemented: its words on its note
    let chosen = &by_id(items, "K-3")["non_basic_details_not_implemented"][0];
    assert_eq!(chosen["id"], "9.2.3.2");
    assert_eq!(chosen["remark"], "当面は手作業で代替");
    // planned without words: none, and the procedure asks for the date
    assert_eq!(remarks("K-2"), serde_json::json!([]));
    assert_eq!(
        procedures(by_id(items, "K-2")),
        [(
            "planned-completion".to_owned(),
            "The CSP states control objective 9.2.2 planned: ask for the implementation date and what compensates until then".to_owned()
        )]
    );
    // with words: the same code, the words quoted to be confirmed
    assert_eq!(
        procedures(by_id(items, "K-1")),
        [(
            "planned-completion".to_owned(),
            "The CSP states control objective 9.2.1 ('2027年度上期に対応予定（全リージョン）') planned, and its list writes what is quoted: confirm it with the CSP, and ask for what it does not give (the implementation date, what compensates until then)".to_owned()
        )]
    );
    assert_eq!(
        procedures(by_id(items, "K-4"))[0].0,
        "remediation-plan",
        "the code stays"
    );
    // the objectives list: the words as the reason
    let objective = by_id(&v["objectives"], "9.2.1");
    assert_eq!(objective["state"], "planned");
    assert_eq!(
        objective["reason"],
        "2027年度上期に対応予定（全リージョン）"
    );
    assert!(by_id(&v["objectives"], "9.2.2").get("reason").is_none());
}

/// The words change no verdict: the same list without them gives every item the same
/// status and reasons (a target date is no implementation, a compensating control is not
/// the control).
#[test]
fn the_words_change_no_status_or_reason() {
    let with = json_of(report("en", &fixture("st-plan.csv"), "json"));
    let without = json_of(report("en", &fixture("st-plan-bare.csv"), "json"));
    let verdicts = |v: &serde_json::Value| -> Vec<(String, String, String)> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["id"].as_str().unwrap().to_owned(),
                    i["status"].as_str().unwrap().to_owned(),
                    i["reasons"].to_string(),
                )
            })
            .collect()
    };
    assert_eq!(verdicts(&with), verdicts(&without));
    assert_eq!(with["summary"], without["summary"]);
    assert_eq!(by_id(&with["items"], "K-1")["status"], "not-covered");
    assert_eq!(by_id(&with["items"], "K-3")["status"], "partial");
    // and the bare list carries no words at all
    for item in without["items"].as_array().unwrap() {
        assert_eq!(
            item["missing_remarks"],
            serde_json::json!([]),
            "{}",
            item["id"]
        );
    }
}

/// CSV (Japanese): the 不足 cell names each id with its state and the CSP's words; the
/// procedure quotes them and asks only for what they do not give.
#[test]
fn csv_missing_cell_and_procedure_carry_the_words() {
    let out = stdout_of(report("ja", &fixture("st-plan.csv"), "csv"));
    let missing = "不足(記載なし・未実施・計画中)";
    let (header, k1) = csv_row(&out, "K-1");
    assert_eq!(
        cell(&header, &k1, missing),
        "9.2.1 (計画中: 2027年度上期に対応予定（全リージョン）)"
    );
    assert_eq!(
        cell(&header, &k1, "追加手続"),
        "・CSPが計画中とする統制目標 9.2.1（「2027年度上期に対応予定（全リージョン）」）について、一覧の記載(「」内)のとおりかCSPに確認し、記載にない実施予定時期と、それまでの代替の統制を確認する"
    );
    let (_, k4) = csv_row(&out, "K-4");
    assert_eq!(
        cell(&header, &k4, missing),
        "9.2.4 (未実施: 代替策としてSSOのパスワードポリシーで管理)"
    );
    assert!(
        cell(&header, &k4, "追加手続")
            .contains("9.2.4（「代替策としてSSOのパスワードポリシーで管理」）について、一覧の記載"),
        "{k4:?}"
    );
    let (_, k2) = csv_row(&out, "K-2");
    assert_eq!(cell(&header, &k2, missing), "9.2.2 (計画中)");
    assert_eq!(
        cell(&header, &k2, "追加手続"),
        "・CSPが計画中とする統制目標 9.2.2 について、実施予定時期と、それまでの代替の統制を確認する"
    );
    // a basic requirement under an implemented objective: in the cell and its procedure
    let (_, k3) = csv_row(&out, "K-3");
    assert_eq!(
        cell(&header, &k3, missing),
        "9.2.3.11.PB (計画中: 2026年9月予定)"
    );
    let procs = cell(&header, &k3, "追加手続");
    assert!(
        procs.contains("9.2.3.11.PB（計画中「2026年9月予定」、9.2.3）"),
        "{procs}"
    );
    assert!(
        procs.contains("9.2.3.2（未実施「当面は手作業で代替」、9.2.3）"),
        "{procs}"
    );
}

/// Table and Markdown: the gaps name the words beside each id.
#[test]
fn table_and_markdown_gaps_carry_the_words() {
    let md = stdout_of(report("en", &fixture("st-plan.csv"), "md"));
    assert!(
        md.contains("| planned: 9.2.1 (2027年度上期に対応予定（全リージョン）) |"),
        "{md}"
    );
    assert!(
        md.contains("not implemented: 9.2.4 (代替策としてSSOのパスワードポリシーで管理)"),
        "{md}"
    );
    assert!(md.contains("| planned: 9.2.2 |"), "{md}");
    let mut table = report("ja", &fixture("st-plan.csv"), "table");
    table.env("COLUMNS", "400");
    let table = stdout_of(table);
    assert!(table.contains("計画中: 9.2.5 (2026年10月予定)"), "{table}");
}

/// xlsx: the gap sheet's 不足 cell and the objectives sheet's 理由 carry the words.
#[test]
fn workbook_gap_and_objectives_sheets_carry_the_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gap.xlsx");
    report("ja", &fixture("st-plan.csv"), "xlsx")
        .arg("-o")
        .arg(&path)
        .assert()
        .success();
    let (_, ranges) = sheets(&path);
    let gaps = &ranges[1];
    let header = row_texts(gaps, 0);
    let row = (1..gaps.height())
        .map(|r| row_texts(gaps, r))
        .find(|r| r[0] == "K-4")
        .unwrap();
    assert_eq!(
        cell(&header, &row, "不足(記載なし・未実施・計画中)"),
        "9.2.4 (未実施: 代替策としてSSOのパスワードポリシーで管理)"
    );
    let objectives = &ranges[2];
    let r = (1..objectives.height())
        .find(|&r| text(objectives, r, 0) == "9.2.5")
        .unwrap();
    assert_eq!(text(objectives, r, 3), "計画中");
    assert_eq!(text(objectives, r, 5), "2026年10月予定");
}

/// A CSP workbook whose sheet name states the status (`計画中`) with a reason column: the
/// reason is carried as a status table's is.
#[test]
fn a_sheet_named_planned_carries_its_reason_column() {
    let dir = tempfile::tempdir().unwrap();
    let csp = dir.path().join("csp.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    add_text_sheet(
        &mut wb,
        "実施",
        &[
            &["登録区分: ISMAP"],
            &["管理策番号"],
            &["9.2.3"],
            &["9.2.6"],
        ],
    );
    add_text_sheet(
        &mut wb,
        "計画中",
        &[
            &["管理策番号", "理由"],
            &["9.2.1", "全リージョンで2027年3月に開始"],
            &["9.2.2", ""],
        ],
    );
    wb.save(&csp).unwrap();
    let v = json_of(report("ja", &csp, "json"));
    let k1 = by_id(&v["items"], "K-1");
    assert_eq!(k1["status"], "not-covered");
    assert_eq!(
        k1["missing_remarks"],
        serde_json::json!([{"id": "9.2.1", "state": "planned", "remark": "全リージョンで2027年3月に開始"}])
    );
    assert_eq!(
        by_id(&v["items"], "K-2")["missing_remarks"],
        serde_json::json!([])
    );
}

/// Review 9 A-rem-5 remainder: a finding under an audit's result (`監査結果`) on a row
/// stated implemented is refused with a message of its own (not "a header that names what
/// is not implemented, excluded or deferred"), in English and Japanese; a clean result
/// reads.
#[test]
fn an_audit_finding_is_refused_as_such() {
    let csp = fixture("audit-finding.csv");
    let err = common::input_error(report("en", &csp, "csv"));
    assert!(
        err.contains("'指摘事項1件' in '監査結果' reports an audit finding (under an audit's result only a clean result reads: 指摘なし, 問題なし, 例外事項なし, No exception noted), on the row that states 9.2.1 implemented"),
        "{err}"
    );
    assert!(
        !err.contains("not implemented, excluded or deferred"),
        "{err}"
    );
    assert!(
        err.contains("(hint: a control the audit found a matter in"),
        "{err}"
    );
    let mut ja = report("ja", &csp, "csv");
    let out = ja.output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("'監査結果' の '指摘事項1件' は監査の指摘を示しています(監査結果の下で読むのは指摘のない結果だけです"),
        "{err}"
    );
    assert!(!err.contains("先送りを表す見出し"), "{err}");
    assert!(err.contains("監査で指摘のあった管理策は"), "{err}");
    // the clean result alone reads
    let dir = tempfile::tempdir().unwrap();
    let clean = dir.path().join("clean.csv");
    std::fs::write(
        &clean,
        std::fs::read_to_string(&csp)
            .unwrap()
            .replace("指摘事項1件", "指摘なし"),
    )
    .unwrap();
    let v = json_of(report("en", &clean, "json"));
    assert_eq!(by_id(&v["items"], "K-1")["status"], "covered");
    assert_eq!(by_id(&v["items"], "K-2")["status"], "covered");
}

/// Review 5 A-rem-2, decided: a remark on a row stated implemented that qualifies it
/// (another measure in its place, one environment or region, in general, the platform's
/// side) refuses the row, as the words already on the lists do; a remark the lists do not
/// know stays 充足 with the reason `csp-remark`, quoted in the procedure for the reader
/// (no allow-list of harmless text is possible, and refusing every remark would refuse
/// the descriptions real lists carry). Where the control's means lie, or several parts
/// named, read.
#[test]
fn qualifying_remarks_refuse_and_unknown_remarks_stay_visible() {
    let run = |remark: &str| {
        on_table(&format!(
            "登録区分: ISMAP\n管理策番号,実施状況,備考\n9.2.1,実施,{remark}\n"
        ))
    };
    for (remark, word) in [
        ("本番環境で実施", "本番環境"),
        ("東京リージョン", "東京リージョン"),
        ("Tokyo region", "region"),
        ("手作業で代替", "で代替"),
        ("一般に実施", "一般に実施"),
        ("プラットフォーム側で対応", "プラットフォーム側"),
    ] {
        let out = run(remark);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{remark}: {err}");
        assert!(
            err.contains(&format!("'{remark}' in '備考'")) && err.contains(&format!("('{word}')")),
            "{remark}: {err}"
        );
    }
    for remark in [
        "手順書 AC-01 に基づき実施",
        "本番環境と開発環境を分離",
        "バックアップを大阪リージョンへ複製",
        "代替拠点を確保し年1回訓練",
        "全リージョンで実施",
    ] {
        let out = run(remark);
        assert_eq!(out.status.code(), Some(0), "{remark}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let k1 = by_id(&v["items"], "K-1");
        assert_eq!(k1["status"], "covered", "{remark}");
        assert_eq!(k1["reasons"], serde_json::json!(["csp-remark"]), "{remark}");
        assert_eq!(
            k1["csp_remarks"],
            serde_json::json!([{"id": "9.2.1", "remark": format!("備考: {remark}")}])
        );
        assert!(procedures(k1)
            .iter()
            .any(|(code, text)| code == "csp-remark" && text.contains(remark)));
    }
}

/// Review 10 A-note-2: a note above a status table naming audit findings still open
/// (`前回監査での指摘: 2件（未是正）`, `（open）`, `（残存）`) refuses the table as a qualifying
/// note; `指摘: 0件` reads. C-audit-1: a passed audit result (`合格`, `Pass`) reads like
/// `指摘なし`.
#[test]
fn open_audit_findings_above_a_table_refuse_and_a_passed_audit_reads() {
    let run = |above: &str, audit: &str| {
        on_table(&format!(
            "登録区分: ISMAP\n{above}管理策番号,実施状況,監査結果\n9.2.1,実施,{audit}\n9.2.2,実施,{audit}\n"
        ))
    };
    for note in [
        "前回監査での指摘: 2件（未是正）",
        "前回監査での指摘: 2件（open）",
        "前回監査での指摘: 2件（残存）",
        "指摘事項 1件",
    ] {
        let out = run(&format!("{note}\n"), "");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{note}: {err}");
        assert!(
            err.contains(&format!("the note '{note}' (above the table's header)")),
            "{note}: {err}"
        );
    }
    for (above, audit) in [
        ("前回監査での指摘: 0件\n", ""),
        ("", "合格"),
        ("", "Pass"),
        ("", "指摘なし"),
    ] {
        let out = run(above, audit);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{above}{audit}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(by_id(&v["items"], "K-1")["status"], "covered");
    }
}

/// Review 10 B-row-1: a status-table row stating a category with a word (`9.2全般,実施`) is
/// refused as `9.2` is, never dropped without a word.
#[test]
fn a_category_with_a_word_in_a_status_table_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let csp = dir.path().join("st.csv");
    for id in ["9.2全般", "９．２全般", "9.2"] {
        std::fs::write(
            &csp,
            format!("登録区分: ISMAP\n管理策番号,実施状況\n9.2.1,実施\n{id},実施\n"),
        )
        .unwrap();
        let err = common::input_error(report("en", &csp, "json"));
        assert!(
            err.contains(&format!(
                "'{id}' is a clause or category, but a status applies to one control objective"
            )),
            "{id}: {err}"
        );
    }
}

/// Review 10 C-csp-legend-1: a legend row under a status table's header (`凡例 |
/// 実施/未実施/非該当`) is table furniture: passed over (counted among the ignored), not an
/// unknown status "for 凡例"; the rows below are read.
#[test]
fn a_legend_row_under_a_status_table_header_is_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    let csp = dir.path().join("st.csv");
    std::fs::write(
        &csp,
        "登録区分: ISMAP\n管理策番号,実施状況,備考\n凡例,実施/未実施/非該当,非該当は理由を記入\n9.2.1,実施,\n9.2.4,未実施,\n",
    )
    .unwrap();
    let v = json_of(report("en", &csp, "json"));
    assert_eq!(by_id(&v["items"], "K-1")["status"], "covered");
    assert_eq!(by_id(&v["items"], "K-4")["status"], "not-covered");
    assert_eq!(v["csp"]["ignored_tokens"], 1, "{}", v["csp"]);
}

/// Review 10 C-above-3: a note above a status table about the rows of another status
/// (`※ 非該当の理由は別紙参照`, `※ 計画中の項目は2025年度中に対応予定`) or about the list's
/// level (`※統制目標のみ記載（詳細管理策は別添）`) qualifies no implemented row: read. One that
/// says more (`…を除き本番環境のみ`) still refuses the table.
#[test]
fn notes_about_other_rows_or_the_list_level_are_read() {
    let run = |note: &str| {
        on_table(&format!(
            "登録区分: ISMAP\n{note}\n管理策番号,実施状況\n9.2.1,実施\n9.2.4,計画中\n"
        ))
    };
    for note in [
        "※統制目標のみ記載（詳細管理策は別添）",
        "※ 非該当の理由は別紙参照",
        "※ 計画中の項目は2025年度中に対応予定",
    ] {
        let out = run(note);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{note}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(by_id(&v["items"], "K-1")["status"], "covered", "{note}");
    }
    for note in [
        "※ 非該当の項目を除き本番環境のみ",
        "※統制目標のみ記載、東京リージョンのみ",
        "※ 計画中の項目は2025年度中に対応予定、ほかは本番環境のみ",
    ] {
        let out = run(note);
        assert_eq!(out.status.code(), Some(2), "{note}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("(above the table's header)"));
    }
}
