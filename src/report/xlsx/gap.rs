//! The gap report workbook: a summary (counts and their chart where the sheet opens, then
//! the CSP's and the catalog's facts, warnings and the review carried forward), the gap
//! sheet, the items removed since the review, and every catalog item's state.

use rust_xlsxwriter::{Chart, ChartDataLabel, ChartType, Color, RowNum, Workbook, Worksheet};

use crate::analysis::gap::ControlState;
use crate::analysis::registration::UnderlyingInfo;
use crate::analysis::{GapReport, Status};
use crate::lang::Lang;
use crate::output::SeekWrite;
use crate::report::gap::{
    covered_means, notes_legend, objective_state_label, objective_tone, status_label, SummaryFact,
};
use crate::report::grid::Tone;
use crate::report::xlsx::common::{
    chart_last_col, chart_last_row, col_num, column_width, created_on, finish_table, format_down,
    new_workbook, print_setup, row_num, tone_colors, write_header_row, write_note,
    write_text_cells, Columns, Cuts, Print, Styles, Table,
};
use crate::report::xlsx::gap_sheet::{write_gap_sheet, write_removed_sheet, GapRows};
use crate::report::xlsx::sheet_xml::save_with_rows;

/// Sheet names, in the report's language.
pub fn sheet_names(lang: Lang) -> [&'static str; 3] {
    [
        lang.pick("概要", "Summary"),
        lang.pick("ギャップ", "Gaps"),
        lang.pick("統制目標", "Objectives"),
    ]
}

/// The name of the sheet of items removed since the review (`--review` only).
pub fn removed_sheet_name(lang: Lang) -> &'static str {
    lang.pick("前回から削除", "Removed since review")
}

fn title(lang: Lang) -> &'static str {
    lang.pick("ISMAP ギャップレポート", "ISMAP gap report")
}

/// The gap report workbook: summary, gap sheet, (removed items,) objectives sheet.
pub fn render_gap(report: &GapReport, w: &mut dyn SeekWrite) -> anyhow::Result<()> {
    let mut cuts = Cuts::default();
    let (mut workbook, rows) = gap_workbook(report, &mut cuts)?;
    match rows {
        None => {
            workbook.save_to_writer(w)?;
        }
        // a long gap sheet's rows are written by us as the workbook is saved
        Some((sheet, rows)) => save_with_rows(
            &mut workbook,
            &[rows.deferred(sheet)],
            |_, out| rows.write(out, &mut cuts),
            w,
        )?,
    }
    cuts.warn();
    Ok(())
}

