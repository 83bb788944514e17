//! The gap report: each check item's references resolved, compared with what the CSP
//! implements, and turned into a status, reasons and additional procedures.
use std::path::Path;

use serde::Serialize;

use crate::analysis::csp::{resolve_attestation, CspControls, CspState, UnknownId};
use crate::analysis::procedures::{self, Procedure};
use crate::analysis::status::Status;
use crate::catalog::resolve::parse_nist;
use crate::catalog::{Catalog, Layer, Level, RefKind, Resolution, Unresolved};
use crate::date::Date;
use crate::lang::Lang;
use crate::model::{Assurance, Attestation, CheckItem, CheckList, Extra, Period, Risk};

/// Machine-readable reasons behind a status, in a fixed order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// The item names no reference at all.
    NoReference,
    /// A reference did not resolve to the catalog.
    UnresolvedReference,
    /// A resolved objective is not in the CSP's list.
    NotImplemented,
    /// The CSP declares a resolved objective not applicable.
    NotApplicable,
    /// A detailed control is confirmable only in the non-public annex.
    DetailInAnnex,
    /// A detail id was accepted through its parent objective; its existence is unverified.
    UnverifiedDetail,
    /// A NIST SP 800-53 id was mapped through NIST's approximate table.
    NistApproximate,
    /// The item needs more assurance than ISMAP's agreed procedures give.
    AssuranceAboveIsmap,
}

impl Reason {
    /// The kebab-case code, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::NoReference => "no-reference",
            Reason::UnresolvedReference => "unresolved-reference",
            Reason::NotImplemented => "not-implemented",
            Reason::NotApplicable => "not-applicable",
            Reason::DetailInAnnex => "detail-in-annex",
            Reason::UnverifiedDetail => "unverified-detail",
            Reason::NistApproximate => "nist-approximate",
            Reason::AssuranceAboveIsmap => "assurance-above-ismap",
        }
    }
}

