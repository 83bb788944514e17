//! Session 14 fix32-grc: a buyer check list's own columns (GRC exports, applicability,
//! continuation rows): review 22 B-2 (a continuation row's own applicability or status), a
//! `Scope`/`対象` value limiting the scope in words, review 22 C-13 (Annex A ids without `A.`
//! under a per-row `Framework` column), `N/A` under a result column, review 22 A-10's rest (a
//! dated footnote of every item).
//!
//! Fixtures: `tests/data/fix32-grc/`; the CSP states every objective 実施 but 9.2.4
//! (`tests/data/fix10-chk/csp-st.csv`); as of 2026-04-01.
mod common;

use std::path::Path;

use common::{by_id, data, json_of, on_checks};

/// `report --checks FILE --csp (every objective 実施 but 9.2.4) --format json`, as of
/// 2026-04-01.
fn report(checks: &Path) -> assert_cmd::Command {
    let mut c = on_checks("en", "report", checks);
    c.arg("--csp").arg(data("fix10-chk/csp-st.csv"));
    c.args(["--format", "json"]);
    c
}

/// The report of fixture `name` (exit 0).
fn fixture(name: &str) -> serde_json::Value {
    json_of(report(&data(&format!("fix32-grc/{name}"))))
}

/// The status of item `id`.
fn status<'a>(v: &'a serde_json::Value, id: &str) -> &'a str {
    by_id(&v["items"], id)["status"].as_str().unwrap()
}

