//! CSV for Excel: UTF-8 with BOM (or CP932), formula-like cells neutralised.
use std::borrow::Cow;
use std::io::Write;

use crate::error::InputError;
use crate::input::decode::encode_cp932_best_fit;
use crate::input::Encoding;
use crate::report::grid::Grid;

/// Whether Excel would run the cell as a formula (`=`, `+`, `-`, `@`, tab, CR at the start).
/// Looked at as the first byte (each of them is ASCII, and no other character's UTF-8
/// starts with its byte): this runs on every cell.
fn formula_like(cell: &str) -> bool {
    matches!(
        cell.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    )
}

/// Prefixes `'` to a cell Excel would run as a formula (`=`, `+`, `-`, `@`, tab, CR).
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if formula_like(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Whether a byte is `,`, `"`, CR or LF: one that makes a cell quoted.
fn quotes(b: u8) -> bool {
    (b == b',') | (b == b'"') | (b == b'\r') | (b == b'\n')
}

/// Whether `block` holds `,`, `"`, CR or LF: each looked for in its own pass over the
/// block, which the compiler turns into one vector compare each (tested all at once per
/// byte, it shuffles every byte four times first).
#[inline(always)]
fn block_quotes(block: &[u8; 16]) -> bool {
    let mut hit = [0u8; 4];
    for (h, special) in hit.iter_mut().zip([b',', b'"', b'\r', b'\n']) {
        for &b in block {
            *h |= u8::from(b == special);
        }
    }
    (hit[0] | hit[1] | hit[2] | hit[3]) != 0
}

/// Whether the cell `text[at..]` (the end of the text written so far) holds `,`, `"`,
/// CR or LF (looked at 16 bytes at a time: this runs on every cell). A cell shorter than
/// a block is looked at in the 16 bytes that end with it, the text before it made
/// harmless, when the text is that long: the first cells of a table byte by byte.
fn needs_quotes(text: &[u8], at: usize) -> bool {
    let cell = &text[at..];
    if cell.len() >= 16 {
        let mut blocks = cell.chunks_exact(16);
        for block in &mut blocks {
            if let Ok(block) = block.try_into() {
                if block_quotes(block) {
                    return true;
                }
            }
        }
        if blocks.remainder().is_empty() {
            return false;
        }
        // the last block overlaps the one before
        return match cell[cell.len() - 16..].try_into() {
            Ok(last) => block_quotes(last),
            Err(_) => false,
        };
    }
    let Some(window) = text.len().checked_sub(16).map(|start| &text[start..]) else {
        return cell.iter().any(|&b| quotes(b));
    };
    // lanes before the cell's `len` last are not the cell's: set to a plain byte
    const KEEP: [u8; 32] = {
        let mut keep = [0u8; 32];
        let mut i = 16;
        while i < 32 {
            keep[i] = 0xff;
            i += 1;
        }
        keep
    };
    let keep = &KEEP[cell.len()..cell.len() + 16];
    let mut block = [0u8; 16];
    for ((b, &w), &k) in block.iter_mut().zip(window).zip(keep) {
        *b = (w & k) | (b'a' & !k);
    }
    block_quotes(&block)
}

/// One CSV row written straight into the output text: each cell is appended where it
/// goes, then quoted (when it holds `,`, `"`, CR or LF, with `"` doubled) or neutralised
/// in place when it needs it, and the row ends with CRLF (RFC 4180; the bytes the csv
/// crate writes, a unit test checks). The one place rows are encoded.
pub struct Row<'o> {
    out: &'o mut String,
    start: usize,
    cells: usize,
    neutralise: bool,
}

