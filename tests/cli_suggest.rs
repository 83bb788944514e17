//! `ismap-gap suggest` run as a user would: candidates in every format, the check list
//! written back (CSV, xlsx) with every column kept and candidate columns beside the
//! references, the xlsx drop-down, the round trip into `report`, and the input errors.
mod common;

use std::path::Path;

use common::xlsx::{attr, row_texts, sheets, tags, text, zip_entries};
use common::{bin, by_id, data, example, input_error, json_of, stdout_of};
use serde_json::Value;

fn suggest(lang: &str) -> assert_cmd::Command {
    let mut c = bin();
    c.args(["--lang", lang, "suggest"]);
    c
}

fn ids(item: &Value) -> Vec<&str> {
    item["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect()
}

#[test]
fn free_text_items_get_ranked_candidates_with_scores_and_matched_terms() {
    let v = json_of(
        suggest("ja")
            .args(["--format", "json", "--checks"])
            .arg(example("checks-freetext.csv")),
    );
    assert_eq!(v["top"], 3);
    assert_eq!(v["checks"]["references_column"], "");
    let q1 = by_id(&v["items"], "Q-01");
    assert_eq!(ids(q1)[0], "9.4.2");
    assert_eq!(q1["outcome"], "suggested");
    assert_eq!(q1["references"], serde_json::json!([]));
    let top = &q1["suggestions"][0];
    assert!(top["matched"]
        .as_array()
        .unwrap()
        .contains(&Value::from("多要素認証")));
    assert!(top["title"].as_str().unwrap().contains("ログオン"));
    assert_eq!(ids(by_id(&v["items"], "Q-02"))[0], "10.1.1");
    assert_eq!(ids(by_id(&v["items"], "Q-03"))[0], "9.2.6");
    for item in v["items"].as_array().unwrap() {
        let s = item["suggestions"].as_array().unwrap();
        assert!(s.len() <= 3);
        for w in s.windows(2) {
            assert!(w[0]["score"].as_f64() >= w[1]["score"].as_f64());
        }
        for x in s {
            let score = x["score"].as_f64().unwrap();
            assert!((0.35..=1.0).contains(&score), "{x}");
        }
    }
    for (id, topic) in [("Q-10", "data-location"), ("Q-11", "governing-law")] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["outcome"], "no-confident-match", "{item}");
        assert_eq!(item["outside_topic"]["id"], topic);
    }
}

#[test]
fn the_table_says_candidates_are_not_references_and_names_outside_topics() {
    let out = stdout_of(
        suggest("en")
            .arg("--checks")
            .arg(example("checks-freetext.csv")),
    );
    assert!(out.contains("Candidates are not references"), "{out}");
    assert!(out.contains("not text of the criteria"), "{out}");
    assert!(
        out.contains("9.4.2 (0.63) Secure log-on procedures [多要素認証]"),
        "{out}"
    );
    assert!(out.contains("(no confident match)"), "{out}");
    assert!(
        out.contains("a topic ISMAP does not assess: governing law"),
        "{out}"
    );
    let md = stdout_of(
        suggest("ja")
            .args(["--format", "md", "--checks"])
            .arg(example("checks-freetext.csv")),
    );
    assert!(md.starts_with("## ISMAP 管理策の候補"), "{md}");
}

