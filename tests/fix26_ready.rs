//! Review 19's readiness findings (`tests/data/fix26-ready/`): an objective stated
//! implemented whose item is stated otherwise is counted once, by that item's finding, so
//! every row adds up; objectives inherited from a service whose registration the
//! input does not confirm (no renewal deadline, kind unstated, ISMAP-LIU) are not counted
//! implemented.
mod common;

use common::{bin, by_id, data, example, strings};
use serde_json::Value;

/// `readiness --implemented fix26-ready/FILE --as-of 2026-12-01 --fail-on missing
/// --format json` in English: exit code, JSON, stderr.
fn readiness(file: &str) -> (i32, Value, String) {
    readiness_of(data(&format!("fix26-ready/{file}")))
}

fn readiness_of(path: std::path::PathBuf) -> (i32, Value, String) {
    let out = bin()
        .args(["--lang", "en", "readiness", "--implemented"])
        .arg(path)
        .args(["--as-of", "2026-12-01", "--fail-on", "missing"])
        .args(["--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    (out.status.code().unwrap(), v, stderr)
}

fn n(c: &Value, key: &str) -> u64 {
    c[key].as_u64().unwrap_or_else(|| panic!("{key}: {c}"))
}

/// Every required item is in exactly one of the columns from implemented to underlying
/// not in effect, for the total and for every group.
fn assert_adds_up(v: &Value) {
    let groups = v["groups"].as_array().unwrap();
    for (label, c) in std::iter::once(("total", &v["summary"])).chain(
        groups
            .iter()
            .map(|g| (g["key"].as_str().unwrap(), &g["counts"])),
    ) {
        let sum: u64 = [
            "implemented",
            "not_applicable",
            "na_without_reason",
            "planned",
            "missing",
            "underlying_not_in_effect",
        ]
        .iter()
        .map(|k| n(c, k))
        .sum();
        assert_eq!(sum, n(c, "required"), "{label}: {c}");
    }
}

fn group<'a>(v: &'a Value, key: &str) -> &'a Value {
    &v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["key"] == key)
        .unwrap_or_else(|| panic!("no group {key}"))["counts"]
}

/// the README's own `4.4.7.2,未実施` (and 計画中, 非該当) beside `4.4.7,実施`: the
/// objective keeps the 実施 the list wrote, with the finding, and is counted by that finding
/// only — 227 implemented of 229, not 228 (it was in both implemented and missing).
#[test]
fn an_objective_whose_item_is_stated_otherwise_is_counted_once() {
    for (file, finding, column) in [
        ("item-not-implemented.csv", "missing", "missing"),
        ("item-planned.csv", "planned", "planned"),
        ("item-na.csv", "missing", "missing"),
    ] {
        let (code, v, stderr) = readiness(file);
        assert_eq!(code, 1, "{file}: {stderr}");
        assert_adds_up(&v);
        let objective = by_id(&v["items"], "4.4.7");
        assert_eq!(objective["state"], "implemented", "{file}");
        assert_eq!(strings(&objective["findings"]), [finding], "{file}");
        let m = group(&v, "management");
        assert_eq!(n(m, "required"), 85, "{file}");
        assert_eq!(n(m, "implemented"), 83, "{file}: {m}");
        assert_eq!(n(m, column), 2, "{file}: {m}");
        assert_eq!(n(&v["summary"], "implemented"), 227, "{file}");
        assert!(strings(&v[column]).contains(&"4.4.7"), "{file}");
    }
    // a governance detail stated not applicable beside its objective stated implemented
    let (_, v, _) = readiness("b-detail-na.csv");
    assert_adds_up(&v);
    assert_eq!(
        strings(&by_id(&v["items"], "3.1.2")["findings"]),
        ["missing"]
    );
    let g = group(&v, "governance");
    assert_eq!(n(g, "implemented") + n(g, "missing"), n(g, "required"));
}

/// Guard: a complete list (every objective and item implemented) is counted as before.
#[test]
fn a_list_with_every_item_implemented_still_counts_its_objectives_implemented() {
    let (_, v, _) = readiness_of(example("csp-profile.yaml"));
    assert_adds_up(&v);
    assert_eq!(
        strings(&by_id(&v["items"], "4.4.7")["findings"]),
        [] as [&str; 0]
    );
    let m = group(&v, "management");
    assert_eq!(n(m, "implemented"), n(m, "required"));
}

