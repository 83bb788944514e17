//! A CSP's control list, read by kind: the input is classified first (`classify`: a profile,
//! or per table or sheet a published list or a status table), then read by the module of its
//! kind (`published`, `status_table`, `profile`). An id is credited only where the input
//! positively states it implemented; what the reader cannot classify or read stops the run
//! with an error naming the place.
mod classify;
mod history;
mod ids;
mod page;
mod profile;
mod published;
pub(crate) mod remarks;
mod sheets;
mod status_table;
pub(crate) mod vocab;

use std::collections::BTreeMap;
use std::path::Path;

use crate::catalog::{Catalog, RefKind, Resolution};
use crate::error::{InputError, Location, NotAList};
use crate::input::decode::{decode, Encoding};
use crate::input::table::{self, Merged, Sheet};
use crate::input::workbook_zip::{self, SheetMarks};
use crate::input::FileKind;
use crate::model::{
    Attestation, Declared, ListedControl, ReadAs, ReadKind, ReadPart, RegistrationKind, SkipReason,
    SkippedSheet,
};
use crate::text::fold_width;
use ids::find_ids;

use classify::{Layout, TableKind};
use published::{Line, Listed, Source};
use sheets::{
    refuse_bare_ids_beside_statuses, refuse_example_sheets, refuse_qualified_sheet_names,
    refuse_separate_statements, refuse_unlike_cover, skip_reference_lists,
};
use vocab::SheetMeaning;

pub use ids::extract_ids;
pub(crate) use profile::split_comment;
pub use profile::{profile_from_str, DEFAULT_INHERITED};
/// The one judgement of a title written beside an id (also read in a check list's references).
pub(crate) use published::is_close_title;

/// How to read a CSP input: the encoding of text, the sheet of a workbook (`--csp-sheet`;
/// `readiness --sheet`), the status column of a table (`--status-column`), the date the
/// run is for (`--as-of`; `None`: today): a row stated implemented whose remark gives a
/// later date is not implemented on it.
#[derive(Debug, Clone, Copy, Default)]
pub struct CspOptions<'a> {
    pub encoding: Option<Encoding>,
    pub sheet: Option<&'a str>,
    pub status_column: Option<&'a str>,
    pub as_of: Option<crate::date::Date>,
    /// Whether the statement of applicability `readiness` writes is read (`readiness
    /// --implemented`, `diff`: the CSP's own work on its list); else (`report`, `compare`: a
    /// buyer's check against what the CSP publishes) it is refused, as the CSP's own
    /// assessment, which is no ISMAP publication and carries none of its registry facts.
    pub own_statement: bool,
}

impl CspOptions<'_> {
    fn as_of(&self) -> crate::date::Date {
        self.as_of.unwrap_or_else(crate::date::Date::today)
    }
}

/// Reads a CSP's control list, whatever its form: a profile (`.yaml`, `.yml`, `.json`, or a
/// profile's content under another name), a CSV/TSV table, a workbook (every visible sheet,
/// or `opts.sheet`), or pasted text.
pub fn load(path: &Path, opts: &CspOptions, catalog: &Catalog) -> Result<Attestation, InputError> {
    let att = match FileKind::of(path) {
        FileKind::Yaml | FileKind::Json => {
            profile::load(path, opts.encoding, opts.as_of(), catalog)?
        }
        FileKind::Workbook => from_workbook(path, opts, catalog)?,
        FileKind::Text => {
            let bytes = table::read_text_bytes(path)?;
            let text = decode(path, &bytes, opts.encoding)?;
            load_text(path, &text, opts, catalog)?
        }
    };
    att.check_liu_said(false)?;
    if !matches!(FileKind::of(path), FileKind::Yaml | FileKind::Json) {
        refuse_status_file_name(path, &att)?;
    }
    Ok(att)
}

/// Words of a file's name that say its controls are not implemented, excluded or open
/// (`未実施項目.csv`, `除外一覧.csv`, `exclusions.csv`, `改善計画対象.csv`), as
/// [`crate::text::header_key`] gives the name (`_` and `-` dropped).
const FILE_NAME_WORDS: &[&str] = &[
    "未実施",
    "未対応",
    "未導入",
    "非該当",
    "対象外",
    "適用外",
    "除外",
    "計画中",
    "実施予定",
    "対応予定",
    "改善計画",
    "例外",
    "課題",
    "指摘",
    "exclusion",
    "exception",
    "gaps",
    "remediation",
    "notimplemented",
    "notapplicable",
    "outofscope",
];

/// Refuses bare ids read as implemented (a published list, on no sheet named by a status)
/// from a file whose name says its controls are not implemented, excluded or open
/// ([`FILE_NAME_WORDS`]): the sheet-name rule for a file (review 11 A-12), where a CSP
/// hands over its exceptions beside its statement. A status table states each row's status
/// itself and reads whatever the file's name.
fn refuse_status_file_name(path: &Path, att: &Attestation) -> Result<(), InputError> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let key = crate::text::header_key(&stem).replace(['_', '-'], "");
    if !FILE_NAME_WORDS.iter().any(|w| key.contains(w)) {
        return Ok(());
    }
    let bare = att
        .read_as
        .parts
        .iter()
        .any(|p| p.kind == ReadKind::PublishedList && p.stated_by_sheet_name.is_none());
    if !bare {
        return Ok(());
    }
    Err(InputError::at(
        Location::file(path),
        format!(
            "the file's name ('{stem}') says its controls are not implemented, excluded or open, but the list states controls implemented: read so, they would count as implemented"
        ),
    )
    .hint("give the CSP's statement (its published list or status table) under another name; a list of controls not implemented or excluded is read from a status table (管理策番号, 実施状況: 未実施 / 非該当 with the reason)"))
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
        let att = profile::from_text(path, text, syntax, opts.encoding, opts.as_of(), catalog)?;
        att.check_liu_said(false)?;
        return Ok(att);
    }
    let mut att = if crate::input::is_table_file(path) || is_pasted_table(text) {
        let mut sheet = table::read_csv_text(path, text)?;
        drop_text_prefixes(&mut sheet);
        drop_own_basis(&mut sheet);
        let mut other_rows = Vec::new();
        match read_table_of_ismap(&sheet, opts, catalog, None, &mut other_rows)? {
            Some(part) => {
                let mut att = from_parts(path, vec![part], Vec::new(), catalog)?;
                att.read_as.other_framework_rows = other_rows;
                att
            }
            None => return Err(no_ids(path, ignored_tokens(&sheet))),
        }
    } else {
        from_text(path, text, catalog, opts.as_of())?
    };
    // every line, whatever it was read as: a note above or below a table, a row inside
    // it, a line of a pasted entry (its name, provider, scope, 後発事象)
    att.liu_said = page::liu_in_text(path, text);
    att.check_liu_said(false)?;
    refuse_iso_numbering(path, &att, || Ok(names_ismap(text)))?;
    Ok(att)
}

/// Whether a text names ISMAP (`ISMAP`, `ISMAP-LIU`, `ＩＳＭＡＰ`), in any case.
fn names_ismap(text: &str) -> bool {
    fold_width(text).to_ascii_lowercase().contains("ismap")
}

