//! ismap-gap: load the ISMAP control catalog (ISMAP管理基準), compare it with an
//! organisation's outsourcing check items and a CSP's published control list, and report
//! the gaps that need additional procedures.
pub mod analysis;
pub mod catalog;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod date;
pub mod error;
pub mod input;
pub mod lang;
pub mod messages;
pub mod model;
pub mod output;
mod parallel;
pub mod report;
pub mod text;

use anyhow::Result;

pub use error::Exit;

/// Runs a parsed command line: resolve the configuration, then the command. Meant to be
/// called once per process, as `main` does (see [`cmd::run`]).
pub fn run(cli: cli::Cli) -> Result<Exit> {
    let config = cli.resolve(&cli::Env::current())?;
    messages::set_lang(config.lang);
    cmd::run(config)
}
