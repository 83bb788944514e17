//! The gap sheet (one row per check item, the reviewer's columns right after the verdict
//! and procedures) and the sheet of items removed since a review: the sheets the gap
//! report workbook and each CSP of a comparison share.
use anyhow::Context;
use rust_xlsxwriter::{ColNum, DataValidation, Format, RowNum, Worksheet};

use crate::analysis::csp::Registration;
use crate::analysis::review::ReviewSummary;
use crate::analysis::{GapReport, ItemResult, Status};
use crate::lang::Lang;
use crate::report::gap::{
    col, decision_choices, item_cells, item_sheet_headers, item_status_label, removed_headers,
    review_change_header, reviewer_headers, shortened_cell, status_label, workbook_headers,
};
use crate::report::grid::Tone;
use crate::report::xlsx::common::{
    col_num, column_width, column_width_upto, finish_table, row_num, too_tall, write_header_row,
    write_text_row, Columns, Cuts, Styles, Table,
};
use crate::report::CellStrings;
use crate::text::strip_controls;

use crate::report::xlsx::common::fitted;
use crate::report::xlsx::sheet_xml::{probe_styles, Deferred, SheetRows};

/// What a column of the gap sheet holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    /// A cell of [`item_cells`], by its index ([`col`]).
    Cell(usize),
    /// The reasons in words.
    Reasons,
    /// The status code (`covered`), for filtering whatever the language.
    StatusCode,
    Decision,
    Comment,
    /// What changed since the review (`--review` only).
    Change,
}

/// The sheet's columns in order, with headers and widths: first those printed (the
/// verdict, the procedures, the reviewer's columns, the gaps), then the details shown on
/// screen, then the codes and input row, in a group hidden until opened.
struct Layout {
    cols: Vec<Col>,
    headers: Vec<String>,
    columns: Columns,
    /// Columns `0..printed` are printed.
    printed: usize,
    /// Columns `hidden..` are in the collapsed group.
    hidden: usize,
    /// Where a list cell shortened to fit a row points for the rest: the workbook's
    /// objectives sheet (its name), or the report's other outputs (`None`).
    whole_list_in: Option<String>,
    /// The CSP's own registration not in effect, which every status but not asked says
    /// ([`item_status_label`]).
    own_registration: Option<Registration>,
}

/// How many columns the gap sheet of `report` has.
pub fn columns(report: &GapReport) -> usize {
    cols(report, item_sheet_headers(report).len()).0.len()
}

/// The columns of [`Layout`] in order, with `printed` and `hidden`, for a report whose
/// [`item_cells`] are `cells` wide.
fn cols(report: &GapReport, cells: usize) -> (Vec<Col>, usize, usize) {
    let review = report.review.is_some();
    let mut cols = vec![
        Col::Cell(col::ID),
        Col::Cell(col::TITLE),
        Col::Cell(col::RISK),
        Col::Cell(col::STATUS),
        Col::Cell(col::PROCEDURES),
        Col::Decision,
        Col::Comment,
    ];
    if review {
        cols.push(Col::Change);
    }
    // what is missing, and what is excluded (an item may fall short on an exclusion alone)
    cols.extend([
        Col::Cell(col::MISSING),
        Col::Cell(col::NOT_APPLICABLE),
        Col::Cell(col::CONTROLS),
    ]);
    let printed = cols.len();
    cols.extend([
        Col::Cell(col::ASSURANCE),
        Col::Cell(col::ANNEX),
        Col::Cell(col::UNRESOLVED),
        Col::Cell(col::IMPLEMENTED),
        Col::Cell(col::REFERENCES),
        Col::Reasons,
        Col::Cell(col::NOTE),
    ]);
    cols.extend((col::FIRST_EXTRA..cells).map(Col::Cell));
    let hidden = cols.len();
    cols.extend([
        Col::StatusCode,
        Col::Cell(col::REASONS),
        Col::Cell(col::ROW),
    ]);
    (cols, printed, hidden)
}

