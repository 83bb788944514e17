//! The readiness report in every format, from the one [`ReadinessReport`] model.
use std::io::Write;

use crate::analysis::readiness::{Counts, Finding, ReadinessItem, ReadinessReport};
use crate::lang::Lang;
use crate::report::grid::{Grid, Tone};
use crate::report::{csv, markdown, table, write_json, write_yaml, Format, TextStyle};
use crate::text::strip_controls;

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// Column headers of the per-group table.
pub fn group_headers(lang: Lang) -> Vec<&'static str> {
    let l = |ja, en| lang.pick(ja, en);
    vec![
        l("区分", "group"),
        l("必須", "required"),
        l("実施", "implemented"),
        l("非該当(理由あり)", "N/A with reason"),
        l("非該当(理由なし)", "N/A without reason"),
        l("計画中", "planned"),
        l("不足(記載なし・未実施)", "missing"),
        underlying_label(lang),
        outside_scope_label(lang),
        l("証跡なし", "evidence missing"),
        l("準備率", "readiness"),
    ]
}

/// The label of the count of objectives inherited from a service whose registration is
/// not in effect or not confirmed (both findings are counted there).
pub fn underlying_label(lang: Lang) -> &'static str {
    lang.pick(
        "継承元の登録が無効・未確認",
        "underlying not in effect/unconfirmed",
    )
}

/// The label of the count of objectives inherited from a service whose statement's scope
/// leaves out part of this service's.
pub fn outside_scope_label(lang: Lang) -> &'static str {
    lang.pick("継承元の言明範囲外", "outside underlying scope")
}

/// The counts of a group row, in the order of [`group_headers`] (after the label, before
/// the readiness): every required item is in one of the columns from 実施 to
/// 継承元の言明範囲外, so that they add up to 必須 (証跡なし counts implemented items again).
pub fn count_numbers(c: &Counts) -> [usize; 9] {
    [
        c.required,
        c.implemented,
        c.not_applicable,
        c.na_without_reason,
        c.planned,
        c.missing,
        c.underlying_not_in_effect,
        c.underlying_outside_scope,
        c.evidence_missing,
    ]
}

/// The cells of one group (or the total) row.
pub fn count_cells(label: &str, c: &Counts) -> Vec<String> {
    let mut cells = vec![label.to_owned()];
    cells.extend(count_numbers(c).iter().map(ToString::to_string));
    cells.push(pct(c.readiness));
    cells
}

fn tone(c: &Counts) -> Tone {
    if c.missing > 0
        || c.na_without_reason > 0
        || c.underlying_not_in_effect > 0
        || c.underlying_outside_scope > 0
    {
        Tone::Bad
    } else if c.planned > 0 || c.evidence_missing > 0 {
        Tone::Warn
    } else {
        Tone::Good
    }
}

/// Groups and the total.
pub fn group_grid(r: &ReadinessReport) -> Grid {
    let lang = r.lang;
    let mut g = Grid::new(group_headers(lang));
    g.tone_column = Some(0);
    for group in &r.groups {
        g.push(
            count_cells(&group.label, &group.counts),
            tone(&group.counts),
        );
    }
    g.push(
        count_cells(lang.pick("合計", "total"), &r.summary),
        tone(&r.summary),
    );
    g
}

/// The group table for a narrow terminal (review 24 E): the group (a clause by its number),
/// 必須, 準備率 and what
/// stands in the way as the counts that are not zero, each by its label ([`group_headers`]),
/// so that no header is broken one character a line.
fn compact_group_grid(r: &ReadinessReport) -> Grid {
    let lang = r.lang;
    let headers = group_headers(lang);
    let mut g = Grid::new([
        headers[0],
        headers[1],
        headers[headers.len() - 1],
        lang.pick("指摘", "findings"),
    ]);
    g.tone_column = Some(0);
    let row = |label: &str, c: &Counts| {
        let numbers = count_numbers(c);
        // after 必須, 実施 and 非該当(理由あり): what is not ready (証跡なし included)
        let open: Vec<String> = (3..numbers.len())
            .filter(|&i| numbers[i] > 0)
            .map(|i| format!("{} {}", headers[i + 1], numbers[i]))
            .collect();
        vec![
            label.to_owned(),
            c.required.to_string(),
            pct(c.readiness),
            open.join(", "),
        ]
    };
    for group in &r.groups {
        // the clause by its number (the title would wrap a few characters a line)
        g.push(
            row(&group_cell(&group.key, lang), &group.counts),
            tone(&group.counts),
        );
    }
    g.push(
        row(lang.pick("合計", "total"), &r.summary),
        tone(&r.summary),
    );
    g
}

