//! Session 10 fix17-out: outputs' wording, pasted text and notes lines. Review 12 B-9: a
//! `report` status resting on a registration not in effect says so in every format
//! (`一部充足（失効）`), as `compare`'s matrix does; the status itself is unchanged.
mod common;

use std::path::PathBuf;

use common::xlsx::{sheets, text};
use common::{by_id, json_of, on_checks, stdout_of};

fn fixture(name: &str) -> PathBuf {
    common::data(name)
}

/// `report --checks fix14-mark/checks.csv --csp fix14-mark/CSP` in `lang` and `format`
/// (M1, M2 covered on a valid registration, M3 partial, M4 not covered).
fn mark_report(lang: &str, csp: &str, format: &str) -> assert_cmd::Command {
    let mut c = on_checks(lang, "report", fixture("fix14-mark/checks.csv"));
    c.arg("--csp")
        .arg(fixture(&format!("fix14-mark/{csp}")))
        .args(["--format", format]);
    c
}

/// The cell after the title of `id`'s row in a table or Markdown line, or a CSV row.
fn status_in(out: &str, id: &str, format: &str) -> String {
    let line = out
        .lines()
        .find(|l| match format {
            "csv" => l.starts_with(&format!("{id},")),
            _ => l.contains(&format!(" {id} ")),
        })
        .unwrap_or_else(|| panic!("no row {id} in\n{out}"));
    let cells: Vec<&str> = match format {
        "csv" => line.split(',').collect(),
        "md" => line.split('|').skip(1).collect(),
        _ => line.split(['│', '┆']).skip(1).collect(),
    };
    cells[2].trim().to_owned()
}

/// r12 B-9: on a lapsed (or not yet valid) registration the table, Markdown and CSV status
/// cell says so (`一部充足（失効）`, `assurance-gap (not yet valid)`); on a valid one the
/// same statement reads `一部充足` / `充足` as before.
#[test]
fn report_marks_a_status_resting_on_a_registration_not_in_effect() {
    for (lang, csp, m1, m3) in [
        (
            "ja",
            "lapsed.yaml",
            "保証水準不足（失効）",
            "一部充足（失効）",
        ),
        (
            "en",
            "lapsed.yaml",
            "assurance-gap (lapsed)",
            "partial (lapsed)",
        ),
        (
            "en",
            "not-yet-valid.yaml",
            "assurance-gap (not yet valid)",
            "partial (not yet valid)",
        ),
        ("ja", "valid.yaml", "充足", "一部充足"),
        ("en", "valid.yaml", "covered", "partial"),
    ] {
        for format in ["table", "md", "csv"] {
            let out = stdout_of(mark_report(lang, csp, format));
            assert_eq!(status_in(&out, "M1", format), m1, "{lang} {csp} {format}");
            assert_eq!(status_in(&out, "M3", format), m3, "{lang} {csp} {format}");
            // a not-covered item keeps its own statement (the list does not name 9.2.3),
            // and on a registration not in effect says so too, as compare's matrix does
            // (review 26 B-1, one tag rule; was untagged)
            let m4 = status_in(&out, "M4", format);
            let tagged = ["失効", "lapsed", "未発効", "not yet valid"]
                .iter()
                .any(|t| m4.contains(t));
            assert_eq!(tagged, csp != "valid.yaml", "{lang} {csp} {format}: {m4}");
            assert!(
                m4.starts_with("未充足") || m4.starts_with("not-covered"),
                "{lang} {csp} {format}: {m4}"
            );
        }
        // JSON keeps the status; its reasons say why
        let v = json_of(mark_report(lang, csp, "json"));
        assert_eq!(
            by_id(&v["items"], "M3")["status"],
            "partial",
            "{lang} {csp}"
        );
    }
}