#[test]
fn top_n_is_honoured_and_bounded() {
    let v = json_of(
        suggest("en")
            .args(["--format", "json", "--top", "1", "--checks"])
            .arg(data("suggest/eval.csv")),
    );
    assert!(v["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["suggestions"].as_array().unwrap().len() <= 1));
    for bad in ["0", "11", "x"] {
        let e = input_error(
            suggest("en")
                .args(["--top", bad, "--checks"])
                .arg(example("checks-freetext.csv")),
        );
        assert!(e.contains("--top"), "{e}");
    }
}

/// CSV lines of a file written by the tool (BOM stripped).
fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn csv_output_is_the_check_list_with_a_references_column_and_candidates_and_goes_into_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("suggested.csv");
    stdout_of(
        suggest("ja")
            .arg("--checks")
            .arg(example("checks-freetext.csv"))
            .arg("-o")
            .arg(&out),
    );
    let rows = csv_rows(&out);
    let input = csv_rows(&example("checks-freetext.csv"));
    assert_eq!(rows.len(), input.len());
    // the title row above the header is kept
    assert_eq!(rows[0][0], input[0][0]);
    assert_eq!(
        rows[1],
        [
            "項番",
            "確認項目",
            "管理策",
            "候補 (ISMAP)",
            "候補の名称",
            "候補のスコア",
            "一致した語",
            "重要度",
            "備考",
            "回答者"
        ]
    );
    for (got, want) in rows.iter().zip(&input).skip(2) {
        // every cell of the input, in its columns; the references cell left empty
        assert_eq!(got[..2], want[..2]);
        assert_eq!(got[7..], want[2..]);
        assert_eq!(got[2], "", "{got:?}");
    }
    let q1 = &rows[2];
    assert_eq!(q1[3].lines().next(), Some("9.4.2"));
    assert_eq!(q1[4].lines().count(), q1[3].lines().count());
    assert!(q1[6].contains("多要素認証"));
    // straight into report: a suggestion is never a reference, the items stay outside ISMAP
    let v = json_of(
        bin()
            .args([
                "--lang",
                "en",
                "report",
                "--as-of",
                "2026-04-01",
                "--format",
                "json",
            ])
            .arg("--checks")
            .arg(&out)
            .arg("--csp")
            .arg(example("csp-list.txt")),
    );
    assert_eq!(v["summary"]["total"], 12);
    assert_eq!(v["summary"]["outside_ismap"], 12);
    let q1 = by_id(&v["items"], "Q-01");
    assert_eq!(
        q1["extra"]["候補 (ISMAP)"].as_str().unwrap().lines().next(),
        Some("9.4.2")
    );
}

#[test]
fn candidates_go_right_of_an_existing_references_column_which_is_left_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("again.csv");
    stdout_of(
        suggest("en")
            .arg("--checks")
            .arg(example("checks.csv"))
            .arg("-o")
            .arg(&out),
    );
    let rows = csv_rows(&out);
    let input = csv_rows(&example("checks.csv"));
    assert_eq!(
        rows[0][..7],
        [
            "項番",
            "確認項目",
            "ISMAP管理策",
            "candidates (ISMAP)",
            "candidate titles",
            "candidate scores",
            "matched terms"
        ]
    );
    for (got, want) in rows.iter().zip(&input) {
        assert_eq!(got[..3], want[..3]);
        assert_eq!(got[7..], want[3..]);
    }
    // a second run over its own output replaces its columns rather than adding more
    let out2 = dir.path().join("again2.csv");
    stdout_of(suggest("ja").arg("--checks").arg(&out).arg("-o").arg(&out2));
    let rows2 = csv_rows(&out2);
    assert_eq!(rows2[0].len(), rows[0].len());
    assert_eq!(rows2[0][3], "候補 (ISMAP)");
    for (a, b) in rows.iter().zip(&rows2).skip(1) {
        assert_eq!(a[3], b[3]);
        assert_eq!(a[7..], b[7..]);
    }
}

#[test]
fn csv_output_keeps_cells_and_rows_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    // a multi-line cell, a blank line, a dash placeholder, a cell that looks like a formula
    std::fs::write(
        &input,
        "No,確認項目,リスク,備考\n1,\"多要素認証を\n利用できること\",-,=1+1\n\n2,バックアップを取得していること,高,\n",
    )
    .unwrap();
    let out = dir.path().join("out.csv");
    stdout_of(
        suggest("ja")
            .arg("--checks")
            .arg(&input)
            .arg("-o")
            .arg(&out),
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert!(
        lines[1].starts_with("1,\"多要素認証を\n利用できること\",,9.4.2"),
        "{text}"
    );
    assert!(lines[1].ends_with(",-,=1+1"), "{text}");
    assert_eq!(lines[2], "", "{text}");
    assert!(
        lines[3].starts_with("2,バックアップを取得していること,,12.3.1"),
        "{text}"
    );
    // report reads the rows on the lines they had
    let v = json_of(
        bin()
            .args([
                "--lang",
                "en",
                "report",
                "--as-of",
                "2026-04-01",
                "--format",
                "json",
            ])
            .arg("--checks")
            .arg(&out)
            .arg("--csp")
            .arg(example("csp-list.txt")),
    );
    assert_eq!(by_id(&v["items"], "2")["row"], 5);
    assert_eq!(by_id(&v["items"], "1")["risk"], Value::Null);
    assert!(by_id(&v["items"], "1").get("problems").is_none());
}

/// Writes `rows` as a one-sheet workbook (as a user's Excel file would be).
fn workbook(path: &Path, name: &str, rows: &[Vec<String>]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheet = wb.add_worksheet();
    sheet.set_name(name).unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                sheet.write_string(r as u32, c as u16, cell).unwrap();
            }
        }
    }
    wb.save(path).unwrap();
}

