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

/// The rows of `examples/soa.xlsx`: every objective of the embedded catalog and its
/// basic detailed controls (B/PB), with a status as a SaaS running on an ISMAP IaaS
/// would state it: physical security (11) not applicable with the reason, one exclusion
/// without a reason, one objective and one detail planned, one objective not implemented
/// with its detail, one implemented without evidence.
fn soa_rows() -> Vec<[String; 6]> {
    let out = bin()
        .args(["--lang", "ja", "catalog", "list", "--format", "json"])
        .output()
        .unwrap();
    let entries: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let owner = |id: &str| match id.split('.').next().unwrap_or("") {
        "3" => "経営会議",
        "4" | "5" | "18" => "情報セキュリティ委員会",
        "6" | "7" => "総務部",
        "8" | "15" => "情報システム部",
        "9" | "10" | "13" => "基盤運用部",
        "12" | "14" => "開発部",
        _ => "セキュリティ室",
    };
    entries
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| {
            e["level"] == "objective"
                || (e["level"] == "detail"
                    && e["id"]
                        .as_str()
                        .is_some_and(|i| i.ends_with(".PB") || i.ends_with(".B")))
        })
        .enumerate()
        .map(|(n, e)| {
            let id = e["id"].as_str().unwrap();
            let title = e["title"]["ja"]
                .as_str()
                .or(e["title"]["en"].as_str())
                .unwrap_or("");
            let evidence = format!("SEC-{:03} {}", n + 1, "手順書・記録");
            let (status, reason, evidence) = match id {
                _ if id.starts_with("11.") => (
                    "非該当",
                    "物理的セキュリティはサンプルIaaS（ISMAP登録済み）が担う",
                    String::new(),
                ),
                "6.2.2" => ("非該当", "テレワーク環境は提供していない", String::new()),
                "14.2.7" => ("非該当", "", String::new()),
                "12.6.2" => ("計画中", "2026年度上期に導入予定", String::new()),
                "9.4.2.2.B" => (
                    "計画中",
                    "多要素認証の全利用者への適用を予定",
                    String::new(),
                ),
                "16.1.7" => ("未実施", "証拠保全の手順を整備中", String::new()),
                // the details of an objective not implemented are not implemented either
                _ if id.starts_with("16.1.7.") => {
                    ("未実施", "16.1.7 の手順と合わせて整備中", String::new())
                }
                "18.2.2" => ("実施", "", String::new()),
                _ => ("実施", "", evidence),
            };
            [
                id.to_owned(),
                title.to_owned(),
                status.to_owned(),
                reason.to_owned(),
                evidence,
                owner(id).to_owned(),
            ]
        })
        .collect()
}

/// Writes examples/soa.xlsx (a cover sheet, then the status table under a title row).
/// Run with ISMAP_GAP_REGENERATE=1 to rewrite it.
fn write_soa(path: &PathBuf) {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
    let mut wb = Workbook::new();
    let props =
        DocProperties::new().set_creation_datetime(&ExcelDateTime::from_ymd(2026, 4, 1).unwrap());
    wb.set_properties(&props);
    let bold = Format::new().set_bold();
    let cover = wb.add_worksheet().set_name("表紙").unwrap();
    cover
        .write_string_with_format(0, 0, "サンプルSaaS（架空） 適用宣言書", &bold)
        .unwrap();
    cover
        .write_string(
            2,
            0,
            "内部監査前の自己点検用。実施状況・理由・証跡・担当を記載する。",
        )
        .unwrap();
    let ws = wb.add_worksheet().set_name("適用宣言書").unwrap();
    ws.write_string_with_format(0, 0, "管理策の実施状況（サンプルSaaS）", &bold)
        .unwrap();
    let header = ["管理策番号", "名称", "実施状況", "理由", "証跡", "担当"];
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, *h, &bold).unwrap();
    }
    for (r, row) in soa_rows().iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                ws.write_string(3 + r as u32, c as u16, cell).unwrap();
            }
        }
    }
    ws.set_column_width(1, 40).unwrap();
    ws.set_column_width(3, 50).unwrap();
    ws.set_column_width(4, 24).unwrap();
    ws.set_column_width(5, 20).unwrap();
    wb.save(path).unwrap();
}