/// r12 B-9: the workbook's status column carries the mark, its status-code column the
/// status; a report CSV so marked is read back by `--review` (unchanged).
#[test]
fn the_workbook_marks_it_and_review_reads_it_back() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["ja", "en"] {
        let path = dir.path().join(format!("lapsed-{lang}.xlsx"));
        let mut c = mark_report(lang, "lapsed.yaml", "xlsx");
        c.arg("-o").arg(&path);
        stdout_of(c);
        let (_, ranges) = sheets(&path);
        let gaps = &ranges[1];
        let header: Vec<String> = (0..gaps.width()).map(|c| text(gaps, 0, c)).collect();
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        let (status, code) = match lang {
            "ja" => (col("判定"), col("判定コード")),
            _ => (col("status"), col("status code")),
        };
        let row = (0..gaps.height())
            .find(|r| text(gaps, *r, 0) == "M3")
            .unwrap();
        let want = match lang {
            "ja" => "一部充足（失効）",
            _ => "partial (lapsed)",
        };
        assert_eq!(text(gaps, row, status), want);
        assert_eq!(text(gaps, row, code), "partial");

        for (format, ext) in [("csv", "csv"), ("xlsx", "xlsx")] {
            let previous = dir.path().join(format!("previous-{lang}.{ext}"));
            let mut c = mark_report(lang, "lapsed.yaml", format);
            c.arg("-o").arg(&previous);
            stdout_of(c);
            let mut c = mark_report(lang, "lapsed.yaml", "json");
            c.arg("--review").arg(&previous);
            let v = json_of(c);
            for id in ["M1", "M2", "M3", "M4"] {
                assert_eq!(
                    by_id(&v["items"], id)["review"]["change"],
                    "unchanged",
                    "{lang} {format} {id}"
                );
            }
        }
    }
}

/// `report --checks fix17-out/details-checks.csv --csp fix17-out/details-only.csv` (D1:
/// 9.2.3, whose details 9.2.3.1 and 9.2.3.11.PB alone are stated 実施; D2: 9.2.1, whose
/// detail 9.2.1.6.PB is stated 計画中; D3: 12.4.1 stated 実施; D4: 10.1.2 not named).
fn details_report(lang: &str, format: &str) -> assert_cmd::Command {
    let mut c = on_checks(lang, "report", fixture("fix17-out/details-checks.csv"));
    c.arg("--csp")
        .arg(fixture("fix17-out/details-only.csv"))
        .args(["--format", format]);
    c
}

/// r11 B-10: an objective with no row whose details the list states implemented stays not
/// listed (never credited from its details), and the gaps and procedure say what the list
/// states of it (not "obtain the full list", nor list-incomplete on it). Guards: a detail
/// stated 計画中 only, and an objective not named at all, keep the statement request; an
/// objective stated 実施 is covered.
#[test]
fn an_objective_known_by_its_details_only_says_what_the_list_states() {
    let v = json_of(details_report("en", "json"));
    let d1 = by_id(&v["items"], "D1");
    assert_eq!(d1["status"], "not-covered");
    assert_eq!(common::strings(&d1["reasons"]), ["not-listed"]);
    assert_eq!(d1["not_listed_details"][0]["objective"], "9.2.3");
    assert_eq!(
        common::strings(&d1["not_listed_details"][0]["implemented"]),
        ["9.2.3.1", "9.2.3.11.PB"]
    );
    let codes = |item: &serde_json::Value| -> Vec<String> {
        item["additional_procedures"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["code"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(codes(d1), ["objective-from-details"]);
    let text = d1["additional_procedures"][0]["text"].as_str().unwrap();
    assert!(
        text.contains("9.2.3 (only its detailed controls 9.2.3.1, 9.2.3.11.PB"),
        "{text}"
    );
    for id in ["D2", "D4"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "not-covered", "{id}");
        assert!(item.get("not_listed_details").is_none(), "{id}");
        assert_eq!(codes(item), ["statement-request"], "{id}");
        assert!(
            common::strings(&item["reasons"]).contains(&"list-incomplete"),
            "{id}"
        );
    }
    assert_eq!(by_id(&v["items"], "D3")["status"], "covered");

    let table = stdout_of(details_report("ja", "table"));
    assert!(table.contains("記載なし: 9.2.3（詳細管理策"), "{table}");
    let csv = stdout_of(details_report("ja", "csv"));
    assert!(
        csv.contains("9.2.3 (記載なし; 詳細管理策 9.2.3.1, 9.2.3.11.PB のみ実施と記載)"),
        "{csv}"
    );
    assert!(
        csv.contains("CSPの一覧は統制目標 9.2.3（詳細管理策"),
        "{csv}"
    );
}

/// r17 A-3: a detailed control stated 実施 under an objective the list does not state is
/// at most partial: the objective (what ISMAP audits) goes with it as not listed, with the
/// procedure asking for the objective itself. Guard: the same details under an objective
/// stated 実施 are covered.
#[test]
fn a_detail_cited_under_an_objective_not_stated_is_at_most_partial() {
    let run = |csp: &str| {
        let mut c = on_checks("en", "report", fixture("fix17-out/details-cited.csv"));
        c.arg("--csp").arg(fixture(csp)).args(["--format", "json"]);
        json_of(c)
    };
    let v = run("fix17-out/details-only.csv");
    for id in ["D5", "D6"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "partial", "{id}");
        // (9.2.3.1 is not in the embedded catalog: also `unverified-detail`)
        assert!(
            common::strings(&item["reasons"]).contains(&"not-listed"),
            "{id}"
        );
        assert_eq!(item["not_listed_details"][0]["objective"], "9.2.3", "{id}");
        assert_eq!(
            item["additional_procedures"][0]["code"], "objective-from-details",
            "{id}"
        );
    }
    let v = run("fix17-out/details-with-objective.csv");
    for id in ["D5", "D6"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "covered", "{id}");
        assert!(item.get("not_listed_details").is_none(), "{id}");
    }
}

