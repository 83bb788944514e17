//! Reviews 12 and 13 on CSP status tables (session 9, fix15-csp): A-18 evidence, approval
//! and review columns saying the statement is unevidenced or unapproved.
mod common;

use std::path::PathBuf;

use common::{bin, input_error, json_of, on_checks};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/fix15-csp/{name}"))
}

/// Writes `text` as `name` in a temporary folder.
fn file(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// `report` (in `lang`) on `k.csv` and `text` as the CSP list: the error line.
fn refused(lang: &str, text: &str) -> String {
    let (_dir, path) = file("csp.csv", text);
    let mut c = on_checks(lang, "report", data("k.csv"));
    c.arg("--csp").arg(&path);
    if lang == "en" {
        return input_error(c);
    }
    let out = c.output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        out.stdout.is_empty() && !stderr.contains("panicked"),
        "{stderr}"
    );
    stderr
}

/// `report --format json` on `k.csv` and `text` (as `csp.csv`): the item `id`'s status
/// and reasons.
fn status(text: &str, id: &str) -> (String, Vec<String>) {
    let (_dir, path) = file("csp.csv", text);
    let mut c = on_checks("en", "report", data("k.csv"));
    c.args(["--registration-kind", "ismap", "--format", "json", "--csp"])
        .arg(&path);
    let v = json_of(c);
    let item = common::by_id(&v["items"], id);
    (
        item["status"].as_str().unwrap().to_owned(),
        item["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap().to_owned())
            .collect(),
    )
}

/// `status` of item K-2 on a one-row list (9.2.3 implemented, `value` under `header`):
/// covered with no note.
fn reads_clean(header: &str, value: &str) {
    let (s, reasons) = status(
        &format!("管理策番号,実施状況,{header}\n9.2.3,実施,{value}\n"),
        "K-2",
    );
    assert_eq!(
        (s.as_str(), reasons.len()),
        ("covered", 0),
        "{header} = {value}"
    );
}

/// an evidence column saying there is none or none yet (`未作成`, `なし`, `作成中`,
/// `No evidence`, `none`, `証跡有無 = 無`) on a row stated implemented is refused in
/// `report`, as the remark `証跡なし` is (en, ja); evidence named, made, dated, given
/// elsewhere (`別紙参照`), or a cell empty or a dash reads.
#[test]
fn evidence_said_missing_is_not_read_as_implemented() {
    for (header, value) in [
        ("証跡", "未作成"),
        ("証跡", "なし"),
        ("証跡", "作成中"),
        ("証跡", "未提出"),
        ("証跡", "No evidence"),
        ("Evidence", "none"),
        ("Evidence", "Pending"),
        ("証跡有無", "無"),
    ] {
        let err = refused(
            "en",
            &format!("管理策番号,実施状況,{header}\n9.2.1,実施,規程A\n9.2.3,実施,{value}\n"),
        );
        assert!(
            err.contains(&format!(
                "row 3: column '{header}': '{value}' in '{header}' says there is no evidence of it"
            )),
            "{header} = {value}: {err}"
        );
    }
    let err = refused("ja", "管理策番号,実施状況,証跡\n9.2.3,実施,未作成\n");
    assert!(
        err.contains("証跡を表す見出しの下で、証跡がない(またはまだない)ことを示しています")
            && err.contains("証跡(文書や記録)を書くか"),
        "{err}"
    );
    // guard: the ordinary evidence cells read, the row covered without a note
    for value in [
        "作成済",
        "アクセス管理規程 v1.2",
        "2025/4/1",
        "別紙参照",
        "-",
        "",
    ] {
        let (s, reasons) = status(
            &format!("管理策番号,実施状況,証跡\n9.2.3,実施,{value}\n"),
            "K-2",
        );
        assert_eq!((s.as_str(), reasons.len()), ("covered", 0), "{value}");
    }
    for value in ["有", "○"] {
        let (s, _) = status(
            &format!("管理策番号,実施状況,証跡有無\n9.2.3,実施,{value}\n"),
            "K-2",
        );
        assert_eq!(s, "covered", "{value}");
    }
}

/// in `readiness` (the CSP's own work) evidence not made yet stays the finding
/// 証跡なし, not a refusal (review 11 C-5).
#[test]
fn evidence_missing_stays_a_readiness_finding() {
    let (_dir, path) = file(
        "soa.csv",
        "登録区分: ISMAP\n管理策番号,実施状況,証跡\n9.2.1,実施,未作成\n9.2.2,実施,なし\n",
    );
    let v = json_of(
        bin()
            .args([
                "readiness",
                "--as-of",
                "2026-04-01",
                "--format",
                "json",
                "--implemented",
            ])
            .arg(&path),
    );
    assert_eq!(v["evidence_missing"], serde_json::json!(["9.2.1", "9.2.2"]));
}

/// an approval or review column saying the statement is not approved or reviewed
/// (`未承認`, `未`, `承認待ち`, `差戻し`, `×`, `Pending`, `not approved`, `未レビュー`,
/// `in review`), or dated after `--as-of`, is refused (en, ja); an approval (`承認済`,
/// `済`, `○`, `Approved`, a date, `承認済（2025/4/1）`) reads and adds no note; under a
/// header naming the approval's status a value that is no approval (`山田部長`) is refused,
/// under `承認` alone (where an approver may be named) it is the remark.
#[test]
fn approval_or_review_said_missing_is_not_read_as_implemented() {
    for (header, value, word) in [
        ("承認状況", "未承認", "未"),
        ("承認", "未", "未"),
        ("承認状況", "承認待ち", "待ち"),
        ("承認状況", "差戻し", "差戻"),
        ("承認状況", "×", "×"),
        ("Approval", "pending", "pending"),
        ("Approval", "not approved", "notapproved"),
        ("レビュー状況", "未レビュー", "未"),
        ("Review status", "in review", "inreview"),
        ("レビュー状況", "レビュー中", "レビュー中"),
    ] {
        let err = refused(
            "en",
            &format!("管理策番号,実施状況,{header}\n9.2.1,実施,承認済\n9.2.3,実施,{value}\n"),
        );
        assert!(
            err.contains(&format!("row 3: column '{header}': '{value}' in '{header}' says the statement is not approved or reviewed (yet) under a header naming its approval or review ('{word}')")),
            "{header} = {value}: {err}"
        );
    }
    let err = refused("en", "管理策番号,実施状況,承認状況\n9.2.3,実施,山田部長\n");
    assert!(
        err.contains("does not say the statement is approved"),
        "{err}"
    );
    let err = refused("en", "管理策番号,実施状況,承認状況\n9.2.3,実施,2026/5/1\n");
    assert!(err.contains("after the as-of date"), "{err}");
    let err = refused("ja", "管理策番号,実施状況,承認状況\n9.2.3,実施,未承認\n");
    assert!(
        err.contains("承認やレビューを表す見出しの下で、記載が(まだ)承認・レビューされていないことを示しています")
            && err.contains("承認後の一覧を指定するか"),
        "{err}"
    );
    // guard
    for (header, value) in [
        ("承認状況", "承認済"),
        ("承認状況", "承認済み"),
        ("承認", "済"),
        ("承認状況", "○"),
        ("Approval", "Approved"),
        ("承認状況", "2025/4/1"),
        ("承認状況", "承認済（2025/4/1）"),
        ("レビュー状況", "レビュー済"),
        ("Review status", "Reviewed"),
        ("承認状況", ""),
    ] {
        reads_clean(header, value);
    }
    let (s, _) = status("管理策番号,実施状況,承認\n9.2.3,実施,山田部長\n", "K-2");
    assert_eq!(s, "covered");
}

/// Review 13 C-11: `N/A` (`該当なし`) under an expiry or another record date's header is
/// "none", not a second status column nor another status; `次回更新まで` under a validity
/// is in effect; the row is covered with no note. Guard: a validity ended before
/// `--as-of` is still refused, and `N/A` under a plain remark header still states
/// another status.
#[test]
fn not_applicable_under_an_expiry_is_no_expiry() {
    for (header, value) in [
        ("有効期限", "N/A"),
        ("有効期限", "NA"),
        ("Expiry", "n/a"),
        ("最終確認日", "該当なし"),
        ("有効期限", "次回更新まで"),
        ("有効期限", "2027-03-31"),
    ] {
        let (s, reasons) = status(
            &format!("管理策番号,実施状況,{header}\n9.2.3,実施,{value}\n9.2.1,実施,2027-03-31\n"),
            "K-2",
        );
        assert_eq!(
            (s.as_str(), reasons.len()),
            ("covered", 0),
            "{header} = {value}"
        );
    }
    let err = refused(
        "en",
        "管理策番号,実施状況,有効期限\n9.2.3,実施,2025-12-31\n",
    );
    assert!(err.contains("'2025-12-31' in '有効期限'"), "{err}");
    let err = refused(
        "en",
        "管理策番号,実施状況,備考\n9.2.3,実施,N/A\n9.2.1,実施,手順書あり\n",
    );
    assert!(
        err.contains("'N/A' in '備考' states another status"),
        "{err}"
    );
}

/// Review 13 C-14: a status written in two languages or as a mark and a word (`実施 /
/// Implemented`, `○ 実施`, `Yes / はい`, `実施済 ✓`, `○実施`, `未実施 / Not implemented`)
/// is read when every part states the same status; parts that disagree (`実施 / 未実施`,
/// `○ 未実施`) are refused (en, ja).
#[test]
fn a_status_in_two_forms_reads_when_they_agree() {
    for value in [
        "実施 / Implemented",
        "実施/Implemented",
        "○ 実施",
        "Yes / はい",
        "実施済 ✓",
        "○実施",
    ] {
        let (s, reasons) = status(&format!("管理策番号,実施状況\n9.2.3,{value}\n"), "K-2");
        assert_eq!((s.as_str(), reasons.len()), ("covered", 0), "{value}");
    }
    let (s, _) = status(
        "管理策番号,実施状況\n9.2.3,未実施 / Not implemented\n",
        "K-2",
    );
    assert_eq!(s, "not-covered");
    for value in ["実施 / 未実施", "○ 未実施", "Implemented / 計画中"] {
        let err = refused("en", &format!("管理策番号,実施状況\n9.2.3,{value}\n"));
        assert!(
            err.contains(&format!("'{value}' for 9.2.3 cannot be read as a status: its parts state different statuses")),
            "{value}: {err}"
        );
    }
    let err = refused("ja", "管理策番号,実施状況\n9.2.3,実施 / 未実施\n");
    assert!(err.contains("部分ごとに異なる状況を示しています"), "{err}");
}

/// Review 12 C-18: a status header's note naming the whole service (`実施状況（本サービス）`,
/// `実施状況（全リージョン共通）`) limits nothing and reads; a note naming a part of it
/// (`東京リージョン`) or a plan (`全リージョン予定`) is still refused.
#[test]
fn a_status_header_naming_the_whole_service_reads() {
    for header in ["実施状況（本サービス）", "実施状況（全リージョン共通）"]
    {
        let (s, _) = status(
            &format!("管理策番号,{header},非該当理由\n9.2.3,○,\n6.2.2,非該当,テレワークを認めていないため\n"),
            "K-2",
        );
        assert_eq!(s, "covered", "{header}");
    }
    for (header, word) in [
        ("実施状況（東京リージョン）", "limits or conditions it"),
        ("実施状況（全リージョン予定）", "defers it"),
    ] {
        let err = refused("en", &format!("管理策番号,{header}\n9.2.3,○\n"));
        assert!(err.contains(word), "{header}: {err}");
    }
}

/// Review 14 A-12: naming the whole service first in a status header's note clears
/// nothing that follows it: `（本サービス：暫定）`, `（全リージョン共通：自己評価）`,
/// `（本サービス：一部リージョン）`, `（本サービス：2027年4月時点）` are refused as the same
/// note alone is; `（本サービス）`, `（全リージョン共通）` alone still read (above).
#[test]
fn a_whole_service_note_clears_nothing_after_it() {
    for header in [
        "実施状況（本サービス：暫定）",
        "実施状況（全リージョン共通：自己評価）",
        "実施状況（本サービス：一部リージョン）",
        "実施状況（本サービス:2027年4月時点）",
        "実施状況（本サービス／次期バージョン）",
    ] {
        let err = refused("en", &format!("管理策番号,{header}\n9.2.3,○\n9.2.1,○\n"));
        assert!(err.contains("on the header"), "{header}: {err}");
    }
}

/// Review 12 C-20: the `採否` column of a JIS Q 27001 statement of applicability is its
/// applicability column: beside an implementation column it is checked against it (`採用`
/// reads, `除外` on a row stated implemented is refused), and the table reads as the same
/// table with `適用` ○/× does; without one, `採用` is refused with a hint saying it states
/// selection, not implementation (en, ja), and `除外` with its reason reads as excluded.
/// (The statement names its registration: a list of Annex A ids alone naming neither ISMAP
/// nor a registration is an ISO/IEC 27001 SoA, refused since fix21-csp.)
#[test]
fn the_adoption_column_of_a_statement_of_applicability_is_applicability() {
    let soa = |col: &str, yes: &str, no: &str| {
        format!(
            "登録区分: ISMAP\n管理策番号,管理策,{col},採用/除外の理由,実施状況,関連文書\n\
             A.5.1.1,情報セキュリティのための方針群,{yes},法令及び契約上の要求事項,実施済,情報セキュリティ基本方針\n\
             A.6.2.2,テレワーキング,{no},テレワークを認めていないため,非該当,\n\
             A.9.2.3,特権的アクセス権の管理,{yes},リスク対応,実施済,アクセス管理規程\n"
        )
    };
    assert_eq!(
        status(&soa("採否", "採用", "除外"), "K-2"),
        status(&soa("適用", "○", "×"), "K-2")
    );
    assert_eq!(status(&soa("採否", "採用", "除外"), "K-2").0, "covered");
    let err = refused("en", "管理策番号,採否,実施状況\n9.2.3,除外,実施\n");
    assert!(
        err.contains("'除外' in '採否' does not say the control applies"),
        "{err}"
    );
    let err = refused(
        "en",
        "管理策番号,管理策,採否,採用/除外の理由\n9.2.3,特権的アクセス権の管理,採用,リスク対応\n6.2.2,テレワーキング,除外,テレワークを認めていないため\n",
    );
    assert!(
        err.contains("'採用' for 9.2.3 cannot be read as a status: it says the control applies")
            && err.contains("give each control's implementation status in a column of its own")
            && !err.contains("side by side"),
        "{err}"
    );
    let err = refused("ja", "管理策番号,採否\n9.2.3,採用\n");
    assert!(err.contains("各管理策の実施状況を別の列"), "{err}");
    let (s, reasons) = status(
        "管理策番号,採否,除外理由\n9.2.3,除外,特権IDを持たないため\n",
        "K-2",
    );
    assert_eq!(s, "not-covered");
    assert!(
        reasons.iter().any(|r| r.starts_with("not-applicable")),
        "{reasons:?}"
    );
}

/// Review 13 C-5: a published list's chapter row with a short chapter name (`12 | 運用`,
/// a part of `運用のセキュリティ`) is a heading, not a status; a chapter row with a status
/// word that is no part of its title (`13 | 未実施`) is still refused.
#[test]
fn a_chapter_row_with_a_short_name_is_a_heading() {
    let (s, _) = status(
        "管理策番号,管理策名\n9,アクセス制御\n9.2.3,特権的アクセス権の管理\n12,運用\n12.3.1,情報のバックアップ\n",
        "K-2",
    );
    assert_eq!(s, "covered");
    let err = refused(
        "en",
        "管理策番号,管理策名\n12,運用\n12.3.1,情報のバックアップ\n13,未実施\n13.1.1,ネットワーク管理策\n",
    );
    assert!(err.contains("'13 未実施' states a status"), "{err}");
}

/// Review 12 C-11: the independent review (18.2.1) done by an auditor (`外部監査法人`,
/// `内部監査室／外部監査法人`, `第三者機関` under `担当` or `実施主体`) is the control, not
/// someone else's; the same auditor beside another control, or an outsourcer beside
/// 18.2.1, is still refused.
#[test]
fn an_auditor_doing_the_independent_review_reads() {
    for (header, value) in [
        ("担当", "外部監査法人"),
        ("担当", "内部監査室／外部監査法人"),
        ("実施主体", "第三者機関"),
    ] {
        let (dir, path) = file(
            "csp.csv",
            &format!("管理策番号,実施状況,{header}\n18.2.1,実施,{value}\n"),
        );
        let mut c = on_checks("en", "report", data("k.csv"));
        c.args(["--registration-kind", "ismap", "--format", "json", "--csp"])
            .arg(&path);
        json_of(c);
        drop(dir);
    }
    let err = refused("en", "管理策番号,実施状況,担当\n9.2.3,実施,外部監査法人\n");
    assert!(err.contains("names someone else"), "{err}");
    let err = refused("en", "管理策番号,実施状況,担当\n18.2.1,実施,外部委託先\n");
    assert!(err.contains("names someone else"), "{err}");
}

/// Review 12 C-13: `サービス開始時`, `サービス提供開始時から`, `継続実施` under `実施日` read
/// (not covered bare: the words are kept as the remark); a word that is no date (`随時`)
/// is still refused, and its Japanese says "が" once.
#[test]
fn since_the_service_started_reads_as_an_implementation_date() {
    for value in ["サービス開始時", "サービス提供開始時から", "継続実施"] {
        let (s, _) = status(
            &format!("管理策番号,実施状況,実施日\n9.2.3,実施,{value}\n"),
            "K-2",
        );
        assert_eq!(s, "covered", "{value}");
    }
    let err = refused("ja", "管理策番号,実施状況,実施日\n9.2.3,実施,随時\n");
    assert!(
        err.contains("実施した時期を表す見出しの下にあって、日付として読めませんが、この行は"),
        "{err}"
    );
}

/// Review 13 C-15: a next-update note below the table governs its line: a later date with
/// a note of when (`2027年4月（監査終了後）`), an event (`監査終了後`) or none yet (`未定`)
/// reads; a next update on or before `--as-of`, or one carrying another status
/// (`（一部未実施）`), is still refused.
#[test]
fn a_next_update_note_reads_in_its_forms() {
    for note in [
        "次回更新予定：2027年4月（監査終了後）",
        "次回更新：監査終了後",
        "次回更新予定：未定",
        "次回更新予定：2027年4月",
    ] {
        let (s, _) = status(
            &format!("管理策番号,実施状況,備考\n9.2.3,実施,\n9.2.1,実施,\n\n※ {note}\n"),
            "K-2",
        );
        assert_eq!(s, "covered", "{note}");
    }
    for note in [
        "次回更新予定：2026年3月",
        "次回更新予定：2027年4月（一部未実施）",
    ] {
        let err = refused(
            "en",
            &format!("管理策番号,実施状況,備考\n9.2.3,実施,\n9.2.1,実施,\n\n※ {note}\n"),
        );
        assert!(err.contains("below the table's last row"), "{note}: {err}");
    }
}

/// Review 12 D-2: a GRC workbook's export-information sheet (`Exported | 2026-05-05 10:31
/// JST`) dated after `--as-of` dates the list, as the same line above the table does
/// (en, ja); an export dated before it reads.
#[test]
fn an_export_sheet_dated_after_as_of_dates_the_list() {
    let workbook = |exported: &str| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("grc-export.xlsx");
        let mut wb = rust_xlsxwriter::Workbook::new();
        common::add_text_sheet(
            &mut wb,
            "Export Info",
            &[&["Exported", exported], &["Filter", "Framework = ISMAP"]],
        );
        common::add_text_sheet(
            &mut wb,
            "Page 1",
            &[
                &["管理策番号", "実施状況"],
                &["9.2.3", "実施"],
                &["9.2.1", "実施"],
            ],
        );
        wb.save(&path).unwrap();
        (dir, path)
    };
    let (_dir, path) = workbook("2026-05-05 10:31 JST");
    let mut c = on_checks("en", "report", data("k.csv"));
    c.arg("--csp").arg(&path);
    let err = input_error(c);
    assert!(
        err.contains("sheet 'Export Info': row 1: the line 'Exported 2026-05-05 10:31 JST' dates the list after the as-of date 2026-04-01"),
        "{err}"
    );
    let mut c = on_checks("ja", "report", data("k.csv"));
    c.arg("--csp").arg(&path);
    let out = c.output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("一覧の記載を実施とは読みません"));
    let (_dir, path) = workbook("2026-03-05 10:31 JST");
    let mut c = on_checks("en", "report", data("k.csv"));
    c.args(["--registration-kind", "ismap", "--format", "json", "--csp"])
        .arg(&path);
    let v = json_of(c);
    assert_eq!(common::by_id(&v["items"], "K-2")["status"], "covered");
}

