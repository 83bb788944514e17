//! The comparison of several CSPs in table, CSV, Markdown and JSON (xlsx in `xlsx`).
use std::io::Write;

use crate::analysis::compare::{CompareItem, CompareReport, CspColumn, Tier};
use crate::analysis::csp::Registration;
use crate::analysis::gap::ControlState;
use crate::analysis::{Reason, Status};
use crate::lang::Lang;
use crate::report::gap::{
    not_in_effect, noted_mark, notes_kinds, push_cell_marks, share_covered_label, status_label,
    status_marks,
};
use crate::report::grid::{Grid, Tone};
use crate::report::{csv, markdown, table, write_json, write_yaml, Format, TextStyle};

/// The comparison's title (Markdown heading, workbook).
pub fn title(lang: Lang) -> &'static str {
    lang.pick("ISMAP CSP比較", "ISMAP CSP comparison")
}

/// Every CSP's warnings, in rank order, each as "<CSP>: message".
pub fn warning_messages(r: &CompareReport) -> Vec<String> {
    r.csps
        .iter()
        .flat_map(|c| {
            c.warnings
                .iter()
                .map(move |w| format!("{}: {}", c.name, w.message))
        })
        .collect()
}

/// A CSP's registration as the ranking shows it: 有効 / 未確認 / 未発効 / 失効.
fn registration_cell(lang: Lang, csp: &CspColumn) -> String {
    csp.registration.label(lang).to_owned()
}

/// The label of the ranking rule ("順位", "Ranking").
pub fn ranking_label(lang: Lang) -> &'static str {
    lang.pick("順位の基準", "Ranking")
}

/// How the CSPs are ranked: the tiers in order, then the share covered.
pub fn ranking_rule(lang: Lang) -> String {
    let tiers: Vec<String> = Tier::ALL.iter().map(|t| t.cell(lang)).collect();
    match lang {
        Lang::Ja => format!(
            "区分 {} の順、同じ区分では充足率の高い順",
            tiers.join(" > ")
        ),
        Lang::En => format!(
            "by tier, {}; within a tier, by share covered",
            tiers.join(" > ")
        ),
    }
}

fn pct(x: Option<f64>) -> String {
    crate::report::gap::share_text(x)
}

/// Whether some item is not asked: the share covered then leaves them out, and its label
/// says so ([`share_covered_label`]; not asked is of the check list, the same for every CSP).
pub fn not_asked(r: &CompareReport) -> bool {
    r.csps.iter().any(|c| c.counts.count(Status::NotAsked) > 0)
}

/// Headers of the per-CSP summary: rank, name, share covered (its label saying it leaves
/// out the items not asked when some are: `not_asked`), a count per status, the service it
/// runs on, its registration, its tier (the ranking's first key).
pub fn summary_headers(lang: Lang, not_asked: bool) -> Vec<String> {
    let mut h: Vec<String> = vec![
        lang.pick("順位", "rank").to_owned(),
        lang.pick("CSP", "CSP").to_owned(),
        share_covered_label(lang, not_asked).to_owned(),
    ];
    h.extend(Status::ALL.iter().map(|s| s.label(lang).to_owned()));
    h.push(lang.pick("基盤", "runs on").to_owned());
    h.push(lang.pick("登録", "registration").to_owned());
    h.push(lang.pick("区分", "tier").to_owned());
    h
}

/// One row per CSP, in rank order.
pub fn summary_grid(r: &CompareReport) -> Grid {
    let mut g = Grid::new(summary_headers(r.lang, not_asked(r)));
    for c in &r.csps {
        let mut row = vec![c.rank.to_string(), c.name.clone(), pct(c.covered_share)];
        row.extend(Status::ALL.iter().map(|s| c.counts.count(*s).to_string()));
        row.push(
            c.inherits
                .as_ref()
                .map(|u| u.name.clone())
                .unwrap_or_default(),
        );
        row.push(registration_cell(r.lang, c));
        row.push(c.tier.cell(r.lang));
        g.push(row, Tone::Plain);
    }
    g
}

