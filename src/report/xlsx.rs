//! Excel workbooks (rust_xlsxwriter): input text always written as text, never as formulas.
use std::borrow::Cow;
use std::io::Write;

use anyhow::Context;
use rust_xlsxwriter::{
    Chart, ChartAxisCrossing, ChartDataLabel, ChartFormat, ChartLegendPosition, ChartLine,
    ChartSolidFill, ChartType, ColNum, Color, DataValidation, DocProperties, ExcelDateTime, Format,
    FormatAlign, FormatBorder, RowNum, Workbook, Worksheet,
};
use unicode_width::UnicodeWidthStr;

use crate::analysis::compare::{CompareReport, MAX_DETAIL_SHEETS};
use crate::analysis::csp::Registration;
use crate::analysis::readiness::{ItemState, ReadinessReport};
use crate::analysis::{GapReport, Status};
use crate::date::Date;
use crate::lang::Lang;
use crate::output::SeekWrite;
use crate::report::compare as cmp;
use crate::report::gap::{
    covered_means, item_cells, item_sheet_headers, objective_state_label, objective_tone,
    ROW_COLUMN, STATUS_COLUMN,
};
use crate::report::grid::{Grid, Tone};
use crate::report::readiness as soa;
use crate::report::suggest::SheetOut as SuggestSheet;
use crate::report::CellStrings;
use crate::text::strip_controls;

/// Renders an xlsx (`render`) into a stream that cannot seek, through a buffer: a
/// command writing a file hands the file itself instead
/// ([`crate::output::Destination::write_seekable_with`]).
pub fn buffered(
    w: &mut dyn Write,
    render: impl FnOnce(&mut dyn SeekWrite) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut buffer = std::io::Cursor::new(Vec::new());
    render(&mut buffer)?;
    w.write_all(buffer.get_ref())?;
    Ok(())
}

/// Excel's limit on the text of one cell, in UTF-16 code units.
const MAX_CELL_UTF16: usize = 32_767;
/// Deflate level of the xlsx container. rust_xlsxwriter's default is 6; 3 is what it
/// recommends for speed. Level 1 writes a 100,000-row report about 10 % faster than 2
/// (deflate is a quarter of the run), for a file about a fifth larger (BENCHMARKS.md).
const ZIP_LEVEL: u8 = 1;
/// Narrowest and widest automatic column width, in Excel's character units.
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 60;

/// Sheet names, in the report's language.
pub fn sheet_names(lang: Lang) -> [&'static str; 3] {
    [
        lang.pick("概要", "Summary"),
        lang.pick("ギャップ", "Gaps"),
        lang.pick("統制目標", "Objectives"),
    ]
}

/// The reviewer's choices offered in the decision column's drop-down list.
pub fn decision_choices(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Ja => ["要", "不要", "検討中"],
        Lang::En => ["needed", "not needed", "under review"],
    }
}

/// Headers of the two columns left for the reviewer: the decision, then a comment.
pub fn reviewer_headers(lang: Lang) -> [&'static str; 2] {
    [
        lang.pick("追加手続の要否", "Additional procedure needed?"),
        lang.pick("レビューコメント", "Reviewer comment"),
    ]
}

/// Text that fits one cell: longer input is cut (on a char boundary) and ends with `…`.
fn fit(s: &str) -> Cow<'_, str> {
    if s.len() <= MAX_CELL_UTF16 || s.encode_utf16().count() <= MAX_CELL_UTF16 {
        return Cow::Borrowed(s);
    }
    let mut units = 0;
    let mut out = String::new();
    for c in s.chars() {
        units += c.len_utf16();
        if units > MAX_CELL_UTF16 - 1 {
            break;
        }
        out.push(c);
    }
    out.push('…');
    Cow::Owned(out)
}

/// The cells of input text cut by [`fit`], for a warning that names each one: the xlsx
/// is written (exit 0), but nothing is shortened without a word.
#[derive(Default)]
struct Cuts(Vec<String>);

impl Cuts {
    /// [`fit`], noting the cell (the item's id, the column's header) when it is cut.
    fn fit<'a>(&mut self, s: &'a str, item: &str, column: &str) -> Cow<'a, str> {
        let fitted = fit(s);
        if matches!(fitted, Cow::Owned(_)) {
            self.0.push(format!(
                "item {}, column '{}': {} characters, over the {} a spreadsheet cell holds: cut in the xlsx (the CSV and JSON outputs keep it whole)",
                strip_controls(item),
                strip_controls(column),
                s.chars().count(),
                MAX_CELL_UTF16
            ));
        }
        fitted
    }

    /// The warnings, on stderr, each once (a compare workbook writes an item on several
    /// sheets).
    fn warn(self) {
        let mut seen = std::collections::HashSet::new();
        for cut in self.0 {
            if seen.insert(cut.clone()) {
                eprintln!("warning: {cut}");
            }
        }
    }
}

/// A column width for these texts: the widest line, within [`MIN_WIDTH`, `MAX_WIDTH`].
fn column_width<'a>(texts: impl IntoIterator<Item = &'a str>) -> f64 {
    let widest = texts
        .into_iter()
        .flat_map(str::lines)
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0);
    (widest + 2).clamp(MIN_WIDTH, MAX_WIDTH) as f64
}

/// Widens `width` to fit `text`, measuring only text that might be wider: a line is never
/// wider than its UTF-8 bytes (a wide character takes three or more).
fn widen(width: &mut f64, text: &str) {
    if *width < MAX_WIDTH as f64 && (text.len() + 2) as f64 > *width {
        *width = width.max(column_width([text]));
    }
}

/// The width of a grid's column: its header and every cell of it.
fn grid_column_width(grid: &Grid, c: usize) -> f64 {
    column_width(
        grid.rows
            .iter()
            .filter_map(|r| r.get(c))
            .map(String::as_str)
            .chain(grid.headers.get(c).map(String::as_str)),
    )
}

