//! fix32-scope: scopes, regions and editions across layers (review 22 A-7 rest, A-12, C-5).
//! An underlying scope excluding one domain of one region (`除外: 大阪リージョンの物理セキュリ
//! ティ`, `Excluded: physical security of the Osaka region`, `Out of scope: Osaka`), a region
//! opened after the audit period, a draft scope of every region (`全リージョン（案）`), a
//! planned exclusion on the SaaS (`大阪リージョンは対象外（予定）`), an edition excluded in
//! Japanese words (`（Enterprise Editionは対象外）`) — each caps what rests on it; an item naming
//! another plan only to forbid it (`無償プランの利用を禁止すること`) is not about that plan.
mod common;

use std::path::Path;

use common::{bin, data, json_of, stdout_of, strings, with_scope};
use serde_json::Value;

/// The fixture profiles of `tests/data/fix32-scope/` written into a folder of their own with
/// the scopes given (the others as they are).
fn profiles(scopes: &[(&str, &[&str])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["iaas.yaml", "saas.yaml", "edition.yaml"] {
        let text = std::fs::read_to_string(data(&format!("fix32-scope/{name}"))).unwrap();
        let text = match scopes.iter().find(|(n, _)| *n == name) {
            Some((_, lines)) => with_scope(&text, Some(lines)),
            None => text,
        };
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// `report`'s items (JSON) of the fixture check list `checks` against the profile `csp`
/// of `dir`, by id: `status[reasons]`.
fn verdicts(dir: &Path, checks: &str, csp: &str) -> Vec<(String, String)> {
    let v: Value = json_of(
        bin()
            .args(["--lang", "en", "report", "--checks"])
            .arg(data(&format!("fix32-scope/{checks}")))
            .arg("--csp")
            .arg(dir.join(csp))
            .args(["--as-of", "2026-12-01", "--format", "json"]),
    );
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap().to_owned(),
                format!(
                    "{}[{}]",
                    i["status"].as_str().unwrap(),
                    strings(&i["reasons"]).join(",")
                ),
            )
        })
        .collect()
}

/// The verdict of item `id`.
fn of<'a>(verdicts: &'a [(String, String)], id: &str) -> &'a str {
    &verdicts.iter().find(|(i, _)| i == id).unwrap().1
}

/// The summary line of the service underneath in `report --format md` of `csp` (`lang`).
fn underlying_line(dir: &Path, csp: &str, lang: &str) -> String {
    let out = stdout_of(
        bin()
            .args(["--lang", lang, "report", "--checks"])
            .arg(data("fix32-scope/physical.csv"))
            .arg("--csp")
            .arg(dir.join(csp))
            .args(["--as-of", "2026-12-01", "--format", "md"]),
    );
    let label = if lang == "ja" {
        "- 基盤サービス:"
    } else {
        "- Underlying service:"
    };
    out.lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_default()
        .replace('\\', "")
}

const SAAS_BOTH: &[&str] = &["サンプルSaaS 本体（東京リージョン、大阪リージョン）"];
const SAAS_TOKYO: &[&str] = &["サンプルSaaS 本体（東京リージョン）"];
const CAPPED: &str = "partial[outside-statement-scope,inherited]";
const READ: &str = "covered[inherited]";
const INCLUDES: &str = "[statement scope compared: no region or part left out]";

