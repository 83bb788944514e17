//! The fields of a service's entry on the ISMAP cloud service list (ISMAPクラウドサービスリスト),
//! pasted with its control list: their labels, Japanese or English (`登録番号`, `登録の更新期限`,
//! `監査対象期間`, `後発事象`, `Renewal deadline`…), each followed by its value on its line (a
//! tab, spaces, `：`) or on the next line (a PDF's cells pasted one per line), read into the
//! registry facts a profile gives. A field line is metadata: it is read before the ids and
//! taken out of the list, so it never states anything of an id around it. What a label
//! must carry but does not (a date that is not one, no value at all) is an input error
//! naming the line. Ids inside a value (a scope naming `8.1.5.P`) are text, never credited;
//! a value that is a list of ids, a value that negates right above ids (a heading, maybe),
//! and a value naming an id the list states implemented are input errors.
use std::collections::BTreeSet;
use std::path::Path;

use crate::catalog::Catalog;
use crate::date::{parse_period, Date};
use crate::error::{InputError, Location};
use crate::input::csp::ids::find_ids;
use crate::input::csp::published::{self, quote, Line};
use crate::input::csp::{remarks, vocab};
use crate::model::{Attestation, Period, ReadField, RegistrationKind};
use crate::text::fold_width;

/// What a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    /// The list's own title: which list the entry is on.
    ListTitle(RegistrationKind),
    /// The title of the control list (基本言明要件のうち実施している統制目標の管理策).
    TableTitle,
    /// A line naming the list by its kind (`区分 ISMAP-LIU`, `登録区分`, `種別`).
    Kind,
    RegistrationNumber,
    Name,
    Provider,
    Registered,
    RenewalDeadline,
    /// 言明の対象範囲: with a value, the scope; alone, over 対象範囲 / 対象外.
    Scope,
    InScope,
    OutOfScope,
    AuditPeriod,
    SubsequentEvents,
    ImprovementPlan,
    CapitalRelationships,
    /// 準拠法・裁判管轄: with a value, both; alone, over 準拠法 / 裁判管轄.
    LawAndJurisdiction,
    GoverningLaw,
    Jurisdiction,
    ThirdPartyTesting,
}

impl Field {
    /// A title: a line of its own, no value.
    fn is_title(self) -> bool {
        matches!(self, Field::ListTitle(_) | Field::TableTitle)
    }

    /// Whether `self` is a part of the group label `group` (対象外 of 言明の対象範囲).
    fn is_part_of(self, group: Field) -> bool {
        matches!(
            (group, self),
            (Field::Scope, Field::InScope | Field::OutOfScope)
                | (
                    Field::LawAndJurisdiction,
                    Field::GoverningLaw | Field::Jurisdiction
                )
        )
    }

    /// A value a PDF may break over lines: free text (a name, a scope, events, a plan) and
    /// a period.
    fn continues(self) -> bool {
        self.is_text() || self == Field::AuditPeriod
    }

    /// Free text (a name, a scope, events, a plan).
    fn is_text(self) -> bool {
        !matches!(
            self,
            Field::ListTitle(_)
                | Field::TableTitle
                | Field::Kind
                | Field::RegistrationNumber
                | Field::Registered
                | Field::RenewalDeadline
                | Field::AuditPeriod
        )
    }

    /// A field the list publishes as yes or no (its label may end in `の有無`).
    fn takes_yes_no(self) -> bool {
        matches!(
            self,
            Field::SubsequentEvents | Field::ImprovementPlan | Field::ThirdPartyTesting
        )
    }

    /// A part of the scope (言明の対象範囲, 対象範囲, 対象外).
    fn is_scope(self) -> bool {
        matches!(self, Field::Scope | Field::InScope | Field::OutOfScope)
    }

    /// A label that is also a status word (`対象外`, `Out of scope`: a status cell of a PDF
    /// row pasted on a line of its own, maybe): a label only within the scope, right after
    /// 言明の対象範囲 or 対象範囲 and their values.
    fn only_in_scope(self) -> bool {
        self == Field::OutOfScope
    }

    /// A label whose own words exclude or defer (対象外, 改善計画): above ids, it is read
    /// with its value.
    fn label_qualifies(self) -> bool {
        matches!(self, Field::OutOfScope | Field::ImprovementPlan)
    }

    /// The profile field it is read into.
    fn profile_field(self) -> &'static str {
        match self {
            Field::ListTitle(_) | Field::Kind => "registration_kind",
            Field::TableTitle => "",
            Field::RegistrationNumber => "registration_number",
            Field::Name => "name",
            Field::Provider => "provider",
            Field::Registered => "registered",
            Field::RenewalDeadline => "renewal_deadline",
            Field::Scope | Field::InScope | Field::OutOfScope => "scope",
            Field::AuditPeriod => "audit_period",
            Field::SubsequentEvents => "subsequent_events",
            Field::ImprovementPlan => "improvement_plan",
            Field::CapitalRelationships => "capital_relationships",
            Field::LawAndJurisdiction | Field::GoverningLaw => "governing_law",
            Field::Jurisdiction => "jurisdiction",
            Field::ThirdPartyTesting => "third_party_testing",
        }
    }
}

/// The labels of a list entry, as [`label_key`] reduces them: the Japanese list's, and the
/// English list's as a reader of it would expect them.
const LABELS: &[(Field, &[&str])] = &[
    (
        Field::ListTitle(RegistrationKind::Ismap),
        &["ismapクラウドサービスリスト", "ismapcloudservicelist"],
    ),
    (
        Field::ListTitle(RegistrationKind::IsmapLiu),
        &[
            "ismapliuクラウドサービスリスト",
            "ismapliucloudservicelist",
            "ismapforlowimpactuseクラウドサービスリスト",
            "ismapforlowimpactusecloudservicelist",
        ],
    ),
    (
        Field::Kind,
        &[
            "区分",
            "登録区分",
            "種別",
            "登録種別",
            "registrationkind",
            "registrationtype",
        ],
    ),
    (
        Field::TableTitle,
        &[
            "基本言明要件のうち実施している統制目標の管理策",
            "基本言明要件のうち実施している統制目標",
            "controlobjectivesimplementedamongthebasicstatementrequirements",
            "implementedcontrolobjectivesamongthebasicstatementrequirements",
            "controlsofthecontrolobjectivesimplementedamongthebasicstatementrequirements",
            "controlmeasuresofthecontrolobjectivesimplementedamongthebasicstatementrequirements",
        ],
    ),
    (
        Field::RegistrationNumber,
        &["登録番号", "registrationnumber", "registrationno"],
    ),
    (
        Field::Name,
        &[
            "クラウドサービスの名称",
            "クラウドサービス名称",
            "クラウドサービス名",
            "サービスの名称",
            "サービス名称",
            "サービス名",
            "cloudservicename",
            "nameofthecloudservice",
            "nameofcloudservice",
            "servicename",
        ],
    ),
    (
        Field::Provider,
        &[
            "クラウドサービス事業者",
            "クラウドサービス事業者名",
            "クラウドサービス事業者の名称",
            "事業者名",
            "事業者の名称",
            "cloudserviceprovider",
            "cloudserviceprovidername",
            "nameofthecloudserviceprovider",
            "nameofcloudserviceprovider",
        ],
    ),
    (
        Field::Registered,
        &[
            "登録日",
            "登録年月日",
            "登録日付",
            "dateofregistration",
            "registrationdate",
        ],
    ),
    (
        Field::RenewalDeadline,
        &[
            "登録の更新期限",
            "登録更新期限",
            "更新期限",
            "更新期限日",
            "次回更新期限",
            "有効期限",
            "登録の有効期限",
            "登録有効期限",
            "登録期限",
            "renewaldeadline",
            "registrationrenewaldeadline",
            "renewaldeadlineofregistration",
            "deadlineforrenewal",
            "deadlineforregistrationrenewal",
        ],
    ),
    (
        Field::Scope,
        &[
            "言明の対象範囲",
            "言明対象範囲",
            "scopeofthestatement",
            "scopeofstatement",
            "statementscope",
        ],
    ),
    (Field::InScope, &["対象範囲", "scope", "inscope"]),
    (
        Field::OutOfScope,
        &[
            "対象外",
            "対象範囲外",
            // the exclusions written under their own label after the scope (`言明の対象外
            // 管理コンソール、…`): no side fact, the scope's (session 15 merge: fix14-caps)
            "言明の対象外",
            "言明対象外",
            "言明の対象範囲外",
            "outofscope",
        ],
    ),
    (
        Field::AuditPeriod,
        &[
            "監査対象期間",
            "監査の対象期間",
            "監査期間",
            "auditperiod",
            "periodsubjecttoaudit",
            "periodsubjecttotheaudit",
            "periodcoveredbytheaudit",
            "auditedperiod",
            "audittargetperiod",
        ],
    ),
    (
        Field::SubsequentEvents,
        &[
            "後発事象",
            "重要な後発事象",
            "後発事象等",
            "subsequentevents",
            "subsequentevent",
        ],
    ),
    (
        Field::ImprovementPlan,
        &["改善計画", "improvementplan", "improvementplans"],
    ),
    (
        Field::CapitalRelationships,
        &[
            "資本関係役員等の情報",
            "資本関係役員等に関する情報",
            "資本関係及び役員等の情報",
            "資本関係役員等",
            "capitalrelationshipsandofficers",
            "capitalrelationshipandofficers",
            "capitalrelationshipsandofficersinformation",
            "informationoncapitalrelationshipsandofficers",
            "capitaltiesandofficers",
        ],
    ),
    (
        Field::LawAndJurisdiction,
        &[
            "準拠法裁判管轄",
            "準拠法及び裁判管轄",
            "準拠法および裁判管轄",
            "準拠法と裁判管轄",
            "governinglawandjurisdiction",
            "governinglawjurisdiction",
            "applicablelawandjurisdiction",
        ],
    ),
    (
        Field::GoverningLaw,
        &["準拠法", "governinglaw", "applicablelaw"],
    ),
    (
        Field::Jurisdiction,
        &["裁判管轄", "管轄裁判所", "jurisdiction"],
    ),
    (
        Field::ThirdPartyTesting,
        &[
            "第三者による検証",
            "第三者によるテスト",
            "第三者による検証テスト",
            "第三者による検査",
            "第三者による診断",
            "第三者による検証等",
            "第三者検証",
            "thirdpartytesting",
            "thirdpartytests",
            "thirdpartytest",
            "thirdpartyverification",
            "thirdpartyverificationandtesting",
            "testingbythirdparties",
            "testingbyathirdparty",
            "verificationbyathirdparty",
        ],
    ),
];

/// A label as compared: width-folded, lower case, letters and digits only; a note in round
/// brackets (`第三者による検証（脆弱性診断等）`, `(1)`) left out, and whether one was. `None`
/// when a note holds an id, a status or a negation (`後発事象（9.2.3は未実施）` is no label).
fn label_key(text: &str) -> Option<(String, bool)> {
    let folded = fold_width(text).to_lowercase();
    let mut key = String::new();
    let mut note = String::new();
    let mut noted = false;
    let mut depth = 0usize;
    for c in folded.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    if !find_ids(&note).0.is_empty()
                        || vocab::negation_in(&note).is_some()
                        || !vocab::status_words(&note).is_empty()
                    {
                        return None;
                    }
                    // a date in brackets (`（2025年10月1日時点）`) is page furniture, no note
                    noted |= !published::is_furniture(&note);
                    note.clear();
                }
            }
            _ if depth > 0 => note.push(c),
            _ if c.is_alphanumeric() => key.push(c),
            _ => {}
        }
    }
    (depth == 0).then_some((key, noted))
}

/// A bracketed note on the control list's title that narrows it, and what it does: a
/// footnote mark (`（※1）`), a plan, an edition, a licence, a site or a share
/// ([`remarks::part_word`]), a place (`Tokyo`, `大阪`) or a region or environment
/// (`東京リージョン`, `本番環境`); not the whole service nor its name (review 23 A-3).
fn title_bracket_narrows(title: &str) -> Option<(String, String)> {
    let folded = fold_width(title);
    let mut notes = Vec::new();
    let mut depth = 0usize;
    let mut note = String::new();
    for c in folded.chars() {
        match c {
            '(' | '（' | '[' | '【' => {
                depth += 1;
                if depth == 1 {
                    note.clear();
                    continue;
                }
            }
            ')' | '）' | ']' | '】' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    notes.push(note.trim().to_owned());
                    continue;
                }
            }
            _ => {}
        }
        if depth > 0 {
            note.push(c);
        }
    }
    notes.into_iter().find_map(|note| {
        if let Some(mark) = remarks::footnote_ref(&note) {
            return Some((
                note,
                format!("is a footnote mark ('{mark}') whose note is not read"),
            ));
        }
        if remarks::is_whole_scope(&note) {
            return None;
        }
        let key = note.to_lowercase();
        remarks::part_word(&key)
            .or_else(|| crate::analysis::gap::places_in(&key).first().copied())
            .or_else(|| {
                ["リージョン", "region", "本番", "環境", "production", "のみ", "only"]
                    .into_iter()
                    .find(|w| key.contains(w))
            })
            .map(|w| {
                let what = format!(
                    "names a plan, an edition, a region or a part of the service ('{w}'), not the service"
                );
                (note, what)
            })
    })
}

/// The field a text labels, and whether the label asks yes or no (`改善計画の有無`).
fn label(text: &str) -> Option<(Field, bool)> {
    if text.chars().count() > 120 {
        return None;
    }
    let (key, noted) = label_key(text)?;
    let (key, yes_no) = match key
        .strip_suffix("の有無")
        .or_else(|| key.strip_suffix("有無"))
        .or_else(|| key.strip_suffix("yesno"))
    {
        Some(k) => (k, true),
        None => (key.as_str(), false),
    };
    let field = match LABELS
        .iter()
        .find(|(_, keys)| keys.contains(&key))
        .map(|(f, _)| *f)?
    {
        // `ISMAPクラウドサービスリスト（ISMAP-LIU）`: a title that mentions LIU anywhere names
        // the LIU list
        Field::ListTitle(_) if mentions_liu(text) => Field::ListTitle(RegistrationKind::IsmapLiu),
        // `ISMAPクラウドサービスリスト（申請中）`, `（登録抹消）`: a note beside the title may say
        // the service is not (or no longer) on the list; such a line states no kind
        Field::ListTitle(_) if noted => return None,
        field => field,
    };
    (!yes_no || field.takes_yes_no()).then_some((field, yes_no))
}

/// Whether a text mentions ISMAP-LIU: `ISMAP-LIU`, `ISMAP LIU`, `ＩＳＭＡＰ－ＬＩＵ`,
/// `LIU` as a word in capitals, `Low-Impact Use`. A name (`Liu Wei`, `liu`) is not one
/// (review 11 C-15).
pub(crate) fn mentions_liu(text: &str) -> bool {
    let width = fold_width(text);
    let folded = width.to_lowercase();
    let letters: String = folded.chars().filter(|c| c.is_alphanumeric()).collect();
    letters.contains("ismapliu")
        || letters.contains("lowimpactuse")
        || width
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w == "LIU")
}

/// The first line of a text (a pasted entry, a CSV/TSV table, a profile) that mentions
/// ISMAP-LIU, where and as written ([`mentions_liu`]): any line, whatever it was read as.
pub(crate) fn liu_in_text(path: &Path, text: &str) -> Option<(Location, String)> {
    text.lines()
        .enumerate()
        .find(|(_, l)| mentions_liu(l))
        .map(|(i, l)| (Location::file(path).line(i + 1), quote(l)))
}

/// Whether `c` may stand between a label and its value in one cell.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, ':' | '：')
}

/// The label a cell starts with, and the rest of the cell (its value, maybe empty): the
/// longest start of the cell that is a label and ends at a separator or the cell's end.
fn split_label(cell: &str) -> Option<(Field, bool, &str, &str)> {
    let cell = cell.trim();
    // `# 登録区分: ISMAP`, `// 登録番号 …`: a line commented out states nothing
    if cell.starts_with(['#', '＃']) || cell.starts_with("//") {
        return None;
    }
    let mut ends: Vec<usize> = cell
        .char_indices()
        .filter(|(_, c)| is_separator(*c))
        .map(|(i, _)| i)
        .collect();
    ends.push(cell.len());
    ends.into_iter().rev().find_map(|end| {
        let head = &cell[..end];
        let (field, yes_no) = label(head)?;
        let value = cell[end..].trim_start_matches(is_separator).trim();
        Some((field, yes_no, head.trim(), value))
    })
}

