//! Rendering results: one renderer per format, each writing to a `Write` it is given.
pub mod catalog;
pub mod compare;
pub mod csv;
pub mod diff;
pub mod gap;
pub mod grid;
pub mod markdown;
pub mod readiness;
pub mod suggest;
pub mod table;
pub mod xlsx;

use std::path::Path;

/// Where a row's cells are written, one after another: straight into a CSV row
/// ([`csv::Row`]) or into strings reused from row to row ([`CellStrings`], for a workbook).
pub trait Cells {
    /// Appends a cell whose text `write` appends to the string it is given.
    fn cell(&mut self, write: impl FnOnce(&mut String));

    /// Appends a cell of `text`.
    fn text(&mut self, text: &str) {
        self.cell(|c| c.push_str(text));
    }
}

/// A row's cells as strings, kept from row to row so that their memory is reused.
#[derive(Debug, Default)]
pub struct CellStrings {
    cells: Vec<String>,
    len: usize,
}

impl CellStrings {
    /// Starts a new row.
    pub fn clear(&mut self) {
        self.len = 0;
    }

    /// The row's cells.
    pub fn as_slice(&self) -> &[String] {
        &self.cells[..self.len]
    }
}

impl Cells for CellStrings {
    fn cell(&mut self, write: impl FnOnce(&mut String)) {
        if self.len == self.cells.len() {
            self.cells.push(String::new());
        }
        let cell = &mut self.cells[self.len];
        cell.clear();
        write(cell);
        self.len += 1;
    }
}

/// Every output format the tool writes (each command accepts a subset).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
    Yaml,
    Md,
    Xlsx,
}

impl Format {
    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Yaml => "yaml",
            Format::Md => "md",
            Format::Xlsx => "xlsx",
        }
    }

    /// The format an output file name implies.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        Some(match ext.as_str() {
            "csv" => Format::Csv,
            "json" => Format::Json,
            "yaml" | "yml" => Format::Yaml,
            "md" | "markdown" => Format::Md,
            "xlsx" => Format::Xlsx,
            "txt" => Format::Table,
            _ => return None,
        })
    }
}

/// Options every text renderer shares.
#[derive(Debug, Clone, Copy)]
pub struct TextStyle {
    /// Colour statuses (a terminal that wants it).
    pub color: bool,
    /// Terminal columns a table is drawn within.
    pub width: u16,
    /// CSV output encoding.
    pub csv_encoding: crate::input::Encoding,
    /// Indented JSON (for a person: a terminal, or `--pretty`), else compact.
    pub pretty_json: bool,
}

/// The gap report as `format`: the workbook from [`xlsx`], every text format from [`gap`].
pub fn render_gap(
    report: &crate::analysis::GapReport,
    format: Format,
    style: TextStyle,
    w: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    match format {
        Format::Xlsx => xlsx::buffered(w, |w| xlsx::render_gap(report, w)),
        _ => gap::render(report, format, style, w),
    }
}

/// The readiness report as `format` (the workbook from [`xlsx`]).
pub fn render_readiness(
    report: &crate::analysis::readiness::ReadinessReport,
    format: Format,
    style: TextStyle,
    w: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    match format {
        Format::Xlsx => xlsx::buffered(w, |w| xlsx::render_readiness(report, w)),
        _ => readiness::render(report, format, style, w),
    }
}

/// The comparison as `format` (the workbook from [`xlsx`]).
pub fn render_compare(
    report: &crate::analysis::compare::CompareReport,
    format: Format,
    style: TextStyle,
    w: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    match format {
        Format::Xlsx => xlsx::buffered(w, |w| xlsx::render_compare(report, w)),
        _ => compare::render(report, format, style, w),
    }
}

/// A grid as a terminal table, CSV or Markdown (every other format draws a table).
pub fn render_grid(
    grid: &grid::Grid,
    format: Format,
    style: TextStyle,
    w: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    match format {
        Format::Csv => csv::render(grid, style.csv_encoding, w),
        Format::Md => markdown::render(grid, w),
        _ => table::render(grid, style.color, style.width, w),
    }
}

