//! The bundled examples: the xlsx check list matches the CSV, and the README's commands work.
mod common;

use std::path::PathBuf;

use calamine::{open_workbook_auto, Reader};
use common::{bin, example};

const TITLE_ROWS: u32 = 3;

fn csv_rows() -> Vec<Vec<String>> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(example("checks.csv"))
        .unwrap();
    rdr.records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// Writes examples/checks.xlsx from examples/checks.csv, with title rows above the header
/// as real check lists have. Run with ISMAP_GAP_REGENERATE=1 to rewrite it.
fn write_xlsx(path: &PathBuf) {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
    let mut wb = Workbook::new();
    let props =
        DocProperties::new().set_creation_datetime(&ExcelDateTime::from_ymd(2026, 4, 1).unwrap());
    wb.set_properties(&props);
    let bold = Format::new().set_bold();
    let ws = wb.add_worksheet().set_name("確認項目").unwrap();
    ws.write_string_with_format(0, 0, "外部委託先（クラウドサービス）確認項目一覧", &bold)
        .unwrap();
    ws.write_string(1, 0, "サンプル（架空の組織）").unwrap();
    for (r, row) in csv_rows().iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                ws.write_string(TITLE_ROWS + r as u32, c as u16, cell)
                    .unwrap();
            }
        }
    }
    ws.set_column_width(1, 50).unwrap();
    wb.save(path).unwrap();
}

#[test]
fn xlsx_example_holds_the_csv_rows() {
    let path = example("checks.xlsx");
    if std::env::var_os("ISMAP_GAP_REGENERATE").is_some() {
        write_xlsx(&path);
    }
    let mut wb = open_workbook_auto(&path).unwrap();
    let range = wb.worksheet_range("確認項目").unwrap();
    let want = csv_rows();
    for (r, row) in want.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let got = range
                .get_value((TITLE_ROWS + r as u32, c as u32))
                .map(|d| d.to_string())
                .unwrap_or_default();
            assert_eq!(&got, cell, "row {r} column {c}");
        }
    }
}

#[test]
fn xlsx_and_csv_examples_give_the_same_report() {
    let run = |checks: &str| {
        let out = bin()
            .args([
                "--lang",
                "ja",
                "report",
                "--as-of",
                "2026-04-01",
                "--format",
                "json",
                "--checks",
            ])
            .arg(example(checks))
            .arg("--csp")
            .arg(example("csp-profile.yaml"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["items"].clone()
    };
    let from_csv = run("checks.csv");
    let mut from_xlsx = run("checks.xlsx");
    // rows differ by the title rows above the header; everything else is equal
    for item in from_xlsx.as_array_mut().unwrap() {
        let row = item["row"].as_u64().unwrap();
        item["row"] = (row - u64::from(TITLE_ROWS)).into();
    }
    assert_eq!(from_csv, from_xlsx);
}

#[test]
fn readme_quick_start_commands_work() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let run =
        "cargo run --release -- report --checks examples/checks.csv --csp examples/csp-list.txt";
    assert!(readme.contains(run), "README must show the run command");
    assert!(
        readme.contains("\ncargo test\n"),
        "README must show the test command"
    );
    let args: Vec<&str> = run.split_whitespace().skip(4).collect();
    bin()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(&args)
        .assert()
        .success();
    let ci = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/run")).unwrap();
    assert!(
        ci.contains("cargo test"),
        ".ci/run must run the README's test command"
    );
}

/// Each ```text block of README.md that starts with `$ ismap-gap ARGS` shows that
/// command's real output: all of it, or its first lines when the block ends with `…`.
#[test]
fn readme_output_samples_are_real() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let mut checked = 0;
    for block in readme.split("```text\n").skip(1) {
        let block = block.split("\n```").next().unwrap();
        let Some((command, shown)) = block.split_once('\n') else {
            continue;
        };
        let Some(args) = command.strip_prefix("$ ismap-gap ") else {
            continue;
        };
        let out = bin()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("COLUMNS")
            .args(args.split_whitespace())
            .output()
            .unwrap();
        assert!(out.status.success(), "README command failed: {command}");
        let real = String::from_utf8(out.stdout).unwrap();
        match shown.strip_suffix("\n…") {
            Some(first_lines) => assert!(
                real.starts_with(&format!("{first_lines}\n")),
                "README sample of `{command}` is not the start of its output:\n{real}"
            ),
            None => assert_eq!(real, format!("{shown}\n"), "README sample of `{command}`"),
        }
        checked += 1;
    }
    assert_eq!(checked, 4, "README output samples checked");
}
