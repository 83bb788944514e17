//! The readiness workbook: a summary (the chart per group where the sheet opens, the
//! sources, notes and the per-group table), the statement of applicability and its
//! findings.

use rust_xlsxwriter::{
    Chart, ChartFormat, ChartLegendPosition, ChartSolidFill, ChartType, Color, ExcelDateTime,
    RowNum, Workbook, Worksheet,
};

use crate::analysis::readiness::{ItemState, ReadinessReport};
use crate::lang::Lang;
use crate::output::SeekWrite;
use crate::report::grid::{Grid, Tone};
use crate::report::readiness as soa;
use crate::report::xlsx::common::{
    chart_last_col, chart_last_row, col_num, column_width, finish_table, fit, new_workbook,
    print_setup, row_num, tone_colors, write_header_row, write_note, write_text_row, Columns, Cuts,
    Print, Styles, Table,
};

/// Sheet names of the readiness workbook, in the report's language.
pub fn readiness_sheet_names(lang: Lang) -> [&'static str; 3] {
    [
        lang.pick("概要", "Summary"),
        lang.pick("適用宣言書", "Statement of applicability"),
        lang.pick("指摘事項", "Findings"),
    ]
}

/// The readiness workbook: summary with the per-group table and chart, the statement of
/// applicability (every item), the items with findings.
pub fn render_readiness(report: &ReadinessReport, w: &mut dyn SeekWrite) -> anyhow::Result<()> {
    let mut workbook = readiness_workbook(report)?;
    workbook.save_to_writer(w)?;
    Ok(())
}

/// The workbook, ready to save; the same report always gives the same bytes.
fn readiness_workbook(report: &ReadinessReport) -> anyhow::Result<Workbook> {
    let lang = report.lang;
    let styles = Styles::new();
    let [summary_name, soa_name, findings_name] = readiness_sheet_names(lang);
    // the report has no as-of date: a fixed creation time
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    let mut workbook = new_workbook(soa::title(lang), &created);
    let footer = format!("{} — {}", soa::title(lang), report.source);

    let sheet = workbook.add_worksheet();
    sheet.set_name(summary_name)?;
    write_readiness_summary(sheet, report, &styles, summary_name, &footer)?;

    let sheet = workbook.add_worksheet();
    sheet.set_name(soa_name)?;
    write_readiness_items(
        sheet,
        &soa::item_grid(report, false),
        lang,
        &styles,
        &footer,
    )?;

    let sheet = workbook.add_worksheet();
    sheet.set_name(findings_name)?;
    write_readiness_items(sheet, &soa::item_grid(report, true), lang, &styles, &footer)?;

    Ok(workbook)
}

/// The chart's series: (column of the per-group table, tone, strong colour), one for each
/// state a required item can be in, so that a group's stack is its required items.
const READINESS_SERIES: [(usize, Tone, bool); 7] = [
    (2, Tone::Good, true),   // implemented
    (3, Tone::Good, false),  // N/A with reason
    (5, Tone::Warn, true),   // planned
    (4, Tone::Bad, false),   // N/A without reason
    (6, Tone::Bad, true),    // missing
    (7, Tone::Alert, true),  // underlying not in effect
    (8, Tone::Alert, false), // outside the underlying statement's scope
];

/// Width of the per-group table's count columns, in Excel's character units.
const COUNT_WIDTH: f64 = 12.0;
/// The chart's size, in pixels: about the width of the per-group table.
const CHART: (u32, u32) = (960, 420);

