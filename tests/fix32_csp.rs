//! Session 14 fix32-csp: review 23's wrong credits and over-refusals in a CSP's list rows
//! (A-14 reasons naming a party under no assurance, A-16 `（更新中）` on the service's name,
//! A-17 evidence that is a copy, a backup or a lock file, C-15 the draft rule tripping on a
//! product's version, `成案`, `改善案`, `Drafting`, C-14 an ISMAP-LIU entry's internal-audit
//! line, `DC事業者が実施` and `データセンター事業者が実施` agreeing); fixtures in
//! `tests/data/fix32-csp/`.
mod common;

use std::path::{Path, PathBuf};

use common::{bin, by_id, data};
use serde_json::Value;

/// `readiness --implemented fix32-csp/FILE --as-of 2026-12-01 --format json` in English:
/// exit code, JSON, stderr.
fn readiness(file: &Path) -> (i32, Value, String) {
    let out = bin()
        .args(["--lang", "en", "readiness", "--implemented"])
        .arg(file)
        .args(["--as-of", "2026-12-01", "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    (out.status.code().unwrap(), v, stderr)
}

/// `report --format json` of `checks` against `csp`, as of 2026-12-01, in `lang`.
fn report(checks: &Path, csp: &Path, lang: &str) -> std::process::Output {
    bin()
        .args(["--lang", lang, "report", "--as-of", "2026-12-01"])
        .args(["--format", "json", "--checks"])
        .arg(checks)
        .arg("--csp")
        .arg(csp)
        .output()
        .unwrap()
}

/// The JSON of a report that must succeed.
fn report_json(checks: &Path, csp: &Path) -> Value {
    let out = report(checks, csp, "en");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Exit 2 with one error line and no panic: its stderr.
fn refused(checks: &Path, csp: &Path, lang: &str) -> String {
    let out = report(checks, csp, lang);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        err.lines()
            .filter(|l| l.starts_with("error") || l.starts_with("エラー"))
            .count(),
        1,
        "{err}"
    );
    err
}

/// The 9 rows stated 非該当 in the fixtures (11.1.1–11.2.3), the check items citing them
/// being numbered 1–9 in `fix32-csp/checks.csv`.
const PHYSICAL: [&str; 9] = [
    "11.1.1", "11.1.2", "11.1.3", "11.1.4", "11.1.5", "11.1.6", "11.2.1", "11.2.2", "11.2.3",
];

/// Review 23 A-14: a 非該当 reason naming the party doing it with a note that takes the
/// ground away — only planned (`IaaS事業者（予定）`), its ISMAP registration only planned or
/// applied for, not registered (`AWS（ISMAP登録予定）`, `IaaS事業者（ISMAP未登録）`,
/// `AWS（申請中）`, `ISMAP未登録のIaaS事業者が実施`, `AWS (not registered)`), a part only
/// (`IaaS事業者（一部）`) or its own assessment (`IaaS事業者（自己評価）`) — was a reason given
/// (100 % ready): none now, with why (`party-not-assured` for the unassured party).
#[test]
fn a_party_planned_unregistered_partial_or_self_assessed_is_no_reason() {
    let (_, v, stderr) = readiness(&data("fix32-csp/a14-not-assured.csv"));
    assert_eq!(v["schema_version"], 18);
    assert_eq!(
        v["summary"]["na_without_reason"], 9,
        "{} {stderr}",
        v["summary"]
    );
    assert_eq!(v["summary"]["not_applicable"], 0, "{}", v["summary"]);
    for (id, why) in PHYSICAL.iter().zip([
        "decision-not-to-implement",
        "party-not-assured",
        "party-not-assured",
        "partly-by-another",
        "party-not-assured",
        "party-not-assured",
        "party-not-assured",
        "party-not-assured",
        "party-not-assured",
    ]) {
        let i = by_id(&v["items"], id);
        assert_eq!(i["reason_judgement"], "not-accepted", "{id}: {i}");
        assert_eq!(i["reason_not_accepted"], why, "{id}: {i}");
        assert!(!i["reason"].as_str().unwrap().is_empty(), "{id}: {i}");
    }
}

/// A-14 in `report`: the same rule (one judgement of a reason), so every item citing such a
/// row is `not-applicable-without-reason`, and the CSP's exclusion keeps the text and why.
#[test]
fn report_agrees_a_party_under_no_assurance_is_no_reason() {
    let v = report_json(
        &data("fix32-csp/checks.csv"),
        &data("fix32-csp/a14-not-assured.csv"),
    );
    assert_eq!(v["schema_version"], 45);
    for n in 1..=9 {
        let item = by_id(&v["items"], &n.to_string());
        let reasons = common::strings(&item["reasons"]);
        assert!(
            reasons.contains(&"not-applicable-without-reason"),
            "{n}: {item}"
        );
        assert!(!reasons.contains(&"not-applicable"), "{n}: {item}");
    }
    let text = v.to_string();
    assert!(text.contains("party-not-assured"), "{text}");
}

/// Guards of A-14 and the two spellings of a data-centre operator doing it (fix28-csp's rule
/// left `DC事業者が実施` without a reason and `データセンター事業者が実施` with one): a
/// registration in effect or its number in the note, a region, a sentence in the note that
/// holds `未登録`, and the operator doing it in either spelling (`DC事業者が実施`,
/// `データセンター事業者が実施`, `DC事業者側で実施`, `データセンタ事業者が管理`) stay reasons,
/// in `readiness` and in `report`. (`DC事業者` alone still says no more who it is:
/// `tests/fix28_csp.rs`.)
#[test]
fn a_registered_party_and_either_spelling_of_the_operator_stay_reasons() {
    let (code, v, stderr) = readiness(&data("fix32-csp/a14-guards.csv"));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(v["summary"]["na_without_reason"], 0, "{}", v["summary"]);
    assert_eq!(v["summary"]["not_applicable"], 9, "{}", v["summary"]);
    for id in PHYSICAL {
        let i = by_id(&v["items"], id);
        assert_eq!(i["reason_judgement"], "given", "{id}: {i}");
    }
    let v = report_json(
        &data("fix32-csp/checks.csv"),
        &data("fix32-csp/a14-guards.csv"),
    );
    for n in 1..=9 {
        let item = by_id(&v["items"], &n.to_string());
        let reasons = common::strings(&item["reasons"]);
        assert!(reasons.contains(&"not-applicable"), "{n}: {item}");
        assert!(
            !reasons.contains(&"not-applicable-without-reason"),
            "{n}: {item}"
        );
    }
}

/// `fix32-csp/k.csv`: items 1 and 2 citing 9.2.1 and 9.2.3.
fn k() -> PathBuf {
    data("fix32-csp/k.csv")
}

/// A CSV under `登録区分: ISMAP`: 9.2.1 `実施` with `evidence` under `証跡`, 9.2.3 `実施`
/// with `規程A.pdf`.
fn with_evidence(dir: &Path, name: &str, evidence: &str) -> PathBuf {
    let path = dir.join(name);
    let quoted = format!("\"{}\"", evidence.replace('"', "\"\""));
    std::fs::write(
        &path,
        format!("登録区分: ISMAP\n管理策番号,実施状況,証跡\n9.2.1,実施,{quoted}\n9.2.3,実施,規程A.pdf\n"),
    )
    .unwrap();
    path
}

/// Items 1 and 2 of `k.csv` covered by `csp`, or the panic naming it.
fn assert_covered(csp: &Path) {
    let v = report_json(&k(), csp);
    for id in ["1", "2"] {
        assert_eq!(by_id(&v["items"], id)["status"], "covered", "{csp:?}");
    }
}

/// `path` (from [`with_evidence`]) read: both items covered in `report`, and 9.2.1 with its
/// evidence in `readiness`.
fn reads_as_evidence(path: &Path) {
    assert_covered(path);
    assert!(
        !findings_of_9_2_1(path).contains(&"no-evidence".to_owned()),
        "{path:?}"
    );
}

/// The findings `readiness` gives 9.2.1 of `path`.
fn findings_of_9_2_1(path: &Path) -> Vec<String> {
    let (code, v, stderr) = readiness(path);
    assert_eq!(code, 0, "{stderr}");
    by_id(&v["items"], "9.2.1")["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().to_owned())
        .collect()
}

/// Review 23 A-17: evidence that is not the document but a copy, a backup or an editor's lock
/// file (`~$規程.docx`, `規程 - コピー.docx`, `規程 (1).docx`, `規程_bak.docx`,
/// `規程.docx.bak`, `Copy of Policy.docx`, `規程 のコピー.docx`) was credited: refused in
/// `report` as a draft or old document is (naming the mark, en and ja), and in `readiness` the
/// row's finding 証跡なし (the row alone: 9.2.3 beside it keeps its evidence).
#[test]
fn evidence_that_is_a_copy_a_backup_or_a_lock_file_is_no_evidence() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (evidence, said)) in [
        ("~$規程.docx", "('~$'"),
        ("規程 - コピー.docx", "('コピー'"),
        ("規程 - コピー (2).docx", "('コピー'"),
        ("規程 (1).docx", "('(1)'"),
        ("/ISMS/FY2025/規程_bak.docx", "('bak'"),
        ("規程.docx.bak", "('.bak'"),
        ("Copy of Policy.docx", "('copy of'"),
        ("規程 のコピー.docx", "('コピー'"),
        ("Policy copy.docx", "('copy'"),
    ]
    .into_iter()
    .enumerate()
    {
        let path = with_evidence(dir.path(), &format!("e{i}.csv"), evidence);
        let err = refused(&k(), &path, "en");
        assert!(err.contains(said), "{evidence}: {err}");
        assert!(
            err.contains("a copy, a backup or a lock file"),
            "{evidence}: {err}"
        );
        assert!(err.contains("column '証跡'"), "{evidence}: {err}");
        let findings = findings_of_9_2_1(&path);
        assert!(
            findings.contains(&"no-evidence".to_owned()),
            "{evidence}: {findings:?}"
        );
    }
    let path = with_evidence(dir.path(), "ja.csv", "~$規程.docx");
    let err = refused(&k(), &path, "ja");
    assert!(
        err.contains("コピー・バックアップ・ロックファイル"),
        "{err}"
    );
    let (_, v, _) = readiness(&path);
    let findings = &by_id(&v["items"], "9.2.3")["findings"];
    assert_eq!(findings.as_array().unwrap().len(), 0, "{findings}");
}

/// Guard of A-17: a copier's rules, a procedure for copying data, a form numbered without the
/// space a system writes, a backup record and the word `copy` as the file's whole name read.
#[test]
fn ordinary_names_beside_copies_still_read() {
    let dir = tempfile::tempdir().unwrap();
    for (i, evidence) in [
        "コピー機管理規程.docx",
        "データコピー手順書.docx",
        "様式(1).xlsx",
        "バックアップ取得記録.xlsx",
        "backup_policy.pdf",
        "Copyright_policy.pdf",
    ]
    .into_iter()
    .enumerate()
    {
        reads_as_evidence(&with_evidence(dir.path(), &format!("g{i}.csv"), evidence));
    }
}

/// Review 23 C-15 (over-refusal): the draft rule refused the whole list for a product's
/// version inside a name (`監視エージェントv0.9導入手順書.docx`, `OpenSSL_v0.9.8対応記録.xlsx`),
/// a settled text (`ID管理規程_成案.pdf`), an improvement plan (`改善案_2025年度.xlsx`) and a
/// policy on drafting (`Drafting policy.docx`): each reads (covered), and in `readiness` has
/// its evidence.
#[test]
fn a_product_version_a_settled_text_a_plan_or_drafting_is_no_draft() {
    let dir = tempfile::tempdir().unwrap();
    for (i, evidence) in [
        "監視エージェントv0.9導入手順書.docx",
        "OpenSSL_v0.9.8対応記録.xlsx",
        "ID管理規程_成案.pdf",
        "改善案_2025年度.xlsx",
        "Drafting policy.docx",
        "規程_v1.0.docx",
    ]
    .into_iter()
    .enumerate()
    {
        reads_as_evidence(&with_evidence(dir.path(), &format!("g{i}.csv"), evidence));
    }
}

/// Guard of C-15: the document's own version below 1.0 (at the end of its name, before `版`
/// or a separator), a draft named so in English as a word (`Draft policy`, `DraftPolicy`),
/// and a draft by `案` (`改善計画案`, `最終案`) are still refused in `report`, and in
/// `readiness` the row alone is 証跡なし.
#[test]
fn the_documents_own_draft_marks_are_still_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (i, evidence) in [
        "規程_v0.9.docx",
        "規程v0.9_draft.docx",
        "規程_第0.5版.docx",
        "規程_v0.9.1.docx",
        "Draft policy.docx",
        "DraftPolicy.docx",
        "改善計画案.xlsx",
        "規程_最終案.docx",
    ]
    .into_iter()
    .enumerate()
    {
        let path = with_evidence(dir.path(), &format!("e{i}.csv"), evidence);
        refused(&k(), &path, "en");
        assert!(
            findings_of_9_2_1(&path).contains(&"no-evidence".to_owned()),
            "{evidence}"
        );
    }
}

