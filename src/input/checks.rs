//! Check items (外部委託先に対する確認項目) from CSV, spreadsheets, YAML or JSON.
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};

use std::fmt;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::error::{InputError, Location};
use crate::input::decode::{self, decode, Encoding};
use crate::input::parse_error;
use crate::input::table::{self, Merged, Sheet};
use crate::input::{column_letter, read_bytes, FileKind, Scalar, ScalarVisitor};
use crate::model::{
    split_refs, Assurance, CellProblem, CheckItem, CheckList, Extra, ProblemField, Risk,
};
use crate::text::header_key;

/// The columns the tool understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Id,
    Title,
    Refs,
    Assurance,
    Risk,
    Note,
}

impl Field {
    const ALL: [Field; 6] = [
        Field::Id,
        Field::Title,
        Field::Refs,
        Field::Assurance,
        Field::Risk,
        Field::Note,
    ];

    /// Header names, compared after [`header_key`] (case, width and separators ignored).
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Id => &["id", "no", "項番", "番号", "管理番号", "itemid", "#"],
            Field::Title => &[
                "title",
                "item",
                "確認項目",
                "項目",
                "要求事項",
                "チェック項目",
            ],
            Field::Refs => &[
                "controls",
                "refs",
                "references",
                "対応管理策",
                "管理策",
                "ismap管理策",
                "管理策番号",
                "統制目標",
            ],
            Field::Assurance => &[
                "assurance",
                "requiredassurance",
                "確認水準",
                "求める確認水準",
            ],
            Field::Risk => &["risk", "priority", "重要度", "リスク"],
            Field::Note => &["note", "notes", "備考"],
        }
    }

    fn of_header(h: &str) -> Option<Field> {
        let k = header_key(h);
        Field::ALL
            .into_iter()
            .find(|f| f.aliases().iter().any(|a| *a == k))
    }
}

/// Does a header name ISO/IEC 27001, 27002 or 27017 (`ISO/IEC 27001:2022`, `JIS Q 27002`)?
fn names_a_standard(header: &str) -> bool {
    use crate::catalog::reftext::{lex, Kind, Standard};
    lex(header).iter().any(|l| {
        matches!(
            l.kind,
            Kind::Std(s) if matches!(s.standard, Standard::Iso27001 | Standard::Iso27002 | Standard::Iso27017)
        )
    })
}

/// How many rows from the top are searched for the header row.
const HEADER_SEARCH_ROWS: usize = 30;

/// Reads check items from any supported file.
pub fn load(
    path: &Path,
    encoding: Option<Encoding>,
    sheet: Option<&str>,
) -> Result<CheckList, InputError> {
    match FileKind::of(path) {
        FileKind::Yaml | FileKind::Json => load_structured(path, encoding),
        FileKind::Text => load_csv(path, encoding),
        FileKind::Workbook if sheet.is_some() => from_sheet(table::read(path, encoding, sheet)?),
        FileKind::Workbook => from_workbook(path),
    }
}

/// The extra column that names each item's sheet when a check list is read from several.
pub const SHEET_COLUMN: &str = "sheet";

/// Whether a sheet holds a check-list header: a references column in its first rows.
fn has_header(sheet: &Sheet) -> bool {
    has_column(sheet, Field::Refs)
}

/// Whether a sheet names a column of `field` in its first rows.
fn has_column(sheet: &Sheet, field: Field) -> bool {
    sheet
        .rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .any(|r| r.iter().any(|c| Field::of_header(c) == Some(field)))
}

/// A check-list workbook without `--sheet`: every visible sheet with a check-list header,
/// so that items on a second sheet (`組織的対策`, `技術的対策`) are not lost. A workbook with
/// one visible sheet reads as that sheet; sheets without a header are named in
/// `skipped_sheets`; items from several sheets carry their sheet in the extra column
/// [`SHEET_COLUMN`], and an id given on two sheets is an error.
fn from_workbook(path: &Path) -> Result<CheckList, InputError> {
    let visible = table::visible_sheet_names(path)?;
    if visible.len() <= 1 {
        let mut list = from_sheet(table::read_workbook_with(path, None, Merged::FillDown)?)?;
        list.sheets = list.sheet.iter().cloned().collect();
        return Ok(list);
    }
    let mut lists = Vec::new();
    let mut skipped = Vec::new();
    for name in &visible {
        let sheet = table::read_workbook_with(path, Some(name), Merged::FillDown)?;
        if has_header(&sheet) {
            lists.push(from_sheet(sheet)?);
        } else {
            skipped.push((*name).to_owned());
        }
    }
    match lists.len() {
        0 => Err(InputError::at(
            Location::file(path),
            format!(
                "no visible sheet has a check-list header (a references column such as 管理策 or controls); the sheets are: {}",
                visible.join(", ")
            ),
        )
        .hint("pick the sheet of the check items with --sheet NAME, or name its references column 管理策 (also: controls, refs, 対応管理策, ISMAP管理策, 管理策番号, 統制目標)")),
        1 => {
            let mut list = lists.remove(0);
            list.sheets = list.sheet.iter().cloned().collect();
            list.skipped_sheets = skipped;
            Ok(list)
        }
        _ => merge_sheets(path, lists, skipped),
    }
}

