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

/// Runs `suggest` with `args` then `-o out`, expects success; its stderr.
fn written(args: &[&std::ffi::OsStr], out: &Path) -> String {
    let run = suggest("en")
        .args(args)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    stderr
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
    assert!(out.contains("(no candidate)"), "{out}");
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
    assert_eq!(v["summary"]["unmapped"], 12);
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
    assert_ne!(by_id(&v["items"], "Q-01")["status"], "unmapped");
    assert_eq!(by_id(&v["items"], "Q-11")["status"], "unmapped");
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
        // no reference given: not judged, not "outside ISMAP" (review 15 B-3)
        assert_eq!(q1["status"], "unmapped");
        assert_eq!(q1["references"], serde_json::json!([]));
        assert_eq!(q1["controls"], serde_json::json!([]));
        let procs = q1["additional_procedures"].as_array().unwrap();
        let codes: Vec<&str> = procs.iter().map(|p| p["code"].as_str().unwrap()).collect();
        assert_eq!(codes, ["map-references", "candidate-references"]);
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
        assert_eq!(v["summary"]["unmapped"], 3);
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

/// A check list as a buyer keeps it: a cover sheet first, items on two sheets (one
/// without a references column yet), a hidden sheet, dates, numbers, booleans and
/// formulas (one reading another sheet, one using a named range).
fn multi_sheet_list(path: &Path) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
    let date = Format::new().set_num_format("yyyy/mm/dd");
    let mut wb = Workbook::new();
    let cover = wb.add_worksheet();
    cover.set_name("表紙").unwrap();
    cover
        .write_string(0, 0, "社外秘 委託先チェックリスト")
        .unwrap();
    cover
        .write_datetime_with_format(2, 0, ExcelDateTime::from_ymd(2025, 4, 1).unwrap(), &date)
        .unwrap();
    cover
        .write_formula(4, 1, Formula::new("=組織的対策!E4").set_result("0.5"))
        .unwrap();
    let org = wb.add_worksheet();
    org.set_name("組織的対策").unwrap();
    org.write_string(0, 0, "委託先確認リスト").unwrap();
    for (c, h) in ["項番", "確認項目", "管理策", "期限", "点数", "倍", "回答済"]
        .iter()
        .enumerate()
    {
        org.write_string(2, c as u16, *h).unwrap();
    }
    let items = [
        ("A-01", "多要素認証を利用できること", ""),
        ("A-02", "保存データが暗号化されていること", "10.1.1"),
        ("A-03", "退職者のアカウントを速やかに削除していること", ""),
    ];
    for (i, (id, title, refs)) in items.iter().enumerate() {
        let r = 3 + i as u32;
        org.write_string(r, 0, *id).unwrap();
        org.write_string(r, 1, *title).unwrap();
        if !refs.is_empty() {
            org.write_string(r, 2, *refs).unwrap();
        }
        org.write_datetime_with_format(
            r,
            3,
            ExcelDateTime::from_ymd(2025, 3, 31 - i as u8).unwrap(),
            &date,
        )
        .unwrap();
        org.write_number(r, 4, 0.5 + i as f64).unwrap();
        org.write_boolean(r, 6, i != 1).unwrap();
    }
    org.write_formula(3, 5, Formula::new("=E4*2").set_result("1"))
        .unwrap();
    org.write_formula(4, 5, Formula::new("=SUM(Scores)").set_result("4.5"))
        .unwrap();
    let tech = wb.add_worksheet();
    tech.set_name("技術的対策").unwrap();
    for (c, h) in ["項番", "確認項目", "備考"].iter().enumerate() {
        tech.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (id, title)) in [
        (
            "B-01",
            "バックアップを取得し、定期的に復元を確認していること",
        ),
        ("B-02", "ウイルス対策ソフトを導入していること"),
    ]
    .iter()
    .enumerate()
    {
        tech.write_string(1 + r as u32, 0, *id).unwrap();
        tech.write_string(1 + r as u32, 1, *title).unwrap();
        tech.write_number(1 + r as u32, 2, 12.0).unwrap();
    }
    let hidden = wb.add_worksheet();
    hidden.set_name("隠し").unwrap();
    hidden.write_string(0, 0, "項番").unwrap();
    hidden.write_string(0, 1, "確認項目").unwrap();
    hidden.write_string(0, 2, "管理策").unwrap();
    hidden.write_string(1, 0, "H-01").unwrap();
    hidden.write_string(1, 1, "hidden item").unwrap();
    hidden.write_string(1, 2, "9.2.1").unwrap();
    hidden.set_hidden(true);
    wb.define_name("Scores", "=組織的対策!$E$4:$E$6").unwrap();
    wb.save(path).unwrap();
}

