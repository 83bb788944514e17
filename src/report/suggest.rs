//! The `suggest` result in every format, from the one [`SuggestReport`] model: a table,
//! Markdown and JSON of the candidates, and (CSV, xlsx) the user's own check list with
//! candidate columns beside its references column ([`SheetOut`]).
use std::fmt::Write as _;
use std::io::Write;

use crate::analysis::suggest::{on_two_threads, Outcome, SuggestItem, SuggestReport, Suggestion};
use crate::input::checks::{Field, Layout};
use crate::input::table::{Region, Sheet, StoredCell, Visibility};
use crate::lang::Lang;
use crate::report::grid::{Grid, Tone};
use crate::report::{markdown, table, write_json, write_yaml, Format, TextStyle};
use crate::text::{header_key, strip_controls};

/// Headers of the candidate columns added to the check list: ids, titles, scores, words.
pub fn candidate_headers(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Ja => ["候補 (ISMAP)", "候補の名称", "候補のスコア", "一致した語"],
        Lang::En => [
            "candidates (ISMAP)",
            "candidate titles",
            "candidate scores",
            "matched terms",
        ],
    }
}

/// Header of the references column added to a list that has none (one `report` reads).
pub fn references_header(lang: Lang) -> &'static str {
    lang.pick("管理策", "controls")
}

/// The note on an item that speaks of a topic ISMAP does not assess, if it does.
fn topic_note(item: &SuggestItem, lang: Lang) -> Option<String> {
    let topic = item.result.outside_topic.as_ref()?;
    Some(match lang {
        Lang::Ja => format!("ISMAPの対象外の話題: {} (契約・SLA等で確認)", topic.label),
        Lang::En => format!(
            "a topic ISMAP does not assess: {} (check it in the contract/SLA)",
            topic.label
        ),
    })
}

/// What the titles cell says of an item without candidates.
fn no_candidate_text(item: &SuggestItem, lang: Lang) -> String {
    let mut text = format!("({})", item.result.outcome.label(lang));
    if let Some(note) = topic_note(item, lang) {
        text.push('\n');
        text.push_str(&note);
    }
    text
}

/// An item's four candidate cells: ids, titles, scores, matched words (one line each).
pub fn candidate_cells(item: &SuggestItem, lang: Lang) -> [String; 4] {
    let s = &item.result.suggestions;
    if s.is_empty() {
        return [
            String::new(),
            no_candidate_text(item, lang),
            String::new(),
            String::new(),
        ];
    }
    // each cell written in place, a line per candidate (this runs for every item)
    let lines = |f: &dyn Fn(&mut String, &Suggestion)| -> String {
        let mut cell = String::new();
        for (i, x) in s.iter().enumerate() {
            if i > 0 {
                cell.push('\n');
            }
            f(&mut cell, x);
        }
        cell
    };
    let mut titles = lines(&|c, x| c.push_str(&x.title));
    if let Some(note) = topic_note(item, lang) {
        titles.push('\n');
        titles.push_str(&note);
    }
    [
        lines(&|c, x| c.push_str(&x.id)),
        titles,
        lines(&|c, x| push_score(c, x.score)),
        lines(&|c, x| {
            for (k, m) in x.matched.iter().enumerate() {
                if k > 0 {
                    c.push_str(", ");
                }
                c.push_str(m);
            }
        }),
    ]
}

/// `score` as `{:.2}` writes it. A score is rounded to two decimals ([`Suggestion::score`]),
/// so its digits are those of the integer `k` it is `k / 100` of, written without the
/// float formatting (half the work of the candidate cells); any other value is formatted.
fn push_score(cell: &mut String, score: f64) {
    let k = (score * 100.0).round();
    if !(0.0..=100.0).contains(&k) || k / 100.0 != score || score.is_sign_negative() {
        let _ = write!(cell, "{score:.2}");
        return;
    }
    // in 0..=100 (checked above)
    let k = k as u8;
    cell.push(char::from(b'0' + k / 100));
    cell.push('.');
    cell.push(char::from(b'0' + k % 100 / 10));
    cell.push(char::from(b'0' + k % 10));
}

