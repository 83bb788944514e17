//! The default catalog, compiled into the binary from the YAML files under `catalog/`.
use std::path::PathBuf;

use crate::catalog::load::{self, SourceText};
use crate::catalog::Catalog;
use crate::error::InputError;

/// The root file, which names the others in `include:`.
pub const ROOT: (&str, &str) = ("ismap.yaml", include_str!("../../catalog/ismap.yaml"));

/// Every included file, by the name `include:` uses.
pub const FILES: &[(&str, &str)] = &[
    (
        "governance.yaml",
        include_str!("../../catalog/governance.yaml"),
    ),
    (
        "management.yaml",
        include_str!("../../catalog/management.yaml"),
    ),
    ("controls.yaml", include_str!("../../catalog/controls.yaml")),
];

fn source(name: &str, text: &str) -> SourceText {
    SourceText {
        path: PathBuf::from(format!("<embedded>/catalog/{name}")),
        text: text.to_owned(),
    }
}

/// Parses and validates the embedded catalog.
pub fn load() -> Result<Catalog, Vec<InputError>> {
    let mut catalog = load::parse(source(ROOT.0, ROOT.1), &|name| {
        FILES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(n, t)| source(n, t))
            .ok_or_else(|| InputError::new(format!("embedded catalog has no file '{name}'")))
    })?;
    catalog.origin = "embedded".to_owned();
    Ok(catalog)
}
