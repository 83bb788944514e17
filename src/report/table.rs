//! Terminal tables, drawn here in comfy-table's look (it only tells the terminal's width):
//! the width of the terminal (or `COLUMNS`, else 160), widths right for Japanese text,
//! cells wrapped at spaces and beside Japanese characters, never inside a word that fits a
//! line, never starting a line with a mark that may not start one (`・`, `、`, `)`…);
//! colour only when asked.
use std::borrow::Cow;
use std::io::Write;

use comfy_table::Table;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::report::grid::{Grid, Tone};
use crate::text::{strip_controls, without_controls};

/// A tone's colour on a terminal: its number among the 256 colours (green, yellow, dark
/// yellow, red, magenta, dark grey, cyan, light grey).
fn color(t: Tone) -> Option<u8> {
    match t {
        Tone::Good => Some(10),
        Tone::Warn => Some(11),
        Tone::Caution => Some(3),
        Tone::Bad => Some(9),
        Tone::Alert => Some(13),
        Tone::Unknown => Some(8),
        Tone::Blank => Some(14),
        Tone::Muted => Some(7),
        Tone::Plain => None,
    }
}

/// Width of a table that is not drawn on a terminal, when `COLUMNS` does not say.
pub const PLAIN_WIDTH: u16 = 160;
/// Below this width, a report's table is the compact one.
pub const COMPACT_BELOW: u16 = 100;
/// The narrowest width a table is drawn at, whatever the terminal says.
pub const MIN_WIDTH: u16 = 40;

/// The width tables are drawn at: `COLUMNS` when set (a number), else the terminal's,
/// else [`PLAIN_WIDTH`]; never below [`MIN_WIDTH`].
pub fn output_width(columns: Option<&str>, terminal: Option<u16>) -> u16 {
    columns
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|c| *c > 0)
        .or(terminal)
        .unwrap_or(PLAIN_WIDTH)
        .max(MIN_WIDTH)
}

/// The width of the terminal stdout writes to, if it is one.
pub fn terminal_width() -> Option<u16> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return None;
    }
    Table::new().width().filter(|w| *w > 0)
}

/// Characters a line may not start with (Japanese line breaking rules, 行頭禁則, and
/// their ASCII counterparts): a break before one moves back a character.
#[inline]
fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '・' | '、'
            | '。'
            | '，'
            | '．'
            | '）'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〉'
            | '》'
            | '：'
            | '；'
            | '！'
            | '？'
            | 'ー'
            | 'ッ'
            | 'ャ'
            | 'ュ'
            | 'ョ'
            | 'っ'
            | 'ゃ'
            | 'ゅ'
            | 'ょ'
            | '…'
            | ')'
            | ']'
            | '}'
            | ','
            | '.'
            | ':'
            | ';'
            | '!'
            | '?'
            | '%'
    )
}

/// Characters a line may not end with (行末禁則): opening brackets.
fn no_line_end(c: char) -> bool {
    matches!(
        c,
        '（' | '「' | '『' | '【' | '〔' | '〈' | '《' | '(' | '[' | '{'
    )
}

/// The width of `text` in terminal columns, as unicode-width measures a string
/// (`text.width()`), counted directly when `text` holds only printable ASCII (a column
/// each) and the common wide characters of Japanese ([`is_common_wide`]): unicode-width
/// gives those their own width whatever stands beside them, and its table look-ups cost
/// more than the rest of measuring a table. Anything else is measured by unicode-width.
pub(crate) fn text_width(text: &str) -> usize {
    plain_width(text).unwrap_or_else(|| text.width())
}

/// Kana, kanji, Japanese punctuation and brackets, and the full-width forms: two
/// columns each (`tests::common_wide_characters_are_two_columns_anywhere` checks every
/// one against unicode-width).
fn is_common_wide(c: char) -> bool {
    // kanji first, then kana: most of a Japanese line is decided by the first test
    matches!(c, '\u{4E00}'..='\u{9FFF}')
        || matches!(
            c,
            '\u{3000}'..='\u{3003}'
                | '\u{3005}'..='\u{3011}'
                | '\u{3041}'..='\u{3096}'
                | '\u{30A1}'..='\u{30FC}'
                | '\u{FF01}'..='\u{FF60}'
        )
}

/// A line of text cut into pieces no line breaks inside: a word (non-space narrow
/// characters), a wide character, a space; a piece that may not start a line joined to
/// the one before it, one that may not end a line to the one after. The one reading of
/// where a line may break, for the terminal and for the height of a wrapped cell. Each
/// piece comes with its width ([`text_width`]).
pub(crate) fn atoms(line: &str) -> Vec<(&str, usize)> {
    let mut spans = Vec::new();
    atom_spans(line, &mut spans);
    spans
        .into_iter()
        .map(|(s, e, w)| (&line[s..e], w))
        .collect()
}

/// The width of an atom not yet measured (see [`atom_spans`]).
const UNMEASURED: usize = usize::MAX;

/// The width of two pieces side by side: the sum when both were counted (printable ASCII
/// and common wide characters only, each its own width wherever it stands), else
/// [`UNMEASURED`].
fn beside(a: usize, b: usize) -> usize {
    if a == UNMEASURED || b == UNMEASURED {
        UNMEASURED
    } else {
        a + b
    }
}

