//! The classifier: what kind of CSP input a file or a table is, from its content — a
//! profile (YAML or JSON, whatever the extension), a published list (ids and titles), or a
//! status table (an id column and exactly one status column, or one check-mark matrix). What
//! it cannot classify it refuses, naming the columns that make it ambiguous.
use crate::catalog::{Catalog, RefKind, Resolution};
use crate::error::{InputError, Location};
use crate::input::column_letter;
use crate::input::csp::ids::find_ids;
use crate::input::csp::published::{is_title, quote};
use crate::input::csp::vocab;
use crate::input::table::Sheet;
use crate::model::Declared;
use crate::text::header_key;

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
    Reason,
    Evidence,
    Owner,
    Title,
}

const ROLES: [(Role, &[&str]); 5] = [
    (
        Role::Status,
        &[
            "status",
            "状況",
            "状態",
            "実施状況",
            "ステータス",
            "適用状況",
            "適用",
            "対応状況",
            "対応状態",
            "実施状態",
            "実施有無",
            "実施の有無",
            "適用有無",
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
            "コメント",
        ],
    ),
    (
        Role::Evidence,
        &["evidence", "証跡", "エビデンス", "根拠資料", "証跡資料"],
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

/// The role of a header cell, also after dropping a bracketed note at its end.
pub fn role(header: &str) -> Option<Role> {
    let key = header_key(header);
    let find = |k: &str| {
        ROLES
            .iter()
            .find(|(_, names)| names.contains(&k))
            .map(|(r, _)| *r)
    };
    find(&key).or_else(|| without_note(&key).and_then(find))
}

/// Whether a header names `wanted` (`--status-column`): by its text (case, width and a
/// bracketed note aside), or by its letter.
fn header_names(header: &str, letter: &str, wanted: &str) -> bool {
    let (h, w) = (header_key(header), header_key(wanted));
    !w.is_empty()
        && (h == w || without_note(&h) == Some(&*w) || letter.eq_ignore_ascii_case(wanted.trim()))
}

/// Where a table's statuses are read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusSource {
    Column(usize),
    /// A check-mark matrix: columns named by a status (`実施`, `非該当`, `未実施`), one
    /// marked per row.
    Matrix(Vec<(usize, Declared)>),
}

/// A status table's columns.
#[derive(Debug, Clone)]
pub struct StatusColumns {
    pub status: StatusSource,
    /// The status column was found by what it holds, not by its header: some of what it
    /// holds, for messages.
    pub by_content: Option<String>,
    pub reason: Option<usize>,
    pub evidence: Option<usize>,
    pub owner: Option<usize>,
}

#[derive(Debug, Clone)]
pub enum TableKind {
    /// Every cell read as a published list's; `reason`: a reason column, for a sheet whose
    /// name states a status; `free`: evidence and owner columns, whose text states nothing
    /// about the status (`証跡: なし` is no evidence, not "not implemented").
    PublishedList {
        reason: Option<usize>,
        free: Vec<usize>,
    },
    StatusTable(StatusColumns),
}

/// A table as classified.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The header row (0-based), the last non-empty row above the first id.
    pub header: Option<usize>,
    /// Each column's name: its header, else its letter.
    pub names: Vec<String>,
    pub id_column: usize,
    /// Ids stand in more than one column (a PDF table saved as a grid).
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
}

/// Whether a cell holds a control id: an ISMAP id (with its title after it, or not), or an
/// Annex A or ISO/IEC 27017 reference the catalog resolves (`A.9.2.1`, `CLD.9.5.1`).
pub fn is_id_cell(cell: &str, catalog: &Catalog) -> bool {
    let cell = cell.trim();
    if cell.is_empty() {
        return false;
    }
    if !find_ids(cell).0.is_empty() {
        return true;
    }
    let first = cell.split_whitespace().next().unwrap_or(cell);
    matches!(
        catalog.resolve(first),
        Resolution::Resolved {
            kind: RefKind::AnnexA | RefKind::Cld,
            ..
        }
    )
}

