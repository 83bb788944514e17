//! Two control lists of a CSP compared in catalog terms: ids added and removed, status
//! changes, and changes of reason, evidence or owner. Pure: attestations in, a result out.
use std::collections::BTreeMap;

use serde::Serialize;

use crate::analysis::csp::{listed_to_catalog, resolve_attestation, CspState, UnknownId};
use crate::catalog::Catalog;
use crate::lang::Lang;
use crate::model::{Attestation, Declared, ListedControl};

/// What one list states of one catalog id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stated {
    pub status: Declared,
    pub reason: String,
    pub evidence: String,
    pub owner: String,
}

/// One catalog id that differs between the lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ControlChange {
    pub id: String,
    /// The catalog title in the report's language; empty when the catalog has none (or for
    /// an unverified detail id).
    pub title: String,
    /// What changed, in a fixed order: `status`, `reason`, `evidence`, `owner`. Empty for
    /// added and removed ids.
    pub fields: Vec<&'static str>,
    /// `null` for an added id.
    pub old: Option<Stated>,
    /// `null` for a removed id.
    pub new: Option<Stated>,
    /// Catalog order, for merging the lists when rendering.
    #[serde(skip)]
    pub order: (usize, usize, String),
}

impl ControlChange {
    pub fn status_changed(&self) -> bool {
        self.fields.contains(&"status")
    }
}

/// One side of the comparison.
#[derive(Debug, Clone, Serialize)]
pub struct ListSide {
    /// The file as given.
    pub source: String,
    /// The profile's name, else the file name.
    pub name: String,
    /// How many catalog ids the list states something about.
    pub controls: usize,
    /// Ids of the list that are not in the catalog, in list order (never dropped).
    pub unknown: Vec<UnknownId>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DiffSummary {
    pub added: usize,
    pub removed: usize,
    pub status_changed: usize,
    /// Same status, another reason, evidence or owner.
    pub details_changed: usize,
    pub unchanged: usize,
    pub unknown_old: usize,
    pub unknown_new: usize,
    /// Anything added, removed or changed, or the unknown ids differ.
    pub differs: bool,
}

/// `ismap-gap diff OLD NEW`.
#[derive(Debug, Clone, Serialize)]
pub struct ListDiff {
    /// 1: the first versioned form (`schema/diff.schema.json`).
    pub schema_version: u32,
    pub catalog: String,
    pub old: ListSide,
    pub new: ListSide,
    pub summary: DiffSummary,
    /// In NEW only, in catalog order.
    pub added: Vec<ControlChange>,
    /// In OLD only, in catalog order.
    pub removed: Vec<ControlChange>,
    /// In both, stated differently, in catalog order.
    pub changed: Vec<ControlChange>,
}

impl ListDiff {
    /// Every change in catalog order (added, removed and changed merged).
    pub fn all_changes(&self) -> Vec<&ControlChange> {
        let mut all: Vec<&ControlChange> = self
            .added
            .iter()
            .chain(&self.removed)
            .chain(&self.changed)
            .collect();
        all.sort_by(|a, b| a.order.cmp(&b.order));
        all
    }
}

fn declared(state: &CspState) -> Declared {
    match state {
        CspState::Implemented => Declared::Implemented,
        CspState::NotApplicable { .. } => Declared::NotApplicable,
        CspState::Planned => Declared::Planned,
        CspState::NotImplemented => Declared::NotImplemented,
    }
}

/// Catalog id → what the list states of it. Statuses come from [`resolve_attestation`]
/// (the later statement of an id wins there); reason, evidence and owner from that same
/// statement, found through the same resolver.
fn stated(catalog: &Catalog, att: &Attestation) -> (BTreeMap<String, Stated>, Vec<UnknownId>) {
    let controls = resolve_attestation(catalog, att);
    let mut last: BTreeMap<String, &ListedControl> = BTreeMap::new();
    for listed in &att.controls {
        if let Ok(id) = listed_to_catalog(catalog, listed) {
            last.insert(id, listed);
        }
    }
    let states = controls
        .states
        .iter()
        .map(|(id, state)| {
            let listed = last.get(id);
            let text = |f: fn(&ListedControl) -> &String| {
                listed.map(|l| f(l).trim().to_owned()).unwrap_or_default()
            };
            let reason = match state {
                CspState::NotApplicable { reason } => reason.trim().to_owned(),
                _ => text(|l| &l.reason),
            };
            (
                id.clone(),
                Stated {
                    status: declared(state),
                    reason,
                    evidence: text(|l| &l.evidence),
                    owner: text(|l| &l.owner),
                },
            )
        })
        .collect();
    (states, controls.unknown)
}

fn changed_fields(old: &Stated, new: &Stated) -> Vec<&'static str> {
    let mut f = Vec::new();
    if old.status != new.status {
        f.push("status");
    }
    if old.reason != new.reason {
        f.push("reason");
    }
    if old.evidence != new.evidence {
        f.push("evidence");
    }
    if old.owner != new.owner {
        f.push("owner");
    }
    f
}