fn layout(
    report: &GapReport,
    whole_list_in: Option<&str>,
    own_registration: Option<Registration>,
) -> Layout {
    let lang = report.lang;
    let ours = item_sheet_headers(report);
    let [reasons_header, status_code_header] = workbook_headers(lang);
    let [decision_header, comment_header] = reviewer_headers(lang);
    let (cols, printed, hidden) = cols(report, ours.len());

    let headers: Vec<String> = cols
        .iter()
        .map(|c| match c {
            Col::Cell(i) => ours.get(*i).cloned().unwrap_or_default(),
            Col::Reasons => reasons_header.to_owned(),
            Col::StatusCode => status_code_header.to_owned(),
            Col::Decision => decision_header.to_owned(),
            Col::Comment => comment_header.to_owned(),
            Col::Change => review_change_header(lang).to_owned(),
        })
        .collect();
    // widths: the id and title fit their text (cheap to measure before the rows), the
    // rest is fixed so that a row's height is known when it is written
    let items = &report.items;
    let widths = cols
        .iter()
        .zip(&headers)
        .map(|(c, header)| match c {
            Col::Cell(col::ID) => column_width_upto(
                items.iter().map(|i| i.id.as_str()).chain([header.as_str()]),
                16,
            )
            .clamp(6.0, 16.0),
            Col::Cell(col::TITLE) => column_width_upto(items.iter().map(|i| i.title.as_str()), 32),
            Col::Cell(col::RISK) => column_width(["medium", lang.pick("リスク", "risk")]),
            Col::Cell(col::STATUS) => {
                // a status marked with a registration not in effect is wider (`一部充足（失効）`)
                let marked: Vec<String> = items
                    .iter()
                    .filter_map(|i| match item_status_label(i, own_registration, lang) {
                        std::borrow::Cow::Owned(l) => Some(l),
                        std::borrow::Cow::Borrowed(_) => None,
                    })
                    .collect();
                column_width(
                    Status::ALL
                        .iter()
                        .map(|s| s.label(lang))
                        .chain([status_label(Status::Covered, true, lang)])
                        .chain(marked.iter().map(String::as_str)),
                )
            }
            Col::Cell(col::PROCEDURES) => 48.0,
            Col::Decision => decision_width(lang),
            Col::Comment => 28.0,
            Col::Change => 22.0,
            Col::Cell(col::MISSING) => 22.0,
            Col::Cell(col::CONTROLS) => 34.0,
            Col::Cell(col::ASSURANCE) => 12.0,
            Col::Cell(col::NOT_APPLICABLE) | Col::Reasons => 28.0,
            Col::Cell(col::ANNEX) | Col::Cell(col::IMPLEMENTED) | Col::Cell(col::REFERENCES) => {
                18.0
            }
            Col::Cell(col::UNRESOLVED) | Col::Cell(col::NOTE) => 24.0,
            Col::StatusCode => 15.0,
            Col::Cell(col::ROW) => 7.0,
            // the input's own columns
            Col::Cell(_) => column_width([header.as_str()]).clamp(12.0, 30.0),
        })
        .collect();
    Layout {
        cols,
        headers,
        columns: Columns::new(widths),
        printed,
        hidden,
        whole_list_in: whole_list_in.map(str::to_owned),
        own_registration,
    }
}

/// `…（ほか 12 件: 統制目標シート参照）`: what ends a list cell shortened to fit a row, for
/// the `n` entries left out.
fn more_text(n: usize, whole_list_in: Option<&str>, lang: Lang) -> String {
    match (whole_list_in, lang) {
        (Some(sheet), Lang::Ja) => format!("…（ほか {n} 件: {sheet}シート参照）"),
        (Some(sheet), Lang::En) => format!("… ({n} more: see sheet '{sheet}')"),
        (None, Lang::Ja) => format!("…（ほか {n} 件: report の CSV・JSON 参照）"),
        (None, Lang::En) => format!("… ({n} more: see report's CSV or JSON)"),
    }
}

