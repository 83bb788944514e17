//! `ismap-gap report`: check items × a CSP's published controls → the gap report.
use std::path::Path;

use anyhow::Result;

use crate::analysis::{self, GapReport, Reason};
use crate::cmd::Context;
use crate::config::{CatalogSource, ReportConfig};
use crate::date::Date;
use crate::error::{Exit, InputError, Location};
use crate::input;
use crate::input::stdin::{Role, Stdin};
use crate::messages;
use crate::report::{self, Format};

/// `--strict`: every unresolved reference and every CSP id unknown to the catalog, one
/// input error each (file, sheet, row or line, column), in list order.
fn strict_problems(report: &GapReport, cfg: &ReportConfig, refs_column: &str) -> Vec<InputError> {
    let mut out = Vec::new();
    let mut items: Vec<&analysis::ItemResult> = report
        .items
        .iter()
        .filter(|i| i.reasons.contains(&Reason::UnresolvedReference))
        .collect();
    // read from several sheets, the item names its own
    fn sheet_of<'a>(report: &'a GapReport, item: &'a analysis::ItemResult) -> Option<&'a str> {
        report.checks.sheet.as_deref().or_else(|| {
            input::checks::sheet_in(
                &report.checks.extra_columns,
                &report.checks.sheets,
                &item.extra,
            )
        })
    }
    // the report is sorted by severity: the errors follow the list (sheet by sheet, in the
    // workbook's order)
    let sheet_index = |item: &analysis::ItemResult| {
        sheet_of(report, item).and_then(|s| report.checks.sheets.iter().position(|x| x == s))
    };
    items.sort_by_key(|i| (sheet_index(i), i.row));
    for item in items {
        let sheet = sheet_of(report, item);
        for u in report.items.details(item).unresolved {
            // from several references columns, the reference's own
            let column = item
                .references
                .iter()
                .position(|r| *r == *u.reference)
                .and_then(|i| item.reference_columns.get(i))
                .map_or(refs_column, |c| &**c);
            let mut e = InputError::at(
                Location::file(&cfg.checks)
                    .sheet(sheet)
                    .row(item.row)
                    .column(column),
                format!(
                    "reference '{}' does not resolve: {}",
                    u.reference,
                    u.why.describe()
                ),
            );
            e.hint = Some(if u.suggestions.is_empty() {
                "correct the reference, or run without --strict to report it as unresolved".into()
            } else {
                format!("did you mean {}?", u.suggestions.join(", "))
            });
            out.push(e);
        }
    }
    for u in &report.csp.unknown_ids {
        let mut loc = Location::file(&cfg.csp);
        if let Some(l) = u.line {
            loc = loc.line(l);
        }
        let mut e = InputError::at(loc, format!("id '{}' is not in the catalog", u.id));
        e.hint = Some(if u.suggestions.is_empty() {
            "check the CSP list, or run without --strict to report it as a warning".into()
        } else {
            format!("did you mean {}?", u.suggestions.join(", "))
        });
        out.push(e);
    }
    out
}

/// `--strict`: the problems, one line each on stderr, then one error that counts them.
fn strict_check(
    report: &GapReport,
    cfg: &ReportConfig,
    refs_column: &str,
) -> Result<(), InputError> {
    let problems = strict_problems(report, cfg, refs_column);
    if problems.is_empty() {
        return Ok(());
    }
    let lang = messages::lang();
    for p in &problems {
        eprintln!(
            "{} {}",
            lang.pick("エラー:", "error:"),
            crate::text::strip_controls(&messages::input_error(p, lang)).replace(['\n', '\r'], " ")
        );
    }
    let refs = report.summary.unresolved_references;
    Err(InputError::new(format!(
        "--strict: {} problem(s): {refs} unresolved reference(s), {} CSP id(s) not in the catalog",
        problems.len(),
        report.csp.unknown_ids.len()
    ))
    .hint("correct them (each is named above), or run without --strict to report them"))
}

/// The review carried forward, on stderr for outputs that do not show it whole (CSV has
/// no place for the removed items).
fn review_note(review: &crate::analysis::review::ReviewSummary) -> String {
    let lang = messages::lang();
    let mut text = messages::translate(
        &format!(
            "review of {}: {}",
            review.origin(),
            review.counts_line(lang)
        ),
        lang,
    );
    if let Some(skipped) = review.skipped_text(lang) {
        text.push_str(&format!("; {skipped}"));
    }
    if !review.removed_items.is_empty() {
        let ids: Vec<&str> = review.removed_items.iter().map(|i| i.id.as_str()).collect();
        text.push_str(&format!(
            "; {}",
            messages::translate(
                &format!(
                    "{} item(s) of the review are no longer in the check list: {}",
                    ids.len(),
                    messages::first_ids(&ids, lang)
                ),
                lang
            )
        ));
    }
    messages::note(&text)
}

