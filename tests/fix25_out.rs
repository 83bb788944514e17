//! Session 12's output items (review 17): `diff` of two readiness statements calls an item
//! stated through its objective and edited to 未実施 a status change, with the objective it
//! holds back (D-7); the CSV of `diff` and `compare` carry the registration and the counts
//! the other formats give (D-9); the share covered says it leaves out the items not asked
//! in every format of `compare` and `report` (closing-11).
mod common;

use common::xlsx::{
    attr, cell_looks, cell_ref, cell_styles, row_texts, sheets, tags, text, zip_entries,
};
use common::{bin, by_id, data, example, json_of, stdout_of};
use serde_json::{json, Value};

/// The records of a CSV output (BOM removed), the header first.
fn csv_records(out: &str) -> Vec<Vec<String>> {
    let text = out.trim_start_matches('\u{feff}');
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// The record whose first cell is `first`.
fn record<'a>(records: &'a [Vec<String>], first: &str) -> &'a [String] {
    records
        .iter()
        .find(|r| r[0] == first)
        .unwrap_or_else(|| panic!("no row {first} in {records:?}"))
}

fn d(name: &str) -> String {
    data(&format!("fix25-out/{name}")).display().to_string()
}

/// `ismap-gap --lang LANG diff OLD NEW --as-of 2026-12-01` with more arguments.
fn diff(lang: &str, old: &str, new: &str, more: &[&str]) -> assert_cmd::Command {
    let mut c = bin();
    c.args(["--lang", lang, "diff", old, new, "--as-of", "2026-12-01"])
        .args(more);
    c
}

fn ids(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect()
}

/// Review 17 D-7: the statement `readiness` wrote, with two items stated through their
/// objectives edited to 未実施 (`4.4.7.2`, and `3.1.2.1` with a reason): two items and the
/// two objectives they hold back changed status — was "added 2", the objectives unchanged.
#[test]
fn an_item_edited_in_a_readiness_statement_is_a_status_change_with_its_objective() {
    let v = json_of(diff(
        "en",
        &d("st-old.csv"),
        &d("st-new.csv"),
        &["--format", "json"],
    ));
    assert_eq!(v["schema_version"], 12);
    assert_eq!(ids(&v["added"]), Vec::<&str>::new());
    assert_eq!(ids(&v["removed"]), Vec::<&str>::new());
    assert_eq!(ids(&v["changed"]), ["3.1.2", "3.1.2.1", "4.4.7", "4.4.7.2"]);
    let s = &v["summary"];
    assert_eq!(
        (&s["status_changed"], &s["details_changed"], &s["unchanged"]),
        (&json!(4), &json!(0), &json!(1))
    );
    let item = by_id(&v["changed"], "4.4.7.2");
    assert_eq!(item["fields"], json!(["status", "stated_as"]));
    assert_eq!(item["old"]["status"], "implemented");
    assert_eq!(item["old"]["stated_as"], "4.4.7");
    assert_eq!(item["new"]["status"], "not-implemented");
    assert_eq!(item["new"]["stated_as"], Value::Null);
    let objective = by_id(&v["changed"], "4.4.7");
    assert_eq!(objective["old"]["status"], "implemented");
    assert_eq!(objective["old"]["stated_as"], Value::Null);
    assert_eq!(objective["new"]["status"], "not-implemented");
    assert_eq!(objective["new"]["stated_as"], "4.4.7.2");
    assert_eq!(
        by_id(&v["changed"], "3.1.2.1")["new"]["reason"],
        "取締役会での評価は未実施"
    );

    // the table says it in words: 状況変更, the old status through its objective, the new
    // one of the objective through the item
    let out = stdout_of(diff(
        "ja",
        &d("st-old.csv"),
        &d("st-new.csv"),
        &["--format", "csv"],
    ));
    let row = |id: &str| {
        out.lines()
            .find(|l| {
                l.trim_start_matches('\u{feff}')
                    .starts_with(&format!("{id},"))
            })
            .unwrap_or_else(|| panic!("no row {id}: {out}"))
            .to_owned()
    };
    assert!(
        row("4.4.7.2").contains(",状況変更,実施 (4.4.7 の記載による),未実施,"),
        "{out}"
    );
    assert!(
        row("4.4.7").contains(",状況変更,実施,未実施 (4.4.7.2 の記載による),"),
        "{out}"
    );
    assert!(csv_records(&out).iter().all(|r| r[2] != "追加"), "{out}");

    // --fail-on-change: four changed, none added
    let out = diff(
        "en",
        &d("st-old.csv"),
        &d("st-new.csv"),
        &["--fail-on-change"],
    )
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("0 added, 0 removed, 4 changed"), "{stderr}");
}

