//! Helpers shared by the integration tests: the binary with a clean locale, fixtures.
#![allow(dead_code)]
pub mod xlsx;

use std::borrow::BorrowMut;
use std::ffi::OsStr;
use std::path::PathBuf;

use assert_cmd::Command;

/// The real binary, with no locale or colour from the environment.
pub fn bin() -> Command {
    let mut c = Command::cargo_bin("ismap-gap").unwrap();
    c.env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("NO_COLOR")
        .env("RUST_BACKTRACE", "0");
    c
}

/// `ismap-gap --lang LANG COMMAND --as-of 2026-04-01 --checks CHECKS`: the start of a
/// `report` or `compare` run on a check list, on a fixed date so that outputs do not
/// depend on today.
pub fn on_checks(lang: &str, command: &str, checks: impl AsRef<OsStr>) -> Command {
    let mut c = bin();
    c.args(["--lang", lang, command, "--as-of", "2026-04-01", "--checks"])
        .arg(checks);
    c
}

pub fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

pub fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

pub fn stdout_of(mut c: impl BorrowMut<Command>) -> String {
    let out = c.borrow_mut().output().unwrap();
    assert!(
        out.status.success(),
        "status {:?}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

pub fn json_of(c: impl BorrowMut<Command>) -> serde_json::Value {
    serde_json::from_str(&stdout_of(c)).unwrap()
}

/// Runs, expects exit status 2, returns stderr, which must be one error line without a
/// panic — or, for a table whose rows the reader refused, one line per row refused, each
/// naming the first line's file (the further rows of a CSP status table).
pub fn input_error(mut c: impl BorrowMut<Command>) -> String {
    let out = c.borrow_mut().output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let error_lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert!(!error_lines.is_empty(), "expected an error line: {stderr}");
    let file = error_lines[0].split(": row ").next().unwrap_or_default();
    for l in &error_lines[1..] {
        assert!(
            l.starts_with(&format!("{file}: row ")) || l.starts_with("error: … and "),
            "expected one error line, or one per refused row of one file: {stderr}"
        );
    }
    stderr
}

/// The element of a JSON array whose `id` is `id` (an item of a report, readiness or
/// comparison).
pub fn by_id<'a>(list: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    list.as_array()
        .and_then(|a| a.iter().find(|i| i["id"] == id))
        .unwrap_or_else(|| panic!("no element with id {id} in {list}"))
}

/// The first item's status of a `report --format json` run, or `error` for exit 2 (no
/// panic); `what` names the case in a failure.
pub fn first_status(mut c: impl BorrowMut<Command>, what: &str) -> String {
    let out = c.borrow_mut().output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    match out.status.code() {
        Some(2) => "error".into(),
        Some(0) => {
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            v["items"][0]["status"].as_str().unwrap().to_owned()
        }
        other => panic!("{what}: exit {other:?}: {stderr}"),
    }
}

/// Adds a sheet named `name` to a workbook, `rows` written as text from A1.
pub fn add_text_sheet(wb: &mut rust_xlsxwriter::Workbook, name: &str, rows: &[&[&str]]) {
    let ws = wb.add_worksheet().set_name(name).unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
}

/// The strings of a JSON array.
pub fn strings(v: &serde_json::Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect()
}

/// The ids of a JSON report item's `controls`.
pub fn control_ids(item: &serde_json::Value) -> Vec<&str> {
    item["controls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect()
}

/// A workbook of `sheets` (name, rows of text cells) saved as `csp.xlsx` in a temporary
/// folder (kept alive by the returned guard): the shape the sheet tests build.
pub fn text_workbook(sheets: &[(&str, Vec<Vec<&str>>)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("csp.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
        add_text_sheet(&mut wb, name, &rows);
    }
    wb.save(&path).unwrap();
    (dir, path)
}

/// A fixture profile's `text` with its `scope:` list replaced by `lines` (none: no
/// `scope:` at all): the scope tests' one way of writing a profile of another scope.
pub fn with_scope(text: &str, lines: Option<&[&str]>) -> String {
    let mut out = String::new();
    let mut in_scope = false;
    for line in text.lines() {
        if line == "scope:" {
            in_scope = true;
            if let Some(lines) = lines {
                out.push_str("scope:\n");
                for l in lines {
                    out.push_str(&format!("  - \"{l}\"\n"));
                }
            }
            continue;
        }
        if in_scope && line.starts_with("  - ") {
            continue;
        }
        in_scope = false;
        out.push_str(line);
        out.push('\n');
    }
    out
}