/// The registration kind a row above a table's header states, as a pasted list entry
/// states it: the list's title alone in its row (`ISMAPクラウドサービスリスト`,
/// `ISMAP-LIUクラウドサービスリスト`, a title mentioning ISMAP-LIU anywhere naming the LIU
/// list), or a kind label with its value in the same cell (`登録区分: ISMAP`) or the next
/// (`区分 | ISMAP-LIU`); `None` for any other row (a title, a note). A kind label whose
/// value is neither ISMAP nor ISMAP-LIU is an error: (the label, the value).
pub fn kind_stated(cells: &[String]) -> Result<Option<RegistrationKind>, (String, String)> {
    let said: Vec<&str> = cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    let Some((field, _, head, value)) = said.first().and_then(|c| split_label(c)) else {
        return Ok(None);
    };
    let value = match (field, value, said.len()) {
        (Field::ListTitle(kind), "", 1) => return Ok(Some(kind)),
        (Field::Kind, "", 2) => said[1],
        (Field::Kind, v, 1) if !v.is_empty() => v,
        _ => return Ok(None),
    };
    if mentions_liu(value) {
        return Ok(Some(RegistrationKind::IsmapLiu));
    }
    // a bare `区分`/`種別` beside a table may classify something else (`種別: ISMAP`, the
    // criteria a table maps; `区分 SaaS`): it states the ISMAP registration only when it
    // says ISMAP-LIU (the lesser assurance), and is otherwise no kind row
    if label_key(head).is_some_and(|(k, _)| k == "区分" || k == "種別") {
        return Ok(None);
    }
    RegistrationKind::parse(value)
        .map(Some)
        .ok_or_else(|| (head.to_owned(), value.to_owned()))
}

/// Whether a row above a table's header names the service whose statement the table is:
/// its name, its registration number or its provider under their labels
/// (`サービス名: 〇〇クラウド`, `登録番号 | C23-0001-1`), with a value.
pub fn names_the_service(cells: &[String]) -> bool {
    let said: Vec<&str> = cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    let Some((field, _, _, value)) = said.first().and_then(|c| split_label(c)) else {
        return false;
    };
    matches!(
        field,
        Field::Name | Field::RegistrationNumber | Field::Provider
    ) && (!value.is_empty() || said.len() >= 2)
}

/// The registry fact a row of a sheet outside its status table states (above its header,
/// or on a sheet without ids), as written (`登録の更新期限: 2025-03-31`, `改善計画 | 有`,
/// `対象範囲: 東京リージョン`, or a fact under a label the entry does not use, `有効期限
/// 2025/3/31`): a fact a verdict depends on (dates, the audit period, subsequent events, an
/// improvement plan, the scope), which a table does not carry, under its label in any cell;
/// `None` for any other row (the kind, the titles, the service's name or number).
pub fn registry_fact(cells: &[String]) -> Option<String> {
    let text = crate::text::join_filled(cells.iter().map(String::as_str));
    if text.is_empty() {
        return None;
    }
    // a label in any cell (`No. | 登録の更新期限 | 2025/3/31`)
    let verdict_fact = cells
        .iter()
        .filter_map(|c| split_label(c))
        .any(|(field, ..)| field.is_scope() || is_dated_fact(field));
    (verdict_fact
        || unknown_registry_label(&text, false).is_some()
        || registry_state(&text).is_some())
    .then_some(text)
}

/// A field a verdict depends on, the scope aside: the registration's dates, the audit
/// period, subsequent events, an improvement plan.
fn is_dated_fact(field: Field) -> bool {
    matches!(
        field,
        Field::Registered
            | Field::RenewalDeadline
            | Field::AuditPeriod
            | Field::SubsequentEvents
            | Field::ImprovementPlan
    )
}

/// A registry fact in text the reader does not otherwise read (a hidden sheet's row, a cell
/// comment): a date, the audit period, events or a plan under the entry's label with its
/// value (`登録の更新期限 | 2026-09-30`), or a fact under a label the entry does not use, the
/// registration's state with it (`2026年9月30日付で登録失効`, `掲載状況: 掲載停止`). Not a
/// scope, nor a state word alone: a drop-down's values (`対象外`, `期限切れ`) are no fact.
pub fn registry_fact_said(cells: &[String]) -> Option<String> {
    let text = crate::text::join_filled(cells.iter().map(String::as_str));
    let said = cells.iter().filter(|c| !c.trim().is_empty()).count();
    let dated = cells
        .iter()
        .filter_map(|c| split_label(c))
        .any(|(field, _, _, value)| is_dated_fact(field) && (!value.is_empty() || said >= 2));
    (dated || unknown_registry_label(&text, false).is_some()).then_some(text)
}

/// Whether `cells` state the statement's scope under its label (`対象範囲`, `言明の対象範囲`,
/// `対象外`): on a workbook's cover not read as the entry's field (review 15 C-2 reads the
/// others) — refused as a registry fact unless it limits nothing ([`scope_limits_nothing`]).
pub fn scope_row(cells: &[String]) -> bool {
    cells
        .iter()
        .filter_map(|c| split_label(c))
        .any(|(field, ..)| matches!(field, Field::Scope | Field::InScope | Field::OutOfScope))
}

/// Whether `cells` are a scope line that limits nothing (review 13 C-2): one label, the
/// statement's scope (`対象範囲`), and a value naming the whole service (`本サービスの全リー
/// ジョン`, `全体`) or a name alone (`サンプルクラウド`) — no region, part, bracket or
/// qualifier (`東京リージョン`, `（管理コンソールを除く）`, `…のみ`), which stays a registry
/// fact a table does not carry. Such a line is read as a cover's `対象サービス` is.
pub fn scope_limits_nothing(cells: &[String]) -> bool {
    let Some((Field::Scope | Field::InScope, value)) = one_labelled_value(cells) else {
        return false;
    };
    if value.is_empty() {
        return false;
    }
    let qualified = [
        "除",
        "のみ",
        "以外",
        "一部",
        "限",
        "対象外",
        "ただし",
        "但し",
        "含ま",
        "except",
        "only",
        "exclud",
        "partial",
    ]
    .iter()
    .any(|w| value.contains(w));
    // the words of all (`本サービスの全リージョン`, `全体`) taken out, what is left must be one
    // name alone: `サンプルクラウド 基本機能` names a part (review 14 A-15)
    let mut rest = value.clone();
    for w in [
        "の全リージョン",
        "全リージョン",
        "の全体",
        "全体",
        "の全サービス",
        "全サービス",
        "all regions",
        "(all)",
    ] {
        rest = rest.replace(w, " ");
    }
    let whole = rest != value;
    let rest = rest.trim();
    // an English name is words (`Sample Cloud`): one of them naming a part is a part
    let one_name = (rest.is_ascii() || !rest.contains(char::is_whitespace))
        && ![
            "全",
            "すべて",
            "全て",
            "機能",
            "版",
            "画面",
            "コンソール",
            "アプリ",
            "モバイル",
            "東京",
            "大阪",
            "国内",
            "国外",
            "海外",
            "日本",
            "基本",
            "部分",
        ]
        .iter()
        .any(|w| rest.contains(w))
        && !rest.split_whitespace().any(|w| {
            [
                "all",
                "web",
                "api",
                "console",
                "app",
                "mobile",
                "plan",
                "basic",
                "standard",
                "enterprise",
                "tokyo",
                "osaka",
                "japan",
                "version",
                "edition",
            ]
            .contains(&w)
        });
    let parts = [
        "リージョン",
        "region",
        "拠点",
        "データセンター",
        "環境",
        "オプション",
        "プラン",
        "エディション",
        "edition",
        "(",
        ")",
        "、",
        ",",
    ]
    .iter()
    .any(|w| rest.contains(w));
    !qualified && !parts && (one_name || whole && rest.is_empty())
}

/// The service's name a row above a status table states (`クラウドサービスの名称 | テスト
/// クラウド`, `サービス名：テストクラウド`, or a scope line that limits nothing, `対象範囲 |
/// テストクラウド`: [`scope_limits_nothing`]), folded (width, case): a cell naming it under a
/// scope header means the whole service (review 12 C-12). `None` for any other row.
pub fn service_name_stated(cells: &[String]) -> Option<String> {
    match one_labelled_value(cells)? {
        (Field::Name, name) if !name.is_empty() => Some(name),
        (Field::Scope | Field::InScope, name) if scope_limits_nothing(cells) => Some(name),
        _ => None,
    }
}

/// The registration's state a row above a table notes on the service's name or its
/// provider (`サービス名: テストSaaS（更新中）`, [`registry_state_noted`]): a word that is a
/// state only as a note, which [`registry_fact`] does not find in the row's text (review 23
/// A-16).
pub fn name_state_noted(cells: &[String]) -> Option<&'static str> {
    match one_labelled_value(cells)? {
        (Field::Name | Field::Provider, value) => registry_state_noted(&value),
        _ => None,
    }
}

/// Whose statement a row above a table says it is (`サービス名 | サービスA`, `登録番号：
/// C21-9999-1`, `事業者名 …`): the label and the value as written, and whether it names the
/// provider (shared by its services); `None` for any other row or no value. Two sheets of one
/// workbook naming different ones are two statements (review 20 B-2).
pub fn whose_statement(cells: &[String]) -> Option<(String, bool, String)> {
    let (field, folded) = one_labelled_value(cells)?;
    if !matches!(
        field,
        Field::Name | Field::RegistrationNumber | Field::Provider
    ) || folded.is_empty()
    {
        return None;
    }
    let (_, _, label, value) = cells.iter().find_map(|c| split_label(c))?;
    let rest = cells
        .iter()
        .map(|c| c.as_str())
        .filter(|c| split_label(c).is_none());
    let written = crate::text::join_filled(std::iter::once(value).chain(rest));
    let label = label.trim_end_matches(is_separator).to_owned();
    Some((label, field == Field::Provider, written))
}

/// Whether a row states the registration number (`登録番号 | C21-0001-2`): a cover stating
/// only that is still the entry's, compared with the rows above the tables (fix32-sheets
/// leftover).
pub fn states_registration_number(cells: &[String]) -> bool {
    one_labelled_value(cells)
        .is_some_and(|(field, value)| field == Field::RegistrationNumber && !value.is_empty())
}

/// The field of the one labelled cell of `cells` and its value with the cells that hold no
/// label, folded (width, case): `対象範囲 | テストクラウド`, `サービス名：テストクラウド`.
fn one_labelled_value(cells: &[String]) -> Option<(Field, String)> {
    let labelled: Vec<(Field, &str)> = cells
        .iter()
        .filter_map(|c| split_label(c))
        .map(|(field, _, _, value)| (field, value))
        .collect();
    let [(field, value)] = labelled[..] else {
        return None;
    };
    let rest: Vec<&str> = cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty() && split_label(c).is_none())
        .collect();
    let value = crate::text::fold_width(&format!("{value} {}", rest.join(" ")))
        .trim()
        .to_lowercase();
    Some((field, value))
}

/// Whether a cell of `cells` starts with `次回更新` (`次回更新: 2026年9月`, `次回更新日 |
/// 2026/9/30`): the registration's renewal or the document's own next revision — refused
/// either way (the hint says how to write each).
pub fn next_update_label(cells: &[String]) -> bool {
    cells.iter().any(|c| {
        let k = crate::text::header_key(c);
        k.starts_with("次回更新") && !k.starts_with("次回更新期限")
    })
}

/// The registry-field labels (登録番号, 登録の更新期限, 監査対象期間, 後発事象…) starting the
/// cells of a table, as written, when two or more fields are named: an entry of the ISMAP
/// cloud service list copied into a sheet or saved as CSV, whose fields are read only from
/// pasted text.
pub fn entry_labels<'a>(cells: impl Iterator<Item = &'a str>) -> Option<Vec<String>> {
    let mut seen: Vec<(Field, String)> = Vec::new();
    for cell in cells {
        let Some((field, _, head, _)) = split_label(cell) else {
            continue;
        };
        let registry = matches!(
            field,
            Field::RegistrationNumber
                | Field::Registered
                | Field::RenewalDeadline
                | Field::AuditPeriod
                | Field::SubsequentEvents
                | Field::ImprovementPlan
        );
        if registry && !seen.iter().any(|(f, _)| *f == field) {
            seen.push((field, head.to_owned()));
        }
    }
    (seen.len() >= 2).then(|| seen.into_iter().map(|(_, h)| h).collect())
}

/// The lines a value stands on, each with its cells (no cells: the whole line).
type ValueLines = Vec<(usize, Vec<String>)>;

/// A label on a line, with the values that follow it on the line (cells, or the rest of its
/// cell).
#[derive(Debug, Clone)]
struct Spec {
    field: Field,
    yes_no: bool,
    label: String,
    values: Vec<String>,
}

/// What a line is, for reading the fields.
#[derive(Debug, Clone)]
enum Kind {
    Blank,
    /// A page number, a date, a copyright line.
    Furniture,
    /// Labels and the values on the line.
    Labels(Vec<Spec>),
    /// Ids as a list holds them (with their titles).
    IdList,
    /// Ids inside other words.
    IdProse,
    /// A line of column headers (`統制目標 番号`).
    Header,
    /// A registry fact under a label the entry does not use ([`unknown_registry_label`],
    /// its registry word): refused unless a field takes it.
    UnknownField(&'static str),
    /// The registration's state in words ([`registry_state`]): refused.
    State,
    Other,
}

/// The labels of a line, when its first cell starts with one; a title only as a line of its
/// own.
fn specs_of(cells: &[&str]) -> Option<Vec<Spec>> {
    let (field, yes_no, label, value) = split_label(cells.first()?)?;
    if field.is_title() {
        // the date the portal prints beside the title (`ISMAPクラウドサービスリスト
        // 2026年10月1日更新`) is page furniture
        let value = if published::is_furniture(value) {
            ""
        } else {
            value
        };
        return (cells.len() == 1 && value.is_empty()).then(|| {
            vec![Spec {
                field,
                yes_no,
                label: label.to_owned(),
                values: Vec::new(),
            }]
        });
    }
    let mut specs = vec![Spec {
        field,
        yes_no,
        label: label.to_owned(),
        values: (!value.is_empty())
            .then(|| value.to_owned())
            .into_iter()
            .collect(),
    }];
    for cell in &cells[1..] {
        match split_label(cell).filter(|(f, ..)| !f.is_title()) {
            Some((field, yes_no, label, value)) => specs.push(Spec {
                field,
                yes_no,
                label: label.to_owned(),
                values: (!value.is_empty())
                    .then(|| value.to_owned())
                    .into_iter()
                    .collect(),
            }),
            None => {
                if let Some(last) = specs.last_mut() {
                    last.values.push(cell.trim().to_owned());
                }
            }
        }
    }
    Some(specs)
}

/// The cells of a line that hold something, trimmed.
fn cells_of<'a>(line: &Line<'a>) -> Vec<&'a str> {
    line.cells
        .iter()
        .map(|c| c.text.trim())
        .filter(|t| !t.is_empty())
        .collect()
}

fn kind_of(line: &Line, catalog: &Catalog) -> Kind {
    let cells: Vec<&str> = line
        .cells
        .iter()
        .map(|c| c.text.trim())
        .filter(|t| !t.is_empty())
        .collect();
    if cells.is_empty() {
        return Kind::Blank;
    }
    if let Some(specs) = specs_of(&cells) {
        // `区分 管理策番号 実施状況`: a table's header line starting with a category column,
        // not the list's kind
        let header = |v: &str| {
            !fold_width(v).to_lowercase().contains("ismap")
                && !mentions_liu(v)
                && (v.split_whitespace().all(|w| {
                    super::classify::is_id_header(w) || super::classify::role(w).is_some()
                }) || published::is_header_line(v))
        };
        if specs[0].field == Field::Kind
            && specs.len() == 1
            && !specs[0].values.is_empty()
            && header(&specs[0].values.join(" "))
        {
            return Kind::Header;
        }
        return Kind::Labels(specs);
    }
    let text = cells.join(" ");
    let ids = find_ids(&text).0;
    if let Some(first) = ids.first() {
        // a line that starts with an id is the list's, whatever follows it
        return if published::is_marker(&text[..first.start]) || is_id_list(&text, catalog) {
            Kind::IdList
        } else {
            Kind::IdProse
        };
    }
    let folded = fold_width(&text).to_lowercase();
    let title = folded.contains("クラウドサービスリスト") || folded.contains("cloud service list");
    if published::is_header_line(&text) {
        Kind::Header
    } else if let Some(word) = unknown_registry_label(&text, true) {
        Kind::UnknownField(word)
    } else if !title
        && registry_state(&text).is_some()
        && !(published::is_note(&text) && published::names_a_part(&text))
    {
        // a note of a part under review (`※ 大阪リージョンは現在審査中`) narrows the list: the
        // footnote rule's
        Kind::State
    } else if published::is_furniture_line(&text) {
        Kind::Furniture
    } else {
        Kind::Other
    }
}

