//! The check list `suggest` writes back as a workbook: every sheet of the input in its
//! order, the sheets it read with their candidate columns marked and a drop-down of
//! candidates on each references cell, the others as they were; the cells keep their
//! types (numbers, dates, booleans) and formulas; every sheet set up for printing.
use std::collections::{HashMap, HashSet};
use std::io::Write;

use calamine::Data;
use rust_xlsxwriter::{DataValidation, ExcelDateTime, Format, Formula, Note, RowNum, Worksheet};

use crate::input::table::{cell_text, Region, StoredCell, Visibility};
use crate::report::suggest::{BookSheet, SheetOut, SuggestBook};
use crate::report::xlsx::common::{
    col_num, print_setup, row_num, widen, Columns, Cuts, Print, Styles, MAX_CELL_UTF16, MIN_WIDTH,
};
use crate::text::strip_controls;

mod formula;

use formula::{shift_formula, Shift};

/// The formats of the written cells: plain or in the table, a date, a time or a duration.
struct CellFormats {
    plain: Format,
    date: Format,
    datetime: Format,
    duration: Format,
}

impl CellFormats {
    fn on(base: &Format) -> CellFormats {
        CellFormats {
            plain: base.clone(),
            date: base.clone().set_num_format("yyyy-mm-dd"),
            datetime: base.clone().set_num_format("yyyy-mm-dd hh:mm:ss"),
            duration: base.clone().set_num_format("[h]:mm:ss"),
        }
    }
}

/// What is said on stderr once the workbook is written.
#[derive(Default)]
struct Notes {
    cuts: Cuts,
    /// Formula cells written as their values (`Sheet!A1`).
    values_for_formulas: Vec<String>,
    /// Sheets that are not worksheets (charts), not copied.
    not_copied: Vec<String>,
    /// Sheets whose formulas could not be read.
    formulas_unread: Vec<String>,
}

/// Writes `book` (see the module documentation). Nothing is written into a references
/// cell: choosing is the user's.
pub fn render_suggest(book: &SuggestBook, w: &mut dyn Write) -> anyhow::Result<()> {
    let lang = book.lang;
    let styles = Styles::new();
    let title = lang.pick(
        "確認項目 (ISMAP管理策の候補)",
        "Check items (suggested ISMAP references)",
    );
    // no date of its own: a fixed creation time keeps the bytes the same run after run
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    let mut workbook = crate::report::xlsx::common::new_workbook(title, &created);
    let footer = format!("{title} — {}", book.source);
    // the columns each sheet read gets, by sheet name (formulas refer to sheets by name,
    // in any case)
    let shifts: HashMap<String, Shift> = book
        .sheets
        .iter()
        .filter_map(|s| {
            let out = s.out.as_ref()?;
            Some((s.name.to_lowercase(), out.shift))
        })
        .collect();
    let mut notes = Notes::default();
    let first_visible = book
        .sheets
        .iter()
        .position(|s| s.visibility == Visibility::Visible && !is_chart(s));
    for (k, sheet) in book.sheets.iter().enumerate() {
        if is_chart(sheet) {
            notes.not_copied.push(sheet.name.clone());
            continue;
        }
        if sheet.formulas_unread {
            notes.formulas_unread.push(sheet.name.clone());
        }
        // an ordinary sheet, not a "constant memory" one: in that mode rust_xlsxwriter
        // 0.102 writes the last row twice when it has a height of its own (a `<row>`
        // repeated, which Excel repairs), and a check list is small
        let ws = workbook.add_worksheet();
        ws.set_name(&sheet.name)?;
        match sheet.visibility {
            Visibility::Visible => {}
            Visibility::Hidden => {
                ws.set_hidden(true);
            }
            Visibility::VeryHidden => {
                ws.set_very_hidden(true);
            }
        }
        if Some(k) == first_visible {
            ws.set_active(true);
        }
        // a formula whose value was never calculated stays empty, not 0
        ws.set_formula_result_default("");
        let ctx = SheetCtx {
            book,
            sheet,
            shifts: &shifts,
            styles: &styles,
            footer: &footer,
        };
        match &sheet.out {
            Some(out) => ctx.write_list(ws, out, &mut notes)?,
            None => ctx.write_copy(ws, &mut notes)?,
        }
        ctx.write_comments(ws, &mut notes)?;
    }
    w.write_all(&workbook.save_to_buffer()?)?;
    notes.cuts.warn();
    if !notes.values_for_formulas.is_empty() {
        let n = notes.values_for_formulas.len();
        let shown: Vec<&str> = notes
            .values_for_formulas
            .iter()
            .take(10)
            .map(String::as_str)
            .collect();
        let more = match (n - shown.len(), crate::messages::lang()) {
            (0, _) => String::new(),
            (k, crate::lang::Lang::Ja) => format!("、ほか{k}件"),
            (k, crate::lang::Lang::En) => format!(" and {k} more"),
        };
        eprintln!(
            "{}",
            crate::messages::warning(&format!(
                "{} formula cell(s) written as their last calculated values, not as formulas (the formula could not be carried over for sure): {}{more}",
                n,
                shown.join(", ")
            ))
        );
    }
    if !notes.formulas_unread.is_empty() {
        eprintln!(
            "{}",
            crate::messages::warning(&format!(
                "the formulas of these sheets could not be read: their formula cells are written as their last calculated values: {}",
                notes.formulas_unread.join(", ")
            ))
        );
    }
    if !notes.not_copied.is_empty() {
        eprintln!(
            "{}",
            crate::messages::warning(&format!(
                "sheets that are not worksheets (charts, dialogs, macros) were not copied: {}",
                notes.not_copied.join(", ")
            ))
        );
    }
    Ok(())
}

