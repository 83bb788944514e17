//! Session 10's readiness findings (`tests/data/fix19-ready/`): "we don't do it / no staff /
//! too hard" is no reason for 非該当 (review 15 A-2); evidence saying it is being prepared,
//! requested, zero or more needed is the finding 証跡なし in `readiness` and refused in
//! `report` (review 15 A-1, C-7); a list that states detailed controls counts the mandatory
//! B/PB details it omits (review 15 A-10).
mod common;

use common::{by_id, data, json_of};
use serde_json::json;

fn fixture(name: &str) -> std::path::PathBuf {
    data(&format!("fix19-ready/{name}"))
}

/// `readiness --implemented LIST --format json` in `lang`.
fn readiness(lang: &str, list: &str) -> serde_json::Value {
    let mut c = common::bin();
    c.args(["--lang", lang, "readiness", "--implemented"])
        .arg(fixture(list))
        .args(["--as-of", "2026-12-01", "--format", "json"]);
    json_of(c)
}

/// `na-own.csv`: the control not done or the CSP's own lack (were `given`, 準備率 as if
/// excluded) are `not-implemented`, counted without a reason, and `--fail-on missing` fails;
/// a cause about the service (no physical servers, the IaaS by name, no personal data, no
/// telework, no outsourced development) stays a reason.
#[test]
fn not_doing_it_or_lacking_staff_is_no_reason_for_not_applicable() {
    let v = readiness("ja", "na-own.csv");
    assert_eq!(
        v["na_without_reason"],
        json!(["9.2.3", "10.1.1", "12.1.4", "14.2.1", "16.1.2"])
    );
    for id in ["9.2.3", "10.1.1", "12.1.4", "14.2.1", "16.1.2"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["reason_judgement"], "not-accepted", "{item}");
        assert_eq!(item["reason_not_accepted"], "not-implemented", "{item}");
        assert!(!item["reason"].as_str().unwrap().is_empty(), "{item}");
    }
    for id in ["11.1.1", "11.1.2", "18.1.4", "6.2.2", "14.2.7"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["reason_judgement"], "given", "{item}");
    }
    let mut c = common::bin();
    c.args(["--lang", "en", "readiness", "--implemented"])
        .arg(fixture("na-own.csv"))
        .args(["--as-of", "2026-12-01", "--fail-on", "missing"]);
    assert_eq!(c.output().unwrap().status.code(), Some(1));
}

/// `ev-readiness.csv`: evidence being prepared (`作成予定`, `準備中`, `2027年4月作成予定`: the
/// whole list was refused), requested (`依頼中`, `Requested`), zero (`0件`, `0/3`, `0 of 3`)
/// or more needed (`要追加`) is the finding 証跡なし (were "evidence present"); a count of
/// some (`10件`) and a document (`手順書v2.0（2025年作成）`) are evidence (guards).
#[test]
fn evidence_being_prepared_or_counting_none_is_no_evidence_in_readiness() {
    let v = readiness("ja", "ev-readiness.csv");
    assert_eq!(
        v["evidence_missing"],
        json!(["9.2.1", "9.2.2", "9.2.3", "9.2.4", "9.2.5", "9.2.6", "12.3.1", "12.4.1", "12.4.2"])
    );
    for id in ["5.1.1", "5.1.2", "12.4.3"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["state"], "implemented", "{item}");
        assert_eq!(item["findings"], json!([]), "{item}");
    }
}

/// One more qualifier: an evidence cell that also says the control is not done
/// (`未実施（作成予定）`) is the control's status, still refused.
#[test]
fn evidence_saying_the_control_is_not_done_is_still_refused() {
    let mut c = common::bin();
    c.args(["--lang", "en", "readiness", "--implemented"])
        .arg(fixture("ev-readiness-notdone.csv"))
        .args(["--as-of", "2026-12-01"]);
    let err = common::input_error(c);
    assert!(err.contains("未実施（作成予定）"), "{err}");
}

