//! CSP readiness before an internal audit: every catalog item against ISMAP's selection
//! rules (2.2.4 of the criteria): every governance and management objective and item
//! implemented (neither excluded nor inherited); every control objective implemented or
//! excluded with a reason; the basic-requirement (B/PB) detailed controls the list states
//! (and, in a list stating details, those it omits of objectives it states implemented)
//! implemented unless their objective is excluded with a reason; evidence for what is
//! implemented; objectives inherited from a service whose registration is in effect on the
//! date.
use std::collections::HashMap;

use serde::Serialize;

use crate::analysis::csp::{
    resolve_attestation, CspControls, CspState, HeldBack, UnknownId, Validity,
};
use crate::analysis::gap::{CatalogInfo, Warning};
use crate::analysis::registration::Registry;
use crate::catalog::id::IsmapId;
use crate::catalog::{Catalog, Entry, Flags, Layer, Level};
use crate::date::Date;
use crate::lang::Lang;
use crate::model::{Attestation, NotAReason, ReasonJudgement};
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
    /// Mandatory, stated not implemented (or, for an objective stated implemented, items
    /// that are not).
    Missing,
    /// Mandatory and not named by the list at all (記載なし): as much a gap as
    /// [`Finding::Missing`], counted with it, but never called 未実施.
    NotListed,
    /// A governance/management item or a basic-requirement detail declared not applicable:
    /// these cannot be excluded.
    ExclusionNotAllowed,
    /// An objective excluded without a reason.
    NoReason,
    /// Declared planned: not implemented yet.
    Planned,
    /// Implemented, but no evidence is named.
    NoEvidence,
    /// Implemented only through an underlying service whose registration is not in effect
    /// on the date (lapsed, registered after it, or audited over a period ending after it):
    /// nothing to show the auditor for it.
    UnderlyingNotInEffect,
    /// Implemented only through an underlying service whose registration the input does
    /// not confirm: its kind (ISMAP or ISMAP-LIU) not stated (a profile with no registration
    /// at all), or an ISMAP-LIU registration (an external audit narrower than ISMAP's).
    /// Counted with [`Finding::UnderlyingNotInEffect`]: nothing the auditor can rely on
    /// until it is confirmed (review 19 A-2: counted implemented, 100 %, silent).
    UnderlyingNotConfirmed,
    /// Implemented only through an underlying service whose statement's scope leaves out
    /// part of this service's scope (a region it does not name, a part it excludes, or no
    /// scope stated: [`crate::analysis::csp::Service::beyond_scope`]): not stated for that
    /// part, so not counted implemented (review 19 A-1). One underlying finding per item:
    /// after [`Finding::UnderlyingNotInEffect`] and [`Finding::UnderlyingNotConfirmed`].
    UnderlyingOutsideScope,
}

impl Finding {
    pub const ALL: [Finding; 9] = [
        Finding::Missing,
        Finding::NotListed,
        Finding::ExclusionNotAllowed,
        Finding::NoReason,
        Finding::Planned,
        Finding::NoEvidence,
        Finding::UnderlyingNotInEffect,
        Finding::UnderlyingNotConfirmed,
        Finding::UnderlyingOutsideScope,
    ];