/// The fill of the change cell: a verdict to look at again stands out most.
fn change_tone(item: &ItemResult) -> Tone {
    match &item.review {
        Some(r) if r.re_review => Tone::Caution,
        Some(r) if r.change.verdict_changed() => Tone::Warn,
        _ => Tone::Plain,
    }
}

/// The look of a gap sheet's data cell (which of [`Styles`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    Cell,
    Reviewer,
    Number,
    /// Filled in a tone's colour (never [`Tone::Plain`], which is [`Look::Cell`]).
    Toned(Tone),
}

impl Look {
    fn toned(tone: Tone) -> Look {
        match tone {
            Tone::Plain => Look::Cell,
            tone => Look::Toned(tone),
        }
    }

    fn format(self, styles: &Styles) -> &Format {
        match self {
            Look::Cell => &styles.cell,
            Look::Reviewer => &styles.reviewer,
            Look::Number => &styles.number,
            Look::Toned(tone) => styles.toned(tone),
        }
    }

    /// The look a cell of column `kind` takes when it has none of its own (its column's).
    fn of_column(kind: Col) -> Look {
        match kind {
            Col::Decision | Col::Comment => Look::Reviewer,
            Col::Cell(col::ROW) => Look::Number,
            _ => Look::Cell,
        }
    }
}

/// An item's row, column by column, in buffers reused from row to row.
#[derive(Default)]
struct RowTexts {
    cells: CellStrings,
    reasons: String,
    change: String,
    decision: String,
    /// Cells too tall for a row, shortened: (column, text).
    shortened: Vec<(usize, String)>,
}

impl RowTexts {
    /// The text of each of the layout's columns for `item` (the status and the input row
    /// are written from the item itself). A shown cell taller than a row can be
    /// ([`too_tall`]) is shortened when it is a list ([`shortened_cell`]: exclusions
    /// grouped by reason, then the first entries and how many more); every cell still
    /// shown in part is noted in `cuts`.
    fn fill<'a>(
        &'a mut self,
        report: &GapReport,
        layout: &Layout,
        item: &'a ItemResult,
        cuts: &mut Cuts,
    ) -> Vec<&'a str> {
        let lang = report.lang;
        self.cells.clear();
        let details = report.items.details(item);
        item_cells(item, &details, None, lang, &mut self.cells);
        self.reasons.clear();
        for (k, reason) in item.reasons.iter().enumerate() {
            if k > 0 {
                self.reasons.push_str(", ");
            }
            self.reasons.push_str(reason.label(lang));
        }
        self.change.clear();
        self.decision.clear();
        if let Some(review) = &item.review {
            self.change
                .push_str(&review.change_label(item.status, lang));
            if let Some(d) = &review.decision {
                self.decision.push_str(&d.label(lang));
            }
        }
        let comment = item.review.as_ref().and_then(|r| r.comment.as_deref());
        let (cells, reasons, change, decision) =
            (&self.cells, &self.reasons, &self.change, &self.decision);
        let mut texts: Vec<&str> = layout
            .cols
            .iter()
            .map(|kind| match kind {
                Col::Cell(i) => cells.as_slice().get(*i).map_or("", String::as_str),
                Col::Reasons => reasons.as_str(),
                Col::StatusCode => item.status.as_str(),
                Col::Decision => decision.as_str(),
                Col::Comment => comment.unwrap_or(""),
                Col::Change => change.as_str(),
            })
            .collect();
        let shortened = &mut self.shortened;
        shortened.clear();
        for (c, kind) in layout.cols.iter().enumerate().take(layout.hidden) {
            let width = layout.columns.widths.get(c).copied().unwrap_or_default();
            if !too_tall(texts[c], width) {
                continue;
            }
            let header = &layout.headers[c];
            let short = match kind {
                Col::Cell(i) => shortened_cell(
                    item,
                    &details,
                    *i,
                    lang,
                    |t| !too_tall(t, width),
                    |n| more_text(n, layout.whole_list_in.as_deref(), lang),
                ),
                _ => None,
            };
            match short {
                Some(short) => {
                    if short.shown < short.total {
                        cuts.note(format!(
                            "item {}, column '{}': {} entries, more than a row of the largest height (409 pt) shows: the first {} written, then how many more",
                            strip_controls(&item.id),
                            strip_controls(header),
                            short.total,
                            short.shown
                        ));
                    }
                    shortened.push((c, short.text));
                }
                None => cuts.note(format!(
                    "item {}, column '{}': more lines than a row of the largest height (409 pt) shows: cut on screen and in print (the CSV and JSON outputs keep it whole)",
                    strip_controls(&item.id),
                    strip_controls(header)
                )),
            }
        }
        for (c, text) in shortened.iter() {
            texts[*c] = text;
        }
        texts
    }
}

