//! The rows of a long ("constant memory") sheet written as XML by us, in the very XML
//! rust_xlsxwriter writes for them, and spliced into the workbook it saved: its per-cell
//! path (a format hashed, the text copied twice, escaped in two passes, `write!`) was half
//! of a 100,000-item report's time (BENCHMARKS.md). Everything else of the workbook, the
//! sheet's header row, columns, panes, filter, validations and print setup included,
//! stays the library's; the style indices the rows name are the ones it gave the same
//! formats (read back from a probe row, see [`probe_styles`]).
use std::io::{Cursor, Read, Write};

use anyhow::{bail, Context};
use rust_xlsxwriter::{ColNum, Format, RowNum, Workbook, Worksheet};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime};

use crate::output::SeekWrite;
use crate::report::xlsx::common::{col_num, ZIP_LEVEL};

/// A sheet of the workbook whose rows `first_row..=last_row` are written by us.
#[derive(Debug, Clone, Copy)]
pub struct Deferred {
    /// The sheet's number in the workbook, from 1 (`xl/worksheets/sheet{n}.xml`).
    pub sheet: usize,
    /// The first row written by us, where [`probe_styles`] wrote its probe.
    pub first_row: RowNum,
    /// The last row and column of the sheet once its rows are written.
    pub last_row: RowNum,
    pub last_col: ColNum,
}

/// Writes, on `row` of a constant-memory `sheet`, one blank cell in each of `formats`: the
/// library registers each format as the rows written through it would have (in this
/// order, so the workbook's styles come out the same), and the probe row's cells name the
/// style index of each. The probe row is replaced by ours when the workbook is saved
/// ([`save_with_rows`]); [`SheetRows::style`] gives the indices.
pub fn probe_styles(sheet: &mut Worksheet, row: RowNum, formats: &[&Format]) -> anyhow::Result<()> {
    for (c, format) in formats.iter().enumerate() {
        sheet.write_blank(row, col_num(c)?, format)?;
    }
    Ok(())
}

/// Where the rows of a deferred sheet go: cells written as rust_xlsxwriter writes them in a
/// constant-memory sheet (inline strings, the style index of each cell, no row options),
/// row by row, left to right.
pub struct SheetRows<'w> {
    /// Where each chunk of the XML goes, in order.
    out: &'w mut dyn FnMut(Vec<u8>) -> std::io::Result<()>,
    buf: Vec<u8>,
    styles: Vec<u32>,
    /// Column names (`A`, `B`, … `AA`), as far as used.
    names: Vec<String>,
    row: Vec<u8>,
}

/// Bytes gathered before they go to the zip entry.
const CHUNK: usize = 1 << 16;

