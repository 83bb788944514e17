//! The default catalog, compiled into the binary. `catalog/embedded.json` is the YAML files
//! under `catalog/` merged, validated and written as JSON, and `catalog/embedded-catalog.rs`
//! the same document as Rust statics (rows of `&'static str`s), which is what a run loads:
//! turning the rows into a [`CatalogDoc`] copies some 3,000 short strings and parses
//! nothing (parsing the JSON cost about half of the catalog's start-up). `tests/catalog_data.rs`
//! checks that the JSON is exactly what the YAML gives, that the statics are what
//! [`to_rust`] writes for it and that [`doc`] written as JSON is that file byte for byte
//! (`ISMAP_GAP_REGENERATE=1` rewrites both).
use std::fmt::Write;

use crate::catalog::model::{CatalogDoc, CrossRefs, Entry, Flags, NistRef, Titles};
use crate::catalog::validate::{self, EntryOrigin};
use crate::catalog::Catalog;
use crate::error::InputError;

/// Where messages say the embedded catalog comes from.
pub const PATH: &str = "<embedded>/catalog/embedded.json";

/// The catalog as compiled in, as JSON (what `catalog/embedded-catalog.rs` was written from).
pub const JSON: &str = include_str!("../../catalog/embedded.json");

/// The embedded form of a (validated) catalog document: pretty JSON, final newline.
pub fn to_json(doc: &CatalogDoc) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(doc)?;
    text.push('\n');
    Ok(text)
}