/// Light fill of a cell, and a stronger colour for the chart, per tone.
fn tone_colors(tone: Tone) -> Option<(Color, Color)> {
    match tone {
        Tone::Good => Some((Color::RGB(0xC6EFCE), Color::RGB(0x70AD47))),
        Tone::Warn => Some((Color::RGB(0xFFEB9C), Color::RGB(0xFFC000))),
        Tone::Caution => Some((Color::RGB(0xFCE4D6), Color::RGB(0xED7D31))),
        Tone::Bad => Some((Color::RGB(0xFFC7CE), Color::RGB(0xC00000))),
        Tone::Alert => Some((Color::RGB(0xD9D2E9), Color::RGB(0x7030A0))),
        Tone::Unknown => Some((Color::RGB(0xE7E6E6), Color::RGB(0x767171))),
        Tone::Plain => None,
    }
}

fn row_num(i: usize) -> anyhow::Result<RowNum> {
    RowNum::try_from(i).context("too many rows for a worksheet")
}

fn col_num(i: usize) -> anyhow::Result<ColNum> {
    ColNum::try_from(i).context("too many columns for a worksheet")
}

/// The formats every sheet uses.
struct Styles {
    title: Format,
    label: Format,
    text: Format,
    header: Format,
    cell: Format,
    reviewer: Format,
    warning: Format,
    number: Format,
    percent: Format,
    total: Format,
    total_percent: Format,
    /// Table cells filled by tone, built once: `toned` hands out references.
    good: Format,
    warn: Format,
    caution: Format,
    bad: Format,
    alert: Format,
    unknown: Format,
}

impl Styles {
    fn new() -> Styles {
        let cell = Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin);
        let fill = |tone| match tone_colors(tone) {
            Some((light, _)) => cell.clone().set_background_color(light),
            None => cell.clone(),
        };
        Styles {
            good: fill(Tone::Good),
            warn: fill(Tone::Warn),
            caution: fill(Tone::Caution),
            bad: fill(Tone::Bad),
            alert: fill(Tone::Alert),
            unknown: fill(Tone::Unknown),
            title: Format::new().set_bold().set_font_size(14),
            label: Format::new().set_bold().set_align(FormatAlign::Top),
            text: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            header: cell
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0xD9D9D9)),
            reviewer: cell.clone().set_background_color(Color::RGB(0xDDEBF7)),
            cell,
            warning: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_font_color(Color::RGB(0xC00000)),
            number: Format::new().set_border(FormatBorder::Thin),
            percent: Format::new()
                .set_border(FormatBorder::Thin)
                .set_num_format("0.0%"),
            total: Format::new().set_bold().set_border(FormatBorder::Thin),
            total_percent: Format::new()
                .set_bold()
                .set_border(FormatBorder::Thin)
                .set_num_format("0.0%"),
        }
    }

    /// A table cell filled with the tone's colour.
    fn toned(&self, tone: Tone) -> &Format {
        match tone {
            Tone::Good => &self.good,
            Tone::Warn => &self.warn,
            Tone::Caution => &self.caution,
            Tone::Bad => &self.bad,
            Tone::Alert => &self.alert,
            Tone::Unknown => &self.unknown,
            Tone::Plain => &self.cell,
        }
    }
}

/// Gives the cells of `row` (blank ones included), from column 0 on, their `formats`:
/// one call per run of cells in the same format, as rust_xlsxwriter hashes a Format on
/// every call. In a "constant memory" sheet only the row being written can be formatted.
fn format_runs<'f>(
    sheet: &mut Worksheet,
    row: RowNum,
    formats: impl IntoIterator<Item = &'f Format>,
) -> anyhow::Result<()> {
    let mut run: Option<(ColNum, ColNum, &Format)> = None;
    for (c, format) in formats.into_iter().enumerate() {
        let c = col_num(c)?;
        match &mut run {
            Some((_, last, f)) if std::ptr::eq(*f, format) => *last = c,
            _ => {
                if let Some((first, last, f)) = run {
                    sheet.set_range_format(row, first, row, last, f)?;
                }
                run = Some((c, c, format));
            }
        }
    }
    if let Some((first, last, f)) = run {
        sheet.set_range_format(row, first, row, last, f)?;
    }
    Ok(())
}

/// Column headers across `row`, from column 0.
fn write_header_row(
    sheet: &mut Worksheet,
    row: RowNum,
    headers: &[String],
    styles: &Styles,
) -> anyhow::Result<()> {
    for (c, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(row, col_num(c)?, fit(header), &styles.header)?;
    }
    Ok(())
}

/// An empty workbook whose properties (docProps/core.xml) hold `title` and the fixed
/// creation date `created`, never the clock: same report, same bytes.
fn new_workbook(title: &str, created: &ExcelDateTime) -> Workbook {
    let mut workbook = Workbook::new();
    let properties = DocProperties::new()
        .set_title(title)
        .set_creation_datetime(created);
    workbook.set_properties(&properties);
    workbook.set_zip_compression_level(ZIP_LEVEL);
    workbook
}

/// A sheet of one row per item, in "constant memory" mode: each row goes to a temporary
/// file once the next one is begun, and its strings are written inline, not shared. So
/// its cells must be written row by row, top to bottom (a write to an earlier row would be
/// lost); column widths, panes, filters and validations may still come after the rows.
fn add_row_sheet<'a>(workbook: &'a mut Workbook, name: &str) -> anyhow::Result<&'a mut Worksheet> {
    let sheet = workbook
        .add_worksheet_with_constant_memory()
        .context("cannot create a temporary file for the workbook")?;
    sheet.set_name(name)?;
    Ok(sheet)
}

