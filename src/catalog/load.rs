//! Reading catalog YAML (the embedded files or `--catalog FILE`) into a checked `Catalog`.
use std::path::{Path, PathBuf};

use crate::catalog::model::{CatalogDoc, FragmentDoc};
use crate::catalog::validate::{self, EntryOrigin};
use crate::catalog::Catalog;
use crate::error::{InputError, Location};

/// Largest catalog file accepted; the full official catalog is well under 2 MB as YAML.
pub const MAX_CATALOG_BYTES: u64 = 32 * 1024 * 1024;

/// One YAML text and the name it is reported under.
pub struct SourceText {
    pub path: PathBuf,
    pub text: String,
}

/// A catalog file's YAML as `T`; an empty file says so (serde would say "missing field").
fn from_yaml<T: serde::de::DeserializeOwned>(src: &SourceText) -> Result<T, InputError> {
    if src.text.trim().is_empty() {
        return Err(
            InputError::at(Location::file(&src.path), "the catalog file is empty").hint(
                "a catalog is a YAML file with name, version and entries; see catalog/README.md",
            ),
        );
    }
    serde_yaml::from_str(&src.text).map_err(|e| yaml_error(&src.path, &e))
}

fn yaml_error(path: &Path, err: &serde_yaml::Error) -> InputError {
    let mut loc = Location::file(path);
    if let Some(l) = err.location() {
        loc = loc.line(l.line());
    }
    // serde_yaml appends "at line N column M"; the location already says it
    let msg = err.to_string();
    let msg = msg.split(" at line ").next().unwrap_or(&msg).to_owned();
    InputError::at(loc, msg).hint("see catalog/README.md for the catalog format")
}

/// The line on which each entry starts, found by its `id:` (JSON `"id":`) key in the text.
fn entry_lines(text: &str, ids: &[String]) -> Vec<Option<usize>> {
    let id_lines: Vec<(usize, String)> = text
        .lines()
        .enumerate()
        .filter_map(|(n, line)| {
            let t = line.trim_start().trim_start_matches("- ").trim_start();
            let t = t.strip_prefix('{').unwrap_or(t).trim_start();
            // YAML `id: …`, or JSON (a catalog may be written as JSON) `"id": …`
            let v = t
                .strip_prefix("id:")
                .or_else(|| t.strip_prefix("\"id\":"))?;
            let v = v.split(['#', ',', '}']).next().unwrap_or(v);
            let v = v.trim().trim_matches(['"', '\'']);
            Some((n + 1, v.to_owned()))
        })
        .collect();
    let mut cursor = 0;
    ids.iter()
        .map(|id| {
            let found = id_lines[cursor..].iter().position(|(_, v)| v == id)?;
            cursor += found + 1;
            Some(id_lines[cursor - 1].0)
        })
        .collect()
}

/// Parses a root document and its includes, then validates the whole.
/// `read` fetches an included file by its name relative to the root.
pub fn parse(
    root: SourceText,
    read: &dyn Fn(&str) -> Result<SourceText, InputError>,
) -> Result<Catalog, Vec<InputError>> {
    let path = root.path.display().to_string();
    Ok(Catalog::new(parse_doc(root, read)?, path))
}

/// [`parse`] without building the lookup tables: the validated document, its includes
/// merged into `entries`.
pub fn parse_doc(
    root: SourceText,
    read: &dyn Fn(&str) -> Result<SourceText, InputError>,
) -> Result<CatalogDoc, Vec<InputError>> {
    let mut doc: CatalogDoc = from_yaml(&root).map_err(|e| vec![e])?;
    let ids: Vec<String> = doc.entries.iter().map(|e| e.id.clone()).collect();
    let mut origins: Vec<EntryOrigin> = entry_lines(&root.text, &ids)
        .into_iter()
        .map(|line| EntryOrigin {
            file: root.path.clone(),
            line,
        })
        .collect();
    for name in std::mem::take(&mut doc.include) {
        let src = read(&name).map_err(|e| vec![e])?;
        let frag: FragmentDoc = from_yaml(&src).map_err(|e| vec![e])?;
        let ids: Vec<String> = frag.entries.iter().map(|e| e.id.clone()).collect();
        origins.extend(
            entry_lines(&src.text, &ids)
                .into_iter()
                .map(|line| EntryOrigin {
                    file: src.path.clone(),
                    line,
                }),
        );
        doc.entries.extend(frag.entries);
    }
    let problems = validate::validate(&doc, &origins);
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(doc)
}

/// Reads a file as UTF-8 text for the catalog, with a clear error.
pub fn read_text(path: &Path) -> Result<SourceText, InputError> {
    let loc = Location::file(path);
    let meta = std::fs::metadata(path).map_err(|e| {
        InputError::at(loc.clone(), format!("cannot read: {e}")).hint("check the path")
    })?;
    if meta.is_dir() {
        return Err(InputError::at(loc, "is a directory, not a file").hint("name a YAML file"));
    }
    if meta.len() > MAX_CATALOG_BYTES {
        return Err(InputError::at(
            loc,
            format!(
                "file is {} bytes, over the {MAX_CATALOG_BYTES}-byte limit",
                meta.len()
            ),
        )
        .hint("a catalog is a YAML file of a few MB at most"));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| InputError::at(loc.clone(), format!("cannot read: {e}")))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = String::from_utf8(bytes.to_vec()).map_err(|e| {
        InputError::at(
            loc,
            format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()),
        )
        .hint("save the catalog as UTF-8")
    })?;
    Ok(SourceText {
        path: path.to_path_buf(),
        text,
    })
}

/// Loads a catalog from a file; includes are read relative to its folder.
pub fn load_file(path: &Path) -> Result<Catalog, Vec<InputError>> {
    let root = read_text(path).map_err(|e| vec![e])?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    parse(root, &|name| read_text(&dir.join(name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_lines_follow_order_and_duplicates() {
        let text =
            "entries:\n  - id: \"1\"\n    layer: control\n  - id: '1'\n  - {id: 2, layer: x}\n";
        let json = "{\"entries\": [\n {\"id\": \"1\",\n  \"layer\": \"control\"},\n {\n  \"id\": \"2\"\n }]}\n";
        assert_eq!(
            entry_lines(json, &["1".to_owned(), "2".to_owned()]),
            vec![Some(2), Some(5)]
        );
        let ids = vec![
            "1".to_owned(),
            "1".to_owned(),
            "2".to_owned(),
            "9".to_owned(),
        ];
        assert_eq!(
            entry_lines(text, &ids),
            vec![Some(2), Some(4), Some(5), None]
        );
    }
}
