//! The one reference resolver: what people write in a references cell (ISMAP ids in any
//! width and spelling, `A.x.y.z`, `CLD.x.y.z`, NIST ids, ISO/IEC 27001:2022 / 27002:2022
//! controls, ISO/IEC 27001 and 27014 clauses, ids with the standard named before them,
//! ranges) → catalog entries, a control with no ISMAP counterpart, or a rejection with
//! suggestions. The text is read by [`reftext`](crate::catalog::reftext); this module
//! decides what it names.
use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalog::id::IsmapId;
use crate::catalog::iso2022::{Control2022, Table};
use crate::catalog::model::{clause_number, Entry, Layer, Level, Numbering};
use crate::catalog::reftext::{self, edition_of_year, Atom, IdText, Marker, Standard, StdRef};
use crate::catalog::IsoEdition;
use crate::text::{edit_distance_within, fold_width};

/// Which form of reference was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RefKind {
    /// An ISMAP id such as `9.2.1` or `8.1.5.P`, or a range of them.
    Ismap,
    /// ISO/IEC 27001:2013 (JIS Q 27001:2014) Annex A `A.9.2.1`, or an ISO/IEC 27002:2013
    /// control number (`JIS Q 27002 9.2.1`): the same numbers as ISMAP's.
    AnnexA,
    /// ISO/IEC 27017 cloud control, `CLD.8.1.5`.
    Cld,
    /// NIST SP 800-53, `AC-2`; resolves to candidates through NIST's mapping.
    Nist,
    /// An ISO/IEC 27001:2022 Annex A / 27002:2022 control (`A.5.15`, `8.24`): resolves to
    /// the ISMAP objectives of its 2013 predecessors (ISO/IEC 27002:2022 Annex B).
    #[serde(rename = "iso27002-2022")]
    Iso2022,
    /// An ISO/IEC 27001 management-system clause (`27001 6.1.2`): the management
    /// objectives whose cross-references name it, flagged as mapped.
    #[serde(rename = "iso27001-clause")]
    Iso27001Clause,
    /// An ISO/IEC 27014 governance section (`27014 5.3.2`): the governance objectives
    /// following it, flagged as mapped.
    #[serde(rename = "iso27014-clause")]
    Iso27014Clause,
}

/// One catalog entry a reference resolved to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Target {
    /// The catalog id, or for an unverified detail the detail id as typed (canonical).
    pub id: String,
    /// A detail id accepted because its parent objective exists in a catalog that does
    /// not hold every detailed control: it is not confirmed to exist.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unverified: bool,
    /// NIST marks this mapping as partial (its asterisk).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub partial_mapping: bool,
    /// Reached through the catalog's cross-references to a management-system standard
    /// (ISO/IEC 27001 or 27014 clauses): the objective follows the clause, it is not the
    /// clause.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub mapped: bool,
}

impl Target {
    fn exact(id: &str) -> Target {
        Target {
            id: id.to_owned(),
            unverified: false,
            partial_mapping: false,
            mapped: false,
        }
    }
}

/// Why a reference did not resolve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unresolved {
    /// Not shaped like any reference form the tool knows (or a number that is no id:
    /// `9.1・2`, `9..1`).
    NotAReference,
    /// A well-formed ISMAP id that the catalog does not hold.
    UnknownId,
    /// A well-formed Annex A reference with no catalog entry (or 2022 control).
    UnknownAnnexA,
    /// A well-formed 27017 reference with no catalog entry.
    UnknownCld,
    /// A well-formed NIST id that NIST's mapping does not connect to any entry.
    UnknownNist,
    /// A two-part Annex A / 27002 number that names different controls in the 2013 and
    /// 2022 editions, and nothing says which.
    AmbiguousEdition,
    /// A number that exists only in the other edition than the one the list is read in
    /// (`5.23` under a header naming ISMAP, whose ids are 2013 numbering).
    OtherEdition,
    /// A standard the tool has no cross-reference to (`ISO 9001 7.5`), or an edition of
    /// one it does not read (`ISO/IEC 27001:2005`), or a standard named without a number.
    UnknownStandard,
    /// An ISO/IEC 27001 or 27014 clause no governance or management criterion names.
    UnknownClause,
    /// A range whose ends are not of one level under one parent, low to high.
    InvalidRange,
    /// Words before the id that the tool does not read: another framework or guideline
    /// (`PCI DSS 8.2.1`, `統一基準 6.1.1`, `NIST SP 800-171 3.1.1`), never an ISMAP id.
    UnknownFramework,
    /// Words after the id that are neither its title nor words the tool reads: they widen,
    /// narrow, negate or approximate it (`9.2.1等`, `9.2.1以外`, `9.2.1相当`, `9.2.1?`).
    Qualified,
    /// A NIST Cybersecurity Framework subcategory (`PR.AC-1`, `GV.OC-01`): not a NIST SP
    /// 800-53 control, and the tool has no mapping from the CSF.
    NistCsf,
    /// A number in a numeric cell (a spreadsheet number, a YAML/JSON number) that names
    /// another control with a trailing zero: `5.30` typed in Excel or YAML is the number 5.3,
    /// so what was typed cannot be known.
    WrittenAsNumber,
    /// Under a references header naming ISO/IEC 27001 without saying clauses (本文) or
    /// Annex A (附属書A), a number that is both a clause of the management system and an
    /// Annex A control (`6.1.2`, `9.2`).
    AmbiguousClause,
    /// A range with its second end shortened (`9.2.1-3`, `9.2.1～3`): a range or a detail
    /// number?
    ShorthandRange,
    /// A range mark with an end cut off (`9.2.1～` alone, `～9.2.6`, `9.2.1～、9.2.6`,
    /// `9.2.1～～9.2.6`): the ids in between cannot be known, and its one end is not what
    /// it names.
    OpenRange,
    /// A shortened list: a bare number or `.n` after an id (`9.2.1、4`, `A.9.2.1, .4`),
    /// which shortens an id (9.2.4?) and is no clause of its own.
    ShorthandList,
    /// A plain number in a references column whose header names another framework
    /// (`PCI DSS要件`, `統一基準`): its numbers are that framework's, not ISMAP ids.
    OtherFrameworkColumn,
    /// A ditto mark (`〃`, `同上`, `同左`): the references of the row above, which the tool
    /// never copies (a row moved or sorted would take another's).
    Ditto,
    /// An arrow between two ids (`9.2.1 → 9.2.6`): a range, a list, or one replacing the
    /// other?
    Arrow,
    /// Words saying none with an id in brackets after them (`対象外（9.2.3で確認）`,
    /// `なし（9.2.3参照）`, `N/A (see 9.2.3)`): neither a none nor the id.
    NoneWithId,
}

impl Unresolved {
    pub fn describe(self) -> &'static str {
        match self {
            Unresolved::NotAReference => "not a recognised reference",
            Unresolved::UnknownId => "well-formed ISMAP id not in the catalog",
            Unresolved::UnknownAnnexA => "Annex A reference not in the catalog",
            Unresolved::UnknownCld => "ISO/IEC 27017 reference not in the catalog",
            Unresolved::UnknownNist => {
                "NIST SP 800-53 id not in NIST's mapping to ISO/IEC 27001, the tool's only way from it to ISMAP"
            }
            Unresolved::AmbiguousEdition => {
                "names different controls in ISO/IEC 27001:2013 and :2022 numbering, and the edition is not given"
            }
            Unresolved::OtherEdition => {
                "exists only in the other ISO/IEC 27001/27002 edition than the one the list is read in (a column headed ISMAP is 2013 numbering: write the 2022 control with its edition, 'ISO/IEC 27001:2022 A.5.23', name the column's edition in its header, or pass --iso-edition)"
            }
            Unresolved::UnknownStandard => {
                "names a standard (or an edition of one) the catalog has no cross-reference to, or no number"
            }
            Unresolved::UnknownClause => {
                "a clause that no governance or management criterion names"
            }
            Unresolved::InvalidRange => {
                "a range whose ends are not of one level under one parent, from low to high"
            }
            Unresolved::UnknownFramework => {
                "names another framework or guideline before the id (only ISMAP, its own words, JIS Q/ISO/IEC 27001, 27002, 27014, 27017, NIST SP 800-53, Annex A and CLD are read)"
            }
            Unresolved::Qualified => {
                "has words after the id that are not its title (a qualifier such as 等, 以外, 相当, etc., ?, ※ widens, negates or approximates it)"
            }
            Unresolved::NistCsf => {
                "a NIST Cybersecurity Framework subcategory, not a NIST SP 800-53 control: the tool has no mapping from the CSF"
            }
            Unresolved::WrittenAsNumber => {
                "written as a number: type it as text (e.g. '5.30'), a number loses its trailing zeros"
            }
            Unresolved::AmbiguousClause => {
                "under a header naming ISO/IEC 27001 this number is both a clause of the management system and an Annex A control: write 'A.' before an Annex A control, or name the column '… 本文' or '… 附属書A'"
            }
            Unresolved::ShorthandRange => {
                "a shortened range: write both ends in full (9.2.1～9.2.3), or the detail id (9.2.1.3)"
            }
            Unresolved::OpenRange => {
                "a range with an end missing (9.2.1～, ～9.2.6): write both ends in full (9.2.1～9.2.6), or the ids meant"
            }
            Unresolved::ShorthandList => {
                "a shortened list (9.2.1、4): a bare number after an id is not read as a clause nor as a shortened id; write each id in full (9.2.1、9.2.4)"
            }
            Unresolved::OtherFrameworkColumn => {
                "the references column's header names another framework (PCI DSS, 統一基準, CIS…): its numbers are not ISMAP ids; choose the column of ISMAP or ISO/IEC 27001 references with --refs-column"
            }
            Unresolved::Ditto => {
                "a ditto mark (〃, 同上, 同左): the tool does not copy another row's references; write the row above's references out in this row"
            }
            Unresolved::Arrow => {
                "an arrow between two ids (9.2.1 → 9.2.6) is read neither as a range nor as a list: write a range with ～ (9.2.1～9.2.6), or list the ids"
            }
            Unresolved::NoneWithId => {
                "says none (なし, 対象外, N/A) with an id in brackets: read neither as none nor as the id; write the id alone if the item rests on it, else the none alone (its note in another column)"
            }
        }
    }
}

