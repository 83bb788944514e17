//! Reviews carried forward (`report --review PREVIOUS`): the decisions and comments of a
//! previous gap report, matched to the new report's items by id, and what changed since.
use std::borrow::Cow;
use std::collections::HashMap;

use serde::{Serialize, Serializer};

use crate::analysis::gap::{GapReport, ItemResult, Warning};
use crate::analysis::Status;
use crate::lang::Lang;

/// The reviewer's decision on an additional procedure, as the drop-down offers it, or
/// what was typed instead (kept as written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Needed,
    NotNeeded,
    UnderReview,
    Other(String),
}

impl Decision {
    /// A decision cell: one of the drop-down's choices in either language, else the text
    /// as written; `None` when empty.
    pub fn parse(text: &str) -> Option<Decision> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let key = crate::text::fold_width(text).to_lowercase();
        Some(match key.as_str() {
            "要" | "needed" => Decision::Needed,
            "不要" | "not needed" => Decision::NotNeeded,
            "検討中" | "under review" => Decision::UnderReview,
            _ => Decision::Other(text.to_owned()),
        })
    }

    /// The decision as the drop-down of a workbook in `lang` offers it.
    pub fn label(&self, lang: Lang) -> Cow<'_, str> {
        let l = |ja, en| Cow::Borrowed(lang.pick(ja, en));
        match self {
            Decision::Needed => l("要", "needed"),
            Decision::NotNeeded => l("不要", "not needed"),
            Decision::UnderReview => l("検討中", "under review"),
            Decision::Other(text) => Cow::Borrowed(text),
        }
    }

    /// `needed`, `not-needed`, `under-review`, or the text as written.
    pub fn code(&self) -> &str {
        match self {
            Decision::Needed => "needed",
            Decision::NotNeeded => "not-needed",
            Decision::UnderReview => "under-review",
            Decision::Other(text) => text,
        }
    }
}

impl Serialize for Decision {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// One item of the previous report, as its gap sheet or CSV holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviousItem {
    /// Its row in the previous report (the header is row 1).
    pub row: usize,
    pub id: String,
    pub title: String,
    /// The references cell as written (the item's references joined by `, `).
    pub references: String,
    /// The risk, required assurance and note cells as written (in the previous report's
    /// language): what the item asks, which a decision was made for; `None` when the sheet
    /// lacks the column ([`Previous::unread`]).
    pub risk: Option<String>,
    pub assurance: Option<String>,
    pub note: Option<String>,
    pub status: Status,
    /// Reason codes, as written (a code an older version wrote is kept as it is).
    pub reasons: Vec<String>,
    /// The gap cells as written, in [`GapKind::ALL`] order: missing (with what the list
    /// states of each), not applicable (with the reason), annex only, unresolved.
    pub gaps: [String; 5],
    pub decision: Option<Decision>,
    pub comment: String,
}

/// What the previous report was made for, as its workbook's summary states it (a CSV
/// states none of it); each `None` when the summary does not say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PreviousContext {
    /// The CSP as that report named it (its list's file name when the list named none).
    pub csp: Option<String>,
    /// The CSP list's file name (the CSP's name too when the list named none).
    pub csp_list: Option<String>,
    pub registration_number: Option<String>,
    /// The catalog's name and version.
    pub catalog: Option<String>,
    /// The check list's file name (with its sheets).
    pub checks: Option<String>,
}

/// The previous report: its file name, the sheet read, its items (ids unique), what it
/// was made for, and the rows below its items that were not read.
#[derive(Debug, Clone)]
pub struct Previous {
    pub source: String,
    /// The gap sheet read (a workbook).
    pub sheet: Option<String>,
    /// The language of its headers, in which its gap cells are written.
    pub lang: Lang,
    pub items: Vec<PreviousItem>,
    /// `None` for a CSV, or a workbook without its summary sheet.
    pub context: Option<PreviousContext>,
    /// Rows below the last item with text but no status (a total, a footnote): not items.
    pub skipped_rows: Vec<usize>,
    /// The columns of what an item asks (risk, required assurance, note) the sheet lacks,
    /// by their headers (deleted since it was written): whether those changed cannot be
    /// told, so every decision carried is marked re-review.
    pub unread: Vec<String>,
}

/// What changed for an item since the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    /// Not in the previous report.
    New,
    /// Same status, same reasons.
    Unchanged,
    /// Another status (the previous one in [`ItemReview::previous_status`]).
    StatusChanged,
    /// Same status, other reasons.
    ReasonsChanged,
    /// Same status and reasons, other gaps: other controls missing (or stated otherwise),
    /// excluded (or for another reason), in an annex only, or unresolved.
    GapsChanged,
    /// Another title, other references, or another ask (risk, required assurance, note)
    /// under the same id: not the item that was reviewed, or not what it asked (its status
    /// may have changed too: [`ItemReview::previous_status`]).
    ItemChanged,
}

impl Change {
    /// Whether a decision made before this change needs another look.
    pub fn verdict_changed(self) -> bool {
        matches!(
            self,
            Change::StatusChanged
                | Change::ReasonsChanged
                | Change::GapsChanged
                | Change::ItemChanged
        )
    }
}

