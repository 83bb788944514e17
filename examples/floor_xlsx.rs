//! The floor of a small xlsx report (issue 20; see BENCHMARKS.md): what writing the same
//! workbook costs with nothing else to do — rust_xlsxwriter as `ismap-gap` configures it
//! (mimalloc, zip level 1, ordinary in-memory sheets saved to a file), the same sheets,
//! cells, text, number of cell formats, merged ranges, column widths and row heights, but
//! no input read, no catalog, no analysis, no row heights measured.
//!
//! ```sh
//! # once, untimed: what a report holds, from the report itself
//! floor_xlsx dump target/bench-data/out/report-300.xlsx target/bench-data/floor-300.cells
//! # the floor: write it again (benches/run.sh times this against pandas)
//! floor_xlsx target/bench-data/floor-300.cells /tmp/floor.xlsx
//! ```
//!
//! The cells file is plain text, one record a line, tab-separated, `\` escaping tab,
//! newline and itself: `S name` (a sheet), `F n` (the workbook's cell formats), `W col
//! width`, `H row height`, `M r0 c0 r1 c1` (a merged range), `P rows cols` (frozen
//! panes), `A r0 c0 r1 c1` (an autofilter, also the print area), `G categories values` (a
//! bar chart), `C row col style kind text`
//! (kind `s` text, `n` number, `b` blank with a format). Each style index of the report
//! becomes a distinct format (wrapped text, thin border, its own fill) in the copy, so the
//! library registers and writes as many formats as the report has; their looks differ.
use std::collections::BTreeMap;
use std::io::{Read, Write};

use calamine::{open_workbook, Data, Reader, Xlsx};
use rust_xlsxwriter::{Chart, ChartType, Format, FormatBorder, Workbook};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

fn main() -> Res<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [cmd, report, cells] if cmd == "dump" => dump(report, cells),
        [cells, out] => write(cells, out),
        _ => Err("usage: floor_xlsx dump REPORT.xlsx CELLS | floor_xlsx CELLS OUT.xlsx".into()),
    }
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

fn unescape(s: &str) -> String {
    if memchr::memchr(b'\\', s.as_bytes()).is_none() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some(o) => out.push(o),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The value of attribute `name` in one tag's text.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// "AB12" → (11, 27): zero-based row and column.
fn cell_ref(r: &str) -> Option<(u32, u16)> {
    let split = r.find(|c: char| c.is_ascii_digit())?;
    let col = r[..split]
        .bytes()
        .fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1));
    let row: u32 = r[split..].parse().ok()?;
    Some((row - 1, u16::try_from(col - 1).ok()?))
}

/// Each tag `<name …>` of `xml`, its text up to `>`.
fn tags<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name} ");
    xml.match_indices(&open)
        .filter_map(|(at, _)| Some(&xml[at..at + xml[at..].find('>')?]))
        .collect()
}

