//! CSP profiles: YAML or JSON (recognised by the extension or, for any other name, by the
//! content), with `inherits:` reaching the profile of the service underneath. A file reached
//! through `inherits:` may come from someone else: it must be a `.yaml`/`.yml`/`.json`
//! profile, and errors about it never quote its text.
use std::path::{Path, PathBuf};

use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::catalog::id::IsmapId;
use crate::catalog::Catalog;
use crate::date::Date;
use crate::error::{InputError, Location};
use crate::input::csp::classify::ProfileSyntax;
use crate::input::decode::{decode, Encoding};
use crate::input::{parse_error, read_bytes, FileKind, Scalar};
use crate::model::{
    Attestation, Declared, ListedControl, Period, ReadAs, ReadKind, ReadPart, RegistrationKind,
    Underlying,
};

/// `not_applicable:` as an ordered list of (id, reason); a missing reason stays empty.
#[derive(Debug, Default)]
struct Exclusions(Vec<(String, String)>);

impl<'de> Deserialize<'de> for Exclusions {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Exclusions;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map of control id to the reason it does not apply")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Exclusions, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = m.next_entry::<Scalar, Option<String>>()? {
                    out.push((k.into_string(), v.unwrap_or_default()));
                }
                Ok(Exclusions(out))
            }
        }
        d.deserialize_map(V)
    }
}

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an audit period: a mapping of from and to, each a date (audit_period: {from: 2024-10-01, to: 2025-09-30})"
)]
struct PeriodDoc {
    from: String,
    to: String,
}

/// `audit_period:` as `{from, to}` or as the list writes it (`2024年4月1日～2025年3月31日`).
#[derive(Debug, Deserialize)]
#[serde(
    untagged,
    expecting = "expected an audit period: a mapping of from and to, each a date (audit_period: {from: 2024-10-01, to: 2025-09-30}), or the period as the ISMAP list writes it (2024年10月1日～2025年9月30日)"
)]
enum PeriodField {
    Range(PeriodDoc),
    Text(String),
}

/// The line of a profile's top-level field (`renewal_deadline:` in YAML, `"renewal_deadline"`
/// in JSON), for messages about its value.
fn field_line(text: &str, field: &str) -> Option<usize> {
    let yaml = format!("{field}:");
    let json = format!("\"{field}\"");
    text.lines()
        .position(|l| l.starts_with(&yaml) || l.trim_start().starts_with(&json))
        .map(|i| i + 1)
}

/// An error in a profile's field: at `at` (the field's line, when found), the message
/// led by the field's name (`field 'registration_kind': …`).
fn in_field(at: Location, field: &str, message: impl std::fmt::Display) -> InputError {
    InputError::at(at, format!("field '{field}': {message}"))
}

/// The line of a text field's value (`value` under `field`): the first line from the
/// field's own that holds the value's first words; else the field's line.
fn value_line(text: &str, field: &str, value: &str) -> Option<usize> {
    let start = field_line(text, field)?;
    let head: String = value.trim().chars().take(12).collect();
    let found = text
        .lines()
        .enumerate()
        .skip(start - 1)
        .find(|(_, l)| !head.is_empty() && l.contains(&head))
        .map(|(i, _)| i + 1);
    Some(found.unwrap_or(start))
}

/// The comments on the lines of a YAML profile's `implemented` list (block or flow; the
/// `implemented:` line too), each with its line (1-based), its text and the ids written on
/// its line: what the YAML parser discards. Comments elsewhere are not returned.
fn implemented_comments(text: &str) -> Vec<(usize, String, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let Some((start, end)) = implemented_lines(&lines) else {
        return Vec::new();
    };
    (start..=end)
        .filter_map(|i| {
            let (code, comment) = split_comment(lines[i]);
            let comment = comment?.trim().to_owned();
            (!comment.is_empty()).then(|| (i + 1, comment, code.to_owned()))
        })
        .collect()
}

/// The first and last line (0-based) of a YAML profile's `implemented` list: its
/// `implemented:` line to its last item (block), or to its closing `]` (flow).
fn implemented_lines(lines: &[&str]) -> Option<(usize, usize)> {
    let start = lines.iter().position(|l| l.starts_with("implemented:"))?;
    let flow = split_comment(lines[start]).0.contains('[');
    let mut end = start;
    if flow {
        let mut depth = 0i32;
        for (i, line) in lines.iter().enumerate().skip(start) {
            let code = split_comment(line).0;
            depth += code.matches('[').count() as i32 - code.matches(']').count() as i32;
            end = i;
            if depth <= 0 {
                break;
            }
        }
    } else {
        for (i, line) in lines.iter().enumerate().skip(start + 1) {
            let first = line.chars().next();
            if first.is_some_and(|c| !(c.is_whitespace() || c == '-' || c == '#')) {
                break;
            }
            // a comment line at the margin belongs to the list only when list items follow it
            if first != Some('#') && !line.trim().is_empty() {
                end = i;
            }
        }
    }
    Some((start, end))
}

