//! Check items (外部委託先に対する確認項目) from CSV, spreadsheets, YAML or JSON.
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};

use std::fmt;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::error::{InputError, Location};
use crate::input::decode::{self, decode, Encoding};
use crate::input::parse_error;
use crate::input::table::{self, Merged, Sheet};
use crate::input::workbook_zip;
use crate::input::{column_letter, read_bytes, FileKind, Scalar, ScalarVisitor};
use crate::lang::Lang;
use crate::model::{
    Assurance, CellProblem, CheckItem, CheckList, Extra, HeaderNote, NotAnItem, OutsideLine,
    ProblemField, RefsColumn, Risk, RowNotRead,
};
use crate::text::header_key;

/// The columns the tool understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Id,
    Title,
    Refs,
    Assurance,
    Risk,
    Note,
}

impl Field {
    const ALL: [Field; 6] = [
        Field::Id,
        Field::Title,
        Field::Refs,
        Field::Assurance,
        Field::Risk,
        Field::Note,
    ];

    /// Header names, compared after [`header_key`] (case, width and separators ignored).
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Id => &[
                "id",
                "no",
                "項番",
                "番号",
                "管理番号",
                "itemid",
                "#",
                // GRC exports' and Japanese sheets' own ids (review 21 D-3)
                "number",
                "questionid",
                "reqid",
                "requirementid",
                "itemno",
                "№",
                "項目番号",
                "通番",
                "要件番号",
                "質問番号",
            ],
            Field::Title => &[
                "title",
                "item",
                "確認項目",
                "項目",
                "要求事項",
                "チェック項目",
                // everyday headers of a check list's question column
                "確認内容",
                "確認事項",
                "確認要件",
                "チェック内容",
                "チェック事項",
                "質問",
                "質問事項",
                "質問内容",
                "要件",
                "評価項目",
                "点検項目",
            ],
            Field::Refs => &[
                "controls",
                "refs",
                "references",
                "reference",
                "controlid",
                "対応管理策",
                "管理策",
                "ismap管理策",
                "管理策番号",
                "統制目標",
                "統制目標番号",
                "ismap管理策番号",
                "ismap管理基準",
                "ismap管理基準番号",
                "ismap統制目標",
                "関連管理策",
                "参照管理策",
                // the same in the words buyers write
                "対応する管理策",
                "関連する管理策",
                "該当する管理策",
                "参照する管理策",
                "準拠する管理策",
                "該当管理策",
                "管理策との対応",
                "対応管理策番号",
                "関連管理策番号",
                "該当管理策番号",
                "対応する管理策番号",
                "関連する管理策番号",
                "該当する管理策番号",
                "ismap対応管理策",
                "対応するismap管理策",
                "関連するismap管理策",
                "該当するismap管理策",
                "ismap番号",
                "ismapid",
                // a mapping to ISMAP (review 11): `ISMAP対応`, `ISMAP対応番号`, `ISMAP Mapping`
                // — not `Mapping` nor `対応項番` alone, which do not say to what
                "ismap対応",
                "ismap対応項番",
                "ismapmapping",
                "ismapマッピング",
                // ISMAP管理基準 with the words written around 管理策 (review 11 C-1)
                "対応するismap管理基準",
                "関連するismap管理基準",
                "該当するismap管理基準",
                "参照するismap管理基準",
                "対応ismap管理基準",
                "ismap管理基準との対応",
                "ismap管理基準対応",
                "ismap管理基準項目",
                "ismap管理基準の該当項目",
                "ismap該当箇所",
                "ismapcriteria",
                "ismapcontrolcriteria",
                "ismapno",
                "ismap#",
                "controlref",
                "controlreference",
                // the tool's own name of the gap sheet's references column
                "参照",
                // near-verbatim variants (review 10, C-refhdr-1)
                "ismapcontrol",
                "ismapcontrols",
                "ismapcontrolid",
                "ismapref",
                "ismapreference",
                "controlno",
                "controlnumber",
                "管理基準番号",
                "統制番号",
                "ismap統制目標番号",
                "対応統制目標",
                "対応するismap統制目標",
                "関連するismap統制目標",
                "該当するismap統制目標",
            ],
            Field::Assurance => &[
                "assurance",
                "requiredassurance",
                "assurancelevel",
                "requiredassurancelevel",
                "確認水準",
                "求める確認水準",
                "保証水準",
                "求める保証水準",
                "保証レベル",
                "求める保証レベル",
            ],
            Field::Risk => &["risk", "priority", "重要度", "リスク", "riskrating"],
            Field::Note => &["note", "notes", "備考"],
        }
    }

    /// The field in words, for messages.
    fn label(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Title => "check-item",
            Field::Refs => "references",
            Field::Assurance => "assurance",
            Field::Risk => "risk",
            Field::Note => "note",
        }
    }

    /// The field a header names: as a whole, else a bilingual cell whose every line or
    /// `/`-separated part names the same one (`ISMAP管理策⏎ISMAP Control`, `確認項目 / Check
    /// item`: review 13 C-10).
    fn of_header(h: &str) -> Option<Field> {
        Field::of_one_header(h).or_else(|| {
            let parts: Vec<&str> = h
                .split(['\n', '/', '／'])
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            let first = Field::of_one_header(parts.first()?)?;
            (parts.len() > 1 && parts.iter().all(|p| Field::of_one_header(p) == Some(first)))
                .then_some(first)
        })
    }

    fn of_one_header(h: &str) -> Option<Field> {
        let k = header_key(h);
        Field::ALL
            .into_iter()
            .find(|f| f.aliases().iter().any(|a| *a == k))
            .or_else(|| ENGLISH_TITLES.contains(&&*k).then_some(Field::Title))
            .or_else(|| noted_header(&k).filter(|_| !names_a_standard(h)))
    }
}

/// A references or assurance header of ours with a note after it, by its [`header_key`]:
/// `ISMAP管理策（統制目標）`, `ISMAP管理策(新)`, `ISMAP管理策_v2`, `管理策番号（見直し後）`,
/// `ISMAP管理策（2024年改訂後）`, `ISMAP管理策No.`, `管理策ID`, `ISMAP管理策※`,
/// `ISMAP管理策 *必須`, `確認水準（必須）` — not `管理策名` nor `管理策（内容）` (the
/// controls' names or text).
fn noted_header(key: &str) -> Option<Field> {
    [Field::Refs, Field::Assurance].into_iter().find(|f| {
        f.aliases().iter().any(|a| {
            let Some(rest) = key.strip_prefix(a).filter(|r| !r.is_empty()) else {
                return false;
            };
            // `Reference No.` may number the buyer's own documents: for these, only a
            // word in brackets naming the controls (`References (ID)`)
            if ["reference", "references", "refs", "参照"].contains(a) {
                return [
                    "(統制目標)",
                    "(管理策)",
                    "(番号)",
                    "(詳細管理策)",
                    "(統制目標番号)",
                    "(id)",
                    "(ismap)",
                ]
                .contains(&rest);
            }
            is_header_note(rest)
        })
    })
}

/// Whether `rest`, what follows a header of ours (its [`header_key`]), is a note on it: a
/// word in brackets (not one saying the column holds text), a number word (`No`, `ID`,
/// `番号`, `項番`), a revision (`新`, `v2`, `2024年改訂後`) or a mark (`※`, `必須`).
fn is_header_note(rest: &str) -> bool {
    /// Words saying a column holds the controls' names or text, not their ids.
    const TEXT_WORDS: &[&str] = &[
        "名",
        "名称",
        "内容",
        "説明",
        "概要",
        "本文",
        "文言",
        "タイトル",
        "title",
        "name",
        "text",
        "description",
        "要求事項",
        "詳細",
    ];
    const NOTE_WORDS: &[&str] = &[
        "no",
        "id",
        "番号",
        "項番",
        "#",
        "必須",
        "任意",
        "新",
        "旧",
        "最新",
        "改訂後",
        "改訂版",
        "見直し後",
        "新版",
        "現行",
        "code",
        "コード",
        // a two-row header's lower cell under the upper one (`対応管理策` over `ISMAP` |
        // `ISO/IEC 27001:2013`): the ISMAP ids
        "ismap",
    ];
    let rest = rest.trim_matches(['※', '†', '#']);
    if rest.is_empty() || NOTE_WORDS.contains(&rest) {
        return true;
    }
    if let Some(inner) = rest.strip_prefix(['(', '[', '【', '〔', '<', '＜', '《']) {
        let Some(end) = inner.find([')', ']', '】', '〕', '>', '＞', '》']) else {
            return false;
        };
        let (inner, after) = (&inner[..end], &inner[end..]);
        let after = &after[after.chars().next().map_or(0, char::len_utf8)..];
        return ["詳細管理策", "統制目標番号"].contains(&inner)
            || !TEXT_WORDS.iter().any(|w| inner.contains(w))
                && (after.is_empty() || is_header_note(after));
    }
    // a revision: `v2`, `ver2`, `rev3`, `2024`, `2024年改訂後`, `2024年度版`
    let digits = rest.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let letters = &rest[..rest.len() - digits.len()];
    ["", "v", "ver", "rev", "r"].contains(&letters)
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start_matches(['年', '度'])
            .trim_start_matches(['版', '改', '訂', '後'])
            .is_empty()
}

/// Whether `cell` reads as the English name of the Japanese header `header` written under
/// it (a bilingual header's second row): a few words of ASCII letters, no digit, under a
/// header written without them.
fn is_english_of(header: &str, cell: &str) -> bool {
    let words = cell.split_whitespace().count();
    !header.is_empty()
        && !header.is_ascii()
        && (1..=4).contains(&words)
        && cell.chars().any(|c| c.is_ascii_alphabetic())
        && cell
            .chars()
            .all(|c| c.is_ascii_alphabetic() || " ./&-_()'".contains(c))
}

/// Whether `header` is one of the English check-item headers read since review 11 C-19
/// (`Check item`, `Requirement`, `Question`, `Control description`, `Criteria`): beside a
/// check-item column of another header (a bilingual list) it is carried, not a second one.
fn is_english_title(header: &str) -> bool {
    ENGLISH_TITLES.contains(&&*header_key(header))
}

/// English check-item headers beside [`Field::aliases`]' `title`/`item` (review 11 C-19),
/// by their [`header_key`]: the tool's own `Check item` and the words English lists use.
const ENGLISH_TITLES: &[&str] = &[
    "checkitem",
    "checkitems",
    "requirement",
    "requirements",
    "securityrequirement",
    "securityrequirements",
    "question",
    "questions",
    "controldescription",
    "criteria",
    // a ServiceNow record's text (review 21 D-3)
    "shortdescription",
];

/// The words of a references header's note saying a mapping is approximate, partial or not
/// settled beside the words the sentence rules read too ([`crate::analysis::procedures::mapping_hedge_words`]:
/// one list): a bracket on the header is about the mapping wherever it stands.
const APPROXIMATE_WORDS: &[&str] = &[
    "一部",
    "部分",
    "関連",
    "類似",
    "想定",
    "ドラフト",
    // a candidate or a suggestion (`ISMAP mapping (candidate)`, review 14 A-10)
    "候補",
    "予定",
    "candidate",
    "proposed",
    "suggested",
    // review 14 A-17 (the rest in `procedures::mapping_hedge_words`)
    "厳密",
    "related",
    "similar",
    "tbc",
    "tbd",
];

/// The words of [`APPROXIMATE_WORDS`] that, outside a bracket, name the mapped controls
/// (`関連ISMAP管理策`, `Related ISMAP control`, as `関連管理策` is a references header): a
/// hedge only in a header's note (`ISMAP管理策（関連）`), review 26 C-2.
const NAMES_RELATED: [&str; 2] = ["関連", "related"];

/// The word of a bracketed note on a references header saying the mapping is approximate,
/// partial or not settled (`ISMAP管理策（近似）`, `（一部対応）`, `（参考）`, `（仮）`, `（案）`,
/// `（要確認）`, `ISMAP control (approx.)`) — not `（統制目標）`, `（2024年改訂後）`, `(新)`.
fn approximate_note(header: &str) -> Option<&'static str> {
    const WORDS: &[&str] = APPROXIMATE_WORDS;
    let key = header_key(header);
    let mut rest: &str = &key;
    while let Some(start) = rest.find(['(', '[', '【', '〔', '<', '＜', '《']) {
        let inner = &rest[start + rest[start..].chars().next().map_or(1, char::len_utf8)..];
        let end = inner
            .find([')', ']', '】', '〕', '>', '＞', '》'])
            .unwrap_or(inner.len());
        let note = &inner[..end];
        if let Some(w) = WORDS.iter().find(|w| note.contains(**w)) {
            return Some(w);
        }
        if let Some(w) = crate::analysis::procedures::mapping_hedge_in(note) {
            return Some(w);
        }
        // `（仮）`, `（案）`, `（素案）`, `(ref.)` — not `仮想` nor `提案番号`
        if note.contains('仮') && !note.contains("仮想") {
            return Some("仮");
        }
        if note.ends_with('案') {
            return Some("案");
        }
        if ["ref", "refs", "reference"].contains(&note) {
            return Some("ref");
        }
        rest = &inner[end..];
    }
    None
}

/// The word of a references header saying the CSP (the 委託先, the vendor) filled the column
/// in (`ISMAP管理策（委託先回答）`, `委託先記入欄：ISMAP管理策`, `ISMAP管理策（CSP記入）`, `Vendor
/// response - ISMAP control`, review 15 A-12) — not `ISMAP管理策`, `対応管理策（2024年改訂後）`.
fn filled_in_by_the_csp(header: &str) -> Option<&'static str> {
    const WORDS: &[&str] = &[
        "委託先",
        "受託",
        "回答",
        "記入",
        "ベンダー",
        "事業者",
        "response",
        "vendor",
        "supplier",
        "provider",
        "csp",
    ];
    let key = header_key(header);
    WORDS.iter().find(|w| key.contains(**w)).copied()
}

/// Whether a header names a column of ISMAP's detailed controls (`ISMAP詳細管理策`,
/// `詳細管理策番号`, `ISMAP管理策（詳細管理策）`): beside the objectives' column, its ids are
/// references of the item too (review 12 C-25). Not `詳細管理策名` (their names).
fn is_details_header(header: &str) -> bool {
    let key = header_key(header);
    let rest = key.strip_prefix("ismap").unwrap_or(&key);
    let rest = rest
        .strip_prefix("管理策(詳細管理策)")
        .or_else(|| rest.strip_prefix("管理策番号(詳細管理策)"))
        .or_else(|| rest.strip_prefix("詳細管理策"));
    rest.is_some_and(|r| ["", "番号", "no", "id"].contains(&r))
}

/// Whether references header `number` names the numbers of the controls references header
/// `name` names (`管理策番号` and `管理策`, `統制目標番号` and `統制目標`, `Control ID` and
/// `Control`): a column of numbers beside a column of the controls' names.
fn is_number_of(number: &str, name: &str) -> bool {
    let (number, name) = (header_key(number), header_key(name));
    ["番号", "id", "no"]
        .iter()
        .any(|s| number.strip_suffix(s) == Some(&*name))
}

/// Does a header name a standard whose ids a references column may hold: ISO/IEC 27001,
/// 27002 or 27017 (`ISO/IEC 27001:2022`, `JIS Q 27002`), Annex A (`附属書A`), the ISMS's
/// controls (`ISMS管理策`) or NIST SP 800-53?
fn names_a_standard(header: &str) -> bool {
    use crate::catalog::reftext::{lex, Kind, Standard};
    let named = lex(header).iter().any(|l| {
        matches!(
            l.kind,
            Kind::Std(s) if matches!(s.standard, Standard::Iso27001 | Standard::Iso27002 | Standard::Iso27017)
        )
    });
    let key = header_key(header);
    named
        || [
            "附属書a",
            "annexa",
            "isms管理策",
            "nistsp80053",
            "sp80053",
            "nist80053",
        ]
        .iter()
        .any(|k| key.starts_with(k))
}

/// How many rows from the top are searched for the header row.
const HEADER_SEARCH_ROWS: usize = 30;

/// How a check list is read: `--encoding`, `--sheet`, `--refs-column`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions<'a> {
    pub encoding: Option<Encoding>,
    pub sheet: Option<&'a str>,
    /// The header of the references column, when the tool should not find it (or them)
    /// by name: that column alone holds the references.
    pub refs_column: Option<&'a str>,
}

/// Reads check items from any supported file.
pub fn load(
    path: &Path,
    encoding: Option<Encoding>,
    sheet: Option<&str>,
) -> Result<CheckList, InputError> {
    load_with(
        path,
        ReadOptions {
            encoding,
            sheet,
            refs_column: None,
        },
    )
}

/// [`load`], with every option.
pub fn load_with(path: &Path, opts: ReadOptions) -> Result<CheckList, InputError> {
    match FileKind::of(path) {
        FileKind::Yaml | FileKind::Json if opts.refs_column.is_some() => Err(InputError::at(
            Location::file(path),
            "--refs-column applies to a CSV or workbook check list",
        )
        .hint("a YAML or JSON check list gives its references under `refs`")),
        FileKind::Yaml | FileKind::Json => load_structured(path, opts.encoding),
        FileKind::Text => load_csv(path, opts.encoding, opts.refs_column),
        FileKind::Workbook if opts.sheet.is_some() => {
            let mut list = from_sheet_with(
                table::read(path, opts.encoding, opts.sheet)?,
                opts.refs_column,
            )?;
            // the other visible sheets without a header (a cover) still speak for the list
            for (name, visible) in table::sheet_names(path)? {
                if visible
                    && list.sheet.as_deref() != Some(name.as_str())
                    && !has_header(&table::read_workbook(path, Some(&name))?, opts.refs_column)
                {
                    list.outside_lines.extend(sheet_lines(path, &name)?);
                }
            }
            Ok(list)
        }
        FileKind::Workbook => from_workbook(path, opts.refs_column),
    }
}

/// The extra column that names each item's sheet when a check list is read from several.
pub const SHEET_COLUMN: &str = "sheet";

/// Whether a sheet holds a check-list header: a references column in its first rows (the
/// one named `refs_column`, when given).
fn has_header(sheet: &Sheet, refs_column: Option<&str>) -> bool {
    match refs_column {
        // a header of two rows (`対応管理策 ISMAP`) and a letter (`D`) are found by the reader
        Some(name) => {
            sheet
                .rows
                .iter()
                .take(HEADER_SEARCH_ROWS)
                .any(|r| r.iter().any(|c| names_column(c, name)))
                || find_header(sheet, Field::Refs, refs_column).is_ok()
        }
        // also a header the one-sheet reader accepts (`管理策 (ISO/IEC 27001:2022)`, a
        // column of ISMAP ids headed `ISMAP項番`)
        None => {
            has_column(sheet, Field::Refs)
                || find_header(sheet, Field::Refs, None).is_ok()
                || ismap_ids_column(sheet).is_some()
        }
    }
}

/// Is `header` the column `--refs-column` names (case, width and spacing aside)?
fn names_column(header: &str, name: &str) -> bool {
    let h = header.trim();
    !h.is_empty() && (h == name.trim() || header_key(h) == header_key(name))
}

/// The column `--refs-column` names on a sheet: by its header — one row's cell, or under
/// a header of two rows (`対応管理策` over `ISMAP`) the lower cell, the upper one or both
/// (`対応管理策 ISMAP`) — or by its letter (`D`, `AA`) when no header of the sheet's first
/// rows is written so.
#[derive(Debug, Clone, Copy)]
enum Named<'a> {
    Header(&'a str),
    Letter(usize),
}

impl<'a> Named<'a> {
    fn on(sheet: &Sheet, name: &'a str) -> Named<'a> {
        // a cell so written in a row of headers of ours, or in the row under one (a header
        // of two rows): not a value `D` in a column of ranks
        let ours = |r: &[String]| r.iter().any(|h| Field::of_header(h).is_some());
        let rows = &sheet.rows[..sheet.rows.len().min(HEADER_SEARCH_ROWS)];
        let header = || {
            rows.iter().enumerate().any(|(i, r)| {
                r.iter().any(|h| names_column(h, name)) && (ours(r) || i > 0 && ours(&rows[i - 1]))
            })
        };
        match crate::input::letter_index(&crate::text::fold_width(name)) {
            Some(c) if !header() => Named::Letter(c),
            _ => Named::Header(name),
        }
    }

    /// Whether column `c`, headed `cell` (under a header of two rows: its `(upper, lower)`
    /// cells too), is the one named.
    fn is(self, c: usize, cell: &str, parts: Option<&(String, String)>) -> bool {
        match self {
            Named::Letter(l) => c == l,
            Named::Header(name) => {
                names_column(cell, name)
                    || parts.is_some_and(|(upper, lower)| {
                        names_column(upper, name) || names_column(lower, name)
                    })
            }
        }
    }
}

/// Whether a sheet names a column of `field` in its first rows.
fn has_column(sheet: &Sheet, field: Field) -> bool {
    sheet
        .rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .any(|r| r.iter().any(|c| Field::of_header(c) == Some(field)))
}

/// A check-list workbook without `--sheet`: every visible sheet with a check-list header,
/// so that items on a second sheet (`組織的対策`, `技術的対策`) are not lost. A workbook with
/// one visible sheet reads as that sheet; sheets without a header are named in
/// `skipped_sheets`, hidden sheets with one in `hidden_sheets` (not read: a hidden sheet may
/// be left out on purpose); items from several sheets carry their sheet in the extra column
/// [`SHEET_COLUMN`], and when an id is given on two sheets (each sheet numbered from 1),
/// every id is qualified by its sheet (`組織的対策/1`).
fn from_workbook(path: &Path, refs_column: Option<&str>) -> Result<CheckList, InputError> {
    let names = table::sheet_names(path)?;
    let visible: Vec<&str> = names
        .iter()
        .filter(|(_, v)| *v)
        .map(|(n, _)| n.as_str())
        .collect();
    let mut hidden = Vec::new();
    for (name, _) in names.iter().filter(|(_, v)| !*v) {
        if has_header(&table::read_workbook(path, Some(name))?, refs_column) {
            hidden.push(name.clone());
        }
    }
    let mut list = if visible.len() <= 1 {
        let mut list = from_sheet_with(
            table::read_workbook_with(path, visible.first().copied(), Merged::FillDown)?,
            refs_column,
        )?;
        list.sheets = list.sheet.iter().cloned().collect();
        list
    } else {
        let mut lists = Vec::new();
        let mut skipped = Vec::new();
        let mut not_items = Vec::new();
        let mut not_in_effect = Vec::new();
        for name in &visible {
            if is_instructions_sheet(name) {
                not_items.push((*name).to_owned());
                continue;
            }
            let sheet = table::read_workbook_with(path, Some(name), Merged::FillDown)?;
            if has_header(&sheet, refs_column) {
                let list = from_sheet_with(sheet, refs_column)?;
                if is_neutral_sheet_name(name) && reads_as_instructions(&list) {
                    not_items.push((*name).to_owned());
                    continue;
                }
                lists.push(list);
            } else if let Some(e) = unnamed_check_list(&sheet, refs_column) {
                return Err(e);
            } else {
                skipped.push((*name).to_owned());
            }
        }
        // the ISMAP control list pasted beside the check items to pick from (an id and a
        // name a row, no check-item column): no check items
        let mut control_lists = Vec::new();
        if lists.iter().any(|l| !is_control_list(l)) {
            lists.retain(|l| {
                let control_list = is_control_list(l);
                if control_list {
                    not_items.extend(l.sheet.clone());
                    control_lists.extend(l.sheet.clone());
                }
                !control_list
            });
        }
        // the sheets not read but for the catalog pasted: a cover, instructions
        let mut outside_lines = Vec::new();
        for name in skipped.iter().chain(&not_items) {
            if !control_lists.contains(name) {
                outside_lines.extend(sheet_lines(path, name)?);
            }
        }
        let earlier = earlier_years(path, &mut lists)?;
        // sheets named as drafts, deleted items or kept for reference (`削除項目`,
        // `2026年度（案）`, `参考（他社様式）`): never counted (review 24 B-1); after the
        // control list, which a reference sheet may be (`参考_ISMAP管理策一覧`), and after the
        // rule of earlier years, which refuses a draft holding the same items as this
        // year's list (`2025年度` + `2027年度（案）`, review 14 A-4)
        // — beside a sheet of items in effect only: the one list of the workbook named as a
        // working copy or a template beside its instructions (`記入要領` +
        // `チェックリスト（作業用）`) is the list
        let named_out = |l: &CheckList| {
            l.sheet
                .as_deref()
                .is_some_and(|n| not_in_effect_sheet(n).is_some())
        };
        if lists.iter().any(|l| !named_out(l)) {
            lists.retain(|l| {
                let out = named_out(l);
                if out {
                    not_in_effect.extend(l.sheet.clone());
                }
                !out
            });
        }
        let mut list = match lists.len() {
            0 => return Err(InputError::at(
                Location::file(path),
                format!(
                    "no visible sheet has a check-list header (a references column such as 管理策 or controls); the sheets are: {}",
                    visible.join(", ")
                ),
            )
            .hint("pick the sheet of the check items with --sheet NAME, or name its references column 管理策 (also: controls, refs, 対応管理策, ISMAP管理策, 管理策番号, 統制目標), or give it with --refs-column NAME")),
            1 => {
                let mut list = lists.remove(0);
                list.sheets = list.sheet.iter().cloned().collect();
                list.skipped_sheets = skipped;
                list
            }
            _ => {
                check_detail_sheets(path, &lists)?;
                merge_sheets(path, lists, skipped)?
            }
        };
        not_items.sort_by_key(|n| visible.iter().position(|v| v == n));
        list.not_item_sheets = not_items;
        list.not_in_effect_sheets = not_in_effect;
        list.earlier_sheets = earlier;
        list.outside_lines.append(&mut outside_lines);
        list
    };
    list.hidden_sheets = hidden;
    Ok(list)
}

/// The year a sheet's name gives (`2025年度`, `FY2024`, `チェックリスト2025`, `令和7年度`,
/// `R6`): one year, else none.
pub(crate) fn sheet_year(name: &str) -> Option<u32> {
    let name = crate::text::fold_width(name);
    let mut years = Vec::new();
    let chars: Vec<char> = name.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let digits: String = chars[start..i].iter().collect();
        let before: String = chars[..start].iter().collect();
        let before = before.trim_end();
        let n: u32 = digits.parse().ok()?;
        if digits.len() == 4 && (1990..=2099).contains(&n) {
            years.push(n);
        } else if digits.len() <= 2 && (before.ends_with("令和") || before.ends_with('R')) {
            years.push(2018 + n);
        } else if digits.len() <= 2 && (before.ends_with("平成") || before.ends_with('H')) {
            years.push(1988 + n);
        }
    }
    match years[..] {
        [year] => Some(year),
        _ => None,
    }
}

/// Whether a sheet's name marks a draft or a plan (`2027年度（案）`, `2026年度（ドラフト）`,
/// `改訂案`, `Draft`, `予定`): not the list in force.
fn draft_sheet(name: &str) -> bool {
    let name = crate::text::fold_width(name).to_lowercase();
    [
        "案",
        "ドラフト",
        "draft",
        "予定",
        "計画",
        "plan",
        "次期",
        "検討",
        "作成中",
        "未確定",
    ]
    .iter()
    .any(|w| name.contains(w))
}

/// Refuses a check list read from the newest of several years' sheets when that year is after
/// the fiscal year of `as_of` (April to March): a list for a later year is not in force
/// on `as_of`, and the sheet passed over may be the current one (review 14 A-4).
pub fn check_sheet_year(list: &CheckList, as_of: crate::date::Date) -> Result<(), InputError> {
    let (Some(sheet), Some(other)) = (&list.sheet, list.earlier_sheets.first()) else {
        return Ok(());
    };
    let fiscal = as_of.fiscal_year();
    match sheet_year(sheet) {
        Some(year) if i64::from(year) > i64::from(fiscal) => Err(InputError::at(
            Location::file(&list.source),
            format!(
                "sheets '{sheet}' and '{other}' hold the same check items, and '{sheet}' is for a year after the fiscal year of the as-of date ({fiscal}): it is not read as the list in force"
            ),
        )
        .hint("read the sheet of the current list with --sheet NAME")),
        _ => Ok(()),
    }
}

/// Sheets of check items that hold the same list (half the items of the smaller one or
/// more, by text and references) would count every item twice (review 12 D-1): last
/// year's sheet kept beside this year's (`2025年度`, `2024年度`) is passed over, the newest
/// read, and the others returned to be named; sheets whose names do not tell which is the
/// newest are refused, naming them, with `--sheet NAME` as the hint.
fn earlier_years(path: &Path, lists: &mut Vec<CheckList>) -> Result<Vec<String>, InputError> {
    type Key<'a> = (&'a str, &'a [String]);
    let keys: Vec<HashSet<Key>> = lists
        .iter()
        .map(|l| {
            l.items
                .iter()
                .filter(|i| !i.title.is_empty())
                .map(|i| (i.title.as_str(), i.refs.as_slice()))
                .collect()
        })
        .collect();
    let name = |k: usize| lists[k].sheet.clone().unwrap_or_default();
    // the sheets holding one list: each sheet's group, by its first sheet
    let mut group: Vec<usize> = (0..lists.len()).collect();
    let mut shared: Vec<(usize, usize, usize)> = Vec::new();
    for a in 0..lists.len() {
        for b in a + 1..lists.len() {
            let same = keys[a].intersection(&keys[b]).count();
            let smaller = keys[a].len().min(keys[b].len());
            if same > 0 && same * 2 >= smaller {
                let (ga, gb) = (group[a], group[b]);
                for g in group.iter_mut().filter(|g| **g == gb) {
                    *g = ga.min(gb);
                }
                for g in group.iter_mut().filter(|g| **g == ga) {
                    *g = ga.min(gb);
                }
                shared.push((a, b, same));
            }
        }
    }
    let mut passed_over: Vec<usize> = Vec::new();
    for first in 0..lists.len() {
        let members: Vec<usize> = (0..lists.len()).filter(|&k| group[k] == first).collect();
        if members.len() < 2 {
            continue;
        }
        // a draft or plan (`2027年度（案）`, `2026年度（ドラフト）`) is never the list in force:
        // its year is not read, so the sheets are refused naming both (review 14 A-4)
        let years: Vec<Option<u32>> = members
            .iter()
            .map(|&k| sheet_year(&name(k)).filter(|_| !draft_sheet(&name(k))))
            .collect();
        let newest = years.iter().flatten().max().copied();
        let distinct = years.iter().flatten().collect::<HashSet<_>>().len() == members.len();
        match newest {
            Some(newest) if distinct => passed_over.extend(
                members
                    .iter()
                    .zip(&years)
                    .filter(|(_, y)| **y != Some(newest))
                    .map(|(&k, _)| k),
            ),
            _ => {
                let &(a, b, same) = shared
                    .iter()
                    .find(|(a, b, _)| members.contains(a) && members.contains(b))
                    .unwrap_or(&(members[0], members[1], 0));
                return Err(InputError::at(
                    Location::file(path),
                    format!(
                        "sheets '{}' and '{}' hold the same check items ({same} of {} and {}): read together, every such item would be counted twice",
                        name(a),
                        name(b),
                        keys[a].len(),
                        keys[b].len()
                    ),
                )
                .hint("read the sheet of the current list with --sheet NAME"));
            }
        }
    }
    let names = passed_over.iter().map(|&k| name(k)).collect();
    let mut k = 0;
    lists.retain(|_| {
        k += 1;
        !passed_over.contains(&(k - 1))
    });
    Ok(names)
}

/// The lines of a sheet not read for items (a cover, 表紙; an instructions sheet): each row's
/// filled cells joined, and each cell comment, as [`CheckList::outside_lines`].
fn sheet_lines(path: &Path, name: &str) -> Result<Vec<OutsideLine>, InputError> {
    let sheet = table::read_workbook(path, Some(name))?;
    let mut out: Vec<OutsideLine> = sheet
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, cells)| {
            let text = crate::text::join_filled(cells.iter().map(String::as_str));
            (!text.is_empty()).then(|| OutsideLine {
                sheet: Some(name.to_owned()),
                row: i + 1,
                comment_on: None,
                text,
            })
        })
        .collect();
    let marks = xlsx_marks(&sheet, name)?;
    for (&(r, c), text) in marks.iter().flat_map(|m| &m.comments) {
        let (Ok(row), Ok(c)) = (usize::try_from(r), usize::try_from(c)) else {
            continue;
        };
        out.push(OutsideLine {
            sheet: Some(name.to_owned()),
            row,
            comment_on: Some(format!("{}{row}", column_letter(c))),
            text: crate::text::join_filled(text.split_whitespace()),
        });
    }
    Ok(out)
}

/// The marks of sheet `name` of an .xlsx workbook ([`workbook_zip::xlsx_marks`]: hidden rows
/// and columns, struck-through cells, comments); `None` for another kind of workbook.
fn xlsx_marks(sheet: &Sheet, name: &str) -> Result<Option<workbook_zip::SheetMarks>, InputError> {
    workbook_zip::xlsx_marks(&sheet.path, name).map_err(|e| {
        InputError::at(
            sheet.location(),
            format!("cannot read the sheet's hidden rows, struck-through cells and comments: {e}"),
        )
        .hint("open the workbook in Excel and save it again as .xlsx")
    })
}

/// Whether a sheet's name says it holds instructions or a worked example, not check items
/// (`記入要領`, `記入例`, `記載例`, `記入方法`, `凡例`, `Instructions`): the first sheet of
/// many check-list templates, its rows the columns' descriptions or an example row.
pub(crate) fn is_instructions_sheet(name: &str) -> bool {
    let key = header_key(name);
    [
        "記入要領",
        "記入例",
        "記載例",
        "記入方法",
        "記載方法",
        "記入上の注意",
        "記載要領",
        "入力例",
        "入力方法",
        "凡例",
        "使い方",
        "instructions",
        "howto",
        "example",
        "examples",
        // a sample or an answer example (review 24 B-1)
        "sample",
        "samples",
        "サンプル",
        "回答例",
        "回答見本",
        "記入見本",
        "見本",
    ]
    .iter()
    .any(|w| {
        key == *w
            || key.starts_with(w)
                && !key[w.len()..].starts_with(|c: char| c.is_alphanumeric() && c.is_ascii())
    })
}

/// The word of a sheet's name saying its rows are not the check list in effect: a draft
/// (`2026年度（案）`, `Draft`), items deleted or abolished (`削除項目`, `廃止`, `旧`, `旧版`, `Old`), a
/// list kept for reference (`参考（他社様式）`: another company's form), a copy, working copy
/// or template (`チェックリスト のコピー`, `Copy of …`, `作業用`, `テンプレート`) or items unused or
/// rejected (`未使用`, `ボツ`, `差替前`; review 25 B-1): beside the sheets of
/// check items, such a sheet is not read, and named (review 24 B-1). `None` for a sheet of
/// items (`チェックリスト`, `2026年度`).
pub(crate) fn not_in_effect_sheet(name: &str) -> Option<&'static str> {
    let folded = crate::text::fold_width(name).to_lowercase();
    let folded = folded.trim();
    const ANYWHERE: [&str; 21] = [
        "(案)",
        "【案】",
        "[案]",
        "素案",
        "草案",
        "ドラフト",
        "削除",
        "廃止",
        "他社",
        // a copy, a working copy, a template, unused or rejected items, the sheet before a
        // replacement (review 25 B-1)
        "のコピー",
        "作業用",
        "作業中",
        "テンプレート",
        "ひな形",
        "雛形",
        "未使用",
        "不使用",
        "ボツ",
        "不採用",
        "差替前",
        "差し替え前",
    ];
    if let Some(w) = ANYWHERE.iter().find(|w| folded.contains(**w)) {
        return Some(w);
    }
    if folded.starts_with("参考") || folded.contains("(参考)") || folded.contains("参照用") {
        return Some("参考");
    }
    if folded.ends_with('案') && !folded.ends_with("提案") && !folded.ends_with("対応案") {
        return Some("案");
    }
    // `旧`, `旧版`, `チェックリスト_旧`, `（旧）`; not `旧基準` (the items by the older edition's
    // numbering: still items, tests/iso2022_review7.rs)
    if folded.ends_with('旧')
        || folded.contains("(旧)")
        || folded.contains("旧版")
        || folded.contains("旧バージョン")
    {
        return Some("旧");
    }
    const EN: [&str; 14] = [
        "copy",
        "wip",
        "template",
        "unused",
        "rejected",
        "draft",
        "deleted",
        "removed",
        "obsolete",
        "deprecated",
        "old",
        "reference",
        "retired",
        "archive",
    ];
    folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find_map(|w| EN.iter().find(|e| **e == w).copied())
}

/// Whether a sheet's name says nothing of what it holds, and may name a sheet of
/// instructions as well as one of items (`説明`, `はじめに`, `表紙`, `README`, `Cover`): such a
/// sheet is judged by what it holds ([`reads_as_instructions`]).
fn is_neutral_sheet_name(name: &str) -> bool {
    let key = header_key(name);
    [
        "説明",
        "はじめに",
        "表紙",
        "目次",
        "概要",
        "注意事項",
        "留意事項",
        "readme",
        "cover",
        "introduction",
        "overview",
        "notes",
        "guide",
        "ガイド",
    ]
    .iter()
    .any(|w| key == *w || key.starts_with(w) && key[w.len()..].chars().all(|c| c.is_ascii_digit()))
}

/// Whether a sheet read holds no check item: no item with an id of its own and no item whose
/// references cell holds a reference (`確認したい内容を書きます` under `確認項目`, `対応する
/// ISMAP管理策の番号を書きます` under `ISMAP管理策`: the columns described). One real item —
/// an id or a reference — and the sheet is read.
fn reads_as_instructions(list: &CheckList) -> bool {
    list.items.iter().all(|i| {
        i.id.starts_with('#')
            && i.refs
                .iter()
                .all(|r| crate::catalog::reftext::read(r).atoms.is_empty())
    })
}

/// Whether a sheet read is a list of ISMAP controls, not of check items: no check-item
/// column and no id column, each row one reference and another cell (`管理策番号 |
/// 管理策名`: the catalog pasted beside the check list to pick from).
fn is_control_list(list: &CheckList) -> bool {
    list.prose_columns.first().is_some_and(|c| c[0].is_empty())
        && list.items.iter().all(|i| {
            i.id.starts_with('#')
                && i.refs.len() == 1
                && i.extra.0.iter().any(|(_, v)| !v.trim().is_empty())
        })
}

/// On a sheet without a check-list header: the header row of a check-item column
/// (`確認項目`) in its first rows, that column, and the columns under that row not of ours
/// holding ISMAP ids in half their filled cells or more, each with its first id (none: `None`).
fn ids_columns_beside_items(sheet: &Sheet) -> Option<IdsColumns<'_>> {
    let (i, title) = sheet
        .rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .find_map(|(i, r)| {
            r.iter()
                .position(|c| Field::of_header(c) == Some(Field::Title))
                .map(|c| (i, c))
        })?;
    let header = &sheet.rows[i];
    let below = &sheet.rows[i + 1..];
    let width = below.iter().map(Vec::len).max().unwrap_or(0);
    // a column of ours (the ids `項番` may be numbered like the catalog) is no such column
    let ours = |c: usize| header.get(c).is_some_and(|h| Field::of_header(h).is_some());
    let columns: Vec<(usize, &str)> = (0..width)
        .filter(|&c| !ours(c))
        .filter_map(|c| {
            let (_, id) = column_of_ids(
                below
                    .iter()
                    .enumerate()
                    .filter_map(|(r, cells)| cells.get(c).map(|t| (r, t.trim())))
                    .filter(|(_, t)| !t.is_empty()),
            )?;
            Some((c, id))
        })
        .collect();
    (!columns.is_empty()).then_some(IdsColumns {
        row: i,
        title,
        columns,
    })
}

/// Columns of ISMAP ids beside a sheet's check items ([`ids_columns_beside_items`]).
struct IdsColumns<'a> {
    /// The header row (0-based) and its check-item column.
    row: usize,
    title: usize,
    /// Each column with its first id.
    columns: Vec<(usize, &'a str)>,
}

/// The header of the column of ISMAP ids beside a sheet's check items
/// ([`ids_columns_beside_items`]), the only one, when it names ISMAP (`ISMAP項番`, `ISMAP参照`, `ISMAP該当項目`,
/// `対応ISMAP`, `根拠（ISMAP管理基準）`, `ISMAP Control Mapping`, `ISMAP control objective`:
/// review 12 C-3): the references column, read as `--refs-column` reads it. Not one saying
/// its numbers are not ISMAP's (`ISMAP以外`, `ISMAP対象外`, `Non-ISMAP`) or naming a status
/// (`ISMAP対応状況`).
fn ismap_ids_column(sheet: &Sheet) -> Option<String> {
    const NOT: [&str; 14] = [
        "以外",
        "対象外",
        "非該当",
        "除外",
        "不要",
        "non",
        "not",
        "except",
        // a status or an answer (`ISMAP対応状況`: a status column's header)
        "状況",
        "状態",
        "結果",
        "回答",
        "status",
        "result",
    ];
    // one such column: of two, which holds the references cannot be told
    let IdsColumns {
        row: i, columns, ..
    } = ids_columns_beside_items(sheet)?;
    let [(c, _)] = columns[..] else {
        return None;
    };
    let header = sheet.rows.get(i)?.get(c)?.trim();
    let key = header_key(header);
    (key.contains("ismap") && !NOT.iter().any(|w| key.contains(w)) && !unsettled_ids(header))
        .then(|| header.to_owned())
}

/// Whether a header beside ISMAP says its numbers are not the current, settled mapping:
/// old (`ISMAP項番（旧）`, `旧ISMAP番号`, `ISMAP（改訂前）`, `Legacy ISMAP ID`), a candidate
/// or a draft (`ISMAP候補`, `ISMAP案`, `ISMAP（予定）`, `Proposed ISMAP Mapping`, `Suggested
/// ISMAP control`), of an edition (`ISMAP（2020年版）`) or approximate (`ISMAP暫定`): such a
/// column is never guessed the references (review 14 A-10).
fn unsettled_ids(header: &str) -> bool {
    const JA: &[&str] = &[
        "旧",
        "改訂前",
        "改定前",
        "前版",
        "前回",
        "従前",
        "候補",
        "案",
        "予定",
        "予備",
        "推奨",
        "提案",
        "年版",
        "年度",
        "版",
    ];
    const EN: &[&str] = &[
        "old",
        "legacy",
        "previous",
        "prior",
        "former",
        "candidate",
        "candidates",
        "proposed",
        "proposal",
        "suggested",
        "suggestion",
        "recommended",
        "planned",
        "draft",
        "version",
        "ver",
        "edition",
    ];
    if approximate_note(header).is_some() {
        // refused as approximate when read, naming the word
        return false;
    }
    let key = header_key(header);
    let year = header
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    let approximate = || {
        APPROXIMATE_WORDS
            .iter()
            .copied()
            .filter(|w| !NAMES_RELATED.contains(w))
            .chain(crate::analysis::procedures::mapping_hedge_words())
    };
    year || JA
        .iter()
        .copied()
        .chain(approximate())
        .any(|w| key.contains(w))
        || header
            .split(|c: char| !c.is_ascii_alphanumeric())
            .map(str::to_ascii_lowercase)
            .any(|w| EN.contains(&w.as_str()) || approximate().any(|a| w.starts_with(a)))
}

/// The error for a sheet without a check-list header that still holds a check list: a
/// check-item column (`確認項目`) in its first rows, and under that row a column holding
/// ISMAP ids in half its filled cells or more (`Mapping`, `対応項番`, a header the tool does not
/// know). Skipped with a note, its items would be lost from the verdict.
fn unnamed_check_list(sheet: &Sheet, refs_column: Option<&str>) -> Option<InputError> {
    let IdsColumns {
        row: i,
        title,
        columns,
    } = ids_columns_beside_items(sheet)?;
    let (c, id) = *columns.first()?;
    let header = &sheet.rows[i];
    let name_of = |c: usize| {
        let name = header.get(c).map_or("", |h| h.trim());
        if name.is_empty() {
            format!("column {}", column_letter(c))
        } else {
            name.to_owned()
        }
    };
    let name = name_of(c);
    // of two columns of ids, one headed with ISMAP (`ISMAP項番` | `改訂案`): which holds the
    // references cannot be told, though the header says whose numbers they are
    let hint = match columns.get(1) {
        Some(&(other, _)) => format!(
            "the columns '{name}' and '{}' both hold ISMAP ids: give the references column with --refs-column NAME (the other is then carried as it is)",
            name_of(other)
        ),
        None => ids_column_hint(&name),
    };
    let loc = sheet.location().row(i + 1).column(name.clone());
    let items = header[title].trim();
    Some(match refs_column {
        Some(named) => InputError::at(
            loc,
            format!(
                "the sheet has check items (column '{items}') and a column of ISMAP ids ('{name}', holding '{id}'), but no column named '{named}' (--refs-column): its items would not be read"
            ),
        )
        .hint("head the references column alike on every sheet, or read one sheet with --sheet NAME"),
        None => InputError::at(
            loc,
            format!(
                "the sheet has check items (column '{items}') and a column of ISMAP ids ('{name}', holding '{id}'), but no references column the tool knows: its items would not be read"
            ),
        )
        .hint(format!("{hint}; or read another sheet with --sheet NAME")),
    })
}

/// The hint for a column of ISMAP ids under a header that is no references header of the
/// tool's (`Mapping`, `対応項番`: mapped to what?): the column named, never read by a guess.
fn ids_column_hint(name: &str) -> String {
    format!("the header '{name}' does not say whose numbers the column holds: if they are ISMAP ids, give it with --refs-column '{name}', or name it '管理策' (also: controls, refs, 対応管理策, ISMAP管理策, ISMAP対応, 管理策番号)")
}

/// Whether a sheet's name says it holds details of the items of another sheet: `別紙1`,
/// `付録`, `補足`, `添付資料`, `詳細`, `Appendix A`, `Annex`, `Attachment`, `Supplement`.
fn is_detail_sheet(name: &str) -> bool {
    let key = header_key(name);
    [
        "別紙",
        "別添",
        "付録",
        "付属",
        "補足",
        "添付",
        "詳細",
        "appendix",
        "annex",
        "attachment",
        "supplement",
    ]
    .iter()
    .any(|w| key.contains(w))
}

/// Refuses an item on a sheet named as details (`別紙1`, `Appendix`: [`is_detail_sheet`])
/// whose id is an item's id on another sheet (review 19 B-1): it is that item's detail
/// (`Q2 | 特権IDの管理（詳細） | 9.2.3 | CSP回答：未対応`), and read as a second item, qualified
/// by its sheet, it would leave the item itself judged without it (a bare 充足 beside its
/// own detail's 未対応). Both rows are named. Sheets each numbered from 1 under other names
/// (`組織的対策`, `技術的対策`), and a detail sheet of ids of its own, are read as before.
fn check_detail_sheets(path: &Path, lists: &[CheckList]) -> Result<(), InputError> {
    for detail in lists
        .iter()
        .filter(|l| l.sheet.as_deref().is_some_and(is_detail_sheet))
    {
        for item in detail.items.iter().filter(|i| !i.id.starts_with('#')) {
            let main = lists
                .iter()
                .filter(|l| l.sheet != detail.sheet)
                .find_map(|l| Some((l, l.items.iter().find(|i| i.id == item.id)?)));
            let Some((main, first)) = main else {
                continue;
            };
            let (sheet, main_sheet) = (
                detail.sheet.as_deref().unwrap_or_default(),
                main.sheet.as_deref().unwrap_or_default(),
            );
            return Err(InputError::at(
                Location::file(path).sheet(Some(sheet)).row(item.row),
                format!(
                    "the check item '{}' on the sheet '{sheet}', named as details of the items, is the id of the item on sheet '{main_sheet}' row {}: read as a second item, that item would be judged without its detail",
                    item.id, first.row
                ),
            )
            .hint(format!("move the detail into the note of the item on sheet '{main_sheet}' and delete its row, give the detail row an id of its own, or read one sheet with --sheet NAME")));
        }
    }
    Ok(())
}

/// The check lists of several sheets as one: every item once, each with its sheet. When an
/// id is given on two sheets, every id is qualified by its sheet (`組織的対策/1`). The sheets
/// must have the same references columns; sheets with one references column each, headed
/// differently (`管理策 (ISO/IEC 27001:2013)` on one, `管理策 (ISO/IEC 27001:2022)` on the
/// other: the layout of the move from 2013 to 2022), each give a references column of its
/// own, read in its own edition.
fn merge_sheets(
    path: &Path,
    lists: Vec<CheckList>,
    skipped: Vec<String>,
) -> Result<CheckList, InputError> {
    let sheet_column = if lists
        .iter()
        .any(|l| l.extra_columns.iter().any(|c| c == SHEET_COLUMN))
    {
        format!("{SHEET_COLUMN} (workbook)")
    } else {
        SHEET_COLUMN.to_owned()
    };
    let mut extra_columns = vec![sheet_column.clone()];
    for list in &lists {
        for c in &list.extra_columns {
            if !extra_columns.contains(c) {
                extra_columns.push(c.clone());
            }
        }
    }
    // the references columns of the first sheet; another sheet's are matched by header
    let headers: Vec<String> = lists
        .first()
        .map(|l| l.refs_headers().iter().map(|h| (*h).to_owned()).collect())
        .unwrap_or_default();
    for list in &lists {
        let theirs = list.refs_headers();
        let differ = theirs.len() != headers.len()
            || theirs
                .iter()
                .zip(&headers)
                .any(|(a, b)| header_key(a) != header_key(b));
        if differ && headers.len().max(theirs.len()) > 1 {
            return Err(InputError::at(
                Location::file(path).sheet(list.sheet.as_deref()),
                format!(
                    "the sheet's references columns ({}) are not those of sheet '{}' ({})",
                    theirs.join(", "),
                    lists[0].sheet.as_deref().unwrap_or_default(),
                    headers.join(", ")
                ),
            )
            .hint(
                "give every sheet the same references columns, or read one sheet with --sheet NAME",
            ));
        }
    }
    let first = lists.first();
    let refs_column = first.map(|l| l.refs_column.clone()).unwrap_or_default();
    let mut more_refs_columns = first
        .map(|l| l.more_refs_columns.clone())
        .unwrap_or_default();
    let own_columns = headers.len() == 1;
    // an id on two sheets (each numbered from 1): every id is qualified by its sheet
    let mut sheets_of: HashMap<&str, &str> = HashMap::new();
    let qualify = lists.iter().any(|l| {
        let sheet = l.sheet.as_deref().unwrap_or_default();
        l.items.iter().any(|i| {
            !i.id.starts_with('#')
                && sheets_of
                    .insert(i.id.as_str(), sheet)
                    .is_some_and(|s| s != sheet)
        })
    });
    let mut seen: HashMap<String, (String, usize)> = HashMap::new();
    let mut items = Vec::new();
    let mut sheets = Vec::new();
    // the title rows of every sheet: any of them may name the ISO edition of the list
    let mut title_rows = Vec::new();
    let mut rows_not_read = Vec::new();
    let mut unknown_risks = Vec::new();
    let (mut hidden_rows, mut struck_rows) = (Vec::new(), Vec::new());
    let mut prose_columns = Vec::new();
    let mut outside_lines = Vec::new();
    let mut header_notes = Vec::new();
    for mut list in lists {
        title_rows.append(&mut list.title_rows);
        outside_lines.append(&mut list.outside_lines);
        header_notes.append(&mut list.header_notes);
        rows_not_read.append(&mut list.rows_not_read);
        unknown_risks.append(&mut list.unknown_risks);
        hidden_rows.append(&mut list.hidden_rows);
        struck_rows.append(&mut list.struck_rows);
        prose_columns.append(&mut list.prose_columns);
        let sheet = list.sheet.unwrap_or_default();
        // a sheet whose one references column is headed otherwise: a column of its own
        let column = if own_columns && header_key(&list.refs_column) != header_key(&refs_column) {
            let k = match more_refs_columns
                .iter()
                .position(|c| header_key(&c.header) == header_key(&list.refs_column))
            {
                Some(k) => k,
                None => {
                    more_refs_columns.push(crate::model::RefsColumn {
                        header: list.refs_column.clone(),
                        ..Default::default()
                    });
                    more_refs_columns.len() - 1
                }
            };
            Some(u8::try_from(k + 1).map_err(|_| {
                InputError::at(
                    Location::file(path).sheet(Some(&sheet)),
                    "too many sheets with differently headed references columns",
                )
                .hint("read one sheet with --sheet NAME")
            })?)
        } else {
            None
        };
        for mut item in list.items {
            if let Some(column) = column {
                item.ref_origins = (0..item.refs.len())
                    .map(|i| crate::model::RefOrigin {
                        column,
                        number: item.ref_origin(i).number,
                    })
                    .collect();
            }
            if item.id.starts_with('#') {
                // a generated id (`#12`, the row): rows repeat from sheet to sheet
                item.id = format!("{sheet}{}", item.id);
            } else if qualify {
                item.id = format!("{sheet}/{}", item.id);
            }
            if let Some((first_sheet, first_row)) =
                seen.insert(item.id.clone(), (sheet.clone(), item.row))
            {
                return Err(InputError::at(
                    Location::file(path).sheet(Some(&sheet)).row(item.row),
                    format!(
                        "duplicate check-item id '{}' (also on sheet '{first_sheet}' row {first_row})",
                        item.id
                    ),
                )
                .hint("give every check item its own id across the sheets (e.g. A-1, B-1), or read one sheet with --sheet NAME"));
            }
            let mut own = std::mem::take(&mut item.extra.0);
            let extra = extra_columns
                .iter()
                .map(|name| {
                    let value = if *name == sheet_column {
                        sheet.clone()
                    } else {
                        own.iter_mut()
                            .find(|(k, _)| k == name)
                            .map(|(_, v)| std::mem::take(v))
                            .unwrap_or_default()
                    };
                    (name.clone(), value)
                })
                .collect();
            item.extra = Extra(extra);
            items.push(item);
        }
        sheets.push(sheet);
    }
    Ok(CheckList {
        source: path.to_path_buf(),
        sheet: None,
        sheets,
        skipped_sheets: skipped,
        extra_columns,
        refs_column,
        more_refs_columns,
        items,
        title_rows,
        rows_not_read,
        unknown_risks,
        hidden_rows,
        struck_rows,
        prose_columns,
        outside_lines,
        header_notes,
        ..CheckList::default()
    })
}

/// The sheet an item of a list read from several sheets came from: [`merge_sheets`] puts
/// it in the list's first extra column (`sheet`, or `sheet (workbook)`); `None` for a list
/// of one sheet.
pub fn sheet_of<'a>(list: &CheckList, item: &'a CheckItem) -> Option<&'a str> {
    sheet_in(&list.extra_columns, &list.sheets, &item.extra)
}

/// [`sheet_of`] from a list's extra columns and sheets and an item's extra cells (a
/// report's item, once the list is analysed).
pub fn sheet_in<'a>(
    extra_columns: &[String],
    sheets: &[String],
    extra: &'a crate::model::Extra,
) -> Option<&'a str> {
    let name = extra_columns.first().filter(|_| sheets.len() > 1)?;
    extra
        .0
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Items of a check list that are the same item twice (the same text and references, a
/// copied row under another id or none): each group by the rows (with sheet) and ids of
/// its items (`2 (#2)`, `組織的対策 5 (A-3)`), the first first. They are counted twice in the
/// summary.
pub fn same_items(list: &CheckList) -> Vec<Vec<String>> {
    fn key(item: &CheckItem) -> (&str, &[String], &str) {
        (
            item.title.as_str(),
            item.refs.as_slice(),
            item.note.as_str(),
        )
    }
    // a hash per item, sorted (16 bytes an item, where a map of keys would hold ~80): the
    // items of equal hash are then compared whole. foldhash, fixed seed: no protection
    // against crafted collisions is needed, and SipHash was 5 % of a 100,000-item report
    let hasher = foldhash::fast::FixedState::default();
    let mut hashed: Vec<(u64, usize)> = list
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| !item.title.is_empty())
        .map(|(i, item)| (hasher.hash_one(key(item)), i))
        .collect();
    hashed.sort_unstable();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for run in hashed
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
    {
        // within one hash, the items equal to each other (in row order)
        let mut left: Vec<usize> = run.iter().map(|&(_, i)| i).collect();
        while let Some((&first, rest)) = left.split_first() {
            let (same, other): (Vec<usize>, Vec<usize>) = rest
                .iter()
                .partition(|&&i| key(&list.items[i]) == key(&list.items[first]));
            if !same.is_empty() {
                groups.push(std::iter::once(first).chain(same).collect());
            }
            left = other;
        }
    }
    groups.sort_unstable_by_key(|members| members[0]);
    groups
        .into_iter()
        .map(|members| {
            members
                .into_iter()
                .map(|i| {
                    let item = &list.items[i];
                    let at = match sheet_of(list, item) {
                        Some(sheet) => format!("{sheet} {}", item.row),
                        None => item.row.to_string(),
                    };
                    format!("{at} ({})", item.id)
                })
                .collect()
        })
        .collect()
}

/// One sheet `suggest` read: its rows as read (to be written back), where its header and
/// columns are, and how many of the list's items are its (the list keeps the sheets'
/// order).
#[derive(Debug, Clone)]
pub struct SheetRead {
    pub sheet: Sheet,
    pub layout: Layout,
    pub items: usize,
}

/// Whether the references cells of the items `suggest` reads are split into references:
/// the table, Markdown and JSON show them; a list written back (CSV, xlsx) keeps each
/// references cell as it was, and nothing reads them split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemRefs {
    Split,
    LeftInCell,
}

/// A check list as `suggest` reads it, and the sheets it came from.
#[derive(Debug)]
pub struct ForSuggest {
    pub list: CheckList,
    /// Empty for YAML/JSON.
    pub read: Vec<SheetRead>,
}

/// The check items of one sheet for `suggest`: by its references column, as `report`
/// reads them, or, on a list in free text without one, by its check-item column (the
/// written-back sheet gets a references column on that header row, so `report` then
/// reads the same items). With `require_title`, a sheet without a check-item column (the
/// one sheet read: there is nothing to suggest for) is refused.
fn sheet_for_suggest(
    sheet: Sheet,
    require_title: bool,
    refs: ItemRefs,
) -> Result<(CheckList, SheetRead), InputError> {
    let by = if has_header(&sheet, None) {
        Field::Refs
    } else {
        Field::Title
    };
    // the sheet is kept whole, to be written back: each item's cells are copied from it
    let mut items = Items::new(&sheet, by, None)?;
    items.refs = refs;
    items.suggesting = true;
    for (i, cells) in sheet.rows.iter().enumerate().skip(items.header.row) {
        items.push(i + 1, &mut Copied(cells), None)?;
    }
    let layout = Layout {
        header_row: items.header.row,
        first_row: items.header.first_row,
        columns: items.header.fields.clone(),
    };
    if require_title && layout.column(Field::Title).is_none() {
        find_header(&sheet, Field::Title, None)?;
        return Err(InputError::at(
            sheet.location().row(layout.header_row),
            "the check-item column is not on the row of the references column",
        )
        .hint("put the headers of the check items and of the references on one row"));
    }
    let mut list = items.finish()?;
    list.sheets = list.sheet.iter().cloned().collect();
    let n = list.items.len();
    Ok((
        list,
        SheetRead {
            sheet,
            layout,
            items: n,
        },
    ))
}

/// Reads a check list for `suggest`: the sheets `report` reads, plus those of a list in
/// free text that `report` will read once `suggest` has written a references column into
/// them. A CSV is its one sheet; a workbook with `--sheet` that sheet; else every
/// visible sheet with a check-list header ([`from_workbook`]'s rule, a check-item column
/// counting as one), their items merged as `report` merges them; their references split
/// or not (`refs`).
pub fn load_for_suggest(
    path: &Path,
    encoding: Option<Encoding>,
    sheet: Option<&str>,
    refs: ItemRefs,
) -> Result<ForSuggest, InputError> {
    let one = |sheet: Sheet| {
        let (list, read) = sheet_for_suggest(sheet, true, refs)?;
        Ok(ForSuggest {
            list,
            read: vec![read],
        })
    };
    match FileKind::of(path) {
        FileKind::Yaml | FileKind::Json => Ok(ForSuggest {
            list: load_structured(path, encoding)?,
            read: Vec::new(),
        }),
        FileKind::Text => one(table::read(path, encoding, None)?),
        FileKind::Workbook if sheet.is_some() => one(table::read(path, encoding, sheet)?),
        FileKind::Workbook => {
            let visible = table::visible_sheet_names(path)?;
            if visible.len() <= 1 {
                return one(table::read_workbook_with(path, None, Merged::FillDown)?);
            }
            let mut sheets = Vec::with_capacity(visible.len());
            for name in &visible {
                sheets.push(table::read_workbook_with(
                    path,
                    Some(name),
                    Merged::FillDown,
                )?);
            }
            workbook_for_suggest(path, sheets, refs)
        }
    }
}

/// [`load_for_suggest`] of a workbook already read as stored (to be written back as a
/// workbook): the same sheets, the same items.
pub fn stored_for_suggest(
    path: &Path,
    wb: &table::StoredWorkbook,
    sheet: Option<&str>,
    refs: ItemRefs,
) -> Result<ForSuggest, InputError> {
    let one = |sheet: &table::StoredSheet| {
        let (list, read) = sheet_for_suggest(sheet.text.clone(), true, refs)?;
        Ok(ForSuggest {
            list,
            read: vec![read],
        })
    };
    let worksheets: Vec<&table::StoredSheet> =
        wb.sheets.iter().filter(|s| !s.not_a_worksheet).collect();
    if let Some(wanted) = sheet {
        let names: Vec<String> = worksheets.iter().map(|s| s.name.clone()).collect();
        let name = table::sheet_named(&names, &Location::file(path), wanted)?;
        return match worksheets.iter().find(|s| s.name == *name) {
            Some(s) => one(s),
            None => Err(InputError::at(
                Location::file(path),
                "the workbook has no sheets",
            )),
        };
    }
    let visible: Vec<&table::StoredSheet> = worksheets
        .iter()
        .copied()
        .filter(|s| s.visibility == table::Visibility::Visible)
        .collect();
    if visible.len() <= 1 {
        return match visible.first().or(worksheets.first()) {
            Some(s) => one(s),
            None => Err(InputError::at(
                Location::file(path),
                "the workbook has no sheets",
            )),
        };
    }
    workbook_for_suggest(path, visible.iter().map(|s| s.text.clone()).collect(), refs)
}

/// The visible sheets of a workbook (two or more) read for `suggest`: each with a
/// check-list header, merged as [`merge_sheets`] merges them for `report`; the others
/// named in `skipped_sheets`.
fn workbook_for_suggest(
    path: &Path,
    sheets: Vec<Sheet>,
    refs: ItemRefs,
) -> Result<ForSuggest, InputError> {
    let names: Vec<String> = sheets
        .iter()
        .map(|s| s.sheet.clone().unwrap_or_default())
        .collect();
    let mut lists = Vec::new();
    let mut read = Vec::new();
    let mut skipped = Vec::new();
    for (sheet, name) in sheets.into_iter().zip(&names) {
        // instructions or a worked example, as `report` passes them over
        if is_instructions_sheet(name)
            || not_in_effect_sheet(name).is_some()
            || !has_header(&sheet, None) && !has_column(&sheet, Field::Title)
        {
            skipped.push(name.clone());
            continue;
        }
        // a sheet of references without item text is read as `report` reads it (its
        // items have no text to match)
        let (list, r) = sheet_for_suggest(sheet, false, refs)?;
        // a references column `report` does not look for across sheets (one headed
        // with a standard's name) and no column of ours to add: `report` skips it
        if r.layout.column(Field::Refs).is_some() && !has_header(&r.sheet, None) {
            skipped.push(name.clone());
            continue;
        }
        lists.push(list);
        read.push(r);
    }
    let list = match lists.len() {
        0 => return Err(InputError::at(
            Location::file(path),
            format!(
                "no visible sheet has a check-list header (a check-item column such as 確認項目 or title, or a references column such as 管理策); the sheets are: {}",
                names.join(", ")
            ),
        )
        .hint("name the column with the check items '確認項目' (also: title, item, Check item, Requirement, Question, 項目, 要求事項, チェック項目) on the sheet of the check items, or pick that sheet with --sheet NAME")),
        1 => {
            let mut list = lists.remove(0);
            list.skipped_sheets = skipped;
            list
        }
        _ => merge_sheets(path, lists, skipped)?,
    };
    Ok(ForSuggest { list, read })
}

/// The header of a check list, as found.
struct Header {
    /// 1-based row of the header (its second row, for a header of two rows).
    row: usize,
    /// 1-based row of its first row (the same as `row` for a header of one row).
    first_row: usize,
    /// Each field's column (for the references, the first references column).
    fields: HashMap<Field, usize>,
    /// The references columns, the first first: one named as ours, then those named by a
    /// standard (`ISO/IEC 27001:2022` beside `ISMAP管理策`).
    refs: Vec<usize>,
    /// A column whose header cell is merged over the columns right of it (`確認項目` over
    /// B:C), with the last of them: its field's cell is those cells joined.
    spans: HashMap<usize, usize>,
    /// A references header of ours beside the references column of its numbers (`管理策`
    /// beside `管理策番号`), carried as the controls' names.
    names: Option<usize>,
    extras: Vec<(usize, String)>,
    /// The header's cells (a header of two rows: each column's two cells joined).
    cells: Vec<String>,
}

/// Where the header and each field's column of a sheet's check list are: what `suggest`
/// needs to write the sheet back as it was, with columns of its own beside them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// 1-based row of the header.
    pub header_row: usize,
    /// 1-based row of the header's first row (the same as `header_row` for a header of one
    /// row).
    pub first_row: usize,
    columns: HashMap<Field, usize>,
}

impl Layout {
    /// The 0-based column of `field`, when the sheet has one.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns.get(&field).copied()
    }
}

/// A header naming a standard, and nothing else the tool does not read: `ISO/IEC
/// 27001:2022`, `JIS Q 27001:2014 本文`, `ISO27001条項`, `附属書A`, `NIST SP 800-53` — not
/// `ISO27001認証の有無` (a column about a certificate).
fn is_standard_header(header: &str) -> bool {
    use crate::catalog::reftext::{lex, residue, Kind};
    if !names_a_standard(header) {
        return false;
    }
    let words: String = lex(header)
        .iter()
        .filter(|l| !matches!(l.kind, Kind::Std(_)))
        .map(|l| &header[l.start..l.end])
        .collect::<Vec<_>>()
        .join(" ");
    let mut rest = residue(&words, true);
    for w in [
        "附属書a",
        "annexa",
        "annex",
        "本文",
        "条項",
        "箇条",
        "要求事項",
        "isms",
        "対応する",
        "関連する",
        "該当する",
        "参照する",
        "準拠する",
        "対応",
        "関連",
        "該当",
        "参照",
        "iso",
        "iec",
        "jisq",
        "a",
    ] {
        rest = rest.replace(w, "");
    }
    // the edition's year written apart (`ISO27001(2022)`, `附属書A（2022年版）`): the
    // edition is read from it ([`edition::decide`](crate::catalog::edition::decide))
    rest.is_empty()
        || crate::catalog::reftext::year_tag(&rest)
            .and_then(crate::catalog::reftext::edition_of_year)
            .is_some()
}

/// Whether a header names only the edition of the control numbers under it
/// (`旧管理策番号（2013）`, `2013年版番号`, `Old control no. (2013)`): a references column in
/// that edition, read beside ours as one headed with the standard is (review 25 C-1: a
/// list in 2022 numbering with the old numbers beside it was refused whole).
fn is_edition_numbers_header(header: &str) -> bool {
    const NUMBERS: [&str; 9] = [
        "旧",
        "old",
        "former",
        "previous",
        "prior",
        "管理策",
        "番号",
        "number",
        "control",
    ];
    const WORDS: [&str; 17] = [
        "旧",
        "old",
        "former",
        "previous",
        "prior",
        "管理策",
        "番号",
        "numbers",
        "number",
        "controls",
        "control",
        "no",
        "id",
        "対応",
        "対照",
        "(",
        ")",
    ];
    let key = header_key(header);
    if !NUMBERS.iter().any(|w| key.contains(w)) {
        return false;
    }
    let mut rest = key.into_owned();
    for w in WORDS {
        rest = rest.replace(w, "");
    }
    crate::catalog::reftext::year_tag(&rest)
        .and_then(crate::catalog::reftext::edition_of_year)
        .is_some()
}

/// The header in row `i` (0-based) of `cells`, when it names a column `by`: its fields,
/// references columns and other columns. Two columns of one field are an error (two
/// references columns named as ours too; one named as ours and others named by a standard
/// are read together).
fn header_in(
    sheet: &Sheet,
    i: usize,
    cells: &[String],
    by: Field,
    refs_column: Option<Named>,
    parts: Option<&[(String, String)]>,
) -> Result<Option<Header>, InputError> {
    let padded: Vec<String>;
    let cells = match refs_column {
        // `--refs-column D`: read under a row of headers of ours only, never a title row;
        // a column without a header is named by its letter
        Some(Named::Letter(l)) => {
            let known = cells
                .iter()
                .enumerate()
                .any(|(c, h)| c != l && Field::of_header(h).is_some());
            if !known {
                return Ok(None);
            }
            if l < cells.len() {
                cells
            } else {
                padded = (0..cells.len().max(l + 1))
                    .map(|c| cells.get(c).cloned().unwrap_or_default())
                    .collect();
                &padded
            }
        }
        _ => cells,
    };
    let mut fields: HashMap<Field, usize> = HashMap::new();
    let mut ours: Vec<usize> = Vec::new();
    let mut standard: Vec<usize> = Vec::new();
    // a column of the detailed controls beside the objectives' (`ISMAP統制目標` |
    // `ISMAP詳細管理策`, the layout of lists built from the ISMAP workbook): read together as
    // the item's references (review 12 C-25)
    let mut details: Vec<usize> = Vec::new();
    let mut names: Option<usize> = None;
    for (c, cell) in cells.iter().enumerate() {
        if let Some(named) = refs_column {
            if named.is(c, cell, parts.and_then(|p| p.get(c))) {
                ours.push(c);
                continue;
            }
        }
        let field = Field::of_header(cell);
        let duplicate = match field {
            // with --refs-column, another column named as references is carried
            Some(Field::Refs) if refs_column.is_some() => None,
            Some(Field::Refs) => match ours.as_slice() {
                // `管理策番号` beside `管理策` (a list built from the ISMAP workbook, whose
                // `管理策` holds the control's name): the numbers are the references, the
                // names a column carried as it is
                [first] if is_number_of(cell, &cells[*first]) => {
                    names = Some(*first);
                    ours[0] = c;
                    None
                }
                [first] if is_number_of(&cells[*first], cell) => {
                    names = Some(c);
                    None
                }
                // a GRC export's record number beside its references (`Control Number` |
                // `Control ID`, review 21 C-1): the item's id when no column is one yet, else
                // carried
                [first] if is_record_number(cell) != is_record_number(&cells[*first]) => {
                    let record = if is_record_number(cell) {
                        c
                    } else {
                        std::mem::replace(&mut ours[0], c)
                    };
                    fields.entry(Field::Id).or_insert(record);
                    None
                }
                [first] if is_details_header(cell) != is_details_header(&cells[*first]) => {
                    if is_details_header(cell) {
                        details.push(c);
                    } else {
                        details.push(*first);
                        ours[0] = c;
                    }
                    None
                }
                _ => {
                    ours.push(c);
                    (ours.len() > 1).then(|| (ours[0], Field::Refs))
                }
            },
            // a bilingual list (`確認項目` | `Check item`): the English column is carried
            Some(Field::Title)
                if fields.get(&Field::Title).is_some_and(|&prev| {
                    is_english_title(&cells[prev]) != is_english_title(cell)
                }) =>
            {
                if !is_english_title(cell) {
                    fields.insert(Field::Title, c);
                }
                None
            }
            Some(f) => fields.insert(f, c).map(|prev| (prev, f)),
            None => {
                if refs_column.is_none()
                    && (is_standard_header(cell) || is_edition_numbers_header(cell))
                {
                    standard.push(c);
                } else if refs_column.is_none() && is_details_header(cell) {
                    details.push(c);
                }
                None
            }
        };
        if let Some((prev, f)) = duplicate {
            return Err(InputError::at(
                sheet.location().row(i + 1),
                format!(
                    "columns {} ('{}') and {} ('{}') are both a {} column",
                    column_letter(prev),
                    cells[prev].trim(),
                    column_letter(c),
                    cell.trim(),
                    f.label()
                ),
            )
            .hint(if f == Field::Refs {
                "rename one of them so each column is found once, or name the references column with --refs-column NAME"
            } else {
                "rename one of them so each column is found once"
            }));
        }
    }
    // `--refs-column` naming two columns (`対応管理策` merged over `ISMAP` | `ISO/IEC
    // 27001:2013`, one header written twice): which one cannot be told
    if let (Some(Named::Header(name)), [_, _, ..]) = (refs_column, ours.as_slice()) {
        let named: Vec<String> = ours
            .iter()
            .map(|&c| format!("{} ('{}')", column_letter(c), cells[c].trim()))
            .collect();
        return Err(InputError::at(
            sheet.location().row(i + 1),
            format!(
                "--refs-column '{name}' names {} columns: {}",
                ours.len(),
                named.join(", ")
            ),
        )
        .hint(format!(
            "name one column: its whole header ('{}'), or its letter (--refs-column {})",
            cells[ours[0]].trim(),
            column_letter(ours[0])
        )));
    }
    // references columns headed with the standard their ids are of (`ISO/IEC 27001:2022`)
    // are read beside ours; alone, in a row with other columns of ours (not a title naming a
    // standard)
    let refs: Vec<usize> = match ours.first() {
        Some(&c) => std::iter::once(c).chain(details).chain(standard).collect(),
        None if !fields.is_empty() => standard,
        None => Vec::new(),
    };
    if let Some(&c) = refs.first() {
        fields.insert(Field::Refs, c);
    }
    if !fields.contains_key(&by) {
        return Ok(None);
    }
    // the buyer's note that the mapping is approximate or not settled (`ISMAP管理策（近似）`,
    // `（一部対応）`, `（仮）`, `（要確認）`, `(approx.)`): refused, never read as exact
    if let Some((c, word)) = refs
        .iter()
        .find_map(|&c| approximate_note(&cells[c]).map(|w| (c, w)))
    {
        return Err(InputError::at(
            sheet.location().row(i + 1).column(cells[c].trim().to_owned()),
            format!(
                "the references header '{}' says the mapping to ISMAP is approximate or not settled ('{word}'): its controls cannot be read as the items' requirements",
                cells[c].trim()
            ),
        )
        .hint("confirm each item's ISMAP controls and head the column without the note ('ISMAP管理策'), leaving out a control that only approximates its item"));
    }
    // a mapping the CSP filled in (`ISMAP管理策（委託先回答）`, `委託先記入欄：ISMAP管理策`,
    // `Vendor response - ISMAP control`): the assessed party's claim of which of its
    // controls meet the item, not the buyer's own mapping (review 15 A-12)
    if let Some((c, word)) = refs
        .iter()
        .find_map(|&c| filled_in_by_the_csp(&cells[c]).map(|w| (c, w)))
    {
        return Err(InputError::at(
            sheet.location().row(i + 1).column(cells[c].trim().to_owned()),
            format!(
                "the references header '{}' says the CSP filled the mapping in ('{word}'): which ISMAP controls meet each item is your own judgement, not the assessed party's",
                cells[c].trim()
            ),
        )
        .hint("check each item's ISMAP controls yourself (`ismap-gap suggest` proposes candidates) and give them in a column of your own ('ISMAP管理策'); the CSP's mapping may be kept beside it under its header"));
    }
    // with no check-item column of ours, the check's viewpoint (`確認観点`, `チェックポイント`):
    // the prose a checklist writes the requirement in, under its category columns (大項目,
    // 中項目, 小項目: review 15 C-1)
    if !fields.contains_key(&Field::Title) {
        const VIEWPOINTS: &[&str] = &[
            "確認観点",
            "チェック観点",
            "確認の観点",
            "観点",
            "確認ポイント",
            "チェックポイント",
            "checkpoint",
            "checkpoints",
        ];
        let viewpoint = cells.iter().enumerate().find(|(c, h)| {
            !refs.contains(c)
                && !fields.values().any(|f| f == c)
                && VIEWPOINTS.contains(&&*header_key(h))
        });
        if let Some((c, _)) = viewpoint {
            fields.insert(Field::Title, c);
        }
    }
    let used = |c: usize| refs.contains(&c) || fields.values().any(|&f| f == c);
    let mut extras: Vec<(usize, String)> = Vec::new();
    // the names so far (a header to Excel's last column has 16,383 more: review 24 D-3)
    let mut seen: HashSet<String> = HashSet::new();
    for (c, h) in cells.iter().enumerate().filter(|(c, _)| !used(*c)) {
        let h = h.trim();
        let mut name = if h.is_empty() {
            format!("column {}", column_letter(c))
        } else {
            h.to_owned()
        };
        // two columns with one header stay apart: "担当", "担当 (E)"
        if seen.contains(&name) {
            name = format!("{name} ({})", column_letter(c));
        }
        seen.insert(name.clone());
        extras.push((c, name));
    }
    Ok(Some(Header {
        row: i + 1,
        first_row: i + 1,
        fields,
        refs,
        spans: HashMap::new(),
        names,
        extras,
        cells: cells.to_vec(),
    }))
}

/// Whether row `i + 1` (0-based `i + 1`) is the second row of a header in row `i`: a header
/// cell merged down over it (`No.` over rows 3–4), or a cell merged across columns with
/// labels under it (`管理策` over `番号` / `名称`); without merges (a CSV), a row under the
/// header with no id or title, whose cells are labels under a references header (`対応管理策`
/// over `ISMAP`) or under columns with no header, one of them at least (`,,番号,名称,`).
fn is_second_header_row(sheet: &Sheet, i: usize, header: &Header, below: &[String]) -> bool {
    let top = &header.cells;
    let filled = |c: usize| below.get(c).is_some_and(|v| !v.trim().is_empty());
    if !sheet.merges.is_empty() {
        return sheet.merges.iter().any(|m| {
            m.top == i
                && (m.bottom > i && top.get(m.left).is_some_and(|h| !h.trim().is_empty())
                    || m.bottom == i
                        && m.right > m.left
                        && (m.left..=m.right).any(|c| {
                            filled(c)
                                && below.get(c).map(|v| v.trim())
                                    != top.get(m.left).map(|h| h.trim())
                        }))
        });
    }
    let labels: Vec<usize> = (0..below.len()).filter(|&c| filled(c)).collect();
    let empty_header = |c: usize| top.get(c).is_none_or(|h| h.trim().is_empty());
    // under a references header, also one carried beside the column `--refs-column` names
    let over_refs = |c: usize| {
        header.refs.contains(&c)
            || top.get(c).and_then(|h| Field::of_header(h)) == Some(Field::Refs)
    };
    let no_item = [Field::Id, Field::Title]
        .iter()
        .all(|f| header.fields.get(f).is_none_or(|&c| !filled(c)));
    no_item
        && !labels.is_empty()
        && labels.iter().any(|&c| empty_header(c))
        && labels.iter().all(|&c| empty_header(c) || over_refs(c))
        && labels.iter().all(|&c| {
            crate::catalog::reftext::split(&below[c])
                .iter()
                .all(|r| crate::catalog::reftext::read(r).atoms.is_empty())
        })
}

/// The cells of a header of two rows, each column's `(upper, lower)`: a cell merged across
/// columns standing over each of them.
fn two_row_parts(
    sheet: &Sheet,
    i: usize,
    top: &[String],
    below: &[String],
) -> Vec<(String, String)> {
    let width = top.len().max(below.len());
    (0..width)
        .map(|c| {
            let over = sheet
                .merges
                .iter()
                .find(|m| m.top == i && m.left < c && c <= m.right)
                .map_or(c, |m| m.left);
            let upper = top.get(over).map_or("", |h| h.trim());
            let lower = below.get(c).map_or("", |h| h.trim());
            (upper.to_owned(), lower.to_owned())
        })
        .collect()
}

/// The cells of a header of two rows as one ([`two_row_parts`]): each column's label under
/// the one above it (`管理策 番号`); a label that is a references header by itself under a
/// references header (`ISMAP管理基準` over `統制目標` | `詳細管理策`, the two levels of the
/// catalog: review 12 B-5) is the column's header as it is.
fn two_row_cells(parts: &[(String, String)]) -> Vec<String> {
    parts
        .iter()
        .map(|(upper, lower)| match (upper.as_str(), lower.as_str()) {
            (u, l) if l.is_empty() || l == u => u.to_owned(),
            ("", l) => l.to_owned(),
            (u, l)
                if Field::of_header(u) == Some(Field::Refs)
                    && (Field::of_header(l) == Some(Field::Refs) || is_details_header(l)) =>
            {
                l.to_owned()
            }
            (u, l) => format!("{u} {l}"),
        })
        .collect()
}

/// The header row: the first of the top rows naming a column `by` (the references, or
/// the check items for a list in free text that `suggest` reads); a header of two rows is
/// read as one, and a field's header cell merged across columns spans them.
fn find_header(sheet: &Sheet, by: Field, refs_column: Option<&str>) -> Result<Header, InputError> {
    let named = refs_column.map(|n| Named::on(sheet, n));
    if let Some(Named::Letter(l)) = named {
        let width = sheet
            .rows
            .iter()
            .take(HEADER_SEARCH_ROWS)
            .map(Vec::len)
            .max()
            .unwrap_or(0);
        if l >= width {
            return Err(InputError::at(
                sheet.location(),
                format!(
                    "--refs-column '{}' names column {} by its letter, but the sheet's columns end at {}",
                    refs_column.unwrap_or_default(),
                    column_letter(l),
                    column_letter(width.saturating_sub(1))
                ),
            )
            .hint("give the references column's letter or its header as it is written"));
        }
    }
    for (i, cells) in sheet.rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        let below = sheet.rows.get(i + 1);
        let parts = || below.map(|b| two_row_parts(sheet, i, cells, b));
        let mut header = match header_in(sheet, i, cells, by, named, None)? {
            Some(mut header) => {
                if let Some(below) = below.filter(|b| is_second_header_row(sheet, i, &header, b)) {
                    let parts = two_row_parts(sheet, i, cells, below);
                    let joined = two_row_cells(&parts);
                    if let Some(two) = header_in(sheet, i + 1, &joined, by, named, Some(&parts))? {
                        header = Header {
                            first_row: i + 1,
                            ..two
                        };
                    }
                }
                header
            }
            // `--refs-column ISMAP` (or `対応管理策 ISMAP`) under `対応管理策`: the column named
            // in a header's second row
            None => match (named, parts()) {
                (Some(Named::Header(_)), Some(parts)) => {
                    let joined = two_row_cells(&parts);
                    let Ok(Some(mut two)) =
                        header_in(sheet, i + 1, &joined, by, named, Some(&parts))
                    else {
                        continue;
                    };
                    // the second row judged under the first row's cells
                    let joined = std::mem::replace(&mut two.cells, cells.clone());
                    let second = below.is_some_and(|b| is_second_header_row(sheet, i, &two, b));
                    two.cells = joined;
                    if !second {
                        continue;
                    }
                    Header {
                        first_row: i + 1,
                        ..two
                    }
                }
                _ => continue,
            },
        };
        // a field's header cell merged across columns with no header of their own
        for m in sheet
            .merges
            .iter()
            .filter(|m| m.top == i && m.right > m.left)
        {
            let is_field = header.fields.values().any(|&c| c == m.left);
            let free = (m.left + 1..=m.right)
                .all(|c| header.cells.get(c).is_none_or(|h| h.trim().is_empty()));
            if is_field && free {
                header.spans.insert(m.left, m.right);
                header
                    .extras
                    .retain(|(c, _)| !(m.left + 1..=m.right).contains(c));
            }
        }
        return Ok(header);
    }
    Err(no_header(
        sheet,
        by,
        refs_column,
        late_header(
            sheet
                .rows
                .iter()
                .enumerate()
                .skip(HEADER_SEARCH_ROWS)
                .map(|(i, r)| (i + 1, r.as_slice())),
            refs_column,
        ),
    ))
}

/// A row below the rows the header is searched in that would be a header: its row and the
/// references column's header.
fn late_header<'a>(
    rows: impl Iterator<Item = (usize, &'a [String])>,
    refs_column: Option<&str>,
) -> Option<(usize, String)> {
    rows.take(10_000).find_map(|(row, cells)| {
        cells
            .iter()
            .find(|c| match refs_column {
                Some(name) => names_column(c, name),
                None => Field::of_header(c) == Some(Field::Refs),
            })
            .map(|c| (row, c.trim().to_owned()))
    })
}

/// The error for a sheet with no header in its first rows (`late`: a header further down).
fn no_header(
    sheet: &Sheet,
    by: Field,
    refs_column: Option<&str>,
    late: Option<(usize, String)>,
) -> InputError {
    let found: Vec<String> = sheet
        .rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .find(|r| r.iter().any(|c| !c.trim().is_empty()))
        .map(|r| {
            r.iter()
                .filter(|c| !c.trim().is_empty())
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .unwrap_or_default();
    let loc = sheet.location();
    if let Some((row, header)) = late {
        return InputError::at(
            loc.row(row),
            format!(
                "the header row (with '{header}') is on row {row}: only the first {HEADER_SEARCH_ROWS} rows are searched for it"
            ),
        )
        .hint("remove rows above the header (notes, instructions) so that it is within the first 30 rows");
    }
    // a workbook: its sheets are named, the one to pick may be among them
    let other_sheets = match &sheet.sheet {
        Some(_) => match super::table::sheet_names(&sheet.path) {
            Ok(names) if names.len() > 1 => Some(
                names
                    .iter()
                    .map(|(n, _)| n.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            _ => None,
        },
        None => None,
    };
    if found.is_empty() {
        let hint = match (&sheet.sheet, other_sheets) {
            (Some(_), Some(names)) => format!(
                "the sheet is empty; pick the sheet with --sheet (the workbook has: {names})"
            ),
            (Some(_), None) => "the sheet is empty".to_owned(),
            (None, _) => "the file is empty".to_owned(),
        };
        InputError::at(loc, "no rows found").hint(hint)
    } else if let Some(name) = refs_column {
        // the headers the reader saw: the first row of headers of ours and its labels below
        let seen = headers_seen(sheet);
        match (Named::on(sheet, name), seen) {
            (Named::Letter(l), _) => InputError::at(
                loc,
                format!(
                    "--refs-column '{name}' names column {} by its letter, but no row of the first {HEADER_SEARCH_ROWS} heads the check list's columns (first row has: {})",
                    column_letter(l),
                    found.join(", ")
                ),
            )
            .hint("head the columns (項番, 確認項目…) in one row above the items, or give the references column's header with --refs-column NAME"),
            (Named::Header(_), Some(seen)) => InputError::at(
                loc,
                format!("no column named '{name}' (--refs-column) in the first {HEADER_SEARCH_ROWS} rows ({seen})"),
            )
            .hint("give --refs-column the references column's header as it is written (under a header of two rows, its lower cell or both: '対応管理策 ISMAP'), or its column letter (--refs-column D)"),
            (Named::Header(_), None) => InputError::at(
                loc,
                format!(
                    "no column named '{name}' (--refs-column) in the first {HEADER_SEARCH_ROWS} rows (first row has: {})",
                    found.join(", ")
                ),
            )
            .hint("give --refs-column the references column's header as it is written (under a header of two rows, its lower cell or both: '対応管理策 ISMAP'), or its column letter (--refs-column D)"),
        }
    } else if by == Field::Title {
        InputError::at(
            loc,
            format!(
                "no check-item column found (first row has: {})",
                found.join(", ")
            ),
        )
        .hint("name the column with the check items '確認項目' (also: title, item, Check item, Requirement, Question, 項目, 要求事項, チェック項目)")
    } else if let Some(e) = unnamed_check_list(sheet, None) {
        // a column of ids under a header the tool does not know: named
        e
    } else {
        let columns = "name the column with the ISMAP ids 'controls' or '管理策' (also: refs, 対応管理策, ISMAP管理策, 管理策番号, 統制目標, ISMAP管理基準, Control ID), or give it with --refs-column NAME; for a list in free text, `ismap-gap suggest --checks FILE -o NEW.xlsx` (NEW.csv for a CSV list) adds one with candidates";
        InputError::at(
            loc,
            format!(
                "no references column found (first row has: {})",
                found.join(", ")
            ),
        )
        .hint(match other_sheets {
            Some(names) => format!(
                "{columns}; or, if this is a cover sheet, pick the sheet of the check items with --sheet (the workbook has: {names})"
            ),
            None => columns.to_owned(),
        })
    }
}

/// The headers of a sheet as the reader saw them, for a message: the first of its top rows
/// naming a column of ours, and the labels of the row under it when they hold no id (a
/// header of two rows): `row 4 has: 項番, 確認項目, 対応管理策; row 5: ISMAP, ISO/IEC 27001:2013`.
fn headers_seen(sheet: &Sheet) -> Option<String> {
    let (i, cells) = sheet
        .rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .find(|(_, r)| r.iter().any(|h| Field::of_header(h).is_some()))?;
    let filled = |r: &[String]| -> Vec<String> {
        r.iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let mut seen = format!("row {} has: {}", i + 1, filled(cells).join(", "));
    let labels = sheet.rows.get(i + 1).map(|r| filled(r)).unwrap_or_default();
    let no_ids = labels.iter().all(|l| {
        crate::catalog::reftext::split(l)
            .iter()
            .all(|r| crate::catalog::reftext::read(r).atoms.is_empty())
    });
    if !labels.is_empty() && no_ids {
        seen.push_str(&format!("; row {}: {}", i + 2, labels.join(", ")));
    }
    Some(seen)
}

/// An item's assurance and risk cells read. An unknown value does not stop the run: it
/// becomes a problem (named by `column`) that makes the item not analysed, and the default
/// stands in for it.
fn assurance_and_risk(
    assurance: &str,
    risk: &str,
    column: impl Fn(ProblemField) -> String,
) -> (Assurance, Option<Risk>, Vec<CellProblem>) {
    assurance_and_risk_read(
        (assurance, Assurance::parse(assurance)),
        (risk, parse_rating(risk)),
        column,
    )
}

/// [`assurance_and_risk`] of cells already parsed: each cell with what
/// [`Assurance::parse`] and [`Risk::parse`] make of it.
fn assurance_and_risk_read(
    (assurance, parsed_assurance): (&str, Option<Assurance>),
    (risk, parsed_risk): (&str, Option<Option<Risk>>),
    column: impl Fn(ProblemField) -> String,
) -> (Assurance, Option<Risk>, Vec<CellProblem>) {
    let mut problems = Vec::new();
    let mut problem = |field, value: &str| {
        problems.push(CellProblem {
            field,
            column: column(field),
            value: value.to_owned(),
        })
    };
    let a = parsed_assurance.unwrap_or_else(|| {
        problem(ProblemField::Assurance, assurance);
        Assurance::default()
    });
    // a risk the tool does not read only orders the rows: no risk, the verdict given, the
    // value named by the caller (review 11 C-7)
    let _ = risk;
    (a, parsed_risk.flatten(), problems)
}

/// Turns a sheet into check items: header found by name, one item per non-blank row.
pub fn from_sheet(sheet: Sheet) -> Result<CheckList, InputError> {
    from_sheet_with(sheet, None)
}

/// [`from_sheet`], the references column named by `--refs-column`.
pub fn from_sheet_with(
    mut sheet: Sheet,
    refs_column: Option<&str>,
) -> Result<CheckList, InputError> {
    start_items(&mut sheet, refs_column)?.finish()
}

/// Reads a CSV/TSV check list as [`from_sheet`] reads [`table::read_csv_text`]'s sheet, with
/// the same items and errors, but keeps only the rows the header is searched in: the rows
/// below them go from the CSV reader straight into items.
fn load_csv(
    path: &Path,
    encoding: Option<Encoding>,
    refs_column: Option<&str>,
) -> Result<CheckList, InputError> {
    let bytes = table::read_text_bytes(path)?;
    let (list, _) = decode::parse_text(path, &bytes, encoding, |text| {
        load_csv_text(path, text, refs_column)
    })?;
    Ok(list)
}

/// [`load_csv`] of the file's text, UTF-8.
fn load_csv_text(
    path: &Path,
    text: &[u8],
    refs_column: Option<&str>,
) -> Result<CheckList, InputError> {
    let mut head = Sheet {
        path: path.to_path_buf(),
        ..Sheet::default()
    };
    let mut items: Option<Items> = None;
    // a CSV error anywhere in the file comes before the first error in the items
    let mut failed: Option<InputError> = None;
    // no header in the rows it is searched in: a header further down, for the message
    let mut no_header_yet = false;
    let mut late: Option<(usize, String)> = None;
    // the references columns, once the header is found: the thread parsing a long CSV
    // splits the references cells of every other record from then on
    let refs_cells: std::sync::OnceLock<RefsCells> = std::sync::OnceLock::new();
    let prepare = |record: &table::Record| refs_cells.get().map(|r| r.split(record));
    table::each_csv_record_prepared(path, text, prepare, |line, record, split| {
        if line <= HEADER_SEARCH_ROWS {
            head.push_record(line, record);
        } else if failed.is_none() {
            let pushed = match &mut items {
                Some(items) => items.push(line, record, split),
                None => match start_items(&mut head, refs_column) {
                    Ok(mut i) => {
                        let _ = refs_cells.set(i.refs_cells());
                        // at most an item a line from here: the list allocated once, not
                        // grown by copies (a large list's old and new buffers held at once:
                        // issue 20, peak memory); what is not used is never touched
                        let lines = memchr::memchr_iter(b'\n', text).count() + 1;
                        let _ = i.items.try_reserve_exact((lines + 1).saturating_sub(line));
                        items.insert(i).push(line, record, split)
                    }
                    Err(e) => {
                        no_header_yet = !has_header(&head, refs_column);
                        Err(e)
                    }
                },
            };
            failed = pushed.err();
        }
        if no_header_yet && late.is_none() && line > HEADER_SEARCH_ROWS {
            let cells: Vec<String> = record.iter().map(str::to_owned).collect();
            late = late_header(std::iter::once((line, cells.as_slice())), refs_column);
        }
        Ok(())
    })?;
    match (failed, items) {
        (Some(_), _) if late.is_some() => Err(no_header(&head, Field::Refs, refs_column, late)),
        (Some(e), _) => Err(e),
        (None, Some(items)) => items.finish(),
        (None, None) => from_sheet_with(head, refs_column),
    }
}

/// Finds the header in `sheet` and makes items of the sheet's rows below it.
fn start_items(sheet: &mut Sheet, refs_column: Option<&str>) -> Result<Items, InputError> {
    if refs_column.is_none() && !has_column(sheet, Field::Refs) {
        if let Some(named) = ismap_ids_column(sheet) {
            return start_items_by(sheet, Field::Refs, Some(&named));
        }
    }
    start_items_by(sheet, Field::Refs, refs_column)
}

/// [`start_items`], the header found by its column `by`.
fn start_items_by(
    sheet: &mut Sheet,
    by: Field,
    refs_column: Option<&str>,
) -> Result<Items, InputError> {
    let mut items = Items::new(sheet, by, refs_column)?;
    check_unvalued(sheet, &mut items)?;
    for (i, cells) in sheet.rows.iter_mut().enumerate().skip(items.header.row) {
        items.push(i + 1, cells.as_mut_slice(), None)?;
    }
    Ok(items)
}

/// Refuses a hidden references or assurance column holding cells below the header (an old
/// column hidden beside the revised one: what a reader of the sheet does not see is not
/// read), and a references or assurance cell below the header holding a formula without a
/// calculated value (an .xlsx written by a tool that does not calculate, not saved by
/// Excel since; found by [`workbook_zip::xlsx_marks`], as the CSP reader finds them): it
/// reads as empty, and an item without references would be reported outside ISMAP while
/// the formula may name a control the CSP does not implement.
fn check_unvalued(sheet: &Sheet, items: &mut Items) -> Result<(), InputError> {
    let Some(name) = sheet.sheet.as_deref() else {
        return Ok(());
    };
    let Some(marks) = xlsx_marks(sheet, name)? else {
        return Ok(());
    };
    // a text box over the items (a note the cells do not hold): refused (review 24 A-6)
    if let Some(b) = marks.text_boxes.first() {
        return Err(b.refusal(sheet.location()));
    }
    items.comments = marks
        .comments
        .iter()
        .filter_map(|(&(r, c), text)| {
            let text = crate::text::join_filled(text.split_whitespace());
            Some((usize::try_from(r).ok()?, usize::try_from(c).ok()?, text))
        })
        .filter(|(_, _, text)| !text.is_empty())
        .collect();
    let header_row = u32::try_from(items.header.row).unwrap_or(u32::MAX);
    // rows hidden (a filter) or struck through (見え消し) below the header: read as written,
    // and named ([`CheckList::hidden_rows`]) when they are items (review 11 B-7)
    let below = |r: &u32| *r > header_row;
    items.hidden_rows = marks
        .hidden_rows
        .iter()
        .filter(|r| below(r))
        .map(|&r| r as usize)
        .collect();
    items.struck_rows = marks
        .struck
        .iter()
        .map(|&(r, _)| r)
        .filter(below)
        .map(|r| r as usize)
        .collect();
    items.struck_rows.dedup();
    let items = &*items;
    let read = |c: usize| items.header.refs.contains(&c) || items.col(Field::Assurance) == Some(c);
    // a hidden column read for the verdict (an old references column hidden beside the
    // revised one): what a reader of the sheet does not see is not read
    if let Some(c) = marks.hidden_columns.iter().find_map(|&c| {
        usize::try_from(c).ok().filter(|&c| {
            read(c)
                && sheet
                    .rows
                    .iter()
                    .skip(items.header.row)
                    .any(|r| r.get(c).is_some_and(|t| !t.trim().is_empty()))
        })
    }) {
        let name = items.header_of(c);
        let loc = sheet.location().column(name.clone());
        return Err(if items.header.refs.contains(&c) {
            InputError::at(
                loc,
                format!("the column '{name}' is hidden, and the tool would read the check items' references from it: what a reader of the sheet does not see is not read"),
            )
            .hint("unhide the column, or delete it; to read a visible references column beside it, give that one with --refs-column NAME")
        } else {
            InputError::at(
                loc,
                format!("the column '{name}' is hidden, and the tool would read the check items' required assurance from it: what a reader of the sheet does not see is not read"),
            )
            .hint("unhide the column, or delete it")
        });
    }
    let Some(&(r, c)) = marks
        .unvalued
        .iter()
        .find(|&&(r, c)| r > header_row && usize::try_from(c).is_ok_and(read))
    else {
        return Ok(());
    };
    let (row, c) = (
        usize::try_from(r).unwrap_or(usize::MAX),
        usize::try_from(c).unwrap_or(usize::MAX),
    );
    let letter = column_letter(c);
    Err(InputError::at(
        sheet.location().row(row).column(items.header_of(c)),
        format!(
            "cell {letter}{row} holds a formula without a calculated value: it reads as empty, but the references or the assurance it would show are unknown, and the item cannot be read"
        ),
    )
    .hint(workbook_zip::SAVE_FORMULAS_HINT))
}

/// A row's cells, as [`Items::push`] reads them: a sheet's row or a CSV record.
trait Cells {
    /// The cell in column `c`, empty past the end of a ragged row.
    fn cell(&self, c: usize) -> &str;
    /// The cell in column `c` as a `String`: moved out of a sheet's row, copied from a record.
    fn take(&mut self, c: usize) -> String;
    fn is_blank(&self) -> bool;
    /// How many cells the row has, empty ones included.
    fn width(&self) -> usize;
}

impl Cells for [String] {
    fn cell(&self, c: usize) -> &str {
        self.get(c).map_or("", String::as_str)
    }

    fn take(&mut self, c: usize) -> String {
        self.get_mut(c).map(std::mem::take).unwrap_or_default()
    }

    fn is_blank(&self) -> bool {
        self.iter().all(|c| c.trim().is_empty())
    }

    fn width(&self) -> usize {
        self.len()
    }
}

/// A sheet's row whose cells are copied, not moved, into check items (the row is kept).
struct Copied<'a>(&'a [String]);

impl Cells for Copied<'_> {
    fn cell(&self, c: usize) -> &str {
        self.0.cell(c)
    }

    fn take(&mut self, c: usize) -> String {
        self.cell(c).to_owned()
    }

    fn is_blank(&self) -> bool {
        self.0.is_blank()
    }

    fn width(&self) -> usize {
        self.0.len()
    }
}

impl Cells for table::Record {
    fn cell(&self, c: usize) -> &str {
        self.get(c).unwrap_or_default()
    }

    fn take(&mut self, c: usize) -> String {
        self.cell(c).to_owned()
    }

    fn is_blank(&self) -> bool {
        self.iter().all(|c| c.trim().is_empty())
    }

    fn width(&self) -> usize {
        self.len()
    }
}

/// Check items read row by row below a found header.
struct Items {
    header: Header,
    /// Each field's column, by `Field as usize` (looked up for every cell read).
    cols: [Option<usize>; Field::ALL.len()],
    /// The rows above the header, for the ISO edition a title may name.
    title_rows: Vec<(usize, String)>,
    loc: Location,
    source: PathBuf,
    sheet: Option<String>,
    items: Vec<CheckItem>,
    /// The references column was named with `--refs-column`: other columns of ids are
    /// carried as they are.
    refs_named: bool,
    /// Read for `suggest`, which gives no verdict: extra columns are not checked (an
    /// evaluation set's column of accepted ids is carried).
    suggesting: bool,
    /// Hashes of the items' ids (foldhash: one per item of a large list).
    id_hashes: foldhash::HashSet<u64>,
    id_hasher: foldhash::fast::RandomState,
    /// The id column's cells merged down over rows below the header: (first row, last
    /// row), 1-based. The rows of one are one item.
    id_merges: Vec<(usize, usize)>,
    /// The cells holding a number with a fraction (see [`Sheet::fractions`]).
    fractions: Vec<(usize, usize)>,
    /// The assurance and risk cells read so far (a column of a few values, read on
    /// every row).
    assurances: Memo<Option<Assurance>>,
    /// Each with whether it holds more than a bare rating ([`is_bare_rating`]).
    risks: Memo<(Option<Option<Risk>>, bool)>,
    /// Whether each header cell (trimmed) holds a digit ([`holds_digit`]), read once for
    /// [`Items::not_an_item`]'s test of a repeated header on every row.
    header_digits: Vec<bool>,
    /// The rows that are not check items (totals, headings, template rows).
    rows_not_read: Vec<RowNotRead>,
    /// Risk cells not read as a level ([`CheckList::unknown_risks`]).
    unknown_risks: Vec<(String, usize, String)>,
    /// The rows and risk cells holding more than a bare rating (`高（MFA未導入）`,
    /// `Critical - MFA not enforced`), read by [`Items::check_risk_column`].
    risk_words: Vec<(usize, String)>,
    /// Rows below the header hidden or struck through in an .xlsx (1-based).
    hidden_rows: Vec<usize>,
    struck_rows: Vec<usize>,
    /// The items of an id and a title only (`1 | アクセス管理`): a section heading when the
    /// next item's id is numbered under theirs (`1-1`), decided once it is read.
    bare: Vec<usize>,
    /// The sheet's merged regions on one row, across columns (a heading's text merged
    /// over the references column).
    row_merges: Vec<table::Region>,
    /// Whether the references cells are split into the items' references.
    refs: ItemRefs,
    /// The cell comments of an .xlsx sheet (メモ, threaded comments): (row from 1, column
    /// from 0, text); on an item's row, read as its note, else as a line outside the items.
    comments: Vec<(usize, usize, String)>,
    /// The rows of no item and the footnote rows, whole (row from 1, cells joined): a
    /// remark on the item(s) above, or one to refuse ([`Items::take_notes_above`]).
    row_notes: Vec<(usize, String)>,
    /// A column naming each row's framework or standard (`Framework`, `規格`: review 21 A-3):
    /// the standard of the row's references ([`Items::add_refs`]).
    /// With whether its header is a framework's (`Framework`: any standard but ISMAP's
    /// read) or a standard's (`Standard`, `規格`: only a standard's name read).
    framework: Option<(usize, bool)>,
    /// The last row read into an item and that item's index: a row of references only
    /// right under it continues it ([`Items::continued`]).
    last_row: Option<(usize, usize)>,
    /// The extra columns right of the last column holding something in the rows the header
    /// was found in, in column order: taken into the header's extras when an item's row
    /// fills one ([`Items::take_spare_extras`]). A sheet saved to CSV with Excel's used
    /// range to its last column (XFD) has 16,383 empty columns, which would each be carried
    /// with every item and read by each rule of the extra columns (review 24 D-3: minutes).
    spare_extras: Vec<(usize, String)>,
}

/// What a function of a text made of each distinct text seen by one pass (one thread's
/// part of a list): a title or note repeated down a long list (同上, 要確認, one check
/// written for many controls) is read once. The texts are borrowed from the list: as many
/// entries as distinct texts, dropped with the pass.
struct PerText<'a, V> {
    seen: foldhash::HashMap<&'a str, V>,
}

impl<V> Default for PerText<'_, V> {
    fn default() -> Self {
        PerText {
            seen: foldhash::HashMap::default(),
        }
    }
}

impl<'a, V> PerText<'a, V> {
    /// `read(text)`, remembered.
    fn of(&mut self, text: &'a str, read: impl FnOnce(&'a str) -> V) -> &V {
        self.seen.entry(text).or_insert_with(|| read(text))
    }
}

/// [`level_asked`] of each distinct text of one part of a list.
type LevelsAsked<'a> = PerText<'a, Option<Assurance>>;

/// What one pass of [`add_problems`] (one thread's part of a list) remembers of each
/// distinct text its checks read: as many entries as distinct texts, dropped with the pass.
#[derive(Default)]
struct Seen<'a> {
    /// [`level_asked`] of each text ([`check_assurance_words`]).
    levels: LevelsAsked<'a>,
    /// Whether each note, under its column's header, stands against its item
    /// ([`check_notes`]).
    notes: foldhash::HashMap<(&'a str, &'a str), bool>,
}

/// What a function of a cell's text made of the first few distinct texts seen: a column
/// of a few values repeated down a long list is read once per value.
struct Memo<T> {
    seen: Vec<(Box<str>, T)>,
}

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo { seen: Vec::new() }
    }
}

impl<T: Copy> Memo<T> {
    /// Texts remembered; a text beyond them is read each time it comes.
    const MAX: usize = 16;

    /// `read(text)`, remembered.
    fn get(&mut self, text: &str, read: impl FnOnce(&str) -> T) -> T {
        if let Some((_, v)) = self.seen.iter().find(|(k, _)| **k == *text) {
            return *v;
        }
        let v = read(text);
        if self.seen.len() < Self::MAX {
            self.seen.push((text.into(), v));
        }
        v
    }
}

impl Items {
    fn new(sheet: &Sheet, by: Field, refs_column: Option<&str>) -> Result<Items, InputError> {
        let mut header = find_header(sheet, by, refs_column)?;
        // the extra columns right of the last one holding something are kept aside
        let end = sheet
            .rows
            .iter()
            .filter_map(|row| row.iter().rposition(|c| !c.trim().is_empty()))
            .max()
            .map_or(0, |c| c + 1);
        let kept = header.extras.partition_point(|&(c, _)| c < end);
        let spare_extras = header.extras.split_off(kept);
        let title_rows = sheet.rows[..header.first_row - 1]
            .iter()
            .enumerate()
            .filter_map(|(i, cells)| {
                let text = crate::text::join_filled(cells.iter().map(String::as_str));
                (!text.is_empty()).then_some((i + 1, text))
            })
            .collect();
        let id_merges = match header.fields.get(&Field::Id) {
            Some(&c) => sheet
                .merges
                .iter()
                .filter(|m| m.left <= c && c <= m.right && m.bottom > m.top && m.top >= header.row)
                .map(|m| (m.top + 1, m.bottom + 1))
                .collect(),
            None => Vec::new(),
        };
        let framework = header
            .extras
            .iter()
            .find_map(|(c, name)| Some((*c, names_framework(name)?)));
        Ok(Items {
            framework,
            cols: Field::ALL.map(|f| header.fields.get(&f).copied()),
            header_digits: header.cells.iter().map(|h| holds_digit(h.trim())).collect(),
            title_rows,
            header,
            loc: sheet.location(),
            source: sheet.path.clone(),
            sheet: sheet.sheet.clone(),
            items: Vec::new(),
            refs_named: refs_column.is_some(),
            suggesting: false,
            id_hashes: foldhash::HashSet::default(),
            id_hasher: foldhash::fast::RandomState::default(),
            id_merges,
            fractions: sheet.fractions.clone(),
            assurances: Memo::default(),
            risks: Memo::default(),
            rows_not_read: Vec::new(),
            unknown_risks: Vec::new(),
            risk_words: Vec::new(),
            hidden_rows: Vec::new(),
            struck_rows: Vec::new(),
            bare: Vec::new(),
            row_merges: sheet
                .merges
                .iter()
                .filter(|m| m.top == m.bottom && m.right > m.left)
                .copied()
                .collect(),
            refs: ItemRefs::Split,
            comments: Vec::new(),
            row_notes: Vec::new(),
            last_row: None,
            spare_extras,
        })
    }

    /// Takes into the header's extras the spare ones ([`Items::spare_extras`]) up to the last
    /// cell of `cells` holding something: the items before have them empty
    /// ([`Items::fill_extras`]).
    fn take_spare_extras(&mut self, cells: &(impl Cells + ?Sized)) {
        let Some(&(first, _)) = self.spare_extras.first() else {
            return;
        };
        let Some(last) = (first..cells.width())
            .rev()
            .find(|&c| !cells.cell(c).trim().is_empty())
        else {
            return;
        };
        let n = self.spare_extras.partition_point(|&(c, _)| c <= last);
        self.header.extras.extend(self.spare_extras.drain(..n));
    }

    /// Gives `item` the extra columns taken in after it was read, empty.
    fn fill_extras(&self, item: &mut CheckItem) {
        let have = item.extra.0.len();
        if let Some(more) = self.header.extras.get(have..) {
            item.extra
                .0
                .extend(more.iter().map(|(_, name)| (name.clone(), String::new())));
        }
    }

    /// Why the row `row` (1-based, not blank, under no merged id cell) is not a check item,
    /// if it is none: the header written again; or, with its references cells empty, a
    /// totals row, a section heading (marked, or its text merged over the references
    /// column), a template row (no check item, no references: an id and at most an
    /// assurance or risk), or a row of no id and no check item (an answer alone). A row
    /// whose cells name a control is always an item.
    /// The field of column `c` by the header (a references column's: `Refs`).
    fn field_at(&self, c: usize) -> Option<Field> {
        if self.header.refs.contains(&c) {
            return Some(Field::Refs);
        }
        self.header
            .fields
            .iter()
            .find(|(_, &at)| at == c)
            .map(|(f, _)| *f)
    }

    fn not_an_item(&self, row: usize, cells: &(impl Cells + ?Sized)) -> Option<NotAnItem> {
        // digits survive header_key (full-width ones folded): a cell holding one (an id, a
        // reference) is no header cell without, and is told so without folding it
        // a worked example or a legend (`例 | 利用者IDの登録・削除 | 9.2.1`), references filled
        // or not
        if self
            .col(Field::Id)
            .is_some_and(|c| crate::input::is_example_or_legend(cells.cell(c)))
        {
            return Some(NotAnItem::Example);
        }
        // the header's cell again, or another name of its column's field: the header in
        // the other language under it (`項番,確認項目,ISMAP管理策` over `No.,Check item,ISMAP
        // control`, review 11 C-12)
        let as_header = |c: &usize| {
            self.header.cells.get(*c).is_some_and(|h| {
                let (h, cell) = (h.trim(), cells.cell(*c).trim());
                let digit_h = self.header_digits.get(*c).copied().unwrap_or(false);
                h == cell
                    || (digit_h == holds_digit(cell) && header_key(h) == header_key(cell))
                    || (!holds_digit(cell)
                        && Field::of_header(cell).is_some_and(|f| self.field_at(*c) == Some(f)))
                    // the English under a Japanese header of a column that is neither the
                    // references, the check item nor the id (`備考` over `Remarks`, `担当` over
                    // `Owner`: review 13 B-3); those three are held to their field's names
                    || (!matches!(
                        self.field_at(*c),
                        Some(Field::Refs | Field::Title | Field::Id)
                    ) && is_english_of(h, cell))
            })
        };
        // most rows: a references cell filled, not as its header, is no repeated header
        // and makes the row an item (the answer below, without listing the row's cells)
        if self
            .header
            .refs
            .iter()
            .any(|c| !cells.cell(*c).trim().is_empty() && !as_header(c))
        {
            return None;
        }
        let filled: Vec<usize> = (0..cells.width())
            .filter(|&c| !cells.cell(c).trim().is_empty())
            .collect();
        let by = self
            .header
            .fields
            .get(&Field::Refs)
            .or(self.header.fields.get(&Field::Title));
        if by.is_some_and(|c| filled.contains(c)) && filled.iter().all(as_header) {
            return Some(NotAnItem::RepeatedHeader);
        }
        if self.header.refs.iter().any(|c| filled.contains(c)) {
            return None;
        }
        if let [c] = filled[..] {
            if is_footnote(cells.cell(c)) {
                return Some(NotAnItem::Footnote);
            }
        }
        if filled.iter().any(|&c| !named_ids(cells.cell(c)).is_empty()) {
            return None;
        }
        let id_col = self.col(Field::Id);
        let title_col = self.col(Field::Title);
        let title_cols = |c: usize| {
            title_col.is_some_and(|t| {
                c == t
                    || self
                        .header
                        .spans
                        .get(&t)
                        .is_some_and(|&last| t < c && c <= last)
            })
        };
        let id = id_col.map_or("", |c| cells.cell(c).trim());
        let title = title_col.map_or(String::new(), |c| self.cell_text(cells, c).into_owned());
        let scored = |c: usize| {
            [Field::Assurance, Field::Risk]
                .iter()
                .any(|f| self.col(*f) == Some(c))
        };
        let others: Vec<usize> = filled
            .iter()
            .copied()
            .filter(|&c| Some(c) != id_col && !title_cols(c))
            .collect();
        let texts: Vec<&str> = filled.iter().map(|&c| cells.cell(c).trim()).collect();
        // all, then any: most rows fail `all` on their first cell
        if texts.iter().all(|t| is_total_word(t) || is_count(t))
            && texts.iter().any(|t| is_total_word(t))
        {
            return Some(NotAnItem::Total);
        }
        if id.is_empty() && title.is_empty() {
            return Some(NotAnItem::NoItem);
        }
        if !others.is_empty() {
            return (title.is_empty() && others.iter().all(|&c| scored(c)))
                .then_some(NotAnItem::Template);
        }
        let marked = [id, title.as_str()]
            .iter()
            .any(|t| t.starts_with(HEADING_MARKS));
        let merged_over_refs = self.row_merges.iter().any(|m| {
            m.top + 1 == row
                && title_col.is_some_and(|t| m.left <= t || id_col == Some(m.left))
                && self.header.refs.iter().any(|&r| m.left < r && r <= m.right)
        });
        let text = if title.is_empty() { id } else { title.as_str() };
        if (marked || (merged_over_refs && !title.is_empty())) && is_heading_text(text) {
            return Some(NotAnItem::Heading);
        }
        title.is_empty().then_some(NotAnItem::Template)
    }

    fn col(&self, f: Field) -> Option<usize> {
        self.cols[f as usize]
    }

    fn col_name(&self, f: Field) -> String {
        self.col(f).map(|c| self.header_of(c)).unwrap_or_default()
    }

    /// The header of column `c`, trimmed; a column without one (given by its letter,
    /// `--refs-column D`) by its letter: `column D`.
    fn header_of(&self, c: usize) -> String {
        match self.header.cells.get(c).map(|h| h.trim()) {
            Some(h) if !h.is_empty() => h.to_owned(),
            _ => format!("column {}", column_letter(c)),
        }
    }

    /// The trimmed cell of field `f` (of the columns its merged header spans, joined),
    /// taken from `cells` when there is nothing to trim.
    fn take_trimmed(&self, cells: &mut (impl Cells + ?Sized), f: Field) -> String {
        let Some(c) = self.col(f) else {
            return String::new();
        };
        if let Some(&last) = self.header.spans.get(&c) {
            return joined(cells, c, last);
        }
        let cell = cells.cell(c);
        let trimmed = cell.trim();
        if trimmed.len() == cell.len() {
            cells.take(c)
        } else {
            trimmed.to_owned()
        }
    }

    /// The cell of column `c`, trimmed (of the columns a merged header spans, joined).
    fn cell_text<'c>(
        &self,
        cells: &'c (impl Cells + ?Sized),
        c: usize,
    ) -> std::borrow::Cow<'c, str> {
        cell_text(cells, c, self.header.spans.get(&c).copied())
    }

    /// The references columns, to split a row's references cells apart from the items.
    fn refs_cells(&self) -> RefsCells {
        RefsCells(
            self.header
                .refs
                .iter()
                .map(|&c| (c, self.header.spans.get(&c).copied()))
                .collect(),
        )
    }

    /// An error for a non-empty cell right of the header's last column, which no column
    /// would carry (empty cells there, such as trailing commas, are harmless).
    fn check_beyond_header(
        &self,
        row: usize,
        cells: &(impl Cells + ?Sized),
    ) -> Result<(), InputError> {
        let width = self.header.cells.len();
        let Some(c) = (width..cells.width()).find(|&c| !cells.cell(c).trim().is_empty()) else {
            return Ok(());
        };
        let value = cells.cell(c).trim();
        let shown: String = value.chars().take(40).collect();
        let more = if shown.len() < value.len() { "…" } else { "" };
        let letter = column_letter(c);
        Err(InputError::at(
            self.loc.clone().row(row).column(letter.clone()),
            format!(
                "cell '{shown}{more}' is right of the header (row {} has {width} columns)",
                self.header.row
            ),
        )
        .hint(format!(
            "give column {letter} a header on row {} to carry it to the outputs, or remove the cell",
            self.header.row
        )))
    }

    /// An error when the column taken for the controls' names (`管理策` beside `管理策番号`)
    /// names a control the references cell does not: then it may be the references, and
    /// the numbers something else (a row number).
    fn check_names(&self, row: usize, cells: &(impl Cells + ?Sized)) -> Result<(), InputError> {
        let Some(c) = self.header.names else {
            return Ok(());
        };
        let refs = self.col(Field::Refs).map_or("", |r| cells.cell(r));
        let ids = named_ids(cells.cell(c));
        let Some(id) = ids.iter().find(|id| !refs.contains(id.as_str())) else {
            return Ok(());
        };
        Err(InputError::at(
            self.loc.clone().row(row).column(self.header_of(c)),
            format!(
                "the column '{}' is read as the controls' names beside '{}', but it names {id}, which '{}' does not hold",
                self.header_of(c),
                self.col_name(Field::Refs),
                self.col_name(Field::Refs)
            ),
        )
        .hint("name the column holding the references with --refs-column NAME"))
    }

    /// The assurance and risk cells of a row read (see [`assurance_and_risk`]), each
    /// distinct cell text parsed once.
    fn assurance_and_risk(
        &mut self,
        row: usize,
        cells: &(impl Cells + ?Sized),
    ) -> (Assurance, Option<Risk>, Vec<CellProblem>) {
        let cell = |f: Field| self.col(f).map_or("", |c| cells.cell(c).trim());
        let (assurance, risk) = (cell(Field::Assurance), cell(Field::Risk));
        let (parsed_risk, worded) = self.risks.get(risk, |r| {
            (parse_rating(r), !r.is_empty() && !is_bare_rating(r))
        });
        let parsed = (
            self.assurances.get(assurance, Assurance::parse),
            parsed_risk,
        );
        if worded {
            self.risk_words.push((row, risk.to_owned()));
        }
        if parsed.1.is_none() {
            let column = self.col_name(Field::Risk);
            self.unknown_risks.push((column, row, risk.to_owned()));
        }
        assurance_and_risk_read((assurance, parsed.0), (risk, parsed.1), |f| {
            self.col_name(match f {
                ProblemField::Assurance | ProblemField::AssuranceOutside => Field::Assurance,
                ProblemField::Risk => Field::Risk,
                ProblemField::References | ProblemField::ReferenceOutside => Field::Refs,
                ProblemField::NoteAgainst => Field::Note,
            })
        })
    }

    /// The references of row `row`'s cells, column by column, onto `item`; `split`, when
    /// given, the cells already split ([`RefsCells::split`]).
    fn add_refs(
        &self,
        item: &mut CheckItem,
        row: usize,
        cells: &(impl Cells + ?Sized),
        split: Option<SplitRefs>,
    ) {
        if self.refs == ItemRefs::LeftInCell {
            return;
        }
        let before = item.refs.len();
        let mut split = split.map(Vec::into_iter);
        for (k, &c) in self.header.refs.iter().enumerate() {
            // a number with a fraction: what was typed (`5.30`) is lost
            let number = self.fractions.binary_search(&(row - 1, c)).is_ok();
            let column = u8::try_from(k).unwrap_or(u8::MAX);
            match split.as_mut().and_then(Iterator::next) {
                Some(refs) => {
                    // a cell saying none (`なし`, `-`) splits into no reference
                    item.refs_say_none |=
                        refs.is_empty() && !self.cell_text(cells, c).trim().is_empty();
                    item.add_split_refs(refs, column, number)
                }
                None => item.add_refs(&self.cell_text(cells, c), column, number),
            }
        }
        // the row's own framework or standard (`PCI DSS v4.0`, `ISO/IEC 27001:2013`): its
        // bare numbers are that standard's, read in it by the one resolver (another
        // framework's unresolved, an edition's in it), never as ISMAP ids (review 21 A-3, B-1)
        let (framework, any) = self
            .framework
            .map_or(("", false), |(c, any)| (cells.cell(c).trim(), any));
        if stated_framework(framework, any) {
            for r in &mut item.refs[before..] {
                if is_bare_number(r) {
                    *r = format!("{framework} {r}");
                }
            }
        }
    }

    /// Adds the item on row `row` (1-based), unless the row is blank; a row under the id
    /// cell of an item merged down over it adds to that item. `split`: its references
    /// cells already split, if they are.
    fn push(
        &mut self,
        row: usize,
        cells: &mut (impl Cells + ?Sized),
        split: Option<SplitRefs>,
    ) -> Result<(), InputError> {
        if cells.is_blank() {
            return Ok(());
        }
        self.check_beyond_header(row, cells)?;
        self.take_spare_extras(cells);
        self.check_names(row, cells)?;
        if let Some(&(top, bottom)) = self.id_merges.iter().find(|(t, b)| *t < row && row <= *b) {
            if let Some(i) = self.items.iter().rposition(|item| item.row == top) {
                self.last_row = Some((row, i));
                return self.continue_item(i, (top, bottom), row, cells, split);
            }
        }
        if let Some(i) = self.continued(row, cells)? {
            self.last_row = Some((row, i));
            self.bare.retain(|&b| b != i);
            let top = self.items[i].row;
            return self.continue_item(i, (top, row), row, cells, split);
        }
        // the first row of an item over several rows (its id cell merged down): the rows
        // below may hold its references
        let spans_rows = self.id_merges.iter().any(|&(top, _)| top == row);
        if let Some(kind) = self.not_an_item(row, cells).filter(|_| !spans_rows) {
            self.rows_not_read.push(RowNotRead {
                sheet: self.sheet.clone(),
                row,
                kind,
                // a footnote whole: a control it names is seen; any row whole when it asks
                // for a level (`■ Access control: verified by our own audit` was cut before
                // its ask and its items judged at ISMAP: review 25 A-1)
                text: {
                    let whole = crate::text::join_filled((0..cells.width()).map(|c| cells.cell(c)));
                    if kind == NotAnItem::Footnote || level_asked(&whole).is_some() {
                        whole
                    } else {
                        row_text(cells)
                    }
                },
            });
            let text = crate::text::join_filled((0..cells.width()).map(|c| cells.cell(c)));
            // a row naming an item by its id in the id column (`項番2は往査で確認`): a note
            // row too (review 25 A-2)
            if matches!(kind, NotAnItem::NoItem | NotAnItem::Footnote)
                || kind == NotAnItem::Template && note_names_item(&text).is_some()
            {
                self.row_notes.push((row, text));
            }
            return Ok(());
        }
        let (assurance, risk, problems) = self.assurance_and_risk(row, cells);
        let refs_empty = self
            .header
            .refs
            .iter()
            .all(|&c| self.cell_text(cells, c).is_empty());
        let mut item = CheckItem {
            row,
            id: String::new(),
            title: String::new(),
            refs: Vec::new(),
            ref_origins: Vec::new(),
            assurance,
            risk,
            note: String::new(),
            extra: Extra::default(),
            problems,
            refs_say_none: false,
            not_asked: None,
        };
        self.add_refs(&mut item, row, cells, split);
        item.id = match self.take_trimmed(cells, Field::Id) {
            id if id.is_empty() => format!("#{row}"),
            id => id,
        };
        // ids meet by hash first (no copy of each id kept), then by text
        if !self.id_hashes.insert(self.id_hasher.hash_one(&item.id)) {
            if let Some(first) = self.items.iter().find(|i| i.id == item.id) {
                // an id typed as a number (`1.10` in a General cell is the number 1.1):
                // what was typed is lost, as in a references cell (`written-as-number`)
                let number = |r: usize| {
                    self.col(Field::Id).is_some_and(|c| {
                        self.fractions
                            .binary_search(&(r.saturating_sub(1), c))
                            .is_ok()
                    })
                };
                let err = InputError::at(
                    self.loc.clone().row(row).column(self.col_name(Field::Id)),
                    format!(
                        "duplicate check-item id '{}' (also on row {})",
                        item.id, first.row
                    ),
                );
                return Err(if number(row) || number(first.row) {
                    err.hint("the id is a number in the sheet, and a number loses its trailing zeros ('1.10' becomes '1.1'): format the id column as text and type the ids again")
                } else {
                    err.hint("give every check item its own id")
                });
            }
        }
        item.title = self.take_trimmed(cells, Field::Title);
        self.check_sub_item(row, &item)?;
        item.note = self.take_trimmed(cells, Field::Note);
        let bare = !spans_rows
            && !item.id.starts_with('#')
            && !item.title.is_empty()
            && refs_empty
            && item.note.is_empty()
            && self
                .header
                .extras
                .iter()
                .all(|(c, _)| cells.cell(*c).trim().is_empty())
            && [Field::Assurance, Field::Risk]
                .iter()
                .all(|f| self.col(*f).is_none_or(|c| cells.cell(c).trim().is_empty()));
        if bare {
            self.bare.push(self.items.len());
        }
        self.last_row = Some((row, self.items.len()));
        item.extra = Extra(
            self.header
                .extras
                .iter()
                .map(|(c, name)| (name.clone(), cells.take(*c)))
                .collect(),
        );
        self.items.push(item);
        Ok(())
    }

    /// Refuses a row with no id whose text starts with a sub-item's mark (`（2）`, `(3)`, `②`,
    /// `-`, `・`) right under an item with an id of its own (review 23 D-3): it reads as a part
    /// of that item, which would otherwise be judged without it while the row stood as an item
    /// of its own (`#3`). A list with no ids (every item `#n`) numbers its items so: read.
    fn check_sub_item(&self, row: usize, item: &CheckItem) -> Result<(), InputError> {
        if self.suggesting || !item.id.starts_with('#') || self.col(Field::Id).is_none() {
            return Ok(());
        }
        let Some(parent) = self
            .last_row
            .filter(|&(r, _)| r + 1 == row)
            .and_then(|(_, i)| self.items.get(i))
            .filter(|p| !p.id.starts_with('#'))
        else {
            return Ok(());
        };
        let Some(mark) = sub_item_mark(&item.title) else {
            return Ok(());
        };
        Err(InputError::at(
            self.loc.clone().row(row).column(self.col_name(Field::Title)),
            format!(
                "the row has no id and reads as a sub-item ('{mark}') of {} on the row above: it would be judged as an item of its own, and {} without it",
                parent.id, parent.id
            ),
        )
        .hint(format!(
            "give the row an id of its own, or merge its text into {}'s text",
            parent.id
        )))
    }

    /// The item row `row` continues, when it holds references but no item of its own: its
    /// id cell empty and its text empty or the text of the item right above it, the way a
    /// sheet whose item cells are merged over the rows of one item's references is saved
    /// to CSV, or a GRC tool writes one row per mapping (`Q-1,…,A.9.2.1` / `,,A.9.2.4`:
    /// review 21 A-6). Read as the item's only right under it (the row above read into
    /// it); elsewhere (under a blank row, a heading, a note, or first) which item it
    /// belongs to cannot be told, and the row is refused rather than read as an item of
    /// its own while the item above is judged without its references.
    fn continued(
        &self,
        row: usize,
        cells: &(impl Cells + ?Sized),
    ) -> Result<Option<usize>, InputError> {
        let (id_col, title_col) = (self.col(Field::Id), self.col(Field::Title));
        if self.suggesting || (id_col.is_none() && title_col.is_none()) {
            return Ok(None);
        }
        let id = id_col.map_or("", |c| cells.cell(c).trim());
        let title = title_col.map_or(String::new(), |c| self.cell_text(cells, c).into_owned());
        let refs = self
            .header
            .refs
            .iter()
            .any(|&c| !self.cell_text(cells, c).is_empty());
        if !id.is_empty() || !refs {
            return Ok(None);
        }
        let above = self
            .last_row
            .filter(|&(r, _)| r + 1 == row)
            .map(|(_, i)| i)
            // the text repeated: under an item with an id of its own only (a list with no
            // ids holding one text twice has the same item twice, warned about)
            .filter(|&i| {
                title.is_empty()
                    || id_col.is_some()
                        && !self.items[i].id.starts_with('#')
                        && title == self.items[i].title
            });
        match above {
            Some(i) => Ok(Some(i)),
            None if title.is_empty() => Err(InputError::at(
                self.loc.clone().row(row),
                "the row holds references but no check item (no id, no text), and is not right under an item: which item they belong to cannot be told",
            )
            .hint("write the row right under its item's row (one item over several rows, as a merged cell saved to CSV leaves it), or give it its item's id and text, or remove it")),
            None => Ok(None),
        }
    }

    /// Row `row`, under the id cell of item `i` merged down over rows `rows`: the item's
    /// references are those of every row; a title of its own is an error (the rows are
    /// then separate items under one number); notes and other columns are joined, the
    /// strongest assurance and the highest risk kept.
    fn continue_item(
        &mut self,
        i: usize,
        (top, bottom): (usize, usize),
        row: usize,
        cells: &mut (impl Cells + ?Sized),
        split: Option<SplitRefs>,
    ) -> Result<(), InputError> {
        let title = self.take_trimmed(cells, Field::Title);
        let note = self.take_trimmed(cells, Field::Note);
        let (assurance, risk, problems) = self.assurance_and_risk(row, cells);
        let mut item = std::mem::take(&mut self.items[i]);
        if !title.is_empty() && title != item.title {
            let e = InputError::at(
                self.loc.clone().row(row).column(self.col_name(Field::Title)),
                format!(
                    "rows {top}–{bottom} share the merged id cell '{}', but row {row} has a title of its own ('{}')",
                    item.id,
                    title.chars().take(40).collect::<String>()
                ),
            )
            .hint("merge the title cell over the same rows (one check item over several rows), or give each row its own id");
            self.items[i] = item;
            return Err(e);
        }
        self.add_refs(&mut item, row, cells, split);
        let join = |into: &mut String, more: &str| {
            if !more.is_empty() && !into.split('\n').any(|l| l == more) {
                if !into.is_empty() {
                    into.push('\n');
                }
                into.push_str(more);
            }
        };
        join(&mut item.note, &note);
        self.fill_extras(&mut item);
        for (c, name) in &self.header.extras {
            let more = cells.cell(*c).trim();
            if let Some((_, v)) = item.extra.0.iter_mut().find(|(k, _)| k == name) {
                join(v, more);
            }
        }
        // an empty assurance cell says nothing (it is not the default `ismap` here)
        let assurance_given = self
            .col(Field::Assurance)
            .is_some_and(|c| !cells.cell(c).trim().is_empty());
        if assurance_given {
            item.assurance = item.assurance.max(assurance);
        }
        item.risk = match (item.risk, risk) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        item.problems.extend(problems);
        self.items[i] = item;
        Ok(())
    }

    /// Refuses a risk column (`リスク`, `重要度`, `Risk`, `Priority`) whose cell beside its
    /// rating states a finding, a deferral or a limit (`Critical - MFA not enforced`,
    /// `高（MFA未導入）`, `High (not yet implemented)`: fix20-chk ev31), as a carried column
    /// saying so is refused ([`says_against`]): the risk only orders the rows, so the finding
    /// would be read as nothing and the item judged on the ISMAP statement alone; so is a
    /// rating with a statement after it (`High - admins share one password`:
    /// [`rating_with_statement`]). Bare ratings (`高`, `High`, `Critical`, `3`) and a rating
    /// with a bracketed note of its own (`高（必須）`, `High (impact)`) read as before; an
    /// item without references is not judged.
    fn check_risk_column(&mut self) -> Result<(), InputError> {
        if self.risk_words.is_empty() {
            return Ok(());
        }
        let name = self.col_name(Field::Risk);
        // the item a row belongs to (an item may span rows): the last one starting at or
        // before it, when it is judged
        let item_of = |items: &[CheckItem], row: usize| {
            let at = items.partition_point(|i| i.row <= row);
            (at > 0 && !items[at - 1].refs.is_empty()).then(|| at - 1)
        };
        let mut seen: HashMap<&str, Option<(String, &'static str)>> = HashMap::new();
        let said: Vec<(usize, &str, (String, &'static str))> = self
            .risk_words
            .iter()
            .filter(|(row, _)| item_of(&self.items, *row).is_some())
            .filter_map(|(row, v)| {
                let s = seen
                    .entry(v.as_str())
                    .or_insert_with(|| says_against(&name, v))
                    .clone()?;
                Some((*row, v.as_str(), s))
            })
            .collect();
        let Some((row, _, (what, hint))) = said.first() else {
            // a statement after the rating that is no rationale (review 20 C-5): its item's
            // problem, not the list's
            let stated: Vec<(usize, String)> = self
                .risk_words
                .iter()
                .filter(|(_, v)| rating_statement(v).is_some())
                .filter_map(|(row, v)| Some((item_of(&self.items, *row)?, v.clone())))
                .collect();
            for (i, value) in stated {
                let problem = CellProblem {
                    field: ProblemField::NoteAgainst,
                    column: name.clone(),
                    value,
                };
                if !self.items[i].problems.contains(&problem) {
                    self.items[i].problems.push(problem);
                }
            }
            return Ok(());
        };
        let rows: Vec<(usize, &str)> = said.iter().map(|(r, v, _)| (*r, *v)).collect();
        Err(InputError::at(
            self.loc.clone().row(*row).column(name.clone()),
            with_other_rows(said_against(&name, what), &rows),
        )
        .hint(*hint))
    }

    /// Marks each judged item whose status column ([`names_status`]: `Status`, `実施状況`,
    /// `Implemented?`) holds a value not read as met or in place ([`reads_as_in_place`]: `NC`,
    /// `Open`, `Observation`, `免除`) as not analysed, naming the cell (review 21 A-7): the
    /// words the column's rule refuses ([`says_against`]) were refused before. So is an item
    /// whose own result or evaluation says not applicable ([`result_not_applicable`]: `Audit
    /// result | N/A`, `有効性 | 該当なし`, `監査意見 | -`): no result of met, and no finding to
    /// refuse the list for (fix32-grc: the list was refused).
    fn mark_unread_status(&mut self) {
        for (k, (_, name)) in self.header.extras.iter().enumerate() {
            if names_evaluation(name) {
                mark_unread_cells(&mut self.items, k, name, |v| result_not_applicable(name, v));
            }
            if names_status(name) {
                // a claim of resolved or none (`是正済`, `指摘なし`) is the claim rule's
                // ([`check_notes`]: with its dates read against --as-of)
                // each line of an item over several rows (review 22 B-2)
                mark_unread_cells(&mut self.items, k, name, |v| {
                    !dash_or_blank(v)
                        && v.lines().any(|l| {
                            let l = l.trim();
                            !(l.is_empty() || reads_as_in_place(l) || is_claim(l))
                        })
                });
            } else if names_remediation_status(name) {
                // only none or settled reads there ([`says_against`]), a claim of resolved
                // dated or qualified being the claim rule's (review 23 C-8)
                mark_unread_cells(&mut self.items, k, name, |v| {
                    says_against(name, v).is_some() && !is_claim(v)
                });
            }
        }
    }

    /// Marks each judged item whose applicability column holds a value read neither as asked
    /// nor as not asked ([`applicability`] `None`) as not analysed, naming the cell (review 22
    /// A-15: `適用可否 | Partial`, `Yes - inherited`, `Customer`, `Shared` were covered): under
    /// a header asking it ([`asks_applicability`]: `適用可否`, `Applicable?`) any such value;
    /// under one that may hold a description (`Scope`, `対象`, `適用`: `全社`, `本番環境` carried)
    /// a qualified yes or a limited scope only ([`qualified_yes`]: `Production only`,
    /// `本番環境のみ`), or lines read differently ([`lines_disagree`]: an item over several
    /// rows marked `○` on one and `×` on another, review 22 B-2).
    fn mark_unread_applicability(&mut self) {
        for (k, (_, name)) in self.header.extras.iter().enumerate() {
            let Some(header) = applicability_header(name) else {
                continue;
            };
            let asks = asks_applicability(name);
            mark_unread_cells(&mut self.items, k, name, |v| {
                !dash_or_blank(v)
                    && applicability(v, header.negative).is_none()
                    && (asks
                        || qualified_yes(v, header.negative)
                        || lines_disagree(v, header.negative))
            });
        }
    }

    /// Marks each item its applicability column says is not asked in this procurement
    /// ([`applicability`] `Some(false)`; [`Items::check_extra_columns`] refused a column it
    /// does not read whole).
    fn mark_not_asked(&mut self) {
        for (k, (_, name)) in self.header.extras.iter().enumerate() {
            let Some(header) = applicability_header(name).filter(|h| h.qualifier.is_none()) else {
                continue;
            };
            for item in &mut self.items {
                if let Some((_, v)) = item.extra.0.get(k) {
                    if applicability(v, header.negative) == Some(false) {
                        item.not_asked = Some(format!("{name}: {}", v.trim()));
                    }
                }
            }
        }
    }

    /// Refuses an extra column the verdict would depend on: one holding ISMAP ids (a
    /// second references column under a header the tool does not know, such as the
    /// revised mapping beside the old one), one holding required-assurance levels
    /// (`保証報告`, `個別監査`) under another header than the assurance column's, or one
    /// marking items for an assurance level (`SOC2報告書で確認` ○): carried as they are,
    /// their items would be judged on the other column, or as asking for ISMAP only.
    /// Columns `suggest` adds (candidates) and the controls' names are no such column;
    /// with `--refs-column`, columns of ids are carried as they are.
    fn check_extra_columns(&self) -> Result<(), InputError> {
        let candidates =
            [Lang::Ja, Lang::En].map(|l| crate::report::suggest::candidate_headers(l)[0]);
        // every column carried: the extra ones and the note (one rule for all: a 備考 of
        // ids is no more read than a コメント of ids)
        let note = self.col(Field::Note).map(|c| (None, c));
        let extras = self
            .header
            .extras
            .iter()
            .enumerate()
            .map(|(k, (c, _))| (Some(k), *c));
        // the rows of items with references: those judged on ISMAP (read by the rules of
        // the extra columns only: not made for a list of none, one entry an item)
        let judged: HashMap<usize, &[String]> = match self.header.extras.is_empty() {
            true => HashMap::new(),
            false => self
                .items
                .iter()
                .filter(|i| !i.refs.is_empty())
                .map(|i| (i.row, i.refs.as_slice()))
                .collect(),
        };
        // the ids each distinct cell names, and whether it is a cell of ids, read once: a
        // long list repeats a few notes
        let mut named: PerText<'_, Vec<String>> = PerText::default();
        let mut of_ids: PerText<'_, bool> = PerText::default();
        for (k, c) in note.into_iter().chain(extras) {
            let name = &self.header_of(c);
            if self.header.names == Some(c) || candidates.contains(&name.as_str()) {
                continue;
            }
            // read once: the rules below go through them several times
            let filled_cells: Vec<(usize, &str)> = self
                .items
                .iter()
                .filter_map(|i| {
                    let v = match k {
                        Some(k) => i.extra.0.get(k).map_or("", |(_, v)| v.trim()),
                        None => i.note.trim(),
                    };
                    // a cell naming only the row's own references (`CLD.9.5.1` beside
                    // `9.5.1.P`: review 12 C-7) is filled, but no id of another column
                    let own = !v.is_empty()
                        && !i.refs.is_empty()
                        && restates_named(i, named.of(v, named_ids));
                    (!v.is_empty()).then_some((i.row, if own { "" } else { v }))
                })
                .collect();
            let cells = || filled_cells.iter().copied();
            let filled = cells().count();
            let half = |n: usize| n > 0 && n * 2 >= filled;
            let loc = |row: usize| self.loc.clone().row(row).column(name.clone());
            // the first of `found` refused with `say(its value)`, naming the other rows
            let refuse = |found: &[(usize, &str)],
                          say: &dyn Fn(&str) -> String,
                          hint: &str|
             -> Result<(), InputError> {
                match found.first() {
                    Some(&(row, v)) => {
                        Err(InputError::at(loc(row), with_other_rows(say(v), found)).hint(hint))
                    }
                    None => Ok(()),
                }
            };
            let refs = self.col_name(Field::Refs);
            // beside the references column, a column headed with another framework (`PCI DSS
            // v4.0`, `FISC安全対策基準`, `CSA CCM`) holds that framework's numbers, some of
            // which look like ISMAP ids: carried (review 11 C-14)
            let theirs = !refs.is_empty() && names_another_framework(name);
            // in the note, a few ids are each its item's (`9.2.4 も確認` is then read as
            // `reference-outside`: [`check_prose`]), not a column of them (review 12 C-7)
            let mut is_ids = |v| *of_ids.of(v, |v| is_ids_cell_named(v, named.of(v, named_ids)));
            let few = k.is_none() && cells().filter(|&(_, v)| is_ids(v)).count() < NOTE_IDS_MIN;
            let ids = (!self.refs_named && !theirs && !few)
                .then(|| column_of_ids_by(cells(), is_ids))
                .flatten();
            if let Some((row, v)) = ids {
                return Err(if refs.is_empty() {
                    InputError::at(
                        loc(row),
                        format!("the column '{name}' holds ISMAP ids ('{v}'), but its header is not one of a references column"),
                    )
                    .hint(ids_column_hint(name))
                } else {
                    InputError::at(
                        loc(row),
                        format!("the column '{name}' holds ISMAP ids ('{v}') beside the references column '{refs}': which of them holds the check items' references cannot be told, and the ids of '{name}' would not be read"),
                    )
                    .hint("give the references column with --refs-column NAME (the other is then carried as it is), or remove the column that does not hold them")
                });
            }
            // what the column or the note records against the item (a gap, a finding, an
            // exception, ISMAP not relied on, the CSP's "not supported" or "planned"): not
            // read, so refused rather than a bare 充足 (review 15 A-3, A-4, A-8, A-13); the
            // CSP's answers ([`names_answers`]) and whose the item is have their own rules
            let against = || -> Result<(), InputError> {
                // an applicability column every cell of which reads as asked or not is read
                // by its own rule above (fix18-status), not as a gap recorded
                // (an item's lines read differently too: [`lines_disagree`], review 22 B-2)
                let applicability_read = applicability_header(name).is_some_and(|h| {
                    cells().all(|(_, v)| {
                        dash_or_blank(v)
                            || applicability(v, h.negative).is_some()
                            || lines_disagree(v, h.negative)
                    })
                });
                if names_answers(name)
                    || names_remediation_status(name)
                    || crate::model::Responsibility::names_column(name)
                    || names_assurance_level(name)
                    || theirs
                    || name == SHEET_COLUMN
                    || applicability_read
                {
                    return Ok(());
                }
                // an item with no references is not judged on ISMAP
                // each distinct value read once (a long list repeats なし, -, ○)
                let mut seen: HashMap<&str, Option<(String, &'static str)>> = HashMap::new();
                let said: Vec<(usize, &str, (String, &'static str))> = cells()
                    .filter(|(row, _)| judged.contains_key(row))
                    // a mark of none under a findings header (`Finding | N`, `指摘事項 | 適合`:
                    // [`is_no_finding_mark`]) says there is none
                    .filter(|(_, v)| !(names_findings(name) && is_no_finding_mark(v)))
                    // a note saying there is none or it was resolved, with no date (the
                    // as-of date is not known here), as the note column reads it
                    .filter(|(_, v)| !clean_undated(v))
                    // a result of not applicable leaves its item not analysed
                    // ([`result_not_applicable`])
                    .filter(|(_, v)| !result_not_applicable(name, v))
                    .filter_map(|(row, v)| {
                        let s = seen
                            .entry(v)
                            .or_insert_with(|| says_against(name, v))
                            .clone()?;
                        Some((row, v, s))
                    })
                    // a note naming another control (`以前は9.2.2のみだったが、9.4.1 も確認`)
                    // leaves the item not analysed ([`check_prose`])
                    .filter(|(row, v, _)| {
                        k.is_some()
                            || judged.get(row).is_some_and(|refs| {
                                named_ids(v).iter().all(|id| {
                                    refs.iter().any(|r| {
                                        r.trim_start_matches("A.") == id.trim_start_matches("A.")
                                    })
                                })
                            })
                    })
                    .collect();
                match said.first() {
                    Some((row, _, (what, hint))) => {
                        let rows: Vec<(usize, &str)> =
                            said.iter().map(|(r, v, _)| (*r, *v)).collect();
                        Err(InputError::at(
                            loc(*row),
                            with_other_rows(said_against(name, what), &rows),
                        )
                        .hint(*hint))
                    }
                    None => Ok(()),
                }
            };
            // the note's words on a level are its item's ([`check_assurance_words`])
            // (the note: [`check_notes`], the item not analysed)
            if k.is_none() {
                continue;
            }
            // whose each item is (`責任分界` 利用者/共同/事業者, review 12 A-11): read by the
            // analysis, so a cell naming no side it reads is refused rather than passed over
            if crate::model::Responsibility::names_column(name) {
                let unread: Vec<(usize, &str)> = cells()
                    .filter(|(_, v)| crate::model::Responsibility::of_cell(v).is_err())
                    .collect();
                if let Some(&(row, v)) = unread.first() {
                    let message = with_other_rows(format!("the column '{name}' says whose the item is ('{v}'), which the tool does not read as the CSP's, the customer's or shared: an item that is the customer's own would be judged on the CSP's statement"), &unread);
                    // a provider other than the CSP (`IaaS事業者`): which one cannot be told
                    let another = ["iaas", "paas", "基盤"]
                        .iter()
                        .any(|w| v.to_lowercase().contains(w));
                    return Err(InputError::at(loc(row), message).hint(if another {
                        "a provider named by its kind other than the CSP's (IaaS事業者, PaaS事業者) is not read, as which provider is meant cannot be told: write 事業者 (the CSP's), 利用者 (your own) or 共同 (shared), or remove the column"
                    } else {
                        "write 事業者 (the CSP's), 利用者 (your own) or 共同 (shared) in each cell, or remove the column"
                    }));
                }
            }
            // which items this procurement asks (`適用` ×, `要否` 不要: review 15 B-1): an item
            // marked not asked is left out of the share covered, so a column marking some
            // is read whole: a cell it does not read, or a qualified header (`適用（案）`), is
            // refused rather than judged or left out on a guess
            // a header naming the negative (`本件対象外`, `確認不要`: review 17 C-1) marks the
            // items not asked, so any other word under it than a no is read or refused too
            if let Some(header) = applicability_header(name) {
                let negative = header.negative;
                let read = |v: &str| applicability(v, negative);
                // an item's lines read differently (rows of one item marked `○` and `×`) leave
                // that item not analysed ([`Items::mark_unread_applicability`]), not the list
                let split = |v: &str| lines_disagree(v, negative);
                if cells().any(|(_, v)| {
                    read(v) == Some(false)
                        || negative && read(v).is_none() && !dash_or_blank(v) && !split(v)
                        || read(v).is_none() && says_not_asked_with_more(v, negative)
                }) {
                    if let Some(q) = header.qualifier {
                        return Err(InputError::at(
                            loc(self.header.row),
                            format!("the column '{name}' marks check items not asked in this procurement, but its header is qualified ('{q}'): whether the marks are final cannot be told"),
                        )
                        .hint("name the column without the qualifier (適用, 要否, 対象) once the marks are final, or remove the column to judge every item"));
                    }
                    let unread: Vec<(usize, &str)> = cells()
                        .filter(|(_, v)| read(v).is_none() && !split(v))
                        .collect();
                    refuse(
                        &unread,
                        &|v| {
                            format!("the column '{name}' marks check items not asked in this procurement, and this one says '{v}', which the tool does not read as asked or not: the item would be judged or left out on a guess")
                        },
                        if negative {
                            "under a header naming what is not asked, write ○ (not asked) or × (asked) in each cell (対象外/対象, 不要/要, Yes/No also read; an empty cell is asked), or remove the column to judge every item"
                        } else {
                            "write ○ (asked) or × (not asked) in each cell (要/不要, 対象/対象外, Yes/No also read), or remove the column to judge every item"
                        },
                    )?;
                }
            }
            // the CSP's answers on the buyer's own items (`CSP回答` ×/△, `回答内容` いいえ…):
            // the tool does not read them, and would judge on ISMAP alone against the CSP's
            // own no (review 11 A-7); a column of ○/はい only is carried
            if names_answers(name) {
                // only a yes is carried (review 15 A-5: `対応していません`, `2027年度対応予定`,
                // `はい（ただし管理者のみ）` were)
                // an item with no references is not judged on ISMAP
                // a check box's no or a 0/1 flag's 0 answers no (`対応可否` FALSE: review 21
                // A-7) — not under the answer's own state (`回答済` FALSE: not answered yet)
                let answered = ["済", "有無", "answered"]
                    .iter()
                    .any(|w| header_key(name).contains(w));
                let unchecked = |v: &str| {
                    !answered
                        && crate::input::csp::vocab::check_cell(v)
                            == crate::input::csp::vocab::Check::NotSelected
                };
                let no: Vec<(usize, &str)> = cells()
                    .filter(|(row, v)| {
                        judged.contains_key(row)
                            && (!answer_says_yes(v) || unchecked(v))
                            && !lists_answers(v)
                            && !dash_or_blank(v)
                            && !Assurance::names_a_level(v)
                    })
                    .collect();
                refuse(&no, &|v| format!("the column '{name}' holds the CSP's answers to the check items, and this one answers '{v}': the tool does not read answers, and would judge the item on the ISMAP statement alone, whatever the CSP answered"), "settle the items not answered yes (×, △, いいえ, 一部, 予定, ただし…, 開示不可, 貴社側で設定) with the CSP first; to judge on the ISMAP statement alone, knowing those answers, remove the column (carried: a yes or a description of what is done, with nothing limiting, deferring or withholding it: ○, はい, Yes, 対応済み)")?;
            }
            // the buyer's own evaluation of the items (`評価` △, `自社評価` ×, `確認結果` 不備あり):
            // a deficiency the buyer itself found, which a bare 充足 on the ISMAP statement
            // would contradict (review 12 A-9); a column of ○/適合 only is carried
            if names_evaluation(name) {
                // under a gap or finding header a no is none (`Gap` No: [`says_against`];
                // `Finding | No`)
                let none_found = |v: &str| names_findings(name) && is_no_finding_mark(v);
                let deficient: Vec<(usize, &str)> = cells()
                    .filter(|(_, v)| {
                        is_deficient_evaluation(v)
                            && !none_found(v)
                            && !(inverted_header(name) && says_against(name, v).is_none())
                    })
                    // a clean claim (`未対応の項目はない`), as the note reads it
                    .filter(|(_, v)| !clean_undated(v))
                    .collect();
                refuse(&deficient, &|v| format!("the column '{name}' holds your own evaluation of the check items, and this one is '{v}' (deficient or in part): the tool does not read evaluations, and would judge the item on the ISMAP statement alone, whatever it found"), "settle the items evaluated deficient or in part (×, △, 不備あり, 不適合) first; to judge on the ISMAP statement alone, knowing those evaluations, remove the column")?;
                // under a header naming findings or gaps (`指摘事項`, `不備`, `Finding`, `Gap`)
                // a mark (○, ✓, はい, Yes) says there is one (review 16 A-8): only marks of
                // none (なし, No, -, blank) or verdict words (適合, OK) are carried
                if names_findings(name) {
                    let marked: Vec<(usize, &str)> = cells()
                        .filter(|(_, v)| is_met_evaluation(v) && !is_no_finding_mark(v))
                        .collect();
                    refuse(&marked, &|v| format!("the column '{name}' names findings or gaps in the check items, and this one is '{v}': under such a header a mark says there is one, and only なし, 指摘なし, No, None or blank says there is none; the tool does not read findings, and would judge the item on the ISMAP statement alone, whatever it found"), "settle the findings first and mark those items なし or 指摘なし; to judge on the ISMAP statement alone, knowing those findings, remove the column")?;
                }
                // any other word there is a finding in free text (`所見 | パスワード長が8文字`,
                // `Finding | MFA not enforced for admins`), which a bare 充足 could contradict:
                // only a mark known as met or neutral (○, 適合, 問題なし, 指摘なし) is carried;
                // a rating of risk or impact (`リスク評価 | 高`) is no finding; other words under
                // a gap or finding header: only none reads, which [`says_against`] (below) decides
                let unread: Vec<(usize, &str)> = cells()
                    .filter(|(_, v)| {
                        let rating = names_a_rating(name) && is_bare_rating(v);
                        // `N/A` says no finding under a findings header, but under a result
                        // or a status of compliance that the item was not checked or is not
                        // applicable, no result of met (review 21 A-7)
                        let not_applicable = !names_findings(name)
                            && ["n/a", "na", "not applicable"]
                                .contains(&evaluation_word(v).as_str());
                        // …which leaves that item not analysed, not the list refused
                        // ([`Items::mark_unread_status`], fix32-grc)
                        let item_not_applicable = result_not_applicable(name, v);
                        !(inverted_header(name)
                            || item_not_applicable
                            || rating
                            || is_met_evaluation(v) && !not_applicable
                            || is_done_evaluation(v)
                            || none_found(v)
                            || clean_undated(v))
                    })
                    .collect();
                refuse(&unread, &|v| format!("the column '{name}' holds your own evaluation of the check items, and this one is '{v}', not a mark of met (○, 適合, 問題なし, 指摘なし): the tool does not read findings, and would judge the item on the ISMAP statement alone, whatever it found"), "settle the findings first and mark those items ○ or 問題なし; to judge on the ISMAP statement alone, knowing those findings, remove the column")?;
            }
            // a note column under another name (`コメント`, `Remarks`) is read item by item
            // as the note is ([`check_notes`])
            if !names_note(name) {
                against()?;
            }
            // a level in any spelling (`SOC 2 Type II`, `第三者保証報告書`, `オンサイト監査`);
            // a cell only naming one among other words is its item's
            let levels: Vec<(usize, &str)> = cells()
                .filter(|(_, v)| Assurance::names_a_level(v))
                .collect();
            // a level below ISMAP (自己申告) asks for less than the default: no harm
            let above = levels
                .iter()
                .find(|(_, v)| Assurance::parse(v).is_some_and(|a| a > Assurance::Ismap));
            if let (true, Some(&(row, v))) = (half(levels.len()), above) {
                let assurance = self.col_name(Field::Assurance);
                let e = if assurance.is_empty() {
                    InputError::at(
                        loc(row),
                        format!("the column '{name}' holds required-assurance levels ('{v}'), but is not read as the required assurance: every item would be taken to ask for an ISMAP registration only"),
                    )
                } else {
                    InputError::at(
                        loc(row),
                        format!("the column '{name}' holds required-assurance levels ('{v}') beside the assurance column '{assurance}': which of them states the required assurance cannot be told"),
                    )
                };
                return Err(e.hint("give the required assurance in one column named 求める確認水準 (also: 確認水準, 保証水準, assurance): move these values there, or remove the column"));
            }
            // a result beside the assurance column (`SOC2確認結果`, `SOC2入手済`,
            // `個別監査結果` ○/×): the outcome of the procedure, not what is asked for
            let result = self.col(Field::Assurance).is_some()
                && ["結果", "済", "result"]
                    .iter()
                    .any(|w| header_key(name).contains(w));
            if names_assurance_level(name) && !result {
                if let Some((row, v)) = cells().find(|(_, v)| v.chars().count() <= 4) {
                    return Err(InputError::at(
                        loc(row),
                        format!("the column '{name}' marks items ('{v}') for an assurance level, which the tool does not read from a column of marks: every item would be taken to ask for an ISMAP registration only"),
                    )
                    .hint("give each item its required assurance in one column named 求める確認水準 (ismap, 保証報告, 個別監査, 自己申告), and remove the column of marks"));
                }
            }
        }
        Ok(())
    }

    /// The items of an id and a title only whose next item is numbered under them (`1`
    /// over `1-1`): section headings, moved to the rows not read.
    fn take_headings(&mut self) {
        let headings: Vec<usize> = self
            .bare
            .iter()
            .copied()
            .filter(|&i| {
                let (Some(item), Some(next)) = (self.items.get(i), self.items.get(i + 1)) else {
                    return false;
                };
                numbered_under(&next.id, &item.id) && is_heading_text(&item.title)
            })
            .collect();
        for &i in headings.iter().rev() {
            let item = self.items.remove(i);
            self.rows_not_read.push(RowNotRead {
                sheet: self.sheet.clone(),
                row: item.row,
                kind: NotAnItem::Heading,
                text: [item.id, item.title].join(" "),
            });
        }
        self.rows_not_read.sort_by_key(|r| r.row);
    }

    fn finish(mut self) -> Result<CheckList, InputError> {
        let mut items = std::mem::take(&mut self.items);
        for item in &mut items {
            self.fill_extras(item);
        }
        self.items = items;
        self.take_headings();
        if !self.suggesting {
            self.take_notes_above()?;
        }
        if self.items.is_empty() {
            return Err(InputError::at(
                self.loc.row(self.header.row),
                "the header row is there but no check items follow it",
            )
            .hint("add rows below the header"));
        }
        if !self.suggesting {
            self.check_extra_columns()?;
            self.check_risk_column()?;
            self.mark_unread_status();
            self.mark_unread_applicability();
            self.mark_not_asked();
        }
        let (outside_lines, commented) = self.take_comments();
        let header_notes = self.header_notes();
        let more_refs_columns = self
            .header
            .refs
            .iter()
            .skip(1)
            .map(|&c| RefsColumn {
                header: self.header_of(c),
                iso_edition: Default::default(),
            })
            .collect();
        // the rows of `rows` that are items, with the sheet's name (a list of several sheets)
        let item_rows = |rows: &[usize]| -> Vec<String> {
            self.items
                .iter()
                .filter(|i| rows.binary_search(&i.row).is_ok())
                .map(|i| match &self.sheet {
                    Some(sheet) => format!("{sheet} {}", i.row),
                    None => i.row.to_string(),
                })
                .collect()
        };
        let (hidden_rows, struck_rows) =
            (item_rows(&self.hidden_rows), item_rows(&self.struck_rows));
        let mut prose_columns = [Field::Title, Field::Note].map(|f| match self.col(f) {
            Some(c) => self.header_of(c),
            None => String::new(),
        });
        // a note of cell comments only: named so, for the problems found in it
        if commented && prose_columns[1].is_empty() {
            prose_columns[1] = COMMENTS_COLUMN.to_owned();
        }
        Ok(CheckList {
            refs_column: self.col_name(Field::Refs),
            more_refs_columns,
            title_rows: self.title_rows,
            source: self.source,
            sheets: self.sheet.iter().cloned().collect(),
            sheet: self.sheet,
            extra_columns: self.header.extras.into_iter().map(|(_, n)| n).collect(),
            prose_columns: vec![prose_columns],
            items: self.items,
            hidden_rows,
            struck_rows,
            rows_not_read: self.rows_not_read,
            unknown_risks: self.unknown_risks,
            outside_lines,
            header_notes,
            ..CheckList::default()
        })
    }

    /// The header cells that may say something of every item ([`CheckList::header_notes`]):
    /// the note on the assurance column's header (what follows its name in brackets or
    /// after a colon: `求める確認水準（空欄は個別監査）`), and the header of each column with
    /// nothing under it written as a note (`※確認水準：全項目SOC2 Type2報告書` in the header
    /// row; not an empty answer column, `SOC2報告書の有無`). A note listing the column's values
    /// (`（ISMAP/保証報告/個別監査）`) says nothing of the items ([`lists_levels`]).
    fn header_notes(&self) -> Vec<HeaderNote> {
        let note = |c: usize, text: &str| HeaderNote {
            sheet: self.sheet.clone(),
            row: self.header.row,
            column: column_letter(c),
            text: text.to_owned(),
        };
        let assurance = self.col(Field::Assurance).and_then(|c| {
            let h = self.header.cells.get(c)?.trim();
            let at = h.find(['（', '(', '【', '[', '：', ':', '※', '\n'])?;
            Some(note(c, &h[at..])).filter(|n| !lists_levels(&n.text))
        });
        let empty = self
            .header
            .extras
            .iter()
            .enumerate()
            .filter(|&(k, _)| {
                self.items
                    .iter()
                    .all(|i| i.extra.0.get(k).is_none_or(|(_, v)| v.trim().is_empty()))
            })
            .filter_map(|(_, &(c, _))| {
                let h = self.header.cells.get(c)?.trim();
                (is_note_of_all(h) && !lists_levels(h)).then(|| note(c, h))
            });
        assurance.into_iter().chain(empty).collect()
    }

    /// The cell comments of the sheet (review 11 A-21): one on an item's row (or a row of
    /// its merged id cell) is added to the item's note (`メモ(B2): 9.2.3も含めること`), so
    /// that the rules of an item's note read it (a reference outside the references
    /// column, an assurance level above the item's, its words); one elsewhere (the header,
    /// a title row, a footnote) is a line outside the items. Whether a note was so added.
    /// Not for `suggest`, which writes the user's cells back as they are.
    fn take_comments(&mut self) -> (Vec<OutsideLine>, bool) {
        let mut outside = Vec::new();
        let mut commented = false;
        if self.suggesting {
            return (outside, commented);
        }
        for (r, c, text) in std::mem::take(&mut self.comments) {
            let top = self
                .id_merges
                .iter()
                .find(|(top, bottom)| (*top..=*bottom).contains(&r))
                .map_or(r, |m| m.0);
            let cell = format!("{}{r}", column_letter(c));
            let item = (r > self.header.row)
                .then(|| self.items.iter_mut().find(|i| i.row == top))
                .flatten();
            match item {
                Some(item) => {
                    if !item.note.is_empty() {
                        item.note.push('\n');
                    }
                    item.note
                        .push_str(&format!("{COMMENTS_COLUMN}({cell}): {text}"));
                    commented = true;
                }
                None => outside.push(OutsideLine {
                    sheet: self.sheet.clone(),
                    row: r,
                    comment_on: Some(cell),
                    text,
                }),
            }
        }
        (outside, commented)
    }
}

impl Items {
    /// The rows under an item that hold a remark and no item of their own (review 19 A-5):
    /// a row of no id, no check item and no references (`| | | ↑ CSP回答：未対応`), a
    /// footnote (`※ 上記2項目はISMAPでは代替不可`), or a row of a check item's text only
    /// without an id in a list of ids (`| （補足）CSP回答：…未実施 |`). One that points up
    /// ([`points_up`]: `↑`, `上記`, `上の`, `前項`, `同項目`, `（補足）`, `above`) is the note of
    /// the item above, or of the N above it names (`上記2項目`, `the two items above`, `上記
    /// すべて`): added to their notes as written (its words say where it stands; a label
    /// before it would change how the note's sentences read), so that every rule of an
    /// item's note reads it (a note against judging the item makes it not analysed), and no longer a
    /// row not read. One that does not point up, or has no item above, and that the note
    /// reader finds against judging an item ([`says_against`]) is refused naming the row:
    /// which item it concerns cannot be told, and that item must not stay a bare 充足. A
    /// blank row, a section heading, an ordinary footnote (`※ 参照はISMAP管理基準による`) and a
    /// line on how to fill the list in (`※ 未対応の場合は備考欄に理由を記入`) are read as before.
    /// Row `row` of no item read as the note of item `k`: its text added to the item's note,
    /// the row no longer one not read.
    fn note_row_on(&mut self, k: usize, row: usize, text: &str) {
        let item = &mut self.items[k];
        if !item.note.is_empty() {
            item.note.push('\n');
        }
        item.note.push_str(text);
        self.rows_not_read.retain(|r| r.row != row);
    }

    /// The item (its index) a row of no item names by its id at its start
    /// ([`note_names_item`]), when the list has that item.
    fn item_named_by(&self, text: &str) -> Option<usize> {
        let id = note_names_item(text)?;
        self.items.iter().position(|i| {
            !i.id.starts_with('#') && crate::text::fold_width(i.id.trim()).to_lowercase() == id
        })
    }

    /// A remark of every item against which only a date stands (`※ 全項目2025年度対応済`) is
    /// every item's note, read against --as-of by the note rule (fix32-grc).
    fn take_notes_above(&mut self) -> Result<(), InputError> {
        let mut notes = std::mem::take(&mut self.row_notes);
        // a check item's text without an id, pointing up, in a list of ids
        let ids =
            self.col(Field::Id).is_some() && self.items.iter().any(|i| !i.id.starts_with('#'));
        if ids {
            let mut k = 1;
            while k < self.items.len() {
                let item = &self.items[k];
                let remark = item.id.starts_with('#')
                    && item.refs.is_empty()
                    && !item.refs_say_none
                    && (points_up(&item.title).is_some()
                        || note_names_item(&item.title).is_some()
                        || level_alone(&item.title).is_some());
                if remark {
                    let item = self.items.remove(k);
                    notes.push((
                        item.row,
                        crate::text::join_filled([item.title.as_str(), item.note.as_str()]),
                    ));
                } else {
                    k += 1;
                }
            }
        }
        notes.sort_by_key(|n| n.0);
        let column = match self.col_name(Field::Note) {
            c if c.is_empty() => "note".to_owned(),
            c => c,
        };
        for (row, text) in notes {
            // how to fill the list in (`※ 未対応の場合は備考欄に理由を記入`): no remark on an item
            let folded = crate::text::fold_width(&text).to_lowercase();
            if DESCRIBING.iter().any(|w| folded.contains(w)) {
                continue;
            }
            // a row naming its item by its id (`項番2は往査で確認`, `No.2：往査`, `2番は当社監査`):
            // that item's note (review 25 A-2: it was an item of its own, `#4`, and item 2
            // judged without it)
            if let Some(k) = self.item_named_by(&text) {
                self.note_row_on(k, row, &text);
                continue;
            }
            if let Some(id) = ids.then(|| note_names_item(&text)).flatten() {
                let shown: String = text.chars().take(60).collect();
                return Err(InputError::at(
                    self.loc.clone().row(row),
                    format!(
                        "the row holds no check item, only a note on item '{id}' ('{shown}'), and the list has no item '{id}': the note cannot be attached to its item"
                    ),
                )
                .hint("write the note in the note cell of the item it concerns, or correct the item's id in it"));
            }
            // a level on a row of no item (`保存期間は7年以上` under `ログを取得すること`): the
            // note of the item right above it, as a row of references under it is, when items
            // go on below it; elsewhere (below the last item too: a note of the list, or of
            // any item) which item it concerns cannot be told (review 25 A-11: it was
            // dropped, or an item of its own, and the item it belonged to covered)
            // (a footnote, `※ 回答は2週間以内に`, is read as before)
            let level = (ids && !is_footnote(&text))
                .then(|| level_alone(&text))
                .flatten();
            if let (Some(level), None) = (&level, points_up(&text)) {
                let among = self.items.iter().any(|i| i.row > row);
                let Some(k) = (self.items.iter())
                    .position(|i| among && i.row + 1 == row && !i.id.starts_with('#'))
                else {
                    let shown: String = text.chars().take(60).collect();
                    return Err(InputError::at(
                        self.loc.clone().row(row),
                        format!(
                            "the row holds no check item, only the level '{level}' ('{shown}'), and is not a row among the items right under one: which item it concerns cannot be told, and the items would be judged without it"
                        ),
                    )
                    .hint("write the level in the note cell of the item it concerns, or put the row right under that item's row"));
                };
                self.note_row_on(k, row, &text);
                continue;
            }
            let above = self.items.iter().filter(|i| i.row < row).count();
            if let (Some(n), true) = (points_up(&text), above > 0) {
                // the items above it, and any other item it names by its id (`↑ CSP回答：Q2は
                // 未対応` under Q3 is Q2's note too: review 22 A-8)
                let targets = above - n.min(above)..above;
                let named: Vec<usize> = (0..self.items.len())
                    .filter(|k| !targets.contains(k) && names_item(&text, &self.items[*k].id))
                    .collect();
                for k in targets.chain(named) {
                    let item = &mut self.items[k];
                    if !item.note.is_empty() {
                        item.note.push('\n');
                    }
                    item.note.push_str(&text);
                }
                self.rows_not_read.retain(|r| r.row != row);
                continue;
            }
            // a date in the remark is left unread: a remark resolved "in 2025" is refused
            // here as well as one resolved in 2027 (the row is named, its fix is easy)
            let read_on = |d: crate::date::Date| {
                note_words_against(&column, &text, d) && !handles_a_kind(&column, &text, d)
                    || says_of_every_answer(&text, d)
            };
            let long_ago = crate::date::Date::new(1900, 1, 1);
            let against = long_ago.is_none_or(read_on);
            // …but a remark of every item (`全項目`, `各項目`, `本一覧`) that only a date stands
            // against (`※ 全項目2025年度対応済`) is every item's note, read against --as-of by
            // the one claim rule ([`check_notes`]: done by then reads, later leaves them not
            // analysed); a deferral, a draft or another service's answers are refused still
            // (review 22 A-10 rest, fix32-grc)
            if against && of_every_item(&text) && !read_on(NEVER) {
                for item in &mut self.items {
                    if !item.note.is_empty() {
                        item.note.push('\n');
                    }
                    item.note.push_str(&text);
                }
                self.rows_not_read.retain(|r| r.row != row);
                continue;
            }
            if against {
                let shown: String = text.chars().take(60).collect();
                return Err(InputError::at(
                    self.loc.clone().row(row),
                    format!(
                        "the row holds no check item, only the remark '{shown}', which speaks against judging an item on the ISMAP statement: which item it concerns cannot be told, and the items would be judged without it"
                    ),
                )
                .hint("write the remark in the note cell of the item it concerns, or begin it with ↑ or 上記 (上記2項目: the two items above) to make it the note of the item(s) right above it"));
            }
        }
        Ok(())
    }
}

/// Whether a remark on a row of no item says of the list, its answers or every item (`本一覧`,
/// `回答`, `全項目`, `各項目`, `備考欄`) what a note says against one item: a date (`※ 全項目2027年度
/// 対応`, `※ 各項目は2027年4月から適用`: `as_of` is the loader's, before every date), a
/// self-assessment or a draft (`※ 本一覧は自己評価`, `※ 本一覧は案`), another service's (`※ 回答は
/// 他サービスのもの`) — review 22 A-10; a date of no answer (`※ 2026年4月1日作成`) is no such remark.
fn says_of_every_answer(text: &str, as_of: crate::date::Date) -> bool {
    const MORE: &[&str] = &[
        "他サービス",
        "別サービス",
        "other service",
        "ドラフト",
        "draft",
        "は案",
        "（案）",
        "(案)",
    ];
    let folded = crate::text::fold_width(text).to_lowercase();
    of_every_item(text)
        && (crate::input::csp::remarks::later_date(text, as_of).is_some()
            || not_final_in_note(text).is_some()
            || MORE.iter().any(|w| folded.contains(w)))
}

/// Whether a remark on a row of no item speaks of the list, its answers or every item (`本一覧`,
/// `回答`, `全項目`, `各項目`, `備考欄`, `all items`).
fn of_every_item(text: &str) -> bool {
    const OF: &[&str] = &[
        "本一覧",
        "一覧",
        "回答",
        "全項目",
        "各項目",
        "備考欄",
        "本シート",
        "all items",
        "answers",
    ];
    let folded = crate::text::fold_width(text).to_lowercase();
    OF.iter().any(|w| folded.contains(w))
}

/// Whether a remark on a row of no item is the list's rule for the items of a kind (`※
/// 未対応の項目は別途協議`, `※ CSP回答待ちの場合は再確認`: closing-12), naming no id: what stands
/// against an item only names the kind (before `の項目は`, `の場合は`, `のものは`), and what is done
/// with them says nothing against one. `※ 一部の項目は未対応` says some are: not such a rule.
fn handles_a_kind(column: &str, text: &str, as_of: crate::date::Date) -> bool {
    let Some((kind, rest)) = ["の項目については", "の項目は", "の場合は", "のものは"]
        .iter()
        .find_map(|w| text.split_once(w))
    else {
        return false;
    };
    // the rule's shape only (review 22 A-4): the kind a word alone (`未対応`, `CSP回答待ち`,
    // `指摘事項のある`), the handling a phrase alone — no id, title, count, part, qualifier or
    // deferral beside them (`※ 未対応の項目はS-01、別途協議`, `※ 一部未対応の項目は別途協議`,
    // `※ 未対応の項目は別途協議。現時点で2件`, `※ 未対応の項目は他サービスで対応`)
    const HANDLING: &[&str] = &[
        "別途協議",
        "別途協議とする",
        "別途協議する",
        "別途協議します",
        "個別協議",
        "個別に協議",
        "別途確認",
        "再確認",
        "cspに再確認",
        "別途相談",
    ];
    let word = header_key(kind);
    let word = word.trim_start_matches(['※', '*', '＊', '・', '-']);
    let word = word.strip_prefix("csp").unwrap_or(word);
    let word = ["のある", "がある"]
        .iter()
        .find_map(|w| word.strip_suffix(w))
        .unwrap_or(word);
    let handling = header_key(rest);
    let handling = handling.trim_end_matches(['。', '.']);
    named_now(text).is_empty()
        && (note_matters().iter().any(|m| m == word) || PENDING_JA.contains(&word))
        && HANDLING.contains(&handling)
        && note_words_against(column, kind, as_of)
        && !note_words_against(column, rest, as_of)
        && pending_in(rest).is_none()
        && crate::date::dates_in(rest).is_empty()
}

/// Whether `text` names the check item `id` (an id of the list's own, holding a letter and
/// a digit: `Q2`, `S-01`) as a word, not inside a longer one (`Q21`, `AQ2`). A bare number
/// (`2`) is not read as an id: it may be a count (`上記2項目`).
fn names_item(text: &str, id: &str) -> bool {
    let id = id.trim();
    let folded = crate::text::fold_width(text).to_lowercase();
    let id = crate::text::fold_width(id).to_lowercase();
    if id.starts_with('#')
        || !id.chars().any(|c| c.is_ascii_digit())
        || !id.chars().any(|c| c.is_alphabetic())
    {
        return false;
    }
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    folded.match_indices(&id).any(|(i, _)| {
        !word(folded[..i].chars().next_back()) && !word(folded[i + id.len()..].chars().next())
    })
}

/// The level a row of no item states ([`stated_level_beside_in`](crate::analysis::procedures::stated_level_beside_in):
/// `保存期間は7年以上`, `Logs are kept for 7 years`), read as a note beside an item is.
fn level_alone(text: &str) -> Option<String> {
    crate::analysis::procedures::stated_level_beside_in(&crate::analysis::procedures::fold(text))
}

/// The id (width folded, lower case) an unlabelled note row names its item by at its
/// start: `項番2は往査で確認`, `No.2：往査`, `番号2：当社監査`, `2番は当社監査`, `Item 2: on-site
/// audit` — the id then a particle or a mark (`は`, `の`, `:`, `、`), not a text going on
/// (`No.2 サーバ`), nor a count (`2番目`, `番号体系`). Review 25 A-2; a labelled note row
/// (`備考：…`) is a footnote, refused when it asks for a level.
fn note_names_item(text: &str) -> Option<String> {
    let folded = crate::text::fold_width(text.trim()).to_lowercase();
    let id_of = |r: &str| -> Option<String> {
        let r = r.trim_start_matches([' ', '.', '#']);
        let id: String = r
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
            .collect();
        let id = id.trim_end_matches('.');
        let rest = r[id.len()..].trim_start_matches('.').trim_start();
        let said = rest.is_empty()
            || rest.starts_with(['は', 'の', 'も', ':', '、', ',', '(', '='])
            || rest.starts_with("について");
        (id.starts_with(|c: char| c.is_ascii_digit()) && said).then(|| id.to_owned())
    };
    for lead in ["項番", "番号", "no.", "no", "item ", "#"] {
        if let Some(r) = folded.strip_prefix(lead) {
            return id_of(r);
        }
    }
    let digits: String = folded.chars().take_while(char::is_ascii_digit).collect();
    let rest = folded[digits.len()..].strip_prefix('番')?;
    (!digits.is_empty()
        && !rest.starts_with(['目', '号'])
        && rest.starts_with(['は', 'の', ':', '、']))
    .then_some(digits)
}

/// Whether a remark on a row of no item points at the item(s) above it, and at how many:
/// `↑`, `上記`, `上の` (first), `前項`, `前記`, `前述`, `同項目`, `同上`, `（補足）`/`【補足】`/`補足:`
/// (first), `above` as a word: `Some(1)`, or the number it names (`上記2項目`, `上の２つ`,
/// `上記二項目`, `両項目`, `the two items above`), `usize::MAX` for all of them (`上記すべて`,
/// `上記全項目`, `all of the above`). `以上の`, `向上の`, `運用上の`, `上記以外` point nowhere.
fn points_up(text: &str) -> Option<usize> {
    let t = text.trim_start_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '※' | '*' | '＊' | '・' | '-' | '－' | '(' | '（' | '[' | '［'
            )
    });
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let up = text.contains('↑')
        || ["上記", "前項", "前記", "前述", "同項目", "同上"]
            .iter()
            .any(|w| {
                text.match_indices(w).any(|(i, _)| {
                    !text[..i].ends_with(['以', '事', '直'])
                        && !text[i + w.len()..].starts_with("以外")
                })
            })
        || t.starts_with("上の")
        || [
            "（補足）",
            "(補足)",
            "【補足】",
            "補足:",
            "補足：",
            "補足）",
            "補足)",
        ]
        .iter()
        .any(|w| text.trim_start().starts_with(w) || t.starts_with(w))
        || words.contains(&"above");
    if !up {
        return None;
    }
    let all = ["すべて", "全て", "全項目", "いずれも", "全部", "各項目"]
        .iter()
        .any(|w| text.contains(w))
        || lower.contains("all of the above")
        || lower.contains("all items above")
        || lower.contains("all the items above")
        || lower.contains("each of the above");
    if all {
        return Some(usize::MAX);
    }
    if text.contains("両項目") || text.contains("上記両") || words.contains(&"both") {
        return Some(2);
    }
    Some(counted(text).or_else(|| english_count(&words)).unwrap_or(1))
}

/// The number before a counter word (`2項目`, `２件`, `二つ`, `3点`): how many items a
/// remark names.
fn counted(text: &str) -> Option<usize> {
    const COUNTERS: &[&str] = &["項目", "件", "つ", "点", "個", "行", "問"];
    let chars: Vec<char> = text.chars().collect();
    for (i, _) in chars.iter().enumerate() {
        let rest: String = chars[i..].iter().collect();
        if !COUNTERS.iter().any(|w| rest.starts_with(w)) {
            continue;
        }
        // the digits (or one kanji numeral) right before the counter, a space or の between
        let mut j = i;
        while j > 0 && matches!(chars[j - 1], ' ' | '\u{3000}' | 'の') {
            j -= 1;
        }
        let mut n: Option<usize> = None;
        let mut place = 1;
        while j > 0 {
            let Some(d) = chars[j - 1].to_digit(10).or_else(|| {
                ('０'..='９')
                    .contains(&chars[j - 1])
                    .then(|| chars[j - 1] as u32 - '０' as u32)
            }) else {
                break;
            };
            n = Some(n.unwrap_or(0) + d as usize * place);
            place *= 10;
            j -= 1;
        }
        if n.is_none() && j > 0 {
            n = "一二三四五六七八九十"
                .chars()
                .position(|k| k == chars[j - 1])
                .map(|p| p + 1);
        }
        if let Some(n) = n.filter(|&n| n > 0) {
            return Some(n);
        }
    }
    None
}

/// The number of an English remark's items (`the two items above`, `above 3 items`).
fn english_count(words: &[&str]) -> Option<usize> {
    const NUMBERS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    words.windows(2).find_map(|w| {
        if !matches!(
            w[1],
            "items" | "item" | "rows" | "row" | "questions" | "lines"
        ) {
            return None;
        }
        w[0].parse::<usize>()
            .ok()
            .or_else(|| NUMBERS.iter().position(|n| *n == w[0]).map(|p| p + 1))
            .filter(|&n| n > 0)
    })
}

/// How a cell comment added to an item's note is named there (`メモ(B2): …`), and the note's
/// column when the list has none.
const COMMENTS_COLUMN: &str = "メモ";

/// Whether `s` holds a digit, ASCII or full width (`０`–`９`), found character by character
/// from its start (an id's or a reference's digit comes early).
fn holds_digit(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// Whether a row's one cell is a footnote: marked `※`, `＊`, `*`, `†`, `注`/`(注)` before a
/// number, a colon or a space, `出典`, `Note:`, a note label `備考：`/`補足：`/`【備考】`.
fn is_footnote(cell: &str) -> bool {
    let t = cell.trim_start();
    if t.starts_with(['※', '＊', '*', '†']) || t.starts_with("出典") {
        return true;
    }
    let lower = t.to_ascii_lowercase();
    if [
        "note:",
        "notes:",
        "remarks:",
        "remark:",
        "comment:",
        "comments:",
    ]
    .iter()
    .any(|l| lower.starts_with(l))
    {
        return true;
    }
    // the labels of a Japanese note line (`備考：項番2はオンサイトで確認`, `【補足】…`; review
    // 25 A-2: read as an item of its own)
    for label in [
        "備考",
        "補足",
        "メモ",
        "参考",
        "【備考】",
        "【補足】",
        "[備考]",
        "［備考］",
    ] {
        if let Some(rest) = t.strip_prefix(label) {
            if label.ends_with(['】', ']', '］'])
                || rest.starts_with([':', '：', ' ', '\u{3000}', ')', '）'])
            {
                return true;
            }
        }
    }
    let after = t
        .strip_prefix("(注")
        .or_else(|| t.strip_prefix("（注"))
        .or_else(|| t.strip_prefix('注'));
    after.is_some_and(|a| {
        a.starts_with(|c: char| {
            c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || matches!(c, ':' | '：' | ')' | '）' | ' ' | '\u{3000}' | '記' | '意')
        })
    })
}

/// Marks a section heading starts with (`■ 物理的対策`, `【暗号】`).
const HEADING_MARKS: &[char] = &[
    '■', '□', '◆', '◇', '●', '○', '◎', '▲', '△', '▼', '▽', '▶', '▷', '★', '☆', '【', '［', '《',
    '〈', '＜',
];

/// Whether a row's text reads as a section heading (`■ 物理的対策`, `【暗号】`, `アクセス管理`):
/// short, and no question or requirement (no `。`, `？`, no sentence ending such as `こと`,
/// `か`, `ください`, `ます`). A requirement marker (`【必須】`) or a heading mark before a
/// sentence does not make it one: a row dropped as a heading must never hide a gap.
fn is_heading_text(text: &str) -> bool {
    /// At most about 20 Japanese characters (a character outside ASCII counts 2).
    const MAX_WIDTH: usize = 40;
    /// Endings of a question or a requirement.
    const SENTENCE_ENDS: &[&str] = &[
        "こと",
        "か",
        "ください",
        "下さい",
        "ている",
        "ておる",
        "する",
        "ます",
        "ません",
        "できる",
        "ない",
        "です",
        "である",
        "れる",
        "べき",
        "ること",
    ];
    let folded = crate::text::fold_width(text);
    let mut t = folded.trim();
    // the marks and a bracketed label (`【必須】`) before the text
    loop {
        let rest = match t.strip_prefix('【').and_then(|r| r.split_once('】')) {
            Some((_, after)) if !after.trim().is_empty() => after,
            _ => t.trim_start_matches(|c| c != '【' && HEADING_MARKS.contains(&c)),
        }
        .trim_start();
        if rest.len() == t.len() {
            break;
        }
        t = rest;
    }
    let width: usize = t.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    let end = t.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | '、' | ',' | ')' | '）' | '」' | '!' | '！')
    });
    width <= MAX_WIDTH
        && !t.contains(['。', '？', '?'])
        && !SENTENCE_ENDS.iter().any(|e| end.ends_with(e))
}

/// Whether a cell names a total (`合計`, `小計`, `Total`).
fn is_total_word(text: &str) -> bool {
    matches!(
        header_key(text).as_ref(),
        "合計"
            | "計"
            | "総計"
            | "小計"
            | "合計数"
            | "項目数"
            | "件数"
            | "total"
            | "subtotal"
            | "grandtotal"
            | "sum"
            | "count"
    )
}

/// Whether a cell is a count (`7`, `7項目`, `12件`, `3 items`).
fn is_count(text: &str) -> bool {
    let folded = crate::text::fold_width(text).to_lowercase();
    let n = folded
        .trim()
        .trim_end_matches("items")
        .trim_end_matches(['件', '個', '項', '目', '問'])
        .trim();
    !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())
}

/// Whether id `id` is numbered under id `over` (`1-1`, `1.1`, `1_1` under `1`).
fn numbered_under(id: &str, over: &str) -> bool {
    let over = over.trim_end_matches(['-', '.', '_', '－', '．', '‐', '・']);
    !over.is_empty()
        && id.strip_prefix(over).is_some_and(|rest| {
            rest.starts_with(['-', '.', '_', '－', '．', '‐', '・']) && rest.chars().count() > 1
        })
}

/// The control ids a text written as prose names ([`reftext::prose_ids`]), known ids
/// being those of the chosen catalog ([`use_catalog`]; the embedded one until then): for
/// what the reader decides of a row (an item, the names column).
///
/// [`reftext::prose_ids`]: crate::catalog::reftext::prose_ids
fn named_ids(text: &str) -> Vec<String> {
    crate::catalog::reftext::prose_ids(text, &in_catalog)
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// A column's filled cells (row, text) as a column of ids: the first cell of ids, when
/// cells holding control ids and nothing else ([`is_ids_cell`]) are half of them or more.
fn column_of_ids<'a>(cells: impl Iterator<Item = (usize, &'a str)>) -> Option<(usize, &'a str)> {
    column_of_ids_by(cells, is_ids_cell)
}

/// [`column_of_ids`], whether a cell is one of ids told by `is_ids` ([`is_ids_cell`]).
fn column_of_ids_by<'a>(
    cells: impl Iterator<Item = (usize, &'a str)>,
    mut is_ids: impl FnMut(&'a str) -> bool,
) -> Option<(usize, &'a str)> {
    let (mut filled, mut ids, mut first) = (0, 0, None);
    for (row, text) in cells {
        filled += 1;
        if is_ids(text) {
            ids += 1;
            first = first.or(Some((row, text)));
        }
    }
    first.filter(|_| ids * 2 >= filled)
}

/// Whether a cell holds control ids and nothing else but separators (`9.2.4`, `9.2.1,
/// 9.2.4`, `A.9.2.1`): a cell of a references column.
fn is_ids_cell(text: &str) -> bool {
    is_ids_cell_named(text, &named_ids(text))
}

/// [`is_ids_cell`], `ids` the ids `text` names ([`named_ids`]).
fn is_ids_cell_named(text: &str, ids: &[String]) -> bool {
    if ids.is_empty() {
        return false;
    }
    let mut rest = text.to_owned();
    for id in ids {
        rest = rest.replacen(id.as_str(), "", 1);
    }
    rest.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    ',' | '、'
                        | '，'
                        | '・'
                        | '/'
                        | '／'
                        | ';'
                        | '；'
                        | '('
                        | ')'
                        | '（'
                        | '）'
                        | '['
                        | ']'
                        | '【'
                        | '】'
                        | '|'
                        | '｜'
                )
        })
        .count()
        <= 2
}

/// Whether a header names a column of answers to the check items (`CSP回答`, `回答`,
/// `事業者回答`, `回答欄`, `回答内容`, `対応状況`, `Answer`, `Response`, `Vendor response`).
pub(crate) fn names_answers(header: &str) -> bool {
    let key = header_key(header);
    ["回答", "answer", "response"]
        .iter()
        .any(|w| key.contains(w))
        || ["対応状況", "対応可否"].contains(&&*key)
}

/// The first word of a cell, width-folded and lower-cased (`いいえ、共有している` → `いいえ`).
fn first_word(value: &str) -> String {
    let folded = crate::text::fold_width(value).to_lowercase();
    folded
        .split(|c: char| c.is_whitespace() || "、,。.:：;；(（".contains(c))
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_owned()
}

/// Whether an answer says no or in part (`×`, `△`, `いいえ`, `No`, `Partial`, `一部対応`,
/// `未対応`), alone or as its first word (`いいえ、共有している`); `x` too (a cross to some,
/// a check mark to others).
fn is_negative_answer(value: &str) -> bool {
    let first = first_word(value);
    let first = first.as_str();
    [
        "×",
        "✕",
        "✖",
        "x",
        "△",
        "▲",
        "いいえ",
        "否",
        "不可",
        "no",
        "partial",
        "partially",
        "一部",
        "一部対応",
        "一部実施",
        "未対応",
        "非対応",
        "対応不可",
        "未実施",
    ]
    .contains(&first)
}

/// A carried column's header saying which check items this procurement asks
/// ([`applicability_header`]).
#[derive(Debug, Clone, PartialEq, Eq)]
struct ApplicabilityHeader {
    /// A note in brackets after it (`適用（案）`): whether the marks are final cannot be told.
    qualifier: Option<String>,
    /// Named by its negative (`本件対象外`, `確認不要`): a mark (`○`, `Yes`)
    /// says the item is not asked, no mark (`×`, `No`, blank) that it is (review 17 C-1).
    negative: bool,
}

/// Whether a carried column's header says which check items this procurement asks
/// (`適用`, `対象`, `要否`, `本件適用`, `適用有無`, `確認要否`, `Applicable`, `In scope`), or
/// names its negative for this procurement or the buyer's check (`本件対象外`, `本件適用外`,
/// `確認不要`, `確認対象外`, `対象外フラグ`), with a note in brackets after it
/// (`適用（案）`) or none; `None` for another header (review 15 B-1).
fn applicability_header(header: &str) -> Option<ApplicabilityHeader> {
    const HEADERS: [&str; 16] = [
        "適用",
        "対象",
        "要否",
        "本件適用",
        "本件対象",
        "本件要否",
        "適用有無",
        "対象有無",
        "適用要否",
        "適用可否",
        "確認要否",
        "確認対象",
        "applicable",
        "applicability",
        "inscope",
        "required",
    ];
    // only headers naming this procurement or the buyer's own check: a bare `対象外`,
    // `適用外`, `Not applicable`, `Excluded` is how a questionnaire copied from a CSP's answers
    // marks the CSP's own exclusions, which must not drop an item as not asked (review 18 A-2)
    const NEGATIVE: [&str; 8] = [
        "対象外フラグ",
        "除外フラグ",
        "本件対象外",
        "本件適用外",
        "本件除外",
        "確認不要",
        "確認対象外",
        "本件確認不要",
    ];
    let key = crate::text::header_key(header);
    let (head, qualifier) = match key.split_once('(') {
        Some((head, rest)) => (head, rest.trim_end_matches(')')),
        None => (&*key, ""),
    };
    // a question mark closing it asks the same (`Applicable?`, `In Scope?`: review 21 B-2)
    let head = head.trim_end_matches(['?', '？']);
    // `Scope` of a questionnaire or a GRC export: in scope or not, as `In scope` (a column
    // of scope descriptions, `全社`, `本番環境`, marks nothing not asked and is carried)
    let head = if head == "scope" { "inscope" } else { head };
    let negative = NEGATIVE.contains(&head);
    (negative || HEADERS.contains(&head)).then(|| ApplicabilityHeader {
        qualifier: (!qualifier.is_empty()).then(|| qualifier.to_owned()),
        negative,
    })
}

/// What a cell of an applicability column says: `Some(true)` the item is asked (`○`, `要`,
/// `必須`, `対象`, `Yes`, `Required`, `TRUE`) or the cell is empty (judged, as without the
/// column), `Some(false)` not asked (`×`, `不要`, `対象外`, `非適用`, `無`, `No`, `N/A`,
/// `Not required`, `Excluded`, `FALSE`), `None` words the tool does not read either way (`△`,
/// `要検討`, `任意`, `Optional`, `要確認`, `-`, `x`, a value with a note). The marks are those of
/// a CSP's check-mark matrix ([`crate::input::csp::vocab::check_cell`]: `●`, `◎`, `レ`, `✗`,
/// `1`/`0`, a workbook's TRUE/FALSE), read only as written whole (`No*`, `1.` are not).
/// Under a header naming the negative (`negative`: `本件対象外`, `確認不要`) a mark says the
/// opposite (`○`, `Yes`: not asked; `×`, `No`: asked), a word keeps its own sense (`対象外`,
/// `不要`: not asked; `対象`, `必須`: asked), an empty cell is asked, and a no that may be
/// either (`非該当`, `該当なし`, `N/A`: not excluded, or not applicable?) is not read.
fn applicability(value: &str, negative: bool) -> Option<bool> {
    use crate::input::csp::vocab::{check_cell, Check};
    // words saying it under either header
    const ASKED: [&str; 12] = [
        "要",
        "必要",
        "必須",
        "対象",
        "適用",
        "applicable",
        "in scope",
        "in-scope",
        "はい",
        "must",
        "required",
        "mandatory",
    ];
    const NOT_ASKED: [&str; 14] = [
        "不要",
        "対象外",
        "本件対象外",
        "適用外",
        "非適用",
        "適用しない",
        "除外",
        "除外対象",
        "not applicable",
        "out of scope",
        "out-of-scope",
        "not in scope",
        "not required",
        "excluded",
    ];
    // a no under the applicability header, but under its negative not excluded or excluded
    const NOT_APPLICABLE: [&str; 4] = ["非該当", "該当なし", "n/a", "na"];
    // marks of yes and no the matrix does not read (`╳` a box-drawing cross)
    const YES: [&str; 3] = ["有り", "あり", "該当"];
    const NO: [&str; 4] = ["╳", "無し", "なし", "否"];
    // a cell of several lines (an item over several rows, each with its own mark: review 22
    // B-2) reads only when every line reads the same
    if value.trim().contains('\n') {
        let mut lines = value.lines().filter(|l| !l.trim().is_empty());
        let first = applicability(lines.next().unwrap_or(""), negative)?;
        return lines
            .all(|l| applicability(l, negative) == Some(first))
            .then_some(first);
    }
    let v = crate::text::fold_width(value.trim()).to_lowercase();
    if v.is_empty() || ASKED.contains(&v.as_str()) {
        return Some(true);
    }
    if NOT_ASKED.contains(&v.as_str()) {
        return Some(false);
    }
    if NOT_APPLICABLE.contains(&v.as_str()) {
        return (!negative).then_some(false);
    }
    let yes = if YES.contains(&v.as_str()) {
        true
    } else if NO.contains(&v.as_str()) {
        false
    } else if dash_or_blank(&v) || header_key(&v) != v {
        // a mark of the matrix, as written whole (its key drops `*`, `.`: a footnote mark)
        return None;
    } else {
        match check_cell(&v) {
            Check::Selected => true,
            Check::NotSelected => false,
            Check::Unreadable => return None,
        }
    };
    Some(yes != negative)
}

/// Whether an applicability cell not read whole opens with a not asked (`N/A - inherited`,
/// `No: covered by the IaaS`, `対象外（別途確認）`, `Out of scope, see note`): the column then
/// marks the item not asked with a note, which is not read either way (review 21 B-2).
fn says_not_asked_with_more(value: &str, negative: bool) -> bool {
    let v = value.trim();
    let head = v
        .split(|c: char| "-–—:：(（,、;；".contains(c))
        .next()
        .unwrap_or("")
        .trim();
    !head.is_empty() && head != v && applicability(head, negative) == Some(false)
}

/// Whether an applicability header asks whether the item applies, so that its cells are
/// marks, never descriptions (`適用可否`, `適用有無`, `要否`, `Applicable`, `Applicable?`,
/// `In Scope?`): not `Scope`, `対象`, `適用`, which may hold the scope's description (`全社`,
/// `本番環境`), nor a header naming the negative (its unread cells refuse the column).
fn asks_applicability(header: &str) -> bool {
    let Some(h) = applicability_header(header) else {
        return false;
    };
    let key = crate::text::header_key(header);
    let head = key.split('(').next().unwrap_or("");
    let asked = head.ends_with(['?', '？']);
    let head = head.trim_end_matches(['?', '？']);
    !h.negative && (asked || !["scope", "対象", "適用"].contains(&head))
}

/// Whether an applicability cell read neither way says the item applies only in part, through
/// another party or to the customer (`Yes (partial)`, `Yes - inherited`, `Yes*`, `Partial`,
/// `Inherited`, `Shared`, `共有`, `Customer`, `一部`): a qualified yes (review 22 A-15); or
/// limits the scope in words (`Production only`, `本番環境のみ`, `Tokyo only`, `本番環境に限る`,
/// `All except DR`, `DRサイトを除く`, `本番以外`, `Limited`): the item then applies to part of
/// what the CSP's statement covers, which the tool does not compare (fix32-grc). A
/// description limiting nothing (`全社`, `本番環境`, `Global`, `All`) is neither.
fn qualified_yes(value: &str, negative: bool) -> bool {
    const QUALIFIERS: [&str; 17] = [
        "partial",
        "partly",
        "inherit",
        "shared",
        "customer",
        "hybrid",
        "conditional",
        "一部",
        "部分",
        "共有",
        "共同",
        "継承",
        "顧客",
        "条件付",
        "限定",
        "利用者側",
        "利用者責任",
    ];
    // words limiting the scope: Japanese anywhere, English as whole words
    const LIMITS: [&str; 9] = [
        "のみ", "だけ", "限る", "限り", "限ら", "除く", "除き", "除外", "以外",
    ];
    const LIMIT_WORDS: [&str; 13] = [
        "only",
        "solely",
        "except",
        "excepting",
        "excluding",
        "exclude",
        "excludes",
        "excl",
        "limited",
        "restricted",
        "subset",
        "some",
        "certain",
    ];
    const LIMIT_PHRASES: [&str; 4] = ["not including", "other than", "but not", "apart from"];
    let v = crate::text::fold_width(value.trim()).to_lowercase();
    let limits = LIMITS.iter().any(|w| v.contains(w))
        || v.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| LIMIT_WORDS.contains(&w))
        || LIMIT_PHRASES.iter().any(|p| v.contains(p));
    let head = v
        .split(|c: char| "-–—:：(（,、;；*＊※/／".contains(c))
        .next()
        .unwrap_or("")
        .trim();
    let asked_with_more =
        !head.is_empty() && head != v && applicability(head, negative) == Some(true);
    asked_with_more || limits || v == "利用者" || QUALIFIERS.iter().any(|q| v.contains(q))
}

/// Whether an applicability cell of several lines (an item over several rows, each row's mark
/// joined: [`Items::continue_item`]) holds lines read differently (`○` over `×`, `Yes` over
/// `Partial`, `対象` over `対象外`, `○` over a description): which of them is the item's cannot
/// be told (review 22 B-2). Lines read neither way alike (`全社` over `本番環境` under `Scope`)
/// do not disagree; one line alone never does.
fn lines_disagree(value: &str, negative: bool) -> bool {
    let mut read = value
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| applicability(l, negative));
    let Some(first) = read.next() else {
        return false;
    };
    read.any(|r| r != first)
}

/// `message` on the first of the rows `refused` (row, cell), naming the others after it, so
/// that every row refused is told in one run (review 13 C-7: a run a row).
fn with_other_rows(message: String, refused: &[(usize, &str)]) -> String {
    match refused.get(1..).filter(|more| !more.is_empty()) {
        Some(more) => {
            let rows: Vec<String> = more.iter().map(|(r, _)| r.to_string()).collect();
            format!("{message} (also rows {})", rows.join(", "))
        }
        None => message,
    }
}

/// Whether a header names the buyer's own evaluation of the check items (`評価`, `自社評価`,
/// `前回評価`, `評価結果`, `確認結果`, `判定`, `Evaluation`, `Result`), a note in brackets
/// after it aside (`評価（○/△/×）`) — not the result of a procedure for an assurance level
/// (`SOC2確認結果`, beside the assurance column) nor the CSP's answers ([`names_answers`]).
fn names_evaluation(header: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "評価",
        "評価結果",
        "確認結果",
        "判定",
        "判定結果",
        "チェック結果",
        "点検結果",
        "監査結果",
        "審査結果",
        // a result of any kind (`前回結果`), and the usual words of a buyer's own check
        // (`適否`, `合否`, `所見`, `指摘事項`: review 14 A-14)
        "結果",
        "適否",
        "合否",
        "可否",
        "適合性",
        "充足状況",
        "所見",
        "指摘",
        "指摘事項",
        // findings or deficiencies asked yes/no (review 16 A-8: `指摘有無`, `不備`, `是正要否`)
        "指摘有無",
        "不備",
        "不備有無",
        "是正要否",
        // the state of the buyer's own check, and whether the requirement is met (review 17
        // A-4: `確認状況 | NG`, `要件充足 | ×`, `Review status | Fail`, `RAG | Red`)
        "確認状況",
        "確認ステータス",
        "チェック状況",
        "充足",
        // the result of an audit or a test and whether the control works or conforms
        // (review 21 A-7: `Audit result`, `Test outcome`, `有効性`, `監査意見`, `適合状況`)
        "有効性",
        "監査意見",
        "適合状況",
        "準拠状況",
        "result",
        "outcome",
    ];
    const WHOLE: &[&str] = &[
        "meetsrequirement",
        "meetsrequirements",
        "requirementsmet",
        "effectiveness",
        "effective",
        "controleffective",
        "compliancestatus",
        "conformity",
        "conformance",
        "compliant",
        "auditopinion",
        "reviewstatus",
        "checkstatus",
        "rag",
        "ragstatus",
        "requirementmet",
        "met",
        "結果",
        "compliance",
        "finding",
        "findings",
        "gap",
        "gaps",
        "passfail",
        "pass/fail",
        "okng",
        "ok/ng",
        "evaluation",
        "assessment",
        "result",
        "results",
        "rating",
        "evaluationresult",
        "assessmentresult",
    ];
    let key = header_key(header);
    let head = asked_head(&key);
    // what a test is to show (`Expected result`, `期待結果`) is the item's text, no result
    let expected = ["expected", "desired", "intended", "target", "期待", "想定"]
        .iter()
        .any(|w| head.starts_with(w));
    (ENDINGS.iter().any(|w| head.ends_with(w)) || WHOLE.contains(&head))
        && !expected
        // `適用可否`: whether the item is asked ([`applicability_header`], review 21 B-2)
        && applicability_header(header).is_none()
        && !names_answers(header)
        && !names_assurance_level(header)
}

/// Whether an evaluation header ([`names_evaluation`]) names the result of an audit or a test
/// or a state of compliance (`Audit result`, `Test outcome`, `確認結果`, `有効性`, `監査意見`,
/// `適合状況`, `Compliance Status`, `Meets requirement?`): a value there is a verdict, where a
/// dash says none was given — not a bare evaluation (`評価`, `判定`) or a state of the check
/// (`確認状況`), where a dash is a mark of nothing found.
fn names_result(header: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "result",
        "results",
        "outcome",
        "結果",
        "有効性",
        "監査意見",
        "適合状況",
        "準拠状況",
        "適合性",
        "充足状況",
        "合否",
        "適否",
    ];
    const WHOLE: &[&str] = &[
        "meetsrequirement",
        "meetsrequirements",
        "requirementsmet",
        "requirementmet",
        "met",
        "effectiveness",
        "effective",
        "controleffective",
        "compliancestatus",
        "compliance",
        "compliant",
        "conformity",
        "conformance",
        "auditopinion",
        "passfail",
        "pass/fail",
    ];
    let key = header_key(header);
    let head = asked_head(&key);
    names_evaluation(header) && (ENDINGS.iter().any(|w| head.ends_with(w)) || WHOLE.contains(&head))
}

/// Whether a value of the buyer's own result or evaluation column ([`names_evaluation`]; not
/// one naming findings, where `N/A` says there is none) says the item does not apply or was
/// not evaluated, whole: `N/A`, `NA`, `Not applicable`, `非該当`, `対象外`, `適用外`, and under a
/// result's header ([`names_result`]) `該当なし` and a dash (`-`, `－`). That is no result of
/// met (the item is left not analysed), nor a finding to refuse the whole list for (fix32-grc).
fn result_not_applicable(header: &str, value: &str) -> bool {
    if !names_evaluation(header) || names_findings(header) {
        return false;
    }
    let v = evaluation_word(value);
    [
        "n/a",
        "na",
        "n.a",
        "not applicable",
        "非該当",
        "対象外",
        "適用外",
    ]
    .contains(&v.as_str())
        || names_result(header) && (v == "該当なし" || !v.is_empty() && dash_or_blank(&v))
}

/// Whether a carried column's header names each row's framework (`Framework`,
/// `フレームワーク`: `Some(true)`) or standard (`Standard`, `規格`, `準拠基準`: `Some(false)`):
/// the GRC export of several frameworks mapped in one references column (review 21 A-3).
fn names_framework(header: &str) -> Option<bool> {
    let head = header_key(header);
    let head = asked_head(&head);
    if ["framework", "frameworkname", "フレームワーク"].contains(&head) {
        return Some(true);
    }
    [
        "standard",
        "standardname",
        "規格",
        "規格名",
        "準拠規格",
        "準拠基準",
        "基準名",
    ]
    .contains(&head)
    .then_some(false)
}

/// Whether a framework cell ([`names_framework`]) states a standard other than ISMAP's:
/// under a framework's header anything but empty, a dash or ISMAP (`PCI DSS v4.0`, `CIS
/// Controls v8`, `ISO/IEC 27001:2013`, `Internal`; not `ISMAP`, `ISMAP管理基準`,
/// `政府情報システムのためのセキュリティ評価制度`), under a standard's header only a standard's
/// name (`ISO/IEC 27001:2013`, `JIS Q 27001`, `NIST SP 800-53`, `PCI DSS`: not `必須`).
fn stated_framework(cell: &str, any: bool) -> bool {
    let folded = crate::text::fold_width(cell).to_lowercase();
    let ismap = folded.contains("ismap") || folded.contains("政府情報システム");
    let standard = || {
        crate::catalog::resolve::other_framework(cell).is_some()
            || ["iso", "jis", "nist", "270"]
                .iter()
                .any(|w| folded.contains(w))
    };
    !dash_or_blank(cell) && !ismap && (any || standard())
}

/// Whether a reference is a bare number, naming no standard (`8.2.1`, `A.8.2`, `CLD.9.5.1`,
/// `８．２．１`): read as the framework a row states ([`Items::add_refs`]).
fn is_bare_number(reference: &str) -> bool {
    let folded = crate::text::fold_width(reference.trim()).to_lowercase();
    let rest = folded
        .strip_prefix("a.")
        .or_else(|| folded.strip_prefix("cld."))
        .unwrap_or(&folded);
    rest.starts_with(|c: char| c.is_ascii_digit())
}

/// Whether a references header is the one a GRC export gives its own record numbers under
/// (`Control Number`, `Control No.`: `GRC-1`, `CTRL0001001`), read as the item's id beside
/// another references column (review 21 C-1).
fn is_record_number(header: &str) -> bool {
    ["controlnumber", "controlno"].contains(&&*header_key(header))
}

/// A header's key before a note in brackets, a question mark closing it aside: a header
/// asked as a question names the same column (`Meets requirement?`, `Implemented?`,
/// `Compliant?`: review 21 A-7).
fn asked_head(key: &str) -> &str {
    key.split(['(', '['])
        .next()
        .unwrap_or("")
        .trim_end_matches(['?', '？'])
}

/// Whether a carried column's header names the state of the item's control in the buyer's
/// list (`Status`, `Control status`, `状況`, `実施状況`, `Implemented?`, `Control in place`,
/// `Y/N`, `実施有無`), a note in brackets or a question mark after it aside — not the buyer's
/// evaluation ([`names_evaluation`]), the CSP's answers ([`names_answers`]), the item's
/// applicability nor a gap's or a remediation's status (their own rules): only a value of
/// met, done or in place reads there ([`reads_as_in_place`], review 21 A-7).
fn names_status(header: &str) -> bool {
    const WHOLE: &[&str] = &[
        "status",
        "ステータス",
        "状況",
        "状態",
        "進捗",
        "progress",
        "controlstatus",
        "implementationstatus",
        "implemented",
        "inplace",
        "controlinplace",
        "y/n",
        "yn",
        "yes/no",
        "実施状況",
        "実施有無",
        "実装状況",
        "導入状況",
        "整備状況",
        "運用状況",
        "対応有無",
    ];
    let key = header_key(header);
    let head = asked_head(&key);
    WHOLE.contains(&head)
        && !names_evaluation(header)
        && !names_answers(header)
        && applicability_header(header).is_none()
        && !inverted_header(header)
}

/// Whether a carried column's header names the status of a remediation, a gap or a finding
/// (`是正状況`, `改善状況`, `指摘事項の対応状況`, `Remediation status`): a header naming a gap, a
/// finding or remediation ([`inverted_header`]) with a word of status — read item by item
/// ([`Items::mark_unread_status`]: an item not settled is not analysed, the rest of the list
/// read), not refusing the whole list (review 23 C-8).
fn names_remediation_status(header: &str) -> bool {
    let key = header_key(header);
    inverted_header(header)
        && ["状況", "状態", "ステータス", "status", "進捗", "progress"]
            .iter()
            .any(|w| key.contains(w))
        && !names_evaluation(header)
        && !names_answers(header)
        && applicability_header(header).is_none()
}

/// Whether a value under a status header ([`names_status`]) says the control is met, done or in
/// place, whole: a mark of met ([`is_met_evaluation`] but `N/A`), a check done
/// ([`is_done_evaluation`]), a yes of an answer (`実施`, `対応済`, `有`) or a record in effect
/// (`Implemented`, `In place`, `Active`, `Approved`, `運用中`, `TRUE`, `1`). Anything else
/// (`NC`, `Open`, `Observation`, `Inherited`, `免除`) is a status the tool does not read.
fn reads_as_in_place(value: &str) -> bool {
    const IN_PLACE: &[&str] = &[
        "implemented",
        "fully implemented",
        "in place",
        "active",
        "approved",
        "published",
        "current",
        "in effect",
        "operational",
        "operating",
        "operating effectively",
        "implemented - fully",
        "implemented (100%)",
        "implemented (verified)",
        "100%",
        "verified",
        "deployed",
        "enabled",
        "live",
        "in production",
        "true",
        "1",
        "実施",
        "実施済",
        "実施済み",
        "実装済",
        "実装済み",
        "導入済",
        "導入済み",
        "対応済",
        "対応済み",
        "整備済",
        "整備済み",
        "運用中",
        "稼働中",
        "是正済",
        "是正済み",
        "是正完了",
        "修正済",
        "修正済み",
        "承認済",
        "承認済み",
        "有",
        "有り",
        "あり",
    ];
    let whole = evaluation_word(value);
    (is_met_evaluation(value) && !["n/a", "na"].contains(&whole.as_str()))
        || is_done_evaluation(value)
        || IN_PLACE.contains(&whole.as_str())
}

/// Whether an evaluation says the item is deficient or met in part: a no or a part as an
/// answer would ([`is_negative_answer`]: `×`, `△`, `否`, `一部`), or `不備あり`, `不適合`,
/// `要改善`, `指摘あり`, `NG`, `Fail` alone or as its first word — not `不備なし`, `適合`, `○`.
fn is_deficient_evaluation(value: &str) -> bool {
    let first = first_word(value);
    let first = first.as_str();
    // `No findings` is a mark of met, not a no
    !is_met_evaluation(value)
        && (is_negative_answer(value)
            || [
                "不備",
                "不備あり",
                "不備有",
                "不備有り",
                "不適合",
                "一部不適合",
                "一部適合",
                "部分適合",
                "要改善",
                "改善要",
                "要是正",
                "要対応",
                "指摘あり",
                "指摘有",
                "指摘有り",
                "指摘事項あり",
                "不十分",
                "未達",
                "不合格",
                // a verdict of the buyer's own earlier analysis
                "未充足",
                "不充足",
                "非充足",
                "一部充足",
                "ng",
                "fail",
                "failed",
                "deficient",
                "nonconformity",
                "noncompliant",
                "non-compliant",
                "nonconforming",
            ]
            .contains(&first))
}

/// The header words of a column recording gaps, findings, exceptions or residual risk: one
/// list for the two rules on them ([`gap_header`]), each word with whether it is a
/// finding's (before a bracket, a mark under it says there is one: [`names_findings`],
/// review 16 A-8) and whether it is one of outstanding work (anywhere in the header, only
/// none reads under it, as under [`crate::input::csp::remarks::header`]'s qualifying words:
/// [`inverted_header`], fix18-cols).
const GAP_HEADER_WORDS: &[(&str, bool, bool)] = &[
    ("指摘", true, false),
    ("所見", true, false),
    ("不備", true, false),
    ("是正", true, false),
    ("不適合", true, false),
    ("finding", true, false),
    ("gap", true, false),
    ("deficien", true, false),
    ("nonconform", true, false),
    ("issue", true, false),
    ("ギャップ", false, true),
    ("残存リスク", false, true),
    ("residualrisk", false, true),
    ("例外", false, true),
    ("exception", true, true),
];

/// What a header says its column records, by [`GAP_HEADER_WORDS`]: whether it names
/// findings (its part before a bracket holding a finding's word), and the first word of
/// outstanding work it holds.
fn gap_header(header: &str) -> (bool, Option<&'static str>) {
    let key = header_key(header);
    let head = key.split(['(', '[']).next().unwrap_or("");
    let findings = GAP_HEADER_WORDS
        .iter()
        .any(|(w, finding, _)| *finding && head.contains(w));
    let outstanding = GAP_HEADER_WORDS
        .iter()
        .find(|(w, _, outstanding)| *outstanding && key.contains(w))
        .map(|(w, ..)| *w);
    (findings, outstanding)
}

/// Whether an evaluation column's header names findings, gaps or deficiencies (`指摘事項`,
/// `指摘有無`, `所見`, `不備`, `是正要否`, `Finding`, `Gap`), where a mark (○, はい, Yes)
/// says there is one (review 16 A-8), a note in brackets aside ([`gap_header`]).
fn names_findings(header: &str) -> bool {
    gap_header(header).0
}

/// Whether a value under a header naming findings ([`names_findings`]) says there is none:
/// a mark of none (blank, `なし`, `指摘なし`, `-`, `No`, `N`, `None`, `No findings`) or a
/// verdict word of met ([`is_met_evaluation`]: `適合`, `合格`, `OK`, `Pass`) — not a mark of
/// presence (`○`, `✓`, `レ`, `はい`, `Yes`, `Y`, `要`) nor `済` (a finding settled is one found).
fn is_no_finding_mark(value: &str) -> bool {
    let whole = evaluation_word(value);
    let whole = whole.as_str();
    const PRESENCE: [&str; 14] = [
        "○",
        "〇",
        "◯",
        "◎",
        "✓",
        "✔",
        "レ",
        "はい",
        "yes",
        "y",
        "済",
        "確認済",
        "確認済み",
        "可",
    ];
    ["no", "n", "いいえ", "無", "否", "不要"].contains(&whole)
        || (is_met_evaluation(value) && !PRESENCE.contains(&whole))
}

/// Whether a value is a bare rating (`高`, `中`, `低`, `High`, `3`, `2.5`), not a finding
/// written beside it (review 16 A-8: `高（MFA未導入）`, `Critical - MFA not enforced`,
/// `受容不可`), in a rating column ([`names_a_rating`]).
fn is_bare_rating(value: &str) -> bool {
    let whole = evaluation_word(value);
    let whole = whole.as_str();
    [
        "高",
        "中",
        "低",
        "大",
        "小",
        "極大",
        "極小",
        "最高",
        "最低",
        "高い",
        "低い",
        "中程度",
        "high",
        "medium",
        "mid",
        "low",
        "critical",
        "very high",
        "very low",
        "h",
        "m",
        "l",
    ]
    .contains(&whole)
        || (!whole.is_empty() && whole.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

/// A risk cell's level: the rating alone (`高`, `High`: [`Risk::parse`]), or the rating of a
/// rating followed by its rationale (`高 - 個人情報を扱うため`, `High: mandatory`:
/// [`rating_rationale`]).
fn parse_rating(value: &str) -> Option<Option<Risk>> {
    Risk::parse(value).or_else(|| Risk::parse(&rating_rationale(value)?))
}

/// The rating of a rating followed by why it is rated so (review 20 C-5: `高 - 個人情報を扱うため`,
/// `High: mandatory`, `高、必須`, `Low - public information`): the words after the rating hold
/// a rationale word (data class, law, obligation, impact: [`RATIONALE`]) and nothing
/// [`says_against`] reads as a finding, a deferral or a limit.
fn rating_rationale(value: &str) -> Option<String> {
    let (rating, text) = rating_with_statement(value)?;
    let folded = crate::text::fold_width(&text).to_lowercase();
    // a negation or a shared secret is a finding whatever else is said (`PII not encrypted`)
    const FINDING: &[&str] = &[
        "未", "不", "無", "ない", "なし", "欠", "共有", "予定", "not", "no ", "n't", "without",
        "lack", "missing", "shar", "plan",
    ];
    (RATIONALE.iter().any(|w| folded.contains(w))
        && !FINDING.iter().any(|w| folded.contains(w))
        && says_against("risk", &text).is_none())
    .then_some(rating)
}

/// Words that say why an item is rated so, not what is found on it ([`rating_rationale`]).
const RATIONALE: &[&str] = &[
    "個人情報",
    "個人データ",
    "機密",
    "完全性",
    "可用性",
    "法令",
    "法的",
    "規制",
    "必須",
    "推奨",
    "任意",
    "影響",
    "業務停止",
    "顧客",
    "公開情報",
    "pii",
    "personal",
    "customer data",
    "confidential",
    "integrity",
    "availability",
    "mandatory",
    "required",
    "recommended",
    "optional",
    "legal",
    "regulat",
    "impact",
    "public information",
];

/// A statement written after a rating that is no rationale (`High - admins share one
/// password`: [`rating_with_statement`], not [`rating_rationale`]): the item is not judged
/// (review 20 C-5: its problem, not the whole list's).
fn rating_statement(value: &str) -> Option<(String, String)> {
    rating_with_statement(value).filter(|_| rating_rationale(value).is_none())
}

/// A rating followed by words that are not its own bracketed note (fix21-chk left:
/// `High - admins share one password`, `高：管理者がパスワードを共有`, `高 管理者パスワード共有`,
/// `Medium - see note`): the rating as written and the words after it. A finding need not
/// hold a negation word to be one; a bracket after the rating (`High (impact)`, `高（影響度）`,
/// `高（MFA未導入）`) is left to [`says_against`].
fn rating_with_statement(value: &str) -> Option<(String, String)> {
    const RATINGS: &[&str] = &[
        "very high",
        "very low",
        "critical",
        "medium",
        "high",
        "low",
        "mid",
        "中程度",
        "極大",
        "極小",
        "最高",
        "最低",
        "高い",
        "低い",
        "高",
        "中",
        "低",
        "大",
        "小",
    ];
    const SEPARATORS: &[char] = &[
        ' ', '\u{3000}', '-', '–', '—', '―', ':', '：', '/', '／', '、', ',', '，', '・', '|',
    ];
    let folded = crate::text::fold_width(value.trim()).to_lowercase();
    let rating = RATINGS.iter().find(|r| folded.starts_with(**r))?;
    let after = &folded[rating.len()..];
    let text = after.trim_start_matches(SEPARATORS);
    let separated = text.len() < after.len();
    (separated
        && !text.is_empty()
        && !text.starts_with(['(', '（', '[', '【'])
        // another rating (`High/Medium`): no statement, a value not read as one level
        && !RATINGS.contains(&text.trim())
        && text.chars().any(char::is_alphanumeric))
    .then(|| {
        // as written, where folding kept one character for one
        let written: Vec<char> = value.trim().chars().collect();
        let (r, t) = (rating.chars().count(), text.chars().count());
        if written.len() == folded.chars().count() {
            (
                written[..r].iter().collect(),
                written[written.len() - t..].iter().collect(),
            )
        } else {
            ((*rating).to_owned(), text.to_owned())
        }
    })
}

/// Whether an evaluation column's header names a rating of risk, impact or priority
/// (`リスク評価`, `影響度評価`, `Risk rating`), whose 高/中/低 are no findings.
fn names_a_rating(header: &str) -> bool {
    let key = header_key(header);
    [
        "リスク",
        "影響",
        "重要",
        "優先",
        "risk",
        "impact",
        "priority",
        "severity",
    ]
    .iter()
    .any(|w| key.contains(w))
}

/// An evaluation's value as compared whole: width-folded, lower case, a trailing `。`/`.`
/// off.
fn evaluation_word(value: &str) -> String {
    let folded = crate::text::fold_width(value.trim()).to_lowercase();
    folded.trim_end_matches(['。', '.']).trim().to_owned()
}

/// Whether an evaluation is a mark of met or of nothing found, whole (`○`, `適`, `適合`,
/// `問題なし`, `指摘なし`, `OK`, `Pass`, `-`): anything else in an evaluation column is a
/// finding the tool does not read (`パスワード長が8文字`, `適合（一部ログ未取得）`).
fn is_met_evaluation(value: &str) -> bool {
    let whole = evaluation_word(value);
    let whole = whole.as_str();
    [
        "",
        "○",
        "〇",
        "◯",
        "◎",
        "✓",
        "✔",
        "レ",
        "-",
        "ー",
        "―",
        "‐",
        "−",
        "適",
        "適合",
        "合",
        "合格",
        "可",
        "良",
        "良好",
        "充足",
        "済",
        "確認済",
        "確認済み",
        "はい",
        "問題なし",
        "問題無し",
        "問題ありません",
        "指摘なし",
        "指摘無し",
        "指摘事項なし",
        "指摘事項無し",
        "不備なし",
        "不備無し",
        "なし",
        "無し",
        "特になし",
        "特に無し",
        "該当なし",
        "ok",
        "pass",
        "passed",
        "yes",
        "y",
        "met",
        "compliant",
        "conforming",
        // the SOC 2 / ISAE 3402 wording of a test without exception (review 22 C-11)
        "operating effectively",
        "satisfactory",
        "none",
        "nil",
        "n/a",
        "no finding",
        "no findings",
        "no issue",
        "no issues",
        "no gap",
        "no exception",
        "no exceptions",
    ]
    .contains(&whole)
}

/// Whether an evaluation says the check is done or rated green (`確認状況 | 完了`, `RAG |
/// Green`, review 17 A-4): read as nothing found under an evaluation header — not a mark
/// under a findings header, where [`says_against`] reads settled words.
fn is_done_evaluation(value: &str) -> bool {
    [
        "完了",
        "確認完了",
        "done",
        "complete",
        "completed",
        "green",
        // a control found working or conforming in full, an audit's clean opinion
        // (review 21 A-7: `Effectiveness | Effective`, `監査意見 | 適正`)
        "effective",
        "有効",
        "fully compliant",
        "適正",
        "適正意見",
        "無限定適正意見",
        "unqualified",
        "unqualified opinion",
    ]
    .contains(&evaluation_word(value).as_str())
}

/// A cell holding nothing but a dash or nothing at all (`-`, `－`, `―`, blank): no answer,
/// which an answers or reliance column carries as it is (`なし` there is an answer: no).
fn dash_or_blank(value: &str) -> bool {
    value.trim().chars().all(crate::input::csp::vocab::is_dash)
}

/// Whether an answer of the CSP says yes, or describes what is done, with nothing against
/// it: no no or part as its first word ([`is_negative_answer`]), nothing that limits, defers,
/// negates or shifts it ([`crate::input::csp::remarks::qualifier_beyond`]: `はい（ただし管理者
/// のみ）`, `Yes (planned)`, `○（一部）`, `対応していません`, `お客様の責任範囲です`), and, but
/// after a yes (`○`, `はい`, `Yes`, `対応済み`), no word of an answer withheld, put off or
/// handed back (`開示不可`, `非公開`, `NDA締結後に回答`, `個別にご相談ください`, `貴社側で設定が
/// 必要`, `We do not support this`, `Not currently`): `承認制で付与`, `1年保管` describe
/// (review 15 A-5).
fn answer_says_yes(value: &str) -> bool {
    const YES: &[&str] = &[
        "○",
        "◯",
        "〇",
        "●",
        "✓",
        "✔",
        "はい",
        "yes",
        "y",
        "ok",
        "可",
        "可能",
        "対応",
        "対応可",
        "対応可能",
        "対応済",
        "対応済み",
        "対応している",
        "対応しています",
        "対応しております",
        "実施",
        "実施済",
        "実施済み",
        "実施している",
        "実施しています",
        "実施しております",
        "導入済",
        "導入済み",
        "有",
        "あり",
        "有り",
    ];
    const WITHHELD_JA: &[&str] = &[
        "不可",
        "非公開",
        "非開示",
        "回答",
        "相談",
        "貴社",
        "御社",
        "お客様",
        "利用者側",
        "必要",
        "検討",
        "確認中",
        "調整中",
        "未定",
        "別途",
        "オプション",
    ];
    const WITHHELD_EN: &[&str] = &[
        "not",
        "no",
        "cannot",
        "can't",
        "don't",
        "doesn't",
        "unable",
        "tbd",
        "n/a",
        "na",
        "never",
        "partial",
        "partially",
        "planned",
        "customer",
        "option",
        "optional",
    ];
    if crate::input::csp::remarks::qualifier_beyond(value, &[]).is_some()
        || is_negative_answer(value)
    {
        return false;
    }
    if YES.contains(&first_word(value).as_str()) {
        return true;
    }
    let folded = crate::text::fold_width(value).to_lowercase();
    !WITHHELD_JA.iter().any(|w| folded.contains(w))
        && !folded
            .split(|c: char| !(c.is_ascii_alphanumeric() || "/'".contains(c)))
            .any(|w| WITHHELD_EN.contains(&w))
}

/// The message refusing a carried column's cell that [`says_against`] its item (`what`,
/// its phrase), or the risk column's ([`Items::check_risk_column`]).
fn said_against(name: &str, what: &str) -> String {
    format!("the column '{name}' {what}: the tool does not read it, and would judge the item on the ISMAP statement alone")
}

/// Whether a header names a gap, a finding, an exception or work outstanding
/// ([`crate::input::csp::remarks::Header::Qualifying`], `ギャップ`, `残存リスク`), under which a
/// yes says there is one and a no that there is none ([`says_against`]).
fn inverted_header(name: &str) -> bool {
    matches!(
        crate::input::csp::remarks::header(name),
        crate::input::csp::remarks::Header::Qualifying(_)
    ) || gap_header(name).1.is_some()
}

/// Whether a cell lists the answers to choose from (`はい / いいえ`, `○／×`): a template's
/// legend, not an answer.
fn lists_answers(value: &str) -> bool {
    let parts: Vec<&str> = value
        .split(['/', '／', '|', '｜', '・'])
        .map(str::trim)
        .collect();
    parts.len() > 1
        && parts.iter().any(|p| is_negative_answer(p))
        && parts
            .iter()
            .any(|p| !is_negative_answer(p) && answer_says_yes(p))
}

/// What a cell the check list carries (an extra column or the note) says against judging its
/// item on the ISMAP statement alone (review 15 A-3, A-4, A-8, A-13), read with the CSP side's
/// vocabulary of remarks ([`crate::input::csp::remarks`]: the header naming a gap, a finding
/// or an exception, the words that defer, limit or shift a statement): the message's phrase
/// and hint, or `None` for a cell that says nothing of the kind (`なし`, `-`, `○`, `対応済`,
/// `問題なし`, blank, a description).
/// - under a header on relying on ISMAP (`ISMAPで代替`, `ISMAP依拠`, `Rely on ISMAP`): only a
///   yes reads (`○`, `可`, `はい`, `Yes`);
/// - under a header asking whether more work is needed (`追加手続要否`, `独自確認要否`,
///   `フォローアップ`, `対応要否`): only a no reads (`不要`, `否`, `なし`, `No`);
/// - under a header naming a gap, a finding, an exception, an accepted risk or remediation
///   ([`crate::input::csp::remarks::Header::Qualifying`], `ギャップ`, `残存リスク`): only none
///   reads (`なし`, `No`, `該当なし`, `0件`), and under its status a settled one (`完了`);
/// - anywhere else, a cell that defers, limits, negates or shifts the item (`未対応との回答`,
///   `2027年度対応予定`, `管理者アカウントのみ対象`, `not supported`).
fn says_against(name: &str, value: &str) -> Option<(String, &'static str)> {
    use crate::input::csp::remarks::{self, Header};
    let v = value.trim();
    if dash_or_blank(v) {
        return None;
    }
    let key = header_key(name);
    let first = first_word(v);
    let first = first.as_str();
    let qualified = remarks::qualifier_beyond(v, &[]);
    // a word alone (`不要`, `No`, `完了`) is read as itself; anything after it is read too
    let alone = header_key(v).trim_end_matches(['。', '.']) == first;
    let plain = alone || qualified.is_none();
    let has = |words: &[&str]| words.iter().any(|w| key.contains(w));
    // relying on ISMAP for the item (`ISMAPで代替`, `ISMAP依拠`, `Rely on ISMAP`)
    if key.contains("ismap")
        && has(&[
            "代替",
            "依拠",
            "活用",
            "利用",
            "確認",
            "対象",
            "rely",
            "relian",
            "sufficient",
            "use",
            "accept",
            "substitut",
        ])
        && !has(&["日", "date", "名", "番号"])
    {
        const YES: &[&str] = &[
            "○",
            "◯",
            "〇",
            "可",
            "可能",
            "はい",
            "yes",
            "y",
            "ok",
            "する",
            "対象",
            "代替可",
            "依拠可",
            "活用可",
            "利用可",
            "確認可",
            "適",
        ];
        return (!(YES.contains(&first) && plain)).then(|| {
            (
                format!("says ISMAP is not relied on for the item ('{v}')"),
                "an item your check list does not rely on ISMAP for is to be checked by your own procedure: do so, or, to judge it on the ISMAP statement knowing that, remove the column (only a yes reads there: ○, 可, はい, Yes, or an empty cell)",
            )
        });
    }
    // more work needed on the item (`追加手続要否`, `独自確認要否`, `フォローアップ`, `対応要否`)
    // — not the item's applicability (`要否`, `確認要否`: the item asked or not)
    if has(&[
        "追加手続",
        "追加確認",
        "個別確認",
        "独自確認",
        "フォローアップ",
        "followup",
        "対応要否",
        "是正要否",
        "改善要否",
        "要対応",
        "additionalprocedure",
        "additionalcheck",
        "actionrequired",
        "actionneeded",
    ]) {
        const NO: &[&str] = &[
            "不要",
            "否",
            "なし",
            "無",
            "無し",
            "no",
            "none",
            "n/a",
            "対応不要",
            "確認不要",
            "手続不要",
            "是正不要",
            "必要なし",
            "完了",
            "対応済",
            "対応済み",
        ];
        return (!(NO.contains(&first) && plain)).then(|| {
            (
                format!("says more work is needed on the item ('{v}')"),
                "settle the items your check list says need more work (an additional procedure, your own check, a follow-up, remediation) first, or, to judge them on the ISMAP statement alone knowing that, remove the column (only a no reads there: 不要, 否, なし, No, or an empty cell)",
            )
        });
    }
    // a CSP table's column of a part of the service (`条件`, `プラン`: review 23 A-10) is a
    // column like any other in a check list: its cells are read
    let header = match remarks::header(name) {
        Header::Scope if remarks::names_a_part_of_the_service(name) => Header::Plain,
        header => header,
    };
    let word = match &header {
        // a deadline of nothing named (`期限`: of the answers, as often as of the item) is
        // no remediation's (`対応期限`, `是正期限`, `Due date` are)
        Header::Qualifying(_) if ["期限", "期日", "期限日"].contains(&key.as_ref()) => None,
        Header::Qualifying(w) => Some(w.clone()),
        _ => gap_header(name).1.map(str::to_owned),
    };
    if let Some(word) = word {
        const NO: &[&str] = &[
            "no", "無", "無し", "なし", "ない", "none", "nil", "0", "0件",
        ];
        const SETTLED: &[&str] = &[
            "完了",
            "済",
            "済み",
            "対応済",
            "対応済み",
            "是正済",
            "是正済み",
            "解消済",
            "解消済み",
            "closed",
            "resolved",
            "done",
            "complete",
            "completed",
        ];
        let status = has(&["状況", "状態", "status", "進捗", "ステータス"]);
        // the marks an evaluation of findings reads as fine (`指摘事項` ○, `Finding` OK), not
        // under a gap (`ギャップ` ○ says there is one)
        const FINE: &[&str] = &["○", "◯", "〇", "適", "適合", "ok", "良"];
        let fine =
            names_evaluation(name) && !has(&["gap", "ギャップ"]) && FINE.contains(&first) && plain;
        // a none with more after it is read as the note's claim of none, the header naming
        // its matter (`指摘事項 | None (tentative)`, `Gap | No gaps (tentative)`: no clean
        // claim, [`clean_claim`])
        let claimed =
            |v: &str| alone || !unclean_undated(v) && !unclean_undated(&format!("{key} {v}"));
        let none = remarks::nothing_for_the_row(v)
            || remarks::zero_count(name, v)
            || NO.contains(&first) && plain && claimed(v)
            // a none with its source (`None (per audit report)`, `なし（監査報告書参照）`: review
            // 20 C-6), read as the note's clean claim, the header naming its matter
            || NO.contains(&first) && !alone && clean_undated(&format!("{key} {v}"))
            || status && SETTLED.contains(&first) && plain && claimed(v)
            || fine;
        return (!none).then(|| {
            (
                format!("records a gap, a finding, an exception, an accepted risk or remediation outstanding ('{word}') for the item ('{v}')"),
                "settle the gaps, findings, exceptions, accepted risks and remediation your check list records for these items first, or, to judge them on the ISMAP statement alone knowing them, remove the column (only none reads there: なし, No, -, 該当なし, 0件, an empty cell, and under a status a settled one: 完了, 是正済)",
            )
        });
    }
    // whose, who, what scope and which approval or audit: the columns' own rules; the
    // item's own words (`確認観点`, `名称`, `説明`) describe what is asked, not its state; an
    // applicability column (`適用`, `対象`, `確認要否`) says whether the item is asked
    const PROSE: &[&str] = &[
        "名",
        "title",
        "name",
        "内容",
        "説明",
        "詳細",
        "概要",
        "description",
        "detail",
        "項目",
        "観点",
        "要求",
        "要件",
        "requirement",
        "基準",
        "criteria",
        "分類",
        "区分",
        "category",
    ];
    if !matches!(header, Header::Plain)
        || has(PROSE)
        || key.starts_with("適用")
        || key.starts_with("対象")
        || key.ends_with("要否")
        || has(&["applicab", "inscope"])
        || remarks::nothing_for_the_row(v)
        // what the analysis reads in a text beside the item (a level, a topic beyond ISMAP,
        // whose it is, an approximate mapping) caps the item there
        || crate::analysis::gap::read_beside(v)
        // a level asked (`SOC2 Type2報告書を提出すること`): the item is not analysed there
        // ([`check_assurance_words`])
        || level_asked(v).is_some()
        // relying on ISMAP for the item (`確認方法 | ISMAP登録で代替`, `ISMAPで代替可`: review 23
        // C-1): the level the item is judged at, not a measure in the control's place
        || Assurance::parse(v) == Some(Assurance::Ismap)
    {
        return None;
    }
    // a check box's no or a 0/1 flag's 0 (`Implemented?` FALSE, `実施状況` 0, `Y/N` ×) says
    // no, as `No` does (review 21 A-7) — not under a count, a number or an order
    let numbers = has(&[
        "件数", "数", "番号", "順", "版", "重み", "count", "number", "num", "order", "sort", "seq",
        "version", "weight",
    ]);
    if !numbers
        && crate::input::csp::vocab::check_cell(v) == crate::input::csp::vocab::Check::NotSelected
    {
        return Some((
            format!("says of the item '{v}', which defers it or says it is not done ('{v}')"),
            "settle first what your check list records of these items (not met, met in part, later, by someone else, or not at all), or, to judge them on the ISMAP statement alone knowing it, remove the words from the cell",
        ));
    }
    // the buyer's own "not needed" (`SOC2は不要`) asks for less; someone else named
    // (`IaaS事業者に依存`) is the scope's rules' (an item resting on the IaaS)
    // nor is the buyer's own to-do (`要確認（情報システム部）`): its procedure, not the CSP's state
    // — unless it is the CSP being asked (`CSPに確認中`, `ベンダーに確認中`: its answer is
    // pending, review 17 A-2)
    let asks_provider = ["csp", "ベンダ", "vendor", "事業者", "提供者", "クラウド"]
        .iter()
        .any(|w| header_key(v).contains(w));
    let qualified = qualified.filter(|q| {
        (asks_provider || !["要確認", "確認中", "要調査"].contains(&q.word.as_str()))
            && q.kind != remarks::Kind::Others
            && !(q.kind == remarks::Kind::Status
                && ["不要", "not required", "notrequired"].contains(&q.word.as_str()))
    });
    qualified.map(|q| {
        (
            format!("says of the item '{v}', which {}", q.what()),
            "settle first what your check list records of these items (not met, met in part, later, by someone else, or not at all), or, to judge them on the ISMAP statement alone knowing it, remove the words from the cell",
        )
    })
}

/// Whether a column's header names a framework other than ISMAP and the standards a
/// references column may hold ([`crate::catalog::resolve::other_framework`]: `PCI DSS`,
/// `SOC2`, `FISC`, `統一基準`, `NIST CSF`), or one of the guidelines and frameworks
/// a multi-framework check list maps to beside them (`3省2ガイドライン`, `CSA CCM`,
/// `ISO/IEC 27018`, `27701`).
fn names_another_framework(header: &str) -> bool {
    const WORDS: [&str; 6] = ["guideline", "guidelines", "ccm", "csa", "27018", "27701"];
    let folded = crate::analysis::procedures::fold(header);
    crate::catalog::resolve::other_framework(header).is_some()
        || folded.contains("ガイドライン")
        || folded
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| WORDS.contains(&w))
}

/// Whether a header names an assurance level above ISMAP (`SOC2報告書で確認`, `個別監査要否`,
/// `保証報告の要否`): a column of marks for it.
fn names_assurance_level(header: &str) -> bool {
    Assurance::named_in(header).is_some()
}

/// The ids of the catalog the run chose (`--catalog FILE`), once [`use_catalog`] said it.
static CHOSEN_IDS: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();

/// Makes the reader's structure decisions (an item or not, the names column) know the ids
/// of `catalog`, the one the run chose, rather than the embedded catalog's: called before
/// the check list is read. The first catalog given holds for the process (a run has one).
pub fn use_catalog(catalog: &crate::catalog::Catalog) {
    if catalog.is_embedded() || CHOSEN_IDS.get().is_some() {
        return;
    }
    let _ = CHOSEN_IDS.set(catalog.entries().iter().map(|e| e.id.clone()).collect());
}

/// Whether the chosen catalog ([`use_catalog`]; else the embedded one) has the id `id`
/// (canonical).
fn in_catalog(id: &str) -> bool {
    static IDS: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    CHOSEN_IDS
        .get()
        .unwrap_or_else(|| {
            IDS.get_or_init(|| {
                crate::catalog::Catalog::embedded()
                    .map(|c| c.entries().iter().map(|e| e.id.clone()).collect())
                    .unwrap_or_default()
            })
        })
        .contains(id)
}

/// The references an item without any names in its text or note (`秘密認証情報の管理
/// （A.9.2.4）`), in every check-list format: each cell naming one is a problem naming
/// the column and the ids, so that the item is not analysed rather than outside ISMAP.
/// Plain ids are known by the chosen catalog's ids ([`use_catalog`], as for the reader's
/// own decisions). Other columns are not read for it: the candidates `suggest` writes
/// beside the references column are no references.
pub fn check_prose(list: &mut CheckList) {
    // a detailed control named under what the references cells name is read as one more
    // reference (review 11 A-23), before the check below, which then finds it held
    // the ids each item's text and note name, read once for both (most name none)
    // (each distinct text read once: titles and notes repeat down a long list)
    let mut named: foldhash::HashMap<&str, Vec<String>> = foldhash::HashMap::default();
    let named_in_prose: Vec<[Vec<String>; 2]> = list
        .items
        .iter()
        .map(|item| {
            [&item.title, &item.note].map(|text| {
                named
                    .entry(text)
                    .or_insert_with(|| named_now(text).into_iter().map(str::to_owned).collect())
                    .clone()
            })
        })
        .collect();
    drop(named);
    for (item, named) in list.items.iter_mut().zip(&named_in_prose) {
        let details = details_named_under(item, named);
        if !details.is_empty() {
            item.add_split_refs(details, 0, false);
        }
    }
    add_problems(list, |_, i, item, columns| {
        let named: Vec<(usize, Vec<&str>)> = named_in_prose[i]
            .iter()
            .enumerate()
            .map(|(k, ids)| (k, ids.iter().map(String::as_str).collect::<Vec<&str>>()))
            .filter(|(_, ids)| !ids.is_empty())
            .collect();
        if named.is_empty() {
            return Vec::new();
        }
        let written = written_runs(item);
        // a reference the references cells hold (or its clause, category, or a range of
        // them around it) is no other control; nor the objective of a detailed control
        // they hold (`9.2.3` in the text over `9.2.3.11`)
        let held = |n: &Vec<u32>| {
            held_by(&written, n)
                || n.len() == 3
                    && written
                        .iter()
                        .any(|runs| runs.iter().any(|w| w.len() > 3 && w.starts_with(n)))
        };
        let field = match item.refs.is_empty() {
            true => ProblemField::References,
            false => ProblemField::ReferenceOutside,
        };
        let texts = [&item.title, &item.note];
        named
            .into_iter()
            .filter_map(|(k, mut ids)| {
                ids.retain(|id| !number_runs(id).iter().all(held));
                // beside references, a NIST id cited with its standard's name is the
                // buyer's cross-reference (`参考：NIST SP 800-53 AC-6`: review 13 B-5)
                if field == ProblemField::ReferenceOutside {
                    ids.retain(|id| !cited_as_nist(texts[k], id));
                }
                let column = columns.map(|c| c[k].clone()).unwrap_or_default();
                (!ids.is_empty() && !column.is_empty()).then(|| CellProblem {
                    field,
                    column,
                    value: ids.join(", "),
                })
            })
            .collect()
    });
}

/// The note of an item with references recording what stands against judging it on the
/// ISMAP statement ([`says_against`] under the note's header: `CSPに確認したところ未対応との
/// 回答`, `前回監査で指摘あり`, `2027年度対応予定`, `リスク受容済み`), in every check-list format:
/// a problem naming the column and the note, so that the item is not analysed rather than a
/// bare covered, the rest of the list read (review 15 A-13). A note naming a control the
/// references do not hold is [`check_prose`]'s.
pub fn check_notes(list: &mut CheckList, as_of: crate::date::Date) {
    // each distinct note (under its column's name) read once per pass ([`Seen::notes`]): a
    // long list repeats a few notes (`要確認`, `前回監査で指摘あり`), and reading one is a
    // pass per word of the vocabulary
    add_problems(list, |seen, _, item, columns| {
        let note = item.note.trim();
        if item.refs.is_empty()
            || item
                .problems
                .iter()
                .any(|p| p.field == ProblemField::ReferenceOutside)
        {
            return Vec::new();
        }
        let column_of = |k: usize, default: &'static str| -> &str {
            columns
                .map(|c| c[k].as_str())
                .filter(|c| !c.is_empty())
                .unwrap_or(default)
        };
        // the note under its header; a remark closing the title (`…（CSP回答待ち）`, `… [Gap]`,
        // `… ※前回指摘あり`) as a note (review 17 A-2 addendum: a list without a note column
        // keeps its remarks there)
        let cells = [
            (!note.is_empty()).then(|| (column_of(1, "note"), note, None)),
            title_remark(&item.title).map(|r| (column_of(0, "title"), r, Some(TITLE_REMARK))),
        ];
        // the note columns under other names (`コメント`, `Remarks`: [`names_note`]); every
        // other carried column's claim of none or resolved (`対応状況 | 是正済（2027年3月）`,
        // `CSP回答 | 対応済（他サービス）`: review 20 A-8), read by the one claim rule where the
        // as-of date is known (its other words are the loader's rules)
        let notes = item
            .extra
            .0
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(h, v)| {
                let read_as = (!names_note(h)).then_some(CLAIM_ONLY);
                (h.as_str(), v.trim(), read_as)
            });
        cells
            .into_iter()
            .flatten()
            .chain(notes)
            .filter(|&(column, text, read_as)| {
                let under = read_as.unwrap_or(column);
                *seen.notes.entry((under, text)).or_insert_with(|| {
                    if under == CLAIM_ONLY {
                        // a value still being checked or not answered (`ステータス | 確認中`,
                        // `Status | TBC`, `○（要確認）`: review 22 A-5)
                        claim_against(text, as_of)
                            || pending_in(text).is_some()
                            // a method column (`確認方法 | ISMAPに加えてヒアリング`), not
                            // the CSP's answer
                            || !names_answers(column)
                                && (beside_ismap(text) || contract_term_asked(text))
                            || bracket_contents(text)
                                .lines()
                                .any(|b| pending_in(b).is_some())
                    } else if under == TITLE_REMARK {
                        title_remark_against(text, as_of)
                    } else {
                        note_against(under, text, as_of)
                    }
                })
            })
            .map(|(column, text, read_as)| CellProblem {
                field: ProblemField::NoteAgainst,
                column: column.to_owned(),
                value: if read_as == Some(TITLE_REMARK) {
                    item.title.trim()
                } else {
                    text
                }
                .to_owned(),
            })
            .collect()
    });
}

/// Whether a carried column is a note under another name than the note's own (`備考`,
/// `note`): `コメント`, `Comment(s)`, `Remark(s)`, `メモ`, `Memo`, `特記事項`, `補足` — free text
/// read item by item as the note is ([`check_notes`]: what stands against the item leaves it
/// not analysed, a clean claim reads). `所見` is the buyer's evaluation, not a note
/// ([`names_evaluation`]).
fn names_note(header: &str) -> bool {
    matches!(
        header_key(header).as_ref(),
        "コメント"
            | "comment"
            | "comments"
            | "remark"
            | "remarks"
            | "メモ"
            | "memo"
            | "特記事項"
            | "補足"
            | "補足事項"
    )
}

/// Whether a cell with no date claims a matter none or resolved and not cleanly
/// ([`clean_claim`] `Some(false)`: `No gaps (tentative)`), where the as-of date is not known.
fn unclean_undated(text: &str) -> bool {
    crate::date::dates_in(text).is_empty() && claim_against(text, crate::date::Date::today())
}

/// Whether a cell says, sentence by sentence, only that there is no gap or finding or that
/// one was resolved ([`clean_claim`]) with no date at all: read where the as-of date is not
/// known (a carried column's rules: `所見 | Gap: none`), a dated claim left to the rules.
fn clean_undated(text: &str) -> bool {
    let sentences = note_sentences(text);
    !sentences.is_empty()
        && sentences.iter().all(|s| {
            crate::date::dates_in(s).is_empty()
                && claim_read(s, crate::date::Date::today(), false) == Some(true)
        })
}

/// The remark closing an item's title, read as a note ([`check_notes`]): the last bracket
/// when the title ends with it (`利用者登録の手続（CSP回答：未対応）`, `… [Gap]`, `…【リスク受容済】`),
/// or what follows a `※` (`… ※前回指摘あり`). A title's own words are the requirement
/// (`未対応のインシデントを記録すること`), not a remark; a title that is all bracket is a
/// heading's.
fn title_remark(title: &str) -> Option<&str> {
    let t = title.trim();
    if let Some((before, after)) = t.split_once(['※', '＊']) {
        return (!before.trim().is_empty() && !after.trim().is_empty()).then(|| after.trim());
    }
    let close = t.chars().next_back()?;
    let open = match close {
        ')' => '(',
        '）' => '（',
        '】' => '【',
        ']' => '[',
        '］' => '［',
        '〕' => '〔',
        _ => return None,
    };
    let at = t.rfind(open)?;
    let before = t[..at].trim();
    let inner = t[at + open.len_utf8()..t.len() - close.len_utf8()].trim();
    (!before.is_empty() && !inner.is_empty() && !describes_requirement(inner, before))
        .then_some(inner)
}

/// Whether a remark closing a title stands against its item: as a note does
/// ([`note_against`]), or holding an answer not given or still being checked anywhere
/// (`（確認中の項目を含む）`: a title's bracket describes no such thing).
fn title_remark_against(remark: &str, as_of: crate::date::Date) -> bool {
    note_against("note", remark, as_of) || PENDING_JA.iter().any(|w| remark.contains(w))
}

/// Whether a title's closing bracket describes what is asked rather than remarking on it:
/// what it takes in or leaves out, when it applies (`未対応のものを含む`, `顧客管理鍵の場合`,
/// `必要に応じて`), or how strongly it is asked (`任意`, `推奨`, `Optional`).
fn describes_requirement(bracket: &str, title: &str) -> bool {
    const ENDS: &[&str] = &[
        "を含む",
        "も含む",
        "を含める",
        "を除く",
        "の場合",
        "に応じて",
        "に限る",
        "including",
        "included",
        "excluded",
        "ifapplicable",
        "asneeded",
        "whereapplicable",
    ];
    const ALONE: &[&str] = &[
        "任意",
        "推奨",
        "必須",
        "optional",
        "recommended",
        "mandatory",
        "required",
    ];
    let key = header_key(bracket);
    // what it takes in or leaves out read for what it is (review 20 A-10: `CSP回答待ちの項目を
    // 含む`, `予定を含む`, `自己評価を含む`, `2027年度以降を除く` are remarks): no date, nothing the
    // note rules stand against
    // a state of the title's own subject (`インシデント対応（未対応のものを含む）`: `未` + the title's
    // `対応`) is the requirement's
    let title = crate::text::fold_width(title);
    // what it takes in is the check item or its answer (`項目`, `事項`, `回答`, `もの`) or a state
    // alone (`予定`, `自己評価`, `一部`, `未実施`): read as a remark; any other object of the
    // requirement (`確認中の事象`, `未対応のアラート`, `退職予定者`, `暫定アカウント`) describes it
    // (review 22 C-6)
    const ITEM: &[&str] = &["項目", "事項", "回答", "もの"];
    const STATE_ENDS: &[&str] = &[
        "予定",
        "計画",
        "計画中",
        "検討中",
        "対応中",
        "実施中",
        "確認中",
        "調査中",
        "待ち",
        "未対応",
        "未実施",
        "未完了",
        "未回答",
        "未確認",
        "自己評価",
        "一部",
        "以降",
        "以前",
        "案",
        "暫定",
    ];
    let plain = |part: &str| {
        if !crate::date::dates_in(part).is_empty() {
            return false;
        }
        let tail = if part.ends_with("もの") {
            "もの"
        } else {
            part.rsplit('の').next().unwrap_or(part)
        };
        // things in a state only the requirement's objects are in (`調査中のものを含む`:
        // incidents, vulnerabilities; review 23) are its objects — not a state of the work
        // or the answer (`計画中のもの`, `未対応のもの`, `確認中のもの`, `CSP回答待ちのもの`)
        let things = tail == "もの"
            && [
                "調査中",
                "未適用",
                "未修正",
                "未解決",
                "処理中",
                "未処理",
                "未承認",
                "申請中",
            ]
            .iter()
            .any(|w| part.contains(w))
            && !["回答", "自己評価", "自己申告", "csp", "ベンダ", "事業者"]
                .iter()
                .any(|w| part.contains(w));
        let object = things
            || !ITEM.iter().any(|w| tail.ends_with(w))
                && !STATE_ENDS.iter().any(|w| tail.ends_with(w));
        if object {
            return crate::input::csp::remarks::not_final_word(part).is_none_or(|w| w == "仮");
        }
        let mut own = part.to_owned();
        for (i, _) in part.match_indices('未') {
            let stem: String = part[i + '未'.len_utf8()..].chars().take(2).collect();
            if stem.chars().count() == 2 && title.contains(&stem) {
                own = own.replace(&format!("未{stem}"), " ");
            }
        }
        // the title's own subject planned (`脆弱性対応（対応予定のものを含む）`, `是正処置（是正予定の
        // 事項を含む）`)
        for state in ["予定", "中"] {
            for (i, _) in part.match_indices(state) {
                let stem: String = part[..i]
                    .chars()
                    .rev()
                    .take(2)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                if stem.chars().count() == 2 && title.contains(&stem) {
                    own = own.replace(&format!("{stem}{state}"), " ");
                }
            }
        }
        !title_remark_against(&own, crate::date::Date::today())
            && !STATE_ENDS.iter().any(|w| own.contains(w))
    };
    // a condition with what to do then (`未対応の場合は報告`, `調査中の場合は記録すること`:
    // review 23): an instruction of the requirement, whatever the condition's state
    let instructed = [
        "の場合は",
        "の場合には",
        "場合は",
        "場合には",
        "ときは",
        "時は",
    ]
    .iter()
    .find_map(|w| key.split_once(w))
    .is_some_and(|(_, then)| {
        !then.is_empty()
            && crate::date::dates_in(&key).is_empty()
            && !title_remark_against(then, crate::date::Date::today())
            && !STATE_ENDS.iter().any(|w| then.contains(w))
    });
    ENDS.iter().any(|e| key.strip_suffix(e).is_some_and(plain))
        || ALONE.contains(&key.as_ref())
        || instructed
}

/// How [`check_notes`] reads a carried column that is no note: its claims only
/// ([`claim_against`]).
const CLAIM_ONLY: &str = "\u{0}claim";

/// How [`check_notes`] reads a remark closing a title ([`title_remark_against`]).
const TITLE_REMARK: &str = "\u{0}title";

/// Whether a sentence of `text` claims a matter none or resolved and not cleanly
/// ([`clean_claim`] `Some(false)`).
fn claim_against(text: &str, as_of: crate::date::Date) -> bool {
    note_sentences(text)
        .iter()
        .any(|s| clean_claim(s, as_of) == Some(false))
}

/// Whether a note stands against judging its item on the ISMAP statement: its words do
/// ([`note_words_against`]), it places the work after `as_of` (`2027年度対応`, `対応は2027年度`,
/// `2027年4月対応`: review 20 A-5; not a retention, validity or next review date, `2030年まで
/// 保存`, `有効期限 2027-03-31`, `次回見直し 2027年3月`: [`crate::input::csp::remarks::later_date`]),
/// or it says the state is the CSP's own assessment or not final (`自己評価`, `CSP自己評価`,
/// `（暫定）`: [`not_final_in_note`]).
fn note_against(column: &str, note: &str, as_of: crate::date::Date) -> bool {
    if answering_instruction(note) {
        return false;
    }
    let note = &*dash_before_date(note);
    note_words_against(column, note, as_of)
        || crate::input::csp::remarks::later_date(note, as_of).is_some()
        || not_final_in_note(note).is_some()
        || beside_ismap(note)
        || contract_term_asked(note)
}

/// Whether a note asks for a term in the contract or the SLA (`契約書に明記させること`,
/// `SLAに規定されていること`, `契約条項に盛り込む`, `must be stated in the contract`): the
/// ISMAP statement shows what the CSP does, not what its contract with the buyer says
/// (review 24 A-5 rest). `契約期間中は保管`, `契約終了時` name the contract, not a term of it.
fn contract_term_asked(note: &str) -> bool {
    // not `契約で担保` (secured by the contract: the buyer's own means, read covered since
    // review 12 A-13)
    const TERM: [&str; 7] = ["明記", "記載", "定め", "規定", "盛り込", "条項", "に含め"];
    const EN: [&str; 6] = [
        "in the contract",
        "in the sla",
        "contractual clause",
        "contract clause",
        "contractually",
        "in the agreement",
    ];
    let folded = crate::text::fold_width(note).to_lowercase();
    let ja = ["契約書", "契約", "sla"].iter().any(|w| {
        folded.match_indices(w).any(|(at, _)| {
            let after: String = folded[at + w.len()..]
                .chars()
                .take_while(|c| !matches!(c, '。' | '\n' | ';' | '；'))
                .take(5)
                .collect();
            TERM.iter().any(|t| after.contains(t))
        })
    });
    ja || EN.iter().any(|w| folded.contains(w))
}

/// Whether a note says the buyer checks the item by its own means in addition to the ISMAP
/// statement (`ISMAPに加えてヒアリングを実施`, `ISMAPとは別に書面で確認`, `in addition to
/// ISMAP, we interview the vendor`): the ISMAP result does not stand for the item alone, which
/// is what `covered` would claim (review 24 A-5 rest). `ISMAPで確認` relies on it.
fn beside_ismap(note: &str) -> bool {
    const AFTER: [&str; 10] = [
        "に加え",
        "に追加して",
        "と併せて",
        "とあわせて",
        "と合わせて",
        "とは別に",
        "とは別途",
        "以外にも",
        "の他に",
        "のほかに",
    ];
    const BEFORE: [&str; 5] = [
        "in addition to ",
        "besides ",
        "on top of ",
        "as well as ",
        "beyond ",
    ];
    let folded = crate::text::fold_width(note).to_lowercase();
    folded.match_indices("ismap").any(|(at, w)| {
        let before = &folded[..at];
        // `ISMAPの結果に加えて`, `ISMAP登録に加え`: a few words of what of ISMAP first
        let after: String = folded[at + w.len()..]
            .chars()
            .take_while(|c| !matches!(c, '。' | '\n' | ';' | '；' | '.'))
            .take(14)
            .collect();
        AFTER.iter().any(|m| after.contains(m))
            || BEFORE
                .iter()
                .any(|m| before.ends_with(m) || before.ends_with(&format!("{m}the ")))
    })
}

/// Whether a note is only an instruction to whoever fills the check list in (`該当する場合のみ
/// 回答`, `該当する場合は記入`, `該当しない場合は「－」`, `Answer only if applicable`, `Enter "-" if
/// not applicable`): it says how to answer, nothing of the item, and reads as a plain note
/// (review 23 C-10). The condition is the item's applicability only, and what follows it a
/// verb of answering or a mark to write; anything more (`該当する場合のみ回答（対応予定）`) is
/// read by the note rules.
fn answering_instruction(note: &str) -> bool {
    let t: String = crate::text::fold_width(note)
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let t = t.trim_end_matches(['。', '.', '!', '！']);
    const ANSWER: &[&str] = &[
        "ご回答",
        "ご記入",
        "ご記載",
        "ご入力",
        "回答",
        "記入",
        "記載",
        "入力",
        "選択",
    ];
    const POLITE: &[&str] = &[
        "してください",
        "して下さい",
        "をお願いします",
        "願います",
        "すること",
        "ください",
        "下さい",
        "のこと",
        "する",
        "",
    ];
    let answers = |rest: &str| {
        let rest = rest.strip_prefix(['を', 'に']).unwrap_or(rest);
        ANSWER.iter().any(|a| {
            rest.strip_prefix(a)
                .is_some_and(|p| POLITE.contains(&p) || p == "不要")
        })
    };
    // a mark to write (`「－」`, `「N/A」と記入`, `"-"`)
    let mark = |rest: &str| {
        [('「', '」'), ('『', '』'), ('"', '"'), ('\'', '\'')]
            .iter()
            .any(|&(open, close)| {
                rest.strip_prefix(open)
                    .and_then(|r| r.split_once(close))
                    .is_some_and(|(inner, after)| {
                        (1..=6).contains(&inner.chars().count())
                            && (after.is_empty()
                                || after.strip_prefix(['と', 'を']).is_some_and(&answers))
                    })
            })
    };
    const CONDITION: &[&str] = &[
        "該当する",
        "該当しない",
        "該当がある",
        "該当がない",
        "該当のある",
        "該当のない",
        "非該当の",
        "対象となる",
        "対象とならない",
        "対象の",
        "対象外の",
        "適用する",
        "適用しない",
        "適用される",
        "適用されない",
    ];
    if let Some((condition, rest)) = ["場合", "とき", "時"].iter().find_map(|w| t.split_once(w))
    {
        if CONDITION.contains(&condition) {
            let rest = ["に限り", "のみ", "には", "は", "に", ""]
                .iter()
                .find_map(|p| rest.strip_prefix(p))
                .unwrap_or(rest);
            return answers(rest) || mark(rest);
        }
        return false;
    }
    // English: `Answer only if applicable`, `Fill in if applicable`, `Enter "-" if not
    // applicable`, `Leave blank if not applicable`
    let words: String = crate::text::fold_width(note)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let words = words.trim_end_matches(['.', '!']);
    ["if applicable", "if not applicable", "where applicable"]
        .iter()
        .find_map(|c| words.strip_suffix(c))
        .map(|s| s.trim_end().trim_end_matches(" only").trim_end())
        .is_some_and(|verb| {
            [
                "answer",
                "respond",
                "fill in",
                "complete",
                "leave blank",
                "leave empty",
            ]
            .contains(&verb)
                || verb.strip_prefix("enter ").is_some_and(|m| {
                    let m = m.trim_matches(['"', '\'', '“', '”', '‘', '’']);
                    (1..=6).contains(&m.chars().count())
                })
        })
}

/// The word of a note saying the state it records is the CSP's own assessment or not final
/// (`自己評価`, `自己申告`, `速報`, `暫定`… — [`crate::input::csp::remarks::not_final_word`], the
/// one vocabulary a header's note and a sheet's name are read with), but an internal audit, a
/// report or an estimate, which a note names as its source (`指摘なし（内部監査）`, `No
/// exceptions reported`).
fn not_final_in_note(note: &str) -> Option<&'static str> {
    const SOURCES: &[&str] = &[
        "内部監査",
        "internal audit",
        "as reported",
        "reported by",
        "想定",
        "assumed",
        "estimate",
        "推定",
        "見積",
    ];
    let key = crate::text::fold_width(note).to_lowercase();
    crate::input::csp::remarks::not_final_word(&key)
        .filter(|w| !SOURCES.contains(w))
        // of the buyer's mapping (`tentative mapping`) or another framework (`PCI DSS 8.2.1 に
        // 対応（自己評価）`): the analysis caps it, never covered (`mapping-approximate`,
        // `topic-beyond-ismap`)
        .filter(|_| {
            crate::analysis::procedures::approximate_mapping(note).is_none()
                && crate::analysis::procedures::Topic::beyond_ismap(note).is_none()
        })
}

/// Whether a note's words stand against judging its item on the ISMAP statement: a sentence
/// claiming a matter none or resolved that is no clean claim ([`clean_claim`]: a later date,
/// a qualifier, a doubt — review 18 A-1), or a note [`says_against`] the item under its
/// header that is not clean throughout ([`says_clean`]). Its dates are read by the claims
/// only: a remark on a row of no item reads no date ([`Items::take_notes_above`]).
fn note_words_against(column: &str, note: &str, as_of: crate::date::Date) -> bool {
    let sentences = note_sentences(note);
    let claims: Vec<Option<bool>> = sentences.iter().map(|s| clean_claim(s, as_of)).collect();
    claims.contains(&Some(false))
        // a claim beside a sentence saying no audit since (`指摘なし。以降監査なし`)
        || claims.iter().any(Option::is_some) && no_audit_since(note)
        || (says_against(column, note).is_some() && !claims.iter().all(|c| *c == Some(true)))
        || sentences
            .iter()
            .zip(&claims)
            .any(|(s, c)| *c != Some(true) && pending_in(s).is_some())
}

/// The words by which a note says the item's answer is not given or still being checked
/// (review 20 A-6): the CSP's silence (`未回答`, `回答なし`, `Not answered`) is no answer, and an
/// item still being checked (`確認中`, `要確認（情報システム部）`, `要調査`, `TBC`) cannot be signed
/// as covered — whoever checks it (session 11 had read the buyer's own `要確認` as its to-do,
/// none). The matter of a claim of none (`要確認事項なし`, `未回答の項目はない`: [`note_matters`]).
const PENDING_JA: &[&str] = &[
    "未回答",
    "無回答",
    "回答なし",
    "回答無し",
    "回答がない",
    "回答未了",
    "確認待ち",
    "確認中",
    "要確認",
    "未確認",
    "要調査",
    "調査中",
];

/// The word of `sentence` saying its item's answer is not given or still being checked
/// ([`PENDING_JA`]) as the note's state — standing last, or before a bracket, `です`, `のため`
/// or a separator (`要確認（情報システム部）`, `CSPから回答なし`, `確認中です`), not as what a
/// phrase is of (`要確認の項目は別途`, `確認中の事項はない`) — or the English words (`not
/// answered`, `no answer`, `unanswered`, `to be confirmed`, `TBC`, `TBD`).
fn pending_in(sentence: &str) -> Option<&'static str> {
    const THEN: &[&str] = &[
        "(",
        "[",
        "【",
        "〔",
        // closing a bracket (`OK（要確認）`, `済（確認中）`: review 22 A-1)
        ")",
        "]",
        "】",
        "〕",
        "です",
        "である",
        "のため",
        "ため",
        "につき",
        "、",
        ",",
        ":",
        "/",
    ];
    let folded = crate::text::fold_width(sentence).to_lowercase();
    let t = folded
        .trim()
        .trim_end_matches(['。', '.', '!', '！'])
        .trim_end();
    let ja = PENDING_JA.iter().copied().find(|w| {
        t.match_indices(w).any(|(i, _)| {
            let after = t[i + w.len()..].trim_start();
            after.is_empty() || THEN.iter().any(|n| after.starts_with(n))
        })
    });
    if ja.is_some() {
        return ja;
    }
    // the check put off to the next audit or time (`次回監査で確認`, `次回確認`: review 20 A-3) —
    // not a next review's date (`次回見直し 2027年3月`) nor a check done (`次回監査は2027年3月`)
    if let Some((_, after)) = t.split_once("次回") {
        if ["確認", "検証", "チェック", "評価"].iter().any(|w| {
            after
                .match_indices(w)
                .any(|(i, _)| !after[i + w.len()..].starts_with('済'))
        }) {
            return Some("次回");
        }
    }
    const EN: &[(&str, &[&str])] = &[
        ("not answered", &["not", "answered"]),
        ("no answer", &["no", "answer"]),
        ("no response", &["no", "response"]),
        ("no reply", &["no", "reply"]),
        ("unanswered", &["unanswered"]),
        ("to be confirmed", &["to", "be", "confirmed"]),
        ("to be checked", &["to", "be", "checked"]),
        ("to be verified", &["to", "be", "verified"]),
        ("tbc", &["tbc"]),
        ("tbd", &["tbd"]),
    ];
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // checked at the next audit or review (`Confirm at next audit`)
    let next = words
        .windows(2)
        .any(|w| w[0] == "next" && ["audit", "review", "assessment", "time"].contains(&w[1]))
        && words
            .iter()
            .any(|w| ["check", "confirm", "verify", "be"].contains(w) || w.starts_with("verif"));
    if next {
        return Some("next");
    }
    EN.iter()
        .find(|(_, seq)| words.windows(seq.len()).any(|w| w == *seq))
        .map(|(w, _)| *w)
}

/// Whether a note says, sentence by sentence, only that there is no gap, finding or work
/// outstanding (`未対応の項目はない`, `保留事項なし`, `Gap: none`, `No gaps`, `Open items: 0`)
/// or that a past one was resolved on or before `as_of` (`前回の不備は2025年に解消済`,
/// `Previously failed, now remediated (2025-06)`), as its siblings `指摘なし`, `是正済み` read
/// (review 17 C-5): every sentence is a clean claim ([`clean_claim`]).
#[cfg(test)]
fn says_clean(note: &str, as_of: crate::date::Date) -> bool {
    let sentences = note_sentences(note);
    !sentences.is_empty()
        && sentences
            .iter()
            .all(|s| clean_claim(s, as_of) == Some(true))
}

/// The sentences of a note, as [`says_clean`] reads them one by one.
fn note_sentences(note: &str) -> Vec<&str> {
    note.split(['。', '｡', ';', '；', '\n'])
        .flat_map(|s| s.split(". "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// What a matter of a note is: a gap, a finding, work outstanding, and every word that says
/// the item is not met, its answer pending or the thing not offered (review 17 A-2's words,
/// [`crate::input::csp::remarks`]' `unmet_ja`: `未達`, `回答待ち`, `CSPに確認中`, `改善要`,
/// `差異`, `要求水準に達しない`, `不可`, `サポート外`, `Not offered`), longest first where one
/// holds another — so that `回答待ちなし`, `不可なし`, `Not offered: none` say there is none
/// of it (review 18 C-3), as `未達なし` does.
fn note_matters() -> &'static [String] {
    static MATTERS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    MATTERS.get_or_init(|| {
        const WORDS: &[&str] = &[
            "指摘事項",
            "未対応",
            "未完了",
            "未達成",
            "未達",
            "保留",
            "不備",
            "指摘",
            "課題",
            "懸念",
            "例外",
            "不適合",
            "ギャップ",
            // review 17 A-2: not met, pending, not offered (the rest: the one vocabulary
            // of [`crate::input::csp::remarks`], below)
            "回答待ち",
            "照会中",
            "問合せ中",
            "問い合わせ中",
            "確認中",
            "要件未充足",
            "不可",
            // review 20 A-6: an answer not given or still being checked, and a problem
            // (`要確認事項なし`, `未回答の項目はない`, `問題なし（2027年度）`)
            "未回答",
            "無回答",
            "要確認",
            "未確認",
            "要調査",
            "調査中",
            "問題",
            "problems",
            "problem",
            "deficiencies",
            "deficiency",
            "exceptions",
            "exception",
            "findings",
            "finding",
            "openitems",
            "openitem",
            "issues",
            "issue",
            "gaps",
            "gap",
            "failed",
            "notoffered",
            "notsupported",
            "unsupported",
            "notsufficient",
            "insufficient",
            "doesnotmeet",
            "notmet",
        ];
        use crate::input::csp::remarks::{
            DIFFERENCE_JA, NOT_REACHED_JA, REMEDIATION_NEEDED_JA, REQUIREMENT_JA, UNMET_JA,
        };
        let mut all: Vec<String> = WORDS
            .iter()
            .chain(UNMET_JA)
            .chain(DIFFERENCE_JA)
            .chain(REMEDIATION_NEEDED_JA)
            .map(|w| (*w).to_owned())
            .collect();
        // a requirement not reached (`要求水準に達しない`, `基準を下回る`): the words together
        // only, as `unmet_ja` reads them beside a requirement word
        for r in REQUIREMENT_JA.iter().chain(&["要求水準"]) {
            for p in ["に", "を", ""] {
                for v in NOT_REACHED_JA {
                    all.push(format!("{r}{p}{v}"));
                }
            }
        }
        all.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        all
    })
}

/// The words of a claim that a matter was resolved ([`clean_claim`]): `是正済`, `remediated`.
const CLAIM_RESOLVED: &[&str] = &[
    "解消済み",
    "解消済",
    "是正済み",
    "是正済",
    "改善済み",
    "改善済",
    "解決済み",
    "解決済",
    "対応済み",
    "対応済",
    "remediated",
    "resolved",
    "fixed",
    "closed",
];

/// Whether one sentence of a note claims that a matter ([`note_matters`]) is none or was
/// resolved, and whether it claims it cleanly: `None` for a sentence making no such claim
/// (left to [`says_against`]); `Some(true)` for a claim holding only the matter, the fillers
/// around it (of which matters, when, an audit, the report it was confirmed by, particles) and
/// a none (`なし`, `ない`, `none`, `0`, a leading `No`) after the matter, or a word of resolved
/// (`解消済`, `是正済`, `remediated`, `closed`) with dates not after `as_of`; `Some(false)` for
/// a claim with anything more: a later date in any spelling (`2027年に是正済`, `(Q1 2027)`,
/// `1Q27`), a qualifier (`(tentative)`, `（自己評価）`, `(other service)`, `in the other
/// region`), a doubt (`解消済？`, `…`) — review 18 A-1: one reading for every resolved or none
/// word, not only the shapes [`says_against`] flags.
fn clean_claim(sentence: &str, as_of: crate::date::Date) -> Option<bool> {
    claim_read(sentence, as_of, true)
}

/// Whether a value makes a claim of resolved or none ([`claim_read`]), cleanly or not,
/// whatever its dates: the loader, which has no --as-of, leaves it to [`check_notes`].
fn is_claim(value: &str) -> bool {
    claim_read(value, NEVER, true).is_some()
}

/// A date after every date written: what the loader, which has no --as-of, reads dates
/// against to see what stands against a value but its dates.
const NEVER: crate::date::Date = crate::date::Date {
    year: 9999,
    month: 12,
    day: 31,
};

/// Marks each judged item whose carried column `k` (headed `name`) holds a value `unread`
/// says the tool does not read as not analysed, naming the cell (`note-against`); a blank
/// cell, and an item with no references, are left alone (a dash is `unread`'s to judge).
fn mark_unread_cells(items: &mut [CheckItem], k: usize, name: &str, unread: impl Fn(&str) -> bool) {
    for item in items {
        let Some((_, v)) = item.extra.0.get(k) else {
            continue;
        };
        let v = v.trim();
        if item.refs.is_empty() || v.is_empty() || !unread(v) {
            continue;
        }
        let problem = CellProblem {
            field: ProblemField::NoteAgainst,
            column: name.to_owned(),
            value: v.to_owned(),
        };
        if !item.problems.contains(&problem) {
            item.problems.push(problem);
        }
    }
}

/// The nones of a claim ([`claim_read`]): `なし`, `none`, `0`.
const CLAIM_NONE: &[&str] = &[
    "ありません",
    "なし",
    "無し",
    "ない",
    "無い",
    "none",
    "nil",
    "0件",
    "0",
];

/// What may stand around a claim's words ([`claim_read`]): of which matters, when, which
/// audit, confirmed by what, who was asked, particles.
const CLAIM_FILLERS: &[&str] = &[
    "notapplicable",
    "previously",
    "previous",
    "outstanding",
    "remaining",
    "identified",
    "reported",
    "noted",
    "found",
    "known",
    "prior",
    "open",
    "now",
    "all",
    "前回監査",
    "内部監査",
    "外部監査",
    "監査",
    "是正報告書",
    "報告書",
    "管理表",
    "証跡",
    "で確認済み",
    "で確認済",
    "で確認",
    "確認済み",
    "確認済",
    "前回の",
    "前回",
    "過去の",
    "以前の",
    "の項目",
    "項目",
    "事項",
    "機能",
    "利用し",
    "使用し",
    "特に",
    "にて",
    "すべて",
    "全て",
    "csp",
    "ベンダー",
    "ベンダ",
    "は",
    "が",
    "に",
    "の",
    "で",
    "を",
    "へ",
    "と",
    // review 20 C-6: the source of a none (`None (per audit report)`, `なし（監査報告書参照）`,
    // `なし（ISMAP監査）`, `None (see SOC2 report)`)
    "参照",
    "ismap",
    "soc2",
    "audit",
    "report",
    "per",
    "see",
    "the",
    // review 20 C-13: what the matter is against (`要求水準との差異なし`, `仕様差異なし`) and
    // when it was checked (`（2025年度確認）`: the date checked against --as-of)
    "要求水準",
    "仕様",
    "要件",
    "確認",
    "時点",
    // review 20 A-4: since when (`2019年度以降指摘なし`)
    "以降",
    "以来",
    "since",
];

/// [`claim_read`]'s words, each list one automaton ([`Words`]): the matters ([`note_matters`]).
static MATTER_WORDS: std::sync::LazyLock<Words> =
    std::sync::LazyLock::new(|| Words::new(note_matters().iter().map(String::as_str)));

/// The settled words ([`settled_alone`]), then the fillers.
static ALONE_WORDS: std::sync::LazyLock<Words> = std::sync::LazyLock::new(|| {
    Words::new(
        settled_alone()
            .iter()
            .map(String::as_str)
            .chain(CLAIM_FILLERS.iter().copied()),
    )
});

/// The resolved words, the fillers, then the nones.
static CLAIM_WORDS: std::sync::LazyLock<Words> = std::sync::LazyLock::new(|| {
    Words::new(
        CLAIM_RESOLVED
            .iter()
            .chain(CLAIM_FILLERS)
            .chain(CLAIM_NONE)
            .copied(),
    )
});

/// [`clean_claim`], with (`implied`) or without a resolved word standing alone as a claim
/// on the item's own matter (`是正済（2027年3月）`, `Closed (2027-03)`, `OK (tentative)`:
/// review 20 A-2); the loader's carried-column rules read a claim only with its matter named
/// ([`clean_undated`]: under a findings header `済` is no none).
fn claim_read(sentence: &str, as_of: crate::date::Date, implied: bool) -> Option<bool> {
    const NONE: &[&str] = CLAIM_NONE;
    const RESOLVED: &[&str] = CLAIM_RESOLVED;
    const FILLERS: &[&str] = CLAIM_FILLERS;
    let settled = |w: usize| w < settled_alone().len();
    let folded = crate::text::fold_width(&dash_before_date(sentence)).to_lowercase();
    let mut text = folded.clone();
    let mut later = false;
    // a claim of done dated in a period holding the as-of date (`2026年度対応済` as of
    // 2026-12-07) says it is done: only a period begun after it is later (review 23 C-7)
    let says_done = ALONE_WORDS.any(&folded, settled);
    // a none dated wholly before the fiscal year two before the as-of date's
    // (`2019年度監査で指摘なし`, as of 2026: before FY2024): an old audit's result says nothing
    // of the state now (review 20 A-4) — not one since then (`2019年度以降指摘なし`)
    let fresh_from = crate::date::Date::new(as_of.fiscal_year() - 2, 4, 1);
    let mut dated = false;
    let mut stale = true;
    for (written, last) in crate::date::dates_in(&folded) {
        later |= last > as_of && !(says_done && crate::date::first_day(&written, last) <= as_of);
        dated = true;
        let since = folded
            .split_once(written.as_str())
            .is_some_and(|(_, after)| {
                ["以降", "から", "より", "以来", "since", " since"]
                    .iter()
                    .any(|w| after.trim_start().starts_with(w))
            });
        stale &= !since && fresh_from.is_some_and(|f| last < f);
        text = text.replace(&written, " ");
    }
    let stale = dated && stale;
    let key = header_key(&text);
    let key = key.trim_end_matches(['.', '。', '!', '！']);
    // each matter marked, so that its own ない (`達しない`) is no none
    const MARK: char = '\u{1}';
    let mut marked = MATTER_WORDS.replace(key, MARK, |_| true).0;
    // a doubt (`解消済？`, `remediated?`, `解消済…`) is no statement of clean (review 18 A-10)
    let doubt = folded.contains(['?', '…']) || folded.contains("...");
    if !marked.contains(MARK) {
        // a resolved word standing alone (the note's matter is its item): the words outside
        // brackets only it and fillers (`是正済`, `全て対応完了`, `Closed`), the rest read as a
        // claim's — not a description done (`MFA導入完了`, `手順書にて対応済`)
        if !implied {
            return None;
        }
        let strip = |s: &str| {
            let (rest, replaced) = ALONE_WORDS.replace(s, ' ', |_| true);
            (
                replaced.first().is_some_and(|&w| settled(w)),
                rest.chars().all(|c| c == ' ' || !c.is_alphanumeric()),
            )
        };
        if strip(&outside_brackets(key)) != (true, true) {
            return None;
        }
        // its brackets refuse on a note's vocabulary only (a qualifier, a pending or
        // not-final word): a name, a department, a document or a reference reads
        // (`対応済（別紙参照）`, `OK（担当：佐藤）`, `Closed (see ticket #123)`: review 22 C-1)
        return Some(!(later || doubt) && (strip(key).1 || !bracket_qualifies(&text)));
    }
    let leading_no = matches!(
        folded
            .split(|c: char| !c.is_ascii_alphanumeric())
            .find(|w| !w.is_empty()),
        Some("no" | "zero")
    ) && (marked.starts_with("no") || marked.starts_with("zero"));
    if leading_no {
        marked = marked
            .trim_start_matches("zero")
            .trim_start_matches("no")
            .to_owned();
    }
    let resolved = RESOLVED.iter().any(|w| marked.contains(w));
    // a none right after a matter, fillers between (`未対応の項目はない`, `Gap: none (TBC)`,
    // `未対応：なし（一部）`) — not a matter's policy (`例外は認めない`)
    // what follows a matter, fillers skipped
    let after_matter = |i: usize| {
        let mut after = &marked[i + MARK.len_utf8()..];
        loop {
            let t = after.trim_start_matches(|c: char| !c.is_alphanumeric() && c != MARK);
            let t = FILLERS
                .iter()
                .find(|f| t.starts_with(**f))
                .map_or(t, |f| &t[f.len()..]);
            if t.len() == after.len() {
                break;
            }
            after = t;
        }
        after
    };
    let none_after = marked
        .match_indices(MARK)
        .any(|(i, _)| NONE.iter().any(|n| after_matter(i).starts_with(n)));
    if !(resolved || none_after || leading_no) {
        return None;
    }
    // a matter no none or resolved word follows (the pending `確認中`, `回答待ち` after the
    // claim: `差異なし（確認中）`) is outstanding (found with review 20 C-13)
    let outstanding = marked.match_indices(MARK).enumerate().any(|(k, (i, _))| {
        let after = after_matter(i);
        let settled = k == 0 && leading_no
            || after.starts_with(MARK)
            || NONE.iter().chain(RESOLVED).any(|n| after.starts_with(n));
        !settled
    });
    if outstanding || later || doubt || stale && !resolved || no_audit_since(&folded) {
        return Some(false);
    }
    let nones = none_after || leading_no;
    let (rest, _) = CLAIM_WORDS.replace(&marked.replace(MARK, " "), ' ', |w| {
        nones || w < RESOLVED.len() + FILLERS.len()
    });
    Some(rest.chars().all(|c| c == ' ' || !c.is_alphanumeric()))
}

/// Words replaced in a text as a chain of `str::replace` calls, one per word in the list's
/// order, replaces them, in one pass over the text: a chain of some 250 calls per note, each
/// building its searcher, was 4 % of a 300-item report (and an Aho-Corasick automaton of the
/// words cost more to build than the chain it saved, a note's rules running for each distinct
/// note only). Each character of the text is looked up among the words' first characters. A
/// word is replaced where the chain would: its places left to right, each overlapping neither
/// a place of its own taken before nor one of an earlier word; the replacement is one
/// character no word holds, so that no word is found across a replaced place
/// (`tests::words_replace_as_a_chain_does`).
struct Words {
    words: Vec<&'static str>,
    /// the words (their places in the list) by their first character
    by_first: foldhash::HashMap<char, Vec<usize>>,
}

impl Words {
    fn new(words: impl IntoIterator<Item = &'static str>) -> Words {
        let words: Vec<&'static str> = words.into_iter().collect();
        let mut by_first = foldhash::HashMap::<char, Vec<usize>>::default();
        for (i, w) in words.iter().enumerate() {
            if let Some(c) = w.chars().next() {
                by_first.entry(c).or_default().push(i);
            }
        }
        Words { words, by_first }
    }

    /// Every place of every word in `text`, overlapping ones too: (word, start, end).
    fn places<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, usize, usize)> + 't {
        (text.char_indices())
            .filter_map(|(i, c)| Some((i, self.by_first.get(&c)?)))
            .flat_map(move |(i, words)| {
                (words.iter())
                    .filter(move |&&w| text[i..].starts_with(self.words[w]))
                    .map(move |&w| (w, i, i + self.words[w].len()))
            })
    }

    /// Whether `text` holds a word `take` keeps (by its place in the list).
    fn any(&self, text: &str, take: impl Fn(usize) -> bool) -> bool {
        self.places(text).any(|(w, _, _)| take(w))
    }

    /// `text` with the words `take` keeps (by their place in the list) replaced by `with`, as
    /// the chain of `str::replace` calls for those words would, and the words replaced (their
    /// places in the list, ascending).
    fn replace(
        &self,
        text: &str,
        with: char,
        take: impl Fn(usize) -> bool,
    ) -> (String, Vec<usize>) {
        let mut found: Vec<(usize, usize, usize)> =
            self.places(text).filter(|&(w, _, _)| take(w)).collect();
        if found.is_empty() {
            return (text.to_owned(), Vec::new());
        }
        // word by word in the list's order, each word's places left to right
        found.sort_unstable();
        let mut taken: Vec<(usize, usize)> = Vec::new();
        let mut replaced = Vec::new();
        for (w, start, end) in found {
            if taken.iter().any(|&(s, e)| start < e && s < end) {
                continue;
            }
            taken.push((start, end));
            if replaced.last() != Some(&w) {
                replaced.push(w);
            }
        }
        taken.sort_unstable();
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for (start, end) in taken {
            out.push_str(&text[at..start]);
            out.push(with);
            at = end;
        }
        out.push_str(&text[at..]);
        (out, replaced)
    }
}

/// Why a note stands against its item, for the words of its problem (review 23 B-1: one
/// message had said "not done, deferred, in part or a finding" of every cause). Told from the
/// note's words alone, as the problem is worded where the as-of date is not known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteCause {
    /// An answer not given or still being checked ([`pending_in`]).
    Pending,
    /// The CSP's own assessment or a state not final ([`not_final_in_note`]).
    NotFinal,
    /// A none with no audit since ([`no_audit_since`]), or a dated none of an audit: stale
    /// or later than the as-of date.
    Stale,
    /// A check of the buyer's own made in addition to the ISMAP statement
    /// ([`beside_ismap`]).
    BesideIsmap,
    /// A term asked in the contract or the SLA ([`contract_term_asked`]).
    Contract,
    /// Anything else: not done, deferred, in part, a finding.
    Other,
}

/// The cause of a note's problem ([`NoteCause`]).
pub fn note_cause(note: &str) -> NoteCause {
    let pending = pending_in(note).is_some()
        || bracket_contents(note)
            .lines()
            .any(|b| pending_in(b).is_some());
    if pending {
        return NoteCause::Pending;
    }
    // also ISMAP's result said not to stand alone (`ISMAPの結果だけでは判断しない`: read
    // against by its `だけ`), worded as a check beside it
    let ismap_not_alone = || {
        let folded = crate::text::fold_width(note).to_lowercase();
        folded.match_indices("ismap").any(|(at, w)| {
            let after: String = folded[at + w.len()..].chars().take(10).collect();
            ["だけでは", "のみでは"].iter().any(|m| after.contains(m))
        })
    };
    if beside_ismap(note) || ismap_not_alone() {
        return NoteCause::BesideIsmap;
    }
    if contract_term_asked(note) {
        return NoteCause::Contract;
    }
    if no_audit_since(note) {
        return NoteCause::Stale;
    }
    if not_final_in_note(note).is_some() {
        return NoteCause::NotFinal;
    }
    // a none of an audit (`2019年度監査で指摘なし`), dated: no resolved word
    let folded = crate::text::fold_width(note).to_lowercase();
    let dated_audit_none = !crate::date::dates_in(note).is_empty()
        && (folded.contains("監査") || folded.contains("audit"))
        && !CLAIM_RESOLVED.iter().any(|w| folded.contains(w))
        && crate::input::csp::remarks::qualifier_beyond(note, &[]).is_none()
        && note_sentences(note).iter().any(|s| is_claim(s));
    if dated_audit_none {
        return NoteCause::Stale;
    }
    NoteCause::Other
}

/// Whether a note says no audit was made since (`以降監査なし`, `以来監査未実施`, `その後の監査
/// なし`, `未監査`, `no audit since`, `not audited since`): a none an audit found, not repeated,
/// says nothing of the state now (review 23 A-6) — not an audit's own none (`監査で指摘なし`,
/// `監査指摘なし`).
fn no_audit_since(text: &str) -> bool {
    const NONE: &[&str] = &[
        "なし",
        "無し",
        "ない",
        "無",
        "未実施",
        "未了",
        "していない",
        "していません",
        "受けていない",
        "行っていない",
        "実施していない",
        "実施なし",
        "実施無し",
        "未受検",
    ];
    let key = header_key(text);
    let after_audit = key.match_indices("監査").any(|(i, _)| {
        let after = key[i + "監査".len()..]
            .trim_start_matches(['の', 'は', 'を', 'が', 'も', '等', ':', '：', '-']);
        NONE.iter().any(|n| after.starts_with(n))
    });
    let lower = text.to_lowercase();
    let en = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .windows(3)
        .any(|w| {
            matches!(
                (w[0], w[1], w[2]),
                ("no", "audit" | "audits", "since" | "after")
                    | ("not", "audited", "since" | "after")
                    | ("not", "been", "audited")
            )
        });
    after_audit || key.contains("未監査") || en || lower.contains("unaudited since")
}

/// `text` with a dash written between a word and a date read as a space (`是正済－2027年3月`,
/// `是正済—2027年3月`, `是正済ー2027年3月` as `是正済 2027年3月`: review 23 A-11): a date right
/// after a dash is otherwise taken for part of a document number (`SEC-2027-01`) and the
/// dash for a word. Not after a letter or a digit (`SEC-2027`, `2025年4月-2026年3月`), nor a
/// prolonged mark after katakana (`サーバー`).
fn dash_before_date(text: &str) -> std::borrow::Cow<'_, str> {
    const DASHES: &[char] = &[
        '-', '－', '—', '―', 'ー', 'ｰ', '‐', '‑', '‒', '–', '−', '─', '━',
    ];
    if !text.contains(DASHES) {
        return text.into();
    }
    /// English words of a finding settled, before a dash and a date (`Closed－2027-03`):
    /// a word of a document number (`SEC-2027-01`) is none of them.
    const SETTLED: &[&str] = &[
        "closed",
        "resolved",
        "remediated",
        "fixed",
        "done",
        "completed",
        "implemented",
    ];
    let chars: Vec<char> = text.chars().collect();
    let digit = |c: char| crate::text::fold_char(c).is_ascii_digit();
    // the English word ending at `i` (exclusive), lower-cased
    let word_before = |i: usize| -> String {
        let start = chars[..i]
            .iter()
            .rposition(|&p| !crate::text::fold_char(p).is_ascii_alphabetic())
            .map_or(0, |k| k + 1);
        chars[start..i]
            .iter()
            .map(|&p| crate::text::fold_char(p).to_ascii_lowercase())
            .collect()
    };
    let out: String = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let between = DASHES.contains(&c)
                && chars.get(i + 1).is_some_and(|&n| digit(n))
                && prev.is_some_and(|p| {
                    let ascii = crate::text::fold_char(p).is_ascii();
                    // `Closed－2027-03` as `Closed 2027-03` (fix32-notes leftover)
                    let settled = ascii
                        && crate::text::fold_char(p).is_ascii_alphabetic()
                        && SETTLED.contains(&word_before(i).as_str());
                    settled
                        || !(ascii
                            || matches!(p, '年' | '月' | '日' | '度')
                            || DASHES.contains(&p)
                            || matches!(c, 'ー' | 'ｰ') && ('ァ'..='ヶ').contains(&p))
                });
            if between {
                ' '
            } else {
                c
            }
        })
        .collect();
    out.into()
}

/// Whether a resolved word's bracket (`text`: the sentence, dates taken out) qualifies it on
/// the vocabulary any note and remark is read with: a qualifier of a remark (in part, later,
/// elsewhere, another service's: [`crate::input::csp::remarks::qualifier_beyond`]), a word
/// saying it is not final or self-assessed ([`crate::input::csp::remarks::not_final_word`]), an
/// answer pending ([`PENDING_JA`], [`pending_in`]) or a plan (review 22 C-1).
fn bracket_qualifies(text: &str) -> bool {
    const PLAN: &[&str] = &[
        "予定",
        "計画",
        "plan",
        "draft",
        "他サービス",
        "別サービス",
        "他社",
        "otherservice",
        "一部",
        "partial",
    ];
    let inner: String = bracket_contents(text);
    let key = header_key(&inner);
    crate::input::csp::remarks::qualifier_beyond(&inner, &[]).is_some()
        || crate::input::csp::remarks::not_final_word(&key).is_some()
        || PENDING_JA.iter().any(|w| key.contains(w))
        || pending_in(&inner).is_some()
        || PLAN.iter().any(|w| key.contains(w))
        || inner.lines().any(|l| header_key(l) == "案")
}

/// The text inside the brackets of `text`, each bracket's on its own line.
fn bracket_contents(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '（' | '[' | '［' | '【' | '〔' => {
                depth += 1;
                if depth == 1 {
                    out.push('\n');
                    continue;
                }
            }
            ')' | '）' | ']' | '］' | '】' | '〕' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    continue;
                }
            }
            _ => {}
        }
        if depth > 0 {
            out.push(c);
        }
    }
    out
}

/// The words of a claim resolved (`解消済`, `remediated`) or settled that say it standing
/// alone, the item being the matter (`是正完了`, `完了`, `クローズ`, `済`, `Done`, `OK`: review 20
/// A-2, A-6), longest first.
fn settled_alone() -> &'static [String] {
    static WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        const MORE: &[&str] = &[
            "是正完了",
            "対応完了",
            "解消完了",
            "改善完了",
            "修正完了",
            "修正済み",
            "修正済",
            "完了済み",
            "完了済",
            "完了",
            "クローズ済み",
            "クローズ済",
            "クローズ",
            "済み",
            "済",
            "done",
            "completed",
            "complete",
            "ok",
        ];
        let mut all: Vec<String> = CLAIM_RESOLVED
            .iter()
            .chain(MORE)
            .map(|w| (*w).to_owned())
            .collect();
        all.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        all
    })
}

/// `key` (width-folded) without what its brackets hold (`是正済(2027年3月)` → `是正済`).
fn outside_brackets(key: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        match c {
            '(' | '[' | '【' | '〔' | '［' | '（' => depth += 1,
            ')' | ']' | '】' | '〕' | '］' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether every place `text` names the NIST id `id` cites it with its standard's name in
/// the same phrase (`参考：NIST SP 800-53 AC-6`, `NIST AC-2`), not bare (`AC-2 も確認`).
fn cited_as_nist(text: &str, id: &str) -> bool {
    if crate::catalog::resolve::parse_nist(id).is_none() {
        return false;
    }
    let mut places = text.match_indices(id).peekable();
    places.peek().is_some()
        && places.all(|(at, _)| {
            let phrase = text[..at]
                .rsplit(['、', '。', ',', '，', ';', '；', '\n'])
                .next()
                .unwrap_or_default();
            let phrase = crate::text::fold_width(phrase).to_lowercase();
            phrase.contains("nist") || phrase.contains("800-53")
        })
}

/// How many cells of ISMAP ids a note column needs to be refused as a second references
/// column ([`Items::check_extra_columns`]): fewer are each read with their item.
const NOTE_IDS_MIN: usize = 3;

/// Whether `text` names control ids and every one is one of `item`'s references, the same
/// numbers with or without a mark (`CLD.9.5.1` beside `9.5.1.P`, `A.9.2.4` beside `9.2.4`):
/// it restates them. Not a detail under one (`9.2.3.11.PB` beside `9.2.3`): narrower.
/// `ids`: the ids the text names ([`named_ids`]).
fn restates_named(item: &CheckItem, ids: &[String]) -> bool {
    if ids.is_empty() {
        return false;
    }
    let written = written_runs(item);
    ids.iter().all(|id| {
        number_runs(id)
            .iter()
            .all(|n| written.iter().any(|runs| runs.iter().any(|w| w == n)))
    })
}

/// The references a text names ([`crate::catalog::reftext::prose_ids`]) but those it
/// records as history (`旧版では9.2.2だった`, `旧: 9.2.2`, `以前は9.4.1としていた`,
/// `9.2.2から変更`, `was 9.2.2`: review 13 B-1, B-4), which ask nothing of the item.
fn named_now(text: &str) -> Vec<&str> {
    let mut ids = crate::catalog::reftext::prose_ids(text, &in_catalog);
    ids.retain(|id| !is_history(text, id));
    ids
}

/// Whether `id`, a part of `text`, is written as what a reference was: its clause (from
/// the last `、`/`。` before it to the next after it) says so before it (`旧版`, `以前は`,
/// `変更前`, `旧:` — not `復旧`) or after it (`だった`, `としていた`, `から変更`).
fn is_history(text: &str, id: &str) -> bool {
    const BEFORE: [&str; 12] = [
        "旧版",
        "旧番号",
        "旧管理策",
        "旧基準",
        "以前は",
        "以前の",
        "変更前",
        "改訂前",
        "改定前",
        "前版",
        "previously",
        "formerly",
    ];
    const AFTER: [&str; 8] = [
        "だった",
        "であった",
        "としていた",
        "から変更",
        "から移動",
        "から移行",
        "was changed",
        "was renumbered",
    ];
    const BREAKS: [char; 6] = ['、', '。', ',', ';', '；', '\n'];
    let Some(start) = (id.as_ptr() as usize).checked_sub(text.as_ptr() as usize) else {
        return false;
    };
    let (Some(before), Some(after)) = (text.get(..start), text.get(start + id.len()..)) else {
        return false;
    };
    let before = before.rsplit(BREAKS).next().unwrap_or("");
    let after = after.split(BREAKS).next().unwrap_or("");
    let (before, after) = (
        crate::analysis::procedures::fold(before),
        crate::analysis::procedures::fold(after),
    );
    let mark = before.trim_end_matches([' ', ':', '：', '(', '（', '「']);
    // the history word governs this id only if nothing between them names another id or
    // says the id is new (`前版から追加：9.4.1`, `変更前の9.2.2に加え9.4.1`: review 14 A-9)
    const CURRENT: [&str; 8] = [
        "追加",
        "加え",
        "新た",
        "新規",
        "新設",
        "added",
        "new",
        "in addition",
    ];
    let governs = |w: &str| {
        before.rfind(w).is_some_and(|at| {
            let between = &before[at + w.len()..];
            !CURRENT.iter().any(|c| between.contains(c))
                && crate::catalog::reftext::prose_ids(between, &in_catalog).is_empty()
        })
    };
    BEFORE.iter().any(|w| governs(w))
        || (mark.ends_with('旧') && !mark.ends_with("復旧"))
        || mark.ends_with("was")
        || AFTER.iter().any(|w| after.contains(w))
}

/// The numbers of each reference of `item` as written, each run of digits and dots; a
/// reference of two runs is a range (`9.2.1-9.2.6`).
fn written_runs(item: &CheckItem) -> Vec<Vec<Vec<u32>>> {
    item.refs.iter().map(|r| number_runs(r)).collect()
}

/// Whether the references written ([`written_runs`]) hold the control numbered `n`: one
/// of them, its clause or category, or a range around it.
fn held_by(written: &[Vec<Vec<u32>>], n: &[u32]) -> bool {
    written.iter().any(|runs| {
        runs.iter().any(|w| n.starts_with(w))
            || matches!(&runs[..], [from, to] if from.as_slice() <= n && n <= to.as_slice())
    })
}

/// The detailed controls (four numbers or more) the item's text or note names under what
/// its references cells name but not themselves (`特権IDを共有しないこと（詳細管理策
/// 9.2.3.11.PB）` over `9.2.3`; `9.2.3.11 を確認すること` in the note), as written, each once:
/// narrower than the references, and the item is about them (review 11 A-23) — read as
/// references of the item, never judged on the objective alone.
/// `named`: the ids of its text and note ([`reftext::prose_ids`]).
///
/// [`reftext::prose_ids`]: crate::catalog::reftext::prose_ids
fn details_named_under(item: &CheckItem, named: &[Vec<String>; 2]) -> Vec<String> {
    if item.refs.is_empty() || named.iter().all(Vec::is_empty) {
        return Vec::new();
    }
    let written = written_runs(item);
    let mut out: Vec<String> = Vec::new();
    for ids in named {
        for id in ids {
            let runs = number_runs(id);
            let [n] = &runs[..] else {
                continue;
            };
            let same = |w: &Vec<u32>| w == n;
            if n.len() >= 4
                && held_by(&written, n)
                && !written.iter().any(|runs| runs.iter().any(same))
                && !out.iter().any(|o| number_runs(o) == runs)
            {
                out.push(id.to_owned());
            }
        }
    }
    out
}

/// The runs of digits and dots of `text` (full-width folded), each as its numbers:
/// `A.9.2.4 (2013)` → [9, 2, 4], [2013].
fn number_runs(text: &str) -> Vec<Vec<u32>> {
    let folded = crate::text::fold_width(text);
    folded
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map(|run| {
            run.split('.')
                .filter(|n| !n.is_empty())
                .filter_map(|n| n.parse().ok())
                .collect::<Vec<u32>>()
        })
        .filter(|n| !n.is_empty())
        .collect()
}

/// From this many items [`add_problems`] reads the items on several threads (a thread's
/// start costs about what a few items' checks do).
const PARALLEL_MIN_ITEMS: usize = 2_000;

/// Adds to each item the problems `find` finds in it, given the headers of the columns its
/// text and note were read from ([`CheckList::prose_columns`] of its sheet).
fn add_problems(
    list: &mut CheckList,
    find: impl for<'a> Fn(&mut Seen<'a>, usize, &'a CheckItem, Option<&'a [String; 2]>) -> Vec<CellProblem>
        + Sync,
) {
    use crate::parallel::{in_parts, slice_parts, threads_for};
    let sheet_index = |item: &CheckItem| {
        sheet_of(list, item)
            .and_then(|s| list.sheets.iter().position(|n| n == s))
            .unwrap_or(0)
    };
    // each item on its own: a long list on several threads, the parts joined in order
    let threads = threads_for(list.items.len(), PARALLEL_MIN_ITEMS);
    let found: Vec<Vec<CellProblem>> = in_parts(
        slice_parts(&list.items, threads),
        list.items.len(),
        |first, part: &[CheckItem], out: &mut Vec<Vec<CellProblem>>| {
            let mut seen = Seen::default();
            out.extend(part.iter().enumerate().map(|(k, item)| {
                find(
                    &mut seen,
                    first + k,
                    item,
                    list.prose_columns.get(sheet_index(item)),
                )
            }));
        },
    );
    for (item, problems) in list.items.iter_mut().zip(found) {
        item.problems.extend(problems);
    }
}

/// An assurance level above the item's written outside its assurance cell, in every
/// check-list format: in its text (`【個別監査】特権IDの管理`), its note (`SOC2 Type2報告書で
/// 確認すること`) or another column, it is a problem naming the column and the text (the item
/// is not analysed rather than judged at the lower level); in a title row above the header
/// (`本チェックリストで求める確認水準: 保証報告（SOC2 Type2）`) while items ask for less, the list
/// is refused. An item whose assurance cell could not be read is not analysed already.
pub fn check_assurance_words(list: &mut CheckList) -> Result<(), InputError> {
    let below = |item: &CheckItem, level: Assurance| {
        item.assurance < level
            && item
                .problems
                .iter()
                .all(|p| p.field != ProblemField::Assurance)
    };
    // a title row above the header, or a row among or below the items that is no item (a
    // section heading `■ アクセス管理（本区分はSOC2 Type2報告書で確認）`, a note `※以下の項目は個別
    // 監査により確認する`, a footnote `（注）項番2は個別監査で確認`: review 24 A-1, A-2) asking for
    // more than items give: which items it concerns cannot be told
    // or a header cell saying what the items' cells or blanks mean (`求める確認水準（空欄は個別監査）`,
    // `※確認水準：全項目SOC2 Type2報告書` over an empty column: review 24 A-12)
    enum Said<'a> {
        Title,
        Among,
        Header(&'a str),
    }
    let title_rows = list
        .title_rows
        .iter()
        .map(|(row, text)| (None, *row, text, Said::Title));
    let among = list
        .rows_not_read
        .iter()
        // a worked example's level is the example's, a repeated header's its header
        .filter(|r| !matches!(r.kind, NotAnItem::Example | NotAnItem::RepeatedHeader))
        .map(|r| (r.sheet.as_deref(), r.row, &r.text, Said::Among));
    let headers = list
        .header_notes
        .iter()
        .map(|h| (h.sheet.as_deref(), h.row, &h.text, Said::Header(&h.column)));
    for (sheet, row, text, said) in title_rows.chain(among).chain(headers) {
        let Some(level) = level_asked(text) else {
            continue;
        };
        let lower: Vec<&str> = list
            .items
            .iter()
            .filter(|i| below(i, level))
            .map(|i| i.id.as_str())
            .collect();
        if let Some(first) = lower.first() {
            let more = match lower.len() {
                1 => String::new(),
                n => format!(" and {} more", n - 1),
            };
            let shown = text.chars().take(60).collect::<String>();
            let given = list
                .items
                .iter()
                .find(|i| i.id == *first)
                .map_or("ismap", |i| i.assurance.as_str());
            let message = match said {
                Said::Title => format!(
                    "the title row '{shown}' asks for an assurance level ({}) above the one check items give ('{first}'{more}: {given}): which one the buyer asks for cannot be told",
                    level.label(Lang::En),
                ),
                Said::Among => format!(
                    "the row '{shown}' among the check items holds no item and asks for an assurance level ({}) above the one check items give ('{first}'{more}: {given}): which items it concerns cannot be told, and they would be judged at the lower level",
                    level.label(Lang::En),
                ),
                Said::Header(_) => format!(
                    "the header '{shown}' asks for an assurance level ({}) above the one check items give ('{first}'{more}: {given}): which items it concerns cannot be told, and they would be judged at the lower level",
                    level.label(Lang::En),
                ),
            };
            let loc = Location::file(&list.source)
                .sheet(sheet.or(list.sheet.as_deref()))
                .row(row);
            let (loc, hint) = match said {
                Said::Header(column) => (
                    loc.column(column.to_owned()),
                    "give each item its required assurance in the column 求める確認水準 (保証報告, 個別監査), and take the note out of the header",
                ),
                _ => (
                    loc,
                    "give each item its required assurance in the column 求める確認水準 (保証報告, 個別監査), or delete the line",
                ),
            };
            return Err(InputError::at(loc, message).hint(hint));
        }
    }
    add_problems(list, |seen, _, item, columns| {
        let prose = [&item.title, &item.note]
            .into_iter()
            .enumerate()
            .map(|(k, text)| (columns.map(|c| c[k].as_str()).unwrap_or_default(), text));
        let extra = item.extra.0.iter().map(|(n, v)| (n.as_str(), v));
        prose
            .chain(extra)
            // nothing is above an own audit: its texts are not read
            .filter(|(_, text)| {
                below(item, Assurance::Audit)
                    && (*seen.levels.of(text, level_asked)).is_some_and(|a| below(item, a))
            })
            .map(|(column, text)| CellProblem {
                field: ProblemField::AssuranceOutside,
                column: column.to_owned(),
                value: text.trim().to_owned(),
            })
            .collect()
    });
    Ok(())
}

/// Whether a header note lists the assurance column's values (`（ISMAP/保証報告/個別監査）`,
/// `(ismap, soc2, audit)`): two levels or more named between separators. One saying what a
/// blank means (`（空欄は個別監査）`) lists nothing.
fn lists_levels(note: &str) -> bool {
    const BLANK: [&str; 8] = [
        "空欄",
        "空白",
        "未記入",
        "無記入",
        "未入力",
        "記載なし",
        "blank",
        "empty",
    ];
    let folded = crate::analysis::procedures::fold(note);
    if BLANK.iter().any(|w| folded.contains(w)) {
        return false;
    }
    let names_level = |part: &str| {
        Assurance::named_in(part).is_some()
            || ["ismap", "自己申告", "self"]
                .iter()
                .any(|w| part.contains(w))
    };
    folded
        .split(['/', '・', '、', ',', '|', '，'])
        .filter(|part| names_level(part))
        .count()
        >= 2
}

/// Whether the header of a column with nothing under it is written as a note on every item
/// or on the blanks (`※確認水準：全項目SOC2 Type2報告書`, `注：空欄は個別監査`), not as the
/// header of an answer column left empty (`SOC2報告書の有無`).
fn is_note_of_all(header: &str) -> bool {
    const MARKS: [&str; 6] = ["※", "*", "注", "(注)", "note", "【注"];
    const ALL: [&str; 10] = [
        "全項目",
        "全ての項目",
        "すべての項目",
        "全件",
        "各項目",
        "空欄",
        "未記入",
        "all items",
        "every item",
        "blank",
    ];
    let folded = crate::analysis::procedures::fold(header);
    let folded = folded.trim();
    MARKS.iter().any(|m| folded.starts_with(m)) || ALL.iter().any(|w| folded.contains(w))
}

/// A title row above the header or a footnote below the items saying the list's mapping
/// to ISMAP is approximate or not settled (`※ISMAP管理基準との対応は近似です`,
/// `※対応するISMAP管理策は参考であり…`, `Note: the mapping to ISMAP controls is
/// approximate`) is refused, as such a note on the references header is (review 11
/// A-17): it covers every item, none of which can be read as exact. An item's own marker
/// (`9.2.3（近似）` in its note) caps that item instead (`gap::Limits`).
pub fn check_mapping_notes(list: &CheckList) -> Result<(), InputError> {
    use crate::analysis::procedures::{fold, says_mapping_approximate};
    let title_rows = list
        .title_rows
        .iter()
        .map(|(row, text)| (None, *row, text, true));
    let footnotes = list
        .rows_not_read
        .iter()
        .filter(|r| r.kind == NotAnItem::Footnote)
        .map(|r| (r.sheet.as_deref(), r.row, &r.text, false));
    for (sheet, row, text, above) in title_rows.chain(footnotes) {
        let Some(word) = says_mapping_approximate(&fold(text), true) else {
            continue;
        };
        let text: String = text.trim().chars().take(60).collect();
        return Err(InputError::at(
            Location::file(&list.source)
                .sheet(sheet.or(list.sheet.as_deref()))
                .row(row),
            match above {
                true => format!("the title row '{text}' says the mapping to ISMAP is approximate or not settled ('{word}'): the items' controls cannot be read as their requirements"),
                false => format!("the note below the items '{text}' says the mapping to ISMAP is approximate or not settled ('{word}'): the items' controls cannot be read as their requirements"),
            },
        )
        .hint("confirm each item's ISMAP controls and delete the line; write （近似） in the note of an item whose control only approximates it (that item is then at most partial), or leave the control out"));
    }
    Ok(())
}

/// Words of a line that asks something of the check items (`含めること`, `確認すること`,
/// `を求める`, `必須`, `must`, `required`).
const ASKING: &[&str] = &[
    "こと",
    "求め",
    "必須",
    "必要",
    "要する",
    "含め",
    "対象と",
    "対象に",
    "確認す",
    "提出",
    "入手",
    "must",
    "require",
    "shall",
    "include",
    "obtain",
];

/// Words of a line that describes how to fill the list in (an instructions sheet: `求める確認
/// 水準の列に ISMAP、保証報告、個別監査のいずれかを記入`, `e.g.`), asking nothing of its items.
const DESCRIBING: &[&str] = &[
    "記入",
    "入力",
    "選択",
    "いずれか",
    "書きます",
    "書いてください",
    "記載してください",
    "記載します",
    "記載例",
    "例:",
    "例：",
    "fill in",
    "enter ",
    "select",
    "choose",
    "e.g.",
    "for example",
];

/// Whether a line outside the items asks something of them ([`ASKING`], or a label of the
/// required assurance with its value: `確認水準: 保証報告`) rather than describing how to
/// fill the list in ([`DESCRIBING`]).
fn asks_of_items(text: &str) -> bool {
    let folded = crate::text::fold_width(text).to_lowercase();
    let labelled = folded
        .split_once([':', '：'])
        .is_some_and(|(label, _)| Field::of_header(label) == Some(Field::Assurance));
    // the assurance column's own name (`求める確認水準`) asks nothing
    let unnamed = ["求める確認水準", "求める保証水準", "求める保証レベル"]
        .iter()
        .fold(folded.clone(), |t, name| t.replace(name, ""));
    // the levels to choose from (`ISMAP / 保証報告 / 個別監査`, `ISMAP又はSOC2`): ISMAP among
    // them asks for no more
    let choices = (unnamed.contains("ismap") || unnamed.contains("自己申告"))
        && ["/", "・", "、", "|", "又は", "または", " or "]
            .iter()
            .any(|s| unnamed.contains(s));
    (labelled || ASKING.iter().any(|w| unnamed.contains(w)))
        && !choices
        && !DESCRIBING.iter().any(|w| folded.contains(w))
}

/// Refuses a line the list writes outside its items ([`CheckList::outside_lines`]: a cover
/// or instructions sheet's line, a cell comment on no item, a YAML comment outside the
/// items; and the title rows above the header) that asks something of the items the tool
/// would not see in them (review 11 A-21): ISMAP controls to include (`9.2.3も対象に含める
/// こと`: which items it concerns cannot be told), or an assurance level above one an item
/// gives (`各項目はSOC2 Type2報告書で確認すること`). A line describing how to fill the list in
/// (`…のいずれかを記入`), or asking nothing, is read.
pub fn check_outside_lines(list: &CheckList) -> Result<(), InputError> {
    let title_rows = list.title_rows.iter().map(|(row, text)| OutsideLine {
        sheet: list.sheet.clone(),
        row: *row,
        comment_on: None,
        text: text.clone(),
    });
    for line in list.outside_lines.iter().cloned().chain(title_rows) {
        if !asks_of_items(&line.text) {
            continue;
        }
        // a level offered or said not needed asks nothing, nor an id written as history
        let ids = named_now(&line.text);
        let level = level_asked(&line.text);
        let lower: Vec<&CheckItem> = level
            .map(|level| {
                list.items
                    .iter()
                    .filter(|i| {
                        i.assurance < level
                            && i.problems
                                .iter()
                                .all(|p| p.field != ProblemField::Assurance)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let text: String = line.text.chars().take(60).collect();
        let whose = match &line.comment_on {
            Some(cell) => format!("the comment on cell {cell} ('{text}')"),
            None => format!("the line '{text}'"),
        };
        let loc = Location::file(&list.source).sheet(line.sheet.as_deref());
        let loc = match FileKind::of(&list.source) {
            FileKind::Yaml => loc.line(line.row),
            _ => loc.row(line.row),
        };
        let e = if !ids.is_empty() {
            InputError::at(
                loc,
                format!(
                    "{whose} asks for ISMAP controls ({}) outside the check items: which items it concerns cannot be told, and they would be judged without it",
                    ids.join(", ")
                ),
            )
        } else if let (Some(level), Some(first)) = (level, lower.first()) {
            let more = match lower.len() {
                1 => String::new(),
                n => format!(" and {} more", n - 1),
            };
            InputError::at(
                loc,
                format!(
                    "{whose} asks for an assurance level ({}) above the one check items give ('{}'{more}: {}): which one the buyer asks for cannot be told",
                    level.label(Lang::En),
                    first.id,
                    first.assurance.as_str()
                ),
            )
        } else {
            continue;
        };
        return Err(e.hint(
            "write what the line asks into the items it concerns (their references column, or the required assurance in 求める確認水準), or delete the line: a line outside the items is not read as any item's",
        ));
    }
    Ok(())
}

/// The highest assurance level above ISMAP a text asks for ([`Assurance::named_in`]), not
/// counting one it offers as an alternative or says is not needed (review 11 C-18):
/// `SOC2でも可` (also acceptable), `ISMAP又はSOC2報告書で確認` (either: the weaker will do),
/// `SOC2は不要` ask for nothing more; `SOC2 Type2報告書で確認すること`, `SOC2又は個別監査`
/// (the weaker of the two is SOC 2), and what follows such words (`SOC2は不要だが個別監査で
/// 確認`) still do. Read sentence by sentence.
fn level_asked(text: &str) -> Option<Assurance> {
    const NOT_NEEDED: [&str; 10] = [
        "不要",
        "必要なし",
        "必要ない",
        "必要ありません",
        "求めない",
        "求めません",
        "not required",
        "not needed",
        "unnecessary",
        "no need",
    ];
    const ALSO: [&str; 8] = [
        "でも可",
        "でもよい",
        "でも良い",
        "でも構わない",
        "も可",
        "also accepted",
        "is acceptable",
        "are acceptable",
    ];
    const OR: [&str; 6] = ["又は", "または", "もしくは", "若しくは", " or ", "いずれか"];
    // a level offered if there is one, or for reference only (`SOC2報告書をお持ちの場合は
    // ご提出ください`, `必要に応じて証跡（SOC2報告書等）を添付`, `参考として入手`): the
    // sentence asks for nothing (review 13 C-8, B-4)
    const OPTIONAL: [&str; 18] = [
        "お持ちの場合",
        "お持ちであれば",
        "がある場合",
        "があれば",
        "がございましたら",
        "ございましたら",
        "可能であれば",
        "可能な場合",
        "必要に応じ",
        "参考として",
        "参考に",
        "参考まで",
        "任意",
        "if available",
        "if any",
        "if you have",
        "where available",
        "optional",
    ];
    if !may_name_assurance(text) {
        return None;
    }
    Assurance::named_in(text)?;
    let folded = crate::analysis::procedures::fold(text);
    folded
        .split(['。', ';', '；', '\n'])
        .filter(|sentence| !OPTIONAL.iter().any(|w| governs_level(sentence, w)))
        .filter_map(|sentence| {
            // what follows the last word saying the level before it is not needed or only
            // an alternative is what the sentence asks for
            // `不要` ends what it says (`不要`, `不要です`, `不要だが`), not `不要なID`
            let ends = |w: &str, end: usize| {
                let after = &sentence[end..];
                !NOT_NEEDED.contains(&w)
                    || after.is_empty()
                    || after.starts_with(['、', ',', '。', '.', '(', 'だ', 'で', 'が', 'と'])
                    || w.is_ascii() && after.starts_with(' ')
            };
            let asked = NOT_NEEDED
                .iter()
                .chain(&ALSO)
                .flat_map(|w| sentence.match_indices(w).map(|(i, _)| (*w, i + w.len())))
                .filter(|&(w, end)| ends(w, end))
                .map(|(_, end)| end)
                .max()
                .map_or(sentence, |end| &sentence[end..]);
            let level = Assurance::named_in(asked)?;
            // either of two: the weaker will do (one naming ISMAP: ISMAP; one naming no
            // level: none)
            let side = |t: &str| {
                Assurance::named_in(t).or(t.contains("ismap").then_some(Assurance::Ismap))
            };
            match OR.iter().find(|w| asked.contains(**w)) {
                Some(w) => asked.split(w).map(side).min().flatten(),
                None => Some(level),
            }
        })
        .max()
}

/// Whether an optional word `w` ([`level_asked`]) in `sentence` governs a level it names
/// (review 14 A-9: `SOC2 Type2報告書を提出すること（必要に応じて追加資料を求める）` dropped the
/// demand): a word in a bracket governs the bracket (the sentence, if the bracket holds
/// little else: `（お持ちの場合）`), one outside any from its clause (the last `、`/`,` before
/// it) to the sentence's end; a negated one (`任意ではなく必須`, `not optional`) none.
fn governs_level(sentence: &str, w: &str) -> bool {
    sentence.match_indices(w).any(|(at, _)| {
        let after = &sentence[at + w.len()..];
        if ["ではな", "でな", "じゃな"]
            .iter()
            .any(|n| after.starts_with(n))
            || sentence[..at].ends_with("not ")
        {
            return false;
        }
        let mut depth = 0usize;
        let mut start = None;
        for (i, c) in sentence[..at].char_indices().rev() {
            match c {
                '）' | ')' => depth += 1,
                '（' | '(' if depth == 0 => {
                    start = Some((i + c.len_utf8(), true));
                    break;
                }
                '（' | '(' => depth -= 1,
                '、' | ',' if depth == 0 => {
                    start = Some((i + c.len_utf8(), false));
                    break;
                }
                _ => {}
            }
        }
        let region = match start {
            Some((open, true)) => {
                let close = after
                    .find(['）', ')'])
                    .map_or(sentence.len(), |i| at + w.len() + i);
                // a bracket that is only the condition (`（お持ちの場合）`, `（任意）`,
                // `(if available)`) qualifies what it follows: the whole sentence
                let rest = sentence[open..close].replacen(w, "", 1);
                if rest.trim().chars().count() <= 3 {
                    sentence
                } else {
                    &sentence[open..close]
                }
            }
            Some((from, false)) => &sentence[list_start(sentence, from, at)..],
            None => sentence,
        };
        Assurance::named_in(region).is_some()
    })
}

/// Where the clause an optional word at `at` governs starts, given the `、`/`,` it starts
/// after (`from`): a list of nouns before the word (`SOC2報告書、ISO認証書等があれば`) is one
/// clause, so the start moves back over each item of no kana (no particle nor verb: not
/// `SOC2報告書を提出、`) nor bracket (`SOC2報告書（必須）、`) nor demand word (review 16 A-3:
/// `SOC2 Type2必須、`, `… report required,` are demands, never nouns of the optional list).
fn list_start(sentence: &str, mut from: usize, at: usize) -> usize {
    const DEMAND: [&str; 7] = [
        "必須",
        "必要",
        "要提出",
        "required",
        "mandatory",
        "must",
        "shall",
    ];
    let noun = |t: &str| {
        !t.trim().is_empty()
            && !DEMAND.iter().any(|d| t.to_lowercase().contains(d))
            && !t
                .chars()
                .any(|c| ('\u{3041}'..='\u{309F}').contains(&c) || "（()）「」【】:：".contains(c))
    };
    if !noun(&sentence[from..at]) {
        return from;
    }
    loop {
        let before = &sentence[..from];
        let Some(delim) = before.chars().next_back() else {
            return from;
        };
        let before = &before[..before.len() - delim.len_utf8()];
        let item_start = before.rfind(['、', ',']).map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
        if !noun(&before[item_start..]) {
            return from;
        }
        from = item_start;
        if item_start == 0 {
            return 0;
        }
    }
}

/// Whether [`Assurance::named_in`] can find a level in `text`, asked character by character
/// before it builds the text's key (most items' titles and notes name none). Every word it
/// knows holds `s` or `t` (`soc2`, `isae3402`, `it7`, `right to audit`; in full or half
/// width, either case), or `保` before `証` (`保証報告`, `第三者保証`), or one of `監`, `検`,
/// `調`, `確` after `別`, `地`, `入`, `型`, `ト` or `問` (`個別監査`, `現地確認`, `立入検査`,
/// `オンサイト調査`, `訪問監査`). Kana and kanji are their own key, so a `保` before another
/// kana or kanji, or a `監` after one, is none of them; any character not a kana, kanji or
/// ASCII (nor a width variant of one) is left to `named_in`.
fn may_name_assurance(text: &str) -> bool {
    let plain = |c: char| matches!(c, '\u{3041}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}');
    let mut before: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let may = match c {
            '保' => chars.peek().is_some_and(|&n| n == '証' || !plain(n)),
            // `当社監査`, `当社による監査`, `当社が監査`, `監査権` (review 24 A-5)
            '監' => {
                before.is_some_and(|p| {
                    // `書面監査` (review 25 A-4); `リモート監査` after `ト`
                    matches!(
                        p,
                        '別' | '地' | '入' | '型' | 'ト' | '問' | '社' | 'る' | 'が' | '面'
                    ) || !plain(p)
                }) || {
                    let mut ahead = chars.clone();
                    ahead.next() == Some('査') && ahead.next() == Some('権')
                }
            }
            // `往査`
            '往' => chars.peek() == Some(&'査'),
            // `現地視察`, `実地視察` (review 25 A-4)
            '視' => before.is_some_and(|p| p == '地') && chars.peek() == Some(&'察'),
            '検' | '調' | '確' => before.is_some_and(|p| {
                // `実地で確認`, `訪問して確認`, `現地にて確認`, `訪問による確認` (review 24 A-5)
                matches!(
                    p,
                    '別' | '地' | '入' | '型' | 'ト' | '問' | 'で' | 'て' | 'る'
                ) || !plain(p)
            }),
            _ if plain(c) || ('\u{3000}'..='\u{303F}').contains(&c) => false,
            '\u{FF01}'..='\u{FF5E}' => matches!(crate::text::fold_char(c), 's' | 't' | 'S' | 'T'),
            _ => !c.is_ascii() || matches!(c, 's' | 't' | 'S' | 'T'),
        };
        if may {
            return true;
        }
        before = Some(c);
    }
    false
}

/// The sub-item mark a text starts with, as written: a number or letter in brackets (`（2）`,
/// `(3)`, `2)`, `(a)`, `(ア)`), a circled number (`②`), or a bullet (`-`, `・`, `•`, `－`), the
/// mark followed by the sub-item's text ([`Items::check_sub_item`]).
fn sub_item_mark(title: &str) -> Option<&str> {
    let t = title.trim_start();
    let mut chars = t.char_indices();
    let (_, first) = chars.next()?;
    let end = if ('\u{2460}'..='\u{2473}').contains(&first)
        || ['-', '・', '•', '－', '‐', '–', '･'].contains(&first)
    {
        first.len_utf8()
    } else {
        // `（2）`, `(3)`, `2)`, `(a)`, `(ア)`: a short number or one letter, then a closing bracket
        let open = ['(', '（'].contains(&first);
        let inner_start = if open { first.len_utf8() } else { 0 };
        let close = t[inner_start..].find([')', '）'])? + inner_start;
        let inner = &t[inner_start..close];
        let n = inner.chars().count();
        let number = (1..=2).contains(&n)
            && inner
                .chars()
                .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
        let letter = n == 1
            && inner.chars().all(|c| {
                c.is_ascii_lowercase() || ('ア'..='ン').contains(&c) || ('ａ'..='ｚ').contains(&c)
            });
        if !(number || open && letter) {
            return None;
        }
        close + t[close..].chars().next()?.len_utf8()
    };
    // the mark then text: a mark alone, or a dash of a none (`-`, `－`), is no sub-item
    let rest = t[end..].trim_start();
    (!rest.is_empty() && !rest.starts_with(['-', '－', '-'])).then(|| &t[..end])
}

/// A row's filled cells joined by a space (a row not read, for messages).
fn row_text(cells: &(impl Cells + ?Sized)) -> String {
    let text = crate::text::join_filled((0..cells.width()).map(|c| cells.cell(c)));
    match text.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text,
    }
}

/// The cell of column `c`, trimmed; of columns `c..=last` joined, when its header spans
/// them.
fn cell_text(
    cells: &(impl Cells + ?Sized),
    c: usize,
    last: Option<usize>,
) -> std::borrow::Cow<'_, str> {
    match last {
        Some(last) => std::borrow::Cow::Owned(joined(cells, c, last)),
        None => std::borrow::Cow::Borrowed(cells.cell(c).trim()),
    }
}

/// A row's references cells split ([`RefsCells::split`]), column by column.
type SplitRefs = Vec<Vec<String>>;

/// The references columns of a header, each with the last column its header spans: a
/// row's references cells split apart from the items being read (on the thread parsing a
/// long CSV), as [`Items::add_refs`] splits them.
struct RefsCells(Vec<(usize, Option<usize>)>);

impl RefsCells {
    fn split(&self, cells: &(impl Cells + ?Sized)) -> SplitRefs {
        self.0
            .iter()
            .map(|&(c, last)| {
                crate::catalog::reftext::split(&cell_text(cells, c, last))
                    .into_iter()
                    .map(str::to_owned)
                    .collect()
            })
            .collect()
    }
}

/// The cells of columns `first..=last` joined by a space (a field whose header cell is
/// merged across them).
fn joined(cells: &(impl Cells + ?Sized), first: usize, last: usize) -> String {
    crate::text::join_filled((first..=last).map(|c| cells.cell(c)))
}

#[derive(Debug)]
enum OneOrMany {
    One(Scalar),
    Many(Vec<Scalar>),
}

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<OneOrMany, D::Error> {
        struct Visit;
        impl<'de> Visitor<'de> for Visit {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("ISMAP ids: a text, or a list of texts")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<OneOrMany, E> {
                ScalarVisitor.visit_str(v).map(OneOrMany::One)
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<OneOrMany, E> {
                ScalarVisitor.visit_string(v).map(OneOrMany::One)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<OneOrMany, E> {
                ScalarVisitor.visit_i64(v).map(OneOrMany::One)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<OneOrMany, E> {
                ScalarVisitor.visit_u64(v).map(OneOrMany::One)
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<OneOrMany, E> {
                ScalarVisitor.visit_f64(v).map(OneOrMany::One)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<OneOrMany, A::Error> {
                Vec::deserialize(SeqAccessDeserializer::new(seq)).map(OneOrMany::Many)
            }
        }
        d.deserialize_any(Visit)
    }
}

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a check item: a mapping with id, title, refs, assurance, risk, note, extra"
)]
struct ItemDoc {
    id: Option<Scalar>,
    #[serde(default)]
    title: String,
    #[serde(alias = "controls", alias = "references")]
    refs: Option<OneOrMany>,
    #[serde(default)]
    assurance: String,
    #[serde(default)]
    risk: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    extra: Vec<HashMap<String, String>>,
}

/// A check list document: a list of items, or a mapping holding them under `items`. The
/// top-level node tells which (an untagged enum would try both and, when an item is wrong,
/// only say that neither matched), so an error inside an item names its field and line.
struct ChecksDoc(Vec<ItemDoc>);

impl<'de> Deserialize<'de> for ChecksDoc {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ChecksDoc, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, expecting = "a mapping with `items`")]
        struct Wrapped {
            items: Vec<ItemDoc>,
        }
        struct Visit;
        impl<'de> Visitor<'de> for Visit {
            type Value = ChecksDoc;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of check items, or `items:` holding one")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<ChecksDoc, A::Error> {
                Vec::deserialize(SeqAccessDeserializer::new(seq)).map(ChecksDoc)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ChecksDoc, A::Error> {
                Wrapped::deserialize(MapAccessDeserializer::new(map)).map(|w| ChecksDoc(w.items))
            }
        }
        d.deserialize_any(Visit)
    }
}

fn load_structured(path: &Path, encoding: Option<Encoding>) -> Result<CheckList, InputError> {
    let bytes = read_bytes(path)?;
    let text = decode(path, &bytes, encoding)?;
    let loc = Location::file(path);
    let doc: ChecksDoc = match FileKind::of(path) {
        FileKind::Json => serde_json::from_str(&text).map_err(|e| {
            let what = if e.is_data() {
                "invalid check list"
            } else {
                "invalid JSON"
            };
            parse_error(&loc, Some((e.line(), e.column())), what, e.to_string())
        }),
        _ => serde_yaml::from_str(&text).map_err(|e| {
            let at = e.location().map(|l| (l.line(), l.column()));
            parse_error(&loc, at, "invalid check list", e.to_string())
        }),
    }
    .map_err(|e| e.hint("expect a list of items with id, title, refs, assurance, risk, note"))?;
    let docs = doc.0;
    let mut items = Vec::new();
    let mut seen: HashMap<String, (usize, bool)> = HashMap::new();
    let mut unknown_risks = Vec::new();
    for (i, d) in docs.into_iter().enumerate() {
        let n = i + 1;
        let at = |field: &str| loc.clone().row(n).column(field);
        if parse_rating(&d.risk).is_none() {
            unknown_risks.push(("risk".to_owned(), n, d.risk.trim().to_owned()));
        }
        let (assurance, risk, problems) = assurance_and_risk(&d.assurance, &d.risk, |f| {
            match f {
                ProblemField::Assurance | ProblemField::AssuranceOutside => "assurance",
                ProblemField::Risk => "risk",
                ProblemField::References | ProblemField::ReferenceOutside => "refs",
                ProblemField::NoteAgainst => "note",
            }
            .to_owned()
        });
        // an unquoted `1.10` is the number 1.1: what was typed is lost
        let float = matches!(d.id, Some(Scalar::Float(_)));
        let id =
            d.id.map(Scalar::into_string)
                .unwrap_or_else(|| format!("#{n}"));
        if let Some((first, first_float)) = seen.insert(id.clone(), (n, float)) {
            let err = InputError::at(
                at("id"),
                format!("duplicate check-item id '{id}' (also item {first})"),
            );
            return Err(if float || first_float {
                err.hint("the id is an unquoted number, and a number loses its trailing zeros ('1.10' becomes '1.1'): quote the ids ('1.10')")
            } else {
                err.hint("give every check item its own id")
            });
        }
        let mut item = CheckItem {
            row: n,
            id,
            title: d.title,
            refs: Vec::new(),
            ref_origins: Vec::new(),
            assurance,
            risk,
            note: d.note,
            extra: Extra(d.extra.into_iter().flatten().collect()),
            problems,
            refs_say_none: false,
            not_asked: None,
        };
        let values = match d.refs {
            None => Vec::new(),
            Some(OneOrMany::One(s)) => vec![s],
            Some(OneOrMany::Many(v)) => v,
        };
        for v in values {
            // a YAML/JSON float (`8.20` unquoted) is the number 8.2: what was typed is lost
            let number = matches!(v, Scalar::Float(_));
            item.add_refs(&v.into_string(), 0, number);
        }
        // a finding beside the rating, as in a table's risk column ([`Items::check_risk_column`])
        let risk = d.risk.trim();
        if !item.refs.is_empty() && !risk.is_empty() && !is_bare_rating(risk) {
            if let Some((what, hint)) = says_against("risk", risk) {
                return Err(InputError::at(at("risk"), said_against("risk", &what)).hint(hint));
            }
            // a statement after the rating that is no rationale: this item's problem
            if rating_statement(risk).is_some() {
                item.problems.push(CellProblem {
                    field: ProblemField::NoteAgainst,
                    column: "risk".to_owned(),
                    value: risk.to_owned(),
                });
            }
        }
        items.push(item);
    }
    if items.is_empty() {
        return Err(InputError::at(loc, "no check items").hint("list items under `items:`"));
    }
    let outside_lines = match FileKind::of(path) {
        FileKind::Json => Vec::new(),
        _ => yaml_comments(&text, &mut items),
    };
    Ok(CheckList {
        unknown_risks,
        source: path.to_path_buf(),
        refs_column: "refs".to_owned(),
        prose_columns: vec![["title".to_owned(), "note".to_owned()]],
        items,
        outside_lines,
        ..CheckList::default()
    })
}

/// The comments of a YAML check list, which the parser drops (review 11 A-21): one on an
/// item's lines (`refs: "9.2.1"  # 9.2.3 も含めること`) is added to its note (`# 9.2.3 も
/// 含めること`), so that the rules of an item's note read it; one outside the items (above
/// them, or at the margin between them, heading the next ones) is returned as a line outside
/// the items (its line numbered from 1). When the items cannot be told apart by their lines
/// (a flow sequence), every comment is a line outside them.
fn yaml_comments(text: &str, items: &mut [CheckItem]) -> Vec<OutsideLine> {
    let lines: Vec<&str> = text.lines().collect();
    let indent = |s: &str| s.len() - s.trim_start().len();
    let is_entry = |code: &str| {
        let t = code.trim_start();
        t == "-" || t.starts_with("- ")
    };
    // the items' entries: the first entry's indent, then every entry at that indent
    let first = lines
        .iter()
        .map(|l| crate::input::csp::split_comment(l).0)
        .position(is_entry);
    let starts: Vec<usize> = first
        .map(|f| {
            let at = indent(lines[f]);
            (f..lines.len())
                .filter(|&i| {
                    let code = crate::input::csp::split_comment(lines[i]).0;
                    is_entry(code) && indent(code) == at
                })
                .collect()
        })
        .unwrap_or_default();
    let item_indent = first.map_or(0, |f| indent(lines[f]));
    let told_apart = starts.len() == items.len();
    let mut outside = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let (code, Some(comment)) = crate::input::csp::split_comment(line) else {
            continue;
        };
        let comment = crate::text::join_filled(comment.split_whitespace());
        if comment.is_empty() {
            continue;
        }
        let margin = code.trim().is_empty() && indent(line) <= item_indent;
        let k = starts.iter().rposition(|&s| s <= i);
        match k.filter(|_| told_apart && !margin) {
            Some(k) => {
                let note = &mut items[k].note;
                if !note.is_empty() {
                    note.push('\n');
                }
                note.push_str(&format!("# {comment}"));
            }
            None => outside.push(OutsideLine {
                sheet: None,
                row: i + 1,
                comment_on: None,
                text: comment,
            }),
        }
    }
    outside
}

#[cfg(test)]
mod tests {

    /// Review 24 A-5 rest: a note saying the buyer checks beside ISMAP, or asking a term of
    /// the contract, stands against judging the item on the ISMAP statement alone; relying on
    /// ISMAP, the contract as the buyer's means or as a period does not.
    #[test]
    fn a_check_beside_ismap_or_a_contract_term_asked() {
        for note in [
            "ISMAPに加えてヒアリングを実施",
            "ISMAPの結果に加え、書面で確認する",
            "ISMAPとは別に書面で確認",
            "In addition to ISMAP, we interview the vendor",
            "besides the ISMAP registration, a questionnaire",
        ] {
            assert!(beside_ismap(note), "{note}");
        }
        for note in [
            "ISMAPで確認",
            "ISMAP登録をもって代替",
            "9.2.2に加え9.4.1も確認",
            "別途確認すること",
        ] {
            assert!(!beside_ismap(note), "{note}");
        }
        for note in [
            "契約書に明記させること",
            "SLAに規定されていること",
            "契約条項に盛り込むこと",
            "Must be stated in the contract",
        ] {
            assert!(contract_term_asked(note), "{note}");
        }
        for note in [
            "契約で担保",
            "契約期間中は報告すること",
            "契約終了時に削除",
            "ISMAPで確認",
        ] {
            assert!(!contract_term_asked(note), "{note}");
        }
        // each worded as its cause (review 24 O4 too: ISMAP's result said not to stand alone)
        for note in [
            "ISMAPに加えてヒアリングを実施",
            "ISMAPの結果だけでは判断しない",
        ] {
            assert_eq!(note_cause(note), NoteCause::BesideIsmap, "{note}");
        }
        assert_eq!(note_cause("契約書に明記させること"), NoteCause::Contract);
    }
    use super::*;

    /// Review 25 C-1: a header naming only its numbers' edition is a references column.
    #[test]
    fn a_header_naming_its_numbers_edition_is_a_references_column() {
        for h in [
            "旧管理策番号（2013）",
            "旧番号(2013年版)",
            "2013年版番号",
            "Old control no. (2013)",
        ] {
            assert!(is_edition_numbers_header(h), "{h}");
        }
        for h in ["旧番号", "備考（2013）", "2013", "管理策", "作成日2013"] {
            assert!(!is_edition_numbers_header(h), "{h}");
        }
    }

    /// Review 25 A-2 rest: an unlabelled note row names its item by the id at its start.
    #[test]
    fn a_note_row_names_its_item_by_its_id() {
        for (text, id) in [
            ("項番2は往査で確認", "2"),
            ("No.2：往査", "2"),
            ("No2: 往査", "2"),
            ("2番は当社監査", "2"),
            ("番号2.1は当社監査", "2.1"),
            ("Item 3: on-site audit", "3"),
            ("項番２は往査", "2"),
        ] {
            assert_eq!(note_names_item(text).as_deref(), Some(id), "{text}");
        }
        for text in [
            "2番目の項目",
            "No.2 サーバの管理",
            "番号体系を定めること",
            "項番の付け方",
            "notes",
            "利用者IDの登録",
        ] {
            assert_eq!(note_names_item(text), None, "{text}");
        }
    }

    /// Review 25 A-2: a note row's labels (`備考：`, `補足：`, `メモ：`, `参考：`, `【備考】`,
    /// `Remarks:`, `Comment:`) mark a footnote, as `注）` and `※` do; the words alone, or
    /// starting a longer word, do not (`備考欄の記載`, `参考資料を提出すること` are texts).
    #[test]
    fn note_labels_mark_a_footnote() {
        for cell in [
            "備考：項番2はオンサイトで確認",
            "備考:項番2は往査",
            "補足：項番1は当社監査",
            "メモ：項番2は往査",
            "参考：項番2は往査",
            "【備考】項番2は往査",
            "Remarks: item 2 on-site audit",
            "Comment: item 2 on-site audit",
            "注）No.2は当社の実地監査で確認する",
            "※2 SOC2 Type2報告書で確認",
        ] {
            assert!(is_footnote(cell), "{cell}");
        }
        for cell in [
            "備考欄の記載",
            "参考資料を提出すること",
            "メモリの暗号化",
            "Commentary",
        ] {
            assert!(!is_footnote(cell), "{cell}");
        }
    }

    /// Review 23 C-10: an instruction to the respondent is no note against the item; a state
    /// or a plan (`対応予定`, `該当する場合のみ回答（対応予定）`) still is.
    #[test]
    fn answering_instructions_are_plain_notes() {
        let as_of = crate::date::Date::parse("2026-12-01").unwrap();
        for note in [
            "該当する場合のみ回答",
            "該当する場合のみ回答してください",
            "該当する場合は記入",
            "該当しない場合は「－」",
            "該当しない場合は「N/A」と記入",
            "対象外の場合は「-」",
            "Answer only if applicable",
            "Fill in if applicable.",
            "Enter \"-\" if not applicable",
        ] {
            assert!(answering_instruction(note), "{note}");
            assert!(!note_against("備考", note, as_of), "{note}");
        }
        for note in [
            "対応予定",
            "該当する場合のみ回答（対応予定）",
            "一部の場合のみ対応",
            "回答",
            "Implemented if applicable",
        ] {
            assert!(!answering_instruction(note), "{note}");
        }
        assert!(note_against("備考", "対応予定", as_of));
    }

    /// Review 23 D-3: the marks a sub-item's text starts with, and texts that start with none.
    #[test]
    fn sub_item_marks() {
        for (title, mark) in [
            ("（2）退職者のIDを削除すること", "（2）"),
            ("(3) 外部監査報告書を提出すること", "(3)"),
            ("2) 記録を残すこと", "2)"),
            ("(a) 記録を残すこと", "(a)"),
            ("②記録を残すこと", "②"),
            ("- 記録を残すこと", "-"),
            ("・記録を残すこと", "・"),
        ] {
            assert_eq!(sub_item_mark(title), Some(mark), "{title}");
        }
        for title in [
            "2要素認証(MFA)を使うこと",
            "(注)記録を残すこと",
            "-",
            "利用者IDを管理すること",
            "（2）",
        ] {
            assert_eq!(sub_item_mark(title), None, "{title}");
        }
    }

    /// Review 22 C-10/C-11/C-12: the GRC spellings of in place and of a test without
    /// exception read, as `Implemented` and `Effective` do; a qualified or other value does not.
    #[test]
    fn grc_spellings_of_in_place_and_of_met_read() {
        for v in [
            "Operating effectively",
            "Implemented - Fully",
            "Implemented (100%)",
            "Implemented (verified)",
            "100%",
            "Verified",
            "Deployed",
            "Enabled",
            "Live",
            "In production",
            "稼働中",
            "是正済",
            "是正完了",
            "修正済み",
            "Implemented",
        ] {
            assert!(reads_as_in_place(v), "{v}");
        }
        for v in [
            "Implemented (inherited)",
            "Implemented - 2027",
            "Implemented*",
            "Inherited",
            "Shared",
            "In progress",
            "Live (pilot)",
            "50%",
            "是正予定",
            "稼働予定",
        ] {
            assert!(!reads_as_in_place(v), "{v}");
        }
        for v in ["Operating effectively", "Satisfactory"] {
            assert!(is_met_evaluation(v), "{v}");
        }
        for v in [
            "Not operating effectively",
            "Unsatisfactory",
            "Satisfactory (draft)",
        ] {
            assert!(!is_met_evaluation(v), "{v}");
        }
    }

    /// A sheet's name gives one year or none (review 12 D-1).
    /// fix32-grc: an item's lines read alike or not (review 22 B-2), a scope limited in words,
    /// a result of not applicable.
    #[test]
    fn applicability_lines_limited_scopes_and_results_not_applicable() {
        assert_eq!(applicability("○\n○", false), Some(true));
        assert_eq!(applicability("Yes\nY", false), Some(true));
        assert_eq!(applicability("×\nNo", false), Some(false));
        assert_eq!(applicability("○\n×", false), None);
        for (v, disagree) in [
            ("○\n×", true),
            ("Yes\nPartial", true),
            ("対象\n対象外", true),
            ("○\n全社", true),
            ("全社\n本番環境", false),
            ("○\n○", false),
            ("○", false),
            ("全社", false),
        ] {
            assert_eq!(lines_disagree(v, false), disagree, "{v}");
        }
        for v in [
            "Production only",
            "本番環境のみ",
            "Tokyo only",
            "本番環境に限る",
            "All except DR",
            "DRサイトを除く",
            "本番以外",
            "Limited",
            "Not including Osaka",
        ] {
            assert!(qualified_yes(v, false), "{v}");
        }
        for v in [
            "全社",
            "本番環境",
            "Global",
            "All",
            "Production",
            "Commonly used",
        ] {
            assert!(!qualified_yes(v, false), "{v}");
        }
        for (h, v) in [
            ("Audit result", "N/A"),
            ("Audit result", "na"),
            ("Audit result", "該当なし"),
            ("Audit result", "-"),
            ("有効性", "非該当"),
            ("監査意見", "－"),
            ("評価", "N/A"),
            ("評価", "対象外"),
        ] {
            assert!(result_not_applicable(h, v), "{h}={v}");
        }
        for (h, v) in [
            ("Audit result", "Pass"),
            ("Audit result", ""),
            ("Audit result", "N/A (not tested)"),
            ("評価", "-"),
            ("評価", "該当なし"),
            ("Finding", "N/A"),
            ("Status", "N/A"),
            ("備考", "N/A"),
        ] {
            assert!(!result_not_applicable(h, v), "{h}={v}");
        }
    }

    #[test]
    fn a_sheet_name_gives_its_year() {
        for (name, year) in [
            ("2025年度", Some(2025)),
            ("FY2024", Some(2024)),
            ("チェックリスト２０２５", Some(2025)),
            ("令和7年度", Some(2025)),
            ("R6", Some(2024)),
            ("平成31年度", Some(2019)),
            ("チェックリスト", None),
            ("チェックリスト (2)", None),
            ("2024-2025", None),
            ("No.1234", None),
        ] {
            assert_eq!(sheet_year(name), year, "{name}");
        }
    }

    /// The English under a Japanese header is read as its twin; not digits, not under an
    /// English header (review 13 B-3).
    #[test]
    fn english_under_a_japanese_header() {
        assert!(is_english_of("備考", "Remarks"));
        assert!(is_english_of("担当部署", "Dept. in charge"));
        assert!(!is_english_of("備考", "See 9.2.1"));
        assert!(!is_english_of("Remarks", "Notes"));
        assert!(!is_english_of("備考", "本文"));
    }

    /// [`may_name_assurance`] passes every text [`Assurance::named_in`] finds a level in:
    /// texts of 1–8 pieces (the levels' words as people write them, in full and half width,
    /// and the words and marks around them) by a fixed generator; and every character it
    /// lets by keys to no ASCII letter or digit and none of 保, 監, 検, 調, 確, one of which
    /// each word of `named_in` holds (its list as of this test).
    #[test]
    fn may_name_assurance_misses_no_level_named_in() {
        const WORDS: &[&str] = &[
            "soc2type2",
            "soc2typeii",
            "soc2type1",
            "soc2typei",
            "soc1",
            "soc2",
            "soc3",
            "soc",
            "isae3402",
            "isae3000",
            "ssae18",
            "ssae16",
            "第三者保証",
            "保証報告書",
            "保証報告",
            "保証型監査",
            "保証型",
            "it7号",
            "it7",
            "個別監査",
            "実地監査",
            "立入監査",
            "立入検査",
            "立入調査",
            "オンサイト監査",
            "オンサイト調査",
            "訪問調査",
            "訪問監査",
            "現地監査",
            "現地調査",
            "実地調査",
            "現地確認",
            "実地確認",
            "立入確認",
            "onsiteaudit",
            "onsiteassessment",
            "sitevisit",
            "righttoaudit",
            "往査",
            "オンサイトで確認",
            "オンサイトにて確認",
            "実地で確認",
            "実地にて確認",
            "現地で確認",
            "現地にて確認",
            "訪問して確認",
            "訪問確認",
            "訪問による確認",
            "監査権",
            "当社監査",
            "当社による監査",
            "当社が監査",
            "弊社監査",
            "弊社による監査",
            "弊社が監査",
        ];
        const PIECES: &[&str] = &[
            "SOC2 Type2",
            "ＳＯＣ２",
            "Ｓｏｃ 1",
            "SOC",
            "soc-3",
            "S.O.C.2",
            "ISAE 3402",
            "SSAE18",
            "IT7号",
            "ＩＴ７号",
            "IT 7",
            "個別監査",
            "実地 監査",
            "ｵﾝｻｲﾄ監査",
            "オンサイト調査",
            "保証報告書",
            "第三者保証",
            "保証型",
            "現地確認要",
            "立入検査",
            "訪問調査",
            "right to audit",
            "Site Visit",
            "on-site audit",
            "association",
            "social",
            "で確認すること",
            "は不要",
            "でも可",
            "又は",
            " or ",
            "ISMAP",
            "特権IDの管理",
            "アクセス権",
            "の",
            "が",
            "、",
            "。",
            "（",
            "）",
            "「",
            "」",
            "・",
            "ー",
            "ｰ",
            "　",
            " ",
            "\n",
            ";",
            "：",
            "要確認",
            "監視",
            "保管",
            "検知",
            "調達",
            "証跡",
            "型",
            "号",
            "ｱｸｾｽ",
            "ｶﾞｲﾄﾞ",
            "Ⅱ",
            "ⅰ",
            "K",
            "İ",
            "ﬁ",
            "№",
            "㈱",
            "①",
            "〇",
            "々",
            "現地",
            "立入",
            "実地",
            "個別",
            "訪問",
            "ｵﾝｻｲﾄ",
            "オンサイト",
            "保",
            "証",
            "監",
            "検",
            "調",
            "確",
            "認",
            "査",
            "報告",
            "ｰ",
            "ﾞ",
            "内部",
            "ID",
            "ＩＤ",
            "ｓｏｃ",
            "ｔ",
        ];
        for w in WORDS {
            assert!(may_name_assurance(w), "{w}");
            assert!(Assurance::named_in(w).is_some(), "{w}");
        }
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut named = 0;
        for _ in 0..20_000 {
            let len = 1 + next(8);
            let text: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
            if Assurance::named_in(&text).is_some() {
                named += 1;
                assert!(may_name_assurance(&text), "{text:?}");
            }
            // level_asked as it was: named_in first, whatever the characters
            if !may_name_assurance(&text) {
                assert_eq!(Assurance::named_in(&text), None, "{text:?}");
            }
        }
        assert!(named > 3_000, "{named}");
        // every character keying to `s` or `t` is let by
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = c.to_string();
            if crate::text::header_key(&text).contains(['s', 't']) {
                assert!(may_name_assurance(&text), "{c:?}");
            }
        }
        // a level's word beside others is let by, and a near word is not
        for (text, may) in [
            ("内部監査を行うこと", false),
            ("要確認（情報システム部）", false),
            ("特権IDの保管", false),
            ("現地確認要", true),
            ("往査により確認", true),
            ("監査権を行使して確認", true),
            ("当社監査部門が確認", true),
            ("運用状況は当社が実地で確認する", true),
            ("保 証報告", true),
            ("ｵﾝｻｲﾄ監査", true),
            ("ＳＯＣ", true),
            ("ISMAP", true),
        ] {
            assert_eq!(may_name_assurance(text), may, "{text}");
        }
    }

    /// A bilingual header cell names its column when every line or part names the same one
    /// (review 13 C-10); parts naming different columns, or a standard's name, do not.
    #[test]
    fn a_bilingual_header_cell_names_its_column() {
        for (h, f) in [
            ("ISMAP管理策\nISMAP Control", Field::Refs),
            ("ISMAP管理策 / ISMAP control", Field::Refs),
            ("管理策番号\nControl No.", Field::Refs),
            ("確認項目\nCheck item", Field::Title),
            ("確認項目／Requirement", Field::Title),
        ] {
            assert_eq!(Field::of_header(h), Some(f), "{h}");
        }
        for h in ["確認項目 / ISMAP管理策", "ISO/IEC 27001", "備考\n2025"] {
            assert_ne!(Field::of_header(h), Some(Field::Refs), "{h}");
        }
        assert_eq!(Field::of_header("確認項目 / ISMAP管理策"), None);
    }

    #[test]
    fn a_nist_id_cited_with_its_standards_name() {
        for (text, id) in [
            ("参考：NIST SP 800-53 AC-6", "AC-6"),
            ("NIST AC-2", "AC-2"),
            ("SP 800-53 Rev.5 AC-2(1)", "AC-2(1)"),
        ] {
            assert!(cited_as_nist(text, id), "{text}");
        }
        for (text, id) in [
            ("AC-2 も確認すること", "AC-2"),
            ("NISTを参照、AC-2 も確認", "AC-2"),
            ("NIST AC-2、AC-2 も確認", "AC-2"),
            ("NIST 9.2.1", "9.2.1"),
        ] {
            assert!(!cited_as_nist(text, id), "{text}");
        }
    }

    #[test]
    fn approximate_notes_on_a_references_header() {
        for (h, w) in [
            ("ISMAP管理策（近似）", "近似"),
            ("ISMAP管理策（一部対応）", "一部"),
            ("ISMAP管理策（仮）", "仮"),
            ("ISMAP管理策（素案）", "案"),
            ("ISMAP control (approx.)", "approx"),
            ("ISMAP管理策(ref.)", "ref"),
            ("ISMAP管理策(新)（要確認）", "要確認"),
            ("ISMAP管理策（目安）", "目安"),
        ] {
            assert_eq!(approximate_note(h), Some(w), "{h}");
        }
        // one list: every word of the sentence rules is a header's note too
        for w in crate::analysis::procedures::mapping_hedge_words() {
            assert!(
                approximate_note(&format!("ISMAP管理策（{w}）")).is_some(),
                "{w}"
            );
        }
        for h in [
            "ISMAP管理策",
            "ISMAP管理策（統制目標）",
            "ISMAP管理策（2024年改訂後）",
            "ISMAP管理策(新)",
            "References (ID)",
            "関連管理策",
            "管理策（仮想化基盤）",
            "ISMAP管理策（",
        ] {
            assert_eq!(approximate_note(h), None, "{h}");
        }
    }

    /// Parsing a file as UTF-8 straight away gives what decoding it first gives, whatever
    /// the file holds: the `load_csv` shortcut changes no outcome.
    #[test]
    fn utf8_without_a_decoding_pass_is_the_same_outcome() {
        let sjis = |s: &str| encoding_rs::SHIFT_JIS.encode(s).0.into_owned();
        let header = "id,title,controls,assurance\n";
        let cases: Vec<(&str, Vec<u8>, Option<Encoding>)> = vec![
            (
                "utf8",
                format!("{header}1,確認,9.2.1,\n2,暗号,10.1.1,ISMAP\n").into_bytes(),
                None,
            ),
            (
                "bom",
                [
                    &b"\xEF\xBB\xBF"[..],
                    format!("{header}1,確認,9.2.1,\n").as_bytes(),
                ]
                .concat(),
                None,
            ),
            ("cp932", sjis(&format!("{header}1,確認,9.2.1,\n")), None),
            (
                "cp932 forced",
                sjis(&format!("{header}1,確認,9.2.1,\n")),
                Some(Encoding::Cp932),
            ),
            (
                "utf8 forced",
                format!("{header}1,確認,9.2.1,\n").into_bytes(),
                Some(Encoding::Utf8),
            ),
            (
                "cp932 late, after a duplicate id",
                [
                    format!("{header}1,確認,9.2.1,\n1,同じ,9.2.2,\n").into_bytes(),
                    sjis("3,暗号,10.1.1,\n"),
                ]
                .concat(),
                None,
            ),
            (
                "invalid late",
                [
                    format!("{header}1,確認,9.2.1,\n").as_bytes(),
                    b"2,\xFF,9.2.2,\n",
                ]
                .concat(),
                None,
            ),
            (
                "duplicate id",
                format!("{header}1,確認,9.2.1,\n1,同じ,9.2.2,\n").into_bytes(),
                None,
            ),
            (
                "unreadable cell",
                format!("{header}1,確認,9.2.1,maybe\n").into_bytes(),
                None,
            ),
            (
                "malformed",
                format!("{header}1,\"確認,9.2.1\n").into_bytes(),
                None,
            ),
            (
                "nul",
                format!("{header}1,確認\0,9.2.1,\n").into_bytes(),
                None,
            ),
        ];
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes, forced) in cases {
            let path = dir.path().join("checks.csv");
            std::fs::write(&path, &bytes).unwrap();
            let decoded_first = decode(&path, &bytes, forced)
                .and_then(|text| load_csv_text(&path, text.as_bytes(), None));
            let outcome = |r: Result<CheckList, InputError>| match r {
                Ok(list) => format!("{:?}", list.items),
                Err(e) => e.to_string(),
            };
            assert_eq!(
                outcome(load_csv(&path, forced, None)),
                outcome(decoded_first),
                "{name}"
            );
        }
    }

    #[test]
    fn furniture_helpers() {
        for (id, over, want) in [
            ("1-1", "1", true),
            ("1.2", "1", true),
            ("１－１", "１", true),
            ("1.1", "1.", true),
            ("10", "1", false),
            ("1-", "1", false),
            ("2-1", "1", false),
            ("A-1", "A", true),
        ] {
            assert_eq!(numbered_under(id, over), want, "{id} under {over}");
        }
        for (t, want) in [
            ("7", true),
            ("7項目", true),
            ("１２件", true),
            ("3 items", true),
            ("", false),
            ("項目", false),
            ("9.2.1", false),
        ] {
            assert_eq!(is_count(t), want, "{t}");
        }
        for t in ["合計", "小計", "Total", "ＴＯＴＡＬ", "計"] {
            assert!(is_total_word(t), "{t}");
        }
        assert!(!is_total_word("会計"));
        for (t, want) in [
            (
                "秘密認証情報の管理（A.9.2.4）が実施されていること",
                vec!["A.9.2.4"],
            ),
            ("JIS Q 27001 A.10.1.2 参照", vec!["A.10.1.2"]),
            ("9.2.1 の手順", vec!["9.2.1"]),
            ("TLS1.2以上で暗号化", vec![]),
            ("2024.4 改定", vec![]),
            ("パスワードは8文字以上", vec![]),
            ("OpenSSL 3.0.7以上を使用していますか", vec![]),
            ("IPv4 192.168.1.0/24 を使用していないこと", vec![]),
            ("ver 1.2.3 以上", vec![]),
        ] {
            assert_eq!(named_ids(t), want, "{t}");
        }
        for (t, want) in [
            ("アクセス管理", true),
            ("■ 物理的対策", true),
            ("【暗号】", true),
            ("Physical and environmental security", true),
            ("■多要素認証を導入していますか", false),
            ("【必須】データセンターは国内にあります", false),
            ("退職者のアカウントを速やかに削除していますか。", false),
            ("ログを取得すること", false),
            ("Do you encrypt data at rest?", false),
            (
                "クラウドサービスの利用終了時にデータが確実に消去される契約",
                false,
            ),
        ] {
            assert_eq!(is_heading_text(t), want, "{t}");
        }
        assert!(is_number_of("管理策番号", "管理策"));
        assert!(is_number_of("ISMAP管理策番号", "ＩＳＭＡＰ管理策"));
        assert!(is_number_of("Control ID", "control"));
        assert!(!is_number_of("管理策", "管理策番号"));
        assert!(!is_number_of("統制目標番号", "管理策"));
    }

    /// `Items::cols` is indexed by `Field as usize`, filled in the order of `Field::ALL`.
    #[test]
    fn ids_written_as_history_are_no_references() {
        for text in [
            "旧版では9.2.2だった",
            "旧: 9.2.2",
            "（旧9.2.2）",
            "以前は9.4.1としていた",
            "9.2.2から変更",
            "2025年度に追加。旧版では9.4.1としていた",
            "was 9.2.2",
        ] {
            assert_eq!(named_now(text), Vec::<&str>::new(), "{text}");
        }
        for (text, want) in [
            ("TODO: 9.4.3 も見るか要検討", "9.4.3"),
            ("復旧手順は12.3.1に従う", "12.3.1"),
            ("旧版では9.2.2だった。9.4.3も確認", "9.4.3"),
            // review 14 A-9: the history word must govern the id
            ("前版から追加：9.4.1 も確認すること", "9.4.1"),
            ("変更前の9.2.2に加え9.4.1も確認", "9.4.1"),
            ("旧版から新たに9.4.1を確認", "9.4.1"),
        ] {
            assert_eq!(named_now(text), [want], "{text}");
        }
    }

    /// The levels asked are read once per distinct text ([`LevelsAsked`]): on a long list of
    /// repeated titles and notes (several parts, several threads) each item gets the
    /// problems the old per-item reading gave it (the old code kept here), in order.
    #[test]
    fn levels_asked_memo_gives_the_per_item_answers() {
        let titles = [
            "特権IDの管理",
            "【個別監査】特権IDの管理",
            "SOC2 Type2報告書で確認すること",
            "SOC2でも可",
            "ISMAP又はSOC2報告書で確認",
            "SOC2は不要だが個別監査で確認",
            "SOC2報告書をお持ちの場合はご提出ください",
            "保証報告書の提出",
            "アクセス制御",
        ];
        let notes = [
            "",
            "要確認",
            "同上",
            "SOC2 Type2で確認したい",
            "個別監査で確認すること",
        ];
        let levels = ["", "ISMAP", "保証報告", "個別監査", "SOC2", "自己申告"];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize % n
        };
        let mut text = String::from("項番,確認項目,ISMAP管理策,求める確認水準,備考,補足\n");
        for i in 0..3 * PARALLEL_MIN_ITEMS {
            let (t, n, l, x) = (
                next(titles.len()),
                next(notes.len()),
                next(levels.len()),
                next(notes.len()),
            );
            text.push_str(&format!(
                "C-{i},{},9.2.1,{},{},{}\n",
                titles[t], levels[l], notes[n], notes[x]
            ));
        }
        let path = Path::new("checks.csv");
        let mut list = load_csv_text(path, text.as_bytes(), None).unwrap();
        let before: Vec<Vec<CellProblem>> = list.items.iter().map(|i| i.problems.clone()).collect();
        // the old reading: level_asked of each text of each item
        let below = |item: &CheckItem, level: Assurance| {
            item.assurance < level
                && item
                    .problems
                    .iter()
                    .all(|p| p.field != ProblemField::Assurance)
        };
        let want: Vec<Vec<CellProblem>> = list
            .items
            .iter()
            .map(|item| {
                let columns = list.prose_columns.first();
                let prose = [&item.title, &item.note]
                    .into_iter()
                    .enumerate()
                    .map(|(k, text)| (columns.map(|c| c[k].as_str()).unwrap_or_default(), text));
                let extra = item.extra.0.iter().map(|(n, v)| (n.as_str(), v));
                prose
                    .chain(extra)
                    .filter(|(_, text)| {
                        below(item, Assurance::Audit)
                            && level_asked(text).is_some_and(|a| below(item, a))
                    })
                    .map(|(column, text)| CellProblem {
                        field: ProblemField::AssuranceOutside,
                        column: column.to_owned(),
                        value: text.trim().to_owned(),
                    })
                    .collect()
            })
            .collect();
        assert!(want.iter().filter(|p| !p.is_empty()).count() > PARALLEL_MIN_ITEMS / 2);
        check_assurance_words(&mut list).unwrap();
        for ((item, old), want) in list.items.iter().zip(before).zip(want) {
            assert_eq!(item.problems[..old.len()], old[..], "{}", item.id);
            assert_eq!(item.problems[old.len()..], want[..], "{}", item.id);
        }
    }

    /// Each distinct note is read once per part of the list ([`Seen::notes`], on several
    /// threads for a long list): each item gets the problem the old reading of its own
    /// note (kept here) gave it, under its column's header.
    #[test]
    fn notes_read_once_per_text_are_read_as_every_time() {
        let notes = [
            "",
            "要確認",
            "前回監査で指摘あり",
            "指摘なし",
            "2027年度対応予定",
            "前回の不備は2025年に解消済",
            "CSPに確認したところ未対応との回答",
            "リスク受容済み",
            "9.2.4 も確認すること",
        ];
        let as_of = crate::date::Date::new(2026, 4, 1).unwrap();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize % n
        };
        for header in ["備考", "Notes"] {
            let mut text = format!("項番,確認項目,ISMAP管理策,{header}\n");
            for i in 0..3 * PARALLEL_MIN_ITEMS {
                let refs = ["9.2.1", "", "A.9.2.4"][next(3)];
                text.push_str(&format!(
                    "C-{i},特権IDの管理,{refs},{}\n",
                    notes[next(notes.len())]
                ));
            }
            let mut list = load_csv_text(Path::new("checks.csv"), text.as_bytes(), None).unwrap();
            check_prose(&mut list);
            let before: Vec<Vec<CellProblem>> =
                list.items.iter().map(|i| i.problems.clone()).collect();
            let want: Vec<Vec<CellProblem>> = list
                .items
                .iter()
                .map(|item| {
                    let note = item.note.trim();
                    let column = list
                        .prose_columns
                        .first()
                        .map(|c| c[1].clone())
                        .filter(|c| !c.is_empty())
                        .unwrap_or_else(|| "note".to_owned());
                    let skip = item.refs.is_empty()
                        || note.is_empty()
                        || item
                            .problems
                            .iter()
                            .any(|p| p.field == ProblemField::ReferenceOutside);
                    // each note read on its own, every time ([`note_against`])
                    if skip || !note_against(&column, note, as_of) {
                        return Vec::new();
                    }
                    vec![CellProblem {
                        field: ProblemField::NoteAgainst,
                        column,
                        value: note.to_owned(),
                    }]
                })
                .collect();
            assert!(want.iter().filter(|p| !p.is_empty()).count() > PARALLEL_MIN_ITEMS / 4);
            check_notes(&mut list, as_of);
            for ((item, old), want) in list.items.iter().zip(before).zip(want) {
                assert_eq!(item.problems[..old.len()], old[..], "{}", item.id);
                assert_eq!(item.problems[old.len()..], want[..], "{}", item.id);
            }
        }
    }

    /// An optional word asks nothing only where it governs the level (review 14 A-9): not in
    /// a bracket about something else, a clause after the demand, or negated.
    #[test]
    fn optional_words_drop_only_the_level_they_govern() {
        for text in [
            "SOC2報告書をお持ちの場合はご提出ください",
            "必要に応じて証跡（SOC2報告書等）を添付",
            "SOC2 Type2報告書があれば参考に確認",
            "SOC2 Type2報告書の提出は任意",
            "SOC2 Type2報告書（お持ちの場合）をご提出ください",
            "SOC2 Type2報告書（任意）",
            "SOC 2 Type 2 report (if available)",
            // a list of documents before the optional word is one clause
            "SOC2報告書、ISO認証書等があれば提出",
            "SOC2報告書、ISMS認証書、ISO27017認証書等があれば提出",
        ] {
            assert_eq!(level_asked(text), None, "{text}");
        }
        for text in [
            "SOC2 Type2報告書を提出すること（必要に応じて追加資料を求める）",
            "任意ではなく必須：SOC2 Type2報告書を提出すること",
            "SOC2 Type2報告書（任意様式の補足資料を含む）を提出すること",
            "SOC2 Type2報告書を提出すること、必要に応じて追加資料",
            "SOC2 Type2報告書で運用状況を確認する。必要に応じて面談",
            // the listed level with a verb or a qualifier of its own stays asked
            "SOC2報告書を提出、ISO認証書等があれば提出",
            "SOC2報告書（必須）、ISO認証書等があれば提出",
            "SOC2報告書は必須、ISO認証書等があれば提出",
        ] {
            assert!(level_asked(text).is_some(), "{text}");
        }
    }

    #[test]
    fn evaluation_columns_and_their_deficient_values() {
        for h in [
            "評価",
            "自社評価",
            "前回評価",
            "確認結果",
            "判定",
            "評価結果",
            "評価（○/△/×）",
            "Result",
            "確認状況",
            "確認ステータス",
            "Review status",
            "要件充足",
            "当社基準充足",
            "Requirement met",
            "RAG",
        ] {
            assert!(names_evaluation(h), "{h}");
        }
        for h in [
            "評価基準",
            "評価日",
            "評価者",
            "CSP回答",
            "SOC2確認結果",
            "備考",
        ] {
            assert!(!names_evaluation(h), "{h}");
        }
        for v in [
            "×",
            "△",
            "不備あり",
            "不適合",
            "一部適合",
            "要改善",
            "ＮＧ",
            "不備あり（ログ未取得）",
            "一部充足",
            "未充足",
        ] {
            assert!(is_deficient_evaluation(v), "{v}");
        }
        for v in [
            "○",
            "適合",
            "不備なし",
            "問題なし",
            "",
            "OK",
            "指摘なし",
            "充足",
        ] {
            assert!(!is_deficient_evaluation(v), "{v}");
        }
    }

    #[test]
    fn only_marks_of_met_are_carried_in_an_evaluation_column() {
        for v in [
            "",
            "○",
            "〇",
            "適",
            "適合",
            "問題なし",
            "指摘なし",
            "不備なし",
            "ＯＫ",
            "Pass",
            "-",
            "なし",
            "No findings",
            "  ○  ",
        ] {
            assert!(is_met_evaluation(v), "{v}");
        }
        for v in [
            "パスワード長が8文字",
            "手順書が古い",
            "MFA not enforced for admins",
            "適合（一部ログ未取得）",
            "○ ただし手順書が古い",
            "問題なし（暫定）",
            "指摘なし（自己評価）",
            "×",
            "一部適合",
        ] {
            assert!(!is_met_evaluation(v), "{v}");
        }
    }

    #[test]
    fn under_a_findings_header_only_marks_of_none_say_none() {
        for h in [
            "指摘事項",
            "指摘有無",
            "所見",
            "不備",
            "是正要否",
            "前回指摘",
            "Finding",
            "Gap",
        ] {
            assert!(names_findings(h), "{h}");
        }
        for h in ["評価", "確認結果", "リスク評価", "Result"] {
            assert!(!names_findings(h), "{h}");
        }
        for v in [
            "",
            "なし",
            "指摘なし",
            "-",
            "No",
            "N",
            "None",
            "No findings",
            "適合",
            "OK",
            "否",
        ] {
            assert!(is_no_finding_mark(v), "{v}");
        }
        for v in ["○", "✓", "レ", "はい", "Yes", "Y", "済", "要", "あり"] {
            assert!(!is_no_finding_mark(v), "{v}");
        }
        for v in ["高", "中", "低", "High", "3", "2.5"] {
            assert!(is_bare_rating(v), "{v}");
        }
        for v in [
            "高（MFA未導入）",
            "Critical - MFA not enforced",
            "受容不可",
            "",
        ] {
            assert!(!is_bare_rating(v), "{v}");
        }
    }

    #[test]
    fn fields_are_listed_in_declaration_order() {
        for (i, f) in Field::ALL.into_iter().enumerate() {
            assert_eq!(f as usize, i, "{f:?}");
        }
    }

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            path: "c.csv".into(),
            sheet: None,
            rows: rows
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect())
                .collect(),
            ..Sheet::default()
        }
    }

    #[test]
    fn finds_header_below_title_rows_in_japanese_and_full_width() {
        let s = sheet(&[
            &["外部委託先確認表"],
            &[],
            &[
                "項番",
                "確認項目",
                "ＩＳＭＡＰ管理策",
                "求める確認水準",
                "重要度",
                "備考",
                "担当",
            ],
            &[
                "1",
                "アクセス管理",
                "9.2.1、9.2.2",
                "SOC2",
                "高",
                "",
                "情シス",
            ],
            &[],
            &["2", "暗号化", "10.1.1", "", "", "メモ", ""],
        ]);
        let list = from_sheet(s).unwrap();
        assert_eq!(list.items.len(), 2);
        let a = &list.items[0];
        assert_eq!(
            (a.row, a.id.as_str(), a.title.as_str()),
            (4, "1", "アクセス管理")
        );
        assert_eq!(a.refs, ["9.2.1", "9.2.2"]);
        assert_eq!(a.assurance, Assurance::Soc2);
        assert_eq!(a.risk, Some(Risk::High));
        assert_eq!(a.extra.0, [("担当".to_string(), "情シス".to_string())]);
        assert_eq!(list.items[1].row, 6);
        assert_eq!(list.items[1].assurance, Assurance::Ismap);
        assert_eq!(list.extra_columns, ["担当"]);
    }

    /// Reading a CSV file record by record must give what reading it whole gives: the same
    /// items, or the same first error.
    #[test]
    fn csv_records_read_as_the_whole_sheet() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.csv");
        let big = "x".repeat(table::MAX_CELL_BYTES + 1);
        let item =
            |n: usize| format!("C-{n},確認 {n},\"9.2.1、ＡＣ－２ （１）\",SOC2,高, メモ ,{n}\n");
        let mut texts: Vec<String> = Vec::new();
        for header_row in [1, 2, 29, 30, 31] {
            for items in [0, 1, 2, 28, 29, 40] {
                let mut text = "外部委託先確認表\n".repeat(header_row - 1);
                text.push_str("項番,確認項目,管理策,確認水準,重要度,備考,担当\n");
                for n in 0..items {
                    text.push_str(&item(n));
                }
                texts.push(text);
            }
        }
        let body: String = (0..40).map(item).collect();
        let lines: Vec<&str> = body.lines().collect();
        let header = "id,title,controls,assurance,risk,note,owner\n";
        for at in [0, 1, 27, 28, 29, 35] {
            let mut with = |line: &str| {
                let mut text = header.to_owned();
                for (i, l) in lines.iter().enumerate() {
                    text.push_str(if i == at { line } else { l });
                    text.push('\n');
                }
                texts.push(text);
            };
            with("");
            with(" , ,");
            with("X,bad,9.2.1,maybe,,,");
            with("X,bad,9.2.1,,urgent,,");
            with("C-3,again,9.2.1,,,,");
            with(",no id,9.2.1,,,,");
            with("M,\"multi\nline\ncell\",9.2.1,,,,");
            with("short,row");
            with(&format!("B,{big},9.2.1,,,,"));
            with(&format!("X,bad,9.2.1,maybe,,,\n{}", lines[39]));
        }
        // an error in the items, then a cell over the limit: the limit is reported
        texts.push(format!("{header}A,t,9.2.1,maybe\nB,{big}\n"));
        texts.push(format!("{}\nB,{big}\n", "\n".repeat(40)));
        texts.push(format!("a,b\n\"open\n{}", "x,y\n".repeat(40)));
        for text in &texts {
            std::fs::write(&path, text).unwrap();
            let streamed = load(&path, None, None);
            let whole = table::read_csv_text(&path, text).and_then(from_sheet);
            assert_eq!(format!("{streamed:?}"), format!("{whole:?}"), "{text}");
        }
    }

    /// A long CSV, parsed on a second thread that splits every other record's references
    /// cells: the same list as the whole sheet read on one thread.
    #[test]
    fn references_split_on_the_parsing_thread_are_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("long.csv");
        let cells = [
            "\"9.2.1、ＡＣ－２ （１）\"",
            "\"A.9.2.4, A.9.2.4\"",
            "",
            "8.1.5P",
            "\"9.4.1.2\n9.4.1.2、CLD.6.3.1\"",
            "AC-2(1); 6.1.2",
            "未定",
            "\"5.30\"",
        ];
        let mut text = String::from("項番,確認項目,ISMAP管理策,ISO/IEC 27001:2022,重要度,備考\n");
        for n in 0..30_000 {
            let (a, b) = (cells[n % cells.len()], cells[(n / 3) % cells.len()]);
            match n % 997 {
                500 => text.push_str("項番,確認項目,ISMAP管理策,ISO/IEC 27001:2022,重要度,備考\n"),
                700 => text.push_str(",合計,,,,\n"),
                900 => text.push('\n'),
                _ => text.push_str(&format!("C-{n},アクセス権の確認 {n},{a},{b},高,メモ\n")),
            }
        }
        assert!(
            text.len() > 1 << 20,
            "long enough to be parsed on a second thread"
        );
        std::fs::write(&path, &text).unwrap();
        let streamed = load(&path, None, None).unwrap();
        let whole = table::read_csv_text(&path, &text)
            .and_then(from_sheet)
            .unwrap();
        assert!(streamed.items.iter().any(|i| i.refs.len() > 2));
        assert!(!streamed.rows_not_read.is_empty());
        assert_eq!(format!("{streamed:?}"), format!("{whole:?}"));
    }

    /// `suggest` writing a list back reads the same items and rows, its references left in
    /// their cells.
    #[test]
    fn references_left_in_their_cells_are_the_only_difference() {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
        let mut with_refs = 0;
        for name in [
            "checks-review7/total.csv",
            "checks-review7/sections.xlsx",
            "checks-review7/buyer.xlsx",
            "checks-review7/repeated-header.csv",
            "checks-review7/ref-in-title.csv",
            "suggest/empty-refs.csv",
            "checks-all-statuses.csv",
        ] {
            let path = data.join(name);
            let split = load_for_suggest(&path, None, None, ItemRefs::Split).unwrap();
            let mut left = load_for_suggest(&path, None, None, ItemRefs::LeftInCell).unwrap();
            let mut list = split.list;
            for item in &mut list.items {
                with_refs += usize::from(!item.refs.is_empty());
                item.refs.clear();
                item.ref_origins.clear();
                // a cell saying none is part of the references left in their cells
                item.refs_say_none = false;
            }
            assert!(left.list.items.iter().all(|i| i.refs.is_empty()), "{name}");
            left.list
                .items
                .iter_mut()
                .for_each(|i| i.ref_origins.clear());
            assert_eq!(format!("{list:?}"), format!("{:?}", left.list), "{name}");
            let read = |r: &[SheetRead]| {
                r.iter()
                    .map(|r| {
                        let mut columns: Vec<String> =
                            r.layout.columns.iter().map(|c| format!("{c:?}")).collect();
                        columns.sort();
                        format!(
                            "{:?} {} {columns:?} {}",
                            r.sheet, r.layout.header_row, r.items
                        )
                    })
                    .collect::<Vec<_>>()
            };
            assert_eq!(read(&split.read), read(&left.read), "{name}");
        }
        assert!(with_refs > 10);
    }

    #[test]
    fn a_cell_right_of_the_header_is_an_error_unless_empty() {
        let s = sheet(&[
            &["id", "title", "controls"],
            &["1", "a", "5.1.1", "", " "],
            &["2", "b", "5.1.2", "", "extra"],
        ]);
        let e = from_sheet(s).unwrap_err().to_string();
        assert!(
            e.starts_with("c.csv: row 3: column 'E': cell 'extra' is right of the header (row 1 has 3 columns)"),
            "{e}"
        );
        assert!(e.contains("(hint: give column E a header on row 1"), "{e}");
        // an empty header keeps its column: the cell under it is carried, as before
        let s = sheet(&[&["id", "controls", ""], &["1", "5.1.1", "x"]]);
        let list = from_sheet(s).unwrap();
        assert_eq!(list.items[0].extra.0, [("column C".into(), "x".into())]);
        // long values are shortened in the message
        let long = "長".repeat(50);
        let s = sheet(&[&["id", "controls"], &["1", "5.1.1", &long]]);
        let e = from_sheet(s).unwrap_err().to_string();
        assert!(e.contains(&format!("cell '{}…'", "長".repeat(40))), "{e}");
    }

    fn structured(name: &str, text: &str) -> Result<CheckList, String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        load(&path, None, None).map_err(|e| {
            let e = e.to_string();
            e.replace(&format!("{}", path.display()), name)
        })
    }

    #[test]
    fn yaml_and_json_errors_name_the_problem_and_its_line() {
        let cases = [
            (
                "c18.yaml",
                "- id: a\n  refs: 5.1.1\n  extra_col: foo\n",
                "c18.yaml: line 3: invalid check list: [0]: unknown field `extra_col`, expected one of",
            ),
            (
                "c3.yaml",
                "items:\n- id: a\n  refs: [5.1.1]\n  risk: [5]\n",
                "c3.yaml: line 4: invalid check list: items[0].risk: invalid type: sequence, expected a string",
            ),
            (
                "c9.json",
                "[{\"id\":\"a\",\"refs\":\"5.1.1\"},\n{\"id\":\"b\",\"refs\":[\"9.2.1\",null]}]",
                "c9.json: line 2: invalid check list: invalid type: null, expected a text or a number (column 30)",
            ),
            (
                "top.json",
                "{\"items\":[{\"id\":\"a\",\"refs\":\"5.1.1\"}],\n\"extra\":1}",
                "top.json: line 2: invalid check list: unknown field `extra`, expected `items`",
            ),
            (
                "top.yaml",
                "items:\n- id: a\n  refs: 5.1.1\nextra: 1\n",
                "top.yaml: line 4: invalid check list: unknown field `extra`, expected `items`",
            ),
            (
                "item.yaml",
                "- 5.1.1\n",
                "item.yaml: line 1: invalid check list: [0]: invalid type: string \"5.1.1\", expected a check item",
            ),
            (
                "scalar.json",
                "\"5.1.1\"",
                "scalar.json: line 1: invalid check list: invalid type: string \"5.1.1\", expected a list of check items",
            ),
            (
                "refs.yaml",
                "- id: a\n  refs: {x: 1}\n",
                "refs.yaml: line 2: invalid check list: [0].refs: invalid type: map, expected ISMAP ids",
            ),
            (
                "syntax.json",
                "[{\"id\": }]",
                "syntax.json: line 1: invalid JSON: expected value (column 9) (hint:",
            ),
        ];
        for (name, text, want) in cases {
            let e = structured(name, text).unwrap_err();
            assert!(e.starts_with(want), "{name}: {e}");
            for internal in [
                "untagged",
                "ChecksDoc",
                "ItemDoc",
                "OneOrMany",
                "Scalar",
                "line 0",
                " at line ",
            ] {
                assert!(!e.contains(internal), "{name}: {e}");
            }
        }
        // the forms that were read before still are
        let list = structured(
            "ok.yaml",
            "items:\n- id: 1\n  refs: [9.2, 5.1.1, 12]\n- id: b\n  controls: 9.2.1、9.2.2\n",
        )
        .unwrap();
        assert_eq!(list.items[0].id, "1");
        assert_eq!(list.items[0].refs, ["9.2", "5.1.1", "12"]);
        assert_eq!(list.items[1].refs, ["9.2.1", "9.2.2"]);
        let list = structured("ok.json", "[{\"id\":7,\"refs\":[\"9.2.1\"]}]").unwrap();
        assert_eq!(list.items[0].id, "7");
    }

    #[test]
    fn assurance_and_risk_read_once_per_text_are_read_as_every_time() {
        // more distinct texts than the memo keeps, each repeated, known and unknown
        let values: Vec<(String, String)> = (0..40)
            .map(|i| match i % 4 {
                0 => (
                    ["自己申告", "ISMAP", "soc2", "個別監査"][i / 4 % 4].to_owned(),
                    "高".to_owned(),
                ),
                1 => (format!("不明{}", i % 20), format!("r{}", i % 20)),
                2 => (String::new(), ["", "中", "low"][i / 4 % 3].to_owned()),
                _ => ("ISMAP".to_owned(), format!("x{}", i % 20)),
            })
            .collect();
        let mut rows: Vec<Vec<String>> = vec![vec![
            "id".into(),
            "controls".into(),
            "Risk".into(),
            "求める確認水準".into(),
        ]];
        for (i, (a, r)) in values.iter().chain(values.iter()).enumerate() {
            rows.push(vec![format!("C{i}"), "9.2.1".into(), r.clone(), a.clone()]);
        }
        let list = from_sheet(Sheet {
            path: "c.csv".into(),
            rows,
            ..Sheet::default()
        })
        .unwrap();
        for (item, (a, r)) in list.items.iter().zip(values.iter().chain(values.iter())) {
            let (assurance, risk, problems) = assurance_and_risk(a, r, |f| match f {
                ProblemField::Assurance | ProblemField::AssuranceOutside => "求める確認水準".into(),
                ProblemField::Risk => "Risk".into(),
                ProblemField::References | ProblemField::ReferenceOutside => "controls".into(),
                ProblemField::NoteAgainst => "note".into(),
            });
            assert_eq!(
                (item.assurance, item.risk, &item.problems),
                (assurance, risk, &problems),
                "{a} {r}"
            );
        }
    }

    #[test]
    fn errors_name_row_and_column() {
        // an unknown value is not an error: the item carries it as a problem
        let s = sheet(&[
            &["id", "controls", "Risk", "求める確認水準"],
            &["A", "9.2.1", "urgent", "たぶん"],
            &["B", "9.2.1", "高", ""],
        ]);
        let list = from_sheet(s).unwrap();
        assert_eq!(
            list.items[0].problems,
            [CellProblem {
                field: ProblemField::Assurance,
                column: "求める確認水準".into(),
                value: "たぶん".into()
            },]
        );
        // a risk not read only orders nothing: no problem, named in `unknown_risks`
        assert_eq!(list.items[0].risk, None);
        assert_eq!(
            list.unknown_risks,
            [("Risk".to_owned(), 2, "urgent".to_owned())]
        );
        assert!(list.items[1].problems.is_empty());
        let s = sheet(&[&["id", "controls"], &["A", "1"], &["A", "2"]]);
        assert!(from_sheet(s)
            .unwrap_err()
            .message
            .contains("duplicate check-item id 'A'"));
        let s = sheet(&[&["番号", "内容"], &["1", "x"]]);
        let e = from_sheet(s).unwrap_err().to_string();
        assert!(
            e.contains("no references column found (first row has: 番号, 内容)"),
            "{e}"
        );
        let s = sheet(&[&["管理策", "controls"]]);
        assert!(from_sheet(s)
            .unwrap_err()
            .message
            .contains("both a references column"));
    }

    #[test]
    fn carried_cells_saying_against_the_item_are_told_apart_from_ordinary_ones() {
        for (h, v) in [
            ("ギャップ", "あり"),
            ("Gap", "Yes"),
            ("前回指摘", "有"),
            ("是正状況", "未完了"),
            ("ギャップ", "○"),
            ("リスク受容", "済"),
            ("ISMAPで代替", "No"),
            ("ISMAPで代替", "可（一部）"),
            ("追加手続要否", "要"),
            ("追加手続要否", "不要（2027年度まで）"),
            ("備考", "CSPに確認したところ未対応との回答"),
            ("現状", "未対応"),
        ] {
            assert!(says_against(h, v).is_some(), "{h}={v}");
        }
        for (h, v) in [
            ("ギャップ", "なし"),
            ("Gap", "No"),
            ("是正状況", "完了"),
            ("Exception", "N/A"),
            ("指摘事項", "○"),
            ("ISMAPで代替", "○"),
            ("追加手続要否", "不要"),
            ("備考", "-"),
            ("備考", "問題なし"),
            ("備考", "IaaS事業者に依存"),
            ("担当", "情報システム部"),
            ("確認観点", "特権IDは管理者のみに付与していること"),
            ("適用", "対象外"),
        ] {
            assert!(says_against(h, v).is_none(), "{h}={v}");
        }
    }

    #[test]
    fn an_answer_is_yes_only_with_nothing_against_it() {
        for v in [
            "○",
            "はい",
            "Yes",
            "対応済み",
            "はい、全ユーザーに強制しています",
            "承認制で付与",
        ] {
            assert!(answer_says_yes(v), "{v}");
        }
        for v in [
            "対応していません",
            "はい（ただし管理者のみ）",
            "Yes (planned)",
            "○（一部）",
            "開示不可",
            "貴社側で設定が必要",
            "Not currently",
            "We do not support this today",
        ] {
            assert!(!answer_says_yes(v), "{v}");
        }
        assert!(lists_answers("はい / いいえ"));
        assert!(!lists_answers("はい"));
    }

    #[test]
    fn a_references_header_the_csp_filled_in_is_told() {
        for h in [
            "ISMAP管理策（委託先回答）",
            "委託先記入欄：ISMAP管理策",
            "ISMAP管理策（CSP記入）",
            "Vendor response - ISMAP control",
        ] {
            assert!(filled_in_by_the_csp(h).is_some(), "{h}");
        }
        for h in ["ISMAP管理策", "対応管理策（2024年改訂後）", "Control ID"] {
            assert!(filled_in_by_the_csp(h).is_none(), "{h}");
        }
    }

    /// fix21-chk left: a rating with a statement after it; the rating alone or with its
    /// own bracketed note is none.
    #[test]
    fn a_rating_followed_by_a_statement() {
        assert_eq!(
            rating_with_statement("High - admins share one password"),
            Some(("High".to_owned(), "admins share one password".to_owned()))
        );
        assert_eq!(
            rating_with_statement("高：共有"),
            Some(("高".to_owned(), "共有".to_owned()))
        );
        for v in [
            "High",
            "高",
            "High (impact)",
            "高（影響度）",
            "High/Medium",
            "Highest",
            "高度",
        ] {
            assert_eq!(rating_with_statement(v), None, "{v}");
        }
    }

    /// Review 20 C-5: a rating with its rationale reads as the rating; with a finding (or
    /// words no rationale) it is a statement.
    #[test]
    fn a_rating_with_its_rationale_reads_as_the_rating() {
        for (v, r) in [
            ("高 - 個人情報を扱うため", Risk::High),
            ("高：個人情報を含む", Risk::High),
            ("High - customer data", Risk::High),
            ("High - handles PII", Risk::High),
            ("High – PII", Risk::High),
            ("高、必須", Risk::High),
            ("高 必須", Risk::High),
            ("High: mandatory", Risk::High),
            ("高 ※個人情報", Risk::High),
            ("高 / 機密性", Risk::High),
            ("高 - 業務停止の影響大", Risk::High),
            ("高 - 法令要求", Risk::High),
            ("Low - public information", Risk::Low),
        ] {
            assert_eq!(parse_rating(v), Some(Some(r)), "{v}");
            assert_eq!(rating_statement(v), None, "{v}");
        }
        for v in [
            "High - admins share one password",
            "高 - admins share one password",
            "高：管理者がパスワードを共有",
            "高 - 個人情報の暗号化が未対応",
            "High - PII not encrypted",
            "中/年1回確認",
        ] {
            assert!(rating_statement(v).is_some(), "{v}");
            assert_eq!(parse_rating(v), None, "{v}");
        }
    }

    /// Review 17 C-5, C-1, C-4: the clean notes; the applicability marks either way.
    #[test]
    fn clean_notes_and_applicability_marks() {
        let as_of = crate::date::Date {
            year: 2026,
            month: 12,
            day: 1,
        };
        for note in [
            "未対応の項目はない",
            "Gap: none",
            "保留事項なし",
            "前回の不備は2025年に解消済",
            // review 18 C-3: none of review 17 A-2's words
            "回答待ちなし",
            "要求水準に達しない項目はない",
            "Not offered: none",
            "No gaps",
            "Open items: 0",
            "指摘なし（2025年度監査）",
        ] {
            assert!(says_clean(note, as_of), "{note}");
        }
        // review 18 A-1: a claim of none or resolved later or qualified is no clean claim;
        // a policy (`例外は認めない`) and a requirement unmet (`要求水準に達しない`) are no claim
        for note in [
            "Gap remediated (2027-06)",
            "Gap remediated 1Q27",
            "指摘事項は2027年に是正済",
            "No gaps (tentative)",
            "例外なし（自己評価）",
            "Open items: 0 (as of 2027-01)",
        ] {
            assert_eq!(clean_claim(note, as_of), Some(false), "{note}");
            assert!(note_against("備考", note, as_of), "{note}");
        }
        for note in [
            "例外は認めない",
            "要求水準に達しない",
            "機能なし",
            "利用者登録手順書を確認",
        ] {
            assert_eq!(clean_claim(note, as_of), None, "{note}");
        }
        for note in [
            "未対応",
            "前回の不備は2027年に解消済",
            "対応なし",
            "Gap: none (TBC)",
            "",
            // review 18 A-10: a doubt
            "前回の不備は解消済？",
            "Previously failed, now remediated?",
            "前回の不備は解消済(?)",
            "前回の不備は解消済…",
        ] {
            assert!(!says_clean(note, as_of), "{note}");
        }
        for (v, normal, negative) in [
            ("○", Some(true), Some(false)),
            ("●", Some(true), Some(false)),
            ("TRUE", Some(true), Some(false)),
            ("×", Some(false), Some(true)),
            ("╳", Some(false), Some(true)),
            ("0", Some(false), Some(true)),
            ("", Some(true), Some(true)),
            ("必須", Some(true), Some(true)),
            ("不要", Some(false), Some(false)),
            ("N/A", Some(false), None),
            ("任意", None, None),
            ("No*", None, None),
        ] {
            assert_eq!(applicability(v, false), normal, "{v}");
            assert_eq!(
                applicability(v, true),
                negative,
                "{v} under a negative header"
            );
        }
        assert!(applicability_header("本件対象外").is_some_and(|h| h.negative));
        assert!(applicability_header("本件適用").is_some_and(|h| !h.negative));
        assert_eq!(applicability_header("備考"), None);
    }

    /// Review 20 A-2: a resolved word standing alone is a claim on the item's own matter;
    /// a description done (`MFA導入完了`) is none; the loader's undated reading (`clean_undated`)
    /// reads a claim only with its matter named.
    #[test]
    fn a_resolved_word_alone_is_a_claim() {
        let as_of = crate::date::Date {
            year: 2026,
            month: 12,
            day: 1,
        };
        for note in [
            "是正済",
            "是正済（2025年3月）",
            "Closed",
            "全て対応完了",
            "OK",
            "前回監査で確認済",
        ] {
            assert_eq!(clean_claim(note, as_of), Some(true), "{note}");
        }
        for note in [
            "是正済（2027年3月）",
            "Closed (2027-03)",
            "是正済（自己評価）",
            "対応済（他サービス）",
            "OK (tentative)",
            "2027年3月に是正済",
            "是正済？",
        ] {
            assert_eq!(clean_claim(note, as_of), Some(false), "{note}");
            assert!(claim_against(note, as_of), "{note}");
        }
        for note in ["MFA導入完了", "手順書にて対応済", "対応予定"] {
            assert_eq!(clean_claim(note, as_of), None, "{note}");
        }
        assert!(!clean_undated("是正済"));
        assert!(clean_undated("指摘事項は是正済"));
        assert!(unclean_undated("是正済（自己評価）"));
    }

    /// Review 22 A-10: a footnote saying of every answer what refuses one item.
    #[test]
    fn a_footnote_of_every_answer_is_read_as_a_note() {
        let long_ago = crate::date::Date {
            year: 1900,
            month: 1,
            day: 1,
        };
        for text in [
            "※ 全項目2027年度対応",
            "※ 各項目は2027年4月から適用",
            "※ 本一覧は自己評価",
            "※ 備考欄はCSPの自己評価による",
            "※ 回答はCSPの自己申告",
            "※ 本一覧は案",
            "※ 回答は他サービス（サービスB）のもの",
        ] {
            assert!(says_of_every_answer(text, long_ago), "{text}");
        }
        for text in [
            "※ 2026年4月1日作成",
            "※ 確認結果は別紙参照",
            "※ 次回見直し：2027年4月",
        ] {
            assert!(!says_of_every_answer(text, long_ago), "{text}");
        }
    }

    /// Review 22 A-4: a footnote is the list's rule for a kind of items only in the rule's
    /// shape; one naming an item, a title, a count, a part or a qualifier is no rule.
    #[test]
    fn a_footnote_is_a_rule_for_a_kind_only_in_its_shape() {
        let as_of = crate::date::Date {
            year: 2026,
            month: 12,
            day: 1,
        };
        for text in [
            "※ 未対応の項目は別途協議",
            "※ CSP回答待ちの場合は再確認",
            "※ 不備の項目は別途協議",
            "※ 未対応の場合は別途協議",
            "※ 未対応のものは別途協議",
        ] {
            assert!(handles_a_kind("備考", text, as_of), "{text}");
        }
        for text in [
            "※ 未対応の項目はS-01、別途協議",
            "※ 未対応の項目は別途協議、S-02も同様",
            "※ 未対応の項目は利用者登録です",
            "※ 利用者登録の未対応の項目は別途協議",
            "※ 未対応の項目は別途協議（利用者登録を含む）",
            "※ 未対応の項目は多数あり別途協議",
            "※ 未対応の項目は別途協議。現時点で2件",
            "※ 未対応の項目は別途協議（現在2件）",
            "※ CSP回答待ちの項目は現在2件",
            "※ 一部未対応の項目は別途協議",
            "※ 予定の項目は別途協議",
            "※ 未対応の項目は自己評価",
            "※ 未対応の項目は他サービスで対応",
            "※ 未対応の項目は次回見直しで対応",
            "※ 未対応の項目は別途協議のうえ対応",
            "※ 未対応の項目は別途協議済",
            "※ 未対応の項目は全て別途協議",
            "※ 本シートの未対応の項目は別途協議",
        ] {
            assert!(!handles_a_kind("備考", text, as_of), "{text}");
        }
    }

    /// Review 22 C-1: a resolved word's bracket naming who, which department, which document
    /// or reference reads; one holding a qualifier, a pending or not-final word does not.
    #[test]
    fn a_resolved_words_ordinary_bracket_reads() {
        let as_of = crate::date::Date {
            year: 2026,
            month: 12,
            day: 1,
        };
        for note in [
            "対応済（別紙参照）",
            "対応済み（詳細は別紙）",
            "是正済（詳細は別途）",
            "対応済（注1）",
            "対応済（※1）",
            "是正済（報告書p.12）",
            "対応済（No.12参照）",
            "対応済（回答書 3.2）",
            "対応済（CSP回答書参照）",
            "対応済（ISMAP言明書で確認）",
            "対応済（MFA導入）",
            "完了（手順書整備）",
            "対応済（資料受領）",
            "対応済（エビデンス受領済）",
            "対応済（規程第5条）",
            "対応済（ID管理規程）",
            "Closed (see ticket #123)",
            "Done (see evidence folder)",
            "OK（担当：佐藤）",
            "OK（佐藤確認）",
            "確認済（佐藤）",
            "対応済（2026/11/30 佐藤）",
            "対応済（情報システム部）",
            "是正済（IT部門）",
            "完了（山田）",
        ] {
            assert!(!note_against("備考", note, as_of), "{note}");
        }
        for note in [
            "是正済（2027年3月）",
            "是正済（自己評価）",
            "対応済（他サービス）",
            "OK (tentative)",
            "OK（要確認）",
            "済（確認中）",
            "是正済（一部）",
            "対応済（予定）",
            "対応済（案）",
            "Closed (partially)",
            "Done (other service)",
        ] {
            assert!(note_against("備考", note, as_of), "{note}");
        }
    }

    /// Review 20 A-6: an answer not given or still being checked, as the note's state, not
    /// as what a phrase is of.
    #[test]
    fn an_answer_not_given_or_still_checked() {
        for (note, word) in [
            ("確認中", "確認中"),
            ("要確認（情報システム部）", "要確認"),
            ("CSPから回答なし", "回答なし"),
            ("未回答です", "未回答"),
            ("確認中のため保留", "確認中"),
            ("Not answered", "not answered"),
            ("To be confirmed with the CSP", "to be confirmed"),
            ("MFA: TBC", "tbc"),
        ] {
            assert_eq!(pending_in(note), Some(word), "{note}");
        }
        for note in [
            "要確認事項なし",
            "要確認の項目は別途協議",
            "確認中の事項はない",
            "回答済",
            "確認済",
            "確認不要",
            "Answered",
            "Confirmed by the CSP",
        ] {
            assert_eq!(pending_in(note), None, "{note}");
        }
    }

    /// Review 20 A-10: a title's bracket taking in or leaving out something describes the
    /// requirement only when it holds no remark.
    #[test]
    fn a_title_bracket_describes_the_requirement_only_without_a_remark() {
        for (title, bracket) in [
            ("パスワード管理", "多要素認証を含む"),
            ("利用者登録", "任意"),
            ("インシデント対応", "未対応のものを含む"),
            ("バックアップ", "必要に応じて"),
            // review 22 C-6: another object of the requirement, or the title's own subject
            ("インシデント報告", "確認中の事象を含む"),
            ("脆弱性対応", "未確認の脆弱性を含む"),
            ("脆弱性管理", "未修正の脆弱性を含む"),
            ("脆弱性対応", "対応予定のものを含む"),
            ("変更管理", "承認待ちの変更を含む"),
            ("アクセス申請", "未承認・申請中を含む"),
            ("ログ監視", "未対応のアラートを含む"),
            ("ログ監視", "未回答のアラートを含む"),
            ("問い合わせ対応", "未回答の問い合わせを含む"),
            ("是正処置", "是正予定の事項を含む"),
            ("リスク対応計画", "計画中の対策を含む"),
            ("資産管理", "廃棄予定の資産を含む"),
            ("資産管理", "導入予定の機器を含む"),
            ("利用者登録", "退職予定者を含む"),
            ("利用者登録", "入社予定者を含む"),
            ("利用者登録", "共有アカウントを含む"),
            ("利用者登録", "共用アカウントを含む"),
            ("利用者登録", "暫定アカウントを含む"),
            ("利用者登録", "仮IDを含む"),
            ("利用者登録", "仮登録を含む"),
            ("媒体の処分", "一部破損した媒体を含む"),
            ("利用者登録", "例外を含む"),
            ("利用者登録", "例外承認の手続を含む"),
            ("利用者登録", "リスク受容の手続を含む"),
            ("利用者登録", "代替策を含む"),
        ] {
            assert!(
                describes_requirement(bracket, title),
                "{title}（{bracket}）"
            );
        }
        for (title, bracket) in [
            ("利用者登録", "CSP回答待ちの項目を含む"),
            ("利用者登録", "未対応の項目を含む"),
            ("利用者登録", "予定を含む"),
            ("利用者登録", "自己評価を含む"),
            ("利用者登録", "2027年度以降を除く"),
            ("利用者登録", "確認中の項目を含む"),
            ("利用者登録", "一部を除く"),
            ("利用者登録", "未実施の場合"),
            ("利用者登録", "自己評価の結果を含む"),
        ] {
            assert!(
                !describes_requirement(bracket, title),
                "{title}（{bracket}）"
            );
        }
    }

    /// Review 22 A-8: a remark naming a check item by its id, as a word.
    #[test]
    fn a_remark_names_a_check_item_by_its_id() {
        assert!(names_item("↑ CSP回答：Q2は未対応", "Q2"));
        assert!(names_item("S-01は未対応", "S-01"));
        assert!(names_item("Ｑ２は未対応", "Q2"));
        assert!(!names_item("↑ CSP回答：Q21は未対応", "Q2"));
        assert!(!names_item("上記2項目は未対応", "2"));
        assert!(!names_item("↑ 未対応", "Q2"));
    }

    /// Review 19 A-5: the words by which a remark points at the item(s) above, and how many.
    #[test]
    fn a_remark_points_up_at_the_items_it_names() {
        assert_eq!(points_up("↑ CSP回答：未対応"), Some(1));
        assert_eq!(points_up("上記はCSP回答待ち"), Some(1));
        assert_eq!(points_up("上の項目は未対応"), Some(1));
        assert_eq!(points_up("前項と同じ"), Some(1));
        assert_eq!(points_up("（補足）CSP回答：未実施"), Some(1));
        assert_eq!(points_up("See above: pending"), Some(1));
        assert_eq!(points_up("※ 上記2項目はISMAPでは代替不可"), Some(2));
        assert_eq!(points_up("上記の３件は確認中"), Some(3));
        assert_eq!(points_up("上記二項目は確認中"), Some(2));
        assert_eq!(points_up("上記両項目は確認中"), Some(2));
        assert_eq!(points_up("The two items above are pending"), Some(2));
        assert_eq!(points_up("上記すべて確認中"), Some(usize::MAX));
        assert_eq!(points_up("All of the above: pending"), Some(usize::MAX));
        // a year is no count
        assert_eq!(points_up("上記は2027年度対応予定"), Some(1));
        for nowhere in [
            "以上の項目は年1回以上",
            "運用上の注意",
            "向上の取組",
            "上記以外は未対応",
            "※ 参照はISMAP管理基準による",
            "事前項目",
            "Above-average uptime",
        ] {
            assert_eq!(points_up(nowhere), None, "{nowhere}");
        }
    }

    /// Review 23 A-6: a note saying no audit was made since; an audit's own none is not.
    #[test]
    fn no_audit_since_is_told_from_an_audits_none() {
        for text in [
            "前回監査で指摘なし（以降監査なし）",
            "以来監査未実施",
            "その後の監査なし",
            "以降は未監査",
            "No findings (no audit since 2022)",
            "not audited since 2021",
        ] {
            assert!(no_audit_since(text), "{text}");
        }
        for text in [
            "前回監査で指摘なし",
            "監査指摘なし",
            "監査結果：指摘なし",
            "2019年度以降指摘なし",
            "No audit findings",
        ] {
            assert!(!no_audit_since(text), "{text}");
        }
    }

    /// Review 23 A-11: a dash between a word and a date is read as a space; not in a document
    /// number, a period or after katakana.
    #[test]
    fn a_dash_between_a_word_and_a_date_is_a_space() {
        for (text, want) in [
            ("是正済－2027年3月", "是正済 2027年3月"),
            ("是正済—2027年3月", "是正済 2027年3月"),
            ("是正済―2027年3月", "是正済 2027年3月"),
            ("是正済ー2027年3月", "是正済 2027年3月"),
            ("SEC-2027-01", "SEC-2027-01"),
            ("2025年4月-2026年3月", "2025年4月-2026年3月"),
            ("サーバー2台", "サーバー2台"),
            ("是正済 - 2027年3月", "是正済 - 2027年3月"),
            // an English word of a settled finding before the dash (fix32-notes leftover)
            ("Closed－2027-03", "Closed 2027-03"),
            ("closed-2027-03", "closed 2027-03"),
            ("Ｒｅｓｏｌｖｅｄ－2027年3月", "Ｒｅｓｏｌｖｅｄ 2027年3月"),
            ("Enclosed-2027", "Enclosed-2027"),
            ("DOC-2027-03", "DOC-2027-03"),
        ] {
            assert_eq!(dash_before_date(text), want, "{text}");
        }
    }

    /// Review 23 C-7: a claim of done dated in the period holding the as-of date is clean; a
    /// period begun after it, or a day after it, is not.
    #[test]
    fn a_claim_done_in_the_period_holding_as_of_is_clean() {
        let as_of = crate::date::Date::new(2026, 12, 7).unwrap();
        for text in ["2026年度対応済", "是正済（2026年12月）", "2025年度対応済"] {
            assert_eq!(clean_claim(text, as_of), Some(true), "{text}");
        }
        for text in [
            "2027年度対応済",
            "是正済（2026年12月31日）",
            "是正済（2027年1月）",
        ] {
            assert_eq!(clean_claim(text, as_of), Some(false), "{text}");
        }
    }

    /// Every cell and line of the CSV, TSV, text and YAML inputs under `tests/data/` and
    /// `examples/` (cut at commas, tabs and bars, quotes trimmed; a file not UTF-8 skipped):
    /// the note spellings the tests know.
    fn cells_of_test_data() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = vec![root.join("tests/data"), root.join("examples")];
        let mut cells = std::collections::BTreeSet::new();
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                let ext = path.extension().and_then(|e| e.to_str());
                if !matches!(ext, Some("csv" | "tsv" | "txt" | "yaml")) {
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                for line in text.lines() {
                    cells.insert(line.trim().to_owned());
                    for cell in line.split([',', '\t', '|']) {
                        cells.insert(cell.trim().trim_matches('"').to_owned());
                    }
                }
            }
        }
        cells.into_iter().filter(|c| !c.is_empty()).collect()
    }

    /// `text` with `words` replaced by `with` one after the other, as [`Words`] stands for.
    fn chain_of_replace(words: &[&str], text: &str, with: char) -> (String, Vec<usize>) {
        let mut out = text.to_owned();
        let mut replaced = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if out.contains(w) {
                out = out.replace(w, &with.to_string());
                replaced.push(i);
            }
        }
        (out, replaced)
    }

    /// Each word list of [`claim_read`] replaces, in one pass, what its chain of
    /// `str::replace` did, over every cell of the tests' inputs as written, folded and keyed.
    #[test]
    fn words_replace_as_a_chain_does() {
        let lists: [(&Words, char); 3] = [
            (&MATTER_WORDS, '\u{1}'),
            (&ALONE_WORDS, ' '),
            (&CLAIM_WORDS, ' '),
        ];
        let cells = cells_of_test_data();
        assert!(cells.len() > 1000, "{}", cells.len());
        let mut texts = std::collections::BTreeSet::new();
        for cell in &cells {
            let folded = crate::text::fold_width(cell).to_lowercase();
            texts.insert(header_key(&folded).into_owned());
            texts.insert(folded);
            texts.insert(cell.clone());
        }
        let mut some_replaced = 0;
        for (words, with) in lists {
            assert!(!words.words.iter().any(|w| w.contains(with)));
            // a list taken in part (`claim_read` leaves the nones out) is that part's chain
            let odd: Vec<&str> = words.words.iter().skip(1).step_by(2).copied().collect();
            let in_part = std::ptr::eq(words, &*CLAIM_WORDS);
            for text in &texts {
                let chain = chain_of_replace(&words.words, text, with);
                assert_eq!(words.replace(text, with, |_| true), chain, "{text:?}");
                assert_eq!(words.any(text, |_| true), !chain.1.is_empty(), "{text:?}");
                some_replaced += usize::from(!chain.1.is_empty());
                if in_part {
                    let (part, replaced) = words.replace(text, with, |w| w % 2 == 1);
                    let replaced: Vec<usize> = replaced.iter().map(|w| w / 2).collect();
                    let chain = chain_of_replace(&odd, text, with);
                    assert_eq!((part, replaced), chain, "{text:?}");
                }
            }
        }
        assert!(some_replaced > 1000, "{some_replaced}");
    }

    proptest::proptest! {
        /// Words overlapping one another, and their pieces, replace as a chain does.
        #[test]
        fn overlapping_words_replace_as_a_chain_does(
            pieces in proptest::collection::vec((0usize..400, 0usize..3, 0usize..3, 0usize..6), 1..8)
        ) {
            for (words, with) in [(&*MATTER_WORDS, '\u{1}'), (&*ALONE_WORDS, ' '), (&*CLAIM_WORDS, ' ')] {
                let mut text = String::new();
                for &(i, from, to, glue) in &pieces {
                    let w: Vec<char> = words.words[i % words.words.len()].chars().collect();
                    let from = from.min(w.len());
                    let to = w.len().saturating_sub(to).max(from);
                    text.extend(&w[from..to]);
                    text.push_str(["", "", "の", " ", "0", "\u{1}"][glue]);
                }
                let chain = chain_of_replace(&words.words, &text, with);
                proptest::prop_assert_eq!(words.replace(&text, with, |_| true), chain);
            }
        }
    }
}
