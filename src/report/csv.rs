//! CSV for Excel: UTF-8 with BOM (or CP932), formula-like cells neutralised.
use std::borrow::Cow;
use std::io::Write;

use crate::error::InputError;
use crate::input::decode::encode_cp932;
use crate::input::Encoding;
use crate::report::grid::Grid;

/// Whether Excel would run the cell as a formula (`=`, `+`, `-`, `@`, tab, CR at the start).
fn formula_like(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Prefixes `'` to a cell Excel would run as a formula (`=`, `+`, `-`, `@`, tab, CR).
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if formula_like(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Whether a cell holds `,`, `"`, CR or LF. Looked at 16 bytes at a time, without
/// stopping inside a block, so that the compiler vectorises it: three times as fast as
/// byte by byte on the long Japanese cells of a report.
fn needs_quotes(cell: &[u8]) -> bool {
    let special = |b: u8| (b == b',') | (b == b'"') | (b == b'\r') | (b == b'\n');
    let mut blocks = cell.chunks_exact(16);
    for block in &mut blocks {
        if block.iter().fold(false, |hit, &b| hit | special(b)) {
            return true;
        }
    }
    blocks.remainder().iter().any(|&b| special(b))
}

/// One row appended to `out`, each cell neutralised: quoted when it holds `,`, `"`, CR or
/// LF, with `"` doubled, and CRLF at the end (RFC 4180; the bytes the csv crate writes, a
/// unit test checks). The one place rows are encoded.
fn encode_row<S: AsRef<str>>(out: &mut Vec<u8>, cells: &[S]) {
    encode_row_with(out, cells, true)
}

/// [`encode_row`], neutralising formula-like cells or (`neutralise` false) not.
fn encode_row_with<S: AsRef<str>>(out: &mut Vec<u8>, cells: &[S], neutralise: bool) {
    // a row of one empty cell would read back as a blank line
    if cells.len() <= 1 && cells.first().is_none_or(|c| c.as_ref().is_empty()) {
        out.extend_from_slice(b"\"\"\r\n");
        return;
    }
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let cell = cell.as_ref();
        let quoted = needs_quotes(cell.as_bytes());
        if quoted {
            out.push(b'"');
        }
        if neutralise && formula_like(cell) {
            out.push(b'\'');
        }
        if quoted {
            for (k, part) in cell.split('"').enumerate() {
                if k > 0 {
                    out.extend_from_slice(b"\"\"");
                }
                out.extend_from_slice(part.as_bytes());
            }
            out.push(b'"');
        } else {
            out.extend_from_slice(cell.as_bytes());
        }
    }
    out.extend_from_slice(b"\r\n");
}

/// Bytes a UTF-8 table collects before they are written.
const FLUSH_BYTES: usize = 64 * 1024;

/// A CSV table written a row at a time: UTF-8 goes to the writer as it fills (BOM first);
/// CP932 is collected and encoded at [`Writer::finish`], since one unencodable character
/// must fail the whole file rather than leave half of it.
pub struct Writer<'w> {
    buf: Vec<u8>,
    encoding: Encoding,
    out: &'w mut dyn Write,
}

