//! The command line: clap types live here only, and become a resolved [`Config`].
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::analysis::Status;
use crate::catalog::{EditionFlag, IsoEdition, Layer, Level};
use crate::config::{
    CatalogCommand, CatalogSource, Command, CompareConfig, Config, CspReading, DiffConfig,
    ImportConfig, ListFilter, ReadinessConfig, ReportConfig, Shell, SuggestConfig,
};
use crate::error::{InputError, Location};
use crate::input::{Encoding, FileKind};
use crate::lang::Lang;
use crate::output::Destination;
use crate::report::Format;

#[derive(Debug, Parser)]
#[command(
    name = "ismap-gap",
    version,
    about = "Gap analysis against ISMAP管理基準: check items × a CSP's published controls",
    long_about = None,
    propagate_version = true
)]
pub struct Cli {
    /// Use this catalog YAML instead of the embedded one.
    #[arg(long, global = true, value_name = "FILE")]
    pub catalog: Option<PathBuf>,
    /// Language of labels and titles [default: ja when LC_ALL/LANG start with "ja", else en].
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Colour in terminal tables.
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// Indent JSON output. Without it, JSON is indented only on a terminal: a file or a
    /// pipe gets compact JSON (one line; the same values).
    #[arg(long, global = true)]
    pub pretty: bool,
    #[command(subcommand)]
    pub command: CommandArg,
}

/// `--registration-kind`: the list a service is registered on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RegistrationKindArg {
    Ismap,
    IsmapLiu,
}

