//! Importing the official ISMAP管理基準 workbook into a catalog YAML.
//!
//! The official workbook's exact layout is not known here, so the importer is lenient:
//! it finds the header row and the id column by header names or, failing that, by the
//! shape of the values (the column full of `9.2.1`-like ids), picks the title column by
//! name or as the column with the most text right of the ids, and reads one entry per
//! row whose id cell parses. Everything it guesses can be overridden with `--id-column`
//! and `--title-column`.
use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use crate::catalog::id::IsmapId;
use crate::catalog::model::{CatalogDoc, CrossRefs, Entry, Flags, Layer, Level, Titles};
use crate::catalog::validate::validate;
use crate::catalog::Catalog;
use crate::config::ImportConfig;
use crate::error::InputError;
use crate::input::column_letter;
use crate::input::table::{read_workbook, Sheet};
use crate::text::{fold_width, header_key, strip_controls};

/// The comment written at the top of an imported catalog.
pub const HEADER: &str = "# Imported by ismap-gap catalog import. Contains text from the official workbook: keep it local.\n";

/// The source key every imported entry names.
pub const SOURCE_KEY: &str = "official-workbook";

/// How many rows from the top are searched for the header row.
const HEADER_SEARCH_ROWS: usize = 30;

/// Header names of the id column, strongest first, compared after [`header_key`].
const ID_HEADERS: &[&str] = &[
    "管理策番号",
    "統制目標番号",
    "詳細管理策番号",
    "管理基準番号",
    "ismap管理策番号",
    "ismap番号",
    "番号",
    "項番",
    "管理番号",
    "controlid",
    "controlno",
    "id",
    "no",
    "number",
];

/// Header names of the title column, strongest first, compared after [`header_key`].
const TITLE_HEADERS: &[&str] = &[
    "管理策",
    "統制目標",
    "詳細管理策",
    "管理基準",
    "管理策名",
    "管理策の内容",
    "名称",
    "タイトル",
    "項目",
    "管理項目",
    "要求事項",
    "内容",
    "title",
    "control",
    "controltitle",
    "name",
];

/// A header cell's key for matching names: [`header_key`] without a trailing note in
/// brackets (`管理策番号（3桁/4桁）` → `管理策番号`).
fn name_key(text: &str) -> String {
    let key = header_key(text);
    match key.find(['(', '[', '【', '〔']) {
        Some(0) | None => key.into_owned(),
        Some(i) => key[..i].to_owned(),
    }
}

/// Header names of the basic-statement-requirement flag column (also: any header
/// containing 基本言明).
const BASIC_HEADERS: &[&str] = &[
    "basic",
    "basicrequirement",
    "basicstatement",
    "basicstatementrequirement",
    "基本",
];

/// Where the columns are. Indexes are 0-based.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Layout {
    /// The header row, when there is one.
    header: Option<usize>,
    id: usize,
    /// Title columns in order of preference: a row's title is the first non-empty one.
    titles: Vec<usize>,
    basic: Option<usize>,
    /// A column of its own giving each id's suffix (`区分`: P, B, PB or empty).
    suffix: Option<usize>,
}

/// One workbook row that holds an id.
#[derive(Debug, Clone)]
struct Row {
    id: IsmapId,
    title: Option<String>,
    basic: bool,
}

/// What an import made of the workbook.
#[derive(Debug)]
pub struct Imported {
    pub doc: CatalogDoc,
    /// Rows not imported because their id cell holds text that is no ISMAP id (a note,
    /// `9.2.x`, two ids in one cell): one line each, naming the sheet, row and column.
    pub skipped: Vec<String>,
    /// Other sheets of the workbook that also hold ISMAP ids, not imported (no `--sheet`
    /// was given and one import reads one sheet).
    pub other_sheets: Vec<String>,
}

/// Builds a catalog from the workbook.
pub fn import(cfg: &ImportConfig) -> Result<Imported, InputError> {
    for (flag, value) in [
        ("--catalog-name", &cfg.name),
        ("--catalog-version", &cfg.version),
    ] {
        if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
            return Err(InputError::new(format!("{flag} is empty")).hint(format!(
                "give {flag} a value, or leave it out to derive one from the file name"
            )));
        }
    }
    let sheet = read_workbook(&cfg.workbook, cfg.sheet.as_deref())?;
    let layout = find_layout(
        &sheet,
        cfg.id_column.as_deref(),
        cfg.title_column.as_deref(),
    )?;
    let (rows, skipped) = read_rows(&sheet, &layout)?;
    if rows.is_empty() {
        return Err(InputError::at(
            sheet
                .location()
                .column(column_name(&sheet, layout.header, layout.id)),
            "no ISMAP ids found in the id column",
        )
        .hint("the id column should hold ids such as 9.2.1 or 8.1.5.P; pass --id-column (header text or letter) and check --sheet"));
    }
    let embedded = Catalog::embedded().map_err(|e| InputError::new(e.to_string()))?;
    let doc = build_doc(cfg, &sheet, &layout, rows, &embedded);
    if let Some(p) = validate(&doc, &[]).into_iter().next() {
        return Err(InputError::at(
            sheet.location(),
            format!("the imported catalog would be invalid: {}", p.message),
        )
        .hint(
            p.hint
                .unwrap_or_else(|| "check the ids in the id column".to_owned()),
        ));
    }
    let other_sheets = match cfg.sheet {
        Some(_) => Vec::new(),
        None => other_sheets_with_ids(&cfg.workbook, sheet.sheet.as_deref())?,
    };
    Ok(Imported {
        doc,
        skipped,
        other_sheets,
    })
}

