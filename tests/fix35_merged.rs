//! Session 15 (fix35-merged): review 23's statements kept apart and wording — B-1 (an id
//! written with a suffix the catalog lacks is not "not listed"), B-2 (diff names a reason
//! no longer given), B-3 (ISO/IEC 27001:2022 controls new in 2022 worded with Annex B),
//! B-4/B-5 (one status tag for compare's and report's cells), C-10 (an answering
//! instruction is a plain note), D-1 (a YAML duplicate key at its own line), D-2 (a NIST
//! id of a family with no mapping is no typo), D-3 (a sub-item row without an id refused).
mod common;

use std::path::Path;

use common::{bin, by_id, data, input_error, json_of, stdout_of};

fn fixture(name: &str) -> std::path::PathBuf {
    data("fix35-merged").join(name)
}

/// `ismap-gap --lang LANG report --as-of 2026-12-01 --checks CHECKS --csp CSP`, of files.
fn report_of(lang: &str, checks: &Path, csp: &Path) -> assert_cmd::Command {
    let mut c = bin();
    c.args([
        "--lang",
        lang,
        "report",
        "--as-of",
        "2026-12-01",
        "--checks",
    ])
    .arg(checks)
    .arg("--csp")
    .arg(csp);
    c
}

/// [`report_of`] the fixtures `checks` and `csp`.
fn report(lang: &str, checks: &str, csp: &str) -> assert_cmd::Command {
    report_of(lang, &fixture(checks), &fixture(csp))
}

/// [`report_of`] as JSON.
fn json_report_of(lang: &str, checks: &Path, csp: &Path) -> serde_json::Value {
    let mut c = report_of(lang, checks, csp);
    c.args(["--format", "json"]);
    json_of(c)
}

fn json_report(checks: &str, csp: &str) -> serde_json::Value {
    json_report_of("en", &fixture(checks), &fixture(csp))
}

fn status<'a>(v: &'a serde_json::Value, id: &str) -> &'a str {
    by_id(&v["items"], id)["status"].as_str().unwrap()
}

/// Review 23 C-10: a note that only tells the respondent how to answer (`該当する場合のみ回答`,
/// `該当する場合は記入`, `該当しない場合は「－」`) says nothing of the item: read as a plain note;
/// `対応予定` still leaves its item not analysed.
#[test]
fn an_answering_instruction_is_a_plain_note() {
    let v = json_report("C10-checklist.csv", "page2.txt");
    for id in ["1", "2", "3", "4"] {
        assert_eq!(status(&v, id), "covered", "{id}");
    }
    assert_eq!(status(&v, "5"), "not-analysed");
    let note = by_id(&v["items"], "2")["note"].as_str().unwrap();
    assert_eq!(note, "該当する場合のみ回答");
}

/// Review 23 D-3: a row without an id whose text starts with a sub-item's mark, right under
/// an item with an id, is refused naming the item (not read as a free-standing `#3`).
#[test]
fn a_sub_item_row_without_an_id_is_refused() {
    for (file, mark) in [("D3-subitems.csv", "（2）"), ("D3-bullets.csv", "・")] {
        let e = input_error(report("en", file, "page2.txt"));
        assert!(e.contains("row 3"), "{e}");
        assert!(
            e.contains(&format!("reads as a sub-item ('{mark}') of C-01")),
            "{e}"
        );
        assert!(e.contains("merge its text into C-01's text"), "{e}");
        let out = report("ja", file, "page2.txt").output().unwrap();
        let ja = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{ja}");
        assert!(
            ja.starts_with("エラー: ") && ja.contains("C-01 の細目"),
            "{ja}"
        );
    }
}