/// The check lists of several sheets as one: every item once, each with its sheet.
fn merge_sheets(
    path: &Path,
    lists: Vec<CheckList>,
    skipped: Vec<String>,
) -> Result<CheckList, InputError> {
    let sheet_column = if lists
        .iter()
        .any(|l| l.extra_columns.iter().any(|c| c == SHEET_COLUMN))
    {
        format!("{SHEET_COLUMN} (workbook)")
    } else {
        SHEET_COLUMN.to_owned()
    };
    let mut extra_columns = vec![sheet_column.clone()];
    for list in &lists {
        for c in &list.extra_columns {
            if !extra_columns.contains(c) {
                extra_columns.push(c.clone());
            }
        }
    }
    let refs_column = lists
        .first()
        .map(|l| l.refs_column.clone())
        .unwrap_or_default();
    let mut seen: HashMap<String, (String, usize)> = HashMap::new();
    let mut items = Vec::new();
    let mut sheets = Vec::new();
    // the title rows of every sheet: any of them may name the ISO edition of the list
    let mut title_rows = Vec::new();
    for mut list in lists {
        title_rows.append(&mut list.title_rows);
        let sheet = list.sheet.unwrap_or_default();
        for mut item in list.items {
            if item.id.starts_with('#') {
                // a generated id (`#12`, the row): rows repeat from sheet to sheet
                item.id = format!("{sheet}{}", item.id);
            }
            if let Some((first_sheet, first_row)) =
                seen.insert(item.id.clone(), (sheet.clone(), item.row))
            {
                return Err(InputError::at(
                    Location::file(path).sheet(Some(&sheet)).row(item.row),
                    format!(
                        "duplicate check-item id '{}' (also on sheet '{first_sheet}' row {first_row})",
                        item.id
                    ),
                )
                .hint("give every check item its own id across the sheets (e.g. A-1, B-1), or read one sheet with --sheet NAME"));
            }
            let mut own = std::mem::take(&mut item.extra.0);
            let extra = extra_columns
                .iter()
                .map(|name| {
                    let value = if *name == sheet_column {
                        sheet.clone()
                    } else {
                        own.iter_mut()
                            .find(|(k, _)| k == name)
                            .map(|(_, v)| std::mem::take(v))
                            .unwrap_or_default()
                    };
                    (name.clone(), value)
                })
                .collect();
            item.extra = Extra(extra);
            items.push(item);
        }
        sheets.push(sheet);
    }
    Ok(CheckList {
        source: path.to_path_buf(),
        sheet: None,
        sheets,
        skipped_sheets: skipped,
        extra_columns,
        refs_column,
        items,
        title_rows,
        iso_edition: Default::default(),
    })
}

/// One sheet `suggest` read: its rows as read (to be written back), where its header and
/// columns are, and how many of the list's items are its (the list keeps the sheets'
/// order).
#[derive(Debug, Clone)]
pub struct SheetRead {
    pub sheet: Sheet,
    pub layout: Layout,
    pub items: usize,
}

/// A check list as `suggest` reads it, and the sheets it came from.
#[derive(Debug)]
pub struct ForSuggest {
    pub list: CheckList,
    /// Empty for YAML/JSON.
    pub read: Vec<SheetRead>,
}

/// The check items of one sheet for `suggest`: by its references column, as `report`
/// reads them, or, on a list in free text without one, by its check-item column (the
/// written-back sheet gets a references column on that header row, so `report` then
/// reads the same items). With `require_title`, a sheet without a check-item column (the
/// one sheet read: there is nothing to suggest for) is refused.
fn sheet_for_suggest(
    sheet: Sheet,
    require_title: bool,
) -> Result<(CheckList, SheetRead), InputError> {
    let by = if has_header(&sheet) {
        Field::Refs
    } else {
        Field::Title
    };
    let mut rows = sheet.clone();
    let items = start_items_by(&mut rows, by)?;
    let layout = Layout {
        header_row: items.header.row,
        columns: items.header.fields.clone(),
    };
    if require_title && layout.column(Field::Title).is_none() {
        find_header(&sheet, Field::Title)?;
        return Err(InputError::at(
            sheet.location().row(layout.header_row),
            "the check-item column is not on the row of the references column",
        )
        .hint("put the headers of the check items and of the references on one row"));
    }
    let mut list = items.finish()?;
    list.sheets = list.sheet.iter().cloned().collect();
    let n = list.items.len();
    Ok((
        list,
        SheetRead {
            sheet,
            layout,
            items: n,
        },
    ))
}

/// Reads a check list for `suggest`: the sheets `report` reads, plus those of a list in
/// free text that `report` will read once `suggest` has written a references column into
/// them. A CSV is its one sheet; a workbook with `--sheet` that sheet; else every
/// visible sheet with a check-list header ([`from_workbook`]'s rule, a check-item column
/// counting as one), their items merged as `report` merges them.
pub fn load_for_suggest(
    path: &Path,
    encoding: Option<Encoding>,
    sheet: Option<&str>,
) -> Result<ForSuggest, InputError> {
    let one = |sheet: Sheet| {
        let (list, read) = sheet_for_suggest(sheet, true)?;
        Ok(ForSuggest {
            list,
            read: vec![read],
        })
    };
    match FileKind::of(path) {
        FileKind::Yaml | FileKind::Json => Ok(ForSuggest {
            list: load_structured(path, encoding)?,
            read: Vec::new(),
        }),
        FileKind::Text => one(table::read(path, encoding, None)?),
        FileKind::Workbook if sheet.is_some() => one(table::read(path, encoding, sheet)?),
        FileKind::Workbook => {
            let visible = table::visible_sheet_names(path)?;
            if visible.len() <= 1 {
                return one(table::read_workbook_with(path, None, Merged::FillDown)?);
            }
            let mut sheets = Vec::with_capacity(visible.len());
            for name in &visible {
                sheets.push(table::read_workbook_with(
                    path,
                    Some(name),
                    Merged::FillDown,
                )?);
            }
            workbook_for_suggest(path, sheets)
        }
    }
}

