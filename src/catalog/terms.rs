//! Words for matching free text against the catalog: the one normalisation of text that
//! `suggest` and `catalog search` share (width, case, spelling variants, English
//! inflections, the katakana long vowel), and word matching that never finds a word inside
//! another (`log` is not in "technology", `ログ` is not in `カタログ`).
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::text::fold_width;

/// Normalises text the same way for queries, lexicon terms and catalog titles, so that
/// what means the same compares equal: full/half width, case, punctuation (one space),
/// `サーバー`/`サーバ`, English inflections (`logs`, `logging` → `log`), and the spelling
/// variants of the lexicon (`ぜい弱性` → `脆弱性`).
#[derive(Debug, Clone)]
pub struct Normalizer {
    variants: Option<AhoCorasick>,
    /// Per variant pattern: its canonical spelling (normalised), and whether the pattern is
    /// ASCII (matched on word boundaries only).
    canonical: Vec<(String, bool)>,
}

impl Normalizer {
    /// A normaliser folding each group of spellings to the group's first.
    pub fn new(groups: &[Vec<String>]) -> Normalizer {
        let mut patterns = Vec::new();
        let mut canonical = Vec::new();
        for group in groups {
            let Some(first) = group.first() else { continue };
            let first = base_normalize(first);
            for spelling in &group[1..] {
                let p = base_normalize(spelling);
                if p.is_empty() || p == first || patterns.contains(&p) {
                    continue;
                }
                canonical.push((first.clone(), p.is_ascii()));
                patterns.push(p);
            }
        }
        let variants = if patterns.is_empty() {
            None
        } else {
            // the automaton as first built (no conversion to a faster one): it is built on
            // every run that needs it and searches a few short texts
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                .build(&patterns)
                .ok()
        };
        Normalizer {
            variants,
            canonical,
        }
    }

    /// `s` normalised: see [`Normalizer`].
    pub fn normalize(&self, s: &str) -> String {
        let base = base_normalize(s);
        let Some(ac) = &self.variants else {
            return base;
        };
        let mut out = String::with_capacity(base.len());
        let mut last = 0;
        for m in ac.find_iter(&base) {
            let (canon, ascii) = &self.canonical[m.pattern().as_usize()];
            if *ascii && !ascii_bounded(&base, m.start(), m.end()) {
                continue;
            }
            out.push_str(&base[last..m.start()]);
            out.push_str(canon);
            last = m.end();
        }
        out.push_str(&base[last..]);
        out
    }
}

/// Katakana, with the prolonged sound mark.
pub fn is_katakana(c: char) -> bool {
    ('\u{30A1}'..='\u{30FA}').contains(&c) || c == '\u{30FC}'
}

/// A CJK ideograph (or the repetition mark 々).
pub fn is_kanji(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c) || c == '々'
}

pub fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309F}').contains(&c)
}

/// The normalisation without spelling variants: width folded, ASCII lower case and split
/// into words (letters and digits apart, each English word stemmed), every other
/// character that is not a letter or digit a separator (one space), and a prolonged sound
/// mark that ends a katakana word of three or more characters dropped (`サーバー` →
/// `サーバ`, as JIS writes it).
pub fn base_normalize(s: &str) -> String {
    let folded = fold_width(s);
    let mut out = String::with_capacity(folded.len());
    let mut word = String::new();
    let mut pending_space = false;
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            let c = c.to_ascii_lowercase();
            // letters and digits are words of their own: `tls1` → `tls 1`, `2fa` → `2 fa`
            if word
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_digit() != c.is_ascii_digit())
            {
                flush_word(&mut out, &mut word, &mut pending_space);
                pending_space = true;
            }
            word.push(c);
            continue;
        }
        let had_word = !word.is_empty();
        flush_word(&mut out, &mut word, &mut pending_space);
        // kana and kanji first: `is_alphanumeric` is a slow table look-up for them
        if is_kanji(c) || is_katakana(c) || is_hiragana(c) || c.is_alphanumeric() {
            if had_word {
                // an ASCII word glued to Japanese stays glued (`usbメモリ`)
            } else if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            if !is_katakana(c) {
                close_katakana(&mut out);
            }
            out.push(c);
        } else {
            close_katakana(&mut out);
            pending_space = true;
        }
    }
    flush_word(&mut out, &mut word, &mut pending_space);
    close_katakana(&mut out);
    out
}

fn flush_word(out: &mut String, word: &mut String, pending_space: &mut bool) {
    if word.is_empty() {
        return;
    }
    close_katakana(out);
    if *pending_space && !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
    *pending_space = false;
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        out.push_str(&stem(word));
    } else {
        out.push_str(word);
    }
    word.clear();
}

/// Drops the prolonged sound mark ending the katakana word at the end of `out`, when the
/// word has three or more characters (`サーバー`, `セキュリティー`; not `ルー` alone).
fn close_katakana(out: &mut String) {
    if !out.ends_with('\u{30FC}') {
        return;
    }
    let run = out.chars().rev().take_while(|&c| is_katakana(c)).count();
    if run >= 3 {
        out.pop();
    }
}