/// inherited from a service whose profile states no registration (no kind), or an
/// ISMAP-LIU one: the objectives keep 実施 via the service, get the finding
/// underlying-not-confirmed, are counted with underlying-not-in-effect, a warning names
/// the service and why, and `--fail-on missing` exits 1 (was 100 %, silent, exit 0).
#[test]
fn objectives_inherited_from_an_unconfirmed_registration_are_not_audit_ready() {
    for (file, service, why) in [
        (
            "saas-on-noreg.yaml",
            "未登録IaaS",
            "does not state its registration kind (ISMAP or ISMAP-LIU) in its profile",
        ),
        (
            "saas-on-liu.yaml",
            "LIU IaaS",
            "is registered under ISMAP-LIU",
        ),
    ] {
        let (code, v, stderr) = readiness(file);
        assert_eq!(code, 1, "{file}: {stderr}");
        assert_adds_up(&v);
        let i = by_id(&v["items"], "11.1.1");
        assert_eq!(i["state"], "implemented", "{file}");
        assert_eq!(i["inherited_from"], service, "{file}");
        assert_eq!(
            strings(&i["findings"]),
            ["underlying-not-confirmed"],
            "{file}"
        );
        assert_eq!(v["underlying_not_in_effect"].as_array().unwrap().len(), 15);
        assert_eq!(n(group(&v, "11"), "implemented"), 0, "{file}");
        assert_eq!(n(group(&v, "11"), "underlying_not_in_effect"), 15);
        assert!(v["summary"]["readiness"].as_f64().unwrap() < 1.0);
        assert!(
            stderr.contains(&format!("warning: The underlying service {service} {why}")),
            "{file}: {stderr}"
        );
        assert!(
            stderr.contains(
                "not in effect or not confirmed, or outside its statement's scope (15): 11.1.1"
            ),
            "{stderr}"
        );
    }
    // in Japanese: the column and the finding
    let out = common::stdout_of(
        bin()
            .args(["--lang", "ja", "readiness", "--implemented"])
            .arg(data("fix26-ready/saas-on-noreg.yaml"))
            .args(["--as-of", "2026-12-01", "--format", "csv"]),
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("11.1.1,") && l.contains("継承元の登録を確認できない")),
        "{out}"
    );
}

/// Guard: the bundled SaaS profile on the bundled IaaS (registered ISMAP, with a renewal
/// deadline after the date) keeps clause 11 implemented.
#[test]
fn objectives_inherited_from_a_confirmed_registration_still_count() {
    let (_, v, stderr) = readiness_of(example("saas-profile.yaml"));
    assert_adds_up(&v);
    let i = by_id(&v["items"], "11.1.1");
    assert_eq!(strings(&i["findings"]), [] as [&str; 0], "{stderr}");
    assert_eq!(v["underlying_not_in_effect"], serde_json::json!([]));
    assert!(!stderr.contains("underlying service"), "{stderr}");
}

/// a 非該当 reason that is only a party's name (`委託先`, `外部委託`, `クラウド事業者`,
/// `他社`, `基盤`, `DC`, also in the status cell's bracket `非該当（委託先）`) gives none, as
/// the sentences it shortens do (`委託先が実施`, `クラウド事業者の責任範囲`): 11 exclusions
/// without a reason, not 100 % ready.
#[test]
fn a_party_named_alone_is_no_reason_to_exclude() {
    let (code, v, stderr) = readiness("a6-reasons.csv");
    assert_eq!(code, 1, "{stderr}");
    assert_adds_up(&v);
    assert_eq!(
        n(&v["summary"], "na_without_reason"),
        11,
        "{}",
        v["summary"]
    );
    assert_eq!(n(&v["summary"], "not_applicable"), 0);
    for (id, why) in [
        ("11.1.1", "subcontractor-does-it"),
        ("11.1.4", "subcontractor-does-it"),
        ("11.1.5", "party-unclear"),
        ("11.2.4", "party-unclear"),
        ("11.2.5", "subcontractor-does-it"),
    ] {
        let i = by_id(&v["items"], id);
        assert_eq!(i["reason_not_accepted"], why, "{id}: {i}");
    }
}
