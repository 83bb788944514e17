//! Check items (外部委託先に対する確認項目) from CSV, spreadsheets, YAML or JSON.
use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::{InputError, Location};
use crate::input::decode::{decode, Encoding};
use crate::input::table::{self, Sheet};
use crate::input::{column_letter, read_bytes, FileKind, Scalar};
use crate::model::{split_refs, Assurance, CheckItem, CheckList, Extra, Risk};
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
            Field::Id => &["id", "no", "項番", "番号", "管理番号", "itemid", "#"],
            Field::Title => &[
                "title",
                "item",
                "確認項目",
                "項目",
                "要求事項",
                "チェック項目",
            ],
            Field::Refs => &[
                "controls",
                "refs",
                "references",
                "対応管理策",
                "管理策",
                "ismap管理策",
                "管理策番号",
                "統制目標",
            ],
            Field::Assurance => &[
                "assurance",
                "requiredassurance",
                "確認水準",
                "求める確認水準",
            ],
            Field::Risk => &["risk", "priority", "重要度", "リスク"],
            Field::Note => &["note", "notes", "備考"],
        }
    }

    fn of_header(h: &str) -> Option<Field> {
        let k = header_key(h);
        Field::ALL
            .into_iter()
            .find(|f| f.aliases().iter().any(|a| *a == k))
    }
}

/// How many rows from the top are searched for the header row.
const HEADER_SEARCH_ROWS: usize = 30;

/// Reads check items from any supported file.
pub fn load(
    path: &Path,
    encoding: Option<Encoding>,
    sheet: Option<&str>,
) -> Result<CheckList, InputError> {
    match FileKind::of(path) {
        FileKind::Yaml | FileKind::Json => load_structured(path, encoding),
        FileKind::Text | FileKind::Workbook => from_sheet(table::read(path, encoding, sheet)?),
    }
}

/// Column index → field, found in the header row.
struct Header {
    row: usize,
    fields: HashMap<Field, usize>,
    extras: Vec<(usize, String)>,
}

fn find_header(sheet: &Sheet) -> Result<Header, InputError> {
    for (i, cells) in sheet.rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        let mut fields: HashMap<Field, usize> = HashMap::new();
        for (c, cell) in cells.iter().enumerate() {
            if let Some(f) = Field::of_header(cell) {
                if let Some(&prev) = fields.get(&f) {
                    return Err(InputError::at(
                        sheet.location().row(i + 1),
                        format!(
                            "columns {} ('{}') and {} ('{}') are both a {:?} column",
                            column_letter(prev),
                            cells[prev].trim(),
                            column_letter(c),
                            cell.trim(),
                            f
                        ),
                    )
                    .hint("rename one of them so each column is found once"));
                }
                fields.insert(f, c);
            }
        }
        if fields.contains_key(&Field::Refs) {
            let used: Vec<usize> = fields.values().copied().collect();
            let mut extras: Vec<(usize, String)> = Vec::new();
            for (c, h) in cells.iter().enumerate().filter(|(c, _)| !used.contains(c)) {
                let h = h.trim();
                let mut name = if h.is_empty() {
                    format!("column {}", column_letter(c))
                } else {
                    h.to_owned()
                };
                // two columns with one header stay apart: "担当", "担当 (E)"
                if extras.iter().any(|(_, n)| *n == name) {
                    name = format!("{name} ({})", column_letter(c));
                }
                extras.push((c, name));
            }
            return Ok(Header {
                row: i + 1,
                fields,
                extras,
            });
        }
    }
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
    Err(if found.is_empty() {
        InputError::at(loc, "no rows found").hint("the file or sheet is empty; check --sheet")
    } else {
        InputError::at(
            loc,
            format!(
                "no references column found (first row has: {})",
                found.join(", ")
            ),
        )
        .hint("name the column with the ISMAP ids 'controls' or '管理策' (also: refs, 対応管理策, ISMAP管理策, 管理策番号, 統制目標)")
    })
}