/// [`atoms`] as byte ranges of `line` with their widths, into `out` (cleared first): one
/// pass ([`each_piece`]), then the short quotations joined ([`join_short_quotes`]), then
/// the widths not counted as the atoms were read measured by [`text_width`].
/// Whether every atom's width was counted as it was read: `line` holds only printable
/// ASCII and common wide characters ([`plain_width`] is `Some`).
fn atom_spans(line: &str, out: &mut Vec<(usize, usize, usize)>) -> bool {
    out.clear();
    // about as many atoms as a line of Japanese has characters: grown once, not doubling
    out.reserve(line.len() / 3 + 1);
    let mut counted = true;
    each_piece(line, |s, e, w| {
        counted &= w != UNMEASURED;
        out.push((s, e, w));
    });
    if line.contains('「') {
        join_short_quotes(line, out);
    }
    if !counted {
        for (s, e, w) in out.iter_mut() {
            if *w == UNMEASURED {
                *w = text_width(&line[*s..*e]);
            }
        }
    }
    counted
}

/// The atoms of `line` before short quotations are joined, given to `emit` (start, end,
/// width) in order, each once it is whole: each piece joined to the atom before it as it
/// comes, its width counted as it is read when it holds only printable ASCII and common
/// wide characters (as [`text_width`] counts them), else [`UNMEASURED`]. Without a `「`
/// in `line` these are its [`atoms`] (their widths once measured).
fn each_piece(line: &str, emit: impl FnMut(usize, usize, usize)) {
    let mut atoms = Joiner {
        pending: None,
        last: ' ',
        emit,
    };
    // the word being read: its start, first character and width so far
    let mut word: Option<(usize, char, usize)> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        let (wide, w) = match c {
            ' '..='~' => (false, 1),
            c if c.is_ascii() => (false, UNMEASURED),
            c if is_common_wide(c) => (true, 2),
            c => (c.width().unwrap_or(0) >= 2, UNMEASURED),
        };
        if c == ' ' || wide {
            if let Some((s, first, ww)) = word.take() {
                atoms.push(s, i, ww, first, prev);
            }
            atoms.push(i, i + c.len_utf8(), w, c, c);
        } else if let Some((_, _, ww)) = &mut word {
            *ww = beside(*ww, w);
        } else {
            word = Some((i, c, w));
        }
        prev = c;
    }
    if let Some((s, first, ww)) = word {
        atoms.push(s, line.len(), ww, first, prev);
    }
    if let Some((s, e, w)) = atoms.pending {
        (atoms.emit)(s, e, w);
    }
}

/// The atoms of [`each_piece`] as they are built: the one not yet given to `emit` (start,
/// end, width) and its last character (`' '` when there is none).
struct Joiner<F> {
    pending: Option<(usize, usize, usize)>,
    last: char,
    emit: F,
}

impl<F: FnMut(usize, usize, usize)> Joiner<F> {
    /// A piece (start, end, width, its first and last characters) joined to the atom
    /// before it when the line may not break between them: before a no-line-start piece,
    /// after a no-line-end one (never at a space); else that atom is given to `emit` and
    /// the piece starts the next.
    #[inline(always)]
    fn push(&mut self, s: usize, e: usize, w: usize, first: char, end: char) {
        let join =
            first != ' ' && self.last != ' ' && (no_line_start(first) || no_line_end(self.last));
        match &mut self.pending {
            Some(atom) if join => {
                atom.1 = e;
                atom.2 = beside(atom.2, w);
            }
            _ => {
                if let Some((s, e, w)) = self.pending.replace((s, e, w)) {
                    (self.emit)(s, e, w);
                }
            }
        }
        self.last = end;
    }
}

/// The width of `line` counted as [`text_width`] counts it when it holds only printable
/// ASCII and common wide characters (each its own width wherever it stands, so that its
/// atoms' widths add up to it), else `None`.
pub(crate) fn plain_width(line: &str) -> Option<usize> {
    plain_width_within(line, usize::MAX)
}

/// Whether `line` holds only printable ASCII and common wide characters and is no wider
/// than `width` ([`plain_width`] at most `width`), read only as far as it takes to tell.
pub(crate) fn plain_fits(line: &str, width: usize) -> bool {
    plain_width_within(line, width).is_some()
}

/// [`plain_width`] when it is at most `limit`, else `None` (read only until it is more).
fn plain_width_within(line: &str, limit: usize) -> Option<usize> {
    let mut width = 0;
    for c in line.chars() {
        width += match c {
            ' '..='~' => 1,
            c if is_common_wide(c) => 2,
            _ => return None,
        };
        if width > limit {
            return None;
        }
    }
    Some(width)
}

/// Calls `f` with the [`atoms`] of `line` (start, end, width), in order, without
/// collecting them when `line` holds no quotation (`「`): the reading [`atoms`] gives, for
/// a count that needs each atom once.
pub(crate) fn for_each_atom(line: &str, mut f: impl FnMut(usize, usize, usize)) {
    if line.contains('「') {
        let mut spans = Vec::new();
        atom_spans(line, &mut spans);
        for (s, e, w) in spans {
            f(s, e, w);
        }
        return;
    }
    each_piece(line, |s, e, w| {
        let w = if w == UNMEASURED {
            text_width(&line[s..e])
        } else {
            w
        };
        f(s, e, w);
    });
}

