//! A CSP's listed ids → the catalog ids it implements or excludes, with the unknown ones kept.
use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalog::{Catalog, Entry, Layer, Level, RefKind, Resolution};
use crate::date::Date;
use crate::error::{InputError, Location};
use crate::model::{Attestation, Declared, ListedControl, Period, Underlying};

/// Whether the reason kept beside a not-applicable statement ([`CspState::NotApplicable`]:
/// empty when the list wrote none, or a text that gives none) is a reason: the one judgement
/// of "not applicable with a reason" and "without one" that `report` (`not-applicable` /
/// `not-applicable-without-reason`), `readiness` (`no-reason`) and `diff` (`reason no longer
/// given`: review 23 B-2) make.
pub fn na_reason_given(reason: &str) -> bool {
    !reason.trim().is_empty()
}

/// What the CSP says of one catalog id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum CspState {
    Implemented,
    NotApplicable {
        reason: String,
        /// `reason` is empty, and the list wrote a text that gives none: as written, with why.
        #[serde(skip_serializing_if = "Option::is_none")]
        unaccepted: Option<crate::model::UnacceptedReason>,
    },
    /// `remark`: what the row says beside the status (its reason or remark cells, a note
    /// in brackets: a target date, a compensating control), as written; empty when
    /// nothing. It changes nothing of the statement: a date is no implementation.
    Planned {
        remark: String,
    },
    /// `remark` as for [`CspState::Planned`].
    NotImplemented {
        remark: String,
    },
}

impl CspState {
    /// The statement in words, with the reason of an exclusion.
    pub fn describe(&self, lang: crate::lang::Lang) -> String {
        use crate::lang::Lang;
        match (self, lang) {
            (CspState::Implemented, _) => lang.pick("実施", "implemented").to_owned(),
            (CspState::NotApplicable { reason, .. }, Lang::Ja) if !reason.trim().is_empty() => {
                format!("非該当(理由: {reason})")
            }
            (CspState::NotApplicable { reason, .. }, Lang::En) if !reason.trim().is_empty() => {
                format!("not applicable (reason: {reason})")
            }
            (
                CspState::NotApplicable {
                    unaccepted: Some(u),
                    ..
                },
                _,
            ) => format!(
                "{}: {}",
                lang.pick("非該当", "not applicable"),
                u.cell(lang)
            ),
            (CspState::NotApplicable { .. }, _) => lang
                .pick("非該当(理由なし)", "not applicable without a reason")
                .to_owned(),
            (CspState::Planned { .. }, _) => lang.pick("計画中", "planned").to_owned(),
            (CspState::NotImplemented { .. }, _) => {
                lang.pick("未実施", "not implemented").to_owned()
            }
        }
    }

    /// The CSP's words on a control it states planned or not implemented (trimmed), `None`
    /// when it wrote none or states it otherwise.
    pub fn plan_remark(&self) -> Option<&str> {
        match self {
            CspState::Planned { remark } | CspState::NotImplemented { remark } => {
                Some(remark.trim()).filter(|r| !r.is_empty())
            }
            _ => None,
        }
    }

    /// Whether two statements state the same: the status, and the reason of an exclusion
    /// (with or without one is a different statement); the words beside a plan are not
    /// compared.
    pub fn states_the_same(&self, other: &CspState) -> bool {
        match (self, other) {
            (CspState::Planned { .. }, CspState::Planned { .. })
            | (CspState::NotImplemented { .. }, CspState::NotImplemented { .. }) => true,
            _ => self == other,
        }
    }
}

/// An objective in a service's inherited scope (`inherited:`, clause 11 by default) that
/// its own profile also states, otherwise than the service under it: its own statement is
/// the one used (as for any objective it states), and a warning names both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restated {
    pub id: String,
    /// The service whose profile states it, and what it states.
    pub by: String,
    pub own: CspState,
    /// The services under it, nearest first (`PaaS → IaaS`), down to the one whose
    /// statement it differs from, and what that one states.
    pub via: String,
    pub under: CspState,
}

/// An id in the CSP's list that is not in the catalog (warned about, never dropped).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnknownId {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub suggestions: Vec<String>,
}

/// The registry facts of one service whose statements a result rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    pub name: String,
    pub registered: Option<Date>,
    pub renewal_deadline: Option<Date>,
    pub audit_period: Option<Period>,
    /// An ISMAP-LIU registration: a smaller external-audit scope than ISMAP's.
    pub liu: bool,
    /// The list or profile does not say on which list (ISMAP or ISMAP-LIU) the service is
    /// registered: it is not known to be ISMAP's assurance.
    pub kind_unstated: bool,
    /// The form of its input: where its kind would be stated.
    pub form: crate::analysis::procedures::InputForm,
    /// It publishes an improvement plan (改善計画 有).
    pub improvement_plan: bool,
    /// It publishes subsequent events (後発事象).
    pub subsequent_events: bool,
    /// Its entry says the registration's renewal has been applied for, as written
    /// (`※ 登録の更新を申請中`, `状態 更新申請中`): past the renewal deadline, the scheme keeps
    /// it in effect until the renewal is decided (review 23 C-7).
    pub renewal_pending: Option<String>,
    /// Its statement's scope (profile `scope:`), as written.
    pub scope: Vec<String>,
    /// For a service below the first (`inherits:`): what the scope of the first service of
    /// the chain (the one whose results these are) names that this service's statement
    /// scope leaves out ([`crate::analysis::gap::ExcludedParts::left_out_of`]): objectives
    /// inherited through it are not stated for those parts (review 19 A-1).
    pub beyond_scope: Vec<String>,
    /// The entries of its statement's scope, as written, that exclude a part they do not
    /// name or point elsewhere for it (`本サービス（一部機能を除く）`, `（詳細は別紙）`,
    /// `本サービスの主要機能`): what the statement covers is partly unknown
    /// ([`crate::analysis::gap::ExcludedParts::unnamed`], review 23 A-12).
    pub scope_unnamed: Vec<String>,
}

/// An overview (`3.1.1`) a list states: no criterion of its own, so its statement applies
/// to nothing; the objectives it introduces are what to state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatedOverview {
    pub id: String,
    /// The first and last objectives it introduces (`3.1.2`, `3.1.6`).
    pub objectives: Option<(String, String)>,
}

impl CspControls {
    /// What the list states that was read otherwise than written, which `report`,
    /// `compare` and `readiness` warn about alike: an overview stated (`csp-overview-stated`:
    /// not applied), a detail's suffix the catalog does not give its numbers
    /// (`csp-suffix-mismatch`: read as the catalog's control).
    pub fn statement_warnings(
        &self,
        lang: crate::lang::Lang,
    ) -> Vec<crate::analysis::gap::Warning> {
        use crate::lang::Lang;
        let mut out = Vec::new();
        out.extend(StatedOverview::warning(&self.overviews, lang));
        for r in &self.restated {
            let (own, under) = (r.own.describe(lang), r.under.describe(lang));
            let (id, by, via) = (&r.id, &r.by, &r.via);
            let field = match r.own {
                CspState::Implemented => "implemented",
                _ => "not_applicable",
            };
            out.push(crate::analysis::gap::Warning {
                code: "csp-inherited-restated",
                message: match lang {
                    Lang::Ja => format!("{by} のプロファイルは {id} を `{field}` で{own}としていますが、{id} は {via} から継承する範囲(`inherited:`)にあり、{via} は{under}としています: {by} 自身の記載を用いました。どちらが正しいか確認し、`{field}` から外すか `inherited:` を狭めてください"),
                    Lang::En => format!("{by}'s profile states {id} {own} (`{field}`), but {id} is in the scope it inherits from {via} (`inherited:`), which states it {under}: {by}'s own statement is used; check which holds, and remove it from `{field}` or narrow `inherited:`"),
                },
            });
        }
        out.extend(suffix_mismatch_warning(
            &self.suffix_mismatch,
            Side::CspList,
            lang,
        ));
        if let Some((file, _)) = &self.marks_not_read {
            // an .xls (BIFF8) sheet holding a comment, a text box, a hidden row or column or
            // struck-through text is refused (`input::xls`); what is still not seen: an older
            // .xls (BIFF5) or an .xlsb file's marks, and any .xls's colours and number formats
            out.push(crate::analysis::gap::Warning {
                code: "csp-workbook-marks-not-read",
                message: match lang {
                    Lang::Ja => format!("ワークブック {file} の形式では一部の書式を読み取れません: セルの色・表示形式は読まず、古い形式(.xls BIFF5、.xlsb)ではコメント・非表示の行・取り消し線も読みません(非表示の行や取り消し線の付いた「実施」も記載どおりに読みます)。.xlsx で保存し直して実行してください"),
                    Lang::En => format!("Some cell formatting of the workbook {file} is not read: its colours and number formats, and in an older format (.xls BIFF5, .xlsb) its comments, hidden rows and strike-through too (a hidden row or a struck-through 実施 is then read as stated); save the workbook as .xlsx and run again"),
                },
            });
        }
        if let Some((file, date)) = &self.confirmed_later {
            out.push(crate::analysis::gap::Warning {
                code: "csp-confirmed-after-as-of",
                message: match lang {
                    Lang::Ja => format!("{file} は基準日より後の {date} に確認・更新された記載を含みます: その日に成り立っていたことを述べており、基準日に実施していたかは述べていません。基準日時点の一覧を入手するか、--as-of を確認日以降にしてください"),
                    Lang::En => format!("{file} has rows confirmed or updated on {date}, after the as-of date: they state what held then, not whether it held on the as-of date; obtain the list as of that date, or set --as-of on or after the date confirmed"),
                },
            });
        }
        if let Some((file, rows)) = &self.other_framework_rows {
            let rows = rows.join(", ");
            out.push(crate::analysis::gap::Warning {
                code: "csp-other-framework",
                message: match lang {
                    Lang::Ja => format!("{file} のフレームワークの列が別の基準を示す行は、ISMAPの記載として読んでいません: {rows}"),
                    Lang::En => format!("The rows of {file} whose framework column names another framework were not read as ISMAP statements: {rows}"),
                },
            });
        }
        if let Some((file, sheets)) = &self.hidden_sheets {
            let sheets = sheets.join(", ");
            out.push(crate::analysis::gap::Warning {
                code: "csp-hidden-sheets",
                message: match lang {
                    Lang::Ja => format!("ワークブック {file} の非表示のシートは読んでいません: {sheets}。非表示のシートが管理策の状況(未実施など)を記載している場合、その記載は結果に反映されていません。再表示するか、--csp-sheet NAME で読んでください"),
                    Lang::En => format!("The hidden sheets of the workbook {file} were not read: {sheets}; what they state of any control (未実施, say) is not in the result: unhide them, or read one with --csp-sheet NAME"),
                },
            });
        }
        out
    }
}