/// An ISO/IEC 27002:2022 control new in that edition: no 2013 predecessor, so no ISMAP
/// counterpart. `related` names catalog objectives on its topic as context only (for 5.23
/// cloud services, the cloud objectives): they are not coverage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoCounterpart {
    /// The 2022 control, `5.23`.
    pub control: String,
    pub title: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
}

/// The result of resolving one reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum Resolution {
    Resolved {
        kind: RefKind,
        targets: Vec<Target>,
        /// For NIST: the control id actually found in the mapping (the base control when
        /// an enhancement such as `AC-2(1)` is not mapped itself).
        #[serde(skip_serializing_if = "Option::is_none")]
        matched: Option<String>,
        /// The ISO/IEC 27001/27002 edition the reference was read in, when that decided
        /// what it names (a 2022 control, or a two-part number of both editions).
        #[serde(skip_serializing_if = "Option::is_none")]
        edition: Option<IsoEdition>,
        /// 2022 controls the reference also names that have no ISMAP counterpart (a range
        /// or a list over them).
        #[serde(skip_serializing_if = "Vec::is_empty")]
        without_counterpart: Vec<NoCounterpart>,
    },
    /// Every control the reference names is new in ISO/IEC 27002:2022: ISMAP has nothing
    /// on it (the item is outside ISMAP, for a reason of its own).
    NoCounterpart {
        kind: RefKind,
        controls: Vec<NoCounterpart>,
    },
    Unresolved {
        why: Unresolved,
        suggestions: Vec<String>,
    },
}

impl Resolution {
    /// NIST-derived resolutions are candidates, not equivalences.
    pub fn is_approximate(&self) -> bool {
        matches!(
            self,
            Resolution::Resolved {
                kind: RefKind::Nist,
                ..
            }
        )
    }

    /// Resolved through the ISO/IEC 27001:2022 → 2013 correspondence: an ISO/IEC
    /// 27002:2022 control taken to the objectives of its 2013 predecessors (ISO/IEC
    /// 27002:2022 Annex B), or an ISO/IEC 27001:2022 clause read as its 2013 number. A
    /// correspondence, not an equivalence: ISMAP assessed the 2013 objectives, not the 2022
    /// control's or clause's text.
    pub fn via_correspondence(&self) -> bool {
        matches!(
            self,
            Resolution::Resolved {
                kind: RefKind::Iso2022,
                ..
            } | Resolution::Resolved {
                kind: RefKind::Iso27001Clause,
                edition: Some(IsoEdition::Iso2022),
                ..
            }
        )
    }
}

/// A parsed NIST SP 800-53 id: canonical form and base control.
pub fn parse_nist(input: &str) -> Option<(String, String)> {
    let s: String = fold_width(input)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let (family, rest) = s.split_once('-')?;
    if family.len() != 2 || !family.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let (num, enh) = match rest.split_once('(') {
        Some((n, e)) => (n, Some(e.strip_suffix(')')?)),
        None => (rest, None),
    };
    let number = |t: &str| -> Option<u32> {
        if t.is_empty() || t.len() > 3 || !t.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        t.parse().ok()
    };
    let base = format!("{family}-{}", number(num)?);
    let full = match enh {
        Some(e) => format!("{base}({})", number(e)?),
        None => base.clone(),
    };
    Some((full, base))
}

/// The NIST SP 800-53 id a reference names, canonical (`AC-2(1)` for `NIST SP 800-53 ac-2
/// (1)`): what was typed, to tell a mapping of the id itself from one through its base
/// control.
pub fn typed_nist(reference: &str) -> Option<String> {
    reftext::read(reference).atoms.iter().find_map(|a| match a {
        Atom::Nist(n) => parse_nist(n).map(|p| p.0),
        _ => None,
    })
}

/// What an Annex A / 27002 / plain number can say about the edition of a list: nothing,
/// that it is of one edition, or that it needs the edition to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditionHint {
    Neutral,
    Evidence(IsoEdition),
    Sensitive,
}

/// Lookup tables from cross-references to entries, built once per catalog.
#[derive(Debug, Default)]
pub struct RefIndex {
    // foldhash, not SipHash: built on every run, read for every reference; nothing here
    // needs protection against crafted collisions, and no output follows a map's order
    by_id: foldhash::HashMap<String, usize>,
    nist: BTreeMap<String, Vec<(usize, bool)>>,
    annex_a: foldhash::HashMap<String, Vec<usize>>,
    cld: foldhash::HashMap<String, Vec<usize>>,
    /// Objective and detail ids with a suffix, by their numbers alone (`8.1.5` → `8.1.5.P`,
    /// `9.2.3.11` → `9.2.3.11.PB`).
    unsuffixed: foldhash::HashMap<String, Vec<usize>>,
    /// Ids of the control measures by their numbers alone (`8.1.5` → `8.1.5.P`), for
    /// ranges.
    numbers: foldhash::HashMap<String, usize>,
    /// ISO/IEC 27001 / 27014 clause numbers, each with the objective whose own or whose
    /// items' cross-reference names it.
    clauses_27001: Vec<(Vec<u32>, usize)>,
    clauses_27014: Vec<(Vec<u32>, usize)>,
    details_complete: bool,
    numbering: Numbering,
}

/// The context a reference is read in: the ISO/IEC 27001/27002 edition of its column
/// (for two-part numbers of both editions), `None` when not given, and how the column's
/// header says plain numbers are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Context {
    pub edition: Option<IsoEdition>,
    pub plain: PlainIds,
}

/// How the plain numbers (no standard, no mark) of a references column are read, by its
/// header.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum PlainIds {
    /// ISMAP ids (the 2013 numbering ISO/IEC 27001:2013 Annex A shares).
    #[default]
    Ismap,
    /// ISO/IEC 27001 management-system clauses: the header names ISO/IEC 27001 and its
    /// body (`JIS Q 27001:2014 本文`, `ISO27001条項`, `clause`).
    Iso27001Clauses,
    /// The header names ISO/IEC 27001 (of `year`, when written) and neither its clauses nor
    /// Annex A: a number that is also one of its clauses is ambiguous.
    Iso27001Unsaid { year: Option<u32> },
    /// The header names another framework (`PCI DSS要件`, see [`other_framework`]): a plain
    /// number is that framework's, never an ISMAP id.
    OtherFramework,
}

/// Words of a header naming a framework other than ISMAP and the standards the tool reads:
/// whole ASCII words (lower case) and Japanese names.
const OTHER_FRAMEWORK_WORDS: [&str; 14] = [
    "pci", "dss", "cis", "soc", "soc2", "fisc", "hipaa", "gdpr", "csf", "cmmc", "fedramp", "cobit",
    "c5", "171",
];
const OTHER_FRAMEWORK_NAMES: [&str; 4] = ["統一基準", "統一規範", "安全対策基準", "安全管理措置"];

/// The framework other than ISMAP, ISO/IEC 27001/27002/27014/27017 and NIST SP 800-53 a
/// references column's header names (`PCI DSS要件` → `PCI`, `統一基準の項番`, `NIST SP
/// 800-171`, `ISO 9001`), as written in the header.
pub fn other_framework(header: &str) -> Option<String> {
    let folded = fold_width(header).to_lowercase();
    if let Some(name) = OTHER_FRAMEWORK_NAMES.iter().find(|n| folded.contains(*n)) {
        return Some((*name).to_owned());
    }
    let word = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find(|w| OTHER_FRAMEWORK_WORDS.contains(w));
    if let Some(w) = word {
        return Some(w.to_ascii_uppercase());
    }
    reftext::lex(header).iter().find_map(|l| match l.kind {
        reftext::Kind::Std(StdRef {
            standard: Standard::Other(n),
            ..
        }) => Some(n.to_string()),
        _ => None,
    })
}

