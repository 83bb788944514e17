//! The comparison workbook: a summary (the chart per CSP where the sheet opens, the
//! sources, notes, warnings and the per-CSP table), the matrix of statuses, and one gap
//! sheet per CSP.

use anyhow::Context;
use rust_xlsxwriter::{
    Chart, ChartAxisCrossing, ChartFormat, ChartLegendPosition, ChartLine, ChartSolidFill,
    ChartType, ColNum, Color, Format, RowNum, Workbook, Worksheet,
};

use crate::analysis::compare::{CompareItem, CompareReport, MAX_DETAIL_SHEETS};
use crate::analysis::Status;
use crate::lang::Lang;
use crate::output::SeekWrite;
use crate::report::compare as cmp;
use crate::report::grid::Tone;
use crate::report::xlsx::common::fitted;

/// The matrix sheet's first CSP column (after the id and the title).
const MATRIX_FIRST_CSP_COL: usize = 2;
use crate::report::xlsx::common::{
    add_row_sheet, chart_last_col, chart_last_row, col_num, column_width, created_on, finish_table,
    fit, format_runs, grid_column_width, new_workbook, one_line_width, print_setup, row_num,
    tone_colors, write_header_row, write_note, Columns, Cuts, Print, Styles, Table,
};
use crate::report::xlsx::gap_sheet::{write_gap_sheet, GapRows};
use crate::report::xlsx::sheet_xml::{probe_styles, save_with_rows, Deferred, SheetRows};

/// Sheet names of the compare workbook, in the report's language (the per-CSP sheets are
/// named by [`csp_sheet_name`]).
pub fn compare_sheet_names(lang: Lang) -> [&'static str; 2] {
    [lang.pick("概要", "Summary"), lang.pick("比較表", "Matrix")]
}

/// The name of the gap sheet of the CSP ranked `rank`: "1 Alpha SaaS". Characters Excel
/// forbids in a sheet name (`[]:*?/\`, control characters) become `_`, the name is cut to
/// Excel's 31 UTF-16 units, and the rank in front keeps it unique and apart from the
/// summary and matrix sheets.
pub fn csp_sheet_name(rank: usize, name: &str) -> String {
    const MAX_UNITS: usize = 31;
    let mut out = format!("{rank} ");
    let mut units = out.len();
    for c in name.chars() {
        let c = if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') || c.is_control() {
            '_'
        } else {
            c
        };
        if units + c.len_utf16() > MAX_UNITS {
            break;
        }
        units += c.len_utf16();
        out.push(c);
    }
    // nor may it end with an apostrophe
    out.trim_end_matches(|c: char| c == '\'' || c.is_whitespace())
        .to_owned()
}

/// The comparison workbook: summary with the per-CSP table and its chart, the matrix of
/// statuses, and (at most [`MAX_DETAIL_SHEETS`] CSPs) one gap sheet per CSP in rank order.
pub fn render_compare(report: &CompareReport, w: &mut dyn SeekWrite) -> anyhow::Result<()> {
    let mut cuts = Cuts::default();
    let (mut workbook, rows) = compare_workbook(report, &mut cuts)?;
    if rows.matrix.is_none() && rows.gaps.is_empty() {
        workbook.save_to_writer(w)?;
    } else {
        // a big matrix's and long gap sheets' rows are written by us as the workbook is
        // saved, in sheet order: the matrix (if deferred) first
        let matrix = rows.matrix.as_ref().map(|(n, m)| m.deferred(*n));
        let gaps = rows.gaps.iter().map(|(n, r)| r.deferred(*n));
        let deferred: Vec<_> = matrix.into_iter().chain(gaps).collect();
        let first_gap = usize::from(rows.matrix.is_some());
        save_with_rows(
            &mut workbook,
            &deferred,
            |k, out| match &rows.matrix {
                Some((_, m)) if k == 0 => {
                    cuts.set_csp(None);
                    m.write(out, &mut cuts)
                }
                _ => match rows.gaps.get(k - first_gap) {
                    Some((_, g)) => {
                        cuts.set_csp(Some(&g.report().csp.name));
                        g.write(out, &mut cuts)
                    }
                    None => anyhow::bail!("no rows for deferred sheet {k}"),
                },
            },
            w,
        )?;
    }
    cuts.warn();
    Ok(())
}

