//! fix28-scope: the statement scope of a service inherited from (`inherits:`) compared with
//! the service's own (review 19 A-1), and a region a scope names only as planned, a draft or
//! in part.
mod common;

use std::path::{Path, PathBuf};

use common::{bin, by_id, data, json_of, strings, with_scope};
use serde_json::Value;

/// The fixtures' SaaS on their IaaS in a folder of their own, each with the scope given
/// (`None`: as the fixture has it, `Some(None)`: no `scope:`).
fn pair(
    iaas: Option<Option<&[&str]>>,
    saas: Option<Option<&[&str]>>,
) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    for (name, scope) in [("iaas.yaml", iaas), ("saas.yaml", saas)] {
        let text = std::fs::read_to_string(data(&format!("fix28-scope/{name}"))).unwrap();
        let text = match scope {
            Some(lines) => with_scope(&text, lines),
            None => text,
        };
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let saas = dir.path().join("saas.yaml");
    (dir, saas)
}

/// `report`'s item C-1 (physical entry, 11.1.2, inherited) for the CSP `saas`.
fn physical_item(saas: &Path, lang: &str) -> Value {
    let v = json_of(
        bin()
            .args(["--lang", lang, "report", "--checks"])
            .arg(data("fix28-scope/checks.csv"))
            .arg("--csp")
            .arg(saas)
            .args(["--as-of", "2026-12-01", "--format", "json"]),
    );
    by_id(&v["items"], "C-1").clone()
}