/// Whether a text ([`fold_width`]ed and lowered) ends with the name of a framework
/// [`other_framework`] knows by name (`政府統一基準`, `fisc安全対策基準`, `pci dss`, `soc2`).
pub fn ends_with_other_framework(text: &str) -> bool {
    let last_ascii = text
        .rsplit(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or_default();
    OTHER_FRAMEWORK_NAMES.iter().any(|n| text.ends_with(n))
        || OTHER_FRAMEWORK_WORDS.contains(&last_ascii)
}

/// The clause numbers of ISO/IEC 27001:2013 (clauses 4–10: the standard's structure, not
/// its text).
const CLAUSES_27001_2013: [&str; 35] = [
    "4", "4.1", "4.2", "4.3", "4.4", "5", "5.1", "5.2", "5.3", "6", "6.1", "6.1.1", "6.1.2",
    "6.1.3", "6.2", "7", "7.1", "7.2", "7.3", "7.4", "7.5", "7.5.1", "7.5.2", "7.5.3", "8", "8.1",
    "8.2", "8.3", "9", "9.1", "9.2", "9.3", "10", "10.1", "10.2",
];

/// The clause numbers ISO/IEC 27001:2022 (with its 2024 amendment) added.
const CLAUSES_27001_2022_ADDED: [&str; 6] = ["6.3", "9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3"];

/// The ISO/IEC 27001:2013 clause an ISO/IEC 27001:2022 clause number stands for, or
/// `None` for a clause new in 2022 with no 2013 counterpart (6.3 planning of changes).
/// 2022 swapped 10.1 and 10.2 (continual improvement; nonconformity and corrective
/// action) and split 9.2 and 9.3 into sub-clauses; every other clause kept its number.
pub fn clause_2022_in_2013(parts: &[u32]) -> Option<Vec<u32>> {
    match parts {
        [6, 3, ..] => None,
        [10, 1, rest @ ..] => Some([&[10, 2][..], rest].concat()),
        [10, 2, rest @ ..] => Some([&[10, 1][..], rest].concat()),
        [9, n @ (2 | 3), _, ..] => Some(vec![9, *n]),
        _ => Some(parts.to_vec()),
    }
}

/// Is `id` a clause of ISO/IEC 27001 (of `year`'s edition; of either when not given)?
pub fn is_27001_clause(id: &IsmapId, year: Option<u32>) -> bool {
    if id.suffix.is_some() {
        return false;
    }
    let key = id.canonical();
    let in_2022 = !matches!(year.and_then(edition_of_year), Some(IsoEdition::Iso2013));
    CLAUSES_27001_2013.contains(&key.as_str())
        || in_2022 && CLAUSES_27001_2022_ADDED.contains(&key.as_str())
}

impl RefIndex {
    /// `details_complete`: the catalog holds every detailed control of its edition, so a
    /// detail id it lacks does not resolve through its objective.
    pub fn build(entries: &[Entry], details_complete: bool, numbering: Numbering) -> RefIndex {
        let mut ix = RefIndex {
            details_complete,
            numbering,
            ..RefIndex::default()
        };
        let position: foldhash::HashMap<&str, usize> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        for (i, e) in entries.iter().enumerate() {
            ix.by_id.entry(e.id.clone()).or_insert(i);
            if let Some(id) = IsmapId::parse(&e.id) {
                let numbers = IsmapId {
                    suffix: None,
                    ..id.clone()
                }
                .canonical();
                if matches!(e.level, Level::Objective | Level::Detail) && id.suffix.is_some() {
                    ix.unsuffixed.entry(numbers.clone()).or_default().push(i);
                }
                ix.numbers.entry(numbers).or_insert(i);
            }
            for n in &e.refs.nist_sp800_53 {
                if let Some((full, _)) = parse_nist(&n.control) {
                    ix.nist.entry(full).or_default().push((i, n.partial));
                }
            }
            for a in &e.refs.annex_a {
                ix.annex_a.entry(a.clone()).or_default().push(i);
            }
            for c in &e.refs.jis_q_27017 {
                ix.cld.entry(c.clone()).or_default().push(i);
            }
            // the objective a governance or management clause leads to: the entry itself,
            // or the objective of an item
            let objective = match e.level {
                Level::Objective => Some(i),
                Level::Detail => e
                    .parent
                    .as_deref()
                    .and_then(|p| position.get(p).copied())
                    .filter(|&p| entries[p].level == Level::Objective),
                _ => None,
            };
            if let Some(o) = objective.filter(|_| e.layer != Layer::Control) {
                for c in &e.refs.iso27001_2013 {
                    if let Some(n) = clause_number(c) {
                        ix.clauses_27001.push((n, o));
                    }
                }
                for c in &e.refs.iso27014_2013 {
                    if let Some(n) = clause_number(c) {
                        ix.clauses_27014.push((n, o));
                    }
                }
            }
        }
        ix
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn details_complete(&self) -> bool {
        self.details_complete
    }

    /// NIST controls that map to anything, in id order.
    pub fn nist_controls(&self) -> impl Iterator<Item = &str> {
        self.nist.keys().map(String::as_str)
    }

    /// Resolves one reference against `entries` (the catalog these tables were built from),
    /// read in `ctx`. A reference naming several ids (a range, a standard before a list)
    /// resolves when every one of them does; the first that does not makes it unresolved.
    pub fn resolve(&self, entries: &[Entry], input: &str, ctx: Context) -> Resolution {
        let reading = reftext::read(input);
        if reading.csf.is_some() {
            return unresolved(Unresolved::NistCsf);
        }
        if reading.shorthand {
            return unresolved(Unresolved::ShorthandRange);
        }
        if reading.open_range {
            return unresolved(Unresolved::OpenRange);
        }
        if reading.arrow {
            return unresolved(Unresolved::Arrow);
        }
        if !reading.shortened.is_empty() {
            return Resolution::Unresolved {
                why: Unresolved::ShorthandList,
                suggestions: reading.shortened,
            };
        }
        if reading.malformed {
            return not_a_reference();
        }
        if reading.atoms.is_empty() {
            return match reading.bare_standard {
                Some(_) => unresolved(Unresolved::UnknownStandard),
                None if reftext::is_ditto(input) => unresolved(Unresolved::Ditto),
                None => not_a_reference(),
            };
        }
        let mut out: Option<Resolution> = None;
        for (atom, beside) in reading.atoms.iter().zip(&reading.beside) {
            let r = self.resolve_atom(entries, atom, ctx);
            // words beside an id are read only when the tool knows them, or they are its
            // title: anything else names another framework (before) or qualifies it (after)
            let nist = matches!(atom, Atom::Nist(_));
            if !reftext::residue(&beside.before, nist).is_empty()
                && !self.is_title_written(entries, atom, &r, &beside.before)
            {
                // `対象外（9.2.3で確認）`: a none with an id inside, no other framework
                return unresolved(if reftext::none_around_id(input) {
                    Unresolved::NoneWithId
                } else {
                    Unresolved::UnknownFramework
                });
            }
            if matches!(r, Resolution::Unresolved { .. }) {
                return r;
            }
            if !reftext::residue(&beside.after, false).is_empty()
                && !self.is_title_written(entries, atom, &r, &beside.after)
            {
                // `－（9.2.3に含む）`: a none with an id inside, no qualifier of the id
                return unresolved(if reftext::none_around_id(input) {
                    Unresolved::NoneWithId
                } else {
                    Unresolved::Qualified
                });
            }
            out = Some(match out {
                None => r,
                Some(acc) => merge(acc, r),
            });
        }
        out.unwrap_or_else(not_a_reference)
    }

    /// Whether `words` written beside `atom` (resolved as `r`) are the title of what it
    /// names, or a close form of it: the catalog entry's (Japanese or English), for an
    /// ISO/IEC 27002:2022 control its own (English) or one of its 2013 predecessors'. Not
    /// for a range, a NIST id or a clause of a management-system standard (their titles
    /// are not in the catalog).
    fn is_title_written(
        &self,
        entries: &[Entry],
        atom: &Atom,
        r: &Resolution,
        words: &str,
    ) -> bool {
        let text = reftext::title_words(words);
        let Atom::Id(_, id) = atom else {
            return false;
        };
        let close = |title: &str| {
            crate::input::csp::is_close_title(title, &text) || reftext::is_gloss_of(title, &text)
        };
        let entry_titles = |targets: &[Target]| {
            targets.iter().any(|t| {
                self.position(&t.id).is_some_and(|i| {
                    let title = &entries[i].title;
                    [title.ja.as_deref(), title.en.as_deref()]
                        .into_iter()
                        .flatten()
                        .any(close)
                })
            })
        };
        let own_2022 = || {
            id.parse().is_some_and(|p| match p.parts.as_slice() {
                [t, n] => Table::embedded()
                    .get(*t, *n)
                    .is_some_and(|c| close(&c.title)),
                _ => false,
            })
        };
        match r {
            Resolution::Resolved {
                kind: RefKind::Iso2022,
                targets,
                ..
            } => own_2022() || entry_titles(targets) || reftext::is_unverified_title(words),
            Resolution::Resolved {
                kind: RefKind::Ismap | RefKind::AnnexA | RefKind::Cld,
                targets,
                ..
            } if targets.len() == 1 => entry_titles(targets),
            Resolution::NoCounterpart { controls, .. } => {
                controls.iter().any(|c| close(&c.title)) || reftext::is_unverified_title(words)
            }
            _ => false,
        }
    }

    fn resolve_atom(&self, entries: &[Entry], atom: &Atom, ctx: Context) -> Resolution {
        match atom {
            Atom::Nist(n) => match parse_nist(n) {
                Some((full, base)) => self.resolve_nist(entries, &full, &base),
                None => not_a_reference(),
            },
            Atom::Id(std, id) => self.resolve_id(entries, *std, id, None, ctx),
            Atom::Range(std, from, to) => {
                if reftext::range_problem(from, to).is_some() {
                    return unresolved(Unresolved::InvalidRange);
                }
                self.resolve_id(entries, *std, from, Some(to), ctx)
            }
        }
    }

    /// One id (or the range `id`..=`to`) under the standard written before it.
    fn resolve_id(
        &self,
        entries: &[Entry],
        std: Option<StdRef>,
        id: &IdText,
        to: Option<&IdText>,
        ctx: Context,
    ) -> Resolution {
        let Some(parsed) = id.parse() else {
            return not_a_reference();
        };
        let (standard, year) = match std {
            Some(s) => (Some(s.standard), s.year),
            None => (None, None),
        };
        let year_edition = match year {
            Some(y) => match edition_of_year(y) {
                Some(e) => Some(e),
                None => return unresolved(Unresolved::UnknownStandard),
            },
            None => None,
        };
        match (standard, id.marker) {
            (Some(Standard::Other(_)), _) => unresolved(Unresolved::UnknownStandard),
            (None | Some(Standard::Iso27017), Marker::Cld) => {
                self.resolve_cld(entries, &parsed, to)
            }
            (Some(Standard::Iso27017), _) => {
                let cld = self.resolve_cld(entries, &parsed, to);
                if matches!(cld, Resolution::Resolved { .. }) {
                    cld
                } else {
                    self.resolve_ismap_or_range(entries, &parsed, to, RefKind::AnnexA)
                }
            }
            (Some(Standard::Iso27014), _) => {
                self.resolve_clause(entries, &parsed, to, RefKind::Iso27014Clause, None)
            }
            // a number no clause of ISO/IEC 27001 has, of an Annex A control of its edition
            // (`27001:2022 5.15`, as GRC tools export them: review 21 D-2; `ISO 27001 5.15`,
            // `8.10` with no year, `ISO/IEC 27001:2013 9.2.1`, as a GRC export's `Framework`
            // column puts them: review 22 C-13): that control, as `A.5.15` is read
            (Some(Standard::Iso27001), Marker::None)
                if self.annex_only(&parsed, year_edition, ctx.edition)
                    && to.is_none_or(|t| {
                        t.parse()
                            .is_some_and(|t| self.annex_only(&t, year_edition, ctx.edition))
                    }) =>
            {
                let edition = year_edition.or(ctx.edition);
                self.resolve_annex(entries, &parsed, to, edition, true)
            }
            (Some(Standard::Iso27001), Marker::None) => self.resolve_clause(
                entries,
                &parsed,
                to,
                RefKind::Iso27001Clause,
                year_edition.or(ctx.edition),
            ),
            (Some(Standard::Iso27001 | Standard::Iso27002), _) | (None, Marker::Annex) => {
                let edition = year_edition.or(ctx.edition);
                self.resolve_annex(entries, &parsed, to, edition, true)
            }
            (None, _) => match ctx.plain {
                PlainIds::Iso27001Clauses => {
                    self.resolve_clause(entries, &parsed, to, RefKind::Iso27001Clause, ctx.edition)
                }
                PlainIds::Iso27001Unsaid { year }
                    if is_27001_clause(&parsed, year)
                        || to
                            .and_then(IdText::parse)
                            .is_some_and(|t| is_27001_clause(&t, year)) =>
                {
                    Resolution::Unresolved {
                        why: Unresolved::AmbiguousClause,
                        suggestions: vec![format!("27001 {}", id.text), format!("A.{}", id.text)],
                    }
                }
                PlainIds::OtherFramework => unresolved(Unresolved::OtherFrameworkColumn),
                _ => self.resolve_annex(entries, &parsed, to, ctx.edition, false),
            },
        }
    }

    /// Whether a number after `ISO/IEC 27001` of the year `written` (`None`: no year) in a
    /// list of edition `list` can only be an Annex A control: no clause of the edition
    /// written, else the list's, else of either (`5.2`, `7.4`, `9.2`, `6.1.2` are clauses, and
    /// `9.2.1` but in 2013), and a control of the Annex A of the edition written — 2022: two
    /// parts (`5.15`, `8.10`); 2013: three (`9.2.1`, `12.4.1`); no year: either (its reading
    /// in the list's edition is then [`RefIndex::resolve_annex`]'s, as for `A.5.15`).
    fn annex_only(
        &self,
        id: &IsmapId,
        written: Option<IsoEdition>,
        list: Option<IsoEdition>,
    ) -> bool {
        let year = written.or(list).map(|e| match e {
            IsoEdition::Iso2013 => 2013,
            IsoEdition::Iso2022 => 2022,
        });
        let in_2022 = id.depth() == 2 && self.in_editions(id, true).1;
        let in_2013 = id.depth() == 3
            && id.suffix.is_none()
            && self.annex_a.contains_key(&format!("A.{}", id.canonical()));
        !is_27001_clause(id, year)
            && match written {
                Some(IsoEdition::Iso2022) => in_2022,
                Some(IsoEdition::Iso2013) => in_2013,
                None => in_2022 || in_2013,
            }
    }

    /// Whether a number of `depth` ≤ 2 exists in each edition: (in 2013/ISMAP, in 2022).
    fn in_editions(&self, id: &IsmapId, annex: bool) -> (bool, bool) {
        let table = Table::embedded();
        let in_2022 = match id.parts.as_slice() {
            [t] => table.has_theme(*t),
            [t, n] => table.get(*t, *n).is_some(),
            _ => false,
        } && id.suffix.is_none();
        let key = id.canonical();
        let in_2013 = if annex {
            self.annex_a.contains_key(&format!("A.{key}"))
        } else {
            self.by_id.contains_key(&key) || self.numbers.contains_key(&key)
        };
        (in_2013, in_2022)
    }

    /// What a number tells of the edition of the list it is in (see [`EditionHint`]).
    /// `annex`: written with `A.` or after ISO/IEC 27001/27002; plain ids are ISMAP ids
    /// unless they exist only in 2022 numbering.
    pub fn edition_hint(&self, id: &IsmapId, annex: bool) -> EditionHint {
        if id.depth() >= 3 {
            // three-part numbers are 2013/ISMAP ones in every list; written as Annex A
            // they say the list uses 2013 numbering
            return if annex {
                EditionHint::Evidence(IsoEdition::Iso2013)
            } else {
                EditionHint::Neutral
            };
        }
        // a plain clause number is an ISMAP clause
        if !annex && id.depth() == 1 {
            return EditionHint::Neutral;
        }
        match self.in_editions(id, annex) {
            (true, true) => EditionHint::Sensitive,
            (false, true) => EditionHint::Evidence(IsoEdition::Iso2022),
            (true, false) if annex => EditionHint::Evidence(IsoEdition::Iso2013),
            _ => EditionHint::Neutral,
        }
    }

    /// The edition a one- or two-part number is read in: the list's, else the only one it
    /// exists in; `Err` when it exists in both and nothing says which, or only in the
    /// other edition than the list's.
    fn reading_of(
        &self,
        ids: &[&IsmapId],
        edition: Option<IsoEdition>,
        annex: bool,
    ) -> Result<IsoEdition, Unresolved> {
        let (mut in_2013, mut in_2022) = (true, true);
        for id in ids {
            let (a, b) = self.in_editions(id, annex);
            in_2013 &= a;
            in_2022 &= b;
        }
        match (edition, in_2013, in_2022) {
            (Some(e), ..) => {
                let exists = match e {
                    IsoEdition::Iso2013 => in_2013,
                    IsoEdition::Iso2022 => in_2022,
                };
                if exists || !(in_2013 || in_2022) {
                    Ok(e)
                } else {
                    Err(Unresolved::OtherEdition)
                }
            }
            // plain ids of both editions are ISMAP ids unless a list says otherwise
            (None, true, true) if !annex => Ok(IsoEdition::Iso2013),
            (None, true, true) => Err(Unresolved::AmbiguousEdition),
            (None, false, true) => Ok(IsoEdition::Iso2022),
            (None, ..) => Ok(IsoEdition::Iso2013),
        }
    }

    /// An Annex A / 27002 number (`annex`), or a plain one, in `edition`.
    fn resolve_annex(
        &self,
        entries: &[Entry],
        id: &IsmapId,
        to: Option<&IdText>,
        edition: Option<IsoEdition>,
        annex: bool,
    ) -> Resolution {
        let to = match to.map(IdText::parse) {
            Some(None) => return unresolved(Unresolved::InvalidRange),
            Some(Some(t)) => Some(t),
            None => None,
        };
        // three-part numbers are 2013/ISMAP ones in every list, a plain clause number an
        // ISMAP clause: the edition decides only one- and two-part Annex A / 27002 numbers
        // and plain two-part ones
        let fixed = id.depth() >= 3 || id.suffix.is_some() || (!annex && id.depth() == 1);
        let reading = if fixed {
            Ok(IsoEdition::Iso2013)
        } else {
            let mut ids = vec![id];
            ids.extend(to.as_ref());
            self.reading_of(&ids, edition, annex)
        };
        let reading = match reading {
            Ok(r) => r,
            Err(why) => {
                // a 2022-only number in a list read in 2013 numbering (an ISMAP column):
                // what it would be written as, were it meant as a 2022 control
                let suggestions = match (why, edition) {
                    (Unresolved::OtherEdition, Some(IsoEdition::Iso2013)) if to.is_none() => {
                        vec![format!("ISO/IEC 27001:2022 A.{}", id.canonical())]
                    }
                    _ => Vec::new(),
                };
                return Resolution::Unresolved { why, suggestions };
            }
        };
        // was the edition what decided it (a number of both editions, or a 2022 one)?
        let decided = !fixed && (reading == IsoEdition::Iso2022 || self.in_editions(id, annex).1);
        let tag = |r: Resolution| read_in(r, decided.then_some(reading));
        match (reading, self.numbering) {
            (IsoEdition::Iso2022, Numbering::Iso27002_2013) => {
                tag(self.resolve_2022(entries, id, to.as_ref()))
            }
            (IsoEdition::Iso2013, Numbering::Iso27002_2013)
            | (IsoEdition::Iso2022, Numbering::Iso27002_2022) => {
                let kind = if annex {
                    RefKind::AnnexA
                } else {
                    RefKind::Ismap
                };
                if annex && to.is_none() {
                    tag(self.resolve_annex_a(entries, id))
                } else {
                    let to = to.map(|t| IdText {
                        text: t.canonical(),
                        marker: Marker::None,
                    });
                    tag(self.resolve_ismap_or_range(entries, id, to.as_ref(), kind))
                }
            }
            // a catalog in 2022 numbering and a 2013 number: no mapping back is known
            (IsoEdition::Iso2013, Numbering::Iso27002_2022) => unresolved(Unresolved::OtherEdition),
        }
    }

    /// An ISO/IEC 27002:2022 control (or a theme, or a range of controls): the catalog
    /// entries of its 2013 predecessors, and the controls with none.
    fn resolve_2022(&self, entries: &[Entry], id: &IsmapId, to: Option<&IsmapId>) -> Resolution {
        let table = Table::embedded();
        let controls: Vec<&Control2022> = match (id.parts.as_slice(), to) {
            ([t], None) => table.controls.iter().filter(|c| c.theme == *t).collect(),
            ([t, n], None) => table.get(*t, *n).into_iter().collect(),
            ([t, a], Some(b)) if b.parts.len() == 2 => table.between(*t, *a, b.parts[1]),
            _ => Vec::new(),
        };
        if controls.is_empty() {
            return Resolution::Unresolved {
                why: Unresolved::UnknownAnnexA,
                suggestions: suggest_from(
                    table.controls.iter().map(|c| c.id.as_str()),
                    &id.canonical(),
                ),
            };
        }
        let mut targets: Vec<Target> = Vec::new();
        let mut without = Vec::new();
        for c in controls {
            if c.new {
                without.push(self.no_counterpart(entries, c));
                continue;
            }
            for old in &c.ids_2013 {
                // the predecessor must be in the active catalog: never a partial mapping
                let Some(i) = self.position(old).or_else(|| {
                    self.annex_a
                        .get(&format!("A.{old}"))
                        .and_then(|v| v.first().copied())
                }) else {
                    return Resolution::Unresolved {
                        why: Unresolved::UnknownAnnexA,
                        suggestions: Vec::new(),
                    };
                };
                let tid = &entries[i].id;
                if !targets.iter().any(|t| &t.id == tid) {
                    targets.push(Target::exact(tid));
                }
            }
        }
        if targets.is_empty() {
            return Resolution::NoCounterpart {
                kind: RefKind::Iso2022,
                controls: without,
            };
        }
        Resolution::Resolved {
            kind: RefKind::Iso2022,
            targets,
            matched: None,
            edition: Some(IsoEdition::Iso2022),
            without_counterpart: without,
        }
    }

    /// A 2022 control new in that edition, with the catalog objectives on its topic as
    /// context: for 5.23 (information security for use of cloud services), the cloud
    /// objectives the catalog flags.
    fn no_counterpart(&self, entries: &[Entry], c: &Control2022) -> NoCounterpart {
        let related = if (c.theme, c.number) == (5, 23) {
            entries
                .iter()
                .filter(|e| {
                    e.layer == Layer::Control
                        && e.level == Level::Objective
                        && e.flags.cloud_provider
                })
                .map(|e| e.id.clone())
                .collect()
        } else {
            Vec::new()
        };
        NoCounterpart {
            control: c.id.clone(),
            title: c.title.clone(),
            related,
        }
    }

    /// An ISMAP id, or a range of ISMAP ids of one level (`9.2.1`..=`9.2.3`).
    fn resolve_ismap_or_range(
        &self,
        entries: &[Entry],
        id: &IsmapId,
        to: Option<&IdText>,
        kind: RefKind,
    ) -> Resolution {
        let Some(to) = to else {
            return match self.resolve_ismap(entries, id) {
                Resolution::Resolved {
                    targets,
                    matched,
                    edition,
                    without_counterpart,
                    ..
                } => Resolution::Resolved {
                    kind,
                    targets,
                    matched,
                    edition,
                    without_counterpart,
                },
                other => other,
            };
        };
        let Some(end) = to.parse() else {
            return unresolved(Unresolved::InvalidRange);
        };
        let d = id.depth();
        let (from_n, to_n) = (id.parts[d - 1], end.parts[d - 1]);
        let parent = &id.parts[..d - 1];
        // the ends must exist; between them, the ids of the same level: the catalog's,
        // or for details of a catalog that lacks most of them, every number
        for e in [id, &end] {
            // an end names its numbers, whatever suffix it is written with (8.1.5 → 8.1.5.P)
            let numbers = IsmapId {
                suffix: None,
                ..e.clone()
            };
            if self.numbers.contains_key(&numbers.canonical()) {
                continue;
            }
            if let r @ Resolution::Unresolved { .. } = self.resolve_ismap(entries, e) {
                return r;
            }
        }
        let mut targets = Vec::new();
        if d >= Level::Detail.depth() && !self.details_complete {
            for n in from_n..=to_n {
                let mut parts = parent.to_vec();
                parts.push(n);
                let each = IsmapId {
                    parts,
                    suffix: None,
                };
                match self.resolve_ismap(entries, &each) {
                    Resolution::Resolved { targets: t, .. } => targets.extend(t),
                    r => return r,
                }
            }
        } else {
            for e in entries {
                let Some(p) = IsmapId::parse(&e.id) else {
                    continue;
                };
                let level_ok = match d {
                    2 => e.level == Level::Category,
                    3 => e.level == Level::Objective,
                    _ => e.level == Level::Detail,
                };
                if level_ok
                    && p.depth() == d
                    && p.parts[..d - 1] == *parent
                    && (from_n..=to_n).contains(&p.parts[d - 1])
                {
                    targets.push(Target::exact(&e.id));
                }
            }
        }
        resolved(kind, targets, None)
    }

    fn resolve_ismap(&self, entries: &[Entry], id: &IsmapId) -> Resolution {
        let canonical = id.canonical();
        if self.by_id.contains_key(&canonical) {
            return resolved(RefKind::Ismap, vec![Target::exact(&canonical)], None);
        }
        // an objective or detail written without its suffix names the same control (8.1.5 →
        // 8.1.5.P, 9.2.3.11 → 9.2.3.11.PB) when no control has the plain numbers and exactly
        // one has them with a suffix: the suffix is a flag, the numbers are the id
        if id.suffix.is_none() && id.depth() >= Level::Objective.depth() {
            if let Some([i]) = self.unsuffixed.get(&canonical).map(Vec::as_slice) {
                return resolved(RefKind::Ismap, vec![Target::exact(&entries[*i].id)], None);
            }
        }
        // a detail written with a suffix the catalog does not give those numbers
        // (9.2.3.11.B for 9.2.3.11.PB) is the same control: the numbers name it, the suffix
        // is a flag (a CSP list warns of the disagreement)
        if id.suffix.is_some() && id.depth() >= Level::Detail.depth() {
            let numbers = IsmapId {
                suffix: None,
                ..id.clone()
            }
            .canonical();
            if let Some(&i) = self.numbers.get(&numbers) {
                if entries[i].level == Level::Detail {
                    return resolved(RefKind::Ismap, vec![Target::exact(&entries[i].id)], None);
                }
            }
        }
        if id.depth() >= Level::Detail.depth()
            && !self.details_complete
            && self.detail_parent(entries, id).is_some()
        {
            return resolved(
                RefKind::Ismap,
                vec![Target {
                    id: canonical,
                    unverified: true,
                    partial_mapping: false,
                    mapped: false,
                }],
                None,
            );
        }
        Resolution::Unresolved {
            why: Unresolved::UnknownId,
            suggestions: suggest_ids(entries, &canonical),
        }
    }

    /// The control objective a detail id belongs to, when the catalog has it.
    pub fn detail_parent<'e>(&self, entries: &'e [Entry], id: &IsmapId) -> Option<&'e Entry> {
        if id.depth() < Level::Detail.depth() {
            return None;
        }
        let base = id.truncated(Level::Objective.depth());
        let plain = base.canonical();
        let cloud = format!("{plain}.P");
        let wants_cloud = id.suffix.as_deref().is_some_and(|s| s.contains('P'));
        let order = if wants_cloud {
            [cloud, plain]
        } else {
            [plain, cloud]
        };
        order.iter().find_map(|cand| {
            let e = &entries[self.position(cand)?];
            (e.level == Level::Objective && e.layer == Layer::Control).then_some(e)
        })
    }

    fn resolve_annex_a(&self, entries: &[Entry], id: &IsmapId) -> Resolution {
        if id.suffix.is_some() {
            return not_a_reference();
        }
        let key = format!("A.{}", id.canonical());
        if let Some(ix) = self.annex_a.get(&key) {
            let targets = ix.iter().map(|&i| Target::exact(&entries[i].id)).collect();
            return resolved(RefKind::AnnexA, targets, None);
        }
        // Annex A numbers equal JIS Q 27002 clause numbers: fall back to the control id.
        if let Some(i) = self.position(&id.canonical()) {
            if entries[i].layer == Layer::Control {
                return resolved(RefKind::AnnexA, vec![Target::exact(&entries[i].id)], None);
            }
        }
        Resolution::Unresolved {
            why: Unresolved::UnknownAnnexA,
            suggestions: suggest_from(self.annex_a.keys().map(String::as_str), &key),
        }
    }

    fn resolve_cld(&self, entries: &[Entry], id: &IsmapId, to: Option<&IdText>) -> Resolution {
        if id.suffix.is_some() || to.is_some() {
            return not_a_reference();
        }
        let key = format!("CLD.{}", id.canonical());
        if let Some(ix) = self.cld.get(&key) {
            let targets = ix.iter().map(|&i| Target::exact(&entries[i].id)).collect();
            return resolved(RefKind::Cld, targets, None);
        }
        let provider = format!("{}.P", id.canonical());
        if self.by_id.contains_key(&provider) {
            return resolved(RefKind::Cld, vec![Target::exact(&provider)], None);
        }
        Resolution::Unresolved {
            why: Unresolved::UnknownCld,
            suggestions: suggest_from(self.cld.keys().map(String::as_str), &key),
        }
    }

    /// An ISO/IEC 27001 (or 27014) clause: the governance or management objectives whose
    /// own cross-reference, or one of whose items' cross-references, names that clause or
    /// a sub-clause of it (`7.5` → 4.8.1 for 7.5.1, 4.8.2 for 7.5.2), flagged as mapped.
    /// An ISO/IEC 27001 or 27014 clause: the governance or management objectives that
    /// name it. The criteria name ISO/IEC 27001:2013 clauses; a 27001 clause read in the
    /// 2022 edition (`edition`) is first taken to its 2013 number ([`clause_2022_in_2013`]),
    /// and a clause whose number means another clause in the other edition (10.1, 10.2)
    /// is not read when the edition is not known.
    fn resolve_clause(
        &self,
        entries: &[Entry],
        id: &IsmapId,
        to: Option<&IdText>,
        kind: RefKind,
        edition: Option<IsoEdition>,
    ) -> Resolution {
        if id.suffix.is_some() || to.is_some() || id.depth() > 3 {
            return unresolved(Unresolved::UnknownClause);
        }
        let (clauses, parts, edition_read) = match kind {
            RefKind::Iso27014Clause => (&self.clauses_27014, id.parts.clone(), None),
            _ => match edition {
                Some(IsoEdition::Iso2022) => match clause_2022_in_2013(&id.parts) {
                    Some(parts) => (&self.clauses_27001, parts, Some(IsoEdition::Iso2022)),
                    // 6.3 (planning of changes), new in 2022: a clause with no ISMAP
                    // counterpart, as the Annex A controls new in 2022 (review 15 B-2)
                    None if id.parts == [6, 3] => {
                        return Resolution::NoCounterpart {
                            kind,
                            controls: vec![NoCounterpart {
                                control: id.canonical(),
                                title: "Planning of changes".to_owned(),
                                related: Vec::new(),
                            }],
                        }
                    }
                    None => return unresolved(Unresolved::UnknownClause),
                },
                Some(IsoEdition::Iso2013) => (&self.clauses_27001, id.parts.clone(), None),
                None if clause_2022_in_2013(&id.parts).as_deref() != Some(&id.parts[..]) => {
                    return Resolution::Unresolved {
                        why: Unresolved::AmbiguousEdition,
                        suggestions: vec![
                            format!("ISO/IEC 27001:2013 {}", id.canonical()),
                            format!("ISO/IEC 27001:2022 {}", id.canonical()),
                        ],
                    };
                }
                None => (&self.clauses_27001, id.parts.clone(), None),
            },
        };
        let mut hits: Vec<usize> = clauses
            .iter()
            .filter(|(n, _)| n.starts_with(&parts))
            .map(|(_, o)| *o)
            .collect();
        hits.sort_unstable();
        hits.dedup();
        if hits.is_empty() {
            return unresolved(Unresolved::UnknownClause);
        }
        let targets = hits
            .into_iter()
            .map(|i| Target {
                mapped: true,
                ..Target::exact(&entries[i].id)
            })
            .collect();
        read_in(resolved(kind, targets, None), edition_read)
    }

    fn resolve_nist(&self, entries: &[Entry], full: &str, base: &str) -> Resolution {
        /// The twenty control families of NIST SP 800-53 Rev. 5 (its Table 1, "Security and
        /// privacy control families"): which ids may be real controls. Only the families:
        /// which numbers exist in each is not known here, and NIST's ISO/IEC 27001 mapping
        /// (`catalog/reference`) maps nothing of PT (PII processing and transparency).
        const REV5_FAMILIES: [&str; 20] = [
            "AC", "AT", "AU", "CA", "CM", "CP", "IA", "IR", "MA", "MP", "PE", "PL", "PM", "PS",
            "PT", "RA", "SA", "SC", "SI", "SR",
        ];
        let (matched, hits) = match self.nist.get(full) {
            Some(h) => (full, h),
            None => match self.nist.get(base) {
                Some(h) => (base, h),
                None => {
                    // an id of a family NIST's mapping has (`AU-2`: Event Logging, mapped to
                    // nothing), or of a Rev. 5 family it maps nothing of (`PT-2`: review 23
                    // D-2), may well be a real control left unmapped: a look-alike (`AC-2`,
                    // `AT-2`) would invite a wrong edit, credited then (review 11 C-3)
                    let family = base.split_once('-').map(|(f, _)| f);
                    let mapped_family = family.is_some_and(|f| {
                        REV5_FAMILIES.contains(&f)
                            || self
                                .nist_controls()
                                .any(|n| n.split_once('-').is_some_and(|(g, _)| g == f))
                    });
                    return Resolution::Unresolved {
                        why: Unresolved::UnknownNist,
                        suggestions: if mapped_family {
                            Vec::new()
                        } else {
                            suggest_from(self.nist_controls(), full)
                        },
                    };
                }
            },
        };
        let mut targets: Vec<Target> = Vec::new();
        for &(i, partial) in hits {
            let id = &entries[i].id;
            match targets.iter_mut().find(|t| &t.id == id) {
                Some(t) => t.partial_mapping &= partial,
                None => targets.push(Target {
                    id: id.clone(),
                    unverified: false,
                    partial_mapping: partial,
                    mapped: false,
                }),
            }
        }
        targets.sort_by_key(|t| self.position(&t.id));
        resolved(RefKind::Nist, targets, Some(matched.to_owned()))
    }
}

