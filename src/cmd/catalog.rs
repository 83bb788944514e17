//! `ismap-gap catalog …`: list, show, search, stats, validate, import.
use std::path::Path;

use anyhow::Result;

use crate::catalog::lexicon::{Lexicon, TermIndex};
use crate::catalog::{self, Catalog, Entry, IsoEdition, RefKind, Resolution};
use crate::cmd::Context;
use crate::config::{CatalogCommand, CatalogSource, ListFilter};
use crate::error::{Exit, InputError};
use crate::input::Encoding;
use crate::output::Destination;
use crate::report::catalog::{render_entries, render_show, render_stats, ShowResult, Shown};
use crate::text::fold_width;

pub fn run(ctx: &Context, cmd: CatalogCommand) -> Result<Exit> {
    let style = ctx.style(Encoding::Utf8, &Destination::Stdout);
    let out = Destination::Stdout;
    match cmd {
        CatalogCommand::List { filter, format } => {
            let catalog = ctx.catalog()?;
            let entries = list(&catalog, filter);
            if filter.basic
                && entries.is_empty()
                && !catalog.entries().iter().any(|e| e.flags.basic)
            {
                eprintln!("{}", crate::messages::note("this catalog flags no basic statement requirements (基本言明要件); import the official workbook with `ismap-gap catalog import` to get them"));
            }
            out.write_with(|w| {
                name_file(&catalog, ctx.lang, format, w)?;
                render_entries(&entries, ctx.lang, format, style, w)
            })?;
        }
        CatalogCommand::Show {
            reference,
            format,
            iso_edition,
        } => {
            let catalog = ctx.catalog()?;
            let show = show(&catalog, &reference, iso_edition)?;
            out.write_with(|w| {
                name_file(&catalog, ctx.lang, format, w)?;
                render_show(&show, ctx.lang, format, style, w)
            })?;
        }
        CatalogCommand::Search { text, format } => {
            if fold_width(&text).trim().is_empty() {
                return Err(InputError::new("the search text is empty")
                    .hint("give part of an id or a title (e.g. 9.2 or アクセス), or use `catalog list` for every entry")
                    .into());
            }
            let catalog = ctx.catalog()?;
            let found = search(&catalog, &text)?;
            if found.is_empty() {
                eprintln!("{}", crate::messages::note(&format!("no entry's id or title contains '{}'; `ismap-gap catalog show {}` resolves a reference (A.9.2.1, CLD.9.5.1, AC-2, A.5.15) to its entries", text.trim(), text.trim())));
            }
            out.write_with(|w| {
                name_file(&catalog, ctx.lang, format, w)?;
                render_entries(&found, ctx.lang, format, style, w)
            })?;
        }
        CatalogCommand::Stats { format } => {
            let catalog = ctx.catalog()?;
            let stats = catalog::stats::compute(&catalog);
            out.write_with(|w| render_stats(&stats, ctx.lang, format, style, w))?;
        }
        CatalogCommand::Validate { file } => return validate(ctx, file.as_deref()),
        CatalogCommand::Diff { old, new, format } => {
            return crate::cmd::diff::run_catalog(ctx, &old, &new, format)
        }
        CatalogCommand::Import(cfg) => {
            cfg.output.check(&[&cfg.workbook])?;
            let imported = catalog::import::import(&cfg)?;
            for s in &imported.skipped {
                eprintln!("{}", crate::messages::warning(s));
            }
            if !imported.other_sheets.is_empty() {
                let names = imported.other_sheets.join("', '");
                eprintln!(
                    "{}",
                    crate::messages::warning(&format!(
                        "sheet(s) '{names}' also hold ISMAP ids and were not imported: one import reads one sheet: name the sheet to import with --sheet (one catalog per sheet)"
                    ))
                );
            }
            let n = imported.doc.entries.len();
            cfg.output.write_with(|w| {
                w.write_all(catalog::import::HEADER.as_bytes())?;
                serde_yaml::to_writer(&mut *w, &imported.doc)?;
                Ok(())
            })?;
            if let Destination::File(p) = &cfg.output {
                let skipped = match imported.skipped.len() {
                    0 => String::new(),
                    k => format!(" ({k} row(s) skipped, see the warnings above)"),
                };
                eprintln!(
                    "{}",
                    crate::messages::translate(
                        &format!("imported {n} entries into {}{skipped}", p.display()),
                        crate::messages::lang()
                    )
                );
            }
        }
    }
    Ok(Exit::Ok)
}