/// Suggest reads the sheets report reads (the cover sheet is no obstacle), writes every
/// sheet back in its order with its cell types and formulas, and report on the result —
/// before and after the user picks candidates — reads exactly the items suggest saw.
#[test]
fn a_workbook_with_a_cover_sheet_round_trips_with_every_sheet_type_and_formula() {
    use calamine::{Data, Reader};
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("list.xlsx");
    multi_sheet_list(&input);
    let seen = json_of(
        suggest("en")
            .args(["--format", "json", "--checks"])
            .arg(&input),
    );
    let seen_ids: Vec<&str> = seen["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(seen_ids, ["A-01", "A-02", "A-03", "B-01", "B-02"]);

    let out = dir.path().join("suggested.xlsx");
    let stderr = written(&["--checks".as_ref(), input.as_os_str()], &out);
    assert!(
        stderr.contains(
            "sheets without a check-list header were not read, and are copied as they were: 表紙"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("a new workbook holding your list"),
        "{stderr}"
    );
    // the formula using a named range cannot be carried over: its value, and the cell named
    assert!(
        stderr.contains("1 formula cell(s) written as their last calculated values")
            && stderr.contains("組織的対策!J5"),
        "{stderr}"
    );

    let mut wb = calamine::open_workbook_auto(&out).unwrap();
    let names: Vec<String> = wb.sheet_names();
    assert_eq!(names, ["表紙", "組織的対策", "技術的対策", "隠し"]);
    let hidden: Vec<bool> = wb
        .sheets_metadata()
        .iter()
        .map(|s| s.visible != calamine::SheetVisible::Visible)
        .collect();
    assert_eq!(hidden, [false, false, false, true]);
    let org = wb.worksheet_range("組織的対策").unwrap();
    assert_eq!(
        row_texts(&org, 2),
        [
            "項番",
            "確認項目",
            "管理策",
            "candidates (ISMAP)",
            "candidate titles",
            "candidate scores",
            "matched terms",
            "期限",
            "点数",
            "倍",
            "回答済"
        ]
    );
    assert_eq!(
        text(&org, 3, 2),
        "",
        "the references cell is left to the user"
    );
    assert_eq!(text(&org, 4, 2), "10.1.1");
    assert_eq!(text(&org, 3, 3).lines().next(), Some("9.4.2"));
    // dates stay dates, numbers numbers, booleans booleans
    match org.get((3, 7)) {
        Some(Data::DateTime(d)) => {
            assert!(d.is_datetime());
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            assert_eq!((y, m, day), (2025, 3, 31));
        }
        other => panic!("a date: {other:?}"),
    }
    assert_eq!(org.get((4, 8)), Some(&Data::Float(1.5)));
    assert_eq!(org.get((3, 10)), Some(&Data::Bool(true)));
    assert_eq!(org.get((4, 10)), Some(&Data::Bool(false)));
    // formulas stay formulas, their references moved with the columns inserted, their
    // values kept; the one on a named range is its value
    assert_eq!(org.get((3, 9)), Some(&Data::Float(1.0)));
    assert_eq!(org.get((4, 9)), Some(&Data::Float(4.5)));
    let formulas = wb.worksheet_formula("組織的対策").unwrap();
    let f = |r: usize, c: usize| {
        let (r0, c0) = formulas.start().unwrap_or((0, 0));
        formulas
            .get((r - r0 as usize, c - c0 as usize))
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(f(3, 9), "I4*2");
    assert_eq!(f(4, 9), "");
    let cover = wb.worksheet_formula("表紙").unwrap();
    assert!(
        cover
            .used_cells()
            .any(|(_, _, f)| f == "組織的対策!I4" || f == "'組織的対策'!I4"),
        "{cover:?}"
    );
    assert!(matches!(
        wb.worksheet_range("表紙").unwrap().get((2, 0)),
        Some(Data::DateTime(_))
    ));
    // the sheet without a references column gets one, right of its check items
    let tech = wb.worksheet_range("技術的対策").unwrap();
    assert_eq!(
        row_texts(&tech, 0)[..4],
        ["項番", "確認項目", "controls", "candidates (ISMAP)"]
    );
    assert_eq!(text(&tech, 0, 7), "備考");
    assert_eq!(tech.get((1, 7)), Some(&Data::Float(12.0)));
    // the hidden sheet as it was
    let h = wb.worksheet_range("隠し").unwrap();
    assert_eq!(row_texts(&h, 1), ["H-01", "hidden item", "9.2.1"]);
    // a drop-down on the references cells of both sheets read, and print-ready sheets
    let xml = zip_entries(&out);
    for sheet in ["xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"] {
        let v = tags(&xml[sheet], "dataValidation");
        assert!(!v.is_empty(), "{sheet}");
        assert!(
            v.iter().all(|v| attr(v, "sqref")
                .unwrap()
                .split(' ')
                .all(|r| r.starts_with('C'))),
            "{sheet}"
        );
    }
    for k in 1..=4 {
        let sheet = &xml[&format!("xl/worksheets/sheet{k}.xml")];
        // every row once (a repeated <row> is a file Excel has to repair)
        let rows: Vec<&str> = tags(sheet, "row")
            .iter()
            .map(|t| attr(t, "r").unwrap())
            .collect();
        let mut unique = rows.clone();
        unique.dedup();
        assert_eq!(rows, unique, "sheet{k}");
        let setup = tags(sheet, "pageSetup");
        assert_eq!(attr(setup[0], "paperSize"), Some("9"), "sheet{k}");
        assert_eq!(attr(setup[0], "orientation"), Some("landscape"), "sheet{k}");
        assert!(sheet.contains("<oddFooter>"), "sheet{k}");
    }
    let workbook_xml = &xml["xl/workbook.xml"];
    assert!(workbook_xml.contains("組織的対策!$3:$3"), "{workbook_xml}");

    // report on the written workbook reads the items suggest saw …
    let report = |checks: &Path| {
        json_of(
            bin()
                .args(["--lang", "en", "report", "--as-of", "2026-04-01"])
                .args(["--format", "json", "--checks"])
                .arg(checks)
                .arg("--csp")
                .arg(example("csp-list.txt")),
        )
    };
    // (report lists items by status, then as read)
    let ids_of = |v: &Value| -> Vec<String> {
        let mut ids: Vec<String> = v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_owned())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids_of(&report(&out)), seen_ids);
    // … and, once the user has picked the first candidate of each item, the same items
    // with those references
    let picked = dir.path().join("picked.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    for name in ["表紙", "組織的対策", "技術的対策"] {
        let range = wb.worksheet_range(name).unwrap();
        let mut rows: Vec<Vec<String>> =
            (0..range.height()).map(|r| row_texts(&range, r)).collect();
        if name != "表紙" {
            let header = rows
                .iter()
                .position(|r| r.iter().any(|c| c == "確認項目"))
                .unwrap();
            for row in rows.iter_mut().skip(header + 1) {
                if row[2].is_empty() {
                    row[2] = row[3].lines().next().unwrap_or_default().to_owned();
                }
            }
        }
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if !cell.is_empty() {
                    sheet.write_string(r as u32, c as u16, cell).unwrap();
                }
            }
        }
    }
    book.save(&picked).unwrap();
    let v = report(&picked);
    assert_eq!(ids_of(&v), seen_ids);
    assert_eq!(
        by_id(&v["items"], "A-01")["references"],
        serde_json::json!(["9.4.2"])
    );
    assert_eq!(
        by_id(&v["items"], "B-01")["references"],
        serde_json::json!(["12.3.1"])
    );
}

