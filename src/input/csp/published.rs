//! Published lists: lines of pasted text, or rows of a table without a status column, that
//! hold control ids and, after an id, nothing but its catalog title (or page furniture: a
//! date, a page number). Every id is read as implemented (or as the status its sheet's name
//! states). The rule after an id is an allow-list: any other text (a status, a footnote
//! mark, a note, a negation in any words) is an input error naming the line, never a guess.
//! Lines without ids (headers, titles, footers) are passed over unless they state a status
//! or negate, exclude, defer or qualify (`■ 実施していない統制目標`, `Exclusions:`).
use crate::catalog::model::Entry;
use crate::catalog::{Catalog, RefKind, Resolution};
use crate::error::{InputError, Location};
use crate::input::csp::ids::{self, find_ids, IdKind, IdToken};
use crate::input::csp::{remarks, vocab};
use crate::model::{Declared, ListedControl};
use crate::text::{edit_distance, fold_width};

/// How a cell of a line is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellRole {
    /// Pasted text (or a cell of a grid): after an id, only its title or page furniture.
    Text,
    /// A column whose header says it holds titles (`管理策名`, `title`): a title in the
    /// list's own words is accepted, unless it negates, excludes or qualifies beyond the
    /// catalog's title of the row's id, or states a status.
    Title,
    /// Read for something else (a reason column on a sheet whose name states a status, a
    /// column of row numbers): not looked at here.
    Free,
}

/// One cell of a line: its column's name (a table's header, else its letter) and its text.
/// A line of pasted text is split into cells at its tabs, which have no name.
#[derive(Debug, Clone)]
pub struct Cell<'a> {
    pub column: Option<String>,
    pub text: &'a str,
    pub role: CellRole,
}

/// A line of pasted text or a row of a table, numbered as the file numbers it.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    pub number: usize,
    pub cells: Vec<Cell<'a>>,
}

/// The lines of pasted text, numbered from 1.
pub fn lines_of(text: &str) -> Vec<Line<'_>> {
    text.lines()
        .enumerate()
        .map(|(i, l)| Line::of_text(i + 1, l))
        .collect()
}

impl<'a> Line<'a> {
    /// A line of pasted text, its cells split at tabs.
    pub fn of_text(number: usize, text: &'a str) -> Line<'a> {
        Line {
            number,
            cells: text
                .split('\t')
                .map(|text| Cell {
                    column: None,
                    text,
                    role: CellRole::Text,
                })
                .collect(),
        }
    }

    /// The text of the cells that are read, joined by spaces.
    pub(super) fn text(&self) -> String {
        self.cells
            .iter()
            .filter(|c| c.role != CellRole::Free)
            .map(|c| c.text.trim())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Where the lines come from: for messages.
#[derive(Debug, Clone)]
pub struct Source {
    pub loc: Location,
    /// Rows of a table (`row N`), else lines of text (`line N`).
    pub rows: bool,
}

impl Source {
    pub(super) fn at(&self, number: usize, column: Option<&str>) -> Location {
        let loc = if self.rows {
            self.loc.clone().row(number)
        } else {
            self.loc.clone().line(number)
        };
        match column {
            Some(c) => loc.column(c),
            None => loc,
        }
    }
}

/// What a published list holds.
#[derive(Debug, Default)]
pub struct Listed {
    pub controls: Vec<ListedControl>,
    pub at: Vec<Location>,
    /// Tokens that were not ids (header words, dates, page numbers, titles).
    pub ignored: usize,
    /// The latest date after the as-of date under a header naming when the list was
    /// confirmed or updated (`最終確認日`), as written, with its row.
    pub confirmed_later: Option<(String, crate::date::Date, usize)>,
}

/// Text quoted in a message, cut short.
pub fn quote(s: &str) -> String {
    const KEEP: usize = 60;
    let s = s.trim();
    if s.chars().count() <= KEEP {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(KEEP).collect::<String>())
    }
}

pub const FOR_STATUSES: &str = "a published list holds implemented ids (and their titles) only; for a list with statuses use a table (CSV or a sheet) with an id column and one status column such as 実施状況, or remove what is not an id";

/// The hint for text after an id that is not its title.
const FOR_TEXT_AFTER: &str = "after an id a published list holds its catalog title (see `ismap-gap catalog show ID`) or nothing: remove the text (a footnote mark, a note, a remark); to state statuses or qualifications use a table with an id column and one status column such as 実施状況 (notes in a remarks column)";

/// The hint for another standard's control number in a published list.
const FOR_OTHER_STANDARD: &str = "a published list holds ISMAP ids (9.2.3, or A.9.2.3 / CLD.8.1.5 for the ISMAP objective of those numbers): remove the other standard's control numbers, or give the list as a table with a Framework column so that their rows are left out";

/// The hint for a line without ids that negates or qualifies.
const FOR_HEADINGS: &str = "a heading or note that negates, excludes, defers or qualifies (未実施, 適用しない, 対象外, 予定, 一部, のみ, not, exclusions, gaps, planned…) may say the ids near it are not implemented, and a published list cannot say which: remove the line if it qualifies nothing, or give each id its status in a table with an id column and a status column such as 実施状況";

/// Reads the lines of a published list. `stated`: what each id is read as (implemented, or
/// what its sheet's name states); `reason`: the reason given on a row (a reason column), for
/// a list stated not implemented.
pub fn read(
    lines: &[Line<'_>],
    source: &Source,
    catalog: &Catalog,
    stated: Declared,
    reason: &dyn Fn(usize) -> String,
    as_of: crate::date::Date,
) -> Result<Listed, InputError> {
    let mut out = Listed::default();
    // lines without ids that may head the ids under them (not part of a row): checked when
    // ids follow (review 19 A-3, B-2)
    let mut headings: Vec<&Line> = Vec::new();
    // the list's own lines above its first ids (its title, the service's name, headers),
    // which a page header repeats between ids
    let mut opening: Vec<String> = Vec::new();
    // footnote marks before ids (`*8.1.5.P`, `[1]8.1.5.P`) and lines without ids starting
    // with a mark (a footnote, maybe): matched once the list is read (review 19 A-4)
    let mut marks = Marks::default();
    // a line without ids that states a status: an error as soon as the list has ids
    let mut status_line: Option<(&Line, String)> = None;
    // the ids of the last line with ids, whose titles a line of its own may hold
    let mut last_ids: Vec<String> = Vec::new();
    // the lines right after a line of ids (PDF cells pasted one per line) continue its row
    // until an empty line, furniture, a header or the next ids
    let mut continuing = false;
    // the row's text so far (keys, see [`title_key`]): a title wrapped in its cell goes on
    let mut row_key = String::new();
    // the document's running title (its first line), which a page header repeats
    let running = lines
        .iter()
        .map(|l| l.text())
        .find(|t| !t.trim().is_empty())
        .unwrap_or_default();
    for line in lines {
        if !source.rows {
            profile_field(line, source)?;
        }
        let mut found: Vec<(usize, Vec<IdToken>)> = line
            .cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if c.role == CellRole::Free {
                    return (i, Vec::new());
                }
                let (ids, ignored) = find_ids(c.text);
                out.ignored += ignored;
                (i, ids)
            })
            .collect();
        // another standard's control number (`ISO27001-A.9.2.3`) holds no ISMAP id and is
        // no title or furniture either: said, never passed over (fix36-xlsx leftover)
        if let Some((c, (written, standard))) = line
            .cells
            .iter()
            .filter(|c| c.role != CellRole::Free)
            .find_map(|c| ids::other_standard_in(c.text).map(|o| (c, o)))
        {
            return Err(ids::other_standard_error(
                source.at(line.number, c.column.as_deref()),
                &written,
                &standard,
            )
            .hint(FOR_OTHER_STANDARD));
        }
        let joined = join_suffix_cells(line, &mut found);
        if let Some((i, id)) = found
            .iter()
            .flat_map(|(i, ids)| ids.iter().map(move |t| (*i, t)))
            .find(|(_, t)| !t.kind.is_control())
        {
            return Err(unread(
                source.at(line.number, line.cells[i].column.as_deref()),
                line.cells[i].text,
                id,
            ));
        }
        if found.iter().all(|(_, ids)| ids.is_empty()) {
            if let Some((mark, rest)) = leading_mark(&line.text()) {
                marks.notes.push((line.number, mark, rest));
            }
            // a note on the objectives the list does not name states nothing of those it
            // names (review 23 C-9)
            if of_unlisted_only(&line.text()) {
                continue;
            }
            let tail = continuing && is_title_tail(catalog, &last_ids, &row_key, &line.text());
            if status_line.is_none() && !tail && !chapter_with_title(line, catalog) {
                status_line = line_status(line, !out.controls.is_empty()).map(|what| (line, what));
            }
            match status_line {
                Some((line, what)) if !out.controls.is_empty() => {
                    return Err(status_line_error(line, &what, source))
                }
                Some(_) => continue,
                None => {}
            }
            check_idless_line(line, &last_ids, source, catalog)?;
            // a note under the ids (`※ 詳細は当社Webサイトを参照`, also below the fields of a
            // pasted entry the page took out) is no cell of their row: read by itself, by the
            // heading rules, as a note anywhere else is (fix35-entry leftover)
            // (a note dated after the as-of date, `※ 記載内容は2027年4月1日時点`, stays refused
            // as a cell of the row: no rule reads such a note as the document's date yet)
            let text = line.text();
            if continuing
                && !source.rows
                && starts_with_note_mark(&text)
                && crate::date::dates_in(&text)
                    .iter()
                    .all(|(_, last)| *last <= as_of)
            {
                continuing = false;
            }
            if continuing {
                let row = Row {
                    ids: &last_ids,
                    key: &mut row_key,
                    running: &running,
                };
                continuing = continues_row(line, row, source, catalog)?;
            }
            if !continuing {
                check_heading(line, &last_ids, source, catalog)?;
                if !line.text().is_empty() {
                    headings.push(line);
                }
            }
            if out.controls.is_empty() {
                opening.push(line.text());
            }
            continue;
        }
        continuing = true;
        if let Some((line, what)) = status_line {
            return Err(status_line_error(line, &what, source));
        }
        if let Some(below) = found.iter().find_map(|(_, ids)| ids.first()) {
            let list = List {
                opening: &opening,
                above: &last_ids,
                running: &running,
                between: !out.controls.is_empty(),
            };
            for heading in headings.drain(..) {
                check_governing(heading, &below.raw, &list, source, catalog, as_of)?;
            }
        }
        check_line(line, &found, &joined, source, catalog)?;
        marks.of_ids.push(Marked {
            number: line.number,
            column: found
                .iter()
                .find(|(_, ids)| !ids.is_empty())
                .and_then(|(i, _)| line.cells[*i].column.clone()),
            mark: mark_before_ids(line, &found),
            unmarked: nothing_before_ids(line, &found),
            id: found
                .iter()
                .find_map(|(_, ids)| ids.first())
                .map(|t| t.raw.clone())
                .unwrap_or_default(),
        });
        row_key = title_key(&line.text());
        last_ids.clear();
        for (i, ids) in found {
            for id in ids {
                last_ids.push(id.raw.clone());
                out.controls.push(ListedControl {
                    declared: stated,
                    reason: if stated == Declared::Implemented {
                        String::new()
                    } else {
                        reason(line.number)
                    },
                    ..ListedControl::implemented(id.raw, Some(line.number))
                });
                out.at
                    .push(source.at(line.number, line.cells[i].column.as_deref()));
            }
        }
    }
    marks.check(source, catalog)?;
    Ok(out)
}

/// A line of ids and the footnote-capable mark before its first id ([`footnote_mark`]).
struct Marked {
    number: usize,
    column: Option<String>,
    mark: Option<String>,
    /// Nothing at all before the first id (no bullet, no number).
    unmarked: bool,
    id: String,
}

/// The marks before the ids of a list, and the lines without ids that start with a mark.
#[derive(Default)]
struct Marks {
    of_ids: Vec<Marked>,
    /// (line, mark, the text after it)
    notes: Vec<(usize, String, String)>,
}

/// The hint for a footnote mark before an id.
const FOR_MARK_BEFORE: &str = "a mark before some ids (*, ＊, [1], (1), ①) refers to a footnote, and a published list cannot say what it states of them: give each marked id its status in a table with an id column and a status column such as 実施状況 (the footnote in a remarks column), or remove the mark if it refers to nothing; a bullet before every id (・, -, •, *) is read";

impl Marks {
    /// Refuses an id behind a footnote mark (review 19 A-4): a mark a line without ids
    /// starts with (its footnote: `* 監査後に追加`, `[1] 2027年4月追加`), or `*` before some
    /// ids of the list but not the others (a bullet stands before every id). A bracketed
    /// or circled number with no note starting with it is numbering (`(1) 9.2.1`).
    fn check(&self, source: &Source, catalog: &Catalog) -> Result<(), InputError> {
        let where_ = |n: usize| format!("{} {n}", if source.rows { "row" } else { "line" });
        for m in &self.of_ids {
            let Some(mark) = &m.mark else { continue };
            let at = || source.at(m.number, m.column.as_deref());
            if let Some((n, _, rest)) = self
                .notes
                .iter()
                .find(|(n, k, rest)| *n > m.number && k == mark && !says_no_more(catalog, rest))
            {
                return Err(InputError::at(
                    at(),
                    format!(
                        "'{mark}' before {} is a footnote mark: the note on {} ('{mark} {}') says something of the ids it marks that a published list cannot state, so none is read",
                        m.id,
                        where_(*n),
                        quote(rest)
                    ),
                )
                .hint(FOR_MARK_BEFORE));
            }
            // `*` is a bullet only before every id; a number only in a list whose other
            // ids have a bullet or a number too (`[1]8.1.5.P` among bare ids is a
            // footnote mark whose footnote was not pasted)
            let star = mark.starts_with('*');
            if let Some(other) = self
                .of_ids
                .iter()
                .find(|o| o.unmarked || star && o.mark.as_deref() != Some(mark.as_str()))
            {
                return Err(InputError::at(
                        at(),
                        format!(
                            "'{mark}' before {} marks some ids of the list only (not {} on {}): it is a footnote mark, and what its note states is not read, so none is read",
                            m.id, other.id, where_(other.number)
                        ),
                    )
                    .hint(FOR_MARK_BEFORE));
            }
        }
        Ok(())
    }
}

/// A mark before ids that may refer to a footnote (folded): stars (`*`, `＊`, `**`), a
/// bracketed number (`[1]`, `(1)`, `1)`) or a circled one (`①`); not a bullet (`・`, `-`,
/// `•`) nor a number with a dot (`1.`), which number or bullet a list.
fn footnote_mark(prefix: &str) -> Option<String> {
    let t = fold_width(prefix.trim()).trim().replace(['＊', '∗'], "*");
    if t.is_empty() {
        return None;
    }
    if t.chars().all(|c| c == '*') {
        return Some(t);
    }
    let mut chars = t.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if ('\u{2460}'..='\u{2473}').contains(&c) {
            return Some(t);
        }
    }
    let inner = t
        .strip_prefix(['(', '['])
        .unwrap_or(&t)
        .strip_suffix([')', ']'])?;
    ((1..=2).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_digit())).then_some(t)
}

