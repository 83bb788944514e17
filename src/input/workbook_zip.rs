//! What calamine does not check or give for workbooks that are zip files (.xlsx, .xlsm,
//! .xlsb, .ods): the unpacked size of each part, read from the zip directory before any
//! parsing (a 1 MB file may unpack to gigabytes), the merged cells and cell comments of an
//! .ods sheet, and the hidden rows and columns, struck-through cells and cell comments
//! (notes and threaded comments) of an .xlsx sheet.
use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use crate::error::{InputError, Location};

/// Cell comments by cell: (row from 1, column from 0) → text.
pub type Comments = BTreeMap<(u32, u32), String>;

/// Largest unpacked part of a workbook (a sheet, its shared text) accepted: a 100,000-row
/// check list's sheet unpacks to a few tens of MB, the gap sheet of a 100,000-item report
/// (read back with `--review`) to about 140 MB.
pub const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

fn open(path: &Path) -> Option<zip::ZipArchive<BufReader<File>>> {
    let file = File::open(path).ok()?;
    zip::ZipArchive::new(BufReader::new(file)).ok()
}

/// Refuses a workbook a part of which unpacks to more than [`MAX_PART_BYTES`], by the sizes
/// its zip directory gives, before the workbook is parsed. A file that is not a zip (an
/// .xls, a damaged file) is left to the workbook reader.
pub fn check_unpacked_sizes(path: &Path) -> Result<(), InputError> {
    let Some(mut zip) = open(path) else {
        return Ok(());
    };
    check_archive(path, &mut zip)
}

fn check_archive<R: Read + Seek>(
    path: &Path,
    zip: &mut zip::ZipArchive<R>,
) -> Result<(), InputError> {
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index_raw(i) else {
            continue;
        };
        if entry.size() <= MAX_PART_BYTES {
            continue;
        }
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let what = if name.contains("worksheets/") || name == "content.xml" {
            "a sheet"
        } else if name.contains("sharedStrings") {
            "the workbook's shared text"
        } else {
            "a part"
        };
        return Err(InputError::at(
            Location::file(path),
            format!(
                "{what} of the workbook ({name}) unpacks to {} MB, over the {} MB limit; it is not read",
                entry.size() / 1_048_576,
                MAX_PART_BYTES / 1_048_576
            ),
        )
        .hint("a check list or control list of 100,000 rows unpacks to far less; the file may be damaged or made to exhaust memory: open it in a spreadsheet program, remove what is not needed and save it again"));
    }
    Ok(())
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| {
            quick_xml::escape::unescape(&a.value)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn count(e: &BytesStart, name: &str) -> u32 {
    attr(e, name)
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(1)
        .max(1)
}

/// Where the reading of an .ods table stands: the row (0-based) of the open row, the
/// column after the last cell, and how many rows the open row repeats.
#[derive(Default)]
struct OdsCursor {
    row: u32,
    col: u32,
    row_repeats: u32,
}

impl OdsCursor {
    /// A `table:table-row` opens (`empty`: it closes at once).
    fn row(&mut self, e: &BytesStart, empty: bool) {
        self.row_repeats = count(e, "table:number-rows-repeated");
        self.col = 0;
        if empty {
            self.end_row();
        }
    }

    /// The open row closes.
    fn end_row(&mut self) {
        self.row = self.row.saturating_add(self.row_repeats);
    }

    /// A cell opens: its first row and column (0-based) and the last ones it repeats to.
    fn cell(&mut self, e: &BytesStart) -> (u32, u32, u32, u32) {
        let repeats = count(e, "table:number-columns-repeated");
        let span = (
            self.row,
            self.row.saturating_add(self.row_repeats.saturating_sub(1)),
            self.col,
            self.col.saturating_add(repeats - 1),
        );
        self.col = self.col.saturating_add(repeats);
        span
    }
}

/// The vertically merged cells of the sheet `sheet` of an .ods file: each cell that spans
/// more than one row, as (top row, column) to (bottom row, column), 0-based.
pub fn ods_merged(path: &Path, sheet: &str) -> Result<Vec<calamine::Dimensions>, String> {
    Ok(ods_sheet(path, sheet)?.0)
}

/// The comments (`office:annotation`) on the cells of the sheet `sheet` of an .ods file,
/// (row from 1, column from 0) → their text (paragraphs one per line; author and date left
/// out); `Ok(None)` for a file that is not one.
pub fn ods_comments(path: &Path, sheet: &str) -> Result<Option<Comments>, String> {
    Ok(ods_marks(path, sheet)?.map(|m| m.comments))
}

/// What a reader of an .ods sheet sees that calamine does not give, as [`SheetMarks`] (the
/// model the .xlsx reader fills, so that every decision on them is the same for both): rows
/// and columns hidden (`table:visibility` `collapse` or `filter`), cells struck through by
/// their style or a styled run of their text (`style:text-line-through-style` other than
/// `none`, in the automatic styles or the common ones they derive from), comments
/// (`office:annotation`) and the shapes on the sheet holding text (`draw:frame`,
/// `draw:custom-shape` …, review 25 A-8/A-9/A-10); `Ok(None)` for a file that is not an
/// .ods.
pub fn ods_marks(path: &Path, sheet: &str) -> Result<Option<SheetMarks>, String> {
    let Some(mut zip) = open(path) else {
        return Ok(None);
    };
    if zip.by_name("content.xml").is_err() {
        return Ok(None);
    }
    Ok(Some(ods_sheet(path, sheet)?.1))
}

/// The styles of an .ods part (`style:style`, any family) by name: (whether its own text
/// properties strike through, its parent's name).
type OdsStyles = BTreeMap<String, (bool, Option<String>)>;

/// Reads the `style:style` elements of an .ods part into `styles`, stopping at the body (the
/// automatic styles of `content.xml` come before it).
fn ods_styles<R: std::io::BufRead>(reader: &mut quick_xml::Reader<R>, styles: &mut OdsStyles) {
    let mut buf = Vec::new();
    let mut open: Option<String> = None;
    loop {
        let Ok(event) = reader.read_event_into(&mut buf) else {
            return;
        };
        match event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "style:style" => {
                    let name = attr(&e, "style:name").unwrap_or_default();
                    let parent = attr(&e, "style:parent-style-name");
                    styles.insert(name.clone(), (false, parent));
                    open = Some(name);
                }
                "style:text-properties" => {
                    let struck = attr(&e, "style:text-line-through-style")
                        .is_some_and(|v| v != "none")
                        || attr(&e, "style:text-line-through-type").is_some_and(|v| v != "none");
                    if let Some(s) = open.as_ref().and_then(|n| styles.get_mut(n)) {
                        s.0 |= struck;
                    }
                }
                "office:body" => return,
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == "style:style" => open = None,
            Event::Eof => return,
            _ => {}
        }
        buf.clear();
    }
}

/// Whether the style `name` strikes through, by itself or a parent (a chain of at most 16).
fn ods_struck(styles: &OdsStyles, name: Option<&str>) -> bool {
    let mut name = name;
    for _ in 0..16 {
        let Some((struck, parent)) = name.and_then(|n| styles.get(n)) else {
            return false;
        };
        if *struck {
            return true;
        }
        name = parent.as_deref();
    }
    false
}

/// The shapes of an .ods sheet that may hold text (a text box is a `draw:frame` holding a
/// `draw:text-box`; a callout a `draw:caption` or `draw:custom-shape`).
const ODS_SHAPES: [&str; 12] = [
    "draw:frame",
    "draw:custom-shape",
    "draw:rect",
    "draw:ellipse",
    "draw:circle",
    "draw:caption",
    "draw:polygon",
    "draw:polyline",
    "draw:path",
    "draw:line",
    "draw:connector",
    "draw:regular-polygon",
];

/// Most rows (or columns) one repeated hidden `table:table-row` (or column) adds to the
/// marks: a hidden block over the rest of the sheet is kept short, as an .xlsx range is.
const ODS_REPEAT_MARKS: u32 = 4096;

