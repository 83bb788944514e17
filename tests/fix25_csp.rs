//! Session 12 fix25-csp: the CSP reader's cell rules. Review 18 A-4: a text status cell
//! is read as its number format shows it (`@"（予定）"`, a fourth section, `;;;`).
mod common;

use std::path::{Path, PathBuf};

use common::{bin, data};
use rust_xlsxwriter::{Format, Workbook};

/// `report --format json` of `fix25-csp/checks.csv` (item 1 cites 9.2.1, item 2 9.2.3)
/// against `csp`, as of 2026-12-01.
fn run(csp: &Path, lang: &str) -> std::process::Output {
    run_in(csp, lang, &[])
}

/// [`run`] with `args` before the inputs.
fn run_in(csp: &Path, lang: &str, args: &[&str]) -> std::process::Output {
    bin()
        .args([
            "--lang",
            lang,
            "report",
            "--as-of",
            "2026-12-01",
            "--format",
            "json",
        ])
        .args(args)
        .arg("--checks")
        .arg(data("fix25-csp/checks.csv"))
        .arg("--csp")
        .arg(csp)
        .output()
        .unwrap()
}

/// The statuses of items 1 and 2, or the panic naming stderr.
fn statuses(csp: &Path) -> (String, String) {
    let out = run(csp, "en");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let of = |id: &str| {
        json["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()["status"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    (of("1"), of("2"))
}

/// Exit 2 with one error line, its stderr.
fn refused(csp: &Path) -> String {
    let out = run(csp, "en");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error")).count(),
        1,
        "{err}"
    );
    err
}

/// A status table `管理策番号 | 実施状況` (under `登録区分: ISMAP`) on the sheet `sheet`, 9.2.1
/// and 9.2.3 `実施`, 9.2.1's status cell formatted by `code` (none: no format).
fn text_formatted(dir: &Path, name: &str, code: Option<&str>) -> PathBuf {
    let path = dir.join(name);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("実施状況").unwrap();
    ws.write_string(0, 0, "登録区分: ISMAP").unwrap();
    ws.write_string(1, 0, "管理策番号").unwrap();
    ws.write_string(1, 1, "実施状況").unwrap();
    ws.write_string(2, 0, "9.2.1").unwrap();
    match code {
        Some(code) => {
            let format = Format::new().set_num_format(code);
            ws.write_string_with_format(2, 1, "実施", &format).unwrap();
        }
        None => {
            ws.write_string(2, 1, "実施").unwrap();
        }
    }
    ws.write_string(3, 0, "9.2.3").unwrap();
    ws.write_string(3, 1, "実施").unwrap();
    wb.save(&path).unwrap();
    path
}

#[test]
fn a_text_status_its_format_shows_as_a_plan_is_not_read_implemented() {
    let dir = tempfile::tempdir().unwrap();
    // r18 f14: a fourth (text) section shows any text as 予定: words of its own, whatever
    // was typed — value and glyphs disagree, refused as unread (review 20 A-9)
    let path = text_formatted(
        dir.path(),
        "fourth.xlsx",
        Some("\"実施\";;\"未実施\";\"予定\""),
    );
    let err = refused(&path);
    assert!(err.contains("cell B3 holds '実施'"), "{err}");
    // r18 f1: `@"（予定）"` shows 実施（予定）: refused as the typed words are
    let path = text_formatted(dir.path(), "suffix.xlsx", Some("@\"（予定）\""));
    let err = refused(&path);
    assert!(err.contains("実施（予定）"), "{err}");
    // a prefix in the text section of a four-section format
    let path = text_formatted(dir.path(), "prefix.xlsx", Some("0;-0;0;\"一部\"@"));
    assert_ne!(
        match run(&path, "en").status.code() {
            Some(0) => statuses(&path).0,
            _ => String::new(),
        },
        "covered"
    );
}

#[test]
fn a_text_status_its_format_hides_is_refused_as_unread() {
    let dir = tempfile::tempdir().unwrap();
    for (name, code) in [
        ("hidden.xlsx", ";;;"),
        // review 20 A-9: a typed 未実施 shown as 実施 was credited; here a typed 実施 shown
        // as 実施 by a literal section reads as typed (below), another literal is refused
        ("literal.xlsx", ";;;\"完了\""),
        ("empty-fourth.xlsx", "0;-0;0;"),
        ("digit.xlsx", "0;-0;0;0@"),
    ] {
        let path = text_formatted(dir.path(), name, Some(code));
        let err = refused(&path);
        assert!(err.contains("cell B3 holds '実施'"), "{name}: {err}");
        assert!(err.contains("column '実施状況'"), "{name}: {err}");
        assert!(err.contains("Format Cells"), "{name}: {err}");
    }
    // in Japanese too
    let path = text_formatted(dir.path(), "hidden-ja.xlsx", Some(";;;"));
    let out = run(&path, "ja");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("表示形式(';;;')がこれを隠す"), "{err}");
}

