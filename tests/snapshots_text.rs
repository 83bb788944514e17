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
