//! A CSP's published control list: pasted PDF text, a CSV/spreadsheet, or a YAML profile.
use std::path::Path;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::catalog::id::IsmapId;
use crate::date::Date;
use crate::error::{InputError, Location};
use crate::input::decode::{decode, Encoding};
use crate::input::{parse_error, read_bytes, table, FileKind, Scalar};
use crate::model::{Attestation, Declared, ListedControl, Period, RegistrationKind, Underlying};
use crate::text::fold_width;

/// Reads a control list by the file's kind: a YAML/JSON profile, a status table (id and
/// status columns found by name), or any text or sheet scanned for id-shaped tokens.
pub fn load(path: &Path, encoding: Option<Encoding>) -> Result<Attestation, InputError> {
    load_sheet(path, encoding, None)
}

/// [`load`], choosing the sheet of a workbook. Without a sheet, every visible sheet of a
/// workbook is read (a cover sheet or a sheet without ids adds nothing).
pub fn load_sheet(
    path: &Path,
    encoding: Option<Encoding>,
    sheet: Option<&str>,
) -> Result<Attestation, InputError> {
    match FileKind::of(path) {
        FileKind::Yaml | FileKind::Json => load_profile(path, encoding),
        FileKind::Workbook => match sheet {
            Some(_) => from_sheets(path, &[table::read_workbook(path, sheet)?], &[]),
            None => from_workbook(path),
        },
        FileKind::Text => {
            let bytes = read_bytes(path)?;
            let text = decode(path, &bytes, encoding)?;
            let is_csv = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("tsv"));
            if is_csv {
                let sheet = table::read_csv_text(path, &text)?;
                return from_sheets(path, &[sheet], &[]);
            }
            from_pasted_text(path, &text)
        }
    }
}

/// Every visible sheet of a workbook (the first sheet when all are hidden).
fn from_workbook(path: &Path) -> Result<Attestation, InputError> {
    let names = table::sheet_names(path)?;
    let visible: Vec<&str> = names
        .iter()
        .filter(|(_, v)| *v)
        .map(|(n, _)| n.as_str())
        .collect();
    if visible.is_empty() {
        return from_sheets(path, &[table::read_workbook(path, None)?], &[]);
    }
    let hidden: Vec<&str> = names
        .iter()
        .filter(|(_, v)| !*v)
        .map(|(n, _)| n.as_str())
        .collect();
    let sheets = visible
        .iter()
        .map(|name| table::read_workbook(path, Some(name)))
        .collect::<Result<Vec<_>, _>>()?;
    from_sheets(path, &sheets, &hidden)
}

/// The controls of one sheet, each with where it was read.
#[derive(Default)]
struct SheetControls {
    controls: Vec<ListedControl>,
    at: Vec<Location>,
    ignored: usize,
    tracks_evidence: bool,
}

/// Reads each sheet as a status table when its header names an id and a status column, else
/// scanning every cell, and joins what they hold. Sheets without ids add nothing; when none
/// has any, the error names the sheets looked at (`hidden`: those skipped).
fn from_sheets(
    path: &Path,
    sheets: &[table::Sheet],
    hidden: &[&str],
) -> Result<Attestation, InputError> {
    let mut all = SheetControls::default();
    let (mut ignored_elsewhere, mut empty_table) = (0, None);
    for sheet in sheets {
        match read_sheet(sheet)? {
            Ok(found) => {
                all.controls.extend(found.controls);
                all.at.extend(found.at);
                all.ignored += found.ignored;
                all.tracks_evidence |= found.tracks_evidence;
            }
            Err(NoIds { ignored, table }) => {
                ignored_elsewhere += ignored;
                empty_table = empty_table.or(table);
            }
        }
    }
    if all.controls.is_empty() {
        return Err(match (sheets, empty_table) {
            ([_], Some(e)) => e,
            ([one], None) if one.sheet.is_none() => no_ids(path, ignored_elsewhere),
            _ => no_ids_in_sheets(path, sheets, hidden, ignored_elsewhere),
        });
    }
    reject_conflicts(&all.controls, &all.at)?;
    Ok(Attestation {
        source: path.to_path_buf(),
        controls: all.controls,
        tracks_evidence: all.tracks_evidence,
        ignored_tokens: all.ignored,
        ..Attestation::default()
    })
}

/// Why a sheet gave no ids: the tokens it ignored, and the error of a status table with a
/// header and no ids below it.
struct NoIds {
    ignored: usize,
    table: Option<InputError>,
}

fn no_ids_in_sheets(
    path: &Path,
    sheets: &[table::Sheet],
    hidden: &[&str],
    ignored: usize,
) -> InputError {
    let names: Vec<&str> = sheets.iter().filter_map(|s| s.sheet.as_deref()).collect();
    let skipped = match hidden {
        [] => String::new(),
        _ => format!("; hidden, not read: {}", hidden.join(", ")),
    };
    InputError::at(
        Location::file(path),
        format!(
            "found no ISMAP control ids on any sheet (read: {}{skipped}; {ignored} other tokens ignored)",
            names.join(", ")
        ),
    )
    .hint("put the CSP's control ids (e.g. 5.1.1 or 8.1.5.P) on a visible sheet, or a status table with id and status columns")
}

