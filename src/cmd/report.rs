//! `ismap-gap report`: check items × a CSP's published controls → the gap report.
use std::path::Path;

use anyhow::Result;

use crate::analysis::{self, GapReport, Reason};
use crate::cmd::Context;
use crate::config::{CatalogSource, ReportConfig};
use crate::date::Date;
use crate::error::{Exit, InputError, Location};
use crate::input;
use crate::report::{self, Format};

/// `--strict`: the first unresolved reference or unknown CSP id becomes an input error.
fn strict_check(
    report: &GapReport,
    cfg: &ReportConfig,
    refs_column: &str,
) -> Result<(), InputError> {
    for item in &report.items {
        if !item.reasons.contains(&Reason::UnresolvedReference) {
            continue;
        }
        if let Some(u) = report.items.details(item).unresolved.first() {
            let mut e = InputError::at(
                Location::file(&cfg.checks)
                    .sheet(report.checks.sheet.as_deref())
                    .row(item.row)
                    .column(refs_column),
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
            return Err(e);
        }
    }
    if let Some(u) = report.csp.unknown_ids.first() {
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
        return Err(e);
    }
    Ok(())
}

pub fn run(ctx: &Context, cfg: ReportConfig) -> Result<Exit> {
    let mut inputs: Vec<&Path> = vec![&cfg.checks, &cfg.csp];
    if let CatalogSource::File(p) = &ctx.catalog {
        inputs.push(p);
    }
    cfg.output.check(&inputs)?;
    let catalog = ctx.catalog()?;
    let checks = input::checks::load(&cfg.checks, cfg.encoding, cfg.sheet.as_deref())?;
    let attestation = input::csp::load(&cfg.csp, cfg.encoding)?;
    analysis::csp::check_inheritance(&catalog, &attestation)?;
    cfg.output.check(&attestation.inherited_files())?;
    let as_of = cfg.as_of.unwrap_or_else(Date::today);
    let refs_column = checks.refs_column.clone();
    let mut report = analysis::analyse(&catalog, checks, &attestation, as_of, ctx.lang);
    // items without references: their candidates named in a procedure, status unchanged
    analysis::suggest::add_report_candidates(&catalog, &mut report)?;
    if cfg.strict {
        strict_check(&report, &cfg, &refs_column)?;
    }
    // the table on a terminal shows warnings itself; elsewhere they also go to stderr
    if !(cfg.format == Format::Table && cfg.output.is_stdout()) {
        for w in &report.warnings {
            eprintln!("warning: {}", crate::text::strip_controls(&w.message));
        }
    }
    let style = ctx.style(cfg.output_encoding, &cfg.output);
    cfg.output
        .write_with(|w| report::gap::render(&report, cfg.format, style, w))?;
    let failed = cfg
        .fail_on
        .is_some_and(|threshold| report.items.iter().any(|i| i.status >= threshold));
    super::discard(report);
    Ok(if failed { Exit::Findings } else { Exit::Ok })
}