    /// Whether the finding keeps a required item from counting as implemented (or
    /// validly excluded): every finding but missing evidence, which is counted beside.
    pub fn blocks(self) -> bool {
        self != Finding::NoEvidence
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Finding::Missing => lang.pick("未実施(必須)", "missing (mandatory)"),
            Finding::NotListed => lang.pick("記載なし(必須)", "not listed (mandatory)"),
            Finding::ExclusionNotAllowed => lang.pick("除外不可", "cannot be excluded"),
            Finding::NoReason => lang.pick("非該当の理由なし", "excluded without a reason"),
            Finding::Planned => lang.pick("計画中", "planned"),
            Finding::NoEvidence => lang.pick("証跡なし", "no evidence"),
            Finding::UnderlyingNotInEffect => lang.pick(
                "継承元の登録が無効",
                "underlying registration not in effect",
            ),
            Finding::UnderlyingNotConfirmed => lang.pick(
                "継承元の登録を確認できない",
                "underlying registration not confirmed",
            ),
            Finding::UnderlyingOutsideScope => lang.pick(
                "継承元の言明範囲外",
                "outside the underlying statement's scope",
            ),
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
    /// What the list wrote as the reason (or beside a plan), as written: also a text that
    /// gives no reason for 非該当 (`reason_judgement` says so).
    pub reason: String,
    /// Stated not applicable by the list itself: whether `reason` gives a reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason_judgement: Option<ReasonJudgement>,
    /// `reason` is written but gives none: why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason_not_accepted: Option<NotAReason>,
    pub evidence: String,
    pub owner: String,
    /// Implemented only through the underlying service (profile `inherits:`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inherited_from: Option<String>,
    /// The state is what the list states of something else: for a governance or
    /// management item, its objective (`4.4.7`); for an objective the list does not name,
    /// its items, all stated implemented (`4.4.7.1, 4.4.7.2, …`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stated_as: Option<String>,
    /// A basic statement requirement by its own suffix (B, PB): a detailed control that
    /// is mandatory in principle.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub basic: bool,
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
    /// Inherited from a service whose registration is not in effect on the date, or is
    /// not confirmed ([`Finding::UnderlyingNotConfirmed`]): not counted implemented.
    pub underlying_not_in_effect: usize,
    /// Inherited from a service whose statement's scope leaves out part of this one's
    /// ([`Finding::UnderlyingOutsideScope`]): not counted implemented.
    pub underlying_outside_scope: usize,
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
    pub underlying_not_in_effect: Vec<String>,
    pub underlying_outside_scope: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReadinessReport {
    pub schema_version: u32,
    pub lang: Lang,
    pub catalog: CatalogInfo,
    pub source: String,
    /// The date the registrations of the service and of those inherited from are judged on.
    pub as_of: Date,
    /// The service's own registry facts as the input states them (a pasted list entry, a
    /// profile, a cover sheet) and its registration on `as_of`, judged as `report` judges
    /// it (`not-checked` when no renewal deadline is given).
    pub registry: Registry,
    /// The service's own registration is past its renewal deadline on `as_of` (失効): a
    /// finding of its own, beside the items' (review 21 D-4: readiness was silent on it).
    /// The items keep what the list states of them; the note `registration-lapsed` says
    /// so, and `--fail-on missing` fails on it.
    pub registration_lapsed: bool,
    /// Whether the list named evidence at all (a table with an evidence column).
    pub evidence_checked: bool,
    pub summary: Counts,
    /// Mandatory ids missing (including excluded governance/management/basic items).
    pub missing: Vec<String>,
    pub na_without_reason: Vec<String>,
    pub planned: Vec<String>,
    pub evidence_missing: Vec<String>,
    /// Objectives implemented only through a service whose registration is not in effect
    /// on `as_of`.
    pub underlying_not_in_effect: Vec<String>,
    /// Objectives implemented only through a service whose statement's scope leaves out
    /// part of this service's ([`Finding::UnderlyingOutsideScope`]).
    pub underlying_outside_scope: Vec<String>,
    pub groups: Vec<Group>,
    pub items: Vec<ReadinessItem>,
    pub unknown_ids: Vec<UnknownId>,
    pub notes: Vec<Warning>,
}

impl ReadinessReport {
    /// `--fail-on missing`: the service's own registration lapsed, anything mandatory
    /// missing or planned, an exclusion without a reason, or an objective inherited from a
    /// service not in effect on the date, not confirmed, or whose statement's scope leaves
    /// out part of this one's.
    pub fn has_blockers(&self) -> bool {
        self.registration_lapsed
            || !(self.missing.is_empty()
                && self.na_without_reason.is_empty()
                && self.planned.is_empty()
                && self.underlying_not_in_effect.is_empty()
                && self.underlying_outside_scope.is_empty())
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

/// The findings of a required item in `state`: `always_mandatory` items (governance,
/// management, basic details) cannot be excluded; an objective may be, with a reason.
fn findings_of(state: ItemState, always_mandatory: bool, reason: &str) -> Vec<Finding> {
    match state {
        ItemState::Implemented => Vec::new(),
        ItemState::NotApplicable if always_mandatory => vec![Finding::ExclusionNotAllowed],
        ItemState::NotApplicable if !crate::analysis::csp::na_reason_given(reason) => {
            vec![Finding::NoReason]
        }
        ItemState::NotApplicable => Vec::new(),
        ItemState::Planned => vec![Finding::Planned],
        ItemState::NotImplemented => vec![Finding::Missing],
        ItemState::NotListed => vec![Finding::NotListed],
    }
}

fn count(items: &[&ReadinessItem]) -> Counts {
    let mut c = Counts::default();
    for i in items {
        if i.required {
            c.required += 1;
            match i.state {
                // an objective stated implemented whose item is stated otherwise is
                // counted once, by that finding (missing or planned: review 19 A-8)
                ItemState::Implemented if !i.findings.iter().any(|f| f.blocks()) => {
                    c.implemented += 1
                }
                ItemState::NotApplicable if i.findings.is_empty() => c.not_applicable += 1,
                _ => {}
            }
        }
        for f in &i.findings {
            match f {
                Finding::Missing | Finding::NotListed | Finding::ExclusionNotAllowed => {
                    c.missing += 1
                }
                Finding::NoReason => c.na_without_reason += 1,
                Finding::Planned => c.planned += 1,
                Finding::NoEvidence => c.evidence_missing += 1,
                Finding::UnderlyingNotInEffect | Finding::UnderlyingNotConfirmed => {
                    c.underlying_not_in_effect += 1
                }
                Finding::UnderlyingOutsideScope => c.underlying_outside_scope += 1,
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

fn item_state(s: &CspState) -> ItemState {
    match s {
        CspState::Implemented => ItemState::Implemented,
        CspState::NotApplicable { .. } => ItemState::NotApplicable,
        CspState::Planned { .. } => ItemState::Planned,
        CspState::NotImplemented { .. } => ItemState::NotImplemented,
    }
}

/// What the list states of each catalog id, with the reason, evidence and owner it gives.
struct Stated<'a> {
    csp: CspControls,
    /// reason, evidence and owner of each resolved id: the last listing wins, as for states
    details: HashMap<String, (&'a str, &'a str, &'a str)>,
    tracks_evidence: bool,
    /// Per service of `csp.services`, whether its registration is in effect on the date.
    in_effect: Vec<bool>,
    /// Per service of `csp.services`, whether the input confirms its registration: the
    /// kind stated ISMAP.
    confirmed: Vec<bool>,
    /// Per service of `csp.services`, whether its statement's scope leaves out nothing of
    /// the first service's ([`Validity::beyond_scope`]).
    within_scope: Vec<bool>,
}

impl Stated<'_> {
    /// The state the list gives `id`, `None` when it does not name it.
    fn state(&self, id: &str) -> Option<ItemState> {
        self.csp.state(id).map(item_state)
    }

    /// The state of a governance or management criterion `e`, itself or through its
    /// objective or items ([`CspControls::stated`]), with what it was stated as.
    fn stated(&self, catalog: &Catalog, e: &Entry) -> (ItemState, Option<String>) {
        match self.csp.stated(catalog, &e.id) {
            Some((s, _)) => (item_state(s), self.csp.stated_as(catalog, e)),
            None => (ItemState::NotListed, None),
        }
    }

    fn details(&self, id: &str) -> (&str, &str, &str) {
        self.details.get(id).copied().unwrap_or(("", "", ""))
    }

    /// The reason `id` is not applicable (or the words beside a plan): the list's, or for
    /// an objective stated only by the underlying service (`inherits:`), that service's.
    fn reason(&self, id: &str) -> &str {
        match (self.details(id).0, self.csp.state(id)) {
            ("", Some(CspState::NotApplicable { reason, .. })) => reason,
            ("", Some(s)) => s.plan_remark().unwrap_or(""),
            (own, _) => own,
        }
    }

    /// What the list wrote as the reason `id` is not applicable when it gives none, with
    /// why: `None` when it gives one, wrote nothing, or states `id` otherwise.
    fn unaccepted(&self, id: &str) -> Option<&crate::model::UnacceptedReason> {
        match self.csp.state(id) {
            Some(CspState::NotApplicable { unaccepted, .. }) if self.reason(id).is_empty() => {
                unaccepted.as_ref()
            }
            _ => None,
        }
    }

    /// Whether `id` is a basic requirement that may not be excluded
    /// ([`CspControls::exclusion_allowed`], the judgement `report` makes too): a
    /// governance or management criterion, or a B/PB detail whose objective is not
    /// excluded with a reason.
    fn mandatory(&self, catalog: &Catalog, id: &str) -> bool {
        !self.csp.exclusion_allowed(catalog, id)
    }

    /// A row for `id` (a catalog entry, or a detail the catalog lacks under `e`'s
    /// objective) in `state`; `own` when the list states it itself (else its evidence is
    /// its objective's).
    #[allow(clippy::too_many_arguments)]
    fn row(
        &self,
        id: &str,
        e: &Entry,
        title: &str,
        required: bool,
        state: ItemState,
        stated_as: Option<String>,
        basic: bool,
        mut findings: Vec<Finding>,
    ) -> ReadinessItem {
        let (reason, evidence, owner) = if stated_as.is_none() {
            let (_, evidence, owner) = self.details(id);
            (self.reason(id), evidence, owner)
        } else {
            ("", "", "")
        };
        // of an exclusion the list states itself: the text it wrote, and the judgement
        let own_exclusion = state == ItemState::NotApplicable && stated_as.is_none();
        let unaccepted = own_exclusion.then(|| self.unaccepted(id)).flatten();
        let reason_judgement = own_exclusion.then(|| match unaccepted {
            _ if !reason.trim().is_empty() => ReasonJudgement::Given,
            Some(u) => u.why.judgement(),
            None => ReasonJudgement::NoReason,
        });
        let reason = unaccepted.map_or(reason, |u| u.text.as_str());
        let inherited_from = self.csp.inherited_from(id).map(str::to_owned);
        // the services the inherited state rests on, below this one: the same judgement
        // `report` makes (`Service::validity`)
        let inherited = state == ItemState::Implemented && inherited_from.is_some();
        let any_below = |fails: &[bool]| {
            self.csp
                .rests_on(id)
                .skip(1)
                .any(|s| !fails.get(s).copied().unwrap_or(true))
        };
        if inherited && any_below(&self.in_effect) {
            findings.push(Finding::UnderlyingNotInEffect);
        } else if inherited && any_below(&self.confirmed) {
            findings.push(Finding::UnderlyingNotConfirmed);
        } else if inherited
            && (any_below(&self.within_scope)
                || !crate::analysis::csp::carried_by_infrastructure(id))
        {
            // outside the underlying statement's scope, or outside the physical layer it
            // carries for this service (`inherited: ["9"]`: review 23 A-14)
            findings.push(Finding::UnderlyingOutsideScope);
        }
        // evidence for an inherited objective is the underlying service's own audit
        if state == ItemState::Implemented
            && self.tracks_evidence
            && stated_as.is_none()
            && inherited_from.is_none()
            && crate::input::csp::evidence_wanting(evidence)
        {
            findings.push(Finding::NoEvidence);
        }
        ReadinessItem {
            id: id.to_owned(),
            layer: e.layer,
            group: group_of(e),
            title: title.to_owned(),
            required,
            state,
            reason: reason.to_owned(),
            reason_judgement,
            reason_not_accepted: unaccepted.map(|u| u.why),
            evidence: evidence.to_owned(),
            owner: owner.to_owned(),
            inherited_from,
            stated_as,
            basic,
            findings,
        }
    }
}

/// A governance or management objective and its items: all required, none excludable.
/// An objective the list states implemented covers the items it does not state; an item
/// stated otherwise makes its objective missing (or planned); an objective the list does
/// not name is implemented when every one of its items is stated implemented.
fn own_criteria(
    catalog: &Catalog,
    st: &Stated,
    e: &Entry,
    lang: Lang,
    out: &mut Vec<ReadinessItem>,
) {
    let items: Vec<&Entry> = catalog.items_of(&e.id).collect();
    // the rule `report` applies too: one source, `CspControls::stated`
    let (state, stated_as) = st.stated(catalog, e);
    let mut findings = findings_of(state, true, "");
    if state == ItemState::Implemented {
        // the items stated otherwise hold it back (the rule `diff` shows too)
        findings.extend(st.csp.held_back_by(catalog, &e.id).map(|(h, _)| match h {
            HeldBack::Missing => Finding::Missing,
            HeldBack::Planned => Finding::Planned,
        }));
    }
    out.push(st.row(
        &e.id,
        e,
        e.title(lang),
        true,
        state,
        stated_as,
        false,
        findings,
    ));
    for item in items {
        let (state, stated_as) = st.stated(catalog, item);
        let findings = findings_of(state, true, "");
        out.push(st.row(
            &item.id,
            item,
            item.title(lang),
            true,
            state,
            stated_as,
            false,
            findings,
        ));
    }
}

/// A detailed control (of the catalog, or one it lacks, accepted through its objective):
/// required when it is basic (B, PB), the list states it and its objective is not excluded
/// with a reason; shown when the list states it. `None` when there is nothing to show.
fn detail_row(
    catalog: &Catalog,
    st: &Stated,
    id: &str,
    e: &Entry,
    title: &str,
    flags: Flags,
) -> Option<ReadinessItem> {
    let stated = st.state(id)?;
    let required = st.mandatory(catalog, id);
    let findings = if required {
        findings_of(stated, true, "")
    } else {
        Vec::new()
    };
    Some(st.row(id, e, title, required, stated, None, flags.basic, findings))
}

/// Whether the input confirms the registration of `service` (one the list's objectives
/// may rest on): its kind stated, and ISMAP rather than ISMAP-LIU — the facts `report` caps
/// inherited items on too (`registration-kind-unstated`, `ismap-liu`; a registration not in
/// effect is [`Finding::UnderlyingNotInEffect`], a missing renewal deadline a warning there
/// as in `report`).
fn confirmed(service: &crate::analysis::csp::Service) -> bool {
    !service.liu && !service.kind_unstated
}

/// Why a registration is lapsed on `as_of`, in Japanese and English: past its renewal
/// deadline, or, with none given, 16 months after its audit period ended (review 23 A-5).
fn why_lapsed(
    deadline: Option<crate::date::Date>,
    audit_period: Option<crate::model::Period>,
    as_of: crate::date::Date,
) -> (String, String) {
    use crate::analysis::csp::AUDIT_PERIOD_MAX_AGE_MONTHS;
    match deadline {
        Some(d) => (
            format!("登録の更新期限 {d} が基準日 {as_of} より前です"),
            format!("is past its renewal deadline {d} (as of {as_of})"),
        ),
        None => {
            let p = audit_period.map(|p| p.to_string()).unwrap_or_default();
            (
                format!("登録の更新期限の記載がなく、監査対象期間 ({p}) の終了から{AUDIT_PERIOD_MAX_AGE_MONTHS}か月を過ぎています(基準日 {as_of})"),
                format!("gives no renewal deadline, and its audit period ({p}) ended over {AUDIT_PERIOD_MAX_AGE_MONTHS} months before {as_of}"),
            )
        }
    }
}

/// The readiness of a CSP's own control list against the catalog, judging the
/// registrations of the services it inherits from on `as_of`.
pub fn analyse(catalog: &Catalog, att: &Attestation, as_of: Date, lang: Lang) -> ReadinessReport {
    let csp = resolve_attestation(catalog, att);
    let validity: Vec<Validity> = csp.services.iter().map(|s| s.validity(as_of)).collect();
    let mut details: HashMap<String, (&str, &str, &str)> = HashMap::new();
    for c in &att.controls {
        if let Ok(id) = crate::analysis::csp::listed_to_catalog(catalog, c) {
            details.insert(id, (&c.reason, &c.evidence, &c.owner));
        }
    }
    let st = Stated {
        in_effect: validity.iter().map(|v| v.in_effect()).collect(),
        confirmed: csp.services.iter().map(confirmed).collect(),
        within_scope: validity.iter().map(|v| !v.beyond_scope).collect(),
        csp,
        details,
        tracks_evidence: att.tracks_evidence,
    };
    // details the list names that the catalog does not hold (accepted through their
    // objective by the resolver): shown after that objective's own details
    let mut unverified: HashMap<String, Vec<&str>> = HashMap::new();
    for id in st.csp.states.keys().filter(|id| catalog.get(id).is_none()) {
        if let Some(parent) = catalog.detail_parent(id) {
            unverified
                .entry(parent.id.clone())
                .or_default()
                .push(id.as_str());
        }
    }
    // basic details the list does not state, their objective not excluded with a reason
    let mut not_stated: Vec<&str> = Vec::new();
    // a list that states detailed controls of the control objectives (an annex sheet,
    // four-part ids; its own rows, not an underlying service's) says which it has: a basic (B/PB) detail of an objective it states
    // implemented itself that it omits is not listed (記載なし), counted missing; a list of
    // objectives alone says nothing about them (review 15 A-10)
    let lists_details = st.details.keys().any(|id| {
        IsmapId::parse(id).is_some_and(|i| i.depth() >= Level::Detail.depth())
            && catalog
                .detail_parent(id)
                .is_some_and(|p| p.layer == Layer::Control && p.level == Level::Objective)
    });
    let counts_omitted = |objective: &str| {
        lists_details
            && st.state(objective) == Some(ItemState::Implemented)
            && st.csp.inherited_from(objective).is_none()
    };
    let mut items: Vec<ReadinessItem> = Vec::new();
    let under_objective = |e: &Entry| {
        e.level == Level::Detail
            && e.parent
                .as_deref()
                .and_then(|p| catalog.get(p))
                .is_some_and(|p| p.level == Level::Objective)
    };
    for e in catalog.entries().iter().filter(|e| e.is_item()) {
        match (e.layer, e.level) {
            (Layer::Governance | Layer::Management, Level::Objective) => {
                own_criteria(catalog, &st, e, lang, &mut items)
            }
            // items and details of an objective come with it
            (_, Level::Detail) if under_objective(e) => {}
            (Layer::Control, Level::Objective) => {
                let state = st.state(&e.id).unwrap_or(ItemState::NotListed);
                let findings = findings_of(state, false, st.reason(&e.id));
                items.push(st.row(&e.id, e, e.title(lang), true, state, None, false, findings));
                for d in catalog.items_of(&e.id) {
                    match detail_row(catalog, &st, &d.id, d, d.title(lang), d.flags) {
                        Some(row) => items.push(row),
                        None if st.mandatory(catalog, &d.id) && counts_omitted(&e.id) => items
                            .push(st.row(
                                &d.id,
                                d,
                                d.title(lang),
                                true,
                                ItemState::NotListed,
                                None,
                                d.flags.basic,
                                findings_of(ItemState::NotListed, true, ""),
                            )),
                        None if st.mandatory(catalog, &d.id) => not_stated.push(&d.id),
                        None => {}
                    }
                }
                let mut extra = unverified.remove(&e.id).unwrap_or_default();
                extra.sort_by_key(|id| IsmapId::parse(id).map(|i| i.parts));
                for id in extra {
                    let flags = IsmapId::parse(id)
                        .map(|i| Flags::from_suffix(i.suffix.as_deref()))
                        .unwrap_or_default();
                    items.extend(detail_row(catalog, &st, id, e, "", flags));
                }
            }
            // an item outside any objective (a catalog built otherwise): on its own
            _ => {
                let always = e.layer != Layer::Control;
                match st.state(&e.id) {
                    Some(state) => {
                        let required = st.mandatory(catalog, &e.id);
                        let findings = if required {
                            findings_of(state, true, "")
                        } else {
                            Vec::new()
                        };
                        items.push(st.row(
                            &e.id,
                            e,
                            e.title(lang),
                            required,
                            state,
                            None,
                            e.flags.basic,
                            findings,
                        ));
                    }
                    None if always => {
                        let findings = findings_of(ItemState::NotListed, true, "");
                        items.push(st.row(
                            &e.id,
                            e,
                            e.title(lang),
                            true,
                            ItemState::NotListed,
                            None,
                            false,
                            findings,
                        ));
                    }
                    None if st.mandatory(catalog, &e.id) => not_stated.push(&e.id),
                    None => {}
                }
            }
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
                missing: ids_with(
                    &members,
                    &[
                        Finding::Missing,
                        Finding::NotListed,
                        Finding::ExclusionNotAllowed,
                    ],
                ),
                na_without_reason: ids_with(&members, &[Finding::NoReason]),
                planned: ids_with(&members, &[Finding::Planned]),
                evidence_missing: ids_with(&members, &[Finding::NoEvidence]),
                underlying_not_in_effect: ids_with(
                    &members,
                    &[
                        Finding::UnderlyingNotInEffect,
                        Finding::UnderlyingNotConfirmed,
                    ],
                ),
                underlying_outside_scope: ids_with(&members, &[Finding::UnderlyingOutsideScope]),
                key,
                label,
            }
        })
        .collect();

    // the objectives with `finding` that rest on the `i`th service of the chain
    let resting_on = |finding: Finding, i: usize| -> Vec<&str> {
        items
            .iter()
            .filter(|it| it.findings.contains(&finding) && st.csp.rests_on(&it.id).contains(&i))
            .map(|it| it.id.as_str())
            .collect()
    };
    let mut notes = Vec::new();
    // the service's own registration, judged as `report` judges it: lapsed, a finding
    let registry = Registry::of(att, as_of);
    let registration_lapsed = registry.registration == crate::analysis::csp::Registration::Lapsed;
    if registration_lapsed {
        let name = att.display_name();
        // past its renewal deadline, or, with none given, 16 months after its audit period
        // (review 23 A-5)
        let (ja_why, en_why) = why_lapsed(registry.renewal_deadline, registry.audit_period, as_of);
        notes.push(Warning {
            code: "registration-lapsed",
            message: match lang {
                Lang::Ja => format!("このサービス {name} の{ja_why}(登録は失効しています): 準備率は一覧の記載を数えたもので、登録による保証ではありません。ISMAPクラウドサービスリストで現在の掲載を確認し、登録の更新を申請してください"),
                Lang::En => format!("The registration of this service {name} {en_why}: it has lapsed. The readiness counts what the list states, which no registration vouches for; check its current entry on the ISMAP cloud service list and apply to renew the registration"),
            },
        });
    }
    for (i, (service, v)) in st.csp.services.iter().zip(&validity).enumerate().skip(1) {
        if v.in_effect() {
            continue;
        }
        let ids = resting_on(Finding::UnderlyingNotInEffect, i);
        let name = &service.name;
        let (ja_why, en_why) = if v.lapsed {
            why_lapsed(service.renewal_deadline, service.audit_period, as_of)
        } else if v.renewal_pending {
            // review 23 C-7: in effect by the scheme until the renewal is decided
            (
                "登録の更新期限を過ぎ、更新を申請中です(更新の判断は不明)".to_owned(),
                "is past its renewal deadline, its renewal applied for (not known to be decided)"
                    .to_owned(),
            )
        } else if let Some(d) = service.registered.filter(|_| v.not_yet_valid) {
            (
                format!("登録日 {d} が基準日 {as_of} より後です"),
                format!("was registered on {d}, after {as_of}"),
            )
        } else {
            let p = service
                .audit_period
                .map(|p| p.to_string())
                .unwrap_or_default();
            (
                format!("監査対象期間 ({p}) が基準日 {as_of} より後に終わります"),
                format!("was audited over a period ({p}) ending after {as_of}"),
            )
        };
        notes.push(Warning {
            code: "underlying-not-in-effect",
            message: match lang {
                Lang::Ja => format!("継承元のサービス {name} は{ja_why}: そこから継承する統制目標{}件は実施と数えていません(内部監査で示せる根拠がありません): {}。ISMAPクラウドサービスリストで現在の掲載を確認するか、自社で実施してください", ids.len(), ids.join(", ")),
                Lang::En => format!("The underlying service {name} {en_why}: the {} objective(s) inherited from it are not counted as implemented (nothing to show the auditor for them): {}. Check its current entry on the ISMAP cloud service list, or implement them yourself", ids.len(), ids.join(", ")),
            },
        });
    }
    for (i, service) in st.csp.services.iter().enumerate().skip(1) {
        let ids = resting_on(Finding::UnderlyingNotConfirmed, i);
        if ids.is_empty() || st.confirmed.get(i).copied().unwrap_or(true) {
            continue;
        }
        let name = &service.name;
        // what to do: for an ISMAP-LIU registration, whether the objectives were in its
        // external audit; for a profile without its kind, state it
        let (ja_why, en_why, ja_do, en_do) = if service.liu {
            (
                "はISMAP-LIUの登録です(外部監査の範囲はISMAPより狭い)",
                "is registered under ISMAP-LIU (a narrower external audit than ISMAP's)",
                "その外部監査の対象だったかをサービスに確認する",
                "Confirm with the service that they were in its external audit's scope",
            )
        } else {
            (
                "の登録の種類(ISMAPかISMAP-LIUか)がプロファイルに記載されていません",
                "does not state its registration kind (ISMAP or ISMAP-LIU) in its profile",
                "ISMAPクラウドサービスリストで登録を確認してプロファイルに registration_kind と renewal_deadline を記載する",
                "Check its entry on the ISMAP cloud service list and state registration_kind and renewal_deadline in its profile",
            )
        };
        notes.push(Warning {
            code: "underlying-not-confirmed",
            message: match lang {
                Lang::Ja => format!("継承元のサービス {name} {ja_why}: そこから継承する統制目標{}件は実施と数えていません(内部監査で依拠できるか確認できません): {}。{ja_do}か、自社で実施してください", ids.len(), ids.join(", ")),
                Lang::En => format!("The underlying service {name} {en_why}: the {} objective(s) inherited from it are not counted as implemented (whether the auditor may rely on them is not confirmed): {}. {en_do}, or implement them yourself", ids.len(), ids.join(", ")),
            },
        });
    }
    for (i, service) in st.csp.services.iter().enumerate().skip(1) {
        let ids = resting_on(Finding::UnderlyingOutsideScope, i);
        if ids.is_empty() || service.beyond_scope.is_empty() {
            continue;
        }
        let (name, n, ids) = (&service.name, ids.len(), ids.join(", "));
        let scope = service.scope.join(" / ");
        let message = match (lang, scope.is_empty()) {
            (Lang::Ja, false) => format!("継承元のサービス {name} の言明の対象範囲（{scope}）は、このサービスの言明の対象範囲のうち {} を含みません: そこから継承する統制目標{n}件はその部分について言明されていないため、実施と数えていません: {ids}。継承元の言明の対象範囲を確認し、含まれない部分は自社で実施するか、このサービスの言明の対象範囲を見直してください", service.beyond_scope.join("・")),
            (Lang::Ja, true) => format!("継承元のサービス {name} のプロファイルに言明の対象範囲(scope)が記載されていないため、このサービスの言明の対象範囲（{}）を含むか確認できません: そこから継承する統制目標{n}件は実施と数えていません: {ids}。継承元の言明の対象範囲をプロファイルの scope に記載してください", service.beyond_scope.join(" / ")),
            (Lang::En, false) => format!("The statement scope of the underlying service {name} ({scope}) does not include {} of this service's statement scope: the {n} objective(s) inherited from it are not stated for that part and are not counted as implemented: {ids}. Check the underlying statement's scope, and implement what it leaves out yourself or review this service's statement scope", service.beyond_scope.join(", ")),
            (Lang::En, true) => format!("The profile of the underlying service {name} states no statement scope (scope): whether it includes this service's ({}) is not known, so the {n} objective(s) inherited from it are not counted as implemented: {ids}. State the underlying statement's scope under scope in its profile", service.beyond_scope.join(" / ")),
        };
        notes.push(Warning {
            code: "underlying-outside-scope",
            message,
        });
    }
    // inherited outside the physical layer (clause 11): the underlying statement is of that
    // service's own users and data (the rule `report` caps on, review 23 A-14)
    let beyond: Vec<&str> = items
        .iter()
        .filter(|it| {
            it.findings.contains(&Finding::UnderlyingOutsideScope)
                && !crate::analysis::csp::carried_by_infrastructure(&it.id)
        })
        .map(|it| it.id.as_str())
        .collect();
    if !beyond.is_empty() {
        let (n, ids) = (beyond.len(), beyond.join(", "));
        notes.push(Warning {
            code: "inherited-beyond-infrastructure",
            message: match lang {
                Lang::Ja => format!("物理的セキュリティ(箇条11)以外の統制目標{n}件を継承元から継承しています(`inherited:`): 継承元の言明はそのサービス自身の利用者・データについてのもので、このサービスの利用者・データについては言明されていないため、実施と数えていません: {ids}。このサービス自身で実施して `implemented` に記載するか、`inherited:` を箇条11に狭めてください"),
                Lang::En => format!("{n} objective(s) outside the physical layer (clause 11) are inherited from the service underneath (`inherited:`): its statement is of its own users and data, not this service's, so they are not counted as implemented: {ids}. Implement them in this service and list them under `implemented`, or narrow `inherited:` to clause 11"),
            },
        });
    }
    if let Some(held) = crate::analysis::gap::details_held(catalog) {
        notes.push(Warning {
            code: "catalog-incomplete",
            message: crate::analysis::gap::catalog_incomplete_text(held, lang),
        });
    }
    if !not_stated.is_empty() {
        const SHOWN: usize = 12;
        let mut ids = not_stated[..not_stated.len().min(SHOWN)].join(", ");
        if not_stated.len() > SHOWN {
            ids.push_str(", …");
        }
        notes.push(Warning {
            code: "basic-details-not-stated",
            message: match (lang, lists_details) {
                (Lang::Ja, false) => format!("基本言明要件の詳細管理策(B/PB)のうち{}件は一覧に記載がありません(未実施とは数えていません。統制目標の一覧からは分かりません): {ids}", not_stated.len()),
                (Lang::En, false) => format!("{} basic-requirement detailed controls (B/PB) are not stated in the list (not counted missing: a list of objectives says nothing about them): {ids}", not_stated.len()),
                // the list states details: those left are of objectives it does not state
                // implemented itself (the objective is the finding) or inherits
                (Lang::Ja, true) => format!("基本言明要件の詳細管理策(B/PB)のうち{}件は一覧に記載がありません(統制目標が実施と記載されていないか継承のため、詳細管理策としては数えていません): {ids}", not_stated.len()),
                (Lang::En, true) => format!("{} basic-requirement detailed controls (B/PB) are not stated in the list (not counted on their own: their objective is not stated implemented, or is inherited): {ids}", not_stated.len()),
            },
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
    notes.extend(st.csp.statement_warnings(lang));
    // a mandatory item not listed whose numbers the list writes with a suffix the catalog
    // does not have (`9.2.1.B` for `9.2.1`): what it states of it cannot be told — still not
    // counted implemented, and said so, as report's `unknown-suffix` (session 15's rest of
    // review 23 B-1)
    let suffixed: Vec<String> = items
        .iter()
        .filter(|i| i.state == ItemState::NotListed)
        .filter_map(|i| {
            crate::analysis::gap::written_with_unknown_suffix(&st.csp, &i.id)
                .map(|w| format!("{w} ({})", i.id))
        })
        .collect();
    if !suffixed.is_empty() {
        let list = suffixed.join(", ");
        notes.push(Warning {
            code: "csp-id-suffix-unknown",
            message: match lang {
                Lang::Ja => format!("一覧はカタログにない接尾辞付きの番号で管理策を記載しています: {list}。何を記載したか判断できないため、括弧内の項目は記載なし(必須)のままです: 番号を確認し、カタログの番号で記載してください"),
                Lang::En => format!("The list writes controls with a suffix the catalog does not have: {list}. What it states of them cannot be told, so the items in brackets stay not listed (mandatory): check the ids and write them as the catalog does"),
            },
        });
    }
    let unknown = st.csp.unknown;
    if !unknown.is_empty() {
        let ids: Vec<&str> = unknown.iter().map(|u| u.id.as_str()).collect();
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
        schema_version: 19,
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
        as_of,
        registry,
        registration_lapsed,
        evidence_checked: att.tracks_evidence,
        summary: count(&all),
        missing: ids_with(
            &all,
            &[
                Finding::Missing,
                Finding::NotListed,
                Finding::ExclusionNotAllowed,
            ],
        ),
        na_without_reason: ids_with(&all, &[Finding::NoReason]),
        planned: ids_with(&all, &[Finding::Planned]),
        evidence_missing: ids_with(&all, &[Finding::NoEvidence]),
        underlying_not_in_effect: ids_with(
            &all,
            &[
                Finding::UnderlyingNotInEffect,
                Finding::UnderlyingNotConfirmed,
            ],
        ),
        underlying_outside_scope: ids_with(&all, &[Finding::UnderlyingOutsideScope]),
        groups,
        items,
        unknown_ids: unknown,
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Declared, ListedControl};

    fn day() -> Date {
        Date::new(2026, 4, 1).unwrap()
    }

    #[test]
    fn objectives_inherited_from_a_registration_not_in_effect_are_findings() {
        let catalog = Catalog::embedded().unwrap();
        let iaas = |deadline: Date, registered: Option<Date>| Attestation {
            name: Some("IaaS".into()),
            renewal_deadline: Some(deadline),
            registered,
            registration_kind: Some(crate::model::RegistrationKind::Ismap),
            controls: vec![ListedControl::implemented("11.1.1", None)],
            ..Attestation::default()
        };
        let saas = |under| Attestation {
            controls: vec![ListedControl::implemented("9.2.1", None)],
            underlying: Some(Box::new(crate::model::Underlying {
                attestation: under,
                scope: vec!["11".into()],
            })),
            ..Attestation::default()
        };
        let date = |y, m, d| Date::new(y, m, d).unwrap();
        let valid = analyse(
            &catalog,
            &saas(iaas(date(2027, 3, 31), None)),
            day(),
            Lang::En,
        );
        let lapsed = analyse(
            &catalog,
            &saas(iaas(date(2026, 3, 31), None)),
            day(),
            Lang::En,
        );
        let later = analyse(
            &catalog,
            &saas(iaas(date(2029, 3, 31), Some(date(2026, 6, 1)))),
            day(),
            Lang::En,
        );
        let item =
            |r: &ReadinessReport| r.items.iter().find(|i| i.id == "11.1.1").cloned().unwrap();
        assert!(item(&valid).findings.is_empty());
        assert!(valid.underlying_not_in_effect.is_empty());
        for r in [&lapsed, &later] {
            assert_eq!(item(r).state, ItemState::Implemented);
            assert_eq!(item(r).findings, [Finding::UnderlyingNotInEffect]);
            assert_eq!(r.underlying_not_in_effect, ["11.1.1"]);
            assert!(r.has_blockers());
            assert_eq!(r.summary.underlying_not_in_effect, 1);
            assert_eq!(r.summary.implemented + 1, valid.summary.implemented);
            let note = r
                .notes
                .iter()
                .find(|n| n.code == "underlying-not-in-effect")
                .unwrap();
            assert!(
                note.message.contains("IaaS") && note.message.contains("11.1.1"),
                "{}",
                note.message
            );
        }
        assert!(lapsed
            .notes
            .iter()
            .any(|n| n.message.contains("renewal deadline 2026-03-31")));
        assert!(later
            .notes
            .iter()
            .any(|n| n.message.contains("registered on 2026-06-01")));
        // the same IaaS judged before its deadline
        let before = analyse(
            &catalog,
            &saas(iaas(date(2026, 3, 31), None)),
            date(2026, 3, 31),
            Lang::En,
        );
        assert!(before.underlying_not_in_effect.is_empty());
    }

    #[test]
    fn the_services_own_lapsed_registration_is_a_finding() {
        let catalog = Catalog::embedded().unwrap();
        let att = |deadline: Option<Date>| Attestation {
            name: Some("SaaS".into()),
            renewal_deadline: deadline,
            registration_kind: Some(crate::model::RegistrationKind::Ismap),
            controls: vec![ListedControl::implemented("9.2.1", None)],
            ..Attestation::default()
        };
        let lapsed = analyse(&catalog, &att(Date::new(2026, 3, 31)), day(), Lang::En);
        assert!(lapsed.registration_lapsed && lapsed.has_blockers());
        assert_eq!(
            lapsed.registry.registration,
            crate::analysis::csp::Registration::Lapsed
        );
        let note = lapsed
            .notes
            .iter()
            .find(|n| n.code == "registration-lapsed")
            .unwrap();
        assert!(note.message.contains("SaaS") && note.message.contains("2026-03-31"));
        // the items are what the list states: the same as on a registration in effect
        let valid = analyse(&catalog, &att(Date::new(2026, 4, 1)), day(), Lang::En);
        assert!(!valid.registration_lapsed);
        assert!(!valid.notes.iter().any(|n| n.code == "registration-lapsed"));
        assert_eq!(valid.summary.implemented, lapsed.summary.implemented);
        assert_eq!(valid.missing, lapsed.missing);
        // no deadline given: not checked, no finding
        let none = analyse(&catalog, &att(None), day(), Lang::En);
        assert!(!none.registration_lapsed);
        assert_eq!(
            none.registry.registration,
            crate::analysis::csp::Registration::NotChecked
        );
    }

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
        let r = analyse(&catalog, &att, day(), Lang::En);
        let item = |id: &str| r.items.iter().find(|i| i.id == id).unwrap();
        assert!(item("3.1.2").findings.is_empty());
        assert_eq!(item("3.1.3").findings, [Finding::ExclusionNotAllowed]);
        assert_eq!(item("5.1.1").findings, [Finding::NoEvidence]);
        assert!(item("6.2.2").findings.is_empty());
        assert_eq!(item("6.2.1").findings, [Finding::NoReason]);
        assert_eq!(item("7.1.1").findings, [Finding::Planned]);
        // not listed: missing, never called not implemented
        assert_eq!(item("5.1.2").findings, [Finding::NotListed]);
        // an optional detail that is listed is shown, not required
        assert!(!item("9.2.1.1").required);
        assert!(r.missing.contains(&"3.1.3".to_owned()) && r.missing.contains(&"5.1.2".to_owned()));
        assert_eq!(r.na_without_reason, ["6.2.1"]);
        assert_eq!(r.evidence_missing, ["5.1.1"]);
        let s = &r.summary;
        // every governance and management objective and item, every control objective;
        // no basic detail is stated
        assert_eq!(s.required, 5 + 18 + 21 + 64 + 121);
        assert_eq!(
            (
                s.implemented,
                s.not_applicable,
                s.na_without_reason,
                s.planned
            ),
            // 3.1.2 and its 3 items, 5.1.1
            (4 + 1, 1, 1, 1)
        );
        assert_eq!(s.missing, s.required - 5 - 1 - 1 - 1);
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
        // the items of an objective stated implemented are implemented through it, and of
        // one excluded (not allowed) excluded through it
        assert_eq!(item("3.1.2.1").state, ItemState::Implemented);
        assert_eq!(item("3.1.2.1").stated_as.as_deref(), Some("3.1.2"));
        assert!(item("3.1.2.1").findings.is_empty());
        assert_eq!(item("3.1.3.2").findings, [Finding::ExclusionNotAllowed]);
    }

    fn list(rows: &[(&str, Declared, &str)]) -> Attestation {
        Attestation {
            controls: rows
                .iter()
                .map(|(id, d, reason)| listed(id, *d, reason, "E"))
                .collect(),
            tracks_evidence: true,
            ..Attestation::default()
        }
    }

    #[test]
    fn an_item_stated_otherwise_makes_its_objective_missing() {
        use Declared::*;
        let catalog = Catalog::embedded().unwrap();
        let r = analyse(
            &catalog,
            &list(&[
                ("4.4.7", Implemented, ""),
                ("4.4.7.2", NotImplemented, ""),
                ("4.4.6", Implemented, ""),
                ("4.4.6.1", Planned, ""),
                // every item of 4.4.3 stated, the objective not: implemented through them
                ("4.4.3.1", Implemented, ""),
                // one of two items only: 4.4.5 not listed stays missing
                ("4.4.5.1", Implemented, ""),
            ]),
            day(),
            Lang::En,
        );
        let item = |id: &str| r.items.iter().find(|i| i.id == id).unwrap();
        assert_eq!(item("4.4.7").findings, [Finding::Missing]);
        assert_eq!(item("4.4.7.2").findings, [Finding::Missing]);
        assert!(item("4.4.7.1").findings.is_empty());
        assert_eq!(item("4.4.6").findings, [Finding::Planned]);
        assert_eq!(item("4.4.6.1").findings, [Finding::Planned]);
        assert_eq!(item("4.4.3").state, ItemState::Implemented);
        assert_eq!(item("4.4.3").stated_as.as_deref(), Some("4.4.3.1"));
        assert!(item("4.4.3").findings.is_empty());
        assert_eq!(item("4.4.5").findings, [Finding::NotListed]);
        assert_eq!(item("4.4.5.2").findings, [Finding::NotListed]);
        assert!(r.missing.contains(&"4.4.7".to_owned()));
        assert!(r.planned.contains(&"4.4.6".to_owned()));
        assert!(r.has_blockers());
    }

    #[test]
    fn basic_details_count_when_stated_and_are_exempt_with_their_objective() {
        use Declared::*;
        let catalog = Catalog::embedded().unwrap();
        let r = analyse(
            &catalog,
            &list(&[
                ("9.2.3", Implemented, ""),
                // without its suffix, as lists write it
                ("9.2.3.11", NotImplemented, ""),
                ("9.4.2", Implemented, ""),
                ("9.4.2.2.B", Planned, ""),
                ("9.2.1.6.PB", Implemented, ""),
                // excluded with a reason: its B detail is exempt
                ("15.1.1", NotApplicable, "no suppliers"),
                ("15.1.1.14.B", NotImplemented, ""),
                // a basic detail the catalog lacks, by its suffix
                ("12.1.1.5.B", NotImplemented, ""),
                // an optional detail: shown, not required
                ("8.1.5.4.P", NotImplemented, ""),
                // a basic detail cannot be excluded on its own
                ("12.4.1.15.PB", NotApplicable, "not us"),
            ]),
            day(),
            Lang::En,
        );
        let item = |id: &str| r.items.iter().find(|i| i.id == id).unwrap();
        let d = item("9.2.3.11.PB");
        assert!(d.required && d.basic);
        assert_eq!(d.findings, [Finding::Missing]);
        assert_eq!(item("9.4.2.2.B").findings, [Finding::Planned]);
        assert!(item("9.2.1.6.PB").findings.is_empty());
        assert!(!item("15.1.1.14.B").required);
        assert!(item("15.1.1.14.B").findings.is_empty());
        assert!(item("12.1.1.5.B").required);
        assert_eq!(item("12.1.1.5.B").findings, [Finding::Missing]);
        assert!(!item("8.1.5.4.P").required);
        assert_eq!(
            item("12.4.1.15.PB").findings,
            [Finding::ExclusionNotAllowed]
        );
        for id in ["9.2.3.11.PB", "12.1.1.5.B", "12.4.1.15.PB"] {
            assert!(r.missing.contains(&id.to_owned()), "{id}");
        }
        assert_eq!(r.planned, ["9.4.2.2.B"]);
        // the basic details it does not state are listed in a note, not counted
        let note = r
            .notes
            .iter()
            .find(|n| n.code == "basic-details-not-stated")
            .unwrap();
        assert!(note.message.contains("6.1.1.13.PB"));
        assert!(!note.message.contains("9.2.3.11.PB"));
        // exempt with its objective: not even "not stated"
        assert!(!note.message.contains("15.1.1.16.B"));
        assert!(!r.missing.contains(&"6.1.1.13.PB".to_owned()));
    }

    #[test]
    fn governance_and_management_are_never_inherited() {
        let catalog = Catalog::embedded().unwrap();
        let iaas = Attestation {
            name: Some("IaaS".into()),
            controls: ["3.1.2", "4.4.1", "11.1.1"]
                .iter()
                .map(|id| ListedControl::implemented(*id, None))
                .collect(),
            ..Attestation::default()
        };
        let mut saas = Attestation {
            source: "saas.yaml".into(),
            controls: vec![ListedControl::implemented("9.2.1", None)],
            underlying: Some(Box::new(crate::model::Underlying {
                attestation: iaas,
                scope: vec!["3".into(), "11".into()],
            })),
            ..Attestation::default()
        };
        let err = crate::analysis::csp::check_inheritance(&catalog, &saas).unwrap_err();
        assert!(err.to_string().contains("field 'inherited'"), "{err}");
        assert!(err.to_string().contains("'3' is governance"), "{err}");
        // and should it get through, nothing of it is inherited
        let r = analyse(&catalog, &saas, day(), Lang::En);
        let item = |id: &str| r.items.iter().find(|i| i.id == id).unwrap();
        assert_eq!(item("3.1.2").state, ItemState::NotListed);
        assert_eq!(item("11.1.1").inherited_from.as_deref(), Some("IaaS"));
        if let Some(u) = saas.underlying.as_mut() {
            u.scope = vec!["4.4".into()];
        }
        assert!(crate::analysis::csp::check_inheritance(&catalog, &saas).is_err());
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
        // (every detailed control stated too: the basic ones are then required)
        let att = Attestation {
            controls,
            tracks_evidence: true,
            ..Attestation::default()
        };
        let r = analyse(&catalog, &att, day(), Lang::Ja);
        assert!(!r.has_blockers());
        assert_eq!(r.summary.readiness, 1.0);
        assert!(r.evidence_missing.is_empty());
    }
}