/// What `suggest` cannot write is refused in one line with the way out: a CSV of a list
/// on several sheets, a workbook where no sheet has a check-list header.
#[test]
fn a_list_on_several_sheets_is_not_squeezed_into_one_csv() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("list.xlsx");
    multi_sheet_list(&input);
    let out = dir.path().join("out.csv");
    let e = input_error(
        suggest("en")
            .arg("--checks")
            .arg(&input)
            .arg("-o")
            .arg(&out),
    );
    assert!(
        e.contains(
            "a CSV holds one sheet, and the check items are on 2 sheets: 組織的対策, 技術的対策"
        ),
        "{e}"
    );
    assert!(e.contains("(hint: write a workbook (-o FILE.xlsx)"), "{e}");
    assert!(!out.exists());
    // one sheet picked: its CSV
    stdout_of(
        suggest("en")
            .arg("--checks")
            .arg(&input)
            .args(["--sheet", "技術的対策", "-o"])
            .arg(&out),
    );
    let rows = csv_rows(&out);
    assert_eq!(
        rows[0][..4],
        ["項番", "確認項目", "controls", "candidates (ISMAP)"]
    );
    // no sheet with a check-list header: said so, and what to do
    let none = dir.path().join("none.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    common::add_text_sheet(&mut wb, "表紙", &[&["委託先チェックリスト"]]);
    common::add_text_sheet(&mut wb, "本体", &[&["No", "内容"], &["1", "多要素認証"]]);
    wb.save(&none).unwrap();
    let e = input_error(suggest("en").arg("--checks").arg(&none));
    assert!(
        e.contains("no visible sheet has a check-list header")
            && e.contains("the sheets are: 表紙, 本体"),
        "{e}"
    );
    assert!(e.contains("or pick that sheet with --sheet NAME"), "{e}");
}

