//! What review 9 left of the outputs (fix11-out): the report JSON says when its as-of date
//! was the default (`as_of_defaulted`); `compare`'s JSON describes the service a CSP runs on
//! as `report` does (`csps[].inherits`, report's `csp.inherits` object); a cell shortened on
//! a comparison's per-CSP gap sheet is warned about naming the CSP; the objectives sheet
//! never says 実施 alone of an objective inherited through a registration not in effect.
mod common;

use std::path::PathBuf;

use common::xlsx::{sheets, text};
use common::{bin, data, json_of, on_checks, stdout_of};

fn reg(name: &str) -> PathBuf {
    data(&format!("fix10-reg/{name}"))
}

fn out_fixture(name: &str) -> PathBuf {
    data(&format!("fix10-out/{name}"))
}

/// 1: `as_of_defaulted` is true without `--as-of` (the date is the day of the run), false
/// with it; the field sits beside `as_of`.
#[test]
fn report_json_says_when_as_of_was_the_default() {
    let mut c = bin();
    c.args(["--lang", "en", "report", "--format", "json", "--checks"])
        .arg(reg("k.csv"))
        .arg("--csp")
        .arg(reg("noaudit.yaml"));
    let v = json_of(c);
    assert_eq!(v["schema_version"], 45);
    assert_eq!(v["as_of_defaulted"], true);

    let mut c = on_checks("en", "report", reg("k.csv"));
    c.args(["--format", "json", "--csp"])
        .arg(reg("noaudit.yaml"));
    let text = stdout_of(c);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["as_of"], "2026-04-01");
    assert_eq!(v["as_of_defaulted"], false);
    // beside the date, before the summary
    let at = |key: &str| text.find(&format!("\"{key}\"")).unwrap();
    assert!(at("as_of") < at("as_of_defaulted") && at("as_of_defaulted") < at("summary"));
}

/// 2: compare's `csps[].inherits` is the object `report` gives as `csp.inherits` (name,
/// profile, registration and its state, the service under it), byte for byte; a CSP that
/// inherits nothing has `null`.
#[test]
fn compare_describes_the_underlying_service_as_report_does() {
    let mut c = on_checks("en", "compare", reg("k.csv"));
    c.args(["--format", "json", "--csp"])
        .arg(reg("saas-on-lapsed.yaml"))
        .arg("--csp")
        .arg(reg("noaudit.yaml"));
    let v = json_of(c);
    assert_eq!(v["schema_version"], 27);
    let csps = v["csps"].as_array().unwrap();
    let on_lapsed = csps
        .iter()
        .find(|c| c["name"] == "SaaS on lapsed IaaS")
        .unwrap();
    let under = &on_lapsed["inherits"];
    assert_eq!(under["name"], "Lapsed IaaS");
    assert_eq!(under["registration"], "lapsed");
    assert_eq!(under["registration_number"], "C99-0001-1");
    assert!(under["inherits"].is_null());
    let other = csps.iter().find(|c| c["name"] == "Valid SaaS").unwrap();
    assert!(other["inherits"].is_null(), "{other}");

    let mut c = on_checks("en", "report", reg("k.csv"));
    c.args(["--format", "json", "--csp"])
        .arg(reg("saas-on-lapsed.yaml"));
    let report = json_of(c);
    assert_eq!(*under, report["csp"]["inherits"]);
}

