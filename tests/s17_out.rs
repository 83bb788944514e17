//! Session 17's output items (review 26 B-1…B-3, E-1…E-3, E-5, E-6): statements that the
//! outputs merged or mislabelled.
mod common;

use std::path::{Path, PathBuf};

use common::xlsx::{sheets, text, zip_entries};
use common::{bin, data, example, input_error, json_of, stdout_of};

fn d(name: &str) -> PathBuf {
    data(&format!("s17-out/{name}"))
}

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

/// The cell of the record whose first cell is `id`, in the column headed `header`.
fn csv_cell(records: &[Vec<String>], id: &str, header: &str) -> String {
    let c = records[0]
        .iter()
        .position(|h| h == header)
        .unwrap_or_else(|| panic!("no column {header} in {:?}", records[0]));
    let row = records
        .iter()
        .find(|r| r[0] == id)
        .unwrap_or_else(|| panic!("no row {id} in {records:?}"));
    row[c].clone()
}

/// `ismap-gap --lang LANG report --checks CHECKS --csp CSP --as-of AS_OF`.
fn report(lang: &str, checks: &Path, csp: &Path, as_of: &str) -> assert_cmd::Command {
    let mut c = bin();
    c.args(["--lang", lang, "report", "--checks"])
        .arg(checks)
        .arg("--csp")
        .arg(csp)
        .args(["--as-of", as_of]);
    c
}

/// The status cell of each of `ids` on a workbook sheet: the row whose first cell is the
/// id, the column headed `header` (in any row above it).
fn sheet_statuses(
    range: &calamine::Range<calamine::Data>,
    header: &str,
    ids: &[&str],
) -> Vec<String> {
    let (rows, cols) = range.get_size();
    let found = (0..rows)
        .flat_map(|r| (0..cols).map(move |c| (r, c)))
        .find(|&(r, c)| text(range, r, c) == header)
        .unwrap_or_else(|| panic!("no header {header}"));
    ids.iter()
        .map(|id| {
            let r = (found.0 + 1..rows)
                .find(|&r| text(range, r, 0) == *id)
                .unwrap_or_else(|| panic!("no row {id}"));
            text(range, r, found.1)
        })
        .collect()
}