/// The ranking for a narrow terminal: rank, CSP, share covered, registration, and the
/// tier by its number (the ranking rule above names them).
fn compact_summary_grid(r: &CompareReport) -> Grid {
    let lang = r.lang;
    let mut g = Grid::new(vec![
        lang.pick("順位", "rank").to_owned(),
        lang.pick("CSP", "CSP").to_owned(),
        if not_asked(r) {
            share_covered_label(lang, true)
        } else {
            lang.pick("充足率", "covered")
        }
        .to_owned(),
        lang.pick("登録", "registration").to_owned(),
        lang.pick("区分", "tier").to_owned(),
    ]);
    for c in &r.csps {
        g.push(
            vec![
                c.rank.to_string(),
                c.name.clone(),
                pct(c.covered_share),
                registration_cell(lang, c),
                c.tier.number().to_string(),
            ],
            Tone::Plain,
        );
    }
    g
}

/// The matrix for a narrow terminal: id, then one status column per CSP headed by its
/// rank (the titles are in the other formats).
fn compact_matrix_grid(r: &CompareReport) -> Grid {
    let lang = r.lang;
    let mut headers = vec![lang.pick("項番", "id").to_owned()];
    headers.extend(r.csps.iter().map(|c| c.rank.to_string()));
    let mut g = Grid::new(headers);
    for item in &r.items {
        let mut row = vec![item.id.clone()];
        row.extend((0..item.statuses.0.len()).map(|k| status_cell(item, k, &r.csps, lang)));
        let worst = item.statuses.0.iter().map(|(_, s)| *s).max();
        g.push(row, worst.map_or(Tone::Plain, Tone::from));
    }
    g
}

/// The `k`-th CSP's status of an item as the matrix shows it: its label, marked when it is
/// covered with notes ("充足 ※").
pub fn status_cell(item: &CompareItem, k: usize, csps: &[CspColumn], lang: Lang) -> String {
    let mut cell = String::new();
    push_status_cell(item, k, csps, lang, &mut cell);
    cell
}

/// [`status_cell`], added to `out`: a status resting on a registration not in effect says
/// so first (`一部充足（失効）`, `保証水準不足（未発効）`: the matrix does not read as on a valid
/// one), and so does every status of a CSP (`csps[k]`) whose own registration is not in
/// effect, whatever it is (`未充足（失効・記載なし）`, `判定不能（失効）`: review 15 D-3), but an
/// item not asked, which is asked of no CSP; a not-covered or partial status says what the CSP's list states of the controls
/// it lacks (`未充足（記載なし）`, `未充足（未実施・非該当）`): not listed, not implemented,
/// planned and not applicable are kept apart, as `report` keeps them.
fn push_status_cell(
    item: &CompareItem,
    k: usize,
    csps: &[CspColumn],
    lang: Lang,
    out: &mut String,
) {
    let status = item.statuses.0.get(k).map(|(_, s)| *s);
    out.push_str(status.map_or("", |s| status_label(s, item.noted(k), lang)));
    let reasons = item.reasons.get(k).copied().unwrap_or_default();
    let column = csps.get(k).map(|c| c.registration);
    let registrations = registration_marks(status, reasons.to_vec(), column);
    let labels = status_marks(status, reasons, &registrations, lang);
    push_cell_marks(out, &labels, lang);
}

/// The registrations not in effect a status cell of a CSP whose own registration is `own`
/// names: those its `reasons` rest on, and `own` when it is lapsed or not yet valid, for
/// every status but not asked (asked of no CSP); most severe first. The matrix and the
/// CSP's own gap sheet mark the same.
pub fn registration_marks(
    status: Option<Status>,
    reasons: impl IntoIterator<Item = Reason>,
    own: Option<Registration>,
) -> Vec<Registration> {
    let mut registrations = not_in_effect(reasons);
    if let Some(own) = own.filter(|r| r.is_void()) {
        if status != Some(Status::NotAsked) && !registrations.contains(&own) {
            registrations.push(own);
            registrations.sort_by_key(|r| std::cmp::Reverse(*r));
        }
    }
    registrations
}

