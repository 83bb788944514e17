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

/// Excel's limit on a cell's text, in UTF-16 units.
const MAX_CELL_UTF16: usize = 32_767;

/// A CSV cell's text as the workbook holds it: not neutralised as a formula (the CSV's
/// leading `'`), cut to what a cell holds, ending with `…`.
pub fn csv_cell_in_xlsx(s: &str) -> String {
    let s = match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => s,
    };
    if s.encode_utf16().count() <= MAX_CELL_UTF16 {
        return s.to_owned();
    }
    let mut units = 0;
    let mut out = String::new();
    for c in s.chars() {
        units += c.len_utf16();
        if units > MAX_CELL_UTF16 - 1 {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
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

/// The value of `name="…"` in an XML tag's text.
pub fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// The opening tags `<name …>` (or `<name …/>`) of an XML text, in order.
pub fn tags<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name} ");
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find(&open) {
        let tag = &rest[i..];
        let end = tag.find('>').unwrap();
        out.push(&tag[..=end]);
        rest = &tag[end..];
    }
    out
}

/// The text between `<name …>` and `</name>`.
fn section<'a>(xml: &'a str, name: &str) -> &'a str {
    let start = xml.find(&format!("<{name} ")).unwrap();
    let end = start + xml[start..].find(&format!("</{name}>")).unwrap();
    &xml[start..end]
}

/// How a cell style (an entry of `cellXfs` in styles.xml) looks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellLook {
    /// The fill's colour ("FFC6EFCE"), if it has one.
    pub fill: Option<String>,
    /// Thin lines on all four sides.
    pub boxed: bool,
    pub bold: bool,
    pub wrap: bool,
    pub top: bool,
}

/// For each cell style (index into `cellXfs`), how it looks.
pub fn cell_looks(styles_xml: &str) -> Vec<CellLook> {
    let fills: Vec<Option<String>> = section(styles_xml, "fills")
        .split("<fill>")
        .skip(1)
        .map(|f| {
            tags(f, "fgColor")
                .first()
                .and_then(|t| attr(t, "rgb"))
                .map(str::to_owned)
        })
        .collect();
    let bold: Vec<bool> = section(styles_xml, "fonts")
        .split("<font>")
        .skip(1)
        .map(|f| f.contains("<b/>"))
        .collect();
    let boxed: Vec<bool> = section(styles_xml, "borders")
        .split("<border>")
        .skip(1)
        .map(|b| {
            ["left", "right", "top", "bottom"]
                .iter()
                .all(|side| b.contains(&format!("<{side} style=\"thin\">")))
        })
        .collect();
    // each `<xf …>` with what follows it up to the next: its alignment, if any
    section(styles_xml, "cellXfs")
        .split("<xf ")
        .skip(1)
        .map(|xf| {
            let tag = format!("<xf {xf}");
            let id = |name: &str| -> usize { attr(&tag, name).unwrap().parse().unwrap() };
            let alignment = tags(xf, "alignment").first().copied().unwrap_or("");
            CellLook {
                fill: fills[id("fillId")].clone(),
                boxed: boxed[id("borderId")],
                bold: bold[id("fontId")],
                wrap: attr(alignment, "wrapText") == Some("1"),
                top: attr(alignment, "vertical") == Some("top"),
            }
        })
        .collect()
}

/// For each cell style (index into `cellXfs`), the fill's colour, if it has one.
pub fn style_fills(styles_xml: &str) -> Vec<Option<String>> {
    cell_looks(styles_xml).into_iter().map(|l| l.fill).collect()
}

/// The style index of each cell of a sheet, by reference ("C2").
pub fn cell_styles(sheet_xml: &str) -> HashMap<String, usize> {
    tags(sheet_xml, "c")
        .iter()
        .map(|c| {
            let style = attr(c, "s").map_or(0, |s| s.parse().unwrap());
            (attr(c, "r").unwrap().to_owned(), style)
        })
        .collect()
}

