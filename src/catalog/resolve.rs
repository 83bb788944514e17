//! The one reference resolver: what people type (ISMAP ids, full width, `CLD.x.y.z`,
//! `A.x.y.z`, NIST ids) → catalog entries, or a rejection with suggestions.
use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::catalog::id::IsmapId;
use crate::catalog::model::{Entry, Layer, Level};
use crate::text::{edit_distance, fold_width};

/// Which form of reference was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RefKind {
    /// An ISMAP id such as `9.2.1` or `8.1.5.P`.
    Ismap,
    /// ISO/IEC 27001:2013 (JIS Q 27001:2014) Annex A, `A.9.2.1`.
    AnnexA,
    /// ISO/IEC 27017 cloud control, `CLD.8.1.5`.
    Cld,
    /// NIST SP 800-53, `AC-2`; resolves to candidates through NIST's mapping.
    Nist,
}

/// One catalog entry a reference resolved to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Target {
    /// The catalog id, or for an unverified detail the detail id as typed (canonical).
    pub id: String,
    /// A detail id accepted because its parent objective exists in a catalog that holds
    /// no detailed controls: it is not confirmed to exist.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unverified: bool,
    /// NIST marks this mapping as partial (its asterisk).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub partial_mapping: bool,
}

impl Target {
    fn exact(id: &str) -> Target {
        Target {
            id: id.to_owned(),
            unverified: false,
            partial_mapping: false,
        }
    }
}

/// Why a reference did not resolve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unresolved {
    /// Not shaped like any reference form the tool knows.
    NotAReference,
    /// A well-formed ISMAP id that the catalog does not hold.
    UnknownId,
    /// A well-formed Annex A reference with no catalog entry.
    UnknownAnnexA,
    /// A well-formed 27017 reference with no catalog entry.
    UnknownCld,
    /// A well-formed NIST id that NIST's mapping does not connect to any entry.
    UnknownNist,
}

impl Unresolved {
    pub fn describe(self) -> &'static str {
        match self {
            Unresolved::NotAReference => "not a recognised reference",
            Unresolved::UnknownId => "well-formed ISMAP id not in the catalog",
            Unresolved::UnknownAnnexA => "Annex A reference not in the catalog",
            Unresolved::UnknownCld => "ISO/IEC 27017 reference not in the catalog",
            Unresolved::UnknownNist => "NIST SP 800-53 id with no mapping to the catalog",
        }
    }
}

/// The result of resolving one reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum Resolution {
    Resolved {
        kind: RefKind,
        targets: Vec<Target>,
        /// For NIST: the control id actually found in the mapping (the base control when
        /// an enhancement such as `AC-2(1)` is not mapped itself).
        #[serde(skip_serializing_if = "Option::is_none")]
        matched: Option<String>,
    },
    Unresolved {
        why: Unresolved,
        suggestions: Vec<String>,
    },
}

impl Resolution {
    /// NIST-derived resolutions are candidates, not equivalences.
    pub fn is_approximate(&self) -> bool {
        matches!(
            self,
            Resolution::Resolved {
                kind: RefKind::Nist,
                ..
            }
        )
    }
}

/// A parsed NIST SP 800-53 id: canonical form and base control.
pub fn parse_nist(input: &str) -> Option<(String, String)> {
    let s: String = fold_width(input)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let (family, rest) = s.split_once('-')?;
    if family.len() != 2 || !family.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let (num, enh) = match rest.split_once('(') {
        Some((n, e)) => (n, Some(e.strip_suffix(')')?)),
        None => (rest, None),
    };
    let number = |t: &str| -> Option<u32> {
        if t.is_empty() || t.len() > 3 || !t.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        t.parse().ok()
    };
    let base = format!("{family}-{}", number(num)?);
    let full = match enh {
        Some(e) => format!("{base}({})", number(e)?),
        None => base.clone(),
    };
    Some((full, base))
}

/// Lookup tables from cross-references to entries, built once per catalog.
#[derive(Debug, Default)]
pub struct RefIndex {
    by_id: HashMap<String, usize>,
    nist: BTreeMap<String, Vec<(usize, bool)>>,
    annex_a: HashMap<String, Vec<usize>>,
    cld: HashMap<String, Vec<usize>>,
    /// Detail ids with a suffix, by their numbers alone (`9.2.3.11` → `9.2.3.11.PB`).
    unsuffixed: HashMap<String, Vec<usize>>,
    details_complete: bool,
}

