//! Reference text: the forms a references cell is written in — ids with their titles beside
//! them, the standard named before them (`JIS Q 27002 9.2.1`, `ISO27001:2022 A.5.15`),
//! `A.`/`CLD.` marks, NIST ids, ranges (`9.2.1～9.2.3`), `・` between two ids. One lexer: it
//! cuts a cell into references ([`split`], each a verbatim part of the cell) and reads one
//! reference back for the resolver ([`read`]).
//!
//! Nothing is rewritten: a reference is the text as written, and a number the lexer cannot
//! read as one id (`9.1・2`, `9..1`, `9.2.1x`) stays one malformed reference, never becomes
//! another id.
use crate::catalog::id::IsmapId;
use crate::text::fold_char;

/// A standard named before an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standard {
    /// ISO/IEC 27001 / JIS Q 27001: a management-system clause, or Annex A with `A.`.
    Iso27001,
    /// ISO/IEC 27002 / JIS Q 27002: a control number.
    Iso27002,
    /// ISO/IEC 27014 / JIS Q 27014: a governance section.
    Iso27014,
    /// ISO/IEC 27017 / JIS Q 27017: a cloud control (`CLD.x`) or a 27002 number.
    Iso27017,
    /// Another standard (`ISO 9001`): the tool knows no cross-reference to it.
    Other(u32),
}

/// A standard and the year of its edition, when written (`:2022`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StdRef {
    pub standard: Standard,
    pub year: Option<u32>,
}

/// What is written right before an id's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    None,
    /// `A.`, `A `, `附属書A`, `Annex A`: ISO/IEC 27001 Annex A.
    Annex,
    /// `CLD.`, `CLD `: ISO/IEC 27017.
    Cld,
}

/// One id as written: its folded text (`9.2.1`, `8.1.5P`; no mark) and its mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdText {
    pub text: String,
    pub marker: Marker,
}

impl IdText {
    /// The id, when its text is one.
    pub fn parse(&self) -> Option<IsmapId> {
        IsmapId::parse(&self.text)
    }

    /// Number of numeric components (0 when it is no id).
    pub fn depth(&self) -> usize {
        self.parse().map_or(0, |i| i.depth())
    }
}

/// A cell made only of simple references — plain ids with at least two numbers (`9.2.1`,
/// `8.1.5P`, `8.1.5-P`, `９．２．１`), `A.` or `CLD.` ids, NIST ids (`AC-2`, `IA-2(1)`) — separated by
/// commas, semicolons, `、` or white space: what most cells hold. Its references are those
/// tokens, as [`split`] would cut them, found without lexing.
fn split_plain(cell: &str) -> Option<Vec<&str>> {
    // the separators found byte by byte (the multi-byte ones by their three bytes: `、`,
    // `\u{3000}`, `，`, `；`), which no byte inside another character can be
    let b = cell.as_bytes();
    let sep_at = |i: usize| -> usize {
        match b[i] {
            b',' | b';' | b' ' | b'\t' | b'\r' | b'\n' => 1,
            0xE3 if matches!(b.get(i + 1..i + 3), Some([0x80, 0x80 | 0x81])) => 3,
            0xEF if matches!(b.get(i + 1..i + 3), Some([0xBC, 0x8C | 0x9B])) => 3,
            _ => 0,
        }
    };
    let mut out = Vec::new();
    let mut folded = String::new();
    let (mut start, mut i) = (0, 0);
    while i <= b.len() {
        let sep = if i == b.len() { 1 } else { sep_at(i) };
        if sep == 0 {
            i += 1;
            continue;
        }
        if i > start {
            let token = &cell[start..i];
            let t = if token.is_ascii() {
                token
            } else {
                folded.clear();
                for c in token.chars() {
                    let f = fold_char(c);
                    // the middle dot is no dot here; anything else must fold to ASCII
                    if is_middle_dot(c) || !f.is_ascii() {
                        return None;
                    }
                    folded.push(f);
                }
                folded.as_str()
            };
            if !(is_plain_id(t) || is_marked_id(t) || is_plain_nist(t) || is_hyphen_suffixed_id(t))
            {
                return None;
            }
            out.push(token);
        }
        i += sep;
        start = i;
    }
    Some(out)
}

/// `A.` + 1–4 numbers, or `CLD.` + 2–4 numbers, no suffix (ASCII, any case).
fn is_marked_id(t: &str) -> bool {
    let b = t.as_bytes();
    let (rest, min) = if b.len() >= 4 && b[..4].eq_ignore_ascii_case(b"CLD.") {
        (&t[4..], 2)
    } else if t.len() > 2 && b[..2].eq_ignore_ascii_case(b"A.") {
        (&t[2..], 1)
    } else {
        return false;
    };
    let mut parts = 0;
    for p in rest.split('.') {
        if p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        parts += 1;
    }
    (min..=4).contains(&parts)
}

/// `AC-2`, `IA-2(1)` (ASCII).
fn is_plain_nist(t: &str) -> bool {
    let b = t.as_bytes();
    if b.len() < 4 || !b[0].is_ascii_alphabetic() || !b[1].is_ascii_alphabetic() || b[2] != b'-' {
        return false;
    }
    let rest = &t[3..];
    let (number, enhancement) = match rest.split_once('(') {
        Some((n, e)) => match e.strip_suffix(')') {
            Some(e) => (n, Some(e)),
            None => return false,
        },
        None => (rest, None),
    };
    let digits = |s: &str| (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    digits(number) && enhancement.is_none_or(digits)
}

/// `\d{1,3}(\.\d{1,3}){1,4}` with an optional suffix `P`, `B`, `PB` (a dot before it
/// allowed; only after three numbers or more), in ASCII. One pass over the bytes (every
/// token of a plain references cell is read by it).
pub(crate) fn is_plain_id(t: &str) -> bool {
    let b = t.as_bytes();
    // the suffix: `PB`, `P` or `B`, any case (a letter before it is no digit: refused below)
    let letters = match b {
        [.., p, s] if p.eq_ignore_ascii_case(&b'P') && s.eq_ignore_ascii_case(&b'B') => 2,
        [.., s] if matches!(s.to_ascii_uppercase(), b'P' | b'B') => 1,
        _ => 0,
    };
    let mut n = b.len() - letters;
    if letters > 0 && n > 0 && b[n - 1] == b'.' {
        n -= 1;
    }
    let (mut parts, mut len) = (0, 0);
    for &c in &b[..n] {
        if c == b'.' {
            if len == 0 {
                return false;
            }
            parts += 1;
            len = 0;
        } else if c.is_ascii_digit() && len < 3 {
            len += 1;
        } else {
            return false;
        }
    }
    if len == 0 {
        return false;
    }
    parts += 1;
    (2..=5).contains(&parts) && (letters == 0 || parts >= 3)
}

/// An id of three numbers or more with its suffix after a hyphen or an underscore
/// (`8.1.5-P`, `12.4.5_PB`), in ASCII: one reference, as the lexer reads it.
fn is_hyphen_suffixed_id(t: &str) -> bool {
    let Some(at) = t.rfind(['-', '_']) else {
        return false;
    };
    let (numbers, suffix) = (&t[..at], &t[at + 1..]);
    matches!(
        suffix.as_bytes(),
        [b'P' | b'p' | b'B' | b'b'] | [b'P' | b'p', b'B' | b'b']
    ) && numbers.ends_with(|c: char| c.is_ascii_digit())
        && numbers.bytes().filter(|&c| c == b'.').count() >= 2
        && is_plain_id(numbers)
}

/// What one lexeme is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Std(StdRef),
    /// A NIST SP 800-53 id, folded, spaces removed (`AC-2(1)`).
    Nist(String),
    Id(IdText),
    Range(IdText, IdText),
    /// Digits and dots that are no one id: `9..1`, `9.1・2`, `9.2.1x`.
    Malformed,
    /// A NIST Cybersecurity Framework subcategory (`PR.AC-1`, CSF 2.0 `GV.OC-01`), folded:
    /// not a NIST SP 800-53 control, whatever its letters.
    Csf(String),
    /// A range whose second end is shortened (`9.2.1-3`, `9.2.1～3`): a range (9.2.1～9.2.3)
    /// or a detail number (9.2.1.3)? Not read either way.
    Shorthand,
    /// Two ids with an arrow between them (`9.2.1 → 9.2.6`): a range, a list, or the
    /// second replacing the first? Not read either way.
    Arrow,
    /// A range mark with no id on one side (`9.2.1～` at the end of a part, `～9.2.6` at
    /// the start of one, `9.2.1～～9.2.6`): the other end was cut off or is elsewhere, so
    /// the ids in between cannot be known. Never read as its one end.
    OpenRange,
    /// `,` `;` `、` `/` …; `newline` for a line break.
    Sep {
        newline: bool,
    },
    Space,
    Word,
}

/// A lexeme and where it is in the text (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lex {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

/// The text as characters: byte offset, original, folded.
struct Chars {
    at: Vec<(usize, char, char)>,
    len: usize,
}

impl Chars {
    fn new(s: &str) -> Chars {
        Chars {
            at: s.char_indices().map(|(i, c)| (i, c, lex_fold(c))).collect(),
            len: s.len(),
        }
    }

    fn f(&self, i: usize) -> Option<char> {
        self.at.get(i).map(|x| x.2)
    }

    fn orig(&self, i: usize) -> Option<char> {
        self.at.get(i).map(|x| x.1)
    }

    fn byte(&self, i: usize) -> usize {
        self.at.get(i).map_or(self.len, |x| x.0)
    }

    fn is(&self, i: usize, p: impl Fn(char) -> bool) -> bool {
        self.f(i).is_some_and(p)
    }

    /// Is `i` at the start of a word: not after an ASCII letter or digit?
    fn word_start(&self, i: usize) -> bool {
        i == 0 || !self.is(i - 1, |c| c.is_ascii_alphanumeric())
    }