/// A pasted entry of `kind` (`ISMAP` or `ISMAP-LIU`) with `line` (none when empty) between
/// its fields and its control list (9.2.1, 9.2.3).
fn entry(dir: &Path, name: &str, kind: &str, line: &str) -> PathBuf {
    let path = dir.join(name);
    let title = if kind == "ISMAP-LIU" {
        "ISMAP-LIUクラウドサービスリスト"
    } else {
        "ISMAPクラウドサービスリスト"
    };
    let number = if kind == "ISMAP-LIU" {
        "L24-0001-1"
    } else {
        "C24-0001-1"
    };
    let line = if line.is_empty() {
        String::new()
    } else {
        format!("{line}\n")
    };
    std::fs::write(
        &path,
        format!(
            "{title}\n登録番号\t{number}\nクラウドサービスの名称\tサンプルSaaS\n登録区分\t{kind}\n登録日\t2025年3月1日\n登録の更新期限\t2027年3月31日\n監査対象期間\t2025年4月1日～2026年3月31日\n{line}基本言明要件のうち実施している統制目標の管理策\n9.2.1\n9.2.3\n"
        ),
    )
    .unwrap();
    path
}

/// Review 23 C-14 (over-refusal): an ISMAP-LIU entry's line `本一覧は内部監査結果に基づく`
/// (LIU submits the internal audit's results: the track's ordinary basis) refused the entry:
/// read now, the items judged as on any LIU entry (`ismap-liu`). On an ISMAP entry the same
/// line says the list is not the third-party audit's: still refused, now as the provider's
/// own assessment (en, ja); on an LIU entry a self-assessment (`自己評価`) is still refused.
#[test]
fn an_liu_entry_based_on_internal_audit_reads_and_an_ismap_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (i, line) in ["本一覧は内部監査結果に基づく", "", "内部監査結果による"]
        .into_iter()
        .enumerate()
    {
        let path = entry(dir.path(), &format!("liu{i}.txt"), "ISMAP-LIU", line);
        let v = report_json(&k(), &path);
        for id in ["1", "2"] {
            let item = by_id(&v["items"], id);
            assert!(
                common::strings(&item["reasons"]).contains(&"ismap-liu"),
                "{line}: {item}"
            );
        }
    }
    let path = entry(
        dir.path(),
        "ismap.txt",
        "ISMAP",
        "本一覧は内部監査結果に基づく",
    );
    let err = refused(&k(), &path, "en");
    assert!(err.contains("line 8"), "{err}");
    assert!(err.contains("内部監査"), "{err}");
    assert!(err.contains("marks the list as a draft"), "{err}");
    let err = refused(&k(), &path, "ja");
    assert!(err.contains("内部監査"), "{err}");
    let path = entry(
        dir.path(),
        "liu-self.txt",
        "ISMAP-LIU",
        "本一覧は自己評価による",
    );
    let err = refused(&k(), &path, "en");
    assert!(err.contains("自己評価"), "{err}");
}