/// An .ods sheet's merged cells (0-based) and marks ([`ods_marks`]).
fn ods_sheet(path: &Path, sheet: &str) -> Result<(Vec<calamine::Dimensions>, SheetMarks), String> {
    let mut zip = open(path).ok_or("not a zip file")?;
    let mut styles = OdsStyles::new();
    if let Ok(part) = zip.by_name("styles.xml") {
        ods_styles(
            &mut quick_xml::Reader::from_reader(BufReader::new(part)),
            &mut styles,
        );
    }
    let content = zip.by_name("content.xml").map_err(|e| e.to_string())?;
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(content));
    ods_styles(&mut reader, &mut styles);
    let mut buf = Vec::new();
    let (mut in_sheet, mut depth) = (false, 0usize);
    let mut at = OdsCursor::default();
    let mut merged = Vec::new();
    let mut marks = SheetMarks::default();
    // the columns' default cell styles (by column, 0-based) and the next column's index
    let mut column_styles: BTreeMap<u32, String> = BTreeMap::new();
    let mut next_column = 0u32;
    // the open cell (row from 1, column), whether inside its annotation, and in one of
    // the annotation's paragraphs
    let (mut cell, mut in_note, mut in_p) = (None::<(u32, u32)>, false, false);
    // the depth of the open shape (0: none), and whether in one of its paragraphs
    let (mut shape, mut in_shape_p) = (0usize, false);
    let mut text = String::new();
    let mut shape_text = String::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| e.to_string())?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "table:table" if !in_sheet && attr(&e, "table:name").as_deref() == Some(sheet) => {
                    in_sheet = !empty;
                    depth = 0;
                }
                "table:table" if in_sheet => depth += usize::from(!empty),
                "table:table-column" if in_sheet && depth == 0 => {
                    let repeats = count(&e, "table:number-columns-repeated");
                    let hidden = matches!(
                        attr(&e, "table:visibility").as_deref(),
                        Some("collapse" | "filter")
                    );
                    let style = attr(&e, "table:default-cell-style-name");
                    for c in next_column..next_column.saturating_add(repeats.min(ODS_REPEAT_MARKS))
                    {
                        if hidden {
                            marks.hidden_columns.insert(c);
                        }
                        if let Some(s) = style.as_ref().filter(|s| ods_struck(&styles, Some(s))) {
                            column_styles.insert(c, s.clone());
                        }
                    }
                    next_column = next_column.saturating_add(repeats);
                }
                "table:table-row" if in_sheet && depth == 0 => {
                    if matches!(
                        attr(&e, "table:visibility").as_deref(),
                        Some("collapse" | "filter")
                    ) {
                        let repeats = count(&e, "table:number-rows-repeated");
                        for r in 0..repeats.min(ODS_REPEAT_MARKS) {
                            marks.hidden_rows.insert(at.row.saturating_add(r + 1));
                        }
                    }
                    at.row(&e, empty);
                }
                "table:table-cell" | "table:covered-table-cell" if in_sheet && depth == 0 => {
                    let (row, _, col, _) = at.cell(&e);
                    let spanned = count(&e, "table:number-rows-spanned");
                    if spanned > 1 && e.name().as_ref() == "table:table-cell" {
                        merged.push(calamine::Dimensions::new(
                            (row, col),
                            (row.saturating_add(spanned - 1), col),
                        ));
                    }
                    let style = attr(&e, "table:style-name");
                    let style = style
                        .as_deref()
                        .or(column_styles.get(&col).map(String::as_str));
                    // a styled cell holding nothing strikes nothing through
                    if !empty && ods_struck(&styles, style) {
                        marks.struck.insert((row.saturating_add(1), col));
                    }
                    // an annotation or a styled run inside is on this cell
                    cell = (!empty).then_some((row.saturating_add(1), col));
                }
                "office:annotation" if cell.is_some() && !empty => {
                    text.clear();
                    in_note = true;
                }
                name if in_sheet && !in_note && ODS_SHAPES.contains(&name) => {
                    if shape == 0 {
                        shape_text.clear();
                    }
                    shape += usize::from(!empty);
                }
                "text:p" | "text:h" if shape > 0 => {
                    if !shape_text.is_empty() {
                        shape_text.push(' ');
                    }
                    in_shape_p = !empty;
                }
                "text:p" if in_note => {
                    if !text.is_empty() {
                        text.push('\n');
                    }
                    in_p = !empty;
                }
                // a run (or paragraph) of the cell's own text in a struck style
                "text:span" | "text:p" | "text:a"
                    if !in_note
                        && !empty
                        && ods_struck(&styles, attr(&e, "text:style-name").as_deref()) =>
                {
                    if let Some(at) = cell {
                        marks.struck.insert(at);
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_p => text.push_str(t.as_ref()),
            Event::Text(t) if in_shape_p => {
                shape_text.push_str(t.as_ref());
            }
            Event::GeneralRef(r) if in_p || in_shape_p => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => predefined(r.as_ref()),
                };
                if let Some(c) = c {
                    if in_p {
                        text.push(c);
                    } else {
                        shape_text.push(c);
                    }
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "table:table" if in_sheet && depth == 0 => break,
                "table:table" if in_sheet => depth -= 1,
                "table:table-row" if in_sheet && depth == 0 => at.end_row(),
                "text:p" | "text:h" => (in_p, in_shape_p) = (false, false),
                "office:annotation" if in_note => {
                    let t = text.trim();
                    if let Some(at) = cell.filter(|_| !t.is_empty()) {
                        marks.comments.insert(at, t.to_owned());
                    }
                    (in_note, in_p) = (false, false);
                }
                name if shape > 0 && ODS_SHAPES.contains(&name) => {
                    shape -= 1;
                    let said = crate::text::join_filled(shape_text.split_whitespace());
                    if shape == 0 && !said.is_empty() {
                        // a shape anchored to a cell is written inside it; one anchored
                        // to the page (in `table:shapes`) is named by the sheet's first cell
                        let (row, col) = cell.unwrap_or((1, 0));
                        marks.text_boxes.push(TextBox {
                            row,
                            col,
                            text: said,
                        });
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => cell = None,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok((merged, marks))
}

/// The character of a predefined XML entity (`amp`, `lt`, `gt`, `quot`, `apos`).
fn predefined(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// What a reader of an .xlsx sheet sees that calamine does not give: hidden rows and
/// columns, and cells whose text is struck through (見え消し: a deletion in a revised list).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SheetMarks {
    /// Hidden rows, numbered from 1 as the sheet numbers them.
    pub hidden_rows: BTreeSet<u32>,
    /// Hidden columns, numbered from 0.
    pub hidden_columns: BTreeSet<u32>,
    /// Cells struck through, all or part of their text: (row from 1, column from 0).
    pub struck: BTreeSet<(u32, u32)>,
    /// The comments on cells, (row from 1, column from 0) → their text: a note (メモ, the
    /// legacy comment), or the threaded comment and its replies, one per line (Excel also
    /// writes a threaded comment as a note for older versions: the thread is kept).
    pub comments: Comments,
    /// Cells whose format gives them a fill colour, or a font colour other than the
    /// default font's (row from 1, column from 0) → the colour as written in the styles
    /// (`fill FFFF9999`, `font theme 5`): a status may be stated by it (信号色, review 12
    /// A-17).
    pub colours: BTreeMap<(u32, u32), String>,
    /// Cells holding a formula without a calculated value (row from 1, column from 0): a
    /// file written by a tool that does not calculate (openpyxl, an export script) and not
    /// saved by Excel since. calamine reads them as empty; what they would show is unknown.
    pub unvalued: BTreeSet<(u32, u32)>,
    /// Cells under a `<hyperlink>` of the sheet (row from 1, column from 0): the Hyperlink
    /// style's blue font is a link only where there is one (review 16 A-4).
    pub hyperlinks: BTreeSet<(u32, u32)>,
    /// Cells holding a number whose number format shows it as words only (row from 1,
    /// column from 0) → the words shown: `"実施";;"未実施"` shows 1 as `実施` and 0 as
    /// `未実施` (review 11 C-20). A format with a digit, a condition or nothing to show for
    /// the number gives none: the number is what is read.
    pub shown: BTreeMap<(u32, u32), String>,
    /// Cells holding text whose number format shows it other than as typed (row from 1,
    /// column from 0) → the format's code: a text section adding words (`@"（予定）"`),
    /// replacing them (a fourth section `"予定"`) or hiding them (`;;;`); see
    /// [`text_shown`] (review 18 A-4).
    pub text_formats: BTreeMap<(u32, u32), String>,
    /// The shapes on the sheet holding text (text boxes, callouts: `xl/drawings/*.xml`), in
    /// the order drawn: a note over the table the cells do not hold (review 24 A-6).
    pub text_boxes: Vec<TextBox>,
    /// Not of this sheet: the pairs (mark, meaning) of the workbook's legend sheet (`凡例`),
    /// set by the CSP reader for the sheets it reads beside it (fix17-csp "Left").
    pub legend_sheet: Vec<(String, String)>,
}

/// A shape holding text on a sheet: its anchor's top-left cell (row from 1, column from 0)
/// and its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextBox {
    pub row: u32,
    pub col: u32,
    pub text: String,
}

impl TextBox {
    /// The refusal of a sheet read for statements or items that holds this box: its text
    /// is a note the cells do not hold, and no rule reads it (review 24 A-6).
    pub fn refusal(&self, sheet: Location) -> InputError {
        let text = self.text.trim();
        let text = match text.char_indices().nth(60) {
            Some((i, _)) => format!("{}…", &text[..i]),
            None => text.to_owned(),
        };
        InputError::at(
            sheet,
            format!(
                "a text box at {} holds '{text}': text outside the cells is not read, and it may qualify the rows; the sheet is not read",
                cell_name(self.row, self.col)
            ),
        )
        .hint("move the text into a cell (a note above the table or a remarks column) or delete the text box, and save the workbook")
    }
}

/// The hint for a cell holding a formula without a calculated value (see
/// [`SheetMarks::unvalued`]).
pub const SAVE_FORMULAS_HINT: &str = "open the workbook in Excel or LibreOffice and save it, so the formulas' values are stored; or paste the cells as values";

fn local(name: &str) -> &str {
    match name.rfind(':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// An attribute by its local name (`r:id` as `id`).
fn attr_local(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| local(a.key.as_ref()) == name)
        .and_then(|a| {
            quick_xml::escape::unescape(&a.value)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// `<strike/>`, `<strike val="1"/>` is on; `<strike val="0"/>` is off.
fn strike_on(e: &BytesStart) -> bool {
    !matches!(attr_local(e, "val").as_deref(), Some("0" | "false"))
}

fn truthy(v: Option<String>) -> bool {
    matches!(v.as_deref(), Some("1" | "true"))
}

/// Whether a row height or column width attribute is (about) zero: nothing of the row or
/// column shows.
fn zero_size(v: Option<String>) -> bool {
    v.and_then(|v| v.trim().parse::<f64>().ok())
        .is_some_and(|x| x < 0.5)
}

/// An element of a part as [`each_element`] hands it over.
enum Xml<'a, 'b> {
    /// A start tag, or an empty element (`true`).
    Open(&'a BytesStart<'b>, bool),
    /// An end tag, by its local name.
    Close(&'a str),
    Text(&'a str),
    /// A character or entity reference in text (`&amp;`, `&#x6771;`), resolved.
    Ref(char),
}

/// Reads one part of the zip, calling `each` on every element; `Ok(false)` when the zip has
/// no such part.
fn each_element<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    part: &str,
    mut each: impl FnMut(Xml),
) -> Result<bool, String> {
    let Ok(entry) = zip.by_name(part) else {
        return Ok(false);
    };
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(entry));
    let mut buf = Vec::new();
    loop {
        match reader
            .read_event_into(&mut buf)
            .map_err(|e| e.to_string())?
        {
            Event::Start(e) => each(Xml::Open(&e, false)),
            Event::Empty(e) => each(Xml::Open(&e, true)),
            Event::End(e) => each(Xml::Close(local(e.name().as_ref()))),
            Event::Text(t) => each(Xml::Text(t.as_ref())),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => predefined(r.as_ref()),
                };
                if let Some(c) = c {
                    each(Xml::Ref(c));
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(true)
}

/// `B12` → (12, 1).
fn cell_ref(r: &str) -> Option<(u32, u32)> {
    let letters = r.chars().take_while(char::is_ascii_alphabetic).count();
    let row: u32 = r[letters..].parse().ok()?;
    let mut col: u32 = 0;
    for c in r[..letters].bytes() {
        col = col
            .checked_mul(26)?
            .checked_add(u32::from(c.to_ascii_uppercase() - b'A') + 1)?;
    }
    Some((row, col.checked_sub(1)?))
}

/// The part of the sheet `sheet`: its relationship id in `xl/workbook.xml`, that
/// relationship's target; `Ok(None)` when the zip is not an .xlsx workbook.
fn sheet_part<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    sheet: &str,
) -> Result<Option<String>, String> {
    let mut rel: Option<String> = None;
    let found = each_element(zip, "xl/workbook.xml", |x| {
        if let Xml::Open(e, _) = x {
            if local(e.name().as_ref()) == "sheet"
                && attr_local(e, "name").as_deref() == Some(sheet)
            {
                rel = attr_local(e, "id");
            }
        }
    })?;
    if !found {
        return Ok(None);
    }
    let rel = rel.ok_or_else(|| format!("no sheet named '{sheet}'"))?;
    let mut target: Option<String> = None;
    each_element(zip, "xl/_rels/workbook.xml.rels", |x| {
        if let Xml::Open(e, _) = x {
            if local(e.name().as_ref()) == "Relationship"
                && attr_local(e, "Id").as_deref() == Some(rel.as_str())
            {
                target = attr_local(e, "Target");
            }
        }
    })?;
    let target = target.ok_or_else(|| format!("the sheet '{sheet}' has no part"))?;
    Ok(Some(match target.strip_prefix('/') {
        Some(absolute) => absolute.to_owned(),
        None => format!("xl/{target}"),
    }))
}

/// For each cell format (`cellXfs`, by index), whether its font strikes through.
fn struck_formats<R: Read + Seek>(zip: &mut zip::ZipArchive<R>) -> Result<Vec<bool>, String> {
    let (mut fonts, mut formats) = (Vec::<bool>::new(), Vec::<bool>::new());
    let (mut in_fonts, mut in_xfs, mut struck) = (false, false, false);
    each_element(zip, "xl/styles.xml", |x| match x {
        Xml::Open(e, empty) => match local(e.name().as_ref()) {
            "fonts" => in_fonts = !empty,
            "font" if in_fonts && empty => fonts.push(false),
            "font" if in_fonts => struck = false,
            "strike" if in_fonts => struck = strike_on(e),
            "cellXfs" => in_xfs = !empty,
            "xf" if in_xfs => {
                let font = attr_local(e, "fontId").and_then(|f| f.parse::<usize>().ok());
                formats.push(font.is_some_and(|f| fonts.get(f).copied().unwrap_or(false)));
            }
            _ => {}
        },
        Xml::Close("font") if in_fonts => fonts.push(struck),
        Xml::Close("fonts") => in_fonts = false,
        Xml::Close("cellXfs") => in_xfs = false,
        _ => {}
    })?;
    Ok(formats)
}

/// The colours of a white fill, as `coloured_formats` writes them: a fill no one can tell
/// from none.
const WHITE: [&str; 3] = ["rgb FFFFFFFF", "theme 0", "indexed 9"];

/// The colours of black text, as `coloured_formats` writes them: a font colour no one can
/// tell from the automatic one.
const BLACK: [&str; 4] = ["rgb FF000000", "theme 1", "indexed 8", "indexed 64"];

/// For each cell format (`cellXfs`), the colour it gives a cell ([`SheetMarks::colours`]):
/// its fill's, when the fill is a pattern (not none, not the reserved `gray125`) and not
/// white ([`WHITE`]), else its font's when that differs from the default font's and is not
/// black ([`BLACK`]); `None` for neither.
fn coloured_formats<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
) -> Result<Vec<Option<String>>, String> {
    let colour_of = |e: &BytesStart| {
        ["rgb", "theme", "indexed", "tint"]
            .iter()
            .filter_map(|a| attr_local(e, a).map(|v| format!("{a} {v}")))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (mut fonts, mut fills) = (Vec::<String>::new(), Vec::<Option<String>>::new());
    let mut formats = Vec::new();
    let (mut in_fonts, mut in_fills, mut in_xfs) = (false, false, false);
    let (mut font, mut fill) = (String::new(), None::<String>);
    let mut pattern = false;
    each_element(zip, "xl/styles.xml", |x| match x {
        Xml::Open(e, empty) => match local(e.name().as_ref()) {
            "fonts" => in_fonts = !empty,
            "font" if in_fonts && empty => fonts.push(String::new()),
            "font" if in_fonts => font.clear(),
            "color" if in_fonts => font = colour_of(e),
            "fills" => in_fills = !empty,
            "fill" if in_fills && empty => fills.push(None),
            "fill" if in_fills => fill = None,
            "patternFill" if in_fills => {
                pattern = !matches!(
                    attr_local(e, "patternType").as_deref(),
                    None | Some("none" | "gray125")
                );
            }
            // a white fill looks as no fill does (rows pasted from another workbook carry
            // one: review 13 C-9)
            "fgColor" if in_fills && pattern => {
                fill = Some(colour_of(e)).filter(|c| !WHITE.contains(&c.as_str()))
            }
            "gradientFill" if in_fills => fill = Some("gradient".to_owned()),
            "cellXfs" => in_xfs = !empty,
            "xf" if in_xfs => {
                let id = |a: &str| attr_local(e, a).and_then(|v| v.parse::<usize>().ok());
                let by_fill = id("fillId").and_then(|f| fills.get(f).cloned().flatten());
                let by_font = id("fontId")
                    .and_then(|f| fonts.get(f))
                    .filter(|c| {
                        !c.is_empty() && Some(*c) != fonts.first() && !BLACK.contains(&c.as_str())
                    })
                    .map(|c| format!("font {c}"));
                formats.push(by_fill.map(|c| format!("fill {c}")).or(by_font));
            }
            _ => {}
        },
        Xml::Close("font") if in_fonts => fonts.push(std::mem::take(&mut font)),
        Xml::Close("fonts") => in_fonts = false,
        Xml::Close("fill") if in_fills => {
            fills.push(fill.take());
            pattern = false;
        }
        Xml::Close("fills") => in_fills = false,
        Xml::Close("cellXfs") => in_xfs = false,
        _ => {}
    })?;
    Ok(formats)
}

/// For each cell format (`cellXfs`, by index), its number format's code when it is one of
/// the workbook's own (`numFmts`; the built-in ones show digits or dates).
fn number_formats<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
) -> Result<Vec<Option<String>>, String> {
    let mut codes = BTreeMap::<String, String>::new();
    let mut formats = Vec::new();
    let (mut in_fmts, mut in_xfs) = (false, false);
    each_element(zip, "xl/styles.xml", |x| match x {
        Xml::Open(e, empty) => match local(e.name().as_ref()) {
            "numFmts" => in_fmts = !empty,
            "numFmt" if in_fmts => {
                if let (Some(id), Some(code)) =
                    (attr_local(e, "numFmtId"), attr_local(e, "formatCode"))
                {
                    codes.insert(id, code);
                }
            }
            "cellXfs" => in_xfs = !empty,
            "xf" if in_xfs => {
                formats.push(attr_local(e, "numFmtId").and_then(|id| codes.get(&id).cloned()));
            }
            _ => {}
        },
        Xml::Close("numFmts") => in_fmts = false,
        Xml::Close("cellXfs") => in_xfs = false,
        _ => {}
    })?;
    Ok(formats)
}

/// The sections of a number format `code`, split at its `;` outside quotes and brackets,
/// each as written (quotes and escapes kept).
fn format_sections(code: &str) -> Option<Vec<String>> {
    let mut sections = vec![String::new()];
    let mut chars = code.chars();
    let (mut quoted, mut bracket) = (false, false);
    while let Some(c) = chars.next() {
        let open = sections.last_mut()?;
        match c {
            '"' => quoted = !quoted,
            '\\' if !quoted => {
                open.push(c);
                open.push(chars.next()?);
                continue;
            }
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            ';' if !quoted && !bracket => {
                sections.push(String::new());
                continue;
            }
            _ => {}
        }
        sections.last_mut()?.push(c);
    }
    Some(sections)
}

/// Whether a format section holds `@` (the cell's text) outside quotes.
fn holds_text(section: &str) -> bool {
    let mut chars = section.chars();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            '\\' if !quoted => {
                chars.next();
            }
            '@' if !quoted => return true,
            _ => {}
        }
    }
    false
}

/// What a number format `code` shows for the text `text` of a cell, when it shows it other
/// than as typed (review 18 A-4): `Some(words)` for a text section of quoted or escaped
/// words around `@` (`@"（予定）"` shows `実施` as `実施（予定）`); `Some("")` when it shows
/// nothing (`;;;`, an empty fourth section), words of its own whatever was typed (the fourth
/// section `"実施";;"未実施";"予定"`, `;;;"実施"`: value and glyphs disagree), or what it shows
/// is not read (a digit, a date, a condition in the text section). `None` when the text is shown as typed: no text section (`General`,
/// `0.0`, `"実施";;"未実施"`), or one of `@` alone.
pub fn text_shown(code: &str, text: &str) -> Option<String> {
    let sections = format_sections(code)?;
    let section = match sections.len() {
        4 => sections.get(3)?.as_str(),
        // under four sections, the one holding `@` is the text's
        n if n < 4 => sections.iter().find(|s| holds_text(s))?.as_str(),
        _ => return Some(String::new()),
    };
    let shown = section_shown(section, Some(text)).unwrap_or_default();
    let shown = shown.trim();
    if shown == text.trim() {
        return None;
    }
    // a text section without `@` shows words of its own whatever was typed (`;;;"実施"`
    // shows a typed `未実施` as `実施`): the value and the glyphs disagree, and neither is
    // read — shown in a way not read (review 20 A-9: read as shown, a stated 未実施 was 充足)
    if !holds_text(section) {
        return Some(String::new());
    }
    Some(shown.to_owned())
}

/// What the format section `section` shows: its quoted and escaped words and punctuation,
/// and `text` for `@` (a section for numbers has none: `None`). `None` when it shows a
/// digit, a date, a condition or anything else not read. A text's section also shows the
/// space of `_x` and passes over the fill of `*x`.
fn section_shown(section: &str, text: Option<&str>) -> Option<String> {
    let mut shown = String::new();
    let mut chars = section.chars();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => shown.push(c),
            '@' => shown.push_str(text?),
            '\\' => shown.push(chars.next()?),
            // a space the width of the next character; a fill repeating it
            '_' if text.is_some() => {
                chars.next();
                shown.push(' ');
            }
            '*' if text.is_some() => {
                chars.next();
            }
            // a colour or a locale (`[Red]`, `[$-411]`): shows nothing
            '[' => {
                let inside: String = chars.by_ref().take_while(|&c| c != ']').collect();
                if !is_colour(&inside) && !inside.starts_with("$-") {
                    return None;
                }
            }
            ' ' | '-' | '+' | '(' | ')' | '!' | '&' | '~' | '{' | '}' | '<' | '>' | '=' => {
                shown.push(c)
            }
            ':' | '/' | '^' | '\'' | '$' if text.is_some() => shown.push(c),
            _ if !c.is_ascii() && !matches!(c, '年' | '月' | '日' | '時' | '分' | '秒') => {
                shown.push(c)
            }
            _ => return None,
        }
    }
    Some(shown)
}

/// Whether a bracketed part of a number format (`Red`, `Color10`) names a colour.
fn is_colour(inside: &str) -> bool {
    let lower = inside.to_ascii_lowercase();
    [
        "black", "blue", "cyan", "green", "magenta", "red", "white", "yellow",
    ]
    .contains(&lower.as_str())
        || lower
            .strip_prefix("color")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The words a number format `code` shows for the number `v` when the section that
/// applies shows words only (`"実施";;"未実施"`: 1 → `実施`, 0 → `未実施`); `None` when it
/// shows a digit, a date, nothing, the number's sign, or sections are chosen by a
/// condition (`[=1]`).
fn words_shown(code: &str, v: f64) -> Option<String> {
    let sections = format_sections(code)?;
    if sections.len() > 4
        || sections
            .iter()
            .any(|s| s.contains("[<") || s.contains("[>") || s.contains("[="))
    {
        return None;
    }
    let section = if v > 0.0 {
        &sections[0]
    } else if v < 0.0 {
        // one section shows a negative number with its sign
        sections.get(1)?
    } else {
        sections.get(2).unwrap_or(&sections[0])
    };
    let words = section_shown(section, None)?;
    let words = words.trim();
    (!words.is_empty()).then(|| words.to_owned())
}

/// For each shared string, whether a run of it strikes through.
fn struck_strings<R: Read + Seek>(zip: &mut zip::ZipArchive<R>) -> Result<Vec<bool>, String> {
    let mut strings: Vec<bool> = Vec::new();
    let (mut in_si, mut in_rpr, mut struck) = (false, false, false);
    each_element(zip, "xl/sharedStrings.xml", |x| match x {
        Xml::Open(e, empty) => match local(e.name().as_ref()) {
            "si" if empty => strings.push(false),
            "si" => {
                in_si = true;
                struck = false;
            }
            "rPr" if in_si => in_rpr = !empty,
            "strike" if in_si && in_rpr => struck |= strike_on(e),
            _ => {}
        },
        Xml::Close("si") => {
            strings.push(struck);
            in_si = false;
        }
        Xml::Close("rPr") => in_rpr = false,
        _ => {}
    })?;
    Ok(strings)
}

/// `target` of a relationship of the part `part`, as a path in the zip: `../comments1.xml`
/// of `xl/worksheets/sheet1.xml` is `xl/comments1.xml`.
fn resolve_target(part: &str, target: &str) -> String {
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_owned();
    }
    let mut path: Vec<&str> = part.split('/').collect();
    path.pop();
    for piece in target.split('/') {
        match piece {
            "." | "" => {}
            ".." => {
                path.pop();
            }
            p => path.push(p),
        }
    }
    path.join("/")
}

/// Parts of a sheet found by its relationships, by kind (see [`comment_parts`]).
type RelatedParts = (Vec<String>, Vec<String>, Vec<String>);

/// The comment and drawing parts of the sheet part `part`, from its relationships: (legacy
/// notes, threaded comments, drawings).
fn comment_parts<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    part: &str,
) -> Result<RelatedParts, String> {
    let rels = match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    };
    let (mut notes, mut threaded, mut drawings) = (Vec::new(), Vec::new(), Vec::new());
    each_element(zip, &rels, |x| {
        if let Xml::Open(e, _) = x {
            if local(e.name().as_ref()) != "Relationship"
                || attr_local(e, "TargetMode").as_deref() == Some("External")
            {
                return;
            }
            let (Some(kind), Some(target)) = (attr_local(e, "Type"), attr_local(e, "Target"))
            else {
                return;
            };
            let kind = kind.to_ascii_lowercase();
            if kind.ends_with("/comments") {
                notes.push(resolve_target(part, &target));
            } else if kind.ends_with("/threadedcomment") {
                threaded.push(resolve_target(part, &target));
            } else if kind.ends_with("/drawing") {
                drawings.push(resolve_target(part, &target));
            }
        }
    })?;
    Ok((notes, threaded, drawings))
}