/// Whether a workbook names ISMAP: a sheet's name or any cell of any sheet, hidden ones too.
fn workbook_names_ismap(path: &Path) -> Result<bool, InputError> {
    for (name, _) in table::sheet_names(path)? {
        if names_ismap(&name) {
            return Ok(true);
        }
        let sheet = table::read_workbook_with(path, Some(&name), Merged::FillDown)?;
        if sheet.rows.iter().flatten().any(|c| names_ismap(c)) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Refuses a list whose every id is an ISO/IEC 27001 Annex A (or ISO/IEC 27017) number
/// (`Control ID | A.9.2.3`) and that names neither ISMAP nor a registration — no `ISMAP` in
/// any title, header, sheet name or note, no `登録区分`, no entry's fields (review 15 A-6
/// rest, fix19-csp "Left"): an ISO/IEC 27001 statement of applicability, which ISMAP's audit
/// did not look at, not the ISMAP statement. An ISMAP list states ISMAP ids (`9.2.3`,
/// `8.1.5.P`); where a list names ISMAP, its Annex A ids are read as the ISMAP numbers they
/// retype (`A.9.2.3` → 9.2.3), as before. `--registration-kind` says which list the service
/// is on, not that this file is its ISMAP statement: it does not lift this.
fn refuse_iso_numbering(
    path: &Path,
    att: &Attestation,
    names_ismap: impl FnOnce() -> Result<bool, InputError>,
) -> Result<(), InputError> {
    if att.controls.is_empty()
        || !att.controls.iter().all(|c| iso_numbered(&c.raw))
        || att.registration_kind.is_some()
        || !att.read_as.fields.is_empty()
        || names_ismap()?
    {
        return Ok(());
    }
    let first = &att.controls[0];
    let sheet = att.read_as.parts.first().and_then(|p| p.sheet.as_deref());
    let table = sheet.is_some()
        || crate::input::is_table_file(path)
        || att.read_as.kind == ReadKind::StatusTable;
    let at = match first.line {
        Some(n) if table => Location::file(path).sheet(sheet).row(n),
        Some(n) => Location::file(path).line(n),
        None => Location::file(path),
    };
    Err(InputError::at(
        at,
        format!(
            "every control id of the list is an ISO/IEC 27001 Annex A or ISO/IEC 27017 number ('{}'), and the file names neither ISMAP nor a registration: it reads as an ISO/IEC 27001 statement of applicability, not the ISMAP statement",
            first.raw
        ),
    )
    .hint("give the CSP's ISMAP list (ISMAP's ids: 9.2.3, 8.1.5.P); if this file is the service's ISMAP list written with Annex A numbers, say so in it: a line 登録区分: ISMAP (or ISMAP-LIU) above the table's header, or ISMAP in its title or its id column's header (ISMAP管理策番号); --registration-kind says which list the service is on, not which file is its ISMAP statement"))
}

/// Whether a control id is written as an ISO/IEC 27001 Annex A (`A.9.2.3`) or ISO/IEC 27017
/// (`CLD.6.3.1`) number, not as ISMAP's (`9.2.3`).
fn iso_numbered(raw: &str) -> bool {
    let t = fold_width(raw).trim().to_ascii_uppercase();
    t.starts_with("A.") || t.starts_with("CLD")
}

/// Whether a sheet is the ISO/IEC 27001 statement of applicability (review 23 A-2): its
/// name is that document's (`Statement of Applicability`, `SoA`, `適用宣言書`,
/// `適用性宣言書`: JIS Q 27001 6.1.3 d's term) and an id it states is an Annex A (or
/// ISO/IEC 27017) number (`A.9.2.1`): the ISMS's SoA, not the ISMAP statement, whatever a
/// cover or a `登録区分` line says — read as a sheet of another framework
/// ([`other_framework_sheet`]). Under such a name, ISMAP's ids (`9.2.1`) are read: the
/// statement `readiness` writes is so named, and a CSP may title its ISMAP list so.
fn iso_soa_sheet(name: &str, part: &Part) -> bool {
    let folded = fold_width(name).to_lowercase();
    let named = [
        "適用宣言書",
        "適用性宣言書",
        "適用宣言",
        "statement of applicability",
    ]
    .iter()
    .any(|w| folded.contains(w))
        || folded
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w == "soa");
    named && part.listed.controls.iter().any(|c| iso_numbered(&c.raw))
}

/// The refusal of a sheet [`iso_soa_sheet`] finds, read alone (`--csp-sheet`) or the only
/// sheet of ids of its workbook.
fn iso_soa_error(at: Location) -> InputError {
    InputError::at(
        at,
        "the sheet is named a statement of applicability and its ids are ISO/IEC 27001 Annex A numbers: it is the ISMS's statement of applicability, not the ISMAP statement",
    )
    .hint("give the CSP's ISMAP list (ISMAP's ids: 9.2.3, 8.1.5.P): its entry on the ISMAP cloud service list, or the sheet that states the ISMAP controls")
}

/// Whether text not named a table (`.txt`, stdin) is cells copied from a spreadsheet and
/// pasted (review 11 C-11): its first line holding a tab is a header with an id column and
/// a status column (`管理策番号<TAB>実施状況<TAB>備考`), read as a status table, as the same
/// bytes saved as `.tsv` are (the table reader's rules apply to it whole). A pasted list
/// whose lines hold tabs between ids (a PDF's table) has no such header: read as a list.
/// An id column is found by its header or, as the table reader finds one under a header it
/// does not know (`ISMAP管理策`), by what the line under the header holds there: an id
/// alone (review 19 C-2).
fn is_pasted_table(text: &str) -> bool {
    let mut tabbed = text
        .lines()
        .map(|l| l.trim_start_matches('\u{feff}'))
        .filter(|l| l.contains('\t'));
    let Some(first) = tabbed.next() else {
        return false;
    };
    let cells: Vec<&str> = first.split('\t').map(str::trim).collect();
    let status = |c: &str| classify::role(c) == Some(classify::Role::Status);
    if !cells.iter().any(|c| status(c)) {
        return false;
    }
    let id_alone = |c: &str| {
        let (ids, _) = find_ids(c);
        ids.len() == 1 && ids[0].kind.is_control() && ids[0].raw.len() == c.len()
    };
    // a header line holds words, never an id or a number (`18.2.3<TAB>12` is a row)
    let words = cells
        .iter()
        .all(|c| find_ids(c).0.is_empty() && !c.chars().all(|ch| ch.is_ascii_digit()));
    cells.iter().any(|c| classify::is_id_header(c))
        || words
            && tabbed.next().is_some_and(|below| {
                below
                    .split('\t')
                    .map(str::trim)
                    .zip(&cells)
                    .any(|(value, header)| !status(header) && id_alone(value))
            })
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

/// The controls a mention (`raw`: an id, a detail, a category, an Annex A reference) names,
/// as [`meaning_key`]s: itself, and what it resolves to.
pub(crate) fn named_keys(catalog: &Catalog, raw: &str) -> Vec<String> {
    let mut keys = vec![meaning_key(catalog, raw)];
    if let Resolution::Resolved { kind, targets, .. } = catalog.resolve(raw) {
        if kind != RefKind::Nist {
            keys.extend(targets.iter().map(|t| t.id.clone()));
        }
    }
    keys
}

/// Whether a mention's [`named_keys`] name the control whose [`meaning_key`] is `key`: the
/// same control, a detail under it (`9.2.3.11.PB` for `9.2.3`), or a category or reference
/// over it (`9.2`, `A.9.2` for `9.2.3`).
pub(crate) fn names_control(named: &[String], key: &str) -> bool {
    named.iter().any(|n| {
        n == key
            || n.strip_prefix(key).is_some_and(|r| r.starts_with('.'))
            || key
                .strip_prefix(n.as_str())
                .is_some_and(|r| r.starts_with('.'))
    })
}

/// What one table or sheet gave.
struct Part {
    read: ReadPart,
    listed: Listed,
    tracks_evidence: bool,
    /// The registration kind a row above its header states (`登録区分: ISMAP`).
    kind: Option<RegistrationKind>,
    /// Whether a row above its header names the service (`サービス名: …`, `登録番号 …`,
    /// `事業者名 …`) or its registration kind: the sheet says whose statement it is.
    names_service: bool,
    /// The rows above its header (titles, `サービス名 | …`): compared between sheets
    /// ([`sheets::refuse_separate_statements`], review 20 B-2).
    above: Vec<Vec<String>>,
    /// The fields of the list entry written above its header (`有効期限：2027年3月31日`,
    /// `監査対象期間: …`), read by the pasted entry's reader ([`facts_above`], review 23 C-6).
    facts: Option<page::Page>,
}

/// Pasted text: a published list, maybe with the fields of its list entry around it
/// (`登録番号`, `登録の更新期限`, `監査対象期間`…), which are read first, as registry facts, and
/// taken out of the list.
fn from_text(
    path: &Path,
    text: &str,
    catalog: &Catalog,
    as_of: crate::date::Date,
) -> Result<Attestation, InputError> {
    let lines = published::lines_of(text);
    let page = page::read(&lines, path, catalog, as_of)?;
    let source = Source {
        loc: Location::file(path),
        rows: false,
    };
    // a draft, or a list dated after the as-of date (on a line of its own or beside ids), is
    // not the statement in effect then:
    // as a note above or below a status table; so is a list whose title carries a later day
    // (`ISMAPクラウドサービスリスト 2026年10月1日更新`)
    // whether each line the page did not take holds no id: asked once a line, for the marks
    // and the audit lines below
    let bare: Vec<bool> = lines
        .iter()
        .map(|l| !page.took(l.number) && find_ids(&l.text()).0.is_empty())
        .collect();
    let marked = lines.iter().zip(&bare).find_map(|(line, &bare)| {
        let text = line.text();
        let mark = match page.took(line.number) {
            true if page.title_lines.contains(&line.number) => remarks::dated_later(&text, as_of),
            true => None,
            false if bare => remarks::document_mark(&text, as_of)
                .or_else(|| remarks::audit_dated_later(&text, as_of)),
            // a day or a month beside ids (`9.2.4 (2027-04-01)`) is checked as one on a
            // line of its own is (the list states what held then), and a month or a year
            // that may end after the as-of date as a remark on a row is (it may be when the
            // control was implemented: `9.2.4 2026年4月`)
            // (a line that also states another status, `9.2.3 2026年度 実施予定`, is refused
            // by the list's reader for that; its words are looked for only beside a date)
            false => remarks::document_dated_later(&text, as_of)
                .or_else(|| remarks::later_date(&text, as_of))
                .or_else(|| published::copyright_year_after(&text, as_of))
                .filter(|_| {
                    !vocab::status_words(&text)
                        .iter()
                        .any(|w| w.states.is_some_and(|d| d != Declared::Implemented))
                }),
        };
        mark.map(|q| (line.number, text, q))
    });
    if let Some((number, text, q)) = marked {
        return Err(line_qualifies_list(&source, number, &text, &q));
    }
    // a line stating an audit done (`外部監査: 2025年3月`, `監査結果: OK`) is the document's,
    // not the list's; one that found something is refused
    let audit = |l: &Line, bare: bool| bare.then(|| remarks::audit_line(&l.text())).flatten();
    if let Some((l, what)) = lines
        .iter()
        .zip(&bare)
        .filter(|(l, _)| !page.took(l.number))
        .find_map(|(l, &bare)| audit(l, bare).flatten().map(|what| (l, what)))
    {
        return Err(InputError::at(
            source.at(l.number, None),
            format!(
                "the line '{}' reports what an audit found ('{}'): the list's statements are not read as implemented without it",
                published::quote(&l.text()),
                published::quote(&what)
            ),
        )
        .hint(remarks::FOR_AUDIT_FINDING));
    }
    // a line saying the list is the provider's own assessment (`※自己評価結果`), once the
    // list's reader has had its say on a footnote before ids (`＊ Self-assessed` under
    // `＊9.2.3` is that id's footnote)
    // (on an ISMAP-LIU entry, a note that the list rests on the internal audit is the
    // track's own basis: review 23 C-14)
    let self_assessed = lines
        .iter()
        .zip(&bare)
        .filter(|(l, &bare)| {
            bare && !(page.is_liu() && status_table::internal_audit_basis(&l.text()))
        })
        .find_map(|(l, _)| {
            status_table::self_assessed_note(&l.text()).map(|q| (l.number, l.text(), q))
        });
    let lines: Vec<Line> = lines
        .into_iter()
        .zip(bare)
        .filter(|(l, bare)| !page.took(l.number) && audit(l, *bare).is_none())
        .map(|(l, _)| l)
        .collect();
    let listed = published::read(
        &lines,
        &source,
        catalog,
        Declared::Implemented,
        &|_| String::new(),
        as_of,
    )?;
    if listed.controls.is_empty() {
        return Err(no_ids(path, listed.ignored));
    }
    if let Some((number, text, q)) = self_assessed {
        return Err(line_qualifies_list(&source, number, &text, &q));
    }
    page::check_mentions(&page, &listed.controls, path, catalog)?;
    let part = Part {
        read: ReadPart {
            kind: ReadKind::PublishedList,
            ..ReadPart::default()
        },
        listed,
        tracks_evidence: false,
        kind: None,
        names_service: false,
        above: Vec::new(),
        facts: None,
    };
    let mut att = from_parts(path, vec![part], Vec::new(), catalog)?;
    att.read_as.pasted = true;
    page.apply(&mut att);
    Ok(att)
}

/// The error for a line of pasted text that qualifies the whole list (`number`: its line):
/// a draft's mark, a later date, a self-assessment.
fn line_qualifies_list(
    source: &Source,
    number: usize,
    text: &str,
    q: &remarks::Qualifier,
) -> InputError {
    InputError::at(
        source.at(number, None),
        format!(
            "the line '{}' {}: the list's statements are not read as implemented",
            published::quote(text),
            q.what()
        ),
    )
    .hint(q.hint())
}

/// A table (a CSV file or a sheet) read by its kind; `None` when it states no control.
/// `marks`: the hidden rows and columns and struck-through cells of an .xlsx sheet. A
/// table that cannot be read and names the fields of an ISMAP list entry is an entry
/// copied into a sheet: the error says so and how to give it (as pasted text).
fn read_table(
    sheet: &Sheet,
    opts: &CspOptions,
    catalog: &Catalog,
    marks: Option<&SheetMarks>,
) -> Result<Option<Part>, InputError> {
    read_table_by_kind(sheet, opts, catalog, marks).map_err(|e| {
        // a status cell not read (an unknown status: its hint gives the words known) keeps
        // its hint; the registry lines a status table may have above its header are read
        // (review 26 E-6) — any other error on a sheet holding an entry's labels (an entry
        // saved as CSV, its `後発事象 なし` read as a status of a published list) gets the
        // entry's hint
        let status_cell = e.message.contains("unknown status '")
            || e.message.contains("cannot be read as a status");
        let own_hint = status_cell
            && e.hint.as_deref().is_some_and(|h| {
                h != FOR_FACTS_IN_A_TABLE && h != FOR_NEXT_UPDATE_IN_A_TABLE
            });
        if own_hint {
            return e;
        }
        match page::entry_labels(sheet.rows.iter().flatten().map(String::as_str)) {
            Some(labels) => e.hint(format!(
                "this looks like an entry of the ISMAP cloud service list ({}): its fields are read from pasted text only; copy the entry into a text editor, save it as a .txt file and pass that",
                labels.join(", ")
            )),
            None => e,
        }
    })
}

fn read_table_by_kind(
    sheet: &Sheet,
    opts: &CspOptions,
    catalog: &Catalog,
    marks: Option<&SheetMarks>,
) -> Result<Option<Part>, InputError> {
    let meaning = sheet
        .sheet
        .as_deref()
        .map_or(SheetMeaning::Statements, |name| {
            match vocab::sheet_meaning(name) {
                // a sheet named by its (fiscal) year, that year not after the as-of date's
                // (`2025年度`, `FY2025`, `管理策一覧（2025年度）`): the year's list, no
                // qualifier (review 14 C-3); a later year is still a plan
                SheetMeaning::Qualified(_) if names_a_year_in_force(name, opts.as_of()) => {
                    SheetMeaning::Statements
                }
                meaning => meaning,
            }
        });
    // a revision history on the sheet is the document's, never its table's rows
    let sheet = &*history::without_history(sheet, opts.as_of())?;
    let Some(layout) = classify::classify(sheet, opts.status_column, catalog)? else {
        return Ok(None);
    };
    if let TableKind::StatusTable(cols) = &layout.kind {
        if cols.own_statement && !opts.own_statement {
            return Err(InputError::at(
                sheet.location(),
                "the table is the statement of applicability `ismap-gap readiness` writes: the CSP's own assessment of its list, not the list ISMAP publishes, and it states none of the registration's facts (its kind, its renewal deadline)",
            )
            .hint(FOR_OWN_STATEMENT));
        }
    }
    if let Some(marks) = marks {
        check_marks(sheet, &layout, marks)?;
        check_unvalued(sheet, &layout, marks)?;
        check_hidden_text(sheet, &layout, marks)?;
        // a text box over the table (a note the cells do not hold): refused (review 24 A-6)
        if let Some(b) = marks.text_boxes.first() {
            return Err(b.refusal(sheet.location()));
        }
    }
    // the fields of the list entry above the header (`有効期限：2027年3月31日`, `監査対象期間:
    // …`) are read as a pasted entry's are, and their rows blanked (review 23 C-6); any other
    // registry fact outside the table's columns is refused as what it is (`Valid until
    // 2025-03-31` is no note on the rows)
    let facts = facts_above(sheet, layout.header.unwrap_or(0), catalog, opts.as_of())?;
    let blanked;
    let sheet = match &facts {
        Some(page) => {
            let mut copy = sheet.clone();
            for (i, row) in copy.rows.iter_mut().enumerate() {
                // a scope row naming the service alone stays: a scope cell naming the
                // service is then the whole service (review 12 C-12, beside review 25 C-3)
                if page.took(i + 1)
                    && page::registry_fact(row).is_some()
                    && !page::scope_limits_nothing(row)
                {
                    row.iter_mut().for_each(String::clear);
                }
            }
            blanked = copy;
            &blanked
        }
        None => sheet,
    };
    refuse_registry_facts(
        sheet,
        first_rows(sheet, layout.header.unwrap_or(0))
            .filter(|(i, _)| !facts.as_ref().is_some_and(|p| p.took(i + 1))),
        "above the table's header",
    )?;
    refuse_registry_facts_in_table(sheet, &layout)?;
    let part = match &layout.kind {
        TableKind::PublishedList {
            reason,
            titles,
            others,
        } => {
            let stated = match &meaning {
                SheetMeaning::Statements | SheetMeaning::History => Declared::Implemented,
                SheetMeaning::Status(d) => *d,
                SheetMeaning::Statuses => {
                    return Err(InputError::at(
                        sheet.location(),
                        "the sheet's name states more than one status, and its rows state none: it cannot be read",
                    )
                    .hint("name the sheet by one status (非該当, 未実施, 計画中), or give each row its status in a status column (実施状況)"))
                }
                SheetMeaning::Qualified(word) => return Err(qualified_sheet(sheet, word)),
            };
            if stated == Declared::Implemented {
                if let Some(&c) = others.iter().chain(reason.iter()).min() {
                    return Err(unread_column(sheet, &layout, c));
                }
                if let Some(marks) = marks {
                    check_colours(sheet, &layout, marks)?;
                }
            }
            let role = |c: usize| {
                if layout.grid || c == layout.id_column {
                    published::CellRole::Text
                } else if titles.contains(&c) {
                    published::CellRole::Title
                } else {
                    // row numbers; a reason or other column of a sheet whose name states
                    // a status (the ids are not read as implemented)
                    published::CellRole::Free
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
                            role: role(c),
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
                    .map(|s| status_table::stated_reason(stated, s).to_owned())
                    .unwrap_or_default()
            };
            status_table::refuse_other_numbering(sheet, &layout)?;
            let mut listed =
                published::read(&lines, &source, catalog, stated, &reason_of, opts.as_of())?;
            // a note on the id column's header (`管理策番号（東京リージョン）`) qualifies every
            // id, as on a status table's (review 23 A-3)
            if let Some(first) = listed
                .controls
                .iter()
                .find(|x| x.declared == Declared::Implemented)
            {
                status_table::header_notes(sheet, &layout, &first.raw, opts.as_of())?;
            }
            // a reason cell that gives none: kept as written, with why
            if stated == Declared::NotApplicable {
                for x in listed.controls.iter_mut().filter(|x| x.reason.is_empty()) {
                    let written = reason
                        .zip(x.line)
                        .and_then(|(c, n)| sheet.rows.get(n - 1).and_then(|r| r.get(c)));
                    if let Some(text) = written {
                        x.unaccepted =
                            status_table::judge_not_applicable_reason(text)
                                .err()
                                .map(|why| crate::model::UnacceptedReason {
                                    text: text.trim().to_owned(),
                                    why,
                                });
                    }
                }
            }
            Part {
                read: ReadPart {
                    sheet: sheet.sheet.clone(),
                    kind: ReadKind::PublishedList,
                    id_column: id_column_name(&layout),
                    status_column: None,
                    stated_by_sheet_name: (stated != Declared::Implemented).then_some(stated),
                    other_parts: Vec::new(),
                },
                listed,
                tracks_evidence: false,
                kind: None,
                names_service: false,
                above: Vec::new(),
                facts: None,
            }
        }
        TableKind::StatusTable(cols) => {
            let says = match meaning {
                SheetMeaning::Status(_) | SheetMeaning::Statuses | SheetMeaning::Qualified(_) => {
                    sheet.sheet.as_deref()
                }
                SheetMeaning::Statements | SheetMeaning::History => None,
            };
            // the service's name the rows above the header state: a scope cell naming it is
            // the whole service (review 12 C-12)
            let service: Vec<String> = sheet
                .rows
                .iter()
                .take(layout.header.unwrap_or(0))
                .filter_map(|row| page::service_name_stated(row))
                .collect();
            let listed = status_table::read(
                sheet,
                &layout,
                cols,
                catalog,
                says,
                opts.as_of(),
                opts.own_statement,
                marks.map_or(&[][..], |m| &m.legend_sheet),
                &service,
            )?;
            Part {
                read: ReadPart {
                    sheet: sheet.sheet.clone(),
                    kind: ReadKind::StatusTable,
                    id_column: Some(layout.name(layout.id_column).to_owned()),
                    status_column: layout.status_name(),
                    stated_by_sheet_name: None,
                    other_parts: cols
                        .other_parts
                        .iter()
                        .map(|&c| layout.name(c).to_owned())
                        .collect(),
                },
                listed,
                tracks_evidence: cols.evidence.is_some(),
                kind: None,
                names_service: false,
                above: Vec::new(),
                facts: None,
            }
        }
    };
    let mut part = part;
    part.facts = facts;
    part.kind = kind_above_header(sheet, &layout)?;
    part.names_service = part.kind.is_some()
        || sheet
            .rows
            .iter()
            .take(layout.header.unwrap_or(0))
            .any(|row| page::names_the_service(row));
    part.above = sheet.rows[..layout.header.unwrap_or(0).min(sheet.rows.len())].to_vec();
    if let Some(marks) = marks {
        check_comments(
            sheet,
            &layout,
            marks,
            &mut part.listed,
            catalog,
            opts.as_of(),
        )?;
    }
    Ok((!part.listed.controls.is_empty()).then_some(part))
}

/// The hint for the statement of applicability `readiness` wrote, given to `report` or
/// `compare`.
const FOR_OWN_STATEMENT: &str = "give what the CSP publishes: its entry on the ISMAP cloud service list pasted as a .txt file, or its profile (YAML, with the registry facts; the file readiness was run on, if it was one); the statement reads back in `readiness --implemented` and `diff`";

const FOR_FACTS_IN_A_TABLE: &str = "give the service as a profile (YAML: renewal_deadline, audit_period, subsequent_events, improvement_plan, scope) with its statuses, or paste the whole list entry with its control list as a .txt file; or remove the facts from the file and check the registration on the ISMAP cloud service list yourself";

/// The hint for `次回更新: 2026年9月` outside a table: the registration's renewal deadline as
/// far as the reader can tell, but maybe the document's own next revision.
const FOR_NEXT_UPDATE_IN_A_TABLE: &str = "if it is the registration's renewal deadline, give the service as a profile (YAML: renewal_deadline, with its statuses) or paste the whole list entry with its control list as a .txt file; if it is the document's own next revision, write it as 次回改訂 or 次回見直し予定 (read as the document's schedule)";

/// Refuses the first of `rows` (a sheet's row index and the cells to judge: a row above a
/// status table's header, every row of a sheet without ids, a header cell with the date
/// beside it, a cell of a column without a header) that states a fact of the ISMAP list
/// entry a verdict depends on ([`page::registry_fact`]: a deadline, the audit period, an
/// improvement plan, the scope): one such row is enough, wherever it stands. A table
/// carries no registry facts, and none is passed over (which would report a lapsed
/// registration "not checked").
fn refuse_registry_facts(
    sheet: &Sheet,
    rows: impl IntoIterator<Item = (usize, Vec<String>)>,
    place: &str,
) -> Result<(), InputError> {
    for (i, cells) in rows {
        // `対象範囲 | <the service>`, `対象範囲 | 本サービスの全リージョン`: read as `対象サービス`
        // is (review 13 C-2)
        if page::scope_limits_nothing(&cells) {
            continue;
        }
        if let Some(word) = page::name_state_noted(&cells) {
            let text = crate::text::join_filled(cells.iter().map(String::as_str));
            return Err(page::registry_state_error(
                word,
                &format!("'{}' {place}", published::quote(&text)),
                sheet.location().row(i + 1),
            ));
        }
        if let Some(fact) = page::registry_fact(&cells) {
            // an audit that found something (`前回監査: 2024年度（指摘事項あり）`) is refused as
            // what it is
            if let Some(Some(what)) = remarks::audit_line(&fact) {
                return Err(InputError::at(
                    sheet.location().row(i + 1),
                    format!(
                        "'{}' {place} reports what an audit found ('{}'): the list's statements are not read as implemented without it",
                        published::quote(&fact),
                        published::quote(&what)
                    ),
                )
                .hint(remarks::FOR_AUDIT_FINDING));
            }
            return Err(InputError::at(
                sheet.location().row(i + 1),
                format!(
                    "'{}' {place} is a fact of the ISMAP list entry, which is not read from a table: it is not passed over either",
                    published::quote(&fact)
                ),
            )
            .hint(if page::next_update_label(&cells) {
                FOR_NEXT_UPDATE_IN_A_TABLE
            } else {
                FOR_FACTS_IN_A_TABLE
            }));
        }
    }
    Ok(())
}

/// The rows of `sheet` as [`refuse_registry_facts`] takes them, the first `n`.
fn first_rows(sheet: &Sheet, n: usize) -> impl Iterator<Item = (usize, Vec<String>)> + '_ {
    sheet.rows.iter().cloned().enumerate().take(n)
}

/// Refuses a registry fact written in a status table's own rows outside its columns: a
/// header cell with a day beside it (`管理策番号 | 実施状況 | | 登録の更新期限 | 2025/03/31`),
/// or a cell of a column without a header (`3.1.2,実施,,登録の更新期限: 2025/03/31`).
fn refuse_registry_facts_in_table(sheet: &Sheet, layout: &Layout) -> Result<(), InputError> {
    let Some(h) = layout.header else {
        return Ok(());
    };
    let header = sheet.rows.get(h).cloned().unwrap_or_default();
    let beside = header
        .windows(2)
        .filter(|pair| !crate::date::days_in(&pair[1]).is_empty())
        .map(|pair| (h, pair.to_vec()));
    refuse_registry_facts(sheet, beside, "beside the table's header")?;
    let unheaded = |c: usize| header.get(c).is_none_or(|t| t.trim().is_empty());
    let cells = sheet
        .rows
        .iter()
        .enumerate()
        .skip(h + 1)
        .flat_map(|(i, row)| {
            row.iter()
                .enumerate()
                .filter(|(c, t)| unheaded(*c) && !t.trim().is_empty())
                .map(move |(_, t)| (i, vec![t.clone()]))
                .collect::<Vec<_>>()
        });
    refuse_registry_facts(sheet, cells, "in a column without a header")
}

/// The registration kind the rows above a table's header state ([`page::kind_stated`]:
/// `登録区分: ISMAP`, `区分 | ISMAP-LIU`, the list's title); ISMAP-LIU when any says so (the
/// lesser assurance wins, as in a pasted entry). (A row there stating another fact of the
/// list entry a verdict depends on was refused before: [`refuse_registry_facts`].)
fn kind_above_header(
    sheet: &Sheet,
    layout: &Layout,
) -> Result<Option<RegistrationKind>, InputError> {
    let above = layout.header.unwrap_or(0);
    let mut kind = None;
    for (i, row) in sheet.rows.iter().enumerate().take(above) {
        match page::kind_stated(row) {
            Ok(None) => {}
            Ok(Some(k)) => {
                if kind != Some(RegistrationKind::IsmapLiu) {
                    kind = Some(k);
                }
            }
            Err((label, value)) => {
                let c = row.iter().position(|c| !c.trim().is_empty()).unwrap_or(0);
                return Err(InputError::at(
                    sheet
                        .location()
                        .row(i + 1)
                        .column(crate::input::column_letter(c)),
                    format!(
                        "'{}' after '{}' is neither ISMAP nor ISMAP-LIU",
                        published::quote(&value),
                        published::quote(&label)
                    ),
                )
                .hint("write the list the service is registered on: ISMAP or ISMAP-LIU; or remove the line"));
            }
        }
    }
    Ok(kind)
}

/// A cell comment (a note, メモ, or a threaded comment) on a row that states a control
/// implemented is read as a remark on the row, as a remarks column is: one that qualifies
/// the statement (a scope limit, a deferral, someone else's implementation, another
/// status, a date after `as_of`) refuses the row; a description is read, and kept with the
/// row's remark for the reader. A comment on the header row is read for every row stated
/// implemented.
fn check_comments(
    sheet: &Sheet,
    layout: &Layout,
    marks: &SheetMarks,
    listed: &mut Listed,
    catalog: &Catalog,
    as_of: crate::date::Date,
) -> Result<(), InputError> {
    let header_row = layout.header.map(|h| h + 1);
    // a registry fact in a comment (`2026年9月30日付で登録失効`, `登録の更新期限: 2026-09-30`):
    // not read from a comment, and not passed over (review 21 A-9)
    for (&(r, c), text) in &marks.comments {
        if page::registry_fact_said(std::slice::from_ref(text)).is_some() {
            return Err(InputError::at(
                sheet
                    .location()
                    .row(usize::try_from(r).unwrap_or(0))
                    .column(crate::input::column_letter(usize::try_from(c).unwrap_or(0))),
                format!(
                    "the cell comment '{}' is a fact of the ISMAP list entry, which is not read from a comment: it is not passed over either",
                    published::quote(text)
                ),
            )
            .hint(FOR_FACTS_IN_A_TABLE));
        }
    }
    // a comment above a status table's header or below its last row is a note on the
    // table: read for every row
    let table_first = matches!(layout.kind, TableKind::StatusTable(_))
        .then(|| {
            listed
                .controls
                .iter()
                .find(|x| x.declared == Declared::Implemented)
        })
        .flatten()
        .map(|x| x.raw.clone());
    let last = table_first
        .as_ref()
        .and_then(|_| status_table::last_id_row(sheet, layout));
    // a comment on a merged cell is on every row of the merge, as its value is
    let on_rows = marks.comments.iter().flat_map(|(&(r, c), text)| {
        let (Ok(n), Ok(col)) = (usize::try_from(r), usize::try_from(c)) else {
            return Vec::new();
        };
        let rows = sheet
            .merges
            .iter()
            .find(|m| n > 0 && m.contains(n - 1, col))
            .map_or(n..=n, |m| m.top + 1..=m.bottom + 1);
        rows.map(|row| (r, row, col, text)).collect::<Vec<_>>()
    });
    for (r, n, c, text) in on_rows {
        if let Some(first) = &table_first {
            if let Some(place) = status_table::outside(layout, last, n) {
                let cell = format!("{}{r}", crate::input::column_letter(c));
                status_table::note_on_table(sheet, n, c, text, place, first, &cell, as_of)?;
                continue;
            }
        }
        let on_header = header_row == Some(n);
        let Some(first) = listed
            .controls
            .iter()
            .find(|x| x.declared == Declared::Implemented && (on_header || x.line == Some(n)))
        else {
            continue;
        };
        if remarks::says_nothing(text) {
            continue;
        }
        let titles = if on_header {
            Vec::new()
        } else {
            published::catalog_titles(catalog, &first.raw)
        };
        let Some(q) = remarks::qualifier_on(text, &titles, as_of) else {
            if !on_header {
                let text = crate::text::join_filled(text.split_whitespace());
                for x in listed.controls.iter_mut().filter(|x| x.line == Some(n)) {
                    if x.declared == Declared::Implemented && !x.reason.contains(&text) {
                        if !x.reason.is_empty() {
                            x.reason.push_str("; ");
                        }
                        x.reason.push_str(&text);
                    }
                }
            }
            continue;
        };
        let letter = crate::input::column_letter(c);
        let cell = format!("{letter}{r}");
        let name = match layout.name(c) {
            "" => letter.as_str(),
            name => name,
        };
        let whom = if on_header {
            format!(
                "the header of a table that states {} and other controls",
                first.raw
            )
        } else {
            format!("the row that states {}", first.raw)
        };
        return Err(InputError::at(
            sheet.location().row(n).column(name),
            format!(
                "the comment on cell {cell} ('{}') {}, on {whom} implemented: a cell comment is read as a remark, and the row is not read as implemented",
                published::quote(text),
                q.what()
            ),
        )
        .hint(format!(
            "{}; the comment counts as the rest of the row does (delete it if it no longer holds)",
            q.hint()
        )));
    }
    Ok(())
}

/// Refuses a published list (ids without a status column, read as implemented) whose id
/// rows carry two or more colours (a cell's fill, or its font's colour) at one level of
/// the ids (objectives, details): the colour may state each row's status (信号色: red 未実施,
/// green 実施; review 12 A-17), which is not read. Rows banded by turns (every other row
/// shaded) and a level shaded apart (objectives grey over their details) are read.
fn check_colours(sheet: &Sheet, layout: &Layout, marks: &SheetMarks) -> Result<(), InputError> {
    if marks.colours.is_empty() {
        return Ok(());
    }
    // each id row's look (its cells' colours, `none` when it has none), by the id's level
    let mut levels: std::collections::BTreeMap<usize, Vec<(usize, String)>> = Default::default();
    for (i, row) in sheet.rows.iter().enumerate() {
        let Some(id) = row.get(layout.id_column).map(|c| c.trim()) else {
            continue;
        };
        if !classify::is_id_cell(id) {
            continue;
        }
        let n = u32::try_from(i + 1).unwrap_or(u32::MAX);
        // the Hyperlink style's font (the theme's hyperlink colours, 10 and 11, which
        // Excel's colour picker does not offer) on a cell with a hyperlink is a link, no
        // status (review 13 C-9 rest); without one it is a colour (review 16 A-4)
        let mut looks: Vec<&str> = marks
            .colours
            .range((n, 0)..=(n, u32::MAX))
            .filter(|(at, c)| !(is_hyperlink_font(c) && marks.hyperlinks.contains(at)))
            .map(|(_, c)| c.as_str())
            .collect();
        looks.sort_unstable();
        looks.dedup();
        let look = match looks.as_slice() {
            [] => "none".to_owned(),
            l => l.join(" + "),
        };
        let level = id.split('.').count();
        levels.entry(level).or_default().push((i + 1, look));
    }
    for rows in levels.values() {
        let first = &rows[0];
        let Some(other) = rows.iter().find(|(_, look)| *look != first.1) else {
            continue;
        };
        // banded by turns: each row's look is that of its row number's parity
        let banded = rows.iter().all(|(n, look)| {
            rows.iter()
                .find(|(m, _)| m % 2 == n % 2)
                .is_some_and(|(_, l)| l == look)
        });
        if banded || striped(rows) || pale_bands(rows) || explained_highlight(sheet, layout, rows) {
            continue;
        }
        return Err(InputError::at(
            sheet.location().row(other.0),
            format!(
                "the list has no status column, and its id rows are coloured differently ('{}' on row {}, '{}' on row {}): a colour may state a status (red for 未実施), which is not read, and every id would count as implemented",
                first.1, first.0, other.1, other.0
            ),
        )
        .hint("give each control's status in a status column (実施状況: 実施, 未実施, 計画中, 非該当); if the colours state nothing, clear them"));
    }
    Ok(())
}

/// Whether id rows are banded in stripes of one length (an Excel table style's stripe of
/// two rows: two plain, two shaded, …): two looks, taking turns in runs of the same length
/// at least twice each, the last run maybe shorter (review 13 C-9). A few rows of one look
/// at the end (`9.2.3`, `9.2.4` red) are no stripes.
/// Whether the id rows' looks are one base and one highlight (a fill) that a note on the
/// sheet outside the table names by its colour as marking changes (`※
/// 黄色の行は前版からの変更箇所です`), no status (review 13 C-4): read. A note naming a
/// status, a highlight of another colour than the note's, or a third look is not.
fn explained_highlight(sheet: &Sheet, layout: &Layout, rows: &[(usize, String)]) -> bool {
    let mut looks: Vec<&str> = rows.iter().map(|(_, l)| l.as_str()).collect();
    looks.sort_unstable();
    looks.dedup();
    let [a, b] = looks.as_slice() else {
        return false;
    };
    let highlight = match (*a, *b) {
        ("none", h) | (h, "none") => h,
        _ => return false,
    };
    sheet.rows.iter().any(|row| {
        let id = row.get(layout.id_column).map_or("", |c| c.trim());
        if classify::is_id_cell(id) {
            return false;
        }
        let text = row
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let lower = crate::text::fold_width(&text).to_lowercase();
        let colour = COLOUR_WORDS.iter().find(|w| lower.contains(**w));
        colour.is_some_and(|w| fill_is(highlight, w)) && published::is_change_note(&text)
    })
}

/// Whether a row's look is a solid fill of the colour a word names (yellow, green, blue,
/// orange, pink; `fill rgb FFFFFF00`).
fn fill_is(look: &str, word: &str) -> bool {
    let Some(rgb) = look.strip_prefix("fill rgb ") else {
        return false;
    };
    let hex = rgb.get(rgb.len().saturating_sub(6)..).unwrap_or("");
    let channel = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
    };
    let (Some(r), Some(g), Some(b)) = (channel(0), channel(2), channel(4)) else {
        return false;
    };
    match word {
        "黄" | "yellow" => r >= 0xC0 && g >= 0xD8 && b <= 0xA0, // not FFC000 (gold; review 14 A-6)
        "緑" | "green" => g >= 0x99 && g > r && g > b,
        "青" | "blue" => b >= 0x99 && b > r && b > g,
        "橙" | "オレンジ" | "orange" => r >= 0xC0 && (0x60..0xD0).contains(&g) && b <= 0x80,
        _ => false,
    }
}

fn striped(rows: &[(usize, String)]) -> bool {
    let mut runs: Vec<(&str, usize)> = Vec::new();
    for (_, look) in rows {
        match runs.last_mut() {
            Some((l, n)) if *l == look.as_str() => *n += 1,
            _ => runs.push((look.as_str(), 1)),
        }
    }
    let Some((_, stripe)) = runs.first().copied() else {
        return false;
    };
    let two_looks = runs
        .iter()
        .all(|(l, _)| *l == runs[0].0 || Some(*l) == runs.get(1).map(|r| r.0));
    let (last, full) = runs.split_last().map_or((0, &runs[..0]), |(l, f)| (l.1, f));
    runs.len() >= 4 && two_looks && full.iter().all(|(_, n)| *n == stripe) && last <= stripe
}

/// Whether a look is the font of Excel's Hyperlink or Followed Hyperlink style (the
/// theme's colours 10 and 11).
fn is_hyperlink_font(look: &str) -> bool {
    matches!(
        look.strip_prefix("font theme ")
            .and_then(|t| t.split(' ').next()),
        Some("10" | "11")
    )
}

/// Whether id rows are banded by a pale fill whatever the stripes' lengths (a row inserted
/// into a banded list breaks the turns, review 13 C-9 rest): two looks, no colour and one
/// pale fill (every channel 0xD0 or more: `DDEBF7`, `D9D9D9`, not `BFBFBF` grey nor
/// `FF9999` red), the pale one in at least two stretches apart, each of at most two rows.
/// A pale fill on one row or one block (a highlight) is not banding; nor are more than
/// three plain rows between shaded ones, or shaded rows under a third of the rows.
fn pale_bands(rows: &[(usize, String)]) -> bool {
    let mut looks: Vec<&str> = rows.iter().map(|(_, l)| l.as_str()).collect();
    looks.sort_unstable();
    looks.dedup();
    let pale = match looks.as_slice() {
        ["none", p] | [p, "none"] => *p,
        _ => return false,
    };
    let Some(rgb) = pale.strip_prefix("fill rgb ") else {
        return false;
    };
    let hex = rgb.get(rgb.len().saturating_sub(6)..).unwrap_or("");
    let is_pale = (0..3).all(|i| {
        hex.get(2 * i..2 * i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .is_some_and(|c| c >= 0xD0)
    });
    if !is_pale {
        return false;
    }
    // the runs of each look, in the rows' order
    let mut runs: Vec<(bool, usize)> = Vec::new();
    for (_, look) in rows {
        let is = look == pale;
        match runs.last_mut() {
            Some((l, len)) if *l == is => *len += 1,
            _ => runs.push((is, 1)),
        }
    }
    // a pale green or a warm pale fill (`E2EFDA`, `FCE4D6`, `FFF2CC`) is the colour most
    // used to mark a row done or to be looked at: read as banding only when it takes turns
    // without a break (review 16 A-4)
    let channel = |i: usize| {
        hex.get(2 * i..2 * i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0)
    };
    let (r, g, b) = (channel(0), channel(1), channel(2));
    let neutral = r.max(g).max(b) - r.min(g).min(b) <= 0x08;
    let bluish = b >= r && b >= g;
    if !(neutral || bluish || regular_turns(&runs)) {
        return false;
    }
    let shaded: Vec<usize> = runs.iter().filter(|r| r.0).map(|r| r.1).collect();
    let plain_inner = runs[1..runs.len().saturating_sub(1).max(1)]
        .iter()
        .filter(|r| !r.0);
    let pale_rows: usize = shaded.iter().sum();
    shaded.len() >= 2
        && shaded.iter().all(|&len| len <= 2)
        && plain_inner.clone().all(|r| r.1 <= 3)
        && pale_rows * 3 >= rows.len()
}

/// Whether runs of two looks take turns in one length (1 or 2 rows), the first and the last
/// run no longer than it: a banding without a break.
fn regular_turns(runs: &[(bool, usize)]) -> bool {
    if runs.len() < 3 {
        return false;
    }
    let inner = &runs[1..runs.len() - 1];
    let len = inner[0].1;
    len <= 2
        && inner.iter().all(|r| r.1 == len)
        && runs.first().is_some_and(|r| r.1 <= len)
        && runs.last().is_some_and(|r| r.1 <= len)
}

/// A sheet whose name negates or qualifies (`Gaps`, `課題一覧`, `不適用`) and whose rows state
/// no status: its ids cannot be read as implemented, nor as anything else.
fn qualified_sheet(sheet: &Sheet, word: &str) -> InputError {
    InputError::at(
        sheet.location(),
        format!(
            "the sheet's name negates, excludes, defers or qualifies ('{word}'), and its rows state no status: its ids are not read as implemented, and what else they are cannot be told"
        ),
    )
    .hint("rename the sheet if it lists implemented controls; a sheet of controls not implemented is read by a name such as 未実施, 非該当 or 計画中; or give each row its status in a status column (実施状況); --csp-sheet NAME reads one other sheet only")
}

/// A column of a table without a status column that is neither its ids, their titles nor
/// row numbers (a responsibility, an owner, a date, evidence, a remark): read as a published
/// list, every id would be implemented whatever the column says.
fn unread_column(sheet: &Sheet, layout: &Layout, c: usize) -> InputError {
    let name = layout.name(c);
    let sample = sheet
        .rows
        .iter()
        .filter(|r| classify::is_id_cell(r.get(layout.id_column).map_or("", |s| s)))
        .filter_map(|r| r.get(c).map(|s| s.trim()))
        .find(|s| !s.is_empty())
        .unwrap_or("");
    InputError::at(
        sheet.location().column(name),
        format!(
            "the table has no status column, and its column '{name}' (holding '{}') is neither the ids, their titles nor row numbers: read as a published list, every id would count as implemented whatever '{name}' says",
            published::quote(sample)
        ),
    )
    .hint("give each control's status in a status column (実施状況, status) — or name the column holding them with --status-column NAME; remove the column if it says nothing about implementation; a column of titles is read under a header such as 管理策名 or title")
    .not_a_list(NotAList::NoStatusColumn)
}

/// Refuses what a reader of the sheet does not see as the tool would read it: a hidden or
/// struck-through row holding an id (a deleted or superseded entry), a hidden id or status
/// column.
fn check_marks(sheet: &Sheet, layout: &Layout, marks: &SheetMarks) -> Result<(), InputError> {
    let id_columns: Vec<usize> = if layout.grid {
        (0..layout.names.len()).collect()
    } else {
        vec![layout.id_column]
    };
    for c in layout.read_columns() {
        let holds = sheet
            .rows
            .iter()
            .any(|r| r.get(c).is_some_and(|t| !t.trim().is_empty()));
        if holds && u32::try_from(c).is_ok_and(|c| marks.hidden_columns.contains(&c)) {
            let name = layout.name(c);
            return Err(InputError::at(
                sheet.location().column(name),
                format!("the column '{name}' is hidden, and the tool would read the table's ids or statuses from it: what a reader of the sheet does not see is not read"),
            )
            .hint("unhide the column (or delete it, and give the statuses in a visible column)"));
        }
    }
    for (i, row) in sheet.rows.iter().enumerate() {
        let n = i + 1;
        let Ok(r) = u32::try_from(n) else { continue };
        let loc = sheet.location().row(n);
        let Some(id) = id_columns
            .iter()
            .filter_map(|&c| row.get(c))
            .find(|t| classify::is_id_cell(t))
        else {
            if layout.header.is_some_and(|h| i < h) && !matches!(page::kind_stated(row), Ok(None)) {
                check_kind_row_marks(row, r, loc, marks)?;
            }
            continue;
        };
        // a hidden row (a filter showing only 実施, review 12 C-16) stating a status other
        // than implemented is read as written: it credits nothing, and dropping it would
        // drop a statement; one stating implemented (maybe a superseded entry) is refused
        if marks.hidden_rows.contains(&r) && !states_not_implemented(row, layout) {
            return Err(InputError::at(
                loc,
                format!(
                    "the row is hidden, and holds {}: a hidden row may be a deleted or superseded entry, and is not read as implemented",
                    published::quote(id)
                ),
            )
            .hint("unhide the row if it states the control, or delete it"));
        }
        if let Some((c, text)) = struck_cell(row, r, marks) {
            return Err(InputError::at(
                loc.column(layout.name(c)),
                format!(
                    "'{}' is struck through (見え消し, a deletion in a revised list): the row is not read, and {} is not read as implemented",
                    published::quote(text),
                    published::quote(id)
                ),
            )
            .hint("delete the struck-through entry, or remove the strike-through if it stands"));
        }
    }
    Ok(())
}

/// Whether a row of a status table states a status other than implemented (`非該当`,
/// `未実施`, `計画中`; in a check-mark matrix, a mark under such a column only).
fn states_not_implemented(row: &[String], layout: &Layout) -> bool {
    let TableKind::StatusTable(cols) = &layout.kind else {
        return false;
    };
    let at = |c: usize| row.get(c).map_or("", |t| t.trim());
    match &cols.status {
        classify::StatusSource::Column(c) => {
            vocab::status_value(at(*c)).is_ok_and(|v| v.declared != Declared::Implemented)
        }
        classify::StatusSource::Matrix(m) => {
            let marked: Vec<Declared> = m
                .iter()
                .filter(|(c, _)| vocab::check_cell(at(*c)) == vocab::Check::Selected)
                .map(|(_, d)| *d)
                .collect();
            matches!(marked.as_slice(), [d] if *d != Declared::Implemented)
        }
    }
}

/// The first filled cell of row `r` (from 1) that is struck through, with its column.
fn struck_cell<'a>(row: &'a [String], r: u32, marks: &SheetMarks) -> Option<(usize, &'a String)> {
    row.iter().enumerate().find(|(c, t)| {
        !t.trim().is_empty() && u32::try_from(*c).is_ok_and(|c| marks.struck.contains(&(r, c)))
    })
}

/// Refuses a row above the header stating the registration kind (`登録区分: ISMAP`) that is
/// hidden or struck through: such a row may be a superseded statement, and states no kind.
fn check_kind_row_marks(
    row: &[String],
    r: u32,
    loc: Location,
    marks: &SheetMarks,
) -> Result<(), InputError> {
    let text = crate::text::join_filled(row.iter().map(String::as_str));
    let struck = struck_cell(row, r, marks).is_some();
    if !(struck || marks.hidden_rows.contains(&r)) {
        return Ok(());
    }
    let how = if struck {
        "struck through (見え消し)"
    } else {
        "hidden"
    };
    Err(InputError::at(
        loc,
        format!(
            "the row stating the registration kind ('{}') is {how}: it may be a superseded statement, and states no kind",
            published::quote(&text)
        ),
    )
    .hint("delete the row if it no longer holds, or unhide it (remove the strike-through) if it does"))
}

/// Refuses a cell holding a formula without a calculated value (a file written by a tool
/// that does not calculate, not saved by Excel since): it reads as empty, but what it
/// would show — a status, a remark, a date, who implements it — is unknown, and an empty
/// remark or date would let the row be read as implemented. Only a column of row numbers
/// (`No`, `項番`) is passed over.
fn check_unvalued(sheet: &Sheet, layout: &Layout, marks: &SheetMarks) -> Result<(), InputError> {
    let header_text = |c: usize| {
        layout
            .header
            .and_then(|h| sheet.rows.get(h))
            .and_then(|r| r.get(c))
            .map_or("", |s| s.trim())
    };
    for &(r, c) in &marks.unvalued {
        let (Ok(n), Ok(c)) = (usize::try_from(r), usize::try_from(c)) else {
            continue;
        };
        let header = header_text(c);
        if c != layout.id_column && !header.is_empty() && classify::is_number_header(header) {
            continue;
        }
        // a total row under a status table (`合計 | =COUNTIF(…)`) is read past anyway
        if let (TableKind::StatusTable(cols), Some(row)) = (
            &layout.kind,
            n.checked_sub(1).and_then(|i| sheet.rows.get(i)),
        ) {
            let in_row: Vec<usize> = marks
                .unvalued
                .iter()
                .filter(|&&(r2, _)| r2 == r)
                .filter_map(|&(_, c2)| usize::try_from(c2).ok())
                .collect();
            if layout.header.is_some_and(|h| n > h + 1)
                && status_table::is_unvalued_total_row(row, layout, cols, &in_row)
            {
                continue;
            }
        }
        let (letter, at) = cell_location(sheet, layout, n, c);
        return Err(InputError::at(
            at,
            format!(
                "cell {letter}{r} holds a formula without a calculated value: it reads as empty, but what it would show (a status, a remark, a date) is unknown, and the row is not read"
            ),
        )
        .hint(workbook_zip::SAVE_FORMULAS_HINT));
    }
    Ok(())
}

/// The column letter of the cell on row `n` (from 1), column `c`, and where it is: its
/// column's name below the header; above the header (or in it) no column is known yet,
/// and the cell alone says where.
fn cell_location(
    sheet: &Sheet,
    layout: &Layout,
    n: usize,
    c: usize,
) -> (String, crate::error::Location) {
    let letter = crate::input::column_letter(c);
    let name = match layout.name(c) {
        "" => letter.as_str(),
        name => name,
    };
    let at = match layout.header {
        Some(h) if n > h + 1 => sheet.location().row(n).column(name),
        _ => sheet.location().row(n),
    };
    (letter, at)
}

/// Refuses a text cell whose number format hides its text (`;;;`, an empty fourth
/// section) or shows it in a way not read (a digit or a condition in the text section):
/// what the sheet shows is not what the cell holds, and the row is not read (review 18
/// A-4). Only a column of row numbers is passed over, as for [`check_unvalued`].
fn check_hidden_text(sheet: &Sheet, layout: &Layout, marks: &SheetMarks) -> Result<(), InputError> {
    for (&(r, c), code) in &marks.text_formats {
        let (Ok(n), Ok(c)) = (usize::try_from(r), usize::try_from(c)) else {
            continue;
        };
        let Some(text) = n
            .checked_sub(1)
            .and_then(|i| sheet.rows.get(i))
            .and_then(|row| row.get(c))
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
        else {
            continue;
        };
        if workbook_zip::text_shown(code, text).is_none_or(|shown| !shown.is_empty()) {
            continue;
        }
        let header = layout
            .header
            .and_then(|h| sheet.rows.get(h))
            .and_then(|row| row.get(c))
            .map_or("", |s| s.trim());
        if c != layout.id_column && !header.is_empty() && classify::is_number_header(header) {
            continue;
        }
        if hidden_remark_read_as_typed(sheet, layout, n, c) {
            continue;
        }
        let (letter, at) = cell_location(sheet, layout, n, c);
        return Err(InputError::at(
            at,
            format!(
                "cell {letter}{r} holds '{text}', but its number format ('{code}') hides it or shows it in a way not read: what the sheet shows is not known, and the row is not read"
            ),
        )
        .hint("clear the cell's number format (Format Cells → General or Text) so it shows what it holds, and save the workbook"));
    }
    Ok(())
}

/// Whether a text cell hidden by its format (sheet row `n`, column `c`) is a remark of a
/// status table read as typed, not refused (review 20 C-9: a helper or remark column
/// formatted `;;;` refused the whole list): a column that is not the id, status,
/// applicability or evidence column, nor the reason column of a row not stated
/// implemented. Its typed words still go through the remark rules (a hidden `予定` still
/// stands against the row); the status itself, the evidence and a reason are what the
/// sheet must show.
fn hidden_remark_read_as_typed(sheet: &Sheet, layout: &Layout, n: usize, c: usize) -> bool {
    let TableKind::StatusTable(cols) = &layout.kind else {
        return false;
    };
    let row = n.checked_sub(1).and_then(|i| sheet.rows.get(i));
    let (classify::StatusSource::Column(status), Some(row)) = (&cols.status, row) else {
        return false;
    };
    let implemented = row
        .get(*status)
        .is_some_and(|t| vocab::status_value(t).is_ok_and(|v| v.declared == Declared::Implemented));
    cols.remarks.contains(&c)
        && cols.evidence != Some(c)
        && (implemented || !cols.reasons.contains(&c))
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
/// The statement-of-applicability sheet of a workbook `readiness` wrote, recognised by its
/// visible sheets being exactly those it writes (in either language) and the statement and
/// findings sheets opening with its header row; `None` otherwise (a workbook of the user's
/// whose sheets have those names is read sheet by sheet, as any other).
fn readiness_workbook<'a>(path: &Path, visible: &[&'a str]) -> Result<Option<&'a str>, InputError> {
    for lang in [crate::lang::Lang::Ja, crate::lang::Lang::En] {
        if visible != crate::report::xlsx::readiness_sheet_names(lang) {
            continue;
        }
        let headers = crate::report::readiness::item_headers(lang);
        for name in &visible[1..] {
            let sheet = table::read_workbook_with(path, Some(name), Merged::FillDown)?;
            let first = sheet.rows.first().map(Vec::as_slice).unwrap_or_default();
            let ours = first.len() >= headers.len()
                && first.iter().zip(&headers).all(|(c, h)| c.trim() == *h)
                && first[headers.len()..].iter().all(|c| c.trim().is_empty());
            if !ours {
                return Ok(None);
            }
        }
        return Ok(Some(visible[1]));
    }
    Ok(None)
}