/// Beside D-3: an id-less row that is no sub-item, and lists whose items are numbered
/// `（1）`, `②` without ids (or without an id column), read as today.
#[test]
fn id_less_rows_that_are_not_sub_items_still_read() {
    let v = json_report("D3-plain-no-id.csv", "page2.txt");
    assert_eq!(status(&v, "#3"), "covered");
    assert_eq!(status(&v, "C-02"), "not-covered");
    for file in ["D3-numbered-no-ids.csv", "D3-numbered-no-id-column.csv"] {
        let v = json_report(file, "page2.txt");
        assert_eq!(status(&v, "#2"), "covered", "{file}");
        assert_eq!(status(&v, "#3"), "covered", "{file}");
    }
}

/// Review 23 B-1: a list writing `9.2.1` as `9.2.1.B` (`.P`, `PB`: suffixes the catalog does
/// not give it) does not leave the item "not listed: 9.2.1" with "obtain the full list": the
/// control is `unknown-suffix`, the item not analysed, and the procedure names the id as
/// written. An objective the list does not write at all is still not listed.
#[test]
fn an_id_with_a_suffix_the_catalog_lacks_is_not_not_listed() {
    let text = std::fs::read_to_string(fixture("B1-suffix.txt")).unwrap();
    // as written, and as the warning and the procedure name it (canonical)
    for (written, named) in [
        ("9.2.1.B", "9.2.1.B"),
        ("9.2.1.P", "9.2.1.P"),
        ("9.2.1PB", "9.2.1.PB"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let csp = dir.path().join("list.txt");
        std::fs::write(&csp, text.replace("9.2.1.B", written)).unwrap();
        let v = json_report_of("en", &fixture("checks-3items.csv"), &csp);
        let item = by_id(&v["items"], "1");
        assert_eq!(item["status"], "not-analysed", "{written}");
        let reasons = item["reasons"].to_string();
        assert!(reasons.contains("csp-id-not-in-catalog"), "{reasons}");
        assert!(!reasons.contains("not-listed"), "{reasons}");
        assert_eq!(item["controls"][0]["state"], "unknown-suffix");
        assert_eq!(item["not_listed"].as_array().map_or(0, Vec::len), 0);
        let procs = item["additional_procedures"].to_string();
        assert!(procs.contains("csp-id-check"), "{procs}");
        assert!(procs.contains(&format!("{named} (9.2.1)")), "{procs}");
        assert!(!procs.contains("statement-request"), "{procs}");
        // the objective the list does not write at all: not listed, as before
        let other = by_id(&v["items"], "2");
        assert_eq!(other["status"], "not-covered");
        assert!(other["reasons"].to_string().contains("not-listed"));
        // the objective written as the catalog has it: covered
        assert_eq!(status(&v, "3"), "covered");
    }
    // the same list with 9.2.1 written plainly credits it
    assert_eq!(
        status(&json_report("checks-3items.csv", "page2.txt"), "1"),
        "covered"
    );
}

/// Review 23 B-4: compare's matrix tags an `assurance-gap` cell with why, as it tags a
/// `not-covered` one: ISMAP-LIU, registration kind not stated, an assurance above ISMAP —
/// in every format with tags (Markdown, CSV, table), beside the lapsed tag it had.
#[test]
fn compare_tags_assurance_gap_cells_with_why() {
    let run = |lang: &str, format: &str| {
        let mut c = bin();
        c.args([
            "--lang",
            lang,
            "compare",
            "--as-of",
            "2026-12-01",
            "--format",
            format,
        ])
        .arg("--checks")
        .arg(fixture("checks-b4.csv"));
        for csp in [
            "page2.txt",
            "cmp-liu.txt",
            "cmp-nokind.txt",
            "cmp-lapsed.txt",
        ] {
            c.arg("--csp").arg(fixture(csp));
        }
        c.env("COLUMNS", "250");
        stdout_of(c)
    };
    let md = run("ja", "md");
    let row = |id: &str| {
        md.lines()
            .rev()
            .find(|l| l.starts_with(&format!("| {id} |")))
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        row("1"),
        "| 1 | 利用者登録 | 充足 | 保証水準不足（LIU） | 保証水準不足（登録区分未記載） | 保証水準不足（失効） |"
    );
    assert!(
        row("2").contains("| 保証水準不足（LIU・ISMAP超の水準） |"),
        "{md}"
    );
    assert!(
        row("2").contains("| 保証水準不足（失効・ISMAP超の水準） |"),
        "{md}"
    );
    // not covered as before
    assert!(row("3").contains("| 未充足（記載なし） |"), "{md}");
    let csv = run("en", "csv");
    assert!(
        csv.contains(
            "assurance-gap (ISMAP-LIU),assurance-gap (kind not stated),assurance-gap (lapsed)"
        ),
        "{csv}"
    );
    let table = run("en", "table");
    assert!(table.contains("(ISMAP-LIU)"), "{table}");
}

/// Review 23 B-5: the compact report table (COLUMNS < 100) tags its status cells as
/// compare's matrix does (`未充足（計画中）`, `未充足（記載なし）`): the planned statement is not
/// lost for want of a gaps column.
#[test]
fn the_compact_report_tags_statuses_as_compare_does() {
    let mut c = bin();
    c.args([
        "--lang",
        "ja",
        "report",
        "--as-of",
        "2026-04-01",
        "--checks",
    ])
    .arg(common::example("checks.csv"))
    .arg("--csp")
    .arg(common::example("csp-status-table.csv"))
    .env("COLUMNS", "80");
    let out = stdout_of(c);
    let cell = |id: &str| {
        let line = out
            .lines()
            .find(|l| l.contains(&format!(" {id} ")))
            .unwrap_or_else(|| panic!("{id}: {out}"));
        line.split('┆').nth(1).unwrap().trim().to_owned()
    };
    assert_eq!(cell("C-13"), "未充足（計画中）");
    assert_eq!(cell("C-03"), "未充足（記載なし）");
    assert_eq!(cell("C-05"), "一部充足（計画中）");
}

/// Review 23 B-2: diff names a not-applicable reason that stops being one (`…を提供しないため`
/// → `特になし`, → empty) as its own change, and the reverse, by the judgement report and
/// readiness make; the status cells say `not applicable (no reason)`.
#[test]
fn diff_names_a_reason_no_longer_given() {
    let run = |lang: &str, format: &str| {
        let mut c = bin();
        c.args([
            "--lang",
            lang,
            "diff",
            "--as-of",
            "2026-12-01",
            "--format",
            format,
        ])
        .arg(fixture("B2-old.csv"))
        .arg(fixture("B2-new.csv"));
        c
    };
    let v = json_of(run("en", "json"));
    assert_eq!(v["schema_version"], 12);
    let changed = &v["changed"];
    let fields = |id: &str| common::strings(&by_id(changed, id)["fields"]).join(",");
    assert_eq!(fields("9.2.2"), "reason_no_longer_given,reason");
    assert_eq!(fields("11.1.1"), "reason_no_longer_given,reason");
    assert_eq!(fields("12.3.1"), "reason_now_given,reason");
    assert_eq!(by_id(changed, "9.2.2")["old"]["reason_given"], true);
    assert_eq!(by_id(changed, "9.2.2")["new"]["reason_given"], false);
    assert!(changed
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["id"] != "9.2.1"));
    let csv = stdout_of(run("en", "csv"));
    let row = |id: &str| {
        csv.lines()
            .find(|l| l.starts_with(&format!("{id},")))
            .unwrap()
            .to_owned()
    };
    assert!(
        row("9.2.2").contains(",reason no longer given,not applicable,not applicable (no reason),"),
        "{csv}"
    );
    assert!(
        row("12.3.1").contains(",reason now given,not applicable (no reason),not applicable,"),
        "{csv}"
    );
    let ja = stdout_of(run("ja", "csv"));
    assert!(
        ja.contains(",非該当の理由の記載がなくなった,非該当,非該当(理由なし),"),
        "{ja}"
    );
}

