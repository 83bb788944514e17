//! Tables from CSV text or a workbook sheet: rows of cell strings with their real row numbers.
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, SheetVisible};

use crate::date::Date;
use crate::error::{InputError, Location};
use crate::input::decode::{self, Encoding};
use crate::input::{read_bytes, FileKind};

/// Largest cell accepted, in bytes; a check item or id cell holds a few lines at most.
pub const MAX_CELL_BYTES: usize = 128 * 1024;

/// A grid of cells. `rows[i]` is row `i + 1` of the file or sheet.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub path: PathBuf,
    pub sheet: Option<String>,
    pub rows: Vec<Vec<String>>,
    /// A workbook's merged regions (read with [`Merged::FillDown`]; none for CSV).
    pub merges: Vec<Region>,
    /// The cells of a workbook holding a number with a fraction (`5.3`), 0-based (row,
    /// column), in row order: their text is the number's, not what was typed (`5.30`) nor
    /// what a number format shows.
    pub fractions: Vec<(usize, usize)>,
    /// The encoding a CSV/text file was read in when it was not UTF-8 (`CP932`, `UTF-16`).
    pub read_as: Option<&'static str>,
}

/// A merged region of a sheet, 0-based, first and last row and column included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub top: usize,
    pub bottom: usize,
    pub left: usize,
    pub right: usize,
}

impl Region {
    pub fn contains(&self, row: usize, col: usize) -> bool {
        (self.top..=self.bottom).contains(&row) && (self.left..=self.right).contains(&col)
    }

    fn of(d: &calamine::Dimensions) -> Region {
        Region {
            top: d.start.0 as usize,
            bottom: d.end.0 as usize,
            left: d.start.1 as usize,
            right: d.end.1 as usize,
        }
    }
}

impl Sheet {
    pub fn location(&self) -> Location {
        Location::file(&self.path).sheet(self.sheet.as_deref())
    }

    /// Adds a CSV record that starts on `line`, keeping row numbers equal to lines when a
    /// quoted cell spans lines (the lines it covers stay empty rows).
    pub fn push_record(&mut self, line: usize, record: &Record) {
        self.push_cells(line, record.iter());
    }

    /// [`Sheet::push_record`] of the cells `cells`.
    fn push_cells<'a>(&mut self, line: usize, cells: impl Iterator<Item = &'a str>) {
        while self.rows.len() + 1 < line {
            self.rows.push(Vec::new());
        }
        self.rows.push(cells.map(str::to_owned).collect());
    }
}

/// One CSV record, its cells UTF-8: what [`each_csv_record`] hands over. The csv crate's
/// `StringRecord` checks the bytes of each record as it is read, with the standard
/// library's check (about 10 instructions a byte of Japanese text: a third of the
/// parsing thread's work at 100,000 rows); [`parse_records`] checks a text whole first
/// with simdutf8 (vectorised, under one a byte) and parses it into byte records that need
/// no check of their own.
#[derive(Default)]
pub struct Record(csv::ByteRecord);

impl Record {
    /// The cell in column `i`.
    pub fn get(&self, i: usize) -> Option<&str> {
        self.0.get(i).map(utf8)
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(utf8)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn position(&self) -> Option<&csv::Position> {
        self.0.position()
    }
}

/// A cell of a [`Record`] as text.
fn utf8(cell: &[u8]) -> &str {
    // SAFETY: a `Record` is only filled by `parse_records`, from a text checked to be UTF-8
    // whole or from a `StringRecord` (checked by the csv crate). A cell of a text parsed
    // as CSV is that text cut at ASCII bytes (delimiters, quotes, line ends), which are
    // never part of a longer UTF-8 sequence, with those bytes taken out: UTF-8 still.
    // A debug build checks it.
    debug_assert!(std::str::from_utf8(cell).is_ok());
    unsafe { std::str::from_utf8_unchecked(cell) }
}

/// Reads CSV/TSV text or a workbook sheet (merged cells filled down), by the file's kind.
pub fn read(
    path: &Path,
    encoding: Option<Encoding>,
    sheet: Option<&str>,
) -> Result<Sheet, InputError> {
    match FileKind::of(path) {
        FileKind::Workbook => read_workbook_with(path, sheet, Merged::FillDown),
        _ => {
            let bytes = read_text_bytes(path)?;
            let (sheet, read_as) =
                decode::parse_text(path, &bytes, encoding, |text| csv_sheet(path, text))?;
            Ok(Sheet { read_as, ..sheet })
        }
    }
}

/// Reads a CSV/TSV or text file, not yet decoded, refusing a workbook under another name.
pub fn read_text_bytes(path: &Path) -> Result<Vec<u8>, InputError> {
    let bytes = read_bytes(path)?;
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(InputError::at(
            Location::file(path),
            "looks like a workbook, but the name does not end in .xlsx/.xls/.ods",
        )
        .hint("rename it with its spreadsheet extension"));
    }
    Ok(bytes)
}

/// The delimiter the first line holding one uses most: tab, semicolon, or comma. A line
/// without any (a title, `登録区分: ISMAP` above a table) does not decide it, nor one whose
/// only ones are inside double quotes (`"Filter: …; Active = true"` above the header: review
/// 21 C-2).
fn sniff_delimiter(text: &[u8]) -> u8 {
    // the tabs, commas and semicolons of a line outside double quotes
    let unquoted = |line: &[u8]| -> [usize; 3] {
        let mut counts = [0; 3];
        let mut quoted = false;
        for &b in line {
            match b {
                b'"' => quoted = !quoted,
                b'\t' if !quoted => counts[0] += 1,
                b',' if !quoted => counts[1] += 1,
                b';' if !quoted => counts[2] += 1,
                _ => {}
            }
        }
        counts
    };
    let [tabs, commas, semicolons] = text
        .split(|&b| b == b'\n')
        .map(unquoted)
        .find(|counts| counts.iter().any(|&n| n > 0))
        .unwrap_or_default();
    let count = |c: char| match c {
        '\t' => tabs,
        ',' => commas,
        _ => semicolons,
    };
    if count('\t') > count(',') && count('\t') >= count(';') {
        b'\t'
    } else if count(';') > count(',') {
        b';'
    } else {
        b','
    }
}

