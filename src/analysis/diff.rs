//! Two control lists of a CSP compared in catalog terms: ids added and removed, status
//! changes, and changes of reason, evidence or owner; the registry facts of the service
//! and of every service it inherits from, compared field by field; the registrations
//! judged on a date. Pure: attestations in, a result out.
use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::analysis::csp::{
    csp_warnings, listed_to_catalog, resolve_attestation, CspControls, CspState, HeldBack,
    ListCoverage, Registration, StatedAs, UnknownId,
};
use crate::analysis::gap::Warning;
use crate::analysis::registration::Registry;
use crate::catalog::{Catalog, Layer, Level};
use crate::date::Date;
use crate::lang::Lang;
use crate::model::{Attestation, Declared, ListedControl, RegistrationKind};

/// What one list states of one catalog id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stated {
    pub status: Declared,
    pub reason: String,
    pub evidence: String,
    pub owner: String,
    /// When it was implemented, as written (`実施日`); empty when none.
    pub date: String,
    /// What the state is stated through when the list does not state it of the id itself,
    /// by the rule `readiness` and `report` apply to governance and management criteria:
    /// the objective of an item (`4.4.7`), the items of an objective it does not name
    /// (`4.4.7.1, 4.4.7.2, …`), or the items stated otherwise that hold an objective back
    /// (`4.4.7.2`: not implemented, or planned, whatever the objective's own statement).
    /// `None` when the status is the list's own statement of the id.
    pub stated_as: Option<String>,
    /// Not applicable: whether with a reason, by the one judgement `report` and `readiness`
    /// make ([`crate::analysis::csp::na_reason_given`]: a text that gives none is none);
    /// `None` for any other status.
    pub reason_given: Option<bool>,
}

/// One catalog id that differs between the lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ControlChange {
    pub id: String,
    /// The catalog title in the report's language; empty when the catalog has none (or for
    /// an unverified detail id).
    pub title: String,
    /// What changed, in a fixed order: `status`, `stated_as`, `reason_no_longer_given` or
    /// `reason_now_given` (not applicable on both sides, with a reason on one only: review
    /// 23 B-2), `reason`, `evidence`, `owner`, `date`. Empty for added and removed ids.
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
    /// The service's own registration on `as_of` (as `report` judges it).
    pub registration: Registration,
    /// Its registry facts on `as_of`, for the cell a CSV row ends with (the kind and the
    /// renewal deadline beside the registration, as `report`'s CSV gives them).
    #[serde(skip)]
    pub registry: Registry,
    /// Read as a published list (pasted text, or a table of ids alone): the list of a
    /// service on the ISMAP list, whose registration is to be checked even when it states
    /// no registry fact (review 22 D-2).
    #[serde(skip)]
    pub published: bool,
}

/// A registry fact stated differently (or on one side only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FactChange {
    /// The profile field (`renewal_deadline`); of a service inherited from, prefixed with
    /// `inherits.` once per level (`inherits.renewal_deadline`).
    pub field: String,
    /// The service the fact is of, on the new side (else the old): the list's own
    /// service, or the one it inherits from.
    pub service: String,
    /// `null` when OLD does not state it.
    pub old: Option<String>,
    /// `null` when NEW does not state it.
    pub new: Option<String>,
}

