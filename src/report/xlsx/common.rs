//! What every workbook shares: cell formats, text that fits a cell, column layout and
//! row heights, page setup for printing, and the small writers built on them.
use std::borrow::Cow;

use anyhow::Context;
use rust_xlsxwriter::{
    ColNum, Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, RowNum,
    Workbook, Worksheet,
};
use unicode_width::UnicodeWidthStr;

use crate::date::Date;
use crate::report::grid::{Grid, Tone};
use crate::report::table;
use crate::text::strip_controls;

/// Excel's limit on the text of one cell, in UTF-16 code units.
pub const MAX_CELL_UTF16: usize = 32_767;
/// Deflate level of the xlsx container. rust_xlsxwriter's default is 6; 3 is what it
/// recommends for speed. Level 1 writes a 100,000-row report about 10 % faster than 2
/// (deflate is a quarter of the run), for a file about a fifth larger (BENCHMARKS.md).
pub const ZIP_LEVEL: u8 = 1;
/// Narrowest and widest automatic column width, in Excel's character units.
pub const MIN_WIDTH: usize = 8;
pub const MAX_WIDTH: usize = 60;
/// Height of one line of 11-point text, in points (Excel's default row height).
pub const LINE_HEIGHT: f64 = 15.0;
/// Most lines a row is made tall for: Excel's largest row height is 409 points.
pub const MAX_LINES: usize = 27;
/// A4, in Excel's paper size codes.
const PAPER_A4: u8 = 9;

/// Text that fits one cell: longer input is cut (on a char boundary) and ends with `…`.
pub fn fit(s: &str) -> Cow<'_, str> {
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
/// is written (exit 0), but nothing is shortened without a word. In a comparison the cells
/// of a CSP's gap sheet are noted with the CSP ([`Cuts::set_csp`]), which the warning names.
#[derive(Default)]
pub struct Cuts {
    /// Each note with the CSP whose sheet it is on (`None`: a sheet of no one CSP).
    notes: Vec<(Option<String>, String)>,
    csp: Option<String>,
}

impl Cuts {
    /// The CSP whose gap sheet the next cells are on (`None`: the report's own sheets, a
    /// comparison's matrix).
    pub fn set_csp(&mut self, csp: Option<&str>) {
        self.csp = csp.map(str::to_owned);
    }

    /// Notes a cell the workbook shows in part (a warning naming it).
    pub fn note(&mut self, warning: String) {
        self.notes.push((self.csp.clone(), warning));
    }

    /// [`fit`], noting the cell (the item's id, the column's header) when it is cut.
    pub fn fit<'a>(&mut self, s: &'a str, item: &str, column: &str) -> Cow<'a, str> {
        let fitted = fit(s);
        if matches!(fitted, Cow::Owned(_)) {
            self.note(format!(
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
    /// sheets), naming the CSPs whose sheets show the cell in part; a cell also cut on a
    /// sheet of no one CSP (an item's title in the matrix) is cut for every CSP alike and
    /// named without them.
    pub fn warn(self) {
        let mut seen: Vec<(&str, Option<Vec<&str>>)> = Vec::new();
        for (csp, note) in &self.notes {
            let k = match seen.iter().position(|(n, _)| n == note) {
                Some(k) => k,
                None => {
                    seen.push((note, Some(Vec::new())));
                    seen.len() - 1
                }
            };
            let csps = &mut seen[k].1;
            match (csp, csps.as_mut()) {
                (None, _) => *csps = None,
                (Some(c), Some(list)) if !list.contains(&c.as_str()) => list.push(c),
                _ => {}
            }
        }
        for (note, csps) in seen {
            let line = match csps {
                Some(list) if !list.is_empty() => crate::messages::warning(&format!(
                    "gap sheet of CSP {}: {}",
                    list.join(", "),
                    note
                )),
                _ => crate::messages::warning(note),
            };
            eprintln!("{line}");
        }
    }
}

/// A column width for these texts: the widest line, within [`MIN_WIDTH`, `MAX_WIDTH`].
pub fn column_width<'a>(texts: impl IntoIterator<Item = &'a str>) -> f64 {
    column_width_upto(texts, MAX_WIDTH)
}

/// [`column_width`], at most `max`: the texts are measured until one is that wide (a long
/// list's ids or titles need not all be measured).
pub fn column_width_upto<'a>(texts: impl IntoIterator<Item = &'a str>, max: usize) -> f64 {
    let max = max.min(MAX_WIDTH);
    let mut widest = 0;
    for line in texts.into_iter().flat_map(str::lines) {
        widest = widest.max(line.width());
        if widest + 2 >= max {
            break;
        }
    }
    (widest + 2).clamp(MIN_WIDTH, max.max(MIN_WIDTH)) as f64
}