pub fn run(ctx: &Context, cfg: ReportConfig) -> Result<Exit> {
    let mut inputs: Vec<&Path> = vec![&cfg.checks, &cfg.csp];
    if let Some(p) = &cfg.review {
        inputs.push(p);
    }
    if let CatalogSource::File(p) = &ctx.catalog {
        inputs.push(p);
    }
    cfg.output.check(&inputs)?;
    let stdin = Stdin::read(&[(&cfg.checks, Role::Checks), (&cfg.csp, Role::ControlList)])?;
    stdin.sheet_applies(&cfg.checks, cfg.sheet.as_deref())?;
    let catalog = ctx.catalog()?;
    // the check list, then the CSP list, read one after the other on this thread: a second
    // reading thread (session 16, perf-n301) cut this thread's instructions but not the
    // wall time on 2 cores (an A/B of N=300 → table: +13 % min, BENCHMARKS.md)
    let checks = super::load_checks(
        &catalog,
        &stdin,
        &cfg.checks,
        input::checks::ReadOptions {
            encoding: cfg.encoding,
            sheet: cfg.sheet.as_deref(),
            refs_column: cfg.refs_column.as_deref(),
        },
        cfg.iso_edition,
        cfg.as_of.unwrap_or_else(Date::today),
    )?;
    let mut attestation = super::load_csp(
        &catalog,
        &stdin,
        &cfg.csp,
        &cfg.csp_reading.options(cfg.encoding, cfg.as_of),
    )?;
    if let Some(kind) = cfg.registration_kind {
        attestation.state_registration_kind(kind)?;
    }
    let previous = match &cfg.review {
        Some(p) => Some(input::review::load(
            p,
            cfg.encoding,
            cfg.review_sheet.as_deref(),
        )?),
        None => None,
    };
    cfg.output.check(&attestation.inherited_files())?;
    let as_of = cfg.as_of.unwrap_or_else(Date::today);
    let refs_column = checks.refs_column.clone();
    let mut report = analysis::analyse(&catalog, checks, &attestation, as_of, ctx.lang);
    report.as_of_default = cfg.as_of.is_none();
    // items without references: their candidates named in a procedure, status unchanged
    analysis::suggest::add_report_candidates_with(&mut report, || {
        analysis::suggest::Suggester::embedded(&catalog)
    })?;
    if let Some(previous) = previous {
        analysis::review::apply(&mut report, previous, crate::report::gap::gap_cells);
    }
    if cfg.strict {
        strict_check(&report, &cfg, &refs_column)?;
    }
    // the table on a terminal shows warnings and the review itself; elsewhere they also
    // go to stderr
    if !(cfg.format == Format::Table && cfg.output.is_stdout()) {
        for w in &report.warnings {
            eprintln!("{}", messages::warning(&w.message));
        }
        if let Some(review) = &report.review {
            eprintln!("{}", review_note(review));
        }
    }
    let style = ctx.style(cfg.output_encoding, &cfg.output);
    if cfg.format == Format::Xlsx {
        // the zip straight into the output file
        cfg.output
            .write_seekable_with(|w| report::xlsx::render_gap(&report, w))?;
    } else {
        cfg.output
            .write_with(|w| report::render_gap(&report, cfg.format, style, w))?;
    }
    // an item resting on a registration not in effect on the report's date (lapsed, not
    // yet registered, audited over a period not yet ended) crosses every level, as `diff
    // --fail-on-change` fails on it: nothing may be relied on through it (review 9 B-fail-1)
    let crossed: Vec<&str> = match cfg.fail_on {
        Some(threshold) => report
            .items
            .iter()
            // an item not asked in this procurement is no finding (review 15 B-1)
            .filter(|i| i.status != analysis::Status::NotAsked)
            .filter(|i| i.status >= threshold || i.rests_on_registration_not_in_effect())
            .map(|i| i.id.as_str())
            .collect(),
        None => Vec::new(),
    };
    if let (Some(threshold), false) = (cfg.fail_on, crossed.is_empty()) {
        let lang = messages::lang();
        let resting = report
            .items
            .iter()
            .any(|i| i.status < threshold && i.rests_on_registration_not_in_effect());
        let what = messages::translate(
            &if resting {
                format!(
                    "{} item(s) are {} or more severe, or rest on a registration not in effect on the report's date",
                    crossed.len(),
                    threshold.label(lang)
                )
            } else {
                format!(
                    "{} item(s) are {} or more severe",
                    crossed.len(),
                    threshold.label(lang)
                )
            },
            lang,
        );
        eprintln!(
            "{}",
            messages::fail_on(&format!("--fail-on {threshold}"), &what, &crossed)
        );
    }
    let failed = !crossed.is_empty();
    super::discard(report);
    Ok(if failed { Exit::Findings } else { Exit::Ok })
}
