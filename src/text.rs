//! Text helpers shared by every module: width folding of Japanese input and header keys.
use std::borrow::Cow;

/// Folds full-width ASCII (U+FF01..U+FF5E) and the ideographic space to ASCII, half-width
/// katakana to full width (`ﾁｪｯｸ` → `チェック`, `ﾃﾞｰﾀ` → `データ`), and maps the dashes and
/// dots people type in Japanese documents to `-` and `.`. Borrows `s` when nothing in it
/// folds (ASCII, most Japanese text).
pub fn fold_width(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || s.chars().all(|c| !folds(c)) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(fold_all(s))
    }
}

fn folds(c: char) -> bool {
    fold_char(c) != c || is_half_kana(c)
}

fn is_half_kana(c: char) -> bool {
    ('\u{FF66}'..='\u{FF9F}').contains(&c)
}

fn fold_all(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 2);
    fold_into(s, &mut out, |out, c| out.push(c));
    out
}

/// Folds `s` as [`fold_width`] does, handing each folded character to `push` (which may
/// drop or change it, as [`header_key`] does) in one pass. A voiced mark joins the last
/// character of `out`, so `push` must keep kana as they are.
fn fold_into(s: &str, out: &mut String, push: impl Fn(&mut String, char)) {
    for c in s.chars() {
        match c {
            // a voiced or semi-voiced mark joins the kana before it when it can
            '\u{FF9E}' | '\u{FF9F}' => {
                let semi = c == '\u{FF9F}';
                match out.chars().next_back().and_then(|p| voiced(p, semi)) {
                    Some(v) => {
                        out.pop();
                        out.push(v);
                    }
                    None => push(out, if semi { '\u{309C}' } else { '\u{309B}' }),
                }
            }
            // the prolonged mark after kana, else a dash typed in half width (`ACｰ2`)
            '\u{FF70}'
                if out
                    .chars()
                    .next_back()
                    .is_some_and(|p| ('\u{30A1}'..='\u{30FC}').contains(&p)) =>
            {
                push(out, '\u{30FC}')
            }
            '\u{FF66}'..='\u{FF9D}' if c != '\u{FF70}' => push(out, half_kana(c)),
            _ => push(out, fold_char(c)),
        }
    }
}

/// The full-width katakana of a half-width one (U+FF66..U+FF9D, not the prolonged mark).
fn half_kana(c: char) -> char {
    const FULL: [u32; 56] = [
        0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7,
        0x30C3, // ｦ..ｯ
        0x30FC, 0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, // ｰ ｱ..ｵ
        0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB,
        0x30BD, // ｶ..ｿ
        0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD,
        0x30CE, // ﾀ..ﾉ
        0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE, 0x30DF, 0x30E0, 0x30E1,
        0x30E2, // ﾊ..ﾓ
        0x30E4, 0x30E6, 0x30E8, 0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EF,
        0x30F3, // ﾔ..ﾝ
    ];
    (c as u32)
        .checked_sub(0xFF66)
        .and_then(|i| FULL.get(i as usize))
        .and_then(|&u| char::from_u32(u))
        .unwrap_or(c)
}

/// `p` with a voiced (`ガ`) or semi-voiced (`パ`) mark, when it takes one.
fn voiced(p: char, semi: bool) -> Option<char> {
    let u = p as u32;
    let step = match (u, semi) {
        (0x30A6, false) => return Some('\u{30F4}'),  // ウ → ヴ
        (0x30AB..=0x30C2, false) if u % 2 == 1 => 1, // カ..チ
        (0x30C4 | 0x30C6 | 0x30C8, false) => 1,      // ツ テ ト
        (0x30CF..=0x30DB, _) if (u - 0x30CF) % 3 == 0 => {
            if semi {
                2
            } else {
                1
            }
        } // ハ ヒ フ ヘ ホ
        _ => return None,
    };
    char::from_u32(u + step)
}

/// One character as [`fold_width`] folds it (half-width kana aside, which may join the next
/// character).
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        // hyphens, minus signs and the katakana prolonged mark typed as a dash
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
        | '\u{FF70}' => '-',
        // ideographic full stop is not a decimal point, but the middle dot sometimes is
        '\u{30FB}' | '\u{FF65}' => '.',
        _ => c,
    }
}