    /// `word` (ASCII, upper case) at `i`, case-insensitively; the index after it.
    fn word(&self, i: usize, word: &str) -> Option<usize> {
        let mut j = i;
        for w in word.chars() {
            if !self.is(j, |c| c.to_ascii_uppercase() == w) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    fn skip_spaces(&self, mut i: usize) -> usize {
        while self.is(i, |c| c == ' ' || c == '\t') {
            i += 1;
        }
        i
    }

    /// Digits from `i`: (value, index after), at most `max` of them.
    fn digits(&self, i: usize, max: usize) -> Option<(u32, usize)> {
        let mut j = i;
        let mut value: u32 = 0;
        while let Some(d) = self.f(j).and_then(|c| c.to_digit(10)) {
            if j - i == max {
                return None;
            }
            value = value * 10 + d;
            j += 1;
        }
        (j > i).then_some((value, j))
    }
}

/// A character as the lexer reads it: [`fold_char`]'s, but the middle dot kept (a
/// separator here, never a decimal point), `―` (U+2015, what CP932's 0x815C reads as, and
/// what the tool's own CP932 output writes for `—`) a dash as `—` is, and the half-width
/// `､` (U+FF64, of 半角変換) the `、` it stands for (review 24 C-1).
fn lex_fold(c: char) -> char {
    match c {
        '\u{2015}' => '-',
        '\u{FF64}' => '、',
        c if is_middle_dot(c) => c,
        c => fold_char(c),
    }
}

fn is_middle_dot(c: char) -> bool {
    matches!(c, '\u{30FB}' | '\u{FF65}')
}

fn is_hard_sep(c: char) -> bool {
    // `&` and `+` between ids (`9.2.1＆9.2.4`) say "and", as `、` does
    matches!(
        c,
        ',' | ';' | '|' | '、' | '&' | '+' | '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}'
    )
}

/// Could `text` hold a range: has it a character (or a word: `から`, `ないし`, `乃至`, `to`,
/// `through`, `thru`) the lexer reads as one's sign?
pub fn may_hold_range(text: &str) -> bool {
    let words = || {
        let lower = text.to_ascii_lowercase();
        ["to", "thru", "through"].iter().any(|w| {
            lower
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|t| t == *w)
        })
    };
    if text.is_ascii() {
        return text.bytes().any(|b| b == b'-' || b == b'~') || words();
    }
    text.chars().any(|c| is_range_op(lex_fold(c)))
        || ["から", "ないし", "乃至"].iter().any(|w| text.contains(w))
        || words()
}

fn is_range_op(c: char) -> bool {
    // `ー` (the katakana prolonged mark) is what a Japanese IME often gives for a dash
    matches!(c, '~' | '-' | '\u{301C}' | '\u{30FC}')
}

/// A range mark that is never a list marker (`～`, `〜`, `~`): one at the start of a line
/// continues a range from the line above.
fn is_tilde(c: char) -> bool {
    matches!(c, '~' | '\u{301C}')
}

/// Is the character at `i` a line break?
fn is_newline(c: &Chars, i: usize) -> bool {
    c.is(i, |ch| {
        matches!(ch, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}')
    })
}

/// From `i`, past spaces, one line break (`\r\n` is one) and the spaces after it.
fn skip_line_break(c: &Chars, i: usize) -> usize {
    let mut j = c.skip_spaces(i);
    if c.is(j, |ch| ch == '\r') && c.is(j + 1, |ch| ch == '\n') {
        j += 1;
    }
    c.skip_spaces(j + 1)
}

/// The range mark at `i` and the index after it: `～`, `-`… or the word `から` (`9.2.1から
/// 9.2.3`), `ないし` or `乃至` (the official Japanese for "from … to", as in 第1条ないし第3条),
/// or in English `to`, `through`, `thru` (`9.2.1 to 9.2.3`) as a word of its own.
fn range_op_at(c: &Chars, i: usize) -> Option<usize> {
    if c.is(i, is_range_op) {
        return Some(i + 1);
    }
    let word = |w: &str| {
        w.chars()
            .enumerate()
            .all(|(k, ch)| c.orig(i + k) == Some(ch))
            .then(|| i + w.chars().count())
    };
    if let Some(end) = word("から")
        .or_else(|| word("ないし"))
        .or_else(|| word("乃至"))
    {
        return Some(end);
    }
    let spaced = i > 0 && c.is(i - 1, |ch| ch == ' ' || ch == '\t');
    ["THROUGH", "THRU", "TO"]
        .iter()
        .find_map(|w| c.word(i, w))
        .filter(|&j| spaced && !c.is(j, |ch| ch.is_ascii_alphanumeric()))
}

/// An arrow at `i` (`→`, `⇒`, `->`, `=>`): the index after it.
fn arrow_at(c: &Chars, i: usize) -> Option<usize> {
    if c.is(i, |ch| matches!(ch, '→' | '⇒' | '⟶' | '➡')) {
        return Some(i + 1);
    }
    (c.is(i, |ch| ch == '-' || ch == '=') && c.is(i + 1, |ch| ch == '>')).then_some(i + 2)
}

/// The standards whose number the lexer knows, by number.
fn standard_of(n: u32) -> Standard {
    match n {
        27001 => Standard::Iso27001,
        27002 => Standard::Iso27002,
        27014 => Standard::Iso27014,
        27017 => Standard::Iso27017,
        other => Standard::Other(other),
    }
}

/// `ISO/IEC 27001:2022`, `JIS Q 27002`, `ISO27017`, or a bare `27001` at `i`.
fn lex_std(c: &Chars, i: usize) -> Option<(StdRef, usize)> {
    if !c.word_start(i) {
        return None;
    }
    let named = [
        "ISO/IEC", "ISO/ IEC", "ISO /IEC", "ISO", "JIS Q", "JISQ", "JIS", "IEC",
    ]
    .iter()
    .find_map(|w| c.word(i, w));
    let at = match named {
        Some(j) => c.skip_spaces(j),
        None => i,
    };
    let (number, mut j) = c.digits(at, 5)?;
    let known = matches!(number, 27001 | 27002 | 27014 | 27017);
    // a bare number names a standard only when it is one the tool knows (27001 …)
    if named.is_none() && !known {
        return None;
    }
    if named.is_none() && (j - at != 5 || c.is(j, |ch| ch.is_ascii_alphanumeric() || ch == '.')) {
        return None;
    }
    if named.is_some() && j - at < 4 {
        return None;
    }
    // a part number (`ISO/IEC 27001-1`) is not read, but does not end the name
    if c.is(j, |ch| ch == '-') && c.is(j + 1, |ch| ch.is_ascii_digit()) {
        j = c.digits(j + 1, 2).map_or(j, |(_, k)| k);
    }
    let mut year = None;
    let colon = c.skip_spaces(j);
    if c.is(colon, |ch| ch == ':') {
        if let Some((y, k)) = c.digits(c.skip_spaces(colon + 1), 4) {
            if k - c.skip_spaces(colon + 1) == 4 {
                year = Some(y);
                j = k;
            }
        }
    }
    Some((
        StdRef {
            standard: standard_of(number),
            year,
        },
        j,
    ))
}

/// A mark before a number at `i` (`A.`, `附属書A`, `Annex A`, `CLD.`): the mark and the
/// index of the digit after it.
fn lex_marker(c: &Chars, i: usize) -> Option<(Marker, usize)> {
    let after = |j: usize| -> Option<usize> {
        // `.`, `-` or spaces between the mark and the number
        let k = if c.is(j, |ch| ch == '.' || ch == '-') {
            j + 1
        } else {
            j
        };
        let k = c.skip_spaces(k);
        c.is(k, |ch| ch.is_ascii_digit()).then_some(k)
    };
    // `附属書A A.12.4.1`, `Annex A A.9.2.1`: the annex named, then the id with its own mark
    let after_annex = |j: usize| -> Option<usize> {
        after(j).or_else(|| {
            let a = c.skip_spaces(j);
            let again = c.is(a, |ch| ch.eq_ignore_ascii_case(&'A'))
                && !c.is(a + 1, |ch| ch.is_ascii_alphabetic());
            if again {
                after(a + 1)
            } else {
                None
            }
        })
    };
    // `付属書` is the common spelling of `附属書`
    if matches!(c.orig(i), Some('附' | '付')) {
        let ok = c.orig(i + 1) == Some('属') && c.orig(i + 2) == Some('書');
        let a = c.skip_spaces(i + 3);
        if ok
            && c.is(a, |ch| ch.eq_ignore_ascii_case(&'A'))
            && !c.is(a + 1, |ch| ch.is_ascii_alphabetic())
        {
            return after_annex(a + 1).map(|d| (Marker::Annex, d));
        }
        return None;
    }
    if !c.word_start(i) {
        return None;
    }
    if let Some(j) = c.word(i, "ANNEX") {
        let a = c.skip_spaces(j);
        if c.is(a, |ch| ch.eq_ignore_ascii_case(&'A'))
            && !c.is(a + 1, |ch| ch.is_ascii_alphabetic())
        {
            return after_annex(a + 1).map(|d| (Marker::Annex, d));
        }
    }
    if let Some(j) = c.word(i, "CLD") {
        return after(j).map(|d| (Marker::Cld, d));
    }
    if c.is(i, |ch| ch.eq_ignore_ascii_case(&'A')) && !c.is(i + 1, |ch| ch.is_ascii_alphabetic()) {
        return after(i + 1).map(|d| (Marker::Annex, d));
    }
    None
}

/// A NIST SP 800-53 id at `i` (`AC-2`, `AC-2 (1)`): its folded text without spaces, the
/// index after it.
fn lex_nist(c: &Chars, i: usize) -> Option<(String, usize)> {
    let starts = c.word_start(i)
        && c.is(i, |ch| ch.is_ascii_alphabetic())
        && c.is(i + 1, |ch| ch.is_ascii_alphabetic())
        && c.is(i + 2, |ch| ch == '-');
    if !starts {
        return None;
    }
    let (_, mut j) = c.digits(i + 3, 3)?;
    if c.is(j, |ch| ch.is_ascii_alphanumeric()) {
        return None;
    }
    let open = c.skip_spaces(j);
    if c.is(open, |ch| ch == '(') {
        if let Some((_, k)) = c.digits(open + 1, 3) {
            if c.is(k, |ch| ch == ')') {
                j = k + 1;
            }
        }
    }
    let text: String = (i..j)
        .filter_map(|k| c.f(k))
        .filter(|ch| !ch.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    Some((text, j))
}

/// A NIST CSF subcategory at `i`: two letters, a dot, two letters, `-`, a number (`PR.AC-1`,
/// `GV.OC-01`); its folded text and the index after it.
fn lex_csf(c: &Chars, i: usize) -> Option<(String, usize)> {
    let letter = |k: usize| c.is(k, |ch| ch.is_ascii_alphabetic());
    let starts = c.word_start(i)
        && letter(i)
        && letter(i + 1)
        && c.is(i + 2, |ch| ch == '.')
        && letter(i + 3)
        && letter(i + 4)
        && c.is(i + 5, |ch| ch == '-');
    if !starts {
        return None;
    }
    let (_, j) = c.digits(i + 6, 3)?;
    if c.is(j, |ch| ch.is_ascii_alphanumeric()) {
        return None;
    }
    Some((folded(c, i, j).to_ascii_uppercase(), j))
}

/// The number of an id at `i` (a digit): digits and dots, then a suffix (`.P`, `P`,
/// `-PB`, ` P`) and the detail number a cloud objective's suffix may precede (`.P.1`).
/// Returns the index after it; a trailing dot is left out.
fn id_end(c: &Chars, i: usize) -> usize {
    let mut j = i;
    while c.is(j, |ch| ch.is_ascii_digit() || ch == '.') {
        j += 1;
    }
    let numbers_end = if c.is(j - 1, |ch| ch == '.') {
        j - 1
    } else {
        j
    };
    // the suffix, after an optional separator
    let sep = if c.is(numbers_end, |ch| matches!(ch, '.' | '-' | '_' | ' ')) {
        numbers_end + 1
    } else {
        numbers_end
    };
    let letters = |k: usize| -> Option<usize> {
        let up = |k: usize| c.f(k).map(|ch| ch.to_ascii_uppercase());
        let n = match (up(k), up(k + 1)) {
            (Some('P'), Some('B')) => 2,
            (Some('P' | 'B'), _) => 1,
            _ => return None,
        };
        (!c.is(k + n, |ch| ch.is_ascii_alphanumeric())).then_some(k + n)
    };
    let Some(mut end) = letters(sep) else {
        return numbers_end;
    };
    // a space before the suffix only when nothing follows it but the end or a break
    if c.is(numbers_end, |ch| ch == ' ')
        && !(c.f(end).is_none()
            || c.is(end, |ch| {
                ch.is_whitespace() || is_hard_sep(ch) || "()（）[]「」".contains(ch)
            }))
    {
        return numbers_end;
    }
    // `8.1.5.P.1`: the detail number after the objective's suffix
    if c.is(end, |ch| ch == '.') && c.is(end + 1, |ch| ch.is_ascii_digit()) {
        let mut k = end + 1;
        while c.is(k, |ch| ch.is_ascii_digit()) {
            k += 1;
        }
        end = k;
    }
    end
}

fn folded(c: &Chars, from: usize, to: usize) -> String {
    (from..to).filter_map(|k| c.f(k)).collect()
}

/// An id (with its mark) starting at `i`: the mark, the index of its first digit, the id.
fn lex_id_at(c: &Chars, i: usize) -> Option<(IdText, usize)> {
    let (marker, digit) = match lex_marker(c, i) {
        Some(m) => m,
        None => {
            let starts = c.is(i, |ch| ch.is_ascii_digit())
                && c.word_start(i)
                // `Rev.5`, `No.3`, `X9.9`: a number after a word (or a word ending in a
                // digit) and a dot belongs to the word, never an id of its own
                && !(i >= 2 && c.is(i - 1, |ch| ch == '.') && c.is(i - 2, |ch| ch.is_ascii_alphanumeric()));
            if !starts {
                return None;
            }
            (Marker::None, i)
        }
    };
    let end = id_end(c, digit);
    let text: String = folded(c, digit, end)
        .chars()
        .filter(|ch| !ch.is_whitespace())
        .collect();
    Some((IdText { text, marker }, end))
}

/// A year (`2022`, `(2024)`, `2024年`): four digits, 1900–2099, no dot.
fn is_year(id: &IdText) -> bool {
    id.marker == Marker::None
        && id.text.len() == 4
        && id.text.chars().all(|c| c.is_ascii_digit())
        && (id.text.starts_with("19") || id.text.starts_with("20"))
}

/// The end of a date with slashes at `i` (`2024/01/15`, `1/15`), if one is there.
fn date_end(c: &Chars, i: usize) -> Option<usize> {
    let (_, mut j) = c.digits(i, 4)?;
    let mut slashes = 0;
    while c.is(j, |ch| ch == '/') {
        let (_, k) = c.digits(j + 1, 4)?;
        j = k;
        slashes += 1;
    }
    (slashes > 0 && !c.is(j, |ch| ch.is_ascii_alphanumeric() || ch == '.')).then_some(j)
}

/// A numbered list marker at `i` (`1)`, `1）`, `(1)`, `（1）`, `①`, `1.` with a space after
/// it) at the start of a part of the cell (nothing but spaces since its start or the last
/// separator), with an id after it: the index after the marker and its number. In a list
/// under way (the marker before, `last`, numbered one less) it may follow an id after a
/// space, on the same line (`1) 9.2.3 2) 9.2.4`).
fn list_marker_end(c: &Chars, i: usize, out: &[Lex], last: Option<u32>) -> Option<(usize, u32)> {
    let before = out.iter().rev().find(|l| l.kind != Kind::Space);
    let part_start = before.is_none_or(|l| matches!(l.kind, Kind::Sep { .. }));
    let after_id = before.is_some_and(|l| matches!(l.kind, Kind::Id(_) | Kind::Range(..)))
        && i > 0
        && c.is(i - 1, |ch| ch == ' ' || ch == '\t');
    if !(part_start || after_id && last.is_some()) {
        return None;
    }
    // the first part of a cell starts a list at 1 (`9. 9.2.1` is no list)
    let first = !out.iter().any(|l| matches!(l.kind, Kind::Sep { .. }));
    let (number, end) = if let Some(ch) = c
        .orig(i)
        .filter(|ch| ('\u{2460}'..='\u{2473}').contains(ch))
    {
        (ch as u32 - 0x245F, i + 1)
    } else if c.is(i, |ch| ch == '(') {
        let (n, j) = c.digits(i + 1, 2)?;
        (n, c.is(j, |ch| ch == ')').then_some(j + 1)?)
    } else {
        let (n, j) = c.digits(i, 2)?;
        let closes = c.is(j, |ch| ch == ')');
        let dot = c.is(j, |ch| ch == '.') && c.is(j + 1, |ch| ch == ' ' || ch == '\t');
        if !(closes || dot) {
            return None;
        }
        (n, j + 1)
    };
    if first && number != 1 && part_start {
        return None;
    }
    if !part_start && last.map(|n| n + 1) != Some(number) {
        return None;
    }
    lex_id_at(c, c.skip_spaces(end)).map(|_| (end, number))
}

/// Kana and kanji that start no lexeme but a word: not `附`/`付` (`附属書A`), not the middle
/// dot (a separator), nothing that folds.
fn is_plain_word_char(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}')
        && !matches!(c, '附' | '付')
}

/// The lexemes of `s`, in order.
pub fn lex(s: &str) -> Vec<Lex> {
    lex_with(s, true)
}

/// [`lex`]; `runs`: a run of [`is_plain_word_char`]s read as words at once (else character
/// by character, as before: the tests hold the two to the same lexemes).
fn lex_with(s: &str, runs: bool) -> Vec<Lex> {
    let c = Chars::new(s);
    let mut out: Vec<Lex> = Vec::new();
    let push = |out: &mut Vec<Lex>, kind: Kind, from: usize, to: usize| {
        let (start, end) = (c.byte(from), c.byte(to));
        // consecutive words and spaces merge
        if let Some(last) = out.last_mut() {
            if last.kind == kind && matches!(kind, Kind::Word | Kind::Space) && last.end == start {
                last.end = end;
                return;
            }
        }
        out.push(Lex { kind, start, end });
    };
    let n = c.at.len();
    let mut i = 0;
    // the number of the last list marker read (`1)` before `2)`)
    let mut list_number: Option<u32> = None;
    while i < n {
        let ch = c.f(i).unwrap_or(' ');
        let orig = c.orig(i).unwrap_or(' ');
        // a run of kana and kanji (most of a Japanese text) is words: nothing below starts
        // at one of them
        if runs && is_plain_word_char(orig) {
            let mut j = i + 1;
            while c.orig(j).is_some_and(is_plain_word_char) {
                j += 1;
            }
            push(&mut out, Kind::Word, i, j);
            i = j;
            continue;
        }
        // `N/A`, `#N/A` (Excel's "no value"), `and/or`: one word as written, not `N` and `A`
        if let Some(j) = c
            .word(i, "#N/A")
            .or_else(|| c.word(i, "N/A"))
            .or_else(|| c.word(i, "AND/OR"))
            .filter(|&j| c.word_start(i) && !c.is(j, |ch| ch.is_ascii_alphanumeric()))
        {
            push(&mut out, Kind::Word, i, j);
            i = j;
            continue;
        }
        if is_hard_sep(ch) || (ch == '/' && !is_middle_dot(orig)) {
            let newline = matches!(ch, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}');
            push(&mut out, Kind::Sep { newline }, i, i + 1);
            i += 1;
            continue;
        }
        if ch.is_whitespace() {
            push(&mut out, Kind::Space, i, i + 1);
            i += 1;
            continue;
        }
        if let Some((std, j)) = lex_std(&c, i) {
            push(&mut out, Kind::Std(std), i, j);
            i = j;
            continue;
        }
        if let Some((csf, j)) = lex_csf(&c, i) {
            push(&mut out, Kind::Csf(csf), i, j);
            i = j;
            continue;
        }
        if let Some((nist, j)) = lex_nist(&c, i) {
            push(&mut out, Kind::Nist(nist), i, j);
            i = j;
            continue;
        }
        // `SP 800-53`, `800-171`: the name of a NIST publication, not a range
        if c.word_start(i) && c.word(i, "800-").is_some() && c.is(i + 4, |d| d.is_ascii_digit()) {
            let mut j = i + 4;
            while c.is(j, |d| d.is_ascii_digit()) {
                j += 1;
            }
            push(&mut out, Kind::Word, i, j);
            i = j;
            continue;
        }
        // a date written with slashes (`2024/01/15`, `1/15`) is no list of numbers
        if c.word_start(i) && c.is(i, |d| d.is_ascii_digit()) {
            if let Some(end) = date_end(&c, i) {
                push(&mut out, Kind::Malformed, i, end);
                i = end;
                continue;
            }
        }
        // `1) 9.2.4`, `(1)`, `①`, `1. 9.2.4` at the start of a part: a list marker, as
        // `・` and `- ` are
        if let Some((end, number)) = list_marker_end(&c, i, &out, list_number) {
            list_number = Some(number);
            push(&mut out, Kind::Space, i, end);
            i = end;
            continue;
        }
        // `～9.2.6` with no id before the mark: the range's first end is cut off
        if c.is(i, is_tilde) {
            if let Some((_, end)) = lex_id_at(&c, c.skip_spaces(i + 1)) {
                push(&mut out, Kind::OpenRange, i, end);
                i = end;
                continue;
            }
        }
        if let Some((id, end)) = lex_id_at(&c, i) {
            let (mut kind, mut end) = after_id(&c, id, end);
            // a range mark left after a range's end (`9.2.1～` ⏎ `9.2.3～` ⏎ `9.2.5`,
            // `9.2.1 -` ⏎ `9.2.3 -`, `9.2.1～9.2.3 - 9.2.5`): a chain, or a range whose
            // other end is cut off — never dropped, never read as one range
            if matches!(kind, Kind::Range(..)) {
                if let Some(op_end) = dangling_mark(&c, end) {
                    (kind, end) = (Kind::OpenRange, op_end);
                }
            }
            push(&mut out, kind, i, end);
            i = end;
            continue;
        }
        push(&mut out, Kind::Word, i, i + 1);
        i += 1;
    }
    out
}

/// A range mark right after a range's end at `end` (spaces between), with nothing after it
/// on its line but a separator, another mark or an id: the index after the mark. A mark
/// followed by words (`9.2.1～9.2.3 - アクセス管理`) is a dash before a title.
fn dangling_mark(c: &Chars, end: usize) -> Option<usize> {
    let op = c.skip_spaces(end);
    let op_end = range_op_at(c, op)?;
    let next = c.skip_spaces(op_end);
    // `～9.2.5`: the lexer reads it as a range cut off at its start
    if c.is(op, is_tilde) && lex_id_at(c, next).is_some() {
        return None;
    }
    let dangling = c.f(next).is_none()
        || is_newline(c, next)
        || c.is(next, |ch| is_hard_sep(ch) || ch == '/' || is_range_op(ch))
        || range_op_at(c, next).is_some()
        || lex_id_at(c, next).is_some();
    dangling.then_some(op_end)
}

/// What an id lexed up to `end` turns out to be, with what follows it: a range, a
/// malformed run (letters or digits stuck to it, `・` with an incomplete number), a year,
/// or the id.
fn after_id(c: &Chars, id: IdText, end: usize) -> (Kind, usize) {
    // letters or digits stuck to it: one malformed run
    if c.is(end, |ch| ch.is_ascii_alphanumeric()) {
        let mut j = end;
        while c.is(j, |ch| {
            ch.is_ascii_alphanumeric() || matches!(ch, '.' | '-' | '_')
        }) {
            j += 1;
        }
        return (Kind::Malformed, j);
    }
    let Some(depth) = id.parse().map(|i| i.depth()) else {
        if is_year(&id) {
            return (Kind::Word, end);
        }
        return (Kind::Malformed, end);
    };
    // `9.2.1 → 9.2.6`: an arrow to another id
    if let Some(arrow_end) = arrow_at(c, c.skip_spaces(end)) {
        if let Some((_, after)) = lex_id_at(c, c.skip_spaces(arrow_end)) {
            return (Kind::Arrow, after);
        }
    }
    // a range: `~`, `〜`, `-`, `から` and the other end, on the same line or across one
    // line break (`9.2.1～` ⏎ `9.2.6`, `9.2.1` ⏎ `～9.2.6`: a cell broken with Alt+Enter)
    let mut op = c.skip_spaces(end);
    if is_newline(c, op) {
        let next = skip_line_break(c, op);
        if c.is(next, is_tilde) {
            op = next;
        }
    }
    if let Some(op_end) = range_op_at(c, op) {
        let mut second = c.skip_spaces(op_end);
        let line_ends = c.f(second).is_none() || is_newline(c, second);
        if is_newline(c, second) {
            second = skip_line_break(c, second);
        }
        // nothing after the mark on its line, or only a separator or another mark: the
        // range's other end is cut off (`9.2.1～`, `9.2.1 ～、9.2.6`, `9.2.1～～9.2.6`)
        let cut = line_ends
            || c.is(second, |ch| is_hard_sep(ch) || ch == '/' || is_range_op(ch))
            || range_op_at(c, second).is_some();
        if cut && lex_id_at(c, second).is_none() {
            return (Kind::OpenRange, op_end);
        }
        if let Some((to, after)) = lex_id_at(c, second) {
            let stuck = c.is(after, |ch| ch.is_ascii_alphanumeric());
            // `9.2.1-3`: the second end one number (the first has more), with no mark of
            // its own; `9.2.1～9.3` is a range whose ends differ in level
            if !stuck
                && to.marker == Marker::None
                && to
                    .parse()
                    .is_some_and(|t| t.suffix.is_none() && t.depth() == 1 && depth > 1)
            {
                return (Kind::Shorthand, after);
            }
            // `12-4-1`: a third number after the range is no range
            let more = c.is(after, is_range_op) && c.is(after + 1, |ch| ch.is_ascii_digit());
            if to.parse().is_some() && !stuck && !more {
                // `9.2.1から9.2.3まで`
                let after = if c.orig(after) == Some('ま') && c.orig(after + 1) == Some('で') {
                    after + 2
                } else {
                    after
                };
                return (Kind::Range(id, to), after);
            }
            // `9.2.1-9.x`: the whole is one malformed run
            let mut j = after;
            while c.is(j, |ch| ch.is_ascii_alphanumeric() || ch == '.') {
                j += 1;
            }
            return (Kind::Malformed, j);
        }
    }
    // `・` between two ids separates them only when both are complete (two numbers or
    // more) and marked alike (`A.5.16・A.5.18`, `9.2.1・9.2.2`); `9.1・2` is one malformed
    // run, never 9.1.2 nor 9.1 and 2, and so is `9.2.1・A.5.16`; an `A.` id and an unmarked
    // one of three numbers each are the same (2013) numbering (review 16 C-1: `A.9.2.1・9.2.3`)
    let same_numbering = |other: &IdText| {
        other.marker == id.marker
            || (matches!(
                (id.marker, other.marker),
                (Marker::Annex, Marker::None) | (Marker::None, Marker::Annex)
            ) && depth == 3
                && other.depth() == 3)
    };
    let mut j = end;
    let mut bad = false;
    loop {
        let dot = c.skip_spaces(j);
        if !c.orig(dot).is_some_and(is_middle_dot) {
            break;
        }
        let next = c.skip_spaces(dot + 1);
        let Some((other, after)) = lex_id_at(c, next) else {
            break;
        };
        if depth < 2 || other.depth() < 2 || !same_numbering(&other) {
            bad = true;
            j = after;
            continue;
        }
        break;
    }
    if bad {
        return (Kind::Malformed, j);
    }
    (Kind::Id(id), end)
}

/// Brackets that open and close.
const OPENING: &str = "(（[［「『【〔<＜";
const CLOSING: &str = ")）]］」』】〕>＞";

/// A character that says nothing beside an id: a space, a bracket or quote, a dash, a colon,
/// a dot, a separator.
fn is_filler(c: char) -> bool {
    let f = fold_char(c);
    f.is_whitespace()
        || OPENING.contains(c)
        || CLOSING.contains(c)
        || matches!(
            f,
            '"' | '\''
                | '“'
                | '”'
                | '‘'
                | '’'
                | ':'
                | '-'
                | '_'
                | '.'
                | ','
                | ';'
                | '/'
                | '。'
                | '、'
                | '~'
                | '〜'
                | '\u{30FB}'
                | '\u{FF65}'
        )
}

/// Words the tool reads beside an ISMAP id and which say nothing about what it names: the
/// scheme's own names for its ids, a whole clause or category, `及び`, `又は`, `と` between
/// ids (after folding, lower case). Taken out of a word wherever they are in it.
const ISMAP_WORDS: [&str; 16] = [
    "ismap",
    // `箇条10.2`: a clause, as `clause 10.2` (JIS standards cite their clauses so)
    "箇条",
    "詳細管理策",
    "管理策基準",
    "ガバナンス基準",
    "マネジメント基準",
    "管理策",
    "統制目標",
    "管理基準",
    "基準",
    "番号",
    "全般",
    "全体",
    "全て",
    "すべて",
    "の",
];

/// English words read beside an id, as whole words.
const ENGLISH_WORDS: [&str; 7] = [
    "control",
    "controls",
    "clause",
    "objective",
    "id",
    "and",
    "or",
];

/// The words naming NIST SP 800-53 (`NIST SP 800-53 Rev.5`), read before a NIST id only, as
/// whole words (a dash or dot inside them cuts them).
const NIST_WORDS: [&str; 12] = [
    "nist", "sp", "800", "53", "sp800", "80053", "sp80053", "rev", "rev5", "rev4", "r5", "5",
];

/// What is left of `words` written beside an id once the words the tool reads there are
/// taken out (spaces, brackets, dashes, [`ISMAP_WORDS`], [`ENGLISH_WORDS`], and before a
/// NIST id `nist_id`, [`NIST_WORDS`]), folded and in lower case: empty when they say
/// nothing about the id; otherwise a standard the tool does not know (`PCI DSS`), a
/// qualifier (`等`, `以外`, `etc.`), a mark (`?`, `※`) or the id's title, for the resolver to
/// judge.
pub fn residue(words: &str, nist_id: bool) -> String {
    let folded = crate::text::fold_width(words).to_lowercase();
    let mut out = String::new();
    // "and more" (`9.2.1 ...`, `9.2.1 +`) qualifies the id
    if and_more(&folded) {
        out.push('…');
    }
    for token in folded.split(is_filler).filter(|t| !t.is_empty()) {
        if token.is_ascii()
            && (ENGLISH_WORDS.contains(&token) || nist_id && NIST_WORDS.contains(&token))
        {
            continue;
        }
        // `第9.2.4項`: "item 9.2.4"
        if matches!(token, "第" | "項") {
            continue;
        }
        let mut t = token.to_owned();
        for w in ISMAP_WORDS
            .iter()
            .chain(&CONNECTIVES[..JAPANESE_CONNECTIVES])
        {
            if t.contains(w) {
                t = t.replace(w, "");
            }
        }
        out.push_str(&t);
    }
    out
}

/// A year written after an id to say its edition (`(2022)`, `（2022年版）`, `2022 edition`),
/// from the residue of the words after it.
pub fn year_tag(residue: &str) -> Option<u32> {
    let digits = ["年版", "年", "版", "edition", "version", "ed"]
        .iter()
        .find_map(|s| residue.strip_suffix(s))
        .unwrap_or(residue);
    let year: u32 = (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()?;
    (1900..2100).contains(&year).then_some(year)
}

/// Words that are never a title's: a hedge, a qualifier, a plan or a mark of the mapping
/// (`相当`, `一部`, `のみ`, `予定`, `案`, `暫定`, `自己評価`, `なし`, `etc.`): beside a 2022 id
/// they qualify it, they do not name it. (Not `計画`: `A.5.24` is
/// `情報セキュリティインシデント管理の計画策定及び準備`; not `他`: `その他`.)
const NOT_TITLE: [&str; 38] = [
    "近似",
    "相当",
    "参考",
    "参照",
    "一部",
    "部分",
    "以外",
    "のみ",
    "対象外",
    "除く",
    "除き",
    "含む",
    "含め",
    "等",
    "など",
    "予定",
    "案",
    "暫定",
    "自己評価",
    "なし",
    "無し",
    "未",
    "検討",
    "要確認",
    "別紙",
    "限る",
    "限定",
    "etc",
    "partial",
    "partly",
    "only",
    "except",
    "excluding",
    "approx",
    "similar",
    "equivalent",
    "see",
    "draft",
];

/// Whether `words` after an ISO/IEC 27002:2022 id may be its Japanese title, which the tool
/// does not hold and so cannot verify (`A.8.16 監視活動`, `A.5.7 脅威インテリジェンス`; review
/// 17 C-3): Japanese letters (a word of English among them), spaces, `・`, `ー` and commas
/// only — no digit, bracket or mark — and no word of [`NOT_TITLE`]. The id is read as
/// written; the words credit nothing (a 2022 control reads through the correspondence at
/// most).
pub fn is_unverified_title(words: &str) -> bool {
    let folded = crate::text::fold_width(words).to_lowercase();
    let t = folded.trim();
    let japanese = |c: char| c.is_alphabetic() && !c.is_ascii();
    t.chars().any(japanese)
        && t.chars().all(|c| {
            c.is_alphabetic() || c.is_whitespace() || matches!(c, 'ー' | '・' | ',' | '、')
        })
        && !NOT_TITLE.iter().any(|w| {
            if w.is_ascii() {
                t.split(|c: char| !c.is_ascii_alphabetic()).any(|x| x == *w)
            } else {
                t.contains(w)
            }
        })
}

/// The words as a title may be compared: without the brackets, quotes and colons around or
/// in them, trimmed.
pub fn title_words(words: &str) -> String {
    words
        .chars()
        .filter(|c| !(OPENING.contains(*c) || CLOSING.contains(*c)))
        .filter(|c| !matches!(fold_char(*c), '"' | '\'' | '“' | '”' | '‘' | '’' | ':'))
        .collect::<String>()
        .trim_matches(|c: char| c.is_whitespace() || matches!(fold_char(c), '-' | ','))
        .to_owned()
}

/// Whether `words` beside an id are the buyer's short gloss of its title `title`
/// (`特権ID`, `特権ID管理`, `特権` beside 9.2.3 特権的アクセス権の管理; review 11 C-10): each
/// run of one script in them (kanji, katakana, hiragana, Latin letters; `ID`, `管理`, `の` aside)
/// is a part of the title of two characters or more, and one at least is there. Never a word
/// the title does not hold, so no marker (`近似`, `相当`, `参考`, `一部`, `以外`, `のみ`,
/// `対象外`) and no mark (`?`, `※`) is ever a gloss.
pub fn is_gloss_of(title: &str, words: &str) -> bool {
    #[derive(PartialEq, Clone, Copy)]
    enum Script {
        Kanji,
        Katakana,
        Hiragana,
        Latin,
    }
    let script = |c: char| match c {
        '々' | '\u{4E00}'..='\u{9FFF}' => Some(Script::Kanji),
        'ー' | '\u{30A0}'..='\u{30FF}' => Some(Script::Katakana),
        '\u{3040}'..='\u{309F}' => Some(Script::Hiragana),
        c if c.is_ascii_alphabetic() => Some(Script::Latin),
        _ => None,
    };
    let title = crate::text::fold_width(title).to_lowercase();
    let words = crate::text::fold_width(words).to_lowercase();
    let mut runs: Vec<String> = Vec::new();
    let mut last = None;
    for c in words.chars() {
        let s = script(c);
        match s {
            None if c.is_whitespace()
                || matches!(c, '・' | '、' | ',' | '(' | ')' | ':' | '/' | '-') => {}
            // a digit or a mark is never the buyer's gloss
            None => return false,
            Some(_) if s == last => {
                if let Some(r) = runs.last_mut() {
                    r.push(c);
                }
            }
            Some(_) => runs.push(c.to_string()),
        }
        last = s;
    }
    let mut found = false;
    for run in runs {
        if ["id", "管理", "の"].contains(&run.as_str()) {
            continue;
        }
        // `特権id管理` is one Latin run between two kanji runs; a kanji run may end in 管理
        let run = run
            .strip_suffix("管理")
            .filter(|r| !r.is_empty())
            .unwrap_or(&run);
        if run.chars().count() < 2 || !title.contains(run) {
            return false;
        }
        found = true;
    }
    found
}

/// Is `text` only punctuation and spaces?
fn is_punctuation(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || !c.is_alphanumeric())
}

/// Is `text` only spaces, dashes (the long-vowel mark `ー` too, the dash most IMEs type), `×`
/// or empty brackets: a cell (or part) saying "none"? Any other mark (`?`, `…`, `〃`, `**`)
/// says the reference is unknown or elsewhere, and is kept as a reference that does not
/// resolve.
fn says_none(text: &str) -> bool {
    text.chars().all(is_dash)
}

fn is_dash(c: char) -> bool {
    c.is_whitespace()
        || OPENING.contains(c)
        || CLOSING.contains(c)
        || matches!(
            fold_char(c),
            '-' | '\u{2015}'
                | '\u{2500}'
                | '\u{2501}'
                | '×'
                | '\u{2715}'
                | '\u{2716}'
                | '\u{30FC}'
                | '\u{FF70}'
        )
}

/// Does a whole references cell say "no reference" in words (`なし`, `該当なし`, `ISMAP対象外`,
/// `N/A`, `None`, `No mapping`), alone, in brackets (`（ISMAP範囲外）`) or with a note in
/// brackets after it (`なし（契約で確認）`, `－（対象外）`)? Words saying where to look
/// (`別途確認`, `契約で確認`) do not; nor do these words beside an id (`9.2.1、なし`), which
/// stay a reference that does not resolve (review 11 C-4).
fn cell_says_none(cell: &str) -> bool {
    let t = cell.trim();
    // words, then maybe a note in brackets (`なし（契約で確認）`, `－（対象外）`)
    let (words, note) = match t.find(|c| OPENING.contains(c)) {
        Some(i) if i > 0 && t.ends_with(|c| CLOSING.contains(c)) => (&t[..i], &t[i..]),
        _ => (t, ""),
    };
    is_none_word(words) && note_is_settled(note)
}

/// Do `words` say "none": dashes only, or one of the words (`なし`, `該当なし`, `対象外`,
/// `ISMAP対象外`, `N/A`, `None`…), in brackets or not?
fn is_none_word(words: &str) -> bool {
    /// The words, by their [`header_key`](crate::text::header_key).
    const NONE: &[&str] = &[
        "なし",
        "無し",
        "該当なし",
        "該当無し",
        "対象外",
        "範囲外",
        "ismap対象外",
        "ismap外",
        "ismap範囲外",
        "該当管理策なし",
        "対応なし",
        "対応無し",
        "n/a",
        "na",
        "none",
        "nomapping",
        "notapplicable",
    ];
    let key = crate::text::header_key(words);
    words.chars().all(is_dash)
        || NONE.contains(&key.trim_matches(|c| OPENING.contains(c) || CLOSING.contains(c)))
}

/// Does a reference open with words saying "none" and go on in brackets (`対象外（9.2.3で
/// 確認）`, `なし（9.2.3参照）`, `該当なし（A.9.2.3）`, `N/A (see 9.2.3)`)? Such a reference with an
/// id inside is neither a none nor that id: the resolver says so (review 24 E), rather
/// than that another framework is named before the id.
pub fn none_around_id(reference: &str) -> bool {
    let t = reference.trim();
    match t.find(|c| OPENING.contains(c)) {
        Some(i) if i > 0 => is_none_word(&t[..i]),
        _ => false,
    }
}

/// Does the note in brackets after a none say why or where the item is settled, so that the
/// none is one (review 18 B-1, inverting review 17 D-4's list of pending words)? Settled: a
/// reason (`物理なし`, `対象外`, `提案範囲外`, `当社判断`, `利用者責任`, `IaaS側で実施`) or a place
/// the item is checked or met instead (`契約で確認`, `別途確認`, `CSPに確認`, `SLA`, `社内規程で
/// 対応`) — nothing else. Any other word (`不明`, `要相談`, `当面`, `今回`, `一部`, `他サービスで
/// 対応`, `自己評価`, `2027年度に見直し`, `interim`, `for now`, `要確認`, `予定`) leaves the none
/// unsettled: a reference not read (not analysed), as `ISMAP対象外?` and `要確認` are. No note
/// is settled.
fn note_is_settled(note: &str) -> bool {
    /// The reasons and places, by their [`header_key`](crate::text::header_key), longest
    /// first where one holds another.
    const SETTLED: &[&str] = &[
        // why ISMAP holds no control for it
        "物理セキュリティ",
        "物理的対策",
        "物理なし",
        "物理的",
        "物理",
        "仮想環境なし",
        "該当管理策なし",
        "管理策なし",
        "該当なし",
        "非該当",
        "ismap対象外",
        "ismap範囲外",
        "提案範囲外",
        "調達範囲外",
        "契約範囲外",
        "適用範囲外",
        "対象範囲外",
        "範囲外",
        "対象外",
        "要件外",
        "当社独自要件",
        "独自要件",
        "当社独自",
        "法令要件",
        "法令",
        "当社判断",
        "自社判断",
        "利用者責任",
        "利用者側の責任",
        "利用者の責任",
        "責任分界",
        "iaas側で実施",
        "iaas側",
        "outofscope",
        "notinscope",
        "physical",
        "customerresponsibility",
        // review 20 C-4: confirmed in or with a place (before `contract`, `in`)
        "confirmedwith",
        "confirmed",
        "confirmin",
        "confirmwith",
        "checkedin",
        "checkedwith",
        "checked",
        "termsofservice",
        "terms",
        "via",
        "with",
        "per",
        // where it is checked or met instead
        "契約書",
        "契約",
        "利用規約",
        "約款",
        "sla",
        "仕様書",
        "提案書",
        "社内規程",
        "規程",
        "手順書",
        "運用",
        "別途",
        "個別",
        "csp",
        "事業者",
        "当社",
        "自社",
        "利用者側",
        "利用者",
        "contract",
        "bycontract",
        // how: checked, met, handled (review 20 C-4: `確認済`, `confirmed in contract`; a bare
        // `confirm` naming no place stays unsettled: `None (to confirm)`)
        "確認済み",
        "確認済",
        "確認",
        "対応",
        "実施",
        "管理",
        // particles (`のこと` before `の`: review 20 C-4)
        "のこと",
        "にて",
        "で",
        "に",
        "の",
        "は",
        "を",
        "が",
        "による",
        "により",
        "in",
        "by",
        // review 20 C-4: `CSPへ確認` as `CSPに確認`; `確認する`, `確認のこと` as `確認`
        "へ",
        "する",
    ];
    let inner = note
        .trim()
        .trim_start_matches(|c| OPENING.contains(c))
        .trim_end_matches(|c| CLOSING.contains(c));
    let mut rest = crate::text::header_key(inner).into_owned();
    // a pending word holds a settled one (`確認中`, `要確認`, `確認予定`): what is left of it
    // stays (`中`, `要`, `予定`)
    for w in SETTLED {
        rest = rest.replace(w, " ");
    }
    // `（仮）`, `（案）`, `?` are words here too
    rest.chars()
        .all(|c| c == ' ' || c == '、' || c == '・' || c == ',' || c == '/' || c == '／')
}

/// Does `text` hold a word (not only fillers)?
fn has_words(text: &str) -> bool {
    !text.chars().all(is_filler)
}

/// The bracket depth after `text`, from `depth`.
fn depth_after(text: &str, mut depth: usize) -> usize {
    for c in text.chars() {
        if OPENING.contains(c) {
            depth += 1;
        } else if CLOSING.contains(c) {
            depth = depth.saturating_sub(1);
        }
    }
    depth
}

/// An id, range or other reference-like lexeme (a bare clause number aside).
fn is_dotted_atom(kind: &Kind) -> bool {
    match kind {
        Kind::Id(id) => id.text.contains('.') || id.marker != Marker::None,
        Kind::Range(..)
        | Kind::Nist(_)
        | Kind::Csf(_)
        | Kind::Malformed
        | Kind::Shorthand
        | Kind::Arrow
        | Kind::OpenRange => true,
        _ => false,
    }
}

/// A bare clause number (`12`): an id with no dot and no mark.
fn is_bare(kind: &Kind) -> bool {
    matches!(kind, Kind::Id(id) if !id.text.contains('.') && id.marker == Marker::None)
}

/// An id of two numbers or more (`9.2`, `A.9.2.1`) or a range.
fn is_two_numbers_or_more(kind: &Kind) -> bool {
    match kind {
        Kind::Id(id) => id.depth() >= 2,
        Kind::Range(..) => true,
        _ => false,
    }
}

/// A part of a cell that is one bare number with nothing but punctuation beside it (`4`,
/// `.4`, `(4)`): after an id, the end of a shortened one (`9.2.1、4`).
fn is_shortened_part(text: &str, lexes: &[Lex]) -> bool {
    let mut bare = 0;
    for l in lexes {
        match &l.kind {
            k if is_bare(k) => bare += 1,
            Kind::Space => {}
            Kind::Word if is_punctuation(&text[l.start..l.end]) => {}
            _ => return false,
        }
    }
    bare == 1
}

/// Whether the bare clause numbers of `lexes` (a part of a cell with no standard) are
/// references: one alone, with no other id and no words but the ones the tool reads
/// (`12`, `12全般`, `(12)`); inside words (`第9章`, `9.2.1（1）`) a number is a word.
fn bare_is_reference(text: &str, lexes: &[Lex]) -> bool {
    let mut bare = 0;
    let mut words = String::new();
    for l in lexes {
        match &l.kind {
            k if is_dotted_atom(k) => return false,
            k if is_bare(k) => bare += 1,
            Kind::Std(_) => return false,
            Kind::Word | Kind::Sep { .. } => words.push_str(&text[l.start..l.end]),
            _ => {}
        }
    }
    bare == 1 && residue(&words, false).is_empty()
}

/// Cuts a references cell into references, each the text as written (a part of `cell`,
/// trimmed): an id with the words written beside it (before it: a standard, a mark, ISMAP's
/// own words, a name the tool does not know; after it: its title, a year, `全般`, a
/// qualifier), a range, a NIST id, a malformed number, or a part with no id at all (so
/// that it is reported, not dropped). Nothing is cut out of a reference: the resolver
/// judges the words ([`read`]). A standard or a name the tool does not know, written before
/// several plain ids (`JIS Q 27001 7.5, 9.2`, `PCI DSS 8.2.1, 8.2.2`), governs them all, up
/// to a line break, another standard or name, or an id with its own mark, and they are one
/// reference. Separators inside brackets (`9.2.1（利用者登録、削除）`) do not cut.
pub fn split(cell: &str) -> Vec<&str> {
    match split_plain(cell) {
        Some(plain) => plain,
        None => split_lexed(cell),
    }
}

/// The reference being cut: its bytes, whether a standard or name before it governs the ids
/// that follow, and how many ids it holds.
struct Piece {
    start: usize,
    end: usize,
    governed: bool,
    atoms: usize,
}

/// [`split`] by the lexer, for any cell.
fn split_lexed(cell: &str) -> Vec<&str> {
    let lexes = lex(cell);
    // the parts between separators (outside brackets), each with whether a line starts it
    let mut segments: Vec<(usize, usize, bool)> = Vec::new();
    let (mut from, mut newline, mut depth) = (0, true, 0);
    for (k, l) in lexes.iter().enumerate() {
        match l.kind {
            Kind::Sep { newline: nl } if nl || depth == 0 => {
                segments.push((from, k, newline));
                from = k + 1;
                newline = nl;
                if nl {
                    depth = 0;
                }
            }
            Kind::Word => depth = depth_after(&cell[l.start..l.end], depth),
            _ => {}
        }
    }
    segments.push((from, lexes.len(), newline));
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<Piece> = None;
    let close = |open: &mut Option<Piece>, out: &mut Vec<(usize, usize)>| {
        if let Some(p) = open.take() {
            out.push((p.start, p.end));
        }
    };
    // an id of two numbers or more came before, in the cell
    let mut dotted_before = false;
    for (from, to, newline) in segments {
        if newline {
            close(&mut open, &mut out);
        }
        let ls = &lexes[from..to];
        let has_std = ls.iter().enumerate().any(|(j, l)| {
            matches!(l.kind, Kind::Std(_)) && !is_edition_tag(cell, &lexes, from + j)
        });
        // a standard or name from an earlier part of the line governs this one's plain ids
        let continuing = !has_std && open.as_ref().is_some_and(|p| p.governed);
        let dotted_here = ls.iter().any(|l| is_two_numbers_or_more(&l.kind));
        // `9.2.1、4`, `A.9.2.1` ⏎ `.4`: a bare number after an id is a shortened id, never a
        // clause of its own: it stays with the reference before it, to be refused there
        if dotted_before && !has_std && !continuing && is_shortened_part(cell, ls) {
            close(&mut open, &mut out);
            let end = ls.iter().rev().find(|l| is_bare(&l.kind)).map(|l| l.end);
            if let (Some(last), Some(end)) = (out.last_mut(), end) {
                last.1 = end;
            }
            continue;
        }
        dotted_before |= dotted_here;
        let bare_ids = has_std || continuing || bare_is_reference(cell, ls);
        // words before the first id or standard of the part: (start, end)
        let mut pending: Option<(usize, usize)> = None;
        // a piece was opened (or continued) in this part
        let mut in_part = false;
        let mut depth = 0;
        for (j, l) in ls.iter().enumerate() {
            let text = &cell[l.start..l.end];
            let atom = is_dotted_atom(&l.kind) || bare_ids && is_bare(&l.kind);
            match &l.kind {
                Kind::Space => {}
                // `A.9.2.4 (ISO/IEC 27001:2013)`: the edition of the id, its words
                Kind::Std(_) if in_part && is_edition_tag(cell, &lexes, from + j) => {
                    if let Some(p) = &mut open {
                        p.end = l.end;
                    }
                }
                Kind::Std(_) => {
                    close(&mut open, &mut out);
                    open = Some(Piece {
                        start: pending.map_or(l.start, |p| p.0),
                        end: l.end,
                        governed: true,
                        atoms: 0,
                    });
                    pending = None;
                    in_part = true;
                }
                _ if atom => {
                    let nist = matches!(l.kind, Kind::Nist(_));
                    let marked = matches!(
                        &l.kind,
                        Kind::Id(IdText { marker, .. }) | Kind::Range(IdText { marker, .. }, _)
                            if *marker != Marker::None
                    );
                    let joins = match &open {
                        // inside brackets an id belongs to the reference they follow
                        Some(_) if depth > 0 && in_part => true,
                        // a governed reference takes the ids after its standard or name,
                        // up to a NIST id, a second marked id, or a part naming something
                        Some(p) if p.governed && (in_part || continuing) => {
                            !(nist || marked && p.atoms > 0)
                                && pending.is_none_or(|w| !has_words(&cell[w.0..w.1]))
                        }
                        _ => false,
                    };
                    match (&mut open, joins) {
                        (Some(p), true) => {
                            p.end = l.end;
                            p.atoms += 1;
                        }
                        _ => {
                            // `9.2.1 or 9.2.4`, `9.2.1又は9.2.4`: the word between two ids
                            // is no words of the first
                            if let Some(p) = open.as_mut().filter(|_| in_part) {
                                p.end = p.start + without_connective(&cell[p.start..p.end]).len();
                            }
                            close(&mut open, &mut out);
                            let words = pending.map(|w| &cell[w.0..w.1]).unwrap_or("");
                            open = Some(Piece {
                                start: pending.map_or(l.start, |w| w.0),
                                end: l.end,
                                governed: !residue(words, nist).is_empty(),
                                atoms: 1,
                            });
                        }
                    }
                    pending = None;
                    in_part = true;
                }
                _ => {
                    depth = depth_after(text, depth);
                    if in_part {
                        // words after an id are its own (a middle dot between ids is none)
                        if let Some(p) = &mut open {
                            if !text.chars().all(is_middle_dot) {
                                p.end = l.end;
                            }
                        }
                    } else {
                        pending = Some(pending.map_or((l.start, l.end), |w| (w.0, l.end)));
                    }
                }
            }
        }
        if !in_part {
            // a part with no id: the words qualify a governed reference it follows on the
            // line (`JIS Q 27001 7.5, 他`), or are a reference of their own (`別紙参照`)
            if let Some((a, b)) = pending {
                match &mut open {
                    Some(p) if continuing && has_words(&cell[a..b]) => p.end = b,
                    // the rest of a title a comma cut (`A.6.3 情報セキュリティの意識向上，教育
                    // 及び訓練`; review 17 C-3): the resolver judges the whole title
                    None if !newline && continues_title(cell, out.last(), a, b) => {
                        if let Some(last) = out.last_mut() {
                            last.1 = b;
                        }
                    }
                    _ if !(says_none(&cell[a..b])
                        || cell[a..b].trim() == cell.trim() && cell_says_none(cell)) =>
                    {
                        close(&mut open, &mut out);
                        out.push((a, b));
                    }
                    _ => {}
                }
            }
        }
        // a reference ends with its part unless a standard or name before it governs on
        if open.as_ref().is_some_and(|p| !p.governed) {
            close(&mut open, &mut out);
        }
    }
    close(&mut open, &mut out);
    // a mark of "and more" closing the cell (`9.2.1 +`, `9.2.1 ・・・`, `9.2.1 …`) is the last
    // reference's, which it qualifies ([`residue`]: review 21 A-4)
    if let Some(last) = out.last_mut() {
        let tail = cell[last.1..].trim_end();
        if and_more(tail) {
            last.1 += tail.len();
        }
    }
    out.into_iter().map(|(a, b)| &cell[a..b]).collect()
}

/// Whether `text` (words beside an id) holds a mark saying "and more, not listed": an
/// ellipsis (`...`, `…`, `‥`, `・・`) or a `+` with nothing after it (`9.2.1 +`).
fn and_more(text: &str) -> bool {
    let folded = crate::text::fold_width(text);
    let t = folded.trim();
    t.contains("..")
        || t.contains(['…', '‥'])
        || t.contains("・・")
        || t.contains("\u{FF65}\u{FF65}")
        || t.ends_with('+')
            && t.chars()
                .all(|c| c.is_whitespace() || c == '+' || is_filler(c))
}

/// Whether the words `cell[a..b]`, a part with no id, go on the title of the reference
/// `last` ends with: only a comma between them, `last` ends in a letter (an id with its
/// title, not an id alone), and the words may be a title's ([`is_unverified_title`], or
/// English letters and spaces alone).
fn continues_title(cell: &str, last: Option<&(usize, usize)>, a: usize, b: usize) -> bool {
    let Some(&(_, end)) = last.filter(|l| l.1 <= a) else {
        return false;
    };
    let between: String = cell[end..a]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let words = &cell[a..b];
    matches!(between.as_str(), "," | "、" | "，")
        && cell[..end].chars().last().is_some_and(char::is_alphabetic)
        && (is_unverified_title(words)
            || words.chars().all(|c| c.is_ascii_alphabetic() || c == ' ')
                && !NOT_TITLE
                    .iter()
                    .any(|w| words.split(' ').any(|x| x.eq_ignore_ascii_case(w))))
}

/// Whether the standard lexed at `k` is the edition of the id before it, written in
/// brackets after it (`A.9.2.4 (ISO/IEC 27001:2013)`, `9.2.4（JIS Q 27002:2014）`): an
/// opening bracket between the id and it, a closing one right after it.
fn is_edition_tag(text: &str, lexes: &[Lex], k: usize) -> bool {
    if !matches!(lexes.get(k).map(|l| &l.kind), Some(Kind::Std(_))) {
        return false;
    }
    let word = |l: &Lex| (l.kind == Kind::Word).then(|| text[l.start..l.end].trim());
    let mut back = (0..k).rev().filter(|&j| lexes[j].kind != Kind::Space);
    let opens = back
        .next()
        .and_then(|j| word(&lexes[j]))
        .is_some_and(|w| !w.is_empty() && w.chars().all(|c| OPENING.contains(c)));
    let after_id = back
        .next()
        .is_some_and(|j| matches!(lexes[j].kind, Kind::Id(_) | Kind::Range(..)));
    let closes = lexes[k + 1..]
        .iter()
        .find(|l| l.kind != Kind::Space)
        .and_then(word)
        .is_some_and(|w| w.starts_with(|c| CLOSING.contains(c)));
    opens && after_id && closes
}

/// Words joining two ids (`9.2.1 or 9.2.4`, `9.2.1及び9.2.4`): the reader reads `and`, `or`
/// and their Japanese words as `及び`; the Japanese ones are taken out of words beside an
/// id as [`ISMAP_WORDS`] are.
const CONNECTIVES: [&str; 13] = [
    "及び",
    "および",
    "並びに",
    "又は",
    "または",
    "若しくは",
    "もしくは",
    "と",
    "and/or",
    "and",
    "or",
    "&",
    "＆",
];

/// The Japanese words of [`CONNECTIVES`].
const JAPANESE_CONNECTIVES: usize = 8;

/// `text` without the words joining it to an id after it (and the spaces before them).
fn without_connective(text: &str) -> &str {
    let mut t = text.trim_end();
    loop {
        let cut = CONNECTIVES.iter().find_map(|w| {
            let rest = t.strip_suffix(w).or_else(|| {
                let n = t.len().checked_sub(w.len())?;
                (t.is_char_boundary(n) && t[n..].eq_ignore_ascii_case(w)).then(|| &t[..n])
            })?;
            // an English word stands alone; `と` only after a digit (`9.2.1と9.2.4`)
            let ok = if w.is_ascii() {
                rest.ends_with(char::is_whitespace)
            } else if *w == "と" {
                rest.ends_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
            } else {
                true
            };
            ok.then_some(rest.trim_end())
        });
        match cut {
            Some(rest) if !rest.is_empty() && rest != t => t = rest,
            _ => return t,
        }
    }
}

/// What one reference says: the standard governing each of its ids, its ids and ranges,
/// its NIST ids, the words beside each; `malformed` when a number in it is no id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    pub atoms: Vec<Atom>,
    /// The words written beside each atom (in `atoms` order).
    pub beside: Vec<Beside>,
    pub malformed: bool,
    /// A standard is named but no id follows it.
    pub bare_standard: Option<StdRef>,
    /// A NIST CSF subcategory (`PR.AC-1`) is in it.
    pub csf: Option<String>,
    /// A shortened range (`9.2.1-3`) is in it.
    pub shorthand: bool,
    /// A range with an end cut off (`9.2.1～`, `～9.2.6`) is in it.
    pub open_range: bool,
    /// Two ids with an arrow between them (`9.2.1 → 9.2.6`) are in it.
    pub arrow: bool,
    /// A shortened list: a bare number (or `.n`) after a separator following an id of two
    /// numbers or more (`9.2.1、4`, `A.9.2.1, .4`): the id each bare number stands for
    /// if it shortens the one before (`9.2.4`), as suggestions only.
    pub shortened: Vec<String>,
}