/// The narrowest width, within [`MIN_WIDTH`] and `max`, at which a wrapped cell holds the
/// widest line of `texts` on one line by [`wrapped_lines`]'s estimate: a column fitted to
/// its text that is not then counted as two lines (a little wider than [`column_width`],
/// whose widest line the estimate wraps; review 17 D-10: the compare matrix's longest
/// titles took two lines among rows of one).
pub fn one_line_width<'a>(texts: impl IntoIterator<Item = &'a str>, max: f64) -> f64 {
    let widest = texts
        .into_iter()
        .flat_map(str::lines)
        .map(|l| l.width())
        .max()
        .unwrap_or(0);
    // the inverse of `line_capacity`, with room for rounding
    ((widest as f64 / 0.95).ceil() + 2.0).clamp(MIN_WIDTH as f64, max.max(MIN_WIDTH as f64))
}

/// Widens `width` to fit `text`, measuring only text that might be wider: a line is never
/// wider than its UTF-8 bytes (a wide character takes three or more).
pub fn widen(width: &mut f64, text: &str) {
    if *width < MAX_WIDTH as f64 && (text.len() + 2) as f64 > *width {
        *width = width.max(column_width([text]));
    }
}

/// The width of a grid's column: its header and every cell of it.
pub fn grid_column_width(grid: &Grid, c: usize) -> f64 {
    column_width(
        grid.rows
            .iter()
            .filter_map(|r| r.get(c))
            .map(String::as_str)
            .chain(grid.headers.get(c).map(String::as_str)),
    )
}

/// The terminal columns one line of a cell `width` characters wide holds, a little less
/// than the width: a character unit is a digit's width, and wide (Japanese) glyphs are a
/// little wider than two of them.
fn line_capacity(width: f64) -> usize {
    ((width - 1.5) * 0.95).floor().max(1.0) as usize
}

/// How many lines `text` takes in a wrapped cell `width` characters wide: lines break at
/// a space or beside a wide character, a word longer than the line anywhere, as Excel and
/// LibreOffice break them (estimated: a little more rather than less).
pub fn wrapped_lines(text: &str, width: f64) -> usize {
    let cap = line_capacity(width);
    // the common case, cheaply: a short line of text
    if text.len() <= cap && !text.contains('\n') {
        return 1;
    }
    text.split('\n').map(|line| line_count(line, cap)).sum()
}

/// [`wrapped_lines`] of one line of text, broken between the pieces the terminal table
/// breaks between ([`table::atoms`]): a word moves to the next line whole, as does a
/// character that may not start a line (`ー`, `、`, a closing bracket) with the one before
/// it (Excel's 禁則処理); a piece longer than a line is broken where it must be, on lines of
/// its own. A line of printable ASCII and common wide characters no wider than a line is
/// one line without being cut (its atoms' widths add up to its width, so each fits where
/// it comes); the others are counted atom by atom as they are read
/// ([`table::for_each_atom`]).
fn line_count(line: &str, cap: usize) -> usize {
    if table::plain_fits(line, cap) {
        return 1;
    }
    let (mut lines, mut used) = (1, 0);
    table::for_each_atom(line, |s, e, w| {
        if e - s == 1 && line.as_bytes()[s] == b' ' {
            // a space may hang past the end of a line
            used = (used + w).min(cap);
            return;
        }
        if used + w <= cap {
            used += w;
            return;
        }
        if used > 0 {
            lines += 1;
        }
        // what does not fit on a line of its own takes as many as it needs
        let extra = w.saturating_sub(1) / cap;
        lines += extra;
        used = w - extra * cap;
    });
    lines
}

/// Whether `text` in a wrapped cell `width` characters wide takes more than [`MAX_LINES`]
/// lines: more than a row of Excel's largest height shows. Most cells are ruled out
/// without being measured: two lines in a row hold more than a line's width (a piece moves
/// to the next line only when it does not fit), and a character is never wider than its
/// UTF-8 bytes.
pub fn too_tall(text: &str, width: f64) -> bool {
    let cap = line_capacity(width);
    let breaks = memchr::memchr_iter(b'\n', text.as_bytes()).count();
    if 2 * text.len() / cap + breaks < MAX_LINES {
        return false;
    }
    wrapped_lines(text, width) > MAX_LINES
}

