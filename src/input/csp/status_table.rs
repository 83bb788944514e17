//! Status tables: each row an id and its status from exactly one status column (or one
//! check-mark matrix), read by the documented status values; a value the table cannot be
//! read by is an input error naming the cell, never a guess.
use crate::catalog::id::IsmapId;
use crate::catalog::Catalog;
use crate::error::{InputError, Location, Refusals};
use crate::input::csp::classify::{self, Layout, StatusColumns, StatusSource, TableKind};
use crate::input::csp::ids::{find_ids, IdKind};
use crate::input::csp::published::{self, catalog_titles, check_ids, quote, Listed, FOR_ID_CELLS};
use crate::input::csp::remarks::{self, Header};
use crate::input::csp::vocab::{self, Check, StatusValue};
use crate::input::table::Sheet;
use crate::model::{Declared, ListedControl, NotAReason, UnacceptedReason};

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
                // a note saying it goes on (`実施（継続）`, `（運用中）`) limits nothing (review 12
                // C-17)
                let goes_on = matches!(
                    crate::text::header_key(&v.note).as_ref(),
                    "継続" | "継続中" | "運用中" | "継続実施" | "継続運用"
                ) || (remarks::is_whole_scope(&v.note)
                    && vocab::negation_in(&v.note).is_none()
                    && remarks::header_note_qualifier(&v.note).is_none());
                // nor one saying the whole (`実施済（全リージョン）`, `（全サービス）`: review 23
                // C-12)
                if v.declared == Declared::Implemented && !v.note.is_empty() && !goes_on {
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
                    format!("{}; or, if '{name}' is not a status column, keep statuses out of it so the table reads as a published list", why.hint())
                } else {
                    why.hint().to_owned()
                };
                // a number a spreadsheet may show as a word by its number format
                // (`"実施";;"未実施"` shows 1 as 実施) is read as shown (`SheetMarks::shown`); any other
                // number is what is read (review 11 C-20)
                let number = crate::text::fold_width(text)
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == '-');
                let hint = if number && why == vocab::Unreadable::Unknown && loc.sheet.is_some() {
                    format!("the cell holds the number {}: an .xlsx number format of words only is read as shown (\"実施\";;\"未実施\" shows 1 as 実施), but this cell's format shows digits, chooses by a condition ([=1]), shows nothing for the number or is not read (.xls, .ods): type the status itself in the cell; {hint}", quote(text))
                } else {
                    hint
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
/// `own_work`: the list is the CSP's own work (`readiness --implemented`, `diff`), where
/// evidence missing is a finding of readiness, not a refusal. `legend_sheet`: the pairs of the
/// workbook's legend sheet ([`legend_sheet`]), read as a legend beside the table. `service`:
/// the service's names the rows above the header state ([`super::page::service_name_stated`]).
#[allow(clippy::too_many_arguments)]
pub fn read(
    sheet: &Sheet,
    layout: &Layout,
    cols: &StatusColumns,
    catalog: &Catalog,
    sheet_says: Option<&str>,
    as_of: crate::date::Date,
    own_work: bool,
    legend_sheet: &[(String, String)],
    service: &[String],
) -> Result<Listed, InputError> {
    let loc = sheet.location();
    let mut out = Listed::default();
    let start = layout.header.map_or(0, |h| h + 1);
    let get =
        |row: &[String], c: Option<usize>| c.map_or(String::new(), |c| cell(row, c).to_owned());
    let headed = objectives_with_stated_details(sheet, layout, cols, start);
    refuse_other_numbering(sheet, layout)?;
    refuse_mapping(sheet, layout, start)?;
    // rows without an id or a status (1-based): headings between the rows
    let mut headings: Vec<usize> = Vec::new();
    // every row refused is named in one run (review 11 C-21), the first as before
    let mut refused = Refusals::default();
    let dash_na = legend_dash_not_applicable(sheet, layout, cols, legend_sheet);
    let bracketed_ok =
        legend_bracketed_implemented(&legend_pairs(sheet, layout, cols, legend_sheet));
    let footnotes = footnotes_outside(sheet, layout);
    let any_title = published::AnyTitle::new(catalog);
    for (i, row) in sheet.rows.iter().enumerate().skip(start) {
        let n = i + 1;
        let id_cell = cell(row, layout.id_column);
        let id_name = layout.name(layout.id_column);
        if is_total_row(row, layout, cols) || is_legend_row(id_cell) {
            // table furniture (`合計 | 3`, `凡例 | 実施/未実施/非該当`): counted among the rows
            // not read, credits nothing; a legend row that gives a status mark another meaning
            // (`凡例 | | ○：一部実施`) is refused as above the header (review 11 A-20)
            if let Some(pairs) = legend(row) {
                if let Err(e) = check_legend(sheet, n, row, &pairs, None) {
                    // a table-level refusal: the last one named
                    refused.push(e);
                    break;
                }
            }
            out.ignored += 1;
            continue;
        }
        let read = (|| -> Result<(), InputError> {
            let status = if dash_not_applicable(row, cols, dash_na) {
                Some(StatusValue {
                    declared: Declared::NotApplicable,
                    note: String::new(),
                })
            } else if bracketed_defined(row, cols, &bracketed_ok) {
                Some(StatusValue {
                    declared: Declared::Implemented,
                    note: String::new(),
                })
            } else {
                status_of(
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
                )?
            };
            // the statement `readiness` wrote: a state its 記載元 says is its objective's or
            // its items' is no statement of the row's own, as long as it is what was written
            // (the state of the rows it names, no reason); an edited one is the CSP's own
            if status.is_some() && cols.own_statement {
                refuse_inherited_row(row, layout, &loc, n, id_cell)?;
            }
            let status = match status {
                Some(s) if cols.own_statement => {
                    (!written_as(row, layout, cols, sheet, start, &loc, n, id_cell, &s)?)
                        .then_some(s)
                }
                status => status,
            };
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
                    headings.push(n);
                }
                return Ok(());
            }
            let (ids, skipped) = find_ids(id_cell);
            let Some(status) = status else {
                if ids.is_empty() || cols.own_statement {
                    // a heading or note row (`5 情報セキュリティのための方針群`)
                    out.ignored += skipped.max(1);
                    if ids.is_empty() {
                        headings.push(n);
                    }
                    return Ok(());
                }
                // an objective heading the rows of its detailed controls, which state their
                // statuses: the objective is not stated by this row
                if let [one] = ids.as_slice() {
                    if IsmapId::parse(&one.raw).is_some_and(|id| headed.contains(&id.parts)) {
                        out.ignored += 1;
                        return Ok(());
                    }
                }
                let what = format!("no status is given for {id_cell}");
                let (msg, hint) = match &cols.by_content {
                    Some(held) => (
                        format!("the column holds statuses ({held}), so the table is read as a status table, but: {what}"),
                        format!("give every row with an id its status in it, or, if it is not a status column, keep statuses out of it so the table reads as a published list; {}", vocab::VALUES_HINT),
                    ),
                    None => (what, format!("give every row with an id its status; {}", vocab::VALUES_HINT)),
                };
                return Err(InputError::at(
                    loc.clone().row(n).column(status_place(layout, cols)),
                    msg,
                )
                .hint(hint));
            };
            // a template's worked example (`記入例 | 9.2.3 | ○`): no statement of the service,
            // though it holds an id and a status (review 12 A-12)
            if let Some((c, mark)) = example_mark(row) {
                return Err(InputError::at(
                    loc.clone().row(n).column(layout.name(c)),
                    format!(
                        "'{}' marks the row as an example, but it states {id_cell} with a status: an example is no statement of the service",
                        quote(mark)
                    ),
                )
                .hint("delete the example row (a template's worked example) before giving the list; if the row is the CSP's own statement, remove the mark"));
            }
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
            let titles = raws
                .first()
                .map_or_else(Vec::new, |r| catalog_titles(catalog, r));
            if let Some(raw) = raws.first() {
                for &c in &cols.titles {
                    let text = cell(row, c);
                    if let Some(other) = published::title_of_another(catalog, raw, text) {
                        return Err(published::shifted_title(
                            catalog,
                            loc.clone().row(n).column(layout.name(c)),
                            raw,
                            text,
                            other,
                        ));
                    }
                    // a footnote mark ending the title (`利用者登録及び登録削除※1`) whose note
                    // is not in the list, on a row stated implemented (review 23 A-13)
                    if let Some(mark) = trailing_footnote(text).filter(|m| {
                        status.declared == Declared::Implemented && !footnote_given(&footnotes, m)
                    }) {
                        return Err(InputError::at(
                            loc.clone().row(n).column(layout.name(c)),
                            format!(
                                "'{}' beside {raw} ends with a footnote mark ('{mark}') whose note is not in the list: the footnote may narrow or condition the statement, as on a status cell (実施※1), so the row is not read as implemented",
                                quote(text)
                            ),
                        )
                        .hint(FOR_FOOTNOTE));
                    }
                }
            }
            note_confirmed_later(row, n, layout, cols, as_of, &mut out.confirmed_later);
            let mut unaccepted = None;
            let reason = if status.declared == Declared::Implemented {
                check_implemented_row(
                    row, n, layout, cols, &loc, id_cell, &titles, as_of, own_work, service,
                    &footnotes, &any_title,
                )?;
                let raw = raws.first().map_or("", String::as_str);
                row_remark(
                    row,
                    layout,
                    cols,
                    as_of,
                    |text| published::is_title(catalog, raw, text) || titles.contains(&text),
                    &any_title,
                )
            } else {
                // the reason: the note in brackets, and the first reason column the row fills; a
                // "reason" that gives none (`なし`, `TBD`, `検討中`, `特記事項なし`) or restates the
                // control (its title) is none
                // of a row stated not applicable, a text saying the provider itself does the
                // control (`当社で実施`) says the opposite of a reason
                let reason_in = |text| stated_reason(status.declared, text);
                let given_in = |c: usize| {
                    let r = reason_in(cell(row, c));
                    if restates_control(r, &titles) {
                        ""
                    } else {
                        r
                    }
                };
                let given = cols
                    .reasons
                    .iter()
                    .map(|&c| given_in(c))
                    .find(|r| !r.is_empty())
                    .unwrap_or("");
                // an explanation column's text (`説明`) is the reason of a row stated not
                // applicable when no reason column gives one, and it says why (a cause): an
                // explanation may as well describe the control (`本管理策は物理的な入退管理に関するもの`)
                let given = match given {
                    "" if status.declared == Declared::NotApplicable => cols
                        .remarks
                        .iter()
                        .filter(|&&c| remarks::explains(layout.name(c)))
                        .map(|&c| given_in(c))
                        .find(|r| !r.is_empty() && states_a_cause(r))
                        .unwrap_or(""),
                    given => given,
                };
                let reason = match (given, reason_in(&status.note)) {
                    (r, "") => r.to_owned(),
                    (r, note) if r.is_empty() || r == note => note.to_owned(),
                    (r, note) => format!("{note}; {r}"),
                };
                if reason.is_empty() && status.declared == Declared::NotApplicable {
                    unaccepted = unaccepted_reason(row, layout, cols, &status.note);
                }
                reason
            };
            for raw in raws {
                out.controls.push(ListedControl {
                    raw,
                    line: Some(n),
                    declared: status.declared,
                    reason: reason.clone(),
                    evidence: get(row, cols.evidence),
                    owner: get(row, cols.owner),
                    date: implementation_date(row, layout, cols),
                    unaccepted: unaccepted.clone(),
                });
                out.at.push(loc.clone().row(n));
            }
            Ok(())
        })();
        if let Err(e) = read {
            refused.push(e);
        }
    }
    refused.into_result()?;
    if let Some(first) = out
        .controls
        .iter()
        .find(|x| x.declared == Declared::Implemented)
    {
        header_notes(sheet, layout, &first.raw, as_of)?;
        for &n in &headings {
            heading_between(sheet, n, &out, catalog, as_of)?;
        }
        let last = last_id_row(sheet, layout);
        for (i, row) in sheet.rows.iter().enumerate() {
            let Some(place) = outside(layout, last, i + 1) else {
                continue;
            };
            note_row(sheet, i + 1, row, place, &first.raw, as_of)?;
        }
    }
    Ok(out)
}

/// Whether the sheet's own legend (a note on the status column's header,
/// `実施状況（○：実施、－：非該当）`, or a legend row, `凡例：○=実施、－=非該当`), or the pairs
/// of the workbook's legend sheet ([`legend_sheet`]), define a dash as 非該当, and no legend
/// gives it another meaning (review 12 C-4).
fn legend_dash_not_applicable(
    sheet: &Sheet,
    layout: &Layout,
    cols: &StatusColumns,
    legend_sheet: &[(String, String)],
) -> bool {
    let mut dash = legend_pairs(sheet, layout, cols, legend_sheet)
        .into_iter()
        .filter(|(mark, _)| !mark.is_empty() && mark.chars().all(vocab::is_dash))
        .map(|(_, meaning)| {
            vocab::status_value(&legend_meaning(&meaning))
                .ok()
                .filter(|v| {
                    v.note.is_empty()
                        || (v.declared == Declared::NotApplicable && !note_unsays_dash(&v.note))
                })
                .map(|v| v.declared)
        })
        .peekable();
    dash.peek().is_some() && dash.all(|d| d == Some(Declared::NotApplicable))
}

/// Whether a sheet's name says it is the workbook's legend (`凡例`, `記号の説明`, `Legend`).
pub fn is_legend_sheet(name: &str) -> bool {
    let key = crate::text::header_key(name).to_lowercase();
    matches!(key.as_str(), "凡例" | "記号の説明" | "legend")
}

/// The pairs (mark, meaning) of a workbook's sheet of its own for the legend (named `凡例`,
/// `記号の説明`, `Legend`): rows of a mark and its meaning in two cells (`－ | 非該当（理由を記載）`)
/// under at most a header row (`記号 | 意味`) and a title (`凡例`), or legend rows
/// (`凡例：○=実施、－=非該当`). Empty when the sheet is named otherwise or holds any other row
/// (a note beside the pairs may qualify them: the sheet's legend is then not read, and a dash
/// stays refused).
pub fn legend_sheet(sheet: &Sheet) -> Vec<(String, String)> {
    if !sheet.sheet.as_deref().is_some_and(is_legend_sheet) {
        return Vec::new();
    }
    let heading = |c: &str| {
        matches!(
            crate::text::header_key(c).to_lowercase().as_str(),
            "凡例"
                | "記号"
                | "意味"
                | "説明"
                | "記号の説明"
                | "legend"
                | "mark"
                | "symbol"
                | "meaning"
        )
    };
    let mut pairs = Vec::new();
    for row in &sheet.rows {
        let filled: Vec<&str> = row
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        if filled.is_empty() || filled.iter().all(|c| heading(c)) {
            continue;
        }
        if let Some(found) = legend(row) {
            pairs.extend(found);
            continue;
        }
        match filled.as_slice() {
            [mark, meaning] if mark.chars().count() <= 3 => {
                pairs.push(((*mark).to_owned(), (*meaning).to_owned()))
            }
            _ => return Vec::new(),
        }
    }
    pairs
}

/// Whether a legend's note beside `－=非該当` says otherwise or qualifies it (review 16 A-7):
/// `（ただし本表では未回答を示す）`, a blank, an unanswered or not-yet meaning, a plan.
fn note_unsays_dash(note: &str) -> bool {
    let lower = crate::text::fold_width(note).to_lowercase();
    [
        "ただし",
        "但し",
        "未",
        "空欄",
        "無回答",
        "回答なし",
        "記入なし",
        "unanswer",
        "not answered",
        "no answer",
        "blank",
        "but",
        "however",
        "except",
        "pending",
    ]
    .iter()
    .any(|w| lower.contains(w))
        || remarks::header_note_qualifier(note).is_some()
}

/// The pairs (mark, meaning) of the sheet's own legend (a note on the status column's
/// header, `実施状況（○：実施、－：非該当）`, or a legend row, `凡例：○=実施、－=非該当`) and of
/// the workbook's legend sheet ([`legend_sheet`]); none without a status column.
fn legend_pairs(
    sheet: &Sheet,
    layout: &Layout,
    cols: &StatusColumns,
    legend_sheet: &[(String, String)],
) -> Vec<(String, String)> {
    let StatusSource::Column(c) = cols.status else {
        return Vec::new();
    };
    let note = layout
        .header
        .and_then(|h| classify::header_note(cell(&sheet.rows[h], c)))
        .map(|note| vec![format!("凡例:{note}")]);
    note.iter()
        .chain(sheet.rows.iter())
        .filter_map(|row| legend(row))
        .flatten()
        .chain(legend_sheet.iter().cloned())
        .collect()
}

/// The marks in brackets (`(○)`, `（○）`, `header_key` form) the sheet's legend
/// ([`legend_pairs`]) defines as implemented with nothing beside it (`(○)=実施`), and no
/// legend gives another meaning: a cell holding one is read as implemented (fix26-list
/// left). A bracketed mark is otherwise refused ([`vocab::Unreadable::Bracketed`]: the
/// conditional or by-option mark), and so it is when the legend says so (`(○)=オプション`,
/// `(○)=実施（条件付き）`).
fn legend_bracketed_implemented(pairs: &[(String, String)]) -> Vec<String> {
    let key = |mark: &str| crate::text::header_key(mark.trim()).into_owned();
    let bracketed: Vec<String> = pairs
        .iter()
        .filter(|(mark, _)| vocab::status_value(mark) == Err(vocab::Unreadable::Bracketed))
        .map(|(mark, _)| key(mark))
        .collect();
    let mut defined: Vec<String> = bracketed
        .iter()
        .filter(|mark| {
            pairs
                .iter()
                .filter(|(m, _)| key(m) == **mark)
                .all(|(_, meaning)| {
                    vocab::status_value(&legend_meaning(meaning))
                        .is_ok_and(|v| v.declared == Declared::Implemented && v.note.is_empty())
                })
        })
        .cloned()
        .collect();
    defined.sort();
    defined.dedup();
    defined
}

/// Whether a row's status cell is a mark in brackets the sheet's legend defines as
/// implemented ([`legend_bracketed_implemented`]).
fn bracketed_defined(row: &[String], cols: &StatusColumns, defined: &[String]) -> bool {
    let StatusSource::Column(c) = cols.status else {
        return false;
    };
    let text = cell(row, c).trim();
    !text.is_empty()
        && defined.contains(&crate::text::header_key(text).into_owned())
        && vocab::status_value(text) == Err(vocab::Unreadable::Bracketed)
}

/// Whether a row's status cell is a dash the sheet's legend defines as 非該当
/// ([`legend_dash_not_applicable`]) and the row gives its reason: read as 非該当. A dash
/// without a reason is refused as any dash is (review 12 C-4).
fn dash_not_applicable(row: &[String], cols: &StatusColumns, defined: bool) -> bool {
    let StatusSource::Column(c) = cols.status else {
        return false;
    };
    let text = cell(row, c);
    defined
        && !text.is_empty()
        && text.chars().all(vocab::is_dash)
        && cols.reasons.iter().any(|&r| !cell(row, r).is_empty())
}

/// The first cell of a row that marks it as an example (`記入例`, `例`, `Example`, `Sample`
/// alone, or leading the cell as a label: `記入例：…`, `例）…`, `【記入例】…`, `Example: …`),
/// and its text. `例外…`, `e.g. …`, `Sample logs are reviewed` are no mark.
fn example_mark(row: &[String]) -> Option<(usize, &str)> {
    let marks = |text: &str| {
        let t = text.trim();
        let key = crate::text::header_key(t);
        if crate::input::is_example_or_legend(t) && !key.contains("凡例") {
            return key != "eg" && !t.eq_ignore_ascii_case("legend");
        }
        // a numbered example, or one in other words, as the whole cell (`記入例1`, `例1`,
        // `例②`, `サンプル`, `Ex.`, `Ex.1`: review 13 A-2)
        let word = key
            .trim_end_matches(|c: char| c.is_ascii_digit() || ('①'..='⑳').contains(&c) || c == '.');
        // `Ex.`, `Ex.1` as written, never an id such as `EX-01`
        let ex = t
            .to_ascii_lowercase()
            .strip_prefix("ex.")
            .is_some_and(|n| n.trim().bytes().all(|b| b.is_ascii_digit()));
        if ex
            || [
                "例",
                "記入例",
                "記載例",
                "入力例",
                "回答例",
                "サンプル",
                "example",
                "sample",
            ]
            .contains(&word)
        {
            return true;
        }
        // a label in brackets before the text (`【記入例】`, `（例）`, `(Example)`)
        if let Some(rest) = t.strip_prefix(['【', '（', '(', '[', '＜', '<']) {
            if let Some(end) = rest.find(['】', '）', ')', ']', '＞', '>']) {
                let inner = &rest[..end];
                return crate::input::is_example_or_legend(inner)
                    && !["凡例", "legend", "eg"]
                        .contains(&crate::text::header_key(inner).as_ref());
            }
        }
        // a label and a separator (`記入例：`, `例）`, `Example:`)
        t.find([':', '：', ')', '）']).is_some_and(|i| {
            let head = t[..i].trim();
            [
                "例",
                "記入例",
                "記載例",
                "入力例",
                "回答例",
                "example",
                "sample",
            ]
            .contains(&crate::text::header_key(head).as_ref())
        })
    };
    row.iter()
        .enumerate()
        .find(|(_, text)| marks(text))
        .map(|(c, text)| (c, text.trim()))
}

/// Words of an id column's header saying its ids are the ISMAP objectives something else
/// is mapped to (`ISMAP Mapping`, `対応するISMAP管理策`, `関連するISMAP管理策`, `Related
/// ISMAP controls`).
const MAPPING_WORDS: &[&str] = &[
    "mapping",
    "mapped",
    "mapsto",
    "crosswalk",
    "framework",
    "related",
    "reference",
    "対応",
    "マッピング",
    "関連",
    "参照",
    "紐付",
    "紐づ",
    "対照",
];

/// Whether a header names an id column (`Control ID`, `社内管理策番号`, `Ref`), not one of
/// row numbers (`No`, `項番`).
fn names_an_id(header: &str) -> bool {
    let key = crate::text::header_key(header);
    !classify::is_number_header(header)
        && (classify::is_id_header(header)
            || ["id", "番号", "no", "number", "コード", "code", "ref"]
                .iter()
                .any(|w| key.ends_with(w)))
}