impl<'w> SheetRows<'w> {
    fn new(
        out: &'w mut dyn FnMut(Vec<u8>) -> std::io::Result<()>,
        styles: Vec<u32>,
    ) -> SheetRows<'w> {
        SheetRows {
            out,
            buf: Vec::with_capacity(CHUNK + 4096),
            styles,
            names: Vec::new(),
            row: Vec::new(),
        }
    }

    /// The style index of the probe's `k`th format ([`probe_styles`]).
    pub fn style(&self, k: usize) -> Option<u32> {
        self.styles.get(k).copied()
    }

    /// Starts row `row` (from 0); the previous one must be ended.
    pub fn start_row(&mut self, row: RowNum) {
        self.row.clear();
        push_decimal(&mut self.row, u64::from(row) + 1);
        self.buf.extend_from_slice(b"<row r=\"");
        self.buf.extend_from_slice(&self.row);
        self.buf.extend_from_slice(b"\">");
    }

    /// Ends the row (and hands what has gathered to the zip).
    pub fn end_row(&mut self) -> anyhow::Result<()> {
        self.buf.extend_from_slice(b"</row>");
        if self.buf.len() >= CHUNK {
            self.flush()?;
        }
        Ok(())
    }

    /// `<c r="B7" s="3"`: a cell's reference and style.
    fn open_cell(&mut self, col: ColNum, style: u32) {
        let c = usize::from(col);
        while self.names.len() <= c {
            let next = u16::try_from(self.names.len()).unwrap_or(ColNum::MAX);
            self.names
                .push(rust_xlsxwriter::utility::column_number_to_name(next));
        }
        self.buf.extend_from_slice(b"<c r=\"");
        self.buf.extend_from_slice(self.names[c].as_bytes());
        self.buf.extend_from_slice(&self.row);
        if style > 0 {
            self.buf.extend_from_slice(b"\" s=\"");
            push_decimal(&mut self.buf, u64::from(style));
        }
        self.buf.push(b'"');
    }

    /// A text cell (nothing for empty text without a style, a blank cell with one, as the
    /// library does).
    pub fn text(&mut self, col: ColNum, text: &str, style: u32) {
        if text.is_empty() {
            self.blank(col, style);
            return;
        }
        self.open_cell(col, style);
        self.buf.extend_from_slice(b" t=\"inlineStr\"><is><t");
        let ends = [b'\t', b'\n', b' '];
        let bytes = text.as_bytes();
        if bytes.first().is_some_and(|b| ends.contains(b))
            || bytes.last().is_some_and(|b| ends.contains(b))
        {
            self.buf.extend_from_slice(b" xml:space=\"preserve\"");
        }
        self.buf.push(b'>');
        push_escaped(&mut self.buf, text);
        self.buf.extend_from_slice(b"</t></is></c>");
    }

    /// A blank cell in `style` (none without one).
    pub fn blank(&mut self, col: ColNum, style: u32) {
        if style > 0 {
            self.open_cell(col, style);
            self.buf.extend_from_slice(b"/>");
        }
    }

    /// A whole number.
    pub fn number(&mut self, col: ColNum, n: u64, style: u32) {
        self.open_cell(col, style);
        self.buf.extend_from_slice(b"><v>");
        push_decimal(&mut self.buf, n);
        self.buf.extend_from_slice(b"</v></c>");
    }

    /// Hands what has gathered over (the buffer itself, not a copy).
    fn flush(&mut self) -> anyhow::Result<()> {
        let full = std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK + 4096));
        (self.out)(full)?;
        Ok(())
    }
}

fn push_decimal(out: &mut Vec<u8>, n: u64) {
    out.extend_from_slice(crate::report::decimal(n, &mut [0; 20]));
}

/// Bytes after which text may need escaping: `&`, `<`, `>`, a control character other
/// than tab and newline, `_` (of `_xHHHH_`) and the first byte of U+FFFE and U+FFFF.
#[inline(always)]
fn may_escape(b: u8) -> bool {
    // `|` and `&`, not `||` and `&&`: no branches, so that a block is a few vector
    // instructions (crate::report::any_byte)
    (b == b'&')
        | (b == b'<')
        | (b == b'>')
        | (b == b'_')
        | (b == 0xEF)
        | ((b < 0x20) & (b != b'\t') & (b != b'\n'))
}

/// Cell text escaped as rust_xlsxwriter escapes it: a literal `_xHHHH_` gets its
/// underscore escaped (`_x005F_xHHHH_`), then `&`, `<` and `>` are entities and control
/// characters (and U+FFFE, U+FFFF) are written `_xHHHH_`, as Excel writes them.
fn push_escaped(out: &mut Vec<u8>, text: &str) {
    if !crate::report::any_byte(text.as_bytes(), may_escape) {
        out.extend_from_slice(text.as_bytes());
        return;
    }
    let text = escape_underscores(text);
    let mut utf8 = [0u8; 4];
    for ch in text.chars() {
        match ch {
            '&' => out.extend_from_slice(b"&amp;"),
            '<' => out.extend_from_slice(b"&lt;"),
            '>' => out.extend_from_slice(b"&gt;"),
            '\t' | '\n' => out.push(ch as u8),
            '\0'..='\x1F' | '\u{FFFE}' | '\u{FFFF}' => {
                out.extend_from_slice(format!("_x{:04X}_", u32::from(ch)).as_bytes());
            }
            _ => out.extend_from_slice(ch.encode_utf8(&mut utf8).as_bytes()),
        }
    }
}