/// With `--sheet`, the other sheets are copied as they were, and stderr says to give
/// `report` the same `--sheet`.
#[test]
fn one_sheet_picked_is_said_to_need_the_same_sheet_in_report() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("list.xlsx");
    multi_sheet_list(&input);
    let out = dir.path().join("out.xlsx");
    let stderr = written(
        &[
            "--checks".as_ref(),
            input.as_os_str(),
            "--sheet".as_ref(),
            "技術的対策".as_ref(),
        ],
        &out,
    );
    assert!(
        stderr.contains("only the sheet '技術的対策' was read (--sheet)")
            && stderr.contains("give report --sheet '技術的対策' too"),
        "{stderr}"
    );
    let (names, ranges) = sheets(&out);
    assert_eq!(names, ["表紙", "組織的対策", "技術的対策", "隠し"]);
    // the sheet not read is as it was: no candidate columns
    assert_eq!(text(&ranges[1], 2, 3), "期限");
    assert_eq!(text(&ranges[2], 0, 3), "candidates (ISMAP)");
}

/// The candidates' similarity mark is one CP932 holds (`≒`, not `≈`): a CP932 list whose
/// item is matched by similarity is written back as CP932, not refused.
#[test]
fn the_similarity_mark_is_written_in_cp932() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("list.csv");
    let text = "項番,確認項目\r\nQ-04,アクセスログを取得し1年以上保管していること\r\n";
    std::fs::write(&input, encoding_rs::SHIFT_JIS.encode(text).0).unwrap();
    let out = dir.path().join("out.csv");
    let run = suggest("ja")
        .arg("--checks")
        .arg(&input)
        .args(["--output-encoding", "cp932", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let bytes = std::fs::read(&out).unwrap();
    let (decoded, _, bad) = encoding_rs::SHIFT_JIS.decode(&bytes);
    assert!(!bad);
    assert!(
        decoded.contains("\"アクセスログ, ≒ログ+保管\""),
        "{decoded}"
    );
}

/// A CP932 CSV written back: UTF-8 with a BOM (the rule of every CSV output), said on
/// stderr; `--output-encoding cp932` keeps CP932, and then nothing is said.
#[test]
fn a_cp932_list_is_written_as_utf8_with_a_note_or_as_cp932_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("list.csv");
    let text = "項番,確認項目\r\nQ-01,多要素認証を利用できること\r\n";
    std::fs::write(&input, encoding_rs::SHIFT_JIS.encode(text).0).unwrap();
    let out = dir.path().join("out.csv");
    let stderr = written(&["--checks".as_ref(), input.as_os_str()], &out);
    assert!(
        stderr.contains("read as CP932; the CSV is written as UTF-8 with a BOM"),
        "{stderr}"
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    assert!(String::from_utf8(bytes).unwrap().contains("多要素認証"));
    let run = suggest("en")
        .arg("--checks")
        .arg(&input)
        .args(["--output-encoding", "cp932", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0));
    assert!(!String::from_utf8(run.stderr)
        .unwrap()
        .contains("read as CP932"));
    let bytes = std::fs::read(&out).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "CP932, not UTF-8");
    let (decoded, _, bad) = encoding_rs::SHIFT_JIS.decode(&bytes);
    assert!(!bad && decoded.contains("多要素認証"));
    // a UTF-8 list: nothing to say
    let run = suggest("en")
        .arg("--checks")
        .arg(example("checks-freetext.csv"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(!String::from_utf8(run.stderr).unwrap().contains("read as"));
}
