//! `ismap-gap diff OLD NEW`: two control lists compared; and `ismap-gap catalog diff OLD NEW`:
//! two catalogs compared.
use std::path::Path;

use anyhow::Result;

use crate::analysis;
use crate::catalog;
use crate::cmd::{load_catalog, Context};
use crate::config::{CatalogSource, DiffConfig};
use crate::error::{Exit, InputError};
use crate::input::{self, Encoding};
use crate::output::Destination;
use crate::report::{self, Format};

pub fn run(ctx: &Context, cfg: DiffConfig) -> Result<Exit> {
    if cfg.format == Format::Xlsx {
        return Err(InputError::new("diff does not write xlsx")
            .hint("use --format table, csv, json or md (or -o NAME.csv/.json/.md/.txt)")
            .into());
    }
    let mut inputs: Vec<&Path> = vec![&cfg.old, &cfg.new];
    if let CatalogSource::File(p) = &ctx.catalog {
        inputs.push(p);
    }
    cfg.output.check(&inputs)?;
    let catalog = ctx.catalog()?;
    // the statement of applicability readiness wrote reads back: two versions of a CSP's work
    let opts = input::csp::CspOptions {
        own_statement: true,
        ..cfg.csp_reading.options(cfg.encoding, cfg.as_of)
    };
    let old = input::csp::load(&cfg.old, &opts, &catalog)?;
    let new = input::csp::load(&cfg.new, &opts, &catalog)?;
    for att in [&old, &new] {
        crate::analysis::csp::check_inheritance(&catalog, att)?;
    }
    let mut inherited = old.inherited_files();
    inherited.extend(new.inherited_files());
    cfg.output.check(&inherited)?;
    let as_of = cfg.as_of.unwrap_or_else(crate::date::Date::today);
    let diff = analysis::diff::diff(&catalog, &old, &new, as_of, ctx.lang);
    if !(cfg.format == Format::Table && cfg.output.is_stdout()) {
        for w in &diff.warnings {
            eprintln!("{}", crate::messages::warning(&w.message));
        }
    }
    let style = ctx.style(cfg.output_encoding, &cfg.output);
    cfg.output
        .write_with(|w| report::diff::render_list_diff(&diff, ctx.lang, cfg.format, style, w))?;
    let s = &diff.summary;
    if !(cfg.fail_on_change && (s.differs || s.new_not_in_effect)) {
        return Ok(Exit::Ok);
    }
    let lang = crate::messages::lang();
    let line = if s.differs {
        crate::messages::translate(
            &format!(
                "the lists differ: {} added, {} removed, {} changed, {} registry fact(s) changed",
                s.added,
                s.removed,
                s.status_changed + s.details_changed,
                s.registry_changed
            ),
            lang,
        )
    } else {
        crate::messages::translate(
            "the lists are the same, but NEW rests on a registration not in effect",
            lang,
        )
    };
    eprintln!(
        "--fail-on-change: {line} ({})",
        lang.pick("終了コード 1", "exit 1")
    );
    Ok(Exit::Findings)
}

/// `catalog diff`: a report, so it exits 0 whatever it finds.
pub fn run_catalog(
    ctx: &Context,
    old: &CatalogSource,
    new: &CatalogSource,
    format: Format,
) -> Result<Exit> {
    let old = load_catalog(old)?;
    let new = load_catalog(new)?;
    let diff = catalog::diff::diff(&old, &new);
    let style = ctx.style(Encoding::Utf8, &Destination::Stdout);
    Destination::Stdout
        .write_with(|w| report::diff::render_catalog_diff(&diff, ctx.lang, format, style, w))?;
    Ok(Exit::Ok)
}