/// Sheet 1: the readiness share and the chart per group at the top, then the sources,
/// notes and the per-group table the chart reads; printed on one page.
fn write_readiness_summary(
    sheet: &mut Worksheet,
    report: &ReadinessReport,
    styles: &Styles,
    sheet_name: &str,
    footer: &str,
) -> anyhow::Result<()> {
    let lang = report.lang;
    let l = |ja, en| lang.pick(ja, en);
    let grid = soa::group_grid(report);
    let facts = soa::source_facts(report);
    let last_col = col_num(grid.headers.len().saturating_sub(1))?;

    // widths first: a note's row height follows from them
    let label_width = column_width(
        grid.rows
            .iter()
            .filter_map(|r| r.first())
            .map(String::as_str)
            .chain(facts.iter().map(|(label, _)| *label)),
    )
    .min(40.0);
    let mut widths = vec![label_width];
    widths.extend((1..=last_col).map(|_| COUNT_WIDTH));
    let columns = Columns::new(widths);
    columns.apply(sheet)?;

    sheet.write_string_with_format(0, 0, soa::title(lang), &styles.title)?;
    sheet.write_string_with_format(1, 0, soa::readiness_label(lang), &styles.label)?;
    sheet.write_number_with_format(1, 1, report.summary.readiness, &styles.total_percent)?;
    let chart_row: RowNum = 3;
    let (chart_width, chart_height) = CHART;
    let mut row = chart_last_row(chart_row, chart_height) + 2;

    for (label, value) in &facts {
        write_note(
            sheet,
            row,
            (label, &styles.label),
            (value, &styles.text),
            &columns,
            last_col,
        )?;
        row += 1;
    }
    for note in &report.notes {
        write_note(
            sheet,
            row,
            (soa::note_label(note.code, lang), &styles.warning),
            (&note.message, &styles.warning),
            &columns,
            last_col,
        )?;
        row += 1;
    }

    // the per-group table, numbers as numbers: what the chart reads
    row += 1;
    let table_header = row;
    write_header_row(sheet, row, &grid.headers, &columns, styles)?;
    let counts = report
        .groups
        .iter()
        .map(|g| &g.counts)
        .chain([&report.summary]);
    for (i, ((cells, counts), tone)) in grid.rows.iter().zip(counts).zip(&grid.tones).enumerate() {
        row += 1;
        let label = cells.first().map_or("", String::as_str);
        // the last row is the total
        let (label_format, number, percent) = if i == report.groups.len() {
            (&styles.total, &styles.total, &styles.total_percent)
        } else {
            (styles.toned(*tone), &styles.number, &styles.percent)
        };
        sheet.write_string_with_format(row, 0, fit(label), label_format)?;
        for (c, n) in soa::count_numbers(counts).iter().enumerate() {
            sheet.write_number_with_format(row, col_num(c + 1)?, *n as f64, number)?;
        }
        sheet.write_number_with_format(row, last_col, counts.readiness, percent)?;
        columns.fit_row(sheet, row, [(0, label)])?;
    }
    print_setup(
        sheet,
        &Print {
            footer,
            header_row: None,
            one_page: true,
            fit_width: true,
            last_row: row,
            last_col: last_col.max(col_num(chart_last_col(&columns, 0, chart_width))?),
        },
    )?;
    if report.groups.is_empty() {
        return Ok(());
    }
    let first_group_row = table_header + 1;
    let last_group_row = table_header + row_num(report.groups.len())?;

    // one stacked column per group (layer or clause): how its required items stand
    let mut chart = Chart::new(ChartType::ColumnStacked);
    for (c, tone, strong) in READINESS_SERIES {
        let color = tone_colors(tone).map_or(
            Color::Gray,
            |(light, dark)| {
                if strong {
                    dark
                } else {
                    light
                }
            },
        );
        let col = col_num(c)?;
        chart
            .add_series()
            .set_name((sheet_name, table_header, col))
            .set_categories((sheet_name, first_group_row, 0, last_group_row, 0))
            .set_values((sheet_name, first_group_row, col, last_group_row, col))
            .set_format(ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(color)))
            .set_gap(50);
    }
    chart
        .title()
        .set_name(l("区分別の必須項目の状況", "Required items per group"));
    chart.y_axis().set_name(l("件数", "Items"));
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart.set_width(chart_width).set_height(chart_height);
    sheet.insert_chart(chart_row, 0, &chart)?;
    Ok(())
}

/// The statement of applicability (or its findings): one row per item, the status cell
/// filled by the item's tone, each row as tall as its tallest cell; printed one page wide
/// with the header on every page.
fn write_readiness_items(
    sheet: &mut Worksheet,
    grid: &Grid,
    lang: Lang,
    styles: &Styles,
    footer: &str,
) -> anyhow::Result<()> {
    let states = [
        ItemState::Implemented,
        ItemState::NotApplicable,
        ItemState::Planned,
        ItemState::NotImplemented,
        ItemState::NotListed,
    ];
    let widths = grid
        .headers
        .iter()
        .enumerate()
        .map(|(c, header)| {
            let cells = grid
                .rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(String::as_str);
            if Some(c) == grid.tone_column {
                // the status cell: the widest state, however the rows read
                column_width(
                    states
                        .iter()
                        .map(|s| s.label(lang))
                        .chain([header.as_str()]),
                )
                .max(column_width(cells).min(30.0))
            } else {
                column_width(cells.chain([header.as_str()])).min(40.0)
            }
        })
        .collect();
    let columns = Columns::new(widths);
    write_header_row(sheet, 0, &grid.headers, &columns, styles)?;
    let mut cuts = Cuts::default();
    for (r, cells) in grid.rows.iter().enumerate() {
        let xr = row_num(r + 1)?;
        let toned = styles.toned(grid.tones.get(r).copied().unwrap_or(Tone::Plain));
        let format = |c| {
            if Some(c) == grid.tone_column {
                toned
            } else {
                &styles.cell
            }
        };
        write_text_row(
            sheet,
            xr,
            cells,
            format,
            &columns,
            (&grid.headers, &mut cuts),
        )?;
    }
    cuts.warn();
    let last_col = col_num(grid.headers.len().saturating_sub(1))?;
    finish_table(
        sheet,
        &Table {
            columns: &columns,
            last_row: row_num(grid.rows.len())?,
            last_col,
            last_printed: last_col,
            frozen_cols: 1,
            fit_width: true,
            footer,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chart_reads_the_columns_of_the_states_of_a_required_item() {
        let headers = soa::group_headers(Lang::En);
        let named: Vec<&str> = READINESS_SERIES.iter().map(|(c, ..)| headers[*c]).collect();
        assert_eq!(
            named,
            [
                "implemented",
                "N/A with reason",
                "planned",
                "N/A without reason",
                "missing",
                "underlying not in effect/unconfirmed",
                "outside underlying scope"
            ]
        );
        // and the counts under them are those the headers name
        let c = crate::analysis::readiness::Counts {
            implemented: 1,
            not_applicable: 2,
            na_without_reason: 3,
            planned: 4,
            missing: 5,
            underlying_not_in_effect: 6,
            underlying_outside_scope: 8,
            evidence_missing: 7,
            ..Default::default()
        };
        let numbers = soa::count_numbers(&c);
        let read: Vec<usize> = READINESS_SERIES
            .iter()
            .map(|(col, ..)| numbers[col - 1])
            .collect();
        assert_eq!(read, [1, 2, 4, 3, 5, 6, 8]);
    }
}
