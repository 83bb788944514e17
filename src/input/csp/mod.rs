//! A CSP's control list, read by kind: the input is classified first (`classify`: a profile,
//! or per table or sheet a published list or a status table), then read by the module of its
//! kind (`published`, `status_table`, `profile`). An id is credited only where the input
//! positively states it implemented; what the reader cannot classify or read stops the run
//! with an error naming the place.
mod classify;
mod ids;
mod profile;
mod published;
mod status_table;
mod vocab;

use std::path::Path;

use crate::catalog::{Catalog, RefKind, Resolution};
use crate::error::{InputError, Location};
use crate::input::decode::{decode, Encoding};
use crate::input::table::{self, Merged, Sheet};
use crate::input::FileKind;
use crate::model::{
    Attestation, Declared, ListedControl, ReadAs, ReadKind, ReadPart, SkipReason, SkippedSheet,
};
use crate::text::fold_width;

use classify::{Layout, TableKind};
use published::{Line, Listed, Source};
use vocab::SheetMeaning;

pub use ids::extract_ids;
pub use profile::{profile_from_str, DEFAULT_INHERITED};

/// How to read a CSP input: the encoding of text, the sheet of a workbook (`--csp-sheet`;
/// `readiness --sheet`), the status column of a table (`--status-column`).
#[derive(Debug, Clone, Copy, Default)]
pub struct CspOptions<'a> {
    pub encoding: Option<Encoding>,
    pub sheet: Option<&'a str>,
    pub status_column: Option<&'a str>,
}

/// Reads a CSP's control list, whatever its form: a profile (`.yaml`, `.yml`, `.json`, or a
/// profile's content under another name), a CSV/TSV table, a workbook (every visible sheet,
/// or `opts.sheet`), or pasted text.
pub fn load(path: &Path, opts: &CspOptions, catalog: &Catalog) -> Result<Attestation, InputError> {
    match FileKind::of(path) {
        FileKind::Yaml | FileKind::Json => profile::load(path, opts.encoding, catalog),
        FileKind::Workbook => from_workbook(path, opts, catalog),
        FileKind::Text => {
            let bytes = table::read_text_bytes(path)?;
            let text = decode(path, &bytes, opts.encoding)?;
            if let Some(syntax) = classify::profile_syntax(&text) {
                return profile::from_text(path, &text, syntax, opts.encoding, catalog);
            }
            let is_csv = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("tsv"));
            if is_csv {
                let sheet = table::read_csv_text(path, &text)?;
                return match read_table(&sheet, opts, catalog)? {
                    Some(part) => from_parts(path, vec![part], Vec::new(), catalog),
                    None => Err(no_ids(path, ignored_tokens(&sheet))),
                };
            }
            from_text(path, &text, catalog)
        }
    }
}

/// The key two statements of one control share, in any spelling (`9.2.3`, `A.9.2.3`,
/// `９．２．３`): the catalog id it resolves to, else its canonical form.
pub(crate) fn meaning_key(catalog: &Catalog, raw: &str) -> String {
    match catalog.resolve(raw) {
        Resolution::Resolved { kind, targets, .. }
            if kind != RefKind::Nist && targets.len() == 1 =>
        {
            targets[0].id.clone()
        }
        _ => {
            crate::catalog::id::canonical(raw).unwrap_or_else(|| fold_width(raw).trim().to_owned())
        }
    }
}

/// What one table or sheet gave.
struct Part {
    read: ReadPart,
    listed: Listed,
    tracks_evidence: bool,
}

/// Pasted text: a published list.
fn from_text(path: &Path, text: &str, catalog: &Catalog) -> Result<Attestation, InputError> {
    let lines: Vec<Line> = text
        .lines()
        .enumerate()
        .map(|(i, l)| Line::of_text(i + 1, l))
        .collect();
    let source = Source {
        loc: Location::file(path),
        rows: false,
    };
    let listed = published::read(&lines, &source, catalog, Declared::Implemented, &|_| {
        String::new()
    })?;
    if listed.controls.is_empty() {
        return Err(no_ids(path, listed.ignored));
    }
    let part = Part {
        read: ReadPart {
            kind: ReadKind::PublishedList,
            ..ReadPart::default()
        },
        listed,
        tracks_evidence: false,
    };
    from_parts(path, vec![part], Vec::new(), catalog)
}

