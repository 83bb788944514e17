//! The `ismap-gap` binary: parse the command line, run, report errors, exit.
use std::process::ExitCode;

use clap::Parser;
use ismap_gap::{cli::Cli, error, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(status) => status.into(),
        Err(err) if error::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{}", error::render(&err));
            error::Exit::Input.into()
        }
    }
}
