//! Exit codes and the error type that carries a location and a hint to the user.
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Every exit status the tool uses, in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The command did what was asked.
    Ok = 0,
    /// The command ran, and findings met the `--fail-on` threshold.
    Findings = 1,
    /// Usage or input error: nothing (or nothing half-written) was produced.
    Input = 2,
    /// Interrupted (Ctrl-C, `SIGTERM`, `SIGHUP`) while writing a file: its temporary
    /// file was removed, the old file (if any) is untouched.
    Interrupted = 130,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> Self {
        ExitCode::from(e as u8)
    }
}

/// Where in an input a problem sits: a file and, where it applies, sheet, row, column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Location {
    pub file: PathBuf,
    pub sheet: Option<String>,
    /// 1-based row of a table.
    pub row: Option<usize>,
    /// 1-based line of a text file (YAML, pasted text).
    pub line: Option<usize>,
    pub column: Option<String>,
}

impl Location {
    pub fn file(path: &Path) -> Self {
        Location {
            file: path.to_path_buf(),
            ..Default::default()
        }
    }
    pub fn sheet(mut self, sheet: Option<&str>) -> Self {
        self.sheet = sheet.map(str::to_owned);
        self
    }
    pub fn row(mut self, row: usize) -> Self {
        self.row = Some(row);
        self
    }
    pub fn line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }
    pub fn column(mut self, column: impl Into<String>) -> Self {
        self.column = Some(column.into());
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(s) = &self.sheet {
            write!(f, ": sheet '{s}'")?;
        }
        if let Some(r) = self.row {
            write!(f, ": row {r}")?;
        }
        if let Some(l) = self.line {
            write!(f, ": line {l}")?;
        }
        if let Some(c) = &self.column {
            write!(f, ": column '{c}'")?;
        }
        Ok(())
    }
}

/// A problem with what the user gave us: where, what, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// Boxed to keep `Result<_, InputError>` small.
    pub location: Option<Box<Location>>,
    pub message: String,
    pub hint: Option<String>,
    /// What the reader found instead of what it reads, when that is all the error says:
    /// `compare --csp-dir` passes over such a file with a note.
    pub not_a_list: Option<NotAList>,
    /// The refusals found after this one in the same pass (the other rows of a table the
    /// reader refuses), printed one line each after it; boxed, as it is rare.
    pub further: Option<Box<Further>>,
}

/// How many further refusals are kept to be shown (the rest are counted).
pub const FURTHER_SHOWN: usize = 20;

/// Refusals after an error's own, in the order found: up to [`FURTHER_SHOWN`] of them,
/// and how many more there were.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Further {
    pub shown: Vec<InputError>,
    pub not_shown: usize,
}

/// The refusals of one pass over the rows of a table, collected so that one run names
/// them all: the first is the error, the others its [`Further`].
#[derive(Debug, Default)]
pub struct Refusals {
    first: Option<InputError>,
    further: Further,
}

impl Refusals {
    pub fn push(&mut self, e: InputError) {
        if self.first.is_none() {
            self.first = Some(e);
        } else if self.further.shown.len() < FURTHER_SHOWN {
            self.further.shown.push(e);
        } else {
            self.further.not_shown += 1;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.first.is_none()
    }

    /// `Ok` when nothing was refused, else the first refusal carrying the others.
    pub fn into_result(self) -> Result<(), InputError> {
        match self.first {
            None => Ok(()),
            Some(mut e) => {
                if !self.further.shown.is_empty() {
                    e.further = Some(Box::new(self.further));
                }
                Err(e)
            }
        }
    }
}

/// A file refused for holding nothing of what the reader looks for, rather than for
/// something it could not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAList {
    /// Not one ISMAP control id anywhere (a memo, a README).
    NoIds,
    /// A table with no status column and a column that is neither ids, titles nor row
    /// numbers (a check list has one: its items' ids or titles).
    NoStatusColumn,
}

impl InputError {
    pub fn new(message: impl Into<String>) -> Self {
        InputError {
            location: None,
            message: message.into(),
            hint: None,
            not_a_list: None,
            further: None,
        }
    }
    pub fn at(location: Location, message: impl Into<String>) -> Self {
        InputError {
            location: Some(Box::new(location)),
            message: message.into(),
            hint: None,
            not_a_list: None,
            further: None,
        }
    }
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
    pub fn not_a_list(mut self, what: NotAList) -> Self {
        self.not_a_list = Some(what);
        self
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(loc) = &self.location {
            write!(f, "{loc}: ")?;
        }
        write!(f, "{}", self.message)?;
        if let Some(h) = &self.hint {
            write!(f, " (hint: {h})")?;
        }
        Ok(())
    }
}

impl std::error::Error for InputError {}

/// True when the error comes from writing to a closed pipe (`ismap-gap … | head`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The error chain on one line, as printed to stderr.
pub fn render(err: &anyhow::Error) -> String {
    let mut out = String::from("error: ");
    let mut first = true;
    for cause in err.chain() {
        let text = cause.to_string();
        if !first {
            // anyhow contexts often repeat the cause's text; keep the line short.
            if out.ends_with(&text) {
                continue;
            }
            out.push_str(": ");
        }
        out.push_str(&text);
        first = false;
    }
    out.replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_names_every_part() {
        let loc = Location::file(Path::new("a.xlsx"))
            .sheet(Some("確認項目"))
            .row(5)
            .column("risk");
        assert_eq!(
            loc.to_string(),
            "a.xlsx: sheet '確認項目': row 5: column 'risk'"
        );
    }

    #[test]
    fn render_is_one_line_with_hint() {
        let e =
            InputError::at(Location::file(Path::new("x.csv")).row(2), "bad\nvalue").hint("fix it");
        let rendered = render(&anyhow::Error::new(e));
        assert_eq!(rendered, "error: x.csv: row 2: bad value (hint: fix it)");
    }
}
