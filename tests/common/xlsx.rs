//! Reading workbooks back in tests: sheets through calamine, raw XML through the zip.
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use calamine::{open_workbook_auto, Data, Range, Reader};

/// Sheet names and their cell ranges, in workbook order.
pub fn sheets(path: &Path) -> (Vec<String>, Vec<Range<Data>>) {
    let mut wb = open_workbook_auto(path).unwrap();
    let names = wb.sheet_names();
    let ranges = names
        .iter()
        .map(|n| wb.worksheet_range(n).unwrap())
        .collect();
    (names, ranges)
}

/// The text of a cell (empty when absent).
pub fn text(range: &Range<Data>, row: usize, col: usize) -> String {
    range
        .get((row, col))
        .map(ToString::to_string)
        .unwrap_or_default()
}

/// Every cell of a row as text, across the range's width.
pub fn row_texts(range: &Range<Data>, row: usize) -> Vec<String> {
    (0..range.width()).map(|c| text(range, row, c)).collect()
}

/// Every text file of the xlsx archive, by name.
pub fn zip_entries(path: &Path) -> HashMap<String, String> {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut out = HashMap::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut s = String::new();
        if entry.read_to_string(&mut s).is_ok() {
            out.insert(name, s);
        }
    }
    out
}
