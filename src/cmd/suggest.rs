//! `ismap-gap suggest`: check items in free text → candidate ISMAP objectives, shown or
//! written back into the user's own check list (CSV, xlsx) beside its references column.
use std::path::Path;

use anyhow::Result;

use crate::analysis::suggest;
use crate::catalog::lexicon::Lexicon;
use crate::cmd::Context;
use crate::config::{CatalogSource, SuggestConfig};
use crate::error::{Exit, InputError, Location};
use crate::input::{self, FileKind};
use crate::report::suggest::SheetOut;
use crate::report::{self, Format};

pub fn run(ctx: &Context, cfg: SuggestConfig) -> Result<Exit> {
    let mut inputs: Vec<&Path> = vec![&cfg.checks];
    if let CatalogSource::File(p) = &ctx.catalog {
        inputs.push(p);
    }
    cfg.output.check(&inputs)?;
    let kind = FileKind::of(&cfg.checks);
    let structured = matches!(kind, FileKind::Yaml | FileKind::Json);
    let writes_sheet = matches!(cfg.format, Format::Csv | Format::Xlsx);
    if structured && writes_sheet {
        return Err(InputError::at(
            Location::file(&cfg.checks),
            format!(
                "{} output is your check list written back with candidate columns, and a YAML/JSON check list is not a sheet",
                cfg.format.name()
            ),
        )
        .hint("use --format table, json or md for a YAML/JSON check list")
        .into());
    }
    let catalog = ctx.catalog()?;
    let lexicon = Lexicon::embedded()?;
    let (list, sheet) = if structured {
        (input::checks::load(&cfg.checks, cfg.encoding, None)?, None)
    } else {
        let sheet = input::table::read(&cfg.checks, cfg.encoding, cfg.sheet.as_deref())?;
        super::note_other_sheets(&sheet, cfg.sheet.is_some())?;
        if writes_sheet {
            let (list, layout) = input::checks::from_sheet_by_title(sheet.clone())?;
            (list, Some((sheet, layout)))
        } else {
            (input::checks::from_sheet_by_title(sheet)?.0, None)
        }
    };
    let result = suggest::suggest_list(&catalog, &lexicon, list, cfg.top, ctx.lang);
    let style = ctx.style(cfg.output_encoding, &cfg.output);
    match (sheet, writes_sheet) {
        (Some((sheet, layout)), true) => {
            let out = SheetOut::build(&result, sheet, &layout, ctx.lang);
            // a sheet read from CSV is written as it was; cells of a workbook that Excel
            // would run as formulas in a CSV are neutralised
            let neutralise = kind != FileKind::Text;
            if cfg.format == Format::Xlsx {
                cfg.output
                    .write_seekable_with(|w| report::xlsx::render_suggest(&out, w))?;
            } else {
                cfg.output.write_with(|w| {
                    report::csv::write_sheet(&out.rows, neutralise, style.csv_encoding, w)
                })?;
            }
        }
        _ => cfg
            .output
            .write_with(|w| report::suggest::render(&result, cfg.format, style, w))?,
    }
    Ok(Exit::Ok)
}