/// The shapes holding text of a drawing part (text boxes, callouts, any shape with
/// `<a:t>` runs; a picture or an empty shape holds none): each anchor's top-left cell (row
/// from 1, column from 0) and its text, paragraphs joined by a space.
fn drawing_texts<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    part: &str,
) -> Result<Vec<TextBox>, String> {
    let mut out = Vec::new();
    let (mut depth, mut in_from, mut field) = (0usize, false, "");
    let (mut row, mut col, mut in_t) = (0u32, 0u32, false);
    let mut text = String::new();
    each_element(zip, part, |x| match x {
        Xml::Open(e, empty) => match local(e.name().as_ref()) {
            "twoCellAnchor" | "oneCellAnchor" | "absoluteAnchor" if !empty => {
                depth += 1;
                if depth == 1 {
                    (row, col) = (0, 0);
                    text.clear();
                }
            }
            "from" if depth == 1 && !empty => in_from = true,
            "row" if in_from && !empty => field = "row",
            "col" if in_from && !empty => field = "col",
            "t" if depth > 0 && !empty => in_t = true,
            "p" if depth > 0 && !text.is_empty() => text.push(' '),
            _ => {}
        },
        Xml::Text(t) if in_t => text.push_str(t),
        Xml::Ref(c) if in_t => text.push(c),
        Xml::Text(t) if in_from && !field.is_empty() => {
            let n: u32 = t.trim().parse().unwrap_or(0);
            if field == "row" {
                row = n;
            } else {
                col = n;
            }
        }
        Xml::Close("t") => in_t = false,
        Xml::Close("row" | "col") => field = "",
        Xml::Close("from") => in_from = false,
        Xml::Close("twoCellAnchor" | "oneCellAnchor" | "absoluteAnchor") => {
            depth = depth.saturating_sub(1);
            let said = crate::text::join_filled(text.split_whitespace());
            if depth == 0 && !said.is_empty() {
                out.push(TextBox {
                    row: row.saturating_add(1),
                    col,
                    text: said,
                });
            }
        }
        _ => {}
    })?;
    Ok(out)
}