/// A short quotation (`「登録区分: ISMAP」`, up to 24 columns: a label and value to type or
/// find as written) is one atom: never broken; a longer one breaks as any text.
fn join_short_quotes(line: &str, out: &mut Vec<(usize, usize, usize)>) {
    let mut from = 0;
    while let Some(open) = line[from..].find('「').map(|i| from + i) {
        let Some(close) = line[open..].find('」').map(|i| open + i + '」'.len_utf8()) else {
            break;
        };
        if text_width(&line[open..close]) <= 24 {
            let first = out.iter().position(|&(_, e, _)| e > open);
            let last = out.iter().rposition(|&(s, _, _)| s < close);
            if let (Some(a), Some(b)) = (first, last) {
                if a < b {
                    let w = out[a..=b].iter().fold(0, |w, atom| beside(w, atom.2));
                    let joined = (out[a].0, out[b].1, w);
                    out.splice(a..=b, [joined]);
                }
            }
        }
        from = close;
    }
}

/// `text` wrapped to lines of at most `width` terminal columns (wide characters count
/// two): each of its lines broken between [`atoms`], a word longer than a whole line cut
/// where it must. A continuation line starts with `indent`; a line of `text` that begins
/// with a bullet `・` has its continuation lines indented under its text, so that only a
/// new item starts with one.
pub fn wrap_lines(text: &str, width: usize, indent: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut lines = Vec::new();
    for line in text.split('\n') {
        wrap_measured(&measure(line.trim_end()), width, indent, &mut lines);
        out.extend(lines.drain(..).map(|(l, _)| l.into_owned()));
    }
    out
}

/// One line cut into [`atoms`], each with its width (start, end, width), for wrapping;
/// `plain` when every atom's width was counted (the line holds only printable ASCII and
/// common wide characters): the widths then add up.
struct Measured<'a> {
    line: &'a str,
    atoms: Vec<(usize, usize, usize)>,
    plain: bool,
}

fn measure(line: &str) -> Measured<'_> {
    let mut atoms = Vec::new();
    let plain = atom_spans(line, &mut atoms);
    Measured { line, atoms, plain }
}

/// One line of a cell, its end trimmed, with its width when it holds only printable
/// ASCII and common wide characters ([`plain_width`]): such a line no wider than its
/// column is drawn as it is, without being cut into [`atoms`]. Its atoms when they were
/// cut for the column's longest atom.
struct CellLine<'a> {
    line: &'a str,
    plain: Option<usize>,
    atoms: Option<Vec<(usize, usize, usize)>>,
}

/// The lines of a cell's `text` (their ends trimmed); `natural` raised to the widest of
/// them and `longest` to its widest atom (of the lines as written). A plain line no wider
/// than `longest` already is holds no wider atom (its atoms' widths add up to its width),
/// so it is not cut here.
fn measure_cell<'a>(text: &'a str, natural: &mut usize, longest: &mut usize) -> Vec<CellLine<'a>> {
    (text.split('\n'))
        .map(|line| {
            let plain = plain_width(line);
            let width = plain.unwrap_or_else(|| line.width());
            *natural = (*natural).max(width);
            let mut atoms = None;
            if plain.is_none_or(|w| w > *longest) {
                let mut spans = Vec::new();
                atom_spans(line, &mut spans);
                *longest = spans.iter().fold(*longest, |l, a| l.max(a.2));
                atoms = Some(spans);
            }
            let trimmed = line.trim_end();
            if trimmed.len() == line.len() {
                CellLine { line, plain, atoms }
            } else {
                CellLine {
                    line: trimmed,
                    plain: plain_width(trimmed),
                    atoms: None,
                }
            }
        })
        .collect()
}

/// A cell's lines wrapped to `width` columns ([`wrap_measured`], no indent), each with
/// its width: a plain line that fits is itself, one line (all its atoms fit where they
/// come); the others are cut into atoms (when they were not already) and wrapped.
fn wrap_cell(lines: Vec<CellLine<'_>>, width: usize) -> Lines<'_> {
    let mut out = Vec::with_capacity(lines.len());
    for l in lines {
        if let Some(w) = l.plain.filter(|&w| w <= width.max(1)) {
            out.push((Cow::Borrowed(l.line), w));
            continue;
        }
        let m = match l.atoms {
            Some(atoms) => Measured {
                line: l.line,
                atoms,
                plain: l.plain.is_some(),
            },
            None => measure(l.line),
        };
        wrap_measured(&m, width, "", &mut out);
    }
    out
}

/// [`wrap_lines`] of one line (its end trimmed), measured, appended to `out` with the
/// width of each line ([`text_width`]; worked out from its atoms' when they add up). A
/// wrapped line is a slice of `line` (with the indent of a continuation line), built as
/// one ([`Wrapped`]).
fn wrap_measured<'a>(m: &Measured<'a>, width: usize, indent: &str, out: &mut Lines<'a>) {
    let (line, width) = (m.line, width.max(1));
    let hang = if line.starts_with('・') {
        "  "
    } else {
        indent
    };
    let hang = if hang.width() >= width { "" } else { hang };
    let hang_width = hang.width();
    let plain = m.plain && plain_width(hang).is_some();
    let mut current = Wrapped::new(line, "");
    let mut used = 0;
    for &(s, e, w) in &m.atoms {
        if used + w <= width {
            current.push(s, e);
            used += w;
            continue;
        }
        if e - s == 1 && line.as_bytes()[s] == b' ' {
            // a space at the end of a line is dropped
            continue;
        }
        if !current.is_blank() {
            out.push(current.finish(plain, used));
            current = Wrapped::new(line, hang);
            used = hang_width;
        }
        if used + w <= width {
            current.push(s, e);
            used += w;
            continue;
        }
        // longer than a line: cut it where it must be
        for (i, c) in line[s..e].char_indices() {
            let cw = c.width().unwrap_or(0);
            if used + cw > width && !current.is_blank() {
                out.push(current.finish(plain, used));
                current = Wrapped::new(line, hang);
                used = hang_width;
            }
            current.push(s + i, s + i + c.len_utf8());
            used += cw;
        }
    }
    out.push(current.finish(plain, used));
}

