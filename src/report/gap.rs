//! The gap report in every format, from the one [`GapReport`] model.
use std::io::Write;

use crate::analysis::csp::Registration;
#[cfg(doc)]
use crate::analysis::gap::CatalogInfo;
use crate::analysis::gap::{
    details_only_subject, ChecksInfo, ControlState, CspInfo, Exclusion, GapReport, ItemDetails,
    ItemResult, Reason, Reasons, ServiceRegistration, UnresolvedRef,
};
use crate::analysis::procedures::Procedure;
use crate::analysis::registration::{Registry, ScopeCompared, UnderlyingInfo};
use crate::analysis::Status;
use crate::catalog::edition::DecidedBy;
use crate::catalog::EditionDecision;
use crate::date::Date;
use crate::lang::Lang;
use crate::model::{ReadAs, ReadKind, ReadPart};
use crate::report::grid::{Grid, Tone};
use crate::report::{csv, markdown, table, write_json, write_yaml, Cells, Format, TextStyle};
use crate::text::strip_controls;

/// Column headers of the per-item sheet (CSV, xlsx), in the report's language.
pub fn item_headers(lang: Lang) -> Vec<&'static str> {
    let l = |ja, en| lang.pick(ja, en);
    vec![
        l("項番", "id"),
        l("確認項目", "title"),
        l("判定", "status"),
        l("リスク", "risk"),
        l("求める確認水準", "assurance"),
        l("参照", "references"),
        l("対応する統制目標・詳細管理策", "controls"),
        l("実施", "implemented"),
        l(
            "不足(記載なし・未実施・計画中)",
            "missing (not listed / not implemented / planned)",
        ),
        l("非該当(理由)", "not applicable (reason)"),
        l("別添で確認", "annex only"),
        l("未解決の参照", "unresolved"),
        l("理由コード", "reasons"),
        l("追加手続", "additional procedures"),
        l("備考", "note"),
        l("行", "row"),
    ]
}

fn join<S: AsRef<str>>(v: &[S]) -> String {
    let mut out = String::new();
    join_into(&mut out, v.iter(), ", ");
    out
}

/// " (via IaaS)" / " (IaaS経由)": the provenance of an inherited control.
pub fn inherited_label(via: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(" ({via}経由)"),
        Lang::En => format!(" (via {via})"),
    }
}

/// Header of the column that says what changed since a review (`--review`).
pub fn review_change_header(lang: Lang) -> &'static str {
    lang.pick("前回からの変化", "change since review")
}

/// Every header the tool gives a column of the per-item sheet (CSV or workbook), in
/// `lang`: an input column may not take one of them.
fn our_headers(lang: Lang) -> Vec<&'static str> {
    let mut ours = item_headers(lang);
    ours.extend(reviewer_headers(lang));
    ours.push(review_change_header(lang));
    ours.extend(workbook_headers(lang));
    ours.extend(csv_basis_headers(lang));
    ours
}

/// Headers of the columns only the workbook's gap sheet has: the reasons in words (the
/// codes stay in the reasons column), and the status code (for filtering whatever the
/// language).
pub fn workbook_headers(lang: Lang) -> [&'static str; 2] {
    [
        lang.pick("理由", "reasons (in words)"),
        lang.pick("判定コード", "status code"),
    ]
}

/// Headers of the per-item sheet: [`item_headers`], then the carried-through columns.
pub fn item_sheet_headers(report: &GapReport) -> Vec<String> {
    let lang = report.lang;
    let ours = our_headers(lang);
    let mut headers: Vec<String> = item_headers(lang).iter().map(|h| (*h).to_owned()).collect();
    // a column of the input named like one of ours (`status`, `行`) is marked as the
    // input's, so that no two columns of the output share a name
    headers.extend(report.checks.extra_columns.iter().map(|name| {
        if ours.iter().any(|h| h.eq_ignore_ascii_case(name.trim())) {
            format!("{name}{}", lang.pick("（入力）", " (input)"))
        } else {
            name.clone()
        }
    }));
    headers
}

/// Index of the status cell in [`item_headers`] (the one coloured by the status).
pub const STATUS_COLUMN: usize = col::STATUS;
/// Index of the input row number in [`item_headers`].
pub const ROW_COLUMN: usize = col::ROW;

/// The index of each cell of [`item_headers`] (and of [`item_cells`]).
pub mod col {
    pub const ID: usize = 0;
    pub const TITLE: usize = 1;
    pub const STATUS: usize = 2;
    pub const RISK: usize = 3;
    pub const ASSURANCE: usize = 4;
    pub const REFERENCES: usize = 5;
    pub const CONTROLS: usize = 6;
    pub const IMPLEMENTED: usize = 7;
    pub const MISSING: usize = 8;
    pub const NOT_APPLICABLE: usize = 9;
    pub const ANNEX: usize = 10;
    pub const UNRESOLVED: usize = 11;
    pub const REASONS: usize = 12;
    pub const PROCEDURES: usize = 13;
    pub const NOTE: usize = 14;
    pub const ROW: usize = 15;
    /// The first column carried through from the input.
    pub const FIRST_EXTRA: usize = 16;
}

/// The reviewer's choices offered in the decision column's drop-down list.
pub fn decision_choices(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Ja => ["要", "不要", "検討中"],
        Lang::En => ["needed", "not needed", "under review"],
    }
}

/// Headers of the two columns left for the reviewer: the decision, then a comment.
pub fn reviewer_headers(lang: Lang) -> [&'static str; 2] {
    [
        lang.pick("追加手続の要否", "Additional procedure needed?"),
        lang.pick("レビューコメント", "Reviewer comment"),
    ]
}

/// One item (with its [`ItemDetails`]) as the cells of [`item_sheet_headers`], each
/// written straight into `out` (a CSV row, or strings a workbook reuses).
pub fn item_cells(
    item: &ItemResult,
    details: &ItemDetails,
    own: Option<Registration>,
    lang: Lang,
    out: &mut impl Cells,
) {
    out.text(&item.id);
    out.text(&item.title);
    out.text(&item_status_label(item, own, lang));
    out.text(item.risk.map_or("", |r| r.label(lang)));
    out.text(item.assurance_read().map_or("", |a| a.label(lang)));
    out.cell(|refs| item.write_references(refs));
    out.cell(|controls| {
        join_with(controls, &details.controls, "\n", |controls, c| {
            controls.push_str(c.id);
            if !c.title.is_empty() {
                controls.push(' ');
                controls.push_str(c.title);
            }
            if let Some(v) = c.via {
                controls.push_str(" ← ");
                controls.push_str(v);
            }
            if c.unverified {
                controls.push_str(lang.pick(" (未検証)", " (unverified)"));
            }
            if let Some(via) = &c.inherited_from {
                controls.push_str(&inherited_label(via, lang));
            }
        })
    });
    out.cell(|implemented| join_into(implemented, &details.implemented, ", "));
    // each id with what the list says of it: not listed is not "not implemented"
    out.cell(|missing| {
        join_with(
            missing,
            details.controls.iter().filter(|c| c.state.is_missing()),
            ", ",
            |missing, c| {
                push_all(missing, [c.id, " (", c.state.label(lang)]);
                // an objective not stated whose details are: what the list says of it
                if let Some(x) = details
                    .not_listed_details
                    .iter()
                    .find(|x| x.objective == c.id)
                {
                    push_all(
                        missing,
                        [lang.pick("; 詳細管理策 ", "; only its detailed controls ")],
                    );
                    join_into(missing, &x.implemented, ", ");
                    missing.push_str(lang.pick(" のみ実施と記載", " stated implemented"));
                }
                // nothing is stated of a control not listed, nor of its objective
                if c.state != ControlState::NotListed {
                    push_stated_as(missing, c.stated_as, lang);
                }
                // what the CSP wrote beside it (a date, a compensating control), as written
                if let Some(words) = details.missing_remark(c) {
                    push_all(missing, [": ", words]);
                }
                missing.push(')');
            },
        )
    });
    out.cell(|na| {
        join_with(na, &details.not_applicable, "\n", |na, x| {
            push_all(na, [x.id, " (", &exclusion_reason(x, lang)]);
            push_stated_as(na, x.stated_as, lang);
            na.push(')');
        })
    });
    out.cell(|annex| join_into(annex, &details.annex_only, ", "));
    out.cell(|unresolved| {
        join_with(unresolved, &details.unresolved, "\n", |unresolved, u| {
            push_unresolved(unresolved, u, lang);
            if !u.suggestions.is_empty() {
                push_all(unresolved, [" (", lang.pick("候補:", "did you mean"), " "]);
                join_into(unresolved, &u.suggestions, ", ");
                unresolved.push(')');
            }
        })
    });
    out.cell(|reasons| join_into(reasons, item.reasons.iter().map(|r| r.as_str()), ", "));
    out.cell(|procedures| procedures_cell_into(procedures, &details.additional_procedures));
    out.text(&item.note);
    out.cell(|row| {
        let mut digits = [0; 20];
        let digits = crate::report::decimal(item.row as u64, &mut digits);
        row.extend(digits.iter().map(|&d| char::from(d)));
    });
    for (_, v) in &item.extra.0 {
        out.text(v);
    }
}