/// Whether `text` holds ids as a published list does (a marker, ids, separators, titles):
/// not a value's words.
fn is_id_list(text: &str, catalog: &Catalog) -> bool {
    let (ids, _) = find_ids(text);
    !ids.is_empty()
        && published::check_ids(text, &ids, Location::file(Path::new("")), catalog, "").is_ok()
}

/// `有`, `無`, `あり`, `なし`, `yes`, `no`, `none` (alone): `Some(true)` for yes.
fn yes_no_word(word: &str) -> Option<bool> {
    let k = crate::text::header_key(word.trim().trim_end_matches(['。', '.']));
    match &*k {
        "有" | "有り" | "あり" | "yes" | "y" => Some(true),
        "無" | "無し" | "なし" | "該当なし" | "no" | "n" | "none" | "nil" => Some(false),
        // no plan and none to report (`予定なし`, `該当事項なし`, `ありません`: review 23 C-3)
        "予定なし" | "計画なし" | "該当事項なし" | "特になし" | "ありません" | "該当ありません" => {
            Some(false)
        }
        _ => None,
    }
}

/// Whether a value starts with yes or no (`有`, `無（…）`, `あり 年1回`, `Yes, annually`).
fn starts_yes_no(value: &str) -> bool {
    let v = fold_width(value);
    let v = v.trim();
    let first = v
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ',' | '、' | ':' | '：' | '/'))
        .next()
        .unwrap_or("");
    yes_no_word(first).is_some()
}

/// A registration number as the list writes it (`C21-0001-2`): letters, digits and
/// hyphens, with a digit.
fn is_registration_number(value: &str) -> bool {
    let v = fold_width(value);
    let v = v.trim();
    (3..=32).contains(&v.len())
        && v.chars().any(|c| c.is_ascii_digit())
        && v.chars().any(|c| c.is_ascii_alphabetic())
        && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// An id named inside a field's value: never credited, and an error where the list states
/// it implemented.
#[derive(Debug, Clone)]
pub struct Mention {
    pub id: String,
    /// The catalog title it was named by, when not by its id.
    pub title: Option<String>,
    /// Named by a near form of its title (`利用者登録・削除`, `特権アクセス権の管理`), not the
    /// exact one: it may name it, which is enough to refuse, never to read anything.
    pub near: bool,
    pub line: usize,
    pub label: String,
    pub value: String,
}

/// What the fields of a pasted list entry gave.
#[derive(Debug, Default)]
pub struct Page {
    registration_kind: Option<RegistrationKind>,
    registration_number: Option<String>,
    name: Option<String>,
    provider: Option<String>,
    registered: Option<Date>,
    renewal_deadline: Option<Date>,
    audit_period: Option<Period>,
    scope: Vec<String>,
    governing_law: Option<String>,
    jurisdiction: Option<String>,
    subsequent_events: Option<String>,
    improvement_plan: Option<String>,
    capital_relationships: Option<String>,
    third_party_testing: Option<String>,
    /// A line saying the registration's renewal has been applied for ([`renewal_applied`]).
    renewal_pending: Option<String>,
    /// The profile fields read, each with the line of its (first) label.
    pub fields: Vec<ReadField>,
    /// The lines the fields took (labels and values), 1-based.
    consumed: BTreeSet<usize>,
    /// Ids named inside values.
    pub mentions: Vec<Mention>,
    /// Where each single-valued field was given first: (field, line, value as written).
    given: Vec<(&'static str, usize, String)>,
    /// The lines of the list's or table's title (a date the portal prints beside it is
    /// checked against the as-of date by the reader of the text).
    pub title_lines: Vec<usize>,
}

/// The hint for a line of the entry whose label has no value.
const FOR_NO_VALUE: &str = "write the field's value after its label (on the same line after a tab or ：, or on the next line), or remove the line; a heading over ids is no field of the list entry";

impl Page {
    /// The registration number and the provider the page states, as written: a cover's,
    /// compared with the rows above a workbook's tables (`csp::sheets`, review 22 A-13).
    pub fn identity(&self) -> (Option<&str>, Option<&str>) {
        (
            self.registration_number.as_deref(),
            self.provider.as_deref(),
        )
    }

    /// Whether the fields took line `number`.
    pub fn took(&self, number: usize) -> bool {
        self.consumed.contains(&number)
    }

    /// Whether the entry is on the ISMAP-LIU list (a title or the kind line says so).
    pub fn is_liu(&self) -> bool {
        self.registration_kind == Some(RegistrationKind::IsmapLiu)
    }

    /// Sets the facts read on `att`, and says in `read_as` which were read.
    pub fn apply(self, att: &mut Attestation) {
        att.registration_kind = self.registration_kind.or(att.registration_kind);
        att.registration_number = self.registration_number.or(att.registration_number.take());
        att.name = self.name.or(att.name.take());
        att.provider = self.provider.or(att.provider.take());
        att.registered = self.registered.or(att.registered);
        att.renewal_deadline = self.renewal_deadline.or(att.renewal_deadline);
        att.audit_period = self.audit_period.or(att.audit_period);
        if !self.scope.is_empty() {
            att.scope = self.scope;
        }
        att.governing_law = self.governing_law.or(att.governing_law.take());
        att.jurisdiction = self.jurisdiction.or(att.jurisdiction.take());
        att.subsequent_events = self.subsequent_events.or(att.subsequent_events.take());
        att.improvement_plan = self.improvement_plan.or(att.improvement_plan.take());
        att.capital_relationships = self
            .capital_relationships
            .or(att.capital_relationships.take());
        att.third_party_testing = self.third_party_testing.or(att.third_party_testing.take());
        att.renewal_pending = self.renewal_pending.or(att.renewal_pending.take());
        att.read_as.fields = self.fields;
    }

    /// The list the entry is on: LIU when any title or kind line says so (the lesser
    /// assurance wins).
    fn set_kind(&mut self, kind: RegistrationKind, line: usize) {
        if self.registration_kind != Some(RegistrationKind::IsmapLiu) {
            self.registration_kind = Some(kind);
        }
        self.note("registration_kind", line);
    }

    /// Records that `field` was read on `line`.
    fn note(&mut self, field: &'static str, line: usize) {
        if !self.fields.iter().any(|f| f.field == field) {
            self.fields.push(ReadField { field, line });
        }
    }

    /// A single-valued field given again must say the same.
    fn once(
        &mut self,
        field: &'static str,
        label: &str,
        value: &str,
        at: &Location,
        line: usize,
    ) -> Result<(), InputError> {
        // the same value: as written (width, case, spaces aside), or the same yes or no
        // (`無`, `なし`, `No`)
        let same = |v: &str| {
            crate::text::header_key(v) == crate::text::header_key(value)
                || yes_no_word(v).is_some_and(|a| yes_no_word(value) == Some(a))
        };
        match self.given.iter().find(|(f, ..)| *f == field) {
            Some((_, before, v)) if !same(v) => Err(InputError::at(
                at.clone(),
                format!(
                    "'{label}' is given twice, differently: '{}' here, '{}' on line {before}",
                    quote(value),
                    quote(v)
                ),
            )
            .hint("paste one service's entry with its control list: one value per field")),
            Some(_) => Ok(()),
            None => {
                self.given.push((field, line, value.to_owned()));
                self.note(field, line);
                Ok(())
            }
        }
    }
}

/// Reads the fields of a list entry among the lines of pasted text (`path` names it in
/// messages). The lines they take are [`Page::took`]; the rest is the control list.
pub fn read(
    lines: &[Line],
    path: &Path,
    catalog: &Catalog,
    as_of: Date,
) -> Result<Page, InputError> {
    let kinds: Vec<Kind> = lines.iter().map(|l| kind_of(l, catalog)).collect();
    // a line of words that is a label with its value: a side fact, or a short first cell
    // with cells after it (`備考<TAB>大阪リージョンは対象外`)
    let labelled: Vec<bool> = lines
        .iter()
        .zip(&kinds)
        .map(|(l, k)| {
            let cells = cells_of(l);
            matches!(k, Kind::Other)
                && (side_fact_line(&cells)
                    || (cells.len() >= 2
                        && cells[0].chars().count() <= 20
                        && !cells[0].contains(['、', '。', ',', '，'])))
        })
        .collect();
    // a line starting with a note's mark (`※`, `注`, `Note:`)
    let notes: Vec<bool> = lines
        .iter()
        .map(|l| published::is_note(&l.text()))
        .collect();
    let at = |i: usize| Location::file(path).line(lines[i].number);
    let mut page = Page::default();
    // the next line that says something (not blank, not page furniture) from index `i`
    let next_meaningful = |from: usize| {
        (from..lines.len()).find(|&j| !matches!(kinds[j], Kind::Blank | Kind::Furniture))
    };
    // the last line a scope field took, for 対象外 after it
    let mut scope_end: Option<usize> = None;
    let mut i = 0;
    while i < lines.len() {
        let Kind::Labels(specs) = &kinds[i] else {
            i += 1;
            continue;
        };
        let after_scope = scope_end.is_some_and(|end| {
            (end + 1..i).all(|k| matches!(kinds[k], Kind::Blank | Kind::Furniture))
        });
        if specs[0].field.only_in_scope() && !after_scope {
            // not a field: the list's rules read it (対象外 is a status there)
            i += 1;
            continue;
        }
        page.consumed.insert(lines[i].number);
        let mut last_line = i;
        let mut read: Vec<(Spec, ValueLines)> = Vec::new();
        for (k, spec) in specs.iter().enumerate() {
            let next = specs.get(k + 1);
            if spec.field.is_title() {
                read.push((spec.clone(), Vec::new()));
                continue;
            }
            if !spec.values.is_empty() {
                let mut values = vec![(i, spec.values.clone())];
                if next.is_none() && spec.field.continues() {
                    last_line =
                        continue_value(spec.field, &kinds, &labelled, &notes, i, &mut values);
                }
                read.push((spec.clone(), values));
                continue;
            }
            // a group label over its parts (言明の対象範囲, then 対象外 …)
            if next.is_some_and(|n| n.field.is_part_of(spec.field)) {
                continue;
            }
            let no_value = || {
                InputError::at(
                    at(i),
                    format!(
                        "'{}' is a field of the ISMAP list entry, but no value follows it (on its line, or on the next line): it is not read as a heading either",
                        quote(&spec.label)
                    ),
                )
                .hint(FOR_NO_VALUE)
            };
            if next.is_some() {
                return Err(no_value());
            }
            // the value on a line of its own: the next line that is not blank (a date is
            // the value, not page furniture)
            let Some(j) = (i + 1..lines.len()).find(|&j| !matches!(kinds[j], Kind::Blank)) else {
                return Err(no_value());
            };
            match &kinds[j] {
                Kind::Labels(after) if after[0].field.is_part_of(spec.field) => {}
                // a kind's value on the next line (`区分`, then `ISMAP`, a PDF's cells one a
                // line) reads like a header word; any other value is refused when read
                Kind::Other | Kind::IdProse | Kind::Furniture | Kind::Header
                    if spec.field == Field::Kind || !matches!(kinds[j], Kind::Header) =>
                {
                    let cells: Vec<String> = lines[j]
                        .cells
                        .iter()
                        .map(|c| c.text.trim().to_owned())
                        .filter(|t| !t.is_empty())
                        .collect();
                    page.consumed.insert(lines[j].number);
                    let mut values = vec![(j, cells)];
                    last_line = j;
                    if spec.field.continues() {
                        last_line =
                            continue_value(spec.field, &kinds, &labelled, &notes, j, &mut values);
                    }
                    read.push((spec.clone(), values));
                }
                _ => return Err(no_value()),
            }
        }
        for (spec, values) in &read {
            for (j, _) in values {
                page.consumed.insert(lines[*j].number);
            }
            take(
                &mut page,
                spec,
                values,
                lines,
                path,
                catalog,
                lines[i].number,
            )?;
        }
        // a value that negates right above ids may be a heading over them
        if let Some(j) = next_meaningful(last_line + 1) {
            if matches!(kinds[j], Kind::IdList | Kind::IdProse | Kind::Header) {
                for (spec, values) in &read {
                    above_ids(spec, values, &at(i))?;
                }
            }
        }
        scope_end = specs
            .last()
            .filter(|s| s.field.is_scope())
            .map(|_| last_line);
        i = last_line + 1;
    }
    // a registry fact under a label the reader does not know (`有効期限 令和8年3月31日`,
    // `掲載終了日 …`, `改善計画書 提出済`) is refused, never passed over as page furniture; in
    // a text without ids (a memo, `更新: 2026年4月`) nothing is credited, and the text is
    // refused as no list
    let has_ids = kinds
        .iter()
        .any(|k| matches!(k, Kind::IdList | Kind::IdProse));
    // a renewal applied for (`※ 登録の更新を申請中（ISMAP基本規程3.5により引き続き有効）`,
    // `状態 更新申請中`) past the renewal deadline the entry gives: the state of its own the
    // scheme defines, read (review 23 C-7); before the deadline, or with none given, it
    // stays refused as a state in words (what it says of the registration cannot be told)
    let past_deadline = page.renewal_deadline.is_some_and(|d| d < as_of);
    for (i, line) in lines.iter().enumerate() {
        if !past_deadline
            || page.consumed.contains(&line.number)
            || !matches!(
                kinds[i],
                Kind::State | Kind::UnknownField(_) | Kind::Other | Kind::Labels(_)
            )
        {
            continue;
        }
        let text = crate::text::join_filled(line.cells.iter().map(|c| c.text));
        if renewal_applied(&text) {
            page.consumed.insert(line.number);
            if page.renewal_pending.is_none() {
                page.renewal_pending = Some(text);
            }
        }
    }
    // the registration's state in words on a line of its own (`失効`, `Suspended`, `Note
    // Delisted on 2026-09-01`), wherever it stands: refused, never passed over (review 21
    // A-1)
    for (i, line) in lines.iter().enumerate() {
        if matches!(kinds[i], Kind::State) && !page.consumed.contains(&line.number) {
            let text = crate::text::join_filled(line.cells.iter().map(|c| c.text));
            refuse_registry_state(&text, &format!("the line '{}'", quote(&text)), || at(i))?;
        }
    }
    // a side fact outside the ids (`法人番号 1234567890123`, `備考 なし`) states nothing of
    // the statement: taken out of the list, before it or after it (review 23 C-4)
    if page.fields.iter().any(|f| f.field != "registration_kind") {
        let ids_at = |k: &Kind| matches!(k, Kind::IdList | Kind::IdProse);
        if let (Some(first), Some(last)) = (
            kinds.iter().position(ids_at),
            kinds.iter().rposition(ids_at),
        ) {
            for (i, line) in lines.iter().enumerate() {
                if matches!(kinds[i], Kind::Other)
                    && !(first..=last).contains(&i)
                    && side_fact_line(&cells_of(line))
                {
                    page.consumed.insert(line.number);
                }
            }
        }
    }
    unplaced_in_entry(&page, lines, &kinds, catalog, path)?;
    for (i, line) in lines.iter().enumerate() {
        if !has_ids {
            break;
        }
        let Kind::UnknownField(word) = kinds[i] else {
            continue;
        };
        if page.consumed.contains(&line.number) {
            continue;
        }
        let text = crate::text::join_filled(line.cells.iter().map(|c| c.text));
        return Err(InputError::at(
            at(i),
            format!(
                "'{}' reads as a fact of the ISMAP list entry ('{word}'), but its label is not one the entry uses: it is not read, and is not passed over either",
                quote(&text)
            ),
        )
        .hint(FOR_UNKNOWN_LABEL));
    }
    // `更新日 2026年3月31日`: the document's own date only beside the renewal deadline and
    // not after the as-of date; else it may be the registration's, and is refused
    for (i, line) in lines.iter().enumerate() {
        if !has_ids || page.consumed.contains(&line.number) {
            continue;
        }
        let text = crate::text::join_filled(line.cells.iter().map(|c| c.text));
        let Some(day) = document_date(&text) else {
            continue;
        };
        let message = match page.renewal_deadline {
            None => format!(
                "'{}' may be the document's own date or the registration's renewal, and the entry gives no renewal deadline (登録の更新期限) beside it: it is not read, and is not passed over either",
                quote(&text)
            ),
            Some(_) if day > as_of => format!(
                "'{}' may be the document's own date or the registration's renewal, and its day is after the as-of date {as_of}: it is not read, and is not passed over either",
                quote(&text)
            ),
            Some(_) => continue,
        };
        return Err(InputError::at(at(i), message).hint(FOR_UNKNOWN_LABEL));
    }
    check_dates(&page, path)?;
    Ok(page)
}

/// Whether a line says the registration's renewal has been applied for and is being decided
/// (`※ 登録の更新を申請中（ISMAP基本規程3.5により引き続き有効）`, `状態 更新申請中`, `更新審査中`,
/// `Renewal pending`, `Renewal under review`): no other state (`失効`, `取消`, `停止`,
/// `Withdrawn`), no plan to apply (`更新申請予定`), no negation.
fn renewal_applied(text: &str) -> bool {
    let folded = fold_width(text).to_lowercase();
    let renewal = folded.contains("更新") || folded.contains("renewal");
    let applied = [
        "申請中",
        "申請済",
        "申請しています",
        "審査中",
        "手続中",
        "手続き中",
        "pending",
        "under review",
        "applied for",
    ]
    .iter()
    .any(|w| folded.contains(w));
    let other = [
        "失効",
        "取消",
        "取り消",
        "抹消",
        "停止",
        "辞退",
        "取下",
        "取り下",
        "却下",
        "期限切れ",
        "予定",
        "未申請",
        "withdrawn",
        "suspended",
        "revoked",
        "expired",
        "lapsed",
        "rejected",
        "planned",
    ]
    .iter()
    .any(|w| folded.contains(w));
    renewal && applied && !other && vocab::negation_in(text).is_none()
}

/// The hint for a line of a pasted entry that is none of its fields ([`unplaced_in_entry`]).
const FOR_UNPLACED: &str = "write it under the label of the list entry it belongs to (言明の対象範囲 for a scope or an exclusion, 後発事象 for an incident or an event after the audit, 登録の更新期限 for the registration), or remove the line if it is not the entry's; the list's title, its column headers, the catalog's headings and page furniture are read as such";

/// Refuses a line of words between a pasted entry's first field and its control list that
/// is none of the entry's fields, the list's titles or column headers, the catalog's
/// headings or page furniture (`Scope excludes Osaka region`, `Carve-out: 管理コンソール`,
/// `重大インシデント発生（2026年8月）`, `Qualified`, `暫定`): it may limit the scope or state an
/// event or a qualification, and the reader cannot place it — refused, never only counted
/// as an ignored token (review 21 A-8). Text without entry fields (a bare list) is read by
/// the list's rules, a sheet without ids (a cover) by the workbook's.
fn unplaced_in_entry(
    page: &Page,
    lines: &[Line],
    kinds: &[Kind],
    catalog: &Catalog,
    path: &Path,
) -> Result<(), InputError> {
    if !page.fields.iter().any(|f| f.field != "registration_kind") {
        return Ok(());
    }
    let Some(first_field) = lines.iter().position(|l| page.consumed.contains(&l.number)) else {
        return Ok(());
    };
    // a cover (a sheet without ids) is read by the workbook's rules for its other rows
    let Some(first_ids) = kinds
        .iter()
        .position(|k| matches!(k, Kind::IdList | Kind::IdProse))
    else {
        return Ok(());
    };
    let running = lines
        .iter()
        .map(|l| l.text())
        .find(|t| !t.trim().is_empty())
        .unwrap_or_default();
    let last_ids = kinds
        .iter()
        .rposition(|k| matches!(k, Kind::IdList | Kind::IdProse))
        .unwrap_or(lines.len());
    for (i, line) in lines.iter().enumerate().skip(first_field) {
        // a scope label the entry did not take (`Scope excludes Osaka region`) before or
        // after the list; between ids the list's rules refuse it
        let label = matches!(kinds[i], Kind::Labels(_)) && find_ids(&line.text()).0.is_empty();
        let placed = match kinds[i] {
            Kind::Other => i > first_ids,
            Kind::Labels(_) => !label || (first_ids..=last_ids).contains(&i),
            _ => true,
        };
        if placed || page.consumed.contains(&line.number) {
            continue;
        }
        let text = crate::text::join_filled(line.cells.iter().map(|c| c.text));
        let folded = fold_width(&text).to_lowercase();
        // the service named again (a running header), a bracketed header word
        // (`【統制目標】`), a document's version (`Ver 1.2`)
        let bare = text.trim_matches(|c: char| !c.is_alphanumeric());
        let named = [&page.name, &page.provider, &page.registration_number]
            .iter()
            .any(|v| v.as_deref().is_some_and(|v| v.trim() == bare));
        let words: Vec<&str> = folded.split_whitespace().collect();
        let version = match words.as_slice() {
            [v, n] => {
                matches!(
                    v.trim_end_matches('.'),
                    "ver" | "version" | "v" | "rev" | "版"
                ) && n.chars().all(|c| c.is_ascii_digit() || c == '.')
            }
            [v] => v.strip_prefix("ver").is_some_and(|n| {
                !n.is_empty()
                    && n.trim_start_matches('.')
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '.')
            }),
            _ => false,
        };
        // (ISMAP-LIU said anywhere is refused by its own rule; a note that the list is the
        // provider's own assessment or rests on its internal audit, by the text's reader:
        // refused, but on an ISMAP-LIU entry the internal audit's, review 23 C-14)
        if text.trim().is_empty()
            || mentions_liu(&text)
            || super::status_table::self_assessed_note(&text).is_some()
            || named
            || version
            || (!bare.is_empty() && published::is_header_line(bare))
            || text.trim() == running.trim()
            || folded.contains("クラウドサービスリスト")
            || folded.contains("cloud service list")
            || published::catalog_heading(catalog, &text)
            || published::is_reproduction_notice(&text)
            || published::is_page_number(&text)
            || published::is_end_mark(&text)
            || entry_side_line(&line.cells.iter().map(|c| c.text).collect::<Vec<_>>())
        {
            continue;
        }
        return Err(InputError::at(
            Location::file(path).line(line.number),
            format!(
                "'{}' stands in the ISMAP list entry, outside its control list, and is none of the entry's fields, the list's titles or headers, or page furniture: it may limit the scope or state an event or a qualification, so it is not passed over",
                quote(&text)
            ),
        )
        .hint(FOR_UNPLACED));
    }
    Ok(())
}

/// A line a buyer copies with the entry that states nothing of it (review 22 C-9): a heading
/// built from the list's own words (`【基本言明要件】`, `実施している統制目標`, `統制目標の番号
/// （実施しているもの）`, `ISMAP管理基準（令和4年版）`, `管理基準のバージョン 2023年版`), a
/// numbering or an appendix mark (`No.12`, `（別紙）`), or a side fact under a label that is
/// none of the registry's (`URL`, `問い合わせ先`, `サービス概要`, `監査機関`, `データの保存場所`)
/// whose value states no registry state, status, negation, id, date or exclusion
/// (`監査機関 サンプル監査法人（限定付）` is still refused).
fn entry_side_line(cells: &[&str]) -> bool {
    let whole = side_key(&cells.join(" "));
    heading_of_list_words(&whole)
        || numbering_mark(&whole)
        || side_fact_line(cells)
        || publisher_line(&whole)
        || web_address_line(cells)
}

/// The list's publisher named alone (`ISMAP運営委員会`, `独立行政法人情報処理推進機構（IPA）`,
/// `ISMAP Steering Committee`), as [`entry_side_line`]'s key: it states nothing of the
/// service (review 26 C-4).
fn publisher_line(key: &str) -> bool {
    const PUBLISHER: &[&str] = &[
        "ismap運営委員会",
        "ismap運用支援機関",
        "独立行政法人",
        "情報処理推進機構",
        "デジタル庁",
        "総務省",
        "経済産業省",
        "内閣官房",
        "内閣サイバーセキュリティセンター",
        "nisc",
        "事務局",
        "ipa",
        "ismapsteeringcommittee",
        "informationtechnologypromotionagency",
        "japan",
        "出典",
    ];
    let mut rest = key.trim_matches('.');
    while let Some(w) = PUBLISHER.iter().find(|w| rest.starts_with(*w)) {
        rest = &rest[w.len()..];
    }
    rest.is_empty() && !key.is_empty()
}

/// A web address alone on its line (`https://www.ismap.go.jp/csm`): a page's address
/// printed with it, stating nothing (review 26 C-4).
fn web_address_line(cells: &[&str]) -> bool {
    let [one] = cells else { return false };
    let t = fold_width(one.trim()).into_owned();
    (t.starts_with("https://") || t.starts_with("http://"))
        && t.len() > "https://".len()
        && !t.contains(char::is_whitespace)
}

/// A side line's text as compared: width-folded, lower case, letters, digits and dots.
fn side_key(t: &str) -> String {
    fold_width(t)
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '.')
        .collect()
}

