//! The gap report: each check item's references resolved, compared with what the CSP
//! implements, and turned into a status, reasons and additional procedures.
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::analysis::csp::{resolve_attestation, CspControls, CspState, UnknownId};
use crate::analysis::procedures::{Kind, Procedure};
use crate::analysis::status::Status;
use crate::catalog::resolve::parse_nist;
use crate::catalog::{
    Catalog, EditionDecision, IsoEdition, Layer, Level, NoCounterpart, RefKind, Resolution,
    Unresolved,
};
use crate::date::Date;
use crate::lang::Lang;
use crate::model::{
    Assurance, Attestation, CellProblem, CheckItem, CheckList, Extra, Period, Risk,
};

/// Machine-readable reasons behind a status, in a fixed order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// The item names no reference at all.
    NoReference,
    /// A reference did not resolve to the catalog.
    UnresolvedReference,
    /// A reference names an ISO/IEC 27002:2022 control new in that edition: ISMAP has no
    /// counterpart for it.
    NoIsmapCounterpart,
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
    /// A cell of the item (assurance, risk) could not be read.
    InvalidInput,
}

impl Reason {
    /// The kebab-case code, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::NoReference => "no-reference",
            Reason::UnresolvedReference => "unresolved-reference",
            Reason::NoIsmapCounterpart => "no-ismap-counterpart",
            Reason::NotImplemented => "not-implemented",
            Reason::NotApplicable => "not-applicable",
            Reason::DetailInAnnex => "detail-in-annex",
            Reason::UnverifiedDetail => "unverified-detail",
            Reason::NistApproximate => "nist-approximate",
            Reason::AssuranceAboveIsmap => "assurance-above-ismap",
            Reason::InvalidInput => "invalid-input",
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

/// One resolved control as an item's result names it, borrowed from the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ControlRef<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub state: ControlState,
    /// The reference that led here, when it was not the ISMAP id itself (`AC-2`, `A.9.2.1`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unverified: bool,
    /// Reached through a management-system clause (`JIS Q 27001 7.5`): the objective
    /// follows the clause, it is not the clause.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub mapped: bool,
    /// Implemented only through the underlying service: its name (`PaaS → IaaS` in a chain).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inherited_from: Option<&'a str>,
}

/// A control a reference leads to, as evaluated once for all the items naming it: catalog
/// ids and titles are shared (`Arc<str>`), so a large report copies no text per item.
#[derive(Debug, Clone)]
struct EvaluatedControl {
    id: Arc<str>,
    title: Arc<str>,
    state: ControlState,
    via: Option<Arc<str>>,
    unverified: bool,
    mapped: bool,
    inherited_from: Option<Arc<str>>,
    /// The CSP's reason when not applicable (empty when none was given).
    reason: Arc<str>,
}

