//! Control ids in text: where each id-shaped token of a line or cell stands, so that the
//! readers can look at the words before, between and after them.
use crate::catalog::id::IsmapId;
use crate::model::ListedControl;
use crate::text::fold_width;

/// An id as written (width-folded), and where it stands in its text (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdToken {
    pub raw: String,
    pub start: usize,
    pub end: usize,
    pub kind: IdKind,
}

/// What an id-shaped token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    /// An ISMAP objective or detail of clauses 3–18 (`9.2.3`, `8.1.5.P`, `9.2.3.11.PB`).
    Ismap,
    /// A three-part Annex A (ISO/IEC 27001:2013) or ISO/IEC 27017 reference (`A.9.2.3`,
    /// `CLD.8.1.5`): the resolver reads it as the ISMAP objective of the same numbers.
    Reference,
    /// Shaped like ids but not one control: a range (`9.2.3-9.2.4`), or an Annex A or 27017
    /// number of another depth (`A.9.2` is a category in 2013 numbering and a control in
    /// 2022's). Readers refuse it; the text says what it is.
    Unread(&'static str),
}

impl IdKind {
    /// A control a list may state.
    pub fn is_control(self) -> bool {
        matches!(self, IdKind::Ismap | IdKind::Reference)
    }
}

/// Characters a PDF or a web page leaves inside words that are not seen: zero-width spaces
/// and joiners, the word joiner, a byte-order mark, a soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// A token as compared: width-folded, without invisible characters.
fn cleaned(token: &str) -> String {
    fold_width(token)
        .chars()
        .filter(|c| !is_invisible(*c))
        .collect()
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FF70}')
}

/// What a token that is not an ISMAP id of a listed kind is, when it is shaped like a
/// control reference: an Annex A or 27017 reference (`A.9.2.3`, `CLD.8.1.5`), or a range of
/// ids written in one token (`9.2.3-9.2.4`).
fn reference_kind(token: &str) -> Option<IdKind> {
    let upper = token.to_ascii_uppercase();
    let numbers = upper.strip_prefix("A.").or_else(|| {
        upper
            .strip_prefix("CLD")
            .map(|rest| rest.strip_prefix('.').unwrap_or(rest))
    });
    let reference = numbers
        .filter(|n| n.starts_with(|c: char| c.is_ascii_digit()))
        .and_then(IsmapId::parse)
        .and_then(|id| match (id.suffix.is_none(), id.depth()) {
            (true, 3) => Some(IdKind::Reference),
            (true, 2) => Some(IdKind::Unread(
                "an Annex A or ISO/IEC 27017 number of two parts (a category in 2013 numbering, a control in 2022's)",
            )),
            (_, d) if d > 1 => Some(IdKind::Unread(
                "not an Annex A or ISO/IEC 27017 control number",
            )),
            _ => None,
        });
    if reference.is_some() {
        return reference;
    }
    // a range in one token: two ids joined by a dash
    let parts: Vec<&str> = upper.split(is_dash).collect();
    if let [from, to] = parts.as_slice() {
        // `A.9.2.1-A.9.2.3`, `CLD.8.1.5-CLD.8.1.6` too
        let bare = |t: &'_ str| -> Option<IsmapId> {
            let t = t
                .strip_prefix("A.")
                .or_else(|| t.strip_prefix("CLD."))
                .unwrap_or(t);
            IsmapId::parse(t)
        };
        let (from, to_ok) = (bare(from), bare(to).is_some());
        if from.is_some_and(|f| f.depth() >= 2 && (3..=18).contains(&f.parts[0])) && to_ok {
            return Some(IdKind::Unread("a range"));
        }
    }
    None
}

/// How characters group into tokens: separators split, and a run of id-like characters
/// (ASCII letters and digits, dots, dashes, their full-width forms) is a token apart from
/// a run of other characters, so `9.2.3未実施` is `9.2.3` and `未実施`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Separator,
    Word,
    Other,
}