/// A warning about the comparison or about the registrations of one side on `as_of`.
#[derive(Debug, Clone, Serialize)]
pub struct DiffWarning {
    /// `old`, `new`, or `both` (about the two lists together).
    pub side: &'static str,
    pub code: &'static str,
    pub message: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DiffSummary {
    /// Ids OLD states nothing of (not listed) and NEW states implemented (rows of `added`).
    pub added: usize,
    /// Ids OLD states nothing of (not listed) and NEW states not implemented, planned or not
    /// applicable (rows of `added` too): counted apart from `added`, which counts controls
    /// that came in (since `schema_version` 12, review 26 B-3: a control declared not
    /// implemented or excluded is not an addition).
    pub newly_stated_not_implemented: usize,
    pub removed: usize,
    pub status_changed: usize,
    /// Same status, another reason, evidence, owner or implementation date.
    pub details_changed: usize,
    pub unchanged: usize,
    /// Governance and management ids neither list states itself, stated through their
    /// objective or items (readiness's 記載元) and given no row: not counted as unchanged,
    /// which counts the ids a list states (review 20 D-1: they were counted nowhere).
    pub stated_through_only: usize,
    /// Ids NEW states only through another id (an objective's items, an objective through
    /// its items) and OLD states nothing of: added with the id that states them, whose row
    /// says so; not counted as added (which counts rows) nor as stated through only.
    pub added_through: usize,
    /// Ids OLD states only through another id and NEW states nothing of: removed with the
    /// id that stated them (review 22 D-1: a removed objective's items were counted as
    /// stated through another id).
    pub removed_through: usize,
    pub unknown_old: usize,
    pub unknown_new: usize,
    /// Registry facts stated differently (`registry`).
    pub registry_changed: usize,
    /// Anything added, removed or changed, a registry fact changed, or the unknown ids
    /// differ.
    pub differs: bool,
    /// NEW, or a service it inherits from, is lapsed, not yet registered, or was audited
    /// over a period ending after `as_of`: nothing may be relied on through it.
    pub new_not_in_effect: bool,
}

/// `ismap-gap diff OLD NEW`.
#[derive(Debug, Clone, Serialize)]
pub struct ListDiff {
    /// 1: the first versioned form (`schema/diff.schema.json`); 2: `as_of`, `registry`,
    /// `warnings`, each side's `registration`, `summary.registry_changed` and
    /// `summary.new_not_in_effect`; 7: each side's `stated_as` and the change field
    /// `stated_as`; 8: `summary.stated_through_only`; 9: `summary.added_through` and
    /// `summary.removed_through`, apart from `stated_through_only`; 12:
    /// `summary.newly_stated_not_implemented`, apart from `summary.added`.
    pub schema_version: u32,
    pub catalog: String,
    /// The date registrations are judged on.
    pub as_of: Date,
    pub old: ListSide,
    pub new: ListSide,
    pub summary: DiffSummary,
    /// Registry facts that differ, the service's own first, then those of the services
    /// it inherits from, nearest first; in a fixed field order.
    pub registry: Vec<FactChange>,
    /// Another service (registration number or name differ), and registrations not in
    /// effect on `as_of`.
    pub warnings: Vec<DiffWarning>,
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
        CspState::Planned { .. } => Declared::Planned,
        CspState::NotImplemented { .. } => Declared::NotImplemented,
    }
}

/// What the list states of `id` through something else ([`Stated::stated_as`]), when it
/// does not state it itself: an item through its objective, an objective through its items;
/// `None` when nothing.
fn stated_through(catalog: &Catalog, csp: &CspControls, id: &str) -> Option<Stated> {
    let (state, how) = csp.stated(catalog, id)?;
    if how == StatedAs::Itself {
        return None;
    }
    let e = catalog.get(id)?;
    Some(Stated {
        status: declared(state),
        reason: String::new(),
        evidence: String::new(),
        owner: String::new(),
        date: String::new(),
        stated_as: csp.stated_as(catalog, e),
        reason_given: reason_given(state),
    })
}

/// What the list states of `id`, as `readiness` reads it: its own statement, else what it
/// states of it through its objective or items ([`stated_through`]); of a governance or
/// management objective stated implemented or not at all, the items stated otherwise
/// that hold it back (not implemented, or planned) decide, named as what it is stated
/// through (review 17 D-7: an item edited to 未実施 breaks its objective).
fn effective(
    catalog: &Catalog,
    csp: &CspControls,
    own: &BTreeMap<String, Stated>,
    id: &str,
) -> Option<Stated> {
    let stated = own
        .get(id)
        .cloned()
        .or_else(|| stated_through(catalog, csp, id));
    if stated
        .as_ref()
        .is_some_and(|s| s.status != Declared::Implemented)
    {
        return stated;
    }
    let Some((held, items)) = csp.held_back_by(catalog, id) else {
        return stated;
    };
    let status = match held {
        HeldBack::Missing => Declared::NotImplemented,
        HeldBack::Planned => Declared::Planned,
    };
    let stated_as = Some(items.join(", "));
    Some(match stated {
        Some(s) => Stated {
            status,
            stated_as,
            reason_given: None,
            ..s
        },
        None => Stated {
            status,
            reason: String::new(),
            evidence: String::new(),
            owner: String::new(),
            date: String::new(),
            stated_as,
            reason_given: None,
        },
    })
}