impl EvaluatedControl {
    fn as_ref(&self) -> ControlRef<'_> {
        ControlRef {
            id: &self.id,
            title: &self.title,
            state: self.state,
            via: self.via.as_deref(),
            unverified: self.unverified,
            mapped: self.mapped,
            inherited_from: self.inherited_from.as_deref(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Exclusion<'a> {
    pub id: &'a str,
    pub reason: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnresolvedRef {
    pub reference: Arc<str>,
    pub why: Unresolved,
    pub suggestions: Vec<String>,
}

/// A reference naming ISO/IEC 27002:2022 controls new in that edition (no ISMAP
/// counterpart), as written, with those controls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CounterpartlessRef {
    pub reference: Arc<str>,
    pub controls: Vec<NoCounterpart>,
}

/// The result for one check item: its own fields (moved in), its status and the reasons
/// for it. What its references come to (controls, gaps, procedures) is derived from their
/// evaluations, shared by every item naming them, when a renderer asks
/// ([`ItemResults::details`]): a large report holds no per-item copy of it.
#[derive(Debug, Clone)]
pub struct ItemResult {
    pub id: String,
    /// Row of the input sheet (or number of the item in YAML/JSON).
    pub row: usize,
    pub title: String,
    pub status: Status,
    pub risk: Option<Risk>,
    pub assurance: Assurance,
    pub references: Vec<String>,
    pub reasons: Vec<Reason>,
    pub note: String,
    pub extra: Extra,
    /// Cells that could not be read: the item is `not-analysed`.
    pub problems: Vec<CellProblem>,
    /// Position in the check list: which references it names in [`ItemResults`].
    position: usize,
}

/// What an item's references come to against the CSP, borrowed from its [`ItemResults`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemDetails<'a> {
    /// Each control once, in the order the references name them.
    pub controls: Vec<ControlRef<'a>>,
    pub implemented: Vec<&'a str>,
    pub missing: Vec<&'a str>,
    pub not_applicable: Vec<Exclusion<'a>>,
    pub annex_only: Vec<&'a str>,
    pub unresolved: Vec<&'a UnresolvedRef>,
    /// References to 2022 controls with no ISMAP counterpart.
    pub no_ismap_counterpart: Vec<&'a CounterpartlessRef>,
    /// How a reference in another numbering led to catalog ids: `A.8.2 (2022) → 9.2.3`,
    /// `JIS Q 27001 7.5 → 4.8.1, 4.8.2`.
    pub chains: Vec<&'a str>,
    /// NIST ids used, each a candidate mapping only.
    pub nist_refs: Vec<&'a str>,
    pub additional_procedures: Vec<Procedure<'a>>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub total: usize,
    pub covered: usize,
    pub partial: usize,
    pub not_covered: usize,
    pub outside_ismap: usize,
    pub assurance_gap: usize,
    /// Items with a cell that could not be read.
    pub not_analysed: usize,
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
                Status::NotAnalysed => s.not_analysed += 1,
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
            Status::NotAnalysed => self.not_analysed,
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
    /// The ISO/IEC 27001/27002 edition its Annex A / 27002 references were read in, and
    /// what decided it.
    pub iso_edition: EditionDecision,
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
    pub items: ItemResults,
    pub objectives: Vec<ObjectiveRow>,
}

/// The items' results, most severe first, with what their details are derived from: each
/// distinct reference's evaluation against the CSP, and which of them each item names.
/// Reads as a slice of [`ItemResult`]; serialised with each item's details in place.
#[derive(Debug, Clone)]
pub struct ItemResults {
    list: Vec<ItemResult>,
    /// `evals[i]` is what `ResolvedRefs::distinct[i]` comes to against the CSP.
    evals: Arc<[RefEval]>,
    refs: Arc<ItemRefs>,
    lang: Lang,
}

impl std::ops::Deref for ItemResults {
    type Target = [ItemResult];
    fn deref(&self) -> &[ItemResult] {
        &self.list
    }
}

impl<'a> IntoIterator for &'a ItemResults {
    type Item = &'a ItemResult;
    type IntoIter = std::slice::Iter<'a, ItemResult>;
    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

impl ItemResults {
    /// What `item` (one of these results) comes to: its controls, each once, in the order
    /// its references name them, the gaps, and the additional procedures.
    pub fn details(&self, item: &ItemResult) -> ItemDetails<'_> {
        let lang = self.lang;
        let mut d = ItemDetails::default();
        for eval in self.evals_of(item) {
            match eval {
                RefEval::Unresolved(u) => d.unresolved.push(u),
                RefEval::NoCounterpart(n) => d.no_ismap_counterpart.push(n),
                RefEval::Resolved {
                    controls,
                    nist,
                    chain,
                    without,
                    ..
                } => {
                    if let Some(n) = nist {
                        d.nist_refs.push(n);
                    }
                    if let Some(c) = chain {
                        d.chains.push(c);
                    }
                    if let Some(w) = without {
                        d.no_ismap_counterpart.push(w);
                    }
                    for c in controls.iter() {
                        if c.state == ControlState::NotApplicable
                            && !d.not_applicable.iter().any(|x| x.id == &*c.id)
                        {
                            d.not_applicable.push(Exclusion {
                                id: &c.id,
                                reason: &c.reason,
                            });
                        }
                        if let Some(existing) = d.controls.iter_mut().find(|x| x.id == &*c.id) {
                            existing.unverified &= c.unverified;
                            continue;
                        }
                        d.controls.push(c.as_ref());
                    }
                }
            }
        }
        let ids_in = |state: ControlState| -> Vec<&str> {
            d.controls
                .iter()
                .filter(|c| c.state == state)
                .map(|c| c.id)
                .collect()
        };
        d.implemented = ids_in(ControlState::Implemented);
        d.missing = ids_in(ControlState::Missing);
        d.annex_only = ids_in(ControlState::AnnexOnly);

        let proc = |kind, subjects| Procedure::new(kind, lang, subjects);
        let procs = &mut d.additional_procedures;
        if !item.problems.is_empty() {
            let cells = item
                .problems
                .iter()
                .map(|p| Cow::Owned(p.describe(lang)))
                .collect();
            procs.push(proc(Kind::FixInput, cells));
        }
        if item.status == Status::OutsideIsmap {
            procs.push(proc(Kind::OwnCheck, Vec::new()));
        }
        if !d.unresolved.is_empty() {
            let refs = d
                .unresolved
                .iter()
                .map(|u| Cow::Borrowed(&*u.reference))
                .collect();
            procs.push(proc(Kind::FixReferences, refs));
        }
        if !d.no_ismap_counterpart.is_empty() {
            let controls: Vec<&NoCounterpart> = d
                .no_ismap_counterpart
                .iter()
                .flat_map(|n| &n.controls)
                .collect();
            let named = controls
                .iter()
                .map(|c| Cow::Owned(format!("{} {}", c.control, c.title)))
                .collect();
            procs.push(proc(Kind::NoCounterpart, named));
            let mut related: Vec<Cow<str>> = Vec::new();
            for id in controls.iter().flat_map(|c| &c.related) {
                if !related.iter().any(|r| r == id) {
                    related.push(Cow::Borrowed(id.as_str()));
                }
            }
            if !related.is_empty() {
                procs.push(proc(Kind::RelatedContext, related));
            }
        }
        if !d.missing.is_empty() {
            procs.push(proc(Kind::Questionnaire, borrowed(&d.missing)));
            procs.push(proc(Kind::AssuranceReport, borrowed(&d.missing)));
        }
        if !d.not_applicable.is_empty() {
            let ids = d
                .not_applicable
                .iter()
                .map(|x| Cow::Borrowed(x.id))
                .collect();
            procs.push(proc(Kind::ExclusionReview, ids));
        }
        if !d.annex_only.is_empty() {
            procs.push(proc(Kind::AnnexRequest, borrowed(&d.annex_only)));
        }
        if !d.nist_refs.is_empty() {
            procs.push(proc(Kind::MappingReview, borrowed(&d.nist_refs)));
        }
        if item.reasons.contains(&Reason::AssuranceAboveIsmap) {
            procs.push(match item.assurance {
                Assurance::Audit => proc(Kind::OwnAudit, Vec::new()),
                _ => proc(Kind::Soc2, Vec::new()),
            });
        }
        d
    }