/// The summary as lines of text (terminal and Markdown).
pub fn summary_lines(r: &SuggestReport) -> Vec<String> {
    let lang = r.lang;
    let l = |ja, en| lang.pick(ja, en);
    let s = &r.summary;
    let sheet = match (&r.checks.sheet, r.checks.sheets.len()) {
        (Some(s), _) => format!(" [{s}]"),
        (None, n) if n > 1 => format!(" [{}]", r.checks.sheets.join(", ")),
        _ => String::new(),
    };
    let mut out = vec![
        format!("{} {}{sheet}", l("確認項目:", "Check items:"), r.checks.source),
        format!("{} {}", l("カタログ:", "Catalog:"), r.catalog.line()),
        format!(
            "{} {} {} ({})",
            l("語彙:", "Lexicon:"),
            r.lexicon.name,
            r.lexicon.version,
            l(
                "ismap-gapチームが作成した検索語。管理基準の本文ではない",
                "search words curated by the ismap-gap team, not text of the criteria"
            )
        ),
        format!(
            "{} {}: {} {} · {} {} · {} {} · {} {} — {} {:.2}",
            l("合計", "Total"),
            s.total,
            Outcome::Suggested.label(lang),
            s.suggested,
            Outcome::LeadsOnly.label(lang),
            s.leads_only,
            Outcome::NoConfidentMatch.label(lang),
            s.no_confident_match,
            Outcome::NoText.label(lang),
            s.no_text,
            l("最低スコア", "minimum score"),
            r.min_score
        ),
        l(
            "候補は参照ではありません: 該当するものを管理策列に書き入れてから report を実行してください",
            "Candidates are not references: write the ones that apply into the references column, then run report",
        )
        .to_owned(),
    ];
    if !r.lexicon.skipped_ids.is_empty() {
        out.push(format!(
            "{} {}",
            l(
                "注: カタログにないため使わなかった語彙のID:",
                "Note: lexicon ids not in this catalog (their words were not used):"
            ),
            r.lexicon.skipped_ids.join(", ")
        ));
    }
    out
}

/// One row per item: id, text, references as written, and one line per candidate: id,
/// score, title and the matched words.
fn grid(r: &SuggestReport) -> Grid {
    let lang = r.lang;
    let l = |ja, en| lang.pick(ja, en);
    let mut g = Grid::new([
        l("項番", "id"),
        l("確認項目", "title"),
        l("管理策 (記載)", "references (as written)"),
        l(
            "候補 (スコア) 名称 [一致した語]",
            "candidates (score) title [matched terms]",
        ),
    ]);
    g.tone_column = Some(3);
    for item in &r.items {
        let candidates = if item.result.suggestions.is_empty() {
            no_candidate_text(item, lang)
        } else {
            let mut lines: Vec<String> = item
                .result
                .suggestions
                .iter()
                .map(|s| {
                    format!(
                        "{} ({:.2}) {} [{}]",
                        s.id,
                        s.score,
                        s.title,
                        s.matched.join(", ")
                    )
                })
                .collect();
            lines.extend(topic_note(item, lang));
            lines.join("\n")
        };
        let tone = match item.result.outcome {
            Outcome::Suggested => Tone::Plain,
            Outcome::LeadsOnly => Tone::Warn,
            Outcome::NoConfidentMatch => Tone::Alert,
            Outcome::NoText => Tone::Unknown,
        };
        g.push(
            vec![
                item.id.clone(),
                item.title.clone(),
                item.references.join(", "),
                candidates,
            ],
            tone,
        );
    }
    g
}

/// Renders the result as a table, Markdown, JSON or YAML (CSV and xlsx write the check
/// list itself: [`SheetOut`]).
pub fn render(
    r: &SuggestReport,
    format: Format,
    style: TextStyle,
    w: &mut dyn Write,
) -> anyhow::Result<()> {
    match format {
        Format::Json => write_json(w, r, style),
        Format::Yaml => write_yaml(w, r),
        Format::Md => {
            writeln!(
                w,
                "## {}\n",
                r.lang
                    .pick("ISMAP 管理策の候補", "Suggested ISMAP references")
            )?;
            markdown::bullets(summary_lines(r), w)?;
            writeln!(w)?;
            markdown::render(&grid(r), w)
        }
        _ => {
            for line in summary_lines(r) {
                for part in table::wrap(&strip_controls(&line), style.width.into()) {
                    writeln!(w, "{part}")?;
                }
            }
            table::render(&grid(r), style.color, style.width, w)
        }
    }
}

