//! The ISO/IEC 27001/27002 edition a check list's Annex A and 27002 references are written
//! in: given (`--iso-edition 2013|2022`), or decided from the list itself — the references
//! column header, a title row above it, or references only one edition has — and said in
//! the report. A list whose two-part numbers name different controls in the two editions
//! and that says nothing about its edition is refused, never read by a guess.
use serde::Serialize;

use crate::catalog::reftext::{self, edition_of_year, Atom, Kind, Marker, Standard};
use crate::catalog::resolve::{is_27001_clause, EditionHint, PlainIds};
use crate::catalog::Catalog;
use crate::error::{InputError, Location};
use crate::model::CheckList;

/// An edition of ISO/IEC 27001 Annex A / ISO/IEC 27002.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum IsoEdition {
    /// ISO/IEC 27001:2013 / 27002:2013 = JIS Q 27001:2014 / JIS Q 27002:2014 (ISMAP's
    /// numbering).
    #[serde(rename = "2013")]
    Iso2013,
    /// ISO/IEC 27001:2022 / 27002:2022 = JIS Q 27001:2023 / JIS Q 27002:2024 (controls
    /// 5.1–8.34).
    #[serde(rename = "2022")]
    Iso2022,
}

impl IsoEdition {
    pub fn as_str(self) -> &'static str {
        match self {
            IsoEdition::Iso2013 => "2013",
            IsoEdition::Iso2022 => "2022",
        }
    }
}

impl std::fmt::Display for IsoEdition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `--iso-edition`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum EditionFlag {
    /// Decide from the list.
    #[default]
    Auto,
    Fixed(IsoEdition),
}

/// What decided the edition.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DecidedBy {
    /// `--iso-edition`.
    Flag,
    /// The references column header names the edition (`ISO/IEC 27001:2022`).
    Header,
    /// A title row above the header names it.
    TitleRow,
    /// References that exist in one edition only (`A.5.23`, `A.9.2.1`), or carry their
    /// edition (`ISO27001:2022 A.5.15`).
    References,
    /// The references column header names ISMAP: its ids are ISMAP's (2013 numbering).
    IsmapHeader,
    /// Nothing in the list depends on it.
    #[default]
    NotNeeded,
}

/// The edition a check list is read in, and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct EditionDecision {
    /// `None` when nothing in the list depends on it.
    pub edition: Option<IsoEdition>,
    pub decided_by: DecidedBy,
    /// What decided it, as written: the header, the title row or the reference.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// The row of the title row or of the reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
}

/// The editions `text` names (`ISO/IEC 27001:2022`, `JIS Q 27002:2024`): those of a
/// standard 27001 or 27002 written with a year.
pub fn editions_named(text: &str) -> Vec<IsoEdition> {
    let mut out = Vec::new();
    for l in reftext::lex(text) {
        if let Kind::Std(s) = l.kind {
            if matches!(s.standard, Standard::Iso27001 | Standard::Iso27002) {
                if let Some(e) = s.year.and_then(edition_of_year) {
                    if !out.contains(&e) {
                        out.push(e);
                    }
                }
            }
        }
    }
    out.sort();
    out
}

/// Whether `text` (an id column's header, a table's title) names the 2022 edition of ISO/IEC
/// 27001/27002 (or its JIS, 2023/2024) and not the 2013 one: `管理策番号（ISO/IEC
/// 27002:2022）`, `JIS Q 27002:2024`, `ISO27001(2022)` — a numbering that is not the
/// catalog's (review 23 A-7).
pub fn names_2022_edition(text: &str) -> bool {
    let named = editions_named(text);
    named == [IsoEdition::Iso2022]
        || named.is_empty() && year_of_standard(text) == Some(IsoEdition::Iso2022)
}

/// The edition a header or title names by a year written apart from a standard's colon
/// (`ISO27001(2022)`, `附属書A（2022）`, `Annex A 2022`, `27001（2022年版）`), when it names
/// ISO/IEC 27001 or 27002, Annex A or the ISMS's controls: the years of the editions and
/// of their JIS (2013, 2014; 2022, 2023, 2024), one edition only.
fn year_of_standard(text: &str) -> Option<IsoEdition> {
    let key = crate::text::header_key(text);
    let standard = reftext::lex(text).iter().any(|l| {
        matches!(l.kind, Kind::Std(s) if matches!(s.standard, Standard::Iso27001 | Standard::Iso27002))
    }) || ["附属書a", "annexa", "isms管理策", "27001", "27002"]
        .iter()
        .any(|w| key.contains(w));
    standard.then(|| edition_year(text)).flatten()
}

