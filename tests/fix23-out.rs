//! Review 17's output items: readiness's per-clause table has a column for objectives
//! inherited from a registration not in effect, so each row adds up to 必須 (D-2); the
//! report workbook's share covered says it leaves out the items not asked (D-1); a lapsed
//! CSP's own sheet of a comparison workbook marks its statuses as the matrix does (D-5);
//! the statement of applicability keeps 実施 on an objective inherited from a lapsed
//! registration (D-3).
mod common;

use calamine::Data;
use common::xlsx::{row_texts, sheets, text};
use common::{bin, data, json_of};

/// `readiness` on the bundled SaaS profile inheriting clause 11 from an IaaS whose
/// registration lapsed on 2026-03-31, judged on 2026-04-01.
fn lapsed(lang: &str) -> assert_cmd::Command {
    let mut c = bin();
    c.args(["--lang", lang, "readiness", "--implemented"])
        .arg(data("inherit/full/saas-on-lapsed.yaml"))
        .args(["--as-of", "2026-04-01"]);
    c
}

/// The cells of a Markdown table row, trimmed, without the outer pipes.
fn md_cells(line: &str) -> Vec<String> {
    line.trim()
        .trim_matches('|')
        .split('|')
        .map(|c| c.trim().to_owned())
        .collect()
}

/// Whether the counts of a per-group row (after the label: 必須, then 実施 …
/// 継承元の登録が無効, 証跡なし, 準備率) add up to 必須.
fn adds_up(counts: &[usize]) -> bool {
    counts[0] == counts[1..8].iter().sum::<usize>()
}

