//! The subcommands: each file wires input, analysis and report together for one command.
pub mod catalog;
pub mod compare;
pub mod diff;
pub mod readiness;
pub mod report;
pub mod suggest;

use anyhow::Result;

use crate::catalog::Catalog;
use crate::config::{CatalogSource, Command, Config};
use crate::error::Exit;
use crate::input::Encoding;
use crate::lang::Lang;
use crate::output::Destination;
use crate::report::TextStyle;

/// What every command shares: the catalog to use, the language, colour.
#[derive(Debug, Clone)]
pub struct Context {
    pub catalog: CatalogSource,
    pub lang: Lang,
    pub color: bool,
    /// `--pretty`.
    pub pretty_json: bool,
    pub stdout_is_terminal: bool,
    /// Terminal columns a table is drawn within.
    pub width: u16,
}

impl Context {
    /// Loads the active catalog: `--catalog FILE` or the embedded one.
    pub fn catalog(&self) -> Result<Catalog> {
        load_catalog(&self.catalog)
    }

    /// How text goes to `output`: JSON is indented for a terminal (or with `--pretty`).
    pub fn style(&self, csv_encoding: Encoding, output: &Destination) -> TextStyle {
        TextStyle {
            color: self.color,
            width: self.width,
            csv_encoding,
            pretty_json: self.pretty_json || (output.is_stdout() && self.stdout_is_terminal),
        }
    }
}

/// Loads a catalog: a file, or the embedded one. A file holding fewer governance,
/// management or control objectives than the embedded skeleton is warned about: what it
/// lacks is neither required nor judged (a catalog imported from one sheet of the official
/// workbook, review 11 A-14).
pub fn load_catalog(source: &CatalogSource) -> Result<Catalog> {
    Ok(match source {
        CatalogSource::Embedded => Catalog::embedded()?,
        CatalogSource::File(p) => {
            let catalog = Catalog::from_file(p)?;
            let skeleton = Catalog::embedded()?;
            if let Some([(g, gs), (m, ms), (c, cs)]) =
                crate::catalog::stats::lacks_objectives(&catalog, &skeleton)
            {
                eprintln!(
                    "{}",
                    crate::messages::warning(&format!(
                        "the catalog {} holds {g} of the {gs} governance objectives, {m} of the {ms} management objectives and {c} of the {cs} control objectives of the embedded skeleton: the objectives it lacks are neither required nor judged (readiness counts only what it holds); import every sheet of the official workbook",
                        p.display()
                    ))
                );
            }
            catalog
        }
    })
}

/// Says on stderr which sheets of a check-list workbook were not read (no check-list
/// header): nothing is left out without a word.
/// Reads the check list of `report` and `compare` (`path`, `-` read from `stdin`), decides
/// its references' ISO edition and says which sheets were not read.
fn load_checks(
    catalog: &crate::catalog::Catalog,
    stdin: &crate::input::stdin::Stdin,
    path: &std::path::Path,
    opts: crate::input::checks::ReadOptions,
    edition: crate::catalog::edition::EditionFlag,
    as_of: crate::date::Date,
) -> Result<crate::model::CheckList, crate::error::InputError> {
    crate::input::checks::use_catalog(catalog);
    let mut checks =
        crate::input::checks::load_with(stdin.path(path), opts).map_err(|e| stdin.name(e))?;
    crate::input::checks::check_prose(&mut checks);
    crate::input::checks::check_notes(&mut checks, as_of);
    crate::input::checks::check_assurance_words(&mut checks)?;
    crate::input::checks::check_mapping_notes(&checks)?;
    crate::input::checks::check_outside_lines(&checks)?;
    crate::catalog::edition::prepare(catalog, &mut checks, edition)?;
    note_skipped_sheets(&checks);
    // a year-named sheet read beside an undated list (`report` and `compare` alike)
    crate::input::checks::check_sheet_year(&checks, as_of)?;
    Ok(checks)
}

/// A CSP's list or profile as `report`, `compare` and `readiness` read it: named as given
/// when it came on stdin, its inheritance chain checked.
fn load_csp(
    catalog: &crate::catalog::Catalog,
    stdin: &crate::input::stdin::Stdin,
    path: &std::path::Path,
    opts: &crate::input::csp::CspOptions,
) -> Result<crate::model::Attestation, crate::error::InputError> {
    let att = crate::input::csp::load(stdin.path(path), opts, catalog)
        .map_err(|e| stdin.name(e))
        .map(|a| stdin.name_list(a))?;
    crate::analysis::csp::check_inheritance(catalog, &att)?;
    Ok(att)
}

/// Says on stderr which rows of a check list were not read as items (totals, headings,
/// template rows…), by kind, and which items are the same item twice.
/// The rows of one kind [`note_rows_not_read`] names on its line, at most.
const ROWS_SHOWN: usize = 20;