/// Whether a cell is one id of a scheme other than ISMAP's (`DCF-12`, `SEC-01`, `AC-001`):
/// one word with a digit and a letter, no control id in it.
fn is_other_scheme_id(text: &str) -> bool {
    let text = crate::text::fold_width(text.trim());
    !text.is_empty()
        && !text.contains(char::is_whitespace)
        && text.chars().any(|c| c.is_ascii_digit())
        && text.chars().any(char::is_alphabetic)
        && !classify::is_id_cell(&text)
}

/// An id column whose header names the 2022 edition of ISO/IEC 27001/27002 (or its JIS:
/// `管理策番号（ISO/IEC 27002:2022）`, `JIS Q 27002:2024`): its ids are numbered in that
/// edition, which renumbers the controls (`8.2` is privileged access there, `8.2.1` the
/// classification of information here), so none is read in the catalog's numbering (review
/// 23 A-7). The published list's id column and the status table's alike.
pub fn refuse_other_numbering(sheet: &Sheet, layout: &Layout) -> Result<(), InputError> {
    let Some(h) = layout.header else {
        return Ok(());
    };
    let header = cell(&sheet.rows[h], layout.id_column);
    if !crate::catalog::edition::names_2022_edition(header) {
        return Ok(());
    }
    Err(InputError::at(
        sheet.location().row(h + 1).column(layout.name(layout.id_column)),
        format!(
            "the id column's header '{}' names the 2022 edition of ISO/IEC 27001/27002 (or its JIS), which numbers the controls otherwise than the catalog (ISMAP, after ISO/IEC 27002:2013): its ids are not read as the catalog's",
            quote(header)
        ),
    )
    .hint("give the list in the catalog's numbering (ISMAP管理基準, ISO/IEC 27002:2013, JIS Q 27002:2014), or pass --catalog with a catalog of that edition; if the header names the edition by mistake, correct it"))
}

/// A table of the CSP's own controls mapped to ISMAP (a GRC export: `Control ID = DCF-12 |
/// Status | ISMAP Mapping = 9.4.2, 9.2.3`), review 11 A-22: its ISMAP ids stand in a column
/// whose header names a mapping, beside a column of the rows' own ids of another scheme. A
/// control mapped to ISMAP objectives is no statement that each is implemented (a mapping is
/// approximate, one control to many objectives, many to one): refused at its first such row,
/// whatever the row states. An id column of ISMAP ids not headed as a mapping
/// (`ISMAP管理策番号`) is read as ever.
fn refuse_mapping(sheet: &Sheet, layout: &Layout, start: usize) -> Result<(), InputError> {
    let id_name = layout.name(layout.id_column);
    let key = crate::text::header_key(id_name);
    // without a word of mapping in the header, the shape says it (review 13 A-1): a row's
    // own id of another scheme beside several ISMAP ids in one cell, one control to many
    let word = MAPPING_WORDS.iter().find(|w| key.contains(*w));
    let own: Vec<usize> = (0..layout.names.len())
        .filter(|&c| c != layout.id_column && names_an_id(layout.name(c)))
        .collect();
    for (i, row) in sheet.rows.iter().enumerate().skip(start) {
        let ids = cell(row, layout.id_column);
        let found = if ids.is_empty() {
            0
        } else {
            find_ids(ids).0.len()
        };
        if found == 0 || word.is_none() && found < 2 {
            continue;
        }
        let Some(&c) = own.iter().find(|&&c| is_other_scheme_id(cell(row, c))) else {
            continue;
        };
        let why = match word {
            Some(word) => format!(
                "the rows are the CSP's own controls ('{}' under '{}') mapped to ISMAP ('{}' under '{id_name}', a header naming a mapping: '{word}'): a control mapped to ISMAP objectives does not state each of them implemented (a mapping is approximate, one control to many objectives)",
                quote(cell(row, c)),
                layout.name(c),
                quote(ids)
            ),
            None => format!(
                "the rows are the CSP's own controls ('{}' under '{}'), each beside several ISMAP objectives ('{}' under '{id_name}'): a control mapped to ISMAP objectives does not state each of them implemented (a mapping is approximate, one control to many objectives)",
                quote(cell(row, c)),
                layout.name(c),
                quote(ids)
            ),
        };
        return Err(InputError::at(sheet.location().row(i + 1).column(id_name), why)
        .hint("obtain the CSP's statement per ISMAP control objective (its entry on the ISMAP cloud service list, or a table with one ISMAP id per row in the id column and its status); a GRC tool's export of the CSP's own controls with their ISMAP mapping is not one"));
    }
    Ok(())
}

/// A heading row between a table's rows (sheet row `n`: no id, no status) governs the rows
/// under it (review 11 A-15): when a row under it is stated implemented, it is read by the
/// pasted list's heading rule ([`published::heading_word`]: a reference, a previous
/// registration or version, another service, a region, an option) and as a remark
/// (deferral, scope, a date after `as_of`: `■ 2027年度に対応する管理策`), and refuses the
/// table when it qualifies. The catalog's own headings (`■ 9 アクセス制御`, `【組織的対策】`)
/// are read.
fn heading_between(
    sheet: &Sheet,
    n: usize,
    out: &Listed,
    catalog: &Catalog,
    as_of: crate::date::Date,
) -> Result<(), InputError> {
    let Some(below) = out
        .controls
        .iter()
        .find(|x| x.declared == Declared::Implemented && x.line.is_some_and(|l| l > n))
    else {
        return Ok(());
    };
    let Some(row) = sheet.rows.get(n - 1) else {
        return Ok(());
    };
    let text = row
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if legend(row).is_some() {
        return Ok(());
    }
    let Some(what) = heading_qualifies(&text, catalog, as_of) else {
        return Ok(());
    };
    let first = row.iter().position(|c| !c.trim().is_empty()).unwrap_or(0);
    Err(InputError::at(
        sheet
            .location()
            .row(n)
            .column(crate::input::column_letter(first)),
        format!(
            "the heading '{}' between the table's rows {what}, above {} stated implemented: a heading is read as a remark on the rows under it, and they are not read as implemented",
            quote(&text),
            below.raw
        ),
    )
    .hint("move the rows under the heading into a table of their own (or leave them out) if they are not the service's current controls, or give each its status (未実施, 計画中, 非該当 with the reason); remove the heading if it qualifies nothing"))
}

/// What a heading over rows or ids (a line without ids between them, or above them) says
/// that makes them something other than the service's implemented controls: the pasted
/// list's heading words ([`published::heading_word`]: a reference, a previous registration
/// or version, another service, a region, an option), `以下、サービスB`, or a remark's
/// qualifier (deferral, scope, someone else's, a date after `as_of`). The catalog's own
/// headings (`■ 9 アクセス制御`) and a heading saying nothing are none. The one rule of a
/// status table's heading row and a published list's heading (review 19 A-3).
pub(super) fn heading_qualifies(
    text: &str,
    catalog: &Catalog,
    as_of: crate::date::Date,
) -> Option<String> {
    if remarks::says_nothing(text) {
        return None;
    }
    let folded = crate::text::fold_width(text).to_lowercase();
    // the catalog's own words: a clause or category heading's titles, with a mark before it
    let bare = text
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim();
    let titles: Vec<String> = bare
        .split_whitespace()
        .next()
        .map(|first| {
            catalog_titles(catalog, first)
                .into_iter()
                .map(|t| crate::text::fold_width(t).to_lowercase())
                .collect()
        })
        .unwrap_or_default();
    let title_refs: Vec<&str> = titles.iter().map(String::as_str).collect();
    // `以下、サービスB`: the rows below are another service's
    let another_service = folded
        .split_once("以下")
        .is_some_and(|(_, rest)| rest.contains("サービス") || rest.contains("service"))
        .then_some("以下");
    published::heading_word(&folded, &titles)
        .or(another_service)
        .map(|w| format!("makes the rows under it something other than the service's implemented controls (a reference, a previous registration or version, another service, a region or an option: '{w}')"))
        .or_else(|| {
            remarks::document_mark(text, as_of)
                .or_else(|| remarks::qualifier_on(text, &title_refs, as_of))
                .map(|q| q.what())
        })
}

/// A bracketed note on the id or the status column's header qualifies every row, as a
/// note below the table does (review 11 A-16): one that projects, plans, targets, drafts
/// or limits the statement (`実施状況（2027年度末見込み）`, `（目標）`, `（予定）`,
/// `（東京リージョン）`, `管理策番号（予定）`), or dates it after `as_of`, refuses the table. A
/// legend of the marks (`実施状況（○/×）`), an input hint (`（記入欄）`) or a date on or before
/// `as_of` (`実施状況(2025年3月末時点)`) is read.
pub fn header_notes(
    sheet: &Sheet,
    layout: &Layout,
    first: &str,
    as_of: crate::date::Date,
) -> Result<(), InputError> {
    let Some(h) = layout.header else {
        return Ok(());
    };
    let mut columns = vec![layout.id_column];
    // the check-mark matrix's implemented columns, whose notes must say nothing beyond
    // the whole service (review 16 A-6)
    let mut marked: Vec<usize> = Vec::new();
    if let TableKind::StatusTable(s) = &layout.kind {
        match &s.status {
            StatusSource::Column(c) => columns.push(*c),
            // a check-mark matrix's implemented column (`実施（予定）`, `Implemented
            // (planned)`): its note is a remark on every row marked there (fix17-csp)
            StatusSource::Matrix(m) => {
                marked.extend(
                    m.iter()
                        .filter(|(_, d)| *d == Declared::Implemented)
                        .map(|(c, _)| *c),
                );
                columns.extend(&marked);
            }
        }
    }
    for c in columns {
        let header = cell(&sheet.rows[h], c);
        let mark_column = marked.contains(&c);
        // a footnote mark on the implemented mark column's header (`Implemented*`,
        // `実施※`): the footnote qualifies every row marked there, as on a status cell
        let footnote = header
            .trim()
            .trim_end_matches(['?', '？'])
            .trim_end()
            .chars()
            .last()
            .filter(|ch| "*＊※†‡".contains(*ch));
        // a footnote mark ending the id or status column's header (`実施状況※`,
        // `実施状況（※1）`) whose note is not in the list qualifies every row, as a note on
        // the header does (review 23 A-3); one whose note is below the table is read there
        if !mark_column {
            let bare = footnote
                .filter(|ch| *ch != '*' && *ch != '＊')
                .map(|ch| ch.to_string());
            let mark = classify::header_note(header)
                .and_then(remarks::footnote_ref)
                .or(bare);
            if let Some(mark) = mark {
                if footnote_given(&footnotes_outside(sheet, layout), &mark) {
                    continue;
                }
                return Err(InputError::at(
                    sheet.location().row(h + 1).column(layout.name(c)),
                    format!(
                        "the header '{}' carries a footnote mark ('{mark}') whose note is not in the list, on a table that states {first} and other controls implemented: a note on the header counts for the whole column and may narrow or condition every row, so its rows are not read as implemented",
                        quote(header)
                    ),
                )
                .hint(FOR_FOOTNOTE));
            }
        }
        let note_or_mark = classify::header_note(header).or(footnote.map(|_| ""));
        let Some(note) = note_or_mark.filter(|_| mark_column || footnote.is_none()) else {
            continue;
        };
        let note = match (note, footnote) {
            ("", Some(ch)) => {
                let at = header.rfind(ch).unwrap_or(0);
                &header[at..]
            }
            (n, _) => n,
        };
        // the values to choose from (`実施/未実施/非該当`, `Yes/No`): read
        let values: Vec<&str> = note
            .split(['/', '／', '・', '、', ','])
            .map(str::trim)
            .collect();
        let choices = values.len() > 1
            && values
                .iter()
                .all(|v| vocab::status_value(v).is_ok_and(|x| x.note.is_empty()));
        if choices {
            continue;
        }
        // a legend of the marks (`○：実施、×：未実施`): read as a legend row is, refused
        // when it gives a mark another meaning (`○：一部実施`)
        // (marks and status words only: `本サービス：暫定` is no legend, review 14 A-12)
        if let Some(pairs) = legend(&[format!("凡例:{note}")]).filter(|pairs| {
            pairs
                .iter()
                .all(|(mark, _)| mark.chars().count() == 1 || vocab::status_value(mark).is_ok())
        }) {
            check_legend(sheet, h + 1, &sheet.rows[h], &pairs, Some(c))?;
            continue;
        }
        // the note whole, then each part of it (`本サービス：暫定`: naming the whole service
        // first clears nothing that follows it, review 14 A-12)
        let parts = note
            .split(['：', ':', '／', '/'])
            .map(str::trim)
            .filter(|p| !p.is_empty() && *p != note);
        let found = std::iter::once(note).chain(parts).find_map(|part| {
            remarks::document_mark(part, as_of)
                .or_else(|| remarks::qualifier_on(part, &[], as_of))
                .or_else(|| remarks::header_note_qualifier(part))
        });
        // on the implemented mark column, a note not naming the whole service (`(Tokyo)`,
        // `*`) limits the rows marked there: refused (review 16 A-6)
        let found = found.or_else(|| {
            let how_to_mark = [
                "を記入",
                "を入力",
                "を付ける",
                "をつける",
                "印",
                "記入",
                "入力",
            ]
            .iter()
            .fold(note.to_owned(), |n, w| n.replace(w, ""));
            let how_to_mark = vocab::check_cell(&how_to_mark) == vocab::Check::Selected;
            (mark_column && !remarks::is_whole_scope(note) && !how_to_mark).then(|| {
                remarks::Qualifier {
                    kind: remarks::Kind::Scope,
                    word: note.to_owned(),
                }
            })
        });
        let Some(q) = found else {
            continue;
        };
        let name = layout.name(c);
        return Err(InputError::at(
            sheet.location().row(h + 1).column(name),
            format!(
                "the note '{}' on the header '{}' {}, on a table that states {first} and other controls implemented: a note on the header is read as a remark on every row, and its rows are not read as implemented",
                quote(note),
                quote(header),
                q.what()
            ),
        )
        .hint(format!(
            "{}; a note on the header counts for the whole column (write the statuses as of now in a column without it, or move what it says into the rows it concerns)",
            q.hint()
        )));
    }
    Ok(())
}

/// The last row (0-based) of a table holding an id: below it, a row is a footnote.
pub fn last_id_row(sheet: &Sheet, layout: &Layout) -> Option<usize> {
    let start = layout.header.map_or(0, |h| h + 1);
    sheet
        .rows
        .iter()
        .enumerate()
        .skip(start)
        .rev()
        .find(|(_, r)| !find_ids(cell(r, layout.id_column)).0.is_empty())
        .map(|(i, _)| i)
}

/// The hint for a footnote mark whose note is not in the list.
const FOR_FOOTNOTE: &str = "paste the footnote's text with the list (below the table, on a row starting with the mark: ※1 …), so that it is read as a note on the rows it marks, or remove the mark if the footnote says nothing of the statement";

/// The first filled cell of each row outside the table (above its header, below its last
/// row holding an id), folded, without an opening bracket: where a footnote's text stands.
fn footnotes_outside(sheet: &Sheet, layout: &Layout) -> Vec<String> {
    let last = last_id_row(sheet, layout);
    sheet
        .rows
        .iter()
        .enumerate()
        .filter(|(i, _)| outside(layout, last, i + 1).is_some())
        .filter_map(|(_, row)| row.iter().map(|c| c.trim()).find(|c| !c.is_empty()))
        .map(|t| {
            crate::text::fold_width(t)
                .replace(['＊', '∗'], "*")
                .trim_start_matches(['(', '[', '【', '〔'])
                .to_owned()
        })
        .collect()
}

/// Whether the list gives the note of footnote mark `mark` ([`remarks::footnote_ref`]): a row
/// outside the table starting with it (`※1 本番環境のみ` for `※1`; any `※` note for `※`).
fn footnote_given(notes: &[String], mark: &str) -> bool {
    let core = crate::text::fold_width(mark)
        .replace(['＊', '∗'], "*")
        .trim_matches(['(', ')', '[', ']', '【', '】', '〔', '〕'])
        .to_owned();
    !core.is_empty()
        && notes.iter().any(|t| {
            t.strip_prefix(core.as_str()).is_some_and(|rest| {
                !rest.starts_with(|c: char| c.is_ascii_digit()) && !rest.trim().is_empty()
            })
        })
}

/// A footnote mark ending a title cell (`利用者登録及び登録削除※1`, `特権的アクセス権の管理(*2)`,
/// `鍵管理†`), as written: the longest end of the text that is one ([`remarks::footnote_ref`])
/// and holds a mark or a digit, after a title.
fn trailing_footnote(text: &str) -> Option<String> {
    let t = text.trim();
    let starts: Vec<usize> = t.char_indices().map(|(i, _)| i).skip(1).collect();
    starts
        .into_iter()
        .filter(|&i| t[i..].chars().count() <= 6)
        .find_map(|i| {
            let end = &t[i..];
            let marked = end.contains(['※', '*', '＊', '†', '‡'])
                || end.contains(|c: char| c.is_ascii_digit()) && end.contains('注');
            remarks::footnote_ref(end).filter(|_| marked)
        })
}

/// Where sheet row `n` (1-based) is outside the table, when it is: above its header
/// (a title, a note), or below `last`, its last row holding an id (a footnote).
pub fn outside(layout: &Layout, last: Option<usize>, n: usize) -> Option<Outside> {
    let i = n.checked_sub(1)?;
    if layout.header.is_some_and(|h| i < h) {
        return Some(Outside::Above);
    }
    last.filter(|&l| i > l).map(|_| Outside::Below)
}

/// A label of a number in a title block (`Registration No.`, `Document No.: SOA-001`,
/// `No.`): `No.` abbreviates "number" there, and states no status.
fn is_number_label(text: &str) -> bool {
    let folded = crate::text::fold_width(text).to_lowercase();
    let label = folded.split([':', '：']).next().unwrap_or_default().trim();
    let words: Vec<&str> = label.split_whitespace().collect();
    match words.split_last() {
        Some((&"no.", before)) => before
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_alphabetic())),
        Some((&"no" | &"number", before)) => {
            !before.is_empty()
                && before
                    .iter()
                    .all(|w| w.chars().all(|c| c.is_ascii_alphabetic()))
        }
        _ => false,
    }
}

/// A note saying only that the list is the provider's own assessment, not audited
/// (`本一覧は自己評価による`, `※自己評価結果`, `自己評価版`, `内部監査結果に基づく`, `Self-assessment
/// (not audited)`): not the statement an audit confirmed, as `実施状況（自己評価）` on the header
/// and a sheet named so are not (fix28-csp noticed). A sentence about a self-inspection the
/// service does (`当社は年1回自己点検を実施しています`) says more, and is none.
pub(super) fn self_assessed_note(text: &str) -> Option<remarks::Qualifier> {
    const WORDS: [&str; 20] = [
        "自己評価",
        "自社評価",
        "自己点検",
        "自己申告",
        "自己宣言",
        "社内評価",
        "内部評価",
        "内部監査",
        "未監査",
        "監査前",
        "self-assessment",
        "self-assessed",
        "self assessment",
        "self-attestation",
        "self-attested",
        "internal assessment",
        "internal audit",
        "unaudited",
        "not audited",
        "pre-audit",
    ];
    // what may stand beside the word in a note that says only that (longer first)
    const FILLERS_JA: [&str; 19] = [
        "この一覧は",
        "本一覧は",
        "本表は",
        "本書は",
        "本資料は",
        "記載内容は",
        "回答は",
        "本一覧",
        "本表",
        "本書",
        "本資料",
        "によるもの",
        "に基づき",
        "に基づく",
        "による",
        "結果",
        "版",
        "です",
        "の",
    ];
    const FILLERS_EN: [&str; 13] = [
        "this", "list", "is", "the", "based", "on", "results", "result", "version", "by", "a",
        "an", "of",
    ];
    let folded = crate::text::fold_width(text).to_lowercase();
    let word = WORDS.iter().find(|w| folded.contains(**w))?;
    let mut rest = folded.clone();
    for w in WORDS.iter().chain(&FILLERS_JA) {
        rest = rest.replace(w, " ");
    }
    let said_only = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| FILLERS_EN.contains(&w));
    said_only.then(|| remarks::Qualifier {
        kind: remarks::Kind::Draft,
        word: (*word).to_owned(),
    })
}

/// A note saying only that the list rests on the provider's internal audit
/// (`本一覧は内部監査結果に基づく`, `Based on internal audit results`), and no other word of
/// [`self_assessed_note`]: on an ISMAP-LIU entry the list's ordinary basis (LIU submits the
/// internal audit's results), read; on any other a note of its own assessment, refused
/// (review 23 C-14).
pub(super) fn internal_audit_basis(text: &str) -> bool {
    let folded = crate::text::fold_width(text).to_lowercase();
    let rest = folded
        .replace("内部監査", " ")
        .replace("internal audit", " ");
    rest != folded && self_assessed_note(text).is_some() && self_assessed_note(&rest).is_none()
}

/// The hint for a row whose remark says it is self-assessed (review 22 A-9).
const FOR_SELF_ASSESSED: &str = "a control the provider only assessed itself is not shown implemented by the audited statement: give the list as audited (the statement or the ISMAP list entry), or state the control 未実施 or 計画中 in the status column until it is; if the remark describes the control (a self-check it performs), write what is done (年1回自己点検を実施)";

/// What a row's remark says that makes the statement the provider's own assessment: a
/// self-assessment word that cannot describe a control (`自己評価`, `自己申告`,
/// `self-assessed`) anywhere, unless the control's title holds it; any self-assessment word
/// said alone ([`self_assessed_note`]: `自己点検`, `CSP自己評価`, `内部監査による`). A sentence
/// describing a self-check (`年1回自己点検を実施`, `内部監査で確認`) reads.
fn self_assessed_remark(text: &str, titles: &[&str]) -> Option<String> {
    const ANYWHERE: [&str; 8] = [
        "自己評価",
        "自社評価",
        "自己申告",
        "自己宣言",
        "self-assess",
        "self assess",
        "self-attest",
        "self-declar",
    ];
    let folded = crate::text::fold_width(text).to_lowercase();
    let titled = |w: &str| {
        titles
            .iter()
            .any(|t| crate::text::fold_width(t).to_lowercase().contains(w))
    };
    ANYWHERE
        .iter()
        .find(|w| folded.contains(**w) && !titled(w))
        .map(|w| (*w).to_owned())
        .or_else(|| {
            let alone = folded
                .trim_start_matches("csp")
                .trim_start_matches("当社")
                .trim_start_matches("弊社")
                .trim_start_matches("自社");
            self_assessed_note(alone)
                .filter(|q| !titled(&q.word))
                .map(|q| q.word)
        })
}

