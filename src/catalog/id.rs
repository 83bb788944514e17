//! ISMAP id syntax: parsing what people type (`８．１．５．Ｐ`, `8.1.5P`) into canonical ids.
use std::borrow::Cow;
use std::fmt;

use crate::text::fold_width;

/// An ISMAP id: numeric components and an optional letter suffix (`8.1.5.P`, `9.2.1.3.PB`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IsmapId {
    pub parts: Vec<u32>,
    pub suffix: Option<String>,
}

/// `input` folded to the width of ASCII, upper case, without spaces or a trailing dot.
fn normalise(input: &str) -> String {
    fold_width(input)
        .trim()
        .trim_end_matches('.')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase()
}

/// Whether [`normalise`] would leave `input` as it is (ASCII, no space, no lower case, no
/// trailing dot), so that it need not be called.
fn is_written_normalised(input: &str) -> bool {
    !input.ends_with('.')
        && (input.chars()).all(|c| c.is_ascii() && !c.is_whitespace() && !c.is_ascii_lowercase())
}

/// Most numeric components an id may have (clause.category.objective.detail, plus one).
const MAX_PARTS: usize = 5;
/// Longest letter suffix accepted (`P`, `B`, `PB`).
const MAX_SUFFIX: usize = 3;

impl IsmapId {
    /// Parses leniently: full-width forms, lower case, a missing or `-`/`_`/space separator
    /// before the suffix, a trailing dot, and a detail written with its objective's suffix
    /// before the detail number (`8.1.5.P.1`, read as `8.1.5.1.P`). Returns `None` for
    /// anything else.
    pub fn parse(input: &str) -> Option<IsmapId> {
        // most ids come written as they are kept (`9.4.2`, `8.1.5.P`): nothing to fold
        let s: Cow<'_, str> = if is_written_normalised(input) {
            Cow::Borrowed(input)
        } else {
            Cow::Owned(normalise(input))
        };
        Self::parse_normalised(&s).or_else(|| Self::parse_inner_suffix(&s))
    }

    /// [`IsmapId::parse`] of folded, upper-case text without spaces or a trailing dot.
    fn parse_normalised(s: &str) -> Option<IsmapId> {
        let digits_end = (s.bytes())
            .position(|b| !(b.is_ascii_digit() || b == b'.'))
            .unwrap_or(s.len());
        let (numeric, rest) = s.split_at(digits_end);
        let parts = numbers(numeric.strip_suffix('.').unwrap_or(numeric))?;
        let rest = rest.strip_prefix(['-', '_']).unwrap_or(rest);
        let suffix = if rest.is_empty() {
            None
        } else if rest.len() <= MAX_SUFFIX
            && rest.chars().all(|c| c.is_ascii_uppercase())
            && parts.len() >= 3
        {
            // suffixes mark objectives and details (8.1.5.P, 9.2.1.3.PB), never headings
            Some(rest.to_owned())
        } else {
            return None;
        };
        Some(IsmapId { parts, suffix })
    }

    /// `8.1.5.P.1`: a detail of the cloud objective `8.1.5.P` with the objective's suffix
    /// before the detail number, as some lists write it. The catalog's id syntax has one
    /// form for it, `8.1.5.1.P`.
    fn parse_inner_suffix(s: &str) -> Option<IsmapId> {
        let segments: Vec<&str> = s.split('.').collect();
        let at = segments
            .iter()
            .position(|seg| !seg.is_empty() && seg.chars().all(|c| c.is_ascii_uppercase()))?;
        let suffix = segments[at];
        if at < 3 || at + 1 >= segments.len() {
            return None;
        }
        let moved = segments[..at]
            .iter()
            .chain(&segments[at + 1..])
            .chain([&suffix])
            .copied()
            .collect::<Vec<_>>()
            .join(".");
        Self::parse_normalised(&moved)
    }

    /// The canonical spelling: `8.1.5.P`.
    pub fn canonical(&self) -> String {
        // written digit by digit, not through the formatting machinery: ids are spelled
        // for every reference resolved and every entry of the catalog indexed
        let mut out = String::with_capacity(4 * self.parts.len() + 3);
        for (i, &p) in self.parts.iter().enumerate() {
            if i > 0 {
                out.push('.');
            }
            let mut digits = [0u8; 10];
            let mut at = digits.len();
            let mut n = p;
            loop {
                at -= 1;
                digits[at] = b'0' + (n % 10) as u8;
                n /= 10;
                if n == 0 {
                    break;
                }
            }
            out.extend(digits[at..].iter().map(|&d| char::from(d)));
        }
        if let Some(s) = &self.suffix {
            out.push('.');
            out.push_str(s);
        }
        out
    }

    /// Number of numeric components (3 for an objective, 4 for a detail).
    pub fn depth(&self) -> usize {
        self.parts.len()
    }

    /// The first `n` numeric components, without suffix.
    pub fn truncated(&self, n: usize) -> IsmapId {
        IsmapId {
            parts: self.parts.iter().copied().take(n).collect(),
            suffix: None,
        }
    }

    /// Does this look like an id a CSP's published list would hold (an objective or
    /// detail of chapters 3-18), rather than a date, a version or a page number?
    pub fn is_plausible_listed_id(&self) -> bool {
        let first = self.parts[0];
        (3..=18).contains(&first)
            && (3..=4).contains(&self.depth())
            && self.parts.iter().all(|p| *p <= 99)
    }
}