/// The one edition the years in `text` name (2013, 2014; 2022, 2023, 2024), not a date's
/// year (2025) nor a standard's number (27001).
fn edition_year(text: &str) -> Option<IsoEdition> {
    let folded = crate::text::fold_width(text);
    let mut found = None;
    for run in folded.split(|c: char| !c.is_ascii_digit()) {
        let e = match run {
            "2013" | "2014" => IsoEdition::Iso2013,
            "2022" | "2023" | "2024" => IsoEdition::Iso2022,
            _ => continue,
        };
        if found.is_some_and(|f| f != e) {
            return None;
        }
        found = Some(e);
    }
    found
}

/// Whether a references header naming ISMAP carries a word of a later edition beside it
/// (`ISMAP管理策（2022年版対応）`, `ISMAP管理策(2022)`, `ISMAP管理策 2024年改訂後`,
/// `ISMAP管理策（新基準）`): its two-part ids may be ISO/IEC 27001:2022 Annex A numbers.
fn later_edition_word(header: &str) -> bool {
    edition_year(header) == Some(IsoEdition::Iso2022)
        || crate::text::header_key(header).contains("新基準")
}

/// How a references column's header says its plain numbers are read: a header naming
/// ISO/IEC 27001 and its body (`JIS Q 27001:2014 本文`, `ISO27001条項`) → clauses of the
/// management system; naming it and neither its body nor Annex A (`ISO/IEC 27001:2013`,
/// `27001`) → a number that is also one of its clauses is ambiguous; naming another
/// framework (`PCI DSS要件`) → that framework's numbers, never ISMAP ids; otherwise (ISMAP,
/// Annex A, `管理策`, none) → ISMAP ids.
pub fn plain_ids(header: &str) -> PlainIds {
    if is_ismap_header(header) {
        return PlainIds::Ismap;
    }
    if crate::catalog::resolve::other_framework(header).is_some() {
        return PlainIds::OtherFramework;
    }
    let Some(year) = reftext::lex(header).iter().find_map(|l| match l.kind {
        Kind::Std(s) if s.standard == Standard::Iso27001 => Some(s.year),
        _ => None,
    }) else {
        return PlainIds::Ismap;
    };
    let key = crate::text::header_key(header);
    let says = |words: &[&str]| words.iter().any(|w| key.contains(w));
    if says(&["附属書a", "annexa", "管理策", "control"]) {
        PlainIds::Ismap
    } else if says(&["本文", "条項", "箇条", "要求事項", "clause"]) {
        PlainIds::Iso27001Clauses
    } else {
        PlainIds::Iso27001Unsaid { year }
    }
}

/// What a reference says of the list's edition: one hint per number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    pub hint: EditionHint,
    /// The reference carries its edition (`ISO27001:2022 A.5.15`, `A.5.15 (2022)`).
    pub tagged: bool,
    /// The number is written as ISO/IEC 27001/27002's (`A.8.2`, `ISO27001 A.8.2`,
    /// `JIS Q 27002 8.2`), not as a plain number (`8.2`), which a column headed ISMAP
    /// holds as ISMAP's.
    pub iso: bool,
    /// The number names a control, three parts or more (`A.9.4.2`), not a category or a
    /// two-part 2022 control (`A.9.4`, `A.8.2`).
    pub control: bool,
}

