//! Session 13 fix28-csp: the CSP reader's cell rules (review 20, C-9 and
//! fix26-list's leftovers; fixtures in `tests/data/fix28-csp/`).
mod common;

use common::{bin, by_id, data};
use serde_json::Value;

/// `readiness --implemented fix28-csp/FILE --as-of 2026-12-01 --format json` in English:
/// exit code, JSON, stderr.
fn readiness(file: &str) -> (i32, Value, String) {
    let out = bin()
        .args(["--lang", "en", "readiness", "--implemented"])
        .arg(data(&format!("fix28-csp/{file}")))
        .args(["--as-of", "2026-12-01", "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    (out.status.code().unwrap(), v, stderr)
}

/// Review 20 A-1: a 非該当 reason that is a party's name one word further than review 19
/// A-6's (`DC事業者`, `データセンター事業者`, `外部DC`, `クラウド事業者様`, `DCベンダー`, a
/// bracket naming no service underneath: `委託先（ISMAP登録済）`, `基盤（ISMAP登録済）`) says
/// a kind of party, not which one nor under which assurance: no reason (was accepted,
/// 100 % ready). A plan beside the service by name stays no reason.
#[test]
fn a_party_named_one_word_further_is_no_reason_to_exclude() {
    let (_, v, stderr) = readiness("a1-party-names.csv");
    assert_eq!(v["summary"]["na_without_reason"], 9, "{}", v["summary"]);
    assert_eq!(v["summary"]["not_applicable"], 0, "{stderr}");
    for (id, why) in [
        ("11.1.1", "party-unclear"),
        ("11.1.2", "party-unclear"),
        ("11.1.3", "party-unclear"),
        ("11.1.4", "party-unclear"),
        ("11.1.5", "subcontractor-does-it"),
        ("11.1.6", "party-unclear"),
        ("11.2.1", "party-unclear"),
        ("11.2.2", "party-unclear"),
        ("11.2.3", "decision-not-to-implement"),
    ] {
        let i = by_id(&v["items"], id);
        assert_eq!(i["reason_not_accepted"], why, "{id}: {i}");
        assert_eq!(i["reason_judgement"], "not-accepted", "{id}: {i}");
    }
}

/// Guard of A-1: the service underneath by name or as the layer underneath, in a bracket
/// after the party or as the sentence's doer (`AWS`, `IaaS側で実施`, `基盤側で実施`,
/// `データセンター事業者（AWS）が実施`, `外部DC（AWS）`, `委託先（AWS）`, `IaaS事業者`,
/// `DC（AWS東京リージョン）`, `さくらのクラウド`), stays a reason.
#[test]
fn the_service_or_layer_underneath_named_stays_a_reason() {
    let (code, v, stderr) = readiness("a1-named.csv");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(v["summary"]["not_applicable"], 9, "{}", v["summary"]);
    assert_eq!(v["summary"]["na_without_reason"], 0, "{}", v["summary"]);
    for id in ["11.1.4", "11.1.5", "11.2.1", "11.2.2"] {
        let i = by_id(&v["items"], id);
        assert_eq!(i["reason_judgement"], "given", "{id}: {i}");
    }
}