fn from_workbook(
    path: &Path,
    opts: &CspOptions,
    catalog: &Catalog,
) -> Result<Attestation, InputError> {
    let mut att = from_workbook_sheets(path, opts, catalog)?;
    att.read_as.marks_not_read = marks_not_read(path);
    refuse_iso_numbering(path, &att, || workbook_names_ismap(path))?;
    Ok(att)
}

/// A workbook whose cell marks the reader cannot see, by its extension: an .xls (or .xlsb)
/// file's comments, hidden rows and strike-through (calamine gives none; a sheet of an .xls
/// holding one is refused, [`crate::input::xls`], but its colours and number formats are
/// not read). An .ods file's are read as an .xlsx's are (s17-sheets).
fn marks_not_read(path: &Path) -> Option<&'static str> {
    let ext = path.extension()?.to_string_lossy().to_lowercase();
    match ext.as_str() {
        "xls" | "xlsb" => Some("xls"),
        _ => None,
    }
}

fn from_workbook_sheets(
    path: &Path,
    opts: &CspOptions,
    catalog: &Catalog,
) -> Result<Attestation, InputError> {
    if let Some(wanted) = opts.sheet {
        let mut sheet = table::read_workbook_with(path, Some(wanted), Merged::FillDown)?;
        if let Some(name) = sheet.sheet.as_deref() {
            if vocab::sheet_meaning(name) == SheetMeaning::History {
                return Err(InputError::at(
                    sheet.location(),
                    "the sheet's name says it is a history of changes, not a list of controls",
                )
                .hint("pick the sheet that states the controls, or rename this one"));
            }
            if other_framework_sheet(name) {
                return Err(InputError::at(
                    sheet.location(),
                    "the sheet's name names another framework than ISMAP: its rows are not the ISMAP statement",
                )
                .hint("pick the sheet of the CSP's ISMAP list; if this sheet is it, name it so (ISMAP)"));
            }
        }
        let mut marks = sheet_marks(path, &mut sheet)?;
        if let Some(marks) = &mut marks {
            marks.legend_sheet = legend_sheets(path, &table::visible_sheet_names(path)?)?;
        }
        let mut other_rows = Vec::new();
        return match read_table_of_ismap(&sheet, opts, catalog, marks.as_ref(), &mut other_rows)? {
            Some(part) if iso_soa_sheet(sheet.sheet.as_deref().unwrap_or_default(), &part) => {
                Err(iso_soa_error(sheet.location()))
            }
            Some(part) => {
                let parts = vec![part];
                // the other sheets without ids (a cover, notes) still speak for the workbook
                let mut covers = Vec::new();
                let others = other_sheets_without_ids(path, &sheet, opts, catalog, &mut covers)?;
                refuse_unlike_cover(path, &covers, &parts)?;
                notes_beside(&others, &parts, opts.as_of())?;
                let mut att = from_parts(path, parts, Vec::new(), catalog)?;
                att.liu_said = liu_in_sheet(&sheet, marks.as_ref());
                att.read_as.other_framework_rows = other_rows;
                apply_cover(path, covers, &mut att)?;
                Ok(att)
            }
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
    // a workbook `readiness` wrote: its statement of applicability is the list; the summary
    // and the findings are what the tool derived from it
    if let Some(soa) = readiness_workbook(path, &visible)? {
        for name in visible.iter().filter(|n| **n != soa) {
            skipped.push(SkippedSheet {
                sheet: (*name).to_owned(),
                why: SkipReason::Derived,
            });
        }
        visible = vec![soa];
    }
    let mut parts = Vec::new();
    // the sheets without ids (a cover, notes): read for what they say of the workbook
    let mut without_ids = Vec::new();
    let mut covers = Vec::new();
    let mut other_rows = Vec::new();
    let mut liu_said = None;
    let mut read_names = Vec::new();
    // the first sheet skipped as the ISO/IEC 27001 statement of applicability
    let mut iso_soa = None;
    let mut ignored = 0;
    let sheets = visible.join(", ");
    let several = visible.len() > 1;
    let legend = legend_sheets(path, &visible)?;
    for name in visible {
        if vocab::sheet_meaning(name) == SheetMeaning::History {
            skipped.push(SkippedSheet {
                sheet: name.to_owned(),
                why: SkipReason::History,
            });
            continue;
        }
        if other_framework_sheet(name) {
            skipped.push(SkippedSheet {
                sheet: name.to_owned(),
                why: SkipReason::OtherFramework,
            });
            continue;
        }
        read_names.push(name);
        let mut sheet = table::read_workbook_with(path, Some(name), Merged::FillDown)?;
        let mut marks = sheet_marks(path, &mut sheet)?;
        if let Some(marks) = &mut marks {
            marks.legend_sheet.clone_from(&legend);
        }
        liu_said = liu_said.or_else(|| liu_in_sheet(&sheet, marks.as_ref()));
        // a sheet of instructions or a cover beside the list may read as a list: the hint
        // names --csp-sheet
        let read = read_table_of_ismap(&sheet, opts, catalog, marks.as_ref(), &mut other_rows).map_err(|mut e| {
            if several {
                e.hint = Some(match e.hint.take() {
                    Some(hint) => format!("{hint}; if sheet '{name}' is not the CSP's list (instructions, a cover), read the sheet that holds it with --csp-sheet NAME (sheets: {sheets})"),
                    None => format!("if sheet '{name}' is not the CSP's list (instructions, a cover), read the sheet that holds it with --csp-sheet NAME (sheets: {sheets})"),
                });
            }
            e
        })?;
        match read {
            Some(part) if iso_soa_sheet(name, &part) => {
                read_names.retain(|n| *n != name);
                iso_soa.get_or_insert(sheet.location());
                skipped.push(SkippedSheet {
                    sheet: name.to_owned(),
                    why: SkipReason::OtherFramework,
                });
            }
            Some(part) => parts.push(part),
            None => {
                // a sheet of the entry's facts (登録の更新期限, 監査対象期間…) beside the
                // statuses: its lapse or its audit period must not be lost, by the rule
                // for rows above a table's header
                // (the facts of the entry on a cover are read: review 15 C-2)
                let mut sheet = sheet;
                match cover_facts(&mut sheet, path, catalog, opts.as_of())? {
                    Some(page) => covers.push((sheet.sheet.clone(), page)),
                    None => refuse_registry_facts(
                        &sheet,
                        first_rows(&sheet, usize::MAX),
                        "on a sheet without control ids",
                    )?,
                }
                ignored += ignored_tokens(&sheet);
                skipped.push(SkippedSheet {
                    sheet: name.to_owned(),
                    why: SkipReason::NoIds,
                });
                without_ids.push((sheet, marks));
            }
        }
    }
    if let (true, Some(at)) = (parts.is_empty(), iso_soa) {
        return Err(iso_soa_error(at));
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
        let err = InputError::at(
            Location::file(path),
            format!(
                "found no ISMAP control ids on any sheet (read: {}{not_read}; {ignored} other tokens ignored)",
                read_names.join(", ")
            ),
        )
        .hint("put the CSP's control ids (e.g. 5.1.1 or 8.1.5.P) on a visible sheet, or a status table with id and status columns");
        // a sheet not read (hidden, …) may hold them: that is not a file without ids
        return Err(if not_read.is_empty() {
            err.not_a_list(NotAList::NoIds)
        } else {
            err
        });
    }
    skip_reference_lists(&mut parts, &mut skipped);
    refuse_bare_ids_beside_statuses(path, &parts)?;
    refuse_qualified_sheet_names(path, &parts, opts.as_of())?;
    refuse_catalog_sole_sheet(path, &parts)?;
    refuse_unlike_cover(path, &covers, &parts)?;
    refuse_separate_statements(path, &parts, &covers, catalog)?;
    refuse_example_sheets(path, &parts)?;
    notes_beside(&without_ids, &parts, opts.as_of())?;
    for hidden in skipped.iter().filter(|s| s.why == SkipReason::Hidden) {
        hidden_contradiction(path, &hidden.sheet, &parts, opts, catalog)?;
        hidden_registry_fact(path, &hidden.sheet)?;
        // a hidden sheet is not read for statuses, but what it says of the kind is seen
        if liu_said.is_none() {
            if let Ok(mut sheet) =
                table::read_workbook_with(path, Some(&hidden.sheet), Merged::FillDown)
            {
                let marks = sheet_marks(path, &mut sheet).ok().flatten();
                liu_said = liu_in_sheet(&sheet, marks.as_ref());
            }
        }
    }
    // sheets in the workbook's order
    skipped.sort_by_key(|s| names.iter().position(|(n, _)| *n == s.sheet));
    let mut att = from_parts(path, parts, skipped, catalog)?;
    att.liu_said = liu_said;
    att.read_as.other_framework_rows = other_rows;
    apply_cover(path, covers, &mut att)?;
    Ok(att)
}

/// The registration facts a sheet without control ids states (a cover, 表紙: `登録番号`,
/// `登録の更新期限`, `監査対象期間`, `登録区分`), read as the fields of a pasted entry are
/// ([`page::read`], review 15 C-2/A-11): the cover's deadline is the registration's, read
/// whichever sheet the list is on (`--csp-sheet` too), never dropped and never taken for the
/// list's own date. The rows the fields took (not a title's) are blanked in `sheet`, so that
/// they are not read again as notes; any other row stating a registry fact is refused as
/// before ([`refuse_registry_facts`]). `None` when the sheet gives no field.
fn cover_facts(
    sheet: &mut Sheet,
    path: &Path,
    catalog: &Catalog,
    as_of: crate::date::Date,
) -> Result<Option<page::Page>, InputError> {
    let rows = sheet.rows.clone();
    let Some(lines) = entry_lines(&rows, true, false) else {
        return Ok(None);
    };
    let page = page::read(&lines, path, catalog, as_of).map_err(|mut e| {
        // the page's errors name a line of text: here a row of the sheet
        if let Some(loc) = e.location.as_deref_mut() {
            if let Some(n) = loc.line.take() {
                loc.sheet = sheet.sheet.clone();
                loc.row = Some(n);
            }
        }
        e
    })?;
    let untaken = rows
        .iter()
        .cloned()
        .enumerate()
        .filter(|(i, _)| !page.took(i + 1));
    refuse_registry_facts(sheet, untaken, "on a sheet without control ids")?;
    if page.fields.is_empty() {
        return Ok(None);
    }
    for (i, row) in sheet.rows.iter_mut().enumerate() {
        if page.took(i + 1) && !page.title_lines.contains(&(i + 1)) {
            row.iter_mut().for_each(String::clear);
        }
    }
    Ok(Some(page))
}

/// The fields of the list entry the rows above a table's header state (`有効期限：2027年3月
/// 31日`, `監査対象期間: 2025年4月1日～2026年3月31日`, `登録日`), read by the pasted entry's
/// reader ([`page::read`]) as a cover's are ([`cover_facts`]): a lapsed deadline there makes
/// the items resting on the table `assurance-gap` (review 23 C-6). A scope is not taken (a
/// scope naming a part stays refused, as on a cover); what the reader does not take stays
/// [`refuse_registry_facts`]'. `None` when no row above states a fact a verdict depends on.
fn facts_above(
    sheet: &Sheet,
    header: usize,
    catalog: &Catalog,
    as_of: crate::date::Date,
) -> Result<Option<page::Page>, InputError> {
    let Some(lines) = entry_lines(&sheet.rows[..header.min(sheet.rows.len())], false, true) else {
        return Ok(None);
    };
    // rows the entry's reader cannot take (a label row over a value row, a value that is
    // no date) are refused by the table's rule, naming the row, as before
    Ok(page::read(&lines, Path::new(""), catalog, as_of)
        .ok()
        .filter(|page| !page.fields.is_empty()))
}

/// The rows of a sheet as lines of a pasted entry, for its reader ([`page::read`]), when
/// one states a fact a verdict depends on ([`page::registry_fact`]); a scope is taken only
/// above a table's header (`with_scope`: `言明の対象範囲 | 東京リージョン` over the table it
/// is the scope of, read as a pasted entry's and applied to the table's statements, review
/// 25 C-3); on a cover a scope naming a part stays refused. `numbered`: a row stating the
/// registration number alone makes a cover too (`登録番号 | C21-0001-2`: the tables' rows
/// naming another are then refused, fix32-sheets leftover).
fn entry_lines(rows: &[Vec<String>], numbered: bool, with_scope: bool) -> Option<Vec<Line<'_>>> {
    let entry_like = rows.iter().any(|row| {
        (page::registry_fact(row).is_some() && (with_scope || !page::scope_row(row)))
            || numbered && page::states_registration_number(row)
    });
    entry_like.then(|| {
        rows.iter()
            .enumerate()
            .map(|(i, row)| Line {
                number: i + 1,
                cells: row
                    .iter()
                    .filter(|_| with_scope || !page::scope_row(row))
                    .map(|text| published::Cell {
                        column: None,
                        text,
                        role: published::CellRole::Text,
                    })
                    .collect(),
            })
            .collect()
    })
}

/// Sets the registration facts of the workbook's cover ([`cover_facts`]) on `att`: one sheet
/// of them (two covers may disagree, and which holds is not for the tool to choose); a kind
/// ISMAP-LIU stated elsewhere in the workbook stays (the lesser assurance wins).
fn apply_cover(
    path: &Path,
    covers: Vec<(Option<String>, page::Page)>,
    att: &mut Attestation,
) -> Result<(), InputError> {
    let mut covers = covers.into_iter();
    let Some((_, page)) = covers.next() else {
        return Ok(());
    };
    if let Some((second, _)) = covers.next() {
        return Err(InputError::at(
            Location::file(path).sheet(second.as_deref()),
            "a second sheet without control ids states the registration's facts: one cover of the list entry is read",
        )
        .hint("keep the registration's facts (登録番号, 登録の更新期限, 監査対象期間) on one sheet, or read the list with its entry pasted as a .txt file"));
    }
    let kept = att.registration_kind;
    // the scope the sheets already state (a region's sheet, one status column per part)
    // stays beside the entry's
    let stated_scope = std::mem::take(&mut att.scope);
    page.apply(att);
    if kept == Some(RegistrationKind::IsmapLiu) {
        att.registration_kind = kept;
    }
    if !stated_scope.is_empty() {
        let entry = std::mem::replace(&mut att.scope, stated_scope);
        att.scope.extend(entry);
    }
    Ok(())
}

/// Whether a sheet's name names another framework than ISMAP (`ISO 27001 SoA`, `SOC 2`,
/// `NIST SP 800-53`, `FedRAMP`, `PCI DSS`, `CSA CCM`, `C5`): its rows are that framework's
/// (an SoA, a SOC 2 matrix), not the ISMAP statement (review 15 A-6). A name that also
/// names ISMAP (`ISMAP（ISO 27002ベース）`) is not one; nor `SoA` or `適用宣言書` alone: such a
/// sheet is the ISO/IEC 27001 SoA by its Annex A ids ([`iso_soa_sheet`]).
fn other_framework_sheet(name: &str) -> bool {
    let folded = fold_width(name).to_lowercase();
    if folded.contains("ismap") {
        return false;
    }
    const TOKENS: [&str; 15] = [
        "iso", "iec", "27001", "27002", "27017", "27018", "soc", "soc2", "nist", "fedramp", "pci",
        "hipaa", "ccm", "c5", "gdpr",
    ];
    folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .any(|t| {
            TOKENS.contains(&t)
                || t.strip_prefix("iso").is_some_and(|r| r.starts_with("27"))
                || t.strip_prefix("soc").is_some_and(|r| r == "1" || r == "2")
        })
}

/// Headers of a column naming each row's framework in a multi-framework GRC export
/// (Vanta, Drata, OneTrust: `Framework | Control ID | Status`).
const FRAMEWORK_HEADERS: [&str; 8] = [
    "framework",
    "frameworks",
    "frameworkname",
    "フレームワーク",
    "準拠基準",
    "基準名",
    "対象基準",
    "対象フレームワーク",
];

/// A table with a framework column ([`FRAMEWORK_HEADERS`]), its rows of another framework
/// than ISMAP blanked (numbering kept) and the column itself blanked, with each other
/// framework as written and its count of rows (review 15 A-6): only rows stating ISMAP are
/// ISMAP statements. A row with ids and an empty framework cell cannot be told apart: refused.
/// `None`: no framework column.
fn framework_rows(sheet: &Sheet) -> Result<Option<(Sheet, Vec<String>)>, InputError> {
    let found = sheet.rows.iter().enumerate().take(30).find_map(|(h, row)| {
        let filled = row.iter().filter(|c| !c.trim().is_empty()).count();
        row.iter()
            .position(|c| FRAMEWORK_HEADERS.contains(&&*crate::text::header_key(c.trim())))
            .filter(|_| filled >= 2)
            .map(|c| (h, c))
    });
    let Some((h, c)) = found else {
        return Ok(None);
    };
    // a column of ids under `Framework` is a mapping (`DCF-12 | 9.2.1`), read by its own rule
    let holds_ids = sheet.rows.iter().skip(h + 1).any(|row| {
        row.get(c).is_some_and(|v| {
            !find_ids(v).0.is_empty() && !fold_width(v).to_lowercase().contains("ismap")
        })
    });
    if holds_ids {
        return Ok(None);
    }
    let mut out = sheet.clone();
    let mut others: Vec<(String, usize)> = Vec::new();
    for (i, row) in out.rows.iter_mut().enumerate().skip(h + 1) {
        let value = row.get(c).map(|v| v.trim().to_owned()).unwrap_or_default();
        if fold_width(&value).to_lowercase().contains("ismap") {
            continue;
        }
        let rest = crate::text::join_filled(
            row.iter()
                .enumerate()
                .filter(|(k, _)| *k != c)
                .map(|(_, t)| t.as_str()),
        );
        if value.is_empty() {
            if !find_ids(&rest).0.is_empty() {
                return Err(InputError::at(
                    sheet
                        .location()
                        .row(i + 1)
                        .column(crate::input::column_letter(c)),
                    format!(
                        "the row names no framework in column '{}', beside rows of several frameworks: it cannot be told whether it is an ISMAP statement",
                        published::quote(&sheet.rows[h][c])
                    ),
                )
                .hint("export the ISMAP framework alone, or write ISMAP in the framework column of the ISMAP rows"));
            }
            continue;
        }
        match others.iter_mut().find(|(f, _)| *f == value) {
            Some((_, n)) => *n += 1,
            None => others.push((value, 1)),
        }
        row.iter_mut().for_each(String::clear);
    }
    for row in out.rows.iter_mut().skip(h) {
        if let Some(cell) = row.get_mut(c) {
            cell.clear();
        }
    }
    let others = others
        .into_iter()
        .map(|(f, n)| format!("{} ({n})", published::quote(&f)))
        .collect();
    Ok(Some((out, others)))
}

/// [`read_table`] on `sheet` with its rows of another framework left out
/// ([`framework_rows`]), which are added to `other_rows` (named by the sheet's name when it
/// has one).
fn read_table_of_ismap(
    sheet: &Sheet,
    opts: &CspOptions,
    catalog: &Catalog,
    marks: Option<&SheetMarks>,
    other_rows: &mut Vec<String>,
) -> Result<Option<Part>, InputError> {
    let Some((filtered, others)) = framework_rows(sheet)? else {
        return read_table(sheet, opts, catalog, marks);
    };
    let part = read_table(&filtered, opts, catalog, marks)?;
    if part.is_some() {
        other_rows.extend(others.into_iter().map(|f| match &sheet.sheet {
            Some(name) => format!("'{name}': {f}"),
            None => f,
        }));
    }
    Ok(part)
}

/// The visible sheets of the workbook other than `read` (the one `--csp-sheet` names) that
/// hold no control ids, as the reader of every sheet skips them: a sheet that reads as a
/// list, or cannot be read as one, is another list, left out by the user's choice.
fn other_sheets_without_ids(
    path: &Path,
    read: &Sheet,
    opts: &CspOptions,
    catalog: &Catalog,
    covers: &mut Vec<(Option<String>, page::Page)>,
) -> Result<Vec<(Sheet, Option<SheetMarks>)>, InputError> {
    let mut out = Vec::new();
    for (name, visible) in table::sheet_names(path)? {
        if !visible
            || read.sheet.as_deref() == Some(name.as_str())
            || vocab::sheet_meaning(&name) == SheetMeaning::History
        {
            continue;
        }
        let mut sheet = table::read_workbook_with(path, Some(&name), Merged::FillDown)?;
        let marks = sheet_marks(path, &mut sheet)?;
        if let Ok(None) = read_table(&sheet, opts, catalog, marks.as_ref()) {
            if let Some(page) = cover_facts(&mut sheet, path, catalog, opts.as_of())? {
                covers.push((sheet.sheet.clone(), page));
            }
            out.push((sheet, marks));
        }
    }
    Ok(out)
}

/// Reads the visible sheets of a workbook that hold no control ids (a cover, 表紙; notes,
/// 注記; 前提条件), with their cell comments, as notes on every table the workbook states
/// implemented (review 11 A-26): each line by the rule for a line above a table's header
/// ([`status_table::note_row`]: a draft, `承認：未`, a projection, a plan, a scope limit, a
/// document date after `as_of`, a legend giving a mark another meaning) — a revision
/// history on the sheet is the document's, read by its own rule. The company's name, the
/// document's title, a version, `承認済`, a date on or before `as_of`, `社外秘` are read.
fn notes_beside(
    sheets: &[(Sheet, Option<SheetMarks>)],
    parts: &[Part],
    as_of: crate::date::Date,
) -> Result<(), InputError> {
    let Some(first) = parts
        .iter()
        .flat_map(|p| &p.listed.controls)
        .find(|x| x.declared == Declared::Implemented)
    else {
        return Ok(());
    };
    let place = status_table::Outside::Sheet;
    // the workbook's sheet names, which a table of contents' line may name
    let others: Vec<String> = sheets
        .iter()
        .filter_map(|(s, _)| s.sheet.as_deref())
        .chain(parts.iter().filter_map(|p| p.read.sheet.as_deref()))
        .map(|n| crate::text::header_key(n).into_owned())
        .collect();
    for (sheet, marks) in sheets {
        // a template's instructions sheet (`記入方法`, `記入要領`, `Instructions`) says how to
        // fill the table in — every status, what to write when a control is partly done —
        // and states nothing of the service: passed over, as a check list's is (review 13
        // C-1); a legend sheet (`凡例`) is still read, its marks may redefine a status
        let name = sheet.sheet.as_deref().unwrap_or("");
        let key = crate::text::header_key(name);
        if crate::input::checks::is_instructions_sheet(name) && !key.starts_with("凡例")
            || ["目次", "contents", "tableofcontents"].contains(&&*key)
        {
            continue;
        }
        let lines = history::without_history(sheet, as_of)?;
        // a legend sheet of mark | meaning pairs and nothing else (`凡例`: `○ | 実施`, `△ |
        // 一部実施`, `－ | 非該当`; review 18 C-1)
        let whole_legend =
            status_table::is_legend_sheet(name) && !status_table::legend_sheet(sheet).is_empty();
        for (i, row) in lines.rows.iter().enumerate() {
            let filled = status_table::filled_cells(row);
            // a GRC export's information sheet (`Exported | 2026-12-05 10:31 JST`): a date of
            // the export after the as-of date dates the list, as the same line above the
            // table does (review 12 D-2)
            if let [(_, label), (_, value)] = filled.as_slice() {
                if is_export_date_label(label) {
                    if let Some(q) = remarks::document_dated_later(value, as_of) {
                        return Err(InputError::at(
                            lines.location().row(i + 1),
                            format!(
                                "the line '{}' {}: the list's statements are not read as implemented",
                                published::quote(&format!("{label} {value}")),
                                q.what()
                            ),
                        )
                        .hint(q.hint()));
                    }
                }
            }
            // a legend in two columns (`記号 | 意味`: `○ | 実施`; `色 | 意味`: `赤 | 未実施`), or
            // one entry to a cell (`×：未実施`, review 13 C-13)
            let entry = match filled.as_slice() {
                [(c, mark), (_, meaning)] => Some((*c, *mark, *meaning)),
                [(c, cell)] => cell
                    .split_once(['：', ':', '＝', '='])
                    .map(|(mark, meaning)| (*c, mark.trim(), meaning.trim()))
                    .filter(|(_, mark, _)| !mark.is_empty()),
                _ => None,
            };
            if let Some((c, mark, meaning)) = entry {
                let mark_like = colour_word(mark).is_some()
                    || vocab::status_value(mark).is_ok()
                    || mark.chars().count() <= 2 && !mark.chars().any(char::is_alphanumeric);
                // a status mark given a meaning the provider assessed itself (`○ |
                // 自己評価で実施`): read as a status cell is, no status of an audited
                // statement, so refused as a legend giving the mark another meaning (review
                // 20 A-7; `実施（自己評価）` was already)
                let self_assessed = vocab::status_value(mark).is_ok()
                    && remarks::not_final_word(&crate::text::header_key(meaning).to_lowercase())
                        .is_some();
                if mark_like && (bare_status(meaning) || self_assessed) {
                    if let Some(colour) = colour_word(mark) {
                        return Err(colour_legend(&lines, i + 1, c, mark, meaning, colour));
                    }
                    let legend = [format!("凡例: {mark}={meaning}")];
                    status_table::note_row(&lines, i + 1, &legend, place, &first.raw, as_of)?;
                    continue;
                }
                // on a legend sheet, a mark the tool does not read as a status (`△ |
                // 一部実施`): it explains the mark, says nothing of a row, and a status cell
                // holding the mark is refused on its own (a colour or a status word: as above)
                if mark_like
                    && whole_legend
                    && colour_word(mark).is_none()
                    && vocab::status_value(mark).is_err()
                {
                    continue;
                }
            }
            if filled.len() == 1 && of_the_document_only(filled[0].1, &others) {
                continue;
            }
            // the same under a handling label (`本書の取扱い | 社外秘（NDA締結先限り）`, review 15
            // C-3)
            if let [(_, label), (_, value)] = filled.as_slice() {
                if handling_label(label) && of_the_document_only(value, &[]) {
                    continue;
                }
            }
            // a value of a drop-down list, the values in a row (the header of a count by
            // status: `箇条 | 実施 | 未実施 | 非該当`): no statement
            let values = filled.iter().filter(|(_, t)| bare_status(t)).count();
            if values == filled.len() || values >= 2 && values + 1 >= filled.len() {
                continue;
            }
            // a note naming its own chapters (`物理的セキュリティ（11章）は…に依拠`) speaks of
            // their controls only: of the first stated implemented, or of none (review 13 C-3)
            let first =
                match chapters_only(&crate::text::join_filled(row.iter().map(String::as_str))) {
                    chapters if chapters.is_empty() => first,
                    chapters => match parts
                        .iter()
                        .flat_map(|p| &p.listed.controls)
                        .filter(|x| x.declared == Declared::Implemented)
                        .find(|x| chapters.iter().any(|c| chapter_of(&x.raw) == Some(*c)))
                    {
                        Some(under) => under,
                        None => continue,
                    },
                };
            status_table::note_row(&lines, i + 1, row, place, &first.raw, as_of)?;
        }
        for (&(r, c), text) in marks.iter().flat_map(|m| &m.comments) {
            let (Ok(n), Ok(col)) = (usize::try_from(r), usize::try_from(c)) else {
                continue;
            };
            let cell = format!("{}{r}", crate::input::column_letter(col));
            status_table::note_on_table(sheet, n, col, text, place, &first.raw, &cell, as_of)?;
        }
    }
    Ok(())
}

/// The chapters a note names ([`chapters_named`]) when the note is about them alone: every
/// sentence names a chapter, and none names anything beside it — another number
/// (`及びバックアップ（12.3）`), a second subject joined by `及び`/`、`/`・`… (review 14 A-16).
/// Empty otherwise: the note is then judged as a note naming no chapter.
fn chapters_only(text: &str) -> Vec<u32> {
    let folded = crate::text::fold_width(text).to_lowercase();
    // a list number before the note (`3. `, `(2)`) is no subject
    let body = folded.trim_start();
    let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let body = match body[digits..].strip_prefix(['.', ')']) {
        Some(rest) if digits > 0 && !rest.starts_with(|c: char| c.is_ascii_digit()) => rest,
        _ => body,
    };
    let sentences: Vec<&str> = body
        .split(['。', '．'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let joined = [
        "及び",
        "および",
        "並びに",
        "ならびに",
        "、",
        "・",
        ",",
        " and ",
        "や",
        "とともに",
        "も",
    ];
    let another_number = |s: &str| {
        let b = s.as_bytes();
        (1..b.len().saturating_sub(1))
            .any(|i| b[i] == b'.' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit())
    };
    let alone = !sentences.is_empty()
        && sentences.iter().all(|s| {
            !chapters_named(s).is_empty()
                && !another_number(s)
                && !joined.iter().any(|w| s.contains(w))
        });
    if alone {
        chapters_named(text)
    } else {
        Vec::new()
    }
}

/// The chapters of the catalog a note names as chapters (`11章`, `第11章`, `箇条11`,
/// `clause 11`), full-width digits folded.
fn chapters_named(text: &str) -> Vec<u32> {
    let text = crate::text::fold_width(text).to_lowercase();
    let mut out = Vec::new();
    let digits_before = |at: usize| {
        let before = &text[..at];
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit())
            .last()
            .map(|(i, _)| i)?;
        before[start..].parse::<u32>().ok()
    };
    for (at, _) in text.match_indices('章') {
        out.extend(digits_before(at));
    }
    for label in ["箇条", "clause ", "clause", "chapter "] {
        for (at, _) in text.match_indices(label) {
            let after = &text[at + label.len()..];
            let end = after
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(after.len());
            out.extend(after[..end].parse::<u32>().ok());
        }
    }
    out.retain(|c| (3..=18).contains(c));
    out.dedup();
    out
}

/// The chapter of a control id as written (`11.1.2` → 11).
fn chapter_of(raw: &str) -> Option<u32> {
    let raw = crate::text::fold_width(raw);
    let end = raw.find(|c: char| !c.is_ascii_digit()).unwrap_or(raw.len());
    raw[..end].parse().ok()
}

/// A cover line about the document, not the service (review 13 C-2): a table of contents'
/// line naming another sheet (`4. 未実施項目の対応計画`), who may read it
/// (`本資料は秘密保持契約を締結したお客様に限り開示します`), or a disclaimer
/// (`将来の実施を保証するものではありません`) — unless it also projects, plans or drafts
/// (`見込み`, `予定`, `計画`, `案`, `ドラフト`), limits the scope (`のみ`, `リージョン`, `環境`), or
/// dates anything, which the note rule reads.
fn of_the_document_only(line: &str, sheets: &[String]) -> bool {
    const DOCUMENT: [&str; 11] = [
        "秘密保持",
        "nda",
        "開示",
        "二次配布",
        "転載",
        "複製",
        "保証するものではありません",
        "保証するものではない",
        "予告なく変更",
        "confidential",
        "disclose",
    ];
    const STATEMENT: [&str; 12] = [
        "見込",
        "予定",
        "計画",
        "目標",
        "案",
        "ドラフト",
        "draft",
        "のみ",
        "リージョン",
        "環境",
        "年",
        "月",
    ];
    let key = crate::text::header_key(line);
    let numbered = key.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')');
    if numbered.len() < key.len() && sheets.iter().any(|s| !s.is_empty() && *s == numbered) {
        return true;
    }
    DOCUMENT.iter().any(|w| key.contains(w)) && !STATEMENT.iter().any(|w| key.contains(w))
}

/// A cover's label for who may read the document (`本書の取扱い`, `取扱区分`, `機密区分`,
/// `開示範囲`, `Classification`, `Distribution`): its value restricts the readers, not the
/// controls.
fn handling_label(label: &str) -> bool {
    const WORDS: [&str; 9] = [
        "取扱",
        "取り扱",
        "機密区分",
        "秘密区分",
        "開示範囲",
        "開示先",
        "classification",
        "distribution",
        "handling",
    ];
    let key = crate::text::header_key(label.trim().trim_end_matches([':', '：']));
    key.chars().count() <= 20 && WORDS.iter().any(|w| key.contains(w))
}

/// A cell holding a status value alone, with nothing that qualifies it (`未実施`, `実施`,
/// `非該当（理由を記載）`): on a sheet without ids, the values of a drop-down list or a
/// legend's meanings, stating nothing of any row.
fn bare_status(cell: &str) -> bool {
    vocab::status_value(cell.trim())
        .is_ok_and(|v| v.note.is_empty() || remarks::qualifier_beyond(&v.note, &[]).is_none())
}

/// Words naming a colour or a shading (`赤`, `緑`, `網掛け`, `red`), as a legend's mark.
const COLOUR_WORDS: &[&str] = &[
    "赤",
    "緑",
    "黄",
    "青",
    "灰",
    "橙",
    "白",
    "黒",
    "グレー",
    "オレンジ",
    "ピンク",
    "網掛け",
    "塗りつぶし",
    "色",
    "red",
    "green",
    "yellow",
    "amber",
    "blue",
    "grey",
    "gray",
    "orange",
    "pink",
    "white",
    "black",
    "shaded",
    "colour",
    "color",
];

/// The colour word a legend's mark names (`赤`, `緑色`, `Red`), if it is one.
fn colour_word(mark: &str) -> Option<&'static str> {
    let key = crate::text::header_key(mark);
    COLOUR_WORDS
        .iter()
        .find(|w| key.contains(**w) && key.chars().count() <= w.chars().count() + 3)
        .copied()
}

