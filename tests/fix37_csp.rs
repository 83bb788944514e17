//! Session 16 (fix37-csp, `tests/data/fix37-csp/`): review 24 B-3 (non-reasons for 非該当
//! beside their refused twins: the company's policy, "by design", the service or SaaS alone,
//! "see the statement", a group company doing it), review 24 E (an owner not assigned on an
//! implemented row; a renewal deadline years ahead; the evidence labels of an English JSON),
//! a POA&M column or item on an implemented row, and session 15's rest (diff warns of a
//! renewal pending; a profile's `renewal_pending`).
mod common;

use std::path::{Path, PathBuf};

use common::{bin, by_id, input_error, json_of};

fn fixture(name: &str) -> PathBuf {
    common::data("fix37-csp").join(name)
}

/// `ismap-gap --lang LANG report --as-of AS_OF --format json --checks checks.csv --csp CSP`.
fn report(lang: &str, csp: &Path, as_of: &str) -> assert_cmd::Command {
    let mut c = bin();
    c.args([
        "--lang", lang, "report", "--as-of", as_of, "--format", "json",
    ])
    .arg("--checks")
    .arg(fixture("checks.csv"))
    .arg("--csp")
    .arg(csp);
    c
}

/// `na-base.csv` with the row `9.2.3 | 非該当 | REASON`, written to a temporary folder.
fn na_list(dir: &Path, name: &str, reason: &str) -> PathBuf {
    let base = std::fs::read_to_string(fixture("na-base.csv")).unwrap();
    let path = dir.join(name);
    let reason = reason.replace('"', "\"\"");
    std::fs::write(
        &path,
        format!("{base}9.2.3,特権的アクセス権の管理,非該当,\"{reason}\"\n"),
    )
    .unwrap();
    path
}

/// `readiness --implemented LIST --format json`: the item 9.2.3's `reason_judgement` and
/// `reason_not_accepted`.
fn readiness_judgement(list: &Path) -> (String, String) {
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "readiness",
        "--as-of",
        "2026-12-01",
        "--format",
        "json",
    ])
    .arg("--implemented")
    .arg(list);
    let v = json_of(c);
    let item = by_id(&v["items"], "9.2.3");
    let s = |k: &str| item[k].as_str().unwrap_or("").to_owned();
    (s("reason_judgement"), s("reason_not_accepted"))
}

/// Review 24 B-3: each of these was counted "not applicable with a reason" (audit-ready in
/// readiness, no `reason_not_accepted` in report), beside a refused twin: the company's
/// policy is its judgement (`当社の判断により` → no-ground), "by design" too; the service,
/// SaaS or the statement named alone (`該当しないため` → no-cause); a parent or group company
/// doing it is another party (`委託先が実施` → subcontractor-does-it).
#[test]
fn b3_non_reasons_for_not_applicable_are_not_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("当社方針により", "not-accepted", "no-ground"),
        ("当社の方針により", "not-accepted", "no-ground"),
        ("By design", "not-accepted", "no-ground"),
        ("Per company policy", "not-accepted", "no-ground"),
        ("クラウドサービスの特性上", "not-accepted", "no-ground"),
        ("仕様上該当しない", "not-accepted", "no-ground"),
        ("本サービスでは該当しない", "no-reason", "no-cause"),
        ("SaaSのため", "no-reason", "no-cause"),
        ("Not applicable to SaaS", "no-reason", "no-cause"),
        ("理由は言明書を参照", "no-reason", "no-cause"),
        (
            "Handled by parent company",
            "not-accepted",
            "subcontractor-does-it",
        ),
        ("親会社が実施", "not-accepted", "subcontractor-does-it"),
        (
            "グループ会社で管理",
            "not-accepted",
            "subcontractor-does-it",
        ),
    ];
    for (i, (reason, judgement, code)) in cases.iter().enumerate() {
        let list = na_list(dir.path(), &format!("na{i}.csv"), reason);
        assert_eq!(
            readiness_judgement(&list),
            ((*judgement).to_owned(), (*code).to_owned()),
            "{reason}"
        );
    }
}

