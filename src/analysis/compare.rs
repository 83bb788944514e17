//! Many CSPs side by side: for each check item the status and reasons `report` would give
//! for each CSP (the same computation, [`item_verdict`], no second copy), counts per CSP,
//! and a ranking.
use std::collections::HashSet;
use std::sync::Arc;

use serde::{Serialize, Serializer};

use crate::analysis::csp::{
    csp_warnings, resolve_attestation_with, ListCoverage, ListedIds, Registration, UnknownId,
};
use crate::analysis::gap::{
    analyse_resolved, covered_with_notes, item_verdict, ref_verdicts, CatalogInfo, ChecksInfo,
    ExcludedParts, GapReport, ItemText, Judge, Limits, Reasons, RefLabels, RefOutcome,
    ResolvedRefs, Summary, TargetPlans, Warning,
};
use crate::analysis::registration::UnderlyingInfo;
use crate::analysis::status::Status;
use crate::catalog::Catalog;
use crate::date::Date;
use crate::lang::Lang;
use crate::model::{Attestation, CheckList};

/// Above this many CSPs the workbook holds no per-CSP gap sheets.
pub const MAX_DETAIL_SHEETS: usize = 20;

#[derive(Debug, Clone, Serialize)]
pub struct CspColumn {
    /// Profile name (else file name), made unique within the comparison.
    pub name: String,
    pub source: String,
    /// 1 = best: by [`Tier`] (valid without warnings, valid with warnings, validity not
    /// checked, lapsed or not yet valid), then within a tier highest share covered, then
    /// fewest not-covered, then the registration, then a stated registration kind before
    /// an unstated one, then name.
    pub rank: usize,
    pub tier: Tier,
    /// Its registration on the comparison's date: valid, not checked (no renewal deadline
    /// given), not yet valid (registered after the date, or its audit period ends after
    /// it) or lapsed.
    pub registration: Registration,
    pub counts: Summary,
    /// `counts.covered_share`: `None` when no item is asked (the ranking is then by tier
    /// and the keys after the share).
    pub covered_share: Option<f64>,
    /// The service it runs on, when its profile inherits coverage, with its registration
    /// and the service under it: `report`'s `csp.inherits`, the same description (a name
    /// before `schema_version` 19).
    pub inherits: Option<UnderlyingInfo>,
    /// Ids of its list that are not in the catalog, with their line and suggestions, as in
    /// `report` (plain strings before `schema_version` 3).
    pub unknown_ids: Vec<UnknownId>,
    /// Its warnings, as `report` gives them for it (registration, audit period, list
    /// completeness, published facts, unknown ids).
    pub warnings: Vec<Warning>,
}

/// The order of two shares covered, the larger last; no share (no item asked, the same for
/// every CSP of a comparison: the check list says it) orders before any.
fn share_cmp(a: Option<f64>, b: Option<f64>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.total_cmp(&b),
        (a, b) => a.is_some().cmp(&b.is_some()),
    }
}

/// The tier a CSP is ranked in, best first: the ranking's first key, before the share
/// covered. Serialised `valid`, `valid-with-warnings`, `not-checked`, `not-in-effect`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tier {
    /// Valid on the date, and no warning about the CSP (its statement, the services it
    /// rests on, its list).
    Valid,
    /// Valid on the date, with at least one warning: an audit period that ended long
    /// before, a one-day (design only) audit or none given, an ISMAP-LIU registration, subsequent
    /// events, an improvement plan, an underlying service lapsed or not checked, a list
    /// that looks incomplete, ids not in the catalog.
    ValidWithWarnings,
    /// No renewal deadline given: validity not checked.
    NotChecked,
    /// Lapsed, or not yet valid: nothing is covered on it.
    NotInEffect,
}

impl Tier {
    pub const ALL: [Tier; 4] = [
        Tier::Valid,
        Tier::ValidWithWarnings,
        Tier::NotChecked,
        Tier::NotInEffect,
    ];