fn dump(report: &str, cells: &str) -> Res<()> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(report)?)?;
    let part = |zip: &mut zip::ZipArchive<std::fs::File>, name: &str| -> Res<String> {
        let mut s = String::new();
        zip.by_name(name)?.read_to_string(&mut s)?;
        Ok(s)
    };
    let styles = part(&mut zip, "xl/styles.xml")?;
    let xfs = styles
        .split("<cellXfs count=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .ok_or("no cellXfs")?
        .to_string();
    let mut book: Xlsx<_> = open_workbook(report)?;
    let mut out = String::new();
    out.push_str(&format!("F\t{xfs}\n"));
    for (i, name) in book.sheet_names().iter().enumerate() {
        out.push_str(&format!("S\t{}\n", escape(name)));
        let xml = part(&mut zip, &format!("xl/worksheets/sheet{}.xml", i + 1))?;
        for col in tags(&xml, "col") {
            let (min, max) = (
                attr(col, "min").ok_or("col")?,
                attr(col, "max").ok_or("col")?,
            );
            let width = attr(col, "width").ok_or("col width")?;
            for c in min.parse::<u16>()?..=max.parse::<u16>()? {
                out.push_str(&format!("W\t{}\t{width}\n", c - 1));
            }
        }
        for row in tags(&xml, "row") {
            if let (Some(r), Some(ht)) = (attr(row, "r"), attr(row, "ht")) {
                out.push_str(&format!("H\t{}\t{ht}\n", r.parse::<u32>()? - 1));
            }
        }
        if let Some(pane) = tags(&xml, "pane").first() {
            let split = |k| attr(pane, k).unwrap_or("0");
            out.push_str(&format!("P\t{}\t{}\n", split("ySplit"), split("xSplit")));
        }
        if let Some(filter) = tags(&xml, "autoFilter").first() {
            let (a, b) = attr(filter, "ref")
                .and_then(|r| r.split_once(':'))
                .ok_or("filter")?;
            let ((r0, c0), (r1, c1)) = (cell_ref(a).ok_or("ref")?, cell_ref(b).ok_or("ref")?);
            out.push_str(&format!("A\t{r0}\t{c0}\t{r1}\t{c1}\n"));
        }
        if xml.contains("<drawing ") {
            // a chart of this sheet's two columns the report's chart plots (its first two
            // series references: categories and values)
            let chart = part(&mut zip, "xl/charts/chart1.xml")?;
            let refs: Vec<&str> = chart
                .split("<c:f>")
                .skip(1)
                .filter_map(|s| s.split("</c:f>").next())
                .collect();
            if let [cats, vals, ..] = refs.as_slice() {
                out.push_str(&format!("G\t{}\t{}\n", escape(cats), escape(vals)));
            }
        }
        for d in book.merge_cells_by_sheet_name(name)? {
            out.push_str(&format!(
                "M\t{}\t{}\t{}\t{}\n",
                d.start.0, d.start.1, d.end.0, d.end.1
            ));
        }
        let range = book.worksheet_range(name)?;
        let mut values = BTreeMap::new();
        for (r, c, v) in range.used_cells() {
            let (r0, c0) = range.start().unwrap_or((0, 0));
            values.insert((r0 + r as u32, c0 + c as u32), v.clone());
        }
        for c in tags(&xml, "c") {
            let (row, col) = cell_ref(attr(c, "r").ok_or("cell ref")?).ok_or("cell ref")?;
            let style = attr(c, "s").unwrap_or("0");
            let (kind, text) = match values.get(&(row, u32::from(col))) {
                Some(Data::String(s)) => ("s", escape(s)),
                Some(Data::Float(f)) => ("n", f.to_string()),
                Some(Data::Int(i)) => ("n", i.to_string()),
                Some(other) => ("s", escape(&other.to_string())),
                None => ("b", String::new()),
            };
            out.push_str(&format!("C\t{row}\t{col}\t{style}\t{kind}\t{text}\n"));
        }
    }
    std::fs::write(cells, out)?;
    Ok(())
}

/// Gives a sheet's cells their formats, fewest calls first: rust_xlsxwriter hashes a
/// Format on every call, so each column's runs of rows in one format are given theirs at
/// once (fewer calls than the report makes, which gives a row's runs at a time).
fn flush(
    sheet: Option<&mut rust_xlsxwriter::Worksheet>,
    styled: &mut Vec<(u16, u32, usize)>,
    formats: &[Format],
) -> Res<()> {
    let Some(s) = sheet else { return Ok(()) };
    styled.sort_unstable();
    let mut run: Option<(u16, u32, u32, usize)> = None;
    for &(c, r, st) in styled.iter() {
        match &mut run {
            Some((rc, _, last, rst)) if *rc == c && *last + 1 == r && *rst == st => *last = r,
            _ => {
                if let Some((rc, first, last, rst)) = run.replace((c, r, r, st)) {
                    s.set_range_format(first, rc, last, rc, &formats[rst])?;
                }
            }
        }
    }
    if let Some((rc, first, last, rst)) = run {
        s.set_range_format(first, rc, last, rc, &formats[rst])?;
    }
    styled.clear();
    Ok(())
}

