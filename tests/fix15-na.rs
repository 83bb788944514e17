//! Review 12 B-3, A-7 and C-22 (fix15-na): a text a CSP wrote as the reason for 非該当 is
//! kept as written in every output of `readiness` and `report` (CSV, JSON, table, xlsx),
//! with its judgement apart — a reason, no reason, or a text not accepted and why — where it
//! vanished before when judged none; a decision or "by its nature" without a cause
//! (`リスクアセスメントの結果、適用不要と判断`, `サービスの性質上、該当しない`) is no reason;
//! the service underneath by name (`インフラはAWSが管理`) and a bracket after `該当なし`
//! (`該当なし（IaaS側で実施）`) are reasons.
mod common;

use std::path::PathBuf;

use common::xlsx::{row_texts, sheets};
use common::{bin, by_id, json_of, on_checks, stdout_of};
use serde_json::{json, Value};

fn fixture(name: &str) -> PathBuf {
    common::data(&format!("fix15-na/{name}"))
}

/// `ismap-gap --lang LANG readiness --implemented FILE --as-of 2026-04-01 --format FORMAT`.
fn readiness(lang: &str, file: &str, format: &str) -> assert_cmd::Command {
    let mut c = bin();
    c.args(["--lang", lang, "readiness", "--implemented"])
        .arg(fixture(file))
        .args(["--as-of", "2026-04-01", "--format", format]);
    c
}

/// `report --checks checks.csv --csp list.csv` in `lang` and `format`.
fn report(lang: &str, format: &str) -> assert_cmd::Command {
    let mut c = on_checks(lang, "report", fixture("checks.csv"));
    c.arg("--csp")
        .arg(fixture("list.csv"))
        .args(["--format", format]);
    c
}

/// The CSV line starting with `id,`.
fn line_of<'a>(text: &'a str, id: &str) -> &'a str {
    text.lines()
        .find(|l| {
            l.trim_start_matches('\u{feff}')
                .starts_with(&format!("{id},"))
        })
        .unwrap_or_else(|| panic!("no line of {id} in\n{text}"))
}

/// The texts of every workbook row holding `needle` in some cell.
fn xlsx_rows_with(path: &std::path::Path, needle: &str) -> Vec<Vec<String>> {
    let (_, ranges) = sheets(path);
    let mut out = Vec::new();
    for range in &ranges {
        for r in 0..range.height() {
            let row = row_texts(range, r);
            if row.iter().any(|c| c.contains(needle)) {
                out.push(row);
            }
        }
    }
    out
}

/// B-3: the readiness CSV keeps what the CSP wrote in 理由 and says in 指摘 why it is not
/// counted; A-7's decisions are no reason; C-22's named IaaS and bracket are reasons; an
/// ordinary reason is unchanged (guard).
#[test]
fn readiness_csv_keeps_the_written_reason_and_says_why() {
    let csv = stdout_of(readiness("ja", "list.csv", "csv"));
    for (id, written, finding) in [
        (
            "11.1.5",
            "クラウド事業者側の管理策のため",
            Some("理由と認めず: どの事業者か"),
        ),
        (
            "11.1.2",
            "リスクアセスメントの結果、適用不要と判断",
            Some("理由と認めず: 判断したこと"),
        ),
        (
            "8.3.3",
            "サービスの性質上、該当しない",
            Some("理由と認めず: 判断したこと"),
        ),
        (
            "11.1.3",
            "なし",
            Some("非該当の理由なし（理由を述べていない）"),
        ),
        (
            "11.1.4",
            "当社で実施",
            Some("理由と認めず: 事業者自身が実施"),
        ),
        (
            "11.1.6",
            "リスク受容",
            Some("理由と認めず: 適用される管理策を実施しない判断"),
        ),
        ("11.2.5", "インフラはAWSが管理", None),
        ("14.3.1", "該当なし（IaaS側で実施）", None),
        ("11.1.1", "物理的なデータセンターを保有しないため", None),
    ] {
        let line = line_of(&csv, id);
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells[6], written, "{line}");
        match finding {
            Some(f) => assert!(
                cells[9].contains(f) && cells[9].starts_with("非該当の理由なし"),
                "{line}"
            ),
            None => assert_eq!(cells[9], "", "{line}"),
        }
    }
    // nothing written: the finding alone, as before
    let line = line_of(&csv, "11.2.1");
    assert!(line.ends_with(",,,,非該当の理由なし"), "{line}");
}

