//! `ismap-gap suggest`: check items in free text → candidate ISMAP objectives, shown or
//! written back into the user's own check list (CSV, xlsx) beside its references column.
use std::path::Path;

use anyhow::Result;

use crate::analysis::suggest::{self, SuggestItem};
use crate::catalog::lexicon::Lexicon;
use crate::cmd::Context;
use crate::config::{CatalogSource, SuggestConfig};
use crate::error::{Exit, InputError, Location};
use crate::input::checks::{self, ForSuggest, ItemRefs};
use crate::input::table::{self, StoredWorkbook, Visibility};
use crate::input::workbook_zip;
use crate::input::{Encoding, FileKind};
use crate::report::suggest::{BookSheet, CellComments, SheetLook, SheetOut, SuggestBook};
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
    // a workbook written back as a workbook is read as stored (types, formulas, every
    // sheet); otherwise as text, as `report` reads it
    let stored: Option<StoredWorkbook> = if kind == FileKind::Workbook && cfg.format == Format::Xlsx
    {
        Some(table::read_workbook_stored(&cfg.checks)?)
    } else {
        None
    };
    // the list written back keeps its references cells as they were: nothing reads them
    // split (the table, Markdown and JSON show them)
    let refs = if writes_sheet {
        ItemRefs::LeftInCell
    } else {
        ItemRefs::Split
    };
    let ForSuggest { list, read } = match &stored {
        Some(wb) => checks::stored_for_suggest(&cfg.checks, wb, cfg.sheet.as_deref(), refs)?,
        None => checks::load_for_suggest(&cfg.checks, cfg.encoding, cfg.sheet.as_deref(), refs)?,
    };
    if cfg.format == Format::Csv && read.len() > 1 {
        let names: Vec<&str> = read
            .iter()
            .filter_map(|r| r.sheet.sheet.as_deref())
            .collect();
        return Err(InputError::at(
            Location::file(&cfg.checks),
            format!(
                "a CSV holds one sheet, and the check items are on {} sheets: {}",
                read.len(),
                names.join(", ")
            ),
        )
        .hint("write a workbook (-o FILE.xlsx), which keeps every sheet, or pick one sheet with --sheet NAME")
        .into());
    }
    say_what_was_read(&cfg, &list, &read, stored.as_ref())?;
    let result = suggest::suggest_list(&catalog, &lexicon, list, cfg.top, ctx.lang);
    let style = ctx.style(cfg.output_encoding, &cfg.output);
    if !writes_sheet || read.is_empty() {
        cfg.output
            .write_with(|w| report::suggest::render(&result, cfg.format, style, w))?;
        super::discard(result);
        return Ok(Exit::Ok);
    }
    if cfg.format == Format::Csv {
        note_output_encoding(&cfg, read.first().and_then(|r| r.sheet.read_as));
    }
    // each sheet read with its own items (the list keeps the sheets' order), its rows
    // moved into the sheet written back
    let mut items: &[SuggestItem] = &result.items;
    let mut outs: Vec<SheetOut> = Vec::with_capacity(read.len());
    for r in read {
        let (mine, rest) = items.split_at(r.items.min(items.len()));
        items = rest;
        outs.push(SheetOut::build(mine, r.sheet, &r.layout, ctx.lang));
    }
    if cfg.format == Format::Csv {
        // a sheet read from CSV is written as it was; cells of a workbook that Excel
        // would run as formulas in a CSV are neutralised
        let neutralise = kind != FileKind::Text;
        let rows = outs.first().map(|o| o.rows.as_slice()).unwrap_or_default();
        cfg.output
            .write_with(|w| report::csv::write_sheet(rows, neutralise, style.csv_encoding, w))?;
        super::discard((result, outs));
        return Ok(Exit::Ok);
    }
    let book = book(&cfg, stored.as_ref(), outs, ctx.lang)?;
    cfg.output
        .write_with(|w| report::xlsx::render_suggest(&book, w))?;
    super::discard((result, book));
    Ok(Exit::Ok)
}

/// Every sheet to write back: a workbook's in its order (those read with their
/// candidates), or the one sheet of a CSV.
fn book<'w>(
    cfg: &SuggestConfig,
    stored: Option<&'w StoredWorkbook>,
    outs: Vec<SheetOut>,
    lang: crate::lang::Lang,
) -> Result<SuggestBook<'w>, InputError> {
    let source = cfg
        .checks
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Some(wb) = stored else {
        let sheets = outs
            .into_iter()
            .map(|out| BookSheet {
                name: out
                    .name
                    .clone()
                    .unwrap_or_else(|| lang.pick("確認項目", "Check items").to_owned()),
                visibility: Visibility::Visible,
                stored: None,
                formulas_unread: false,
                out: Some(out),
                comments: Vec::new(),
                look: SheetLook::default(),
            })
            .collect();
        return Ok(SuggestBook {
            sheets,
            xlsx_formulas: false,
            source,
            lang,
        });
    };
    let mut outs: Vec<Option<SheetOut>> = outs.into_iter().map(Some).collect();
    let sheets = wb
        .sheets
        .iter()
        .map(|s| {
            let out = outs
                .iter_mut()
                .find(|o| o.as_ref().and_then(|o| o.name.as_deref()) == Some(s.name.as_str()))
                .and_then(Option::take);
            let (comments, mut look) = if s.not_a_worksheet {
                (Vec::new(), SheetLook::default())
            } else {
                sheet_marks(&cfg.checks, &s.name)?
            };
            look.merges.clone_from(&s.text.merges);
            Ok(BookSheet {
                name: s.name.clone(),
                visibility: s.visibility,
                stored: (!s.not_a_worksheet).then_some(s.cells.as_slice()),
                formulas_unread: s.formulas_unread,
                out,
                comments,
                look,
            })
        })
        .collect::<Result<_, InputError>>()?;
    Ok(SuggestBook {
        sheets,
        xlsx_formulas: wb.xlsx_formulas,
        source,
        lang,
    })
}