/// The error for a legend giving a colour a status (`赤 | 未実施`, review 12 A-17): the
/// statuses are stated by the cells' colours, which the reader does not read.
fn colour_legend(
    sheet: &Sheet,
    n: usize,
    c: usize,
    mark: &str,
    meaning: &str,
    colour: &str,
) -> InputError {
    InputError::at(
        sheet
            .location()
            .row(n)
            .column(crate::input::column_letter(c)),
        format!(
            "the legend gives the colour '{}' the status '{}' ('{colour}'): the workbook states statuses by the cells' colours, which are not read, and every id would count as implemented",
            published::quote(mark),
            published::quote(meaning)
        ),
    )
    .hint("give each control's status in a status column (実施状況: 実施, 未実施, 計画中, 非該当), or obtain the CSP's list as published")
}

/// Refuses the one sheet read when its name names a master list or a catalog of the
/// controls (`管理策マスタ`, `ISMAP catalog`, `カタログ`, `Master`) and nothing above its
/// table names the service or its registration kind (review 18 A-7 addendum): beside a
/// sheet of statuses such a sheet is the catalog kept to look ids up in
/// ([`sheets::skip_reference_lists`]); alone, its rows may be every control of the catalog, not the
/// CSP's statement. `--csp-sheet` names the sheet the statement (that path does not come
/// here); `実施状況`, `管理策一覧`, `ISMAP管理策 実施状況` name none.
fn refuse_catalog_sole_sheet(path: &Path, parts: &[Part]) -> Result<(), InputError> {
    let [part] = parts else {
        return Ok(());
    };
    let Some(sheet) = part.read.sheet.as_deref() else {
        return Ok(());
    };
    let Some(word) = sheets::names_the_controls_catalog(sheet) else {
        return Ok(());
    };
    if part.names_service {
        return Ok(());
    }
    Err(InputError::at(
        Location::file(path).sheet(Some(sheet)),
        format!(
            "the sheet's name ('{word}') names a master list or a catalog of the controls, and it is the one sheet read: nothing above its table names the service or its registration, so its rows may be the catalog, not the CSP's statement"
        ),
    )
    .hint(format!(
        "if the sheet is the CSP's statement, read it with --csp-sheet '{sheet}', or write the service's name (サービス名: …) or its registration kind (登録区分: ISMAP) above the table's header, or rename the sheet"
    )))
}