/// Guards beside D-7: the item's 記載元 cleared with its status kept (the CSP's own
/// statement now, the same status) is a change of what it is stated through only
/// (記載変更), no status change; the statement against itself has no differences.
#[test]
fn an_item_restated_with_the_same_status_is_no_status_change() {
    let v = json_of(diff(
        "en",
        &d("st-old.csv"),
        &d("st-own.csv"),
        &["--format", "json"],
    ));
    assert_eq!(ids(&v["changed"]), ["4.4.7.2"]);
    assert_eq!(v["changed"][0]["fields"], json!(["stated_as"]));
    let s = &v["summary"];
    assert_eq!(
        (&s["status_changed"], &s["details_changed"], &s["unchanged"]),
        (&json!(0), &json!(1), &json!(3))
    );
    let v = json_of(diff(
        "en",
        &d("st-old.csv"),
        &d("st-old.csv"),
        &["--format", "json"],
    ));
    assert_eq!(v["summary"]["differs"], false);
    assert_eq!(v["summary"]["unchanged"], 3);
}

/// D-7 as the review ran it: the whole statement `readiness` writes of the bundled
/// profile, 4.4.7.2 edited to 未実施; the other 133 statements unchanged.
#[test]
fn the_bundled_profiles_statement_edited_reads_as_two_status_changes() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("st-old.csv");
    bin()
        .args(["--lang", "ja", "readiness", "--implemented"])
        .arg(example("csp-profile.yaml"))
        .args(["--as-of", "2026-12-01", "-o"])
        .arg(&old)
        .assert()
        .success();
    let text = std::fs::read_to_string(&old).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("4.4.7.2,"))
        .unwrap()
        .to_owned();
    assert!(line.contains(",実施,4.4.7 の記載による,"), "{line}");
    let new = dir.path().join("st-new.csv");
    std::fs::write(
        &new,
        text.replace(&line, &line.replace(",実施,", ",未実施,")),
    )
    .unwrap();
    let v = json_of(diff(
        "en",
        &old.display().to_string(),
        &new.display().to_string(),
        &["--format", "json"],
    ));
    assert_eq!(ids(&v["added"]), Vec::<&str>::new());
    assert_eq!(ids(&v["changed"]), ["4.4.7", "4.4.7.2"]);
    assert_eq!(v["summary"]["status_changed"], 2);
    assert_eq!(v["summary"]["unchanged"], 132);
}