/// Height of a row whose tallest cell takes `lines` lines, within Excel's limit.
pub fn row_height(lines: usize) -> f64 {
    LINE_HEIGHT * lines.clamp(1, MAX_LINES) as f64 + if lines > 1 { 2.0 } else { 0.0 }
}

/// The widths of a sheet's columns, and which of them wrap: what a row's height follows
/// from.
#[derive(Debug, Clone, Default)]
pub struct Columns {
    pub widths: Vec<f64>,
}

impl Columns {
    pub fn new(widths: Vec<f64>) -> Columns {
        Columns { widths }
    }

    /// The lines of the tallest of `cells` (column, text), each in its column's width.
    pub fn lines<'a>(&self, cells: impl IntoIterator<Item = (usize, &'a str)>) -> usize {
        cells
            .into_iter()
            .filter(|(_, text)| !text.is_empty())
            .map(|(c, text)| {
                let width = self.widths.get(c).copied().unwrap_or(MIN_WIDTH as f64);
                wrapped_lines(text, width)
            })
            .max()
            .unwrap_or(1)
    }

    /// Makes `row` tall enough for the tallest of `cells`; a one-line row keeps the
    /// default height (nothing is written for it).
    pub fn fit_row<'a>(
        &self,
        sheet: &mut Worksheet,
        row: RowNum,
        cells: impl IntoIterator<Item = (usize, &'a str)>,
    ) -> anyhow::Result<()> {
        let lines = self.lines(cells);
        if lines > 1 {
            sheet.set_row_height(row, row_height(lines))?;
        }
        Ok(())
    }

    /// Sets every column's width on the sheet.
    pub fn apply(&self, sheet: &mut Worksheet) -> anyhow::Result<()> {
        for (c, width) in self.widths.iter().enumerate() {
            sheet.set_column_width(col_num(c)?, *width)?;
        }
        Ok(())
    }

    /// The width of columns `first..=last` together.
    pub fn span(&self, first: usize, last: usize) -> f64 {
        self.widths
            .iter()
            .skip(first)
            .take(last.saturating_sub(first) + 1)
            .sum()
    }
}

/// How a sheet prints.
pub struct Print<'a> {
    /// Left of the footer: what the workbook is (its title and date).
    pub footer: &'a str,
    /// The first row repeated at the top of every page (a table's header).
    pub header_row: Option<RowNum>,
    /// Fit the whole sheet on one page (a summary), not only its width.
    pub one_page: bool,
    /// Fit the width to one page (a table a few columns wide). When false the columns
    /// print at full size across as many pages as they need.
    pub fit_width: bool,
    /// The last row and column printed (the print area starts at A1).
    pub last_row: RowNum,
    pub last_col: ColNum,
}

/// Page setup: A4 landscape, fitted to one page wide (or whole), the header row repeated,
/// a footer with the workbook's title, the sheet's name and "page / pages", a print area.
pub fn print_setup(sheet: &mut Worksheet, p: &Print) -> anyhow::Result<()> {
    sheet
        .set_landscape()
        .set_paper_size(PAPER_A4)
        .set_margins(0.4, 0.4, 0.5, 0.6, 0.3, 0.3);
    match (p.one_page, p.fit_width) {
        (true, _) => sheet.set_print_fit_to_pages(1, 1),
        (false, true) => sheet.set_print_fit_to_pages(1, 0),
        (false, false) => sheet,
    };
    if let Some(row) = p.header_row {
        sheet.set_repeat_rows(row, row)?;
    }
    // `&` starts a code in a header or footer: a literal one is doubled
    let left: String = p.footer.replace('&', "&&").chars().take(120).collect();
    sheet.set_footer(format!("&L{left}&C&A&R&P / &N"));
    sheet.set_print_area(0, 0, p.last_row, p.last_col)?;
    Ok(())
}

/// A table sheet (its header on row 0) once its rows are written.
pub struct Table<'a> {
    pub columns: &'a Columns,
    pub last_row: RowNum,
    pub last_col: ColNum,
    /// The last column printed (the ones right of it are for the screen).
    pub last_printed: ColNum,
    /// Columns kept in view when scrolling right (the id, or id and title).
    pub frozen_cols: ColNum,
    /// Fit the width to one page (see [`Print::fit_width`]).
    pub fit_width: bool,
    pub footer: &'a str,
}