/// A gap column of the per-item sheet, as a review compares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GapKind {
    /// Not listed, not implemented, planned (with what the list states of each).
    Missing,
    /// Excluded, with the reason.
    NotApplicable,
    AnnexOnly,
    Unresolved,
    /// The CSP's own words the procedures quote ([`csp_words`]): its remark or evidence on
    /// an implemented control, its words beside one it states not implemented or planned.
    /// A decision made on the old words does not cover new ones (`特権IDは申請・承認後に付与`
    /// → `一時停止中`).
    CspWords,
}

impl GapKind {
    pub const ALL: [GapKind; 5] = [
        GapKind::Missing,
        GapKind::NotApplicable,
        GapKind::AnnexOnly,
        GapKind::Unresolved,
        GapKind::CspWords,
    ];

    /// The short name in a change label.
    fn label(self, lang: Lang) -> &'static str {
        match self {
            GapKind::Missing => lang.pick("不足", "missing"),
            GapKind::NotApplicable => lang.pick("非該当", "not applicable"),
            GapKind::AnnexOnly => lang.pick("別添", "annex only"),
            GapKind::Unresolved => lang.pick("未解決", "unresolved"),
            GapKind::CspWords => lang.pick("CSPの記載", "the CSP's words"),
        }
    }
}

/// A gap column that differs from the previous report's: both cells as written (in the
/// previous report's language).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GapChange {
    pub kind: GapKind,
    pub previous: String,
    pub current: String,
}

/// The CSP's own words a procedures cell quotes (its remark or evidence on an implemented
/// control, its words beside one it states not implemented or planned), one a line, in
/// the cell's order: the quotes (`「…」`, `'…'`) of each `・` line opening as one of
/// [`crate::analysis::procedures::quoting_openings`] in either language, so that a
/// report in one language compares with a review in the other. The rest of the cell is
/// the tool's wording, which a review does not compare.
pub fn csp_words(procedures: &str) -> String {
    let openings: Vec<&str> = [Lang::Ja, Lang::En]
        .into_iter()
        .flat_map(crate::analysis::procedures::quoting_openings)
        .collect();
    // each quoting procedure with the lines a quote runs over
    let mut quoting: Vec<String> = Vec::new();
    let mut within = false;
    for line in procedures.lines() {
        if let Some(text) = line.strip_prefix('・') {
            within = openings.iter().any(|o| text.starts_with(o));
            if within {
                quoting.push(text.to_owned());
                continue;
            }
        }
        if within {
            if let Some(last) = quoting.last_mut() {
                last.push('\n');
                last.push_str(line);
            }
        }
    }
    let mut words: Vec<&str> = Vec::new();
    for text in &quoting {
        words.extend(quotes(text));
    }
    words.join("\n")
}