/// One sheet as a status table, else scanned for ids; the inner `Err` when it holds none.
fn read_sheet(sheet: &table::Sheet) -> Result<Result<SheetControls, NoIds>, InputError> {
    if let Some(found) = status_table(sheet)? {
        return Ok(found);
    }
    let (controls, ignored) = extract_ids(
        sheet
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| (i + 1, r.join("\t"))),
    );
    if controls.is_empty() {
        return Ok(Err(NoIds {
            ignored,
            table: None,
        }));
    }
    reject_status_words(sheet, &lines_with_ids(&controls))?;
    let at = controls
        .iter()
        .map(|c| sheet.location().row(c.line.unwrap_or_default()))
        .collect();
    Ok(Ok(SheetControls {
        controls,
        at,
        ignored,
        tracks_evidence: false,
    }))
}

/// A plain id list must not carry statuses: a column that, on the rows with ids, holds a
/// status other than implemented (未実施, 非該当 …) and mostly status words in its non-empty
/// cells is a status column under a header not recognised; read as plain ids, every row
/// would count as implemented. (A column of 実施 only reads the same either way.)
/// `id_rows`: the rows (1-based) where the sheet's ids were found.
fn reject_status_words(sheet: &table::Sheet, id_rows: &[usize]) -> Result<(), InputError> {
    #[derive(Clone, Copy, Default)]
    struct Column {
        filled: usize,
        statuses: usize,
        not_implemented: bool,
        /// the row of its first status word
        first: Option<usize>,
    }
    let mut columns: Vec<Column> = Vec::new();
    for i in id_rows.iter().filter_map(|r| r.checked_sub(1)) {
        let Some(row) = sheet.rows.get(i) else {
            continue;
        };
        for (c, cell) in row.iter().enumerate().filter(|(_, c)| !c.trim().is_empty()) {
            if columns.len() <= c {
                columns.resize(c + 1, Column::default());
            }
            let column = &mut columns[c];
            column.filled += 1;
            if let Some(declared) = Declared::parse(cell) {
                column.statuses += 1;
                column.not_implemented |= declared != Declared::Implemented;
                column.first.get_or_insert(i);
            }
        }
    }
    let Some((col, first)) = columns.iter().enumerate().find_map(|(c, column)| {
        (column.not_implemented && column.statuses * 2 >= column.filled)
            .then_some((c, column.first.unwrap_or_default()))
    }) else {
        return Ok(());
    };
    let is_status = |cell: &str| !cell.trim().is_empty() && Declared::parse(cell).is_some();
    // the column's header: the last non-empty cell above its first status word
    let name = sheet.rows[..first]
        .iter()
        .rev()
        .filter_map(|r| r.get(col).map(|s| s.trim()))
        .find(|s| !s.is_empty())
        .map_or_else(|| crate::input::column_letter(col), str::to_owned);
    let mut seen: Vec<&str> = Vec::new();
    for row in &sheet.rows {
        if let Some(cell) = row.get(col).map(|s| s.trim()) {
            if is_status(cell) && !seen.contains(&cell) && seen.len() < 3 {
                seen.push(cell);
            }
        }
    }
    Err(InputError::at(
        sheet.location().column(name),
        format!(
            "the column holds statuses ({}) but is not a status column this tool knows, so every id would count as implemented",
            seen.join(", ")
        ),
    )
    .hint("name the columns 管理策番号 (or id) and 実施状況 (or status) to read it as a status table, or remove the column for a plain list of implemented ids"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Col {
    Id,
    Status,
    Reason,
    Evidence,
    Owner,
}

const COLUMNS: [(Col, &[&str]); 5] = [
    (
        Col::Id,
        &[
            "id",
            "no",
            "番号",
            "項番",
            "管理策番号",
            "統制目標番号",
            "管理策",
            "統制目標",
            "control",
            "controls",
        ],
    ),
    (
        Col::Status,
        &[
            "status",
            "状況",
            "状態",
            "実施状況",
            "ステータス",
            "適用状況",
            "適用",
            "対応状況",
            "対応状態",
            "実施状態",
            "実施有無",
            "実施の有無",
            "適用有無",
            "実装状況",
            "implementationstatus",
            "implementation",
            "state",
        ],
    ),
    (
        Col::Reason,
        &[
            "reason",
            "理由",
            "非該当理由",
            "除外理由",
            "適用除外理由",
            "備考",
            "note",
        ],
    ),
    (
        Col::Evidence,
        &["evidence", "証跡", "エビデンス", "根拠資料", "証跡資料"],
    ),
    (
        Col::Owner,
        &["owner", "担当", "担当者", "責任者", "担当部署"],
    ),
];

/// The role of a header cell: its key among [`COLUMNS`], also after dropping a bracketed
/// note at its end (`実施状況（2025年）`, `status [Q3]`).
fn column_role(cell: &str) -> Option<Col> {
    let key = crate::text::header_key(cell);
    let role = |k: &str| {
        COLUMNS
            .iter()
            .find(|(_, names)| names.contains(&k))
            .map(|(c, _)| *c)
    };
    role(&key).or_else(|| {
        let open = match key.chars().last()? {
            ')' => '(',
            ']' => '[',
            '】' => '【',
            '〕' => '〔',
            _ => return None,
        };
        let stem = &key[..key.rfind(open)?];
        role(stem)
    })
}

/// Reads a readiness table (id, status, reason, evidence, owner), or `None` when the sheet
/// has no header with both an id and a status column. A row with a status must name a
/// control: an empty id cell is an error, and an id cell that is not a plain ISMAP id
/// (`99.1.1`, `A.9.2.1`) is kept as written for the resolver to map or report as unknown.
fn status_table(sheet: &table::Sheet) -> Result<Option<Result<SheetControls, NoIds>>, InputError> {
    let find = |cells: &[String]| -> Vec<(Col, usize)> {
        let mut found: Vec<(Col, usize)> = Vec::new();
        for (i, cell) in cells.iter().enumerate() {
            if let Some(col) = column_role(cell) {
                if !found.iter().any(|(c, _)| *c == col) {
                    found.push((col, i));
                }
            }
        }
        found
    };
    let Some((header_row, cols)) = sheet.rows.iter().take(30).enumerate().find_map(|(i, r)| {
        let cols = find(r);
        let has = |c: Col| cols.iter().any(|(x, _)| *x == c);
        (has(Col::Id) && has(Col::Status)).then_some((i, cols))
    }) else {
        return Ok(None);
    };
    let col = |c: Col| cols.iter().find(|(x, _)| *x == c).map(|(_, i)| *i);
    let header = &sheet.rows[header_row];
    let header_name = |c: Col| {
        col(c)
            .and_then(|i| header.get(i))
            .map(|s| s.trim().to_owned())
            .unwrap_or_default()
    };
    let mut found = SheetControls {
        tracks_evidence: col(Col::Evidence).is_some(),
        ..SheetControls::default()
    };
    for (i, cells) in sheet.rows.iter().enumerate().skip(header_row + 1) {
        let row = i + 1;
        let get = |c: Col| {
            col(c)
                .and_then(|i| cells.get(i))
                .map(|s| s.trim().to_owned())
                .unwrap_or_default()
        };
        let id_cell = get(Col::Id);
        let status_cell = get(Col::Status);
        if id_cell.is_empty() {
            if !status_cell.is_empty() {
                return Err(InputError::at(
                    sheet.location().row(row).column(header_name(Col::Id)),
                    format!("the row has a status ('{status_cell}') but no control id"),
                )
                .hint(
                    "write the control's ISMAP id (e.g. 9.2.1) in the id column, or clear the row",
                ));
            }
            if cells.iter().any(|c| !c.trim().is_empty()) {
                found.ignored += 1;
            }
            continue;
        }
        let (mut ids, skipped) = extract_ids(std::iter::once((row, id_cell.clone())));
        if ids.is_empty() && status_cell.is_empty() {
            // a heading or note row (`5 情報セキュリティのための方針群`)
            found.ignored += skipped;
            continue;
        }
        let declared = Declared::parse(&status_cell).ok_or_else(|| {
            InputError::at(
                sheet.location().row(row).column(header_name(Col::Status)),
                if status_cell.is_empty() {
                    format!("the status of {id_cell} is empty")
                } else {
                    format!("unknown status '{status_cell}' for {id_cell}")
                },
            )
            .hint("use implemented/実施, not-applicable/非該当・対象外, planned/計画中 or not-implemented/未実施")
        })?;
        if ids.is_empty() {
            if IsmapId::parse(&id_cell).is_some_and(|id| id.suffix.is_none() && id.depth() < 3) {
                return Err(InputError::at(
                    sheet.location().row(row).column(header_name(Col::Id)),
                    format!("'{id_cell}' is a clause or category, but a status applies to one control objective"),
                )
                .hint("give the status on the row of each control objective (e.g. 9.2.1), or clear the status of this heading row"));
            }
            ids.push(ListedControl::implemented(id_cell.clone(), Some(row)));
        } else {
            found.ignored += skipped;
        }
        for mut c in ids {
            c.declared = declared;
            c.reason = get(Col::Reason);
            c.evidence = get(Col::Evidence);
            c.owner = get(Col::Owner);
            found.controls.push(c);
            found.at.push(sheet.location().row(row));
        }
    }
    if found.controls.is_empty() {
        let e = InputError::at(
            sheet.location().row(header_row + 1),
            "the status table has a header but no control ids below it",
        )
        .hint("put one ISMAP id (e.g. 9.2.1) per row in the id column");
        return Ok(Some(Err(NoIds {
            ignored: found.ignored,
            table: Some(e),
        })));
    }
    Ok(Some(Ok(found)))
}

/// The key two spellings of one id share (`８．１．５Ｐ` and `8.1.5.P`).
fn id_key(raw: &str) -> String {
    crate::catalog::id::canonical(raw).unwrap_or_else(|| fold_width(raw).trim().to_owned())
}

/// An id stated twice must be stated alike: a later row never silently overrides an earlier
/// one's status, reason, evidence or owner (identical repeats are fine).
fn reject_conflicts(controls: &[ListedControl], at: &[Location]) -> Result<(), InputError> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, c) in controls.iter().enumerate() {
        let j = *seen.entry(id_key(&c.raw)).or_insert(i);
        let first = &controls[j];
        let Some((now, before)) = differences(c, first) else {
            continue;
        };
        let (here, there) = (&at[i], &at[j]);
        let place = match (there.row.or(there.line), there.sheet == here.sheet) {
            (Some(r), true) => format!("row {r}"),
            (Some(r), false) => format!("sheet '{}' row {r}", there.sheet.as_deref().unwrap_or("")),
            (None, _) => "an earlier row".to_owned(),
        };
        return Err(InputError::at(
            here.clone(),
            format!(
                "{} is listed again, differently: {now} here; {before} on {place}",
                c.raw
            ),
        )
        .hint(
            "list each control once, or make its rows agree on status, reason, evidence and owner",
        ));
    }
    Ok(())
}

/// How two statements of one control differ, for messages (`not implemented, no
/// evidence` against `implemented, evidence 'E1'`), or `None` when they agree.
fn differences(a: &ListedControl, b: &ListedControl) -> Option<(String, String)> {
    let fields = [
        ("reason", &a.reason, &b.reason),
        ("evidence", &a.evidence, &b.evidence),
        ("owner", &a.owner, &b.owner),
    ];
    if a.declared == b.declared && fields.iter().all(|(_, x, y)| x == y) {
        return None;
    }
    let label = |d: Declared| d.label(crate::lang::Lang::En).to_owned();
    let (mut x, mut y) = (label(a.declared), label(b.declared));
    let word = |what: &str, v: &str| match v {
        "" => format!(", no {what}"),
        v => format!(", {what} '{v}'"),
    };
    for (what, va, vb) in fields.iter().filter(|(_, x, y)| x != y) {
        x.push_str(&word(what, va));
        y.push_str(&word(what, vb));
    }
    Some((x, y))
}

/// Splits a line of pasted text into tokens.
fn tokens(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | '、' | '，' | '；' | '|' | '"' | '/')
    })
    .filter(|t| !t.is_empty())
}

