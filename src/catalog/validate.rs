//! Catalog validation: id syntax, levels, layers, duplicates, parents, sources, reference
//! syntax, and the facts the numbering fixes (an objective's own Annex A number, the
//! B/PB/P suffix ISMAP管理基準 gives an id). `catalog validate` and every load of
//! `--catalog FILE` run these same checks.
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::OnceLock;

use crate::catalog::id::IsmapId;
use crate::catalog::model::{is_clause_ref, CatalogDoc, Flags, Layer, Level, Numbering};
use crate::catalog::resolve::parse_nist;
use crate::error::{InputError, Location};

/// Where an entry was read from, for messages.
#[derive(Debug, Clone)]
pub struct EntryOrigin {
    pub file: PathBuf,
    pub line: Option<usize>,
}

impl EntryOrigin {
    fn location(&self) -> Location {
        let loc = Location::file(&self.file);
        match self.line {
            Some(l) => loc.line(l),
            None => loc,
        }
    }
}

/// Every problem in the document; empty when it is a valid catalog.
/// `origins[i]` tells where `doc.entries[i]` came from.
pub fn validate(doc: &CatalogDoc, origins: &[EntryOrigin]) -> Vec<InputError> {
    let mut problems = Vec::new();
    let fallback = EntryOrigin {
        file: PathBuf::from("<catalog>"),
        line: None,
    };
    let origin = |i: usize| origins.get(i).unwrap_or(&fallback).location();
    let root = origins.first().map(|o| o.file.clone()).unwrap_or_default();
    if doc.name.trim().is_empty() || doc.version.trim().is_empty() {
        problems.push(
            InputError::at(Location::file(&root), "catalog has no name or no version")
                .hint("set the top-level `name:` and `version:`"),
        );
    }

    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    for (i, e) in doc.entries.iter().enumerate() {
        let err = |msg: String, hint: &str| InputError::at(origin(i), msg).hint(hint);
        match IsmapId::parse(&e.id) {
            Some(parsed) if parsed.canonical() == e.id => {
                let depth_ok = match e.level {
                    Level::Detail => parsed.depth() >= Level::Detail.depth(),
                    other => parsed.depth() == other.depth(),
                };
                if !depth_ok {
                    problems.push(err(
                        format!("id '{}' does not fit level {}", e.id, e.level),
                        "a clause id has 1 number, a category 2, an objective 3, a detail 4",
                    ));
                }
            }
            Some(parsed) => problems.push(err(
                format!("id '{}' is not in canonical form", e.id),
                &format!("write it as '{}'", parsed.canonical()),
            )),
            None => problems.push(err(
                format!("malformed id '{}'", e.id),
                "ids are numbers separated by dots with an optional suffix, e.g. 9.2.1 or 8.1.5.P",
            )),
        }
        if let Some(&j) = first_seen.get(e.id.as_str()) {
            let at = origins
                .get(j)
                .and_then(|o| o.line)
                .map(|l| format!(" (first at line {l})"))
                .unwrap_or_default();
            problems.push(err(
                format!("duplicate id '{}'{at}", e.id),
                "each id may appear once; merge the entries",
            ));
        } else {
            first_seen.insert(&e.id, i);
        }
        for s in &e.sources {
            if !doc.sources.contains_key(s) {
                problems.push(err(
                    format!("entry '{}' names unknown source '{s}'", e.id),
                    "declare it under the top-level `sources:`",
                ));
            }
        }
        for n in &e.refs.nist_sp800_53 {
            if parse_nist(&n.control).is_none() {
                problems.push(err(
                    format!(
                        "entry '{}': malformed NIST SP 800-53 id '{}'",
                        e.id, n.control
                    ),
                    "write NIST ids like AC-2 or AC-2(1), with * for a partial mapping",
                ));
            }
        }
        for a in &e.refs.annex_a {
            if !a.starts_with("A.") {
                problems.push(err(
                    format!(
                        "entry '{}': Annex A reference '{a}' does not start with 'A.'",
                        e.id
                    ),
                    "write Annex A references like A.9.2.1",
                ));
            }
        }
        for (standard, clauses) in [
            ("ISO/IEC 27001:2013", &e.refs.iso27001_2013),
            ("ISO/IEC 27014:2013", &e.refs.iso27014_2013),
        ] {
            for c in clauses.iter().filter(|c| !is_clause_ref(c)) {
                problems.push(err(
                    format!("entry '{}': {standard} clause '{c}' is not a clause number", e.id),
                    "write clauses like 6.1.2 or 5.1b); keep a reference printed otherwise under `as_printed`",
                ));
            }
        }
        for c in &e.refs.jis_q_27017 {
            if !c.starts_with("CLD.") {
                problems.push(err(
                    format!(
                        "entry '{}': 27017 reference '{c}' does not start with 'CLD.'",
                        e.id
                    ),
                    "write ISO/IEC 27017 cloud controls like CLD.8.1.5",
                ));
            }
        }
    }

    problems.extend(numbering_facts(doc, &origin));
    problems.extend(same_numbers(doc, origins, &origin));

    // parents: present, shallower, and no cycles
    let by_id: HashMap<&str, usize> = first_seen;
    for (i, e) in doc.entries.iter().enumerate() {
        let Some(p) = &e.parent else { continue };
        match by_id.get(p.as_str()) {
            None => problems.push(
                InputError::at(
                    origin(i),
                    format!(
                        "entry '{}' has parent '{p}', which is not in the catalog",
                        e.id
                    ),
                )
                .hint("add the parent entry or correct `parent:`"),
            ),
            Some(&j) if doc.entries[j].level >= e.level && p != &e.id => problems.push(
                InputError::at(
                    origin(i),
                    format!(
                        "entry '{}' ({}) has parent '{p}' at level {}, which is not above it",
                        e.id, e.level, doc.entries[j].level
                    ),
                )
                .hint("a parent is a clause, category or objective above the entry"),
            ),
            Some(_) => {}
        }
    }
    problems.extend(parents_by_number(doc, &by_id, &origin));
    let mut in_reported_cycle: HashSet<usize> = HashSet::new();
    for start in 0..doc.entries.len() {
        let mut seen = HashSet::new();
        let mut cur = start;
        while let Some(p) = doc.entries[cur].parent.as_deref() {
            if !seen.insert(cur) {
                // `cur` is on a cycle: walk it once to name every member
                let mut cycle = vec![cur];
                let mut next = cur;
                while let Some(&j) = doc.entries[next]
                    .parent
                    .as_deref()
                    .and_then(|p| by_id.get(p))
                {
                    if j == cur {
                        break;
                    }
                    cycle.push(j);
                    next = j;
                }
                if cycle.iter().all(|i| in_reported_cycle.insert(*i)) {
                    let first = *cycle.iter().min().unwrap_or(&cur);
                    let names: Vec<&str> =
                        cycle.iter().map(|&i| doc.entries[i].id.as_str()).collect();
                    problems.push(
                        InputError::at(
                            origin(first),
                            format!("parent cycle: {} → {}", names.join(" → "), names[0]),
                        )
                        .hint("an entry cannot be its own ancestor"),
                    );
                }
                break;
            }
            match by_id.get(p) {
                Some(&j) => cur = j,
                None => break,
            }
        }
    }
    problems
}