/// Two resolutions of one reference's ids, together (targets once each, in order). The
/// kind and edition are the first's, unless only the second came through the 2022
/// correspondence: the reference then keeps that ([`Resolution::via_correspondence`]).
fn merge(a: Resolution, b: Resolution) -> Resolution {
    let second_corresponds = b.via_correspondence() && !a.via_correspondence();
    let parts = |r: Resolution| match r {
        Resolution::Resolved {
            kind,
            targets,
            matched,
            edition,
            without_counterpart,
        } => (kind, targets, matched, edition, without_counterpart),
        Resolution::NoCounterpart { kind, controls } => (kind, Vec::new(), None, None, controls),
        Resolution::Unresolved { .. } => (RefKind::Ismap, Vec::new(), None, None, Vec::new()),
    };
    let (mut kind, mut targets, matched, mut edition, mut without) = parts(a);
    let (kind_b, more, _, mut edition_b, more_without) = parts(b);
    if second_corresponds {
        kind = kind_b;
        std::mem::swap(&mut edition, &mut edition_b);
    }
    for t in more {
        if !targets.iter().any(|x| x.id == t.id) {
            targets.push(t);
        }
    }
    without.extend(more_without);
    if targets.is_empty() {
        return Resolution::NoCounterpart {
            kind,
            controls: without,
        };
    }
    Resolution::Resolved {
        kind,
        targets,
        matched,
        edition: edition.or(edition_b),
        without_counterpart: without,
    }
}