/// The first place a sheet mentions ISMAP-LIU ([`page::mentions_liu`]): its name, any cell
/// (above, inside or below its table, hidden rows and columns too), a cell comment.
fn liu_in_sheet(sheet: &Sheet, marks: Option<&SheetMarks>) -> Option<(Location, String)> {
    if let Some(name) = sheet.sheet.as_deref().filter(|n| page::mentions_liu(n)) {
        return Some((sheet.location(), published::quote(name)));
    }
    let cell = sheet.rows.iter().enumerate().find_map(|(r, row)| {
        row.iter()
            .position(|c| page::mentions_liu(c))
            .map(|c| (r + 1, c, published::quote(&row[c])))
    });
    let comment = marks.and_then(|m| {
        m.comments
            .iter()
            .find(|(_, text)| page::mentions_liu(text))
            .and_then(|(&(r, c), text)| {
                Some((
                    usize::try_from(r).ok()?,
                    usize::try_from(c).ok()?,
                    published::quote(text),
                ))
            })
    });
    let (r, c, text) = match (cell, comment) {
        (Some(a), Some(b)) => std::cmp::min(a, b),
        (a, b) => a.or(b)?,
    };
    Some((
        sheet
            .location()
            .row(r)
            .column(crate::input::column_letter(c)),
        text,
    ))
}

/// A hidden sheet is not read (warning `csp-hidden-sheets`), but one stating a registry fact
/// ([`page::registry_fact_said`]: a hidden cover's `登録の更新期限 | 2026-09-30`, `…登録失効`)
/// is refused: the fact is neither read nor passed over (review 21 A-9: a lapsed deadline
/// on a hidden cover was reported "gives no renewal deadline").
fn hidden_registry_fact(path: &Path, name: &str) -> Result<(), InputError> {
    let Ok(sheet) = table::read_workbook_with(path, Some(name), Merged::FillDown) else {
        return Ok(());
    };
    for (i, row) in sheet.rows.iter().enumerate() {
        if let Some(fact) = page::registry_fact_said(row) {
            return Err(InputError::at(
                sheet.location().row(i + 1),
                format!(
                    "'{}' on a hidden sheet is a fact of the ISMAP list entry: a hidden sheet is not read, and the fact is not passed over either",
                    published::quote(&fact)
                ),
            )
            .hint("unhide the sheet (a cover's registration facts are then read), or remove the fact if it is not the service's current entry"));
        }
    }
    Ok(())
}

/// A hidden sheet is not read (warning `csp-hidden-sheets`), but one that is a status table
/// stating a control not implemented, planned or not applicable that a visible sheet states
/// implemented (`old`: 9.2.1 未実施) makes the workbook contradict itself: refused, naming
/// both. A hidden sheet that cannot be read as a table, or states nothing otherwise, is left
/// to the warning (a list of values for a drop-down, a master list of the catalog).
fn hidden_contradiction(
    path: &Path,
    name: &str,
    parts: &[Part],
    opts: &CspOptions,
    catalog: &Catalog,
) -> Result<(), InputError> {
    let Ok(sheet) = table::read_workbook_with(path, Some(name), Merged::FillDown) else {
        return Ok(());
    };
    let Ok(Some(part)) = read_table(&sheet, opts, catalog, None) else {
        return Ok(());
    };
    if part.read.kind != ReadKind::StatusTable {
        return Ok(());
    }
    for (hidden, at) in part.listed.controls.iter().zip(&part.listed.at) {
        if hidden.declared == Declared::Implemented {
            continue;
        }
        let key = meaning_key(catalog, &hidden.raw);
        let visible = parts.iter().find_map(|p| {
            p.listed
                .controls
                .iter()
                .zip(&p.listed.at)
                .find(|(c, _)| {
                    c.declared == Declared::Implemented && meaning_key(catalog, &c.raw) == key
                })
                .map(|(c, a)| (c, a, p.read.sheet.as_deref().unwrap_or("")))
        });
        if let Some((c, there, visible_sheet)) = visible {
            let row = there.row.unwrap_or(0);
            return Err(InputError::at(
                at.clone(),
                format!(
                    "the hidden sheet states {} {}, but the visible sheet '{visible_sheet}' states {} implemented on row {row}: the workbook contradicts itself, and a hidden sheet may be an older version",
                    hidden.raw,
                    hidden.declared.label(crate::lang::Lang::En),
                    c.raw
                ),
            )
            .hint("delete the hidden sheet if it is superseded (or correct it), or read the one sheet that holds the statement with --csp-sheet NAME"));
        }
    }
    Ok(())
}

/// The hidden rows and columns, struck-through cells and cell comments of a sheet of an
/// .xlsx workbook, the cell comments of an .ods sheet (`None` for other workbooks: calamine
/// gives none of them, and they are not looked for). A number an .xlsx cell's format shows
/// as words (`"実施";;"未実施"`) is read as those words ([`SheetMarks::shown`]).
fn sheet_marks(path: &Path, sheet: &mut Sheet) -> Result<Option<SheetMarks>, InputError> {
    let Some(name) = sheet.sheet.as_deref() else {
        return Ok(None);
    };
    let marks = workbook_zip::xlsx_marks(path, name)
        .and_then(|marks| match marks {
            Some(marks) => Ok(Some(marks)),
            None => Ok(
                workbook_zip::ods_comments(path, name)?.map(|comments| SheetMarks {
                    comments,
                    ..SheetMarks::default()
                }),
            ),
        })
        .map_err(|e| {
            InputError::at(
                sheet.location(),
                format!(
                    "cannot read the sheet's hidden rows, struck-through cells and comments: {e}"
                ),
            )
            .hint("open the workbook in Excel and save it again as .xlsx")
        })?;
    if let Some(marks) = &marks {
        show_words(sheet, marks);
    }
    Ok(marks)
}

/// The pairs of the legend sheets (`凡例`) among `visible`: a legend on a sheet of its own is
/// read as one beside the table (fix17-csp "Left", [`status_table::legend_sheet`]).
fn legend_sheets<S: AsRef<str>>(
    path: &Path,
    visible: &[S],
) -> Result<Vec<(String, String)>, InputError> {
    let mut legend = Vec::new();
    for name in visible.iter().map(AsRef::as_ref) {
        if status_table::is_legend_sheet(name) {
            let sheet = table::read_workbook_with(path, Some(name), Merged::FillDown)?;
            legend.extend(status_table::legend_sheet(&sheet));
        }
    }
    Ok(legend)
}

/// Drops Excel's text prefix from the cells of a CSV that kept it: an apostrophe before a
/// digit (`'9.2.1`, `'2025-04-01`: typed so that Excel keeps the cell as text, never shown),
/// when it is the cell's only one. A cell quoting with apostrophes (`'9.2.1' 予定`) is left
/// as written (fix17-out "Not done").
fn drop_text_prefixes(sheet: &mut Sheet) {
    for cell in sheet.rows.iter_mut().flatten() {
        let t = cell.trim_start();
        if let Some(rest) = t.strip_prefix('\'') {
            if rest.starts_with(|c: char| c.is_ascii_digit()) && !rest.contains('\'') {
                *cell = rest.to_owned();
            }
        }
    }
}

/// Drops the columns a CSV statement `readiness` wrote ends with when its list stated
/// registry facts (`report::readiness::basis_headers`: 基準日, 登録の状態 — the as-of date
/// and the registration on it, the same on every row): what the tool derived, never a
/// statement of the CSP's, as its findings column is not read (review 21 D-4). Only under
/// the statement's own header row, and only when every row holds the same in them: an
/// edited cell leaves them, read as any other column.
fn drop_own_basis(sheet: &mut Sheet) {
    let Some(header) = sheet.rows.first() else {
        return;
    };
    for lang in [crate::lang::Lang::Ja, crate::lang::Lang::En] {
        let items = crate::report::readiness::item_headers(lang);
        let basis = crate::report::readiness::basis_headers(lang);
        let n = items.len();
        let ours = header.len() == n + basis.len()
            && header
                .iter()
                .zip(items.iter().chain(&basis))
                .all(|(c, h)| c.trim() == *h);
        if !ours {
            continue;
        }
        let first = sheet.rows.get(1).and_then(|r| r.get(n..));
        let same = sheet.rows[1..].iter().all(|r| {
            r.get(n..) == first
                && r.get(n..)
                    .is_some_and(|b| b.iter().all(|c| !c.trim().is_empty()))
        });
        if same {
            for row in &mut sheet.rows {
                row.truncate(n);
            }
        }
        return;
    }
}