/// The user's check list written back: every row and column as read, the candidate
/// columns inserted right of the references column (a references column first, right of
/// the check-item column, when the list has none). Candidate columns of an earlier run
/// right of the references column are replaced, not repeated.
#[derive(Debug, Clone)]
pub struct SheetOut {
    /// The sheet's name (a workbook's), for the written workbook.
    pub name: Option<String>,
    pub rows: Vec<Vec<String>>,
    /// 0-based index of the header row in `rows`.
    pub header_row: usize,
    /// 0-based column of the references.
    pub refs_col: usize,
    /// The columns added: first and how many (the references column included when added).
    pub added: (usize, usize),
    /// How the input's columns moved.
    pub shift: ColumnShift,
    /// Per item row (0-based index in `rows`): its candidate ids, for the drop-down.
    pub choices: Vec<(usize, Vec<String>)>,
    pub lang: Lang,
}

/// Columns inserted into a sheet: `removed` columns taken out at `at` (an earlier run's
/// candidate columns), then `added` put in their place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnShift {
    pub at: usize,
    pub removed: usize,
    pub added: usize,
}

impl ColumnShift {
    /// Where the input's column `c` goes; `None` for a column taken out.
    pub fn col(&self, c: usize) -> Option<usize> {
        if c < self.at {
            Some(c)
        } else if c < self.at + self.removed {
            None
        } else {
            Some(c - self.removed + self.added)
        }
    }
}

impl SheetOut {
    /// The sheet written back with the candidates of its `items` (the items read from it,
    /// in row order); the sheet's rows are moved into it.
    pub fn build(items: &[SuggestItem], sheet: Sheet, layout: &Layout, lang: Lang) -> SheetOut {
        let header_row = layout.header_row - 1;
        let headers = candidate_headers(lang);
        let header_cells = sheet.rows.get(header_row).cloned().unwrap_or_default();
        let (refs_col, insert_at, new_refs) = match layout.column(Field::Refs) {
            Some(c) => (c, past_header_merges(&sheet.merges, layout, c + 1), false),
            None => {
                let c = layout
                    .column(Field::Title)
                    .map_or(header_cells.len(), |t| t + 1);
                let c = past_header_merges(&sheet.merges, layout, c);
                (c, c, true)
            }
        };
        // an earlier run's candidate columns (either language) right of the references
        let ours = |h: &str| {
            [Lang::Ja, Lang::En].iter().any(|&l| {
                candidate_headers(l)
                    .iter()
                    .any(|x| header_key(x) == header_key(h))
            })
        };
        let old = if new_refs {
            0
        } else {
            header_cells
                .iter()
                .skip(insert_at)
                .take(headers.len())
                .take_while(|h| ours(h))
                .count()
        };
        let mut added: Vec<String> = Vec::new();
        if new_refs {
            added.push(references_header(lang).to_owned());
        }
        added.extend(headers.iter().map(|h| (*h).to_owned()));
        let n_added = added.len();

        // the items' candidate cells, on two threads for a long list
        let cells = on_two_threads(items.iter().collect(), |item: &SuggestItem, _: &mut ()| {
            candidate_cells(item, lang)
        });
        let mut items = items.iter().zip(cells).peekable();
        let mut rows = Vec::with_capacity(sheet.rows.len());
        let mut choices = Vec::new();
        for (i, mut row) in sheet.rows.into_iter().enumerate() {
            if row.len() > insert_at {
                row.drain(insert_at..(insert_at + old).min(row.len()));
            }
            let inserted: Vec<String> = if i == header_row {
                added.clone()
            } else {
                while items.peek().is_some_and(|(it, _)| it.row < i + 1) {
                    items.next();
                }
                match items.next_if(|(item, _)| i > header_row && item.row == i + 1) {
                    Some((item, candidates)) => {
                        let ids: Vec<String> = item
                            .result
                            .suggestions
                            .iter()
                            .map(|s| s.id.clone())
                            .collect();
                        if !ids.is_empty() {
                            choices.push((i, ids));
                        }
                        let mut cells = Vec::with_capacity(n_added);
                        if new_refs {
                            cells.push(String::new());
                        }
                        cells.extend(candidates);
                        cells
                    }
                    None => Vec::new(),
                }
            };
            if inserted.is_empty() {
                if row.len() > insert_at {
                    row.splice(
                        insert_at..insert_at,
                        std::iter::repeat_n(String::new(), n_added),
                    );
                }
            } else {
                if row.len() < insert_at {
                    row.resize(insert_at, String::new());
                }
                row.splice(insert_at..insert_at, inserted);
            }
            rows.push(row);
        }
        SheetOut {
            name: sheet.sheet,
            rows,
            header_row,
            refs_col,
            added: (if new_refs { refs_col } else { insert_at }, n_added),
            shift: ColumnShift {
                at: insert_at,
                removed: old,
                added: n_added,
            },
            choices,
            lang,
        }
    }
}