/// Turns a sheet into check items: header found by name, one item per non-blank row.
pub fn from_sheet(sheet: Sheet) -> Result<CheckList, InputError> {
    let header = find_header(&sheet)?;
    let col = |f: Field| header.fields.get(&f).copied();
    let header_cells = &sheet.rows[header.row - 1];
    let col_name = |f: Field| {
        col(f)
            .and_then(|c| header_cells.get(c))
            .map(|h| h.trim().to_owned())
            .unwrap_or_default()
    };
    let mut items = Vec::new();
    let mut seen_ids: HashMap<String, usize> = HashMap::new();
    for (i, cells) in sheet.rows.iter().enumerate().skip(header.row) {
        let row = i + 1;
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let get = |f: Field| {
            col(f)
                .and_then(|c| cells.get(c))
                .map(|s| s.trim().to_owned())
                .unwrap_or_default()
        };
        let at = |f: Field| sheet.location().row(row).column(col_name(f));
        let assurance = Assurance::parse(&get(Field::Assurance)).ok_or_else(|| {
            InputError::at(
                at(Field::Assurance),
                format!("unknown assurance '{}'", get(Field::Assurance)),
            )
            .hint("use self/自己申告, ismap, soc2/保証報告, or audit/個別監査 (empty means ismap)")
        })?;
        let risk = Risk::parse(&get(Field::Risk)).ok_or_else(|| {
            InputError::at(
                at(Field::Risk),
                format!("unknown risk '{}'", get(Field::Risk)),
            )
            .hint("use high/medium/low or 高/中/低, or leave it empty")
        })?;
        let id = match get(Field::Id) {
            id if id.is_empty() => format!("#{row}"),
            id => id,
        };
        if let Some(first) = seen_ids.insert(id.clone(), row) {
            return Err(InputError::at(
                at(Field::Id),
                format!("duplicate check-item id '{id}' (also on row {first})"),
            )
            .hint("give every check item its own id"));
        }
        items.push(CheckItem {
            row,
            id,
            title: get(Field::Title),
            refs: split_refs(&get(Field::Refs)),
            assurance,
            risk,
            note: get(Field::Note),
            extra: Extra(
                header
                    .extras
                    .iter()
                    .map(|(c, name)| (name.clone(), cells.get(*c).cloned().unwrap_or_default()))
                    .collect(),
            ),
        });
    }
    if items.is_empty() {
        return Err(InputError::at(
            sheet.location().row(header.row),
            "the header row is there but no check items follow it",
        )
        .hint("add rows below the header"));
    }
    Ok(CheckList {
        source: sheet.path,
        sheet: sheet.sheet,
        extra_columns: header.extras.into_iter().map(|(_, n)| n).collect(),
        refs_column: col_name(Field::Refs),
        items,
    })
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(Scalar),
    Many(Vec<Scalar>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
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

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum ChecksDoc {
    Wrapped { items: Vec<ItemDoc> },
    List(Vec<ItemDoc>),
}

fn load_structured(path: &Path, encoding: Option<Encoding>) -> Result<CheckList, InputError> {
    let bytes = read_bytes(path)?;
    let text = decode(path, &bytes, encoding)?;
    let loc = Location::file(path);
    let doc: ChecksDoc = match FileKind::of(path) {
        FileKind::Json => serde_json::from_str(&text)
            .map_err(|e| InputError::at(loc.clone().line(e.line()), format!("invalid JSON: {e}"))),
        _ => serde_yaml::from_str(&text).map_err(|e| {
            let l = e.location().map(|l| l.line()).unwrap_or(1);
            InputError::at(loc.clone().line(l), format!("invalid check list: {e}"))
        }),
    }
    .map_err(|e| e.hint("expect a list of items with id, title, refs, assurance, risk, note"))?;
    let docs = match doc {
        ChecksDoc::Wrapped { items } | ChecksDoc::List(items) => items,
    };
    let mut items = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, d) in docs.into_iter().enumerate() {
        let n = i + 1;
        let at = |field: &str| loc.clone().row(n).column(field);
        let assurance = Assurance::parse(&d.assurance).ok_or_else(|| {
            InputError::at(
                at("assurance"),
                format!("unknown assurance '{}'", d.assurance),
            )
            .hint("use self, ismap, soc2 or audit")
        })?;
        let risk = Risk::parse(&d.risk).ok_or_else(|| {
            InputError::at(at("risk"), format!("unknown risk '{}'", d.risk))
                .hint("use high/medium/low or 高/中/低")
        })?;
        let id =
            d.id.map(Scalar::into_string)
                .unwrap_or_else(|| format!("#{n}"));
        if let Some(first) = seen.insert(id.clone(), n) {
            return Err(InputError::at(
                at("id"),
                format!("duplicate check-item id '{id}' (also item {first})"),
            )
            .hint("give every check item its own id"));
        }
        let refs = match d.refs {
            None => Vec::new(),
            Some(OneOrMany::One(s)) => split_refs(&s.into_string()),
            Some(OneOrMany::Many(v)) => v
                .into_iter()
                .flat_map(|s| split_refs(&s.into_string()))
                .collect(),
        };
        items.push(CheckItem {
            row: n,
            id,
            title: d.title,
            refs,
            assurance,
            risk,
            note: d.note,
            extra: Extra(d.extra.into_iter().flatten().collect()),
        });
    }
    if items.is_empty() {
        return Err(InputError::at(loc, "no check items").hint("list items under `items:`"));
    }
    Ok(CheckList {
        source: path.to_path_buf(),
        sheet: None,
        extra_columns: Vec::new(),
        refs_column: "refs".to_owned(),
        items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            path: "c.csv".into(),
            sheet: None,
            rows: rows
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect())
                .collect(),
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

    #[test]
    fn errors_name_row_and_column() {
        let s = sheet(&[&["id", "controls", "risk"], &["A", "9.2.1", "urgent"]]);
        let e = from_sheet(s).unwrap_err().to_string();
        assert_eq!(
            e,
            "c.csv: row 2: column 'risk': unknown risk 'urgent' (hint: use high/medium/low or 高/中/低, or leave it empty)"
        );
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
            .contains("both a Refs column"));
    }
}
