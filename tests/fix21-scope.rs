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
    // `…。海外リージョンは対象外` beside `東京リージョン` left every region item 充足 (the
    // excluded region by no name made the scope name none); Tokyo still reads
    let v = report("ja", "regions.csv", "tokyo-no-overseas.yaml");
    for id in ["4", "7", "14"] {
        let item = by_id(&v["items"], id);
        assert!(capped(item), "{item}");
    }
    let item = by_id(&v["items"], "10");
    assert!(!capped(item), "{item}");
    assert_eq!(item["status"], "covered", "{item}");
}

/// `phys.csv` (1 `来訪者の記録` 11.1.2, 3 9.2.5, 7 `A.11.1.2`, 9 `装置の廃棄` 11.2.7, all
/// implemented) under scopes saying, in one vocabulary (subject 物理/データセンター/基盤/IaaS/
/// physical, verb 担う/委託/継承/含まない/inherited…), that the physical layer is another's:
/// `物理層はAWSが担う` (phys1), `クラウド基盤（AWS）の統制は含まない` (2), `AWSの責任共有モデル
/// に基づく` (3), `データセンターはさくらインターネットに委託` (4), `基盤はAWSの統制を継承` (5),
/// `physical security is inherited from AWS` (6): the clause-11 items were 充足, now capped
/// (review 16 A-10); 9.2.5 never. Guards: `物理的セキュリティを含む` (7), `データセンターは当社が
/// 管理` (8) and `AWS上で稼働する経費精算SaaS` (9: no layer given, as main) cap nothing.
#[test]
fn a_physical_layer_said_to_be_anothers_caps_the_clause_11_items() {
    for n in 1..=9 {
        let csp = format!("phys{n}.yaml");
        let v = report("ja", "phys.csv", &csp);
        for id in ["1", "7", "9"] {
            let item = by_id(&v["items"], id);
            if n <= 6 {
                assert!(capped(item), "{csp}: {item}");
                assert_ne!(item["status"], "covered", "{csp}: {item}");
            } else {
                assert!(!capped(item), "{csp}: {item}");
                assert_eq!(item["status"], "covered", "{csp}: {item}");
            }
        }
        assert!(!capped(by_id(&v["items"], "3")), "{csp}");
    }
}

/// `readiness` on `na.csv`: a subcontractor doing it is no reason for 非該当 although a
/// cloud is named somewhere (`委託先（AWS上の運用保守業者）`, `ログはAWSに保管`, `laws`,
/// `運用委託先のAzure MSP`), and another doing a part (`該当なし（IaaS側で一部実施）`) is no
/// reason for all of it (review 16 A-12: all were accepted). Guards: the cloud as the
/// subcontractor (`委託先（AWS）が実施`) and the IaaS doing it stay reasons.
#[test]
fn a_cloud_named_beside_a_subcontractor_or_a_part_is_no_reason() {
    let mut c = common::bin();
    c.args(["--lang", "en", "readiness", "--implemented"])
        .arg(fixture("na.csv"))
        .args(["--as-of", "2026-04-01", "--format", "json"]);
    let v = json_of(c);
    for (id, why) in [
        ("11.1.1", json!("subcontractor-does-it")),
        ("11.1.2", json!("subcontractor-does-it")),
        ("11.1.3", json!("subcontractor-does-it")),
        ("11.1.4", json!("subcontractor-does-it")),
        ("11.1.5", json!("partly-by-another")),
        ("11.1.6", serde_json::Value::Null),
        ("11.2.1", serde_json::Value::Null),
    ] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["reason_not_accepted"], why, "{item}");
        assert_eq!(item["state"], "not-applicable", "{item}");
    }
}
