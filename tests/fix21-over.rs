//! Session 11 fix21-over: the CSP reader's over-refusals of ordinary inputs, each lifted
//! with the same shape one qualifier further still refused. Review 11 C-20: a status cell
//! holding a number its format shows as a word (`"実施";;"未実施"`) is read as shown.
mod common;

use std::path::Path;

use common::{bin, data};
use rust_xlsxwriter::{Format, Workbook};

/// `report --format json` of `fix21-over/checks.csv` (item 1 cites 9.2.1, item 2 9.2.3)
/// against `csp`.
fn run(csp: &Path, lang: &str) -> std::process::Output {
    bin()
        .args([
            "--lang",
            lang,
            "report",
            "--as-of",
            "2026-04-01",
            "--format",
            "json",
        ])
        .arg("--checks")
        .arg(data("fix21-over/checks.csv"))
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
    err
}

/// A status table `管理策番号 | 実施状況` (under `登録区分: ISMAP`) whose status cells hold `values` (9.2.1, 9.2.3)
/// formatted by `code`.
fn numbered(dir: &Path, name: &str, code: &str, values: [f64; 2]) -> std::path::PathBuf {
    let path = dir.join(name);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("SoA").unwrap();
    ws.write_string(0, 0, "登録区分: ISMAP").unwrap();
    ws.write_string(1, 0, "管理策番号").unwrap();
    ws.write_string(1, 1, "実施状況").unwrap();
    let format = Format::new().set_num_format(code);
    for (i, (id, v)) in ["9.2.1", "9.2.3"].iter().zip(values).enumerate() {
        let row = i as u32 + 2;
        ws.write_string(row, 0, *id).unwrap();
        ws.write_number_with_format(row, 1, v, &format).unwrap();
    }
    wb.save(&path).unwrap();
    path
}

#[test]
fn a_number_shown_as_a_status_word_by_its_format_reads_as_shown() {
    let dir = tempfile::tempdir().unwrap();
    // the review's shape: 1 shown as 実施, 0 as 未実施
    let path = numbered(dir.path(), "words.xlsx", "\"実施\";;\"未実施\"", [1.0, 0.0]);
    assert_eq!(
        statuses(&path),
        ("covered".to_owned(), "not-covered".to_owned())
    );
    // a colour and a backslash-escaped word read alike
    let path = numbered(
        dir.path(),
        "colour.xlsx",
        "[Blue]\"実施\";;[Red]\\未\\実\\施",
        [1.0, 0.0],
    );
    assert_eq!(
        statuses(&path),
        ("covered".to_owned(), "not-covered".to_owned())
    );
}

#[test]
fn a_number_shown_as_a_qualified_word_or_not_as_a_word_stays_refused() {
    let dir = tempfile::tempdir().unwrap();
    // the word shown carries a plan: refused as the typed word is
    let path = numbered(
        dir.path(),
        "plan.xlsx",
        "\"実施（予定）\";;\"未実施\"",
        [1.0, 0.0],
    );
    let err = refused(&path);
    assert!(err.contains("実施（予定）"), "{err}");
    // shown as 一部実施: not read as implemented
    let path = numbered(
        dir.path(),
        "part.xlsx",
        "\"一部実施\";;\"未実施\"",
        [1.0, 0.0],
    );
    let (one, _) = match run(&path, "en").status.code() {
        Some(0) => statuses(&path),
        _ => (String::new(), String::new()),
    };
    assert_ne!(one, "covered");
    // sections chosen by a condition, a digit shown, a negative number with no section
    // of its own: the number is what is read, refused with the hint
    for (name, code, values) in [
        (
            "cond.xlsx",
            "[=1]\"実施\";[=0]\"未実施\";General",
            [1.0, 0.0],
        ),
        ("digit.xlsx", "0\"件\"", [1.0, 2.0]),
        ("negative.xlsx", "\"実施\"", [-1.0, -1.0]),
        ("blank.xlsx", "\"実施\";;", [0.0, 0.0]),
    ] {
        let path = numbered(dir.path(), name, code, values);
        let err = refused(&path);
        assert!(err.contains("number format"), "{name}: {err}");
    }
}

/// A CSV status table under `登録区分: ISMAP` with `rows` (`id,status[,date]`) after the
/// header `header`.
fn csv(dir: &Path, name: &str, header: &str, rows: &[&str]) -> std::path::PathBuf {
    let path = dir.join(name);
    let text = format!("登録区分: ISMAP\n{header}\n{}\n", rows.join("\n"));
    std::fs::write(&path, text).unwrap();
    path
}

