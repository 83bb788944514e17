//! Two catalogs compared: ids added and removed, and per id the titles, flags, parent,
//! layer and level that changed. Pure: catalogs in, a result out.
use std::collections::HashMap;

use serde::Serialize;

use crate::catalog::id::IsmapId;
use crate::catalog::{Catalog, Entry};

/// A field's value on one side: text (`null` when absent), a flag, or a list (of
/// cross-references or source keys, as written).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Text(Option<String>),
    Flag(bool),
    List(Vec<String>),
}

impl Value {
    /// For tables: the text, `true`/`false`, the list joined by `, `, or empty.
    pub fn display(&self) -> String {
        match self {
            Value::Text(t) => t.clone().unwrap_or_default(),
            Value::Flag(b) => b.to_string(),
            Value::List(l) => l.join(", "),
        }
    }

    /// Equal for the diff: lists regardless of their order.
    fn same(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::List(a), Value::List(b)) => {
                let sorted = |l: &[String]| {
                    let mut l = l.to_vec();
                    l.sort();
                    l
                };
                sorted(a) == sorted(b)
            }
            _ => self == other,
        }
    }
}

/// One field of one id that differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// `id` (only its suffix changed), `layer`, `level`, `parent`, `title.ja`, `title.en`, `flags.basic`,
    /// `flags.cloud_provider`, `refs.annex_a`, `refs.jis_q_27002`, `refs.jis_q_27017`,
    /// `refs.nist_sp800_53`, `refs.unified_standard`, `refs.iso27001_2013`,
    /// `refs.iso27014_2013`, `refs.as_printed` or `sources`.
    pub field: &'static str,
    pub old: Value,
    pub new: Value,
}

/// An id in both catalogs whose entry changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntryChange<'a> {
    pub id: String,
    pub changes: Vec<FieldChange>,
    /// The entry in NEW (for its title when rendering).
    #[serde(skip)]
    pub entry: &'a Entry,
}

/// A row of NEW's order: an added entry or a changed one (indices into those lists).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InNew {
    Added(usize),
    Changed(usize),
}

#[derive(Debug, Clone, Serialize)]
pub struct CatalogSide {
    pub name: String,
    pub version: String,
    /// `embedded` or the file it was loaded from.
    pub origin: String,
    pub entries: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CatalogDiffSummary {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub differs: bool,
}

/// `ismap-gap catalog diff OLD NEW`.
#[derive(Debug, Clone, Serialize)]
pub struct CatalogDiff<'a> {
    /// 3: an id that changed only its suffix (`9.2.3.11.PB` → `9.2.3.11`) is a changed
    /// entry with field `id` (and the flags it changed), not a removal and an addition;
    /// 2: entries may have level `overview` and the cross-references `iso27001_2013`,
    /// `iso27014_2013` and `as_printed`, which are compared too (1: the first versioned
    /// form; `schema/catalog-diff.schema.json`).
    pub schema_version: u32,
    pub old: CatalogSide,
    pub new: CatalogSide,
    pub summary: CatalogDiffSummary,
    /// Entries of NEW only, in NEW's order.
    pub added: Vec<&'a Entry>,
    /// Entries of OLD only, in OLD's order.
    pub removed: Vec<&'a Entry>,
    /// Ids in both whose entry differs, in NEW's order.
    pub changed: Vec<EntryChange<'a>>,
    /// Added and changed merged in NEW's order, for rendering.
    #[serde(skip)]
    pub in_new_order: Vec<InNew>,
}

fn side(c: &Catalog) -> CatalogSide {
    CatalogSide {
        name: c.name.clone(),
        version: c.version.clone(),
        origin: c.origin.clone(),
        entries: c.entries().len(),
    }
}