/// Parses decoded CSV/TSV text; rows may be ragged.
pub fn read_csv_text(path: &Path, text: &str) -> Result<Sheet, InputError> {
    csv_sheet(path, text.as_bytes())
}

/// [`read_csv_text`] of text not yet checked to be UTF-8 (a record that is not is a
/// "malformed CSV" error).
fn csv_sheet(path: &Path, text: &[u8]) -> Result<Sheet, InputError> {
    let mut sheet = Sheet {
        path: path.to_path_buf(),
        ..Sheet::default()
    };
    // the cells right of the last column holding something in any row are dropped: a sheet
    // saved to CSV with Excel's used range to its last column (XFD) gives every line 16,383
    // commas more, and each empty column would be read, carried and compared column by
    // column (review 24 D-3: minutes). Each row is kept to its last filled cell as it is
    // read (memory), then given back its empty cells up to the sheet's width.
    let (mut width, mut lens) = (0, Vec::new());
    each_csv_record(path, text, |line, record| {
        let filled = (0..record.len())
            .rev()
            .find(|&c| record.get(c).is_some_and(|c| !c.trim().is_empty()))
            .map_or(0, |c| c + 1);
        width = width.max(filled);
        sheet.push_cells(line, record.iter().take(filled));
        lens.push((sheet.rows.len() - 1, record.len()));
        Ok(())
    })?;
    for (i, len) in lens {
        if let Some(row) = sheet.rows.get_mut(i) {
            row.resize(len.min(width).max(row.len()), String::new());
        }
    }
    Ok(sheet)
}

/// Parses CSV/TSV text one record at a time, as [`read_csv_text`] does, without keeping
/// the records: `each` gets the row (line) each record starts on, and the record, its
/// cells checked against [`MAX_CELL_BYTES`]. `text` is UTF-8, checked record by record as
/// it is parsed: a record that is not is a "malformed CSV" error.
pub fn each_csv_record(
    path: &Path,
    text: &[u8],
    mut each: impl FnMut(usize, &mut Record) -> Result<(), InputError>,
) -> Result<(), InputError> {
    each_csv_record_split(
        path,
        text,
        |_| None::<()>,
        |line, record, _| each(line, record),
        PIPELINE_MIN_BYTES,
    )
}

/// [`each_csv_record`], part of the work on each record done by the parsing thread, when
/// there is one: `prepare` runs there on every other record, and what it makes of it
/// comes to `each` with the record; `None` for the records it did not see (every record
/// on one thread), which `each` then reads whole itself. `prepare` must be what `each`
/// would do: the results are the same whichever thread did it.
pub fn each_csv_record_prepared<P: Send>(
    path: &Path,
    text: &[u8],
    prepare: impl Fn(&Record) -> Option<P> + Sync,
    each: impl FnMut(usize, &mut Record, Option<P>) -> Result<(), InputError>,
) -> Result<(), InputError> {
    each_csv_record_split(path, text, prepare, each, PIPELINE_MIN_BYTES)
}

/// From this much text, [`each_csv_record`] parses on a thread of its own.
const PIPELINE_MIN_BYTES: usize = 1 << 20;
/// Records handed over at a time between the parsing thread and the caller's.
const BATCH_RECORDS: usize = 256;

/// [`each_csv_record_prepared`]; from `pipeline_min` bytes of text, a second thread parses
/// the records (and prepares every other one) while this one runs `each` on those already
/// parsed, in the same order and with the same first error.
fn each_csv_record_split<P: Send>(
    path: &Path,
    text: &[u8],
    prepare: impl Fn(&Record) -> Option<P> + Sync,
    mut each: impl FnMut(usize, &mut Record, Option<P>) -> Result<(), InputError>,
    pipeline_min: usize,
) -> Result<(), InputError> {
    if text.len() < pipeline_min {
        return parse_records(path, text, |line, record| each(line, record, None));
    }
    type Batch<P> = Vec<(usize, Record, Option<P>)>;
    let (batches, parsed) = std::sync::mpsc::sync_channel::<Result<Batch<P>, InputError>>(4);
    // emptied batches go back to the parser, whose records are reused
    let (used, recycled) = std::sync::mpsc::channel::<Batch<P>>();
    let prepare = &prepare;
    std::thread::scope(|s| {
        s.spawn(move || {
            let mut spare: Vec<Record> = Vec::new();
            let mut batch: Batch<P> = Vec::with_capacity(BATCH_RECORDS);
            let mut odd = false;
            let parsed = parse_records(path, text, |line, record| {
                if spare.is_empty() {
                    spare.extend(recycled.try_iter().flatten().map(|(_, r, _)| r));
                }
                let fresh = spare.pop().unwrap_or_default();
                // every other record: about what balances the two threads' work
                odd = !odd;
                let prepared = if odd { None } else { prepare(record) };
                batch.push((line, std::mem::replace(record, fresh), prepared));
                if batch.len() == BATCH_RECORDS {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH_RECORDS));
                    // the caller has stopped (its `each` failed): stop parsing
                    batches
                        .send(Ok(full))
                        .map_err(|_| InputError::at(Location::file(path), "stopped"))?;
                }
                Ok(())
            });
            // either may fail only because the caller has stopped, which then has its error
            let _ = batches.send(Ok(batch));
            if let Err(e) = parsed {
                let _ = batches.send(Err(e));
            }
        });
        for batch in parsed {
            let mut batch = batch?;
            for (line, record, prepared) in &mut batch {
                each(*line, record, prepared.take())?;
            }
            let _ = used.send(batch);
        }
        Ok(())
    })
}