/// fix17-out "Not done": Excel's text prefix kept by a CSV export (`'9.2.1`) is no part of
/// the id; an apostrophe quoting, after the id, or a later date after the prefix still
/// refused.
#[test]
fn an_excel_text_prefix_before_an_id_in_a_csv_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let h = "管理策番号,実施状況";
    let path = csv(dir.path(), "apos.csv", h, &["'9.2.1,実施", "'9.2.3,未実施"]);
    assert_eq!(
        statuses(&path),
        ("covered".to_owned(), "not-covered".to_owned())
    );
    // the prefix before a date: the date is read, a later one refuses the row
    let path = csv(
        dir.path(),
        "date.csv",
        "管理策番号,実施状況,実施日",
        &["'9.2.1,実施,'2025-04-01", "'9.2.3,未実施,"],
    );
    assert_eq!(
        statuses(&path),
        ("covered".to_owned(), "not-covered".to_owned())
    );
    let path = csv(
        dir.path(),
        "later.csv",
        "管理策番号,実施状況,実施日",
        &["'9.2.1,実施,'2027-04-01", "'9.2.3,未実施,"],
    );
    let err = refused(&path);
    assert!(err.contains("gives a date after the as-of date"), "{err}");
    // one qualifier more: a plan after the id, quotes around it, an apostrophe after it
    for (row, says) in [
        (
            "'9.2.1（予定）,実施",
            "'（予定）' after 9.2.1 states something",
        ),
        ("'9.2.1' 予定,実施", "9.2.1 stands inside a sentence"),
        ("9.2.1',実施", "after 9.2.1 is not its title"),
    ] {
        let path = csv(dir.path(), "guard.csv", h, &[row, "'9.2.3,未実施"]);
        let err = refused(&path);
        assert!(err.contains(says), "{row}: {err}");
    }
}

/// A workbook: sheet `管理策一覧` (`管理策番号 | 実施状況 | 非該当理由`: 9.2.1 ○, 9.2.3 `－` with
/// `reason`) and a legend sheet `legend_name` holding `legend` rows.
fn with_legend_sheet(
    dir: &Path,
    file: &str,
    reason: &str,
    legend_name: &str,
    legend: &[&[&str]],
) -> std::path::PathBuf {
    let path = dir.join(file);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("管理策一覧").unwrap();
    let rows: [[&str; 3]; 4] = [
        ["登録区分: ISMAP", "", ""],
        ["管理策番号", "実施状況", "非該当理由"],
        ["9.2.1", "○", ""],
        ["9.2.3", "－", reason],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                ws.write_string(r as u32, c as u16, *text).unwrap();
            }
        }
    }
    let ls = wb.add_worksheet();
    ls.set_name(legend_name).unwrap();
    for (r, row) in legend.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            ls.write_string(r as u32, c as u16, *text).unwrap();
        }
    }
    wb.save(&path).unwrap();
    path
}

