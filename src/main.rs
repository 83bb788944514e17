//! The `ismap-gap` binary: parse the command line, run, report errors, exit.
use std::process::ExitCode;

use ismap_gap::{cli, error, run};

/// mimalloc: a report allocates many small, short-lived strings, and glibc's allocator
/// spent about as much time as the work itself on them (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(usage) => return usage,
    };
    match run(cli) {
        Ok(status) => status.into(),
        Err(err) if error::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{}", error::render(&err));
            error::Exit::Input.into()
        }
    }
}
