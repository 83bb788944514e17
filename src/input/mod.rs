//! Reading input files into domain types: check items, CSP lists and profiles, with the
//! file, sheet, row and column on every error.
pub mod checks;
pub mod csp;
pub mod decode;
pub mod review;
pub mod stdin;
pub mod table;
pub mod workbook_zip;
pub mod xls;

use std::path::Path;

use crate::error::{InputError, Location};

pub use decode::Encoding;

/// Largest input file accepted: a 100,000-row check list is about 20 MB; a larger file is
/// almost certainly the wrong export, and rejecting it keeps memory bounded.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// The kind of file, from its extension (and, without one, its first bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// CSV, TSV or plain text.
    Text,
    /// XLSX, XLSM, XLSB, XLS or ODS.
    Workbook,
    Yaml,
    Json,
}

impl FileKind {
    pub fn of(path: &Path) -> FileKind {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => FileKind::Workbook,
            "yaml" | "yml" => FileKind::Yaml,
            "json" => FileKind::Json,
            _ => FileKind::Text,
        }
    }
}

/// A file read as a table: CSV, TSV or a workbook (what `--status-column` applies to).
pub fn is_table_file(path: &Path) -> bool {
    FileKind::of(path) == FileKind::Workbook
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("tsv"))
}

/// Checks that `path` is a readable, non-empty file within the size limit.
pub fn check_file(path: &Path) -> Result<(), InputError> {
    let loc = Location::file(path);
    let meta = std::fs::metadata(path).map_err(|e| {
        InputError::at(loc.clone(), format!("cannot read: {}", io_reason(&e)))
            .hint("check the path and that the file exists")
    })?;
    if meta.is_dir() {
        return Err(InputError::at(loc, "is a directory, not a file").hint("name a file"));
    }
    if meta.len() == 0 {
        return Err(InputError::at(loc, "file is empty").hint("export or save the file again"));
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(InputError::at(
            loc,
            format!(
                "file is {} MB, over the {} MB input limit",
                meta.len() / 1_048_576,
                MAX_INPUT_BYTES / 1_048_576
            ),
        )
        .hint("split the file or remove unused sheets"));
    }
    Ok(())
}

/// Reads a whole input file after [`check_file`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, InputError> {
    check_file(path)?;
    std::fs::read(path).map_err(|e| {
        InputError::at(
            Location::file(path),
            format!("cannot read: {}", io_reason(&e)),
        )
        .hint("check that the file is readable")
    })
}

/// An I/O error's reason without the OS error number.
pub fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

/// A scalar YAML may write unquoted: `9.2.1` is a string, `12` a number, `9.2` a float.
#[derive(Debug)]
pub(crate) enum Scalar {
    Str(String),
    Int(i64),
    Float(f64),
}

/// Reads a [`Scalar`]; anything else is an error naming what was found and what was
/// expected (an untagged enum would only say that no variant matched).
pub(crate) struct ScalarVisitor;