impl<'w> Writer<'w> {
    /// Starts the table with its header row.
    pub fn new<S: AsRef<str>>(
        headers: &[S],
        encoding: Encoding,
        out: &'w mut dyn Write,
    ) -> anyhow::Result<Writer<'w>> {
        let mut buf = Vec::new();
        if encoding == Encoding::Utf8 {
            buf.extend_from_slice(b"\xEF\xBB\xBF");
        }
        let mut writer = Writer { buf, encoding, out };
        writer.row(headers)?;
        Ok(writer)
    }

    /// One row; each cell neutralised.
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> anyhow::Result<()> {
        encode_row(&mut self.buf, cells);
        if self.encoding == Encoding::Utf8 && self.buf.len() >= FLUSH_BYTES {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    /// Writes what is left (for CP932, the whole table, encoded).
    pub fn finish(self) -> anyhow::Result<()> {
        match self.encoding {
            Encoding::Utf8 => self.out.write_all(&self.buf)?,
            Encoding::Cp932 => {
                let text = String::from_utf8(self.buf)?;
                // no location: the output layer names the file being written
                let encoded = encode_cp932(&text).map_err(|e| {
                    InputError::new(format!("cannot write CP932 CSV: {e}"))
                        .hint("use --output-encoding utf-8")
                })?;
                self.out.write_all(&encoded)?;
            }
        }
        Ok(())
    }
}

/// A sheet written back as CSV (`suggest`): row `i` of `rows` on line `i + 1` as far as
/// the cells' own line breaks allow, so that rows keep their numbers; empty rows are blank
/// lines. `neutralise` prefixes `'` to formula-like cells, as every other CSV does; a
/// sheet read from CSV is written as it was (its cells were CSV cells already).
pub fn write_sheet<S: AsRef<str>>(
    rows: &[Vec<S>],
    neutralise: bool,
    encoding: Encoding,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut buf = Vec::new();
    if encoding == Encoding::Utf8 {
        buf.extend_from_slice(b"\xEF\xBB\xBF");
    }
    let mut line = 1;
    for (i, row) in rows.iter().enumerate() {
        if row.is_empty() {
            continue;
        }
        while line < i + 1 {
            buf.extend_from_slice(b"\r\n");
            line += 1;
        }
        encode_row_with(&mut buf, row, neutralise);
        line += 1 + row
            .iter()
            .map(|c| c.as_ref().bytes().filter(|&b| b == b'\n').count())
            .sum::<usize>();
    }
    Writer { buf, encoding, out }.finish()
}

/// Below this many rows a table is written on one thread.
const PARALLEL_MIN_ROWS: usize = 20_000;
/// Rows rendered together into one buffer when writing on several threads.
const CHUNK_ROWS: usize = 2_048;

/// Writes a table whose row `i` is `cells(&rows[i], ..)`, as [`Writer`] would one row at a
/// time. A large UTF-8 table is rendered in chunks on two threads and written in order, with
/// the same bytes as one thread (CP932 stays on one thread: it is encoded as a whole).
pub fn write_rows<T: Sync, S: AsRef<str>>(
    headers: &[S],
    encoding: Encoding,
    w: &mut dyn Write,
    rows: &[T],
    cells: impl Fn(&T, &mut Vec<String>) + Sync,
) -> anyhow::Result<()> {
    write_rows_split(headers, encoding, w, rows, cells, PARALLEL_MIN_ROWS)
}

/// [`write_rows`], on two threads from `parallel_min` rows.
fn write_rows_split<T: Sync, S: AsRef<str>>(
    headers: &[S],
    encoding: Encoding,
    w: &mut dyn Write,
    rows: &[T],
    cells: impl Fn(&T, &mut Vec<String>) + Sync,
    parallel_min: usize,
) -> anyhow::Result<()> {
    if encoding == Encoding::Cp932 || rows.len() < parallel_min.max(2) {
        let mut out = Writer::new(headers, encoding, w)?;
        let mut row = Vec::new();
        for r in rows {
            cells(r, &mut row);
            out.row(&row)?;
        }
        return out.finish();
    }
    Writer::new(headers, encoding, &mut *w)?.finish()?;
    // chunk k is rendered by worker k % 2 and written by this thread, in order
    let chunks: Vec<&[T]> = rows.chunks(CHUNK_ROWS).collect();
    let render = |chunk: &[T], row: &mut Vec<String>| -> Vec<u8> {
        let mut out = Vec::with_capacity(chunk.len() * 512);
        for r in chunk {
            cells(r, row);
            encode_row(&mut out, row);
        }
        out
    };
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..2)
            .map(|first| {
                let (tx, rx) = std::sync::mpsc::sync_channel(1);
                let (chunks, render) = (&chunks, &render);
                s.spawn(move || {
                    let mut row = Vec::new();
                    for chunk in chunks.iter().skip(first).step_by(2) {
                        // a closed channel: the writer stopped on an error
                        if tx.send(render(chunk, &mut row)).is_err() {
                            return;
                        }
                    }
                });
                rx
            })
            .collect();
        for k in 0..chunks.len() {
            let bytes = workers[k % 2]
                .recv()
                .map_err(|_| anyhow::anyhow!("a CSV rendering thread stopped early"))?;
            w.write_all(&bytes)?;
        }
        Ok(())
    })
}