/// Review 22 A-7 (rest): an IaaS excluding one domain of one region (physical security of
/// Osaka), in Japanese and English, or the region alone in English (`Out of scope: Osaka`),
/// caps the inherited physical item of a SaaS of Tokyo and Osaka, and the header names the
/// part left out (in both languages). Guard: a SaaS of Tokyo only uses no part left out —
/// covered, and the header says the scopes compare.
#[test]
fn an_underlying_exclusion_of_one_domain_in_one_region_caps_the_inherited_items() {
    let cases: [(&[&str], &str); 3] = [
        (
            &[
                "サンプルIaaS 仮想サーバ（東京リージョン、大阪リージョン）",
                "除外: 大阪リージョンの物理セキュリティ",
            ],
            "大阪リージョンの物理セキュリティ",
        ),
        (
            &[
                "Sample IaaS (Tokyo and Osaka regions)",
                "Excluded: physical security of the Osaka region",
            ],
            "physical security of the Osaka region",
        ),
        (
            &[
                "Sample IaaS (Tokyo and Osaka regions)",
                "Out of scope: Osaka",
            ],
            "Osaka",
        ),
    ];
    for (iaas, part) in cases {
        let dir = profiles(&[("iaas.yaml", iaas), ("saas.yaml", SAAS_BOTH)]);
        let v = verdicts(dir.path(), "physical.csv", "saas.yaml");
        assert_eq!(of(&v, "C-1"), CAPPED, "{iaas:?}");
        let en = underlying_line(dir.path(), "saas.yaml", "en");
        assert!(
            en.ends_with(&format!("[statement scope leaves out {part}]")),
            "{iaas:?}: {en}"
        );
        let ja = underlying_line(dir.path(), "saas.yaml", "ja");
        assert!(
            ja.ends_with(&format!("[言明の対象範囲に {part} を含まない]")),
            "{iaas:?}: {ja}"
        );
        // the ordinary neighbour: a SaaS in Tokyo only
        let dir = profiles(&[("iaas.yaml", iaas), ("saas.yaml", SAAS_TOKYO)]);
        let v = verdicts(dir.path(), "physical.csv", "saas.yaml");
        assert_eq!(of(&v, "C-1"), READ, "{iaas:?}");
        assert_eq!(of(&v, "C-2"), READ, "{iaas:?}");
        let en = underlying_line(dir.path(), "saas.yaml", "en");
        assert!(en.ends_with(INCLUDES), "{iaas:?}: {en}");
    }
}

/// The IaaS's own report under the same scopes: the excluded domain of Osaka caps the items
/// asking of it (every data centre, Osaka's), not Tokyo's data centre nor Osaka's backup (no
/// physical part); the region alone excluded in English (`Out of scope: Osaka`) caps an
/// item naming Osaka in Japanese, not Tokyo's.
#[test]
fn the_services_own_items_are_capped_where_they_ask_of_the_excluded_part() {
    let dir = profiles(&[]);
    let v = verdicts(dir.path(), "physical.csv", "iaas.yaml");
    let capped = "partial[outside-statement-scope]";
    assert_eq!(of(&v, "C-1"), capped);
    assert_eq!(of(&v, "C-3"), capped);
    assert_eq!(of(&v, "C-2"), "covered[]");
    assert_eq!(of(&v, "C-4"), "covered[]");
    assert_eq!(of(&v, "C-5"), "covered[]");
    let english = [
        "Sample IaaS (Tokyo and Osaka regions)",
        "Excluded: physical security of the Osaka region",
    ];
    let dir = profiles(&[("iaas.yaml", &english)]);
    let v = verdicts(dir.path(), "physical.csv", "iaas.yaml");
    assert_eq!(of(&v, "C-3"), capped);
    assert_eq!(of(&v, "C-2"), "covered[]");
    let alone = [
        "Sample IaaS (Tokyo and Osaka regions)",
        "Out of scope: Osaka",
    ];
    let dir = profiles(&[("iaas.yaml", &alone)]);
    let v = verdicts(dir.path(), "physical.csv", "iaas.yaml");
    assert_eq!(of(&v, "C-3"), capped);
    assert_eq!(of(&v, "C-4"), capped);
    assert_eq!(of(&v, "C-2"), "covered[]");
    // no region named beside it: the exclusion alone still reads Osaka
    let dir = profiles(&[("iaas.yaml", &["Sample IaaS", "Out of scope: Osaka"])]);
    let v = verdicts(dir.path(), "physical.csv", "iaas.yaml");
    assert_eq!(of(&v, "C-4"), capped);
    assert_eq!(of(&v, "C-2"), "covered[]");
}