/// The sheets whose rows [`save_with_rows`] writes, with their sheet numbers (from 1).
struct LaterRows<'r> {
    matrix: Option<(usize, MatrixRows<'r>)>,
    gaps: Vec<(usize, GapRows<'r>)>,
}

/// The workbook, ready to save, with the rows of a big matrix and of the long gap sheets
/// left to [`save_with_rows`]; the same report always gives the same bytes.
fn compare_workbook<'r>(
    report: &'r CompareReport,
    cuts: &mut Cuts,
) -> anyhow::Result<(Workbook, LaterRows<'r>)> {
    let lang = report.lang;
    let styles = Styles::new();
    let [summary_name, matrix_name] = compare_sheet_names(lang);
    let mut workbook = new_workbook(cmp::title(lang), &created_on(report.as_of)?);
    let footer = format!(
        "{} — {} {}",
        cmp::title(lang),
        lang.pick("基準日", "as of"),
        report.as_of
    );

    let sheet = workbook.add_worksheet();
    sheet.set_name(summary_name)?;
    write_compare_summary(sheet, report, &styles, summary_name, &footer)?;

    let sheet = add_row_sheet(
        &mut workbook,
        matrix_name,
        report.items.len(),
        MATRIX_FIRST_CSP_COL + report.csps.len(),
    )?;
    let matrix = write_matrix(sheet, report, &styles, &footer, cuts)?;
    let matrix = matrix.map(|m| (workbook.worksheets().len(), m));

    // the gap reports are there only when the CSPs are few enough
    let mut gaps = Vec::new();
    for (csp, detail) in report.csps.iter().zip(&report.details) {
        let number = workbook.worksheets().len() + 1;
        let sheet = add_row_sheet(
            &mut workbook,
            &csp_sheet_name(csp.rank, &csp.name),
            detail.items.len(),
            crate::report::xlsx::gap_sheet::columns(detail),
        )?;
        // a CSP whose registration is not in effect says so on its own sheet, as its
        // column of the matrix does: in every status cell and in the footer (review 17 D-5)
        let own = Some(csp.registration).filter(|r| r.is_void());
        let mut footer = format!("{footer} — {}", csp.name);
        if let Some(r) = own {
            crate::report::gap::push_cell_marks(&mut footer, &[r.label(lang)], lang);
        }
        cuts.set_csp(Some(&csp.name));
        let rows = write_gap_sheet(sheet, detail, &styles, &footer, cuts, None, own)?;
        cuts.set_csp(None);
        if let Some(r) = rows {
            gaps.push((number, r));
        }
    }

    Ok((workbook, LaterRows { matrix, gaps }))
}

/// Columns of the per-CSP table ([`cmp::summary_headers`]): rank, name, share covered,
/// then one count per status in [`Status::ALL`] order, then the service it runs on.
const RANK_COL: usize = 0;
const NAME_COL: usize = 1;
const SHARE_COL: usize = 2;
const FIRST_COUNT_COL: usize = 3;
const RUNS_ON_COL: usize = FIRST_COUNT_COL + Status::ALL.len();
const REGISTRATION_COL: usize = RUNS_ON_COL + 1;
const TIER_COL: usize = REGISTRATION_COL + 1;
/// Widest the matrix's title column grows, in Excel's character units.
const MATRIX_TITLE_WIDTH: f64 = 50.0;
/// Width of a count column, in Excel's character units.
const COUNT_WIDTH: f64 = 12.0;
/// Width of the summary chart, in pixels.
const CHART_WIDTH: u32 = 720;
/// Most CSPs whose summary still prints on one page, and whose matrix is fitted to one
/// page wide: beyond, they print across pages at a size one can read.
const ONE_PAGE_CSPS: usize = 12;