/// `_xHHHH_` in the text becomes `_x005F_xHHHH_` (the library's `escape_xml_escapes`).
fn escape_underscores(text: &str) -> std::borrow::Cow<'_, str> {
    const LEN: usize = "_xHHHH_".len();
    if !text.contains("_x") {
        return text.into();
    }
    let mut escaped = text.to_owned();
    // from the right, so that each insertion leaves the earlier indices in place
    for (i, _) in text.rmatch_indices("_x") {
        let is_escape = i + LEN <= text.len()
            && text.is_char_boundary(i + LEN - 1)
            && text[i + LEN - 1..].starts_with('_')
            && text[i + 2..i + LEN - 1]
                .chars()
                .all(|c| c.is_ascii_hexdigit());
        if is_escape {
            escaped.replace_range(i..i, "_x005F");
        }
    }
    escaped.into()
}

/// Saves `workbook` into `w` as the library would, but for the sheets in `deferred`, whose
/// probe row gives way to the rows `rows` writes (called with the index into `deferred`)
/// and whose dimension is made to reach their last row. Every part is deflated again
/// with the library's options, so the file is the one it would have written with the
/// same cells.
pub fn save_with_rows(
    workbook: &mut Workbook,
    deferred: &[Deferred],
    mut rows: impl FnMut(usize, &mut SheetRows) -> anyhow::Result<()>,
    w: &mut dyn SeekWrite,
) -> anyhow::Result<()> {
    let saved = workbook.save_to_buffer()?;
    let mut archive = zip::ZipArchive::new(Cursor::new(saved))?;
    let deflated = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(i64::from(ZIP_LEVEL)))
        .unix_permissions(0o600)
        .last_modified_time(DateTime::default());
    let stored = deflated
        .compression_method(CompressionMethod::Stored)
        .compression_level(None);
    let mut zip = zip::ZipWriter::new_stream(w);
    for i in 0..archive.len() {
        let mut part = archive.by_index(i)?;
        let options = if part.compression() == CompressionMethod::Stored {
            stored
        } else {
            deflated
        };
        let name = part.name()?.into_owned();
        zip.start_file(name.as_str(), options)?;
        match deferred
            .iter()
            .position(|d| name == format!("xl/worksheets/sheet{}.xml", d.sheet))
        {
            None => {
                std::io::copy(&mut part, &mut zip)?;
            }
            Some(k) => {
                let mut xml = String::new();
                part.read_to_string(&mut xml)?;
                let sheet = Spliced::new(&xml, deferred[k]).with_context(|| {
                    format!(
                        "{}: not as rust_xlsxwriter writes a sheet: its rows cannot be added",
                        name
                    )
                })?;
                zip.write_all(sheet.head.as_bytes())?;
                deflating_aside(&mut zip, |sink| {
                    let mut out = SheetRows::new(sink, sheet.styles);
                    rows(k, &mut out)?;
                    out.flush()
                })?;
                zip.write_all(sheet.tail.as_bytes())?;
            }
        }
    }
    zip.finish()?;
    Ok(())
}

/// Runs `write` on this thread with a sink whose chunks go into `zip` on a second one: a
/// long sheet's rows take about as long to write as to deflate (BENCHMARKS.md). The chunks
/// arrive in order, as they would have on one thread.
fn deflating_aside<Z: Write + Send>(
    zip: &mut Z,
    write: impl FnOnce(&mut dyn FnMut(Vec<u8>) -> std::io::Result<()>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let (sender, chunks) = std::sync::mpsc::sync_channel::<Vec<u8>>(4);
    std::thread::scope(|s| {
        let deflater = s.spawn(move || -> std::io::Result<()> {
            for chunk in chunks {
                zip.write_all(&chunk)?;
            }
            Ok(())
        });
        let written = write(&mut move |chunk| {
            sender
                .send(chunk)
                .map_err(|_| std::io::ErrorKind::BrokenPipe.into())
        });
        // the sink is gone with `write`, which ends the deflater's loop
        match deflater.join() {
            // the zip's own error (a full disk) explains the sink's broken pipe
            Ok(deflated) => deflated.map_err(anyhow::Error::from).and(written),
            Err(_) => bail!("the thread deflating the sheet stopped"),
        }
    })
}

/// A deferred sheet's XML as the library wrote it, cut where its probe row was.
struct Spliced<'a> {
    /// Up to the probe row, the dimension made to reach the last row.
    head: String,
    /// The style index of each of the probe's cells.
    styles: Vec<u32>,
    /// From the end of `<sheetData>` on.
    tail: &'a str,
}

