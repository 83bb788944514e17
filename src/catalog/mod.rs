//! The ISMAP control catalog: model, embedded data, loading, validation, import and the
//! reference resolver.
pub mod diff;
pub mod edition;
pub mod embedded;
pub mod generate;
pub mod id;
pub mod import;
pub mod iso2022;
pub mod lexicon;
pub mod load;
pub mod model;
pub mod reftext;
pub mod resolve;
pub mod stats;
pub mod terms;
pub mod validate;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Mutex, PoisonError};

pub use edition::{EditionDecision, EditionFlag, IsoEdition};
pub use model::{CatalogDoc, Entry, Flags, Layer, Level, Numbering, Titles};
pub use resolve::{NoCounterpart, RefKind, Resolution, Target, Unresolved};

use crate::error::InputError;

/// A catalog in one line, as every deliverable names it: its name and version, and for a
/// catalog read from a file (`--catalog FILE`) the file's name, so that a copied and edited
/// catalog that kept the embedded name is not taken for the embedded one.
pub fn line(name: &str, version: &str, origin: &str) -> String {
    if origin == "embedded" {
        return format!("{name} {version}");
    }
    let file = Path::new(origin)
        .file_name()
        .map_or_else(|| origin.to_owned(), |f| f.to_string_lossy().into_owned());
    format!("{name} {version} [--catalog {file}]")
}

/// A loaded, validated catalog with its lookup tables.
#[derive(Debug)]
pub struct Catalog {
    pub name: String,
    pub version: String,
    /// The edition of ISMAP管理基準 the catalog follows, when it says.
    pub edition: Option<String>,
    /// The same in Japanese, when it says.
    pub edition_ja: Option<String>,
    /// The ISO/IEC 27002 numbering of its control-measure ids.
    pub numbering: Numbering,
    pub notice: String,
    pub sources: BTreeMap<String, String>,
    /// `embedded` or the path it was loaded from.
    pub origin: String,
    /// Loaded from the data compiled in ([`Catalog::embedded`]); its entries cannot change
    /// after, so what was prepared ahead of time for it holds (see [`Catalog::is_embedded`]).
    embedded: bool,
    entries: Vec<Entry>,
    children: foldhash::HashMap<String, Vec<usize>>,
    index: resolve::RefIndex,
    /// What each reference text resolved to, by context: resolving depends on the text, the
    /// context and the entries alone (which do not change), and a run asks for the same
    /// texts again (a CSP list's ids when read and when analysed, every list of a compare).
    resolved: Mutex<foldhash::HashMap<resolve::Context, foldhash::HashMap<Box<str>, Resolution>>>,
}