    /// The evaluations of `item`'s references, in its own order.
    fn evals_of<'a>(&'a self, item: &ItemResult) -> impl Iterator<Item = &'a RefEval> + 'a {
        let refs = self.refs.of_item(item.position);
        refs.iter().filter_map(|&r| self.evals.get(r as usize))
    }
}

/// `ids` as the subjects of a procedure.
fn borrowed<'a>(ids: &[&'a str]) -> Vec<Cow<'a, str>> {
    ids.iter().map(|&id| Cow::Borrowed(id)).collect()
}

/// One item and its details, serialised as one object (JSON, YAML).
struct ItemView<'a> {
    item: &'a ItemResult,
    details: ItemDetails<'a>,
}

impl Serialize for ItemView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (i, d) = (self.item, &self.details);
        let mut st = s.serialize_struct("ItemResult", 21)?;
        st.serialize_field("id", &i.id)?;
        st.serialize_field("row", &i.row)?;
        st.serialize_field("title", &i.title)?;
        st.serialize_field("status", &i.status)?;
        st.serialize_field("risk", &i.risk)?;
        st.serialize_field("assurance", &i.assurance)?;
        st.serialize_field("references", &i.references)?;
        st.serialize_field("controls", &d.controls)?;
        st.serialize_field("implemented", &d.implemented)?;
        st.serialize_field("missing", &d.missing)?;
        st.serialize_field("not_applicable", &d.not_applicable)?;
        st.serialize_field("annex_only", &d.annex_only)?;
        st.serialize_field("unresolved", &d.unresolved)?;
        st.serialize_field("no_ismap_counterpart", &d.no_ismap_counterpart)?;
        st.serialize_field("chains", &d.chains)?;
        st.serialize_field("nist_refs", &d.nist_refs)?;
        st.serialize_field("reasons", &i.reasons)?;
        st.serialize_field("additional_procedures", &d.additional_procedures)?;
        st.serialize_field("note", &i.note)?;
        st.serialize_field("extra", &i.extra)?;
        if i.problems.is_empty() {
            st.skip_field("problems")?;
        } else {
            st.serialize_field("problems", &i.problems)?;
        }
        st.end()
    }
}

impl Serialize for ItemResults {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.list.iter().map(|item| ItemView {
            item,
            details: self.details(item),
        }))
    }
}

/// How long after its end an audit period is considered stale.
pub const AUDIT_PERIOD_MAX_AGE_MONTHS: i32 = 16;

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

fn state_of<'a>(csp: &'a CspControls, id: &str) -> (ControlState, Option<&'a str>) {
    match csp.state(id) {
        Some(CspState::Implemented) => (ControlState::Implemented, None),
        Some(CspState::NotApplicable { reason }) => (ControlState::NotApplicable, Some(reason)),
        Some(CspState::Planned | CspState::NotImplemented) | None => (ControlState::Missing, None),
    }
}

/// The controls one resolved target stands for, each with its state and (when not
/// applicable) the CSP's reason: the objective or detail itself, or every objective under a
/// clause or category. `visit(id, title, state, reason)` is called for each, in order.
fn visit_target<'a>(
    catalog: &'a Catalog,
    csp: &'a CspControls,
    id: &'a str,
    lang: Lang,
    visit: &mut impl FnMut(&'a str, &'a str, ControlState, Option<&'a str>),
) {
    let entry = catalog.get(id);
    match entry.map_or(Level::Detail, |e| e.level) {
        Level::Detail => {
            let parent = catalog.detail_parent(id);
            let title = entry.or(parent).map_or("", |e| e.title(lang));
            let (state, reason) = state_of(csp, id);
            if state != ControlState::Missing {
                return visit(id, title, state, reason);
            }
            match parent.map(|p| state_of(csp, &p.id)) {
                Some((ControlState::Implemented, _)) => {
                    visit(id, title, ControlState::AnnexOnly, None)
                }
                Some((ControlState::NotApplicable, reason)) => {
                    visit(id, title, ControlState::NotApplicable, reason)
                }
                _ => visit(id, title, ControlState::Missing, None),
            }
        }
        Level::Objective => {
            let (state, reason) = state_of(csp, id);
            visit(id, entry.map_or("", |e| e.title(lang)), state, reason)
        }
        // an overview (3.1.1) states no criterion: it stands for the objectives it
        // introduces, those of its category
        Level::Overview => {
            let category = entry.and_then(|e| e.parent.as_deref()).unwrap_or(id);
            for e in catalog.objectives_under(category) {
                let (state, reason) = state_of(csp, &e.id);
                visit(&e.id, e.title(lang), state, reason)
            }
        }
        Level::Clause | Level::Category => {
            for e in catalog.objectives_under(id) {
                let (state, reason) = state_of(csp, &e.id);
                visit(&e.id, e.title(lang), state, reason)
            }
        }
    }
}

