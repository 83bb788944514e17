//! `ismap-gap compare`: check items × many CSPs, ranked.
use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::analysis::compare;
use crate::cmd::Context;
use crate::config::{CatalogSource, CompareConfig};
use crate::date::Date;
use crate::error::{Exit, InputError, Location, NotAList};
use crate::input::stdin::{Role, Stdin};
use crate::input::{self, io_reason};
use crate::output::Destination;
use crate::report;

/// Extensions `--csp-dir` takes.
pub const CSP_EXTENSIONS: &[&str] = &[
    "yaml", "yml", "json", "txt", "csv", "tsv", "xlsx", "xlsm", "xls", "ods",
];

/// Every supported, non-hidden file of the folder, by name.
pub fn csp_files(dir: &Path) -> Result<Vec<PathBuf>, InputError> {
    let loc = Location::file(dir);
    let entries = std::fs::read_dir(dir).map_err(|e| {
        InputError::at(
            loc.clone(),
            format!("cannot read the folder: {}", io_reason(&e)),
        )
        .hint("--csp-dir takes a folder of CSP lists and profiles")
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| {
            // hidden files, and the `~$name.xlsx` lock file Office keeps beside an open file
            !p.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                n.starts_with('.') || n.starts_with("~$")
            })
        })
        .filter(|p| {
            p.extension().is_some_and(|e| {
                CSP_EXTENSIONS.contains(&e.to_string_lossy().to_ascii_lowercase().as_str())
            })
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(
            InputError::at(loc, "no CSP lists or profiles in the folder").hint(format!(
                "supported extensions: {}",
                CSP_EXTENSIONS.join(", ")
            )),
        );
    }
    Ok(files)
}

/// Each CSP list once: the same file twice would give two columns of one name.
fn given_once(paths: &[PathBuf]) -> Result<(), InputError> {
    let mut seen: HashMap<PathBuf, &Path> = HashMap::new();
    for p in paths {
        let key = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
        if let Some(first) = seen.insert(key, p) {
            return Err(InputError::at(
                Location::file(p),
                format!("this CSP list is given twice (also as {})", first.display()),
            )
            .hint("give each CSP list once; --csp and --csp-dir may name the same file"));
        }
    }
    Ok(())
}

/// `--csp-sheet` applies to every workbook given, `--status-column` to every table: among
/// the CSP lists there must be one it applies to, else the flag would be ignored.
fn csp_reading_applies(cfg: &CompareConfig, paths: &[PathBuf]) -> Result<(), InputError> {
    let first = paths.first().map_or(Path::new(""), PathBuf::as_path);
    if cfg.csp_reading.sheet.is_some()
        && !paths
            .iter()
            .any(|p| input::FileKind::of(p) == input::FileKind::Workbook)
    {
        return Err(InputError::at(
            Location::file(first),
            "--csp-sheet picks a sheet of the CSP workbooks (xlsx, xlsm, xls, ods), and no CSP list given is one",
        )
        .hint("leave --csp-sheet out for CSV, text, YAML and JSON files"));
    }
    if cfg.csp_reading.status_column.is_some() && !paths.iter().any(|p| input::is_table_file(p)) {
        return Err(InputError::at(
            Location::file(first),
            "--status-column picks the status column of the CSP tables (CSV, TSV or a workbook), and no CSP list given is one",
        )
        .hint("leave --status-column out for pasted text and profiles"));
    }
    Ok(())
}

/// Why a file of the `--csp-dir` folder that the CSP reader refused (`err`) is clearly not
/// a CSP list, to be passed over with a note: it holds no ISMAP control id at all, or it is
/// a check list (a table with no status column that the check-list reader reads as items
/// under a check-item title column, `確認項目`: a CSP table's `管理策名` or `対応内容` is
/// not one). `None` for anything else: a file that may be a CSP list and cannot be read is
/// refused.
fn not_a_csp_list(err: &InputError, path: &Path, cfg: &CompareConfig) -> Option<&'static str> {
    // a YAML or JSON check list (`items:` with title and refs, review 11 C-17): no profile
    // reads as one
    if matches!(
        input::FileKind::of(path),
        input::FileKind::Yaml | input::FileKind::Json
    ) && input::checks::load(path, cfg.encoding, None)
        .is_ok_and(|list| list.items.iter().any(|i| !i.title.trim().is_empty()))
    {
        return Some(
            "{}: skipped: a check list (check items with references, no status column), not a CSP list",
        );
    }
    match err.not_a_list? {
        NotAList::NoIds => Some("{}: skipped: it holds no ISMAP control id, so it is not a CSP list"),
        NotAList::NoStatusColumn => input::checks::load(path, cfg.encoding, None)
            .is_ok_and(|list| list.items.iter().any(|i| !i.title.trim().is_empty()))
            .then_some(
                "{}: skipped: a check list (check items with references, no status column), not a CSP list",
            ),
    }
}