/// The CSP's reason for an exclusion; a text written as one that gives none quoted with
/// why (`「クラウド事業者側の管理策のため」（理由と認めず: …）`); else `理由なし` / `no reason given`.
fn exclusion_reason<'a>(x: &Exclusion<'a>, lang: Lang) -> std::borrow::Cow<'a, str> {
    match (x.reason, x.reason_written, x.reason_not_accepted) {
        ("", Some(text), Some(why)) => std::borrow::Cow::Owned(match lang {
            Lang::Ja => format!("「{text}」{}", why.note(lang)),
            Lang::En => format!("'{text}'{}", why.note(lang)),
        }),
        ("", _, _) => std::borrow::Cow::Borrowed(lang.pick("理由なし", "no reason given")),
        (reason, _, _) => std::borrow::Cow::Borrowed(reason),
    }
}

/// The not-applicable cell with the ids that share a reason on one line, in the order the
/// reasons first appear (`6.1.2, 6.2.1 (当サービスは…)`): what a row too tall for a
/// spreadsheet shows instead of one reason repeated for each id.
pub fn not_applicable_grouped(details: &ItemDetails, lang: Lang) -> String {
    // (reason, the objective it is stated of, the ids)
    let mut groups: Vec<(std::borrow::Cow<str>, Option<&str>, Vec<&str>)> = Vec::new();
    for x in &details.not_applicable {
        let reason = exclusion_reason(x, lang);
        match groups
            .iter_mut()
            .find(|(r, of, _)| *r == reason && *of == x.stated_as)
        {
            Some((_, _, ids)) => ids.push(x.id),
            None => groups.push((reason, x.stated_as, vec![x.id])),
        }
    }
    let mut out = String::new();
    join_with(&mut out, &groups, "\n", |out, (reason, stated_as, ids)| {
        join_into(out, ids, ", ");
        push_all(out, [" (", reason.as_ref()]);
        push_stated_as(out, *stated_as, lang);
        out.push(')');
    });
    out
}

/// A list cell of [`item_cells`] shortened to what a row can show, and how many of its
/// entries it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortened {
    pub text: String,
    pub shown: usize,
    pub total: usize,
}

/// Cell `column` of [`item_cells`], when it is a list (missing, not applicable, controls,
/// implemented, annex only, unresolved), made short enough for `fits`: the exclusions
/// grouped by reason ([`not_applicable_grouped`]); if that is not enough, the first
/// entries that fit followed by `more(n)` for the `n` left out. `None` for a cell that is
/// not a list, or when not even `more(total)` alone fits.
pub fn shortened_cell(
    item: &ItemResult,
    details: &ItemDetails,
    column: usize,
    lang: Lang,
    fits: impl Fn(&str) -> bool,
    more: impl Fn(usize) -> String,
) -> Option<Shortened> {
    // the cell written from `details` with its first `k` entries
    let first = |k: usize| -> String {
        let mut d = details.clone();
        match column {
            col::MISSING => {
                let mut seen = 0;
                d.controls.retain(|c| {
                    let keep = !c.state.is_missing() || seen < k;
                    seen += usize::from(c.state.is_missing());
                    keep
                });
            }
            col::CONTROLS => d.controls.truncate(k),
            col::IMPLEMENTED => d.implemented.truncate(k),
            col::ANNEX => d.annex_only.truncate(k),
            col::UNRESOLVED => d.unresolved.truncate(k),
            col::NOT_APPLICABLE => {
                d.not_applicable.truncate(k);
                return not_applicable_grouped(&d, lang);
            }
            _ => {}
        }
        let mut cells = crate::report::CellStrings::default();
        item_cells(item, &d, None, lang, &mut cells);
        cells.as_slice().get(column).cloned().unwrap_or_default()
    };
    let total = match column {
        col::MISSING => details
            .controls
            .iter()
            .filter(|c| c.state.is_missing())
            .count(),
        col::CONTROLS => details.controls.len(),
        col::IMPLEMENTED => details.implemented.len(),
        col::ANNEX => details.annex_only.len(),
        col::UNRESOLVED => details.unresolved.len(),
        col::NOT_APPLICABLE => details.not_applicable.len(),
        _ => return None,
    };
    let whole = first(total);
    if fits(&whole) {
        return Some(Shortened {
            text: whole,
            shown: total,
            total,
        });
    }
    let with_more = |k: usize| {
        let mut text = first(k);
        if k > 0 {
            text.push('\n');
        }
        text.push_str(&more(total - k));
        text
    };
    // the most entries that fit with the note (fewer entries never take more lines)
    let (mut lo, mut hi) = (0, total - 1);
    if !fits(&with_more(0)) {
        return None;
    }
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(&with_more(mid)) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    Some(Shortened {
        text: with_more(lo),
        shown: lo,
        total,
    })
}

/// An item's gap cells as [`item_cells`] writes them in `lang` (missing, not applicable,
/// annex only, unresolved), then the CSP's words its procedures quote
/// ([`crate::analysis::review::csp_words`]): what `--review` compares with the previous
/// report's.
pub fn gap_cells(report: &GapReport, item: &ItemResult, lang: Lang) -> [String; 5] {
    let mut cells = crate::report::CellStrings::default();
    item_cells(item, &report.items.details(item), None, lang, &mut cells);
    let cells = cells.as_slice();
    let cell = |c: usize| cells.get(c).cloned().unwrap_or_default();
    [
        cell(col::MISSING),
        cell(col::NOT_APPLICABLE),
        cell(col::ANNEX),
        cell(col::UNRESOLVED),
        crate::analysis::review::csp_words(&cell(col::PROCEDURES)),
    ]
}

/// An unresolved reference as every output writes it: the text as written, then why it
/// did not resolve in `lang` (`9.3.2～9.2.1 (両端が…)`).
fn push_unresolved(out: &mut String, u: &UnresolvedRef, lang: Lang) {
    push_all(
        out,
        [
            &u.reference,
            " (",
            crate::messages::translate_static(u.why.describe(), lang),
            ")",
        ],
    );
}

/// `, stated of 9.4.2` after a control's state when the list states it of its objective.
fn push_stated_as(out: &mut String, stated_as: Option<&str>, lang: Lang) {
    if let Some(of) = stated_as {
        push_all(out, [lang.pick("、", ", "), &stated_of(of, lang)]);
    }
}

/// `9.4.2 の記載による` / `stated of 9.4.2`: a state the list states of the objective `of`.
fn stated_of(of: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{of} の記載による"),
        Lang::En => format!("stated of {of}"),
    }
}

/// The procedures cell: one `・` line per procedure.
fn procedures_cell_into(out: &mut String, procedures: &[Procedure]) {
    join_with(out, procedures, "\n", |out, p| {
        out.push('・');
        // writing to a String cannot fail
        let _ = p.write_to(out);
    });
}