/// What a reference says of the list's edition: its hints, one per number. A number the
/// column's header reads as a clause (`plain`), or one with a name the tool does not know
/// before it (`PCI DSS 8.2`), says nothing.
pub fn hints(catalog: &Catalog, reference: &str, plain: PlainIds) -> Vec<Hint> {
    // a plain id of three numbers or more is an ISMAP id in any list: nothing to read
    if reftext::is_plain_id(reference) && reference.matches('.').count() >= 2 {
        return Vec::new();
    }
    let reading = reftext::read(reference);
    let mut out = Vec::new();
    for (atom, beside) in reading.atoms.iter().zip(&reading.beside) {
        let (std, ids) = match atom {
            Atom::Id(std, id) => (*std, vec![id]),
            Atom::Range(std, a, b) => (*std, vec![a, b]),
            Atom::Nist(_) => continue,
        };
        if !reftext::residue(&beside.before, false).is_empty() {
            continue;
        }
        let tagged = std.is_some_and(|s| s.year.is_some());
        for id in ids {
            let Some(parsed) = id.parse() else { continue };
            let hint = match (std.map(|s| s.standard), id.marker) {
                (_, Marker::Cld) => continue,
                // ISO/IEC 27001 without `A.`: a management-system clause, not Annex A
                (Some(Standard::Iso27001), Marker::None) => continue,
                (Some(Standard::Iso27001 | Standard::Iso27002), _) => {
                    match std.and_then(|s| s.year).and_then(edition_of_year) {
                        Some(e) => EditionHint::Evidence(e),
                        None => catalog.edition_hint(&parsed, true),
                    }
                }
                (Some(_), _) => continue,
                (None, Marker::Annex) => catalog.edition_hint(&parsed, true),
                (None, Marker::None) => match plain {
                    PlainIds::Iso27001Clauses | PlainIds::OtherFramework => continue,
                    PlainIds::Iso27001Unsaid { year } if is_27001_clause(&parsed, year) => continue,
                    _ => catalog.edition_hint(&parsed, false),
                },
            };
            out.push(Hint {
                hint,
                tagged,
                iso: std.is_some() || id.marker == Marker::Annex,
                control: parsed.depth() >= 3,
            });
        }
    }
    out
}

/// A cell of a references column: its sheet (of a list read from several), row and text.
type Cell<'a> = (Option<&'a str>, usize, &'a str);

/// A cell named in a message: sheet (of a list read from several), row and text.
fn cell((sheet, row, reference): Cell) -> String {
    match sheet {
        Some(sheet) => format!("sheet '{sheet}' row {row} '{reference}'"),
        None => format!("row {row} '{reference}'"),
    }
}

fn cells(list: &[Cell]) -> String {
    const SHOWN: usize = 8;
    let mut s = list
        .iter()
        .take(SHOWN)
        .map(|c| cell(*c))
        .collect::<Vec<_>>()
        .join(", ");
    if list.len() > SHOWN {
        s.push_str(&format!(" and {} more", list.len() - SHOWN));
    }
    s
}

/// Decides the edition the first references column of `list` is read in (see the module).
/// Errors name the file, sheet, references column and the cells.
pub fn decide(
    catalog: &Catalog,
    list: &CheckList,
    flag: EditionFlag,
) -> Result<EditionDecision, InputError> {
    decide_column(catalog, list, 0, flag)
}

