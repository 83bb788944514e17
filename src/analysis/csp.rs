//! A CSP's listed ids → the catalog ids it implements or excludes, with the unknown ones kept.
use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalog::{Catalog, RefKind, Resolution};
use crate::model::{Attestation, ListedId};

/// What the CSP says of one catalog id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum CspState {
    Implemented,
    NotApplicable { reason: String },
}

/// An id in the CSP's list that is not in the catalog (warned about, never dropped).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnknownId {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub suggestions: Vec<String>,
}

/// The CSP's controls in catalog terms.
#[derive(Debug, Clone, Default)]
pub struct CspControls {
    /// catalog id (or unverified detail id) → state
    pub states: BTreeMap<String, CspState>,
    pub unknown: Vec<UnknownId>,
}

impl CspControls {
    pub fn state(&self, id: &str) -> Option<&CspState> {
        self.states.get(id)
    }

    pub fn is_implemented(&self, id: &str) -> bool {
        matches!(self.states.get(id), Some(CspState::Implemented))
    }

    pub fn implemented_count(&self) -> usize {
        self.states
            .values()
            .filter(|s| matches!(s, CspState::Implemented))
            .count()
    }
}

/// The catalog id one listed id stands for: an ISMAP id (or its Annex A / CLD spelling)
/// with exactly one target. NIST ids are not accepted in a CSP's list.
fn listed_to_catalog(catalog: &Catalog, listed: &ListedId) -> Result<String, UnknownId> {
    match catalog.resolve(&listed.raw) {
        Resolution::Resolved { kind, targets, .. }
            if kind != RefKind::Nist && targets.len() == 1 =>
        {
            Ok(targets[0].id.clone())
        }
        Resolution::Unresolved { suggestions, .. } => Err(UnknownId {
            id: crate::catalog::id::canonical(&listed.raw).unwrap_or_else(|| listed.raw.clone()),
            line: listed.line,
            suggestions,
        }),
        Resolution::Resolved { .. } => Err(UnknownId {
            id: listed.raw.clone(),
            line: listed.line,
            suggestions: Vec::new(),
        }),
    }
}

/// Resolves every id of the attestation through the catalog resolver. A not-applicable
/// declaration wins over an implemented listing of the same id (it is the later, more
/// specific statement).
pub fn resolve_attestation(catalog: &Catalog, att: &Attestation) -> CspControls {
    let mut out = CspControls::default();
    for listed in &att.implemented {
        match listed_to_catalog(catalog, listed) {
            Ok(id) => {
                out.states.insert(id, CspState::Implemented);
            }
            Err(u) => out.unknown.push(u),
        }
    }
    for (listed, reason) in &att.not_applicable {
        match listed_to_catalog(catalog, listed) {
            Ok(id) => {
                out.states.insert(
                    id,
                    CspState::NotApplicable {
                        reason: reason.clone(),
                    },
                );
            }
            Err(u) => out.unknown.push(u),
        }
    }
    out.unknown.dedup_by(|a, b| a.id == b.id);
    out
}