/// Puts in `sheet` the words its cells' number formats show ([`SheetMarks::shown`]; for
/// text, [`SheetMarks::text_formats`]), in the rows a merged region filled down too
/// (review 11 C-20, review 18 A-4).
fn show_words(sheet: &mut Sheet, marks: &SheetMarks) {
    // a text cell whose format shows it other than typed (`@"（予定）"`): read as shown;
    // one it hides is refused by `check_hidden_text`
    let texts: BTreeMap<(u32, u32), String> = marks
        .text_formats
        .iter()
        .filter_map(|(&(r, c), code)| {
            let text = sheet
                .rows
                .get(usize::try_from(r).ok()?.checked_sub(1)?)?
                .get(usize::try_from(c).ok()?)?;
            let shown = workbook_zip::text_shown(code, text.trim())?;
            (!shown.is_empty()).then_some(((r, c), shown))
        })
        .collect();
    for (&(r, c), words) in marks.shown.iter().chain(&texts) {
        let (top, col) = (r as usize - 1, c as usize);
        let Some(old) = sheet.rows.get(top).and_then(|row| row.get(col)).cloned() else {
            continue;
        };
        let bottom = sheet
            .merges
            .iter()
            .find(|m| m.top == top && m.left == col)
            .map_or(top, |m| m.bottom);
        for row in top..=bottom {
            if let Some(cell) = sheet.rows.get_mut(row).and_then(|cells| cells.get_mut(col)) {
                if *cell == old {
                    cell.clone_from(words);
                    sheet.fractions.retain(|&f| f != (row, col));
                }
            }
        }
    }
}

/// The attestation of the parts read, once every control is stated alike wherever it is
/// stated.
fn from_parts(
    path: &Path,
    mut parts: Vec<Part>,
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
    let mut confirmed_later: Option<(String, crate::date::Date, usize)> = None;
    // the kind stated above a table states the kind of that table only: ISMAP-LIU when
    // one says so (the lesser assurance); ISMAP when every table read says so (a sheet
    // without a kind row is not stated by another sheet's)
    let stated: Vec<Option<RegistrationKind>> = parts.iter().map(|p| p.kind).collect();
    // a sheet naming a region states that region's statement (review 22 A-18)
    let mut scope: Vec<String> = sheets::statement_scope(&parts).into_iter().collect();
    // one status column per part, one read (`--status-column 東京リージョン`): the statement
    // of that part only, the others outside it, read as a profile's scope (`対象外:`) is, so
    // that an item naming another part is judged outside the statement's scope (review 23
    // C-2)
    for part in &parts {
        if let (Some(read), false) = (&part.read.status_column, part.read.other_parts.is_empty()) {
            // a service's column is named by the service (`サービスA 実施状況`: review 25 C-4)
            let part_name = |n: &String| classify::part_of_status_header(n).unwrap_or(n.clone());
            scope.push(part_name(read));
            let others: Vec<String> = part.read.other_parts.iter().map(part_name).collect();
            scope.push(format!("対象外: {}", others.join("、")));
        }
    }
    let registration_kind = if stated.contains(&Some(RegistrationKind::IsmapLiu)) {
        Some(RegistrationKind::IsmapLiu)
    } else if stated.iter().all(Option::is_some) {
        stated.first().copied().flatten()
    } else {
        None
    };
    // the list entry's fields above a table (review 23 C-6): one table's, as one cover's
    let mut facts: Vec<(Option<String>, page::Page)> = Vec::new();
    for part in &mut parts {
        if let Some(page) = part.facts.take() {
            facts.push((part.read.sheet.clone(), page));
        }
    }
    for part in parts {
        if let Some(c) = part.listed.confirmed_later {
            if confirmed_later.as_ref().is_none_or(|(_, d, _)| c.1 > *d) {
                confirmed_later = Some(c);
            }
        }
        controls.extend(part.listed.controls);
        at.extend(part.listed.at);
        ignored += part.listed.ignored;
        tracks_evidence |= part.tracks_evidence;
        read.push(part.read);
    }
    reject_conflicts(&controls, &at, catalog)?;
    if let Some((detail, objective)) = contradiction(&controls, catalog) {
        let (d, o) = (&controls[detail], &controls[objective]);
        return Err(InputError::at(
            at[detail].clone(),
            format!(
                "{} is stated implemented, but {} states its objective {} {}: the list contradicts itself",
                d.raw,
                place(&at[detail], &at[objective]),
                o.raw,
                o.declared.label(crate::lang::Lang::En)
            ),
        )
        .hint(CONTRADICTION_HINT));
    }
    let mut att = Attestation {
        source: path.to_path_buf(),
        registration_kind,
        controls,
        tracks_evidence,
        ignored_tokens: ignored,
        read_as: ReadAs {
            kind,
            parts: read,
            skipped,
            fields: Vec::new(),
            marks_not_read: None,
            confirmed_later: confirmed_later.map(|(written, _, _)| written),
            pasted: false,
            other_framework_rows: Vec::new(),
        },
        scope,
        ..Attestation::default()
    };
    apply_cover(path, facts, &mut att)?;
    Ok(att)
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
        let place = place(&at[i], &at[j]);
        let same = if fold_width(&c.raw) == fold_width(&first.raw) {
            String::new()
        } else {
            format!(" (the same control as {})", first.raw)
        };
        return Err(InputError::at(
            at[i].clone(),
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

/// Where `there` is, seen from `here`: `row 3`, `sheet 'SoA' row 3`, `line 3`.
fn place(here: &Location, there: &Location) -> String {
    match (there.row.or(there.line), there.sheet == here.sheet) {
        (Some(r), true) => format!("{} {r}", if there.row.is_some() { "row" } else { "line" }),
        (Some(r), false) => format!("sheet '{}' row {r}", there.sheet.as_deref().unwrap_or("")),
        (None, _) => "an earlier row".to_owned(),
    }
}

/// The hint for a detailed control stated implemented under an objective stated otherwise.
const CONTRADICTION_HINT: &str = "ISMAP assesses the detailed controls of an objective stated implemented: state the objective 実施 if it is implemented (a detail not implemented then counts against it); if it is not implemented, planned or does not apply, state its details so too (未実施, 計画中, 非該当), or leave them out";

/// A detailed control stated implemented under an objective the same list states not
/// applicable, not implemented or planned (`9.2.3` 非該当 and `9.2.3.11.PB` 実施): the list
/// contradicts itself, and a detail of an objective not stated implemented is not what
/// ISMAP assesses. The indexes of the detail and of the objective's statement.
pub(crate) fn contradiction(
    controls: &[ListedControl],
    catalog: &Catalog,
) -> Option<(usize, usize)> {
    use crate::catalog::Level;
    let mut otherwise: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, c) in controls.iter().enumerate() {
        if c.declared != Declared::Implemented {
            otherwise.entry(meaning_key(catalog, &c.raw)).or_insert(i);
        }
    }
    if otherwise.is_empty() {
        return None;
    }
    controls
        .iter()
        .enumerate()
        .filter(|(_, c)| c.declared == Declared::Implemented)
        .find_map(|(i, c)| {
            let key = meaning_key(catalog, &c.raw);
            let objective = match catalog.get(&key) {
                Some(e) if e.level == Level::Detail => e.parent.clone(),
                Some(_) => None,
                None => catalog.detail_parent(&key).map(|e| e.id.clone()),
            }?;
            otherwise.get(&objective).map(|&j| (i, j))
        })
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
    .not_a_list(NotAList::NoIds)
}

/// Whether a cell labels the date a workbook was exported or made (`Exported`, `Export
/// date`, `Generated on`, `出力日時`, `エクスポート日時`, `作成日`).
fn is_export_date_label(label: &str) -> bool {
    matches!(
        crate::text::header_key(label).trim_end_matches([':', '：']),
        "exported"
            | "exportedat"
            | "exportedon"
            | "exportdate"
            | "exporttime"
            | "exporttimestamp"
            | "exportdatetime"
            | "generated"
            | "generatedat"
            | "generatedon"
            | "reportdate"
            | "reportgenerated"
            | "asof"
            | "出力日"
            | "出力日時"
            | "出力日付"
            | "エクスポート日"
            | "エクスポート日時"
            | "作成日"
            | "作成日時"
            | "更新日"
            | "最終更新日"
            | "基準日"
    )
}

/// Whether an evidence cell names no evidence: empty, or a text saying there is none
/// (`なし`, `無し`, `特になし`, `-`, `'-`, `ー`, `?`): the words that give no remark or no reason
/// elsewhere (a status word is not one of them here).
pub fn names_no_evidence(evidence: &str) -> bool {
    // `'-`: Excel's prefix that keeps a cell text, as a CSV written by hand keeps it
    let t = evidence.trim();
    let t = t.strip_prefix(['\'', '’']).unwrap_or(t).trim();
    t.is_empty()
        || remarks::says_nothing(t)
        || (vocab::says_no_reason(t) && vocab::status_value(t).is_err())
        || evidence_not_yet(t)
        || evidence_none_word(t)
}

/// Whether an evidence cell is a word alone saying of the evidence that there is none yet
/// or none needed (`未`, `N/A`, `不要`, `該当なし`, `証跡不要`, `Not required`): status words
/// elsewhere, under a header naming the evidence they say no evidence is named (review 23
/// C-11) — `readiness` finds it 証跡なし, `report` refuses the row as it does `未提出`. Not a
/// word naming the control's own applicability or scope (`非該当`, `対象外`), which stays the
/// status the remark rules read.
pub(crate) fn evidence_none_word(text: &str) -> bool {
    let key = crate::text::header_key(text.trim());
    matches!(
        key.trim_end_matches(['。', '.']),
        "未" | "n/a"
            | "na"
            | "不要"
            | "該当なし"
            | "該当無し"
            | "証跡不要"
            | "提出不要"
            | "notapplicable"
            | "notrequired"
            | "notneeded"
            | "nonerequired"
    )
}

/// Whether an evidence cell says there is no evidence, or none yet: what
/// [`names_no_evidence`] reads but an empty cell, a dash or a question mark (nothing
/// named), a cell left unfilled (`未記入`) or evidence given elsewhere (`別紙参照`,
/// `別途提出`); and `No evidence`, `証跡なし`. A status value is left to the remark rules.
pub(crate) fn states_no_evidence(text: &str) -> bool {
    let t = text.trim();
    let t = t.strip_prefix(['\'', '’']).unwrap_or(t).trim();
    let bare = t.trim_end_matches(['。', '.', '．']).trim();
    let key = crate::text::header_key(bare);
    if matches!(
        key.as_ref(),
        "noevidence" | "証跡なし" | "証跡無し" | "エビデンスなし" | "エビデンス無し" | "証跡未作成"
    ) {
        return true;
    }
    let blank = bare
        .chars()
        .all(|c| vocab::is_dash(c) || matches!(c, '?' | '？' | '…' | '・' | '*' | '＊'));
    let elsewhere = matches!(
        key.as_ref(),
        "未記入"
            | "未記載"
            | "記載なし"
            | "記入なし"
            | "別紙参照"
            | "別紙のとおり"
            | "別紙の通り"
            | "別途"
            | "別途提出"
            | "別途回答"
            | "別途説明"
            | "seeattached"
    );
    // a draft's word ends the cell (`手順書v0.9（未承認）`, `規程 draft`), not a word of a
    // document's text (`未承認ソフトウェアのインストールを禁止`)
    let draft_inside = ["ドラフト", "draft", "未承認", "承認待ち", "(案)", "unapproved"]
        .iter()
        .any(|w| key.contains(w))
        && !["ドラフト", "draft", "未承認", "承認待ち", "(案)", "案", "unapproved"]
            .iter()
            .any(|w| key.trim_end_matches([')', '）', ']', '】']).ends_with(w))
        // a draft named first (`Draft policy v0.3`, review 14 A-13)
        && !key.starts_with("draft");
    !blank
        && !elsewhere
        && !draft_inside
        && names_no_evidence(t)
        && (remarks::says_nothing(t) || vocab::status_value(t).is_err() || evidence_none_word(t))
}

/// An evidence cell saying the evidence has expired, is out of date or was rejected
/// (`Expired`, `Outdated`, `Stale`, `期限切れ`, `要更新`, `更新待ち`, `Rejected`, `Not accepted`,
/// `差戻し`, `却下`, `失効`), alone or first in the cell (`Expired (2025-03)`): it does not
/// support the statement on the day of the check (review 14 A-13).
pub(crate) fn evidence_unfit(text: &str) -> bool {
    let key = crate::text::header_key(text.trim());
    let key = key.trim_end_matches(['。', '.']);
    [
        "expired",
        "outdated",
        "outofdate",
        "stale",
        "rejected",
        "notaccepted",
        "sentback",
        "needsrenewal",
        "renewalrequired",
        "期限切れ",
        "有効期限切れ",
        "要更新",
        "更新待ち",
        "更新要",
        "更新が必要",
        "差戻し",
        "差し戻し",
        "差戻",
        "却下",
        "失効",
    ]
    .iter()
    .any(|w| key.starts_with(w))
}

/// An evidence or document cell that does not support the statement on the day, for the
/// CSP's own readiness (証跡なし): none named ([`names_no_evidence`]), expired or rejected
/// ([`evidence_unfit`]), a document not in effect or another service's, a draft or old
/// folder ([`evidence_not_current`]), or a count of part of it ([`evidence_partial`]).
pub fn evidence_wanting(evidence: &str) -> bool {
    names_no_evidence(evidence)
        || evidence_unfit(evidence)
        || evidence_not_current(evidence).is_some()
        || evidence_partial(evidence).is_some()
}

/// An evidence or document cell naming a document that is not the service's own in effect
/// (review 16 A-11, A-15), the word that says so:
/// - abolished, superseded or an old edition, said by a bracketed note (`規程A（旧版・廃止）`,
///   `Policy X (superseded)`, `(retired)`, `(no longer in use)`), a label before it
///   (`旧版：規程A`, `Superseded: Policy X`) or its last word (`規程A 旧版`, `Policy X
///   superseded`, `規程A旧版`);
/// - another service's, or applied by analogy (`別サービスの規程を準用`);
/// - a folder or file of a path named as drafts or old ones (`/ISMS/2026年度/draft/`,
///   `/ISMS/案/`, `\\fs01\ISMS\旧\`, `…/old/`, `…/archive/`, `規程_draft.docx`).
///
/// A 旧 in a title (`旧姓の扱いに関する規程`), an edition (`第3版`, `（2025年改訂版）`), a note
/// on what the document covers (`（登録・廃止）`, `(retired accounts)`) or a folder of a
/// year (`/ISMS/2026年度/`, `\\fs01\ISMS\FY2025\`) is none.
pub(crate) fn evidence_not_current(text: &str) -> Option<String> {
    let folded = fold_width(text).to_lowercase();
    let t = folded.trim();
    // another service's document (`別サービスの規程`), applied by analogy (`準用`); not a
    // document on other services (`他サービス連携手順書`)
    if let Some(w) = [
        "準用",
        "別サービスの",
        "他サービスの",
        "another service's",
        "another service’s",
        "other service's",
        "other service’s",
        "of another service",
        "from another service",
    ]
    .iter()
    .find(|w| t.contains(**w))
    {
        return Some((*w).to_owned());
    }
    if let Some(w) = path_not_current(t) {
        return Some(w);
    }
    // a template's or a sample's word alone (`テンプレート`, `記入例`, `Sample`): no
    // document named (review 23 A-8)
    let alone = t.trim_matches(|c: char| vocab::is_bracket(c) || c.is_whitespace());
    if PLACEHOLDER_JA.contains(&alone) || PLACEHOLDER_EN.contains(&alone) {
        return Some(alone.to_owned());
    }
    // a file's name with spaces in it (`Sample policy.docx`, `規程 テンプレート.docx`)
    if let Some(w) = t
        .split(['\n', '、', ',', ';', '；', '，'])
        .map(str::trim)
        .filter(|item| item.contains(' ') && is_file_name(item))
        .find_map(|item| {
            let name = item.rsplit(['/', '\\', '¥', '￥']).next().unwrap_or(item);
            placeholder_name(name, name)
        })
    {
        return Some(w);
    }
    if let Some(w) = copy_or_lock_file(t) {
        return Some(w);
    }
    // inside brackets: every other piece between bracket characters
    let bracketed = t
        .split(vocab::is_bracket)
        .skip(1)
        .step_by(2)
        .find_map(note_not_current);
    let label = t
        .split_once([':', '：'])
        .filter(|(l, _)| l.split_whitespace().count() <= 3)
        .and_then(|(l, _)| note_not_current(l));
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | ',' | '、'))
        .filter(|w| !w.is_empty())
        .collect();
    let last = words.last().and_then(|w| note_not_current(w));
    let glued = ["旧版", "廃版", "廃止版", "旧バージョン"]
        .iter()
        .find(|w| t.trim_end_matches(vocab::is_bracket).ends_with(**w))
        .map(|w| (*w).to_owned());
    bracketed.or(label).or(last).or(glued)
}

/// A note (or a last word) saying a document is not in effect: a word of its own
/// (`旧版`, `廃止済み`, `superseded`, `obsolete`), or only words that may say so with dates
/// and fillers (`廃止`, `2025年3月廃止`, `旧`, `retired`, `old version`, `no longer in use`);
/// `登録・廃止`, `retired accounts` describe what a document covers.
fn note_not_current(note: &str) -> Option<String> {
    const STRONG_JA: &[&str] = &[
        "旧版",
        "旧バージョン",
        "前版",
        "改訂前",
        "廃止済",
        "廃止済み",
        "廃止版",
        "廃版",
        "失効済",
        "失効済み",
        "使用停止",
        "使用中止",
    ];
    const WEAK_JA: &[&str] = &["旧", "廃止", "失効", "無効"];
    const STRONG_EN: &[&str] = &[
        "superseded",
        "obsolete",
        "deprecated",
        "abolished",
        "withdrawn",
    ];
    const WEAK_EN: &[&str] = &["retired", "archived", "old", "previous", "former", "longer"];
    const FILL_EN: &[&str] = &[
        "version", "edition", "revision", "no", "in", "effect", "use", "used", "since", "on", "as",
        "of", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let ja_words: Vec<String> = note
        .split(|c: char| {
            // `・` is folded to `.`
            c.is_whitespace()
                || matches!(c, '・' | '.' | '、' | ',' | '，' | '/' | '／' | ';' | '；')
        })
        .map(|w| {
            w.chars()
                .filter(|c| {
                    !c.is_ascii_digit() && !matches!(c, '年' | '月' | '日' | '度' | '.' | '-')
                })
                .collect::<String>()
        })
        .map(|w| w.trim_start_matches(['に', 'で']).to_owned())
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(w) = ja_words.iter().find(|w| STRONG_JA.contains(&w.as_str())) {
        return Some(w.clone());
    }
    if !ja_words.is_empty() && ja_words.iter().all(|w| WEAK_JA.contains(&w.as_str())) {
        return Some(ja_words[0].clone());
    }
    let en: Vec<&str> = note
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    if let Some(w) = en.iter().find(|w| STRONG_EN.contains(w)) {
        return Some((*w).to_owned());
    }
    let only_ascii = note.is_ascii();
    (only_ascii
        && en.iter().any(|w| WEAK_EN.contains(w))
        && en
            .iter()
            .all(|w| WEAK_EN.contains(w) || FILL_EN.contains(w)))
    .then(|| {
        en.iter()
            .find(|w| WEAK_EN.contains(w))
            .map(|w| (*w).to_owned())
    })
    .flatten()
}

/// Whether a token of an evidence cell is a path: it holds `\`, `¥`, `://`, starts with
/// `/` or holds two `/`.
fn is_path(token: &str) -> bool {
    token.contains(['\\', '¥', '￥'])
        || token.contains("://")
        || token.starts_with('/')
        || token.matches('/').count() >= 2
}

/// Whether a token of an evidence cell is a file's name: a name, a dot and an extension
/// of two to five letters and digits, starting with a letter (`規程_draft.docx`,
/// `policy.pdf`); not a version (`v1.0`), an id (`9.2.1`) or `No.5` (review 18 A-5).
fn is_file_name(token: &str) -> bool {
    let token = token.trim_end_matches(|c: char| vocab::is_bracket(c) || matches!(c, ',' | '、'));
    token.rsplit_once('.').is_some_and(|(name, ext)| {
        !name.trim_matches(vocab::is_bracket).is_empty()
            && (2..=5).contains(&ext.len())
            && ext.starts_with(|c: char| c.is_ascii_alphabetic())
            && ext.chars().all(|c| c.is_ascii_alphanumeric())
    })
}

/// A file or folder of an evidence cell dated after `as_of` by a date following `_` in its
/// name (`/ISMS/FY2025/規程_2027-04.docx`, `規程_20270401.docx`, `policy_2027.pdf`; review 18
/// A-5), which the remark rules do not read as a date (`log_2027` is a word there): the
/// date as written. A year is after when it is after the as-of date's fiscal year, as an
/// evidence folder's year is read ([`remarks::without_path_years`]); `規程_2026-03.docx`,
/// `規程_2026.docx` (as of 2026-12-01) and a document number (`SEC_1234.pdf`) are none.
pub(crate) fn evidence_dated_later(text: &str, as_of: crate::date::Date) -> Option<String> {
    let folded = fold_width(text);
    let fy = as_of.fiscal_year();
    // a date a file names as its validity or expiry (`SSL証明書_2027-03-31期限.pdf`,
    // `登録証_有効期限_20270331.pdf`, `ISMS認証_2025_2028.pdf`) is no date it was made on
    // (review 20 C-1)
    const VALIDITY: [&str; 9] = [
        "期限", "有効", "満了", "まで", "～", "〜", "expir", "valid", "until",
    ];
    for token in folded
        .split_whitespace()
        .filter(|t| is_path(t) || is_file_name(t))
    {
        let name = token.rsplit(['/', '\\', '¥']).next().unwrap_or(token);
        let lower = name.to_lowercase();
        if VALIDITY.iter().any(|w| lower.contains(w)) {
            continue;
        }
        let dated_pieces = name
            .split('_')
            .skip(1)
            .filter(|p| p.starts_with(|c: char| c.is_ascii_digit()))
            .count();
        if dated_pieces > 1 {
            continue;
        }
        for piece in token.split('_').skip(1) {
            let run: String = piece
                .chars()
                .take_while(|&c| {
                    c.is_ascii_digit() || matches!(c, '年' | '月' | '日' | '度' | '-' | '.')
                })
                .collect();
            let run = run.trim_end_matches(['-', '.']);
            // a fiscal year against the as-of date's fiscal year, a year against its
            // calendar year (`監査報告書_2026.pdf` as of 2026-01-15 is this year's: review
            // 20 C-12)
            let (year, last) = match run.strip_suffix("年度") {
                Some(y) => (y, fy),
                None => (run.strip_suffix('年').unwrap_or(run), as_of.year),
            };
            if year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()) {
                if year
                    .parse::<i32>()
                    .is_ok_and(|y| (2000..2100).contains(&y) && y > last)
                {
                    return Some(run.to_owned());
                }
                continue;
            }
            let dates = if run.chars().all(|c| c.is_ascii_digit()) {
                crate::date::implementation_dates(run)
            } else {
                crate::date::dates_in(run)
            };
            if let Some((written, _)) = dates.into_iter().find(|(_, last)| *last > as_of) {
                return Some(written);
            }
        }
    }
    None
}