/// Appends each of `items`, written by `write`, to `out`, with `sep` between them.
fn join_with<T>(
    out: &mut String,
    items: impl IntoIterator<Item = T>,
    sep: &str,
    mut write: impl FnMut(&mut String, T),
) {
    for (i, x) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        write(out, x);
    }
}

/// Appends each of `parts` to `out`.
fn push_all<const N: usize>(out: &mut String, parts: [&str; N]) {
    for p in parts {
        out.push_str(p);
    }
}

/// Appends `parts` to `out`, with `sep` between them.
fn join_into<S: AsRef<str>>(out: &mut String, parts: impl IntoIterator<Item = S>, sep: &str) {
    join_with(out, parts, sep, |out, p| out.push_str(p.as_ref()));
}

/// The per-item table as CSV, a row at a time: [`item_sheet_headers`], then the
/// reviewer's decision and comment (empty, to be filled in and read back by `--review`,
/// or carried forward), then what changed since the review (`--review` only).
fn write_item_csv(report: &GapReport, style: TextStyle, w: &mut dyn Write) -> anyhow::Result<()> {
    let lang = report.lang;
    let mut headers = item_sheet_headers(report);
    headers.extend(reviewer_headers(lang).map(str::to_owned));
    let review = report.review.is_some();
    if review {
        headers.push(review_change_header(lang).to_owned());
    }
    headers.extend(csv_basis_headers(lang).map(str::to_owned));
    // a lapsed registration on every status cell, as compare's sheet for the CSP says it
    let own = own_void(&report.csp);
    // the same on every row: encoded once
    let basis = csv::Encoded::new(&[
        as_of_text(report),
        report.csp.name.clone(),
        registration_cell(&report.csp.registry, lang),
    ]);
    csv::write_rows(
        &headers,
        style.csv_encoding,
        w,
        &report.items,
        ItemDetails::default,
        |item, details, row| {
            report.items.details_into(item, details);
            item_cells(item, details, own, lang, row);
            let r = item.review.as_deref();
            row.cell(|c| {
                if let Some(d) = r.and_then(|r| r.decision.as_ref()) {
                    c.push_str(&d.label(lang));
                }
            });
            row.text(r.and_then(|r| r.comment.as_deref()).unwrap_or_default());
            if review {
                row.cell(|c| {
                    if let Some(r) = r {
                        c.push_str(&r.change_label(item.status, lang));
                    }
                });
            }
            row.encoded(&basis);
        },
    )
}

/// "label a, b" when there are ids.
fn push_ids(gaps: &mut Vec<String>, label: &str, ids: &[&str]) {
    if !ids.is_empty() {
        gaps.push(format!("{label} {}", join(ids)));
    }
}

/// The short grid for terminals and Markdown: id, title, status, risk, gaps, procedures.
fn short_grid(report: &GapReport) -> Grid {
    let lang = report.lang;
    let l = |ja, en| lang.pick(ja, en);
    let mut g = Grid::new([
        l("項番", "ID"),
        l("確認項目", "Check item"),
        l("判定", "Status"),
        l("リスク", "Risk"),
        l("不足・未解決", "Gaps"),
        l("追加手続", "Additional procedures"),
    ]);
    if report.review.is_some() {
        g.headers
            .push(l("前回からの変化", "Change since review").to_owned());
    }
    g.tone_column = Some(2);
    // one set of lists for every item's details, cleared and refilled
    let mut details = ItemDetails::default();
    for item in &report.items {
        report.items.details_into(item, &mut details);
        let details = &details;
        let mut gaps: Vec<String> = Vec::new();
        // an objective not stated whose details are: what the list says of it (r11 B-10)
        let not_listed: Vec<String> = details
            .not_listed
            .iter()
            .map(|id| {
                match details
                    .not_listed_details
                    .iter()
                    .find(|x| x.objective == *id)
                {
                    Some(x) => details_only_subject(x, lang),
                    None => (*id).to_owned(),
                }
            })
            .collect();
        let not_listed: Vec<&str> = not_listed.iter().map(String::as_str).collect();
        push_ids(&mut gaps, l("記載なし:", "not listed:"), &not_listed);
        // a state stated of the objective says so (`9.4.2.2.B (9.4.2 の記載による)`), and
        // the CSP's words beside it follow (`9.2.1 (2027年度上期に対応予定)`)
        let as_stated = |ids: &[&str]| -> Vec<String> {
            ids.iter()
                .map(|id| {
                    let mut s = (*id).to_owned();
                    let control = details.controls.iter().find(|c| c.id == *id);
                    let of = control
                        .and_then(|c| c.stated_as)
                        .map(|of| stated_of(of, lang));
                    let words = control.and_then(|c| details.missing_remark(c));
                    match (of, words) {
                        (Some(of), Some(w)) => s.push_str(&format!(" ({of}: {w})")),
                        (Some(of), None) => s.push_str(&format!(" ({of})")),
                        (None, Some(w)) => s.push_str(&format!(" ({w})")),
                        (None, None) => {}
                    }
                    s
                })
                .collect()
        };
        let not_implemented = as_stated(&details.not_implemented);
        let planned = as_stated(&details.planned);
        for (label, ids) in [
            (l("未実施:", "not implemented:"), &not_implemented),
            (l("計画中:", "planned:"), &planned),
        ] {
            if !ids.is_empty() {
                gaps.push(format!("{label} {}", ids.join(", ")));
            }
        }
        if item.reasons.contains(&Reason::ListIncomplete) {
            gaps.push(l("(一覧が不完全の可能性)", "(the list may be incomplete)").to_owned());
        }
        for x in &details.not_applicable {
            let label = if x.reason.is_empty() {
                l("非該当(理由なし):", "N/A (no reason):")
            } else {
                l("非該当:", "N/A:")
            };
            // the CSP's reason beside the id: the procedure asks the reader to weigh it
            let mut notes: Vec<String> = Vec::new();
            if let Some(of) = x.stated_as {
                notes.push(stated_of(of, lang));
            }
            if !x.reason.is_empty() || x.reason_written.is_some() {
                notes.push(exclusion_reason(x, lang).into_owned());
            }
            if notes.is_empty() {
                gaps.push(format!("{label} {}", x.id));
            } else {
                gaps.push(format!("{label} {} ({})", x.id, notes.join("; ")));
            }
        }
        push_ids(&mut gaps, l("別添:", "annex:"), &details.annex_only);
        for u in &details.unresolved {
            let mut text = l("未解決: ", "unresolved: ").to_owned();
            push_unresolved(&mut text, u, lang);
            gaps.push(text);
        }
        for n in &details.no_ismap_counterpart {
            let controls: Vec<&str> = n.controls.iter().map(|c| c.control.as_str()).collect();
            gaps.push(format!(
                "{} {} ({})",
                l("ISMAPに対応なし:", "no ISMAP counterpart:"),
                n.reference,
                controls.join(", ")
            ));
        }
        for c in &details.chains {
            gaps.push(format!("{} {c}", l("対応:", "via:")));
        }
        let exact: Vec<&str> = details
            .nist_refs
            .iter()
            .copied()
            .filter(|n| !details.nist_approximate.contains(n))
            .collect();
        push_ids(
            &mut gaps,
            l("NIST近似:", "NIST approx.:"),
            &details.nist_approximate,
        );
        push_ids(&mut gaps, l("NIST:", "NIST:"), &exact);
        push_ids(
            &mut gaps,
            l("登録失効:", "registration lapsed:"),
            &details.registration_lapsed,
        );
        push_ids(
            &mut gaps,
            l("登録日前:", "not yet registered:"),
            &details.registration_not_yet_valid,
        );
        push_ids(
            &mut gaps,
            l("監査対象期間の終了前:", "audit period not ended:"),
            &details.audit_period_not_ended,
        );
        push_ids(&mut gaps, l("ISMAP-LIU:", "ISMAP-LIU:"), &details.ismap_liu);
        // what an assurance-gap for want of the registration kind lacks
        push_ids(
            &mut gaps,
            l(
                "登録区分(ISMAP/ISMAP-LIU)の記載なし:",
                "registration kind (ISMAP or ISMAP-LIU) not stated:",
            ),
            &details.registration_kind_unstated,
        );
        for c in &details.controls {
            if let Some(via) = c.inherited_from {
                gaps.push(format!("{}{}", c.id, inherited_label(via, lang)));
            }
        }
        let mut procs = String::new();
        procedures_cell_into(&mut procs, &details.additional_procedures);
        let mut row = vec![
            item.id.clone(),
            item.title.clone(),
            item_status_label(item, own_void(&report.csp), lang).into_owned(),
            item.risk
                .map(|r| r.label(lang).to_owned())
                .unwrap_or_default(),
            gaps.join("\n"),
            procs,
        ];
        if report.review.is_some() {
            row.push(review_cell(item, lang));
        }
        g.push(row, item.status.into());
    }
    g
}