/// The quoted parts of a procedure's text: `「…」` (nested ones kept inside), and `'…'`
/// opened after `(` or `: ` and closed before `)` or `, of ` (the English wording).
fn quotes(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '「' => {
                if depth == 0 {
                    start = i + c.len_utf8();
                }
                depth += 1;
            }
            '」' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(&text[start..i]);
                }
            }
            _ => {}
        }
    }
    let mut rest = text;
    loop {
        let open = ["('", ": '"]
            .iter()
            .filter_map(|o| rest.find(o).map(|i| i + o.len()))
            .min();
        let Some(open) = open else { break };
        let after = &rest[open..];
        let close = ["')", "', of "].iter().filter_map(|c| after.find(c)).min();
        let Some(close) = close else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

/// The entries of a gap cell (split at commas and line breaks outside brackets), each
/// trimmed.
fn entries(cell: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    for (i, ch) in cell.char_indices() {
        match ch {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            ',' | '\n' if depth == 0 => {
                out.push(&cell[start..i]);
                start = i + ch.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&cell[start..]);
    out.into_iter()
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .collect()
}

/// The ids (or references) of a gap cell: each entry without what follows in brackets.
fn entry_ids(cell: &str) -> Vec<&str> {
    entries(cell)
        .into_iter()
        .map(|e| e.split(" (").next().unwrap_or(e).trim())
        .collect()
}

impl GapChange {
    /// `9.2.4 → 9.2.2` (the ids when they differ, else the entries as written), `—` for
    /// none.
    fn describe(&self, lang: Lang) -> String {
        let side = |v: Vec<&str>| {
            if v.is_empty() {
                "—".to_owned()
            } else {
                v.join(", ")
            }
        };
        let (before, now) = (entry_ids(&self.previous), entry_ids(&self.current));
        let (before, now) = if before == now {
            (entries(&self.previous), entries(&self.current))
        } else {
            (before, now)
        };
        format!(
            "{}: {} → {}",
            self.kind.label(lang),
            side(before),
            side(now)
        )
    }
}

/// What the previous report was made for that differs from this one's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContextKind {
    /// Another CSP (registration number, else name; an unnamed list by its file name):
    /// every decision carried is marked re-review.
    Csp,
    /// Another catalog (name or version): every decision carried is marked re-review.
    Catalog,
    /// Another check list (file or sheets): items are compared one by one (title,
    /// references and what they ask), nothing more is marked.
    CheckList,
    /// The previous report does not say what it was made for (a CSV, a workbook without
    /// its summary): nothing is marked, the warning asks to check it.
    Unknown,
    /// The previous report's gap sheet lacks a column of what an item asks (risk,
    /// required assurance, note: deleted since): whether the ask a decision was made for
    /// changed cannot be told, so every decision carried is marked re-review (review 24
    /// B-2).
    ColumnsMissing,
}

impl ContextKind {
    /// Whether every decision carried from a report that differs so is to be looked at
    /// again.
    pub fn marks_all(self) -> bool {
        matches!(
            self,
            ContextKind::Csp | ContextKind::Catalog | ContextKind::ColumnsMissing
        )
    }
}

/// A difference between what the previous report and this one were made for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContextChange {
    pub what: ContextKind,
    /// As the previous report states it (`None` when it does not).
    pub previous: Option<String>,
    pub current: String,
    /// Another CSP told apart only by its list's file name (one of the lists names no CSP
    /// and gives no registration number).
    #[serde(skip)]
    pub unnamed: bool,
}

/// An item's review: what changed since, and the decision and comment carried forward.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemReview {
    pub change: Change,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_status: Option<Status>,
    /// The previous reason codes, when they differ from the current ones.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub previous_reasons: Vec<String>,
    /// The previous title, when it differs from the current one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_title: Option<String>,
    /// The previous references (the references cell as written: joined by `, `, by
    /// column for several references columns), when they differ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_references: Option<String>,
    /// The previous risk, required assurance and note (as written), each when it differs:
    /// the decision was made for another ask (`保証報告(SOC2)` → `個別監査`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_risk: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_assurance: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_note: Option<String>,
    /// The gap columns that differ from the previous report's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub previous_gaps: Vec<GapChange>,
    pub decision: Option<Decision>,
    pub comment: Option<String>,
    /// The item or its verdict changed after a decision or comment was made, or the
    /// previous report was made for another CSP or catalog: look again (the old decision
    /// is kept).
    pub re_review: bool,
    /// Set when the decision is marked because the previous report was made for another
    /// CSP or catalog (whatever changed in the item).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub re_review_context: Option<ContextKind>,
}

impl ItemReview {
    /// What changed, in words, for an item now `current`: `status changed (covered →
    /// partial)`, with ` — re-review` when the verdict changed after a decision.
    pub fn change_label(&self, current: Status, lang: Lang) -> String {
        let l = |ja, en| lang.pick(ja, en);
        // a column with its previous cell (empty as `—`): `リスク(前回 低)`, `risk (was low)`
        let was = |what: &str, before: &str| {
            let before = Some(before.trim()).filter(|b| !b.is_empty()).unwrap_or("—");
            match lang {
                Lang::Ja => format!("{what}(前回 {before})"),
                Lang::En => format!("{what} (was {before})"),
            }
        };
        let status_change = |from: Option<Status>| {
            format!(
                "{} → {}",
                from.map_or("?", |s| s.label(lang)),
                current.label(lang)
            )
        };
        let mut out = match (self.change, self.previous_status) {
            (Change::New, _) => l("新規", "new").to_owned(),
            (Change::Unchanged, _) => l("変化なし", "unchanged").to_owned(),
            (Change::ReasonsChanged, _) => l("理由の変化", "reasons changed").to_owned(),
            (Change::GapsChanged, _) => {
                let what: Vec<String> = self
                    .previous_gaps
                    .iter()
                    .map(|g| g.describe(lang))
                    .collect();
                format!(
                    "{} ({})",
                    l("不足等の変化", "gaps changed"),
                    what.join("; ")
                )
            }
            (Change::StatusChanged, from) => format!(
                "{} ({})",
                l("判定の変化", "status changed"),
                status_change(from)
            ),
            (Change::ItemChanged, from) => {
                let mut what: Vec<String> = Vec::new();
                if self.previous_title.is_some() {
                    what.push(l("確認項目", "title").to_owned());
                }
                if self.previous_references.is_some() {
                    what.push(l("参照", "references").to_owned());
                }
                if let Some(before) = &self.previous_risk {
                    what.push(was(l("リスク", "risk"), before));
                }
                if let Some(before) = &self.previous_assurance {
                    what.push(was(l("求める確認水準", "assurance"), before));
                }
                if self.previous_note.is_some() {
                    what.push(l("備考", "note").to_owned());
                }
                if from.is_some() {
                    what.push(status_change(from));
                }
                format!(
                    "{} ({})",
                    l("確認項目の変化", "item changed"),
                    what.join(l("・", ", "))
                )
            }
        };
        if self.re_review {
            out.push_str(l(" — 要再レビュー", " — re-review"));
            match self.re_review_context {
                Some(ContextKind::Csp) => {
                    out.push_str(l("(前回は別のCSP)", " (previous review for another CSP)"))
                }
                Some(ContextKind::Catalog) => out.push_str(l(
                    "(前回は別のカタログ)",
                    " (previous review on another catalog)",
                )),
                Some(ContextKind::ColumnsMissing) => out.push_str(l(
                    "(前回のレビューに列がない)",
                    " (the previous review lacks columns)",
                )),
                _ => {}
            }
        }
        out
    }
}

