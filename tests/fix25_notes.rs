//! Session 13's check-list note, rating and reference-cell rules (review 18 A-1, C-3, B-1;
//! review 17 A-2's addendum; closing-11's left items): every note claiming a gap or finding
//! none or resolved is read with one rule, dated and qualified claims not clean; notes
//! saying there is none of an unmet, pending or unsupported thing read clean.
//!
//! Fixtures: `tests/data/fix25-notes/`. An item whose id starts with `A-` must be not analysed
//! (its note, title, rating or reference stands against it), one starting with `C-` covered.
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

/// Runs `report` on `tests/data/fix25-notes/NAME` and checks every item by its id: `A-…` not
/// analysed with a problem of `field`, `C-…` covered. Returns the number of items.
fn by_prefix(name: &str, field: &str) -> usize {
    let v = json_of(report("en", &data(&format!("fix25-notes/{name}"))));
    let items = v["items"].as_array().unwrap();
    for item in items {
        let id = item["id"].as_str().unwrap();
        if id.starts_with("A-") {
            assert_eq!(item["status"], "not-analysed", "{name} {item}");
            assert!(
                item["problems"]
                    .as_array()
                    .is_some_and(|p| p.iter().any(|p| p["field"] == field)),
                "{name} {item}"
            );
        } else {
            assert_eq!(item["status"], "covered", "{name} {item}");
        }
    }
    items.len()
}

/// Review 18 A-1: a note claiming a gap, finding or issue resolved or none with a date after
/// --as-of in any spelling (`(Q1 2027)`, `(2027-06)`, `(H1 2027)`, `1Q27`, `2027年に`,
/// `（2027年3月）`, `as of 2027-01`), a qualifier (`(other service)`, `(tentative)`, `in the
/// other region`, `（自己評価）`, `（案）`, `（一部）`, `（予定）`, `(draft)`) or a doubt
/// (`解消済？`) was bare covered for the shapes `says_against` did not flag: now not analysed
/// (`note-against`). Guards: the same claims dated on or before --as-of or plain (`Gap
/// remediated (2025-06)`, `Open items: 0`, `No gaps`, `例外なし`, `Issues resolved`), with the
/// audit or the report confirming it (`（是正報告書で確認）`, `（2025年度監査）`, `No exceptions
/// noted`, `課題管理表にて対応済`), a policy (`例外は認めない`) and a description beside a
/// clean claim still covered.
#[test]
fn a_resolved_or_none_note_dated_later_or_qualified_is_not_clean() {
    assert_eq!(by_prefix("notes-resolved.csv", "note-against"), 34);
}

/// Review 18 C-3: a note saying there is none of what review 17 A-2 reads as unmet, pending
/// or not offered (`回答待ちなし`, `CSPに確認中の事項はない`, `要求水準に達しない項目はない`,
/// `基準を下回る項目なし`, `改善要の事項なし`, `不可なし`, `Not offered: none`, `サポート外の機能は
/// 利用しない`, `対応不可の項目はない`) was not analysed: now covered, as `未達なし` and `差異なし`.
/// Guards: the same with a later date or a qualifier (`（2027年3月）`, `（暫定）`, `（一部）`,
/// `（自己評価）`, `（案）`, `（他サービス）`, `(tentative)`, `？`) and the words alone (`回答待ち`,
/// `要求水準に達しない`, `不可`, `Not offered`, `サポート外`, `機能なし`) still not analysed.
#[test]
fn a_note_saying_none_is_unmet_pending_or_unsupported_is_clean() {
    assert_eq!(by_prefix("notes-none.csv", "note-against"), 24);
}