/// The mark before the first id of a line of ids: the text before it in its cell, or a
/// cell of its own before it.
fn mark_before_ids(line: &Line, found: &[(usize, Vec<IdToken>)]) -> Option<String> {
    let (i, first) = found
        .iter()
        .find_map(|(i, ids)| ids.first().map(|f| (*i, f)))?;
    let before = line.cells[i].text[..first.start].trim();
    if !before.is_empty() {
        return footnote_mark(before);
    }
    line.cells[..i]
        .iter()
        .filter(|c| c.role != CellRole::Free)
        .map(|c| c.text.trim())
        .rfind(|t| !t.is_empty())
        .and_then(footnote_mark)
}

/// Whether nothing (no bullet, no number, no word) stands before the first id of a line.
fn nothing_before_ids(line: &Line, found: &[(usize, Vec<IdToken>)]) -> bool {
    let Some((i, first)) = found
        .iter()
        .find_map(|(i, ids)| ids.first().map(|f| (*i, f)))
    else {
        return false;
    };
    line.cells[i].text[..first.start].trim().is_empty()
        && line.cells[..i]
            .iter()
            .filter(|c| c.role != CellRole::Free)
            .all(|c| c.text.trim().is_empty())
}

/// A line without ids that starts with a footnote-capable mark ([`footnote_mark`]) and has
/// text after it: the mark and the text.
fn leading_mark(text: &str) -> Option<(String, String)> {
    let t = fold_width(text.trim()).replace(['＊', '∗'], "*");
    let end = if t.starts_with('*') {
        t.find(|c: char| c != '*').unwrap_or(t.len())
    } else if t.starts_with(['(', '[']) {
        t.find([')', ']']).map(|i| i + 1)?
    } else {
        let first = t.chars().next()?;
        if ('\u{2460}'..='\u{2473}').contains(&first) {
            first.len_utf8()
        } else {
            t.find(')').map(|i| i + 1)?
        }
    };
    let (mark, rest) = t.split_at(end);
    let mark = footnote_mark(mark)?;
    let rest = rest.trim();
    (!rest.is_empty()).then(|| (mark, rest.to_owned()))
}

/// Text after a mark that says nothing of ids: furniture, an end mark, a header, the
/// catalog's heading (`* 5 情報セキュリティのための方針群` in a bulleted list).
fn says_no_more(catalog: &Catalog, rest: &str) -> bool {
    is_furniture_line(rest)
        || is_end_mark(rest)
        || is_header_line(rest)
        || catalog_heading(catalog, rest)
}

/// A suffix in a cell of its own after a cell ending in a bare id (`8.1.5<TAB>P`, a PDF
/// cell boundary between the numbers and the suffix) is joined to that id; the cells so
/// consumed are returned.
fn join_suffix_cells(line: &Line, found: &mut [(usize, Vec<IdToken>)]) -> Vec<usize> {
    let mut joined = Vec::new();
    let mut prev: Option<usize> = None;
    for i in 0..line.cells.len() {
        let cell = &line.cells[i];
        let text = cell.text.trim();
        if text.is_empty() || cell.role == CellRole::Free {
            continue;
        }
        let suffix = fold_width(text).to_ascii_uppercase();
        let is_suffix = matches!(suffix.as_str(), "P" | "B" | "PB");
        if let (true, Some(p)) = (is_suffix, prev) {
            let before = line.cells[p].text;
            if let Some(last) = found[p].1.last_mut() {
                let bare = last.kind == IdKind::Ismap
                    && crate::catalog::id::IsmapId::parse(&last.raw)
                        .is_some_and(|id| id.suffix.is_none());
                if bare && before[last.end..].trim().is_empty() {
                    last.raw = format!("{}.{suffix}", last.raw);
                    joined.push(i);
                    prev = None;
                    continue;
                }
            }
        }
        prev = Some(i);
    }
    joined
}

fn unread(at: Location, text: &str, id: &IdToken) -> InputError {
    let what = match id.kind {
        IdKind::Unread(what) => what,
        _ => "not a control id",
    };
    InputError::at(
        at,
        format!(
            "'{}' is {what}: the tool does not read it as a listed control ('{}')",
            id.raw,
            quote(text)
        ),
    )
    .hint("list each control by its own id, one per line or cell (9.2.3, 9.2.4, or A.9.2.3 / CLD.8.1.5)")
}

fn status_line_error(line: &Line, what: &str, source: &Source) -> InputError {
    InputError::at(
        source.at(line.number, None),
        format!(
            "'{}' states a status ({what}), but a published list holds implemented ids only: read as one, the ids around it would count as implemented",
            quote(&line.text())
        ),
    )
    .hint(FOR_STATUSES)
}

/// A line without ids: passed over unless it negates, excludes, defers or qualifies beyond
/// what it may hold — the titles of the ids of the line before (a PDF cell pasted on a
/// line of its own), a clause or category heading and its title (`5 情報セキュリティのための
/// 方針群`), page furniture (dates, page numbers, `Copyright`, `社外秘`, `無断転載を禁ず`);
/// a note on lost marks or narrowing the list is refused too ([`footnote_error`]).
fn check_idless_line(
    line: &Line,
    last_ids: &[String],
    source: &Source,
    catalog: &Catalog,
) -> Result<(), InputError> {
    for cell in line.cells.iter().filter(|c| c.role != CellRole::Free) {
        joined_ids(
            cell.text,
            &source.at(line.number, cell.column.as_deref()),
            catalog,
        )?;
        let text = without_furniture(cell.text);
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        // a number of two parts on a line of its own (`8.2`, `5.15`): a category, or a
        // control in ISO/IEC 27002:2022 numbering — no mark (review 17 D-6.2)
        if is_two_part_number(text) {
            return Err(InputError::at(
                source.at(line.number, cell.column.as_deref()),
                format!(
                    "'{}' is a category (two parts) or a control in ISO/IEC 27002:2022 numbering, not an ISMAP control objective (three parts, such as 8.2.1): the tool does not read it as a listed control",
                    quote(text)
                ),
            )
            .hint("list each objective by its own id in ISMAP's numbering (8.2.1, 8.2.3); a list in ISO/IEC 27002:2022 numbering (5.15, 8.16) is not the ISMAP statement: obtain the CSP's ISMAP list"));
        }
        if is_lone_mark(text) {
            return Err(InputError::at(
                source.at(line.number, cell.column.as_deref()),
                format!(
                    "'{}' stands on a line of its own: a footnote mark, a question mark or a ditto qualifies the ids near it, so none is read",
                    quote(text)
                ),
            )
            .hint(FOR_HEADINGS));
        }
        let mut titles: Vec<&str> = last_ids
            .iter()
            .filter_map(|id| entry_of(catalog, id))
            .flat_map(titles_of)
            .collect();
        if let Some((entry, rest)) = heading(catalog, text) {
            if rest.is_empty() || is_title_of(entry, rest) {
                continue;
            }
            titles.extend(titles_of(entry));
        }
        if let Some(word) = vocab::negation_beyond(text, &titles) {
            return Err(InputError::at(
                source.at(line.number, cell.column.as_deref()),
                format!(
                    "'{}' negates, excludes, defers or qualifies ('{word}'): in a published list it may say the ids near it are not implemented, so none is read",
                    quote(&line.text())
                ),
            )
            .hint(FOR_HEADINGS));
        }
        if let Some((message, hint)) = footnote_error(cell.text.trim(), source.loc.sheet.is_some())
        {
            return Err(
                InputError::at(source.at(line.number, cell.column.as_deref()), message).hint(hint),
            );
        }
    }
    Ok(())
}

/// Words of a heading over ids that makes them something other than the service's
/// implemented objectives: a reference, a previous registration or version, another
/// service, an appendix (`【参考】前回登録時の統制目標`, `（参考）旧基準での番号`, `その他の統制目標`,
/// `Appendix`); and what narrows a note ([`NARROWING_WORDS`]: a region, an option).
const HEADING_WORDS: &[&str] = &[
    "参考",
    "前回",
    "旧基準",
    "旧版",
    "旧番号",
    "旧規格",
    "旧管理",
    "改訂前",
    "改定前",
    "以前の",
    "過去の",
    "その他",
    "別サービス",
    "他サービス",
    "appendix",
    "reference",
    "previous",
    "former",
    "legacy",
    "other service",
];

