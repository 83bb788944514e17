//! CSP readiness before an internal audit: every catalog item against the selection rules
//! (governance and management all implemented; every objective implemented or excluded
//! with a reason; basic-requirement details implemented; evidence for what is implemented).
use serde::Serialize;

use crate::analysis::csp::{resolve_attestation, CspState, UnknownId};
use crate::analysis::gap::{CatalogInfo, Warning};
use crate::catalog::stats;
use crate::catalog::{Catalog, Entry, Layer, Level};
use crate::lang::Lang;
use crate::model::Attestation;

/// What the list says of a catalog item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemState {
    Implemented,
    NotApplicable,
    Planned,
    NotImplemented,
    /// The list does not name it.
    NotListed,
}

impl ItemState {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ItemState::Implemented => lang.pick("実施", "implemented"),
            ItemState::NotApplicable => lang.pick("非該当", "not applicable"),
            ItemState::Planned => lang.pick("計画中", "planned"),
            ItemState::NotImplemented => lang.pick("未実施", "not implemented"),
            ItemState::NotListed => lang.pick("記載なし", "not listed"),
        }
    }
}

/// Why an item is not audit-ready.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Finding {
    /// Mandatory and neither implemented nor (where allowed) excluded.
    Missing,
    /// A governance/management item or a basic-requirement detail declared not applicable:
    /// these cannot be excluded.
    ExclusionNotAllowed,
    /// An objective excluded without a reason.
    NoReason,
    /// Declared planned: not implemented yet.
    Planned,
    /// Implemented, but no evidence is named.
    NoEvidence,
}