/// One way the table could state statuses.
struct Candidate {
    source: StatusSource,
    /// Found by its content: some of what it holds.
    by_content: Option<String>,
    /// For messages: the column (or matrix) and what it holds.
    what: String,
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
    let width = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
    // the id column: the one with the most id cells (the leftmost of equals), not a `No`
    // column of row numbers
    let mut counts = vec![0usize; width];
    for row in &sheet.rows {
        for (c, text) in row.iter().enumerate() {
            if is_id_cell(text, catalog) {
                counts[c] += 1;
            }
        }
    }
    let Some((id_column, _)) = counts
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .max_by(|(a, x), (b, y)| x.cmp(y).then(b.cmp(a)))
    else {
        return Ok(None);
    };
    let first_id = sheet
        .rows
        .iter()
        .position(|r| is_id_cell(cell(r, id_column), catalog))
        .unwrap_or(0);
    let header = sheet.rows[..first_id]
        .iter()
        .rposition(|r| r.iter().any(|c| !c.trim().is_empty()));
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
    let roles: Vec<Option<Role>> = (0..width)
        .map(|c| (c != id_column).then(|| role(header_cell(c))).flatten())
        .collect();
    let find = |r: Role| roles.iter().position(|x| *x == Some(r));
    let id_rows: Vec<&Vec<String>> = sheet.rows[first_id..]
        .iter()
        .filter(|r| is_id_cell(cell(r, id_column), catalog))
        .collect();

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
        });
    }
    // columns named by a status: a check-mark matrix when there are two or more
    let matrix: Vec<(usize, Declared)> = (0..width)
        .filter(|&c| c != id_column && roles[c].is_none())
        .filter_map(|c| vocab::header_status(header_cell(c)).map(|d| (c, d)))
        .collect();
    match matrix.as_slice() {
        [] => {}
        [(c, _)] => candidates.push(Candidate {
            source: StatusSource::Column(*c),
            by_content: None,
            what: format!("'{}'", names[*c]),
        }),
        cols => candidates.push(Candidate {
            source: StatusSource::Matrix(cols.to_vec()),
            by_content: None,
            what: format!(
                "the check-mark columns '{}'",
                cols.iter()
                    .map(|(c, _)| names[*c].as_str())
                    .collect::<Vec<_>>()
                    .join("', '")
            ),
        }),
    }
    let named = !candidates.is_empty();
    // columns whose cells state statuses under another header (or none): a note such as
    // 今後対応予定, values such as Done / Not started, a column of 0 and 1
    for c in 0..width {
        if c == id_column
            || matrix.iter().any(|(m, _)| *m == c)
            || matches!(roles[c], Some(Role::Status | Role::Evidence | Role::Owner))
            // beside a named status column, a reason or title column is what it says
            || (named && matches!(roles[c], Some(Role::Reason | Role::Title)))
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
            let id = find_ids(cell(row, id_column))
                .0
                .into_iter()
                .next()
                .map(|t| t.raw);
            if title && id.is_some_and(|id| is_title(catalog, &id, text)) {
                continue;
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
                what: format!("'{}' (holding {})", names[c], shown.join(", ")),
            });
        }
    }

    let loc = sheet.location();
    let chosen = match status_column {
        Some(wanted) => Some(pick(&names, &matrix, wanted, &loc)?),
        None => match candidates.len() {
            0 => None,
            1 => candidates.pop(),
            _ => {
                let list: Vec<&str> = candidates.iter().map(|c| c.what.as_str()).collect();
                return Err(InputError::at(
                    loc,
                    format!(
                        "the table has more than one status column: {}; reading one would ignore what the others state",
                        list.join("; ")
                    ),
                )
                .hint("name the one to read with --status-column NAME (a check-mark matrix by any of its columns), or remove the others"));
            }
        },
    };
    let kind = match chosen {
        None => TableKind::PublishedList {
            reason: find(Role::Reason),
            free: [find(Role::Evidence), find(Role::Owner)]
                .into_iter()
                .flatten()
                .collect(),
        },
        Some(c) => TableKind::StatusTable(StatusColumns {
            reason: find(Role::Reason).filter(|r| c.source != StatusSource::Column(*r)),
            evidence: find(Role::Evidence),
            owner: find(Role::Owner),
            status: c.source,
            by_content: c.by_content,
        }),
    };
    Ok(Some(Layout {
        header,
        names,
        id_column,
        grid: counts.iter().filter(|n| **n > 0).count() > 1,
        kind,
    }))
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
        [c] if matrix.len() >= 2 && matrix.iter().any(|(m, _)| m == c) => Ok(Candidate {
            source: StatusSource::Matrix(matrix.to_vec()),
            by_content: None,
            what,
        }),
        [c] => Ok(Candidate {
            source: StatusSource::Column(*c),
            by_content: None,
            what,
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

    fn layout(text: &str, status_column: Option<&str>) -> Result<Option<Layout>, String> {
        let catalog = Catalog::embedded().unwrap();
        let sheet = crate::input::table::read_csv_text(Path::new("t.csv"), text).unwrap();
        classify(&sheet, status_column, &catalog).map_err(|e| e.to_string())
    }

    fn status(text: &str, status_column: Option<&str>) -> Result<Option<String>, String> {
        layout(text, status_column).map(|l| l.and_then(|l| l.status_name()))
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
        // a statement of applicability with 適用 and 実施状況
        let e = status("管理策番号,適用,実施状況\n5.1.1,○,未実施\n", None).unwrap_err();
        assert!(
            e.contains("the table has more than one status column: '適用'; '実施状況'")
                && e.contains("--status-column"),
            "{e}"
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