/// Refuses a line without ids that is not part of a row (a heading between blocks of ids,
/// or above them) whose words make the ids near it something other than the service's
/// implemented objectives ([`HEADING_WORDS`], [`NARROWING_WORDS`]), beyond the catalog's
/// own words (the titles of the ids just above, a clause or category heading).
fn check_heading(
    line: &Line,
    last_ids: &[String],
    source: &Source,
    catalog: &Catalog,
) -> Result<(), InputError> {
    let text = line.text();
    if text.trim().is_empty() || is_furniture_line(&text) || is_header_line(&text) {
        return Ok(());
    }
    let mut titles: Vec<String> = last_ids
        .iter()
        .filter_map(|id| entry_of(catalog, id))
        .flat_map(titles_of)
        .map(|t| fold_width(t).to_lowercase())
        .collect();
    if let Some((entry, _)) = heading(catalog, &text) {
        titles.extend(titles_of(entry).map(|t| fold_width(t).to_lowercase()));
    }
    let folded = fold_width(&text).to_lowercase();
    // the list's title with a note (`ISMAPクラウドサービスリスト（申請中）`) is read as the
    // title, stating no kind
    if folded.contains("クラウドサービスリスト") || folded.contains("cloud service list")
    {
        return Ok(());
    }
    let Some(word) = heading_word(&folded, &titles) else {
        return Ok(());
    };
    Err(InputError::at(
        source.at(line.number, None),
        format!(
            "'{}' may head the ids under it as something other than the service's implemented objectives (a reference, a previous registration or version, another service, a region or an option: '{word}'), so none is read",
            quote(&text)
        ),
    )
    .hint(FOR_HEADINGS))
}

/// A word of a heading (folded: [`fold_width`], lower case) that makes the ids under it
/// something other than the service's implemented objectives ([`HEADING_WORDS`],
/// [`NARROWING_WORDS`]), beyond the catalog's own words (`titles`, folded).
pub(super) fn heading_word(folded: &str, titles: &[String]) -> Option<&'static str> {
    HEADING_WORDS
        .iter()
        .chain(NARROWING_WORDS)
        .find(|w| folded.contains(*w) && !titles.iter().any(|t| t.contains(*w)))
        .copied()
}

/// What a line heading ids is checked against: the list's own lines above its first ids,
/// the ids just above it, the document's running title, and whether it stands between ids.
struct List<'a> {
    opening: &'a [String],
    above: &'a [String],
    running: &'a str,
    between: bool,
}

/// The hint for a heading between ids that is not the list's own.
const FOR_BETWEEN: &str = "a published list states one service's implemented objectives: between its ids it may hold the catalog's clause and category headings (5 情報セキュリティのための方針群), page furniture and its own title or column headers repeated; if the ids under the line are another service's, the customer's, a later phase's or otherwise not the service's current objectives, leave them out (or give each its status in a table with an id column and a status column such as 実施状況); if the line qualifies nothing, remove it";

/// A line without ids above ids (`below`: the first of them), not part of a row: refused
/// when it heads them as something other than the service's implemented objectives, by
/// the status table's rule for a heading between its rows ([`status_table::heading_qualifies`]:
/// the customer's, a later phase, a date after `as_of`…); and, between ids, unless it is
/// the catalog's heading, page furniture, a header or the list's own opening line
/// repeated (an allow-list: `Phase 2`, `Beta`, another service's bare name are none;
/// review 19 A-3, B-2).
fn check_governing(
    line: &Line,
    below: &str,
    list: &List<'_>,
    source: &Source,
    catalog: &Catalog,
    as_of: crate::date::Date,
) -> Result<(), InputError> {
    let text = line.text();
    let folded = fold_width(&text).to_lowercase();
    // the running title repeated between ids is page furniture; its first line, above the
    // first ids, is read by the heading rule as every opening line is (a heading right
    // under the list's title, `ISMAPクラウドサービスリスト` / `お客様の責任範囲` / ids, is the
    // first line left once the title is taken: fix26-list left)
    if text.trim().is_empty()
        || is_furniture_line(&text)
        || is_header_line(&text)
        || list.between && is_page_header(&text, list.running)
        || is_end_mark(&text)
        || is_page_number(&text)
        || is_reproduction_notice(&text)
        || folded.contains("クラウドサービスリスト")
        || folded.contains("cloud service list")
    {
        return Ok(());
    }
    let at = source.at(line.number, None);
    if !catalog_heading(catalog, &text) {
        if let Some(what) =
            crate::input::csp::status_table::heading_qualifies(&text, catalog, as_of)
        {
            return Err(InputError::at(
                at,
                format!(
                    "the heading '{}' above {below} {what}: a heading is read as a remark on the ids under it, and they are not read as implemented",
                    quote(&text)
                ),
            )
            .hint(FOR_BETWEEN));
        }
    }
    if !list.between || is_own_line(catalog, &text, list) {
        return Ok(());
    }
    let opening: Vec<String> = list
        .opening
        .iter()
        .filter(|t| !t.trim().is_empty() && !is_furniture_line(t) && !is_header_line(t))
        .take(3)
        .map(|t| format!("'{}'", quote(t)))
        .collect();
    let text = quote(&text);
    let message = if opening.is_empty() {
        format!(
            "'{text}' stands between ids (above {below}) and is not the catalog's heading, page furniture or the list's own title: it may head the ids under it as another service's or as something other than the service's implemented objectives, so none is read"
        )
    } else {
        format!(
            "'{text}' stands between ids (above {below}) and is not the catalog's heading, page furniture or the list's own title (the list opens with {}): it may head the ids under it as another service's or as something other than the service's implemented objectives, so none is read",
            opening.join(", ")
        )
    };
    Err(InputError::at(at, message).hint(FOR_BETWEEN))
}

/// A reproduction or confidentiality notice naming the document (`本資料の無断転載を禁じます`,
/// `本書は社外秘です`): page furniture.
pub(super) fn is_reproduction_notice(text: &str) -> bool {
    let mut rest = without_furniture(text);
    for w in [
        "本資料",
        "本書",
        "本文書",
        "本ドキュメント",
        "の",
        "は",
        "です",
        "。",
    ] {
        rest = rest.replace(w, " ");
    }
    rest.trim().is_empty() && without_furniture(text) != fold_width(text)
}

/// A clause or category heading of the catalog, with nothing but its title after it
/// (`5 情報セキュリティのための方針群`, `■ 9 アクセス制御`, `【11 物理的及び環境的セキュリティ】`),
/// or such a title alone (`アクセス制御`, `ガバナンス基準`); never the title with more after
/// it (`11 物理的及び環境的セキュリティ（AWS）`, `…※`: review 19 A-3b).
pub(super) fn catalog_heading(catalog: &Catalog, text: &str) -> bool {
    // a mark before it (`■`, `【`), a closing bracket after it; a footnote mark after it is
    // more than the title
    let bare = text
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '】' | ']' | '〕' | '」' | '》')
        })
        .trim();
    if let Some((entry, rest)) = heading(catalog, bare) {
        // the title, or a part of it however short (`12 運用`, as a chapter's row of cells:
        // [`chapter_with_title`]), with no mark the title does not have (`… ※`)
        let key = title_key(rest);
        let part = key.chars().count() >= 2
            && titles_of(entry).any(|t| {
                let folded = fold_width(t).to_lowercase();
                title_key(t).contains(&key)
                    && fold_width(rest)
                        .to_lowercase()
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .all(|c| folded.contains(c))
            });
        return rest.is_empty() || part || is_title_of(entry, rest);
    }
    let key = title_key(bare);
    // the groups the criteria's controls are printed under (`【組織的対策】`)
    const GROUPS: &[&str] = &[
        "組織的対策",
        "人的対策",
        "物理的対策",
        "技術的対策",
        "組織的管理策",
        "人的管理策",
        "物理的管理策",
        "技術的管理策",
        "管理策基準",
        "詳細管理策",
    ];
    if GROUPS.contains(&key.as_str()) {
        return true;
    }
    !key.is_empty()
        && catalog
            .entries()
            .iter()
            .filter(|e| {
                e.id.split('.').count() <= 2 && !e.id.contains(|c: char| c.is_ascii_alphabetic())
            })
            .any(|e| titles_of(e).any(|t| title_key(t) == key))
}

/// A line between ids that is the list's own: the catalog's heading ([`catalog_heading`]),
/// the title of the ids just above (a PDF cell pasted after an empty line), or a line of
/// the list's opening repeated (a page header).
fn is_own_line(catalog: &Catalog, text: &str, list: &List<'_>) -> bool {
    let key = title_key(text);
    catalog_heading(catalog, text)
        || list
            .above
            .iter()
            .any(|id| is_title(catalog, id, text.trim()))
        || !key.is_empty() && list.opening.iter().any(|o| title_key(o) == key)
}

/// The hint for a note that refers to the marks of a printed list.
const FOR_LOST_MARKS: &str = "the marks the note refers to (underline, shading, colour, bold) are lost in pasted text, so which ids it concerns is unknown: obtain the list as a table with an id column and a status column such as 実施状況, or read the marks in the PDF and give each marked id its status there; remove the note if it concerns no id";

/// Words of a note that refer to how ids are printed (`下線の項目`, `網掛けの統制目標`,
/// `controls in grey`): the paste keeps the note but not the marks.
const MARK_WORDS: &[&str] = &[
    "下線",
    "網掛",
    "網かけ",
    "ハッチ",
    "太字",
    "赤字",
    "青字",
    "斜体",
    "取消線",
    "取り消し線",
    "塗りつぶ",
    "ハイライト",
    "マーカー",
    "色",
    "セル",
    "グレー",
    "グレイ",
    "underline",
    "shaded",
    "shading",
    "grey",
    "gray",
    "highlight",
    "bold",
    "italic",
    "in red",
    "in blue",
    "colour",
    "color",
    "strikethrough",
    "struck",
];

/// Words of a note that narrow the list to a party, a region, a plan or an option, or
/// say something is under review (`※ IaaS事業者の統制に依拠`, `※ 大阪リージョンは現在審査中`,
/// `※ 有償オプション契約時`).
const NARROWING_WORDS: &[&str] = &[
    "サブサービス",
    "委託",
    "依拠",
    "他社",
    "iaas",
    "paas",
    "sub-service",
    "subservice",
    "third party",
    "third-party",
    "inherit",
    "rely",
    "relies",
    "リージョン",
    "地域",
    "拠点",
    "データセンタ",
    "region",
    "オプション",
    "プラン",
    "エディション",
    "有償",
    "有料",
    "契約時",
    "別契約",
    "option",
    "plan",
    "edition",
    "審査中",
    "申請中",
    "確認中",
    "under review",
    "pending",
];

/// Whether a note names a party, a region, a plan or an option its words may narrow the list
/// to ([`NARROWING_WORDS`] but the words of a review under way): `※ 大阪リージョンは現在審査中`
/// is a note narrowing the list, not the registration's state.
pub(crate) fn names_a_part(text: &str) -> bool {
    const REVIEW: &[&str] = &["審査中", "申請中", "確認中", "under review", "pending"];
    let folded = fold_width(text).to_lowercase();
    NARROWING_WORDS
        .iter()
        .filter(|w| !REVIEW.contains(w))
        .any(|w| folded.contains(*w))
}