/// The `statement-scope` procedures' texts of an item.
fn scope_procedures(item: &Value) -> Vec<String> {
    item["additional_procedures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["code"] == "statement-scope")
        .map(|p| p["text"].as_str().unwrap().to_owned())
        .collect()
}

/// `readiness --fail-on missing` of `saas` in JSON: exit code, report, stderr.
fn readiness(saas: &Path) -> (i32, Value, String) {
    let out = bin()
        .args(["--lang", "en", "readiness", "--implemented"])
        .arg(saas)
        .args([
            "--as-of",
            "2026-12-01",
            "--format",
            "json",
            "--fail-on",
            "missing",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    (out.status.code().unwrap_or(-1), v, stderr)
}

/// `report`'s summary (Markdown) for the CSP `saas`: the line of its underlying service.
fn underlying_line(saas: &Path, lang: &str) -> String {
    let out = common::stdout_of(
        bin()
            .args(["--lang", lang, "report", "--checks"])
            .arg(data("fix28-scope/checks.csv"))
            .arg("--csp")
            .arg(saas)
            .args(["--as-of", "2026-12-01", "--format", "md"]),
    );
    out.lines()
        .find(|l| l.contains("基盤サービス:") || l.contains("Underlying service:"))
        .unwrap_or_else(|| panic!("{out}"))
        // Markdown escapes the brackets
        .replace('\\', "")
}

/// Whether the item is capped by the underlying scope: partial, the reasons, a procedure.
fn capped_by_underlying(item: &Value) -> bool {
    let reasons = strings(&item["reasons"]);
    item["status"] == "partial"
        && reasons.contains(&"outside-statement-scope")
        && reasons.contains(&"inherited")
        && scope_procedures(item)
            .iter()
            .any(|t| t.contains("継承元") || t.contains("underneath"))
}

/// Review 19 A-1: the IaaS's statement names Tokyo only, the SaaS's Tokyo, Osaka and a
/// storage service: clause 11 inherited from it is not stated for Osaka. `report` caps the
/// item at partial with a procedure naming the service, its scope and the part; `compare`
/// gives the same verdict; `readiness` counts the objectives apart, notes why, and
/// `--fail-on missing` fails.
#[test]
fn an_underlying_scope_leaving_out_a_region_of_the_service_caps_what_is_inherited() {
    let saas = data("fix28-scope/saas.yaml");
    let item = physical_item(&saas, "ja");
    assert!(capped_by_underlying(&item), "{item:#}");
    let procs = scope_procedures(&item);
    assert!(
        procs.iter().any(|t| t.contains("継承元 狭いIaaS の言明の対象範囲（サンプルIaaS 仮想サーバ（東京リージョン））は 大阪リージョン を含まない")
            && t.contains("言明の対象範囲を比較した")),
        "{procs:?}"
    );
    // the storage service: a SaaS's own part is never named in its IaaS's scope
    assert!(!procs.iter().any(|t| t.contains("ストレージ")), "{procs:?}");
    let en = physical_item(&saas, "en");
    assert!(capped_by_underlying(&en), "{en:#}");
    assert!(
        scope_procedures(&en)
            .iter()
            .any(|t| t.contains("(the statement scopes were compared)")
                && t.contains("does not include 大阪リージョン")),
        "{en:#}"
    );
    // the summary says the scopes were compared, and what is left out
    assert!(
        underlying_line(&saas, "ja").ends_with("[言明の対象範囲に 大阪リージョン を含まない]"),
        "{}",
        underlying_line(&saas, "ja")
    );
    assert!(
        underlying_line(&saas, "en").ends_with("[statement scope leaves out 大阪リージョン]"),
        "{}",
        underlying_line(&saas, "en")
    );
    // an objective the SaaS states itself is not touched
    let v = json_of(
        bin()
            .args(["--lang", "en", "report", "--checks"])
            .arg(data("fix28-scope/checks.csv"))
            .arg("--csp")
            .arg(&saas)
            .args(["--as-of", "2026-12-01", "--format", "json"]),
    );
    assert_eq!(by_id(&v["items"], "C-2")["status"], "covered");
    // compare: the same verdict
    let v = json_of(
        bin()
            .args(["--lang", "en", "compare", "--checks"])
            .arg(data("fix28-scope/checks.csv"))
            .arg("--csp")
            .arg(&saas)
            .args(["--as-of", "2026-12-01", "--format", "json"]),
    );
    let c1 = by_id(&v["items"], "C-1");
    assert_eq!(
        c1["statuses"]["サンプルSaaS on IaaS（架空）"], "partial",
        "{c1:#}"
    );
    assert_eq!(
        strings(&c1["reasons"]["サンプルSaaS on IaaS（架空）"]),
        ["outside-statement-scope", "inherited"]
    );

    let (code, v, stderr) = readiness(&saas);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(v["missing"], serde_json::json!([]));
    assert_eq!(v["summary"]["underlying_outside_scope"], 15);
    assert_eq!(v["summary"]["underlying_not_in_effect"], 0);
    assert_eq!(v["underlying_outside_scope"].as_array().unwrap().len(), 15);
    let c11 = v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["key"] == "11")
        .unwrap();
    assert_eq!(c11["counts"]["underlying_outside_scope"], 15);
    assert_eq!(c11["counts"]["implemented"], 0);
    let i = by_id(&v["items"], "11.1.2");
    assert_eq!(i["state"], "implemented");
    assert_eq!(strings(&i["findings"]), ["underlying-outside-scope"]);
    assert!(
        stderr.contains("warning: The statement scope of the underlying service 狭いIaaS (サンプルIaaS 仮想サーバ（東京リージョン）) does not include 大阪リージョン"),
        "{stderr}"
    );
    assert!(
        stderr.contains("or outside its statement's scope (15): 11.1.1"),
        "{stderr}"
    );
}

/// Guards: the same region on both sides, an underlying scope wider than the service's, and
/// one region spelled otherwise read as before — inherited, covered, audit-ready.
#[test]
fn an_underlying_scope_covering_the_services_regions_reads() {
    let cases: [(&[&str], &[&str]); 9] = [
        (
            &["サンプルIaaS（東京リージョン）"],
            &["サンプルSaaS（東京リージョン）"],
        ),
        (
            &["サンプルIaaS（全リージョン）"],
            &["サンプルSaaS（東京リージョン、大阪リージョン）"],
        ),
        (
            &["サンプルIaaS（東京・大阪リージョン）"],
            &["サンプルSaaS（東京リージョン、大阪リージョン）"],
        ),
        (
            &["Sample IaaS (Tokyo region)"],
            &["サンプルSaaS（東京リージョン）"],
        ),
        (
            &["サンプルIaaS（東京リージョン）"],
            &["Sample SaaS (Tokyo region)"],
        ),
        (
            &["AWS アジアパシフィック（東京）リージョン"],
            &["サンプルSaaS（東京リージョン）"],
        ),
        (
            &["サンプルIaaS（ap-northeast-1、ap-northeast-3）"],
            &["サンプルSaaS（東京リージョン、大阪リージョン）"],
        ),
        (
            &["サンプルIaaS（東京リージョン（ap-northeast-1）、大阪リージョン（DRサイト））"],
            &["サンプルSaaS（東京リージョン、大阪リージョン）"],
        ),
        // what the service excludes itself is none of its parts
        (
            &["サンプルIaaS", "対象外: 管理コンソール"],
            &["サンプルSaaS（管理コンソールを除く）"],
        ),
    ];
    for (iaas, saas) in cases {
        let (_dir, path) = pair(Some(Some(iaas)), Some(Some(saas)));
        let item = physical_item(&path, "ja");
        assert_eq!(item["status"], "covered", "{iaas:?} / {saas:?}: {item:#}");
        assert_eq!(
            strings(&item["reasons"]),
            ["inherited"],
            "{iaas:?} / {saas:?}"
        );
        let (code, v, stderr) = readiness(&path);
        assert_eq!(code, 0, "{iaas:?} / {saas:?}: {stderr}");
        assert_eq!(v["summary"]["underlying_outside_scope"], 0);
        assert!(
            underlying_line(&path, "en")
                .ends_with("[statement scope compared: no region or part left out]"),
            "{iaas:?} / {saas:?}: {}",
            underlying_line(&path, "en")
        );
    }
    // no scope on either side, or none on the service's: nothing to compare; a service's
    // scope naming no region: compared, nothing it names left out
    for (iaas, saas, compared) in [
        (None, None, false),
        (Some(&["サンプルIaaS（東京リージョン）"][..]), None, false),
        (
            Some(&["サンプルIaaS（東京リージョン）"][..]),
            Some(&["サンプルSaaS"][..]),
            true,
        ),
    ] {
        let (_dir, path) = pair(Some(iaas), Some(saas));
        let item = physical_item(&path, "en");
        assert_eq!(item["status"], "covered", "{iaas:?} / {saas:?}: {item:#}");
        assert_eq!(
            underlying_line(&path, "en").contains("statement scope compared"),
            compared,
            "{iaas:?} / {saas:?}"
        );
    }
}

/// The same shapes with one more qualifier, or a scope left unstated: capped, each naming
/// the part.
#[test]
fn an_underlying_region_planned_or_in_part_or_an_unstated_scope_is_left_out() {
    let both: &[&str] = &["サンプルSaaS（東京リージョン、大阪リージョン）"];
    // (the IaaS's scope, the SaaS's, the part named)
    type Case<'a> = (Option<&'a [&'a str]>, &'a [&'a str], &'a str);
    let cases: [Case; 9] = [
        (
            Some(&["サンプルIaaS（東京リージョン、大阪リージョン（2027年開設予定））"]),
            both,
            "大阪リージョン",
        ),
        (
            Some(&["サンプルIaaS（東京リージョン、2027年開設予定の大阪リージョン）"]),
            both,
            "大阪リージョン",
        ),
        (
            Some(&["サンプルIaaS（東京リージョン、大阪リージョン（一部））"]),
            both,
            "大阪リージョン",
        ),
        (
            Some(&["サンプルIaaS（東京リージョン、大阪リージョン（案））"]),
            both,
            "大阪リージョン",
        ),
        (
            Some(&["サンプルIaaS（東京リージョン、大阪リージョン (planned)）"]),
            both,
            "大阪リージョン",
        ),
        (
            Some(&["サンプルIaaS（東京リージョン）。大阪リージョンは対象外"]),
            both,
            "大阪リージョン",
        ),
        (
            Some(&["サンプルIaaS（本番リージョン）"]),
            &["サンプルSaaS（東京リージョン）"],
            "東京リージョン",
        ),
        (
            Some(&["サンプルIaaS（東京リージョン）"]),
            &["サンプルSaaS（全リージョン）"],
            "全リージョン",
        ),
        (
            None,
            &["サンプルSaaS（東京リージョン）"],
            "記載されていない",
        ),
    ];
    for (iaas, saas, part) in cases {
        let (_dir, path) = pair(Some(iaas), Some(Some(saas)));
        let item = physical_item(&path, "ja");
        assert!(capped_by_underlying(&item), "{iaas:?} / {saas:?}: {item:#}");
        assert!(
            scope_procedures(&item).iter().any(|t| t.contains(part)),
            "{iaas:?}: {part}: {item:#}"
        );
        let (code, v, stderr) = readiness(&path);
        assert_eq!(code, 1, "{iaas:?}: {stderr}");
        assert_eq!(v["summary"]["underlying_outside_scope"], 15, "{iaas:?}");
        let line = underlying_line(&path, "ja");
        let said = match iaas {
            Some(_) => format!("[言明の対象範囲に {part} を含まない]"),
            None => "[言明の対象範囲の記載なし: 比較できない]".to_owned(),
        };
        assert!(line.ends_with(&said), "{line}");
    }
    // a part the underlying scope excludes, named by the service's scope
    let (_dir, path) = pair(
        Some(Some(&["サンプルIaaS", "対象外: ストレージサービス"])),
        Some(Some(&["サンプルSaaS、ストレージサービス"])),
    );
    let item = physical_item(&path, "ja");
    assert!(capped_by_underlying(&item), "{item:#}");
    assert!(
        scope_procedures(&item)
            .iter()
            .any(|t| t.contains("ストレージサービス")),
        "{item:#}"
    );
}

/// Through a chain (SaaS → PaaS → IaaS), each service below is compared with the SaaS's
/// scope: an IaaS of Tokyo only under a PaaS and a SaaS of Tokyo and Osaka caps what rests
/// on it, naming the IaaS; the PaaS's line says it was compared.
#[test]
fn each_service_of_a_chain_is_compared_with_the_first() {
    let dir = tempfile::tempdir().unwrap();
    for (from, to, scope) in [
        (
            "inherit/saas/saas.yaml",
            "saas.yaml",
            "SaaS（東京リージョン、大阪リージョン）",
        ),
        (
            "inherit/paas.yaml",
            "paas.yaml",
            "PaaS（東京リージョン、大阪リージョン）",
        ),
        ("inherit/iaas.yaml", "iaas.yaml", "IaaS（東京リージョン）"),
    ] {
        let text = std::fs::read_to_string(data(from))
            .unwrap()
            .replace("inherits: ../paas.yaml", "inherits: paas.yaml");
        std::fs::write(
            dir.path().join(to),
            format!("{text}\nscope:\n  - \"{scope}\"\n"),
        )
        .unwrap();
    }
    let saas = dir.path().join("saas.yaml");
    let item = physical_item(&saas, "ja");
    assert!(capped_by_underlying(&item), "{item:#}");
    assert!(
        scope_procedures(&item)
            .iter()
            .any(|t| t.contains("継承元 Test IaaS の言明の対象範囲（IaaS（東京リージョン））は 大阪リージョン を含まない")),
        "{item:#}"
    );
    let out = common::stdout_of(
        bin()
            .args(["--lang", "en", "report", "--checks"])
            .arg(data("fix28-scope/checks.csv"))
            .arg("--csp")
            .arg(&saas)
            .args(["--as-of", "2026-04-01", "--format", "md"]),
    )
    .replace('\\', "");
    assert!(
        out.contains("Underlying service: Test PaaS [ISMAP] [no renewal deadline: not checked] [statement scope compared: no region or part left out]"),
        "{out}"
    );
    assert!(
        out.contains("Underlying service: Test IaaS [ISMAP] [no renewal deadline: not checked] [statement scope leaves out 大阪リージョン]"),
        "{out}"
    );
}

/// fix25-scope left: a scope naming one edition (`テストクラウド Standard Edition`) states
/// nothing of another: an item asking of another edition in either language (`Enterprise
/// Edition`, `エンタープライズ版`, `Premium plan`, `Pro版`) or of every edition (`全エディション`,
/// `all editions`) is at most partial, naming both; the same edition in either language, an
/// item naming none, and `版`/`standard`/`plan` in other senses (`最新版`, `日本語版`,
/// `industry standard`, `business plan`) read as before. An edition named as planned is none
/// the scope names; a scope of every edition caps nothing.
#[test]
fn a_scope_naming_one_edition_does_not_state_another() {
    let statuses = |csp: &str| -> Vec<(String, String, Vec<String>)> {
        let v = json_of(
            bin()
                .args(["--lang", "ja", "report", "--checks"])
                .arg(data("fix28-scope/editions.csv"))
                .arg("--csp")
                .arg(data(&format!("fix28-scope/{csp}")))
                .args(["--as-of", "2026-12-01", "--format", "json"]),
        );
        let mut out: Vec<(String, String, Vec<String>)> = v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["id"].as_str().unwrap().to_owned(),
                    i["status"].as_str().unwrap().to_owned(),
                    scope_procedures(i),
                )
            })
            .collect();
        out.sort_by_key(|(id, ..)| id[2..].parse::<u32>().unwrap());
        out
    };
    let capped = ["E-1", "E-2", "E-5", "E-6", "E-10", "E-14"];
    for csp in ["edition.yaml", "edition-planned.yaml"] {
        for (id, status, procs) in statuses(csp) {
            if capped.contains(&id.as_str()) {
                assert_eq!(status, "partial", "{csp} {id}");
                assert!(
                    procs
                        .iter()
                        .any(|t| t.contains("standard edition のみを挙げ、")),
                    "{csp} {id}: {procs:?}"
                );
            } else {
                assert_eq!(status, "covered", "{csp} {id}: {procs:?}");
            }
        }
    }
    let e1 = &statuses("edition.yaml")[0];
    assert!(
        e1.2.iter()
            .any(|t| t.contains("standard edition のみを挙げ、enterprise edition を挙げていない")),
        "{e1:?}"
    );
    for (id, status, _) in statuses("edition-all.yaml") {
        assert_eq!(status, "covered", "{id}");
    }
}