/// A title-block line saying when the document itself is next reviewed or revised
/// (`次回見直し予定: 2026年3月`, `Next review: 2027-03-31`): the document's schedule, not a
/// control deferred. Only a date or a period may follow the label; `次回更新` is not one of
/// them (it may be the registration's renewal).
fn is_document_review_date(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "次回見直し予定",
        "次回見直し",
        "次回見直し日",
        "次回見直し予定日",
        "見直し予定",
        "見直し予定日",
        "次回改訂予定",
        "次回改訂",
        "改訂予定",
        "nextreview",
        "nextreviewdate",
        "nextrevision",
    ];
    let folded = crate::text::fold_width(text);
    let Some((label, value)) = folded
        .split_once([':', '：'])
        .or_else(|| folded.split_once(char::is_whitespace))
    else {
        return false;
    };
    let value = value.trim();
    LABELS.contains(&&*crate::text::header_key(label))
        && !crate::date::dates_in(value).is_empty()
        && super::published::is_furniture(value)
}

/// The filled cells of a row, trimmed, with their columns.
pub fn filled_cells(row: &[String]) -> Vec<(usize, &str)> {
    row.iter()
        .map(|t| t.trim())
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .collect()
}

/// A footnote giving the next update a date after `as_of` and nothing else (`※ 次回更新：
/// 2027年3月`, `次回更新予定：2027年4月`, `Next update: April 2027`; review 12 C-14): the
/// document's next edition or the registration's renewal still to come, neither of which
/// qualifies a control. On or before `as_of` it may be a renewal missed, and is read as any
/// note is (refused).
fn is_next_update_later(text: &str, as_of: crate::date::Date) -> bool {
    const LABELS: &[&str] = &[
        "次回更新",
        "次回更新予定",
        "次回更新日",
        "次回更新予定日",
        "nextupdate",
        "nextupdatedate",
    ];
    let folded = crate::text::fold_width(text);
    let t = folded
        .trim_start_matches(['※', '*', '＊', '・', ' '])
        .trim();
    let Some((label, value)) = t.split_once([':', '：']) else {
        return false;
    };
    let value = value.trim();
    let dates = crate::date::dates_in(value);
    if !LABELS.contains(&&*crate::text::header_key(label)) {
        return false;
    }
    // a date after as-of with a note of when (`2027年4月（監査終了後）`), or no date but an
    // event or none yet (`監査終了後`, `未定`): the document's next edition, which qualifies
    // no control (review 13 C-15); never ids, never a date on or before as-of
    if dates.iter().all(|(_, last)| *last > as_of) && find_ids(value).0.is_empty() {
        let mut rest = value.to_owned();
        for (written, _) in &dates {
            rest = rest.replacen(written.as_str(), " ", 1);
        }
        let mut key: String = crate::text::header_key(&rest)
            .chars()
            .filter(|c| !vocab::is_bracket(*c) && !matches!(c, '、' | '。' | ','))
            .collect();
        for word in [
            "監査終了後",
            "監査完了後",
            "監査報告後",
            "次回監査後",
            "監査後",
            "決定次第",
            "未定",
            "tbd",
            "aftertheaudit",
            "afteraudit",
            "予定",
            "頃",
            "ごろ",
            "上旬",
            "中旬",
            "下旬",
            "末",
        ] {
            key = key.replace(word, "");
        }
        if key.is_empty() {
            return true;
        }
    }
    remarks::later_date(value, as_of).is_some()
        && dates.iter().all(|(_, last)| *last > as_of)
        && value
            .split(|c: char| c.is_whitespace() || matches!(c, '年' | '月' | '日' | '/' | '-' | '.'))
            .all(|w| {
                w.is_empty()
                    || w.chars().all(|c| c.is_ascii_digit())
                    || crate::date::dates_in(w).len() == 1
                    || matches!(
                        w.to_lowercase().as_str(),
                        "january"
                            | "february"
                            | "march"
                            | "april"
                            | "may"
                            | "june"
                            | "july"
                            | "august"
                            | "september"
                            | "october"
                            | "november"
                            | "december"
                            | "予定"
                            | "頃"
                            | "ごろ"
                            | "末"
                            | "上旬"
                            | "中旬"
                            | "下旬"
                    )
            })
}

/// The pairs of a legend row outside a status table (`凡例: 実施=実施済み, 計画中=実施予定`,
/// `【凡例】○：実施　×：未実施`, over one or more cells): (mark, meaning) as written; `None` when
/// the row is no legend, or holds anything beside its pairs (`凡例: ○=実施 ※本番環境のみ`: read
/// as a note).
fn legend(row: &[String]) -> Option<Vec<(String, String)>> {
    // cells apart as pairs are
    let text = row
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let folded = crate::text::fold_width(&text).trim().to_owned();
    let rest = folded
        .trim_start_matches(['※', '*', '・', '【', '[', '('])
        .trim_start();
    let lower = rest.to_lowercase();
    // `凡例`, `Legend`, or a column's name and `欄` (`※実施状況欄：○（実施）…`, review 12 C-24)
    let column_label = rest
        .split_once([':', '：'])
        .map(|(head, _)| head.trim())
        .filter(|head| head.ends_with('欄') && head.chars().count() <= 12)
        .map(str::len);
    let label = ["凡例", "記号の説明", "legend"]
        .into_iter()
        .find(|l| lower.starts_with(l))
        .map(str::len)
        .or(column_label)?;
    let mut body = rest[label..]
        .trim_start_matches(['】', ']', ')'])
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':'))
        .to_owned();
    // `○ = 実施`: the spaces around a pair's sign are no separators
    for sign in ['=', ':'] {
        while let Some(at) = body.find(&format!(" {sign}")) {
            body.replace_range(at..at + 1, "");
        }
        while let Some(at) = body.find(&format!("{sign} ")) {
            body.replace_range(at + 1..at + 2, "");
        }
    }
    let pair = |p: &str| {
        let (mark, meaning) = p.split_once('=').or_else(|| p.split_once(':'))?;
        let (mark, meaning) = (mark.trim(), meaning.trim());
        (!mark.is_empty() && !meaning.is_empty()).then(|| (mark.to_owned(), meaning.to_owned()))
    };
    // a mark and its meaning in brackets (`○（実施）`, `N/A(非該当)`), or apart by a space
    // (`○ 実施済`): one short mark, one meaning
    let unsigned = |p: &str| {
        let (mark, meaning) = match p.split_once('(') {
            Some((mark, rest)) if rest.ends_with(')') => (mark, &rest[..rest.len() - 1]),
            _ => p.split_once(' ')?,
        };
        let (mark, meaning) = (mark.trim(), meaning.trim());
        (!mark.is_empty()
            && mark.chars().count() <= 3
            && !meaning.is_empty()
            && !meaning.contains(' '))
        .then(|| (mark.to_owned(), meaning.to_owned()))
    };
    let signs = |p: &str| p.matches(['=', ':']).count();
    // pairs apart by commas (`Yes = implemented, N/A = not applicable`), slashes with spaces
    // (`○ 実施済 / × 未実施`), or by spaces when a piece holds more than one (`○=実施　×=未実施`)
    let body = body.replace(" / ", ",");
    let mut pairs = Vec::new();
    for piece in body
        .split([',', '、', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if signs(piece) == 1 {
            pairs.push(pair(piece)?);
        } else if signs(piece) == 0 {
            pairs.push(unsigned(piece)?);
        } else {
            for p in piece.split_whitespace() {
                pairs.push(pair(p)?);
            }
        }
    }
    (!pairs.is_empty()).then_some(pairs)
}

/// Refuses a legend outside a status table (sheet row `n`) that gives a mark or word the
/// status column is read by another meaning (`○=一部実施`, `済=確認済`, `計画中=実施済`):
/// the column is never read by our meaning over the list's own. A pair that restates a
/// status (`実施=実施済み`, `○=実施`, `×=未実施`), or explains a mark the tool does not read as
/// a status (`△=一部実施`, `－=対象外`: a cell holding it is refused on its own), is read.
fn check_legend(
    sheet: &Sheet,
    n: usize,
    row: &[String],
    pairs: &[(String, String)],
    column: Option<usize>,
) -> Result<(), InputError> {
    for (mark, meaning) in pairs {
        let Ok(ours) = vocab::status_value(mark) else {
            continue;
        };
        // a meaning written as a sentence (`実施している`, `実施していない`, `該当しない`)
        // is the status it says (review 12 C-24)
        let meaning_read = legend_meaning(meaning);
        let agrees = vocab::status_value(&meaning_read)
            .is_ok_and(|theirs| theirs.declared == ours.declared && theirs.note.is_empty());
        if agrees {
            continue;
        }
        // the header's own column for a header's note, else the row's first cell
        let c = column
            .or_else(|| row.iter().position(|c| !c.trim().is_empty()))
            .unwrap_or(0);
        return Err(InputError::at(
            sheet
                .location()
                .row(n)
                .column(crate::input::column_letter(c)),
            format!(
                "the legend gives '{}' the meaning '{}', which is not the status the tool reads it as ({}): the status column is not read by another meaning than the list's",
                quote(mark),
                quote(meaning),
                match ours.declared {
                    Declared::Implemented => "実施",
                    Declared::NotApplicable => "非該当",
                    Declared::Planned => "計画中",
                    Declared::NotImplemented => "未実施",
                }
            ),
        )
        .hint(FOR_LEGEND));
    }
    Ok(())
}

/// A legend's meaning as a status word: `実施している` → `実施`, `実施していない` → `未実施`,
/// `該当しない` → `非該当`; anything else as written.
fn legend_meaning(meaning: &str) -> String {
    let m = meaning.trim();
    if let Some(stem) = ["していない", "していません", "しない"]
        .iter()
        .find_map(|e| m.strip_suffix(e))
        .filter(|s| !s.is_empty())
    {
        return if stem == "該当" {
            "非該当".to_owned()
        } else {
            format!("未{stem}")
        };
    }
    if m == "該当しない" {
        return "非該当".to_owned();
    }
    ["している", "しています", "済み", "済"]
        .iter()
        .find_map(|e| m.strip_suffix(e))
        .filter(|s| !s.is_empty())
        .map_or_else(|| m.to_owned(), str::to_owned)
}

/// The hint for a legend that redefines a status mark.
const FOR_LEGEND: &str = "write each row's status in the words the tool reads (実施, 未実施, 計画中, 非該当; a part implemented is 未実施 or 計画中 with the rest in a remarks column), or, if the legend restates them, write it with those words (凡例: ○=実施, ×=未実施)";

/// Where a note on a table stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outside {
    /// Above the header row: a title, a note on what follows.
    Above,
    /// Below the table's last row holding an id: a footnote.
    Below,
    /// On another sheet of the workbook, one without control ids (a cover, 表紙; notes,
    /// 注記; 前提条件): a note on every sheet's table, read as one above a header is
    /// (review 11 A-26).
    Sheet,
}

/// Sheet row `n` outside a status table that states `first` implemented (`place`): a
/// legend row read by [`check_legend`], any other row cell by cell by [`note_on_table`].
pub fn note_row(
    sheet: &Sheet,
    n: usize,
    row: &[String],
    place: Outside,
    first: &str,
    as_of: crate::date::Date,
) -> Result<(), InputError> {
    if let Some(pairs) = legend(row) {
        return check_legend(sheet, n, row, &pairs, None);
    }
    if is_export_filter(row) {
        return Ok(());
    }
    for (c, text) in row.iter().enumerate() {
        // `承認： | 山田`: the label read with its value, in the line below
        if remarks::approval_label_alone(text) && row[c + 1..].iter().any(|t| !t.trim().is_empty())
        {
            continue;
        }
        note_on_table(sheet, n, c, text, place, first, "", as_of)?;
    }
    // a filter on the framework or the status that the rule above does not accept and no
    // note rule refuses (`Framework = ISO/IEC 27001:2013`, `Framework = SOC 2`,
    // `Status = Target`): the rows are not ISMAP's implemented statements (review 16 A-2)
    if let Some((c, value)) = framework_filter(row) {
        return Err(InputError::at(
            sheet.location().row(n).column(crate::input::column_letter(c)),
            format!(
                "the export's filter '{}' does not select the ISMAP framework's rows by '=' with implemented statuses: its rows are not read as ISMAP statements",
                quote(value)
            ),
        )
        .hint("export the ISMAP framework's rows (Framework = ISMAP), or give the ISMAP statement itself"));
    }
    // a label and its value in cells of their own (`承認 | 未`): read as one line for the
    // list's own marks
    let filled = filled_cells(row);
    if let [(c, _), _, ..] = filled.as_slice() {
        let line = filled.iter().map(|(_, t)| *t).collect::<Vec<_>>().join(" ");
        if remarks::document_mark(&line, as_of).is_some() {
            note_on_table(sheet, n, *c, &line, place, first, "", as_of)?;
        }
    }
    Ok(())
}

/// A filter row (see [`is_export_filter`]) whose value names a framework or status condition: the
/// value's column and the value.
fn framework_filter(row: &[String]) -> Option<(usize, &str)> {
    let filled = filled_cells(row);
    let [(_, label), (c, value)] = filled.as_slice() else {
        return None;
    };
    let label = crate::text::header_key(label);
    let folded = crate::text::fold_width(value).to_lowercase();
    ([
        "filter",
        "filters",
        "フィルタ",
        "フィルター",
        "抽出条件",
        "絞り込み条件",
        "絞込条件",
    ]
    .contains(&label.as_ref())
        && [
            "framework",
            "フレームワーク",
            "基準",
            "status",
            "ステータス",
            "実施状況",
        ]
        .iter()
        .any(|w| folded.contains(w)))
    .then_some((*c, *value))
}

/// A GRC export's filter row (`Filter | Framework = ISMAP AND Status != Retired`, review 12
/// D-2): a label naming a filter and a value whose every condition selects by framework or
/// status only. It says which rows the export holds: a row left out is not listed, which
/// is never credited, so it qualifies no row that is there. A condition on anything else
/// (`Region = Tokyo`, `Environment = Production`) narrows the scope, and is read as any
/// note is (refused when it qualifies).
fn is_export_filter(row: &[String]) -> bool {
    let filled = filled_cells(row);
    let [(_, label), (_, value)] = filled.as_slice() else {
        return false;
    };
    let label = crate::text::header_key(label);
    if ![
        "filter",
        "filters",
        "フィルタ",
        "フィルター",
        "抽出条件",
        "絞り込み条件",
        "絞込条件",
    ]
    .contains(&label.as_ref())
    {
        return false;
    }
    let folded = crate::text::fold_width(value).to_lowercase();
    // a comma inside brackets parts a list of values (`Status NOT IN (Draft, Retired)`), not
    // two conditions
    let conditions: Vec<&str> = folded
        .split(" and ")
        .flat_map(conditions_apart)
        .flat_map(|c| c.split("かつ"))
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    !conditions.is_empty()
        && conditions.iter().all(|c| {
            let field = c
                .split(|ch: char| "=!<>≠".contains(ch) || ch.is_whitespace())
                .next()
                .unwrap_or("");
            let rest = c[field.len()..].trim_start();
            let Some((op, value)) = ["!=", "<>", "≠", "=", "not in ", "in ", "is not ", "is "]
                .iter()
                .find_map(|op| rest.strip_prefix(op).map(|v| (*op, v)))
            else {
                return false;
            };
            // a plain value (`Retired`, `'ISMAP'`, `(Draft, Retired)`) or a status word:
            // anything beside it (`Retired（予定）`) is read as a note is
            let value = value.trim();
            let plain = value
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || " '\"(),-_.".contains(ch))
                || vocab::status_value(value).is_ok();
            // one value, or one bracketed list of them, and nothing after it: a note beside
            // (`(Draft, Retired) (as of 2027-03-31)`, `Retired (draft export)`, `- sandbox`) is
            // read as any note is (review 18 A-6)
            let one = match value.strip_prefix('(') {
                Some(inner) => inner
                    .strip_suffix(')')
                    .is_some_and(|i| !i.contains(['(', ')'])),
                None => !value.contains(['(', ')']) && !value.contains(" - "),
            };
            plain && one && filter_selects(field, op, value)
        })
}

