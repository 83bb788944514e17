//! Fuzz the CSP list reader with its fail-closed property: any text (read as pasted text or
//! as CSV, by the first byte) with a statement that 9.2.3 is not implemented added at a
//! place the second byte picks is refused or read with 9.2.3 not implemented; never a
//! panic, and never 9.2.3 credited.
#![no_main]
use std::path::Path;
use std::sync::OnceLock;

use ismap_gap::analysis::{resolve_attestation, CspState};
use ismap_gap::catalog::Catalog;
use ismap_gap::input::csp::{load_text, CspOptions};
use libfuzzer_sys::fuzz_target;

static CATALOG: OnceLock<Option<Catalog>> = OnceLock::new();

/// Statements of "9.2.3 is not implemented", as lists write them.
const STATEMENTS: &[&str] = &[
    "9.2.3 未実施",
    "9.2.3（非該当）",
    "9.2.3\t×",
    "9.2.3,未実施",
    "9.2.3,,○,×",
    "9.2.3\n特権的アクセス権の管理\n×",
    "■ 非該当の統制目標\n9.2.3",
    "９．２．３　対象外",
    "9.2.3 Not implemented",
];

fuzz_target!(|data: &[u8]| {
    let Some(catalog) = CATALOG.get_or_init(|| Catalog::embedded().ok()).as_ref() else {
        return;
    };
    let [kind, at, pick, rest @ ..] = data else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let statement = STATEMENTS[*pick as usize % STATEMENTS.len()];
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(*at as usize % (lines.len() + 1), statement);
    let text = lines.join("\n");
    let name = if kind % 2 == 0 { "fuzz.txt" } else { "fuzz.csv" };
    let Ok(att) = load_text(Path::new(name), &text, &CspOptions::default(), catalog) else {
        return;
    };
    let states = resolve_attestation(catalog, &att);
    assert!(
        !matches!(states.state("9.2.3"), Some(CspState::Implemented)),
        "9.2.3 credited from {name}:\n{text}"
    );
});