/// The text of each commented cell of a comments part: a note's `<comment ref="B3">` (its
/// runs' text, phonetic guides left out) or a threaded comment's `<threadedComment
/// ref="B3">` (its `<text>`; replies to the same cell each on a line of their own).
fn comments_of<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    part: &str,
    threaded: bool,
) -> Result<Comments, String> {
    let (holder, text_tag) = if threaded {
        ("threadedComment", "text")
    } else {
        ("comment", "t")
    };
    let mut out = Comments::new();
    let mut cell: Option<(u32, u32)> = None;
    let (mut in_text, mut in_phonetic) = (false, false);
    let mut text = String::new();
    let found = each_element(zip, part, |x| match x {
        Xml::Open(e, empty) => match local(e.name().as_ref()) {
            n if n == holder => {
                cell = if empty {
                    None
                } else {
                    attr_local(e, "ref").and_then(|r| cell_ref(&r))
                };
                text.clear();
            }
            "rPh" => in_phonetic = !empty,
            n if n == text_tag && cell.is_some() && !in_phonetic => in_text = !empty,
            _ => {}
        },
        Xml::Text(t) if in_text => text.push_str(t),
        Xml::Ref(c) if in_text => text.push(c),
        Xml::Close(n) if n == text_tag => in_text = false,
        Xml::Close("rPh") => in_phonetic = false,
        Xml::Close(n) if n == holder => {
            if let Some(at) = cell.take() {
                let t = if threaded {
                    text.trim()
                } else {
                    without_thread_notice(&text)
                };
                if !t.is_empty() {
                    let kept = out.entry(at).or_default();
                    if !kept.is_empty() {
                        kept.push('\n');
                    }
                    kept.push_str(t);
                }
            }
        }
        _ => {}
    })?;
    if !found {
        return Err(format!("the comments part {part} is missing"));
    }
    Ok(out)
}