impl RefIndex {
    /// `details_complete`: the catalog holds every detailed control of its edition, so a
    /// detail id it lacks does not resolve through its objective.
    pub fn build(entries: &[Entry], details_complete: bool) -> RefIndex {
        let mut ix = RefIndex {
            details_complete,
            ..RefIndex::default()
        };
        for (i, e) in entries.iter().enumerate() {
            ix.by_id.entry(e.id.clone()).or_insert(i);
            if e.level == Level::Detail {
                if let Some(id) = IsmapId::parse(&e.id).filter(|id| id.suffix.is_some()) {
                    let numbers = IsmapId { suffix: None, ..id };
                    ix.unsuffixed
                        .entry(numbers.canonical())
                        .or_default()
                        .push(i);
                }
            }
            for n in &e.refs.nist_sp800_53 {
                if let Some((full, _)) = parse_nist(&n.control) {
                    ix.nist.entry(full).or_default().push((i, n.partial));
                }
            }
            for a in &e.refs.annex_a {
                ix.annex_a.entry(a.clone()).or_default().push(i);
            }
            for c in &e.refs.jis_q_27017 {
                ix.cld.entry(c.clone()).or_default().push(i);
            }
        }
        ix
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn details_complete(&self) -> bool {
        self.details_complete
    }

    /// NIST controls that map to anything, in id order.
    pub fn nist_controls(&self) -> impl Iterator<Item = &str> {
        self.nist.keys().map(String::as_str)
    }

    /// Resolves one reference against `entries` (the catalog these tables were built from).
    pub fn resolve(&self, entries: &[Entry], input: &str) -> Resolution {
        let s = fold_width(input).trim().to_ascii_uppercase();
        if let Some(rest) = strip_prefix_word(&s, "CLD") {
            return self.resolve_cld(entries, rest);
        }
        if let Some(rest) = strip_prefix_word(&s, "A") {
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                return self.resolve_annex_a(entries, rest);
            }
        }
        if let Some((full, base)) = parse_nist(&s) {
            return self.resolve_nist(entries, &full, &base);
        }
        match IsmapId::parse(&s) {
            Some(id) => self.resolve_ismap(entries, &id),
            None => Resolution::Unresolved {
                why: Unresolved::NotAReference,
                suggestions: Vec::new(),
            },
        }
    }

    fn resolve_ismap(&self, entries: &[Entry], id: &IsmapId) -> Resolution {
        let canonical = id.canonical();
        if self.by_id.contains_key(&canonical) {
            return resolved(RefKind::Ismap, vec![Target::exact(&canonical)], None);
        }
        // a detail written without its suffix names the same control (9.2.3.11 →
        // 9.2.3.11.PB): the suffix is a flag, the numbers are the id
        if id.suffix.is_none() && id.depth() >= Level::Detail.depth() {
            if let Some([i]) = self.unsuffixed.get(&canonical).map(Vec::as_slice) {
                return resolved(RefKind::Ismap, vec![Target::exact(&entries[*i].id)], None);
            }
        }
        if id.depth() >= Level::Detail.depth()
            && !self.details_complete
            && self.detail_parent(entries, id).is_some()
        {
            return resolved(
                RefKind::Ismap,
                vec![Target {
                    id: canonical,
                    unverified: true,
                    partial_mapping: false,
                }],
                None,
            );
        }
        Resolution::Unresolved {
            why: Unresolved::UnknownId,
            suggestions: suggest_ids(entries, &canonical),
        }
    }

