//! A revision history (改訂履歴) written on the sheet of a CSP's list: the document's own
//! record, taken out of the sheet before its table is classified and never read as
//! statuses; a line in it that dates the list after the as-of date, states a registry fact
//! or gives a control a status is refused, never passed over.
use std::borrow::Cow;

use crate::error::InputError;
use crate::input::csp::ids::find_ids;
use crate::input::csp::published::quote;
use crate::input::csp::{classify, page, remarks, vocab};
use crate::input::table::Sheet;
use crate::text::header_key;

/// A heading alone in its row that opens a revision history.
const HEADINGS: &[&str] = &[
    "改訂履歴",
    "改版履歴",
    "変更履歴",
    "更新履歴",
    "改定履歴",
    "revisionhistory",
    "changehistory",
    "documenthistory",
    "versionhistory",
    "changelog",
];

/// Column headers of a revision history: the version (or date) and what changed.
const VERSION: &[&str] = &[
    "版",
    "版数",
    "版番号",
    "改訂番号",
    "改版",
    "バージョン",
    "version",
    "ver",
    "rev",
    "revision",
];
const DATE: &[&str] = &[
    "日付",
    "改訂日",
    "改版日",
    "更新日",
    "変更日",
    "発行日",
    "date",
];
const CONTENT: &[&str] = &[
    "内容",
    "改訂内容",
    "改版内容",
    "変更内容",
    "更新内容",
    "改訂概要",
    "変更概要",
    "概要",
    "摘要",
    "description",
    "changes",
    "change",
    "summary",
];

/// The label of a revision note alone in its row (`改訂: 9.2.4 の状況を更新`).
const NOTE_LABELS: &[&str] = &[
    "改訂",
    "改版",
    "改定",
    "改訂内容",
    "変更内容",
    "更新内容",
    "変更点",
    "revision",
];

fn filled(row: &[String]) -> Vec<&str> {
    row.iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect()
}

/// Whether a row opens a revision history: its heading alone (`改訂履歴`, `【変更履歴】`), or
/// the history's own header (`版 | 日付 | 内容`: a version or a date, and what changed).
fn opens_history(row: &[String]) -> bool {
    let cells = filled(row);
    if let [one] = cells.as_slice() {
        if HEADINGS.contains(&&*header_key(one)) {
            return true;
        }
    }
    let keys: Vec<Cow<str>> = cells.iter().map(|c| header_key(c)).collect();
    let has = |words: &[&str]| keys.iter().any(|k| words.contains(&&**k));
    (has(VERSION) || has(DATE)) && has(CONTENT)
}

/// Whether a row is a revision note alone in its row: `改訂: …`, `変更内容：…`.
fn is_revision_note(row: &[String]) -> bool {
    let cells = filled(row);
    let [one] = cells.as_slice() else {
        return false;
    };
    let folded = crate::text::fold_width(one);
    folded.split_once(':').is_some_and(|(label, rest)| {
        NOTE_LABELS.contains(&&*header_key(label)) && !rest.trim().is_empty()
    })
}

/// The rows (0-based) of `sheet` that are a revision history: a block opened by its heading
/// or its header, up to a blank row or the table's own header (a row naming the id column),
/// and a revision note alone in its row.
fn history_rows(sheet: &Sheet) -> Vec<usize> {
    let mut out = Vec::new();
    let mut in_block = false;
    for (i, row) in sheet.rows.iter().enumerate() {
        let cells = filled(row);
        if cells.is_empty() || cells.iter().any(|c| classify::is_id_header(c)) {
            in_block = false;
            continue;
        }
        if in_block || opens_history(row) {
            in_block = true;
            out.push(i);
        } else if is_revision_note(row) {
            out.push(i);
        }
    }
    out
}