/// The findings table for a narrow terminal: the id, the status and the findings of each
/// item with findings (the other columns of [`item_grid`] left out).
fn compact_item_grid(r: &ReadinessReport) -> Grid {
    const KEPT: [usize; 3] = [0, 4, 9];
    let full = item_grid(r, true);
    Grid {
        headers: KEPT.iter().map(|&c| full.headers[c].clone()).collect(),
        rows: (full.rows.iter())
            .map(|row| KEPT.iter().map(|&c| row[c].clone()).collect())
            .collect(),
        tones: full.tones,
        tone_column: Some(1),
    }
}

/// Headers of the statement-of-applicability rows (CSV, xlsx).
pub fn item_headers(lang: Lang) -> Vec<&'static str> {
    let l = |ja, en| lang.pick(ja, en);
    vec![
        l("管理策番号", "id"),
        l("区分", "group"),
        l("名称", "title"),
        l("必須", "required"),
        l("実施状況", "status"),
        l("記載元", "stated by"),
        l("理由", "reason"),
        l("証跡", "evidence"),
        l("担当", "owner"),
        l("指摘", "findings"),
    ]
}

/// The status cell of the statement of applicability: the item's state, whether the list
/// states it of the item itself, through the service it runs on, or of its objective or
/// items (then [`stated_by_cell`] names them, and a reader of the statement takes the row
/// as no statement of its own: [`is_stated_as_cell`]), so that the rows add up to the
/// counts; empty where the list states nothing of it (not listed: its finding says so).
/// An inherited implementation resting on an underlying registration not in effect keeps
/// its 実施 beside the service (記載元) and the finding 継承元の登録が無効, as README says:
/// read back, a row whose 記載元 names the service is refused whatever the registration
/// (review 17 D-3: was empty, and read back as 記載なし).
pub fn status_cell(i: &ReadinessItem, lang: Lang) -> String {
    use crate::analysis::readiness::ItemState;
    if i.state == ItemState::NotListed {
        String::new()
    } else {
        i.state.label(lang).to_owned()
    }
}

/// Where an item's state comes from when the list does not state it itself: the
/// underlying service (`サンプルIaaS経由`, `via IaaS`), or what it was stated as
/// (`3.1.2 の記載による`, `stated as 4.4.7`); empty when the list states it. A column of its
/// own, so that the status column holds only the values a status table is read by and the
/// statement of applicability can be read back (`report --csp`, `readiness`, `diff`).
pub fn stated_by_cell(i: &ReadinessItem, lang: Lang) -> String {
    stated_by(i.inherited_from.as_deref(), i.stated_as.as_deref(), lang)
}

/// The 記載元 / stated-by text of a state the list states through `inherited_from` or of
/// `stated_as` (`report`'s objectives sheet writes it as [`stated_by_cell`] does).
pub fn stated_by(inherited_from: Option<&str>, stated_as: Option<&str>, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(via) = inherited_from {
        parts.push(match lang {
            Lang::Ja => format!("{via}経由"),
            Lang::En => format!("via {via}"),
        });
    }
    if let Some(by) = stated_as {
        parts.push(match lang {
            Lang::Ja => format!("{by} の記載による"),
            Lang::En => format!("stated as {by}"),
        });
    }
    parts.join("; ")
}

/// Whether a 記載元 / stated-by cell [`stated_by_cell`] wrote says the row's state is
/// what the list states of something else (`3.1.2 の記載による`, `stated as 3.1.2`): its
/// status is then no statement of the row's own.
pub fn is_stated_as_cell(cell: &str) -> bool {
    cell.split("; ")
        .map(str::trim)
        .any(|part| part.ends_with(" の記載による") || part.starts_with("stated as "))
}