/// How one reference stands against a CSP.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefFlags {
    /// It did not resolve.
    Unresolved,
    /// It names only ISO/IEC 27002:2022 controls with no ISMAP counterpart: ISMAP says
    /// nothing of it.
    NoCounterpart,
    /// Every control it names implemented (`all`), any of them implemented or confirmable
    /// in the annex (`some`). A reference that also names a control with no ISMAP
    /// counterpart is never `all`.
    Resolved { all: bool, some: bool },
}

/// [`RefFlags`] of a resolved reference from the states of its controls.
fn flags_of(has_targets: bool, states: impl IntoIterator<Item = ControlState>) -> (bool, bool) {
    let (mut all, mut some, mut any) = (true, false, false);
    for state in states {
        any = true;
        all &= state == ControlState::Implemented;
        some |= matches!(state, ControlState::Implemented | ControlState::AnnexOnly);
    }
    // a heading with nothing under it is no evidence of anything
    (all && has_targets && any, some)
}

/// The status rule, from each reference's [`RefFlags`] and the item: a cell that could not
/// be read → not analysed; nothing resolved → outside ISMAP; every reference fully
/// implemented → covered (or an assurance gap when more than ISMAP's assurance is needed);
/// something implemented → partial; else not covered.
pub fn status_rule(flags: impl IntoIterator<Item = RefFlags>, item: &CheckItem) -> Status {
    if !item.problems.is_empty() {
        return Status::NotAnalysed;
    }
    let (mut resolved_any, mut all, mut some) = (false, true, false);
    for f in flags {
        match f {
            RefFlags::Unresolved | RefFlags::NoCounterpart => all = false,
            RefFlags::Resolved { all: a, some: s } => {
                resolved_any = true;
                all &= a;
                some |= s;
            }
        }
    }
    if !resolved_any {
        Status::OutsideIsmap
    } else if all {
        if item.assurance > Assurance::Ismap {
            Status::AssuranceGap
        } else {
            Status::Covered
        }
    } else if some {
        Status::Partial
    } else {
        Status::NotCovered
    }
}

/// A reference's [`RefFlags`] against one CSP, without building its controls (`compare`).
pub fn ref_flags(catalog: &Catalog, csp: &CspControls, resolution: &Resolution) -> RefFlags {
    let (targets, without) = match resolution {
        Resolution::Unresolved { .. } => return RefFlags::Unresolved,
        Resolution::NoCounterpart { .. } => return RefFlags::NoCounterpart,
        Resolution::Resolved {
            targets,
            without_counterpart,
            ..
        } => (targets, without_counterpart),
    };
    let mut states = Vec::new();
    for t in targets {
        visit_target(catalog, csp, &t.id, Lang::En, &mut |_, _, state, _| {
            states.push(state)
        });
    }
    resolved_flags(!targets.is_empty(), states, !without.is_empty())
}

/// [`RefFlags`] of a resolved reference: [`flags_of`] its controls, never all implemented
/// when it also names controls with no ISMAP counterpart.
fn resolved_flags(
    has_targets: bool,
    states: impl IntoIterator<Item = ControlState>,
    without_counterpart: bool,
) -> RefFlags {
    let (all, some) = flags_of(has_targets, states);
    RefFlags::Resolved {
        all: all && !without_counterpart,
        some,
    }
}

/// Every distinct reference text of a check list resolved once (a large check list repeats
/// a few thousand references many times), and which of them each item names: the part of
/// the analysis that does not depend on the CSP.
#[derive(Debug, Clone, Default)]
pub struct ResolvedRefs {
    /// Distinct reference texts, in order of first use, each with its resolution.
    pub distinct: Vec<(Arc<str>, Resolution)>,
    items: Arc<ItemRefs>,
}

/// Which distinct references each item names: item `i` names
/// `distinct[refs[starts[i]..starts[i + 1]]]`, in its own order.
#[derive(Debug, Clone, Default)]
struct ItemRefs {
    refs: Vec<u32>,
    starts: Vec<usize>,
}

