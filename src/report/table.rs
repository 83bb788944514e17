//! Terminal tables (comfy-table): widths right for Japanese text, colour only on a terminal.
use std::io::Write;

use comfy_table::{presets, Attribute, Cell, Color, ContentArrangement, Table};
use unicode_width::UnicodeWidthStr;

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

/// `line` cut into lines of at most `width` terminal columns (wide characters count two),
/// at a space where the line has one in reach, else anywhere; continuation lines are
/// indented by two spaces. Summary lines above a table are kept within its width.
pub fn wrap(line: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthChar;
    let mut out = Vec::new();
    let mut current = String::new();
    let mut used = 0;
    // byte index in `current` after the last space, and the width up to it
    let mut last_space: Option<(usize, usize)> = None;
    for c in line.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width && !current.trim().is_empty() {
            let rest = match last_space {
                Some((at, _)) if at > 2 => current.split_off(at),
                _ => String::new(),
            };
            out.push(current.trim_end().to_owned());
            current = format!("  {rest}");
            used = UnicodeWidthStr::width(current.as_str());
            last_space = None;
        }
        current.push(c);
        used += w;
        if c == ' ' {
            last_space = Some((current.len(), used));
        }
    }
    if !current.trim().is_empty() || out.is_empty() {
        out.push(current);
    }
    out
}

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
    fn long_lines_wrap_within_the_width() {
        let en =
            "WARNING: The CSP list looks incomplete: it states 4 of the 147 mandatory objectives";
        let lines = wrap(en, 30);
        assert!(lines.iter().all(|l| l.width() <= 30), "{lines:?}");
        assert_eq!(lines[0], "WARNING: The CSP list looks");
        assert_eq!(
            lines.concat().replace("  ", " ").split_whitespace().count(),
            en.split_whitespace().count()
        );
        let ja = "警告: CSPの一覧は不完全の可能性があります: 必須の統制目標147件のうち4件のみ記載";
        let lines = wrap(ja, 20);
        assert!(lines.iter().all(|l| l.width() <= 20), "{lines:?}");
        assert_eq!(
            lines
                .iter()
                .map(|l| l.trim_start())
                .collect::<String>()
                .replace(' ', ""),
            ja.replace(' ', "")
        );
        assert_eq!(wrap("short", 160), ["short"]);
        assert_eq!(wrap("", 160), [""]);
    }

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