/// Review 13 C-4: a published list with a few rows highlighted yellow, and a note below it
/// saying yellow marks the changes since the last edition, reads; the same note beside a
/// red highlight, or a note giving yellow a status, is still refused.
#[test]
fn a_highlight_a_note_calls_changes_reads() {
    let workbook = |fill: u32, note: &str| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("list.xlsx");
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet().set_name("管理策一覧").unwrap();
        let marked =
            rust_xlsxwriter::Format::new().set_background_color(rust_xlsxwriter::Color::RGB(fill));
        ws.write_string(0, 0, "管理策番号").unwrap();
        ws.write_string(0, 1, "管理策名").unwrap();
        for (r, (id, title)) in [
            ("9.2.1", "利用者登録及び登録削除"),
            ("9.2.3", "特権的アクセス権の管理"),
            ("9.2.4", "利用者の秘密認証情報の管理"),
            ("9.2.5", "利用者アクセス権のレビュー"),
        ]
        .iter()
        .enumerate()
        {
            let r = r as u32 + 1;
            if r == 2 {
                ws.write_string_with_format(r, 0, *id, &marked).unwrap();
                ws.write_string_with_format(r, 1, *title, &marked).unwrap();
            } else {
                ws.write_string(r, 0, *id).unwrap();
                ws.write_string(r, 1, *title).unwrap();
            }
        }
        ws.write_string(6, 0, note).unwrap();
        wb.save(&path).unwrap();
        (dir, path)
    };
    let (_dir, path) = workbook(0xFFFF00, "※ 黄色の行は前版からの変更箇所です");
    let mut c = on_checks("en", "report", data("k.csv"));
    c.args(["--registration-kind", "ismap", "--format", "json", "--csp"])
        .arg(&path);
    let v = json_of(c);
    assert_eq!(common::by_id(&v["items"], "K-2")["status"], "covered");
    for (fill, note) in [
        (0xFF0000, "※ 黄色の行は前版からの変更箇所です"),
        (0xFFFF00, "※ 黄色の行は未実施です"),
        // review 14 A-6: a change note that says more (after the audit period, effective
        // later, self-assessed) is not harmless
        (0xFFFF00, "※ 黄色の行は監査対象期間後に追加した管理策です"),
        (0xFFFF00, "※ 黄色の行は前版から変更（2027年4月から適用）"),
        (0xFFFF00, "※ 黄色の行は自己評価で追加した管理策です"),
    ] {
        let (_dir, path) = workbook(fill, note);
        let mut c = on_checks("en", "report", data("k.csv"));
        c.arg("--csp").arg(&path);
        input_error(c);
    }
}