/// Height of the summary chart: room for a cluster of bars per CSP, within what a sheet
/// shows sensibly (a thousand CSPs make thin bars, not a chart nobody can scroll).
fn compare_chart_height(csps: usize) -> u32 {
    let per_csp = 60u32;
    u32::try_from(csps)
        .unwrap_or(u32::MAX)
        .saturating_mul(per_csp)
        .saturating_add(160)
        .min(16_000)
}

/// The tallest chart, in pixels, that prints on one A4 landscape page from `first_row`
/// (20-pixel rows above it) when the columns up to `last_col` are fitted to the page's
/// width ([`print_setup`]'s margins), with a tenth to spare for a spreadsheet's own
/// rounding of the scale.
fn chart_height_on_a_page(columns: &Columns, last_col: ColNum, first_row: RowNum) -> u32 {
    // A4 landscape within the margins, at 96 pixels an inch
    let (page_width, page_height) = ((11.69 - 0.8) * 96.0, (8.27 - 1.1) * 96.0);
    let sheet_width: f64 = (0..=usize::from(last_col))
        .map(|c| columns.widths.get(c).copied().unwrap_or(8.43) * 7.0 + 5.0)
        .sum();
    let scale = (page_width / sheet_width).min(1.0);
    let room = page_height / scale * 0.9 - f64::from(first_row) * 20.0;
    // at least the chart of a few CSPs; the float is a few hundred pixels
    room.max(400.0) as u32
}

/// What the summary says of the per-CSP gap sheets: there, or left out and why.
fn per_csp_sheets_note(report: &CompareReport) -> String {
    let n = report.csps.len();
    match (report.details.is_empty(), report.lang) {
        (false, Lang::Ja) => "CSPごとのギャップシート (順位順)".to_owned(),
        (false, Lang::En) => "one gap sheet per CSP, in rank order".to_owned(),
        (true, Lang::Ja) => format!(
            "省略: CSPが{n}件あり、CSP別のギャップシートを作る上限 ({MAX_DETAIL_SHEETS}件) を超えています。\
             CSPごとのギャップシートは `ismap-gap report --csp FILE` で作成してください"
        ),
        (true, Lang::En) => format!(
            "left out: {n} CSPs are more than the limit of {MAX_DETAIL_SHEETS} for per-CSP gap \
             sheets; run `ismap-gap report --csp FILE` for one CSP's gap sheet"
        ),
    }
}

