//! The `ismap-gap` binary: parse the command line, run, report errors, exit.
use std::process::ExitCode;

use ismap_gap::{cli, error, messages, run};

/// mimalloc: a report allocates many small, short-lived strings, and glibc's allocator
/// spent about as much time as the work itself on them (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

// mimalloc's own setter (in the library the `mimalloc` crate links), and the index of its
// option `arena_purge_mult` in `mi_option_e` (mimalloc.h of the v2 sources it builds)
extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}
const MI_OPTION_ARENA_PURGE_MULT: std::ffi::c_int = 24;

/// mimalloc gives memory freed to its arena back to the system after its purge delay
/// (10 ms) times `arena_purge_mult` (10): 100 ms, about a phase of a large report, so
/// that a list freed after one phase (the decoded check list, the items once analysed) was
/// still resident while the next one allocated its own, and the peak depended on thread
/// timing (100,000 items → CSV: 93–104 MB run to run). At 1 (10 ms) the peak is stable
/// (92–93 MB) at the same page faults; purging at once (`purge_delay` 0) faulted ten times
/// as often writing a workbook (BENCHMARKS.md, issue 20). `MIMALLOC_ARENA_PURGE_MULT`
/// still decides when set.
fn allocator_options() {
    if std::env::var_os("MIMALLOC_ARENA_PURGE_MULT").is_none() {
        // SAFETY: mimalloc's documented C API, given an option index of its enum and a
        // value in range; options may be set at any time
        unsafe { mi_option_set(MI_OPTION_ARENA_PURGE_MULT, 1) };
    }
}

fn main() -> ExitCode {
    allocator_options();
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

#[cfg(test)]
mod tests {
    extern "C" {
        fn mi_option_get(option: std::ffi::c_int) -> std::ffi::c_long;
    }

    /// The index names `arena_purge_mult`: its default (10) between `arena_reserve` (1 GiB,
    /// in KiB) and `purge_extend_delay` (1), as mimalloc.h orders them.
    #[test]
    fn the_option_index_is_arena_purge_mult() {
        // SAFETY: reads of mimalloc's options by index
        let get = |i| unsafe { mi_option_get(i) };
        let i = super::MI_OPTION_ARENA_PURGE_MULT;
        assert_eq!(get(i - 1), 1 << 20);
        assert_eq!(get(i + 1), 1);
        if std::env::var_os("MIMALLOC_ARENA_PURGE_MULT").is_none() {
            assert_eq!(get(i), 10);
        }
    }
}
