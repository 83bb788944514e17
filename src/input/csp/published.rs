//! Published lists: lines of pasted text, or rows of a table without a status column, that
//! hold control ids and their titles and nothing that states otherwise. Every id is read as
//! implemented (or as the status its sheet's name states); a line that says anything else
//! about an id is an input error, never a guess.
use crate::catalog::Catalog;
use crate::error::{InputError, Location};
use crate::input::csp::ids::{find_ids, IdToken};
use crate::input::csp::vocab;
use crate::model::{Declared, ListedControl};
use crate::text::{edit_distance, fold_width};

/// One cell of a line: its column's name (a table's header, else its letter) and its text.
/// A line of pasted text is split into cells at its tabs, which have no name. A `free` cell
/// (an evidence or owner column) states nothing about a status whatever it holds.
#[derive(Debug, Clone)]
pub struct Cell<'a> {
    pub column: Option<String>,
    pub text: &'a str,
    pub free: bool,
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
                    free: false,
                })
                .collect(),
        }
    }

    fn text(&self) -> String {
        self.cells
            .iter()
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
    fn at(&self, number: usize, column: Option<&str>) -> Location {
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

/// Reads the lines of a published list. `stated`: what each id is read as (implemented, or
/// what its sheet's name states); `reason`: the reason given on a row (a reason column), for
/// a list stated not implemented.
pub fn read(
    lines: &[Line<'_>],
    source: &Source,
    catalog: &Catalog,
    stated: Declared,
    reason: &dyn Fn(usize) -> String,
) -> Result<Listed, InputError> {
    let mut out = Listed::default();
    // a line without ids that states a status: an error as soon as the list has ids
    let mut status_line: Option<(&Line, String)> = None;
    for line in lines {
        if !source.rows {
            profile_field(line, source)?;
        }
        let found: Vec<(usize, Vec<IdToken>)> = line
            .cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let (ids, ignored) = find_ids(c.text);
                out.ignored += ignored;
                (i, ids)
            })
            .collect();
        if found.iter().all(|(_, ids)| ids.is_empty()) {
            if status_line.is_none() {
                status_line = line_status(line, !out.controls.is_empty()).map(|what| (line, what));
            }
            match status_line {
                Some((line, what)) if !out.controls.is_empty() => {
                    return Err(status_line_error(line, &what, source))
                }
                _ => continue,
            }
        }
        if let Some((line, what)) = status_line {
            return Err(status_line_error(line, &what, source));
        }
        check_line(line, &found, source, catalog)?;
        for (i, ids) in found {
            for id in ids {
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
    Ok(out)
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

/// What a line without ids states: a status word or a status mark anywhere in it, or a
/// status standing alone (`after_ids`: the line follows ids).
fn line_status(line: &Line, after_ids: bool) -> Option<String> {
    let text = line
        .cells
        .iter()
        .filter(|c| !c.free)
        .map(|c| c.text.trim())
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(w) = vocab::status_words(&text).first() {
        return Some(format!("'{}'", w.word));
    }
    if let Some(c) = text.chars().find(|c| vocab::is_status_mark_char(*c)) {
        return Some(format!("the mark '{c}'"));
    }
    line.cells
        .iter()
        .find(|c| !c.free && vocab::is_lone_status(c.text, after_ids))
        .map(|c| format!("'{}' on its own", c.text.trim()))
}

/// A list marker before an id: `・`, `-`, `*`, `•`, `■`, `1.`, `(1)`, `①`, `a)`.
fn is_marker(prefix: &str) -> bool {
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

/// Whether `text` is the catalog title of `raw` (Japanese or English), or a close form of it:
/// an edition's wording, a shortened title; never one with a status word or mark the title
/// does not hold.
pub fn is_title(catalog: &Catalog, raw: &str, text: &str) -> bool {
    let Some(entry) = crate::catalog::id::canonical(raw).and_then(|id| catalog.get(&id)) else {
        return false;
    };
    let key = title_key(text);
    if key.chars().count() < 2 {
        return false;
    }
    [entry.title.ja.as_deref(), entry.title.en.as_deref()]
        .into_iter()
        .flatten()
        .filter(|t| !t.trim().is_empty())
        .any(|title| {
            if vocab::states_beyond(text, title) {
                return false;
            }
            let t = title_key(title);
            let n = t.chars().count();
            let k = key.chars().count();
            key == t
                || (t.contains(&key) && k * 2 >= n)
                || edit_distance(&key, &t) <= (n / 5).max(1)
        })
}

/// Checks a line that holds ids: every cell with ids has at most a list marker before its
/// first id, nothing but separators (or the earlier id's title) between ids, and after its
/// last id the title or text that states nothing; cells without ids state nothing either.
fn check_line(
    line: &Line,
    found: &[(usize, Vec<IdToken>)],
    source: &Source,
    catalog: &Catalog,
) -> Result<(), InputError> {
    let mut last: Option<&IdToken> = None;
    for (i, ids) in found {
        let cell = &line.cells[*i];
        let at = || source.at(line.number, cell.column.as_deref());
        let Some(first) = ids.first() else {
            let text = cell.text.trim();
            if text.is_empty() || cell.free {
                continue;
            }
            // a cell of its own: a table's cell, or a tab-separated cell of pasted text
            let look = if source.rows {
                vocab::Look::TABLE_CELL
            } else {
                vocab::Look::TEXT_CELL
            };
            match last {
                Some(id) => check_after(id, text, at(), catalog, FOR_STATUSES, look)?,
                None => {
                    // before the first id: a row number (`1`) is no flag
                    let look = vocab::Look {
                        flags: false,
                        ..look
                    };
                    if let Some(what) = vocab::statement_in(text, look) {
                        return Err(states(at(), text, &what, None, FOR_STATUSES));
                    }
                }
            }
            continue;
        };
        check_ids(cell.text, ids, at(), catalog, FOR_STATUSES)?;
        let id = ids.last().unwrap_or(first);
        last = Some(id);
    }
    Ok(())
}

/// Checks a cell that holds ids (`ids`, as [`find_ids`] found them): at most a list marker
/// before the first, nothing but separators (or the earlier id's title) between them, and
/// after the last its title or text that states nothing.
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
        if !is_separators(between) && !is_title(catalog, &pair[0].raw, between.trim()) {
            return Err(prose(at, text, &pair[1].raw));
        }
    }
    check_after(
        last,
        text[last.end..].trim(),
        at,
        catalog,
        hint,
        vocab::Look::AFTER_ID,
    )
}

/// The text after an id (in its cell, or a later cell of its line): its title, or text that
/// states nothing (no status word, mark, value, and as `look` says no flag or bracketed
/// note).
fn check_after(
    id: &IdToken,
    text: &str,
    at: Location,
    catalog: &Catalog,
    hint: &str,
    look: vocab::Look,
) -> Result<(), InputError> {
    if text.is_empty() || is_title(catalog, &id.raw, text) {
        return Ok(());
    }
    match vocab::statement_in(text, look) {
        Some(what) => Err(states(at, text, &what, Some(&id.raw), hint)),
        None => Ok(()),
    }
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
    "keep the id cell to the id (and its title) and give the status in the status column";

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
    use std::path::Path;

    fn read_text(text: &str) -> Result<Vec<(String, Declared)>, String> {
        let catalog = Catalog::embedded().unwrap();
        let lines = lines_of(text);
        let source = Source {
            loc: Location::file(Path::new("l.txt")),
            rows: false,
        };
        read(&lines, &source, &catalog, Declared::Implemented, &|_| {
            String::new()
        })
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
                "9.2.3\n利用者アクセス管理\n未実施\n9.2.4\n",
                "line 3: '未実施' states a status ('未実施')",
            ),
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