    /// The control objective a detail id belongs to, when the catalog has it.
    pub fn detail_parent<'e>(&self, entries: &'e [Entry], id: &IsmapId) -> Option<&'e Entry> {
        if id.depth() < Level::Detail.depth() {
            return None;
        }
        let base = id.truncated(Level::Objective.depth());
        let plain = base.canonical();
        let cloud = format!("{plain}.P");
        let wants_cloud = id.suffix.as_deref().is_some_and(|s| s.contains('P'));
        let order = if wants_cloud {
            [cloud, plain]
        } else {
            [plain, cloud]
        };
        order.iter().find_map(|cand| {
            let e = &entries[self.position(cand)?];
            (e.level == Level::Objective && e.layer == Layer::Control).then_some(e)
        })
    }

    fn resolve_annex_a(&self, entries: &[Entry], rest: &str) -> Resolution {
        let Some(id) = IsmapId::parse(rest).filter(|i| i.suffix.is_none()) else {
            return not_a_reference();
        };
        let key = format!("A.{}", id.canonical());
        if let Some(ix) = self.annex_a.get(&key) {
            let targets = ix.iter().map(|&i| Target::exact(&entries[i].id)).collect();
            return resolved(RefKind::AnnexA, targets, None);
        }
        // Annex A numbers equal JIS Q 27002 clause numbers: fall back to the control id.
        if let Some(i) = self.position(&id.canonical()) {
            if entries[i].layer == Layer::Control {
                return resolved(RefKind::AnnexA, vec![Target::exact(&entries[i].id)], None);
            }
        }
        Resolution::Unresolved {
            why: Unresolved::UnknownAnnexA,
            suggestions: suggest_from(self.annex_a.keys().map(String::as_str), &key),
        }
    }

    fn resolve_cld(&self, entries: &[Entry], rest: &str) -> Resolution {
        let Some(id) = IsmapId::parse(rest).filter(|i| i.suffix.is_none()) else {
            return not_a_reference();
        };
        let key = format!("CLD.{}", id.canonical());
        if let Some(ix) = self.cld.get(&key) {
            let targets = ix.iter().map(|&i| Target::exact(&entries[i].id)).collect();
            return resolved(RefKind::Cld, targets, None);
        }
        let provider = format!("{}.P", id.canonical());
        if self.by_id.contains_key(&provider) {
            return resolved(RefKind::Cld, vec![Target::exact(&provider)], None);
        }
        Resolution::Unresolved {
            why: Unresolved::UnknownCld,
            suggestions: suggest_from(self.cld.keys().map(String::as_str), &key),
        }
    }

    fn resolve_nist(&self, entries: &[Entry], full: &str, base: &str) -> Resolution {
        let (matched, hits) = match self.nist.get(full) {
            Some(h) => (full, h),
            None => match self.nist.get(base) {
                Some(h) => (base, h),
                None => {
                    return Resolution::Unresolved {
                        why: Unresolved::UnknownNist,
                        suggestions: suggest_from(self.nist_controls(), full),
                    }
                }
            },
        };
        let mut targets: Vec<Target> = Vec::new();
        for &(i, partial) in hits {
            let id = &entries[i].id;
            match targets.iter_mut().find(|t| &t.id == id) {
                Some(t) => t.partial_mapping &= partial,
                None => targets.push(Target {
                    id: id.clone(),
                    unverified: false,
                    partial_mapping: partial,
                }),
            }
        }
        targets.sort_by_key(|t| self.position(&t.id));
        resolved(RefKind::Nist, targets, Some(matched.to_owned()))
    }
}

fn resolved(kind: RefKind, targets: Vec<Target>, matched: Option<String>) -> Resolution {
    Resolution::Resolved {
        kind,
        targets,
        matched,
    }
}

fn not_a_reference() -> Resolution {
    Resolution::Unresolved {
        why: Unresolved::NotAReference,
        suggestions: Vec::new(),
    }
}

/// `CLD.8.1.5`, `CLD 8.1.5`, `CLD8.1.5`, `CLD-8.1.5` → `8.1.5`.
fn strip_prefix_word<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let rest = s.strip_prefix(word)?;
    let rest = rest
        .strip_prefix(['.', '-', ' '])
        .unwrap_or(rest)
        .trim_start();
    rest.starts_with(|c: char| c.is_ascii_digit())
        .then_some(rest)
}

/// Up to three catalog ids close to `wanted`: same numbers with another suffix first
/// (`8.1.5` → `8.1.5.P`), then by edit distance.
fn suggest_ids(entries: &[Entry], wanted: &str) -> Vec<String> {
    let wanted_numbers = wanted.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    let mut scored: Vec<(usize, usize, &str)> = entries
        .iter()
        .enumerate()
        .filter_map(|(pos, e)| {
            let numbers =
                e.id.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
            let score = if numbers == wanted_numbers {
                0
            } else {
                edit_distance(wanted, &e.id)
            };
            (score <= 2).then_some((score, pos, e.id.as_str()))
        })
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(3)
        .map(|(_, _, id)| id.to_owned())
        .collect()
}