/// Which list wrote an id with another suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    CspList,
    CheckList,
}

/// Whether `written` names the catalog's `id` with a suffix (B/PB/P) the catalog does not
/// give its numbers (`9.2.3.11.B` for `9.2.3.11.PB`): the same control, the suffix being a
/// flag; the one judgement a CSP list and a check list get.
pub fn suffix_differs(catalog: &Catalog, written: &str, id: &str) -> bool {
    let suffix = |s: &str| crate::catalog::id::IsmapId::parse(s).map(|i| i.suffix);
    // only a suffix the catalog uses (`9.2.1 or` is no id with a suffix `OR`)
    let typed = suffix(written)
        .flatten()
        .filter(|s| matches!(s.as_str(), "P" | "B" | "PB"));
    typed.is_some() && catalog.get(id).is_some() && typed != suffix(id).flatten()
}

/// The warning that `pairs` (as written, the catalog id read) were written with a suffix
/// the catalog does not give them: `csp-suffix-mismatch` for a CSP list,
/// `checks-suffix-mismatch` for a check list.
pub fn suffix_mismatch_warning(
    pairs: &[(String, String)],
    side: Side,
    lang: crate::lang::Lang,
) -> Option<crate::analysis::gap::Warning> {
    use crate::lang::Lang;
    if pairs.is_empty() {
        return None;
    }
    // the CSP's B where the catalog's id has none: read as basic (see
    // [`CspControls::is_basic_detail`])
    let has_b = |id: &str| {
        crate::catalog::id::IsmapId::parse(id)
            .and_then(|i| i.suffix)
            .is_some_and(|s| s.contains('B'))
    };
    let basic: Vec<&str> = pairs
        .iter()
        .filter(|(raw, id)| side == Side::CspList && has_b(raw) && !has_b(id))
        .map(|(raw, _)| raw.as_str())
        .collect();
    let pairs: Vec<String> = pairs
        .iter()
        .map(|(raw, id)| format!("{raw} → {id}"))
        .collect();
    let pairs = pairs.join(", ");
    let (basic_ja, basic_en) = if basic.is_empty() {
        (String::new(), String::new())
    } else {
        let ids = basic.join(", ");
        (
            format!("。Bと書かれた {ids} は基本言明要件(B)として扱いました"),
            format!(", and {ids} as a basic statement requirement (B), as the list writes it"),
        )
    };
    let (code, ja, ja_what, en) = match side {
        Side::CspList => ("csp-suffix-mismatch", "CSPの一覧", "一覧", "The CSP list"),
        Side::CheckList => (
            "checks-suffix-mismatch",
            "確認項目の参照",
            "確認項目の参照",
            "The check list",
        ),
    };
    Some(crate::analysis::gap::Warning {
        code,
        message: match lang {
            Lang::Ja => format!("{ja}の詳細管理策の接尾辞(B/PB/P)がカタログと異なります: {pairs}。番号が同じため同じ詳細管理策として読みました{basic_ja}: {ja_what}の記載を確認してください"),
            Lang::En => format!("{en} writes detailed controls with a suffix (B/PB/P) the catalog does not give them: {pairs}; read as the catalog's control of those numbers{basic_en}: check the list"),
        },
    })
}

impl StatedOverview {
    /// The warning (`csp-overview-stated`) that the statements of `overviews` were not
    /// applied.
    fn warning(
        overviews: &[StatedOverview],
        lang: crate::lang::Lang,
    ) -> Option<crate::analysis::gap::Warning> {
        use crate::lang::Lang;
        if overviews.is_empty() {
            return None;
        }
        let ids: Vec<&str> = overviews.iter().map(|o| o.id.as_str()).collect();
        let ids = ids.join(", ");
        let (mut ja_list, mut en_list) = (Vec::new(), Vec::new());
        for (first, last) in overviews.iter().filter_map(|o| o.objectives.as_ref()) {
            ja_list.push(format!("{first}から{last}"));
            en_list.push(format!("{first} to {last}"));
        }
        let message = match lang {
            Lang::Ja => format!(
                "CSPの一覧は {ids} を記載していますが、これは基準の概要で統制目標ではありません: その記載はどの項目にも適用せず、実施の件数にも数えていません。統制目標({})をそれぞれ記載してください",
                ja_list.join("、")
            ),
            Lang::En => format!(
                "The CSP list states {ids}, the overview of the criteria, not an objective: its statement applies to no item and is not counted as implemented; state the objectives ({}) themselves",
                en_list.join(", ")
            ),
        };
        Some(crate::analysis::gap::Warning {
            code: "csp-overview-stated",
            message,
        })
    }
}

/// An objective implemented only through the underlying service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inherited {
    /// The services, nearest first (`PaaS → IaaS`).
    pub via: String,
    /// How far down [`CspControls::services`] its implementation is: 1 = the service just
    /// below this one.
    pub depth: usize,
}

/// How [`CspControls::stated`] found what the list states of an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatedAs {
    /// The list states the id itself.
    Itself,
    /// A governance or management item the list does not state: its objective's statement.
    Objective,
    /// A governance or management objective the list does not name: every item of it is
    /// stated implemented.
    Items,
}

/// What items stated otherwise hold a governance or management objective back to
/// ([`CspControls::held_back_by`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeldBack {
    /// An item stated not implemented or not applicable.
    Missing,
    /// An item stated planned, none worse.
    Planned,
}

static IMPLEMENTED: CspState = CspState::Implemented;