fn class(c: char) -> Class {
    if c.is_whitespace()
        || matches!(
            c,
            ',' | ';'
                | '、'
                | '，'
                | '；'
                | '|'
                | '"'
                | '/'
                | '・'
                | '･'
                | '／'
                | '｜'
                | '('
                | ')'
                | '['
                | ']'
                | '「'
                | '」'
                | '（'
                | '）'
                | '【'
                | '】'
                | '［'
                | '］'
                | '〔'
                | '〕'
                | '『'
                | '』'
                | '<'
                | '>'
                | '＜'
                | '＞'
                | '《'
                | '》'
        )
    {
        Class::Separator
    } else if c.is_ascii_alphanumeric()
        || is_invisible(c)
        || matches!(
            c,
            '.' | '-' | '_' | '．' | '－' | '＿' | '\u{2010}'
                ..='\u{2014}' | '\u{2212}' | '\u{FF70}'
        )
        || ('０'..='９').contains(&c)
        || ('Ａ'..='Ｚ').contains(&c)
        || ('ａ'..='ｚ').contains(&c)
    {
        Class::Word
    } else {
        Class::Other
    }
}

/// The tokens of a text with their byte spans.
fn tokens(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut out = Vec::new();
    let mut run: Option<(usize, Class)> = None;
    for (i, c) in text.char_indices() {
        let k = class(c);
        match run {
            Some((_, r)) if r == k => {}
            Some((s, _)) => {
                out.push((s, i));
                run = (k != Class::Separator).then_some((i, k));
            }
            None => run = (k != Class::Separator).then_some((i, k)),
        }
    }
    if let Some((s, _)) = run {
        out.push((s, text.len()));
    }
    out.into_iter()
}

/// Every id-shaped token of `text` (an objective or detail of clauses 3–18, as a published
/// list holds them; dates, versions and page numbers are not; Annex A and 27017 references
/// and ranges too, by their [`IdKind`]), with the count of the other tokens. A lone suffix
/// after an id (`8.1.5 P`) is joined to it.
pub fn find_ids(text: &str) -> (Vec<IdToken>, usize) {
    let mut ids: Vec<IdToken> = Vec::new();
    let mut ignored = 0;
    let mut last_was_bare_id = false;
    // `ISMAP` before an id in the same cell, apart (`ISMAP 9.2.3`) or by a colon
    // (`ISMAP:9.2.3`): the scheme's name as `ISMAP-9.2.3` joins it (review 24 A-10); its
    // start and the tokens it spans so far
    let mut scheme: Option<(usize, usize)> = None;
    for (s, e) in tokens(text) {
        let word = cleaned(&text[s..e]).to_ascii_uppercase();
        if word == "ISMAP" && scheme.is_none() {
            scheme = Some((s, 1));
            continue;
        }
        if let Some((from, n)) = scheme {
            if matches!(word.as_str(), ":" | "：") && n == 1 {
                scheme = Some((from, 2));
                continue;
            }
        }
        let scheme_start = scheme.take().and_then(|(from, n)| {
            let id_next =
                IsmapId::parse(&cleaned(&text[s..e])).is_some_and(|id| id.is_plausible_listed_id());
            if id_next {
                Some(from)
            } else {
                ignored += n;
                None
            }
        });
        // the scheme's name before the id, as a GRC tool holding several frameworks writes
        // it (`ISMAP-9.2.3`, `ISMAP_8.1.5.P`; review 15 C-5); another scheme's (`ISO-9.2.3`,
        // `NIST-AC-2`) is no ISMAP id
        // (the token keeps its span: the prefix is no word before the id)
        let (start, s) = (scheme_start.unwrap_or(s), s + ismap_prefix(&text[s..e]));
        // an id joined to its title by a dash (`9.2.3-特権的アクセス権の管理`, as GRC tools
        // write id and name): the id, the dash left with the title (review 11, B-3)
        let (e, inner) = match id_before_title(&text[s..e], &text[e..]) {
            Some(id_len) => (
                s + text[s + id_len..e]
                    .find(|c: char| !is_dash(c))
                    .map_or(e - s, |k| id_len + k),
                cleaned(&text[s..s + id_len]),
            ),
            None => (e, cleaned(&text[s..e])),
        };
        let end = e;
        let ismap = IsmapId::parse(&inner).filter(IsmapId::is_plausible_listed_id);
        let kind = match &ismap {
            Some(_) => Some(IdKind::Ismap),
            None => reference_kind(&inner),
        };
        match kind {
            Some(kind) => {
                last_was_bare_id = ismap.is_some_and(|id| id.suffix.is_none());
                ids.push(IdToken {
                    raw: inner,
                    start,
                    end,
                    kind,
                });
            }
            None => {
                let folded = inner;
                // only the catalog's suffixes: `9.2.3 N/A` is 9.2.3 and a status, never
                // an id `9.2.3.N`
                let is_suffix = matches!(&*folded.to_ascii_uppercase(), "P" | "B" | "PB");
                match ids.last_mut() {
                    Some(prev) if last_was_bare_id && is_suffix => {
                        prev.raw = format!("{}.{}", prev.raw, folded.to_ascii_uppercase());
                        prev.end = end;
                    }
                    _ => ignored += 1,
                }
                last_was_bare_id = false;
            }
        }
    }
    if let Some((_, n)) = scheme {
        ignored += n;
    }
    (ids, ignored)
}