impl<'o> Row<'o> {
    /// A row appended to `out`; `neutralise` prefixes `'` to formula-like cells.
    fn new(out: &'o mut String, neutralise: bool) -> Row<'o> {
        let start = out.len();
        Row {
            out,
            start,
            cells: 0,
            neutralise,
        }
    }

    /// Appends a cell whose text `write` appends to the string it is given (the output:
    /// it must only append).
    pub fn cell(&mut self, write: impl FnOnce(&mut String)) {
        if self.cells > 0 {
            self.out.push(',');
        }
        self.cells += 1;
        let at = self.out.len();
        write(self.out);
        let cell = &self.out[at..];
        let formula = self.neutralise && formula_like(cell);
        let quoted = needs_quotes(self.out.as_bytes(), at);
        if !(formula || quoted) {
            return;
        }
        if quoted && memchr::memchr(b'"', cell.as_bytes()).is_some() {
            let cell = self.out.split_off(at);
            self.out.push('"');
            if formula {
                self.out.push('\'');
            }
            for (k, part) in cell.split('"').enumerate() {
                if k > 0 {
                    self.out.push_str("\"\"");
                }
                self.out.push_str(part);
            }
            self.out.push('"');
            return;
        }
        let prefix = match (quoted, formula) {
            (true, true) => "\"'",
            (true, false) => "\"",
            _ => "'",
        };
        self.out.insert_str(at, prefix);
        if quoted {
            self.out.push('"');
        }
    }

    /// Appends a cell of `text`.
    pub fn text(&mut self, text: &str) {
        self.cell(|c| c.push_str(text));
    }

    /// Appends cells encoded beforehand: the bytes [`Row::text`] would append for each.
    pub fn encoded(&mut self, cells: &Encoded) {
        if cells.cells == 0 {
            return;
        }
        if self.cells > 0 {
            self.out.push(',');
        }
        self.cells += cells.cells;
        self.out.push_str(&cells.text);
    }

    /// Ends the row.
    fn end(self) {
        // a row of one empty cell would read back as a blank line
        if self.out.len() == self.start {
            self.out.push_str("\"\"");
        }
        self.out.push_str("\r\n");
    }
}

/// Cells every row of a table repeats (the report's date, the CSP), encoded once: what
/// [`Row::text`] appends for each, with `,` between them.
#[derive(Debug, Clone, Default)]
pub struct Encoded {
    text: String,
    cells: usize,
}

impl Encoded {
    /// `cells` as a row writes them, each neutralised.
    pub fn new<S: AsRef<str>>(cells: &[S]) -> Encoded {
        let mut text = String::new();
        let mut row = Row::new(&mut text, true);
        for cell in cells {
            row.text(cell.as_ref());
        }
        let cells = row.cells;
        Encoded { text, cells }
    }
}

impl crate::report::Cells for Row<'_> {
    fn cell(&mut self, write: impl FnOnce(&mut String)) {
        Row::cell(self, write);
    }
}

/// One row of `cells` appended to `out`, each cell neutralised (see [`Row`]).
fn encode_row<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    encode_row_with(out, cells, true)
}

/// [`encode_row`], neutralising formula-like cells or (`neutralise` false) not.
fn encode_row_with<S: AsRef<str>>(out: &mut String, cells: &[S], neutralise: bool) {
    let mut row = Row::new(out, neutralise);
    for cell in cells {
        row.text(cell.as_ref());
    }
    row.end();
}

/// Bytes a UTF-8 table collects before they are written.
const FLUSH_BYTES: usize = 64 * 1024;

/// A CSV table written a row at a time: UTF-8 goes to the writer as it fills (BOM first);
/// CP932 is collected and encoded at [`Writer::finish`], since one unencodable character
/// must fail the whole file rather than leave half of it.
pub struct Writer<'w> {
    buf: String,
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
        let mut writer = Writer::bare(encoding, out);
        writer.row(headers)?;
        Ok(writer)
    }

    /// A table with nothing written yet but the BOM (UTF-8).
    fn bare(encoding: Encoding, out: &'w mut dyn Write) -> Writer<'w> {
        let mut buf = String::with_capacity(FLUSH_BYTES + FLUSH_BYTES / 4);
        if encoding == Encoding::Utf8 {
            buf.push('\u{feff}');
        }
        Writer { buf, encoding, out }
    }

    /// One row; each cell neutralised.
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> anyhow::Result<()> {
        encode_row(&mut self.buf, cells);
        self.flush_some()
    }

    /// One row written by `write`; its cells neutralised.
    pub fn row_with(&mut self, write: impl FnOnce(&mut Row)) -> anyhow::Result<()> {
        let mut row = Row::new(&mut self.buf, true);
        write(&mut row);
        row.end();
        self.flush_some()
    }

    /// Writes what UTF-8 collected, once it is [`FLUSH_BYTES`].
    fn flush_some(&mut self) -> anyhow::Result<()> {
        if self.encoding == Encoding::Utf8 && self.buf.len() >= FLUSH_BYTES {
            self.out.write_all(self.buf.as_bytes())?;
            self.buf.clear();
        }
        Ok(())
    }

    /// Writes what is left (for CP932, the whole table, encoded).
    pub fn finish(self) -> anyhow::Result<()> {
        match self.encoding {
            Encoding::Utf8 => self.out.write_all(self.buf.as_bytes())?,
            Encoding::Cp932 => {
                // no location: the output layer names the file being written
                let (encoded, fitted) = encode_cp932_best_fit(&self.buf).map_err(|e| {
                    InputError::new(format!("cannot write CP932 CSV: {e}"))
                        .hint("use --output-encoding utf-8")
                })?;
                note_best_fit(&fitted);
                self.out.write_all(&encoded)?;
            }
        }
        Ok(())
    }
}

