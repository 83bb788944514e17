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
/// list holds them; dates, versions and page numbers are not), with the count of the other
/// tokens. A lone suffix after an id (`8.1.5 P`) is joined to it.
pub fn find_ids(text: &str) -> (Vec<IdToken>, usize) {
    let mut ids: Vec<IdToken> = Vec::new();
    let mut ignored = 0;
    let mut last_was_bare_id = false;
    for (s, e) in tokens(text) {
        let inner = &text[s..e];
        let (start, end) = (s, e);
        match IsmapId::parse(inner).filter(IsmapId::is_plausible_listed_id) {
            Some(id) => {
                last_was_bare_id = id.suffix.is_none();
                ids.push(IdToken {
                    raw: fold_width(inner).into_owned(),
                    start,
                    end,
                });
            }
            None => {
                let folded = fold_width(inner);
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
    (ids, ignored)
}

/// Every id-shaped token of the lines, as [`find_ids`] finds them, each a bare implemented
/// statement on its line, with the count of the other tokens.
pub fn extract_ids(lines: impl Iterator<Item = (usize, String)>) -> (Vec<ListedControl>, usize) {
    let mut out = Vec::new();
    let mut ignored = 0;
    for (line, text) in lines {
        let (ids, skipped) = find_ids(&text);
        ignored += skipped;
        out.extend(
            ids.into_iter()
                .map(|t| ListedControl::implemented(t.raw, Some(line))),
        );
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
