//! Terminal tables (comfy-table): widths right for Japanese text, colour only on a terminal.
use std::io::Write;

use comfy_table::{presets, Attribute, Cell, Color, ContentArrangement, Table};

use crate::report::grid::{Grid, Tone};
use crate::text::strip_controls;

fn color(t: Tone) -> Option<Color> {
    match t {
        Tone::Good => Some(Color::Green),
        Tone::Warn => Some(Color::Yellow),
        Tone::Caution => Some(Color::DarkYellow),
        Tone::Bad => Some(Color::Red),
        Tone::Alert => Some(Color::Magenta),
        Tone::Unknown => Some(Color::DarkGrey),
        Tone::Plain => None,
    }
}

/// Width of a table that is not drawn on a terminal.
pub const PLAIN_WIDTH: u16 = 160;

/// Draws the grid. Input text is stripped of control characters and escape sequences.
pub fn render(grid: &Grid, colored: bool, w: &mut dyn Write) -> anyhow::Result<()> {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if colored {
        table.enforce_styling();
        // colour forced into a pipe (`--color always | less -R`): no terminal to measure,
        // so the plain width, not an unlimited one
        if table.width().is_none() {
            table.set_width(PLAIN_WIDTH);
        }
    } else {
        // piped or plain: a fixed width so the output does not depend on the terminal
        table.force_no_tty().set_width(PLAIN_WIDTH);
    }
    table.set_header(
        grid.headers
            .iter()
            .map(|h| {
                let c = Cell::new(h);
                if colored {
                    c.add_attribute(Attribute::Bold)
                } else {
                    c
                }
            })
            .collect::<Vec<_>>(),
    );
    for (i, row) in grid.rows.iter().enumerate() {
        let tone = grid.tones.get(i).copied().unwrap_or(Tone::Plain);
        table.add_row(
            row.iter()
                .enumerate()
                .map(|(c, text)| {
                    let cell = Cell::new(strip_controls(text));
                    match (colored, grid.tone_column == Some(c), color(tone)) {
                        (true, true, Some(col)) => cell.fg(col),
                        _ => cell,
                    }
                })
                .collect::<Vec<_>>(),
        );
    }
    writeln!(w, "{table}")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_table_aligns_wide_characters() {
        let mut g = Grid::new(["ID", "確認項目"]);
        g.push(vec!["1".into(), "アクセス管理".into()], Tone::Good);
        g.push(vec!["22".into(), "ab\u{1b}[31m".into()], Tone::Bad);
        let mut out = Vec::new();
        render(&g, false, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(!s.contains('\u{1b}'), "{s}");
        let widths: Vec<usize> = s
            .lines()
            .map(unicode_width::UnicodeWidthStr::width)
            .collect();
        assert!(widths.windows(2).all(|p| p[0] == p[1]), "{s}");
    }
}