#[test]
fn a_text_status_its_format_shows_as_typed_reads_as_today() {
    let dir = tempfile::tempdir().unwrap();
    for (name, code) in [
        ("plain.xlsx", None),
        ("text.xlsx", Some("@")),
        ("general.xlsx", Some("General")),
        ("number.xlsx", Some("0.0")),
        ("repeat.xlsx", Some("0;-0;0;@")),
        ("locale.xlsx", Some("[$-411]@")),
        ("words-for-numbers.xlsx", Some("\"実施\";;\"未実施\"")),
        ("three-empty.xlsx", Some(";;")),
    ] {
        let path = text_formatted(dir.path(), name, code);
        assert_eq!(
            statuses(&path),
            ("covered".to_owned(), "covered".to_owned()),
            "{name}"
        );
    }
}

/// A CSV status table `管理策番号,実施状況,証跡` (under `登録区分: ISMAP`), 9.2.1 and 9.2.3
/// `実施`, 9.2.1's evidence `evidence`, 9.2.3's `規程A.pdf`.
fn with_evidence(dir: &Path, name: &str, evidence: &str) -> PathBuf {
    let path = dir.join(name);
    let quoted = format!("\"{}\"", evidence.replace('"', "\"\""));
    std::fs::write(
        &path,
        format!(
            "登録区分: ISMAP\n管理策番号,実施状況,証跡\n9.2.1,実施,{quoted}\n9.2.3,実施,規程A.pdf\n"
        ),
    )
    .unwrap();
    path
}

#[test]
fn evidence_of_another_service_unapproved_temporary_later_or_footnoted_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (evidence, said)) in [
        ("/ISMS/FY2025/他サービス/規程.docx", "('他サービス'"),
        ("/ISMS/別サービス/規程.docx", "('別サービス'"),
        ("/ISMS/other-service/policy.pdf", "('other-service'"),
        ("/ISMS/FY2025/規程_未承認.docx", "('未承認'"),
        ("規程_unapproved.docx", "('unapproved'"),
        ("規程_draft.docx", "('draft'"),
        ("/ISMS/FY2025/tmp/規程.docx", "('tmp'"),
        ("/tmp/規程.docx", "('tmp'"),
        // a template's folder (review 23 A-8, fix35-qual)
        ("/ISMS/template/規程.docx", "('template'"),
        (
            "/ISMS/FY2025/規程_2027-04.docx",
            "gives a date after the as-of date 2026-12-01 ('2027-04')",
        ),
        ("規程_20270401.docx", "('20270401')"),
        ("3/3*", "footnote not read ('3/3*')"),
        ("3/3※", "('3/3※')"),
    ]
    .into_iter()
    .enumerate()
    {
        let path = with_evidence(dir.path(), &format!("e{i}.csv"), evidence);
        let err = refused(&path);
        assert!(err.contains(said), "{evidence}: {err}");
        assert!(err.contains("column '証跡'"), "{evidence}: {err}");
    }
}