/// The CSP's controls in catalog terms.
#[derive(Debug, Clone, Default)]
pub struct CspControls {
    /// catalog id (or unverified detail id) → state
    pub states: BTreeMap<String, CspState>,
    /// ids stated only by the underlying service (implemented, or otherwise) → where from.
    pub inherited: BTreeMap<String, Inherited>,
    pub unknown: Vec<UnknownId>,
    /// Overviews the list states (`3.1.1`), which are no objective: their statements
    /// apply to nothing and are not counted.
    pub overviews: Vec<StatedOverview>,
    /// Detailed controls written with a suffix the catalog does not give their numbers
    /// (`9.2.3.11.B` for `9.2.3.11.PB`): as written, and the catalog id they were read as.
    pub suffix_mismatch: Vec<(String, String)>,
    /// This service, then the services under it (`inherits:`), nearest first.
    pub services: Vec<Service>,
    /// catalog id → the CSP's remark on a control it states implemented (a remarks
    /// column, a cell comment), read as qualifying nothing: kept for the reader.
    pub remarks: BTreeMap<String, String>,
    /// catalog id → the evidence and owner the CSP names for a control it states
    /// implemented (`証跡: …; 担当: …`): kept for the reader apart from the remarks, since
    /// a GRC export names them on every row (no note on the item, a procedure of its own).
    pub evidence: BTreeMap<String, String>,
    /// Objectives of an inherited scope the service states itself, otherwise than the
    /// service under it (at any depth of the chain).
    pub restated: Vec<Restated>,
    /// The CSP's workbook whose cell marks were not read: its file name and `"xls"` or
    /// `"ods"` ([`crate::model::ReadAs::marks_not_read`]).
    pub marks_not_read: Option<(String, &'static str)>,
    /// The CSP's workbook with hidden sheets, which are not read: its file name and the
    /// sheets (`csp-hidden-sheets`).
    pub hidden_sheets: Option<(String, Vec<String>)>,
    /// The rows of the CSP's table naming another framework, not read: its file name and
    /// each framework with its count (`csp-other-framework`).
    pub other_framework_rows: Option<(String, Vec<String>)>,
    /// The CSP's list confirmed or updated after the as-of date: its file name and the
    /// latest such date as written (`csp-confirmed-after-as-of`).
    pub confirmed_later: Option<(String, String)>,
}

impl CspControls {
    pub fn state(&self, id: &str) -> Option<&CspState> {
        self.states.get(id)
    }

    /// The provenance of an objective stated (implemented, or otherwise) only by the
    /// underlying service.
    pub fn inherited_from(&self, id: &str) -> Option<&str> {
        self.inherited.get(id).map(|i| i.via.as_str())
    }

    /// The services whose statements `id`'s state rests on: this one, and for an inherited
    /// objective those down to the one implementing it (indices into [`Self::services`]).
    pub fn rests_on(&self, id: &str) -> std::ops::Range<usize> {
        let depth = self.inherited.get(id).map_or(0, |i| i.depth);
        0..(depth + 1).min(self.services.len().max(1))
    }

    /// What the list states of `id`: its own statement, else for governance and management
    /// criteria (all basic statement requirements, published, never in an annex) the rule
    /// `readiness` applies: an item the list does not state takes its objective's
    /// statement, and an objective it does not name is implemented when every item of it
    /// is stated implemented. `None` when nothing is stated.
    pub fn stated(&self, catalog: &Catalog, id: &str) -> Option<(&CspState, StatedAs)> {
        if let Some(s) = self.states.get(id) {
            return Some((s, StatedAs::Itself));
        }
        let e = catalog.get(id).filter(|e| e.layer != Layer::Control)?;
        match e.level {
            Level::Detail => {
                let objective = e.parent.as_deref()?;
                self.states.get(objective).map(|s| (s, StatedAs::Objective))
            }
            Level::Objective => {
                let mut items = catalog.items_of(id).peekable();
                items.peek()?;
                items
                    .all(|i| self.is_implemented(&i.id))
                    .then_some((&IMPLEMENTED, StatedAs::Items))
            }
            _ => None,
        }
    }

    /// What [`Self::stated`] found `e`'s state through, when not its own statement: the
    /// objective of an item (`4.4.7`), or the items of an objective (`4.4.7.1, 4.4.7.2, …`).
    pub fn stated_as(&self, catalog: &Catalog, e: &Entry) -> Option<String> {
        match self.stated(catalog, &e.id)?.1 {
            StatedAs::Itself => None,
            StatedAs::Objective => e.parent.clone(),
            StatedAs::Items => {
                let ids: Vec<&str> = catalog.items_of(&e.id).map(|i| i.id.as_str()).collect();
                Some(ids.join(", "))
            }
        }
    }

    /// What the items of a governance or management objective `id` that the list states
    /// itself otherwise than implemented hold the objective back to: missing (an item not
    /// implemented, or not applicable — none may be excluded) before planned, with those
    /// items in catalog order; `None` when no item is stated so (or `id` is no such
    /// objective). The rule `readiness` applies to an objective stated implemented, and
    /// `diff` shows as the objective's state.
    pub fn held_back_by<'c>(
        &self,
        catalog: &'c Catalog,
        id: &str,
    ) -> Option<(HeldBack, Vec<&'c str>)> {
        let e = catalog
            .get(id)
            .filter(|e| e.layer != Layer::Control && e.level == Level::Objective)?;
        let mut missing = Vec::new();
        let mut planned = Vec::new();
        for item in catalog.items_of(&e.id) {
            match self.states.get(&item.id) {
                Some(CspState::NotImplemented { .. } | CspState::NotApplicable { .. }) => {
                    missing.push(item.id.as_str())
                }
                Some(CspState::Planned { .. }) => planned.push(item.id.as_str()),
                _ => {}
            }
        }
        if !missing.is_empty() {
            Some((HeldBack::Missing, missing))
        } else if !planned.is_empty() {
            Some((HeldBack::Planned, planned))
        } else {
            None
        }
    }

    /// Whether ISMAP lets the CSP declare `id` not applicable: a control objective (with a
    /// reason) or a detailed control the CSP chooses, yes; a governance or management
    /// criterion (objective or item: all basic statement requirements, "all items, no
    /// exclusion"), never; a basic detailed control (B, PB), only with its objective,
    /// excluded with a reason. The one judgement `readiness` and `report` make of an
    /// exclusion.
    pub fn exclusion_allowed(&self, catalog: &Catalog, id: &str) -> bool {
        let entry = catalog.get(id);
        let parent = catalog.detail_parent(id);
        if entry.or(parent).is_some_and(|e| e.layer != Layer::Control) {
            return false;
        }
        if entry.is_some_and(|e| e.level != Level::Detail) {
            return true;
        }
        !self.is_basic_detail(entry, id) || parent.is_some_and(|p| self.excluded_with_reason(&p.id))
    }

    /// Whether a detailed control `id` (its catalog `entry`, if any) is flagged B or PB:
    /// by the catalog, by its own suffix when the catalog lacks it, or by the suffix this
    /// list wrote it with (`9.2.3.20.B` for a catalog's plain `9.2.3.20`): a CSP stating
    /// a basic statement requirement is read as one, whatever a catalog without the flag
    /// says (the stricter reading; `csp-suffix-mismatch` names the id).
    pub fn is_basic_detail(&self, entry: Option<&Entry>, id: &str) -> bool {
        is_basic_detail(entry, id)
            || self.suffix_mismatch.iter().any(|(written, read)| {
                read == id
                    && crate::catalog::id::IsmapId::parse(written).is_some_and(|i| {
                        crate::catalog::Flags::from_suffix(i.suffix.as_deref()).basic
                    })
            })
    }

    /// What the list wrote as the reason `id` ([`Self::stated`]) is not applicable when it
    /// gives none: as written, with why; `None` when it gives one or wrote nothing.
    pub fn unaccepted_reason(
        &self,
        catalog: &Catalog,
        id: &str,
    ) -> Option<&crate::model::UnacceptedReason> {
        match self.stated(catalog, id)?.0 {
            CspState::NotApplicable { reason, unaccepted } if reason.trim().is_empty() => {
                unaccepted.as_ref()
            }
            _ => None,
        }
    }

    /// Whether the list declares `id` not applicable with a reason.
    pub fn excluded_with_reason(&self, id: &str) -> bool {
        matches!(self.states.get(id), Some(CspState::NotApplicable { reason, .. }) if !reason.trim().is_empty())
    }

    pub fn is_implemented(&self, id: &str) -> bool {
        matches!(self.states.get(id), Some(CspState::Implemented))
    }

    /// Of [`Self::implemented_count`], how many only through the underlying service.
    pub fn inherited_implemented_count(&self) -> usize {
        self.inherited
            .keys()
            .filter(|id| self.is_implemented(id))
            .count()
    }

    pub fn implemented_count(&self) -> usize {
        self.count(|s| matches!(s, CspState::Implemented))
    }

    pub fn not_applicable_count(&self) -> usize {
        self.count(|s| matches!(s, CspState::NotApplicable { .. }))
    }

    pub fn planned_count(&self) -> usize {
        self.count(|s| matches!(s, CspState::Planned { .. }))
    }

    pub fn not_implemented_count(&self) -> usize {
        self.count(|s| matches!(s, CspState::NotImplemented { .. }))
    }

    fn count(&self, f: impl Fn(&CspState) -> bool) -> usize {
        self.states.values().filter(|s| f(s)).count()
    }
}

/// Whether a detailed control `id` (its catalog `entry`, if any) is flagged B or PB: by the
/// catalog, or by its own suffix when the catalog lacks it.
pub fn is_basic_detail(entry: Option<&Entry>, id: &str) -> bool {
    match entry {
        Some(e) => e.flags.basic,
        None => crate::catalog::id::IsmapId::parse(id)
            .is_some_and(|i| crate::catalog::Flags::from_suffix(i.suffix.as_deref()).basic),
    }
}