/// [`decide`] for references column `column` of `list` (0 = the first): from its header,
/// the title rows, its references.
fn decide_column(
    catalog: &Catalog,
    list: &CheckList,
    column: u8,
    flag: EditionFlag,
) -> Result<EditionDecision, InputError> {
    if let EditionFlag::Fixed(e) = flag {
        return Ok(EditionDecision {
            edition: Some(e),
            decided_by: DecidedBy::Flag,
            text: format!("--iso-edition {e}"),
            row: None,
        });
    }
    let header = list
        .refs_headers()
        .get(usize::from(column))
        .copied()
        .unwrap_or_default()
        .to_owned();
    let loc = || {
        Location::file(&list.source)
            .sheet(list.sheet.as_deref())
            .column(header.clone())
    };
    let ismap_header = is_ismap_header(&header);
    let named = match editions_named(&header)[..] {
        [e] => Some(e),
        [] if !ismap_header => year_of_standard(&header),
        _ => None,
    };
    if let Some(e) = named {
        return Ok(EditionDecision {
            edition: Some(e),
            decided_by: DecidedBy::Header,
            text: header.clone(),
            row: None,
        });
    }
    // a header naming ISMAP says its ids are ISMAP's (2013 numbering): a number only 2022
    // has is then an id ISMAP does not have (unresolved, `other-edition`), never a sign
    // that the whole column is in 2022 numbering (review 7, B-ed-1); a reference carrying
    // its edition (`ISO/IEC 27001:2022 A.5.15`) is still read in it
    let title_edition = |text: &str| match editions_named(text)[..] {
        [e] => Some(e),
        [] => year_of_standard(text),
        _ => None,
    };
    for (row, text) in list.title_rows.iter().filter(|_| !ismap_header) {
        if let Some(e) = title_edition(text) {
            return Ok(EditionDecision {
                edition: Some(e),
                decided_by: DecidedBy::TitleRow,
                text: text.clone(),
                row: Some(*row),
            });
        }
    }
    let plain = plain_ids(&header);
    // [untagged, tagged] evidence of [2013, 2022]
    let mut evidence: [[Vec<Cell>; 2]; 2] = Default::default();
    let mut sensitive: Vec<Cell> = Vec::new();
    // the cells of `sensitive` and of untagged 2022 evidence written as ISO/IEC 27001/27002
    // numbers (`A.8.2`), not plain ones (`8.2`)
    let mut iso_written: Vec<Cell> = Vec::new();
    // whether some untagged 2013 evidence is more than a control's three-part number
    // (`A.9.4`, `A.12`: numbers only 2013 has)
    let mut old_beyond_controls = false;
    // each distinct reference read once (a large list repeats a few thousand of them)
    let mut seen: foldhash::HashSet<&str> = foldhash::HashSet::default();
    for item in &list.items {
        let sheet = crate::input::checks::sheet_of(list, item);
        for (i, r) in item.refs.iter().enumerate() {
            let origin = item.ref_origin(i);
            // a number that may have lost a trailing zero is not read at all
            if origin.column != column
                || !seen.insert(r.as_str())
                || origin.number && catalog.may_have_lost_zero(r)
            {
                continue;
            }
            for Hint {
                hint,
                tagged,
                iso,
                control,
            } in hints(catalog, r, plain)
            {
                let c = (sheet, item.row, r.as_str());
                old_beyond_controls |=
                    hint == EditionHint::Evidence(IsoEdition::Iso2013) && !tagged && !control;
                match hint {
                    EditionHint::Evidence(e) => evidence[usize::from(tagged)][e as usize].push(c),
                    EditionHint::Sensitive => sensitive.push(c),
                    EditionHint::Neutral => {}
                }
                let doubtful = matches!(hint, EditionHint::Sensitive)
                    || hint == EditionHint::Evidence(IsoEdition::Iso2022) && !tagged;
                if iso && doubtful {
                    iso_written.push(c);
                }
            }
        }
    }
    for v in evidence.iter_mut().flatten().chain([&mut sensitive]) {
        v.dedup();
    }
    let [untagged, tagged] = &evidence;
    if ismap_header {
        // …unless 2022-only numbers stand beside numbers naming other controls in the two
        // editions (`5.16` beside `6.1`, `8.2`): the column is then likely in 2022 numbering,
        // and reading `6.1` as ISMAP's would credit another control (review 8, A-ed-2)
        // …and unless the header or a title row names the 2022 edition while two-part ids
        // read differently in the two editions stand in the column: `ISMAP管理策（2022年版
        // 対応）` over `A.8.2` may be ISMAP's 8.2 or Annex A 8.2 (2022) (review 10, A-2022-2)
        // …a title row naming the 2022 edition (`ISO/IEC 27001:2022 対応 確認項目`) doubts
        // only numbers written as ISO/IEC 27001's (`A.8.2`): a plain `8.2` in a column headed
        // ISMAP is ISMAP's, whatever edition the list's title aligns with — unless the title
        // speaks of the numbers (`※管理策番号は ISO/IEC 27001:2022 附属書A の番号です`)
        // (review 11)
        let doubtful = sensitive.first().or(untagged[1].first());
        let later = match later_edition_word(&header) {
            true => doubtful.map(|c| (header.clone(), c)),
            false => list
                .title_rows
                .iter()
                .find(|(_, t)| title_edition(t) == Some(IsoEdition::Iso2022))
                .and_then(|(row, t)| {
                    let c = match speaks_of_numbers(t) {
                        true => doubtful,
                        false => iso_written.first(),
                    };
                    c.map(|c| (format!("row {row} '{t}'"), c))
                }),
        };
        if let Some((said, c)) = later {
            return Err(InputError::at(
                loc(),
                format!(
                    "the references column is headed as ISMAP's (2013 numbering), but {said} names the 2022 edition of ISO/IEC 27001, and {} reads differently in the two: which numbering the column uses cannot be told",
                    cell(*c)
                ),
            )
            .hint("pass --iso-edition 2022 if its ids are ISO/IEC 27001:2022 Annex A numbers, --iso-edition 2013 if they are ISMAP's; or name the edition in the header (e.g. '管理策 (ISO/IEC 27001:2022)')"));
        }
        if let (Some(b), false) = (untagged[1].first(), sensitive.is_empty()) {
            return Err(InputError::at(
                loc(),
                format!(
                    "the references column is headed as ISMAP's (2013 numbering), but {} is 2022 numbering, and {} name{} different controls in the 2013 and 2022 editions",
                    cell(*b),
                    cells(&sensitive),
                    if sensitive.len() == 1 { "s" } else { "" }
                ),
            )
            .hint("name the edition in the references column header (e.g. '管理策 (ISO/IEC 27001:2022)'), or pass --iso-edition 2013 or --iso-edition 2022, or correct the 2022 numbers"));
        }
        // …and unless an Annex A number of two parts written as such (`A.8.2`) stands in it
        // with nothing of 2013 beside it nor a title row naming an edition: ISMAP never
        // writes `A.`, so it is an Annex A
        // reference whose edition the header does not state (`A.8.2` is information
        // classification in 2013, privileged access rights in 2022) (review 12 A-14)
        if let (Some(c), true) = (
            iso_written.iter().find(|c| sensitive.contains(c)),
            untagged[0].is_empty()
                && tagged[0].is_empty()
                && list
                    .title_rows
                    .iter()
                    .all(|(_, t)| title_edition(t).is_none()),
        ) {
            return Err(InputError::at(
                loc(),
                format!(
                    "the references column is headed as ISMAP's, but {} is an ISO/IEC 27001 Annex A number, which names different controls in the 2013 and 2022 editions: which edition it is cannot be told",
                    cell(*c)
                ),
            )
            .hint("pass --iso-edition 2013 or --iso-edition 2022, or name the edition in the header (e.g. '管理策 (ISO/IEC 27001:2022)'), or write the ISMAP ids instead"));
        }
        return Ok(EditionDecision {
            edition: Some(IsoEdition::Iso2013),
            decided_by: DecidedBy::IsmapHeader,
            text: header.clone(),
            row: None,
        });
    }
    // references carrying their edition read in it whatever the list's: they decide the
    // list only when nothing else does and they agree
    let by_tags = !(untagged.iter().any(|v| !v.is_empty()) || tagged.iter().all(|v| !v.is_empty()));
    let [old, new] = if by_tags { tagged } else { untagged };
    // …but a reference marked with its edition speaks for itself only: unmarked ones read
    // differently in the two editions beside it (`A.8.2 (2022)` over a plain `A.8.2`) are
    // left as undecided as they were (review 11 B-1)
    let iso_sensitive: Vec<Cell> = sensitive
        .iter()
        .filter(|c| iso_written.contains(c))
        .copied()
        .collect();
    let firsts = match by_tags && !sensitive.is_empty() {
        true => (None, None),
        false => (old.first(), new.first()),
    };
    match firsts {
        // sheets of one workbook in different editions (the move from 2013 to 2022): one
        // edition for both would be wrong for one of them
        (Some(a), Some(b)) if a.0 != b.0 => Err(InputError::at(
            loc(),
            format!(
                "sheets '{}' and '{}' use different ISO/IEC 27001/27002 editions: {} is 2013 numbering, {} is 2022 numbering",
                a.0.unwrap_or_default(),
                b.0.unwrap_or_default(),
                cell(*a),
                cell(*b)
            ),
        )
        .hint("name each sheet's edition in its references column header (e.g. '管理策 (ISO/IEC 27001:2022)'): each sheet is then read in its own; or read one sheet at a time with --sheet NAME")),
        (Some(a), Some(b)) => Err(InputError::at(
            loc(),
            format!(
                "the references mix ISO/IEC 27001/27002 editions: {} is 2013 numbering, {} is 2022 numbering",
                cell(*a),
                cell(*b)
            ),
        )
        .hint("pass --iso-edition 2013 or --iso-edition 2022 to say how its two-part numbers are read (three-part ones are 2013 numbering in any list), or correct the references")),
        // a three-part number is 2013 numbering in any list, but it does not say how the
        // two-part Annex A numbers beside it are read: a list moving from 2013 to 2022 keeps
        // an old control's number (`A.9.4.2`) beside new ones (`A.8.2` privileged access
        // rights, 2013's information classification), and a 2013 list cites controls, not
        // categories (review 17 A-1)
        (Some(a), None) if !by_tags && !old_beyond_controls && !iso_sensitive.is_empty() => {
            Err(InputError::at(
                loc(),
                format!(
                    "{} is a 2013 control number, but {} name{} different ISO/IEC 27001 Annex A controls in the 2013 and 2022 editions, and nothing else in the list says which edition it uses (a list moving to 2022 may keep an old number)",
                    cell(*a),
                    cells(&iso_sensitive),
                    if iso_sensitive.len() == 1 { "s" } else { "" }
                ),
            )
            .hint("pass --iso-edition 2013 or --iso-edition 2022, or name the edition in the references column header (e.g. 'ISO/IEC 27001:2022')"))
        }
        (Some((_, row, r)), None) | (None, Some((_, row, r))) => Ok(EditionDecision {
            edition: Some(if old.is_empty() {
                IsoEdition::Iso2022
            } else {
                IsoEdition::Iso2013
            }),
            decided_by: DecidedBy::References,
            text: (*r).to_owned(),
            row: Some(*row),
        }),
        (None, None) if !sensitive.is_empty() => Err(InputError::at(
            loc(),
            format!(
                "{} name{} different ISO/IEC 27001 Annex A controls in the 2013 and 2022 editions, and nothing in the list says which edition it uses",
                cells(&sensitive),
                if sensitive.len() == 1 { "s" } else { "" }
            ),
        )
        .hint("pass --iso-edition 2013 or --iso-edition 2022, or name the edition in the references column header (e.g. 'ISO/IEC 27001:2022')")),
        (None, None) => Ok(EditionDecision::default()),
    }
}