/// Sheet 1: the chart at the top, then the sources, notes, warnings and the per-CSP table
/// the chart reads.
fn write_compare_summary(
    sheet: &mut Worksheet,
    report: &CompareReport,
    styles: &Styles,
    sheet_name: &str,
    footer: &str,
) -> anyhow::Result<()> {
    let lang = report.lang;
    let l = |ja, en| lang.pick(ja, en);
    let grid = cmp::summary_grid(report);
    let last_col = col_num(grid.headers.len().saturating_sub(1))?;

    let facts = [
        (l("確認項目", "Check items"), report.checks.line()),
        (l("カタログ", "Catalog"), report.catalog.line()),
        (l("基準日", "As of"), report.as_of.to_string()),
    ];
    let details_label = l("CSP別シート", "Per-CSP sheets");
    let details_note = per_csp_sheets_note(report);
    let warnings: Vec<String> = cmp::warning_messages(report);

    // widths first: a note's row height follows from them
    let mut widths = vec![0.0; grid.headers.len()];
    widths[RANK_COL] = column_width(
        facts
            .iter()
            .map(|(label, _)| *label)
            .chain([
                details_label,
                l("CSP数", "CSPs"),
                l("警告", "Warning"),
                l("注記", "Notes"),
            ])
            .chain([cmp::ranking_label(lang)])
            .chain([grid.headers[RANK_COL].as_str()]),
    )
    .min(24.0);
    for (c, header) in grid.headers.iter().enumerate().skip(NAME_COL) {
        widths[c] = match c {
            NAME_COL | RUNS_ON_COL | REGISTRATION_COL | TIER_COL => {
                grid_column_width(&grid, c).clamp(12.0, 30.0)
            }
            _ => column_width([header.as_str()]).max(COUNT_WIDTH),
        };
    }
    let columns = Columns::new(widths);
    columns.apply(sheet)?;

    sheet.write_string_with_format(0, 0, cmp::title(lang), &styles.title)?;
    let chart_row: RowNum = 2;
    // more CSPs than one page holds: the chart on the first page, as tall as that page
    // takes at the width printed, then the facts and the table from the next page, the
    // table's header on every page it continues on
    let many = report.csps.len() > ONE_PAGE_CSPS;
    let printed_last_col = last_col.max(col_num(chart_last_col(&columns, 0, CHART_WIDTH))?);
    let chart_height = if many {
        compare_chart_height(report.csps.len()).min(chart_height_on_a_page(
            &columns,
            printed_last_col,
            chart_row,
        ))
    } else {
        compare_chart_height(report.csps.len())
    };
    let mut row = if report.csps.is_empty() {
        chart_row
    } else {
        chart_last_row(chart_row, chart_height) + 2
    };
    if many {
        sheet.set_page_breaks(&[row])?;
    }
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
    sheet.write_string_with_format(row, 0, l("CSP数", "CSPs"), &styles.label)?;
    sheet.write_number_with_format(row, 1, report.csps.len() as f64, &styles.fact_number)?;
    row += 1;
    write_note(
        sheet,
        row,
        (cmp::ranking_label(lang), &styles.label),
        (&cmp::ranking_rule(lang), &styles.text),
        &columns,
        last_col,
    )?;
    row += 1;
    let details_format = if report.details.is_empty() {
        &styles.warning
    } else {
        &styles.text
    };
    write_note(
        sheet,
        row,
        (details_label, &styles.label),
        (&details_note, details_format),
        &columns,
        last_col,
    )?;
    row += 1;
    if let Some(legend) = cmp::notes_legend(report) {
        write_note(
            sheet,
            row,
            (l("注記", "Notes"), &styles.label),
            (&legend, &styles.text),
            &columns,
            last_col,
        )?;
        row += 1;
    }
    for warning in &warnings {
        write_note(
            sheet,
            row,
            (l("警告", "Warning"), &styles.warning),
            (warning, &styles.warning),
            &columns,
            last_col,
        )?;
        row += 1;
    }

    // the per-CSP table, numbers as numbers: what the chart reads
    row += 1;
    let table_header = row;
    write_header_row(sheet, row, &grid.headers, &columns, styles)?;
    for (cells, csp) in grid.rows.iter().zip(&report.csps) {
        row += 1;
        let text = |c: usize| cells.get(c).map_or("", String::as_str);
        sheet.write_number_with_format(row, col_num(RANK_COL)?, csp.rank as f64, &styles.number)?;
        sheet.write_string_with_format(
            row,
            col_num(NAME_COL)?,
            fit(text(NAME_COL)),
            &styles.cell,
        )?;
        match csp.covered_share {
            Some(share) => {
                sheet.write_number_with_format(row, col_num(SHARE_COL)?, share, &styles.percent)?
            }
            // no item asked: no share (review 20 D-3)
            None => sheet.write_string_with_format(row, col_num(SHARE_COL)?, "—", &styles.cell)?,
        };
        for (k, status) in Status::ALL.iter().enumerate() {
            let n = csp.counts.count(*status);
            sheet.write_number_with_format(
                row,
                col_num(FIRST_COUNT_COL + k)?,
                n as f64,
                &styles.number,
            )?;
        }
        sheet.write_string_with_format(
            row,
            col_num(RUNS_ON_COL)?,
            fit(text(RUNS_ON_COL)),
            &styles.cell,
        )?;
        let registration = if csp.registration.is_void() {
            &styles.warning
        } else {
            &styles.cell
        };
        sheet.write_string_with_format(
            row,
            col_num(REGISTRATION_COL)?,
            fit(text(REGISTRATION_COL)),
            registration,
        )?;
        sheet.write_string_with_format(
            row,
            col_num(TIER_COL)?,
            fit(text(TIER_COL)),
            registration,
        )?;
        columns.fit_row(
            sheet,
            row,
            [NAME_COL, RUNS_ON_COL, REGISTRATION_COL, TIER_COL].map(|c| (c, text(c))),
        )?;
    }
    print_setup(
        sheet,
        &Print {
            footer,
            header_row: many.then_some(table_header),
            one_page: !many,
            fit_width: true,
            last_row: row,
            last_col: printed_last_col,
        },
    )?;
    if report.csps.is_empty() {
        return Ok(());
    }
    let first_csp_row = table_header + 1;
    let last_csp_row = row;

    // one cluster of bars per CSP, one bar per status; rank 1 on top
    let mut chart = Chart::new(ChartType::Bar);
    for (k, status) in Status::ALL.iter().enumerate() {
        // every status has a tone of its own (`Tone::from`)
        let (_, strong) = tone_colors(Tone::from(*status)).unwrap_or((Color::Silver, Color::Gray));
        let col = col_num(FIRST_COUNT_COL + k)?;
        let name_col = col_num(NAME_COL)?;
        chart
            .add_series()
            .set_name((sheet_name, table_header, col))
            .set_categories((sheet_name, first_csp_row, name_col, last_csp_row, name_col))
            .set_values((sheet_name, first_csp_row, col, last_csp_row, col))
            .set_format(
                ChartFormat::new()
                    .set_solid_fill(ChartSolidFill::new().set_color(strong))
                    .set_border(ChartLine::new().set_color(strong)),
            )
            .set_gap(50);
    }
    chart
        .title()
        .set_name(l("CSP別・判定別の件数", "Check items per CSP and status"));
    // in a bar chart the y axis is the categories' (the CSPs)
    chart
        .y_axis()
        .set_reverse()
        .set_crossing(ChartAxisCrossing::Max);
    chart.x_axis().set_name(l("件数", "Items"));
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart.set_width(CHART_WIDTH).set_height(chart_height);
    sheet.insert_chart(chart_row, 0, &chart)?;
    Ok(())
}

