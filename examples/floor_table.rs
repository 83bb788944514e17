//! The floor of a small terminal-table report (issue 20; see BENCHMARKS.md): a process
//! that prints the same bytes as the report and does nothing else — the table `ismap-gap`
//! printed, read from a file and written to stdout in one write (with the same allocator).
//!
//! ```sh
//! floor_table target/bench-data/out/report-300.table   # benches/run.sh times it against pandas
//! ```
use std::io::Write;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::io::Result<()> {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: floor_table FILE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path)?;
    let mut out = std::io::stdout().lock();
    out.write_all(&bytes)?;
    out.flush()
}