/// One id, range or NIST id of a reference, with the standard named before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Atom {
    Id(Option<StdRef>, IdText),
    Range(Option<StdRef>, IdText, IdText),
    Nist(String),
}

impl Atom {
    fn std_mut(&mut self) -> Option<(&mut Option<StdRef>, Marker)> {
        match self {
            Atom::Id(s, id) | Atom::Range(s, id, _) => Some((s, id.marker)),
            Atom::Nist(_) => None,
        }
    }
}

/// The words written beside an atom, as written: before it (from the start of the reference
/// or the separator before it) and after it (up to the next separator or id). A year after
/// it (`(2022)`) is taken as the edition of its standard and left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Beside {
    pub before: String,
    pub after: String,
}

/// Reads one reference (as [`split`] cuts them, or as typed to `catalog show`).
pub fn read(reference: &str) -> Reading {
    let lexes = lex(reference);
    let mut r = Reading::default();
    let bare_alone = bare_is_reference(reference, &lexes);
    let mut std: Option<StdRef> = None;
    let mut std_used = true;
    // an `A.` id read under the ISO/IEC 27001 named before it (`27001 A.9, 9`): a number
    // after it without the mark is no clause of the standard (see [`dropped_annex_mark`])
    let mut annex_before = false;
    // words since the last atom or separator, and whether a separator came since the atom
    let mut words = String::new();
    let mut sep_since = true;
    let mut depth = 0;
    // the last atom's index in `beside`, when the last thing read was an atom (not a CSF
    // id or a malformed number, whose words need no reading)
    let mut last: Option<usize> = None;
    let flush = |r: &mut Reading, words: &mut String, last: Option<usize>| {
        if let Some(b) = last.and_then(|k| r.beside.get_mut(k)) {
            b.after.push_str(words);
        }
        words.clear();
    };
    for (k, l) in lexes.iter().enumerate() {
        let text = &reference[l.start..l.end];
        let bare_atom = is_bare(&l.kind) && (std.is_some() || bare_alone);
        match &l.kind {
            // `A.9.2.4 (ISO/IEC 27001:2013)`: read as `ISO/IEC 27001:2013 A.9.2.4`; one
            // that contradicts the standard named before the id stays words beside it
            Kind::Std(tag) if !sep_since && is_edition_tag(reference, &lexes, k) => {
                let slot = last
                    .and_then(|a| r.atoms.get_mut(a))
                    .and_then(Atom::std_mut)
                    .map(|(slot, _)| slot);
                match slot {
                    Some(slot @ None) => *slot = Some(*tag),
                    Some(Some(s))
                        if s.standard == tag.standard
                            && (s.year.is_none() || tag.year.is_none() || s.year == tag.year) =>
                    {
                        s.year = s.year.or(tag.year);
                    }
                    _ => words.push_str(text),
                }
            }
            Kind::Std(s) => {
                if !sep_since {
                    flush(&mut r, &mut words, last);
                }
                if !std_used {
                    r.bare_standard = std;
                }
                std = Some(*s);
                std_used = false;
                sep_since = true;
                annex_before = false;
            }
            Kind::Sep { newline } if *newline || depth == 0 => {
                if !sep_since {
                    flush(&mut r, &mut words, last);
                }
                sep_since = true;
                if *newline {
                    depth = 0;
                    if !std_used {
                        r.bare_standard = std;
                    }
                    std = None;
                    std_used = true;
                    annex_before = false;
                }
            }
            Kind::Id(bare)
                if is_bare(&l.kind)
                    && !bare_atom
                    && sep_since
                    && residue(&words, false).is_empty() =>
            {
                // `9.2.1、4`: a shortened id when an id of two numbers or more is before it
                match r.atoms.iter().rev().find_map(shortened_from) {
                    Some(prefix) => r.shortened.push(format!("{prefix}.{}", bare.text)),
                    None => words.push_str(text),
                }
            }
            Kind::Id(id) if annex_before && dropped_annex_mark(std, id.marker) => {
                r.shortened.push(format!("A.{}", id.text));
                (std_used, sep_since, last) = (true, false, None);
                words.clear();
            }
            Kind::Range(a, b) if annex_before && dropped_annex_mark(std, a.marker) => {
                r.shortened.push(format!("A.{}～A.{}", a.text, b.text));
                (std_used, sep_since, last) = (true, false, None);
                words.clear();
            }
            Kind::Id(id) if is_dotted_atom(&l.kind) || bare_atom => {
                annex_before |= id.marker == Marker::Annex && is_27001(std);
                let atom = Atom::Id(std, id.clone());
                push_atom(&mut r, atom, &mut words, sep_since);
                last = Some(r.beside.len() - 1);
                (std_used, sep_since) = (true, false);
            }
            Kind::Range(a, b) => {
                annex_before |= a.marker == Marker::Annex && is_27001(std);
                let atom = Atom::Range(std, a.clone(), b.clone());
                push_atom(&mut r, atom, &mut words, sep_since);
                last = Some(r.beside.len() - 1);
                (std_used, sep_since) = (true, false);
            }
            Kind::Nist(n) => {
                push_atom(&mut r, Atom::Nist(n.clone()), &mut words, sep_since);
                last = Some(r.beside.len() - 1);
                sep_since = false;
            }
            Kind::Csf(id) => {
                r.csf.get_or_insert_with(|| id.clone());
                (last, sep_since) = (None, false);
                words.clear();
            }
            Kind::Malformed => {
                r.malformed = true;
                (last, sep_since) = (None, false);
                words.clear();
            }
            Kind::Shorthand => {
                r.shorthand = true;
                (last, sep_since) = (None, false);
                words.clear();
            }
            Kind::Arrow => {
                r.arrow = true;
                (last, sep_since) = (None, false);
                words.clear();
            }
            Kind::OpenRange => {
                r.open_range = true;
                (last, sep_since) = (None, false);
                words.clear();
            }
            Kind::Space => words.push(' '),
            _ => {
                depth = depth_after(text, depth);
                words.push_str(text);
            }
        }
    }
    flush(&mut r, &mut words, last);
    if !std_used {
        r.bare_standard = std;
    }
    // a year after an id is the edition of the standard it is numbered in
    for (atom, beside) in r.atoms.iter_mut().zip(&mut r.beside) {
        let Some(year) = year_tag(&residue(&beside.after, false)) else {
            continue;
        };
        let Some((slot, marker)) = atom.std_mut() else {
            continue;
        };
        match slot {
            None if marker != Marker::Cld => {
                *slot = Some(StdRef {
                    standard: if marker == Marker::Annex {
                        Standard::Iso27001
                    } else {
                        Standard::Iso27002
                    },
                    year: Some(year),
                });
            }
            Some(s) if s.year.is_none() || s.year == Some(year) => s.year = Some(year),
            _ => continue,
        }
        beside.after.clear();
    }
    // a `+` closing the reference (`9.2.1 +`: "and more", review 21 A-4), which the lexer
    // reads as a separator, qualifies the id before it ([`residue`])
    if reference.trim_end().ends_with(['+', '＋']) {
        if let Some(b) = r.beside.last_mut() {
            b.after.push('+');
        }
    }
    r
}