/// The bundled status-table workbook says what it should: the four statuses, a reason
/// for each exclusion but one, evidence and owner columns; readiness reads it with the
/// findings that follow.
#[test]
fn the_soa_example_is_a_status_table_readiness_reads() {
    let path = example("soa.xlsx");
    if std::env::var_os("ISMAP_GAP_REGENERATE").is_some() {
        write_soa(&path);
    }
    let mut wb = open_workbook_auto(&path).unwrap();
    assert_eq!(wb.sheet_names(), ["表紙", "適用宣言書"]);
    let range = wb.worksheet_range("適用宣言書").unwrap();
    let want = soa_rows();
    for (r, row) in want.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let got = range
                .get_value((3 + r as u32, c as u32))
                .map(|d| d.to_string())
                .unwrap_or_default();
            assert_eq!(&got, cell, "row {r} column {c}");
        }
    }
    let statuses: std::collections::BTreeSet<&str> = want.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(
        statuses.into_iter().collect::<Vec<_>>(),
        ["実施", "未実施", "計画中", "非該当"]
    );
    let v: serde_json::Value = serde_json::from_slice(
        &bin()
            .args(["readiness", "--format", "json", "--implemented"])
            .arg(&path)
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(v["evidence_checked"].as_bool().unwrap());
    assert_eq!(v["missing"], serde_json::json!(["16.1.7", "16.1.7.13.PB"]));
    assert_eq!(v["planned"], serde_json::json!(["9.4.2.2.B", "12.6.2"]));
    assert_eq!(v["na_without_reason"], serde_json::json!(["14.2.7"]));
    assert_eq!(v["evidence_missing"], serde_json::json!(["18.2.2"]));
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
/// command's real output: all of it, or its first lines when the block ends with `…`; a
/// block showing an `error:` line shows a refusal: exit status 2 and that line on stderr.
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
        if shown.starts_with("error: ") {
            assert_eq!(out.status.code(), Some(2), "README refusal: {command}");
            assert!(
                out.stdout.is_empty(),
                "README refusal writes no output: {command}"
            );
            let stderr = String::from_utf8(out.stderr).unwrap();
            assert_eq!(
                stderr,
                format!("{shown}\n"),
                "README refusal sample of `{command}`"
            );
            checked += 1;
            continue;
        }
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
    assert_eq!(checked, 11, "README output samples checked");
}

/// A line of a README ```sh block that is a synopsis (`--checks FILE [--as-of …]`), not a
/// command to run: it has a placeholder in capitals or an optional part in brackets.
fn is_synopsis(line: &str) -> bool {
    line.contains('[')
        || line.split_whitespace().any(|word| {
            let w = word.trim_matches(|c: char| "()|,.…".contains(c));
            w.len() >= 2
                && w.chars()
                    .all(|c| c.is_ascii_uppercase() || c == '-' || c == '_')
                && w.chars().any(|c| c.is_ascii_uppercase())
        })
}