/// The side-fact part of [`entry_side_line`]: a label that is none of the registry's with a
/// value that states nothing of the statement (`URL …`, `法人番号 1234567890123`, `備考 なし`,
/// `データセンターの所在地 日本国内（東京、大阪）`). Such a line is taken out of the list
/// wherever it stands outside the ids, and ends a value broken over lines above it.
fn side_fact_line(cells: &[&str]) -> bool {
    let key = side_key;
    // the label: the first cell of several, or the text before `:` or a space
    let (label, value) = match cells {
        [label, rest @ ..] if !rest.is_empty() => (label.to_string(), rest.join(" ")),
        [one] => {
            let one = fold_width(one).into_owned();
            match one
                .split_once([':', '：'])
                .or_else(|| one.split_once(char::is_whitespace))
            {
                Some((l, v)) => (l.to_owned(), v.to_owned()),
                None => return false,
            }
        }
        _ => return false,
    };
    const SIDE: &[&str] = &[
        "url",
        "サービスurl",
        "ホームページ",
        "webサイト",
        "website",
        "問い合わせ先",
        "お問い合わせ先",
        "問合せ先",
        "お問合せ先",
        "連絡先",
        "contact",
        "サービス概要",
        "クラウドサービスの概要",
        "クラウドサービス概要",
        "serviceoverview",
        "servicedescription",
        "監査機関",
        "監査法人",
        "監査人",
        "auditor",
        "auditfirm",
        "データの保存場所",
        "データ保存場所",
        "データの保管場所",
        "データ保管場所",
        "datalocation",
        "datastoragelocation",
        // the provider's corporate number and address, where the data centres are, what
        // kind of service it is (review 23 C-4)
        "法人番号",
        "会社法人等番号",
        "corporatenumber",
        "所在地",
        "本社所在地",
        "住所",
        "事業者の所在地",
        "データセンターの所在地",
        "データセンター所在地",
        "データセンターの所在国",
        "データセンターの場所",
        "datacenterlocation",
        "datacentrelocation",
        "クラウドサービスの種別",
        "クラウドサービス種別",
        "サービスの種別",
        "サービス種別",
        "サービス形態",
        "提供形態",
        "servicetype",
        "servicemodel",
    ];
    let label = key(&label).replace('.', "");
    let value = value.trim();
    let edition = matches!(
        label.as_str(),
        "管理基準のバージョン" | "管理基準の版" | "管理基準"
    ) && heading_of_list_words(&key(value));
    // under any label, a value that cannot qualify anything: a bare none (`備考 なし`), a
    // number (`法人番号 1234567890123`), a web address or a mail address — the label itself
    // naming no place, part, status or qualifier (`大阪リージョン なし` may narrow the scope)
    let plain = fold_width(value);
    let harmless_value = matches!(
        crate::text::header_key(plain.trim_end_matches(['。', '.'])).as_ref(),
        "なし"
            | "無し"
            | "特になし"
            | "該当なし"
            | "該当事項なし"
            | "none"
            | "nil"
            | "-"
            | "ー"
    ) || (plain.chars().any(|c| c.is_ascii_digit())
        && plain
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == ' '))
        || ((plain.starts_with("http://") || plain.starts_with("https://"))
            && !plain.contains(char::is_whitespace))
        || (plain.contains('@')
            && !plain.contains(char::is_whitespace)
            && plain.chars().all(|c| c.is_ascii_graphic()));
    let label_plain = !label.is_empty()
        && remarks::part_word(&label).is_none()
        && crate::analysis::gap::places_in(&label).is_empty()
        && qualifier_free(&label)
        && registry_state(&label).is_none()
        && vocab::negation_in(&label).is_none()
        && vocab::status_words(&label).is_empty()
        && find_ids(&label).0.is_empty()
        && unknown_registry_label(&cells.join(" "), true).is_none();
    if harmless_value && label_plain {
        return true;
    }
    (edition || SIDE.contains(&label.as_str()))
        && !value.is_empty()
        && registry_state(value).is_none()
        && vocab::negation_in(value).is_none()
        && vocab::status_words(value).is_empty()
        && find_ids(value).0.is_empty()
        && (edition || crate::date::dates_in(value).is_empty())
        && qualifier_free(value)
}