/// The service a 記載元 / stated-by cell [`stated_by_cell`] wrote says the row's state
/// comes through (`Test IaaS経由`, `via Test IaaS`): `None` when it names none.
pub fn inherited_via_cell(cell: &str) -> Option<&str> {
    cell.split("; ").map(str::trim).find_map(|part| {
        part.strip_suffix("経由")
            .or_else(|| part.strip_prefix("via "))
            .map(str::trim)
            .filter(|name| !name.is_empty())
    })
}

/// The group of an item in words: the layer's name for governance and management, the
/// clause number for a control (the JSON keeps the key).
pub fn group_cell(key: &str, lang: Lang) -> String {
    use crate::catalog::Layer;
    match key {
        "governance" => Layer::Governance.label(lang).to_owned(),
        "management" => Layer::Management.label(lang).to_owned(),
        clause => clause.to_owned(),
    }
}

pub fn item_cells(i: &ReadinessItem, lang: Lang) -> Vec<String> {
    vec![
        i.id.clone(),
        group_cell(&i.group, lang),
        i.title.clone(),
        if i.required {
            lang.pick("必須", "mandatory")
        } else {
            lang.pick("任意", "optional")
        }
        .to_owned(),
        status_cell(i, lang),
        stated_by_cell(i, lang),
        i.reason.clone(),
        i.evidence.clone(),
        i.owner.clone(),
        findings_cell(i, lang),
    ]
}