/// r11 B-9: a row's one remark is quoted with its column's name (`Comment: …`), as two are;
/// in English output the evidence and owner are labelled in English.
#[test]
fn a_remark_is_named_by_its_column_and_evidence_labels_follow_the_language() {
    let mut c = on_checks("en", "report", fixture("fix17-out/details-checks.csv"));
    c.arg("--csp")
        .arg(fixture("fix17-out/one-remark.csv"))
        .args(["--format", "json"]);
    let v = json_of(c);
    let d1 = by_id(&v["items"], "D1");
    assert_eq!(
        d1["csp_remarks"][0]["remark"],
        "Comment: Reviewed quarterly by CISO"
    );
    let texts: Vec<&str> = d1["additional_procedures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("9.2.3 ('Comment: Reviewed quarterly by CISO')")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("9.2.3 ('evidence: PAM export; owner: SecOps')")),
        "{texts:?}"
    );
    // Japanese output keeps the Japanese labels
    let mut c = on_checks("ja", "report", fixture("fix17-out/details-checks.csv"));
    c.arg("--csp")
        .arg(fixture("fix17-out/one-remark.csv"))
        .args(["--format", "json"]);
    let v = json_of(c);
    let text = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["additional_procedures"].as_array().unwrap())
        .filter_map(|p| p["text"].as_str())
        .find(|t| t.contains("PAM export"))
        .unwrap()
        .to_owned();
    assert!(text.contains("証跡: PAM export; 担当: SecOps"), "{text}");
}

/// `report --lang en --format json` of `fix17-out/details-checks.csv` on `fix17-out/CSP`.
fn run(csp: &str) -> assert_cmd::Command {
    let mut c = on_checks("en", "report", fixture("fix17-out/details-checks.csv"));
    c.arg("--csp").arg(fixture(&format!("fix17-out/{csp}")));
    c.args(["--format", "json"]);
    c
}

/// r11 C-11: cells copied from Excel and pasted, saved as `.txt` or piped to `--csp -`,
/// read as the status table they are (9.2.3 未実施 kept apart from not listed). Guards:
/// the same paste with `2027年度に対応予定` beside an implemented row is refused, as the
/// table reader refuses it; a PDF paste with tabs between ids and no header is a list.
#[test]
fn cells_pasted_from_excel_read_as_a_status_table() {
    let check = |v: &serde_json::Value| {
        assert_eq!(v["csp"]["read_as"]["kind"], "status-table");
        let d1 = by_id(&v["items"], "D1");
        assert_eq!(d1["status"], "not-covered");
        assert_eq!(common::strings(&d1["not_implemented"]), ["9.2.3"]);
        assert_eq!(by_id(&v["items"], "D2")["status"], "covered");
    };
    check(&json_of(run("excel-copy.txt")));
    let mut c = on_checks("en", "report", fixture("fix17-out/details-checks.csv"));
    c.args(["--csp", "-", "--format", "json"])
        .write_stdin(std::fs::read(fixture("fix17-out/excel-copy.txt")).unwrap());
    check(&json_of(c));

    let err = common::input_error(run("excel-copy-planned.txt"));
    assert!(err.contains("'2027年度に対応予定'"), "{err}");
    let v = json_of(run("pdf-tabs.txt"));
    assert_eq!(v["csp"]["read_as"]["kind"], "published-list");
}

/// r12 C-23: page-footer words a PDF copy puts after the last ids (`社外秘`, `© 2025 IPA`)
/// are furniture, as on a line of their own. Guards: `社外秘 未実施` and a copyright with
/// `（予定）` after it still refuse the list.
#[test]
fn footer_words_after_the_last_ids_are_page_furniture() {
    for csp in ["footer-marks.txt", "footer-copyright.txt"] {
        let v = json_of(run(csp));
        assert_eq!(v["csp"]["read_as"]["kind"], "published-list", "{csp}");
        assert_eq!(by_id(&v["items"], "D4")["status"], "covered", "{csp}");
    }
    for (csp, word) in [
        ("footer-qualified.txt", "社外秘 未実施"),
        ("footer-copyright-planned.txt", "© 2025 IPA（予定）"),
    ] {
        let err = common::input_error(run(csp));
        assert!(err.contains(word), "{csp}: {err}");
    }
}