/// A note saying only that the objectives the list does not name are excluded or not
/// implemented (`※ 記載のない統制目標は適用除外`, `※ 掲載されていない管理策は非該当`, `* Objectives not
/// listed are not applicable`: review 23 C-9) — what a published list means anyway; it
/// states nothing of the ids listed. Not one naming a part, a date or anything more.
fn of_unlisted_only(text: &str) -> bool {
    const UNLISTED: &[&str] = &[
        "記載のない",
        "記載がない",
        "記載されていない",
        "掲載のない",
        "掲載されていない",
        "本一覧にない",
        "一覧にない",
        "objectives not listed",
        "controls not listed",
    ];
    const WHAT: &[&str] = &["統制目標", "管理策", "項目", ""];
    const SAYS: &[&str] = &[
        "は適用除外",
        "は対象外",
        "は非該当",
        "は未実施",
        "は除外",
        "は適用外",
        "are not applicable",
        "are excluded",
        "are out of scope",
        "are not implemented",
    ];
    if !is_note(text) || names_a_part(text) {
        return false;
    }
    let t = fold_width(text).to_lowercase();
    // the note's mark and its number (`※1`, `(注)`, `Note:`)
    let t = t.trim_start();
    let t = ["(注)", "注", "note:", "note", "※", "*", "†", "‡"]
        .iter()
        .find_map(|m| t.strip_prefix(m))
        .unwrap_or(t);
    let t = t
        .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, ':' | ')' | '.' | ' '))
        .trim_end_matches(['。', '.']);
    let t = ["です", "とします", "となります", "とする"]
        .iter()
        .find_map(|w| t.strip_suffix(w))
        .unwrap_or(t);
    !t.chars().any(|c| c.is_ascii_digit())
        && UNLISTED.iter().any(|u| {
            t.strip_prefix(u).is_some_and(|r| {
                WHAT.iter().any(|w| {
                    r.trim_start()
                        .strip_prefix(w)
                        .is_some_and(|r| SAYS.contains(&r.trim()))
                })
            })
        })
}

/// Whether a line starts with a note's mark (`※`, `＊`, `*`, `†`, `注`, `（注）`), not a
/// label (`備考`, `Note:` are labels of the entry's lines).
fn starts_with_note_mark(text: &str) -> bool {
    let t = fold_width(text);
    let t = t.trim_start();
    t.starts_with(['※', '*', '†', '‡', '注']) || t.starts_with("(注")
}

/// Whether a line without ids is a note: it starts with a footnote mark or a note's word
/// (`※`, `*`, `†`, `注`, `（注）`, `備考`, `Note:`, `NB`).
pub(crate) fn is_note(text: &str) -> bool {
    let t = fold_width(text).to_lowercase();
    let t = t.trim_start();
    t.starts_with(['※', '*', '†', '‡', '注'])
        || t.starts_with("(注")
        || t.starts_with("備考")
        || ["note", "notes", "nb"].iter().any(|w| {
            t.strip_prefix(w)
                .is_some_and(|r| r.is_empty() || r.starts_with([':', ' ', ')', '.']))
        })
}

/// A note saying what marks changes since the last edition (`※ 黄色の行は前版からの変更箇所です`,
/// `Rows in yellow were updated`): whichever ids it concerns, it states no status and
/// narrows nothing (review 13 C-4). Not one that also states a status, negates or
/// qualifies.
pub(super) fn is_change_note(text: &str) -> bool {
    const JA: [&str; 7] = ["変更", "更新", "追加", "修正", "改訂", "新規", "前版"];
    const EN: [&str; 6] = ["changed", "updated", "added", "new", "revised", "modified"];
    let lower = fold_width(text).to_lowercase();
    (JA.iter().any(|w| lower.contains(w))
        || lower
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| EN.contains(&w)))
        && vocab::status_words(text).is_empty()
        && vocab::negation_in(text).is_none()
        && remarks::qualifier_beyond(text, &[]).is_none()
        && says_only_changed(&lower)
}

/// Whether a change note says nothing but which look marks the changes since the last
/// edition: once its note mark, colour, row, change and edition words and particles are
/// taken away nothing is left (review 14 A-6). `監査対象期間後に追加`, `（2027年4月から適用）`,
/// `自己評価で追加` leave words that say the marked controls are not what was assessed.
fn says_only_changed(lower: &str) -> bool {
    const JA: &[&str] = &[
        "塗りつぶし",
        "ハイライト",
        "マーカー",
        "網掛け",
        "オレンジ",
        "している",
        "しています",
        "されています",
        "されている",
        "されました",
        "しました",
        "前回版",
        "前の版",
        "前版",
        "旧版",
        "変更",
        "更新",
        "追加",
        "修正",
        "改訂",
        "新規",
        "箇所",
        "個所",
        "部分",
        "項目",
        "管理策",
        "統制",
        "背景",
        "セル",
        "今回",
        "から",
        "以降",
        "です",
        "ます",
        "である",
        "した",
        "された",
        "注",
        "備考",
        "黄",
        "緑",
        "青",
        "橙",
        "桃",
        "色",
        "版",
        "行",
        "欄",
        "点",
    ];
    const EN: &[&str] = &[
        "note",
        "notes",
        "nb",
        "rows",
        "row",
        "cells",
        "cell",
        "lines",
        "line",
        "controls",
        "control",
        "items",
        "item",
        "entries",
        "entry",
        "in",
        "with",
        "are",
        "were",
        "is",
        "was",
        "have",
        "has",
        "been",
        "the",
        "a",
        "an",
        "and",
        "or",
        "highlighted",
        "marked",
        "shaded",
        "filled",
        "coloured",
        "colored",
        "show",
        "shows",
        "indicate",
        "indicates",
        "mark",
        "marks",
        "yellow",
        "green",
        "blue",
        "orange",
        "pink",
        "changed",
        "changes",
        "change",
        "updated",
        "updates",
        "added",
        "new",
        "revised",
        "modified",
        "since",
        "from",
        "last",
        "previous",
        "prior",
        "edition",
        "version",
    ];
    let mut rest = lower.to_owned();
    for w in JA {
        rest = rest.replace(w, " ");
    }
    rest.split(|c: char| !c.is_ascii_alphanumeric() && !c.is_alphabetic() && !c.is_numeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            if w.is_ascii() {
                EN.contains(&w)
            } else {
                w.chars().all(|c| "はのでにをがとへや".contains(c))
            }
        })
}

/// A note of a published list that cannot be read without what pasting lost or without
/// knowing which ids it narrows: one referring to marks (`注）下線の項目はIaaS事業者の統制に
/// 依拠`), or naming another party, a region, a plan or an option, or a pending review;
/// wherever it stands (right under the ids or after a blank line). The message and hint.
fn footnote_error(text: &str, on_sheet: bool) -> Option<(String, &'static str)> {
    // on a workbook's sheet the marks are kept (and checked: `check_colours`), and a note
    // saying they mark changes is read; in pasted text, which lost them, it is not
    if !is_note(text) || on_sheet && is_change_note(text) {
        return None;
    }
    let folded = fold_width(text).to_lowercase();
    if let Some(word) = MARK_WORDS.iter().find(|w| folded.contains(*w)) {
        return Some((
            format!(
                "the note '{}' refers to how ids are marked in the printed list ('{word}'), which pasted text does not keep: which ids it concerns is unknown, so none is read",
                quote(text)
            ),
            FOR_LOST_MARKS,
        ));
    }
    let word = NARROWING_WORDS
        .iter()
        .find(|w| folded.contains(*w))
        .map(|w| (*w).to_owned())
        .or_else(|| remarks::qualifier_beyond(text, &[]).map(|q| q.word));
    word.map(|word| {
        (
            format!(
                "the note '{}' narrows the list (another party, a region, a plan or an option, a review: '{word}'): it may concern some ids only, and a published list cannot say which, so none is read",
                quote(text)
            ),
            FOR_HEADINGS,
        )
    })
}

/// The marks that end a Japanese document (`以上`, `以下余白`, `（以下余白）`), standing
/// alone: page furniture wherever they stand.
pub(super) fn is_end_mark(text: &str) -> bool {
    let t: String = fold_width(text)
        .chars()
        .filter(|c| !c.is_whitespace() && !vocab::is_bracket(*c) && !matches!(c, '、' | ','))
        .collect();
    matches!(t.as_str(), "以上" | "以下余白" | "以下空白")
}

/// A line (or cell) that is nothing but marks and digits (`※1`, `*`, `?`, `†`, `(*1)`), or
/// a footnote reference or a ditto in words (`注1`, `同上`): what a PDF cell beside an id
/// pasted on a line of its own gives. Numbers alone (a page number) and rules (`-----`)
/// are not.
/// A number of two parts whose first is a clause of the criteria (3–18) and whose second
/// is not zero (`8.2`, `5.15`, `18.2`): a category, or an ISO/IEC 27002:2022 control; a
/// version (`1.0`, `2.0`) is none.
fn is_two_part_number(text: &str) -> bool {
    let t = fold_width(text);
    let Some((a, b)) = t.trim().split_once('.') else {
        return false;
    };
    let number = |s: &str| {
        (1..=2).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit()) && !s.starts_with('0')
    };
    number(a) && number(b) && a.parse::<u32>().is_ok_and(|n| (3..=18).contains(&n))
}

fn is_lone_mark(text: &str) -> bool {
    let t = fold_width(text);
    let t = t.trim();
    if t.is_empty() || t.chars().all(|c| c.is_ascii_digit()) || is_page_number(t) || is_furniture(t)
    {
        return false;
    }
    if t.chars().count() >= 3
        && t.chars()
            .all(|c| matches!(c, '-' | '=' | '_' | '─' | '━' | 'ー' | '―'))
    {
        return false;
    }
    let words = t.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    matches!(
        words,
        "注" | "同上" | "同左" | "上記" | "上に同じ" | "ditto" | "idem"
    ) || t
        .chars()
        .all(|c| !c.is_alphabetic() && !c.is_whitespace() || c.is_whitespace())
}

/// A line right after a line of ids: it continues that row (a PDF table's
/// cells pasted one per line) unless it is empty, page furniture, a header (`統制目標番号
/// 統制目標`) or a clause or category heading; a line continuing the row holds the titles
/// of its ids and nothing else (`2026年度実施` under `9.2.3` is refused); in a table, in the
/// id column (a title column holds titles by its header). `Ok(true)` when the row goes on
/// after it.
fn continues_row(
    line: &Line,
    row: Row<'_>,
    source: &Source,
    catalog: &Catalog,
) -> Result<bool, InputError> {
    let last_ids = row.ids;
    let text = line.text();
    // a number alone is a page number (a `0` alone after ids was refused as a flag)
    if text.is_empty()
        || fold_width(&text).chars().all(|c| c.is_ascii_digit())
        || is_page_number(&text)
        || is_furniture_line(&text)
        || is_page_header(&text, row.running)
        || is_header_line(&text)
        || heading(catalog, &text).is_some()
    {
        return Ok(false);
    }
    for cell in line
        .cells
        .iter()
        .filter(|c| c.role == CellRole::Text && !c.text.trim().is_empty())
    {
        let t = cell.text.trim();
        if is_title_tail(catalog, last_ids, row.key, t) {
            row.key.push_str(&title_key(t));
            continue;
        }
        if !last_ids.iter().any(|id| is_title(catalog, id, t)) {
            let ids = last_ids.join(", ");
            return Err(InputError::at(
                source.at(line.number, None),
                format!(
                    "'{}' follows {ids} on a line of its own (a cell of its row, pasted one per line?), and is not its title: the id is not read as implemented",
                    quote(t)
                ),
            )
            .hint("after an id a published list holds its title only; if the line is a page header or footer, separate it from the ids by an empty line, or remove it"));
        }
    }
    Ok(true)
}

/// The row a line after a line of ids may continue: its ids, its text so far (keys, see
/// [`title_key`]) and the document's running title.
struct Row<'a> {
    ids: &'a [String],
    key: &'a mut String,
    running: &'a str,
}