fn write(cells: &str, out: &str) -> Res<()> {
    let text = std::fs::read_to_string(cells)?;
    let mut workbook = Workbook::new();
    workbook.set_zip_compression_level(1);
    let mut formats: Vec<Format> = Vec::new();
    let mut sheet = None;
    // the cells of the sheet being read, to be given their formats: column, row, style
    let mut styled: Vec<(u16, u32, usize)> = Vec::new();
    let mut f: Vec<&str> = Vec::with_capacity(6);
    for line in text.split_terminator('\n') {
        // the fields, split with memchr (the floor should spend little on its own input)
        f.clear();
        let mut rest = line;
        while f.len() < 5 {
            let Some(i) = memchr::memchr(b'\t', rest.as_bytes()) else {
                break;
            };
            f.push(&rest[..i]);
            rest = &rest[i + 1..];
        }
        f.push(rest);
        match f.as_slice() {
            ["F", n] => {
                formats = (0..n.parse::<u32>()?)
                    .map(|k| {
                        Format::new()
                            .set_text_wrap()
                            .set_border(FormatBorder::Thin)
                            .set_background_color(0x00F0_0000 + k)
                    })
                    .collect();
            }
            ["S", name] => {
                flush(sheet.as_deref_mut(), &mut styled, &formats)?;
                let s = workbook.add_worksheet();
                s.set_name(unescape(name))?;
                s.set_landscape();
                s.set_paper_size(9);
                s.set_footer("&L&P / &N");
                sheet = Some(s);
            }
            _ => {
                let s = sheet.as_deref_mut().ok_or("a record before any sheet")?;
                match f.as_slice() {
                    ["W", c, w] => {
                        s.set_column_width(c.parse()?, w.parse::<f64>()? - 0.71)?;
                    }
                    ["H", r, h] => {
                        s.set_row_height(r.parse()?, h.parse::<f64>()?)?;
                    }
                    ["P", r, c] => {
                        s.set_freeze_panes(r.parse()?, c.parse()?)?;
                        s.set_repeat_rows(0, 0)?;
                    }
                    ["A", r0, c0, r1, c1] => {
                        let (r0, c0, r1, c1) = (r0.parse()?, c0.parse()?, r1.parse()?, c1.parse()?);
                        s.autofilter(r0, c0, r1, c1)?;
                        s.set_print_area(r0, c0, r1, c1)?;
                    }
                    ["G", cats, vals] => {
                        let mut chart = Chart::new(ChartType::Bar);
                        chart
                            .add_series()
                            .set_categories(unescape(cats).as_str())
                            .set_values(unescape(vals).as_str());
                        s.insert_chart(20, 4, &chart)?;
                    }
                    ["M", r0, c0, r1, c1] => {
                        let (r0, c0, r1, c1) = (r0.parse()?, c0.parse()?, r1.parse()?, c1.parse()?);
                        s.merge_range(r0, c0, r1, c1, "", &formats[0])?;
                    }
                    ["C", r, c, st, kind, v] => {
                        let (r, c): (u32, u16) = (r.parse()?, c.parse()?);
                        let style = st.parse::<usize>()?.min(formats.len() - 1);
                        match *kind {
                            "s" => s.write_string(r, c, unescape(v))?,
                            "n" => s.write_number(r, c, v.parse::<f64>()?)?,
                            _ => s,
                        };
                        styled.push((c, r, style));
                    }
                    _ => return Err(format!("bad record: {line}").into()),
                }
            }
        }
    }
    flush(sheet, &mut styled, &formats)?;
    let mut file = std::io::BufWriter::new(std::fs::File::create(out)?);
    workbook.save_to_writer(&mut file)?;
    file.flush()?;
    Ok(())
}