/// The comments of a YAML profile outside its `implemented` list that bear on it, each with
/// its line (1-based), its text and the ids of `implemented` it names: a comment naming an
/// id the profile states implemented, wherever it stands (`# 注意: 9.2.3 は未実施`), and a
/// comment line of the block right above `implemented:` (`# 以下は東京リージョンのみ`) or
/// right below the list's last item at the file's end (`# not_implemented: [9.2.3]`). A
/// comment elsewhere naming none of them (a file's heading, a heading of the next field, a
/// field commented out: `# inherited: 11`) is not returned.
fn comments_beside(text: &str, implemented: &[String]) -> Vec<(usize, String, Vec<String>)> {
    let lines: Vec<&str> = text.lines().collect();
    let Some((start, end)) = implemented_lines(&lines) else {
        return Vec::new();
    };
    let whole_line = |i: usize| lines[i].trim_start().starts_with('#');
    let above = (0..start).rev().take_while(|&i| whole_line(i)).count();
    // below the list, the comments at the file's end (above another field, they head it:
    // `# 以下は対象外` over `not_applicable:`)
    let below = (end + 1..lines.len())
        .take_while(|&i| whole_line(i))
        .count();
    let below = if lines[end + 1 + below..].iter().all(|l| l.trim().is_empty()) {
        below
    } else {
        0
    };
    let key =
        |raw: &str| IsmapId::parse(raw).map_or_else(|| raw.trim().to_owned(), |id| id.canonical());
    (0..lines.len())
        .filter(|i| !(start..=end).contains(i))
        .filter_map(|i| {
            let comment = split_comment(lines[i]).1?.trim().to_owned();
            let named: Vec<String> = super::ids::find_ids(&comment)
                .0
                .iter()
                .filter_map(|t| implemented.iter().find(|raw| key(raw) == key(&t.raw)))
                .cloned()
                .collect();
            // a profile's field commented out (`# inherited: 11`) is that field's, not the list's
            let field_out = FIELDS.iter().any(|f| {
                comment
                    .strip_prefix(f)
                    .is_some_and(|r| r.trim_start().starts_with(':'))
            });
            let next_to = !field_out
                && ((start - above..start).contains(&i) || (end + 1..=end + below).contains(&i));
            (!comment.is_empty() && (next_to || !named.is_empty())).then_some((
                i + 1,
                comment,
                named,
            ))
        })
        .collect()
}

/// A YAML line's code and its comment: a `#` at the line's start or after a space, outside
/// quotes (also a check list's comments: `input::checks`).
pub(crate) fn split_comment(line: &str) -> (&str, Option<&str>) {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c == '#' && prev.is_whitespace() => {
                return (&line[..i], Some(&line[i + 1..]));
            }
            None => {}
        }
        prev = c;
    }
    (line, None)
}

/// The hint for a comment that qualifies the `implemented` list.
const FOR_COMMENTS: &str = "if a control is implemented only in part, later, elsewhere or with exceptions, leave it out of `implemented` (under `not_applicable` with the reason only where it does not apply); else remove the qualification from the comment";

/// Refuses a comment on a line of the `implemented` list that qualifies what it states
/// (`9.2.1,  # 東京リージョンのみ`), with the checker of a status table's remarks: the YAML
/// parser drops it, so the id would be read as implemented without it.
/// The comments that qualify nothing are kept, each with the ids of its line, as a status
/// table keeps a remark on an implemented row (`csp-remark`): the reader sees them.
fn check_comments(
    path: &Path,
    text: &str,
    implemented: &[String],
    as_of: Date,
    catalog: &Catalog,
    quoting: Quoting,
) -> Result<Vec<(Vec<String>, String)>, InputError> {
    // on the list, each with the ids of its line; outside it, a comment naming its ids or
    // right above or below it, read by the same rules (review 11 A-5: the YAML parser
    // dropped it, and the ids were credited)
    let on_list = implemented_comments(text)
        .into_iter()
        .map(|(line, comment, code)| {
            let ids = super::ids::find_ids(&code).0;
            (
                line,
                comment,
                ids.into_iter().map(|t| t.raw).collect(),
                true,
            )
        });
    let beside = comments_beside(text, implemented)
        .into_iter()
        .map(|(line, comment, named)| (line, comment, named, false));
    let mut all: Vec<(usize, String, Vec<String>, bool)> = on_list.chain(beside).collect();
    all.sort_by_key(|c| c.0);
    let mut kept = Vec::new();
    for (line, comment, ids, on) in all {
        let titles: Vec<&str> = ids
            .iter()
            .flat_map(|raw| super::published::catalog_titles(catalog, raw))
            .collect();
        if let Some(q) = super::remarks::qualifier_on(&comment, &titles, as_of) {
            let shown = quoting.show(
                &comment,
                "(not shown: the file was reached through `inherits:`)",
            );
            let message = if on {
                format!(
                    "the comment {shown} on the `implemented` list {}: a comment is not read, so the list is not read as implemented with it",
                    q.what()
                )
            } else {
                format!(
                    "the comment {shown} beside the `implemented` list (naming its ids, or right above or below it) {}: a comment is not read, so the list is not read as implemented with it",
                    q.what()
                )
            };
            return Err(InputError::at(Location::file(path).line(line), message).hint(FOR_COMMENTS));
        }
        if !super::remarks::says_nothing(&comment) && !ids.is_empty() {
            kept.push((ids, comment));
        }
    }
    Ok(kept)
}

