//! The classifier: what kind of CSP input a file or a table is, from its content — a
//! profile (YAML or JSON, whatever the extension), a published list (ids and titles), or a
//! status table (an id column and exactly one status column, or one check-mark matrix). What
//! it cannot classify it refuses, naming the columns that make it ambiguous.
use crate::catalog::Catalog;
use crate::error::{InputError, Location};
use crate::input::column_letter;
use crate::input::csp::ids::find_ids;
use crate::input::csp::published::{is_title, quote};
use crate::input::csp::vocab;
use crate::input::table::Sheet;
use crate::model::Declared;
use crate::text::{fold_width, header_key};

/// The syntax of a profile recognised by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileSyntax {
    Yaml,
    Json,
}

/// A text that is a profile, whatever the file's name: its first line (blank lines, YAML
/// comments and `---` aside) opens a JSON object or is a profile's field (`name:`).
pub fn profile_syntax(text: &str) -> Option<ProfileSyntax> {
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .map(str::trim_end)
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#') && l.trim() != "---")?;
    if first.trim_start().starts_with('{') {
        return Some(ProfileSyntax::Json);
    }
    let (key, _) = first.split_once(':')?;
    (super::profile::FIELDS.contains(&key) && !first.starts_with(char::is_whitespace))
        .then_some(ProfileSyntax::Yaml)
}

/// What a column's header says it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Status,
    /// Whether the control applies (`適用`, `Applicable`, `対象`): selected in a statement of
    /// applicability, which does not say it is implemented.
    Applicability,
    Reason,
    Evidence,
    Owner,
    Title,
}

const ROLES: [(Role, &[&str]); 6] = [
    (
        Role::Status,
        &[
            "status",
            "状況",
            "状態",
            "実施状況",
            "ステータス",
            "対応状況",
            "対応状態",
            "実施状態",
            "実施有無",
            "実施の有無",
            "実装状況",
            "implementationstatus",
            "implementation",
            "state",
            "進捗",
            "進捗状況",
            "progress",
            "対応",
            "対応有無",
            "確認結果",
            "評価",
            "評価結果",
            "判定",
            "結果",
            "result",
            "compliance",
            "compliancestatus",
            "controlstatus",
        ],
    ),
    (
        Role::Applicability,
        &[
            "適用",
            "適用状況",
            "適用有無",
            "適用の有無",
            "適用可否",
            "適用要否",
            "対象",
            "対象有無",
            "対象可否",
            "applicable",
            "applicability",
            "inscope",
            "selected",
            "選択",
            // the JIS Q 27001 statement of applicability's (review 12 C-20)
            "採否",
            "採用",
            "採用有無",
            "採用の有無",
            "採用可否",
            "採用/除外",
            "採用・除外",
            "採用/不採用",
            "採用・不採用",
        ],
    ),
    (
        Role::Reason,
        &[
            "reason",
            "理由",
            "非該当理由",
            "除外理由",
            "適用除外理由",
            "備考",
            "note",
            "notes",
            "remarks",
            "comment",
            "comments",
            "remark",
            "コメント",
            "補足",
            "特記事項",
            "メモ",
            "memo",
        ],
    ),
    (
        Role::Evidence,
        &[
            "evidence",
            "証跡",
            "エビデンス",
            "根拠資料",
            "証跡資料",
            // whether there is evidence (review 12 A-18)
            "証跡有無",
            "証跡の有無",
            "証跡状況",
            "エビデンス有無",
            "エビデンスの有無",
            "evidencestatus",
            "evidenceavailable",
            "evidenceprovided",
        ],
    ),
    (
        Role::Owner,
        &["owner", "担当", "担当者", "責任者", "担当部署"],
    ),
    (
        Role::Title,
        &[
            "title",
            "name",
            "control",
            "controlname",
            // a GRC export's (review 25: `Control Title`, read as a remark before)
            "controltitle",
            "管理策タイトル",
            "description",
            "名称",
            "タイトル",
            "管理策",
            "管理策名",
            "統制目標",
            "統制目標名",
            "項目",
            "項目名",
            "内容",
            "概要",
        ],
    ),
];

/// Whether a table's header row is that of the statement of applicability `readiness`
/// writes (`report::readiness::item_headers`, in either language), and in which language.
fn own_statement(names: &[String]) -> Option<crate::lang::Lang> {
    use crate::lang::Lang;
    [Lang::Ja, Lang::En].into_iter().find(|&lang| {
        let headers = crate::report::readiness::item_headers(lang);
        names.len() == headers.len() && names.iter().zip(&headers).all(|(n, h)| n == h)
    })
}

/// The findings column of the statement of applicability `readiness` writes: its last
/// column, in that table as written, every cell in it findings as the tool words them.
/// What the tool found is never a statement of the CSP's; anything else under such a
/// header (a table of the CSP's own, a cell edited) is read as before.
fn is_own_findings_column(names: &[String], c: usize, cells: &[&str]) -> bool {
    use crate::analysis::readiness::Finding;
    own_statement(names).is_some_and(|lang| {
        c + 1 == names.len()
            && cells.iter().all(|text| {
                // why a written reason is none, after its finding (`非該当の理由なし（…）`)
                let text = crate::model::NotAReason::ALL
                    .iter()
                    .fold(text.to_string(), |t, why| t.replace(&why.note(lang), ""));
                text.split(", ")
                    .all(|f| Finding::ALL.iter().any(|x| x.label(lang) == f.trim()))
            })
    })
}

/// A header with a bracketed note at its end dropped (`実施状況（2025年）` → `実施状況`).
fn without_note(key: &str) -> Option<&str> {
    let open = match key.chars().last()? {
        ')' => '(',
        ']' => '[',
        '】' => '【',
        '〕' => '〔',
        _ => return None,
    };
    let stem = &key[..key.rfind(open)?];
    (!stem.is_empty()).then_some(stem)
}

/// The bracketed note at the end of a header, as written (`実施状況（2027年度末見込み）` →
/// `2027年度末見込み`); `None` without one.
pub fn header_note(header: &str) -> Option<&str> {
    let h = header.trim().trim_end_matches(['?', '？']).trim_end();
    let open = match h.chars().last()? {
        ')' => '(',
        '）' => '（',
        ']' => '[',
        '］' => '［',
        '】' => '【',
        '〕' => '〔',
        _ => return None,
    };
    let at = h.rfind(open)?;
    let note = h[at + open.len_utf8()..h.len() - h.chars().last()?.len_utf8()].trim();
    (at > 0 && !note.is_empty()).then_some(note)
}

/// A header as compared: [`header_key`], a question mark at its end dropped (`Implemented?`).
fn key_of(header: &str) -> String {
    header_key(header).trim_end_matches(['?', '？']).to_owned()
}

/// The role of a header cell, also after dropping a bracketed note at its end; a header
/// naming a reason in other words (`適用/除外の理由`, `除外の理由`, `Justification`,
/// `Reason for exclusion`, `理由・根拠`) is a reason.
pub fn role(header: &str) -> Option<Role> {
    let key = key_of(header);
    let find = |k: &str| {
        ROLES
            .iter()
            .find(|(_, names)| names.contains(&k))
            .map(|(r, _)| *r)
    };
    find(&key)
        .or_else(|| without_note(&key).and_then(find))
        .or_else(|| names_documents(&key).then_some(Role::Evidence))
        .or_else(|| names_reason(header).then_some(Role::Reason))
        .or_else(|| names_evidence(&key).then_some(Role::Evidence))
}