/// The state of objective `id` in `report --format json`.
fn objective_state(csp: &Path, id: &str) -> String {
    let out = run(csp, "en");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == id)
        .unwrap()["state"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// fix17-csp "Left" (review 12 C-4): a legend on a sheet of its own (`凡例`: `記号 | 意味`,
/// `－ | 非該当（理由を記載）`) defines a dash as 非該当 as a legend beside the table does: a
/// dash with a reason reads as 非該当, never implemented.
#[test]
fn a_dash_a_legend_sheet_defines_as_not_applicable_reads_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let legend: &[&[&str]] = &[
        &["記号", "意味"],
        &["○", "実施"],
        &["－", "非該当（理由を記載）"],
    ];
    let reason = "当サービスは特権IDを持たないため";
    let path = with_legend_sheet(dir.path(), "legend.xlsx", reason, "凡例", legend);
    assert_eq!(objective_state(&path, "9.2.3"), "not-applicable");
    assert_eq!(statuses(&path).0, "covered");
    // the table's sheet named with --csp-sheet: the legend sheet beside it is read too
    let out = bin()
        .args([
            "report",
            "--as-of",
            "2026-04-01",
            "--format",
            "json",
            "--checks",
        ])
        .arg(data("fix21-over/checks.csv"))
        .arg("--csp")
        .arg(&path)
        .args(["--csp-sheet", "管理策一覧"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // a title row and legend rows written with the label read alike
    let titled: &[&[&str]] = &[&["凡例"], &["凡例：○=実施、－=非該当"]];
    let path = with_legend_sheet(dir.path(), "titled.xlsx", reason, "Legend", titled);
    assert_eq!(objective_state(&path, "9.2.3"), "not-applicable");
}

/// The same shapes one step further: no reason, a legend giving the dash another meaning
/// or a qualifier, a note beside the pairs, a sheet not named as a legend — the dash
/// stays refused.
#[test]
fn a_dash_under_a_legend_sheet_without_reason_or_plain_meaning_stays_refused() {
    let dir = tempfile::tempdir().unwrap();
    let plain: &[&[&str]] = &[
        &["記号", "意味"],
        &["○", "実施"],
        &["－", "非該当（理由を記載）"],
    ];
    let other: &[&[&str]] = &[&["○", "実施"], &["－", "未実施"]];
    let planned: &[&[&str]] = &[&["○", "実施"], &["－", "非該当（予定）"]];
    let noted: &[&[&str]] = &[
        &["○", "実施"],
        &["－", "非該当"],
        &["※ 空欄・未回答の項目も－と表示しています"],
    ];
    let reason = "当サービスは特権IDを持たないため";
    for (file, reason, name, legend) in [
        ("no-reason.xlsx", "", "凡例", plain),
        ("other-meaning.xlsx", reason, "凡例", other),
        ("planned.xlsx", reason, "凡例", planned),
        ("unanswered.xlsx", reason, "凡例", noted),
        ("memo.xlsx", reason, "メモ", plain),
    ] {
        let path = with_legend_sheet(dir.path(), file, reason, name, legend);
        let err = refused(&path);
        assert!(err.contains("row 4: column '実施状況'"), "{file}: {err}");
    }
}

/// fix17-out D-2 "Noticed": an export's filter that excludes drafts
/// (`Status NOT IN (Draft, Retired)`) is no draft mark: a comma inside the brackets parts
/// values, not conditions. Selecting drafts (`Status IN (Draft)`, `Status = Draft`, beside
/// an implemented one), excluding an implemented status, a scope condition beside it or a
/// plan inside it stay refused.
#[test]
fn an_export_filter_excluding_drafts_is_no_draft_mark() {
    let dir = tempfile::tempdir().unwrap();
    let with_filter = |filter: &str| {
        csv(
            dir.path(),
            "filter.csv",
            &format!("Filter,\"{filter}\"\n管理策番号,実施状況"),
            &["9.2.1,実施", "9.2.3,未実施"],
        )
    };
    for filter in [
        "Framework = ISMAP AND Status NOT IN (Draft, Retired)",
        "Status NOT IN (Draft, Retired)",
        "Framework = ISMAP, Status NOT IN (Draft, Retired)",
    ] {
        assert_eq!(
            statuses(&with_filter(filter)),
            ("covered".to_owned(), "not-covered".to_owned()),
            "{filter}"
        );
    }
    for filter in [
        "Status IN (Draft)",
        "Status = Draft",
        "Status IN (Implemented, Draft)",
        "Status NOT IN (Implemented, Retired)",
        "Status NOT IN (Draft, Retired), Region = Tokyo",
        "Status NOT IN (Draft, Retired（予定）)",
        // review 18 A-6: a note after the list or the value is read as a note
        "Status NOT IN (Draft, Retired) (draft export)",
        "Status NOT IN (Draft, Retired) (as of 2027-03-31)",
        "Status NOT IN (Draft, Retired) - sandbox",
        "Status != Retired (draft export)",
    ] {
        let err = refused(&with_filter(filter));
        assert!(err.contains("row 2: column 'B'"), "{filter}: {err}");
    }
}

/// fix17-csp noticed: `実施状況（自己評価）` is refused as the provider's own assessment, as
/// `（自己申告）` is — not as a scope limit — and `（自社評価）` too (it was read); a note naming
/// the service (`（本サービス）`) still reads.
#[test]
fn a_status_header_noted_as_self_assessed_is_refused_as_self_declared() {
    let dir = tempfile::tempdir().unwrap();
    let rows = ["9.2.1,実施", "9.2.3,未実施"];
    for (note, word) in [
        ("自己評価", "自己評価"),
        ("自社評価", "自社評価"),
        ("自己申告", "申告"),
    ] {
        let header = format!("管理策番号,実施状況（{note}）");
        let path = csv(dir.path(), "self.csv", &header, &rows);
        let err = refused(&path);
        assert!(
            err.contains(&format!("marks the list as a draft ('{word}')")),
            "{note}: {err}"
        );
        assert!(!err.contains("limits or conditions it"), "{note}: {err}");
    }
    let path = csv(
        dir.path(),
        "ours.csv",
        "管理策番号,実施状況（本サービス）",
        &rows,
    );
    assert_eq!(
        statuses(&path),
        ("covered".to_owned(), "not-covered".to_owned())
    );
}

/// Review 16 C-2: a bilingual status table (`実施状況` | `Status`) with one language's cell
/// left blank reads the column filled on every row (either one); both filled and differing,
/// a note beside the filled one, or blanks in both columns on different rows stay refused.
#[test]
fn a_bilingual_status_table_with_untranslated_cells_reads_the_filled_column() {
    let dir = tempfile::tempdir().unwrap();
    let h = "管理策番号,実施状況,Status";
    for rows in [
        ["9.2.1,実施,Implemented", "9.2.3,未実施,"],
        ["9.2.1,実施,", "9.2.3,未実施,"],
        ["9.2.1,,Implemented", "9.2.3,未実施,Not implemented"],
    ] {
        let path = csv(dir.path(), "bi.csv", h, &rows);
        assert_eq!(
            statuses(&path),
            ("covered".to_owned(), "not-covered".to_owned()),
            "{rows:?}"
        );
    }
    for (rows, says) in [
        (
            ["9.2.1,実施,Planned", "9.2.3,未実施,"],
            "state different statuses on this row ('実施', 'Planned')",
        ),
        (
            ["9.2.1,実施（予定）,", "9.2.3,未実施,Not implemented"],
            "more than one status column",
        ),
        (
            ["9.2.1,実施,", "9.2.3,,Not implemented"],
            "row 4: column '実施状況': the status column '実施状況' is empty on this row",
        ),
    ] {
        let path = csv(dir.path(), "bi.csv", h, &rows);
        let err = refused(&path);
        assert!(err.contains(says), "{rows:?}: {err}");
    }
}

/// A workbook: sheet `実施状況` (9.2.1 実施, 9.2.3 未実施, under `登録区分: ISMAP`) and a sheet
/// `name` listing 9.2.1 and 9.2.3 with `titles` beside them.
fn with_list_sheet(dir: &Path, file: &str, name: &str, titles: [&str; 2]) -> std::path::PathBuf {
    let path = dir.join(file);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("実施状況").unwrap();
    for (r, row) in [
        ["登録区分: ISMAP", ""],
        ["管理策番号", "実施状況"],
        ["9.2.1", "実施"],
        ["9.2.3", "未実施"],
    ]
    .iter()
    .enumerate()
    {
        for (c, text) in row.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
            ws.write_string(r as u32, c as u16, *text).unwrap();
        }
    }
    let ls = wb.add_worksheet();
    ls.set_name(name).unwrap();
    ls.write_string(0, 0, "管理策番号").unwrap();
    ls.write_string(0, 1, "管理策名").unwrap();
    for (r, (id, title)) in ["9.2.1", "9.2.3"].iter().zip(titles).enumerate() {
        ls.write_string(r as u32 + 1, 0, *id).unwrap();
        ls.write_string(r as u32 + 1, 1, title).unwrap();
    }
    wb.save(&path).unwrap();
    path
}

/// Review 12 C-26: a sheet of the catalog kept for reference beside the status sheet
/// (`管理基準（参照用）`: ids and their catalog titles) is not read — named among the sheets
/// not read, never crediting 9.2.3, which the status sheet states 未実施; the same list on a
/// sheet not named for reference, or with a word beyond a title, stays refused.
#[test]
fn a_catalog_reference_sheet_beside_the_statuses_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let titles = ["利用者登録及び登録削除", "特権的アクセス権の管理"];
    for name in ["管理基準（参照用）", "参考", "ISMAP Reference"] {
        let path = with_list_sheet(dir.path(), "ref.xlsx", name, titles);
        assert_eq!(
            statuses(&path),
            ("covered".to_owned(), "not-covered".to_owned()),
            "{name}"
        );
        let out = run(&path, "en");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let skipped = &json["csp"]["read_as"]["skipped"];
        assert!(
            skipped
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["sheet"] == name && s["why"] == "reference"),
            "{name}: {skipped}"
        );
    }
    let path = with_list_sheet(dir.path(), "list.xlsx", "管理策一覧", titles);
    let err = refused(&path);
    assert!(err.contains("lists ids without statuses"), "{err}");
    let path = with_list_sheet(
        dir.path(),
        "plan.xlsx",
        "管理基準（参照用）",
        [
            "利用者登録及び登録削除",
            "特権的アクセス権の管理（実施予定）",
        ],
    );
    refused(&path);
}

/// fix17-chk noticed: a check item's note saying what it is not (`Mapping verified by
/// CISO; not a certification`) asks for no certification: covered, not capped
/// `topic-beyond-ismap`; a note naming one beside `not a` (`not a substitute for ISO 27001
/// certification`) still caps.
#[test]
fn a_note_saying_the_item_is_not_a_certification_asks_for_none() {
    let dir = tempfile::tempdir().unwrap();
    let csp = csv(
        dir.path(),
        "csp.csv",
        "管理策番号,実施状況",
        &["9.2.1,実施", "9.2.3,実施"],
    );
    let out = bin()
        .args([
            "report",
            "--as-of",
            "2026-04-01",
            "--format",
            "json",
            "--checks",
        ])
        .arg(data("fix21-over/cert-checks.csv"))
        .arg("--csp")
        .arg(&csp)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let item = |id: &str| {
        json["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(item("1")["status"], "covered", "{}", item("1"));
    assert_eq!(item("2")["status"], "partial");
    assert!(item("2")["reasons"]
        .to_string()
        .contains("topic-beyond-ismap"));
}