/// Sheet 2: one row per check item, one status column per CSP (rank order), each status
/// cell filled by its tone.
///
/// A matrix too big to be fitted ([`fitted`]: 1,000 items × 1,000 CSPs) gets its rows
/// later, written by us ([`MatrixRows`]): everything else of it is set here.
fn write_matrix<'r>(
    sheet: &mut Worksheet,
    report: &'r CompareReport,
    styles: &Styles,
    footer: &str,
    cuts: &mut Cuts,
) -> anyhow::Result<Option<MatrixRows<'r>>> {
    const ID_COL: usize = 0;
    const TITLE_COL: usize = 1;
    const FIRST_CSP_COL: usize = MATRIX_FIRST_CSP_COL;
    let lang = report.lang;
    let mut headers = cmp::matrix_headers(report);
    // each CSP's header says the tier it is ranked in
    for (header, csp) in headers.iter_mut().skip(FIRST_CSP_COL).zip(&report.csps) {
        header.push_str(&format!("\n({})", csp.tier.cell(lang)));
    }
    let last_row = row_num(report.items.len())?;
    let last_col = col_num(headers.len().saturating_sub(1))?;

    let widest = cmp::widest_status_cells(lang);
    let status_width = column_width(
        Status::ALL
            .iter()
            .map(|s| s.label(lang))
            .chain(widest.iter().map(String::as_str)),
    );
    // the id's and the title's columns fit their text and header
    let text_width = |text: fn(&CompareItem) -> &str, c: usize| {
        column_width((report.items.iter().map(text)).chain(headers.get(c).map(String::as_str)))
    };
    let widths = headers
        .iter()
        .enumerate()
        .map(|(c, header)| match c {
            ID_COL => text_width(|i| &i.id, c).min(16.0),
            // a check list's usual title (some twenty Japanese characters) on one line:
            // at 40, those a little longer took two lines among one-line rows (review 17
            // D-10)
            TITLE_COL => one_line_width(
                report
                    .items
                    .iter()
                    .map(|i| i.title.as_str())
                    .chain(headers.get(c).map(String::as_str)),
                MATRIX_TITLE_WIDTH,
            ),
            // a long CSP name wraps in the header rather than widen every column
            _ => status_width.max(column_width([header.as_str()]).min(24.0)),
        })
        .collect();
    let columns = Columns::new(widths);

    write_header_row(sheet, 0, &headers, &columns, styles)?;
    let rows = if fitted(report.items.len(), headers.len()) {
        let mut cells = Vec::new();
        for (r, item) in report.items.iter().enumerate() {
            let xr = row_num(r + 1)?;
            cmp::matrix_row(item, &report.csps, lang, &mut cells);
            for (c, cell) in cells.iter().enumerate() {
                let column = headers.get(c).map_or("", String::as_str);
                sheet.write_string(xr, col_num(c)?, cuts.fit(cell, &item.id, column))?;
            }
            // the CSP's status decides the fill, the matrix's text is what is written
            let formats = (0..cells.len()).map(|c| styles.toned(matrix_tone(item, c)));
            format_runs(sheet, xr, formats)?;
            columns.fit_row(
                sheet,
                xr,
                cells
                    .iter()
                    .enumerate()
                    .take(FIRST_CSP_COL)
                    .map(|(c, s)| (c, s.as_str())),
            )?;
        }
        None
    } else {
        // the tones the rows take, in the order the library would have registered their
        // formats in, row by row
        let mut tones: Vec<Tone> = Vec::new();
        'rows: for item in &report.items {
            for c in 0..FIRST_CSP_COL + item.statuses.0.len() {
                let tone = matrix_tone(item, c);
                if !tones.contains(&tone) {
                    tones.push(tone);
                    if tones.len() == TONES {
                        break 'rows;
                    }
                }
            }
        }
        let formats: Vec<&Format> = tones.iter().map(|t| styles.toned(*t)).collect();
        probe_styles(sheet, 1, &formats)?;
        Some(MatrixRows {
            report,
            headers,
            tones,
            last_row,
            last_col,
        })
    };
    finish_table(
        sheet,
        &Table {
            columns: &columns,
            last_row,
            last_col,
            last_printed: last_col,
            frozen_cols: col_num(FIRST_CSP_COL)?,
            fit_width: report.csps.len() <= ONE_PAGE_CSPS,
            footer,
        },
    )?;
    if report.csps.len() > ONE_PAGE_CSPS {
        // printed across pages: each page repeats the id and title, or its CSP columns
        // could not be read against the items
        sheet.set_repeat_columns(0, col_num(FIRST_CSP_COL - 1)?)?;
    }
    Ok(rows)
}