/// Every id-shaped token of the lines, with the count of the others.
/// A lone suffix after an id (`8.1.5 P`) is joined to it.
pub fn extract_ids(lines: impl Iterator<Item = (usize, String)>) -> (Vec<ListedControl>, usize) {
    let mut ids: Vec<ListedControl> = Vec::new();
    let mut ignored = 0;
    for (line, text) in lines {
        let folded = fold_width(&text);
        let mut last_was_bare_id = false;
        for tok in tokens(&folded) {
            let tok = tok.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '「' | '」'));
            match IsmapId::parse(tok).filter(IsmapId::is_plausible_listed_id) {
                Some(id) => {
                    last_was_bare_id = id.suffix.is_none();
                    ids.push(ListedControl::implemented(tok, Some(line)));
                }
                None => {
                    let is_suffix = (1..=2).contains(&tok.len())
                        && tok.chars().all(|c| c.is_ascii_alphabetic());
                    match ids.last_mut() {
                        Some(prev) if last_was_bare_id && is_suffix => {
                            prev.raw = format!("{}.{}", prev.raw, tok.to_ascii_uppercase());
                        }
                        _ if tok.is_empty() => {}
                        _ => ignored += 1,
                    }
                    last_was_bare_id = false;
                }
            }
        }
    }
    (ids, ignored)
}