/// The refusals above leave real reasons read: a cause, with the service or the company's
/// policy named beside it, is a reason (audit-ready, no `reason_not_accepted`).
#[test]
fn b3_real_reasons_still_read() {
    let dir = tempfile::tempdir().unwrap();
    for (i, reason) in [
        "物理サーバを保有しないため",
        "暗号鍵は利用者が管理するため",
        "本サービスは特権IDを発行しないため",
        "SaaSのため物理媒体を扱わない",
        "当社の方針上、特権IDを発行しないため",
        "Not applicable: the service issues no privileged accounts",
        "N/A - no privileged accounts are issued",
        "インフラはAWSが管理",
    ]
    .iter()
    .enumerate()
    {
        let list = na_list(dir.path(), &format!("ok{i}.csv"), reason);
        assert_eq!(
            readiness_judgement(&list),
            ("given".to_owned(), String::new()),
            "{reason}"
        );
    }
}

/// B-3 in report: the same one judgement — the reason written is kept with why it gives
/// none, and the item says so (`not-applicable-without-reason`).
#[test]
fn b3_report_names_the_reason_not_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let list = na_list(dir.path(), "na.csv", "当社方針により");
    let v = json_of(report("en", &list, "2026-12-01"));
    let item = by_id(&v["items"], "C-02");
    let na = &item["not_applicable"][0];
    assert_eq!(na["reason_written"], "当社方針により", "{item}");
    assert_eq!(na["reason_not_accepted"], "no-ground", "{item}");
    assert!(
        item["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "not-applicable-without-reason"),
        "{item}"
    );
}

/// B-3 in diff: a real reason replaced by `SaaSのため` is a reason no longer given.
#[test]
fn b3_diff_reason_no_longer_given() {
    let dir = tempfile::tempdir().unwrap();
    let old = na_list(dir.path(), "old.csv", "物理サーバを保有しないため");
    let new = na_list(dir.path(), "new.csv", "SaaSのため");
    let mut c = bin();
    c.args(["diff", "--as-of", "2026-12-01", "--format", "json"])
        .arg(&old)
        .arg(&new);
    let v = json_of(c);
    let changed = v["changed"].as_array().unwrap();
    let c = changed.iter().find(|c| c["id"] == "9.2.3").unwrap();
    assert!(
        c["fields"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f == "reason_no_longer_given"),
        "{c}"
    );
    assert_eq!(c["new"]["reason_given"], false, "{c}");
    assert_eq!(c["old"]["reason_given"], true, "{c}");
}

/// Review 24 E: an owner not assigned yet (`未定`, `Unassigned`, `TBD`) on an implemented
/// row was a bare `covered` while `Evidence | TBD` is refused: no one is named answerable for
/// the control, a note on the item (`covered *`, csp-remark quoting it). A named owner, or
/// a dash (a blank), says nothing.
#[test]
fn e_owner_not_assigned_is_a_note() {
    let v = json_of(report("en", &fixture("owner.csv"), "2026-12-01"));
    let reasons = |id: &str| by_id(&v["items"], id)["reasons"].clone();
    assert_eq!(reasons("C-01"), serde_json::json!([]));
    assert_eq!(reasons("C-03"), serde_json::json!([]));
    for id in ["C-02", "C-04"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "covered", "{item}");
        assert_eq!(item["reasons"], serde_json::json!(["csp-remark"]), "{item}");
    }
    let remark = &by_id(&v["items"], "C-02")["csp_remarks"][0]["remark"];
    assert_eq!(remark, "Owner: 未定");
    // the reviewer's own fixture: `Owner | TBD`
    let v = json_of(report("en", &fixture("g-owner-tbd.xlsx"), "2026-12-01"));
    let item = by_id(&v["items"], "C-02");
    assert_eq!(item["reasons"], serde_json::json!(["csp-remark"]), "{item}");
    assert_eq!(by_id(&v["items"], "C-01")["reasons"], serde_json::json!([]));
}