/// The only overview of ISMAP管理基準 (`catalog/reference/ismap-structure.csv`: 3.1.1, the
/// governance overview). An overview stands for the objectives it introduces and is never
/// checked itself, so calling any other entry one would credit it on its siblings.
const OVERVIEWS: [&str; 1] = ["3.1.1"];

/// The layer a clause number belongs to: chapter 3 governance, chapter 4 management,
/// clauses 5–18 the control measures.
fn layer_of_clause(clause: u32) -> Option<Layer> {
    match clause {
        3 => Some(Layer::Governance),
        4 => Some(Layer::Management),
        5..=18 => Some(Layer::Control),
        _ => None,
    }
}

/// The embedded catalog's ids by their numbers (`9.2.3.11` → `9.2.3.11.PB`), for the
/// suffix an id of ISMAP管理基準 carries. Read from the compiled-in statics without building
/// a `Catalog` (validation also runs on the embedded catalog itself).
fn embedded_ids() -> &'static HashMap<String, String> {
    static IDS: OnceLock<HashMap<String, String>> = OnceLock::new();
    IDS.get_or_init(|| {
        crate::catalog::embedded::ids()
            .filter_map(|e| {
                let id = IsmapId::parse(e)?;
                id.suffix.as_ref()?;
                Some((id.truncated(id.depth()).canonical(), e.to_owned()))
            })
            .collect()
    })
}