/// A light English stemmer: plurals, `-ing`, `-ed`, `-tion` → `-t`, `-ment`, a final `e`,
/// so that `logs`/`logging`/`log`, `encrypted`/`encryption`, `restore`/`restored` meet.
/// Applied alike to every text compared, so its results need not be words.
pub fn stem(word: &str) -> String {
    let mut w = word.to_owned();
    let len = |w: &String| w.chars().count();
    if len(&w) <= 3 {
        return w;
    }
    if w.ends_with("ies") && len(&w) > 4 {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.ends_with("sses") {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.pop();
    }
    let has_vowel = |s: &str| s.contains(['a', 'e', 'i', 'o', 'u', 'y']);
    for suffix in ["ing", "ed"] {
        if let Some(base) = w.strip_suffix(suffix) {
            if base.len() >= 3 && has_vowel(base) {
                let mut b = base.to_owned();
                undouble(&mut b);
                w = b;
                break;
            }
        }
    }
    if w.ends_with("tion") && w.len() > 5 {
        w.truncate(w.len() - 3);
    }
    if w.ends_with("ment") && w.len() >= 8 {
        w.truncate(w.len() - 4);
    }
    if w.ends_with('e') && w.len() > 3 {
        w.pop();
    }
    w
}

/// `logg` → `log`, `plann` → `plan` (not `ll`, `ss`, `zz`: `install`, `access`).
fn undouble(w: &mut String) {
    let b = w.as_bytes();
    if b.len() >= 3 {
        let (x, y) = (b[b.len() - 2], b[b.len() - 1]);
        if x == y && !matches!(x, b'a' | b'e' | b'i' | b'o' | b'u' | b'l' | b's' | b'z') {
            w.pop();
        }
    }
}

/// Whether `text[start..end]` starts and ends on ASCII word boundaries.
fn ascii_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| c.is_ascii_alphanumeric())
        && !after.is_some_and(|c| c.is_ascii_alphanumeric())
}