/// An item's review in one cell (table, Markdown): the change, then the decision and
/// comment carried forward.
fn review_cell(item: &ItemResult, lang: Lang) -> String {
    let Some(r) = &item.review else {
        return String::new();
    };
    let mut out = r.change_label(item.status, lang);
    if let Some(d) = &r.decision {
        out.push_str(&format!(
            "\n{} {}",
            lang.pick("判断:", "decision:"),
            d.label(lang)
        ));
    }
    if let Some(c) = &r.comment {
        out.push_str(&format!("\n{} {c}", lang.pick("コメント:", "comment:")));
    }
    out
}

/// The compact table for a narrow terminal: id, status, risk and the first procedure,
/// shortened to one line (with … when cut, and the number of the others), so that no
/// word is broken across lines.
fn compact_grid(report: &GapReport, width: u16) -> Grid {
    use unicode_width::UnicodeWidthStr;
    let lang = report.lang;
    let l = |ja, en| lang.pick(ja, en);
    let headers = [
        l("項番", "ID"),
        l("判定", "Status"),
        l("リスク", "Risk"),
        l("最初の追加手続", "First additional procedure"),
    ];
    let mut g = Grid::new(headers);
    g.tone_column = Some(1);
    let mut firsts = Vec::with_capacity(report.items.len());
    for item in &report.items {
        let details = report.items.details(item);
        let mut first = String::new();
        if let Some(p) = details.additional_procedures.first() {
            // writing to a String cannot fail
            let _ = p.write_to(&mut first);
        }
        let others = details.additional_procedures.len().saturating_sub(1);
        firsts.push((first, others));
        g.push(
            vec![
                item.id.clone(),
                compact_status_label(item, own_void(&report.csp), lang),
                item.risk
                    .map(|r| r.label(lang).to_owned())
                    .unwrap_or_default(),
                String::new(),
            ],
            item.status.into(),
        );
    }
    // the room the procedure has: what the other columns and the borders leave
    let fixed: usize = (0..3)
        .map(|c| {
            g.rows
                .iter()
                .map(|r| strip_controls(&r[c]).width())
                .chain([headers[c].width()])
                .max()
                .unwrap_or(0)
        })
        .sum();
    let room = usize::from(width).saturating_sub(fixed + 3 * 4 + 1).max(10);
    for (row, (first, others)) in g.rows.iter_mut().zip(firsts) {
        if first.is_empty() {
            continue;
        }
        let more = if others > 0 {
            format!(" (+{others})")
        } else {
            String::new()
        };
        let room = room.saturating_sub(more.width());
        row[3] = format!("{}{more}", table::shorten(&strip_controls(&first), room));
    }
    g
}

/// The items of the review that the check list no longer has (table, Markdown).
fn removed_section(
    report: &GapReport,
    format: Format,
    style: TextStyle,
    w: &mut dyn Write,
) -> anyhow::Result<()> {
    let Some(review) = &report.review else {
        return Ok(());
    };
    if review.removed_items.is_empty() {
        return Ok(());
    }
    let lang = report.lang;
    let mut g = Grid::new(removed_headers(lang));
    g.tone_column = Some(2);
    for item in &review.removed_items {
        g.push(
            vec![
                item.id.clone(),
                item.title.clone(),
                item.status.label(lang).to_owned(),
                item.decision
                    .as_ref()
                    .map(|d| d.label(lang).into_owned())
                    .unwrap_or_default(),
                item.comment.clone().unwrap_or_default(),
            ],
            item.status.into(),
        );
    }
    writeln!(
        w,
        "\n{}",
        lang.pick(
            "前回のレビューから削除された確認項目:",
            "Items removed since the review:"
        )
    )?;
    crate::report::render_grid(&g, format, style, w)
}

/// Headers of the items removed since the review (a sheet, a section).
pub fn removed_headers(lang: Lang) -> [&'static str; 5] {
    let [decision, comment] = reviewer_headers(lang);
    [
        lang.pick("項番", "id"),
        lang.pick("確認項目", "title"),
        lang.pick("前回の判定", "previous status"),
        decision,
        comment,
    ]
}

/// How a CSP list was read, in one line: its kind, and per part (sheet) the columns used
/// (`status table (id column 管理策番号, status column 実施状況)`), then the sheets not read.
pub fn read_as_text(read_as: &ReadAs, lang: Lang) -> String {
    let l = |ja, en| lang.pick(ja, en);
    let part_text = |p: &ReadPart| {
        let mut what = Vec::new();
        if let Some(c) = &p.id_column {
            what.push(format!("{} {c}", l("ID列", "id column")));
        }
        if let Some(c) = &p.status_column {
            what.push(format!("{} {c}", l("状況列", "status column")));
        }
        // one column per part of the service, one read (review 23 C-2)
        if let (Some(c), false) = (&p.status_column, p.other_parts.is_empty()) {
            what.push(match lang {
                Lang::Ja => format!(
                    "サービスの一部の列: 確認項目は {c} についてのみ判定, 読んでいない列: {}",
                    p.other_parts.join(", ")
                ),
                _ => format!(
                    "a part of the service: items are judged for {c} only, not read: {}",
                    p.other_parts.join(", ")
                ),
            });
        }
        if let Some(d) = p.stated_by_sheet_name {
            what.push(format!(
                "{} {}",
                l("シート名により全IDを", "every id, by the sheet's name,"),
                d.label(lang)
            ));
        }
        match what.is_empty() {
            true => String::new(),
            false => format!(" ({})", what.join(", ")),
        }
    };
    let mut out = read_as.kind.label(lang).to_owned();
    match read_as.parts.as_slice() {
        [one] if one.sheet.is_none() => out.push_str(&part_text(one)),
        parts => {
            let sheets: Vec<String> = parts
                .iter()
                .map(|p| {
                    let kind = if read_as.kind == ReadKind::Mixed {
                        format!(" {}", p.kind.label(lang))
                    } else {
                        String::new()
                    };
                    format!(
                        "{} '{}'{kind}{}",
                        l("シート", "sheet"),
                        p.sheet.as_deref().unwrap_or(""),
                        part_text(p)
                    )
                })
                .collect();
            if !sheets.is_empty() {
                out.push_str(&format!(" — {}", sheets.join("; ")));
            }
        }
    }
    if !read_as.fields.is_empty() {
        let fields: Vec<&str> = read_as.fields.iter().map(|f| f.label(lang)).collect();
        out.push_str(&format!(
            "; {} {}",
            if read_as.pasted {
                l(
                    "貼り付けた掲載情報から読んだ登録情報:",
                    "registry facts read from the pasted list entry:",
                )
            } else {
                // a workbook's cover sheet (review 15 C-2), or the rows above a table's
                // header (review 23 C-6)
                l(
                    "掲載情報(IDのないシート、または表の見出しより上の行)から読んだ登録情報:",
                    "registry facts read from the list entry's fields (a sheet without ids, or the rows above the table's header):",
                )
            },
            fields.join(", ")
        ));
    }
    if !read_as.skipped.is_empty() {
        let skipped: Vec<String> = read_as
            .skipped
            .iter()
            .map(|s| format!("'{}' ({})", s.sheet, s.why.label(lang)))
            .collect();
        out.push_str(&format!(
            "; {} {}",
            l("読まなかったシート:", "sheets not read:"),
            skipped.join(", ")
        ));
    }
    out
}