/// The catalog id one listed id stands for: an ISMAP id (or its Annex A / CLD spelling)
/// with exactly one target. NIST ids are not accepted in a CSP's list.
pub fn listed_to_catalog(catalog: &Catalog, listed: &ListedControl) -> Result<String, UnknownId> {
    match catalog.resolve(&listed.raw) {
        // a list states ISMAP ids (or their Annex A / CLD spelling), one each; never a NIST
        // id, a 2022 control, a management-system clause or a range
        Resolution::Resolved {
            kind: RefKind::Ismap | RefKind::AnnexA | RefKind::Cld,
            targets,
            without_counterpart,
            ..
        } if targets.len() == 1 && without_counterpart.is_empty() => Ok(targets[0].id.clone()),
        Resolution::Unresolved { suggestions, .. } => Err(UnknownId {
            id: crate::catalog::id::canonical(&listed.raw).unwrap_or_else(|| listed.raw.clone()),
            line: listed.line,
            suggestions,
        }),
        Resolution::Resolved { .. } | Resolution::NoCounterpart { .. } => Err(UnknownId {
            id: listed.raw.clone(),
            line: listed.line,
            suggestions: Vec::new(),
        }),
    }
}

/// [`listed_to_catalog`] of each distinct id text once: it depends on the text alone (and
/// the line, put back on an unknown id), and `compare` reads many lists naming the same ids.
#[derive(Debug, Default)]
pub struct ListedIds(foldhash::HashMap<String, Result<String, UnknownId>>);

impl ListedIds {
    fn resolve(&mut self, catalog: &Catalog, listed: &ListedControl) -> Result<String, UnknownId> {
        let known = match self.0.get(listed.raw.as_str()) {
            Some(known) => known.clone(),
            None => {
                let r = listed_to_catalog(catalog, listed);
                self.0.insert(listed.raw.clone(), r.clone());
                r
            }
        };
        known.map_err(|u| UnknownId {
            line: listed.line,
            ..u
        })
    }
}

#[cfg(test)]
mod listed_ids_tests {
    use super::*;

    /// An id text resolved before gives what resolving it again gives, the line of an
    /// unknown id being the one it is listed on.
    #[test]
    fn ids_resolved_once_are_resolved_alike() {
        let catalog = Catalog::embedded().unwrap();
        let list = |lines: &[(&str, usize)]| Attestation {
            controls: lines
                .iter()
                .map(|&(id, line)| ListedControl::implemented(id, Some(line)))
                .collect(),
            ..Attestation::default()
        };
        let first = list(&[
            ("9.2.1", 3),
            ("９．４．１", 4),
            ("99.9.9", 5),
            ("A.12.4.1", 6),
        ]);
        let second = list(&[("A.12.4.1", 2), ("99.9.9", 7), ("9.2.1", 8), ("3.1.1", 9)]);
        let mut ids = ListedIds::default();
        for att in [&first, &second, &first] {
            let shared = resolve_attestation_with(&catalog, att, &mut ids);
            let alone = resolve_attestation(&catalog, att);
            assert_eq!(shared.states, alone.states);
            assert_eq!(shared.unknown, alone.unknown);
            assert_eq!(shared.overviews.len(), alone.overviews.len());
        }
        let second = resolve_attestation_with(&catalog, &second, &mut ids);
        assert_eq!(second.unknown.len(), 1);
        assert_eq!(second.unknown[0].line, Some(7), "the line it is listed on");
        assert!(second.states.contains_key("12.4.1"));
    }
}

/// Resolves every id of the attestation through the catalog resolver. Reading a list
/// rejects a control stated twice differently in any spelling (`9.2.1`, `A.9.2.1`: see
/// `input::csp`), so a repeat is the same statement.
pub fn resolve_attestation(catalog: &Catalog, att: &Attestation) -> CspControls {
    resolve_attestation_with(catalog, att, &mut ListedIds::default())
}

/// [`resolve_attestation`], each id text resolved once across the calls sharing `ids`.
pub fn resolve_attestation_with(
    catalog: &Catalog,
    att: &Attestation,
    ids: &mut ListedIds,
) -> CspControls {
    let mut out = CspControls {
        services: vec![Service::of(att)],
        marks_not_read: att.read_as.marks_not_read.map(|kind| {
            let file = att
                .source
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            (file, kind)
        }),
        confirmed_later: att.read_as.confirmed_later.as_ref().map(|date| {
            let file = att
                .source
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            (file, date.clone())
        }),
        other_framework_rows: (!att.read_as.other_framework_rows.is_empty()).then(|| {
            let file = att
                .source
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            (file, att.read_as.other_framework_rows.clone())
        }),
        hidden_sheets: {
            let hidden: Vec<String> = att
                .read_as
                .skipped
                .iter()
                .filter(|s| s.why == crate::model::SkipReason::Hidden)
                .map(|s| s.sheet.clone())
                .collect();
            (!hidden.is_empty()).then(|| {
                let file = att
                    .source
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                (file, hidden)
            })
        },
        ..CspControls::default()
    };
    for listed in &att.controls {
        match ids.resolve(catalog, listed) {
            // an overview states no criterion: its statement applies to nothing
            Ok(id) if catalog.get(&id).is_some_and(|e| e.level == Level::Overview) => {
                if !out.overviews.iter().any(|o| o.id == id) {
                    let category = catalog.get(&id).and_then(|e| e.parent.as_deref());
                    let under = catalog.objectives_under(category.unwrap_or(&id));
                    let objectives = under.first().zip(under.last());
                    out.overviews.push(StatedOverview {
                        objectives: objectives.map(|(a, b)| (a.id.clone(), b.id.clone())),
                        id,
                    });
                }
            }
            Ok(id) => {
                if suffix_differs(catalog, &listed.raw, &id)
                    && !out.suffix_mismatch.iter().any(|(r, _)| *r == listed.raw)
                {
                    out.suffix_mismatch.push((listed.raw.clone(), id.clone()));
                }
                let state = match listed.declared {
                    Declared::Implemented => {
                        let remark = listed.reason.trim();
                        if !remark.is_empty() {
                            out.remarks.insert(id.clone(), remark.to_owned());
                        }
                        let evidence = implemented_evidence(listed);
                        if !evidence.is_empty() {
                            out.evidence.insert(id.clone(), evidence);
                        }
                        CspState::Implemented
                    }
                    Declared::NotApplicable => CspState::NotApplicable {
                        reason: listed.reason.clone(),
                        unaccepted: listed.unaccepted.clone(),
                    },
                    Declared::Planned => CspState::Planned {
                        remark: listed.reason.trim().to_owned(),
                    },
                    Declared::NotImplemented => CspState::NotImplemented {
                        remark: listed.reason.trim().to_owned(),
                    },
                };
                out.states.insert(id, state);
            }
            Err(u) => {
                if !out.unknown.iter().any(|x| x.id == u.id) {
                    out.unknown.push(u);
                }
            }
        }
    }
    carry_detail_remarks(catalog, &mut out.remarks);
    carry_detail_remarks(catalog, &mut out.evidence);
    if let Some(under) = &att.underlying {
        inherit(catalog, &mut out, (&att.scope, under), ids);
    }
    out
}