/// Whether the normalised `pattern`, found at `text[start..end]`, is a word there and not
/// part of another: an ASCII word needs ASCII word boundaries on the sides where it has
/// letters or digits; a katakana word of one or two characters must not sit inside a
/// longer katakana word. Kanji and longer katakana compounds match inside compounds
/// (`暗号化` holds `暗号`, `バックアップデータ` holds `バックアップ`), as Japanese writes them.
pub fn is_word_at(text: &str, start: usize, end: usize) -> bool {
    let pattern = &text[start..end];
    let (Some(first), Some(last)) = (pattern.chars().next(), pattern.chars().next_back()) else {
        return false;
    };
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    if first.is_ascii_alphanumeric() && before.is_some_and(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    if last.is_ascii_alphanumeric() && after.is_some_and(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    if pattern.chars().all(is_katakana) && pattern.chars().count() <= 2 {
        return !before.is_some_and(is_katakana) && !after.is_some_and(is_katakana);
    }
    true
}

/// Whether the normalised `word` occurs in the normalised `text` as a word ([`is_word_at`]).
pub fn contains_word(text: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(i) = text[from..].find(word) {
        let start = from + i;
        if is_word_at(text, start, start + word.len()) {
            return true;
        }
        from = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Finds normalised words in normalised text, all at once: the words are indexed by their
/// first two characters (a word of one character by that one), so that each position of
/// the text is looked up once and compared with the few words that start as it does.
/// Building it is a hash insert per word (the lexicon is indexed on every run that needs
/// it), and a title is searched in a few thousand instructions.
#[derive(Debug, Clone, Default)]
pub struct WordFinder {
    words: Vec<Box<str>>,
    /// First two characters → the words of two or more characters that start with them.
    by_start: foldhash::HashMap<(char, char), Vec<u32>>,
    /// The words of one character.
    single: foldhash::HashMap<char, Vec<u32>>,
}

/// A word found: which pattern, and where (byte offsets in the normalised text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
}

impl WordFinder {
    pub fn new<P: AsRef<str>>(patterns: &[P]) -> WordFinder {
        let mut finder = WordFinder::default();
        for (i, p) in patterns.iter().enumerate() {
            let p = p.as_ref();
            let mut chars = p.chars();
            match (chars.next(), chars.next()) {
                (Some(a), Some(b)) => finder.by_start.entry((a, b)).or_default().push(i as u32),
                (Some(a), None) => finder.single.entry(a).or_default().push(i as u32),
                _ => {}
            }
            finder.words.push(p.into());
        }
        finder
    }

    /// Every occurrence of every pattern that is a word where it stands, overlapping ones
    /// included, by start then longest first.
    pub fn find_all(&self, text: &str, out: &mut Vec<Found>) {
        out.clear();
        let mut push = |pattern: u32, start: usize| {
            let word = &self.words[pattern as usize];
            let end = start + word.len();
            if text[start..].starts_with(&**word) && is_word_at(text, start, end) {
                out.push(Found {
                    pattern: pattern as usize,
                    start,
                    end,
                });
            }
        };
        let mut chars = text.char_indices().peekable();
        while let Some((start, a)) = chars.next() {
            if let Some(words) = self.single.get(&a) {
                words.iter().for_each(|&w| push(w, start));
            }
            if let Some(&(_, b)) = chars.peek() {
                if let Some(words) = self.by_start.get(&(a, b)) {
                    words.iter().for_each(|&w| push(w, start));
                }
            }
        }
        out.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        base_normalize(s)
    }

    #[test]
    fn base_normalisation_folds_width_case_punctuation_and_long_vowels() {
        assert_eq!(n("ＴＬＳ１．２以上"), "tls 1 2以上");
        assert_eq!(
            n("Multi-Factor  Authentication"),
            "multi factor authenticat"
        );
        assert_eq!(n("サーバーの保守"), "サーバの保守");
        assert_eq!(n("ｻｰﾊﾞｰ"), "サーバ");
        assert_eq!(n("セキュリティー・ポリシー"), "セキュリティ ポリシ");
        assert_eq!(n("データ"), "データ");
        assert_eq!(n("USBメモリ"), "usbメモリ");
        assert_eq!(n("IDS/IPSで遮断"), "ids ipsで遮断");
        assert_eq!(n("「社外秘」等の表示"), "社外秘 等の表示");
        assert_eq!(n("2FA"), "2 fa");
    }

    #[test]
    fn stems_meet() {
        for group in [
            &["log", "logs", "logging", "logged"][..],
            &["encrypt", "encrypted", "encryption", "encrypts"],
            &["restore", "restored", "restores"],
            &["backup", "backups"],
            &["policy", "policies"],
            &["manage", "managed", "management"],
            &["isolate", "isolated", "isolation"],
        ] {
            let stems: Vec<String> = group.iter().map(|w| stem(w)).collect();
            assert!(stems.iter().all(|s| *s == stems[0]), "{group:?}: {stems:?}");
        }
        assert_eq!(stem("access"), "access");
        assert_eq!(stem("status"), "status");
        assert_ne!(stem("technology"), stem("log"));
    }

    #[test]
    fn variants_fold_to_the_first_spelling() {
        let v = Normalizer::new(&[
            vec!["脆弱性".into(), "ぜい弱性".into()],
            vec!["遵守".into(), "順守".into()],
            vec!["login".into(), "log on".into(), "logon".into()],
        ]);
        assert_eq!(v.normalize("技術的ぜい弱性の管理"), "技術的脆弱性の管理");
        assert_eq!(v.normalize("法令の順守"), "法令の遵守");
        assert_eq!(
            v.normalize("Secure log-on procedures"),
            "secur login procedur"
        );
        assert_eq!(v.normalize("catalog on shelf"), "catalog on shelf");
    }

    #[test]
    fn words_are_not_found_inside_other_words() {
        let t = n("Information technology logs");
        assert!(contains_word(&t, "log"));
        assert!(!contains_word(&n("technology"), "log"));
        assert!(!contains_word(&n("カタログ"), "ログ"));
        assert!(contains_word(&n("ログの保護"), "ログ"));
        assert!(contains_word(&n("操作ログ"), "ログ"));
        assert!(contains_word(&n("バックアップデータ"), &n("バックアップ")));
        assert!(contains_word(&n("暗号化する"), "暗号"));
        assert!(!contains_word(&n("DRAM"), "dr"));
        assert!(contains_word(&n("DR訓練"), "dr"));
    }
    /// Every occurrence of every pattern at every position, checked one by one.
    fn found_naively(patterns: &[String], text: &str) -> Vec<Found> {
        let mut out = Vec::new();
        for (start, _) in text.char_indices() {
            for (pattern, p) in patterns.iter().enumerate() {
                let end = start + p.len();
                if !p.is_empty()
                    && text[start..].starts_with(p.as_str())
                    && is_word_at(text, start, end)
                {
                    out.push(Found {
                        pattern,
                        start,
                        end,
                    });
                }
            }
        }
        out.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        out
    }

    #[test]
    fn the_finder_finds_overlapping_words_of_any_length() {
        let patterns: Vec<String> = ["ログ", "ログイン", "イン", "鍵", "暗号鍵", "log", "lo", "g"]
            .map(String::from)
            .into();
        let finder = WordFinder::new(&patterns);
        let mut found = Vec::new();
        for text in [
            "ログインログ",
            "暗号鍵の鍵",
            "log login lo g",
            "カタログ",
            "",
            "鍵",
        ] {
            finder.find_all(text, &mut found);
            assert_eq!(found, found_naively(&patterns, text), "{text}");
        }
    }

    proptest::proptest! {
        /// The finder finds what looking at every position for every word finds.
        #[test]
        fn the_finder_finds_what_a_naive_search_finds(
            patterns in proptest::collection::vec("[アイログ鍵暗号ab ]{1,4}", 0..12),
            text in "[アイログ鍵暗号ab ]{0,24}",
        ) {
            let mut patterns = patterns;
            patterns.sort();
            patterns.dedup();
            let mut found = Vec::new();
            WordFinder::new(&patterns).find_all(&text, &mut found);
            proptest::prop_assert_eq!(found, found_naively(&patterns, &text));
        }
    }
}
