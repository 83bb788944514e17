//! Fuzz the reference resolver: any text resolves or is rejected, never panics, and a
//! canonical id stays canonical.
#![no_main]
use std::sync::OnceLock;

use ismap_gap::catalog::{id, Catalog, Resolution};
use libfuzzer_sys::fuzz_target;

static CATALOG: OnceLock<Option<Catalog>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(catalog) = CATALOG.get_or_init(|| Catalog::embedded().ok()).as_ref() else {
        return;
    };
    if let Resolution::Resolved { targets, .. } = catalog.resolve(text) {
        assert!(!targets.is_empty());
    }
    if let Some(c) = id::canonical(text) {
        assert_eq!(id::canonical(&c).as_deref(), Some(c.as_str()));
    }
});