impl ItemRefs {
    fn of_item(&self, i: usize) -> &[u32] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.refs[a..b],
            _ => &[],
        }
    }
}

impl ResolvedRefs {
    /// `edition`: the ISO/IEC 27001/27002 edition the list's references are read in
    /// (`None`: not decided, when nothing depends on it).
    pub fn new(
        catalog: &Catalog,
        items: &[CheckItem],
        edition: Option<IsoEdition>,
    ) -> ResolvedRefs {
        // foldhash: this map is looked up once per reference of every item
        let mut index: foldhash::HashMap<&str, u32> = foldhash::HashMap::default();
        let mut distinct = Vec::new();
        let mut at = ItemRefs::default();
        at.starts.push(0);
        for item in items {
            for r in &item.refs {
                let next = distinct.len() as u32;
                let i = *index.entry(r.as_str()).or_insert_with(|| {
                    distinct.push((Arc::from(r.as_str()), catalog.resolve_in(r, edition)));
                    next
                });
                at.refs.push(i);
            }
            at.starts.push(at.refs.len());
        }
        ResolvedRefs {
            distinct,
            items: Arc::new(at),
        }
    }

    /// Indices into [`Self::distinct`] of item `i`'s references.
    pub fn of_item(&self, i: usize) -> &[u32] {
        self.items.of_item(i)
    }

    /// References in all items that do not resolve, each occurrence counted (the
    /// `unresolved_references` of a summary; the same against every CSP).
    pub fn unresolved_count(&self) -> usize {
        self.items
            .refs
            .iter()
            .filter(|&&r| {
                self.distinct
                    .get(r as usize)
                    .is_some_and(|(_, res)| matches!(res, Resolution::Unresolved { .. }))
            })
            .count()
    }
}

/// Text shared between items: each catalog id, title, reason or provenance allocated once.
#[derive(Default)]
struct Shared<'a>(HashMap<&'a str, Arc<str>>);

impl<'a> Shared<'a> {
    fn get(&mut self, s: &'a str) -> Arc<str> {
        self.0.entry(s).or_insert_with(|| Arc::from(s)).clone()
    }
}

/// What one distinct reference comes to against one CSP, for every item naming it.
#[derive(Debug)]
enum RefEval {
    Unresolved(UnresolvedRef),
    NoCounterpart(CounterpartlessRef),
    Resolved {
        /// Its controls in order (a control may repeat).
        controls: Vec<EvaluatedControl>,
        /// `AC-2(1) → AC-2` for a NIST id.
        nist: Option<Arc<str>>,
        /// `A.8.2 (2022) → 9.2.3` for a reference in another numbering.
        chain: Option<Arc<str>>,
        /// The 2022 controls it also names that have no ISMAP counterpart.
        without: Option<CounterpartlessRef>,
        /// A detail id was accepted through its parent objective.
        unverified: bool,
        flags: RefFlags,
        /// Some control is missing, not applicable, or only in the annex.
        missing: bool,
        excluded: bool,
        annex: bool,
    },
}

fn evaluate_ref<'a>(
    catalog: &'a Catalog,
    csp: &'a CspControls,
    text: &Arc<str>,
    resolution: &'a Resolution,
    shared: &mut Shared<'a>,
    lang: Lang,
) -> RefEval {
    let (kind, targets, matched, edition, without) = match resolution {
        Resolution::Unresolved { why, suggestions } => {
            return RefEval::Unresolved(UnresolvedRef {
                reference: text.clone(),
                why: *why,
                suggestions: suggestions.clone(),
            })
        }
        Resolution::NoCounterpart { controls, .. } => {
            return RefEval::NoCounterpart(CounterpartlessRef {
                reference: text.clone(),
                controls: controls.clone(),
            })
        }
        Resolution::Resolved {
            kind,
            targets,
            matched,
            edition,
            without_counterpart,
        } => (*kind, targets, matched, *edition, without_counterpart),
    };
    let nist = (kind == RefKind::Nist).then(|| {
        // "AC-2(1) → AC-2" when only the base control is in NIST's mapping
        let typed = parse_nist(text).map_or_else(|| text.to_string(), |n| n.0);
        Arc::from(match matched {
            Some(m) if *m != typed => format!("{typed} → {m}"),
            _ => typed,
        })
    });
    // the reference as written, with the edition it was read in when that decided it
    let label: Arc<str> = match edition {
        Some(e) if !text.contains(e.as_str()) => Arc::from(format!("{text} ({e})")),
        _ => text.clone(),
    };
    let via = (kind != RefKind::Ismap || edition.is_some()).then(|| label.clone());
    let chain = matches!(
        kind,
        RefKind::Iso2022 | RefKind::Iso27001Clause | RefKind::Iso27014Clause
    )
    .then(|| {
        let ids: Vec<&str> = targets.iter().map(|t| t.id.as_str()).collect();
        Arc::from(format!("{label} → {}", ids.join(", ")))
    });
    let without = (!without.is_empty()).then(|| CounterpartlessRef {
        reference: text.clone(),
        controls: without.clone(),
    });
    let mut controls = Vec::new();
    for t in targets {
        visit_target(
            catalog,
            csp,
            &t.id,
            lang,
            &mut |id, title, state, reason| {
                controls.push(EvaluatedControl {
                    id: shared.get(id),
                    title: shared.get(title),
                    state,
                    via: via.clone(),
                    unverified: t.unverified,
                    mapped: t.mapped,
                    inherited_from: csp.inherited_from(id).map(|s| shared.get(s)),
                    reason: shared.get(reason.unwrap_or("")),
                })
            },
        );
    }
    let any = |state| controls.iter().any(|c| c.state == state);
    RefEval::Resolved {
        flags: resolved_flags(
            !targets.is_empty(),
            controls.iter().map(|c| c.state),
            without.is_some(),
        ),
        missing: any(ControlState::Missing),
        excluded: any(ControlState::NotApplicable),
        annex: any(ControlState::AnnexOnly),
        controls,
        nist,
        chain,
        without,
        unverified: targets.iter().any(|t| t.unverified),
    }
}