/// Checks each entry against what its number fixes: an overview only where ISMAP has one,
/// the layer of its clause, its own number as its Annex A / JIS Q 27002 reference (in a
/// catalog numbered by ISO/IEC 27002:2013), and the B/PB/P flags the suffix of the same
/// number carries in ISMAP管理基準.
fn numbering_facts(
    doc: &CatalogDoc,
    origin: &dyn Fn(usize) -> crate::error::Location,
) -> Vec<InputError> {
    let mut problems = Vec::new();
    for (i, e) in doc.entries.iter().enumerate() {
        let Some(id) = IsmapId::parse(&e.id) else {
            continue;
        };
        let err = |msg: String, hint: String| InputError::at(origin(i), msg).hint(hint);
        if e.level == Level::Overview && !OVERVIEWS.contains(&e.id.as_str()) {
            problems.push(err(
                format!(
                    "entry '{}' is an overview, but ISMAP管理基準's only overview is {}",
                    e.id,
                    OVERVIEWS.join(", ")
                ),
                "an overview is never checked and stands for the objectives beside it; write `level: objective` (or the level its number gives)".to_owned(),
            ));
        }
        match layer_of_clause(id.parts[0]) {
            Some(layer) if layer != e.layer => problems.push(err(
                format!(
                    "entry '{}' is in layer {}, but clause {} is the {} layer",
                    e.id, e.layer, id.parts[0], layer
                ),
                "chapter 3 is governance, chapter 4 management, clauses 5-18 control; correct `layer:`".to_owned(),
            )),
            Some(_) => {}
            None => problems.push(err(
                format!(
                    "entry '{}': clause {} is not a clause of ISMAP管理基準",
                    e.id, id.parts[0]
                ),
                "ISMAP管理基準 has chapters 3 (governance) and 4 (management) and the control clauses 5-18".to_owned(),
            )),
        }
        if doc.numbering == Numbering::Iso27002_2013 && e.layer == Layer::Control {
            // a clause, category or objective is its own ISO/IEC 27002:2013 number; a
            // detail, its objective's
            let own = id
                .truncated(id.depth().min(Level::Objective.depth()))
                .canonical();
            let annex = format!("A.{own}");
            for (what, refs, expected) in [
                ("Annex A", &e.refs.annex_a, &annex),
                ("JIS Q 27002", &e.refs.jis_q_27002, &own),
            ] {
                for r in refs.iter().filter(|r| *r != expected) {
                    problems.push(err(
                        format!(
                            "entry '{}': {what} reference '{r}' is not its own number {expected}",
                            e.id
                        ),
                        "in a catalog numbered by ISO/IEC 27002:2013 a control measure's Annex A and 27002 reference is its own number; correct the reference or the id".to_owned(),
                    ));
                }
            }
        }
        if doc.numbering == Numbering::Iso27002_2013 {
            let numbers = id.truncated(id.depth()).canonical();
            if let Some(official) = embedded_ids().get(&numbers).filter(|o| **o != e.id) {
                let want =
                    Flags::from_suffix(IsmapId::parse(official).and_then(|o| o.suffix).as_deref());
                let has = Flags::from_suffix(id.suffix.as_deref());
                let basic = e.flags.basic || has.basic;
                let cloud = e.flags.cloud_provider || has.cloud_provider;
                if (want.basic && !basic) || (want.cloud_provider && !cloud) {
                    problems.push(err(
                        format!(
                            "entry '{}' is '{official}' in ISMAP管理基準, but neither its id nor its flags carry {}",
                            e.id,
                            match (want.basic && !basic, want.cloud_provider && !cloud) {
                                (true, true) => "B (basic statement requirement) and P (cloud)",
                                (true, false) => "B (basic statement requirement)",
                                _ => "P (cloud)",
                            }
                        ),
                        format!("write the id as '{official}' (the suffix is the flag; a workbook to import may give it in a column of its own: P, B, PB): a catalog cannot drop a flag ISMAP管理基準 gives"),
                    ));
                }
            }
        }
    }
    problems
}