fn resolved(kind: RefKind, targets: Vec<Target>, matched: Option<String>) -> Resolution {
    if targets.is_empty() {
        return not_a_reference();
    }
    Resolution::Resolved {
        kind,
        targets,
        matched,
        edition: None,
        without_counterpart: Vec::new(),
    }
}

/// `r` with the edition that decided what it names (`None`: nothing did).
fn read_in(r: Resolution, edition: Option<IsoEdition>) -> Resolution {
    match r {
        Resolution::Resolved {
            kind,
            targets,
            matched,
            without_counterpart,
            ..
        } => Resolution::Resolved {
            kind,
            targets,
            matched,
            edition,
            without_counterpart,
        },
        other => other,
    }
}

fn unresolved(why: Unresolved) -> Resolution {
    Resolution::Unresolved {
        why,
        suggestions: Vec::new(),
    }
}

fn not_a_reference() -> Resolution {
    unresolved(Unresolved::NotAReference)
}

/// Up to three catalog ids close to `wanted`: same numbers with another suffix first
/// (`8.1.5` → `8.1.5.P`), then by edit distance.
fn suggest_ids(entries: &[Entry], wanted: &str) -> Vec<String> {
    let wanted_numbers = wanted.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    let mut scored: Vec<(usize, usize, &str)> = entries
        .iter()
        .enumerate()
        .filter_map(|(pos, e)| {
            let numbers =
                e.id.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
            let score = if numbers == wanted_numbers {
                0
            } else {
                edit_distance_within(wanted, &e.id, 2)?
            };
            Some((score, pos, e.id.as_str()))
        })
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(3)
        .map(|(_, _, id)| id.to_owned())
        .collect()
}