/// A folder or file of a path (a token holding `\`, `¥`, `://`, starting with `/` or
/// holding two `/`), or a file's name ([`is_file_name`]), named as drafts or old documents (review 16 A-15): a segment that is
/// such a word (`draft`, `案`, `暫定`, `旧`, `old`, `archive`, `廃止`), or a file or folder
/// name holding one as a word (`規程_draft.docx`, `policy_old.pdf`, `規程_案.docx`). A year
/// (`2026年度`, `FY2025`), `log-archive` or `答案` is none.
fn path_not_current(folded: &str) -> Option<String> {
    const SEGMENTS: &[&str] = &[
        "draft",
        "drafts",
        "wip",
        "案",
        "草案",
        "素案",
        "下書き",
        "ドラフト",
        "暫定",
        "暫定版",
        "旧",
        "旧版",
        "旧資料",
        "old",
        "archive",
        "archives",
        "archived",
        "アーカイブ",
        "廃止",
        "廃止済み",
        "obsolete",
        "superseded",
        "deprecated",
        "retired",
        // not approved (review 18 A-5: `未承認` above the table is a draft's mark)
        "未承認",
        "承認待ち",
        "unapproved",
        // another service's folder (review 18 A-5; `他サービスの規程` in words)
        "他サービス",
        "別サービス",
        "other-service",
        "other_service",
        "otherservice",
        "other-services",
        "another-service",
        // a temporary folder (`/tmp/`, review 18 A-5; not `temperature`, `template`)
        "tmp",
        "一時",
        "一時保存",
        "一時フォルダ",
        // before approval, a working folder (review 20 A-11; not `作業` alone, a folder of
        // operation records)
        "承認前",
        "作業用",
        "作業中",
        "作業用フォルダ",
    ];
    const WORDS_EN: &[&str] = &[
        "draft",
        "drafts",
        "wip",
        "obsolete",
        "superseded",
        "deprecated",
        "old",
        "unapproved",
        "tmp",
    ];
    const PARTS_JA: &[&str] = &[
        "案",
        "草案",
        "素案",
        "下書き",
        "ドラフト",
        "暫定",
        "旧",
        "旧版",
        "廃止",
        "未承認",
        "承認待ち",
        "承認前",
        "作業用",
        "作業中",
        "他サービス",
        "別サービス",
    ];
    for token in folded
        .split_whitespace()
        .filter(|t| is_path(t) || is_file_name(t))
    {
        // `tmp` marks a temporary copy of a document or a folder of them, not a script, a
        // log or a text file of operations (`tmp_cleanup_script.sh`, `tmp.log`,
        // `/var/tmp/監視設定.txt`: review 20 C-9)
        let counts = |w: &str| w != "tmp" || !is_file_name(token) || is_document_file(token);
        for segment in token
            .split(['/', '\\', '¥', '￥'])
            .map(|s| s.trim_matches(|c: char| vocab::is_bracket(c) || c == '.'))
            .filter(|s| !s.is_empty())
        {
            if SEGMENTS.contains(&segment) && counts(segment) {
                return Some(segment.to_owned());
            }
            if let Some(w) = segment
                .split(|c: char| !c.is_ascii_alphanumeric())
                .find(|w| WORDS_EN.contains(w) && counts(w))
            {
                return Some(w.to_owned());
            }
            if let Some(w) = segment
                .split(|c: char| {
                    c.is_ascii() && !c.is_ascii_alphanumeric() || vocab::is_bracket(c) || c == '　'
                })
                .find(|w| PARTS_JA.contains(w) || names_a_draft(w))
            {
                return Some(w.to_owned());
            }
            if let Some(v) = draft_version(segment) {
                return Some(v);
            }
            if let Some(w) = placeholder_name(segment, token) {
                return Some(w);
            }
        }
    }
    None
}

/// Words naming a template, a sample, a fill-in example or a placeholder (review 23 A-8):
/// Japanese ones end a word of a file or folder name (`規程_テンプレート.docx`,
/// `規程テンプレート.docx`, `規程（雛形）.docx`, `記入例.xlsx`), English ones are a word of it
/// (`sample_policy.docx`, `template.xlsx`, `dummy.pdf`).
const PLACEHOLDER_JA: &[&str] = &[
    "テンプレート",
    "テンプレ",
    "ひな形",
    "ひな型",
    "ひながた",
    "雛形",
    "雛型",
    "記入例",
    "記載例",
    "入力例",
    "作成例",
    "回答例",
    "様式例",
    "書式例",
    "見本",
    "サンプル",
    "ダミー",
];
const PLACEHOLDER_EN: &[&str] = &[
    "template",
    "templates",
    "sample",
    "samples",
    "dummy",
    "example",
    "examples",
    "placeholder",
    "boilerplate",
];

/// A segment of a path or a file's name (`folded`: width-folded, lower case; `token`: the
/// whole path it is part of) named as a template, a sample, a fill-in example or a
/// placeholder, not the document itself (review 23 A-8): the word as written. A word of
/// [`PLACEHOLDER_JA`] ending a word of the name, a word of [`PLACEHOLDER_EN`], a name of
/// `x`s alone (`xxx.docx`) or a name holding a placeholder's marks (`○○規程.docx`,
/// `●●手順書.docx`). Not a document about templates (`テンプレート管理規程.docx`, `Template
/// management policy.docx`, `ダミーアカウント管理手順.docx`), a word only starting so
/// (`Sampling_procedure.docx`, `サンプリング手順書.docx`), nor a sample drawn for the audit
/// (`アクセスログ_サンプル.csv`, `ticket_samples.xlsx`: a sample of records is evidence).
fn placeholder_name(segment: &str, token: &str) -> Option<String> {
    const OF_RECORDS: &[&str] = &[
        "ログ",
        "記録",
        "抽出",
        "チケット",
        "証跡",
        "log",
        "logs",
        "record",
        "records",
        "ticket",
        "tickets",
        "extract",
        "evidence",
    ];
    const SUBJECT_EN: &[&str] = &[
        "management",
        "control",
        "controls",
        "governance",
        "handling",
        "account",
        "accounts",
        "data",
        "user",
        "users",
    ];
    let sample = |w: &str| w.contains("サンプル") || w.starts_with("sample");
    let of_records = || {
        let name = token.rsplit(['/', '\\', '¥', '￥']).next().unwrap_or(token);
        OF_RECORDS.iter().any(|r| {
            if r.is_ascii() {
                name.split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|w| w == *r)
            } else {
                name.contains(r)
            }
        })
    };
    let en: Vec<&str> = segment
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in en.iter().enumerate() {
        let placeholder = PLACEHOLDER_EN.contains(w)
            && !en.get(i + 1).is_some_and(|n| SUBJECT_EN.contains(n))
            && !(sample(w) && of_records());
        let xs = w.len() >= 3 && w.chars().all(|c| c == 'x');
        if placeholder || xs {
            return Some((*w).to_owned());
        }
    }
    if let Some(m) = ["○○", "〇〇", "●●", "××", "△△", "□□", "◯◯"]
        .iter()
        .find(|m| segment.contains(**m))
    {
        return Some((*m).to_owned());
    }
    segment
        .split(|c: char| {
            c.is_ascii() && !c.is_ascii_alphanumeric() || vocab::is_bracket(c) || c == '　'
        })
        .find_map(|part| {
            PLACEHOLDER_JA
                .iter()
                .find(|w| part.ends_with(**w) && !(sample(w) && of_records()))
                .map(|w| (*w).to_owned())
        })
}

/// A file named as a copy, a backup or an editor's lock file, not the document itself
/// (review 23 A-17), the mark as written: an Office lock file (`~$規程.docx`), a copy by the
/// name a system gives it (`規程 - コピー.docx`, `規程 - コピー (2).docx`, `規程 のコピー.docx`,
/// `Copy of Policy.docx`, `Policy - Copy.docx`, `Policy copy.docx`, `規程_コピー.docx`), a
/// download kept twice (`規程 (1).docx`), a backup (`規程_bak.docx`, `規程.docx.bak`,
/// `規程.docx.orig`). `folded`: the cell width-folded, lower case. A `(1)` without the space
/// a system writes (`様式(1).xlsx`), a copy in a document's own words (`コピー機管理規程.docx`,
/// `データコピー手順書.docx`) or a backup record (`バックアップ取得記録.xlsx`) is none.
fn copy_or_lock_file(folded: &str) -> Option<String> {
    const BACKUP_EXT: [&str; 5] = ["bak", "orig", "old", "bk", "backup"];
    const COPY: [&str; 3] = ["コピー", "copy", "bak"];
    folded
        .split(['\n', '、', ',', ';', '；', '，'])
        .map(str::trim)
        .filter(|item| is_file_name(item))
        .find_map(|item| {
            let name = item
                .rsplit(['/', '\\', '¥', '￥'])
                .next()
                .unwrap_or(item)
                .trim();
            if name.starts_with("~$") {
                return Some("~$".to_owned());
            }
            let (stem, ext) = name.rsplit_once('.')?;
            if BACKUP_EXT.contains(&ext) && is_file_name(stem) {
                return Some(format!(".{ext}"));
            }
            if let Some(rest) = ["copy of ", "コピー ～ ", "コピー 〜 ", "コピー ~ "]
                .iter()
                .find(|p| stem.starts_with(**p))
            {
                return Some(rest.trim_end().to_owned());
            }
            // a number a system adds in brackets, after a space (`規程 (1)`)
            let numbered = stem.rsplit_once(" (").and_then(|(before, n)| {
                let n = n.strip_suffix(')')?;
                (!n.is_empty() && n.chars().all(|c| c.is_ascii_digit())).then_some((before, n))
            });
            let base = numbered.map_or(stem, |(before, _)| before).trim_end();
            let last = base.rsplit([' ', '_', '-', '　']).next().unwrap_or(base);
            let copy = COPY
                .iter()
                .find(|w| last == **w || (**w == "コピー" && last == "のコピー"));
            match (copy, numbered) {
                (Some(w), _) if last != base => Some((*w).to_owned()),
                (_, Some((_, n))) => Some(format!("({n})")),
                _ => None,
            }
        })
}

/// Whether a file name (a token of [`is_file_name`]) names an office document or a PDF by its
/// extension (`規程.docx`, `手順.pdf`, `台帳.xlsx`, `手順.md`), not a script, a log, a text or
/// data file (`.sh`, `.log`, `.txt`, `.csv`).
fn is_document_file(token: &str) -> bool {
    const DOCUMENTS: [&str; 19] = [
        "doc", "docx", "docm", "dot", "dotx", "xls", "xlsx", "xlsm", "xlsb", "ppt", "pptx", "pdf",
        "odt", "ods", "odp", "rtf", "md", "vsdx", "pages",
    ];
    let token = token.trim_end_matches(|c: char| vocab::is_bracket(c) || matches!(c, ',' | '、'));
    token
        .rsplit_once('.')
        .is_some_and(|(_, ext)| DOCUMENTS.contains(&ext.to_ascii_lowercase().as_str()))
}

/// A word of a file or folder name that is a draft by its last character `案` (`改訂案`,
/// `規程案`, `修正案`, `最終案`; review 20 A-11), not a word that only ends in it (`提案`,
/// `事案`, `答案`, `議案`, `懸案`, `立案`, `勘案`: a proposal, an incident, an answer sheet).
fn names_a_draft(word: &str) -> bool {
    // (`成案`: the text settled, final; `改善案`: an improvement plan, the plan itself: review
    // 23 C-15)
    const NOT_A_DRAFT: [&str; 18] = [
        "提案",
        "事案",
        "答案",
        "議案",
        "懸案",
        "法案",
        "図案",
        "考案",
        "新案",
        "発案",
        "立案",
        "勘案",
        "翻案",
        "教案",
        "名案",
        "思案",
        "成案",
        "改善案",
    ];
    word.ends_with('案') && !NOT_A_DRAFT.iter().any(|w| word.ends_with(w))
}

/// A version below 1.0 in a file or folder name (`規程_v0.9.docx`, `policy-ver0.3.pdf`,
/// `規程_第0.5版.docx`): by convention a draft before the first approved edition (review 20
/// A-11); `v1.0`, `v10.2`, `ver2` are none, and so is a product's version inside the name,
/// more of the name right after it (`監視エージェントv0.9導入手順書.docx`,
/// `OpenSSL_v0.9.8対応記録.xlsx`: review 23 C-15) — the document's own ends its name, or
/// stands before `版`, a separator or a note (`規程v0.9_draft.docx`, `手順書v0.9（未承認）`).
fn draft_version(segment: &str) -> Option<String> {
    ["v", "ver", "ver.", "version", "第"].iter().find_map(|p| {
        segment.match_indices(p).find_map(|(i, _)| {
            let before = segment[..i].chars().next_back();
            if before.is_some_and(|c| c.is_ascii_alphanumeric()) {
                return None;
            }
            let rest = segment[i + p.len()..].trim_start_matches(['_', '-', ' ']);
            let minor = rest.strip_prefix("0.")?;
            let digits = minor.chars().take_while(char::is_ascii_digit).count();
            if digits == 0 {
                return None;
            }
            // what follows the version: more numbers of it (`.8`), then the file's extension
            let mut after = &minor[digits..];
            while let Some(more) = after
                .strip_prefix('.')
                .filter(|m| m.starts_with(|c: char| c.is_ascii_digit()))
            {
                after = more.trim_start_matches(|c: char| c.is_ascii_digit());
            }
            let after = match after.rsplit_once('.') {
                Some((stem, ext)) if is_file_name(&format!("x.{ext}")) => stem,
                _ => after,
            };
            let own = after.is_empty()
                || after.starts_with('版')
                || after.starts_with(|c: char| {
                    !c.is_alphanumeric() || vocab::is_bracket(c) || c == '　'
                });
            own.then(|| segment[i..segment.len() - minor.len() + digits].to_owned())
        })
    })
}

/// An evidence cell counting part of its evidence, and nothing else: `1/3`, `2 of 3`,
/// `2/5件`, `3件中2件` (some, fewer than all; none is [`zero_count`]'s), or all of it with a
/// footnote mark not read (`3/3*`, `3/3※`: review 18 A-5). Not a date
/// (`2026/1/3` holds two slashes), nor all of it (`3/3`), nor more than the total (`5/3`:
/// a day).
pub(crate) fn evidence_partial(text: &str) -> Option<String> {
    // a count with a footnote mark (`3/3*`, `3/3※`): the footnote is not read, so it is not
    // read as all of it (review 18 A-5)
    let marks = ['*', '＊', '※', '†', '‡'];
    let footnoted = text.trim().ends_with(marks);
    let key = crate::text::header_key(text.trim().trim_end_matches(marks));
    let key = key.trim_end_matches(['。', '.']);
    let units = [
        "件",
        "点",
        "部",
        "個",
        "ファイル",
        "file",
        "files",
        "item",
        "items",
        "documents",
        "提出済",
        "提出済み",
        "収集済",
        "収集済み",
        "",
    ];
    let number = |s: &str| {
        (!s.is_empty() && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u64>().ok())
            .flatten()
    };
    let strip_unit = |s: &str| -> Option<u64> {
        units
            .iter()
            .find_map(|u| s.strip_suffix(u).and_then(number))
    };
    let (some, all) = if let Some((a, b)) = key.split_once('/') {
        (number(a)?, strip_unit(b)?)
    } else if let Some((a, b)) = key.split_once("of") {
        (number(a)?, strip_unit(b)?)
    } else if let Some((a, b)) = key.split_once('中') {
        (strip_unit(b)?, strip_unit(a)?)
    } else {
        return None;
    };
    (some > 0 && (some < all || footnoted)).then(|| text.trim().to_owned())
}

/// An evidence cell saying the evidence is not there yet (`未提出`, `作成中`, `Pending`,
/// `To be uploaded`), is being prepared (`作成予定`, `準備中`, review 15 C-7), was requested
/// and not received (`依頼中`, `Requested`), more is needed (`要追加`), counts none (`0件`,
/// `0/3`, `0 of 3`, review 15 A-1) or is a draft (`規程（ドラフト）`, `手順書v0.9（未承認）`):
/// no audit evidence of an implemented control (review 11 C-5); the control's status is the
/// status column's.
pub(crate) fn evidence_not_yet(text: &str) -> bool {
    let key = crate::text::header_key(text);
    let key = key.trim_end_matches(['。', '.']);
    // being made or asked for, whenever (`2027年4月作成予定`, `準備中（来月）`,
    // `Requested 2026-11`): still none on the day
    let preparing = [
        "作成予定",
        "作成中",
        "準備中",
        "整備中",
        "整備予定",
        "収集予定",
        "収集中",
        "提出予定",
        "取得予定",
        "依頼中",
    ]
    .iter()
    .any(|w| key.contains(w))
        // `（作成要）` as a note, or the whole cell (not `作成要求書`, `作成要領`: review 18 C-2)
        || key == "作成要"
        || key.contains("(作成要)")
        // still to be made (review 17 A-5: `要作成`; not `重要作成物`, `必要提出物`)
        || ["要作成", "要整備", "要準備", "要提出"].iter().any(|w| {
            key.match_indices(w).any(|(i, _)| {
                !key[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|c| matches!(c, '重' | '必' | '主' | '概' | '需' | '強'))
            })
        })
        || [
            "pending",
            "requested",
            "awaiting",
            "inpreparation",
            "tobeprepared",
        ]
        .iter()
        .any(|w| key.starts_with(w));
    preparing
        || zero_count(key)
        || matches!(
            key,
            "作成予定"
                | "作成準備中"
                | "準備中"
                | "準備予定"
                | "収集予定"
                | "提出予定"
                | "取得予定"
                | "依頼中"
                | "依頼済"
                | "依頼済み"
                | "提出依頼中"
                | "未受領"
                | "受領待ち"
                | "提出待ち"
                | "要追加"
                | "追加要"
                | "要追加提出"
                | "追加必要"
                | "追加が必要"
                | "不足"
                | "証跡不足"
                | "requested"
                | "requestsent"
                | "awaiting"
                | "awaitingevidence"
                | "awaitingupload"
                | "inpreparation"
                | "beingprepared"
                | "tobeprepared"
                | "moreneeded"
                | "moreevidenceneeded"
                | "moreevidencerequired"
                | "additionalevidenceneeded"
                | "additionalevidencerequired"
                | "insufficient"
                // `None yet` (review 16 A-11: the English of なし, with yet)
                | "noneyet"
                | "nonesofar"
                | "insufficientevidence"
                | "evidenceinsufficient"
        )
        || matches!(
            key,
            "未提出"
                | "未収集"
                | "未取得"
                | "未作成"
                | "作成中"
                | "収集中"
                | "後日提出"
                | "pending"
                | "tobeuploaded"
                | "tobecollected"
                | "tobeprovided"
                | "notyetcollected"
                | "notyetprovided"
                | "notcollected"
                // a cell saying it is blank (review 17 A-5)
                | "空"
                | "空欄"
                | "(空欄)"
                | "【空欄】"
                | "blank"
                | "(blank)"
                | "empty"
        )
        || [
            "ドラフト",
            "未承認",
            "承認待ち",
            "(案)",
            // provisional, as a draft (review 17 A-5: `（仮）規程.docx`)
            "(仮)",
            "【仮】",
            "[仮]",
            "unapproved",
        ]
        .iter()
        .any(|w| key.contains(w))
        || names_draft_word(text)
}

/// Whether a text holds `draft` (or `drafts`) as a word, its next letter not a lower-case
/// one (`Draft policy`, `規程draft.docx`, `DraftPolicy.docx`): `Drafting policy.docx`, a
/// policy on drafting, is none (review 23 C-15).
fn names_draft_word(text: &str) -> bool {
    let folded = fold_width(text);
    let lower = folded.to_ascii_lowercase();
    lower.match_indices("draft").any(|(i, w)| {
        let after = &folded[i + w.len()..];
        let after = after
            .strip_prefix(['s', 'S'])
            .filter(|a| !a.starts_with(|c: char| c.is_ascii_lowercase()))
            .unwrap_or(after);
        !after.starts_with(|c: char| c.is_ascii_lowercase())
    })
}

/// An evidence count of none (`header_key` form): `0`, `0件`, `0点`, `0部`, `0 files`, `0/3`,
/// `0 of 3` (review 15 A-1). `10件`, `0.9版` are not.
fn zero_count(key: &str) -> bool {
    let Some(rest) = key.strip_prefix('0') else {
        return false;
    };
    let of_total = |r: &str| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit());
    matches!(
        rest,
        "" | "件"
            | "点"
            | "部"
            | "個"
            | "ファイル"
            | "file"
            | "files"
            | "item"
            | "items"
            | "documents"
    ) || rest.strip_prefix('/').is_some_and(of_total)
        || rest.strip_prefix("of").is_some_and(of_total)
}