/// Review 23 B-3: ISO/IEC 27001:2022 controls new in 2022 (`A.8.10`, `A.5.23`, `A.8.28`) are
/// worded by what the data says — no 2013 counterpart in ISO/IEC 27002:2022 Annex B — never
/// "ISMAP says nothing on it"; 5.23's related objectives are named for context, not
/// coverage; no relation is invented for the others; the status stays off covered.
#[test]
fn controls_new_in_2022_are_worded_by_annex_b() {
    for lang in ["en", "ja"] {
        let v = json_report_of(
            lang,
            &fixture("B3-iso2022-new.csv"),
            &common::example("csp-list-page.txt"),
        );
        for id in ["1", "2", "3"] {
            let item = by_id(&v["items"], id);
            assert_eq!(item["status"], "outside-ismap", "{id}");
            let procs = item["additional_procedures"].to_string();
            assert!(!procs.contains("says nothing"), "{procs}");
            assert!(!procs.contains("ISMAPの対応する管理策がない"), "{procs}");
            let annex_b = if lang == "en" {
                "with no 2013 counterpart in ISO/IEC 27002:2022 Annex B"
            } else {
                "ISO/IEC 27002:2022 附属書Bで2013年版の対応する管理策がない"
            };
            assert!(procs.contains(annex_b), "{procs}");
            // related objectives only where the catalog knows them (5.23's cloud objectives)
            assert_eq!(
                procs.contains("related-context"),
                id == "2",
                "{id}: {procs}"
            );
        }
        let related = by_id(&v["items"], "2")["additional_procedures"].to_string();
        let context = if lang == "en" {
            "Related ISMAP objectives (for context, not coverage): 6.3.1.P"
        } else {
            "関連するISMAPの統制目標(参考のみ、充足の根拠ではない): 6.3.1.P"
        };
        assert!(related.contains(context), "{related}");
    }
}

