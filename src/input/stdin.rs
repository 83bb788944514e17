//! `-` as an input file: stdin, read once into memory, its format told by its content
//! (a workbook by its first bytes, JSON, YAML, CSV or pasted text by its first lines),
//! then read by the same loaders as a file, through a private temporary copy named
//! `stdin.<ext>`; errors name `stdin`, not the copy.
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{InputError, Location};
use crate::input::{FileKind, MAX_INPUT_BYTES};

/// What an input named `-` is, which decides how plain text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A check list: text is CSV.
    Checks,
    /// A CSP's control list: comma-, semicolon- or evenly tab-separated text is a table,
    /// other text is pasted from the published PDF.
    ControlList,
}

/// The name stdin goes by in errors and reports.
pub const NAME: &str = "stdin";

/// The inputs of a run, with stdin read when one of them is `-`.
#[derive(Debug, Default)]
pub struct Stdin {
    /// The copy of stdin and the private folder holding it (removed when dropped).
    spooled: Option<(PathBuf, tempfile::TempDir)>,
}

/// Whether `path` names stdin.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

impl Stdin {
    /// Reads stdin when one of `inputs` is `-` (at most one may be: stdin is read once).
    pub fn read(inputs: &[(&Path, Role)]) -> Result<Stdin, InputError> {
        let dashes: Vec<Role> = inputs
            .iter()
            .filter(|(p, _)| is_stdin(p))
            .map(|(_, r)| *r)
            .collect();
        let role = match dashes.as_slice() {
            [] => return Ok(Stdin::default()),
            [role] => *role,
            _ => {
                return Err(InputError::new(
                    "more than one input is '-': stdin can be read only once",
                )
                .hint("pipe one file into stdin and name the others"))
            }
        };
        {
            use std::io::IsTerminal;
            if std::io::stdin().is_terminal() {
                eprintln!("{}", crate::messages::reading_terminal());
            }
        }
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                InputError::at(
                    Location::file(Path::new(NAME)),
                    format!("cannot read: {}", crate::input::io_reason(&e)),
                )
                .hint("pipe a file into stdin, e.g. `cat list.txt | ismap-gap …`")
            })?;
        Self::spool(&bytes, role)
    }

    /// Keeps `bytes` as `stdin.<ext>` in a private folder.
    fn spool(bytes: &[u8], role: Role) -> Result<Stdin, InputError> {
        let dir = tempfile::Builder::new()
            .prefix(".ismap-gap-stdin-")
            .tempdir()
            .map_err(|e| {
                InputError::new(format!(
                    "cannot keep stdin in a temporary file: {}",
                    crate::input::io_reason(&e)
                ))
                .hint("check that the temporary folder (TMPDIR) may be written")
            })?;
        let path = dir
            .path()
            .join(format!("{NAME}.{}", extension(bytes, role)));
        std::fs::write(&path, bytes).map_err(|e| {
            InputError::new(format!(
                "cannot keep stdin in a temporary file: {}",
                crate::input::io_reason(&e)
            ))
            .hint("check the free space of the temporary folder (TMPDIR)")
        })?;
        Ok(Stdin {
            spooled: Some((path, dir)),
        })
    }

    /// The file to read for `path`: the copy of stdin for `-`, else `path` itself.
    pub fn path<'a>(&'a self, path: &'a Path) -> &'a Path {
        match &self.spooled {
            Some((copy, _)) if is_stdin(path) => copy,
            _ => path,
        }
    }

    /// `--sheet` picks a sheet of a workbook: refused for stdin when what it read is not
    /// one (for a named file, the command line checks it by the name).
    pub fn sheet_applies(&self, path: &Path, sheet: Option<&str>) -> Result<(), InputError> {
        let copy = self.path(path);
        if sheet.is_some() && is_stdin(path) && FileKind::of(copy) != FileKind::Workbook {
            return Err(InputError::at(
                Location::file(Path::new(NAME)),
                "--sheet picks a sheet of a workbook, and stdin is not one",
            )
            .hint("leave --sheet out for CSV, text, YAML and JSON files"));
        }
        Ok(())
    }

    /// An error about the copy of stdin, naming stdin instead.
    /// A CSP list read from stdin goes by [`NAME`] in warnings and reports (its name when
    /// it has none), not by its copy's file name.
    pub fn name_list(&self, mut att: crate::model::Attestation) -> crate::model::Attestation {
        if self
            .spooled
            .as_ref()
            .is_some_and(|(copy, _)| att.source == *copy)
        {
            att.source = PathBuf::from(NAME);
        }
        att
    }

    pub fn name(&self, mut e: InputError) -> InputError {
        let Some((copy, _)) = &self.spooled else {
            return e;
        };
        if let Some(loc) = &mut e.location {
            if loc.file == *copy {
                loc.file = PathBuf::from(NAME);
            }
        }
        let shown = copy.display().to_string();
        e.message = e.message.replace(&shown, NAME);
        e.hint = e.hint.map(|h| h.replace(&shown, NAME));
        e
    }
}

