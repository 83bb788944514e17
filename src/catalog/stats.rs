//! Counting a catalog: entries per layer and level, what it holds and lacks, and the
//! published counts to compare it with (never used to decide anything).
use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalog::{Catalog, Layer, Level};

/// Governance items in the text of ISMAP管理基準 (2022-04-01 edition: 3.1.2.1–3.1.6.2).
pub const GOVERNANCE_ITEMS_2022: usize = 18;
/// Items in total as counted by a consultancy in 2023: a published count, not an official
/// figure.
pub const PUBLISHED_TOTAL_2023: usize = 1159;

/// Counts of the governance or management layer.
#[derive(Debug, Default, Serialize)]
pub struct OwnLayer {
    /// Overview sections (3.1.1): shown, never required.
    pub overview: usize,
    pub objectives: usize,
    /// Items (4-digit ids) under the objectives.
    pub items: usize,
}

/// How the catalog compares with the criteria it stands for.
#[derive(Debug, Serialize)]
pub struct Completeness {
    /// Does the catalog declare that it holds every detailed control of its edition?
    pub details_complete: bool,
    /// What it holds, in a sentence (English; the table says it in the output language).
    pub holds: String,
    /// What it lacks, in a sentence; empty when it declares itself complete.
    pub lacks: String,
    /// Governance items in the text of the criteria.
    pub governance_items_in_criteria: usize,
    /// Items in total in a count a consultancy published in 2023 (not an official figure).
    pub published_total_2023: usize,
    /// Where the two counts above come from.
    pub counts_basis: &'static str,
    /// Entries without a title in either language.
    pub untitled: usize,
    /// Whether it holds any detailed control of the control measures.
    pub has_details: bool,
    /// Entries flagged basic (B, PB).
    pub basic_flags: usize,
    /// Entries flagged cloud (P, PB).
    pub cloud_flags: usize,
}

#[derive(Debug, Serialize)]
pub struct Stats {
    pub catalog: String,
    pub version: String,
    pub origin: String,
    /// The edition of the criteria the catalog follows, when it says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// The same in Japanese, when the catalog says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edition_ja: Option<String>,
    pub governance: OwnLayer,
    pub management: OwnLayer,
    /// Control objectives (3-digit ids, including the `.P` cloud objectives).
    pub objectives: usize,
    /// Detailed controls (4-digit ids of the control measures).
    pub details: usize,
    pub clauses: usize,
    pub categories: usize,
    /// Governance and management objectives and items, control objectives and details.
    pub items: usize,
    pub entries: usize,
    /// layer → level → count.
    pub by_layer: BTreeMap<Layer, BTreeMap<Level, usize>>,
    pub completeness: Completeness,
}

pub fn compute(catalog: &Catalog) -> Stats {
    let count = |layer: Option<Layer>, level: Level| {
        catalog
            .entries()
            .iter()
            .filter(|e| layer.is_none_or(|l| e.layer == l) && e.level == level)
            .count()
    };
    let own = |layer| OwnLayer {
        overview: count(Some(layer), Level::Overview),
        objectives: count(Some(layer), Level::Objective),
        items: count(Some(layer), Level::Detail),
    };
    let governance = own(Layer::Governance);
    let management = own(Layer::Management);
    let objectives = count(Some(Layer::Control), Level::Objective);
    let details = count(Some(Layer::Control), Level::Detail);
    let mut by_layer: BTreeMap<Layer, BTreeMap<Level, usize>> = BTreeMap::new();
    for e in catalog.entries() {
        *by_layer
            .entry(e.layer)
            .or_default()
            .entry(e.level)
            .or_default() += 1;
    }
    let flagged = |f: fn(&crate::catalog::Flags) -> bool| {
        catalog.entries().iter().filter(|e| f(&e.flags)).count()
    };
    let basic_flags = flagged(|f| f.basic);
    let details_complete = catalog.details_complete();
    let holds = format!(
        "governance: {} overview, {} objectives, {} items; management: {} objectives, {} items; control measures: {objectives} objectives, {details} detailed controls ({basic_flags} flagged basic)",
        governance.overview,
        governance.objectives,
        governance.items,
        management.objectives,
        management.items,
    );
    let lacks = if details_complete {
        String::new()
    } else {
        "most detailed controls: the criteria's attached table lists about 1,100; the full list comes only through `ismap-gap catalog import` of the official workbook".to_owned()
    };
    Stats {
        catalog: catalog.name.clone(),
        version: catalog.version.clone(),
        origin: catalog.origin.clone(),
        edition: catalog.edition.clone(),
        edition_ja: catalog.edition_ja.clone(),
        items: governance.objectives
            + governance.items
            + management.objectives
            + management.items
            + objectives
            + details,
        governance,
        management,
        objectives,
        details,
        clauses: count(None, Level::Clause),
        categories: count(None, Level::Category),
        entries: catalog.entries().len(),
        by_layer,
        completeness: Completeness {
            details_complete,
            holds,
            lacks,
            governance_items_in_criteria: GOVERNANCE_ITEMS_2022,
            published_total_2023: PUBLISHED_TOTAL_2023,
            counts_basis: "18 governance items: the 2022-04-01 text of ISMAP管理基準; 1,159 items in total: a count a consultancy published in 2023, not an official figure",
            untitled: catalog.untitled_items(),
            has_details: catalog.has_details(),
            basic_flags,
            cloud_flags: flagged(|f| f.cloud_provider),
        },
    }
}

/// The objectives of each layer (governance, management, control) `catalog` holds and
/// `skeleton` holds, when `catalog` holds fewer in any layer.
pub fn lacks_objectives(catalog: &Catalog, skeleton: &Catalog) -> Option<[(usize, usize); 3]> {
    let count = |c: &Catalog, layer: Layer| {
        c.entries()
            .iter()
            .filter(|e| e.layer == layer && e.level == Level::Objective)
            .count()
    };
    let counts = Layer::ALL.map(|layer| (count(catalog, layer), count(skeleton, layer)));
    counts.iter().any(|(has, of)| has < of).then_some(counts)
}

impl Stats {
    /// True when the catalog lacks detailed controls of its edition (the embedded one).
    pub fn is_incomplete(&self) -> bool {
        !self.completeness.details_complete
    }
}