/// The cell comments (メモ, threaded comments) of sheet `name` of the workbook `path`
/// (an .xlsx or .ods; none for another kind), (row, column) from 0: `report` reads one on
/// an item's row as the item's note, and one elsewhere as a line outside the items, so the
/// workbook written back keeps them (review 19 A-9). With them, an .xlsx sheet's hidden
/// rows and columns and struck-through cells, which `report` reads too (merged cells are
/// the stored sheet's).
fn sheet_marks(path: &Path, name: &str) -> Result<(CellComments, SheetLook), InputError> {
    let unreadable = |e: String| {
        InputError::at(
            Location::file(path).sheet(Some(name)),
            format!("cannot read the sheet's hidden rows, struck-through cells and comments: {e}"),
        )
        .hint("open the workbook in Excel and save it again as .xlsx")
    };
    let index = |n: u32| usize::try_from(n).ok();
    let mut look = SheetLook::default();
    let comments = match workbook_zip::xlsx_marks(path, name).map_err(unreadable)? {
        Some(marks) => {
            look.hidden_rows = marks
                .hidden_rows
                .iter()
                .filter_map(|&r| index(r)?.checked_sub(1))
                .collect();
            look.hidden_columns = marks
                .hidden_columns
                .iter()
                .filter_map(|&c| index(c))
                .collect();
            look.struck = marks
                .struck
                .iter()
                .filter_map(|&(r, c)| Some((index(r)?.checked_sub(1)?, index(c)?)))
                .collect();
            marks.comments
        }
        None => workbook_zip::ods_comments(path, name)
            .map_err(unreadable)?
            .unwrap_or_default(),
    };
    let comments = comments
        .into_iter()
        .filter_map(|((r, c), text)| Some(((index(r)?.checked_sub(1)?, index(c)?), text)))
        .collect();
    Ok((comments, look))
}

/// What stderr says of the sheets read and of the workbook written: nothing is left out
/// without a word.
fn say_what_was_read(
    cfg: &SuggestConfig,
    list: &crate::model::CheckList,
    read: &[checks::SheetRead],
    stored: Option<&StoredWorkbook>,
) -> Result<(), InputError> {
    let file = cfg.checks.display();
    if !list.skipped_sheets.is_empty() {
        let skipped = list.skipped_sheets.join(", ");
        let text = if stored.is_some() {
            crate::messages::note(&format!(
                "{file}: sheets without a check-list header were not read, and are copied as they were: {skipped}"
            ))
        } else {
            crate::messages::note(&format!(
                "{file}: sheets without a check-list header were not read: {skipped}"
            ))
        };
        eprintln!("{text}");
    }
    if let (Some(picked), FileKind::Workbook) = (&cfg.sheet, FileKind::of(&cfg.checks)) {
        let read_name = read
            .first()
            .and_then(|r| r.sheet.sheet.clone())
            .unwrap_or_else(|| picked.clone());
        let others: Vec<String> = table::sheet_names(&cfg.checks)?
            .into_iter()
            .filter(|(name, visible)| *visible && *name != read_name)
            .map(|(name, _)| name)
            .collect();
        if !others.is_empty() && cfg.format == Format::Xlsx {
            eprintln!(
                "{}",
                crate::messages::note(&format!(
                    "{file}: only the sheet '{read_name}' was read (--sheet); the other sheets are copied as they were, without candidates: give report --sheet '{read_name}' too to read the same items"
                ))
            );
        }
    }
    if stored.is_some() {
        eprintln!(
            "{}",
            crate::messages::note(&format!(
                "{file}: the xlsx written is a new workbook holding your list: every sheet, cell types (numbers, dates, booleans), formulas, cell comments (as notes), merged cells, hidden rows and columns and struck-through cells are kept, but not other formatting (fonts, fills, borders, widths, number formats other than dates), your own drop-downs (data validations), images, charts or named ranges"
            ))
        );
    }
    Ok(())
}

/// Says that a CSV read in another encoding (`read_as`, as the check list was decoded) is
/// written as UTF-8 with a BOM (the CSV rule of every output), unless `--output-encoding
/// cp932` was given.
fn note_output_encoding(cfg: &SuggestConfig, read_as: Option<&str>) {
    if cfg.output_encoding != Encoding::Utf8 || FileKind::of(&cfg.checks) != FileKind::Text {
        return;
    }
    if let Some(name) = read_as {
        eprintln!(
            "{}",
            crate::messages::note(&format!(
                "{}: read as {name}; the CSV is written as UTF-8 with a BOM (Excel opens it as it is); --output-encoding cp932 writes CP932",
                cfg.checks.display()
            ))
        );
    }
}