/// The rest of a title wrapped in its PDF cell (`5.1.1<TAB>情報セキュリティのための` /
/// `方針群`, review 15 C-6): the row so far ends with the start of a catalog title of one of
/// its ids and `text` is what follows it in that title, with no mark or character the title
/// does not have (`方針群※` is not); after a whole title nothing is its tail (a `ー` under
/// `…のレビュー` is a status mark, refused).
fn is_title_tail(catalog: &Catalog, ids: &[String], row_key: &str, text: &str) -> bool {
    let key = title_key(text);
    if key.is_empty() {
        return false;
    }
    ids.iter()
        .filter_map(|id| entry_of(catalog, id))
        .flat_map(titles_of)
        .any(|title| {
            let folded = fold_width(title).to_lowercase();
            let own = fold_width(text)
                .to_lowercase()
                .chars()
                .filter(|c| !c.is_whitespace())
                .all(|c| folded.contains(c));
            let t = title_key(title);
            own && t.match_indices(key.as_str()).any(|(at, _)| {
                let head = &t[..at];
                head.chars().count() >= 2 && row_key.ends_with(head)
            })
        })
}

/// A page number alone (`12`, `(12)`, `（12）`): one to three digits, in brackets or not
/// (review 19 C-1).
pub(super) fn is_page_number(text: &str) -> bool {
    let t = fold_width(text.trim()).into_owned();
    let t = t.trim();
    let inner = t
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or(t)
        .trim();
    (1..=3).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_digit())
}

/// A page header or footer a PDF copy puts right under the last row of a page (review 15
/// C-4): the document's running title (its first line) or the list's name
/// (`ISMAPクラウドサービスリスト`) repeated, with nothing after it but page furniture
/// (`令和8年11月1日更新　（2/3ページ）`); or a continuation mark (`（前頁からの続き）`).
/// Anything else after the title (`（申請中）`, `未実施`) is not.
fn is_page_header(text: &str, running: &str) -> bool {
    let folded = fold_width(text).to_lowercase();
    let bare: String = folded
        .chars()
        .filter(|c| !c.is_whitespace() && !vocab::is_bracket(*c))
        .collect();
    if matches!(
        bare.as_str(),
        "前頁からの続き" | "前ページからの続き" | "前頁より続く" | "続き" | "continued"
    ) {
        return true;
    }
    let running = fold_width(running).to_lowercase();
    [
        running.as_str(),
        "ismapクラウドサービスリスト",
        "ismap cloud service list",
    ]
    .iter()
    .filter(|title| title.chars().any(|c| !c.is_whitespace()))
    .find_map(|title| strip_prefix_loose(&folded, title))
    .is_some_and(|rest| rest.trim().is_empty() || is_furniture(rest) || is_page_number(rest))
}

/// `text` after `prefix`, whitespace in either ignored.
fn strip_prefix_loose<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let mut want = prefix.chars().filter(|c| !c.is_whitespace()).peekable();
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if want.peek().is_none() {
            break;
        }
        end = i + c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if want.next() != Some(c) {
            return None;
        }
    }
    if want.peek().is_some() {
        return None;
    }
    Some(&text[end..])
}

/// A line of page furniture: a date, a page number (see [`is_furniture`]), a copyright or
/// confidentiality mark.
pub(super) fn is_furniture_line(text: &str) -> bool {
    let lower = fold_width(text).to_lowercase();
    is_furniture(text)
        || is_end_mark(text)
        || without_furniture(text).trim().is_empty()
        || ["copyright", "©", "(c)", "all rights reserved"]
            .iter()
            .any(|m| lower.contains(m))
}

/// Page-footer words a PDF copy puts after the last ids of a page when the footer shares
/// the table row's baseline (review 12 C-23): confidentiality or reproduction marks alone
/// (`社外秘`, `無断転載を禁じます`), or a copyright notice (`© 2025 IPA`, `Copyright 2025 …`),
/// as on a line of their own — never with a word that states a status or negates
/// (`社外秘 未実施` is refused as before).
fn is_footer_after_id(text: &str) -> bool {
    let lower = fold_width(text).to_lowercase();
    let lower = lower.trim_start();
    let marks_only = without_furniture(text).trim().is_empty();
    let copyright = ["copyright", "©", "(c)"]
        .iter()
        .any(|m| lower.starts_with(m));
    (marks_only || copyright)
        && vocab::statement_in(text, vocab::Look::AFTER_ID).is_none()
        && vocab::negation_in(text).is_none()
        && !(copyright && footer_not_final(lower))
}

/// Whether a copyright footer says the list is not the final one (review 16 A-1): a draft,
/// tentative, proposed, superseded or under-revision list (`© 2025 Example Corp. Draft`,
/// `© 2025 IPA 改訂中`), or one planned or not final as a header note would be.
fn footer_not_final(lower: &str) -> bool {
    const WORDS: [&str; 21] = [
        "draft",
        "tentative",
        "proposed",
        "proposal",
        "superseded",
        "obsolete",
        "withdrawn",
        "pending",
        "interim",
        "under revision",
        "under review",
        "改訂",
        "見直",
        "草案",
        "素案",
        "案",
        "暫定",
        "検討",
        "廃止",
        "旧版",
        "予定",
    ];
    WORDS.iter().any(|w| lower.contains(w))
        || lower.replace("仮想", "").contains('仮')
        || remarks::header_note_qualifier(lower)
            .is_some_and(|q| matches!(q.kind, remarks::Kind::Draft | remarks::Kind::Deferral))
}

/// A copyright year after the as-of date on a line of ids (`10.1.2 9.2.3 © 2027 IPA`,
/// review 16 A-1): the footer dates the list later than the as-of date, which is refused as a
/// list dated later is.
pub(super) fn copyright_year_after(
    text: &str,
    as_of: crate::date::Date,
) -> Option<remarks::Qualifier> {
    let lower = fold_width(text).to_lowercase();
    let at = ["copyright", "©", "(c)"]
        .iter()
        .filter_map(|m| lower.find(m).map(|i| i + m.len()))
        .min()?;
    let rest = &lower[at..];
    let year = rest
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .filter(|y| (1900..2200).contains(y))
        .max()?;
    (year > as_of.year).then(|| remarks::Qualifier {
        kind: remarks::Kind::Later(as_of),
        word: year.to_string(),
    })
}

/// A line of column headers only: `統制目標 番号`, `No 管理策番号 管理策名`, `Control ID Title`.
pub(super) fn is_header_line(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty()
        && words.iter().all(|w| {
            crate::input::csp::classify::is_id_header(w)
                || crate::input::csp::classify::role(w)
                    == Some(crate::input::csp::classify::Role::Title)
                || matches!(
                    crate::text::header_key(w).as_ref(),
                    "番号" | "no" | "id" | "controlid" | "名" | "名称"
                )
        })
}

/// A clause or category number at the start of `text` (`5`, `9.2`) and the text after it.
fn heading<'c, 't>(catalog: &'c Catalog, text: &'t str) -> Option<(&'c Entry, &'t str)> {
    let first = text.split_whitespace().next()?;
    let id = crate::catalog::id::IsmapId::parse(first)?;
    if id.depth() > 2 || id.suffix.is_some() {
        return None;
    }
    let entry = catalog.get(&id.canonical())?;
    Some((entry, text[first.len()..].trim()))
}

/// Page furniture taken out of a line or a cell: copyright and confidentiality marks,
/// reproduction notices.
fn without_furniture(text: &str) -> String {
    const MARKS: &[&str] = &[
        // an edition of the criteria (`ISMAP管理基準（令和5年度改定版）`, review 26 C-4)
        "年度改定版",
        "年度改訂版",
        "年度版",
        "無断転載を禁ず",
        "無断転載を禁じます",
        "無断転載禁止",
        "無断複製・転載を禁ず",
        "無断複製・転載を禁じます",
        "無断複製禁止",
        "無断複写・転載を禁ず",
        "社外秘",
        "部外秘",
        "関係者外秘",
        "社外持出禁止",
        "取扱注意",
        "Confidential",
        "CONFIDENTIAL",
        "Internal use only",
        "For internal use only",
    ];
    let mut out = fold_width(text).into_owned();
    for m in MARKS {
        out = out.replace(m, " ");
    }
    out
}

/// A line of pasted text that is a YAML profile's field: the file is a profile saved under
/// another name, with text before its fields.
fn profile_field(line: &Line, source: &Source) -> Result<(), InputError> {
    let text = line.cells.first().map_or("", |c| c.text);
    if ["implemented:", "not_applicable:", "inherits:"]
        .iter()
        .any(|key| text.starts_with(key))
    {
        return Err(InputError::at(
            source.at(line.number, None),
            format!(
                "'{}' is a CSP profile's field, but the file is read as a published list (every id implemented)",
                quote(&line.text())
            ),
        )
        .hint("a profile starts with its fields (name:, implemented: …); give it a .yaml (or .json) name, or remove the text before them"));
    }
    Ok(())
}

/// A chapter's row: its number (`12`) and, in the other cells, its catalog title or a
/// part of it (`運用` for `運用のセキュリティ`, `Operations`), which holds no status however
/// short (review 13 C-5).
fn chapter_with_title(line: &Line, catalog: &Catalog) -> bool {
    let mut cells = line
        .cells
        .iter()
        .map(|c| c.text.trim())
        .filter(|t| !t.is_empty());
    let Some(number) = cells.next() else {
        return false;
    };
    let number = fold_width(number);
    if !number.chars().all(|c| c.is_ascii_digit())
        || !number.parse::<u32>().is_ok_and(|n| (3..=18).contains(&n))
    {
        return false;
    }
    let titles: Vec<String> = catalog_titles(catalog, &number)
        .into_iter()
        .map(title_key)
        .collect();
    let mut rest = cells.peekable();
    rest.peek().is_some()
        && !titles.is_empty()
        && rest.all(|text| {
            let key = title_key(text);
            key.chars().count() >= 2 && titles.iter().any(|t| t.contains(&key))
        })
}

/// What a line without ids states: a status word or a status mark anywhere in it, or a
/// status standing alone (`after_ids`: the line follows ids).
fn line_status(line: &Line, after_ids: bool) -> Option<String> {
    let text = line.text();
    if let Some(w) = vocab::status_words(&text).first() {
        return Some(format!("'{}'", w.word));
    }
    if let Some(c) = text.chars().find(|c| vocab::is_status_mark_char(*c)) {
        return Some(format!("the mark '{c}'"));
    }
    line.cells
        .iter()
        .find(|c| c.role != CellRole::Free && vocab::is_lone_status(c.text, after_ids))
        .map(|c| format!("'{}' on its own", c.text.trim()))
}
/// A list marker before an id: `・`, `-`, `*`, `•`, `■`, `1.`, `(1)`, `①`, `a)`.
pub(super) fn is_marker(prefix: &str) -> bool {
    fold_width(prefix).split_whitespace().all(|piece| {
        if piece.chars().all(|c| {
            matches!(
                c,
                '.' | '-'
                    | '*'
                    | '•'
                    | '●'
                    | '■'
                    | '□'
                    | '◆'
                    | '◇'
                    | '▪'
                    | '▶'
                    | '►'
                    | '➢'
                    | '→'
                    | '>'
                    | '+'
            )
        }) {
            return true;
        }
        if piece.chars().count() == 1
            && piece
                .chars()
                .all(|c| ('\u{2460}'..='\u{2473}').contains(&c))
        {
            return true;
        }
        let inner = piece
            .trim_start_matches(['(', '[', '#'])
            .trim_end_matches([')', ']', '.', ':']);
        let enumerated = inner.len() < piece.len() || piece.chars().all(|c| c.is_ascii_digit());
        enumerated
            && ((1..=4).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_digit())
                || inner.len() == 1
                    && inner.chars().all(|c| c.is_ascii_alphabetic())
                    && inner.len() < piece.len())
    })
}

/// Nothing but separators between two ids (`9.2.1, 9.2.2`).
fn is_separators(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | ';' | '、' | '，' | '；' | '|' | '/' | '・' | '･' | '&'
            )
    })
}