/// The evidence and owner the CSP names for a control it states implemented
/// (`csp-evidence`), each named (`証跡: テスト環境の記録`, `担当: 開発チーム（検証環境）`):
/// what they say of the implementation is for the reader too, apart from the remark
/// (`csp-remark`, a note on the item), since a GRC export fills them on every row. They stay
/// apart in the statement (`diff`, the duplicate-row check and `readiness` compare them as
/// fields); a dash alone says nothing.
fn implemented_evidence(listed: &ListedControl) -> String {
    let mut out = String::new();
    for (label, text) in [("証跡", &listed.evidence), ("担当", &listed.owner)] {
        let text = text.trim();
        if text.chars().all(|c| "-－ー―‐—–ｰ".contains(c)) {
            continue;
        }
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(label);
        out.push_str(": ");
        for (i, word) in text.split_whitespace().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

/// The evidence text [`implemented_evidence`] keeps, with its labels in `lang`
/// (`evidence: PAM export; owner: SecOps` in English; review 11 B-9): each `; `-separated
/// part starts with its label, or with a detail's id and then its label (carried to its
/// objective, `9.2.3.11.PB: 証跡: …`).
pub fn evidence_in(text: &str, lang: crate::lang::Lang) -> std::borrow::Cow<'_, str> {
    if lang == crate::lang::Lang::Ja {
        return text.into();
    }
    let relabel = |part: &str| -> String {
        for (ja, en) in [("証跡: ", "evidence: "), ("担当: ", "owner: ")] {
            if let Some(rest) = part.strip_prefix(ja) {
                return format!("{en}{rest}");
            }
            if let Some((id, rest)) = part.split_once(": ") {
                if let Some(rest) = rest.strip_prefix(ja) {
                    return format!("{id}: {en}{rest}");
                }
            }
        }
        part.to_owned()
    };
    text.split("; ")
        .map(relabel)
        .collect::<Vec<_>>()
        .join("; ")
        .into()
}

/// A remark on a basic requirement (a B/PB detail) stated implemented is part of what its
/// objective's coverage rests on: it is kept on the objective too, after the objective's
/// own, named by the detail (`9.2.3.11.PB: …`), for an item that references the objective.
fn carry_detail_remarks(catalog: &Catalog, remarks: &mut BTreeMap<String, String>) {
    let carried: Vec<(String, String)> = remarks
        .iter()
        .filter_map(|(id, remark)| {
            let e = catalog.get(id)?;
            let objective = e.parent.as_ref()?;
            (e.level == Level::Detail && e.flags.basic)
                .then(|| (objective.clone(), format!("{id}: {remark}")))
        })
        .collect();
    for (objective, text) in carried {
        remarks
            .entry(objective)
            .and_modify(|r| {
                r.push_str("; ");
                r.push_str(&text);
            })
            .or_insert(text);
    }
}

/// Takes, with provenance, what the service under it states of every objective in the
/// inherited scope that the service states nothing of itself (through its own inheritance
/// too: chains resolve recursively): implemented, and also not applicable (with its reason
/// or without), not implemented or planned — the underlying service's statement is kept,
/// never turned into "not listed". The service's own statement wins: an objective it
/// declares not applicable stays so, whatever the service under it does. Each service
/// below is compared with `scope`, the statement scope of the service relying on it
/// ([`Service::beyond_scope`]).
fn inherit(
    catalog: &Catalog,
    out: &mut CspControls,
    (scope, under): (&[String], &Underlying),
    ids: &mut ListedIds,
) {
    let parent = resolve_attestation_with(catalog, &under.attestation, ids);
    let name = under.attestation.display_name();
    for scope in &under.scope {
        let id = crate::catalog::id::canonical(scope).unwrap_or_else(|| scope.clone());
        if catalog.get(&id).is_none() {
            if !out.unknown.iter().any(|x| x.id == id) {
                out.unknown.push(UnknownId {
                    id,
                    line: None,
                    suggestions: Vec::new(),
                });
            }
            continue;
        }
        // governance and management are the applicant's own: never inherited (a scope
        // naming them is refused by `check_inheritance` before this runs)
        for objective in catalog
            .objectives_under(&id)
            .into_iter()
            .filter(|o| o.layer == Layer::Control)
        {
            let oid = &objective.id;
            let Some(state) = parent.states.get(oid) else {
                continue;
            };
            let (via, depth) = match parent.inherited.get(oid) {
                Some(deeper) => (format!("{name} → {}", deeper.via), deeper.depth + 1),
                None => (name.clone(), 1),
            };
            if let Some(own) = out.states.get(oid) {
                // its own statement wins; one that differs is named
                if !own.states_the_same(state) && !out.restated.iter().any(|r| r.id == *oid) {
                    out.restated.push(Restated {
                        id: oid.clone(),
                        by: out
                            .services
                            .first()
                            .map(|s| s.name.clone())
                            .unwrap_or_default(),
                        own: own.clone(),
                        via,
                        under: state.clone(),
                    });
                }
                continue;
            }
            out.states.insert(oid.clone(), state.clone());
            out.inherited.insert(oid.clone(), Inherited { via, depth });
        }
    }
    // each service below, with what of this service's scope its statement leaves out: at
    // every level of the chain, so the outermost call's (the first service's) stands
    let mut below = Some(under);
    let mut services = parent.services;
    for service in &mut services {
        let Some(u) = below else { break };
        service.beyond_scope = crate::analysis::gap::ExcludedParts::of_statement(&u.attestation)
            .left_out_of(&crate::analysis::gap::ExcludedParts::of(scope));
        below = u.attestation.underlying.as_deref();
    }
    out.services.extend(services);
    // what the services under it restate, each named with its own service
    for r in parent.restated {
        if !out.restated.contains(&r) {
            out.restated.push(r);
        }
    }
    for u in parent.unknown {
        let id = format!("{name}: {}", u.id);
        if !out.unknown.iter().any(|x| x.id == id) {
            out.unknown.push(UnknownId { id, ..u });
        }
    }
}

/// How long after its end an audit period is considered stale.
pub const AUDIT_PERIOD_MAX_AGE_MONTHS: i32 = 16;

/// An audit period of at most this many days is taken as the one-day case (design only):
/// operating effectiveness over so short a period is not assessed (review 23 A-9). The
/// scheme's own minimum period is not known here and is not claimed.
pub const DESIGN_ONLY_MAX_DAYS: i64 = 7;

/// An audit period longer than [`DESIGN_ONLY_MAX_DAYS`] and shorter than this many months
/// is noted (`audit-period-short`), its length stated (review 23 A-9).
pub const AUDIT_PERIOD_SHORT_MONTHS: i32 = 3;

/// A renewal deadline more than this many months after the end of the audit period (or,
/// with none given, after the as-of date) is implausible: by ISMAP基本規程 3.5 a
/// registration is valid until 1 year 4 months after the day following its audit period's
/// last day ([`AUDIT_PERIOD_MAX_AGE_MONTHS`]), so one years ahead (`2035-03-31`, `2037` for
/// `2027`) is warned of (`renewal-deadline-implausible`), not relied on silently; 8 months
/// of slack over the rule's 16 leave a list's own rounding alone. A warning only: which
/// of the two dates is wrong is not known (review 24 E).
pub const RENEWAL_DEADLINE_MAX_MONTHS: i32 = 24;

/// The latest renewal deadline taken as plausible for a service ([`RENEWAL_DEADLINE_MAX_MONTHS`]
/// after its audit period's end, else after `as_of`).
pub fn deadline_bound(service: &Service, as_of: Date) -> Date {
    let from = service.audit_period.map_or(as_of, |p| p.to);
    from.add_months(RENEWAL_DEADLINE_MAX_MONTHS)
}

/// The days an audit period spans, both ends counted (one for `2025年3月31日時点`).
pub fn period_days(p: Period) -> i64 {
    p.to.to_days() - p.from.to_days() + 1
}

/// Whether an objective inherited from the service underneath may be carried by it for
/// this service: the physical and environmental layer (clause 11) only. The rest — access
/// control of the service's own users (9), cryptography, operations (12, backup 12.3
/// included: an IaaS backs up its own layer, not this service's data unless this service
/// configures it), network security (13.1: the IaaS's network, not this service's virtual
/// networks and their segregation), redundancy (17.2: the IaaS's facilities, not this
/// service's use of them) — is about this service's own users, data and operation, which
/// the underlying statement does not cover (review 23 A-14).
pub fn carried_by_infrastructure(id: &str) -> bool {
    id.starts_with("11.")
}

/// What weakens a service's statements on a date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Validity {
    /// Its renewal deadline is before the date (and no renewal is said to be applied for).
    pub lapsed: bool,
    /// Its renewal deadline is before the date and its renewal has been applied for: in
    /// effect by the scheme (ISMAP基本規程 3.5) until the renewal is decided, which is not
    /// known here, so nothing is covered on it; never called lapsed (review 23 C-7).
    pub renewal_pending: bool,
    /// It was registered after the date: on that date it was not on the ISMAP list.
    pub not_yet_valid: bool,
    /// Its audit period ends after the date: the statement held had not been assessed yet
    /// on that date (the one in effect then was another, or none).
    pub audit_not_ended: bool,
    /// Its audit period ended more than [`AUDIT_PERIOD_MAX_AGE_MONTHS`] before the date.
    pub audit_old: bool,
    /// Its audit period is one day, or a few ([`DESIGN_ONLY_MAX_DAYS`] at most): only the
    /// design (整備状況) is taken as assessed, operating effectiveness over so short a period
    /// not (review 23 A-9).
    pub design_only: bool,
    /// Its audit period is longer than that, and shorter than
    /// [`AUDIT_PERIOD_SHORT_MONTHS`] months: a note (review 23 A-9).
    pub audit_short: bool,
    /// An ISMAP-LIU registration: the external audit covers less than ISMAP's, so its
    /// statements do not give ISMAP-level assurance.
    pub liu: bool,
    /// The registration's kind (ISMAP or ISMAP-LIU) is not stated: whether its statements
    /// give ISMAP-level assurance is to be checked.
    pub kind_unstated: bool,
    /// It publishes an improvement plan: what it concerns is to be checked.
    pub improvement_plan: bool,
    /// It publishes subsequent events: what they concern is to be checked.
    pub subsequent_events: bool,
    /// A service underneath whose statement's scope leaves out part of the scope of the
    /// service relying on it ([`Service::beyond_scope`]): what rests on it is not stated
    /// for that part.
    pub beyond_scope: bool,
    /// Its statement's scope excludes parts it does not name, or points elsewhere for
    /// them ([`Service::scope_unnamed`]): a note.
    pub scope_partly_unknown: bool,
}