/// Every command of the README's ```sh blocks runs on the bundled examples, as written
/// (in order, in a scratch folder holding a copy of `examples/`): exit 0, or 1 where it
/// passes `--fail-on` and the examples cross it. Synopsis lines and `cargo` lines (the
/// quick start, run above) are not commands of the tool.
#[test]
fn readme_command_blocks_run() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let examples = dir.path().join("examples");
    std::fs::create_dir(&examples).unwrap();
    for entry in std::fs::read_dir(root.join("examples")).unwrap() {
        let p = entry.unwrap().path();
        if p.is_file() {
            std::fs::copy(&p, examples.join(p.file_name().unwrap())).unwrap();
        }
    }
    let bin_dir = assert_cmd::cargo::cargo_bin("ismap-gap")
        .parent()
        .unwrap()
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut ran = Vec::new();
    for block in readme.split("```sh\n").skip(1) {
        let block = block.split("\n```").next().unwrap();
        for line in block.lines() {
            let line = line.split(" # ").next().unwrap().trim();
            if line.is_empty() || line.starts_with('#') || line.starts_with("cargo ") {
                continue;
            }
            if is_synopsis(line) {
                continue;
            }
            assert!(
                line.contains("ismap-gap "),
                "a README command block holds something else: {line}"
            );
            let out = std::process::Command::new("sh")
                .arg("-c")
                .arg(line)
                .current_dir(dir.path())
                .env("PATH", &path)
                .env_remove("LANG")
                .env_remove("LC_ALL")
                .env_remove("COLUMNS")
                .output()
                .unwrap();
            let code = out.status.code();
            let allowed: &[i32] = if line.contains("--fail-on") {
                &[0, 1]
            } else {
                &[0]
            };
            assert!(
                code.is_some_and(|c| allowed.contains(&c)),
                "README command `{line}` exited {code:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            if code == Some(1) {
                let stderr = String::from_utf8_lossy(&out.stderr);
                assert!(stderr.contains("--fail-on"), "{line}: says why: {stderr}");
            }
            ran.push(line.to_owned());
        }
    }
    // the files the README's commands write are there
    for written in [
        "gap.xlsx",
        "gap.csv",
        "readiness.xlsx",
        "gap-2026-04.xlsx",
        "gap-2026-05.xlsx",
        "compare.xlsx",
        "diff.md",
        "basic.csv",
        "ismap-gap.bash",
    ] {
        assert!(dir.path().join(written).exists(), "{written}: {ran:?}");
    }
    assert!(ran.len() >= 20, "README commands run: {ran:#?}");
    for command in [
        "report",
        "readiness",
        "diff",
        "compare",
        "catalog",
        "completions",
    ] {
        assert!(
            ran.iter()
                .any(|l| l.contains(&format!("ismap-gap {command} "))
                    || l.contains(&format!("ismap-gap --lang ja {command} "))),
            "no README example of {command}: {ran:#?}"
        );
    }
    // the synopsis test tells them apart
    assert!(is_synopsis(
        "ismap-gap report --checks FILE --csp FILE [--as-of YYYY-MM-DD]"
    ));
    assert!(!is_synopsis(
        "ismap-gap report --checks examples/checks.csv --csp examples/csp-list.txt"
    ));
}

/// `examples/csp-status-table.csv`, shown whole in the README, reads as the README says:
/// descriptions and dates beside implemented rows credit them, the objective row heading its
/// detail states nothing, the reason under `適用/除外の理由` is kept and `特になし` is none.
#[test]
fn the_status_table_example_reads_as_the_readme_says() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let csv = std::fs::read_to_string(example("csp-status-table.csv")).unwrap();
    assert!(
        readme.contains(&format!("```csv\n{csv}```")),
        "README shows examples/csp-status-table.csv whole"
    );
    let mut c = common::on_checks("en", "report", example("checks.csv"));
    c.arg("--csp")
        .arg(example("csp-status-table.csv"))
        .args(["--format", "json"]);
    let v = common::json_of(c);
    let item = |id: &str| common::by_id(&v["items"], id).clone();
    for id in ["C-01", "C-02", "C-09", "C-10"] {
        assert_eq!(item(id)["status"], "covered", "{id}");
    }
    assert_eq!(item("C-03")["status"], "not-covered");
    assert_eq!(item("C-03")["not_listed"], serde_json::json!(["9.2.3"]));
    assert_eq!(item("C-05")["status"], "partial");
    assert_eq!(item("C-05")["planned"], serde_json::json!(["10.1.2"]));
    let c16 = item("C-16");
    assert_eq!(
        c16["not_applicable"],
        serde_json::json!([
            {"id": "11.1.1", "reason": "物理的セキュリティはサンプルIaaS（ISMAP登録済み）が担う"},
            {"id": "11.1.2", "reason": "", "reason_written": "特になし", "reason_not_accepted": "no-cause"}
        ])
    );
    let codes: Vec<&str> = c16["additional_procedures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["exclusion-review", "exclusion-reason-request"]);
    assert_eq!(v["csp"]["ignored_tokens"], 1);
}
