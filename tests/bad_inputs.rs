//! Every command that reads files, fed bad files: exit 2, one line naming the file (and
//! sheet, row, column where they apply) with a hint, no panic, no output file left behind.
mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{bin, data};

/// Runs the command; asserts exit 2, one error line with the file name and a hint, no
/// panic, and that the output folder holds nothing new. Returns the error line.
fn rejects(args: &[&str], file: &Path, out_dir: &Path) -> String {
    let before = fs::read_dir(out_dir).unwrap().count();
    let mut c = bin();
    c.args(args);
    let out = c.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{args:?}\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    let name = file.file_name().unwrap().to_string_lossy();
    assert!(
        errors[0].contains(name.as_ref()),
        "no file name in: {}",
        errors[0]
    );
    assert!(errors[0].contains("(hint: "), "no hint in: {}", errors[0]);
    assert_eq!(
        fs::read_dir(out_dir).unwrap().count(),
        before,
        "output left behind"
    );
    errors[0].to_owned()
}

/// Each way a file-reading command can be pointed at `file`, writing into `out`.
fn commands(file: &Path, out: &Path) -> Vec<Vec<String>> {
    let f = file.display().to_string();
    let o = |name: &str| out.join(name).display().to_string();
    let checks = data("checks-all-statuses.csv").display().to_string();
    let csp = data("csp-basic.txt").display().to_string();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    vec![
        s(&["report", "--checks", &f, "--csp", &csp, "-o", &o("a.json")]),
        s(&[
            "report",
            "--checks",
            &checks,
            "--csp",
            &f,
            "-o",
            &o("b.xlsx"),
        ]),
        s(&["readiness", "--implemented", &f, "-o", &o("c.csv")]),
        s(&[
            "compare",
            "--checks",
            &checks,
            "--csp",
            &f,
            "-o",
            &o("d.json"),
        ]),
        s(&["compare", "--checks", &f, "--csp", &csp, "-o", &o("e.json")]),
        s(&["diff", &csp, &f, "-o", &o("f.json")]),
        s(&["catalog", "import", &f, "-o", &o("g.yaml")]),
    ]
}

/// Every command rejects `file`; the message holds one of `expect` (text and workbook
/// readers word the same problem their own way).
fn run_all(file: &Path, expect: &[&str]) {
    let out = tempfile::tempdir().unwrap();
    for cmd in commands(file, out.path()) {
        let args: Vec<&str> = cmd.iter().map(String::as_str).collect();
        let err = rejects(&args, file, out.path());
        assert!(expect.iter().any(|e| err.contains(e)), "{args:?}: {err}");
    }
}

fn tmp_file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn missing_file() {
    let dir = tempfile::tempdir().unwrap();
    run_all(&dir.path().join("nope.xlsx"), &["cannot read"]);
    run_all(&dir.path().join("nope.csv"), &["cannot read"]);
}

#[test]
fn directory_instead_of_file() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("folder.csv");
    fs::create_dir(&sub).unwrap();
    run_all(&sub, &["is a directory"]);
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    run_all(&tmp_file(dir.path(), "empty.csv", b""), &["empty"]);
    run_all(&tmp_file(dir.path(), "empty.xlsx", b""), &["empty"]);
}

#[test]
fn binary_junk_with_a_csv_or_xlsx_name() {
    let dir = tempfile::tempdir().unwrap();
    let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    run_all(
        &tmp_file(dir.path(), "junk.csv", &junk),
        &["binary", "cannot open the workbook"],
    );
    run_all(
        &tmp_file(dir.path(), "junk.xlsx", &junk),
        &["cannot open the workbook"],
    );
}

#[test]
fn truncated_xlsx_and_not_a_zip_and_password_protected() {
    let dir = tempfile::tempdir().unwrap();
    let good =
        fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/checks.xlsx")).unwrap();
    run_all(
        &tmp_file(dir.path(), "truncated.xlsx", &good[..good.len() / 2]),
        &["cannot open the workbook"],
    );
    run_all(
        &tmp_file(dir.path(), "notzip.xlsx", b"id,controls\nA,9.2.1\n"),
        // CSV text under a workbook's name is named as such (review 26 E-5)
        &["looks like CSV or text, not a workbook"],
    );
    // an encrypted workbook is an OLE compound file, not a zip
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.resize(4096, 0);
    run_all(
        &tmp_file(dir.path(), "locked.xlsx", &ole),
        &["password-protected"],
    );
}