fn note_rows_not_read(checks: &crate::model::CheckList) {
    use crate::model::NotAnItem;
    let file = checks.source.display();
    // the rows of each kind, in one pass over the list
    let mut by_kind: [Vec<String>; NotAnItem::ALL.len()] = Default::default();
    for r in &checks.rows_not_read {
        // `ALL` is in declaration order
        by_kind[r.kind as usize].push(match &r.sheet {
            Some(sheet) if checks.sheets.len() > 1 => format!("{sheet} {} '{}'", r.row, r.text),
            _ => format!("{} '{}'", r.row, r.text),
        });
    }
    for (kind, rows) in NotAnItem::ALL.into_iter().zip(by_kind) {
        if rows.is_empty() {
            continue;
        }
        // a value filled down to the sheet's last row (`.ods` repeats one row a million
        // times) is not a million-row line: the first rows, then how many more (review 25
        // D-1; the JSON's `checks.rows_not_read` keeps every row)
        let rows = if rows.len() > ROWS_SHOWN {
            let more = rows.len() - ROWS_SHOWN;
            let more = match crate::messages::lang() {
                crate::lang::Lang::Ja => format!(" ほか{more}行"),
                crate::lang::Lang::En => format!(" and {more} more"),
            };
            rows[..ROWS_SHOWN].join(", ") + &more
        } else {
            rows.join(", ")
        };
        // the whole line is one message (its Japanese pattern is the line's)
        let what = match kind {
            NotAnItem::Total => "totals rows are not check items and were not read",
            NotAnItem::Heading => {
                "section headings without references are not check items and were not read"
            }
            NotAnItem::Template => "template rows without a check item or references are not check items and were not read",
            NotAnItem::RepeatedHeader => "repeated header rows are not check items and were not read",
            NotAnItem::NoItem => "rows without an id, a check item or references are not check items and were not read",
            NotAnItem::Example => "example and legend rows (例, 記入例, 凡例) are not check items and were not read",
            NotAnItem::Footnote => "footnote rows are not check items and were not read (a control one names is not checked)",
        };
        let line = format!("{file}: {what}: rows {rows}");
        eprintln!("{}", crate::messages::note(&line));
    }
    // no check-item column, while another column holds text: the outputs' 確認項目 is
    // empty for every item
    let untitled = !checks.items.is_empty() && checks.items.iter().all(|i| i.title.is_empty());
    // the column holding the most text (the prose of the checks, not a merged category such
    // as 大項目: review 15 C-1), the first of equals
    let text_of = |c: &str| -> usize {
        checks
            .items
            .iter()
            .flat_map(|i| i.extra.0.iter().filter(|(k, _)| k == c))
            .map(|(_, v)| v.trim().chars().count())
            .sum()
    };
    // (looked for only then: each column's cells are found by name)
    let text_column = checks
        .extra_columns
        .iter()
        .filter(|_| untitled)
        .filter(|c| !c.starts_with(crate::input::checks::SHEET_COLUMN))
        .map(|c| (text_of(c), c))
        .filter(|(n, _)| *n > 0)
        .fold(None, |best: Option<(usize, &String)>, (n, c)| match best {
            Some((m, _)) if m >= n => best,
            _ => Some((n, c)),
        })
        .map(|(_, c)| c);
    if let Some(column) = text_column {
        eprintln!(
            "{}",
            crate::messages::warning(&format!(
                "{}: no check-item column was found, so the items have no text in the outputs; is it '{}'? Name it 確認項目 (also: title, 確認内容, 質問, 要件, チェック項目)",
                checks.source.display(),
                column
            ))
        );
    }
    // items on rows the buyer hid or struck through: read as written, named (review 11 B-7)
    for (rows, what) in [
        (&checks.hidden_rows, "hidden rows (a filter may hide them)"),
        (
            &checks.struck_rows,
            "rows with struck-through text (見え消し)",
        ),
    ] {
        if !rows.is_empty() {
            eprintln!(
                "{}",
                crate::messages::note(&format!(
                    "{}: {what} were read as check items, as written: rows {}",
                    checks.source.display(),
                    rows.join(", ")
                ))
            );
        }
    }
    // a risk the tool does not read orders nothing, and withholds no verdict (review 11 C-7)
    if let Some((column, _, _)) = checks.unknown_risks.first() {
        let mut values: Vec<&str> = Vec::new();
        for (_, _, v) in &checks.unknown_risks {
            if !values.contains(&v.as_str()) {
                values.push(v);
            }
        }
        let shown: Vec<String> = values.iter().take(8).map(|v| format!("'{v}'")).collect();
        eprintln!(
            "{}",
            crate::messages::warning(&format!(
                "{}: the risk column '{}' holds values the tool does not read as high, medium or low ({}) on {} row(s): those items are given no risk (the risk only orders the rows; their verdict is given); write 高/中/低 or 1/2/3 to order them",
                checks.source.display(),
                column,
                shown.join(", "),
                checks.unknown_risks.len()
            ))
        );
    }
    // the first groups one by one, the rest in one line: a list copied together from
    // several sources may hold thousands
    const SAME_ITEMS_NAMED: usize = 5;
    let same = crate::input::checks::same_items(checks);
    for rows in same.iter().take(SAME_ITEMS_NAMED) {
        eprintln!(
            "{}",
            crate::messages::warning(&format!(
                "{}: the same check item (text and references) is on rows {}: it is counted once for each",
                checks.source.display(),
                rows.join(", ")
            ))
        );
    }
    if let Some(next) = same.get(SAME_ITEMS_NAMED) {
        eprintln!(
            "{}",
            crate::messages::warning(&format!(
                "{}: {} more groups of rows hold the same check item (the next on rows {}): each row is counted once",
                checks.source.display(),
                same.len() - SAME_ITEMS_NAMED,
                next.join(", ")
            ))
        );
    }
}