/// Names a catalog read from a file (`--catalog FILE`) for `catalog list` and `show`: a
/// line above a table or Markdown, a note on stderr beside CSV, JSON or YAML (whose shape
/// stays the entries'). The embedded catalog goes unnamed, as everywhere.
fn name_file(
    catalog: &Catalog,
    lang: crate::lang::Lang,
    format: crate::report::Format,
    w: &mut dyn std::io::Write,
) -> Result<()> {
    use crate::report::Format;
    if catalog.is_embedded() || catalog.origin == "embedded" {
        return Ok(());
    }
    let line = format!(
        "{}: {} ({})",
        lang.pick("カタログ", "catalog"),
        catalog.line(),
        catalog.origin
    );
    match format {
        Format::Table | Format::Md => writeln!(w, "{line}\n")?,
        _ => eprintln!(
            "{}",
            crate::messages::note(&format!(
                "entries of the catalog read from {}",
                catalog.origin
            ))
        ),
    }
    Ok(())
}

/// Entries matching the filter, in catalog order.
pub fn list(catalog: &Catalog, f: ListFilter) -> Vec<&Entry> {
    catalog
        .entries()
        .iter()
        .filter(|e| f.layer.is_none_or(|l| e.layer == l))
        .filter(|e| f.level.is_none_or(|l| e.level == l))
        .filter(|e| !f.basic || e.flags.basic)
        .collect()
}

/// Entries matching `text`, in catalog order: ids, words of both titles and the term
/// lexicon's words for each objective, whole words only (see [`TermIndex::search`]).
pub fn search<'c>(catalog: &'c Catalog, text: &str) -> Result<Vec<&'c Entry>> {
    let lexicon = Lexicon::embedded()?;
    Ok(TermIndex::build(catalog, &lexicon).search(catalog, text))
}

/// The ISO/IEC 27002:2022 controls a reference names, with their titles: `8.2 Privileged
/// access rights` (for the chain `catalog show` prints).
fn controls_2022(reference: &str) -> Vec<String> {
    use catalog::reftext::{read, Atom};
    let table = catalog::iso2022::Table::embedded();
    let mut out = Vec::new();
    for atom in read(reference).atoms {
        let (from, to) = match &atom {
            Atom::Id(_, id) => (id.parse(), None),
            Atom::Range(_, a, b) => (a.parse(), b.parse()),
            Atom::Nist(_) => continue,
        };
        let controls = match (from.as_ref().map(|i| i.parts.as_slice()), to) {
            (Some([t]), None) => table.controls.iter().filter(|c| c.theme == *t).collect(),
            (Some([t, n]), None) => table.get(*t, *n).into_iter().collect(),
            (Some([t, a]), Some(b)) if b.parts.len() == 2 => table.between(*t, *a, b.parts[1]),
            _ => Vec::new(),
        };
        out.extend(
            controls
                .into_iter()
                .map(|c| format!("{} {}", c.id, c.title)),
        );
    }
    out
}

