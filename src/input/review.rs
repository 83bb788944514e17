//! A previous gap report (`report --review PREVIOUS`): the gap sheet of a workbook, or the
//! CSV, that `ismap-gap report` wrote, possibly edited since (in Excel, LibreOffice or by
//! a program), read back for its items' ids, statuses, reason codes, decisions and
//! comments. A file whose header is not the tool's, or whose ids repeat, is refused.
use std::collections::HashMap;
use std::path::Path;

use crate::analysis::review::{Decision, Previous, PreviousItem};
use crate::analysis::Status;
use crate::error::{InputError, Location};
use crate::input::decode::Encoding;
use crate::input::table::{self, Sheet};
use crate::input::FileKind;
use crate::lang::Lang;
use crate::report::gap::{col, item_headers, reviewer_headers, workbook_headers};

/// Where the columns a review is read from sit in a gap sheet's header row.
struct Header {
    id: usize,
    title: usize,
    status: usize,
    /// The status code (`covered`), when the sheet has it (workbooks since the code
    /// column; else the status is read from its label).
    status_code: Option<usize>,
    reasons: usize,
    decision: usize,
    comment: usize,
    /// The id and status columns' headers, for errors.
    names: [&'static str; 2],
}

/// The header row of a gap sheet or CSV the tool wrote, in either language: id, title,
/// status, procedures, decision, comment, reason codes and row are all there.
fn header_of(row: &[String]) -> Option<Header> {
    for lang in [Lang::Ja, Lang::En] {
        let h = item_headers(lang);
        let [decision, comment] = reviewer_headers(lang);
        let find = |name: &str| row.iter().position(|c| c.trim() == name);
        let wanted = [
            h[col::ID],
            h[col::TITLE],
            h[col::STATUS],
            h[col::PROCEDURES],
            decision,
            comment,
            h[col::REASONS],
            h[col::ROW],
        ];
        let found: Vec<Option<usize>> = wanted.iter().map(|n| find(n)).collect();
        if let [Some(id), Some(title), Some(status), Some(_), Some(d), Some(c), Some(reasons), Some(_)] =
            found[..]
        {
            return Some(Header {
                id,
                title,
                status,
                status_code: find(workbook_headers(lang)[1]),
                reasons,
                decision: d,
                comment: c,
                names: [h[col::ID], h[col::STATUS]],
            });
        }
    }
    None
}

/// Where the header of a gap sheet was looked for.
#[derive(Clone, Copy)]
enum LookedAt {
    FirstRow,
    EverySheet,
}

/// The error for a file whose header is not that of a gap report the tool wrote.
fn not_ours(loc: Location, looked: LookedAt) -> InputError {
    let h = item_headers(Lang::Ja);
    let [decision, comment] = reviewer_headers(Lang::Ja);
    let (id, status, reasons) = (h[col::ID], h[col::STATUS], h[col::REASONS]);
    InputError::at(
        loc,
        match looked {
            LookedAt::FirstRow => format!(
                "not a gap report written by ismap-gap: its first row is not the header row of a gap sheet ({id}, {status}, {decision}, {comment}, {reasons}, …)"
            ),
            LookedAt::EverySheet => format!(
                "not a gap report written by ismap-gap: no visible sheet has the header row of a gap sheet ({id}, {status}, {decision}, {comment}, {reasons}, …)"
            ),
        },
    )
    .hint("give the .xlsx (its ギャップ/Gaps sheet) or .csv that `ismap-gap report` wrote, with its header row as written")
}

/// Reads a previous gap report: a workbook's gap sheet (ギャップ or Gaps, else the one
/// visible sheet with the gap sheet's header), or a CSV; the header must be in row 1.
pub fn load(path: &Path, encoding: Option<Encoding>) -> Result<Previous, InputError> {
    let sheet = match FileKind::of(path) {
        FileKind::Workbook => gap_sheet(path)?,
        FileKind::Text => {
            let sheet = table::read(path, encoding, None)?;
            if sheet.rows.first().and_then(|r| header_of(r)).is_none() {
                return Err(not_ours(Location::file(path), LookedAt::FirstRow));
            }
            sheet
        }
        FileKind::Yaml | FileKind::Json => {
            return Err(InputError::at(
                Location::file(path),
                "a previous review is read from the workbook or CSV `ismap-gap report` wrote, not from YAML or JSON",
            )
            .hint("give the .xlsx or .csv of the previous report (the JSON has no reviewer's columns to fill in)"))
        }
    };
    let source = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok(Previous {
        source,
        items: items(&sheet)?,
    })
}

/// The gap sheet of a workbook: named ギャップ or Gaps with the tool's header, else the one
/// visible sheet that has it.
fn gap_sheet(path: &Path) -> Result<Sheet, InputError> {
    let names = table::sheet_names(path)?;
    let mut candidates: Vec<&str> = names
        .iter()
        .filter(|(_, visible)| *visible)
        .map(|(n, _)| n.as_str())
        .collect();
    // the gap report's own sheet first, in either language
    candidates.sort_by_key(|n| !matches!(*n, "ギャップ" | "Gaps"));
    let mut matching = Vec::new();
    for name in candidates {
        let sheet = table::read_workbook(path, Some(name))?;
        if sheet.rows.first().and_then(|r| header_of(r)).is_some() {
            if matches!(name, "ギャップ" | "Gaps") {
                return Ok(sheet);
            }
            matching.push(sheet);
        }
    }
    match matching.len() {
        1 => Ok(matching.remove(0)),
        0 => Err(not_ours(Location::file(path), LookedAt::EverySheet)),
        _ => {
            let names: Vec<String> = matching.iter().filter_map(|s| s.sheet.clone()).collect();
            Err(InputError::at(
                Location::file(path),
                format!(
                    "several sheets are gap sheets ({}): which one holds the review is unclear",
                    names.join(", ")
                ),
            )
            .hint("give the workbook `ismap-gap report` wrote (one gap sheet), not a comparison"))
        }
    }
}

/// A status as the sheet writes it: its code, or its label in either language.
fn status_of(text: &str) -> Option<Status> {
    let text = text.trim();
    Status::ALL
        .into_iter()
        .find(|s| s.as_str() == text || s.label(Lang::Ja) == text || s.label(Lang::En) == text)
}

/// Every item row under the header: ids unique, statuses ones the tool writes.
fn items(sheet: &Sheet) -> Result<Vec<PreviousItem>, InputError> {
    let Some(header) = sheet.rows.first().and_then(|r| header_of(r)) else {
        return Err(not_ours(sheet.location(), LookedAt::FirstRow));
    };
    let [id_name, status_name] = header.names;
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, row) in sheet.rows.iter().enumerate().skip(1) {
        let row_no = i + 1;
        let cell = |c: usize| row.get(c).map_or("", |s| s.trim());
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let at = |column: &str| sheet.location().row(row_no).column(column);
        let id = cell(header.id);
        if id.is_empty() {
            return Err(InputError::at(at(id_name), "a row with no id").hint(
                "every row of a gap report has its item's id: restore it, or delete the row",
            ));
        }
        if let Some(first) = seen.insert(id.to_owned(), row_no) {
            return Err(InputError::at(
                at(id_name),
                format!("id '{id}' is also on row {first}: the review cannot be matched by id"),
            )
            .hint("ids of a gap report are unique: remove or renumber the copied row"));
        }
        let code = header.status_code.map(cell).filter(|c| !c.is_empty());
        let status = match code {
            Some(code) => status_of(code),
            None => status_of(cell(header.status)),
        };
        let Some(status) = status else {
            let (column, text) = match code {
                Some(code) => (workbook_headers(Lang::Ja)[1], code),
                None => (status_name, cell(header.status)),
            };
            return Err(InputError::at(
                at(column),
                format!("'{text}' is not a status ismap-gap writes"),
            )
            .hint("restore the status the report wrote (covered, partial… or 充足, 一部充足…)"));
        };
        let reasons = cell(header.reasons)
            .split([',', '、'])
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .collect();
        out.push(PreviousItem {
            id: id.to_owned(),
            title: cell(header.title).to_owned(),
            status,
            reasons,
            decision: Decision::parse(cell(header.decision)),
            comment: row.get(header.comment).cloned().unwrap_or_default(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            path: "prev.csv".into(),
            sheet: None,
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
                .collect(),
            ..Sheet::default()
        }
    }

    fn header(lang: Lang) -> Vec<&'static str> {
        let mut h = item_headers(lang);
        h.extend(reviewer_headers(lang));
        h
    }

    #[test]
    fn items_are_read_in_either_language_by_header_name() {
        let ja = header(Lang::Ja);
        let mut row = vec![""; ja.len()];
        row[col::ID] = "C-01";
        row[col::STATUS] = "一部充足";
        row[col::REASONS] = "not-listed, list-incomplete";
        row[ja.len() - 2] = "要";
        row[ja.len() - 1] = "SOC2で確認";
        let got = items(&sheet(&[&ja, &row, &[""; 3]])).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].status, Status::Partial);
        assert_eq!(got[0].reasons, ["not-listed", "list-incomplete"]);
        assert_eq!(got[0].decision, Some(Decision::Needed));
        assert_eq!(got[0].comment, "SOC2で確認");