#[test]
fn xlsx_output_offers_the_candidates_in_a_drop_down_and_round_trips_into_report() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("list.xlsx");
    let mut rows = csv_rows(&example("checks-freetext.csv"));
    rows[2][3] = "=HYPERLINK(\"x\")".into();
    workbook(&input, "確認表", &rows);
    let out = dir.path().join("suggested.xlsx");
    stdout_of(
        suggest("ja")
            .arg("--checks")
            .arg(&input)
            .arg("-o")
            .arg(&out),
    );

    let (names, ranges) = sheets(&out);
    assert_eq!(names, ["確認表"]);
    let s = &ranges[0];
    assert_eq!(text(s, 0, 0), rows[0][0]);
    assert_eq!(
        row_texts(s, 1)[..4],
        ["項番", "確認項目", "管理策", "候補 (ISMAP)"]
    );
    assert_eq!(text(s, 2, 2), "", "the references cell is left to the user");
    assert_eq!(text(s, 2, 3).lines().next(), Some("9.4.2"));
    assert_eq!(text(s, 2, 8), "=HYPERLINK(\"x\")", "input text stays text");

    let xml = zip_entries(&out);
    let sheet = &xml["xl/worksheets/sheet1.xml"];
    assert!(!sheet.contains("<f>"), "no formulas");
    let validations = tags(sheet, "dataValidation");
    assert!(!validations.is_empty(), "{sheet}");
    // every validation is a list on the references column (C) that allows other values
    for v in &validations {
        assert_eq!(attr(v, "type"), Some("list"), "{v}");
        assert!(
            attr(v, "sqref")
                .unwrap()
                .split(' ')
                .all(|r| r.starts_with('C')),
            "{v}"
        );
        assert_ne!(attr(v, "showErrorMessage"), Some("1"), "{v}");
    }
    let q1 = validations
        .iter()
        .position(|v| attr(v, "sqref").unwrap().split(' ').any(|r| r == "C3"))
        .expect("a drop-down on Q-01's references cell");
    let formulas: Vec<&str> = sheet.split("<formula1>").skip(1).collect();
    assert!(formulas[q1].starts_with("\"9.4.2"), "{}", formulas[q1]);
    // no drop-down where there is nothing to pick (Q-10, Q-11: rows 12, 13)
    for v in &validations {
        for r in attr(v, "sqref").unwrap().split(' ') {
            assert!(!["C12", "C13"].contains(&r), "{v}");
        }
    }

    // the user picks the first candidate of each item in the drop-down, then runs report
    let picked = dir.path().join("picked.xlsx");
    let mut back: Vec<Vec<String>> = (0..s.height()).map(|r| row_texts(s, r)).collect();
    for row in back.iter_mut().skip(2) {
        row[2] = row[3].lines().next().unwrap_or_default().to_owned();
    }
    workbook(&picked, "確認表", &back);
    let v = json_of(
        bin()
            .args([
                "--lang",
                "en",
                "report",
                "--as-of",
                "2026-04-01",
                "--format",
                "json",
            ])
            .arg("--checks")
            .arg(&picked)
            .arg("--csp")
            .arg(example("csp-list.txt")),
    );
    assert_eq!(v["summary"]["total"], 12);
    assert_eq!(
        by_id(&v["items"], "Q-01")["references"],
        serde_json::json!(["9.4.2"])
    );
    assert_ne!(by_id(&v["items"], "Q-01")["status"], "outside-ismap");
    assert_eq!(by_id(&v["items"], "Q-11")["status"], "outside-ismap");
}

#[test]
fn outputs_are_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    for ext in ["xlsx", "csv", "json"] {
        let a = dir.path().join(format!("a.{ext}"));
        let b = dir.path().join(format!("b.{ext}"));
        for p in [&a, &b] {
            stdout_of(
                suggest("ja")
                    .arg("--checks")
                    .arg(data("suggest/eval.csv"))
                    .arg("-o")
                    .arg(p),
            );
        }
        assert_eq!(
            std::fs::read(&a).unwrap(),
            std::fs::read(&b).unwrap(),
            "{ext}"
        );
    }
}