/// Review 17 A-2 addendum: a remark closing the item's title (`…（CSP回答：未対応）`,
/// `…（当社基準未達）`, `…（是正中）`, `…【リスク受容済】`, `… ※前回指摘あり`, `… [Gap]`,
/// `…（CSP回答待ち）`, `…（2027年度対応予定）`, a resolved claim dated later) was never read:
/// bare covered; now read as the note is (`note-against`, the title's column named). Guards:
/// the requirement's own words (`未対応のインシデントを記録すること`), a bracket describing what
/// is asked (`（ID発行）`, `（多要素認証を含む）`, `（未対応のものを含む）`, `（任意）`,
/// `（必要に応じて）`, `(privileged accounts)`, `（9.2.1）`), a leading category (`【アクセス制御】`)
/// and a clean remark (`（指摘事項は2025年に是正済）`) still covered.
#[test]
fn a_remark_closing_the_title_is_read_as_a_note() {
    assert_eq!(by_prefix("titles.csv", "note-against"), 21);
    let v = json_of(report("ja", &data("fix25-notes/titles.csv")));
    let item = common::by_id(&v["items"], "A-07");
    assert_eq!(item["problems"][0]["column"], "確認項目", "{item}");
    assert_eq!(
        item["problems"][0]["value"], "利用者登録の手続（CSP回答待ち）",
        "{item}"
    );
}