/// The workbook, ready to save (with the rows of its gap sheet and that sheet's number when
/// they are left to [`save_with_rows`]); the same report always gives the same bytes.
fn gap_workbook<'r>(
    report: &'r GapReport,
    cuts: &mut Cuts,
) -> anyhow::Result<(Workbook, Option<(usize, GapRows<'r>)>)> {
    let lang = report.lang;
    let styles = Styles::new();
    let [summary_name, gaps_name, objectives_name] = sheet_names(lang);
    let created = created_on(report.as_of)?;
    let mut workbook = new_workbook(title(lang), &created);
    // a CSP whose registration is not in effect says so in the footer, as compare's sheet
    // for it does (review 26 B-1: the gap sheet is printed and handed on alone)
    let own = crate::report::gap::own_void(&report.csp);
    let mut name = report.csp.name.clone();
    if let Some(r) = own {
        crate::report::gap::push_cell_marks(&mut name, &[r.label(lang)], lang);
    }
    let footer = format!(
        "{} — {} — {} {}",
        title(lang),
        name,
        lang.pick("基準日", "as of"),
        report.as_of
    );

    let sheet = workbook.add_worksheet();
    sheet.set_name(summary_name)?;
    write_summary(sheet, report, &styles, summary_name, &footer)?;

    let gaps_sheet = workbook.worksheets().len() + 1;
    let sheet = crate::report::xlsx::common::add_row_sheet(
        &mut workbook,
        gaps_name,
        report.items.len(),
        crate::report::xlsx::gap_sheet::columns(report),
    )?;
    let rows = write_gap_sheet(
        sheet,
        report,
        &styles,
        &footer,
        cuts,
        Some(objectives_name),
        own,
    )?;
    if rows.is_none() {
        // the cut cells are all known: warned of before the removed items' ones
        std::mem::take(cuts).warn();
    }

    if let Some(review) = &report.review {
        let sheet = workbook.add_worksheet();
        sheet.set_name(removed_sheet_name(lang))?;
        write_removed_sheet(sheet, review, lang, &styles, &footer)?;
    }

    let sheet = workbook.add_worksheet();
    sheet.set_name(objectives_name)?;
    write_objectives(sheet, report, &styles, &footer)?;

    Ok((workbook, rows.map(|rows| (gaps_sheet, rows))))
}

/// A value of the facts list: input text, a count, or nothing known; or a fact that voids
/// what the report credits (a registration lapsed or not yet valid), written as the
/// warnings are.
enum Fact {
    Text(String),
    Count(usize),
    Unknown,
    Alert(String),
}

fn opt_text<T: ToString>(v: Option<T>) -> Fact {
    v.map_or(Fact::Unknown, |v| Fact::Text(v.to_string()))
}

/// The CSP's, the catalog's and the check list's facts, labelled.
fn facts(report: &GapReport) -> Vec<(&'static str, Fact)> {
    let lang = report.lang;
    let l = |ja, en| lang.pick(ja, en);
    let csp = &report.csp;
    let unknown_ids = csp
        .unknown_ids
        .iter()
        .map(|u| {
            if u.suggestions.is_empty() {
                u.id.clone()
            } else {
                format!(
                    "{} ({} {})",
                    u.id,
                    l("候補:", "did you mean"),
                    u.suggestions.join(", ")
                )
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut facts: Vec<(&str, Fact)> = vec![
        (SummaryFact::Csp.label(lang), Fact::Text(csp.name.clone())),
        (
            SummaryFact::CspList.label(lang),
            Fact::Text(csp.source.clone()),
        ),
        (
            l("読み取り", "Read as"),
            Fact::Text(crate::report::gap::read_as_text(&csp.read_as, lang)),
        ),
        (
            SummaryFact::RegistrationNumber.label(lang),
            opt_text(csp.registry.registration_number.as_ref()),
        ),
        (
            l("登録の種類", "Registration kind"),
            opt_text(csp.registry.registration_kind.map(|k| k.label())),
        ),
        (l("登録日", "Registered"), opt_text(csp.registry.registered)),
        (
            l("更新期限", "Renewal deadline"),
            opt_text(csp.registry.renewal_deadline),
        ),
        (l("登録の有効性", "Registration"), {
            // the one fact that voids every 充足 stands out (review 17 D-10)
            let label = csp.registry.registration.label(lang).to_owned();
            if csp.registry.registration.is_void() {
                Fact::Alert(label)
            } else {
                Fact::Text(label)
            }
        }),
        (
            l("監査対象期間", "Audit period"),
            opt_text(csp.registry.audit_period),
        ),
        (
            l("言明の対象範囲", "Scope of the statement"),
            if csp.scope.is_empty() {
                Fact::Unknown
            } else {
                Fact::Text(csp.scope.join("\n"))
            },
        ),
        (
            l("準拠法", "Governing law"),
            opt_text(csp.governing_law.as_ref()),
        ),
        (
            l("裁判管轄", "Jurisdiction"),
            opt_text(csp.jurisdiction.as_ref()),
        ),
        (
            l("後発事象", "Subsequent events"),
            opt_text(csp.subsequent_events.as_deref().map(|v| lang.fact(v))),
        ),
        (
            l("改善計画", "Improvement plan"),
            opt_text(csp.improvement_plan.as_deref().map(|v| lang.fact(v))),
        ),
        (
            l("記載された必須の統制目標", "Mandatory objectives stated"),
            Fact::Text(format!(
                "{} / {}",
                csp.list.stated_objectives, csp.list.mandatory_objectives
            )),
        ),
        (
            l("実施と記載された項目", "Implemented (listed)"),
            Fact::Count(csp.implemented),
        ),
        (
            l("非該当", "Not applicable"),
            Fact::Count(csp.not_applicable),
        ),
        (
            l("無視した語", "Ignored tokens"),
            Fact::Count(csp.ignored_tokens),
        ),
        (
            l("カタログにないID", "Ids not in the catalog"),
            Fact::Text(unknown_ids),
        ),
        (
            SummaryFact::Catalog.label(lang),
            Fact::Text(report.catalog.line()),
        ),
        (
            l("カタログの詳細管理策", "Catalog's detailed controls"),
            match report.catalog_details_held {
                Some(held) => Fact::Text(crate::analysis::gap::catalog_incomplete_text(held, lang)),
                None => Fact::Text(l("すべて", "all").to_owned()),
            },
        ),
        (
            SummaryFact::CheckItems.label(lang),
            Fact::Text(report.checks.line()),
        ),
        (
            crate::report::gap::edition_label(lang),
            Fact::Text(
                crate::report::gap::editions_text(&report.checks, lang).unwrap_or_else(|| {
                    l(
                        "判断不要(版で読み方が変わる参照なし)",
                        "not needed (no reference depends on it)",
                    )
                    .to_owned()
                }),
            ),
        ),
        (
            l("基準日", "As of"),
            Fact::Text(crate::report::gap::as_of_text(report)),
        ),
        (
            l("未解決の参照", "Unresolved references"),
            Fact::Count(report.summary.unresolved_references),
        ),
        // last: the rows themselves are named under it
        (
            crate::report::gap::rows_not_read_label(lang),
            Fact::Count(report.checks.rows_not_read.len()),
        ),
    ];
    // what the list states planned and not implemented, after its exclusions, where it
    // states some (a published list states neither)
    let after_na = facts
        .iter()
        .position(|(label, _)| *label == l("非該当", "Not applicable"))
        .map_or(facts.len(), |i| i + 1);
    let stated_otherwise = [
        (l("計画中", "Planned"), csp.planned),
        (l("未実施", "Not implemented"), csp.not_implemented),
    ];
    for (k, (label, n)) in stated_otherwise
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .enumerate()
    {
        facts.insert(after_na + k, (label, Fact::Count(n)));
    }
    // the list entry's other facts, shown where they were given
    if let Some(p) = &csp.provider {
        facts.insert(
            1,
            (
                l("クラウドサービス事業者", "Cloud service provider"),
                Fact::Text(p.clone()),
            ),
        );
    }
    // each service it runs on, nearest first, after its own registration: described as
    // the summary lines describe it
    let after_audit = facts
        .iter()
        .position(|(label, _)| *label == l("監査対象期間", "Audit period"))
        .map_or(facts.len(), |i| i + 1);
    for (k, under) in csp
        .inherits
        .iter()
        .flat_map(UnderlyingInfo::chain)
        .enumerate()
    {
        facts.insert(
            after_audit + k,
            (crate::report::gap::underlying_label(lang), {
                let text = format!(
                    "{}{}{}",
                    under.name,
                    crate::report::gap::registration_text(&under.registry, report.as_of, lang),
                    crate::report::gap::scope_compared_text(&under.scope, lang)
                );
                // a service under it not in effect voids what rests on it: as its own
                if under.registry.registration.is_void() {
                    Fact::Alert(text)
                } else {
                    Fact::Text(text)
                }
            }),
        );
    }
    let after_plan = facts
        .iter()
        .position(|(label, _)| *label == l("改善計画", "Improvement plan"))
        .map_or(facts.len(), |i| i + 1);
    let published = [
        (
            l(
                "資本関係・役員等の情報",
                "Capital relationships and officers",
            ),
            &csp.capital_relationships,
        ),
        (
            l("第三者による検証", "Third-party testing"),
            &csp.third_party_testing,
        ),
    ];
    for (k, (label, v)) in published
        .into_iter()
        .filter_map(|(label, v)| v.as_ref().map(|v| (label, v)))
        .enumerate()
    {
        facts.insert(after_plan + k, (label, Fact::Text(v.clone())));
    }
    facts
}

/// Width of the summary's columns: labels, counts, shares, a gap, then the chart's.
const SUMMARY_WIDTHS: [f64; 11] = [
    30.0, 12.0, 10.0, 2.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0,
];
/// The chart's size, in pixels: it covers columns E to K.
const SUMMARY_CHART: (u32, u32) = (520, 260);

/// Sheet 1: the counts per status with their chart at the top, then facts, what
/// covered means, warnings and the review; printed on one page.
fn write_summary(
    sheet: &mut Worksheet,
    report: &GapReport,
    styles: &Styles,
    sheet_name: &str,
    footer: &str,
) -> anyhow::Result<()> {
    let lang = report.lang;
    let l = |ja, en| lang.pick(ja, en);
    let columns = Columns::new(SUMMARY_WIDTHS.to_vec());
    columns.apply(sheet)?;
    let last_col = col_num(SUMMARY_WIDTHS.len() - 1)?;
    sheet.write_string_with_format(0, 0, title(lang), &styles.title)?;

    // counts per status: the table the chart reads
    let table_header: RowNum = 2;
    let mut row = table_header;
    let header = [l("判定", "Status"), l("件数", "Items"), l("割合", "Share")];
    write_header_row(sheet, row, &header, &columns, styles)?;
    let summary = &report.summary;
    let share = |n: usize| {
        if summary.total == 0 {
            0.0
        } else {
            n as f64 / summary.total as f64
        }
    };
    let mut chart_colors: Vec<Color> = Vec::new();
    for status in Status::ALL {
        row += 1;
        let tone = Tone::from(status);
        let n = summary.count(status);
        sheet.write_string_with_format(row, 0, status.label(lang), styles.toned(tone))?;
        sheet.write_number_with_format(row, 1, n as f64, &styles.number)?;
        sheet.write_number_with_format(row, 2, share(n), &styles.percent)?;
        chart_colors.push(tone_colors(tone).map_or(Color::Gray, |(_, strong)| strong));
    }
    let last_status_row = row;
    row += 1;
    sheet.write_string_with_format(row, 0, l("合計", "Total"), &styles.total)?;
    sheet.write_number_with_format(row, 1, summary.total as f64, &styles.total)?;
    sheet.write_number_with_format(row, 2, share(summary.total), &styles.total_percent)?;
    row += 1;
    // its denominator leaves out the items not asked, when some are: said as the table and
    // Markdown say it, the share in the 割合 column (review 17 D-1: was in the 件数 column,
    // unlabelled, beside the shares of the total)
    let share_label = crate::report::gap::share_covered_label(lang, summary.not_asked > 0);
    // a row label: its first letter a capital (`Share covered`)
    let mut chars = share_label.chars();
    let share_label: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    sheet.write_string_with_format(row, 0, &share_label, &styles.total)?;
    match summary.covered_share {
        Some(share) => sheet.write_number_with_format(row, 2, share, &styles.total_percent)?,
        // no item asked: no share (review 20 D-3)
        None => sheet.write_string_with_format(row, 2, "—", &styles.total)?,
    };
    // of the covered, those carrying notes to read (marked in the gap sheet), when any
    if summary.covered_with_notes > 0 {
        row += 1;
        let label = format!(
            "{}{}",
            l("うち ", "of which "),
            status_label(Status::Covered, true, lang)
        );
        let n = summary.covered_with_notes;
        sheet.write_string_with_format(
            row,
            0,
            &label,
            styles.toned(Tone::from(Status::Covered)),
        )?;
        sheet.write_number_with_format(row, 1, n as f64, &styles.number)?;
        sheet.write_number_with_format(row, 2, share(n), &styles.percent)?;
    }

    let mut chart = Chart::new(ChartType::Column);
    chart
        .add_series()
        .set_name(l("件数", "Items"))
        .set_categories((sheet_name, table_header + 1, 0, last_status_row, 0))
        .set_values((sheet_name, table_header + 1, 1, last_status_row, 1))
        .set_point_colors(&chart_colors)
        .set_data_label(ChartDataLabel::new().show_value());
    chart
        .title()
        .set_name(l("判定別の件数", "Check items per status"));
    chart.legend().set_hidden();
    let (width, height) = SUMMARY_CHART;
    chart.set_width(width).set_height(height);
    sheet.insert_chart(table_header, 4, &chart)?;

    // the facts under the table and the chart, each value across the chart's columns
    row = row.max(chart_last_row(table_header, height)) + 2;
    for (label, fact) in facts(report) {
        let count;
        let value = match &fact {
            Fact::Text(t) | Fact::Alert(t) if !t.is_empty() => t.as_str(),
            Fact::Count(n) => {
                count = n.to_string();
                count.as_str()
            }
            Fact::Text(_) | Fact::Alert(_) | Fact::Unknown => "—",
        };
        let (label_format, format) = match fact {
            Fact::Alert(_) => (&styles.warning, &styles.warning),
            _ => (&styles.label, &styles.text),
        };
        if let Fact::Count(n) = fact {
            sheet.write_string_with_format(row, 0, label, &styles.label)?;
            sheet.write_number_with_format(row, 1, n as f64, &styles.fact_number)?;
        } else {
            write_note(
                sheet,
                row,
                (label, label_format),
                (value, format),
                &columns,
                last_col,
            )?;
        }
        row += 1;
    }
    // each row of the check list not read as an item: what, where, its text
    for r in &report.checks.rows_not_read {
        write_note(
            sheet,
            row,
            ("", &styles.label),
            (
                &crate::report::gap::row_not_read_text(&report.checks, r, lang),
                &styles.text,
            ),
            &columns,
            last_col,
        )?;
        row += 1;
    }
    write_note(
        sheet,
        row,
        (l("充足の意味", "Covered means"), &styles.label),
        (covered_means(lang), &styles.text),
        &columns,
        last_col,
    )?;
    if summary.covered_with_notes > 0 {
        row += 1;
        write_note(
            sheet,
            row,
            (l("注記", "Notes"), &styles.label),
            (&notes_legend(lang), &styles.text),
            &columns,
            last_col,
        )?;
    }
    row += 2;
    let warning_label = l("警告", "Warning");
    if report.warnings.is_empty() {
        sheet.write_string_with_format(row, 0, warning_label, &styles.label)?;
        sheet.write_string_with_format(row, 1, l("なし", "none"), &styles.text)?;
        row += 1;
    }
    for warning in &report.warnings {
        write_note(
            sheet,
            row,
            (warning_label, &styles.warning),
            (&warning.message, &styles.warning),
            &columns,
            last_col,
        )?;
        row += 1;
    }
    if let Some(review) = &report.review {
        row += 1;
        write_note(
            sheet,
            row,
            (l("前回のレビュー", "Previous review"), &styles.label),
            (
                &match review.skipped_text(lang) {
                    Some(skipped) => format!("{} ({skipped})", review.origin()),
                    None => review.origin(),
                },
                &styles.text,
            ),
            &columns,
            last_col,
        )?;
        row += 1;
        write_note(
            sheet,
            row,
            (l("前回からの変化", "Changes since review"), &styles.label),
            (&review.counts_line(lang), &styles.text),
            &columns,
            last_col,
        )?;
    }
    print_setup(
        sheet,
        &Print {
            footer,
            header_row: None,
            one_page: true,
            fit_width: true,
            last_row: row,
            last_col: last_col.max(col_num(chart_last_col(&columns, 4, width))?),
        },
    )
}

/// Sheet 3: every catalog item and the CSP's state for it.
fn write_objectives(
    sheet: &mut Worksheet,
    report: &GapReport,
    styles: &Styles,
    footer: &str,
) -> anyhow::Result<()> {
    let lang = report.lang;
    let l = |ja, en| lang.pick(ja, en);
    let headers = [
        l("番号", "id"),
        l("区分", "layer"),
        l("名称", "title"),
        l("CSPの記載", "state"),
        l("記載元", "stated by"),
        l("理由", "reason"),
    ];
    let columns = Columns::new(vec![
        column_width(
            report
                .objectives
                .iter()
                .map(|o| o.id.as_str())
                .chain([headers[0]]),
        ),
        16.0,
        column_width(
            report
                .objectives
                .iter()
                .map(|o| o.title.as_str())
                .chain([headers[2]]),
        ),
        14.0,
        18.0,
        40.0,
    ]);
    write_header_row(sheet, 0, &headers, &columns, styles)?;
    let mut cuts = Cuts::default();
    let mut state_formats = Vec::with_capacity(report.objectives.len());
    for (r, o) in report.objectives.iter().enumerate() {
        let xr = row_num(r + 1)?;
        // an exclusion without a reason says so, as the gap sheet does
        // (a text written as the reason that gives none: as written, with why)
        let unaccepted = o.reason_not_accepted.as_ref().map(|u| u.cell(lang));
        let reason = match (o.state, o.reason.as_deref()) {
            (ControlState::NotApplicable, None | Some("")) => unaccepted
                .as_deref()
                .unwrap_or(lang.pick("(理由なし)", "(no reason given)")),
            (_, reason) => reason.unwrap_or(""),
        };
        let mut stated_by = crate::report::readiness::stated_by(
            o.inherited_from.as_deref(),
            o.stated_as.as_deref(),
            lang,
        );
        // an inherited state resting on a registration not in effect is said so in the
        // state cell too: never 実施 alone, which reads as covered
        let void = o.inherited_not_in_effect.as_ref();
        let state = match void {
            Some(void) => crate::report::gap::not_in_effect_state(void, lang),
            None => objective_state_label(o.state, lang).to_owned(),
        };
        if let Some(void) = void {
            stated_by.push_str("; ");
            stated_by.push_str(&crate::report::gap::registration_not_in_effect(void, lang));
        }
        let texts = [
            o.id.as_str(),
            o.layer.label(lang),
            o.title.as_str(),
            state.as_str(),
            stated_by.as_str(),
            reason,
        ];
        let tone = match void {
            Some(_) => Tone::Bad,
            None => objective_tone(o.state),
        };
        state_formats.push(styles.toned(tone));
        write_text_cells(sheet, xr, &texts, &columns, (&headers, &mut cuts))?;
    }
    // every cell in the table's look but the state, toned: given a block of rows at a
    // time rather than a run of cells a row (each call hashes its format), to the same
    // cells, the formats first met in the same order (the look, then the tones down the
    // rows), so the same style indices
    if let Some(last) = report.objectives.len().checked_sub(1) {
        let last = row_num(last + 1)?;
        sheet.set_range_format(1, 0, last, 2, &styles.cell)?;
        format_down(sheet, 1, 3, state_formats)?;
        sheet.set_range_format(1, 4, last, 5, &styles.cell)?;
    }
    cuts.warn();
    finish_table(
        sheet,
        &Table {
            columns: &columns,
            last_row: row_num(report.objectives.len())?,
            last_col: 5,
            last_printed: 5,
            frozen_cols: 1,
            fit_width: true,
            footer,
        },
    )
}