/// Review 17 D-9 (diff): the same lapsed list twice — no control changed — is a CSV with
/// rows saying so: the lists (`一覧`), the counts (`集計`), each side's lapse
/// (`registration-lapsed`, `警告 (新)`), and every row ends with the as-of date and each side's
/// registration as `report`'s CSV gives it (was: the header row alone). A valid list
/// against itself has no warning row and says `有効` on every row.
#[test]
fn the_diff_csv_carries_the_registrations_counts_and_warnings() {
    let lapsed = d("lapsed.txt");
    let out = stdout_of(diff("ja", &lapsed, &lapsed, &["--format", "csv"]));
    let rows = csv_records(&out);
    assert_eq!(rows[0][7..], ["基準日", "旧 登録の状態", "新 登録の状態"]);
    let firsts: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        firsts,
        ["一覧", "集計", "registration-lapsed", "registration-lapsed"]
    );
    let lists = record(&rows, "一覧");
    assert_eq!(
        lists[5..7],
        [
            "失効SaaS (".to_owned() + &lapsed + ")",
            "失効SaaS (".to_owned() + &lapsed + ")"
        ]
    );
    assert!(
        record(&rows, "集計")[2].contains("変更なし 143"),
        "{rows:?}"
    );
    assert_eq!(rows[4][2], "警告 (新)");
    assert!(rows[4][6].contains("登録の更新期限 2025-03-31"), "{rows:?}");
    let lapsed_cell = "失効 (ISMAP, 更新期限 2025-03-31)";
    for row in &rows[1..] {
        assert_eq!(
            row[7..],
            ["2026-12-01", lapsed_cell, lapsed_cell],
            "{row:?}"
        );
    }
    // the same in English, with --fail-on-change failing on NEW not in effect
    let out = diff(
        "en",
        &lapsed,
        &lapsed,
        &["--format", "csv", "--fail-on-change"],
    )
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let rows = csv_records(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(
        rows[0][7..],
        ["as of", "old registration", "new registration"]
    );
    assert_eq!(rows[4][..3], ["registration-lapsed", "", "warning (new)"]);

    // guard: a valid list against itself — no warning rows, valid on each row
    let valid = d("valid.txt");
    let rows = csv_records(&stdout_of(diff("ja", &valid, &valid, &["--format", "csv"])));
    let firsts: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(firsts, ["一覧", "集計"]);
    let valid_cell = "有効 (ISMAP, 更新期限 2027-03-31)";
    assert_eq!(rows[2][7..], ["2026-12-01", valid_cell, valid_cell]);
    // a change's row says both registrations: valid OLD, lapsed NEW
    let rows = csv_records(&stdout_of(diff(
        "ja",
        &valid,
        &lapsed,
        &["--format", "csv"],
    )));
    let deadline = record(&rows, "登録の更新期限");
    assert_eq!(deadline[7..], ["2026-12-01", valid_cell, lapsed_cell]);
}

/// `compare` of a valid and a lapsed list on a check list with items not asked.
fn compare(lang: &str, checks: &str, more: &[&str]) -> assert_cmd::Command {
    let mut c = bin();
    c.args(["--lang", lang, "compare", "--checks", &d(checks)])
        .args(["--csp", &d("valid.txt"), "--csp", &d("lapsed.txt")])
        .args(["--as-of", "2026-12-01"])
        .args(more);
    c
}

/// Review 17 D-9 (compare): the CSV gives, under 区分, the per-CSP summary the table, JSON
/// and xlsx give — rank, `充足率(本件対象外を除く)`, the count of each status, the service it
/// runs on, the registration — and the as-of date: the same numbers as the JSON (was: no
/// share, no counts, no registration).
#[test]
fn the_compare_csv_carries_the_per_csp_summary() {
    let v = json_of(compare("ja", "chk.csv", &["--format", "json"]));
    let rows = csv_records(&stdout_of(compare("ja", "chk.csv", &["--format", "csv"])));
    assert_eq!(rows[0][2..], ["有効SaaS", "失効SaaS"]);
    let firsts: Vec<&str> = rows[1..17].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        firsts,
        [
            "区分",
            "順位",
            "充足率(本件対象外を除く)",
            "充足",
            "保証水準不足",
            "一部充足",
            "未充足",
            "ISMAP対象外",
            "参照未記入",
            "判定不能",
            "本件対象外",
            "基盤",
            "登録",
            "基準日",
            "警告",
            "C-01"
        ]
    );
    assert_eq!(
        record(&rows, "充足率(本件対象外を除く)")[2..],
        ["44.4%", "0.0%"]
    );
    assert_eq!(record(&rows, "登録")[2..], ["有効", "失効"]);
    assert_eq!(record(&rows, "基準日")[1], "2026-12-01");
    for (k, csp) in v["csps"].as_array().unwrap().iter().enumerate() {
        let share = csp["covered_share"].as_f64().unwrap();
        assert_eq!(
            record(&rows, "充足率(本件対象外を除く)")[2 + k],
            format!("{:.1}%", share * 100.0)
        );
        for (label, key) in [
            ("充足", "covered"),
            ("未充足", "not_covered"),
            ("本件対象外", "not_asked"),
        ] {
            assert_eq!(
                record(&rows, label)[2 + k],
                csp["counts"][key].to_string(),
                "{label} of {}",
                csp["name"]
            );
        }
    }
}

