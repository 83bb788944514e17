//! A CSP's listed ids → the catalog ids it implements or excludes, with the unknown ones kept.
use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalog::{Catalog, Layer, RefKind, Resolution};
use crate::error::{InputError, Location};
use crate::model::{Attestation, Declared, ListedControl, Underlying};

/// What the CSP says of one catalog id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum CspState {
    Implemented,
    NotApplicable { reason: String },
    Planned,
    NotImplemented,
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
    /// ids implemented only through the underlying service → the services, nearest first
    /// (`PaaS → IaaS`).
    pub inherited: BTreeMap<String, String>,
    pub unknown: Vec<UnknownId>,
}

impl CspControls {
    pub fn state(&self, id: &str) -> Option<&CspState> {
        self.states.get(id)
    }

    /// The provenance of an objective implemented through the underlying service.
    pub fn inherited_from(&self, id: &str) -> Option<&str> {
        self.inherited.get(id).map(String::as_str)
    }

    pub fn is_implemented(&self, id: &str) -> bool {
        matches!(self.states.get(id), Some(CspState::Implemented))
    }

    pub fn implemented_count(&self) -> usize {
        self.count(|s| matches!(s, CspState::Implemented))
    }

    pub fn not_applicable_count(&self) -> usize {
        self.count(|s| matches!(s, CspState::NotApplicable { .. }))
    }

    fn count(&self, f: impl Fn(&CspState) -> bool) -> usize {
        self.states.values().filter(|s| f(s)).count()
    }
}

/// The catalog id one listed id stands for: an ISMAP id (or its Annex A / CLD spelling)
/// with exactly one target. NIST ids are not accepted in a CSP's list.
pub fn listed_to_catalog(catalog: &Catalog, listed: &ListedControl) -> Result<String, UnknownId> {
    match catalog.resolve(&listed.raw) {
        // a list states ISMAP ids (or their Annex A / CLD spelling), one each; never a NIST
        // id, a 2022 control, a management-system clause or a range
        Resolution::Resolved {
            kind: RefKind::Ismap | RefKind::AnnexA | RefKind::Cld,
            targets,
            without_counterpart,
            ..
        } if targets.len() == 1 && without_counterpart.is_empty() => Ok(targets[0].id.clone()),
        Resolution::Unresolved { suggestions, .. } => Err(UnknownId {
            id: crate::catalog::id::canonical(&listed.raw).unwrap_or_else(|| listed.raw.clone()),
            line: listed.line,
            suggestions,
        }),
        Resolution::Resolved { .. } | Resolution::NoCounterpart { .. } => Err(UnknownId {
            id: listed.raw.clone(),
            line: listed.line,
            suggestions: Vec::new(),
        }),
    }
}

/// Resolves every id of the attestation through the catalog resolver. Reading a list
/// rejects an id stated twice differently (`input::csp`), so a repeat is the same statement;
/// only two spellings of one id that the resolver alone can join (`A.9.2.1` and `9.2.1`)
/// can still differ, and then the later statement wins.
pub fn resolve_attestation(catalog: &Catalog, att: &Attestation) -> CspControls {
    let mut out = CspControls::default();
    for listed in &att.controls {
        match listed_to_catalog(catalog, listed) {
            Ok(id) => {
                let state = match listed.declared {
                    Declared::Implemented => CspState::Implemented,
                    Declared::NotApplicable => CspState::NotApplicable {
                        reason: listed.reason.clone(),
                    },
                    Declared::Planned => CspState::Planned,
                    Declared::NotImplemented => CspState::NotImplemented,
                };
                out.states.insert(id, state);
            }
            Err(u) => {
                if !out.unknown.iter().any(|x| x.id == u.id) {
                    out.unknown.push(u);
                }
            }
        }
    }
    if let Some(under) = &att.underlying {
        inherit(catalog, &mut out, under);
    }
    out
}

/// Marks as implemented, with provenance, every objective in the inherited scope that the
/// service states nothing of itself and the service under it implements (through its own
/// inheritance too: chains resolve recursively). The service's own statement wins: an
/// objective it declares not applicable stays so, whatever the service under it does.
fn inherit(catalog: &Catalog, out: &mut CspControls, under: &Underlying) {
    let parent = resolve_attestation(catalog, &under.attestation);
    let name = under.attestation.display_name();
    for scope in &under.scope {
        let id = crate::catalog::id::canonical(scope).unwrap_or_else(|| scope.clone());
        if catalog.get(&id).is_none() {
            if !out.unknown.iter().any(|x| x.id == id) {
                out.unknown.push(UnknownId {
                    id,
                    line: None,
                    suggestions: Vec::new(),
                });
            }
            continue;
        }
        // governance and management are the applicant's own: never inherited (a scope
        // naming them is refused by `check_inheritance` before this runs)
        for objective in catalog
            .objectives_under(&id)
            .into_iter()
            .filter(|o| o.layer == Layer::Control)
        {
            let oid = &objective.id;
            if out.states.contains_key(oid) || !parent.is_implemented(oid) {
                continue;
            }
            let via = match parent.inherited_from(oid) {
                Some(deeper) => format!("{name} → {deeper}"),
                None => name.clone(),
            };
            out.states.insert(oid.clone(), CspState::Implemented);
            out.inherited.insert(oid.clone(), via);
        }
    }
    for u in parent.unknown {
        let id = format!("{name}: {}", u.id);
        if !out.unknown.iter().any(|x| x.id == id) {
            out.unknown.push(UnknownId { id, ..u });
        }
    }
}

/// Refuses an inherited scope (profile `inherited:`, at any depth of `inherits:`) that
/// names governance or management criteria: they are the applicant's own (ISMAP管理基準
/// chapters 3 and 4), so a service cannot rely on the service under it for them.
pub fn check_inheritance(catalog: &Catalog, att: &Attestation) -> Result<(), InputError> {
    let mut next = Some(att);
    while let Some(a) = next {
        let Some(under) = a.underlying.as_deref() else {
            break;
        };
        for scope in &under.scope {
            let id = crate::catalog::id::canonical(scope).unwrap_or_else(|| scope.clone());
            let layer = catalog.get(&id).map(|e| e.layer);
            if let Some(layer @ (Layer::Governance | Layer::Management)) = layer {
                return Err(InputError::at(
                    Location::file(&a.source).column("inherited"),
                    format!(
                        "'{scope}' is {} ({}): governance and management criteria are the service's own and cannot be inherited from '{}'",
                        layer.as_str(),
                        layer.label(crate::lang::Lang::Ja),
                        under.attestation.display_name()
                    ),
                )
                .hint("remove it from `inherited:` and state the governance and management objectives the service itself implements under `implemented`"));
            }
        }
        next = Some(&under.attestation);
    }
    Ok(())
}