/// How many tones a matrix cell can take: plain, and one per status (every [`Tone`],
/// indexed by `tone as usize`).
const TONES: usize = 1 + Status::ALL.len();

/// The tone of the matrix's cell in column `c` of `item`'s row: the CSP's status decides
/// the fill (the id and title are plain).
fn matrix_tone(item: &CompareItem, c: usize) -> Tone {
    c.checked_sub(MATRIX_FIRST_CSP_COL)
        .and_then(|k| item.statuses.0.get(k))
        .map_or(Tone::Plain, |(_, s)| Tone::from(*s))
}

/// The rows of a matrix too big to be fitted, written after the workbook is saved
/// ([`save_with_rows`]): the same cells, in the same looks, as the library would have
/// written (the sheet's probe row gives the tones' style indices).
struct MatrixRows<'r> {
    report: &'r CompareReport,
    headers: Vec<String>,
    /// The tones probed, in order.
    tones: Vec<Tone>,
    last_row: RowNum,
    last_col: ColNum,
}

impl MatrixRows<'_> {
    /// Where the rows go: the workbook's sheet number `sheet` (from 1).
    fn deferred(&self, sheet: usize) -> Deferred {
        Deferred {
            sheet,
            first_row: 1,
            last_row: self.last_row,
            last_col: self.last_col,
        }
    }

    /// Writes the rows; a cell too long for Excel is cut and noted in `cuts`.
    fn write(&self, out: &mut SheetRows, cuts: &mut Cuts) -> anyhow::Result<()> {
        let mut style_of = [None; TONES];
        for (k, tone) in self.tones.iter().enumerate() {
            if let Some(slot) = style_of.get_mut(*tone as usize) {
                *slot = out.style(k);
            }
        }
        let lang = self.report.lang;
        let mut cells = Vec::new();
        for (r, item) in self.report.items.iter().enumerate() {
            out.start_row(row_num(r + 1)?);
            cmp::matrix_row(item, &self.report.csps, lang, &mut cells);
            for (c, cell) in cells.iter().enumerate() {
                let style = style_of
                    .get(matrix_tone(item, c) as usize)
                    .copied()
                    .flatten()
                    .context("a tone of the matrix was not probed")?;
                let column = self.headers.get(c).map_or("", String::as_str);
                out.text(col_num(c)?, &cuts.fit(cell, &item.id, column), style);
            }
            out.end_row()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csp_sheet_names_are_safe_short_and_unique() {
        assert_eq!(csp_sheet_name(1, "Alpha SaaS"), "1 Alpha SaaS");
        assert_eq!(csp_sheet_name(2, "a[b]:c*d?e/f\\g"), "2 a_b__c_d_e_f_g");
        assert_eq!(csp_sheet_name(3, "tab\there"), "3 tab_here");
        let long = csp_sheet_name(12, &"確".repeat(40));
        assert_eq!(long.encode_utf16().count(), 31);
        assert!(long.starts_with("12 確"), "{long}");
        // a surrogate pair is never split
        let emoji = csp_sheet_name(4, &"😀".repeat(20));
        assert_eq!(emoji, format!("4 {}", "😀".repeat(14)));
        // nor may a name end with an apostrophe
        assert_eq!(csp_sheet_name(5, "it's'"), "5 it's");
        assert_eq!(csp_sheet_name(6, ""), "6");
        let names: Vec<String> = (1..=1000)
            .map(|rank| csp_sheet_name(rank, &"Same name but long enough to be cut".repeat(2)))
            .collect();
        for name in &names {
            rust_xlsxwriter::utility::check_sheet_name(name).unwrap();
        }
        let mut unique: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
    }

    #[test]
    fn the_compare_summary_columns_are_those_the_headers_name() {
        let headers = cmp::summary_headers(Lang::En, false);
        assert_eq!(headers.len(), TIER_COL + 1);
        assert_eq!(headers[RANK_COL], "rank");
        assert_eq!(headers[NAME_COL], "CSP");
        assert_eq!(headers[SHARE_COL], "share covered");
        let ja = cmp::summary_headers(Lang::Ja, true);
        assert_eq!(ja[SHARE_COL], "充足率(本件対象外を除く)");
        for (k, status) in Status::ALL.iter().enumerate() {
            assert_eq!(headers[FIRST_COUNT_COL + k], status.label(Lang::En));
        }
        assert_eq!(headers[RUNS_ON_COL], "runs on");
        assert_eq!(headers[REGISTRATION_COL], "registration");
        assert_eq!(headers[TIER_COL], "tier");
    }

    #[test]
    fn the_compare_chart_grows_with_the_csps_within_a_bound() {
        assert!(compare_chart_height(3) >= 300);
        assert!(compare_chart_height(20) > compare_chart_height(3));
        assert_eq!(compare_chart_height(1000), compare_chart_height(usize::MAX));
    }
}