/// The findings of an item, each by its label; an exclusion whose written reason gives
/// none with why (`非該当の理由なし（理由と認めず: …）`): the reason cell holds the text as
/// written, and reads back as the same reason.
pub fn findings_cell(i: &ReadinessItem, lang: Lang) -> String {
    i.findings
        .iter()
        .map(|f| match (f, i.reason_not_accepted) {
            (Finding::NoReason, Some(why)) => format!("{}{}", f.label(lang), why.note(lang)),
            _ => f.label(lang).to_owned(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn item_tone(i: &ReadinessItem) -> Tone {
    if i.findings.iter().any(|f| {
        matches!(
            f,
            Finding::Missing
                | Finding::NotListed
                | Finding::ExclusionNotAllowed
                | Finding::NoReason
                | Finding::UnderlyingNotInEffect
                | Finding::UnderlyingNotConfirmed
                | Finding::UnderlyingOutsideScope
        )
    }) {
        Tone::Bad
    } else if !i.findings.is_empty() {
        Tone::Warn
    } else {
        Tone::Good
    }
}

/// The statement-of-applicability rows: every item, or only those with findings.
pub fn item_grid(r: &ReadinessReport, only_findings: bool) -> Grid {
    let mut g = Grid::new(item_headers(r.lang));
    g.tone_column = Some(4);
    for i in r
        .items
        .iter()
        .filter(|i| !only_findings || !i.findings.is_empty())
    {
        g.push(item_cells(i, r.lang), item_tone(i));
    }
    g
}

/// The report's title.
pub fn title(lang: Lang) -> &'static str {
    lang.pick("ISMAP 内部監査前の準備状況", "ISMAP readiness")
}

/// The label of the readiness share.
pub fn readiness_label(lang: Lang) -> &'static str {
    lang.pick("準備率", "Readiness")
}

/// The label of a note: the service's own registration lapsed is a finding (指摘), not a
/// note (review 21 D-4).
pub fn note_label(code: &str, lang: Lang) -> &'static str {
    if code == "registration-lapsed" {
        lang.pick("指摘", "FINDING")
    } else {
        lang.pick("注意", "NOTE")
    }
}

/// What the report was made from: (label, value) of the control list and the catalog, and
/// when the list states registry facts of its service, its registration on the as-of date
/// (`失効 (ISMAP, 更新期限 2026-03-31)`, as `report`'s CSV cell gives it).
pub fn source_facts(r: &ReadinessReport) -> Vec<(&'static str, String)> {
    let l = |ja, en| r.lang.pick(ja, en);
    let mut facts = vec![
        (l("管理策一覧", "Control list"), r.source.clone()),
        (l("カタログ", "Catalog"), r.catalog.line()),
    ];
    if r.registry.states_any() {
        facts.push((
            l("登録の状態", "Registration"),
            format!(
                "{} ({} {})",
                crate::report::gap::registration_cell(&r.registry, r.lang),
                l("基準日", "as of"),
                r.as_of
            ),
        ));
    }
    facts
}

/// The columns a CSV statement ends with when the list states registry facts of its
/// service ([`source_facts`]): the as-of date and the registration on it, the same on
/// every row, as `report`'s CSV rows end. Read back, they are dropped as the tool's
/// (`input::csp`), as the findings column is not read.
pub fn basis_headers(lang: Lang) -> [&'static str; 2] {
    let [as_of, _, registration] = crate::report::gap::csv_basis_headers(lang);
    [as_of, registration]
}

/// The statement of applicability as CSV: every item, with [`basis_headers`] when the list
/// states registry facts.
fn csv_grid(r: &ReadinessReport) -> Grid {
    let mut g = item_grid(r, false);
    if r.registry.states_any() {
        g.headers.extend(basis_headers(r.lang).map(str::to_owned));
        let basis = [
            r.as_of.to_string(),
            crate::report::gap::registration_cell(&r.registry, r.lang),
        ];
        for row in &mut g.rows {
            row.extend(basis.iter().cloned());
        }
    }
    g
}

/// The summary as lines of text.
pub fn summary_lines(r: &ReadinessReport) -> Vec<String> {
    let lang = r.lang;
    let l = |ja, en| lang.pick(ja, en);
    let s = &r.summary;
    let mut out: Vec<String> = source_facts(r)
        .iter()
        .map(|(label, value)| format!("{label}: {value}"))
        .collect();
    out.push(format!(
        "{} {} — {} {}, {} {}, {} {}, {} {}, {} {}, {} {}",
        readiness_label(lang),
        pct(s.readiness),
        l("必須", "required"),
        s.required,
        l("実施", "implemented"),
        s.implemented,
        l("非該当(理由あり)", "N/A with reason"),
        s.not_applicable,
        l("不足(記載なし・未実施)", "missing"),
        s.missing,
        l("非該当(理由なし)", "N/A without reason"),
        s.na_without_reason,
        l("計画中", "planned"),
        s.planned
    ));
    for (label, n) in [
        (underlying_label(lang), s.underlying_not_in_effect),
        (outside_scope_label(lang), s.underlying_outside_scope),
    ] {
        if n > 0 {
            if let Some(line) = out.last_mut() {
                line.push_str(&format!(", {label} {n}"));
            }
        }
    }
    for n in &r.notes {
        out.push(format!("{}: {}", note_label(n.code, lang), n.message));
    }
    out
}

/// Renders the readiness report as `format`.
pub fn render(
    r: &ReadinessReport,
    format: Format,
    style: TextStyle,
    w: &mut dyn Write,
) -> anyhow::Result<()> {
    let lang = r.lang;
    match format {
        Format::Json => write_json(w, r, style),
        Format::Yaml => write_yaml(w, r),
        Format::Csv => csv::render(&csv_grid(r), style.csv_encoding, w),
        Format::Md => {
            writeln!(w, "## {}\n", title(lang))?;
            markdown::bullets(summary_lines(r), w)?;
            writeln!(w)?;
            markdown::render(&group_grid(r), w)?;
            writeln!(w, "\n### {}\n", lang.pick("指摘事項", "Findings"))?;
            markdown::render(&item_grid(r, true), w)
        }
        Format::Table => {
            for line in summary_lines(r) {
                let line = strip_controls(&line);
                // the counts (`不足(記載なし・未実施) 2`) are never broken inside a label
                let parts = if line.starts_with(readiness_label(lang)) {
                    table::wrap_list(&line, ", ", style.width.into())
                } else {
                    table::wrap(&line, style.width.into())
                };
                for part in parts {
                    writeln!(w, "{part}")?;
                }
            }
            let compact = style.width < table::COMPACT_BELOW;
            let (groups, findings) = if compact {
                (compact_group_grid(r), compact_item_grid(r))
            } else {
                (group_grid(r), item_grid(r, true))
            };
            table::render(&groups, style.color, style.width, w)?;
            if !findings.rows.is_empty() {
                writeln!(w, "{}", lang.pick("指摘事項:", "Findings:"))?;
                table::render(&findings, style.color, style.width, w)?;
            }
            if compact {
                table::write_compact_note(w, lang, style.width)?;
            }
            Ok(())
        }
        Format::Xlsx => anyhow::bail!("a workbook is written by report::xlsx"),
    }
}