/// B-3 in JSON: `reason` as written, `reason_judgement` and `reason_not_accepted` apart;
/// `na_without_reason` counts what it counted before, and C-22's two no longer.
#[test]
fn readiness_json_gives_the_text_and_the_judgement_apart() {
    let v = json_of(readiness("en", "list.csv", "json"));
    assert_eq!(v["schema_version"], 18);
    assert_eq!(
        v["na_without_reason"],
        json!(["8.3.3", "11.1.2", "11.1.3", "11.1.4", "11.1.5", "11.1.6", "11.2.1"])
    );
    let items = &v["items"];
    for (id, reason, judgement, why) in [
        (
            "11.1.5",
            "クラウド事業者側の管理策のため",
            "not-accepted",
            json!("party-unclear"),
        ),
        (
            "11.1.2",
            "リスクアセスメントの結果、適用不要と判断",
            "not-accepted",
            json!("no-ground"),
        ),
        (
            "11.1.6",
            "リスク受容",
            "not-accepted",
            json!("decision-not-to-implement"),
        ),
        (
            "11.1.4",
            "当社で実施",
            "not-accepted",
            json!("provider-does-it"),
        ),
        ("11.1.3", "なし", "no-reason", json!("no-cause")),
        ("11.2.1", "", "no-reason", Value::Null),
        ("11.2.5", "インフラはAWSが管理", "given", Value::Null),
        ("14.3.1", "該当なし（IaaS側で実施）", "given", Value::Null),
    ] {
        let item = by_id(items, id);
        assert_eq!(item["reason"], reason, "{item}");
        assert_eq!(item["reason_judgement"], judgement, "{item}");
        assert_eq!(item["reason_not_accepted"], why, "{item}");
    }
    // an implemented item has no judgement
    assert_eq!(by_id(items, "9.2.1")["reason_judgement"], Value::Null);
}

/// B-3 in a profile: `not_applicable:` texts judged none are kept and judged the same.
#[test]
fn readiness_of_a_profile_keeps_the_written_reason() {
    let v = json_of(readiness("ja", "profile.yaml", "json"));
    assert_eq!(v["na_without_reason"], json!(["11.1.5", "12.1.5.P"]));
    let item = by_id(&v["items"], "12.1.5.P");
    assert_eq!(item["reason"], "リスクアセスメントの結果、適用不要と判断");
    assert_eq!(item["reason_not_accepted"], "no-ground");
    assert_eq!(by_id(&v["items"], "11.2.5")["reason_judgement"], "given");
}

/// B-3 in the workbook: the statement-of-applicability and findings sheets show the text
/// and why, read back with calamine.
#[test]
fn readiness_xlsx_shows_the_written_reason_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ready.xlsx");
    let mut c = readiness("ja", "list.csv", "xlsx");
    c.arg("-o").arg(&out);
    c.assert().success();
    let rows = xlsx_rows_with(&out, "クラウド事業者側の管理策のため");
    assert!(rows.len() >= 2, "{rows:?}"); // both item sheets
    for row in rows {
        assert!(row.iter().any(|c| c.contains("理由と認めず")), "{row:?}");
    }
    let aws = xlsx_rows_with(&out, "インフラはAWSが管理");
    assert_eq!(aws.len(), 1, "{aws:?}"); // the SoA only: no finding
}