/// Whether a column's cells name a format of their own (the status and change, filled by
/// tone) or are written as numbers (the input row): the others take their column's look.
fn own_format(kind: Col) -> bool {
    matches!(kind, Col::Cell(col::STATUS | col::ROW) | Col::Change)
}

/// One row per check item: the reviewer's columns (a decision from a drop-down, then a
/// comment) right after the verdict and procedures, the codes and input row in a hidden
/// group, widths fixed and each row as tall as its tallest cell; printed A4 landscape,
/// one page wide, the header on every page.
///
/// A sheet too long to be fitted ([`fitted`]) gets its rows later, written by us
/// ([`GapRows`]): everything else of it is set here.
pub fn write_gap_sheet<'r>(
    sheet: &mut Worksheet,
    report: &'r GapReport,
    styles: &Styles,
    footer: &str,
    cuts: &mut Cuts,
    whole_list_in: Option<&str>,
    own_registration: Option<Registration>,
) -> anyhow::Result<Option<GapRows<'r>>> {
    let lang = report.lang;
    let layout = layout(report, whole_list_in, own_registration);
    let last_row = row_num(report.items.len())?;
    let last_col = col_num(layout.cols.len().saturating_sub(1))?;

    write_header_row(sheet, 0, &layout.headers, &layout.columns, styles)?;
    for (c, kind) in layout.cols.iter().enumerate() {
        if matches!(kind, Col::Decision | Col::Comment | Col::Change) {
            let xc = col_num(c)?;
            sheet.write_string_with_format(0, xc, &layout.headers[c], &styles.reviewer_header)?;
        }
    }

    // The table's look, once per column rather than per row: a cell written without a
    // format takes its column's (borders, wrap; the row number plain; the reviewer's two
    // columns filled), and an empty cell shows it too. Only the header, the status and
    // the change name a format of their own: rust_xlsxwriter hashes a Format on every
    // call that does (BENCHMARKS.md).
    let col_of = |kind: Col| layout.cols.iter().position(|c| *c == kind).map(col_num);
    let status_col = col_of(Col::Cell(col::STATUS)).transpose()?;
    let change_col = col_of(Col::Change).transpose()?;
    let row_col = col_of(Col::Cell(col::ROW)).transpose()?;
    sheet.set_column_range_format(0, last_col, &styles.cell)?;
    for reviewer in [Col::Decision, Col::Comment] {
        if let Some(c) = col_of(reviewer).transpose()? {
            sheet.set_column_format(c, &styles.reviewer)?;
        }
    }
    if let Some(c) = row_col {
        sheet.set_column_format(c, &styles.number)?;
    }

    let probed = if fitted(report.items.len(), layout.cols.len()) {
        // rows as tall as their text (see add_row_sheet), written through the library
        let mut row = RowTexts::default();
        for (r, item) in report.items.iter().enumerate() {
            let xr = row_num(r + 1)?;
            let texts = row.fill(report, &layout, item, cuts);
            layout.columns.fit_row(
                sheet,
                xr,
                texts.iter().take(layout.hidden).copied().enumerate(),
            )?;
            for (c, (kind, text)) in layout.cols.iter().zip(&texts).enumerate() {
                if !own_format(*kind) && !text.is_empty() {
                    let cell = cuts.fit(text, &item.id, &layout.headers[c]);
                    sheet.write_string(xr, col_num(c)?, cell)?;
                }
            }
            if let Some(c) = status_col {
                let toned = styles.toned(item.status.into());
                let status = item_status_label(item, layout.own_registration, lang);
                sheet.write_string_with_format(xr, c, &*status, toned)?;
            }
            if let Some(c) = change_col {
                let change = texts[usize::from(c)];
                sheet.write_string_with_format(xr, c, change, styles.toned(change_tone(item)))?;
            }
            if let Some(c) = row_col {
                // the input row number is written as a number, every other cell as text
                sheet.write_number(xr, c, item.row as f64)?;
            }
        }
        None
    } else {
        // The looks the rows take: the columns', then the tones in the order the rows first
        // use them (the order the library would have registered them in, row by row).
        let mut looks: Vec<Look> = Vec::new();
        let columns = layout.cols.iter().map(|kind| Look::of_column(*kind));
        for look in columns {
            if !looks.contains(&look) {
                looks.push(look);
            }
        }
        for item in report.items.iter() {
            let status = Look::toned(item.status.into());
            let change = change_col.map(|_| Look::toned(change_tone(item)));
            for look in std::iter::once(status).chain(change) {
                if !looks.contains(&look) {
                    looks.push(look);
                }
            }
        }
        let formats: Vec<&Format> = looks.iter().map(|l| l.format(styles)).collect();
        probe_styles(sheet, 1, &formats)?;
        Some(looks)
    };

    if last_row > 0 {
        if let Some(decision_col) = layout.cols.iter().position(|c| *c == Col::Decision) {
            let title = reviewer_headers(lang)[0];
            let validation = DataValidation::new()
                .allow_list_strings(&decision_choices(lang))?
                .set_input_title(title)?
                .set_input_message(lang.pick(
                    "追加の確認手続が要るかを選んでください",
                    "Choose whether an additional procedure is needed",
                ))?
                .set_error_message(
                    lang.pick("一覧から選んでください", "choose a value from the list"),
                )?;
            let xc = col_num(decision_col)?;
            sheet.add_data_validation(1, xc, last_row, xc, &validation)?;
        }
    }

    if layout.hidden < layout.cols.len() {
        sheet.group_columns_collapsed(col_num(layout.hidden)?, last_col)?;
    }
    finish_table(
        sheet,
        &Table {
            columns: &layout.columns,
            last_row,
            last_col,
            last_printed: col_num(layout.printed.saturating_sub(1))?,
            frozen_cols: 2,
            fit_width: true,
            footer,
        },
    )?;
    Ok(probed.map(|looks| GapRows {
        report,
        layout,
        looks,
        last_row,
        last_col,
    }))
}