/// A CSV under `サービス名: NAME` and `登録区分: ISMAP`: 9.2.1 and 9.2.3 `実施`.
fn named_table(dir: &Path, file: &str, name: &str) -> PathBuf {
    let path = dir.join(file);
    std::fs::write(
        &path,
        format!(
            "サービス名: {name}\n登録区分: ISMAP\n管理策番号,実施状況\n9.2.1,実施\n9.2.3,実施\n"
        ),
    )
    .unwrap();
    path
}

/// Review 23 A-16 (rest): the service's name noting the registration's state with a word
/// that is one only as a note (`サンプルSaaS（更新中）`, `（停止中）`) was credited — in a
/// pasted entry the value was judged again whole, and above a status table only the row's
/// whole text was: refused naming the word, in both. Guard: a name holding `更新` in its own
/// words (`更新管理SaaS`, `サンプルSaaS（更新版）`) or a plan's name in brackets reads.
#[test]
fn a_name_noting_its_registration_under_renewal_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (name, word)) in [
        ("サンプルSaaS（更新中）", "'更新中'"),
        ("サンプルSaaS（停止中）", "'停止中'"),
    ]
    .into_iter()
    .enumerate()
    {
        let pasted = dir.path().join(format!("p{i}.txt"));
        std::fs::write(
            &pasted,
            format!("ISMAPクラウドサービスリスト\n登録番号\tC24-0001-1\nクラウドサービスの名称\t{name}\n登録区分\tISMAP\n登録日\t2025年3月1日\n登録の更新期限\t2027年3月31日\n監査対象期間\t2025年4月1日～2026年3月31日\n基本言明要件のうち実施している統制目標の管理策\n9.2.1\n9.2.3\n"),
        )
        .unwrap();
        let err = refused(&k(), &pasted, "en");
        assert!(
            err.contains("states the registration's state"),
            "{name}: {err}"
        );
        assert!(err.contains(word), "{name}: {err}");
        assert!(err.contains("line 3"), "{name}: {err}");
        let table = named_table(dir.path(), &format!("t{i}.csv"), name);
        let err = refused(&k(), &table, "en");
        assert!(
            err.contains("states the registration's state"),
            "{name}: {err}"
        );
        assert!(err.contains(word), "{name}: {err}");
        assert!(err.contains("row 1"), "{name}: {err}");
        let err = refused(&k(), &table, "ja");
        assert!(err.contains("登録の状態"), "{name}: {err}");
    }
    for (i, name) in [
        "更新管理SaaS",
        "サンプルSaaS（更新版）",
        "サンプルSaaS（Standard）",
    ]
    .into_iter()
    .enumerate()
    {
        assert_covered(&named_table(dir.path(), &format!("g{i}.csv"), name));
    }
}