fn suggest_from<'a>(candidates: impl Iterator<Item = &'a str>, wanted: &str) -> Vec<String> {
    let mut scored: Vec<(usize, &str)> = candidates
        .map(|c| (edit_distance(wanted, c), c))
        .filter(|(d, _)| *d <= 2)
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(3)
        .map(|(_, c)| c.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nist_ids() {
        assert_eq!(parse_nist("AC-2"), Some(("AC-2".into(), "AC-2".into())));
        assert_eq!(
            parse_nist("ac-2(1)"),
            Some(("AC-2(1)".into(), "AC-2".into()))
        );
        assert_eq!(
            parse_nist("ＡＣ－２（１）"),
            Some(("AC-2(1)".into(), "AC-2".into()))
        );
        assert_eq!(
            parse_nist("AC-02 (01)"),
            Some(("AC-2(1)".into(), "AC-2".into()))
        );
        assert_eq!(parse_nist("AC2"), None);
        assert_eq!(parse_nist("ABC-2"), None);
        assert_eq!(parse_nist("AC-2(x)"), None);
        assert_eq!(parse_nist("AC-"), None);
    }
}

#[cfg(test)]
mod resolver_tests {
    use super::*;
    use crate::catalog::Catalog;

    fn cat() -> Catalog {
        Catalog::embedded().unwrap()
    }

    fn ids(r: &Resolution) -> Vec<&str> {
        match r {
            Resolution::Resolved { targets, .. } => targets.iter().map(|t| t.id.as_str()).collect(),
            Resolution::Unresolved { .. } => Vec::new(),
        }
    }

    fn kind(r: &Resolution) -> Option<RefKind> {
        match r {
            Resolution::Resolved { kind, .. } => Some(*kind),
            Resolution::Unresolved { .. } => None,
        }
    }

    #[test]
    fn ismap_ids_in_every_spelling() {
        let c = cat();
        for (input, want) in [
            ("9.2.1", "9.2.1"),
            ("８．１．５．Ｐ", "8.1.5.P"),
            ("8.1.5P", "8.1.5.P"),
            ("8.1.5-P", "8.1.5.P"),
            ("8.1.5.p", "8.1.5.P"),
            ("12.4.5_P", "12.4.5.P"),
            ("3.1.2", "3.1.2"),
            ("4.9.2", "4.9.2"),
            ("9.2", "9.2"),
            ("9", "9"),
        ] {
            let r = c.resolve(input);
            assert_eq!(ids(&r), [want], "{input}");
            assert_eq!(kind(&r), Some(RefKind::Ismap), "{input}");
            assert!(!r.is_approximate());
        }
    }

    #[test]
    fn cld_and_annex_a_references() {
        let c = cat();
        let r = c.resolve("CLD.8.1.5");
        assert_eq!((ids(&r), kind(&r)), (vec!["8.1.5.P"], Some(RefKind::Cld)));
        assert_eq!(ids(&c.resolve("cld 9.5.1")), ["9.5.1.P"]);
        assert_eq!(ids(&c.resolve("CLD.6.3")), ["6.3"]);
        let r = c.resolve("A.9.2.1");
        assert_eq!((ids(&r), kind(&r)), (vec!["9.2.1"], Some(RefKind::AnnexA)));
        assert_eq!(ids(&c.resolve("Ａ．９．２．１")), ["9.2.1"]);
        assert!(matches!(
            c.resolve("CLD.9.9.9"),
            Resolution::Unresolved {
                why: Unresolved::UnknownCld,
                ..
            }
        ));
        assert!(matches!(
            c.resolve("A.19.1.1"),
            Resolution::Unresolved {
                why: Unresolved::UnknownAnnexA,
                ..
            }
        ));
    }

    #[test]
    fn nist_exact_then_base_control_approximate() {
        let c = cat();
        let r = c.resolve("AC-2");
        assert!(r.is_approximate());
        assert!(ids(&r).contains(&"9.2.1") && ids(&r).len() > 1);
        let Resolution::Resolved { matched, .. } = c.resolve("AC-2(1)") else {
            panic!("AC-2(1) should resolve through AC-2")
        };
        assert_eq!(matched.as_deref(), Some("AC-2"));
        // an enhancement NIST maps itself is used as is
        let enh = c
            .nist_controls()
            .find(|n| n.contains('('))
            .unwrap()
            .to_owned();
        let Resolution::Resolved { matched, .. } = c.resolve(&enh) else {
            panic!("{enh}")
        };
        assert_eq!(matched.as_deref(), Some(enh.as_str()));
        // NIST's partial mark travels to the target
        let Resolution::Resolved { targets, .. } = c.resolve("CM-9") else {
            panic!("CM-9")
        };
        assert!(targets.iter().any(|t| t.id == "6.1.1" && t.partial_mapping));
        assert!(matches!(
            c.resolve("ZZ-1"),
            Resolution::Unresolved {
                why: Unresolved::UnknownNist,
                ..
            }
        ));
    }

    #[test]
    fn details_resolve_unverified_through_their_objective() {
        let c = cat();
        let Resolution::Resolved { targets, .. } = c.resolve("9.2.1.3") else {
            panic!("9.2.1.3")
        };
        assert_eq!(targets[0].id, "9.2.1.3");
        assert!(targets[0].unverified);
        assert_eq!(
            c.detail_parent("8.1.5.1.PB").map(|e| e.id.as_str()),
            Some("8.1.5.P")
        );
        assert_eq!(
            c.detail_parent("9.2.1.3.B").map(|e| e.id.as_str()),
            Some("9.2.1")
        );
        // no objective 9.9.9, so its details do not resolve either
        assert!(matches!(
            c.resolve("9.9.9.1"),
            Resolution::Unresolved {
                why: Unresolved::UnknownId,
                ..
            }
        ));
    }

    #[test]
    fn a_detail_without_its_suffix_names_the_suffixed_control() {
        let c = cat();
        for (input, want) in [
            ("9.2.3.11", "9.2.3.11.PB"),
            ("８．１．５．４", "8.1.5.4.P"),
            ("9.4.2.2", "9.4.2.2.B"),
            ("9.2.3.11.PB", "9.2.3.11.PB"),
            ("16.1.5.10", "16.1.5.10"),
        ] {
            let Resolution::Resolved { targets, .. } = c.resolve(input) else {
                panic!("{input}")
            };
            assert_eq!(targets[0].id, want, "{input}");
            assert!(!targets[0].unverified, "{input}");
        }
        // the embedded catalog holds a few details only: others resolve unverified
        for input in ["10.1.2.3", "12.4.3.2", "9.2.3.3"] {
            let Resolution::Resolved { targets, .. } = c.resolve(input) else {
                panic!("{input}")
            };
            assert!(targets[0].unverified, "{input}");
        }
        // governance and management items are all there: one it lacks does not resolve
        for input in ["4.4.9", "3.1.7.1", "4.4.7.9", "4.9.3"] {
            assert!(
                matches!(c.resolve(input), Resolution::Unresolved { .. }),
                "{input}"
            );
        }
        assert_eq!(ids(&c.resolve("4.4.7.2")), ["4.4.7.2"]);
        assert_eq!(ids(&c.resolve("3.1.1")), ["3.1.1"]);
    }

    #[test]
    fn a_catalog_declaring_its_details_complete_rejects_a_detail_it_lacks() {
        let yaml = |complete: &str| {
            format!(
                "name: t\nversion: '1'\n{complete}sources: {{s: t}}\nentries:\n\
                 - {{id: '9', layer: control, level: clause, sources: [s]}}\n\
                 - {{id: '9.2', layer: control, level: category, parent: '9', sources: [s]}}\n\
                 - {{id: '9.2.1', layer: control, level: objective, parent: '9.2', sources: [s]}}\n\
                 - {{id: '9.2.1.1.B', layer: control, level: detail, parent: '9.2.1', sources: [s]}}\n"
            )
        };
        let load = |text: String| {
            crate::catalog::load::parse(
                crate::catalog::load::SourceText {
                    path: "t.yaml".into(),
                    text,
                },
                &|_| unreachable!(),
            )
            .unwrap()
        };
        for (field, accepted) in [
            ("", false),
            ("details_complete: true\n", false),
            ("details_complete: false\n", true),
        ] {
            let c = load(yaml(field));
            let r = c.resolve("9.2.1.2");
            assert_eq!(
                matches!(r, Resolution::Resolved { .. }),
                accepted,
                "{field:?}"
            );
            // the suffix is the flag, whatever the file says
            assert!(c.get("9.2.1.1.B").unwrap().flags.basic);
            assert_eq!(ids(&c.resolve("9.2.1.1")), ["9.2.1.1.B"]);
        }
    }

    #[test]
    fn rejections_come_with_up_to_three_suggestions() {
        let c = cat();
        let Resolution::Unresolved { why, suggestions } = c.resolve("8.1.5") else {
            panic!("8.1.5 is not an objective")
        };
        assert_eq!(why, Unresolved::UnknownId);
        assert_eq!(suggestions[0], "8.1.5.P");
        assert!(suggestions.len() <= 3);
        let Resolution::Unresolved { suggestions, .. } = c.resolve("AC-02x") else {
            panic!()
        };
        assert!(suggestions.len() <= 3);
        for junk in ["", "アクセス制御", "9..1", "x.y.z", "2024/01/15"] {
            assert!(
                matches!(c.resolve(junk), Resolution::Unresolved { .. }),
                "{junk}"
            );
        }
    }
}