/// The style of each column that has one (`<col min max style>`), by column (from 0).
pub fn column_styles(sheet_xml: &str) -> HashMap<usize, usize> {
    let mut out = HashMap::new();
    for col in tags(sheet_xml, "col") {
        let Some(style) = attr(col, "style") else {
            continue;
        };
        let number = |name| attr(col, name).unwrap().parse::<usize>().unwrap();
        for c in number("min")..=number("max") {
            out.insert(c - 1, style.parse().unwrap());
        }
    }
    out
}

/// "C2" for row 1, column 2 (both from 0).
pub fn cell_ref(row: usize, col: usize) -> String {
    let mut letters = String::new();
    let mut c = col + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.insert(0, (b'A' + rem as u8) as char);
        c = (c - 1) / 26;
    }
    format!("{letters}{}", row + 1)
}

/// Asserts that every worksheet of the workbook lists its rows once each, top to bottom:
/// a row written twice (rust_xlsxwriter's constant-memory mode did it to a last row with
/// a height of its own) makes Excel offer to repair the file.
pub fn assert_rows_once_in_order(path: &Path) {
    for (name, xml) in zip_entries(path) {
        if !name.starts_with("xl/worksheets/sheet") {
            continue;
        }
        let rows: Vec<u64> = tags(&xml, "row")
            .iter()
            .map(|t| attr(t, "r").and_then(|r| r.parse().ok()).unwrap())
            .collect();
        assert!(
            rows.windows(2).all(|w| w[0] < w[1]),
            "{}: {name}: rows out of order or repeated: {rows:?}",
            path.display()
        );
    }
}

/// Adds a threaded comment (Excel 365's コメント, `xl/threadedComments/`) with its replies on
/// `cell` of the `sheet`-th sheet (from 1) of the workbook at `path`, as Excel links it:
/// a relationship of the sheet's part. Excel also writes a note for older versions, which
/// the caller writes (with rust_xlsxwriter) when it wants the pair.
pub fn add_threaded_comment(path: &Path, sheet: usize, cell: &str, texts: &[&str]) {
    use std::io::Write;
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        parts.push((name, bytes));
    }
    let rels_name = format!("xl/worksheets/_rels/sheet{sheet}.xml.rels");
    let rel = format!(
        r#"<Relationship Id="rIdT1" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment{sheet}.xml"/>"#
    );
    match parts.iter_mut().find(|(n, _)| *n == rels_name) {
        Some((_, bytes)) => {
            let text = String::from_utf8(bytes.clone()).unwrap();
            *bytes = text
                .replace("</Relationships>", &format!("{rel}</Relationships>"))
                .into_bytes();
        }
        None => parts.push((
            rels_name,
            format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rel}</Relationships>"#).into_bytes(),
        )),
    }
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    );
    for (i, t) in texts.iter().enumerate() {
        let parent = if i == 0 {
            String::new()
        } else {
            r#" parentId="{00000000-0000-0000-0000-000000000001}""#.to_owned()
        };
        let t = t.replace('&', "&amp;").replace('<', "&lt;");
        xml.push_str(&format!(
            r#"<threadedComment ref="{cell}" dT="2026-04-01T09:00:00.00" personId="{{00000000-0000-0000-0000-00000000000A}}" id="{{00000000-0000-0000-0000-00000000000{}}}"{parent}><text>{t}</text></threadedComment>"#,
            i + 1
        ));
    }
    xml.push_str("</ThreadedComments>");
    parts.push((
        format!("xl/threadedComments/threadedComment{sheet}.xml"),
        xml.into_bytes(),
    ));
    let out = std::fs::File::create(path).unwrap();
    let mut w = zip::ZipWriter::new(out);
    for (name, bytes) in parts {
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(&bytes).unwrap();
    }
    w.finish().unwrap();
}

/// Writes a one-sheet .ods (`rows`: the sheet's `<table:table-row>` elements) as LibreOffice
/// does, in the parts calamine reads.
pub fn ods(path: &Path, sheet: &str, rows: &str) {
    use std::io::Write;
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#).unwrap();
    zip.start_file("content.xml", stored).unwrap();
    write!(
        zip,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="{sheet}">{rows}</table:table></office:spreadsheet></office:body>
</office:document-content>"#
    )
    .unwrap();
    zip.finish().unwrap();
}

pub fn ods_cell(text: &str) -> String {
    format!(
        r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
    )
}
