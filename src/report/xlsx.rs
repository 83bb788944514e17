//! Excel workbooks (rust_xlsxwriter): input text always written as text, never as formulas.
use std::io::Write;

use crate::analysis::GapReport;

/// The gap report workbook: summary, gap sheet, objectives sheet.
pub fn render_gap(_report: &GapReport, _w: &mut dyn Write) -> anyhow::Result<()> {
    anyhow::bail!("xlsx output is not built yet")
}
