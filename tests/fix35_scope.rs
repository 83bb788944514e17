//! fix35-scope: statement scopes that leave their exclusions unnamed, objectives inherited
//! beyond the physical layer, and short audit periods (review 23 ).
//! A scope excluding a part it does not name (`本サービス（一部機能を除く）`, `（詳細は別紙）`,
//! `本サービスの主要機能`, `excluding some features`, `see Appendix A`) notes every credited
//! item (`scope-partly-unknown`, warning `scope-exclusion-unnamed`); `本サービス` and a named
//! exclusion read as before. An objective inherited outside clause 11 (`inherited: ["9"]`)
//! is at most partial (`inherited-beyond-infrastructure`); clause 11 reads as before. An
//! audit period of 7 days or less is design only; one under 3 months is noted
//! (`audit-period-short`, its length in days, no claim about the scheme's minimum).
mod common;

use std::path::{Path, PathBuf};

use common::{bin, by_id, data, example, json_of, stdout_of, strings};
use serde_json::Value;

/// The pasted entry of `tests/data/fix35-scope/entry.tmpl` with its scope line and audit
/// period, written into `dir`.
fn entry(dir: &Path, name: &str, scope: &str, audit: &str) -> PathBuf {
    let text = std::fs::read_to_string(data("fix35-scope/entry.tmpl")).unwrap();
    let path = dir.join(name);
    std::fs::write(
        &path,
        text.replace("@SCOPE@", scope).replace("@AUDIT@", audit),
    )
    .unwrap();
    path
}

/// `report` of the check list `checks` against `csp`, in `lang`, on `as_of`, in `format`.
fn run(lang: &str, checks: &Path, csp: &Path, as_of: &str, format: &str) -> assert_cmd::Command {
    let mut c = bin();
    c.args(["--lang", lang, "report", "--checks"])
        .arg(checks)
        .arg("--csp")
        .arg(csp)
        .args(["--as-of", as_of, "--format", format]);
    c
}

/// `report --format json` of the check list `checks` (of `tests/data/fix35-scope/`) against
/// `csp`, in `lang`, on `as_of`.
fn report(lang: &str, checks: &str, csp: &Path, as_of: &str) -> Value {
    let checks = data(&format!("fix35-scope/{checks}"));
    json_of(run(lang, &checks, csp, as_of, "json"))
}

/// `status[reasons]` of item `id`.
fn verdict(v: &Value, id: &str) -> String {
    let item = by_id(&v["items"], id);
    format!(
        "{}[{}]",
        item["status"].as_str().unwrap(),
        strings(&item["reasons"]).join(",")
    )
}

/// The messages of the report's warnings with `code`.
fn warnings<'a>(v: &'a Value, code: &str) -> Vec<&'a str> {
    v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == code)
        .map(|w| w["message"].as_str().unwrap())
        .collect()
}

/// The texts of item `id`'s procedures with `code`.
fn procedures<'a>(v: &'a Value, id: &str, code: &str) -> Vec<&'a str> {
    by_id(&v["items"], id)["additional_procedures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["code"] == code)
        .map(|p| p["text"].as_str().unwrap())
        .collect()
}

const YEAR: &str = "2025年4月1日～2026年3月31日";

#[test]
fn a_scope_excluding_parts_it_does_not_name_notes_every_covered_item() {
    let dir = tempfile::tempdir().unwrap();
    for scope in [
        "本サービス（一部機能を除く）",
        "本サービス（詳細は別紙）",
        "本サービス（ただし一部のオプション機能は対象外）",
        "本サービス（β版機能を除く）",
        "本サービスの主要機能",
        "The Service (excluding some features)",
        "The Service (see Appendix A)",
        "The Service's main features",
    ] {
        let csp = entry(dir.path(), "entry.txt", scope, YEAR);
        let v = report("en", "checks.csv", &csp, "2026-12-01");
        for id in ["C-01", "C-02", "C-03"] {
            assert_eq!(
                verdict(&v, id),
                "covered[scope-partly-unknown]",
                "{scope} {id}"
            );
            let asked = procedures(&v, id, "statement-scope");
            assert!(
                asked.len() == 1
                    && asked[0].contains("excludes parts it does not name")
                    && asked[0].contains(&format!("テストSaaS ({scope})")),
                "{scope} {id} {asked:?}"
            );
        }
        let w = warnings(&v, "scope-exclusion-unnamed");
        assert!(
            w.len() == 1 && w[0].contains(scope) && w[0].contains("obtain the statement's scope"),
            "{scope} {w:?}"
        );
    }
    // in Japanese, and in the text outputs as a covered item with notes
    let csp = entry(
        dir.path(),
        "entry.txt",
        "本サービス（一部機能を除く）",
        YEAR,
    );
    let v = report("ja", "checks.csv", &csp, "2026-12-01");
    let w = warnings(&v, "scope-exclusion-unnamed");
    assert!(
        w.len() == 1
            && w[0].contains("名前を挙げない部分を除外")
            && w[0].contains("言明の対象範囲"),
        "{w:?}"
    );
    let asked = procedures(&v, "C-01", "statement-scope");
    assert!(
        asked.len() == 1 && asked[0].contains("テストSaaS（本サービス（一部機能を除く））"),
        "{asked:?}"
    );
    let checks = data("fix35-scope/checks.csv");
    let csv = stdout_of(run("en", &checks, &csp, "2026-12-01", "csv"));
    assert!(
        csv.contains("C-01,利用者登録及び登録削除,covered *,"),
        "{csv}"
    );
}