/// The conditions of a filter's text parted by `&`, `;`, `、` or `,` outside brackets.
fn conditions_apart(text: &str) -> Vec<&str> {
    let (mut out, mut start, mut depth) = (Vec::new(), 0, 0i32);
    for (i, ch) in text.char_indices() {
        match ch {
            '(' => depth += 1,
            ')' => depth -= 1,
            '&' | ';' | '、' | ',' if depth <= 0 => {
                out.push(&text[start..i]);
                start = i + ch.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out
}

/// Whether one condition of an export's filter selects what the rows may be read for
/// (review 16 A-2): the ISMAP framework by `=` (`Framework = ISMAP`, `ISMAP-LIU`), or
/// statuses that are implemented ones (`Status = Implemented`) or exclude no implemented one
/// (`Status != Retired`). Another framework (`ISO 27001`), a negated one (`!= ISMAP`), a
/// word beside it (`ISMAP (2027 target)`) or planned statuses (`Status = Planned`) are not.
fn filter_selects(field: &str, op: &str, value: &str) -> bool {
    let values: Vec<String> = value
        .split(',')
        .map(|v| v.trim_matches(|ch: char| " '\"()".contains(ch)).to_owned())
        .collect();
    let negated = ["!=", "<>", "≠", "not in ", "is not "].contains(&op);
    let implemented = |v: &str| {
        vocab::status_value(v)
            .is_ok_and(|s| s.declared == Declared::Implemented && s.note.is_empty())
    };
    match field {
        "framework" | "フレームワーク" | "基準" => {
            !negated
                && values
                    .iter()
                    .all(|v| matches!(v.as_str(), "ismap" | "ismap-liu" | "ismap liu" | "ismap-lu"))
        }
        "status" | "ステータス" | "実施状況" => match negated {
            true => values.iter().all(|v| {
                !v.is_empty()
                    && vocab::status_value(v).map_or(true, |s| s.declared != Declared::Implemented)
            }),
            false => values.iter().all(|v| implemented(v)),
        },
        _ => false,
    }
}

/// A note written outside a status table that states `first` (and maybe more) implemented
/// — text above its header or below its last row, or a cell comment there (`comment`: the
/// cell's reference, empty for the cell's own text) — is read as a remark on every row: one
/// that qualifies (`注: 実施状況は本番環境のみを対象とする`, `※ 上記は本番環境のみ`) refuses the
/// table. A title (`管理策一覧（サンプルSaaS）`) is read. A date above the header is the
/// document's (`2026年度 適用宣言書`), not checked against the as-of date; a date below the
/// table is.
#[allow(clippy::too_many_arguments)]
pub fn note_on_table(
    sheet: &Sheet,
    n: usize,
    c: usize,
    text: &str,
    place: Outside,
    first: &str,
    comment: &str,
    as_of: crate::date::Date,
) -> Result<(), InputError> {
    let text = text.trim();
    // a note that the list rests on the internal audit, on a table an ISMAP-LIU row above
    // its header names (`登録区分: ISMAP-LIU`): LIU's ordinary basis, read, as in a pasted
    // LIU entry (review 23 C-14; fix32-sheets leftover, session 15)
    let liu = || {
        sheet
            .rows
            .iter()
            .take_while(|row| !row.iter().any(|c| super::classify::is_id_cell(c)))
            .flatten()
            .any(|cell| super::page::mentions_liu(cell))
    };
    if place == Outside::Above && internal_audit_basis(text) && liu() {
        return Ok(());
    }
    // a title saying the list covers more than the service (`管理策一覧（他サービスを含む）`):
    // its rows may be another service's statements (review 20 A-10 rest); a title is the
    // one text of its row (`サービス名 | 別サービスB` is the sheets' rules')
    let title = comment.is_empty()
        && n.checked_sub(1)
            .and_then(|i| sheet.rows.get(i))
            .is_some_and(|row| {
                let mut filled = row.iter().map(|c| c.trim()).filter(|c| !c.is_empty());
                filled
                    .next()
                    .is_some_and(|first| filled.all(|c| c == first))
            });
    if place == Outside::Above && title {
        if let Some(word) = names_other_services(text) {
            return Err(InputError::at(
                sheet
                    .location()
                    .row(n)
                    .column(crate::input::column_letter(c)),
                format!(
                    "the title '{}' (above the table's header) says the list covers more than the service ('{word}'): its rows may state another service's controls, and which are the service's own cannot be told",
                    quote(text)
                ),
            )
            .hint("give the service's own list (one service's statement), or read its sheet with --csp-sheet; if every row is the service's own, remove the words from the title"));
        }
    }
    if remarks::says_nothing(text)
        || is_number_label(text)
        || about_other_rows(text)
        || is_document_review_date(text)
        || place == Outside::Below && is_next_update_later(text, as_of)
    {
        return Ok(());
    }
    let letter = crate::input::column_letter(c);
    let where_ = match place {
        Outside::Above => "above the table's header",
        Outside::Below => "below the table's last row",
        Outside::Sheet => "on a sheet without control ids",
    };
    let at = sheet.location().row(n).column(letter);
    // an audit done (`前回監査: 2024年度（指摘事項なし）`, `監査結果: OK`) is read, its date
    // checked; one that found something is refused
    let found = match remarks::audit_line(text) {
        Some(Some(what)) => {
            return Err(InputError::at(
                at,
                format!(
                    "the note '{}' ({where_}) reports what an audit found ('{}'), on a table that states {first} and other controls implemented: the rows are not read as implemented without it",
                    quote(text),
                    quote(&what)
                ),
            )
            .hint(remarks::FOR_AUDIT_FINDING));
        }
        Some(None) => remarks::audit_dated_later(text, as_of),
        // a draft mark is the list's, before what a remark's words say (`DRAFT` is also a
        // remark's deferral)
        None => remarks::document_mark(text, as_of)
            .filter(|q| q.kind == remarks::Kind::Draft)
            .or_else(|| self_assessed_note(text))
            .or_else(|| match place {
                Outside::Above | Outside::Sheet => remarks::qualifier_beyond(text, &[]),
                Outside::Below => remarks::qualifier_on(text, &[], as_of),
            })
            .or_else(|| remarks::document_mark(text, as_of)),
    };
    let Some(q) = found else {
        return Ok(());
    };
    let err = if comment.is_empty() {
        InputError::at(
            at,
            format!(
                "the note '{}' ({where_}) {}, on a table that states {first} and other controls implemented: a note on the table is read as a remark on every row, and its rows are not read as implemented",
                quote(text),
                q.what()
            ),
        )
    } else {
        InputError::at(
            at,
            format!(
                "the comment on cell {comment} ('{}', {where_}) {}, on a table that states {first} and other controls implemented: a note on the table is read as a remark on every row, and its rows are not read as implemented",
                quote(text),
                q.what()
            ),
        )
    };
    Err(match place {
        Outside::Sheet => err.hint(format!(
            "{}; a sheet beside the table counts for the whole workbook, and --csp-sheet does not leave it out: obtain the final statement from the CSP (as published, on the as-of date), or, if the sheet does not apply to this list, delete it",
            q.hint()
        )),
        _ => err.hint(format!(
            "{}; a note outside the table counts for all of it (delete it if it no longer holds, or move what it says into the rows it concerns)",
            q.hint()
        )),
    })
}

/// The words of a title or note above a table saying its rows include other services'
/// (`他サービスを含む`, `関連サービスを含む`, `（サービスA・サービスBを含む）`, `including other
/// services`); `None` for a title naming the service (`管理策一覧（サンプルSaaS）`) or a
/// place (`（東京リージョンを含む）`).
fn names_other_services(text: &str) -> Option<String> {
    const OTHERS: [&str; 10] = [
        "他サービス",
        "他のサービス",
        "別サービス",
        "関連サービス",
        "複数サービス",
        "複数のサービス",
        "other service",
        "related service",
        "multiple services",
        "all services",
    ];
    let folded = crate::text::fold_width(text).to_lowercase();
    if let Some(w) = OTHERS.iter().find(|w| folded.contains(**w)) {
        return Some((*w).to_owned());
    }
    // a bracket including services (`（サービスA・サービスBを含む）`, `(incl. Service B)`);
    // not the service's own name outside it (`サンプルクラウドサービス 一覧（詳細を含む）`)
    folded
        .split(['(', '[', '【', '「'])
        .skip(1)
        .map(|b| b.split([')', ']', '】', '」']).next().unwrap_or_default())
        .find_map(|inside| {
            let includes = ["含む", "含め", "incl"]
                .iter()
                .find(|w| inside.contains(**w))?;
            let service = ["サービス", "service"].iter().any(|w| inside.contains(w));
            service.then(|| (*includes).to_owned())
        })
}

/// Whether a note on a table speaks of other rows than those stated implemented, so that
/// it qualifies none of them: the rows of another status, named as such, with nothing
/// more than a plan for planned or not-implemented rows (`※ 非該当の理由は別紙参照`,
/// `※ 計画中の項目は2025年度中に対応予定`), or the list's level, with nothing more
/// (`※統制目標のみ記載（詳細管理策は別添）`: what an objective-level list is). Anything else
/// the note says (`非該当の項目を除き本番環境のみ`) is read as a note on every row.
fn about_other_rows(text: &str) -> bool {
    let key = crate::text::header_key(text);
    let key = key.trim_start_matches(|c: char| "※*＊注:：・".contains(c));
    let rest_holds_nothing_but = |rest: &str, plans: bool| {
        remarks::qualifiers_in(rest)
            .iter()
            .all(|q| plans && q.kind == remarks::Kind::Deferral)
    };
    for status in ["非該当", "対象外", "計画中", "未実施"] {
        for of in [
            "の理由",
            "の項目",
            "の管理策",
            "の統制目標",
            "の行",
            "とした",
        ] {
            if let Some(rest) = key.strip_prefix(&format!("{status}{of}")) {
                return rest_holds_nothing_but(rest, matches!(status, "計画中" | "未実施"));
            }
        }
    }
    key.strip_prefix("統制目標のみ記載")
        .is_some_and(|rest| rest_holds_nothing_but(rest, false))
}

/// Keeps in `latest` the latest date after `as_of` the row writes under a header naming when
/// the list was confirmed or updated (`最終確認日`, `更新日`; not an expiry or a next review,
/// which are after it by nature).
fn note_confirmed_later(
    row: &[String],
    n: usize,
    layout: &Layout,
    cols: &StatusColumns,
    as_of: crate::date::Date,
    latest: &mut Option<(String, crate::date::Date, usize)>,
) {
    for &c in &cols.remarks {
        if !remarks::names_confirmation_date(layout.name(c)) {
            continue;
        }
        for (written, last) in crate::date::dates_in(cell(row, c)) {
            if last > as_of && latest.as_ref().is_none_or(|(_, d, _)| last > *d) {
                *latest = Some((written, last, n));
            }
        }
    }
}

/// Whether a reason restates the control instead of giving a reason: its catalog title
/// (Japanese or English, in any width or case), alone or followed by more of the
/// control's description (`物理的セキュリティ境界を定めること`) — text after the title that
/// says neither why nor who does it ([`states_a_cause`]). A title followed by a statement is
/// the CSP's reason: `鍵管理は利用者が行う`, `Key management by customer`,
/// `物理的セキュリティ境界なし`.
fn restates_control(reason: &str, titles: &[&str]) -> bool {
    if reason.is_empty() {
        return false;
    }
    let key = crate::text::header_key(reason);
    titles.iter().any(|title| {
        let t = crate::text::header_key(title);
        if t.is_empty() || !key.starts_with(t.as_ref()) {
            return false;
        }
        // the text after the title, as written (its words apart)
        let rest = reason
            .char_indices()
            .map(|(i, ch)| i + ch.len_utf8())
            .find(|&end| crate::text::header_key(&reason[..end]).len() >= t.len())
            .map_or("", |end| &reason[end..]);
        !states_a_cause(rest)
    })
}

/// What a row stated not applicable wrote as its reason when none is counted (the note in
/// brackets, the reason columns; else its explanation columns), as written and joined with
/// `; `, with why the first of them is none ([`judge_not_applicable_reason`]; a text it
/// takes is the control restated or described); `None` when nothing is written.
fn unaccepted_reason(
    row: &[String],
    layout: &Layout,
    cols: &StatusColumns,
    note: &str,
) -> Option<UnacceptedReason> {
    // a text judged a reason is not counted when it restates the control or, in an
    // explanation column, states no cause: it describes the control
    let judged = |text: &str| {
        judge_not_applicable_reason(text).map_or_else(|why| why, |_| NotAReason::DescribesControl)
    };
    let written = |texts: Vec<&str>| -> Option<UnacceptedReason> {
        let texts: Vec<&str> = texts
            .into_iter()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
        let first = texts.first()?;
        Some(UnacceptedReason {
            why: judged(first),
            text: texts.join("; "),
        })
    };
    let stated = std::iter::once(note)
        .chain(cols.reasons.iter().map(|&c| cell(row, c)))
        .collect();
    written(stated).or_else(|| {
        written(
            cols.remarks
                .iter()
                .filter(|&&c| remarks::explains(layout.name(c)))
                .map(|&c| cell(row, c))
                .collect(),
        )
    })
}

/// The reason a text gives for a control stated `declared`: of one stated not applicable,
/// [`not_applicable_reason`]; else [`vocab::reason_given`] (a plan's or a remark's words).
pub(super) fn stated_reason(declared: Declared, text: &str) -> &str {
    if declared == Declared::NotApplicable {
        not_applicable_reason(text)
    } else {
        vocab::reason_given(text)
    }
}

/// The reason a text gives for a control stated not applicable: [`vocab::reason_given`],
/// and nothing when the text says the service's provider does the control
/// ([`names_self_doing_it`]: `当社で実施`) or only states something done with neither a
/// cause nor another party doing it (`利用者がアクセスする情報を管理する`,
/// `アクセス制御を行う`, `Manages information accessed by users`): what the control does
/// is no reason for it not to apply. Every column and field a reason is read from (a reason
/// column, an explanation, a note in brackets, a profile's `not_applicable`) goes through it.
pub(super) fn not_applicable_reason(text: &str) -> &str {
    judge_not_applicable_reason(text).unwrap_or("")
}

/// [`not_applicable_reason`] with its judgement: the reason (`Ok`, the text as written,
/// empty when nothing is written), or why a written text is none (`Err`): only words that
/// give none (`なし`, `非該当のため`), the provider itself doing it (`当社で実施`), a provider
/// that may be its own (`クラウド事業者側の管理策のため`), what is done without a cause, a
/// decision not to implement (`リスク受容`, `リスクが低いため`), or a decision or "by its
/// nature" without the cause (`リスクアセスメントの結果、適用不要と判断`, `サービスの性質上、
/// 該当しない`, review 12 A-7). The service underneath by name doing it (`インフラはAWSが管理`)
/// is another party (review 12 C-22), and a bracket after words that give none is the reason
/// (`該当なし（IaaS側で実施）`).
pub(super) fn judge_not_applicable_reason(text: &str) -> Result<&str, NotAReason> {
    let t = text.trim();
    if t.is_empty() {
        return Ok("");
    }
    // `Not applicable: no privileged accounts are issued`, `N/A - …`: the reason after the
    // status word, judged as a status cell's note is (review 21 C-3); it was taken for the
    // status restated, no cause (fix37-csp)
    if let Ok(v) = vocab::status_value(t) {
        let note = v.note.trim();
        if v.declared == Declared::NotApplicable && !note.is_empty() && note.len() < t.len() {
            return judge_not_applicable_reason(note).map(|_| t);
        }
    }
    let r = vocab::reason_given(t);
    if r.is_empty() {
        // `該当なし（IaaS側で実施）`: the bracket is the reason
        return match bracket_after_no_cause(t) {
            Some(inner) => judge_not_applicable_reason(inner).map(|_| t),
            None => Err(NotAReason::NoCause),
        };
    }
    if let Some(inner) = bracket_after_no_cause(r) {
        return judge_not_applicable_reason(inner).map(|_| r);
    }
    if let Some(why) = note_takes_the_ground(r) {
        return Err(why);
    }
    if let Some(why) = bare_party(r) {
        return Err(why);
    }
    let underneath = names_underlying_doing_it(r);
    // `IaaS側で一部実施`: another does a part, the rest still applies (review 16 A-12)
    if names_a_part(r) && (underneath || names_who_does_it(r)) {
        return Err(NotAReason::PartlyByAnother);
    }
    if names_subcontractor_doing_it(r) && !underneath {
        return Err(NotAReason::SubcontractorDoesIt);
    }
    if names_own_shortfall(r)
        && !decides_not_to_implement(r)
        && !underneath
        && !names_who_does_it(r)
    {
        return Err(NotAReason::NotImplemented);
    }
    if names_self_doing_it(r) && !underneath {
        let key = crate::text::header_key(r);
        let own = ["当社", "弊社", "自社", "本サービス", "当サービス"]
            .iter()
            .any(|w| key.contains(w));
        return Err(if own {
            NotAReason::ProviderDoesIt
        } else {
            NotAReason::PartyUnclear
        });
    }
    if states_doing(r) && !states_a_cause(r) && !underneath {
        return Err(NotAReason::DescribesControl);
    }
    if decides_not_to_implement(r) && !names_who_does_it(r) && !underneath {
        return Err(NotAReason::DecisionNotToImplement);
    }
    let key = crate::text::header_key(r);
    if NOT_SETTLED.iter().any(|w| key.contains(w)) || no_plan_to_implement(&key) {
        return Err(NotAReason::DecisionNotToImplement);
    }
    if gives_no_ground(r) {
        return Err(NotAReason::NoGround);
    }
    // `本サービスでは該当しない`, `SaaSのため`, `理由は言明書を参照`: the service, its kind or
    // the statement named, no cause (review 24 B-3)
    if vocab::names_only_the_service(r) {
        return Err(NotAReason::NoCause);
    }
    Ok(r)
}

/// A note in a reason that takes its ground away, whoever it names (review 23 A-14): the
/// party doing it under no assurance the list can rely on — not registered on ISMAP, its
/// registration planned or applied for, its own assessment (`IaaS事業者（ISMAP未登録）`,
/// `AWS（ISMAP登録予定）`, `IaaS事業者（自己評価）`, or `ISMAP未登録` anywhere); the party only
/// planned (`IaaS事業者（予定）`, as `実施予定` is); a part only (`IaaS事業者（一部）`). A note
/// naming the service or the region (`AWS（東京リージョン）`), or a registration in effect
/// (`委託先（ISMAP登録済）`, judged by [`bare_party`]), is none; words in brackets that only
/// name the party's state outside them (`未登録の利用者はアクセスできないため`) neither.
fn note_takes_the_ground(text: &str) -> Option<NotAReason> {
    const NOT_ASSURED: [&str; 21] = [
        "未登録",
        "登録予定",
        "登録申請",
        "申請中",
        "申請予定",
        "審査中",
        "登録なし",
        "登録無し",
        "非登録",
        "登録前",
        "登録待ち",
        "自己評価",
        "自己申告",
        "自己宣言",
        "自社評価",
        "自己点検",
        "notregistered",
        "unregistered",
        "registrationpending",
        "selfassess",
        "selfattest",
    ];
    const PLANNED: [&str; 7] = [
        "予定",
        "検討中",
        "選定中",
        "調整中",
        "交渉中",
        "planned",
        "tobedecided",
    ];
    const PART: [&str; 5] = ["一部", "部分的", "partial", "partly", "inpart"];
    let key = crate::text::header_key(text).to_lowercase();
    // `ISMAP未登録のIaaS事業者`, `ISMAP登録予定`: the scheme's name says whose registration
    if [
        "ismap未登録",
        "ismap登録予定",
        "ismap申請中",
        "ismap登録申請",
        "ismap審査中",
    ]
    .iter()
    .any(|w| key.contains(w))
    {
        return Some(NotAReason::PartyNotAssured);
    }
    let notes: Vec<&str> = key
        .split(['(', ')', '（', '）'])
        .skip(1)
        .step_by(2)
        .collect();
    // a note saying only that (with a date, the scheme's name, a particle): not a sentence
    // that holds the word (`（未登録端末の接続は不可）`, `（今後も扱う予定なし）`)
    const FILLERS: [&str; 17] = [
        "ismap",
        "liu",
        "への",
        "による",
        "により",
        "現在",
        "時点",
        "年度",
        "年",
        "月",
        "中",
        "済",
        "に",
        "の",
        "で",
        "は",
        "、",
    ];
    let says_only = |note: &str, word: &str| {
        let rest = FILLERS
            .iter()
            .fold(note.replacen(word, "", 1), |r, f| r.replace(f, ""));
        rest.chars()
            .filter(|c| !c.is_ascii_digit() && !matches!(c, '/' | ','))
            .count()
            <= 4
    };
    let any = |words: &[&str]| {
        notes.iter().any(|n| {
            words.iter().any(|w| {
                n.contains(w)
                    && says_only(n, w)
                    // (no plan, `予定なし`; a renewal planned of a registration in effect,
                    // `ISMAP登録済、2026年度更新予定`, is routine)
                    && !(PLANNED.contains(w)
                        && ["なし", "ない", "無し", "更新"].iter().any(|x| n.contains(x)))
            })
        })
    };
    if any(&NOT_ASSURED) {
        Some(NotAReason::PartyNotAssured)
    } else if any(&PLANNED) {
        Some(NotAReason::DecisionNotToImplement)
    } else if any(&PART) {
        Some(NotAReason::PartlyByAnother)
    } else {
        None
    }
}

/// A reason that is only a party's name, with at most a particle (`委託先`, `委託先のため`,
/// `委託先にて`, `外部委託`, `クラウド事業者`, `他社`, `基盤`, `DC`): judged as the sentence it
/// shortens (`委託先が実施` → a subcontractor does it; `クラウド事業者の責任範囲` → which
/// party is unclear) — dropping the verb must not turn a refused reason into a given one
/// (review 19 A-6). The same name one word further is still only a name (review 20 A-1): an
/// operator word (`DC事業者`, `データセンター事業者`, `DCベンダー`), an honorific
/// (`クラウド事業者様`), `外部` before it (`外部DC`), or a bracket that names no service
/// underneath (`委託先（ISMAP登録済）`, `基盤（ISMAP登録済）`: a claim the list cannot check,
/// not who). The service underneath by name (`AWS`, `外部DC（AWS）`, `委託先（AWS）`) and the
/// layer underneath (`IaaS`, `IaaS事業者`, `IaaS側`) stay another party.
fn bare_party(text: &str) -> Option<NotAReason> {
    let key = crate::text::header_key(text).to_lowercase();
    let mut noun = key.as_str();
    // particles only: with a verb (`基盤側で実施`, `委託先が実施`) it is a sentence, judged
    // by the rules for sentences (review 20 C-2)
    for tail in ["のため", "にて"] {
        noun = noun.strip_suffix(tail).unwrap_or(noun);
    }
    // `委託先（ISMAP登録済）`: the name before the bracket, unless the bracket names the
    // service underneath: a party unclear by it (`外部DC（AWS東京リージョン）`), a
    // subcontractor when it is that service (`委託先（AWS）`, not `委託先（AWS上の保守業者）`)
    if let Some((name, inner)) = noun.strip_suffix(')').and_then(|n| n.rsplit_once('(')) {
        return party_named(name).filter(|why| match why {
            NotAReason::SubcontractorDoesIt => !UNDERLYING_BY_NAME.contains(&inner),
            _ => !names_underlying(inner),
        });
    }
    party_named(noun)
}

/// The judgement of a party's name alone ([`bare_party`]; `header_key` form, lower case):
/// a subcontractor, a party that says no more who it is, or `None` for anything else.
fn party_named(noun: &str) -> Option<NotAReason> {
    const UNCLEAR: [&str; 17] = [
        "クラウド事業者",
        "クラウド事業者側",
        "クラウド",
        "事業者",
        "外部",
        "他社",
        "他者",
        "第三者",
        "基盤",
        "dc",
        "データセンター",
        "データセンタ",
        "センター",
        "ホスティング",
        "cloud",
        "datacenter",
        "datacentre",
    ];
    let mut noun = noun.strip_suffix('側').unwrap_or(noun);
    for honorific in ["様", "さま", "殿", "さん", "御中"] {
        noun = noun.strip_suffix(honorific).unwrap_or(noun);
    }
    if noun.is_empty() {
        return None;
    }
    if SUBCONTRACTORS_JA.contains(&noun) || ["外部委託", "委託", "外注"].contains(&noun) {
        return Some(NotAReason::SubcontractorDoesIt);
    }
    if UNCLEAR.contains(&noun) {
        return Some(NotAReason::PartyUnclear);
    }
    // one word further: an operator word after the name (`DC事業者`, `cloud provider`), `外部`
    // before it (`外部DC`); the layer underneath (`IaaS事業者`) is not in the lists
    let operator = [
        "事業者",
        "業者",
        "ベンダー",
        "ベンダ",
        "プロバイダー",
        "プロバイダ",
        "provider",
        "vendor",
        "operator",
    ]
    .iter()
    .find_map(|w| noun.strip_suffix(w).filter(|n| !n.is_empty()));
    let external = ["外部の", "外部", "external"]
        .iter()
        .find_map(|w| noun.strip_prefix(w).filter(|n| !n.is_empty()));
    operator.or(external).and_then(party_named)
}

/// Whether a text (`header_key` form, lower case) names the service underneath by name or
/// as the layer underneath (`AWS`, `AWS東京リージョン`, `IaaS`), its name a word of its own
/// (`laws` is no `aws`).
fn names_underlying(text: &str) -> bool {
    UNDERLYING_BY_NAME
        .iter()
        .chain(&["iaas", "paas"])
        .any(|name| {
            text.match_indices(name).any(|(i, _)| {
                let ascii_word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                !name.is_ascii()
                    || !(ascii_word(text[..i].chars().next_back())
                        || ascii_word(text[i + name.len()..].chars().next()))
            })
        })
}

/// Whether a text says only a part is done (`一部`, `部分的`, `partly`, `in part`).
fn names_a_part(text: &str) -> bool {
    let key = crate::text::header_key(text);
    let lower = crate::text::fold_width(text).to_lowercase();
    ["一部", "部分的"].iter().any(|w| key.contains(w))
        || ["partly", "partially", "in part"]
            .iter()
            .any(|w| crate::catalog::terms::contains_word(&lower, w))
}

/// The text in a closing bracket after words that give no cause (`該当なし（IaaS側で実施）`,
/// `N/A (managed by the IaaS provider)`); `None` for any other text.
fn bracket_after_no_cause(text: &str) -> Option<&str> {
    let (open, close) = [('（', '）'), ('(', ')')]
        .into_iter()
        .find(|&(_, close)| text.ends_with(close))?;
    let at = text.rfind(open)?;
    let before = &text[..at];
    let inner = text[at + open.len_utf8()..text.len() - close.len_utf8()].trim();
    // words in it, not a mark (`特になし（※）`)
    let words = inner.chars().any(char::is_alphanumeric);
    (!before.trim().is_empty() && vocab::reason_given(before).is_empty() && words).then_some(inner)
}

/// The service underneath by name (`header_key` form): `AWS`, `Azure`, `GCP`, `さくら`.
const UNDERLYING_BY_NAME: [&str; 9] = [
    "aws",
    "amazonwebservices",
    "azure",
    "gcp",
    "googlecloud",
    "oraclecloud",
    "ibmcloud",
    "さくらインターネット",
    "さくら",
];

/// A subcontractor of the service, or a company of its group doing the control for it
/// (`親会社`, `グループ会社`: another party all the same, review 24 B-3), in `header_key`
/// form, longer first.
const SUBCONTRACTORS_JA: [&str; 15] = [
    "外部委託先",
    "業務委託先",
    "再委託先",
    "委託事業者",
    "委託業者",
    "委託先",
    "外注先",
    "アウトソース先",
    "グループ会社",
    "グループ企業",
    "関係会社",
    "関連会社",
    "持株会社",
    "親会社",
    "子会社",
];

/// Whether a text says a subcontractor of the service does the control (`委託先が実施`,
/// `外部委託先で管理`, `業務を外部委託しているため`, `performed by a subcontractor`): no reason
/// for it not to apply, since a subcontractor's control stays the service's to manage
/// (supplier relationships, 15.1; review 14 A-5). The service underneath by name
/// (`インフラはAWSが管理`, [`names_underlying_doing_it`]) is judged apart.
fn names_subcontractor_doing_it(text: &str) -> bool {
    let key = crate::text::header_key(text);
    let lower = crate::text::fold_width(text).to_lowercase();
    // the service underneath by name as the subcontractor (`委託先（AWS）が実施`), not a
    // cloud named anywhere (`委託先（AWS上の運用保守業者）`, `ログはAWSに保管`, `Azure MSP`,
    // `laws`: review 16 A-12)
    if underlying_is_the_subcontractor(&key, &lower) {
        return false;
    }
    parties_doing(&key, &SUBCONTRACTORS_JA).next().is_some()
        || subcontractor_named_doing_it(&key)
        || [
            "委託している",
            "委託しており",
            "委託済",
            "外部委託のため",
            "外注している",
            "アウトソースしている",
        ]
        .iter()
        .any(|w| key.contains(w))
        || [
            "subcontractor",
            "outsourced",
            "outsourcing",
            "parent company",
            "group company",
            "holding company",
            "sister company",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// Whether a text (`header_key` form) names a subcontractor by its role and then by name,
/// the named one doing it (`運用委託先のAzure MSPが実施`, `委託先の保守業者で管理`: review 16
/// A-12).
fn subcontractor_named_doing_it(key: &str) -> bool {
    SUBCONTRACTORS_JA.iter().any(|party| {
        key.match_indices(party).any(|(i, _)| {
            let Some(named) = key[i + party.len()..].strip_prefix('の') else {
                return false;
            };
            let clause = named.split(['。', '、', '，']).next().unwrap_or("");
            clause.char_indices().take(24).any(|(j, c)| {
                matches!(c, 'が' | 'で')
                    && DOES_JA
                        .iter()
                        .any(|d| clause[j + c.len_utf8()..].starts_with(d))
            })
        })
    })
}

/// Whether the subcontractor a text names is the service underneath by name: in a bracket
/// of its own (`委託先（AWS）が実施`, `subcontractor (AWS)`), or the one doing it
/// (`AWSが実施`, `委託先のAWSが管理`, `performed by AWS`), its name a word of its own.
fn underlying_is_the_subcontractor(key: &str, lower: &str) -> bool {
    let bracketed = SUBCONTRACTORS_JA
        .iter()
        .chain(&["subcontractor"])
        .any(|party| {
            key.match_indices(party).any(|(i, _)| {
                let after = &key[i + party.len()..];
                let Some(inner) = after
                    .strip_prefix(['（', '('])
                    .and_then(|a| a.split_once(['）', ')']))
                    .map(|(inner, _)| inner)
                else {
                    return false;
                };
                UNDERLYING_BY_NAME.contains(&inner)
            })
        });
    let by_name = parties_doing(key, &UNDERLYING_BY_NAME).any(|(party, i, _)| {
        !party.is_ascii()
            || !key[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric())
    });
    let by_en = ["by ", "to "].iter().any(|w| {
        UNDERLYING_BY_NAME
            .iter()
            .filter(|n| n.is_ascii())
            .any(|n| crate::catalog::terms::contains_word(lower, &format!("{w}{n}")))
    });
    bracketed || by_name || by_en
}

/// Whether a text names the service underneath by name doing the control
/// (`インフラはAWSが管理`, `Azure側で実施`, `AWSの責任範囲`): another party, as `IaaS事業者が管理` is.
fn names_underlying_doing_it(text: &str) -> bool {
    let key = crate::text::header_key(text);
    let found = parties_doing(&key, &UNDERLYING_BY_NAME).next().is_some();
    found
}

/// Words saying a judgement was made, or that it is so by nature, without the cause
/// (`header_key` form; longer first): taken out of a text, what is left must give a cause.
const WITHOUT_GROUND: [&str; 38] = [
    "リスクアセスメントの結果",
    "リスクアセスメントにより",
    "リスク評価の結果",
    "リスク評価により",
    "リスク分析の結果",
    "サービスの特性上",
    "サービスの性質上",
    "検討の結果",
    "評価の結果",
    "協議の結果",
    "審議の結果",
    "判断の結果",
    "判断により",
    "によると判断",
    "と判断した",
    "と判断",
    "と判定",
    "判断",
    "特性上",
    "性質上",
    "業務上",
    "事業上",
    // the company's policy or design (`当社方針により`, `By design`: review 24 B-3)
    "方針により",
    "方針に基づき",
    "方針上",
    "方針",
    "ポリシーにより",
    "ポリシー上",
    "設計上",
    "仕様上",
    "percompanypolicy",
    "perourpolicy",
    "perpolicy",
    "companypolicy",
    "ourpolicy",
    "bydesign",
    "designdecision",
    "designchoice",
];

/// Whether a text gives no ground once the words of a judgement or of "by its nature"
/// ([`WITHOUT_GROUND`]) are taken out: `リスクアセスメントの結果、適用不要と判断`,
/// `当社サービスの特性上該当しない`, `業務上必要がないため` say that, not why
/// (`サービスの性質上、物理媒体を扱わない` says why).
fn gives_no_ground(text: &str) -> bool {
    let key = crate::text::header_key(text);
    let mut rest = key.into_owned();
    let mut found = false;
    for w in WITHOUT_GROUND {
        if rest.contains(w) {
            found = true;
            rest = rest.replace(w, "");
        }
    }
    found && {
        let rest = vocab::THE_SERVICE_ALONE
            .iter()
            .chain(&["、", "，"])
            .fold(rest, |r, w| r.replace(w, ""));
        rest.is_empty() || vocab::reason_given(&rest).is_empty()
    }
}

/// Whether an evidence cell also says the control is not done, not applicable or excluded
/// (`未実施（作成予定）`, `N/A`): the control's status, not the evidence's (review 15 C-7 guard).
fn names_control_not_done(text: &str) -> bool {
    let key = crate::text::header_key(text);
    [
        "未実施",
        "未対応",
        "未導入",
        "実施していない",
        "実施予定",
        "対応予定",
        "導入予定",
        "非該当",
        "対象外",
        "除外",
        "一部",
        "notimplemented",
        "notapplicable",
        "n/a",
        "partial",
    ]
    .iter()
    .any(|w| key.contains(w))
}

/// An owner cell saying no one is assigned yet (`未定`, `TBD`, `調整中`, `不在`, `未割当`).
fn owner_not_yet(text: &str) -> bool {
    matches!(
        &*crate::text::header_key(text),
        "未定"
            | "tbd"
            | "tba"
            | "調整中"
            | "不在"
            | "未割当"
            | "未割り当て"
            | "pending"
            | "unassigned"
    )
}

/// Words of a decision not to implement a control that applies (review 11 A-10): a risk
/// accepted, a management or budget decision, a cost (`リスク受容`, `経営判断により実施しない`,
/// `予算の都合`, `コスト対効果の観点から見送り`, `risk accepted`, `not cost-effective`), as
/// [`crate::text::header_key`] gives the text.
const DECISION_NOT_TO_IMPLEMENT: &[&str] = &[
    "リスク受容",
    "リスクを受容",
    "リスクの受容",
    "リスクを受け入れ",
    "リスク許容",
    "リスクを許容",
    "経営判断",
    "経営上の判断",
    "予算",
    "コスト",
    "費用対効果",
    "費用の都合",
    "見送",
    "リスクが低い",
    "リスクは低い",
    "リスクが小さい",
    "低リスク",
    "実施しない",
    "導入しない",
    "対応しない",
    "riskaccept",
    "acceptedtherisk",
    "acceptedrisk",
    "riskisaccepted",
    "managementdecision",
    "budget",
    "costeffective",
    "decidednotto",
    // a decision, a priority, an agreement or an earlier audit instead of a cause
    // (review 14 A-5)
    "ことを決定",
    "と決定",
    "必要性が低",
    "優先度が低",
    "現時点では",
    "監査人と合意",
    "指摘なし",
    "ismap対象外",
    "ismapの対象外",
    "リスク低",
    "承認済みのため",
    "方針により対象外",
    "方針により除外",
    "方針により適用外",
    "規程で除外",
    "規程により除外",
];

/// Words of the service's own lack or motive (`header_key` form): the control not done
/// (`未実施`, `対応できていない`, `分離していない`), staff or resources, difficulty, workload,
/// no demand, no incident so far, another control instead (review 15 A-2).
const OWN_SHORTFALL: &[&str] = &[
    // not done, can't be done yet
    "できていない",
    "できておらず",
    "できていません",
    "未実施",
    "未対応",
    "未整備",
    "未策定",
    "未着手",
    "対応していない",
    "対応しておらず",
    "対応していません",
    "対応できない",
    "実施できない",
    "分離していない",
    "分離しておらず",
    "分離されていない",
    "整備していない",
    "整備されていない",
    "策定していない",
    "策定されていない",
    // staff, resources, difficulty, workload
    "人員不足",
    "人手不足",
    "人材不足",
    "要員不足",
    "担当者不足",
    "担当者不在",
    "担当者がいない",
    "人員がいない",
    "人員が不足",
    "人手が不足",
    "人手が足りない",
    "リソース不足",
    "リソースが不足",
    "リソースがない",
    "工数",
    "運用負荷",
    "負荷が高い",
    "負荷が大きい",
    "負担が大きい",
    "負担が重い",
    "手間",
    "困難",
    "難しい",
    "技術的に不可能",
    // no demand, no incident so far, another control instead
    "要望がない",
    "要望がなく",
    "要望なし",
    "要望はない",
    "ニーズがない",
    "需要がない",
    "インシデントが発生していない",
    "インシデントは発生していない",
    "インシデントの発生がない",
    "インシデント発生実績がない",
    "事故が発生していない",
    "事故は発生していない",
    "過去に発生していない",
    "代替",
    "他の管理策で",
    "別の管理策で",
    "lackofresource",
    "lackofstaff",
    "lackofpersonnel",
    "insufficientresource",
    "insufficientstaff",
    "notenoughstaff",
    "notenoughresource",
    "resourceconstraint",
    "resourcelimitation",
    "staffshortage",
    "understaffed",
    "toodifficult",
    "technicallydifficult",
    "technicallyinfeasible",
    "notfeasible",
    "notimplemented",
    "notyetimplemented",
    "notinplace",
    "nodemand",
    "nocustomerdemand",
    "norequestfrom",
    "noincident",
    "nopriorincident",
    "compensatingcontrol",
    "workload",
];

/// Words naming the control itself as what is not done (`当該管理策を実施していない`,
/// `本管理策は実施していない`), `header_key` form.
const THE_CONTROL: [&str; 6] = [
    "当該管理策",
    "本管理策",
    "管理策",
    "本項目",
    "当該項目",
    "対策",
];

/// Whether a text on a row stated not applicable says the control is not done, or gives the
/// service's own lack or motive ([`OWN_SHORTFALL`]): the control applies and is not
/// implemented, so it is no reason for 非該当 (review 15 A-2). The control not done is the
/// cause (`当該管理策を実施していないため`), the text opens with it (`実施していないため`) or
/// says nothing else (`本管理策は実施していない`). A cause about the service
/// (`物理サーバを保有しないため`, `個人情報を取り扱わないため`, `無線LANを導入していないため`,
/// `外部委託による開発を実施していないため`), and a conclusion after one
/// (`…を扱わないため、本管理策は適用しない`), say why it does not apply.
fn names_own_shortfall(text: &str) -> bool {
    const NEGATED: [&str; 3] = ["していない", "しておらず", "していません"];
    const DOING: [&str; 5] = ["実施", "導入", "適用", "運用", "整備"];
    const BECAUSE: [&str; 3] = ["ため", "ので", "から"];
    let key = crate::text::header_key(text);
    let key = key.trim_end_matches(['。', '．', '.']);
    if OWN_SHORTFALL.iter().any(|w| key.contains(w)) {
        return true;
    }
    let not_done: Vec<String> = DOING
        .iter()
        .flat_map(|d| NEGATED.iter().map(move |n| format!("{d}{n}")))
        .collect();
    let names_control = THE_CONTROL.iter().any(|w| key.contains(w));
    let as_cause = not_done
        .iter()
        .any(|w| BECAUSE.iter().any(|b| key.contains(&format!("{w}{b}"))));
    let opens = not_done.iter().any(|w| key.starts_with(w.as_str()));
    // nothing but the control, a particle and the control not done
    let alone = || {
        let rest = THE_CONTROL
            .iter()
            .chain(["当社では", "当社は", "現在", "現時点で"].iter())
            .chain(
                not_done
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .iter(),
            )
            .fold(key.to_owned(), |r, w| r.replace(w, ""));
        not_done.iter().any(|w| key.contains(w.as_str()))
            && rest
                .chars()
                .all(|c| matches!(c, 'を' | 'は' | 'が' | 'も' | '、' | '，'))
    };
    (names_control && as_cause) || opens || alone()
}

/// Words of a plan or of something not settled yet (`将来対応予定`, `AWS側で実施予定`,
/// `IaaS事業者（選定中）が実施`, review 14 A-5): no reason for 非該当 whoever is named —
/// the control is not in place yet.
const NOT_SETTLED: &[&str] = &[
    "実施予定",
    "対応予定",
    "導入予定",
    "移行予定",
    "将来対応",
    "選定中",
    "検討中",
    "調整中",
];

/// Whether a reason (`header_key` form) says there is no plan (`予定なし`, `予定はない`) of
/// doing the control, not of having or handling what it is about: `物理媒体を扱わないため
/// （今後も扱う予定なし）` ("nor any plan to handle them") keeps its reason, `予定なし`,
/// `実装する予定なし` say the control is not going to be done (fix32-csp noticed). What has
/// no plan is the verb before it; a verb of the control's own doing (`導入する`, `行う`) or
/// none is the control's.
fn no_plan_to_implement(key: &str) -> bool {
    const NO_PLAN: [&str; 6] = [
        "予定なし",
        "予定はなし",
        "予定もなし",
        "予定はない",
        "予定もない",
        "予定無し",
    ];
    const HAVING: [&str; 14] = [
        "扱う",
        "取り扱う",
        "取扱う",
        "利用する",
        "使用する",
        "保有する",
        "所有する",
        "保管する",
        "設置する",
        "開発する",
        "提供する",
        "委託する",
        "接続する",
        "採用する",
    ];
    NO_PLAN.iter().any(|w| {
        key.match_indices(w).any(|(i, _)| {
            let before = key[..i].trim_end_matches(['の', 'は', 'も']);
            !HAVING.iter().any(|h| before.ends_with(h))
        })
    })
}

/// Whether a text on a row stated not applicable says the control applies and was decided
/// against ([`DECISION_NOT_TO_IMPLEMENT`]): ISMAP excludes an objective only where it does
/// not apply, so such a text is no reason for 非該当 — the control is not implemented. (A
/// text naming who does it instead, `IaaS事業者が実施するため当社では実施しない`, stays a reason.)
fn decides_not_to_implement(text: &str) -> bool {
    let key = crate::text::header_key(text);
    DECISION_NOT_TO_IMPLEMENT.iter().any(|w| key.contains(w))
}

/// Whether a text states something done, as its last word (`…を管理する`, `アクセス制御を行う`,
/// `年次で実施`) or, in English, its first (`Manages access`, `We review logs`).
fn states_doing(text: &str) -> bool {
    const ENDS_JA: [&str; 16] = [
        "する",
        "します",
        "している",
        "しています",
        "行う",
        "行います",
        "行なう",
        "行っている",
        "行っています",
        "実施",
        "実施済み",
        "管理",
        "対応",
        "運用",
        "担当",
        "担う",
    ];
    const DOES_EN: [&str; 26] = [
        "manage",
        "manages",
        "perform",
        "performs",
        "implement",
        "implements",
        "control",
        "controls",
        "handle",
        "handles",
        "operate",
        "operates",
        "conduct",
        "conducts",
        "maintain",
        "maintains",
        "restrict",
        "restricts",
        "monitor",
        "monitors",
        "protect",
        "protects",
        "enforce",
        "enforces",
        "review",
        "reviews",
    ];
    let key = crate::text::header_key(text);
    let key = key.trim_end_matches(['。', '．', '.', '!', '！']);
    if ENDS_JA.iter().any(|e| key.ends_with(e)) {
        return true;
    }
    let lower = crate::text::fold_width(text).to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let verb = match words.first() {
        Some(&"we") => words.get(1),
        w => w,
    };
    // or a passive at the end (`access is managed`)
    let passive =
        matches!(words.as_slice(), [.., "is" | "are", done] if DOING_BY_EN.contains(done));
    verb.is_some_and(|v| DOES_EN.contains(v)) || passive
}

/// Words that give a cause ([`header_key`](crate::text::header_key) form: width-folded,
/// lower case, no spaces): `ため`, `ので`, `により`, `because`; whose side it is (`側`,
/// `委託`); what the service has not or does not do (`保有しない`, `行わない`).
const CAUSE_WORDS: [&str; 18] = [
    "ため",
    "為",
    "ので",
    "により",
    "によって",
    "による",
    "から",
    "側",
    "委託",
    "保有しない",
    "該当しない",
    "存在しない",
    "行わない",
    "提供しない",
    "because",
    "since",
    "dueto",
    "notapplicable",
];

/// Whether a text on a row stated not applicable says why or who does it (the one
/// judgement of "a reason" for an explanation column's text, and for what follows the
/// control's title in any reason): a cause word ([`CAUSE_WORDS`]); a negation of what the
/// service has or does (`ない`, `なし`, `無し`, `せず`, `not`, `no`, `without`), not the
/// `しなければならない` / `shall not` of a requirement; or who does it
/// ([`names_who_does_it`]: `利用者が行う`, `by the customer`). A text without one may describe
/// the control instead (`本管理策は物理的な入退管理に関するもの`): no reason. A reason
/// column's text that is not the title is the CSP's reason as written (its header says it is
/// one).
fn states_a_cause(text: &str) -> bool {
    let key = crate::text::header_key(text);
    let mut lower = crate::text::fold_width(text).to_lowercase();
    for must in ["shall not", "must not", "should not"] {
        lower = lower.replace(must, " ");
    }
    let mut negated = key.into_owned();
    for must in [
        "なければならない",
        "なくてはならない",
        "ねばならない",
        "てはならない",
        "ではならない",
    ] {
        negated = negated.replace(must, "");
    }
    CAUSE_WORDS.iter().any(|w| negated.contains(w))
        || (!is_requirement(text)
            && (["ない", "なし", "無し", "せず", "無い"]
                .iter()
                .any(|w| negated.contains(w))
                || lower
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|w| matches!(w, "not" | "no" | "without" | "never"))
                || names_who_does_it(text)))
}

/// Whether a text is phrased as a requirement, as a control's description is
/// (`…すること`, `…しなければならない`, `…が望ましい`, `shall`, `should`, `must`): whatever
/// negation or party it holds describes the control; only a cause word gives a reason.
fn is_requirement(text: &str) -> bool {
    let key = crate::text::header_key(text);
    let key = key.trim_end_matches(['。', '．', '）', ')']);
    [
        "こと",
        "こととする",
        "ものとする",
        "ならない",
        "望ましい",
        "必要がある",
    ]
    .iter()
    .any(|w| key.ends_with(w))
        || crate::text::fold_width(text)
            .to_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| matches!(w, "shall" | "should" | "must"))
}

/// Parties other than the service's provider that may do a control in the service's
/// stead (`header_key` form): the customer, another provider. `事業者` / `提供者` are one
/// only when qualified as another's ([`OTHER_PROVIDER`]).
const PARTIES_JA: [&str; 16] = [
    "利用者",
    "親会社",
    "グループ会社",
    "顧客",
    "お客様",
    "お客さま",
    "契約者",
    "テナント",
    "ユーザー",
    "ユーザ",
    "利用企業",
    "委託先",
    "iaas",
    "paas",
    "saas",
    "事業者",
];

/// The service's provider itself (`header_key` form): saying it does the control is no
/// reason for the control not to apply (`当社で実施`, `本管理策は事業者が実施する`).
const SELF_JA: [&str; 7] = [
    "当社",
    "弊社",
    "自社",
    "本サービス",
    "当サービス",
    "事業者",
    "提供者",
];

/// What makes `事業者` / `提供者` another's (`iaas事業者`, `委託先事業者`, `上位の事業者`,
/// `データセンター事業者`, `DC事業者`: review 23, the two spellings of one operator agree):
/// without one of these before it, it is the service's provider.
const OTHER_PROVIDER: [&str; 14] = [
    "iaas",
    "paas",
    "saas",
    "委託先",
    "委託",
    "外部",
    "上位",
    "上位の",
    "基盤",
    "他",
    "他の",
    "データセンター",
    "データセンタ",
    "dc",
];

/// Whether `party` at byte `i` of `key` is another party than the service's provider:
/// `事業者` / `提供者` only when qualified as another's (`iaas事業者`), any other party
/// of [`PARTIES_JA`] as it is; never one of [`SELF_JA`] but those two.
fn is_other_party(key: &str, i: usize, party: &str) -> bool {
    if matches!(party, "事業者" | "提供者") {
        // a Latin qualifier a word of its own (`dc事業者`, not `abcdc事業者`)
        OTHER_PROVIDER.iter().any(|q| {
            key[..i].strip_suffix(q).is_some_and(|before| {
                !q.is_ascii()
                    || !before
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_ascii_alphanumeric())
            })
        })
    } else {
        PARTIES_JA.contains(&party)
    }
}

/// The positions after which each of `parties` found in `key` does something
/// ([`DOES_JA`], after `が`/`で`/`にて`… or at once), with the clause it does it in.
fn parties_doing<'k>(
    key: &'k str,
    parties: &'k [&'k str],
) -> impl Iterator<Item = (&'k str, usize, &'k str)> + 'k {
    parties.iter().flat_map(move |&party| {
        key.match_indices(party).filter_map(move |(i, _)| {
            let after = skip_note(&key[i + party.len()..]);
            let clause = after.split(['。', '、', '，']).next().unwrap_or("");
            let does = DOES_JA.iter().any(|d| clause.starts_with(d))
                || ["が", "で", "にて", "により", "による", "自身", "自ら", "側"]
                    .iter()
                    .any(|p| clause.strip_prefix(p).is_some_and(does_it_itself));
            does.then_some((party, i, clause))
        })
    })
}

