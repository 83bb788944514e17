//! Fuzz the YAML CSP profile loader: an error or a profile, never a panic or a hang.
#![no_main]
use std::path::Path;
use std::sync::OnceLock;

use ismap_gap::catalog::Catalog;
use ismap_gap::input::csp::profile_from_str;
use libfuzzer_sys::fuzz_target;

static CATALOG: OnceLock<Option<Catalog>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(catalog) = CATALOG.get_or_init(|| Catalog::embedded().ok()).as_ref() else {
        return;
    };
    let _ = profile_from_str(Path::new("/nonexistent/fuzz.yaml"), text, catalog);
});