/// Whether the standard named before an id is ISO/IEC 27001 (`27001`, `JIS Q 27001:2014`).
fn is_27001(std: Option<StdRef>) -> bool {
    std.is_some_and(|s| s.standard == Standard::Iso27001)
}

/// Whether an id with mark `marker`, read under `std` after an `A.` id of the same ISO/IEC
/// 27001 (`27001 A.9, 9`, `ISO27001 A.9.1, 9.2`), has lost the `A.` the one before it has:
/// without it, the standard named before the list would make it a management-system clause
/// (9 → 4.6.1), another control than the Annex A one the list names. It is a shortened
/// list: the marked id only suggested, never read as a clause.
fn dropped_annex_mark(std: Option<StdRef>, marker: Marker) -> bool {
    is_27001(std) && marker == Marker::None
}

/// The id a shortened number after `atom` continues, without its last number (`A.9.2`
/// for `A.9.2.1`, `9.2` for `9.2.1～9.2.3`): for an id of two numbers or more.
fn shortened_from(atom: &Atom) -> Option<String> {
    let id = match atom {
        Atom::Id(_, id) | Atom::Range(_, _, id) => id,
        Atom::Nist(_) => return None,
    };
    let parsed = id.parse().filter(|p| p.depth() >= 2)?;
    let numbers: Vec<String> = parsed.parts[..parsed.depth() - 1]
        .iter()
        .map(u32::to_string)
        .collect();
    let mark = match id.marker {
        Marker::Annex => "A.",
        Marker::Cld => "CLD.",
        Marker::None => "",
    };
    Some(format!("{mark}{}", numbers.join(".")))
}