/// [`each_csv_record`] on this thread.
fn parse_records(
    path: &Path,
    text: &[u8],
    mut each: impl FnMut(usize, &mut Record) -> Result<(), InputError>,
) -> Result<(), InputError> {
    let delimiter = sniff_delimiter(text);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text);
    let loc = Location::file(path);
    // a text that is UTF-8 whole (most are: one vectorised check) is parsed into records
    // that need no check of their own; any other is read as before, each record checked as
    // it is parsed, so that its first error (CSV or UTF-8) is the same
    let checked = simdutf8::basic::from_utf8(text).is_ok();
    let mut record = Record::default();
    let mut unchecked = csv::StringRecord::new();
    // rows so far, counting the lines a quoted cell spans
    let mut rows = 0;
    // where the last record starts: its row and byte offset
    let mut last: Option<(usize, usize)> = None;
    loop {
        let read = if checked {
            rdr.read_byte_record(&mut record.0)
        } else {
            rdr.read_record(&mut unchecked).inspect(|&more| {
                if more {
                    record.0.clone_from(unchecked.as_byte_record());
                }
            })
        };
        match read {
            Ok(true) => {}
            Ok(false) => {
                return match last {
                    Some((row, start)) => check_quotes_closed(&loc, row, &text[start..], delimiter),
                    None => Ok(()),
                };
            }
            Err(e) => {
                let line = e.position().map_or(rows + 1, |p| record_start(text, p).0);
                return Err(
                    InputError::at(loc.line(line), format!("malformed CSV: {e}"))
                        .hint("check the quoting on that line"),
                );
            }
        }
        let (line, start) = record
            .position()
            .map_or((rows + 1, 0), |p| record_start(text, p));
        rows = line.max(rows + 1);
        last = Some((line, start));
        // no cell of a record within the limit whole is over it (most records)
        let over = record.0.as_slice().len() > MAX_CELL_BYTES;
        let checked = match over {
            true => check_cells(&loc, line, record.iter()),
            false => Ok(()),
        };
        if let Err(e) = checked {
            // a quote left open runs to the end of the file, often over the cell limit
            if rdr.position().byte() as usize >= text.len() {
                check_quotes_closed(&loc, line, &text[start..], delimiter)?;
            }
            return Err(e);
        }
        each(line, &mut record)?;
    }
}

/// The line a record starts on, and its byte offset, from the position the CSV reader gives
/// it: where the record before it ended. The reader skips blank lines before a record
/// without counting them; they are counted here, so that a row is always the line the
/// record starts on, as in a text editor (and as a sheet's rows are numbered).
fn record_start(text: &[u8], pos: &csv::Position) -> (usize, usize) {
    let start = (pos.byte() as usize).min(text.len());
    let blank = text[start..]
        .iter()
        .position(|b| !matches!(b, b'\r' | b'\n'))
        .unwrap_or(text.len() - start);
    let newlines = text[start..start + blank]
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    (pos.line() as usize + newlines, start + blank)
}

/// An error when the record `text` (the last one of a file, from its first byte to the
/// end of the file) ends inside a quoted cell: the CSV reader takes the rest of the file
/// into that cell without a word. Quoting as the reader reads it: a cell is quoted when it
/// starts with `"`, a doubled `""` inside is a quote, and a `"` within an unquoted cell
/// (`19"ラック`) is just a character.
fn check_quotes_closed(
    loc: &Location,
    row: usize,
    text: &[u8],
    delimiter: u8,
) -> Result<(), InputError> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        CellStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::CellStart;
    let (mut column, mut opened_at) = (0, 0);
    for (i, &b) in text.iter().enumerate() {
        let end_of_record = matches!(b, b'\r' | b'\n');
        state = match state {
            State::Quoted if b == b'"' => State::QuoteInQuoted,
            State::Quoted => State::Quoted,
            State::QuoteInQuoted if b == b'"' => State::Quoted,
            State::CellStart if b == b'"' => {
                opened_at = i;
                State::Quoted
            }
            _ if end_of_record => return Ok(()),
            _ if b == delimiter => {
                column += 1;
                State::CellStart
            }
            _ => State::Unquoted,
        };
    }
    if state != State::Quoted {
        return Ok(());
    }
    let line = row + text[..opened_at].iter().filter(|&&b| b == b'\n').count();
    let opened = if line == row {
        String::new()
    } else {
        format!(" (on line {line})")
    };
    Err(InputError::at(
        loc.clone().row(row).column(crate::input::column_letter(column)),
        format!("a quote opened in this cell{opened} is never closed: the rest of the file would be read into the cell"),
    )
    .hint("close the quote at the end of the cell (a quote inside a quoted cell is written twice: \"\"), or check the export"))
}

fn check_cells<'a>(
    loc: &Location,
    row: usize,
    cells: impl IntoIterator<Item = &'a str>,
) -> Result<(), InputError> {
    if let Some((i, _)) = cells
        .into_iter()
        .enumerate()
        .find(|(_, c)| c.len() > MAX_CELL_BYTES)
    {
        return Err(InputError::at(
            loc.clone().row(row).column(crate::input::column_letter(i)),
            format!("cell is over the {} KB limit", MAX_CELL_BYTES / 1024),
        )
        .hint("a cell of a check list or control list (an item, an id, a status, a remark) holds a few paragraphs at most: check the export for a cell that took in the rows after it"));
    }
    Ok(())
}