/// Catalog id → what the list states of it. Statuses come from [`resolve_attestation`]
/// (the later statement of an id wins there); reason, evidence and owner from that same
/// statement, found through the same resolver.
fn stated(
    catalog: &Catalog,
    att: &Attestation,
) -> (CspControls, BTreeMap<String, Stated>, Vec<UnknownId>) {
    let mut controls = resolve_attestation(catalog, att);
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
                // what the list wrote, also a text that gives no reason
                CspState::NotApplicable { reason, unaccepted } => match unaccepted {
                    Some(u) if reason.trim().is_empty() => u.text.clone(),
                    _ => reason.trim().to_owned(),
                },
                _ => text(|l| &l.reason),
            };
            (
                id.clone(),
                Stated {
                    status: declared(state),
                    reason,
                    evidence: text(|l| &l.evidence),
                    owner: text(|l| &l.owner),
                    date: text(|l| &l.date),
                    stated_as: None,
                    reason_given: reason_given(state),
                },
            )
        })
        .collect();
    let unknown = std::mem::take(&mut controls.unknown);
    (controls, states, unknown)
}

/// [`Stated::reason_given`] of a state.
fn reason_given(state: &CspState) -> Option<bool> {
    match state {
        CspState::NotApplicable { reason, .. } => {
            Some(crate::analysis::csp::na_reason_given(reason))
        }
        _ => None,
    }
}