/// The YAML profile of a CSP service (documented in README.md).
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a CSP profile: a mapping of fields such as name and implemented (a pasted list of ids goes in a .txt file)"
)]
struct ProfileDoc {
    name: Option<String>,
    /// クラウドサービス事業者.
    provider: Option<String>,
    registration_number: Option<Scalar>,
    /// `ismap` or `ismap-liu`.
    registration_kind: Option<String>,
    registered: Option<String>,
    renewal_deadline: Option<String>,
    /// The renewal has been applied for (`true`): past `renewal_deadline`, the registration
    /// is `renewal-pending`, as the entry's words `登録の更新を申請中` make it (session 15's
    /// rest of review 23 C-7).
    renewal_pending: Option<bool>,
    audit_period: Option<PeriodField>,
    #[serde(default, deserialize_with = "scope_entries")]
    scope: Vec<String>,
    /// 準拠法 and 裁判管轄, 後発事象, 改善計画 as the ISMAP list publishes them.
    governing_law: Option<String>,
    jurisdiction: Option<String>,
    subsequent_events: Option<String>,
    improvement_plan: Option<TextOrBool>,
    /// 資本関係・役員等の情報 and 第三者による検証 as the ISMAP list publishes them.
    capital_relationships: Option<String>,
    third_party_testing: Option<TextOrBool>,
    #[serde(default)]
    implemented: Vec<Scalar>,
    #[serde(default)]
    not_applicable: Exclusions,
    /// 計画中 and 未実施, each id with what the CSP wrote of it (review 11 D-1: a status
    /// table's statements with the registry facts in one file).
    #[serde(default)]
    planned: Exclusions,
    #[serde(default)]
    not_implemented: Exclusions,
    /// Profile of the service this one runs on, relative to this file's folder.
    inherits: Option<String>,
    /// What is relied on from it: clause, category or objective ids (default: 11).
    inherited: Option<Vec<Scalar>>,
}

/// `scope:` as texts: a list of entries, or one written alone (`scope: テストクラウド`); an
/// entry is a text, or a label and its text written unquoted (`- 対象外: 管理コンソール`,
/// which YAML reads as a map of one key, as README shows it: review 12 B-4), kept as
/// written, `label: text` (the parts of a list after a label joined with `、`).
fn scope_entries<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    /// The whole field (`entries`) or one entry of its list.
    struct Scope {
        entries: bool,
    }
    impl<'de> Visitor<'de> for Scope {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str(if self.entries {
                "a list of texts (the parts of the scope; `対象外: ` and the parts excluded)"
            } else {
                "a text (a part of the scope), or `対象外: ` and the parts excluded"
            })
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(vec![v.to_owned()])
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            if !self.entries {
                return Err(serde::de::Error::invalid_type(
                    serde::de::Unexpected::Seq,
                    &self,
                ));
            }
            let mut out = Vec::new();
            while let Some(entry) = seq.next_element_seed(Scope { entries: false })? {
                out.extend(entry);
            }
            Ok(out)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some((label, value)) = map.next_entry::<String, ScopeValue>()? {
                out.push(format!("{label}: {}", value.0));
            }
            Ok(out)
        }
    }
    impl<'de> serde::de::DeserializeSeed<'de> for Scope {
        type Value = Vec<String>;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }
    d.deserialize_any(Scope { entries: true })
}

/// The text after a label in `scope:` (`対象外: 管理コンソール`), or a list of parts joined
/// with `、`.
struct ScopeValue(String);

impl<'de> Deserialize<'de> for ScopeValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Text;
        impl<'de> Visitor<'de> for Text {
            type Value = ScopeValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text, or a list of texts")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ScopeValue, E> {
                Ok(ScopeValue(v.to_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ScopeValue, A::Error> {
                let mut parts: Vec<String> = Vec::new();
                while let Some(p) = seq.next_element::<String>()? {
                    parts.push(p);
                }
                Ok(ScopeValue(parts.join("、")))
            }
        }
        d.deserialize_any(Text)
    }
}

/// A free-text field that may also be written `true`/`false` (`improvement_plan`,
/// `third_party_testing`).
#[derive(Debug, Deserialize)]
#[serde(untagged, expecting = "a text, or true/false")]
enum TextOrBool {
    Bool(bool),
    Text(String),
}

impl TextOrBool {
    fn into_text(self) -> String {
        match self {
            TextOrBool::Bool(true) => "yes".to_owned(),
            TextOrBool::Bool(false) => "no".to_owned(),
            TextOrBool::Text(t) => t,
        }
    }
}

/// The fields of a profile, in the order they are documented: a text whose first line is one
/// of them is a profile, whatever the file's name.
pub const FIELDS: &[&str] = &[
    "name",
    "provider",
    "registration_number",
    "registration_kind",
    "registered",
    "renewal_deadline",
    "renewal_pending",
    "audit_period",
    "scope",
    "governing_law",
    "jurisdiction",
    "subsequent_events",
    "improvement_plan",
    "capital_relationships",
    "third_party_testing",
    "implemented",
    "not_applicable",
    "planned",
    "not_implemented",
    "inherits",
    "inherited",
];