/// A line being wrapped by [`wrap_measured`]: `hang` then the bytes `from..to` of `line`,
/// or, once a piece that does not follow the last one in `line` is added (after a dropped
/// space), the text copied.
struct Wrapped<'a, 'h> {
    line: &'a str,
    hang: &'h str,
    from: usize,
    to: usize,
    copied: Option<String>,
}

impl<'a, 'h> Wrapped<'a, 'h> {
    fn new(line: &'a str, hang: &'h str) -> Self {
        Wrapped {
            line,
            hang,
            from: 0,
            to: 0,
            copied: None,
        }
    }

    /// The bytes `s..e` of the line added at the end.
    #[inline(always)]
    fn push(&mut self, s: usize, e: usize) {
        if let Some(text) = &mut self.copied {
            text.push_str(&self.line[s..e]);
        } else if self.from == self.to {
            (self.from, self.to) = (s, e);
        } else if self.to == s {
            self.to = e;
        } else {
            let mut text = String::with_capacity(self.hang.len() + self.to - self.from + e - s);
            text.push_str(self.hang);
            text.push_str(&self.line[self.from..self.to]);
            text.push_str(&self.line[s..e]);
            self.copied = Some(text);
        }
    }

    /// Whether the line holds only white space (or nothing).
    fn is_blank(&self) -> bool {
        match &self.copied {
            Some(text) => text.trim().is_empty(),
            None => self.hang.trim().is_empty() && self.line[self.from..self.to].trim().is_empty(),
        }
    }

    /// The line, its end trimmed, with its width: `used` (what its pieces and hang add up
    /// to) less its trimmed end's when `plain`, else [`text_width`] of it.
    fn finish(self, plain: bool, used: usize) -> (Cow<'a, str>, usize) {
        let text: Cow<'a, str> = match self.copied {
            Some(text) => Cow::Owned(text),
            None if self.hang.is_empty() => Cow::Borrowed(&self.line[self.from..self.to]),
            None => Cow::Owned([self.hang, &self.line[self.from..self.to]].concat()),
        };
        let keep = text.trim_end().len();
        let width = if plain {
            used - text_width(&text[keep..])
        } else {
            text_width(&text[..keep])
        };
        let text = match text {
            Cow::Borrowed(t) => Cow::Borrowed(&t[..keep]),
            Cow::Owned(mut t) => {
                t.truncate(keep);
                Cow::Owned(t)
            }
        };
        (text, width)
    }
}

/// `line` wrapped to `width` columns, continuation lines indented by two spaces: the
/// summary and warning lines above a table, kept within its width.
pub fn wrap(line: &str, width: usize) -> Vec<String> {
    wrap_lines(line, width, "  ")
}

/// `line`, a list of parts joined by `sep` (`判定不能 1 · 充足率 50.0%`), wrapped to `width`
/// columns at its separators first, so that no part (a label and its number) is broken
/// when it fits a line; the separator ends the line it breaks. A line of one part, or a
/// part longer than a line, is wrapped by [`wrap`].
pub fn wrap_list(line: &str, sep: &str, width: usize) -> Vec<String> {
    const INDENT: &str = "  ";
    if !line.contains(sep) {
        return wrap(line, width);
    }
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let parts: Vec<&str> = line.split(sep).collect();
    let end = sep.trim_end();
    for (i, part) in parts.iter().enumerate() {
        // room for the separator ending the line, when more parts follow
        let tail = if i + 1 < parts.len() { end.width() } else { 0 };
        if current.is_empty() {
            current.push_str(part);
        } else if current.width() + sep.width() + part.width() + tail <= width {
            current.push_str(sep);
            current.push_str(part);
        } else {
            current.push_str(end);
            lines.push(std::mem::replace(&mut current, format!("{INDENT}{part}")));
        }
    }
    lines.push(current);
    lines
        .iter()
        .flat_map(|l| {
            if l.width() <= width {
                vec![l.clone()]
            } else {
                wrap(l, width)
            }
        })
        .collect()
}

/// Writes `line` (control characters stripped) wrapped by [`wrap`] to `width` columns: a
/// line above or below a table.
pub fn write_wrapped(w: &mut dyn Write, line: &str, width: u16) -> std::io::Result<()> {
    for part in wrap(&strip_controls(line), width.into()) {
        writeln!(w, "{part}")?;
    }
    Ok(())
}

/// The line under a compact table (`report`, `readiness`): where every column is.
pub fn write_compact_note(
    w: &mut dyn Write,
    lang: crate::lang::Lang,
    width: u16,
) -> std::io::Result<()> {
    write_wrapped(
        w,
        lang.pick(
            "(狭い画面向けの表示です。全ての列は --format md/csv/xlsx で出力できます)",
            "(compact view for a narrow terminal: --format md, csv or xlsx give every column)",
        ),
        width,
    )
}