/// Text reduced for comparing titles: width-folded, lower case, letters and digits only.
fn title_key(s: &str) -> String {
    fold_width(s)
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The catalog entry an id of a list names: its own, or the one the resolver reads it as
/// (`8.1.5` → 8.1.5.P, `A.9.2.3` → 9.2.3).
fn entry_of<'c>(catalog: &'c Catalog, raw: &str) -> Option<&'c Entry> {
    if let Some(e) = crate::catalog::id::canonical(raw).and_then(|id| catalog.get(&id)) {
        return Some(e);
    }
    match catalog.resolve(raw) {
        Resolution::Resolved {
            kind: RefKind::Ismap | RefKind::AnnexA | RefKind::Cld,
            targets,
            ..
        } if targets.len() == 1 => catalog.get(&targets[0].id),
        _ => None,
    }
}

/// An entry's titles, Japanese and English, those it has.
fn titles_of(entry: &Entry) -> impl Iterator<Item = &str> {
    [entry.title.ja.as_deref(), entry.title.en.as_deref()]
        .into_iter()
        .flatten()
        .filter(|t| !t.trim().is_empty())
}

/// Every title of a catalog (Japanese, English), compared by [`title_key`], gathered once
/// when first asked: a remark that is only a control's title — its own or another's, a
/// category's, a clause's (`Remarks | Access control policy` on every row of a GRC export) —
/// qualifies nothing and says nothing of the row (review 25).
pub struct AnyTitle<'c> {
    catalog: &'c Catalog,
    keys: std::cell::OnceCell<std::collections::HashSet<String>>,
}

impl<'c> AnyTitle<'c> {
    pub fn new(catalog: &'c Catalog) -> AnyTitle<'c> {
        AnyTitle {
            catalog,
            keys: std::cell::OnceCell::new(),
        }
    }

    /// Whether `text` is, whole, a title of the catalog (letters and digits compared, width
    /// and case folded); a title with anything more (`Access control policy (partial)`) is
    /// not.
    pub fn holds(&self, text: &str) -> bool {
        let key = title_key(text);
        // a short key is a word, not a title (`MFA`, `済`)
        if key.chars().count() < 4 || text.chars().count() > 200 {
            return false;
        }
        self.keys
            .get_or_init(|| {
                self.catalog
                    .entries()
                    .iter()
                    .flat_map(titles_of)
                    .map(title_key)
                    .collect()
            })
            .contains(&key)
    }
}

/// The catalog titles (Japanese, English) of the entry `raw` names; empty when it names none.
pub fn catalog_titles<'c>(catalog: &'c Catalog, raw: &str) -> Vec<&'c str> {
    entry_of(catalog, raw).map_or_else(Vec::new, |e| titles_of(e).collect())
}

/// The id of another catalog entry whose title (Japanese or English) `text` is, written as
/// in the catalog (`特権的アクセス権の管理` beside 9.2.1), or a close form of it (`特権的アクセス
/// 権` beside 8.2.1, the same close form [`is_title`] allows a row's own title), or — when
/// the text shares no two characters running with the row's own titles — whose title's
/// characters it holds in order and little else (`暗号鍵の管理` beside 8.2.1: 10.1.2's
/// `鍵管理`): a row whose ids and titles have shifted against each other (a column sorted
/// alone, rows pasted one off), where what is stated of one control may be another's (review
/// 11 A-24, review 23 A-1/A-7). None when `text` is (a close form of) `raw`'s own title, or
/// the other entry is `raw`'s own parent or child.
pub fn title_of_another<'c>(catalog: &'c Catalog, raw: &str, text: &str) -> Option<&'c str> {
    let own = entry_of(catalog, raw)?;
    if is_title_of(own, text) {
        return None;
    }
    let key = title_key(text);
    let k = key.chars().count();
    if k < 2 {
        return None;
    }
    let related = |id: &str| {
        id.strip_prefix(own.id.as_str())
            .is_some_and(|r| r.starts_with('.'))
            || own.id.strip_prefix(id).is_some_and(|r| r.starts_with('.'))
    };
    let others = || {
        catalog
            .entries()
            .iter()
            .filter(|e| e.id != own.id && !related(&e.id))
    };
    if let Some(e) = others().find(|e| titles_of(e).any(|t| title_key(t) == key)) {
        return Some(e.id.as_str());
    }
    // a close form: the title's length near the text's (cheap before the distance)
    let near = |t: &str| {
        let n = title_key(t).chars().count();
        n.abs_diff(k) <= (n / 5).max(1) || n > k
    };
    if k >= 4 {
        if let Some(e) = others().find(|e| titles_of(e).any(|t| near(t) && is_close_title(t, text)))
        {
            return Some(e.id.as_str());
        }
    }
    let chars: Vec<char> = key.chars().collect();
    let shares_with_own = titles_of(own).any(|t| {
        let own_key = title_key(t);
        chars
            .windows(2)
            .any(|w| own_key.contains(&w.iter().collect::<String>()))
    });
    if shares_with_own || vocab::statement_in(text, vocab::Look::TABLE_CELL).is_some() {
        return None;
    }
    others()
        .find(|e| {
            titles_of(e).any(|t| {
                let t = title_key(t);
                let n = t.chars().count();
                n >= 3 && k <= 2 * n && is_subsequence(&t, &key)
            })
        })
        .map(|e| e.id.as_str())
}

/// Whether the characters of `small` stand in `big` in order (with others between).
fn is_subsequence(small: &str, big: &str) -> bool {
    let mut rest = big.chars();
    small.chars().all(|c| rest.any(|b| b == c))
}

/// The error for a title cell holding another id's title ([`title_of_another`]): one
/// wording for the status table's and the published list's title columns.
pub fn shifted_title(
    catalog: &Catalog,
    at: Location,
    raw: &str,
    text: &str,
    other: &str,
) -> InputError {
    let own = catalog_titles(catalog, raw).first().map_or_else(
        || "the catalog has none".to_owned(),
        |t| format!("'{}'", quote(t)),
    );
    InputError::at(
        at,
        format!(
            "'{}' beside {raw} is the title of {other}, not its own ({own}): the ids and titles may have shifted against each other, and what the row states may be {other}'s",
            quote(text)
        ),
    )
    .hint("check the row against the list as published: give each id its own title (or leave the title cell empty), so that each status stands beside the control it is for")
}

/// Whether `text` is the catalog title of `raw` (Japanese or English), or a close form of it:
/// an edition's wording, a shortened title; never one with a status word or mark the title
/// does not hold.
pub fn is_title(catalog: &Catalog, raw: &str, text: &str) -> bool {
    entry_of(catalog, raw).is_some_and(|entry| is_title_of(entry, text))
}

fn is_title_of(entry: &Entry, text: &str) -> bool {
    titles_of(entry).any(|title| is_close_title(title, text))
}

/// Whether `text` is `title` or a close form of it (see [`is_title`]): the one judgement of a
/// title written beside an id, in a CSP list and in a check list's references
/// (`catalog::resolve`).
pub(crate) fn is_close_title(title: &str, text: &str) -> bool {
    let key = title_key(text);
    if key.chars().count() < 2 {
        return false;
    }
    if vocab::states_beyond(text, title) || vocab::negation_beyond(text, &[title]).is_some() {
        return false;
    }
    // what is not a letter (a digit, a mark: `※1`, `*`, `?`) must be the title's own:
    // letters may differ a little (another edition's wording), marks never
    let folded_title = fold_width(title);
    if fold_width(text)
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_alphabetic())
        .any(|c| !folded_title.contains(c) && !matches!(c, '、' | ',' | '・' | '.' | '。'))
    {
        return false;
    }
    let t = title_key(title);
    let n = t.chars().count();
    let k = key.chars().count();
    // the title, a part of it (a shortened title: half of it, or a third and four
    // characters: `利用者登録` for `利用者登録及び登録削除`), or the title with a few
    // characters changed (another edition's wording)
    // never the title with more after or before it (`特権的アクセス権の管理 同上`)
    if k > n && key.contains(&t) {
        return false;
    }
    key == t
        || (t.contains(&key) && (k * 2 >= n || (k >= 4 && k * 3 >= n)))
        || edit_distance(&key, &t) <= (n / 5).max(1)
}

/// A title in a title column (`管理策名`): the catalog's, or the list's own words for it as
/// long as they neither state a status nor negate, exclude, defer or qualify beyond the
/// catalog's title (`特権的アクセス権の管理（対象外）`, `利用者登録（東京リージョンのみ）`).
/// `Err` says what it states.
fn check_title_cell(catalog: &Catalog, raw: &str, text: &str) -> Result<(), String> {
    if is_title(catalog, raw, text) {
        return Ok(());
    }
    let titles: Vec<&str> =
        entry_of(catalog, raw).map_or_else(Vec::new, |e| titles_of(e).collect());
    if let Some(what) = vocab::statement_in(text, vocab::Look::TABLE_CELL)
        .filter(|_| titles.iter().all(|t| vocab::states_beyond(text, t)))
    {
        return Err(what);
    }
    match vocab::negation_beyond(text, &titles) {
        Some(word) => Err(format!("'{word}'")),
        None => Ok(()),
    }
}

/// Page furniture after an id on its line: a date with its label (`作成日 2025.04.01`,
/// `2025年4月1日現在`), a page number (`- 1 -`, `1/3 ページ`, `Page 1 of 3`), a version
/// (`v1.0`, `第2版`). Numbers alone are not (a flag `1` beside an id is a status).
pub fn is_furniture(text: &str) -> bool {
    let folded = fold_width(text).to_lowercase();
    if vocab::negation_in(&folded).is_some() {
        return false;
    }
    // a time of day beside a date (`2026/11/01 15:32`: a browser's print header, review 15
    // D-1) says no more than the date
    let folded = folded
        .split_whitespace()
        .filter(|w| !is_time(w))
        .collect::<Vec<_>>()
        .join(" ");
    let tokens: Vec<&str> = folded
        .split(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | ')' | '[' | ']' | ':' | '：' | '、' | ',' | '～' | '〜' | '~'
                )
        })
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.is_empty() {
        return false;
    }
    // a label of a date or period: 作成日, 監査対象期間, 基準日
    let label = |t: &str| {
        t.chars().count() <= 8
            && t.chars().all(|c| !c.is_ascii())
            && ["日", "期間", "現在", "時点", "日付"]
                .iter()
                .any(|end| t.ends_with(end))
    };
    let mut i = 0;
    let mut meaningful = false;
    while i < tokens.len() {
        let t = tokens[i];
        let next = tokens.get(i + 1).copied();
        let after = tokens.get(i + 2).copied();
        let number =
            |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
        if is_date(t) || is_version(t) || is_page_token(t) {
            meaningful = true;
            i += 1;
        } else if label(t)
            || matches!(
                t,
                "作成日"
                    | "更新日"
                    | "改訂日"
                    | "発行日"
                    | "改定日"
                    | "日付"
                    | "現在"
                    | "時点"
                    | "作成"
                    | "更新"
                    | "改訂"
                    | "発行"
                    | "date"
                    | "as"
                    | "of"
                    | "updated"
                    | "created"
                    | "issued"
                    | "revised"
                    | "ページ"
                    | "頁"
                    | "page"
                    | "pages"
                    | "p."
                    | "p"
                    | "版"
                    | "ver"
                    | "ver."
                    | "version"
                    | "rev"
                    | "rev."
                    | "-"
                    | "/"
            )
        {
            i += 1;
        } else if number(t)
            && (matches!(next, Some("ページ" | "頁" | "/" | "of" | "-"))
                || i > 0
                    && matches!(
                        tokens[i - 1],
                        "page" | "p." | "p" | "of" | "/" | "-" | "ver" | "version" | "rev" | "rev."
                    ))
        {
            meaningful = true;
            i += 1;
        } else if number(t) && i > 0 && is_date(tokens[i - 1]) && next.is_none() && t.len() <= 3 {
            // a page number after the page's date (`2025/10/01 12`: a PDF's header or
            // footer, review 19 C-1)
            i += 1;
        } else if t == "-" && next.is_some_and(number) && after == Some("-") {
            meaningful = true;
            i += 3;
        } else {
            return false;
        }
    }
    meaningful
}

