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
        let record = cells
            .iter()
            .map(|c| neutralise(c.as_ref()).into_bytes_cow());
        match &mut self.inner {
            Inner::Utf8(wtr) => wtr.write_record(record)?,
            Inner::Cp932 { buf, .. } => buf.write_record(record)?,
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