/// The text of a note Excel writes for older versions beside a threaded comment, without
/// its notice (`[Threaded comment]` … `Comment:`, in Japanese Excel `[スレッド化されたコメント]`
/// … `コメント:`, whose wording holds `ただし`): the thread's text and replies. The notice may
/// follow the author's name on a line of its own (`山田:`).
fn without_thread_notice(text: &str) -> &str {
    let t = text.trim();
    const NOTICES: &[(&str, &[&str])] = &[
        ("[Threaded comment]", &["Comment:"]),
        ("[スレッド化されたコメント]", &["コメント:", "コメント："]),
        ("［スレッド化されたコメント］", &["コメント:", "コメント："]),
    ];
    for (notice, labels) in NOTICES {
        match t.find(notice) {
            Some(i) if t[..i].trim_end().lines().count() <= 1 => {
                let rest = &t[i + notice.len()..];
                return labels
                    .iter()
                    .find_map(|l| rest.split_once(l))
                    .map_or(rest, |(_, c)| c)
                    .trim();
            }
            _ => {}
        }
    }
    t
}

/// The comments on the cells of the sheet part `part`: a cell's threaded comment, else its
/// note.
fn sheet_comments<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    part: &str,
) -> Result<Comments, String> {
    let (notes, threaded, _) = comment_parts(zip, part)?;
    let mut out = BTreeMap::new();
    for p in notes {
        out.extend(comments_of(zip, &p, false)?);
    }
    for p in threaded {
        out.extend(comments_of(zip, &p, true)?);
    }
    Ok(out)
}

/// The hidden rows and columns, struck-through cells and cell comments of the sheet
/// `sheet` of an .xlsx (or .xlsm) workbook, or of an .ods one ([`ods_marks`]: the same
/// marks, so every reader decides on them alike, review 25 A-8/A-9/A-10); `Ok(None)` for a
/// file that is neither (an .xls: see [`crate::input::xls`]). A cell is struck through by
/// its format's font, or by a run of its rich text (shared or inline).
pub fn xlsx_marks(path: &Path, sheet: &str) -> Result<Option<SheetMarks>, String> {
    let Some(mut zip) = open(path) else {
        return Ok(None);
    };
    let Some(part) = sheet_part(&mut zip, sheet)? else {
        return ods_marks(path, sheet);
    };
    let formats = struck_formats(&mut zip)?;
    let coloured = coloured_formats(&mut zip)?;
    let strings = struck_strings(&mut zip)?;
    let number_formats = number_formats(&mut zip)?;
    let mut marks = SheetMarks::default();
    let (mut row, mut col) = (0u32, 0u32);
    // the open cell: (row, column, holds a shared string's index)
    let mut cell: Option<(u32, u32, bool)> = None;
    // the open cell's number format when it holds a number
    let mut number_format: Option<&str> = None;
    // whether the open cell holds text (shared, inline or a formula's)
    let mut text_format = false;
    let (mut in_v, mut in_rpr, mut struck_run) = (false, false, false);
    // the open cell's formula, and whether its type allows an empty value (a formula
    // giving the empty string is `t="str"` with an empty `<v>`)
    let (mut formula, mut text_type) = (false, false);
    let mut value = String::new();
    let found = each_element(&mut zip, &part, |x| match x {
        Xml::Open(e, empty) => match local(e.name().as_ref()) {
            // a column of zero width is not seen either (review 11 A-9)
            "col" if truthy(attr_local(e, "hidden")) || zero_size(attr_local(e, "width")) => {
                let min: u32 = attr_local(e, "min")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(1)
                    .max(1);
                let max: u32 = attr_local(e, "max")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(min);
                // a range over the rest of the sheet (to column 16,384) is kept short
                for c in min..=max.min(min + 1024) {
                    marks.hidden_columns.insert(c - 1);
                }
            }
            "row" => {
                row = attr_local(e, "r")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(row + 1);
                col = 0;
                // a row of zero height (`ht="0"`, what other writers and macros give for
                // "hidden") is not seen either (review 11 A-9)
                if truthy(attr_local(e, "hidden")) || zero_size(attr_local(e, "ht")) {
                    marks.hidden_rows.insert(row);
                }
            }
            "c" => {
                let (r, c) = attr_local(e, "r")
                    .and_then(|v| cell_ref(&v))
                    .unwrap_or((row, col));
                col = c + 1;
                let style = attr_local(e, "s").and_then(|v| v.parse::<usize>().ok());
                let by_format = style.is_some_and(|s| formats.get(s).copied().unwrap_or(false));
                if by_format {
                    marks.struck.insert((r, c));
                }
                if let Some(colour) = style.and_then(|s| coloured.get(s).cloned().flatten()) {
                    marks.colours.insert((r, c), colour);
                }
                let t = attr_local(e, "t");
                let shared = t.as_deref() == Some("s");
                text_type = matches!(t.as_deref(), Some("str" | "inlineStr"));
                number_format = style
                    .and_then(|s| number_formats.get(s))
                    .and_then(|f| f.as_deref());
                text_format = matches!(t.as_deref(), Some("s" | "str" | "inlineStr"));
                if !text_format && !matches!(t.as_deref(), None | Some("n")) {
                    number_format = None;
                }
                cell = (!empty).then_some((r, c, shared));
                struck_run = false;
                formula = false;
                value.clear();
            }
            "hyperlink" => {
                let range = attr_local(e, "ref").unwrap_or_default();
                let mut ends = range.split(':').filter_map(cell_ref);
                if let Some((r0, c0)) = ends.next() {
                    let (r1, c1) = ends.next().unwrap_or((r0, c0));
                    // a range over the rest of the sheet is kept short
                    for r in r0..=r1.min(r0 + 4096) {
                        for c in c0..=c1.min(c0 + 64) {
                            marks.hyperlinks.insert((r, c));
                        }
                    }
                }
            }
            "f" if cell.is_some() => formula = true,
            "v" if cell.is_some() => {
                in_v = !empty;
                value.clear();
            }
            "rPr" if cell.is_some() => in_rpr = !empty,
            "strike" if cell.is_some() && in_rpr => struck_run |= strike_on(e),
            _ => {}
        },
        Xml::Text(t) if in_v => value.push_str(t),
        Xml::Close("v") => in_v = false,
        Xml::Close("rPr") => in_rpr = false,
        Xml::Close("c") => {
            if let Some((r, c, shared)) = cell.take() {
                let by_string = shared
                    && value
                        .trim()
                        .parse::<usize>()
                        .is_ok_and(|i| strings.get(i).copied().unwrap_or(false));
                if by_string || struck_run {
                    marks.struck.insert((r, c));
                }
                if formula && !text_type && value.trim().is_empty() {
                    marks.unvalued.insert((r, c));
                }
                if let Some(code) =
                    number_format.filter(|&code| text_format && text_shown(code, "\u{1}").is_some())
                {
                    marks.text_formats.insert((r, c), code.to_owned());
                }
                let shown = number_format
                    .filter(|_| !text_format)
                    .zip(value.trim().parse::<f64>().ok())
                    .and_then(|(code, v)| words_shown(code, v));
                if let Some(words) = shown {
                    marks.shown.insert((r, c), words);
                }
            }
        }
        _ => {}
    })?;
    if !found {
        return Err(format!("the sheet '{sheet}' has no part {part}"));
    }
    marks.comments = sheet_comments(&mut zip, &part)?;
    let (_, _, drawings) = comment_parts(&mut zip, &part)?;
    for d in drawings {
        marks.text_boxes.extend(drawing_texts(&mut zip, &d)?);
    }
    Ok(Some(marks))
}