/// The label of the ISO edition a check list was read in.
/// The facts of the workbook's summary that say what a report was made for: written
/// under these labels, and read back by `report --review` to tell whether the previous
/// report was about this CSP, on this catalog, from this check list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryFact {
    /// The CSP as the report names it (the list's file name when it names none).
    Csp,
    /// The CSP list's file name.
    CspList,
    RegistrationNumber,
    /// The catalog's name and version ([`CatalogInfo::line`]).
    Catalog,
    /// The check list's file name, with its sheets ([`ChecksInfo::line`]).
    CheckItems,
}

impl SummaryFact {
    pub const ALL: [SummaryFact; 5] = [
        SummaryFact::Csp,
        SummaryFact::CspList,
        SummaryFact::RegistrationNumber,
        SummaryFact::Catalog,
        SummaryFact::CheckItems,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        let l = |ja, en| lang.pick(ja, en);
        match self {
            SummaryFact::Csp => "CSP",
            SummaryFact::CspList => l("統制目標一覧", "CSP list"),
            SummaryFact::RegistrationNumber => l("登録番号", "Registration number"),
            SummaryFact::Catalog => l("カタログ", "Catalog"),
            SummaryFact::CheckItems => l("確認項目", "Check items"),
        }
    }
}

pub fn edition_label(lang: Lang) -> &'static str {
    lang.pick("ISO/IEC 27001/27002の版", "ISO/IEC 27001/27002 edition")
}

/// The ISO edition a check list was read in and what decided it (`2022 (column header
/// 'ISO/IEC 27001:2022')`); `None` when nothing in the list depended on it.
pub fn edition_text(d: &EditionDecision, lang: Lang) -> Option<String> {
    let e = d.edition?;
    let text = &d.text;
    let by = match (d.decided_by, d.row, lang) {
        (DecidedBy::Flag, ..) => text.clone(),
        (DecidedBy::Header, _, Lang::Ja) => format!("参照列の見出し '{text}'"),
        (DecidedBy::Header, _, Lang::En) => format!("column header '{text}'"),
        (DecidedBy::IsmapHeader, _, Lang::Ja) => {
            format!("参照列の見出し '{text}': ISMAPの番号")
        }
        (DecidedBy::IsmapHeader, _, Lang::En) => {
            format!("column header '{text}': ISMAP numbering")
        }
        (DecidedBy::TitleRow, Some(r), Lang::Ja) => format!("表題 {r}行目 '{text}'"),
        (DecidedBy::TitleRow, _, _) => format!("title row {} '{text}'", d.row.unwrap_or(0)),
        (DecidedBy::References, Some(r), Lang::Ja) => format!("{r}行目の参照 '{text}'"),
        (DecidedBy::References, _, _) => {
            format!("reference '{text}' on row {}", d.row.unwrap_or(0))
        }
        (DecidedBy::NotNeeded, ..) => return None,
    };
    Some(format!("{e} ({by})"))
}

