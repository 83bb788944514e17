//! A CSP's published control list: pasted PDF text, a CSV/spreadsheet, or a YAML profile.
use std::path::Path;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::catalog::id::IsmapId;
use crate::date::Date;
use crate::error::{InputError, Location};
use crate::input::decode::{decode, Encoding};
use crate::input::{read_bytes, table, FileKind, Scalar};
use crate::model::{Attestation, Declared, ListedControl, Period, Underlying};
use crate::text::fold_width;

/// Reads a control list by the file's kind: a YAML/JSON profile, a status table (id and
/// status columns found by name), or any text or sheet scanned for id-shaped tokens.
pub fn load(path: &Path, encoding: Option<Encoding>) -> Result<Attestation, InputError> {
    load_sheet(path, encoding, None)
}

/// [`load`], choosing the sheet of a workbook.
pub fn load_sheet(
    path: &Path,
    encoding: Option<Encoding>,
    sheet: Option<&str>,
) -> Result<Attestation, InputError> {
    match FileKind::of(path) {
        FileKind::Yaml | FileKind::Json => load_profile(path, encoding),
        FileKind::Workbook => {
            let sheet = table::read_workbook(path, sheet)?;
            from_sheet(path, &sheet)
        }
        FileKind::Text => {
            let bytes = read_bytes(path)?;
            let text = decode(path, &bytes, encoding)?;
            let is_csv = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("tsv"));
            if is_csv {
                let sheet = table::read_csv_text(path, &text)?;
                return from_sheet(path, &sheet);
            }
            from_cells(
                path,
                text.lines().enumerate().map(|(i, l)| (i + 1, l.to_owned())),
            )
        }
    }
}

/// A status table when its header names an id and a status column; else every cell scanned.
fn from_sheet(path: &Path, sheet: &table::Sheet) -> Result<Attestation, InputError> {
    match status_table(sheet)? {
        Some(att) => Ok(att),
        None => from_cells(
            path,
            sheet
                .rows
                .iter()
                .enumerate()
                .map(|(i, r)| (i + 1, r.join("\t"))),
        ),
    }
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

/// Reads a readiness table (id, status, reason, evidence, owner), or `None` when the sheet
/// has no header with both an id and a status column.
fn status_table(sheet: &table::Sheet) -> Result<Option<Attestation>, InputError> {
    let find = |cells: &[String]| -> Vec<(Col, usize)> {
        let mut found: Vec<(Col, usize)> = Vec::new();
        for (i, cell) in cells.iter().enumerate() {
            let k = crate::text::header_key(cell);
            if let Some((col, _)) = COLUMNS.iter().find(|(_, names)| names.contains(&&*k)) {
                if !found.iter().any(|(c, _)| c == col) {
                    found.push((*col, i));
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
    let mut controls = Vec::new();
    let mut ignored = 0;
    for (i, cells) in sheet.rows.iter().enumerate().skip(header_row + 1) {
        let row = i + 1;
        let get = |c: Col| {
            col(c)
                .and_then(|i| cells.get(i))
                .map(|s| s.trim().to_owned())
                .unwrap_or_default()
        };
        let id_cell = get(Col::Id);
        if id_cell.is_empty() {
            if cells.iter().any(|c| !c.trim().is_empty()) {
                ignored += 1;
            }
            continue;
        }
        let (ids, skipped) = extract_ids(std::iter::once((row, id_cell.clone())));
        ignored += skipped;
        if ids.is_empty() {
            continue;
        }
        let status_cell = get(Col::Status);
        let declared = Declared::parse(&status_cell).ok_or_else(|| {
            let name = col(Col::Status).and_then(|i| header.get(i)).cloned().unwrap_or_default();
            InputError::at(
                sheet.location().row(row).column(name.trim()),
                format!("unknown status '{status_cell}' for {id_cell}"),
            )
            .hint("use implemented/実施, not-applicable/非該当・対象外, planned/計画中 or not-implemented/未実施")
        })?;
        for mut c in ids {
            c.declared = declared;
            c.reason = get(Col::Reason);
            c.evidence = get(Col::Evidence);
            c.owner = get(Col::Owner);
            controls.push(c);
        }
    }
    if controls.is_empty() {
        return Err(InputError::at(
            sheet.location().row(header_row + 1),
            "the status table has a header but no control ids below it",
        )
        .hint("put one ISMAP id (e.g. 9.2.1) per row in the id column"));
    }
    Ok(Some(Attestation {
        source: sheet.path.clone(),
        controls,
        tracks_evidence: col(Col::Evidence).is_some(),
        ignored_tokens: ignored,
        ..Attestation::default()
    }))
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

fn from_cells(
    path: &Path,
    lines: impl Iterator<Item = (usize, String)>,
) -> Result<Attestation, InputError> {
    let (controls, ignored) = extract_ids(lines);
    if controls.is_empty() {
        return Err(InputError::at(
            Location::file(path),
            format!("found no ISMAP control ids ({ignored} other tokens ignored)"),
        )
        .hint("paste the table of implemented control objectives from the CSP's published list (ids like 5.1.1 or 8.1.5.P)"));
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
#[serde(deny_unknown_fields)]
struct ProfileDoc {
    name: Option<String>,
    registration_number: Option<Scalar>,
    registered: Option<String>,
    renewal_deadline: Option<String>,
    audit_period: Option<PeriodDoc>,
    #[serde(default)]
    scope: Vec<String>,
    #[serde(default)]
    implemented: Vec<Scalar>,
    #[serde(default)]
    not_applicable: Exclusions,
    /// Profile of the service this one runs on, relative to this file's folder.
    inherits: Option<String>,
    /// What is relied on from it: clause, category or objective ids (default: 11).
    inherited: Option<Vec<Scalar>>,
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
    let hint = "profile fields are name, registration_number, registered, renewal_deadline, audit_period (from, to), scope, implemented, not_applicable, inherits, inherited";
    let doc: ProfileDoc = match FileKind::of(path) {
        FileKind::Json => serde_json::from_str(text).map_err(|e| {
            InputError::at(
                loc.clone().line(e.line()),
                format!("invalid CSP profile: {e}"),
            )
        }),
        _ => serde_yaml::from_str(text).map_err(|e| {
            let l = e.location().map(|l| l.line()).unwrap_or(1);
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_owned();
            InputError::at(loc.clone().line(l), format!("invalid CSP profile: {msg}"))
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
        registered: date("registered", doc.registered)?,
        renewal_deadline: date("renewal_deadline", doc.renewal_deadline)?,
        audit_period,
        scope: doc.scope,
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

    #[test]
    fn lone_suffix_joins_the_id_before_it() {
        assert_eq!(ids("8.1.5 P 9.1.1").0, ["8.1.5.P", "9.1.1"]);
    }
}