/// The workbook's creation time: a report's as-of date, never the clock.
fn created_on(date: Date) -> anyhow::Result<ExcelDateTime> {
    Ok(ExcelDateTime::from_ymd(
        u16::try_from(date.year).unwrap_or(2000),
        u8::try_from(date.month).unwrap_or(1),
        u8::try_from(date.day).unwrap_or(1),
    )
    .or_else(|_| ExcelDateTime::from_ymd(2000, 1, 1))?)
}

/// A label in the first column, then text across columns 1..=`last_col` (merged, in
/// `format`), the row as tall as the text's lines at `width` characters.
#[allow(clippy::too_many_arguments)]
fn write_note(
    sheet: &mut Worksheet,
    row: RowNum,
    label: &str,
    label_format: &Format,
    text: &str,
    format: &Format,
    last_col: ColNum,
    width: f64,
) -> anyhow::Result<()> {
    sheet.write_string_with_format(row, 0, label, label_format)?;
    let text = fit(text);
    if last_col > 1 {
        sheet.merge_range(row, 1, row, last_col, &text, format)?;
        let lines = text
            .lines()
            .map(|line| (line.width() as f64 / width).ceil().max(1.0))
            .sum::<f64>()
            .clamp(1.0, 20.0);
        sheet.set_row_height(row, 15.0 * lines)?;
    } else {
        sheet.write_string_with_format(row, 1, &*text, format)?;
    }
    Ok(())
}

/// The gap report workbook: summary, gap sheet, objectives sheet.
pub fn render_gap(report: &GapReport, w: &mut dyn SeekWrite) -> anyhow::Result<()> {
    let mut workbook = gap_workbook(report)?;
    workbook.save_to_writer(w)?;
    Ok(())
}

/// The workbook, ready to save; the same report always gives the same bytes.
fn gap_workbook(report: &GapReport) -> anyhow::Result<Workbook> {
    let lang = report.lang;
    let styles = Styles::new();
    let [summary_name, gaps_name, objectives_name] = sheet_names(lang);
    let created = created_on(report.as_of)?;
    let mut workbook = new_workbook(title(lang), &created);

    let sheet = workbook.add_worksheet();
    sheet.set_name(summary_name)?;
    write_summary(sheet, report, &styles, summary_name)?;

    let sheet = add_row_sheet(&mut workbook, gaps_name)?;
    let mut cuts = Cuts::default();
    write_gaps(sheet, report, &styles, &mut cuts)?;
    cuts.warn();

    let sheet = workbook.add_worksheet();
    sheet.set_name(objectives_name)?;
    write_objectives(sheet, report, &styles)?;

    Ok(workbook)
}

fn title(lang: Lang) -> &'static str {
    lang.pick("ISMAP ギャップレポート", "ISMAP gap report")
}

/// A value of the facts list: input text, a count, or nothing known.
enum Fact {
    Text(String),
    Count(usize),
    Unknown,
}

fn opt_text<T: ToString>(v: Option<T>) -> Fact {
    v.map_or(Fact::Unknown, |v| Fact::Text(v.to_string()))
}