/// What follows a bracketed note at the start of `text` (`（ISMAP登録済み）が担う` → `が担う`);
/// `text` itself when it opens none or leaves it open.
fn skip_note(text: &str) -> &str {
    let Some(open) = text.chars().next().filter(|c| matches!(c, '（' | '(')) else {
        return text;
    };
    let close = if open == '（' { '）' } else { ')' };
    text.find(close)
        .map_or(text, |j| &text[j + close.len_utf8()..])
}

/// Whether, in what follows a party and its particle (`が`, `で`), the first doing word
/// ([`DOES_JA`]) is the party's own verb: not after another verb the party does that
/// qualifies a noun (`利用者がアクセスする情報を管理する`: the customer accesses, whoever
/// manages is not named), nor itself qualifying a noun (`利用者が保有する情報を管理する`).
fn does_it_itself(rest: &str) -> bool {
    let first = DOES_JA
        .iter()
        .filter_map(|d| rest.find(d).map(|j| (j, *d)))
        .min_by_key(|&(j, d)| (j, std::cmp::Reverse(d.len())));
    let Some((j, d)) = first else {
        return false;
    };
    !qualifies_a_noun(&rest[..j]) && !qualifies_a_noun(&verb_of(d, &rest[j + d.len()..]))
}

/// A verb written before the noun it qualifies, in a text's words (`アクセスする情報`,
/// `保存したデータ`, `使う端末`): a kana ending other than a particle, followed at once by
/// a kanji, katakana or a letter. `鍵を管理`, `自ら管理` are no such thing.
fn qualifies_a_noun(text: &str) -> bool {
    let hiragana = |c: char| ('\u{3041}'..='\u{309F}').contains(&c);
    let chars: Vec<char> = text.chars().collect();
    chars.windows(2).any(|w| {
        hiragana(w[0])
            && !matches!(
                w[0],
                'を' | 'は'
                    | 'が'
                    | 'の'
                    | 'に'
                    | 'で'
                    | 'と'
                    | 'も'
                    | 'へ'
                    | 'や'
                    | 'な'
                    | 'ら'
                    | 'て'
                    | 'び'
            )
            && !hiragana(w[1])
            && (w[1].is_alphanumeric() || w[1] == 'ー')
    })
}