/// closing-11 Left: the share covered leaves out the items not asked, and every format of
/// `compare` says so in its label (`充足率(本件対象外を除く)`, `share covered (of the items
/// asked)`) as `report`'s summary and workbook do; with every item asked the label is the
/// plain `充足率`.
#[test]
fn the_share_covered_says_it_leaves_out_the_items_not_asked() {
    let table = stdout_of(compare("ja", "chk.csv", &[]).env("COLUMNS", "240"));
    assert!(table.contains("充足率(本件対象外を除く)"), "{table}");
    let md = stdout_of(compare("en", "chk.csv", &["--format", "md"]));
    assert!(
        md.contains("| rank | CSP | share covered (of the items asked) | covered |"),
        "{md}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cmp.xlsx");
    stdout_of(compare("ja", "chk.csv", &["-o", path.to_str().unwrap()]));
    let (_, ranges) = sheets(&path);
    let summary = &ranges[0];
    let header = (0..summary.height())
        .find(|r| text(summary, *r, 0) == "順位")
        .unwrap();
    assert_eq!(text(summary, header, 2), "充足率(本件対象外を除く)");
    // report: the summary line and the workbook, the same label
    let mut c = bin();
    c.args(["--lang", "ja", "report", "--checks", &d("chk.csv")])
        .args(["--csp", &d("valid.txt"), "--as-of", "2026-12-01"]);
    let report = stdout_of(c);
    assert!(
        report.contains("— 充足率(本件対象外を除く) 44.4%"),
        "{report}"
    );

    // guard: every item asked — the plain label, in each format
    let table = stdout_of(compare("ja", "chk-all.csv", &[]).env("COLUMNS", "240"));
    assert!(!table.contains("本件対象外を除く"), "{table}");
    assert!(table.contains("充足率"), "{table}");
    let rows = csv_records(&stdout_of(compare(
        "ja",
        "chk-all.csv",
        &["--format", "csv"],
    )));
    assert_eq!(rows[3][0], "充足率");
    let path = dir.path().join("all.xlsx");
    stdout_of(compare(
        "ja",
        "chk-all.csv",
        &["-o", path.to_str().unwrap()],
    ));
    let (_, ranges) = sheets(&path);
    let summary = &ranges[0];
    let header = (0..summary.height())
        .find(|r| text(summary, *r, 0) == "順位")
        .unwrap();
    assert_eq!(row_texts(summary, header)[2], "充足率");
}

/// The `horizontal` alignment of each cell style (index into `cellXfs`), if it has one.
fn horizontal_alignments(styles_xml: &str) -> Vec<Option<String>> {
    let xfs = &styles_xml[styles_xml.find("<cellXfs").unwrap()..];
    let xfs = &xfs[..xfs.find("</cellXfs>").unwrap()];
    xfs.split("<xf ")
        .skip(1)
        .map(|xf| {
            tags(xf, "alignment")
                .first()
                .and_then(|a| attr(a, "horizontal"))
                .map(str::to_owned)
        })
        .collect()
}

/// The row (from 0) of a sheet whose first cell is `label`.
fn row_labelled(range: &calamine::Range<calamine::Data>, label: &str) -> usize {
    (0..range.height())
        .find(|r| text(range, *r, 0) == label)
        .unwrap_or_else(|| panic!("no row {label}"))
}

