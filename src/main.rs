//! The `ismap-gap` binary: parse the command line, run, report errors, exit.
use std::process::ExitCode;

use ismap_gap::{cli, error, messages, run};

/// mimalloc: a report allocates many small, short-lived strings, and glibc's allocator
/// spent about as much time as the work itself on them (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(usage) => return usage,
    };
    // errors before the configuration is resolved (a bad --as-of) are in its language too
    messages::set_lang(cli.stderr_lang(&cli::Env::current()));
    match run(cli) {
        Ok(status) => status.into(),
        Err(err) if error::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{}", messages::error_line(&err, messages::lang()));
            error::Exit::Input.into()
        }
    }
}