/// Adds an atom to `r`; the words read since the last one are before it when a separator
/// came between, else after the last one.
fn push_atom(r: &mut Reading, atom: Atom, words: &mut String, sep_since: bool) {
    let before = if sep_since || r.beside.is_empty() {
        std::mem::take(words)
    } else {
        if let Some(b) = r.beside.last_mut() {
            b.after.push_str(words);
        }
        words.clear();
        String::new()
    };
    r.atoms.push(atom);
    r.beside.push(Beside {
        before,
        after: String::new(),
    });
}

/// Why a range cannot be read, when it cannot: its ends must be ids of one level (two
/// numbers or more), under one parent, the first before the second.
pub fn range_problem(from: &IdText, to: &IdText) -> Option<&'static str> {
    let (Some(a), Some(b)) = (from.parse(), to.parse()) else {
        return Some("an end of the range is no id");
    };
    if a.depth() != b.depth() {
        return Some("its ends are not of the same level");
    }
    if a.depth() < 2 {
        return Some("a range of clauses is not read (list them: 9, 10)");
    }
    let d = a.depth();
    if a.parts[..d - 1] != b.parts[..d - 1] {
        return Some("its ends are under different categories or objectives");
    }
    if a.parts[d - 1] >= b.parts[d - 1] {
        return Some("it does not run from a lower number to a higher one");
    }
    if b.parts[d - 1] - a.parts[d - 1] > 200 {
        return Some("it spans more than 200 numbers");
    }
    None
}

/// Whether a reference is a ditto mark (`〃`, `同上`, `同左`, `ditto`): the references of
/// the row above (or the cell beside), which the tool never copies.
pub fn is_ditto(reference: &str) -> bool {
    let folded = crate::text::fold_width(reference).to_lowercase();
    let t = folded
        .trim_matches(|c: char| c.is_whitespace() || OPENING.contains(c) || CLOSING.contains(c));
    matches!(
        t,
        "〃" | "″"
            | "〃〃"
            | "同上"
            | "同左"
            | "同右"
            | "上に同じ"
            | "上記に同じ"
            | "上記と同じ"
            | "ditto"
            | "do."
            | "same as above"
    )
}

/// The edition a year names: 2013–2021 the 2013 edition (JIS Q 27001:2014, JIS Q
/// 27002:2014), 2022 on the 2022 one (JIS Q 27001:2023, JIS Q 27002:2024); earlier years
/// name editions the tool does not read.
pub fn edition_of_year(year: u32) -> Option<crate::catalog::IsoEdition> {
    use crate::catalog::IsoEdition;
    match year {
        2013..=2021 => Some(IsoEdition::Iso2013),
        2022..=2099 => Some(IsoEdition::Iso2022),
        _ => None,
    }
}

/// Words of the scheme before an id in prose (`ISMAP管理策 9.2.4`): the id is a reference
/// to it whatever follows (folded, lower case).
const PROSE_ISMAP_WORDS: [&str; 3] = ["ismap", "管理策", "統制目標"];

/// Names of another document right before a number in prose (`規程第5.1.2条`, `マニュアル
/// 9.2.1節`, `別紙 5.1.2`): its article or section, not a control.
const PROSE_DOCUMENT_WORDS: [&str; 14] = [
    "規程",
    "規則",
    "規定",
    "要領",
    "細則",
    "手順書",
    "マニュアル",
    "別紙",
    "別表",
    "別添",
    "約款",
    "契約書",
    "仕様書",
    "設計書",
];

/// Words right before a number that make it a version or a date (`ver 9.2.1`, `令和5.1.2`).
const PROSE_VERSION_WORDS: [&str; 9] = [
    "v",
    "ver",
    "version",
    "rev",
    "release",
    "バージョン",
    "令和",
    "平成",
    "昭和",
];

/// What follows a number in prose that makes it an article, a section or an edition of a
/// document (`第3.1.2条`, `9.2.1節`, `5.1.2版`): ISMAP numbers its controls with none.
const PROSE_ARTICLE_MARKS: [char; 6] = ['条', '節', '章', '号', '款', '版'];

/// Whether `text` holds a digit, ASCII or full width (`０`–`９`: `EF BC 90`–`99`), read
/// byte by byte.
fn holds_digit(text: &str) -> bool {
    let b = text.as_bytes();
    // a pass without an early exit, which the compiler vectorises
    b.iter().fold(false, |seen, x| seen | x.is_ascii_digit())
        || memchr::memchr_iter(0xEF, b).any(|i| {
            b.get(i + 1) == Some(&0xBC) && b.get(i + 2).is_some_and(|y| (0x90..=0x99).contains(y))
        })
}

/// The references to a control that a text written as prose names (`秘密認証情報の管理
/// （A.9.2.4）`, `JIS Q 27001 A.10.1.2 参照`, `9.2.1 の手順`), verbatim: ids with a mark
/// (`A.`, `CLD.`) of two numbers or more, NIST ids, and plain ids (and ranges of them) of
/// three numbers or more whose first three numbers `known` (canonical) holds. A plain id
/// is no reference when the words around it make it something else — an article or
/// section of another document (`規程第5.1.2条`, `規則5.1.2`, `マニュアル 9.2.1節`), a
/// version or a date (`ver 9.2.1`, `令和5.1.2`) — unless the scheme is named right before
/// it (`ISMAP管理策 第9.2.4項`), when it is one even outside `known`.
pub fn prose_ids<'t>(text: &'t str, known: &dyn Fn(&str) -> bool) -> Vec<&'t str> {
    if !holds_digit(text) {
        return Vec::new();
    }
    let lexes = lex(text);
    let word = |k: Option<usize>| {
        k.and_then(|k| lexes.get(k))
            .filter(|l| l.kind == Kind::Word)
            .map(|l| crate::text::fold_width(&text[l.start..l.end]).to_lowercase())
    };
    lexes
        .iter()
        .enumerate()
        .filter(|(k, l)| {
            let plain = |id: &IdText| {
                let parts = id.text.split('.').filter(|p| !p.is_empty()).count();
                match id.marker {
                    Marker::None => parts >= 3,
                    _ => parts >= 2,
                }
            };
            let ends: Vec<&IdText> = match &l.kind {
                Kind::Nist(_) => return true,
                Kind::Id(id) => vec![id],
                Kind::Range(a, b) => vec![a, b],
                _ => return false,
            };
            // a two-part ISO/IEC 27001:2022 Annex A number written without its `A.`
            // (`ISO/IEC 27001:2022 5.23`, `2022年版 5.7`, `情報の削除（8.10）`): one only when
            // the words around it say so, below (review 21 A-10)
            let annex_2022 = match &l.kind {
                Kind::Id(id) => id.marker == Marker::None && is_2022_control(id),
                _ => false,
            };
            if !annex_2022 && !ends.iter().all(|id| plain(id)) {
                return false;
            }
            if ends.iter().all(|id| id.marker != Marker::None) {
                return true;
            }
            // the words right before it (up to another id, a standard or a separator) and
            // right after it
            let before_at = (0..*k).rev().find(|&j| lexes[j].kind != Kind::Space);
            let std_before = before_at.and_then(|j| match lexes[j].kind {
                Kind::Std(s) => Some(!matches!(s.standard, Standard::Other(_))),
                _ => None,
            });
            let words_from = (0..*k)
                .rev()
                .take_while(|&j| matches!(lexes[j].kind, Kind::Word | Kind::Space))
                .last()
                .unwrap_or(*k);
            let before = match lexes.get(words_from).filter(|_| words_from < *k) {
                Some(first) => crate::text::fold_width(&text[first.start..l.start]).to_lowercase(),
                None => String::new(),
            };
            let after = word((*k + 1..lexes.len()).find(|&j| lexes[j].kind != Kind::Space))
                .unwrap_or_default();
            let mut head = before.as_str();
            for _ in 0..4 {
                head = head.trim_end_matches(|c: char| {
                    c.is_whitespace() || matches!(c, '第' | 'の' | ':' | '：' | '(' | '（' | '「')
                });
                head = ["基準", "番号"]
                    .iter()
                    .find_map(|w| head.strip_suffix(w))
                    .unwrap_or(head);
            }
            if !annex_2022 && PROSE_ISMAP_WORDS.iter().any(|w| head.ends_with(w)) {
                return true;
            }
            let last_ascii_word = head
                .rsplit(|c: char| !c.is_ascii_alphabetic())
                .next()
                .unwrap_or_default();
            // the phrase right before it naming another framework (`政府統一基準 7.1.1`,
            // `PCI DSS 8.2.1`, `FISC安全対策基準 5.1.2`: review 13 B-5)
            let phrase = before
                .rsplit(['、', '。', ',', '，', ';', '；', '\n'])
                .next()
                .unwrap_or_default();
            // another standard's number (`ISO 9001 9.2.1`)
            let other = std_before == Some(false)
                || framework_right_before(phrase)
                || PROSE_DOCUMENT_WORDS.iter().any(|w| head.ends_with(w))
                || PROSE_VERSION_WORDS
                    .iter()
                    .any(|w| head.ends_with(w) && (!w.is_ascii() || last_ascii_word == *w))
                || after.starts_with(PROSE_ARTICLE_MARKS);
            if annex_2022 {
                // the 2022 edition named right before it (`ISO/IEC 27001:2022 5.23`,
                // `27002:2022の8.9`, `2022年版 5.7`), or alone in brackets a number that is
                // no ISMAP category (`（8.10）`, not `（8.1）`)
                let lead = words_from.checked_sub(1).and_then(|j| lexes.get(j));
                let std_2022 = head.is_empty()
                    && lead.is_some_and(|x| match x.kind {
                        Kind::Std(s) => {
                            matches!(s.standard, Standard::Iso27001 | Standard::Iso27002)
                                && s.year.and_then(edition_of_year)
                                    == Some(crate::catalog::IsoEdition::Iso2022)
                        }
                        _ => false,
                    });
                let bracketed = text[..l.start].ends_with(['(', '（'])
                    && text[l.end..].starts_with([')', '）'])
                    && ends
                        .iter()
                        .all(|id| id.parse().is_some_and(|p| !known(&p.canonical())));
                return !other && (std_2022 || names_2022_edition(head) || bracketed);
            }
            !other
                && (std_before == Some(true)
                    || ends.iter().all(|id| {
                        id.parse()
                            .is_some_and(|p| known(&p.truncated(3).canonical()))
                    }))
        })
        .map(|(_, l)| text[l.start..l.end].trim())
        .collect()
}