/// Review 24 E: `items[].csp_evidence[].remark` of an English JSON labelled `証跡:`/`担当:`
/// while the procedure beside it said `evidence:`/`owner:`: labelled in the output's
/// language.
#[test]
fn e_evidence_labels_in_the_output_language() {
    let csp = fixture("g-owner-tbd.xlsx");
    let v = json_of(report("en", &csp, "2026-12-01"));
    let ev = &by_id(&v["items"], "C-01")["csp_evidence"][0]["remark"];
    assert_eq!(ev, "evidence: IAM-SOP; owner: IAM");
    let v = json_of(report("ja", &csp, "2026-12-01"));
    let ev = &by_id(&v["items"], "C-01")["csp_evidence"][0]["remark"];
    assert_eq!(ev, "証跡: IAM-SOP; 担当: IAM");
}

/// A POA&M column (`POA&M | POAM-123`) on an implemented row was a remark (`covered *`): an
/// open remediation item against the control, as `改善計画` or a finding — the row is not
/// read as implemented (exit 2 naming the column). So is a POA&M item in a remark.
#[test]
fn poam_item_on_an_implemented_row_is_refused() {
    let err = input_error(report("en", &fixture("poam.csv"), "2026-12-01"));
    assert!(err.contains("column 'POA&M'"), "{err}");
    assert!(err.contains("POAM-123"), "{err}");
    let err = input_error(report("en", &fixture("poam-remark.csv"), "2026-12-01"));
    assert!(err.contains("POAM-123"), "{err}");
}

/// The POA&M column empty, `None` or a closed item (`Closed`, `POAM-12 (closed)`) reads:
/// nothing open against the control. So does a remark naming the POA&M process without an
/// item, or a closed item.
#[test]
fn poam_column_with_nothing_open_reads() {
    let v = json_of(report("en", &fixture("poam-closed.csv"), "2026-12-01"));
    for id in ["C-01", "C-02", "C-03", "C-04"] {
        assert_eq!(by_id(&v["items"], id)["status"], "covered", "{id}");
    }
    let v = json_of(report("en", &fixture("poam-prose.csv"), "2026-12-01"));
    for id in ["C-01", "C-02", "C-03"] {
        assert_eq!(by_id(&v["items"], id)["status"], "covered", "{id}");
    }
}

fn warning_codes(v: &serde_json::Value) -> Vec<String> {
    v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap().to_owned())
        .collect()
}

/// Review 24 E: a renewal deadline years after the audit period's end (or, with none,
/// after --as-of) was taken as valid silently: warned of (`renewal-deadline-implausible`),
/// the registration still valid (the scheme's exact rule is not in the reference data). An
/// ordinary deadline (16 months after the audit period) has no warning.
#[test]
fn e_renewal_deadline_years_ahead_is_warned_of() {
    for csp in ["far-deadline.yaml", "far-deadline-no-period.yaml"] {
        let v = json_of(report("en", &fixture(csp), "2026-12-01"));
        assert!(
            warning_codes(&v).contains(&"renewal-deadline-implausible".to_owned()),
            "{csp}: {}",
            v["warnings"]
        );
        assert_eq!(v["csp"]["registration"], "valid", "{csp}");
    }
    let v = json_of(report("en", &fixture("near-deadline.yaml"), "2026-12-01"));
    assert!(!warning_codes(&v).contains(&"renewal-deadline-implausible".to_owned()));
    // compare gives the CSP's warnings too
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "compare",
        "--as-of",
        "2026-12-01",
        "--format",
        "json",
    ])
    .arg("--checks")
    .arg(fixture("checks.csv"))
    .arg("--csp")
    .arg(fixture("far-deadline.yaml"))
    .arg("--csp")
    .arg(fixture("near-deadline.yaml"));
    let v = json_of(c);
    let text = v["csps"].to_string();
    assert_eq!(
        text.matches("renewal-deadline-implausible").count(),
        1,
        "{text}"
    );
}