/// The text of a workbook cell: numbers without a trailing `.0`, dates as YYYY-MM-DD,
/// formula cells as their cached values.
pub fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                f.to_string()
            }
        }
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => {
            if dt.is_datetime() {
                let (y, m, d, hh, mm, ss, _) = dt.to_ymd_hms_milli();
                let date = Date {
                    year: i32::from(y),
                    month: u32::from(m),
                    day: u32::from(d),
                };
                if (hh, mm, ss) == (0, 0, 0) {
                    date.to_string()
                } else {
                    format!("{date} {hh:02}:{mm:02}:{ss:02}")
                }
            } else {
                dt.as_f64().to_string()
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// Reads one sheet of a workbook: `sheet` by name, else the first visible one.
pub fn read_workbook(path: &Path, sheet: Option<&str>) -> Result<Sheet, InputError> {
    read_workbook_with(path, sheet, Merged::AsStored)
}

/// [`read_workbook`], choosing what happens to merged cells.
pub fn read_workbook_with(
    path: &Path,
    sheet: Option<&str>,
    merged: Merged,
) -> Result<Sheet, InputError> {
    let loc = Location::file(path);
    let mut wb = open_workbook(path)?;
    let name = match sheet {
        Some(wanted) => find_sheet(&wb, &loc, wanted)?,
        None => wb
            .sheets_metadata()
            .iter()
            .find(|s| s.visible == SheetVisible::Visible)
            .or_else(|| wb.sheets_metadata().first())
            .map(|s| s.name.clone())
            .ok_or_else(|| InputError::at(loc.clone(), "the workbook has no sheets"))?,
    };
    let range = read_range(&mut wb, &loc, &name)?;
    let sheet_loc = loc.sheet(Some(&name));
    let mut rows = text_rows(&range, &sheet_loc)?;
    let mut fractions = shown_fractions(&mut wb, &name, &range, &mut rows);
    let mut merges = Vec::new();
    if merged == Merged::FillDown {
        let regions = merged_regions(&mut wb, path, &name, &sheet_loc)?;
        fill_down(&mut rows, &regions);
        merges = regions.iter().map(Region::of).collect();
        fill_fractions(&mut fractions, &rows, &merges);
    }
    Ok(Sheet {
        path: path.to_path_buf(),
        sheet: Some(name),
        rows,
        merges,
        fractions,
        read_as: None,
    })
}

/// The cells of `range` holding a number with a fraction, 0-based (row, column), in row
/// order (see [`Sheet::fractions`]). In an xlsx, such a cell whose number format shows a
/// fixed number of decimals (`0.00`, `#,##0.00`) has its text in `rows` as shown (`5.10`
/// for 5.1), not as the number's (`5.1`); it is still a number (a `0.0` format shows 5.30
/// as `5.3`).
fn shown_fractions(
    wb: &mut calamine::Sheets<std::io::BufReader<std::fs::File>>,
    name: &str,
    range: &calamine::Range<Data>,
    rows: &mut [Vec<String>],
) -> Vec<(usize, usize)> {
    let (start_row, start_col) = range.start().unwrap_or((0, 0));
    let fractions: Vec<(usize, usize, f64)> = range
        .used_cells()
        .filter_map(|(r, c, d)| match d {
            Data::Float(f) if f.fract() != 0.0 => {
                Some((start_row as usize + r, start_col as usize + c, *f))
            }
            _ => None,
        })
        .collect();
    // styles are read only for a sheet with such numbers; one that cannot be read leaves
    // the numbers' own text
    let styles = match wb {
        calamine::Sheets::Xlsx(x) if !fractions.is_empty() => x.worksheet_style(name).ok(),
        _ => None,
    };
    for &(r, c, f) in &fractions {
        let decimals = styles
            .as_ref()
            .and_then(|s| s.get((r as u32, c as u32)))
            .and_then(|style| style.number_format.as_ref())
            .and_then(|n| fixed_decimals(&n.format_code));
        if let (Some(d), Some(cell)) = (decimals, rows.get_mut(r).and_then(|row| row.get_mut(c))) {
            *cell = format!("{f:.d$}");
        }
    }
    fractions.into_iter().map(|(r, c, _)| (r, c)).collect()
}

/// The number of decimals a number format shows when it is a plain fixed one (`0.00`,
/// `#,##0.000`): `None` for any other (General, a percentage, a date, sections, text).
fn fixed_decimals(code: &str) -> Option<usize> {
    let body = code.strip_prefix("#,##").unwrap_or(code);
    let zeros = body.strip_prefix("0.")?;
    (!zeros.is_empty() && zeros.bytes().all(|b| b == b'0')).then_some(zeros.len())
}

/// A number with a fraction stays one in every row [`fill_down`] copies it to (the rows
/// it was copied to: those of a region below its top holding its top's text).
fn fill_fractions(fractions: &mut Vec<(usize, usize)>, rows: &[Vec<String>], regions: &[Region]) {
    for region in regions {
        let (top, col) = (region.top, region.left);
        if !fractions.contains(&(top, col)) {
            continue;
        }
        let value = rows.get(top).and_then(|r| r.get(col));
        for row in top + 1..=region.bottom {
            if rows.get(row).and_then(|r| r.get(col)) == value {
                fractions.push((row, col));
            }
        }
    }
    fractions.sort_unstable();
    fractions.dedup();
}

/// The name of the sheet `wanted` (as written, else trimmed and in any case).
fn find_sheet(
    wb: &calamine::Sheets<std::io::BufReader<std::fs::File>>,
    loc: &Location,
    wanted: &str,
) -> Result<String, InputError> {
    let names = wb.sheet_names();
    sheet_named(&names, loc, wanted).cloned()
}

/// The sheet of `names` that `--sheet wanted` means: as written, else trimmed and in any
/// case, else with full-width letters, digits and spaces read as half-width (`ＳＯＡ　２０２６`
/// for `SOA 2026`) when one sheet only reads so; an error naming the sheets when there is
/// none.
pub fn sheet_named<'n>(
    names: &'n [String],
    loc: &Location,
    wanted: &str,
) -> Result<&'n String, InputError> {
    let folded = |s: &str| crate::text::fold_width(s).trim().to_lowercase();
    let by_width = || {
        let w = folded(wanted);
        let mut found = names.iter().filter(|n| folded(n) == w);
        match (found.next(), found.next()) {
            (Some(n), None) => Some(n),
            _ => None,
        }
    };
    names
        .iter()
        .find(|n| n.as_str() == wanted)
        .or_else(|| {
            names
                .iter()
                .find(|n| n.trim().eq_ignore_ascii_case(wanted.trim()))
        })
        .or_else(by_width)
        .ok_or_else(|| {
            InputError::at(loc.clone(), format!("no sheet named '{wanted}'"))
                .hint(format!("the sheets are: {}", names.join(", ")))
        })
}

/// The cells of sheet `name` as stored (a formula cell's cached value), an .xlsx sheet
/// checked first ([`precheck`]).
fn read_range(
    wb: &mut calamine::Sheets<std::io::BufReader<std::fs::File>>,
    loc: &Location,
    name: &str,
) -> Result<calamine::Range<Data>, InputError> {
    use crate::input::workbook_zip::{range_precheck, xlsx_precheck};
    if matches!(wb, calamine::Sheets::Xlsx(_)) {
        precheck(loc, name, xlsx_precheck(loc.file.as_path(), name))?;
    }
    let range = wb.worksheet_range(name).map_err(|e| {
        InputError::at(
            loc.clone().sheet(Some(name)),
            format!("cannot read the sheet: {e}"),
        )
        .hint("open the workbook in Excel and save it again as .xlsx")
    })?;
    // an .xls is read whole when it opens: its range bounded before it is made text
    precheck(loc, name, range_precheck(&range))?;
    if matches!(wb, calamine::Sheets::Xls(_)) {
        refuse_xls_hazard(loc, name)?;
    }
    Ok(range)
}