/// Whether `id` (no mark) is a two-part number of an ISO/IEC 27002:2022 control (`5.23`,
/// `8.10`).
fn is_2022_control(id: &IdText) -> bool {
    id.parse()
        .is_some_and(|p| match (p.parts.as_slice(), &p.suffix) {
            ([t, n], None) => crate::catalog::iso2022::Table::embedded()
                .get(*t, *n)
                .is_some(),
            _ => false,
        })
}

/// Whether the words right before a number (folded, lowered, trimmed: `head` in
/// [`prose_ids`]) end with an edition of 2022 on (`2022年版`, `2022版`, `2022 edition`,
/// `(2023年版)`) with nothing before it in its phrase but a standard's or Annex A's name
/// or a label (`参考：2022年版`, `附属書A 2022年版`): not a year glued to another
/// document's name (`ガイドライン2022年版`).
fn names_2022_edition(head: &str) -> bool {
    let tail = head.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ')' | '）'));
    let Some(rest) = ["年版", "版", "edition", "ed."]
        .iter()
        .find_map(|s| tail.strip_suffix(s))
    else {
        return false;
    };
    let rest = rest.trim_end();
    let digits = rest.trim_end_matches(|c: char| c.is_ascii_digit());
    let year = &rest[digits.len()..];
    let edition = (year.len() == 4)
        .then(|| year.parse().ok().and_then(edition_of_year))
        .flatten();
    if edition != Some(crate::catalog::IsoEdition::Iso2022) {
        return false;
    }
    let phrase = digits
        .rsplit(['、', '。', ',', '，', ';', '；', '\n'])
        .next()
        .unwrap_or_default()
        .trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ':' | '：' | '(' | '（' | 'の' | '・')
        });
    phrase.is_empty()
        || [
            "参考",
            "参照",
            "附属書a",
            "付属書a",
            "annex a",
            "管理策",
            "isms",
        ]
        .iter()
        .any(|w| phrase.ends_with(w))
}

/// Whether a phrase (the words right before an id, [`fold_width`](crate::text::fold_width)ed
/// and lowered) ends with another framework's name, so that the id is its number: the name,
/// then only `の`, spaces, a version or a label (`統一基準 7.1.1`, `統一基準の7.1.1`, `PCI DSS
/// v4.0 要件 8.2.1`) — not a phrase going on after the name (`統一基準に加えて 9.4.1`,
/// `統一基準の観点から9.4.1`, `PCI DSS準拠のため 9.4.1`: the buyer's own id; review 14 A-11).
fn framework_right_before(phrase: &str) -> bool {
    const LABELS: [&str; 12] = [
        "要件",
        "要求事項",
        "項番",
        "番号",
        "項目",
        "管理策",
        "section",
        "requirement",
        "requirements",
        "req",
        "control",
        "ver",
    ];
    let mut tail = phrase;
    loop {
        let before = tail;
        tail = tail.trim_end_matches(|c: char| {
            c.is_whitespace()
                || matches!(c, '第' | 'の' | ':' | '：' | '(' | '（' | '「' | '.' | '#')
        });
        if let Some(t) = LABELS.iter().find_map(|w| tail.strip_suffix(w)) {
            tail = t;
        }
        // a version: `v4.0`, `4.0`, `2023`, `ver.2`
        let digits = tail.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
        if digits.len() < tail.len() {
            let word_start = digits.trim_end_matches(['v', 'r']);
            if word_start.is_empty() || word_start.ends_with(|c: char| !c.is_ascii_alphanumeric()) {
                tail = word_start;
            }
        }
        if tail == before {
            break;
        }
    }
    crate::catalog::resolve::ends_with_other_framework(tail)
}

#[cfg(test)]
mod tests {
    /// Review 21 A-4: "and more" closing a cell stays with its last reference and qualifies it.
    #[test]
    fn and_more_closing_a_cell_qualifies_its_last_reference() {
        assert_eq!(super::split("9.2.1 +"), ["9.2.1 +"]);
        assert_eq!(super::split("9.2.1 ・・・"), ["9.2.1 ・・・"]);
        assert_eq!(super::split("9.2.1, 9.2.2 ..."), ["9.2.1", "9.2.2 ..."]);
        assert_eq!(super::split("9.2.1 + 9.2.2"), ["9.2.1", "9.2.2"]);
        for words in [" ...", " ・・・", " +", "…", "‥"] {
            assert!(!super::residue(words, false).is_empty(), "{words}");
        }
        for words in [" ", ".", "・", "-"] {
            assert!(super::residue(words, false).is_empty(), "{words}");
        }
    }

    /// Review 17 C-3: a 2022 id's Japanese title, unverified, reads; a hedge, a digit or a
    /// bracket does not; a comma inside a title does not cut it.
    #[test]
    fn unverified_2022_titles_and_their_commas() {
        for t in [
            "監視活動",
            " 脅威インテリジェンス",
            "情報セキュリティの意識向上，教育及び訓練",
        ] {
            assert!(super::is_unverified_title(t), "{t}");
        }
        for t in [
            "監視活動（一部）",
            "監視活動 予定",
            "暫定",
            "2027年",
            "Monitoring",
            "相当",
            "?",
        ] {
            assert!(!super::is_unverified_title(t), "{t}");
        }
        assert_eq!(
            super::split("A.6.3 情報セキュリティの意識向上，教育及び訓練"),
            ["A.6.3 情報セキュリティの意識向上，教育及び訓練"]
        );
        assert_eq!(super::split("A.5.16，識別"), ["A.5.16", "識別"]);
        assert_eq!(
            super::split("A.8.2 特権的アクセス権，一部"),
            ["A.8.2 特権的アクセス権", "一部"]
        );
        assert_eq!(
            super::split("A.8.2 特権的アクセス権，A.8.3"),
            ["A.8.2 特権的アクセス権", "A.8.3"]
        );
    }

    /// [`split_plain`] as it was, char by char: held to the byte scan's answers.
    fn split_plain_by_chars(cell: &str) -> Option<Vec<&str>> {
        let mut out = Vec::new();
        let mut folded = String::new();
        for token in cell
            .split(|c: char| {
                matches!(
                    c,
                    ',' | ';' | ' ' | '\t' | '\r' | '\n' | '、' | '，' | '；' | '\u{3000}'
                )
            })
            .filter(|t| !t.is_empty())
        {
            let t = if token.is_ascii() {
                token
            } else {
                folded.clear();
                for c in token.chars() {
                    let f = fold_char(c);
                    if is_middle_dot(c) || !f.is_ascii() {
                        return None;
                    }
                    folded.push(f);
                }
                folded.as_str()
            };
            if !(is_plain_id(t)
                || is_marked_id_as_it_was(t)
                || is_plain_nist(t)
                || is_hyphen_suffixed_id(t))
            {
                return None;
            }
            out.push(token);
        }
        Some(out)
    }

    /// [`is_plain_id`] as it was (trailing letters counted, the numbers split on dots).
    fn is_plain_id_as_it_was(t: &str) -> bool {
        let b = t.as_bytes();
        let letters = b
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        let (numbers, suffix) = b.split_at(b.len() - letters);
        let suffix_ok = matches!(
            suffix.to_ascii_uppercase().as_slice(),
            b"" | b"P" | b"B" | b"PB"
        );
        let numbers = if letters > 0 {
            numbers.strip_suffix(b".").unwrap_or(numbers)
        } else {
            numbers
        };
        let mut parts = 0;
        for p in numbers.split(|c| *c == b'.') {
            if p.is_empty() || p.len() > 3 || !p.iter().all(u8::is_ascii_digit) {
                return false;
            }
            parts += 1;
        }
        suffix_ok && (2..=5).contains(&parts) && (letters == 0 || parts >= 3)
    }

    #[test]
    fn plain_ids_read_in_one_pass_as_before() {
        const PIECES: [&str; 16] = [
            "9", "12", "123", "1234", ".", "..", "P", "p", "B", "b", "PB", "BP", "X", "-", "９", "",
        ];
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for t in [
            "9.2.1",
            "9.2.1.P",
            "9.2.1pb",
            "9.2P",
            "1.2.3.4.5",
            "1.2.3.4.5.6",
            "P",
            "",
        ] {
            assert_eq!(is_plain_id(t), is_plain_id_as_it_was(t), "{t:?}");
        }
        for _ in 0..300_000 {
            let t: String = (0..next(10)).map(|_| PIECES[next(PIECES.len())]).collect();
            assert_eq!(is_plain_id(&t), is_plain_id_as_it_was(&t), "{t:?}");
        }
    }

    /// Cells of plain tokens (ids with their suffix after a hyphen among them) and every
    /// separator, by a fixed generator: the shortcut takes each and cuts it as the lexer does.
    #[test]
    fn hyphen_suffixed_ids_are_cut_as_the_lexer_cuts_them() {
        const TOKENS: [&str; 16] = [
            "8.1.5-P",
            "12.4.5-p",
            "9.2.1.3-PB",
            "6.3.1_P",
            "８．１．５－Ｐ",
            "13.1.4-B",
            "9.2.1",
            "8.1.5P",
            "A.9.2.1",
            "CLD.6.3",
            "AC-2",
            "IA-2(1)",
            "１１．２．１",
            "9.5.1.P",
            "1.2.3.4.5-P",
            "12.1.5_pb",
        ];
        const SEPS: [&str; 8] = [", ", ",", "、", "; ", "\n", " ", "\u{3000}", "，"];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..20_000 {
            let mut cell = String::new();
            for k in 0..1 + next(6) {
                if k > 0 {
                    cell.push_str(SEPS[next(SEPS.len())]);
                }
                cell.push_str(TOKENS[next(TOKENS.len())]);
            }
            assert_eq!(split_plain(&cell), Some(split_lexed(&cell)), "{cell:?}");
        }
        // no suffix, a range, two numbers, a dot or another letter before the suffix: lexed
        for cell in [
            "9.2-P",
            "9.2.1-9.2.3",
            "9.2.1-X",
            "9.2.1.-P",
            "9.2.1--P",
            "9.2.1-",
            "-P",
            "9.2.1-PBX",
            "9.2.1P-P",
            "9.2.1ーP",
        ] {
            assert!(split_plain(cell).is_none(), "{cell:?}");
        }
    }

    /// [`is_marked_id`] as it was.
    fn is_marked_id_as_it_was(t: &str) -> bool {
        let upper = t.get(..4).map(str::to_ascii_uppercase);
        let (rest, min) = if upper.as_deref() == Some("CLD.") {
            (&t[4..], 2)
        } else if t.len() > 2 && t.as_bytes()[..2].eq_ignore_ascii_case(b"A.") {
            (&t[2..], 1)
        } else {
            return false;
        };
        let parts: Vec<&str> = rest.split('.').collect();
        (min..=4).contains(&parts.len())
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
    }

    #[test]
    fn plain_cells_split_by_bytes_as_by_chars() {
        // pieces of references cells: ids in both widths, marks, NIST ids, every
        // separator and characters sharing their first bytes (`、` `。` `　` `，` `；` `．`)
        const PIECES: [&str; 40] = [
            "9",
            "2",
            "1",
            "12",
            "123",
            "1234",
            ".",
            "．",
            "９",
            "２",
            "Ｐ",
            "P",
            "PB",
            "b",
            "A.",
            "a.",
            "CLD.",
            "cld.",
            "Ｃ",
            "AC-",
            "ac-",
            "(1)",
            "（１）",
            "-",
            "ー",
            ",",
            ";",
            " ",
            "\t",
            "\r\n",
            "\n",
            "、",
            "，",
            "；",
            "\u{3000}",
            "。",
            "・",
            "･",
            "なし",
            "～",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let fixed = [
            "9.2.1, A.9.2.4；１２．４．５．Ｐ",
            "AC-2(1)、CLD.6.3.1\u{3000}8.1.5.P",
            "",
            " , 、",
            "9.2.1・9.2.2",
            "９．２．１　１０．１",
        ];
        for cell in fixed {
            assert_eq!(split_plain(cell), split_plain_by_chars(cell), "{cell:?}");
        }
        for _ in 0..200_000 {
            let cell: String = (0..next(12)).map(|_| PIECES[next(PIECES.len())]).collect();
            assert_eq!(split_plain(&cell), split_plain_by_chars(&cell), "{cell:?}");
            for t in cell.split(' ') {
                assert_eq!(is_marked_id(t), is_marked_id_as_it_was(t), "{t:?}");
            }
        }
    }
    use super::*;

    /// Texts of 1–9 pieces drawn from what check lists write around ids (kana and kanji,
    /// marks, ids, ranges, standards, list markers, separators), by a fixed generator.
    fn random_texts(count: usize) -> Vec<String> {
        const PIECES: &[&str] = &[
            "アクセス",
            "管理策",
            "の",
            "を確認すること",
            "附属書A",
            "付属書 A",
            "附則",
            "付与",
            "A.9.2.1",
            "9.2.1",
            "９．２．１",
            "9.2.3.11.PB",
            "8.1.5.P.1",
            "～",
            "〜9.2.6",
            "から",
            "9.2.1-9.2.3",
            "ISO/IEC 27001:2013",
            "JIS Q 27002",
            "27017",
            "AC-2",
            "AC-2 (1)",
            "PR.AC-1",
            "N/A",
            "#N/A",
            "and/or",
            "、",
            ",",
            " ",
            "　",
            "\n",
            "\r\n",
            "①",
            "(1)",
            "1)",
            "1. ",
            "第",
            "規程",
            "条",
            "項",
            "ver",
            "Rev.5",
            "SP 800-53",
            "2024/01/15",
            "1/15",
            "・",
            "･",
            "ｱｸｾｽ",
            "ｶﾞ",
            "ー",
            "ｰ",
            "CLD.9.5.1",
            "-",
            " - ",
            "Annex A",
            "ISMAP管理基準",
            "ＩＳＭＡＰ",
            "（",
            "）",
            "(",
            ")",
            "「",
            "」",
            "/",
            "＆",
            "+",
            "A",
            "B",
            "P",
            "x",
            "12",
            "３",
            "令和5.1.2",
            "〇",
            "ヴ",
            "ゝ",
            "ヿ",
            "一",
            "龥",
            "々",
        ];
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        (0..count)
            .map(|_| {
                let len = 1 + next(9);
                (0..len).map(|_| PIECES[next(PIECES.len())]).collect()
            })
            .collect()
    }

    /// A run of kana and kanji read as words at once lexes as character by character did.
    #[test]
    fn word_runs_lex_as_characters_did() {
        for text in random_texts(20_000) {
            assert_eq!(lex_with(&text, true), lex_with(&text, false), "{text:?}");
        }
    }

    /// The byte-level digit test is the test by characters it replaced.
    #[test]
    fn holds_digit_is_the_test_by_characters() {
        for text in random_texts(5_000) {
            let old = text.bytes().any(|b| b.is_ascii_digit())
                || text.chars().any(|c| ('０'..='９').contains(&c));
            assert_eq!(holds_digit(&text), old, "{text:?}");
        }
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("管理{c}策");
            assert_eq!(
                holds_digit(&text),
                c.is_ascii_digit() || ('０'..='９').contains(&c)
            );
        }
    }

    /// The buyer's short gloss of an id's title is made of the title's own words; a marker,
    /// a mark, another title's words or a word alone are none (review 11 C-10).
    #[test]
    fn glosses_of_a_title() {
        let t = "特権的アクセス権の管理";
        for w in [
            "特権ID",
            "特権ID管理",
            "特権",
            "（特権ID）",
            ": 特権",
            "特権アクセス",
            "ｱｸｾｽ権限",
        ] {
            assert_eq!(is_gloss_of(t, w), w != "ｱｸｾｽ権限", "{w}");
        }
        for w in [
            "",
            "ID",
            "管理",
            "近似",
            "（参考）",
            "相当",
            "特権以外",
            "管理のみ",
            "アクセス権の一部",
            "特権?",
            "特権※",
            "利用者登録",
            "特権1",
            "管理策",
        ] {
            assert!(!is_gloss_of(t, w), "{w}");
        }
        assert!(is_gloss_of("イベントログ取得", "ログ管理"));
    }