fn suggest_from<'a>(candidates: impl Iterator<Item = &'a str>, wanted: &str) -> Vec<String> {
    let mut scored: Vec<(usize, &str)> = candidates
        .filter_map(|c| Some((edit_distance_within(wanted, c, 2)?, c)))
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(3)
        .map(|(_, c)| c.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_naming_another_framework() {
        for h in [
            "PCI DSS要件",
            "統一基準の項番",
            "NIST SP 800-171",
            "CIS Controls",
            "ISO 9001",
        ] {
            assert!(other_framework(h).is_some(), "{h}");
        }
        for h in [
            "管理策",
            "対応する管理策",
            "ISMAP管理策",
            "ISO/IEC 27001:2013",
            "JIS Q 27002",
            "NIST SP 800-53",
            "references",
            "Description",
        ] {
            assert_eq!(other_framework(h), None, "{h}");
        }
    }

    #[test]
    fn parses_nist_ids() {
        assert_eq!(parse_nist("AC-2"), Some(("AC-2".into(), "AC-2".into())));
        assert_eq!(
            parse_nist("ac-2(1)"),
            Some(("AC-2(1)".into(), "AC-2".into()))
        );
        assert_eq!(
            parse_nist("ＡＣ－２（１）"),
            Some(("AC-2(1)".into(), "AC-2".into()))
        );
        assert_eq!(
            parse_nist("AC-02 (01)"),
            Some(("AC-2(1)".into(), "AC-2".into()))
        );
        assert_eq!(parse_nist("AC2"), None);
        assert_eq!(parse_nist("ABC-2"), None);
        assert_eq!(parse_nist("AC-2(x)"), None);
        assert_eq!(parse_nist("AC-"), None);
    }
}

#[cfg(test)]
mod resolver_tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::catalog::IsoEdition;

    fn cat() -> Catalog {
        Catalog::embedded().unwrap()
    }

    fn ids(r: &Resolution) -> Vec<&str> {
        match r {
            Resolution::Resolved { targets, .. } => targets.iter().map(|t| t.id.as_str()).collect(),
            Resolution::NoCounterpart { .. } | Resolution::Unresolved { .. } => Vec::new(),
        }
    }

    fn kind(r: &Resolution) -> Option<RefKind> {
        match r {
            Resolution::Resolved { kind, .. } | Resolution::NoCounterpart { kind, .. } => {
                Some(*kind)
            }
            Resolution::Unresolved { .. } => None,
        }
    }

    #[test]
    fn ismap_ids_in_every_spelling() {
        let c = cat();
        for (input, want) in [
            ("9.2.1", "9.2.1"),
            ("８．１．５．Ｐ", "8.1.5.P"),
            ("8.1.5P", "8.1.5.P"),
            ("8.1.5-P", "8.1.5.P"),
            ("8.1.5.p", "8.1.5.P"),
            ("12.4.5_P", "12.4.5.P"),
            ("3.1.2", "3.1.2"),
            ("4.9.2", "4.9.2"),
            ("9.2", "9.2"),
            ("9", "9"),
        ] {
            let r = c.resolve(input);
            assert_eq!(ids(&r), [want], "{input}");
            assert_eq!(kind(&r), Some(RefKind::Ismap), "{input}");
            assert!(!r.is_approximate());
        }
    }

    /// Review 22 C-13 (fix32-grc): a number after `ISO 27001` with no `A.` that is no clause
    /// of the standard but an Annex A control of its edition reads as that control, as with
    /// `A.`; a clause keeps the clause reading, `9.2.1` with no year stays ambiguous.
    #[test]
    fn an_annex_a_number_after_27001_without_a_is_that_control() {
        let c = cat();
        for (bare, marked) in [
            ("ISO 27001 5.15", "ISO 27001 A.5.15"),
            ("ISO/IEC 27001:2022 5.16", "ISO/IEC 27001:2022 A.5.16"),
            ("ISO/IEC 27001:2013 9.2.1", "ISO/IEC 27001:2013 A.9.2.1"),
            ("ISO 27001 12.4.1", "ISO 27001 A.12.4.1"),
        ] {
            let (b, m) = (c.resolve(bare), c.resolve(marked));
            assert!(!ids(&m).is_empty(), "{marked}");
            assert_eq!(ids(&b), ids(&m), "{bare}");
        }
        assert_eq!(ids(&c.resolve("ISO 27001 12.4.1")), ["12.4.1"]);
        // no counterpart in ISMAP, as `A.8.10`
        assert!(matches!(
            c.resolve("ISO 27001 8.10"),
            Resolution::NoCounterpart { .. }
        ));
        // clauses: the management objectives, as before
        for clause in ["ISO 27001 9.2", "ISO/IEC 27001:2022 6.1.2", "ISO 27001 5.1"] {
            let r = c.resolve(clause);
            assert_eq!(kind(&r), Some(RefKind::Iso27001Clause), "{clause}");
        }
        // a 2022 clause or a 2013 control: not said
        assert!(matches!(
            c.resolve("ISO 27001 9.2.1"),
            Resolution::Unresolved {
                why: Unresolved::AmbiguousEdition,
                ..
            }
        ));
        // a 2013-only number after the 2022 edition is neither
        assert!(matches!(
            c.resolve("ISO/IEC 27001:2022 12.4.1"),
            Resolution::Unresolved { .. }
        ));
    }

    /// The proptest `no_reference_is_rewritten_into_another_id` once found `27001 A.９,9`
    /// resolved to 4.6.1: the standard named before the list made the `9` after `A.９` a
    /// clause of ISO/IEC 27001 (9 → 4.6.1–4.6.3), full width or not. A number that lost the
    /// `A.` of the id before it is a shortened list, its marked id only suggested.
    #[test]
    fn a_number_after_an_annex_a_id_under_27001_is_no_clause() {
        let c = cat();
        for (input, want) in [
            ("27001 A.９,9", "A.9"),
            ("27001 A.9,9", "A.9"),
            ("ISO/IEC 27001 A.9.2.1, 9.2.2", "A.9.2.2"),
        ] {
            match c.resolve(input) {
                Resolution::Unresolved {
                    why: Unresolved::ShorthandList,
                    suggestions,
                } => assert_eq!(suggestions, [want], "{input}"),
                other => panic!("{input}: {other:?}"),
            }
        }
        // the clause alone, a clause before the Annex A id, marked ids: read as before
        assert_eq!(ids(&c.resolve("27001 9")), ["4.6.1", "4.6.2", "4.6.3"]);
        let both = c.resolve("ISO27001 9, A.9.2.1");
        assert!(ids(&both).contains(&"9.2.1") && ids(&both).contains(&"4.6.1"));
        assert_eq!(
            ids(&c.resolve("27001 A.9.2.1, A.9.2.2")),
            ["9.2.1", "9.2.2"]
        );
    }

    #[test]
    fn cld_and_annex_a_references() {
        let c = cat();
        let r = c.resolve("CLD.8.1.5");
        assert_eq!((ids(&r), kind(&r)), (vec!["8.1.5.P"], Some(RefKind::Cld)));
        assert_eq!(ids(&c.resolve("cld 9.5.1")), ["9.5.1.P"]);
        assert_eq!(ids(&c.resolve("CLD.6.3")), ["6.3"]);
        let r = c.resolve("A.9.2.1");
        assert_eq!((ids(&r), kind(&r)), (vec!["9.2.1"], Some(RefKind::AnnexA)));
        assert_eq!(ids(&c.resolve("Ａ．９．２．１")), ["9.2.1"]);
        assert!(matches!(
            c.resolve("CLD.9.9.9"),
            Resolution::Unresolved {
                why: Unresolved::UnknownCld,
                ..
            }
        ));
        assert!(matches!(
            c.resolve("A.19.1.1"),
            Resolution::Unresolved {
                why: Unresolved::UnknownAnnexA,
                ..
            }
        ));
    }

    #[test]
    fn nist_exact_then_base_control_approximate() {
        let c = cat();
        let r = c.resolve("AC-2");
        assert!(r.is_approximate());
        assert!(ids(&r).contains(&"9.2.1") && ids(&r).len() > 1);
        let Resolution::Resolved { matched, .. } = c.resolve("AC-2(1)") else {
            panic!("AC-2(1) should resolve through AC-2")
        };
        assert_eq!(matched.as_deref(), Some("AC-2"));
        // an enhancement NIST maps itself is used as is
        let enh = c
            .nist_controls()
            .find(|n| n.contains('('))
            .unwrap()
            .to_owned();
        let Resolution::Resolved { matched, .. } = c.resolve(&enh) else {
            panic!("{enh}")
        };
        assert_eq!(matched.as_deref(), Some(enh.as_str()));
        // NIST's partial mark travels to the target
        let Resolution::Resolved { targets, .. } = c.resolve("CM-9") else {
            panic!("CM-9")
        };
        assert!(targets.iter().any(|t| t.id == "6.1.1" && t.partial_mapping));
        assert!(matches!(
            c.resolve("ZZ-1"),
            Resolution::Unresolved {
                why: Unresolved::UnknownNist,
                ..
            }
        ));
        // a control of a family NIST maps, itself mapped to nothing: no look-alikes
        // (review 11 C-3: `AU-2` got "did you mean AC-2, AT-2, AU-1?")
        let Resolution::Unresolved { why, suggestions } = c.resolve("AU-2") else {
            panic!("AU-2")
        };
        assert_eq!(why, Unresolved::UnknownNist);
        assert!(suggestions.is_empty(), "{suggestions:?}");
        // nor of a Rev. 5 family the mapping has nothing of (review 23 D-2: `PT-2` got "did
        // you mean AT-2, PE-2, PL-2"); a family that is none keeps its look-alikes
        let Resolution::Unresolved { why, suggestions } = c.resolve("PT-2") else {
            panic!("PT-2")
        };
        assert_eq!(why, Unresolved::UnknownNist);
        assert!(suggestions.is_empty(), "{suggestions:?}");
        let Resolution::Unresolved { suggestions, .. } = c.resolve("PX-2") else {
            panic!("PX-2")
        };
        assert!(!suggestions.is_empty());
    }

    #[test]
    fn details_resolve_unverified_through_their_objective() {
        let c = cat();
        let Resolution::Resolved { targets, .. } = c.resolve("9.2.1.3") else {
            panic!("9.2.1.3")
        };
        assert_eq!(targets[0].id, "9.2.1.3");
        assert!(targets[0].unverified);
        assert_eq!(
            c.detail_parent("8.1.5.1.PB").map(|e| e.id.as_str()),
            Some("8.1.5.P")
        );
        assert_eq!(
            c.detail_parent("9.2.1.3.B").map(|e| e.id.as_str()),
            Some("9.2.1")
        );
        // no objective 9.9.9, so its details do not resolve either
        assert!(matches!(
            c.resolve("9.9.9.1"),
            Resolution::Unresolved {
                why: Unresolved::UnknownId,
                ..
            }
        ));
    }

    #[test]
    fn a_detail_without_its_suffix_names_the_suffixed_control() {
        let c = cat();
        for (input, want) in [
            ("9.2.3.11", "9.2.3.11.PB"),
            ("８．１．５．４", "8.1.5.4.P"),
            ("9.4.2.2", "9.4.2.2.B"),
            ("9.2.3.11.PB", "9.2.3.11.PB"),
            ("16.1.5.10", "16.1.5.10"),
            // another suffix: the numbers name the control, the suffix is a flag
            ("9.2.3.11.B", "9.2.3.11.PB"),
            ("9.4.2.2.PB", "9.4.2.2.B"),
            ("16.1.5.10.B", "16.1.5.10"),
        ] {
            let Resolution::Resolved { targets, .. } = c.resolve(input) else {
                panic!("{input}")
            };
            assert_eq!(targets[0].id, want, "{input}");
            assert!(!targets[0].unverified, "{input}");
        }
        // the embedded catalog holds a few details only: others resolve unverified
        for input in ["10.1.2.3", "12.4.3.2", "9.2.3.3"] {
            let Resolution::Resolved { targets, .. } = c.resolve(input) else {
                panic!("{input}")
            };
            assert!(targets[0].unverified, "{input}");
        }
        // governance and management items are all there: one it lacks does not resolve
        for input in ["4.4.9", "3.1.7.1", "4.4.7.9", "4.9.3"] {
            assert!(
                matches!(c.resolve(input), Resolution::Unresolved { .. }),
                "{input}"
            );
        }
        assert_eq!(ids(&c.resolve("4.4.7.2")), ["4.4.7.2"]);
        assert_eq!(ids(&c.resolve("3.1.1")), ["3.1.1"]);
    }

    /// An objective written without its suffix names the suffixed one when the catalog has
    /// no objective of the plain numbers and exactly one with a suffix (`8.1.5` → 8.1.5.P);
    /// a plain id the catalog has is that id; another suffix is not a spelling of it.
    #[test]
    fn an_objective_without_its_suffix_names_the_suffixed_objective() {
        let c = cat();
        for (input, want) in [
            ("8.1.5", "8.1.5.P"),
            ("9.5.1", "9.5.1.P"),
            ("12.1.5", "12.1.5.P"),
            ("6.3.1", "6.3.1.P"),
            ("８．１．５", "8.1.5.P"),
            ("8.1.5.", "8.1.5.P"),
            ("9.2.1", "9.2.1"),
        ] {
            let r = c.resolve(input);
            assert_eq!(ids(&r), [want], "{input}");
            assert_eq!(kind(&r), Some(RefKind::Ismap), "{input}");
        }
        // in a range, and inside words the resolver reads
        assert_eq!(ids(&c.resolve("8.1.4～8.1.5")), ["8.1.4", "8.1.5.P"]);
        assert_eq!(ids(&c.resolve("管理策8.1.5")), ["8.1.5.P"]);
        // a suffix the catalog does not give these numbers, and numbers it has no objective of
        for bad in ["8.1.5.B", "8.1.5.PB", "8.1.9", "9.5.3"] {
            assert!(
                matches!(
                    c.resolve(bad),
                    Resolution::Unresolved {
                        why: Unresolved::UnknownId,
                        ..
                    }
                ),
                "{bad}"
            );
        }
        // two objectives with the same numbers and different suffixes: no catalog holds
        // them (validation refuses the pair), so `9.2.1` never has to pick one
        let yaml = "name: t\nversion: '1'\nsources: {s: t}\nentries:\n\
                    - {id: '9', layer: control, level: clause, sources: [s]}\n\
                    - {id: '9.2', layer: control, level: category, parent: '9', sources: [s]}\n\
                    - {id: '9.2.1.P', layer: control, level: objective, parent: '9.2', sources: [s]}\n\
                    - {id: '9.2.1.B', layer: control, level: objective, parent: '9.2', sources: [s]}\n";
        let two = crate::catalog::load::parse(
            crate::catalog::load::SourceText {
                path: "t.yaml".into(),
                text: yaml.to_owned(),
            },
            &|_| unreachable!(),
        );
        let problems = two.err().unwrap_or_default();
        assert!(
            problems.iter().any(|p| p
                .message
                .contains("'9.2.1.P' (line 7) and '9.2.1.B' have the same numbers 9.2.1")),
            "{problems:?}"
        );
    }

    #[test]
    fn a_catalog_declaring_its_details_complete_rejects_a_detail_it_lacks() {
        let yaml = |complete: &str| {
            format!(
                "name: t\nversion: '1'\n{complete}sources: {{s: t}}\nentries:\n\
                 - {{id: '9', layer: control, level: clause, sources: [s]}}\n\
                 - {{id: '9.2', layer: control, level: category, parent: '9', sources: [s]}}\n\
                 - {{id: '9.2.1', layer: control, level: objective, parent: '9.2', sources: [s]}}\n\
                 - {{id: '9.2.1.1.B', layer: control, level: detail, parent: '9.2.1', sources: [s]}}\n"
            )
        };
        let load = |text: String| {
            crate::catalog::load::parse(
                crate::catalog::load::SourceText {
                    path: "t.yaml".into(),
                    text,
                },
                &|_| unreachable!(),
            )
            .unwrap()
        };
        for (field, accepted) in [
            ("", false),
            ("details_complete: true\n", false),
            ("details_complete: false\n", true),
        ] {
            let c = load(yaml(field));
            let r = c.resolve("9.2.1.2");
            assert_eq!(
                matches!(r, Resolution::Resolved { .. }),
                accepted,
                "{field:?}"
            );
            // the suffix is the flag, whatever the file says
            assert!(c.get("9.2.1.1.B").unwrap().flags.basic);
            assert_eq!(ids(&c.resolve("9.2.1.1")), ["9.2.1.1.B"]);
        }
    }

    fn in_2022(c: &Catalog, input: &str) -> Resolution {
        c.resolve_in(input, Some(IsoEdition::Iso2022))
    }

    #[test]
    fn iso_2022_controls_resolve_to_their_2013_predecessors() {
        let c = cat();
        for (input, want) in [
            ("A.5.15", vec!["9.1.1", "9.1.2"]),
            ("A.8.2", vec!["9.2.3"]),
            ("A.7.1", vec!["11.1.1"]),
            ("8.24", vec!["10.1.1", "10.1.2"]),
            ("ISO27001:2022 A.5.17", vec!["9.2.4", "9.3.1", "9.4.3"]),
            ("JIS Q 27002:2024 8.8", vec!["12.6.1", "18.2.3"]),
            ("A.5.36", vec!["18.2.2", "18.2.3"]),
            ("A.5.15～A.5.16", vec!["9.1.1", "9.1.2", "9.2.1"]),
        ] {
            let r = in_2022(&c, input);
            assert_eq!(ids(&r), want, "{input}");
            assert_eq!(kind(&r), Some(RefKind::Iso2022), "{input}");
            let Resolution::Resolved { edition, .. } = r else {
                unreachable!()
            };
            assert_eq!(edition, Some(IsoEdition::Iso2022), "{input}");
        }
        // a 2022-only number needs no edition; an edition-sensitive one does
        assert_eq!(ids(&c.resolve("A.5.15")), ["9.1.1", "9.1.2"]);
        assert_eq!(ids(&c.resolve("8.24")), ["10.1.1", "10.1.2"]);
        assert!(matches!(
            c.resolve("A.8.2"),
            Resolution::Unresolved {
                why: Unresolved::AmbiguousEdition,
                ..
            }
        ));
        // plain ids of both editions are ISMAP ids unless the list says otherwise
        assert_eq!(ids(&c.resolve("8.2")), ["8.2"]);
        assert_eq!(ids(&in_2022(&c, "8.2")), ["9.2.3"]);
        // in 2013, A.8.2 is the category information classification
        assert_eq!(
            ids(&c.resolve_in("A.8.2", Some(IsoEdition::Iso2013))),
            ["8.2"]
        );
        // three-part numbers are 2013 ones in any list
        assert_eq!(ids(&in_2022(&c, "A.9.2.1")), ["9.2.1"]);
        assert_eq!(ids(&in_2022(&c, "9.2.1")), ["9.2.1"]);
        // a 2022 number in a list read as 2013
        assert!(matches!(
            c.resolve_in("A.5.15", Some(IsoEdition::Iso2013)),
            Resolution::Unresolved {
                why: Unresolved::OtherEdition,
                ..
            }
        ));
        assert!(matches!(
            in_2022(&c, "A.5.99"),
            Resolution::Unresolved {
                why: Unresolved::UnknownAnnexA,
                ..
            }
        ));
    }

    #[test]
    fn a_control_new_in_2022_has_no_ismap_counterpart() {
        let c = cat();
        for new in [
            "5.7", "5.23", "5.30", "7.4", "8.9", "8.10", "8.11", "8.12", "8.16", "8.23", "8.28",
        ] {
            let Resolution::NoCounterpart { kind, controls } = in_2022(&c, &format!("A.{new}"))
            else {
                panic!("{new}")
            };
            assert_eq!(kind, RefKind::Iso2022);
            assert_eq!(controls[0].control, new);
            // only 5.23 names related objectives, as context
            assert_eq!(!controls[0].related.is_empty(), new == "5.23", "{new}");
        }
        let Resolution::NoCounterpart { controls, .. } = c.resolve("5.23") else {
            panic!("5.23")
        };
        assert_eq!(
            controls[0].related,
            ["6.3.1.P", "8.1.5.P", "9.5.1.P", "9.5.2.P", "12.1.5.P", "12.4.5.P", "13.1.4.P"]
        );
        // a range over one: the others resolve, the new one is named apart
        let Resolution::Resolved {
            targets,
            without_counterpart,
            ..
        } = in_2022(&c, "A.5.22～A.5.24")
        else {
            panic!("range")
        };
        let ids: Vec<&str> = targets.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["15.2.1", "15.2.2", "16.1.1"]);
        assert_eq!(without_counterpart[0].control, "5.23");
    }

    #[test]
    fn clauses_of_27001_and_27014_resolve_to_the_criteria_naming_them() {
        let c = cat();
        for (input, want) in [
            ("27001 6.1.2", vec!["4.4.7"]),
            ("ISO/IEC 27001:2013 9.2", vec!["4.6.1", "4.6.2"]),
            ("JIS Q 27001 7.5", vec!["4.8.1", "4.8.2"]),
            // 4.4.8 prints its clause as "6.": its items name 6.1.3
            ("ISO/IEC 27001 6.1.3", vec!["4.4.8"]),
            ("ISO/IEC 27001 6.1", vec!["4.4.6", "4.4.7", "4.4.8"]),
            // 4.5.5 prints "8.2.8.3": its items name 8.2 and 8.3
            ("27001 8.3", vec!["4.5.5"]),
            ("ISO/IEC 27014 5.3.2", vec!["3.1.2"]),
        ] {
            let r = c.resolve(input);
            assert_eq!(ids(&r), want, "{input}");
            let Resolution::Resolved { targets, .. } = r else {
                unreachable!()
            };
            assert!(targets.iter().all(|t| t.mapped), "{input}");
        }
        assert_eq!(
            kind(&c.resolve("27001 6.1.2")),
            Some(RefKind::Iso27001Clause)
        );
        // never Annex A or the ISMAP objective of the same number
        assert!(!ids(&c.resolve("JIS Q 27001 6.1.2")).contains(&"6.1.2"));
        // with `A.` it is Annex A
        assert_eq!(ids(&c.resolve("ISO/IEC 27001:2013 A.6.1.2")), ["6.1.2"]);
        for bad in [
            "27001 6.3",
            "27001 11.1",
            "ISO 9001 7.5",
            "ISO/IEC 27001",
            "ISO/IEC 27001:2005 A.9.2.1",
        ] {
            assert!(
                matches!(c.resolve(bad), Resolution::Unresolved { .. }),
                "{bad}"
            );
        }
    }

    #[test]
    fn forms_with_words_standards_and_ranges() {
        let c = cat();
        for (input, want) in [
            ("12.4.1（イベントログ取得）", vec!["12.4.1"]),
            ("管理策9.2.1", vec!["9.2.1"]),
            ("JIS Q 27002 9.2.1", vec!["9.2.1"]),
            ("ISO/IEC 27017 CLD.6.3.1", vec!["6.3.1.P"]),
            ("ISO/IEC 27017 9.5.1", vec!["9.5.1.P"]),
            ("ISO/IEC 27017 12.4.1", vec!["12.4.1"]),
            ("CLD 8.1.5", vec!["8.1.5.P"]),
            ("A 9.2.1", vec!["9.2.1"]),
            ("附属書A.9.2.1", vec!["9.2.1"]),
            ("（９．２．１）", vec!["9.2.1"]),
            ("9.2.1～9.2.3", vec!["9.2.1", "9.2.2", "9.2.3"]),
            ("A.9.2.1-A.9.2.3", vec!["9.2.1", "9.2.2", "9.2.3"]),
            ("8.1.4〜8.1.5", vec!["8.1.4", "8.1.5.P"]),
            ("9.5.1.P～9.5.2.P", vec!["9.5.1.P", "9.5.2.P"]),
            ("9.1～9.2", vec!["9.1", "9.2"]),
            ("4.4.6～4.4.8", vec!["4.4.6", "4.4.7", "4.4.8"]),
            ("9.2.3.10～9.2.3.11", vec!["9.2.3.10", "9.2.3.11.PB"]),
            ("9.2全般", vec!["9.2"]),
        ] {
            assert_eq!(ids(&c.resolve(input)), want, "{input}");
        }
        for bad in [
            "9.2.1～9.3.1",
            "9.2～9.2.3",
            "9.2.3～9.2.1",
            "9.2.1～9.2.9",
            "9.1・2",
            "9..1",
        ] {
            assert!(
                matches!(c.resolve(bad), Resolution::Unresolved { .. }),
                "{bad}"
            );
        }
        assert!(matches!(
            c.resolve("9.2.1～9.3.1"),
            Resolution::Unresolved {
                why: Unresolved::InvalidRange,
                ..
            }
        ));
    }

    #[test]
    fn rejections_come_with_up_to_three_suggestions() {
        let c = cat();
        let Resolution::Unresolved { why, suggestions } = c.resolve("8.1.5.B") else {
            panic!("8.1.5.B is not an objective")
        };
        assert_eq!(why, Unresolved::UnknownId);
        assert_eq!(suggestions[0], "8.1.5.P");
        assert!(suggestions.len() <= 3);
        let Resolution::Unresolved { suggestions, .. } = c.resolve("AC-02x") else {
            panic!()
        };
        assert!(suggestions.len() <= 3);
        for junk in [
            "",
            "アクセス制御",
            "9..1",
            "x.y.z",
            "2024/01/15",
            "X9.9",
            "P9.9",
        ] {
            assert!(
                matches!(c.resolve(junk), Resolution::Unresolved { .. }),
                "{junk}"
            );
        }
    }
}