impl Catalog {
    /// Builds the lookup tables; `doc` must already be validated.
    pub(crate) fn new(mut doc: CatalogDoc, origin: String) -> Catalog {
        // the suffix is the flag: `9.4.2.2.B` is basic whether or not the file says so
        for e in &mut doc.entries {
            let from_suffix = id::IsmapId::parse(&e.id)
                .map(|id| Flags::from_suffix(id.suffix.as_deref()))
                .unwrap_or_default();
            e.flags.basic |= from_suffix.basic;
            e.flags.cloud_provider |= from_suffix.cloud_provider;
        }
        let details_complete = doc
            .details_complete
            .unwrap_or_else(|| doc.entries.iter().any(|e| e.level == Level::Detail));
        let index = resolve::RefIndex::build(&doc.entries, details_complete, doc.numbering);
        let mut children: foldhash::HashMap<String, Vec<usize>> = foldhash::HashMap::default();
        for (i, e) in doc.entries.iter().enumerate() {
            if let Some(p) = &e.parent {
                children.entry(p.clone()).or_default().push(i);
            }
        }
        Catalog {
            name: doc.name,
            version: doc.version,
            edition: doc.edition,
            edition_ja: doc.edition_ja,
            numbering: doc.numbering,
            notice: doc.notice,
            sources: doc.sources,
            origin,
            embedded: false,
            entries: doc.entries,
            children,
            index,
            resolved: Mutex::default(),
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
                // the count goes in the hint, so the message stays one to translate
                first.hint = Some(format!(
                    "and {} more problem(s): run `ismap-gap catalog validate FILE` to list them all",
                    n - 1
                ));
            }
            first
        })
    }

    /// The catalog in one line for a deliverable: see [`line`].
    pub fn line(&self) -> String {
        line(&self.name, &self.version, &self.origin)
    }

    /// Is it the catalog compiled in, as [`Catalog::embedded`] loaded it (never one read
    /// from a file, whatever that file holds)?
    pub fn is_embedded(&self) -> bool {
        self.embedded
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

    /// Does the catalog hold detailed controls (4-digit ids of the control measures)?
    pub fn has_details(&self) -> bool {
        self.entries
            .iter()
            .any(|e| e.level == Level::Detail && e.layer == Layer::Control)
    }

    /// Does it hold every detailed control of its edition (see
    /// [`CatalogDoc::details_complete`](model::CatalogDoc::details_complete))?
    pub fn details_complete(&self) -> bool {
        self.index.details_complete()
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

    /// The one resolver: see [`resolve::RefIndex::resolve`]. Two-part numbers of both
    /// ISO editions are read as ISMAP ids (plain) or refused (`A.8.2`): a check list gives
    /// its edition through [`Catalog::resolve_in`].
    pub fn resolve(&self, input: &str) -> Resolution {
        self.resolve_in(input, None)
    }

    /// [`Catalog::resolve`] in a list of ISO/IEC 27001/27002 `edition`.
    pub fn resolve_in(&self, input: &str, edition: Option<IsoEdition>) -> Resolution {
        self.resolve_with(
            input,
            resolve::Context {
                edition,
                ..Default::default()
            },
        )
    }

    /// Whether `number`, the text of a numeric cell with a fraction (`5.3`), may have been
    /// typed with a trailing zero the number lost (`5.30`) naming another control: an ISMAP
    /// id or an ISO/IEC 27001 Annex A control of either edition's numbering. Then what was
    /// typed cannot be known.
    pub fn may_have_lost_zero(&self, number: &str) -> bool {
        let typed = format!("{number}0");
        [IsoEdition::Iso2013, IsoEdition::Iso2022]
            .into_iter()
            .any(|e| {
                !matches!(
                    self.resolve_in(&typed, Some(e)),
                    Resolution::Unresolved { .. }
                )
            })
    }

    /// [`Catalog::resolve`] in `ctx`: the edition of the reference's column and how its
    /// header says plain numbers are read.
    pub fn resolve_with(&self, input: &str, ctx: resolve::Context) -> Resolution {
        // a panic elsewhere while the lock was held leaves the map whole: keep using it
        let memo = || self.resolved.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(r) = memo().get(&ctx).and_then(|m| m.get(input)) {
            return r.clone();
        }
        // resolved without the lock held: two threads may both resolve a text, to the same
        let r = self.index.resolve(&self.entries, input, ctx);
        memo()
            .entry(ctx)
            .or_default()
            .insert(input.into(), r.clone());
        r
    }

    /// What an id says of a list's ISO edition (see [`resolve::EditionHint`]).
    pub fn edition_hint(&self, id: &id::IsmapId, annex: bool) -> resolve::EditionHint {
        self.index.edition_hint(id, annex)
    }

    /// NIST controls the catalog's cross-references mention.
    pub fn nist_controls(&self) -> impl Iterator<Item = &str> {
        self.index.nist_controls()
    }

    /// How many entries have no title in either language (the embedded catalog has none
    /// for governance and management items and for detailed controls: no source gives
    /// them).
    pub fn untitled_items(&self) -> usize {
        self.entries.iter().filter(|e| e.title.is_empty()).count()
    }

    /// The items (4-digit ids) of an objective, in catalog order.
    pub fn items_of(&self, objective: &str) -> impl Iterator<Item = &Entry> {
        self.children(objective)
            .filter(|e| e.level == Level::Detail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text resolved before resolves as it did the first time, in its own context: the
    /// same text read in another edition or under another header is resolved afresh.
    #[test]
    fn a_text_resolved_again_resolves_as_before_in_its_own_context() {
        let catalog = Catalog::embedded().expect("the embedded catalog loads");
        let contexts = [
            resolve::Context::default(),
            resolve::Context {
                edition: Some(IsoEdition::Iso2013),
                ..Default::default()
            },
            resolve::Context {
                edition: Some(IsoEdition::Iso2022),
                ..Default::default()
            },
            resolve::Context {
                plain: resolve::PlainIds::Iso27001Clauses,
                ..Default::default()
            },
        ];
        let texts = [
            "A.8.2",
            "8.2",
            "5.23",
            "9.4.2",
            "８．１．５Ｐ",
            "AC-2",
            "CLD.6.3.1",
            "9.9.9",
            "7.5",
            "同上",
            "",
        ];
        for round in 0..2 {
            for ctx in contexts {
                for text in texts {
                    let fresh = catalog.index.resolve(&catalog.entries, text, ctx);
                    assert_eq!(
                        catalog.resolve_with(text, ctx),
                        fresh,
                        "{text} in {ctx:?}, round {round}"
                    );
                }
            }
        }
        // the contexts do differ for some of these texts
        let [plain, in_2013, in_2022, ..] = contexts.map(|c| catalog.resolve_with("A.8.2", c));
        assert!(plain != in_2013 || in_2013 != in_2022);
    }
}
