//! Properties of the resolver: normalising is idempotent, every catalog id resolves to
//! itself, full-width and other spellings resolve like the ASCII id, nothing panics.
use ismap_gap::catalog::{id, Catalog, Resolution};
use proptest::prelude::*;

fn catalog() -> &'static Catalog {
    static C: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    C.get_or_init(|| Catalog::embedded().unwrap())
}

fn targets(r: &Resolution) -> Vec<String> {
    match r {
        Resolution::Resolved { targets, .. } => targets.iter().map(|t| t.id.clone()).collect(),
        Resolution::Unresolved { .. } => Vec::new(),
    }
}

/// Full-width form of an ASCII character, where one exists.
fn widen(c: char) -> char {
    match c {
        '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

#[test]
fn every_catalog_id_resolves_to_itself() {
    for e in catalog().entries() {
        assert_eq!(
            targets(&catalog().resolve(&e.id)),
            std::slice::from_ref(&e.id),
            "{}",
            e.id
        );
        assert_eq!(id::canonical(&e.id).as_deref(), Some(e.id.as_str()));
    }
}

fn catalog_id() -> impl Strategy<Value = String> {
    let ids: Vec<String> = catalog().entries().iter().map(|e| e.id.clone()).collect();
    proptest::sample::select(ids)
}

proptest! {
    #[test]
    fn normalising_is_idempotent(s in "\\PC{0,24}") {
        if let Some(c) = id::canonical(&s) {
            prop_assert_eq!(id::canonical(&c), Some(c.clone()));
        }
    }

    #[test]
    fn id_like_text_normalises_idempotently(s in "[0-9０-９]{1,2}([.．][0-9０-９]{1,2}){0,4}([.\\-_ ]?[PBpbＰＢ]{1,2})?") {
        if let Some(c) = id::canonical(&s) {
            prop_assert_eq!(id::canonical(&c), Some(c.clone()));
        }
    }

    #[test]
    fn full_width_forms_resolve_like_ascii(id in catalog_id(), mask in proptest::collection::vec(any::<bool>(), 16)) {
        let wide: String = id
            .chars()
            .enumerate()
            .map(|(i, c)| if mask[i % mask.len()] { widen(c) } else { c })
            .collect();
        prop_assert_eq!(targets(&catalog().resolve(&wide)), targets(&catalog().resolve(&id)));
    }

    #[test]
    fn suffix_spellings_resolve_alike(id in catalog_id(), sep in prop::sample::select(vec!["", "-", "_", " ", "."]), lower in any::<bool>()) {
        if let Some(base) = id.strip_suffix(".P") {
            let typed = format!("{base}{sep}{}", if lower { "p" } else { "P" });
            prop_assert_eq!(targets(&catalog().resolve(&typed)), vec![id.clone()]);
        }
    }

    #[test]
    fn resolving_anything_never_panics(s in "\\PC{0,40}") {
        let _ = catalog().resolve(&s);
    }
}