/// Charts and other sheets that are not worksheets (they have no cells to copy).
fn is_chart(sheet: &BookSheet) -> bool {
    sheet.stored.is_none() && sheet.out.is_none()
}

/// What writing one sheet needs.
struct SheetCtx<'a, 'w> {
    book: &'a SuggestBook<'w>,
    sheet: &'a BookSheet<'w>,
    shifts: &'a HashMap<String, Shift>,
    styles: &'a Styles,
    footer: &'a str,
}

/// The input sheet's [`crate::report::suggest::SheetLook`] in the output's columns.
#[derive(Default)]
struct Placed {
    merges: Vec<Region>,
    /// The cells of a merged region but its first (written empty: `report` fills them down).
    covered: HashSet<(usize, usize)>,
    struck: HashSet<(usize, usize)>,
    hidden_rows: Vec<usize>,
    hidden_columns: Vec<usize>,
}

impl Placed {
    /// Merges each region written, in the `format` of its cells; its first cell is
    /// written after.
    fn merge(&self, ws: &mut Worksheet, format: impl Fn(&Region) -> Format) -> anyhow::Result<()> {
        for m in &self.merges {
            ws.merge_range(
                row_num(m.top)?,
                col_num(m.left)?,
                row_num(m.bottom)?,
                col_num(m.right)?,
                "",
                &format(m),
            )?;
        }
        Ok(())
    }

    /// Hides the rows and columns the input hides (after the widths and heights are set).
    fn hide(&self, ws: &mut Worksheet) -> anyhow::Result<()> {
        for &c in &self.hidden_columns {
            ws.set_column_hidden(col_num(c)?)?;
        }
        for &r in &self.hidden_rows {
            ws.set_row_hidden(row_num(r)?)?;
        }
        Ok(())
    }
}