/// Refuses a sheet of an .xls holding a record whose meaning is not read from one (a
/// comment, a text box, a hidden row or column, struck-through text: calamine gives none,
/// and the tool does not interpret BIFF): read as stated, a struck-through 実施 or a hidden
/// row would be credited (review 25 ). The same workbook saved as .xlsx is read
/// with each judged.
fn refuse_xls_hazard(loc: &Location, name: &str) -> Result<(), InputError> {
    match crate::input::xls::hazard(loc.file.as_path(), name) {
        None => Ok(()),
        Some(h) => Err(InputError::at(
            loc.clone().sheet(Some(name)),
            format!(
                "the sheet holds {}: comments, text boxes, hidden rows and columns and struck-through text are not read from an .xls; the sheet is not read",
                h.what()
            ),
        )
        .hint("save the workbook as .xlsx (Excel: File > Save As > Excel Workbook) and read that: each of them is read there")),
    }
}

/// Refuses a sheet by what `checked` found: an .xlsx or .ods sheet whose cells span more
/// than [`workbook_zip::MAX_SHEET_CELLS`] (a stray value far from the table: calamine would
/// build the whole rectangle, review 24 D-1), before calamine reads it, or an .xls range
/// that large before it is made text; an .xlsx merged range that is no range (reversed,
/// without a row: calamine panics on it in a debug build and drops it in a release one,
/// review 24 D-2).
fn precheck(
    loc: &Location,
    name: &str,
    checked: Result<(), crate::input::workbook_zip::SheetProblem>,
) -> Result<(), InputError> {
    use crate::input::workbook_zip::{SheetProblem, MAX_SHEET_CELLS};
    let sheet_loc = loc.clone().sheet(Some(name));
    match checked {
        Ok(()) => Ok(()),
        Err(SheetProblem::TooFar {
            cell,
            text,
            rows,
            columns,
        }) => Err(InputError::at(
            sheet_loc,
            format!(
                "the sheet's cells span {rows} rows by {columns} columns, over the {MAX_SHEET_CELLS} cells read: {cell} holds '{text}', far from the rest; the sheet is not read"
            ),
        )
        .hint(format!(
            "delete the cell {cell} (or clear everything below and right of the table: select the rows and columns past it, Delete, and save)"
        ))),
        Err(SheetProblem::BadMerge(range)) => Err(InputError::at(
            sheet_loc,
            format!("the merged range '{range}' is no range of cells (reversed, or without a row or column); the sheet is not read"),
        )
        .hint("unmerge the cells and merge them again in Excel, and save the workbook")),
        Err(SheetProblem::DuplicateCell(cell)) => Err(InputError::at(
            sheet_loc,
            format!("the sheet holds two cells at {cell}: only one of them would be read, and which one a spreadsheet program shows is not known; the sheet is not read"),
        )
        .hint("the file was not written by a spreadsheet program: open it in Excel or LibreOffice, check the cell, and save the workbook")),
        // XML this reading cannot follow is left to calamine, which says what it cannot read
        Err(SheetProblem::Unreadable(_)) => Ok(()),
    }
}

/// A sheet's rows as text ([`cell_text`]) from A1, trailing empty cells dropped, every
/// cell within [`MAX_CELL_BYTES`].
fn text_rows(
    range: &calamine::Range<Data>,
    sheet_loc: &Location,
) -> Result<Vec<Vec<String>>, InputError> {
    let (start_row, start_col) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<String>> = vec![Vec::new(); start_row as usize];
    for (i, r) in range.rows().enumerate() {
        let mut cells = vec![String::new(); start_col as usize];
        cells.extend(r.iter().map(cell_text));
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        check_cells(
            sheet_loc,
            start_row as usize + i + 1,
            cells.iter().map(String::as_str),
        )?;
        rows.push(cells);
    }
    Ok(rows)
}

/// The merged regions of sheet `name`.
fn merged_regions(
    wb: &mut calamine::Sheets<std::io::BufReader<std::fs::File>>,
    path: &Path,
    name: &str,
    sheet_loc: &Location,
) -> Result<Vec<calamine::Dimensions>, InputError> {
    match wb {
        calamine::Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).map_err(|e| e.to_string()),
        calamine::Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).map_err(|e| e.to_string()),
        calamine::Sheets::Ods(_) => crate::input::workbook_zip::ods_merged(path, name),
        calamine::Sheets::Xlsb(_) => Ok(Vec::new()),
    }
    .map_err(|e| InputError::at(sheet_loc.clone(), format!("cannot read merged cells: {e}")))
}

/// A workbook cell as stored: its value (a formula cell's cached value) and its formula.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoredCell {
    pub value: Data,
    /// The formula as stored, without `=`, when the cell holds one.
    pub formula: Option<String>,
}

/// Whether a sheet shows in the workbook's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    Visible,
    Hidden,
    /// Hidden so that only a macro can show it.
    VeryHidden,
}

/// One sheet of a workbook as stored, for writing the workbook back (`suggest`).
#[derive(Debug, Clone)]
pub struct StoredSheet {
    pub name: String,
    pub visibility: Visibility,
    /// Not a worksheet (a chart, dialog or macro sheet): no cells, and it cannot be copied.
    pub not_a_worksheet: bool,
    /// The cells from A1 (merged cells filled down as in `text`).
    pub cells: Vec<Vec<StoredCell>>,
    /// Its formulas could not be read: its formula cells hold their values only.
    pub formulas_unread: bool,
    /// The same rows as text, exactly as [`read_workbook_with`] gives them with
    /// [`Merged::FillDown`]: what the check items are read from.
    pub text: Sheet,
}

/// A workbook's sheets as stored, in order, and whether its formulas are written as an
/// xlsx stores them (an .xls holds them in its own form, an .ods in OpenFormula).
#[derive(Debug, Clone)]
pub struct StoredWorkbook {
    pub sheets: Vec<StoredSheet>,
    pub xlsx_formulas: bool,
}

