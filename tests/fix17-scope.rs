//! Session 10's scope findings (`tests/data/fix17-scope/`): a scope leaving the physical or
//! infrastructure layer to the IaaS caps the items whose references reach clause 11,
//! whatever their words, and `AWSの責任範囲は除く` is that layer (review 14 A-7); a region
//! not on the place list is another region than a scope's `東京リージョン` (review 14 B-3
//! rest); the `statement-scope` procedure says "the scope names only Y; X is not named"
//! when it does not exclude X, and "leaves X to another provider" when it says so.
mod common;

use common::{by_id, data, json_of, on_checks};
use serde_json::json;

fn fixture(name: &str) -> std::path::PathBuf {
    data(&format!("fix17-scope/{name}"))
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

fn scope_texts(item: &serde_json::Value) -> Vec<String> {
    item["additional_procedures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["code"] == "statement-scope")
        .map(|p| p["text"].as_str().unwrap().to_owned())
        .collect()
}

/// `phys.csv`: 1 `来訪者の記録を保管` (11.1.2, no physical word), 2 `装置の保守` (2022 A.7.13),
/// 3 `アクセス権の見直し` (9.2.5), 4 `ネットワーク機器` (13.1.1), 5 `サーバ室の入退管理` (11.1.2).
/// Under `データセンターはIaaS事業者に依拠` the clause-11 items are capped by their
/// references (1, 2 were 充足/capped by words only); under `AWSの責任範囲は除く` the
/// infrastructure items too (all were 充足). Guards: the customer's share excluded, and a
/// data centre the CSP runs itself, cap nothing; 9.2.5 is never capped.
#[test]
fn a_physical_layer_left_to_the_iaas_caps_the_clause_11_items() {
    for (csp, on, off) in [
        ("relied.yaml", &["1", "2", "5"][..], &["3", "4"][..]),
        ("aws-share.yaml", &["1", "2", "4", "5"], &["3"]),
        ("customer-share.yaml", &[], &["1", "2", "3", "4", "5"]),
        ("own-dc.yaml", &[], &["1", "2", "3", "4", "5"]),
    ] {
        let v = report("ja", "phys.csv", csp);
        for id in on {
            let item = by_id(&v["items"], id);
            assert!(capped(item), "{csp}: {item}");
            assert_ne!(item["status"], "covered", "{csp}: {item}");
        }
        for id in off {
            let item = by_id(&v["items"], id);
            assert!(!capped(item), "{csp}: {item}");
        }
    }
    // a part the scope says rests on another provider is worded so, not as excluded
    let v = report("ja", "phys.csv", "relied.yaml");
    let texts = scope_texts(by_id(&v["items"], "1"));
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(
        texts[0].starts_with(
            "CSPのISMAPの言明は データセンター を他の事業者(IaaS等)に依拠するとしており"
        ),
        "{texts:?}"
    );
    let v = report("en", "phys.csv", "aws-share.yaml");
    let texts = scope_texts(by_id(&v["items"], "2"));
    assert!(
        texts[0].starts_with("The CSP's ISMAP statement excludes AWSの責任範囲: "),
        "{texts:?}"
    );
}

/// `regions.csv` under `テストクラウド（東京リージョン）`: 1 `ジャカルタリージョン` (not on the
/// place list: was 充足), 2 `Frankfurt Region`, 6 `大阪リージョン` capped; the role words of
/// review 14 B-3 (3 `本番リージョン`, 5 `利用するAWSリージョン`) and a provider before the scope's
/// place (4 `AWS東京リージョン`) stay 充足. The procedure says the scope names only Tokyo, not
/// that it excludes the others; a region the scope does exclude is worded as excluded.
#[test]
fn a_region_not_on_the_place_list_is_another_region() {
    let v = report("ja", "regions.csv", "tokyo.yaml");
    for id in ["1", "2", "6"] {
        let item = by_id(&v["items"], id);
        assert!(capped(item), "{item}");
    }
    for id in ["3", "4", "5"] {
        let item = by_id(&v["items"], id);
        assert!(!capped(item), "{item}");
        assert_eq!(item["status"], "covered", "{item}");
    }
    let texts = scope_texts(by_id(&v["items"], "1"));
    assert!(
        texts[0].starts_with(
            "CSPのISMAPの言明の対象範囲は 東京リージョン のみを挙げ、ジャカルタリージョン を挙げていない(対象外との記載ではない): "
        ),
        "{texts:?}"
    );
    assert!(!texts[0].contains("対象外としている"), "{texts:?}");
    let v = report("en", "regions.csv", "tokyo.yaml");
    let texts = scope_texts(by_id(&v["items"], "6"));
    assert!(
        texts[0].starts_with(
            "The scope of the CSP's ISMAP statement names only 東京リージョン; 大阪リージョン is not named (it does not say it excludes it): "
        ),
        "{texts:?}"
    );
    assert!(!texts[0].contains("excludes 大阪"), "{texts:?}");
    // `…。大阪リージョンは対象外`: excluded in words, so worded as excluded, once
    let v = report("en", "regions.csv", "excluded-osaka.yaml");
    let texts = scope_texts(by_id(&v["items"], "6"));
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(
        texts[0].starts_with("The CSP's ISMAP statement excludes 大阪リージョン: "),
        "{texts:?}"
    );
}

/// `readiness` on `na.csv`: `委託先が実施` and `運用を外部委託しているため` are no reason for
/// 非該当 (review 14 A-5 rest: were accepted; a subcontractor's control stays the CSP's to
/// manage, 15.1), kept as written with why; the service underneath by name, the IaaS, and a
/// cause stay reasons (guards).
#[test]
fn a_subcontractor_doing_it_is_no_reason_for_not_applicable() {
    let mut c = common::bin();
    c.args(["--lang", "en", "readiness", "--implemented"])
        .arg(fixture("na.csv"))
        .args(["--as-of", "2026-04-01", "--format", "json"]);
    let v = json_of(c);
    assert_eq!(v["na_without_reason"], json!(["11.1.1", "11.1.2"]));
    for (id, reason, why) in [
        ("11.1.1", "委託先が実施", json!("subcontractor-does-it")),
        (
            "11.1.2",
            "運用を外部委託しているため",
            json!("subcontractor-does-it"),
        ),
        ("11.1.3", "インフラはAWSが管理", serde_json::Value::Null),
        (
            "11.1.4",
            "該当なし（IaaS側で実施）",
            serde_json::Value::Null,
        ),
        (
            "11.1.5",
            "物理的なデータセンターを保有しないため",
            serde_json::Value::Null,
        ),
    ] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["reason"], reason, "{item}");
        assert_eq!(item["reason_not_accepted"], why, "{item}");
    }
}