/// The ordinary scopes beside them: the service alone, and an exclusion that names its
/// part (`（モバイルアプリを除く）`), read as before.
#[test]
fn a_plain_scope_or_a_named_exclusion_reads_as_before() {
    let dir = tempfile::tempdir().unwrap();
    for scope in ["本サービス", "The Service", "本サービス（東京リージョン）"] {
        let csp = entry(dir.path(), "plain.txt", scope, YEAR);
        let v = report("en", "checks.csv", &csp, "2026-12-01");
        for id in ["C-01", "C-02", "C-03", "C-05"] {
            assert_eq!(verdict(&v, id), "covered[]", "{scope} {id}");
        }
        assert!(
            warnings(&v, "scope-exclusion-unnamed").is_empty(),
            "{scope}"
        );
    }
    for scope in [
        "本サービス（モバイルアプリは対象外）",
        "本サービス（モバイルアプリを除く）",
        "本サービス（対象外: モバイルアプリ）",
        "The Service (Out of scope: mobile app)",
        "The Service (excluding the mobile app)",
    ] {
        let csp = entry(dir.path(), "named.txt", scope, YEAR);
        let v = report("en", "checks.csv", &csp, "2026-12-01");
        assert_eq!(
            verdict(&v, "C-04"),
            "partial[outside-statement-scope]",
            "{scope}"
        );
        for id in ["C-01", "C-02", "C-03", "C-05"] {
            assert_eq!(verdict(&v, id), "covered[]", "{scope} {id}");
        }
        assert!(
            warnings(&v, "scope-exclusion-unnamed").is_empty(),
            "{scope}"
        );
    }
}

/// A share of a class the scope names (`一部のオプション機能`): an item naming the class may
/// be about the excluded share, so it is outside the statement's scope as for a named part;
/// a share of nothing in particular (`一部機能`) names no part (an item saying `一部` is not
/// about it).
#[test]
fn a_share_of_a_named_class_is_excluded_with_its_class() {
    let dir = tempfile::tempdir().unwrap();
    let csp = entry(
        dir.path(),
        "option.txt",
        "本サービス（ただし一部のオプション機能は対象外）",
        YEAR,
    );
    let v = report("en", "checks.csv", &csp, "2026-12-01");
    assert_eq!(
        verdict(&v, "C-05"),
        "partial[outside-statement-scope,scope-partly-unknown]"
    );
    let excluded = procedures(&v, "C-05", "statement-scope");
    assert!(
        excluded
            .iter()
            .any(|p| p.contains("excludes オプション機能")),
        "{excluded:?}"
    );
    assert_eq!(verdict(&v, "C-04"), "covered[scope-partly-unknown]");
}

#[test]
fn objectives_inherited_beyond_the_physical_layer_are_not_covered() {
    let saas = data("fix35-scope/saas-beyond.yaml");
    let v = report("en", "checks-inherit.csv", &saas, "2026-06-01");
    // the SaaS's own users (9.2.1), backup (12.3.1), networks (13.1.1), redundancy (17.2.1)
    for id in ["C-01", "C-03", "C-04", "C-05"] {
        assert_eq!(
            verdict(&v, id),
            "partial[inherited,inherited-beyond-infrastructure]",
            "{id}"
        );
        let asked = procedures(&v, id, "inherited-beyond-infrastructure");
        assert!(
            asked.len() == 1
                && asked[0].contains("(via サンプルIaaS（架空）)")
                && asked[0].contains("covers this service's own users and data"),
            "{id} {asked:?}"
        );
    }
    assert!(procedures(&v, "C-01", "inherited-beyond-infrastructure")[0].contains("9.2.1"));
    // the physical layer, inherited: as before; the SaaS's own statement: as before
    assert_eq!(verdict(&v, "C-02"), "covered[inherited]");
    assert_eq!(verdict(&v, "C-06"), "covered[]");
    let w = warnings(&v, "inherited-beyond-infrastructure");
    assert!(
        w.len() == 1
            && w[0].contains(
                "inherits 9.2.1, 9.2.2, 12.3.1, 13.1.1, 17.2.1 from サンプルIaaS（架空）"
            )
            && w[0].contains("not counted as covered"),
        "{w:?}"
    );
    let ja = report("ja", "checks-inherit.csv", &saas, "2026-06-01");
    let w = warnings(&ja, "inherited-beyond-infrastructure");
    assert!(
        w.len() == 1 && w[0].contains("物理的セキュリティ(箇条11)以外の統制目標です"),
        "{w:?}"
    );
    // compare judges it alike
    let cmp = json_of(
        bin()
            .args(["--lang", "en", "compare", "--checks"])
            .arg(data("fix35-scope/checks-inherit.csv"))
            .arg("--csp")
            .arg(&saas)
            .arg("--csp")
            .arg(example("saas-profile.yaml"))
            .args(["--as-of", "2026-06-01", "--format", "json"]),
    );
    let statuses = &by_id(&cmp["items"], "C-01")["statuses"];
    let of = |file: &str| {
        statuses
            .as_object()
            .unwrap()
            .iter()
            .find(|(k, _)| k.ends_with(&format!("{file})")))
            .map(|(_, s)| s.as_str().unwrap())
            .unwrap()
    };
    assert_eq!(of("saas-beyond.yaml"), "partial");
    assert_eq!(of("saas-profile.yaml"), "covered");
}