/// The rows of a gap sheet too long to be fitted, written after the workbook is saved
/// ([`save_with_rows`](crate::report::xlsx::sheet_xml::save_with_rows)): the same cells, in the same looks, as the library would have
/// written (the sheet's probe row gives the looks' style indices).
pub struct GapRows<'r> {
    report: &'r GapReport,
    layout: Layout,
    /// The looks probed, in order.
    looks: Vec<Look>,
    last_row: RowNum,
    last_col: ColNum,
}

impl<'r> GapRows<'r> {
    /// The gap report whose rows these are.
    pub fn report(&self) -> &'r GapReport {
        self.report
    }

    /// Where the rows go: the workbook's sheet number `sheet` (from 1).
    pub fn deferred(&self, sheet: usize) -> Deferred {
        Deferred {
            sheet,
            first_row: 1,
            last_row: self.last_row,
            last_col: self.last_col,
        }
    }

    /// Writes the rows; a cell too long for Excel is cut and noted in `cuts`.
    pub fn write(&self, out: &mut SheetRows, cuts: &mut Cuts) -> anyhow::Result<()> {
        let (report, layout) = (self.report, &self.layout);
        let lang = report.lang;
        let probed: Vec<(Look, Option<u32>)> = (self.looks.iter().enumerate())
            .map(|(k, look)| (*look, out.style(k)))
            .collect();
        let style = |look: Look| -> anyhow::Result<u32> {
            let probed = probed.iter().find(|(l, _)| *l == look);
            probed
                .and_then(|(_, s)| *s)
                .context("a look of the gap sheet was not probed")
        };
        let column_styles = layout
            .cols
            .iter()
            .map(|kind| style(Look::of_column(*kind)))
            .collect::<anyhow::Result<Vec<u32>>>()?;
        let mut row = RowTexts::default();
        for (r, item) in report.items.iter().enumerate() {
            let texts = row.fill(report, layout, item, cuts);
            out.start_row(row_num(r + 1)?);
            for (c, (kind, text)) in layout.cols.iter().zip(&texts).enumerate() {
                let xc = col_num(c)?;
                match kind {
                    Col::Cell(col::STATUS) => {
                        let look = Look::toned(item.status.into());
                        let status = item_status_label(item, layout.own_registration, lang);
                        out.text(xc, &status, style(look)?);
                    }
                    Col::Change => out.text(xc, text, style(Look::toned(change_tone(item)))?),
                    // the input row number is written as a number, every other cell as text
                    Col::Cell(col::ROW) => out.number(xc, item.row as u64, column_styles[c]),
                    _ if !text.is_empty() => {
                        let cell = cuts.fit(text, &item.id, &layout.headers[c]);
                        out.text(xc, &cell, column_styles[c]);
                    }
                    _ => {}
                }
            }
            out.end_row()?;
        }
        Ok(())
    }
}
/// The width of the reviewer's decision column: its choices, and its header on one line
/// up to 16 (`追加手続の要否`, which wrapped inside the word: review 17 D-10; an English
/// header wraps between its words).
fn decision_width(lang: Lang) -> f64 {
    let header = column_width([reviewer_headers(lang)[0]]).min(16.0);
    column_width(decision_choices(lang)).max(header).max(10.0)
}