/// `report` with evidence `0件`, `0/3`, `0 of 3`, `依頼中`, `Requested`, `要追加`, `作成予定`, `None yet`
/// for 9.2.3 stated implemented: refused naming the cell (was a bare 充足); `10件` and `3/3`
/// are evidence and stay 充足 (guards).
#[test]
fn evidence_counting_none_or_requested_is_refused_in_report() {
    // 10: `None yet` (review 16 A-11)
    for n in (1..=7).chain([10]) {
        let mut c = common::on_checks("en", "report", fixture("chk.csv"));
        c.arg("--csp")
            .arg(fixture(&format!("ev-report-{n}.csv")))
            .args(["--registration-kind", "ismap"]);
        let err = common::input_error(c);
        assert!(err.contains("column 'Evidence'"), "{n}: {err}");
    }
    for n in 8..=9 {
        let mut c = common::on_checks("en", "report", fixture("chk.csv"));
        c.arg("--csp")
            .arg(fixture(&format!("ev-report-{n}.csv")))
            .args(["--registration-kind", "ismap", "--format", "json"]);
        let v = json_of(c);
        assert_eq!(by_id(&v["items"], "Q-1")["status"], "covered", "{n}");
    }
}

/// `details-annex.xlsx` (review 15 A-10): a workbook whose annex sheet states five detailed
/// controls omits 29 mandatory B/PB details of objectives it states implemented: each is
/// 記載なし, counted missing (were a note only, 準備率 99.6%), and `--fail-on missing` fails.
#[test]
fn a_list_stating_details_counts_the_basic_details_it_omits() {
    let v = readiness("en", "details-annex.xlsx");
    let missing: Vec<&str> = common::strings(&v["missing"]);
    for id in ["9.2.1.6.PB", "12.4.1.15.PB", "15.1.1.14.B", "18.1.5.7.PB"] {
        assert!(missing.contains(&id), "{id}: {missing:?}");
        let item = by_id(&v["items"], id);
        assert_eq!(item["state"], "not-listed", "{item}");
        assert_eq!(item["required"], true, "{item}");
    }
    assert_eq!(v["summary"]["missing"], 30, "{}", v["summary"]);
    assert!(!v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["code"] == "basic-details-not-stated"));
    let mut c = common::bin();
    c.args(["--lang", "en", "readiness", "--implemented"])
        .arg(fixture("details-annex.xlsx"))
        .args(["--as-of", "2026-12-01", "--fail-on", "missing"]);
    assert_eq!(c.output().unwrap().status.code(), Some(1));
}

/// Guards: a list of objectives alone (`na-own.csv`) says nothing about details — noted, not
/// counted, as before; a list stating a detail (`details-some.csv`) counts the omitted basic
/// details of objectives it states implemented (12.4.1.15.PB) only — of an objective planned
/// (9.2.1) or not listed (9.4.2) the objective is the finding, the details are noted.
#[test]
fn omitted_basic_details_count_only_where_the_list_states_details_and_the_objective() {
    let v = readiness("en", "na-own.csv");
    assert!(
        !common::strings(&v["missing"])
            .iter()
            .any(|id| id.ends_with(".PB") || id.ends_with(".B")),
        "{}",
        v["missing"]
    );
    let note = |v: &serde_json::Value| {
        v["notes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["code"] == "basic-details-not-stated")
            .map(|n| n["message"].as_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    assert!(
        note(&v).contains("a list of objectives says nothing"),
        "{}",
        note(&v)
    );
    let v = readiness("en", "details-some.csv");
    let missing = common::strings(&v["missing"]);
    assert!(missing.contains(&"12.4.1.15.PB"), "{missing:?}");
    for id in ["9.2.1.6.PB", "9.4.2.2.B", "9.2.3.11.PB"] {
        assert!(!missing.contains(&id), "{id}: {missing:?}");
    }
    assert_eq!(common::strings(&v["planned"]), ["9.2.1"]);
    let n = note(&v);
    assert!(
        n.contains("9.2.1.6.PB") && n.contains("not counted on their own"),
        "{n}"
    );
}
