//! Snapshots of the text renderers (terminal table, Markdown) on the bundled examples.
mod common;

use common::{bin, example, stdout_of};

fn report(lang: &str, format: &str) -> String {
    stdout_of(
        bin()
            .args([
                "--lang",
                lang,
                "report",
                "--as-of",
                "2026-04-01",
                "--format",
                format,
                "--checks",
            ])
            .arg(example("checks.csv"))
            .arg("--csp")
            .arg(example("csp-list.txt")),
    )
}

#[test]
fn report_table_ja() {
    insta::assert_snapshot!(report("ja", "table"));
}

#[test]
fn report_table_en() {
    insta::assert_snapshot!(report("en", "table"));
}

/// The table at a terminal's width (`COLUMNS`), colour on or off.
fn table_at(lang: &str, columns: &str, color: &str) -> String {
    stdout_of(
        bin()
            .env("COLUMNS", columns)
            .args([
                "--lang",
                lang,
                "--color",
                color,
                "report",
                "--as-of",
                "2026-04-01",
                "--checks",
            ])
            .arg(example("checks.csv"))
            .arg("--csp")
            .arg(example("csp-list.txt")),
    )
}

/// Every line within `columns` terminal columns (escape sequences aside).
fn fits(out: &str, columns: usize) {
    for line in out.lines() {
        let mut plain = String::new();
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                // CSI: ESC [ … final byte
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            } else {
                plain.push(c);
            }
        }
        assert!(
            unicode_width::UnicodeWidthStr::width(plain.as_str()) <= columns,
            "wider than {columns}: {plain}"
        );
    }
}

#[test]
fn report_table_80_columns() {
    for (lang, color) in [
        ("ja", "never"),
        ("en", "never"),
        ("ja", "always"),
        ("en", "always"),
    ] {
        let out = table_at(lang, "80", color);
        fits(&out, 80);
        insta::assert_snapshot!(format!("report_table_80_{lang}_{color}"), out);
    }
}

/// Far below the compact layout's threshold every line still fits, the note under the
/// compact table too.
#[test]
fn report_table_40_columns_fits() {
    for lang in ["ja", "en"] {
        let out = table_at(lang, "40", "never");
        fits(&out, 40);
        assert!(out.contains("--format md"), "{out}");
    }
}

#[test]
fn report_table_160_columns() {
    for (lang, color) in [
        ("ja", "never"),
        ("en", "never"),
        ("ja", "always"),
        ("en", "always"),
    ] {
        let out = table_at(lang, "160", color);
        fits(&out, 160);
        if color == "never" {
            // without COLUMNS a table that is not on a terminal is 160 wide
            assert_eq!(out, report(lang, "table"));
        }
        insta::assert_snapshot!(format!("report_table_160_{lang}_{color}"), out);
    }
}

#[test]
fn report_markdown_en() {
    insta::assert_snapshot!(report("en", "md"));
}

#[test]
fn catalog_show_table() {
    insta::assert_snapshot!(stdout_of(
        bin().args(["--lang", "en", "catalog", "show", "8.1.5P"])
    ));
}

#[test]
fn catalog_stats_table_ja() {
    insta::assert_snapshot!(stdout_of(bin().args(["--lang", "ja", "catalog", "stats"])));
}

/// `report` on a fixture of `tests/data/verdicts/`.
fn verdict_report(lang: &str, format: &str, checks: &str, csp: &str) -> String {
    stdout_of(
        bin()
            .args([
                "--lang",
                lang,
                "report",
                "--as-of",
                "2026-04-01",
                "--format",
                format,
                "--checks",
            ])
            .arg(common::data(&format!("verdicts/{checks}")))
            .arg("--csp")
            .arg(common::data(&format!("verdicts/{csp}"))),
    )
}

/// Basic requirements stated otherwise under an implemented objective, a chosen detail,
/// governance and management items through their objective.
#[test]
fn report_markdown_ja_basic_requirements() {
    insta::assert_snapshot!(verdict_report(
        "ja",
        "md",
        "checks-criteria.csv",
        "criteria.csv"
    ));
}

/// A registration dated after `--as-of`.
#[test]
fn report_table_en_registration_not_yet_valid() {
    insta::assert_snapshot!(verdict_report("en", "table", "checks.csv", "future.yaml"));
}

/// A NIST enhancement mapped through its base control, as `report` judges it.
#[test]
fn catalog_show_nist_ja() {
    insta::assert_snapshot!(stdout_of(
        bin().args(["--lang", "ja", "catalog", "show", "IA-2(1)"])
    ));
}

/// `readiness` on `examples/soa.xlsx` as a table `columns` wide.
fn readiness_at(lang: &str, columns: &str) -> String {
    stdout_of(
        bin()
            .env("COLUMNS", columns)
            .args([
                "--lang",
                lang,
                "--color",
                "never",
                "readiness",
                "--as-of",
                "2026-12-01",
                "--implemented",
            ])
            .arg(example("soa.xlsx")),
    )
}

/// Review 24 E: below the compact threshold `readiness` draws a compact table, as `report`
/// and `compare` do — the group, 必須, 準備率 and the counts not zero by their labels; the
/// findings by id, status and findings — so that no header or title is broken one
/// character a line; every line fits, the note under it says where the other columns are.
#[test]
fn readiness_table_compact_below_100_columns() {
    for lang in ["ja", "en"] {
        for columns in ["50", "80"] {
            let out = readiness_at(lang, columns);
            fits(&out, columns.parse().unwrap());
            let note = lang_pick(
                lang,
                "(狭い画面向けの表示です",
                "(compact view for a narrow",
            );
            assert!(out.contains(note), "{out}");
            // no header broken one character a line (`非`/`該`/`当`, `継`/`承`)
            assert!(
                !out.lines()
                    .any(|l| l.contains("│ 非 ") || l.contains("┆ 非 ")),
                "{out}"
            );
        }
        insta::assert_snapshot!(
            format!("readiness_table_80_{lang}"),
            readiness_at(lang, "80")
        );
        // at 100 and wider: every column, as before
        let wide = readiness_at(lang, "160");
        let note = lang_pick(
            lang,
            "(狭い画面向けの表示です",
            "(compact view for a narrow",
        );
        assert!(!wide.contains(note), "{wide}");
        assert!(
            wide.contains(lang_pick(lang, "非該当(理由あり)", "N/A with reason")),
            "{wide}"
        );
    }
}

fn lang_pick<'a>(lang: &str, ja: &'a str, en: &'a str) -> &'a str {
    if lang == "ja" {
        ja
    } else {
        en
    }
}
