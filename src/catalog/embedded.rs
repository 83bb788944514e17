//! The default catalog, compiled into the binary: `catalog/embedded.json`, the YAML files
//! under `catalog/` merged, validated and written as JSON (JSON parses in a fraction of the
//! time YAML takes, and every run starts by loading the catalog). `tests/catalog_data.rs`
//! checks that the JSON is exactly what the YAML gives (`ISMAP_GAP_REGENERATE=1` rewrites
//! it).
use std::path::Path;

use crate::catalog::model::CatalogDoc;
use crate::catalog::validate::{self, EntryOrigin};
use crate::catalog::Catalog;
use crate::error::{InputError, Location};

/// Where messages say the embedded catalog comes from.
pub const PATH: &str = "<embedded>/catalog/embedded.json";

/// The catalog as compiled in.
pub const JSON: &str = include_str!("../../catalog/embedded.json");

/// The embedded form of a (validated) catalog document: pretty JSON, final newline.
pub fn to_json(doc: &CatalogDoc) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(doc)?;
    text.push('\n');
    Ok(text)
}

/// Parses the embedded catalog (and validates it, in a debug build).
pub fn load() -> Result<Catalog, Vec<InputError>> {
    let doc: CatalogDoc = serde_json::from_str(JSON).map_err(|e| {
        vec![InputError::at(
            Location::file(Path::new(PATH)).line(e.line()),
            format!("invalid embedded catalog: {e}"),
        )]
    })?;
    let origins: Vec<EntryOrigin> = doc
        .entries
        .iter()
        .map(|_| EntryOrigin {
            file: PATH.into(),
            line: None,
        })
        .collect();
    // what is compiled in was validated when it was written (`tests/catalog_data.rs`
    // checks that it is the validated YAML), so a release run does not validate it again
    if cfg!(debug_assertions) {
        let problems = validate::validate(&doc, &origins);
        if !problems.is_empty() {
            return Err(problems);
        }
    }
    let mut catalog = Catalog::new(doc, PATH.to_owned());
    catalog.origin = "embedded".to_owned();
    catalog.embedded = true;
    Ok(catalog)
}