/// Session 15's rest: a profile's `renewal_pending: true` past its renewal deadline makes
/// the registration `renewal-pending` (never lapsed, nothing covered), as the entry's words
/// do; `false` leaves it lapsed; with no deadline it is refused.
#[test]
fn profile_renewal_pending() {
    let v = json_of(report("en", &fixture("pending.yaml"), "2026-06-01"));
    assert_eq!(v["csp"]["registration"], "renewal-pending");
    let item = by_id(&v["items"], "C-01");
    assert_eq!(item["status"], "assurance-gap", "{item}");
    assert!(warning_codes(&v).contains(&"registration-renewal-pending".to_owned()));
    let v = json_of(report("en", &fixture("not-pending.yaml"), "2026-06-01"));
    assert_eq!(v["csp"]["registration"], "lapsed");
    let err = input_error(report(
        "en",
        &fixture("pending-no-deadline.yaml"),
        "2026-06-01",
    ));
    assert!(err.contains("renewal_pending"), "{err}");
    // before the deadline, the renewal applied for changes nothing: valid
    let v = json_of(report("en", &fixture("pending.yaml"), "2026-02-01"));
    assert_eq!(v["csp"]["registration"], "valid");
}

/// Session 15's rest: diff warned of a lapsed registration but not of a renewal pending:
/// the new side past its deadline with its renewal applied for is not in effect.
#[test]
fn diff_warns_of_renewal_pending() {
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "diff",
        "--as-of",
        "2026-06-01",
        "--format",
        "json",
    ])
    .arg(fixture("near-deadline.yaml"))
    .arg(fixture("pending.yaml"));
    let v = json_of(c);
    let new: Vec<&serde_json::Value> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["side"] == "new")
        .collect();
    assert!(
        new.iter()
            .any(|w| w["code"] == "registration-renewal-pending"),
        "{}",
        v["warnings"]
    );
    assert_eq!(v["summary"]["new_not_in_effect"], true);
    assert_eq!(v["new"]["registration"], "renewal-pending");
}

/// Session 15's rest of review 23 B-1: `9.2.1.B` in a list (a suffix the catalog does not
/// have). report's summary warning said the item had "a value that could not be read";
/// it now says why. readiness kept 9.2.1 "not listed" with only the unknown id noted: it
/// still counts it so (fail closed) and names both ids (`csp-id-suffix-unknown`).
#[test]
fn b1_suffix_unknown_said_in_report_and_readiness() {
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "report",
        "--as-of",
        "2026-12-01",
        "--format",
        "json",
    ])
    .arg("--checks")
    .arg(fixture("checks-3items.csv"))
    .arg("--csp")
    .arg(fixture("B1-suffix.txt"));
    let v = json_of(c);
    assert_eq!(by_id(&v["items"], "1")["status"], "not-analysed");
    let w = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "items-not-analysed")
        .unwrap();
    let m = w["message"].as_str().unwrap();
    assert!(m.contains("suffix the catalog does not have"), "{m}");
    assert!(!m.contains("could not be read"), "{m}");
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "readiness",
        "--as-of",
        "2026-12-01",
        "--format",
        "json",
    ])
    .arg("--implemented")
    .arg(fixture("B1-suffix.txt"));
    let v = json_of(c);
    let item = by_id(&v["items"], "9.2.1");
    assert_eq!(item["state"], "not-listed", "{item}");
    let note = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["code"] == "csp-id-suffix-unknown")
        .unwrap_or_else(|| panic!("{}", v["notes"]));
    assert!(
        note["message"]
            .as_str()
            .unwrap()
            .contains("9.2.1.B (9.2.1)"),
        "{note}"
    );
}