/// An item of the previous report that the new one no longer has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RemovedItem {
    pub id: String,
    pub title: String,
    pub status: Status,
    pub decision: Option<Decision>,
    pub comment: Option<String>,
}

/// The review carried forward: where from, what it was made for that differs, how many
/// items changed how, and the items removed since.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReviewSummary {
    pub source: String,
    /// The gap sheet read (a workbook).
    pub sheet: Option<String>,
    /// What the previous report was made for that differs from this one (or that it does
    /// not say).
    pub context_changes: Vec<ContextChange>,
    /// Rows below the previous report's items that were not read (a total, a footnote).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped_rows: Vec<usize>,
    pub new: usize,
    pub removed: usize,
    pub status_changed: usize,
    pub reasons_changed: usize,
    pub gaps_changed: usize,
    pub item_changed: usize,
    pub unchanged: usize,
    /// Items whose verdict changed after a decision or comment.
    pub re_review: usize,
    /// Items whose decision or comment was carried forward.
    pub carried: usize,
    pub removed_items: Vec<RemovedItem>,
}

impl ReviewSummary {
    /// Where the review was read from: `previous.xlsx [ギャップ]`, `previous.csv`.
    pub fn origin(&self) -> String {
        match &self.sheet {
            Some(sheet) => format!("{} [{sheet}]", self.source),
            None => self.source.clone(),
        }
    }

    /// The rows of the previous report below its items that were not read, in words;
    /// `None` when there are none.
    pub fn skipped_text(&self, lang: Lang) -> Option<String> {
        if self.skipped_rows.is_empty() {
            return None;
        }
        let rows: Vec<String> = self.skipped_rows.iter().map(usize::to_string).collect();
        let rows = rows.join(", ");
        Some(match lang {
            Lang::Ja => format!("最後の項目より下の行 {rows} は判定がないため読んでいません"),
            Lang::En => {
                format!("row(s) {rows} below the last item have no status and were not read")
            }
        })
    }

    /// The counts in one line: `new 1 · removed 1 · status changed 2 · …`.
    pub fn counts_line(&self, lang: Lang) -> String {
        let l = |ja, en| lang.pick(ja, en);
        format!(
            "{} {} · {} {} · {} {} · {} {} · {} {} · {} {} · {} {} — {} {}, {} {}",
            l("新規", "new"),
            self.new,
            l("削除", "removed"),
            self.removed,
            l("判定の変化", "status changed"),
            self.status_changed,
            l("理由の変化", "reasons changed"),
            self.reasons_changed,
            l("不足等の変化", "gaps changed"),
            self.gaps_changed,
            l("確認項目の変化", "item changed"),
            self.item_changed,
            l("変化なし", "unchanged"),
            self.unchanged,
            l("引き継いだ判断・コメント", "decisions and comments carried"),
            self.carried,
            l("要再レビュー", "re-review"),
            self.re_review,
        )
    }
}

/// An id as a review matches it: a character CP932 lacks as the look-alike CP932 writes
/// for it (`1−1` as `1－1`), as [`same_text`] compares text.
fn id_key(id: &str) -> Cow<'_, str> {
    crate::input::decode::cp932_best_fit(id)
}

/// Text compared as a reviewer reads it: runs of spaces and line breaks count as one, and
/// a character CP932 lacks as the look-alike CP932 writes for it (`〜` as `～`, `—` as `―`,
/// [`crate::input::decode::cp932_best_fit`]): the tool's own `--output-encoding cp932`
/// report given back reads as written (review 24 B-4).
fn same_text(a: &str, b: &str) -> bool {
    use crate::input::decode::cp932_best_fit;
    // a CSV cell the report neutralised for Excel (`'-…`, `'=…`) is the text after the quote
    fn plain(s: &str) -> Cow<'_, str> {
        let s = s
            .strip_prefix('\'')
            .filter(|rest| rest.starts_with(['=', '+', '-', '@']))
            .unwrap_or(s);
        cp932_best_fit(s)
    }
    let (a, b) = (plain(a), plain(b));
    a.split_whitespace().eq(b.split_whitespace())
}

/// A name or number compared as a person would: width, case and spaces aside.
fn same_name(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        crate::text::fold_width(s)
            .to_lowercase()
            .split_whitespace()
            .collect::<String>()
    };
    key(a) == key(b)
}

/// A CSP in one line: its name, with its registration number when known.
fn csp_line(name: &str, registration: Option<&str>) -> String {
    match registration {
        Some(n) => format!("{name} ({n})"),
        None => name.to_owned(),
    }
}