/// The widest status cells of one statement: a partial item not listed, covered with its
/// mark, partial on a lapsed registration, and not covered on an exclusion without a reason
/// (the matrix's status columns are as wide as these).
pub fn widest_status_cells(lang: Lang) -> [String; 4] {
    let partial = match lang {
        Lang::Ja => format!(
            "{}（{}）",
            Status::Partial.label(lang),
            ControlState::NotImplemented.label(lang)
        ),
        Lang::En => format!(
            "{} ({})",
            Status::NotCovered.label(lang),
            ControlState::NotImplemented.label(lang)
        ),
    };
    let lapsed = match lang {
        Lang::Ja => format!(
            "{}（{}・{}）",
            Status::Partial.label(lang),
            Registration::Lapsed.label(lang),
            ControlState::NotImplemented.label(lang)
        ),
        Lang::En => format!(
            "{} ({}, {})",
            Status::Partial.label(lang),
            Registration::Lapsed.label(lang),
            ControlState::NotImplemented.label(lang)
        ),
    };
    let mut no_reason = Status::NotCovered.label(lang).to_owned();
    crate::report::gap::push_cell_marks(
        &mut no_reason,
        &[crate::report::gap::not_applicable_without_reason_mark(lang)],
        lang,
    );
    [partial, noted_label(lang), lapsed, no_reason]
}

/// The widest status cell: covered with its mark.
pub fn noted_label(lang: Lang) -> String {
    status_label(Status::Covered, true, lang).to_owned()
}

/// What the mark means and where the reasons are, when some cell carries it.
pub fn notes_legend(r: &CompareReport) -> Option<String> {
    let any = r
        .items
        .iter()
        .any(|i| (0..r.csps.len()).any(|k| i.noted(k)));
    any.then(|| match r.lang {
        Lang::Ja => format!(
            "{} = 充足だが、reportがこの確認項目に理由 (注記) を付けている: {}。\
             理由はJSONの items[].reasons、CSP別シート、または `ismap-gap report --csp ファイル` で確認してください",
            noted_mark(r.lang),
            notes_kinds(r.lang)
        ),
        Lang::En => format!(
            "{} = covered, with reasons `report` gives the item (notes): {}; see items[].reasons in \
             JSON, the per-CSP sheets, or `ismap-gap report --csp FILE`",
            noted_mark(r.lang),
            notes_kinds(r.lang)
        ),
    })
}

/// The matrix's headers: id, title, then each CSP's name (rank order).
pub fn matrix_headers(r: &CompareReport) -> Vec<String> {
    let lang = r.lang;
    let mut headers = vec![
        lang.pick("項番", "id").to_owned(),
        lang.pick("確認項目", "title").to_owned(),
    ];
    headers.extend(r.csps.iter().map(|c| c.name.clone()));
    headers
}

/// An item's row of the matrix in `cells`, whose strings are reused: id, title, then each
/// CSP's status cell ([`status_cell`]).
pub fn matrix_row(item: &CompareItem, csps: &[CspColumn], lang: Lang, cells: &mut Vec<String>) {
    cells.resize_with(2 + item.statuses.0.len(), String::new);
    for cell in cells.iter_mut() {
        cell.clear();
    }
    let (texts, statuses) = cells.split_at_mut(2);
    texts[0].push_str(&item.id);
    texts[1].push_str(&item.title);
    for (k, cell) in statuses.iter_mut().enumerate() {
        push_status_cell(item, k, csps, lang, cell);
    }
}

/// The matrix: id, title, then one status column per CSP (rank order).
pub fn matrix_grid(r: &CompareReport) -> Grid {
    let lang = r.lang;
    let mut g = Grid::new(matrix_headers(r));
    for item in &r.items {
        let mut row = Vec::new();
        matrix_row(item, &r.csps, lang, &mut row);
        // the worst status of the row colours it on a terminal
        let worst = item.statuses.0.iter().map(|(_, s)| *s).max();
        g.push(row, worst.map_or(Tone::Plain, Tone::from));
    }
    g
}

fn summary_lines(r: &CompareReport) -> Vec<String> {
    let lang = r.lang;
    let mut out = vec![
        format!(
            "{} {} / {} {} / {} {}",
            lang.pick("確認項目:", "Check items:"),
            r.checks.source,
            lang.pick("CSP数", "CSPs"),
            r.csps.len(),
            lang.pick("基準日", "as of"),
            r.as_of
        ),
        format!(
            "{} {}",
            lang.pick("カタログ:", "Catalog:"),
            r.catalog.line()
        ),
    ];
    out.push(crate::report::gap::covered_means(lang).to_owned());
    out.push(format!("{}: {}", ranking_label(lang), ranking_rule(lang)));
    out.extend(notes_legend(r));
    for message in warning_messages(r) {
        out.push(format!("{} {message}", lang.pick("警告:", "WARNING:")));
    }
    out
}