/// [`load_for_suggest`] of a workbook already read as stored (to be written back as a
/// workbook): the same sheets, the same items.
pub fn stored_for_suggest(
    path: &Path,
    wb: &table::StoredWorkbook,
    sheet: Option<&str>,
) -> Result<ForSuggest, InputError> {
    let one = |sheet: &table::StoredSheet| {
        let (list, read) = sheet_for_suggest(sheet.text.clone(), true)?;
        Ok(ForSuggest {
            list,
            read: vec![read],
        })
    };
    let worksheets: Vec<&table::StoredSheet> =
        wb.sheets.iter().filter(|s| !s.not_a_worksheet).collect();
    if let Some(wanted) = sheet {
        let names: Vec<String> = worksheets.iter().map(|s| s.name.clone()).collect();
        let name = table::sheet_named(&names, &Location::file(path), wanted)?;
        return match worksheets.iter().find(|s| s.name == *name) {
            Some(s) => one(s),
            None => Err(InputError::at(
                Location::file(path),
                "the workbook has no sheets",
            )),
        };
    }
    let visible: Vec<&table::StoredSheet> = worksheets
        .iter()
        .copied()
        .filter(|s| s.visibility == table::Visibility::Visible)
        .collect();
    if visible.len() <= 1 {
        return match visible.first().or(worksheets.first()) {
            Some(s) => one(s),
            None => Err(InputError::at(
                Location::file(path),
                "the workbook has no sheets",
            )),
        };
    }
    workbook_for_suggest(path, visible.iter().map(|s| s.text.clone()).collect())
}

/// The visible sheets of a workbook (two or more) read for `suggest`: each with a
/// check-list header, merged as [`merge_sheets`] merges them for `report`; the others
/// named in `skipped_sheets`.
fn workbook_for_suggest(path: &Path, sheets: Vec<Sheet>) -> Result<ForSuggest, InputError> {
    let names: Vec<String> = sheets
        .iter()
        .map(|s| s.sheet.clone().unwrap_or_default())
        .collect();
    let mut lists = Vec::new();
    let mut read = Vec::new();
    let mut skipped = Vec::new();
    for (sheet, name) in sheets.into_iter().zip(&names) {
        if !has_header(&sheet) && !has_column(&sheet, Field::Title) {
            skipped.push(name.clone());
            continue;
        }
        // a sheet of references without item text is read as `report` reads it (its
        // items have no text to match)
        let (list, r) = sheet_for_suggest(sheet, false)?;
        // a references column `report` does not look for across sheets (one headed
        // with a standard's name) and no column of ours to add: `report` skips it
        if r.layout.column(Field::Refs).is_some() && !has_header(&r.sheet) {
            skipped.push(name.clone());
            continue;
        }
        lists.push(list);
        read.push(r);
    }
    let list = match lists.len() {
        0 => return Err(InputError::at(
            Location::file(path),
            format!(
                "no visible sheet has a check-list header (a check-item column such as 確認項目 or title, or a references column such as 管理策); the sheets are: {}",
                names.join(", ")
            ),
        )
        .hint("name the column with the check items '確認項目' (also: title, item, 項目, 要求事項, チェック項目) on the sheet of the check items, or pick that sheet with --sheet NAME")),
        1 => {
            let mut list = lists.remove(0);
            list.skipped_sheets = skipped;
            list
        }
        _ => merge_sheets(path, lists, skipped)?,
    };
    Ok(ForSuggest { list, read })
}

/// Column index → field, found in the header row.
struct Header {
    row: usize,
    fields: HashMap<Field, usize>,
    extras: Vec<(usize, String)>,
}

/// Where the header and each field's column of a sheet's check list are: what `suggest`
/// needs to write the sheet back as it was, with columns of its own beside them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// 1-based row of the header.
    pub header_row: usize,
    columns: HashMap<Field, usize>,
}

impl Layout {
    /// The 0-based column of `field`, when the sheet has one.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns.get(&field).copied()
    }
}