/// The example SaaS inherits clause 11 only: nothing to question.
#[test]
fn clause_11_inherited_reads_as_before() {
    let v = report(
        "en",
        "checks-inherit.csv",
        &example("saas-profile.yaml"),
        "2026-06-01",
    );
    assert_eq!(verdict(&v, "C-02"), "covered[inherited]");
    for id in ["C-01", "C-03", "C-04", "C-05", "C-06"] {
        assert_eq!(verdict(&v, id), "covered[]", "{id}");
    }
    assert!(warnings(&v, "inherited-beyond-infrastructure").is_empty());
}

#[test]
fn an_audit_period_of_a_few_days_is_design_only_and_a_short_one_is_noted() {
    let dir = tempfile::tempdir().unwrap();
    // a week or less: as the one-day case, an assurance gap on an item needing ISMAP's
    for (audit, days) in [
        ("2025年3月31日時点", 1),
        ("2025年3月30日～2025年3月31日", 2),
        ("2025年3月25日～2025年3月31日", 7),
    ] {
        let csp = entry(dir.path(), "short.txt", "本サービス", audit);
        let v = report("en", "checks.csv", &csp, "2026-06-01");
        assert_eq!(verdict(&v, "C-01"), "assurance-gap[design-only]", "{audit}");
        let w = warnings(&v, "design-only");
        let said = if days == 1 {
            "is one day".to_owned()
        } else {
            format!("is {days} days")
        };
        assert!(w.len() == 1 && w[0].contains(&said), "{audit} {w:?}");
        assert!(warnings(&v, "audit-period-short").is_empty(), "{audit}");
    }
    // over a week, under 3 months: a note stating its length, nothing of the scheme's rules
    for (audit, days) in [
        ("2025年3月24日～2025年3月31日", 8),
        ("2025年3月1日～2025年3月31日", 31),
        ("2025年1月1日～2025年3月30日", 89),
    ] {
        let csp = entry(dir.path(), "short.txt", "本サービス", audit);
        let v = report("en", "checks.csv", &csp, "2026-06-01");
        assert_eq!(
            verdict(&v, "C-01"),
            "covered[audit-period-short]",
            "{audit}"
        );
        assert_eq!(
            procedures(&v, "C-01", "audit-period-short").len(),
            1,
            "{audit}"
        );
        let w = warnings(&v, "audit-period-short");
        assert!(
            w.len() == 1
                && w[0].contains(&format!("is {days} days"))
                && !w[0].contains("regulation")
                && !w[0].contains("基本規程"),
            "{audit} {w:?}"
        );
        assert!(warnings(&v, "design-only").is_empty(), "{audit}");
        let ja = report("ja", "checks.csv", &csp, "2026-06-01");
        let w = warnings(&ja, "audit-period-short");
        assert!(w.len() == 1 && w[0].contains(&format!("{days}日")), "{w:?}");
    }
    // 3, 6 and 12 months: bare covered
    for audit in [
        "2025年1月1日～2025年3月31日",
        "2024年10月1日～2025年3月31日",
        "2024年4月1日～2025年3月31日",
    ] {
        let csp = entry(dir.path(), "long.txt", "本サービス", audit);
        let v = report("en", "checks.csv", &csp, "2026-06-01");
        assert_eq!(verdict(&v, "C-01"), "covered[]", "{audit}");
        assert!(warnings(&v, "audit-period-short").is_empty(), "{audit}");
        assert!(warnings(&v, "design-only").is_empty(), "{audit}");
    }
}

