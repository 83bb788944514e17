//! `ismap-gap readiness`: a CSP's own control list against the catalog's mandatory rules.
use anyhow::Result;

use crate::analysis::readiness;
use crate::cmd::Context;
use crate::config::{CatalogSource, ReadinessConfig};
use crate::error::Exit;
use crate::input::stdin::{Role, Stdin};
use crate::messages;
use crate::model::ReadKind;
use crate::report::{self, Format};

pub fn run(ctx: &Context, cfg: ReadinessConfig) -> Result<Exit> {
    let mut inputs = vec![cfg.implemented.as_path()];
    if let CatalogSource::File(p) = &ctx.catalog {
        inputs.push(p);
    }
    cfg.output.check(&inputs)?;
    let stdin = Stdin::read(&[(&cfg.implemented, Role::ControlList)])?;
    stdin.sheet_applies(&cfg.implemented, cfg.csp_reading.sheet.as_deref())?;
    let catalog = ctx.catalog()?;
    let list = super::load_csp(
        &catalog,
        &stdin,
        &cfg.implemented,
        // the statement of applicability readiness wrote reads back: the CSP's own work
        &crate::input::csp::CspOptions {
            own_statement: true,
            ..cfg.csp_reading.options(cfg.encoding, cfg.as_of)
        },
    )?;
    cfg.output.check(&list.inherited_files())?;
    // the columns a table was read by, where they matter: what the numbers rest on
    if matches!(list.read_as.kind, ReadKind::StatusTable | ReadKind::Mixed) {
        eprintln!(
            "{}",
            messages::note(&format!(
                "{}: read as {}",
                cfg.implemented.display(),
                report::gap::read_as_text(&list.read_as, ctx.lang)
            ))
        );
    }
    let as_of = cfg.as_of.unwrap_or_else(crate::date::Date::today);
    let result = readiness::analyse(&catalog, &list, as_of, ctx.lang);
    if !(cfg.format == Format::Table && cfg.output.is_stdout()) {
        for n in &result.notes {
            if matches!(
                n.code,
                "registration-lapsed"
                    | "underlying-not-in-effect"
                    | "underlying-not-confirmed"
                    | "underlying-outside-scope"
                    | "inherited-beyond-infrastructure"
            ) {
                eprintln!("{}", messages::warning(&n.message));
            } else {
                eprintln!("{}", messages::note(&n.message));
            }
        }
    }
    let style = ctx.style(cfg.output_encoding, &cfg.output);
    if cfg.format == Format::Xlsx {
        // the zip straight into the output file
        cfg.output
            .write_seekable_with(|w| report::xlsx::render_readiness(&result, w))?;
    } else {
        cfg.output
            .write_with(|w| report::render_readiness(&result, cfg.format, style, w))?;
    }
    if !(cfg.fail_on_missing && result.has_blockers()) {
        return Ok(Exit::Ok);
    }
    let lang = messages::lang();
    // the service's own registration lapsed is named first, as what it is
    let lapsed = result
        .registration_lapsed
        .then_some(result.registry.renewal_deadline)
        .map(|d| match (lang, d) {
            (crate::lang::Lang::Ja, Some(d)) => format!("登録の失効 (更新期限 {d})"),
            (crate::lang::Lang::En, Some(d)) => {
                format!("registration lapsed (renewal deadline {d})")
            }
            // no deadline, an audit period over 16 months old (review 23 A-5)
            (crate::lang::Lang::Ja, None) => {
                "登録の失効 (監査対象期間の終了から16か月超)".to_owned()
            }
            (crate::lang::Lang::En, None) => {
                "registration lapsed (audit period ended over 16 months ago)".to_owned()
            }
        });
    let ids: Vec<&str> = lapsed
        .iter()
        .chain(&result.missing)
        .chain(&result.planned)
        .chain(&result.na_without_reason)
        .chain(&result.underlying_not_in_effect)
        .chain(&result.underlying_outside_scope)
        .map(String::as_str)
        .collect();
    let what = messages::translate(
        if result.registration_lapsed {
            "the service's registration lapsed, or mandatory items missing, planned, excluded without a reason or inherited from a registration not in effect or not confirmed, or outside its statement's scope"
        } else {
            "mandatory items missing, planned, excluded without a reason or inherited from a registration not in effect or not confirmed, or outside its statement's scope"
        },
        lang,
    );
    eprintln!(
        "{}",
        messages::fail_on(
            "--fail-on missing",
            &format!("{what} ({})", ids.len()),
            &ids
        )
    );
    Ok(Exit::Findings)
}
