//! What calamine does not check or give for workbooks that are zip files (.xlsx, .xlsm,
//! .xlsb, .ods): the unpacked size of each part, read from the zip directory before any
//! parsing (a 1 MB file may unpack to gigabytes), and the merged cells of an .ods sheet.
use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use crate::error::{InputError, Location};

/// Largest unpacked part of a workbook (a sheet, its shared text) accepted: a 100,000-row
/// check list's sheet unpacks to a few tens of MB.
pub const MAX_PART_BYTES: u64 = 100 * 1024 * 1024;

fn open(path: &Path) -> Option<zip::ZipArchive<BufReader<File>>> {
    let file = File::open(path).ok()?;
    zip::ZipArchive::new(BufReader::new(file)).ok()
}

/// Refuses a workbook a part of which unpacks to more than [`MAX_PART_BYTES`], by the sizes
/// its zip directory gives, before the workbook is parsed. A file that is not a zip (an
/// .xls, a damaged file) is left to the workbook reader.
pub fn check_unpacked_sizes(path: &Path) -> Result<(), InputError> {
    let Some(mut zip) = open(path) else {
        return Ok(());
    };
    check_archive(path, &mut zip)
}

fn check_archive<R: Read + Seek>(
    path: &Path,
    zip: &mut zip::ZipArchive<R>,
) -> Result<(), InputError> {
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index_raw(i) else {
            continue;
        };
        if entry.size() <= MAX_PART_BYTES {
            continue;
        }
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let what = if name.contains("worksheets/") || name == "content.xml" {
            "a sheet"
        } else if name.contains("sharedStrings") {
            "the workbook's shared text"
        } else {
            "a part"
        };
        return Err(InputError::at(
            Location::file(path),
            format!(
                "{what} of the workbook ({name}) unpacks to {} MB, over the {} MB limit; it is not read",
                entry.size() / 1_048_576,
                MAX_PART_BYTES / 1_048_576
            ),
        )
        .hint("a check list or control list of 100,000 rows unpacks to far less; the file may be damaged or made to exhaust memory: open it in a spreadsheet program, remove what is not needed and save it again"));
    }
    Ok(())
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| {
            quick_xml::escape::unescape(&a.value)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn count(e: &BytesStart, name: &str) -> u32 {
    attr(e, name)
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(1)
        .max(1)
}

/// The vertically merged cells of the sheet `sheet` of an .ods file: each cell that spans
/// more than one row, as (top row, column) to (bottom row, column), 0-based.
pub fn ods_merged(path: &Path, sheet: &str) -> Result<Vec<calamine::Dimensions>, String> {
    let mut zip = open(path).ok_or("not a zip file")?;
    let content = zip.by_name("content.xml").map_err(|e| e.to_string())?;
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(content));
    let mut buf = Vec::new();
    let (mut in_sheet, mut depth) = (false, 0usize);
    let (mut row, mut col, mut row_repeats) = (0u32, 0u32, 1u32);
    let mut merged = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| e.to_string())?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "table:table" if !in_sheet && attr(&e, "table:name").as_deref() == Some(sheet) => {
                    in_sheet = !empty;
                    depth = 0;
                }
                "table:table" if in_sheet => depth += usize::from(!empty),
                "table:table-row" if in_sheet && depth == 0 => {
                    row_repeats = count(&e, "table:number-rows-repeated");
                    col = 0;
                    if empty {
                        row = row.saturating_add(row_repeats);
                    }
                }
                "table:table-cell" | "table:covered-table-cell" if in_sheet && depth == 0 => {
                    let spanned = count(&e, "table:number-rows-spanned");
                    if spanned > 1 && e.name().as_ref() == "table:table-cell" {
                        merged.push(calamine::Dimensions::new(
                            (row, col),
                            (row.saturating_add(spanned - 1), col),
                        ));
                    }
                    col = col.saturating_add(count(&e, "table:number-columns-repeated"));
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                "table:table" if in_sheet && depth == 0 => break,
                "table:table" if in_sheet => depth -= 1,
                "table:table-row" if in_sheet && depth == 0 => {
                    row = row.saturating_add(row_repeats);
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(merged)
}