/// fix32-scope left: a service underneath that leaves its data centre to another provider
/// (`データセンターはAWSに依拠`) with no statement below it carries no clause 11 for the
/// service on it; with the provider's statement below it (`inherits:`), the chain does.
#[test]
fn a_physical_part_left_to_a_provider_with_nothing_below_is_not_inherited() {
    let v = report(
        "en",
        "checks-physical.csv",
        &data("fix35-scope/saas-on-paas.yaml"),
        "2026-06-01",
    );
    assert_eq!(
        verdict(&v, "P-1"),
        "partial[outside-statement-scope,inherited]"
    );
    let asked = procedures(&v, "P-1", "statement-scope");
    assert!(
        asked.len() == 1 && asked[0].contains("does not include データセンター"),
        "{asked:?}"
    );
    assert_eq!(verdict(&v, "P-2"), "covered[]");
    let (checks, csp) = (
        data("fix35-scope/checks-physical.csv"),
        data("fix35-scope/saas-on-paas.yaml"),
    );
    let md = stdout_of(run("en", &checks, &csp, "2026-06-01", "md"));
    assert!(
        md.contains("\\[statement scope leaves out データセンター\\]"),
        "{md}"
    );
    // the chain down to the IaaS carries it
    let v = report(
        "en",
        "checks-physical.csv",
        &data("fix35-scope/saas-on-paas-chain.yaml"),
        "2026-06-01",
    );
    assert_eq!(verdict(&v, "P-1"), "covered[inherited]");
}

/// `readiness` of the SaaS inheriting beyond clause 11: those objectives are not counted
/// implemented (finding `underlying-outside-scope`, note `inherited-beyond-infrastructure`);
/// clause 11 inherited still is.
#[test]
fn readiness_does_not_count_objectives_inherited_beyond_the_physical_layer() {
    for (lang, said) in [
        ("en", "outside the physical layer (clause 11) are inherited"),
        (
            "ja",
            "物理的セキュリティ(箇条11)以外の統制目標5件を継承元から継承しています",
        ),
    ] {
        let v = json_of(
            bin()
                .args(["--lang", lang, "readiness", "--implemented"])
                .arg(data("fix35-scope/saas-beyond.yaml"))
                .args(["--as-of", "2026-06-01", "--format", "json"]),
        );
        let findings = |id: &str| strings(&by_id(&v["items"], id)["findings"]).join(",");
        for id in ["9.2.1", "9.2.2", "12.3.1", "13.1.1", "17.2.1"] {
            assert_eq!(findings(id), "underlying-outside-scope", "{id}");
        }
        assert_eq!(findings("11.1.2"), "");
        assert_eq!(findings("9.2.3"), "");
        let notes: Vec<&str> = v["notes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["code"] == "inherited-beyond-infrastructure")
            .map(|n| n["message"].as_str().unwrap())
            .collect();
        assert!(
            notes.len() == 1
                && notes[0].contains(said)
                && notes[0].contains("9.2.1, 9.2.2, 12.3.1"),
            "{notes:?}"
        );
    }
    // the example SaaS (clause 11 only): no such note
    let v = json_of(
        bin()
            .args(["--lang", "en", "readiness", "--implemented"])
            .arg(example("saas-profile.yaml"))
            .args(["--as-of", "2026-06-01", "--format", "json"]),
    );
    assert!(!v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["code"] == "inherited-beyond-infrastructure"));
    assert_eq!(
        strings(&by_id(&v["items"], "11.1.2")["findings"]).len(),
        0,
        "{}",
        by_id(&v["items"], "11.1.2")
    );
}

/// fix32-scope left: an edition dated after the audit period's end (`Enterprise Edition
/// （2026年10月提供開始）`, the audit ending 2025-09-30) was not seen by the audit: an item
/// asking of it is outside the scope, as for a region opened after it; one dated inside the
/// period reads.
#[test]
fn an_edition_dated_after_the_audit_period_is_not_covered() {
    let text = std::fs::read_to_string(data("fix32-scope/edition.yaml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let run = |scope: &str| {
        let path = dir.path().join("edition.yaml");
        std::fs::write(&path, common::with_scope(&text, Some(&[scope]))).unwrap();
        json_of(run(
            "en",
            &data("fix32-scope/editions.csv"),
            &path,
            "2026-12-01",
            "json",
        ))
    };
    let v = run("テストクラウド Standard Edition、Enterprise Edition（2026年10月提供開始）");
    for id in ["E1", "E3", "E4"] {
        assert_eq!(verdict(&v, id), "partial[outside-statement-scope]", "{id}");
    }
    assert_eq!(verdict(&v, "E2"), "covered[]");
    let v = run("テストクラウド Standard Edition、Enterprise Edition（2025年4月提供開始）");
    for id in ["E1", "E2", "E3", "E4"] {
        assert_eq!(verdict(&v, id), "covered[]", "{id}");
    }
}