    pub fn of(registration: Registration, warnings: &[Warning]) -> Tier {
        match registration {
            Registration::Lapsed | Registration::NotYetValid | Registration::RenewalPending => {
                Tier::NotInEffect
            }
            Registration::NotChecked => Tier::NotChecked,
            Registration::Valid if warnings.is_empty() => Tier::Valid,
            Registration::Valid => Tier::ValidWithWarnings,
        }
    }

    /// 1 = best.
    pub fn number(self) -> usize {
        self as usize + 1
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Tier::Valid => lang.pick("有効・警告なし", "valid, no warnings"),
            Tier::ValidWithWarnings => lang.pick("有効・警告あり", "valid, with warnings"),
            Tier::NotChecked => lang.pick("有効性未確認", "validity not checked"),
            Tier::NotInEffect => lang.pick("失効・未発効", "lapsed or not yet valid"),
        }
    }

    /// "2 有効・警告あり": the tier as a cell shows it.
    pub fn cell(self, lang: Lang) -> String {
        format!("{} {}", self.number(), self.label(lang))
    }
}

/// Statuses of one item, in the order of the ranked CSPs; serialised as `{name: status}`.
/// Each CSP's name is shared by its statuses (1,000 items × 1,000 CSPs made a million
/// copies of the names).
#[derive(Debug, Clone, Default)]
pub struct Statuses(pub Vec<(Arc<str>, Status)>);

impl Serialize for Statuses {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

#[derive(Debug, Clone)]
pub struct CompareItem {
    pub id: String,
    pub title: String,
    pub row: usize,
    pub statuses: Statuses,
    /// The reasons `report` gives the item for each CSP, in the order of `statuses`;
    /// serialised as `{name: [reason]}`.
    pub reasons: Vec<Reasons>,
}

impl CompareItem {
    /// The `k`-th CSP's status carries notes: it is covered, and `report` gives the item
    /// reasons for it (on a covered item every reason is a note: the status rule gives
    /// `covered` only when nothing lowers it). The matrix marks such a cell.
    pub fn noted(&self, k: usize) -> bool {
        self.statuses.0.get(k).is_some_and(|(_, status)| {
            covered_with_notes(*status, self.reasons.get(k).is_some_and(|r| !r.is_empty()))
        })
    }
}

impl Serialize for CompareItem {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct PerCsp<'a>(&'a CompareItem);
        impl Serialize for PerCsp<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let item = self.0;
                s.collect_map(
                    item.statuses
                        .0
                        .iter()
                        .zip(&item.reasons)
                        .map(|((name, _), r)| (name, r.to_vec())),
                )
            }
        }
        let mut st = s.serialize_struct("CompareItem", 5)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("title", &self.title)?;
        st.serialize_field("row", &self.row)?;
        st.serialize_field("statuses", &self.statuses)?;
        st.serialize_field("reasons", &PerCsp(self))?;
        st.end()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CompareReport {
    /// 3: `csps[].unknown_ids` are objects (`id`, `line`, `suggestions`), as in `report`;
    /// 4: `csps[].registration` and `csps[].warnings`; 5: `checks.iso_edition`; 7:
    /// registration `not-yet-valid`, ranked with the lapsed ones; 8: `csps[].tier`, the
    /// ranking's first key; 14: `items[].reasons`, the reasons `report` gives each item
    /// for each CSP; 24: the statuses `unmapped` and `not-asked` (review 15 B-3, B-1).
    pub schema_version: u32,
    pub lang: Lang,
    pub as_of: Date,
    pub catalog: CatalogInfo,
    pub checks: ChecksInfo,
    /// Ranked, best first.
    pub csps: Vec<CspColumn>,
    /// In input order.
    pub items: Vec<CompareItem>,
    /// Full gap reports, in rank order, when there are at most [`MAX_DETAIL_SHEETS`] CSPs
    /// (for the workbook's per-CSP sheets).
    #[serde(skip)]
    pub details: Vec<GapReport>,
}