/// Review 12 C-12 (hint only): a status table's `適用範囲` naming the service's regions (or
/// its name) is still refused — the table does not give the statement's scope to compare
/// with — but the hint says how to write the whole service (`全リージョン`, `本サービス全体`);
/// `全リージョン` reads (guard).
#[test]
fn a_scope_cell_naming_regions_says_how_to_write_the_whole_service() {
    for lang in ["en", "ja"] {
        let mut c = common::bin();
        c.args(["--lang", lang, "readiness", "--implemented"])
            .arg(fixture("scope-cell-regions.csv"))
            .args(["--as-of", "2026-04-01", "--format", "json"]);
        let err = if lang == "en" {
            common::input_error(c)
        } else {
            let out = c.output().unwrap();
            assert_eq!(out.status.code(), Some(2));
            String::from_utf8(out.stderr).unwrap()
        };
        assert!(err.contains("全リージョン"), "{err}");
        assert!(err.contains("本サービス全体"), "{err}");
    }
    let mut c = common::bin();
    c.args(["--lang", "en", "readiness", "--implemented"])
        .arg(fixture("scope-cell-all.csv"))
        .args(["--as-of", "2026-04-01", "--format", "json"]);
    let v = json_of(c);
    assert_eq!(by_id(&v["items"], "9.2.3")["state"], "implemented");
}
