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
            load_text(path, &text, opts, catalog)
        }
    }
}

/// Reads the decoded text of a file that is not a workbook, as [`load`] does: a profile by
/// its content, a table by its name (`.csv`, `.tsv`), else a pasted list. `path` names it in
/// messages (and anchors a profile's `inherits:`).
pub fn load_text(
    path: &Path,
    text: &str,
    opts: &CspOptions,
    catalog: &Catalog,
) -> Result<Attestation, InputError> {
    if let Some(syntax) = classify::profile_syntax(text) {
        return profile::from_text(path, text, syntax, opts.encoding, catalog);
    }
    if crate::input::is_table_file(path) {
        let sheet = table::read_csv_text(path, text)?;
        return match read_table(&sheet, opts, catalog)? {
            Some(part) => from_parts(path, vec![part], Vec::new(), catalog),
            None => Err(no_ids(path, ignored_tokens(&sheet))),
        };
    }
    from_text(path, text, catalog)
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
    let lines = published::lines_of(text);
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
        TableKind::PublishedList { reason, free } => {
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
                            free: free.contains(&c),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog::embedded().unwrap()
    }

    /// A CSV read as `load` reads it.
    fn csv(text: &str) -> Result<Attestation, InputError> {
        let path = Path::new("t.csv");
        let catalog = catalog();
        let sheet = table::read_csv_text(path, text).unwrap();
        match read_table(&sheet, &CspOptions::default(), &catalog)? {
            Some(part) => from_parts(path, vec![part], Vec::new(), &catalog),
            None => Err(no_ids(path, 0)),
        }
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
            assert_eq!(att.read_as.kind, ReadKind::StatusTable);
            assert_eq!(
                att.read_as.parts[0].status_column.as_deref(),
                Some(header),
                "{header}"
            );
        }
    }

    #[test]
    fn plain_lists_without_status_words_stay_plain() {
        for text in [
            "No,管理策番号,名称\n1,5.1.1,方針\n2,5.1.2,見直し\n",
            "統制目標番号\n5.1.1\n5.1.2\n",
            "No,管理策番号\n1,5.1.1\n",
            "管理策番号,備考\n5.1.1,no change since 2024\n5.1.2,\n6.2.2,外部委託\n",
            "管理策番号,証跡,担当\n5.1.1,なし,総務\n",
            // a title of its own column may hold brackets
            "管理策番号,管理策名\n5.1.1,方針（全社）\n",
        ] {
            let att = csv(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert!(att
                .controls
                .iter()
                .all(|c| c.declared == Declared::Implemented));
            assert_eq!(att.read_as.kind, ReadKind::PublishedList, "{text}");
            assert_eq!(
                att.read_as.parts[0]
                    .id_column
                    .as_deref()
                    .map(|c| c.contains("番号")),
                Some(true),
                "{text}"
            );
        }
    }

    /// Beside a named status column, a title column is a title column, whatever words it
    /// holds.
    #[test]
    fn titles_beside_a_status_column_are_titles() {
        let att = csv("管理策番号,管理策名,実施状況\n5.1.1,方針の除外手順（対象外なし）,実施\n5.1.2,見直し,未実施\n").unwrap();
        assert_eq!(
            states(&att),
            [
                ("5.1.1".to_owned(), Declared::Implemented, Some(2)),
                ("5.1.2".to_owned(), Declared::NotImplemented, Some(3)),
            ]
        );
    }

    /// Two statements of one control, in any spelling, must agree; the message names both.
    #[test]
    fn a_control_stated_twice_must_be_stated_alike() {
        let ok =
            csv("管理策番号,実施状況,理由,証跡\n5.1.1,実施,,E1\n５．１．１,実施,,E1\n").unwrap();
        assert_eq!(ok.controls.len(), 2);
        let err =
            csv("管理策番号,実施状況,理由,証跡\n5.1.1,実施,,E1\n5.1.1,未実施,,\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.csv: row 3: 5.1.1 is listed again, differently: not implemented, no evidence here; implemented, evidence 'E1' on row 2 (hint: list each control once, or make its rows agree on status, reason, evidence and owner)"
        );
        for (a, b) in [
            ("9.2.3", "A.9.2.3"),
            ("９．２．３", "A.9.2.3"),
            ("A.9.2.3", "9.2.3"),
        ] {
            let err = csv(&format!("管理策番号,実施状況\n{a},未実施\n{b},実施\n")).unwrap_err();
            assert!(
                err.to_string().contains(&format!(
                    "row 3: {b} (the same control as {}) is listed again, differently: implemented here; not implemented on row 2",
                    fold_width(a)
                )),
                "{a} {b}: {err}"
            );
        }
        let err = csv("管理策番号,実施状況,証跡\n8.1.5.P,実施,E1\n8.1.5P,実施,E2\n").unwrap_err();
        assert!(err.to_string().contains("row 3: 8.1.5P (the same control as 8.1.5.P) is listed again, differently: implemented, evidence 'E2' here; implemented, evidence 'E1' on row 2"), "{err}");
    }

    #[test]
    fn a_profile_may_not_both_implement_and_exclude_a_control() {
        let catalog = catalog();
        for (implemented, excluded) in [
            ("5.1.1", "５．１．１"),
            ("A.9.2.1", "9.2.1"),
            ("8.1.5P", "CLD.8.1.5"),
        ] {
            let err = profile_from_str(
                Path::new("p.yaml"),
                &format!(
                    "name: x\nimplemented: [{implemented}]\nnot_applicable:\n  {excluded}: both\n"
                ),
                &catalog,
            )
            .unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("p.yaml: column 'not_applicable': {excluded} is listed under both `implemented` and `not_applicable` (hint: keep it under one: `implemented` if the service implements it, `not_applicable` with the reason if it does not apply)")
            );
        }
        let ok = profile_from_str(
            Path::new("p.yaml"),
            "implemented: [5.1.1, 5.1.1]\nnot_applicable:\n  6.2.2: none\n",
            &catalog,
        )
        .unwrap();
        assert_eq!(ok.controls.len(), 3);
        assert_eq!(ok.read_as.kind, ReadKind::Profile);
    }

    /// A profile that is not a mapping (a pasted list saved as .yaml) says what a profile
    /// is, quoting the text short; JSON errors keep their real line, never 0.
    #[test]
    fn profile_parse_errors_are_short_and_placed() {
        let catalog = catalog();
        let text = format!("{}\n", "5.1.1 9.2.1 ".repeat(20));
        let err = profile_from_str(Path::new("list.yaml"), &text, &catalog)
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
        let err = profile::from_text(
            Path::new("p.json"),
            "{\n\"name\": \"x\",\n\"bogus\": 1}",
            classify::ProfileSyntax::Json,
            None,
            &catalog,
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.starts_with("p.json: line 3: invalid CSP profile: unknown field `bogus`"),
            "{err}"
        );
    }

    #[test]
    fn a_profile_lists_objectives_not_clauses_and_some_controls() {
        let catalog = catalog();
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
            (
                "name: x\nimplemented: []\n",
                "column 'implemented': the profile lists no controls",
            ),
            (
                "name: x\n",
                "column 'implemented': the profile lists no controls",
            ),
        ] {
            let err = profile_from_str(Path::new("p.yaml"), text, &catalog)
                .unwrap_err()
                .to_string();
            assert!(err.contains(want), "{text}: {err}");
        }
        assert!(profile_from_str(
            Path::new("p.yaml"),
            "implemented: [9.2.1, 8.1.5P]\n",
            &catalog
        )
        .is_ok());
        let only_excluded = "implemented: []\nnot_applicable:\n  6.2.2: none\n";
        assert!(profile_from_str(Path::new("p.yaml"), only_excluded, &catalog).is_ok());
    }

    /// A pasted list is a published list: `read_as` says so, and names no column.
    #[test]
    fn pasted_text_reads_as_a_published_list() {
        let att = from_text(
            Path::new("l.txt"),
            "統制目標 番号\n5.1.1\t5.1.2\n",
            &catalog(),
        )
        .unwrap();
        assert_eq!(att.read_as.kind, ReadKind::PublishedList);
        assert_eq!(att.read_as.parts.len(), 1);
        assert_eq!(att.read_as.parts[0].id_column, None);
        assert_eq!(att.controls.len(), 2);
        let err = from_text(Path::new("l.txt"), "統制目標 番号\n", &catalog()).unwrap_err();
        assert!(
            err.to_string()
                .contains("found no ISMAP control ids (2 other tokens ignored)"),
            "{err}"
        );
    }
}