/// The fields compared, in the order they are reported. Lists (cross-references, sources)
/// differ when their members do, not when only their order does.
fn field_changes(old: &Entry, new: &Entry) -> Vec<FieldChange> {
    let text = |s: &str| Value::Text(Some(s.to_owned()));
    let list = |l: &[String]| Value::List(l.to_vec());
    let nist = |e: &Entry| {
        Value::List(
            e.refs
                .nist_sp800_53
                .iter()
                .map(ToString::to_string)
                .collect(),
        )
    };
    let pairs = [
        ("layer", text(old.layer.as_str()), text(new.layer.as_str())),
        ("level", text(old.level.as_str()), text(new.level.as_str())),
        (
            "parent",
            Value::Text(old.parent.clone()),
            Value::Text(new.parent.clone()),
        ),
        (
            "title.ja",
            Value::Text(old.title.ja.clone()),
            Value::Text(new.title.ja.clone()),
        ),
        (
            "title.en",
            Value::Text(old.title.en.clone()),
            Value::Text(new.title.en.clone()),
        ),
        (
            "flags.basic",
            Value::Flag(old.flags.basic),
            Value::Flag(new.flags.basic),
        ),
        (
            "flags.cloud_provider",
            Value::Flag(old.flags.cloud_provider),
            Value::Flag(new.flags.cloud_provider),
        ),
        (
            "refs.annex_a",
            list(&old.refs.annex_a),
            list(&new.refs.annex_a),
        ),
        (
            "refs.jis_q_27002",
            list(&old.refs.jis_q_27002),
            list(&new.refs.jis_q_27002),
        ),
        (
            "refs.jis_q_27017",
            list(&old.refs.jis_q_27017),
            list(&new.refs.jis_q_27017),
        ),
        ("refs.nist_sp800_53", nist(old), nist(new)),
        (
            "refs.unified_standard",
            list(&old.refs.unified_standard),
            list(&new.refs.unified_standard),
        ),
        (
            "refs.iso27001_2013",
            list(&old.refs.iso27001_2013),
            list(&new.refs.iso27001_2013),
        ),
        (
            "refs.iso27014_2013",
            list(&old.refs.iso27014_2013),
            list(&new.refs.iso27014_2013),
        ),
        (
            "refs.as_printed",
            list(&old.refs.as_printed),
            list(&new.refs.as_printed),
        ),
        ("sources", list(&old.sources), list(&new.sources)),
    ];
    pairs
        .into_iter()
        .filter(|(_, o, n)| !o.same(n))
        .map(|(field, old, new)| FieldChange { field, old, new })
        .collect()
}