impl serde::de::Visitor<'_> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a text or a number")
    }

    fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Str(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Scalar, E> {
        Ok(Scalar::Str(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Int(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Scalar, E> {
        Ok(i64::try_from(v).map_or(Scalar::Float(v as f64), Scalar::Int))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar::Float(v))
    }
}

impl<'de> serde::Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Scalar, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

impl Scalar {
    pub(crate) fn into_string(self) -> String {
        match self {
            Scalar::Str(s) => s,
            Scalar::Int(i) => i.to_string(),
            Scalar::Float(f) => f.to_string(),
        }
    }
}

/// Spreadsheet-style column name: 0 → A, 26 → AA.
pub fn column_letter(mut index: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// The column a spreadsheet's letters name: `A` → 0, `b` → 1, `AA` → 26; up to three
/// letters (`--id-column`, `--refs-column`), the inverse of [`column_letter`].
pub fn letter_index(s: &str) -> Option<usize> {
    let s = s.trim();
    if s.is_empty() || s.len() > 3 || !s.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    Some(
        s.to_ascii_uppercase()
            .bytes()
            .fold(0usize, |n, b| n * 26 + usize::from(b - b'A') + 1)
            - 1,
    )
}

/// Whether a table row's id cell says the row is a worked example or a legend, not a row of
/// the table (a check item, a CSP's control): `例`, `（例）`, `例)`, `記入例`, `記載例`,
/// `入力例`, `凡例`, `記入方法`, `記入要領`, `Example`, `e.g.`, `Sample`, `Legend` — case,
/// width, spacing, brackets and `※`/colons aside. One word list for the check-list and
/// status-table readers.
pub fn is_example_or_legend(cell: &str) -> bool {
    // an ASCII digit stays in the key, and no word below holds one: an id cell (`C-000001`)
    // is told without folding it
    if cell.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let key = crate::text::header_key(cell);
    let key = key.trim_matches(|c: char| "()（）【】[]※:：".contains(c));
    match key {
        "例" | "記入例" | "記載例" | "入力例" | "凡例" | "記入方法" | "記入要領" | "example"
        | "sample" | "legend" => true,
        // `e.g.`, never an id `EG` or `E-G`
        "eg" => cell.trim().to_ascii_lowercase().trim_end_matches('.') == "e.g",
        _ => false,
    }
}

/// A YAML or JSON error as an input error: at its line when the parser knows it (never
/// line 0), without the " at line N column M" the parsers append to their messages.
pub(crate) fn parse_error(
    loc: &Location,
    at: Option<(usize, usize)>,
    what: &str,
    msg: String,
) -> InputError {
    match at.filter(|&(line, _)| line > 0) {
        Some((line, column)) => {
            let suffix = format!(" at line {line} column {column}");
            let msg = msg.strip_suffix(&suffix).unwrap_or(&msg);
            // serde_yaml's path to an item of a top-level list: `.[0]`
            let msg = msg.strip_prefix('.').unwrap_or(msg);
            let msg = shorten_quoted(msg);
            InputError::at(
                loc.clone().line(line),
                format!("{what}: {msg} (column {column})"),
            )
        }
        None => InputError::at(loc.clone(), format!("{what}: {}", shorten_quoted(&msg))),
    }
}

/// A parser's message with a long quoted value cut short (`invalid type: string "…"`
/// quotes the whole text of a file that is a paragraph rather than a mapping).
fn shorten_quoted(msg: &str) -> String {
    const KEEP: usize = 40;
    let (Some(open), Some(close)) = (msg.find('"'), msg.rfind('"')) else {
        return msg.to_owned();
    };
    let quoted = &msg[open + 1..close.max(open + 1)];
    if quoted.chars().count() <= KEEP {
        return msg.to_owned();
    }
    let kept: String = quoted.chars().take(KEEP).collect();
    format!("{}{kept}…{}", &msg[..=open], &msg[close..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_and_legends_are_one_word_list() {
        // every spelling either reader knew (the check list's `is_example_id`, the status
        // table's `is_legend_row`), and the forms around them
        for yes in [
            "例",
            "(例)",
            "（例）",
            "例)",
            "例）",
            "記入例",
            "記載例",
            "入力例",
            "凡例",
            "【凡例】",
            "※記入例",
            "記入方法",
            "記入要領",
            "example",
            "Example",
            "EXAMPLE",
            "e.g.",
            "E.g.",
            "sample",
            "Sample",
            "Legend",
            " 例 ",
        ] {
            assert!(is_example_or_legend(yes), "{yes:?}");
        }
        for no in [
            "",
            "K-1",
            "EG",
            "E-G",
            "1",
            "例外",
            "記入例外",
            "9.2.1",
            "確認項目",
        ] {
            assert!(!is_example_or_legend(no), "{no:?}");
        }
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn kinds_by_extension() {
        assert_eq!(FileKind::of(Path::new("a.XLSX")), FileKind::Workbook);
        assert_eq!(FileKind::of(Path::new("a.yml")), FileKind::Yaml);
        assert_eq!(FileKind::of(Path::new("a.csv")), FileKind::Text);
        assert_eq!(FileKind::of(Path::new("list")), FileKind::Text);
    }
}