/// Review 17 D-2: the 15 objectives of clause 11 inherited from the lapsed IaaS are in a
/// column of their own (`継承元の登録が無効` / `underlying not in effect`) in the table, the
/// Markdown and the xlsx summary, so that every row — clause 11 and the total too — adds
/// up to 必須 (was `15 | 0 | … | 0`). The same profile judged on the IaaS's last day has
/// the column at 0 and clause 11 implemented.
#[test]
fn the_per_clause_table_counts_objectives_inherited_from_a_lapsed_registration() {
    // JSON: the counts the tables show add up
    let v = json_of(lapsed("en").args(["--format", "json"]));
    let nums = |c: &serde_json::Value| -> Vec<usize> {
        [
            "required",
            "implemented",
            "not_applicable",
            "na_without_reason",
            "planned",
            "missing",
            "underlying_not_in_effect",
            "underlying_outside_scope",
        ]
        .iter()
        .map(|k| c[*k].as_u64().unwrap() as usize)
        .collect()
    };
    for g in v["groups"].as_array().unwrap() {
        assert!(adds_up(&nums(&g["counts"])), "{}", g["key"]);
    }
    assert!(adds_up(&nums(&v["summary"])));

    // Markdown, en and ja
    for (lang, header, clause, total) in [
        (
            "en",
            "underlying not in effect/unconfirmed",
            "11 Physical",
            "total",
        ),
        ("ja", "継承元の登録が無効・未確認", "11 物理的", "合計"),
    ] {
        let md = common::stdout_of(lapsed(lang).args(["--format", "md"]));
        let lines: Vec<&str> = md.lines().collect();
        let head = lines
            .iter()
            .position(|l| l.contains(header) && l.contains("|"))
            .unwrap_or_else(|| panic!("{lang}: no column {header}\n{md}"));
        let headers = md_cells(lines[head]);
        assert_eq!(headers[7], header, "{lang}: after missing");
        let row = |label: &str| -> Vec<String> {
            lines[head..]
                .iter()
                .map(|l| md_cells(l))
                .find(|cells| cells[0].starts_with(label))
                .unwrap_or_else(|| panic!("{lang}: no row {label}\n{md}"))
        };
        let r11 = row(clause);
        assert_eq!(
            r11[1..],
            ["15", "0", "0", "0", "0", "0", "15", "0", "0", "0.0%"],
            "{lang}"
        );
        let t = row(total);
        let counts: Vec<usize> = t[1..10].iter().map(|c| c.parse().unwrap()).collect();
        assert!(adds_up(&counts), "{lang}: {t:?}");
        assert_eq!(counts[6], 15, "{lang}: {t:?}");
    }

    // the table
    let table = common::stdout_of(lapsed("ja").env("COLUMNS", "200"));
    let r11 = table
        .lines()
        .find(|l| l.contains("11 物理的"))
        .unwrap_or_else(|| panic!("{table}"));
    let cells: Vec<&str> = r11
        .split(['│', '┆'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(
        cells[1..],
        ["15", "0", "0", "0", "0", "0", "15", "0", "0", "0.0%"],
        "{table}"
    );

    // the xlsx summary
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.xlsx");
    let out = lapsed("ja").arg("-o").arg(&path).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (_, ranges) = sheets(&path);
    let summary = &ranges[0];
    let header = (0..summary.height())
        .find(|r| text(summary, *r, 0) == "区分")
        .unwrap();
    assert_eq!(text(summary, header, 7), "継承元の登録が無効・未確認");
    let r11 = (header..summary.height())
        .find(|r| text(summary, *r, 0).starts_with("11 "))
        .unwrap();
    let counts: Vec<Data> = (1..11)
        .map(|c| summary.get((r11, c)).cloned().unwrap_or(Data::Empty))
        .collect();
    assert_eq!(
        counts,
        [15.0, 0.0, 0.0, 0.0, 0.0, 0.0, 15.0, 0.0, 0.0, 0.0].map(Data::Float),
        "{:?}",
        row_texts(summary, r11)
    );

    // guard: on the IaaS's last day nothing rests on a lapsed registration
    let v = json_of(
        bin()
            .args(["--lang", "en", "readiness", "--implemented"])
            .arg(data("inherit/full/saas-on-lapsed.yaml"))
            .args(["--as-of", "2026-03-31", "--format", "json"]),
    );
    let c11 = &v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["key"] == "11")
        .unwrap()["counts"];
    assert_eq!(c11["underlying_not_in_effect"], 0);
    assert_eq!(c11["implemented"], 15);
}

/// `report --checks tests/data/fix23-out/NAME --csp (every objective 実施 but 9.2.4)
/// --as-of 2026-04-01` in `lang`, written as a workbook to `dir/r.xlsx`: its summary sheet.
fn report_summary(lang: &str, checks: &str, dir: &tempfile::TempDir) -> calamine::Range<Data> {
    let path = dir.path().join("r.xlsx");
    let out = common::on_checks(lang, "report", data(&format!("fix23-out/{checks}")))
        .arg("--csp")
        .arg(data("fix10-chk/csp-st.csv"))
        .arg("-o")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    sheets(&path).1.remove(0)
}

/// The cells (件数, 割合) of the summary row labelled `label`, `None` when there is none.
fn summary_row(summary: &calamine::Range<Data>, label: &str) -> Option<(Data, Data)> {
    let r = (0..summary.height()).find(|r| text(summary, *r, 0) == label)?;
    let cell = |c| summary.get((r, c)).cloned().unwrap_or(Data::Empty);
    Some((cell(1), cell(2)))
}

/// Review 17 D-1: the report workbook's share covered leaves out the items not asked, as
/// the table and Markdown do: its row says so (`充足率(本件対象外を除く)` / `Share covered
/// (of the items asked)`) and holds the share in the 割合 column, under the shares of the
/// total (was `充足率 | 66.7%` in the 件数 column beside `充足 | 2 | 50.0%`). Guard: a list
/// asking every item keeps the plain label, the share in the same column.
#[test]
fn the_workbook_share_covered_says_it_leaves_out_the_items_not_asked() {
    let dir = tempfile::tempdir().unwrap();
    let s = report_summary("ja", "asked.csv", &dir);
    assert_eq!(
        summary_row(&s, "充足"),
        Some((Data::Float(2.0), Data::Float(0.5)))
    );
    assert_eq!(summary_row(&s, "充足率"), None);
    assert_eq!(
        summary_row(&s, "充足率(本件対象外を除く)"),
        Some((Data::Empty, Data::Float(0.6667)))
    );
    let s = report_summary("en", "asked.csv", &dir);
    assert_eq!(
        summary_row(&s, "Share covered (of the items asked)"),
        Some((Data::Empty, Data::Float(0.6667)))
    );
    // every item asked: 2 of 3
    let s = report_summary("ja", "all-asked.csv", &dir);
    assert_eq!(summary_row(&s, "充足率(本件対象外を除く)"), None);
    assert_eq!(
        summary_row(&s, "充足率"),
        Some((Data::Empty, Data::Float(0.6667)))
    );
}

/// Review 17 D-5: in a comparison workbook, the gap sheet of a CSP whose registration is
/// lapsed marks every status as its column of the matrix does (`判定不能（失効）`,
/// `参照未記入（失効）`, `ISMAP対象外（失効）`; 本件対象外 is asked of no CSP): the sheet is
/// printed and handed on alone. Guard: the sheet of a CSP on a valid registration has no
/// mark.
#[test]
fn a_lapsed_csps_own_sheet_marks_every_status() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.xlsx");
    let mut c = common::on_checks("ja", "compare", data("fix23-out/cmp-checks.csv"));
    for f in ["lapsed", "clean"] {
        c.arg("--csp").arg(data(&format!("compare/tiers/{f}.yaml")));
    }
    let out = c.arg("-o").arg(&path).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (names, ranges) = sheets(&path);
    let statuses = |name: &str| -> Vec<String> {
        let k = names
            .iter()
            .position(|n| n == name)
            .unwrap_or_else(|| panic!("{names:?}"));
        let sheet = &ranges[k];
        let col = row_texts(sheet, 0)
            .iter()
            .position(|h| h == "判定")
            .unwrap_or_else(|| panic!("{:?}", row_texts(sheet, 0)));
        let mut all: Vec<String> = (1..sheet.height()).map(|r| text(sheet, r, col)).collect();
        all.sort();
        all
    };
    let sorted = |xs: &[&str]| {
        let mut v: Vec<String> = xs.iter().map(|x| x.to_string()).collect();
        v.sort();
        v
    };
    // as the matrix: every status marked but 本件対象外, asked of no CSP
    assert_eq!(
        statuses("2 Lapsed"),
        sorted(&[
            "保証水準不足（失効）",
            "判定不能（失効）",
            "参照未記入（失効）",
            "ISMAP対象外（失効）",
            "本件対象外"
        ])
    );
    assert_eq!(
        statuses("1 Clean"),
        sorted(&[
            "充足",
            "判定不能",
            "参照未記入",
            "ISMAP対象外",
            "本件対象外"
        ])
    );
}