/// The standard a control number with its name joined before it belongs to, as a GRC
/// export mixing frameworks writes it (`ISO27001-A.9.2.3`, `ISO27001:2013-A.9.2.3`,
/// `27001_A.9.2.3`, `ISO-9.2.3`): that standard's control, never ISMAP's,
/// however its numbers read (review 24 A-10). `None` for ISMAP's own (`ISMAP-9.2.3`), a bare
/// Annex A reference (`A.9.2.3`) and anything else.
pub fn other_standard(cell: &str) -> Option<String> {
    let folded = cleaned(cell.trim()).to_ascii_uppercase();
    // the name: letters, digits, `/`, `:` and a year, then a separator, then the number
    let cut = folded.find(|c: char| is_dash(c) || c == '_' || c == ' ')?;
    let (name, rest) = folded.split_at(cut);
    let rest = rest.trim_start_matches(|c: char| is_dash(c) || c == '_' || c == ' ');
    let numbered = rest
        .strip_prefix("A.")
        .unwrap_or(rest)
        .starts_with(|c: char| c.is_ascii_digit());
    if !numbered || name.is_empty() {
        return None;
    }
    let standard = name.split(':').next().unwrap_or(name);
    let standard = standard
        .trim_start_matches("ISO/IEC")
        .trim_start_matches("JISQ");
    let known = [
        "ISO", "IEC", "JIS", "NIST", "SP800", "CSA", "CCM", "SOC", "SOC2", "PCI", "CIS", "FISC",
        "HIPAA", "GDPR",
    ];
    let numbers_of_iso = ["27001", "27002", "27017", "27018", "27701"];
    let strip = |s: &str| {
        s.trim_start_matches("ISO")
            .trim_start_matches("IEC")
            .to_owned()
    };
    let bare = strip(standard);
    let is_other = known.contains(&standard)
        || numbers_of_iso
            .iter()
            .any(|n| bare == *n || bare.starts_with(n))
        || (standard.starts_with("NIST") || standard.starts_with("SP800"));
    is_other.then(|| name.to_owned())
}

/// A word of `text` (parted by spaces and list separators, brackets around it dropped) that
/// is another standard's control number with its name joined ([`other_standard`]:
/// `ISO27001-A.9.2.3`), with that standard: [`find_ids`] takes no id from it, and a reader
/// of text (a pasted list) must not pass over it as words either (fix36-xlsx leftover).
/// A standard's name with its year (`ISO27001-2013`, `ISO/IEC 27001:2022`) holds no
/// control number.
pub fn other_standard_in(text: &str) -> Option<(String, String)> {
    text.split(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '、' | '，' | ';' | '；' | '・' | '･')
    })
    .map(|w| {
        w.trim_matches(|c: char| {
            matches!(
                c,
                '(' | ')' | '（' | '）' | '[' | ']' | '［' | '］' | '「' | '」' | '【' | '】'
            )
        })
    })
    .filter(|w| w.contains(['.', '．']))
    .find_map(|w| {
        // a 27017 number after its name (`ISO27017-CLD.6.3.1`) is that standard's too
        let numbered = cleaned(w).to_ascii_uppercase();
        let cld = ["-CLD.", "_CLD.", " CLD."]
            .iter()
            .find_map(|m| numbered.find(m))
            .map(|i| format!("{}-{}", &numbered[..i], &numbered[i + 5..]));
        other_standard(w)
            .or_else(|| cld.as_deref().and_then(other_standard))
            .map(|standard| (w.to_owned(), standard))
    })
}