/// B-3 in `report`: the item on 11.1.5 keeps the CSP's text and why in JSON
/// (`not_applicable[]`), the CSV's 非該当 cell and the procedure, which quotes it instead of
/// saying no reason was given; C-22's items are excluded with a reason; an empty cell still
/// asks for one as before.
#[test]
fn report_keeps_the_written_reason_in_json_and_csv() {
    let v = json_of(report("ja", "json"));
    assert_eq!(v["schema_version"], 45);
    let n1 = by_id(&v["items"], "N1");
    assert_eq!(n1["reasons"], json!(["not-applicable-without-reason"]));
    assert_eq!(
        n1["not_applicable"],
        json!([{"id": "11.1.5", "reason": "", "reason_written": "クラウド事業者側の管理策のため", "reason_not_accepted": "party-unclear"}])
    );
    let procs = n1["additional_procedures"].to_string();
    assert!(
        procs.contains("「クラウド事業者側の管理策のため」"),
        "{procs}"
    );
    assert!(!procs.contains("理由を示さず"), "{procs}");
    let objective = v["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "11.1.2")
        .unwrap();
    assert_eq!(
        objective["reason_not_accepted"],
        json!({"text": "リスクアセスメントの結果、適用不要と判断", "why": "no-ground"})
    );
    for id in ["N3", "N4", "N7"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["reasons"], json!(["not-applicable"]), "{item}");
        assert_eq!(item["not_applicable"][0].get("reason_written"), None);
    }
    let n6 = by_id(&v["items"], "N6");
    assert_eq!(
        n6["not_applicable"],
        json!([{"id": "11.2.1", "reason": ""}])
    );
    assert!(n6["additional_procedures"]
        .to_string()
        .contains("理由を示さず"));

    let csv = stdout_of(report("ja", "csv"));
    let line = line_of(&csv, "N2");
    assert!(
        line.contains("11.1.2 (「リスクアセスメントの結果、適用不要と判断」（理由と認めず: "),
        "{line}"
    );
    assert!(line_of(&csv, "N3").contains("11.2.5 (インフラはAWSが管理)"));
    assert!(line_of(&csv, "N6").contains("11.2.1 (理由なし)"));
    let table = stdout_of(report("en", "table"));
    assert!(table.contains("reason not accepted"), "{table}");
}

/// B-3 in the report workbook: the gap sheet and the objectives sheet show the text and why.
#[test]
fn report_xlsx_shows_the_written_reason_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gap.xlsx");
    let mut c = report("ja", "xlsx");
    c.arg("-o").arg(&out);
    c.assert().success();
    let rows = xlsx_rows_with(&out, "クラウド事業者側の管理策のため");
    assert!(rows.len() >= 2, "{rows:?}"); // the gap sheet and the objectives sheet
    for row in rows {
        assert!(row.iter().any(|c| c.contains("理由と認めず")), "{row:?}");
    }
}

/// The readiness CSV and workbook read back as a CSP list (its own statement of
/// applicability): the findings cell with why is the tool's, not a second status column,
/// and the written reasons are judged the same again.
#[test]
fn the_readiness_output_reads_back_with_the_same_judgements() {
    let dir = tempfile::tempdir().unwrap();
    let first = json_of(readiness("ja", "list.csv", "json"));
    for (lang, ext) in [("ja", "csv"), ("en", "csv"), ("ja", "xlsx")] {
        let out = dir.path().join(format!("ready-{lang}.{ext}"));
        let mut c = readiness(lang, "list.csv", ext);
        c.arg("-o").arg(&out);
        c.assert().success();
        let mut again = bin();
        again
            .args(["--lang", "ja", "readiness", "--implemented"])
            .arg(&out)
            .args(["--as-of", "2026-04-01", "--format", "json"]);
        let v = json_of(again);
        assert_eq!(
            v["na_without_reason"], first["na_without_reason"],
            "{lang} {ext}"
        );
        for id in ["11.1.5", "11.1.2", "11.2.5"] {
            assert_eq!(
                by_id(&v["items"], id)["reason_not_accepted"],
                by_id(&first["items"], id)["reason_not_accepted"],
                "{lang} {ext} {id}"
            );
        }
    }
}
