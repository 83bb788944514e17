//! Markdown for pasting into tickets: tables and header bullets, every input-derived text
//! escaped by one escaper. Formula-like text is shown as written: the `'` that guards a CSV
//! cell in Excel is no part of the text, and Markdown is no spreadsheet (review 26 E-1).
use std::io::Write;

use crate::report::grid::Grid;
use crate::text::strip_controls;

/// One cell: the text shown as written. Markdown markup in it (links, images, HTML
/// tags, emphasis, code) is escaped so that a check item such as `[x](javascript:…)` or
/// `![](http://…)` stays text when the table is pasted into a ticket; line breaks become
/// `<br>`.
fn cell(s: &str) -> String {
    let text = strip_controls(s).replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("<br>"),
            // `[` `]` are enough to keep `[x](…)` and `![](…)` from being links or images
            '\\' | '|' | '[' | ']' | '<' | '>' | '*' | '_' | '`' | '~' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Writes `lines` (a report's header: the CSP's name, registry facts and warnings, which
/// carry text from the inputs) as a bullet list, each escaped as a table cell is: a CSP
/// named `<img src=…>` or subsequent events holding `[x](javascript:…)` stay text.
pub fn bullets(
    lines: impl IntoIterator<Item = impl AsRef<str>>,
    w: &mut dyn Write,
) -> anyhow::Result<()> {
    for line in lines {
        writeln!(w, "- {}", cell(line.as_ref()))?;
    }
    Ok(())
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
            "| a | b |\n|---|---|\n| x\\|y | 1<br>2 |\n| =cmd |  |\n"
        );
    }

    #[test]
    fn header_bullets_are_escaped_as_cells() {
        let mut out = Vec::new();
        bullets(
            [
                "CSP: <img src=https://evil.example/x.png>[x](javascript:alert(1))",
                "WARNING: events: [詳細](javascript:alert(1)) | <img src=x> `x`",
            ],
            &mut out,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "- CSP: \\<img src=https://evil.example/x.png\\>\\[x\\](javascript:alert(1))\n- WARNING: events: \\[詳細\\](javascript:alert(1)) \\| \\<img src=x\\> \\`x\\`\n"
        );
    }

    #[test]
    fn markup_in_a_cell_stays_text() {
        assert_eq!(
            cell("[x](javascript:alert(1)) ![i](http://e/x.png) <b>*a*_b_`c`~d~ AC-2(1)"),
            "\\[x\\](javascript:alert(1)) !\\[i\\](http://e/x.png) \\<b\\>\\*a\\*\\_b\\_\\`c\\`\\~d\\~ AC-2(1)"
        );
        assert_eq!(
            cell("利用者登録（9.2.1）\r\n次行"),
            "利用者登録（9.2.1）<br>次行"
        );
    }
}