/// The error for another standard's control number where an ISMAP id is read
/// ([`other_standard`]); the caller gives the hint.
pub fn other_standard_error(
    at: crate::error::Location,
    written: &str,
    standard: &str,
) -> crate::error::InputError {
    use crate::input::csp::published::quote;
    crate::error::InputError::at(
        at,
        format!(
            "'{}' is a control number of another standard ('{}'), not an ISMAP id: the row states that standard's control, not ISMAP's",
            quote(written),
            quote(standard)
        ),
    )
}

/// The byte length of `ISMAP-` (or `ISMAP_`, any width) before a digit at the start of
/// `token`; 0 when there is none.
fn ismap_prefix(token: &str) -> usize {
    let folded = cleaned(token).to_ascii_uppercase();
    let Some(rest) = folded.strip_prefix("ISMAP") else {
        return 0;
    };
    let mut rest = rest.chars();
    let joined = rest.next().is_some_and(|c| is_dash(c) || c == '_');
    if !joined || !rest.next().is_some_and(|c| c.is_ascii_digit()) {
        return 0;
    }
    token
        .char_indices()
        .filter(|(_, c)| !is_invisible(*c))
        .nth(6)
        .map_or(0, |(i, _)| i)
}

/// The length of the id of a token that joins an id to its title with a dash, as GRC
/// tools write id and name (`9.2.3-特権的アクセス権の管理`, `9.2.3-Management of …`): the
/// span up to the dash; the title is then read after the id like `9.2.3 特権的…`. Not a
/// range (`9.2.3-9.2.4`, `9.2.3-A.9.2.4`) nor a suffix (`8.1.5-P`).
fn id_before_title(token: &str, rest: &str) -> Option<usize> {
    let d = token.find(is_dash)?;
    let id = &token[..d];
    IsmapId::parse(&cleaned(id)).filter(IsmapId::is_plausible_listed_id)?;
    let title = token[d..].trim_start_matches(is_dash);
    let joined = if title.is_empty() {
        rest.starts_with(|c: char| class(c) == Class::Other)
    } else {
        title.starts_with(|c: char| c.is_ascii_alphabetic())
            && title.len() > 2
            && reference_kind(title).is_none()
            && !title.contains(is_dash)
            && !title.contains('.')
    };
    joined.then_some(d)
}