/// Whether a side line's text holds none of the words that exclude, limit, defer or
/// qualify (`除く`, `対象外`, `のみ`, `予定`, `except`, `only`…).
fn qualifier_free(text: &str) -> bool {
    let lower = fold_width(text).to_lowercase();
    ![
        "除",
        "対象外",
        "以外",
        "限定",
        "限る",
        "限り",
        "一部",
        "のみ",
        "だけ",
        "含まない",
        "含まず",
        "含まれない",
        "予定",
        "申請",
        "審査",
        "停止",
        "終了",
        "except",
        "exclud",
        "qualif",
        "limited",
        "partial",
        "pending",
        "hold",
        "only",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// A heading of the list's own words and nothing else (`基本言明要件`, `実施している統制目標`,
/// `ismap管理基準令和4年版`), `key` being letters and digits only.
fn heading_of_list_words(key: &str) -> bool {
    const WORDS: &[&str] = &[
        "基本言明要件",
        "実施しているもの",
        "実施している",
        "統制目標",
        "管理策",
        "言明書",
        "記載事項",
        "ismap",
        "管理基準",
        "クラウドサービス",
        "サービス",
        "バージョン",
        "概要",
        "番号",
        "のうち",
        // which criteria the list follows and whose numbers it uses, and that it holds what
        // was registered (`※ISMAP管理基準（令和5年度改定版）に基づく`, `※統制目標の番号はISMAP
        // 管理基準の番号です`, `※本リストは登録時点の情報です`: review 26 C-4)
        "に基づき作成",
        "に基づく",
        "に準拠",
        "本リスト",
        "登録時点",
        "情報",
        "です",
        "は",
        "の",
    ];
    let mut rest = key.trim_matches('.');
    let mut any = false;
    while !rest.is_empty() {
        if let Some(w) = WORDS.iter().find(|w| rest.starts_with(*w)) {
            rest = &rest[w.len()..];
            any |= *w != "の";
            continue;
        }
        // an edition (`令和4年版`, `2023年版`, `2023年度版`)
        let era = rest
            .strip_prefix("令和")
            .or_else(|| rest.strip_prefix("平成"))
            .unwrap_or(rest);
        let digits = era.len() - era.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let after = &era[digits..];
        match [
            "年度改定版",
            "年度改訂版",
            "年改定版",
            "年改訂版",
            "年度版",
            "年版",
        ]
        .iter()
        .find(|e| after.starts_with(*e))
        {
            Some(e) if digits > 0 => rest = &after[e.len()..],
            _ => return false,
        }
    }
    any
}

/// A numbering or an appendix mark of its own (`no.12`, `別紙`, `別紙2`, `別添1`), as
/// [`entry_side_line`]'s key.
fn numbering_mark(key: &str) -> bool {
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if let Some(n) = key.strip_prefix("no") {
        let n = n.trim_start_matches('.');
        return !n.is_empty() && digits(n);
    }
    ["別紙", "別添", "別表", "付録", "appendix"]
        .iter()
        .any(|w| key.strip_prefix(*w).is_some_and(digits))
}

const FOR_UNKNOWN_LABEL: &str = "write it under the label of the list entry it is (登録日, 登録の更新期限, 監査対象期間, 後発事象, 改善計画の有無), or remove the line if it is not the entry's";

/// The registry word of a line that is not a field of the entry but reads as one: a label
/// naming a registration date, deadline, audit period, subsequent events or an improvement
/// plan (`有効期限`, `掲載終了日`, `対象期間`, `監査実施期間`, `改善計画書`), followed by a date, a
/// period or an answer (`あり`, `提出済`); the list's name with a day (`ISMAP 2022-04-01 to
/// 2025-03-31`, `ISMAP更新: 2025年3月31日`); the registration's state in words (`※登録は
/// 更新手続中`, `登録を取り下げ`); a lapse, a renewal or a deadline under a label of its own
/// (`失効日`, `次回更新`, `Deadline`), and in a pasted entry (`in_entry`) a next review. A
/// document's own dates (`作成日`, `更新日`, `基準日`, the page's `掲載日` and `公開日`) and
/// catalog titles (no date, no answer) are not.
fn unknown_registry_label(text: &str, in_entry: bool) -> Option<&'static str> {
    const WORDS: &[&str] = &[
        "期限",
        "有効",
        "登録",
        "掲載",
        "対象期間",
        "評価期間",
        "監査",
        "後発事象",
        "改善計画",
        "expir",
        "valid",
        "renewal",
        "registration",
        "registered",
        "audit",
        "subsequent",
        "improvementplan",
        // a lapse, a renewal, the next review or a deadline under a label of their own
        // (`失効日`, `次回更新`, `更新時期`, `次回審査`, `Next review`, `Deadline`)
        "失効",
        "更新",
        "審査",
        "deadline",
        "lapse",
    ];
    let folded = fold_width(text).to_lowercase();
    // the registration's state in words, dated or not (`※登録は更新手続中`,
    // `※2025年3月31日をもって登録を取り下げ`, `Registration withdrawn`): a lapse or a
    // withdrawal must not be lost
    const STATES: &[&str] = &[
        "更新手続",
        "手続中",
        "取り下げ",
        "取下げ",
        "取り消",
        "取消",
        "抹消",
        "失効",
        "停止",
        "申請中",
        "審査中",
        "更新中",
        "辞退",
        "withdrawn",
        "suspended",
        "revoked",
        "pending",
        "expired",
        "lapsed",
        "期限切れ",
    ];
    // (the list's title with a note, `ISMAPクラウドサービスリスト（申請中）`, states no kind:
    // read as the title)
    let title = folded.contains("クラウドサービスリスト") || folded.contains("cloud service list");
    if !title
        && ["登録", "registration", "ismap", "掲載", "listing"]
            .iter()
            .any(|w| folded.contains(w))
    {
        if let Some(state) = STATES.iter().find(|w| folded.contains(*w)) {
            return Some(state);
        }
    }
    let head = label_head(&folded);
    // `ISMAP更新: 2025年3月31日`, `ISMAP 2022-04-01 to 2025-03-31`: the list's name before a
    // day or a period (not a title's year, `ISMAP管理基準 2023年度版`)
    let ismap_dated = (head == "ismap"
        || (head.contains("ismap") && (head.contains("更新") || head.contains("renew"))))
        && !crate::date::days_in(text).is_empty();
    if ismap_dated {
        return Some("ISMAP");
    }
    // the CSP's own internal audit (`内部監査実施日: 2025/02/01`) is no registry fact; nor
    // is a document's own update, its author or history (`更新日`, `最終更新`, `更新者`; in
    // pasted text `更新日` is read by [`document_date`]'s rule)
    if head.contains("内部監査")
        || head.contains("internalaudit")
        || is_document_date_label(&head)
        || matches!(
            head.as_str(),
            "更新者" | "最終更新者" | "更新履歴" | "更新内容"
        )
    {
        return None;
    }
    // the day the entry was posted or published (`掲載日`, `公開日`) is the page's date, as
    // `作成日` is: checked against the as-of date as a document date (a registration dated
    // later is refused by that too); the end of a posting (`掲載終了日`, `掲載期限`) is not
    let first_word: String = folded
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | '：'))
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    if matches!(
        first_word.as_str(),
        "掲載日" | "掲載年月日" | "掲載開始日" | "公開日" | "公開年月日"
    ) {
        return None;
    }
    // nor an audit done that found nothing (`前回監査: 2024年度（指摘事項なし）`, `外部監査:
    // 2025年3月`): read, its date checked against the as-of date where the line is
    if super::remarks::audit_line(text) == Some(None) {
        return None;
    }
    // `Next review 2026-03-31` in an entry may be the registration's; above a status table
    // it is the document's schedule (read there)
    let word = WORDS
        .iter()
        .chain(in_entry.then_some(&"nextreview"))
        .find(|w| head.contains(*w))?;
    let rest = folded.find(value_at).map_or("", |i| &folded[i..]);
    // `No.` is "number" (`Registration No. C99-0001-1`), not an answer
    let answered = text.split_whitespace().skip(1).any(|w| {
        (yes_no_word(w).is_some() && !fold_width(w).eq_ignore_ascii_case("no."))
            || matches!(
                crate::text::header_key(w).as_ref(),
                "提出済"
                    | "提出済み"
                    | "該当あり"
                    | "該当なし"
                    | "該当有"
                    | "該当無"
                    | "あり"
                    | "なし"
            )
    });
    let dated = !crate::date::dates_in(text).is_empty()
        || crate::date::parse_period(rest.trim_start_matches([':', '：', ' '])).is_some();
    (dated || answered).then_some(*word)
}

/// The registration's state in words, with or without a label (`失効`, `掲載停止中`,
/// `（登録失効）`, `取消済`, `Suspended`, `Delisted on 2026-09-01`, `(withdrawn)`): the one
/// registry-state vocabulary the readers apply wherever they pass text over (the entry's
/// lines and free-text fields, a profile's name, provider and scope, rows above a status
/// table, a workbook's cover and comments). A lapsed, suspended, withdrawn or delisted
/// registration is no assurance, and the tool reads no state but the dates, so such a line
/// is refused. English words match as words (`Expiry Manager` is not `expired`); a
/// strikethrough note (`取消線`) is no state.
pub(crate) fn registry_state(text: &str) -> Option<&'static str> {
    const JA: &[&str] = &[
        "失効",
        "掲載停止",
        "掲載中止",
        "登録停止",
        "一時停止",
        "登録抹消",
        "登録の抹消",
        "抹消済",
        "登録取消",
        "登録の取消",
        "登録の取り消",
        "取消済",
        "取消し済",
        "取り消し済",
        "取下げ",
        "取り下げ",
        "登録辞退",
        "期限切れ",
        "更新手続中",
        "更新手続き中",
        // applied for, under review, to be registered; the service ended (review 22 A-16)
        "申請中",
        "審査中",
        "登録準備中",
        "登録予定",
        "サービス終了",
        "提供終了",
        "販売終了",
    ];
    // a word alone (`取消`, `【停止中】`): a data-erasure service's name (`データ抹消`) is
    // no state
    const ALONE: &[&str] = &[
        "取消",
        "取り消し",
        "抹消",
        "停止",
        "停止中",
        "中止",
        "辞退",
        "更新中",
    ];
    const EN: &[&str] = &[
        "suspended",
        "suspension",
        "delisted",
        "delisting",
        "withdrawn",
        "revoked",
        "expired",
        "lapsed",
        "deregistered",
        "terminated",
        "discontinued",
    ];
    let folded = fold_width(text).to_lowercase();
    let plain = folded.replace("取消線", "").replace("取り消し線", "");
    if let Some(w) = JA.iter().find(|w| plain.contains(*w)) {
        return Some(w);
    }
    let bare = plain.trim_matches(|c: char| !c.is_alphanumeric());
    if let Some(w) = ALONE.iter().find(|w| bare == **w) {
        return Some(w);
    }
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(w) = EN.iter().find(|w| words.contains(w)) {
        return Some(w);
    }
    // `On hold`, `(ISMAP pending)`, `Registration pending`
    if words.windows(2).any(|w| w == ["on", "hold"]) {
        return Some("on hold");
    }
    if words.contains(&"pending")
        && ["ismap", "registration", "approval"]
            .iter()
            .any(|w| words.contains(w))
    {
        return Some("pending");
    }
    // `Under renewal review`, `renewal pending`
    (words.contains(&"renewal")
        && ["under", "pending", "review", "in", "progress"]
            .iter()
            .any(|w| words.contains(w)))
    .then_some("renewal")
}

/// The registration's state as a note to a name, a provider or a scope ([`registry_state`]
/// in brackets, after `※`, or ending the value: `テストSaaS（登録失効）`, `TestSaaS
/// (suspended)`, `テストSaaS ※…をもって登録取下げ`, `テストSaaS Suspended`), not a word of
/// the name itself (`SaaS on lapsed IaaS`, `Expiry Manager`).
pub(crate) fn registry_state_noted(value: &str) -> Option<&'static str> {
    let folded = fold_width(value);
    let mut parts: Vec<&str> = Vec::new();
    // each bracket's content
    let mut rest: &str = &folded;
    while let Some(open) = rest.find(['(', '（', '【', '[', '〔', '<', '＜', '「']) {
        let after = &rest[open..];
        let body = after.char_indices().nth(1).map_or("", |(i, _)| &after[i..]);
        let end = body
            .find([')', '）', '】', ']', '〕', '>', '＞', '」'])
            .unwrap_or(body.len());
        parts.push(&body[..end]);
        rest = &body[end..];
    }
    // a note after a mark, or after a spaced dash (`TestSaaS - Suspended`)
    if let Some(at) = folded.find(['※', '*', '＊']) {
        parts.push(&folded[at..]);
    }
    if let Some(at) = [" - ", " – ", " — "]
        .iter()
        .filter_map(|d| folded.rfind(d).map(|i| i + d.len()))
        .max()
    {
        parts.push(&folded[at..]);
    }
    if let Some(word) = parts.into_iter().find_map(registry_state) {
        return Some(word);
    }
    // the last word, when it ends in the state (`テストSaaS 一時停止中`, `TestSaaS Suspended`;
    // not `失効サービス`)
    // (a name that is the word alone, `Lapsed`, is a name: there is no name before a note)
    let (head, last) = folded
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .rsplit_once(|c: char| c.is_whitespace() || matches!(c, '・' | '/' | '／' | '-' | ':'))
        .unwrap_or(("", ""));
    if head.trim().is_empty() {
        return None;
    }
    let last = last.to_lowercase();
    // (Japanese only: an English name may end in such a word, `SaaS valid on lapsed`)
    let stem = last.trim_end_matches(['中', '済', 'み']);
    registry_state(&last).filter(|w| !w.is_ascii() && stem.ends_with(*w))
}

/// The hint for a line or a value stating the registration's state ([`registry_state`]).
pub(crate) const FOR_REGISTRY_STATE: &str = "the tool credits only a registration in effect, by its dates (登録の更新期限): check the service's current entry on the ISMAP portal; a registration lapsed, suspended, withdrawn or delisted gives no assurance, so obtain the CSP's current entry; if the words are not about the registration (a part of the service's name), remove them or write the name without them";

/// Refuses `text` at `at` when it states the registration's state ([`registry_state`]):
/// `what` names it (`the line '失効'`).
pub(crate) fn refuse_registry_state(
    text: &str,
    what: &str,
    at: impl FnOnce() -> Location,
) -> Result<(), InputError> {
    let Some(word) = registry_state(text) else {
        return Ok(());
    };
    Err(registry_state_error(word, what, at()))
}

/// The error for `what` stating the registration's state `word` at `at`.
pub(crate) fn registry_state_error(word: &str, what: &str, at: Location) -> InputError {
    InputError::at(
        at,
        format!(
            "{what} states the registration's state ('{word}'): a lapsed, suspended, withdrawn or delisted registration is no assurance, and the tool does not read it, nor pass it over"
        ),
    )
    .hint(FOR_REGISTRY_STATE)
}

/// Whether a character starts a label's value: a digit (a date) or a separator.
fn value_at(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, ':' | '：')
}

