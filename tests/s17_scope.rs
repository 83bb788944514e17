//! Session 17, s17-scope (review 26; `tests/data/s17-scope/`): a place named
//! without `リージョン` — a city or prefecture (`大阪`, `福岡`, `石狩データセンター`), a cloud
//! region's code (`ap-northeast-3`), an English region (`US East`), `東日本・西日本`,
//! `全世界`, a count of sites (`国内2拠点`) — is read by the one scope reader: in a SaaS's
//! scope over an IaaS of Tokyo only, the inherited objectives are partial
//! (`outside-statement-scope`) and `readiness` finds `underlying-outside-scope`; in a check
//! item's title under a statement of Tokyo only, the item is partial. Guards: the scope's
//! own place in another spelling (`東京`, `ap-northeast-1`, `東京データセンター`) stays
//! covered, and a place that is no site of the service (`大阪支店`, `米国の法律`) is none.
mod common;

use common::{bin, data, json_of, with_scope};

/// A folder holding the IaaS of Tokyo only and a SaaS inheriting from it whose scope is
/// `scope` (kept alive by the guard), and the SaaS profile's path.
fn saas_on_tokyo(scope: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(data("s17-scope/iaas.yaml"), dir.path().join("iaas.yaml")).unwrap();
    let saas = std::fs::read_to_string(data("s17-scope/saas.yaml")).unwrap();
    let path = dir.path().join("saas.yaml");
    std::fs::write(&path, with_scope(&saas, Some(&[scope]))).unwrap();
    (dir, path)
}

/// `report --format json` of `checks` against `csp`, in English on 2026-12-07: the first
/// item's status and reasons.
fn first_item(checks: &std::path::Path, csp: &std::path::Path) -> (String, Vec<String>) {
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "report",
        "--as-of",
        "2026-12-07",
        "--format",
        "json",
    ])
    .arg("--checks")
    .arg(checks)
    .arg("--csp")
    .arg(csp);
    let v = json_of(c);
    let item = &v["items"][0];
    let reasons = item["reasons"]
        .as_array()
        .map(|r| r.iter().map(|x| x.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default();
    (item["status"].as_str().unwrap().to_owned(), reasons)
}

/// `readiness --format json` of the SaaS profile on 2026-12-07: the objectives found
/// `underlying-outside-scope`.
fn underlying_outside(saas: &std::path::Path) -> Vec<String> {
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "readiness",
        "--as-of",
        "2026-12-07",
        "--format",
        "json",
    ])
    .arg("--implemented")
    .arg(saas);
    let v = json_of(c);
    v["underlying_outside_scope"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_owned())
        .collect()
}

/// a SaaS's scope naming a place the IaaS's scope (Tokyo only) does not, without the
/// word `リージョン`: the inherited physical control is partial, `readiness` finds it.
#[test]
fn a_service_on_tokyo_naming_other_places_without_the_word_region_is_partial() {
    for scope in [
        "本体（ap-northeast-3）",
        "本体（東京・大阪）",
        "本体（東京及び大阪のデータセンター）",
        "本体（大阪DC）",
        "本体（国内2拠点）",
        "本体（シンガポール）",
        "本体（東京リージョン、US East）",
        "本体（全世界）",
        "本体（東日本・西日本）",
        "本体（福岡）",
        "本体（東京リージョン、石狩データセンター）",
        "本体（us-east-1）",
        "Core service (Tokyo and Frankfurt)",
        "本体（東京・大阪・名古屋）",
        "本体（グローバル展開）",
    ] {
        let (_dir, saas) = saas_on_tokyo(scope);
        let (status, reasons) = first_item(&data("s17-scope/checks.csv"), &saas);
        assert_eq!(status, "partial", "{scope}");
        assert!(
            reasons.contains(&"outside-statement-scope".to_owned()),
            "{scope}: {reasons:?}"
        );
        assert!(
            underlying_outside(&saas).contains(&"11.1.2".to_owned()),
            "{scope}"
        );
    }
}

/// A-2 guards: the IaaS's own place in another spelling, or a place that is no site of
/// the service, leaves the inherited control covered and `readiness` finding nothing.
#[test]
fn a_service_on_tokyo_naming_tokyo_in_any_spelling_stays_covered() {
    for scope in [
        "本体（東京）",
        "本体（東京リージョン）",
        "本体（ap-northeast-1）",
        "本体（東京データセンター）",
        "本体（Tokyo）",
        "本体（東京都内の1拠点）",
    ] {
        let (_dir, saas) = saas_on_tokyo(scope);
        let (status, reasons) = first_item(&data("s17-scope/checks.csv"), &saas);
        assert_eq!(status, "covered", "{scope}: {reasons:?}");
        assert!(
            !reasons.contains(&"outside-statement-scope".to_owned()),
            "{scope}: {reasons:?}"
        );
        assert!(underlying_outside(&saas).is_empty(), "{scope}");
    }
}

/// A check list of one item on 9.2.1 titled `title`, in a temporary folder.
fn one_item(title: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("checks.csv");
    std::fs::write(
        &path,
        format!("項番,確認項目,ISMAP管理策,求める確認水準\nC1,\"{title}\",9.2.1,ISMAP\n"),
    )
    .unwrap();
    (dir, path)
}

/// an item naming a place a statement of Tokyo only does not cover, without
/// `リージョン` or as a code or an English region: partial, `outside-statement-scope`.
#[test]
fn an_item_naming_another_place_without_the_word_region_is_partial() {
    for title in [
        "大阪の利用者IDの登録・削除手続",
        "ap-northeast-3で稼働する環境の利用者登録",
        "US Eastリージョンの利用者登録",
        "東京・大阪の両拠点で利用者登録手続があること",
        "福岡データセンターの利用者登録",
        "米国拠点の運用者のID管理",
        "全世界の拠点で利用者登録の手続があること",
        "利用者登録（大阪）",
        "北海道データセンターの利用者登録",
        "User registration in us-east-1",
    ] {
        let (_dir, checks) = one_item(title);
        let (status, reasons) = first_item(&checks, &data("s17-scope/csp.txt"));
        assert_eq!(status, "partial", "{title}");
        assert!(
            reasons.contains(&"outside-statement-scope".to_owned()),
            "{title}: {reasons:?}"
        );
    }
}

/// A-3 guards: the statement's own place in any spelling, and a place that is no site of
/// the service, leave the item covered.
#[test]
fn an_item_naming_tokyo_or_no_site_of_the_service_stays_covered() {
    for title in [
        "東京の利用者IDの登録・削除手続",
        "ap-northeast-1で稼働する環境の利用者登録",
        "東京データセンターの利用者登録",
        "大阪支店の利用者IDの登録手続",
        "米国の法律に基づく利用者登録",
        "Let us know how users are registered",
        "利用者IDの登録・削除手続",
    ] {
        let (_dir, checks) = one_item(title);
        let (status, reasons) = first_item(&checks, &data("s17-scope/csp.txt"));
        assert_eq!(status, "covered", "{title}: {reasons:?}");
    }
}