/// Review 14 A-1: a header naming evidence in other words (`証跡・記録`, `エビデンス資料`,
/// `Evidence reference`, `確認資料`, `主な証跡`, `証跡文書`) is read as `証跡`: `なし`,
/// `none`, `無`, `特になし` there is refused; a document named there reads.
#[test]
fn evidence_under_other_headers_said_missing_is_refused() {
    for header in [
        "証跡・記録",
        "エビデンス資料",
        "Evidence reference",
        "確認資料",
        "主な証跡",
        "証跡文書",
        "証憑",
        "Supporting documents",
    ] {
        for value in ["なし", "none", "無", "特になし"] {
            let err = refused(
                "en",
                &format!("管理策番号,実施状況,{header}\n9.2.1,実施,規程A\n9.2.3,実施,{value}\n"),
            );
            assert!(
                err.contains("says there is no evidence of it"),
                "{header} = {value}: {err}"
            );
        }
        // guard: a document named reads, covered without a note
        reads_clean(header, "アクセス管理規程 v1.2");
    }
}

/// Review 14 A-13: evidence the list says has expired, is out of date or was rejected
/// (`Expired`, `Outdated`, `期限切れ`, `要更新`, `更新待ち`, `Rejected`, `差戻し`) is refused
/// (en, ja), as is a draft named first (`Draft policy v0.3`) or unapproved in English;
/// collected or submitted evidence reads.
#[test]
fn evidence_said_expired_or_rejected_is_refused() {
    for (header, value) in [
        ("Evidence status", "Expired"),
        ("Evidence status", "Outdated"),
        ("Evidence status", "Rejected"),
        ("Evidence status", "Not accepted"),
        ("証跡状況", "期限切れ"),
        ("証跡状況", "要更新"),
        ("証跡状況", "更新待ち"),
        ("証跡状況", "差戻し"),
        ("証跡", "Expired (2025-03)"),
    ] {
        let err = refused(
            "en",
            &format!("管理策番号,実施状況,{header}\n9.2.1,実施,Collected\n9.2.3,実施,{value}\n"),
        );
        assert!(
            err.contains("says its evidence has expired, is out of date or was rejected"),
            "{header} = {value}: {err}"
        );
    }
    let err = refused("ja", "管理策番号,実施状況,証跡状況\n9.2.3,実施,差戻し\n");
    assert!(err.contains("証跡が期限切れ・古い・差し戻された"), "{err}");
    for value in ["Draft policy v0.3", "Procedure v0.9 (unapproved)"] {
        let err = refused(
            "en",
            &format!("管理策番号,実施状況,Evidence\n9.2.3,実施,{value}\n"),
        );
        assert!(
            err.contains("says there is no evidence of it"),
            "{value}: {err}"
        );
    }
    // guard: evidence collected, submitted or named reads
    for (header, value) in [
        ("Evidence status", "Collected"),
        ("証跡状況", "提出済"),
        ("Evidence", "Policy v1.0"),
        ("証跡", "更新手順書 v2"),
    ] {
        reads_clean(header, value);
    }
}