/// Every ISMAP id of the lines, as [`find_ids`] finds them, each a bare implemented
/// statement on its line, with the count of the other tokens (references and ranges
/// among them).
pub fn extract_ids(lines: impl Iterator<Item = (usize, String)>) -> (Vec<ListedControl>, usize) {
    let mut out = Vec::new();
    let mut ignored = 0;
    for (line, text) in lines {
        let (ids, skipped) = find_ids(&text);
        ignored += skipped;
        for t in ids {
            if t.kind == IdKind::Ismap {
                out.push(ListedControl::implemented(t.raw, Some(line)));
            } else {
                ignored += 1;
            }
        }
    }
    (out, ignored)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> (Vec<String>, usize) {
        let (ids, ignored) =
            extract_ids(text.lines().enumerate().map(|(i, l)| (i + 1, l.to_owned())));
        (ids.into_iter().map(|l| l.raw).collect(), ignored)
    }

    #[test]
    fn takes_ids_from_pasted_pdf_table() {
        let text = "統制目標 番号\t統制目標 番号\n3.1.2\t3.1.3\n6.1.1  6.3.1.P\n８．１．５．Ｐ 8.2.1\n\n9.4.1P, 12.4.5-P\n";
        let (got, ignored) = ids(text);
        assert_eq!(
            got,
            ["3.1.2", "3.1.3", "6.1.1", "6.3.1.P", "8.1.5.P", "8.2.1", "9.4.1P", "12.4.5-P"]
        );
        assert_eq!(ignored, 4);
    }

    #[test]
    fn the_ismap_prefix_of_a_grc_id_is_not_part_of_it() {
        assert_eq!(ids("ISMAP-9.2.3").0, ["9.2.3"]);
        assert_eq!(ids("ISMAP-8.1.5.P Implemented").0, ["8.1.5.P"]);
        assert_eq!(ids("ＩＳＭＡＰ－５．１．１").0, ["5.1.1"]);
        assert_eq!(ids("ISMAP_9.2.3").0, ["9.2.3"]);
        // another scheme's prefix, or the kind, is no ISMAP id
        assert!(ids("ISO-9.2.3").0.is_empty());
        assert!(ids("NIST-AC-2").0.is_empty());
        assert!(ids("ISMAP-LIU").0.is_empty());
        assert!(ids("ISMAPX-9.2.3").0.is_empty());
    }

    /// Review 24 A-10: `ISMAP 9.2.3` and `ISMAP:9.2.3` are `ISMAP-9.2.3`, the id starting
    /// at the scheme's name (no word before it); `ISMAP` alone or before a word is a word.
    #[test]
    fn the_ismap_name_apart_before_an_id_is_its_prefix() {
        for text in [
            "ISMAP 9.2.3",
            "ISMAP:9.2.3",
            "ISMAP：9.2.3",
            "ＩＳＭＡＰ　９．２．３",
        ] {
            let (found, ignored) = find_ids(text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].raw, "9.2.3", "{text}");
            assert_eq!(found[0].start, 0, "{text}");
            assert_eq!(ignored, 0, "{text}");
        }
        assert_eq!(find_ids("ISMAP").1, 1);
        assert_eq!(find_ids("ISMAP 管理策 9.2.3").1, 2);
        assert_eq!(
            find_ids("ISMAP 管理策 9.2.3").0[0].start,
            "ISMAP 管理策 ".len()
        );
    }

    /// Review 24 A-10: another standard's number with its name joined is that standard's.
    #[test]
    fn another_standards_name_joined_names_its_control() {
        for (cell, name) in [
            ("ISO27001-A.9.2.3", "ISO27001"),
            ("ISO27001:2013-A.9.2.3", "ISO27001:2013"),
            ("27001_A.9.2.3", "27001"),
            ("ISO/IEC27001-A.9.2.3", "ISO/IEC27001"),
            ("iso27017-CLD.6.3.1", "ISO27017"),
            ("ISO-9.2.3", "ISO"),
        ] {
            if cell.contains("CLD") {
                // a 27017 number after its name: not numbered as `A.` is
                assert_eq!(other_standard(cell), None, "{cell}");
                continue;
            }
            assert_eq!(other_standard(cell).as_deref(), Some(name), "{cell}");
        }
        for cell in [
            "ISMAP-9.2.3",
            "A.9.2.3",
            "9.2.3",
            "CTRL-9.2.3",
            "9.2.3-特権的アクセス権の管理",
        ] {
            assert_eq!(other_standard(cell), None, "{cell}");
        }
    }

    /// fix36-xlsx leftover: another standard's number among the words of a pasted line.
    #[test]
    fn another_standards_number_is_found_among_words() {
        for (text, word, name) in [
            ("ISO27001-A.9.2.3", "ISO27001-A.9.2.3", "ISO27001"),
            (
                "・ISO27001-A.9.2.3 特権的アクセス権の管理",
                "ISO27001-A.9.2.3",
                "ISO27001",
            ),
            (
                "9.2.1 利用者登録、ISO/IEC27001-A.9.2.3",
                "ISO/IEC27001-A.9.2.3",
                "ISO/IEC27001",
            ),
            ("（27001_A.9.2.3）", "27001_A.9.2.3", "27001"),
            ("ISO27017-CLD.6.3.1", "ISO27017-CLD.6.3.1", "ISO27017"),
        ] {
            assert_eq!(
                other_standard_in(text),
                Some((word.to_owned(), name.to_owned())),
                "{text}"
            );
        }
        for text in [
            "9.2.3 特権的アクセス権の管理",
            "A.9.2.3",
            "ISMAP-9.2.3",
            "取得認証 ISO/IEC 27001:2013、ISO27001-2013",
            "JIS Q 27001:2014 準拠",
            "SEC-2027-01",
        ] {
            assert_eq!(other_standard_in(text), None, "{text}");
        }
    }

    #[test]
    fn dates_and_numbers_are_not_ids() {
        let (got, ignored) = ids("監査対象期間 2024.4.1 〜 2025.3.31 ページ 1.2.3 v2.0 19.1.1 12");
        assert!(got.is_empty(), "{got:?}");
        assert_eq!(ignored, 9);
    }

    #[test]
    fn lone_suffix_joins_the_id_before_it() {
        assert_eq!(ids("8.1.5 P 9.1.1").0, ["8.1.5.P", "9.1.1"]);
        assert_eq!(ids("9.4.2.2 b").0, ["9.4.2.2.B"]);
        assert_eq!(ids("9.2.3.11 PB").0, ["9.2.3.11.PB"]);
    }

    #[test]
    fn only_the_catalog_suffixes_join() {
        // `N/A`, `NA`, `No`, `OK` after an id are words (a status), never a suffix
        for text in ["9.2.3 N/A", "9.2.3 NA", "9.2.3 No", "9.2.3 OK", "9.2.3 X"] {
            let (found, _) = find_ids(text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].raw, "9.2.3", "{text}");
            assert_eq!(found[0].end, 5, "{text}");
        }
    }

    /// Annex A and 27017 references are ids of their own kind; ranges and references of
    /// another depth are found, to be refused, never passed over as other tokens.
    #[test]
    fn references_and_ranges_are_found() {
        let kinds = |text: &str| -> Vec<(String, IdKind)> {
            find_ids(text)
                .0
                .into_iter()
                .map(|t| (t.raw, t.kind))
                .collect()
        };
        assert_eq!(
            kinds("A.9.2.3 CLD.8.1.5 ａ．９．２．１ cld8.1.5"),
            [
                ("A.9.2.3".to_owned(), IdKind::Reference),
                ("CLD.8.1.5".to_owned(), IdKind::Reference),
                ("a.9.2.1".to_owned(), IdKind::Reference),
                ("cld8.1.5".to_owned(), IdKind::Reference),
            ]
        );
        for unread in [
            "9.2.3-9.2.4",
            "9.2.3－9.2.4",
            "A.9.2.1-A.9.2.3",
            "9.2.3-4",
            "A.9.2",
            "A.5.15",
            "CLD.6.3",
        ] {
            let found = kinds(unread);
            assert!(
                matches!(found.as_slice(), [(_, IdKind::Unread(_))]),
                "{unread}: {found:?}"
            );
        }
        // not ids: a date with dashes, a paper size, a version
        for other in ["2024-04-01", "A4", "v1.0-2", "2025.4-2026.3"] {
            assert!(kinds(other).is_empty(), "{other}");
        }
        // the extractor takes ISMAP ids only, and counts the others
        assert_eq!(
            ids("A.9.2.3 9.2.1 9.2.3-9.2.4"),
            (vec!["9.2.1".to_owned()], 2)
        );
    }

    /// A zero-width space or soft hyphen a PDF leaves inside an id does not hide it.
    #[test]
    fn invisible_characters_inside_an_id() {
        let (found, _) = find_ids("9.2\u{200b}.3 9\u{00ad}.2.1");
        let raw: Vec<&str> = found.iter().map(|t| t.raw.as_str()).collect();
        assert_eq!(raw, ["9.2.3", "9.2.1"]);
    }

    #[test]
    fn spans_and_separators() {
        let text = "・9.2.1・9.2.2 (9.2.3) 「9.2.4」";
        let (found, _) = find_ids(text);
        let raw: Vec<&str> = found.iter().map(|t| t.raw.as_str()).collect();
        assert_eq!(raw, ["9.2.1", "9.2.2", "9.2.3", "9.2.4"]);
        for t in &found {
            assert_eq!(&text[t.start..t.end], t.raw);
        }
        let (found, _) = find_ids("8.1.5 P 利用者");
        assert_eq!((found[0].start, found[0].end), (0, 7));
    }
}