/// B-1: `report` on a lapsed registration marks every status cell but not asked with it —
/// gap sheet, CSV, full and compact tables — and names it in the workbook's footer, as
/// `compare`'s sheet for the same CSP does (one rule); a valid registration marks nothing.
#[test]
fn report_on_a_lapsed_registration_says_so_in_every_status_cell() {
    let checks = example("checks.csv");
    let csp = d("lapsed-list.txt");
    let ids = ["C-13", "C-16", "C-11", "C-17"];
    let dir = tempfile::tempdir().unwrap();

    // the report's workbook, and compare's sheet for the same CSP
    let r = dir.path().join("r.xlsx");
    report("ja", &checks, &csp, "2026-12-07")
        .arg("-o")
        .arg(&r)
        .assert()
        .success();
    let (names, ranges) = sheets(&r);
    let gaps = names.iter().position(|n| n == "ギャップ").unwrap();
    let got = sheet_statuses(&ranges[gaps], "判定", &ids);
    assert_eq!(
        got,
        [
            "未充足（失効）",
            "未充足（失効）",
            "ISMAP対象外（失効）",
            "判定不能（失効）"
        ]
    );
    let c = dir.path().join("c.xlsx");
    bin()
        .args(["--lang", "ja", "compare", "--checks"])
        .arg(&checks)
        .arg("--csp")
        .arg(&csp)
        .arg("--csp")
        .arg(example("saas-profile.yaml"))
        .args(["--as-of", "2026-12-07", "-o"])
        .arg(&c)
        .assert()
        .success();
    let (cnames, cranges) = sheets(&c);
    // the CSP's own sheet in compare (the lapsed one ranks last)
    let lapsed_sheet = cnames
        .iter()
        .position(|n| n == "2 サンプルSaaS（架空）")
        .unwrap_or_else(|| panic!("{cnames:?}"));
    assert_eq!(sheet_statuses(&cranges[lapsed_sheet], "判定", &ids), got);

    // the footer names the registration, as compare's sheet's does
    let xml = zip_entries(&r);
    let sheet_xml = &xml[&format!("xl/worksheets/sheet{}.xml", gaps + 1)];
    assert!(
        sheet_xml.contains("サンプルSaaS（架空）（失効） — 基準日 2026-12-07"),
        "{sheet_xml}"
    );

    // the CSV
    let csv = csv_records(&stdout_of(
        report("ja", &checks, &csp, "2026-12-07").args(["--format", "csv"]),
    ));
    let cells: Vec<String> = ids.iter().map(|id| csv_cell(&csv, id, "判定")).collect();
    assert_eq!(cells, got);

    // the compact table: the marks compare's matrix gives
    let compact = stdout_of(report("ja", &checks, &csp, "2026-12-07").env("COLUMNS", "80"));
    for (id, want) in [
        ("C-13", "┆ 未充足（失効・記載なし） "),
        ("C-11", "┆ ISMAP対象外（失効） "),
        ("C-17", "┆ 判定不能（失効） "),
    ] {
        let line = compact
            .lines()
            .find(|l| l.starts_with(&format!("│ {id} ")))
            .unwrap_or_else(|| panic!("no row {id}: {compact}"));
        assert!(line.contains(want), "{want}: {compact}");
    }
    // the full table
    let full = stdout_of(report("ja", &checks, &csp, "2026-12-07").env("COLUMNS", "250"));
    assert!(full.contains("判定不能（失効）"), "{full}");

    // while the registration is valid nothing is marked
    let valid = csv_records(&stdout_of(
        report("ja", &checks, &csp, "2026-01-05").args(["--format", "csv"]),
    ));
    assert_eq!(csv_cell(&valid, "C-17", "判定"), "判定不能");
    assert_eq!(csv_cell(&valid, "C-11", "判定"), "ISMAP対象外");
}

/// B-2: compare's matrix and report's compact table keep "not applicable, no reason" apart
/// from "not applicable" with a reason.
#[test]
fn an_exclusion_without_a_reason_is_named_in_the_matrix_and_compact_table() {
    let compare = |lang: &str, format: &str| {
        let mut c = bin();
        c.args(["--lang", lang, "compare", "--checks"])
            .arg(d("na-checks.csv"))
            .arg("--csp")
            .arg(d("na-table.csv"))
            .arg("--csp")
            .arg(example("csp-list-page.txt"))
            .args(["--as-of", "2026-12-07", "--format", format]);
        stdout_of(c)
    };
    let md = compare("en", "md");
    let row = |id: &str| {
        md.lines()
            .find(|l| l.starts_with(&format!("| {id} |")))
            .unwrap_or_else(|| panic!("no row {id}: {md}"))
            .to_owned()
    };
    assert!(
        row("C4").contains("not-covered (not applicable, no reason)"),
        "{}",
        row("C4")
    );
    assert!(
        row("C5").contains("not-covered (not applicable)"),
        "{}",
        row("C5")
    );
    assert!(!row("C5").contains("no reason"), "{}", row("C5"));
    let csv = compare("ja", "csv");
    assert!(csv.contains("未充足（非該当・理由なし）"), "{csv}");
    assert!(csv.contains("未充足（非該当）"), "{csv}");

    let compact = stdout_of(
        report("ja", &d("na-checks.csv"), &d("na-table.csv"), "2026-12-07").env("COLUMNS", "80"),
    );
    let line = |id: &str| {
        compact
            .lines()
            .find(|l| l.starts_with(&format!("│ {id} ")))
            .unwrap_or_else(|| panic!("no row {id}: {compact}"))
            .to_owned()
    };
    assert!(
        line("C4").contains("┆ 未充足（非該当・理由なし） "),
        "{compact}"
    );
    assert!(line("C5").contains("┆ 未充足（非該当） "), "{compact}");
}