/// Review 23 D-1: a field written twice in a YAML profile is located at its second line and
/// names both (serde placed it at line 1, column 1); under `--lang ja` the field name stays
/// as typed (`implemented`, not `実施`).
#[test]
fn a_duplicate_profile_field_is_located_at_its_second_line() {
    let e = input_error(report("en", "checks-3items.csv", "D1-dup-field.yaml"));
    assert!(
        e.contains("D1-dup-field.yaml: line 4: invalid CSP profile: duplicate field `implemented` (lines 3 and 4)"),
        "{e}"
    );
    let out = report("ja", "checks-3items.csv", "D1-dup-field.yaml")
        .output()
        .unwrap();
    let ja = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{ja}");
    assert!(
        ja.contains("line 4: CSPプロファイルとして読めません: 項目 `implemented` が重複しています(3行目と4行目)"),
        "{ja}"
    );
}

/// Review 23 D-2: an id of a NIST SP 800-53 Rev. 5 family NIST's mapping has nothing of
/// (`PT-2`) is no typo: no "did you mean AT-2, PE-2, PL-2", and it is worded as not in NIST's
/// mapping; an id of no Rev. 5 family (`PX-2`) keeps its look-alikes. Not analysed either way.
#[test]
fn a_nist_id_of_an_unmapped_family_gets_no_look_alikes() {
    let v = json_report_of(
        "en",
        &fixture("D2-nist.csv"),
        &common::example("csp-list-page.txt"),
    );
    let pt = by_id(&v["items"], "N1");
    assert_eq!(pt["status"], "not-analysed");
    assert_eq!(pt["unresolved"][0]["why"], "unknown-nist");
    assert_eq!(pt["unresolved"][0]["suggestions"], serde_json::json!([]));
    let mut c = bin();
    c.args(["catalog", "show", "PT-2"]);
    let e = input_error(c);
    assert!(e.contains("not in NIST's mapping to ISO/IEC 27001"), "{e}");
    assert!(!e.contains("did you mean"), "{e}");
    let mut c = bin();
    c.args(["catalog", "show", "PX-2"]);
    assert!(input_error(c).contains("did you mean"));
}