/// `report` in `lang` on a check list of one item (9.2.1, which the CSP states 実施) whose
/// risk column `リスク` holds `risk`: its exit code and stderr.
fn one_risk(dir: &Path, lang: &str, risk: &str) -> (Option<i32>, String) {
    let path = dir.join("r.csv");
    std::fs::write(
        &path,
        format!("項番,確認項目,ISMAP管理策,リスク\nR-1,利用者登録,9.2.1,{risk}\n"),
    )
    .unwrap();
    let out = report(lang, &path).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// fix21-chk left: a rating followed by a statement without a negation word (`High - admins
/// share one password`, `High – …`, `高：管理者がパスワードを共有`, `高 管理者パスワード共有`,
/// `Medium - see note`) was a warning (risk not read) and the item bare covered: now not
/// analysed (review 20 C-5: the item's problem; in YAML too). Guards: ratings alone and with a
/// bracketed note of their own (`High`, `高`, `3`, `High (impact)`, `高（影響度）`, `高（必須）`)
/// read; two ratings (`High/Medium`) stay the warning of a risk not read.
#[test]
fn a_rating_followed_by_a_statement_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for risk in [
        "High - admins share one password",
        "High – admins share one password",
        "高：管理者がパスワードを共有",
        "高 管理者パスワード共有",
        "Medium - see note",
    ] {
        let (code, err) = one_risk(dir.path(), "en", risk);
        // review 20 C-5: the item's problem (not analysed), not the whole list's
        assert_eq!(code, Some(0), "{risk}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    for risk in [
        "High",
        "高",
        "3",
        "High (impact)",
        "高（影響度）",
        "高（必須）",
        "High/Medium",
    ] {
        let (code, err) = one_risk(dir.path(), "en", risk);
        assert_eq!(code, Some(0), "{risk}: {err}");
    }
    let yaml = dir.path().join("c.yaml");
    std::fs::write(
        &yaml,
        "items:\n  - id: R-1\n    title: 利用者登録\n    refs: [9.2.1]\n    risk: High - admins share one password\n",
    )
    .unwrap();
    let v = json_of(report("en", &yaml));
    assert_eq!(v["items"][0]["status"], "not-analysed", "{v}");
}

/// fix23-chk left: the clean-note reading covered the `備考` column only. Decided: `コメント`,
/// `Comment`, `Comments`, `Remarks`, `メモ`, `特記事項`, `補足` are note columns, read item by item
/// with the note's rule (a clean claim covered, what stands against the item `note-against`
/// naming the column, the rest of the list read — they were refused whole); `所見` stays the
/// buyer's evaluation (free text refused), but an undated clean claim there reads. Guards: a
/// later date or a qualifier (`Gap remediated (2027-06)`, `Gap: none (tentative)` — bare
/// covered under `コメント` before), `不可`, `未対応`, `2027年度対応予定` not analysed.
#[test]
fn a_note_column_under_another_name_reads_as_the_note() {
    assert_eq!(by_prefix("comments.csv", "note-against"), 10);
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(data("fix25-notes/comments.csv")).unwrap();
    for header in ["Comment", "Comments", "Remarks", "メモ", "特記事項", "補足"] {
        let path = dir.path().join("c.csv");
        std::fs::write(&path, text.replacen("コメント", header, 1)).unwrap();
        let v = json_of(report("en", &path));
        for item in v["items"].as_array().unwrap() {
            let id = item["id"].as_str().unwrap();
            let want = if id.starts_with("A-") {
                "not-analysed"
            } else {
                "covered"
            };
            assert_eq!(item["status"], want, "{header} {item}");
        }
        let a1 = common::by_id(&v["items"], "A-01");
        assert_eq!(a1["problems"][0]["column"], header, "{a1}");
    }
    // `所見`: the evaluation's rule, an undated clean claim read
    for (value, read) in [
        ("Gap: none", true),
        ("未対応の項目はない", true),
        ("手順書を確認した", false),
        ("Gap: none (tentative)", false),
        ("不可", false),
    ] {
        let path = dir.path().join("s.csv");
        std::fs::write(
            &path,
            format!("項番,確認項目,ISMAP管理策,所見\nR-1,利用者登録,9.2.1,{value}\n"),
        )
        .unwrap();
        let out = report("en", &path).output().unwrap();
        assert_eq!(out.status.code(), Some(if read { 0 } else { 2 }), "{value}");
    }
}

/// Review 18 B-1: a references cell saying none with a bracketed note was a settled
/// ISMAP対象外 unless the note held a word of a pending list; inverted: settled only when the
/// note is a reason or a place (`物理なし`, `契約で確認`, `契約確認`, `対象外`, `提案範囲外`,
/// `別途確認`, `CSPに確認`, `当社判断`, `利用者責任`, `out of scope`, `SLAで確認`), else a
/// reference not read (`not-analysed`): `CSP回答待ち`, `不明`, `わからない`, `unknown`, `要調整`,
/// `要相談`, `検討`, `to be reviewed`, `interim`, `for now`, `当面`, `現時点`, `今回`,
/// `2027年度に見直し`, `一部`, `他サービスで対応`, `自己評価`, `物理は別サービス`, `see note`.
#[test]
fn a_none_with_a_note_is_settled_only_by_a_reason_or_a_place() {
    let v = json_of(report("en", &data("fix25-notes/refs-none.csv")));
    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), 34);
    for item in items {
        let id = item["id"].as_str().unwrap();
        let want = if id.starts_with("U-") {
            "not-analysed"
        } else {
            "outside-ismap"
        };
        assert_eq!(item["status"], want, "{item}");
    }
}

/// Found here (beside review 18 A-1): under a gap or finding header (`指摘事項`, `Gap`,
/// `Finding`, `例外`, `Exceptions`) a none with a qualifier the remark vocabulary does not know
/// (`None (tentative)`, `No gaps (tentative)`) was read as none: bare covered. Now read as the
/// note's claim of none, the header naming its matter: refused. Guards: `なし`, `No`, `None`,
/// `No findings`, `0件`, `該当なし` still read.
#[test]
fn a_qualified_none_under_a_findings_header_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for header in ["指摘事項", "Gap", "Finding", "例外", "Exceptions"] {
        for (value, read) in [
            ("None (tentative)", false),
            ("No gaps (tentative)", false),
            ("なし", true),
            ("No", true),
            ("None", true),
            ("No findings", true),
            ("0件", true),
            ("該当なし", true),
        ] {
            let path = dir.path().join("f.csv");
            std::fs::write(
                &path,
                format!("項番,確認項目,ISMAP管理策,{header}\nR-1,利用者登録,9.2.1,{value}\n"),
            )
            .unwrap();
            let out = report("en", &path).output().unwrap();
            assert_eq!(
                out.status.code(),
                Some(if read { 0 } else { 2 }),
                "{header} {value}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}