impl<'a> Spliced<'a> {
    fn new(xml: &'a str, d: Deferred) -> Option<Spliced<'a>> {
        let start = xml.find(&format!("<row r=\"{}\"", u64::from(d.first_row) + 1))?;
        let end = xml[start..].find("</row>")? + start;
        let tail = &xml[end + "</row>".len()..];
        if !tail.starts_with("</sheetData>") {
            return None;
        }
        let styles = xml[start..end]
            .split(" s=\"")
            .skip(1)
            .map(|s| s.split('"').next().and_then(|n| n.parse().ok()))
            .collect::<Option<Vec<u32>>>()?;

        // the dimension (`A1:T2`) reaches the last row, as it would with every row written
        let head = &xml[..start];
        let open = "<dimension ref=\"";
        let at = head.find(open)? + open.len();
        let len = head[at..].find('"')?;
        let range = &head[at..at + len];
        let first = range.split(':').next().unwrap_or(range);
        let range = format!(
            "{first}:{}{}",
            rust_xlsxwriter::utility::column_number_to_name(d.last_col),
            u64::from(d.last_row) + 1
        );
        let head = format!("{}{range}{}", &head[..at], &head[at + len..]);
        Some(Spliced { head, styles, tail })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts escaping must get right, each in a cell of its own.
    const TEXTS: &[&str] = &[
        "plain",
        "確認項目 9.4.1（全角）、ＡＢＣ",
        "a & b < c > d \"q\" 'a'",
        " leading space",
        "trailing newline\n",
        "\ttab",
        "two\nlines",
        "ctrl \u{1} \u{8} \u{b} \u{1f} \r end",
        "_x0041_ literal escape, _x00e9_ and _xZZZZ_ and _x123_",
        "end _x",
        "確_x0041_確_x004",
        "nonchar \u{FFFE}\u{FFFF}",
        "emoji 😀",
        "=1+1",
    ];

    /// A constant-memory workbook with TEXTS down column B (style `fmt`), numbers in C, a
    /// blank in D, rows 2..; the header on row 1.
    fn library_sheet(fmt: &Format, fill: &Format) -> Vec<u8> {
        let mut workbook = Workbook::new();
        workbook.set_zip_compression_level(ZIP_LEVEL);
        let sheet = workbook.add_worksheet_with_constant_memory().unwrap();
        sheet.write_string(0, 0, "header").unwrap();
        sheet.set_column_format(1, fmt).unwrap();
        for (r, text) in TEXTS.iter().enumerate() {
            let r = r as RowNum + 1;
            sheet.write_string(r, 0, format!("id{r}")).unwrap();
            sheet.write_string(r, 1, *text).unwrap();
            sheet.write_number(r, 2, f64::from(r) * 1000.0).unwrap();
            sheet.write_string_with_format(r, 3, "", fill).unwrap();
            sheet.write_string_with_format(r, 30, "far", fill).unwrap();
        }
        workbook.save_to_buffer().unwrap()
    }

    /// Every part of the workbook, unpacked, in order.
    fn parts(xlsx: &[u8]) -> Vec<(String, Vec<u8>)> {
        let mut archive = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
        (0..archive.len())
            .map(|i| {
                let mut part = archive.by_index(i).unwrap();
                let mut bytes = Vec::new();
                part.read_to_end(&mut bytes).unwrap();
                (part.name().unwrap().into_owned(), bytes)
            })
            .collect()
    }

    fn sheet1(xlsx: &[u8]) -> String {
        let parts = parts(xlsx);
        let (_, xml) = parts
            .iter()
            .find(|(name, _)| name == "xl/worksheets/sheet1.xml")
            .unwrap();
        String::from_utf8(xml.clone()).unwrap()
    }

    #[test]
    fn rows_are_written_as_the_library_writes_them() {
        let fmt = Format::new().set_text_wrap();
        let fill = Format::new().set_background_color(rust_xlsxwriter::Color::RGB(0xC6EFCE));
        let expected = library_sheet(&fmt, &fill);

        let mut workbook = Workbook::new();
        workbook.set_zip_compression_level(ZIP_LEVEL);
        let sheet = workbook.add_worksheet_with_constant_memory().unwrap();
        sheet.write_string(0, 0, "header").unwrap();
        sheet.set_column_format(1, &fmt).unwrap();
        probe_styles(sheet, 1, &[&fill, &fmt]).unwrap();
        let last_row = TEXTS.len() as RowNum;
        let deferred = [Deferred {
            sheet: 1,
            first_row: 1,
            last_row,
            last_col: 30,
        }];
        let mut ours = Cursor::new(Vec::new());
        save_with_rows(
            &mut workbook,
            &deferred,
            |k, out| {
                assert_eq!(k, 0);
                let (fill, fmt) = (out.style(0).unwrap(), out.style(1).unwrap());
                for (r, text) in TEXTS.iter().enumerate() {
                    let r = r as RowNum + 1;
                    out.start_row(r);
                    out.text(0, &format!("id{r}"), 0);
                    out.text(1, text, fmt);
                    out.number(2, u64::from(r) * 1000, 0);
                    out.text(3, "", fill);
                    out.text(30, "far", fill);
                    out.end_row()?;
                }
                Ok(())
            },
            &mut ours,
        )
        .unwrap();
        let ours = ours.into_inner();
        assert_eq!(sheet1(&ours), sheet1(&expected));
        // and so every part of the file, in the same order (deflated, the bytes may differ
        // a little: the deflater's output depends on how the text was handed to it)
        assert!(parts(&ours) == parts(&expected));
    }

    #[test]
    fn escaping_is_the_librarys() {
        // what the library wrote for each text, read from its sheet
        let xml = sheet1(&library_sheet(&Format::new(), &Format::new().set_bold()));
        for text in TEXTS {
            let mut out = Vec::new();
            push_escaped(&mut out, text);
            let ours = String::from_utf8(out).unwrap();
            assert!(xml.contains(&format!(">{ours}</t>")), "{text:?} → {ours:?}");
        }
        assert_eq!(escape_underscores("_x0041_"), "_x005F_x0041_");
        assert_eq!(escape_underscores("_x0041"), "_x0041");
    }

    #[test]
    fn a_sheet_not_as_expected_is_refused() {
        let d = Deferred {
            sheet: 1,
            first_row: 1,
            last_row: 9,
            last_col: 2,
        };
        let good = r#"<dimension ref="A1:C2"/><sheetData><row r="1"></row><row r="2"><c r="A2" s="4"/><c r="B2" s="7"/></row></sheetData>"#;
        let spliced = Spliced::new(good, d).unwrap();
        assert_eq!(spliced.styles, [4, 7]);
        assert_eq!(
            spliced.head,
            r#"<dimension ref="A1:C10"/><sheetData><row r="1"></row>"#
        );
        assert_eq!(spliced.tail, "</sheetData>");
        for bad in [
            good.replace(r#"<row r="2">"#, r#"<row r="3">"#),
            good.replace("<dimension", "<dim"),
            good.replace(r#"s="7""#, r#"s="x""#),
            good.replace(
                "</row></sheetData>",
                "</row><row r=\"3\"></row></sheetData>",
            ),
        ] {
            assert!(Spliced::new(&bad, d).is_none(), "{bad}");
        }
    }

    #[test]
    fn numbers_in_decimal() {
        for n in [0, 7, 10, 119_834, u64::MAX] {
            let mut out = Vec::new();
            push_decimal(&mut out, n);
            assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
        }
    }
}