/// `sheet` with its revision history blanked (its rows kept, so every row keeps its number),
/// after refusing a line of it that states what the list cannot be read without: a date
/// after `as_of` (a revision made later: the list states what held then), a registry fact,
/// or a status given a control (`9.2.4 を未実施に変更`: the table's row states its status).
/// The sheet itself when it has no revision history.
pub fn without_history(
    sheet: &Sheet,
    as_of: crate::date::Date,
) -> Result<Cow<'_, Sheet>, InputError> {
    let rows = history_rows(sheet);
    if rows.is_empty() {
        return Ok(Cow::Borrowed(sheet));
    }
    for &i in &rows {
        let row = &sheet.rows[i];
        let text = crate::text::join_filled(row.iter().map(String::as_str));
        let c = row.iter().position(|c| !c.trim().is_empty()).unwrap_or(0);
        let at = sheet
            .location()
            .row(i + 1)
            .column(crate::input::column_letter(c));
        if let Some(q) = remarks::document_dated_later(&text, as_of) {
            return Err(InputError::at(
                at,
                format!(
                    "the line '{}' {}: the list's statements are not read as implemented",
                    quote(&text),
                    q.what()
                ),
            )
            .hint(q.hint()));
        }
        if page::registry_fact(row).is_some() {
            return Err(InputError::at(
                at,
                format!(
                    "'{}' in the revision history is a fact of the ISMAP list entry, which is not read from a table: it is not passed over either",
                    quote(&text)
                ),
            )
            .hint(super::FOR_FACTS_IN_A_TABLE));
        }
        let named = find_ids(&text)
            .0
            .into_iter()
            .find(|t| t.kind.is_control())
            .map(|t| t.raw);
        let status = vocab::status_words(&text)
            .into_iter()
            .find(|w| w.states.is_some())
            .map(|w| w.word.to_owned())
            .or_else(|| {
                remarks::qualifiers_in(&text)
                    .into_iter()
                    .next()
                    .map(|q| q.word)
            })
            .or_else(|| vocab::negation_in(&text));
        if let (Some(id), Some(word)) = (named, status) {
            return Err(InputError::at(
                at,
                format!(
                    "the line '{}' of the revision history gives {id} a status ('{word}'): a revision history is not read as statuses, and the line is not passed over either",
                    quote(&text)
                ),
            )
            .hint(FOR_STATUS_IN_HISTORY));
        }
    }
    let mut blanked = sheet.clone();
    for i in rows {
        for c in &mut blanked.rows[i] {
            c.clear();
        }
    }
    Ok(Cow::Owned(blanked))
}

/// The hint for a revision-history line giving a control a status.
const FOR_STATUS_IN_HISTORY: &str = "state the control's status in its row of the table; keep the history to what was revised (改訂: 9.2.4 の記載を更新), or remove the line";

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
                .collect(),
            ..Sheet::default()
        }
    }

    #[test]
    fn a_history_block_and_a_revision_note_are_the_documents() {
        let s = sheet(&[
            &["管理策一覧"],
            &["改訂履歴"],
            &["版", "日付", "内容"],
            &["1.0", "2025-01-10", "初版"],
            &["1.1", "2025-06-01", "9.2.4 の記載を更新"],
            &[""],
            &["改訂: 9.2.4 の状況を更新"],
            &["管理策番号", "実施状況"],
            &["9.2.4", "実施"],
        ]);
        assert_eq!(history_rows(&s), [1, 2, 3, 4, 6]);
        // a header row of the history alone opens it too
        let s = sheet(&[
            &["版数", "改訂日", "改訂内容"],
            &["第1版", "2025-01-10", "初版作成"],
            &["管理策番号", "実施状況"],
            &["9.2.4", "実施"],
        ]);
        assert_eq!(history_rows(&s), [0, 1]);
    }

    #[test]
    fn ordinary_rows_are_no_history() {
        let s = sheet(&[
            &["登録区分: ISMAP"],
            &["管理策一覧（サンプルSaaS）"],
            &["作成日: 2025-04-01"],
            &["管理策番号", "実施状況", "備考"],
            &["9.2.4", "実施", "改訂: 手順書を更新"],
        ]);
        assert!(history_rows(&s).is_empty());
    }
}