/// Sheet 1: facts, warnings, counts per status and a chart of them.
fn write_summary(
    sheet: &mut Worksheet,
    report: &GapReport,
    styles: &Styles,
    sheet_name: &str,
) -> anyhow::Result<()> {
    let lang = report.lang;
    let l = |ja, en| lang.pick(ja, en);
    let csp = &report.csp;
    sheet.set_column_width(0, 30)?;
    sheet.set_column_width(1, 50)?;
    sheet.set_column_width(2, 12)?;
    sheet.write_string_with_format(0, 0, title(lang), &styles.title)?;

    let unknown_ids = csp
        .unknown_ids
        .iter()
        .map(|u| {
            if u.suggestions.is_empty() {
                u.id.clone()
            } else {
                format!(
                    "{} ({} {})",
                    u.id,
                    l("候補:", "did you mean"),
                    u.suggestions.join(", ")
                )
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let checks_source = match report.checks.sheets.as_slice() {
        [] => report.checks.source.clone(),
        sheets => format!("{} [{}]", report.checks.source, sheets.join(", ")),
    };
    let facts: Vec<(&str, Fact)> = vec![
        (l("CSP", "CSP"), Fact::Text(csp.name.clone())),
        (
            l("統制目標一覧", "CSP list"),
            Fact::Text(csp.source.clone()),
        ),
        (
            l("読み取り", "Read as"),
            Fact::Text(crate::report::gap::read_as_text(&csp.read_as, lang)),
        ),
        (
            l("登録番号", "Registration number"),
            opt_text(csp.registration_number.as_ref()),
        ),
        (
            l("登録の種類", "Registration kind"),
            opt_text(csp.registration_kind.map(|k| k.label())),
        ),
        (l("登録日", "Registered"), opt_text(csp.registered)),
        (
            l("更新期限", "Renewal deadline"),
            opt_text(csp.renewal_deadline),
        ),
        (
            l("登録の有効性", "Registration"),
            Fact::Text(csp.registration.label(lang).to_owned()),
        ),
        (
            l("監査対象期間", "Audit period"),
            opt_text(csp.audit_period),
        ),
        (
            l("言明の対象範囲", "Scope of the statement"),
            if csp.scope.is_empty() {
                Fact::Unknown
            } else {
                Fact::Text(csp.scope.join("\n"))
            },
        ),
        (
            l("準拠法", "Governing law"),
            opt_text(csp.governing_law.as_ref()),
        ),
        (
            l("裁判管轄", "Jurisdiction"),
            opt_text(csp.jurisdiction.as_ref()),
        ),
        (
            l("後発事象", "Subsequent events"),
            opt_text(csp.subsequent_events.as_ref()),
        ),
        (
            l("改善計画", "Improvement plan"),
            opt_text(csp.improvement_plan.as_ref()),
        ),
        (
            l("記載された必須の統制目標", "Mandatory objectives stated"),
            Fact::Text(format!(
                "{} / {}",
                csp.list.stated_objectives, csp.list.mandatory_objectives
            )),
        ),
        (
            l("実施と記載された項目", "Implemented (listed)"),
            Fact::Count(csp.implemented),
        ),
        (
            l("非該当", "Not applicable"),
            Fact::Count(csp.not_applicable),
        ),
        (
            l("無視した語", "Ignored tokens"),
            Fact::Count(csp.ignored_tokens),
        ),
        (
            l("カタログにないID", "Ids not in the catalog"),
            Fact::Text(unknown_ids),
        ),
        (
            l("カタログ", "Catalog"),
            Fact::Text(format!(
                "{} {}",
                report.catalog.name, report.catalog.version
            )),
        ),
        (l("確認項目", "Check items"), Fact::Text(checks_source)),
        (
            crate::report::gap::edition_label(lang),
            Fact::Text(
                crate::report::gap::edition_text(&report.checks.iso_edition, lang).unwrap_or_else(
                    || {
                        l(
                            "判断不要(版で読み方が変わる参照なし)",
                            "not needed (no reference depends on it)",
                        )
                        .to_owned()
                    },
                ),
            ),
        ),
        (l("基準日", "As of"), Fact::Text(report.as_of.to_string())),
        (
            l("未解決の参照", "Unresolved references"),
            Fact::Count(report.summary.unresolved_references),
        ),
    ];
    let mut row: RowNum = 2;
    for (label, fact) in &facts {
        sheet.write_string_with_format(row, 0, *label, &styles.label)?;
        match fact {
            Fact::Text(t) if !t.is_empty() => {
                sheet.write_string_with_format(row, 1, fit(t), &styles.text)?;
            }
            Fact::Count(n) => {
                sheet.write_number(row, 1, *n as f64)?;
            }
            Fact::Text(_) | Fact::Unknown => {
                sheet.write_string_with_format(row, 1, "—", &styles.text)?;
            }
        }
        row += 1;
    }

    sheet.write_string_with_format(row, 0, l("充足の意味", "Covered means"), &styles.label)?;
    sheet.write_string_with_format(row, 1, covered_means(lang), &styles.text)?;
    row += 2;
    let warning_label = l("警告", "Warning");
    if report.warnings.is_empty() {
        sheet.write_string_with_format(row, 0, warning_label, &styles.label)?;
        sheet.write_string_with_format(row, 1, l("なし", "none"), &styles.text)?;
        row += 1;
    }
    for warning in &report.warnings {
        sheet.write_string_with_format(row, 0, warning_label, &styles.warning)?;
        sheet.write_string_with_format(row, 1, fit(&warning.message), &styles.warning)?;
        row += 1;
    }

    // counts per status: the table the chart reads
    row += 1;
    let table_header = row;
    sheet.write_string_with_format(row, 0, l("判定", "Status"), &styles.header)?;
    sheet.write_string_with_format(row, 1, l("件数", "Items"), &styles.header)?;
    sheet.write_string_with_format(row, 2, l("割合", "Share"), &styles.header)?;
    let summary = &report.summary;
    let share = |n: usize| {
        if summary.total == 0 {
            0.0
        } else {
            n as f64 / summary.total as f64
        }
    };
    let mut chart_colors: Vec<Color> = Vec::new();
    for status in Status::ALL {
        row += 1;
        let tone = Tone::from(status);
        let n = summary.count(status);
        sheet.write_string_with_format(row, 0, status.label(lang), styles.toned(tone))?;
        sheet.write_number_with_format(row, 1, n as f64, &styles.number)?;
        sheet.write_number_with_format(row, 2, share(n), &styles.percent)?;
        chart_colors.push(tone_colors(tone).map_or(Color::Gray, |(_, strong)| strong));
    }
    let last_status_row = row;
    row += 1;
    sheet.write_string_with_format(row, 0, l("合計", "Total"), &styles.total)?;
    sheet.write_number_with_format(row, 1, summary.total as f64, &styles.total)?;
    sheet.write_number_with_format(row, 2, share(summary.total), &styles.total_percent)?;
    row += 1;
    sheet.write_string_with_format(row, 0, l("充足率", "Share covered"), &styles.total)?;
    sheet.write_number_with_format(row, 1, summary.covered_share, &styles.total_percent)?;
    sheet.set_column_width(3, 2)?;

    let mut chart = Chart::new(ChartType::Column);
    chart
        .add_series()
        .set_name(l("件数", "Items"))
        .set_categories((sheet_name, table_header + 1, 0, last_status_row, 0))
        .set_values((sheet_name, table_header + 1, 1, last_status_row, 1))
        .set_point_colors(&chart_colors)
        .set_data_label(ChartDataLabel::new().show_value());
    chart
        .title()
        .set_name(l("判定別の件数", "Check items per status"));
    chart.legend().set_hidden();
    sheet.insert_chart(table_header, 4, &chart)?;

    Ok(())
}

/// Sheet 2: one row per check item, the carried-through columns, two reviewer columns.
fn write_gaps(
    sheet: &mut Worksheet,
    report: &GapReport,
    styles: &Styles,
    cuts: &mut Cuts,
) -> anyhow::Result<()> {
    let lang = report.lang;
    let headers = item_sheet_headers(report);
    let reviewer = reviewer_headers(lang);
    let decision_col = col_num(headers.len())?;
    let comment_col = col_num(headers.len() + 1)?;
    let last_row = row_num(report.items.len())?;

    write_header_row(sheet, 0, &headers, styles)?;
    sheet.write_string_with_format(0, decision_col, reviewer[0], &styles.header)?;
    sheet.write_string_with_format(0, comment_col, reviewer[1], &styles.header)?;

    // the widest line of each column, header included, measured as the rows are written
    let mut widths: Vec<f64> = headers.iter().map(|h| column_width([h.as_str()])).collect();
    let last_item_col = col_num(headers.len().saturating_sub(1))?;
    // The table's look, once per column rather than per row: a cell written without a
    // format takes its column's (borders, wrap; the row number plain; the reviewer's two
    // columns filled), and an empty cell shows it too. Only the header and the status
    // name a format of their own: rust_xlsxwriter hashes a Format on every call that does.
    sheet.set_column_range_format(0, last_item_col, &styles.cell)?;
    sheet.set_column_range_format(decision_col, comment_col, &styles.reviewer)?;
    if ROW_COLUMN < headers.len() {
        sheet.set_column_format(col_num(ROW_COLUMN)?, &styles.number)?;
    }
    let mut row = CellStrings::default();
    for (r, item) in report.items.iter().enumerate() {
        let xr = row_num(r + 1)?;
        row.clear();
        item_cells(item, &report.items.details(item), lang, &mut row);
        let cells = row.as_slice();
        for (c, cell) in cells.iter().enumerate() {
            if c != ROW_COLUMN && c != STATUS_COLUMN {
                let column = headers.get(c).map_or("", String::as_str);
                sheet.write_string(xr, col_num(c)?, cuts.fit(cell, &item.id, column))?;
            }
            if let Some(w) = widths.get_mut(c) {
                widen(w, cell);
            }
        }
        if let Some(status) = cells.get(STATUS_COLUMN) {
            let toned = styles.toned(item.status.into());
            sheet.write_string_with_format(xr, col_num(STATUS_COLUMN)?, fit(status), toned)?;
        }
        if ROW_COLUMN < cells.len() {
            // the input row number is written as a number, every other cell as text
            let xc = col_num(ROW_COLUMN)?;
            sheet.write_number(xr, xc, item.row as f64)?;
        }
    }
    // the status column fits every status label, whichever occur
    if let Some(w) = widths.get_mut(STATUS_COLUMN) {
        *w = w.max(column_width(Status::ALL.iter().map(|s| s.label(lang))));
    }

    if last_row > 0 {
        let validation = DataValidation::new()
            .allow_list_strings(&decision_choices(lang))?
            .set_input_title(reviewer[0])?
            .set_input_message(lang.pick(
                "追加の確認手続が要るかを選んでください",
                "Choose whether an additional procedure is needed",
            ))?
            .set_error_message(
                lang.pick("一覧から選んでください", "choose a value from the list"),
            )?;
        sheet.add_data_validation(1, decision_col, last_row, decision_col, &validation)?;
    }

    for (c, width) in widths.iter().enumerate() {
        sheet.set_column_width(col_num(c)?, *width)?;
    }
    sheet.set_column_width(decision_col, column_width([reviewer[0]]).min(20.0))?;
    sheet.set_column_width(comment_col, 40)?;
    sheet.set_freeze_panes(1, 2)?;
    sheet.autofilter(0, 0, last_row, comment_col)?;
    Ok(())
}

/// Sheet 3: every catalog item and the CSP's state for it.
fn write_objectives(
    sheet: &mut Worksheet,
    report: &GapReport,
    styles: &Styles,
) -> anyhow::Result<()> {
    let lang = report.lang;
    let l = |ja, en| lang.pick(ja, en);
    let headers = [
        l("番号", "id"),
        l("区分", "layer"),
        l("名称", "title"),
        l("CSPの記載", "state"),
        l("理由", "reason"),
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, col_num(c)?, *h, &styles.header)?;
    }
    for (r, o) in report.objectives.iter().enumerate() {
        let xr = row_num(r + 1)?;
        sheet.write_string_with_format(xr, 0, fit(&o.id), &styles.cell)?;
        sheet.write_string_with_format(xr, 1, o.layer.label(lang), &styles.cell)?;
        sheet.write_string_with_format(xr, 2, fit(&o.title), &styles.cell)?;
        sheet.write_string_with_format(
            xr,
            3,
            objective_state_label(o.state, lang),
            styles.toned(objective_tone(o.state)),
        )?;
        let reason = o.reason.as_deref().unwrap_or("");
        sheet.write_string_with_format(xr, 4, fit(reason), &styles.cell)?;
    }
    let last_row = row_num(report.objectives.len())?;
    sheet.set_column_width(
        0,
        column_width(
            report
                .objectives
                .iter()
                .map(|o| o.id.as_str())
                .chain([headers[0]]),
        ),
    )?;
    sheet.set_column_width(1, 16)?;
    sheet.set_column_width(
        2,
        column_width(
            report
                .objectives
                .iter()
                .map(|o| o.title.as_str())
                .chain([headers[2]]),
        ),
    )?;
    sheet.set_column_width(3, 14)?;
    sheet.set_column_width(4, 40)?;
    sheet.set_freeze_panes(1, 1)?;
    sheet.autofilter(0, 0, last_row, 4)?;
    Ok(())
}

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
    let mut workbook = compare_workbook(report)?;
    workbook.save_to_writer(w)?;
    Ok(())
}

/// The workbook, ready to save; the same report always gives the same bytes.
fn compare_workbook(report: &CompareReport) -> anyhow::Result<Workbook> {
    let lang = report.lang;
    let styles = Styles::new();
    let [summary_name, matrix_name] = compare_sheet_names(lang);
    let mut workbook = new_workbook(cmp::title(lang), &created_on(report.as_of)?);

    let sheet = workbook.add_worksheet();
    sheet.set_name(summary_name)?;
    write_compare_summary(sheet, report, &styles, summary_name)?;

    let sheet = add_row_sheet(&mut workbook, matrix_name)?;
    let mut cuts = Cuts::default();
    write_matrix(sheet, report, &styles, &mut cuts)?;

    // the gap reports are there only when the CSPs are few enough
    for (csp, detail) in report.csps.iter().zip(&report.details) {
        let sheet = add_row_sheet(&mut workbook, &csp_sheet_name(csp.rank, &csp.name))?;
        write_gaps(sheet, detail, &styles, &mut cuts)?;
    }
    cuts.warn();

    Ok(workbook)
}

/// Columns of the per-CSP table ([`cmp::summary_headers`]): rank, name, share covered,
/// then one count per status in [`Status::ALL`] order, then the service it runs on.
const RANK_COL: usize = 0;
const NAME_COL: usize = 1;
const SHARE_COL: usize = 2;
const FIRST_COUNT_COL: usize = 3;
const RUNS_ON_COL: usize = FIRST_COUNT_COL + Status::ALL.len();
const REGISTRATION_COL: usize = RUNS_ON_COL + 1;

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

/// Sheet 1: sources, notes, the per-CSP table and a clustered bar chart of it.
fn write_compare_summary(
    sheet: &mut Worksheet,
    report: &CompareReport,
    styles: &Styles,
    sheet_name: &str,
) -> anyhow::Result<()> {
    let lang = report.lang;
    let l = |ja, en| lang.pick(ja, en);
    let grid = cmp::summary_grid(report);
    let last_col = col_num(grid.headers.len().saturating_sub(1))?;

    let checks_source = match report.checks.sheets.as_slice() {
        [] => report.checks.source.clone(),
        sheets => format!("{} [{}]", report.checks.source, sheets.join(", ")),
    };
    let facts = [
        (l("確認項目", "Check items"), checks_source),
        (
            l("カタログ", "Catalog"),
            format!("{} {}", report.catalog.name, report.catalog.version),
        ),
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
            .chain([details_label, l("CSP数", "CSPs"), l("警告", "Warning")])
            .chain([grid.headers[RANK_COL].as_str()]),
    )
    .min(24.0);
    for (c, header) in grid.headers.iter().enumerate().skip(NAME_COL) {
        widths[c] = match c {
            NAME_COL | RUNS_ON_COL | REGISTRATION_COL => grid_column_width(&grid, c).max(12.0),
            _ => column_width([header.as_str()]).max(COUNT_WIDTH),
        };
    }
    for (c, width) in widths.iter().enumerate() {
        sheet.set_column_width(col_num(c)?, *width)?;
    }
    let note_width: f64 = widths.iter().skip(1).sum();

    sheet.write_string_with_format(0, 0, cmp::title(lang), &styles.title)?;
    let mut row: RowNum = 2;
    for (label, value) in &facts {
        write_note(
            sheet,
            row,
            label,
            &styles.label,
            value,
            &styles.text,
            last_col,
            note_width,
        )?;
        row += 1;
    }
    sheet.write_string_with_format(row, 0, l("CSP数", "CSPs"), &styles.label)?;
    sheet.write_number(row, 1, report.csps.len() as f64)?;
    row += 1;
    let details_format = if report.details.is_empty() {
        &styles.warning
    } else {
        &styles.text
    };
    write_note(
        sheet,
        row,
        details_label,
        &styles.label,
        &details_note,
        details_format,
        last_col,
        note_width,
    )?;
    row += 1;
    for warning in &warnings {
        write_note(
            sheet,
            row,
            l("警告", "Warning"),
            &styles.warning,
            warning,
            &styles.warning,
            last_col,
            note_width,
        )?;
        row += 1;
    }

    // the per-CSP table, numbers as numbers: what the chart reads
    row += 1;
    let table_header = row;
    write_header_row(sheet, row, &grid.headers, styles)?;
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
        sheet.write_number_with_format(
            row,
            col_num(SHARE_COL)?,
            csp.covered_share,
            &styles.percent,
        )?;
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
        let registration = if csp.registration == Registration::Lapsed {
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
    }
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
    chart
        .set_width(720)
        .set_height(compare_chart_height(report.csps.len()));
    sheet.insert_chart(table_header, last_col + 2, &chart)?;
    Ok(())
}

/// Sheet 2: one row per check item, one status column per CSP (rank order), each status
/// cell filled by its tone.
fn write_matrix(
    sheet: &mut Worksheet,
    report: &CompareReport,
    styles: &Styles,
    cuts: &mut Cuts,
) -> anyhow::Result<()> {
    const ID_COL: usize = 0;
    const TITLE_COL: usize = 1;
    const FIRST_CSP_COL: usize = 2;
    let lang = report.lang;
    let grid = cmp::matrix_grid(report);
    let last_row = row_num(grid.rows.len())?;
    let last_col = col_num(grid.headers.len().saturating_sub(1))?;

    write_header_row(sheet, 0, &grid.headers, styles)?;
    for (r, (cells, item)) in grid.rows.iter().zip(&report.items).enumerate() {
        let xr = row_num(r + 1)?;
        for (c, cell) in cells.iter().enumerate() {
            let column = grid.headers.get(c).map_or("", String::as_str);
            sheet.write_string(xr, col_num(c)?, cuts.fit(cell, &item.id, column))?;
        }
        // the CSP's status decides the fill, the grid's text is what is written
        let formats = (0..cells.len()).map(|c| match c.checked_sub(FIRST_CSP_COL) {
            Some(k) => item
                .statuses
                .0
                .get(k)
                .map_or(&styles.cell, |(_, s)| styles.toned(Tone::from(*s))),
            None => &styles.cell,
        });
        format_runs(sheet, xr, formats)?;
    }

    let status_width = column_width(Status::ALL.iter().map(|s| s.label(lang)));
    for (c, header) in grid.headers.iter().enumerate() {
        let width = match c {
            ID_COL | TITLE_COL => grid_column_width(&grid, c),
            // a long CSP name wraps in the header rather than widen every column
            _ => status_width.max(column_width([header.as_str()]).min(24.0)),
        };
        sheet.set_column_width(col_num(c)?, width)?;
    }
    sheet.set_freeze_panes(1, col_num(FIRST_CSP_COL)?)?;
    sheet.autofilter(0, 0, last_row, last_col)?;
    Ok(())
}

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

    let sheet = workbook.add_worksheet();
    sheet.set_name(summary_name)?;
    write_readiness_summary(sheet, report, &styles, summary_name)?;

    let sheet = workbook.add_worksheet();
    sheet.set_name(soa_name)?;
    write_readiness_items(sheet, &soa::item_grid(report, false), lang, &styles)?;

    let sheet = workbook.add_worksheet();
    sheet.set_name(findings_name)?;
    write_readiness_items(sheet, &soa::item_grid(report, true), lang, &styles)?;

    Ok(workbook)
}