/// r11 C-13: an evidence folder or file named by the as-of date's fiscal year or an earlier
/// one (`/ISMS/2026年度/特権ID`, `\\fs01\ISMS\2025年度\…`) is no implementation date. Guards:
/// a later year's folder, and a plan beside the path, still refuse the row.
#[test]
fn an_evidence_path_naming_the_current_year_is_no_date() {
    let v = json_of(run("evidence-fy.csv"));
    assert_eq!(by_id(&v["items"], "D1")["status"], "covered");
    assert_eq!(by_id(&v["items"], "D2")["status"], "covered");
    assert_eq!(
        by_id(&v["items"], "D1")["csp_evidence"][0]["remark"],
        "evidence: 証跡フォルダ: /ISMS/2026年度/特権ID"
    );
    for (csp, word) in [
        ("evidence-fy-later.csv", "('2027年度')"),
        // refused as evidence not made yet (fix19-ready's evidence words) or as a deferral:
        // either way the cell is named
        ("evidence-fy-planned.csv", "2027年度に整備予定"),
    ] {
        let err = common::input_error(run(csp));
        assert!(err.contains(word), "{csp}: {err}");
    }
}

/// A GRC export: an `Export Info` sheet with a `Filter` row, then the status table.
fn grc_export(dir: &std::path::Path, name: &str, filter: &str) -> PathBuf {
    let path = dir.join(name);
    let mut wb = rust_xlsxwriter::Workbook::new();
    common::add_text_sheet(
        &mut wb,
        "Export Info",
        &[
            &["Report", "ISMAP Control Status"],
            &["Exported", "2026-03-05 10:31 JST"],
            &["Filter", filter],
        ],
    );
    common::add_text_sheet(
        &mut wb,
        "Page 1",
        &[
            &["Control ID", "Control Name", "Status"],
            &[
                "9.2.1",
                "User registration and de-registration",
                "Implemented",
            ],
            &[
                "9.2.3",
                "Management of privileged access rights",
                "Implemented",
            ],
        ],
    );
    wb.save(&path).unwrap();
    path
}

/// r12 D-2: an export's filter on the framework and statuses (`Framework = ISMAP AND
/// Status != Retired`) is no qualifier of the rows there (a row left out is not listed,
/// never credited). Guard: a word beside it (`Retired（予定）`) is read as a note is: refused.
#[test]
fn an_export_filter_on_framework_and_status_reads() {
    let dir = tempfile::tempdir().unwrap();
    let run = |csp: &std::path::Path| {
        let mut c = on_checks("en", "report", fixture("fix17-out/details-checks.csv"));
        c.arg("--csp")
            .arg(csp)
            .args(["--registration-kind", "ismap", "--format", "json"]);
        c
    };
    for filter in [
        "Framework = ISMAP AND Status != Retired",
        "Framework = ISMAP, Status = Implemented",
    ] {
        let v = json_of(run(&grc_export(dir.path(), "ok.xlsx", filter)));
        assert_eq!(by_id(&v["items"], "D1")["status"], "covered", "{filter}");
    }
    let err = common::input_error(run(&grc_export(
        dir.path(),
        "planned.xlsx",
        "Framework = ISMAP AND Status != Retired（予定）",
    )));
    assert!(err.contains("'予定'"), "{err}");
}

/// r11 D-5: `compare` of two lists of one registration (last year's copy left in the
/// folder) warns that they are one service and points to `diff`; two services with their
/// own numbers are not warned of (guard).
#[test]
fn compare_warns_of_two_lists_of_one_registration() {
    let stderr = |args: &[&str]| {
        let mut c = on_checks("en", "compare", fixture("fix17-out/details-checks.csv"));
        for a in args {
            c.arg(a);
        }
        let out = c.output().unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    let dir = fixture("fix17-out/dup");
    let err = stderr(&["--csp-dir", dir.to_str().unwrap()]);
    assert!(
        err.contains("are lists of the same registration (c99-0303-1): one service, ranked twice"),
        "{err}"
    );
    assert!(err.contains("ismap-gap diff OLD NEW"), "{err}");
    let same = fixture("fix17-out/dup/same-2025.yaml");
    let other = fixture("fix17-out/other.yaml");
    let err = stderr(&[
        "--csp",
        same.to_str().unwrap(),
        "--csp",
        other.to_str().unwrap(),
    ]);
    assert!(!err.contains("same registration"), "{err}");
}
