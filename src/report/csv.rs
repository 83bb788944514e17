//! CSV for Excel: UTF-8 with BOM (or CP932), formula-like cells neutralised.
use std::io::Write;

use crate::input::decode::encode_cp932;
use crate::input::Encoding;
use crate::report::grid::Grid;

/// Prefixes `'` to a cell Excel would run as a formula (`=`, `+`, `-`, `@`, tab, CR).
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Writes the grid as CSV.
pub fn render(grid: &Grid, encoding: Encoding, w: &mut dyn Write) -> anyhow::Result<()> {
    match encoding {
        Encoding::Utf8 => {
            // straight to the writer: no copy of the whole file in memory
            w.write_all(b"\xEF\xBB\xBF")?;
            write_records(grid, w)
        }
        Encoding::Cp932 => {
            let mut buf = Vec::new();
            write_records(grid, &mut buf)?;
            let text = String::from_utf8(buf)?;
            let bytes = encode_cp932(&text).map_err(|e| {
                anyhow::anyhow!("cannot write CP932 CSV: {e} (hint: use --output-encoding utf-8)")
            })?;
            w.write_all(&bytes)?;
            Ok(())
        }
    }
}

fn write_records(grid: &Grid, w: &mut dyn Write) -> anyhow::Result<()> {
    let mut wtr = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(w);
    wtr.write_record(
        grid.headers
            .iter()
            .map(|h| neutralise(h).into_owned().into_bytes()),
    )?;
    for row in &grid.rows {
        wtr.write_record(row.iter().map(|c| neutralise(c)).map(|c| match c {
            std::borrow::Cow::Borrowed(b) => std::borrow::Cow::Borrowed(b.as_bytes()),
            std::borrow::Cow::Owned(o) => std::borrow::Cow::Owned(o.into_bytes()),
        }))?;
    }
    wtr.flush()?;
    Ok(())
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
