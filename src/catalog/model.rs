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

/// How deep an entry sits. Governance and management items are at level `objective`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Clause,
    Category,
    /// A control objective (統制目標, 3-digit id), or a governance/management item.
    Objective,
    /// A detailed control (詳細管理策, 4-digit id).
    Detail,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Level::Clause,
        Level::Category,
        Level::Objective,
        Level::Detail,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Clause => "clause",
            Level::Category => "category",
            Level::Objective => "objective",
            Level::Detail => "detail",
        }
    }

    /// How many numeric components an id of this level has.
    pub fn depth(self) -> usize {
        match self {
            Level::Clause => 1,
            Level::Category => 2,
            Level::Objective => 3,
            Level::Detail => 4,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Level::Clause => lang.pick("箇条", "clause"),
            Level::Category => lang.pick("カテゴリ", "category"),
            Level::Objective => lang.pick("統制目標", "objective"),
            Level::Detail => lang.pick("詳細管理策", "detail"),
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

/// Flags carried by an entry. Only an imported official workbook sets `basic`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flags {
    /// A basic statement requirement (基本言明要件): mandatory to implement.
    #[serde(default, skip_serializing_if = "is_false")]
    pub basic: bool,
    /// Taken from the cloud-provider controls of ISO/IEC 27017 (the `.P` suffix).
    #[serde(default, skip_serializing_if = "is_false")]
    pub cloud_provider: bool,
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
}

impl CrossRefs {
    pub fn is_empty(&self) -> bool {
        self.annex_a.is_empty()
            && self.jis_q_27002.is_empty()
            && self.jis_q_27017.is_empty()
            && self.nist_sp800_53.is_empty()
            && self.unified_standard.is_empty()
    }
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

    /// Governance and management items, control objectives and details: the things a
    /// CSP implements, as opposed to the clause and category headings above them.
    pub fn is_item(&self) -> bool {
        matches!(self.level, Level::Objective | Level::Detail)
    }
}

/// A whole catalog as written in YAML (`--catalog FILE`, `catalog import` output).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogDoc {
    pub name: String,
    pub version: String,
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