/// Says on stderr, once per run, which characters CP932 lacks were written as its
/// look-alikes.
fn note_best_fit(fitted: &[char]) {
    use std::sync::atomic::{AtomicBool, Ordering};
    static SAID: AtomicBool = AtomicBool::new(false);
    if fitted.is_empty() || SAID.swap(true, Ordering::Relaxed) {
        return;
    }
    let pairs = crate::input::decode::best_fit_pairs(fitted);
    eprintln!(
        "{}",
        crate::messages::note(&format!(
            "CP932 has no code point for some characters: written as the ones every CP932 converter writes for them: {}",
            pairs.join(", ")
        ))
    );
}

/// A sheet written back as CSV (`suggest`): row `i` of `rows` on line `i + 1` as far as
/// the cells' own line breaks allow, so that rows keep their numbers; empty rows are blank
/// lines. `neutralise` prefixes `'` to formula-like cells, as every other CSV does; a
/// sheet read from CSV is written as it was (its cells were CSV cells already).
pub fn write_sheet<S: AsRef<str> + Sync>(
    rows: &[Vec<S>],
    neutralise: bool,
    encoding: Encoding,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    write_sheet_split(rows, neutralise, encoding, out, SHEET_PARALLEL_MIN_ROWS)
}

/// From this many rows a sheet is written back on two threads.
const SHEET_PARALLEL_MIN_ROWS: usize = 4_096;

/// [`write_sheet`], on two threads from `parallel_min` rows (UTF-8): chunks of rows
/// rendered as [`write_rows`] renders them, each from the line it starts on, counted
/// first.
fn write_sheet_split<S: AsRef<str> + Sync>(
    rows: &[Vec<S>],
    neutralise: bool,
    encoding: Encoding,
    out: &mut dyn Write,
    parallel_min: usize,
) -> anyhow::Result<()> {
    if encoding == Encoding::Cp932 || rows.len() < parallel_min.max(2) {
        let mut w = Writer::bare(encoding, out);
        let mut line = 1;
        for (i, row) in rows.iter().enumerate() {
            sheet_row(&mut w.buf, i, row, &mut line, neutralise);
            w.flush_some()?;
        }
        return w.finish();
    }
    Writer::bare(encoding, &mut *out).finish()?;
    let workers = crate::parallel::threads_for(rows.len(), parallel_min).max(2);
    // the line each chunk starts on: a row's cells' line breaks and its own
    let mut line = 1;
    let mut starts = Vec::new();
    for (k, chunk) in rows.chunks(CHUNK_ROWS).enumerate() {
        starts.push(line);
        for (j, row) in chunk.iter().enumerate() {
            if !row.is_empty() {
                line = line.max(k * CHUNK_ROWS + j + 1) + 1;
                for cell in row {
                    line += memchr::memchr_iter(b'\n', cell.as_ref().as_bytes()).count();
                }
            }
        }
    }
    write_chunks(
        out,
        starts.len(),
        workers,
        || (),
        |k, _, buf| {
            let mut line = starts[k];
            let first = k * CHUNK_ROWS;
            for (j, row) in rows[first..].iter().take(CHUNK_ROWS).enumerate() {
                sheet_row(buf, first + j, row, &mut line, neutralise);
            }
        },
    )
}

