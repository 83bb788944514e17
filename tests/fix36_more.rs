//! Session 15, review 24: D-3 a CSV padded to Excel's last column (a hang), A-12 a default
//! for the blanks of the assurance column written beside it, A-11 environments outside the
//! statement's scope (`tests/data/fix36-more/`).
mod common;

use std::path::Path;
use std::time::Duration;

use common::{bin, data, json_of};

/// `report --format json` of `checks` against the CSP list `csp`, on a fixed date.
fn report(checks: &Path, csp: &Path) -> assert_cmd::Command {
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "report",
        "--as-of",
        "2026-12-01",
        "--format",
        "json",
        "--csp",
    ])
    .arg(csp)
    .arg("--checks")
    .arg(checks);
    c
}

/// The lines of `text`, each padded with empty fields to `width` (a sheet saved to CSV
/// with its used range to column XFD: every line ends in thousands of commas).
fn padded(text: &str, width: usize) -> String {
    text.lines()
        .map(|l| {
            let fields = l.split(',').count();
            format!("{l}{}\n", ",".repeat(width.saturating_sub(fields)))
        })
        .collect()
}

/// Excel's last column, XFD: 16,384 fields a line.
const XFD: usize = 16_384;

/// Review 24 D-3: a check list or CSP list whose lines are padded with empty fields to
/// Excel's last column ran for minutes (each empty column carried and compared with every
/// other). It reads as the same list without the padding does, in seconds.
#[test]
fn a_csv_padded_to_excels_last_column_reads_as_without_the_padding() {
    let dir = tempfile::tempdir().unwrap();
    let plain = std::fs::read_to_string(data("fix36-more/plain.csv")).unwrap();
    let csp = std::fs::read_to_string(data("fix36-more/csp.csv")).unwrap();
    // the same names in another folder: the outputs name the files
    let wide = dir.path().join("wide");
    std::fs::create_dir(&wide).unwrap();
    std::fs::write(wide.join("plain.csv"), padded(&plain, XFD)).unwrap();
    std::fs::write(wide.join("csp.csv"), padded(&csp, XFD)).unwrap();
    let expected = json_of(report(
        &data("fix36-more/plain.csv"),
        &data("fix36-more/csp.csv"),
    ));
    let mut run = report(&wide.join("plain.csv"), &wide.join("csp.csv"));
    // minutes before
    run.timeout(Duration::from_secs(60));
    let got = json_of(run);
    assert_eq!(got["items"], expected["items"]);
    assert_eq!(got["summary"], expected["summary"]);
    assert_eq!(got["checks"]["extra_columns"], expected["checks"]["extra_columns"]);
    let statuses: Vec<_> = got["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["id"].as_str().unwrap(), i["status"].as_str().unwrap()))
        .collect();
    assert!(statuses.contains(&("1", "covered")), "{statuses:?}");
    assert!(statuses.contains(&("5", "not-covered")), "{statuses:?}");
}

/// The neighbour of D-3: in a padded list, a cell under an empty header far right of the
/// columns holding something, on a row below the rows the header is looked for in, is
/// carried as its column (`column Z`) with every item, as in the list padded to that
/// column only.
#[test]
fn a_cell_far_right_under_an_empty_header_is_still_carried() {
    let dir = tempfile::tempdir().unwrap();
    let plain = std::fs::read_to_string(data("fix36-more/plain.csv")).unwrap();
    // 40 items more, then one with a memo in column Z (the 26th)
    let mut text = plain.clone();
    for n in 6..46 {
        text.push_str(&format!("{n},項目{n},9.2.1,\n"));
    }
    let memo = format!("46,項目46,9.2.1,{}担当メモ\n", ",".repeat(22));
    text.push_str(&memo);
    for (dir_name, width) in [("narrow", 26), ("wide", XFD)] {
        let d = dir.path().join(dir_name);
        std::fs::create_dir(&d).unwrap();
        std::fs::write(d.join("list.csv"), padded(&text, width)).unwrap();
    }
    let csp = data("fix36-more/csp.csv");
    let narrow = json_of(report(&dir.path().join("narrow/list.csv"), &csp));
    let mut run = report(&dir.path().join("wide/list.csv"), &csp);
    run.timeout(Duration::from_secs(60));
    let wide = json_of(run);
    assert_eq!(wide["items"], narrow["items"]);
    let extra = &wide["items"].as_array().unwrap()[0]["extra"];
    assert!(extra.get("column Z").is_some(), "{extra}");
    let memo_item = wide["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "46")
        .unwrap();
    assert_eq!(memo_item["extra"]["column Z"], "担当メモ");
}