/// The lines (or rows) [`extract_ids`] found ids on, each once, in order.
fn lines_with_ids(controls: &[ListedControl]) -> Vec<usize> {
    let mut lines: Vec<usize> = controls.iter().filter_map(|c| c.line).collect();
    lines.dedup();
    lines
}

fn no_ids(path: &Path, ignored: usize) -> InputError {
    InputError::at(
        Location::file(path),
        format!("found no ISMAP control ids ({ignored} other tokens ignored)"),
    )
    .hint("paste the table of implemented control objectives from the CSP's published list (ids like 5.1.1 or 8.1.5.P)")
}

/// A pasted list: every id in it is implemented. So a text that says otherwise of some
/// ids (a YAML profile saved as `.txt`, a table pasted with its status column) is an error,
/// not a list of implemented ids.
fn from_pasted_text(path: &Path, text: &str) -> Result<Attestation, InputError> {
    let lines: Vec<&str> = text.lines().collect();
    let numbered = || lines.iter().enumerate().map(|(i, l)| (i + 1, *l));
    if let Some((n, line)) = numbered().find(|(_, l)| {
        ["implemented:", "not_applicable:", "inherits:"]
            .iter()
            .any(|key| l.starts_with(key))
    }) {
        return Err(InputError::at(
            Location::file(path).line(n),
            format!(
                "'{}' is a CSP profile's field, but the file is read as a pasted list (every id implemented)",
                line.trim()
            ),
        )
        .hint("give the profile a .yaml (or .json) name so it is read as a profile"));
    }
    let (controls, ignored) = extract_ids(numbered().map(|(n, l)| (n, l.to_owned())));
    // none of the lines holding an id may mark its id otherwise
    for n in lines_with_ids(&controls) {
        let Some(line) = n.checked_sub(1).and_then(|i| lines.get(i)) else {
            continue;
        };
        let folded = fold_width(line);
        let marked = tokens(&folded).find(|t| {
            !matches!(&*crate::text::header_key(t), "no" | "n" | "na")
                && Declared::parse(t).is_some_and(|d| d != Declared::Implemented)
        });
        if let Some(word) = marked {
            return Err(InputError::at(
                Location::file(path).line(n),
                format!(
                    "the line marks its id '{word}', but a pasted list is read as implemented ids only"
                ),
            )
            .hint("for a list with statuses, save it as CSV with the columns 管理策番号 and 実施状況 (a status table); else paste only the implemented ids"));
        }
    }
    if controls.is_empty() {
        return Err(no_ids(path, ignored));
    }
    Ok(Attestation {
        source: path.to_path_buf(),
        controls,
        ignored_tokens: ignored,
        ..Attestation::default()
    })
}

