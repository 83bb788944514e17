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
/// `8.1.5P`, `９．２．１`), `A.` or `CLD.` ids, NIST ids (`AC-2`, `IA-2(1)`) — separated by
/// commas, semicolons, `、` or white space: what most cells hold. Its references are those
/// tokens, as [`split`] would cut them, found without lexing.
fn split_plain(cell: &str) -> Option<Vec<&str>> {
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
                // the middle dot is no dot here; anything else must fold to ASCII
                if is_middle_dot(c) || !f.is_ascii() {
                    return None;
                }
                folded.push(f);
            }
            folded.as_str()
        };
        if !(is_plain_id(t) || is_marked_id(t) || is_plain_nist(t)) {
            return None;
        }
        out.push(token);
    }
    Some(out)
}

/// `A.` + 1–4 numbers, or `CLD.` + 2–4 numbers, no suffix (ASCII, any case).
fn is_marked_id(t: &str) -> bool {
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
/// allowed; only after three numbers or more), in ASCII.
pub(crate) fn is_plain_id(t: &str) -> bool {
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
            at: s
                .char_indices()
                .map(|(i, c)| {
                    // the middle dot is a separator here, never a decimal point
                    let f = if is_middle_dot(c) { c } else { fold_char(c) };
                    (i, c, f)
                })
                .collect(),
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

fn is_middle_dot(c: char) -> bool {
    matches!(c, '\u{30FB}' | '\u{FF65}')
}

fn is_hard_sep(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | '、' | '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}'
    )
}

/// Could `text` hold a range: has it a character the lexer reads as one's sign?
pub fn may_hold_range(text: &str) -> bool {
    if text.is_ascii() {
        return text.bytes().any(|b| b == b'-' || b == b'~');
    }
    text.chars().any(|c| is_range_op(fold_char(c)))
}

fn is_range_op(c: char) -> bool {
    matches!(c, '~' | '-' | '\u{301C}')
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
    if c.orig(i) == Some('附') {
        let ok = c.orig(i + 1) == Some('属') && c.orig(i + 2) == Some('書');
        let a = c.skip_spaces(i + 3);
        if ok
            && c.is(a, |ch| ch.eq_ignore_ascii_case(&'A'))
            && !c.is(a + 1, |ch| ch.is_ascii_alphabetic())
        {
            return after(a + 1).map(|d| (Marker::Annex, d));
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
            return after(a + 1).map(|d| (Marker::Annex, d));
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

/// The lexemes of `s`, in order.
pub fn lex(s: &str) -> Vec<Lex> {
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
    while i < n {
        let ch = c.f(i).unwrap_or(' ');
        let orig = c.orig(i).unwrap_or(' ');
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
        if let Some((id, end)) = lex_id_at(&c, i) {
            let (kind, end) = after_id(&c, id, end);
            push(&mut out, kind, i, end);
            i = end;
            continue;
        }
        push(&mut out, Kind::Word, i, i + 1);
        i += 1;
    }
    out
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
    // a range: `~`, `〜`, `-` and the other end
    let op = c.skip_spaces(end);
    if c.is(op, is_range_op) {
        let second = c.skip_spaces(op + 1);
        if let Some((to, after)) = lex_id_at(c, second) {
            if to.parse().is_some() && !c.is(after, |ch| ch.is_ascii_alphanumeric()) {
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
    // more); `9.1・2` is one malformed run, never 9.1.2 nor 9.1 and 2
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
        if depth < 2 || other.depth() < 2 || other.marker != Marker::None {
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

/// Words that may stand beside a bare clause number in a cell of its own (`12全般`).
fn allowed_beside_clause(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| c.is_whitespace() || "()（）[]［］「」『』【】\"'“”‘’".contains(c));
    w.is_empty() || matches!(w, "全般" | "全体" | "全て" | "すべて")
}

/// Is `text` only punctuation and spaces?
fn is_punctuation(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || !c.is_alphanumeric())
}

/// Cuts a references cell into references, each the text as written (a part of `cell`):
/// an id with the standard or mark written before it, a range, a NIST id, a malformed
/// number, or the text of a part with no id at all (so that it is reported, not dropped).
/// Words beside an id (its title, `全般`, brackets) are not references. A standard named
/// before several plain ids (`JIS Q 27001 7.5, 9.2`) governs them all, up to a line break,
/// another standard or an id with its own mark, and they are one reference.
pub fn split(cell: &str) -> Vec<&str> {
    match split_plain(cell) {
        Some(plain) => plain,
        None => split_lexed(cell),
    }
}

/// [`split`] by the lexer, for any cell.
fn split_lexed(cell: &str) -> Vec<&str> {
    let lexes = lex(cell);
    let mut units: Vec<(usize, usize)> = Vec::new();
    // an open standard: (start, end of its last id, ids)
    let mut group: Option<(usize, usize, usize)> = None;
    let close = |group: &mut Option<(usize, usize, usize)>, units: &mut Vec<(usize, usize)>| {
        if let Some((start, end, _)) = group.take() {
            units.push((start, end));
        }
    };
    // the part between two separators: where it starts, whether it held a reference or a
    // standard, its one bare clause number (if any), and whether other words are in it
    let mut seg_start = 0usize;
    let mut seg_units = false;
    let mut seg_bare: Option<(usize, usize)> = None;
    let mut seg_words = false;
    let mut seg_grouped = false;
    let end_segment = |units: &mut Vec<(usize, usize)>,
                       seg_start: usize,
                       seg_end: usize,
                       seg_units: bool,
                       seg_bare: Option<(usize, usize)>,
                       seg_words: bool,
                       seg_grouped: bool| {
        if seg_units || seg_grouped {
            return;
        }
        match seg_bare {
            Some(b) if !seg_words => units.push(b),
            _ => {
                let text = &cell[seg_start..seg_end];
                let trimmed = text.trim_matches(|c: char| {
                    c.is_whitespace() || "()（）[]［］「」『』【】\"'“”‘’".contains(c)
                });
                if !is_punctuation(trimmed) {
                    let start = seg_start
                        + (text.len()
                            - text
                                .trim_start_matches(|c: char| {
                                    c.is_whitespace()
                                        || "()（）[]［］「」『』【】\"'“”‘’".contains(c)
                                })
                                .len());
                    units.push((start, start + trimmed.len()));
                }
            }
        }
    };
    for l in &lexes {
        match &l.kind {
            Kind::Std(_) => {
                close(&mut group, &mut units);
                group = Some((l.start, l.end, 0));
                seg_grouped = true;
            }
            Kind::Sep { newline } => {
                end_segment(
                    &mut units,
                    seg_start,
                    l.start,
                    seg_units,
                    seg_bare,
                    seg_words,
                    seg_grouped,
                );
                if *newline {
                    close(&mut group, &mut units);
                }
                seg_start = l.end;
                seg_units = false;
                seg_bare = None;
                seg_words = false;
                seg_grouped = group.is_some();
            }
            Kind::Nist(_) => {
                close(&mut group, &mut units);
                units.push((l.start, l.end));
                seg_units = true;
            }
            Kind::Id(IdText { marker, .. }) | Kind::Range(IdText { marker, .. }, _)
                if *marker != Marker::None =>
            {
                match group {
                    // a marked id right after a standard takes it (`ISO27001:2022 A.5.15`)
                    Some((start, _, 0)) => {
                        group = None;
                        units.push((start, l.end));
                    }
                    _ => {
                        close(&mut group, &mut units);
                        units.push((l.start, l.end));
                    }
                }
                seg_units = true;
            }
            // a valid id without a dot is a bare clause number
            Kind::Id(id) if group.is_none() && !id.text.contains('.') => {
                if seg_bare.is_some() {
                    seg_words = true;
                }
                seg_bare = Some((l.start, l.end));
            }
            Kind::Id(_) | Kind::Range(..) | Kind::Malformed => {
                match &mut group {
                    Some((_, end, n)) => {
                        *end = l.end;
                        *n += 1;
                    }
                    None => units.push((l.start, l.end)),
                }
                seg_units = true;
            }
            Kind::Word => {
                if !allowed_beside_clause(&cell[l.start..l.end]) {
                    seg_words = true;
                }
            }
            Kind::Space => {}
        }
    }
    end_segment(
        &mut units,
        seg_start,
        cell.len(),
        seg_units,
        seg_bare,
        seg_words,
        seg_grouped,
    );
    close(&mut group, &mut units);
    units.sort_unstable();
    units.dedup();
    units.into_iter().map(|(a, b)| &cell[a..b]).collect()
}

/// What one reference says: the standard governing each of its ids, its ids and ranges,
/// its NIST ids; `malformed` when a number in it is no id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    pub atoms: Vec<Atom>,
    pub malformed: bool,
    /// A standard is named but no id follows it.
    pub bare_standard: Option<StdRef>,
}

/// One id, range or NIST id of a reference, with the standard named before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Atom {
    Id(Option<StdRef>, IdText),
    Range(Option<StdRef>, IdText, IdText),
    Nist(String),
}

/// Reads one reference (as [`split`] cuts them, or as typed to `catalog show`).
pub fn read(reference: &str) -> Reading {
    let mut r = Reading::default();
    let mut std: Option<StdRef> = None;
    let mut std_used = true;
    for l in lex(reference) {
        match l.kind {
            Kind::Std(s) => {
                if !std_used {
                    r.bare_standard = std;
                }
                std = Some(s);
                std_used = false;
            }
            Kind::Sep { newline: true } => {
                if !std_used {
                    r.bare_standard = std;
                }
                std = None;
                std_used = true;
            }
            Kind::Id(id) => {
                std_used = true;
                r.atoms.push(Atom::Id(std, id));
            }
            Kind::Range(a, b) => {
                std_used = true;
                r.atoms.push(Atom::Range(std, a, b));
            }
            Kind::Nist(n) => r.atoms.push(Atom::Nist(n)),
            Kind::Malformed => r.malformed = true,
            Kind::Sep { .. } | Kind::Space | Kind::Word => {}
        }
    }
    if !std_used {
        r.bare_standard = std;
    }
    r
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_ids_from_their_titles_and_words() {
        for (cell, want) in [
            ("12.4.1（イベントログ取得）", vec!["12.4.1"]),
            ("12.1.3 容量・能力の管理", vec!["12.1.3"]),
            ("管理策9.2.1", vec!["9.2.1"]),
            ("統制目標 9.2.1", vec!["9.2.1"]),
            ("(9.2.1)", vec!["9.2.1"]),
            ("（９．２．１）", vec!["９．２．１"]),
            ("CLD 8.1.5", vec!["CLD 8.1.5"]),
            ("A 9.2.1", vec!["A 9.2.1"]),
            ("JIS Q 27002 9.2.1", vec!["JIS Q 27002 9.2.1"]),
            ("ISO/IEC 27017 CLD.6.3.1", vec!["ISO/IEC 27017 CLD.6.3.1"]),
            ("ISO27017 CLD.6.3.1", vec!["ISO27017 CLD.6.3.1"]),
            ("ISO27001:2022 A.5.15", vec!["ISO27001:2022 A.5.15"]),
            ("27001 6.1.2", vec!["27001 6.1.2"]),
            ("ISO/IEC 27001:2013 9.2", vec!["ISO/IEC 27001:2013 9.2"]),
            ("JIS Q 27001 7.5", vec!["JIS Q 27001 7.5"]),
            ("9.2全般", vec!["9.2"]),
            ("9.2 全体", vec!["9.2"]),
            ("12全般", vec!["12"]),
            ("9.2.1～9.2.3", vec!["9.2.1～9.2.3"]),
            ("9.2.1-9.2.3", vec!["9.2.1-9.2.3"]),
            ("9.2.1〜9.2.3", vec!["9.2.1〜9.2.3"]),
            ("9.2.1 ～ 9.2.3", vec!["9.2.1 ～ 9.2.3"]),
            ("9.2.1・9.2.2", vec!["9.2.1", "9.2.2"]),
            ("9.1・2", vec!["9.1・2"]),
            ("9.1・2・3", vec!["9.1・2・3"]),
            ("8.1.5P", vec!["8.1.5P"]),
            ("8.1.5 P", vec!["8.1.5 P"]),
            ("8.1.5-P", vec!["8.1.5-P"]),
            ("8.1.5.P.1", vec!["8.1.5.P.1"]),
            ("AC-2 (1)", vec!["AC-2 (1)"]),
            ("NIST SP 800-53 AC-2", vec!["AC-2"]),
            ("9..1", vec!["9..1"]),
            ("9.2.1x1", vec!["9.2.1x1"]),
            ("9.2.1（1）", vec!["9.2.1"]),
            ("別紙参照", vec!["別紙参照"]),
            ("-", vec![]),
            ("", vec![]),
            ("A.8.2 (2022)", vec!["A.8.2"]),
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
            ("Rev.5 9.2.1", vec!["9.2.1"]),
            ("X9.9", vec!["X9.9"]),
            ("9.2.1 9.2.2", vec!["9.2.1", "9.2.2"]),
            ("9, 10", vec!["9", "10"]),
            ("N/A", vec!["N", "A"]),
            ("2024/01/15", vec!["2024/01/15"]),
            ("9.2.1 (2024/01/15)", vec!["9.2.1", "2024/01/15"]),
        ] {
            assert_eq!(split(cell), want, "{cell:?}");
        }
    }

    /// The shortcut for plain cells cuts them as the lexer does.
    #[test]
    fn plain_cells_are_cut_as_the_lexer_cuts_them() {
        for cell in [
            "9.2.1",
            "9.2.1, 8.1.5P; 9.2.1.3.PB\n12.4",
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
                    "(", ")", ",", "、", " ", "\u{3000}", "・", "-", "～",
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