/// A table (a CSV file or a sheet) read by its kind; `None` when it states no control.
fn read_table(
    sheet: &Sheet,
    opts: &CspOptions,
    catalog: &Catalog,
) -> Result<Option<Part>, InputError> {
    let meaning = sheet
        .sheet
        .as_deref()
        .map_or(SheetMeaning::Statements, vocab::sheet_meaning);
    let Some(layout) = classify::classify(sheet, opts.status_column, catalog)? else {
        return Ok(None);
    };
    let part = match &layout.kind {
        TableKind::PublishedList { reason } => {
            let stated = match meaning {
                SheetMeaning::Statements | SheetMeaning::History => Declared::Implemented,
                SheetMeaning::Status(d) => d,
                SheetMeaning::Statuses => {
                    return Err(InputError::at(
                        sheet.location(),
                        "the sheet's name states more than one status, and its rows state none: it cannot be read",
                    )
                    .hint("name the sheet by one status (非該当, 未実施, 計画中), or give each row its status in a status column (実施状況)"))
                }
            };
            let lines: Vec<Line> = sheet
                .rows
                .iter()
                .enumerate()
                .map(|(i, row)| Line {
                    number: i + 1,
                    cells: row
                        .iter()
                        .enumerate()
                        .map(|(c, text)| published::Cell {
                            column: Some(layout.name(c).to_owned()),
                            text,
                        })
                        .collect(),
                })
                .collect();
            let source = Source {
                loc: sheet.location(),
                rows: true,
            };
            let reason_of = |n: usize| {
                reason
                    .and_then(|c| sheet.rows.get(n - 1).and_then(|r| r.get(c)))
                    .map(|s| s.trim().to_owned())
                    .unwrap_or_default()
            };
            let listed = published::read(&lines, &source, catalog, stated, &reason_of)?;
            Part {
                read: ReadPart {
                    sheet: sheet.sheet.clone(),
                    kind: ReadKind::PublishedList,
                    id_column: id_column_name(&layout),
                    status_column: None,
                    stated_by_sheet_name: (stated != Declared::Implemented).then_some(stated),
                },
                listed,
                tracks_evidence: false,
            }
        }
        TableKind::StatusTable(cols) => {
            let says = match meaning {
                SheetMeaning::Status(_) | SheetMeaning::Statuses => sheet.sheet.as_deref(),
                SheetMeaning::Statements | SheetMeaning::History => None,
            };
            let listed = status_table::read(sheet, &layout, cols, catalog, says)?;
            Part {
                read: ReadPart {
                    sheet: sheet.sheet.clone(),
                    kind: ReadKind::StatusTable,
                    id_column: Some(layout.name(layout.id_column).to_owned()),
                    status_column: layout.status_name(),
                    stated_by_sheet_name: None,
                },
                listed,
                tracks_evidence: cols.evidence.is_some(),
            }
        }
    };
    Ok((!part.listed.controls.is_empty()).then_some(part))
}

/// The id column of a published list, or `None` when its ids stand in several columns
/// (a PDF table saved as a grid), every cell of which was read.
fn id_column_name(layout: &Layout) -> Option<String> {
    (!layout.grid).then(|| layout.name(layout.id_column).to_owned())
}

/// Tokens of a table that are not ids, for messages about a table without ids.
fn ignored_tokens(sheet: &Sheet) -> usize {
    extract_ids(
        sheet
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| (i + 1, r.join("\t"))),
    )
    .1
}

