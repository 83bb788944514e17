//! A CSP's published control list: pasted PDF text, a CSV/spreadsheet, or a YAML profile.
use std::path::Path;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::catalog::id::IsmapId;
use crate::date::Date;
use crate::error::{InputError, Location};
use crate::input::decode::{decode, Encoding};
use crate::input::{read_bytes, table, FileKind, Scalar};
use crate::model::{Attestation, ListedId, Period};
use crate::text::fold_width;

/// Reads a CSP list or profile by the file's kind.
pub fn load(path: &Path, encoding: Option<Encoding>) -> Result<Attestation, InputError> {
    match FileKind::of(path) {
        FileKind::Yaml | FileKind::Json => load_profile(path, encoding),
        FileKind::Workbook => {
            let sheet = table::read_workbook(path, None)?;
            from_cells(
                path,
                sheet
                    .rows
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (i + 1, r.join("\t"))),
            )
        }
        FileKind::Text => {
            let bytes = read_bytes(path)?;
            let text = decode(path, &bytes, encoding)?;
            from_cells(
                path,
                text.lines().enumerate().map(|(i, l)| (i + 1, l.to_owned())),
            )
        }
    }
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
pub fn extract_ids(lines: impl Iterator<Item = (usize, String)>) -> (Vec<ListedId>, usize) {
    let mut ids: Vec<ListedId> = Vec::new();
    let mut ignored = 0;
    for (line, text) in lines {
        let folded = fold_width(&text);
        let mut last_was_bare_id = false;
        for tok in tokens(&folded) {
            let tok = tok.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '「' | '」'));
            match IsmapId::parse(tok).filter(IsmapId::is_plausible_listed_id) {
                Some(id) => {
                    last_was_bare_id = id.suffix.is_none();
                    ids.push(ListedId {
                        raw: tok.to_owned(),
                        line: Some(line),
                    });
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
    let (implemented, ignored) = extract_ids(lines);
    if implemented.is_empty() {
        return Err(InputError::at(
            Location::file(path),
            format!("found no ISMAP control ids ({ignored} other tokens ignored)"),
        )
        .hint("paste the table of implemented control objectives from the CSP's published list (ids like 5.1.1 or 8.1.5.P)"));
    }
    Ok(Attestation {
        source: path.to_path_buf(),
        implemented,
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
}

fn load_profile(path: &Path, encoding: Option<Encoding>) -> Result<Attestation, InputError> {
    let bytes = read_bytes(path)?;
    let text = decode(path, &bytes, encoding)?;
    let loc = Location::file(path);
    let hint = "profile fields are name, registration_number, registered, renewal_deadline, audit_period (from, to), scope, implemented, not_applicable";
    let doc: ProfileDoc = match FileKind::of(path) {
        FileKind::Json => serde_json::from_str(&text).map_err(|e| {
            InputError::at(
                loc.clone().line(e.line()),
                format!("invalid CSP profile: {e}"),
            )
        }),
        _ => serde_yaml::from_str(&text).map_err(|e| {
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
    let listed = |raw: String| ListedId { raw, line: None };
    Ok(Attestation {
        source: path.to_path_buf(),
        name: doc.name.filter(|n| !n.trim().is_empty()),
        registration_number: doc.registration_number.map(Scalar::into_string),
        registered: date("registered", doc.registered)?,
        renewal_deadline: date("renewal_deadline", doc.renewal_deadline)?,
        audit_period,
        scope: doc.scope,
        implemented: doc
            .implemented
            .into_iter()
            .map(|s| listed(s.into_string()))
            .collect(),
        not_applicable: doc
            .not_applicable
            .0
            .into_iter()
            .map(|(id, reason)| (listed(id), reason))
            .collect(),
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