/// Review 22 A-7: an underlying region opened after the statement's audit period (it ends
/// 2025-08-31) is not covered: the inherited item is capped and the header names it; the
/// IaaS's own item on that region too. Guard: a region opened before the period ends reads.
#[test]
fn a_region_opened_after_the_audit_period_is_not_covered() {
    let late = ["サンプルIaaS 仮想サーバ（東京リージョン、大阪リージョン（2026年10月開設））"];
    let dir = profiles(&[("iaas.yaml", &late), ("saas.yaml", SAAS_BOTH)]);
    let v = verdicts(dir.path(), "physical.csv", "saas.yaml");
    assert_eq!(of(&v, "C-1"), CAPPED);
    let en = underlying_line(dir.path(), "saas.yaml", "en");
    assert!(
        en.ends_with("[statement scope leaves out 大阪リージョン]"),
        "{en}"
    );
    let v = verdicts(dir.path(), "physical.csv", "iaas.yaml");
    assert_eq!(of(&v, "C-4"), "partial[outside-statement-scope]");
    assert_eq!(of(&v, "C-5"), "covered[]");
    for opened in ["2019年開設", "2025年4月開設"] {
        let iaas = format!("サンプルIaaS 仮想サーバ（東京リージョン、大阪リージョン（{opened}））");
        let dir = profiles(&[("iaas.yaml", &[&iaas]), ("saas.yaml", SAAS_BOTH)]);
        let v = verdicts(dir.path(), "physical.csv", "saas.yaml");
        assert_eq!(of(&v, "C-1"), READ, "{iaas}");
        let v = verdicts(dir.path(), "physical.csv", "iaas.yaml");
        assert_eq!(of(&v, "C-4"), "covered[]", "{iaas}");
    }
}

/// Review 22 A-7: a draft scope of every region (`全リージョン（案）`, also with the draft mark
/// after the bracket) is not every region, underneath or on the service itself; the header
/// names each region once (not `東京リージョンリージョン`). Guard: `全リージョン` reads.
#[test]
fn a_draft_scope_of_every_region_is_not_every_region() {
    for iaas in [
        "サンプルIaaS 仮想サーバ（全リージョン（案））",
        "サンプルIaaS 仮想サーバ（全リージョン）（案）",
    ] {
        let dir = profiles(&[("iaas.yaml", &[iaas]), ("saas.yaml", SAAS_BOTH)]);
        let v = verdicts(dir.path(), "physical.csv", "saas.yaml");
        assert_eq!(of(&v, "C-1"), CAPPED, "{iaas}");
        let en = underlying_line(dir.path(), "saas.yaml", "en");
        assert!(
            en.ends_with("[statement scope leaves out 東京リージョン, 大阪リージョン]"),
            "{iaas}: {en}"
        );
        // the service's own scope
        let v = verdicts(dir.path(), "physical.csv", "iaas.yaml");
        assert_eq!(of(&v, "C-4"), "partial[outside-statement-scope]", "{iaas}");
    }
    let every = ["サンプルIaaS 仮想サーバ（全リージョン）"];
    let dir = profiles(&[("iaas.yaml", &every), ("saas.yaml", SAAS_BOTH)]);
    let v = verdicts(dir.path(), "physical.csv", "saas.yaml");
    assert_eq!(of(&v, "C-1"), READ);
    let v = verdicts(dir.path(), "physical.csv", "iaas.yaml");
    assert_eq!(of(&v, "C-4"), "covered[]");
}