/// The chart's series: (column of the per-group table, tone, strong colour), one for each
/// state a required item can be in, so that a group's stack is its required items.
const READINESS_SERIES: [(usize, Tone, bool); 5] = [
    (2, Tone::Good, true),  // implemented
    (3, Tone::Good, false), // N/A with reason
    (5, Tone::Warn, true),  // planned
    (4, Tone::Bad, false),  // N/A without reason
    (6, Tone::Bad, true),   // missing
];

/// Width of the per-group table's count columns, in Excel's character units.
const COUNT_WIDTH: f64 = 12.0;

/// Sheet 1: sources, readiness, notes, the per-group table and a chart of it.
fn write_readiness_summary(
    sheet: &mut Worksheet,
    report: &ReadinessReport,
    styles: &Styles,
    sheet_name: &str,
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
    sheet.set_column_width(0, label_width)?;
    for c in 1..=last_col {
        sheet.set_column_width(c, COUNT_WIDTH)?;
    }

    sheet.write_string_with_format(0, 0, soa::title(lang), &styles.title)?;
    let mut row: RowNum = 2;
    for (label, value) in &facts {
        sheet.write_string_with_format(row, 0, *label, &styles.label)?;
        sheet.write_string_with_format(row, 1, fit(value), &styles.text)?;
        row += 1;
    }
    sheet.write_string_with_format(row, 0, soa::readiness_label(lang), &styles.label)?;
    sheet.write_number_with_format(row, 1, report.summary.readiness, &styles.total_percent)?;
    row += 1;
    // a note spans the table's width, wrapped
    let note_width = COUNT_WIDTH * f64::from(last_col);
    for note in &report.notes {
        write_note(
            sheet,
            row,
            soa::note_label(lang),
            &styles.warning,
            &note.message,
            &styles.warning,
            last_col,
            note_width,
        )?;
        row += 1;
    }

    // the per-group table, numbers as numbers: what the chart reads
    row += 1;
    let table_header = row;
    write_header_row(sheet, row, &grid.headers, styles)?;
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
    }
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
    chart.set_width(960).set_height(440);
    sheet.insert_chart(row + 2, 0, &chart)?;
    Ok(())
}