/// Resolves `reference` for `catalog show` (two-part Annex A numbers in `edition`); an
/// unresolved one is an input error with suggestions.
pub fn show<'c>(
    catalog: &'c Catalog,
    reference: &str,
    edition: Option<IsoEdition>,
) -> Result<ShowResult<'c>, InputError> {
    let chain_of = |kind: RefKind, targets: &[catalog::Target]| -> Option<String> {
        let ids: Vec<&str> = targets.iter().map(|t| t.id.as_str()).collect();
        match kind {
            RefKind::Iso2022 => Some(format!(
                "{reference} (ISO/IEC 27001:2022 {}) → {}",
                controls_2022(reference).join("; "),
                ids.join(", ")
            )),
            RefKind::Iso27001Clause | RefKind::Iso27014Clause => {
                Some(format!("{reference} → {}", ids.join(", ")))
            }
            _ => None,
        }
    };
    let resolution = catalog.resolve_in(reference, edition);
    // the judgement `report` makes of a NIST mapping: exact, partial, or through the base
    let nist_mapping = crate::analysis::gap::NistMapping::of(reference, &resolution);
    let correspondence = resolution.via_correspondence();
    match resolution {
        Resolution::Unresolved { why, suggestions } => {
            let e = InputError::new(format!(
                "'{reference}' does not resolve: {}",
                why.describe()
            ));
            Err(if why == catalog::Unresolved::AmbiguousEdition {
                e.hint("pass --iso-edition 2013 (ISMAP / ISO/IEC 27001:2013 numbering) or --iso-edition 2022")
            } else if why == catalog::Unresolved::UnknownNist && suggestions.is_empty() {
                e.hint("NIST's mapping to ISO/IEC 27001 gives no control for this id, and the tool has no other: write the ISMAP objective you mean instead (`ismap-gap catalog search TEXT` finds it by title)")
            } else if suggestions.is_empty() {
                e.hint("use an ISMAP id (9.2.1, 8.1.5.P), A.9.2.1, CLD.9.5.1, a NIST id (AC-2), an ISO/IEC 27001:2022 control (A.5.15) or a clause with its standard (JIS Q 27001 6.1.2); `ismap-gap catalog search TEXT` finds ids by title")
            } else {
                e.hint(format!("did you mean {}?", suggestions.join(", ")))
            })
        }
        Resolution::NoCounterpart { kind, controls } => Ok(ShowResult {
            reference: reference.to_owned(),
            kind,
            approximate: false,
            correspondence: false,
            nist_mapping: None,
            matched: None,
            edition: Some(IsoEdition::Iso2022),
            chain: None,
            no_ismap_counterpart: controls,
            entries: Vec::new(),
            sources: Default::default(),
        }),
        Resolution::Resolved {
            kind,
            targets,
            matched,
            edition,
            without_counterpart,
        } => {
            let chain = chain_of(kind, &targets);
            let entries = targets
                .iter()
                .filter_map(|t| {
                    let entry = catalog
                        .get(&t.id)
                        .or_else(|| catalog.detail_parent(&t.id))?;
                    let items = if t.unverified {
                        Vec::new()
                    } else {
                        catalog.items_of(&entry.id).collect()
                    };
                    Some(Shown {
                        id: t.id.clone(),
                        entry,
                        unverified: t.unverified,
                        partial_mapping: t.partial_mapping,
                        mapped: t.mapped,
                        items,
                        fact_sources: if t.unverified {
                            Vec::new()
                        } else {
                            crate::report::catalog::fact_sources(
                                entry,
                                catalog.origin == "embedded",
                            )
                        },
                    })
                })
                .collect::<Vec<Shown>>();
            let sources = entries
                .iter()
                .flat_map(|s| &s.entry.sources)
                .filter_map(|k| Some((k.clone(), catalog.sources.get(k)?.clone())))
                .collect();
            Ok(ShowResult {
                reference: reference.to_owned(),
                kind,
                approximate: nist_mapping.is_some_and(|m| m.is_approximate()),
                correspondence,
                nist_mapping,
                matched,
                edition,
                chain,
                no_ismap_counterpart: without_counterpart,
                entries,
                sources,
            })
        }
    }
}

fn validate(ctx: &Context, file: Option<&Path>) -> Result<Exit> {
    let (name, result) = match (file, &ctx.catalog) {
        (Some(p), _) => (p.display().to_string(), catalog::load::load_file(p)),
        (None, CatalogSource::File(p)) => (p.display().to_string(), catalog::load::load_file(p)),
        (None, CatalogSource::Embedded) => {
            ("the embedded catalog".to_owned(), catalog::embedded::load())
        }
    };
    match result {
        Ok(c) => {
            println!(
                "{name}: valid: {} entries ({} {})",
                c.entries().len(),
                c.name,
                c.version
            );
            if c.origin != "embedded" {
                let embedded = Catalog::embedded()?;
                let d = catalog::diff::diff(&embedded, &c);
                if c.name == embedded.name && c.version == embedded.version && d.summary.differs {
                    eprintln!(
                        "{}",
                        crate::messages::note(&format!(
                            "{name} keeps the embedded catalog's name and version but differs from it ({} added, {} removed, {} changed): give it a name and version of its own (`catalog diff embedded FILE` lists the differences); reports name the file beside the catalog",
                            d.summary.added, d.summary.removed, d.summary.changed
                        ))
                    );
                }
            }
            Ok(Exit::Ok)
        }
        Err(problems) => {
            for p in &problems {
                eprintln!(
                    "{} {}",
                    ctx.lang.pick("エラー:", "error:"),
                    crate::messages::input_error(p, ctx.lang)
                );
            }
            Err(anyhow::anyhow!(
                "{name}: {} problem(s) found",
                problems.len()
            ))
        }
    }
}
