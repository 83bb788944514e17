//! Catalog validation: id syntax, levels, duplicates, parents, sources and reference syntax.
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::catalog::id::IsmapId;
use crate::catalog::model::{is_clause_ref, CatalogDoc, Level};
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
