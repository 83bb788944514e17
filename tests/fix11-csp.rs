//! Review 10's CSP-list findings left over (session 7, fix11-csp): the title block above a
//! status table (`次回更新`, a legend, a revision history, an audit done), the posting date
//! of a pasted entry, dates beside ids and month-only document dates against `--as-of`,
//! and the statement of applicability `readiness` writes given to `report`/`compare`.
mod common;

use std::path::PathBuf;

use common::{bin, example, input_error, json_of, on_checks};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/fix11-csp/{name}"))
}

/// `st.csv` (`登録区分: ISMAP`, then a status table stating 9.2.1 implemented and 9.2.4 not)
/// with `lines` between its kind row and its header.
fn st_with(lines: &[&str]) -> String {
    let table = std::fs::read_to_string(data("st.csv")).unwrap();
    let (kind, rest) = table.split_once('\n').unwrap();
    format!("{kind}\n{}\n{rest}", lines.join("\n"))
}

/// Writes `text` as `name` in a temporary folder.
fn file(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// `report --format json` on the check list `k.csv` (K-1: 9.2.1, K-5: 9.2.4) and a CSP
/// list holding `text`: (K-1's status, K-5's status).
fn statuses(name: &str, text: &str) -> (String, String) {
    let (_dir, path) = file(name, text);
    let mut c = on_checks("en", "report", data("k.csv"));
    c.args(["--format", "json", "--csp"]).arg(&path);
    let v = json_of(c);
    let s = |id: &str| {
        common::by_id(&v["items"], id)["status"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    (s("K-1"), s("K-5"))
}

/// The one-line error of `report` on `k.csv` and a CSP list holding `text`.
fn refused(name: &str, text: &str) -> String {
    let (_dir, path) = file(name, text);
    let mut c = on_checks("en", "report", data("k.csv"));
    c.arg("--csp").arg(&path);
    input_error(c)
}

/// `次回更新: 2026年9月` above a status table may be the registration's renewal deadline: it
/// is refused as the registry fact it may be, with a hint saying how to give it and how to
/// write the document's own next revision instead (which is read); in a pasted entry it is
/// the renewal deadline (a past one lapses the registration).
#[test]
fn next_update_above_a_table_is_the_registrations_and_its_hint_says_so() {
    let err = refused("st.csv", &st_with(&["次回更新: 2026年9月"]));
    assert!(
        err.contains("row 2: '次回更新: 2026年9月' above the table's header is a fact of the ISMAP list entry"),
        "{err}"
    );
    assert!(
        err.contains("if it is the registration's renewal deadline, give the service as a profile (YAML: renewal_deadline")
            && err.contains("write it as 次回改訂 or 次回見直し予定"),
        "{err}"
    );
    // the document's own next revision, as the hint says to write it, is read
    let (k1, _) = statuses("st.csv", &st_with(&["次回改訂: 2026年9月"]));
    assert_eq!(k1, "covered");
    // in a pasted entry it is refused too, naming the line (review 11 A-3, fix11-page): the
    // entry's own label for the deadline is 登録の更新期限
    let text = std::fs::read_to_string(example("csp-list-page.txt")).unwrap();
    let text = text.replace("登録の更新期限\t令和9年3月31日", "次回更新\t2026年3月31日");
    assert!(text.contains("次回更新"));
    let (_dir, path) = file("entry.txt", &text);
    let mut c = on_checks("en", "report", data("k.csv"));
    c.args(["--format", "json", "--csp"]).arg(&path);
    let err = common::input_error(c);
    assert!(err.contains("次回更新"), "{err}");
}

/// A legend above the header that restates the status words is read; one that gives a
/// mark the tool reads another meaning (`○=一部実施`) is refused, never read by the tool's
/// meaning over the list's.
#[test]
fn a_legend_is_read_unless_it_redefines_a_status_mark() {
    for legend in [
        "凡例: 実施=実施済み, 計画中=実施予定",
        "凡例: ○=実施、△=一部実施、×=未実施",
        "【凡例】 ○ : 実施　× : 未実施",
        "Legend: Yes = implemented, N/A = not applicable",
    ] {
        let (k1, k5) = statuses("st.csv", &st_with(&[legend]));
        assert_eq!(
            (k1.as_str(), k5.as_str()),
            ("covered", "not-covered"),
            "{legend}"
        );
    }
    for (legend, mark, meaning) in [
        ("凡例: ○=一部実施", "○", "一部実施"),
        ("凡例: 実施=実施済み, 済=確認済み", "済", "確認済み"),
        ("凡例: 計画中=実施済", "計画中", "実施済"),
    ] {
        let err = refused("st.csv", &st_with(&[legend]));
        assert!(
            err.contains(&format!(
                "row 2: column 'A': the legend gives '{mark}' the meaning '{meaning}'"
            )),
            "{legend}: {err}"
        );
    }
    // a legend with a note beside its pairs restates no status: refused
    let err = refused("st.csv", &st_with(&["凡例: ○=実施 ※本番環境のみ"]));
    assert!(err.contains("row 2"), "{err}");
}

/// A revision history above the header (its heading, its `版 | 日付 | 内容` header and rows,
/// or a revision note alone in its row) is the document's: read as furniture, a control
/// it names given no status by it; one giving a control a status, dated after the as-of
/// date or stating a registry fact is refused.
#[test]
fn a_revision_history_is_the_documents_not_the_tables() {
    for lines in [
        &[
            "改訂履歴",
            "版,日付,内容",
            "1.0,2025-01-10,初版",
            "1.1,2025-06-01,改訂: 9.2.4 の状況を更新",
        ][..],
        &[
            "版数,改訂日,改訂内容",
            "第1版,2025-01-10,初版作成",
            "第2版,2025-06-01,9.2.4 の記載を更新",
        ],
        &["改訂: 9.2.4 の状況を更新"],
        &[
            "変更履歴",
            "2025-01-10 初版",
            "2025-06-01 改訂: 9.2.4 の状況を更新",
            "",
        ],
        // a line saying a control became implemented credits nothing: the table's row does
        &[
            "改訂履歴",
            "版,日付,内容",
            "1.1,2025-06-01,9.2.4 を実施に変更",
        ],
    ] {
        // 9.2.4 stays as the table states it (未実施): the history states nothing of it
        let (k1, k5) = statuses("st.csv", &st_with(lines));
        assert_eq!(
            (k1.as_str(), k5.as_str()),
            ("covered", "not-covered"),
            "{lines:?}"
        );
    }
    for (lines, says) in [
        (
            &[
                "改訂履歴",
                "版,日付,内容",
                "1.1,2025-06-01,9.2.1 を未実施に変更",
            ][..],
            "of the revision history gives 9.2.1 a status ('未実施')",
        ),
        (
            &[
                "改訂履歴",
                "版,日付,内容",
                "1.1,2025-06-01,9.2.1 は一部のみ対応",
            ],
            "of the revision history gives 9.2.1 a status",
        ),
        (
            &[
                "改訂履歴",
                "版,日付,内容",
                "1.2,2027-06-01,9.2.4 の記載を更新",
            ],
            "dates the list after the as-of date 2026-04-01 ('2027-06-01')",
        ),
        (
            &[
                "改訂履歴",
                "版,日付,内容",
                "1.2,2025-06-01,登録の更新期限: 2025-03-31",
            ],
            "in the revision history is a fact of the ISMAP list entry",
        ),
    ] {
        let err = refused("st.csv", &st_with(lines));
        assert!(err.contains(says), "{lines:?}: {err}");
    }
}

/// An audit done, stated above the header (`前回監査: 2024年度（指摘事項なし）`, `外部監査:
/// 2025年3月`, `監査結果: OK`), is read; one that found something, or dated after the as-of
/// date, is refused; a period under such a label may be the audit period and stays
/// refused as a registry fact. `OK` under an audit-result column is a clean result.
#[test]
fn an_audit_done_is_read_and_a_finding_refused() {
    for line in [
        "前回監査: 2024年度（指摘事項なし）",
        "外部監査: 2025年3月",
        "監査結果: OK",
        "監査結果: 合格",
        "Last audit: 2025-03-31 (no exceptions)",
    ] {
        let (k1, _) = statuses("st.csv", &st_with(&[line]));
        assert_eq!(k1, "covered", "{line}");
    }
    for (line, says) in [
        ("監査結果: NG", "reports what an audit found ('NG')"),
        (
            "前回監査: 2024年度（指摘事項あり）",
            "reports what an audit found ('指摘事項あり')",
        ),
        (
            "外部監査: 2026年5月",
            "dates the list after the as-of date 2026-04-01 ('2026年5月')",
        ),
        (
            "外部監査: 2025年1月～2025年3月",
            "is a fact of the ISMAP list entry",
        ),
    ] {
        let err = refused("st.csv", &st_with(&[line]));
        assert!(err.contains("row 2") && err.contains(says), "{line}: {err}");
    }
    // an audit-result column: OK is clean, NG a finding
    let table = std::fs::read_to_string(data("st.csv")).unwrap();
    let with_column = |v921: &str| {
        table
            .lines()
            .map(|l| match l {
                "管理策番号,実施状況" => "管理策番号,実施状況,監査結果".to_owned(),
                "9.2.1,実施" => format!("9.2.1,実施,{v921}"),
                l if l.contains(',') => format!("{l},OK"),
                l => l.to_owned(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (k1, _) = statuses("st.csv", &with_column("OK"));
    assert_eq!(k1, "covered");
    let err = refused("st.csv", &with_column("NG"));
    assert!(
        err.contains("'NG' in '監査結果' reports an audit finding"),
        "{err}"
    );
}

/// A pasted entry's posting date (`掲載日`) is the page's date, as `公開日` is (covered in
/// `csp_list_page.rs`); above a status table too: read on or before the as-of date, refused
/// after it.
#[test]
fn a_posting_date_above_a_table_is_the_documents() {
    let (k1, _) = statuses("st.csv", &st_with(&["掲載日: 2026-03-01"]));
    assert_eq!(k1, "covered");
    let err = refused("st.csv", &st_with(&["掲載日: 2026-06-01"]));
    assert!(
        err.contains("dates the list after the as-of date 2026-04-01 ('2026-06-01')"),
        "{err}"
    );
}

/// A date beside ids in pasted text (`9.2.4 (2027-04-01)`) and a month-only document date
/// (`作成: 2027年4月`, above a table or on a line of pasted text) are checked against
/// `--as-of` as day dates are; an earlier one, or the month of the as-of date for a
/// document's date, is read.
#[test]
fn dates_beside_ids_and_month_only_document_dates_follow_the_later_dated_rule() {
    let list = std::fs::read_to_string(example("csp-list.txt")).unwrap();
    let pasted = |line: &str| format!("{line}\n{list}");
    for (line, says) in [
        ("9.2.1 (2027-04-01)", "('2027-04-01')"),
        ("9.2.1 2027-04-01", "('2027-04-01')"),
        ("9.2.1 実施 (2027-04-01)", "('2027-04-01')"),
        ("9.2.1 2027年4月", "('2027年4月')"),
        ("9.2.1 2026年4月", "('2026年4月')"),
        ("作成: 2027年4月", "('2027年4月')"),
    ] {
        let err = refused("list.txt", &pasted(line));
        assert!(
            err.contains(&format!("line 1: the line '{line}'")) && err.contains(says),
            "{line}: {err}"
        );
    }
    for line in ["9.2.1 (2026-03-01)", "作成: 2026年4月", "作成: 2026年3月"] {
        let (k1, _) = statuses("list.txt", &pasted(line));
        assert_eq!(k1, "covered", "{line}");
    }
    let err = refused("st.csv", &st_with(&["作成: 2027年4月"]));
    assert!(
        err.contains("row 2: column 'A': the note '作成: 2027年4月' (above the table's header) dates the list after the as-of date 2026-04-01 ('2027年4月')"),
        "{err}"
    );
    let (k1, _) = statuses("st.csv", &st_with(&["作成: 2026年4月"]));
    assert_eq!(k1, "covered");
}

/// The statement of applicability `readiness` writes is refused by `report` and `compare`
/// (the CSP's own assessment, stating none of the registration's facts), and still reads
/// back in `readiness --implemented` and `diff`.
#[test]
fn the_statement_readiness_writes_is_no_csp_list_for_a_buyer() {
    let dir = tempfile::tempdir().unwrap();
    let soa = dir.path().join("soa.csv");
    bin()
        .args(["readiness", "--as-of", "2026-04-01", "--implemented"])
        .arg(example("csp-profile.yaml"))
        .arg("-o")
        .arg(&soa)
        .assert()
        .code(predicates::ord::lt(2));
    for command in ["report", "compare"] {
        let mut c = on_checks("en", command, data("k.csv"));
        c.arg("--csp").arg(&soa);
        let err = input_error(c);
        assert!(
            err.contains("is the statement of applicability `ismap-gap readiness` writes: the CSP's own assessment of its list, not the list ISMAP publishes"),
            "{command}: {err}"
        );
        assert!(
            err.contains("pasted as a .txt file, or its profile"),
            "{err}"
        );
    }
    bin()
        .args(["readiness", "--as-of", "2026-04-01", "--implemented"])
        .arg(&soa)
        .assert()
        .code(predicates::ord::lt(2));
    bin()
        .arg("diff")
        .arg(&soa)
        .arg(&soa)
        .args(["--as-of", "2026-04-01"])
        .assert()
        .success();
}

/// Writes a workbook of `sheets` (name, rows) as `name` in a temporary folder.
fn workbook(name: &str, sheets: &[(&str, &[&[&str]])]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (sheet, rows) in sheets {
        common::add_text_sheet(&mut wb, sheet, rows);
    }
    wb.save(&path).unwrap();
    (dir, path)
}

/// Review 11 A-4: a workbook with a status table on one sheet and bare ids on another is
/// refused naming the bare sheet, the hint naming `--csp-sheet` with the status sheet;
/// sheets all published lists, status tables on two sheets and a sheet named by a status
/// beside a status table still read.
#[test]
fn bare_ids_beside_a_status_table_are_refused() {
    let statuses: &[&[&str]] = &[
        &["登録区分", "ISMAP"],
        &["管理策番号", "管理策名", "実施状況"],
        &["9.2.1", "利用者登録及び登録削除", "実施"],
        &["9.2.4", "利用者の秘密認証情報の管理", "未実施"],
    ];
    let bare: &[&[&str]] = &[&["管理策番号", "管理策名"], &["12.4.1", "イベントログ取得"]];
    for other in ["他サービス", "旧版", "Sheet2", "マッピング"] {
        let (_dir, path) = workbook("soa.xlsx", &[("管理策一覧", statuses), (other, bare)]);
        let mut c = on_checks("en", "report", data("k.csv"));
        c.arg("--csp").arg(&path);
        let err = input_error(c);
        assert!(
            err.contains(&format!(
                "sheet '{other}': the sheet lists ids without statuses, beside sheet '管理策一覧'"
            )) && err.contains("--csp-sheet '管理策一覧'"),
            "{other}: {err}"
        );
    }
    let read = |sheets: &[(&str, &[&[&str]])]| {
        let (_dir, path) = workbook("soa.xlsx", sheets);
        let mut c = on_checks("en", "report", data("k.csv"));
        c.args(["--format", "json", "--csp"]).arg(&path);
        json_of(c)
    };
    // a sheet named by a status beside the table: that status
    let v = read(&[("管理策一覧", statuses), ("非該当", bare)]);
    assert_eq!(v["csp"]["not_applicable"], 1, "{}", v["csp"]);
    // status tables on two sheets
    let tech: &[&[&str]] = &[&["管理策番号", "実施状況"], &["12.4.1", "実施"]];
    let v = read(&[("組織", statuses), ("技術", tech)]);
    assert_eq!(v["csp"]["implemented"], 2);
    // bare ids on every sheet (a PDF table saved sheet by sheet)
    let more: &[&[&str]] = &[&["管理策番号"], &["9.2.1"]];
    let v = read(&[("p1", bare), ("p2", more)]);
    assert_eq!(v["csp"]["implemented"], 2);
    // the status sheet alone, as the hint says
    let (_dir, path) = workbook("soa.xlsx", &[("管理策一覧", statuses), ("旧版", bare)]);
    let mut c = on_checks("en", "report", data("k.csv"));
    c.args(["--format", "json", "--csp-sheet", "管理策一覧", "--csp"])
        .arg(&path);
    assert_eq!(json_of(c)["csp"]["implemented"], 1);
}

/// Review 11 A-12: a file whose name states a status or names what is not implemented
/// (`未実施項目.csv`, `除外一覧.csv`, `非該当.txt`, `exclusions.csv`, `改善計画対象.csv`) is
/// refused when it lists bare ids (read as implemented); a status table under such a name
/// states each row's status itself and reads, and so do ordinary names.
#[test]
fn a_file_named_for_a_status_credits_nothing() {
    let bare = "登録区分: ISMAP\n管理策番号,管理策名\n9.2.1,利用者登録及び登録削除\n";
    for name in [
        "未実施項目.csv",
        "除外一覧.csv",
        "exclusions.csv",
        "改善計画対象.csv",
        "CSP-B_除外一覧.csv",
    ] {
        let err = refused(name, bare);
        assert!(
            err.contains("the file's name (")
                && err.contains("says its controls are not implemented, excluded or open"),
            "{name}: {err}"
        );
    }
    let list = std::fs::read_to_string(example("csp-list.txt")).unwrap();
    let err = refused("非該当.txt", &list);
    assert!(err.contains("the file's name ('非該当')"), "{err}");
    // a status table stating its rows not implemented, under such a name: read
    let (k1, _) = statuses(
        "未実施項目.csv",
        "登録区分: ISMAP\n管理策番号,実施状況\n9.2.1,未実施\n9.2.4,未実施\n",
    );
    assert_eq!(k1, "not-covered");
    for name in [
        "soa.csv",
        "ISMAP_2025.csv",
        "サンプルSaaS_管理策一覧.csv",
        "csp-status-table.csv",
    ] {
        let (k1, _) = statuses(name, bare);
        assert_eq!(k1, "covered", "{name}");
    }
}

/// Review 11 A-10: 非該当 "because the risk was accepted / management decided / no budget"
/// is no reason (the control applies and is not implemented): readiness finds the
/// exclusion without a reason, report does not show it as a justified exclusion; a reason
/// saying why it does not apply or who does it stays one.
#[test]
fn a_decision_not_to_implement_is_no_reason_to_exclude() {
    let readiness = |file: &str| {
        json_of(
            bin()
                .args([
                    "readiness",
                    "--as-of",
                    "2026-04-01",
                    "--format",
                    "json",
                    "--implemented",
                ])
                .arg(data(file)),
        )
    };
    let v = readiness("a10-risk-accept.csv");
    let without: Vec<&str> = v["na_without_reason"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    for id in ["9.2.3", "12.4.1", "12.6.1", "16.1.2"] {
        assert!(without.contains(&id), "{id}: {without:?}");
    }
    let v = readiness("na-reasons.csv");
    assert_eq!(
        v["na_without_reason"],
        serde_json::json!([]),
        "{}",
        v["na_without_reason"]
    );
}

/// Review 11 C-5: in `readiness`, evidence not there yet (`TBD`, `未提出`, `Pending`,
/// `収集中`, `後日提出`) or a draft (`規程（ドラフト）`, `手順書v0.9（未承認）`) is evidence
/// missing (証跡なし), and an owner not assigned yet (`未定`, `TBD`) stops nothing: the run
/// is not refused; a document named as evidence is evidence. Evidence being prepared
/// (`準備中`) is evidence missing too (review 15 C-7: was refused); a status value that
/// does not name evidence (`not yet`) may be the control's and is still refused, as under
/// any header.
#[test]
fn evidence_not_there_yet_is_evidence_missing() {
    let readiness = |file: &str| {
        json_of(
            bin()
                .args([
                    "readiness",
                    "--as-of",
                    "2026-04-01",
                    "--format",
                    "json",
                    "--implemented",
                ])
                .arg(data(file)),
        )
    };
    let v = readiness("c5-evidence-tbd.csv");
    assert_eq!(
        v["evidence_missing"],
        serde_json::json!(["9.2.1", "9.2.2", "9.2.3", "12.3.1", "12.4.1"])
    );
    assert_eq!(v["summary"]["implemented"], 5);
    let v = readiness("c5-draft-owner.csv");
    assert_eq!(v["evidence_missing"], serde_json::json!(["9.2.1", "9.2.2"]));
    let (_dir, path) = file(
        "soa.csv",
        "登録区分: ISMAP\n管理策番号,実施状況,証跡\n9.2.1,実施,準備中\n",
    );
    let v = json_of(
        bin()
            .args(["readiness", "--as-of", "2026-04-01", "--format", "json"])
            .arg("--implemented")
            .arg(&path),
    );
    assert_eq!(v["evidence_missing"], serde_json::json!(["9.2.1"]));
    let (_dir, path) = file(
        "soa.csv",
        "登録区分: ISMAP\n管理策番号,実施状況,証跡\n9.2.1,実施,not yet\n",
    );
    let err = input_error(
        bin()
            .args(["readiness", "--as-of", "2026-04-01", "--implemented"])
            .arg(&path),
    );
    assert!(err.contains("'not yet' in '証跡'"), "{err}");
}

/// Review 11 A-9: a row of zero height (`ht="0"`, no `hidden`) is not seen, as a hidden row
/// is not: its id is not read as implemented.
#[test]
fn a_zero_height_row_is_hidden() {
    let mut c = on_checks("en", "report", data("k.csv"));
    c.arg("--csp").arg(data("zero-height-row.xlsx"));
    let err = input_error(c);
    assert!(
        err.contains("sheet 'SoA': row 4: the row is hidden, and holds 9.2.3"),
        "{err}"
    );
}

/// Review 11 C-8: two tables side by side (the id and status headers twice in one row) are
/// refused with a hint saying so, not one leading to `--status-column` and a second error.
#[test]
fn two_tables_side_by_side_are_named_as_such() {
    let mut c = on_checks("en", "report", data("k.csv"));
    c.arg("--csp").arg(data("side-by-side.xlsx"));
    let err = input_error(c);
    assert!(
        err.contains("more than one status column")
            && err.contains("two tables stand side by side")
            && !err.contains("--status-column"),
        "{err}"
    );
}

/// A legend row under the header (`凡例 | ○：一部実施　×：未実施`) is checked as a legend above
/// the header is: one that gives a status mark another meaning is refused (review 11 A-20:
/// it was passed over as table furniture, and ○ read as 実施); one restating our words is
/// passed over as before.
#[test]
fn a_legend_row_under_the_header_that_redefines_a_mark_is_refused() {
    let table = |legend: &str| {
        format!("登録区分: ISMAP\n管理策番号,管理策名,実施状況\n{legend}\n9.2.1,利用者登録及び登録削除,○\n9.2.4,,×\n")
    };
    let err = refused("st.csv", &table("凡例,,○：一部実施　×：未実施"));
    assert!(
        err.contains("row 3: column 'A': the legend gives '○' the meaning '一部実施'"),
        "{err}"
    );
    let (k1, k5) = statuses("st.csv", &table("凡例,,○：実施　×：未実施"));
    assert_eq!((k1.as_str(), k5.as_str()), ("covered", "not-covered"));
    let (k1, _) = statuses("st.csv", &table("凡例,,実施/未実施/非該当"));
    assert_eq!(k1, "covered");
}