/// Review 14 A-18: a validity column saying the validity is being or must be renewed
/// (`更新手続中`, `要更新`) gives no date in effect and is refused, as `未更新` is; a date
/// in effect reads.
#[test]
fn a_validity_being_renewed_is_refused() {
    for value in ["更新手続中", "要更新", "Renewal in progress"] {
        refused(
            "en",
            &format!("管理策番号,実施状況,有効期限\n9.2.1,実施,2027/03/31\n9.2.3,実施,{value}\n"),
        );
    }
    // guard: a validity date after as-of reads
    let (s, _) = status(
        "管理策番号,実施状況,有効期限\n9.2.1,実施,2099/03/31\n9.2.3,実施,2099/03/31\n",
        "K-2",
    );
    assert_eq!(s, "covered");
}

/// Review 14 A-2, C-1, C-5: an approval column named in other words (`社内承認`, `最終承認`,
/// `Sign-off`, `Management approval`) is read as `承認`: `回付中` there is refused; `済`,
/// `○`, `承認済` read with no note (they refused the list as a second status column, or
/// added a remark); an approval naming its approver (`山田部長承認済`, `Approved by CISO`)
/// reads under `承認状況` too.
#[test]
fn approval_in_other_words_is_the_approval() {
    for header in ["社内承認", "最終承認", "Sign-off", "Management approval"] {
        let err = refused(
            "en",
            &format!("管理策番号,実施状況,{header}\n9.2.1,実施,承認済\n9.2.3,実施,回付中\n"),
        );
        assert!(
            err.contains("says the statement is not approved or reviewed (yet)"),
            "{header}: {err}"
        );
        for value in ["済", "○", "承認済"] {
            let (s, reasons) = status(
                &format!(
                    "管理策番号,実施状況,{header}\n9.2.1,実施,{value}\n9.2.3,実施,{value}\n9.2.5,実施,{value}\n"
                ),
                "K-2",
            );
            assert_eq!(
                (s.as_str(), reasons.len()),
                ("covered", 0),
                "{header} = {value}"
            );
        }
    }
    for value in ["山田部長承認済", "承認済（CISO）", "Approved by CISO"] {
        reads_clean("承認状況", value);
    }
    // still refused: not approved, whoever is named
    refused(
        "en",
        "管理策番号,実施状況,承認状況\n9.2.3,実施,山田部長承認待ち\n",
    );
}

