//! Session 14's check-list rating and note rules (review 20 C-5, C-6, C-4, C-13): a rating
//! with its rationale reads as the rating; a rating with any other statement is its item's
//! problem, not the whole list's.
//!
//! Fixtures: `tests/data/fix27-notes/`. An item whose id starts with `A-` must be not analysed
//! with a `note-against` problem, one starting with `C-` covered.
mod common;

use std::path::Path;

use common::{data, json_of, on_checks};

/// `report --checks FILE --csp (every objective 実施 but 9.2.4) --format json`, as of
/// 2026-04-01.
fn report(lang: &str, checks: &Path) -> assert_cmd::Command {
    let mut c = on_checks(lang, "report", checks);
    c.arg("--csp").arg(data("fix10-chk/csp-st.csv"));
    c.args(["--format", "json"]);
    c
}

/// Runs `report` on `tests/data/fix27-notes/NAME` and checks every item by its id: `A-…` not
/// analysed with a `note-against` problem, `C-…` covered. Returns the items.
fn by_prefix(name: &str) -> Vec<serde_json::Value> {
    let v = json_of(report("en", &data(&format!("fix27-notes/{name}"))));
    let items = v["items"].as_array().unwrap().clone();
    for item in &items {
        let id = item["id"].as_str().unwrap();
        if id.starts_with("A-") {
            assert_eq!(item["status"], "not-analysed", "{name} {item}");
            assert!(
                item["problems"]
                    .as_array()
                    .is_some_and(|p| p.iter().any(|p| p["field"] == "note-against")),
                "{name} {item}"
            );
        } else {
            assert_eq!(item["status"], "covered", "{name} {item}");
        }
    }
    items
}

/// Review 20 C-5: a rating followed by why it is rated so (`高 - 個人情報を扱うため`, `High:
/// mandatory`, `高、必須`) refused the whole list as "a statement after its rating": now it
/// reads as the rating (risk high), as `高（個人情報）` does. A rating followed by anything else
/// (`High - admins share one password`, `High - PII not encrypted`) is its item's problem
/// (not analysed, `note-against` naming the risk column); the rest of the list reads.
#[test]
fn a_rating_with_its_rationale_reads_and_a_statement_is_the_items_problem() {
    let items = by_prefix("ratings.csv");
    assert_eq!(items.len(), 19);
    for item in items
        .iter()
        .filter(|i| i["id"].as_str().unwrap().starts_with("C-"))
    {
        assert_eq!(item["risk"], "high", "{item}");
    }
    let yaml = tempfile::tempdir().unwrap();
    let path = yaml.path().join("c.yaml");
    std::fs::write(
        &path,
        "items:\n  - id: R-1\n    title: 利用者登録\n    refs: [9.2.1]\n    risk: High - admins share one password\n  - id: R-2\n    title: 利用者登録\n    refs: [9.2.1]\n    risk: 'High: mandatory'\n",
    )
    .unwrap();
    let v = json_of(report("en", &path));
    assert_eq!(v["items"][0]["status"], "not-analysed", "{v}");
    assert_eq!(v["items"][1]["status"], "covered", "{v}");
    assert_eq!(v["items"][1]["risk"], "high", "{v}");
}

/// Writes a one-item list with `value` under `header` and returns the exit status.
fn one_under(header: &str, value: &str) -> Option<i32> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.csv");
    std::fs::write(
        &path,
        format!("項番,確認項目,ISMAP管理策,{header}\nR-1,利用者登録,9.2.1,{value}\n"),
    )
    .unwrap();
    let out = report("en", &path).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    out.status.code()
}

/// Review 20 C-6: under a findings header a none with its source (`None (per audit report)`,
/// `なし（監査報告書参照）`, `なし（SOC2報告書で確認）`, `なし（ISMAP監査）`) refused the whole list:
/// now read as none. Guards: a qualified or pending none (`None (tentative)`, `なし（暫定）`,
/// `なし（CSP回答）`, `None (per CSP)`) still refused; the plain nones read.
#[test]
fn a_none_with_its_source_under_a_findings_header_reads() {
    for header in ["指摘事項", "Exceptions"] {
        for (value, read) in [
            ("None (per audit report)", true),
            ("None (see SOC2 report)", true),
            ("なし（監査報告書参照）", true),
            ("なし（SOC2報告書で確認）", true),
            ("なし（前回監査）", true),
            ("なし（ISMAP監査）", true),
            ("なし（内部監査）", true),
            ("None (tentative)", false),
            ("なし（暫定）", false),
            ("なし（CSP回答）", false),
            ("None (per CSP claim)", false),
            ("None (see other service)", false),
            ("なし", true),
            ("None", true),
            ("0件", true),
        ] {
            assert_eq!(
                one_under(header, value),
                Some(if read { 0 } else { 2 }),
                "{header} {value}"
            );
        }
    }
}

/// Review 20 C-13: ordinary clean notes naming what the matter is against or when it was
/// checked (`要求水準との差異なし`, `仕様差異なし（2025年度確認）`) were not analysed: now covered.
/// Guards: the same dated later, qualified or pending (`（2027年度確認）`, `（自己評価）`,
/// `（予定）`, `（要確認）`) and `要求水準に達しない` not analysed.
#[test]
fn a_none_against_the_required_level_or_checked_before_is_clean() {
    assert_eq!(by_prefix("notes.csv").len(), 14);
}

/// Review 20 C-4: a none in the references cell settled in a place, confirmed
/// (`なし（契約で確認済）`, `None (confirm in contract)`, `なし（CSPへ確認）`, `…確認する`,
/// `…確認のこと`) was a reference not read: now outside ISMAP (`S-…`), as `なし（契約で確認）`.
/// Guards (`U-…`, not analysed): a confirm naming no place (`None (to confirm)`, `None
/// (confirm)`), in part, or another service's.
#[test]
fn a_none_confirmed_in_a_place_is_settled() {
    let v = json_of(report("en", &data("fix27-notes/refs-none.csv")));
    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), 12);
    for item in items {
        let want = if item["id"].as_str().unwrap().starts_with("U-") {
            "not-analysed"
        } else {
            "outside-ismap"
        };
        assert_eq!(item["status"], want, "{item}");
    }
}