/// Every sheet of a workbook as stored (values, formulas, visibility), each also as the
/// text its check items are read from.
pub fn read_workbook_stored(path: &Path) -> Result<StoredWorkbook, InputError> {
    let loc = Location::file(path);
    let mut wb = open_workbook(path)?;
    let xlsx_formulas = matches!(wb, calamine::Sheets::Xlsx(_));
    let metadata: Vec<calamine::Sheet> = wb.sheets_metadata().to_vec();
    let mut sheets = Vec::with_capacity(metadata.len());
    for m in metadata {
        let visibility = match m.visible {
            SheetVisible::Visible => Visibility::Visible,
            SheetVisible::Hidden => Visibility::Hidden,
            SheetVisible::VeryHidden => Visibility::VeryHidden,
        };
        let text = Sheet {
            path: path.to_path_buf(),
            sheet: Some(m.name.clone()),
            ..Sheet::default()
        };
        if m.typ != calamine::SheetType::WorkSheet {
            sheets.push(StoredSheet {
                name: m.name,
                visibility,
                not_a_worksheet: true,
                cells: Vec::new(),
                formulas_unread: false,
                text,
            });
            continue;
        }
        let range = read_range(&mut wb, &loc, &m.name)?;
        let sheet_loc = loc.clone().sheet(Some(&m.name));
        let mut rows = text_rows(&range, &sheet_loc)?;
        let (start_row, start_col) = range.start().unwrap_or((0, 0));
        let mut cells: Vec<Vec<StoredCell>> = vec![Vec::new(); start_row as usize];
        for r in range.rows() {
            let mut row = vec![StoredCell::default(); start_col as usize];
            row.extend(r.iter().map(|d| StoredCell {
                value: d.clone(),
                formula: None,
            }));
            cells.push(row);
        }
        // formulas (a sheet whose formulas cannot be read keeps its values, and says so)
        let formulas = wb.worksheet_formula(&m.name);
        let formulas_unread = formulas.is_err();
        if let Ok(formulas) = formulas {
            let (fr, fc) = formulas.start().unwrap_or((0, 0));
            for (r, c, f) in formulas.used_cells() {
                if f.is_empty() {
                    continue;
                }
                let (r, c) = ((fr as usize) + r, (fc as usize) + c);
                if cells.len() <= r {
                    cells.resize(r + 1, Vec::new());
                }
                if cells[r].len() <= c {
                    cells[r].resize(c + 1, StoredCell::default());
                }
                cells[r][c].formula = Some(f.clone());
            }
        }
        let regions = merged_regions(&mut wb, path, &m.name, &sheet_loc)?;
        fill_down(&mut rows, &regions);
        fill_down(&mut cells, &regions);
        let merges: Vec<Region> = regions.iter().map(Region::of).collect();
        let mut fractions = shown_fractions(&mut wb, &m.name, &range, &mut rows);
        fill_fractions(&mut fractions, &rows, &merges);
        sheets.push(StoredSheet {
            name: m.name.clone(),
            visibility,
            not_a_worksheet: false,
            cells,
            formulas_unread,
            text: Sheet {
                rows,
                merges,
                fractions,
                ..text
            },
        });
    }
    Ok(StoredWorkbook {
        sheets,
        xlsx_formulas,
    })
}

/// Opens a workbook after [`crate::input::check_file`] and, for a zip-based one, the check of
/// each part's unpacked size.
fn open_workbook(
    path: &Path,
) -> Result<calamine::Sheets<std::io::BufReader<std::fs::File>>, InputError> {
    crate::input::check_file(path)?;
    crate::input::workbook_zip::check_unpacked_sizes(path)?;
    // calamine reads every sheet of an .ods when it opens it: each bounded first, as an
    // .xlsx sheet is before it is read (fix36-xlsx leftover)
    if let Err((sheet, problem)) = crate::input::workbook_zip::ods_precheck(path) {
        precheck(&Location::file(path), &sheet, Err(problem))?;
    }
    // and an .xls's, whose records may name a cell past column IV (review 25)
    if let Err((sheet, problem)) = crate::input::xls::precheck(path) {
        precheck(&Location::file(path), &sheet, Err(problem))?;
    }
    calamine::open_workbook_auto(path).map_err(|e| {
        text_named_as_workbook(path).unwrap_or_else(|| {
            InputError::at(Location::file(path), format!("cannot open the workbook: {e}")).hint(
            "the file may be damaged, password-protected or not a workbook: open it in Excel and save it again as .xlsx",
        )
        })
    })
}

/// A file named as a workbook that holds text (a GRC tool's "Export to Excel" writing CSV
/// under an .xlsx name): the reverse of [`read_text_bytes`]'s refusal, named as such rather
/// than as a broken zip (review 26 E-5). Text: no workbook's signature, and no NUL byte in
/// its first 8 KB but as UTF-16 with its byte-order mark.
fn text_named_as_workbook(path: &Path) -> Option<InputError> {
    use std::io::Read;
    let mut head = Vec::with_capacity(8192);
    let file = std::fs::File::open(path).ok()?;
    file.take(8192).read_to_end(&mut head).ok()?;
    let workbook = head.starts_with(b"PK") || head.starts_with(b"\xD0\xCF\x11\xE0");
    let utf16 = head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF");
    if head.is_empty() || workbook || (!utf16 && head.contains(&0)) {
        return None;
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_default();
    Some(
        InputError::at(
            Location::file(path),
            format!("looks like CSV or text, not a workbook, but the name ends in .{ext}"),
        )
        .hint("rename it to .csv (a table) or .txt (a pasted list) and run again"),
    )
}

/// The sheets of a workbook in order, each with whether it is visible (not hidden).
pub fn sheet_names(path: &Path) -> Result<Vec<(String, bool)>, InputError> {
    Ok(open_workbook(path)?
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
        .collect())
}

/// The visible sheets of a workbook, in order.
pub fn visible_sheet_names(path: &Path) -> Result<Vec<String>, InputError> {
    Ok(sheet_names(path)?
        .into_iter()
        .filter(|(_, visible)| *visible)
        .map(|(name, _)| name)
        .collect())
}

/// What to do with merged cells of a workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merged {
    /// Keep the value in the top-left cell only (as stored).
    AsStored,
    /// Copy the value of each vertically merged region (a 管理策 cell spanning three rows)
    /// into the rows below it, so every row of the region carries it. Horizontal merges
    /// (titles across columns) are left alone.
    FillDown,
}