/// [`edition_text`] of each references column of a check list: the first's, then each
/// further column's after its header (`2013 (…); 'ISO/IEC 27001:2022': 2022 (…)`); `None`
/// when nothing in the list depended on it.
pub fn editions_text(checks: &crate::analysis::gap::ChecksInfo, lang: Lang) -> Option<String> {
    let mut parts: Vec<String> = edition_text(&checks.iso_edition, lang)
        .into_iter()
        .collect();
    for c in &checks.more_references_columns {
        if let Some(e) = edition_text(&c.iso_edition, lang) {
            parts.push(format!("'{}': {e}", c.header));
        }
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// How many rows not read the summary lines name; the rest are counted (JSON and the
/// workbook name every one).
const ROWS_NOT_READ_NAMED: usize = 10;

/// A row of the check list not read as an item: what it is, where (the sheet when several
/// were read) and its text (`合計の行: 5行目 '合計 2項目'`).
pub fn row_not_read_text(checks: &ChecksInfo, r: &crate::model::RowNotRead, lang: Lang) -> String {
    let sheet = r.sheet.as_deref().filter(|_| checks.sheets.len() > 1);
    let kind = r.kind.label(lang);
    let (row, text) = (r.row, &r.text);
    match (lang, sheet) {
        (Lang::Ja, Some(s)) => format!("{kind}: シート '{s}' {row}行目 '{text}'"),
        (Lang::Ja, None) => format!("{kind}: {row}行目 '{text}'"),
        (Lang::En, Some(s)) => format!("{kind}: sheet '{s}' row {row} '{text}'"),
        (Lang::En, None) => format!("{kind}: row {row} '{text}'"),
    }
}

/// The label of the rows of a check list not read as items (totals, headings…).
pub fn rows_not_read_label(lang: Lang) -> &'static str {
    lang.pick(
        "読まなかった行(確認項目ではない)",
        "Rows not read (not check items)",
    )
}

/// The rows of the check list not read as items in one summary line, the first
/// [`ROWS_NOT_READ_NAMED`] named; `None` when every row was read.
fn rows_not_read_line(checks: &ChecksInfo, lang: Lang) -> Option<String> {
    let rows = &checks.rows_not_read;
    if rows.is_empty() {
        return None;
    }
    let mut named: Vec<String> = rows
        .iter()
        .take(ROWS_NOT_READ_NAMED)
        .map(|r| row_not_read_text(checks, r, lang))
        .collect();
    if let Some(more) = rows
        .len()
        .checked_sub(ROWS_NOT_READ_NAMED)
        .filter(|n| *n > 0)
    {
        named.push(match lang {
            Lang::Ja => format!("ほか {more} 行(すべて --format json または xlsx にあります)"),
            Lang::En => format!("{more} more (all in --format json or xlsx)"),
        });
    }
    Some(format!(
        "{} {}: {}",
        rows_not_read_label(lang),
        rows.len(),
        named.join(", ")
    ))
}

/// The summary as lines of text (terminal and Markdown).
pub fn summary_lines(report: &GapReport) -> Vec<String> {
    let lang = report.lang;
    let l = |ja, en| lang.pick(ja, en);
    let s = &report.summary;
    let csp = &report.csp;
    let mut out = Vec::new();
    let mut csp_line = format!(
        "{} {}{}",
        l("CSP:", "CSP:"),
        csp.name,
        registration_text(&csp.registry, report.as_of, lang)
    );
    if let Some(under) = &csp.inherits {
        csp_line.push_str(&format!(
            " [{} {}: {} {}]",
            l("基盤", "runs on"),
            under.name,
            l("継承", "inherited"),
            csp.inherited
        ));
    }
    out.push(csp_line);
    for under in csp.inherits.iter().flat_map(UnderlyingInfo::chain) {
        out.push(format!(
            "{}: {}{}{}",
            underlying_label(lang),
            under.name,
            registration_text(&under.registry, report.as_of, lang),
            scope_compared_text(&under.scope, lang)
        ));
    }
    for line in published_facts(csp, lang) {
        out.push(line);
    }
    // planned and not implemented only when the list states some (a published list
    // states neither)
    let stated_otherwise: String = [
        (l("計画中", "planned"), csp.planned),
        (l("未実施", "not implemented"), csp.not_implemented),
    ]
    .iter()
    .filter(|(_, n)| *n > 0)
    .map(|(label, n)| format!(", {label} {n}"))
    .collect();
    out.push(format!(
        "{} {} ({} {}, {} {}{stated_otherwise}, {} {})",
        l("統制目標一覧:", "CSP list:"),
        csp.source,
        l("実施", "implemented"),
        csp.implemented,
        l("非該当", "not applicable"),
        csp.not_applicable,
        l("無視した語", "ignored tokens"),
        csp.ignored_tokens
    ));
    out.push(format!(
        "{} {}",
        l("読み取り:", "Read as:"),
        read_as_text(&csp.read_as, lang)
    ));
    out.push(format!(
        "{} {}",
        l("カタログ:", "Catalog:"),
        report.catalog.line()
    ));
    if let Some(held) = report.catalog_details_held {
        out.push(crate::analysis::gap::catalog_incomplete_text(held, lang));
    }
    out.push(format!(
        "{} {}{} / {} {}",
        l("確認項目:", "Check items:"),
        report.checks.source,
        match report.checks.sheets.as_slice() {
            [] => String::new(),
            sheets => format!(" [{}]", sheets.join(", ")),
        },
        l("基準日", "as of"),
        as_of_text(report)
    ));
    if let Some(e) = editions_text(&report.checks, lang) {
        out.push(format!("{}: {e}", edition_label(lang)));
    }
    out.extend(rows_not_read_line(&report.checks, lang));
    // not-analysed and unmapped only when there are such items: an input problem, not a
    // finding
    let counts = Status::ALL
        .iter()
        .filter(|st| {
            !matches!(
                st,
                Status::NotAnalysed | Status::Unmapped | Status::NotAsked
            ) || s.count(**st) > 0
        })
        .map(|st| {
            let mut count = format!("{} {}", st.label(lang), s.count(*st));
            if *st == Status::Covered && s.covered_with_notes > 0 {
                count.push_str(&covered_with_notes_count(s.covered_with_notes, lang));
            }
            count
        })
        .collect::<Vec<_>>()
        .join(" · ");
    out.push(format!(
        "{} {}: {} — {} {}",
        l("合計", "Total"),
        s.total,
        counts,
        // its denominator leaves out the items not asked (review 15 B-1), said in the
        // label every output gives it
        if s.not_asked > 0 {
            share_covered_label(lang, true)
        } else {
            l("充足率", "covered")
        },
        share_text(s.covered_share),
    ));
    out.push(covered_means(lang).to_owned());
    if s.covered_with_notes > 0 {
        out.push(notes_legend(lang));
    }
    if let Some(review) = &report.review {
        let mut line = format!(
            "{} {}: {}",
            l("前回のレビュー:", "Previous review:"),
            review.origin(),
            review.counts_line(lang)
        );
        if let Some(skipped) = review.skipped_text(lang) {
            line.push_str(&format!("; {skipped}"));
        }
        out.push(line);
    }
    for w in &report.warnings {
        out.push(format!("{} {}", l("警告:", "WARNING:"), w.message));
    }
    out
}

/// A service's registration as the summary shows it, the same for the service and for
/// every service it runs on: ` [ISMAP] [registration C99-0001-1] [renewal deadline
/// 2027-03-31: valid] [audit period …]`, the registration date when after `as_of`, and the
/// state on `as_of` named with the deadline, or without one (`[no renewal deadline: not
/// checked]`).
pub fn registration_text(r: &Registry, as_of: Date, lang: Lang) -> String {
    let l = |ja, en| lang.pick(ja, en);
    let mut out = String::new();
    if let Some(k) = r.registration_kind {
        out.push_str(&format!(" [{}]", k.label()));
    }
    if let Some(n) = &r.registration_number {
        out.push_str(&format!(" [{} {n}]", l("登録番号", "registration")));
    }
    if let Some(d) = r.registered.filter(|d| *d > as_of) {
        out.push_str(&format!(" [{} {d}]", l("登録日", "registered")));
    }
    let state = r.registration.label(lang);
    match r.renewal_deadline {
        Some(d) => out.push_str(&format!(
            " [{} {d}: {state}]",
            l("更新期限", "renewal deadline")
        )),
        None => out.push_str(&format!(
            " [{}: {state}]",
            l("更新期限なし", "no renewal deadline")
        )),
    }
    if let Some(p) = r.audit_period {
        out.push_str(&format!(" [{} {p}]", l("監査対象期間", "audit period")));
    }
    out
}

/// How a service underneath's statement scope compares with the CSP's, after its
/// registration in the summary (review 19 A-1): ` [言明の対象範囲を比較: 範囲外の地域・部分なし]`,
/// ` [言明の対象範囲に 大阪リージョン を含まない]`; nothing when not compared.
pub fn scope_compared_text(scope: &ScopeCompared, lang: Lang) -> String {
    match scope {
        ScopeCompared::NotCompared => String::new(),
        ScopeCompared::Includes => lang
            .pick(
                " [言明の対象範囲を比較: 範囲外の地域・部分なし]",
                " [statement scope compared: no region or part left out]",
            )
            .to_owned(),
        ScopeCompared::NotStated => lang
            .pick(
                " [言明の対象範囲の記載なし: 比較できない]",
                " [no statement scope stated: not compared]",
            )
            .to_owned(),
        ScopeCompared::LeavesOut(parts) => match lang {
            Lang::Ja => format!(" [言明の対象範囲に {} を含まない]", parts.join("・")),
            Lang::En => format!(" [statement scope leaves out {}]", parts.join(", ")),
        },
    }
}

/// The label of a service the CSP runs on, in the summary (`基盤サービス`).
pub fn underlying_label(lang: Lang) -> &'static str {
    lang.pick("基盤サービス", "Underlying service")
}

/// The mark on a covered status carrying notes ([`ItemResult::noted`]): `充足 ※`.
pub fn noted_mark(lang: Lang) -> &'static str {
    lang.pick("※", "*")
}

/// A status as a cell shows it: its label, marked ([`noted_mark`]) when it is covered with
/// notes to read ([`ItemResult::noted`]; `report` and `compare` alike): `充足 ※`.
pub fn status_label(status: Status, noted: bool, lang: Lang) -> &'static str {
    if noted && status == Status::Covered {
        lang.pick("充足 ※", "covered *")
    } else {
        status.label(lang)
    }
}

/// The registrations not in effect a status rests on, by its reasons
/// ([`Reason::registration_not_in_effect`]): lapsed, then not yet valid (`report` and
/// `compare` alike).
pub fn not_in_effect(reasons: impl IntoIterator<Item = Reason>) -> Vec<Registration> {
    let mut out: Vec<Registration> = reasons
        .into_iter()
        .filter_map(Reason::registration_not_in_effect)
        .collect();
    out.sort_by_key(|r| std::cmp::Reverse(*r));
    out.dedup();
    out
}

/// The marks after a status cell's label — the one place they are chosen, for `compare`'s
/// matrix in every format and `report`'s compact table (review 23 B-4, B-5): the
/// registrations not in effect it rests on (`registrations`, most severe first), then, for
/// a not-covered or partial status, what the CSP's list states of the controls the item
/// lacks (`未充足（記載なし）`, `未充足（計画中）`, not listed, not implemented, planned and not
/// applicable kept apart as `report` keeps them), or, for an assurance gap, why ISMAP's
/// result falls short for the item (`保証水準不足（LIU）`, `（登録区分未記載）`, `（ISMAP超の水準）`,
/// a design-only audit, an improvement plan, subsequent events).
pub fn status_marks(
    status: Option<Status>,
    reasons: Reasons,
    registrations: &[Registration],
    lang: Lang,
) -> Vec<&'static str> {
    let mut labels: Vec<&'static str> = registrations.iter().map(|r| r.label(lang)).collect();
    match status {
        Some(Status::NotCovered | Status::Partial) => {
            labels.extend(statement_kinds(reasons, lang));
        }
        Some(Status::AssuranceGap) => labels.extend(
            [
                (Reason::IsmapLiu, lang.pick("LIU", "ISMAP-LIU")),
                (
                    Reason::RegistrationKindUnstated,
                    lang.pick("登録区分未記載", "kind not stated"),
                ),
                (
                    Reason::AssuranceAboveIsmap,
                    lang.pick("ISMAP超の水準", "above ISMAP"),
                ),
                (Reason::DesignOnly, lang.pick("整備状況のみ", "design only")),
                (
                    Reason::ImprovementPlan,
                    lang.pick("改善計画あり", "improvement plan"),
                ),
                (
                    Reason::SubsequentEvents,
                    lang.pick("後発事象あり", "subsequent events"),
                ),
            ]
            .into_iter()
            .filter(|(r, _)| reasons.contains(*r))
            .map(|(_, label)| label),
        ),
        _ => {}
    }
    labels
}