/// The label a line starts with, as [`unknown_registry_label`] compares it: the
/// (width-folded, lower-case) text before its first digit, separator or tab, letters and
/// digits only.
fn label_head(folded: &str) -> String {
    folded
        .chars()
        .take_while(|&c| !value_at(c) && c != '\t')
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// A label naming a document's own update (`更新日`, `最終更新日`, `最終更新`), which a
/// registration's renewal may also be written under.
fn is_document_date_label(head: &str) -> bool {
    matches!(head, "更新日" | "更新年月日" | "最終更新日" | "最終更新")
}

/// The day of a line labelled as a document's own update (`更新日 2026年3月31日`): in a
/// pasted entry it may be the registration's renewal as well, so it is read as the
/// document's only where the entry gives its renewal deadline and the day is not after the
/// as-of date.
fn document_date(text: &str) -> Option<Date> {
    let folded = fold_width(text).to_lowercase();
    if !is_document_date_label(&label_head(&folded)) {
        return None;
    }
    match crate::date::days_in(text).as_slice() {
        [(_, day)] => Some(*day),
        _ => None,
    }
}

/// Lines after a text value's line `from` that continue it (a PDF cell broken over lines):
/// the lines up to the next label, title or the end of the text, when none of them holds
/// ids as a list or is a header line; else none (the lines are the list's, read by its
/// rules). Returns the index of the last line taken.
fn continue_value(
    field: Field,
    kinds: &[Kind],
    labelled: &[bool],
    notes: &[bool],
    from: usize,
    values: &mut ValueLines,
) -> usize {
    // a period whole on its line is not continued: a line after it (a note pasted below
    // the entry) is read as itself
    if field == Field::AuditPeriod
        && values
            .last()
            .is_some_and(|(_, cells)| crate::date::parse_period(&cells.join(" ")).is_some())
    {
        return from;
    }
    let mut taken = Vec::new();
    let mut j = from + 1;
    // blank lines and page furniture between (a page number) are not the value's; a
    // period's second date is
    while let Some(k) = (j..kinds.len()).find(|&k| match kinds[k] {
        Kind::Blank => false,
        Kind::Furniture => field == Field::AuditPeriod,
        _ => true,
    }) {
        match &kinds[k] {
            Kind::Labels(specs) if !specs[0].field.only_in_scope() || field.is_scope() => break,
            // a label of its own with its value (`備考<TAB>…`, `法人番号 …`) is no part of
            // the value above it: read by itself (review 23 C-4)
            Kind::Other if labelled[k] => break,
            // nor is a note (`※ 登録の更新を申請予定` under `改善計画の有無 無`): read by itself,
            // as a note anywhere else on the page is (fix35-entry leftover); a scope's note
            // (`※ 大阪リージョンは対象外`) is the scope's, read by its rules
            Kind::Other | Kind::IdProse | Kind::State if notes[k] && !field.is_scope() => break,
            Kind::Other | Kind::IdProse | Kind::Furniture => {
                taken.push(k);
                j = k + 1;
            }
            _ => return from,
        }
    }
    taken.last().copied().map_or(from, |last| {
        for k in taken {
            values.push((k, Vec::new()));
        }
        last
    })
}

/// Refuses a text value that negates, excludes, defers or qualifies right above ids (the
/// label too where its own words do: 対象外, 改善計画): it may be a heading over them. A
/// yes or no alone (`後発事象 なし`, `改善計画の有無 無`) is no heading.
fn above_ids(
    spec: &Spec,
    values: &[(usize, Vec<String>)],
    at: &Location,
) -> Result<(), InputError> {
    if !spec.field.is_text() {
        return Ok(());
    }
    let value = values
        .iter()
        .flat_map(|(_, v)| v.iter())
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    if yes_no_word(&value).is_some() {
        return Ok(());
    }
    let text = if spec.field.label_qualifies() {
        format!("{} {value}", spec.label)
    } else {
        value.clone()
    };
    let word = vocab::negation_in(&text).or_else(|| {
        vocab::status_words(&text)
            .iter()
            .find(|w| w.states.is_some())
            .map(|w| w.word.to_owned())
    });
    match word {
        Some(word) => Err(InputError::at(
            at.clone(),
            format!(
                "'{} {}' is a field of the ISMAP list entry that negates, excludes, defers or qualifies ('{word}') right above ids: it may be a heading over them, so none is read",
                quote(&spec.label),
                quote(&value)
            ),
        )
        .hint("separate the entry's fields from the control list by its title (基本言明要件のうち実施している統制目標の管理策), or give each id its status in a table with an id column and a status column such as 実施状況")),
        None => Ok(()),
    }
}

/// Reads one field's value (`values`: the lines it stands on, with their cells; a line
/// continuing a value holds no cells and is taken whole) into `page`.
fn take(
    page: &mut Page,
    spec: &Spec,
    values: &[(usize, Vec<String>)],
    lines: &[Line],
    path: &Path,
    catalog: &Catalog,
    label_line: usize,
) -> Result<(), InputError> {
    let at = Location::file(path).line(label_line);
    // the value's parts: its cells, and each line continuing it
    let parts: Vec<(usize, String)> = values
        .iter()
        .flat_map(|(j, cells)| {
            let line = &lines[*j];
            if cells.is_empty() {
                let cells: Vec<&str> = line
                    .cells
                    .iter()
                    .map(|c| c.text.trim())
                    .filter(|t| !t.is_empty())
                    .collect();
                vec![(line.number, cells.join(" "))]
            } else {
                cells.iter().map(|c| (line.number, c.clone())).collect()
            }
        })
        .collect();
    let value = parts
        .iter()
        .map(|(_, p)| p.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let label = spec.label.as_str();
    let field = spec.field.profile_field();
    // a name, a provider or a scope stating the registration's state (`テストSaaS（登録失効）`,
    // `TestSaaS (suspended)`, `本体（2026年9月1日付で掲載停止）`): refused (review 21 A-2)
    if matches!(spec.field, Field::Name | Field::Provider) || spec.field.is_scope() {
        // (the word noted is the state: a word alone in brackets, `テストSaaS（更新中）`, is
        // one only as a note, so the value is not judged again whole: review 23 A-16)
        for (n, part) in &parts {
            if let Some(word) = registry_state_noted(part) {
                let what = format!("the value '{}' of '{}'", quote(part), quote(label));
                return Err(registry_state_error(
                    word,
                    &what,
                    Location::file(path).line(*n),
                ));
            }
        }
    }
    // ids in a value are text: never a list, never credited
    if spec.field.is_text() {
        for (n, part) in &parts {
            let ids = find_ids(part).0;
            if !ids.is_empty() && is_id_list(part, catalog) {
                return Err(InputError::at(
                    Location::file(path).line(*n),
                    format!(
                        "the value of '{}' ('{}') is a list of ids: a field's value is text, and the label may be a heading over them, so none is read",
                        quote(label),
                        quote(part)
                    ),
                )
                .hint("a field of the list entry holds text, not controls: put the ids in the table of implemented control objectives, and remove them from the field"));
            }
            page.mentions.extend(mentions_in(part, catalog, *n, label));
        }
    }
    let not_yes_no = || {
        InputError::at(
            at.clone(),
            format!(
                "'{}' after '{}' is not yes or no",
                quote(&value),
                quote(label)
            ),
        )
        .hint("write 有/無, あり/なし or Yes/No first (a note may follow it)")
    };
    match spec.field {
        Field::ListTitle(kind) => {
            page.once(field, label, kind.label(), &at, label_line)?;
            page.set_kind(kind, label_line);
            page.title_lines.push(label_line);
        }
        Field::Kind => {
            let kind = if mentions_liu(&value) {
                RegistrationKind::IsmapLiu
            } else {
                RegistrationKind::parse(&value).ok_or_else(|| {
                    InputError::at(
                        at.clone(),
                        format!(
                            "'{}' after '{}' is neither ISMAP nor ISMAP-LIU",
                            quote(&value),
                            quote(label)
                        ),
                    )
                    .hint("write the list the service is registered on: ISMAP or ISMAP-LIU; or remove the line")
                })?
            };
            page.set_kind(kind, label_line);
        }
        Field::TableTitle => {
            // a bracket on the table's title naming a plan, an edition, a region, a part or a
            // footnote (`…の管理策（標準プラン）`, `（Tokyo）`, `（※1）`) narrows every id under
            // it; the service's name there (`（サンプルSaaS：架空のサービス）`) does not (review
            // 23 A-3)
            if let Some((note, what)) = title_bracket_narrows(label) {
                return Err(InputError::at(
                    at.clone(),
                    format!(
                        "the note '{}' on the title of the control list '{}' {what}: it may narrow every id under the title, so none is read as implemented",
                        quote(&note),
                        quote(label)
                    ),
                )
                .hint("paste the list of the statement of the whole service; if the bracket only names the service, write its name on the line of its own (クラウドサービスの名称)"));
            }
            page.title_lines.push(label_line)
        }
        Field::RegistrationNumber => {
            if !is_registration_number(&value) {
                return Err(InputError::at(
                    at,
                    format!(
                        "'{}' after '{}' is not a registration number",
                        quote(&value),
                        quote(label)
                    ),
                )
                .hint("write the registration number as the ISMAP cloud service list gives it (C21-0001-2)"));
            }
            let number = fold_width(&value).trim().to_owned();
            page.once(field, label, &number, &at, label_line)?;
            page.registration_number = Some(number);
        }
        Field::Registered | Field::RenewalDeadline => {
            let date = if spec.field == Field::RenewalDeadline {
                Date::parse_deadline(&value)
            } else {
                Date::parse_written(&value)
            }
            .ok_or_else(|| {
                InputError::at(
                    at.clone(),
                    format!("'{}' after '{}' is not a date", quote(&value), quote(label)),
                )
                .hint("write the date as 2021年3月12日, 令和3年3月12日, 2021/3/12 or 2021-03-12")
            })?;
            page.once(field, label, &date.to_string(), &at, label_line)?;
            if spec.field == Field::Registered {
                page.registered = Some(date);
            } else {
                page.renewal_deadline = Some(date);
            }
        }
        Field::AuditPeriod => {
            let (from, to) = parse_period(&value).ok_or_else(|| {
                InputError::at(
                    at.clone(),
                    format!(
                        "'{}' after '{}' is not a period of two dates",
                        quote(&value),
                        quote(label)
                    ),
                )
                .hint("write the period as 2024年4月1日～2024年9月30日 (also 〜, -, から…まで, to; a period of one day with its date twice, or as 2025年3月31日時点)")
            })?;
            if from > to {
                return Err(InputError::at(
                    at,
                    format!(
                        "the period '{}' after '{}' ends before it starts",
                        quote(&value),
                        quote(label)
                    ),
                )
                .hint("check the two dates of the period"));
            }
            let period = Period { from, to };
            page.once(field, label, &period.to_string(), &at, label_line)?;
            page.audit_period = Some(period);
        }
        Field::Scope | Field::InScope | Field::OutOfScope => {
            for (_, part) in &parts {
                page.scope.push(if spec.field == Field::OutOfScope {
                    format!("{label}: {part}")
                } else {
                    part.clone()
                });
            }
            page.note(field, label_line);
        }
        Field::LawAndJurisdiction => {
            let (law, court) = law_and_court(&parts);
            page.once("governing_law", label, &law, &at, label_line)?;
            page.once("jurisdiction", label, &court, &at, label_line)?;
            page.governing_law = Some(law);
            page.jurisdiction = Some(court);
        }
        Field::Name
        | Field::Provider
        | Field::SubsequentEvents
        | Field::ImprovementPlan
        | Field::CapitalRelationships
        | Field::GoverningLaw
        | Field::Jurisdiction
        | Field::ThirdPartyTesting => {
            if spec.yes_no && !starts_yes_no(&value) {
                return Err(not_yes_no());
            }
            page.once(field, label, &value, &at, label_line)?;
            // a service name that says it is on the LIU list (`サンプルSaaS（ISMAP-LIU登録）`)
            // puts the entry there, whatever the title says: the lesser assurance wins
            if spec.field == Field::Name && mentions_liu(&value) {
                page.set_kind(RegistrationKind::IsmapLiu, label_line);
            }
            let slot = match spec.field {
                Field::Name => &mut page.name,
                Field::Provider => &mut page.provider,
                Field::SubsequentEvents => &mut page.subsequent_events,
                Field::ImprovementPlan => &mut page.improvement_plan,
                Field::CapitalRelationships => &mut page.capital_relationships,
                Field::GoverningLaw => &mut page.governing_law,
                Field::Jurisdiction => &mut page.jurisdiction,
                _ => &mut page.third_party_testing,
            };
            *slot = Some(value);
        }
    }
    Ok(())
}

/// 準拠法・裁判管轄 in one value: two cells, or a law and a court joined by one separator
/// (`日本法、東京地方裁判所`); else the whole value is both (nothing is guessed away).
fn law_and_court(parts: &[(usize, String)]) -> (String, String) {
    if let [(_, law), (_, court)] = parts {
        return (law.clone(), court.clone());
    }
    let whole = parts
        .iter()
        .map(|(_, p)| p.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let split = whole
        .char_indices()
        .find(|(_, c)| matches!(c, '、' | ',' | '，' | '/' | '／' | ';' | '；'))
        .map(|(i, c)| (whole[..i].trim(), whole[i + c.len_utf8()..].trim()));
    match split {
        Some((law, court))
            if (law.contains('法') || law.to_lowercase().contains("law"))
                && ["裁判所", "管轄", "court", "jurisdiction"]
                    .iter()
                    .any(|w| court.to_lowercase().contains(w)) =>
        {
            (law.to_owned(), court.to_owned())
        }
        _ => (whole.clone(), whole),
    }
}

/// The registration's dates in order, as a profile's are.
fn check_dates(page: &Page, path: &Path) -> Result<(), InputError> {
    if let (Some(r), Some(d)) = (page.registered, page.renewal_deadline) {
        if r > d {
            let line = page
                .fields
                .iter()
                .find(|f| f.field == "registered")
                .map_or(0, |f| f.line);
            return Err(InputError::at(
                Location::file(path).line(line),
                format!("the registration date {r} is after the renewal deadline {d}"),
            )
            .hint("check 登録日 and 登録の更新期限: a registration runs from its date to its renewal deadline"));
        }
    }
    Ok(())
}

/// Whether a catalog entry is named by its title in a field's text: an objective, or a
/// category (`利用者アクセスの管理`, 9.2: it names every objective under it).
fn named_by_title(e: &crate::catalog::Entry) -> bool {
    matches!(
        e.level,
        crate::catalog::Level::Objective | crate::catalog::Level::Category
    )
}

/// The objectives (and categories) a text names by their exact catalog title, each with the title. A
/// Japanese title is found anywhere in the text where it is not part of a longer word: what
/// stands before and after it is punctuation, a space, kana (a particle or a verb:
/// `利用者登録及び登録削除を除く`, `…の手順を改善`) or `及び`/`並びに`/`以外`/`除外`/`等`
/// (`利用者登録` is no title, only the start of one; `鍵管理サービス` does not name 鍵管理).
/// An English title of three words or more is found between word boundaries (`Management
/// of privileged access rights is excluded`); a shorter one only as a whole piece between
/// punctuation (one-word titles such as `Monitor` are words of any sentence).
fn titled<'a>(text: &str, catalog: &'a Catalog) -> impl Iterator<Item = (String, String)> + 'a {
    let folded = fold_width(text).into_owned();
    let lower = folded.to_lowercase();
    let punctuation = |c: char| "()（）[]［］「」『』【】:：、,，。.;；/／・|".contains(c);
    let whole: Vec<String> = folded
        .split(punctuation)
        .map(str::trim)
        .filter(|p| p.chars().count() >= 2)
        .map(str::to_owned)
        .collect();
    catalog
        .entries()
        .iter()
        .filter(|e| named_by_title(e))
        .filter_map(move |e| {
            // each language's own title, never the other's standing in for it
            let ja = e
                .title
                .ja
                .as_deref()
                .filter(|t| names_japanese(&folded, &fold_width(t)));
            let en = || {
                let title = e.title.en.as_deref()?;
                let t = fold_width(title).to_lowercase();
                let named = if t.split_whitespace().count() >= 3 {
                    names_english(&lower, &t)
                } else {
                    whole.iter().any(|p| p.to_lowercase() == t)
                };
                named.then_some(title)
            };
            ja.or_else(en).map(|t| (e.id.clone(), t.to_owned()))
        })
}

/// The objectives a text may name by a near form of their Japanese title, not the exact one
/// ([`titled`] finds those): a piece of the text (between brackets and punctuation) whose
/// key — width-folded, without `的`, `の`, `及び`, `並びに`, `・`, `と` and spaces — shares
/// most of its two-character runs with the title's (`利用者登録・削除`, `利用者の登録及び削除`
/// for 利用者登録及び登録削除; `特権アクセス権の管理`, `特権的アクセス権管理` for
/// 特権的アクセス権の管理). A category's title is matched so only when its key is seven
/// characters or more (`利用者アクセス管理`): a short one is an ordinary word (`バックアップ`,
/// `装置`), named only exactly. An English title of two words or more is named near by the
/// same share of its words, in any order, without `of`/`the`/`and`… and plural endings
/// ([`near_english`]: `privileged access rights management`, `management of privileged
/// access` for Management of privileged access rights). Only ever a reason to refuse: a near
/// form may name the control.
fn near_titled<'a>(
    text: &str,
    catalog: &'a Catalog,
) -> impl Iterator<Item = (String, String)> + 'a {
    let split = fold_width(text)
        .split(|c: char| "()（）[]［］「」『』【】:：、,，。;；/／|\n\t".contains(c))
        .map(str::to_owned)
        .collect::<Vec<_>>();
    let pieces: Vec<String> = split
        .iter()
        .map(|p| near_key(p))
        .filter(|k| k.chars().count() >= 4)
        .collect();
    let words: Vec<Vec<String>> = split
        .iter()
        .map(|p| english_words(p))
        .filter(|w| w.len() >= 2)
        .collect();
    catalog
        .entries()
        .iter()
        .filter(|e| named_by_title(e))
        .filter_map(move |e| {
            let least = if e.level == crate::catalog::Level::Category {
                7
            } else {
                4
            };
            let ja = e.title.ja.as_deref().filter(|title| {
                let key = near_key(&fold_width(title));
                key.chars().count() >= least && pieces.iter().any(|p| near(p, &key))
            });
            let en = || {
                // a text without two English words in a piece (most: Japanese) names none
                e.title.en.as_deref().filter(|title| {
                    if words.is_empty() {
                        return false;
                    }
                    let key = english_words(&fold_width(title));
                    key.len() >= 2 && words.iter().any(|p| near_english(p, &key))
                })
            };
            ja.or_else(en).map(|title| (e.id.clone(), title.to_owned()))
        })
}

/// The words of an English text that carry its meaning, lower case, singular: without
/// `of`, `the`, `and`, `for`… (`Management of privileged access rights` → management,
/// privileged, access, right).
fn english_words(text: &str) -> Vec<String> {
    const FILLER: [&str; 14] = [
        "of", "the", "and", "for", "to", "a", "an", "in", "on", "with", "by", "from", "its", "or",
    ];
    text.to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !FILLER.contains(w))
        .map(|w| {
            if let Some(stem) = w.strip_suffix("ies").filter(|s| s.len() >= 3) {
                format!("{stem}y")
            } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
                w[..w.len() - 1].to_owned()
            } else {
                w.to_owned()
            }
        })
        .collect()
}

/// Whether a piece's [`english_words`] hold a near form of a title's: some run of the
/// piece's words, as many as the title's and one more (or all of them, if fewer), shares at
/// least two words and four fifths (Dice) with the title's, in any order.
fn near_english(piece: &[String], title: &[String]) -> bool {
    let width = (title.len() + 1).min(piece.len());
    (0..=piece.len() - width).any(|start| {
        let mut left: Vec<&String> = title.iter().collect();
        let mut common = 0;
        for w in &piece[start..start + width] {
            if let Some(i) = left.iter().position(|t| *t == w) {
                left.swap_remove(i);
                common += 1;
            }
        }
        common >= 2 && 5 * 2 * common >= 4 * (width + title.len())
    })
}

/// A Japanese text without the particles and marks a near form of a title drops or adds.
fn near_key(text: &str) -> String {
    let mut t = text.replace("及び", "").replace("並びに", "");
    // `・` is `.` once width-folded
    t.retain(|c| {
        !matches!(
            c,
            '的' | 'の' | '・' | '.' | 'と' | '及' | ' ' | '　' | 'を' | 'は' | 'に'
        )
    });
    t
}