/// The statement of applicability (or its findings): one row per item, the status cell
/// filled by the item's tone.
fn write_readiness_items(
    sheet: &mut Worksheet,
    grid: &Grid,
    lang: Lang,
    styles: &Styles,
) -> anyhow::Result<()> {
    write_header_row(sheet, 0, &grid.headers, styles)?;
    let mut cuts = Cuts::default();
    for (r, cells) in grid.rows.iter().enumerate() {
        let xr = row_num(r + 1)?;
        let toned = styles.toned(grid.tones.get(r).copied().unwrap_or(Tone::Plain));
        let id = cells.first().map_or("", String::as_str);
        for (c, cell) in cells.iter().enumerate() {
            let format = if Some(c) == grid.tone_column {
                toned
            } else {
                &styles.cell
            };
            let column = grid.headers.get(c).map_or("", String::as_str);
            sheet.write_string_with_format(xr, col_num(c)?, cuts.fit(cell, id, column), format)?;
        }
    }
    cuts.warn();
    let states = [
        ItemState::Implemented,
        ItemState::NotApplicable,
        ItemState::Planned,
        ItemState::NotImplemented,
        ItemState::NotListed,
    ];
    for (c, header) in grid.headers.iter().enumerate() {
        let cells = grid
            .rows
            .iter()
            .filter_map(|r| r.get(c))
            .map(String::as_str);
        let width = if Some(c) == grid.tone_column {
            // the status cell: the widest state, however the rows read
            column_width(
                states
                    .iter()
                    .map(|s| s.label(lang))
                    .chain([header.as_str()]),
            )
            .max(column_width(cells).min(30.0))
        } else {
            column_width(cells.chain([header.as_str()]))
        };
        sheet.set_column_width(col_num(c)?, width)?;
    }
    let last_col = col_num(grid.headers.len().saturating_sub(1))?;
    sheet.set_freeze_panes(1, 1)?;
    sheet.autofilter(0, 0, row_num(grid.rows.len())?, last_col)?;
    Ok(())
}

