//! The catalog's data model: entries, their layers, levels, titles, flags and cross-references.
use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// The three layers of ISMAP管理基準.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    /// ガバナンス基準 (chapter 3)
    Governance,
    /// マネジメント基準 (chapter 4)
    Management,
    /// 管理策基準 (chapter 5, clauses 5-18)
    Control,
}

impl Layer {
    pub const ALL: [Layer; 3] = [Layer::Governance, Layer::Management, Layer::Control];

    pub fn as_str(self) -> &'static str {
        match self {
            Layer::Governance => "governance",
            Layer::Management => "management",
            Layer::Control => "control",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Layer::Governance => lang.pick("ガバナンス基準", "governance"),
            Layer::Management => lang.pick("マネジメント基準", "management"),
            Layer::Control => lang.pick("管理策基準", "control"),
        }
    }
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How deep an entry sits. A governance or management objective (`3.1.2`, `4.4.7`) is at
/// level `objective`, its items (`3.1.2.1`, `4.4.7.2`) at level `detail`, as the control
/// objectives and their detailed controls are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Clause,
    Category,
    /// A section that introduces a category without stating a criterion (3.1.1, the
    /// governance overview): shown, never required, never expected in a CSP's list.
    Overview,
    /// A control objective (統制目標, 3-digit id), or a governance/management objective.
    Objective,
    /// A detailed control (詳細管理策, 4-digit id), or a governance/management item.
    Detail,
}

impl Level {
    pub const ALL: [Level; 5] = [
        Level::Clause,
        Level::Category,
        Level::Overview,
        Level::Objective,
        Level::Detail,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Clause => "clause",
            Level::Category => "category",
            Level::Overview => "overview",
            Level::Objective => "objective",
            Level::Detail => "detail",
        }
    }

    /// How many numeric components an id of this level has.
    pub fn depth(self) -> usize {
        match self {
            Level::Clause => 1,
            Level::Category => 2,
            Level::Overview | Level::Objective => 3,
            Level::Detail => 4,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Level::Clause => lang.pick("箇条", "clause"),
            Level::Category => lang.pick("カテゴリ", "category"),
            Level::Overview => lang.pick("概要", "overview"),
            Level::Objective => lang.pick("統制目標", "objective"),
            Level::Detail => lang.pick("詳細管理策", "detail"),
        }
    }

    /// The label of this level for an entry of `layer`: governance and management
    /// objectives and items are not 統制目標 and 詳細管理策.
    pub fn label_in(self, layer: Layer, lang: Lang) -> &'static str {
        match (layer, self) {
            (Layer::Control, _) | (_, Level::Clause | Level::Category | Level::Overview) => {
                self.label(lang)
            }
            (_, Level::Objective) => lang.pick("目標", "objective"),
            (_, Level::Detail) => lang.pick("項目", "item"),
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Short titles; either may be absent and is then never made up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Titles {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ja: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Titles {
    /// The title in `lang`, else in the other language, else empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Ja => (&self.ja, &self.en),
            Lang::En => (&self.en, &self.ja),
        };
        first.as_deref().or(second.as_deref()).unwrap_or("")
    }

    pub fn is_empty(&self) -> bool {
        self.ja.is_none() && self.en.is_none()
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Flags carried by an entry, read from its id's suffix. Their meaning, as ISMAP管理基準
/// states it (English reference translation, 2022-04-01 edition, 2.1): **P** = a control
/// that cloud service providers should consider specifically as unique to cloud services;
/// **B** = a control that is itself a basic statement requirement (基本言明要件: to be
/// implemented in principle, not an option); **PB** = both. All governance and management
/// criteria and all control objectives are basic statement requirements in principle
/// (selection rules, 2.2.4): that rule is applied by `readiness`, not written as a flag.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flags {
    /// `B` (or `PB`): itself a basic statement requirement, mandatory in principle.
    #[serde(default, skip_serializing_if = "is_false")]
    pub basic: bool,
    /// `P` (or `PB`): to be considered as unique to cloud services (the `.P` objectives are
    /// the ISO/IEC 27017 cloud-provider controls).
    #[serde(default, skip_serializing_if = "is_false", alias = "cloud")]
    pub cloud_provider: bool,
}

impl Flags {
    /// The flags a suffix (`P`, `B`, `PB`) gives.
    pub fn from_suffix(suffix: Option<&str>) -> Flags {
        let s = suffix.unwrap_or("");
        Flags {
            basic: s.contains('B'),
            cloud_provider: s.contains('P'),
        }
    }
}

impl Flags {
    fn is_default(&self) -> bool {
        *self == Flags::default()
    }
}

/// A NIST SP 800-53 control mapped to an entry. `partial` keeps NIST's asterisk
/// ("the relationship is partial"). Written as `AC-2` or `CM-9*`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NistRef {
    pub control: String,
    pub partial: bool,
}