/// Whether a header names evidence in other words (`証跡・記録`, `エビデンス資料`,
/// `Evidence reference`, `主な証跡`, `確認資料`, `証憑`, `Supporting documents`,
/// `Artifacts`): what its cells say of the evidence is read as under `証跡` (review 14
/// A reason's header (`根拠`) is a reason's first.
fn names_evidence(key: &str) -> bool {
    ["証跡", "エビデンス", "evidence", "証憑"]
        .iter()
        .any(|w| key.contains(w))
        || matches!(
            without_note(key).unwrap_or(key),
            "確認資料"
                | "提出資料"
                | "裏付け資料"
                | "裏付資料"
                | "supportingdocuments"
                | "supportingdocument"
                | "artifacts"
                | "artefacts"
                | "artifact"
        )
}

/// Whether a header names the documents that show the control (`関連文書`, `文書名`,
/// `根拠文書`, `参照文書`, `関連規程`, `Related documents`): the evidence column in other
/// words, so `なし` there is the evidence saying there is none (review 14 A-1). A date's,
/// an owner's or a reason's header about a document (`文書改訂日`, `文書管理者`,
/// `除外理由（規程参照）`) is not.
fn names_documents(key: &str) -> bool {
    ["文書", "document", "規程", "規定"]
        .iter()
        .any(|w| key.contains(w))
        && ![
            "日",
            "date",
            "期限",
            "者",
            "owner",
            "担当",
            "部署",
            "理由",
            "reason",
            "justification",
            "rationale",
            "文書化",
            "documented",
            "documentation",
        ]
        .iter()
        .any(|w| key.contains(w))
}

/// A row (0-based) where two status columns disagree, and the second column.
type Disagreement = Option<(usize, usize)>;

/// The columns of a table's status candidates when they are two columns named as the
/// status, one in Japanese and one in English (`実施状況` | `Status`; none found by its
/// content, no matrix), left to right: the same statuses written in two languages, one
/// column each (review 14 C-2).
/// Every cell of them on the id rows (`rows`: index and cells) must be a plain status
/// (`実施`, `Implemented`, no note) or empty, else `None` (the columns are not one status
/// told twice); the first row where one states another status than the first column, and
/// that column, is returned with them.
fn one_status_in_columns(
    candidates: &[Candidate],
    names: &[String],
    rows: &[(usize, &Vec<String>)],
) -> Option<(Vec<usize>, Disagreement)> {
    let mut cols: Vec<usize> = candidates
        .iter()
        .map(|k| match k.source {
            StatusSource::Column(c) if k.unnamed.is_none() && k.by_content.is_none() => Some(c),
            _ => None,
        })
        .collect::<Option<_>>()?;
    cols.sort_unstable();
    // two columns, one headed in Japanese, one in English (`実施状況` | `Status`): two
    // status columns in one language (`実施状況` | `進捗`) are two statements
    let english = |c: usize| fold_width(&names[c]).is_ascii();
    if cols.len() != 2 || english(cols[0]) == english(cols[1]) {
        return None;
    }
    let mut disagree = None;
    for &(i, row) in rows {
        let mut read = Vec::new();
        for &c in &cols {
            let text = cell(row, c);
            if text.trim().is_empty() {
                read.push(None);
                continue;
            }
            match vocab::status_value(text) {
                Ok(v) if v.note.is_empty() => read.push(Some(v.declared)),
                _ => return None,
            }
        }
        // a cell left blank (untranslated) is no second status (review 16 C-2): the
        // caller reads the column filled on every row
        if disagree.is_none() {
            if let Some(k) = (1..cols.len())
                .find(|&k| read[k].is_some() && read[0].is_some() && read[k] != read[0])
            {
                disagree = Some((i, cols[k]));
            }
        }
    }
    Some((cols, disagree))
}

/// Whether two status headers carry the same qualifiers, as a translation does: the same
/// dates ([`crate::date::dates_in`]: `2025年度` both) or the same periods written in each
/// language (`2026年4月時点` | `as of April 2026`, `令和7年度` | `FY2025`, `2025年度` | `2025`:
/// review 20 C-10), and without one the same bracketed note, or none, or a note on how the
/// column is filled on either side (`（必須）` | `(required)`, `（○/×）` | `(Y/N)`).
/// `実施状況（2025年度）` | `Status` do not (review 18 B-3), nor `実施状況（東京）` | `Status`.
fn same_qualifiers(a: &str, b: &str) -> bool {
    let dates = |h: &str| -> Vec<crate::date::Date> {
        crate::date::dates_in(h)
            .into_iter()
            .map(|(_, last)| last)
            .collect()
    };
    let (da, db) = (dates(a), dates(b));
    if !da.is_empty() && !db.is_empty() && da != db {
        return false;
    }
    let (pa, pb) = (periods(a), periods(b));
    if pa != pb {
        return false;
    }
    if !pa.is_empty() {
        return true;
    }
    let note = |h: &str| header_note(h).map(|n| fold_width(n).to_lowercase());
    let (na, nb) = (note(a), note(b));
    na == nb || (fill_note(na.as_deref()) && fill_note(nb.as_deref()))
}

/// The periods a header names, as (year, month): `2025年度`, `令和7年度`, `FY2025`, `2025`
/// (a year), `2026年4月`, `2026-04-01`, `April 2026` (a month); sorted, once each.
fn periods(header: &str) -> Vec<(i32, Option<u32>)> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let mut out: Vec<(i32, Option<u32>)> = crate::date::dates_in(header)
        .into_iter()
        .map(|(written, last)| {
            if written.contains('度') {
                (last.fiscal_year(), None)
            } else if written
                .trim_end_matches('年')
                .chars()
                .all(|c| c.is_ascii_digit())
            {
                (last.year, None)
            } else {
                (last.year, Some(last.month))
            }
        })
        .collect();
    let folded = fold_width(header).to_lowercase();
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let year = |w: &str| {
        w.parse::<i32>()
            .ok()
            .filter(|y| w.len() == 4 && (1990..=2099).contains(y))
    };
    for (i, w) in words.iter().enumerate() {
        if let Some(y) = year(w) {
            out.push((y, None));
            // `April 2026`, `Apr. 2026`
            let month = i
                .checked_sub(1)
                .and_then(|j| MONTHS.iter().position(|m| words[j].starts_with(m)));
            if let Some(m) = month {
                out.push((y, u32::try_from(m + 1).ok()));
            }
        } else if let Some(y) = w.strip_prefix("fy").and_then(|d| match d.len() {
            4 => year(d),
            2 => d.parse::<i32>().ok().map(|y| 2000 + y),
            _ => None,
        }) {
            out.push((y, None));
        }
    }
    // a month gives its year too: `2026年4月` beside `April 2026`
    let months: Vec<i32> = out.iter().filter(|p| p.1.is_some()).map(|p| p.0).collect();
    out.extend(months.into_iter().map(|y| (y, None)));
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether a header's note (folded) is absent or says only how the column is filled or how
/// strongly it is asked (`必須`, `required`, `○/×`, `Y/N`, `プルダウン選択`), which a translation
/// may carry in other words or leave out.
fn fill_note(note: Option<&str>) -> bool {
    const FILL: [&str; 16] = [
        "必須",
        "任意",
        "推奨",
        "required",
        "mandatory",
        "optional",
        "recommended",
        "y/n",
        "yes/no",
        "選択",
        "プルダウン",
        "プルダウン選択",
        "リストから選択",
        "select",
        "dropdown",
        "drop-down",
    ];
    note.is_none_or(|n| {
        let key: String = n.chars().filter(|c| !c.is_whitespace()).collect();
        FILL.contains(&key.as_str())
            || (!key.is_empty() && key.chars().all(|c| "○×△◯✓✔-/・.,|".contains(c)))
    })
}