/// `not_applicable:` as an ordered list of (id, reason); a missing reason stays empty.
#[derive(Debug, Default)]
struct Exclusions(Vec<(String, String)>);

impl<'de> Deserialize<'de> for Exclusions {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Exclusions;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map of control id to the reason it does not apply")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Exclusions, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = m.next_entry::<Scalar, Option<String>>()? {
                    out.push((k.into_string(), v.unwrap_or_default()));
                }
                Ok(Exclusions(out))
            }
        }
        d.deserialize_map(V)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PeriodDoc {
    from: String,
    to: String,
}

/// The YAML profile of a CSP service (documented in README.md).
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a CSP profile: a mapping of fields such as name and implemented (a pasted list of ids goes in a .txt file)"
)]
struct ProfileDoc {
    name: Option<String>,
    registration_number: Option<Scalar>,
    /// `ismap` or `ismap-liu`.
    registration_kind: Option<String>,
    registered: Option<String>,
    renewal_deadline: Option<String>,
    audit_period: Option<PeriodDoc>,
    #[serde(default)]
    scope: Vec<String>,
    /// 準拠法 and 裁判管轄, 後発事象, 改善計画 as the ISMAP list publishes them.
    governing_law: Option<String>,
    jurisdiction: Option<String>,
    subsequent_events: Option<String>,
    improvement_plan: Option<TextOrBool>,
    #[serde(default)]
    implemented: Vec<Scalar>,
    #[serde(default)]
    not_applicable: Exclusions,
    /// Profile of the service this one runs on, relative to this file's folder.
    inherits: Option<String>,
    /// What is relied on from it: clause, category or objective ids (default: 11).
    inherited: Option<Vec<Scalar>>,
}

/// A free-text field that may also be written `true`/`false` (`improvement_plan`).
#[derive(Debug, Deserialize)]
#[serde(untagged, expecting = "a text, or true/false")]
enum TextOrBool {
    Bool(bool),
    Text(String),
}

impl TextOrBool {
    fn into_text(self) -> String {
        match self {
            TextOrBool::Bool(true) => "yes".to_owned(),
            TextOrBool::Bool(false) => "no".to_owned(),
            TextOrBool::Text(t) => t,
        }
    }
}

/// What a service relies on its underlying service for when the profile does not say.
pub const DEFAULT_INHERITED: &str = "11";

fn load_profile(path: &Path, encoding: Option<Encoding>) -> Result<Attestation, InputError> {
    load_profile_chain(path, encoding, &mut Vec::new())
}

/// Loads a profile and, through `inherits:`, the profiles under it; `chain` holds the
/// files already on the way down, to reject a cycle.
fn load_profile_chain(
    path: &Path,
    encoding: Option<Encoding>,
    chain: &mut Vec<std::path::PathBuf>,
) -> Result<Attestation, InputError> {
    let here = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if chain.contains(&here) {
        let names: Vec<String> = chain
            .iter()
            .chain(std::iter::once(&here))
            .map(|p| {
                p.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            })
            .collect();
        return Err(InputError::at(
            Location::file(path).column("inherits"),
            format!("inheritance cycle: {}", names.join(" → ")),
        )
        .hint("a service cannot run on itself: fix the `inherits:` chain"));
    }
    chain.push(here);
    let bytes = read_bytes(path)?;
    let text = decode(path, &bytes, encoding)?;
    let att = parse_profile(path, &text, encoding, chain)?;
    chain.pop();
    Ok(att)
}

/// Parses a profile's text; `path` names it in messages and anchors `inherits:`.
pub fn profile_from_str(path: &Path, text: &str) -> Result<Attestation, InputError> {
    parse_profile(path, text, None, &mut Vec::new())
}