    #[test]
    fn splits_ids_with_the_words_beside_them() {
        for (cell, want) in [
            (
                "12.4.1（イベントログ取得）",
                vec!["12.4.1（イベントログ取得）"],
            ),
            ("12.1.3 容量・能力の管理", vec!["12.1.3 容量・能力の管理"]),
            ("管理策9.2.1", vec!["管理策9.2.1"]),
            ("統制目標 9.2.1", vec!["統制目標 9.2.1"]),
            ("(9.2.1)", vec!["(9.2.1)"]),
            ("（９．２．１）", vec!["（９．２．１）"]),
            ("CLD 8.1.5", vec!["CLD 8.1.5"]),
            ("A 9.2.1", vec!["A 9.2.1"]),
            ("JIS Q 27002 9.2.1", vec!["JIS Q 27002 9.2.1"]),
            ("ISO/IEC 27017 CLD.6.3.1", vec!["ISO/IEC 27017 CLD.6.3.1"]),
            ("ISO27017 CLD.6.3.1", vec!["ISO27017 CLD.6.3.1"]),
            ("ISO27001:2022 A.5.15", vec!["ISO27001:2022 A.5.15"]),
            ("27001 6.1.2", vec!["27001 6.1.2"]),
            ("ISO/IEC 27001:2013 9.2", vec!["ISO/IEC 27001:2013 9.2"]),
            ("JIS Q 27001 7.5", vec!["JIS Q 27001 7.5"]),
            ("9.2全般", vec!["9.2全般"]),
            ("9.2 全体", vec!["9.2 全体"]),
            ("12全般", vec!["12全般"]),
            ("9.2.1～9.2.3", vec!["9.2.1～9.2.3"]),
            ("9.2.1-9.2.3", vec!["9.2.1-9.2.3"]),
            ("9.2.1〜9.2.3", vec!["9.2.1〜9.2.3"]),
            ("9.2.1 ～ 9.2.3", vec!["9.2.1 ～ 9.2.3"]),
            ("9.2.1・9.2.2", vec!["9.2.1", "9.2.2"]),
            ("A.5.16・A.5.18", vec!["A.5.16", "A.5.18"]),
            ("CLD.9.5.1・CLD.12.1.5", vec!["CLD.9.5.1", "CLD.12.1.5"]),
            ("9.2.1・A.5.16", vec!["9.2.1・A.5.16"]),
            ("A.9.2.1・9.2.3", vec!["A.9.2.1", "9.2.3"]),
            ("9.2.1・A.9.2.3", vec!["9.2.1", "A.9.2.3"]),
            ("A.5.16・9.2.3", vec!["A.5.16・9.2.3"]),
            ("A.5・A.6", vec!["A.5・A.6"]),
            ("9.1・2", vec!["9.1・2"]),
            ("9.1・2・3", vec!["9.1・2・3"]),
            ("8.1.5P", vec!["8.1.5P"]),
            ("8.1.5 P", vec!["8.1.5 P"]),
            ("8.1.5-P", vec!["8.1.5-P"]),
            ("8.1.5.P.1", vec!["8.1.5.P.1"]),
            ("AC-2 (1)", vec!["AC-2 (1)"]),
            ("NIST SP 800-53 AC-2", vec!["NIST SP 800-53 AC-2"]),
            ("9..1", vec!["9..1"]),
            ("9.2.1x1", vec!["9.2.1x1"]),
            ("9.2.1（1）", vec!["9.2.1（1）"]),
            ("別紙参照", vec!["別紙参照"]),
            ("-", vec![]),
            ("", vec![]),
            ("A.8.2 (2022)", vec!["A.8.2 (2022)"]),
            ("JIS Q 27001 7.5, 9.2", vec!["JIS Q 27001 7.5, 9.2"]),
            ("JIS Q 27001 7.5\n9.2.1", vec!["JIS Q 27001 7.5", "9.2.1"]),
            (
                "ISO27001:2022 A.5.15, A.5.18",
                vec!["ISO27001:2022 A.5.15", "A.5.18"],
            ),
            ("ISO/IEC 27001", vec!["ISO/IEC 27001"]),
            (
                "9.2.1, 8.1.5P；A.9.2.2、CLD.9.5.1\nAC-2 (1)  ９．４．１",
                vec![
                    "9.2.1",
                    "8.1.5P",
                    "A.9.2.2",
                    "CLD.9.5.1",
                    "AC-2 (1)",
                    "９．４．１",
                ],
            ),
            ("附属書A.9.2.1", vec!["附属書A.9.2.1"]),
            ("第9章", vec!["第9章"]),
            ("Rev.5 9.2.1", vec!["Rev.5 9.2.1"]),
            ("X9.9", vec!["X9.9"]),
            ("9.2.1 9.2.2", vec!["9.2.1", "9.2.2"]),
            ("9, 10", vec!["9", "10"]),
            // `N/A` alone says no reference (review 11 C-4); `#N/A` is a lookup that failed
            ("N/A", vec![]),
            ("#N/A", vec!["#N/A"]),
            ("9.2.1/N/A", vec!["9.2.1", "N/A"]),
            ("2024/01/15", vec!["2024/01/15"]),
            ("9.2.1 (2024/01/15)", vec!["9.2.1 (2024/01/15)"]),
            // the words beside an id stay with it, for the resolver to judge
            ("PCI DSS 8.2.1", vec!["PCI DSS 8.2.1"]),
            ("9.2.1等", vec!["9.2.1等"]),
            ("9.2.1 etc.", vec!["9.2.1 etc."]),
            ("9.2.1（対象外）", vec!["9.2.1（対象外）"]),
            ("9.2.1、他", vec!["9.2.1", "他"]),
            // a name the tool does not know governs the ids after it, as a standard does
            ("PCI DSS 8.2.1, 8.2.2", vec!["PCI DSS 8.2.1, 8.2.2"]),
            (
                "統一基準 6.1.1、ISMAP 9.2.1",
                vec!["統一基準 6.1.1", "ISMAP 9.2.1"],
            ),
            ("JIS Q 27001 7.5, 他", vec!["JIS Q 27001 7.5, 他"]),
            // ISMAP's own words before ids govern nothing
            ("管理策 9.2.1 9.2.2", vec!["管理策 9.2.1", "9.2.2"]),
            // separators inside brackets do not cut
            (
                "9.2.1（利用者登録、登録削除）",
                vec!["9.2.1（利用者登録、登録削除）"],
            ),
            (
                "9.2（9.2.3を除く）、9.4.1",
                vec!["9.2（9.2.3を除く）", "9.4.1"],
            ),
            ("(9.2.1, 9.2.2)", vec!["(9.2.1, 9.2.2)"]),
            // NIST CSF, shorthand ranges, `|`
            ("NIST CSF PR.AC-1", vec!["NIST CSF PR.AC-1"]),
            ("9.2.1-3", vec!["9.2.1-3"]),
            ("9.2.1～3", vec!["9.2.1～3"]),
            ("12-4-1", vec!["12-4-1"]),
            ("9.1.1|9.1.2", vec!["9.1.1", "9.1.2"]),
            // a range across a line break is one; a range mark left open stays with its id
            ("9.2.1～\n9.2.6", vec!["9.2.1～\n9.2.6"]),
            ("9.2.1\n～9.2.6", vec!["9.2.1\n～9.2.6"]),
            ("9.2.1 -\n9.2.6", vec!["9.2.1 -\n9.2.6"]),
            ("9.2.1\n- 9.2.6", vec!["9.2.1", "- 9.2.6"]),
            ("9.2.1～", vec!["9.2.1～"]),
            ("9.2.1 ～、9.2.6", vec!["9.2.1 ～", "9.2.6"]),
            ("～9.2.6", vec!["～9.2.6"]),
            ("9.2.1から9.2.3", vec!["9.2.1から9.2.3"]),
            // a bare number after an id stays with it (a shortened list, refused)
            ("9.2.1、4", vec!["9.2.1、4"]),
            ("A.9.2.1, .4", vec!["A.9.2.1, .4"]),
            ("9.2.1\n4", vec!["9.2.1\n4"]),
            ("9.2.1、4全般", vec!["9.2.1", "4全般"]),
            ("4、9.2.1", vec!["4", "9.2.1"]),
            // a mark saying "unknown" is kept; one saying "none" is not
            ("?", vec!["?"]),
            ("〃", vec!["〃"]),
            ("9.2.1、?", vec!["9.2.1", "?"]),
            ("―", vec![]),
            ("×", vec![]),
            // numbered list markers, `&`, `+`
            ("1) 9.2.4\n2) 9.2.1", vec!["9.2.4", "9.2.1"]),
            ("(1) 9.2.4", vec!["9.2.4"]),
            ("① 9.2.4", vec!["9.2.4"]),
            ("1. 9.2.4", vec!["9.2.4"]),
            ("9. 9.2.4", vec!["9. 9.2.4"]),
            ("9.2.1＆9.2.4", vec!["9.2.1", "9.2.4"]),
        ] {
            assert_eq!(split(cell), want, "{cell:?}");
        }
    }

    /// A cell saying only "none" — dashes (`ー` too) or the words (`該当なし`, `ISMAP対象外`,
    /// `N/A`), alone, in brackets or with a note in brackets — holds no reference (review 11
    /// C-4); words saying where to look, and an id with such a word, are kept.
    #[test]
    fn a_cell_saying_none_holds_no_reference() {
        for cell in [
            "－",
            "-",
            "ー",
            "―",
            "—",
            "×",
            "／",
            "/",
            "なし",
            "無し",
            "該当なし",
            "対象外",
            "N/A",
            "n/a",
            "NA",
            "N.A.",
            "None",
            "No mapping",
            "対応なし",
            "ISMAP対象外",
            "ISMAP外",
            "（ISMAP範囲外）",
            "該当管理策なし",
            "－（契約で確認）",
            "なし（契約確認）",
            "-（対象外）",
            " ",
        ] {
            assert!(split(cell).is_empty(), "{cell:?}: {:?}", split(cell));
        }
        for (cell, want) in [
            ("別途確認", vec!["別途確認"]),
            ("契約で確認", vec!["契約で確認"]),
            ("空欄", vec!["空欄"]),
            ("?", vec!["?"]),
            ("9.2.1（対象外）", vec!["9.2.1（対象外）"]),
            ("9.2.1、なし", vec!["9.2.1", "なし"]),
            ("なし、9.2.1", vec!["なし", "9.2.1"]),
        ] {
            assert_eq!(split(cell), want, "{cell:?}");
        }
    }

    /// Review 17 D-4: a none with a note saying it is not settled yet is a reference not
    /// read (the item not analysed), never a statement of none; a note saying where to look
    /// or why stays a none.
    #[test]
    fn a_none_pending_is_no_none() {
        for cell in [
            "なし（要確認）",
            "－（検討中）",
            "なし（TBC）",
            "なし(確認中)",
            "なし（未定）",
            "N/A (TBD)",
            "None (to be confirmed)",
            "ISMAP対象外（要確認）",
            "なし（保留）",
            "なし（暫定）",
            "なし（仮）",
            "なし（案）",
            "なし（?）",
            // review 18 B-1: any note that is no reason or place
            "なし（CSP回答待ち）",
            "なし（不明）",
            "なし（わからない）",
            "None (unknown)",
            "なし（要調整）",
            "対象外（要相談）",
            "なし（検討）",
            "None (to be reviewed)",
            "None (interim)",
            "N/A (for now)",
            "なし（当面）",
            "ISMAP対象外（当面）",
            "なし（現時点）",
            "なし（今回）",
            "なし（2027年度に見直し）",
            "なし（一部）",
            "なし（他サービスで対応）",
            "なし（自己評価）",
            "なし（契約で確認予定）",
            "なし（CSPに確認中）",
            "該当なし（IaaS側で一部実施）",
            // review 20 C-4: a confirm naming no place
            "None (confirm)",
            "None (to confirm)",
            "なし（確認済？）",
        ] {
            assert_eq!(split(cell), vec![cell], "{cell:?}");
        }
        for cell in [
            "なし（契約で確認）",
            "なし（別途確認）",
            "なし（CSPに確認）",
            "対象外（物理なし）",
            "なし（仮想環境なし）",
            "なし（提案範囲外）",
            "なし（契約確認）",
            "－（対象外）",
            "なし（当社判断）",
            "なし（利用者責任）",
            "該当なし（IaaS側で実施）",
            "なし（社内規程で対応）",
            "N/A (out of scope)",
            "None (physical)",
            "なし（SLAで確認）",
            // review 20 C-4
            "なし（契約で確認済）",
            "なし（契約で確認済み）",
            "なし（CSPへ確認）",
            "なし（CSPに確認する）",
            "なし（CSPに確認のこと）",
            "None (confirm in contract)",
            "None (confirmed in contract)",
            "None (checked with CSP)",
            "None (per terms of service)",
        ] {
            assert!(split(cell).is_empty(), "{cell:?}: {:?}", split(cell));
        }
    }

    #[test]
    fn open_ranges_and_shortened_lists_are_marked() {
        for r in [
            "9.2.1～",
            "9.2.1-",
            "9.2.1 ～",
            "～9.2.6",
            "9.2.1ー",
            "9.2.1 -\n利用者登録",
            // a mark left after a range's end: a chain is not read as one range
            "9.2.1～\n9.2.3～",
            "9.2.1 -\n9.2.3 -",
            "9.2.1～9.2.3 -",
            "9.2.1～9.2.3～9.2.5",
            "9.2.1～9.2.3 - 9.2.5",
            "9.2.1から9.2.3から",
        ] {
            assert!(read(r).open_range, "{r:?}");
        }
        for r in [
            "9.2.1～9.2.6",
            "9.2.1 - 利用者登録",
            "8.1.5-P",
            "9.2.1ー9.2.6",
            "9.2.1～9.2.3 - 利用者登録",
        ] {
            assert!(!read(r).open_range, "{r:?}");
        }
        assert_eq!(read("9.2.1、4").shortened, ["9.2.4"]);
        assert_eq!(read("A.9.2.1、2、.4").shortened, ["A.9.2.2", "A.9.2.4"]);
        assert_eq!(read("9.2.1～9.2.3、5").shortened, ["9.2.5"]);
        assert!(read("4").shortened.is_empty());
        assert!(read("JIS Q 27001 7.5, 9").shortened.is_empty());
        // a number without the `A.` of the Annex A id before it under ISO/IEC 27001 is no
        // clause (`27001 A.９,9` once read `9` as clause 9 → 4.6.1): the marked id is only
        // suggested; full width or not, with or without a space
        for (r, want) in [
            ("27001 A.９,9", "A.9"),
            ("27001 A.9,9", "A.9"),
            ("ISO/IEC 27001 A.9, 9.1", "A.9.1"),
            ("JIS Q 27001:2014 A.9.2.1、9.2.2～9.2.3", "A.9.2.2～A.9.2.3"),
        ] {
            assert_eq!(read(r).shortened, [want], "{r:?}");
        }
        // a clause before the Annex A id, a list of marked ids, another standard's numbers
        // after CLD, the mark again after a new standard: read as written
        for r in [
            "ISO27001 6.1.2, A.9.2.1",
            "ISO27001 A.9, A.12",
            "27001 9, 10",
            "ISO/IEC 27017 CLD.6.3.1, 9.2.1",
            "JIS Q 27002 9.1, 9.2",
            "27001 A.9.2.1\n27001 9.2",
            "27001 A.9.2.1, ISO/IEC 27002 9.2.2",
        ] {
            assert!(read(r).shortened.is_empty(), "{r:?}: {:?}", read(r));
        }
        // 附属書A / 付属書A before a marked id, 第…項
        for r in [
            "JIS Q 27001:2014 附属書A A.12.4.1",
            "付属書A.12.4.1",
            "Annex A A.12.4.1",
        ] {
            let reading = read(r);
            assert!(
                matches!(&reading.atoms[..], [Atom::Id(_, id)] if id.text == "12.4.1" && id.marker == Marker::Annex),
                "{r:?}: {reading:?}"
            );
            assert_eq!(residue(&reading.beside[0].before, false), "", "{r:?}");
        }
        let r = read("第9.2.4項");
        assert_eq!(residue(&r.beside[0].before, false), "");
        assert_eq!(residue(&r.beside[0].after, false), "");
    }