/// The doing word `d` with its verb ending (`する`, `している`, `した`) and the character after
/// it, for [`qualifies_a_noun`]: `保有する情報` → `する情`; a noun after the word alone
/// (`管理責任`) is a compound, not a qualified noun.
fn verb_of(d: &str, after: &str) -> String {
    const ENDINGS: [&str; 9] = [
        "しています",
        "している",
        "していた",
        "された",
        "される",
        "できる",
        "します",
        "した",
        "する",
    ];
    if let Some(e) = ENDINGS.iter().find(|e| after.starts_with(*e)) {
        return after[..e.len()]
            .chars()
            .chain(after[e.len()..].chars().next())
            .collect();
    }
    if d.ends_with('う') {
        return std::iter::once('う').chain(after.chars().next()).collect();
    }
    String::new()
}

/// Whether a text says the service's provider itself does the control ([`SELF_JA`]:
/// `当社で実施`, `鍵管理：事業者で対応`, `利用者の鍵も含め当社が管理`), not negated
/// (`当社では実施しない` says it does not): no reason for it not to apply.
fn names_self_doing_it(text: &str) -> bool {
    let key = crate::text::header_key(text);
    let found = parties_doing(&key, &SELF_JA).any(|(party, i, clause)| {
        !is_other_party(&key, i, party)
            && !["ない", "無い", "せず", "ず", "なし"]
                .iter()
                .any(|w| clause.contains(w))
    });
    found
}

/// What a party does (`header_key` form), after `が`/`で`/`にて` or at once (`利用者責任`).
const DOES_JA: [&str; 15] = [
    "行う",
    "行なう",
    "の責任",
    "実施",
    "管理",
    "担う",
    "担当",
    "対応",
    "運用",
    "設定",
    "責任",
    "負う",
    "所掌",
    "保有",
    "負担",
];

const PARTIES_EN: [&str; 12] = [
    "customer",
    "customers",
    "user",
    "users",
    "tenant",
    "tenants",
    "client",
    "clients",
    "contractor",
    "iaas",
    "paas",
    "saas",
];

/// What makes an English `provider` / `vendor` another's (`the IaaS provider`,
/// `a third-party vendor`): alone it is the service's provider itself, as `事業者` is.
const OTHER_PROVIDER_EN: [&str; 9] = [
    "iaas",
    "paas",
    "saas",
    "underlying",
    "infrastructure",
    "upstream",
    "hosting",
    "third",
    "party",
];

/// Participles that say the doing: `managed by`, `access is managed`. Any other participle before `by` qualifies a noun
/// (`information accessed by users`): who accesses it is not who does the control.
const DOING_BY_EN: [&str; 27] = [
    "managed",
    "performed",
    "handled",
    "implemented",
    "operated",
    "configured",
    "maintained",
    "controlled",
    "conducted",
    "done",
    "undertaken",
    "executed",
    "administered",
    "owned",
    "provided",
    "covered",
    "addressed",
    "enforced",
    "assumed",
    "borne",
    "fulfilled",
    "satisfied",
    "hosted",
    "secured",
    "protected",
    "governed",
    "met",
];

/// Whether the word before `by` lets the doer after it do the control: a doing participle
/// ([`DOING_BY_EN`]) or a noun or adjective that is no participle (`management by`,
/// `controls by`); not a participle qualifying a noun (`accessed by`, `used by`,
/// `accessible by`, `written by`).
fn does_by_en(before: &str) -> bool {
    matches!(before, "out" | "is" | "are")
        || DOING_BY_EN.contains(&before)
        || !(before.ends_with("ed") || before.ends_with("ble") || before.ends_with("en"))
}

/// Whether a text says who does the control (so why the service does not): a party
/// ([`PARTIES_JA`], never the service's provider itself) doing it (`利用者が行う`, `お客様が鍵を管理する`, `利用者責任`), or in
/// English `by (the) customer`, `customer('s) responsibility`, `customer-managed` (a
/// `provider` or `vendor` only when another's: `by the IaaS provider`).
fn names_who_does_it(text: &str) -> bool {
    let key = crate::text::header_key(text);
    let ja = parties_doing(&key, &PARTIES_JA).any(|(party, i, _)| is_other_party(&key, i, party));
    let lower = crate::text::fold_width(text).to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let party = |k: usize| {
        let w = words[k].trim_end_matches("'s");
        if matches!(w, "provider" | "providers" | "vendor" | "vendors") {
            k > 0 && OTHER_PROVIDER_EN.contains(&words[k - 1])
        } else {
            PARTIES_EN.contains(&w)
        }
    };
    // `by the customer` after a doing word or a noun (`managed by`, `Key management by`),
    // not after a participle qualifying a noun (`information accessed by users`)
    let by_at = |k: usize| {
        words[k] == "by"
            && (k == 0 || does_by_en(words[k - 1]))
            && (words.get(k + 1).is_some() && party(k + 1)
                || words
                    .get(k + 1)
                    .is_some_and(|w| matches!(*w, "the" | "a" | "an" | "each" | "our"))
                    && (k + 2..(k + 5).min(words.len())).any(party))
    };
    ja || (0..words.len()).any(|k| {
        by_at(k)
            || (party(k)
                && words
                    .get(k + 1)
                    .is_some_and(|n| n.starts_with("responsib") || *n == "managed" || *n == "side"))
    })
}

/// The ids a row of the statement `readiness` wrote names in its 記載元 (stated by) cell
/// as those whose state its state is (`3.1.2 の記載による`, `stated as 4.4.7.1, 4.4.7.2`);
/// `None` when the cell says no such thing (the row states its own).
fn states_of_another(row: &[String], layout: &Layout) -> Option<Vec<String>> {
    use crate::lang::Lang;
    [Lang::Ja, Lang::En].into_iter().find_map(|lang| {
        let header = crate::report::readiness::item_headers(lang)[5];
        let c = layout.names.iter().position(|n| n == header)?;
        let text = cell(row, c);
        if !crate::report::readiness::is_stated_as_cell(text) {
            return None;
        }
        Some(
            text.split("; ")
                .map(str::trim)
                .filter_map(|part| {
                    part.strip_suffix(" の記載による")
                        .or_else(|| part.strip_prefix("stated as "))
                })
                .flat_map(|ids| ids.split(", "))
                .map(|id| id.trim().to_owned())
                .filter(|id| !id.is_empty())
                .collect(),
        )
    })
}

/// Refuses a row of the statement `readiness` wrote whose 記載元 says its state comes
/// through the service underneath (`Test IaaS経由`): read back, the row would be the
/// service's own statement, crediting it with what it inherits and losing the underlying
/// service's registration; the profile with `inherits:` says it.
fn refuse_inherited_row(
    row: &[String],
    layout: &Layout,
    loc: &Location,
    n: usize,
    id_cell: &str,
) -> Result<(), InputError> {
    let name = stated_by_name(layout);
    let Some(c) = layout.names.iter().position(|h| h == name) else {
        return Ok(());
    };
    let text = cell(row, c);
    let Some(via) = crate::report::readiness::inherited_via_cell(text) else {
        return Ok(());
    };
    Err(InputError::at(
        loc.clone().row(n).column(name),
        format!(
            "the row of {id_cell} states what the service inherits from '{via}' ('{}'): read back, it would be the service's own statement, and '{via}''s registration would not be checked",
            quote(text)
        ),
    )
    .hint("give the profile with `inherits:` the statement was written from, or delete the row (or clear its 記載元 cell if the service implements it itself)"))
}

/// The name of the 記載元 (stated by) column of the statement `readiness` wrote.
fn stated_by_name(layout: &Layout) -> &str {
    use crate::lang::Lang;
    [Lang::Ja, Lang::En]
        .into_iter()
        .map(|lang| crate::report::readiness::item_headers(lang)[5])
        .find(|h| layout.names.iter().any(|n| n == h))
        .unwrap_or("記載元")
}

/// Whether the status `s` of a row of the statement `readiness` wrote is the tool's, not
/// the CSP's: its 記載元 names the rows whose state it is, each of them states `s`, and
/// the row gives no reason. A row naming rows the sheet does not hold is refused (what it
/// was written as cannot be told); a status edited (another value, a reason added) is the
/// CSP's own statement (`false`).
#[allow(clippy::too_many_arguments)]
fn written_as(
    row: &[String],
    layout: &Layout,
    cols: &StatusColumns,
    sheet: &Sheet,
    start: usize,
    loc: &Location,
    n: usize,
    id_cell: &str,
    s: &StatusValue,
) -> Result<bool, InputError> {
    let Some(ids) = states_of_another(row, layout) else {
        return Ok(false);
    };
    let mut same = !ids.is_empty();
    for id in &ids {
        let named = sheet.rows.iter().enumerate().skip(start).find(|(_, r)| {
            cell(r, layout.id_column) == id && states_of_another(r, layout).is_none()
        });
        let Some((i, r)) = named else {
            return Err(InputError::at(
                loc.clone().row(n).column(stated_by_name(layout)),
                format!(
                    "the row of {id_cell} says its status is that of {id}, but no row of the sheet states {id}"
                ),
            )
            .hint(format!(
                "restore the row of {id}, or clear the row's 記載元 (stated by) cell to make its status your own statement"
            )));
        };
        let theirs = status_of(r, i + 1, layout, cols, loc, id)?;
        same &= theirs.is_some_and(|t| t.declared == s.declared);
    }
    let reason = cols
        .reasons
        .iter()
        .any(|&c| !vocab::reason_given(cell(row, c)).is_empty());
    Ok(same && !reason && vocab::reason_given(&s.note).is_empty())
}