/// The extension the loaders read `bytes` by: a workbook by its first bytes; else JSON,
/// YAML, CSV or pasted text by its first lines.
fn extension(bytes: &[u8], role: Role) -> &'static str {
    if bytes.starts_with(b"PK\x03\x04") {
        // an OpenDocument file names its type in its first entry
        let head = &bytes[..bytes.len().min(256)];
        let ods = b"application/vnd.oasis.opendocument.spreadsheet";
        return if head.windows(ods.len()).any(|w| w == ods) {
            "ods"
        } else {
            "xlsx"
        };
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return "xls";
    }
    let head = &bytes[..bytes.len().min(8192)];
    let text = if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        let (t, _, _) = encoding_rs::UTF_16LE.decode(head);
        t.into_owned()
    } else {
        String::from_utf8_lossy(head).into_owned()
    };
    let text = text.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .collect();
    let first = lines
        .iter()
        .find(|l| !l.trim_start().starts_with('#'))
        .copied()
        .unwrap_or("");
    let trimmed = first.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return "json";
    }
    if is_yaml_line(trimmed) {
        return "yaml";
    }
    match role {
        Role::Checks => "csv",
        Role::ControlList if is_table(&lines) => "csv",
        Role::ControlList => "txt",
    }
}

/// A line that starts a YAML document: `---`, `%YAML`, a list item `- `, or a `key:`.
fn is_yaml_line(line: &str) -> bool {
    if line.starts_with("---") || line.starts_with("%YAML") || line.starts_with("- ") {
        return true;
    }
    let Some((key, rest)) = line.split_once(':') else {
        return false;
    };
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && (rest.is_empty() || rest.starts_with(' '))
}

/// Lines of a table: comma- or semicolon-separated, or separated by the same number of
/// tabs on every line (cells copied from a spreadsheet; text pasted from a PDF is ragged).
fn is_table(lines: &[&str]) -> bool {
    let Some(first) = lines.first() else {
        return false;
    };
    if first.contains(',') || first.contains(';') {
        return true;
    }
    let tabs = first.matches('\t').count();
    tabs > 0 && lines.len() > 1 && lines.iter().all(|l| l.matches('\t').count() == tabs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_is_told_by_the_content() {
        use Role::{Checks, ControlList};
        assert_eq!(extension(b"PK\x03\x04rest", Checks), "xlsx");
        assert_eq!(
            extension(
                b"PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.spreadsheet",
                Checks
            ),
            "ods"
        );
        assert_eq!(extension(b"\xD0\xCF\x11\xE0rest", Checks), "xls");
        assert_eq!(extension(b"[{\"id\": \"A\"}]", Checks), "json");
        assert_eq!(
            extension(b"# my items\n- id: A\n  refs: 9.2.1\n", Checks),
            "yaml"
        );
        assert_eq!(
            extension(
                "name: サンプル\nimplemented: [5.1.1]\n".as_bytes(),
                ControlList
            ),
            "yaml"
        );
        assert_eq!(
            extension("\u{feff}id,title,controls\nA,x,9.2.1\n".as_bytes(), Checks),
            "csv"
        );
        assert_eq!(
            extension("項番,確認項目,管理策\n".as_bytes(), Checks),
            "csv"
        );
        // a CSP list: a table, or text pasted from the PDF
        assert_eq!(
            extension("管理策番号,実施状況\n9.2.1,実施\n".as_bytes(), ControlList),
            "csv"
        );
        assert_eq!(
            extension(
                "管理策番号\t実施状況\n9.2.1\t実施\n".as_bytes(),
                ControlList
            ),
            "csv"
        );
        assert_eq!(
            extension(
                "統制目標 番号\t統制目標 番号\n3.1.2\t3.1.3\t3.1.4\n".as_bytes(),
                ControlList
            ),
            "txt"
        );
        assert_eq!(extension(b"5.1.1 5.1.2 9.2.1\n", ControlList), "txt");
        // a note that looks like "Key: value" in Japanese is no YAML key
        assert_eq!(
            extension("統制目標: 5.1.1\n".as_bytes(), ControlList),
            "txt"
        );
    }

    #[test]
    fn errors_about_the_copy_name_stdin() {
        let stdin = Stdin::spool(b"id,title\n", Role::Checks).unwrap();
        let copy = stdin.path(Path::new("-")).to_path_buf();
        assert!(copy.ends_with("stdin.csv"), "{}", copy.display());
        assert_eq!(stdin.path(Path::new("a.csv")), Path::new("a.csv"));
        let e = InputError::at(
            Location::file(&copy).row(2),
            format!("bad: {}", copy.display()),
        )
        .hint(format!("see {}", copy.display()));
        assert_eq!(
            stdin.name(e).to_string(),
            "stdin: row 2: bad: stdin (hint: see stdin)"
        );
        // the copy goes with the value
        drop(stdin);
        assert!(!copy.exists());
        assert!(Stdin::read(&[
            (Path::new("-"), Role::Checks),
            (Path::new("-"), Role::ControlList)
        ])
        .unwrap_err()
        .message
        .contains("stdin can be read only once"));
    }
}