    #[test]
    fn reads_the_words_beside_each_id() {
        let r = read("PCI DSS 8.2.1");
        assert_eq!(r.beside[0].before.trim(), "PCI DSS");
        assert_eq!(residue(&r.beside[0].before, false), "pcidss");
        let r = read("12.4.1（イベントログ取得）");
        assert_eq!(r.beside[0].after, "（イベントログ取得）");
        assert_eq!(title_words(&r.beside[0].after), "イベントログ取得");
        // after a separator, the words qualify the id before them
        let r = read("JIS Q 27001 7.5, 他");
        assert_eq!(residue(&r.beside[0].after, false), "他");
        // words between two ids with no separator are the first one's
        let r = read("9.2（9.2.3を除く）");
        assert_eq!(r.atoms.len(), 2);
        assert_eq!(residue(&r.beside[0].after, false), "");
        assert_eq!(residue(&r.beside[1].after, false), "を除く");
        // the words the tool reads leave nothing
        for words in [
            "管理策",
            "ISMAP管理策",
            "統制目標",
            "詳細管理策",
            "ISMAP管理基準",
            "（",
            "）",
            ": ",
            "全般",
            "及び",
            "又は",
            "と",
            " or ",
            " and ",
            "- ",
        ] {
            assert_eq!(residue(words, false), "", "{words}");
        }
        assert_eq!(residue("NIST SP 800-53 Rev.5", true), "");
        assert_ne!(residue("NIST SP 800-53 Rev.5", false), "");
        assert_ne!(residue("NIST SP 800-171", true), "");
        for words in [
            "等",
            "ほか",
            "etc.",
            "以外",
            "を除く",
            "相当",
            "?",
            "※",
            "（対象外）",
        ] {
            assert_ne!(residue(words, false), "", "{words}");
        }
        // a year after an id is its edition
        let r = read("A.5.15（2022年版）");
        assert!(matches!(
            r.atoms[0],
            Atom::Id(
                Some(StdRef {
                    standard: Standard::Iso27001,
                    year: Some(2022)
                }),
                _
            )
        ));
        assert_eq!(r.beside[0].after, "");
        assert_eq!(year_tag("2022"), Some(2022));
        assert_eq!(year_tag("2013年版"), Some(2013));
        assert_eq!(year_tag("12"), None);
        // CSF ids, shorthand ranges
        assert_eq!(read("NIST CSF PR.AC-1").csf.as_deref(), Some("PR.AC-1"));
        assert_eq!(read("GV.OC-01").csf.as_deref(), Some("GV.OC-01"));
        assert!(read("DE.CM-1").atoms.is_empty());
        assert!(read("9.2.1-3").shorthand);
        assert!(read("9.2.1～3").shorthand);
        assert!(!read("9.2.1～9.2.3").shorthand);
        assert!(!read("9.2.1～9.3").shorthand);
        assert!(!read("9～10").shorthand);
    }

    /// The shortcut for plain cells cuts them as the lexer does.
    #[test]
    fn plain_cells_are_cut_as_the_lexer_cuts_them() {
        for cell in [
            "9.2.1",
            "9.2.1, 8.1.5P; 9.2.1.3.PB\n12.4",
            "12.1.5-P, 9.4.1、8.1.5_pb",
            "8.1.5.P 9.5.1.p",
            "1.2.3.4.5",
            "9.2.1.B",
            "  9.2 ,, 10.1.1 ",
            "11.2.4、１１．２．１、7.2.1、A.12.4",
            "A.9.2.1 a.5 CLD.9.5.1 cld.6.3",
            "AC-2, IA-2(1)；ｓｃ－７",
        ] {
            assert_eq!(split_plain(cell), Some(split_lexed(cell)), "{cell:?}");
        }
        for cell in [
            "9",
            "9 10",
            "A.9.2.1.P",
            "9.2.1.",
            "9.2.1-9.2.3",
            "1234.1",
            "8.1.5P.1",
            "9.2x",
            "9.1・2",
            "AC-2 (1)",
            "CLD.8",
            "(9.2.1)",
            "ISO27001",
        ] {
            assert!(split_plain(cell).is_none(), "{cell:?}");
        }
    }

    proptest::proptest! {
        /// Whatever a cell holds, the shortcut cuts it as the lexer does, or steps aside.
        #[test]
        fn the_shortcut_agrees_with_the_lexer(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "9", "1", "12", ".", "．", "９", "P", "p", "B", "A.", "a.", "CLD.", "AC-",
                    "(", ")", ",", "、", " ", "\u{3000}", "・", "-", "～", "_", "－", "Ｐ",
                ]),
                1..14,
            )
        ) {
            let cell: String = pieces.concat();
            if let Some(fast) = split_plain(&cell) {
                proptest::prop_assert_eq!(fast, split_lexed(&cell), "{:?}", cell);
            }
        }
    }

    #[test]
    fn reads_standards_marks_and_ranges() {
        let r = read("ISO27001:2022 A.5.15");
        assert_eq!(
            r.atoms,
            [Atom::Id(
                Some(StdRef {
                    standard: Standard::Iso27001,
                    year: Some(2022)
                }),
                IdText {
                    text: "5.15".into(),
                    marker: Marker::Annex
                }
            )]
        );
        let r = read("JIS Q 27001 7.5, 9.2");
        assert_eq!(r.atoms.len(), 2);
        assert!(matches!(&r.atoms[1], Atom::Id(Some(s), _) if s.standard == Standard::Iso27001));
        assert!(read("9.1・2").malformed);
        assert!(read("9..1").malformed);
        assert_eq!(
            read("ISO/IEC 27001").bare_standard.map(|s| s.standard),
            Some(Standard::Iso27001)
        );
        let Atom::Range(None, a, b) = &read("９．２．１～９．２．３").atoms[0] else {
            panic!()
        };
        assert_eq!((a.text.as_str(), b.text.as_str()), ("9.2.1", "9.2.3"));
        assert!(range_problem(a, b).is_none());
        let ids = |s: &str| IdText {
            text: s.into(),
            marker: Marker::None,
        };
        assert!(range_problem(&ids("9.2.1"), &ids("9.3.1")).is_some());
        assert!(range_problem(&ids("9.2.3"), &ids("9.2.1")).is_some());
        assert!(range_problem(&ids("9.2"), &ids("9.2.3")).is_some());
        assert!(range_problem(&ids("9"), &ids("10")).is_some());
        assert_eq!(
            read("ISO 9001 7.5").atoms[0],
            Atom::Id(
                Some(StdRef {
                    standard: Standard::Other(9001),
                    year: None
                }),
                ids("7.5")
            )
        );
    }
}

#[cfg(test)]
mod fix9_tests {
    use super::*;

    fn known(id: &str) -> bool {
        ["5.1.2", "9.2.1", "9.2.4", "3.1.2"].contains(&id)
    }

    #[test]
    fn prose_ids_leave_out_other_documents_articles_and_versions() {
        for (text, want) in [
            ("規程第5.1.2条に従うこと", vec![]),
            ("規則5.1.2に従う", vec![]),
            ("第3.1条を遵守", vec![]),
            ("第3.1.2条を遵守", vec![]),
            ("v5.1.2以上", vec![]),
            ("ver 9.2.1 以降", vec![]),
            ("Version 9.2.1", vec![]),
            ("令和5.1.2以降", vec![]),
            ("運用マニュアル 9.2.1節を参照", vec![]),
            ("マニュアルの9.2.1に従う", vec![]),
            ("社内規程 9.2.4項に従う", vec![]),
            ("9.2.1版の手順書", vec![]),
            ("2023.9.2.1 以降", vec![]),
            ("ISO 9001 9.2.1に従う", vec![]),
            ("秘密認証情報の管理（9.2.4）", vec!["9.2.4"]),
            ("秘密認証情報の管理（A.9.2.4）", vec!["A.9.2.4"]),
            ("ISMAP管理策 第9.2.4条 に従う", vec!["9.2.4"]),
            ("管理策基準の9.9.9に従う", vec!["9.9.9"]),
            ("9.2.4に従いパスワードを管理", vec!["9.2.4"]),
            ("第9.2.4項に従う", vec!["9.2.4"]),
            ("規程 5.1.2 及び 管理策基準 9.2.4 参照", vec!["9.2.4"]),
            ("JIS Q 27002 9.9.9 参照", vec!["9.9.9"]),
            ("9.9.9 の手順", vec![]),
            ("AC-2 を実施", vec!["AC-2"]),
            // another framework's number (review 13 B-5)
            ("参考：政府統一基準 5.1.2", vec![]),
            ("統一基準の9.2.1に対応", vec![]),
            ("PCI DSS 9.2.4", vec![]),
            ("PCI DSS v4.0 要件 9.2.1 参照", vec![]),
            ("FISC安全対策基準 5.1.2", vec![]),
            ("SOC2 9.2.1", vec![]),
            // the framework in another phrase, ISMAP's named: still ids
            ("PCI DSSに準拠、9.2.1 も確認", vec!["9.2.1"]),
            ("PCI DSS 9.2.1 及び ISMAP 9.2.4", vec!["9.2.4"]),
            // the framework's name not right before the id: the buyer's (review 14 A-11)
            ("統一基準に加えて 9.2.1 も確認すること", vec!["9.2.1"]),
            ("政府統一基準の観点から9.2.1も確認すること", vec!["9.2.1"]),
            ("PCI DSS準拠のため 9.2.1 も確認", vec!["9.2.1"]),
            ("統一基準及び9.2.1", vec!["9.2.1"]),
            ("統一基準と 9.2.1", vec!["9.2.1"]),
        ] {
            assert_eq!(prose_ids(text, &known), want, "{text}");
        }
    }

    /// Review 21 A-10: a two-part ISO/IEC 27001:2022 Annex A number without its `A.` is a
    /// control named when the 2022 edition is named right before it, or alone in brackets
    /// when no ISMAP category has its number; otherwise not (as before).
    #[test]
    fn a_2022_number_without_its_mark_is_named_with_its_edition_or_in_brackets() {
        let known = |id: &str| ["5.1", "8.1", "9.2", "9.2.1", "5.1.1", "8.1.5"].contains(&id);
        for (text, want) in [
            ("ISO/IEC 27001:2022 5.23 対応", vec!["5.23"]),
            ("27002:2022 8.9", vec!["8.9"]),
            ("ISO/IEC 27002:2022の8.9", vec!["8.9"]),
            ("JIS Q 27001:2023 5.7", vec!["5.7"]),
            ("2022年版 5.7", vec!["5.7"]),
            ("（2022年版）5.7", vec!["5.7"]),
            ("参考：2022年版の8.1", vec!["8.1"]),
            ("ISO/IEC 27001 2022年版 8.12", vec!["8.12"]),
            ("情報の削除（8.10）", vec!["8.10"]),
            ("脅威インテリジェンス(5.7)", vec!["5.7"]),
            (
                "ISO/IEC 27001:2022 5.23、9.2.1 も確認",
                vec!["5.23", "9.2.1"],
            ),
            // the 2013 edition, no edition, another document's year, a version, an ISMAP
            // category in brackets, a number going on in the brackets: not named
            ("ISO/IEC 27001:2013 5.23", vec![]),
            ("5.23 対応", vec![]),
            ("ガイドライン2022年版 5.7", vec![]),
            ("2013年版 5.7", vec![]),
            ("2022年 5.7", vec![]),
            ("Linux 5.15 以降", vec![]),
            ("カーネル（v5.10）", vec![]),
            ("資産に対する責任（8.1）", vec![]),
            ("利用者アクセスの管理（9.2）", vec![]),
            ("（8.10 情報の削除）", vec![]),
            ("（5.7時間）", vec![]),
            ("ISMAP管理策 8.10", vec![]),
            ("ISO/IEC 27001:2022 5.2", vec!["5.2"]),
            ("ISO/IEC 27001:2022 9.9", vec![]),
            // ISMAP ids as before
            ("8.1.5.P に従う", vec!["8.1.5.P"]),
            ("5.1.1 の方針", vec!["5.1.1"]),
        ] {
            assert_eq!(prose_ids(text, &known), want, "{text}");
        }
    }

    #[test]
    fn an_edition_in_brackets_after_an_id_reads_as_the_standard_before_it() {
        for (after, before) in [
            ("A.9.2.4 (ISO/IEC 27001:2013)", "ISO/IEC 27001:2013 A.9.2.4"),
            ("A.9.2.4（JIS Q 27001:2014）", "JIS Q 27001:2014 A.9.2.4"),
            ("9.2.4 (ISO/IEC 27002:2013)", "ISO/IEC 27002:2013 9.2.4"),
            ("A.5.17 (ISO/IEC 27001:2022)", "ISO/IEC 27001:2022 A.5.17"),
        ] {
            assert_eq!(split(after), [after], "{after}");
            let (a, b) = (read(after), read(before));
            assert_eq!(a.atoms, b.atoms, "{after}");
            assert!(a.beside.iter().all(|x| residue(&x.after, false).is_empty()));
            assert_eq!(a.bare_standard, None, "{after}");
        }
        // contradicting the standard before the id: left as words (qualified)
        let r = read("ISO/IEC 27001:2013 A.9.2.4 (ISO/IEC 27001:2022)");
        assert!(!residue(&r.beside[0].after, false).is_empty());
        // a standard after an id outside brackets still starts a reference of its own
        assert_eq!(
            split("9.2.1, ISO/IEC 27001:2013 A.9.2.4"),
            ["9.2.1", "ISO/IEC 27001:2013 A.9.2.4"]
        );
    }

    #[test]
    fn connectives_between_ids_ditto_arrows_english_ranges_and_list_markers() {
        for (cell, want) in [
            ("9.2.1 or 9.2.4", vec!["9.2.1", "9.2.4"]),
            ("9.2.1 AND 9.2.4", vec!["9.2.1", "9.2.4"]),
            ("9.2.1又は9.2.4", vec!["9.2.1", "9.2.4"]),
            ("9.2.1と9.2.4", vec!["9.2.1", "9.2.4"]),
            ("9.2.1 and/or 9.2.4", vec!["9.2.1", "9.2.4"]),
            (
                "9.2.1 利用者登録及び登録削除 and 9.2.4",
                vec!["9.2.1 利用者登録及び登録削除", "9.2.4"],
            ),
            ("9.2.1 to 9.2.3", vec!["9.2.1 to 9.2.3"]),
            ("9.2.1 → 9.2.3", vec!["9.2.1 → 9.2.3"]),
            ("1) 9.2.1 2) 9.2.4", vec!["9.2.1", "9.2.4"]),
            ("① 9.2.1 ② 9.2.4", vec!["9.2.1", "9.2.4"]),
            ("(1) 9.2.1 (2) 9.2.4", vec!["9.2.1", "9.2.4"]),
            ("9.2.1 1) 9.2.4", vec!["9.2.1 1)", "9.2.4"]),
            ("1) 9.2.1 3) 9.2.4", vec!["9.2.1 3)", "9.2.4"]),
        ] {
            assert_eq!(split(cell), want, "{cell}");
        }
        for cell in ["9.2.1 to 9.2.3", "9.2.1 through 9.2.3", "9.2.1 THRU 9.2.3"] {
            assert!(
                matches!(read(cell).atoms.as_slice(), [Atom::Range(None, _, _)]),
                "{cell}"
            );
            assert!(may_hold_range(cell), "{cell}");
        }
        assert!(read("9.2.1 to").open_range);
        assert!(!read("9.2.1 tool").open_range);
        assert!(matches!(lex("9.2.1to9.2.3")[0].kind, Kind::Malformed));
        for cell in ["9.2.1 → 9.2.3", "9.2.1⇒9.2.3", "9.2.1 -> 9.2.3"] {
            let r = read(cell);
            assert!(r.arrow && r.atoms.is_empty(), "{cell}: {r:?}");
        }
        for mark in ["〃", "同上", "同左", " 〃 ", "（同上）", "Ditto"] {
            assert!(is_ditto(mark), "{mark}");
        }
        for text in ["同上記載", "9.2.1", "上"] {
            assert!(!is_ditto(text), "{text}");
        }
    }

    /// Review 24 C-1: `―` (U+2015, CP932's 0x815C), `ないし` and `乃至` mark a range as `—`
    /// and `から` do; `､` (U+FF64) separates as `、` does.
    #[test]
    fn cp932_dash_half_width_comma_and_naishi() {
        for cell in [
            "9.2.1―9.2.3",
            "9.2.1ないし9.2.3",
            "9.2.1 乃至 9.2.3",
            "9.2.1乃至9.2.3まで",
        ] {
            assert_eq!(split(cell), [cell], "{cell}");
            let r = read(cell);
            assert!(
                matches!(r.atoms.as_slice(), [Atom::Range(None, _, _)]),
                "{cell}: {r:?}"
            );
            assert!(r.beside.iter().all(|b| residue(&b.after, false).is_empty()));
            assert!(may_hold_range(cell), "{cell}");
        }
        assert_eq!(split("9.2.1､9.2.3､ 9.2.4"), ["9.2.1", "9.2.3", "9.2.4"]);
        assert!(read("9.2.1―").open_range);
        assert!(read("9.2.1ないし").open_range);
        // the words alone, or in a title, are no range
        assert_eq!(split("9.2.1 ないしょ"), ["9.2.1 ないしょ"]);
    }

    /// Review 24 E: a reference opening with a none and going on in brackets.
    #[test]
    fn a_none_around_an_id() {
        for t in [
            "対象外（9.2.3で確認）",
            "なし（9.2.3参照）",
            "該当なし（A.9.2.3）",
            "N/A (see 9.2.3)",
            "－（9.2.3に含む）",
            "ISMAP対象外（CLD.9.5.1）",
        ] {
            assert!(none_around_id(t), "{t}");
        }
        for t in [
            "9.2.3（対象外）",
            "PCI DSS 9.2.1",
            "（9.2.3）",
            "参考（9.2.3）",
            "なし",
            "9.2.3",
        ] {
            assert!(!none_around_id(t), "{t}");
        }
    }
}