/// The visible sheets other than `read` whose columns hold ISMAP ids.
fn other_sheets_with_ids(path: &Path, read: Option<&str>) -> Result<Vec<String>, InputError> {
    let mut out = Vec::new();
    for name in crate::input::table::visible_sheet_names(path)? {
        if Some(name.as_str()) == read {
            continue;
        }
        let other = read_workbook(path, Some(&name))?;
        if id_by_name(&other.rows).is_some() || id_by_shape(&other.rows).is_some() {
            out.push(name);
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Ids

/// Reads an id cell: an id as [`IsmapId::parse`] takes it (`8.1.5.P.1` included), or an id
/// followed by its title in the same cell (`9.2.1 利用者登録…`, returned as the second
/// value).
fn parse_id_cell(cell: &str) -> Option<(IsmapId, Option<String>)> {
    let cell = cell.trim();
    if cell.is_empty() {
        return None;
    }
    if let Some(id) = IsmapId::parse(cell) {
        return Some((id, None));
    }
    let (head, rest) = cell.split_once(char::is_whitespace)?;
    let id = IsmapId::parse(head)?;
    let rest = rest.trim();
    (!rest.is_empty()).then(|| (id, Some(rest.to_owned())))
}

fn level_of_depth(depth: usize) -> Level {
    match depth {
        0 | 1 => Level::Clause,
        2 => Level::Category,
        3 => Level::Objective,
        _ => Level::Detail,
    }
}

fn layer_of(id: &IsmapId) -> Layer {
    match id.parts.first() {
        Some(3) => Layer::Governance,
        Some(4) => Layer::Management,
        _ => Layer::Control,
    }
}

/// The ids of a catalog by their numeric parts, to find parents.
#[derive(Debug, Default)]
struct IdSet {
    by_parts: HashMap<Vec<u32>, Vec<IsmapId>>,
}

impl IdSet {
    fn insert(&mut self, id: &IsmapId) {
        let same = self.by_parts.entry(id.parts.clone()).or_default();
        if !same.contains(id) {
            same.push(id.clone());
        }
    }

    /// The nearest shorter prefix of `id` in the set, at a level above it. Among ids with
    /// the same numbers, a cloud (`P`) child prefers a `P` parent (`8.1.5.1.P` and
    /// `8.1.5.1` → `8.1.5.P`), any other child an unsuffixed one.
    fn parent_of(&self, id: &IsmapId) -> Option<String> {
        let level = level_of_depth(id.depth());
        let wants_cloud = id.suffix.as_deref().is_some_and(|s| s.contains('P'));
        (1..id.depth())
            .rev()
            .filter(|&k| level_of_depth(k) < level)
            .find_map(|k| {
                let candidates = self.by_parts.get(&id.parts[..k])?;
                let rank = |c: &IsmapId| {
                    let cloud = c.suffix.as_deref().is_some_and(|s| s.contains('P'));
                    match (wants_cloud, cloud, c.suffix.is_none()) {
                        (true, true, _) => 0,
                        (false, _, true) => 0,
                        (_, _, true) => 1,
                        (_, true, _) => 2,
                        _ => 3,
                    }
                };
                candidates
                    .iter()
                    .min_by_key(|c| (rank(c), c.canonical()))
                    .map(IsmapId::canonical)
            })
    }
}

// ---------------------------------------------------------------------------------------
// Columns

fn cell(rows: &[Vec<String>], r: usize, c: usize) -> &str {
    rows.get(r)
        .and_then(|row| row.get(c))
        .map(String::as_str)
        .unwrap_or("")
}

/// Ids of depth ≥ 3 (objectives, details) in column `c` from row `from` on.
fn deep_ids(rows: &[Vec<String>], c: usize, from: usize) -> usize {
    (from..rows.len())
        .filter(|&r| parse_id_cell(cell(rows, r, c)).is_some_and(|(id, _)| id.depth() >= 3))
        .count()
}

use crate::input::letter_index;

/// A column named by `--id-column` / `--title-column`: a header text (searched in
/// `header` when known, else in the first rows; a header whose column holds ids wins for
/// the id column) or, when no header has that text, a column letter. Returns the header
/// row (when found by text) and the column.
fn column_by_spec(
    rows: &[Vec<String>],
    header: Option<usize>,
    spec: &str,
    want_ids: bool,
) -> Option<(Option<usize>, usize)> {
    let key = header_key(spec);
    if !key.is_empty() {
        let search: Vec<usize> = match header {
            Some(h) => vec![h],
            None => (0..rows.len().min(HEADER_SEARCH_ROWS)).collect(),
        };
        let mut found: Vec<(usize, usize)> = Vec::new();
        for r in search {
            for (c, text) in rows[r].iter().enumerate() {
                if header_key(text) == key {
                    found.push((r, c));
                }
            }
        }
        let best = found
            .iter()
            .find(|&&(r, c)| want_ids && deep_ids(rows, c, r + 1) > 0)
            .or(found.first());
        if let Some(&(r, c)) = best {
            return Some((Some(r), c));
        }
    }
    letter_index(spec).map(|c| (None, c))
}

/// The id column by header name: the named column with the most objective/detail ids
/// below it; ties go to the stronger name, then the earlier row, then the left.
fn id_by_name(rows: &[Vec<String>]) -> Option<(usize, usize)> {
    rows.iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .flat_map(|(r, cells)| {
            cells.iter().enumerate().filter_map(move |(c, text)| {
                let key = name_key(text);
                let rank = ID_HEADERS.iter().position(|a| *a == key)?;
                let count = deep_ids(rows, c, r + 1);
                (count > 0).then_some((count, Reverse((rank, r, c))))
            })
        })
        .max()
        .map(|(_, Reverse((_, r, c)))| (r, c))
}

/// The id column by shape: the column with the most objective/detail ids, where at least
/// half of the non-empty cells from the first id on are ids.
fn id_by_shape(rows: &[Vec<String>]) -> Option<usize> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut best: Option<(usize, usize)> = None;
    for c in 0..width {
        let is_id =
            |r: usize| parse_id_cell(cell(rows, r, c)).is_some_and(|(id, _)| id.depth() >= 3);
        let Some(first) = (0..rows.len()).find(|&r| is_id(r)) else {
            continue;
        };
        let ids = (first..rows.len()).filter(|&r| is_id(r)).count();
        let filled = (first..rows.len())
            .filter(|&r| !cell(rows, r, c).trim().is_empty())
            .count();
        if ids * 2 >= filled && best.is_none_or(|(n, _)| ids > n) {
            best = Some((ids, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Without a named header: the non-empty row right above the first id, if any.
fn guess_header_row(rows: &[Vec<String>], id_col: usize) -> Option<usize> {
    let first = (0..rows.len()).find(|&r| parse_id_cell(cell(rows, r, id_col)).is_some())?;
    let above = first.checked_sub(1)?;
    rows[above]
        .iter()
        .any(|c| !c.trim().is_empty())
        .then_some(above)
}

fn is_basic_header(text: &str) -> bool {
    let key = name_key(text);
    key.contains("基本言明") || BASIC_HEADERS.contains(&key.as_str())
}

/// Rows below the header (or all rows) whose id cell parses.
fn id_rows(rows: &[Vec<String>], header: Option<usize>, id_col: usize) -> Vec<usize> {
    (header.map_or(0, |h| h + 1)..rows.len())
        .filter(|&r| parse_id_cell(cell(rows, r, id_col)).is_some())
        .collect()
}

/// Title columns by header name, the most filled first (then the stronger name, then
/// the left), leaving out columns that are empty on every id row.
fn titles_by_name(
    rows: &[Vec<String>],
    header: usize,
    exclude: &[usize],
    data: &[usize],
) -> Vec<usize> {
    let mut found: Vec<(usize, usize, usize)> = rows[header]
        .iter()
        .enumerate()
        .filter(|(c, _)| !exclude.contains(c))
        .filter_map(|(c, text)| {
            let key = name_key(text);
            let rank = TITLE_HEADERS.iter().position(|a| *a == key)?;
            let filled = data
                .iter()
                .filter(|&&r| !cell(rows, r, c).trim().is_empty())
                .count();
            (filled > 0).then_some((filled, rank, c))
        })
        .collect();
    found.sort_by_key(|&(filled, rank, c)| (usize::MAX - filled, rank, c));
    found.into_iter().map(|(_, _, c)| c).collect()
}

/// Without a named title column: the column right of the id column with the most text
/// on id rows (cells that are themselves ids do not count).
fn title_by_text(
    rows: &[Vec<String>],
    id_col: usize,
    exclude: &[usize],
    data: &[usize],
) -> Option<usize> {
    let width = data.iter().map(|&r| rows[r].len()).max().unwrap_or(0);
    ((id_col + 1)..width)
        .filter(|c| !exclude.contains(c))
        .map(|c| {
            let chars: usize = data
                .iter()
                .map(|&r| cell(rows, r, c))
                .filter(|t| parse_id_cell(t).is_none())
                .map(|t| t.trim().chars().count())
                .sum();
            (chars, c)
        })
        .filter(|&(chars, _)| chars > 0)
        // most text; on a tie the leftmost
        .max_by_key(|&(chars, c)| (chars, usize::MAX - c))
        .map(|(_, c)| c)
}

/// The header cells to show when a column cannot be found: the fullest of the first rows.
fn header_cells(rows: &[Vec<String>]) -> Vec<String> {
    rows.iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        // the fullest row; on a tie the first
        .max_by_key(|(i, r)| {
            (
                r.iter().filter(|c| !c.trim().is_empty()).count(),
                usize::MAX - i,
            )
        })
        .map(|(_, r)| r)
        .map(|r| {
            r.iter()
                .enumerate()
                .filter(|(_, c)| !c.trim().is_empty())
                .map(|(i, c)| format!("{} '{}'", column_letter(i), one_line(c)))
                .collect()
        })
        .unwrap_or_default()
}

fn unknown_column(sheet: &Sheet, flag: &str, spec: &str) -> InputError {
    let cells = header_cells(&sheet.rows);
    InputError::at(
        sheet.location(),
        format!(
            "{flag} '{spec}': no header with that text in the first {HEADER_SEARCH_ROWS} rows, and it is not a column letter (header cells: {})",
            if cells.is_empty() { "none".to_owned() } else { cells.join(", ") }
        ),
    )
    .hint("give the header text as it is in the sheet, or a column letter such as B")
}

fn find_layout(
    sheet: &Sheet,
    id_spec: Option<&str>,
    title_spec: Option<&str>,
) -> Result<Layout, InputError> {
    let rows = &sheet.rows;
    if rows.iter().all(|r| r.iter().all(|c| c.trim().is_empty())) {
        return Err(InputError::at(sheet.location(), "the sheet is empty")
            .hint("choose the sheet with the criteria with --sheet"));
    }
    let (header, id) = match id_spec {
        Some(spec) => {
            let (h, c) = column_by_spec(rows, None, spec, true)
                .ok_or_else(|| unknown_column(sheet, "--id-column", spec))?;
            (h.or_else(|| guess_header_row(rows, c)), c)
        }
        None => match id_by_name(rows) {
            Some((h, c)) => (Some(h), c),
            None => {
                let c = id_by_shape(rows).ok_or_else(|| {
                    let cells = header_cells(rows);
                    InputError::at(
                        sheet.location(),
                        format!(
                            "no id column found (header cells: {})",
                            if cells.is_empty() { "none".to_owned() } else { cells.join(", ") }
                        ),
                    )
                    .hint("pass --id-column with the header text or letter (A, B, …) of the column holding ids such as 9.2.1 or 8.1.5.P, and check --sheet")
                })?;
                (guess_header_row(rows, c), c)
            }
        },
    };
    let data = id_rows(rows, header, id);
    let basic = header.and_then(|h| {
        rows[h]
            .iter()
            .enumerate()
            .find(|&(c, text)| c != id && is_basic_header(text))
            .map(|(c, _)| c)
    });
    let suffix = suffix_column(rows, id, &data);
    // a column chosen with --id-column is the user's choice of ids
    if id_spec.is_none() {
        other_id_column(sheet, header, id, &data)?;
    }
    let exclude: Vec<usize> = std::iter::once(id).chain(basic).chain(suffix).collect();
    let titles = match title_spec {
        Some(spec) => {
            let (_, c) = column_by_spec(rows, header, spec, false)
                .or_else(|| column_by_spec(rows, None, spec, false))
                .ok_or_else(|| unknown_column(sheet, "--title-column", spec))?;
            if c == id {
                return Err(InputError::at(
                    sheet.location(),
                    format!("--title-column '{spec}' is the id column"),
                )
                .hint("name the column with the control text"));
            }
            vec![c]
        }
        None => {
            let named = header
                .map(|h| titles_by_name(rows, h, &exclude, &data))
                .unwrap_or_default();
            if named.is_empty() {
                title_by_text(rows, id, &exclude, &data)
                    .into_iter()
                    .collect()
            } else {
                named
            }
        }
    };
    // a flag column that is also the title column is a title column
    let basic = basic.filter(|b| !titles.contains(b));
    Ok(Layout {
        header,
        id,
        titles,
        basic,
        suffix,
    })
}

/// A cell's suffix mark (`P`, `B`, `PB`, full width or lower case), `Some("")` for an empty
/// cell, `None` for anything else.
fn suffix_mark(cell: &str) -> Option<String> {
    let key: String = fold_width(cell)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    matches!(key.as_str(), "" | "P" | "B" | "PB").then_some(key)
}

/// The column (other than the id column) whose cells on the id rows are all suffix marks,
/// at least one of them set: the suffix of ids written without one (`9.2.3.11` | `PB`).
fn suffix_column(rows: &[Vec<String>], id: usize, data: &[usize]) -> Option<usize> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    (0..width).filter(|&c| c != id).find(|&c| {
        let marks: Option<Vec<String>> = data
            .iter()
            .map(|&r| suffix_mark(cell(rows, r, c)))
            .collect();
        marks.is_some_and(|m| m.iter().any(|k| !k.is_empty()))
    })
}

/// Refuses a second column of ISMAP ids beside the id column (objectives in one, their
/// detailed controls in another): one import reads one id column, and the other's ids
/// would be dropped without a word.
fn other_id_column(
    sheet: &Sheet,
    header: Option<usize>,
    id: usize,
    data: &[usize],
) -> Result<(), InputError> {
    let rows = &sheet.rows;
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let from = header.map_or(0, |h| h + 1);
    for c in (0..width).filter(|&c| c != id) {
        let ids: Vec<String> = (from..rows.len())
            .filter_map(|r| {
                let id = IsmapId::parse(cell(rows, r, c).trim())?;
                (id.depth() >= 3 && id.is_plausible_listed_id()).then(|| id.canonical())
            })
            .collect();
        if ids.len() >= 2 && ids.len() * 10 >= data.len() {
            return Err(InputError::at(
                sheet.location().column(column_name(sheet, header, c)),
                format!(
                    "a second column of ISMAP ids beside the id column {} (e.g. {}): it would not be imported",
                    column_name(sheet, header, id),
                    ids.iter().take(3).cloned().collect::<Vec<_>>().join(", ")
                ),
            )
            .hint("one import reads one id column: put the objectives and their detailed controls in one id column (one row each), or choose the column with --id-column"));
        }
    }
    Ok(())
}

/// The header text of a column, else its letter.
fn column_name(sheet: &Sheet, header: Option<usize>, c: usize) -> String {
    match header.map(|h| cell(&sheet.rows, h, c).trim()) {
        Some(text) if !text.is_empty() => one_line(text),
        _ => column_letter(c),
    }
}

// ---------------------------------------------------------------------------------------
// Rows

/// A cell's text on one line: lines trimmed and joined (without a space between two
/// Japanese lines), control characters removed.
fn one_line(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let line: String = line
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .collect();
        let line = strip_controls(&line);
        if let (Some(prev), Some(next)) = (out.chars().last(), line.chars().next()) {
            if prev.is_ascii() || next.is_ascii() {
                out.push(' ');
            }
        }
        out.push_str(line.trim());
    }
    out
}

/// Is a flag cell set? Marks (○ ● ✓), yes/true/1 and any other text count; empty cells
/// and the usual "no" marks (× - no false 0 対象外 …) do not.
fn truthy(value: &str) -> bool {
    const NO: &[&str] = &[
        "",
        "×",
        "✕",
        "✗",
        "x",
        "―",
        "ー",
        "no",
        "n",
        "false",
        "0",
        "off",
        "対象外",
        "非該当",
        "該当なし",
        "なし",
        "無",
        "否",
        "不要",
        "任意",
    ];
    let key = header_key(value);
    !NO.contains(&&*key)
}

/// The rows holding an id, and a message for each id cell that holds something else.
fn read_rows(sheet: &Sheet, layout: &Layout) -> Result<(Vec<Row>, Vec<String>), InputError> {
    let rows = &sheet.rows;
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    // hidden rows and struck-through ids (how a revised list marks deleted criteria)
    let marks = match sheet.sheet.as_deref() {
        Some(name) => crate::input::workbook_zip::xlsx_marks(&sheet.path, name).map_err(|e| {
            InputError::at(
                sheet.location(),
                format!(
                    "cannot read the sheet's hidden rows, struck-through cells and comments: {e}"
                ),
            )
            .hint("open the workbook in Excel and save it again as .xlsx")
        })?,
        None => None,
    };
    for r in layout.header.map_or(0, |h| h + 1)..rows.len() {
        // an empty id cell (under a merged block, or a note row) is no entry; any other
        // cell that is no id is reported
        let text = cell(rows, r, layout.id);
        let Some((id, inline_title)) = parse_id_cell(text) else {
            if !text.trim().is_empty() {
                let at = sheet.location().row(r + 1).column(column_name(
                    sheet,
                    layout.header,
                    layout.id,
                ));
                skipped.push(format!(
                    "{at}: '{}' is not an ISMAP id; the row was not imported",
                    one_line(text)
                ));
            }
            continue;
        };
        let mut id = id;
        if let Some(c) = layout.suffix {
            let mark = suffix_mark(cell(rows, r, c)).unwrap_or_default();
            match id.suffix.as_deref() {
                _ if mark.is_empty() => {}
                None => id.suffix = Some(mark),
                Some(own) if own == mark => {}
                Some(own) => {
                    return Err(InputError::at(
                        sheet
                            .location()
                            .row(r + 1)
                            .column(column_name(sheet, layout.header, c)),
                        format!(
                            "id '{}' has the suffix {own}, but its row's suffix column says {mark}",
                            id.canonical()
                        ),
                    )
                    .hint("correct the id or the suffix column so that they agree"));
                }
            }
        }
        let line = u32::try_from(r + 1).unwrap_or(u32::MAX);
        let column = u32::try_from(layout.id).unwrap_or(u32::MAX);
        if let Some(why) = marks.as_ref().and_then(|m| {
            if m.hidden_rows.contains(&line) {
                Some("the row is hidden")
            } else if m.struck.contains(&(line, column)) {
                Some("the id is struck through")
            } else {
                None
            }
        }) {
            let at =
                sheet
                    .location()
                    .row(r + 1)
                    .column(column_name(sheet, layout.header, layout.id));
            skipped.push(format!(
                "{at}: '{}': {why} (a deleted criterion?); the row was not imported",
                id.canonical()
            ));
            continue;
        }
        let canonical = id.canonical();
        if let Some(first) = seen.insert(canonical.clone(), r + 1) {
            return Err(InputError::at(
                sheet
                    .location()
                    .row(r + 1)
                    .column(column_name(sheet, layout.header, layout.id)),
                format!("duplicate id '{canonical}' on rows {first} and {}", r + 1),
            )
            .hint("each id may appear once in the sheet; remove the repeated row"));
        }
        let title = layout
            .titles
            .iter()
            .map(|&c| one_line(cell(rows, r, c)))
            .find(|t| !t.is_empty())
            .or_else(|| inline_title.map(|t| one_line(&t)).filter(|t| !t.is_empty()));
        let basic = layout.basic.is_some_and(|c| truthy(cell(rows, r, c)));
        out.push(Row { id, title, basic });
    }
    Ok((out, skipped))
}

// ---------------------------------------------------------------------------------------
// The catalog

fn titles_of(text: Option<String>) -> Titles {
    match text {
        Some(t) if t.is_ascii() => Titles {
            ja: None,
            en: Some(t),
        },
        Some(t) => Titles {
            ja: Some(t),
            en: None,
        },
        None => Titles::default(),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The words of the file name that carry a digit (`ISMAP管理基準_2023年10月版.xlsx` →
/// `2023年10月版`), else `imported`.
fn version_from_file_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| fold_width(&s.to_string_lossy()).into_owned())
        .unwrap_or_default();
    let words: Vec<&str> = stem
        .split(|c: char| {
            c.is_whitespace()
                || matches!(c, '_' | '(' | ')' | '[' | ']' | '「' | '」' | '【' | '】')
        })
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .collect();
    if words.is_empty() {
        "imported".to_owned()
    } else {
        words.join(" ")
    }
}

fn add_sources(
    entry: &mut Entry,
    keys: &[String],
    embedded: &Catalog,
    sources: &mut BTreeMap<String, String>,
) {
    for key in keys {
        let Some(text) = embedded.sources.get(key) else {
            continue;
        };
        sources.insert(key.clone(), text.clone());
        if !entry.sources.contains(key) {
            entry.sources.push(key.clone());
        }
    }
}

fn build_doc(
    cfg: &ImportConfig,
    sheet: &Sheet,
    layout: &Layout,
    rows: Vec<Row>,
    embedded: &Catalog,
) -> CatalogDoc {
    let file = file_name(&cfg.workbook);
    let sheet_name = sheet.sheet.clone().unwrap_or_default();
    let mut sources = BTreeMap::new();
    // which facts came from which column
    let mut facts = vec![format!("ids from column {}", column_letter(layout.id))];
    if !layout.titles.is_empty() {
        let cols: Vec<String> = layout.titles.iter().map(|&c| column_letter(c)).collect();
        facts.push(format!("titles from column {}", cols.join(", ")));
    }
    if let Some(c) = layout.basic {
        facts.push(format!(
            "the basic flag (B) from column {}",
            column_letter(c)
        ));
    }
    if let Some(c) = layout.suffix {
        facts.push(format!(
            "suffixes (P, B, PB) from column {}",
            column_letter(c)
        ));
    }
    sources.insert(
        SOURCE_KEY.to_owned(),
        format!(
            "The user's own copy of the official ISMAP管理基準 workbook: file '{file}', sheet '{sheet_name}', {}, imported by `ismap-gap catalog import` (headings, cross-references and short titles the workbook lacks come from the embedded catalog, under its source keys). It embeds copyrighted JIS text: keep it local, do not redistribute.",
            facts.join(", ")
        ),
    );
    let imported: HashSet<String> = rows.iter().map(|r| r.id.canonical()).collect();
    let mut ids = IdSet::default();
    let mut entries: Vec<Entry> = Vec::new();
    let mut copied: HashSet<String> = HashSet::new();
    let mut copied_headings = 0usize;
    for row in rows {
        let id = row.id;
        let canonical = id.canonical();
        // Headings (clauses and categories) the workbook lacks but that its ids sit
        // under: copy them from the embedded catalog (short titles and cross-references,
        // with their sources) so the hierarchy is complete, rather than leaving the
        // ids without a parent. They go right before the first entry that needs them.
        for k in 1..id.depth().min(Level::Objective.depth()) {
            let head = id.truncated(k).canonical();
            if imported.contains(&head) || copied.contains(&head) {
                continue;
            }
            let Some(h) = embedded
                .get(&head)
                .filter(|h| matches!(h.level, Level::Clause | Level::Category))
            else {
                continue;
            };
            let mut h = h.clone();
            h.parent = None;
            let keys = std::mem::take(&mut h.sources);
            add_sources(&mut h, &keys, embedded, &mut sources);
            copied.insert(head);
            copied_headings += 1;
            if let Some(parsed) = IsmapId::parse(&h.id) {
                ids.insert(&parsed);
            }
            entries.push(h);
        }
        let suffix = id.suffix.as_deref().unwrap_or("");
        let mut entry = Entry {
            id: canonical.clone(),
            layer: layer_of(&id),
            // the overview (3.1.1) is no criterion, whatever its depth says
            level: match embedded.get(&canonical) {
                Some(known) if known.level == Level::Overview => Level::Overview,
                _ => level_of_depth(id.depth()),
            },
            parent: None,
            title: titles_of(row.title),
            flags: Flags {
                basic: suffix.contains('B') || row.basic,
                cloud_provider: suffix.contains('P'),
            },
            refs: CrossRefs::default(),
            sources: vec![SOURCE_KEY.to_owned()],
        };
        // Our cross-references, and the short title in a language the workbook lacks,
        // from the embedded catalog's entry of the same id.
        if let Some(known) = embedded.get(&canonical) {
            let mut used = false;
            if !known.refs.is_empty() {
                entry.refs = known.refs.clone();
                used = true;
            }
            // a workbook title that is the short title followed by the control text
            // (`利用者登録及び登録削除について、組織は…`) keeps the short title, which the
            // readers of pasted lists match titles against (review 9, C-imp-4)
            let starts_with_short =
                |long: &Option<String>, short: &Option<String>| match (long, short) {
                    (Some(l), Some(s)) if !s.is_empty() => {
                        l.strip_prefix(s.as_str()).is_some_and(|rest| {
                            // the control text after the title, not a longer title
                            ["について", "、", "，", "。", "：", ":", " ", "\u{3000}"]
                                .iter()
                                .any(|sep| rest.starts_with(sep))
                        })
                    }
                    _ => false,
                };
            if (entry.title.ja.is_none() || starts_with_short(&entry.title.ja, &known.title.ja))
                && known.title.ja.is_some()
            {
                entry.title.ja = known.title.ja.clone();
                used = true;
            }
            if (entry.title.en.is_none() || starts_with_short(&entry.title.en, &known.title.en))
                && known.title.en.is_some()
            {
                entry.title.en = known.title.en.clone();
                used = true;
            }
            entry.flags.cloud_provider |= known.flags.cloud_provider;
            if used {
                add_sources(&mut entry, &known.sources, embedded, &mut sources);
            }
        }
        ids.insert(&id);
        entries.push(entry);
    }
    for e in &mut entries {
        if let Some(id) = IsmapId::parse(&e.id) {
            e.parent = ids.parent_of(&id);
        }
    }
    let mut notice = format!(
        "Contains text from the user's own copy of the official ISMAP管理基準 workbook ('{file}', sheet '{sheet_name}'), which embeds copyrighted JIS text: keep this file local and do not redistribute it."
    );
    notice.push_str(&format!(
        " Cross-references (ISO/IEC 27001 Annex A, JIS Q 27002, JIS Q 27017, NIST SP 800-53; NIST notes its mapping is not exact equivalence) and short titles missing from the workbook come from the ismap-gap embedded catalog, version {}.",
        embedded.version
    ));
    if copied_headings > 0 {
        notice.push_str(&format!(
            " {copied_headings} clause/category heading(s) absent from the workbook were copied from it."
        ));
    }
    // a workbook with detailed controls holds all of its edition's: an id it lacks is not
    // accepted through its objective
    let details_complete = entries
        .iter()
        .any(|e| e.level == Level::Detail && e.layer == Layer::Control);
    CatalogDoc {
        edition: None,
        edition_ja: None,
        numbering: Default::default(),
        details_complete: Some(details_complete),
        name: cfg
            .name
            .clone()
            .unwrap_or_else(|| format!("ISMAP管理基準 (imported from {file})")),
        version: cfg
            .version
            .clone()
            .unwrap_or_else(|| version_from_file_name(&cfg.workbook)),
        notice,
        sources,
        include: Vec::new(),
        entries,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            path: "book.xlsx".into(),
            sheet: Some("管理基準".into()),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect())
                .collect(),
            ..Sheet::default()
        }
    }

    fn layout(s: &Sheet) -> Layout {
        find_layout(s, None, None).unwrap()
    }

    #[test]
    fn finds_the_named_id_column_below_title_rows_not_the_running_number() {
        let s = sheet(&[
            &["ISMAP管理基準"],
            &["", "", "2023年版"],
            &[],
            &["No", "管理策番号", "管理策", "基本言明要件"],
            &["1", "5.1.1", "方針群", ""],
            &["2", "5.1.1.1", "方針を定める", "○"],
            &["3", "９．２．１", "利用者登録", ""],
        ]);
        let l = layout(&s);
        assert_eq!(
            l,
            Layout {
                header: Some(3),
                id: 1,
                titles: vec![2],
                basic: Some(3),
                suffix: None,
            }
        );
    }

    #[test]
    fn finds_the_id_column_by_shape_and_the_title_by_text_length() {
        let s = sheet(&[
            &["区分", "識別子", "短い", "本文"],
            &["a", "9.2.1", "x", "利用者登録及び登録削除"],
            &["b", "9.2.1.1", "y", "利用者を登録する手順を定める"],
            &["c", "9.2.2", "", "利用者アクセスの提供"],
        ]);
        let l = layout(&s);
        assert_eq!(l.header, Some(0));
        assert_eq!(l.id, 1);
        assert_eq!(l.titles, vec![3]);
        assert_eq!(l.basic, None);
    }

    #[test]
    fn overrides_take_header_text_or_letters() {
        let s = sheet(&[
            &["ID", "Code", "Text", "Long notes"],
            &[
                "1",
                "9.2.1",
                "User registration",
                "a much longer note than the text",
            ],
            &[
                "2",
                "9.2.2",
                "User access provisioning",
                "another much longer note",
            ],
        ]);
        // "ID" is a header here, so it names column A, not column ID
        let l = find_layout(&s, Some("code"), Some("C")).unwrap();
        assert_eq!((l.header, l.id, l.titles.clone()), (Some(0), 1, vec![2]));
        let l = find_layout(&s, Some("B"), Some("Text")).unwrap();
        assert_eq!((l.header, l.id, l.titles.clone()), (Some(0), 1, vec![2]));
        assert_eq!(find_layout(&s, Some("ID"), None).unwrap().id, 0);
        let e = find_layout(&s, Some("番号です"), None).unwrap_err();
        assert!(
            e.message.contains("--id-column '番号です'"),
            "{}",
            e.message
        );
        assert!(e.message.contains("B 'Code'"), "{}", e.message);
        let e = find_layout(&s, Some("B"), Some("B")).unwrap_err();
        assert!(e.message.contains("is the id column"), "{}", e.message);
    }

    #[test]
    fn several_named_title_columns_fill_each_other() {
        let s = sheet(&[
            &["番号", "統制目標", "詳細管理策"],
            &["9.2.1", "利用者登録", ""],
            &["9.2.1.1", "", "登録手順"],
            &["9.2.1.2", "", "削除手順"],
        ]);
        assert_eq!(layout(&s).titles, vec![2, 1]);
    }

    #[test]
    fn no_id_column_lists_the_header_cells() {
        let s = sheet(&[&["foo"], &["名前", "説明"], &["a", "b"]]);
        let e = find_layout(&s, None, None).unwrap_err();
        assert!(e.message.contains("no id column found"), "{}", e.message);
        assert!(e.message.contains("A '名前', B '説明'"), "{}", e.message);
        assert!(e.hint.unwrap().contains("--id-column"));
    }

    #[test]
    fn header_names_may_carry_a_note_in_brackets() {
        let s = sheet(&[
            &[
                "項目名",
                "管理策番号\n（3桁/4桁）",
                "管理策（本文）",
                "基本言明要件 (○)",
            ],
            &["方針", "5.1.1", "方針群", ""],
        ]);
        assert_eq!(
            layout(&s),
            Layout {
                header: Some(0),
                id: 1,
                titles: vec![2],
                basic: Some(3),
                suffix: None,
            }
        );
        assert_eq!(name_key("(注)"), "(注)");
    }

    #[test]
    fn letters_are_column_indexes() {
        assert_eq!(letter_index("A"), Some(0));
        assert_eq!(letter_index("b"), Some(1));
        assert_eq!(letter_index("AA"), Some(26));
        assert_eq!(letter_index("管理策"), None);
        assert_eq!(letter_index("B1"), None);
    }

    #[test]
    fn id_cells_in_every_form() {
        let id = |s: &str| parse_id_cell(s).map(|(i, t)| (i.canonical(), t));
        assert_eq!(id("８．１．５．Ｐ"), Some(("8.1.5.P".into(), None)));
        assert_eq!(id("8.1.5.P.1"), Some(("8.1.5.1.P".into(), None)));
        assert_eq!(id("8.1.5.PB.2"), Some(("8.1.5.2.PB".into(), None)));
        assert_eq!(
            id("9.2.1 利用者登録"),
            Some(("9.2.1".into(), Some("利用者登録".into())))
        );
        assert_eq!(id(""), None);
        assert_eq!(id("管理策番号"), None);
        assert_eq!(id("A.9.2.1"), None);
        assert_eq!(id("8.P.1"), None);
    }

    fn set(ids: &[&str]) -> IdSet {
        let mut s = IdSet::default();
        for i in ids {
            s.insert(&IsmapId::parse(i).unwrap());
        }
        s
    }

    fn parent(s: &IdSet, id: &str) -> Option<String> {
        s.parent_of(&IsmapId::parse(id).unwrap())
    }

    #[test]
    fn parents_are_the_nearest_shorter_prefix_above() {
        let s = set(&[
            "9", "9.2", "9.2.1", "9.2.1.3", "8.1", "8.1.5.P", "3", "3.1.2",
        ]);
        assert_eq!(parent(&s, "9.2.1.3").as_deref(), Some("9.2.1"));
        assert_eq!(parent(&s, "9.2.1.3.B").as_deref(), Some("9.2.1"));
        assert_eq!(parent(&s, "9.2.1").as_deref(), Some("9.2"));
        assert_eq!(parent(&s, "9.2").as_deref(), Some("9"));
        assert_eq!(parent(&s, "9"), None);
        // a detail's parent is never another detail
        assert_eq!(parent(&s, "9.2.1.3.1").as_deref(), Some("9.2.1"));
        // details of a cloud objective
        assert_eq!(parent(&s, "8.1.5.1.P").as_deref(), Some("8.1.5.P"));
        assert_eq!(parent(&s, "8.1.5.1.PB").as_deref(), Some("8.1.5.P"));
        assert_eq!(parent(&s, "8.1.5.1").as_deref(), Some("8.1.5.P"));
        assert_eq!(parent(&s, "8.1.5.P").as_deref(), Some("8.1"));
        // governance without a 3.1 heading
        assert_eq!(parent(&s, "3.1.2").as_deref(), Some("3"));
        // nothing above
        assert_eq!(parent(&s, "12.1.1"), None);
    }

    #[test]
    fn cloud_children_prefer_cloud_parents() {
        let s = set(&["12.1.5", "12.1.5.P"]);
        assert_eq!(parent(&s, "12.1.5.1.P").as_deref(), Some("12.1.5.P"));
        assert_eq!(parent(&s, "12.1.5.1").as_deref(), Some("12.1.5"));
        assert_eq!(parent(&s, "12.1.5.1.B").as_deref(), Some("12.1.5"));
    }

    #[test]
    fn cells_become_one_line() {
        assert_eq!(
            one_line("  利用者登録及び\n  登録削除 "),
            "利用者登録及び登録削除"
        );
        assert_eq!(one_line("User\nregistration"), "User registration");
        assert_eq!(one_line("a\tb\u{1b}"), "a b");
    }

    #[test]
    fn flag_cells() {
        for yes in ["○", "●", "✓", "yes", "TRUE", "1", "Ｙｅｓ", "対象"] {
            assert!(truthy(yes), "{yes}");
        }
        for no in ["", " ", "×", "-", "―", "no", "false", "0", "対象外"] {
            assert!(!truthy(no), "{no}");
        }
    }

    #[test]
    fn versions_from_file_names() {
        let v = |s: &str| version_from_file_name(Path::new(s));
        assert_eq!(v("ISMAP管理基準_2023年10月版.xlsx"), "2023年10月版");
        assert_eq!(v("book.xlsx"), "imported");
        assert_eq!(v("ismap v1.2 (2024).xlsx"), "v1.2 2024");
    }
}