/// Review 14 C-3: a CSP workbook whose sheet is named by the (fiscal) year its list is for,
/// that year not after the as-of date's (`2025年度`, `FY2025`, `令和7年度`, `管理策一覧（2025年度）`),
/// reads as a plain sheet (it was refused on every row as a qualifier); a later year
/// (`2027年度`), a draft (`2025年度（案）`, `FY2025 Draft`), a projection (`2025年度見込み`) or a
/// status (`2025年度 未実施`) in the name is still refused.
#[test]
fn a_sheet_named_by_its_year_reads() {
    let run = |file: &str| {
        let mut c = on_checks("en", "report", data("k.csv"));
        c.args(["--format", "csv", "-o", "-", "--csp"])
            .arg(data(file));
        c.output().unwrap()
    };
    for file in [
        "sheet-2025.xlsx",
        "sheet-fy2025.xlsx",
        "sheet-r7.xlsx",
        "sheet-list-2025.xlsx",
    ] {
        let out = run(file);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for file in [
        "sheet-2027.xlsx",
        "sheet-2025-draft.xlsx",
        "sheet-fy2025-draft.xlsx",
        "sheet-2025-projected.xlsx",
        "sheet-2025-not.xlsx",
    ] {
        let out = run(file);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{file}: {err}");
        assert!(err.contains("the sheet's name"), "{file}: {err}");
    }
}