/// The texts of the print header and footer of the sheet `sheet` (what each printed page
/// shows above and below the cells): an .xlsx sheet's `<headerFooter>` (odd, even and first
/// pages; Excel's codes such as `&C`, `&P`, `&"Arial,Bold"` and `&12` left out), an .ods
/// sheet's master page's `style:header`/`style:footer` (fields such as the page number left
/// out); empty for another workbook (review 25 A-16).
pub fn print_texts(path: &Path, sheet: &str) -> Result<Vec<String>, String> {
    let Some(mut zip) = open(path) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    if let Some(part) = sheet_part(&mut zip, sheet)? {
        let (mut inside, mut text) = (false, String::new());
        each_element(&mut zip, &part, |x| match x {
            Xml::Open(e, empty) => {
                if matches!(
                    local(e.name().as_ref()),
                    "oddHeader"
                        | "oddFooter"
                        | "evenHeader"
                        | "evenFooter"
                        | "firstHeader"
                        | "firstFooter"
                ) {
                    inside = !empty;
                    text.clear();
                }
            }
            Xml::Text(t) if inside => text.push_str(t),
            Xml::Ref(c) if inside => text.push(c),
            Xml::Close(
                "oddHeader" | "oddFooter" | "evenHeader" | "evenFooter" | "firstHeader"
                | "firstFooter",
            ) => {
                inside = false;
                let t = without_header_codes(&text);
                if !t.is_empty() {
                    out.push(t);
                }
            }
            _ => {}
        })?;
        return Ok(out);
    }
    if zip.by_name("content.xml").is_err() {
        return Ok(out);
    }
    // the sheet's table style, and that style's master page (`Default` when none is named)
    let (mut table_style, mut pages) = (None::<String>, BTreeMap::<String, String>::new());
    each_element(&mut zip, "content.xml", |x| {
        if let Xml::Open(e, _) = x {
            match e.name().as_ref() {
                "style:style" if attr(e, "style:family").as_deref() == Some("table") => {
                    if let (Some(n), Some(m)) =
                        (attr(e, "style:name"), attr(e, "style:master-page-name"))
                    {
                        pages.insert(n, m);
                    }
                }
                "table:table" if attr(e, "table:name").as_deref() == Some(sheet) => {
                    table_style = attr(e, "table:style-name");
                }
                _ => {}
            }
        }
    })?;
    let page = table_style
        .and_then(|s| pages.get(&s).cloned())
        .unwrap_or_else(|| "Default".to_owned());
    // the text of the page's headers and footers, by paragraph; a field (`text:page-number`,
    // `text:sheet-name`, `text:date`) shows what the program fills in: left out
    let (mut in_page, mut region, mut field) = (false, 0usize, 0usize);
    let mut text = String::new();
    each_element(&mut zip, "styles.xml", |x| match x {
        Xml::Open(e, empty) => match e.name().as_ref() {
            "style:master-page" => {
                in_page = !empty && attr(e, "style:name").as_deref() == Some(page.as_str());
            }
            "style:header" | "style:footer" | "style:header-left" | "style:footer-left"
            | "style:header-first" | "style:footer-first"
                if in_page && !empty =>
            {
                region += 1;
            }
            "text:p" if region > 0 && !text.is_empty() => text.push(' '),
            name if region > 0
                && !empty
                && name.starts_with("text:")
                && name != "text:p"
                && name != "text:span"
                && name != "text:s" =>
            {
                field += 1
            }
            _ => {}
        },
        Xml::Text(t) if region > 0 && field == 0 => text.push_str(t),
        Xml::Ref(c) if region > 0 && field == 0 => text.push(c),
        Xml::Close(
            "header" | "footer" | "header-left" | "footer-left" | "header-first" | "footer-first",
        ) if region > 0 => {
            region -= 1;
            let t = crate::text::join_filled(text.split_whitespace());
            if region == 0 && !t.is_empty() {
                out.push(t);
            }
            if region == 0 {
                text.clear();
            }
        }
        Xml::Close(name) if field > 0 && !matches!(name, "p" | "span" | "s") => field -= 1,
        Xml::Close("master-page") => in_page = false,
        _ => {}
    })?;
    Ok(out)
}

/// An .xlsx header's or footer's text without Excel's codes: `&L`/`&C`/`&R` (sections, read
/// as a space), `&P`, `&N`, `&D`, `&T`, `&F`, `&A`, `&Z`, `&G` (fields), `&B`, `&I`, `&U`,
/// `&S`, `&E`, `&X`, `&Y` (styles), `&"font,style"`, `&K` colours and `&12` sizes; `&&` is `&`.
fn without_header_codes(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '&' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('&') => out.push('&'),
            Some('"') => {
                for c in chars.by_ref() {
                    if c == '"' {
                        break;
                    }
                }
            }
            Some('K') => {
                for _ in 0..6 {
                    chars.next_if(|c| c.is_ascii_alphanumeric() || *c == '+' || *c == '-');
                }
            }
            Some(d) if d.is_ascii_digit() => while chars.next_if(char::is_ascii_digit).is_some() {},
            Some('L' | 'C' | 'R') => out.push(' '),
            _ => {}
        }
    }
    crate::text::join_filled(out.split_whitespace())
}

/// Most cells the rectangle of an .xlsx sheet's cells may span (from its first to its last
/// row and column holding something), checked before calamine reads the sheet: calamine
/// gives a sheet as a dense rectangle (about 32 bytes a cell, more as text), so one stray
/// value at `XFD1048576` of a 5 KB file would ask for hundreds of GB (review 24 D-1). A
/// 100,000-row list of 100 columns is within it.
/// Where a sheet part's reading stands: the row of the last `<row>`, the column after the
/// last `<c>` (a cell without `r` is the next one).
#[derive(Default)]
struct Cursor {
    row: u32,
    col: u32,
}

impl Cursor {
    fn row(&mut self, e: &BytesStart) {
        self.row = attr_local(e, "r")
            .and_then(|v| v.parse().ok())
            .unwrap_or(self.row + 1);
        self.col = 0;
    }

    /// The cell `e` opens: (row from 1, column from 0).
    fn cell(&mut self, e: &BytesStart) -> (u32, u32) {
        let (r, c) = attr_local(e, "r")
            .and_then(|v| cell_ref(&v))
            .unwrap_or((self.row, self.col));
        self.col = c + 1;
        (r, c)
    }
}

pub const MAX_SHEET_CELLS: u64 = 10_000_000;

/// Largest row and column an .xlsx sheet may name (1,048,576 rows, 16,384 columns).
const XLSX_ROWS: u32 = 1_048_576;
const XLSX_COLUMNS: u32 = 16_384;

/// What is wrong with an .xlsx sheet before it is read ([`xlsx_precheck`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetProblem {
    /// Its cells span more than [`MAX_SHEET_CELLS`]; `cell` (`XFD1048576`) holds `text`
    /// and is what makes the rectangle that large.
    TooFar {
        cell: String,
        text: String,
        rows: u64,
        columns: u64,
    },
    /// A merged range (`<mergeCell ref="D3:C2"/>`) that is no range of cells: reversed,
    /// without a row, beyond the sheet's last row or column (review 24 D-2).
    BadMerge(String),
    /// Two `<c>` elements at one address (`B3`, named): calamine keeps the last without a
    /// word, and which one a spreadsheet program shows is not known (review 25 D-2).
    DuplicateCell(String),
    /// The part cannot be read as XML.
    Unreadable(String),
}

/// `A1` for (row from 1, column from 0).
pub fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.push(b'A' + rem as u8);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{row}", String::from_utf8_lossy(&letters))
}

/// Whether `range` (`B2:D5`, `C3`) is a range of cells of an .xlsx sheet: each end a cell
/// within the sheet, the first not below or right of the last.
fn valid_range(range: &str) -> bool {
    let ends: Vec<&str> = range.split(':').collect();
    let cells: Option<Vec<(u32, u32)>> = ends
        .iter()
        .map(|e| cell_ref(e.trim().trim_start_matches('$').replace('$', "").as_str()))
        .collect();
    let Some(cells) = cells else {
        return false;
    };
    let within = |&(r, c): &(u32, u32)| (1..=XLSX_ROWS).contains(&r) && c < XLSX_COLUMNS;
    match cells.as_slice() {
        [one] => within(one),
        [a, b] => within(a) && within(b) && a.0 <= b.0 && a.1 <= b.1,
        _ => false,
    }
}

/// The rectangle (first row, last row, first column, last column) `extent` grown to hold
/// the cell `(r, c)`.
fn grown(extent: Option<(u32, u32, u32, u32)>, (r, c): (u32, u32)) -> (u32, u32, u32, u32) {
    match extent {
        None => (r, r, c, c),
        Some((t, b, l, rt)) => (t.min(r), b.max(r), l.min(c), rt.max(c)),
    }
}

/// Checks the sheet `sheet` of an .xlsx workbook before calamine reads it: the rectangle
/// of its cells holding something (a value, inline text or a formula; an empty styled cell
/// holds nothing, and the `<dimension>` it declares is not trusted) within
/// [`MAX_SHEET_CELLS`], and its merged ranges ranges of cells. `Ok(())` for a file that is
/// not an .xlsx.
pub fn xlsx_precheck(path: &Path, sheet: &str) -> Result<(), SheetProblem> {
    let Some(mut zip) = open(path) else {
        return Ok(());
    };
    let part = match sheet_part(&mut zip, sheet) {
        Ok(Some(part)) => part,
        Ok(None) | Err(_) => return Ok(()),
    };
    // (first row, last row, first column, last column) of the cells holding something
    let mut extent: Option<(u32, u32, u32, u32)> = None;
    let mut bad_merge: Option<String> = None;
    // the last cell's address, and whether one came at or before it (out of order: then
    // looked for twice over in a second reading, which a file a spreadsheet program wrote
    // never needs)
    let (mut last, mut unordered) = (None::<(u32, u32)>, false);
    each_valued_cell(&mut zip, &part, |found| match found {
        Found::Cell(rc) => extent = Some(grown(extent, rc)),
        Found::Address(rc) => {
            unordered |= last.is_some_and(|l| rc <= l);
            last = Some(rc);
        }
        Found::Merge(range) if bad_merge.is_none() && !valid_range(&range) => {
            bad_merge = Some(range);
        }
        Found::Merge(_) => {}
    })
    .map_err(SheetProblem::Unreadable)?;
    if let Some(range) = bad_merge {
        return Err(SheetProblem::BadMerge(range));
    }
    if unordered {
        let mut seen = std::collections::HashSet::new();
        let mut twice = None;
        each_valued_cell(&mut zip, &part, |found| {
            if let Found::Address(rc) = found {
                if !seen.insert(rc) && twice.is_none() {
                    twice = Some(rc);
                }
            }
        })
        .map_err(SheetProblem::Unreadable)?;
        if let Some((r, c)) = twice {
            return Err(SheetProblem::DuplicateCell(cell_name(r, c)));
        }
    }
    let Some((rows, columns)) = over_cells(extent) else {
        return Ok(());
    };
    let (cell, text) = far_cell(&mut zip, &part).map_err(SheetProblem::Unreadable)?;
    Err(SheetProblem::TooFar {
        cell,
        text,
        rows,
        columns,
    })
}

