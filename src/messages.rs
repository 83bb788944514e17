//! What the tool says on stderr — errors, warnings, notes, hints — in the run's language.
//! Messages are written in English where they arise; under `--lang ja` (or a Japanese
//! locale) they are put into Japanese here, by pattern ([`JA`]), keeping the location
//! part (file, sheet, row, column) as it is. A message without a pattern stays English.
use std::sync::{Mutex, OnceLock, PoisonError};

use crate::error::InputError;
use crate::lang::Lang;

mod help_ja;
mod ja;

pub use help_ja::help_ja;
pub use ja::JA;

/// The language of stderr for this process: set once, when the command line is read.
static LANG: OnceLock<Lang> = OnceLock::new();

/// Sets the language of stderr (the first call wins).
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language of stderr: English until [`set_lang`].
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or(Lang::En)
}

/// Where a pattern's text before its first `{` ends and its text after its last `}`
/// starts (the whole pattern both ways when it has none), found at compile time for every
/// pattern of [`JA`] ([`JA_ENDS`]).
const fn literal_ends(pattern: &str) -> (usize, usize) {
    let b = pattern.as_bytes();
    let (mut first, mut last) = (b.len(), 0);
    let mut i = b.len();
    while i > 0 {
        i -= 1;
        if b[i] == b'{' {
            first = i;
        }
        if b[i] == b'}' && last == 0 {
            last = i + 1;
        }
    }
    (first, last)
}

/// [`literal_ends`] of each pattern of [`JA`], in its order.
static JA_ENDS: [(usize, usize); JA.len()] = {
    let mut out = [(0, 0); JA.len()];
    let mut i = 0;
    while i < JA.len() {
        out[i] = literal_ends(JA[i].0);
        i += 1;
    }
    out
};

/// `text` matched against an English pattern (`{}` stands for any text), the parts it
/// matched in the order they appear.
#[cfg(test)]
fn captures<'t>(pattern: &str, text: &'t str) -> Option<Vec<&'t str>> {
    captures_within(pattern, literal_ends(pattern), text)
}

/// [`captures`], given the pattern's [`literal_ends`].
fn captures_within<'t>(
    pattern: &str,
    (first, last): (usize, usize),
    text: &'t str,
) -> Option<Vec<&'t str>> {
    // most patterns fail on the text before their first `{` or after their last `}`: ask
    // those first (a cheap test that never turns a match away), then split
    if !text.starts_with(&pattern[..first]) || !text.ends_with(&pattern[last..]) {
        return None;
    }
    let literals: Vec<&str> = pattern.split("{}").collect();
    let (first, rest) = literals.split_first()?;
    let mut at = text.strip_prefix(first)?;
    if rest.is_empty() {
        return at.is_empty().then(Vec::new);
    }
    let mut out = Vec::new();
    for (k, lit) in rest.iter().enumerate() {
        let last = k == rest.len() - 1;
        if last {
            // the last literal ends the text
            let end = at.len().checked_sub(lit.len())?;
            if !at.is_char_boundary(end) || &at[end..] != *lit {
                return None;
            }
            out.push(&at[..end]);
            at = "";
        } else {
            let i = at.find(lit)?;
            out.push(&at[..i]);
            at = &at[i + lit.len()..];
        }
    }
    Some(out)
}