fn changed_fields(old: &Stated, new: &Stated) -> Vec<&'static str> {
    let mut f = Vec::new();
    if old.status != new.status {
        f.push("status");
    }
    if old.stated_as != new.stated_as {
        f.push("stated_as");
    }
    // not applicable on both sides, a reason given on one only: a change of its own
    match (old.reason_given, new.reason_given) {
        (Some(true), Some(false)) => f.push("reason_no_longer_given"),
        (Some(false), Some(true)) => f.push("reason_now_given"),
        _ => {}
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
    if old.date != new.date {
        f.push("date");
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

fn side(att: &Attestation, controls: usize, unknown: Vec<UnknownId>, as_of: Date) -> ListSide {
    ListSide {
        source: att.source.display().to_string(),
        name: att.display_name(),
        controls,
        unknown,
        registration: Registration::of(att, as_of),
        registry: Registry::of(att, as_of),
        published: att.read_as.pasted || att.read_as.kind == crate::model::ReadKind::PublishedList,
    }
}

/// The registry facts of one service, by profile field, in a fixed order; `None` where it
/// states nothing. Text is trimmed; the list of the scope joined by `; `.
fn facts(att: &Attestation) -> Vec<(&'static str, Option<String>)> {
    let text = |t: &Option<String>| {
        t.as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    };
    let list = |v: &[String]| (!v.is_empty()).then(|| v.join("; "));
    vec![
        ("name", text(&att.name)),
        ("provider", text(&att.provider)),
        ("registration_number", text(&att.registration_number)),
        (
            "registration_kind",
            att.registration_kind.map(|k| {
                match k {
                    RegistrationKind::Ismap => "ismap",
                    RegistrationKind::IsmapLiu => "ismap-liu",
                }
                .to_owned()
            }),
        ),
        ("registered", att.registered.map(|d| d.to_string())),
        (
            "renewal_deadline",
            att.renewal_deadline.map(|d| d.to_string()),
        ),
        ("audit_period", att.audit_period.map(|p| p.to_string())),
        ("scope", list(&att.scope)),
        ("governing_law", text(&att.governing_law)),
        ("jurisdiction", text(&att.jurisdiction)),
        ("subsequent_events", text(&att.subsequent_events)),
        ("improvement_plan", text(&att.improvement_plan)),
        ("capital_relationships", text(&att.capital_relationships)),
        ("third_party_testing", text(&att.third_party_testing)),
    ]
}

/// The registry facts of both sides compared, then those of the services they inherit
/// from (`inherits:`), level by level, with the scope inherited.
fn registry_changes(old: &Attestation, new: &Attestation) -> Vec<FactChange> {
    let mut out = Vec::new();
    let (mut old, mut new) = (Some(old), Some(new));
    let mut prefix = String::new();
    while old.is_some() || new.is_some() {
        let service = new
            .or(old)
            .map(Attestation::display_name)
            .unwrap_or_default();
        let none = || facts(&Attestation::default()).into_iter();
        let old_facts = old.map_or_else(|| none().collect(), facts);
        let new_facts = new.map_or_else(|| none().collect(), facts);
        for ((field, o), (_, n)) in old_facts.into_iter().zip(new_facts) {
            if o != n {
                out.push(FactChange {
                    field: format!("{prefix}{field}"),
                    service: service.clone(),
                    old: o,
                    new: n,
                });
            }
        }
        let old_under = old.and_then(|a| a.underlying.as_deref());
        let new_under = new.and_then(|a| a.underlying.as_deref());
        let scope = |u: Option<&crate::model::Underlying>| u.map(|u| u.scope.join(", "));
        let (o, n) = (scope(old_under), scope(new_under));
        if o != n {
            out.push(FactChange {
                field: format!("{prefix}inherited"),
                service: service.clone(),
                old: o,
                new: n,
            });
        }
        old = old_under.map(|u| &u.attestation);
        new = new_under.map(|u| &u.attestation);
        prefix.push_str("inherits.");
    }
    out
}

/// The warnings of one side: what `report` says of registrations not in effect on
/// `as_of` (lapsed, not yet registered, audit period not ended), for the service and the
/// services it inherits from.
fn validity_warnings(
    catalog: &Catalog,
    att: &Attestation,
    csp: &CspControls,
    side: &'static str,
    as_of: Date,
    lang: Lang,
) -> Vec<DiffWarning> {
    // (a renewal applied for past the deadline is not in effect either, and an implausible
    // deadline may hide a lapse: review 24 E, session 15's rest)
    const NOT_IN_EFFECT: [&str; 5] = [
        "registration-lapsed",
        "registration-renewal-pending",
        "registration-not-yet-valid",
        "audit-period-not-ended",
        "renewal-deadline-implausible",
    ];
    let coverage = ListCoverage::of(catalog, csp);
    csp_warnings(att, csp, &coverage, as_of, lang)
        .into_iter()
        .filter(|w: &Warning| NOT_IN_EFFECT.contains(&w.code))
        .map(|w| DiffWarning {
            side,
            code: w.code,
            message: w.message,
        })
        .collect()
}

/// The warnings of one side on how its list was read, as `report` gives them (an overview
/// stated, a suffix mismatch, an inherited objective restated, workbook marks not read):
/// a change between two lists is only as good as the reading of each.
fn reading_warnings(csp: &CspControls, side: &'static str, lang: Lang) -> Vec<DiffWarning> {
    csp.statement_warnings(lang)
        .into_iter()
        .map(|w| DiffWarning {
            side,
            code: w.code,
            message: w.message,
        })
        .collect()
}

/// Whether the two lists are of different services: both give a registration number, or
/// both a name, and they differ.
fn other_service(old: &Attestation, new: &Attestation, lang: Lang) -> Option<DiffWarning> {
    let differ = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) => {
            let key = |s: &str| crate::text::header_key(s).into_owned();
            (key(a) != key(b)).then(|| format!("'{}' → '{}'", a.trim(), b.trim()))
        }
        _ => None,
    };
    let mut what = Vec::new();
    if let Some(d) = differ(&old.registration_number, &new.registration_number) {
        what.push((
            crate::model::registry_field_label("registration_number", lang),
            d,
        ));
    }
    if let Some(d) = differ(&old.name, &new.name) {
        what.push((crate::model::registry_field_label("name", lang), d));
    }
    if what.is_empty() {
        return None;
    }
    let what: Vec<String> = what.iter().map(|(l, d)| format!("{l} {d}")).collect();
    let what = what.join(", ");
    Some(DiffWarning {
        side: "both",
        code: "different-service",
        message: match lang {
            Lang::Ja => format!("旧と新は別のサービスの一覧です ({what}): 同じサービスの一覧どうしを比べてください"),
            Lang::En => format!("OLD and NEW are lists of different services ({what}): compare two lists of the same service"),
        },
    })
}

