//! Counting a catalog: entries per layer and level, and completeness against the official
//! counts the tool knows.
use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalog::{Catalog, Layer, Level};

/// Official counts known from public sources (domain.md §2): the edition counted in 2023.
pub const OFFICIAL_GOVERNANCE_2023: usize = 18;
pub const OFFICIAL_TOTAL_2023: usize = 1159;

#[derive(Debug, Serialize)]
pub struct Completeness {
    /// What the official count was, and of which edition.
    pub basis: &'static str,
    pub official_governance: usize,
    pub official_total: usize,
    /// governance / official_governance, 0..1 (capped at 1).
    pub governance_share: f64,
    /// items / official_total, 0..1 (capped at 1).
    pub total_share: f64,
    pub untitled: usize,
    pub has_details: bool,
    pub basic_flags: usize,
}

#[derive(Debug, Serialize)]
pub struct Stats {
    pub catalog: String,
    pub version: String,
    pub origin: String,
    /// Governance items (excluding the chapter heading).
    pub governance: usize,
    /// Management items (excluding the chapter heading).
    pub management: usize,
    /// Control objectives (3-digit ids, including the `.P` cloud objectives).
    pub objectives: usize,
    /// Detailed controls (4-digit ids).
    pub details: usize,
    pub clauses: usize,
    pub categories: usize,
    /// governance + management + objectives + details.
    pub items: usize,
    pub entries: usize,
    /// layer → level → count.
    pub by_layer: BTreeMap<Layer, BTreeMap<Level, usize>>,
    pub completeness: Completeness,
}

pub fn compute(catalog: &Catalog) -> Stats {
    let count = |layer: Option<Layer>, level: &[Level]| {
        catalog
            .entries()
            .iter()
            .filter(|e| layer.is_none_or(|l| e.layer == l) && level.contains(&e.level))
            .count()
    };
    let items_levels = [Level::Objective, Level::Detail];
    let governance = count(Some(Layer::Governance), &items_levels);
    let management = count(Some(Layer::Management), &items_levels);
    let objectives = count(Some(Layer::Control), &[Level::Objective]);
    let details = count(Some(Layer::Control), &[Level::Detail]);
    let items = governance + management + objectives + details;
    let mut by_layer: BTreeMap<Layer, BTreeMap<Level, usize>> = BTreeMap::new();
    for e in catalog.entries() {
        *by_layer
            .entry(e.layer)
            .or_default()
            .entry(e.level)
            .or_default() += 1;
    }
    let share = |have: usize, want: usize| (have as f64 / want as f64).min(1.0);
    Stats {
        catalog: catalog.name.clone(),
        version: catalog.version.clone(),
        origin: catalog.origin.clone(),
        governance,
        management,
        objectives,
        details,
        clauses: count(None, &[Level::Clause]),
        categories: count(None, &[Level::Category]),
        items,
        entries: catalog.entries().len(),
        by_layer,
        completeness: Completeness {
            basis: "ISMAP管理基準 as counted in 2023: 18 governance items, 1,159 items in total",
            official_governance: OFFICIAL_GOVERNANCE_2023,
            official_total: OFFICIAL_TOTAL_2023,
            governance_share: share(governance, OFFICIAL_GOVERNANCE_2023),
            total_share: share(items, OFFICIAL_TOTAL_2023),
            untitled: catalog.untitled_items(),
            has_details: catalog.has_details(),
            basic_flags: catalog.entries().iter().filter(|e| e.flags.basic).count(),
        },
    }
}

impl Stats {
    /// True when the catalog clearly lacks what the official one has (the embedded default).
    pub fn is_incomplete(&self) -> bool {
        self.governance < OFFICIAL_GOVERNANCE_2023 || self.items < OFFICIAL_TOTAL_2023
    }
}