#[test]
fn ordinary_evidence_beside_those_still_reads() {
    let dir = tempfile::tempdir().unwrap();
    for (i, evidence) in [
        "/ISMS/FY2025/規程.docx",
        "/ISMS/2026年度/規程.docx",
        "規程_2026-03.docx",
        "規程_2026.docx",
        "temperature.pdf",
        "/監視/temperature/記録.csv",
        // (`/ISMS/template/規程.docx`: no `tmp` folder, but a template's since review 23 A-8,
        // refused above)
        "/ISMS/他サービス連携/手順.docx",
        "未承認ソフトウェア禁止規程.docx",
        "SEC_1234.pdf",
        "3/3",
        "規程A.pdf",
    ]
    .into_iter()
    .enumerate()
    {
        let path = with_evidence(dir.path(), &format!("g{i}.csv"), evidence);
        assert_eq!(
            statuses(&path),
            ("covered".to_owned(), "covered".to_owned()),
            "{evidence}"
        );
    }
}

/// A workbook whose one sheet `sheet` holds `above` (rows above the header, cells split at
/// ` | `) and a status table `管理策番号 | 実施状況`, 9.2.1 and 9.2.3 `実施`.
fn one_sheet(dir: &Path, file: &str, sheet: &str, above: &[&str]) -> PathBuf {
    let path = dir.join(file);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).unwrap();
    let mut row = 0;
    for line in above {
        for (c, cell) in line.split(" | ").enumerate() {
            ws.write_string(row, c as u16, cell).unwrap();
        }
        row += 1;
    }
    ws.write_string(row, 0, "管理策番号").unwrap();
    ws.write_string(row, 1, "実施状況").unwrap();
    for id in ["9.2.1", "9.2.3"] {
        row += 1;
        ws.write_string(row, 0, id).unwrap();
        ws.write_string(row, 1, "実施").unwrap();
    }
    wb.save(&path).unwrap();
    path
}

/// `report` as [`run`] does, with `--registration-kind ismap` and `args`.
fn run_with(csp: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--registration-kind", "ismap"];
    all.extend_from_slice(args);
    run_in(csp, "en", &all)
}