/// Writes the grid as CSV.
pub fn render(grid: &Grid, encoding: Encoding, w: &mut dyn Write) -> anyhow::Result<()> {
    let mut out = Writer::new(&grid.headers, encoding, w)?;
    for row in &grid.rows {
        out.row(row)?;
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::grid::Tone;
    use proptest::strategy::Strategy;

    #[test]
    fn neutralises_formulas_and_writes_bom() {
        let mut g = Grid::new(["id", "title"]);
        g.push(vec!["=1+1".into(), "@SUM(A1)".into()], Tone::Plain);
        g.push(vec!["-2".into(), "安全".into()], Tone::Plain);
        let mut out = Vec::new();
        render(&g, Encoding::Utf8, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert_eq!(s, "\u{feff}id,title\r\n'=1+1,'@SUM(A1)\r\n'-2,安全\r\n");
    }

    /// `encode_row` writes what the csv crate writes (CRLF, quoting when necessary) for the
    /// neutralised cells.
    fn csv_crate_row(cells: &[String]) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .flexible(true)
            .from_writer(Vec::new());
        w.write_record(cells.iter().map(|c| neutralise(c).into_owned()))
            .unwrap();
        w.into_inner().unwrap()
    }

    #[test]
    fn rows_are_encoded_as_the_csv_crate_would() {
        for cells in [
            vec![],
            vec![""],
            vec!["", ""],
            vec!["a"],
            vec![
                "=1",
                "+\"q\"",
                "-,",
                "@\n",
                "\tx",
                "\r",
                "a\"b",
                "安全,\r\n",
            ],
            vec!["'", "\"", "\"\"", ",", " ", "x y"],
        ] {
            let cells: Vec<String> = cells.into_iter().map(str::to_owned).collect();
            let mut out = Vec::new();
            encode_row(&mut out, &cells);
            assert_eq!(
                String::from_utf8_lossy(&out),
                String::from_utf8_lossy(&csv_crate_row(&cells)),
                "{cells:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn any_row_is_encoded_as_the_csv_crate_would(
            cells in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::sample::select(vec![
                        'a', 'b', 'c', 'd', ' ', ',', '"', '\'', '\r', '\n', '\t', '=', '+', '-', '@',
                        '安', '全', '#', '1', '2', '3', '4', '5', '6', '7', '8', '9', '0',
                    ]),
                    // long cells too, as in a report
                    0..80,
                )
                .prop_map(|c| c.into_iter().collect::<String>()),
                0..5,
            )
        ) {
            let mut out = Vec::new();
            encode_row(&mut out, &cells);
            proptest::prop_assert_eq!(out, csv_crate_row(&cells));
        }
    }

    /// Two threads write the same bytes as one, around and across chunk boundaries.
    #[test]
    fn rows_on_two_threads_are_the_bytes_of_one() {
        let rows: Vec<usize> = (0..CHUNK_ROWS * 3 + 17).collect();
        let cells = |i: &usize, out: &mut Vec<String>| {
            out.clear();
            out.push(format!("C-{i}"));
            out.push(if i % 7 == 0 {
                format!("=\"{i}\",\n行")
            } else {
                "安全".into()
            });
        };
        let write = |n: usize, parallel_min: usize, encoding: Encoding| {
            let mut out = Vec::new();
            write_rows_split(
                &["id", "title"],
                encoding,
                &mut out,
                &rows[..n],
                cells,
                parallel_min,
            )
            .unwrap();
            out
        };
        for n in [0, 1, CHUNK_ROWS - 1, CHUNK_ROWS, CHUNK_ROWS + 1, rows.len()] {
            let one = write(n, usize::MAX, Encoding::Utf8);
            assert_eq!(write(n, 0, Encoding::Utf8), one, "{n} rows");
            assert_eq!(
                write(n, 0, Encoding::Cp932),
                write(n, usize::MAX, Encoding::Cp932)
            );
        }
        let text = String::from_utf8(write(rows.len(), 0, Encoding::Utf8)).unwrap();
        assert!(text.starts_with("\u{feff}id,title\r\nC-0,\"'=\"\"0\"\",\n行\"\r\nC-1,安全\r\n"));
        assert_eq!(text.matches("\r\n").count(), rows.len() + 1);
    }

    /// An error while writing stops the threads and is returned.
    #[test]
    fn a_failing_writer_stops_the_threads() {
        /// Takes `self.0` bytes, then fails.
        struct Full(usize);
        impl Write for Full {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                if buf.len() > self.0 {
                    return Err(std::io::Error::other("disk full"));
                }
                self.0 -= buf.len();
                Ok(buf.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let rows: Vec<usize> = (0..CHUNK_ROWS * 5).collect();
        let cells = |i: &usize, out: &mut Vec<String>| {
            out.clear();
            out.push(i.to_string());
        };
        // the header and the first chunk fit
        let mut full = Full(CHUNK_ROWS * 6);
        let err = write_rows_split(&["n"], Encoding::Utf8, &mut full, &rows, cells, 0).unwrap_err();
        assert!(full.0 < CHUNK_ROWS * 2, "the first chunk was written");
        assert!(err.to_string().contains("disk full"), "{err}");
    }

    #[test]
    fn cp932_output_round_trips() {
        let mut g = Grid::new(["確認項目"]);
        g.push(vec!["暗号化".into()], Tone::Plain);
        let mut out = Vec::new();
        render(&g, Encoding::Cp932, &mut out).unwrap();
        let (text, _, err) = encoding_rs::SHIFT_JIS.decode(&out);
        assert!(!err);
        assert_eq!(text, "確認項目\r\n暗号化\r\n");
    }
}
