//! Excel workbooks (rust_xlsxwriter), print-ready, input text always written as text,
//! never as formulas (only the formulas of the user's own workbook, which `suggest` writes
//! back, stay formulas): the shared helpers (`common`), the gap sheet the gap report and the
//! comparison share (`gap_sheet`), the rows of a long gap sheet written as XML by us
//! (`sheet_xml`), and one module per workbook (`gap`, `readiness`, `compare`, `suggest`),
//! each depending only on those.
mod common;
mod compare;
mod gap;
mod gap_sheet;
mod readiness;
mod sheet_xml;
mod suggest;

pub use compare::{compare_sheet_names, csp_sheet_name, render_compare};
pub use gap::{removed_sheet_name, render_gap, sheet_names};
pub use readiness::{readiness_sheet_names, render_readiness};
pub use suggest::render_suggest;

/// Renders an xlsx (`render`) into a stream that cannot seek, through a buffer: a
/// command writing a file hands the file itself instead
/// ([`crate::output::Destination::write_seekable_with`]).
pub fn buffered(
    w: &mut dyn std::io::Write,
    render: impl FnOnce(&mut dyn crate::output::SeekWrite) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut buffer = std::io::Cursor::new(Vec::new());
    render(&mut buffer)?;
    w.write_all(buffer.get_ref())?;
    Ok(())
}
