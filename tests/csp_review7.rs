//! Hostile review 7 of the CSP readers and their wording: a not-applicable reason that
//! starts with the control's title is the CSP's reason (B-na-reason-1), the Japanese
//! wording of procedures and references (D-ja-1), and a `--review` of a CSV whose ids Excel
//! converted (C-csv-1).
mod common;

use common::{by_id, data, json_of, stdout_of, strings};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    data(&format!("csp-input/review7/{name}"))
}

/// `report --checks CHECKS --csp CSP --as-of 2026-04-01 --format FORMAT` in `lang`.
fn report(lang: &str, checks: &str, csp: &str, format: &str) -> assert_cmd::Command {
    let mut c = common::on_checks(lang, "report", fixture(checks));
    c.arg("--csp").arg(fixture(csp)).args(["--format", format]);
    c
}

/// The reason the report gives the item's one not-applicable control, and whether the
/// item carries `not-applicable-without-reason`.
fn na_reason(v: &serde_json::Value, id: &str) -> (String, bool) {
    let item = by_id(&v["items"], id);
    let na = item["not_applicable"].as_array().unwrap();
    assert_eq!(na.len(), 1, "{item}");
    (
        na[0]["reason"].as_str().unwrap().to_owned(),
        strings(&item["reasons"]).contains(&"not-applicable-without-reason"),
    )
}

/// B-na-reason-1: `10.1.2,非該当,鍵管理は利用者が行う` (the review's row) gives the reason in
/// `report`: the text starts with the title 鍵管理 and goes on to say who does it.
#[test]
fn a_reason_starting_with_the_title_is_kept_in_report() {
    let v = json_of(report("en", "key-checks.csv", "title-reason.csv", "json"));
    assert_eq!(
        na_reason(&v, "1"),
        ("鍵管理は利用者が行う".to_owned(), false)
    );
    let item = by_id(&v["items"], "1");
    assert!(
        strings(&item["reasons"]).contains(&"not-applicable"),
        "{item}"
    );
    let procs = item["additional_procedures"].to_string();
    assert!(!procs.contains("without a reason"), "{procs}");
}

/// The rule, on a reason column: a title followed by who does it, why or a negation is a
/// reason (Japanese and English); the title alone, or the title followed by more of the
/// control's description (`…を行うこと`, `shall be controlled by the customer`), is none.
#[test]
fn only_the_title_or_the_description_is_no_reason() {
    let v = json_of(report(
        "en",
        "title-checks.csv",
        "title-reasons.csv",
        "json",
    ));
    for (id, reason) in [
        ("T-1", "鍵管理：利用者が行う"),
        ("T-2", "物理的セキュリティ境界はIaaS事業者が担う"),
        ("T-3", "Physical entry controls by the customer"),
        ("T-6", "セキュリティを保つべき領域での作業なし"),
    ] {
        assert_eq!(na_reason(&v, id), (reason.to_owned(), false), "{id}");
    }
    for id in ["T-4", "T-5", "T-7"] {
        assert_eq!(na_reason(&v, id), (String::new(), true), "{id}");
    }
}

/// The same rule on an explanation column (`説明`): who does it is a reason; a
/// requirement (`…しなければならない`) describes the control, its `ない` no negation.
#[test]
fn an_explanation_saying_who_does_it_is_a_reason() {
    let v = json_of(report(
        "en",
        "title-checks.csv",
        "title-explained.csv",
        "json",
    ));
    assert_eq!(
        na_reason(&v, "T-1"),
        ("鍵管理は利用者が行う".to_owned(), false)
    );
    assert_eq!(na_reason(&v, "T-3"), (String::new(), true));
    assert_eq!(
        na_reason(&v, "T-4"),
        ("テレワークを行わない".to_owned(), false)
    );
}

/// B-na-reason-1 in `readiness`: 10.1.2 is excluded with its reason, with no `no-reason`
/// finding.
#[test]
fn a_reason_starting_with_the_title_is_kept_in_readiness() {
    let mut c = common::bin();
    c.args(["--lang", "en", "readiness", "--implemented"])
        .arg(fixture("title-reason.csv"))
        .args(["--as-of", "2026-04-01", "--format", "json"]);
    let out = stdout_of(c);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let row = find_id(&v, "10.1.2").expect("10.1.2 in readiness");
    assert_eq!(row["reason"], "鍵管理は利用者が行う", "{row}");
    assert!(!row.to_string().contains("no-reason"), "{row}");
}

/// B-na-reason-1 in `diff`: 10.1.2 planned → not applicable, with the reason as its note.
#[test]
fn a_reason_starting_with_the_title_is_kept_in_diff() {
    let mut c = common::bin();
    c.args(["--lang", "en", "diff"])
        .arg(fixture("before.csv"))
        .arg(fixture("title-reason.csv"))
        .args(["--as-of", "2026-04-01", "--format", "md"]);
    let out = stdout_of(c);
    let line = out
        .lines()
        .find(|l| l.contains("| 10.1.2 "))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains("鍵管理は利用者が行う"), "{line}");
}