impl Validity {
    /// Whether statements resting on the service may be relied on at all on the date:
    /// neither lapsed, nor registered after it, nor assessed over a period ending after it.
    pub fn in_effect(&self) -> bool {
        !(self.lapsed || self.renewal_pending || self.not_yet_valid || self.audit_not_ended)
    }
}

impl Service {
    /// The registry facts of the service an attestation describes.
    pub fn of(att: &Attestation) -> Service {
        Service {
            name: att.display_name(),
            registered: att.registered,
            renewal_deadline: att.renewal_deadline,
            audit_period: att.audit_period,
            liu: att.registration_kind == Some(crate::model::RegistrationKind::IsmapLiu),
            kind_unstated: att.registration_kind.is_none(),
            form: crate::analysis::procedures::InputForm::of(att),
            improvement_plan: att
                .improvement_plan
                .as_deref()
                .is_some_and(crate::model::states_something),
            subsequent_events: att
                .subsequent_events
                .as_deref()
                .is_some_and(crate::model::states_something),
            renewal_pending: att.renewal_pending.clone(),
            scope: att.scope.clone(),
            beyond_scope: Vec::new(),
            scope_unnamed: crate::analysis::gap::ExcludedParts::of(&att.scope).unnamed,
        }
    }

    pub fn validity(&self, as_of: Date) -> Validity {
        let audit_old = self
            .audit_period
            .is_some_and(|p| p.to.add_months(AUDIT_PERIOD_MAX_AGE_MONTHS) < as_of);
        let past = match self.renewal_deadline {
            Some(d) => d < as_of,
            None => audit_old,
        };
        // (read only past a deadline given: a renewal applied for before it, or without one,
        // is refused where it is written)
        let pending = self.renewal_pending.is_some() && self.renewal_deadline.is_some();
        let mut v = Validity {
            // past its renewal deadline; with none given, past the validity its audit period
            // gives (1 year 4 months after the period's end, the same bound as `audit_old`:
            // review 23 A-5); past a deadline with its renewal applied for, pending (review 23
            // C-7)
            lapsed: past && !pending,
            renewal_pending: past && pending,
            not_yet_valid: self.registered.is_some_and(|d| d > as_of),
            audit_not_ended: self.audit_period.is_some_and(|p| p.to > as_of),
            audit_old,
            design_only: self
                .audit_period
                .is_some_and(|p| period_days(p) <= DESIGN_ONLY_MAX_DAYS),
            audit_short: self.audit_period.is_some_and(|p| {
                period_days(p) > DESIGN_ONLY_MAX_DAYS
                    && Date::from_days(p.to.to_days() + 1)
                        < p.from.add_months(AUDIT_PERIOD_SHORT_MONTHS)
            }),
            liu: self.liu,
            kind_unstated: self.kind_unstated,
            improvement_plan: self.improvement_plan,
            subsequent_events: self.subsequent_events,
            beyond_scope: !self.beyond_scope.is_empty(),
            scope_partly_unknown: !self.scope_unnamed.is_empty(),
        };
        // a registration not in effect is relied on for nothing: checking its entry, which
        // that already asks, shows the kind too
        v.kind_unstated &= v.in_effect();
        v
    }
}

/// Whether the registration of the service itself is known to be valid on the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Registration {
    /// Its renewal deadline is on or after the date.
    Valid,
    /// No renewal deadline given (a pasted list): validity was not checked.
    NotChecked,
    /// Not in effect yet on the date: registered after it, or the statement held was
    /// assessed over an audit period ending after it.
    NotYetValid,
    /// Its renewal deadline is before the date.
    Lapsed,
    /// Its renewal deadline is before the date and its renewal has been applied for: in
    /// effect by the scheme until the renewal is decided, not known here (review 23 C-7).
    RenewalPending,
}

impl Registration {
    pub fn of(att: &Attestation, as_of: Date) -> Registration {
        Registration::of_service(&Service::of(att), as_of)
    }

    /// The registration of one service of a chain (this one or one it runs on).
    pub fn of_service(service: &Service, as_of: Date) -> Registration {
        let v = service.validity(as_of);
        if v.lapsed {
            Registration::Lapsed
        } else if v.renewal_pending {
            Registration::RenewalPending
        } else if !v.in_effect() {
            Registration::NotYetValid
        } else if service.renewal_deadline.is_none() {
            Registration::NotChecked
        } else {
            Registration::Valid
        }
    }

    /// Lapsed, not yet valid, or its renewal pending past the deadline: nothing is covered
    /// on the service's statements, and a comparison ranks it after every CSP whose
    /// registration is.
    pub fn is_void(self) -> bool {
        matches!(
            self,
            Registration::Lapsed | Registration::NotYetValid | Registration::RenewalPending
        )
    }

    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            Registration::Valid => lang.pick("有効", "valid"),
            Registration::NotChecked => lang.pick("未確認", "not checked"),
            Registration::NotYetValid => lang.pick("未発効", "not yet valid"),
            Registration::Lapsed => lang.pick("失効", "lapsed"),
            Registration::RenewalPending => lang.pick("更新審査中", "renewal pending"),
        }
    }
}

/// Whether a CSP's list states what a registered service must: every governance and
/// management objective, and every control objective implemented or excluded with a
/// reason. A published list names only the implemented objectives, so absences are
/// expected; whole clauses or layers absent, or most objectives, mean the list held is
/// probably incomplete (pasted in part).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListCoverage {
    /// Objectives of the catalog (governance, management and control objectives).
    pub mandatory_objectives: usize,
    /// Of them, how many the list states anything of (inherited ones included, and a
    /// governance or management objective whose items are all stated implemented).
    pub stated_objectives: usize,
    /// Clauses (`3` governance, `4` management, `5`–`18` controls) of which the list
    /// states no objective, in catalog order.
    pub missing_clauses: Vec<String>,
    /// Fewer than half of the mandatory objectives are stated.
    pub too_few: bool,
}

impl ListCoverage {
    pub fn of(catalog: &Catalog, csp: &CspControls) -> ListCoverage {
        let mut out = ListCoverage::default();
        // (clause, any stated), in catalog order
        let mut clauses: Vec<(&str, bool)> = Vec::new();
        for e in catalog.entries() {
            if e.level != crate::catalog::Level::Objective {
                continue;
            }
            let stated = csp.stated(catalog, &e.id).is_some();
            out.mandatory_objectives += 1;
            out.stated_objectives += usize::from(stated);
            let clause = clause_of(&e.id);
            match clauses.iter_mut().find(|(c, _)| *c == clause) {
                Some((_, any)) => *any |= stated,
                None => clauses.push((clause, stated)),
            }
        }
        out.missing_clauses = clauses
            .into_iter()
            .filter(|(_, any)| !any)
            .map(|(c, _)| c.to_owned())
            .collect();
        out.too_few = out.stated_objectives * 2 < out.mandatory_objectives;
        out
    }

    pub fn is_complete(&self) -> bool {
        self.missing_clauses.is_empty() && !self.too_few
    }

    /// Whether a not-listed control falls where the list looks incomplete: anywhere when it
    /// states too few objectives, else in a clause it states nothing of.
    pub fn is_gap(&self, id: &str) -> bool {
        self.too_few || self.missing_clauses.iter().any(|c| c == clause_of(id))
    }
}

/// The clause an ISMAP id is in: its first number (`10` of `10.1.2.3`).
fn clause_of(id: &str) -> &str {
    id.split('.').next().unwrap_or(id)
}

