//! Session 12's scope findings (`tests/data/fix25-scope/`): a place named without
//! `リージョン`/`region` as where data goes or is kept, and `<region>等`, are outside a scope
//! naming other regions (review 18 A-8).
mod common;

use common::{by_id, data, json_of, on_checks};
use serde_json::json;

fn fixture(name: &str) -> std::path::PathBuf {
    data(&format!("fix25-scope/{name}"))
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

/// The `statement-scope` procedure's text of `item`.
fn scope_text(item: &serde_json::Value) -> String {
    item["additional_procedures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["code"] == "statement-scope")
        .map(|p| p["text"].as_str().unwrap().to_owned())
        .collect()
}

/// `kept.csv` (12.3.1 implemented) under `テストクラウド（東京リージョン）`: a known place or
/// `海外`/`abroad` where backups go or are kept (`replicated to Singapore`, `海外へ複製`,
/// `大阪に保管`, `米国のデータセンターに転送`, `us-east-1`, `複製先：シンガポール`,
/// `東京以外にも保管`), `東京リージョン等`/`など`/`, etc.`, `other regions`, `all regions`
/// were 充足; now capped. Guards: Tokyo without `リージョン` (`東京に保管`, `東京都内の
/// データセンター`, `stored in Tokyo`), a place that is not where data goes (`Let us know`,
/// `連絡先：大阪支店`, `米国の法律に基づき`, `大阪本社で…管理`, `sent to us`) stay 充足;
/// `遠隔地へ複製` (a remote site) was a guard here and is capped since session 17 (review 25
/// a remote or DR site is a site a scope of one region does not name).
#[test]
fn a_place_where_data_goes_or_and_others_is_outside_a_scope_of_one_region() {
    let v = report("en", "kept.csv", "tokyo.yaml");
    for id in [
        "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
        "30", "31", "41", "42",
    ] {
        let item = by_id(&v["items"], id);
        assert!(capped(item), "{item}");
        assert_eq!(item["status"], "partial", "{item}");
    }
    for id in ["21", "22", "23", "24", "25", "26", "27", "28", "29"] {
        let item = by_id(&v["items"], id);
        assert!(!capped(item), "{item}");
        assert_eq!(item["status"], "covered", "{item}");
    }
    // the place outside is the one named (not `東京リージョン` for `東京リージョン（シンガ
    // ポールへ複製）`)
    let text = scope_text(by_id(&v["items"], "16"));
    assert!(
        text.contains("東京リージョン(シンガポールへ複製) is not named"),
        "{text}"
    );
    let text = scope_text(by_id(&v["items"], "1"));
    assert!(text.contains("; singapore is not named"), "{text}");
}

/// Under `東京・大阪リージョン`, Osaka is in scope (`大阪に保管`, `copied to Osaka`), and
/// `東京リージョン等` may mean the two: not capped (as `複数リージョン` beside a scope of
/// two); Singapore, abroad, the US, `東京以外`, all regions stay capped.
#[test]
fn a_place_in_a_scope_of_two_regions_reads() {
    let v = report("en", "kept.csv", "tokyo-osaka.yaml");
    for id in ["3", "4", "5", "6", "8", "9", "31"] {
        let item = by_id(&v["items"], id);
        assert!(!capped(item), "{item}");
        assert_eq!(item["status"], "covered", "{item}");
    }
    for id in [
        "1", "2", "7", "10", "11", "12", "13", "14", "15", "16", "41", "42",
    ] {
        let item = by_id(&v["items"], id);
        assert!(capped(item), "{item}");
    }
}

/// A residency prohibition (`東京以外のリージョンにはデータを保存しないこと`, `must not be
/// kept in Singapore`) stays capped, worded as what it is: a statement of Tokyo does not
/// show that no data is kept elsewhere (was "…is not named (it does not say it excludes
/// it)": a requirement on that region). A requirement on the region keeps that wording.
#[test]
fn a_residency_prohibition_is_worded_as_not_shown() {
    let v = report("en", "kept.csv", "tokyo.yaml");
    let text = scope_text(by_id(&v["items"], "41"));
    assert!(
        text.contains("names only 東京リージョン, not 東京以外のリージョン: it does not show that no data is kept there"),
        "{text}"
    );
    assert!(!text.contains("is not named"), "{text}");
    let text = scope_text(by_id(&v["items"], "14"));
    assert!(text.contains("東京以外 is not named"), "{text}");
    let v = report("ja", "kept.csv", "tokyo.yaml");
    let text = scope_text(by_id(&v["items"], "41"));
    assert!(
        text.contains("東京リージョン のみを挙げており、東京以外のリージョン でデータを保存しないことは言明の対象ではない"),
        "{text}"
    );
}

/// `report` on `buyer.csv` (9.2.3) against the CSP status table `csp`.
fn on_table(csp: &str) -> assert_cmd::Command {
    let mut c = on_checks("en", "report", fixture("buyer.csv"));
    c.arg("--csp")
        .arg(fixture(csp))
        .args(["--registration-kind", "ismap", "--format", "json"]);
    c
}

/// Review 12 C-12: a status table's `適用範囲` cell naming the service by the name the rows
/// above the table state (`サービス名：テストクラウド`, `クラウドサービスの名称 | テストクラウド`,
/// a scope line that limits nothing `対象範囲 | テストクラウド`, `Service name: Test Cloud`),
/// or that name with `全体`, is the whole service: the row reads as implemented (as
/// `全リージョン` does, its remark kept). Guards: with no name stated, with the name and a
/// region or `（一部）`, another service's name, a name line naming two services, and a list of
/// regions (a table carries no statement scope to compare it with) stay refused.
#[test]
fn a_scope_cell_naming_the_service_by_its_stated_name_is_the_whole_service() {
    for csp in [
        "scope-name.csv",
        "scope-name-cells.csv",
        "scope-line.csv",
        "scope-name-en.csv",
    ] {
        let v = json_of(on_table(csp));
        let item = by_id(&v["items"], "1");
        assert_eq!(item["implemented"], json!(["9.2.3"]), "{csp}: {item}");
        assert!(item["status"] == "covered", "{csp}: {item}");
    }
    for csp in [
        "scope-no-name.csv",
        "scope-name-region.csv",
        "scope-name-partly.csv",
        "scope-other.csv",
        "scope-two-names.csv",
        "scope-regions.csv",
    ] {
        let err = common::input_error(on_table(csp));
        assert!(
            err.contains("names a part of the service under a header naming the scope"),
            "{csp}: {err}"
        );
    }
}

/// An excluded part written in Japanese (`対象外: 管理コンソール、モバイルアプリ、サポート窓口`)
/// is named by its English words and synonyms (`Admin console`, `Management console`,
/// `管理画面`, `Mobile app`, `Help desk`): those items were 充足, now capped. Guards: words
/// near them that name no such part (`Supported`, `Console output`, `Application data`) stay
/// 充足.
#[test]
fn an_excluded_part_is_named_in_either_language() {
    let v = report("en", "parts.csv", "parts.yaml");
    for id in ["1", "2", "3", "4", "5", "6"] {
        let item = by_id(&v["items"], id);
        assert!(capped(item), "{item}");
        assert_eq!(item["status"], "partial", "{item}");
    }
    for id in ["11", "12", "13", "14"] {
        let item = by_id(&v["items"], id);
        assert!(!capped(item), "{item}");
        assert_eq!(item["status"], "covered", "{item}");
    }
}