/// JSON with a final newline: indented when `style` says so (a terminal, `--pretty`),
/// else compact: the same values in two thirds of the bytes (a 100,000-item report: 112
/// instead of 167 MB), written in about two thirds of the time. serde_json writes many small pieces: a buffer of its own takes
/// them without a call through `w`'s vtable each (17 % fewer instructions for a
/// 10,000-item report).
pub fn write_json<T: serde::Serialize>(
    w: &mut dyn std::io::Write,
    value: &T,
    style: TextStyle,
) -> anyhow::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, w);
    if style.pretty_json {
        serde_json::to_writer_pretty(&mut out, value)?;
    } else {
        serde_json::to_writer(&mut out, value)?;
    }
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

/// YAML.
pub fn write_yaml<T: serde::Serialize>(
    w: &mut dyn std::io::Write,
    value: &T,
) -> anyhow::Result<()> {
    serde_yaml::to_writer(&mut *w, value)?;
    Ok(())
}

/// The decimal digits of `n`, written at the end of `digits` (without the `fmt`
/// machinery: the CSV and workbook writers write a number on every row).
pub(crate) fn decimal(mut n: u64, digits: &mut [u8; 20]) -> &[u8] {
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &digits[i..]
}

/// Whether any of `bytes` is `special`: looked at 16 bytes at a time, the last block
/// overlapping the one before (or, for fewer than 16 bytes, padded with copies of the
/// first), without stopping inside a block, so that the compiler turns each block into a
/// few vector instructions. For the scan that runs on every cell of a workbook (xlsx
/// escaping; CSV quoting has its own, `csv::needs_quotes`).
#[inline]
pub(crate) fn any_byte(bytes: &[u8], special: impl Fn(u8) -> bool + Copy) -> bool {
    #[inline(always)]
    fn any_special(block: &[u8; 16], special: impl Fn(u8) -> bool) -> bool {
        let mut hit = 0u8;
        for &b in block {
            hit |= u8::from(special(b));
        }
        hit != 0
    }
    let mut blocks = bytes.chunks_exact(16);
    for block in &mut blocks {
        if block.try_into().is_ok_and(|b| any_special(b, special)) {
            return true;
        }
    }
    let rest = blocks.remainder();
    let Some(&first) = rest.first() else {
        return false;
    };
    let mut last = [first; 16];
    if bytes.len() >= 16 {
        last.copy_from_slice(&bytes[bytes.len() - 16..]);
    } else {
        last[..rest.len()].copy_from_slice(rest);
    }
    any_special(&last, special)
}

#[cfg(test)]
mod decimal_tests {
    /// [`super::decimal`] writes what `Display` writes, at the ends of the range too.
    #[test]
    fn decimal_writes_what_display_writes() {
        let mut n = 1u64;
        let mut cases = vec![0, 9, 10, 99, 100, 65_535, u64::MAX - 1, u64::MAX];
        while let Some(next) = n.checked_mul(7) {
            cases.extend([n - 1, n, n + 1]);
            n = next;
        }
        for n in cases {
            assert_eq!(
                super::decimal(n, &mut [0; 20]),
                n.to_string().as_bytes(),
                "{n}"
            );
        }
    }
}

#[cfg(test)]
mod any_byte_tests {
    #[test]
    fn any_byte_finds_a_special_byte_wherever_it_is() {
        let special = |b: u8| b == b'&' || b < 0x20;
        for len in 0..50 {
            let plain = vec![b'a'; len];
            assert!(!super::any_byte(&plain, special), "{len}");
            for at in 0..len {
                for hit in [b'&', 0, 0x1f] {
                    let mut bytes = plain.clone();
                    bytes[at] = hit;
                    assert!(super::any_byte(&bytes, special), "{len} {at} {hit}");
                }
            }
        }
        // padding a short text never finds what it does not hold
        assert!(!super::any_byte("確認".as_bytes(), special));
    }
}