/// What `--csp-dir` does not read, for a note: its sub-folders (one folder per CSP is a
/// common way to keep them) and its files of other types (a PDF of the published entry, a
/// Word statement), each by name; hidden entries and Office's lock files left out.
fn not_read_in(dir: &Path) -> (Vec<String>, Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return (Vec::new(), Vec::new());
    };
    let (mut folders, mut files) = (Vec::new(), Vec::new());
    for p in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        let Some(name) = p.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            continue;
        };
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        if p.is_dir() {
            folders.push(format!("{name}/"));
        } else if p.is_file()
            && !p.extension().is_some_and(|e| {
                CSP_EXTENSIONS.contains(&e.to_string_lossy().to_ascii_lowercase().as_str())
            })
        {
            files.push(name);
        }
    }
    folders.sort();
    files.sort();
    (folders, files)
}

/// The notes on what `--csp-dir` passed over unread ([`not_read_in`]).
fn note_not_read(dir: &Path) {
    let (folders, files) = not_read_in(dir);
    if !folders.is_empty() {
        eprintln!(
            "{}",
            crate::messages::note(&format!(
                "{}: sub-folders not read: {} (--csp-dir reads the files of the folder itself; pass a CSP's list in a sub-folder with --csp FILE)",
                dir.display(),
                folders.join(", ")
            ))
        );
    }
    if !files.is_empty() {
        eprintln!(
            "{}",
            crate::messages::note(&format!(
                "{}: files of other types not read: {} (a PDF or Word file is no CSP list the tool reads: copy the table of implemented control objectives into a .txt file, or paste it with --csp -)",
                dir.display(),
                files.join(", ")
            ))
        );
    }
}

