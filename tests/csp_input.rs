//! CSP lists, status tables and profiles as `report`, `compare` and `readiness` read them:
//! status columns under other headers, rows whose id is not a plain id, ids stated twice,
//! profiles that both implement and exclude an id, and workbooks with several sheets.
mod common;

use std::fs;
use std::path::Path;

use common::{bin, by_id, data, input_error, json_of, on_checks};
use rust_xlsxwriter::Workbook;

fn report(csp: &Path) -> assert_cmd::Command {
    let mut c = on_checks("en", "report", data("csp-input/checks.csv"));
    c.arg("--csp").arg(csp).args(["--format", "json"]);
    c
}

fn readiness(file: &Path) -> assert_cmd::Command {
    let mut c = bin();
    c.args(["--lang", "en", "readiness", "--implemented"])
        .arg(file)
        .args(["--format", "json"]);
    c
}

fn compare(csp: &Path) -> assert_cmd::Command {
    let mut c = on_checks("en", "compare", data("csp-input/checks.csv"));
    c.arg("--csp").arg(csp).args(["--format", "json"]);
    c
}

/// The status of check items 1, 2 and 3 of `checks.csv` (on 5.1.2, 6.2.2, 5.1.1). They need
/// only the CSP's own declaration (`self`): most lists here do not state their registration
/// kind, which would make an item needing ISMAP's assurance an assurance gap whatever was
/// read (`tests/cli_verdicts.rs`); covered, an item says its control was read implemented.
fn statuses(v: &serde_json::Value) -> Vec<String> {
    ["1", "2", "3"]
        .iter()
        .map(|id| {
            by_id(&v["items"], id)["status"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

/// Adds a sheet holding `cells` (row, column, text), hidden or not.
fn add_sheet(wb: &mut Workbook, name: &str, cells: &[(u32, u16, &str)], hidden: bool) {
    let ws = wb.add_worksheet().set_name(name).unwrap();
    for (r, c, text) in cells {
        ws.write_string(*r, *c, *text).unwrap();
    }
    ws.set_hidden(hidden);
}

/// Rows marked 未実施 / 非該当 never count as implemented, whatever the status column is
/// called; a column of statuses under a header the tool does not know is an input error.
#[test]
fn status_columns_under_other_headers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sth.csv");
    for header in [
        "対応状況",
        "実施有無",
        "Implementation status",
        "実施状況（2025年）",
    ] {
        fs::write(
            &path,
            format!("管理策番号,{header}\n5.1.1,実施\n5.1.2,未実施\n6.2.2,非該当\n"),
        )
        .unwrap();
        let v = json_of(report(&path));
        assert_eq!(
            statuses(&v),
            ["not-covered", "not-covered", "covered"],
            "{header}"
        );
        assert_eq!(v["summary"]["covered_share"], 0.3333, "{header}");
        let r = json_of(readiness(&path));
        assert_eq!(r["summary"]["implemented"], 1, "{header}");
        assert_eq!(r["summary"]["not_applicable"], 0, "{header}: no reason");
        assert_eq!(r["summary"]["na_without_reason"], 1, "{header}");
    }

    // statuses under another header (進捗, progress): the column is read as the status
    // column, by the documented values, and named in `read_as`
    fs::write(
        &path,
        "管理策番号,進捗\n5.1.1,実施\n5.1.2,未実施\n6.2.2,非該当\n",
    )
    .unwrap();
    let v = json_of(report(&path));
    assert_eq!(statuses(&v), ["not-covered", "not-covered", "covered"]);
    assert_eq!(v["csp"]["read_as"]["kind"], "status-table");
    assert_eq!(v["csp"]["read_as"]["parts"][0]["id_column"], "管理策番号");
    assert_eq!(v["csp"]["read_as"]["parts"][0]["status_column"], "進捗");
    // readiness says which columns its numbers rest on
    let out = readiness(&path).output().unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("sth.csv: read as status table (id column 管理策番号, status column 進捗)"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // … and a value in it that is not a status is an error naming the cell
    fs::write(
        &path,
        "管理策番号,進捗\n5.1.1,実施\n5.1.2,たぶん\n6.2.2,非該当\n",
    )
    .unwrap();
    for cmd in [report(&path), readiness(&path), compare(&path)] {
        let err = input_error(cmd);
        assert!(
            err.contains("sth.csv: row 3: column '進捗': unknown status 'たぶん' for 5.1.2")
                && err.contains("(hint: write 実施/implemented"),
            "{err}"
        );
    }

    // a plain list stays a plain list: every id implemented
    fs::write(&path, "No,管理策番号\n1,5.1.1\n2,5.1.2\n").unwrap();
    assert_eq!(
        statuses(&json_of(report(&path))),
        ["covered", "not-covered", "covered"]
    );
}

/// A row whose id cell is not a plain ISMAP id is kept: the resolver maps it (`A.9.2.1`)
/// or reports it as unknown with its row; a heading row without a status is passed over.
#[test]
fn status_table_rows_with_odd_ids_are_reported() {
    let v = json_of(readiness(&data("csp-input/odd-ids.csv")));
    assert_eq!(v["summary"]["implemented"], 2, "5.1.1 and A.9.2.1 → 9.2.1");
    let unknown = v["unknown_ids"].as_array().unwrap();
    assert_eq!(unknown.len(), 1, "{unknown:?}");
    assert_eq!(unknown[0]["id"], "99.1.1");
    assert_eq!(unknown[0]["line"], 3);
    assert_eq!(by_id(&v["items"], "9.2.1")["state"], "implemented");
    assert_eq!(by_id(&v["items"], "9.2.1")["evidence"], "E4");
    let r = json_of(report(&data("csp-input/odd-ids.csv")));
    assert_eq!(r["csp"]["unknown_ids"][0]["id"], "99.1.1");
}

#[test]
fn status_table_rows_that_cannot_be_read_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("st.csv");
    let head = "管理策番号,実施状況,理由,証跡\n5.1.1,実施,,E1\n";
    for (row, expected) in [
        (
            ",実施,,E2",
            "st.csv: row 3: column '管理策番号': the row has a status (implemented) but no control id",
        ),
        (
            "9,実施,,E5",
            "st.csv: row 3: column '管理策番号': '9' is a clause or category",
        ),
        (
            "9.2,たぶん,,",
            "st.csv: row 3: column '実施状況': unknown status 'たぶん' for 9.2",
        ),
        (
            "99.1.1,たぶん,,",
            "st.csv: row 3: column '実施状況': unknown status 'たぶん' for 99.1.1",
        ),
        (
            "5.1.1,未実施,,",
            "st.csv: row 3: 5.1.1 is listed again, differently: not implemented, no evidence here; implemented, evidence 'E1' on row 2",
        ),
    ] {
        fs::write(&path, format!("{head}{row}\n")).unwrap();
        for cmd in [readiness(&path), report(&path)] {
            let err = input_error(cmd);
            assert!(err.contains(expected) && err.contains("(hint: "), "{row}: {err}");
        }
    }
    // the same row twice is fine
    fs::write(&path, format!("{head}5.1.1,実施,,E1\n")).unwrap();
    assert_eq!(json_of(readiness(&path))["summary"]["implemented"], 1);
}

#[test]
fn a_profile_that_implements_and_excludes_one_id_is_an_error() {
    let path = data("csp-input/both.yaml");
    for cmd in [report(&path), readiness(&path), compare(&path)] {
        let err = input_error(cmd);
        assert!(
            err.contains("both.yaml: line 3: field 'not_applicable': 5.1.1 is listed under both `implemented` and `not_applicable` (hint: keep it under one"),
            "{err}"
        );
    }
}

/// Every visible sheet of a CSP workbook is read; hidden sheets are not; a workbook without
/// ids names the sheets it read.
#[test]
fn every_visible_sheet_of_a_csp_workbook_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("csp.xlsx");
    let mut wb = Workbook::new();
    add_sheet(&mut wb, "表紙", &[(0, 0, "統制目標一覧 2025.3.31")], false);
    add_sheet(
        &mut wb,
        "一覧1",
        &[(0, 0, "統制目標番号"), (1, 0, "5.1.1")],
        false,
    );
    add_sheet(&mut wb, "一覧2", &[(0, 0, "5.1.2")], false);
    add_sheet(&mut wb, "旧版", &[(0, 0, "6.2.2")], true);
    wb.save(&path).unwrap();

    let v = json_of(report(&path));
    assert_eq!(statuses(&v), ["covered", "not-covered", "covered"]);
    assert_eq!(v["csp"]["implemented"], 2);
    let c = json_of(compare(&path));
    assert_eq!(by_id(&c["items"], "1")["statuses"]["csp.xlsx"], "covered");
    let r = json_of(readiness(&path));
    assert_eq!(r["summary"]["implemented"], 2);
    // `--sheet` reads that sheet only
    let mut one = readiness(&path);
    one.args(["--sheet", "一覧2"]);
    assert_eq!(json_of(one)["summary"]["implemented"], 1);

    // a status table on one sheet and a plain list of ids on another: refused (review 11
    // the bare ids are not stated implemented by the workbook's statement)
    let mut wb = Workbook::new();
    let soa = [
        (0, 0, "管理策番号"),
        (0, 1, "実施状況"),
        (1, 0, "5.1.2"),
        (1, 1, "未実施"),
    ];
    add_sheet(&mut wb, "SoA", &soa, false);
    add_sheet(&mut wb, "追加", &[(3, 0, "5.1.2")], false);
    wb.save(&path).unwrap();
    let err = input_error(report(&path));
    assert!(
        err.contains("csp.xlsx: sheet '追加': the sheet lists ids without statuses, beside sheet 'SoA', which states each control's status")
            && err.contains("--csp-sheet 'SoA'"),
        "{err}"
    );

    // no ids anywhere: the sheets read and the hidden ones are named
    let mut wb = Workbook::new();
    add_sheet(&mut wb, "表紙", &[(0, 0, "統制目標一覧")], false);
    add_sheet(&mut wb, "注記", &[(0, 0, "2025.3.31")], false);
    add_sheet(&mut wb, "旧版", &[(0, 0, "6.2.2")], true);
    wb.save(&path).unwrap();
    let err = input_error(report(&path));
    assert!(
        err.contains("csp.xlsx: found no ISMAP control ids on any sheet (read: 表紙, 注記; not read: 旧版 (hidden); 2 other tokens ignored)"),
        "{err}"
    );
}

/// The bundled examples, and a published list as it is copied out of the PDF (one id and
/// its title per line, page headers and footers, a title in English), read without an
/// error or a flag: every id credited, none unknown, no warning about the CSP list.
#[test]
fn the_examples_and_a_published_list_with_titles_read_cleanly() {
    let sample = data("csp-input/published-with-titles.txt");
    let distinct = {
        let text = fs::read_to_string(&sample).unwrap();
        let mut ids: Vec<String> = text
            .lines()
            .filter_map(|l| l.split_whitespace().next())
            .filter(|t| t.chars().next().is_some_and(|c| c.is_ascii_digit()) && t.contains('.'))
            .map(str::to_owned)
            .collect();
        ids.sort();
        ids.dedup();
        ids.len()
    };
    assert!(distinct > 50, "{distinct}");
    for (csp, kind, implemented) in [
        (common::example("csp-list.txt"), "published-list", 130),
        (common::example("csp-profile.yaml"), "profile", 0),
        (sample, "published-list", distinct),
    ] {
        let mut c = on_checks("en", "report", common::example("checks.csv"));
        c.arg("--csp").arg(&csp).args(["--format", "json"]);
        let out = c.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["csp"]["read_as"]["kind"], kind, "{csp:?}");
        assert_eq!(v["csp"]["unknown_ids"], serde_json::json!([]), "{csp:?}");
        if implemented > 0 {
            assert_eq!(v["csp"]["implemented"], implemented, "{csp:?}");
        }
        let codes: Vec<&str> = v["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["code"].as_str().unwrap())
            .collect();
        assert!(
            !codes.iter().any(|c| c.starts_with("csp")),
            "{csp:?}: {codes:?}"
        );
        json_of(readiness(&csp));
    }
}

/// `--csp-sheet` and `--status-column` in `report`, `compare` and `diff`: the sheet of every
/// workbook given (one without it is an error), the status column of every table; each
/// refused where there is nothing it applies to. `diff --fail-on-change` sees 実施 → 未実施
/// in a statement of applicability read by its 実施状況 column.
#[test]
fn csp_sheet_and_status_column_in_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let soa = |name: &str, status: &str| {
        let path = dir.path().join(name);
        let mut wb = Workbook::new();
        add_sheet(&mut wb, "表紙", &[(0, 0, "適用宣言書")], false);
        add_sheet(
            &mut wb,
            "SoA",
            &[
                (0, 0, "管理策番号"),
                (0, 1, "適用"),
                (0, 2, "実施状況"),
                (1, 0, "5.1.1"),
                (1, 1, "○"),
                (1, 2, "実施"),
                (2, 0, "5.1.2"),
                (2, 1, "○"),
                (2, 2, status),
            ],
            false,
        );
        wb.save(&path).unwrap();
        path
    };
    let old = soa("old.xlsx", "実施");
    let new = soa("new.xlsx", "未実施");
    let pick = ["--csp-sheet", "SoA", "--status-column", "実施状況"];

    // without --status-column: 適用 says the control applies, 実施状況 whether it is
    // implemented; read by 実施状況 in every command
    let v = json_of(report(&new));
    assert_eq!(statuses(&v), ["not-covered", "not-covered", "covered"]);
    let mut diff = bin();
    diff.args(["diff", "--fail-on-change"]).arg(&old).arg(&new);
    assert_eq!(diff.output().unwrap().status.code(), Some(1));
    // --status-column 適用 beside 実施状況 is refused in every command (they share the reader)
    let wrong = ["--status-column", "適用"];
    let mut c = report(&new);
    c.args(wrong);
    let err = input_error(c);
    assert!(
        err.contains("new.xlsx: sheet 'SoA': --status-column '適用': '適用' states whether each control applies"),
        "{err}"
    );
    let mut diff = bin();
    diff.args(["diff"]).arg(&old).arg(&new).args(wrong);
    assert!(input_error(diff).contains("--status-column '適用'"));
    let mut r = bin();
    r.args(["readiness", "--implemented"]).arg(&new).args(wrong);
    assert!(input_error(r).contains("--status-column '適用'"));
    let mut c = compare(&new);
    c.arg("--csp").arg(&old).args(wrong);
    assert!(input_error(c).contains("--status-column '適用'"));

    let mut c = report(&new);
    c.args(pick);
    let v = json_of(c);
    assert_eq!(statuses(&v), ["not-covered", "not-covered", "covered"]);
    assert_eq!(
        v["csp"]["read_as"],
        serde_json::json!({
            "kind": "status-table",
            "parts": [{"sheet": "SoA", "kind": "status-table", "id_column": "管理策番号", "status_column": "実施状況"}],
            "skipped": [],
            "fields": []
        })
    );
    let mut c = compare(&new);
    c.arg("--csp").arg(&old).args(pick);
    let v = json_of(c);
    assert_eq!(
        by_id(&v["items"], "1")["statuses"]["new.xlsx"],
        "not-covered"
    );
    assert_eq!(by_id(&v["items"], "1")["statuses"]["old.xlsx"], "covered");
    let mut diff = bin();
    diff.args(["diff", "--fail-on-change"])
        .arg(&old)
        .arg(&new)
        .args(pick);
    let out = diff.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // a workbook without the sheet named, in compare; the flags with nothing to apply to
    let mut c = compare(&new);
    c.arg("--csp")
        .arg(common::example("csp-list.txt"))
        .args(["--csp-sheet", "Missing"]);
    assert!(input_error(c).contains("new.xlsx: no sheet named 'Missing'"));
    let mut c = compare(&common::example("csp-list.txt"));
    c.args(["--csp-sheet", "SoA"]);
    assert!(input_error(c).contains("--csp-sheet picks a sheet of the CSP workbooks"));
    let mut c = report(&common::example("csp-list.txt"));
    c.args(["--status-column", "実施状況"]);
    assert!(input_error(c).contains("--status-column picks the status column of a table"));
    let mut c = report(&data("csp-input/odd-ids.csv"));
    c.args(["--csp-sheet", "SoA"]);
    assert!(input_error(c).contains("--csp-sheet picks a sheet of a workbook"));
}

/// A column named by one status (`Not Applicable`, `非該当`) marks that status: `Yes` under
/// it is not applicable in every command (they share the reader), never implemented; a row
/// it leaves unmarked states nothing, and is refused.
#[test]
fn a_column_named_by_one_status_is_read_by_its_meaning_in_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let implemented = dir.path().join("impl.csv");
    std::fs::write(
        &implemented,
        "管理策番号,実施状況\n5.1.1,実施\n9.2.3,実施\n",
    )
    .unwrap();
    let na = dir.path().join("na.csv");
    std::fs::write(&na, "Control,Not Applicable\n5.1.1,Yes\n9.2.3,Yes\n").unwrap();
    let v = json_of(
        bin()
            .args(["diff", "--format", "json"])
            .arg(&implemented)
            .arg(&na),
    );
    assert_eq!(v["summary"]["status_changed"], 2);
    assert_eq!(v["changed"][1]["new"]["status"], "not-applicable");
    let v = json_of(readiness(&na));
    assert_eq!(v["summary"]["implemented"], 0);
    assert_eq!(v["summary"]["na_without_reason"], 2);
    let v = json_of(report(&na));
    assert!(v["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["status"] != "covered"));
    // 5.1.1 left unmarked (× under 非該当): refused by report, readiness and diff alike
    let unmarked = dir.path().join("unmarked.csv");
    std::fs::write(&unmarked, "管理策番号,非該当\n5.1.1,×\n9.2.3,○\n").unwrap();
    let want = "unmarked.csv: row 2: column '非該当': '×' under '非該当' leaves 5.1.1 unmarked";
    assert!(input_error(report(&unmarked)).contains(want));
    assert!(input_error(readiness(&unmarked)).contains(want));
    let mut diff = bin();
    diff.arg("diff").arg(&implemented).arg(&unmarked);
    assert!(input_error(diff).contains(want));
}

/// A published list as it comes out of a PDF: a confidentiality mark, the document's title,
/// headers repeated per page, a suffix in a cell of its own (`8.1.5<TAB>P`), an objective
/// without its suffix (`9.5.1`), a title on the line after its id, page numbers, a creation
/// date, a reproduction notice and the audit period in footers: read, every id implemented.
#[test]
fn a_published_list_pasted_from_a_pdf_reads_cleanly() {
    let v = json_of(report(&data("csp-input/published-pdf-pages.txt")));
    assert_eq!(v["csp"]["read_as"]["kind"], "published-list");
    assert_eq!(v["csp"]["implemented"], 14);
    assert_eq!(v["csp"]["unknown_ids"], serde_json::json!([]));
}

/// Dates in a profile's registration fields written as the ISMAP list and Japanese documents
/// write them (`令和6年4月1日`, `2024年4月1日`, `R9.3.31`, full width, a period `…～…`) are read by
/// the date parser the list entry uses: the same dates as `YYYY-MM-DD`, a lapsed registration
/// covering nothing; what is not a date (an era date outside its era, a wrong weekday, one
/// date as a period, a period ending before it starts) is refused naming the field.
#[test]
fn profile_dates_written_in_japanese_are_read() {
    let dir = "csp-input/profile-dates";
    for name in ["era.yaml", "kanji.yaml"] {
        let v = json_of(report(&data(&format!("{dir}/{name}"))));
        let csp = &v["csp"];
        assert_eq!(csp["registered"], "2024-04-01", "{name}: {csp}");
        assert_eq!(csp["renewal_deadline"], "2027-03-31", "{name}: {csp}");
        assert_eq!(csp["audit_period"]["from"], "2024-10-01", "{name}: {csp}");
        assert_eq!(csp["audit_period"]["to"], "2025-09-30", "{name}: {csp}");
        assert_eq!(csp["registration"], "valid", "{name}: {csp}");
        // 5.1.2 and 5.1.1 implemented on a valid registration
        assert_eq!(by_id(&v["items"], "1")["status"], "covered", "{name}");
        assert_eq!(by_id(&v["items"], "3")["status"], "covered", "{name}");
    }
    // in every command that reads a CSP list
    let v = json_of(compare(&data(&format!("{dir}/era.yaml"))));
    assert_eq!(v["csps"][0]["registration"], "valid", "{v}");
    let v = json_of(readiness(&data(&format!("{dir}/era.yaml"))));
    assert_eq!(v["summary"]["implemented"], 2);
    assert_eq!(v["summary"]["not_applicable"], 1);

    // 令和7年3月31日 is before --as-of 2026-04-01: lapsed, nothing covered
    let v = json_of(report(&data(&format!("{dir}/era-lapsed.json"))));
    assert_eq!(v["csp"]["registered"], "2021-04-01");
    assert_eq!(v["csp"]["renewal_deadline"], "2025-03-31");
    assert_eq!(v["csp"]["registration"], "lapsed");
    assert_eq!(
        statuses(&v),
        ["assurance-gap", "not-covered", "assurance-gap"]
    );

    for (name, expected) in [
        (
            "era-outside.yaml",
            "era-outside.yaml: line 2: field 'registered': '令和1年4月30日' is not a date (hint: write dates as YYYY-MM-DD (e.g. 2027-03-31), or as the ISMAP list writes them (2027年3月31日, 令和9年3月31日))",
        ),
        (
            "weekday-wrong.yaml",
            "weekday-wrong.yaml: line 2: field 'renewal_deadline': '令和9年3月31日（月）' is not a date",
        ),
        (
            "period-bad.yaml",
            "period-bad.yaml: line 2: field 'audit_period': '2024年10月1日' is not a period of two dates (hint: give `audit_period` its `from` and `to` dates, or write the period as the ISMAP list does: 2024年4月1日～2025年3月31日)",
        ),
        (
            "period-reversed.yaml",
            "period-reversed.yaml: line 2: field 'audit_period': the audit period ends before it starts",
        ),
    ] {
        let err = input_error(report(&data(&format!("{dir}/{name}"))));
        assert!(err.contains(expected), "{name}: {err}");
    }
}

/// A detailed control under `implemented` whose objective is under `not_applicable`: the
/// profile contradicts itself, in every command (review 2, B3).
#[test]
fn a_profile_implementing_a_detail_of_an_excluded_objective_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("contra.yaml");
    fs::write(
        &path,
        "name: X\nimplemented: [5.1.1, 9.2.3.11.PB]\nnot_applicable:\n  9.2.3: IaaS側\n",
    )
    .unwrap();
    for cmd in [report(&path), readiness(&path), compare(&path)] {
        let err = input_error(cmd);
        assert!(
            err.contains("contra.yaml: line 2: field 'implemented': 9.2.3.11.PB is listed under `implemented`, but its objective 9.2.3 is under `not_applicable`: the profile contradicts itself (hint: a detailed control of an objective that does not apply"),
            "{err}"
        );
    }
}
