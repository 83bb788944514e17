//! Review 9's registration findings: an audit period not given is warned about and ranks
//! no better than a stated one (B-audit-1); the underlying service's registration is shown
//! in every report output (B-inh-1); a list dated after `--as-of` or marked as a draft is
//! refused (作成日 / DRAFT above a status table's header, in a pasted entry).
mod common;

use std::path::PathBuf;

use common::xlsx::{sheets, text};
use common::{input_error, json_of, on_checks, stdout_of};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/fix10-reg/{name}"))
}

fn report_json(csp: &str) -> serde_json::Value {
    let mut c = on_checks("en", "report", data("k.csv"));
    c.args(["--format", "json", "--csp"]).arg(data(csp));
    json_of(c)
}

fn codes(warnings: &serde_json::Value) -> Vec<String> {
    warnings
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap().to_owned())
        .collect()
}

/// B-audit-1: a valid registration without an audit period is warned about, for the
/// service and for a service it runs on; one whose audit period is stated is not.
#[test]
fn no_audit_period_is_warned_about() {
    let v = report_json("noaudit.yaml");
    assert_eq!(v["csp"]["registration"], "valid");
    assert_eq!(codes(&v["warnings"]), ["audit-period-not-given"]);
    let w = &v["warnings"][0]["message"];
    assert!(
        w.as_str()
            .unwrap()
            .starts_with("Audit period not checked (Valid SaaS gives no audit period)"),
        "{w}"
    );
    let stated = report_json("oneday.yaml");
    assert!(!codes(&stated["warnings"]).contains(&"audit-period-not-given".to_owned()));

    let v = report_json("saas-on-noaudit.yaml");
    assert_eq!(codes(&v["warnings"]), ["audit-period-not-given"]);
    assert!(v["warnings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("of the underlying service Unaudited IaaS"));
    // a lapsed registration is relied on for nothing: its lapse is the warning
    let v = report_json("saas-on-lapsed.yaml");
    assert_eq!(codes(&v["warnings"]), ["registration-lapsed"]);
}

/// B-audit-1: `compare` ranks a CSP stating no audit period no better than the same
/// service stating a one-day one: both valid with warnings.
#[test]
fn no_audit_period_ranks_with_warnings() {
    let mut c = on_checks("en", "compare", data("k.csv"));
    c.args(["--format", "json", "--csp"])
        .arg(data("noaudit.yaml"))
        .arg("--csp")
        .arg(data("oneday.yaml"));
    let v = json_of(c);
    for csp in v["csps"].as_array().unwrap() {
        assert_eq!(csp["tier"], "valid-with-warnings", "{}", csp["source"]);
    }
    let noaudit = v["csps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["source"].as_str().unwrap().ends_with("noaudit.yaml"))
        .unwrap();
    assert_eq!(codes(&noaudit["warnings"]), ["audit-period-not-given"]);
}

/// B-inh-1: the service a CSP runs on is shown with its registration — number, kind,
/// deadline and its state, audit period — in the table, Markdown, JSON and the xlsx
/// summary, and an objective inherited through a lapsed one names the state.
#[test]
fn the_underlying_registration_is_shown() {
    let v = report_json("saas-on-lapsed.yaml");
    let under = &v["csp"]["inherits"];
    assert_eq!(under["name"], "Lapsed IaaS");
    assert_eq!(under["source"], "iaas-lapsed.yaml");
    assert_eq!(under["registration_number"], "C99-0001-1");
    assert_eq!(under["registration_kind"], "ismap");
    assert_eq!(under["renewal_deadline"], "2026-03-31");
    assert_eq!(under["registration"], "lapsed");
    assert_eq!(
        under["audit_period"],
        serde_json::json!({"from": "2024-10-01", "to": "2025-09-30"})
    );
    assert!(under["inherits"].is_null());
    let o = common::by_id(&v["objectives"], "11.1.1");
    assert_eq!(
        o["inherited_not_in_effect"],
        serde_json::json!({"service": "Lapsed IaaS", "registration": "lapsed"})
    );
    assert!(common::by_id(&v["objectives"], "9.2.1")
        .get("inherited_not_in_effect")
        .is_none());

    let line = "Underlying service: Lapsed IaaS [ISMAP] [registration C99-0001-1] [renewal deadline 2026-03-31: lapsed] [audit period 2024-10-01 – 2025-09-30]";
    for format in ["table", "md"] {
        let mut c = on_checks("en", "report", data("k.csv"));
        c.env("COLUMNS", "400")
            .args(["--format", format, "--csp"])
            .arg(data("saas-on-lapsed.yaml"));
        let out = stdout_of(c);
        let line = match format {
            "md" => line.replace('[', "\\[").replace(']', "\\]"),
            _ => line.to_owned(),
        };
        assert!(out.contains(&line), "{format}: {out}");
    }

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.xlsx");
    let mut c = on_checks("ja", "report", data("k.csv"));
    c.arg("--csp")
        .arg(data("saas-on-lapsed.yaml"))
        .arg("-o")
        .arg(&path);
    stdout_of(c);
    let (names, ranges) = sheets(&path);
    let summary = &ranges[0];
    let row = (0..summary.height())
        .find(|r| text(summary, *r, 0) == "基盤サービス")
        .unwrap_or_else(|| panic!("no 基盤サービス row in {}", names[0]));
    assert_eq!(
        text(summary, row, 1),
        "Lapsed IaaS [ISMAP] [登録番号 C99-0001-1] [更新期限 2026-03-31: 失効] [監査対象期間 2024-10-01 – 2025-09-30]"
    );
    let objectives = ranges
        .iter()
        .find(|r| text(r, 0, 0) == "番号" && text(r, 0, 4) == "記載元")
        .expect("objectives sheet");
    let r = (0..objectives.height())
        .find(|r| text(objectives, *r, 0) == "11.1.1")
        .unwrap();
    assert_eq!(
        text(objectives, r, 3),
        "継承・効力なし: Lapsed IaaS の登録は失効"
    );
    assert_eq!(
        text(objectives, r, 4),
        "Lapsed IaaS経由; Lapsed IaaS の登録は失効"
    );
}

/// The status `report` gives K-1 on `text`, a CSP file named `name` written in a
/// temporary folder.
fn k1_status(name: &str, text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let mut c = on_checks("en", "report", data("k.csv"));
    c.args(["--format", "json", "--csp"]).arg(&path);
    let v = json_of(c);
    common::by_id(&v["items"], "K-1")["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Runs `report` on a workbook of a sheet `first` holding `rows`, then a status table
/// stating 9.2.1 implemented, and expects a refusal: its stderr.
fn workbook_refused(first: &str, rows: &[&[&str]]) -> String {
    input_error(on_workbook(first, rows).1)
}

/// `report --format json` on a workbook of a sheet `first` holding `rows`, then a status
/// table stating 9.2.1 implemented (in the folder returned with it).
fn on_workbook(first: &str, rows: &[&[&str]]) -> (tempfile::TempDir, assert_cmd::Command) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    common::add_text_sheet(&mut wb, first, rows);
    common::add_text_sheet(
        &mut wb,
        "管理策一覧",
        &[
            &["登録区分", "ISMAP"],
            &["管理策番号", "実施状況"],
            &["9.2.1", "実施"],
        ],
    );
    wb.save(&path).unwrap();
    let mut c = on_checks("en", "report", data("k.csv"));
    c.args(["--format", "json", "--csp"]).arg(&path);
    (dir, c)
}

/// Runs `report` on `csp`, a file written in a temporary folder, and expects a refusal:
/// its one error line.
fn refused(name: &str, text: &str, lang: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let mut c = on_checks(lang, "report", data("k.csv"));
    c.args(["--format", "json", "--csp"]).arg(&path);
    if lang == "en" {
        return input_error(c);
    }
    let out = c.output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    stderr
}

/// A status table whose rows above the header mark it as a draft, or date it after
/// `--as-of`, is refused naming the row; a date on or before it, or a fiscal year in a
/// title, is read.
#[test]
fn a_draft_or_later_dated_table_is_refused() {
    let table = std::fs::read_to_string(data("st.csv")).unwrap();
    let (kind, rest) = table.split_once('\n').unwrap();
    let with = |line: &str| format!("{kind}\n{line}\n{rest}");
    for (line, says) in [
        ("DRAFT", "marks the list as a draft"),
        ("Draft v0.3", "marks the list as a draft"),
        ("言明書（案）", "marks the list as a draft"),
        ("ドラフト版", "marks the list as a draft"),
        ("案", "marks the list as a draft"),
        (
            "作成日: 2027-04-01",
            "dates the list after the as-of date 2026-04-01",
        ),
        (
            "基準日: 2027年4月1日時点",
            "dates the list after the as-of date 2026-04-01",
        ),
        (
            "作成日 2026年5月1日",
            "dates the list after the as-of date 2026-04-01",
        ),
        (
            "更新日,2027/4/1",
            "dates the list after the as-of date 2026-04-01",
        ),
    ] {
        let err = refused("st.csv", &with(line), "en");
        assert!(err.contains("row 2"), "{line}: {err}");
        assert!(err.contains(says), "{line}: {err}");
        assert!(err.contains("above the table's header"), "{line}: {err}");
    }
    let err = refused("st.csv", &with("DRAFT"), "ja");
    assert!(err.contains("一覧を案(ドラフト)としています"), "{err}");
    for line in ["作成日: 2026-04-01", "2026年度 適用宣言書", "1/3 ページ"] {
        assert_eq!(k1_status("st.csv", &with(line)), "covered", "{line}");
    }
}

/// Pasted text holding a draft mark or a date of its own after `--as-of` is refused naming
/// the line, as a table's note is.
#[test]
fn a_draft_or_later_dated_pasted_list_is_refused() {
    let entry = std::fs::read_to_string(common::example("csp-list-page.txt")).unwrap();
    for (line, says) in [
        ("DRAFT", "marks the list as a draft"),
        (
            "作成日 2026年5月1日",
            "dates the list after the as-of date 2026-04-01",
        ),
        (
            "2026年5月1日現在",
            "dates the list after the as-of date 2026-04-01",
        ),
    ] {
        let err = refused("e.txt", &format!("{line}\n{entry}"), "en");
        assert!(err.contains("e.txt: line 1:"), "{line}: {err}");
        assert!(err.contains(says), "{line}: {err}");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.txt");
    std::fs::write(&path, format!("作成日 2025年5月1日\n{entry}")).unwrap();
    let mut c = on_checks("en", "report", data("k.csv"));
    c.args(["--format", "json", "--csp"]).arg(&path);
    json_of(c);
}

/// One rule for registry facts outside a status table: a sheet without ids beside the
/// statuses is refused for one fact (`登録の更新期限`) as a row above the header is — it
/// took two labels before — and a label in any cell of the row counts.
#[test]
fn one_registry_fact_outside_the_table_is_refused() {
    // on a sheet of its own (a cover), the entry's field is read (review 15 C-2): the lapse
    // is seen, never passed over
    let (_dir, c) = on_workbook("登録情報", &[&["登録の更新期限", "2025/3/31"]]);
    let v = common::json_of(c);
    assert_eq!(v["csp"]["renewal_deadline"], "2025-03-31", "{v}");
    // under a label the entry does not use, it is refused as before
    let err = workbook_refused("登録情報", &[&["掲載終了日", "2025/3/31"]]);
    assert!(
        err.contains("sheet '登録情報': row 1: '掲載終了日 2025/3/31' on a sheet without control ids is a fact of the ISMAP list entry"),
        "{err}"
    );

    let table = std::fs::read_to_string(data("st.csv")).unwrap();
    let (kind, rest) = table.split_once('\n').unwrap();
    let err = refused(
        "st.csv",
        &format!("{kind}\n参考,登録の更新期限,2025-03-31\n{rest}"),
        "en",
    );
    assert!(
        err.contains("row 2: '参考 登録の更新期限 2025-03-31' above the table's header is a fact of the ISMAP list entry"),
        "{err}"
    );
}

/// Review 10 A-reg-2: a registry fact above a status table's header laid out as a label row
/// over a value row, the list's name with a day, or the registration's state in words is
/// refused as `登録の更新期限: 2025-03-31` is; C-above-2: `Registration No.` / `Document
/// No.` is a number's label, neither a status nor a fact a verdict depends on.
#[test]
fn registry_facts_in_other_shapes_above_a_header_are_refused() {
    let table = std::fs::read_to_string(data("st.csv")).unwrap();
    let (kind, rest) = table.split_once('\n').unwrap();
    let with = |lines: &str| format!("{kind}\n{lines}\n{rest}");
    for (lines, row) in [
        (
            "登録番号,登録日,登録の更新期限\nC99-0001-1,2022/04/01,2025/03/31\n",
            "row 2: '登録番号 登録日 登録の更新期限'",
        ),
        (
            "サービス名,更新期限\nサンプルSaaS,2025/03/31",
            "row 2: 'サービス名 更新期限'",
        ),
        (
            "ISMAP 2022-04-01 to 2025-03-31",
            "row 2: 'ISMAP 2022-04-01 to 2025-03-31'",
        ),
        (
            "ISMAP更新: 2025年3月31日",
            "row 2: 'ISMAP更新: 2025年3月31日'",
        ),
        ("※登録は更新手続中", "row 2: '※登録は更新手続中'"),
        (
            "※2025年3月31日をもって登録を取り下げ",
            "row 2: '※2025年3月31日をもって登録を取り下げ'",
        ),
        (
            "Registration No.,C99-0001-1\nRegistration expires,2025-03-31",
            "row 3: 'Registration expires 2025-03-31'",
        ),
    ] {
        let err = refused("st.csv", &with(lines), "en");
        assert!(
            err.contains(&format!(
                "{row} above the table's header is a fact of the ISMAP list entry"
            )),
            "{lines}: {err}"
        );
    }
    // beside the header, in a column without a header
    let (header, rows) = rest.split_once('\n').unwrap();
    let err = refused(
        "st.csv",
        &format!("{kind}\n{header},,登録の更新期限,2025/03/31\n{rows}"),
        "en",
    );
    assert!(
        err.contains("row 2: '登録の更新期限 2025/03/31' beside the table's header"),
        "{err}"
    );
    let (first, others) = rows.split_once('\n').unwrap();
    let err = refused(
        "st.csv",
        &format!("{kind}\n{header}\n{first},,登録の更新期限: 2025/03/31\n{others}"),
        "en",
    );
    assert!(
        err.contains("row 3: '登録の更新期限: 2025/03/31' in a column without a header"),
        "{err}"
    );
    for lines in [
        "Registration No.,C99-0001-1",
        "Document No.,SOA-001",
        "ISMAP管理基準 2023年度版 適用宣言書",
    ] {
        assert_eq!(k1_status("st.csv", &with(lines)), "covered", "{lines}");
    }
}

/// Review 10 C-csp-instr-1: a workbook whose sheet of instructions reads as a list is
/// refused with a hint naming --csp-sheet and the sheets.
#[test]
fn a_refused_sheet_beside_others_names_csp_sheet() {
    let err = workbook_refused(
        "記入方法",
        &[
            &["記入方法"],
            &["実施状況の列には 実施 / 未実施 / 非該当 のいずれかを記入してください。"],
            &["9.2.4 などの統制目標ごとに1行です。"],
        ],
    );
    assert!(
        err.contains("if sheet '記入方法' is not the CSP's list (instructions, a cover), read the sheet that holds it with --csp-sheet NAME (sheets: 記入方法, 管理策一覧)"),
        "{err}"
    );
}

/// A document's next-review date in a status table's title block is the document's
/// schedule, read (review 10 C-above-1: `次回見直し予定: 2026年3月` was refused as deferring a
/// control); `次回更新` (maybe the registration's renewal) and a review with words are not
/// passed over.
#[test]
fn a_documents_next_review_date_above_the_table_is_read() {
    let table = std::fs::read_to_string(data("st.csv")).unwrap();
    let (kind, rest) = table.split_once('\n').unwrap();
    let with = |line: &str| format!("{kind}\n{line}\n{rest}");
    for line in [
        "次回見直し予定: 2026年3月",
        "次回改訂：2027年3月31日",
        "Next review: 2027-03-31",
    ] {
        assert_eq!(k1_status("st.csv", &with(line)), "covered", "{line}");
    }
    for line in ["次回見直し予定: 9.2.4 の対応後", "次回更新: 2026年度"] {
        let err = refused("st.csv", &with(line), "en");
        assert!(err.contains("row 2"), "{line}: {err}");
    }
}