/// Review 17 D-3: in the statement of applicability, an objective inherited from a lapsed
/// registration keeps its 実施 beside the service and the finding 継承元の登録が無効 (was an
/// empty status, read back as 記載なし: the finding changed kind on the round trip); read
/// back, its row is refused as the row of a valid registration's inherited objective is.
/// Guard: the statement of the same profile on the IaaS's last day is refused the same way,
/// and the CSP's own rows keep their statuses.
#[test]
fn an_objective_inherited_from_a_lapsed_registration_keeps_its_state_in_the_statement() {
    let dir = tempfile::tempdir().unwrap();
    for (as_of, lapsed) in [("2026-04-01", true), ("2026-03-31", false)] {
        let csv = common::stdout_of(
            bin()
                .args(["--lang", "ja", "readiness", "--implemented"])
                .arg(data("inherit/full/saas-on-lapsed.yaml"))
                .args(["--as-of", as_of, "--format", "csv"]),
        );
        let row = csv
            .lines()
            .find(|l| l.starts_with("11.1.1,"))
            .unwrap_or_else(|| panic!("{csv}"));
        let cells: Vec<&str> = row.split(',').collect();
        assert_eq!(cells[4], "実施", "{as_of}: {row}");
        assert!(cells[5].ends_with("経由"), "{as_of}: {row}");
        // the 指摘 cell (the profile states registry facts: the registration's columns
        // follow it, fix32-out)
        assert_eq!(cells[9] == "継承元の登録が無効", lapsed, "{as_of}: {row}");
        // the CSP's own row
        let own = csv.lines().find(|l| l.starts_with("9.2.1,")).unwrap();
        assert_eq!(own.split(',').nth(4), Some("実施"), "{own}");

        let path = dir.path().join("soa.csv");
        std::fs::write(&path, &csv).unwrap();
        let err = common::input_error(
            bin()
                .args(["--lang", "en", "readiness", "--implemented"])
                .arg(&path)
                .args(["--as-of", as_of]),
        );
        assert!(
            err.contains("states what the service inherits from"),
            "{as_of}: {err}"
        );
    }
}