/// `text`'s first line cut to fit `width` columns, between [`atoms`], ending with `…` when
/// something was cut.
pub fn shorten(text: &str, width: usize) -> String {
    let line = text.lines().next().unwrap_or("");
    let cut = text.lines().nth(1).is_some();
    if !cut && line.width() <= width {
        return line.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for (atom, w) in atoms(line) {
        if used + w + 1 > width {
            break;
        }
        out.push_str(atom);
        used += w;
    }
    if out.trim().is_empty() {
        // one word longer than the room: its start
        for c in line.chars() {
            let w = c.width().unwrap_or(0);
            if used + w + 1 > width {
                break;
            }
            out.push(c);
            used += w;
        }
    }
    format!("{}…", out.trim_end())
}

/// Border and padding columns of a table of `n` columns (`│ a ┆ b │`).
fn overhead(n: usize) -> usize {
    3 * n + 1
}

/// Widths of the columns so that the table fits `width`: every column its widest line
/// when they fit; else the narrow ones keep theirs and the rest share what is left in
/// proportion to what their text needs beyond a floor (their longest word, at least 16
/// columns) where the room allows. `natural` is each column's widest line and `longest`
/// its widest unbreakable piece (of the [`atoms`] of its cells' lines, header included):
/// below it, a word would be cut.
pub fn column_widths(natural: &[usize], width: usize, longest: &[usize]) -> Vec<usize> {
    let n = natural.len();
    let natural: Vec<usize> = natural.iter().map(|&w| w.max(1)).collect();
    let room = width.saturating_sub(overhead(n)).max(n);
    if natural.iter().sum::<usize>() <= room {
        return natural;
    }
    // the columns no wider than an even share keep their width, from the narrowest up
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&c| natural[c]);
    let mut out = vec![0; n];
    let mut left = room;
    let mut rest: Vec<usize> = Vec::new();
    for (k, &c) in order.iter().enumerate() {
        let share = left / (n - k);
        if natural[c] <= share {
            out[c] = natural[c];
            left -= natural[c];
        } else {
            rest = order[k..].to_vec();
            break;
        }
    }
    // the others get a floor each (their longest word, or 16 columns, whichever is
    // more, within their text and a third of the room), then share what is left by how
    // much more their text needs
    let floor = |c: usize| longest[c].min(room / 3).max(16).min(natural[c]).max(1);
    let mut given = 0;
    for &c in &rest {
        out[c] = floor(c);
        given += out[c];
    }
    let need: usize = rest
        .iter()
        .map(|&c| natural[c] - out[c])
        .sum::<usize>()
        .max(1);
    let spare = left.saturating_sub(given);
    for &c in &rest {
        let more = (natural[c] - out[c]) * spare / need;
        out[c] += more;
        given += more;
    }
    // what the floors took beyond the room comes off the widest
    while given > left {
        let Some(&c) = rest
            .iter()
            .filter(|&&c| out[c] > 1)
            .max_by_key(|&&c| out[c])
        else {
            break;
        };
        out[c] -= 1;
        given -= 1;
    }
    // what rounding left over goes to the columns still narrower than their text
    while given < left {
        let Some(&c) = rest
            .iter()
            .filter(|&&c| out[c] < natural[c])
            .max_by_key(|&&c| natural[c] - out[c])
        else {
            break;
        };
        out[c] += 1;
        given += 1;
    }
    out
}

/// The lines of the border (left, fill, junction, right) and the bar between cells: the
/// look of comfy-table's `UTF8_FULL_CONDENSED`, which drew these tables before.
const TOP: [char; 4] = ['┌', '─', '┬', '┐'];
const HEADER_RULE: [char; 4] = ['╞', '═', '╪', '╡'];
const BOTTOM: [char; 4] = ['└', '─', '┴', '┘'];
const EDGE: char = '│';
const BAR: char = '┆';

/// A cell wrapped to its column: its lines, each with its width.
type Lines<'a> = Vec<(Cow<'a, str>, usize)>;