/// Whether a header names a reason (`理由`, `根拠`, `reason`, `justification`,
/// `rationale`), in whatever words around it (`根拠資料`, evidence, is matched before).
fn names_reason(header: &str) -> bool {
    let key = key_of(header);
    ["理由", "根拠", "reason", "justification", "rationale"]
        .iter()
        .any(|w| key.contains(w))
}

/// Whether a header names `wanted` (`--status-column`): by its text (case, width and a
/// bracketed note aside), or by its letter.
fn header_names(header: &str, letter: &str, wanted: &str) -> bool {
    let (h, w) = (key_of(header), key_of(wanted));
    !w.is_empty()
        && (h == w || without_note(&h) == Some(&*w) || letter.eq_ignore_ascii_case(wanted.trim()))
}

/// Where a table's statuses are read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusSource {
    Column(usize),
    /// A check-mark matrix: columns named by a status (`実施`, `非該当`, `未実施`), one
    /// marked per row. One column named by a status other than implemented (`非該当`,
    /// `Excluded`) is a matrix of one column: a mark under it is that status, never
    /// implemented.
    Matrix(Vec<(usize, Declared)>),
}

/// A status table's columns.
#[derive(Debug, Clone)]
pub struct StatusColumns {
    pub status: StatusSource,
    /// The status column was found by what it holds, not by its header: some of what it
    /// holds, for messages.
    pub by_content: Option<String>,
    /// The reason columns (`非該当理由`, `適用/除外の理由`, `備考`), a column naming a reason
    /// first: a row's reason is the first of them it fills.
    pub reasons: Vec<usize>,
    /// Every column other than the id, the status (or the matrix) and the applicability
    /// column — reasons, remarks, titles, evidence, owners, dates and columns under headers
    /// the tool does not know (`Details`, `説明`, `Scope`): on a row stated implemented,
    /// none may qualify the statement ([`remarks`](super::remarks)).
    pub remarks: Vec<usize>,
    /// The title columns among them (`管理策名`): the catalog's title of the row's id is
    /// read whatever words it holds.
    pub titles: Vec<usize>,
    pub evidence: Option<usize>,
    pub owner: Option<usize>,
    /// An applicability column (`適用`) beside the status column: on a row stated
    /// implemented, it may not say the control does not apply.
    pub applicability: Option<usize>,
    /// The statement of applicability `readiness` wrote: a row without a status is one
    /// the list stated nothing of (not listed, or its state derived from its objective or
    /// items, as the 記載元 column says), not a row to refuse.
    pub own_statement: bool,
    /// One status column per part of the service (`東京リージョン | 大阪リージョン`,
    /// `Standard | Enterprise`), the one read named by `--status-column`: the other parts'
    /// columns, not read (they state the same controls for another part), and the statement
    /// read is that part's only (review 23 C-2).
    pub other_parts: Vec<usize>,
}

#[derive(Debug, Clone)]
pub enum TableKind {
    /// Every cell read as a published list's. Columns other than the ids and row numbers:
    /// `titles` (a title header, or every value the title of its row's id), `reason` (read
    /// for a sheet whose name states a status), `others` (anything else: an input error
    /// when the ids would be read as implemented).
    PublishedList {
        reason: Option<usize>,
        titles: Vec<usize>,
        others: Vec<usize>,
    },
    StatusTable(StatusColumns),
}

/// A table as classified.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The header row (0-based): the nearest row above the first id that is not a clause
    /// or category heading, preferring one that names the id column.
    pub header: Option<usize>,
    /// Each column's name: its header, else its letter.
    pub names: Vec<String>,
    pub id_column: usize,
    /// Ids stand in more than one column under one header, or none (a PDF table saved as a
    /// grid).
    pub grid: bool,
    pub kind: TableKind,
}

impl Layout {
    pub fn name(&self, c: usize) -> &str {
        self.names.get(c).map_or("", String::as_str)
    }

    /// The status column as `read_as` names it: a matrix by its columns joined with `/`.
    pub fn status_name(&self) -> Option<String> {
        match &self.kind {
            TableKind::PublishedList { .. } => None,
            TableKind::StatusTable(s) => Some(match &s.status {
                StatusSource::Column(c) => self.name(*c).to_owned(),
                StatusSource::Matrix(cols) => cols
                    .iter()
                    .map(|(c, _)| self.name(*c))
                    .collect::<Vec<_>>()
                    .join("/"),
            }),
        }
    }

    /// The columns the table's statements are read from: the id column and the status
    /// column (or the matrix's).
    pub fn read_columns(&self) -> Vec<usize> {
        let mut cols = vec![self.id_column];
        if let TableKind::StatusTable(s) = &self.kind {
            match &s.status {
                StatusSource::Column(c) => cols.push(*c),
                StatusSource::Matrix(m) => cols.extend(m.iter().map(|(c, _)| *c)),
            }
        }
        cols
    }
}

/// Whether a cell holds a control id: an ISMAP id (with its title after it, or not), or an
/// Annex A or ISO/IEC 27017 reference (`A.9.2.1`, `CLD.9.5.1`), also one the catalog does
/// not hold.
pub fn is_id_cell(cell: &str) -> bool {
    let cell = cell.trim();
    !cell.is_empty() && find_ids(cell).0.iter().any(|t| t.kind.is_control())
}

/// Headers that name the id column (`管理策番号`, `Control ID`; `No` only when it holds ids).
const ID_HEADERS: &[&str] = &[
    "管理策番号",
    "統制目標番号",
    "管理策",
    "統制目標",
    "管理策id",
    "統制目標id",
    "管理策no",
    "統制目標no",
    "番号",
    "id",
    "controlid",
    "control",
    "controlno",
    "controlnumber",
    "controlref",
    "ismap",
    "ismap番号",
    "ismapid",
    "ismap管理策番号",
    "no",
    "項番",
    "ref",
    "reference",
    "requirement",
    "requirementid",
];

pub fn is_id_header(header: &str) -> bool {
    let key = key_of(header);
    ID_HEADERS.contains(&key.as_str())
        || without_note(&key).is_some_and(|k| ID_HEADERS.contains(&k))
}

/// Headers of a column of row numbers.
pub(crate) fn is_number_header(header: &str) -> bool {
    matches!(
        key_of(header).as_str(),
        "" | "no" | "#" | "項番" | "連番" | "通番" | "番号" | "行" | "行番号" | "seq" | "row"
    )
}

/// A row that heads a clause or category (`5`, `9.2 利用者アクセスの管理`) at column `c`.
fn is_heading_row(row: &[String], c: usize) -> bool {
    let text = cell(row, c);
    let first = text.split_whitespace().next().unwrap_or("");
    crate::catalog::id::IsmapId::parse(first)
        .is_some_and(|id| id.suffix.is_none() && id.depth() <= 2 && (3..=18).contains(&id.parts[0]))
}

/// One way the table could state statuses.
struct Candidate {
    source: StatusSource,
    /// Found by its content: some of what it holds.
    by_content: Option<String>,
    /// For messages: the column (or matrix) and what it holds.
    what: String,
    /// Read without a status header (by content, or an applicability column): the values
    /// whose meaning depends on a header (`Yes`, `○`), and why the header does not decide.
    unnamed: Option<Unnamed>,
}

