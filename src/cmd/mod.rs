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

/// Loads a catalog: a file, or the embedded one.
pub fn load_catalog(source: &CatalogSource) -> Result<Catalog> {
    Ok(match source {
        CatalogSource::Embedded => Catalog::embedded()?,
        CatalogSource::File(p) => Catalog::from_file(p)?,
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
) -> Result<crate::model::CheckList, crate::error::InputError> {
    let mut checks =
        crate::input::checks::load_with(stdin.path(path), opts).map_err(|e| stdin.name(e))?;
    crate::catalog::edition::prepare(catalog, &mut checks, edition)?;
    note_skipped_sheets(&checks);
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

fn note_skipped_sheets(checks: &crate::model::CheckList) {
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
    if !checks.hidden_sheets.is_empty() {
        eprintln!(
            "{}",
            crate::messages::note(&format!(
                "{}: hidden sheets with a check-list header were not read: {} (unhide them, or read one with --sheet NAME)",
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