/// The column where the candidate columns go, `at` or right of a header cell merged across
/// it (`管理策` over `番号` | `名称` of a header of two rows): inserted under it, they would be
/// read as `管理策 候補 (ISMAP)`, and the workbook written back would not read as the one
/// given.
fn past_header_merges(merges: &[Region], layout: &Layout, mut at: usize) -> usize {
    let header = (layout.first_row.max(1) - 1)..layout.header_row;
    while let Some(m) = merges
        .iter()
        .find(|m| header.contains(&m.top) && m.left < at && at <= m.right)
    {
        at = m.right + 1;
    }
    at
}

/// What `suggest -o FILE.xlsx` writes: every sheet of the input in its order — the
/// sheets it read as [`SheetOut`]s, the others as they were — with the stored cells of a
/// workbook (types and formulas) where it has them.
#[derive(Debug)]
pub struct SuggestBook<'w> {
    pub sheets: Vec<BookSheet<'w>>,
    /// The input's formulas are in the form an xlsx stores them (not an .xls or .ods).
    pub xlsx_formulas: bool,
    /// The input's file name, for the footer.
    pub source: String,
    pub lang: Lang,
}

/// One sheet of a [`SuggestBook`].
#[derive(Debug)]
pub struct BookSheet<'w> {
    pub name: String,
    pub visibility: Visibility,
    /// The workbook's cells as stored; `None` for a CSV (its cells are text).
    pub stored: Option<&'w [Vec<StoredCell>]>,
    /// The sheet's formulas could not be read (its formula cells are values).
    pub formulas_unread: bool,
    /// The check list written back, when `suggest` read this sheet.
    pub out: Option<SheetOut>,
    /// The cell comments (メモ) of the input sheet, (row, column) from 0 in the input's
    /// columns → text: carried over as notes, since `report` reads one on an item's row as
    /// the item's note (review 19 A-9).
    pub comments: CellComments,
    /// What else of the input sheet `report` reads: merged cells, hidden rows and columns,
    /// struck-through cells (in the input's columns).
    pub look: SheetLook,
}

/// What `report` reads of a sheet besides its cells' values and comments, carried into
/// the workbook written back so that `report` reads it as it read the input (closing-12
/// "Left"): merged cells (an id merged over an item's two rows, a header of two rows),
/// hidden rows and columns and struck-through cells (named by `report`; a hidden
/// references column refused). All 0-based, in the input's columns.
#[derive(Debug, Default)]
pub struct SheetLook {
    pub merges: Vec<Region>,
    pub hidden_rows: Vec<usize>,
    pub hidden_columns: Vec<usize>,
    pub struck: Vec<(usize, usize)>,
}

/// Cell comments: (row, column) from 0 → text.
pub type CellComments = Vec<((usize, usize), String)>;

#[cfg(test)]
mod tests {
    use super::*;

    /// Every score the suggester can give (two decimals, 0 to 1), and values it does not
    /// give, written as `{:.2}` writes them.
    #[test]
    fn scores_are_written_as_float_formatting_writes_them() {
        let rounded = |x: f64| (x.clamp(0.0, 1.0) * 100.0).round() / 100.0;
        let mut scores: Vec<f64> = (0..=100).map(|k| f64::from(k) / 100.0).collect();
        scores.extend((0..=10_000).map(|i| rounded(f64::from(i) / 10_000.0)));
        scores.extend([
            0.125,
            0.375,
            0.005,
            0.015,
            0.994_999,
            0.995,
            1.0 / 3.0,
            1.5,
            100.0,
            -0.0,
            -0.01,
            f64::NAN,
            f64::INFINITY,
        ]);
        for score in scores {
            let mut cell = String::new();
            push_score(&mut cell, score);
            assert_eq!(cell, format!("{score:.2}"), "{score:?}");
        }
    }
}
