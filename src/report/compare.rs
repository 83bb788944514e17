//! The comparison of several CSPs in table, CSV, Markdown and JSON (xlsx in `xlsx`).
use std::io::Write;

use crate::analysis::compare::{CompareReport, CspColumn};
use crate::analysis::Status;
use crate::lang::Lang;
use crate::report::grid::{Grid, Tone};
use crate::report::{csv, markdown, table, write_json, write_yaml, Format, TextStyle};
use crate::text::strip_controls;

/// The comparison's title (Markdown heading, workbook).
pub fn title(lang: Lang) -> &'static str {
    lang.pick("ISMAP CSP比較", "ISMAP CSP comparison")
}

/// Every CSP's warnings, in rank order, each as "<CSP>: message".
pub fn warning_messages(r: &CompareReport) -> Vec<String> {
    r.csps
        .iter()
        .flat_map(|c| {
            c.warnings
                .iter()
                .map(move |w| format!("{}: {}", c.name, w.message))
        })
        .collect()
}

/// A CSP's registration as the ranking shows it: 有効 / 未確認 / 失効.
fn registration_cell(lang: Lang, csp: &CspColumn) -> String {
    csp.registration.label(lang).to_owned()
}

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// Headers of the per-CSP summary: rank, name, share covered, a count per status, the
/// service it runs on, its registration (a lapsed one is ranked after every other).
pub fn summary_headers(lang: Lang) -> Vec<String> {
    let mut h: Vec<String> = vec![
        lang.pick("順位", "rank").to_owned(),
        lang.pick("CSP", "CSP").to_owned(),
        lang.pick("充足率", "share covered").to_owned(),
    ];
    h.extend(Status::ALL.iter().map(|s| s.label(lang).to_owned()));
    h.push(lang.pick("基盤", "runs on").to_owned());
    h.push(lang.pick("登録", "registration").to_owned());
    h
}

/// One row per CSP, in rank order.
pub fn summary_grid(r: &CompareReport) -> Grid {
    let mut g = Grid::new(summary_headers(r.lang));
    for c in &r.csps {
        let mut row = vec![c.rank.to_string(), c.name.clone(), pct(c.covered_share)];
        row.extend(Status::ALL.iter().map(|s| c.counts.count(*s).to_string()));
        row.push(c.inherits.clone().unwrap_or_default());
        row.push(registration_cell(r.lang, c));
        g.push(row, Tone::Plain);
    }
    g
}

/// The matrix: id, title, then one status column per CSP (rank order).
pub fn matrix_grid(r: &CompareReport) -> Grid {
    let lang = r.lang;
    let mut headers = vec![
        lang.pick("項番", "id").to_owned(),
        lang.pick("確認項目", "title").to_owned(),
    ];
    headers.extend(r.csps.iter().map(|c| c.name.clone()));
    let mut g = Grid::new(headers);
    for item in &r.items {
        let mut row = vec![item.id.clone(), item.title.clone()];
        row.extend(
            item.statuses
                .0
                .iter()
                .map(|(_, s)| s.label(lang).to_owned()),
        );
        // the worst status of the row colours it on a terminal
        let worst = item.statuses.0.iter().map(|(_, s)| *s).max();
        g.push(row, worst.map_or(Tone::Plain, Tone::from));
    }
    g
}

fn summary_lines(r: &CompareReport) -> Vec<String> {
    let lang = r.lang;
    let mut out = vec![
        format!(
            "{} {} / {} {} / {} {}",
            lang.pick("確認項目:", "Check items:"),
            r.checks.source,
            lang.pick("CSP数", "CSPs"),
            r.csps.len(),
            lang.pick("基準日", "as of"),
            r.as_of
        ),
        format!(
            "{} {} {}",
            lang.pick("カタログ:", "Catalog:"),
            r.catalog.name,
            r.catalog.version
        ),
    ];
    out.push(crate::report::gap::covered_means(lang).to_owned());
    for message in warning_messages(r) {
        out.push(format!("{} {message}", lang.pick("警告:", "WARNING:")));
    }
    out
}

/// The matrix as CSV: a row of each CSP's warnings under the header (when any CSP has
/// some), then the items.
fn csv_grid(r: &CompareReport) -> Grid {
    let mut g = matrix_grid(r);
    if r.csps.iter().any(|c| !c.warnings.is_empty()) {
        let mut row = vec![r.lang.pick("警告", "warnings").to_owned(), String::new()];
        row.extend(r.csps.iter().map(|c| {
            c.warnings
                .iter()
                .map(|w| w.message.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        }));
        g.rows.insert(0, row);
        g.tones.insert(0, Tone::Plain);
    }
    g
}

pub fn render(
    r: &CompareReport,
    format: Format,
    style: TextStyle,
    w: &mut dyn Write,
) -> anyhow::Result<()> {
    match format {
        Format::Json => write_json(w, r, style),
        Format::Yaml => write_yaml(w, r),
        Format::Csv => csv::render(&csv_grid(r), style.csv_encoding, w),
        Format::Md => {
            writeln!(w, "## {}\n", title(r.lang))?;
            for line in summary_lines(r) {
                writeln!(w, "- {}", strip_controls(&line).replace('|', "\\|"))?;
            }
            writeln!(w)?;
            markdown::render(&summary_grid(r), w)?;
            writeln!(w)?;
            markdown::render(&matrix_grid(r), w)
        }
        Format::Table => {
            for line in summary_lines(r) {
                for part in table::wrap(&strip_controls(&line), style.width.into()) {
                    writeln!(w, "{part}")?;
                }
            }
            table::render(&summary_grid(r), style.color, style.width, w)?;
            table::render(&matrix_grid(r), style.color, style.width, w)
        }
        Format::Xlsx => anyhow::bail!("a workbook is written by report::xlsx"),
    }
}
