//! fix31-scope: review 22's scope findings — an English exclusion verb in a scope line
//! (review 21 A-8), regions joined by `/`/`および` and every domestic region (C-4), an
//! underlying region in beta/preview/another company's, editions joined by `/`, an
//! excluded edition in the other language (C-7, A-12).
mod common;

use std::path::{Path, PathBuf};

use common::{bin, data, json_of, strings, with_scope};
use serde_json::Value;

/// The fixture profiles `names` written into a folder of their own with the scopes given.
fn profiles(scopes: &[(&str, &[&str])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, lines) in scopes {
        let text = std::fs::read_to_string(data(&format!("fix28-scope/{name}"))).unwrap();
        std::fs::write(dir.path().join(name), with_scope(&text, Some(lines))).unwrap();
    }
    dir
}

/// `report`'s items (JSON) of `checks` (CSV text) against the CSP `csp`.
fn items(dir: &Path, checks: &str, csp: &PathBuf) -> Vec<Value> {
    let list = dir.join("checks.csv");
    std::fs::write(&list, checks).unwrap();
    let v = json_of(
        bin()
            .args(["--lang", "en", "report", "--checks"])
            .arg(&list)
            .arg("--csp")
            .arg(csp)
            .args(["--as-of", "2026-12-01", "--format", "json"]),
    );
    v["items"].as_array().unwrap().clone()
}

/// `status[reasons]` of an item.
fn verdict(item: &Value) -> String {
    format!(
        "{}[{}]",
        item["status"].as_str().unwrap(),
        strings(&item["reasons"]).join(",")
    )
}

/// The inherited physical item (11.1.2) of the SaaS (Tokyo and Osaka) over an IaaS of
/// `iaas` scope lines.
fn inherited(iaas: &[&str], saas: &[&str]) -> String {
    let dir = profiles(&[("iaas.yaml", iaas), ("saas.yaml", saas)]);
    let csp = dir.path().join("saas.yaml");
    let it = items(
        dir.path(),
        "項番,確認項目,ISMAP管理策\nC-1,データセンターの物理的入退管理,11.1.2\n",
        &csp,
    );
    verdict(&it[0])
}

const SAAS_BOTH: &[&str] = &["サンプルSaaS 本体（東京リージョン、大阪リージョン）"];
const CAPPED: &str = "partial[outside-statement-scope,inherited]";
const READ: &str = "covered[inherited]";

/// Review 21 A-8 (rest): `Scope excludes Osaka region` in the CSP's own scope excludes
/// Osaka, as `excluding Osaka region` does; an item on Osaka's data centre is capped. Guard:
/// the scope of both regions without the exclusion reads.
#[test]
fn an_english_exclusion_verb_in_a_scope_line_excludes() {
    let checks =
        "項番,確認項目,ISMAP管理策\nI-1,大阪リージョンのデータセンターの物理的入退管理,11.1.2\n";
    for line in [
        "Scope excludes Osaka region",
        "Sample IaaS (Tokyo and Osaka regions), not including Osaka region",
        "Sample IaaS (Tokyo and Osaka regions), excluding Osaka region",
    ] {
        let dir = profiles(&[(
            "iaas.yaml",
            &["Sample IaaS (Tokyo and Osaka regions)", line],
        )]);
        let it = items(dir.path(), checks, &dir.path().join("iaas.yaml"));
        assert_eq!(it[0]["status"], "partial", "{line}: {:#}", it[0]);
        assert!(
            strings(&it[0]["reasons"]).contains(&"outside-statement-scope"),
            "{line}"
        );
    }
    let dir = profiles(&[("iaas.yaml", &["Sample IaaS (Tokyo and Osaka regions)"])]);
    let it = items(dir.path(), checks, &dir.path().join("iaas.yaml"));
    assert_eq!(it[0]["status"], "covered", "{:#}", it[0]);
}

/// Review 22 C-4: an underlying scope naming every domestic region, or Tokyo and Osaka
/// joined by `/`, `および`, `及び`, covers a SaaS of Tokyo and Osaka; a Tokyo-only one
/// still caps (the qualifier twin).
#[test]
fn every_domestic_region_and_joined_regions_cover_the_service() {
    for iaas in [
        "サンプルIaaS 仮想サーバ（国内全リージョン）",
        "サンプルIaaS 仮想サーバ（国内2リージョン）",
        "Sample IaaS (all Japanese regions)",
        "サンプルIaaS 仮想サーバ（東京/大阪リージョン）",
        "サンプルIaaS 仮想サーバ（東京および大阪リージョン）",
        "サンプルIaaS 仮想サーバ（東京及び大阪リージョン）",
        // read before too
        "サンプルIaaS 仮想サーバ（東京・大阪リージョン）",
    ] {
        assert_eq!(inherited(&[iaas], SAAS_BOTH), READ, "{iaas}");
    }
    for iaas in [
        "サンプルIaaS 仮想サーバ（東京リージョン）",
        "サンプルIaaS 仮想サーバ（東京/大阪リージョン（2027年開設予定））",
    ] {
        assert_eq!(inherited(&[iaas], SAAS_BOTH), CAPPED, "{iaas}");
    }
}

/// Review 22 A-7 (4): an underlying region in beta, in preview or another company's data
/// centre is not stated: inherited clause 11 is capped. Guard: a role or place bracket reads.
#[test]
fn an_underlying_region_in_beta_or_preview_is_not_stated() {
    for bracket in ["ベータ", "preview", "プレビュー", "他社データセンター"] {
        let iaas =
            format!("サンプルIaaS 仮想サーバ（東京リージョン、大阪リージョン（{bracket}））");
        assert_eq!(inherited(&[&iaas], SAAS_BOTH), CAPPED, "{iaas}");
    }
    for bracket in ["DRサイト", "ap-northeast-3", "待機系"] {
        let iaas =
            format!("サンプルIaaS 仮想サーバ（東京リージョン、大阪リージョン（{bracket}））");
        assert_eq!(inherited(&[&iaas], SAAS_BOTH), READ, "{iaas}");
    }
}

/// The statuses of the edition items E1 (Enterprise), E2 (Standard), E3 (エンタープライズ版)
/// under an edition scope line.
fn editions(line: &str) -> Vec<String> {
    let dir = profiles(&[("edition.yaml", &[line])]);
    let it = items(
        dir.path(),
        "項番,確認項目,ISMAP管理策\nE1,Enterprise Editionのバックアップ,12.3.1\n\
         E2,Standard Editionのバックアップ,12.3.1\nE3,エンタープライズ版のバックアップ,12.3.1\n",
        &dir.path().join("edition.yaml"),
    );
    it.iter()
        .map(|i| i["status"].as_str().unwrap().to_owned())
        .collect()
}

/// Review 22 C-7 / A-12: `Standard/Enterprise Edition` names both editions; an edition the
/// scope excludes is excluded in either language; an edition in beta is not stated. Guard:
/// `Standard Edition` alone still caps Enterprise in both languages.
#[test]
fn joined_and_excluded_editions_are_read_in_either_language() {
    let all = ["covered", "covered", "covered"];
    assert_eq!(editions("テストクラウド Standard/Enterprise Edition"), all);
    let standard_only = editions("テストクラウド Standard Edition");
    assert_eq!(standard_only[0], "partial");
    assert_eq!(
        editions("テストクラウド Standard Edition、Enterprise Edition（ベータ）"),
        standard_only
    );
}