/// `template` with `{0}`, `{1}`… replaced by `parts`, each translated in turn (`{1-}`
/// leaves part 1 out; `{1=}` puts it as it is: a name the user types, such as a profile's
/// field `implemented`, never translated).
fn fill(template: &str, parts: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.find('}').and_then(|j| {
            // `{n-}`: part n has no place in the Japanese (an English plural `s`); `{n=}`:
            // part n as it is
            let inner = &after[..j];
            let (n, drop, verbatim) = match (inner.strip_suffix('-'), inner.strip_suffix('=')) {
                (Some(n), _) => (n, true, false),
                (_, Some(n)) => (n, false, true),
                _ => (inner, false, false),
            };
            Some((j, n.parse::<usize>().ok()?, drop, verbatim))
        }) {
            Some((j, n, drop, verbatim)) => {
                let part = parts.get(n).copied().unwrap_or("");
                if verbatim {
                    out.push_str(part);
                } else if !drop {
                    out.push_str(&translate_part(part));
                }
                rest = &after[j + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A part of a message: translated when a pattern matches it whole, else as it is (a
/// file name, an id, a value).
fn translate_part(part: &str) -> String {
    ja_of(part).unwrap_or_else(|| part.to_owned())
}

/// The Japanese of an English message, when a pattern matches it.
fn ja_of(text: &str) -> Option<String> {
    if text.is_empty() {
        return None;
    }
    // the pattern with the most literal text wins (`cannot read: {}` before `{}`)
    JA.iter()
        .zip(&JA_ENDS)
        .filter_map(|((en, ja), &ends)| {
            captures_within(en, ends, text).map(|parts| (en, ja, parts))
        })
        .max_by_key(|(en, ..)| en.replace("{}", "").len())
        .map(|(_, ja, parts)| fill(ja, &parts))
}

/// `text` in `lang`: Japanese when a pattern matches, else as written.
pub fn translate(text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => text.to_owned(),
        Lang::Ja => ja_of(text).unwrap_or_else(|| text.to_owned()),
    }
}

/// [`translate`] of a text fixed in the program, such as the reason beside an unresolved
/// reference, which a report may repeat on thousands of rows: matched against the
/// patterns once per text and process (each match tries every pattern), then remembered.
pub fn translate_static(text: &'static str, lang: Lang) -> &'static str {
    if lang == Lang::En {
        return text;
    }
    static SEEN: Mutex<Vec<(&str, &str)>> = Mutex::new(Vec::new());
    let mut seen = SEEN.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(&(_, ja)) = seen.iter().find(|(en, _)| *en == text) {
        return ja;
    }
    // a few texts (the reasons), each leaked once
    let ja: &'static str = ja_of(text).map_or(text, |ja| Box::leak(ja.into_boxed_str()));
    seen.push((text, ja));
    ja
}

/// An input error in `lang`: its location as it is, its message and hint translated.
pub fn input_error(e: &InputError, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(loc) = &e.location {
        out.push_str(&format!("{loc}: "));
    }
    out.push_str(&translate(&e.message, lang));
    if let Some(h) = &e.hint {
        match lang {
            Lang::Ja => out.push_str(&format!(" (ヒント: {})", translate(h, lang))),
            Lang::En => out.push_str(&format!(" (hint: {h})")),
        }
    }
    out
}

/// The error chain on one line, as printed to stderr: `error: …` / `エラー: …`.
pub fn error_line(err: &anyhow::Error, lang: Lang) -> String {
    let mut out = error_chain_line(err, lang);
    out.push_str(&further_lines(err, lang));
    out
}

/// The further refusals an error of the chain carries (the other rows of a table the reader
/// refused), one line each after the error's: a hint already given is not repeated; then
/// how many more there were.
fn further_lines(err: &anyhow::Error, lang: Lang) -> String {
    let Some((first, further)) = err.chain().find_map(|c| {
        c.downcast_ref::<InputError>()
            .and_then(|e| e.further.as_deref().map(|f| (e, f)))
    }) else {
        return String::new();
    };
    let prefix = lang.pick("エラー:", "error:");
    let mut hints: Vec<&str> = first.hint.as_deref().into_iter().collect();
    let mut out = String::new();
    for shown in &further.shown {
        let mut e = shown.clone();
        if let Some(h) = shown.hint.as_deref() {
            if hints.contains(&h) {
                e.hint = None;
            } else {
                hints.push(h);
            }
        }
        let line = crate::text::strip_controls(&input_error(&e, lang)).replace(['\n', '\r'], " ");
        out.push_str(&format!("\n{prefix} {line}"));
    }
    if further.not_shown > 0 {
        let more = InputError::new(format!(
            "… and {} more row(s) refused, not shown: correct the rows above and run again",
            further.not_shown
        ));
        out.push_str(&format!("\n{prefix} {}", input_error(&more, lang)));
    }
    out
}

/// The error chain on one line.
fn error_chain_line(err: &anyhow::Error, lang: Lang) -> String {
    if lang == Lang::En {
        return crate::error::render(err);
    }
    let mut out = String::from("エラー: ");
    let mut first = true;
    let mut last = String::new();
    for cause in err.chain() {
        let text = match cause.downcast_ref::<InputError>() {
            Some(e) => input_error(e, lang),
            None => translate(&cause.to_string(), lang),
        };
        if !first {
            // contexts often repeat the cause's text; keep the line short
            if last.ends_with(&text) || out.ends_with(&text) {
                continue;
            }
            out.push_str(": ");
        }
        out.push_str(&text);
        last = text;
        first = false;
    }
    out.replace(['\n', '\r'], " ")
}

/// A warning line for stderr: `warning: …` / `警告: …`.
pub fn warning(text: &str) -> String {
    let lang = lang();
    format!(
        "{} {}",
        lang.pick("警告:", "warning:"),
        crate::text::strip_controls(&translate(text, lang))
    )
}

/// A note line for stderr: `note: …` / `注意: …`.
pub fn note(text: &str) -> String {
    let lang = lang();
    format!(
        "{} {}",
        lang.pick("注意:", "note:"),
        crate::text::strip_controls(&translate(text, lang))
    )
}

/// What stderr says when `-` reads from a terminal rather than a pipe.
pub fn reading_terminal() -> String {
    note("reading the input from the terminal: paste it, then press Ctrl-D")
}

/// The progress line of a long `compare` on a terminal: `reading CSP lists 3/200`.
pub fn reading_csp_lists(done: usize, total: usize) -> String {
    match lang() {
        Lang::Ja => format!("CSPの一覧を読み込み中 {done}/{total}"),
        Lang::En => format!("reading CSP lists {done}/{total}"),
    }
}

/// The line `--fail-on` prints: which items crossed the threshold (at most ten ids, then
/// how many more).
pub fn fail_on(option: &str, what: &str, ids: &[&str]) -> String {
    let lang = lang();
    let list = first_ids(ids, lang);
    match lang {
        Lang::Ja => format!("{option}: {what}: {list} (終了コード 1)"),
        Lang::En => format!("{option}: {what}: {list} (exit 1)"),
    }
}

/// The first ten of `ids` for a line on stderr, then how many more (`9.2.1, … and 690
/// more`, `…、ほか690件`): a line naming hundreds of ids is read by no one.
pub fn first_ids(ids: &[&str], lang: Lang) -> String {
    let shown: Vec<&str> = ids.iter().take(10).copied().collect();
    let more = ids.len().saturating_sub(shown.len());
    match (more, lang) {
        (0, _) => shown.join(", "),
        (n, Lang::Ja) => format!("{}、ほか{n}件", shown.join(", ")),
        (n, Lang::En) => format!("{} and {n} more", shown.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_ids_names_ten_then_how_many_more() {
        let ids: Vec<String> = (1..=12).map(|i| format!("K-{i}")).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        assert_eq!(first_ids(&ids[..2], Lang::En), "K-1, K-2");
        assert_eq!(
            first_ids(&ids, Lang::En),
            "K-1, K-2, K-3, K-4, K-5, K-6, K-7, K-8, K-9, K-10 and 2 more"
        );
        assert!(first_ids(&ids, Lang::Ja).ends_with("K-10、ほか2件"));
    }

    #[test]
    fn patterns_capture_the_parts_between_their_literals() {
        assert_eq!(
            captures("cannot read: {}", "cannot read: gone"),
            Some(vec!["gone"])
        );
        assert_eq!(captures("file is empty", "file is empty"), Some(vec![]));
        assert_eq!(captures("file is empty", "file is empty!"), None);
        assert_eq!(
            captures(
                "file is {} MB, over the {} MB input limit",
                "file is 70 MB, over the 64 MB input limit"
            ),
            Some(vec!["70", "64"])
        );
        assert_eq!(captures("{}: {}", "a: b: c"), Some(vec!["a", "b: c"]));
        assert_eq!(captures("no {} here", "no"), None);
        // the literal ends worked out at compile time are those of the text
        for (en, _) in JA {
            let first = en.find('{').unwrap_or(en.len());
            let last = en.rfind('}').map_or(0, |i| i + 1);
            assert_eq!(literal_ends(en), (first, last), "{en}");
        }
        assert_eq!(literal_ends("file is empty"), (13, 0));
        assert_eq!(literal_ends("a {} b {} c"), (2, 9));
    }

    #[test]
    fn messages_are_japanese_with_their_location_kept() {
        let e = InputError::at(
            crate::error::Location::file(std::path::Path::new("a.csv"))
                .row(3)
                .column("id"),
            "file is empty",
        )
        .hint("export or save the file again");
        let ja = input_error(&e, Lang::Ja);
        assert!(ja.starts_with("a.csv: row 3: column 'id': "), "{ja}");
        assert!(!ja.contains("file is empty"), "{ja}");
        assert!(ja.contains("(ヒント: "), "{ja}");
        assert_eq!(input_error(&e, Lang::En), e.to_string());
        // a part that is itself a message is translated too; other parts are kept
        let io = translate("cannot read: No such file or directory", Lang::Ja);
        assert!(!io.contains("No such file"), "{io}");
        assert_eq!(translate("something new", Lang::Ja), "something new");
        // a profile's field name is typed as it is, never translated (review 12 B-7)
        let field = translate(
            "field 'implemented': '9.2' is a clause or category, but `implemented` lists control objectives",
            Lang::Ja,
        );
        assert_eq!(
            field,
            "項目 'implemented': '9.2' は箇条またはカテゴリですが、`implemented` には統制目標を並べます"
        );
    }

    #[test]
    fn every_pattern_is_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for (en, ja) in JA {
            assert!(seen.insert(*en), "pattern twice: {en}");
            let holes = en.matches("{}").count();
            for n in 0..holes {
                assert!(
                    ja.contains(&format!("{{{n}}}"))
                        || ja.contains(&format!("{{{n}-}}"))
                        || ja.contains(&format!("{{{n}=}}")),
                    "{en} → {ja}: no {{{n}}}"
                );
            }
            assert!(
                !ja.contains(&format!("{{{holes}}}")),
                "{en} → {ja}: too many parts"
            );
            assert!(
                !en.contains("{}{}"),
                "{en}: two parts side by side cannot be told apart"
            );
            // only a pattern made of parts alone (`{}: {}`) has no words of its own
            let words = en.replace("{}", "").chars().any(|c| c.is_alphabetic());
            assert!(!words || !ja.is_ascii(), "{en} → {ja}: not Japanese");
        }
    }
}
