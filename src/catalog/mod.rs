//! The ISMAP control catalog: model, embedded data, loading, validation, import and the
//! reference resolver.
pub mod diff;
pub mod embedded;
pub mod generate;
pub mod id;
pub mod import;
pub mod lexicon;
pub mod load;
pub mod model;
pub mod resolve;
pub mod stats;
pub mod terms;
pub mod validate;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

pub use model::{CatalogDoc, Entry, Flags, Layer, Level, Titles};
pub use resolve::{RefKind, Resolution, Target, Unresolved};

use crate::error::InputError;

/// A loaded, validated catalog with its lookup tables.
#[derive(Debug)]
pub struct Catalog {
    pub name: String,
    pub version: String,
    pub notice: String,
    pub sources: BTreeMap<String, String>,
    /// `embedded` or the path it was loaded from.
    pub origin: String,
    entries: Vec<Entry>,
    children: HashMap<String, Vec<usize>>,
    index: resolve::RefIndex,
}

impl Catalog {
    /// Builds the lookup tables; `doc` must already be validated.
    pub(crate) fn new(doc: CatalogDoc, origin: String) -> Catalog {
        let index = resolve::RefIndex::build(&doc.entries);
        let mut children: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in doc.entries.iter().enumerate() {
            if let Some(p) = &e.parent {
                children.entry(p.clone()).or_default().push(i);
            }
        }
        Catalog {
            name: doc.name,
            version: doc.version,
            notice: doc.notice,
            sources: doc.sources,
            origin,
            entries: doc.entries,
            children,
            index,
        }
    }

    /// The catalog compiled into the binary.
    pub fn embedded() -> anyhow::Result<Catalog> {
        embedded::load().map_err(|problems| {
            anyhow::anyhow!(
                "the embedded catalog is invalid (a build defect): {}",
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            )
        })
    }

    /// Loads `--catalog FILE`; the first problem becomes the error (see `catalog validate`
    /// for all of them).
    pub fn from_file(path: &Path) -> Result<Catalog, InputError> {
        load::load_file(path).map_err(|mut problems| {
            let n = problems.len();
            let mut first = problems.swap_remove(0);
            if n > 1 {
                first
                    .message
                    .push_str(&format!(" (and {} more problems)", n - 1));
                first.hint = Some("run `ismap-gap catalog validate FILE` to list them all".into());
            }
            first
        })
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.index.position(id).map(|i| &self.entries[i])
    }

    /// Catalog order of an id (for sorting), entries not in the catalog last.
    pub fn position(&self, id: &str) -> usize {
        self.index.position(id).unwrap_or(usize::MAX)
    }

    /// Does the catalog hold detailed controls (4-digit ids)?
    pub fn has_details(&self) -> bool {
        self.index.has_details()
    }

    pub fn children(&self, id: &str) -> impl Iterator<Item = &Entry> {
        self.children
            .get(id)
            .into_iter()
            .flatten()
            .map(|&i| &self.entries[i])
    }

    /// The objectives at or below `id` (an objective itself, or those of a clause or
    /// category), in catalog order.
    pub fn objectives_under(&self, id: &str) -> Vec<&Entry> {
        let mut out = Vec::new();
        let mut stack = vec![id];
        while let Some(cur) = stack.pop() {
            if let Some(e) = self.get(cur) {
                if e.level == Level::Objective {
                    out.push(e);
                    continue;
                }
            }
            stack.extend(self.children(cur).map(|c| c.id.as_str()));
        }
        out.sort_by_key(|e| self.position(&e.id));
        out
    }

    /// The objective a detail id (`9.2.1.3`) belongs to.
    pub fn detail_parent(&self, detail: &str) -> Option<&Entry> {
        let id = id::IsmapId::parse(detail)?;
        if let Some(e) = self.get(detail) {
            if let Some(p) = e.parent.as_deref().and_then(|p| self.get(p)) {
                return Some(p);
            }
        }
        self.index.detail_parent(&self.entries, &id)
    }

    /// The one resolver: see [`resolve::RefIndex::resolve`].
    pub fn resolve(&self, input: &str) -> Resolution {
        self.index.resolve(&self.entries, input)
    }

    /// NIST controls the catalog's cross-references mention.
    pub fn nist_controls(&self) -> impl Iterator<Item = &str> {
        self.index.nist_controls()
    }

    /// Is every title in at least one language present? (The embedded default lacks the
    /// governance and management titles.)
    pub fn untitled_items(&self) -> usize {
        self.entries.iter().filter(|e| e.title.is_empty()).count()
    }
}