/// The numbers between the dots of `numeric` (digits and dots), each of 1-3 digits, at most
/// [`MAX_PARTS`] of them; read in one pass over the bytes.
fn numbers(numeric: &str) -> Option<Vec<u32>> {
    let mut parts = Vec::with_capacity(MAX_PARTS);
    let (mut n, mut digits) = (0u32, 0);
    for b in numeric.bytes() {
        if b == b'.' {
            if digits == 0 {
                return None;
            }
            parts.push(n);
            (n, digits) = (0, 0);
        } else {
            digits += 1;
            if digits > 3 {
                return None;
            }
            n = n * 10 + u32::from(b - b'0');
        }
    }
    if digits == 0 {
        return None;
    }
    parts.push(n);
    (parts.len() <= MAX_PARTS).then_some(parts)
}

impl fmt::Display for IsmapId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical())
    }
}

/// The canonical form of an id, or `None` when it is not id-shaped.
pub fn canonical(input: &str) -> Option<String> {
    IsmapId::parse(input).map(|id| id.canonical())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Option<String> {
        canonical(s)
    }

    #[test]
    fn accepts_the_forms_people_type() {
        assert_eq!(c("9.2.1").as_deref(), Some("9.2.1"));
        assert_eq!(c("8.1.5.P").as_deref(), Some("8.1.5.P"));
        assert_eq!(c("8.1.5P").as_deref(), Some("8.1.5.P"));
        assert_eq!(c("8.1.5-P").as_deref(), Some("8.1.5.P"));
        assert_eq!(c("8.1.5_p").as_deref(), Some("8.1.5.P"));
        assert_eq!(c("8.1.5 P").as_deref(), Some("8.1.5.P"));
        assert_eq!(c("８．１．５．Ｐ").as_deref(), Some("8.1.5.P"));
        assert_eq!(c("８．１．５Ｐ").as_deref(), Some("8.1.5.P"));
        assert_eq!(c(" 9.2.1. ").as_deref(), Some("9.2.1"));
        assert_eq!(c("9.2.1.3.PB").as_deref(), Some("9.2.1.3.PB"));
        assert_eq!(c("09.2.1").as_deref(), Some("9.2.1"));
        assert_eq!(c("8.1.5.P.1").as_deref(), Some("8.1.5.1.P"));
        assert_eq!(c("８．１．５．Ｐ．１").as_deref(), Some("8.1.5.1.P"));
        assert_eq!(c("8.1.5.pb.2").as_deref(), Some("8.1.5.2.PB"));
    }

    /// [`numbers`] as it was: split at the dots, each part parsed.
    fn numbers_by_split(numeric: &str) -> Option<Vec<u32>> {
        let mut parts = Vec::new();
        for p in numeric.split('.') {
            if p.is_empty() || p.len() > 3 {
                return None;
            }
            parts.push(p.parse().ok()?);
        }
        (!parts.is_empty() && parts.len() <= MAX_PARTS).then_some(parts)
    }

    proptest::proptest! {
        /// The one-pass reading of an id's numbers reads what splitting it at the dots read.
        #[test]
        fn numbers_are_read_as_splitting_at_the_dots_read(s in "[0-9.]{0,16}") {
            proptest::prop_assert_eq!(numbers(&s), numbers_by_split(&s));
        }

        /// The canonical spelling is what formatting the numbers wrote.
        #[test]
        fn canonical_writes_what_formatting_wrote(
            parts in proptest::collection::vec(0u32..=u32::MAX, 1..6),
            suffix in proptest::option::of("[A-Z]{1,3}"),
        ) {
            let mut want = parts.iter().map(u32::to_string).collect::<Vec<_>>().join(".");
            if let Some(s) = &suffix {
                want = format!("{want}.{s}");
            }
            let id = IsmapId { parts, suffix };
            proptest::prop_assert_eq!(id.canonical(), want.clone());
            proptest::prop_assert_eq!(id.to_string(), want);
        }
    }

    proptest::proptest! {
        /// The shortcut for ids written as they are kept skips only what would not change.
        #[test]
        fn what_is_written_normalised_normalises_to_itself(s in "[ -~\t\u{b}\u{c}\r\n]{0,12}") {
            if is_written_normalised(&s) {
                proptest::prop_assert_eq!(normalise(&s), s);
            }
        }
    }

    #[test]
    fn rejects_what_is_not_an_id() {
        for s in [
            "",
            "abc",
            "A.9.2.1",
            "9..2",
            "9.2.1.PBXY",
            "AC-2",
            "9.2.1x1",
            "1.2.3.4.5.6",
            "9.x",
            "8.P.1",
            "8.1.P.1",
            "8.1.5.P.1.2.3",
            "8.1.5.P.X",
            "8.1.5.PBXY.1",
        ] {
            assert_eq!(c(s), None, "{s}");
        }
    }

    #[test]
    fn plausibility_excludes_dates_and_versions() {
        let p = |s: &str| IsmapId::parse(s).is_some_and(|i| i.is_plausible_listed_id());
        assert!(p("3.1.2"));
        assert!(p("18.2.3"));
        assert!(p("9.2.1.3"));
        assert!(!p("2024.1.15"));
        assert!(!p("1.2.0"));
        assert!(!p("19.1.1"));
        assert!(!p("6.1"));
        assert!(!p("12"));
    }
}