/// The remark of a row stated implemented, kept for the reader (`csp-remark`): the text of
/// every column of the row that says something and is not read otherwise — a remark, a
/// reason column's, an explanation's, a description of the implementation (`実施内容`), a
/// column the reader does not know; not the title when it is the control's
/// (`is_title`), the evidence or the owner, a row number, nor a date under a header naming
/// a date (checked apart); of the statement `readiness` wrote, its reason column only. Each
/// cell is given with its column's name, one alone too (`備考: 手順書あり`, `備考: 手順書あり;
/// コメント: 概ね実施`). Whitespace and line breaks are collapsed.
/// The row's implementation date as written, under the headers naming it (`実施日`), the
/// non-empty cells joined with `; `.
fn implementation_date(row: &[String], layout: &Layout, cols: &StatusColumns) -> String {
    cols.remarks
        .iter()
        .filter(|&&c| remarks::names_implementation_date(layout.name(c)))
        .map(|&c| crate::text::join_filled(cell(row, c).split_whitespace()))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

fn row_remark(
    row: &[String],
    layout: &Layout,
    cols: &StatusColumns,
    as_of: crate::date::Date,
    is_title: impl Fn(&str) -> bool,
    any_title: &published::AnyTitle,
) -> String {
    // of the statement `readiness` wrote, the reason is the CSP's; the other columns
    // (区分, 必須, 記載元, 指摘) are the tool's
    let kept: Vec<(&str, String)> = cols
        .remarks
        .iter()
        .filter(|&&c| !cols.own_statement || cols.reasons.contains(&c))
        // an owner not assigned yet (`TBD`, `未定`, `Unassigned`) is kept: no one is named
        // answerable for the control, a note on it (review 24 E)
        .filter(|&&c| {
            Some(c) != cols.evidence && (Some(c) != cols.owner || owner_not_yet(cell(row, c)))
        })
        .filter_map(|&c| {
            let text = cell(row, c);
            let name = layout.name(c);
            let says_nothing = Some(c) != cols.owner
                && (remarks::says_nothing(text)
                || vocab::says_no_reason(text)
                || (cols.titles.contains(&c) && is_title(text))
                // a catalog title alone, under any header (review 25)
                || any_title.holds(text)
                || no_date_for_the_row(name, text)
                || matches!(remarks::header(name), remarks::Header::Qualifying(_) if remarks::nothing_for_the_row(text))
                || (matches!(remarks::header(name), remarks::Header::Approval(_)) && remarks::approval_given(text))
                || (remarks::header(name) == remarks::Header::AuditResult && remarks::clean_audit_result(text))
                || (remarks::header(name) == remarks::Header::TestResult && remarks::is_clean_test(text))
                || (crate::input::csp::classify::is_number_header(name)
                    && text.chars().all(|ch| ch.is_ascii_digit()))
                || (remarks::names_implementation_date(name)
                    && !crate::date::dates_in(text).is_empty())
                // a record date alone is the header's, unless it is a limit or a next time
                // that has passed (an overdue review; an expired validity is refused before): kept
                || (remarks::names_record_date(name)
                    && remarks::is_date_alone(text)
                    && !(remarks::names_limit(name)
                        && crate::date::dates_in(text).iter().any(|(_, last)| *last < as_of))));
            (!says_nothing).then(|| (name, crate::text::join_filled(text.split_whitespace())))
        })
        .collect();
    // each cell named by its column, one alone too: a word (`Fail`, `2025-12-31`) is read
    // with the question its header asks (review 11 B-9)
    kept.iter()
        .map(|(name, text)| format!("{name}: {text}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Whether a cell under a scope header names the service itself by the name the rows above
/// the table state (`service`, folded): `テストクラウド`, `テストクラウド全体` (review 12
/// C-12). A name with anything more (`テストクラウド（東京リージョン）`, `…（一部）`) or
/// another name is a part, as before; without a stated name no name reads.
fn names_service(text: &str, service: &[String]) -> bool {
    let text = crate::text::fold_width(text).trim().to_lowercase();
    let text = ["の全体", "全体", " (all)", "(all)"]
        .iter()
        .find_map(|w| text.strip_suffix(w))
        .unwrap_or(&text)
        .trim();
    !text.is_empty() && service.iter().any(|s| s == text)
}

/// On a row stated implemented, no other column may qualify the statement: a remark (in
/// any column but the id, status and applicability columns, whatever its header) that
/// limits its scope, defers it, says someone else implements it or states another status
/// ([`remarks::qualifier_in`]; a description or a policy that forbids something is read);
/// any text under a header naming what is not implemented (`除外理由`, `対応予定日`); a part
/// of the service under a header naming the scope; someone else under a header naming who
/// implements it; an applicability column that says the control does not apply; a date
/// after `as_of` (`実施日 2027-04-01`).
#[allow(clippy::too_many_arguments)]
fn check_implemented_row(
    row: &[String],
    n: usize,
    layout: &Layout,
    cols: &StatusColumns,
    loc: &Location,
    id: &str,
    titles: &[&str],
    as_of: crate::date::Date,
    own_work: bool,
    service: &[String],
    footnotes: &[String],
    any_title: &published::AnyTitle,
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
    const FOR_REMARKS: &str = remarks::FOR_REMARKS;
    const FOR_TEST: &str = "a control its own test or assessment found failing or not effective is not shown implemented: state it so in the status column (未実施 or 計画中, the result in a remarks column), or, if the test passed, write the clean result (Pass, 合格, 有効) or leave the cell empty";
    for &c in &cols.remarks {
        let text = cell(row, c);
        // in a list given to `report` or `compare` (not the CSP's own work `readiness`
        // reads, where it is the finding 証跡なし), evidence the row says there is none of
        // (`なし`, `未作成`, `作成中`, `No evidence`) leaves the statement unevidenced, as
        // the remark `証跡なし` does (review 12 A-18)
        if Some(c) == cols.evidence && !own_work && super::states_no_evidence(text) {
            return Err(refuse(
                c,
                text,
                "says there is no evidence of it (or none yet) under a header naming its evidence".to_owned(),
                "a control stated implemented whose evidence the list says is missing, not made yet or a draft is not shown implemented: name the evidence (the document or record), leave the cell empty if the list names none, or state the control 計画中 or 未実施 in the status column",
            ));
        }
        // evidence the row says has expired or was rejected (`Expired`, `期限切れ`,
        // `要更新`, `差戻し`) does not support the statement either (review 14 A-13)
        if Some(c) == cols.evidence && !own_work && super::evidence_unfit(text) {
            return Err(refuse(
                c,
                text,
                "says its evidence has expired, is out of date or was rejected, under a header naming its evidence".to_owned(),
                "a control stated implemented whose evidence the list says has expired, needs renewal or was sent back is not shown implemented: name evidence in effect, or state the control 計画中 or 未実施 in the status column",
            ));
        }
        // a file or folder dated after the as-of date by a date after `_`
        // (`規程_2027-04.docx`), which the later-date rule below does not read (review 18
        // A-5): refused as a later folder (`/ISMS/FY2027/`) is, in `readiness` too
        if Some(c) == cols.evidence {
            if let Some(word) = super::evidence_dated_later(text, as_of) {
                let q = remarks::Qualifier {
                    kind: remarks::Kind::Later(as_of),
                    word,
                };
                return Err(refuse(c, text, q.what(), q.hint()));
            }
        }
        // a document not in effect (abolished, superseded, an old edition), another
        // service's, a draft or old folder of a path (review 16 A-11, A-15), a copy, a backup
        // or a lock file (review 23 A-17)
        if Some(c) == cols.evidence && !own_work {
            if let Some(word) = super::evidence_not_current(text) {
                return Err(refuse(
                    c,
                    text,
                    format!("names a document that is not the service's own in effect ('{}': abolished, superseded, an old edition, a draft or old folder, a copy, a backup or a lock file, a template, a sample or a placeholder, or another service's), under a header naming its evidence", quote(&word)),
                    "a control stated implemented whose evidence is an abolished, superseded or old document, one in a draft or old folder, a copy, a backup or an editor's lock file of a document, a template, a sample, a fill-in example or a placeholder name, or another service's document is not shown implemented by it: name the service's own document or record in effect (the file itself, not its copy or its template), or state the control 計画中 or 未実施 in the status column",
                ));
            }
            // a count of part of its evidence (`1/3`, `2 of 3`; none, `0/3`, is refused
            // above)
            if let Some(count) = super::evidence_partial(text) {
                return Err(refuse(
                    c,
                    text,
                    format!("counts part of its evidence only, or marks the count with a footnote not read ('{}'), under a header naming its evidence", quote(&count)),
                    "a control stated implemented whose evidence the list counts as partly there (1/3, 2 of 3) is not shown implemented: name the evidence once all of it is there (a footnote on a count, 3/3*: write what it says in a remarks column, without the mark), or state the control 計画中 or 未実施 in the status column",
                ));
            }
        }
        // a remark that is only a footnote mark (`※1`, `*2`, `注1`) whose note is not in the
        // list: the footnote may narrow the statement, as `実施※1` (review 23 A-13)
        if let Some(mark) = remarks::footnote_ref(text).filter(|m| !footnote_given(footnotes, m)) {
            return Err(refuse(
                c,
                text,
                format!("is a footnote mark ('{mark}') whose note is not in the list (the footnote may narrow or condition the statement, as on a status cell: 実施※1)"),
                FOR_FOOTNOTE,
            ));
        }
        // a control never tested under a header naming when it was last tested
        // (`Last Tested | Never`): as `Testing Status | Not tested`, no test shows it
        // operating (review 25)
        if remarks::names_last_tested(layout.name(c)) && remarks::never_tested(text) {
            return Err(refuse(
                c,
                text,
                "says the control has never been tested, under a header naming when it was last tested".to_owned(),
                "a control never tested is not shown operating: state it so in the status column (計画中 or 未実施), or, once it is tested, write the date it was last tested",
            ));
        }
        if remarks::says_nothing(text) || no_date_for_the_row(layout.name(c), text) {
            continue;
        }
        if cols.titles.contains(&c) && titles.contains(&text) {
            continue;
        }
        // a catalog title alone (`Remarks | Access control policy`) qualifies nothing
        // (review 25), unless its column asks a question (`Exceptions | Access control
        // policy` names one)
        if any_title.holds(text) && remarks::header(layout.name(c)) == Header::Plain {
            continue;
        }
        // evidence not there yet (`TBD`, `未提出`, `Pending`) is a finding of readiness
        // (証跡なし), an owner not assigned yet (`未定`, `調整中`) the owner's: neither
        // qualifies the control (review 11 C-5)
        // (a status value there, `準備中`, `not yet`, `N/A`, may be the control's: read
        // by the remark rules, as under any header)
        // (evidence being prepared, `作成予定`, `準備中`, is evidence's, whatever the status
        // words in it: review 15 C-7)
        if (Some(c) == cols.evidence
            && super::names_no_evidence(text)
            && (vocab::status_value(text).is_err()
                || super::evidence_none_word(text)
                || super::evidence_not_yet(text) && !names_control_not_done(text)))
            || (Some(c) == cols.owner && owner_not_yet(text))
        {
            continue;
        }
        // the independent review (18.2.1) is done by an auditor, external or internal:
        // naming one under who does it is the control, no one else's (review 12 C-11)
        if matches!(remarks::header(layout.name(c)), Header::Owner | Header::Who)
            && is_independent_review(id)
            && names_auditors_only(text)
        {
            continue;
        }
        match remarks::header(layout.name(c)) {
            // `非該当理由` N/A on an implemented row: the column has nothing for it
            Header::Qualifying(_)
                if remarks::nothing_for_the_row(text)
                    || remarks::zero_count(layout.name(c), text)
                    || remarks::poam_nothing_open(layout.name(c), text) =>
            {
                continue
            }
            Header::Qualifying(word) => {
                return Err(refuse(
                    c,
                    text,
                    format!("stands under a header that names what is not implemented, excluded or deferred ('{word}')"),
                    FOR_REMARKS,
                ))
            }
            // a status under a header naming one part (`大阪リージョン | 実施`): the header,
            // not the value, names the part — one column per part (review 23 D-4)
            Header::Scope
                if super::classify::names_one_part(layout.name(c))
                    && vocab::status_value(text).is_ok() =>
            {
                return Err(refuse(
                    c,
                    text,
                    "states the control's status for the part of the service its header names (a column per region or edition: it states the same control for another part)".to_owned(),
                    "a table with one status column per region or edition states each part apart: name the part your procurement uses with --status-column NAME (the other parts' columns are then not read, and items naming another part are outside the statement's scope), or give one status for the whole service",
                ))
            }
            Header::Scope if !remarks::is_whole_scope(text) && !names_service(text, service) => {
                return Err(refuse(
                    c,
                    text,
                    "names a part of the service under a header naming the scope".to_owned(),
                    "a control implemented for part of the service only is not implemented: state it so in the status column (未実施, or 非該当 with the reason); if the cell means the whole service (the service's name, or every region of its statement), write 全て, 全リージョン or 本サービス全体 (all): a name or a list of regions is not read as the whole",
                ))
            }
            Header::Who
                if !remarks::names_only_self(text) && !remarks::nothing_for_the_row(text) =>
            {
                let what = match remarks::names_another_party(text) {
                    Some(party) => format!("names someone else under a header naming who implements it ('{party}')"),
                    None => "does not name the service itself under a header naming who implements it (only 当社, 自社, CSP, Provider or a team of the service — 情報システム部, SecOps — reads there)".to_owned(),
                };
                return Err(refuse(
                    c,
                    text,
                    what,
                    "a control someone else implements (the customer, the IaaS, a subservice organization, a vendor) is not the service's own: state it 非該当 with the reason (IaaS側で実施), or, for a profile, rely on the IaaS with `inherits:`; if the service implements it itself, write 当社 (or the team's name: 情報システム部, SecOps)",
                ));
            }
            Header::Owner => {
                // the provider's own words first (`Service Provider Corporate`: FedRAMP's
                // origination of its own control, review 24 C-3)
                if let Some(party) = (!remarks::names_only_self(text))
                    .then(|| remarks::names_another_party(text))
                    .flatten()
                {
                    return Err(refuse(
                        c,
                        text,
                        format!("names someone else under a header naming who implements it ('{party}')"),
                        remarks::FOR_OTHERS,
                    ));
                }
            }
            Header::Delegate
                if !remarks::names_own_party(text) && !remarks::nothing_for_the_row(text) =>
            {
                return Err(refuse(
                    c,
                    text,
                    "names a subcontractor under a header naming who is entrusted with it".to_owned(),
                    "a control a subcontractor implements stays the service's to manage (supplier relationships, 15.1): state in the status column whether the service implements it, subcontractor included (実施 or 未実施; 委託先で実施 is no reason for 非該当), or leave the column empty (or 当社) on rows the service implements itself",
                ))
            }
            Header::AuditResult if remarks::clean_audit_result(text) => continue,
            Header::AuditResult => {
                return Err(refuse(
                    c,
                    text,
                    "reports an audit finding (under an audit's result only a clean result reads: 指摘なし, 問題なし, 例外事項なし, No exception noted)".to_owned(),
                    remarks::FOR_AUDIT_FINDING,
                ))
            }
            Header::TestResult if remarks::is_clean_test(text) => continue,
            // an attestation done (`Attestation Status | Completed`): the owner answered,
            // which is no finding and no result either: read (review 25 C-2)
            Header::TestResult if remarks::attestation_done(layout.name(c), text) => continue,
            Header::TestResult => {
                return Err(refuse(
                    c,
                    text,
                    "reports a result other than a clean one under a header naming a test's or an assessment's result (only a clean result reads there: Pass, 合格, 有効, Effective, 問題なし)".to_owned(),
                    FOR_TEST,
                ))
            }
            // an approval dated after the as-of date is none on it
            Header::Approval(_) if remarks::approval_given(text) => {
                if let Some((written, _)) = crate::date::dates_in(text)
                    .into_iter()
                    .find(|(_, d)| *d > as_of)
                {
                    let q = remarks::Qualifier {
                        kind: remarks::Kind::Later(as_of),
                        word: written,
                    };
                    return Err(refuse(c, text, q.what(), q.hint()));
                }
                continue;
            }
            Header::Approval(names_status) => {
                if let Some(word) = remarks::approval_denied(text) {
                    return Err(refuse(
                        c,
                        text,
                        format!("says the statement is not approved or reviewed (yet) under a header naming its approval or review ('{}')", quote(&word)),
                        FOR_APPROVAL,
                    ));
                }
                if names_status {
                    return Err(refuse(
                        c,
                        text,
                        "does not say the statement is approved or reviewed, under a header naming its approval or review status (only an approval reads there: 承認済, レビュー済, 済, ○, Approved, Reviewed, a date)".to_owned(),
                        FOR_APPROVAL,
                    ));
                }
            }
            Header::Who | Header::Delegate | Header::Scope | Header::Plain => {}
        }
        // a validity that ended before the as-of date (`有効期限 2025-12-31`): the row is
        // not in effect then (review 11 A-18)
        if remarks::names_validity(layout.name(c)) {
            if let Some(q) = remarks::validity_ended(text, as_of) {
                return Err(refuse(c, text, q.what(), q.hint()));
            }
        }
        // a date under a header naming a date that is not of the implementation (`最終確認日`,
        // `有効期限`, `次回レビュー日`) is not compared with the as-of date
        // in the evidence column, the current or an earlier year naming a folder or file
        // is the records' year, not the implementation's (review 11 C-13)
        let scanned: &str = &if Some(c) == cols.evidence {
            remarks::without_path_years(text, as_of)
        } else {
            text.into()
        };
        if let Some(q) = remarks::health_short_of_clean(layout.name(c), text) {
            return Err(refuse(c, text, q.what(), q.hint()));
        }
        let found = if remarks::names_record_date(layout.name(c)) {
            remarks::record_date_qualifier(scanned, titles, as_of)
        } else {
            remarks::qualifier_on(scanned, titles, as_of)
        };
        if let Some(q) = found {
            return Err(refuse(c, text, q.what(), q.hint()));
        }
        // the provider's own assessment (`自己評価`, `CSP自己評価`, `自己点検` alone) in the
        // row's remark, as in its status cell (`実施（自己評価）`) or a note on the list
        // (review 22 A-9); a file named so is evidence (`自己点検結果.xlsx`, 18.2.2)
        if Some(c) != cols.evidence {
            if let Some(word) = self_assessed_remark(text, titles) {
                return Err(refuse(
                    c,
                    text,
                    format!("says the statement is the provider's own assessment ('{}'), not one an audit confirmed", quote(&word)),
                    FOR_SELF_ASSESSED,
                ));
            }
        }
        // under a header naming when the control was implemented, a date on or before
        // as-of, read (or since the service started, or ongoing: review 12 C-13);
        // anything else is not a statement that it was
        if remarks::names_implementation_date(layout.name(c)) {
            let dates = crate::date::implementation_dates(text);
            if let Some((written, _)) = dates.iter().find(|(_, last)| *last > as_of) {
                let q = remarks::Qualifier {
                    kind: remarks::Kind::Later(as_of),
                    word: written.clone(),
                };
                return Err(refuse(c, text, q.what(), q.hint()));
            }
            if dates.is_empty() && !since_start_or_ongoing(text) {
                return Err(refuse(
                    c,
                    text,
                    "cannot be read as a date, under a header naming when the control was implemented".to_owned(),
                    "write the day the control was implemented, on or before the as-of date (2024-04-01, 2024/4/1, 2024年4月1日, 令和6年4月1日; a month or fiscal year: 2024年4月, 2024年度), or leave the cell empty; a control not implemented yet is 計画中 (planned) in the status column",
                ));
            }
        }
    }
    if let Some(c) = cols.applicability {
        let text = cell(row, c);
        let applies = text.is_empty()
            || vocab::check_cell(text) == Check::Selected
            || matches!(
                crate::text::header_key(text).as_ref(),
                "適用"
                    | "対象"
                    | "applicable"
                    | "inscope"
                    | "selected"
                    | "実施"
                    | "採用"
                    | "採用する"
                    | "適用する"
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

/// Under a header naming a date that is not the implementation's (`有効期限`, `最終確認日`,
/// `Expiry`): `N/A`, `該当なし` say there is none (no expiry), and under a validity's a
/// validity until the next renewal (`次回更新まで`, `until next renewal`) is in effect now
/// (review 13 C-11).
fn no_date_for_the_row(name: &str, text: &str) -> bool {
    let validity = remarks::names_validity(name);
    if !(validity || remarks::names_record_date(name)) {
        return false;
    }
    let key = crate::text::header_key(text);
    let key = key.trim_end_matches(['。', '.']);
    remarks::nothing_for_the_row(text)
        || (validity
            && matches!(
                key,
                "次回更新まで"
                    | "次回更新時まで"
                    | "次回更新日まで"
                    | "更新まで"
                    | "untilnextrenewal"
                    | "untilrenewal"
            ))
}

/// Whether a row's id cell names the independent review of information security (18.2.1,
/// or a detail of it).
fn is_independent_review(id_cell: &str) -> bool {
    find_ids(id_cell)
        .0
        .iter()
        .any(|t| IsmapId::parse(&t.raw).is_some_and(|id| id.parts.starts_with(&[18, 2, 1])))
}

/// Whether a cell names auditors only (`外部監査法人`, `内部監査室／外部監査法人`, `第三者機関`,
/// `External auditor`): each of its parts names one.
fn names_auditors_only(text: &str) -> bool {
    const AUDITORS: [&str; 11] = [
        "監査法人",
        "外部監査",
        "内部監査",
        "監査人",
        "監査室",
        "監査部",
        "監査機関",
        "第三者",
        "auditor",
        "audit",
        "assessor",
    ];
    let lower = crate::text::fold_width(text).to_lowercase();
    let parts: Vec<&str> = lower
        .split(['/', '／', '、', ',', '・', ';', '及', 'と'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    !parts.is_empty() && parts.iter().all(|p| AUDITORS.iter().any(|w| p.contains(w)))
}

/// An implementation date's cell saying since the service started (`サービス開始時`,
/// `サービス提供開始時から`, `Since launch`) or that it goes on (`継続実施`, `Ongoing`): on a
/// row stated implemented, no date after the as-of date (review 12 C-13).
fn since_start_or_ongoing(text: &str) -> bool {
    let key = crate::text::header_key(text);
    let key = key.trim_end_matches(['。', '.']);
    let key = key.strip_suffix("から").unwrap_or(key);
    let key = key
        .strip_prefix("本")
        .or_else(|| key.strip_prefix("当"))
        .unwrap_or(key);
    matches!(
        key,
        "サービス開始時"
            | "サービス開始当初"
            | "サービス開始以来"
            | "サービス提供開始時"
            | "サービス提供開始当初"
            | "サービス提供開始以来"
            | "サービスイン時"
            | "提供開始時"
            | "提供開始当初"
            | "運用開始時"
            | "継続実施"
            | "継続実施中"
            | "継続"
            | "継続中"
            | "常時"
            | "常時実施"
            | "sincelaunch"
            | "sinceservicelaunch"
            | "sincetheservicelaunch"
            | "sincethestartoftheservice"
            | "ongoing"
            | "continuous"
    )
}

const FOR_APPROVAL: &str = "a statement not approved or reviewed yet is no statement of the service: give the list once approved, or state the control 計画中 or 未実施 in the status column; if it is approved, write 承認済 (or the date it was approved)";

/// Whether a row is a total under the table (`合計 | 3`, `実施数 | 3件`, `Total | 12`, ` | 3`):
/// no control id, a first cell naming a total or empty, a count in the status column and
/// nothing else in the row.
fn is_total_row(row: &[String], layout: &Layout, cols: &StatusColumns) -> bool {
    let StatusSource::Column(status) = cols.status else {
        return false;
    };
    let id_cell = cell(row, layout.id_column);
    let names_total = id_cell.is_empty() || names_total(id_cell);
    let count = crate::text::fold_width(cell(row, status)).into_owned();
    let count = count
        .trim()
        .trim_end_matches(['件', '個', '項', '目'])
        .trim();
    let is_count = !count.is_empty() && count.chars().all(|c| c.is_ascii_digit());
    let others_empty = row
        .iter()
        .enumerate()
        .all(|(c, text)| c == layout.id_column || c == status || text.trim().is_empty());
    names_total && is_count && others_empty && find_ids(id_cell).0.is_empty()
}

/// Whether a cell names a total (`合計`, `実施数`, `Total`).
fn names_total(text: &str) -> bool {
    matches!(
        crate::text::header_key(text).as_ref(),
        "合計" | "計" | "総計" | "小計" | "合計数" | "件数" | "実施数" | "total" | "sum" | "count"
    )
}

/// Whether a row holding formulas without a calculated value (in the columns `unvalued`)
/// is a total row all the same (`合計 | =COUNTIF(B:B,"実施")`): its id cell, not a formula,
/// names a total, and every other cell is empty or such a formula. What such a formula
/// would show is a count, read past as [`is_total_row`] reads one; a formula in the id
/// cell, or on a row with an id or other text, is still refused.
pub(super) fn is_unvalued_total_row(
    row: &[String],
    layout: &Layout,
    cols: &StatusColumns,
    unvalued: &[usize],
) -> bool {
    matches!(cols.status, StatusSource::Column(_))
        && !unvalued.contains(&layout.id_column)
        && names_total(cell(row, layout.id_column))
        && row
            .iter()
            .enumerate()
            .all(|(c, text)| c == layout.id_column || text.trim().is_empty())
}

/// Whether a row's id cell names a legend or an example row under the header (`凡例`,
/// `記入例`, `Legend`; [`crate::input::is_example_or_legend`]), with no id in it: the
/// table's furniture, not a control.
fn is_legend_row(id_cell: &str) -> bool {
    find_ids(id_cell).0.is_empty() && crate::input::is_example_or_legend(id_cell)
}

/// The objectives (their numbers) whose detailed controls the table states on rows of their
/// own: a row of such an objective without a status heads them (`9.2.3 特権的アクセス権の管理`
/// above `9.2.3.1 … 実施`).
fn objectives_with_stated_details(
    sheet: &Sheet,
    layout: &Layout,
    cols: &StatusColumns,
    start: usize,
) -> Vec<Vec<u32>> {
    let mut out: Vec<Vec<u32>> = Vec::new();
    for (i, row) in sheet.rows.iter().enumerate().skip(start) {
        let stated =
            status_of(row, i + 1, layout, cols, &sheet.location(), "").is_ok_and(|s| s.is_some());
        if !stated {
            continue;
        }
        for t in find_ids(cell(row, layout.id_column)).0 {
            if let Some(id) = IsmapId::parse(&t.raw).filter(|id| id.depth() > 3) {
                let objective = id.parts[..3].to_vec();
                if !out.contains(&objective) {
                    out.push(objective);
                }
            }
        }
    }
    out
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
    // a GRC tool's prefix before the ISMAP id (`ISMAP-9.2.3`, `CTRL_9.2.3`, `No.9.2.3`):
    // not guessed to be the id, nor reported as an id the catalog lacks (review 11, B-3)
    if let Some((prefix, id)) = prefixed_id(first) {
        return Err(InputError::at(
            at.clone(),
            format!(
                "'{}' is not an ISMAP id alone: it carries a prefix ('{}') before {id}",
                quote(id_cell),
                quote(prefix)
            ),
        )
        .hint(format!("write the ISMAP id alone in the id column ({id}); keep a GRC tool's own control number in a column of its own")));
    }
    // another standard's control number with its name joined (`ISO27001-A.9.2.3`,
    // `27001_A.9.2.3`): that standard's control, never resolved as ISMAP's (review 24 A-10)
    if let Some(standard) = super::ids::other_standard(id_cell) {
        return Err(super::ids::other_standard_error(at.clone(), id_cell, &standard)
        .hint("give ISMAP's rows with their ISMAP ids (9.2.3, ISMAP-9.2.3); leave other frameworks' rows out of the list, or give the list a Framework column so that they are left out"));
    }
    // a clause or category, also with a word after it (`9.2全般`, `12全般`: ISMAP's own way
    // to name all of it)
    let folded = crate::text::fold_width(first);
    let lead = folded
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .next()
        .unwrap_or("")
        .trim_end_matches('.');
    let heading =
        |id: &str| IsmapId::parse(id).is_some_and(|id| id.suffix.is_none() && id.depth() < 3);
    if heading(first) || (lead.len() < folded.len() && heading(lead)) {
        return Err(InputError::at(
            at.clone(),
            format!("'{}' is a clause or category, but a status applies to one control objective", quote(id_cell)),
        )
        .hint("give the status on the row of each control objective (e.g. 9.2.1), or clear the status of this heading row"));
    }
    Ok(first.to_owned())
}

/// A cell that is a prefix of letters joined to an ISMAP control id (`ISMAP-9.2.3`,
/// `ISMAP_9.2.3`, `ISMAP.9.2.3`, `CTRL-9.2.3`, `No.9.2.3`): the prefix and the id.
fn prefixed_id(cell: &str) -> Option<(&str, String)> {
    let at = cell.find(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))?;
    let (prefix, rest) = cell.split_at(at);
    let letters = prefix.trim_end_matches(['-', '_', '.', ':', '－', '＿', '．', '：', '#']);
    let joined = letters.len() < prefix.len()
        && !letters.is_empty()
        && letters
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c.is_ascii_whitespace());
    let upper = letters.to_ascii_uppercase();
    // Annex A and 27017 references are read elsewhere (`A.9.2.3`, `CLD.8.1.5`)
    if !joined || matches!(upper.as_str(), "A" | "CLD") {
        return None;
    }
    let id = IsmapId::parse(&crate::text::fold_width(rest))
        .filter(|id| id.is_plausible_listed_id() && id.depth() >= 3)?;
    Some((prefix, id.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    /// Review 12 C-12: the stated name (folded), alone or with `全体`, is the service; a
    /// name with more, another name, or no name stated is not.
    /// Review 20 A-10 rest: a title above a table naming more than the service.
    #[test]
    fn a_title_naming_other_services_is_found() {
        for (text, word) in [
            ("管理策一覧（他サービスを含む）", "他サービス"),
            ("管理策一覧（関連サービスを含む）", "関連サービス"),
            ("管理策一覧（サービスA・サービスBを含む）", "含む"),
            ("Controls (incl. Service B)", "incl"),
        ] {
            assert_eq!(names_other_services(text).as_deref(), Some(word), "{text}");
        }
        for text in [
            "管理策一覧（サンプルSaaS）",
            "サンプルクラウドサービス 管理策一覧（詳細管理策を含む）",
            "管理策一覧（東京リージョンを含む）",
            "管理策一覧",
        ] {
            assert_eq!(names_other_services(text), None, "{text}");
        }
    }

    #[test]
    fn a_scope_cell_naming_the_stated_service_is_the_service() {
        let service = ["テストクラウド".to_owned(), "test cloud".to_owned()];
        for text in [
            "テストクラウド",
            "ﾃｽﾄｸﾗｳﾄﾞ",
            "テストクラウド全体",
            "Test Cloud",
            " TEST CLOUD ",
        ] {
            assert!(names_service(text, &service), "{text}");
        }
        for text in [
            "テストクラウド（東京リージョン）",
            "テストクラウド（一部）",
            "関連サービスB",
            "全体",
            "",
        ] {
            assert!(!names_service(text, &service), "{text}");
        }
        assert!(!names_service("テストクラウド", &[]));
    }

    /// A legend row gives its pairs, over one cell or several; a row with anything beside
    /// its pairs is no legend.
    #[test]
    fn legend_rows_and_their_pairs() {
        let pairs = |cells: &[&str]| legend(&row(cells));
        assert_eq!(
            pairs(&["凡例: 実施=実施済み", " 計画中=実施予定"]),
            Some(vec![
                ("実施".to_owned(), "実施済み".to_owned()),
                ("計画中".to_owned(), "実施予定".to_owned())
            ])
        );
        assert_eq!(
            pairs(&["【凡例】 ○ : 実施　× : 未実施"]).map(|p| p.len()),
            Some(2)
        );
        assert_eq!(
            pairs(&["Legend: Yes = implemented, N/A = not applicable"]).map(|p| p.len()),
            Some(2)
        );
        // a note in a meaning stays in it (and the meaning then restates no status)
        assert_eq!(
            pairs(&["凡例: ○=実施 ※本番環境のみ"]),
            Some(vec![("○".to_owned(), "実施 ※本番環境のみ".to_owned())])
        );
        for no in [
            &["凡例"][..],
            &["管理策一覧（凡例は別紙）"],
            &["実施=実施済み"],
        ] {
            assert_eq!(pairs(no), None, "{no:?}");
        }
    }

    /// Review 12 C-24: the common spellings of a legend are read as one, their meanings as
    /// statuses.
    #[test]
    fn legends_in_their_common_spellings() {
        let pairs = |t: &str| legend(&row(&[t]));
        assert_eq!(
            pairs("凡例: ○ 実施済 / × 未実施 / － 対象外").map(|p| p.len()),
            Some(3)
        );
        assert_eq!(
            pairs("※実施状況欄：○（実施）、×（未実施）、N/A（非該当）"),
            Some(vec![
                ("○".to_owned(), "実施".to_owned()),
                ("×".to_owned(), "未実施".to_owned()),
                ("N/A".to_owned(), "非該当".to_owned()),
            ])
        );
        assert_eq!(legend_meaning("実施している"), "実施");
        assert_eq!(legend_meaning("実施していない"), "未実施");
        assert_eq!(legend_meaning("該当しない"), "非該当");
        assert_eq!(legend_meaning("実施済"), "実施");
        assert_eq!(legend_meaning("一部実施"), "一部実施");
        // a note on a column that pairs nothing is no legend
        assert_eq!(pairs("※実施状況欄：2025年度末時点の状況"), None);
    }

    #[test]
    fn an_example_row_is_marked_by_a_cell_or_a_label() {
        for cells in [
            &["記入例", "9.2.3", "○"][..],
            &["例", "9.2.3", "○"],
            &["Example", "9.2.3", "Implemented"],
            &["1", "9.2.3", "○", "記入例：特権IDは申請・承認制"],
            &["1", "9.2.3", "○", "例）特権IDは申請・承認制"],
            &["1", "9.2.3", "○", "【記入例】特権IDは申請・承認制"],
            &["1", "9.2.3", "Implemented", "Sample: MFA for admins"],
            // numbered, or in other words (review 13 A-2)
            &["記入例1", "9.2.3", "○"],
            &["例1", "9.2.3", "○"],
            &["例②", "9.2.3", "○"],
            &["サンプル", "9.2.3", "○"],
            &["Ex.", "9.2.3", "Implemented"],
            &["Ex.1", "9.2.3", "Implemented"],
        ] {
            assert!(example_mark(&row(cells)).is_some(), "{cells:?}");
        }
        for cells in [
            &["1", "9.2.3", "○", "例外は情報セキュリティ委員会が承認"][..],
            &["1", "9.2.3", "Implemented", "e.g. MFA for admins"],
            &[
                "1",
                "9.2.3",
                "Implemented",
                "Sample logs are reviewed monthly",
            ],
            &["1", "9.2.3", "○", "申請例：なし"],
            &["1", "9.2.3", "○", "凡例"],
            &["12", "9.2.3", "○", "例外なし"],
            &["EX-01", "9.2.3", "Implemented", "Exchange server"],
        ] {
            assert!(example_mark(&row(cells)).is_none(), "{cells:?}");
        }
    }

    #[test]
    fn a_prefixed_id_is_named_not_guessed() {
        for cell in [
            "ISMAP-9.2.3",
            "ISMAP_9.2.3",
            "ISMAP.9.2.3",
            "CTRL-9.2.3",
            "No.9.2.3",
        ] {
            assert_eq!(
                prefixed_id(cell).map(|(_, id)| id).as_deref(),
                Some("9.2.3"),
                "{cell}"
            );
        }
        for cell in ["9.2.3", "A.9.2.3", "CLD.8.1.5", "99.1.1", "v1.2", "No.5"] {
            assert_eq!(prefixed_id(cell), None, "{cell}");
        }
    }

    /// A document's next-review date above a table is its schedule; a control deferred,
    /// the registration's renewal or a review with words is not passed over here.
    #[test]
    fn a_document_review_date_is_the_documents_schedule() {
        for yes in [
            "次回見直し予定: 2026年3月",
            "次回見直し予定：2027年3月31日",
            "次回改訂 2027-03-31",
            "Next review: 2027-03-31",
        ] {
            assert!(is_document_review_date(yes), "{yes}");
        }
        // the value is judged alone, as it was with a date's label put before it
        for value in [
            "2026年3月",
            "2027-03-31",
            "2026年3月31日 現在",
            "9.2.4 の対応後",
            "未定",
            "2026年3月 (v2.0)",
            "1/3 ページ",
        ] {
            assert_eq!(
                super::super::published::is_furniture(value),
                super::super::published::is_furniture(&format!("日付 {value}")),
                "{value}"
            );
        }
        for no in [
            "次回更新: 2026年度",
            "次回見直し予定: 9.2.4 の対応後",
            "次回見直し予定: 未定",
            "9.2.4 は 2026年3月 に対応予定",
            "登録の更新期限: 2027-03-31",
        ] {
            assert!(!is_document_review_date(no), "{no}");
        }
    }
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
        read(
            &sheet,
            &layout,
            cols,
            &catalog,
            None,
            crate::date::Date::new(2026, 4, 1).unwrap(),
            false,
            &[],
            &[],
        )
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
            ("管理策番号,実施状況\n5.1.1,実施\n9.2全般,実施\n", "row 3: column '管理策番号': '9.2全般' is a clause or category"),
        ] {
            let e = read_csv(text, None).unwrap_err();
            assert!(e.contains(want), "{text:?}: {e}");
            assert!(e.contains("(hint: "), "{e}");
        }
    }

    /// On a row stated not applicable, an explanation (`説明`) is the reason when no reason
    /// column gives one; a reason column's value comes first; a control's description is
    /// not a reason.
    #[test]
    fn an_explanation_is_the_reason_of_a_row_not_applicable() {
        let r = |text: &str| read_csv(text, None).unwrap();
        assert_eq!(
            r("管理策番号,実施状況,説明\n9.2.1,実施,\n11.1.1,非該当,データセンターを保有しない\n"),
            [
                ("9.2.1".to_owned(), Implemented, String::new()),
                (
                    "11.1.1".to_owned(),
                    NotApplicable,
                    "データセンターを保有しない".to_owned()
                )
            ]
        );
        assert_eq!(
            r("管理策番号,実施状況,理由,補足説明\n11.1.1,非該当,IaaS側で実施,自社で保有しない\n11.1.2,非該当,,自社で保有しない\n")
                .into_iter()
                .map(|(_, _, reason)| reason)
                .collect::<Vec<_>>(),
            ["IaaS側で実施", "自社で保有しない"]
        );
        // a description of the control, or an explanation that gives none, is no reason
        for text in [
            "管理策番号,実施状況,Description\n11.1.1,非該当,Physical security perimeter\n",
            "管理策番号,実施状況,説明\n11.1.1,非該当,－\n",
        ] {
            assert_eq!(r(text)[0].2, "", "{text}");
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

    #[test]
    fn a_title_followed_by_a_statement_is_a_reason() {
        let key = ["鍵管理", "Key management"];
        for reason in [
            "鍵管理は利用者が行う",
            "鍵管理：利用者が行う",
            "Key management by customer",
            "Key management: customer responsibility",
            "鍵管理なし",
            "鍵管理はIaaS側で実施",
        ] {
            assert!(!restates_control(reason, &key), "{reason}");
        }
        for reason in [
            "鍵管理",
            "鍵管理。",
            "Key management",
            "鍵管理を行うこと",
            "鍵管理は利用者が行うこと",
            "鍵管理を実施しなければならない",
            "Key management shall be performed by the customer",
        ] {
            assert!(restates_control(reason, &key), "{reason}");
        }
        let border = ["物理的セキュリティ境界"];
        assert!(restates_control(
            "物理的セキュリティ境界を定め、用いること",
            &border
        ));
    }

    /// English as Japanese: the service's provider itself doing a control is no reason
    /// for it not to apply; another provider, named as another's, is (review 8 A-na-2).
    #[test]
    fn who_does_it_in_english() {
        for text in [
            "by the customer",
            "Key management by customers",
            "customer responsibility",
            "customer-managed",
            "managed by the tenant",
            "performed by the IaaS provider",
            "handled by a third-party vendor",
            "by the underlying infrastructure provider",
        ] {
            assert!(names_who_does_it(text), "{text}");
        }
        for text in [
            "by the provider",
            "implemented by the vendor",
            "by our provider",
            "by the cloud provider",
            "provider responsibility",
            "the provider manages keys",
        ] {
            assert!(!names_who_does_it(text), "{text}");
        }
    }

    /// A party in a clause qualifying a noun does not do the control; what is done, with
    /// neither a cause nor another party doing it, is no reason for it not to apply.
    #[test]
    fn a_description_of_what_is_done_is_no_reason() {
        for text in [
            "利用者がアクセスする情報を管理する",
            "利用者が保有する情報を管理する",
            "利用者が保存したデータを当社が管理",
            "利用者が使う端末を管理する",
            "利用者が行う作業を記録する",
            "アクセス制御を行う",
            "年次で実施",
            "Manages information accessed by users",
            "We review logs used by customers",
            "information accessed by users is managed",
            // another control instead: the objective applies (review 15 A-2)
            "監査ログで代替",
            // a company of the provider's group is a subcontractor all the same (review 24
            // B-3: was read as another party's reason)
            "経営層の関与は親会社が実施",
        ] {
            assert_eq!(not_applicable_reason(text), "", "{text}");
        }
        for text in [
            "お客様が鍵を管理する",
            "利用者が自ら管理する",
            "利用者が管理するため",
            "利用者の責任",
            "鍵管理は利用者が行う",
            "IaaS事業者が担う",
            "物理的セキュリティはサンプルIaaS（ISMAP登録済み）が担う",
            "データセンターはIaaS側で運用",
            "IaaS側で実施",
            "データセンターを保有しない",
            "テレワーク環境は提供していない",
            "物理設備なし",
            "SaaSのため対象設備を持たない",
            "Physical entry controls by the customer",
            "managed by the tenant",
            "No physical premises",
            "not applicable because keys are customer-managed",
        ] {
            assert_eq!(not_applicable_reason(text), text, "{text}");
        }
    }

    /// Review 12 A-7, C-22, B-3: every text written is judged apart — a reason, words that
    /// give none, or a text that is not accepted, with why.
    #[test]
    fn a_row_remark_saying_self_assessed() {
        // review 22 A-9
        for text in [
            "自己評価",
            "CSP自己評価",
            "自己点検",
            "自己評価により確認",
            "Self-assessed",
        ] {
            assert!(self_assessed_remark(text, &[]).is_some(), "{text}");
        }
        for text in [
            "自己点検を年1回実施",
            "内部監査で確認",
            "当社で実施",
            "年1回の点検",
        ] {
            assert!(self_assessed_remark(text, &[]).is_none(), "{text}");
        }
        // a control whose title holds the word
        assert!(self_assessed_remark("自己評価", &["自己評価の実施"]).is_none());
    }

    #[test]
    fn a_note_saying_only_the_list_is_self_assessed() {
        for note in [
            "本一覧は自己評価による",
            "自己評価",
            "※自己評価結果",
            "自己評価版",
            "内部監査結果に基づく",
            "本一覧の記載内容は自己評価の結果です",
            "Self-assessment (not audited)",
            "This list is based on a self-assessment",
        ] {
            assert!(self_assessed_note(note).is_some(), "{note}");
        }
        for note in [
            "当社は年1回自己点検を実施しています",
            "自己点検の結果は別紙参照",
            "Internal audits are performed annually",
            "本一覧は2025年度の外部監査で確認済み",
        ] {
            assert!(self_assessed_note(note).is_none(), "{note}");
        }
    }

    #[test]
    fn a_written_reason_is_judged_with_why() {
        use NotAReason::*;
        for (text, want) in [
            ("", Ok("")),
            ("  ", Ok("")),
            ("なし", Err(NoCause)),
            ("非該当のため", Err(NoCause)),
            ("適用外", Err(NoCause)),
            ("当社で実施", Err(ProviderDoesIt)),
            ("クラウド事業者側の管理策のため", Err(PartyUnclear)),
            ("クラウド事業者の責任範囲", Err(PartyUnclear)),
            ("アクセス制御を行う", Err(DescribesControl)),
            ("リスク受容", Err(DecisionNotToImplement)),
            ("経営判断により適用除外", Err(DecisionNotToImplement)),
            ("事業上のリスクが低いため", Err(DecisionNotToImplement)),
            ("リスクアセスメントの結果、適用不要と判断", Err(NoGround)),
            ("リスク評価により不要", Err(NoGround)),
            ("検討の結果、対象外", Err(NoGround)),
            ("当社サービスの特性上該当しない", Err(NoGround)),
            ("サービスの性質上、該当しない", Err(NoGround)),
            ("業務上必要がないため", Err(NoGround)),
            ("該当なし（当社で実施）", Err(ProviderDoesIt)),
            ("該当なし（なし）", Err(NoCause)),
            ("特になし（※）", Err(NoCause)),
            ("該当なし（-）", Err(NoCause)),
            // review 14 A-5: decisions, priorities, agreements, plans
            ("適用しないことを決定", Err(DecisionNotToImplement)),
            ("経営層承認済みのため適用除外", Err(DecisionNotToImplement)),
            ("当社の方針により対象外", Err(DecisionNotToImplement)),
            ("社内規程で除外", Err(DecisionNotToImplement)),
            ("必要性が低いため", Err(DecisionNotToImplement)),
            ("優先度が低いため", Err(DecisionNotToImplement)),
            ("現時点では不要", Err(DecisionNotToImplement)),
            ("対応予定なし", Err(DecisionNotToImplement)),
            ("将来対応予定", Err(DecisionNotToImplement)),
            ("監査人と合意済み", Err(DecisionNotToImplement)),
            ("前回監査で指摘なし", Err(DecisionNotToImplement)),
            ("AWS側で実施予定", Err(DecisionNotToImplement)),
            ("IaaS事業者（選定中）が実施", Err(DecisionNotToImplement)),
            ("該当なし（リスク低）", Err(DecisionNotToImplement)),
            // review 19 A-6: a party's name alone is judged as the sentence it shortens;
            // the service underneath by name stays another party
            ("委託先", Err(SubcontractorDoesIt)),
            ("委託先のため", Err(SubcontractorDoesIt)),
            ("委託先にて", Err(SubcontractorDoesIt)),
            ("外部委託", Err(SubcontractorDoesIt)),
            ("該当なし（委託先）", Err(SubcontractorDoesIt)),
            ("クラウド事業者", Err(PartyUnclear)),
            ("クラウド", Err(PartyUnclear)),
            ("外部", Err(PartyUnclear)),
            ("他社", Err(PartyUnclear)),
            ("基盤", Err(PartyUnclear)),
            ("DC", Err(PartyUnclear)),
            ("ＤＣ側", Err(PartyUnclear)),
            ("基盤側で実施", Ok("基盤側で実施")),
            // review 20 A-1: the same names one word further (an operator word, an
            // honorific, `外部` before it, a bracket naming no service underneath)
            ("DC事業者", Err(PartyUnclear)),
            ("データセンター事業者", Err(PartyUnclear)),
            ("外部DC", Err(PartyUnclear)),
            ("外部データセンター", Err(PartyUnclear)),
            ("外部事業者", Err(PartyUnclear)),
            ("クラウド事業者様", Err(PartyUnclear)),
            ("DCベンダー", Err(PartyUnclear)),
            ("Cloud provider", Err(PartyUnclear)),
            ("基盤（ISMAP登録済）", Err(PartyUnclear)),
            ("委託先（ISMAP登録済）", Err(SubcontractorDoesIt)),
            ("外部委託先様", Err(SubcontractorDoesIt)),
            ("委託先（AWS上の保守業者）", Err(SubcontractorDoesIt)),
            ("該当なし（DC事業者）", Err(PartyUnclear)),
            ("委託先（AWS）", Ok("委託先（AWS）")),
            ("外部DC（AWS）", Ok("外部DC（AWS）")),
            ("DC（AWS東京リージョン）", Ok("DC（AWS東京リージョン）")),
            ("クラウド事業者（AWS）", Ok("クラウド事業者（AWS）")),
            ("基盤（IaaS）", Ok("基盤（IaaS）")),
            ("IaaS事業者", Ok("IaaS事業者")),
            ("IaaS側で実施", Ok("IaaS側で実施")),
            (
                "データセンター事業者（AWS）が実施",
                Ok("データセンター事業者（AWS）が実施"),
            ),
            ("AWS", Ok("AWS")),
            ("IaaS側", Ok("IaaS側")),
            ("基盤のIaaS（AWS）が実施", Ok("基盤のIaaS（AWS）が実施")),
            (
                "データセンター事業者が実施",
                Ok("データセンター事業者が実施"),
            ),
            // review 14 A-5 rest: a subcontractor's control stays the service's to manage
            ("委託先が実施", Err(SubcontractorDoesIt)),
            ("委託先で実施", Err(SubcontractorDoesIt)),
            ("外部委託先が管理", Err(SubcontractorDoesIt)),
            ("該当なし（委託先で実施）", Err(SubcontractorDoesIt)),
            ("運用を外部委託しているため", Err(SubcontractorDoesIt)),
            ("Performed by a subcontractor", Err(SubcontractorDoesIt)),
            // the underlying service as the subcontractor, but a plan
            ("委託先（AWS）が実施予定", Err(DecisionNotToImplement)),
            // review 16 A-12: a cloud named anywhere is not the subcontractor doing it
            // (`laws` is no `aws`); a part done by another leaves the rest
            (
                "委託先（AWS上の運用保守業者）が実施",
                Err(SubcontractorDoesIt),
            ),
            (
                "外部委託先が実施（ログはAWSに保管）",
                Err(SubcontractorDoesIt),
            ),
            (
                "Performed by our subcontractor under applicable laws",
                Err(SubcontractorDoesIt),
            ),
            ("運用委託先のAzure MSPが実施", Err(SubcontractorDoesIt)),
            ("該当なし（IaaS側で一部実施）", Err(PartlyByAnother)),
            ("一部はAWSが管理", Err(PartlyByAnother)),
            ("Partly managed by the IaaS provider", Err(PartlyByAnother)),
            // review 15 A-2: the control not done, or the service's own lack or motive
            ("当該管理策を実施していないため", Err(NotImplemented)),
            (
                "開発環境と運用環境を分離していないため",
                Err(NotImplemented),
            ),
            ("対応できていないため", Err(NotImplemented)),
            ("人員不足のため", Err(NotImplemented)),
            ("Lack of resources", Err(NotImplemented)),
            ("運用負荷が高いため", Err(NotImplemented)),
            ("技術的に困難なため", Err(NotImplemented)),
            ("現行システムが対応していないため", Err(NotImplemented)),
            ("利用者からの要望がないため", Err(NotImplemented)),
            (
                "過去にインシデントが発生していないため",
                Err(NotImplemented),
            ),
            ("他の管理策で代替しているため", Err(NotImplemented)),
            ("実施していないため", Err(NotImplemented)),
            ("本管理策は実施していない", Err(NotImplemented)),
            ("未実施", Err(NoCause)),
            ("未対応のため", Err(NotImplemented)),
            ("Technically difficult", Err(NotImplemented)),
            ("No customer demand", Err(NotImplemented)),
            ("Compensating control in place", Err(NotImplemented)),
            // a budget stays a decision
            (
                "Not implemented due to budget constraints",
                Err(DecisionNotToImplement),
            ),
        ] {
            assert_eq!(judge_not_applicable_reason(text), want, "{text}");
            assert_eq!(not_applicable_reason(text), want.unwrap_or(""), "{text}");
        }
        // a reason, as written
        for text in [
            "IaaS事業者が管理",
            "インフラはAWSが管理",
            "AWS側で実施",
            "物理設備はAzureの責任範囲",
            "該当なし（IaaS側で実施）",
            "N/A (managed by the IaaS provider)",
            "サービスの性質上、物理媒体を扱わない",
            "リスク評価の結果、当該機能を提供しないため",
            "テレワークを認めていないため",
            "SaaS形態のため",
            "IaaS事業者が実施するため当社では実施しない",
            "テレワークを予定していないため",
            "物理媒体を扱わないため適用しない",
            // the service underneath by name stays another party, even as a subcontractor
            "委託先（AWS）が実施",
            "委託先のAWSが実施",
            "AWSが実施",
            "Performed by a subcontractor (AWS)",
            "Performed by AWS",
            // a cause about subcontractors is a cause
            "委託先に個人情報を提供しないため",
            // review 15 A-2 guards: a cause about the service, and a conclusion after one
            "物理サーバを保有しないため",
            "個人情報を取り扱わないため",
            "無線LANを導入していないため",
            "外部委託による開発を実施していないため",
            "テレワークを実施していないため",
            "個人情報を取り扱わないため、本管理策は適用しない",
            "物理媒体を使用しないため、当該管理策は実施していない",
            "人員不足のためIaaS事業者が実施",
        ] {
            assert_eq!(judge_not_applicable_reason(text), Ok(text), "{text}");
        }
        // the service's own provider on AWS is no other party
        assert_eq!(
            judge_not_applicable_reason("当社がAWS上で管理"),
            Err(ProviderDoesIt)
        );
    }

    #[test]
    fn a_note_taking_the_ground_away_is_no_reason() {
        use NotAReason::*;
        for (text, want) in [
            ("IaaS事業者（予定）", DecisionNotToImplement),
            ("IaaS事業者（2026年度移行予定）", DecisionNotToImplement),
            ("AWS（ISMAP登録予定）", PartyNotAssured),
            ("IaaS事業者（ISMAP未登録）", PartyNotAssured),
            ("AWS（申請中）", PartyNotAssured),
            ("IaaS事業者（自己評価）", PartyNotAssured),
            ("IaaS事業者（自己評価による）", PartyNotAssured),
            ("ISMAP未登録のIaaS事業者が実施", PartyNotAssured),
            ("IaaS事業者（ISMAP登録申請中）が実施", PartyNotAssured),
            ("委託先（ISMAP登録予定）", PartyNotAssured),
            ("AWS (not registered)", PartyNotAssured),
            ("AWS (self-assessed)", PartyNotAssured),
            ("IaaS事業者（一部）", PartlyByAnother),
            ("IaaS provider (partial)", PartlyByAnother),
        ] {
            assert_eq!(judge_not_applicable_reason(text), Err(want), "{text}");
        }
        for text in [
            "IaaS事業者（ISMAP登録済）",
            "IaaS事業者（ISMAP登録番号 C21-0001-1）",
            "AWS（東京リージョン）",
            "物理サーバを保有しないため（未登録端末の接続は不可）",
            "データセンター事業者（AWS）が実施",
            "AWS（ISMAP登録済、2026年度更新予定）",
        ] {
            assert_eq!(judge_not_applicable_reason(text), Ok(text), "{text}");
        }
    }

    #[test]
    fn either_spelling_of_a_data_centre_operator_doing_it_is_a_reason() {
        for text in [
            "DC事業者が実施",
            "データセンター事業者が実施",
            "データセンタ事業者が管理",
            "DC事業者側で実施",
        ] {
            assert_eq!(judge_not_applicable_reason(text), Ok(text), "{text}");
        }
        // alone it says no more who it is (review 20 A-1), and a Latin word ending in `dc`
        // is no `DC`
        for text in ["DC事業者", "データセンター事業者", "ABCDC事業者が実施"] {
            assert_eq!(
                judge_not_applicable_reason(text),
                Err(NotAReason::PartyUnclear),
                "{text}"
            );
        }
    }

    #[test]
    fn an_internal_audit_basis_alone() {
        for note in [
            "本一覧は内部監査結果に基づく",
            "内部監査結果による",
            "Based on internal audit results",
        ] {
            assert!(internal_audit_basis(note), "{note}");
        }
        for note in [
            "本一覧は自己評価による",
            "本一覧は内部監査及び自己評価に基づく",
            "内部監査結果に基づく（未監査）",
            "Internal audits are performed annually",
        ] {
            assert!(!internal_audit_basis(note), "{note}");
        }
    }

    #[test]
    fn a_requirement_is_no_cause() {
        for text in [
            "入退室の記録を管理しなければならない",
            "利用者が利用する情報へのアクセスを制限すること",
            "Access to premises shall not be granted without approval",
        ] {
            assert!(!states_a_cause(text), "{text}");
        }
        for text in [
            "お客様が鍵を管理する",
            "利用者責任",
            "managed by the tenant",
        ] {
            assert!(states_a_cause(text), "{text}");
        }
    }
}