/// `2025.04.01`, `2025/4/1`, `2025-04-01`, `2025年4月1日`, `令和7年4月1日現在`.
fn is_date(t: &str) -> bool {
    let t = t
        .trim_end_matches("現在")
        .trim_end_matches("時点")
        .trim_end_matches("作成")
        .trim_end_matches("更新");
    let t = ["令和", "平成", "r", "h"]
        .iter()
        .find_map(|era| t.strip_prefix(era).map(|r| (r, true)))
        .unwrap_or((t, false));
    let (t, era) = t;
    let parts: Vec<&str> = t
        .split(['.', '/', '-', '年', '月', '日'])
        .filter(|p| !p.is_empty())
        .collect();
    let numeric = parts
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()));
    let year_ok = parts.first().is_some_and(|y| {
        (y.len() == 4 && (y.starts_with("19") || y.starts_with("20"))) || (era && y.len() <= 2)
    });
    numeric && (2..=3).contains(&parts.len()) && year_ok
}

/// `15:32`, `9:05:10`: a time of day.
fn is_time(w: &str) -> bool {
    let parts: Vec<&str> = w.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts[0].len() <= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()))
        && parts[1..].iter().all(|p| p.len() == 2)
}

/// `v1.0`, `ver.2`, `第2版`, `rev.3`.
fn is_version(t: &str) -> bool {
    let rest = t
        .strip_prefix("ver.")
        .or_else(|| t.strip_prefix("ver"))
        .or_else(|| t.strip_prefix("rev."))
        .or_else(|| t.strip_prefix("rev"))
        .or_else(|| t.strip_prefix('v'))
        .or_else(|| t.strip_prefix('第').and_then(|r| r.strip_suffix('版')))
        .or_else(|| t.strip_suffix('版'));
    rest.is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

/// `1/3`, `p.2`, `-1-`, `3ページ`, `2頁`.
fn is_page_token(t: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    // `2/3ページ`
    if let Some(pages) = t.strip_suffix("ページ").or_else(|| t.strip_suffix('頁')) {
        if pages.contains('/') {
            return is_page_token(pages);
        }
    }
    if let Some((a, b)) = t.split_once('/') {
        return digits(a) && digits(b);
    }
    t.strip_prefix("p.").is_some_and(digits)
        || t.strip_prefix('-')
            .and_then(|r| r.strip_suffix('-'))
            .is_some_and(digits)
        || t.strip_suffix("ページ").is_some_and(digits)
        || t.strip_suffix('頁').is_some_and(digits)
}

/// Checks a line that holds ids: every cell with ids has at most a list marker before its
/// first id, nothing but separators (or the earlier id's title) between ids, and after its
/// last id its title, page furniture or nothing; a cell without ids after an id holds its
/// title, furniture or nothing, and before the first id a row number, a marker, or words
/// that neither state a status nor negate (a category's title); a title column's cell is
/// checked as a title (see [`check_title_cell`]). `joined`: suffix cells joined to the id
/// before them.
fn check_line(
    line: &Line,
    found: &[(usize, Vec<IdToken>)],
    joined: &[usize],
    source: &Source,
    catalog: &Catalog,
) -> Result<(), InputError> {
    let mut last: Option<&IdToken> = None;
    let first_id = found.iter().find_map(|(_, ids)| ids.first());
    for (i, ids) in found {
        let cell = &line.cells[*i];
        if cell.role == CellRole::Free || joined.contains(i) {
            continue;
        }
        let at = || source.at(line.number, cell.column.as_deref());
        let Some(first) = ids.first() else {
            let text = cell.text.trim();
            if text.is_empty() {
                continue;
            }
            match (cell.role, last.or(first_id)) {
                (CellRole::Title, Some(id)) => {
                    check_title_cell(catalog, &id.raw, text)
                        .map_err(|what| states(at(), text, &what, Some(&id.raw), FOR_TEXT_AFTER))?;
                    // another id's title beside the id: the shift error, as in a status
                    // table (review 23 A-1)
                    if let Some(other) = title_of_another(catalog, &id.raw, text) {
                        return Err(shifted_title(catalog, at(), &id.raw, text, other));
                    }
                }
                (_, Some(id)) if last.is_some() => check_after(id, text, at(), catalog)?,
                (_, Some(id)) => check_before(id, text, at(), catalog)?,
                (_, None) => {}
            }
            continue;
        };
        check_ids(cell.text, ids, at(), catalog, FOR_TEXT_AFTER)?;
        last = ids.last().or(Some(first));
    }
    Ok(())
}

/// A cell before the first id of its line: a row number, a list marker, furniture, or words
/// that neither state a status nor negate beyond the titles of the id and the clause and
/// category it is in (a category's title in a merged column).
fn check_before(
    id: &IdToken,
    text: &str,
    at: Location,
    catalog: &Catalog,
) -> Result<(), InputError> {
    joined_ids(text, &at, catalog)?;
    if is_marker(text) || is_furniture(text) {
        return Ok(());
    }
    let look = vocab::Look {
        flags: false,
        ..vocab::Look::TABLE_CELL
    };
    if let Some(what) = vocab::statement_in(text, look) {
        return Err(states(at, text, &what, None, FOR_STATUSES));
    }
    let mut titles: Vec<&str> = Vec::new();
    let mut entry = entry_of(catalog, &id.raw);
    while let Some(e) = entry {
        titles.extend(titles_of(e));
        entry = e.parent.as_deref().and_then(|p| catalog.get(p));
    }
    match vocab::negation_beyond(text, &titles) {
        Some(word) => Err(InputError::at(
            at,
            format!(
                "'{}' before {} negates, excludes, defers or qualifies ('{word}'): the id is not read as implemented",
                quote(text),
                id.raw
            ),
        )
        .hint(FOR_HEADINGS)),
        None => Ok(()),
    }
}

/// Refuses a token of two catalog ids run together (`9.2.19.2.2`: 9.2.1 and 9.2.2, a PDF
/// copy that lost the tab between them), which [`find_ids`] does not take for an id and
/// page furniture (a version) would pass over: two stated objectives silently lost
/// (review 21 D-1). Mid-line such a token is refused as no title.
fn joined_ids(text: &str, at: &Location, catalog: &Catalog) -> Result<(), InputError> {
    let t = text.trim();
    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Ok(());
    }
    let Some((a, b)) = (1..t.len())
        .filter(|&k| t.is_char_boundary(k))
        .map(|k| (&t[..k], &t[k..]))
        .find(|(a, b)| {
            !a.ends_with('.')
                && !b.starts_with('.')
                && entry_of(catalog, a).is_some()
                && entry_of(catalog, b).is_some()
                && a.split('.').count() >= 3
                && b.split('.').count() >= 3
        })
    else {
        return Ok(());
    };
    Err(InputError::at(
        at.clone(),
        format!(
            "'{t}' holds two ids run together ({a} and {b}, a copy that lost the tab between them): neither is read"
        ),
    )
    .hint("put a tab or a space between the ids (9.2.1, then 9.2.2), as the list prints them, and check the line against the list"))
}

/// Checks a cell that holds ids (`ids`, as [`find_ids`] found them): at most a list marker
/// before the first, nothing but separators (or the earlier id's title) between them, and
/// after the last its title, page furniture or nothing.
pub fn check_ids(
    text: &str,
    ids: &[IdToken],
    at: Location,
    catalog: &Catalog,
    hint: &str,
) -> Result<(), InputError> {
    let (Some(first), Some(last)) = (ids.first(), ids.last()) else {
        return Ok(());
    };
    if !is_marker(&text[..first.start]) {
        return Err(prose(at, text, &first.raw));
    }
    for pair in ids.windows(2) {
        let between = &text[pair[0].end..pair[1].start];
        if is_range_mark(between) {
            return Err(InputError::at(
                at,
                format!(
                    "'{}' is a range: the tool does not read ranges in a CSP list ('{}')",
                    quote(&text[pair[0].start..pair[1].end]),
                    quote(text)
                ),
            )
            .hint("list each control by its own id, one per line or cell (9.2.3, 9.2.4)"));
        }
        if !is_separators(between) && !is_title(catalog, &pair[0].raw, between.trim()) {
            return Err(prose(at, text, &pair[1].raw));
        }
    }
    let after = text[last.end..].trim();
    if is_separators(after) {
        return Ok(());
    }
    check_after_with(last, after, at, catalog, hint)
}

/// `〜`, `～`, `~`, `-`, `から`, `to`, `through` between two ids.
fn is_range_mark(between: &str) -> bool {
    let t = fold_width(between).trim().to_lowercase();
    matches!(
        t.as_str(),
        "〜" | "~"
            | "-"
            | "−"
            | "‐"
            | "–"
            | "—"
            | "―"
            | "から"
            | "to"
            | "through"
            | "thru"
            | "…"
            | "..."
    )
}

/// Text after an id (in its cell, or a later cell of its line).
fn check_after(
    id: &IdToken,
    text: &str,
    at: Location,
    catalog: &Catalog,
) -> Result<(), InputError> {
    check_after_with(id, text, at, catalog, FOR_TEXT_AFTER)
}

/// The text after an id: its catalog title (or a close form of it), page furniture, or
/// nothing; anything else is an error, which says what the text states when it states a
/// status.
fn check_after_with(
    id: &IdToken,
    text: &str,
    at: Location,
    catalog: &Catalog,
    hint: &str,
) -> Result<(), InputError> {
    if text.is_empty()
        || is_title(catalog, &id.raw, text)
        || is_furniture(text)
        || is_footer_after_id(text)
    {
        return Ok(());
    }
    if let Some(what) = vocab::statement_in(text, vocab::Look::AFTER_ID) {
        return Err(states(at, text, &what, Some(&id.raw), hint));
    }
    let title = entry_of(catalog, &id.raw)
        .and_then(|e| titles_of(e).next())
        .map_or_else(
            || "the catalog has none".to_owned(),
            |t| format!("'{}'", quote(t)),
        );
    let message = match vocab::negation_in(text) {
        Some(word) => format!(
            "'{}' after {} is not its title ({title}), and says '{word}': a published list holds ids and their titles only, so the id is not read as implemented",
            quote(text),
            id.raw
        ),
        None => format!(
            "'{}' after {} is not its title ({title}): a published list holds ids and their titles only, so the id is not read as implemented",
            quote(text),
            id.raw
        ),
    };
    Err(InputError::at(at, message).hint(hint))
}

fn states(at: Location, text: &str, what: &str, id: Option<&str>, hint: &str) -> InputError {
    let whose = id.map_or_else(String::new, |id| format!(" after {id}"));
    InputError::at(
        at,
        format!(
            "'{}'{whose} states something ({what}) where only ids and their titles may stand: the tool does not read it as a status, and does not read the id as implemented",
            quote(text)
        ),
    )
    .hint(hint)
}

/// The hint for an id cell of a status table that says more than the id.
pub const FOR_ID_CELLS: &str =
    "keep the id cell to the id (and its title) and give the status in the status column, notes in a remarks column";

