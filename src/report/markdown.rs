//! Markdown tables for pasting into tickets; cells escaped and formula-like text neutralised.
use std::io::Write;

use crate::report::csv::neutralise;
use crate::report::grid::Grid;
use crate::text::strip_controls;

fn cell(s: &str) -> String {
    strip_controls(&neutralise(s))
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace('\n', "<br>")
}

/// Writes the grid as a GitHub-flavoured Markdown table.
pub fn render(grid: &Grid, w: &mut dyn Write) -> anyhow::Result<()> {
    let line = |cells: &[String]| -> String {
        format!(
            "| {} |",
            cells
                .iter()
                .map(|c| cell(c))
                .collect::<Vec<_>>()
                .join(" | ")
        )
    };
    writeln!(w, "{}", line(&grid.headers))?;
    writeln!(w, "|{}", "---|".repeat(grid.headers.len()))?;
    for row in &grid.rows {
        writeln!(w, "{}", line(row))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::grid::Tone;

    #[test]
    fn escapes_pipes_and_newlines() {
        let mut g = Grid::new(["a", "b"]);
        g.push(vec!["x|y".into(), "1\n2".into()], Tone::Plain);
        g.push(vec!["=cmd".into(), "".into()], Tone::Plain);
        let mut out = Vec::new();
        render(&g, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "| a | b |\n|---|---|\n| x\\|y | 1<br>2 |\n| '=cmd |  |\n"
        );
    }
}