/// The items of the previous review that the check list no longer has, with the status,
/// decision and comment they had.
pub fn write_removed_sheet(
    sheet: &mut Worksheet,
    review: &ReviewSummary,
    lang: Lang,
    styles: &Styles,
    footer: &str,
) -> anyhow::Result<()> {
    let headers = removed_headers(lang);
    let columns = Columns::new(vec![
        column_width(
            review
                .removed_items
                .iter()
                .map(|i| i.id.as_str())
                .chain([headers[0]]),
        )
        .clamp(6.0, 16.0),
        40.0,
        column_width(
            Status::ALL
                .iter()
                .map(|s| s.label(lang))
                .chain([headers[2]]),
        ),
        decision_width(lang).max(12.0),
        40.0,
    ]);
    write_header_row(sheet, 0, &headers, &columns, styles)?;
    let mut cuts = Cuts::default();
    for (r, item) in review.removed_items.iter().enumerate() {
        let xr = row_num(r + 1)?;
        let decision = item.decision.as_ref().map(|d| d.label(lang));
        let texts = [
            item.id.as_str(),
            item.title.as_str(),
            item.status.label(lang),
            decision.as_deref().unwrap_or(""),
            item.comment.as_deref().unwrap_or(""),
        ];
        let toned = styles.toned(item.status.into());
        let format = |c| match c {
            2 => toned,
            3 | 4 => &styles.reviewer,
            _ => &styles.cell,
        };
        write_text_row(sheet, xr, &texts, format, &columns, (&headers, &mut cuts))?;
    }
    cuts.warn();
    finish_table(
        sheet,
        &Table {
            columns: &columns,
            last_row: row_num(review.removed_items.len())?,
            last_col: 4,
            last_printed: 4,
            frozen_cols: 1,
            fit_width: true,
            footer,
        },
    )
}
