//! Review 11 on CSP status tables (session 8, fix13-csp): C-21 every row of a table the
//! reader refuses named in one run.
mod common;

use std::path::PathBuf;

use common::{input_error, json_of, on_checks};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/fix13-csp/{name}"))
}

/// Writes `text` as `name` in a temporary folder.
fn file(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// `report` (in `lang`) on `k.csv` and the CSP list `csp`: exit 2, nothing on stdout, no
/// panic; the stderr lines.
fn refused_lines(lang: &str, csp: &std::path::Path) -> Vec<String> {
    let mut c = on_checks(lang, "report", data("k.csv"));
    c.arg("--csp").arg(csp);
    let out = c.output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr.lines().map(str::to_owned).collect()
}

/// `report --lang ja` on `k.csv` and the fixture `name`: one error line, holding each of
/// `parts`.
fn one_ja_line(name: &str, parts: &[&str]) {
    let ja = refused_lines("ja", &data(name));
    assert_eq!(ja.len(), 1, "{ja:#?}");
    for part in parts {
        assert!(ja[0].contains(part), "{part}: {}", ja[0]);
    }
}

/// `report --format json` on `k.csv` and `text` (as `csp.csv`): each item's status, by id.
fn statuses(text: &str) -> Vec<(String, String)> {
    let (_dir, path) = file("csp.csv", text);
    let mut c = on_checks("en", "report", data("k.csv"));
    c.args(["--format", "json", "--csp"]).arg(&path);
    let v = json_of(c);
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap().to_owned(),
                i["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn status_of(statuses: &[(String, String)], id: &str) -> String {
    statuses
        .iter()
        .find(|(i, _)| i == id)
        .map(|(_, s)| s.clone())
        .unwrap_or_default()
}

/// C-21: a table with four rows refused names all four, one line each, the first the
/// familiar error with its hint; a hint already given is not repeated; exit 2, no output.
#[test]
fn every_refused_row_of_a_table_is_named_in_one_run() {
    let lines = refused_lines("en", &data("many-refused.csv"));
    assert_eq!(lines.len(), 4, "{lines:#?}");
    assert!(lines.iter().all(|l| l.starts_with("error: ")), "{lines:#?}");
    for (line, (row, what)) in lines.iter().zip([
        ("row 3: column '備考'", "limits or conditions it ('のみ')"),
        ("row 4: column '備考'", "defers it"),
        ("row 5: column '備考'", "says someone else implements it"),
        (
            "row 6: column '実施状況'",
            "implemented with a note in brackets",
        ),
    ]) {
        assert!(line.contains(&format!("many-refused.csv: {row}")), "{line}");
        assert!(line.contains(what), "{line}");
    }
    assert!(lines[0].contains("(hint: if the control is implemented only in part"));
    // row 4's hint is row 3's: not repeated; rows 5 and 6 have hints of their own
    assert!(!lines[1].contains("(hint:"), "{}", lines[1]);
    assert!(lines[2].contains("(hint: a control someone else implements"));
    assert!(lines[3].contains("(hint: write the status alone"));

    let ja = refused_lines("ja", &data("many-refused.csv"));
    assert_eq!(ja.len(), 4, "{ja:#?}");
    assert!(ja.iter().all(|l| l.starts_with("エラー: ")), "{ja:#?}");
    assert!(ja[0].contains("row 3: column '備考'") && ja[0].contains("(ヒント: "));
    assert!(ja[3].contains("row 6: column '実施状況'") && ja[3].contains("括弧書きの注記"));
}

/// C-21: past twenty further rows, the rest are counted on a last line (en, ja).
#[test]
fn many_refused_rows_are_capped_and_counted() {
    let mut text = String::from("登録区分: ISMAP\n管理策番号,実施状況,備考\n");
    for i in 1..=25 {
        text.push_str(&format!("9.2.{i},実施,東京リージョンのみ\n"));
    }
    let (_dir, path) = file("csp.csv", &text);
    let lines = refused_lines("en", &path);
    assert_eq!(lines.len(), 22, "{lines:#?}");
    assert!(lines[0].contains("row 3: column '備考'"), "{}", lines[0]);
    assert!(lines[20].contains("row 23: column '備考'"), "{}", lines[20]);
    assert_eq!(
        lines[21],
        "error: … and 4 more row(s) refused, not shown: correct the rows above and run again"
    );
    let ja = refused_lines("ja", &path);
    assert_eq!(ja.len(), 22, "{ja:#?}");
    assert_eq!(
        ja[21],
        "エラー: …ほかに 4 行を読み取りませんでした(表示していません): 上の行を直して再実行してください"
    );
}

/// C-21 guard: one row refused is still one line; the same table without the bad rows
/// reads.
#[test]
fn one_refused_row_is_one_line_and_good_rows_read() {
    let (_dir, path) = file(
        "csp.csv",
        "登録区分: ISMAP\n管理策番号,実施状況,備考\n9.2.1,実施,東京リージョンのみ\n9.2.3,実施,\n",
    );
    let mut c = on_checks("en", "report", data("k.csv"));
    c.arg("--csp").arg(&path);
    let err = input_error(c);
    assert!(err.contains("row 3: column '備考'"), "{err}");
    let s = statuses("登録区分: ISMAP\n管理策番号,実施状況,備考\n9.2.1,実施,\n9.2.3,実施,手順書あり\n9.2.4,未実施,\n");
    assert_eq!(status_of(&s, "K-1"), "covered");
    assert_eq!(status_of(&s, "K-2"), "covered");
    assert_eq!(status_of(&s, "K-5"), "not-covered");
}

/// a GRC export of the CSP's own controls (`DCF-12`, `SEC-01`) with the ISMAP ids
/// they are mapped to in a column headed as a mapping is refused, naming the row, the
/// mapping column and the own id (en, ja; several ids in a cell or one).
#[test]
fn a_mapping_of_own_controls_to_ismap_is_refused() {
    for (name, own, ids, column) in [
        (
            "a22-grc-mapping.csv",
            "DCF-12",
            "9.4.2, 9.2.3",
            "ISMAP Mapping",
        ),
        (
            "a22-grc-mapping-single.csv",
            "DCF-12",
            "9.2.3",
            "ISMAP Mapping",
        ),
        (
            "a22-ja-mapping.csv",
            "SEC-01",
            "9.4.2、9.2.3",
            "対応するISMAP管理策",
        ),
    ] {
        let mut c = on_checks("en", "report", data("k.csv"));
        c.arg("--csp").arg(data(name));
        let err = input_error(c);
        assert!(
            err.contains(&format!("{name}: row 3: column '{column}'")),
            "{err}"
        );
        assert!(
            err.contains(&format!("the rows are the CSP's own controls ('{own}'")),
            "{err}"
        );
        assert!(err.contains(&format!("mapped to ISMAP ('{ids}'")), "{err}");
        assert!(err.contains("one ISMAP id per row"), "{err}");
    }
    one_ja_line(
        "a22-ja-mapping.csv",
        &[
            "行はCSP独自の管理策('社内管理策番号' の 'SEC-01')をISMAPに対応付けたもの",
            "(ヒント: ISMAPの統制目標ごとのCSPの言明を入手",
        ],
    );
}

/// A-22 guards: an ordinary `管理策番号 | 実施状況` table, a table whose only id column is
/// `ISMAP管理策番号`, a mapping-headed id column beside row numbers only, and an id column
/// not headed as a mapping beside the CSP's own control numbers, read.
#[test]
fn an_id_column_not_a_mapping_of_own_controls_reads() {
    for text in [
        "登録区分: ISMAP\n管理策番号,実施状況\n9.2.1,実施\n9.2.3,実施\n9.2.4,未実施\n",
        "登録区分: ISMAP\nISMAP管理策番号,管理策名,実施状況\n9.2.1,利用者登録及び登録削除,実施\n9.2.3,特権的アクセス権の管理,実施\n9.2.4,,未実施\n",
        "登録区分: ISMAP\nNo,対応するISMAP管理策,実施状況\n1,9.2.1,実施\n2,9.2.3,実施\n3,9.2.4,未実施\n",
        "登録区分: ISMAP\nISMAP管理策番号,社内管理策番号,実施状況\n9.2.1,SEC-01,実施\n9.2.3,SEC-02,実施\n9.2.4,SEC-03,未実施\n",
    ] {
        let s = statuses(text);
        assert_eq!(status_of(&s, "K-1"), "covered", "{text}");
        assert_eq!(status_of(&s, "K-2"), "covered", "{text}");
        assert_eq!(status_of(&s, "K-5"), "not-covered", "{text}");
    }
}

/// Review 13 A-1: without a word of mapping in the header, a row's own id of another scheme
/// beside several ISMAP ids in one cell is the same mapping (one control to many
/// objectives), refused; one ISMAP id per row beside own numbers still reads (above).
#[test]
fn own_controls_beside_several_ismap_ids_are_refused_whatever_the_header() {
    for (text, own, column) in [
        (
            "登録区分: ISMAP\nControl ID,Control Name,ISMAP,Status\nDCF-12,Access management,\"9.2.1, 9.2.3\",Implemented\n",
            "DCF-12",
            "ISMAP",
        ),
        (
            "登録区分: ISMAP\n社内管理策番号,管理策名,ISMAP管理策番号,実施状況\nSEC-01,アクセス管理,\"9.2.1, 9.2.3\",実施\n",
            "SEC-01",
            "ISMAP管理策番号",
        ),
    ] {
        let (_dir, csp) = file("own.csv", text);
        let mut c = on_checks("en", "report", data("k.csv"));
        c.arg("--csp").arg(&csp);
        let err = input_error(c);
        assert!(err.contains(&format!("row 3: column '{column}'")), "{err}");
        assert!(
            err.contains(&format!("the rows are the CSP's own controls ('{own}'")),
            "{err}"
        );
        assert!(err.contains("each beside several ISMAP objectives"), "{err}");
    }
}

/// a validity ended before `--as-of` under a validity header, or a remark saying the
/// control ran until a past date, refuses the row naming the date and the as-of date (en,
/// ja).
#[test]
fn a_statement_that_ended_before_the_as_of_date_is_refused() {
    let mut c = on_checks("en", "report", data("k.csv"));
    c.arg("--csp").arg(data("a18-validity-expired.csv"));
    let err = input_error(c);
    assert!(err.contains("a18-validity-expired.csv: row 3: column '有効期限': '2025-12-31' in '有効期限' says it ran until a date before the as-of date 2026-04-01 ('2025-12-31')"), "{err}");
    assert!(
        err.contains("(hint: a control not in effect on the as-of date is not implemented"),
        "{err}"
    );
    one_ja_line(
        "a18-validity-expired.csv",
        &[
            "基準日 2026-04-01 より前の日付('2025-12-31')までだったと示しています",
            "(ヒント: 基準日に効力のない管理策は実施していません",
        ],
    );

    for (header, cell, word) in [
        ("有効期間", "2024-04-01～2025-03-31", "2025-03-31"),
        ("Expiry", "2025-12-31", "2025-12-31"),
        ("備考", "2025年3月まで実施", "2025年3月"),
        ("備考", "2025年12月末で契約終了", "2025年12月"),
        ("備考", "旧システムで2025年まで実施", "2025年"),
        ("Remarks", "Implemented until March 2025", "March 2025"),
    ] {
        let text = format!(
            "登録区分: ISMAP\n管理策番号,実施状況,{header}\n9.2.1,実施,\n9.2.3,実施,{cell}\n"
        );
        let (_dir, path) = file("csp.csv", &text);
        let mut c = on_checks("en", "report", data("k.csv"));
        c.arg("--csp").arg(&path);
        let err = input_error(c);
        assert!(err.contains(&format!("row 4: column '{header}'")), "{err}");
        assert!(
            err.contains(&format!(
                "says it ran until a date before the as-of date 2026-04-01 ('{word}')"
            )),
            "{err}"
        );
    }
}

/// A-18 guards: a validity ending on or after `--as-of`, a period running over it, a start
/// of the implementation in the past, a past implementation or confirmation date, a
/// retention, a deadline met and a change of means read; an overdue review is kept as the
/// row's remark.
#[test]
fn a_statement_in_effect_on_the_as_of_date_reads() {
    for (header, cell) in [
        ("有効期限", "2026-12-31"),
        ("有効期限", "2026-04-01"),
        ("有効期間", "2025-04-01～2027-03-31"),
        ("有効期間", "2024-04-01～"),
        ("実施日", "2020-04-01"),
        ("最終確認日", "2022-01-01"),
        ("備考", "2025年3月から実施"),
        ("備考", "2027年3月まで有効"),
        ("備考", "ログは2024年まで保存"),
        ("備考", "2024年3月まで手動で実施、以降は自動化"),
        ("次回レビュー日", "2025-01-01"),
    ] {
        let text = format!("登録区分: ISMAP\n管理策番号,実施状況,{header}\n9.2.1,実施,\n9.2.3,実施,{cell}\n9.2.4,未実施,\n");
        let s = statuses(&text);
        assert_eq!(status_of(&s, "K-2"), "covered", "{header}: {cell}");
        assert_eq!(status_of(&s, "K-5"), "not-covered", "{header}: {cell}");
    }
    // the overdue review is the row's remark, for the reader to confirm
    let text = "登録区分: ISMAP\n管理策番号,実施状況,次回レビュー日\n9.2.3,実施,2025-01-01\n";
    let (_dir, path) = file("csp.csv", text);
    let mut c = on_checks("en", "report", data("k.csv"));
    c.args(["--format", "json", "--csp"]).arg(&path);
    let v = json_of(c);
    assert!(v["items"].to_string().contains("2025-01-01"), "{v}");
}

/// C-15: an owner named Liu is no mention of ISMAP-LIU; a party's settings the service
/// itself manages (`AWSの設定は当社で管理`) are its own; the party doing it is still refused.
#[test]
fn a_name_and_a_partys_thing_are_no_refusal() {
    let mut c = on_checks("en", "report", data("k.csv"));
    c.args(["--format", "json", "--csp"])
        .arg(data("c15-owner-liu.csv"));
    let v = json_of(c);
    assert_eq!(v["csp"]["registration_kind"], "ismap", "{}", v["csp"]);
    let s = statuses("登録区分: ISMAP\n管理策番号,実施状況,備考\n9.2.1,実施,\n9.2.3,実施,AWSの設定は当社で管理\n");
    assert_eq!(status_of(&s, "K-2"), "covered");
    let (_dir, path) = file(
        "csp.csv",
        "登録区分: ISMAP\n管理策番号,実施状況,備考\n9.2.3,実施,AWS側で設定\n",
    );
    let mut c = on_checks("en", "report", data("k.csv"));
    c.arg("--csp").arg(&path);
    let err = input_error(c);
    assert!(
        err.contains("says someone else implements it ('aws側')"),
        "{err}"
    );
}

/// C-20: a status cell holding a number in the General format is still refused, the hint
/// saying a format of words only is read as shown, this one not (en, ja); a word reads
/// (the words a format shows: `tests/fix21-over.rs`).
#[test]
fn a_number_in_a_status_cell_is_named_as_a_number() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("numbers.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("SoA").unwrap();
    ws.write_string(0, 0, "管理策番号").unwrap();
    ws.write_string(0, 1, "実施状況").unwrap();
    ws.write_string(1, 0, "9.2.1").unwrap();
    ws.write_number(1, 1, 1.0).unwrap();
    ws.write_string(2, 0, "9.2.3").unwrap();
    ws.write_string(2, 1, "実施").unwrap();
    wb.save(&path).unwrap();
    let mut c = on_checks("en", "report", data("k.csv"));
    c.args(["--registration-kind", "ismap", "--csp"]).arg(&path);
    let err = input_error(c);
    assert!(
        err.contains("sheet 'SoA': row 2: column '実施状況': unknown status '1' for 9.2.1"),
        "{err}"
    );
    assert!(
        err.contains(
            "(hint: the cell holds the number 1: an .xlsx number format of words only is read as shown"
        ),
        "{err}"
    );
    let mut c = on_checks("ja", "report", data("k.csv"));
    c.args(["--registration-kind", "ismap", "--csp"]).arg(&path);
    let out = c.output().unwrap();
    let ja = String::from_utf8(out.stderr).unwrap();
    assert!(ja.contains("(ヒント: セルの値は数値 1 です"), "{ja}");
}

/// Review 12 A-12: a template's worked-example row (`記入例` / `例` in the No column, a
/// remark labelled `記入例：`) holding an id and a status is refused naming it (en, ja);
/// the same table without it reads, and a remark starting with `例外` (`例外なし`) is no mark.
#[test]
fn an_example_row_with_an_id_and_a_status_is_refused() {
    for (name, mark) in [("a12-example.csv", "記入例"), ("a12-example2.csv", "例")] {
        let mut c = on_checks("en", "report", data("k.csv"));
        c.args(["--registration-kind", "ismap", "--csp"])
            .arg(data(name));
        let err = input_error(c);
        assert!(
            err.contains(&format!("{name}: row 2: column 'No': '{mark}' marks the row as an example, but it states 9.2.3 with a status")),
            "{err}"
        );
    }
    let mut c = on_checks("ja", "report", data("k.csv"));
    c.args(["--registration-kind", "ismap", "--csp"])
        .arg(data("a12-example.csv"));
    let ja = String::from_utf8(c.output().unwrap().stderr).unwrap();
    assert!(
        ja.contains("'記入例' はこの行を記入例としていますが、この行は 9.2.3 の状況を示しています"),
        "{ja}"
    );
    let s = statuses("登録区分: ISMAP\nNo,管理策番号,実施状況,実施内容\n1,9.2.1,○,即日削除\n2,9.2.3,○,例外なし\n3,9.2.4,×,\n");
    assert_eq!(status_of(&s, "K-1"), "covered");
    assert_eq!(status_of(&s, "K-2"), "covered");
    assert_eq!(status_of(&s, "K-5"), "not-covered");
}

/// Review 12 C-10: the company's own organs and the whole company under `実施主体` are the
/// service itself (`取締役会`, `経営会議`, `全社`, `各部門`, `本社`, `Board of Directors`);
/// `グループ全体` (another company of the group may do it) stays refused.
#[test]
fn the_companys_own_organs_implement_it_themselves() {
    for who in [
        "取締役会",
        "経営会議",
        "全社",
        "各部門",
        "本社",
        "Board of Directors",
    ] {
        let s = statuses(&format!(
            "登録区分: ISMAP\n管理策番号,実施状況,実施主体\n9.2.1,実施,{who}\n9.2.3,実施,当社\n"
        ));
        assert_eq!(status_of(&s, "K-1"), "covered", "{who}");
    }
    let (_dir, path) = file(
        "csp.csv",
        "登録区分: ISMAP\n管理策番号,実施状況,実施主体\n9.2.1,実施,グループ全体\n",
    );
    let mut c = on_checks("en", "report", data("k.csv"));
    c.arg("--csp").arg(&path);
    let err = input_error(c);
    assert!(err.contains("row 3: column '実施主体'"), "{err}");
}

/// Review 12 C-1: ordinary remarks of a Japanese statement read (`年1回及び必要に応じて`,
/// `原則禁止`, `…の利用は管理者に限る`, `例外は…が承認`); limits of the control beside them
/// (`必要に応じて実施`, `本番環境のみ`) stay refused.
#[test]
fn ordinary_remarks_of_a_statement_read() {
    for remark in [
        "年1回及び必要に応じて見直しを実施",
        "媒体の持ち出しは原則禁止",
        "特権IDの利用は承認された作業時のみ",
        "特権的なユーティリティの利用は管理者に限る",
        "業務上必要な範囲でのみ権限を付与",
        "例外は情報セキュリティ委員会が承認",
    ] {
        let s = statuses(&format!(
            "登録区分: ISMAP\n管理策番号,実施状況,実施内容\n9.2.1,実施,\n9.2.3,実施,{remark}\n"
        ));
        assert_eq!(status_of(&s, "K-2"), "covered", "{remark}");
    }
    for remark in ["必要に応じて実施", "本番環境のみ"] {
        let (_dir, path) = file(
            "csp.csv",
            &format!("登録区分: ISMAP\n管理策番号,実施状況,実施内容\n9.2.3,実施,{remark}\n"),
        );
        let mut c = on_checks("en", "report", data("k.csv"));
        c.arg("--csp").arg(&path);
        let err = input_error(c);
        assert!(err.contains("limits or conditions it"), "{remark}: {err}");
    }
}

/// Review 12 C-9 / C-19: `観察事項なし` under `監査結果`, `0` under a count of findings, read;
/// a finding standing, a count above none, refused; a finding settled is a finding found in
/// the audit period, refused as `逸脱あり（是正済み）` is (review 23 A-4 overturned C-9's
/// reading of `軽微な指摘あり（是正済）` as clean).
#[test]
fn no_findings_and_zero_counts_read() {
    for (header, cell) in [("監査結果", "観察事項なし"), ("指摘件数", "0件")] {
        let s = statuses(&format!(
            "登録区分: ISMAP\n管理策番号,実施状況,{header}\n9.2.1,実施,\n9.2.3,実施,{cell}\n"
        ));
        assert_eq!(status_of(&s, "K-2"), "covered", "{header}: {cell}");
    }
    for (header, cell) in [
        ("監査結果", "観察事項あり"),
        ("監査結果", "軽微な指摘あり（是正済）"),
        ("指摘件数", "1件"),
    ] {
        let (_dir, path) = file(
            "csp.csv",
            &format!("登録区分: ISMAP\n管理策番号,実施状況,{header}\n9.2.3,実施,{cell}\n"),
        );
        let mut c = on_checks("en", "report", data("k.csv"));
        c.arg("--csp").arg(&path);
        let err = input_error(c);
        assert!(err.contains(&format!("column '{header}'")), "{err}");
    }
}

/// Review 12 C-2: English remarks saying the findings were settled or there are none read
/// like their Japanese twins; findings not remediated refused.
#[test]
fn english_findings_settled_or_none_read() {
    for remark in [
        "Annual penetration test performed by a third party; findings remediated",
        "Internal audit performed annually; no open findings",
    ] {
        let s = statuses(&format!(
            "登録区分: ISMAP\n管理策番号,実施状況,Remarks\n9.2.1,実施,\n9.2.3,実施,{remark}\n"
        ));
        assert_eq!(status_of(&s, "K-2"), "covered", "{remark}");
    }
    let (_dir, path) = file(
        "csp.csv",
        "登録区分: ISMAP\n管理策番号,実施状況,Remarks\n9.2.3,実施,Two findings not yet remediated\n",
    );
    let mut c = on_checks("en", "report", data("k.csv"));
    c.arg("--csp").arg(&path);
    let err = input_error(c);
    assert!(err.contains("column 'Remarks'"), "{err}");
}

/// Review 12 C-24: ordinary legends above a table (`○ 実施済 / × 未実施`, `○：実施している`,
/// `※実施状況欄：○（実施）、×（未実施）`, `△（一部実施）` defined) read; a legend giving `○`
/// another meaning is still refused.
#[test]
fn ordinary_legends_above_a_table_read() {
    for name in [
        "c24-legend1.csv",
        "c24-legend2.csv",
        "c24-legend3.csv",
        "c24-legend4.csv",
    ] {
        let mut c = on_checks("en", "report", data("k.csv"));
        c.args(["--registration-kind", "ismap", "--format", "json", "--csp"])
            .arg(data(name));
        let v = json_of(c);
        let k2 = common::by_id(&v["items"], "K-2");
        assert_eq!(k2["status"], "covered", "{name}: {k2}");
    }
    let (_dir, path) = file(
        "csp.csv",
        "※実施状況欄：○（一部実施）、×（未実施）\n管理策番号,実施状況\n9.2.3,○\n",
    );
    let mut c = on_checks("en", "report", data("k.csv"));
    c.args(["--registration-kind", "ismap", "--csp"]).arg(&path);
    let err = input_error(c);
    assert!(
        err.contains("the legend gives '○' the meaning '一部実施'"),
        "{err}"
    );
}

/// Review 12 C-6 / C-17: `Met`, `Complete(d)`, `適合`, `整備・運用`, `実施・運用中`, `実装`,
/// `実施（継続）` read as implemented, `Not met`, `不適合` as not implemented; `Pass`, `整備済`,
/// `実施（一部）` still refused.
#[test]
fn more_status_words_read() {
    for word in [
        "Met",
        "Completed",
        "適合",
        "整備・運用",
        "実施・運用中",
        "実施済み/運用中",
        "実装",
        "実施（継続）",
    ] {
        let s = statuses(&format!(
            "登録区分: ISMAP\n管理策番号,実施状況\n9.2.1,実施\n9.2.3,{word}\n9.2.4,Not met\n"
        ));
        assert_eq!(status_of(&s, "K-2"), "covered", "{word}");
        assert_eq!(status_of(&s, "K-5"), "not-covered", "{word}");
    }
    for word in ["Pass", "整備済", "実施（一部）"] {
        let (_dir, path) = file(
            "csp.csv",
            &format!("登録区分: ISMAP\n管理策番号,実施状況\n9.2.3,{word}\n"),
        );
        let mut c = on_checks("en", "report", data("k.csv"));
        c.arg("--csp").arg(&path);
        let err = input_error(c);
        assert!(err.contains("column '実施状況'"), "{word}: {err}");
    }
}
