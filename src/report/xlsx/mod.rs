//! Excel workbooks (rust_xlsxwriter), print-ready, input text always written as text,
//! never as formulas (only the formulas of the user's own workbook, which `suggest` writes
//! back, stay formulas): the shared helpers (`common`), the gap sheet the gap report and the
//! comparison share (`gap_sheet`), and one module per workbook (`gap`, `readiness`,
//! `compare`, `suggest`), each depending only on those.
mod common;
mod compare;
mod gap;
mod gap_sheet;
mod readiness;
mod suggest;

pub use compare::{compare_sheet_names, csp_sheet_name, render_compare};
pub use gap::{removed_sheet_name, render_gap, sheet_names};
pub use readiness::{readiness_sheet_names, render_readiness};
pub use suggest::render_suggest;