/// A cell that a merged region above may fill.
trait Fillable: Clone + Default {
    fn is_blank(&self) -> bool;
    /// What the cells below the region's first get: its value (never its formula).
    fn filled(&self) -> Self;
}

impl Fillable for String {
    fn is_blank(&self) -> bool {
        self.is_empty()
    }

    fn filled(&self) -> Self {
        self.clone()
    }
}

impl Fillable for StoredCell {
    fn is_blank(&self) -> bool {
        self.formula.is_none()
            && (matches!(self.value, Data::Empty)
                || matches!(&self.value, Data::String(s) if s.is_empty()))
    }

    fn filled(&self) -> Self {
        StoredCell {
            value: self.value.clone(),
            formula: None,
        }
    }
}

fn fill_down<T: Fillable>(rows: &mut [Vec<T>], regions: &[calamine::Dimensions]) {
    for region in regions {
        let (top, col) = (region.start.0 as usize, region.start.1 as usize);
        let bottom = region.end.0 as usize;
        let Some(value) = rows.get(top).and_then(|r| r.get(col)).map(T::filled) else {
            continue;
        };
        for row in rows.iter_mut().take(bottom + 1).skip(top + 1) {
            if row.len() <= col {
                row.resize(col + 1, T::default());
            }
            if row[col].is_blank() {
                row[col] = value.clone();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `--sheet`/`--csp-sheet` read full width as half width, as headers and ids are
    /// (review 9 C-sheet-1); two sheets that read alike are no match.
    #[test]
    fn sheet_names_are_matched_across_widths() {
        let loc = Location::file(std::path::Path::new("w.xlsx"));
        let names = vec!["SOA 2026".to_owned(), "表紙".to_owned()];
        assert_eq!(
            sheet_named(&names, &loc, "ＳＯＡ　２０２６").unwrap(),
            "SOA 2026"
        );
        assert_eq!(sheet_named(&names, &loc, " soa 2026 ").unwrap(), "SOA 2026");
        assert!(sheet_named(&names, &loc, "SOA 2025").is_err());
        let twins = vec!["SOA".to_owned(), "ＳＯＡ".to_owned()];
        assert_eq!(sheet_named(&twins, &loc, "ＳＯＡ").unwrap(), "ＳＯＡ");
        assert!(sheet_named(&twins, &loc, "ｓｏａ").is_err());
    }

    #[test]
    fn fixed_number_formats_give_their_decimals() {
        for (code, want) in [
            ("0.00", Some(2)),
            ("0.0", Some(1)),
            ("#,##0.000", Some(3)),
            ("General", None),
            ("0", None),
            ("0.00%", None),
            ("0.00E+00", None),
            ("0.0#", None),
            ("yyyy-mm-dd", None),
            ("0.", None),
        ] {
            assert_eq!(fixed_decimals(code), want, "{code}");
        }
    }

    #[test]
    fn csv_rows_keep_line_numbers_and_raggedness() {
        let s = read_csv_text(Path::new("x.csv"), "a,b\n\"multi\nline\",c\nd\n").unwrap();
        assert_eq!(s.rows[0], ["a", "b"]);
        assert_eq!(s.rows[1], ["multi\nline", "c"]);
        assert_eq!(s.rows[3], ["d"]);
    }

    /// A text checked whole (UTF-8) is parsed into the cells the csv crate's checked
    /// records hold; a text that is not UTF-8 stops at the same record with the same error.
    #[test]
    fn records_of_a_text_checked_whole_are_the_csv_crates() {
        let text = "項番,確認項目,\"ＩＳＭＡＰ, 管理策\"\r\nC-1,\"引用\"\"符\"\"と\n改行\",9.4.1、１１．２．１\n\n末尾,x\n";
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let want: Vec<Vec<String>> = rdr
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect();
        let got: Vec<Vec<String>> = seen(text, usize::MAX, None)
            .0
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        assert_eq!(got, want);
        assert!(want[1][1].contains('"') && want[1][1].contains('\n'));
        // one byte that is not UTF-8 in the third record: the first two are handed over,
        // then the csv crate's own error for it
        let mut bad = "a,b\n確認,c\nx,".as_bytes().to_vec();
        bad.extend_from_slice(b"\x82\xA0,y\nz\n");
        let mut lines = Vec::new();
        let err = each_csv_record(Path::new("x.csv"), &bad, |line, record| {
            lines.push((line, record.iter().map(str::to_owned).collect::<Vec<_>>()));
            Ok(())
        })
        .unwrap_err();
        assert_eq!(
            lines,
            [
                (1, vec!["a".to_owned(), "b".to_owned()]),
                (2, vec!["確認".to_owned(), "c".to_owned()])
            ]
        );
        assert!(
            err.to_string().contains("malformed CSV") && err.to_string().contains("utf-8"),
            "{err}"
        );
    }

    /// What `each` saw: (line, cells) of every record, then the error, if any.
    fn seen(
        text: &str,
        pipeline_min: usize,
        fail_at: Option<usize>,
    ) -> (Vec<(usize, Vec<String>)>, Option<String>) {
        let mut out = Vec::new();
        let result = each_csv_record_split(
            Path::new("x.csv"),
            text.as_bytes(),
            |_| None::<()>,
            |line, record, _| {
                if fail_at == Some(line) {
                    return Err(InputError::at(
                        Location::file(Path::new("x.csv")).line(line),
                        "stop",
                    ));
                }
                out.push((line, record.iter().map(str::to_owned).collect()));
                Ok(())
            },
            pipeline_min,
        );
        (out, result.err().map(|e| e.to_string()))
    }

    /// Parsing on a second thread gives `each` the same records, lines and first error.
    #[test]
    fn records_parsed_on_a_second_thread_are_the_same() {
        let mut text = String::from("id,title\n");
        for i in 0..BATCH_RECORDS * 3 + 5 {
            if i % 9 == 0 {
                text.push_str(&format!("C-{i},\"二行の\n項目 {i}\"\n"));
            } else if i % 7 == 0 {
                text.push_str(&format!("\n\r\nC-{i},空行の後\n"));
            } else {
                text.push_str(&format!("C-{i},項目,{i}\n"));
            }
        }
        let one = seen(&text, usize::MAX, None);
        assert_eq!(one.0.len(), BATCH_RECORDS * 3 + 6);
        assert_eq!(one.1, None);
        // each record's line is the one it starts on, blank lines counted
        let lines: Vec<&str> = text.lines().collect();
        for (line, cells) in &one.0 {
            assert!(lines[line - 1].starts_with(&cells[0]), "line {line}");
        }
        assert_eq!(seen(&text, 0, None), one);
        // `each` fails on a line: nothing after it is seen
        for k in [1, BATCH_RECORDS, BATCH_RECORDS * 2 + 5] {
            let line = one.0[k].0;
            let stopped = seen(&text, 0, Some(line));
            assert_eq!(stopped, seen(&text, usize::MAX, Some(line)), "line {line}");
            assert!(stopped.1.is_some());
        }
        // a cell over the limit ends the records there, with its error
        let big = format!("{}C-x,{}\nC-y,after\n", text, "長".repeat(MAX_CELL_BYTES));
        let over = seen(&big, 0, None);
        assert_eq!(over, seen(&big, usize::MAX, None));
        assert!(over.1.unwrap().contains("limit"));
        assert_eq!(over.0.len(), one.0.len());
    }

    /// On a second thread, every other record comes with what `prepare` made of it, that
    /// record's; on one thread, none does.
    #[test]
    fn records_prepared_on_the_parsing_thread_are_their_own() {
        let text: String = (0..BATCH_RECORDS * 3 + 7)
            .map(|i| format!("C-{i},\"項目\n{i}\"\n"))
            .collect();
        for (pipeline_min, want) in [(0, (BATCH_RECORDS * 3 + 7) / 2), (usize::MAX, 0)] {
            let mut prepared = 0;
            each_csv_record_split(
                Path::new("x.csv"),
                text.as_bytes(),
                |record| record.get(0).map(str::to_owned),
                |_, record, first| {
                    if let Some(first) = first {
                        assert_eq!(record.get(0), Some(first.as_str()));
                        prepared += 1;
                    }
                    Ok(())
                },
                pipeline_min,
            )
            .unwrap();
            assert_eq!(prepared, want, "{pipeline_min}");
        }
    }

    /// A record's row is the line it starts on: blank lines count, before the header and
    /// between rows, with LF or CRLF, as the lines a quoted cell spans do.
    #[test]
    fn blank_lines_count_as_rows() {
        for eol in ["\n", "\r\n"] {
            let text = ["", "id,t", "1,a", "", "", "2,\"x", "y\"", "", "3,b", ""].join(eol);
            let lines = |pipeline_min| {
                let (records, err) = seen(&text, pipeline_min, None);
                assert_eq!(err, None);
                records.into_iter().map(|(l, _)| l).collect::<Vec<_>>()
            };
            assert_eq!(lines(usize::MAX), [2, 3, 6, 9], "{eol:?}");
            assert_eq!(lines(0), [2, 3, 6, 9], "{eol:?}");
            let s = read_csv_text(Path::new("x.csv"), &text).unwrap();
            assert_eq!(s.rows[8], ["3", "b"]);
        }
        // a malformed record after blank lines is named by its own line
        let bytes = b"a,b\n\n\nc,\xFF\n";
        let err = each_csv_record(Path::new("x.csv"), bytes, |_, _| Ok(())).unwrap_err();
        assert!(err.to_string().contains("line 4"), "{err}");
    }

    fn unclosed(text: &str) -> Option<String> {
        let one = seen(text, usize::MAX, None);
        assert_eq!(seen(text, 0, None), one, "{text}");
        one.1
    }

    #[test]
    fn a_quote_left_open_at_the_end_is_an_error() {
        let err = unclosed("id,t,c\n1,\"open,5.1.1\n2,b,5.1.2\n").unwrap();
        assert!(
            err.starts_with(
                "x.csv: row 2: column 'B': a quote opened in this cell is never closed"
            ),
            "{err}"
        );
        assert!(err.contains("(hint: close the quote"), "{err}");
        // after blank lines, and after a cell that spans lines: the quote's own line
        let err = unclosed("id,t\n\n1,\"a\nb\",\"open\nx\n").unwrap();
        assert!(
            err.contains("row 3: column 'C': a quote opened in this cell (on line 4) is never"),
            "{err}"
        );
        // running over the cell limit, the open quote is what is reported
        let big = format!("id,t\n1,\"{}\n", "x\n".repeat(MAX_CELL_BYTES));
        assert!(unclosed(&big).unwrap().contains("never closed"));
        // closed quotes, doubled quotes, quotes inside unquoted cells, no final newline
        for ok in [
            "id,t\n1,19\"ラック\n",
            "id,t\n1,\"a \"\"b\"\" c\"",
            "id,t\n1,\"a\nb\"\n",
            "id,t\n1,\"a\"b\n",
            "id;t\n1;\"a;b\"\r\n",
            "id,t\n1,x\"\n",
        ] {
            assert_eq!(unclosed(ok), None, "{ok}");
        }
    }

    #[test]
    fn sniffs_tabs_and_semicolons() {
        assert_eq!(sniff_delimiter(b"a\tb\tc\n"), b'\t');
        assert_eq!(sniff_delimiter(b"a;b;c\n"), b';');
        assert_eq!(sniff_delimiter(b"a,b;c\n"), b',');
        // blank lines (an ideographic space is blank too) are skipped
        assert_eq!(sniff_delimiter("\r\n\u{3000}\na;b,c;d\n".as_bytes()), b';');
        // a line without a delimiter (a title, a kind row) does not decide it
        assert_eq!(
            sniff_delimiter("登録区分: ISMAP\n管理策番号\t実施状況\t備考\n".as_bytes()),
            b'\t'
        );
        // a delimiter inside quotes does not decide it (review 21 C-2), one outside does
        assert_eq!(
            sniff_delimiter(b"\"Filter: A = 1; B = true\"\n\"ID\",\"Control\"\n"),
            b','
        );
        assert_eq!(sniff_delimiter(b"\"a,b\";c;d\n"), b';');
    }

    #[test]
    fn cell_text_formats_numbers() {
        assert_eq!(cell_text(&Data::Float(3.0)), "3");
        assert_eq!(cell_text(&Data::Float(9.2)), "9.2");
        assert_eq!(cell_text(&Data::Int(12)), "12");
        assert_eq!(cell_text(&Data::Empty), "");
    }
}