/// 2: the two schemas describe the underlying service with one definition, the same in
/// both files (the validator resolves `$ref` within a file only).
#[test]
fn the_underlying_service_is_one_definition_in_both_schemas() {
    let schema = |name: &str| -> serde_json::Value {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("schema")
            .join(name);
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    let report = schema("report.schema.json");
    let compare = schema("compare.schema.json");
    assert_eq!(
        report["$defs"]["underlying"],
        compare["$defs"]["underlying"]
    );
    assert_eq!(
        compare["properties"]["csps"]["items"]["properties"]["inherits"]["oneOf"][1]["$ref"],
        "#/$defs/underlying"
    );
}

/// stderr of `COMMAND` in `lang` on the big item of `tests/data/fix10-out/` against
/// `csps`, written as a workbook into `dir`.
fn big_workbook_stderr(dir: &std::path::Path, lang: &str, command: &str, csps: &[&str]) -> String {
    let mut c = on_checks(lang, command, out_fixture("k-big.csv"));
    for csp in csps {
        c.arg("--csp").arg(out_fixture(csp));
    }
    c.arg("-o").arg(dir.join(format!("{command}-{lang}.xlsx")));
    let run = c.output().unwrap();
    assert!(run.status.success());
    String::from_utf8(run.stderr).unwrap()
}

/// 4: a cell shortened on a comparison's per-CSP gap sheet (409 pt) is warned about with
/// the CSP whose sheet it is on; a cell shortened on several CSPs' sheets once, naming
/// them; the report's own warning names no CSP.
#[test]
fn a_cell_shortened_on_a_compare_gap_sheet_names_the_csp() {
    let dir = tempfile::tempdir().unwrap();
    let both = ["st-mixed.csv", "valid.yaml"];
    for (lang, prefix) in [
        ("en", "warning: gap sheet of CSP st-mixed.csv: item B-1, column 'missing (not listed / not implemented / planned)': "),
        ("ja", "警告: CSP st-mixed.csv のギャップシート: 確認項目 B-1、列 '不足(記載なし・未実施・計画中)': "),
    ] {
        let stderr = big_workbook_stderr(dir.path(), lang, "compare", &both);
        assert!(
            stderr.lines().any(|l| l.starts_with(prefix)),
            "{lang}: {stderr}"
        );
        // every shortened-cell warning names the CSP(s)
        for line in stderr.lines().filter(|l| l.contains("B-1")) {
            assert!(
                line.contains("st-mixed.csv") || line.contains("Valid SaaS"),
                "{line}"
            );
        }
        // a cell cut on both CSPs' sheets: one warning naming both
        if lang == "en" {
            let cut: Vec<&str> = stderr
                .lines()
                .filter(|l| l.contains("column 'controls'"))
                .collect();
            assert_eq!(cut.len(), 1, "{stderr}");
            assert!(
                cut[0].starts_with("warning: gap sheet of CSP Valid SaaS, st-mixed.csv: item B-1"),
                "{stderr}"
            );
        }
    }
    // the report of one CSP: no CSP named
    let stderr = big_workbook_stderr(dir.path(), "en", "report", &["st-mixed.csv"]);
    assert!(
        stderr.contains(
            "warning: item B-1, column 'missing (not listed / not implemented / planned)': "
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("gap sheet of CSP"), "{stderr}");
}

/// The objectives sheet's rows (id → state, stated by) of a report on `csp`, in `lang`.
fn objectives(lang: &str, csp: &str) -> Vec<(String, String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.xlsx");
    let mut c = on_checks(lang, "report", reg("k.csv"));
    c.arg("--csp").arg(reg(csp)).arg("-o").arg(&path);
    stdout_of(c);
    let (_, ranges) = sheets(&path);
    let sheet = ranges
        .iter()
        .find(|r| {
            let h = text(r, 0, 4);
            h == "記載元" || h == "stated by"
        })
        .expect("objectives sheet");
    (1..sheet.height())
        .map(|r| (text(sheet, r, 0), text(sheet, r, 3), text(sheet, r, 4)))
        .collect()
}

/// 5: an objective inherited through a lapsed registration: its state cell says it is not
/// in effect, in the words of the stated-by cell (and JSON `inherited_not_in_effect`),
/// never 実施 alone; the CSP's own implemented objectives still say 実施.
#[test]
fn the_objectives_state_of_an_inherited_objective_not_in_effect_says_so() {
    let rows = objectives("ja", "saas-on-lapsed.yaml");
    let row = |id: &str| rows.iter().find(|(i, ..)| i == id).unwrap().clone();
    let (_, state, stated_by) = row("11.1.1");
    assert_eq!(state, "継承・効力なし: Lapsed IaaS の登録は失効");
    assert_eq!(stated_by, "Lapsed IaaS経由; Lapsed IaaS の登録は失効");
    assert_ne!(state, "実施");
    assert_eq!(row("9.2.1").1, "実施");

    let rows = objectives("en", "saas-on-lapsed.yaml");
    let (_, state, stated_by) = rows.iter().find(|(i, ..)| i == "11.1.1").unwrap();
    assert_eq!(
        state,
        "inherited, not in effect: Lapsed IaaS's registration lapsed"
    );
    assert!(stated_by.ends_with("; Lapsed IaaS's registration lapsed"));

    // guard: an objective inherited through a valid registration keeps its state
    let rows = objectives("ja", "saas-on-noaudit.yaml");
    let inherited: Vec<_> = rows.iter().filter(|(.., by)| by.contains("経由")).collect();
    assert!(!inherited.is_empty());
    assert!(
        inherited.iter().all(|(_, s, _)| s == "実施"),
        "{inherited:?}"
    );
}

/// 6: `catalog show` of an embedded entry whose title and NIST mapping come from two
/// sources says which fact came from which (table, JSON); an entry of one source, and any
/// entry of a `--catalog` file, says only its sources.
#[test]
fn catalog_show_says_which_fact_came_from_which_source() {
    let mut c = bin();
    c.env("COLUMNS", "200")
        .args(["--lang", "en", "catalog", "show", "9.2.1"]);
    let out = stdout_of(c);
    let row = |label: &str| {
        out.lines()
            .skip_while(|l| !l.contains(label))
            .take(2)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let per_fact = row("sources per fact");
    assert!(
        per_fact.contains("iso27002-2013: title, JIS Q 27001 附属書A, JIS Q 27002"),
        "{out}"
    );
    assert!(
        per_fact.contains("nist-sp800-53r5-iso27001: NIST SP 800-53"),
        "{out}"
    );

    let mut c = bin();
    c.args([
        "--lang", "ja", "catalog", "show", "6.3.1.P", "--format", "json",
    ]);
    let v = json_of(c);
    assert_eq!(
        v["entries"][0]["fact_sources"],
        serde_json::json!([
            {"source": "iso27017-2015", "facts": ["title", "jis_q_27017"]},
            {"source": "ismap-criteria-2022-en", "facts": ["flags"]}
        ])
    );

    // one source: its row says it all
    let mut c = bin();
    c.args([
        "--lang", "en", "catalog", "show", "4.4.7", "--format", "json",
    ]);
    let v = json_of(c);
    assert!(v["entries"][0].get("fact_sources").is_none(), "{v}");
    // a catalog file: no attribution the file does not make
    let mut c = bin();
    c.args(["--lang", "en", "--catalog"])
        .arg(data("catalog-good.yaml"))
        .args(["catalog", "show", "9.2.1", "--format", "json"]);
    let v = json_of(c);
    assert!(v["entries"][0].get("fact_sources").is_none(), "{v}");
}

fn b5() -> (PathBuf, PathBuf) {
    (data("fix11-out/checks-ja.csv"), data("fix11-out/b5"))
}

/// Review 11 B-5: the comparison matrix says what each CSP's list states of the controls
/// an item lacks — 記載なし, 未実施, 非該当 — in the table, CSV, Markdown and xlsx (JSON
/// keeps the status code and the reasons); a covered cell is unchanged.
#[test]
fn the_compare_matrix_keeps_not_listed_not_implemented_and_not_applicable_apart() {
    let (checks, dir) = b5();
    let run = |format: &str| {
        let mut c = on_checks("ja", "compare", &checks);
        c.env("COLUMNS", "300")
            .arg("--csp-dir")
            .arg(&dir)
            .args(["--format", format]);
        stdout_of(c)
    };
    for format in ["table", "csv", "md"] {
        let out = run(format);
        let line = |id: &str| {
            out.lines()
                .find(|l| {
                    let l = l.trim_start_matches(['│', '|', ' ']);
                    l.starts_with(&format!("{id} ")) || l.starts_with(&format!("{id},"))
                })
                .unwrap_or_else(|| panic!("{format}: no row {id}: {out}"))
                .to_owned()
        };
        // item 3: 12.4.1 非該当 for A, not listed by B; item 5: 10.1.2 未実施 for A
        let three = line("3");
        assert!(three.contains("未充足（非該当）"), "{format}: {three}");
        assert!(three.contains("未充足（記載なし）"), "{format}: {three}");
        let five = line("5");
        assert!(five.contains("未充足（未実施）"), "{format}: {five}");
        assert!(five.contains("未充足（記載なし）"), "{format}: {five}");
        let one = line("1");
        assert!(!one.contains('（'), "{format}: {one}");
    }
    let v: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let item = common::by_id(&v["items"], "5");
    assert_eq!(item["statuses"]["CSP-A-stated.csv"], "not-covered");

    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("m.xlsx");
    let mut c = on_checks("en", "compare", &checks);
    c.arg("--csp-dir").arg(&dir).arg("-o").arg(&out);
    stdout_of(c);
    let (names, ranges) = sheets(&out);
    let matrix = &ranges[names.iter().position(|n| n == "Matrix").unwrap()];
    let row = (1..matrix.height())
        .find(|r| text(matrix, *r, 0) == "5")
        .unwrap();
    let cells = [text(matrix, row, 2), text(matrix, row, 3)];
    assert!(
        cells.contains(&"not-covered (not implemented)".to_owned()),
        "{cells:?}"
    );
    assert!(
        cells.contains(&"not-covered (not listed)".to_owned()),
        "{cells:?}"
    );
}

/// Review 11 B-8: the CSP list's summary counts what it states planned and not implemented
/// beside implemented and not applicable (table, Markdown, JSON `csp.planned` /
/// `csp.not_implemented`, the xlsx summary); a published list, which states neither, keeps
/// its line; the objectives sheet says `(理由なし)` of an exclusion without a reason.
#[test]
fn the_csp_list_summary_counts_planned_and_not_implemented() {
    let checks = data("fix11-out/checks-ja.csv");
    let run = |lang: &str, csp: PathBuf, format: &str| {
        let mut c = on_checks(lang, "report", &checks);
        c.env("COLUMNS", "300")
            .arg("--csp")
            .arg(csp)
            .args(["--format", format]);
        stdout_of(c)
    };
    let stated = data("fix11-out/b5/CSP-A-stated.csv");
    let out = run("ja", stated.clone(), "table");
    assert!(
        out.contains("統制目標一覧: CSP-A-stated.csv (実施 2, 非該当 1, 未実施 1, 無視した語 0)"),
        "{out}"
    );
    let out = run("en", common::example("csp-status-table.csv"), "md");
    assert!(
        out.contains("(implemented 9, not applicable 2, planned 1, ignored tokens 1)"),
        "{out}"
    );
    let v: serde_json::Value = serde_json::from_str(&run("en", stated.clone(), "json")).unwrap();
    assert_eq!(v["csp"]["not_implemented"], 1);
    assert_eq!(v["csp"]["planned"], 0);
    assert_eq!(v["csp"]["not_applicable"], 1);
    // guard: a published list states neither, and its line is as it was
    let out = run("en", common::example("csp-list.txt"), "table");
    assert!(
        out.contains(
            "CSP list: csp-list.txt (implemented 130, not applicable 0, ignored tokens 8)"
        ),
        "{out}"
    );

    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("r.xlsx");
    let mut c = on_checks("ja", "report", &checks);
    c.arg("--csp")
        .arg(common::example("csp-status-table.csv"))
        .arg("-o")
        .arg(&path);
    stdout_of(c);
    let (_, ranges) = sheets(&path);
    let summary = &ranges[0];
    let fact = |label: &str| {
        (0..summary.height())
            .find(|r| text(summary, *r, 0) == label)
            .map(|r| text(summary, r, 1))
    };
    assert_eq!(fact("計画中").as_deref(), Some("1"));
    assert_eq!(fact("未実施"), None, "no row for a count of none");
    let objectives = ranges
        .iter()
        .find(|r| text(r, 0, 4) == "記載元")
        .expect("objectives sheet");
    let reason = |id: &str| {
        let r = (0..objectives.height())
            .find(|r| text(objectives, *r, 0) == id)
            .unwrap();
        text(objectives, r, 5)
    };
    assert_eq!(reason("11.1.2"), "特になし（理由を述べていない）");
    assert!(reason("11.1.1").contains("サンプルIaaS"));
}

/// stderr of `compare --csp-dir DIR` on the review's check list, in `lang`.
fn compare_dir_stderr(lang: &str, dir: &str) -> String {
    let mut c = on_checks(lang, "compare", data("fix11-out/checks-ja.csv"));
    c.arg("--csp-dir").arg(data(&format!("fix11-out/{dir}")));
    let out = c.output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stderr).unwrap()
}

/// Review 11 B-6: `compare --csp-dir` names the sub-folders and the files of other types
/// it does not read (a buyer's folder per CSP, the PDF of a published entry); a comparison
/// of one CSP is warned about. A folder of CSP lists only says nothing of the kind.
#[test]
fn compare_csp_dir_names_what_it_does_not_read() {
    let stderr = compare_dir_stderr("en", "nested");
    assert!(
        stderr.contains(
            "nested: sub-folders not read: A/, B/ (--csp-dir reads the files of the folder itself;"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "warning: only one CSP was read (CSP-A-stated.csv): the comparison ranks nothing"
        ),
        "{stderr}"
    );
    let stderr = compare_dir_stderr("ja", "withpdf");
    assert!(
        stderr.contains("withpdf: 読めない種類のファイルは読んでいません: CSP-C-ISMAP掲載情報.pdf, CSP-D-言明書.docx(PDFやWordのファイル"),
        "{stderr}"
    );
    assert!(!stderr.contains("1件だけ"), "{stderr}");
    // guard: two lists and nothing else
    let stderr = compare_dir_stderr("en", "b5");
    assert!(!stderr.contains("not read"), "{stderr}");
    assert!(!stderr.contains("only one CSP"), "{stderr}");
}

/// The report CSV of `checks` on `csp` (named `soa.csv` in `dir`, as a buyer keeps one file
/// per CSP and replaces it), with every decision 不要 and a comment typed in.
fn reviewed_csv(dir: &std::path::Path, checks: &std::path::Path) -> PathBuf {
    let mut c = on_checks("ja", "report", checks);
    c.arg("--csp")
        .arg(dir.join("soa.csv"))
        .args(["--format", "csv"]);
    let text = stdout_of(c);
    let mut rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let at = |h: &str| rows[0].iter().position(|c| c == h).unwrap();
    let (decision, comment) = (at("追加手続の要否"), at("レビューコメント"));
    for row in rows.iter_mut().skip(1) {
        row[decision] = "不要".into();
        row[comment] = "備考を確認済み".into();
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in &rows {
        w.write_record(row).unwrap();
    }
    let path = dir.join("reviewed.csv");
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(w.into_inner().unwrap());
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Review 11 B-4: `--review` compares the CSP's words the procedures quote — a remark on an
/// implemented control changed from `特権IDは申請・承認後に付与` to `…し、四半期ごとに棚卸し` is a change
/// (gaps-changed, kind `csp-words`) and the decision carried is marked re-review; an item
/// whose remark is the same stays unchanged.
#[test]
fn a_changed_csp_remark_is_a_change_for_the_review() {
    let tmp = tempfile::tempdir().unwrap();
    let checks = data("fix11-out/checks-ja.csv");
    std::fs::copy(data("fix11-out/b4/t-v1.csv"), tmp.path().join("soa.csv")).unwrap();
    let previous = reviewed_csv(tmp.path(), &checks);
    std::fs::copy(data("fix11-out/b4/t-v2.csv"), tmp.path().join("soa.csv")).unwrap();
    let mut c = on_checks("en", "report", &checks);
    c.arg("--csp")
        .arg(tmp.path().join("soa.csv"))
        .arg("--review")
        .arg(&previous)
        .args(["--format", "json"]);
    let v = json_of(c);
    let two = &common::by_id(&v["items"], "2")["review"];
    assert_eq!(two["change"], "gaps-changed", "{two}");
    assert_eq!(two["re_review"], true, "{two}");
    assert_eq!(two["previous_gaps"][0]["kind"], "csp-words", "{two}");
    assert!(
        two["previous_gaps"][0]["previous"]
            .as_str()
            .unwrap()
            .contains("特権IDは申請・承認後に付与"),
        "{two}"
    );
    assert!(
        two["previous_gaps"][0]["current"]
            .as_str()
            .unwrap()
            .contains("四半期ごとに棚卸し"),
        "{two}"
    );
    // guard: the same remark, and an item without one, are unchanged
    for id in ["1", "5"] {
        let r = &common::by_id(&v["items"], id)["review"];
        assert_eq!(r["change"], "unchanged", "{id}: {r}");
        assert_eq!(r["re_review"], false, "{id}: {r}");
    }
    assert_eq!(v["review"]["gaps_changed"], 1);
    // the same in the review's own language
    let mut c = on_checks("ja", "report", &checks);
    c.arg("--csp")
        .arg(tmp.path().join("soa.csv"))
        .arg("--review")
        .arg(&previous)
        .args(["--format", "json"]);
    let v = json_of(c);
    assert_eq!(
        common::by_id(&v["items"], "2")["review"]["change"],
        "gaps-changed"
    );
    assert_eq!(
        common::by_id(&v["items"], "1")["review"]["change"],
        "unchanged"
    );
    // and the same list again: nothing changed
    std::fs::copy(data("fix11-out/b4/t-v1.csv"), tmp.path().join("soa.csv")).unwrap();
    let mut c = on_checks("ja", "report", &checks);
    c.arg("--csp")
        .arg(tmp.path().join("soa.csv"))
        .arg("--review")
        .arg(&previous)
        .args(["--format", "json"]);
    let v = json_of(c);
    assert_eq!(v["review"]["gaps_changed"], 0, "{}", v["review"]);
}