/// Names unique within the comparison: a repeated name gets its file name appended, and
/// should that still collide (a profile named like another's "name (file)"), a number.
fn unique_names(atts: &[Attestation]) -> Vec<String> {
    let names: Vec<String> = atts.iter().map(Attestation::display_name).collect();
    let with_files: Vec<String> = names
        .iter()
        .zip(atts)
        .map(|(n, a)| {
            if names.iter().filter(|m| *m == n).count() > 1 {
                format!("{n} ({})", a.source.display())
            } else {
                n.clone()
            }
        })
        .collect();
    let taken: HashSet<&str> = with_files.iter().map(String::as_str).collect();
    let mut used: HashSet<String> = HashSet::new();
    let mut unique = Vec::with_capacity(with_files.len());
    for name in &with_files {
        let name = if used.contains(name) {
            (2..)
                .map(|k| format!("{name} #{k}"))
                .find(|c| !taken.contains(c.as_str()) && !used.contains(c))
                .unwrap_or_else(|| name.clone())
        } else {
            name.clone()
        };
        used.insert(name.clone());
        unique.push(name);
    }
    unique
}

/// `f(state, i, item)` of every item, in the items' order, worked out on two threads, each
/// with its own `state` (from `init`): each thread takes the next item not yet taken, so a
/// slow one (a large workbook) holds nobody up. `compare` reads and evaluates each CSP on
/// its own.
pub fn in_order_on_two_threads<T: Sync, S, R: Send>(
    items: &[T],
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, usize, &T) -> R + Sync,
) -> Vec<R> {
    let all: Result<Vec<R>, std::convert::Infallible> =
        try_in_order_on_two_threads(items, init, |s, i, t| Ok(f(s, i, t)));
    match all {
        Ok(all) => all,
        Err(never) => match never {},
    }
}