/// Row `i` of a sheet appended to `out` after the blank lines that put it on line `i + 1`
/// (`line`: the line the output is on, moved past the row); nothing for an empty row.
fn sheet_row<S: AsRef<str>>(
    out: &mut String,
    i: usize,
    row: &[S],
    line: &mut usize,
    neutralise: bool,
) {
    if row.is_empty() {
        return;
    }
    while *line < i + 1 {
        out.push_str("\r\n");
        *line += 1;
    }
    let at = out.len();
    encode_row_with(out, row, neutralise);
    // the lines the row took: its cells' line breaks and its own (quoting and
    // neutralising add none)
    *line += memchr::memchr_iter(b'\n', &out.as_bytes()[at..]).count();
}

/// Below this many rows a table is written on one thread (from here each worker has
/// several chunks).
const PARALLEL_MIN_ROWS: usize = 4_096;
/// Rows rendered together into one buffer when writing on several threads: each worker
/// holds up to three such buffers (one rendered, one waiting, one being written), so a
/// few hundred rows (~0.4 MB of a gap report's CSV) keep them small beside the report
/// (2,048 rows held ~10 MB at 100,000 items: issue 20, peak memory).
const CHUNK_ROWS: usize = 512;

/// Writes a table whose row `i` is written by `row(&rows[i], state, ..)`, as [`Writer`]
/// would one row at a time; `state` is scratch space `row` reuses (one made by `scratch`
/// per thread). A large UTF-8 table is rendered in chunks on several threads (the cores
/// this process may use, at least two) and written in order, with the same bytes as one thread (CP932 stays on one thread: it is encoded as a
/// whole).
pub fn write_rows<T: Sync, S: AsRef<str>, St>(
    headers: &[S],
    encoding: Encoding,
    w: &mut dyn Write,
    rows: &[T],
    scratch: impl Fn() -> St + Sync,
    row: impl Fn(&T, &mut St, &mut Row) + Sync,
) -> anyhow::Result<()> {
    write_rows_split(headers, encoding, w, rows, scratch, row, PARALLEL_MIN_ROWS)
}

/// [`write_rows`], on several threads from `parallel_min` rows.
fn write_rows_split<T: Sync, S: AsRef<str>, St>(
    headers: &[S],
    encoding: Encoding,
    w: &mut dyn Write,
    rows: &[T],
    scratch: impl Fn() -> St + Sync,
    row: impl Fn(&T, &mut St, &mut Row) + Sync,
    parallel_min: usize,
) -> anyhow::Result<()> {
    if encoding == Encoding::Cp932 || rows.len() < parallel_min.max(2) {
        let mut out = Writer::new(headers, encoding, w)?;
        let mut state = scratch();
        for r in rows {
            out.row_with(|cells| row(r, &mut state, cells))?;
        }
        return out.finish();
    }
    Writer::new(headers, encoding, &mut *w)?.finish()?;
    let workers = crate::parallel::threads_for(rows.len(), parallel_min).max(2);
    let chunks: Vec<&[T]> = rows.chunks(CHUNK_ROWS).collect();
    write_chunks(w, chunks.len(), workers, scratch, |k, state, out| {
        for r in chunks[k] {
            let mut cells = Row::new(out, true);
            row(r, state, &mut cells);
            cells.end();
        }
    })
}