#[test]
fn inputs_it_cannot_use_are_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    // a sheet without a check-item column
    let nothing = dir.path().join("refs-only.csv");
    std::fs::write(&nothing, "id,controls\n1,9.2.1\n").unwrap();
    let e = input_error(suggest("en").arg("--checks").arg(&nothing));
    assert!(
        e.contains("no check-item column found (first row has: id, controls)"),
        "{e}"
    );
    assert!(
        e.contains("(hint: name the column with the check items '確認項目'"),
        "{e}"
    );
    // a YAML list has no sheet to write back
    let out = dir.path().join("out.csv");
    let e = input_error(
        suggest("en")
            .arg("--checks")
            .arg(data("checks.yaml"))
            .arg("-o")
            .arg(&out),
    );
    assert!(e.contains("is not a sheet"), "{e}");
    assert!(!out.exists());
    // xlsx needs a file
    let e = input_error(
        suggest("en")
            .args(["--format", "xlsx", "--checks"])
            .arg(example("checks-freetext.csv")),
    );
    assert!(e.contains("xlsx output needs a file"), "{e}");
    // the output never replaces the input
    let e = input_error(
        suggest("en")
            .arg("--checks")
            .arg(example("checks-freetext.csv"))
            .arg("-o")
            .arg(example("checks-freetext.csv")),
    );
    assert!(e.contains("also an input"), "{e}");
}

#[test]
fn a_yaml_list_gets_json_and_its_references_stay_as_written() {
    let v = json_of(
        suggest("en")
            .args(["--format", "json", "--checks"])
            .arg(data("checks.yaml")),
    );
    let y1 = by_id(&v["items"], "Y1");
    assert_eq!(y1["references"], serde_json::json!(["9.2.1"]));
    assert!(v["summary"]["with_references"].as_u64().unwrap() >= 1);
}

#[test]
fn lexicon_ids_the_catalog_lacks_are_skipped_without_a_crash() {
    let v = json_of(
        suggest("en")
            .arg("--catalog")
            .arg(data("catalog-good.yaml"))
            .args(["--format", "json", "--checks"])
            .arg(example("checks-freetext.csv")),
    );
    let skipped: Vec<&str> = v["lexicon"]["skipped_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    assert!(
        skipped.contains(&"9.4.2") && skipped.contains(&"4.4.7"),
        "{skipped:?}"
    );
    assert!(!skipped.contains(&"9.2.1"));
    for item in v["items"].as_array().unwrap() {
        assert!(ids(item).iter().all(|id| *id == "9.2.1"), "{item}");
    }
    let table = stdout_of(
        suggest("en")
            .arg("--catalog")
            .arg(data("catalog-good.yaml"))
            .arg("--checks")
            .arg(example("checks-freetext.csv")),
    );
    assert!(table.contains("lexicon ids not in this catalog"), "{table}");
}

/// `report` on a list whose items have no references: each keeps its status
/// (`outside-ismap`), and its procedures name the candidates `suggest` gives.
#[test]
fn report_names_the_candidates_of_an_item_without_references() {
    for (lang, wording) in [
        ("en", "Candidates: 9.4.2 Secure log-on procedures"),
        ("ja", "参照の候補: 9.4.2 セキュリティに配慮したログオン手順"),
    ] {
        let v = json_of(
            bin()
                .args([
                    "--lang",
                    lang,
                    "report",
                    "--as-of",
                    "2026-04-01",
                    "--format",
                    "json",
                ])
                .arg("--checks")
                .arg(data("suggest/empty-refs.csv"))
                .arg("--csp")
                .arg(example("csp-list.txt")),
        );
        let q1 = by_id(&v["items"], "Q-01");
        assert_eq!(q1["status"], "outside-ismap");
        assert_eq!(q1["references"], serde_json::json!([]));
        assert_eq!(q1["controls"], serde_json::json!([]));
        let procs = q1["additional_procedures"].as_array().unwrap();
        let codes: Vec<&str> = procs.iter().map(|p| p["code"].as_str().unwrap()).collect();
        assert_eq!(codes, ["own-check", "candidate-references"]);
        assert!(
            procs[1]["text"].as_str().unwrap().starts_with(wording),
            "{}",
            procs[1]
        );
        // nothing confident, nothing named
        let q11 = by_id(&v["items"], "Q-11");
        assert!(!q11.to_string().contains("candidate-references"), "{q11}");
        // an item with references gets no candidates
        let q3 = by_id(&v["items"], "Q-03");
        assert!(!q3.to_string().contains("candidate-references"), "{q3}");
        assert_eq!(v["summary"]["outside_ismap"], 3);
    }
    let v = json_of(
        bin()
            .args([
                "--lang",
                "en",
                "report",
                "--as-of",
                "2026-04-01",
                "--format",
                "json",
            ])
            .arg("--checks")
            .arg(example("checks.csv"))
            .arg("--csp")
            .arg(example("csp-list.txt")),
    );
    assert!(!v.to_string().contains("candidate-references"));
}
