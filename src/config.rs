//! The resolved configuration a command runs with: no clap types past this point.
use std::path::PathBuf;

use crate::analysis::Status;
use crate::catalog::{EditionFlag, IsoEdition, Layer, Level};
use crate::date::Date;
use crate::input::Encoding;
use crate::lang::Lang;
use crate::output::Destination;
use crate::report::Format;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogSource {
    Embedded,
    File(PathBuf),
}

#[derive(Debug)]
pub struct Config {
    pub catalog: CatalogSource,
    pub lang: Lang,
    /// Colour terminal tables.
    pub color: bool,
    /// `--pretty`: indent JSON wherever it goes (else only on a terminal).
    pub pretty_json: bool,
    pub stdout_is_terminal: bool,
    /// Terminal columns tables are drawn within (`COLUMNS`, the terminal's, else 160).
    pub width: u16,
    pub command: Command,
}

#[derive(Debug)]
pub enum Command {
    Report(ReportConfig),
    Readiness(ReadinessConfig),
    Diff(DiffConfig),
    Compare(CompareConfig),
    Suggest(SuggestConfig),
    Catalog(CatalogCommand),
    /// Print a shell completion script.
    Completions(Shell),
}

/// A shell `completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    PowerShell,
}

#[derive(Debug)]
pub struct SuggestConfig {
    pub checks: PathBuf,
    /// Candidates per item (1..=`analysis::suggest::MAX_TOP`).
    pub top: usize,
    pub format: Format,
    pub output: Destination,
    pub encoding: Option<Encoding>,
    pub output_encoding: Encoding,
    pub sheet: Option<String>,
}

#[derive(Debug)]
pub struct CompareConfig {
    pub checks: PathBuf,
    pub csps: Vec<PathBuf>,
    pub csp_dir: Option<PathBuf>,
    pub as_of: Option<Date>,
    pub format: Format,
    pub output: Destination,
    pub encoding: Option<Encoding>,
    pub output_encoding: Encoding,
    pub sheet: Option<String>,
    /// `--refs-column`: the header of the check list's references column.
    pub refs_column: Option<String>,
    pub csp_reading: CspReading,
    /// `--iso-edition`: how the check list's Annex A / 27002 references are read.
    pub iso_edition: EditionFlag,
}

/// How CSP lists are read: `--csp-sheet` (`readiness --sheet`) and `--status-column`.
#[derive(Debug, Clone, Default)]
pub struct CspReading {
    pub sheet: Option<String>,
    pub status_column: Option<String>,
}

impl CspReading {
    /// The options the CSP reader takes, with the encoding of text inputs and the date
    /// the run is for (`--as-of`; `None`: today).
    pub fn options(
        &self,
        encoding: Option<Encoding>,
        as_of: Option<Date>,
    ) -> crate::input::csp::CspOptions<'_> {
        crate::input::csp::CspOptions {
            encoding,
            sheet: self.sheet.as_deref(),
            status_column: self.status_column.as_deref(),
            as_of,
            own_statement: false,
        }
    }
}

#[derive(Debug)]
pub struct ReadinessConfig {
    pub implemented: PathBuf,
    pub format: Format,
    pub output: Destination,
    pub fail_on_missing: bool,
    /// `None`: today.
    pub as_of: Option<Date>,
    pub encoding: Option<Encoding>,
    pub output_encoding: Encoding,
    /// `--sheet` and `--status-column`.
    pub csp_reading: CspReading,
}

#[derive(Debug)]
pub struct DiffConfig {
    pub old: PathBuf,
    pub new: PathBuf,
    pub format: Format,
    pub output_encoding: Encoding,
    pub output: Destination,
    pub encoding: Option<Encoding>,
    pub fail_on_change: bool,
    /// `None`: today.
    pub as_of: Option<Date>,
    pub csp_reading: CspReading,
}

#[derive(Debug)]
pub struct ReportConfig {
    pub checks: PathBuf,
    pub csp: PathBuf,
    /// `--registration-kind`: the kind of the `--csp` service's registration, for a list
    /// that does not state it.
    pub registration_kind: Option<crate::model::RegistrationKind>,
    /// `None`: today.
    pub as_of: Option<Date>,
    pub format: Format,
    pub output: Destination,
    pub fail_on: Option<Status>,
    pub strict: bool,
    /// `None`: detect.
    pub encoding: Option<Encoding>,
    pub output_encoding: Encoding,
    pub sheet: Option<String>,
    /// `--refs-column`: the header of the check list's references column.
    pub refs_column: Option<String>,
    /// A previous gap report whose decisions and comments are carried forward.
    pub review: Option<PathBuf>,
    /// `--review-sheet`: the sheet of the previous workbook holding the review.
    pub review_sheet: Option<String>,
    pub csp_reading: CspReading,
    /// `--iso-edition`: how the check list's Annex A / 27002 references are read.
    pub iso_edition: EditionFlag,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ListFilter {
    pub layer: Option<Layer>,
    pub level: Option<Level>,
    pub basic: bool,
}

#[derive(Debug)]
pub enum CatalogCommand {
    List {
        filter: ListFilter,
        format: Format,
    },
    Show {
        reference: String,
        format: Format,
        /// How a two-part Annex A / 27002 number is read (`None`: plain ids are ISMAP ids,
        /// `A.x.y` of both editions is refused).
        iso_edition: Option<IsoEdition>,
    },
    Search {
        text: String,
        format: Format,
    },
    Stats {
        format: Format,
    },
    Validate {
        file: Option<PathBuf>,
    },
    Diff {
        old: CatalogSource,
        new: CatalogSource,
        format: Format,
    },
    Import(ImportConfig),
}

#[derive(Debug)]
pub struct ImportConfig {
    pub workbook: PathBuf,
    pub output: Destination,
    pub sheet: Option<String>,
    pub id_column: Option<String>,
    pub title_column: Option<String>,
    pub name: Option<String>,
    pub version: Option<String>,
}
