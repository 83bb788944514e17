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