/// B-3: an objective the old list does not state and the new one states not implemented or
/// not applicable is no addition: its row says newly stated, its old status not listed, and
/// the summary counts it apart.
#[test]
fn a_control_newly_stated_not_implemented_is_not_counted_as_added() {
    let diff = |format: &str| {
        let mut c = bin();
        c.args(["--lang", "ja", "diff"])
            .arg(d("old.txt"))
            .arg(d("new.csv"))
            .args(["--as-of", "2026-12-07", "--format", format]);
        c
    };
    let v = json_of(diff("json"));
    assert_eq!(v["schema_version"], 12);
    assert_eq!(v["summary"]["added"], 0, "{}", v["summary"]);
    assert_eq!(v["summary"]["newly_stated_not_implemented"], 2);
    assert_eq!(v["added"].as_array().map(Vec::len), Some(2));

    let table = stdout_of(diff("table").env("COLUMNS", "250"));
    assert!(
        table.contains("追加 0, 新たに未実施・計画中・非該当と記載 2"),
        "{table}"
    );
    let row = |id: &str| {
        table
            .lines()
            .find(|l| l.contains(&format!(" {id} ")))
            .unwrap_or_else(|| panic!("no row {id}: {table}"))
            .to_owned()
    };
    for (id, new) in [("10.1.2", "未実施"), ("9.2.3", "非該当")] {
        let r = row(id);
        assert!(r.contains("新たに記載"), "{r}");
        assert!(!r.contains("追加"), "{r}");
        let old = r.find("記載なし").unwrap_or_else(|| panic!("{r}"));
        assert!(r[old..].contains(new), "{r}");
    }

    // an implemented one is still an addition
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("new.csv");
    std::fs::write(
        &new,
        std::fs::read_to_string(d("new.csv"))
            .unwrap()
            .replace("10.1.2,未実施,", "10.1.2,実施,"),
    )
    .unwrap();
    let mut c = bin();
    c.args(["--lang", "en", "diff"])
        .arg(d("old.txt"))
        .arg(&new)
        .args(["--as-of", "2026-12-07", "--format", "json"]);
    let v = json_of(c);
    assert_eq!(v["summary"]["added"], 1);
    assert_eq!(v["summary"]["newly_stated_not_implemented"], 1);
}

/// E-1: the `'` that guards a formula-like cell is for CSV only: Markdown and the table show
/// the text as written.
#[test]
fn the_formula_guard_is_for_csv_only() {
    let run = |format: &str| {
        stdout_of(
            report(
                "ja",
                &d("formula-checks.csv"),
                &example("csp-list-page.txt"),
                "2026-12-07",
            )
            .args(["--format", format])
            .env("COLUMNS", "250"),
        )
    };
    let md = run("md");
    assert!(md.contains("| C2 | =1+1 数式風 |"), "{md}");
    assert!(!md.contains("'=1+1"), "{md}");
    let table = run("table");
    assert!(
        table.contains("=1+1 数式風") && !table.contains("'=1+1"),
        "{table}"
    );
    let csv = csv_records(&run("csv"));
    assert_eq!(csv_cell(&csv, "C2", "確認項目"), "'=1+1 数式風");
}