/// Draws the grid within `width` columns. Input text is stripped of control characters
/// and escape sequences. Every cell is wrapped here ([`wrap_lines`]) to the widths of
/// [`column_widths`]; a column is then as wide as its widest line, with a space of padding
/// on each side. With colour, the header is bold and the tone column in the row's colour,
/// each line of a cell styled whole (padding included) with the escape sequences
/// comfy-table wrote.
pub fn render(grid: &Grid, colored: bool, width: u16, w: &mut dyn Write) -> anyhow::Result<()> {
    let headers: Vec<Cow<str>> = grid.headers.iter().map(|h| without_controls(h)).collect();
    let cells: Vec<Vec<Cow<str>>> = (grid.rows.iter())
        .map(|r| r.iter().map(|c| without_controls(c)).collect())
        .collect();
    // every line of every cell measured once: the widest line and the longest atom of
    // each column, then the lines wrapped
    let n = headers.len();
    let mut natural = vec![0; n];
    let mut longest = vec![0; n];
    let header: Vec<Vec<CellLine>> = (headers.iter().enumerate())
        .map(|(c, h)| measure_cell(h, &mut natural[c], &mut longest[c]))
        .collect();
    let rows: Vec<Vec<Vec<CellLine>>> = (cells.iter())
        .map(|row| {
            (row.iter().enumerate())
                .map(|(c, t)| measure_cell(t, &mut natural[c], &mut longest[c]))
                .collect()
        })
        .collect();
    let widths = column_widths(&natural, usize::from(width), &longest);
    let header: Vec<Lines> = (header.into_iter().enumerate())
        .map(|(c, h)| wrap_cell(h, widths[c]))
        .collect();
    let rows: Vec<Vec<Lines>> = (rows.into_iter())
        .map(|row| {
            (row.into_iter().enumerate())
                .map(|(c, t)| wrap_cell(t, widths[c]))
                .collect()
        })
        .collect();
    let mut drawn = vec![1; header.len()];
    for cells in std::iter::once(&header).chain(&rows) {
        for (c, lines) in cells.iter().enumerate() {
            for &(_, w) in lines {
                drawn[c] = drawn[c].max(w);
            }
        }
    }

    let mut out = String::new();
    rule(&mut out, TOP, &drawn);
    let bold = colored.then(|| ("\x1b[1m".to_owned(), "\x1b[0m"));
    draw_row(&mut out, &header, &drawn, |_| bold.clone());
    rule(&mut out, HEADER_RULE, &drawn);
    for (i, cells) in rows.iter().enumerate() {
        let tone = grid.tones.get(i).copied().unwrap_or(Tone::Plain);
        let style = |c: usize| match (colored, grid.tone_column == Some(c), color(tone)) {
            (true, true, Some(n)) => Some((format!("\x1b[38;5;{n}m"), "\x1b[39m")),
            _ => None,
        };
        draw_row(&mut out, cells, &drawn, style);
    }
    rule(&mut out, BOTTOM, &drawn);
    w.write_all(out.as_bytes())?;
    Ok(())
}

/// A horizontal line of the border, over columns of `drawn` widths (padding added).
fn rule(out: &mut String, [left, fill, junction, right]: [char; 4], drawn: &[usize]) {
    out.push(left);
    for (c, &w) in drawn.iter().enumerate() {
        if c > 0 {
            out.push(junction);
        }
        out.extend(std::iter::repeat_n(fill, w + 2));
    }
    out.push(right);
    out.push('\n');
}