/// Decides the ISO edition of each references column of a check list ([`decide`]) and
/// keeps it in the list. A range the tool cannot read (reversed, across categories) is no
/// input error: the resolver makes its item's reference unresolved (`invalid-range`), and
/// `--strict` refuses it with the other unresolved references.
pub fn prepare(
    catalog: &Catalog,
    list: &mut CheckList,
    flag: EditionFlag,
) -> Result<(), InputError> {
    list.iso_edition = decide_column(catalog, list, 0, flag)?;
    for k in 0..list.more_refs_columns.len() {
        let column = u8::try_from(k + 1).unwrap_or(u8::MAX);
        let decision = decide_column(catalog, list, column, flag)?;
        list.more_refs_columns[k].iso_edition = decision;
    }
    Ok(())
}

/// Whether a title row speaks of the references' numbers (`※管理策番号は ISO/IEC
/// 27001:2022 附属書A の番号です`, `Annex A numbering`), not only of the standard the list
/// is aligned with (`ISO/IEC 27001:2022 対応 確認項目`).
fn speaks_of_numbers(title: &str) -> bool {
    let key = crate::text::header_key(title);
    [
        "番号",
        "項番",
        "附属書",
        "付属書",
        "管理策",
        "annex",
        "number",
        "control",
    ]
    .iter()
    .any(|w| key.contains(w))
}

/// A references column headed with ISMAP (`ISMAP管理策`): its ids are ISMAP ids.
fn is_ismap_header(header: &str) -> bool {
    crate::text::fold_width(header)
        .to_ascii_uppercase()
        .contains("ISMAP")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_titles_name_editions() {
        for (text, want) in [
            ("ISO/IEC 27001:2022", vec![IsoEdition::Iso2022]),
            ("JIS Q 27001:2023 附属書A", vec![IsoEdition::Iso2022]),
            ("JIS Q 27002:2024", vec![IsoEdition::Iso2022]),
            ("27002:2022", vec![IsoEdition::Iso2022]),
            ("JIS Q 27001:2014", vec![IsoEdition::Iso2013]),
            ("ISO/IEC 27001:2013 / 2022", vec![IsoEdition::Iso2013]),
            (
                "ISO27001:2013, ISO27001:2022",
                vec![IsoEdition::Iso2013, IsoEdition::Iso2022],
            ),
            ("管理策", vec![]),
            ("ISMAP管理策", vec![]),
        ] {
            assert_eq!(editions_named(text), want, "{text}");
        }
    }
}