/// What a service relies on its underlying service for when the profile does not say.
pub const DEFAULT_INHERITED: &str = "11";

const PERIOD_HINT: &str = "give `audit_period` its `from` and `to` dates, or write the period as the ISMAP list does: 2024年4月1日～2025年3月31日";

const FIELDS_HINT: &str = "README.md, \"CSP list or profile\", lists the profile fields";

/// Whether messages may quote the profile's text: the user's own file, yes; a file reached
/// through `inherits:` (someone else's, or not a profile at all), never.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quoting {
    Allowed,
    Never,
}

impl Quoting {
    /// `value` quoted, or `what` when the text may not be shown.
    fn show(self, value: &str, what: &str) -> String {
        match self {
            Quoting::Allowed => format!("'{value}'"),
            Quoting::Never => what.to_owned(),
        }
    }
}

/// Reads a profile named `.yaml`, `.yml` or `.json`.
pub fn load(
    path: &Path,
    encoding: Option<Encoding>,
    as_of: Date,
    catalog: &Catalog,
) -> Result<Attestation, InputError> {
    let bytes = read_bytes(path)?;
    let text = decode(path, &bytes, encoding)?;
    let syntax = match FileKind::of(path) {
        FileKind::Json => ProfileSyntax::Json,
        _ => ProfileSyntax::Yaml,
    };
    let mut chain = vec![canonical(path)];
    parse(
        path,
        &text,
        syntax,
        (encoding, as_of),
        catalog,
        &mut chain,
        Quoting::Allowed,
    )
}

/// Reads a profile recognised by its content in a file of another name (`profile.txt`).
pub fn from_text(
    path: &Path,
    text: &str,
    syntax: ProfileSyntax,
    encoding: Option<Encoding>,
    as_of: Date,
    catalog: &Catalog,
) -> Result<Attestation, InputError> {
    let mut chain = vec![canonical(path)];
    parse(
        path,
        text,
        syntax,
        (encoding, as_of),
        catalog,
        &mut chain,
        Quoting::Allowed,
    )
}

