//! Reviews carried forward (`report --review PREVIOUS`): the decisions and comments of a
//! previous gap report, matched to the new report's items by id, and what changed since.
use std::borrow::Cow;
use std::collections::HashMap;

use serde::{Serialize, Serializer};

use crate::analysis::gap::GapReport;
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
    pub id: String,
    pub title: String,
    pub status: Status,
    /// Reason codes, as written (a code an older version wrote is kept as it is).
    pub reasons: Vec<String>,
    pub decision: Option<Decision>,
    pub comment: String,
}

/// The previous report: its file name and items (ids unique).
#[derive(Debug, Clone, Default)]
pub struct Previous {
    pub source: String,
    pub items: Vec<PreviousItem>,
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
}

impl Change {
    /// Whether a decision made before this change needs another look.
    pub fn verdict_changed(self) -> bool {
        matches!(self, Change::StatusChanged | Change::ReasonsChanged)
    }
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
    pub decision: Option<Decision>,
    pub comment: Option<String>,
    /// The verdict changed after a decision or comment was made: look again (the old
    /// decision is kept).
    pub re_review: bool,
}

impl ItemReview {
    /// What changed, in words, for an item now `current`: `status changed (covered →
    /// partial)`, with ` — re-review` when the verdict changed after a decision.
    pub fn change_label(&self, current: Status, lang: Lang) -> String {
        let l = |ja, en| lang.pick(ja, en);
        let mut out = match (self.change, self.previous_status) {
            (Change::New, _) => l("新規", "new").to_owned(),
            (Change::Unchanged, _) => l("変化なし", "unchanged").to_owned(),
            (Change::ReasonsChanged, _) => l("理由の変化", "reasons changed").to_owned(),
            (Change::StatusChanged, from) => format!(
                "{} ({} → {})",
                l("判定の変化", "status changed"),
                from.map_or("?", |s| s.label(lang)),
                current.label(lang)
            ),
        };
        if self.re_review {
            out.push_str(l(" — 要再レビュー", " — re-review"));
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

/// The review carried forward: where from, how many items changed how, and the items
/// removed since.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReviewSummary {
    pub source: String,
    pub new: usize,
    pub removed: usize,
    pub status_changed: usize,
    pub reasons_changed: usize,
    pub unchanged: usize,
    /// Items whose verdict changed after a decision or comment.
    pub re_review: usize,
    /// Items whose decision or comment was carried forward.
    pub carried: usize,
    pub removed_items: Vec<RemovedItem>,
}

impl ReviewSummary {
    /// The counts in one line: `new 1 · removed 1 · status changed 2 · …`.
    pub fn counts_line(&self, lang: Lang) -> String {
        let l = |ja, en| lang.pick(ja, en);
        format!(
            "{} {} · {} {} · {} {} · {} {} · {} {} — {} {}, {} {}",
            l("新規", "new"),
            self.new,
            l("削除", "removed"),
            self.removed,
            l("判定の変化", "status changed"),
            self.status_changed,
            l("理由の変化", "reasons changed"),
            self.reasons_changed,
            l("変化なし", "unchanged"),
            self.unchanged,
            l("引き継いだ判断・コメント", "decisions and comments carried"),
            self.carried,
            l("要再レビュー", "re-review"),
            self.re_review,
        )
    }
}

/// Carries `previous` into `report`: each item gets its review (by id), the report a
/// summary with the items removed since. `previous` ids are unique (the reader checks).
pub fn apply(report: &mut GapReport, previous: Previous) {
    let mut by_id: HashMap<&str, &PreviousItem> =
        previous.items.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut summary = ReviewSummary {
        source: previous.source.clone(),
        ..ReviewSummary::default()
    };
    for item in report.items.iter_mut() {
        let review = match by_id.remove(item.id.as_str()) {
            None => ItemReview {
                change: Change::New,
                previous_status: None,
                previous_reasons: Vec::new(),
                decision: None,
                comment: None,
                re_review: false,
            },
            Some(p) => {
                let mut now: Vec<&str> = item.reasons.iter().map(|r| r.as_str()).collect();
                let mut before: Vec<&str> = p.reasons.iter().map(String::as_str).collect();
                now.sort_unstable();
                before.sort_unstable();
                let change = if p.status != item.status {
                    Change::StatusChanged
                } else if now != before {
                    Change::ReasonsChanged
                } else {
                    Change::Unchanged
                };
                let comment = Some(p.comment.trim())
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned);
                let reviewed = p.decision.is_some() || comment.is_some();
                ItemReview {
                    change,
                    previous_status: (change == Change::StatusChanged).then_some(p.status),
                    previous_reasons: if now == before {
                        Vec::new()
                    } else {
                        p.reasons.clone()
                    },
                    decision: p.decision.clone(),
                    comment,
                    re_review: reviewed && change.verdict_changed(),
                }
            }
        };
        match review.change {
            Change::New => summary.new += 1,
            Change::Unchanged => summary.unchanged += 1,
            Change::StatusChanged => summary.status_changed += 1,
            Change::ReasonsChanged => summary.reasons_changed += 1,
        }
        summary.re_review += usize::from(review.re_review);
        summary.carried += usize::from(review.decision.is_some() || review.comment.is_some());
        item.review = Some(Box::new(review));
    }
    // what is left was removed since, in the previous report's order
    summary.removed_items = previous
        .items
        .iter()
        .filter(|p| by_id.contains_key(p.id.as_str()))
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
    report.review = Some(summary);
}