/// The catalog document compiled in, from the statics of `catalog/embedded-catalog.rs`.
pub fn doc() -> CatalogDoc {
    let owned = |l: &[&str]| -> Vec<String> { l.iter().map(|&s| s.to_owned()).collect() };
    let text = |s: Option<&str>| s.map(str::to_owned);
    CatalogDoc {
        name: rows::NAME.to_owned(),
        version: rows::VERSION.to_owned(),
        edition: text(rows::EDITION),
        edition_ja: text(rows::EDITION_JA),
        numbering: rows::NUMBERING,
        details_complete: rows::DETAILS_COMPLETE,
        notice: rows::NOTICE.to_owned(),
        sources: (rows::SOURCES.iter())
            .map(|&(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
        include: owned(rows::INCLUDE),
        entries: (rows::ENTRIES.iter())
            .map(|e| Entry {
                id: e.0.to_owned(),
                layer: e.1,
                level: e.2,
                parent: text(e.3),
                title: Titles {
                    ja: text(e.4),
                    en: text(e.5),
                },
                flags: Flags {
                    basic: e.6,
                    cloud_provider: e.7,
                },
                refs: CrossRefs {
                    annex_a: owned(e.8),
                    jis_q_27002: owned(e.9),
                    jis_q_27017: owned(e.10),
                    nist_sp800_53: (e.11.iter())
                        .map(|&(control, partial)| NistRef {
                            control: control.to_owned(),
                            partial,
                        })
                        .collect(),
                    unified_standard: owned(e.12),
                    iso27001_2013: owned(e.13),
                    iso27014_2013: owned(e.14),
                    as_printed: owned(e.15),
                },
                sources: owned(e.16),
            })
            .collect(),
    }
}

/// The ids of the embedded catalog's entries, in catalog order (nothing copied).
pub fn ids() -> impl Iterator<Item = &'static str> {
    rows::ENTRIES.iter().map(|e| e.0)
}

/// A catalog document as the Rust statics of `catalog/embedded-catalog.rs` (compiled in by
/// [`rows`]): strings written as Rust literals (`{:?}`).
pub fn to_rust(doc: &CatalogDoc) -> String {
    let mut out = String::from(
        "// The embedded catalog (catalog/embedded.json) as Rust statics, compiled in by\n\
         // `catalog::embedded::rows`. Written by `catalog::embedded::to_rust`\n\
         // (`ISMAP_GAP_REGENERATE=1 cargo test --test catalog_data`): do not edit.\n",
    );
    let strs = |l: &[String]| {
        let items: Vec<String> = l.iter().map(|s| format!("{s:?}")).collect();
        format!("&[{}]", items.join(", "))
    };
    let _ = writeln!(out, "pub const NAME: &str = {:?};", doc.name);
    let _ = writeln!(out, "pub const VERSION: &str = {:?};", doc.version);
    let _ = writeln!(out, "pub const EDITION: Option<&str> = {:?};", doc.edition);
    let _ = writeln!(
        out,
        "pub const EDITION_JA: Option<&str> = {:?};",
        doc.edition_ja
    );
    let _ = writeln!(
        out,
        "pub const NUMBERING: Numbering = Numbering::{:?};",
        doc.numbering
    );
    let _ = writeln!(
        out,
        "pub const DETAILS_COMPLETE: Option<bool> = {:?};",
        doc.details_complete
    );
    let _ = writeln!(out, "pub const NOTICE: &str = {:?};", doc.notice);
    let _ = writeln!(out, "pub static SOURCES: &[(&str, &str)] = &[");
    for (k, v) in &doc.sources {
        let _ = writeln!(out, "({k:?}, {v:?}),");
    }
    let _ = writeln!(out, "];");
    let _ = writeln!(out, "pub static INCLUDE: &[&str] = {};", strs(&doc.include));
    let _ = writeln!(out, "pub static ENTRIES: &[E] = &[");
    for e in &doc.entries {
        let r = &e.refs;
        let nist: Vec<String> = (r.nist_sp800_53.iter())
            .map(|n| format!("({:?}, {})", n.control, n.partial))
            .collect();
        let _ = writeln!(
            out,
            "E({:?}, {:?}, {:?}, {:?}, {:?}, {:?}, {}, {}, {}, {}, {}, &[{}], {}, {}, {}, {}, {}),",
            e.id,
            e.layer,
            e.level,
            e.parent,
            e.title.ja,
            e.title.en,
            e.flags.basic,
            e.flags.cloud_provider,
            strs(&r.annex_a),
            strs(&r.jis_q_27002),
            strs(&r.jis_q_27017),
            nist.join(", "),
            strs(&r.unified_standard),
            strs(&r.iso27001_2013),
            strs(&r.iso27014_2013),
            strs(&r.as_printed),
            strs(&e.sources),
        );
    }
    out.push_str("];\n");
    out
}

/// The embedded catalog as written by [`to_rust`]: static rows, read without parsing.
mod rows {
    use crate::catalog::model::Layer::{self, Control, Governance, Management};
    use crate::catalog::model::Level::{self, Category, Clause, Detail, Objective, Overview};
    use crate::catalog::model::Numbering;

    /// An entry: id, layer, level, parent, Japanese and English titles, the flags basic
    /// and cloud_provider, the cross-references (Annex A, JIS Q 27002, JIS Q 27017, NIST
    /// SP 800-53 as control and partial, unified standard, ISO/IEC 27001:2013 clauses,
    /// ISO/IEC 27014:2013 sections, as printed) and the sources (see
    /// [`crate::catalog::model::Entry`]).
    pub(super) struct E(
        pub(super) &'static str,
        pub(super) Layer,
        pub(super) Level,
        pub(super) Option<&'static str>,
        pub(super) Option<&'static str>,
        pub(super) Option<&'static str>,
        pub(super) bool,
        pub(super) bool,
        pub(super) &'static [&'static str],
        pub(super) &'static [&'static str],
        pub(super) &'static [&'static str],
        pub(super) &'static [(&'static str, bool)],
        pub(super) &'static [&'static str],
        pub(super) &'static [&'static str],
        pub(super) &'static [&'static str],
        pub(super) &'static [&'static str],
        pub(super) &'static [&'static str],
    );

    include!("../../catalog/embedded-catalog.rs");
}

/// The embedded catalog (validated again, in a debug build).
pub fn load() -> Result<Catalog, Vec<InputError>> {
    let doc = doc();
    // what is compiled in was validated when it was written (`tests/catalog_data.rs`
    // checks that it is the validated YAML), so a release run does not validate it again
    if cfg!(debug_assertions) {
        let origins: Vec<EntryOrigin> = doc
            .entries
            .iter()
            .map(|_| EntryOrigin {
                file: PATH.into(),
                line: None,
            })
            .collect();
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
