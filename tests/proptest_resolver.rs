//! Properties of the resolver: normalising is idempotent, every catalog id resolves to
//! itself, full-width and other spellings resolve like the ASCII id, no reference is
//! rewritten into another id, nothing panics.
use ismap_gap::catalog::{id, Catalog, IsoEdition, RefKind, Resolution};
use ismap_gap::model::split_refs;
use proptest::prelude::*;

fn catalog() -> &'static Catalog {
    static C: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    C.get_or_init(|| Catalog::embedded().unwrap())
}

fn targets(r: &Resolution) -> Vec<String> {
    match r {
        Resolution::Resolved { targets, .. } => targets.iter().map(|t| t.id.clone()).collect(),
        Resolution::NoCounterpart { .. } | Resolution::Unresolved { .. } => Vec::new(),
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

/// The runs of digits and dots in `text`, width-folded, without a trailing dot; a middle
/// dot (`・`) is not a dot.
fn number_runs(text: &str) -> Vec<String> {
    let folded: String = text
        .chars()
        .map(|c| {
            if matches!(c, '\u{30FB}' | '\u{FF65}') {
                c
            } else {
                ismap_gap::text::fold_char(c)
            }
        })
        .collect();
    folded
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map(|r| r.trim_matches('.').to_owned())
        .filter(|r| !r.is_empty())
        .collect()
}

/// The numbers of an id, without its suffix (`9.2.3.11.PB` → `9.2.3.11`).
fn numbers(id: &str) -> String {
    id::IsmapId::parse(id)
        .map(|i| {
            i.parts
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(".")
        })
        .unwrap_or_default()
}

/// Pieces a references cell is made of, as people type them.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "9",
        "1",
        "2",
        "3",
        "12",
        ".",
        ".",
        "・",
        "･",
        ",",
        "、",
        " ",
        "～",
        "-",
        "(",
        "）",
        "P",
        "PB",
        "A.",
        "CLD.",
        "管理策",
        "全般",
        "アクセス",
        "ｱｸｾｽ",
        "９",
        "．",
        "27001 ",
        "\n",
    ])
}

proptest! {
    /// What a cell says is never read as another id: each ISMAP id a reference resolves to
    /// is written in it as one run of digits and dots (a range, as its two ends), so
    /// `9.1・2` is never 9.1.2, `9..1` never 9.1, `9.2.1・9.2.2` never 9.2.1.9.2.2.
    #[test]
    fn no_reference_is_rewritten_into_another_id(
        pieces in proptest::collection::vec(piece(), 1..12)
    ) {
        let cell: String = pieces.concat();
        for r in split_refs(&cell) {
            prop_assert!(cell.contains(&r), "{:?} not in {:?}", r, cell);
            let runs = number_runs(&r);
            let Resolution::Resolved { kind, targets, .. } =
                catalog().resolve_in(&r, Some(IsoEdition::Iso2013))
            else {
                continue;
            };
            if kind != RefKind::Ismap && kind != RefKind::AnnexA {
                continue;
            }
            if runs.len() == 2 {
                // a range: its targets lie between the two ends written
                continue;
            }
            for t in &targets {
                let n = numbers(&t.id);
                // a clause or category stands for the objectives under it
                let written = runs.iter().any(|w| *w == n || n.starts_with(&format!("{w}.")));
                prop_assert!(written, "{:?} in {:?} resolved to {}", r, cell, t.id);
            }
        }
    }

    /// `・` between two complete ids separates them; with an incomplete number on either
    /// side it is one reference that does not resolve.
    #[test]
    fn a_middle_dot_separates_only_complete_ids(a in catalog_id(), b in catalog_id(), n in 1u32..20) {
        let two = |x: &str| id::IsmapId::parse(x).is_some_and(|i| i.depth() >= 2);
        if two(&a) && two(&b) {
            prop_assert_eq!(split_refs(&format!("{a}・{b}")), vec![a.clone(), b.clone()]);
        }
        if two(&a) {
            let cell = format!("{a}・{n}");
            prop_assert_eq!(split_refs(&cell), vec![cell.clone()]);
            prop_assert!(matches!(catalog().resolve(&cell), Resolution::Unresolved { .. }), "{}", cell);
        }
    }

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