impl fmt::Display for NistRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.control, if self.partial { "*" } else { "" })
    }
}

impl std::str::FromStr for NistRef {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        Ok(match s.strip_suffix('*') {
            Some(base) => NistRef {
                control: base.trim().to_owned(),
                partial: true,
            },
            None => NistRef {
                control: s.to_owned(),
                partial: false,
            },
        })
    }
}

impl Serialize for NistRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for NistRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(s.parse().unwrap_or_else(|never| match never {}))
    }
}

/// Cross-references to the standards the criteria derive from. All lists may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrossRefs {
    /// JIS Q 27001:2014 附属書A (ISO/IEC 27001:2013 Annex A), e.g. `A.9.2.1`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annex_a: Vec<String>,
    /// JIS Q 27002:2014 (ISO/IEC 27002:2013) clause numbers, e.g. `9.2.1`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jis_q_27002: Vec<String>,
    /// JIS Q 27017:2016 (ISO/IEC 27017:2015) cloud controls, e.g. `CLD.8.1.5`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jis_q_27017: Vec<String>,
    /// NIST SP 800-53 Rev.5 controls, from NIST's mapping to ISO/IEC 27001:2013.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nist_sp800_53: Vec<NistRef>,
    /// 政府機関等のサイバーセキュリティ対策のための統一基準 (unified government standard).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unified_standard: Vec<String>,
    /// ISO/IEC 27001:2013 (JIS Q 27001:2014) clauses a management entry names, as printed
    /// (`6.1.2`, `5.1b)`, `7.3c`): the management system clauses 4–10, never Annex A.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub iso27001_2013: Vec<String>,
    /// ISO/IEC 27014:2013 (JIS Q 27014:2015) sections a governance entry follows (`5.3.2`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub iso27014_2013: Vec<String>,
    /// A cross-reference the source prints in a form that is no clause number (`ISO/IEC
    /// 27001:2013 6.`, `ISO/IEC 27001:2013 8.2.8.3`): kept as printed, shown, never read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub as_printed: Vec<String>,
}

impl CrossRefs {
    pub fn is_empty(&self) -> bool {
        self.annex_a.is_empty()
            && self.jis_q_27002.is_empty()
            && self.jis_q_27017.is_empty()
            && self.nist_sp800_53.is_empty()
            && self.unified_standard.is_empty()
            && self.iso27001_2013.is_empty()
            && self.iso27014_2013.is_empty()
            && self.as_printed.is_empty()
    }
}

/// Is `s` a clause of a management system standard as the criteria print it: 1–3 numbers
/// (`6`, `6.1`, `6.1.2`), optionally a list item (`5.1b)`, `7.3c`)?
pub fn is_clause_ref(s: &str) -> bool {
    clause_number(s).is_some()
}