/// Review 17 D-10, the report workbook's summary as printed: the registration lapsed stands
/// out as the warnings do (their style: red, bold), a valid one is plain text; the counts
/// among the facts are left-aligned as the text facts beside them (were right-aligned in
/// the wide value column); the gap sheet's `追加手続の要否` column holds its header on one
/// line (wrapped inside the word).
#[test]
fn the_report_summary_marks_a_lapsed_registration_and_aligns_its_counts() {
    let dir = tempfile::tempdir().unwrap();
    let write = |csp: &str, name: &str| {
        let path = dir.path().join(name);
        let mut c = bin();
        c.args(["--lang", "ja", "report", "--checks", &d("chk.csv")])
            .args(["--csp", &d(csp), "--as-of", "2026-12-01", "-o"])
            .arg(&path);
        stdout_of(c);
        path
    };
    let lapsed = write("lapsed.txt", "lapsed.xlsx");
    let (names, ranges) = sheets(&lapsed);
    let summary = &ranges[0];
    let xml = zip_entries(&lapsed);
    let styles = cell_styles(&xml["xl/worksheets/sheet1.xml"]);
    let looks = cell_looks(&xml["xl/styles.xml"]);
    let registration = row_labelled(summary, "登録の有効性");
    assert_eq!(text(summary, registration, 1), "失効");
    let warning = row_labelled(summary, "警告");
    let style = |r: usize, c: usize| styles[&cell_ref(r, c)];
    assert_eq!(style(registration, 1), style(warning, 1));
    assert_eq!(style(registration, 0), style(warning, 0));
    assert!(looks[style(registration, 1)].bold);
    // the counts: left-aligned numbers
    let align = horizontal_alignments(&xml["xl/styles.xml"]);
    for label in [
        "実施と記載された項目",
        "非該当",
        "未解決の参照",
        "読まなかった行(確認項目ではない)",
    ] {
        let r = row_labelled(summary, label);
        assert!(
            matches!(summary.get((r, 1)), Some(calamine::Data::Float(_))),
            "{label}: a number"
        );
        assert_eq!(align[style(r, 1)].as_deref(), Some("left"), "{label}");
    }
    // the decision column: as wide as its header on one line
    let gaps = names.iter().position(|n| n == "ギャップ").unwrap();
    let decision = row_texts(&ranges[gaps], 0)
        .iter()
        .position(|h| h == "追加手続の要否")
        .unwrap();
    let sheet = &xml[&format!("xl/worksheets/sheet{}.xml", gaps + 1)];
    let width: f64 = tags(sheet, "col")
        .iter()
        .find(|c| attr(c, "min").unwrap().parse::<usize>().unwrap() == decision + 1)
        .and_then(|c| attr(c, "width"))
        .unwrap()
        .parse()
        .unwrap();
    assert!(width >= 16.0, "{width}");

    // guard: a valid registration is a plain fact
    let valid = write("valid.txt", "valid.xlsx");
    let (_, ranges) = sheets(&valid);
    let xml = zip_entries(&valid);
    let styles = cell_styles(&xml["xl/worksheets/sheet1.xml"]);
    let looks = cell_looks(&xml["xl/styles.xml"]);
    let registration = row_labelled(&ranges[0], "登録の有効性");
    assert_eq!(text(&ranges[0], registration, 1), "有効");
    assert!(!looks[styles[&cell_ref(registration, 1)]].bold);
}

/// Review 17 D-10, the comparison workbook: the CSP count is left-aligned as the facts
/// beside it; the matrix's title column holds the check list's titles on one line, so no
/// row is taller than the others (C-01–C-03, the longest titles, were two lines tall).
#[test]
fn the_compare_matrix_rows_are_one_line_when_the_titles_fit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cmp.xlsx");
    stdout_of(compare("ja", "chk.csv", &["-o", path.to_str().unwrap()]));
    let (_, ranges) = sheets(&path);
    let xml = zip_entries(&path);
    let rows = tags(&xml["xl/worksheets/sheet2.xml"], "row");
    assert_eq!(rows.len(), 13, "header and twelve items");
    for row in &rows[1..] {
        assert_eq!(attr(row, "ht"), None, "{row}");
    }
    let summary = &ranges[0];
    let styles = cell_styles(&xml["xl/worksheets/sheet1.xml"]);
    let align = horizontal_alignments(&xml["xl/styles.xml"]);
    let r = row_labelled(summary, "CSP数");
    assert_eq!(text(summary, r, 1), "2");
    assert_eq!(align[styles[&cell_ref(r, 1)]].as_deref(), Some("left"));
}