/// What the previous report was made for that differs from `report`'s: the CSP (the
/// registration numbers when both are known, else the names, an unnamed list being
/// known by its file name), the catalog, the check list; or that it does not say.
fn context_changes(report: &GapReport, context: Option<&PreviousContext>) -> Vec<ContextChange> {
    let csp = &report.csp;
    let current_csp = csp_line(&csp.name, csp.registry.registration_number.as_deref());
    let unknown = |current: String| ContextChange {
        what: ContextKind::Unknown,
        previous: None,
        current,
        unnamed: false,
    };
    let Some(p) = context else {
        return vec![unknown(current_csp)];
    };
    let mut out = Vec::new();
    let same_csp = match (&p.registration_number, &csp.registry.registration_number) {
        (Some(before), Some(now)) => Some(same_name(before, now)),
        _ => p.csp.as_deref().map(|before| same_name(before, &csp.name)),
    };
    match (same_csp, &p.csp) {
        (Some(true), _) => {}
        (Some(false), Some(before)) => out.push(ContextChange {
            what: ContextKind::Csp,
            previous: Some(csp_line(before, p.registration_number.as_deref())),
            current: current_csp,
            unnamed: (p.csp == p.csp_list && p.registration_number.is_none())
                || (csp.name == csp.source && csp.registry.registration_number.is_none()),
        }),
        (Some(false), None) => out.push(ContextChange {
            what: ContextKind::Csp,
            previous: p.registration_number.clone(),
            current: current_csp,
            unnamed: false,
        }),
        (None, _) => out.push(unknown(current_csp)),
    }
    let catalog = report.catalog.line();
    if let Some(before) = p.catalog.as_deref().filter(|c| !same_text(c, &catalog)) {
        out.push(ContextChange {
            what: ContextKind::Catalog,
            previous: Some(before.to_owned()),
            current: catalog,
            unnamed: false,
        });
    }
    let checks = report.checks.line();
    if let Some(before) = p.checks.as_deref().filter(|c| !same_text(c, &checks)) {
        out.push(ContextChange {
            what: ContextKind::CheckList,
            previous: Some(before.to_owned()),
            current: checks,
            unnamed: false,
        });
    }
    out
}

/// The warning for a difference in what the previous report was made for.
fn context_warning(change: &ContextChange, origin: &str, lang: Lang) -> Warning {
    let before = change.previous.as_deref().unwrap_or("?");
    let now = &change.current;
    let (code, ja, en) = match change.what {
        ContextKind::Csp => {
            let (ja_more, en_more) = if change.unnamed {
                (
                    "。CSPの名前も登録番号も記載しない一覧はファイル名で区別されます(同じCSPの新しい一覧ならプロファイルに name: か registration_number: を書いてください)",
                    ". A list that names no CSP and gives no registration number is known by its file name (for a new list of the same CSP, give its name: or registration_number: in a profile)",
                )
            } else {
                ("", "")
            };
            (
                "review-other-csp",
                format!("前回のレビュー {origin} は別のCSPについてのものです(前回 {before}、今回 {now}): 引き継いだ判断・コメントはすべて要再レビューとします{ja_more}"),
                format!("The previous review {origin} was made for another CSP ({before}; this report: {now}): every decision and comment carried forward is marked re-review{en_more}"),
            )
        }
        ContextKind::Catalog => (
            "review-other-catalog",
            format!("前回のレビュー {origin} は別のカタログによるものです(前回 {before}、今回 {now}): 引き継いだ判断・コメントはすべて要再レビューとします"),
            format!("The previous review {origin} was made on another catalog ({before}; this report: {now}): every decision and comment carried forward is marked re-review"),
        ),
        ContextKind::CheckList => (
            "review-other-check-list",
            format!("前回のレビュー {origin} は別の確認項目ファイルによるものです(前回 {before}、今回 {now}): 確認項目は項番で対応づけ、確認項目・参照・リスク・求める確認水準・備考が変わったものを要再レビューとします"),
            format!("The previous review {origin} was made from another check list ({before}; this report: {now}): items are matched by id, and one whose title, references, risk, required assurance or note changed is marked re-review"),
        ),
        ContextKind::ColumnsMissing => (
            "review-columns-missing",
            format!("前回のレビュー {origin} のギャップシートには列 {now} がありません: 各項目のリスク・求める確認水準・備考が判断の後に変わったかが分からないため、引き継いだ判断・コメントはすべて要再レビューとします(報告書が書いた列を戻すか、その報告書を指定してください)"),
            format!("The gap sheet of the previous review {origin} lacks the column(s) {now}: whether an item's risk, required assurance or note changed since the decision cannot be told, so every decision and comment carried forward is marked re-review (restore the column(s) as the report wrote them, or give that report)"),
        ),
        ContextKind::Unknown => (
            "review-context-unknown",
            format!("前回のレビュー {origin} には、どのCSP・カタログ・確認項目についてのものかの記載がありません(CSV、または概要シートのないブック): {now} についてのレビューであることを確認してください。確認項目は項番で対応づけ、判定・理由・不足等・確認項目・参照・リスク・求める確認水準・備考だけを比較します"),
            format!("The previous review {origin} does not say which CSP, catalog and check list it was made for (a CSV, or a workbook without its summary sheet): check that it was made for {now}. Items are matched by id and compared by status, reasons, gaps, title, references, risk, required assurance and note only"),
        ),
    };
    Warning {
        code,
        message: match lang {
            Lang::Ja => ja,
            Lang::En => en,
        },
    }
}