/// Parses a YAML profile's text; `path` names it in messages and anchors `inherits:`.
pub fn profile_from_str(
    path: &Path,
    text: &str,
    catalog: &Catalog,
) -> Result<Attestation, InputError> {
    parse(
        path,
        text,
        ProfileSyntax::Yaml,
        (None, Date::today()),
        catalog,
        &mut Vec::new(),
        Quoting::Allowed,
    )
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Loads the profile `inherits:` names (and, through its own `inherits:`, the ones under
/// it); `chain` holds the files already on the way down, to reject a cycle.
fn load_inherited(
    path: &Path,
    encoding: Option<Encoding>,
    as_of: Date,
    catalog: &Catalog,
    chain: &mut Vec<PathBuf>,
) -> Result<Attestation, InputError> {
    let here = canonical(path);
    if chain.contains(&here) {
        let names: Vec<String> = chain
            .iter()
            .chain(std::iter::once(&here))
            .map(|p| {
                p.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            })
            .collect();
        return Err(in_field(
            Location::file(path),
            "inherits",
            format!("inheritance cycle: {}", names.join(" → ")),
        )
        .hint("a service cannot run on itself: fix the `inherits:` chain"));
    }
    chain.push(here);
    let bytes = read_bytes(path)?;
    let text = decode(path, &bytes, encoding)?;
    let syntax = match FileKind::of(path) {
        FileKind::Json => ProfileSyntax::Json,
        _ => ProfileSyntax::Yaml,
    };
    let att = parse(
        path,
        &text,
        syntax,
        (encoding, as_of),
        catalog,
        chain,
        Quoting::Never,
    )?;
    // the service under it is read as the main input is: a kind stated ISMAP where its
    // profile mentions ISMAP-LIU is refused there too
    att.check_liu_said(false)?;
    chain.pop();
    Ok(att)
}

/// A parser's error: at its line and column, with the parser's message, or, for a file whose
/// text may not be shown, only what was expected there.
fn syntax_error(
    loc: &Location,
    at: Option<(usize, usize)>,
    what: &str,
    msg: String,
    quoting: Quoting,
) -> InputError {
    let e = match quoting {
        Quoting::Allowed => parse_error(loc, at, what, msg),
        Quoting::Never => {
            // the parsers' "expected …" names what the tool wanted, never the file's text
            let expected = msg
                .rfind("expected ")
                .map(|i| msg[i..].split(" at line ").next().unwrap_or("").to_owned())
                .filter(|e| !e.contains('"') && !e.contains('\''))
                .unwrap_or_else(|| {
                    "expected a CSP profile: a mapping of fields such as name and implemented"
                        .to_owned()
                });
            let loc = match at.filter(|&(line, _)| line > 0) {
                Some((line, _)) => loc.clone().line(line),
                None => loc.clone(),
            };
            InputError::at(
                loc,
                format!("{what} ({expected}; the file's text is not shown: it was reached through `inherits:`)"),
            )
        }
    };
    e.hint(FIELDS_HINT)
}

/// A field written twice in a YAML profile, at the second one's line, naming both (review 23
/// D-1): the parser places the error at the mapping's start (`line 1`). `at` is that start;
/// the field's lines are the ones at the mapping's indentation that write it as a key. `None`
/// when `msg` is no duplicate field, or fewer than two such lines are found.
fn duplicate_field(
    loc: &Location,
    text: &str,
    msg: &str,
    at: Option<(usize, usize)>,
) -> Option<InputError> {
    let name = msg
        .strip_prefix("duplicate field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(name, _)| name)?;
    let (start, column) = at.filter(|&(line, _)| line > 0)?;
    let indent = column.saturating_sub(1);
    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .skip(start - 1)
        .filter(|(_, l)| {
            let key = l.trim_start();
            l.len() - key.len() == indent
                && [name.to_owned(), format!("\"{name}\""), format!("'{name}'")]
                    .iter()
                    .any(|k| {
                        key.strip_prefix(k.as_str())
                            .is_some_and(|rest| rest.trim_start().starts_with(':'))
                    })
        })
        .map(|(i, _)| i + 1)
        .collect();
    let (&first, &second) = (lines.first()?, lines.get(1)?);
    Some(
        InputError::at(
            loc.clone().line(second),
            format!("invalid CSP profile: duplicate field `{name}` (lines {first} and {second})"),
        )
        .hint("write each field once: merge the two into one (a list's ids under one key)"),
    )
}

fn parse(
    path: &Path,
    text: &str,
    syntax: ProfileSyntax,
    (encoding, as_of): (Option<Encoding>, Date),
    catalog: &Catalog,
    chain: &mut Vec<PathBuf>,
    quoting: Quoting,
) -> Result<Attestation, InputError> {
    let loc = Location::file(path);
    let mut doc: ProfileDoc = match syntax {
        ProfileSyntax::Json => serde_json::from_str(text).map_err(|e| {
            let what = if e.is_data() {
                "invalid CSP profile"
            } else {
                "invalid JSON"
            };
            syntax_error(
                &loc,
                Some((e.line(), e.column())),
                what,
                e.to_string(),
                quoting,
            )
        }),
        ProfileSyntax::Yaml => serde_yaml::from_str(text).map_err(|e| {
            let at = e.location().map(|l| (l.line(), l.column()));
            let msg = e.to_string();
            duplicate_field(&loc, text, &msg, at)
                .unwrap_or_else(|| syntax_error(&loc, at, "invalid CSP profile", msg, quoting))
        }),
    }?;
    let implemented: Vec<String> = std::mem::take(&mut doc.implemented)
        .into_iter()
        .map(Scalar::into_string)
        .collect();
    let comments = if syntax == ProfileSyntax::Yaml {
        check_comments(path, text, &implemented, as_of, catalog, quoting)?
    } else {
        Vec::new()
    };
    // dates as the ISMAP list and Japanese documents write them (`2027年3月31日`,
    // `令和9年3月31日`, `R9.3.31`), read by the one date parser; an error names the field on
    // its line (`audit_period.from` on the line of `audit_period`)
    let field_at = |field: &str| {
        let top = field.split('.').next().unwrap_or(field);
        field_line(text, top).map_or(loc.clone(), |n| loc.clone().line(n))
    };
    let bad_date = |field: &str, s: &str| {
        InputError::at(
            field_at(field),
            format!("field '{field}': {} is not a date", quoting.show(s, "the value")),
        )
        .hint("write dates as YYYY-MM-DD (e.g. 2027-03-31), or as the ISMAP list writes them (2027年3月31日, 令和9年3月31日)")
    };
    let date = |field: &str, v: Option<String>| -> Result<Option<Date>, InputError> {
        v.map(|s| Date::parse_written(&s).ok_or_else(|| bad_date(field, &s)))
            .transpose()
    };
    let registration_kind = match doc.registration_kind {
        None => None,
        Some(k) => Some(RegistrationKind::parse(&k).ok_or_else(|| {
            in_field(
                field_at("registration_kind"),
                "registration_kind",
                format!(
                    "unknown registration kind {}",
                    quoting.show(&k, "(the value is not shown)")
                ),
            )
            .hint("write `ismap` or `ismap-liu`")
        })?),
    };
    let registered = date("registered", doc.registered)?;
    let renewal_deadline = date("renewal_deadline", doc.renewal_deadline)?;
    if let (Some(r), Some(d)) = (registered, renewal_deadline) {
        if r > d {
            return Err(in_field(
                field_at("registered"),
                "registered",
                format!("the registration date {r} is after the renewal deadline {d}"),
            )
            .hint("check `registered` and `renewal_deadline`: a registration runs from its date to its renewal deadline"));
        }
    }
    // a renewal applied for is read beside the deadline it is past, as the entry's words
    // are: without a deadline it says nothing the tool can judge
    let renewal_pending = match (doc.renewal_pending, renewal_deadline) {
        (Some(true), None) => {
            return Err(in_field(
                field_at("renewal_pending"),
                "renewal_pending",
                "a renewal applied for is read against the renewal deadline it is past, and the profile gives no renewal_deadline",
            )
            .hint("give `renewal_deadline` (登録の更新期限) as the ISMAP list states it, or remove `renewal_pending`"));
        }
        (Some(true), Some(_)) => Some("renewal_pending: true".to_owned()),
        _ => None,
    };
    // a name, a provider or a scope stating the registration's state (`テストSaaS（登録失効）`,
    // `provider: …（2026年9月 登録失効）`, `scope: [本体（…付で掲載停止）]`): refused, as in a
    // pasted entry (review 21 A-2)
    let texts = [
        ("name", doc.name.as_slice()),
        ("provider", doc.provider.as_slice()),
    ];
    for (field, values) in texts.into_iter().chain([("scope", doc.scope.as_slice())]) {
        for value in values {
            if let Some(word) = super::page::registry_state_noted(value) {
                let at =
                    value_line(text, field, value).map_or(loc.clone(), |n| loc.clone().line(n));
                return Err(in_field(
                    at,
                    field,
                    format!(
                        "{} states the registration's state ('{word}'): a lapsed, suspended, withdrawn or delisted registration is no assurance, and the tool does not read it, nor pass it over",
                        quoting.show(value, "the value")
                    ),
                )
                .hint(super::page::FOR_REGISTRY_STATE));
            }
        }
    }
    let audit_period = match doc.audit_period {
        None => None,
        Some(field) => {
            let (from, to) = match field {
                PeriodField::Text(t) => crate::date::parse_period(&t).ok_or_else(|| {
                    InputError::at(
                        field_at("audit_period"),
                        format!(
                            "field 'audit_period': {} is not a period of two dates",
                            quoting.show(&t, "the value")
                        ),
                    )
                    .hint(PERIOD_HINT)
                })?,
                PeriodField::Range(p) => (
                    Date::parse_written(&p.from)
                        .ok_or_else(|| bad_date("audit_period.from", &p.from))?,
                    Date::parse_written(&p.to).ok_or_else(|| bad_date("audit_period.to", &p.to))?,
                ),
            };
            if from > to {
                return Err(in_field(
                    field_at("audit_period"),
                    "audit_period",
                    "the audit period ends before it starts",
                )
                .hint("check `from` and `to`"));
            }
            Some(Period { from, to })
        }
    };
    // a comment on an id's line that qualifies nothing is its remark (review 9 B-yaml-2:
    // dropped before, where a status table's remark cell is kept)
    let remark_of = |id: &str| {
        comments
            .iter()
            .filter(|(ids, _)| ids.iter().any(|i| i == id.trim()))
            .map(|(_, c)| c.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut controls: Vec<ListedControl> = implemented
        .into_iter()
        .map(|raw| ListedControl {
            reason: remark_of(&raw),
            ..ListedControl::implemented(raw, None)
        })
        .collect();
    // the lists stating a control anything but implemented, each with its field
    let stated: Vec<(&str, &Exclusions)> = vec![
        ("not_applicable", &doc.not_applicable),
        ("planned", &doc.planned),
        ("not_implemented", &doc.not_implemented),
    ];
    let others = || {
        stated
            .iter()
            .flat_map(|(field, list)| list.0.iter().map(move |(id, _)| (*field, id.as_str())))
    };
    // a profile states control objectives; a clause or category would be counted and then
    // match nothing (`inherited:` is where clauses belong)
    let headings = controls
        .iter()
        .map(|c| ("implemented", c.raw.as_str()))
        .chain(others());
    for (field, id) in headings {
        if IsmapId::parse(id).is_some_and(|i| i.suffix.is_none() && i.depth() < 3) {
            return Err(in_field(
                field_at(field),
                field,
                format!(
                    "{} is a clause or category, but `{field}` lists control objectives",
                    quoting.show(id, "an id")
                ),
            )
            .hint("list each control objective (e.g. 9.2.1, 9.2.2); clauses belong under `inherited:`"));
        }
    }
    // one control under both lists, in any spelling (`9.2.1`, `A.9.2.1`, `９．２．１`); each
    // implemented control's key worked out once, for this and the next check
    let keys: Vec<String> = controls
        .iter()
        .map(|c| super::meaning_key(catalog, &c.raw))
        .collect();
    let implemented: std::collections::HashSet<&String> = keys.iter().collect();
    if let Some((id, _)) = doc
        .not_applicable
        .0
        .iter()
        .find(|(id, _)| implemented.contains(&super::meaning_key(catalog, id)))
    {
        let id = match quoting {
            Quoting::Allowed => id.clone(),
            Quoting::Never => "an id".to_owned(),
        };
        return Err(in_field(
            field_at("not_applicable"),
            "not_applicable",
            format!("{id} is listed under both `implemented` and `not_applicable`"),
        )
        .hint("keep it under one: `implemented` if the service implements it, `not_applicable` with the reason if it does not apply"));
    }
    // one control under two statements (`planned` and `implemented`, …)
    let mut seen: Vec<(String, &str)> = keys.into_iter().map(|k| (k, "implemented")).collect();
    for (field, id) in others() {
        let key = super::meaning_key(catalog, id);
        if let Some((_, before)) = seen.iter().find(|(k, f)| *k == key && *f != field) {
            return Err(in_field(
                field_at(field),
                field,
                format!(
                    "{} is stated twice, under {} and under {}",
                    quoting.show(id, "an id"),
                    format_args!("`{before}`"),
                    format_args!("`{field}`")
                ),
            )
            .hint("keep it under the one list that states it: `implemented`, `planned` (計画中), `not_implemented` (未実施) or `not_applicable` (with the reason)"));
        }
        seen.push((key, field));
    }
    // an id alone: the resolver reads words beside an id (`9.2.3（一部）`, `管理策9.2.1`),
    // which a list of implemented ids may not hold
    let entries = controls
        .iter()
        .map(|c| ("implemented", c.raw.as_str()))
        .chain(others());
    for (field, id) in entries {
        if !is_bare_id(id) {
            return Err(in_field(
                field_at(field),
                field,
                format!(
                    "{} is not an id alone: `{field}` lists ids, and words beside one may narrow or contradict it",
                    quoting.show(id, "an entry")
                ),
            )
            .hint("list the id alone (9.2.3, A.9.2.3, CLD.8.1.5); a control implemented in part or later is not implemented: leave it out, and put a reason under `not_applicable` only where it does not apply"));
        }
    }
    controls.extend(doc.not_applicable.0.into_iter().map(|(id, reason)| {
        // a "reason" that gives none (`なし`, `TBD`, `検討中`, `当社で実施`) is none,
        // kept as written with why
        let judged = super::status_table::judge_not_applicable_reason(&reason);
        ListedControl {
            declared: Declared::NotApplicable,
            reason: judged.unwrap_or("").to_owned(),
            unaccepted: judged.err().map(|why| crate::model::UnacceptedReason {
                text: reason.trim().to_owned(),
                why,
            }),
            ..ListedControl::implemented(id, None)
        }
    }));
    // 計画中 / 未実施 with what the CSP wrote of it, as a status table's row keeps it
    for (list, declared) in [
        (doc.planned, Declared::Planned),
        (doc.not_implemented, Declared::NotImplemented),
    ] {
        controls.extend(list.0.into_iter().map(|(id, remark)| ListedControl {
            declared,
            reason: remark,
            ..ListedControl::implemented(id, None)
        }));
    }
    // a text field naming a control the profile states implemented (`scope: 9.2.1
    // 利用者登録は対象外`) is refused as a pasted entry's field is
    let improvement_plan = doc.improvement_plan.map(TextOrBool::into_text);
    let texts = doc
        .scope
        .iter()
        .map(|v| ("scope", v))
        .chain(
            doc.subsequent_events
                .iter()
                .map(|v| ("subsequent_events", v)),
        )
        .chain(improvement_plan.iter().map(|v| ("improvement_plan", v)));
    let mentions: Vec<super::page::Mention> = texts
        .flat_map(|(field, value)| {
            let line = value_line(text, field, value).unwrap_or(0);
            let mut found = super::page::mentions_in(value, catalog, line, field);
            if quoting == Quoting::Never {
                for m in &mut found {
                    m.value = "(the value is not shown: the file was reached through `inherits:`)"
                        .to_owned();
                }
            }
            found
        })
        .collect();
    super::page::check_named(&mentions, &controls, path, catalog)?;
    if let Some((detail, objective)) = super::contradiction(&controls, catalog) {
        let show = |raw: &str| match quoting {
            Quoting::Allowed => raw.to_owned(),
            Quoting::Never => "an id".to_owned(),
        };
        return Err(in_field(
            field_at("implemented"),
            "implemented",
            format!(
                "{} is listed under `implemented`, but its objective {} is under `not_applicable`: the profile contradicts itself",
                show(&controls[detail].raw),
                show(&controls[objective].raw)
            ),
        )
        .hint("a detailed control of an objective that does not apply does not apply either: move it under `not_applicable`, or, if the objective is implemented, move the objective under `implemented`"));
    }
    if controls.is_empty() && doc.inherits.is_none() {
        return Err(in_field(
            field_at("implemented"),
            "implemented",
            "the profile lists no controls: `implemented` and `not_applicable` are empty or missing",
        )
        .hint("list the ids the service implements under `implemented` (e.g. [5.1.1, 9.2.1])"));
    }
    let underlying = match (doc.inherits, doc.inherited) {
        (None, None) => None,
        (None, Some(_)) => {
            return Err(in_field(
                field_at("inherited"),
                "inherited",
                "`inherited` is given without `inherits`",
            )
            .hint("name the profile of the underlying service with `inherits: path`"))
        }
        (Some(rel), inherited) => {
            let dir = path.parent().unwrap_or(Path::new(""));
            let parent_path = dir.join(&rel);
            if !matches!(FileKind::of(&parent_path), FileKind::Yaml | FileKind::Json) {
                return Err(in_field(
                    field_at("inherits"),
                    "inherits",
                    format!(
                        "{} is not a profile: `inherits:` names a .yaml, .yml or .json file",
                        quoting.show(&rel, "the file it names")
                    ),
                )
                .hint("name the profile of the underlying service (e.g. inherits: iaas.yaml); other files are not read"));
            }
            if !parent_path.is_file() {
                return Err(in_field(
                    field_at("inherits"),
                    "inherits",
                    format!(
                        "the underlying profile {} does not exist",
                        quoting.show(&parent_path.display().to_string(), "it names")
                    ),
                )
                .hint("`inherits:` is a path relative to this profile's folder"));
            }
            let attestation = load_inherited(&parent_path, encoding, as_of, catalog, chain)?;
            let scope = match inherited {
                Some(v) => v.into_iter().map(Scalar::into_string).collect(),
                None => vec![DEFAULT_INHERITED.to_owned()],
            };
            let name = attestation.display_name();
            let at = |entry: &str| {
                value_line(text, "inherited", entry).map_or(loc.clone(), |n| loc.clone().line(n))
            };
            if let Some(err) = crate::analysis::csp::inheritance_refused(catalog, &scope, &name, at)
            {
                return Err(err);
            }
            Some(Box::new(Underlying { attestation, scope }))
        }
    };
    Ok(Attestation {
        source: path.to_path_buf(),
        underlying,
        name: doc.name.filter(|n| !n.trim().is_empty()),
        provider: doc.provider,
        registration_number: doc.registration_number.map(Scalar::into_string),
        registration_kind,
        // its fields, not its YAML comments
        liu_said: text
            .lines()
            .enumerate()
            .find(|(_, l)| super::page::mentions_liu(split_comment(l).0))
            .map(|(i, l)| {
                (
                    Location::file(path).line(i + 1),
                    super::published::quote(split_comment(l).0),
                )
            }),
        registered,
        renewal_deadline,
        audit_period,
        scope: doc.scope,
        governing_law: doc.governing_law,
        jurisdiction: doc.jurisdiction,
        subsequent_events: doc.subsequent_events,
        improvement_plan,
        capital_relationships: doc.capital_relationships,
        third_party_testing: doc.third_party_testing.map(TextOrBool::into_text),
        renewal_pending,
        controls,
        tracks_evidence: false,
        ignored_tokens: 0,
        read_as: ReadAs {
            kind: ReadKind::Profile,
            parts: vec![ReadPart {
                kind: ReadKind::Profile,
                ..ReadPart::default()
            }],
            skipped: Vec::new(),
            fields: Vec::new(),
            marks_not_read: None,
            confirmed_later: None,
            pasted: false,
            other_framework_rows: Vec::new(),
        },
    })
}

/// A profile's entry that is one id and nothing else: an ISMAP id in any spelling (also
/// one the catalog may not hold: `99.1.1`), an Annex A or 27017 reference, a NIST id.
fn is_bare_id(entry: &str) -> bool {
    let folded = crate::text::fold_width(entry.trim()).into_owned();
    if IsmapId::parse(&folded).is_some() || crate::catalog::resolve::parse_nist(&folded).is_some() {
        return true;
    }
    match super::ids::find_ids(&folded).0.as_slice() {
        [one] => one.kind.is_control() && one.start == 0 && one.end == folded.len(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An entry is an id alone, whatever the resolver would read beside it.
    #[test]
    fn entries_are_ids_alone() {
        for ok in [
            "9.2.3",
            "８．２．３",
            "8.1.5 P",
            "8.1.5P",
            "A.9.2.3",
            "CLD.8.1.5",
            "AC-2(1)",
            "99.1.1",
        ] {
            assert!(is_bare_id(ok), "{ok}");
        }
        for bad in [
            "9.2.3（一部）",
            "9.2.3 (partial)",
            "管理策9.2.1",
            "9.2.3-partial",
            "A.9.2.3 未実施",
            "9.2.3 済",
        ] {
            assert!(!is_bare_id(bad), "{bad}");
        }
        let catalog = Catalog::embedded().unwrap();
        let err = profile_from_str(
            Path::new("p.yaml"),
            "implemented: [5.1.1, \"9.2.3（一部）\"]\n",
            &catalog,
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("line 1: field 'implemented': '9.2.3（一部）' is not an id alone"),
            "{err}"
        );
    }

    /// [`FIELDS`] are the profile's fields, no more, no fewer: the parser's list of the
    /// fields it expects says so.
    #[test]
    fn the_fields_are_the_profile_fields() {
        let catalog = Catalog::embedded().unwrap();
        let err = profile_from_str(Path::new("p.yaml"), "zzz: 1\n", &catalog)
            .unwrap_err()
            .to_string();
        let expected = err.split("expected one of ").nth(1).unwrap_or_default();
        let mut listed: Vec<&str> = expected
            .split(',')
            .map(|f| f.trim().trim_matches(|c: char| c == '`' || !c.is_ascii()))
            .filter_map(|f| f.split('`').next())
            .filter(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .collect();
        listed.sort();
        let mut fields = FIELDS.to_vec();
        fields.sort();
        assert_eq!(listed, fields, "{err}");
    }
}