/// Refuses two entries with the same numbers and different suffixes (`9.2.3.11.PB` and
/// `9.2.3.11.B`, `8.1.5` and `8.1.5.P`): a suffix is a flag of one control, not another
/// control, so a list writing `9.2.3.11` (or either suffix) could not tell which is meant.
/// ISMAP管理基準 has no such pair (`catalog/reference/ismap-structure.csv`).
fn same_numbers(
    doc: &CatalogDoc,
    origins: &[EntryOrigin],
    origin: &dyn Fn(usize) -> crate::error::Location,
) -> Vec<InputError> {
    let mut problems = Vec::new();
    let mut first: HashMap<String, usize> = HashMap::new();
    for (i, e) in doc.entries.iter().enumerate() {
        let Some(id) = IsmapId::parse(&e.id) else {
            continue;
        };
        let numbers = id.truncated(id.depth()).canonical();
        match first.get(&numbers) {
            None => {
                first.insert(numbers, i);
            }
            Some(&j) if doc.entries[j].id != e.id => {
                let (a, b) = (&doc.entries[j].id, &e.id);
                let message = match origins.get(j).and_then(|o| o.line) {
                    Some(l) => format!("entries '{a}' (line {l}) and '{b}' have the same numbers {numbers} with different suffixes"),
                    None => format!("entries '{a}' and '{b}' have the same numbers {numbers} with different suffixes"),
                };
                problems.push(
                    InputError::at(origin(i), message)
                    .hint("a suffix is a flag of one control (P cloud, B basic statement requirement, PB both), not another control: keep one entry, its id written with the suffix of every flag it has"),
                );
            }
            // the same id twice is reported as a duplicate
            Some(_) => {}
        }
    }
    problems
}

