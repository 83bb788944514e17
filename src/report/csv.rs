//! CSV for Excel: UTF-8 with BOM (or CP932), formula-like cells neutralised.
use std::borrow::Cow;
use std::io::Write;

use crate::input::decode::encode_cp932;
use crate::input::Encoding;
use crate::report::grid::Grid;

/// Prefixes `'` to a cell Excel would run as a formula (`=`, `+`, `-`, `@`, tab, CR).
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// A CSV table written a row at a time: UTF-8 goes straight to the writer (BOM first);
/// CP932 is collected and encoded at [`Writer::finish`], since one unencodable character
/// must fail the whole file rather than leave half of it.
pub struct Writer<'w> {
    inner: Inner<'w>,
}

enum Inner<'w> {
    Utf8(csv::Writer<&'w mut dyn Write>),
    Cp932 {
        buf: csv::Writer<Vec<u8>>,
        out: &'w mut dyn Write,
    },
}

/// One row into a CSV writer, each cell neutralised: the one place rows are encoded.
fn encode_row<W: Write, S: AsRef<str>>(wtr: &mut csv::Writer<W>, cells: &[S]) -> csv::Result<()> {
    wtr.write_record(
        cells
            .iter()
            .map(|c| neutralise(c.as_ref()).into_bytes_cow()),
    )
}

fn builder() -> csv::WriterBuilder {
    let mut b = csv::WriterBuilder::new();
    b.terminator(csv::Terminator::CRLF);
    b
}

impl<'w> Writer<'w> {
    /// Starts the table with its header row.
    pub fn new<S: AsRef<str>>(
        headers: &[S],
        encoding: Encoding,
        w: &'w mut dyn Write,
    ) -> anyhow::Result<Writer<'w>> {
        let inner = match encoding {
            Encoding::Utf8 => {
                w.write_all(b"\xEF\xBB\xBF")?;
                Inner::Utf8(builder().from_writer(w))
            }
            Encoding::Cp932 => Inner::Cp932 {
                buf: builder().from_writer(Vec::new()),
                out: w,
            },
        };
        let mut writer = Writer { inner };
        writer.row(headers)?;
        Ok(writer)
    }

    /// One row; each cell neutralised.
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> anyhow::Result<()> {
        match &mut self.inner {
            Inner::Utf8(wtr) => encode_row(wtr, cells)?,
            Inner::Cp932 { buf, .. } => encode_row(buf, cells)?,
        }
        Ok(())
    }

    /// Flushes (and, for CP932, encodes and writes) the table.
    pub fn finish(self) -> anyhow::Result<()> {
        match self.inner {
            Inner::Utf8(mut wtr) => wtr.flush()?,
            Inner::Cp932 { buf, out } => {
                let bytes = buf
                    .into_inner()
                    .map_err(|e| anyhow::anyhow!("{}", e.error()))?;
                let text = String::from_utf8(bytes)?;
                let encoded = encode_cp932(&text).map_err(|e| {
                    anyhow::anyhow!(
                        "cannot write CP932 CSV: {e} (hint: use --output-encoding utf-8)"
                    )
                })?;
                out.write_all(&encoded)?;
            }
        }
        Ok(())
    }
}

trait IntoBytesCow<'a> {
    fn into_bytes_cow(self) -> Cow<'a, [u8]>;
}

impl<'a> IntoBytesCow<'a> for Cow<'a, str> {
    fn into_bytes_cow(self) -> Cow<'a, [u8]> {
        match self {
            Cow::Borrowed(b) => Cow::Borrowed(b.as_bytes()),
            Cow::Owned(o) => Cow::Owned(o.into_bytes()),
        }
    }
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
    let render = |chunk: &[T], row: &mut Vec<String>| -> anyhow::Result<Vec<u8>> {
        let mut out = builder().from_writer(Vec::with_capacity(chunk.len() * 512));
        for r in chunk {
            cells(r, row);
            encode_row(&mut out, row)?;
        }
        out.into_inner()
            .map_err(|e| anyhow::anyhow!("{}", e.error()))
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
                .map_err(|_| anyhow::anyhow!("a CSV rendering thread stopped early"))??;
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