/// Whether `piece` holds a near form of `key` (both [`near_key`]s): the two-character runs
/// of the piece's part as long as the key (or the whole piece, if shorter) and the key's
/// share at least four fifths (Dice), or the key stands in the piece.
fn near(piece: &str, key: &str) -> bool {
    if piece.contains(key) {
        return true;
    }
    let runs = |s: &[char]| -> Vec<(char, char)> { s.windows(2).map(|w| (w[0], w[1])).collect() };
    let p: Vec<char> = piece.chars().collect();
    let k = runs(&key.chars().collect::<Vec<_>>());
    let width = (key.chars().count() + 2).min(p.len());
    (0..=p.len() - width).any(|start| {
        let mut q = runs(&p[start..start + width]);
        let total = q.len() + k.len();
        let mut common = 0;
        for r in &k {
            if let Some(i) = q.iter().position(|x| x == r) {
                q.swap_remove(i);
                common += 1;
            }
        }
        total > 0 && 5 * 2 * common >= 4 * total
    })
}

/// Whether `title` (a Japanese title, width-folded) stands in `text` not as a part of a
/// longer word (see [`titled`]).
fn names_japanese(text: &str, title: &str) -> bool {
    if title.chars().count() < 2 {
        return false;
    }
    // a character that continues a word: kanji, katakana, letters, digits (not kana)
    let continues = |c: char| c.is_alphanumeric() && !('\u{3041}'..='\u{309F}').contains(&c);
    text.match_indices(title).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = &text[i + title.len()..];
        let open_before = before.is_none_or(|c| !continues(c));
        let open_after = after.chars().next().is_none_or(|c| !continues(c))
            || ["及び", "並びに", "以外", "除外", "等", "対象外"]
                .iter()
                .any(|w| after.starts_with(w));
        open_before && open_after
    })
}

/// Whether `title` (an English title, lower case) stands in `text` (lower case) between
/// word boundaries.
fn names_english(text: &str, title: &str) -> bool {
    let word = |c: char| c.is_alphanumeric();
    text.match_indices(title).any(|(i, _)| {
        text[..i].chars().next_back().is_none_or(|c| !word(c))
            && text[i + title.len()..]
                .chars()
                .next()
                .is_none_or(|c| !word(c))
    })
}

/// The controls a field's value names (`value`, on `line`, under `label`): an objective by
/// its exact catalog title (`（対象：特権的アクセス権の管理）` names it as much as its id), and
/// every control id in it. The one reading of a text field for a pasted entry and a profile.
pub fn mentions_in(value: &str, catalog: &Catalog, line: usize, label: &str) -> Vec<Mention> {
    let mention = |id: String, title: Option<String>, near: bool| Mention {
        id,
        title,
        near,
        line,
        label: label.to_owned(),
        value: value.to_owned(),
    };
    let mut out: Vec<Mention> = titled(value, catalog)
        .map(|(id, title)| mention(id, Some(title), false))
        .collect();
    for (id, title) in near_titled(value, catalog) {
        if !out.iter().any(|m| m.id == id) {
            out.push(mention(id, Some(title), true));
        }
    }
    out.extend(
        find_ids(value)
            .0
            .into_iter()
            .filter(|t| t.kind.is_control())
            .map(|t| mention(t.raw, None, false)),
    );
    // a category or a reference of another depth (`9.2`, `9.2全般`, `A.9.2`), an id after
    // `No.`, or one written with hyphens (`9-2-3`: three or four numbers) names the controls
    // under it: what the field says of them is not read either
    let folded = fold_width(value);
    let hyphened = folded
        .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '‐' | '−')))
        .filter_map(|t| {
            let t = ["No.", "no.", "NO."]
                .iter()
                .find_map(|p| t.strip_prefix(p))
                .unwrap_or(t);
            let parts: Vec<&str> = t.split(['-', '‐', '−']).collect();
            ((3..=4).contains(&parts.len())
                && parts.iter().all(|p| {
                    !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit())
                }))
            .then(|| parts.join("."))
        });
    let dotted = folded
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .map(str::to_owned)
        .collect::<Vec<_>>();
    for token in dotted.into_iter().chain(hyphened) {
        let token = token.trim_matches('.');
        let token = ["No.", "no.", "NO."]
            .iter()
            .find_map(|p| token.strip_prefix(p))
            .unwrap_or(token);
        if token.contains('.')
            && !out.iter().any(|m| m.id == token)
            && matches!(
                catalog.resolve(token),
                crate::catalog::Resolution::Resolved { kind, ref targets, .. }
                    if kind != crate::catalog::RefKind::Nist && !targets.is_empty()
            )
        {
            out.push(mention(token.to_owned(), None, false));
        }
    }
    out
}

/// Refuses an id named in a field's value (by its id, or an objective by its exact title)
/// that the list also states implemented: what the field says of it (`対象外`, a subsequent
/// event) is not read, so the id cannot be.
pub fn check_mentions(
    page: &Page,
    listed: &[crate::model::ListedControl],
    path: &Path,
    catalog: &Catalog,
) -> Result<(), InputError> {
    check_named(&page.mentions, listed, path, catalog)
}

/// The one check of [`check_mentions`] over any mentions (a pasted entry's fields, a
/// profile's `scope`, `subsequent_events`, `improvement_plan`): the first that names a
/// control stated implemented is an error at the mention's line. A control listed with its
/// line is the list's; without one, the profile's `implemented`.
pub fn check_named(
    mentions: &[Mention],
    listed: &[crate::model::ListedControl],
    path: &Path,
    catalog: &Catalog,
) -> Result<(), InputError> {
    for m in mentions {
        let named = super::named_keys(catalog, &m.id);
        let Some(c) = listed.iter().find(|c| {
            c.declared == crate::model::Declared::Implemented
                && super::names_control(&named, &super::meaning_key(catalog, &c.raw))
        }) else {
            continue;
        };
        let named = match &m.title {
            Some(title) if m.near => format!(
                "what may be {} (its title is '{}': a near form of it)",
                m.id,
                quote(title)
            ),
            Some(title) => format!("{} ('{}')", m.id, quote(title)),
            None => m.id.clone(),
        };
        let at = if m.line > 0 {
            Location::file(path).line(m.line)
        } else {
            Location::file(path)
        };
        let message = match c.line {
            Some(line) => format!(
                "'{}' in the field '{}' names {}, which the list states implemented (line {}): what the field says of it is not read, so {} is not read as implemented",
                quote(&m.value),
                quote(&m.label),
                named,
                line,
                c.raw
            ),
            None => format!(
                "'{}' in the field '{}' names {}, which the profile states implemented (under `implemented`): what the field says of it is not read, so {} is not read as implemented",
                quote(&m.value),
                quote(&m.label),
                named,
                c.raw
            ),
        };
        return Err(InputError::at(at, message).hint(FOR_MENTIONS));
    }
    Ok(())
}

/// The hint for a control named in a field of the entry or the profile.
const FOR_MENTIONS: &str = "a field of the list entry (scope, subsequent events, improvement plan…) is shown, not interpreted: if it narrows or qualifies a control, give the statuses in a table with a status column such as 実施状況; otherwise remove the id (or the objective's title) from the field";

#[cfg(test)]
mod tests {
    use super::*;

    /// Review 12 C-12: a name line (`サービス名：テストクラウド`, `クラウドサービスの名称 |
    /// テストクラウド`, `Service name: Test Cloud`) or a scope line that limits nothing states
    /// the service's name; a scope line naming a region, another field, a note do not.
    #[test]
    fn a_name_line_states_the_services_name() {
        let cells = |c: &[&str]| c.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        for (row, name) in [
            (&["サービス名：テストクラウド"][..], "テストクラウド"),
            (
                &["クラウドサービスの名称", "テストクラウド"][..],
                "テストクラウド",
            ),
            (&["Service name: Test Cloud"][..], "test cloud"),
            (&["対象範囲", "テストクラウド"][..], "テストクラウド"),
        ] {
            assert_eq!(
                service_name_stated(&cells(row)).as_deref(),
                Some(name),
                "{row:?}"
            );
        }
        for row in [
            &["対象範囲", "テストクラウド（東京リージョン）"][..],
            &["登録番号", "C99-0021-1"][..],
            &["管理策一覧"][..],
            &["サービス名："][..],
        ] {
            assert_eq!(service_name_stated(&cells(row)), None, "{row:?}");
        }
    }

    /// A scope line naming the whole service or the service alone limits nothing; one
    /// naming a region, a part or a qualifier does (review 13 C-2).
    #[test]
    fn a_scope_line_of_the_whole_service_limits_nothing() {
        let cells = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(scope_limits_nothing(&cells(&[
            "対象範囲",
            "サンプルクラウド"
        ])));
        assert!(scope_limits_nothing(&cells(&[
            "対象範囲：本サービスの全リージョン"
        ])));
        assert!(scope_limits_nothing(&cells(&["対象範囲", "全リージョン"])));
        assert!(scope_limits_nothing(&cells(&[
            "対象範囲",
            "本サービス全体"
        ])));
        assert!(scope_limits_nothing(&cells(&["対象範囲", "Sample Cloud"])));
        for c in [
            &["対象範囲", "サンプルクラウド（東京リージョン）"][..],
            &["対象範囲", "東京リージョンのみ"],
            &["対象範囲", "全サービス（管理コンソールを除く）"],
            &["対象範囲", "サンプルクラウド 基本機能"],
            &["対象範囲", "サンプルクラウド 東京"],
            &["対象範囲", "サンプルクラウド 管理画面"],
            &["対象範囲", "サンプルクラウド Web版"],
            &["対象範囲", "サンプルクラウド基本機能"],
            &["対象範囲", "東京"],
            &["対象範囲", "Sample Cloud Web"],
            &["対象範囲", ""],
            &["登録の更新期限", "2027年3月31日"],
        ] {
            assert!(!scope_limits_nothing(&cells(c)), "{c:?}");
        }
    }
    use crate::model::Declared;

    fn catalog() -> Catalog {
        Catalog::embedded().unwrap()
    }

    /// A near form of a Japanese title (particles, 的, ・ dropped or added) may name its
    /// objective; other text of a scope or plan does not.
    #[test]
    fn objectives_named_by_a_near_form_of_their_title() {
        let c = catalog();
        let ids = |text: &str| -> Vec<String> { near_titled(text, &c).map(|(id, _)| id).collect() };
        for (text, id) in [
            ("有（利用者登録・削除）", "9.2.1"),
            ("有（利用者の登録及び削除）", "9.2.1"),
            ("有（特権アクセス権の管理）", "9.2.3"),
            ("有（特権的アクセス権管理）", "9.2.3"),
            ("特権アクセス権の管理の運用を一時停止", "9.2.3"),
            // English near titles: words in another order, filler and plurals aside
            ("Yes (privileged access rights management)", "9.2.3"),
            ("Yes (management of privileged access)", "9.2.3"),
            // a long category title near (9.2 利用者アクセスの管理)
            ("有（利用者アクセス管理）", "9.2"),
        ] {
            assert!(
                ids(text).contains(&id.to_owned()),
                "{text}: {:?}",
                ids(text)
            );
        }
        for text in [
            "サンプルSaaS 本体（東京リージョン、大阪リージョン）",
            "サンプルSaaS と連携する外部サービス",
            "有（ログ取得の改善）",
            "有（バックアップ手順の見直し）",
            "なし",
            "利用者",
            "Yes (access to the new region)",
            "Yes (privileged users)",
        ] {
            assert!(ids(text).is_empty(), "{text}: {:?}", ids(text));
        }
    }

    /// An objective is named by its whole title between punctuation (or, Japanese, between
    /// spaces), never by a title's start or a word of a sentence.
    #[test]
    fn objectives_named_by_their_exact_title() {
        let c = catalog();
        let ids = |text: &str| -> Vec<String> { titled(text, &c).map(|(id, _)| id).collect() };
        assert_eq!(
            ids("（対象：特権的アクセス権の管理、利用者登録）"),
            ["9.2.3"]
        );
        assert_eq!(ids("特権的アクセス権の管理 鍵管理"), ["9.2.3", "10.1.2"]);
        assert_eq!(
            ids("Management of privileged access rights: under review"),
            ["9.2.3"]
        );
        assert!(ids("鍵管理サービスの変更管理プロセス").is_empty());
        // a category by its title names it (and so every objective under it)
        assert_eq!(ids("有（利用者アクセスの管理）"), ["9.2"]);
        assert_eq!(ids("Yes (User access management)"), ["9.2"]);
        // a title followed by a particle or a verb is named (not a title's start)
        for named in [
            "サンプルSaaS 本体（利用者登録及び登録削除を除く）",
            "サンプルSaaS 本体、利用者登録及び登録削除を除く",
            "有（利用者登録及び登録削除の手順を改善）",
            "利用者登録及び登録削除は対象外",
            "利用者登録及び登録削除以外",
            "利用者登録及び登録削除及びログ取得",
            "User registration and de-registration is out of scope",
        ] {
            assert_eq!(ids(named), ["9.2.1"], "{named}");
        }
        for not in [
            "利用者登録は対象外",
            "新利用者登録及び登録削除システム",
            "利用者登録及び登録削除システムの更新",
            "User registration and de-registrations",
        ] {
            assert!(ids(not).is_empty(), "{not}");
        }
        assert!(ids("We monitor and Monitor access rights").is_empty());
        assert!(ids("なし").is_empty());
    }

    /// A title or a kind line that mentions LIU anywhere puts the entry on the LIU list; a
    /// kind line naming neither list is refused, naming its line.
    #[test]
    fn liu_is_a_word_in_capitals_not_a_name() {
        for t in [
            "ISMAP-LIU",
            "ismap liu",
            "区分: LIU",
            "ＬＩＵ",
            "Low-Impact Use",
        ] {
            assert!(mentions_liu(t), "{t}");
        }
        for t in ["Liu Wei", "Wei Liu", "担当: liu", "劉", "Lius", "LIUX"] {
            assert!(!mentions_liu(t), "{t}");
        }
    }

    #[test]
    fn a_mention_of_liu_in_the_title_or_a_kind_line_is_liu() {
        let kind = |head: &str| {
            let att = read_text(&format!("{head}\n基本言明要件のうち実施している統制目標の管理策\n9.2.1 利用者登録及び登録削除\n"))?;
            let read: Vec<String> = fields(&att).iter().map(|(f, _)| (*f).to_owned()).collect();
            Ok::<_, String>((att.registration_kind, read))
        };
        for liu in [
            "ISMAPクラウドサービスリスト（ISMAP-LIU）",
            "ISMAPクラウドサービスリスト(ISMAP LIU)",
            "ISMAP-LIUクラウドサービスリスト",
            "ISMAP for Low-Impact Use クラウドサービスリスト",
            "ISMAPクラウドサービスリスト\n区分\tISMAP-LIU",
            "ISMAPクラウドサービスリスト\n登録区分：ISMAP LIU",
            "種別 Low-Impact Use\nISMAPクラウドサービスリスト",
            "種別 ＩＳＭＡＰ－ＬＩＵ",
            "登録区分\nISMAP-LIU",
        ] {
            let (k, f) = kind(liu).unwrap();
            assert_eq!(k, Some(RegistrationKind::IsmapLiu), "{liu}");
            assert!(f.iter().any(|n| n == "registration_kind"), "{liu}");
        }
        for ismap in [
            "ISMAPクラウドサービスリスト",
            "区分 ISMAP",
            "ISMAPクラウドサービスリスト\n種別 ismap",
            // a PDF's cells pasted one a line: the value on the next
            "区分\nISMAP",
        ] {
            assert_eq!(
                kind(ismap).unwrap().0,
                Some(RegistrationKind::Ismap),
                "{ismap}"
            );
        }
        // a table's header line starting with 区分 is no kind line
        let (k, f) = kind("区分\t管理策番号\t管理策名").unwrap();
        assert_eq!(k, None);
        assert!(f.is_empty(), "{f:?}");
        for bad in [
            "区分 SaaS",
            "ISMAPクラウドサービスリスト\n登録区分\tISMAPクラウドサービス",
            "区分\n統制目標 番号",
        ] {
            let err = kind(bad).unwrap_err();
            assert!(err.contains("is neither ISMAP nor ISMAP-LIU"), "{err}");
            assert!(err.contains("line "), "{err}");
        }
    }

    fn read_text(text: &str) -> Result<Attestation, String> {
        let as_of = crate::date::Date::new(2026, 4, 1).unwrap();
        super::super::from_text(Path::new("entry.txt"), text, &catalog(), as_of)
            .map_err(|e| e.to_string())
    }