fn prose(at: Location, text: &str, id: &str) -> InputError {
    InputError::at(
        at,
        format!(
            "{id} stands inside a sentence ('{}'), not as an entry of a list: it is not read as implemented",
            quote(text)
        ),
    )
    .hint("a published list holds one id (and its title) per line or cell, after at most a list marker (・, -, 1., (1)); put the id on a line of its own or remove the sentence")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Review 23 C-9: a note on the objectives not listed passes; one naming a part, a
    /// date or anything more does not.
    #[test]
    fn a_note_on_the_objectives_not_listed_states_nothing_of_those_listed() {
        for note in [
            "※ 記載のない統制目標は適用除外",
            "※1 掲載されていない管理策は非該当です。",
            "（注）本一覧にない統制目標は対象外",
            "* Objectives not listed are not applicable.",
        ] {
            assert!(of_unlisted_only(note), "{note}");
        }
        for note in [
            "※ 記載のない統制目標は2027年度に対応予定",
            "※ 記載のない統制目標は東京リージョンのみ適用除外",
            "※ 記載の統制目標は適用除外",
            "※ 9.2.3は適用除外",
            "記載のない統制目標は適用除外",
        ] {
            assert!(!of_unlisted_only(note), "{note}");
        }
    }
    use std::path::Path;

    /// Review 14 A-6: only a note saying no more than "changed since the last edition" is
    /// a change note; one adding when, by whom or for which period is not.
    #[test]
    fn a_change_note_says_nothing_else() {
        for note in [
            "※ 黄色の行は前版からの変更箇所です",
            "※黄色の行は前版から変更した管理策です",
            "注）黄色のセルは今回追加・修正した項目",
            "Note: rows in yellow were updated",
            "* Rows highlighted in yellow have changed since the previous edition",
        ] {
            assert!(is_change_note(note), "{note}");
        }
        for note in [
            "※ 黄色の行は監査対象期間後に追加した管理策です",
            "※ 黄色の行は前版から変更（2027年4月から適用）",
            "※ 黄色の行は自己評価で追加した管理策です",
            "※ 黄色の行は前回の監査後に追加",
            "Note: rows in yellow were added after the audit period",
            "Note: rows in yellow were updated (effective April 2027)",
        ] {
            assert!(!is_change_note(note), "{note}");
        }
    }

    fn read_text(text: &str) -> Result<Vec<(String, Declared)>, String> {
        let catalog = Catalog::embedded().unwrap();
        let lines = lines_of(text);
        let source = Source {
            loc: Location::file(Path::new("l.txt")),
            rows: false,
        };
        read(
            &lines,
            &source,
            &catalog,
            Declared::Implemented,
            &|_| String::new(),
            crate::date::Date::parse("2026-12-01").unwrap(),
        )
        .map(|l| {
            l.controls
                .into_iter()
                .map(|c| (c.raw, c.declared))
                .collect()
        })
        .map_err(|e| e.to_string())
    }

    fn ok(text: &str) -> Vec<String> {
        read_text(text)
            .unwrap_or_else(|e| panic!("{text}: {e}"))
            .into_iter()
            .map(|(r, _)| r)
            .collect()
    }

    fn err(text: &str) -> String {
        match read_text(text) {
            Ok(got) => panic!("{text}: read as {got:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn ids_titles_markers_and_footers_are_read() {
        assert_eq!(
            ok("統制目標 番号\t統制目標 番号\n3.1.2\t3.1.3\n8.1.5 P, 9.2.1\n1/3 ページ\n"),
            ["3.1.2", "3.1.3", "8.1.5.P", "9.2.1"]
        );
        assert_eq!(
            ok("17.1.1 情報セキュリティ継続の計画\n18.1.4 プライバシー及び個人を特定できる情報（PII）の保護\n"),
            ["17.1.1", "18.1.4"]
        );
        assert_eq!(
            ok("・9.2.1 利用者登録\n- 9.2.2\n1. 9.2.3\n(4) 9.2.4\n①9.2.5\n"),
            ["9.2.1", "9.2.2", "9.2.3", "9.2.4", "9.2.5"]
        );
        // titles between ids, English titles, a shortened title
        assert_eq!(
            ok("9.2.1 利用者登録及び登録削除 9.2.2 利用者アクセスの提供\n12.1.3 Capacity management\n"),
            ["9.2.1", "9.2.2", "12.1.3"]
        );
        // a title in brackets is a title
        assert_eq!(
            ok("18.1.4 プライバシー及び個人を特定できる情報(PII)の保護"),
            ["18.1.4"]
        );
        // page furniture after an id, and on lines of its own
        assert_eq!(
            ok("6.1.1  作成日 2025.04.01\n9.2.1 2025年4月1日現在\n9.2.2 1/3 ページ\n9.2.3 - 2 -\n"),
            ["6.1.1", "9.2.1", "9.2.2", "9.2.3"]
        );
        assert_eq!(
            ok("18.2.3\n監査対象期間：2024年10月1日～2025年9月30日\n"),
            ["18.2.3"]
        );
        assert_eq!(
            ok("社外秘\n9.2.1\nCopyright © 2025 Sample Inc. All rights reserved.\n本資料の無断転載を禁じます\n9.2.2\n"),
            ["9.2.1", "9.2.2"]
        );
        // a title on a line of its own after its id (PDF cells one per line), the catalog's
        // words (除, 外) in a title, a clause heading with its title, a header line
        assert_eq!(
            ok("8.1.5.P\nクラウドサービスカスタマの資産の除去\n5 情報セキュリティのための方針群\n統制目標番号 統制目標\n11.1.4 外部及び環境の脅威からの保護\n"),
            ["8.1.5.P", "11.1.4"]
        );
        // a suffix in a cell of its own, an objective without its suffix, Annex A and 27017
        // references, a zero-width space from a PDF
        assert_eq!(
            ok("8.1.5\tP\n9.5.1\nA.9.2.3\nCLD.6.3.1\n9.2\u{200b}.1\n"),
            ["8.1.5.P", "9.5.1", "A.9.2.3", "CLD.6.3.1", "9.2.1"]
        );
    }

    #[test]
    fn what_states_otherwise_is_refused() {
        for (text, want) in [
            (
                "9.2.3 未実施\n",
                "'未実施' after 9.2.3 states something (the status word '未実施')",
            ),
            ("9.2.3 (非該当)\n", "the status word '非該当'"),
            ("9.2.3【未実施】\n", "the status word '未実施'"),
            ("9.2.3 未実施。\n", "the status word '未実施'"),
            ("9.2.3\t×\n", "the mark '×'"),
            ("9.2.3 利用者アクセス管理 ✕\n", "the mark '✕'"),
            ("9.2.3 △\n", "the mark '△'"),
            ("9.2.3 －\n", "the mark '－'"),
            ("9.2.3 済\n", "the status value '済'"),
            ("9.2.3\t0\n", "the flag '0'"),
            ("9.2.3 利用者登録（東京）\n", "a note in brackets"),
            (
                "9.2.3 Not Implemented\n",
                "the status word 'not implemented'",
            ),
            (
                "9.2.3 利用者登録及び登録削除（未実施）\n",
                "the status word '未実施'",
            ),
            (
                "9.2.1\n9.2.3\n×\n",
                "line 3: '×' states a status (the mark '×')",
            ),
            (
                "9.2.3\n特権的アクセス権の管理\n未実施\n9.2.4\n",
                "line 3: '未実施' states a status ('未実施')",
            ),
            // after an id, only its title: negation in any words, marks, notes
            (
                "9.2.3 実施していない\n",
                "line 1: '実施していない' after 9.2.3 is not its title ('特権的アクセス権の管理'), and says 'ない'",
            ),
            ("9.2.3 Not in place\n", "'Not in place' after 9.2.3 is not its title"),
            ("9.2.3※1\n", "'※1' after 9.2.3 is not its title"),
            ("9.2.3 注1\n", "'注1' after 9.2.3 is not its title"),
            ("9.2.3 †\n", "'†' after 9.2.3 is not its title"),
            ("9.2.3 同上\n", "'同上' after 9.2.3 is not its title"),
            (
                "9.2.3 特権的アクセス権の管理 同上\n",
                "'特権的アクセス権の管理 同上' after 9.2.3 is not its title",
            ),
            (
                "9.2.3 特権的アクセス権の管理※\n",
                "'特権的アクセス権の管理※' after 9.2.3 is not its title",
            ),
            ("9.2.3\t2026年度実施\n", "'2026年度実施' after 9.2.3 is not its title"),
            ("9.2.3 予定日 2026/04/01\n", "'予定日 2026/04/01' after 9.2.3 states something (the status word '予定')"),
            ("9.2.3 1\n", "the flag '1'"),
            // a row continued on lines of its own holds titles only
            (
                "9.2.3\n特権的アクセス権の管理\n東京リージョン\n",
                "line 3: '東京リージョン' follows 9.2.3 on a line of its own",
            ),
            ("9.2.1\n9.2.3\n※1\n", "line 3: '※1' stands on a line of its own"),
            ("9.2.1\n\n※1\n", "line 3: '※1' stands on a line of its own"),
            // review 17 D-6.2: a category or a 2022 number is named so, not a mark
            ("9.2.1\n8.2\n", "line 2: '8.2' is a category (two parts) or a control in ISO/IEC 27002:2022 numbering"),
            ("9.2.1\n5.15\n", "line 2: '5.15' is a category (two parts) or a control in ISO/IEC 27002:2022 numbering"),
            ("9.2.1\n?\n", "line 2: '?' stands on a line of its own"),
            // headings and notes that negate, exclude, defer or qualify, in any words
            (
                "■ 実施していない統制目標\n9.2.3\n",
                "line 1: '■ 実施していない統制目標' negates, excludes, defers or qualifies ('ない')",
            ),
            ("Exclusions:\n9.2.3\n", "('exclusions')"),
            ("Roadmap (FY2026)\n9.2.3\n", "('roadmap')"),
            ("以下の統制目標は実施していません\n9.2.3\n", "('ません')"),
            ("9.2.1\n※ 上記は東京リージョンのみ\n", "('のみ')"),
            // ranges and references that name no one control
            ("9.2.3-9.2.4\n", "'9.2.3-9.2.4' is a range"),
            ("9.2.3 〜 9.2.4\n", "'9.2.3 〜 9.2.4' is a range"),
            ("A.9.2\n", "'A.9.2' is an Annex A or ISO/IEC 27017 number of two parts"),
            (
                "■ 非該当とした統制目標\n9.2.3\n",
                "line 1: '■ 非該当とした統制目標' states a status ('非該当')",
            ),
            ("※ 9.2.3 は対象外\n", "9.2.3 stands inside a sentence"),
            (
                "JIS Q 27001:2014 の 6.1.3 に基づき\n",
                "6.1.3 stands inside a sentence ('JIS Q 27001:2014 の 6.1.3 に基づき')",
            ),
            (
                "9.2.1 は JIS Q 27001 の 6.1.3 に基づき\n",
                "6.1.3 stands inside a sentence",
            ),
            (
                "No 管理策番号 実施状況\n1 5.1.1 実施\n",
                "line 1: 'No 管理策番号 実施状況' states a status ('実施状況')",
            ),
            (
                "9.2.1\nimplemented: [5.1.1]\n",
                "line 2: 'implemented: [5.1.1]' is a CSP profile's field",
            ),
        ] {
            let e = err(text);
            assert!(e.contains(want), "{text:?}: {e}");
            assert!(e.contains("(hint: "), "{e}");
        }
    }

    #[test]
    fn markers() {
        for m in [
            "",
            " ",
            "・",
            "-",
            "*",
            "1.",
            "(1)",
            "（１）",
            "12)",
            "①",
            "a)",
            "(b)",
            "1",
            "10",
        ] {
            assert!(is_marker(m), "{m:?}");
        }
        for m in ["の", "JIS Q 27001:2014 の", "※", "No.", "a", "第"] {
            assert!(!is_marker(m), "{m:?}");
        }
    }
}