/// Whether a sheet's name qualifies nothing but a year its list is for (`2025年度`, `FY2025`,
/// `令和7年度`, `管理策一覧（2025年度）`), that year not after the fiscal year (April to March)
/// of `as_of`: without the year's words, the name negates or qualifies nothing.
fn names_a_year_in_force(name: &str, as_of: crate::date::Date) -> bool {
    let Some(year) = crate::input::checks::sheet_year(name) else {
        return false;
    };
    let fiscal = as_of.fiscal_year();
    let folded = crate::text::fold_width(name);
    let lower = folded.to_lowercase();
    let rest: String = lower
        .replace("年度", "")
        .replace("fy", "")
        .replace("令和", "")
        .replace("平成", "")
        .chars()
        .filter(|c| !c.is_ascii_digit())
        .collect();
    let rest = rest.trim_matches(|c: char| !c.is_alphanumeric());
    // what is left says nothing of its own (`管理策一覧`): no draft (`（案）`, `Draft`), no
    // projection (`見込み`), no qualifier, no negation
    i64::from(year) <= i64::from(fiscal)
        && (rest.is_empty()
            || vocab::negation_in(rest).is_none()
                && remarks::document_mark(rest, as_of).is_none()
                && remarks::qualifier_on(rest, &[], as_of).is_none()
                && remarks::header_note_qualifier(rest).is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The chapters a note names as chapters (review 13 C-3); a list number or an id is
    /// none.
    #[test]
    fn the_chapters_a_note_names() {
        assert_eq!(
            chapters_named("3. 物理的セキュリティ（11章）はIaaS事業者に依拠"),
            [11]
        );
        assert_eq!(chapters_named("第１１章及び箇条12"), [11, 12]);
        assert_eq!(chapters_named("Clause 11 relies on the IaaS"), [11]);
        assert!(chapters_named("3. 9.2.3はIaaS事業者に依拠").is_empty());
        assert_eq!(
            chapters_only("2. 物理的セキュリティ（11章）はIaaS事業者の管理策に依拠しています。"),
            [11]
        );
        assert_eq!(chapters_only("11章はIaaS事業者に依拠"), [11]);
        for note in [
            "3. 物理的セキュリティ（11章）及びバックアップ（12.3）はIaaS事業者の管理策に依拠しています。",
            "3. 物理的セキュリティ（11章）はIaaS事業者の管理策に依拠しています。バックアップもIaaS事業者に依拠しています。",
            "物理的セキュリティ（11章）、バックアップはIaaS事業者に依拠",
            "11章のうち12.3.1はIaaS事業者に依拠",
        ] {
            assert!(chapters_only(note).is_empty(), "{note}");
        }
        assert_eq!(chapter_of("11.1.2"), Some(11));
    }

    /// Review 15 A-1, C-7: evidence counting none, requested, more needed or being made is
    /// none yet; a count of some, a version, a document are evidence.
    #[test]
    fn evidence_counting_none_or_being_prepared_is_none_yet() {
        for text in [
            "0件",
            "０件",
            "0/3",
            "0 / 3",
            "0 of 3",
            "0",
            "0 files",
            "依頼中",
            "Requested",
            "要追加",
            "作成予定",
            "準備中",
            "2027年4月作成予定",
            "準備中（来月）",
            "Requested 2026-11",
            "Awaiting evidence",
            // review 17 A-5
            "要作成",
            "（空欄）",
            "空",
            "空欄",
            "（仮）規程.docx",
            "【仮】手順書",
            // review 23 C-15 guards: `draft` as a word
            "Draft policy.docx",
            "DraftPolicy.docx",
            "規程draft.docx",
            "Drafts/規程.docx",
            "規程（DRAFT）",
        ] {
            assert!(evidence_not_yet(text), "{text}");
            assert!(names_no_evidence(text), "{text}");
        }
        for text in [
            "10件",
            "3/3",
            "1/3",
            "0.9版の手順書",
            "規程・記録あり",
            "手順書v2.0（2025年作成）",
            "2025/03 承認済み",
            // guards of review 17 A-5: a document whose name holds 仮 or 空 otherwise
            "仮想化基盤の構成図",
            "空調設備の点検記録",
            "重要作成物一覧",
            // review 18 C-2
            "アカウント作成要求書.pdf",
            "ID発行作成要領.pdf",
            "作成要件定義書.pdf",
            // review 23 C-15: a policy on drafting
            "Drafting policy.docx",
            "drafting_guide.pdf",
        ] {
            assert!(!evidence_not_yet(text), "{text}");
        }
    }

    /// Review 16 A-11, A-15: a document not in effect, another service's, a draft or old
    /// folder; a count of part of the evidence (fix19-ready "Left"). Guards beside each.
    #[test]
    fn evidence_not_in_effect_or_partial() {
        for (text, word) in [
            ("規程A（旧版・廃止）", "旧版"),
            ("規程A（2025年3月廃止）", "廃止"),
            ("規程A 旧版", "旧版"),
            ("別サービスの規程を準用", "準用"),
            ("Policy X (superseded)", "superseded"),
            ("Policy X (no longer in use)", "longer"),
            ("Superseded: Policy X", "superseded"),
            ("/ISMS/2026年度/draft/", "draft"),
            ("/ISMS/案/", "案"),
            ("\\\\fs01\\ISMS\\旧\\", "旧"),
            ("/ISMS/規程_old.docx", "old"),
        ] {
            assert_eq!(evidence_not_current(text).as_deref(), Some(word), "{text}");
        }
        for text in [
            "規程A（2025年改訂版）",
            "情報セキュリティ基本方針 第3版",
            "旧姓の扱いに関する規程",
            "アカウント管理規程（登録・廃止）",
            "Access review (retired accounts)",
            "他サービス連携手順書",
            "/ISMS/2026年度/",
            "\\\\fs01\\ISMS\\FY2025\\",
            "/logs/log-archive/",
            "N/A",
        ] {
            assert_eq!(evidence_not_current(text), None, "{text}");
        }
        for text in ["1/3", "2 of 3", "2/5件", "3件中2件", "１／３"] {
            assert!(evidence_partial(text).is_some(), "{text}");
        }
        for text in [
            "3/3",
            "0/3",
            "5/3",
            "2026/1/3",
            "10件",
            "1/3 ページ",
            "v1/2",
        ] {
            assert!(evidence_partial(text).is_none(), "{text}");
        }
    }

    /// Review 23 A-8: a template, a sample, a fill-in example or a placeholder named as the
    /// evidence is not the document (its word); a document about templates, a word only
    /// starting so and a sample of records drawn for the audit are.
    #[test]
    fn evidence_naming_a_template_sample_or_placeholder() {
        for (text, word) in [
            ("規程_テンプレート.docx", "テンプレート"),
            ("規程テンプレート.docx", "テンプレート"),
            ("記入例.xlsx", "記入例"),
            ("sample_policy.docx", "sample"),
            ("Sample policy.docx", "sample"),
            ("ひな形_規程.docx", "ひな形"),
            ("規程（雛形）.docx", "雛形"),
            ("template.xlsx", "template"),
            ("dummy.pdf", "dummy"),
            ("ダミー.pdf", "ダミー"),
            ("xxx.docx", "xxx"),
            ("サンプル.docx", "サンプル"),
            ("○○規程.docx", "○○"),
            ("/ISMS/templates/規程.docx", "templates"),
            ("/ISMS/template/規程.docx", "template"),
            ("テンプレート", "テンプレート"),
            ("記入例", "記入例"),
        ] {
            assert_eq!(evidence_not_current(text).as_deref(), Some(word), "{text}");
            assert!(evidence_wanting(text), "{text}");
        }
        for text in [
            "情報セキュリティ基本方針.pdf",
            "アクセス管理規程_v2.0.docx",
            "Sampling_procedure.docx",
            "サンプリング手順書.docx",
            "テンプレート管理規程.docx",
            "Template management policy.docx",
            "template_management_policy.docx",
            "ダミーアカウント管理手順.docx",
            "アクセスログ_サンプル.csv",
            "ticket_samples.xlsx",
            "examination_record.xlsx",
        ] {
            assert_eq!(evidence_not_current(text), None, "{text}");
        }
    }

    /// Review 23 C-11: `未`, `N/A`, `不要`, `該当なし` alone under an evidence column name no
    /// evidence (as `未提出`); `非該当`, `対象外` stay the control's status, and a document
    /// is named evidence.
    #[test]
    fn none_words_under_evidence() {
        for text in [
            "未",
            "N/A",
            "n/a",
            "不要",
            "該当なし",
            "証跡不要",
            "Not required",
        ] {
            assert!(evidence_none_word(text), "{text}");
            assert!(names_no_evidence(text), "{text}");
            assert!(states_no_evidence(text), "{text}");
        }
        for text in [
            "非該当",
            "対象外",
            "未承認",
            "未提出の証跡一覧.xlsx",
            "規程.pdf",
        ] {
            assert!(!evidence_none_word(text), "{text}");
        }
    }

    /// Review 18 A-5: another service's, an unapproved or a temporary folder or file, a file
    /// named with a date after the as-of date, a count with a footnote mark; each with the
    /// ordinary shape beside it still read.
    #[test]
    fn evidence_of_another_service_unapproved_temporary_later_or_footnoted() {
        for (text, word) in [
            ("/ISMS/FY2025/他サービス/規程.docx", "他サービス"),
            ("/ISMS/別サービス/規程.docx", "別サービス"),
            ("/ISMS/other-service/policy.pdf", "other-service"),
            ("/ISMS/FY2025/規程_未承認.docx", "未承認"),
            ("規程_未承認.docx", "未承認"),
            ("policy_unapproved.pdf", "unapproved"),
            ("/ISMS/FY2025/tmp/規程.docx", "tmp"),
            ("/tmp/規程.docx", "tmp"),
            ("規程_tmp.docx", "tmp"),
            ("/ISMS/FY2025/tmp/", "tmp"),
            ("規程_draft.docx", "draft"),
            ("規程（案）.docx", "案"),
            // review 20 A-11: a draft compound, before approval, a working folder, a version
            // below 1.0
            ("規程_改訂案.docx", "改訂案"),
            ("情報セキュリティ規程案.docx", "情報セキュリティ規程案"),
            ("規程_承認前.docx", "承認前"),
            ("/ISMS/FY2025/承認前/規程.docx", "承認前"),
            ("/ISMS/FY2025/作業用/規程.docx", "作業用"),
            ("/ISMS/FY2025/作業中/規程.docx", "作業中"),
            ("規程_v0.9.docx", "v0.9"),
            ("policy-ver0.3.pdf", "ver0.3"),
            // review 23 C-15 guards: the document's own version, `案` drafts
            ("規程v0.9_draft.docx", "draft"),
            ("規程_第0.5版.docx", "第0.5"),
            ("規程_v0.9.1.docx", "v0.9"),
            ("手順書v0.9（未承認）.docx", "未承認"),
            ("改善計画案.xlsx", "改善計画案"),
            ("規程_最終案.docx", "最終案"),
            // review 23 A-17: a copy, a backup, a lock file
            ("~$規程.docx", "~$"),
            ("/ISMS/~$規程.docx", "~$"),
            ("規程 - コピー.docx", "コピー"),
            ("規程 - コピー (2).docx", "コピー"),
            ("規程 のコピー.docx", "コピー"),
            ("規程_コピー.docx", "コピー"),
            ("Copy of Policy.docx", "copy of"),
            ("Policy - Copy.docx", "copy"),
            ("Policy copy.docx", "copy"),
            ("規程 (1).docx", "(1)"),
            ("規程_bak.docx", "bak"),
            ("規程.docx.bak", ".bak"),
            ("規程.docx.orig", ".orig"),
            ("規程.docx.old", "old"),
            ("規程A.pdf、規程 (1).docx", "(1)"),
        ] {
            assert_eq!(evidence_not_current(text).as_deref(), Some(word), "{text}");
        }
        for text in [
            // review 23 C-15: a product's version, a settled text, an improvement plan
            "監視エージェントv0.9導入手順書.docx",
            "OpenSSL_v0.9.8対応記録.xlsx",
            "ID管理規程_成案.pdf",
            "改善案_2025年度.xlsx",
            "Drafting policy.docx",
            // review 23 A-17 guards
            "コピー機管理規程.docx",
            "データコピー手順書.docx",
            "様式(1).xlsx",
            "バックアップ取得記録.xlsx",
            "backup_policy.pdf",
            "Copyright_policy.pdf",
            "copy.docx",
            "/ISMS/FY2025/規程.docx",
            "/ISMS/他サービス連携/手順.docx",
            "他サービス連携手順書.pdf",
            "未承認ソフトウェア禁止規程.docx",
            "temperature.pdf",
            "/監視/temperature/記録.csv",
            // (`/ISMS/template/規程.docx` is no `tmp` folder, but a template's: review 23 A-8,
            // `evidence_naming_a_template_sample_or_placeholder`)
            "提案書.docx",
            "旧姓の扱いに関する規程.docx",
            // review 20 C-9: a script, a log, a text file of operations
            "tmp_cleanup_script.sh",
            "tmp.log",
            "/var/tmp/監視設定.txt",
            "/ISMS/FY2025/tmpfs設定.xlsx",
            // guards of A-11
            "改訂履歴.docx",
            "承認済/規程.docx",
            "作業手順書.docx",
            "/運用/作業/作業記録_2025.xlsx",
            "セキュリティ事案_2025.pdf",
            "提案_2025.pdf",
            "案内.pdf",
            "規程_v1.0.docx",
            "規程_v10.2.docx",
            "規程_第2.0版.docx",
            "sev0.5.log",
            "gold_standard.pdf",
            "v1.0",
            "No.5",
        ] {
            assert_eq!(evidence_not_current(text), None, "{text}");
        }
        let as_of = crate::date::Date::new(2026, 12, 1).unwrap();
        for (text, word) in [
            ("/ISMS/FY2025/規程_2027-04.docx", "2027-04"),
            ("規程_2027-04.docx", "2027-04"),
            ("規程_20270401.docx", "20270401"),
            ("規程_2027.docx", "2027"),
            ("規程_2027年度.docx", "2027年度"),
            ("規程_2026-12-15_v2.docx", "2026-12-15"),
            ("/ISMS/2025年度/規程_2027年度.docx", "2027年度"),
        ] {
            assert_eq!(
                evidence_dated_later(text, as_of).as_deref(),
                Some(word),
                "{text}"
            );
        }
        for text in [
            "/ISMS/FY2025/規程.docx",
            "規程_2026-03.docx",
            "規程_2026.docx",
            "規程_2026年度.docx",
            "規程_20261130.docx",
            "SEC_1234.pdf",
            "規程_v1.2.docx",
            "log_2027 の記録",
            "3/3",
            // review 20 C-1: a validity or expiry date, a period
            "SSL証明書_2027-03-31期限.pdf",
            "登録証_有効期限_20270331.pdf",
            "ISMS認証_2025_2028.pdf",
            "cert_valid_until_2027-03-31.pdf",
        ] {
            assert_eq!(evidence_dated_later(text, as_of), None, "{text}");
        }
        // review 20 C-12: a year is a calendar year (as of January, this year's report)
        let january = crate::date::Date::new(2026, 1, 15).unwrap();
        assert_eq!(evidence_dated_later("監査報告書_2026.pdf", january), None);
        assert_eq!(
            evidence_dated_later("監査報告書_2027.pdf", january).as_deref(),
            Some("2027")
        );
        assert_eq!(
            evidence_dated_later("規程_2026年度.docx", january).as_deref(),
            Some("2026年度")
        );
        for text in ["3/3*", "3/3※", "3/3 ※", "２/２＊", "3 of 3*"] {
            assert!(evidence_partial(text).is_some(), "{text}");
        }
        for text in ["3/3", "*", "規程.pdf*", "0/3*"] {
            assert!(evidence_partial(text).is_none(), "{text}");
        }
    }

    fn catalog() -> Catalog {
        Catalog::embedded().unwrap()
    }

    /// A CSV read as `load` reads it.
    fn csv(text: &str) -> Result<Attestation, InputError> {
        let path = Path::new("t.csv");
        let catalog = catalog();
        let sheet = table::read_csv_text(path, text).unwrap();
        match read_table(&sheet, &CspOptions::default(), &catalog, None)? {
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
            // an empty remarks column, a column of titles without a header
            "管理策番号,備考\n5.1.1,\n5.1.2,\n",
            "5.1.1,情報セキュリティのための方針群\n5.1.2,情報セキュリティのための方針群のレビュー\n",
            // a title of its own column may hold brackets
            "管理策番号,管理策名\n5.1.1,方針（全社）\n",
        ] {
            let att = csv(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert!(att
                .controls
                .iter()
                .all(|c| c.declared == Declared::Implemented));
            assert_eq!(att.read_as.kind, ReadKind::PublishedList, "{text}");
            let id_column = att.read_as.parts[0].id_column.as_deref();
            if text.contains("番号") {
                assert!(id_column.is_some_and(|c| c.contains("番号")), "{text}");
            } else {
                assert_eq!(id_column, Some("A"), "{text}");
            }
        }
    }

    /// A table without a status column is a published list only when its other columns
    /// hold titles or row numbers: a remark, evidence, an owner, a responsibility, a date,
    /// a title negating beyond the catalog's is an input error naming the column.
    #[test]
    fn a_list_without_statuses_holds_titles_and_row_numbers_only() {
        for (text, want) in [
            ("管理策番号,備考\n5.1.1,no change since 2024\n5.1.2,\n", "column '備考': the table has no status column, and its column '備考' (holding 'no change since 2024')"),
            ("管理策番号,証跡,担当\n5.1.1,なし,総務\n", "column '証跡'"),
            ("Control ID,Responsibility\n5.1.1,CSP\n9.2.3,Customer\n", "column 'Responsibility'"),
            ("Control,Inherited from\n5.1.1,\n9.2.3,AWS\n", "column 'Inherited from' (holding 'AWS')"),
            ("管理策番号,実施日\n5.1.1,2024-04-01\n9.2.3,\n", "column '実施日'"),
            ("5.1.1,方針\n", "column 'B'"),
            ("No,管理策番号\n1,5.1.1\n1,5.1.2\n", "column 'No'"),
            ("管理策番号,管理策名\n8.1.5.P,資産の除去\n9.2.3,特権（東京リージョンのみ）\n", "row 3: column '管理策名': '特権（東京リージョンのみ）' after 9.2.3 states something ('のみ')"),
        ] {
            let err = csv(text).map(|a| states(&a)).unwrap_err().to_string();
            assert!(err.contains(want), "{text}: {err}");
        }
        // a catalog title's own words (除, 外) are no negation in a title column
        let att =
            csv("管理策番号,管理策名\n8.1.5.P,資産の除去\n11.1.4,外部及び環境の脅威からの保護\n")
                .unwrap();
        assert_eq!(att.controls.len(), 2);
    }

    /// Beside a named status column, a title column is a title column, not a status column;
    /// on a row stated implemented its words may not qualify the statement beyond the
    /// catalog's title.
    #[test]
    fn titles_beside_a_status_column_are_titles() {
        let att = csv("管理策番号,管理策名,実施状況\n5.1.1,方針の整備手順（対象外なし）,実施\n5.1.2,見直し（一部）,未実施\n").unwrap();
        assert_eq!(
            states(&att),
            [
                ("5.1.1".to_owned(), Declared::Implemented, Some(2)),
                ("5.1.2".to_owned(), Declared::NotImplemented, Some(3)),
            ]
        );
        let err = csv("管理策番号,管理策名,実施状況\n9.2.3,特権（東京リージョンのみ）,実施\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("row 2: column '管理策名': '特権（東京リージョンのみ）' in '管理策名' limits or conditions it ('のみ')"),
            "{err}"
        );
        // the catalog's own words are its title's: 情報セキュリティ継続の計画 (計画)
        csv("管理策番号,管理策名,実施状況\n17.1.1,情報セキュリティ継続の計画,実施\n").unwrap();
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
                format!("p.yaml: line 3: field 'not_applicable': {excluded} is listed under both `implemented` and `not_applicable` (hint: keep it under one: `implemented` if the service implements it, `not_applicable` with the reason if it does not apply)")
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
            crate::date::Date::today(),
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
                "line 1: field 'implemented': '9.2' is a clause or category",
            ),
            (
                "implemented: [9.2.1, \"11\"]\n",
                "line 1: field 'implemented': '11' is a clause",
            ),
            (
                "implemented: [9.2.1]\nnot_applicable:\n  \"10\": n/a\n",
                "line 2: field 'not_applicable': '10' is a clause",
            ),
            (
                "name: x\nimplemented: []\n",
                "line 2: field 'implemented': the profile lists no controls",
            ),
            (
                "name: x\n",
                "p.yaml: field 'implemented': the profile lists no controls",
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
            crate::date::Date::new(2026, 4, 1).unwrap(),
        )
        .unwrap();
        assert_eq!(att.read_as.kind, ReadKind::PublishedList);
        assert_eq!(att.read_as.parts.len(), 1);
        assert_eq!(att.read_as.parts[0].id_column, None);
        assert_eq!(att.controls.len(), 2);
        let as_of = crate::date::Date::new(2026, 4, 1).unwrap();
        let err = from_text(Path::new("l.txt"), "統制目標 番号\n", &catalog(), as_of).unwrap_err();
        assert!(
            err.to_string()
                .contains("found no ISMAP control ids (2 other tokens ignored)"),
            "{err}"
        );
    }
}