/// Finishes a table sheet: the column widths, the header row and first columns frozen, a
/// filter across the header, and printing with the header on every page.
pub fn finish_table(sheet: &mut Worksheet, t: &Table) -> anyhow::Result<()> {
    t.columns.apply(sheet)?;
    sheet.set_freeze_panes(1, t.frozen_cols)?;
    sheet.autofilter(0, 0, t.last_row, t.last_col)?;
    print_setup(
        sheet,
        &Print {
            footer: t.footer,
            header_row: Some(0),
            one_page: false,
            fit_width: t.fit_width,
            last_row: t.last_row,
            last_col: t.last_printed,
        },
    )
}

/// The last row a chart of `height` pixels covers when placed on `first_row` of a sheet
/// of default-height rows (20 pixels each).
pub fn chart_last_row(first_row: RowNum, height: u32) -> RowNum {
    first_row + height.div_ceil(20)
}

/// The last column a chart of `width` pixels covers when placed on `first_col`, with the
/// columns' widths (a character unit is 7 pixels, plus 5 of padding per column).
pub fn chart_last_col(columns: &Columns, first_col: usize, width: u32) -> usize {
    let mut left = f64::from(width);
    let mut c = first_col;
    loop {
        let w = columns.widths.get(c).copied().unwrap_or(8.43);
        left -= w * 7.0 + 5.0;
        if left <= 0.0 {
            return c;
        }
        c += 1;
    }
}

/// Light fill of a cell, and a stronger colour for the chart, per tone.
pub fn tone_colors(tone: Tone) -> Option<(Color, Color)> {
    match tone {
        Tone::Good => Some((Color::RGB(0xC6EFCE), Color::RGB(0x70AD47))),
        Tone::Warn => Some((Color::RGB(0xFFEB9C), Color::RGB(0xFFC000))),
        Tone::Caution => Some((Color::RGB(0xFCE4D6), Color::RGB(0xED7D31))),
        Tone::Bad => Some((Color::RGB(0xFFC7CE), Color::RGB(0xC00000))),
        Tone::Alert => Some((Color::RGB(0xD9D2E9), Color::RGB(0x7030A0))),
        // a darker grey than 本件対象外's: one is a finding (fix the input), the other is no
        // finding at all, and they must not read alike on screen nor in print (review 17 D-8:
        // `E7E6E6` beside `F2F2F2`)
        Tone::Unknown => Some((Color::RGB(0xBFBFBF), Color::RGB(0x767171))),
        Tone::Blank => Some((Color::RGB(0xDAEEF3), Color::RGB(0x31859C))),
        Tone::Muted => Some((Color::RGB(0xF2F2F2), Color::RGB(0xBFBFBF))),
        Tone::Plain => None,
    }
}

pub fn row_num(i: usize) -> anyhow::Result<RowNum> {
    RowNum::try_from(i).context("too many rows for a worksheet")
}

pub fn col_num(i: usize) -> anyhow::Result<ColNum> {
    ColNum::try_from(i).context("too many columns for a worksheet")
}

/// The formats every sheet uses.
pub struct Styles {
    pub title: Format,
    pub label: Format,
    pub text: Format,
    pub header: Format,
    /// The header of a column left for the reviewer.
    pub reviewer_header: Format,
    pub cell: Format,
    pub reviewer: Format,
    pub warning: Format,
    /// A count among a summary's facts: left-aligned, as the text facts beside it are
    /// (review 17 D-10: right-aligned, it floated mid-page away from its label).
    pub fact_number: Format,
    pub number: Format,
    pub percent: Format,
    pub total: Format,
    pub total_percent: Format,
    /// Table cells filled by tone, built once: `toned` hands out references.
    good: Format,
    warn: Format,
    caution: Format,
    bad: Format,
    alert: Format,
    unknown: Format,
    blank: Format,
    muted: Format,
}