/// The warnings about a CSP and its list, the same in `report` and `compare`: registration
/// and audit period of the service and of every service it inherits from, the facts it
/// publishes that a buyer must read, the list's completeness, and ids unknown to the
/// catalog.
pub fn csp_warnings(
    att: &Attestation,
    csp: &CspControls,
    coverage: &ListCoverage,
    as_of: Date,
    lang: crate::lang::Lang,
) -> Vec<crate::analysis::gap::Warning> {
    use crate::analysis::gap::Warning;
    use crate::lang::Lang;
    let mut out = Vec::new();
    let mut push = |code: &'static str, ja: String, en: String| {
        out.push(Warning {
            code,
            message: match lang {
                Lang::Ja => ja,
                Lang::En => en,
            },
        })
    };
    for (i, service) in csp.services.iter().enumerate() {
        let name = &service.name;
        let v = service.validity(as_of);
        let (ja_whose, en_whose) = if i == 0 {
            (String::new(), String::new())
        } else {
            (
                format!("基盤サービス {name} の"),
                format!("of the underlying service {name} "),
            )
        };
        match service.renewal_deadline {
            Some(deadline) if v.lapsed => push(
                "registration-lapsed",
                format!("{ja_whose}登録の更新期限 {deadline} が基準日 {as_of} より前です: {name} の記載に基づく項目は充足としません。ISMAPクラウドサービスリストで現在の掲載を確認してください"),
                format!("The registration {en_whose}is past its renewal deadline {deadline} (as of {as_of}): no item is counted as covered on {name}'s statements; check its current entry on the ISMAP cloud service list"),
            ),
            Some(deadline) if v.renewal_pending => push(
                "registration-renewal-pending",
                format!("{ja_whose}登録の更新期限 {deadline} が基準日 {as_of} より前ですが、登録の更新を申請中と記載されています('{}'): ISMAP基本規程 3.5 により更新の判断までは登録が有効とされますが、更新されたかは分からないため、{name} の記載に基づく項目は充足としません。ISMAPポータルで更新の判断(現在の掲載)を確認してください", service.renewal_pending.as_deref().unwrap_or_default()),
                format!("The registration {en_whose}is past its renewal deadline {deadline} (as of {as_of}), and its renewal is said to be applied for ('{}'): the scheme keeps it in effect until the renewal is decided (ISMAP基本規程 3.5), but whether it was renewed is not known, so no item is counted as covered on {name}'s statements; confirm the decision (its current entry) on the ISMAP portal", service.renewal_pending.as_deref().unwrap_or_default()),
            ),
            Some(_) => {}
            None if service.registered.is_some_and(|d| d > as_of) => {}
            None if v.lapsed => {
                let period = service.audit_period.map(|p| p.to_string()).unwrap_or_default();
                push(
                    "registration-lapsed",
                    format!("{ja_whose}登録の更新期限が与えられておらず、監査対象期間 ({period}) の終了から{AUDIT_PERIOD_MAX_AGE_MONTHS}か月を過ぎています(基準日 {as_of}): 登録の有効期限を過ぎているため、{name} の記載に基づく項目は充足としません。ISMAPクラウドサービスリストで現在の掲載と更新期限を確認してください"),
                    format!("The registration {en_whose}gives no renewal deadline, and its audit period ({period}) ended over {AUDIT_PERIOD_MAX_AGE_MONTHS} months before {as_of}, past the validity an audit gives: no item is counted as covered on {name}'s statements; check its current entry and renewal deadline on the ISMAP cloud service list"),
                );
            }
            None => push(
                "registration-not-checked",
                format!("{ja_whose}登録の有効性は確認していません({name} の更新期限が与えられていない): ISMAPクラウドサービスリストで掲載と更新期限を確認してください"),
                format!("Registration validity {en_whose}not checked ({name} gives no renewal deadline): check its entry and renewal deadline on the ISMAP cloud service list"),
            ),
        }
        if v.kind_unstated {
            let how = service.form.how_to_state(lang);
            push(
                "registration-kind-unstated",
                format!("{ja_whose}登録の種類が記載されていません({name} がISMAPとISMAP-LIUのどちらのクラウドサービスリストに掲載されているか不明): その記載に基づきISMAP水準の確認を要する項目は充足としません。ISMAPクラウドサービスリストで確認し、入力に記載してください({how})"),
                format!("The list does not say whether {} is on the ISMAP or the ISMAP-LIU list: no item needing ISMAP-level assurance is counted as covered on its statements; check it on the ISMAP cloud service list and state it: {how}", if i == 0 { name.clone() } else { format!("the underlying service {name}") }),
            );
        }
        if let Some(registered) = service.registered.filter(|_| v.not_yet_valid) {
            push(
                "registration-not-yet-valid",
                format!("{ja_whose}登録日 {registered} が基準日 {as_of} より後です: 基準日に {name} はISMAPクラウドサービスリストに登録されていないため、その記載に基づく項目は充足としません。基準日時点の掲載を確認してください"),
                format!("The registration {en_whose}dates from {registered}, after {as_of}: {name} was not on the ISMAP cloud service list on that date, so no item is counted as covered on its statements; check the list as it stood then"),
            );
        }
        if let Some(period) = service.audit_period {
            if v.audit_not_ended {
                push(
                    "audit-period-not-ended",
                    format!("{ja_whose}監査対象期間 ({period}) が基準日 {as_of} より後に終わります: 基準日にはこの言明はまだ監査されていないため、{name} の記載に基づく項目は充足としません。基準日時点で有効な言明と一覧を入手してください"),
                    format!("The audit period {en_whose}({period}) ends after {as_of}: the statement held had not been assessed on that date, so no item is counted as covered on {name}'s statements; obtain the statement and list in effect then"),
                );
            }
            if v.audit_old {
                push(
                    "audit-period-old",
                    format!("{ja_whose}監査対象期間 ({period}) の終了から{AUDIT_PERIOD_MAX_AGE_MONTHS}か月以上経過しています: 最新の監査結果を確認してください"),
                    format!("The audit period {en_whose}({period}) ended over {AUDIT_PERIOD_MAX_AGE_MONTHS} months before {as_of}: ask for the latest audit results"),
                );
            }
            let days = period_days(period);
            if v.design_only && days == 1 {
                push(
                    "design-only",
                    format!("{ja_whose}監査対象期間が1日 ({period}) です: 整備状況のみの評価で、運用状況は評価されていません"),
                    format!("The audit period {en_whose}is one day ({period}): only the design was assessed, not operating effectiveness"),
                );
            } else if v.design_only {
                push(
                    "design-only",
                    format!("{ja_whose}監査対象期間が{days}日 ({period}) です: 期間が{DESIGN_ONLY_MAX_DAYS}日以内のため1日の場合と同じく整備状況のみの評価として扱い、運用状況(運用の有効性)は評価されていないものとします"),
                    format!("The audit period {en_whose}is {days} days ({period}): a period of {DESIGN_ONLY_MAX_DAYS} days or less is taken as a one-day one, only the design assessed, not operating effectiveness"),
                );
            }
            if v.audit_short {
                push(
                    "audit-period-short",
                    format!("{ja_whose}監査対象期間は{days}日 ({period}) で、{AUDIT_PERIOD_SHORT_MONTHS}か月より短い期間です: 運用状況がどの期間について評価されたか、監査の結果で確認してください"),
                    format!("The audit period {en_whose}is {days} days ({period}), shorter than {AUDIT_PERIOD_SHORT_MONTHS} months: check in the audit results over what period operating effectiveness was assessed"),
                );
            }
        } else if v.in_effect() {
            // as a missing renewal deadline: what the period would show (an audit not
            // ended, over 16 months old, or of one day) is not known, and never passes
            push(
                "audit-period-not-given",
                format!("{ja_whose}監査対象期間を確認していません({name} の監査対象期間が与えられていない): 監査が終了しているか、終了から{AUDIT_PERIOD_MAX_AGE_MONTHS}か月以内か、運用状況まで評価されたか(1日の整備状況のみでないか)は不明です。ISMAPクラウドサービスリストで監査対象期間を確認してください"),
                format!("Audit period {en_whose}not checked ({name} gives no audit period): whether its audit has ended, ended less than {AUDIT_PERIOD_MAX_AGE_MONTHS} months before {as_of}, and assessed operating effectiveness (not one day's design only) is not known; check its audit period on the ISMAP cloud service list"),
            );
        }
        // a deadline years ahead (after the audit period's warnings, which say more)
        if let Some(deadline) = service.renewal_deadline.filter(|_| v.in_effect()) {
            let bound = deadline_bound(service, as_of);
            if deadline > bound {
                let (ja_from, en_from) = match service.audit_period {
                    Some(p) => (
                        format!("監査対象期間 ({p}) の終了"),
                        format!("the end of its audit period ({p})"),
                    ),
                    None => (format!("基準日 {as_of}"), format!("{as_of}")),
                };
                push(
                        "renewal-deadline-implausible",
                        format!("{ja_whose}登録の更新期限 {deadline} は {bound} より後で、{ja_from}から{RENEWAL_DEADLINE_MAX_MONTHS}か月を超えています: 登録の有効期限は監査対象期間の末日の翌日から1年4か月後まで(ISMAP基本規程 3.5)のため、これほど先の期限は入力の誤り(年の誤記など)と考えられます。{name} の登録は有効として扱っていますが、ISMAPクラウドサービスリストで更新期限を確認してください"),
                        format!("The renewal deadline {en_whose}{deadline} is after {bound}, more than {RENEWAL_DEADLINE_MAX_MONTHS} months after {en_from}: a registration is valid until 1 year 4 months after its audit period ends (ISMAP基本規程 3.5), so one this far ahead is probably a mistake in the input (a wrong year); {name}'s registration is taken as valid, but check its renewal deadline on the ISMAP cloud service list"),
                    );
            }
        }
        if v.scope_partly_unknown {
            let scope = service.scope_unnamed.join(" / ");
            push(
                "scope-exclusion-unnamed",
                format!("{ja_whose}言明の対象範囲（{scope}）は、名前を挙げない部分を除外するか、他の文書を参照しています: 言明の対象範囲(言明書とその参照先)を入手し、利用する範囲が含まれるか確認してください。それまで {name} の記載に基づく充足の項目には注記(scope-partly-unknown)を付けます"),
                format!("The statement scope {en_whose}({scope}) excludes parts it does not name, or points elsewhere for them: obtain the statement's scope (the statement and what it points to) and confirm that what you use is within it; until then every item covered on {name}'s statements carries the note scope-partly-unknown"),
            );
        }
    }
    let mut beyond: Vec<(&str, &str)> = csp
        .inherited
        .iter()
        .filter(|(id, _)| !carried_by_infrastructure(id))
        .filter(|(id, _)| matches!(csp.states.get(*id), Some(CspState::Implemented)))
        .map(|(id, i)| (id.as_str(), i.via.as_str()))
        .collect();
    beyond.sort_by_key(|(id, _)| crate::catalog::id::IsmapId::parse(id).map(|i| i.parts));
    if !beyond.is_empty() {
        let by = csp.services.first().map_or("", |s| s.name.as_str());
        let ids: Vec<&str> = beyond.iter().map(|(id, _)| *id).collect();
        let mut via: Vec<&str> = beyond.iter().map(|(_, v)| *v).collect();
        via.sort_unstable();
        via.dedup();
        let (ids, via) = (ids.join(", "), via.join(", "));
        push(
            "inherited-beyond-infrastructure",
            format!("{by} は {ids} を {via} から継承するとしていますが(`inherited:`)、物理的セキュリティ(箇条11)以外の統制目標です: 基盤サービスの言明はそのサービス自身の利用者・データ・運用についてのもので、{by} の利用者・データを含むとは限りません。これに基づく項目は充足とせず(一部充足)、基盤サービスの管理策が {by} 自身の利用者・データに及ぶか確認してください"),
            format!("{by} inherits {ids} from {via} (`inherited:`), outside the physical layer (clause 11): the underlying service's statement is of its own users, data and operation, not necessarily {by}'s; items resting on them are not counted as covered (partial): confirm that the underlying service's control covers {by}'s own users and data"),
        );
    }
    if att.registration_kind == Some(crate::model::RegistrationKind::IsmapLiu) {
        push(
            "ismap-liu",
            "ISMAP-LIUの登録です: 外部監査の範囲はISMAPより狭く(内部監査の結果を提出)、依拠する項目が外部監査の対象か確認してください".to_owned(),
            "An ISMAP-LIU registration: the external audit covers less than ISMAP's (internal audit results are submitted); check that the items you rely on were externally audited".to_owned(),
        );
    }
    if let Some(events) = att
        .subsequent_events
        .as_deref()
        .filter(|t| crate::model::states_something(t))
    {
        push(
            "subsequent-events",
            format!("後発事象が記載されています: {events} (内容が依拠する項目に影響しないか確認してください)"),
            format!("Subsequent events are reported: {events} (check whether they affect the items you rely on)"),
        );
    }
    if let Some(plan) = att
        .improvement_plan
        .as_deref()
        .filter(|t| crate::model::states_something(t))
    {
        push(
            "improvement-plan",
            format!("改善計画があります ({plan}): 計画の内容と対象の管理策を確認してください"),
            format!("The statement has an improvement plan ({plan}): ask for it and check which controls it concerns"),
        );
    }
    if !coverage.is_complete() {
        let mut ja = Vec::new();
        let mut en = Vec::new();
        let (gov, rest): (Vec<&str>, Vec<&str>) = coverage
            .missing_clauses
            .iter()
            .map(String::as_str)
            .partition(|c| *c == "3" || *c == "4");
        if gov.contains(&"3") {
            ja.push("ガバナンス基準(3)の記載がない".to_owned());
            en.push("no governance objective (3)".to_owned());
        }
        if gov.contains(&"4") {
            ja.push("マネジメント基準(4)の記載がない".to_owned());
            en.push("no management objective (4)".to_owned());
        }
        if !rest.is_empty() {
            ja.push(format!("管理策基準の箇条 {} の記載がない", rest.join(", ")));
            en.push(format!("no objective of clause(s) {}", rest.join(", ")));
        }
        let (n, m) = (coverage.stated_objectives, coverage.mandatory_objectives);
        push(
            "list-incomplete",
            format!("CSPの一覧は不完全の可能性があります: 必須の統制目標{m}件のうち{n}件のみ記載{}。記載なしは未実施とは限りません: 一覧の全体または言明書を入手してください", if ja.is_empty() { String::new() } else { format!("、{}", ja.join("、")) }),
            format!("The CSP list looks incomplete: it states {n} of the {m} mandatory objectives{}. Not listed is not the same as not implemented: obtain the full list or the statement (言明書)", if en.is_empty() { String::new() } else { format!("; {}", en.join("; ")) }),
        );
    }
    if !csp.unknown.is_empty() {
        let ids: Vec<&str> = csp.unknown.iter().map(|u| u.id.as_str()).collect();
        push(
            "csp-unknown-ids",
            format!(
                "CSPの一覧にカタログにないIDがあります({}件): {}",
                ids.len(),
                ids.join(", ")
            ),
            format!(
                "The CSP list has {} id(s) not in the catalog: {}",
                ids.len(),
                ids.join(", ")
            ),
        );
    }
    out.extend(csp.statement_warnings(lang));
    out
}