/// Review 22 A-7 (decided, fail closed): the SaaS's planned exclusion (`大阪リージョンは対象外
/// （予定）`, `…とする予定`, `対象外: 大阪リージョン（予定）`) leaves its statement's scope
/// uncertain: Osaka is still compared with the IaaS's scope (Tokyo only: capped, the header
/// names it), and the SaaS's own item on Osaka is capped, the procedure naming the exclusion
/// as planned. Guard: a final exclusion takes Osaka out of the comparison (covered).
#[test]
fn a_planned_exclusion_on_the_service_keeps_the_part_in_its_scope() {
    let tokyo = ["サンプルIaaS 仮想サーバ（東京リージョン）"];
    for planned in [
        &[
            "サンプルSaaS 本体（東京リージョン、大阪リージョン）",
            "大阪リージョンは対象外（予定）",
        ][..],
        &["サンプルSaaS 本体（東京リージョン、大阪リージョン。大阪リージョンは対象外とする予定）"],
        &[
            "サンプルSaaS 本体（東京リージョン、大阪リージョン）",
            "対象外: 大阪リージョン（予定）",
        ],
    ] {
        let dir = profiles(&[("iaas.yaml", &tokyo), ("saas.yaml", planned)]);
        let v = verdicts(dir.path(), "physical.csv", "saas.yaml");
        assert_eq!(of(&v, "C-1"), CAPPED, "{planned:?}");
        let en = underlying_line(dir.path(), "saas.yaml", "en");
        assert!(
            en.ends_with("[statement scope leaves out 大阪リージョン]"),
            "{planned:?}: {en}"
        );
        assert_eq!(
            of(&v, "C-4"),
            "partial[outside-statement-scope]",
            "{planned:?}"
        );
        let md = stdout_of(
            bin()
                .args(["--lang", "en", "report", "--checks"])
                .arg(data("fix32-scope/physical.csv"))
                .arg("--csp")
                .arg(dir.path().join("saas.yaml"))
                .args(["--as-of", "2026-12-01", "--format", "md"]),
        );
        let row = md.lines().find(|l| l.starts_with("| C-4 ")).unwrap();
        assert!(row.contains("excludes 大阪リージョン（予定）"), "{row}");
        // one gap for it, not also "not named"
        assert!(!row.contains("is not named"), "{row}");
    }
    let done = [
        "サンプルSaaS 本体（東京リージョン、大阪リージョン）",
        "大阪リージョンは対象外",
    ];
    let dir = profiles(&[("iaas.yaml", &tokyo), ("saas.yaml", &done)]);
    let v = verdicts(dir.path(), "physical.csv", "saas.yaml");
    assert_eq!(of(&v, "C-1"), READ);
    let en = underlying_line(dir.path(), "saas.yaml", "en");
    assert!(en.ends_with(INCLUDES), "{en}");
}

/// The statuses of the edition items (`editions.csv`) under an edition scope line.
fn editions(line: &str) -> Vec<(String, String)> {
    let dir = profiles(&[("edition.yaml", &[line])]);
    verdicts(dir.path(), "editions.csv", "edition.yaml")
}

const CAPPED_OWN: &str = "partial[outside-statement-scope]";
const COVERED_OWN: &str = "covered[]";

/// Review 22 A-12: an edition the scope excludes in its own words (`（Enterprise Editionは
/// 対象外）`, `(excluding Enterprise Edition)`, `（Enterprise Editionを除く）`) is excluded in
/// either language (`エンタープライズ版`, `エンタープライズエディション`); a scope of
/// `Standard Edition` alone caps the katakana names too. Guard: the edition named
/// (`Standard Edition`, `スタンダード版`) and an item naming none read.
#[test]
fn an_edition_excluded_in_japanese_words_is_excluded_in_either_language() {
    for line in [
        "テストクラウド Standard Edition（Enterprise Editionは対象外）",
        "テストクラウド Standard Edition (excluding Enterprise Edition)",
        "テストクラウド（Enterprise Editionを除く）",
        "テストクラウド Standard Edition",
        "テストクラウド スタンダード版",
    ] {
        let v = editions(line);
        for id in ["E1", "E3", "E4"] {
            assert_eq!(of(&v, id), CAPPED_OWN, "{line}: {id}");
        }
        for id in ["E2", "E5", "E6"] {
            assert_eq!(of(&v, id), COVERED_OWN, "{line}: {id}");
        }
    }
}

