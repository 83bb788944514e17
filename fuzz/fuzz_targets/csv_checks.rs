//! Fuzz the CSV check-item loader: bytes → decode → CSV → check items, an error or a list,
//! never a panic.
#![no_main]
use std::path::Path;

use ismap_gap::input::{checks, decode, table};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.csv");
    let Ok(text) = decode::decode(path, data, None) else {
        return;
    };
    let Ok(sheet) = table::read_csv_text(path, &text) else {
        return;
    };
    if let Ok(list) = checks::from_sheet(sheet) {
        assert!(!list.items.is_empty());
    }
});