/// A key for matching column headers: width-folded, lower case, without spaces,
/// underscores, hyphens or surrounding punctuation. Borrows `s` when it is a key already
/// (empty, lower-case ASCII, most Japanese), as most cells of a check list's assurance and
/// risk columns are.
pub fn header_key(s: &str) -> Cow<'_, str> {
    if s.chars().all(same_in_key) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(key_all(s))
    }
}

fn key_all(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        // nothing ASCII folds or joins: each character is kept lower-cased or dropped
        out.extend(
            s.chars()
                .filter(|&c| !dropped_from_key(c))
                .map(|c| c.to_ascii_lowercase()),
        );
        return out;
    }
    fold_into(s, &mut out, |out, c| {
        if is_plain_kana_or_kanji(c) {
            out.push(c);
        } else if !dropped_from_key(c) {
            out.extend(c.to_lowercase());
        }
    });
    out
}

/// Kana and kanji, most of a Japanese text: no case, neither folded nor dropped, so the same
/// in a key (asked first, before the case tables are searched). The katakana middle dot
/// (U+30FB) is not: it folds to `.`.
fn is_plain_kana_or_kanji(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}')
}

fn dropped_from_key(c: char) -> bool {
    c.is_whitespace() || matches!(c, '_' | '-' | '.' | ':' | '*')
}

/// Whether [`header_key`] keeps `c` as it is: not folded, not dropped, already lower case.
fn same_in_key(c: char) -> bool {
    if c.is_ascii() {
        return !(c.is_ascii_uppercase() || dropped_from_key(c));
    }
    if is_plain_kana_or_kanji(c) {
        return true;
    }
    let mut lower = c.to_lowercase();
    !folds(c) && !dropped_from_key(c) && lower.next() == Some(c) && lower.next().is_none()
}

/// Removes control characters (including ESC, so no terminal escape sequence survives)
/// from text that came from an input file, before it reaches a terminal.
pub fn strip_controls(s: &str) -> String {
    without_controls(s).into_owned()
}

/// [`strip_controls`], borrowing `s` when there is nothing to strip.
pub fn without_controls(s: &str) -> Cow<'_, str> {
    if !holds_stripped(s.as_bytes()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().filter(|c| !is_stripped(*c)).collect())
}

/// Whether UTF-8 `bytes` hold a character [`is_stripped`] strips, read byte by byte
/// without decoding: a C0 control but the line break, DEL, a C1 control (`C2 80`–`C2 9F`)
/// or a bidirectional mark (`E2 80 8E`, `8F`, `AA`–`AE`, `E2 81 A6`–`A9`). A first pass
/// without an early exit (which the compiler vectorises) rules out most text: none of
/// those first bytes at all.
fn holds_stripped(bytes: &[u8]) -> bool {
    let first = |b: u8| (b < 0x20 && b != b'\n') | (b == 0x7F) | (b == 0xC2) | (b == 0xE2);
    if !bytes.iter().fold(false, |seen, &b| seen | first(b)) {
        return false;
    }
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\n' => false,
        0..0x20 | 0x7F => true,
        0xC2 => matches!(bytes.get(i + 1), Some(0x80..=0x9F)),
        0xE2 => matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0x8E | 0x8F | 0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
        ),
        _ => false,
    })
}

/// A control character (line breaks kept), or a bidirectional formatting character, which
/// could make a terminal show text in another order than it is (`U+202E`).
fn is_stripped(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Levenshtein distance over chars, for "did you mean" suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// [`edit_distance`] when it is at most `max`, else `None`, found without working out the
/// whole of a larger one (suggestions weigh every id of the catalog against a reference,
/// and keep the few within 2): a length that differs by more is none, and the table is
/// given up at the first row all above `max` (the distance is at least its least value).
pub fn edit_distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    // ids are ASCII: their bytes are their chars
    if a.is_ascii() && b.is_ascii() {
        return distance_within(a.as_bytes(), b.as_bytes(), max);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    distance_within(&a, &b, max)
}

/// [`edit_distance_within`] over any letters; the table's two rows are on the stack when
/// `b` is short (an id is).
fn distance_within<T: PartialEq>(a: &[T], b: &[T], max: usize) -> Option<usize> {
    const SHORT: usize = 32;
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut short = [[0usize; SHORT + 1]; 2];
    let mut long = Vec::new();
    let (mut prev, mut cur): (&mut [usize], &mut [usize]) = if b.len() <= SHORT {
        let [p, c] = &mut short;
        (&mut p[..=b.len()], &mut c[..=b.len()])
    } else {
        long.resize(2 * (b.len() + 1), 0);
        long.split_at_mut(b.len() + 1)
    };
    for (j, d) in prev.iter_mut().enumerate() {
        *d = j;
    }
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        if cur.iter().all(|&d| d > max) {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[b.len()]).filter(|&d| d <= max)
}

/// The non-empty cells of a row, trimmed, joined by a space (a row's text for a message or
/// a judgement: a kind row, a title row above a header).
pub fn join_filled<'a>(cells: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for cell in cells.into_iter().map(str::trim).filter(|c| !c.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(cell);
    }
    out
}