/// The check list `suggest` writes back: every cell of the sheet as read, written as text;
/// the candidate columns (and a references column, when the list had none) marked by a
/// blue header; on each item's references cell a drop-down of its candidate ids, which
/// allows any other value too (several ids, or one not suggested). Nothing is written into
/// a references cell: choosing is the user's.
pub fn render_suggest(out: &SuggestSheet, w: &mut dyn SeekWrite) -> anyhow::Result<()> {
    let lang = out.lang;
    let styles = Styles::new();
    let ours_header = styles
        .header
        .clone()
        .set_background_color(Color::RGB(0xBDD7EE));
    // no date of its own: a fixed creation time keeps the bytes the same run after run
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    let mut workbook = new_workbook(
        lang.pick(
            "確認項目 (ISMAP管理策の候補)",
            "Check items (suggested ISMAP references)",
        ),
        &created,
    );
    let name = out
        .name
        .clone()
        .unwrap_or_else(|| lang.pick("確認項目", "Check items").to_owned());
    let sheet = add_row_sheet(&mut workbook, &name)?;
    let (first_added, n_added) = out.added;
    let added = first_added..first_added + n_added;
    let width = out.rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths: Vec<f64> = vec![MIN_WIDTH as f64; width];
    for (r, row) in out.rows.iter().enumerate() {
        let xr = row_num(r)?;
        for (c, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let xc = col_num(c)?;
            if r == out.header_row {
                let format = if added.contains(&c) {
                    &ours_header
                } else {
                    &styles.header
                };
                sheet.write_string_with_format(xr, xc, fit(cell), format)?;
            } else {
                sheet.write_string(xr, xc, fit(cell))?;
            }
            if let Some(w) = widths.get_mut(c) {
                widen(w, cell);
            }
        }
        if r > out.header_row && n_added > 0 {
            sheet.set_range_format(
                xr,
                col_num(added.start)?,
                xr,
                col_num(added.end - 1)?,
                &styles.reviewer,
            )?;
        }
    }
    // one validation per distinct list of candidates, over every cell that offers it
    let mut lists: std::collections::BTreeMap<&[String], Vec<usize>> = Default::default();
    for (r, ids) in &out.choices {
        lists.entry(ids.as_slice()).or_default().push(*r);
    }
    let letter = crate::input::column_letter(out.refs_col);
    let refs_col = col_num(out.refs_col)?;
    for (ids, rows) in lists {
        let mut ranges: Vec<String> = Vec::new();
        let mut k = 0;
        while k < rows.len() {
            let mut j = k;
            while j + 1 < rows.len() && rows[j + 1] == rows[j] + 1 {
                j += 1;
            }
            ranges.push(if j == k {
                format!("{letter}{}", rows[k] + 1)
            } else {
                format!("{letter}{}:{letter}{}", rows[k] + 1, rows[j] + 1)
            });
            k = j + 1;
        }
        let validation = DataValidation::new()
            .allow_list_strings(ids)?
            .show_error_message(false)
            .set_input_title(lang.pick("ISMAP管理策の候補", "Suggested ISMAP references"))?
            .set_input_message(lang.pick(
                "候補から選ぶか、管理策番号を入力してください (複数は「,」で区切る)。候補は参照ではありません",
                "Pick a candidate or type ids (several separated by commas). A candidate is not a reference until you choose it",
            ))?
            .set_multi_range(ranges.join(" "));
        let first = row_num(rows[0])?;
        sheet.add_data_validation(first, refs_col, first, refs_col, &validation)?;
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(col_num(c)?, *w)?;
    }
    let header = row_num(out.header_row)?;
    sheet.set_freeze_panes(header + 1, 0)?;
    if width > 0 && out.rows.len() > out.header_row + 1 {
        sheet.autofilter(header, 0, row_num(out.rows.len() - 1)?, col_num(width - 1)?)?;
    }
    workbook.save_to_writer(w)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_keeps_short_text_and_cuts_long_text() {
        assert!(matches!(fit("=1+1"), Cow::Borrowed("=1+1")));
        let long = "確".repeat(MAX_CELL_UTF16 + 10);
        let cut = fit(&long);
        assert_eq!(cut.encode_utf16().count(), MAX_CELL_UTF16);
        assert!(cut.ends_with('…'));
        // a surrogate pair is never split
        let emoji = "😀".repeat(MAX_CELL_UTF16);
        let cut = fit(&emoji);
        assert!(cut.encode_utf16().count() <= MAX_CELL_UTF16);
        assert!(cut.ends_with("😀…"));
    }

    #[test]
    fn column_width_measures_the_widest_line() {
        assert_eq!(column_width(["ab"]), MIN_WIDTH as f64);
        assert_eq!(column_width(["確認項目確認項目", "x"]), 18.0);
        assert_eq!(
            column_width(
                ["short\n".to_owned() + &"x".repeat(20)]
                    .iter()
                    .map(String::as_str)
            ),
            22.0
        );
        assert_eq!(column_width([&*"x".repeat(500)]), MAX_WIDTH as f64);
    }

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
                "missing"
            ]
        );
        // and the counts under them are those the headers name
        let c = crate::analysis::readiness::Counts {
            implemented: 1,
            not_applicable: 2,
            na_without_reason: 3,
            planned: 4,
            missing: 5,
            ..Default::default()
        };
        let numbers = soa::count_numbers(&c);
        let read: Vec<usize> = READINESS_SERIES
            .iter()
            .map(|(col, ..)| numbers[col - 1])
            .collect();
        assert_eq!(read, [1, 2, 4, 3, 5]);
    }

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
        let headers = cmp::summary_headers(Lang::En);
        assert_eq!(headers.len(), REGISTRATION_COL + 1);
        assert_eq!(headers[RANK_COL], "rank");
        assert_eq!(headers[NAME_COL], "CSP");
        assert_eq!(headers[SHARE_COL], "share covered");
        for (k, status) in Status::ALL.iter().enumerate() {
            assert_eq!(headers[FIRST_COUNT_COL + k], status.label(Lang::En));
        }
        assert_eq!(headers[RUNS_ON_COL], "runs on");
        assert_eq!(headers[REGISTRATION_COL], "registration");
    }

    #[test]
    fn the_compare_chart_grows_with_the_csps_within_a_bound() {
        assert!(compare_chart_height(3) >= 300);
        assert!(compare_chart_height(20) > compare_chart_height(3));
        assert_eq!(compare_chart_height(1000), compare_chart_height(usize::MAX));
    }

    #[test]
    fn every_tone_but_plain_has_a_colour() {
        for status in Status::ALL {
            assert!(tone_colors(status.into()).is_some(), "{status}");
        }
        assert!(tone_colors(Tone::Plain).is_none());
    }
}
