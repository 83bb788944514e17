//! Session 11's scope findings (`tests/data/fix21-scope/`): a known place or an "outside"
//! word judges a region before its role words (review 16 A-9).
mod common;

use common::{by_id, data, json_of, on_checks};
use serde_json::json;

fn fixture(name: &str) -> std::path::PathBuf {
    data(&format!("fix21-scope/{name}"))
}

/// `report --checks CHECKS --csp CSP --format json` in `lang`.
fn report(lang: &str, checks: &str, csp: &str) -> serde_json::Value {
    let mut c = on_checks(lang, "report", fixture(checks));
    c.arg("--csp").arg(fixture(csp)).args(["--format", "json"]);
    json_of(c)
}

fn capped(item: &serde_json::Value) -> bool {
    item["reasons"]
        .as_array()
        .unwrap()
        .contains(&json!("outside-statement-scope"))
}

/// `regions.csv` (12.3.1 implemented) under `テストクラウド（東京リージョン）`: `日本国外`,
/// `契約外`, `指定外`, `東京以外の`, a role word before a place (`本番シンガポール`), a place in
/// a bracket (`本番リージョン（シンガポール）`, `デフォルトリージョン（バージニア北部）`), in the
/// English words before (`US East`) or between (`Singapore (primary)`), or said after
/// (`メインリージョンはシンガポール`) were 充足; now capped. Guards: the scope's own place with
/// role words (`本番環境（東京リージョン）`, `東京リージョン（本番）`) and a role alone
/// (`プライマリリージョン`) stay 充足; `大阪リージョン（DR）` is capped under Tokyo, not under
/// Tokyo and Osaka.
#[test]
fn a_known_place_or_an_outside_word_judges_a_region_before_its_role() {
    let v = report("ja", "regions.csv", "tokyo.yaml");
    for id in ["1", "2", "3", "4", "5", "6", "7", "8", "9", "14", "15"] {
        let item = by_id(&v["items"], id);
        assert!(capped(item), "{item}");
        assert_ne!(item["status"], "covered", "{item}");
    }
    for id in ["10", "11", "12", "13"] {
        let item = by_id(&v["items"], id);
        assert!(!capped(item), "{item}");
        assert_eq!(item["status"], "covered", "{item}");
    }
    let v = report("ja", "regions.csv", "tokyo-osaka.yaml");
    let item = by_id(&v["items"], "14");
    assert!(!capped(item), "{item}");
    assert_eq!(item["status"], "covered", "{item}");
    assert!(capped(by_id(&v["items"], "4")));
}