#[test]
fn encodings() {
    let dir = tempfile::tempdir().unwrap();
    let csp = data("csp-basic.txt");
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    let report = |checks: &Path| {
        vec![
            "report".to_owned(),
            "--checks".to_owned(),
            checks.display().to_string(),
            "--csp".to_owned(),
            csp.display().to_string(),
        ]
    };
    // mixed: a UTF-8 line and a CP932 line
    let mut mixed = "id,title,controls\n1,確認項目,9.2.1\n".as_bytes().to_vec();
    mixed.extend(encoding_rs::SHIFT_JIS.encode("2,暗号化,10.1.1\n").0.iter());
    let f = tmp_file(dir.path(), "mixed.csv", &mixed);
    let args = report(&f);
    let err = rejects(
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
        &f,
        &out,
    );
    assert!(err.contains("line 3: mixed encodings"), "{err}");
    // invalid UTF-8 in a UTF-8 (BOM) file
    let f = tmp_file(
        dir.path(),
        "bad-utf8.csv",
        b"\xEF\xBB\xBFid,controls\nA,9.2.1\xFF\n",
    );
    let args = report(&f);
    let err = rejects(
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
        &f,
        &out,
    );
    assert!(err.contains("line 2: invalid UTF-8"), "{err}");
    // bytes that are not CP932 either
    let f = tmp_file(
        dir.path(),
        "not-cp932.csv",
        b"id,controls\nA,\x85\x40\x85\x41\xFD\n",
    );
    let args = report(&f);
    let err = rejects(
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
        &f,
        &out,
    );
    assert!(err.contains("line 2"), "{err}");
}

fn report_checks(name: &str, contents: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let f = tmp_file(dir.path(), name, contents);
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    let csp = data("csp-basic.txt").display().to_string();
    let fs_ = f.display().to_string();
    let o = out.join("r.csv").display().to_string();
    rejects(
        &["report", "--checks", &fs_, "--csp", &csp, "-o", &o],
        &f,
        &out,
    )
}

#[test]
fn table_shapes() {
    assert!(
        report_checks("header-only.csv", b"id,title,controls\n").contains("no check items follow")
    );
    assert!(
        report_checks("dup-ids.csv", b"id,controls\nA,9.2.1\nA,9.2.2\n")
            .contains("row 3: column 'id': duplicate check-item id 'A' (also on row 2)")
    );
    let err = report_checks("dup-headers.csv", b"id,controls,refs\nA,9.2.1,9.2.2\n");
    assert!(
        err.contains("row 1") && err.contains("columns B ('controls') and C ('refs')"),
        "{err}"
    );
    let err = report_checks("no-refs.csv", b"No,Item,Owner\n1,x,y\n");
    assert!(
        err.contains("no references column found (first row has: No, Item, Owner)"),
        "{err}"
    );
    let big = format!("id,controls,title\nA,9.2.1,{}\n", "x".repeat(1024 * 1024));
    let err = report_checks("big-cell.csv", big.as_bytes());
    assert!(
        err.contains("row 2: column 'C': cell is over the 128 KB limit"),
        "{err}"
    );
}