/// Why a column read without a status header cannot be read after all.
struct Unnamed {
    column: usize,
    /// Values that mean something only by a header (`Yes`, `○`, `有`).
    by_header: Vec<String>,
    /// The header negates or qualifies (`課題`, `Gap status`): a word of it.
    negation: Option<String>,
    /// Some value reads as implemented.
    any_implemented: bool,
    applicability: bool,
}

fn cell(row: &[String], c: usize) -> &str {
    row.get(c).map_or("", |s| s.trim())
}

/// Classifies a table (a CSV file or a sheet); `None` when it holds no control id.
pub fn classify(
    sheet: &Sheet,
    status_column: Option<&str>,
    catalog: &Catalog,
) -> Result<Option<Layout>, InputError> {
    let loc = sheet.location();
    let width = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut counts = vec![0usize; width];
    for row in &sheet.rows {
        for (c, text) in row.iter().enumerate() {
            if is_id_cell(text) {
                counts[c] += 1;
            }
        }
    }
    let holding: Vec<usize> = (0..width).filter(|&c| counts[c] > 0).collect();
    let Some(&leftmost) = holding.first() else {
        return Ok(None);
    };
    let first_id = sheet
        .rows
        .iter()
        .position(|r| holding.iter().any(|&c| is_id_cell(cell(r, c))))
        .unwrap_or(0);
    // the header: the nearest row above the first id that is not a clause or category
    // heading (`5 情報セキュリティのための方針群`), preferring one that names the id column
    let above: Vec<usize> = (0..first_id)
        .rev()
        .filter(|&r| {
            sheet.rows[r].iter().any(|c| !c.trim().is_empty())
                && !is_heading_row(&sheet.rows[r], leftmost)
        })
        .collect();
    let header = above
        .iter()
        .copied()
        .find(|&r| {
            holding
                .iter()
                .any(|&c| is_id_header(cell(&sheet.rows[r], c)))
        })
        .or_else(|| above.first().copied());
    let names: Vec<String> = (0..width)
        .map(|c| {
            header
                .and_then(|h| sheet.rows[h].get(c))
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .map_or_else(|| column_letter(c), str::to_owned)
        })
        .collect();
    let header_cell = |c: usize| header.map_or("", |h| cell(&sheet.rows[h], c));

    // the id column: the one column holding ids; else the one whose header names it; ids in
    // several columns under one header (or none) are a grid; else it cannot be told
    let named_id: Vec<usize> = holding
        .iter()
        .copied()
        .filter(|&c| is_id_header(header_cell(c)))
        .collect();
    // one header over them all (a PDF table's header merged over its columns, or repeated)
    let mut headers: Vec<String> = holding
        .iter()
        .map(|&c| key_of(header_cell(c)))
        .filter(|k| !k.is_empty())
        .collect();
    headers.dedup();
    let same_header = headers.len() <= 1;
    let (id_column, grid) = match (holding.as_slice(), named_id.as_slice()) {
        ([one], _) => (*one, false),
        _ if same_header => {
            let most = holding
                .iter()
                .copied()
                .max_by(|&a, &b| counts[a].cmp(&counts[b]).then(b.cmp(&a)))
                .unwrap_or(leftmost);
            (most, true)
        }
        (_, [one]) => (*one, false),
        _ => {
            let listed: Vec<String> = holding.iter().map(|&c| format!("'{}'", names[c])).collect();
            return Err(InputError::at(
                loc,
                format!(
                    "ids stand in more than one column ({}), and no header says which is the id column: reading one would state the others' ids",
                    listed.join(", ")
                ),
            )
            .hint("name the id column 管理策番号 (or Control ID), and remove or rename the column of related ids"));
        }
    };

    let roles: Vec<Option<Role>> = (0..width)
        .map(|c| (c != id_column).then(|| role(header_cell(c))).flatten())
        .collect();
    let find = |r: Role| roles.iter().position(|x| *x == Some(r));
    let id_rows: Vec<&Vec<String>> = sheet.rows[first_id..]
        .iter()
        .filter(|r| is_id_cell(cell(r, id_column)))
        .collect();
    // the same, with their indexes (0-based), for messages naming a row
    let status_rows: Vec<(usize, &Vec<String>)> = sheet
        .rows
        .iter()
        .enumerate()
        .skip(first_id)
        .filter(|(_, r)| is_id_cell(cell(r, id_column)))
        .collect();
    let id_of = |row: &[String]| {
        find_ids(cell(row, id_column))
            .0
            .into_iter()
            .next()
            .map(|t| t.raw)
    };

    let mut candidates: Vec<Candidate> = Vec::new();
    // columns named as a status column
    for (c, _) in roles
        .iter()
        .enumerate()
        .filter(|(_, r)| **r == Some(Role::Status))
    {
        candidates.push(Candidate {
            source: StatusSource::Column(c),
            by_content: None,
            what: format!("'{}'", names[c]),
            unnamed: None,
        });
    }
    // columns named by a status: a check-mark matrix; one column named implemented is read
    // by its values, one named another status is a matrix of one column
    let matrix: Vec<(usize, Declared)> = (0..width)
        .filter(|&c| c != id_column && roles[c].is_none())
        .filter_map(|c| vocab::header_status(header_cell(c)).map(|d| (c, d)))
        .collect();
    match matrix.as_slice() {
        [] => {}
        [(c, Declared::Implemented)] => candidates.push(Candidate {
            source: StatusSource::Column(*c),
            by_content: None,
            what: format!("'{}'", names[*c]),
            unnamed: None,
        }),
        cols => candidates.push(Candidate {
            source: StatusSource::Matrix(cols.to_vec()),
            by_content: None,
            what: if cols.len() == 1 {
                format!("'{}'", names[cols[0].0])
            } else {
                format!(
                    "the check-mark columns '{}'",
                    cols.iter()
                        .map(|(c, _)| names[*c].as_str())
                        .collect::<Vec<_>>()
                        .join("', '")
                )
            },
            unnamed: None,
        }),
    }
    let named = !candidates.is_empty();
    // how a column read without a status header reads
    let unnamed = |c: usize, applicability: bool| {
        let mut by_header: Vec<String> = Vec::new();
        let mut any_implemented = false;
        for row in &id_rows {
            let text = cell(row, c);
            if let Ok(v) = vocab::status_value(text) {
                any_implemented |= v.declared == Declared::Implemented;
            }
            if !text.is_empty()
                && vocab::depends_on_header(text)
                && !by_header.iter().any(|v| v == text)
            {
                by_header.push(text.to_owned());
            }
        }
        Unnamed {
            column: c,
            by_header,
            negation: vocab::negation_in(header_cell(c)),
            any_implemented,
            applicability,
        }
    };
    // the status column named by its header, when there is one
    let named_status = candidates.iter().find_map(|k| match k.source {
        StatusSource::Column(c) if k.unnamed.is_none() => Some(c),
        _ => None,
    });
    // columns whose cells state statuses under another header (or none): a note such as
    // 今後対応予定, values such as Done / Not started, a column of 0 and 1
    for c in 0..width {
        if c == id_column
            || matrix.iter().any(|(m, _)| *m == c)
            || matches!(
                roles[c],
                Some(Role::Status | Role::Evidence | Role::Owner | Role::Applicability)
            )
            // beside a named status column, a reason or title column is what it says
            || (named && matches!(roles[c], Some(Role::Reason | Role::Title)))
            // and an audit's result (`監査結果`: `OK`, `NG`), which the status table's
            // reader judges (a clean result read, anything else a finding)
            || (named
                && super::remarks::header(header_cell(c)) == super::remarks::Header::AuditResult)
            // and a test's result (`Test Result`: `OK`, `Compliant`, `NG`), judged there
            // too (review 17 C-2)
            || (named
                && super::remarks::header(header_cell(c)) == super::remarks::Header::TestResult)
            // a date's column (`有効期限`, `最終確認日`, `Expiry`): `N/A` there is "none",
            // no status (review 13 C-11)
            || super::remarks::names_record_date(header_cell(c))
            || super::remarks::names_validity(header_cell(c))
            // a POA&M column beside a status column (`POA&M`: `N/A`, `None`, `POAM-12`):
            // `N/A` there is "no plan item", no status; an item there is judged by the
            // status table's reader (an open one refuses the row: review 25)
            || (named && super::remarks::poam_header(header_cell(c)))
            // and when it was last tested (`Last Tested | 未実施`: never tested, judged by
            // the status table's reader, review 25)
            || (named && super::remarks::names_last_tested(header_cell(c)))
            // a row's approval or review (`承認状況`: `済`, `○`, `未`) is no statement of
            // its implementation, beside a status column or not (review 12 A-18)
            // (a confirmation's header, `確認状況`, only beside a status column named:
            // alone it may be the status column, review 14 C-1 rest)
            || (matches!(
                super::remarks::header(header_cell(c)),
                super::remarks::Header::Approval(_)
            ) && (named || !super::remarks::names_confirmation(&key_of(header_cell(c)))))
            // and so is the findings column of the statement of applicability `readiness`
            // writes (what the tool found, never a statement of the CSP's)
            || (named
                && is_own_findings_column(
                    &names,
                    c,
                    &id_rows.iter().map(|r| cell(r, c)).filter(|t| !t.is_empty()).collect::<Vec<_>>(),
                ))
        {
            continue;
        }
        let title = roles[c] == Some(Role::Title);
        let mut seen: Vec<&str> = Vec::new();
        let mut flags = (0, 0, 0);
        for row in &id_rows {
            let text = cell(row, c);
            if text.is_empty() {
                continue;
            }
            flags.0 += 1;
            match vocab::flag_value(text) {
                Some(false) => flags.1 += 1,
                Some(true) => flags.2 += 1,
                None => {}
            }
            if title && id_of(row).is_some_and(|id| is_title(catalog, &id, text)) {
                continue;
            }
            // beside a named status column, a remark that says nothing (`－`, `なし`), or an
            // explanation (`説明`) that restates the row's status (`対象外` on a row stated
            // 非該当: an explanation that gives no reason)
            if named && super::remarks::says_nothing(text) {
                continue;
            }
            if let Some(sc) = named_status.filter(|_| super::remarks::explains(&names[c])) {
                let declared = |t: &str| vocab::status_value(t).ok().map(|v| v.declared);
                if declared(text).is_some() && declared(text) == declared(cell(row, sc)) {
                    continue;
                }
            }
            // what the published-list reader would refuse in the cell, by the same test
            let states = vocab::statement_in(text, vocab::Look::TABLE_CELL).is_some();
            if states && !seen.contains(&text) {
                seen.push(text);
            }
        }
        // every value 0 or 1, some of them 0: a flag column
        let flag_column = flags.0 > 0 && flags.1 > 0 && flags.1 + flags.2 == flags.0;
        if !seen.is_empty() || flag_column {
            let shown: Vec<String> = if seen.is_empty() {
                vec!["0".to_owned(), "1".to_owned()]
            } else {
                seen.iter().take(3).map(|s| quote(s)).collect()
            };
            candidates.push(Candidate {
                source: StatusSource::Column(c),
                by_content: Some(shown.join(", ")),
                what: format!("'{}' ({})", names[c], shown.join(", ")),
                unnamed: Some(unnamed(c, false)),
            });
        }
    }
    // an applicability column (`適用`) states statuses only where nothing else does, and then
    // only by values that say what they mean (`非該当`, `実施`), never by `○`
    let applicability =
        find(Role::Applicability).filter(|&c| id_rows.iter().any(|r| !cell(r, c).is_empty()));
    if let (Some(c), true) = (applicability, candidates.is_empty()) {
        candidates.push(Candidate {
            source: StatusSource::Column(c),
            by_content: None,
            what: format!("'{}'", names[c]),
            unnamed: Some(unnamed(c, true)),
        });
    }

    let chosen = match status_column {
        Some(wanted) => {
            let c = pick(&names, &matrix, wanted, &loc)?;
            // the applicability column named while the table has an implementation column
            if let (StatusSource::Column(p), Some(a)) = (&c.source, applicability) {
                if *p == a {
                    if let Some(other) = candidates
                        .iter()
                        .find(|k| k.unnamed.is_none() && k.source != c.source)
                    {
                        return Err(InputError::at(
                            loc,
                            format!(
                                "--status-column '{wanted}': '{}' states whether each control applies (a statement of applicability), and the table states implementation in {}: reading '{}' would ignore it",
                                names[a], other.what, names[a]
                            ),
                        )
                        .hint(format!("read the implementation status (--status-column {}, or leave the option out): the applicability column is then checked against it", other.what.trim_matches('\''))));
                    }
                }
            }
            Some(c)
        }
        None => match candidates.len() {
            0 => None,
            1 => candidates.pop(),
            _ if one_status_in_columns(&candidates, &names, &status_rows).is_some() => {
                // the same statuses in two languages, one column each (`実施状況` |
                // `Status`): read as the parts of one cell, the first column; a row where
                // they disagree is refused naming both (review 14 C-2)
                let (cols, disagree) =
                    one_status_in_columns(&candidates, &names, &status_rows).unwrap_or_default();
                // one of the two left blank on a row (an untranslated cell, review 16 C-2):
                // no second status; the column filled wherever the other is is read, and
                // when each leaves blank a row the other fills, the first such row is
                // refused naming the empty cell
                let blank_beside = |blank: usize, filled: usize| {
                    status_rows.iter().find(|(_, row)| {
                        cell(row, blank).trim().is_empty() && !cell(row, filled).trim().is_empty()
                    })
                };
                let (first, second) = (cols[0], cols[1]);
                // a translation carries the same qualifiers; a dated column beside an undated
                // one (`実施状況（2025年度）` | `Status`) is no translation, and its blank no
                // untranslated cell (review 18 B-3)
                let translated = same_qualifiers(&names[first], &names[second]);
                let blanks = (blank_beside(first, second), blank_beside(second, first));
                let read = match blanks {
                    (Some(_), None) if translated => second,
                    (None, None) => first,
                    (None, _) if translated => first,
                    (Some(&(i, _)), _) | (None, Some(&(i, _))) => {
                        let (blank, filled) = match blanks.0 {
                            Some(_) => (first, second),
                            None => (second, first),
                        };
                        let row = &sheet.rows[i];
                        let text = cell(row, filled).trim();
                        return Err(InputError::at(
                            loc.clone().row(i + 1).column(&names[blank]),
                            format!(
                                "the status column '{}' is empty on this row, where '{}' states '{}': the two columns state each row's status in two languages, and this row's is not complete",
                                names[blank],
                                names[filled],
                                quote(text)
                            ),
                        )
                        .hint("write the status in both columns (the same words in two languages), or name the one to read with --status-column NAME"));
                    }
                };
                if let Some((i, other)) = disagree {
                    let row = &sheet.rows[i];
                    return Err(InputError::at(
                        loc.clone().row(i + 1),
                        format!(
                            "the status columns '{}' and '{}' state different statuses on this row ('{}', '{}'): which is the row's cannot be told",
                            names[cols[0]],
                            names[other],
                            quote(cell(row, cols[0])),
                            quote(cell(row, other))
                        ),
                    )
                    .hint("write the same status in both columns (the same words in two languages), or name the one to read with --status-column NAME"));
                }
                let at = candidates
                    .iter()
                    .position(|k| k.source == StatusSource::Column(read))
                    .unwrap_or_default();
                Some(candidates.swap_remove(at))
            }
            _ => {
                let list: Vec<&str> = candidates.iter().map(|c| c.what.as_str()).collect();
                // two tables side by side (a print layout: `管理策番号 | 実施状況 | | 管理策番号 |
                // 実施状況`): the id header repeats; one status column cannot be picked
                // (over columns holding ids: `管理策` over titles beside `管理策番号` is one
                // table, review 12 C-20)
                let id_headers = (0..width)
                    .filter(|&c| holding.contains(&c) && is_id_header(header_cell(c)))
                    .count();
                // one column per region or edition (`東京リージョン | 大阪リージョン`,
                // `Standard | Enterprise`): the list states each part apart (review 23 C-2)
                let per_part = candidates.iter().all(
                    |k| matches!(k.source, StatusSource::Column(c) if names_one_part(&names[c])),
                );
                // or one per service (`サービスA 実施状況 | サービスB 実施状況`, review 25 C-4)
                let per_service = candidates.iter().all(|k| {
                    matches!(k.source, StatusSource::Column(c)
                        if names_one_part(&names[c]) || part_of_status_header(&names[c]).is_some())
                });
                let hint = if id_headers > 1 {
                    "the header names the id column more than once: two tables stand side by side (a print layout); put the second table's rows under the first's, in one id column and one status column"
                } else if per_part {
                    "one status column per region or edition: the list states each part of the service apart; name the part your procurement uses with --status-column NAME (its statement only is read, items are judged for that part, and items naming another part are outside the statement's scope), or give one status column for the whole service"
                } else if per_service {
                    "one status column per service (or per region or edition): the list states each part apart; name the column of the service your procurement uses with --status-column NAME (its statement only is read, and items naming another part are outside the statement's scope), or give one status column for the service"
                } else {
                    "name the one to read with --status-column NAME (a check-mark matrix by any of its columns), or remove the others"
                };
                return Err(InputError::at(
                    loc,
                    format!(
                        "the table has more than one status column: {}; reading one would ignore what the others state",
                        list.join("; ")
                    ),
                )
                .hint(hint));
            }
        },
    };
    // one status column per part of the service, one named by --status-column: the others
    // state another part's statement (review 23 C-2)
    // (or one per service, `サービスA 実施状況 | サービスB 実施状況`: review 25 C-4)
    let per_part = |name: &str| names_one_part(name) || part_of_status_header(name).is_some();
    let other_parts: Vec<usize> = match (chosen.as_ref().map(|c| &c.source), status_column) {
        (Some(StatusSource::Column(read)), Some(_)) if per_part(&names[*read]) => candidates
            .iter()
            .filter_map(|k| match k.source {
                StatusSource::Column(c) if c != *read && per_part(&names[c]) => Some(c),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    if let Some(u) = chosen.as_ref().and_then(|c| c.unnamed.as_ref()) {
        unreadable_unnamed(u, &names, &loc)?;
    }
    if grid && chosen.is_some() {
        let listed: Vec<String> = holding.iter().map(|&c| format!("'{}'", names[c])).collect();
        return Err(InputError::at(
            loc,
            format!(
                "ids stand in more than one column ({}) of a table with a status column: which id each status is for cannot be told",
                listed.join(", ")
            ),
        )
        .hint("keep the ids in one column under a header such as 管理策番号, one control per row, beside its status"));
    }
    let kind = match chosen {
        None => {
            let (mut titles, mut others) = (Vec::new(), Vec::new());
            let reason =
                find(Role::Reason).filter(|&c| id_rows.iter().any(|r| !cell(r, c).is_empty()));
            if !grid {
                for c in (0..width).filter(|&c| c != id_column) {
                    let values: Vec<&str> = id_rows
                        .iter()
                        .map(|r| cell(r, c))
                        .filter(|t| !t.is_empty())
                        .collect();
                    if values.is_empty() || Some(c) == reason {
                        continue;
                    }
                    let all_titles = id_rows.iter().all(|r| {
                        let t = cell(r, c);
                        t.is_empty() || id_of(r).is_some_and(|id| is_title(catalog, &id, t))
                    });
                    if roles[c] == Some(Role::Title) || all_titles {
                        titles.push(c);
                    } else if is_number_header(header_cell(c)) && row_numbers(&values) {
                        // row numbers: not read
                    } else {
                        others.push(c);
                    }
                }
            }
            TableKind::PublishedList {
                reason,
                titles,
                others,
            }
        }
        Some(c) => TableKind::StatusTable(StatusColumns {
            reasons: {
                let mut reasons: Vec<usize> = (0..width)
                    .filter(|&r| {
                        roles[r] == Some(Role::Reason) && c.source != StatusSource::Column(r)
                    })
                    .collect();
                reasons.sort_by_key(|&r| !names_reason(header_cell(r)));
                reasons
            },
            remarks: (0..width)
                .filter(|&r| {
                    let status = match &c.source {
                        StatusSource::Column(s) => *s == r,
                        StatusSource::Matrix(m) => m.iter().any(|(s, _)| *s == r),
                    };
                    // the findings column of a statement `readiness` wrote is what the
                    // tool found, not a remark of the CSP's
                    let own_findings = is_own_findings_column(
                        &names,
                        r,
                        &id_rows
                            .iter()
                            .map(|row| cell(row, r))
                            .filter(|t| !t.is_empty())
                            .collect::<Vec<_>>(),
                    );
                    r != id_column
                        && !status
                        && applicability != Some(r)
                        && !own_findings
                        && !other_parts.contains(&r)
                })
                .collect(),
            titles: (0..width)
                .filter(|&r| roles[r] == Some(Role::Title))
                .collect(),
            evidence: find(Role::Evidence),
            owner: find(Role::Owner),
            applicability: applicability.filter(|a| c.source != StatusSource::Column(*a)),
            own_statement: own_statement(&names).is_some(),
            status: c.source,
            by_content: c.by_content,
            other_parts,
        }),
    };
    Ok(Some(Layout {
        header,
        names,
        id_column,
        grid,
        kind,
    }))
}

/// The part a status column's header names beside its status word, one column per service
/// or part (`サービスA 実施状況` → `サービスA`, `実施状況（サービスB）` → `サービスB`,
/// `Service A Status` → `Service A`; review 25 C-4): none for a status word alone, nor for
/// another time, target or check of the status (`前回実施状況`, `目標ステータス`,
/// `Audit Status`, `Test Status`).
pub(super) fn part_of_status_header(name: &str) -> Option<String> {
    const WORDS: [&str; 8] = [
        "implementation status",
        "実施状況",
        "対応状況",
        "実装状況",
        "導入状況",
        "ステータス",
        "status",
        "状況",
    ];
    const NOT_PARTS: [&str; 27] = [
        "前回",
        "過去",
        "旧",
        "予定",
        "目標",
        "計画",
        "監査",
        "テスト",
        "試験",
        "評価",
        "承認",
        "レビュー",
        "確認",
        "証跡",
        "previous",
        "prior",
        "last",
        "target",
        "planned",
        "audit",
        "test",
        "review",
        "approval",
        "evidence",
        "attestation",
        "poa",
        "remediation",
    ];
    let folded = fold_width(name);
    let lower = folded.to_lowercase();
    let word = WORDS.iter().find(|w| lower.contains(*w))?;
    let at = lower.find(word)?;
    // (lower case changes no length in a header's usual letters; else the lower case is cut)
    let source = if folded.len() == lower.len() {
        &*folded
    } else {
        &*lower
    };
    let rest = format!("{}{}", &source[..at], &source[at + word.len()..]);
    let part = rest
        .trim_matches(|c: char| {
            c.is_whitespace()
                || vocab::is_bracket(c)
                || matches!(c, '-' | '_' | ':' | '：' | '/' | '・')
        })
        .to_owned();
    let key = part.to_lowercase();
    (!part.is_empty()
        && part.chars().any(char::is_alphanumeric)
        && !NOT_PARTS.iter().any(|w| key.contains(w)))
    .then_some(part)
}

/// Whether a column's header names one part of the service: a place or region
/// (`東京リージョン`, `Tokyo`, `ap-northeast-1`), an edition or plan (`Enterprise`,
/// `Standard版`, `Standard Edition`, `標準プラン`) or an environment (`本番環境`); not a header
/// over parts (`リージョン`, `Edition`, `対象範囲`), nor a status or another role's header.
pub(super) fn names_one_part(name: &str) -> bool {
    const EDITIONS: &[&str] = &[
        "standard",
        "enterprise",
        "basic",
        "premium",
        "professional",
        "pro",
        "business",
        "free",
        "lite",
        "light",
        "starter",
        "advanced",
        "ultimate",
        "team",
        "personal",
        "スタンダード",
        "エンタープライズ",
        "ベーシック",
        "プレミアム",
        "プロフェッショナル",
        "プロ",
        "ライト",
        "フリー",
        "ビジネス",
        "スターター",
        "アドバンス",
        "アドバンスト",
        "標準",
    ];
    if role(name).is_some() {
        return false;
    }
    let key = header_key(name);
    let lower = fold_width(name).to_lowercase();
    if EDITIONS.contains(&key.as_ref()) || !crate::analysis::gap::places_in(&lower).is_empty() {
        return true;
    }
    // a name before an edition's, a plan's, a region's or an environment's word
    [
        "版",
        "プラン",
        "エディション",
        "edition",
        "plan",
        "リージョン",
        "region",
        "環境",
    ]
    .iter()
    .find_map(|w| key.strip_suffix(w))
    .is_some_and(|rest| {
        !rest.is_empty()
            && !rest.chars().any(|c| c.is_ascii_digit())
            && !["対象", "適用", "各", "全", "第", "改訂", "初", "最新"]
                .iter()
                .any(|g| rest.contains(g))
    })
}

/// Distinct whole numbers: a column of row numbers.
fn row_numbers(values: &[&str]) -> bool {
    let mut seen: Vec<u64> = Vec::new();
    values.iter().all(|v| {
        let n = fold_width(v).parse::<u64>().ok();
        match n {
            Some(n) if !seen.contains(&n) => {
                seen.push(n);
                true
            }
            _ => false,
        }
    })
}

/// The error for a status column read without a status header that cannot be read: values
/// whose meaning depends on the header (`Gap: Yes`), an applicability column whose values
/// would be read as implemented (`適用: ○`), a header that negates (`課題: 実施`).
fn unreadable_unnamed(u: &Unnamed, names: &[String], loc: &Location) -> Result<(), InputError> {
    let name = &names[u.column];
    let values = || {
        u.by_header
            .iter()
            .take(3)
            .map(|v| format!("'{}'", quote(v)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let hint = format!("if '{name}' states whether each control is implemented, read it with --status-column '{name}' (or name it 実施状況); otherwise remove it, or write the statuses as 実施/未実施/非該当 (implemented/not implemented/not applicable)");
    if u.applicability && !u.by_header.is_empty() {
        return Err(InputError::at(
            loc.clone().column(name.as_str()),
            format!(
                "the column '{name}' states whether each control applies (a statement of applicability), not whether it is implemented: {} cannot be read as implemented",
                values()
            ),
        )
        .hint(format!("give the implementation status in a column such as 実施状況 (the '{name}' column is then checked against it), or, if '{name}' states implementation in this table, read it with --status-column '{name}'")));
    }
    if !u.by_header.is_empty() {
        return Err(InputError::at(
            loc.clone().column(name.as_str()),
            format!(
                "the column '{name}' holds {} beside the ids, whose meaning depends on the column's header, and '{name}' is not a status header the tool knows (it may name a gap, an exception, a finding): the table is not read",
                values()
            ),
        )
        .hint(hint));
    }
    if let (Some(word), true) = (&u.negation, u.any_implemented) {
        return Err(InputError::at(
            loc.clone().column(name.as_str()),
            format!(
                "the column '{name}' holds statuses under a header that negates or qualifies ('{word}'): what an implemented value under it means cannot be told"
            ),
        )
        .hint(hint));
    }
    Ok(())
}

/// The status column `--status-column` names.
fn pick(
    names: &[String],
    matrix: &[(usize, Declared)],
    wanted: &str,
    loc: &Location,
) -> Result<Candidate, InputError> {
    let hits: Vec<usize> = (0..names.len())
        .filter(|&c| header_names(&names[c], &column_letter(c), wanted))
        .collect();
    let what = format!("'{wanted}'");
    match hits.as_slice() {
        [c] if matrix
            .iter()
            .any(|(m, d)| m == c && (matrix.len() >= 2 || *d != Declared::Implemented)) =>
        {
            Ok(Candidate {
                source: StatusSource::Matrix(matrix.to_vec()),
                by_content: None,
                what,
                unnamed: None,
            })
        }
        [c] => Ok(Candidate {
            source: StatusSource::Column(*c),
            by_content: None,
            what,
            unnamed: None,
        }),
        [] => Err(InputError::at(
            loc.clone(),
            format!("--status-column '{wanted}': the table has no such column"),
        )
        .hint(format!("its columns are: {}", names.join(", ")))),
        _ => Err(InputError::at(
            loc.clone(),
            format!(
                "--status-column '{wanted}': columns {} all have that name",
                hits.iter()
                    .map(|c| column_letter(*c))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
        .hint("name the column by its letter (e.g. --status-column C)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// Review 18 B-3: a translation pair carries the same qualifiers.
    #[test]
    fn a_translation_carries_the_same_qualifiers() {
        assert!(same_qualifiers("実施状況", "Status"));
        assert!(same_qualifiers("実施状況（2025年度）", "Status 2025年度"));
        assert!(!same_qualifiers("実施状況（2025年度）", "Status"));
        assert!(!same_qualifiers("実施状況", "Status (2026年度)"));
        assert!(!same_qualifiers(
            "実施状況（2025年度）",
            "Status (2026年度)"
        ));
        assert!(!same_qualifiers("実施状況", "Status (planned)"));
        // review 20 C-10: the same note translated
        for (ja, en) in [
            ("実施状況（必須）", "Status (required)"),
            ("実施状況（○/×）", "Status (Y/N)"),
            ("実施状況（2026年4月時点）", "Status (as of April 2026)"),
            ("実施状況（2026年4月1日時点）", "Status (as of 2026-04-01)"),
            ("実施状況（2025年度）", "Status (FY2025)"),
            ("実施状況（令和7年度）", "Status (FY2025)"),
            ("実施状況（2025年度）", "Status (2025)"),
            ("実施状況（必須）", "Status"),
        ] {
            assert!(same_qualifiers(ja, en), "{ja} | {en}");
        }
        for (ja, en) in [
            ("実施状況（2026年4月時点）", "Status (as of May 2026)"),
            ("実施状況（2025年度）", "Status (FY2026)"),
            ("実施状況（2026年4月1日時点）", "Status (as of 2026-04-02)"),
            ("実施状況（東京）", "Status"),
            ("実施状況（必須）", "Status (planned)"),
            ("実施状況", "Status (2025)"),
        ] {
            assert!(!same_qualifiers(ja, en), "{ja} | {en}");
        }
    }

    fn layout(text: &str, status_column: Option<&str>) -> Result<Option<Layout>, String> {
        let catalog = Catalog::embedded().unwrap();
        let sheet = crate::input::table::read_csv_text(Path::new("t.csv"), text).unwrap();
        classify(&sheet, status_column, &catalog).map_err(|e| e.to_string())
    }

    fn status(text: &str, status_column: Option<&str>) -> Result<Option<String>, String> {
        layout(text, status_column).map(|l| l.and_then(|l| l.status_name()))
    }

    #[test]
    fn reason_headers_in_other_words() {
        for h in [
            "理由",
            "適用/除外の理由",
            "非適用の理由",
            "除外理由（非該当の場合）",
            "適用/除外の根拠",
            "根拠",
            "Justification",
            "Reason for exclusion",
        ] {
            assert_eq!(role(h), Some(Role::Reason), "{h}");
        }
        assert_eq!(role("根拠資料"), Some(Role::Evidence));
        // the documents that show the control (review 14 A-1 rest)
        for h in [
            "関連文書",
            "文書名",
            "根拠文書",
            "参照文書",
            "関連規程",
            "Related documents",
        ] {
            assert_eq!(role(h), Some(Role::Evidence), "{h}");
        }
        for h in [
            "文書改訂日",
            "文書管理者",
            "除外理由（規程参照）",
            "Document review date",
        ] {
            assert_ne!(role(h), Some(Role::Evidence), "{h}");
        }
    }

    #[test]
    fn profiles_are_recognised_by_their_content() {
        assert_eq!(
            profile_syntax("{\"implemented\": [\"5.1.1\"]}"),
            Some(ProfileSyntax::Json)
        );
        assert_eq!(
            profile_syntax("\n# a profile\nname: x\n"),
            Some(ProfileSyntax::Yaml)
        );
        assert_eq!(
            profile_syntax("---\nimplemented: [5.1.1]\n"),
            Some(ProfileSyntax::Yaml)
        );
        assert_eq!(profile_syntax("統制目標 番号\n5.1.1\n"), None);
        assert_eq!(profile_syntax("note: 5.1.1\n"), None);
        assert_eq!(profile_syntax("  name: x\n"), None);
    }

    #[test]
    fn the_id_column_is_found_by_its_content() {
        let l = layout(
            "No,管理策番号,実施状況\n1,5.1.1,実施\n2,5.1.2,未実施\n",
            None,
        )
        .unwrap()
        .unwrap();
        assert_eq!(l.id_column, 1);
        assert_eq!(l.name(1), "管理策番号");
        assert_eq!(l.status_name().as_deref(), Some("実施状況"));
        // an id column under any header, and no header at all
        let l = layout("ISMAP番号,実施状況\n5.1.1,実施\n", None)
            .unwrap()
            .unwrap();
        assert_eq!((l.id_column, l.header), (0, Some(0)));
        let l = layout("5.1.1,実施\n5.1.2,未実施\n", None).unwrap().unwrap();
        assert_eq!(l.header, None);
        assert_eq!(l.status_name().as_deref(), Some("B"));
        assert!(layout("表紙\n2025.3.31\n", None).unwrap().is_none());
    }

    #[test]
    fn exactly_one_status_column() {
        assert_eq!(status("管理策番号,管理策名\n5.1.1,方針\n", None), Ok(None));
        assert_eq!(
            status("管理策番号,進捗\n5.1.1,実施\n5.1.2,未実施\n", None),
            Ok(Some("進捗".into()))
        );
        assert_eq!(
            status("管理策番号,備考\n5.1.1,\n5.1.2,今後対応予定\n", None),
            Ok(Some("備考".into()))
        );
        assert_eq!(
            status("管理策番号,フラグ\n5.1.1,1\n5.1.2,0\n", None),
            Ok(Some("フラグ".into()))
        );
        // a reason column beside a status column is a reason column
        assert_eq!(
            status("管理策番号,実施状況,備考\n5.1.1,実施,今後対応予定\n", None),
            Ok(Some("実施状況".into()))
        );
        // a statement of applicability with 適用 and 実施状況: 適用 says the control
        // applies, 実施状況 whether it is implemented; 適用 is not read as the status
        assert_eq!(
            status("管理策番号,適用,実施状況\n5.1.1,○,未実施\n", None),
            Ok(Some("実施状況".into()))
        );
        let e = status("管理策番号,適用,実施状況\n5.1.1,○,未実施\n", Some("適用")).unwrap_err();
        assert!(
            e.contains("--status-column '適用': '適用' states whether each control applies")
                && e.contains("the table states implementation in '実施状況'"),
            "{e}"
        );
        // alone, an applicability column is read only by values that say what they mean
        let e = status("管理策番号,適用\n5.1.1,○\n5.1.2,×\n", None).unwrap_err();
        assert!(
            e.contains("column '適用': the column '適用' states whether each control applies"),
            "{e}"
        );
        assert_eq!(
            status("管理策番号,適用\n5.1.1,○\n", Some("適用")),
            Ok(Some("適用".into()))
        );
        assert_eq!(
            status("管理策番号,適用状況\n5.1.1,実施\n5.1.2,非該当\n", None),
            Ok(Some("適用状況".into()))
        );
        assert_eq!(
            status(
                "管理策番号,適用,実施状況\n5.1.1,○,未実施\n",
                Some("実施状況")
            ),
            Ok(Some("実施状況".into()))
        );
        // a matrix, and a matrix beside a status column
        assert_eq!(
            status("管理策番号,実施,非該当,未実施\n5.1.1,○,,\n", None),
            Ok(Some("実施/非該当/未実施".into()))
        );
        let e = status(
            "管理策番号,実施,非該当,未実施,実施状況\n5.1.1,○,,,実施\n",
            None,
        )
        .unwrap_err();
        assert!(
            e.contains("the check-mark columns '実施', '非該当', '未実施'"),
            "{e}"
        );
        assert_eq!(
            status(
                "管理策番号,実施,非該当,未実施,実施状況\n5.1.1,○,,,実施\n",
                Some("非該当")
            ),
            Ok(Some("実施/非該当/未実施".into()))
        );
        let e = status("管理策番号,実施状況\n5.1.1,実施\n", Some("進捗")).unwrap_err();
        assert!(
            e.contains("--status-column '進捗': the table has no such column"),
            "{e}"
        );
        // titles are not statuses, a title with a status in it is
        assert_eq!(
            status(
                "管理策番号,管理策名\n17.1.1,情報セキュリティ継続の計画\n",
                None
            ),
            Ok(None)
        );
        assert_eq!(
            status("管理策番号,管理策名\n9.2.3,特権（対象外）\n", None),
            Ok(Some("管理策名".into()))
        );
    }
}