/// Refuses an inherited scope (profile `inherited:`, at any depth of `inherits:`) that
/// names governance or management criteria: they are the applicant's own (ISMAP管理基準
/// chapters 3 and 4), so a service cannot rely on the service under it for them. The
/// profile reader refuses it first, at the entry's line ([`inheritance_refused`]).
pub fn check_inheritance(catalog: &Catalog, att: &Attestation) -> Result<(), InputError> {
    let mut next = Some(att);
    while let Some(a) = next {
        let Some(under) = a.underlying.as_deref() else {
            break;
        };
        let name = under.attestation.display_name();
        if let Some(err) =
            inheritance_refused(catalog, &under.scope, &name, |_| Location::file(&a.source))
        {
            return Err(err);
        }
        next = Some(&under.attestation);
    }
    Ok(())
}

/// The error for the first entry of an inherited `scope` (relied on from the service
/// `from`) that names governance or management criteria, at `at(entry)`: `None` when
/// there is none.
pub fn inheritance_refused(
    catalog: &Catalog,
    scope: &[String],
    from: &str,
    at: impl Fn(&str) -> Location,
) -> Option<InputError> {
    scope.iter().find_map(|scope| {
        let id = crate::catalog::id::canonical(scope).unwrap_or_else(|| scope.clone());
        let layer = catalog.get(&id).map(|e| e.layer);
        let layer @ (Layer::Governance | Layer::Management) = layer? else {
            return None;
        };
        Some(
            InputError::at(
                at(scope),
                format!(
                    "field 'inherited': '{scope}' is {} ({}): governance and management criteria are the service's own and cannot be inherited from '{from}'",
                    layer.as_str(),
                    layer.label(crate::lang::Lang::Ja),
                ),
            )
            .hint("remove it from `inherited:` and state the governance and management objectives the service itself implements under `implemented`"),
        )
    })
}

#[cfg(test)]
mod evidence_tests {
    #[test]
    fn evidence_labels_are_in_the_reports_language() {
        use super::evidence_in;
        use crate::lang::Lang;
        let text = "証跡: PAM export; 担当: SecOps; 9.2.3.11.PB: 証跡: 申請記録";
        assert_eq!(evidence_in(text, Lang::Ja), text);
        assert_eq!(
            evidence_in(text, Lang::En),
            "evidence: PAM export; owner: SecOps; 9.2.3.11.PB: evidence: 申請記録"
        );
    }
}