/// The matrix as CSV: under the header, a row of each CSP's tier, then the per-CSP summary
/// the other formats give ([`summary_grid`]: rank, share covered, the count of each status,
/// the service it runs on, its registration; review 17 D-9), the as-of date, a row of the
/// warnings (when any CSP has some), then the items.
fn csv_grid(r: &CompareReport) -> Grid {
    let mut g = matrix_grid(r);
    let summary = summary_grid(r);
    let tier_col = summary.headers.len() - 1;
    let name_col = 1;
    let mut lead = Vec::new();
    // the tier first, then the summary's other columns in order, each a row
    for c in std::iter::once(tier_col).chain((0..tier_col).filter(|&c| c != name_col)) {
        let label = if c == tier_col {
            r.lang.pick("区分", "tier").to_owned()
        } else {
            summary.headers[c].clone()
        };
        let mut row = vec![label, String::new()];
        row.extend(summary.rows.iter().map(|cells| cells[c].clone()));
        lead.push(row);
    }
    lead.push(vec![
        r.lang.pick("基準日", "as of").to_owned(),
        r.as_of.to_string(),
    ]);
    if r.csps.iter().any(|c| !c.warnings.is_empty()) {
        let mut row = vec![r.lang.pick("警告", "warnings").to_owned(), String::new()];
        row.extend(r.csps.iter().map(|c| {
            c.warnings
                .iter()
                .map(|w| w.message.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        }));
        lead.push(row);
    }
    for row in &mut lead {
        row.resize(g.headers.len(), String::new());
    }
    let n = lead.len();
    g.rows.splice(0..0, lead);
    g.tones.splice(0..0, std::iter::repeat_n(Tone::Plain, n));
    // what the mark means, under those rows
    if let Some(legend) = notes_legend(r) {
        let at = g.rows.len() - r.items.len();
        let mut row = vec![noted_mark(r.lang).to_owned(), legend];
        row.resize(g.headers.len(), String::new());
        g.rows.insert(at, row);
        g.tones.insert(at, Tone::Plain);
    }
    g
}

pub fn render(
    r: &CompareReport,
    format: Format,
    style: TextStyle,
    w: &mut dyn Write,
) -> anyhow::Result<()> {
    match format {
        Format::Json => write_json(w, r, style),
        Format::Yaml => write_yaml(w, r),
        Format::Csv => csv::render(&csv_grid(r), style.csv_encoding, w),
        Format::Md => {
            writeln!(w, "## {}\n", title(r.lang))?;
            markdown::bullets(summary_lines(r), w)?;
            writeln!(w)?;
            markdown::render(&summary_grid(r), w)?;
            writeln!(w)?;
            markdown::render(&matrix_grid(r), w)
        }
        Format::Table => {
            for line in summary_lines(r) {
                table::write_wrapped(w, &line, style.width)?;
            }
            if style.width < table::COMPACT_BELOW {
                table::render(&compact_summary_grid(r), style.color, style.width, w)?;
                table::render(&compact_matrix_grid(r), style.color, style.width, w)?;
                table::write_wrapped(
                    w,
                    r.lang.pick(
                        "(狭い画面向けの表示です。行列の列見出しは上の順位、区分は順位の基準の番号です。確認項目の名称と判定ごとの件数は --format md/csv/xlsx で出力できます)",
                        "(compact view for a narrow terminal: the matrix's columns are headed by the rank above, the tier by its number in the ranking rule; --format md, csv or xlsx give the titles and the counts per status)",
                    ),
                    style.width,
                )?;
                return Ok(());
            }
            table::render(&summary_grid(r), style.color, style.width, w)?;
            table::render(&matrix_grid(r), style.color, style.width, w)
        }
        Format::Xlsx => anyhow::bail!("a workbook is written by report::xlsx"),
    }
}