/// Writes `n` chunks of text to `w` in order, chunk `k` rendered by `render(k, ..)` into
/// an empty buffer on one of `workers` threads, each with its scratch space.
fn write_chunks<St>(
    w: &mut dyn Write,
    n: usize,
    workers: usize,
    scratch: impl Fn() -> St + Sync,
    render: impl Fn(usize, &mut St, &mut String) + Sync,
) -> anyhow::Result<()> {
    // chunk k is rendered by worker k % workers into a buffer, written by this thread in order,
    // and the buffer handed back to the worker for a later chunk
    let render = |k: usize, state: &mut St, out: &mut String| {
        out.clear();
        render(k, state, out);
    };
    let count = workers.max(1);
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..count)
            .map(|first| {
                let (tx, rx) = std::sync::mpsc::sync_channel::<String>(1);
                let (back_tx, back_rx) = std::sync::mpsc::channel::<String>();
                let (render, scratch) = (&render, &scratch);
                s.spawn(move || {
                    let mut state = scratch();
                    for k in (first..n).step_by(count) {
                        let mut out = back_rx.try_recv().unwrap_or_default();
                        render(k, &mut state, &mut out);
                        // a closed channel: the writer stopped on an error
                        if tx.send(out).is_err() {
                            return;
                        }
                    }
                });
                (rx, back_tx)
            })
            .collect();
        for k in 0..n {
            let (rx, back) = &workers[k % count];
            let text = rx
                .recv()
                .map_err(|_| anyhow::anyhow!("a CSV rendering thread stopped early"))?;
            w.write_all(text.as_bytes())?;
            // the worker may have finished: then the buffer is not needed
            let _ = back.send(text);
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
            let mut out = String::new();
            encode_row(&mut out, &cells);
            assert_eq!(
                out,
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
            let mut out = String::new();
            encode_row(&mut out, &cells);
            proptest::prop_assert_eq!(out.into_bytes(), csv_crate_row(&cells));
        }
    }

    /// Cells encoded once are the bytes each row would write for them, wherever they stand
    /// in the row (first, after other cells, alone, empty).
    #[test]
    fn encoded_cells_are_the_bytes_of_text_cells() {
        let samples: [&[&str]; 7] = [
            &[],
            &[""],
            &["", ""],
            &[
                "2026-04-01",
                "csp.txt",
                "未確認 (ISMAP, 更新期限が与えられていない)",
            ],
            &["=1+1", "a\"b", "行\n二"],
            &["-", "@", "\t"],
            &["安全"],
        ];
        for before in samples {
            for cells in samples {
                let (mut want, mut got) = (String::new(), String::new());
                let mut row = Row::new(&mut want, true);
                for c in before.iter().chain(cells.iter()) {
                    row.text(c);
                }
                row.end();
                let encoded = Encoded::new(cells);
                let mut row = Row::new(&mut got, true);
                for c in before {
                    row.text(c);
                }
                row.encoded(&encoded);
                row.end();
                assert_eq!(got, want, "{before:?} {cells:?}");
            }
        }
    }

    /// The block scan answers as the byte-by-byte test for a cell of any length at any
    /// place in the text (first in a short text, after text with special bytes in it).
    #[test]
    fn needs_quotes_answers_as_the_byte_test() {
        let old = |cell: &[u8]| {
            cell.iter()
                .any(|&b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
        };
        for before in 0..40 {
            for len in 0..40 {
                for hit in [None, Some(b','), Some(b'"'), Some(b'\r'), Some(b'\n')] {
                    for at_hit in 0..len.max(1) {
                        // the text before the cell full of special bytes: not the cell's
                        let mut text = vec![b','; before];
                        text.extend(std::iter::repeat_n(b'x', len));
                        if let (Some(h), true) = (hit, len > 0) {
                            text[before + at_hit] = h;
                        }
                        let want = old(&text[before..]);
                        assert_eq!(
                            needs_quotes(&text, before),
                            want,
                            "{before} {len} {hit:?} {at_hit}"
                        );
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn needs_quotes_answers_as_the_byte_test_for_any_text(
            text in proptest::collection::vec(
                proptest::sample::select(vec![b'a', b' ', b',', b'"', b'\r', b'\n', b'\t', 0xe5, 0x80, b'\'']),
                0..80,
            ),
            at in 0usize..80,
        ) {
            let at = at.min(text.len());
            let old = text[at..].iter().any(|&b| matches!(b, b',' | b'"' | b'\r' | b'\n'));
            proptest::prop_assert_eq!(needs_quotes(&text, at), old);
        }
    }

    /// The first-byte test of a formula-like cell answers as the character test did.
    #[test]
    fn formula_like_answers_as_the_character_test() {
        let old = |cell: &str| cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
        for cell in [
            "", "=", "+1", "-", "@x", "\t", "\r\n", "a=", " =", "＝1", "－", "＋", "＠", "安", "'=",
        ] {
            assert_eq!(formula_like(cell), old(cell), "{cell:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn formula_like_answers_as_the_character_test_for_any_text(cell in ".{0,4}") {
            let old = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
            proptest::prop_assert_eq!(formula_like(&cell), old);
        }
    }

    /// Two threads write the same bytes as one, around and across chunk boundaries.
    #[test]
    fn rows_on_two_threads_are_the_bytes_of_one() {
        let rows: Vec<usize> = (0..CHUNK_ROWS * 3 + 17).collect();
        let cells = |i: &usize, out: &mut Row| {
            out.text(&format!("C-{i}"));
            out.text(&if i % 7 == 0 {
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
                || (),
                |i, _, row| cells(i, row),
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

    /// A sheet written back on two threads is the bytes of one: its rows on their lines,
    /// across chunk boundaries, after multi-line cells and empty rows.
    #[test]
    fn a_sheet_on_two_threads_is_the_bytes_of_one() {
        let rows: Vec<Vec<String>> = (0..CHUNK_ROWS * 3 + 17)
            .map(|i| match i % 11 {
                // a cell of three lines: the two rows after it are empty
                0 => vec![format!("C-{i}"), "一行目\n二行目\n三行目".into()],
                1 | 2 | 5 => Vec::new(),
                3 => vec![format!("C-{i}"), "=SUM(A1)".into(), "a,\"b\"".into()],
                4 => vec![String::new()],
                _ => vec![format!("C-{i}"), "安全".into()],
            })
            .collect();
        let write = |n: usize, parallel_min: usize, neutralise: bool, encoding: Encoding| {
            let mut out = Vec::new();
            write_sheet_split(&rows[..n], neutralise, encoding, &mut out, parallel_min).unwrap();
            out
        };
        for n in [0, 1, CHUNK_ROWS - 1, CHUNK_ROWS, CHUNK_ROWS + 1, rows.len()] {
            for neutralise in [false, true] {
                let one = write(n, usize::MAX, neutralise, Encoding::Utf8);
                assert_eq!(write(n, 0, neutralise, Encoding::Utf8), one, "{n} rows");
            }
        }
        let text = String::from_utf8(write(rows.len(), 0, true, Encoding::Utf8)).unwrap();
        assert!(text.starts_with("\u{feff}C-0,\"一行目\n二行目\n三行目\"\r\nC-3,'=SUM(A1),\"a,\"\"b\"\"\"\r\n\"\"\r\n\r\nC-6,"));
        // every row on its own line (the last empty ones write nothing)
        let last = rows.iter().rposition(|r| !r.is_empty()).unwrap();
        let breaks = rows[last]
            .iter()
            .map(|c| c.matches('\n').count())
            .sum::<usize>();
        assert_eq!(text.matches('\n').count(), last + 1 + breaks);
        assert_eq!(
            write(rows.len(), 0, false, Encoding::Cp932),
            write(rows.len(), usize::MAX, false, Encoding::Cp932)
        );
    }

    /// Chunks rendered on any number of workers are written in their order.
    #[test]
    fn chunks_on_any_number_of_workers_are_written_in_order() {
        let render = |k: usize, calls: &mut usize, out: &mut String| {
            *calls += 1;
            out.push_str(&format!("{k}:{}\n", "x".repeat(k % 13)));
        };
        let mut want = String::new();
        for k in 0..41 {
            render(k, &mut 0, &mut want);
        }
        for workers in [1, 2, 3, 5, 64] {
            let mut out = Vec::new();
            write_chunks(&mut out, 41, workers, || 0, render).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), want, "{workers}");
        }
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
        let cells = |i: &usize, out: &mut Row| out.text(&i.to_string());
        // the header and the first chunk fit
        let mut full = Full(CHUNK_ROWS * 6);
        let err = write_rows_split(
            &["n"],
            Encoding::Utf8,
            &mut full,
            &rows,
            || (),
            |i, _, row| cells(i, row),
            0,
        )
        .unwrap_err();
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