    fn ids(att: &Attestation) -> Vec<&str> {
        att.controls
            .iter()
            .inspect(|c| assert_eq!(c.declared, Declared::Implemented))
            .map(|c| c.raw.as_str())
            .collect()
    }

    fn fields(att: &Attestation) -> Vec<(&str, usize)> {
        att.read_as
            .fields
            .iter()
            .map(|f| (f.field, f.line))
            .collect()
    }

    #[test]
    fn labels_with_notes_yes_no_and_in_english() {
        for (text, want) in [
            ("登録番号", Some((Field::RegistrationNumber, false))),
            ("【登録番号】", Some((Field::RegistrationNumber, false))),
            ("(1) クラウドサービスの名称", Some((Field::Name, false))),
            ("改善計画の有無", Some((Field::ImprovementPlan, true))),
            (
                "第三者による検証（脆弱性診断等）の有無",
                Some((Field::ThirdPartyTesting, true)),
            ),
            ("準拠法・裁判管轄", Some((Field::LawAndJurisdiction, false))),
            (
                "資本関係・役員等の情報",
                Some((Field::CapitalRelationships, false)),
            ),
            (
                "Registration renewal deadline",
                Some((Field::RenewalDeadline, false)),
            ),
            ("Period subject to audit", Some((Field::AuditPeriod, false))),
            (
                "Improvement plan (Yes/No)",
                Some((Field::ImprovementPlan, false)),
            ),
            (
                "Third-party testing (penetration tests, etc.)",
                Some((Field::ThirdPartyTesting, false)),
            ),
            (
                "ＩＳＭＡＰクラウドサービスリスト",
                Some((Field::ListTitle(RegistrationKind::Ismap), false)),
            ),
            (
                "ISMAP-LIU Cloud Service List",
                Some((Field::ListTitle(RegistrationKind::IsmapLiu), false)),
            ),
            // not labels: a note that negates or names an id, a yes/no the field does
            // not ask, more words
            ("後発事象（9.2.3は未実施）", None),
            ("改善計画（未実施の統制目標）", None),
            ("登録日の有無", None),
            ("改善計画の対象", None),
            ("後発事象はない", None),
            ("統制目標 番号", None),
        ] {
            assert_eq!(label(text), want, "{text}");
        }
        assert_eq!(
            split_label("監査対象期間：2024年4月1日～2024年9月30日"),
            Some((
                Field::AuditPeriod,
                false,
                "監査対象期間",
                "2024年4月1日～2024年9月30日"
            ))
        );
        assert_eq!(
            split_label("Scope of the statement Tokyo region"),
            Some((
                Field::Scope,
                false,
                "Scope of the statement",
                "Tokyo region"
            ))
        );
        assert_eq!(split_label("後発事象なし"), None);
    }

    /// The lead's page: the fields around the control list, tab-separated.
    #[test]
    fn a_whole_entry_tab_separated() {
        let att = read_text(
            "ISMAPクラウドサービスリスト\n登録番号\tC21-0001-2\nクラウドサービスの名称\tサンプルクラウド\nクラウドサービス事業者\tサンプル株式会社\n登録日\t2021年3月12日\n登録の更新期限\t2026年3月31日\n言明の対象範囲\t東京リージョン、大阪リージョンで提供される全サービス\n基本言明要件のうち実施している統制目標の管理策\n統制目標 番号\t統制目標 番号\n3.1.2\t9.2.3\n8.1.5.P\t12.4.1\n1/2\n監査対象期間\t2024年4月1日～2024年9月30日\n後発事象\tなし\n改善計画の有無\t無\n資本関係・役員等の情報\t該当なし\n準拠法・裁判管轄\t日本法、東京地方裁判所\n第三者による検証（脆弱性診断等）の有無\t有\n",
        )
        .unwrap();
        assert_eq!(ids(&att), ["3.1.2", "9.2.3", "8.1.5.P", "12.4.1"]);
        assert_eq!(att.registration_kind, Some(RegistrationKind::Ismap));
        assert_eq!(att.registration_number.as_deref(), Some("C21-0001-2"));
        assert_eq!(att.name.as_deref(), Some("サンプルクラウド"));
        assert_eq!(att.provider.as_deref(), Some("サンプル株式会社"));
        assert_eq!(att.registered, Date::new(2021, 3, 12));
        assert_eq!(att.renewal_deadline, Date::new(2026, 3, 31));
        assert_eq!(
            att.audit_period.map(|p| p.to_string()).as_deref(),
            Some("2024-04-01 – 2024-09-30")
        );
        assert_eq!(
            att.scope,
            ["東京リージョン、大阪リージョンで提供される全サービス"]
        );
        assert_eq!(att.subsequent_events.as_deref(), Some("なし"));
        assert_eq!(att.improvement_plan.as_deref(), Some("無"));
        assert_eq!(att.capital_relationships.as_deref(), Some("該当なし"));
        assert_eq!(att.governing_law.as_deref(), Some("日本法"));
        assert_eq!(att.jurisdiction.as_deref(), Some("東京地方裁判所"));
        assert_eq!(att.third_party_testing.as_deref(), Some("有"));
        assert_eq!(
            fields(&att),
            [
                ("registration_kind", 1),
                ("registration_number", 2),
                ("name", 3),
                ("provider", 4),
                ("registered", 5),
                ("renewal_deadline", 6),
                ("scope", 7),
                ("audit_period", 13),
                ("subsequent_events", 14),
                ("improvement_plan", 15),
                ("capital_relationships", 16),
                ("governing_law", 17),
                ("jurisdiction", 17),
                ("third_party_testing", 18),
            ]
        );
    }

    /// A PDF's cells pasted one per line: each value on the line after its label, a scope
    /// over two lines, group labels over their parts, era dates.
    #[test]
    fn a_whole_entry_one_cell_per_line() {
        let att = read_text(
            "登録番号\nC21-0001-2\nクラウドサービスの名称\nサンプルクラウド\n登録日\n令和3年3月12日\n登録の更新期限\n令和8年3月31日\n言明の対象範囲\n対象範囲\n東京リージョンで提供される\n全サービス\n対象外\n管理コンソール\n基本言明要件のうち実施している統制目標の管理策\n統制目標 番号\n9.2.1\n9.2.3\n特権的アクセス権の管理\n監査対象期間\n2024年4月1日\n～2024年9月30日\n後発事象\nなし\n改善計画の有無\n有\n準拠法・裁判管轄\n準拠法\n日本法\n裁判管轄\n東京地方裁判所\n",
        );
        // a period broken over two lines is read whole
        let att = att.unwrap();
        assert_eq!(
            att.audit_period.map(|p| p.to_string()).as_deref(),
            Some("2024-04-01 – 2024-09-30")
        );
        // where the rest of it may be something else, one date is not a period
        let err = read_text("監査対象期間\n2024年9月30日\n9.2.1\n").unwrap_err();
        assert!(
            err.contains(
                "line 1: '2024年9月30日' after '監査対象期間' is not a period of two dates"
            ),
            "{err}"
        );
        let att = read_text(
            "登録番号\nC21-0001-2\nクラウドサービスの名称\nサンプルクラウド\n登録日\n令和3年3月12日\n登録の更新期限\n令和8年3月31日\n言明の対象範囲\n対象範囲\n東京リージョンで提供される\n全サービス\n対象外\n管理コンソール\n基本言明要件のうち実施している統制目標の管理策\n統制目標 番号\n9.2.1\n9.2.3\n特権的アクセス権の管理\n監査対象期間\n2024年4月1日～2024年9月30日\n後発事象\nなし\n改善計画の有無\n有\n準拠法・裁判管轄\n準拠法\n日本法\n裁判管轄\n東京地方裁判所\n",
        )
        .unwrap();
        assert_eq!(ids(&att), ["9.2.1", "9.2.3"]);
        assert_eq!(att.registered, Date::new(2021, 3, 12));
        assert_eq!(att.renewal_deadline, Date::new(2026, 3, 31));
        assert_eq!(
            att.scope,
            [
                "東京リージョンで提供される",
                "全サービス",
                "対象外: 管理コンソール"
            ]
        );
        assert_eq!(att.improvement_plan.as_deref(), Some("有"));
        assert_eq!(att.governing_law.as_deref(), Some("日本法"));
        assert_eq!(att.jurisdiction.as_deref(), Some("東京地方裁判所"));
        assert_eq!(att.ignored_tokens, 3, "the header words and the title");
    }

    /// A field line states nothing of the ids around it: the same ids are read with and
    /// without it, wherever it stands.
    #[test]
    fn field_lines_never_credit_or_uncredit() {
        let list = ["9.2.1", "9.2.3", "特権的アクセス権の管理", "12.4.1"];
        for field in [
            "後発事象\tなし",
            "後発事象 なし",
            "改善計画の有無\t無",
            "改善計画の有無：無",
            "Subsequent events: None",
            "Improvement plan\tNo",
            "登録の更新期限\t2027年3月31日",
            "第三者による検証の有無 無",
        ] {
            for at in 0..=list.len() {
                let mut lines = list.to_vec();
                lines.insert(at, field);
                let text = lines.join("\n");
                let att = read_text(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
                assert_eq!(ids(&att), ["9.2.1", "9.2.3", "12.4.1"], "{text}");
            }
        }
    }

    #[test]
    fn what_a_field_cannot_carry_is_refused() {
        for (text, want) in [
            (
                "登録の更新期限\t2026年3月\n9.2.1\n",
                "line 1: '2026年3月' after '登録の更新期限' is not a date (hint: write the date as 2021年3月12日",
            ),
            (
                "登録日\t令和1年4月30日\n9.2.1\n",
                "line 1: '令和1年4月30日' after '登録日' is not a date",
            ),
            (
                "監査対象期間：2024年10月1日～\n9.2.1\n",
                "'2024年10月1日～' after '監査対象期間' is not a period of two dates",
            ),
            (
                "監査対象期間\t2024年10月1日～2024年3月31日\n9.2.1\n",
                "line 1: the period '2024年10月1日～2024年3月31日' after '監査対象期間' ends before it starts",
            ),
            (
                "登録番号\tなし\n9.2.1\n",
                "'なし' after '登録番号' is not a registration number",
            ),
            (
                "改善計画の有無\t2026年度に対応\n9.2.1\n",
                "'2026年度に対応' after '改善計画の有無' is not yes or no",
            ),
            (
                "登録日\t2027年4月1日\n登録の更新期限\t2026年3月31日\n9.2.1\n",
                "line 1: the registration date 2027-04-01 is after the renewal deadline 2026-03-31",
            ),
            (
                "登録の更新期限\t2026年3月31日\n9.2.1\n登録の更新期限\t2027年3月31日\n",
                "line 3: '登録の更新期限' is given twice, differently: '2027-03-31' here, '2026-03-31' on line 1",
            ),
            // a label without a value: a heading, maybe
            // 対象外 is a label within the scope only; elsewhere the list's status word
            ("対象外\n9.2.3\n", "line 1: '対象外' states a status ('対象外')"),
            (
                "9.2.3\n特権的アクセス権の管理\n対象外\n5.1.1 基本言明要件のうち実施している統制目標の管理策\n",
                "line 3: '対象外' states a status ('対象外')",
            ),
            (
                "言明の対象範囲\t東京リージョン\n対象外\n9.2.3\n",
                "line 2: '対象外' is a field of the ISMAP list entry, but no value follows it",
            ),
            ("9.2.1\n後発事象\n", "line 2: '後発事象' is a field of the ISMAP list entry, but no value follows it"),
            (
                "後発事象\n改善計画の有無\t無\n9.2.1\n",
                "line 1: '後発事象' is a field",
            ),
            // a value that is a list of ids
            (
                "言明の対象範囲\t東京リージョン\n対象外\t9.2.3 9.2.4\n9.2.1\n",
                "line 2: the value of '対象外' ('9.2.3 9.2.4') is a list of ids",
            ),
            (
                "後発事象\n9.2.3 特権的アクセス権の管理 に不備\n",
                "line 1: '後発事象' is a field of the ISMAP list entry, but no value follows it",
            ),
            (
                "改善計画\n9.2.3 特権的アクセス権の管理\n",
                "line 1: '改善計画' is a field of the ISMAP list entry, but no value follows it",
            ),
            // a value that negates right above ids
            (
                "後発事象\t以下の統制目標は未実施となった\n9.2.3\n",
                "line 1: '後発事象 以下の統制目標は未実施となった' is a field of the ISMAP list entry that negates, excludes, defers or qualifies ('未') right above ids",
            ),
            (
                "言明の対象範囲\t東京リージョンのみ\n統制目標 番号\n9.2.3\n",
                "('のみ') right above ids",
            ),
            (
                "後発事象\t一部未実施\t改善計画の有無\t無\n9.2.3\n",
                "'後発事象 一部未実施' is a field of the ISMAP list entry that negates",
            ),
            (
                "言明の対象範囲\t東京リージョン\n対象外\t管理コンソール\n\n9.2.3\n",
                "line 2: '対象外 管理コンソール' is a field of the ISMAP list entry that negates, excludes, defers or qualifies ('外') right above ids",
            ),
            // an id a field names, which the list states implemented
            (
                "言明の対象範囲\t統制目標 9.2.3 の特権管理は対象外\n基本言明要件のうち実施している統制目標の管理策\n9.2.1\n9.2.3\n",
                "line 1: '統制目標 9.2.3 の特権管理は対象外' in the field '言明の対象範囲' names 9.2.3, which the list states implemented (line 4)",
            ),
            (
                "9.2.3\n後発事象\t9.2.3 の運用に不備が判明した\n",
                "names 9.2.3, which the list states implemented (line 1)",
            ),
        ] {
            let err = read_text(text).map(|a| format!("{:?}", ids(&a))).unwrap_err();
            assert!(err.contains(want), "{text:?}: {err}");
            assert!(err.contains("(hint: "), "{err}");
        }
    }

    /// Ids a value names are text: shown, never credited; a value that negates away from
    /// the ids is shown, not interpreted.
    #[test]
    fn ids_in_values_are_text() {
        let att = read_text(
            "言明の対象範囲\t統制目標 8.1.5.P に係る資産の返却は対象外\n基本言明要件のうち実施している統制目標の管理策\n9.2.1\n9.2.3\n後発事象\t2025年1月に障害が発生（一部サービスが停止）\n",
        )
        .unwrap();
        assert_eq!(ids(&att), ["9.2.1", "9.2.3"]);
        assert_eq!(att.scope, ["統制目標 8.1.5.P に係る資産の返却は対象外"]);
        assert_eq!(
            att.subsequent_events.as_deref(),
            Some("2025年1月に障害が発生（一部サービスが停止）")
        );
    }

    /// A line that starts like a label but is none keeps the published list's rules.
    #[test]
    fn lines_like_labels_keep_the_list_rules() {
        for (text, want) in [
            (
                "後発事象はない。以下は未実施\n9.2.3\n",
                "line 1: '後発事象はない。以下は未実施' states a status",
            ),
            (
                "後発事象はない\n9.2.3\n",
                "line 1: '後発事象はない' negates, excludes, defers or qualifies ('ない')",
            ),
            (
                "改善計画の対象となる統制目標\n9.2.3\n",
                "negates, excludes, defers or qualifies ('改善')",
            ),
            (
                "対象外の統制目標\n9.2.3\n",
                "line 1: '対象外の統制目標' states a status ('対象外')",
            ),
            (
                "後発事象（9.2.3は未実施）\tなし\n9.2.1\n",
                "9.2.3 stands inside a sentence",
            ),
        ] {
            let err = read_text(text)
                .map(|a| format!("{:?}", ids(&a)))
                .unwrap_err();
            assert!(err.contains(want), "{text:?}: {err}");
        }
    }

    #[test]
    fn law_and_court_in_one_value() {
        let parts = |s: &str| vec![(1, s.to_owned())];
        assert_eq!(
            law_and_court(&parts("日本法、東京地方裁判所")),
            ("日本法".to_owned(), "東京地方裁判所".to_owned())
        );
        assert_eq!(
            law_and_court(&parts("Laws of Japan; Tokyo District Court")),
            (
                "Laws of Japan".to_owned(),
                "Tokyo District Court".to_owned()
            )
        );
        assert_eq!(
            law_and_court(&parts("日本法に準拠し東京地方裁判所を専属的合意管轄とする")),
            (
                "日本法に準拠し東京地方裁判所を専属的合意管轄とする".to_owned(),
                "日本法に準拠し東京地方裁判所を専属的合意管轄とする".to_owned()
            )
        );
    }
}