/// The ids of the controls item `id` was judged on.
fn controls(v: &serde_json::Value, id: &str) -> Vec<String> {
    by_id(&v["items"], id)["controls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect()
}

/// The outcome of a one-item list (`A.9.2.1`, ISMAP) with `value` under `header`: the item's
/// status, or `error` (exit 2, no panic).
fn one_under(header: &str, value: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.csv");
    std::fs::write(
        &path,
        format!("ID,Requirement,Control ID,{header}\nQ-1,Users are registered,A.9.2.1,{value}\n"),
    )
    .unwrap();
    common::first_status(report(&path), &format!("{header}={value}"))
}

/// Review 22 B-2: a row of references only under an item (merged cells saved to CSV) with an
/// applicability of its own other than the item's (`適用` ○ over ×, × over ○, `対象` over
/// `対象外`, `Applicable?` `Yes` over `Partial`) was covered, the row's value silently
/// joined: now the item is not analysed, naming the column, and the list is still read (a
/// column that marks other items not asked refused it before). A status the same way
/// (`Implemented` over `Open`). Guards: the same mark on both rows, a blank on the
/// continuation, the same reading in other words (`Yes` over `Y`, `Implemented` over
/// `実施済み`) read as the item's; both rows not asked leave the item not asked.
#[test]
fn a_continuation_rows_own_applicability_or_status_is_never_dropped() {
    let v = fixture("continuation-ja.csv");
    for id in ["Q-1", "Q-4", "Q-6"] {
        assert_eq!(status(&v, id), "not-analysed", "{id}");
        let problems = &by_id(&v["items"], id)["problems"];
        assert_eq!(problems[0]["column"], "適用", "{id}: {problems}");
    }
    assert_eq!(status(&v, "Q-2"), "covered");
    assert_eq!(status(&v, "Q-3"), "covered");
    assert_eq!(status(&v, "Q-5"), "not-asked");
    assert_eq!(controls(&v, "Q-2"), ["9.2.3", "9.2.5"]);

    let v = fixture("continuation-en.csv");
    assert_eq!(status(&v, "Q-1"), "not-analysed");
    assert_eq!(
        by_id(&v["items"], "Q-1")["problems"][0]["column"],
        "Applicable?"
    );
    assert_eq!(status(&v, "Q-3"), "not-analysed");
    assert_eq!(by_id(&v["items"], "Q-3")["problems"][0]["column"], "Status");
    assert_eq!(status(&v, "Q-2"), "covered");
    assert_eq!(status(&v, "Q-4"), "covered");
    assert_eq!(status(&v, "Q-5"), "not-asked");

    // under a header naming the negative: ○ (not asked) over × (asked)
    let v = fixture("continuation-negative.csv");
    assert_eq!(status(&v, "Q-2"), "not-analysed");
    assert_eq!(status(&v, "Q-1"), "covered");
    assert_eq!(status(&v, "Q-3"), "covered");
}

/// Under `Scope`/`対象`/`適用` (which may hold a description of the scope) a value limiting the
/// scope in words (`Production only`, `本番環境のみ`, `Tokyo only`, `All except DR`, `DRサイトを
/// 除く`, `本番環境に限る`) was covered as a plain yes: now the item is not analysed (as `一部`
/// was). Guards: descriptions limiting nothing (`全社`, `本番環境`, `Global`, `All`) and `Yes`
/// are carried, covered.
#[test]
fn a_scope_limited_in_words_is_never_covered() {
    let v = fixture("scope-limited.csv");
    for id in ["S-1", "S-2", "S-3", "S-4", "S-5", "S-6", "S-7"] {
        assert_eq!(status(&v, id), "not-analysed", "{id}");
        assert_eq!(
            by_id(&v["items"], id)["problems"][0]["column"],
            "Scope",
            "{id}"
        );
    }
    for id in ["S-8", "S-9", "S-10", "S-11", "S-12"] {
        assert_eq!(status(&v, id), "covered", "{id}");
    }
    for h in ["対象", "適用", "In Scope?"] {
        for value in [
            "Production only",
            "本番環境のみ",
            "Tokyo only",
            "東京リージョンだけ",
            "本番以外",
            "Only production",
            "Excluding DR",
            "Limited",
        ] {
            assert_eq!(one_under(h, value), "not-analysed", "{h}={value}");
        }
    }
    for h in ["対象", "Scope"] {
        for value in ["全社", "本番環境", "Global", "All", "対象", "Yes", "○"] {
            assert_eq!(one_under(h, value), "covered", "{h}={value}");
        }
    }
}

/// Review 22 C-13: an Annex A id written without `A.` in a row whose `Framework` column says
/// `ISO 27001` (no year) or `ISO/IEC 27001:2022` / `:2013` (`5.15`, `8.10`, `9.2.1` in 2013,
/// `12.4.1`) was not analysed (`unknown-clause`): now it resolves as the same Annex A control
/// written with `A.` does (same status, same controls). Guards: a clause of the management
/// system (`9.2`, `6.1.2`, `5.1`) keeps the clause handling (management objectives, not the
/// Annex A controls of the same number), and `9.2.1` with no year in a list of no edition
/// stays ambiguous.
#[test]
fn annex_a_ids_without_a_under_an_iso_27001_framework_resolve() {
    let v = fixture("framework-annex.csv");
    for (bare, marked) in [("F-1", "F-2"), ("F-3", "F-4"), ("F-6", "F-7")] {
        assert_eq!(status(&v, bare), status(&v, marked), "{bare}");
        assert_eq!(controls(&v, bare), controls(&v, marked), "{bare}");
        assert!(!controls(&v, bare).is_empty(), "{bare}");
    }
    assert_eq!(status(&v, "F-1"), "partial");
    assert_eq!(
        by_id(&v["items"], "F-1")["reasons"][0],
        "iso2022-correspondence"
    );
    assert_eq!(status(&v, "F-6"), "covered");
    assert_eq!(controls(&v, "F-6"), ["9.2.1"]);
    // 8.10 (information deletion) is new in 2022: no ISMAP counterpart
    assert_eq!(status(&v, "F-5"), "outside-ismap");
    assert_eq!(status(&v, "F-8"), "covered");
    assert_eq!(controls(&v, "F-8"), ["12.4.1"]);
    // clauses keep the clause handling: management objectives
    for id in ["F-9", "F-10", "F-11"] {
        let c = controls(&v, id);
        assert!(!c.is_empty(), "{id}");
        assert!(
            c.iter().all(|c| c.starts_with("3.") || c.starts_with("4.")),
            "{id}: {c:?}"
        );
    }
    // `9.2.1` with no year, in a list of no edition: a 2022 clause or a 2013 control
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.csv");
    std::fs::write(
        &path,
        "ID,Requirement,Framework,Control ID\nF-1,Internal audit,ISO 27001,9.2.1\n",
    )
    .unwrap();
    let v = json_of(report(&path));
    let item = by_id(&v["items"], "F-1");
    assert_eq!(item["status"], "not-analysed");
    assert_eq!(item["unresolved"][0]["why"], "ambiguous-edition");
}

/// `N/A` (`NA`, `Not applicable`, `該当なし`, a dash) under the buyer's own result column
/// (`Audit result`, `有効性`, `監査意見`, `Compliance Status`) refused the whole list (or, for
/// `該当なし` and `-`, was covered): now that item is not analysed, naming the cell, and the
/// rest of the list reads. Guards: `Pass`, `適合`, blank covered; `Fail` still refuses the
/// list; under a findings header `N/A` still says none (covered).
#[test]
fn not_applicable_under_a_result_column_leaves_the_item_not_analysed() {
    let v = fixture("result-na.csv");
    for id in ["R-1", "R-2", "R-3", "R-4", "R-8"] {
        assert_eq!(status(&v, id), "not-analysed", "{id}");
        assert_eq!(
            by_id(&v["items"], id)["problems"][0]["column"],
            "Audit result",
            "{id}"
        );
    }
    for id in ["R-5", "R-6", "R-7"] {
        assert_eq!(status(&v, id), "covered", "{id}");
    }
    for h in [
        "Audit result",
        "有効性",
        "監査意見",
        "Compliance Status",
        "Test outcome",
    ] {
        for value in ["N/A", "NA", "該当なし", "-", "非該当", "対象外"] {
            assert_eq!(one_under(h, value), "not-analysed", "{h}={value}");
        }
        assert_eq!(one_under(h, "Fail"), "error", "{h}");
        assert_eq!(one_under(h, "N/A (not tested)"), "error", "{h}");
    }
    assert_eq!(one_under("Audit result", "Pass"), "covered");
    assert_eq!(one_under("有効性", "有効"), "covered");
    assert_eq!(one_under("Finding", "N/A"), "covered");
    assert_eq!(one_under("Finding", "-"), "covered");
    // a bare evaluation keeps a dash and `該当なし` as nothing found
    assert_eq!(one_under("評価", "-"), "covered");
    assert_eq!(one_under("評価", "該当なし"), "covered");
}

/// Review 22 A-10 rest: a footnote of every item with a date (`※ 全項目2025年度対応済`) was
/// refused (exit 2), the loader having no --as-of: now it is every item's note, read by the
/// one claim rule against --as-of — done before it reads (covered), done after it
/// (`2027年度対応済`) leaves every item not analysed. Guard: a deferral (`2027年度対応予定`)
/// is refused as before.
#[test]
fn a_dated_footnote_of_every_item_is_read_against_as_of() {
    let v = fixture("footnote-dated.csv");
    for id in ["Q-1", "Q-2"] {
        assert_eq!(status(&v, id), "covered", "{id}");
        assert_eq!(
            by_id(&v["items"], id)["note"],
            "※ 全項目2025年度対応済",
            "{id}"
        );
    }
    let v = fixture("footnote-later.csv");
    for id in ["Q-1", "Q-2"] {
        assert_eq!(status(&v, id), "not-analysed", "{id}");
    }
    let err = common::input_error(report(&data("fix32-grc/footnote-planned.csv")));
    assert!(err.contains("row 4"), "{err}");
}