impl Styles {
    pub fn new() -> Styles {
        let cell = Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin);
        let fill = |tone| match tone_colors(tone) {
            Some((light, _)) => cell.clone().set_background_color(light),
            None => cell.clone(),
        };
        let header = cell
            .clone()
            .set_bold()
            .set_background_color(Color::RGB(0xD9D9D9));
        Styles {
            good: fill(Tone::Good),
            warn: fill(Tone::Warn),
            caution: fill(Tone::Caution),
            bad: fill(Tone::Bad),
            alert: fill(Tone::Alert),
            unknown: fill(Tone::Unknown),
            blank: fill(Tone::Blank),
            muted: fill(Tone::Muted),
            title: Format::new().set_bold().set_font_size(14),
            label: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            text: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            reviewer_header: header.clone().set_background_color(Color::RGB(0xBDD7EE)),
            header,
            reviewer: cell.clone().set_background_color(Color::RGB(0xDDEBF7)),
            cell,
            warning: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_font_color(Color::RGB(0xC00000)),
            fact_number: Format::new()
                .set_align(FormatAlign::Left)
                .set_align(FormatAlign::Top),
            number: Format::new()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Top),
            percent: Format::new()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Top)
                .set_num_format("0.0%"),
            total: Format::new()
                .set_bold()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Top),
            total_percent: Format::new()
                .set_bold()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Top)
                .set_num_format("0.0%"),
        }
    }

    /// A table cell filled with the tone's colour.
    pub fn toned(&self, tone: Tone) -> &Format {
        match tone {
            Tone::Good => &self.good,
            Tone::Warn => &self.warn,
            Tone::Caution => &self.caution,
            Tone::Bad => &self.bad,
            Tone::Alert => &self.alert,
            Tone::Unknown => &self.unknown,
            Tone::Blank => &self.blank,
            Tone::Muted => &self.muted,
            Tone::Plain => &self.cell,
        }
    }
}

/// Gives the cells of `row` (blank ones included), from column 0 on, their `formats`:
/// one call per run of cells in the same format, as rust_xlsxwriter hashes a Format on
/// every call. In a "constant memory" sheet only the row being written can be formatted.
pub fn format_runs<'f>(
    sheet: &mut Worksheet,
    row: RowNum,
    formats: impl IntoIterator<Item = &'f Format>,
) -> anyhow::Result<()> {
    each_run(formats, |first, last, f| {
        sheet.set_range_format(row, col_num(first)?, row, col_num(last)?, f)?;
        Ok(())
    })
}

/// Calls `apply` with each run of the same format (the same `Format` object) in
/// `formats`: its first and last positions and the format, in order.
fn each_run<'f>(
    formats: impl IntoIterator<Item = &'f Format>,
    mut apply: impl FnMut(usize, usize, &'f Format) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut run: Option<(usize, usize, &Format)> = None;
    for (i, format) in formats.into_iter().enumerate() {
        match &mut run {
            Some((_, last, f)) if std::ptr::eq(*f, format) => *last = i,
            _ => {
                if let Some((first, last, f)) = run {
                    apply(first, last, f)?;
                }
                run = Some((i, i, format));
            }
        }
    }
    match run {
        Some((first, last, f)) => apply(first, last, f),
        None => Ok(()),
    }
}

/// Column headers across `row`, from column 0, the row as tall as the longest header
/// wrapped in its column.
pub fn write_header_row<S: AsRef<str>>(
    sheet: &mut Worksheet,
    row: RowNum,
    headers: &[S],
    columns: &Columns,
    styles: &Styles,
) -> anyhow::Result<()> {
    for (c, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(row, col_num(c)?, fit(header.as_ref()), &styles.header)?;
    }
    columns.fit_row(
        sheet,
        row,
        headers.iter().enumerate().map(|(c, h)| (c, h.as_ref())),
    )
}

/// A row of text cells from column 0, each in the format `format` gives its column, the
/// row as tall as its tallest cell; a cell too long for Excel is cut and noted in `cuts`
/// under the row's first cell (its id) and the column's header.
pub fn write_text_row<'f, S: AsRef<str>, H: AsRef<str>>(
    sheet: &mut Worksheet,
    row: RowNum,
    texts: &[S],
    format: impl Fn(usize) -> &'f Format,
    columns: &Columns,
    headers_cuts: (&[H], &mut Cuts),
) -> anyhow::Result<()> {
    write_text_cells(sheet, row, texts, columns, headers_cuts)?;
    // the formats a run of cells at a time: the same cells as each written in its format
    format_runs(sheet, row, (0..texts.len()).map(format))
}

/// [`write_text_row`] without the formats: the cells' text and the row's height; the
/// formats are then given to many rows at once ([`format_down`]).
pub fn write_text_cells<S: AsRef<str>, H: AsRef<str>>(
    sheet: &mut Worksheet,
    row: RowNum,
    texts: &[S],
    columns: &Columns,
    (headers, cuts): (&[H], &mut Cuts),
) -> anyhow::Result<()> {
    let id = texts.first().map_or("", AsRef::as_ref);
    for (c, text) in texts.iter().enumerate() {
        let column = headers.get(c).map_or("", AsRef::as_ref);
        let cell = cuts.fit(text.as_ref(), id, column);
        sheet.write_string(row, col_num(c)?, cell)?;
    }
    columns.fit_row(
        sheet,
        row,
        texts.iter().enumerate().map(|(c, t)| (c, t.as_ref())),
    )
}