/// The value of a decimal digit, ASCII or full width (`１`).
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Orders names as people number them: runs of digits as numbers (`第2号` before `第10号`,
/// full-width digits too), the rest by character; names equal so (`第02号`, `第2号`) by
/// their text, so that the order is total.
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    // the digits of the run starting at the front of `it`, leading zeros left out
    fn number(it: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Vec<u32> {
        let mut out = Vec::new();
        while let Some(d) = it.peek().copied().and_then(digit) {
            if !(out.is_empty() && d == 0) {
                out.push(d);
            }
            it.next();
        }
        out
    }
    let (mut x, mut y) = (a.chars().peekable(), b.chars().peekable());
    loop {
        let order = match (x.peek().copied(), y.peek().copied()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(p), Some(q)) if digit(p).is_some() && digit(q).is_some() => {
                let (m, n) = (number(&mut x), number(&mut y));
                m.len().cmp(&n.len()).then_with(|| m.cmp(&n))
            }
            (Some(p), Some(q)) => {
                x.next();
                y.next();
                p.cmp(&q)
            }
        };
        if order != Ordering::Equal {
            return order;
        }
    }
}

/// The characters a text holds, as a set of 256 bits (a character's bit is a hash of it): a
/// cheap test that a text surely does not hold a word, before a word list is searched for in it
/// word by word (`str::contains`, `match_indices` build a searcher per word). [`may_hold`]
/// is only a necessary condition: a word it says no to is not in the text; one it says yes to
/// may be (the search decides), so a rule guarded by it reads exactly as without it.
///
/// [`may_hold`]: CharSet::may_hold
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CharSet([u64; 4]);

impl CharSet {
    /// The set of the characters of `text`.
    pub fn of(text: &str) -> CharSet {
        let mut set = CharSet::default();
        for c in text.chars() {
            let b = CharSet::bit(c);
            set.0[b >> 6] |= 1 << (b & 63);
        }
        set
    }

    fn bit(c: char) -> usize {
        ((c as u32).wrapping_mul(0x9E37_79B1) >> 24) as usize
    }