/// Every visible sheet of a workbook (or the one `opts.sheet` names): a sheet named like a
/// history of changes is not read, a sheet named like a status is read by that meaning.
fn from_workbook(
    path: &Path,
    opts: &CspOptions,
    catalog: &Catalog,
) -> Result<Attestation, InputError> {
    if let Some(wanted) = opts.sheet {
        let sheet = table::read_workbook_with(path, Some(wanted), Merged::FillDown)?;
        if let Some(name) = sheet.sheet.as_deref() {
            if vocab::sheet_meaning(name) == SheetMeaning::History {
                return Err(InputError::at(
                    sheet.location(),
                    "the sheet's name says it is a history of changes, not a list of controls",
                )
                .hint("pick the sheet that states the controls, or rename this one"));
            }
        }
        return match read_table(&sheet, opts, catalog)? {
            Some(part) => from_parts(path, vec![part], Vec::new(), catalog),
            None => Err(InputError::at(
                sheet.location(),
                format!(
                    "found no ISMAP control ids on the sheet ({} other tokens ignored)",
                    ignored_tokens(&sheet)
                ),
            )
            .hint("pick the sheet with the CSP's control ids (e.g. 5.1.1 or 8.1.5.P), or leave the sheet out to read every visible one")),
        };
    }
    let names = table::sheet_names(path)?;
    let mut skipped: Vec<SkippedSheet> = names
        .iter()
        .filter(|(_, visible)| !visible)
        .map(|(n, _)| SkippedSheet {
            sheet: n.clone(),
            why: SkipReason::Hidden,
        })
        .collect();
    let mut visible: Vec<&str> = names
        .iter()
        .filter(|(_, v)| *v)
        .map(|(n, _)| n.as_str())
        .collect();
    if visible.is_empty() {
        // every sheet hidden: the first is read
        visible = names.iter().take(1).map(|(n, _)| n.as_str()).collect();
        skipped.retain(|s| !visible.contains(&s.sheet.as_str()));
    }
    let mut parts = Vec::new();
    let mut read_names = Vec::new();
    let mut ignored = 0;
    for name in visible {
        if vocab::sheet_meaning(name) == SheetMeaning::History {
            skipped.push(SkippedSheet {
                sheet: name.to_owned(),
                why: SkipReason::History,
            });
            continue;
        }
        read_names.push(name);
        let sheet = table::read_workbook_with(path, Some(name), Merged::FillDown)?;
        match read_table(&sheet, opts, catalog)? {
            Some(part) => parts.push(part),
            None => {
                ignored += ignored_tokens(&sheet);
                skipped.push(SkippedSheet {
                    sheet: name.to_owned(),
                    why: SkipReason::NoIds,
                });
            }
        }
    }
    if parts.is_empty() {
        let not_read: Vec<String> = skipped
            .iter()
            .filter(|s| s.why != SkipReason::NoIds)
            .map(|s| format!("{} ({})", s.sheet, s.why.label(crate::lang::Lang::En)))
            .collect();
        let not_read = match not_read.as_slice() {
            [] => String::new(),
            n => format!("; not read: {}", n.join(", ")),
        };
        return Err(InputError::at(
            Location::file(path),
            format!(
                "found no ISMAP control ids on any sheet (read: {}{not_read}; {ignored} other tokens ignored)",
                read_names.join(", ")
            ),
        )
        .hint("put the CSP's control ids (e.g. 5.1.1 or 8.1.5.P) on a visible sheet, or a status table with id and status columns"));
    }
    // sheets in the workbook's order
    skipped.sort_by_key(|s| names.iter().position(|(n, _)| *n == s.sheet));
    from_parts(path, parts, skipped, catalog)
}

/// The attestation of the parts read, once every control is stated alike wherever it is
/// stated.
fn from_parts(
    path: &Path,
    parts: Vec<Part>,
    skipped: Vec<SkippedSheet>,
    catalog: &Catalog,
) -> Result<Attestation, InputError> {
    let kind = match parts.first().map(|p| p.read.kind) {
        Some(k) if parts.iter().all(|p| p.read.kind == k) => k,
        Some(_) => ReadKind::Mixed,
        None => ReadKind::PublishedList,
    };
    let mut controls = Vec::new();
    let mut at = Vec::new();
    let mut read = Vec::new();
    let (mut ignored, mut tracks_evidence) = (0, false);
    for part in parts {
        controls.extend(part.listed.controls);
        at.extend(part.listed.at);
        ignored += part.listed.ignored;
        tracks_evidence |= part.tracks_evidence;
        read.push(part.read);
    }
    reject_conflicts(&controls, &at, catalog)?;
    Ok(Attestation {
        source: path.to_path_buf(),
        controls,
        tracks_evidence,
        ignored_tokens: ignored,
        read_as: ReadAs {
            kind,
            parts: read,
            skipped,
        },
        ..Attestation::default()
    })
}

/// A control stated twice, in any spelling (`9.2.3`, `A.9.2.3`, `９．２．３`), must be stated
/// alike: a later row never silently overrides an earlier one's status, reason, evidence or
/// owner (identical repeats are fine).
fn reject_conflicts(
    controls: &[ListedControl],
    at: &[Location],
    catalog: &Catalog,
) -> Result<(), InputError> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, c) in controls.iter().enumerate() {
        let j = *seen.entry(meaning_key(catalog, &c.raw)).or_insert(i);
        let first = &controls[j];
        let Some((now, before)) = differences(c, first) else {
            continue;
        };
        let (here, there) = (&at[i], &at[j]);
        let place = match (there.row.or(there.line), there.sheet == here.sheet) {
            (Some(r), true) => format!("{} {r}", if there.row.is_some() { "row" } else { "line" }),
            (Some(r), false) => format!("sheet '{}' row {r}", there.sheet.as_deref().unwrap_or("")),
            (None, _) => "an earlier row".to_owned(),
        };
        let same = if fold_width(&c.raw) == fold_width(&first.raw) {
            String::new()
        } else {
            format!(" (the same control as {})", first.raw)
        };
        return Err(InputError::at(
            here.clone(),
            format!(
                "{}{same} is listed again, differently: {now} here; {before} on {place}",
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

fn no_ids(path: &Path, ignored: usize) -> InputError {
    InputError::at(
        Location::file(path),
        format!("found no ISMAP control ids ({ignored} other tokens ignored)"),
    )
    .hint("paste the table of implemented control objectives from the CSP's published list (ids like 5.1.1 or 8.1.5.P)")
}