/// The first object anywhere in `v` whose `id` is `id`.
fn find_id<'a>(v: &'a serde_json::Value, id: &str) -> Option<&'a serde_json::Value> {
    match v {
        serde_json::Value::Object(m) => {
            if m.get("id").and_then(|x| x.as_str()) == Some(id) {
                return Some(v);
            }
            m.values().find_map(|x| find_id(x, id))
        }
        serde_json::Value::Array(a) => a.iter().find_map(|x| find_id(x, id)),
        _ => None,
    }
}

/// D-ja-1: the procedure for a control the CSP's status table does not state says
/// 「CSPの一覧」 (what was read), not 「公開された一覧」; no space between a closing
/// full-width bracket and について.
#[test]
fn japanese_procedures_say_what_was_read_without_stray_spaces() {
    let v = json_of(report("ja", "ja-checks.csv", "before.csv", "json"));
    let all = v["items"].to_string();
    assert!(!all.contains("公開された一覧"), "{all}");
    let missing = by_id(&v["items"], "J-1")["additional_procedures"].to_string();
    assert!(
        missing.contains("CSPの一覧に記載のない統制目標 12.4.2 について"),
        "{missing}"
    );
    let detail = by_id(&v["items"], "J-2")["additional_procedures"].to_string();
    assert!(
        detail.contains("統制目標 9.2.4（9.2.4.9.PB の統制目標）について"),
        "{detail}"
    );
    assert!(!all.contains("） について"), "{all}");
}

/// D-ja-1: `#N/A` in a references cell is one reference, as written (never `N` and `A`),
/// unresolved: a lookup that failed. `N/A` alone says the item has no reference (review 11
/// C-4): outside ISMAP, never `N` and `A` either.
#[test]
fn n_a_in_a_references_cell_is_kept_whole() {
    let v = json_of(report("en", "na-refs.csv", "before.csv", "json"));
    let item = by_id(&v["items"], "A-1");
    assert_eq!(item["status"], "outside-ismap", "{item}");
    let (id, written) = ("A-2", "#N/A");
    let item = by_id(&v["items"], id);
    assert_eq!(item["status"], "not-analysed", "{item}");
    let refs: Vec<&str> = item["unresolved"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["reference"].as_str().unwrap())
        .collect();
    assert_eq!(refs, [written], "{item}");
}

/// C-csv-1: a gap CSV opened and saved in Excel has lost its ids (`1-1` → `Jan-01`, `001`
/// → `1`); given back as `--review`, no id matches, and a warning says so and names the
/// likely cause instead of silently treating every item as new. The CSV as written
/// matches every id: no warning.
#[test]
fn a_review_whose_ids_excel_converted_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let written = dir.path().join("gap.csv");
    let mut c = report("ja", "excel-ids.csv", "before.csv", "csv");
    c.arg("-o").arg(&written);
    stdout_of(c);
    let text = std::fs::read_to_string(&written).unwrap();
    assert!(text.contains("\n1-1,") && text.contains("\n001,"), "{text}");
    let rerun = |previous: &std::path::Path, lang: &str| {
        let mut c = report(lang, "excel-ids.csv", "before.csv", "json");
        c.arg("--review").arg(previous);
        json_of(c)
    };
    let warned = |v: &serde_json::Value| {
        v["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["code"] == "review-ids-unmatched")
            .map(|w| w["message"].as_str().unwrap().to_owned())
    };
    assert_eq!(warned(&rerun(&written, "en")), None);
    // what Excel saves after opening the file by double-click
    let converted = dir.path().join("gap-excel.csv");
    std::fs::write(
        &converted,
        text.replace("\n1-1,", "\nJan-01,")
            .replace("\n001,", "\n1,"),
    )
    .unwrap();
    let v = rerun(&converted, "en");
    assert_eq!(v["review"]["new"], 2, "{}", v["review"]);
    assert_eq!(v["review"]["removed"], 2, "{}", v["review"]);
    let w = warned(&v).expect("review-ids-unmatched");
    assert!(w.contains("'Jan-01'") || w.contains("(e.g. '1')"), "{w}");
    assert!(w.contains("'1-1'") || w.contains("'001'"), "{w}");
    assert!(w.contains("Excel converts ids"), "{w}");
    assert!(w.contains("Data → From Text/CSV"), "{w}");
    let w = warned(&rerun(&converted, "ja")).expect("review-ids-unmatched");
    assert!(w.contains("一致しません"), "{w}");
    assert!(w.contains("テキストまたはCSVから"), "{w}");
}