/// What a CSP's list states of the controls an item lacks, by its reasons, in the order
/// not listed, not implemented, planned, not applicable, not applicable without a reason
/// (`未充足（非該当・理由なし）`: an exclusion the list gives no reason for is a finding of its
/// own, never read as a justified one, review 26 B-2), as labels in `lang`.
fn statement_kinds(reasons: Reasons, lang: Lang) -> Vec<&'static str> {
    [
        (Reason::NotListed, ControlState::NotListed.label(lang)),
        (
            Reason::NotImplemented,
            ControlState::NotImplemented.label(lang),
        ),
        (Reason::Planned, ControlState::Planned.label(lang)),
        (
            Reason::NotApplicable,
            ControlState::NotApplicable.label(lang),
        ),
        (
            Reason::NotApplicableWithoutReason,
            not_applicable_without_reason_mark(lang),
        ),
    ]
    .into_iter()
    .filter(|(r, _)| reasons.contains(*r))
    .map(|(_, label)| label)
    .collect()
}

/// The mark of a status cell resting on an exclusion without a reason:
/// `非該当・理由なし` / `not applicable, no reason`.
pub fn not_applicable_without_reason_mark(lang: Lang) -> &'static str {
    lang.pick("非該当・理由なし", "not applicable, no reason")
}

/// An item's status as the compact table shows it: its label with every mark
/// [`status_marks`] gives (`未充足（計画中）`, `保証水準不足（LIU）`), as `compare`'s matrix
/// shows the same item: the compact table has no gaps column to say it.
fn compact_status_label(item: &ItemResult, own: Option<Registration>, lang: Lang) -> String {
    let mut reasons = Reasons::default();
    for r in &item.reasons {
        reasons.insert(*r);
    }
    let registrations = crate::report::compare::registration_marks(
        Some(item.status),
        item.reasons.iter().copied(),
        own,
    );
    let mut out = status_label(item.status, item.noted(), lang).to_owned();
    push_cell_marks(
        &mut out,
        &status_marks(Some(item.status), reasons, &registrations, lang),
        lang,
    );
    out
}

/// `labels` after a status cell: `一部充足（失効）`, `partial (lapsed)`.
pub fn push_cell_marks(out: &mut String, labels: &[&str], lang: Lang) {
    if labels.is_empty() {
        return;
    }
    match lang {
        Lang::Ja => out.push_str(&format!("（{}）", labels.join("・"))),
        Lang::En => out.push_str(&format!(" ({})", labels.join(", "))),
    }
}

/// An item's status as the report's cells show it: [`status_label`], then the registration
/// not in effect it rests on (`一部充足（失効）`, `保証水準不足（未発効）`), as `compare`'s
/// matrix marks it: a status on a lapsed registration never reads as on a valid one
/// (review 12 B-9). For a CSP whose own registration is not in effect (`own`, [`own_void`])
/// every status but not asked is marked with it (`未充足（失効）`, `判定不能（失効）`), the one
/// rule for `report`'s outputs and a comparison's CSP sheets alike
/// ([`crate::report::compare::registration_marks`]; review 17 D-5, review 26 B-1). The
/// status itself (JSON `status`, `--fail-on`) is unchanged.
pub fn item_status_label(
    item: &ItemResult,
    own: Option<Registration>,
    lang: Lang,
) -> std::borrow::Cow<'static, str> {
    let label = status_label(item.status, item.noted(), lang);
    if own.is_some() {
        let registrations = crate::report::compare::registration_marks(
            Some(item.status),
            item.reasons.iter().copied(),
            own,
        );
        let labels: Vec<&str> = registrations.iter().map(|r| r.label(lang)).collect();
        let mut out = label.to_owned();
        push_cell_marks(&mut out, &labels, lang);
        return out.into();
    }
    // most items rest on nothing not in effect: no list built for them
    if !item.rests_on_registration_not_in_effect() {
        return label.into();
    }
    let void = not_in_effect(item.reasons.iter().copied());
    if void.is_empty() {
        return label.into();
    }
    let mut out = label.to_owned();
    let labels: Vec<&str> = void.iter().map(|r| r.label(lang)).collect();
    push_cell_marks(&mut out, &labels, lang);
    out.into()
}

/// The CSP's own registration when it is lapsed or not yet valid (or its renewal pending
/// past the deadline): what every status cell of `report`'s outputs and its workbook's
/// footer name, as `compare` names it for the same CSP (review 26 B-1).
pub fn own_void(csp: &CspInfo) -> Option<Registration> {
    Some(csp.registry.registration).filter(|r| r.is_void())
}

/// Every status cell [`item_status_label`] can write for `status` in `lang`: the label,
/// marked when noted, and each with the marks of registrations not in effect (what a
/// reviewed sheet read back may hold).
pub fn status_cells(status: Status, lang: Lang) -> Vec<String> {
    let mut out = vec![status.label(lang).to_owned()];
    let noted = status_label(status, true, lang);
    if noted != status.label(lang) {
        out.push(noted.to_owned());
    }
    let marks: [&[Registration]; 4] = [
        &[Registration::Lapsed],
        &[Registration::NotYetValid],
        &[Registration::Lapsed, Registration::NotYetValid],
        &[Registration::RenewalPending],
    ];
    for base in out.clone() {
        for m in marks {
            let labels: Vec<&str> = m.iter().map(|r| r.label(lang)).collect();
            let mut cell = base.clone();
            push_cell_marks(&mut cell, &labels, lang);
            out.push(cell);
        }
    }
    out
}

/// How many of the covered items carry the mark, after the covered count of the summary:
/// ` (うち ※ 3)` / ` (3 marked *)`.
pub fn covered_with_notes_count(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(" (うち {} {n})", noted_mark(lang)),
        Lang::En => format!(" ({n} marked {})", noted_mark(lang)),
    }
}

/// The notes that mark a covered status, in words (both legends name them).
pub fn notes_kinds(lang: Lang) -> &'static str {
    lang.pick(
        "CSPの備考、改善計画・後発事象、古い監査対象期間、整備状況のみの評価、NISTの対応表による対応、基盤サービスの言明など",
        "the CSP's remark, an improvement plan or subsequent events, an old audit period, a design-only audit, a mapping through NIST, the underlying service's statement…",
    )
}

/// What the mark means in the report, when some item carries it: one line under what
/// covered means (`compare` has its own, pointing at `report`).
pub fn notes_legend(lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "{} = 充足だが、この確認項目に理由 (注記) がある: {}。頼る前に読んで確認してください(不足・理由コード・追加手続)",
            noted_mark(lang),
            notes_kinds(lang)
        ),
        Lang::En => format!(
            "{} = covered, with reasons the item carries (notes): {}; read them before relying on it (gaps, reason codes, additional procedures)",
            noted_mark(lang),
            notes_kinds(lang)
        ),
    }
}

/// What "covered" means, and does not mean: one line under the counts.
pub fn covered_means(lang: Lang) -> &'static str {
    lang.pick(
        "充足 = ISMAPの結果で自組織の確認を代替できる可能性がある(ISMAPは保証業務ではなく、採否は利用者が判断する)",
        "covered = the ISMAP result may replace your own check (ISMAP is agreed-upon procedures, not assurance; the decision stays with you)",
    )
}

/// The label of the share covered, whose denominator leaves out the items not asked: said
/// when some are (`充足率(本件対象外を除く)`), the plain label when every item is asked. One
/// label for `report`'s summary and workbook and every format of `compare`.
pub fn share_covered_label(lang: Lang, not_asked: bool) -> &'static str {
    match (not_asked, lang) {
        (true, Lang::Ja) => "充足率(本件対象外を除く)",
        (true, Lang::En) => "share covered (of the items asked)",
        (false, Lang::Ja) => "充足率",
        (false, Lang::En) => "share covered",
    }
}