/// Carries `previous` into `report`: each item gets its review (by id), the report a
/// summary with the items removed since, and a warning for each difference in what the
/// previous report was made for (another CSP or catalog marks every decision carried
/// re-review). `previous` ids are unique (the reader checks). `gap_cells` writes an
/// item's gap cells (in [`GapKind::ALL`] order) as its sheet does in a language: they are
/// compared with the previous report's as written.
pub fn apply(
    report: &mut GapReport,
    previous: Previous,
    gap_cells: impl Fn(&GapReport, &ItemResult, Lang) -> [String; 5],
) {
    let mut by_id: HashMap<Cow<str>, &PreviousItem> =
        previous.items.iter().map(|p| (id_key(&p.id), p)).collect();
    let mut summary = ReviewSummary {
        source: previous.source.clone(),
        sheet: previous.sheet.clone(),
        context_changes: context_changes(report, previous.context.as_ref()),
        skipped_rows: previous.skipped_rows.clone(),
        ..ReviewSummary::default()
    };
    if !previous.unread.is_empty() {
        let names: Vec<String> = previous.unread.iter().map(|n| format!("'{n}'")).collect();
        summary.context_changes.push(ContextChange {
            what: ContextKind::ColumnsMissing,
            previous: None,
            current: names.join(", "),
            unnamed: false,
        });
    }
    // the first difference that marks every decision: another CSP before another catalog
    let marks_all = summary
        .context_changes
        .iter()
        .map(|c| c.what)
        .find(|w| w.marks_all());
    let origin = summary.origin();
    let lang = report.lang;
    report.warnings.extend(
        summary
            .context_changes
            .iter()
            .map(|c| context_warning(c, &origin, lang)),
    );
    // each item's gaps as the previous report's language writes them
    let ask_lang = previous.lang;
    let current_gaps: Vec<[String; 5]> = report
        .items
        .iter()
        .map(|item| {
            if by_id.contains_key(&id_key(&item.id)) {
                gap_cells(report, item, previous.lang)
            } else {
                Default::default()
            }
        })
        .collect();
    for (item, gaps) in report.items.iter_mut().zip(current_gaps) {
        let review = match by_id.remove(&id_key(&item.id)) {
            None => ItemReview {
                change: Change::New,
                previous_status: None,
                previous_reasons: Vec::new(),
                previous_title: None,
                previous_references: None,
                previous_risk: None,
                previous_assurance: None,
                previous_note: None,
                previous_gaps: Vec::new(),
                decision: None,
                comment: None,
                re_review: false,
                re_review_context: None,
            },
            Some(p) => {
                let mut now: Vec<&str> = item.reasons.iter().map(|r| r.as_str()).collect();
                let mut before: Vec<&str> = p.reasons.iter().map(String::as_str).collect();
                now.sort_unstable();
                before.sort_unstable();
                // as the references cell writes them (by column, for several columns)
                let mut references = String::new();
                item.write_references(&mut references);
                let previous_title = (!same_text(&p.title, &item.title)).then(|| p.title.clone());
                let previous_references =
                    (!same_text(&p.references, &references)).then(|| p.references.clone());
                // what the item asks, as its sheet writes it in the previous report's
                // language: a decision made for another ask carries no further
                let changed = |before: &Option<String>, now: &str| {
                    before.clone().filter(|before| !same_text(before, now))
                };
                let previous_risk = changed(&p.risk, item.risk.map_or("", |r| r.label(ask_lang)));
                let previous_assurance = changed(
                    &p.assurance,
                    item.assurance_read().map_or("", |a| a.label(ask_lang)),
                );
                let previous_note = changed(&p.note, &item.note);
                let previous_gaps: Vec<GapChange> = GapKind::ALL
                    .into_iter()
                    .zip(p.gaps.iter().zip(gaps))
                    .filter(|(_, (before, now))| !same_text(before, now))
                    .map(|(kind, (before, now))| GapChange {
                        kind,
                        previous: before.clone(),
                        current: now,
                    })
                    .collect();
                let change = if previous_title.is_some()
                    || previous_references.is_some()
                    || previous_risk.is_some()
                    || previous_assurance.is_some()
                    || previous_note.is_some()
                {
                    Change::ItemChanged
                } else if p.status != item.status {
                    Change::StatusChanged
                } else if now != before {
                    Change::ReasonsChanged
                } else if !previous_gaps.is_empty() {
                    Change::GapsChanged
                } else {
                    Change::Unchanged
                };
                let comment = Some(p.comment.trim())
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned);
                let reviewed = p.decision.is_some() || comment.is_some();
                let re_review_context = marks_all.filter(|_| reviewed);
                ItemReview {
                    change,
                    previous_status: (p.status != item.status).then_some(p.status),
                    previous_reasons: if now == before {
                        Vec::new()
                    } else {
                        p.reasons.clone()
                    },
                    previous_title,
                    previous_references,
                    previous_risk,
                    previous_assurance,
                    previous_note,
                    previous_gaps,
                    decision: p.decision.clone(),
                    comment,
                    re_review: reviewed
                        && (change.verdict_changed() || re_review_context.is_some()),
                    re_review_context,
                }
            }
        };
        match review.change {
            Change::New => summary.new += 1,
            Change::Unchanged => summary.unchanged += 1,
            Change::StatusChanged => summary.status_changed += 1,
            Change::ReasonsChanged => summary.reasons_changed += 1,
            Change::GapsChanged => summary.gaps_changed += 1,
            Change::ItemChanged => summary.item_changed += 1,
        }
        summary.re_review += usize::from(review.re_review);
        summary.carried += usize::from(review.decision.is_some() || review.comment.is_some());
        item.review = Some(Box::new(review));
    }
    // what is left was removed since, in the previous report's order
    summary.removed_items = previous
        .items
        .iter()
        .filter(|p| by_id.contains_key(&id_key(&p.id)))
        .map(|p| RemovedItem {
            id: p.id.clone(),
            title: p.title.clone(),
            status: p.status,
            decision: p.decision.clone(),
            comment: Some(p.comment.trim())
                .filter(|c| !c.is_empty())
                .map(str::to_owned),
        })
        .collect();
    summary.removed = summary.removed_items.len();
    if let Some(w) = ids_unmatched(report, &previous, &origin)
        .or_else(|| ids_converted(report, &previous, &origin))
    {
        report.warnings.push(w);
    }
    report.review = Some(summary);
}