/// What [`each_valued_cell`] finds in a sheet part.
enum Found {
    /// A cell holding something (a value, inline text or a formula): (row from 1, column
    /// from 0).
    Cell((u32, u32)),
    /// A merged range as written (`<mergeCell ref="B2:C3"/>`).
    Merge(String),
    /// Every cell's address, holding something or not (row from 1, column from 0).
    Address((u32, u32)),
}

/// Calls `each` on every cell of a sheet part holding something, and every merged range.
fn each_valued_cell<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    part: &str,
    mut each: impl FnMut(Found),
) -> Result<bool, String> {
    let mut at = Cursor::default();
    let mut open: Option<(u32, u32)> = None;
    each_element(zip, part, |x| match x {
        Xml::Open(e, empty) => match local(e.name().as_ref()) {
            "row" => at.row(e),
            "c" => {
                let rc = at.cell(e);
                each(Found::Address(rc));
                open = (!empty).then_some(rc);
            }
            "v" | "is" | "f" => {
                if let Some(rc) = open.take() {
                    each(Found::Cell(rc));
                }
            }
            "mergeCell" => each(Found::Merge(attr_local(e, "ref").unwrap_or_default())),
            _ => {}
        },
        Xml::Close("c") => open = None,
        _ => {}
    })
}

/// The cell of a sheet too large ([`xlsx_precheck`]) that makes it so, and its text: of
/// the cells on the last row and those on the last column, the one whose removal leaves
/// the smaller rectangle (a stray value at `XFD5` of a long list, or at `A1048576` of a
/// narrow one). Read only for a sheet refused.
fn far_cell<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    part: &str,
) -> Result<(String, String), String> {
    // the cells holding something
    let mut cells: Vec<(u32, u32)> = Vec::new();
    each_valued_cell(zip, part, |found| {
        if let Found::Cell(rc) = found {
            cells.push(rc);
        }
    })?;
    let Some((r, c)) = farthest(&cells) else {
        return Ok((String::new(), String::new()));
    };
    let text = cell_text_of(zip, part, (r, c))?;
    Ok((cell_name(r, c), text))
}

/// Of `cells` (row, column) on the last row and those on the last column, the one whose
/// removal leaves the smaller rectangle: what makes a sheet too large ([`xlsx_precheck`],
/// [`ods_precheck`], [`range_precheck`]).
fn farthest(cells: &[(u32, u32)]) -> Option<(u32, u32)> {
    let area = |cells: &mut dyn Iterator<Item = &(u32, u32)>| {
        let mut ext: Option<(u32, u32, u32, u32)> = None;
        for &rc in cells {
            ext = Some(grown(ext, rc));
        }
        ext.map_or(0, |(t, b, l, r)| {
            (u64::from(b - t) + 1) * (u64::from(r - l) + 1)
        })
    };
    let last_row = cells.iter().map(|c| c.0).max()?;
    let last_col = cells.iter().map(|c| c.1).max()?;
    let without_row = area(&mut cells.iter().filter(|c| c.0 != last_row));
    let without_col = area(&mut cells.iter().filter(|c| c.1 != last_col));
    let far = if without_col < without_row {
        cells.iter().find(|c| c.1 == last_col)
    } else {
        cells.iter().rev().find(|c| c.0 == last_row)
    };
    far.copied()
}

