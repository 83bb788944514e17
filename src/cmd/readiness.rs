//! `ismap-gap readiness`: a CSP's own control list against the catalog's mandatory rules.
use anyhow::Result;

use crate::analysis::readiness;
use crate::cmd::Context;
use crate::config::{CatalogSource, ReadinessConfig};
use crate::error::Exit;
use crate::input;
use crate::model::ReadKind;
use crate::report::{self, Format};

pub fn run(ctx: &Context, cfg: ReadinessConfig) -> Result<Exit> {
    let mut inputs = vec![cfg.implemented.as_path()];
    if let CatalogSource::File(p) = &ctx.catalog {
        inputs.push(p);
    }
    cfg.output.check(&inputs)?;
    let catalog = ctx.catalog()?;
    let list = input::csp::load(
        &cfg.implemented,
        &cfg.csp_reading.options(cfg.encoding),
        &catalog,
    )?;
    crate::analysis::csp::check_inheritance(&catalog, &list)?;
    cfg.output.check(&list.inherited_files())?;
    // the columns a table was read by, where they matter: what the numbers rest on
    if matches!(list.read_as.kind, ReadKind::StatusTable | ReadKind::Mixed) {
        eprintln!(
            "note: {}: read as {}",
            cfg.implemented.display(),
            crate::text::strip_controls(&report::gap::read_as_text(&list.read_as, ctx.lang))
        );
    }
    let result = readiness::analyse(&catalog, &list, ctx.lang);
    if !(cfg.format == Format::Table && cfg.output.is_stdout()) {
        for n in &result.notes {
            eprintln!("note: {}", crate::text::strip_controls(&n.message));
        }
    }
    let style = ctx.style(cfg.output_encoding, &cfg.output);
    if cfg.format == Format::Xlsx {
        // the zip straight into the output file
        cfg.output
            .write_seekable_with(|w| report::xlsx::render_readiness(&result, w))?;
    } else {
        cfg.output
            .write_with(|w| report::readiness::render(&result, cfg.format, style, w))?;
    }
    Ok(if cfg.fail_on_missing && result.has_blockers() {
        Exit::Findings
    } else {
        Exit::Ok
    })
}