fn parse_profile(
    path: &Path,
    text: &str,
    encoding: Option<Encoding>,
    chain: &mut Vec<std::path::PathBuf>,
) -> Result<Attestation, InputError> {
    let loc = Location::file(path);
    let hint = "README.md, \"CSP list or profile\", lists the profile fields";
    let doc: ProfileDoc = match FileKind::of(path) {
        FileKind::Json => serde_json::from_str(text).map_err(|e| {
            let what = if e.is_data() {
                "invalid CSP profile"
            } else {
                "invalid JSON"
            };
            parse_error(&loc, Some((e.line(), e.column())), what, e.to_string())
        }),
        _ => serde_yaml::from_str(text).map_err(|e| {
            let at = e.location().map(|l| (l.line(), l.column()));
            parse_error(&loc, at, "invalid CSP profile", e.to_string())
        }),
    }
    .map_err(|e| e.hint(hint))?;
    let date = |field: &str, v: Option<String>| -> Result<Option<Date>, InputError> {
        v.map(|s| {
            Date::parse(&s).ok_or_else(|| {
                InputError::at(loc.clone().column(field), format!("'{s}' is not a date"))
                    .hint("write dates as YYYY-MM-DD")
            })
        })
        .transpose()
    };
    let registration_kind = match doc.registration_kind {
        None => None,
        Some(k) => Some(RegistrationKind::parse(&k).ok_or_else(|| {
            InputError::at(
                loc.clone().column("registration_kind"),
                format!("unknown registration kind '{k}'"),
            )
            .hint("write `ismap` or `ismap-liu`")
        })?),
    };
    let audit_period = match doc.audit_period {
        None => None,
        Some(p) => {
            let from = date("audit_period.from", Some(p.from))?;
            let to = date("audit_period.to", Some(p.to))?;
            match (from, to) {
                (Some(from), Some(to)) if from <= to => Some(Period { from, to }),
                _ => {
                    return Err(InputError::at(
                        loc.clone().column("audit_period"),
                        "the audit period ends before it starts",
                    )
                    .hint("check `from` and `to`"))
                }
            }
        }
    };
    let mut controls: Vec<ListedControl> = doc
        .implemented
        .into_iter()
        .map(|s| ListedControl::implemented(s.into_string(), None))
        .collect();
    // a profile states control objectives; a clause or category would be counted and then
    // match nothing (`inherited:` is where clauses belong)
    let headings = controls
        .iter()
        .map(|c| ("implemented", c.raw.as_str()))
        .chain(
            doc.not_applicable
                .0
                .iter()
                .map(|(id, _)| ("not_applicable", id.as_str())),
        );
    for (field, id) in headings {
        if IsmapId::parse(id).is_some_and(|i| i.suffix.is_none() && i.depth() < 3) {
            return Err(InputError::at(
                loc.clone().column(field),
                format!("'{id}' is a clause or category, but `{field}` lists control objectives"),
            )
            .hint("list each control objective (e.g. 9.2.1, 9.2.2); clauses belong under `inherited:`"));
        }
    }
    let implemented: std::collections::HashSet<String> =
        controls.iter().map(|c| id_key(&c.raw)).collect();
    if let Some((id, _)) = doc
        .not_applicable
        .0
        .iter()
        .find(|(id, _)| implemented.contains(&id_key(id)))
    {
        return Err(InputError::at(
            loc.clone().column("not_applicable"),
            format!("{id} is listed under both `implemented` and `not_applicable`"),
        )
        .hint("keep it under one: `implemented` if the service implements it, `not_applicable` with the reason if it does not apply"));
    }
    controls.extend(
        doc.not_applicable
            .0
            .into_iter()
            .map(|(id, reason)| ListedControl {
                declared: Declared::NotApplicable,
                reason,
                ..ListedControl::implemented(id, None)
            }),
    );
    if controls.is_empty() && doc.inherits.is_none() {
        return Err(InputError::at(
            loc.clone().column("implemented"),
            "the profile lists no controls: `implemented` and `not_applicable` are empty or missing",
        )
        .hint("list the ids the service implements under `implemented` (e.g. [5.1.1, 9.2.1])"));
    }
    let underlying = match (doc.inherits, doc.inherited) {
        (None, None) => None,
        (None, Some(_)) => {
            return Err(InputError::at(
                loc.clone().column("inherited"),
                "`inherited` is given without `inherits`",
            )
            .hint("name the profile of the underlying service with `inherits: path`"))
        }
        (Some(rel), inherited) => {
            let dir = path.parent().unwrap_or(Path::new(""));
            let parent_path = dir.join(&rel);
            if !parent_path.is_file() {
                return Err(InputError::at(
                    loc.clone().column("inherits"),
                    format!(
                        "the underlying profile '{}' does not exist",
                        parent_path.display()
                    ),
                )
                .hint("`inherits:` is a path relative to this profile's folder"));
            }
            let attestation = load_profile_chain(&parent_path, encoding, chain)?;
            let scope = match inherited {
                Some(v) => v.into_iter().map(Scalar::into_string).collect(),
                None => vec![DEFAULT_INHERITED.to_owned()],
            };
            Some(Box::new(Underlying { attestation, scope }))
        }
    };
    Ok(Attestation {
        source: path.to_path_buf(),
        underlying,
        name: doc.name.filter(|n| !n.trim().is_empty()),
        registration_number: doc.registration_number.map(Scalar::into_string),
        registration_kind,
        registered: date("registered", doc.registered)?,
        renewal_deadline: date("renewal_deadline", doc.renewal_deadline)?,
        audit_period,
        scope: doc.scope,
        governing_law: doc.governing_law,
        jurisdiction: doc.jurisdiction,
        subsequent_events: doc.subsequent_events,
        improvement_plan: doc.improvement_plan.map(TextOrBool::into_text),
        controls,
        tracks_evidence: false,
        ignored_tokens: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> (Vec<String>, usize) {
        let (ids, ignored) =
            extract_ids(text.lines().enumerate().map(|(i, l)| (i + 1, l.to_owned())));
        (ids.into_iter().map(|l| l.raw).collect(), ignored)
    }

    #[test]
    fn takes_ids_from_pasted_pdf_table() {
        let text = "統制目標 番号\t統制目標 番号\n3.1.2\t3.1.3\n6.1.1  6.3.1.P\n８．１．５．Ｐ 8.2.1\n\n9.4.1P, 12.4.5-P\n";
        let (got, ignored) = ids(text);
        assert_eq!(
            got,
            ["3.1.2", "3.1.3", "6.1.1", "6.3.1.P", "8.1.5.P", "8.2.1", "9.4.1P", "12.4.5-P"]
        );
        assert_eq!(ignored, 4);
    }

    #[test]
    fn dates_and_numbers_are_not_ids() {
        let (got, ignored) = ids("監査対象期間 2024.4.1 〜 2025.3.31 ページ 1.2.3 v2.0 19.1.1 12");
        assert!(got.is_empty(), "{got:?}");
        assert_eq!(ignored, 9);
    }

    /// A CSV read as `load` reads it.
    fn csv(text: &str) -> Result<Attestation, InputError> {
        let path = Path::new("t.csv");
        from_sheets(path, &[table::read_csv_text(path, text).unwrap()], &[])
    }

    fn states(att: &Attestation) -> Vec<(String, Declared, Option<usize>)> {
        att.controls
            .iter()
            .map(|c| (c.raw.clone(), c.declared, c.line))
            .collect()
    }

    #[test]
    fn status_headers_in_other_words_and_with_a_note() {
        for header in [
            "対応状況",
            "実施有無",
            "Implementation status",
            "実施状況（2025年）",
            "status [Q3]",
        ] {
            let att = csv(&format!(
                "管理策番号,{header}\n5.1.1,実施\n5.1.2,未実施\n6.2.2,非該当\n"
            ))
            .unwrap_or_else(|e| panic!("{header}: {e}"));
            assert_eq!(
                states(&att),
                [
                    ("5.1.1".to_owned(), Declared::Implemented, Some(2)),
                    ("5.1.2".to_owned(), Declared::NotImplemented, Some(3)),
                    ("6.2.2".to_owned(), Declared::NotApplicable, Some(4)),
                ],
                "{header}"
            );
        }
        assert_eq!(column_role("管理策番号（ISMAP）"), Some(Col::Id));
        assert_eq!(column_role("(2025)"), None);
        assert_eq!(column_role("実施"), None);
    }

    #[test]
    fn statuses_under_an_unknown_header_are_an_error_not_a_plain_list() {
        let err = csv("管理策番号,進捗\n5.1.1,実施\n5.1.2,未実施\n6.2.2,非該当\n").unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with(
                "t.csv: column '進捗': the column holds statuses (実施, 未実施, 非該当)"
            ),
            "{msg}"
        );
        assert!(err.hint.is_some());
        // an unknown id header and a known status header: the same
        let err = csv("ISMAP番号,実施状況\n5.1.1,実施\n5.1.2,未実施\n").unwrap_err();
        assert!(err.to_string().contains("column '実施状況'"), "{err}");
        // one such word in an otherwise empty column
        let err = csv("管理策番号,メモ\n5.1.1,\n5.1.2,未実施\n6.2.2,\n").unwrap_err();
        assert!(err.to_string().contains("column 'メモ'"), "{err}");
        // no header at all: the column is named by its letter
        let err = csv("5.1.1,実施\n5.1.2,未実施\n").unwrap_err();
        assert!(err.to_string().contains("column 'B'"), "{err}");
    }

    #[test]
    fn plain_lists_without_status_words_stay_plain() {
        for text in [
            "No,管理策番号,名称\n1,5.1.1,方針\n2,5.1.2,見直し\n",
            "統制目標番号\n5.1.1\n5.1.2\n",
            "No,管理策番号\n1,5.1.1\n",
            // a column of 実施 only reads the same as a plain list
            "統制目標番号,メモ\n9.2.1,実施\n9.2.2,済\n6.2.2,\n",
            // a word among notes is not a column of statuses
            "管理策番号,備考\n5.1.1,no change since 2024\n5.1.2,未\n6.2.2,外部委託\n",
        ] {
            let att = csv(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert!(att
                .controls
                .iter()
                .all(|c| c.declared == Declared::Implemented));
        }
    }

    #[test]
    fn rows_whose_id_is_not_a_plain_id_are_kept_or_rejected() {
        let att = csv("管理策番号,実施状況,理由,証跡\n5.1.1,実施,,E1\n99.1.1,実施,,E3\nA.9.2.1,実施,,E4\n5 方針,,,\n").unwrap();
        assert_eq!(
            states(&att),
            [
                ("5.1.1".to_owned(), Declared::Implemented, Some(2)),
                ("99.1.1".to_owned(), Declared::Implemented, Some(3)),
                ("A.9.2.1".to_owned(), Declared::Implemented, Some(4)),
            ]
        );
        // a status without an id
        let err = csv("管理策番号,実施状況\n5.1.1,実施\n,実施\n").unwrap_err();
        assert!(err.to_string().starts_with("t.csv: row 3: column '管理策番号': the row has a status ('実施') but no control id"), "{err}");
        // a clause or category with a status
        for id in ["9", "9.2"] {
            let err = csv(&format!("管理策番号,実施状況\n5.1.1,実施\n{id},実施\n")).unwrap_err();
            let want = format!("row 3: column '管理策番号': '{id}' is a clause or category");
            assert!(err.to_string().contains(&want), "{err}");
        }
        // an empty status says so
        let err = csv("管理策番号,実施状況\n5.1.1,実施\n9.2.1,\n").unwrap_err();
        assert!(
            err.to_string()
                .contains("row 3: column '実施状況': the status of 9.2.1 is empty"),
            "{err}"
        );
        // the status of such a row is checked like any other
        for id in ["9.2", "99.1.1", "A.9.2.1"] {
            let err = csv(&format!("管理策番号,実施状況\n5.1.1,実施\n{id},たぶん\n")).unwrap_err();
            assert!(
                err.to_string()
                    .contains("row 3: column '実施状況': unknown status 'たぶん'"),
                "{err}"
            );
        }
    }

    #[test]
    fn an_id_stated_twice_must_be_stated_alike() {
        let ok =
            csv("管理策番号,実施状況,理由,証跡\n5.1.1,実施,,E1\n５．１．１,実施,,E1\n").unwrap();
        assert_eq!(ok.controls.len(), 2);
        let err =
            csv("管理策番号,実施状況,理由,証跡\n5.1.1,実施,,E1\n5.1.1,未実施,,\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.csv: row 3: 5.1.1 is listed again, differently: not implemented, no evidence here; implemented, evidence 'E1' on row 2 (hint: list each control once, or make its rows agree on status, reason, evidence and owner)"
        );
        let err = csv("管理策番号,実施状況,証跡\n8.1.5.P,実施,E1\n8.1.5P,実施,E2\n").unwrap_err();
        assert!(err.to_string().contains("row 3: 8.1.5P is listed again, differently: implemented, evidence 'E2' here; implemented, evidence 'E1' on row 2"), "{err}");
    }

    #[test]
    fn a_profile_may_not_both_implement_and_exclude_an_id() {
        let err = profile_from_str(
            Path::new("p.yaml"),
            "name: x\nimplemented: [5.1.1]\nnot_applicable:\n  ５．１．１: both\n",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "p.yaml: column 'not_applicable': ５．１．１ is listed under both `implemented` and `not_applicable` (hint: keep it under one: `implemented` if the service implements it, `not_applicable` with the reason if it does not apply)"
        );
        let ok = profile_from_str(
            Path::new("p.yaml"),
            "implemented: [5.1.1, 5.1.1]\nnot_applicable:\n  6.2.2: none\n",
        )
        .unwrap();
        assert_eq!(ok.controls.len(), 3);
    }

    /// A pasted list is implemented ids only: a profile saved as `.txt`, or a line that
    /// marks its id not implemented or not applicable, is an error, not a misread.
    /// A profile that is not a mapping (a pasted list saved as .yaml) says what a profile
    /// is, quoting the text short; JSON errors keep their real line, never 0.
    #[test]
    fn profile_parse_errors_are_short_and_placed() {
        let text = format!("{}\n", "5.1.1 9.2.1 ".repeat(20));
        let err = profile_from_str(Path::new("list.yaml"), &text)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with(
                "list.yaml: line 1: invalid CSP profile: invalid type: string \"5.1.1 9.2.1 "
            ),
            "{err}"
        );
        assert!(
            err.contains("…\", expected a CSP profile: a mapping"),
            "{err}"
        );
        assert!(!err.contains("ProfileDoc") && err.len() < 400, "{err}");
        let err = profile_from_str(Path::new("p.json"), "{\n\"name\": \"x\",\n\"bogus\": 1}")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("p.json: line 3: invalid CSP profile: unknown field `bogus`"),
            "{err}"
        );
    }

    #[test]
    fn a_profile_lists_objectives_not_clauses() {
        for (text, want) in [
            (
                "implemented: [\"9.2\", 9.2.1]\n",
                "column 'implemented': '9.2' is a clause or category",
            ),
            (
                "implemented: [9.2.1, \"11\"]\n",
                "column 'implemented': '11' is a clause",
            ),
            (
                "implemented: [9.2.1]\nnot_applicable:\n  \"10\": n/a\n",
                "column 'not_applicable': '10' is a clause",
            ),
        ] {
            let err = profile_from_str(Path::new("p.yaml"), text)
                .unwrap_err()
                .to_string();
            assert!(err.contains(want), "{text}: {err}");
        }
        assert!(profile_from_str(Path::new("p.yaml"), "implemented: [9.2.1, 8.1.5P]\n").is_ok());
    }

    #[test]
    fn a_profile_without_controls_is_an_error() {
        for text in ["name: x\nimplemented: []\n", "name: x\n"] {
            let err = profile_from_str(Path::new("p.yaml"), text).unwrap_err();
            assert!(
                err.to_string()
                    .starts_with("p.yaml: column 'implemented': the profile lists no controls"),
                "{err}"
            );
        }
        let only_excluded = "implemented: []\nnot_applicable:\n  6.2.2: none\n";
        assert!(profile_from_str(Path::new("p.yaml"), only_excluded).is_ok());
    }

    #[test]
    fn a_pasted_list_that_says_otherwise_is_an_error() {
        let path = Path::new("list.txt");
        let err = from_pasted_text(path, "name: x\nimplemented: [5.1.1]\n").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("list.txt: line 2: 'implemented: [5.1.1]' is a CSP profile's field"),
            "{err}"
        );
        for (text, word) in [
            ("5.1.1 方針 実施\n9.2.1 利用者登録 未実施\n", "未実施"),
            ("5.1.1\t○\n６．２．２\t非該当\n", "非該当"),
            ("9.2.1, not-implemented\n", "not-implemented"),
        ] {
            let err = from_pasted_text(path, text).unwrap_err();
            assert!(
                err.to_string()
                    .contains(&format!("the line marks its id '{word}'")),
                "{text}: {err}"
            );
        }
        // header words, "No" columns and titles are no marks
        let att = from_pasted_text(
            path,
            "No 管理策番号 管理策 実施状況\n1 5.1.1 方針 実施\n2 9.2.1 利用者登録の対象外の扱い 実施\nNo. 9.2.2\n",
        )
        .unwrap();
        assert_eq!(att.controls.len(), 3);
    }

    #[test]
    fn lone_suffix_joins_the_id_before_it() {
        assert_eq!(ids("8.1.5 P 9.1.1").0, ["8.1.5.P", "9.1.1"]);
    }
}