/// Compares two control lists through the catalog, with their registry facts, judging
/// registrations on `as_of`.
pub fn diff(
    catalog: &Catalog,
    old: &Attestation,
    new: &Attestation,
    as_of: Date,
    lang: Lang,
) -> ListDiff {
    let (old_csp, old_states, old_unknown) = stated(catalog, old);
    let (new_csp, new_states, new_unknown) = stated(catalog, new);
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
    let mut through_only = 0;
    let (mut added_through, mut removed_through) = (0, 0);
    // the ids either list states, and the governance and management objectives of the
    // items either states: an id stated on one side only may be stated through its
    // objective or items on the other (a change of status, not an id added), and an item
    // stated otherwise changes the state of its objective
    let mut ids: BTreeSet<&str> = BTreeSet::new();
    for id in old_states.keys().chain(new_states.keys()) {
        ids.insert(id);
        if let Some(p) = catalog
            .get(id)
            .filter(|e| e.layer != Layer::Control && e.level == Level::Detail)
            .and_then(|e| e.parent.as_deref())
        {
            ids.insert(p);
        }
    }
    for &id in &ids {
        let own = old_states.contains_key(id) || new_states.contains_key(id);
        let o = effective(catalog, &old_csp, &old_states, id);
        let n = effective(catalog, &new_csp, &new_states, id);
        match (&o, &n) {
            (None, None) => {}
            // stated on one side only, there through other ids only: added or removed with
            // them, whose rows say so (an id the old list states itself is a row)
            (None, Some(s)) if s.stated_as.is_some() && !own => added_through += 1,
            (Some(s), None) if s.stated_as.is_some() && !own => removed_through += 1,
            (None, Some(n)) => added.push(change(id, Vec::new(), None, Some(n))),
            (Some(o), None) => removed.push(change(id, Vec::new(), Some(o), None)),
            (Some(o), Some(n)) => {
                let fields = changed_fields(o, n);
                if !fields.is_empty() {
                    changed.push(change(id, fields, Some(o), Some(n)));
                } else if own {
                    unchanged += 1;
                } else {
                    through_only += 1;
                }
            }
        }
    }
    // the items neither list names, stated through their objective (the 記載元 rows of a
    // statement readiness wrote): on both sides, their objective's row says any change;
    // on one side only, they were added or removed with it
    for e in catalog
        .entries()
        .iter()
        .filter(|e| e.layer != Layer::Control && e.level == Level::Detail)
        .filter(|e| !ids.contains(e.id.as_str()))
    {
        match (
            stated_through(catalog, &old_csp, &e.id).is_some(),
            stated_through(catalog, &new_csp, &e.id).is_some(),
        ) {
            (true, true) => through_only += 1,
            (true, false) => removed_through += 1,
            (false, true) => added_through += 1,
            (false, false) => {}
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
    let registry = registry_changes(old, new);
    let mut warnings: Vec<DiffWarning> = other_service(old, new, lang).into_iter().collect();
    warnings.extend(validity_warnings(
        catalog, old, &old_csp, "old", as_of, lang,
    ));
    let new_warnings = validity_warnings(catalog, new, &new_csp, "new", as_of, lang);
    // (an implausible deadline is a warning, the registration still taken as valid)
    let new_not_in_effect = new_warnings
        .iter()
        .any(|w| w.code != "renewal-deadline-implausible");
    warnings.extend(new_warnings);
    for (csp, side) in [(&old_csp, "old"), (&new_csp, "new")] {
        warnings.extend(reading_warnings(csp, side, lang));
    }
    let newly_stated_not_implemented = added
        .iter()
        .filter(|c| {
            c.new
                .as_ref()
                .is_some_and(|n| n.status != Declared::Implemented)
        })
        .count();
    let summary = DiffSummary {
        added: added.len() - newly_stated_not_implemented,
        newly_stated_not_implemented,
        removed: removed.len(),
        status_changed,
        details_changed: changed.len() - status_changed,
        unchanged,
        stated_through_only: through_only,
        added_through,
        removed_through,
        unknown_old: old_unknown.len(),
        unknown_new: new_unknown.len(),
        registry_changed: registry.len(),
        differs: !(added.is_empty()
            && removed.is_empty()
            && changed.is_empty()
            && registry.is_empty())
            || unknown_ids(&old_unknown) != unknown_ids(&new_unknown),
        new_not_in_effect,
    };
    ListDiff {
        schema_version: 12,
        catalog: catalog.line(),
        as_of,
        old: side(old, old_states.len(), old_unknown, as_of),
        new: side(new, new_states.len(), new_unknown, as_of),
        summary,
        registry,
        warnings,
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

    fn day() -> Date {
        Date::new(2026, 4, 1).unwrap()
    }

    #[test]
    fn registry_facts_of_the_service_and_the_one_under_it_are_differences() {
        let catalog = Catalog::embedded().unwrap();
        let controls = vec![ListedControl::implemented("9.2.1", None)];
        let iaas = |deadline| Attestation {
            name: Some("IaaS".into()),
            renewal_deadline: Date::new(deadline, 3, 31),
            ..att("iaas", vec![ListedControl::implemented("11.1.1", None)])
        };
        let saas = |deadline, plan: &str, under| Attestation {
            name: Some("SaaS".into()),
            registration_number: Some("C0001".into()),
            renewal_deadline: Date::new(deadline, 3, 31),
            improvement_plan: Some(plan.into()),
            underlying: Some(Box::new(crate::model::Underlying {
                attestation: under,
                scope: vec!["11".into()],
            })),
            ..att("saas", controls.clone())
        };
        let old = saas(2027, "無", iaas(2027));
        let d = diff(&catalog, &old, &old, day(), Lang::En);
        assert!(!d.summary.differs && d.registry.is_empty() && d.warnings.is_empty());
        // the controls are the same; the deadlines and the plan are not
        let new = saas(2025, "有", iaas(2026));
        let d = diff(&catalog, &old, &new, day(), Lang::En);
        assert!(d.added.is_empty() && d.removed.is_empty() && d.changed.is_empty());
        let fields: Vec<(&str, &str)> = d
            .registry
            .iter()
            .map(|f| (f.field.as_str(), f.service.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("renewal_deadline", "SaaS"),
                ("improvement_plan", "SaaS"),
                ("inherits.renewal_deadline", "IaaS")
            ]
        );
        assert_eq!(d.registry[0].old.as_deref(), Some("2027-03-31"));
        assert_eq!(d.registry[0].new.as_deref(), Some("2025-03-31"));
        assert_eq!(d.summary.registry_changed, 3);
        assert!(d.summary.differs && d.summary.new_not_in_effect);
        assert_eq!(d.new.registration, Registration::Lapsed);
        assert_eq!(d.old.registration, Registration::Valid);
        let codes: Vec<(&str, &str)> = d.warnings.iter().map(|w| (w.side, w.code)).collect();
        // the SaaS's own deadline and the IaaS's (2026-03-31, before the date)
        assert_eq!(
            codes,
            [
                ("new", "registration-lapsed"),
                ("new", "registration-lapsed")
            ]
        );
        // the same controls on a lapsed IaaS only: still not in effect
        let new = saas(2027, "無", iaas(2026));
        let d = diff(&catalog, &old, &new, day(), Lang::En);
        assert_eq!(d.summary.registry_changed, 1);
        assert!(d.summary.new_not_in_effect);
        assert!(d.warnings[0].message.contains("underlying service IaaS"));
    }

    #[test]
    fn another_service_is_warned_of() {
        let catalog = Catalog::embedded().unwrap();
        let old = Attestation {
            name: Some("Service A".into()),
            registration_number: Some("C0001".into()),
            ..att("a", vec![ListedControl::implemented("9.2.1", None)])
        };
        let new = Attestation {
            registration_number: Some("C0002".into()),
            ..old.clone()
        };
        let d = diff(&catalog, &old, &new, day(), Lang::En);
        assert_eq!(d.warnings.len(), 1);
        assert_eq!(
            (d.warnings[0].side, d.warnings[0].code),
            ("both", "different-service")
        );
        assert!(d.warnings[0].message.contains("'C0001' → 'C0002'"));
        assert!(d.summary.differs);
        // the name written in another width is the same name
        let new = Attestation {
            name: Some("Ｓｅｒｖｉｃｅ　Ａ".into()),
            ..old.clone()
        };
        let d = diff(&catalog, &old, &new, day(), Lang::En);
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
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
        let d = diff(&catalog, &old, &new, day(), Lang::En);
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
        let d = diff(&catalog, &old, &new, day(), Lang::Ja);
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
        let d = diff(&catalog, &old, &new, day(), Lang::En);
        assert!(d.old.unknown.is_empty());
        assert_eq!(d.new.unknown.len(), 1);
        assert_eq!(d.new.unknown[0].id, "9.9.9");
        assert_eq!(d.new.unknown[0].line, Some(2));
        assert_eq!(d.summary.unknown_new, 1);
        assert!(d.summary.differs);
        // the same unknown id on both sides is reported, but is no difference
        let d = diff(&catalog, &new, &new, day(), Lang::En);
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
        let d = diff(&catalog, &old, &new, day(), Lang::En);
        assert_eq!(ids(&d.changed), ["9.2.1"]);
        assert_eq!(d.changed[0].fields, ["status", "evidence"]);
        assert_eq!(d.changed[0].new.as_ref().unwrap().evidence, "E-2");
    }

    fn by_id<'a>(d: &'a ListDiff, id: &str) -> &'a ControlChange {
        d.all_changes()
            .into_iter()
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("no change of {id}"))
    }

    /// Review 17 D-7: an item stated through its objective (the statement `readiness`
    /// writes) and edited to 未実施 is a status change, not an id added; the objective it
    /// holds back changes too, stated through the item.
    #[test]
    fn an_item_stated_through_its_objective_and_edited_is_a_status_change() {
        let catalog = Catalog::embedded().unwrap();
        use Declared::*;
        let old = att("old", vec![listed("4.4.7", Implemented, "", "")]);
        let new = att(
            "new",
            vec![
                listed("4.4.7", Implemented, "", ""),
                listed("4.4.7.2", NotImplemented, "not yet", ""),
            ],
        );
        let d = diff(&catalog, &old, &new, day(), Lang::En);
        assert!(d.added.is_empty() && d.removed.is_empty(), "{d:?}");
        assert_eq!(ids(&d.changed), ["4.4.7", "4.4.7.2"]);
        let item = by_id(&d, "4.4.7.2");
        assert_eq!(item.fields, ["status", "stated_as", "reason"]);
        let o = item.old.as_ref().unwrap();
        assert_eq!(
            (o.status, o.stated_as.as_deref()),
            (Implemented, Some("4.4.7"))
        );
        let n = item.new.as_ref().unwrap();
        assert_eq!((n.status, n.stated_as.as_deref()), (NotImplemented, None));
        let objective = by_id(&d, "4.4.7");
        assert_eq!(objective.fields, ["status", "stated_as"]);
        let n = objective.new.as_ref().unwrap();
        assert_eq!(
            (n.status, n.stated_as.as_deref()),
            (NotImplemented, Some("4.4.7.2"))
        );
        assert_eq!(objective.old.as_ref().unwrap().stated_as, None);
        assert_eq!((d.summary.status_changed, d.summary.unchanged), (2, 0));
        // back again: the same changes the other way, no id removed
        let d = diff(&catalog, &new, &old, day(), Lang::En);
        assert!(d.added.is_empty() && d.removed.is_empty());
        assert_eq!(ids(&d.changed), ["4.4.7", "4.4.7.2"]);
        // a planned item holds its objective back to planned
        let planned = att(
            "new",
            vec![
                listed("4.4.7", Implemented, "", ""),
                listed("4.4.7.2", Planned, "", ""),
            ],
        );
        let d = diff(&catalog, &old, &planned, day(), Lang::En);
        let n = by_id(&d, "4.4.7").new.clone().unwrap();
        assert_eq!(
            (n.status, n.stated_as.as_deref()),
            (Planned, Some("4.4.7.2"))
        );
    }

    /// Every item of an objective the list does not name stated implemented: the
    /// objective is implemented through them; one of them edited to 未実施 is a status
    /// change of the item and of the objective, never an id added or removed.
    #[test]
    fn an_objective_stated_through_its_items_follows_them() {
        let catalog = Catalog::embedded().unwrap();
        use Declared::*;
        let items: Vec<String> = catalog.items_of("4.4.7").map(|e| e.id.clone()).collect();
        let rows = |off: &str| {
            items
                .iter()
                .map(|i| {
                    let d = if i == off {
                        NotImplemented
                    } else {
                        Implemented
                    };
                    listed(i, d, "", "")
                })
                .collect::<Vec<_>>()
        };
        let old = att("old", rows(""));
        let new = att("new", rows("4.4.7.3"));
        let d = diff(&catalog, &old, &new, day(), Lang::En);
        assert!(d.added.is_empty() && d.removed.is_empty(), "{d:?}");
        assert_eq!(ids(&d.changed), ["4.4.7", "4.4.7.3"]);
        let o = by_id(&d, "4.4.7").old.clone().unwrap();
        assert_eq!(o.status, Implemented);
        assert_eq!(o.stated_as.as_deref(), Some(items.join(", ").as_str()));
        let n = by_id(&d, "4.4.7").new.clone().unwrap();
        assert_eq!(
            (n.status, n.stated_as.as_deref()),
            (NotImplemented, Some("4.4.7.3"))
        );
        // the objective of no list's own is counted as no unchanged id
        assert_eq!(d.summary.unchanged, items.len() - 1);
        let same = diff(&catalog, &old, &old, day(), Lang::En);
        assert!(!same.summary.differs);
        assert_eq!(same.summary.unchanged, items.len());
    }

    /// Guards beside D-7: an item restated itself with its objective's status is a change
    /// of what it is stated through only (記載変更), not of status; a list naming an item
    /// of an objective the other does not state at all adds the item, and no objective
    /// row of its own; a control's detail (no governance or management item) is never
    /// stated through its objective: added.
    #[test]
    fn restating_an_item_itself_is_no_status_change() {
        let catalog = Catalog::embedded().unwrap();
        use Declared::*;
        let old = att("old", vec![listed("4.4.7", Implemented, "", "")]);
        let new = att(
            "new",
            vec![
                listed("4.4.7", Implemented, "", ""),
                listed("4.4.7.2", Implemented, "", "E-1"),
            ],
        );
        let d = diff(&catalog, &old, &new, day(), Lang::En);
        assert_eq!(ids(&d.changed), ["4.4.7.2"]);
        assert_eq!(d.changed[0].fields, ["stated_as", "evidence"]);
        assert_eq!(
            (d.summary.status_changed, d.summary.details_changed),
            (0, 1)
        );
        assert_eq!(d.summary.unchanged, 1);
        // nothing of 4.4.7 before: the item is added, the objective it holds back is no row
        let old = att("old", vec![listed("9.2.1", Implemented, "", "")]);
        let new = att(
            "new",
            vec![
                listed("9.2.1", Implemented, "", ""),
                listed("4.4.7.2", NotImplemented, "", ""),
            ],
        );
        let d = diff(&catalog, &old, &new, day(), Lang::En);
        assert_eq!(ids(&d.added), ["4.4.7.2"]);
        assert!(d.changed.is_empty() && d.removed.is_empty());
        // a control's detail under an objective stated implemented: added
        let detail = catalog
            .items_of("9.2.1")
            .next()
            .map(|e| e.id.clone())
            .unwrap();
        let new = att(
            "new",
            vec![
                listed("9.2.1", Implemented, "", ""),
                listed(&detail, NotImplemented, "", ""),
            ],
        );
        let d = diff(&catalog, &old, &new, day(), Lang::En);
        assert_eq!(ids(&d.added), [detail.as_str()]);
        assert!(d.changed.is_empty());
    }
}
