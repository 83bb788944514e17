//! A previous gap report (`report --review PREVIOUS`): the gap sheet of a workbook, or the
//! CSV, that `ismap-gap report` wrote, possibly edited since (in Excel, LibreOffice or by
//! a program), read back for its items' ids, titles, references, what they ask (risk,
//! required assurance, note), statuses, reason codes, decisions and comments, and for what
//! its summary says it was made for (CSP, catalog, check list). A file whose header is not
//! the tool's, a sheet missing a column a review compares the verdict by, two gap sheets,
//! or ids that repeat are refused; a sheet without a column of what an item asks is read,
//! and the review marks every decision re-review.
use std::collections::HashMap;
use std::path::Path;

use crate::analysis::review::{Decision, Previous, PreviousContext, PreviousItem};
use crate::analysis::Status;
use crate::error::{InputError, Location};
use crate::input::decode::Encoding;
use crate::input::table::{self, Sheet};
use crate::input::FileKind;
use crate::lang::Lang;
use crate::report::gap::{col, item_headers, reviewer_headers, workbook_headers, SummaryFact};

/// Where the columns a review is read from sit in a gap sheet's header row.
struct Header {
    id: usize,
    title: usize,
    status: usize,
    /// The status code (`covered`), when the sheet has it (workbooks since the code
    /// column; else the status is read from its label).
    status_code: Option<usize>,
    references: usize,
    reasons: usize,
    /// The gap columns (missing, not applicable, annex only, unresolved).
    gaps: [usize; 4],
    /// The procedures column: the CSP's words it quotes are compared.
    procedures: usize,
    /// What the item asks: its risk, required assurance and note columns, each `None`
    /// when the sheet lacks it (deleted since: the review marks every decision re-review).
    ask: [Option<usize>; 3],
    /// Their headers, for the columns the sheet lacks.
    ask_names: [&'static str; 3],
    decision: usize,
    comment: usize,
    /// The id and status columns' headers, for errors.
    names: [&'static str; 2],
    /// The language of the headers (and so of the gap cells).
    lang: Lang,
}

/// What a sheet's first row says about it.
enum Shape {
    /// The header row of a gap sheet the tool wrote.
    Ours(Box<Header>),
    /// A gap sheet's header (id, title, status, decision, comment) without columns a
    /// review compares: their headers.
    Lacking(Vec<&'static str>),
    /// Not a gap sheet.
    Foreign,
}

/// The header row of a gap sheet or CSV the tool wrote, in either language: recognised
/// by its id, title, status, procedures, decision and comment columns (the printed
/// ones); the references, gap columns and reason codes are what a review compares besides, so a sheet
/// without them (deleted, trimmed) is [`Shape::Lacking`].
fn header_of(row: &[String]) -> Shape {
    for lang in [Lang::Ja, Lang::En] {
        let h = item_headers(lang);
        let [decision, comment] = reviewer_headers(lang);
        let find = |name: &str| row.iter().position(|c| c.trim() == name);
        let core = [
            h[col::ID],
            h[col::TITLE],
            h[col::STATUS],
            h[col::PROCEDURES],
            decision,
            comment,
        ]
        .map(find);
        let [Some(id), Some(title), Some(status), Some(procedures), Some(d), Some(c)] = core else {
            continue;
        };
        let compared = [
            h[col::REFERENCES],
            h[col::MISSING],
            h[col::NOT_APPLICABLE],
            h[col::ANNEX],
            h[col::UNRESOLVED],
            h[col::REASONS],
        ];
        let [Some(references), Some(missing), Some(na), Some(annex), Some(unresolved), Some(reasons)] =
            compared.map(find)
        else {
            return Shape::Lacking(compared.into_iter().filter(|n| find(n).is_none()).collect());
        };
        return Shape::Ours(Box::new(Header {
            id,
            title,
            status,
            status_code: find(workbook_headers(lang)[1]),
            references,
            reasons,
            gaps: [missing, na, annex, unresolved],
            procedures,
            ask: [h[col::RISK], h[col::ASSURANCE], h[col::NOTE]].map(find),
            ask_names: [h[col::RISK], h[col::ASSURANCE], h[col::NOTE]],
            decision: d,
            comment: c,
            names: [h[col::ID], h[col::STATUS]],
            lang,
        }));
    }
    Shape::Foreign
}

/// The shape of a sheet, from its first row.
fn shape_of(sheet: &Sheet) -> Shape {
    sheet.rows.first().map_or(Shape::Foreign, |r| header_of(r))
}

/// Whether a file is a gap report this tool wrote (`report`'s CSV, or a workbook with its
/// gap sheet), possibly edited since: not a CSP list, for `compare --csp-dir` to pass over.
/// A file that cannot be read is not one (its reader says why).
pub fn is_gap_report(path: &Path) -> bool {
    let ours = |sheet: &Sheet| !matches!(shape_of(sheet), Shape::Foreign);
    match FileKind::of(path) {
        FileKind::Workbook => table::sheet_names(path).is_ok_and(|names| {
            names
                .iter()
                .filter(|(_, visible)| *visible)
                .any(|(name, _)| table::read_workbook(path, Some(name)).is_ok_and(|s| ours(&s)))
        }),
        FileKind::Text if crate::input::is_table_file(path) => {
            table::read(path, None, None).is_ok_and(|s| ours(&s))
        }
        _ => false,
    }
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

/// The error for a gap sheet without a column a review compares.
fn lacking(loc: Location, missing: &[&str]) -> InputError {
    let names: Vec<String> = missing.iter().map(|n| format!("'{n}'")).collect();
    InputError::at(
        loc,
        format!(
            "the gap sheet lacks the column(s) {}: a review compares each item's references, gaps and reason codes with the new report's",
            names.join(", ")
        ),
    )
    .hint("restore the column(s) as the report wrote them (理由コード sits in the hidden group right of the printed columns, with 判定コード and 行): copy them from the report as written, or give that report")
}

/// Reads a previous gap report: a workbook's gap sheet (`sheet`, else the one visible
/// sheet with the gap sheet's header) with what its summary says the report was made
/// for, or a CSV (`sheet` is checked to name a workbook's sheet by the command line);
/// the header must be in row 1.
pub fn load(
    path: &Path,
    encoding: Option<Encoding>,
    sheet: Option<&str>,
) -> Result<Previous, InputError> {
    let (gaps, context) = match FileKind::of(path) {
        FileKind::Workbook => {
            let gaps = gap_sheet(path, sheet)?;
            let context = summary_context(path)?;
            (gaps, context)
        }
        FileKind::Text => {
            let gaps = table::read(path, encoding, None)?;
            match shape_of(&gaps) {
                Shape::Ours(_) => {}
                Shape::Lacking(missing) => return Err(lacking(Location::file(path), &missing)),
                Shape::Foreign => return Err(not_ours(Location::file(path), LookedAt::FirstRow)),
            }
            (gaps, None)
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
    let (items, skipped_rows, lang, unread) = items(&gaps)?;
    Ok(Previous {
        source,
        sheet: gaps.sheet,
        lang,
        items,
        context,
        skipped_rows,
        unread,
    })
}

/// The gap sheet of a workbook: the one named by `--review-sheet`, else the one visible
/// sheet with a gap sheet's header. Two such sheets (a copy holding the decisions beside
/// the original) are refused, naming them: which one holds the review is the user's to
/// say.
fn gap_sheet(path: &Path, wanted: Option<&str>) -> Result<Sheet, InputError> {
    if let Some(name) = wanted {
        let sheet = table::read_workbook(path, Some(name))?;
        return match shape_of(&sheet) {
            Shape::Ours(_) => Ok(sheet),
            Shape::Lacking(missing) => Err(lacking(sheet.location(), &missing)),
            Shape::Foreign => Err(not_ours(sheet.location(), LookedAt::FirstRow)),
        };
    }
    let names = table::sheet_names(path)?;
    let mut found: Vec<(Sheet, Shape)> = Vec::new();
    for (name, _) in names.iter().filter(|(_, visible)| *visible) {
        let sheet = table::read_workbook(path, Some(name))?;
        match shape_of(&sheet) {
            Shape::Foreign => {}
            shape => found.push((sheet, shape)),
        }
    }
    if found.len() > 1 {
        let names: Vec<String> = found
            .iter()
            .filter_map(|(s, _)| s.sheet.as_ref().map(|n| format!("'{n}'")))
            .collect();
        let first = found
            .first()
            .and_then(|(s, _)| s.sheet.clone())
            .unwrap_or_default();
        return Err(InputError::at(
            Location::file(path),
            format!(
                "several sheets are gap sheets ({}): which one holds the review is unclear",
                names.join(", ")
            ),
        )
        .hint(format!(
            "name the sheet holding the decisions with --review-sheet (e.g. --review-sheet '{first}'), or delete the other copies; a comparison workbook has one gap sheet per CSP"
        )));
    }
    match found.pop() {
        Some((sheet, Shape::Ours(_))) => Ok(sheet),
        Some((sheet, Shape::Lacking(missing))) => Err(lacking(sheet.location(), &missing)),
        Some((_, Shape::Foreign)) | None => {
            Err(not_ours(Location::file(path), LookedAt::EverySheet))
        }
    }
}

/// What the workbook's summary sheet (概要 or Summary) says the report was made for;
/// `None` when it has no such sheet.
fn summary_context(path: &Path) -> Result<Option<PreviousContext>, InputError> {
    let names = table::sheet_names(path)?;
    let Some((name, lang)) = [Lang::Ja, Lang::En].into_iter().find_map(|lang| {
        let wanted = crate::report::xlsx::sheet_names(lang)[0];
        names
            .iter()
            .find(|(n, _)| n == wanted)
            .map(|(n, _)| (n.clone(), lang))
    }) else {
        return Ok(None);
    };
    let sheet = table::read_workbook(path, Some(&name))?;
    let fact = |f: SummaryFact| {
        let label = f.label(lang);
        sheet
            .rows
            .iter()
            .find(|r| r.first().is_some_and(|c| c.trim() == label))
            .and_then(|r| r.get(1))
            .map(|v| v.trim())
            .filter(|v| !v.is_empty() && *v != "—")
            .map(str::to_owned)
    };
    let context = PreviousContext {
        csp: fact(SummaryFact::Csp),
        csp_list: fact(SummaryFact::CspList),
        registration_number: fact(SummaryFact::RegistrationNumber),
        catalog: fact(SummaryFact::Catalog),
        checks: fact(SummaryFact::CheckItems),
    };
    // a sheet named so that states none of it is not the report's summary
    Ok((context != PreviousContext::default()).then_some(context))
}

/// A status as the sheet writes it: its code, or its label in either language, covered
/// also as marked when it carries notes (`充足 ※`, `covered *`: the status is covered).
fn status_of(text: &str) -> Option<Status> {
    let text = text.trim();
    let written = |s: Status, lang: Lang| {
        crate::report::gap::status_cells(s, lang)
            .iter()
            .any(|c| c == text)
    };
    Status::ALL
        .into_iter()
        .find(|s| s.as_str() == text || written(*s, Lang::Ja) || written(*s, Lang::En))
}

/// Every item row under the header (ids unique, statuses ones the tool writes), and the
/// rows with text below the last item that has a status (a total, a footnote), which
/// are not items and are left out (the caller names them); the language of the sheet's
/// headers; and the headers of the columns of what an item asks that it lacks.
type Items = (Vec<PreviousItem>, Vec<usize>, Lang, Vec<String>);

fn items(sheet: &Sheet) -> Result<Items, InputError> {
    let header = match shape_of(sheet) {
        Shape::Ours(h) => h,
        Shape::Lacking(missing) => return Err(lacking(sheet.location(), &missing)),
        Shape::Foreign => return Err(not_ours(sheet.location(), LookedAt::FirstRow)),
    };
    let [id_name, status_name] = header.names;
    let cell_of = |row: &[String], c: usize| row.get(c).map_or("", |s| s.trim()).to_owned();
    let has_status = |row: &[String]| {
        !cell_of(row, header.status).is_empty()
            || header
                .status_code
                .is_some_and(|c| !cell_of(row, c).is_empty())
    };
    // the items end at the last row with a status: below it, a total or a note
    let end = sheet
        .rows
        .iter()
        .rposition(|r| has_status(r))
        .map_or(1, |i| i + 1);
    let skipped: Vec<usize> = sheet
        .rows
        .iter()
        .enumerate()
        .skip(end.max(1))
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
        .map(|(i, _)| i + 1)
        .collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, row) in sheet.rows.iter().enumerate().take(end).skip(1) {
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
        let [risk, assurance, note] = header.ask.map(|c| c.map(|c| cell(c).to_owned()));
        out.push(PreviousItem {
            row: row_no,
            id: id.to_owned(),
            title: cell(header.title).to_owned(),
            references: cell(header.references).to_owned(),
            risk,
            assurance,
            note,
            status,
            reasons,
            gaps: {
                let [missing, na, annex, unresolved] = header.gaps.map(|c| cell(c).to_owned());
                let words = crate::analysis::review::csp_words(cell(header.procedures));
                [missing, na, annex, unresolved, words]
            },
            decision: Decision::parse(cell(header.decision)),
            comment: row.get(header.comment).cloned().unwrap_or_default(),
        });
    }
    let unread = header
        .ask
        .iter()
        .zip(header.ask_names)
        .filter(|(c, _)| c.is_none())
        .map(|(_, name)| name.to_owned())
        .collect();
    Ok((out, skipped, header.lang, unread))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The marked covered status (`充足 ※`, `covered *`) reads as covered; the mark on
    /// another status is no status the tool writes.
    #[test]
    fn a_covered_status_marked_with_notes_reads_as_covered() {
        for text in ["充足 ※", "covered *", " 充足 ※ ", "covered", "充足"] {
            assert_eq!(status_of(text), Some(Status::Covered), "{text}");
        }
        for text in ["一部充足 ※", "partial *", "充足※※", "covered **"] {
            assert_eq!(status_of(text), None, "{text}");
        }
    }

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
        row[col::REFERENCES] = "9.1.1, 9.2.1";
        row[ja.len() - 2] = "要";
        row[ja.len() - 1] = "SOC2で確認";
        let (got, skipped, _, unread) = items(&sheet(&[&ja, &row, &[""; 3]])).unwrap();
        assert!(unread.is_empty());
        assert!(skipped.is_empty());
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].status, Status::Partial);
        assert_eq!(got[0].reasons, ["not-listed", "list-incomplete"]);
        assert_eq!(got[0].decision, Some(Decision::Needed));
        assert_eq!(got[0].comment, "SOC2で確認");
        assert_eq!(got[0].references, "9.1.1, 9.2.1");

        let en = header(Lang::En);
        let mut row = vec![""; en.len()];
        row[col::ID] = "C-02";
        row[col::STATUS] = "covered";
        row[en.len() - 2] = "under review";
        let (got, _, _, _) = items(&sheet(&[&en, &row])).unwrap();
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

    #[test]
    fn a_sheet_without_a_compared_column_names_it() {
        let ja = header(Lang::Ja);
        let trimmed: Vec<&str> = ja.iter().copied().filter(|h| *h != "理由コード").collect();
        let e = items(&sheet(&[&trimmed])).unwrap_err();
        assert_eq!(
            e.message,
            "the gap sheet lacks the column(s) '理由コード': a review compares each item's references, gaps and reason codes with the new report's"
        );
        let trimmed: Vec<&str> = ja
            .iter()
            .copied()
            .filter(|h| !matches!(*h, "理由コード" | "参照"))
            .collect();
        let e = items(&sheet(&[&trimmed])).unwrap_err();
        assert!(e.message.contains("'参照', '理由コード'"), "{e}");
        // without the printed columns it is not a gap sheet at all
        let e = items(&sheet(&[&ja[..3]])).unwrap_err();
        assert!(e.message.contains("not a gap report"), "{e}");
    }

    /// What an item asks (risk, required assurance, note) is read as written; a sheet
    /// without one of those columns is read, the column named as unread (review 24 B-2).
    #[test]
    fn what_an_item_asks_is_read_and_a_missing_column_named() {
        let ja = header(Lang::Ja);
        let mut row = vec![""; ja.len()];
        row[col::ID] = "R1";
        row[col::STATUS] = "保証水準不足";
        row[col::RISK] = "低";
        row[col::ASSURANCE] = "保証報告(SOC2)";
        row[col::NOTE] = " 年1回 ";
        let (got, _, _, unread) = items(&sheet(&[&ja, &row])).unwrap();
        assert!(unread.is_empty());
        assert_eq!(got[0].risk.as_deref(), Some("低"));
        assert_eq!(got[0].assurance.as_deref(), Some("保証報告(SOC2)"));
        assert_eq!(got[0].note.as_deref(), Some("年1回"));
        let keep: Vec<usize> = (0..ja.len())
            .filter(|&c| c != col::RISK && c != col::NOTE)
            .collect();
        let trimmed: Vec<&str> = keep.iter().map(|&c| ja[c]).collect();
        let row: Vec<&str> = keep.iter().map(|&c| row[c]).collect();
        let (got, _, _, unread) = items(&sheet(&[&trimmed, &row])).unwrap();
        assert_eq!(unread, ["リスク", "備考"]);
        assert_eq!(got[0].risk, None);
        assert_eq!(got[0].note, None);
        assert_eq!(got[0].assurance.as_deref(), Some("保証報告(SOC2)"));
    }

    #[test]
    fn rows_below_the_last_item_without_a_status_are_left_out() {
        let ja = header(Lang::Ja);
        let mut a = vec![""; ja.len()];
        a[col::ID] = "C-01";
        a[col::STATUS] = "充足";
        let mut total = vec![""; ja.len()];
        total[col::ID] = "合計";
        total[col::TITLE] = "1件";
        let mut note = vec![""; ja.len()];
        note[col::TITLE] = "全体コメント";
        let blank = vec![""; ja.len()];
        let (got, skipped, _, _) = items(&sheet(&[&ja, &a, &total, &blank, &note])).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(skipped, [3, 5]);
        // a row without a status between items is still an error, naming it
        let e = items(&sheet(&[&ja, &total, &a])).unwrap_err();
        assert!(
            e.to_string()
                .contains("row 2: column '判定': '' is not a status"),
            "{e}"
        );
    }
}