/// How one resolved control stands with the CSP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ControlState {
    Implemented,
    NotApplicable,
    /// Only the parent objective is listed; the detail is in the non-public annex.
    AnnexOnly,
    Missing,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ControlRef {
    pub id: String,
    pub title: String,
    pub state: ControlState,
    /// The reference that led here, when it was not the ISMAP id itself (`AC-2`, `A.9.2.1`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unverified: bool,
    /// Implemented only through the underlying service: its name (`PaaS → IaaS` in a chain).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inherited_from: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exclusion {
    pub id: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnresolvedRef {
    pub reference: String,
    pub why: Unresolved,
    pub suggestions: Vec<String>,
}

/// The result for one check item.
#[derive(Debug, Clone, Serialize)]
pub struct ItemResult {
    pub id: String,
    /// Row of the input sheet (or number of the item in YAML/JSON).
    pub row: usize,
    pub title: String,
    pub status: Status,
    pub risk: Option<Risk>,
    pub assurance: Assurance,
    pub references: Vec<String>,
    pub controls: Vec<ControlRef>,
    pub implemented: Vec<String>,
    pub missing: Vec<String>,
    pub not_applicable: Vec<Exclusion>,
    pub annex_only: Vec<String>,
    pub unresolved: Vec<UnresolvedRef>,
    /// NIST ids used, each a candidate mapping only.
    pub nist_refs: Vec<String>,
    pub reasons: Vec<Reason>,
    pub additional_procedures: Vec<Procedure>,
    pub note: String,
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub total: usize,
    pub covered: usize,
    pub partial: usize,
    pub not_covered: usize,
    pub outside_ismap: usize,
    pub assurance_gap: usize,
    /// covered / total, 0..1, four decimals.
    pub covered_share: f64,
    pub unresolved_references: usize,
}

impl Summary {
    /// Counts statuses and the share covered (four decimals).
    pub fn tally(statuses: impl IntoIterator<Item = Status>) -> Summary {
        let mut s = Summary::default();
        for status in statuses {
            s.total += 1;
            match status {
                Status::Covered => s.covered += 1,
                Status::AssuranceGap => s.assurance_gap += 1,
                Status::Partial => s.partial += 1,
                Status::NotCovered => s.not_covered += 1,
                Status::OutsideIsmap => s.outside_ismap += 1,
            }
        }
        if s.total > 0 {
            s.covered_share = (s.covered as f64 / s.total as f64 * 10_000.0).round() / 10_000.0;
        }
        s
    }

    pub fn count(&self, status: Status) -> usize {
        match status {
            Status::Covered => self.covered,
            Status::AssuranceGap => self.assurance_gap,
            Status::Partial => self.partial,
            Status::NotCovered => self.not_covered,
            Status::OutsideIsmap => self.outside_ismap,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CatalogInfo {
    pub name: String,
    pub version: String,
    pub origin: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CspInfo {
    pub name: String,
    pub source: String,
    pub registration_number: Option<String>,
    pub registered: Option<Date>,
    pub renewal_deadline: Option<Date>,
    pub audit_period: Option<Period>,
    pub scope: Vec<String>,
    /// The service this one runs on (profile `inherits:`), if any.
    pub inherits: Option<String>,
    pub implemented: usize,
    /// Of `implemented`, how many only through the underlying service.
    pub inherited: usize,
    pub not_applicable: usize,
    pub unknown_ids: Vec<UnknownId>,
    pub ignored_tokens: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChecksInfo {
    pub source: String,
    pub sheet: Option<String>,
    pub extra_columns: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub code: &'static str,
    pub message: String,
}

/// Every catalog item and whether the CSP implements it.
#[derive(Debug, Clone, Serialize)]
pub struct ObjectiveRow {
    pub id: String,
    pub layer: Layer,
    pub title: String,
    pub state: ControlState,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inherited_from: Option<String>,
}

/// The whole gap report: the one model every renderer reads.
#[derive(Debug, Clone, Serialize)]
pub struct GapReport {
    pub schema_version: u32,
    pub lang: Lang,
    pub as_of: Date,
    pub summary: Summary,
    pub catalog: CatalogInfo,
    pub csp: CspInfo,
    pub checks: ChecksInfo,
    pub warnings: Vec<Warning>,
    pub items: Vec<ItemResult>,
    pub objectives: Vec<ObjectiveRow>,
}

/// How long after its end an audit period is considered stale.
pub const AUDIT_PERIOD_MAX_AGE_MONTHS: i32 = 16;

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

fn state_of(csp: &CspControls, id: &str) -> (ControlState, Option<String>) {
    match csp.state(id) {
        Some(CspState::Implemented) => (ControlState::Implemented, None),
        Some(CspState::NotApplicable { reason }) => {
            (ControlState::NotApplicable, Some(reason.clone()))
        }
        Some(CspState::Planned | CspState::NotImplemented) | None => (ControlState::Missing, None),
    }
}

/// The state of one resolved target: an objective, a detail, or a heading (expanded).
fn evaluate_target(
    catalog: &Catalog,
    csp: &CspControls,
    id: &str,
    unverified: bool,
    lang: Lang,
) -> Vec<(ControlRef, Option<String>)> {
    let entry = catalog.get(id);
    let level = entry.map(|e| e.level).unwrap_or(Level::Detail);
    let make = |eid: &str, title: &str, state, reason| {
        (
            ControlRef {
                id: eid.to_owned(),
                title: title.to_owned(),
                state,
                via: None,
                unverified,
                inherited_from: csp.inherited_from(eid).map(str::to_owned),
            },
            reason,
        )
    };
    match level {
        Level::Detail => {
            let parent = catalog.detail_parent(id);
            let title = entry.or(parent).map(|e| e.title(lang)).unwrap_or("");
            let (state, reason) = state_of(csp, id);
            if state != ControlState::Missing {
                return vec![make(id, title, state, reason)];
            }
            match parent.map(|p| state_of(csp, &p.id)) {
                Some((ControlState::Implemented, _)) => {
                    vec![make(id, title, ControlState::AnnexOnly, None)]
                }
                Some((ControlState::NotApplicable, reason)) => {
                    vec![make(id, title, ControlState::NotApplicable, reason)]
                }
                _ => vec![make(id, title, ControlState::Missing, None)],
            }
        }
        Level::Objective => {
            let (state, reason) = state_of(csp, id);
            let title = entry.map(|e| e.title(lang)).unwrap_or("");
            vec![make(id, title, state, reason)]
        }
        Level::Clause | Level::Category => catalog
            .objectives_under(id)
            .into_iter()
            .map(|e| {
                let (state, reason) = state_of(csp, &e.id);
                make(&e.id, e.title(lang), state, reason)
            })
            .collect(),
    }
}

/// Analyses one check item against the CSP's controls.
pub fn analyse_item(
    catalog: &Catalog,
    csp: &CspControls,
    item: &CheckItem,
    lang: Lang,
) -> ItemResult {
    analyse_resolved(catalog, csp, item, &resolve_refs(catalog, item), lang)
}

/// The item's references through the one resolver, in order: they do not depend on the
/// CSP, so a comparison resolves them once for all CSPs.
pub fn resolve_refs(catalog: &Catalog, item: &CheckItem) -> Vec<Resolution> {
    item.refs.iter().map(|r| catalog.resolve(r)).collect()
}

/// Every item's references, each distinct text resolved once (a large check list repeats
/// a few thousand references many times).
pub fn resolve_all(catalog: &Catalog, items: &[CheckItem]) -> Vec<Vec<Resolution>> {
    let mut memo: std::collections::HashMap<&str, Resolution> = std::collections::HashMap::new();
    items
        .iter()
        .map(|item| {
            item.refs
                .iter()
                .map(|r| {
                    memo.entry(r.as_str())
                        .or_insert_with(|| catalog.resolve(r))
                        .clone()
                })
                .collect()
        })
        .collect()
}

/// [`analyse_item`] with the references already resolved (`resolutions[i]` is
/// `item.refs[i]`'s).
pub fn analyse_resolved(
    catalog: &Catalog,
    csp: &CspControls,
    item: &CheckItem,
    resolutions: &[Resolution],
    lang: Lang,
) -> ItemResult {
    let mut controls: Vec<ControlRef> = Vec::new();
    let mut exclusions: Vec<Exclusion> = Vec::new();
    let mut unresolved: Vec<UnresolvedRef> = Vec::new();
    let mut nist_refs: Vec<String> = Vec::new();
    let mut reasons: Vec<Reason> = Vec::new();
    // per reference: (all implemented, anything implemented or annex-only)
    let mut ref_states: Vec<(bool, bool)> = Vec::new();

    for (reference, resolution) in item.refs.iter().zip(resolutions) {
        match resolution {
            Resolution::Unresolved { why, suggestions } => {
                unresolved.push(UnresolvedRef {
                    reference: reference.clone(),
                    why: *why,
                    suggestions: suggestions.clone(),
                });
                ref_states.push((false, false));
            }
            Resolution::Resolved {
                kind,
                targets,
                matched,
            } => {
                let kind = *kind;
                if kind == RefKind::Nist {
                    // "AC-2(1) → AC-2" when only the base control is in NIST's mapping
                    let typed = parse_nist(reference).map_or_else(|| reference.clone(), |n| n.0);
                    nist_refs.push(match matched {
                        Some(m) if *m != typed => format!("{typed} → {m}"),
                        _ => typed,
                    });
                    reasons.push(Reason::NistApproximate);
                }
                let via = (kind != RefKind::Ismap).then(|| reference.clone());
                let mut all = true;
                let mut some = false;
                for t in targets {
                    if t.unverified {
                        reasons.push(Reason::UnverifiedDetail);
                    }
                    for (mut c, reason) in evaluate_target(catalog, csp, &t.id, t.unverified, lang)
                    {
                        all &= c.state == ControlState::Implemented;
                        some |=
                            matches!(c.state, ControlState::Implemented | ControlState::AnnexOnly);
                        if c.state == ControlState::NotApplicable
                            && !exclusions.iter().any(|x| x.id == c.id)
                        {
                            exclusions.push(Exclusion {
                                id: c.id.clone(),
                                reason: reason.unwrap_or_default(),
                            });
                        }
                        if let Some(existing) = controls.iter_mut().find(|x| x.id == c.id) {
                            existing.unverified &= c.unverified;
                            continue;
                        }
                        c.via = via.clone();
                        controls.push(c);
                    }
                }
                ref_states.push((all && !targets.is_empty(), some));
            }
        }
    }

    let ids_in = |state: ControlState| -> Vec<String> {
        controls
            .iter()
            .filter(|c| c.state == state)
            .map(|c| c.id.clone())
            .collect()
    };
    let implemented = ids_in(ControlState::Implemented);
    let missing = ids_in(ControlState::Missing);
    let annex_only = ids_in(ControlState::AnnexOnly);

    let resolved_any = ref_states.len() > unresolved.len();
    let status = if !resolved_any {
        Status::OutsideIsmap
    } else if ref_states.iter().all(|(all, _)| *all) {
        if item.assurance > Assurance::Ismap {
            Status::AssuranceGap
        } else {
            Status::Covered
        }
    } else if ref_states.iter().any(|(_, some)| *some) {
        Status::Partial
    } else {
        Status::NotCovered
    };

    if item.refs.is_empty() {
        reasons.push(Reason::NoReference);
    }
    if !unresolved.is_empty() {
        reasons.push(Reason::UnresolvedReference);
    }
    if !missing.is_empty() {
        reasons.push(Reason::NotImplemented);
    }
    if !exclusions.is_empty() {
        reasons.push(Reason::NotApplicable);
    }
    if !annex_only.is_empty() {
        reasons.push(Reason::DetailInAnnex);
    }
    if item.assurance > Assurance::Ismap && status != Status::OutsideIsmap {
        reasons.push(Reason::AssuranceAboveIsmap);
    }
    reasons.sort();
    reasons.dedup();

    let mut procs: Vec<Procedure> = Vec::new();
    if status == Status::OutsideIsmap {
        procs.push(procedures::own_check(lang));
    }
    if !unresolved.is_empty() {
        let refs: Vec<String> = unresolved.iter().map(|u| u.reference.clone()).collect();
        procs.push(procedures::fix_references(lang, &refs));
    }
    if !missing.is_empty() {
        procs.extend(procedures::confirm_missing(lang, &missing));
    }
    if !exclusions.is_empty() {
        let ids: Vec<String> = exclusions.iter().map(|x| x.id.clone()).collect();
        procs.push(procedures::review_exclusion(lang, &ids));
    }
    if !annex_only.is_empty() {
        procs.push(procedures::request_annex(lang, &annex_only));
    }
    if !nist_refs.is_empty() {
        procs.push(procedures::review_mapping(lang, &nist_refs));
    }
    if reasons.contains(&Reason::AssuranceAboveIsmap) {
        procs.push(match item.assurance {
            Assurance::Audit => procedures::own_audit(lang),
            _ => procedures::soc2(lang),
        });
    }

    ItemResult {
        id: item.id.clone(),
        row: item.row,
        title: item.title.clone(),
        status,
        risk: item.risk,
        assurance: item.assurance,
        references: item.refs.clone(),
        controls,
        implemented,
        missing,
        not_applicable: exclusions,
        annex_only,
        unresolved,
        nist_refs,
        reasons,
        additional_procedures: procs,
        note: item.note.clone(),
        extra: item.extra.clone(),
    }
}

fn warnings(
    att: &Attestation,
    csp: &CspControls,
    items: &[ItemResult],
    as_of: Date,
    lang: Lang,
) -> Vec<Warning> {
    let mut out = Vec::new();
    if let Some(deadline) = att.renewal_deadline {
        if deadline < as_of {
            out.push(Warning {
                code: "registration-lapsed",
                message: match lang {
                    Lang::Ja => format!("登録の更新期限 {deadline} が基準日 {as_of} より前です: 登録が失効していないかISMAPクラウドサービスリストで確認してください"),
                    Lang::En => format!("The registration renewal deadline {deadline} is before {as_of}: check the ISMAP cloud service list for a lapsed registration"),
                },
            });
        }
    }
    if let Some(period) = att.audit_period {
        if period.to.add_months(AUDIT_PERIOD_MAX_AGE_MONTHS) < as_of {
            out.push(Warning {
                code: "audit-period-old",
                message: match lang {
                    Lang::Ja => format!("監査対象期間の終了日 {} から{AUDIT_PERIOD_MAX_AGE_MONTHS}か月以上経過しています: 最新の監査結果を確認してください", period.to),
                    Lang::En => format!("The audit period ended {}, over {AUDIT_PERIOD_MAX_AGE_MONTHS} months before {as_of}: ask for the latest audit results", period.to),
                },
            });
        }
    }
    if !csp.unknown.is_empty() {
        let ids: Vec<&str> = csp.unknown.iter().map(|u| u.id.as_str()).collect();
        out.push(Warning {
            code: "csp-unknown-ids",
            message: match lang {
                Lang::Ja => format!(
                    "CSPの一覧にカタログにないIDがあります({}件): {}",
                    ids.len(),
                    ids.join(", ")
                ),
                Lang::En => format!(
                    "The CSP list has {} id(s) not in the catalog: {}",
                    ids.len(),
                    ids.join(", ")
                ),
            },
        });
    }
    let unresolved: usize = items.iter().map(|i| i.unresolved.len()).sum();
    if unresolved > 0 {
        out.push(Warning {
            code: "unresolved-references",
            message: match lang {
                Lang::Ja => {
                    format!("解決できない参照が{unresolved}件あります(未実施として扱いました)")
                }
                Lang::En => format!(
                    "{unresolved} reference(s) did not resolve (counted as not implemented)"
                ),
            },
        });
    }
    out
}

/// The gap report for a check list and one CSP.
pub fn analyse(
    catalog: &Catalog,
    checks: &CheckList,
    att: &Attestation,
    as_of: Date,
    lang: Lang,
) -> GapReport {
    let csp = resolve_attestation(catalog, att);
    let mut items: Vec<ItemResult> = checks
        .items
        .iter()
        .zip(resolve_all(catalog, &checks.items))
        .map(|(item, refs)| analyse_resolved(catalog, &csp, item, &refs, lang))
        .collect();
    // most severe first, then highest risk (none last), then input order (stable sort)
    items.sort_by_key(|i| (std::cmp::Reverse(i.status), i.risk.map_or(3, |r| r as u8)));

    let mut summary = Summary::tally(items.iter().map(|i| i.status));
    summary.unresolved_references = items.iter().map(|i| i.unresolved.len()).sum();

    let objectives = catalog
        .entries()
        .iter()
        .filter(|e| e.is_item())
        .map(|e| {
            let (state, reason) = state_of(&csp, &e.id);
            ObjectiveRow {
                id: e.id.clone(),
                layer: e.layer,
                title: e.title(lang).to_owned(),
                state,
                reason,
                inherited_from: csp.inherited_from(&e.id).map(str::to_owned),
            }
        })
        .collect();

    GapReport {
        schema_version: 1,
        lang,
        as_of,
        warnings: warnings(att, &csp, &items, as_of, lang),
        summary,
        catalog: CatalogInfo {
            name: catalog.name.clone(),
            version: catalog.version.clone(),
            origin: catalog.origin.clone(),
        },
        csp: CspInfo {
            name: att.display_name(),
            source: file_name(&att.source),
            registration_number: att.registration_number.clone(),
            registered: att.registered,
            renewal_deadline: att.renewal_deadline,
            audit_period: att.audit_period,
            scope: att.scope.clone(),
            inherits: att
                .underlying
                .as_ref()
                .map(|u| u.attestation.display_name()),
            implemented: csp.implemented_count(),
            inherited: csp.inherited.len(),
            not_applicable: csp.not_applicable_count(),
            unknown_ids: csp.unknown.clone(),
            ignored_tokens: att.ignored_tokens,
        },
        checks: ChecksInfo {
            source: file_name(&checks.source),
            sheet: checks.sheet.clone(),
            extra_columns: checks.extra_columns.clone(),
        },
        items,
        objectives,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_codes_are_their_serialised_names() {
        for r in [
            Reason::NoReference,
            Reason::UnresolvedReference,
            Reason::NotImplemented,
            Reason::NotApplicable,
            Reason::DetailInAnnex,
            Reason::UnverifiedDetail,
            Reason::NistApproximate,
            Reason::AssuranceAboveIsmap,
        ] {
            assert_eq!(serde_json::to_value(r).unwrap(), r.as_str());
        }
    }
}