/// Catalog order of an id: its own position, else (an unverified detail) just after its
/// objective; the id breaks ties.
fn order(catalog: &Catalog, id: &str) -> (usize, usize, String) {
    match catalog.get(id) {
        Some(_) => (catalog.position(id), 0, id.to_owned()),
        None => match catalog.detail_parent(id) {
            Some(p) => (catalog.position(&p.id), 1, id.to_owned()),
            None => (usize::MAX, 0, id.to_owned()),
        },
    }
}

fn side(att: &Attestation, controls: usize, unknown: Vec<UnknownId>) -> ListSide {
    ListSide {
        source: att.source.display().to_string(),
        name: att.display_name(),
        controls,
        unknown,
    }
}

/// Compares two control lists through the catalog.
pub fn diff(catalog: &Catalog, old: &Attestation, new: &Attestation, lang: Lang) -> ListDiff {
    let (old_states, old_unknown) = stated(catalog, old);
    let (new_states, new_unknown) = stated(catalog, new);
    let change = |id: &str, fields, old: Option<&Stated>, new: Option<&Stated>| ControlChange {
        id: id.to_owned(),
        title: catalog
            .get(id)
            .map(|e| e.title(lang).to_owned())
            .unwrap_or_default(),
        fields,
        old: old.cloned(),
        new: new.cloned(),
        order: order(catalog, id),
    };
    let mut added = Vec::new();
    let mut removed = Vec::new();
    let mut changed = Vec::new();
    let mut unchanged = 0;
    for (id, n) in &new_states {
        match old_states.get(id) {
            None => added.push(change(id, Vec::new(), None, Some(n))),
            Some(o) => {
                let fields = changed_fields(o, n);
                if fields.is_empty() {
                    unchanged += 1;
                } else {
                    changed.push(change(id, fields, Some(o), Some(n)));
                }
            }
        }
    }
    for (id, o) in &old_states {
        if !new_states.contains_key(id) {
            removed.push(change(id, Vec::new(), Some(o), None));
        }
    }
    for list in [&mut added, &mut removed, &mut changed] {
        list.sort_by(|a, b| a.order.cmp(&b.order));
    }
    let unknown_ids = |u: &[UnknownId]| {
        let mut ids: Vec<String> = u.iter().map(|x| x.id.clone()).collect();
        ids.sort();
        ids.dedup();
        ids
    };
    let status_changed = changed.iter().filter(|c| c.status_changed()).count();
    let summary = DiffSummary {
        added: added.len(),
        removed: removed.len(),
        status_changed,
        details_changed: changed.len() - status_changed,
        unchanged,
        unknown_old: old_unknown.len(),
        unknown_new: new_unknown.len(),
        differs: !(added.is_empty() && removed.is_empty() && changed.is_empty())
            || unknown_ids(&old_unknown) != unknown_ids(&new_unknown),
    };
    ListDiff {
        schema_version: 1,
        catalog: format!("{} {}", catalog.name, catalog.version),
        old: side(old, old_states.len(), old_unknown),
        new: side(new, new_states.len(), new_unknown),
        summary,
        added,
        removed,
        changed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn listed(raw: &str, declared: Declared, reason: &str, evidence: &str) -> ListedControl {
        ListedControl {
            declared,
            reason: reason.into(),
            evidence: evidence.into(),
            ..ListedControl::implemented(raw, Some(1))
        }
    }

    fn att(name: &str, controls: Vec<ListedControl>) -> Attestation {
        Attestation {
            source: PathBuf::from(format!("{name}.txt")),
            controls,
            ..Attestation::default()
        }
    }

    fn ids(v: &[ControlChange]) -> Vec<&str> {
        v.iter().map(|c| c.id.as_str()).collect()
    }

    #[test]
    fn finds_added_removed_and_changed_in_catalog_order() {
        let catalog = Catalog::embedded().unwrap();
        use Declared::*;
        let old = att(
            "old",
            vec![
                listed("9.2.1", Implemented, "", "A-1"),
                listed("12.1.1", Implemented, "", ""),
                listed("6.2.2", Implemented, "", ""),
                listed("5.1.1", Implemented, "", ""),
                listed("8.1.1", NotApplicable, "no assets", ""),
                listed("9.4.1", Planned, "", ""),
            ],
        );
        let new = att(
            "new",
            vec![
                listed("9.2.1", Implemented, "", "A-2"),
                listed("6.2.2", NotApplicable, "no teleworking", ""),
                listed("5.1.1", Implemented, "", ""),
                listed("18.1.1", Implemented, "", ""),
                listed("8.1.5P", Implemented, "", ""),
                listed("8.1.1", NotApplicable, "no assets", ""),
                listed("9.4.1", Implemented, "", ""),
            ],
        );
        let d = diff(&catalog, &old, &new, Lang::En);
        assert_eq!(ids(&d.added), ["8.1.5.P", "18.1.1"]);
        assert_eq!(ids(&d.removed), ["12.1.1"]);
        assert_eq!(ids(&d.changed), ["6.2.2", "9.2.1", "9.4.1"]);
        assert_eq!(d.changed[0].fields, ["status", "reason"]);
        assert_eq!(d.changed[1].fields, ["evidence"]);
        assert_eq!(d.changed[2].fields, ["status"]);
        let na = d.changed[0].new.as_ref().unwrap();
        assert_eq!(na.status, NotApplicable);
        assert_eq!(na.reason, "no teleworking");
        assert!(!d.added[0].title.is_empty());
        let s = d.summary;
        assert_eq!(
            (s.added, s.removed, s.status_changed, s.details_changed),
            (2, 1, 2, 1)
        );
        assert_eq!(s.unchanged, 2);
        assert!(s.differs);
        let all: Vec<&str> = d.all_changes().iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            all,
            ["6.2.2", "8.1.5.P", "9.2.1", "9.4.1", "12.1.1", "18.1.1"]
        );
    }

    #[test]
    fn identical_lists_do_not_differ_and_spellings_are_the_same_id() {
        let catalog = Catalog::embedded().unwrap();
        let old = att(
            "old",
            vec![
                ListedControl::implemented("8.1.5.P", None),
                ListedControl::implemented("9.2.1", None),
            ],
        );
        let new = att(
            "new",
            vec![
                ListedControl::implemented("９．２．１", None),
                ListedControl::implemented("8.1.5P", None),
            ],
        );
        let d = diff(&catalog, &old, &new, Lang::Ja);
        assert!(d.added.is_empty() && d.removed.is_empty() && d.changed.is_empty());
        assert_eq!(d.summary.unchanged, 2);
        assert!(!d.summary.differs);
    }

    #[test]
    fn unknown_ids_are_kept_per_side_and_count_as_a_difference() {
        let catalog = Catalog::embedded().unwrap();
        let old = att("old", vec![ListedControl::implemented("9.2.1", Some(1))]);
        let new = att(
            "new",
            vec![
                ListedControl::implemented("9.2.1", Some(1)),
                ListedControl::implemented("9.9.9", Some(2)),
            ],
        );
        let d = diff(&catalog, &old, &new, Lang::En);
        assert!(d.old.unknown.is_empty());
        assert_eq!(d.new.unknown.len(), 1);
        assert_eq!(d.new.unknown[0].id, "9.9.9");
        assert_eq!(d.new.unknown[0].line, Some(2));
        assert_eq!(d.summary.unknown_new, 1);
        assert!(d.summary.differs);
        // the same unknown id on both sides is reported, but is no difference
        let d = diff(&catalog, &new, &new, Lang::En);
        assert_eq!((d.summary.unknown_old, d.summary.unknown_new), (1, 1));
        assert!(!d.summary.differs);
    }

    #[test]
    fn the_later_statement_of_an_id_wins_with_its_evidence() {
        let catalog = Catalog::embedded().unwrap();
        use Declared::*;
        let old = att("old", vec![listed("9.2.1", Implemented, "", "E-1")]);
        let new = att(
            "new",
            vec![
                listed("9.2.1", Implemented, "", "E-1"),
                listed("A.9.2.1", NotImplemented, "", "E-2"),
            ],
        );
        let d = diff(&catalog, &old, &new, Lang::En);
        assert_eq!(ids(&d.changed), ["9.2.1"]);
        assert_eq!(d.changed[0].fields, ["status", "evidence"]);
        assert_eq!(d.changed[0].new.as_ref().unwrap().evidence, "E-2");
    }
}
