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
