//! The subcommands: each file wires input, analysis and report together for one command.
pub mod catalog;
pub mod compare;
pub mod diff;
pub mod readiness;
pub mod report;

use anyhow::Result;

use crate::catalog::Catalog;
use crate::config::{CatalogSource, Command, Config};
use crate::error::Exit;
use crate::input::Encoding;
use crate::lang::Lang;
use crate::report::TextStyle;

/// What every command shares: the catalog to use, the language, colour.
#[derive(Debug, Clone)]
pub struct Context {
    pub catalog: CatalogSource,
    pub lang: Lang,
    pub color: bool,
}

impl Context {
    /// Loads the active catalog: `--catalog FILE` or the embedded one.
    pub fn catalog(&self) -> Result<Catalog> {
        load_catalog(&self.catalog)
    }

    pub fn style(&self, csv_encoding: Encoding) -> TextStyle {
        TextStyle {
            color: self.color,
            csv_encoding,
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

/// Runs the configured command.
pub fn run(config: Config) -> Result<Exit> {
    let ctx = Context {
        catalog: config.catalog,
        lang: config.lang,
        color: config.color,
    };
    match config.command {
        Command::Report(r) => report::run(&ctx, r),
        Command::Readiness(r) => readiness::run(&ctx, r),
        Command::Diff(d) => diff::run(&ctx, d),
        Command::Compare(c) => compare::run(&ctx, c),
        Command::Catalog(c) => catalog::run(&ctx, c),
    }
}