/// The lines of one row: each cell's lines padded to its column, a cell with fewer lines
/// (or none) filled with spaces; `style` gives a column's escape sequences (start, end).
fn draw_row(
    out: &mut String,
    cells: &[Lines],
    drawn: &[usize],
    style: impl Fn(usize) -> Option<(String, &'static str)>,
) {
    let styles: Vec<_> = (0..drawn.len()).map(style).collect();
    let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
    for k in 0..height {
        out.push(EDGE);
        for (c, &w) in drawn.iter().enumerate() {
            if c > 0 {
                out.push(BAR);
            }
            match cells.get(c).and_then(|lines| lines.get(k)) {
                Some((text, tw)) => {
                    if let Some((start, _)) = &styles[c] {
                        out.push_str(start);
                    }
                    out.push(' ');
                    out.push_str(text);
                    spaces(out, w - tw + 1);
                    if let Some((_, end)) = &styles[c] {
                        out.push_str(end);
                    }
                }
                None => spaces(out, w + 2),
            }
        }
        out.push(EDGE);
        out.push('\n');
    }
}

/// `n` spaces appended to `out`, a slice at a time.
fn spaces(out: &mut String, mut n: usize) {
    const SPACES: &str = "                                ";
    while n > SPACES.len() {
        out.push_str(SPACES);
        n -= SPACES.len();
    }
    out.push_str(&SPACES[..n]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_wide_characters_are_two_columns_anywhere() {
        let wide: Vec<char> = ('\u{3000}'..='\u{FFFF}')
            .filter(|&c| is_common_wide(c))
            .collect();
        assert!(wide.len() > 21_000);
        for c in wide {
            assert_eq!(c.width(), Some(2), "{c:?}");
            for s in [
                format!("{c}"),
                format!("a{c}"),
                format!("{c}a"),
                format!("{c}{c}"),
            ] {
                let ascii = s.len() - c.len_utf8() * s.chars().filter(|&x| x == c).count();
                let n = s.chars().filter(|&x| x == c).count();
                assert_eq!(s.width(), ascii + 2 * n, "{s:?}");
            }
        }
    }

    proptest::proptest! {
        /// The direct count is unicode-width's, for any mix of what it counts and what it
        /// leaves to unicode-width (controls, combining marks, emoji, half-width kana).
        #[test]
        fn text_width_is_unicode_width(s in "[ -~あ-んア-ヶー漢字、。「」（）！\t\u{300}\u{FE0F}\u{200D}😀ｱﾞ①─]{0,16}") {
            proptest::prop_assert_eq!(text_width(&s), s.width());
        }

        /// The widths counted while a line is cut into atoms are unicode-width's of each
        /// atom, and the atoms are the line (short quotations and 禁則 joins included).
        #[test]
        fn atoms_carry_their_unicode_width(s in "[ -~あ-んア-ヶー漢字、。「」（）！\t\u{300}\u{FE0F}\u{200D}😀ｱﾞ①─]{0,24}") {
            let atoms = atoms(&s);
            for &(atom, w) in &atoms {
                proptest::prop_assert_eq!(w, atom.width(), "{:?} in {:?}", atom, s);
            }
            proptest::prop_assert_eq!(atoms.iter().map(|a| a.0).collect::<String>(), s);
        }
    }

    proptest::proptest! {
        /// The atoms given one by one ([`for_each_atom`], as the row heights count them)
        /// are the atoms collected ([`atoms`]), quotations and 禁則 joins included.
        #[test]
        fn atoms_given_one_by_one_are_the_atoms(s in "[ -~あ-んア-ヶー漢字、。・「」（）！\t\u{300}\u{FE0F}😀ｱﾞ①─]{0,40}") {
            let mut given = Vec::new();
            for_each_atom(&s, |a, b, w| given.push((&s[a..b], w)));
            proptest::prop_assert_eq!(given, atoms(&s));
        }

        /// [`plain_fits`] is [`plain_width`] at most the width.
        #[test]
        fn plain_fits_is_the_plain_width_within(s in "[ -~あ-ん漢、\u{300}😀ｱ]{0,20}", width in 0usize..30) {
            proptest::prop_assert_eq!(plain_fits(&s, width), plain_width(&s).is_some_and(|w| w <= width));
        }

        /// A cell's lines measured and wrapped by the table ([`measure_cell`],
        /// [`wrap_cell`]: plain lines that fit taken whole) are [`wrap_lines`]' lines with
        /// their widths, and the column's widest line and longest atom are those of every
        /// line cut into atoms.
        #[test]
        fn cells_wrap_as_wrap_lines_wraps(
            s in "[ -~あ-んア-ヶー漢字、。・「」（）！\n\u{3000}\u{A0}\u{300}😀ｱ]{0,60}",
            width in 1usize..30,
            longest_before in 0usize..12,
        ) {
            let (mut natural, mut longest) = (0, longest_before);
            let lines = measure_cell(&s, &mut natural, &mut longest);
            let expected_longest = s
                .split('\n')
                .flat_map(atoms)
                .fold(longest_before, |l, (_, w)| l.max(w));
            proptest::prop_assert_eq!(longest, expected_longest);
            let expected_natural = s.split('\n').map(text_width).max().unwrap_or(0);
            proptest::prop_assert_eq!(natural, expected_natural);
            let wrapped: Vec<(String, usize)> = wrap_cell(lines, width)
                .into_iter()
                .map(|(l, w)| (l.into_owned(), w))
                .collect();
            let expected: Vec<(String, usize)> = wrap_lines(&s, width, "")
                .into_iter()
                .map(|l| {
                    let w = text_width(&l);
                    (l, w)
                })
                .collect();
            proptest::prop_assert_eq!(wrapped, expected);
        }
    }

    /// The wrapping as it was before lines were built as slices of their line: each atom
    /// copied, each line measured again ([`text_width`]).
    fn wrap_before(line: &str, width: usize, indent: &str) -> Vec<(String, usize)> {
        let atoms = atoms(line);
        let width = width.max(1);
        let hang = if line.starts_with('・') {
            "  "
        } else {
            indent
        };
        let hang = if hang.width() >= width { "" } else { hang };
        let finished = |current: &mut String| {
            let mut done = std::mem::replace(current, hang.to_owned());
            done.truncate(done.trim_end().len());
            done
        };
        let (mut out, mut current, mut used) = (Vec::new(), String::new(), 0);
        for (atom, w) in atoms {
            if used + w <= width {
                current.push_str(atom);
                used += w;
                continue;
            }
            if atom == " " {
                continue;
            }
            if !current.trim().is_empty() {
                out.push(finished(&mut current));
                used = hang.width();
            }
            if used + w <= width {
                current.push_str(atom);
                used += w;
                continue;
            }
            for c in atom.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > width && !current.trim().is_empty() {
                    out.push(finished(&mut current));
                    used = hang.width();
                }
                current.push(c);
                used += cw;
            }
        }
        current.truncate(current.trim_end().len());
        out.push(current);
        out.into_iter()
            .map(|l| {
                let w = text_width(&l);
                (l, w)
            })
            .collect()
    }

    proptest::proptest! {
        /// Lines built as slices of their line, their widths worked out from the atoms'
        /// when the line is plain, are the lines and widths of copying each atom and
        /// measuring each line again, at any width, with any indent.
        #[test]
        fn wrapped_lines_are_those_built_atom_by_atom(
            s in "[ -~あ-んア-ヶー漢字、。・「」（）！\u{3000}\u{A0}\u{300}\u{200B}😀ｱ]{0,60}",
            width in 1usize..30,
            indent in "(|  |\u{3000}|→ |\u{300})",
        ) {
            let line = s.trim_end();
            let mut got = Vec::new();
            wrap_measured(&measure(line), width, &indent, &mut got);
            let got: Vec<(String, usize)> =
                got.into_iter().map(|(l, w)| (l.into_owned(), w)).collect();
            proptest::prop_assert_eq!(got, wrap_before(line, width, &indent));
        }
    }

    #[test]
    fn long_lines_wrap_within_the_width() {
        let en =
            "WARNING: The CSP list looks incomplete: it states 4 of the 147 mandatory objectives";
        let lines = wrap(en, 30);
        assert!(lines.iter().all(|l| l.width() <= 30), "{lines:?}");
        assert_eq!(lines[0], "WARNING: The CSP list looks");
        assert_eq!(
            lines.concat().replace("  ", " ").split_whitespace().count(),
            en.split_whitespace().count()
        );
        let ja = "警告: CSPの一覧は不完全の可能性があります: 必須の統制目標147件のうち4件のみ記載";
        let lines = wrap(ja, 20);
        assert!(lines.iter().all(|l| l.width() <= 20), "{lines:?}");
        assert_eq!(
            lines
                .iter()
                .map(|l| l.trim_start())
                .collect::<String>()
                .replace(' ', ""),
            ja.replace(' ', "")
        );
        assert_eq!(wrap("short", 160), ["short"]);
        assert_eq!(wrap("", 160), [""]);
    }

    #[test]
    fn words_are_never_broken_when_they_fit_a_line() {
        let en = "Obtain the full list or the statement from the CSP and confirm whether the questionnaire was answered";
        for width in [13, 17, 23, 40] {
            let lines = wrap_lines(en, width, "");
            assert!(lines.iter().all(|l| l.width() <= width), "{lines:?}");
            let words: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
            assert_eq!(
                words,
                en.split_whitespace().collect::<Vec<_>>(),
                "{lines:?}"
            );
        }
        // a word longer than the line is cut, as it must be
        assert_eq!(wrap_lines("abcdefghij", 4, ""), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn japanese_lines_never_start_with_a_middle_dot_or_closing_mark() {
        let ja = "・不足(記載なし・未実施・計画中)の統制目標について、CSPから一覧の全体または言明書を入手し、除外されたか確認する\n・別の手続";
        for width in 6..40 {
            let lines = wrap_lines(ja, width, "");
            assert!(
                lines.iter().all(|l| l.width() <= width),
                "{width}: {lines:?}"
            );
            let bullets = lines.iter().filter(|l| l.starts_with('・')).count();
            assert_eq!(
                bullets, 2,
                "{width}: only the two items start with ・: {lines:?}"
            );
            for l in &lines {
                let first = l.trim_start().chars().next().unwrap_or('a');
                assert!(
                    !matches!(first, '、' | '。' | ')' | '）'),
                    "{width}: {lines:?}"
                );
            }
            // continuation lines of an item are indented under its text
            assert!(
                lines
                    .iter()
                    .all(|l| l.starts_with('・') || l.starts_with("  ")),
                "{width}: {lines:?}"
            );
        }
    }

    /// A short quotation (a label and value to type) is never broken, at any width it fits;
    /// a long one wraps as any text.
    #[test]
    fn short_quotations_are_never_broken() {
        let ja = "・表の見出し行の上に「登録区分: ISMAP」または「登録区分: ISMAP-LIU」の行を書く";
        for width in 26..60 {
            let lines = wrap_lines(ja, width, "");
            assert!(
                lines.iter().all(|l| l.width() <= width),
                "{width}: {lines:?}"
            );
            for quote in ["「登録区分: ISMAP」", "「登録区分: ISMAP-LIU」"] {
                assert!(
                    lines.iter().any(|l| l.contains(quote)),
                    "{width}: {lines:?}"
                );
            }
        }
        let long = "「ISMAPクラウドサービスリストに掲載されているサービス」";
        assert!(wrap_lines(long, 20, "").len() > 1);
    }

    #[test]
    fn shorten_cuts_between_words_with_an_ellipsis() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(
            shorten("Obtain the full list or the statement", 20),
            "Obtain the full…"
        );
        assert_eq!(shorten("一覧の全体を入手する", 9), "一覧の全…");
        assert_eq!(shorten("first\nsecond", 20), "first…");
        assert!(shorten("a-very-long-identifier", 8).width() <= 8);
    }

    #[test]
    fn the_width_comes_from_columns_then_the_terminal() {
        assert_eq!(output_width(Some("80"), Some(120)), 80);
        assert_eq!(output_width(None, Some(120)), 120);
        assert_eq!(output_width(None, None), PLAIN_WIDTH);
        assert_eq!(output_width(Some("junk"), None), PLAIN_WIDTH);
        assert_eq!(output_width(Some("10"), None), MIN_WIDTH);
    }

    #[test]
    fn tables_fit_the_width() {
        let mut g = Grid::new(["ID", "Title", "Procedures"]);
        g.push(
            vec![
                "C-01".into(),
                "Administrator accounts use multi-factor authentication".into(),
                "・Obtain the full list or the statement from the CSP\n・Confirm the reason for the exclusion fits your use".into(),
            ],
            Tone::Bad,
        );
        for width in [40u16, 60, 80, 160] {
            let mut out = Vec::new();
            render(&g, false, width, &mut out).unwrap();
            let s = String::from_utf8(out).unwrap();
            assert!(
                s.lines().all(|l| l.width() <= usize::from(width)),
                "{width}:\n{s}"
            );
            assert!(s.contains("C-01"), "{s}");
        }
    }

    #[test]
    fn plain_table_aligns_wide_characters() {
        let mut g = Grid::new(["ID", "確認項目"]);
        g.push(vec!["1".into(), "アクセス管理".into()], Tone::Good);
        g.push(vec!["22".into(), "ab\u{1b}[31m".into()], Tone::Bad);
        let mut out = Vec::new();
        render(&g, false, PLAIN_WIDTH, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(!s.contains('\u{1b}'), "{s}");
        let widths: Vec<usize> = s
            .lines()
            .map(unicode_width::UnicodeWidthStr::width)
            .collect();
        assert!(widths.windows(2).all(|p| p[0] == p[1]), "{s}");
    }
}