/// One cell to write: text of ours (or of a CSV), or a workbook's cell as stored.
enum Out<'c> {
    Text(&'c str),
    Stored(&'c StoredCell),
}

impl SheetCtx<'_, '_> {
    /// The input's merged cells, hidden rows and columns and struck cells, moved with the
    /// inserted columns. A region over the columns where they are inserted (in the rows of
    /// the items: the header's are left whole, [`SheetOut::build`]) spans them too, so
    /// that its cells still read as one; a region within an earlier run's candidate
    /// columns (taken out) is dropped.
    fn placed(&self) -> Placed {
        let look = &self.sheet.look;
        let shift = self.sheet.out.as_ref().map(|o| o.shift);
        let col = |c: usize| match shift {
            Some(s) => s.col(c),
            None => Some(c),
        };
        let mut placed = Placed::default();
        for m in &look.merges {
            let Some(left) = col(m.left) else { continue };
            let right = match (col(m.right), shift) {
                (Some(r), _) => r,
                (None, Some(s)) => s.at + s.added.max(1) - 1,
                (None, None) => m.right,
            };
            let m = Region {
                left,
                right: right.max(left),
                ..*m
            };
            if m.top == m.bottom && m.left == m.right {
                continue;
            }
            for r in m.top..=m.bottom {
                for c in m.left..=m.right {
                    if (r, c) != (m.top, m.left) {
                        placed.covered.insert((r, c));
                    }
                }
            }
            placed.merges.push(m);
        }
        placed.struck = look
            .struck
            .iter()
            .filter_map(|&(r, c)| Some((r, col(c)?)))
            .collect();
        placed.hidden_rows.clone_from(&look.hidden_rows);
        placed.hidden_columns = look.hidden_columns.iter().filter_map(|&c| col(c)).collect();
        placed
    }

    /// A sheet `suggest` read: every cell as read, the candidate columns, the drop-downs,
    /// the table's look, panes, filter and printing.
    fn write_list(
        &self,
        ws: &mut Worksheet,
        out: &SheetOut,
        notes: &mut Notes,
    ) -> anyhow::Result<()> {
        let styles = self.styles;
        let lang = out.lang;
        let (first_added, n_added) = out.added;
        let added = first_added..first_added + n_added;
        let stored = self.sheet.stored.unwrap_or(&[]);
        let n_rows = out.rows.len().max(stored.len());
        // the cells of each row, by output column
        let row_cells = |r: usize| -> Vec<Out> {
            let mut cells: Vec<Out> = out
                .rows
                .get(r)
                .map(|row| row.iter().map(|t| Out::Text(t)).collect())
                .unwrap_or_default();
            if let Some(srow) = stored.get(r) {
                for (c, cell) in srow.iter().enumerate() {
                    let Some(j) = out.shift.col(c) else { continue };
                    if cells.len() <= j {
                        if cell.value == Data::Empty && cell.formula.is_none() {
                            continue;
                        }
                        cells.resize_with(j + 1, || Out::Text(""));
                    }
                    cells[j] = Out::Stored(cell);
                }
            }
            cells
        };
        let width = (0..n_rows).map(|r| row_cells(r).len()).max().unwrap_or(0);
        let last_col = width.saturating_sub(1);
        // column widths from every cell, before the rows (row heights follow from them)
        let mut widths = vec![MIN_WIDTH as f64; width];
        for r in 0..n_rows {
            for (c, cell) in row_cells(r).iter().enumerate() {
                widen(&mut widths[c], &display(cell));
            }
        }
        let columns = Columns::new(widths);
        let header_cells = out.rows.get(out.header_row).cloned().unwrap_or_default();
        let table = CellFormats::on(&styles.cell);
        let ours = CellFormats::on(&styles.reviewer);
        let above = CellFormats::on(&styles.text);
        let struck = |f: &Format| f.clone().set_font_strikethrough();
        let (table_struck, above_struck) = (
            CellFormats::on(&struck(&styles.cell)),
            CellFormats::on(&struck(&styles.text)),
        );
        let placed = self.placed();
        placed.merge(ws, |m| {
            if (m.top..=m.bottom).contains(&out.header_row) {
                styles.header.clone()
            } else if m.top > out.header_row {
                styles.cell.clone()
            } else {
                styles.text.clone()
            }
        })?;
        for r in 0..n_rows {
            let xr = row_num(r)?;
            let cells = row_cells(r);
            let in_table = r > out.header_row;
            if r == out.header_row {
                ws.set_range_format(xr, 0, xr, col_num(last_col)?, &styles.header)?;
            } else if in_table && width > 0 {
                ws.set_range_format(xr, 0, xr, col_num(last_col)?, &styles.cell)?;
                if n_added > 0 {
                    ws.set_range_format(
                        xr,
                        col_num(added.start)?,
                        xr,
                        col_num(added.end - 1)?,
                        &styles.reviewer,
                    )?;
                }
            }
            let id = cells.first().map(display).unwrap_or_default();
            for (c, cell) in cells.iter().enumerate() {
                if placed.covered.contains(&(r, c)) {
                    continue;
                }
                let is_struck = placed.struck.contains(&(r, c));
                let formats = if r == out.header_row {
                    None
                } else if !in_table {
                    Some(if is_struck { &above_struck } else { &above })
                } else if added.contains(&c) {
                    Some(&ours)
                } else {
                    Some(if is_struck { &table_struck } else { &table })
                };
                let column = header_cells.get(c).map_or("", String::as_str);
                match formats {
                    None => {
                        let format = if added.contains(&c) {
                            styles.reviewer_header.clone()
                        } else if is_struck {
                            struck(&styles.header)
                        } else {
                            styles.header.clone()
                        };
                        let text = display(cell);
                        if !text.is_empty() {
                            let text = notes.cuts.fit(&text, &id, column);
                            ws.write_string_with_format(xr, col_num(c)?, text, &format)?;
                        }
                    }
                    Some(f) => self.write_cell(ws, (r, c), cell, f, (&id, column), notes)?,
                }
            }
            columns.fit_row(
                ws,
                xr,
                cells
                    .iter()
                    .enumerate()
                    .map(|(c, cell)| (c, display(cell)))
                    .collect::<Vec<_>>()
                    .iter()
                    .map(|(c, t)| (*c, t.as_str())),
            )?;
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
            ws.add_data_validation(first, refs_col, first, refs_col, &validation)?;
        }
        columns.apply(ws)?;
        placed.hide(ws)?;
        let header = row_num(out.header_row)?;
        ws.set_freeze_panes(header + 1, 0)?;
        let last_row = row_num(n_rows.saturating_sub(1))?;
        if width > 0 && n_rows > out.header_row + 1 {
            ws.autofilter(header, 0, last_row, col_num(last_col)?)?;
        }
        print_setup(
            ws,
            &Print {
                footer: self.footer,
                header_row: Some(header),
                one_page: false,
                fit_width: true,
                last_row,
                last_col: col_num(last_col)?,
            },
        )
    }

    /// The input sheet's cell comments as notes (メモ) on the same cells, moved with the
    /// inserted columns (one on an earlier run's candidate column, taken out, goes to the
    /// first candidate column): `report` reads them as it read the input's (review 19 A-9).
    /// A text longer than a note holds is cut, and a warning names the cell.
    fn write_comments(&self, ws: &mut Worksheet, notes: &mut Notes) -> anyhow::Result<()> {
        // Excel's limit, less what rust_xlsxwriter keeps for an author's name
        const MAX_NOTE_UTF16: usize = MAX_CELL_UTF16 - 54;
        for ((r, c), text) in &self.sheet.comments {
            let c = match &self.sheet.out {
                Some(out) => out.shift.col(*c).unwrap_or(out.shift.at),
                None => *c,
            };
            let cell = format!("{}{}", crate::input::column_letter(c), r + 1);
            let mut units = 0;
            let kept: String = text
                .chars()
                .take_while(|ch| {
                    units += ch.len_utf16();
                    units <= MAX_NOTE_UTF16
                })
                .collect();
            if kept.len() < text.len() {
                notes.cuts.note(format!(
                    "sheet '{}', cell {cell}: the comment's {} characters are over the {MAX_NOTE_UTF16} a note holds: cut in the xlsx",
                    strip_controls(&self.sheet.name),
                    text.chars().count(),
                ));
            }
            ws.insert_note(
                row_num(*r)?,
                col_num(c)?,
                &Note::new(kept).add_author_prefix(false),
            )?;
        }
        Ok(())
    }

    /// A sheet `suggest` did not read: its cells as they were, set up for printing.
    fn write_copy(&self, ws: &mut Worksheet, notes: &mut Notes) -> anyhow::Result<()> {
        let stored = self.sheet.stored.unwrap_or(&[]);
        let width = stored.iter().map(Vec::len).max().unwrap_or(0);
        let mut widths = vec![MIN_WIDTH as f64; width];
        for row in stored {
            for (c, cell) in row.iter().enumerate() {
                widen(&mut widths[c], &cell_text(&cell.value));
            }
        }
        let columns = Columns::new(widths);
        let formats = CellFormats::on(&self.styles.text);
        let struck = CellFormats::on(&self.styles.text.clone().set_font_strikethrough());
        let placed = self.placed();
        placed.merge(ws, |_: &Region| self.styles.text.clone())?;
        for (r, row) in stored.iter().enumerate() {
            let id = row.first().map(|c| cell_text(&c.value)).unwrap_or_default();
            for (c, cell) in row.iter().enumerate() {
                if placed.covered.contains(&(r, c)) {
                    continue;
                }
                let f = if placed.struck.contains(&(r, c)) {
                    &struck
                } else {
                    &formats
                };
                self.write_cell(ws, (r, c), &Out::Stored(cell), f, (&id, ""), notes)?;
            }
            let texts: Vec<String> = row.iter().map(|c| cell_text(&c.value)).collect();
            columns.fit_row(
                ws,
                row_num(r)?,
                texts.iter().enumerate().map(|(c, t)| (c, t.as_str())),
            )?;
        }
        columns.apply(ws)?;
        placed.hide(ws)?;
        print_setup(
            ws,
            &Print {
                footer: self.footer,
                header_row: None,
                one_page: false,
                fit_width: true,
                last_row: row_num(stored.len().saturating_sub(1))?,
                last_col: col_num(width.saturating_sub(1))?,
            },
        )
    }

    /// One cell (`(row, col)` of the output) in its type: text, a number, a boolean, a
    /// date or time with its format, a formula with its last calculated value.
    fn write_cell(
        &self,
        ws: &mut Worksheet,
        (r, c): (usize, usize),
        cell: &Out,
        f: &CellFormats,
        (id, column): (&str, &str),
        notes: &mut Notes,
    ) -> anyhow::Result<()> {
        let (xr, xc) = (row_num(r)?, col_num(c)?);
        let stored = match cell {
            Out::Text(t) => {
                if !t.is_empty() {
                    let text = notes.cuts.fit(t, id, column);
                    ws.write_string_with_format(xr, xc, text, &f.plain)?;
                }
                return Ok(());
            }
            Out::Stored(s) => *s,
        };
        if let Some(formula) = &stored.formula {
            let own = &self.sheet.name;
            let moved = self
                .book
                .xlsx_formulas
                .then(|| shift_formula(formula, own, |name| self.shifts.get(&name.to_lowercase())))
                .flatten();
            match (moved, formula_result(&stored.value)) {
                (Some(moved), Some((result, date))) => {
                    let format = if date { &f.date } else { &f.plain };
                    let format = match &stored.value {
                        Data::DateTime(d) if d.is_datetime() && has_time(d) => &f.datetime,
                        Data::DateTime(d) if d.is_duration() => &f.duration,
                        _ => format,
                    };
                    ws.write_formula_with_format(
                        xr,
                        xc,
                        Formula::new(moved).set_result(result),
                        format,
                    )?;
                    return Ok(());
                }
                _ => notes.values_for_formulas.push(format!(
                    "{}!{}{}",
                    self.sheet.name,
                    crate::input::column_letter(c),
                    r + 1
                )),
            }
        }
        write_value(
            ws,
            (xr, xc),
            &stored.value,
            f,
            (id, column),
            &mut notes.cuts,
        )
    }
}

/// The text a cell shows (for widths and heights).
fn display(cell: &Out) -> String {
    match cell {
        Out::Text(t) => (*t).to_owned(),
        Out::Stored(s) => cell_text(&s.value),
    }
}

fn has_time(d: &calamine::ExcelDateTime) -> bool {
    let (_, _, _, h, m, s, ms) = d.to_ymd_hms_milli();
    (h, m, s, ms) != (0, 0, 0, 0)
}

/// A formula's last calculated value as the text an xlsx stores it in, and whether it is a
/// date; `None` when that text would read back as another type (a text `"12"` would come
/// back a number).
fn formula_result(value: &Data) -> Option<(String, bool)> {
    Some(match value {
        Data::Empty => (String::new(), false),
        Data::String(s) => {
            let looks_typed = s.trim().parse::<f64>().is_ok()
                || matches!(s.as_str(), "TRUE" | "FALSE")
                || s.starts_with('#');
            if looks_typed {
                return None;
            }
            (s.clone(), false)
        }
        Data::Float(x) => (x.to_string(), false),
        Data::Int(i) => (i.to_string(), false),
        Data::Bool(b) => ((if *b { "TRUE" } else { "FALSE" }).to_owned(), false),
        Data::DateTime(d) => (d.as_f64().to_string(), true),
        Data::Error(e) => (
            match e {
                calamine::CellErrorType::GettingData => "#GETTING_DATA".to_owned(),
                e => e.to_string(),
            },
            false,
        ),
        Data::DateTimeIso(_) | Data::DurationIso(_) => return None,
    })
}

/// A value in its type.
fn write_value(
    ws: &mut Worksheet,
    (xr, xc): (RowNum, u16),
    value: &Data,
    f: &CellFormats,
    (id, column): (&str, &str),
    cuts: &mut Cuts,
) -> anyhow::Result<()> {
    match value {
        Data::Empty => {}
        Data::String(s) => {
            if !s.is_empty() {
                ws.write_string_with_format(xr, xc, cuts.fit(s, id, column), &f.plain)?;
            }
        }
        Data::Float(x) => {
            ws.write_number_with_format(xr, xc, *x, &f.plain)?;
        }
        Data::Int(i) => {
            ws.write_number_with_format(xr, xc, *i as f64, &f.plain)?;
        }
        Data::Bool(b) => {
            ws.write_boolean_with_format(xr, xc, *b, &f.plain)?;
        }
        Data::DateTime(d) if d.is_duration() => {
            ws.write_number_with_format(xr, xc, d.as_f64(), &f.duration)?;
        }
        Data::DateTime(d) => {
            let (y, mo, day, h, mi, s, ms) = d.to_ymd_hms_milli();
            let format = if has_time(d) { &f.datetime } else { &f.date };
            match ExcelDateTime::from_ymd(y, mo, day)
                .and_then(|t| t.and_hms_milli(u16::from(h), mi, s, ms))
            {
                Ok(t) => ws.write_datetime_with_format(xr, xc, t, format)?,
                Err(_) => ws.write_number_with_format(xr, xc, d.as_f64(), format)?,
            };
        }
        Data::DateTimeIso(s) => match ExcelDateTime::parse_from_str(s) {
            Ok(t) => {
                let format = if s.contains('T') {
                    &f.datetime
                } else {
                    &f.date
                };
                ws.write_datetime_with_format(xr, xc, t, format)?;
            }
            Err(_) => {
                ws.write_string_with_format(xr, xc, cuts.fit(s, id, column), &f.plain)?;
            }
        },
        Data::DurationIso(s) => {
            ws.write_string_with_format(xr, xc, cuts.fit(s, id, column), &f.plain)?;
        }
        Data::Error(_) => {
            ws.write_string_with_format(xr, xc, cell_text(value), &f.plain)?;
        }
    }
    Ok(())
}
