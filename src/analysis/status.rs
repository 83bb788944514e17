//! The status of a check item, in order of severity.
use std::fmt;

use serde::Serialize;

use crate::lang::Lang;

/// Ordered by severity: covered < assurance-gap < partial < not-covered < outside-ismap <
/// unmapped < not-analysed; not-asked last, outside the scale (never a finding: `--fail-on`
/// passes it over).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Every reference is implemented and ISMAP's level of assurance is enough.
    Covered,
    /// Every reference is implemented, but the item needs more than ISMAP's agreed procedures.
    AssuranceGap,
    /// Some references are implemented, some not (or only at objective level).
    Partial,
    /// References resolve, none is implemented.
    NotCovered,
    /// No reference resolves: ISMAP says nothing about the item (the references cell
    /// says none, `なし`, `ISMAP対象外`, or names only controls ISMAP has no counterpart for).
    OutsideIsmap,
    /// No reference given: every references cell of the item is empty. Not judged, and not
    /// "outside ISMAP" either: the item is not mapped yet (review 15 B-3).
    Unmapped,
    /// A cell of the item could not be read (an unknown assurance or risk value): it is
    /// listed with the problem, never skipped, and never given a status it may not have.
    NotAnalysed,
    /// The check list marks the item not asked in this procurement (`適用` `×`): not
    /// judged, and left out of the share covered (review 15 B-1).
    NotAsked,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::Covered,
        Status::AssuranceGap,
        Status::Partial,
        Status::NotCovered,
        Status::OutsideIsmap,
        Status::Unmapped,
        Status::NotAnalysed,
        Status::NotAsked,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Covered => "covered",
            Status::AssuranceGap => "assurance-gap",
            Status::Partial => "partial",
            Status::NotCovered => "not-covered",
            Status::OutsideIsmap => "outside-ismap",
            Status::Unmapped => "unmapped",
            Status::NotAnalysed => "not-analysed",
            Status::NotAsked => "not-asked",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.as_str(),
            Lang::Ja => match self {
                Status::Covered => "充足",
                Status::AssuranceGap => "保証水準不足",
                Status::Partial => "一部充足",
                Status::NotCovered => "未充足",
                Status::OutsideIsmap => "ISMAP対象外",
                Status::Unmapped => "参照未記入",
                Status::NotAnalysed => "判定不能",
                Status::NotAsked => "本件対象外",
            },
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_order_is_the_documented_one() {
        let mut v = Status::ALL.to_vec();
        v.reverse();
        v.sort();
        assert_eq!(v, Status::ALL);
        assert!(Status::OutsideIsmap > Status::NotCovered);
        assert!(Status::AssuranceGap > Status::Covered);
        assert!(Status::NotAnalysed > Status::OutsideIsmap);
        // `--fail-on outside-ismap` still fails on an item left without references
        assert!(Status::Unmapped > Status::OutsideIsmap);
    }
}
