//! Status tables: each row an id and its status from exactly one status column (or one
//! check-mark matrix), read by the documented status values; a value the table cannot be
//! read by is an input error naming the cell, never a guess.
use crate::catalog::id::IsmapId;
use crate::catalog::Catalog;
use crate::error::{InputError, Location};
use crate::input::csp::classify::{Layout, StatusColumns, StatusSource};
use crate::input::csp::ids::{find_ids, IdKind};
use crate::input::csp::published::{check_ids, quote, Listed, FOR_ID_CELLS};
use crate::input::csp::vocab::{self, Check, StatusValue};
use crate::input::table::Sheet;
use crate::model::{Declared, ListedControl};

fn cell(row: &[String], c: usize) -> &str {
    row.get(c).map_or("", |s| s.trim())
}

/// A row's status: `None` when the row states none (an empty cell, nothing marked).
fn status_of(
    row: &[String],
    n: usize,
    layout: &Layout,
    cols: &StatusColumns,
    loc: &Location,
    id: &str,
) -> Result<Option<StatusValue>, InputError> {
    match &cols.status {
        StatusSource::Column(c) => {
            let text = cell(row, *c);
            if text.is_empty() {
                return Ok(None);
            }
            let value = vocab::status_value(text);
            if let Ok(v) = &value {
                if v.declared == Declared::Implemented && !v.note.is_empty() {
                    let name = layout.name(*c);
                    return Err(InputError::at(
                        loc.clone().row(n).column(name),
                        format!(
                            "'{}' for {id} is implemented with a note in brackets ('{}'): a note may narrow or contradict it (一部, 予定, 対象外), so the row is not read as implemented",
                            quote(text),
                            quote(&v.note)
                        ),
                    )
                    .hint("write the status alone (実施) and the note in a remarks column (備考); a note is kept as the reason of 非該当, 未実施 and 計画中 only"));
                }
            }
            value.map(Some).map_err(|why| {
                let name = layout.name(*c);
                let at = loc.clone().row(n).column(name);
                let what = match why {
                    vocab::Unreadable::Unknown => format!("unknown status '{}' for {id}", quote(text)),
                    why => format!("'{}' for {id} cannot be read as a status: {}", quote(text), why.why()),
                };
                let msg = match &cols.by_content {
                    Some(held) => format!("the column holds statuses ({held}), so the table is read as a status table, but: {what}"),
                    None => what,
                };
                let hint = if cols.by_content.is_some() {
                    format!("{}; or, if '{name}' is not a status column, keep statuses out of it so the table reads as a published list", vocab::VALUES_HINT)
                } else {
                    vocab::VALUES_HINT.to_owned()
                };
                InputError::at(at, msg).hint(hint)
            })
        }
        StatusSource::Matrix(columns) if columns.len() == 1 => {
            // one column named by a status other than implemented: a mark is that status;
            // anything else says nothing about the control
            let (c, declared) = columns[0];
            let name = layout.name(c);
            match vocab::check_cell(cell(row, c)) {
                Check::Selected => Ok(Some(StatusValue {
                    declared,
                    note: String::new(),
                })),
                Check::NotSelected if cell(row, c).is_empty() => Ok(None),
                Check::NotSelected => Err(InputError::at(
                    loc.clone().row(n).column(name),
                    format!(
                        "'{}' under '{name}' leaves {id} unmarked: a column named by one status marks only the controls that are {}, and the table says nothing else of {id} — no statement that it is implemented",
                        quote(cell(row, c)),
                        declared.label(crate::lang::Lang::En)
                    ),
                )
                .hint(format!("a column named by one status ('{name}') only marks the controls of that status: give every control its status in a status column such as 実施状況 (実施/未実施/非該当), or a check-mark matrix with a column for each status (実施, 未実施, 非該当)"))),
                Check::Unreadable => Err(InputError::at(
                    loc.clone().row(n).column(name),
                    format!(
                        "'{}' (for {id}) is not a check mark this tool reads",
                        quote(cell(row, c))
                    ),
                )
                .hint("mark the controls of that status with ○ (or ✓, 1) and give the others their status in a status column such as 実施状況")),
            }
        }
        StatusSource::Matrix(columns) => {
            let mut marked: Vec<(usize, Declared)> = Vec::new();
            for &(c, declared) in columns {
                match vocab::check_cell(cell(row, c)) {
                    Check::Selected => marked.push((c, declared)),
                    Check::NotSelected => {}
                    Check::Unreadable => {
                        return Err(InputError::at(
                            loc.clone().row(n).column(layout.name(c)),
                            format!(
                                "'{}' (for {id}) is not a check mark this tool reads",
                                quote(cell(row, c))
                            ),
                        )
                        .hint("mark the column that applies with ○ (or ✓, 1) and leave the others empty (or ×, -)"))
                    }
                }
            }
            match marked.as_slice() {
                [] => Ok(None),
                [(_, declared)] => Ok(Some(StatusValue {
                    declared: *declared,
                    note: String::new(),
                })),
                more => Err(InputError::at(
                    loc.clone().row(n),
                    format!(
                        "{id} is marked in more than one status column ({})",
                        more.iter()
                            .map(|(c, _)| layout.name(*c))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
                .hint("mark one status per row")),
            }
        }
    }
}

/// Where a row's status is, for a message about a row without one.
fn status_place(layout: &Layout, cols: &StatusColumns) -> String {
    match &cols.status {
        StatusSource::Column(c) => layout.name(*c).to_owned(),
        StatusSource::Matrix(_) => layout.status_name().unwrap_or_default(),
    }
}

/// Reads the rows of a status table. `sheet_says`: the sheet's name, when it states a status
/// other than implemented (`非該当`), which no row may contradict by stating implemented.
pub fn read(
    sheet: &Sheet,
    layout: &Layout,
    cols: &StatusColumns,
    catalog: &Catalog,
    sheet_says: Option<&str>,
) -> Result<Listed, InputError> {
    let loc = sheet.location();
    let mut out = Listed::default();
    let start = layout.header.map_or(0, |h| h + 1);
    let get =
        |row: &[String], c: Option<usize>| c.map_or(String::new(), |c| cell(row, c).to_owned());
    for (i, row) in sheet.rows.iter().enumerate().skip(start) {
        let n = i + 1;
        let id_cell = cell(row, layout.id_column);
        let id_name = layout.name(layout.id_column);
        let status = status_of(
            row,
            n,
            layout,
            cols,
            &loc,
            if id_cell.is_empty() {
                "a row without an id"
            } else {
                id_cell
            },
        )?;
        if id_cell.is_empty() {
            if let Some(s) = &status {
                return Err(InputError::at(
                    loc.clone().row(n).column(id_name),
                    format!(
                        "the row has a status ({}) but no control id",
                        s.declared.label(crate::lang::Lang::En)
                    ),
                )
                .hint(
                    "write the control's ISMAP id (e.g. 9.2.1) in the id column, or clear the row",
                ));
            }
            if row.iter().any(|c| !c.trim().is_empty()) {
                out.ignored += 1;
            }
            continue;
        }
        let (ids, skipped) = find_ids(id_cell);
        let Some(status) = status else {
            if ids.is_empty() || cols.own_statement {
                // a heading or note row (`5 情報セキュリティのための方針群`)
                out.ignored += skipped.max(1);
                continue;
            }
            let what = format!("no status is given for {id_cell}");
            let (msg, hint) = match &cols.by_content {
                Some(held) => (
                    format!("the column holds statuses ({held}), so the table is read as a status table, but: {what}"),
                    format!("give every row with an id its status in it, or, if it is not a status column, keep statuses out of it so the table reads as a published list; {}", vocab::VALUES_HINT),
                ),
                None => (what, format!("give every row with an id its status; {}", vocab::VALUES_HINT)),
            };
            return Err(
                InputError::at(loc.clone().row(n).column(status_place(layout, cols)), msg)
                    .hint(hint),
            );
        };
        let at = loc.clone().row(n).column(id_name);
        if let Some(t) = ids.iter().find(|t| !t.kind.is_control()) {
            let what = match t.kind {
                IdKind::Unread(what) => what,
                _ => "not a control id",
            };
            return Err(InputError::at(
                at,
                format!("'{}' is {what}: a status applies to one control", t.raw),
            )
            .hint("give each control its own row (9.2.3, 9.2.4)"));
        }
        let raws: Vec<String> = if ids.is_empty() {
            vec![odd_id(id_cell, &at)?]
        } else {
            check_ids(id_cell, &ids, at.clone(), catalog, FOR_ID_CELLS)?;
            ids.into_iter().map(|t| t.raw).collect()
        };
        if let Some(name) = sheet_says.filter(|_| status.declared == Declared::Implemented) {
            return Err(InputError::at(
                loc.clone().row(n),
                format!(
                    "the sheet's name ('{name}') states a status other than implemented (or qualifies its rows), but this row states {id_cell} implemented"
                ),
            )
            .hint("rename the sheet, or correct the row"));
        }
        if status.declared == Declared::Implemented {
            check_implemented_row(row, n, layout, cols, &loc, id_cell)?;
        }
        let reason = match (get(row, cols.reason), status.note.as_str()) {
            (r, "") => r,
            (r, note) if r.is_empty() || r == note => note.to_owned(),
            (r, note) => format!("{note}; {r}"),
        };
        for raw in raws {
            out.controls.push(ListedControl {
                raw,
                line: Some(n),
                declared: status.declared,
                reason: reason.clone(),
                evidence: get(row, cols.evidence),
                owner: get(row, cols.owner),
            });
            out.at.push(loc.clone().row(n));
        }
    }
    Ok(out)
}

/// On a row stated implemented, the other columns may not say otherwise: a remark (or an
/// exclusion reason) that negates or qualifies, evidence or an owner that states a status
/// (`N/A`, `未実施のため無し`; `なし` is no evidence), an applicability column that says the
/// control does not apply.
fn check_implemented_row(
    row: &[String],
    n: usize,
    layout: &Layout,
    cols: &StatusColumns,
    loc: &Location,
    id: &str,
) -> Result<(), InputError> {
    let status = layout.status_name().unwrap_or_default();
    let refuse = |c: usize, text: &str, what: String, hint: &str| {
        let name = layout.name(c);
        InputError::at(
            loc.clone().row(n).column(name),
            format!(
                "'{}' in '{name}' {what}, on the row that states {id} implemented in '{status}': the row is not read as implemented",
                quote(text)
            ),
        )
        .hint(hint.to_owned())
    };
    const FOR_REMARKS: &str = "if the control is implemented only in part, later, elsewhere or with exceptions, state it so in the status column (未実施, 計画中, 非該当 with the reason); else remove the qualification from the remark";
    for &c in &cols.remarks {
        let text = cell(row, c);
        if text.is_empty() {
            continue;
        }
        // a reason column named for exclusions (非該当理由, 除外理由) holds a reason only
        // where the control is excluded
        if let Some(word) = vocab::negation_in(layout.name(c)) {
            return Err(refuse(
                c,
                text,
                format!("gives a reason under a header that negates or excludes ('{word}')"),
                FOR_REMARKS,
            ));
        }
        if let Some(what) = vocab::qualifies(text) {
            return Err(refuse(
                c,
                text,
                format!("negates or qualifies ({what})"),
                FOR_REMARKS,
            ));
        }
    }
    for c in [cols.evidence, cols.owner].into_iter().flatten() {
        let text = cell(row, c);
        let none = matches!(
            crate::text::header_key(text).as_ref(),
            "" | "なし" | "無し" | "無" | "none" | "-" | "－" | "―"
        );
        if none {
            continue;
        }
        if let Some(what) = vocab::qualifies(text) {
            return Err(refuse(
                c,
                text,
                format!("states a status or negates ({what})"),
                FOR_REMARKS,
            ));
        }
    }
    if let Some(c) = cols.applicability {
        let text = cell(row, c);
        let applies = text.is_empty()
            || vocab::check_cell(text) == Check::Selected
            || matches!(
                crate::text::header_key(text).as_ref(),
                "適用" | "対象" | "applicable" | "inscope" | "selected" | "実施"
            );
        if !applies {
            return Err(refuse(
                c,
                text,
                "does not say the control applies".to_owned(),
                "a control that does not apply is not implemented: give the status 非該当 (with the reason), or correct the applicability column",
            ));
        }
    }
    Ok(())
}

/// An id cell with no ISMAP id of a published list's shape: an id the catalog may not hold
/// (`99.1.1`), kept as written for the resolver to report; a clause or category, or more
/// than one word, is an error.
fn odd_id(id_cell: &str, at: &Location) -> Result<String, InputError> {
    let first = id_cell.split_whitespace().next().unwrap_or(id_cell);
    if first.len() < id_cell.trim().len() || first.chars().any(vocab::is_bracket) {
        return Err(InputError::at(
            at.clone(),
            format!(
                "'{}' is not a control id alone: the id cell holds more than the id",
                quote(id_cell)
            ),
        )
        .hint(FOR_ID_CELLS));
    }
    if IsmapId::parse(first).is_some_and(|id| id.suffix.is_none() && id.depth() < 3) {
        return Err(InputError::at(
            at.clone(),
            format!("'{}' is a clause or category, but a status applies to one control objective", quote(id_cell)),
        )
        .hint("give the status on the row of each control objective (e.g. 9.2.1), or clear the status of this heading row"));
    }
    Ok(first.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::csp::classify::{classify, TableKind};
    use std::path::Path;

    fn read_csv(
        text: &str,
        status_column: Option<&str>,
    ) -> Result<Vec<(String, Declared, String)>, String> {
        let catalog = Catalog::embedded().unwrap();
        let sheet = crate::input::table::read_csv_text(Path::new("t.csv"), text).unwrap();
        let layout = classify(&sheet, status_column, &catalog)
            .map_err(|e| e.to_string())?
            .expect("ids");
        let TableKind::StatusTable(cols) = &layout.kind else {
            return Err("published list".into());
        };
        read(&sheet, &layout, cols, &catalog, None)
            .map(|l| {
                l.controls
                    .into_iter()
                    .map(|c| (c.raw, c.declared, c.reason))
                    .collect()
            })
            .map_err(|e| e.to_string())
    }

    fn states(text: &str) -> Vec<(String, Declared)> {
        read_csv(text, None)
            .unwrap_or_else(|e| panic!("{text}: {e}"))
            .into_iter()
            .map(|(r, d, _)| (r, d))
            .collect()
    }

    use Declared::*;

    #[test]
    fn values_brackets_and_matrices() {
        assert_eq!(
            read_csv("管理策番号,実施状況\n6.2.2,非該当（IaaS側で実施）\n", None).unwrap(),
            [("6.2.2".to_owned(), NotApplicable, "IaaS側で実施".to_owned())]
        );
        assert_eq!(
            states("管理策番号,実施,非該当,未実施\n5.1.1,○,,\n5.1.2,,,○\n6.2.2,×,○,×\n"),
            [
                ("5.1.1".to_owned(), Implemented),
                ("5.1.2".to_owned(), NotImplemented),
                ("6.2.2".to_owned(), NotApplicable)
            ]
        );
        assert_eq!(
            states("管理策番号,対応\n5.1.1,はい\n5.1.2,いいえ\n6.2.2,有\n6.2.3,無\n"),
            [
                ("5.1.1".to_owned(), Implemented),
                ("5.1.2".to_owned(), NotImplemented),
                ("6.2.2".to_owned(), Implemented),
                ("6.2.3".to_owned(), NotImplemented)
            ]
        );
        assert_eq!(
            states("Control,Progress\n5.1.1,Done\n5.1.2,Not started\n"),
            [
                ("5.1.1".to_owned(), Implemented),
                ("5.1.2".to_owned(), NotImplemented)
            ]
        );
        // a detailed control keeps its status
        assert_eq!(
            states("管理策番号,実施状況\n9.2.3.11.PB,未実施\n9.4.2.2.B,計画中\n"),
            [
                ("9.2.3.11.PB".to_owned(), NotImplemented),
                ("9.4.2.2.B".to_owned(), Planned)
            ]
        );
    }

    #[test]
    fn what_cannot_be_read_is_named() {
        for (text, want) in [
            ("管理策番号,実施状況\n5.1.1,実施\n5.1.2,\n", "row 3: column '実施状況': no status is given for 5.1.2"),
            ("管理策番号,実施状況\n5.1.1,－\n", "row 2: column '実施状況': '－' for 5.1.1 cannot be read as a status: a dash"),
            ("管理策番号,実施状況\n5.1.1,△\n", "'△' for 5.1.1 cannot be read as a status: a partly implemented"),
            ("管理策番号,実施状況\n5.1.1,可\n", "unknown status '可' for 5.1.1"),
            ("管理策番号,備考\n5.1.1,\n5.1.2,今後対応予定\n", "row 2: column '備考': the column holds statuses (今後対応予定), so the table is read as a status table, but: no status is given for 5.1.1"),
            ("管理策番号,メモ\n5.1.1,OK?\n5.1.2,未実施\n", "column 'メモ': the column holds statuses (未実施), so the table is read as a status table, but: unknown status 'OK?' for 5.1.1"),
            ("管理策番号,実施,非該当,未実施\n5.1.1,,,\n", "row 2: column '実施/非該当/未実施': no status is given for 5.1.1"),
            ("管理策番号,実施,非該当,未実施\n5.1.1,○,○,\n", "5.1.1 is marked in more than one status column (実施, 非該当)"),
            ("管理策番号,実施,非該当,未実施\n5.1.1,x,,\n", "row 2: column '実施': 'x' (for 5.1.1) is not a check mark"),
            ("管理策番号,実施状況\n9.2.3（未実施）,実施\n", "the status word '未実施'"),
            ("管理策番号,実施状況\n5.1.1,実施\n,実施\n", "row 3: column '管理策番号': the row has a status (implemented) but no control id"),
            ("管理策番号,実施状況\n5.1.1,実施\n9.2,実施\n", "row 3: column '管理策番号': '9.2' is a clause or category"),
        ] {
            let e = read_csv(text, None).unwrap_err();
            assert!(e.contains(want), "{text:?}: {e}");
            assert!(e.contains("(hint: "), "{e}");
        }
    }

    #[test]
    fn odd_ids_are_kept_headings_passed_over() {
        assert_eq!(
            states("管理策番号,実施状況,理由,証跡\n5.1.1,実施,,E1\n99.1.1,実施,,E3\nA.9.2.1,実施,,E4\n5 方針,,,\n"),
            [
                ("5.1.1".to_owned(), Implemented),
                ("99.1.1".to_owned(), Implemented),
                ("A.9.2.1".to_owned(), Implemented)
            ]
        );
    }
}