/// [`in_order_on_two_threads`] for a fallible `f`: the first error in the items' order, as
/// one thread going through them would give; no item after an error is started.
pub fn try_in_order_on_two_threads<T: Sync, S, R: Send, E: Send>(
    items: &[T],
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, usize, &T) -> Result<R, E> + Sync,
) -> Result<Vec<R>, E> {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    if items.len() < 2 {
        let mut state = init();
        return items
            .iter()
            .enumerate()
            .map(|(i, t)| f(&mut state, i, t))
            .collect();
    }
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    // every item before the one that failed was taken before it (the counter only grows),
    // so each is finished, and the first error in order is among those gathered
    let work = || {
        let mut state = init();
        let mut done = Vec::new();
        while !failed.load(Ordering::Relaxed) {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(t) = items.get(i) else { break };
            let r = f(&mut state, i, t);
            if r.is_err() {
                failed.store(true, Ordering::Relaxed);
            }
            done.push((i, r));
        }
        done
    };
    let mut done = std::thread::scope(|s| {
        let other = s.spawn(work);
        let mut mine = work();
        match other.join() {
            Ok(theirs) => mine.extend(theirs),
            Err(panic) => std::panic::resume_unwind(panic),
        }
        mine
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

pub fn compare(
    catalog: &Catalog,
    checks: &CheckList,
    atts: &[Attestation],
    as_of: Date,
    lang: Lang,
) -> CompareReport {
    let names = unique_names(atts);
    let resolved = ResolvedRefs::of_list(catalog, checks);
    let labels = RefLabels::of(&resolved);
    // each CSP on its own: its items' statuses and reasons, and its column
    // what does not depend on the CSP worked out once: what each target stands for in the
    // catalog, and (on each thread) what each id text of the lists resolves to
    let plans = TargetPlans::of(catalog, &resolved);
    // each item's text as the scopes read it, read once for every CSP
    let texts: Vec<ItemText> = checks.items.iter().map(ItemText::of).collect();
    let per_csp = in_order_on_two_threads(atts, ListedIds::default, |ids, c, att| {
        let csp = resolve_attestation_with(catalog, att, ids);
        let coverage = ListCoverage::of(catalog, &csp);
        let judge = Judge::new(catalog, &csp, &coverage, as_of).with_plans(&plans);
        // each distinct reference evaluated once, then each item's status and reasons
        let refs = ref_verdicts(&judge, &resolved, &labels, lang);
        let excluded = ExcludedParts::of_statement(att);
        let row: Vec<(Status, Reasons)> = checks
            .items
            .iter()
            .zip(&texts)
            .enumerate()
            .map(|(i, (item, text))| {
                let of_item = resolved.of_item(i).iter().map(|&r| {
                    refs.get(r as usize)
                        .copied()
                        .unwrap_or((RefOutcome::Unresolved, Reasons::default()))
                });
                let limits = resolved.limits(i);
                let limits = Limits {
                    outside_scope: excluded.named_with(text, limits.physical),
                    ..limits
                };
                item_verdict(of_item, item, limits)
            })
            .collect();
        let mut counts = Summary::tally(row.iter().map(|(s, r)| (*s, !r.is_empty())));
        counts.unresolved_references = resolved.unresolved_count(&checks.items);
        let warnings = csp_warnings(att, &csp, &coverage, as_of, lang);
        let registration = Registration::of(att, as_of);
        let column = CspColumn {
            name: names[c].clone(),
            source: att.source.display().to_string(),
            rank: 0,
            tier: Tier::of(registration, &warnings),
            registration,
            warnings,
            covered_share: counts.covered_share,
            counts,
            inherits: UnderlyingInfo::of(att, as_of),
            unknown_ids: csp.unknown,
        };
        (row, column)
    });
    // statuses[c][i]: CSP c, item i, its status and reasons
    let mut statuses: Vec<Vec<(Status, Reasons)>> = Vec::with_capacity(atts.len());
    let mut columns: Vec<(usize, CspColumn)> = Vec::with_capacity(atts.len());
    for (c, (row, column)) in per_csp.into_iter().enumerate() {
        statuses.push(row);
        columns.push((c, column));
    }
    // a lapsed CSP is never above a valid one, a warned one never above a clean one; at
    // equal shares, a registration of unknown kind never above one whose kind is known
    let kind_unstated = |c: &CspColumn| {
        c.warnings
            .iter()
            .any(|w| w.code == "registration-kind-unstated")
    };
    columns.sort_by(|(_, a), (_, b)| {
        a.tier
            .cmp(&b.tier)
            .then(share_cmp(b.covered_share, a.covered_share))
            .then(a.counts.not_covered.cmp(&b.counts.not_covered))
            .then(a.registration.cmp(&b.registration))
            .then(kind_unstated(a).cmp(&kind_unstated(b)))
            .then_with(|| crate::text::natural_cmp(&a.name, &b.name))
    });
    for (rank, (_, col)) in columns.iter_mut().enumerate() {
        col.rank = rank + 1;
    }
    let shared_names: Vec<Arc<str>> = columns
        .iter()
        .map(|(_, col)| col.name.as_str().into())
        .collect();
    let items = checks
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| CompareItem {
            id: item.id.clone(),
            title: item.title.clone(),
            row: item.row,
            statuses: Statuses(
                (columns.iter().zip(&shared_names))
                    .map(|((c, _), name)| (Arc::clone(name), statuses[*c][i].0))
                    .collect(),
            ),
            reasons: columns.iter().map(|(c, _)| statuses[*c][i].1).collect(),
        })
        .collect();
    let details = if atts.len() <= MAX_DETAIL_SHEETS {
        columns
            .iter()
            .map(|(c, col)| {
                let mut r =
                    analyse_resolved(catalog, &resolved, checks.clone(), &atts[*c], as_of, lang);
                r.csp.name = col.name.clone();
                r
            })
            .collect()
    } else {
        Vec::new()
    };
    CompareReport {
        schema_version: 28,
        lang,
        as_of,
        catalog: CatalogInfo {
            name: catalog.name.clone(),
            version: catalog.version.clone(),
            origin: catalog.origin.clone(),
        },
        checks: ChecksInfo::of(checks),
        csps: columns.into_iter().map(|(_, c)| c).collect(),
        items,
        details,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn att(name: &str, file: &str) -> Attestation {
        Attestation {
            name: Some(name.to_owned()),
            source: file.into(),
            ..Attestation::default()
        }
    }

    /// The tier: a void registration last whatever its warnings, a warning moves only a
    /// valid one down, a registration not checked stays below every valid one.
    #[test]
    fn tiers_follow_the_registration_then_the_warnings() {
        let warned = [Warning {
            code: "audit-period-old",
            message: String::new(),
        }];
        assert_eq!(Tier::of(Registration::Valid, &[]), Tier::Valid);
        assert_eq!(
            Tier::of(Registration::Valid, &warned),
            Tier::ValidWithWarnings
        );
        assert_eq!(Tier::of(Registration::NotChecked, &[]), Tier::NotChecked);
        assert_eq!(
            Tier::of(Registration::NotChecked, &warned),
            Tier::NotChecked
        );
        for void in [Registration::Lapsed, Registration::NotYetValid] {
            assert_eq!(Tier::of(void, &[]), Tier::NotInEffect);
            assert_eq!(Tier::of(void, &warned), Tier::NotInEffect);
        }
        assert!(Tier::ALL.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(
            Tier::ALL.map(Tier::number),
            [1, 2, 3, 4],
            "numbered as shown"
        );
    }

    /// The results come in the items' order whichever thread worked each out, each thread
    /// keeping its own state; fewer than two items run on this thread.
    #[test]
    fn two_threads_give_results_in_order() {
        let items: Vec<usize> = (0..1000).collect();
        let out = in_order_on_two_threads(
            &items,
            || 0usize,
            |seen, i, &x| {
                *seen += 1;
                (i, x * 2, *seen)
            },
        );
        assert_eq!(out.len(), 1000);
        for (k, &(i, doubled, seen)) in out.iter().enumerate() {
            assert_eq!((i, doubled), (k, k * 2));
            assert!((1..=1000).contains(&seen));
        }
        // every item counted once by the thread that took it
        let per_thread_last: usize = {
            let mut counts: Vec<usize> = out.iter().map(|&(_, _, s)| s).collect();
            counts.sort_unstable();
            counts.iter().filter(|&&s| s == 1).count()
        };
        assert!((1..=2).contains(&per_thread_last));
        assert_eq!(
            in_order_on_two_threads(&[7], || (), |(), i, &x| (i, x)),
            [(0, 7)]
        );
        assert!(in_order_on_two_threads(&[] as &[u8], || (), |(), _, &x| x).is_empty());
    }

    /// The error given is the first in the items' order, as reading them one by one would
    /// give, and no item after it is started.
    #[test]
    fn the_first_error_in_order_is_the_one_given() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let items: Vec<usize> = (0..500).collect();
        for bad in [0, 1, 2, 250, 499] {
            let started = AtomicUsize::new(0);
            let r = try_in_order_on_two_threads(
                &items,
                || (),
                |(), i, &x| {
                    started.fetch_add(1, Ordering::Relaxed);
                    // every item from `bad` on fails: the first of them is the one given
                    if x >= bad {
                        Err(format!("item {i}"))
                    } else {
                        Ok(x)
                    }
                },
            );
            assert_eq!(r, Err(format!("item {bad}")));
            // each thread stops after its first failure: at most one more started
            assert!(started.load(Ordering::Relaxed) <= bad + 2);
        }
        let ok: Result<Vec<usize>, String> =
            try_in_order_on_two_threads(&items, || (), |(), _, &x| Ok(x + 1));
        assert_eq!(ok, Ok((1..=500).collect()));
    }

    /// Every CSP keeps a column of its own, even when a name equals another's
    /// disambiguated one.
    #[test]
    fn names_are_unique_whatever_the_profiles_are_called() {
        let atts = [
            att("Same", "a/s1.yaml"),
            att("Same", "b/s1.yaml"),
            att("Same (b/s1.yaml)", "a/evil.yaml"),
            att("Other", "c.yaml"),
        ];
        assert_eq!(
            unique_names(&atts),
            [
                "Same (a/s1.yaml)",
                "Same (b/s1.yaml)",
                "Same (b/s1.yaml) #2",
                "Other"
            ]
        );
    }
}