    /// `text.match_indices(word)`, none without a search when the set (of `text`) refuses
    /// `word`.
    pub fn match_indices<'t>(
        &self,
        text: &'t str,
        word: &'t str,
    ) -> impl Iterator<Item = (usize, &'t str)> + 't {
        (self.may_hold(word).then(|| text.match_indices(word)))
            .into_iter()
            .flatten()
    }

    /// `text.contains(word)`, false without a search when the set (of `text`) refuses `word`.
    pub fn contains(&self, text: &str, word: &str) -> bool {
        self.may_hold(word) && text.contains(word)
    }

    /// Whether the text may hold `word`: false when some character of `word` is not in the
    /// text (then `text.contains(word)` is false); true for an empty word.
    pub fn may_hold(&self, word: &str) -> bool {
        word.chars().all(|c| {
            let b = CharSet::bit(c);
            self.0[b >> 6] & (1 << (b & 63)) != 0
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kana and kanji [`header_key`] keeps without asking the case tables are those the
    /// tables keep: not folded, not dropped, their own lower case.
    #[test]
    fn plain_kana_and_kanji_are_what_the_case_tables_keep() {
        let mut plain = 0;
        for c in ('\u{3000}'..='\u{30FF}').chain('\u{4E00}'..='\u{9FFF}') {
            if !is_plain_kana_or_kanji(c) {
                continue;
            }
            plain += 1;
            let mut lower = c.to_lowercase();
            assert!(!folds(c) && !dropped_from_key(c), "{c:?}");
            assert!(lower.next() == Some(c) && lower.next().is_none(), "{c:?}");
            assert_eq!(header_key(&format!("A {c}")), format!("a{c}"), "{c:?}");
        }
        assert_eq!(plain, 0x30FF - 0x3041 + 0x9FFF - 0x4E00 + 1);
        assert_eq!(header_key("ア・イ"), "アイ");
    }

    proptest::proptest! {
        /// An ASCII text's key, made without folding, is the key folding makes.
        #[test]
        fn an_ascii_key_is_the_folded_one(s in "[ -~\t\n\x0b\x0c\r]{0,24}") {
            let mut folded = String::new();
            fold_into(&s, &mut folded, |out, c| {
                if !dropped_from_key(c) {
                    out.extend(c.to_lowercase());
                }
            });
            proptest::prop_assert_eq!(key_all(&s), folded);
        }
    }

    /// The byte check finds exactly the characters [`is_stripped`] strips, alone and beside
    /// others.
    #[test]
    fn the_byte_precheck_sees_every_stripped_character() {
        let mut stripped = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let s = c.encode_utf8(&mut buf);
            assert_eq!(holds_stripped(s.as_bytes()), is_stripped(c), "{c:?}");
            if is_stripped(c) {
                stripped += 1;
                assert_eq!(without_controls(&format!("a{c}b")), "ab", "{c:?}");
            } else {
                assert_eq!(
                    without_controls(&format!("a{c}b")),
                    format!("a{c}b"),
                    "{c:?}"
                );
            }
        }
        assert!(stripped > 60, "{stripped}");
    }

    proptest::proptest! {
        /// The bounded distance is the distance when that is within the bound, and none
        /// when it is not (ids, their spellings, and Japanese text).
        #[test]
        fn edit_distance_within_agrees_with_edit_distance(
            a in "[0-9A-Z.\\-あア]{0,9}",
            b in "[0-9A-Z.\\-あア]{0,9}",
            max in 0usize..4,
        ) {
            let d = edit_distance(&a, &b);
            proptest::prop_assert_eq!(edit_distance_within(&a, &b, max), (d <= max).then_some(d));
            // longer than the rows kept on the stack
            let (a, b) = (a.repeat(5), b.repeat(5));
            let d = edit_distance(&a, &b);
            proptest::prop_assert_eq!(edit_distance_within(&a, &b, max), (d <= max).then_some(d));
        }
    }

    /// Half-width katakana folds to full width, marks joined, as headers and searches need
    /// (`ﾘｽｸ` is the リスク column); a half-width prolonged mark outside kana stays a dash.
    #[test]
    fn strips_controls_and_bidi_marks() {
        assert_eq!(
            strip_controls("a\u{1b}[31mb\nc\u{202E}d\u{202C}e\u{2067}f"),
            "a[31mb\ncdef"
        );
        assert_eq!(strip_controls("確認項目"), "確認項目");
    }

    #[test]
    fn half_width_katakana_folds() {
        assert_eq!(fold_width("ﾁｪｯｸ項目"), "チェック項目");
        assert_eq!(fold_width("ﾃﾞｰﾀｾﾝﾀｰ"), "データセンター");
        assert_eq!(fold_width("ﾊﾟｽﾜｰﾄﾞ ｳﾞｧ ﾎﾟ"), "パスワード ヴァ ポ");
        assert_eq!(fold_width("ｸﾗｳﾄﾞ"), "クラウド");
        assert_eq!(fold_width("ACｰ2"), "AC-2");
        assert_eq!(fold_width("ｱﾞ"), "ア\u{309B}");
        assert_eq!(header_key("ﾘｽｸ"), header_key("リスク"));
        assert_eq!(header_key("ﾁｪｯｸ 項目"), "チェック項目");
        assert!(matches!(fold_width("リスク"), Cow::Borrowed(_)));
    }

    #[test]
    fn folds_full_width_digits_letters_and_dots() {
        assert_eq!(fold_width("８．１．５．Ｐ"), "8.1.5.P");
        assert_eq!(fold_width("ＡＣ－２（１）"), "AC-2(1)");
        assert_eq!(fold_width("確認\u{3000}項目"), "確認 項目");
    }

    /// Strings around every char: the borrowing fast paths must agree with the general ones.
    #[test]
    fn fast_paths_agree_with_the_general_ones_for_every_char() {
        let mut s = String::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for (before, after) in [("", ""), ("確認", "ac")] {
                s.clear();
                s.push_str(before);
                s.push(c);
                s.push_str(after);
                assert_eq!(fold_width(&s), fold_all(&s), "{s:?}");
                assert_eq!(header_key(&s), key_all(&s), "{s:?}");
            }
        }
        for s in [
            "",
            " ",
            "ismap",
            "ISMAP",
            "soc2",
            "ＳＯＣ２",
            "高",
            "自己申告",
            "保証\u{3000}報告",
            "IT-7号",
            "it7号",
            "８．１．５．Ｐ",
            "ＡＣ－２（１）",
            "9\u{2010}2\u{2011}1\u{2012}\u{2013}\u{2014}\u{2212}\u{FF70}",
            "A\u{30FB}9\u{FF65}2",
            "\tn/a\n",
            "\"[「x」]'",
            "ǅ",
        ] {
            assert_eq!(fold_width(s), fold_all(s), "{s:?}");
            assert_eq!(header_key(s), key_all(s), "{s:?}");
        }
        assert!(matches!(fold_width("9.2.1 確認項目"), Cow::Borrowed(_)));
        assert!(matches!(header_key("高"), Cow::Borrowed(_)));
    }

    #[test]
    fn join_filled_skips_empty_cells() {
        assert_eq!(
            join_filled([" 登録区分 ", "", "  ", "ISMAP"]),
            "登録区分 ISMAP"
        );
        assert_eq!(join_filled(["", " "]), "");
    }

    #[test]
    fn header_keys_ignore_case_width_and_separators() {
        assert_eq!(header_key(" Required_Assurance "), "requiredassurance");
        assert_eq!(header_key("ＩＳＭＡＰ管理策"), "ismap管理策");
        assert_eq!(header_key("No."), "no");
    }

    #[test]
    fn strips_escape_sequences() {
        assert_eq!(strip_controls("a\u{1b}[31mred\u{7}"), "a[31mred");
        assert_eq!(strip_controls("two\nlines"), "two\nlines");
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("8.1.5", "8.1.5.P"), 2);
        assert_eq!(edit_distance("9.2.1", "9.2.1"), 0);
        assert_eq!(edit_distance("9.2.1", "9.2.2"), 1);
    }

    #[test]
    fn natural_order_reads_numbers_as_numbers() {
        let mut names = vec![
            "第10号",
            "第2号",
            "第1号",
            "第１４号",
            "第3号（株式会社）",
            "第02号",
            "Alpha",
            "第1号B",
        ];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            names,
            [
                "Alpha",
                "第1号",
                "第1号B",
                "第02号",
                "第2号",
                "第3号（株式会社）",
                "第10号",
                "第１４号"
            ]
        );
        assert_eq!(natural_cmp("a", "a"), std::cmp::Ordering::Equal);
    }

    proptest::proptest! {
        /// A word the set says no to is never in the text (Japanese, ASCII and mixed words
        /// and texts, words cut from the text itself); an empty word may always be.
        #[test]
        fn a_word_the_char_set_refuses_is_not_in_the_text(
            text in "[a-z0-9 ー・（）()あいうアイウ未実施予定東京本番環境]{0,30}",
            word in "[a-z0-9 ーあアイ未実施予定東京]{0,4}",
            cut in 0usize..30,
            len in 0usize..6,
        ) {
            let set = CharSet::of(&text);
            if !set.may_hold(&word) {
                proptest::prop_assert!(!text.contains(&*word));
            }
            let chars: Vec<char> = text.chars().collect();
            let from = cut.min(chars.len());
            let piece: String = chars[from..(from + len).min(chars.len())].iter().collect();
            proptest::prop_assert!(set.may_hold(&piece));
        }
    }

    /// Every character of the text is in its set, and a text holding none of a word's
    /// characters refuses it.
    #[test]
    fn the_char_set_holds_every_character_of_its_text() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("前{c}後");
            assert!(CharSet::of(&text).may_hold(&c.to_string()), "{c:?}");
        }
        assert!(CharSet::of("").may_hold(""));
        assert!(!CharSet::of("").may_hold("a"));
        assert!(!CharSet::of("本番環境のみ").may_hold("オプション"));
        assert!(CharSet::of("有償オプションです").may_hold("オプション"));
    }
}