/// One item's status and reasons from its references' evaluations (`evals[i]` for
/// `refs[i]`); `position` is its place in the check list.
fn item_result(item: CheckItem, position: usize, evals: &[&RefEval]) -> ItemResult {
    let (mut nist, mut unverified, mut unresolved) = (false, false, false);
    let (mut missing, mut excluded, mut annex) = (false, false, false);
    let mut counterpart = false;
    let status = status_rule(
        evals.iter().map(|eval| match eval {
            RefEval::Unresolved(_) => {
                unresolved = true;
                RefFlags::Unresolved
            }
            RefEval::NoCounterpart(_) => {
                counterpart = true;
                RefFlags::NoCounterpart
            }
            RefEval::Resolved {
                nist: n,
                unverified: u,
                flags,
                missing: m,
                excluded: x,
                annex: a,
                without: w,
                ..
            } => {
                nist |= n.is_some();
                unverified |= u;
                missing |= m;
                excluded |= x;
                annex |= a;
                counterpart |= w.is_some();
                *flags
            }
        }),
        &item,
    );
    let above_ismap = item.assurance > Assurance::Ismap
        && !matches!(status, Status::OutsideIsmap | Status::NotAnalysed);
    // in the order of `Reason`
    let reasons = [
        (item.refs.is_empty(), Reason::NoReference),
        (unresolved, Reason::UnresolvedReference),
        (counterpart, Reason::NoIsmapCounterpart),
        (missing, Reason::NotImplemented),
        (excluded, Reason::NotApplicable),
        (annex, Reason::DetailInAnnex),
        (unverified, Reason::UnverifiedDetail),
        (nist, Reason::NistApproximate),
        (above_ismap, Reason::AssuranceAboveIsmap),
        (!item.problems.is_empty(), Reason::InvalidInput),
    ]
    .into_iter()
    .filter_map(|(has, reason)| has.then_some(reason))
    .collect();

    ItemResult {
        id: item.id,
        row: item.row,
        title: item.title,
        status,
        risk: item.risk,
        assurance: item.assurance,
        references: item.refs,
        reasons,
        note: item.note,
        extra: item.extra,
        problems: item.problems,
        position,
    }
}

/// Below this many items the analysis runs on one thread.
const PARALLEL_MIN_ITEMS: usize = 20_000;

/// Every item's result against one CSP, in input order, and the evaluations of the
/// distinct references they are derived from (each evaluated once). A large list is split
/// between two threads (the results do not depend on the split: each item is analysed on
/// its own, and the halves are joined in order).
fn item_results(
    catalog: &Catalog,
    csp: &CspControls,
    resolved: &ResolvedRefs,
    items: Vec<CheckItem>,
    lang: Lang,
) -> ItemResults {
    item_results_split(catalog, csp, resolved, items, lang, PARALLEL_MIN_ITEMS)
}