/// Column `col`'s cells from `first_row` down, one a format of `formats`, a run of rows
/// in the same format at a time (one `set_range_format`, which hashes the format: see
/// [`format_runs`]).
pub fn format_down<'f>(
    sheet: &mut Worksheet,
    first_row: RowNum,
    col: ColNum,
    formats: impl IntoIterator<Item = &'f Format>,
) -> anyhow::Result<()> {
    each_run(formats, |first, last, f| {
        let (first, last) = (first_row + row_num(first)?, first_row + row_num(last)?);
        sheet.set_range_format(first, col, last, col, f)?;
        Ok(())
    })
}

/// An empty workbook whose properties (docProps/core.xml) hold `title` and the fixed
/// creation date `created`, never the clock: same report, same bytes.
pub fn new_workbook(title: &str, created: &ExcelDateTime) -> Workbook {
    let mut workbook = Workbook::new();
    let properties = DocProperties::new()
        .set_title(title)
        .set_creation_datetime(created);
    workbook.set_properties(&properties);
    workbook.set_zip_compression_level(ZIP_LEVEL);
    workbook
}

/// A sheet of one row per item, `columns` wide. Unless [`fitted`], it is in "constant memory"
/// mode: each row goes to a temporary file once the next one is begun, and its strings are
/// written inline, not shared, so its cells must be written row by row, top to bottom (a
/// write to an earlier row would be lost); column widths, panes, filters and validations
/// may still come after the rows. When fitted, its rows' heights are fitted to
/// their text, it is an ordinary sheet: rust_xlsxwriter 0.102 writes the last row of a
/// constant-memory sheet twice when that row has a height of its own (Excel then offers to
/// repair the file), and a sheet that small gains nothing from the temporary file.
pub fn add_row_sheet<'a>(
    workbook: &'a mut Workbook,
    name: &str,
    rows: usize,
    columns: usize,
) -> anyhow::Result<&'a mut Worksheet> {
    let sheet = if !fitted(rows, columns) {
        workbook
            .add_worksheet_with_constant_memory()
            .context("cannot create a temporary file for the workbook")?
    } else {
        workbook.add_worksheet()
    };
    sheet.set_name(name)?;
    Ok(sheet)
}

/// Up to this many rows, a row sheet's rows are made as tall as their text; beyond, the
/// spreadsheet sizes them itself (the row heights cost a tenth of the time of a
/// 100,000-item workbook, whose rows nobody prints), and the sheet is written in constant
/// memory ([`add_row_sheet`]).
pub const FITTED_ROWS: usize = 10_000;

/// Up to this many cells (a comparison matrix: items × CSPs), a row sheet of at most
/// [`FITTED_ROWS`] rows is held in memory; beyond, it is written in constant memory like
/// a long one (1,000 items × 1,000 CSPs held whole took 420 MB).
pub const FITTED_CELLS: usize = 500_000;

/// Whether a row sheet of `rows` rows and `columns` columns is an ordinary sheet whose
/// row heights are fitted to their text ([`add_row_sheet`]), not one in constant memory.
pub fn fitted(rows: usize, columns: usize) -> bool {
    rows <= FITTED_ROWS && rows.saturating_mul(columns) <= FITTED_CELLS
}

/// The workbook's creation time: a report's as-of date, never the clock.
pub fn created_on(date: Date) -> anyhow::Result<ExcelDateTime> {
    Ok(ExcelDateTime::from_ymd(
        u16::try_from(date.year).unwrap_or(2000),
        u8::try_from(date.month).unwrap_or(1),
        u8::try_from(date.day).unwrap_or(1),
    )
    .or_else(|_| ExcelDateTime::from_ymd(2000, 1, 1))?)
}