/// The warning when no id of the previous review is an id of this report (every item new,
/// every previous one removed): nothing is carried, and the likely cause is said — a CSV
/// opened and saved in Excel, which turns ids that look like dates or numbers (`1-1`,
/// `3/4`, `001`, `5.10`) into others.
fn ids_unmatched(report: &GapReport, previous: &Previous, origin: &str) -> Option<Warning> {
    let ids: std::collections::HashSet<Cow<str>> =
        report.items.iter().map(|i| id_key(&i.id)).collect();
    if previous.items.is_empty()
        || report.items.is_empty()
        || previous.items.iter().any(|p| ids.contains(&id_key(&p.id)))
    {
        return None;
    }
    let before = &previous.items[0].id;
    let now = &report.items[0].id;
    let excel = report.items.iter().any(|i| excel_converts(&i.id));
    let (ja_more, en_more) = if excel {
        (
            "。CSVをExcelで開いて保存すると、日付や数値に見える項番(1-1、3/4、001)は変換されます(1月1日、3月4日、1): 前回のCSVは データ → テキストまたはCSVから で項番の列を文字列として開いてください(--format xlsx の出力は文字列のまま開きます)",
            ". Excel converts ids that look like dates or numbers (1-1, 3/4, 001) when it opens a CSV and saves it (Jan 01, 04-Mar, 1): open the CSV through Data → From Text/CSV with the id column as text (an xlsx written with --format xlsx opens as written)",
        )
    } else {
        ("", "")
    };
    Some(Warning {
        code: "review-ids-unmatched",
        message: match report.lang {
            Lang::Ja => format!("前回のレビュー {origin} の項番(例: {before})は、今回の項番(例: {now})のどれとも一致しません: 判断・コメントは一つも引き継がれず、すべての項目が新規、前回の項目はすべて削除として扱われます{ja_more}"),
            Lang::En => format!("No id of the previous review {origin} (e.g. '{before}') is an id of this report (e.g. '{now}'): no decision or comment is carried forward, every item is new and every previous one removed{en_more}"),
        },
    })
}

/// How many of the previous rows whose ids match nothing [`ids_converted`] names.
const UNMATCHED_NAMED: usize = 5;

