//! Session 15, review 24: D-3 a CSV padded to Excel's last column (a hang), A-12 a default
//! for the blanks of the assurance column written beside it, A-11 environments outside the
//! statement's scope (`tests/data/fix36-more/`).
mod common;

use std::path::Path;
use std::time::Duration;

use common::{bin, by_id, data, input_error, json_of};

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
    assert_eq!(
        got["checks"]["extra_columns"],
        expected["checks"]["extra_columns"]
    );
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

/// `report --format json` of a fixture check list against `fix36-rows/full4.txt` (the
/// objectives the lists name, implemented, ISMAP).
fn report_full4(checks: &str) -> assert_cmd::Command {
    report(&data(checks), &data("fix36-rows/full4.txt"))
}

/// Review 24 A-12: "blank means 保証報告/個別監査" written in the assurance column's header
/// (`求める確認水準（空欄は個別監査）`), or a header-row cell over an empty column naming a level
/// for every item (`※確認水準：全項目SOC2 Type2報告書`, `※空欄は個別監査`), was dropped: the blanks
/// were `covered` at ISMAP. The list is refused naming the header cell, as a title row
/// asking for more is; a row below the items saying so (`（空欄は保証報告とする）`) is refused
/// by the rule for rows among the items (fix36-rows).
#[test]
fn a_header_saying_what_blanks_mean_above_ismap_is_refused() {
    for (checks, column, level) in [
        ("fix36-more/hn3.csv", "column 'D'", "(own audit)"),
        ("fix36-more/hn.csv", "column 'E'", "(SOC 2)"),
        ("fix36-more/hn-blank-col.csv", "column 'D'", "(own audit)"),
    ] {
        let err = input_error(report_full4(checks));
        assert!(err.contains(&format!("row 1: {column}")), "{checks}: {err}");
        assert!(err.contains("the header '"), "{checks}: {err}");
        assert!(err.contains(level), "{checks}: {err}");
        assert!(
            err.contains("give each item its required assurance"),
            "{checks}: {err}"
        );
    }
    let err = input_error(report_full4("fix36-more/hn2.csv"));
    assert!(err.contains("row 4"), "{err}");
    assert!(err.contains("（空欄は保証報告とする）"), "{err}");
}

/// The neighbours of A-12 still read: a note on the assurance header that asks nothing
/// (`確認水準（必須）`, as the README writes it) or lists the column's values
/// (`求める確認水準（ISMAP/保証報告/個別監査）`), an empty answer column (`SOC2報告書の有無`),
/// and an empty note column.
#[test]
fn ordinary_assurance_headers_and_empty_answer_columns_still_read() {
    for checks in [
        "fix36-more/hn-plain.csv",
        "fix36-more/hn-choices.csv",
        "fix36-more/hn-answer.csv",
        "fix36-more/hn-empty-note.csv",
    ] {
        let out = json_of(report_full4(checks));
        let items = out["items"].as_array().unwrap();
        let one = items.iter().find(|i| i["id"] == "1").unwrap();
        assert_eq!(one["status"], "covered", "{checks}: {one}");
        assert_eq!(one["assurance"], "ismap", "{checks}: {one}");
    }
    // the level an item's cell gives is read under a note that lists the values
    let out = json_of(report_full4("fix36-more/hn-choices.csv"));
    let two = out["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "2")
        .unwrap();
    assert_eq!(two["assurance"], "soc2", "{two}");
}

/// Review 24 A-11: a statement whose scope names the production environment only
/// (`サンプルSaaS 本番環境（東京リージョン）`) did not cover items asking of the development,
/// staging or DR environments, or of every environment, in their title or note: they were
/// bare `covered`. They are `partial`, `outside-statement-scope`, the environments named in
/// the procedure, as a region the scope does not name is.
#[test]
fn environments_a_production_scope_does_not_name_are_outside_it() {
    let out = json_of(report(
        &data("fix36-more/sc.csv"),
        &data("fix36-more/ps.yaml"),
    ));
    for (id, named) in [
        ("S1", "開発環境"),
        ("S1", "全環境"),
        ("S3", "ステージング"),
        ("S8", "DR環境"),
    ] {
        let item = by_id(&out["items"], id);
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(
            item["reasons"],
            serde_json::json!(["outside-statement-scope"]),
            "{item}"
        );
        assert!(
            item["additional_procedures"].to_string().contains(named),
            "{item}"
        );
    }
    // a region, as before
    assert_eq!(by_id(&out["items"], "S2")["status"], "partial");
}

/// The neighbours of A-11 still read: an item naming the production environment, one about
/// development work (`システム開発`), one about test results (`テスト結果`) under the same scope.
#[test]
fn items_in_the_production_environment_or_naming_work_stay_covered() {
    let out = json_of(report(
        &data("fix36-more/sc-ok.csv"),
        &data("fix36-more/ps.yaml"),
    ));
    for id in ["P1", "P2", "P3"] {
        let item = by_id(&out["items"], id);
        assert_eq!(item["status"], "covered", "{item}");
    }
}