#[test]
fn ragged_rows_and_duplicate_extra_headers_work() {
    let dir = tempfile::tempdir().unwrap();
    let f = tmp_file(
        dir.path(),
        "ragged.csv",
        "id,controls,担当,担当\nA,9.2.1\nB,9.2.2,x,y,\n".as_bytes(),
    );
    let out = bin()
        .args(["report", "--format", "json", "--checks"])
        .arg(&f)
        .arg("--csp")
        .arg(data("csp-basic.txt"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["checks"]["extra_columns"],
        serde_json::json!(["担当", "担当 (D)"])
    );
    assert_eq!(v["items"].as_array().unwrap().len(), 2);
}

#[test]
fn workbook_features() {
    use rust_xlsxwriter::{Formula, Workbook};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.xlsx");
    let mut wb = Workbook::new();
    let hidden = wb.add_worksheet().set_name("hidden").unwrap();
    hidden.write_string(0, 0, "garbage").unwrap();
    hidden.set_hidden(true);
    let ws = wb.add_worksheet().set_name("checks").unwrap();
    ws.set_active(true);
    for (c, h) in ["id", "title", "controls", "risk"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    // merged references over rows 2-3, a formula title with a cached value, a date id
    ws.merge_range(1, 2, 2, 2, "9.2.1", &rust_xlsxwriter::Format::new())
        .unwrap();
    ws.write_string(1, 0, "M1").unwrap();
    ws.write_string(2, 0, "M2").unwrap();
    ws.write_formula(
        1,
        1,
        Formula::new("=\"user \"&\"registration\"").set_result("user registration"),
    )
    .unwrap();
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 1, 5).unwrap();
    ws.write_datetime_with_format(
        3,
        0,
        &date,
        &rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd"),
    )
    .unwrap();
    ws.write_string(3, 2, "9.2.2").unwrap();
    wb.save(&path).unwrap();
    let out = bin()
        .args(["report", "--format", "json", "--checks"])
        .arg(&path)
        .arg("--csp")
        .arg(data("csp-basic.txt"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["checks"]["sheet"], "checks", "hidden sheets are skipped");
    let item = |id: &str| {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(
        item("M1")["title"],
        "user registration",
        "formula cells give their cached value"
    );
    assert_eq!(
        item("M2")["references"],
        serde_json::json!(["9.2.1"]),
        "merged cells fill down"
    );
    assert_eq!(
        item("2024-01-05")["references"],
        serde_json::json!(["9.2.2"]),
        "a date id is kept as a date"
    );
}

#[test]
fn yaml_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    let checks = data("checks-all-statuses.csv").display().to_string();
    let csp_case = |name: &str, text: &str| {
        let f = tmp_file(dir.path(), name, text.as_bytes());
        let fs_ = f.display().to_string();
        rejects(&["report", "--checks", &checks, "--csp", &fs_], &f, &out)
    };
    assert!(csp_case("unknown.yaml", "name: x\nimplemnted: [9.2.1]\n")
        .contains("unknown field `implemnted`"));
    assert!(csp_case("types.yaml", "name: x\nimplemented: {a: 1}\n").contains("line 2"));
    assert!(csp_case(
        "date.yaml",
        "name: x\nrenewal_deadline: someday\nimplemented: [9.2.1]\n"
    )
    .contains("'someday' is not a date"));
    // a field of a profile is named as a field, on its line; a period that is neither a
    // mapping nor a text is explained without the tool's type names
    let err = csp_case(
        "date2.yaml",
        "name: x\nimplemented: [9.2.1]\nrenewal_deadline: 令和9年3月32日\n",
    );
    assert!(
        err.contains(
            "date2.yaml: line 3: field 'renewal_deadline': '令和9年3月32日' is not a date"
        ),
        "{err}"
    );
    assert!(!err.contains("column"), "{err}");
    let err = csp_case(
        "period.yaml",
        "name: x\naudit_period: {start: 2024-10-01, end: 2025-09-30}\nimplemented: [9.2.1]\n",
    );
    assert!(
        err.contains("expected an audit period: a mapping of from and to"),
        "{err}"
    );
    assert!(
        !err.contains("PeriodDoc") && !err.contains("PeriodField"),
        "{err}"
    );
    let mut bomb =
        String::from("a: &a [\"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\"]\n");
    for i in 0..12 {
        let prev = if i == 0 {
            "a".to_owned()
        } else {
            format!("b{}", i - 1)
        };
        bomb.push_str(&format!("b{i}: &b{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
    }
    let err = csp_case("bomb.yaml", &bomb);
    assert!(err.contains("bomb.yaml"), "{err}");
}

#[test]
fn catalogs_with_duplicates_or_cycles() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    let f = data("catalog-broken.yaml");
    let fs_ = f.display().to_string();
    let err = rejects(&["--catalog", &fs_, "catalog", "list"], &f, &out);
    assert!(err.contains("duplicate id '9.2.1'"), "{err}");
    let checks = data("checks-all-statuses.csv").display().to_string();
    let csp = data("csp-basic.txt").display().to_string();
    let o = out.join("x.csv").display().to_string();
    rejects(
        &[
            "--catalog",
            &fs_,
            "report",
            "--checks",
            &checks,
            "--csp",
            &csp,
            "-o",
            &o,
        ],
        &f,
        &out,
    );
}

#[test]
fn output_paths() {
    let dir = tempfile::tempdir().unwrap();
    let checks = dir.path().join("checks.csv");
    fs::copy(data("checks-all-statuses.csv"), &checks).unwrap();
    let c = checks.display().to_string();
    let csp = data("csp-basic.txt").display().to_string();
    let missing = dir.path().join("no/such/out.csv");
    let m = missing.display().to_string();
    let err = rejects(
        &["report", "--checks", &c, "--csp", &csp, "-o", &m],
        &missing,
        dir.path(),
    );
    assert!(err.contains("does not exist"), "{err}");
    let err = rejects(
        &[
            "report", "--checks", &c, "--csp", &csp, "-o", &c, "--format", "csv",
        ],
        &checks,
        dir.path(),
    );
    assert!(err.contains("also an input"), "{err}");
    assert_eq!(
        fs::read(&checks).unwrap(),
        fs::read(data("checks-all-statuses.csv")).unwrap()
    );
}

#[test]
fn a_100000_row_check_list_works() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    let refs = [
        "9.2.1",
        "9.2.2, 9.4.1",
        "AC-2",
        "",
        "Z.9",
        "A.11.1.1",
        "CLD.8.1.5",
    ];
    let mut text = String::from("id,title,controls\n");
    for i in 0..100_000 {
        text.push_str(&format!("C{i},確認項目 {i},\"{}\"\n", refs[i % refs.len()]));
    }
    fs::write(&path, text).unwrap();
    let out = bin()
        .args(["report", "--format", "csv", "--checks"])
        .arg(&path)
        .arg("--csp")
        .arg(data("csp-basic.txt"))
        .arg("-o")
        .arg(dir.path().join("out.csv"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = fs::read(dir.path().join("out.csv")).unwrap();
    let records = csv::Reader::from_reader(&written[3..]).records().count();
    assert_eq!(records, 100_000);
}