impl From<RegistrationKindArg> for crate::model::RegistrationKind {
    fn from(k: RegistrationKindArg) -> Self {
        match k {
            RegistrationKindArg::Ismap => crate::model::RegistrationKind::Ismap,
            RegistrationKindArg::IsmapLiu => crate::model::RegistrationKind::IsmapLiu,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Ja,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum CommandArg {
    /// Gap report: check items × a CSP's implemented controls → statuses and additional procedures.
    Report(ReportArgs),
    /// CSP readiness before an internal audit: mandatory items, exclusions, evidence.
    Readiness(ReadinessArgs),
    /// Compare two control lists: added, removed, status changes.
    Diff(DiffArgs),
    /// Several CSPs side by side against your check items, ranked by coverage.
    Compare(CompareArgs),
    /// Candidate ISMAP objectives for check items written in free text (never written
    /// into your references by themselves).
    Suggest(SuggestArgs),
    /// Look into the catalog.
    #[command(subcommand)]
    Catalog(CatalogArg),
    /// Print a shell completion script (e.g. `ismap-gap completions bash > ~/.local/share/bash-completion/completions/ismap-gap`).
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: ShellArg,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShellArg {
    Bash,
    Zsh,
    Fish,
    #[value(name = "powershell")]
    PowerShell,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DiffFormat {
    Table,
    Csv,
    Json,
    Md,
}

impl From<DiffFormat> for Format {
    fn from(f: DiffFormat) -> Format {
        match f {
            DiffFormat::Table => Format::Table,
            DiffFormat::Csv => Format::Csv,
            DiffFormat::Json => Format::Json,
            DiffFormat::Md => Format::Md,
        }
    }
}

/// `--iso-edition` of `report` and `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IsoEditionArg {
    /// decide from the check list (its references column header, title rows, references)
    Auto,
    /// ISO/IEC 27001:2013 / 27002:2013 (JIS Q 27001:2014), ISMAP's numbering
    #[value(name = "2013")]
    Y2013,
    /// ISO/IEC 27001:2022 / 27002:2022 (JIS Q 27001:2023, JIS Q 27002:2024)
    #[value(name = "2022")]
    Y2022,
}

/// `--iso-edition` of `catalog show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowEditionArg {
    #[value(name = "2013")]
    Y2013,
    #[value(name = "2022")]
    Y2022,
}

fn edition_flag(a: IsoEditionArg) -> EditionFlag {
    match a {
        IsoEditionArg::Auto => EditionFlag::Auto,
        IsoEditionArg::Y2013 => EditionFlag::Fixed(IsoEdition::Iso2013),
        IsoEditionArg::Y2022 => EditionFlag::Fixed(IsoEdition::Iso2022),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReadinessFailOn {
    /// a mandatory item is missing, or an exclusion lacks a reason
    Missing,
}

#[derive(Debug, Args)]
pub struct ReadinessArgs {
    /// The CSP's own control list: ids (text, CSV, spreadsheet, YAML profile) or a table
    /// with id, status, reason, evidence and owner columns; `-` reads stdin.
    #[arg(long, value_name = "FILE")]
    pub implemented: PathBuf,
    /// Output format [default: from -o's extension, else table].
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Write to this file (atomically) instead of stdout; `-` is stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when anything mandatory is missing or an exclusion lacks a reason.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub fail_on: Option<ReadinessFailOn>,
    /// Encoding of CSV/text input [default: detected].
    #[arg(long, value_enum)]
    pub encoding: Option<EncodingArg>,
    /// Encoding of CSV output.
    #[arg(long, value_enum, default_value_t = EncodingArg::Utf8)]
    pub output_encoding: EncodingArg,
    /// Sheet of the workbook [default: every visible sheet].
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// The status column of a table with more than one (header or letter; a check-mark
    /// matrix by any of its columns).
    #[arg(long, value_name = "NAME")]
    pub status_column: Option<String>,
    /// Date to judge the registrations of the services inherited from against, today or earlier [default: today].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
}

/// `--csp-sheet` and `--status-column`, for the commands that read CSP lists.
#[derive(Debug, Args)]
pub struct CspReadingArgs {
    /// Read only this sheet of a CSP workbook [default: every visible sheet].
    #[arg(long, value_name = "NAME")]
    pub csp_sheet: Option<String>,
    /// The status column of a CSP table with more than one (header or letter; a check-mark
    /// matrix by any of its columns).
    #[arg(long, value_name = "NAME")]
    pub status_column: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Your check items (as for `report --checks`; `-` reads stdin).
    #[arg(long, value_name = "FILE")]
    pub checks: PathBuf,
    /// A CSP list or profile; repeat for each CSP (`-` reads one from stdin).
    #[arg(long, value_name = "FILE")]
    pub csp: Vec<PathBuf>,
    /// Every supported file in this folder is a CSP (yaml, yml, json, txt, csv, xlsx, xls, ods).
    #[arg(long, value_name = "DIR")]
    pub csp_dir: Option<PathBuf>,
    /// Date to judge renewal deadlines against, today or earlier [default: today].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// Output format [default: from -o's extension, else table].
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Write to this file (atomically) instead of stdout; `-` is stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Encoding of CSV/text input [default: detected].
    #[arg(long, value_enum)]
    pub encoding: Option<EncodingArg>,
    /// Encoding of CSV output.
    #[arg(long, value_enum, default_value_t = EncodingArg::Utf8)]
    pub output_encoding: EncodingArg,
    /// Sheet of the check-item workbook [default: every visible sheet with a check-list header].
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Header of the check list's references column, when the tool does not find it by
    /// name (or finds two): that column alone holds the references. Under a header of two
    /// rows, the lower cell or both ('対応管理策 ISMAP'); or the column's letter (D, AA) when
    /// no header is written so.
    #[arg(long, value_name = "NAME")]
    pub refs_column: Option<String>,
    #[command(flatten)]
    pub csp_reading: CspReadingArgs,
    /// Edition of the check list's ISO/IEC 27001 Annex A / 27002 references.
    #[arg(long, value_enum, value_name = "EDITION", default_value_t = IsoEditionArg::Auto)]
    pub iso_edition: IsoEditionArg,
}

#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// Your check items: CSV (UTF-8, BOM or CP932), XLSX/XLS/ODS, YAML or JSON; a references
    /// column is optional.
    #[arg(long, value_name = "FILE")]
    pub checks: PathBuf,
    /// Candidates per item (1-10).
    #[arg(long, value_name = "N", default_value_t = 3,
          value_parser = clap::value_parser!(u16).range(1..=10))]
    pub top: u16,
    /// Output format [default: from -o's extension, else table]. csv and xlsx write your
    /// own check list back with candidate columns.
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Write to this file (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Encoding of CSV input [default: detected: UTF-8, UTF-8 with BOM, or CP932].
    #[arg(long, value_enum)]
    pub encoding: Option<EncodingArg>,
    /// Encoding of CSV output.
    #[arg(long, value_enum, default_value_t = EncodingArg::Utf8)]
    pub output_encoding: EncodingArg,
    /// Sheet of the check-item workbook [default: the first visible one].
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The older control list (any form `report --csp` accepts, or a status table).
    pub old: PathBuf,
    /// The newer control list.
    pub new: PathBuf,
    /// Output format [default: from -o's extension, else table].
    #[arg(long, value_enum)]
    pub format: Option<DiffFormat>,
    /// Write to this file (atomically) instead of stdout; `-` is stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Encoding of CSV/text input [default: detected].
    #[arg(long, value_enum)]
    pub encoding: Option<EncodingArg>,
    /// Encoding of CSV output.
    #[arg(long, value_enum, default_value_t = EncodingArg::Utf8)]
    pub output_encoding: EncodingArg,
    /// Exit 1 when the lists or their registry facts differ, or NEW rests on a
    /// registration not in effect on --as-of.
    #[arg(long)]
    pub fail_on_change: bool,
    /// Date to judge the renewal deadlines and audit periods against, today or earlier [default: today].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    #[command(flatten)]
    pub csp_reading: CspReadingArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ListFormat {
    Table,
    Csv,
    Json,
    Yaml,
}

impl From<ListFormat> for Format {
    fn from(f: ListFormat) -> Format {
        match f {
            ListFormat::Table => Format::Table,
            ListFormat::Csv => Format::Csv,
            ListFormat::Json => Format::Json,
            ListFormat::Yaml => Format::Yaml,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReportFormat {
    Table,
    Csv,
    Json,
    Md,
    Xlsx,
}

impl From<ReportFormat> for Format {
    fn from(f: ReportFormat) -> Format {
        match f {
            ReportFormat::Table => Format::Table,
            ReportFormat::Csv => Format::Csv,
            ReportFormat::Json => Format::Json,
            ReportFormat::Md => Format::Md,
            ReportFormat::Xlsx => Format::Xlsx,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EncodingArg {
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    #[value(
        name = "cp932",
        alias = "shift_jis",
        alias = "sjis",
        alias = "shift-jis"
    )]
    Cp932,
}

impl From<EncodingArg> for Encoding {
    fn from(e: EncodingArg) -> Encoding {
        match e {
            EncodingArg::Utf8 => Encoding::Utf8,
            EncodingArg::Cp932 => Encoding::Cp932,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StatusArg {
    Covered,
    AssuranceGap,
    Partial,
    NotCovered,
    OutsideIsmap,
    Unmapped,
    NotAnalysed,
    // accepted only to say it is never a finding (clap would point at `not-analysed`, its
    // opposite, as the similar value: review 17 D-6)
    #[value(hide = true)]
    NotAsked,
}

/// The status `--fail-on` fails on, at or below: `not-asked` is no level.
fn fail_on(s: Option<StatusArg>) -> Result<Option<Status>, InputError> {
    Ok(Some(match s {
        None => return Ok(None),
        Some(StatusArg::Covered) => Status::Covered,
        Some(StatusArg::AssuranceGap) => Status::AssuranceGap,
        Some(StatusArg::Partial) => Status::Partial,
        Some(StatusArg::NotCovered) => Status::NotCovered,
        Some(StatusArg::OutsideIsmap) => Status::OutsideIsmap,
        Some(StatusArg::Unmapped) => Status::Unmapped,
        Some(StatusArg::NotAnalysed) => Status::NotAnalysed,
        Some(StatusArg::NotAsked) => {
            return Err(InputError::new(
                "--fail-on not-asked: an item not asked in this procurement is never a finding, and --fail-on passes over it at every level",
            )
            .hint("pick the status to fail on, at or below (e.g. --fail-on not-covered); leave --fail-on out to exit 0 whatever the items are"))
        }
    }))
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Your check items: CSV (UTF-8, BOM or CP932), XLSX/XLS/ODS, YAML or JSON; `-` reads
    /// stdin (the format told by its content).
    #[arg(long, value_name = "FILE")]
    pub checks: PathBuf,
    /// The CSP's controls: text pasted from the published PDF, CSV/spreadsheet, or a YAML
    /// profile; `-` reads stdin.
    #[arg(long, value_name = "FILE")]
    pub csp: PathBuf,
    /// The list the --csp service is registered on, for a list that does not say and cannot
    /// be edited; a list that states another kind is refused. Without it (or a statement in
    /// the list), what needs ISMAP's assurance is an assurance gap.
    #[arg(long, value_enum, value_name = "KIND")]
    pub registration_kind: Option<RegistrationKindArg>,
    /// Date to judge the renewal deadline and audit period against, today or earlier [default: today].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// Output format [default: from -o's extension, else table].
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Write to this file (atomically) instead of stdout; `-` is stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when any row has this status or a more severe one.
    #[arg(long, value_enum, value_name = "STATUS")]
    pub fail_on: Option<StatusArg>,
    /// Treat unresolved references and unknown CSP ids as input errors.
    #[arg(long)]
    pub strict: bool,
    /// Encoding of CSV input [default: detected: UTF-8, UTF-8 with BOM, or CP932].
    #[arg(long, value_enum)]
    pub encoding: Option<EncodingArg>,
    /// Encoding of CSV output.
    #[arg(long, value_enum, default_value_t = EncodingArg::Utf8)]
    pub output_encoding: EncodingArg,
    /// Sheet of the check-item workbook [default: every visible sheet with a check-list header].
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Header of the check list's references column, when the tool does not find it by
    /// name (or finds two): that column alone holds the references. Under a header of two
    /// rows, the lower cell or both ('対応管理策 ISMAP'); or the column's letter (D, AA) when
    /// no header is written so.
    #[arg(long, value_name = "NAME")]
    pub refs_column: Option<String>,
    #[command(flatten)]
    pub csp_reading: CspReadingArgs,
    /// Edition of the check list's ISO/IEC 27001 Annex A / 27002 references: two-part
    /// numbers such as A.8.2 name different controls in 2013 and 2022.
    #[arg(long, value_enum, value_name = "EDITION", default_value_t = IsoEditionArg::Auto)]
    pub iso_edition: IsoEditionArg,
    /// A gap report this tool wrote before (xlsx or CSV, edited since): carry each item's
    /// decision and comment forward by id, and mark what changed since.
    #[arg(long, value_name = "PREVIOUS")]
    pub review: Option<PathBuf>,
    /// The sheet of PREVIOUS holding the review, when the workbook has several gap sheets
    /// (a copy with the decisions beside the original) [default: the one gap sheet].
    #[arg(long, value_name = "NAME", requires = "review")]
    pub review_sheet: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LayerArg {
    Governance,
    Management,
    Control,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LevelArg {
    Clause,
    Category,
    Overview,
    Objective,
    Detail,
}

#[derive(Debug, Subcommand)]
pub enum CatalogArg {
    /// List entries.
    List {
        /// Only entries of this layer.
        #[arg(long, value_enum)]
        layer: Option<LayerArg>,
        /// Only entries of this level.
        #[arg(long, value_enum)]
        level: Option<LevelArg>,
        /// Only entries flagged basic by their suffix (B, PB: the mandatory detailed controls;
        /// governance, management and control objectives are basic statement requirements by
        /// rule, not by flag).
        #[arg(long)]
        basic: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Show one entry (or, for a NIST id, every candidate) with its cross-references.
    Show {
        /// An ISMAP id, A.x.y.z, CLD.x.y.z, NIST SP 800-53 id, ISO/IEC 27001:2022 control
        /// (A.5.15) or clause with its standard (JIS Q 27001 6.1.2).
        reference: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        /// How a two-part Annex A number (A.8.2) is read [default: plain ids are ISMAP ids;
        /// A.x.y of both editions needs it].
        #[arg(long, value_enum, value_name = "EDITION")]
        iso_edition: Option<ShowEditionArg>,
    },
    /// Search ids, both titles and the term lexicon's words (whole words; spelling
    /// variants such as ぜい弱性/脆弱性 and 順守/遵守 folded).
    Search {
        /// Part of an id or of a title (e.g. 9.2 or アクセス).
        text: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Counts per layer and level, and completeness against the official counts.
    Stats {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Check a catalog file (default: the active catalog) and list every problem.
    Validate {
        /// The catalog file to check [default: the active catalog].
        file: Option<PathBuf>,
    },
    /// Compare two catalogs (files, or `embedded`): ids added and removed, titles, flags
    /// and parents changed.
    Diff {
        /// The older catalog: a file, or `embedded`.
        old: String,
        /// The newer catalog: a file, or `embedded`.
        new: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiffFormat::Table)]
        format: DiffFormat,
    },
    /// Build a catalog YAML from the official ISMAP管理基準 workbook.
    Import {
        /// The official ISMAP管理基準 workbook (xlsx, xls, ods).
        workbook: PathBuf,
        /// The catalog YAML to write (atomically; `-` for stdout).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Sheet holding the criteria [default: the first visible one].
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// Header text (or letter, e.g. B) of the id column.
        #[arg(long, value_name = "COLUMN")]
        id_column: Option<String>,
        /// Header text (or letter) of the title column.
        #[arg(long, value_name = "COLUMN")]
        title_column: Option<String>,
        /// Catalog name to record [default: from the workbook file name].
        #[arg(long, value_name = "NAME")]
        catalog_name: Option<String>,
        /// Catalog version to record [default: from the workbook file name].
        #[arg(long, value_name = "VERSION")]
        catalog_version: Option<String>,
    },
}

fn layer(l: LayerArg) -> Layer {
    match l {
        LayerArg::Governance => Layer::Governance,
        LayerArg::Management => Layer::Management,
        LayerArg::Control => Layer::Control,
    }
}

fn level(l: LevelArg) -> Level {
    match l {
        LevelArg::Clause => Level::Clause,
        LevelArg::Category => Level::Category,
        LevelArg::Overview => Level::Overview,
        LevelArg::Objective => Level::Objective,
        LevelArg::Detail => Level::Detail,
    }
}

/// Environment facts the resolution needs, passed in so it stays testable.
pub struct Env {
    pub lc_all: Option<String>,
    pub lang: Option<String>,
    pub stdout_is_terminal: bool,
    pub no_color: bool,
    /// `COLUMNS`, when set.
    pub columns: Option<String>,
    /// The terminal's width, when stdout is one.
    pub terminal_width: Option<u16>,
}

impl Env {
    pub fn current() -> Env {
        use std::io::IsTerminal;
        Env {
            lc_all: std::env::var("LC_ALL").ok(),
            lang: std::env::var("LANG").ok(),
            stdout_is_terminal: std::io::stdout().is_terminal(),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            columns: std::env::var("COLUMNS").ok(),
            terminal_width: crate::report::table::terminal_width(),
        }
    }
}

impl Cli {
    /// Turns the parsed arguments into a resolved configuration.
    pub fn resolve(self, env: &Env) -> Result<Config, InputError> {
        let lang = match self.lang {
            Some(LangArg::Ja) => Lang::Ja,
            Some(LangArg::En) => Lang::En,
            None => Lang::from_locale(env.lc_all.as_deref(), env.lang.as_deref()),
        };
        let color = match self.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => env.stdout_is_terminal && !env.no_color,
        };
        let catalog = match self.catalog {
            Some(p) => CatalogSource::File(p),
            None => CatalogSource::Embedded,
        };
        let command = match self.command {
            CommandArg::Report(a) => Command::Report(report_config(a, env.stdout_is_terminal)?),
            CommandArg::Readiness(a) => {
                let format =
                    output_format(a.format.map(Into::into), &a.output, env.stdout_is_terminal)?;
                Command::Readiness(ReadinessConfig {
                    format,
                    output: destination(a.output),
                    fail_on_missing: a.fail_on == Some(ReadinessFailOn::Missing),
                    as_of: as_of(a.as_of.as_deref())?,
                    encoding: a.encoding.map(Into::into),
                    output_encoding: csv_encoding(a.output_encoding, format)?,
                    csp_reading: CspReading {
                        sheet: workbook_sheet("--sheet", a.sheet, &a.implemented)?,
                        status_column: table_column(a.status_column, &[&a.implemented])?,
                    },
                    implemented: a.implemented,
                })
            }
            CommandArg::Compare(a) => {
                let format =
                    output_format(a.format.map(Into::into), &a.output, env.stdout_is_terminal)?;
                Command::Compare(CompareConfig {
                    format,
                    output: destination(a.output),
                    as_of: as_of(a.as_of.as_deref())?,
                    csps: a.csp,
                    csp_dir: a.csp_dir,
                    encoding: a.encoding.map(Into::into),
                    output_encoding: csv_encoding(a.output_encoding, format)?,
                    sheet: workbook_sheet("--sheet", a.sheet, &a.checks)?,
                    refs_column: a.refs_column,
                    // --csp-dir is listed when the command runs: the flags are checked there
                    csp_reading: CspReading {
                        sheet: a.csp_reading.csp_sheet,
                        status_column: a.csp_reading.status_column,
                    },
                    iso_edition: edition_flag(a.iso_edition),
                    checks: a.checks,
                })
            }
            CommandArg::Suggest(a) => {
                let format =
                    output_format(a.format.map(Into::into), &a.output, env.stdout_is_terminal)?;
                Command::Suggest(SuggestConfig {
                    top: usize::from(a.top),
                    format,
                    output: destination(a.output),
                    encoding: a.encoding.map(Into::into),
                    output_encoding: csv_encoding(a.output_encoding, format)?,
                    sheet: workbook_sheet("--sheet", a.sheet, &a.checks)?,
                    checks: a.checks,
                })
            }
            CommandArg::Diff(a) => {
                let format =
                    output_format(a.format.map(Into::into), &a.output, env.stdout_is_terminal)?;
                Command::Diff(DiffConfig {
                    format,
                    output_encoding: csv_encoding(a.output_encoding, format)?,
                    output: destination(a.output),
                    csp_reading: csp_reading(a.csp_reading, &[&a.old, &a.new])?,
                    old: a.old,
                    new: a.new,
                    encoding: a.encoding.map(Into::into),
                    fail_on_change: a.fail_on_change,
                    as_of: as_of(a.as_of.as_deref())?,
                })
            }
            CommandArg::Catalog(c) => Command::Catalog(match c {
                CatalogArg::List {
                    layer: l,
                    level: v,
                    basic,
                    format,
                } => CatalogCommand::List {
                    filter: ListFilter {
                        layer: l.map(layer),
                        level: v.map(level),
                        basic,
                    },
                    format: format.into(),
                },
                CatalogArg::Show {
                    reference,
                    format,
                    iso_edition,
                } => CatalogCommand::Show {
                    reference,
                    format: format.into(),
                    iso_edition: iso_edition.map(|e| match e {
                        ShowEditionArg::Y2013 => IsoEdition::Iso2013,
                        ShowEditionArg::Y2022 => IsoEdition::Iso2022,
                    }),
                },
                CatalogArg::Search { text, format } => CatalogCommand::Search {
                    text,
                    format: format.into(),
                },
                CatalogArg::Stats { format } => CatalogCommand::Stats {
                    format: format.into(),
                },
                CatalogArg::Validate { file } => CatalogCommand::Validate { file },
                CatalogArg::Diff { old, new, format } => CatalogCommand::Diff {
                    old: catalog_source(&old),
                    new: catalog_source(&new),
                    format: format.into(),
                },
                CatalogArg::Import {
                    workbook,
                    output,
                    sheet,
                    id_column,
                    title_column,
                    catalog_name: name,
                    catalog_version: version,
                } => CatalogCommand::Import(ImportConfig {
                    workbook,
                    output: destination(Some(output)),
                    sheet,
                    id_column,
                    title_column,
                    name,
                    version,
                }),
            }),
            CommandArg::Completions { shell } => Command::Completions(match shell {
                ShellArg::Bash => Shell::Bash,
                ShellArg::Zsh => Shell::Zsh,
                ShellArg::Fish => Shell::Fish,
                ShellArg::PowerShell => Shell::PowerShell,
            }),
        };
        Ok(Config {
            catalog,
            lang,
            color,
            pretty_json: self.pretty,
            stdout_is_terminal: env.stdout_is_terminal,
            width: crate::report::table::output_width(env.columns.as_deref(), env.terminal_width),
            command,
        })
    }
}

fn catalog_source(arg: &str) -> CatalogSource {
    if arg == "embedded" {
        CatalogSource::Embedded
    } else {
        CatalogSource::File(PathBuf::from(arg))
    }
}

/// `-o FILE`, or stdout without it or for `-o -`.
fn destination(output: Option<PathBuf>) -> Destination {
    match output {
        Some(p) if !is_dash(&p) => Destination::File(p),
        _ => Destination::Stdout,
    }
}

/// `-`: stdin as an input, stdout as the output.
fn is_dash(p: &Path) -> bool {
    p.as_os_str() == "-"
}

/// `--format`, else what `-o`'s extension says, else a table; xlsx only into a file, or
/// into stdout (`-o -`) when it is not a terminal.
fn output_format(
    format: Option<Format>,
    output: &Option<PathBuf>,
    stdout_is_terminal: bool,
) -> Result<Format, InputError> {
    let dash = output.as_deref().is_some_and(is_dash);
    let file = output.as_ref().filter(|_| !dash);
    let format = match (format, file) {
        (Some(f), _) => f,
        (None, Some(path)) => Format::from_extension(path).ok_or_else(|| {
            InputError::new(format!(
                "cannot tell the format from the output name '{}'",
                path.display()
            ))
            .hint("use an extension .csv/.json/.md/.xlsx/.txt or pass --format")
        })?,
        (None, None) => Format::Table,
    };
    // a workbook under a text name, or text under a workbook name, opens as garbage; CSV
    // under a .json name (or any format under another's extension) is read as that format
    // by what opens it. A .txt holds any text format.
    if let Some(path) = file {
        let named = Format::from_extension(path);
        if named.is_some_and(|named| named != format && named != Format::Table) {
            return Err(InputError::new(format!(
                "--format {} does not match the output name '{}'",
                format.name(),
                path.display()
            ))
            .hint("name the file for the format (e.g. -o gap.xlsx for xlsx, gap.csv for csv), or leave --format out"));
        }
    }
    if format == Format::Xlsx && output.is_none() {
        return Err(InputError::new("xlsx output needs a file")
            .hint("pass -o report.xlsx; a workbook is written to a file, not to stdout"));
    }
    if format == Format::Xlsx && dash && stdout_is_terminal {
        return Err(
            InputError::new("a workbook is binary: it is not written to a terminal")
                .hint("redirect stdout to a file (-o - > gap.xlsx), or pass -o gap.xlsx"),
        );
    }
    Ok(format)
}

/// `--as-of`: a date on or before today (Japan time). The inputs state what holds when they are
/// read: on a later date a dated plan would count as implemented, an audit period not yet over
/// as audited and a renewal deadline not yet reached as kept, so a later date is refused.
fn as_of(arg: Option<&str>) -> Result<Option<crate::date::Date>, InputError> {
    as_of_on(arg, crate::date::Date::today())
}

fn as_of_on(
    arg: Option<&str>,
    today: crate::date::Date,
) -> Result<Option<crate::date::Date>, InputError> {
    arg.map(|s| {
        let date = crate::date::Date::parse_written(s).ok_or_else(|| {
            InputError::new(format!("--as-of '{s}' is not a date"))
                .hint("write it as YYYY-MM-DD, e.g. 2026-04-01 (2026/4/1, 2026年4月1日 and 令和8年4月1日 are read too)")
        })?;
        if date > today {
            return Err(InputError::new(format!(
                "--as-of {date} is after today ({today}): the inputs state what holds now, so on a later date a dated plan would count as implemented, an audit not yet ended as audited and a renewal deadline not yet reached as kept"
            ))
            .hint("leave --as-of out (today) or give today or an earlier date; to know whether the registration still holds on a later day, compare that day with the renewal deadline the report shows"));
        }
        Ok(date)
    })
    .transpose()
}

fn report_config(a: ReportArgs, stdout_is_terminal: bool) -> Result<ReportConfig, InputError> {
    let format = output_format(a.format.map(Into::into), &a.output, stdout_is_terminal)?;
    let as_of = as_of(a.as_of.as_deref())?;
    Ok(ReportConfig {
        sheet: workbook_sheet("--sheet", a.sheet, &a.checks)?,
        refs_column: a.refs_column,
        csp_reading: csp_reading(a.csp_reading, &[&a.csp])?,
        checks: a.checks,
        csp: a.csp,
        registration_kind: a.registration_kind.map(Into::into),
        as_of,
        format,
        output: destination(a.output),
        fail_on: fail_on(a.fail_on)?,
        strict: a.strict,
        encoding: a.encoding.map(Into::into),
        output_encoding: csv_encoding(a.output_encoding, format)?,
        iso_edition: edition_flag(a.iso_edition),
        review_sheet: match &a.review {
            Some(previous) => workbook_sheet("--review-sheet", a.review_sheet, previous)?,
            None => None,
        },
        review: a.review,
    })
}

/// `--sheet` (`flag`) names a sheet of a workbook: with any other file it would be ignored.
fn workbook_sheet(
    flag: &str,
    sheet: Option<String>,
    file: &Path,
) -> Result<Option<String>, InputError> {
    // stdin's kind is known once it is read
    if sheet.is_some() && !is_dash(file) && FileKind::of(file) != FileKind::Workbook {
        return Err(InputError::at(
            Location::file(file),
            format!("{flag} picks a sheet of a workbook (xlsx, xlsm, xls, ods), and this file is not one"),
        )
        .hint(format!("leave {flag} out for CSV, text, YAML and JSON files")));
    }
    Ok(sheet)
}

/// `--status-column` picks a column of a table: with no table among `files` it would be
/// ignored.
fn table_column(column: Option<String>, files: &[&Path]) -> Result<Option<String>, InputError> {
    if let (Some(_), Some(file)) = (&column, files.first()) {
        if !files.iter().any(|f| crate::input::is_table_file(f)) {
            return Err(InputError::at(
                Location::file(file),
                "--status-column picks the status column of a table (CSV, TSV or a workbook), and this file is not one",
            )
            .hint("leave --status-column out for pasted text and profiles"));
        }
    }
    Ok(column)
}

/// `--csp-sheet` and `--status-column` for the CSP lists `files`: each must have a file it
/// applies to (a workbook; a table).
fn csp_reading(a: CspReadingArgs, files: &[&Path]) -> Result<CspReading, InputError> {
    let sheet = match (&a.csp_sheet, files) {
        (Some(_), [one]) => workbook_sheet("--csp-sheet", a.csp_sheet, one)?,
        (Some(_), [first, ..]) if !files.iter().any(|f| FileKind::of(f) == FileKind::Workbook) => {
            workbook_sheet("--csp-sheet", a.csp_sheet, first)?
        }
        _ => a.csp_sheet,
    };
    Ok(CspReading {
        sheet,
        status_column: table_column(a.status_column, files)?,
    })
}

/// `--output-encoding`: only CSV is written in another encoding than UTF-8 (JSON, YAML,
/// Markdown and tables are UTF-8 by definition or by terminal, xlsx is a workbook).
fn csv_encoding(arg: EncodingArg, format: Format) -> Result<Encoding, InputError> {
    let encoding = arg.into();
    if encoding != Encoding::Utf8 && format != Format::Csv {
        return Err(InputError::new(format!(
            "--output-encoding applies to CSV output, not {}",
            format.name()
        ))
        .hint("leave --output-encoding out, or write CSV (--format csv or -o NAME.csv)"));
    }
    Ok(encoding)
}

/// What `--help` ends with: the exit codes, for the command named `name` (`None`: the
/// program); exit 1 is listed only where the command has an option that gives it.
pub fn exit_codes(name: Option<&str>, lang: Lang) -> String {
    let say = |en: &'static str, ja: &'static str| match lang {
        Lang::En => en,
        Lang::Ja => ja,
    };
    let one = match name {
        None => Some(say(
            "--fail-on (readiness: --fail-on missing; diff: --fail-on-change) was given and\n       crossed: one line on stderr says which items",
            "--fail-on（readiness は --fail-on missing、diff は --fail-on-change）を指定し、\n       その条件に当たった: どの項目かを標準エラーに 1 行で示す",
        )),
        Some("report") => Some(say(
            "--fail-on was given and crossed: one line on stderr says which items",
            "--fail-on を指定し、その条件に当たった: どの項目かを標準エラーに 1 行で示す",
        )),
        Some("readiness") => Some(say(
            "--fail-on missing was given and objectives are missing: one line on stderr\n       says which",
            "--fail-on missing を指定し、欠けている統制目標がある: どれかを標準エラーに\n       1 行で示す",
        )),
        Some("diff") => Some(say(
            "--fail-on-change was given and the lists differ, or NEW rests on a registration\n       not in effect: one line on stderr says which",
            "--fail-on-change を指定し、一覧に違いがある、または NEW が効力のない登録に拠る:\n       どれかを標準エラーに 1 行で示す",
        )),
        Some(_) => None,
    };
    let mut out = String::from(say("Exit codes:\n", "終了コード:\n"));
    match (name, one) {
        (None | Some("report"), _) => out.push_str(say(
            "  0    done (also when some items are not-analysed: --fail-on fails on them)\n",
            "  0    完了（判定不能の項目があっても 0。--fail-on はそれらでも 1 を返す）\n",
        )),
        _ => out.push_str(say("  0    done\n", "  0    完了\n")),
    }
    if let Some(one) = one {
        out.push_str(&format!("  1    {one}\n"));
    }
    out.push_str(say(
        "  2    usage or input error: one line on stderr naming the file (sheet, row, column)\n       and a hint; no output file is written\n  130  interrupted (Ctrl-C, SIGTERM, SIGHUP) while writing -o FILE: nothing is left",
        "  2    使い方または入力の誤り: ファイル（シート・行・列）とヒントを標準エラーに\n       1 行で示す。出力ファイルは書かない\n  130  -o FILE の書き込み中に中断された（Ctrl-C、SIGTERM、SIGHUP）: 何も残さない",
    ));
    out
}

/// The command line's definition: every command's help ends with its [`exit_codes`].
pub fn command() -> clap::Command {
    command_in(Lang::En)
}

/// The command line's definition with its help in `lang`: under Japanese every
/// description, heading, note and exit code is put into Japanese
/// ([`crate::messages::help_ja`]); the values themselves stay as they are typed.
pub fn command_in(lang: Lang) -> clap::Command {
    use clap::CommandFactory;
    fn with_exit_codes(c: clap::Command, top: bool, lang: Lang) -> clap::Command {
        let name = (!top).then(|| c.get_name().to_owned());
        c.after_help(exit_codes(name.as_deref(), lang))
            .mut_subcommands(|s| with_exit_codes(s, false, lang))
    }
    let command = with_exit_codes(Cli::command(), true, lang);
    match lang {
        Lang::En => command,
        Lang::Ja => {
            let mut command = command;
            // the help and version flags, and the global options in each subcommand,
            // exist once the definition is built
            command.build();
            in_japanese(command)
        }
    }
}

/// The help template of a Japanese `--help`: clap's own, with the usage heading in
/// Japanese.
const JA_HELP_TEMPLATE: &str =
    "{before-help}{about-with-newline}\n使い方: {usage}\n\n{all-args}{after-help}";

/// `c` (built) and its subcommands with every description and heading in Japanese.
fn in_japanese(c: clap::Command) -> clap::Command {
    let about = japanese(c.get_about());
    let long_about = japanese(c.get_long_about());
    let mut c = c
        .help_template(JA_HELP_TEMPLATE)
        .subcommand_help_heading("コマンド")
        .mut_args(arg_in_japanese)
        .mut_subcommands(in_japanese);
    if let Some(about) = about {
        c = c.about(about);
    }
    if let Some(long_about) = long_about {
        c = c.long_about(long_about);
    }
    c
}

/// The Japanese of a help text clap holds, if it has one.
fn japanese(text: Option<&clap::builder::StyledStr>) -> Option<&'static str> {
    text.and_then(|t| crate::messages::help_ja(&t.to_string()))
}

/// `a` with its help, its heading and the notes clap adds (the default, the possible
/// values and their descriptions) in Japanese: clap's own notes are hidden and written
/// here instead.
fn arg_in_japanese(a: clap::Arg) -> clap::Arg {
    let takes_values = a.get_action().takes_values();
    let default = (takes_values && !a.is_hide_default_value_set())
        .then(|| a.get_default_values())
        .filter(|d| !d.is_empty())
        .map(|d| {
            let values: Vec<String> = d.iter().map(|v| v.to_string_lossy().into_owned()).collect();
            format!("[既定: {}]", values.join(", "))
        });
    let values: Vec<clap::builder::PossibleValue> =
        match takes_values && !a.is_hide_possible_values_set() {
            true => a
                .get_possible_values()
                .into_iter()
                .filter(|v| !v.is_hide_set())
                .collect(),
            false => Vec::new(),
        };
    let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
    let possible = (!names.is_empty()).then(|| format!("[指定できる値: {}]", names.join(", ")));
    let described: Vec<String> = values
        .iter()
        .filter_map(|v| japanese(v.get_help()).map(|help| format!("- {}: {help}", v.get_name())))
        .collect();
    let help = japanese(a.get_help());
    let long_help = japanese(a.get_long_help());
    let heading = if a.is_positional() {
        "引数"
    } else {
        "オプション"
    };
    let mut a = a
        .help_heading(heading)
        .hide_default_value(true)
        .hide_possible_values(true);
    if let Some(index) = a.get_index().filter(|_| a.is_positional()) {
        // under a heading of its own clap lists arguments by display order, then name:
        // the positionals keep the usage line's order (`<OLD> <NEW>`, not NEW first)
        a = a.display_order(index);
    }
    if let Some(help) = help {
        let short: Vec<&str> = [Some(help), default.as_deref(), possible.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        a = a.help(short.join(" "));
    }
    if long_help.is_some() || !described.is_empty() {
        let mut long = long_help.or(help).unwrap_or_default().to_owned();
        // described values are listed instead of named: only the default is left to say
        let notes: Vec<&str> = if described.is_empty() {
            [default.as_deref(), possible.as_deref()]
                .into_iter()
                .flatten()
                .collect()
        } else {
            long.push_str("\n\n指定できる値:\n");
            long.push_str(&described.join("\n"));
            default.as_deref().into_iter().collect()
        };
        if !notes.is_empty() {
            long.push_str("\n\n");
            long.push_str(&notes.join("\n"));
        }
        a = a.long_help(long);
    }
    a
}

/// The completion script of `shell` for the command line.
pub fn completions(shell: Shell) -> Vec<u8> {
    use clap_complete::Shell as S;
    let shell = match shell {
        Shell::Bash => S::Bash,
        Shell::Zsh => S::Zsh,
        Shell::Fish => S::Fish,
        Shell::PowerShell => S::PowerShell,
    };
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command(), "ismap-gap", &mut out);
    if shell == S::Bash {
        out = bash_case_labels(&out);
    }
    out
}

/// clap_complete (4.6.12, clap-rs/clap#6421, open) spells a bash state two ways for a
/// binary whose name has a hyphen: the loop sets `cmd="ismap__gap__subcmd__report"`
/// while the `case` arms read `ismap__subcmd__gap__subcmd__report)`, so no subcommand's
/// options ever complete. The arms are respelled the way the loop builds the state; a
/// fixed clap_complete leaves nothing to respell.
fn bash_case_labels(script: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(script)
        .replace("ismap__subcmd__gap", "ismap__gap")
        .into_bytes()
}

/// The language of stderr before the command line is understood: `--lang` as given
/// (`--lang ja`, `--lang=ja`), else the locale.
fn early_lang(args: &[std::ffi::OsString], env: &Env) -> Lang {
    let mut given = None;
    for (i, a) in args.iter().enumerate() {
        let a = a.to_string_lossy();
        let value = match a.strip_prefix("--lang=") {
            Some(v) => Some(v.to_owned()),
            None if a == "--lang" => args.get(i + 1).map(|v| v.to_string_lossy().into_owned()),
            None => None,
        };
        match value.as_deref() {
            Some("ja") => given = Some(Lang::Ja),
            Some("en") => given = Some(Lang::En),
            _ => {}
        }
    }
    given.unwrap_or_else(|| Lang::from_locale(env.lc_all.as_deref(), env.lang.as_deref()))
}

impl Cli {
    /// The language of stderr for this command line.
    pub fn stderr_lang(&self, env: &Env) -> Lang {
        match self.lang {
            Some(LangArg::Ja) => Lang::Ja,
            Some(LangArg::En) => Lang::En,
            None => Lang::from_locale(env.lc_all.as_deref(), env.lang.as_deref()),
        }
    }
}

/// The process's command line. Help and version are printed as clap prints them (and
/// exit); a command line clap rejects is one line on stderr ([`usage_error_line`], in the
/// language `--lang` or the locale asks for) and the input-error status.
pub fn parse() -> Result<Cli, std::process::ExitCode> {
    use clap::FromArgMatches;
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let parsed = command()
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    parsed.map_err(|e| match usage_error_line(&e) {
        Some(line) => {
            let lang = early_lang(&args, &Env::current());
            eprintln!("{}", localized_usage_error(&line, lang));
            crate::error::Exit::Input.into()
        }
        None => help_in_its_language(e, &args).exit(),
    })
}

/// Help (or the version) as clap prints it, in Japanese when `--lang ja` or the locale asks
/// for it: the command line is read again by the Japanese definition, built only then.
fn help_in_its_language(e: clap::Error, args: &[std::ffi::OsString]) -> clap::Error {
    use clap::error::ErrorKind;
    let is_help = matches!(
        e.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if !is_help || early_lang(args, &Env::current()) != Lang::Ja {
        return e;
    }
    match command_in(Lang::Ja).try_get_matches_from(args) {
        Err(ja) if ja.kind() == e.kind() => ja,
        _ => e,
    }
}

/// A usage error line in `lang`: each of clap's sentences translated where a pattern
/// knows it.
fn localized_usage_error(line: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return line.to_owned();
    }
    let body = line.strip_prefix("error: ").unwrap_or(line);
    let (message, hint) = match body.rsplit_once(" (hint: ") {
        Some((m, h)) => (m, h.strip_suffix(')').unwrap_or(h)),
        None => (body, ""),
    };
    // clap's sentences, as usage_error_line joined them
    let mut parts: Vec<String> = Vec::new();
    let mut rest = message;
    for marker in [" [possible values: ", " tip: "] {
        if let Some(i) = rest.find(marker) {
            parts.push(crate::messages::translate(&rest[..i], lang));
            rest = &rest[i + 1..];
        }
    }
    parts.push(crate::messages::translate(rest, lang));
    let mut out = format!("エラー: {}", parts.join(" "));
    if !hint.is_empty() {
        out.push_str(&format!(
            " (ヒント: {})",
            crate::messages::translate(hint, lang)
        ));
    }
    out
}

/// A command line clap rejected, as one line in the form of every other error:
/// `error: MESSAGE (hint: usage …)`, clap's own lines (possible values, missing
/// arguments) joined. `None` for what is not an error: help and version, which clap
/// prints itself (`clap::Error::exit` does both).
pub fn usage_error_line(e: &clap::Error) -> Option<String> {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        return None;
    }
    let text = e.render().to_string();
    let mut message = Vec::new();
    let mut usage = None;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(u) = line.strip_prefix("Usage:") {
            usage = Some(u.trim().to_owned());
        } else if !line.starts_with("For more information") {
            message.push(line);
        }
    }
    let hint = match usage {
        Some(u) => format!("usage: {u}; see --help"),
        None => "see --help".to_owned(),
    };
    Some(format!("{} (hint: {hint})", message.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command's Japanese help lists its positional arguments in the usage line's
    /// order, as the English does (review 12, B-6: `diff` listed `<NEW>` before `<OLD>`).
    #[test]
    fn japanese_help_lists_the_arguments_in_the_usage_order() {
        /// The positionals of `c`, in the order its help lists them.
        fn listed(c: &mut clap::Command) -> Vec<String> {
            let help = c.render_help().to_string();
            let mut at: Vec<(usize, String)> = c
                .get_positionals()
                .filter_map(|a| {
                    let name = a.get_value_names()?.first()?.to_string();
                    Some((help.find(&format!("  <{name}>  "))?, name))
                })
                .collect();
            at.sort();
            at.into_iter().map(|(_, n)| n).collect()
        }
        fn check(en: &mut clap::Command, ja: &mut clap::Command, path: &str) -> usize {
            let order = listed(en);
            assert_eq!(listed(ja), order, "{path}");
            let mut seen = order.len();
            let names: Vec<String> = en
                .get_subcommands()
                .map(|s| s.get_name().to_owned())
                .collect();
            for name in names {
                let mut e = en.find_subcommand_mut(&name).unwrap().clone();
                let mut j = ja.find_subcommand_mut(&name).unwrap().clone();
                seen += check(&mut e, &mut j, &format!("{path} {name}"));
            }
            seen
        }
        let mut en = command_in(Lang::En);
        en.build();
        let mut ja = command_in(Lang::Ja);
        // the check sees the positionals (`diff`'s two among them)
        assert!(check(&mut en, &mut ja, "ismap-gap") >= 2);
        let mut diff = ja.find_subcommand_mut("diff").unwrap().clone();
        assert_eq!(listed(&mut diff), ["OLD", "NEW"]);
    }

    /// `--as-of` after today is refused (a dated plan would count as done); today and
    /// earlier are taken.
    #[test]
    fn as_of_after_today_is_refused() {
        let today = crate::date::Date::parse_written("2026-12-06").unwrap();
        let err = as_of_on(Some("2026-12-07"), today).unwrap_err().to_string();
        assert!(
            err.contains("--as-of 2026-12-07 is after today (2026-12-06)"),
            "{err}"
        );
        assert_eq!(as_of_on(Some("2026年12月6日"), today).unwrap(), Some(today));
        assert!(as_of_on(Some("2026-04-01"), today).unwrap().is_some());
        assert_eq!(as_of_on(None, today).unwrap(), None);
    }

    #[test]
    fn the_command_line_is_well_formed() {
        command().debug_assert();
    }

    /// Every state the bash script's loop sets (`cmd="…"`) has its `case` arm: without
    /// the respelling, none of the subcommands' had one (clap-rs/clap#6421).
    #[test]
    fn every_bash_state_has_its_case_arm() {
        let script = String::from_utf8(completions(Shell::Bash)).unwrap();
        let states: Vec<&str> = script
            .lines()
            .filter_map(|l| l.trim().strip_prefix("cmd=\""))
            .filter_map(|l| l.strip_suffix('"'))
            .filter(|s| !s.is_empty())
            .collect();
        assert!(states.len() > 10, "{states:?}");
        for state in states {
            assert!(
                script.lines().any(|l| l.trim() == format!("{state})")),
                "no case arm for {state}"
            );
        }
    }

    /// Every option and argument of every command says what it is for, and every
    /// command's help ends with the exit codes.
    #[test]
    fn every_option_has_help_and_help_ends_with_the_exit_codes() {
        fn walk(c: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for a in c.get_arguments() {
                let id = a.get_id().as_str();
                if matches!(id, "help" | "version") {
                    continue;
                }
                if a.get_help().is_none() && a.get_long_help().is_none() {
                    missing.push(format!("{path} {id}"));
                }
            }
            assert!(
                c.get_after_help()
                    .is_some_and(|h| h.to_string().contains("130  interrupted")),
                "{path}"
            );
            for s in c.get_subcommands() {
                if s.get_name() != "help" {
                    walk(s, &format!("{path} {}", s.get_name()), missing);
                }
            }
        }
        let mut missing = Vec::new();
        walk(&command(), "ismap-gap", &mut missing);
        assert!(missing.is_empty(), "options without help: {missing:?}");
    }

    /// Every description of every command, option and possible value has its Japanese, so
    /// that a Japanese `--help` has no English left but what is typed.
    #[test]
    fn every_help_text_has_japanese() {
        fn walk(c: &clap::Command, missing: &mut Vec<String>) {
            let arguments = c.get_arguments();
            let texts = [c.get_about(), c.get_long_about()]
                .into_iter()
                .chain(arguments.flat_map(|a| [a.get_help(), a.get_long_help()]))
                .flatten()
                .map(ToString::to_string)
                .chain(c.get_arguments().flat_map(|a| {
                    a.get_possible_values()
                        .into_iter()
                        .filter_map(|v| v.get_help().map(ToString::to_string))
                }));
            for t in texts {
                if crate::messages::help_ja(&t).is_none() && !missing.contains(&t) {
                    missing.push(t);
                }
            }
            for s in c.get_subcommands() {
                walk(s, missing);
            }
        }
        let mut missing = Vec::new();
        let mut c = command();
        c.build();
        walk(&c, &mut missing);
        assert!(
            missing.is_empty(),
            "help without Japanese:\n{}",
            missing
                .iter()
                .map(|m| format!("{m:?}"))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    #[test]
    fn usage_errors_are_japanese_under_lang_ja() {
        let line = "error: invalid value 'xml' for '--format <FORMAT>' [possible values: table, csv] tip: a similar value exists: 'md' (hint: usage: ismap-gap report --checks <FILE>; see --help)";
        let ja = localized_usage_error(line, Lang::Ja);
        assert_eq!(
            ja,
            "エラー: '--format <FORMAT>' の値 'xml' は使えません [使える値: table, csv] ヒント: 似た値があります: 'md' (ヒント: 使い方: ismap-gap report --checks <FILE>。--help を参照)"
        );
        assert_eq!(localized_usage_error(line, Lang::En), line);
        let args: Vec<std::ffi::OsString> =
            ["ismap-gap", "--lang=ja", "x"].map(Into::into).to_vec();
        let env = Env {
            lc_all: None,
            lang: None,
            stdout_is_terminal: false,
            no_color: false,
            columns: None,
            terminal_width: None,
        };
        assert_eq!(early_lang(&args, &env), Lang::Ja);
        let args: Vec<std::ffi::OsString> = ["ismap-gap", "report"].map(Into::into).to_vec();
        assert_eq!(early_lang(&args, &env), Lang::En);
    }
}