/// A label in the first column, then text across columns 1..=`last_col` (merged, in
/// `format`), the row as tall as the label's and the text's lines.
pub fn write_note(
    sheet: &mut Worksheet,
    row: RowNum,
    (label, label_format): (&str, &Format),
    (text, format): (&str, &Format),
    columns: &Columns,
    last_col: ColNum,
) -> anyhow::Result<()> {
    sheet.write_string_with_format(row, 0, label, label_format)?;
    let text = fit(text);
    if last_col > 1 {
        sheet.merge_range(row, 1, row, last_col, &text, format)?;
    } else {
        sheet.write_string_with_format(row, 1, &*text, format)?;
    }
    let span = Columns::new(vec![
        columns.widths.first().copied().unwrap_or(MIN_WIDTH as f64),
        columns.span(1, usize::from(last_col.max(1))),
    ]);
    span.fit_row(sheet, row, [(0, label), (1, &*text)])
}

#[cfg(test)]
mod tests {

    #[test]
    fn long_or_wide_row_sheets_are_streamed() {
        assert!(fitted(FITTED_ROWS, 30));
        assert!(!fitted(FITTED_ROWS + 1, 1));
        // a comparison of 1,000 items × 1,000 CSPs is held in constant memory
        assert!(!fitted(1_000, 1_002));
        assert!(fitted(1_000, 302));
    }

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
    fn one_line_width_holds_the_widest_line_on_one_line() {
        for text in [
            "利用者IDの登録・削除の手続が定められていること",
            "パスワード管理システムが対話式であること",
            "a",
            "Identification of applicable legislation",
            "ａｂｃ　ｄｅｆ",
        ] {
            let w = one_line_width([text, "x"], MAX_WIDTH as f64);
            assert_eq!(wrapped_lines(text, w), 1, "{text} at {w}");
            // and no wider than needed: a character less wraps it (when not at the bound)
            if w > MIN_WIDTH as f64 && w < MAX_WIDTH as f64 {
                assert!(w <= column_width([text]) + 4.0, "{text} at {w}");
            }
        }
        // a text too wide for the bound wraps at it
        let long = "確".repeat(40);
        assert_eq!(one_line_width([long.as_str()], 50.0), 50.0);
        assert_eq!(one_line_width([], 50.0), MIN_WIDTH as f64);
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
    fn column_width_upto_is_the_width_at_most_the_limit() {
        let long = "x".repeat(40);
        let texts = ["ab", "確認項目確認項目", &long, "abc\nabcdefghijklmn", ""];
        for n in 0..=texts.len() {
            for max in [0, 6, 8, 10, 16, 18, 20, 32, 60, 100] {
                let all = column_width(texts[..n].iter().copied());
                let capped = column_width_upto(texts[..n].iter().copied(), max);
                assert_eq!(
                    capped,
                    all.min(max.clamp(MIN_WIDTH, MAX_WIDTH) as f64),
                    "{n} {max}"
                );
            }
        }
    }

    #[test]
    fn wrapped_lines_count_words_and_wide_characters() {
        // a 12-wide column holds 9 columns of text a line
        assert_eq!(line_capacity(12.0), 9);
        assert_eq!(wrapped_lines("short", 12.0), 1);
        assert_eq!(wrapped_lines("", 12.0), 1);
        assert_eq!(wrapped_lines("a\nb\nc", 12.0), 3);
        // words move whole: "alpha beta" / "gamma" in 11 columns, one word a line in 9
        assert_eq!(line_capacity(14.0), 11);
        assert_eq!(wrapped_lines("alpha beta gamma", 14.0), 2);
        assert_eq!(wrapped_lines("alpha beta gamma", 12.0), 3);
        // a word longer than the line breaks anywhere
        assert_eq!(wrapped_lines(&"x".repeat(20), 12.0), 3);
        // wide characters take two columns and break anywhere: 4 a line
        assert_eq!(wrapped_lines(&"確".repeat(8), 12.0), 2);
        assert_eq!(wrapped_lines(&"確".repeat(9), 12.0), 3);
        // a mix: ids stay whole beside Japanese text
        assert_eq!(wrapped_lines("記載なし 9.4.1, 9.4.2", 12.0), 3);
        // 禁則: a line never starts with ー, 、 or a closing bracket: the character
        // before moves with it ("くー"), so the last line overflows to a fourth
        assert_eq!(wrapped_lines("あいうえおかきくけこさし", 12.0), 3);
        assert_eq!(wrapped_lines("あいうえおかきくーけこさ", 12.0), 4);
        assert_eq!(wrapped_lines("あいうえおかきく、けこさ", 12.0), 4);
        assert_eq!(wrapped_lines("あいうえおかきく」けこさ", 12.0), 4);
        // and never ends with an opening bracket: it moves with what follows
        assert_eq!(wrapped_lines("あいう「えおかきくけこさ", 12.0), 4);
    }

    /// The count of a line as it was made before the fast paths: every atom collected
    /// ([`table::atoms`]), then walked.
    fn line_count_by_atoms(line: &str, cap: usize) -> usize {
        let (mut lines, mut used) = (1, 0);
        for (piece, w) in table::atoms(line) {
            if piece == " " {
                used = (used + w).min(cap);
                continue;
            }
            if used + w <= cap {
                used += w;
                continue;
            }
            if used > 0 {
                lines += 1;
            }
            let extra = w.saturating_sub(1) / cap;
            lines += extra;
            used = w - extra * cap;
        }
        lines
    }

    proptest::proptest! {
        /// The fast paths (a plain line that fits; atoms counted as they are read) count
        /// the lines the collected atoms count, for any mix of the characters they treat
        /// differently (spaces, 禁則 marks, quotations, ASCII controls, combining marks,
        /// emoji, half-width kana) at any line's capacity.
        #[test]
        fn line_count_is_the_atoms_count(
            s in "[ -~あ-んア-ヶー漢字、。・「」『』（）！\t\u{300}\u{FE0F}\u{200D}😀ｱﾞ①─]{0,60}",
            cap in 1usize..40,
        ) {
            proptest::prop_assert_eq!(line_count(&s, cap), line_count_by_atoms(&s, cap), "{:?}", s);
        }
    }

    /// The same over real text, Japanese and English: every line of the README and of
    /// the Japanese messages, at every capacity a column gives.
    #[test]
    fn line_count_is_the_atoms_count_on_real_text() {
        let texts = [
            include_str!("../../../README.md"),
            include_str!("../../messages/ja.rs"),
        ];
        let mut n = 0;
        for line in texts.iter().flat_map(|t| t.lines()) {
            for cap in 1..70 {
                assert_eq!(
                    line_count(line, cap),
                    line_count_by_atoms(line, cap),
                    "{cap} {line:?}"
                );
                n += 1;
            }
        }
        assert!(n > 100_000);
    }

    #[test]
    fn rows_are_as_tall_as_their_tallest_cell() {
        let columns = Columns::new(vec![12.0, 30.0]);
        assert_eq!(columns.lines([(0, "a"), (1, "b")]), 1);
        assert_eq!(columns.lines([(0, "a\nb\nc"), (1, "b")]), 3);
        assert_eq!(row_height(1), LINE_HEIGHT);
        assert_eq!(row_height(3), 3.0 * LINE_HEIGHT + 2.0);
        assert_eq!(row_height(1000), row_height(MAX_LINES));
        assert!(row_height(MAX_LINES) <= 409.0);
    }

    #[test]
    fn a_chart_covers_the_cells_under_it() {
        assert_eq!(chart_last_row(2, 288), 2 + 15);
        let columns = Columns::new(vec![10.0, 10.0, 10.0]);
        // 75 pixels a column
        assert_eq!(chart_last_col(&columns, 0, 75), 0);
        assert_eq!(chart_last_col(&columns, 0, 76), 1);
        // beyond the widths set, columns are 8.43 wide (64 pixels)
        assert_eq!(chart_last_col(&columns, 1, 300), 5);
    }

    #[test]
    fn every_tone_but_plain_has_a_colour() {
        for status in crate::analysis::Status::ALL {
            assert!(tone_colors(status.into()).is_some(), "{status}");
        }
        assert!(tone_colors(Tone::Plain).is_none());
    }

    /// 判定不能's fill stands apart from every other status's, 本件対象外's above all (review
    /// 17 D-8: `E7E6E6` beside `F2F2F2` read as one grey): at least 48 apart (the distance
    /// of their RGB channels), where the two were 20.
    #[test]
    fn the_not_analysed_fill_stands_apart() {
        use crate::analysis::Status;
        let rgb = |status: Status| match tone_colors(status.into()) {
            Some((Color::RGB(c), _)) => [16, 8, 0].map(|sh| f64::from((c >> sh) & 0xFF)),
            other => panic!("{status}: {other:?}"),
        };
        let unknown = rgb(Status::NotAnalysed);
        for other in Status::ALL {
            if other == Status::NotAnalysed {
                continue;
            }
            let o = rgb(other);
            let apart = (0..3)
                .map(|i| (o[i] - unknown[i]).powi(2))
                .sum::<f64>()
                .sqrt();
            assert!(apart >= 48.0, "{other}: {apart}");
        }
    }
}