/// The header row: the first of the top rows naming a column `by` (the references, or
/// the check items for a list in free text that `suggest` reads).
fn find_header(sheet: &Sheet, by: Field) -> Result<Header, InputError> {
    for (i, cells) in sheet.rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        let mut fields: HashMap<Field, usize> = HashMap::new();
        for (c, cell) in cells.iter().enumerate() {
            if let Some(f) = Field::of_header(cell) {
                if let Some(&prev) = fields.get(&f) {
                    return Err(InputError::at(
                        sheet.location().row(i + 1),
                        format!(
                            "columns {} ('{}') and {} ('{}') are both a {:?} column",
                            column_letter(prev),
                            cells[prev].trim(),
                            column_letter(c),
                            cell.trim(),
                            f
                        ),
                    )
                    .hint("rename one of them so each column is found once"));
                }
                fields.insert(f, c);
            }
        }
        // a references column may be headed with the standard its ids are of
        // (`ISO/IEC 27001:2022`, `管理策（JIS Q 27002:2024）`) when no column has a name of
        // ours, in a row that has other columns of ours (not a title naming a standard)
        if !fields.contains_key(&Field::Refs) && !fields.is_empty() {
            let used: Vec<usize> = fields.values().copied().collect();
            let named: Vec<usize> = cells
                .iter()
                .enumerate()
                .filter(|(c, cell)| !used.contains(c) && names_a_standard(cell))
                .map(|(c, _)| c)
                .collect();
            if let [c] = named[..] {
                fields.insert(Field::Refs, c);
            }
        }
        if fields.contains_key(&by) {
            let used: Vec<usize> = fields.values().copied().collect();
            let mut extras: Vec<(usize, String)> = Vec::new();
            for (c, h) in cells.iter().enumerate().filter(|(c, _)| !used.contains(c)) {
                let h = h.trim();
                let mut name = if h.is_empty() {
                    format!("column {}", column_letter(c))
                } else {
                    h.to_owned()
                };
                // two columns with one header stay apart: "担当", "担当 (E)"
                if extras.iter().any(|(_, n)| *n == name) {
                    name = format!("{name} ({})", column_letter(c));
                }
                extras.push((c, name));
            }
            return Ok(Header {
                row: i + 1,
                fields,
                extras,
            });
        }
    }
    let found: Vec<String> = sheet
        .rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .find(|r| r.iter().any(|c| !c.trim().is_empty()))
        .map(|r| {
            r.iter()
                .filter(|c| !c.trim().is_empty())
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .unwrap_or_default();
    let loc = sheet.location();
    // a workbook: its sheets are named, the one to pick may be among them
    let other_sheets = match &sheet.sheet {
        Some(_) => match super::table::sheet_names(&sheet.path) {
            Ok(names) if names.len() > 1 => Some(
                names
                    .iter()
                    .map(|(n, _)| n.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            _ => None,
        },
        None => None,
    };
    Err(if found.is_empty() {
        let hint = match (&sheet.sheet, other_sheets) {
            (Some(_), Some(names)) => format!(
                "the sheet is empty; pick the sheet with --sheet (the workbook has: {names})"
            ),
            (Some(_), None) => "the sheet is empty".to_owned(),
            (None, _) => "the file is empty".to_owned(),
        };
        InputError::at(loc, "no rows found").hint(hint)
    } else if by == Field::Title {
        InputError::at(
            loc,
            format!(
                "no check-item column found (first row has: {})",
                found.join(", ")
            ),
        )
        .hint("name the column with the check items '確認項目' (also: title, item, 項目, 要求事項, チェック項目)")
    } else {
        let columns = "name the column with the ISMAP ids 'controls' or '管理策' (also: refs, 対応管理策, ISMAP管理策, 管理策番号, 統制目標); for a list in free text, `ismap-gap suggest --checks FILE -o NEW.xlsx` (NEW.csv for a CSV list) adds one with candidates";
        InputError::at(
            loc,
            format!(
                "no references column found (first row has: {})",
                found.join(", ")
            ),
        )
        .hint(match other_sheets {
            Some(names) => format!(
                "{columns}; or, if this is a cover sheet, pick the sheet of the check items with --sheet (the workbook has: {names})"
            ),
            None => columns.to_owned(),
        })
    })
}

/// An item's assurance and risk cells read. An unknown value does not stop the run: it
/// becomes a problem (named by `column`) that makes the item not analysed, and the default
/// stands in for it.
fn assurance_and_risk(
    assurance: &str,
    risk: &str,
    column: impl Fn(ProblemField) -> String,
) -> (Assurance, Option<Risk>, Vec<CellProblem>) {
    let mut problems = Vec::new();
    let mut problem = |field, value: &str| {
        problems.push(CellProblem {
            field,
            column: column(field),
            value: value.to_owned(),
        })
    };
    let a = Assurance::parse(assurance).unwrap_or_else(|| {
        problem(ProblemField::Assurance, assurance);
        Assurance::default()
    });
    let r = Risk::parse(risk).unwrap_or_else(|| {
        problem(ProblemField::Risk, risk);
        None
    });
    (a, r, problems)
}

/// Turns a sheet into check items: header found by name, one item per non-blank row.
pub fn from_sheet(mut sheet: Sheet) -> Result<CheckList, InputError> {
    start_items(&mut sheet)?.finish()
}

/// Reads a CSV/TSV check list as [`from_sheet`] reads [`table::read_csv_text`]'s sheet, with
/// the same items and errors, but keeps only the rows the header is searched in: the rows
/// below them go from the CSV reader straight into items.
fn load_csv(path: &Path, encoding: Option<Encoding>) -> Result<CheckList, InputError> {
    let bytes = table::read_text_bytes(path)?;
    // Most files are UTF-8: they are parsed as they are, each record checked as it is read,
    // rather than checked whole first (which took a quarter of the loading). If that fails
    // and the file is not UTF-8 after all, it is decoded and parsed again, as any other
    // file is: the outcome is the same either way.
    if let Some(body) = decode::utf8_candidate(&bytes, encoding) {
        match load_csv_text(path, body) {
            Ok(list) => return Ok(list),
            Err(e) if std::str::from_utf8(body).is_ok() => return Err(e),
            Err(_) => {}
        }
    }
    let text = decode::decode(path, &bytes, encoding)?;
    load_csv_text(path, text.as_bytes())
}

/// [`load_csv`] of the file's text, UTF-8.
fn load_csv_text(path: &Path, text: &[u8]) -> Result<CheckList, InputError> {
    let mut head = Sheet {
        path: path.to_path_buf(),
        sheet: None,
        rows: Vec::new(),
    };
    let mut items: Option<Items> = None;
    // a CSV error anywhere in the file comes before the first error in the items
    let mut failed: Option<InputError> = None;
    table::each_csv_record(path, text, |line, record| {
        if line <= HEADER_SEARCH_ROWS {
            head.push_record(line, record);
        } else if failed.is_none() {
            let pushed = match &mut items {
                Some(items) => items.push(line, record),
                None => start_items(&mut head).and_then(|i| items.insert(i).push(line, record)),
            };
            failed = pushed.err();
        }
        Ok(())
    })?;
    match (failed, items) {
        (Some(e), _) => Err(e),
        (None, Some(items)) => items.finish(),
        (None, None) => from_sheet(head),
    }
}

/// Finds the header in `sheet` and makes items of the sheet's rows below it.
fn start_items(sheet: &mut Sheet) -> Result<Items, InputError> {
    start_items_by(sheet, Field::Refs)
}

/// [`start_items`], the header found by its column `by`.
fn start_items_by(sheet: &mut Sheet, by: Field) -> Result<Items, InputError> {
    let mut items = Items::new(sheet, by)?;
    for (i, cells) in sheet.rows.iter_mut().enumerate().skip(items.header.row) {
        items.push(i + 1, cells.as_mut_slice())?;
    }
    Ok(items)
}

/// A row's cells, as [`Items::push`] reads them: a sheet's row or a CSV record.
trait Cells {
    /// The cell in column `c`, empty past the end of a ragged row.
    fn cell(&self, c: usize) -> &str;
    /// The cell in column `c` as a `String`: moved out of a sheet's row, copied from a record.
    fn take(&mut self, c: usize) -> String;
    fn is_blank(&self) -> bool;
    /// How many cells the row has, empty ones included.
    fn width(&self) -> usize;
}

impl Cells for [String] {
    fn cell(&self, c: usize) -> &str {
        self.get(c).map_or("", String::as_str)
    }

    fn take(&mut self, c: usize) -> String {
        self.get_mut(c).map(std::mem::take).unwrap_or_default()
    }

    fn is_blank(&self) -> bool {
        self.iter().all(|c| c.trim().is_empty())
    }

    fn width(&self) -> usize {
        self.len()
    }
}

impl Cells for csv::StringRecord {
    fn cell(&self, c: usize) -> &str {
        self.get(c).unwrap_or_default()
    }

    fn take(&mut self, c: usize) -> String {
        self.cell(c).to_owned()
    }

    fn is_blank(&self) -> bool {
        self.iter().all(|c| c.trim().is_empty())
    }

    fn width(&self) -> usize {
        self.len()
    }
}

/// Check items read row by row below a found header.
struct Items {
    header: Header,
    /// Each field's column, by `Field as usize` (looked up for every cell read).
    cols: [Option<usize>; Field::ALL.len()],
    /// The header row's cells, for column names in messages.
    header_cells: Vec<String>,
    /// The rows above the header, for the ISO edition a title may name.
    title_rows: Vec<(usize, String)>,
    loc: Location,
    source: PathBuf,
    sheet: Option<String>,
    items: Vec<CheckItem>,
    /// Hashes of the items' ids (foldhash: one per item of a large list).
    id_hashes: foldhash::HashSet<u64>,
    id_hasher: foldhash::fast::RandomState,
}

impl Items {
    fn new(sheet: &Sheet, by: Field) -> Result<Items, InputError> {
        let header = find_header(sheet, by)?;
        let title_rows = sheet.rows[..header.row - 1]
            .iter()
            .enumerate()
            .filter_map(|(i, cells)| {
                let text = cells
                    .iter()
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                (!text.is_empty()).then_some((i + 1, text))
            })
            .collect();
        Ok(Items {
            cols: Field::ALL.map(|f| header.fields.get(&f).copied()),
            header_cells: sheet.rows[header.row - 1].clone(),
            title_rows,
            header,
            loc: sheet.location(),
            source: sheet.path.clone(),
            sheet: sheet.sheet.clone(),
            items: Vec::new(),
            id_hashes: foldhash::HashSet::default(),
            id_hasher: foldhash::fast::RandomState::default(),
        })
    }

    fn col(&self, f: Field) -> Option<usize> {
        self.cols[f as usize]
    }

    fn col_name(&self, f: Field) -> String {
        self.col(f)
            .and_then(|c| self.header_cells.get(c))
            .map(|h| h.trim().to_owned())
            .unwrap_or_default()
    }

    /// The trimmed cell of field `f`, taken from `cells` when there is nothing to trim.
    fn take_trimmed(&self, cells: &mut (impl Cells + ?Sized), f: Field) -> String {
        let Some(c) = self.col(f) else {
            return String::new();
        };
        let cell = cells.cell(c);
        let trimmed = cell.trim();
        if trimmed.len() == cell.len() {
            cells.take(c)
        } else {
            trimmed.to_owned()
        }
    }

    /// An error for a non-empty cell right of the header's last column, which no column
    /// would carry (empty cells there, such as trailing commas, are harmless).
    fn check_beyond_header(
        &self,
        row: usize,
        cells: &(impl Cells + ?Sized),
    ) -> Result<(), InputError> {
        let width = self.header_cells.len();
        let Some(c) = (width..cells.width()).find(|&c| !cells.cell(c).trim().is_empty()) else {
            return Ok(());
        };
        let value = cells.cell(c).trim();
        let shown: String = value.chars().take(40).collect();
        let more = if shown.len() < value.len() { "…" } else { "" };
        let letter = column_letter(c);
        Err(InputError::at(
            self.loc.clone().row(row).column(letter.clone()),
            format!(
                "cell '{shown}{more}' is right of the header (row {} has {width} columns)",
                self.header.row
            ),
        )
        .hint(format!(
            "give column {letter} a header on row {} to carry it to the outputs, or remove the cell",
            self.header.row
        )))
    }

    /// Adds the item on row `row` (1-based), unless the row is blank.
    fn push(&mut self, row: usize, cells: &mut (impl Cells + ?Sized)) -> Result<(), InputError> {
        if cells.is_blank() {
            return Ok(());
        }
        self.check_beyond_header(row, cells)?;
        let cell = |f: Field| self.col(f).map_or("", |c| cells.cell(c).trim());
        let (assurance, risk, problems) =
            assurance_and_risk(cell(Field::Assurance), cell(Field::Risk), |f| {
                self.col_name(match f {
                    ProblemField::Assurance => Field::Assurance,
                    ProblemField::Risk => Field::Risk,
                })
            });
        let refs = split_refs(cell(Field::Refs));
        let id = match self.take_trimmed(cells, Field::Id) {
            id if id.is_empty() => format!("#{row}"),
            id => id,
        };
        // ids meet by hash first (no copy of each id kept), then by text
        if !self.id_hashes.insert(self.id_hasher.hash_one(&id)) {
            if let Some(first) = self.items.iter().find(|item| item.id == id) {
                return Err(InputError::at(
                    self.loc.clone().row(row).column(self.col_name(Field::Id)),
                    format!("duplicate check-item id '{id}' (also on row {})", first.row),
                )
                .hint("give every check item its own id"));
            }
        }
        let title = self.take_trimmed(cells, Field::Title);
        let note = self.take_trimmed(cells, Field::Note);
        let extra = self
            .header
            .extras
            .iter()
            .map(|(c, name)| (name.clone(), cells.take(*c)))
            .collect();
        self.items.push(CheckItem {
            row,
            id,
            title,
            refs,
            assurance,
            risk,
            note,
            extra: Extra(extra),
            problems,
        });
        Ok(())
    }

    fn finish(self) -> Result<CheckList, InputError> {
        if self.items.is_empty() {
            return Err(InputError::at(
                self.loc.row(self.header.row),
                "the header row is there but no check items follow it",
            )
            .hint("add rows below the header"));
        }
        Ok(CheckList {
            refs_column: self.col_name(Field::Refs),
            title_rows: self.title_rows,
            iso_edition: Default::default(),
            source: self.source,
            sheets: self.sheet.iter().cloned().collect(),
            skipped_sheets: Vec::new(),
            sheet: self.sheet,
            extra_columns: self.header.extras.into_iter().map(|(_, n)| n).collect(),
            items: self.items,
        })
    }
}

#[derive(Debug)]
enum OneOrMany {
    One(Scalar),
    Many(Vec<Scalar>),
}

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<OneOrMany, D::Error> {
        struct Visit;
        impl<'de> Visitor<'de> for Visit {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("ISMAP ids: a text, or a list of texts")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<OneOrMany, E> {
                ScalarVisitor.visit_str(v).map(OneOrMany::One)
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<OneOrMany, E> {
                ScalarVisitor.visit_string(v).map(OneOrMany::One)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<OneOrMany, E> {
                ScalarVisitor.visit_i64(v).map(OneOrMany::One)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<OneOrMany, E> {
                ScalarVisitor.visit_u64(v).map(OneOrMany::One)
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<OneOrMany, E> {
                ScalarVisitor.visit_f64(v).map(OneOrMany::One)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<OneOrMany, A::Error> {
                Vec::deserialize(SeqAccessDeserializer::new(seq)).map(OneOrMany::Many)
            }
        }
        d.deserialize_any(Visit)
    }
}

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a check item: a mapping with id, title, refs, assurance, risk, note, extra"
)]
struct ItemDoc {
    id: Option<Scalar>,
    #[serde(default)]
    title: String,
    #[serde(alias = "controls", alias = "references")]
    refs: Option<OneOrMany>,
    #[serde(default)]
    assurance: String,
    #[serde(default)]
    risk: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    extra: Vec<HashMap<String, String>>,
}

/// A check list document: a list of items, or a mapping holding them under `items`. The
/// top-level node tells which (an untagged enum would try both and, when an item is wrong,
/// only say that neither matched), so an error inside an item names its field and line.
struct ChecksDoc(Vec<ItemDoc>);

impl<'de> Deserialize<'de> for ChecksDoc {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ChecksDoc, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, expecting = "a mapping with `items`")]
        struct Wrapped {
            items: Vec<ItemDoc>,
        }
        struct Visit;
        impl<'de> Visitor<'de> for Visit {
            type Value = ChecksDoc;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of check items, or `items:` holding one")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<ChecksDoc, A::Error> {
                Vec::deserialize(SeqAccessDeserializer::new(seq)).map(ChecksDoc)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ChecksDoc, A::Error> {
                Wrapped::deserialize(MapAccessDeserializer::new(map)).map(|w| ChecksDoc(w.items))
            }
        }
        d.deserialize_any(Visit)
    }
}

fn load_structured(path: &Path, encoding: Option<Encoding>) -> Result<CheckList, InputError> {
    let bytes = read_bytes(path)?;
    let text = decode(path, &bytes, encoding)?;
    let loc = Location::file(path);
    let doc: ChecksDoc = match FileKind::of(path) {
        FileKind::Json => serde_json::from_str(&text).map_err(|e| {
            let what = if e.is_data() {
                "invalid check list"
            } else {
                "invalid JSON"
            };
            parse_error(&loc, Some((e.line(), e.column())), what, e.to_string())
        }),
        _ => serde_yaml::from_str(&text).map_err(|e| {
            let at = e.location().map(|l| (l.line(), l.column()));
            parse_error(&loc, at, "invalid check list", e.to_string())
        }),
    }
    .map_err(|e| e.hint("expect a list of items with id, title, refs, assurance, risk, note"))?;
    let docs = doc.0;
    let mut items = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, d) in docs.into_iter().enumerate() {
        let n = i + 1;
        let at = |field: &str| loc.clone().row(n).column(field);
        let (assurance, risk, problems) = assurance_and_risk(&d.assurance, &d.risk, |f| {
            match f {
                ProblemField::Assurance => "assurance",
                ProblemField::Risk => "risk",
            }
            .to_owned()
        });
        let id =
            d.id.map(Scalar::into_string)
                .unwrap_or_else(|| format!("#{n}"));
        if let Some(first) = seen.insert(id.clone(), n) {
            return Err(InputError::at(
                at("id"),
                format!("duplicate check-item id '{id}' (also item {first})"),
            )
            .hint("give every check item its own id"));
        }
        let refs = match d.refs {
            None => Vec::new(),
            Some(OneOrMany::One(s)) => split_refs(&s.into_string()),
            Some(OneOrMany::Many(v)) => v
                .into_iter()
                .flat_map(|s| split_refs(&s.into_string()))
                .collect(),
        };
        items.push(CheckItem {
            row: n,
            id,
            title: d.title,
            refs,
            assurance,
            risk,
            note: d.note,
            extra: Extra(d.extra.into_iter().flatten().collect()),
            problems,
        });
    }
    if items.is_empty() {
        return Err(InputError::at(loc, "no check items").hint("list items under `items:`"));
    }
    Ok(CheckList {
        source: path.to_path_buf(),
        sheet: None,
        sheets: Vec::new(),
        skipped_sheets: Vec::new(),
        extra_columns: Vec::new(),
        refs_column: "refs".to_owned(),
        title_rows: Vec::new(),
        iso_edition: Default::default(),
        items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parsing a file as UTF-8 straight away gives what decoding it first gives, whatever
    /// the file holds: the `load_csv` shortcut changes no outcome.
    #[test]
    fn utf8_without_a_decoding_pass_is_the_same_outcome() {
        let sjis = |s: &str| encoding_rs::SHIFT_JIS.encode(s).0.into_owned();
        let header = "id,title,controls,assurance\n";
        let cases: Vec<(&str, Vec<u8>, Option<Encoding>)> = vec![
            (
                "utf8",
                format!("{header}1,確認,9.2.1,\n2,暗号,10.1.1,ISMAP\n").into_bytes(),
                None,
            ),
            (
                "bom",
                [
                    &b"\xEF\xBB\xBF"[..],
                    format!("{header}1,確認,9.2.1,\n").as_bytes(),
                ]
                .concat(),
                None,
            ),
            ("cp932", sjis(&format!("{header}1,確認,9.2.1,\n")), None),
            (
                "cp932 forced",
                sjis(&format!("{header}1,確認,9.2.1,\n")),
                Some(Encoding::Cp932),
            ),
            (
                "utf8 forced",
                format!("{header}1,確認,9.2.1,\n").into_bytes(),
                Some(Encoding::Utf8),
            ),
            (
                "cp932 late, after a duplicate id",
                [
                    format!("{header}1,確認,9.2.1,\n1,同じ,9.2.2,\n").into_bytes(),
                    sjis("3,暗号,10.1.1,\n"),
                ]
                .concat(),
                None,
            ),
            (
                "invalid late",
                [
                    format!("{header}1,確認,9.2.1,\n").as_bytes(),
                    b"2,\xFF,9.2.2,\n",
                ]
                .concat(),
                None,
            ),
            (
                "duplicate id",
                format!("{header}1,確認,9.2.1,\n1,同じ,9.2.2,\n").into_bytes(),
                None,
            ),
            (
                "unreadable cell",
                format!("{header}1,確認,9.2.1,maybe\n").into_bytes(),
                None,
            ),
            (
                "malformed",
                format!("{header}1,\"確認,9.2.1\n").into_bytes(),
                None,
            ),
            (
                "nul",
                format!("{header}1,確認\0,9.2.1,\n").into_bytes(),
                None,
            ),
        ];
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes, forced) in cases {
            let path = dir.path().join("checks.csv");
            std::fs::write(&path, &bytes).unwrap();
            let decoded_first = decode(&path, &bytes, forced)
                .and_then(|text| load_csv_text(&path, text.as_bytes()));
            let outcome = |r: Result<CheckList, InputError>| match r {
                Ok(list) => format!("{:?}", list.items),
                Err(e) => e.to_string(),
            };
            assert_eq!(
                outcome(load_csv(&path, forced)),
                outcome(decoded_first),
                "{name}"
            );
        }
    }

    /// `Items::cols` is indexed by `Field as usize`, filled in the order of `Field::ALL`.
    #[test]
    fn fields_are_listed_in_declaration_order() {
        for (i, f) in Field::ALL.into_iter().enumerate() {
            assert_eq!(f as usize, i, "{f:?}");
        }
    }

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            path: "c.csv".into(),
            sheet: None,
            rows: rows
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect())
                .collect(),
        }
    }

    #[test]
    fn finds_header_below_title_rows_in_japanese_and_full_width() {
        let s = sheet(&[
            &["外部委託先確認表"],
            &[],
            &[
                "項番",
                "確認項目",
                "ＩＳＭＡＰ管理策",
                "求める確認水準",
                "重要度",
                "備考",
                "担当",
            ],
            &[
                "1",
                "アクセス管理",
                "9.2.1、9.2.2",
                "SOC2",
                "高",
                "",
                "情シス",
            ],
            &[],
            &["2", "暗号化", "10.1.1", "", "", "メモ", ""],
        ]);
        let list = from_sheet(s).unwrap();
        assert_eq!(list.items.len(), 2);
        let a = &list.items[0];
        assert_eq!(
            (a.row, a.id.as_str(), a.title.as_str()),
            (4, "1", "アクセス管理")
        );
        assert_eq!(a.refs, ["9.2.1", "9.2.2"]);
        assert_eq!(a.assurance, Assurance::Soc2);
        assert_eq!(a.risk, Some(Risk::High));
        assert_eq!(a.extra.0, [("担当".to_string(), "情シス".to_string())]);
        assert_eq!(list.items[1].row, 6);
        assert_eq!(list.items[1].assurance, Assurance::Ismap);
        assert_eq!(list.extra_columns, ["担当"]);
    }

    /// Reading a CSV file record by record must give what reading it whole gives: the same
    /// items, or the same first error.
    #[test]
    fn csv_records_read_as_the_whole_sheet() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.csv");
        let big = "x".repeat(table::MAX_CELL_BYTES + 1);
        let item =
            |n: usize| format!("C-{n},確認 {n},\"9.2.1、ＡＣ－２ （１）\",SOC2,高, メモ ,{n}\n");
        let mut texts: Vec<String> = Vec::new();
        for header_row in [1, 2, 29, 30, 31] {
            for items in [0, 1, 2, 28, 29, 40] {
                let mut text = "外部委託先確認表\n".repeat(header_row - 1);
                text.push_str("項番,確認項目,管理策,確認水準,重要度,備考,担当\n");
                for n in 0..items {
                    text.push_str(&item(n));
                }
                texts.push(text);
            }
        }
        let body: String = (0..40).map(item).collect();
        let lines: Vec<&str> = body.lines().collect();
        let header = "id,title,controls,assurance,risk,note,owner\n";
        for at in [0, 1, 27, 28, 29, 35] {
            let mut with = |line: &str| {
                let mut text = header.to_owned();
                for (i, l) in lines.iter().enumerate() {
                    text.push_str(if i == at { line } else { l });
                    text.push('\n');
                }
                texts.push(text);
            };
            with("");
            with(" , ,");
            with("X,bad,9.2.1,maybe,,,");
            with("X,bad,9.2.1,,urgent,,");
            with("C-3,again,9.2.1,,,,");
            with(",no id,9.2.1,,,,");
            with("M,\"multi\nline\ncell\",9.2.1,,,,");
            with("short,row");
            with(&format!("B,{big},9.2.1,,,,"));
            with(&format!("X,bad,9.2.1,maybe,,,\n{}", lines[39]));
        }
        // an error in the items, then a cell over the limit: the limit is reported
        texts.push(format!("{header}A,t,9.2.1,maybe\nB,{big}\n"));
        texts.push(format!("{}\nB,{big}\n", "\n".repeat(40)));
        texts.push(format!("a,b\n\"open\n{}", "x,y\n".repeat(40)));
        for text in &texts {
            std::fs::write(&path, text).unwrap();
            let streamed = load(&path, None, None);
            let whole = table::read_csv_text(&path, text).and_then(from_sheet);
            assert_eq!(format!("{streamed:?}"), format!("{whole:?}"), "{text}");
        }
    }

    #[test]
    fn a_cell_right_of_the_header_is_an_error_unless_empty() {
        let s = sheet(&[
            &["id", "title", "controls"],
            &["1", "a", "5.1.1", "", " "],
            &["2", "b", "5.1.2", "", "extra"],
        ]);
        let e = from_sheet(s).unwrap_err().to_string();
        assert!(
            e.starts_with("c.csv: row 3: column 'E': cell 'extra' is right of the header (row 1 has 3 columns)"),
            "{e}"
        );
        assert!(e.contains("(hint: give column E a header on row 1"), "{e}");
        // an empty header keeps its column: the cell under it is carried, as before
        let s = sheet(&[&["id", "controls", ""], &["1", "5.1.1", "x"]]);
        let list = from_sheet(s).unwrap();
        assert_eq!(list.items[0].extra.0, [("column C".into(), "x".into())]);
        // long values are shortened in the message
        let long = "長".repeat(50);
        let s = sheet(&[&["id", "controls"], &["1", "5.1.1", &long]]);
        let e = from_sheet(s).unwrap_err().to_string();
        assert!(e.contains(&format!("cell '{}…'", "長".repeat(40))), "{e}");
    }

    fn structured(name: &str, text: &str) -> Result<CheckList, String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        load(&path, None, None).map_err(|e| {
            let e = e.to_string();
            e.replace(&format!("{}", path.display()), name)
        })
    }

    #[test]
    fn yaml_and_json_errors_name_the_problem_and_its_line() {
        let cases = [
            (
                "c18.yaml",
                "- id: a\n  refs: 5.1.1\n  extra_col: foo\n",
                "c18.yaml: line 3: invalid check list: [0]: unknown field `extra_col`, expected one of",
            ),
            (
                "c3.yaml",
                "items:\n- id: a\n  refs: [5.1.1]\n  risk: [5]\n",
                "c3.yaml: line 4: invalid check list: items[0].risk: invalid type: sequence, expected a string",
            ),
            (
                "c9.json",
                "[{\"id\":\"a\",\"refs\":\"5.1.1\"},\n{\"id\":\"b\",\"refs\":[\"9.2.1\",null]}]",
                "c9.json: line 2: invalid check list: invalid type: null, expected a text or a number (column 30)",
            ),
            (
                "top.json",
                "{\"items\":[{\"id\":\"a\",\"refs\":\"5.1.1\"}],\n\"extra\":1}",
                "top.json: line 2: invalid check list: unknown field `extra`, expected `items`",
            ),
            (
                "top.yaml",
                "items:\n- id: a\n  refs: 5.1.1\nextra: 1\n",
                "top.yaml: line 4: invalid check list: unknown field `extra`, expected `items`",
            ),
            (
                "item.yaml",
                "- 5.1.1\n",
                "item.yaml: line 1: invalid check list: [0]: invalid type: string \"5.1.1\", expected a check item",
            ),
            (
                "scalar.json",
                "\"5.1.1\"",
                "scalar.json: line 1: invalid check list: invalid type: string \"5.1.1\", expected a list of check items",
            ),
            (
                "refs.yaml",
                "- id: a\n  refs: {x: 1}\n",
                "refs.yaml: line 2: invalid check list: [0].refs: invalid type: map, expected ISMAP ids",
            ),
            (
                "syntax.json",
                "[{\"id\": }]",
                "syntax.json: line 1: invalid JSON: expected value (column 9) (hint:",
            ),
        ];
        for (name, text, want) in cases {
            let e = structured(name, text).unwrap_err();
            assert!(e.starts_with(want), "{name}: {e}");
            for internal in [
                "untagged",
                "ChecksDoc",
                "ItemDoc",
                "OneOrMany",
                "Scalar",
                "line 0",
                " at line ",
            ] {
                assert!(!e.contains(internal), "{name}: {e}");
            }
        }
        // the forms that were read before still are
        let list = structured(
            "ok.yaml",
            "items:\n- id: 1\n  refs: [9.2, 5.1.1, 12]\n- id: b\n  controls: 9.2.1、9.2.2\n",
        )
        .unwrap();
        assert_eq!(list.items[0].id, "1");
        assert_eq!(list.items[0].refs, ["9.2", "5.1.1", "12"]);
        assert_eq!(list.items[1].refs, ["9.2.1", "9.2.2"]);
        let list = structured("ok.json", "[{\"id\":7,\"refs\":[\"9.2.1\"]}]").unwrap();
        assert_eq!(list.items[0].id, "7");
    }

    #[test]
    fn errors_name_row_and_column() {
        // an unknown value is not an error: the item carries it as a problem
        let s = sheet(&[
            &["id", "controls", "Risk", "求める確認水準"],
            &["A", "9.2.1", "urgent", "たぶん"],
            &["B", "9.2.1", "高", ""],
        ]);
        let list = from_sheet(s).unwrap();
        assert_eq!(
            list.items[0].problems,
            [
                CellProblem {
                    field: ProblemField::Assurance,
                    column: "求める確認水準".into(),
                    value: "たぶん".into()
                },
                CellProblem {
                    field: ProblemField::Risk,
                    column: "Risk".into(),
                    value: "urgent".into()
                }
            ]
        );
        assert_eq!(list.items[0].risk, None);
        assert!(list.items[1].problems.is_empty());
        let s = sheet(&[&["id", "controls"], &["A", "1"], &["A", "2"]]);
        assert!(from_sheet(s)
            .unwrap_err()
            .message
            .contains("duplicate check-item id 'A'"));
        let s = sheet(&[&["番号", "内容"], &["1", "x"]]);
        let e = from_sheet(s).unwrap_err().to_string();
        assert!(
            e.contains("no references column found (first row has: 番号, 内容)"),
            "{e}"
        );
        let s = sheet(&[&["管理策", "controls"]]);
        assert!(from_sheet(s)
            .unwrap_err()
            .message
            .contains("both a Refs column"));
    }
}