/// Text as a refusal quotes it: trimmed, cut to 40 characters.
fn cut_text(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

/// Checks every sheet of an .ods workbook before calamine opens it (calamine reads them all
/// when it does), as [`xlsx_precheck`] does an .xlsx's sheet: the rectangle of its cells
/// holding something (a value type, a formula or text; a cell or row repeated counts as
/// all it repeats) within [`MAX_SHEET_CELLS`] — calamine builds the whole rectangle, up to
/// 100,000,000 cells, and the formulas' beside it. The first sheet too large is named with
/// its problem; `Ok(())` for a file that is not an .ods.
pub fn ods_precheck(path: &Path) -> Result<(), (String, SheetProblem)> {
    let Some(mut zip) = open(path) else {
        return Ok(());
    };
    let Ok(content) = zip.by_name("content.xml") else {
        return Ok(());
    };
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(content));
    let mut buf = Vec::new();
    let mut sheet = String::new();
    let (mut in_sheet, mut depth) = (false, 0usize);
    let mut at = OdsCursor::default();
    // the cells holding something
    let mut runs: Vec<Run> = Vec::new();
    // the open cell's span, whether it holds a value, and its text so far
    let mut open_cell: Option<((u32, u32, u32, u32), bool)> = None;
    let mut text = String::new();
    loop {
        // XML this reading cannot follow is left to calamine, which says what it cannot read
        let Ok(event) = reader.read_event_into(&mut buf) else {
            return Ok(());
        };
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "table:table" if !in_sheet => {
                    sheet = attr(&e, "table:name").unwrap_or_default();
                    in_sheet = !empty;
                    (depth, at) = (0, OdsCursor::default());
                    runs.clear();
                }
                "table:table" if in_sheet => depth += usize::from(!empty),
                "table:table-row" if in_sheet && depth == 0 => at.row(&e, empty),
                "table:table-cell" | "table:covered-table-cell" if in_sheet && depth == 0 => {
                    let span = at.cell(&e);
                    let valued = attr(&e, "office:value-type").is_some()
                        || attr(&e, "table:formula").is_some();
                    text.clear();
                    if empty {
                        if valued {
                            runs.push((span, String::new()));
                        }
                    } else {
                        open_cell = Some((span, valued));
                    }
                }
                _ => {}
            },
            // (the text kept as far as a refusal quotes it)
            Event::Text(t) if open_cell.is_some() && text.chars().count() < 41 => {
                text.push_str(t.as_ref());
            }
            Event::End(e) => match e.name().as_ref() {
                "table:table" if in_sheet && depth == 0 => {
                    in_sheet = false;
                    too_far(&runs).map_err(|p| (sheet.clone(), p))?;
                }
                "table:table" if in_sheet => depth -= 1,
                "table:table-row" if in_sheet && depth == 0 => at.end_row(),
                "table:table-cell" | "table:covered-table-cell" if in_sheet && depth == 0 => {
                    if let Some((span, valued)) = open_cell.take() {
                        if valued || !text.trim().is_empty() {
                            runs.push((span, cut_text(&text)));
                        }
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

/// A run of cells holding something of an .ods sheet: (first row, last row, first column,
/// last column), 0-based, and its text.
type Run = ((u32, u32, u32, u32), String);

/// Whether the runs of one .ods sheet ([`ods_precheck`]) span at most [`MAX_SHEET_CELLS`].
fn too_far(runs: &[Run]) -> Result<(), SheetProblem> {
    // (row from 1, column from 0) of each run's corners
    let corners: Vec<(u32, u32)> = runs
        .iter()
        .flat_map(|&((t, b, l, r), _)| [(t.saturating_add(1), l), (b.saturating_add(1), r)])
        .collect();
    too_many_cells(&corners, |(r, c)| {
        runs.iter()
            .find(|((t, b, l, rt), _)| (*t..=*b).contains(&(r - 1)) && (*l..=*rt).contains(&c))
            .map(|(_, text)| text.clone())
            .unwrap_or_default()
    })
}

/// The rows and columns the rectangle `extent` (first row, last row, first column, last
/// column) spans, when that is more than [`MAX_SHEET_CELLS`].
fn over_cells(extent: Option<(u32, u32, u32, u32)>) -> Option<(u64, u64)> {
    let (top, bottom, left, right) = extent?;
    let span = |a: u32, b: u32| u64::from(b - a) + 1;
    let (rows, columns) = (span(top, bottom), span(left, right));
    (rows * columns > MAX_SHEET_CELLS).then_some((rows, columns))
}

/// Whether `cells` (row from 1, column from 0: those of a sheet holding something) span at
/// most [`MAX_SHEET_CELLS`]; else the cell that makes them span more ([`farthest`]) with
/// its text (`text_of`, asked only then): the one bound of every workbook reader (.xlsx,
/// .ods, .xls).
pub fn too_many_cells(
    cells: &[(u32, u32)],
    text_of: impl FnOnce((u32, u32)) -> String,
) -> Result<(), SheetProblem> {
    let mut extent = None;
    for &rc in cells {
        extent = Some(grown(extent, rc));
    }
    let Some((rows, columns)) = over_cells(extent) else {
        return Ok(());
    };
    let (r, c) = farthest(cells).unwrap_or((1, 0));
    Err(SheetProblem::TooFar {
        cell: cell_name(r, c),
        text: cut_text(&text_of((r, c))),
        rows,
        columns,
    })
}

/// The same bound on a range calamine has read (an .xls: calamine reads every sheet of one
/// when it opens it, at most 65,536 rows by 256 columns in Excel's own files): refused
/// before its rows are made text.
pub fn range_precheck(range: &calamine::Range<calamine::Data>) -> Result<(), SheetProblem> {
    let (rows, columns) = range.get_size();
    let (rows, columns) = (rows as u64, columns as u64);
    if rows.saturating_mul(columns) <= MAX_SHEET_CELLS {
        return Ok(());
    }
    let (top, left) = range.start().unwrap_or((0, 0));
    let cells: Vec<(u32, u32)> = range
        .used_cells()
        .map(|(r, c, _)| (top + r as u32, left + c as u32))
        .collect();
    let Some((r, c)) = farthest(&cells) else {
        return Ok(());
    };
    let text = range
        .get_value((r, c))
        .map(|d| cut_text(&crate::input::table::cell_text(d)))
        .unwrap_or_default();
    Err(SheetProblem::TooFar {
        cell: cell_name(r + 1, c),
        text,
        rows,
        columns,
    })
}

/// The text the cell `at` of a sheet part holds, as stored (a shared string looked up,
/// inline text, a value), cut to 40 characters.
fn cell_text_of<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    part: &str,
    at: (u32, u32),
) -> Result<String, String> {
    let mut pos = Cursor::default();
    let (mut inside, mut shared, mut in_text) = (false, false, false);
    let mut text = String::new();
    each_element(zip, part, |x| match x {
        Xml::Open(e, empty) => match local(e.name().as_ref()) {
            "row" => pos.row(e),
            "c" => {
                inside = pos.cell(e) == at && !empty;
                shared = attr_local(e, "t").as_deref() == Some("s");
            }
            "v" | "t" if inside => in_text = !empty,
            _ => {}
        },
        Xml::Text(t) if in_text => text.push_str(t),
        Xml::Ref(c) if in_text => text.push(c),
        Xml::Close("v" | "t") => in_text = false,
        Xml::Close("c") => inside = false,
        _ => {}
    })?;
    if shared {
        if let Ok(index) = text.trim().parse::<usize>() {
            text = shared_string(zip, index)?;
        }
    }
    Ok(cut_text(&text))
}

/// The text of the shared string `index` (its runs' text, phonetic guides left out).
fn shared_string<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    index: usize,
) -> Result<String, String> {
    let (mut n, mut in_t, mut in_rph) = (0usize, false, false);
    let mut text = String::new();
    each_element(zip, "xl/sharedStrings.xml", |x| match x {
        Xml::Open(e, empty) => match local(e.name().as_ref()) {
            "rPh" => in_rph = !empty,
            "t" if n == index && !in_rph => in_t = !empty,
            "si" if empty => n += 1,
            _ => {}
        },
        Xml::Text(t) if in_t => text.push_str(t),
        Xml::Ref(c) if in_t => text.push(c),
        Xml::Close("t") => in_t = false,
        Xml::Close("rPh") => in_rph = false,
        Xml::Close("si") => n += 1,
        _ => {}
    })?;
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A number format's words for a number: the section by sign, quoted or escaped words,
    /// a colour or locale passed over; none for digits, dates, conditions, elapsed time, an
    /// empty section or a negative number under one section (review 11 C-20).
    #[test]
    fn words_a_number_format_shows() {
        let w = |code: &str, v: f64| words_shown(code, v);
        assert_eq!(w("\"実施\";;\"未実施\"", 1.0).as_deref(), Some("実施"));
        assert_eq!(w("\"実施\";;\"未実施\"", 0.0).as_deref(), Some("未実施"));
        assert_eq!(w("\"実施\";;\"未実施\"", -1.0), None);
        assert_eq!(w("\"済\";\"未\"", 0.0).as_deref(), Some("済"));
        assert_eq!(w("\"済\";\"未\"", -3.0).as_deref(), Some("未"));
        assert_eq!(w("[Red]\\○;;[Color10]\"×\"", 0.0).as_deref(), Some("×"));
        assert_eq!(w("[$-411]\"実施\"", 2.0).as_deref(), Some("実施"));
        assert_eq!(w("\"実施\"", -1.0), None);
        assert_eq!(w("[=1]\"実施\";[=0]\"未実施\"", 1.0), None);
        assert_eq!(w("0\"件\"", 1.0), None);
        assert_eq!(w("yyyy\"年\"m\"月\"", 1.0), None);
        assert_eq!(w("[h]\"時間\"", 1.0), None);
        assert_eq!(w("\"実施\";;", 0.0), None);
        assert_eq!(w("General", 1.0), None);
        assert_eq!(w("\"a\";\"b\";\"c\";@;\"e\"", 1.0), None);
    }

    /// A text cell's format: a text section adding or replacing words is read as shown,
    /// one hiding the text (or not read) as nothing; `@` alone, `General`, a format without
    /// a text section show the text as typed (review 18 A-4).
    #[test]
    fn what_a_number_format_shows_for_text() {
        let t = |code: &str| text_shown(code, "実施");
        assert_eq!(t("@\"（予定）\"").as_deref(), Some("実施（予定）"));
        // a text section of its own words, whatever was typed: not read (review 20 A-9)
        assert_eq!(t("\"実施\";;\"未実施\";\"予定\"").as_deref(), Some(""));
        assert_eq!(text_shown(";;;\"実施\"", "未実施").as_deref(), Some(""));
        assert_eq!(text_shown("0;0;0;\"○\"", "×").as_deref(), Some(""));
        // the same words as typed: shown as typed
        assert_eq!(text_shown(";;;\"実施\"", "実施"), None);
        assert_eq!(t("0;-0;0;\"(\"@\")\"").as_deref(), Some("(実施)"));
        assert_eq!(t("[Red]@\\ \"予定\"").as_deref(), Some("実施 予定"));
        assert_eq!(t(";;;").as_deref(), Some(""));
        assert_eq!(t("0;0;0;").as_deref(), Some(""));
        assert_eq!(t("0;0;0;0@").as_deref(), Some(""));
        assert_eq!(t("[=1]@").as_deref(), Some(""));
        // guards: shown as typed
        assert_eq!(t("@"), None);
        assert_eq!(t("[$-411]@"), None);
        assert_eq!(t("0;-0;0;@"), None);
        assert_eq!(t("General"), None);
        assert_eq!(t("0.0"), None);
        assert_eq!(t(";;"), None);
        assert_eq!(t("\"実施\";;\"未実施\""), None);
        assert_eq!(t("yyyy/m/d"), None);
    }

    /// Hidden rows and columns, and cells struck through by their format or by a run of
    /// rich text, as Excel writes them.
    #[test]
    fn hidden_rows_columns_and_struck_cells_of_an_xlsx_sheet() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.xlsx");
        let mut wb = rust_xlsxwriter::Workbook::new();
        wb.add_worksheet().set_name("Cover").unwrap();
        let ws = wb.add_worksheet().set_name("List").unwrap();
        let struck = rust_xlsxwriter::Format::new().set_font_strikethrough();
        let bold = rust_xlsxwriter::Format::new().set_bold();
        ws.write_string(0, 0, "id").unwrap();
        ws.write_string_with_format(1, 0, "9.2.1", &bold).unwrap();
        ws.write_string_with_format(2, 0, "9.2.3", &struck).unwrap();
        ws.write_rich_string(3, 1, &[(&bold, "9.2.4"), (&struck, " old")])
            .unwrap();
        ws.write_string(4, 0, "9.2.5").unwrap();
        ws.set_row_hidden(4).unwrap();
        ws.set_column_hidden(2).unwrap();
        ws.insert_note(
            1,
            0,
            &rust_xlsxwriter::Note::new("R&D <only>").set_author("山田"),
        )
        .unwrap();
        ws.insert_note(
            3,
            2,
            &rust_xlsxwriter::Note::new("東京のみ").add_author_prefix(false),
        )
        .unwrap();
        wb.save(&path).unwrap();
        let marks = xlsx_marks(&path, "List").unwrap().unwrap();
        // notes, their text unescaped, the author's name Excel puts first kept
        assert_eq!(
            marks.comments,
            BTreeMap::from([
                ((2, 0), "山田:\nR&D <only>".to_owned()),
                ((4, 2), "東京のみ".to_owned())
            ])
        );
        assert_eq!(marks.hidden_rows, BTreeSet::from([5]));
        assert_eq!(marks.hidden_columns, BTreeSet::from([2]));
        assert_eq!(marks.struck, BTreeSet::from([(3, 0), (4, 1)]));
        assert_eq!(
            xlsx_marks(&path, "Cover").unwrap().unwrap(),
            SheetMarks::default()
        );
        assert!(xlsx_marks(&path, "Missing").is_err());
        assert_eq!(
            without_thread_notice("[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    確認しました\nReply:\n    OK"),
            "確認しました\nReply:\n    OK"
        );
        assert_eq!(
            resolve_target("xl/worksheets/sheet2.xml", "../threadedComments/t1.xml"),
            "xl/threadedComments/t1.xml"
        );
        assert_eq!(
            resolve_target("xl/worksheets/sheet2.xml", "/xl/c.xml"),
            "xl/c.xml"
        );
        // not an xlsx: nothing to say
        let text = dir.path().join("t.csv");
        std::fs::write(&text, "a,b\n").unwrap();
        assert_eq!(xlsx_marks(&text, "x").unwrap(), None);
    }
}