/// E-2: a readiness statement (no registry fact) has no registration to speak of: the
/// heading says `—`, as the CSV does.
#[test]
fn diff_heading_says_no_registration_as_the_csv_does() {
    let run = |format: &str| {
        let mut c = bin();
        c.args(["--lang", "ja", "diff"])
            .arg(example("soa.xlsx"))
            .arg(d("rd.xlsx"))
            .args(["--as-of", "2026-12-07", "--format", format]);
        stdout_of(c)
    };
    let csv = csv_records(&run("csv"));
    let old = csv[0].iter().position(|h| h == "旧 登録の状態").unwrap();
    let new = csv[0].iter().position(|h| h == "新 登録の状態").unwrap();
    assert_eq!((csv[1][old].as_str(), csv[1][new].as_str()), ("—", "—"));
    let table = run("table");
    let heading = table.lines().next().unwrap();
    assert!(heading.contains("soa.xlsx (—)"), "{heading}");
    assert!(heading.contains("rd.xlsx (—)"), "{heading}");
    assert!(!heading.contains("未確認"), "{heading}");
}

/// E-3: the cell-size limit's hint is not about check items on a CSP file.
#[test]
fn the_cell_limit_hint_fits_a_control_list() {
    let dir = tempfile::tempdir().unwrap();
    let csp = dir.path().join("long-remark.csv");
    std::fs::write(
        &csp,
        format!(
            "管理策番号,実施状況,備考\n9.2.1,実施,\n9.2.2,実施,\"{}\"\n",
            "長い備考。".repeat(10_000)
        ),
    )
    .unwrap();
    let e = input_error(report("en", &example("checks.csv"), &csp, "2026-12-07"));
    assert!(e.contains("cell is over the 128 KB limit"), "{e}");
    assert!(!e.contains("a check item or id cell"), "{e}");
    assert!(e.contains("a check list or control list"), "{e}");
}

/// E-5: a CSV saved with an .xlsx name is named as such, the reverse of a workbook named
/// .csv; a damaged workbook still gets the workbook error.
#[test]
fn a_csv_named_xlsx_is_refused_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let renamed = dir.path().join("renamed.xlsx");
    std::fs::copy(example("checks.csv"), &renamed).unwrap();
    let e = input_error(report(
        "en",
        &renamed,
        &example("csp-list-page.txt"),
        "2026-12-07",
    ));
    assert!(
        e.contains(
            "renamed.xlsx: looks like CSV or text, not a workbook, but the name ends in .xlsx"
        ),
        "{e}"
    );
    assert!(e.contains("rename it to .csv"), "{e}");
    assert!(!e.contains("Zip"), "{e}");
    let out = report("ja", &renamed, &example("csp-list-page.txt"), "2026-12-07")
        .output()
        .unwrap();
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(e.contains("CSV またはテキストのようです"), "{e}");

    // a broken zip stays a workbook that cannot be opened
    let broken = dir.path().join("broken.xlsx");
    std::fs::write(&broken, b"PK\x03\x04not really a zip").unwrap();
    let e = input_error(report(
        "en",
        &broken,
        &example("csp-list-page.txt"),
        "2026-12-07",
    ));
    assert!(!e.contains("looks like CSV"), "{e}");
}

/// E-6: an unknown status in a table with registry lines above its header (which are read)
/// keeps its own hint, the status words known, not one about pasting a list entry.
#[test]
fn an_unknown_status_keeps_its_hint_under_registry_lines() {
    let e = input_error(report(
        "en",
        &example("checks.csv"),
        &d("st6.csv"),
        "2026-12-07",
    ));
    assert!(e.contains("unknown status 'Operational' for 9.2.1"), "{e}");
    assert!(!e.contains("entry of the ISMAP cloud service list"), "{e}");
    assert!(e.contains("hint:"), "{e}");
    // with a known status the lines are read
    let dir = tempfile::tempdir().unwrap();
    let ok = dir.path().join("st.csv");
    std::fs::write(
        &ok,
        std::fs::read_to_string(d("st6.csv"))
            .unwrap()
            .replace("\"Operational\"", "Implemented"),
    )
    .unwrap();
    let v =
        json_of(report("en", &example("checks.csv"), &ok, "2026-12-07").args(["--format", "json"]));
    assert_eq!(v["csp"]["renewal_deadline"], "2027-03-31", "{}", v["csp"]);
}