/// The warning when only some ids of the previous review match nothing and Excel may have
/// converted them: an id of this report not in the review that Excel turns into a date or a
/// number (`1-1`, `001`), or an id of the review that looks like what it turns them into
/// (`1月1日`, `Jan-01`, `1`). Those decisions are not carried (the item is new, the
/// previous row removed): the rows are named, the first [`UNMATCHED_NAMED`] of them.
fn ids_converted(report: &GapReport, previous: &Previous, origin: &str) -> Option<Warning> {
    let now: std::collections::HashSet<Cow<str>> =
        report.items.iter().map(|i| id_key(&i.id)).collect();
    let then: std::collections::HashSet<Cow<str>> =
        previous.items.iter().map(|p| id_key(&p.id)).collect();
    let unmatched: Vec<&PreviousItem> = previous
        .items
        .iter()
        .filter(|p| !now.contains(&id_key(&p.id)))
        .collect();
    let new: Vec<&str> = now
        .iter()
        .filter(|id| !then.contains(*id))
        .map(|id| id.as_ref())
        .collect();
    let excel = new.iter().any(|id| excel_converts(id))
        || unmatched.iter().any(|p| excel_converted(&p.id, &new));
    if unmatched.is_empty() || !excel {
        return None;
    }
    let mut rows: Vec<String> = unmatched
        .iter()
        .take(UNMATCHED_NAMED)
        .map(|p| match report.lang {
            Lang::Ja => format!("{}行目 '{}'", p.row, p.id),
            Lang::En => format!("row {} '{}'", p.row, p.id),
        })
        .collect();
    if unmatched.len() > UNMATCHED_NAMED {
        rows.push("…".to_owned());
    }
    let (n, rows) = (unmatched.len(), rows.join(", "));
    Some(Warning {
        code: "review-ids-unmatched",
        message: match report.lang {
            Lang::Ja => format!("前回のレビュー {origin} の{n}行は項番が今回のどの確認項目とも一致しません({rows}): その判断・コメントは引き継がれず、前回の項目は削除、今回の項目は新規として扱われます。CSVをExcelで開いて保存すると、日付や数値に見える項番(1-1、3/4、001)は変換されます(1月1日、3月4日、1): 前回のCSVは データ → テキストまたはCSVから で項番の列を文字列として開き、項番を元に戻してください(--format xlsx の出力は文字列のまま開きます)"),
            Lang::En => format!("{n} row(s) of the previous review {origin} have ids that are no id of this report ({rows}): their decisions and comments are not carried forward (the previous item counts as removed, this report's as new). Excel converts ids that look like dates or numbers (1-1, 3/4, 001) when it opens a CSV and saves it (Jan 01, 04-Mar, 1): open the CSV through Data → From Text/CSV with the id column as text and restore the ids (an xlsx written with --format xlsx opens as written)"),
        },
    })
}

/// Whether `id` of a previous review looks like what Excel makes of an id when it opens a
/// CSV: a date (`1月1日`, `Jan-01`, `01-Jan`, `3/4/2026`) or a number that one of `new` (the
/// ids of this report not in the review) is with its leading zeros or trailing decimal
/// zeros (`1` of `001`, `5.1` of `5.10`).
fn excel_converted(id: &str, new: &[&str]) -> bool {
    let digits = |p: &str| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    let month = |p: &str| p.len() == 3 && p.bytes().all(|b| b.is_ascii_alphabetic());
    let japanese_date = id
        .strip_suffix('日')
        .and_then(|d| d.split_once('月'))
        .is_some_and(|(m, d)| digits(m) && digits(d));
    let dashed = id
        .split_once(['-', ' '])
        .is_some_and(|(a, b)| (month(a) && digits(b)) || (digits(a) && month(b)));
    let slashed = {
        let parts: Vec<&str> = id.split('/').collect();
        parts.len() == 3 && parts.iter().all(|p| digits(p))
    };
    let number = |s: &str| s.parse::<f64>().ok();
    let renumbered = number(id).is_some_and(|v| {
        new.iter()
            .any(|n| n.bytes().all(|b| b.is_ascii_digit() || b == b'.') && number(n) == Some(v))
    });
    japanese_date || dashed || slashed || renumbered
}

/// Whether Excel, opening a CSV, turns this id into a date or a number: digits joined by
/// `-` or `/` (`1-1`, `3/4`), digits with a leading zero (`001`), a decimal ending in 0
/// (`5.10`).
fn excel_converts(id: &str) -> bool {
    let parts: Vec<&str> = id.split(['-', '/']).collect();
    let digits = |p: &str| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit());
    (parts.len() >= 2 && parts.len() <= 3 && parts.iter().all(|p| digits(p)))
        || (id.len() > 1 && id.starts_with('0') && id.bytes().all(|b| b.is_ascii_digit()))
        || id
            .split_once('.')
            .is_some_and(|(a, b)| digits(a) && digits(b) && b.ends_with('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The CSP's words of a procedures cell, in either language, the tool's wording left
    /// out: the same words give the same text whatever the cell's language.
    #[test]
    fn csp_words_are_the_quotes_of_the_quoting_procedures() {
        let ja = "・CSPの一覧に記載のない統制目標 10.1.2 について確認する\n・CSPは実施とする管理策に備考を付けている: 9.2.3（「一時停止中」）。備考が実施の範囲や時期を限定していないか読んで確認する";
        let en = "・Not in the list you hold: 10.1.2\n・The CSP wrote a remark on what it states implemented: 9.2.3 ('一時停止中'). Read it and confirm it does not limit the implementation's scope or timing";
        assert_eq!(csp_words(ja), "一時停止中");
        assert_eq!(csp_words(en), "一時停止中");
        // a quote over two lines, and nested brackets, kept whole
        let two = "・CSPは実施とする管理策に備考を付けている: 9.2.1（「手順書「AC-01」\n改訂中」）。備考が…";
        assert_eq!(csp_words(two), "手順書「AC-01」\n改訂中");
        // no quoting procedure: nothing
        assert_eq!(csp_words("・Not in the list you hold: 10.1.2"), "");
    }
}