/// A share covered as printed (`44.4%`), or `—` when no item is asked (0 of 0 is no share:
/// review 20 D-3). One text for `report`'s summary and every format of `compare`.
pub fn share_text(share: Option<f64>) -> String {
    match share {
        Some(x) => format!("{:.1}%", x * 100.0),
        None => "—".to_owned(),
    }
}

/// The facts the ISMAP list publishes beside the control list, as lines (those given).
pub fn published_facts(csp: &CspInfo, lang: Lang) -> Vec<String> {
    let l = |ja, en| lang.pick(ja, en);
    let mut out = Vec::new();
    if let Some(p) = &csp.provider {
        out.push(format!(
            "{} {p}",
            l("クラウドサービス事業者:", "Cloud service provider:")
        ));
    }
    if !csp.scope.is_empty() {
        out.push(format!(
            "{} {}",
            l("言明の対象範囲:", "Scope of the statement:"),
            csp.scope.join(", ")
        ));
    }
    let law: Vec<String> = [
        (l("準拠法", "Governing law"), &csp.governing_law),
        (l("裁判管轄", "Jurisdiction"), &csp.jurisdiction),
    ]
    .into_iter()
    .filter_map(|(label, v)| v.as_ref().map(|v| format!("{label}: {v}")))
    .collect();
    if !law.is_empty() {
        out.push(law.join(" / "));
    }
    for (label, v) in [
        (l("後発事象:", "Subsequent events:"), &csp.subsequent_events),
        (l("改善計画:", "Improvement plan:"), &csp.improvement_plan),
        (
            l(
                "資本関係・役員等の情報:",
                "Capital relationships and officers:",
            ),
            &csp.capital_relationships,
        ),
        (
            l("第三者による検証:", "Third-party testing:"),
            &csp.third_party_testing,
        ),
    ] {
        if let Some(v) = v {
            out.push(format!("{label} {}", lang.fact(v)));
        }
    }
    out
}

/// The as-of date the verdicts were made on, and `(実行日)` / `(today)` after it when no
/// `--as-of` was given (the default, today in JST).
pub fn as_of_text(report: &GapReport) -> String {
    if report.as_of_default {
        format!(
            "{} {}",
            report.as_of,
            report.lang.pick("(実行日)", "(today)")
        )
    } else {
        report.as_of.to_string()
    }
}

/// The CSP's registration as one cell (the CSV's; [`registration_text`] is the summary's
/// form): its state on the as-of date (the words of the summary), with the kind and
/// renewal deadline when stated (`有効 (ISMAP, 更新期限 2027-03-31)`, `未確認
/// (更新期限が与えられていない)`).
pub fn registration_cell(r: &Registry, lang: Lang) -> String {
    let mut facts: Vec<String> = Vec::new();
    if let Some(k) = r.registration_kind {
        facts.push(k.label().to_owned());
    }
    facts.push(match r.renewal_deadline {
        Some(d) => format!("{} {d}", lang.pick("更新期限", "renewal deadline")),
        None => lang
            .pick("更新期限が与えられていない", "no renewal deadline given")
            .to_owned(),
    });
    format!("{} ({})", r.registration.label(lang), facts.join(", "))
}

/// Headers of the columns that end every row of the report CSV: what each verdict was
/// made on (the as-of date, the CSP, its registration), for a row read without the
/// summary.
pub fn csv_basis_headers(lang: Lang) -> [&'static str; 3] {
    [
        lang.pick("基準日", "as of"),
        lang.pick("CSP", "CSP"),
        lang.pick("登録の状態", "registration"),
    ]
}

/// Renders the report as `format` (xlsx included).
pub fn render(
    report: &GapReport,
    format: Format,
    style: TextStyle,
    w: &mut dyn Write,
) -> anyhow::Result<()> {
    match format {
        Format::Json => write_json(w, report, style),
        Format::Yaml => write_yaml(w, report),
        Format::Csv => write_item_csv(report, style, w),
        Format::Md => {
            let lang = report.lang;
            writeln!(
                w,
                "## {}\n",
                lang.pick("ISMAP ギャップレポート", "ISMAP gap report")
            )?;
            markdown::bullets(summary_lines(report), w)?;
            writeln!(w)?;
            markdown::render(&short_grid(report), w)?;
            removed_section(report, Format::Md, style, w)
        }
        Format::Table => {
            for line in summary_lines(report) {
                // the counts (`判定不能 1`) are never broken inside a label
                for part in table::wrap_list(&strip_controls(&line), " · ", style.width.into()) {
                    writeln!(w, "{part}")?;
                }
            }
            if style.width < table::COMPACT_BELOW {
                table::render(
                    &compact_grid(report, style.width),
                    style.color,
                    style.width,
                    w,
                )?;
                table::write_compact_note(w, report.lang, style.width)?;
            } else {
                table::render(&short_grid(report), style.color, style.width, w)?;
            }
            removed_section(report, Format::Table, style, w)
        }
        Format::Xlsx => anyhow::bail!("a workbook is written by report::xlsx"),
    }
}

/// Objectives sheet cells: id, layer, title, state, reason.
pub fn objective_state_label(state: ControlState, lang: Lang) -> &'static str {
    state.label(lang)
}

/// What a service's registration not in effect is, beside a state inherited through it:
/// `Lapsed IaaS の登録は失効` / `Lapsed IaaS's registration lapsed` (JSON
/// `objectives[].inherited_not_in_effect`).
pub fn registration_not_in_effect(void: &ServiceRegistration, lang: Lang) -> String {
    let state = void.registration.label(lang);
    match lang {
        Lang::Ja => format!("{} の登録は{state}", void.service),
        Lang::En => format!("{}'s registration {state}", void.service),
    }
}

/// The state of an objective inherited through a registration not in effect: said not in
/// effect, with [`registration_not_in_effect`] (never the inherited state alone, which
/// would read as covered).
pub fn not_in_effect_state(void: &ServiceRegistration, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("継承・効力なし: {}", registration_not_in_effect(void, lang)),
        Lang::En => format!(
            "inherited, not in effect: {}",
            registration_not_in_effect(void, lang)
        ),
    }
}

/// Tone of an objective's state, for the workbook.
pub fn objective_tone(state: ControlState) -> Tone {
    match state {
        ControlState::Implemented => Tone::Good,
        ControlState::NotApplicable
        | ControlState::AnnexOnly
        | ControlState::Planned
        | ControlState::UnknownSuffix => Tone::Warn,
        ControlState::NotListed | ControlState::NotImplemented => Tone::Bad,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The marked status is the covered label and the mark, in both languages; only a
    /// covered status takes it.
    #[test]
    fn the_marked_status_is_the_covered_label_and_the_mark() {
        for lang in [Lang::Ja, Lang::En] {
            assert_eq!(
                status_label(Status::Covered, true, lang),
                format!("{} {}", Status::Covered.label(lang), noted_mark(lang))
            );
            for s in Status::ALL {
                assert_eq!(status_label(s, false, lang), s.label(lang));
                if s != Status::Covered {
                    assert_eq!(status_label(s, true, lang), s.label(lang));
                }
            }
        }
        assert_eq!(covered_with_notes_count(3, Lang::Ja), " (うち ※ 3)");
        assert_eq!(covered_with_notes_count(3, Lang::En), " (3 marked *)");
    }

    #[test]
    fn the_column_constants_name_the_status_and_row_columns() {
        for lang in [Lang::Ja, Lang::En] {
            let h = item_headers(lang);
            assert_eq!(h[STATUS_COLUMN], lang.pick("判定", "status"));
            assert_eq!(h[ROW_COLUMN], lang.pick("行", "row"));
            assert_eq!(h.len(), ROW_COLUMN + 1);
        }
    }
}