impl Finding {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Finding::Missing => lang.pick("未実施(必須)", "missing (mandatory)"),
            Finding::ExclusionNotAllowed => lang.pick("除外不可", "cannot be excluded"),
            Finding::NoReason => lang.pick("非該当の理由なし", "excluded without a reason"),
            Finding::Planned => lang.pick("計画中", "planned"),
            Finding::NoEvidence => lang.pick("証跡なし", "no evidence"),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ReadinessItem {
    pub id: String,
    pub layer: Layer,
    /// The group the item is counted in: `governance`, `management` or a clause number.
    pub group: String,
    pub title: String,
    /// Must be implemented (or, for an objective, excluded with a reason).
    pub required: bool,
    pub state: ItemState,
    pub reason: String,
    pub evidence: String,
    pub owner: String,
    /// Implemented only through the underlying service (profile `inherits:`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inherited_from: Option<String>,
    pub findings: Vec<Finding>,
}

/// Counts of one group or of the whole list.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub required: usize,
    pub implemented: usize,
    /// Excluded with a reason (allowed for control objectives only).
    pub not_applicable: usize,
    pub na_without_reason: usize,
    pub planned: usize,
    /// Mandatory items neither implemented nor validly excluded (planned ones excluded).
    pub missing: usize,
    pub evidence_missing: usize,
    /// (implemented + not_applicable) / required, 0..1, four decimals.
    pub readiness: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub key: String,
    pub label: String,
    pub counts: Counts,
    pub missing: Vec<String>,
    pub na_without_reason: Vec<String>,
    pub planned: Vec<String>,
    pub evidence_missing: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReadinessReport {
    pub schema_version: u32,
    pub lang: Lang,
    pub catalog: CatalogInfo,
    pub source: String,
    /// Whether the list named evidence at all (a table with an evidence column).
    pub evidence_checked: bool,
    pub summary: Counts,
    /// Mandatory ids missing (including excluded governance/management/basic items).
    pub missing: Vec<String>,
    pub na_without_reason: Vec<String>,
    pub planned: Vec<String>,
    pub evidence_missing: Vec<String>,
    pub groups: Vec<Group>,
    pub items: Vec<ReadinessItem>,
    pub unknown_ids: Vec<UnknownId>,
    pub notes: Vec<Warning>,
}

impl ReadinessReport {
    /// `--fail-on missing`: anything mandatory missing or planned, or an exclusion
    /// without a reason.
    pub fn has_blockers(&self) -> bool {
        !(self.missing.is_empty() && self.na_without_reason.is_empty() && self.planned.is_empty())
    }
}

fn group_of(e: &Entry) -> String {
    match e.layer {
        Layer::Governance => "governance".to_owned(),
        Layer::Management => "management".to_owned(),
        Layer::Control => e.id.split('.').next().unwrap_or("").to_owned(),
    }
}

fn share(done: usize, of: usize) -> f64 {
    if of == 0 {
        1.0
    } else {
        (done as f64 / of as f64 * 10_000.0).round() / 10_000.0
    }
}

fn assess(
    e: &Entry,
    state: ItemState,
    reason: &str,
    evidence: &str,
    tracks_evidence: bool,
) -> (bool, Vec<Finding>) {
    let always_mandatory = e.layer != Layer::Control || (e.level == Level::Detail && e.flags.basic);
    let required = always_mandatory || (e.level == Level::Objective);
    let mut f = Vec::new();
    if required {
        match state {
            ItemState::Implemented => {}
            ItemState::NotApplicable if always_mandatory => f.push(Finding::ExclusionNotAllowed),
            ItemState::NotApplicable if reason.trim().is_empty() => f.push(Finding::NoReason),
            ItemState::NotApplicable => {}
            ItemState::Planned => f.push(Finding::Planned),
            ItemState::NotImplemented | ItemState::NotListed => f.push(Finding::Missing),
        }
    }
    if state == ItemState::Implemented && tracks_evidence && evidence.trim().is_empty() {
        f.push(Finding::NoEvidence);
    }
    (required, f)
}

fn count(items: &[&ReadinessItem]) -> Counts {
    let mut c = Counts::default();
    for i in items {
        if i.required {
            c.required += 1;
            match i.state {
                ItemState::Implemented => c.implemented += 1,
                ItemState::NotApplicable if i.findings.is_empty() => c.not_applicable += 1,
                _ => {}
            }
        }
        for f in &i.findings {
            match f {
                Finding::Missing | Finding::ExclusionNotAllowed => c.missing += 1,
                Finding::NoReason => c.na_without_reason += 1,
                Finding::Planned => c.planned += 1,
                Finding::NoEvidence => c.evidence_missing += 1,
            }
        }
    }
    c.readiness = share(c.implemented + c.not_applicable, c.required);
    c
}

fn ids_with(items: &[&ReadinessItem], f: &[Finding]) -> Vec<String> {
    items
        .iter()
        .filter(|i| i.findings.iter().any(|x| f.contains(x)))
        .map(|i| i.id.clone())
        .collect()
}

/// The readiness of a CSP's own control list against the catalog.
pub fn analyse(catalog: &Catalog, att: &Attestation, lang: Lang) -> ReadinessReport {
    let csp = resolve_attestation(catalog, att);
    // reason, evidence and owner of each resolved id: the last listing wins, as for states
    let mut details: std::collections::HashMap<String, (&str, &str, &str)> = Default::default();
    for c in &att.controls {
        if let Ok(id) = crate::analysis::csp::listed_to_catalog(catalog, c) {
            details.insert(id, (&c.reason, &c.evidence, &c.owner));
        }
    }
    let state_of = |id: &str| match csp.state(id) {
        Some(CspState::Implemented) => ItemState::Implemented,
        Some(CspState::NotApplicable { .. }) => ItemState::NotApplicable,
        Some(CspState::Planned) => ItemState::Planned,
        Some(CspState::NotImplemented) => ItemState::NotImplemented,
        None => ItemState::NotListed,
    };
    // details the list names that the catalog does not hold (accepted through their
    // objective by the resolver): shown after that objective, never required
    let unverified: Vec<(&str, String)> = csp
        .states
        .keys()
        .filter(|id| catalog.get(id).is_none())
        .filter_map(|id| Some((id.as_str(), catalog.detail_parent(id)?.id.clone())))
        .collect();
    let mut items: Vec<ReadinessItem> = Vec::new();
    for e in catalog.entries().iter().filter(|e| e.is_item()) {
        let state = state_of(&e.id);
        let (reason, evidence, owner) = details.get(&e.id).copied().unwrap_or(("", "", ""));
        // evidence for an inherited objective is the underlying service's own audit
        let inherited = csp.inherited_from(&e.id).is_some();
        let (required, findings) = assess(
            e,
            state,
            reason,
            evidence,
            att.tracks_evidence && !inherited,
        );
        if required || state != ItemState::NotListed {
            items.push(ReadinessItem {
                id: e.id.clone(),
                layer: e.layer,
                group: group_of(e),
                title: e.title(lang).to_owned(),
                required,
                state,
                reason: reason.to_owned(),
                evidence: evidence.to_owned(),
                owner: owner.to_owned(),
                inherited_from: csp.inherited_from(&e.id).map(str::to_owned),
                findings,
            });
        }
        for (detail, _) in unverified.iter().filter(|(_, parent)| *parent == e.id) {
            let state = state_of(detail);
            let (reason, evidence, owner) = details.get(*detail).copied().unwrap_or(("", "", ""));
            let mut findings = Vec::new();
            if state == ItemState::Implemented && att.tracks_evidence && evidence.trim().is_empty()
            {
                findings.push(Finding::NoEvidence);
            }
            items.push(ReadinessItem {
                id: (*detail).to_owned(),
                layer: e.layer,
                group: group_of(e),
                title: String::new(),
                required: false,
                state,
                reason: reason.to_owned(),
                evidence: evidence.to_owned(),
                owner: owner.to_owned(),
                inherited_from: None,
                findings,
            });
        }
    }

    let all: Vec<&ReadinessItem> = items.iter().collect();
    let mut keys: Vec<String> = Vec::new();
    for i in &items {
        if !keys.contains(&i.group) {
            keys.push(i.group.clone());
        }
    }
    let groups = keys
        .into_iter()
        .map(|key| {
            let members: Vec<&ReadinessItem> = items.iter().filter(|i| i.group == key).collect();
            let label = match key.as_str() {
                "governance" => Layer::Governance.label(lang).to_owned(),
                "management" => Layer::Management.label(lang).to_owned(),
                clause => match catalog.get(clause) {
                    Some(e) if !e.title(lang).is_empty() => format!("{clause} {}", e.title(lang)),
                    _ => clause.to_owned(),
                },
            };
            Group {
                counts: count(&members),
                missing: ids_with(&members, &[Finding::Missing, Finding::ExclusionNotAllowed]),
                na_without_reason: ids_with(&members, &[Finding::NoReason]),
                planned: ids_with(&members, &[Finding::Planned]),
                evidence_missing: ids_with(&members, &[Finding::NoEvidence]),
                key,
                label,
            }
        })
        .collect();

    let mut notes = Vec::new();
    if stats::compute(catalog).is_incomplete() {
        notes.push(Warning {
            code: "catalog-incomplete",
            message: lang
                .pick(
                    "このカタログは不完全です(ガバナンス・マネジメント基準の大半と詳細管理策がありません): 公式の管理基準ワークブックから `ismap-gap catalog import` でカタログを作成し --catalog で指定してください",
                    "The active catalog is incomplete (most governance and management items and all detailed controls are missing): build one from the official workbook with `ismap-gap catalog import` and pass it with --catalog",
                )
                .to_owned(),
        });
    }
    if !att.tracks_evidence {
        notes.push(Warning {
            code: "evidence-not-checked",
            message: lang
                .pick(
                    "一覧に証跡の列がないため、証跡の有無は確認していません",
                    "The list has no evidence column, so evidence was not checked",
                )
                .to_owned(),
        });
    }
    if !csp.unknown.is_empty() {
        let ids: Vec<&str> = csp.unknown.iter().map(|u| u.id.as_str()).collect();
        notes.push(Warning {
            code: "unknown-ids",
            message: match lang {
                Lang::Ja => format!(
                    "カタログにないIDがあります({}件): {}",
                    ids.len(),
                    ids.join(", ")
                ),
                Lang::En => format!(
                    "{} id(s) are not in the catalog: {}",
                    ids.len(),
                    ids.join(", ")
                ),
            },
        });
    }

    ReadinessReport {
        schema_version: 1,
        lang,
        catalog: CatalogInfo {
            name: catalog.name.clone(),
            version: catalog.version.clone(),
            origin: catalog.origin.clone(),
        },
        source: att
            .source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        evidence_checked: att.tracks_evidence,
        summary: count(&all),
        missing: ids_with(&all, &[Finding::Missing, Finding::ExclusionNotAllowed]),
        na_without_reason: ids_with(&all, &[Finding::NoReason]),
        planned: ids_with(&all, &[Finding::Planned]),
        evidence_missing: ids_with(&all, &[Finding::NoEvidence]),
        groups,
        items,
        unknown_ids: csp.unknown,
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Declared, ListedControl};

    fn listed(id: &str, declared: Declared, reason: &str, evidence: &str) -> ListedControl {
        ListedControl {
            declared,
            reason: reason.into(),
            evidence: evidence.into(),
            ..ListedControl::implemented(id, None)
        }
    }

    #[test]
    fn applies_each_rule() {
        let catalog = Catalog::embedded().unwrap();
        let att = Attestation {
            controls: vec![
                listed("3.1.2", Declared::Implemented, "", "GOV-1"),
                listed("3.1.3", Declared::NotApplicable, "not us", ""),
                listed("5.1.1", Declared::Implemented, "", ""),
                listed("6.2.2", Declared::NotApplicable, "no telework", ""),
                listed("6.2.1", Declared::NotApplicable, "", ""),
                listed("7.1.1", Declared::Planned, "", ""),
                listed("9.2.1.1", Declared::Implemented, "", "D-1"),
            ],
            tracks_evidence: true,
            ..Attestation::default()
        };
        let r = analyse(&catalog, &att, Lang::En);
        let item = |id: &str| r.items.iter().find(|i| i.id == id).unwrap();
        assert!(item("3.1.2").findings.is_empty());
        assert_eq!(item("3.1.3").findings, [Finding::ExclusionNotAllowed]);
        assert_eq!(item("5.1.1").findings, [Finding::NoEvidence]);
        assert!(item("6.2.2").findings.is_empty());
        assert_eq!(item("6.2.1").findings, [Finding::NoReason]);
        assert_eq!(item("7.1.1").findings, [Finding::Planned]);
        assert_eq!(item("5.1.2").findings, [Finding::Missing]);
        // an optional detail that is listed is shown, not required
        assert!(!item("9.2.1.1").required);
        assert!(r.missing.contains(&"3.1.3".to_owned()) && r.missing.contains(&"5.1.2".to_owned()));
        assert_eq!(r.na_without_reason, ["6.2.1"]);
        assert_eq!(r.evidence_missing, ["5.1.1"]);
        let s = &r.summary;
        assert_eq!(s.required, 5 + 21 + 121);
        assert_eq!(
            (
                s.implemented,
                s.not_applicable,
                s.na_without_reason,
                s.planned
            ),
            (2, 1, 1, 1)
        );
        assert_eq!(s.missing, s.required - 2 - 1 - 1 - 1);
        assert!(r.has_blockers());
        let g5 = r.groups.iter().find(|g| g.key == "5").unwrap();
        assert_eq!(
            (g5.counts.required, g5.counts.implemented, g5.counts.missing),
            (2, 1, 1)
        );
        assert_eq!(g5.label, "5 Information security policies");
        let keys: Vec<&str> = r.groups.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(keys[..3], ["governance", "management", "5"]);
        assert_eq!(keys.len(), 16);
        assert!(r.notes.iter().any(|n| n.code == "catalog-incomplete"));
    }

    #[test]
    fn a_complete_list_has_no_blockers() {
        let catalog = Catalog::embedded().unwrap();
        let controls = catalog
            .entries()
            .iter()
            .filter(|e| e.is_item())
            .map(|e| listed(&e.id, Declared::Implemented, "", "E"))
            .collect();
        let att = Attestation {
            controls,
            tracks_evidence: true,
            ..Attestation::default()
        };
        let r = analyse(&catalog, &att, Lang::Ja);
        assert!(!r.has_blockers());
        assert_eq!(r.summary.readiness, 1.0);
        assert!(r.evidence_missing.is_empty());
    }
}