        let en = header(Lang::En);
        let mut row = vec![""; en.len()];
        row[col::ID] = "C-02";
        row[col::STATUS] = "covered";
        row[en.len() - 2] = "under review";
        let got = items(&sheet(&[&en, &row])).unwrap();
        assert_eq!(got[0].status, Status::Covered);
        assert_eq!(got[0].decision, Some(Decision::UnderReview));
    }

    #[test]
    fn foreign_files_repeated_ids_and_unknown_statuses_are_refused() {
        let e = items(&sheet(&[&["id", "title", "status"], &["A", "", "covered"]])).unwrap_err();
        assert!(
            e.message.contains("not a gap report written by ismap-gap"),
            "{e}"
        );

        let ja = header(Lang::Ja);
        let mut a = vec![""; ja.len()];
        a[col::ID] = "C-01";
        a[col::STATUS] = "充足";
        let e = items(&sheet(&[&ja, &a, &a])).unwrap_err();
        assert_eq!(
            e.to_string(),
            "prev.csv: row 3: column '項番': id 'C-01' is also on row 2: the review cannot be matched by id (hint: ids of a gap report are unique: remove or renumber the copied row)"
        );
        let mut b = a.clone();
        b[col::STATUS] = "たぶん充足";
        let e = items(&sheet(&[&ja, &b])).unwrap_err();
        assert!(
            e.to_string()
                .contains("row 2: column '判定': 'たぶん充足' is not a status"),
            "{e}"
        );
        let mut c = a.clone();
        c[col::ID] = "";
        c[col::TITLE] = "something";
        let e = items(&sheet(&[&ja, &c])).unwrap_err();
        assert!(
            e.to_string()
                .contains("row 2: column '項番': a row with no id"),
            "{e}"
        );
    }
}