#[test]
fn a_sole_sheet_named_as_a_master_list_or_catalog_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (sheet, word)) in [
        ("管理策マスタ", "マスタ"),
        ("管理策マスター", "マスタ"),
        ("ISMAP catalog", "catalog"),
        ("Control Master", "master"),
        ("管理策カタログ", "カタログ"),
    ]
    .into_iter()
    .enumerate()
    {
        let path = one_sheet(dir.path(), &format!("m{i}.xlsx"), sheet, &[]);
        let out = run_with(&path, &[]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{sheet}: {err}");
        assert!(
            err.contains(&format!("the sheet's name ('{word}') names a master list")),
            "{sheet}: {err}"
        );
        assert!(
            err.contains(&format!("--csp-sheet '{sheet}'")),
            "{sheet}: {err}"
        );
    }
    // a label without a value names nothing; a reference mark beside the service's name
    // is still refused (as the kept-for-reference rule refuses it)
    for (i, (sheet, above)) in [
        ("管理策マスタ", &["サービス名:"][..]),
        ("管理策マスタ（参考）", &["サービス名: 〇〇クラウド"][..]),
    ]
    .into_iter()
    .enumerate()
    {
        let path = one_sheet(dir.path(), &format!("q{i}.xlsx"), sheet, above);
        let out = run_with(&path, &[]);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{sheet}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // in Japanese
    let path = one_sheet(dir.path(), "ja.xlsx", "管理策マスタ", &[]);
    let out = run_in(&path, "ja", &["--registration-kind", "ismap"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("管理策のマスタまたはカタログ"), "{err}");
}

#[test]
fn a_sole_sheet_named_as_the_statement_or_naming_its_service_still_reads() {
    let dir = tempfile::tempdir().unwrap();
    let covered = |out: std::process::Output, what: &str| {
        assert!(
            out.status.success(),
            "{what}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["items"][0]["status"], "covered", "{what}");
    };
    for (i, sheet) in [
        "実施状況",
        "Sheet1",
        "管理策一覧",
        "ISMAP管理策 実施状況",
        "Mastery of controls",
    ]
    .into_iter()
    .enumerate()
    {
        let path = one_sheet(dir.path(), &format!("o{i}.xlsx"), sheet, &[]);
        covered(run_with(&path, &[]), sheet);
    }
    // the service or its registration named above the table
    for (i, above) in [
        &["サービス名: 〇〇クラウド"][..],
        &["登録区分: ISMAP"][..],
        &["登録番号 | C23-0001-1"][..],
    ]
    .into_iter()
    .enumerate()
    {
        let path = one_sheet(dir.path(), &format!("s{i}.xlsx"), "管理策マスタ", above);
        covered(run_with(&path, &[]), &above.join(" "));
    }
    // --csp-sheet names the sheet the statement
    let path = one_sheet(dir.path(), "named.xlsx", "管理策マスタ", &[]);
    covered(
        run_with(&path, &["--csp-sheet", "管理策マスタ"]),
        "--csp-sheet",
    );
}

#[test]
fn readiness_finds_no_evidence_in_those_and_refuses_a_later_file_as_a_later_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("own.csv");
    std::fs::write(
        &path,
        "管理策番号,実施状況,証跡\n9.2.2,実施,/ISMS/他サービス/規程.docx\n9.2.3,実施,3/3*\n9.2.5,実施,規程_2026-03.docx\n",
    )
    .unwrap();
    let out = bin()
        .args(["--lang", "en", "readiness", "--as-of", "2026-12-01"])
        .args(["--format", "csv", "--implemented"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let row = |id: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{id},")))
            .unwrap_or_default()
            .to_owned()
    };
    assert!(row("9.2.2").ends_with(",no evidence"), "{}", row("9.2.2"));
    assert!(row("9.2.3").ends_with(",no evidence"), "{}", row("9.2.3"));
    assert!(row("9.2.5").contains(",implemented,"), "{}", row("9.2.5"));
    assert!(!row("9.2.5").ends_with(",no evidence"), "{}", row("9.2.5"));
    // a file named with a later date: refused as a later folder (`/ISMS/FY2027/`) is
    std::fs::write(
        &path,
        "管理策番号,実施状況,証跡\n9.2.1,実施,規程_2027-04.docx\n9.2.5,実施,規程A.pdf\n",
    )
    .unwrap();
    let out = bin()
        .args(["--lang", "en", "readiness", "--as-of", "2026-12-01"])
        .arg("--implemented")
        .arg(&path)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("('2027-04')"), "{err}");
}

/// Review 20 A-9: a status typed `未実施` (or `×`) whose format's text section is a literal
/// `"実施"` (`;;;"実施"`, `0;0;0;"○"`) was credited implemented — the glyphs read, the value
/// ignored. Words of the format's own, whatever was typed, are refused as unread.
#[test]
fn a_literal_text_section_over_another_typed_status_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (typed, code) in [("未実施", ";;;\"実施\""), ("×", "0;0;0;\"○\"")] {
        let path = dir.path().join("inv.xlsx");
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("実施状況").unwrap();
        ws.write_string(0, 0, "登録区分: ISMAP").unwrap();
        ws.write_string(1, 0, "管理策番号").unwrap();
        ws.write_string(1, 1, "実施状況").unwrap();
        ws.write_string(2, 0, "9.2.1").unwrap();
        let format = Format::new().set_num_format(code);
        ws.write_string_with_format(2, 1, typed, &format).unwrap();
        ws.write_string(3, 0, "9.2.3").unwrap();
        ws.write_string(3, 1, "実施").unwrap();
        wb.save(&path).unwrap();
        let err = refused(&path);
        assert!(err.contains(&format!("cell B3 holds '{typed}'")), "{err}");
    }
}