fn note_skipped_sheets(checks: &crate::model::CheckList) {
    note_rows_not_read(checks);
    if !checks.skipped_sheets.is_empty() {
        eprintln!(
            "{}",
            crate::messages::note(&format!(
                "{}: sheets without a check-list header were not read: {}",
                checks.source.display(),
                checks.skipped_sheets.join(", ")
            ))
        );
    }
    if !checks.not_item_sheets.is_empty() {
        eprintln!(
            "{}",
            crate::messages::note(&format!(
                "{}: sheets of instructions, examples or the ISMAP control list are not check items and were not read: {} (read one with --sheet NAME)",
                checks.source.display(),
                checks.not_item_sheets.join(", ")
            ))
        );
    }
    if !checks.not_in_effect_sheets.is_empty() {
        eprintln!(
            "{}",
            crate::messages::note(&format!(
                "{}: sheets named as drafts, copies, templates, deleted or unused items or kept for reference are not the check list in effect and were not read: {} (read one with --sheet NAME)",
                checks.source.display(),
                checks.not_in_effect_sheets.join(", ")
            ))
        );
    }
    if !checks.earlier_sheets.is_empty() {
        eprintln!(
            "{}",
            crate::messages::note(&format!(
                "{}: sheets of earlier years holding the same check items were not read: {} (read one with --sheet NAME)",
                checks.source.display(),
                checks.earlier_sheets.join(", ")
            ))
        );
    }
    if !checks.hidden_sheets.is_empty() {
        eprintln!(
            "{}",
            crate::messages::note(&format!(
                "{}: hidden sheets with a check-list header were not read: {} (read one with --sheet NAME, or unhide it: a very hidden sheet only from the VBA editor)",
                checks.source.display(),
                checks.hidden_sheets.join(", ")
            ))
        );
    }
}

/// Lets go of a command's large result without freeing it block by block: [`run`] is the
/// last thing the process does, and the system takes the memory back at once. Freeing a
/// 100,000-item report one allocation at a time cost about a seventh of the run
/// (BENCHMARKS.md).
pub(crate) fn discard<T>(result: T) {
    std::mem::forget(result);
}

/// Runs the configured command. Meant to be called once, at the end of a process: the
/// commands do not free their large results (see [`discard`]).
pub fn run(config: Config) -> Result<Exit> {
    let ctx = Context {
        catalog: config.catalog,
        lang: config.lang,
        color: config.color,
        pretty_json: config.pretty_json,
        stdout_is_terminal: config.stdout_is_terminal,
        width: config.width,
    };
    match config.command {
        Command::Report(r) => report::run(&ctx, r),
        Command::Readiness(r) => readiness::run(&ctx, r),
        Command::Diff(d) => diff::run(&ctx, d),
        Command::Compare(c) => compare::run(&ctx, c),
        Command::Suggest(s) => suggest::run(&ctx, s),
        Command::Catalog(c) => catalog::run(&ctx, c),
        Command::Completions(shell) => {
            let script = crate::cli::completions(shell);
            crate::output::Destination::Stdout.write_with(|w| Ok(w.write_all(&script)?))?;
            Ok(Exit::Ok)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// JSON is indented on a terminal or with `--pretty`; a file or a pipe gets it compact.
    #[test]
    fn json_is_pretty_for_a_person_and_compact_for_files_and_pipes() {
        let ctx = |pretty_json, stdout_is_terminal| Context {
            catalog: CatalogSource::Embedded,
            lang: Lang::En,
            color: false,
            pretty_json,
            stdout_is_terminal,
            width: 160,
        };
        let file = Destination::File(PathBuf::from("out.json"));
        let pretty = |c: Context, d: &Destination| c.style(Encoding::Utf8, d).pretty_json;
        assert!(pretty(ctx(false, true), &Destination::Stdout));
        assert!(!pretty(ctx(false, false), &Destination::Stdout));
        assert!(!pretty(ctx(false, true), &file));
        assert!(pretty(ctx(true, false), &Destination::Stdout));
        assert!(pretty(ctx(true, true), &file));
    }
}