/// [`item_results`], on two threads from `parallel_min` items.
fn item_results_split(
    catalog: &Catalog,
    csp: &CspControls,
    resolved: &ResolvedRefs,
    mut items: Vec<CheckItem>,
    lang: Lang,
    parallel_min: usize,
) -> ItemResults {
    let mut shared = Shared::default();
    let evals: Arc<[RefEval]> = resolved
        .distinct
        .iter()
        .map(|(text, res)| evaluate_ref(catalog, csp, text, res, &mut shared, lang))
        .collect();
    // appends the results of `items`, the first being item number `first`
    let analyse_range = |first: usize, items: Vec<CheckItem>, out: &mut Vec<ItemResult>| {
        let mut of_item: Vec<&RefEval> = Vec::new();
        out.extend(items.into_iter().enumerate().map(|(i, item)| {
            of_item.clear();
            of_item.extend(
                resolved
                    .of_item(first + i)
                    .iter()
                    .filter_map(|&r| evals.get(r as usize)),
            );
            item_result(item, first + i, &of_item)
        }));
    };
    // one allocation for all results: joining the halves moves the second one in, without
    // growing the vector
    let mut list = Vec::with_capacity(items.len());
    if items.len() < parallel_min.max(2) {
        analyse_range(0, items, &mut list);
    } else {
        let half = items.len() / 2;
        let second = items.split_off(half);
        std::thread::scope(|s| {
            let later = s.spawn(|| {
                let mut rest = Vec::with_capacity(second.len());
                analyse_range(half, second, &mut rest);
                rest
            });
            analyse_range(0, items, &mut list);
            match later.join() {
                Ok(rest) => list.extend(rest),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        });
    }
    ItemResults {
        list,
        evals,
        refs: resolved.items.clone(),
        lang,
    }
}

/// The report's warnings; `unresolved` is the summary's count of references that did not
/// resolve.
fn warnings(
    att: &Attestation,
    csp: &CspControls,
    items: &[ItemResult],
    unresolved: usize,
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
    let not_analysed: Vec<&str> = items
        .iter()
        .filter(|i| i.status == Status::NotAnalysed)
        .map(|i| i.id.as_str())
        .collect();
    if !not_analysed.is_empty() {
        const SHOWN: usize = 10;
        let mut ids = not_analysed[..not_analysed.len().min(SHOWN)].join(", ");
        if not_analysed.len() > SHOWN {
            ids.push_str(", …");
        }
        out.push(Warning {
            code: "items-not-analysed",
            message: match lang {
                Lang::Ja => format!(
                    "読めない値のため判定できない確認項目が{}件あります: {ids}",
                    not_analysed.len()
                ),
                Lang::En => format!(
                    "{} check item(s) have a value that could not be read and were not analysed: {ids}",
                    not_analysed.len()
                ),
            },
        });
    }
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

/// The gap report for a check list and one CSP. The list's items are moved into the
/// report.
pub fn analyse(
    catalog: &Catalog,
    checks: CheckList,
    att: &Attestation,
    as_of: Date,
    lang: Lang,
) -> GapReport {
    let resolved = ResolvedRefs::new(catalog, &checks.items, checks.iso_edition.edition);
    analyse_resolved(catalog, &resolved, checks, att, as_of, lang)
}

/// [`analyse`] with the references already resolved (`resolved` is of `checks.items`):
/// `compare` resolves once for all CSPs.
pub fn analyse_resolved(
    catalog: &Catalog,
    resolved: &ResolvedRefs,
    checks: CheckList,
    att: &Attestation,
    as_of: Date,
    lang: Lang,
) -> GapReport {
    let csp = resolve_attestation(catalog, att);
    let checks_info = ChecksInfo {
        source: file_name(&checks.source),
        sheet: checks.sheet,
        extra_columns: checks.extra_columns,
        iso_edition: checks.iso_edition,
    };
    let mut items = item_results(catalog, &csp, resolved, checks.items, lang);
    // most severe first, then highest risk (none last), then input order: the sort is
    // stable, and moves each result once
    items
        .list
        .sort_by_cached_key(|i| (std::cmp::Reverse(i.status), i.risk.map_or(3, |r| r as u8)));

    let mut summary = Summary::tally(items.iter().map(|i| i.status));
    summary.unresolved_references = resolved.unresolved_count();

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
                reason: reason.map(str::to_owned),
                inherited_from: csp.inherited_from(&e.id).map(str::to_owned),
            }
        })
        .collect();

    GapReport {
        schema_version: 3,
        lang,
        as_of,
        warnings: warnings(
            att,
            &csp,
            &items,
            summary.unresolved_references,
            as_of,
            lang,
        ),
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
        checks: checks_info,
        items,
        objectives,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Declared, ListedControl};

    fn item(row: usize, refs: &[&str], assurance: Assurance) -> CheckItem {
        CheckItem {
            row,
            id: format!("C-{row}"),
            title: format!("item {row}"),
            refs: refs.iter().map(|r| r.to_string()).collect(),
            assurance,
            risk: None,
            note: String::new(),
            extra: Extra::default(),
            problems: Vec::new(),
        }
    }

    /// A CSP list implementing `implemented`, with `excluded` declared not applicable.
    fn attestation(implemented: &[&str], excluded: &str) -> Attestation {
        let mut att = Attestation::default();
        for id in implemented {
            att.controls.push(ListedControl::implemented(*id, None));
        }
        let mut na = ListedControl::implemented(excluded, None);
        na.declared = Declared::NotApplicable;
        att.controls.push(na);
        att
    }

    #[test]
    fn two_threads_give_the_results_of_one() {
        let catalog = Catalog::embedded().unwrap();
        let att = attestation(&["9.2.1", "9.4.1", "12.4.1"], "8.1.5.P");
        let csp = resolve_attestation(&catalog, &att);
        let refs: [&[&str]; 6] = [
            &["9.2.1", "9.2.2"],
            &["A.9.4.1"],
            &[],
            &["AC-2", "99.1"],
            &["8.1.5P", "12.4"],
            &["9.2.1.3"],
        ];
        let items: Vec<CheckItem> = (0..101)
            .map(|i| item(i + 2, refs[i % refs.len()], Assurance::Ismap))
            .collect();
        let resolved = ResolvedRefs::new(&catalog, &items, None);
        let one = item_results_split(
            &catalog,
            &csp,
            &resolved,
            items.clone(),
            Lang::Ja,
            usize::MAX,
        );
        let two = item_results_split(&catalog, &csp, &resolved, items, Lang::Ja, 2);
        assert_eq!(one.len(), 101);
        assert_eq!(
            serde_json::to_value(&one).unwrap(),
            serde_json::to_value(&two).unwrap()
        );
        // the statuses differ between items, so the comparison says something
        assert!(one.iter().any(|r| r.status == Status::Covered));
        assert!(one.iter().any(|r| r.status == Status::OutsideIsmap));
    }

    /// The reasons are worked out when analysing, the details when rendering: both from the
    /// same evaluations, so each reason is there exactly when its details are.
    #[test]
    fn reasons_agree_with_the_details() {
        let catalog = Catalog::embedded().unwrap();
        let att = attestation(&["9.2.1", "12.4.1", "8.1.5"], "9.4.1");
        let refs: [&[&str]; 10] = [
            &["9.2.1", "9.2.2"],
            &["A.9.4.1", "9.4.1"],
            &[],
            &["AC-2", "99.1"],
            &["8.1.5.P", "12.4"],
            &["9.2.1.3", "9.2.1"],
            &["9.2.1"],
            &["CLD.99.1.1", "12.4.1"],
            &["A.5.23"],
            &["A.5.22～A.5.24", "9.2.1"],
        ];
        let items: Vec<CheckItem> = (0..refs.len())
            .map(|i| item(i + 2, refs[i], Assurance::Ismap))
            .collect();
        let checks = CheckList {
            items,
            ..CheckList::default()
        };
        let date = Date::parse("2026-04-01").unwrap();
        let report = analyse(&catalog, checks, &att, date, Lang::En);
        let mut seen = std::collections::BTreeSet::new();
        for item in &report.items {
            let d = report.items.details(item);
            let has = |r| item.reasons.contains(&r);
            assert_eq!(has(Reason::UnresolvedReference), !d.unresolved.is_empty());
            assert_eq!(
                has(Reason::NoIsmapCounterpart),
                !d.no_ismap_counterpart.is_empty()
            );
            assert_eq!(has(Reason::NotImplemented), !d.missing.is_empty());
            assert_eq!(has(Reason::NotApplicable), !d.not_applicable.is_empty());
            assert_eq!(has(Reason::DetailInAnnex), !d.annex_only.is_empty());
            assert_eq!(has(Reason::NistApproximate), !d.nist_refs.is_empty());
            assert_eq!(
                has(Reason::UnverifiedDetail),
                d.controls.iter().any(|c| c.unverified),
                "{}",
                item.id
            );
            // a control named twice is listed once
            let mut ids: Vec<&str> = d.controls.iter().map(|c| c.id).collect();
            let all = ids.len();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), all, "{}", item.id);
            seen.extend(item.reasons.iter().copied());
        }
        // the fixture reaches every reason the details speak to (all but the item's own)
        for r in REASONS {
            let own = matches!(r, Reason::AssuranceAboveIsmap | Reason::InvalidInput);
            assert!(own || seen.contains(&r), "{r:?}");
        }
    }

    /// The overview 3.1.1 stands for the governance objectives it introduces: covered
    /// only when all five are implemented; a heading with nothing under it covers nothing.
    #[test]
    fn the_overview_stands_for_its_objectives() {
        let catalog = Catalog::embedded().unwrap();
        let all = ["3.1.2", "3.1.3", "3.1.4", "3.1.5", "3.1.6"];
        let date = Date::parse("2026-04-01").unwrap();
        let status = |implemented: &[&str]| {
            let checks = CheckList {
                items: vec![item(2, &["3.1.1"], Assurance::Ismap)],
                ..CheckList::default()
            };
            let att = attestation(implemented, "6.2.2");
            let report = analyse(&catalog, checks, &att, date, Lang::En);
            let d = report.items.details(&report.items[0]);
            (report.items[0].status, d.controls.len())
        };
        assert_eq!(status(&all), (Status::Covered, 5));
        assert_eq!(status(&all[..4]), (Status::Partial, 5));
        assert_eq!(flags_of(true, []), (false, false));
    }

    /// Every reason, in order.
    const REASONS: [Reason; 10] = [
        Reason::NoReference,
        Reason::UnresolvedReference,
        Reason::NoIsmapCounterpart,
        Reason::NotImplemented,
        Reason::NotApplicable,
        Reason::DetailInAnnex,
        Reason::UnverifiedDetail,
        Reason::NistApproximate,
        Reason::AssuranceAboveIsmap,
        Reason::InvalidInput,
    ];

    #[test]
    fn reason_codes_are_their_serialised_names() {
        for r in REASONS {
            assert_eq!(serde_json::to_value(r).unwrap(), r.as_str());
        }
    }
}