/// Review 22 C-5: an item naming another plan only to forbid its use (`無償プランの利用を禁止
/// すること`, `Free plan must not be used`, `Do not use the Free plan`, `Prohibit the use of
/// the free plan`, `無償プランは利用しないこと`) is not about that plan: covered under a scope of
/// `Standard Edition`. Guards: an item asking of the plan (`フリープランのバックアップ`, `無償
/// プランを利用する場合は申請すること`) or forbidding something else of another edition
/// (`Enterprise版のデータを削除しないこと`, `Enterprise Edition data must not be deleted`) is
/// still capped.
#[test]
fn an_item_forbidding_another_plan_is_not_about_it() {
    for line in [
        "テストクラウド Standard Edition",
        "テストクラウド Standard Edition（Enterprise Editionは対象外）",
    ] {
        let v = editions(line);
        for id in ["F1", "F2", "F3", "F4", "F5"] {
            assert_eq!(of(&v, id), COVERED_OWN, "{line}: {id}");
        }
        for id in ["G1", "G2", "G3", "G4"] {
            assert_eq!(of(&v, id), CAPPED_OWN, "{line}: {id}");
        }
    }
}

/// Over-cap found beside A-7: a region's bracket excluding a named part (`東京リージョン
/// （excluding admin console）`) says what is left out, not that Tokyo is not final: Tokyo's
/// item reads. Guards: a bracket excluding an unnamed share (`（一部サービスを除く）`) still
/// caps that region; a scope of regions only as a draft words the part not named with no
/// empty list (`names only (none stated as final)`).
#[test]
fn a_region_bracket_excluding_a_named_part_is_still_the_region() {
    let dir = profiles(&[(
        "edition.yaml",
        &["テストクラウド（東京リージョン（excluding admin console））"],
    )]);
    let v = verdicts(dir.path(), "physical.csv", "edition.yaml");
    assert_eq!(of(&v, "C-2"), COVERED_OWN);
    assert_eq!(of(&v, "C-4"), CAPPED_OWN);
    let dir = profiles(&[(
        "edition.yaml",
        &["テストクラウド（東京リージョン、大阪リージョン（一部サービスを除く））"],
    )]);
    let v = verdicts(dir.path(), "physical.csv", "edition.yaml");
    // Tokyo's item is not capped; the services left out unnamed make every credited item
    // carry the note (fix35-scope, review 23 A-12: an item naming no region is Osaka's too)
    assert_eq!(of(&v, "C-2"), "covered[scope-partly-unknown]");
    assert_eq!(of(&v, "C-5"), "covered[scope-partly-unknown]");
    assert_eq!(
        of(&v, "C-4"),
        "partial[outside-statement-scope,scope-partly-unknown]"
    );
    let dir = profiles(&[("edition.yaml", &["テストクラウド（全リージョン（案））"])]);
    for (lang, none) in [
        (
            "en",
            "names only (none stated as final); 大阪リージョン is not named",
        ),
        (
            "ja",
            "（確定した記載なし） のみを挙げ、大阪リージョン を挙げていない",
        ),
    ] {
        let md = stdout_of(
            bin()
                .args(["--lang", lang, "report", "--checks"])
                .arg(data("fix32-scope/physical.csv"))
                .arg("--csp")
                .arg(dir.path().join("edition.yaml"))
                .args(["--as-of", "2026-12-01", "--format", "md"]),
        );
        let row = md.lines().find(|l| l.starts_with("| C-4 ")).unwrap();
        assert!(row.contains(none), "{row}");
    }
}