pub fn run(ctx: &Context, cfg: CompareConfig) -> Result<Exit> {
    let mut paths: Vec<PathBuf> = cfg.csps.clone();
    if let Some(dir) = &cfg.csp_dir {
        // the check list and the output (a run before this one wrote it) may sit in the
        // same folder: neither is a CSP
        let mut not_csps = vec![cfg.checks.as_path()];
        if let Destination::File(out) = &cfg.output {
            not_csps.push(out);
        }
        let not_csps: Vec<PathBuf> = not_csps
            .into_iter()
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .collect();
        note_not_read(dir);
        let listed: Vec<PathBuf> = csp_files(dir)?
            .into_iter()
            .filter(|p| std::fs::canonicalize(p).map_or(true, |p| !not_csps.contains(&p)))
            .collect();
        // gap reports of earlier runs kept beside the CSP lists: the tool's own, not a CSP's
        let mut own = 0;
        for p in listed {
            if input::review::is_gap_report(&p) {
                own += 1;
                eprintln!(
                    "{}",
                    crate::messages::note(&format!(
                        "{}: skipped: a gap report written by ismap-gap, not a CSP list",
                        p.display()
                    ))
                );
            } else {
                paths.push(p);
            }
        }
        if own > 0 && paths.is_empty() {
            return Err(InputError::at(
                Location::file(dir),
                "the folder holds only gap reports written by ismap-gap, no CSP list",
            )
            .hint("put the CSP lists and profiles in the folder, or pass them with --csp")
            .into());
        }
    }
    if paths.is_empty() {
        return Err(InputError::new("no CSP given")
            .hint("pass --csp FILE (repeatable) or --csp-dir DIR")
            .into());
    }
    given_once(&paths)?;
    csp_reading_applies(&cfg, &paths)?;
    let mut inputs: Vec<&Path> = vec![&cfg.checks];
    inputs.extend(paths.iter().map(PathBuf::as_path));
    if let CatalogSource::File(p) = &ctx.catalog {
        inputs.push(p);
    }
    cfg.output.check(&inputs)?;
    let mut named: Vec<(&Path, Role)> = vec![(&cfg.checks, Role::Checks)];
    named.extend(paths.iter().map(|p| (p.as_path(), Role::ControlList)));
    let stdin = Stdin::read(&named)?;
    stdin.sheet_applies(&cfg.checks, cfg.sheet.as_deref())?;
    let catalog = ctx.catalog()?;
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
    let opts = cfg.csp_reading.options(cfg.encoding, cfg.as_of);
    let progress = std::io::stderr().is_terminal() && paths.len() > 50;
    // the files --csp-dir listed (after those --csp gave)
    let first_listed = cfg.csps.len();
    // read on two threads, in order: the first list that cannot be read is the one refused;
    // a listed file that is clearly not a CSP list is passed over (why, for a note)
    let read = compare::try_in_order_on_two_threads(
        &paths,
        || (),
        |(), i, p| {
            if progress {
                eprint!(
                    "\r{}",
                    crate::messages::reading_csp_lists(i + 1, paths.len())
                );
            }
            match super::load_csp(&catalog, &stdin, p, &opts) {
                Ok(att) => Ok(Ok(att)),
                Err(e) if i >= first_listed => match not_a_csp_list(&e, p, &cfg) {
                    Some(why) => Ok(Err(why)),
                    None => Err((e, true)),
                },
                Err(e) => Err((e, false)),
            }
        },
    );
    if progress {
        eprintln!();
    }
    let read = read.map_err(|(e, listed)| {
        if listed {
            // the folder may hold a file that is no CSP list the tool recognises
            eprintln!(
                "{}",
                crate::messages::note(
                    "this file is in the --csp-dir folder: if it is not a CSP list, move it out of the folder, or name the CSP lists with --csp instead"
                )
            );
        }
        e
    })?;
    let mut atts = Vec::with_capacity(read.len());
    for (p, r) in paths.iter().zip(read) {
        match r {
            Ok(att) => atts.push(att),
            Err(why) => eprintln!(
                "{}",
                crate::messages::note(&why.replace("{}", &p.display().to_string()))
            ),
        }
    }
    if atts.is_empty() {
        return Err(InputError::at(
            Location::file(cfg.csp_dir.as_deref().unwrap_or(Path::new(""))),
            "the folder holds no CSP list (every file was passed over, see the notes above)",
        )
        .hint("put the CSP lists and profiles in the folder, or pass them with --csp")
        .into());
    }
    if atts.len() == 1 {
        eprintln!(
            "{}",
            crate::messages::warning(&format!(
                "only one CSP was read ({}): the comparison ranks nothing; give the other CSPs' lists with --csp FILE or in the --csp-dir folder",
                atts[0].display_name()
            ))
        );
    }
    // two lists of one registration (last year's copy left in the folder): one service,
    // ranked twice (review 11 D-5)
    for (i, a) in atts.iter().enumerate() {
        let Some(number) = a.registration_number.as_deref().map(str::trim) else {
            continue;
        };
        let key = |s: &str| crate::text::header_key(s).into_owned();
        if number.is_empty() {
            continue;
        }
        for b in &atts[i + 1..] {
            if b.registration_number
                .as_deref()
                .is_some_and(|n| key(n) == key(number))
            {
                let named = |x: &crate::model::Attestation| {
                    format!("{} ({})", x.display_name(), x.source.display())
                };
                let (a_named, b_named) = (named(a), named(b));
                eprintln!(
                    "{}",
                    crate::messages::warning(&format!(
                        "{} and {} are lists of the same registration ({}): one service, ranked twice (one may be an old copy); to see what changed between them, run ismap-gap diff OLD NEW",
                        a_named,
                        b_named,
                        number
                    ))
                );
            }
        }
    }
    let inherited: Vec<&Path> = atts.iter().flat_map(|a| a.inherited_files()).collect();
    cfg.output.check(&inherited)?;
    let as_of = cfg.as_of.unwrap_or_else(Date::today);
    let result = compare::compare(&catalog, &checks, &atts, as_of, ctx.lang);
    let style = ctx.style(cfg.output_encoding, &cfg.output);
    if cfg.format == report::Format::Xlsx {
        // the zip straight into the output file
        cfg.output
            .write_seekable_with(|w| report::xlsx::render_compare(&result, w))?;
    } else {
        cfg.output
            .write_with(|w| report::render_compare(&result, cfg.format, style, w))?;
    }
    Ok(Exit::Ok)
}