/// Compares two catalogs entry by entry (ids compared as written: both are canonical). An
/// id that changed only its suffix (`9.2.3.11.PB` → `9.2.3.11`: one entry of those numbers
/// on each side) is the same control with other flags: a change of `id` (with what it does
/// to the flags), not a removal and an addition that would hide a basic requirement made
/// optional.
pub fn diff<'a>(old: &'a Catalog, new: &'a Catalog) -> CatalogDiff<'a> {
    let old_by_id: HashMap<&str, &Entry> =
        old.entries().iter().map(|e| (e.id.as_str(), e)).collect();
    let new_by_id: HashMap<&str, &Entry> =
        new.entries().iter().map(|e| (e.id.as_str(), e)).collect();
    let numbers = |e: &Entry| IsmapId::parse(&e.id).map(|i| i.truncated(i.depth()).canonical());
    // the numbers of ids on one side only, with their entries
    let only_in = |c: &'a Catalog, other: &HashMap<&str, &Entry>| {
        let mut by: HashMap<String, Vec<&'a Entry>> = HashMap::new();
        for e in c
            .entries()
            .iter()
            .filter(|e| !other.contains_key(e.id.as_str()))
        {
            if let Some(n) = numbers(e) {
                by.entry(n).or_default().push(e);
            }
        }
        by
    };
    let (old_only, new_only) = (only_in(old, &new_by_id), only_in(new, &old_by_id));
    let renamed_from = |n: &Entry| -> Option<&'a Entry> {
        let num = numbers(n)?;
        match (
            old_only.get(&num)?.as_slice(),
            new_only.get(&num)?.as_slice(),
        ) {
            ([o], [_]) => Some(*o),
            _ => None,
        }
    };
    let mut added = Vec::new();
    let mut changed = Vec::new();
    let mut in_new_order = Vec::new();
    let mut unchanged = 0;
    let mut renamed: Vec<&str> = Vec::new();
    for n in new.entries() {
        let (o, mut changes) = match old_by_id.get(n.id.as_str()) {
            Some(o) => (*o, Vec::new()),
            None => match renamed_from(n) {
                Some(o) => {
                    renamed.push(o.id.as_str());
                    let id = FieldChange {
                        field: "id",
                        old: Value::Text(Some(o.id.clone())),
                        new: Value::Text(Some(n.id.clone())),
                    };
                    (o, vec![id])
                }
                None => {
                    in_new_order.push(InNew::Added(added.len()));
                    added.push(n);
                    continue;
                }
            },
        };
        changes.extend(field_changes(o, n));
        if changes.is_empty() {
            unchanged += 1;
        } else {
            in_new_order.push(InNew::Changed(changed.len()));
            changed.push(EntryChange {
                id: n.id.clone(),
                changes,
                entry: n,
            });
        }
    }
    let removed: Vec<&Entry> = old
        .entries()
        .iter()
        .filter(|o| !new_by_id.contains_key(o.id.as_str()) && !renamed.contains(&o.id.as_str()))
        .collect();
    let summary = CatalogDiffSummary {
        added: added.len(),
        removed: removed.len(),
        changed: changed.len(),
        unchanged,
        differs: !(added.is_empty() && removed.is_empty() && changed.is_empty()),
    };
    CatalogDiff {
        schema_version: 3,
        old: side(old),
        new: side(new),
        summary,
        added,
        removed,
        changed,
        in_new_order,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::CatalogDoc;

    fn catalog(yaml: &str) -> Catalog {
        let doc: CatalogDoc = serde_yaml::from_str(yaml).unwrap();
        Catalog::new(doc, "test".into())
    }

    const HEAD: &str = "name: t\nversion: \"1\"\nnotice: n\nsources: {t: test}\nentries:\n";

    #[test]
    fn reports_added_removed_and_each_changed_field() {
        let old = catalog(&format!(
            "{HEAD}  - {{id: \"9\", layer: control, level: clause, sources: [t]}}
  - {{id: \"9.1\", layer: control, level: category, parent: \"9\", sources: [t]}}
  - {{id: \"9.2\", layer: control, level: category, parent: \"9\", sources: [t]}}
  - {{id: \"9.1.1\", layer: control, level: objective, parent: \"9.1\", title: {{en: Old}}, sources: [t]}}
  - {{id: \"9.1.2\", layer: control, level: objective, parent: \"9.1\", sources: [t]}}
  - {{id: \"9.2.1\", layer: control, level: objective, parent: \"9.2\", sources: [t]}}
"
        ));
        let new = catalog(&format!(
            "{HEAD}  - {{id: \"9\", layer: control, level: clause, sources: [t]}}
  - {{id: \"9.1\", layer: control, level: category, parent: \"9\", sources: [t]}}
  - {{id: \"9.2\", layer: control, level: category, parent: \"9\", sources: [t]}}
  - {{id: \"9.2.2\", layer: control, level: objective, parent: \"9.2\", sources: [t]}}
  - {{id: \"9.1.1\", layer: control, level: objective, parent: \"9.1\", title: {{en: New, ja: 新}}, flags: {{basic: true}}, sources: [t]}}
  - {{id: \"9.2.1\", layer: control, level: objective, parent: \"9.1\", sources: [t]}}
"
        ));
        let d = diff(&old, &new);
        let ids = |v: &[&Entry]| v.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&d.added), ["9.2.2"]);
        assert_eq!(ids(&d.removed), ["9.1.2"]);
        assert_eq!(d.changed.len(), 2);
        assert_eq!(d.changed[0].id, "9.1.1");
        let fields: Vec<&str> = d.changed[0].changes.iter().map(|c| c.field).collect();
        assert_eq!(fields, ["title.ja", "title.en", "flags.basic"]);
        assert_eq!(d.changed[0].changes[0].old, Value::Text(None));
        assert_eq!(d.changed[0].changes[1].new, Value::Text(Some("New".into())));
        assert_eq!(d.changed[0].changes[2].new, Value::Flag(true));
        assert_eq!(d.changed[1].id, "9.2.1");
        assert_eq!(
            d.changed[1].changes,
            [FieldChange {
                field: "parent",
                old: Value::Text(Some("9.2".into())),
                new: Value::Text(Some("9.1".into())),
            }]
        );
        assert_eq!(
            d.in_new_order,
            [InNew::Added(0), InNew::Changed(0), InNew::Changed(1)]
        );
        assert_eq!(d.summary.unchanged, 3);
        assert!(d.summary.differs);
        let json = serde_json::to_value(&d.changed[0].changes[0]).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"field": "title.ja", "old": null, "new": "新"})
        );
    }

    #[test]
    fn cross_references_and_sources_are_compared_as_sets() {
        let head = "name: t\nversion: \"1\"\nnotice: n\nsources: {t: test, u: other}\nentries:\n";
        let one = |refs: &str, sources: &str| {
            catalog(&format!(
                "{head}  - {{id: \"9\", layer: control, level: clause, sources: [t]}}
  - {{id: \"9.1\", layer: control, level: category, parent: \"9\", sources: [t]}}
  - {{id: \"9.1.1\", layer: control, level: objective, parent: \"9.1\", refs: {refs}, sources: {sources}}}
"
            ))
        };
        let old = one("{annex_a: [A.9.1.1], nist_sp800_53: [AC-1, AC-2]}", "[t]");
        // the same members in another order: no change
        let reordered = one("{annex_a: [A.9.1.1], nist_sp800_53: [AC-2, AC-1]}", "[t]");
        assert!(!diff(&old, &reordered).summary.differs);
        let new = one(
            "{annex_a: [A.9.1.1], nist_sp800_53: [AC-1*], unified_standard: [\"2.1.1\"]}",
            "[t, u]",
        );
        let d = diff(&old, &new);
        assert_eq!(d.changed.len(), 1);
        let list = |l: &[&str]| Value::List(l.iter().map(|s| s.to_string()).collect());
        assert_eq!(
            d.changed[0].changes,
            [
                FieldChange {
                    field: "refs.nist_sp800_53",
                    old: list(&["AC-1", "AC-2"]),
                    new: list(&["AC-1*"]),
                },
                FieldChange {
                    field: "refs.unified_standard",
                    old: list(&[]),
                    new: list(&["2.1.1"]),
                },
                FieldChange {
                    field: "sources",
                    old: list(&["t"]),
                    new: list(&["t", "u"]),
                },
            ]
        );
        assert_eq!(d.changed[0].changes[0].old.display(), "AC-1, AC-2");
        assert_eq!(
            serde_json::to_value(&d.changed[0].changes[2]).unwrap(),
            serde_json::json!({"field": "sources", "old": ["t"], "new": ["t", "u"]})
        );
    }

    #[test]
    fn a_catalog_does_not_differ_from_itself() {
        let a = Catalog::embedded().unwrap();
        let b = Catalog::embedded().unwrap();
        let d = diff(&a, &b);
        assert!(d.added.is_empty() && d.removed.is_empty() && d.changed.is_empty());
        assert_eq!(d.summary.unchanged, a.entries().len());
        assert!(!d.summary.differs);
    }
}