/// The numbers of a clause reference (`5.1b)` → `[5, 1]`), `None` when it is no clause.
pub fn clause_number(s: &str) -> Option<Vec<u32>> {
    let s = s.trim();
    let digits_end = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let (numbers, item) = s.split_at(digits_end);
    let item_ok = match item.as_bytes() {
        [] => true,
        [c] | [c, b')'] => c.is_ascii_lowercase(),
        _ => false,
    };
    let parts: Vec<u32> = numbers
        .split('.')
        .map(|p| {
            if p.is_empty() || p.len() > 2 {
                None
            } else {
                p.parse().ok()
            }
        })
        .collect::<Option<_>>()?;
    (item_ok && (1..=3).contains(&parts.len())).then_some(parts)
}

/// One item of the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: String,
    pub layer: Layer,
    pub level: Level,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "Titles::is_empty")]
    pub title: Titles,
    #[serde(default, skip_serializing_if = "Flags::is_default")]
    pub flags: Flags,
    #[serde(default, skip_serializing_if = "CrossRefs::is_empty")]
    pub refs: CrossRefs,
    /// Keys into the catalog's `sources`: where this entry's facts come from.
    #[serde(default)]
    pub sources: Vec<String>,
}

impl Entry {
    pub fn title(&self, lang: Lang) -> &str {
        self.title.get(lang)
    }

    /// Governance and management objectives and items, control objectives and details:
    /// the things a CSP implements, as opposed to the clause, category and overview
    /// headings above them.
    pub fn is_item(&self) -> bool {
        matches!(self.level, Level::Objective | Level::Detail)
    }
}

/// The ISO/IEC 27002 numbering a catalog's control-measure ids follow.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Numbering {
    /// ISO/IEC 27002:2013 = JIS Q 27002:2014 (every edition of ISMAP管理基準 so far).
    #[default]
    #[serde(rename = "iso27002-2013")]
    Iso27002_2013,
    /// ISO/IEC 27002:2022 = JIS Q 27002:2024 (a later edition may move to it).
    #[serde(rename = "iso27002-2022")]
    Iso27002_2022,
}

fn is_default_numbering(n: &Numbering) -> bool {
    *n == Numbering::default()
}

/// A whole catalog as written in YAML (`--catalog FILE`, `catalog import` output).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogDoc {
    pub name: String,
    pub version: String,
    /// The edition of ISMAP管理基準 the entries follow (its text, its revisions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// The same in Japanese, shown under `--lang ja` (else `edition` is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition_ja: Option<String>,
    /// The ISO/IEC 27002 numbering of the control-measure ids (default 2013).
    #[serde(default, skip_serializing_if = "is_default_numbering")]
    pub numbering: Numbering,
    /// Does the catalog hold every detailed control of its edition? When it does, a detail
    /// id it lacks does not resolve; when it does not (the embedded catalog holds only the
    /// mandatory and recently added ones), such an id resolves through its objective as an
    /// unverified detail. Absent: a catalog holding any detailed control is taken as
    /// complete (what `catalog import` wrote before this field existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details_complete: Option<bool>,
    /// Where the facts come from and what may be redistributed.
    #[serde(default)]
    pub notice: String,
    /// Source key → description; entries name these keys.
    #[serde(default)]
    pub sources: BTreeMap<String, String>,
    /// Further YAML files (paths relative to this one) holding `entries:` only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    #[serde(default)]
    pub entries: Vec<Entry>,
}

/// An included file: entries only.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FragmentDoc {
    #[serde(default)]
    pub entries: Vec<Entry>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nist_ref_round_trips_with_asterisk() {
        let r: NistRef = "CM-9*".parse().unwrap();
        assert_eq!(
            r,
            NistRef {
                control: "CM-9".into(),
                partial: true
            }
        );
        assert_eq!(r.to_string(), "CM-9*");
        let plain: NistRef = "AC-2(1)".parse().unwrap();
        assert!(!plain.partial);
    }

    #[test]
    fn titles_fall_back_but_never_invent() {
        let t = Titles {
            ja: None,
            en: Some("Screening".into()),
        };
        assert_eq!(t.get(Lang::Ja), "Screening");
        assert_eq!(Titles::default().get(Lang::En), "");
    }
}