/// Checks that each entry sits under the entry its number puts it under: the deepest
/// other entry whose numbers begin its own and whose suffix (P, B, PB) is part of its
/// own (`8.1.5.4.P` under `8.1.5.P`, `9.2.3.11.PB` under `9.2.3`).
fn parents_by_number(
    doc: &CatalogDoc,
    by_id: &HashMap<&str, usize>,
    origin: &dyn Fn(usize) -> crate::error::Location,
) -> Vec<InputError> {
    let mut problems = Vec::new();
    for (i, e) in doc.entries.iter().enumerate() {
        let Some(id) = IsmapId::parse(&e.id) else {
            continue;
        };
        let own_suffix = id.suffix.as_deref().unwrap_or("");
        // the deepest entries whose numbers begin this one's
        let mut expected: Vec<&str> = Vec::new();
        for depth in (1..id.depth()).rev() {
            let prefix = id.truncated(depth).canonical();
            let suffixes: &[&str] = if depth >= 3 {
                &["", "P", "B", "PB"]
            } else {
                &[""]
            };
            for s in suffixes {
                if !s.chars().all(|c| own_suffix.contains(c)) {
                    continue;
                }
                let cand = if s.is_empty() {
                    prefix.clone()
                } else {
                    format!("{prefix}.{s}")
                };
                if let Some((&k, _)) = by_id.get_key_value(cand.as_str()) {
                    expected.push(k);
                }
            }
            if !expected.is_empty() {
                break;
            }
        }
        let under = expected.join("' or '");
        match (&e.parent, expected.is_empty()) {
            (None, false) => problems.push(
                InputError::at(
                    origin(i),
                    format!("entry '{}' has no parent, but its number puts it under '{under}'", e.id),
                )
                .hint(format!("set `parent: \"{}\"`", expected[0])),
            ),
            // a parent not above the entry is reported as such (and a missing one as missing)
            (Some(p), _)
                if by_id
                    .get(p.as_str())
                    .is_some_and(|&j| doc.entries[j].level < e.level)
                    && !expected.contains(&p.as_str()) =>
            {
                problems.push(
                    InputError::at(
                        origin(i),
                        if expected.is_empty() {
                            format!("entry '{}' has parent '{p}', whose number does not begin its own", e.id)
                        } else {
                            format!("entry '{}' has parent '{p}', but its number puts it under '{under}'", e.id)
                        },
                    )
                    .hint("an entry sits under the entry its number begins with (9.2.4 under 9.2, 9.2.3.11.PB under 9.2.3, 8.1.5.4.P under 8.1.5.P); correct `parent:` or the id"),
                )
            }
            _ => {}
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(yaml: &str) -> CatalogDoc {
        serde_yaml::from_str(yaml).unwrap()
    }

    fn messages(d: &CatalogDoc) -> Vec<String> {
        validate(d, &[]).iter().map(|p| p.message.clone()).collect()
    }

    const HEAD: &str = "name: t\nversion: '1'\nsources: {s: test}\nentries:\n";

    #[test]
    fn a_good_catalog_has_no_problems() {
        let d = doc(&format!(
            "{HEAD}- {{id: '9', layer: control, level: clause, sources: [s]}}\n\
             - {{id: '9.2', layer: control, level: category, parent: '9'}}\n\
             - {{id: '9.2.1', layer: control, level: objective, parent: '9.2'}}\n\
             - {{id: '9.2.1.1.B', layer: control, level: detail, parent: '9.2.1'}}\n"
        ));
        assert!(messages(&d).is_empty(), "{:?}", messages(&d));
    }

    #[test]
    fn reports_each_kind_of_problem() {
        let d = doc(&format!(
            "{HEAD}- {{id: '9', layer: control, level: clause, sources: [nope]}}\n\
             - {{id: '9', layer: control, level: clause}}\n\
             - {{id: '9.x', layer: control, level: category}}\n\
             - {{id: '8.1.5P', layer: control, level: objective}}\n\
             - {{id: '9.2', layer: control, level: objective}}\n\
             - {{id: '9.3.1', layer: control, level: objective, parent: '9.3'}}\n\
             - {{id: '7.1.1', layer: control, level: objective, refs: {{nist_sp800_53: [XX]}}}}\n\
             - {{id: '4.4.8', layer: management, level: objective, refs: {{iso27001_2013: ['6.'], as_printed: ['6.']}}}}\n"
        ));
        let m = messages(&d).join("\n");
        for needle in [
            "unknown source 'nope'",
            "duplicate id '9'",
            "malformed id '9.x'",
            "'8.1.5P' is not in canonical form",
            "'9.2' does not fit level objective",
            "parent '9.3', which is not in the catalog",
            "malformed NIST SP 800-53 id 'XX'",
            "ISO/IEC 27001:2013 clause '6.' is not a clause number",
        ] {
            assert!(m.contains(needle), "missing {needle:?} in\n{m}");
        }
    }

    #[test]
    fn detects_parent_cycles() {
        let d = doc(&format!(
            "{HEAD}- {{id: '9.1.1', layer: control, level: objective, parent: '9.1.2'}}\n\
             - {{id: '9.1.2', layer: control, level: objective, parent: '9.1.1'}}\n"
        ));
        let m = messages(&d).join("\n");
        assert!(m.contains("parent cycle"), "{m}");
    }
}
