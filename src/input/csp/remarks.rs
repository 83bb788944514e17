//! What a remark beside an implemented status says of the statement: a **qualifier** — a
//! scope limit (`東京リージョンのみ`, `except Marketplace`), a deferral (`2026年度中に対応`,
//! `not yet`), someone else's implementation (`顧客側で設定`, `Customer responsibility`), or
//! another status (`非該当`, `N/A`) — told apart from a remark that describes the
//! implementation or states a policy that forbids something (`パスワードを平文で保存しない`,
//! `未承認ソフトウェアのインストールを禁止`, `例外なし`, `No shared accounts allowed`). Status
//! tables check every column of a row stated implemented with it; headers that name what is
//! not implemented, a scope or who implements are judged here too.
use crate::input::csp::vocab;
use crate::model::Declared;
use crate::text::{fold_width, header_key, CharSet};

/// What a qualifier does to the statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Limits or conditions it: only part of the service, with exceptions, in principle.
    Scope,
    /// Defers it, or says it is not done (yet).
    Deferral,
    /// Says someone else (the customer, the IaaS) implements it.
    Others,
    /// States another status (`非該当`, `N/A`, `×`).
    Status,
    /// Gives a date after the as-of date (`実施日 2027-04-01`, `2027年4月から`): a control
    /// implemented later is not implemented on that date.
    Later(crate::date::Date),
    /// Marks the list as a draft (`DRAFT`, `言明書（案）`, `ドラフト版`): not the statement
    /// published.
    Draft,
    /// Dates the list after the as-of date (`作成日 2027-04-01`, `2027年4月1日時点`): it
    /// states what held then.
    DatedLater(crate::date::Date),
    /// Says the statement ran until a date before the as-of date (`有効期限 2025-12-31`,
    /// `2025年3月まで実施`, `until March 2025`): it is not in effect on that date.
    Ended(crate::date::Date),
}

/// A qualifier found in a remark: what it does, and the word that does it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qualifier {
    pub kind: Kind,
    pub word: String,
}

impl Qualifier {
    fn new(kind: Kind, word: &str) -> Qualifier {
        Qualifier {
            kind,
            word: word.to_owned(),
        }
    }

    /// What to do about it, for a message.
    pub fn hint(&self) -> &'static str {
        match self.kind {
            Kind::Later(_) => FOR_LATER,
            Kind::Draft => FOR_DRAFT,
            Kind::DatedLater(_) => FOR_DATED_LATER,
            Kind::Ended(_) => FOR_ENDED,
            Kind::Others => FOR_OTHERS,
            _ => FOR_REMARKS,
        }
    }

    /// What the remark does, for a message (`limits or conditions it ('のみ')`).
    pub fn what(&self) -> String {
        let w = &self.word;
        match self.kind {
            Kind::Scope => format!("limits or conditions it ('{w}')"),
            Kind::Deferral => format!("defers it or says it is not done ('{w}')"),
            Kind::Others => format!("says someone else implements it ('{w}')"),
            Kind::Status => format!("states another status ('{w}')"),
            Kind::Later(as_of) => format!(
                "gives a date after the as-of date {as_of} ('{w}'): a control implemented later is not implemented on {as_of}"
            ),
            Kind::Draft => format!("marks the list as a draft ('{w}'), which is not the statement published"),
            Kind::DatedLater(as_of) => format!(
                "dates the list after the as-of date {as_of} ('{w}'): it states what held then, not on {as_of}"
            ),
            Kind::Ended(as_of) => format!(
                "says it ran until a date before the as-of date {as_of} ('{w}'): a control whose validity or operation ended is not implemented on {as_of}"
            ),
        }
    }
}

/// The hint for a list marked as a draft.
const FOR_DRAFT: &str = "give the list as published (the statement or the entry on the ISMAP cloud service list), not a draft; if the file is the final one, remove the mark";

/// The hint for a list dated after the as-of date.
const FOR_DATED_LATER: &str = "obtain the list in effect on the as-of date, or set --as-of on or after the list's date (--as-of sets the date the report is for; today by default)";

/// What a line of a list's own (above a table's header, or a line of pasted text holding no
/// id) says of the whole list that its statements cannot be credited with: a draft mark
/// (`DRAFT`, `Draft v0.3`, `言明書（案）`, `ドラフト版`, `草案`, `案` alone), or a document date
/// after `as_of` on a line holding only dates and their labels (`作成日: 2027-04-01`,
/// `基準日 2027年4月1日時点`; a day, not a fiscal year: `2026年度 適用宣言書` is a title).
pub fn document_mark(text: &str, as_of: crate::date::Date) -> Option<Qualifier> {
    let folded = fold_width(text).to_lowercase();
    let t = folded.trim();
    let word_draft = t
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w == "draft" || w == "drafts");
    let draft = [
        "(案)",
        "[案]",
        "【案】",
        "〈案〉",
        "<案>",
        "ドラフト",
        "草案",
        "素案",
    ]
    .iter()
    .find(|m| t.contains(*m))
    .map(|m| (*m).to_owned())
    .or_else(|| word_draft.then(|| "draft".to_owned()))
    .or_else(|| matches!(t, "案" | "下書き" | "たたき台").then(|| t.to_owned()))
    .or_else(|| not_final_note(t))
    .or_else(|| unapproved(text));
    if let Some(word) = draft {
        return Some(Qualifier::new(Kind::Draft, &word));
    }
    if !super::published::is_furniture(text) {
        return stated_as_of_later(text, as_of);
    }
    document_dated_later(text, as_of)
}

/// A note dating what the list states, in a sentence (`※ 記載内容は2027年4月1日時点`,
/// `※本一覧は2027年4月1日現在の情報です`, `As of 2027-04-01`): a day after `as_of` written
/// right before `時点` or `現在`, or right after `as of` / `as at` — the list states what held
/// then, wherever the note stands (below the list as above it: review 25).
fn stated_as_of_later(text: &str, as_of: crate::date::Date) -> Option<Qualifier> {
    let folded = fold_width(text).to_lowercase();
    crate::date::days_in(&folded)
        .into_iter()
        .find(|(written, day)| {
            *day > as_of
                && folded.match_indices(written.as_str()).any(|(i, _)| {
                    let after = folded[i + written.len()..].trim_start();
                    let before = folded[..i].trim_end();
                    after.starts_with("時点")
                        || after.starts_with("現在")
                        || before.ends_with("as of")
                        || before.ends_with("as at")
                })
        })
        .map(|(written, _)| Qualifier::new(Kind::DatedLater(as_of), &written))
}

/// A note saying the list is a draft or not final, in other words than a mark (review 16
/// A-13: `※本一覧は案であり、最終版ではありません`, `not final`, `未確定`, `暫定版`), above a
/// table or below it alike: `案` as a word (`は案`, `案であり`, `案です`, `案の段階`), never in
/// another (`案内`, `提案`, `案件`). `本一覧は最終版です` is none.
fn not_final_note(t: &str) -> Option<String> {
    const WORDS: &[&str] = &[
        "最終版ではありません",
        "最終版ではない",
        "最終版でない",
        "最終版ではな",
        "確定版ではありません",
        "確定版ではない",
        "未確定",
        "確定前",
        "暫定版",
        "not final",
        "not the final",
        "non-final",
        "not yet final",
        "not finalized",
        "not finalised",
    ];
    if let Some(w) = WORDS.iter().find(|w| t.contains(**w)) {
        return Some((*w).to_owned());
    }
    let chars: Vec<char> = t.chars().collect();
    chars.iter().enumerate().find_map(|(i, &c)| {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after: String = chars[i + 1..].iter().take(3).collect();
        let word_before = before.is_none_or(|b| {
            matches!(
                b,
                'は' | 'が'
                    | 'も'
                    | '('
                    | '（'
                    | '「'
                    | '【'
                    | ' '
                    | '　'
                    | ':'
                    | '：'
                    | '※'
                    | '・'
            )
        });
        let word_after = after.is_empty()
            || [
                "であ",
                "です",
                "の段階",
                "とし",
                "につ",
                "。",
                "、",
                ")",
                "）",
                "」",
                "】",
                " ",
                "　",
            ]
            .iter()
            .any(|a| after.starts_with(a));
        (c == '案' && word_before && word_after).then(|| "案".to_owned())
    })
}

/// A title-block line saying the document is not approved (`承認：未`, `承認 未承認`,
/// `未承認`, `Approval: pending`, `Not approved`): a draft as far as its statements go. A
/// sentence mentioning approval (`未承認のソフトウェアは利用を禁止`) is none: only a label
/// and its value, or the value alone.
fn unapproved(text: &str) -> Option<String> {
    let folded = fold_width(text);
    let t = folded.trim();
    let alone = header_key(t);
    if [
        "未承認",
        "承認前",
        "承認待ち",
        "unapproved",
        "notapproved",
        "pendingapproval",
    ]
    .contains(&&*alone)
    {
        return Some(t.to_owned());
    }
    let (label, value) = t
        .split_once([':', '：'])
        .or_else(|| t.split_once(char::is_whitespace))?;
    // the label as a column's header naming the approval is ([`names_approval`]), the
    // value as under it ([`approval_denied`]): one vocabulary; a value, not a sentence
    let value = value.trim();
    (approval_field_empty(t)
        || names_approval(&header_key(label)).is_some()
            && header_key(value).chars().count() <= 12
            && approval_denied(value).is_some())
    .then(|| t.to_owned())
}

/// A title-block field of the approval (or its approver, its date) stated empty after its
/// colon (`承認欄：（空欄）`, `承認：`, `承認者：－`, `Approval: (blank)`): no approval (fix20-csp
/// "Left"). A label without a colon is a stamp box's heading, and says nothing.
pub fn approval_field_empty(text: &str) -> bool {
    let folded = fold_width(text);
    let Some((label, value)) = folded.trim().split_once([':', '：']) else {
        return false;
    };
    let label = header_key(label);
    let value = header_key(value.trim());
    let value = value.trim_matches(|c: char| vocab::is_bracket(c) || vocab::is_dash(c));
    (names_approval(&label).is_some()
        || matches!(
            label.as_ref(),
            "承認者" | "承認日" | "決裁者" | "決裁日" | "approver" | "approvedby" | "approvaldate"
        ))
        && matches!(
            value,
            "" | "空欄" | "空白" | "未記入" | "未記載" | "記入なし" | "blank" | "empty" | "none"
        )
}

/// A cell holding only an approval field's label and its colon (`承認：`), its value in a
/// cell of its own beside it (`承認： | 山田`): read with that value, not alone.
pub fn approval_label_alone(text: &str) -> bool {
    let t = text.trim();
    t.ends_with([':', '：']) && approval_field_empty(t)
}

/// A date of a document after `as_of`: a day after it (`作成日 2027-04-01`), or a month that
/// begins after it (`作成: 2027年4月`: every day of it is later). A month holding `as_of` may
/// be before it, and is read (a list made this month, read with today's date); a year or a
/// fiscal year is a title's (`2026年度 適用宣言書`), not checked.
pub fn document_dated_later(text: &str, as_of: crate::date::Date) -> Option<Qualifier> {
    dated_later(text, as_of).or_else(|| {
        crate::date::dates_in(text)
            .into_iter()
            .find(|(written, last)| {
                let month = crate::date::Date::parse_written(written).is_none()
                    && !written.ends_with(['年', '度']);
                month && crate::date::Date::new(last.year, last.month, 1).is_some_and(|d| d > as_of)
            })
            .map(|(written, _)| Qualifier::new(Kind::DatedLater(as_of), &written))
    })
}

/// A day written in `text` after `as_of` (`2026年10月1日更新` beside a list's title): the
/// list states what held then.
pub fn dated_later(text: &str, as_of: crate::date::Date) -> Option<Qualifier> {
    crate::date::days_in(text)
        .into_iter()
        .find(|(_, day)| *day > as_of)
        .map(|(written, _)| Qualifier::new(Kind::DatedLater(as_of), &written))
}

/// The hint for a remark that qualifies a row stated implemented.
/// The hint for an audit finding on a row stated implemented.
pub const FOR_AUDIT_FINDING: &str = "a control the audit found a matter in is not shown implemented without it: state it so in the status column (未実施 or 計画中, the finding in a remarks column), or, if the audit found nothing, write the clean result (指摘なし, 問題なし, No exception noted) or leave the cell empty";

/// The hint for a remark saying someone else implements the control: the service underneath
/// is relied on through a profile's `inherits:`, which checks its registration (review 11 A-19).
pub const FOR_OTHERS: &str = "a control someone else implements (the customer, the IaaS) is not the service's own: state it 非該当 with the reason (IaaS側で実施), or, for a profile, rely on the IaaS with `inherits:`";
pub const FOR_REMARKS: &str = "if the control is implemented only in part, later, elsewhere or with exceptions, state it so in the status column (未実施, 計画中, 非該当 with the reason); else remove the qualification from the remark";

/// The hint for a date after the as-of date on a row stated implemented.
/// The hint for a statement that ended before the as-of date.
const FOR_ENDED: &str = "a control not in effect on the as-of date is not implemented: state it so in the status column (未実施, or 計画中 if it is being renewed); if it is still in effect, write the date it now runs until (有効期限 2027-03-31) or leave the ended date out; --as-of sets the date the report is for (today by default)";
const FOR_LATER: &str = "a control not implemented yet on the as-of date is planned: state it 計画中 (planned) in the status column; if the date is not when it was implemented, say so (2030年まで保存, 2027年3月まで有効, 次回見直し 2027年3月, or a column such as 有効期限 or 次回レビュー日) or leave it out of the row; --as-of sets the date the report is for (today by default)";

/// A remark that says nothing: empty, a dash, `なし`, `特になし`, `none`.
pub fn says_nothing(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['。', '.', '．']).trim();
    t.chars().all(vocab::is_dash)
        || matches!(
            header_key(t).as_ref(),
            "なし" | "無し" | "無" | "特になし" | "特に無し" | "とくになし" | "none" | "nil"
        )
}

/// The first qualifier of the statement `text` holds, clause by clause, that none of
/// `titles` (the control's catalog titles) holds itself (a title may hold `計画`:
/// `情報セキュリティ継続の計画`); `None` when it describes the implementation, states a
/// policy, or says nothing.
pub fn qualifier_beyond(text: &str, titles: &[&str]) -> Option<Qualifier> {
    let titles: Vec<String> = titles
        .iter()
        .map(|t| fold_width(t).to_lowercase())
        .collect();
    qualifiers(text)
        .into_iter()
        .find(|q| !titles.iter().any(|t| t.contains(&q.word)))
}

/// Every qualifier `text` holds, clause by clause (what [`qualifier_beyond`] finds the first
/// of).
pub fn qualifiers_in(text: &str) -> Vec<Qualifier> {
    qualifiers(text)
}

/// Words naming a part of a service's scope — a region, an environment, a service, a site
/// (`リージョン`, `本番`, `環境`, `サービス`, `拠点`): a header's note holding one limits the
/// statement ([`header_note_qualifier`]), a sheet's name holding one names a part of the
/// service of its own (`csp::sheets`).
pub const SCOPE_NAMES: [&str; 9] = [
    "リージョン",
    "region",
    "本番",
    "環境",
    "production",
    "サービス",
    "service",
    "拠点",
    "センター",
];

/// Whether the scope word `word` ([`SCOPE_NAMES`]) stands in `key` as a word: a Japanese word
/// not followed by `的` or a conjunction (`環境的`, `物理的及び環境的セキュリティ` name no environment;
/// `本番環境` does), as a sheet's name is read (`csp::sheets`).
fn names_a_part(key: &str, word: &str) -> bool {
    key.match_indices(word).any(|(at, _)| {
        let after = &key[at + word.len()..];
        word.is_ascii()
            || !["的", "及び", "、", "と", "や", "並びに"]
                .iter()
                .any(|w| after.starts_with(w))
    })
}

/// What a bracketed note on the id or status column's header says beyond a remark's words
/// (review 11 A-16): it projects, plans or targets the statement (`見込み`, `目標`, `To-Be`),
/// limits it to a region, an environment or another service (`東京リージョン`, `本番環境`,
/// `サービスB`), or dates it to another time than now (`前回監査時`, `申請時`, `旧`, `参考`).
pub fn header_note_qualifier(note: &str) -> Option<Qualifier> {
    let key = fold_width(note).to_lowercase();
    const PLANS: [&str; 12] = [
        "見込", "目標", "予定", "計画", "予測", "将来", "to-be", "tobe", "target", "planned",
        "plan", "future",
    ];
    const OTHER_TIMES: [&str; 8] = [
        "前回",
        "申請時",
        "旧",
        "参考",
        "過去",
        "previous",
        "former",
        "reference",
    ];
    let find = |words: &[&'static str]| words.iter().find(|w| key.contains(**w)).copied();
    let not_final = not_final_word(&key);
    if let Some(w) = not_final {
        return Some(Qualifier::new(Kind::Draft, w));
    }
    // the whole service (`本サービス`, `全リージョン共通`) limits nothing (review 12 C-18)
    let whole = is_whole_scope(note) || is_whole_scope(note.trim_end_matches("共通"));
    // an edition, a plan, a site or a part of the service (`Enterprise版`, `標準プラン`,
    // `国内DC`, `SaaS部分`, `当社分`), or a place the scope rules know (`Tokyo`, `大阪`,
    // `ap-northeast-1`): as much a part as `東京リージョン` (review 23 A-3)
    let part =
        || part_word(&key).or_else(|| crate::analysis::gap::places_in(&key).first().copied());
    find(&PLANS)
        .filter(|_| part_word(&key).is_none())
        .map(|w| Qualifier::new(Kind::Deferral, w))
        .or_else(|| {
            SCOPE_NAMES
                .iter()
                .find(|w| names_a_part(&key, w))
                .copied()
                .or_else(part)
                .or_else(|| find(&["のみ", "only"]))
                .filter(|_| !whole)
                .map(|w| Qualifier::new(Kind::Scope, w))
        })
        .or_else(|| find(&OTHER_TIMES).map(|w| Qualifier::new(Kind::Scope, w)))
}

/// The word of `key` (folded, lower-cased) naming an edition, a plan, a licence, a site or a
/// share of the service (`版` after a name, `エディション`, `Edition`, `プラン`, `Premium
/// plan`, `SKU`, `Tier`, `DC`, `データセンター`, `部分`, `当社分`): a part of the service, as a
/// region is (review 23 A-3). A version of a document (`第2版`, `初版`, `改訂版`) is none.
pub fn part_word(key: &str) -> Option<&'static str> {
    const WORDS: [&str; 12] = [
        "エディション",
        "edition",
        "プラン",
        "コース",
        "ライセンス",
        "license",
        "licence",
        "データセンター",
        "サイト",
        "部分",
        "当社分",
        "自社分",
    ];
    let ascii_word = |w: &str| {
        key.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|x| x == w)
    };
    if let Some(w) = WORDS.iter().find(|w| key.contains(**w)) {
        return Some(w);
    }
    if let Some(w) = ["sku", "tier", "dc"].into_iter().find(|w| ascii_word(w)) {
        return Some(w);
    }
    // a named plan (`premium plan`, `standard plan`), not a plan of the future (`plan`)
    if key
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| {
            w[1] == "plan" && !["action", "remediation", "project", "improvement"].contains(&w[0])
        })
    {
        return Some("plan");
    }
    // `Enterprise版`, `無償版`, not `第2版`, `初版`, `改訂版`, `最新版`, `旧版`, `2025年版`,
    // `正式版`, `公開版` (a version of the document, not of the service)
    key.match_indices('版')
        .any(|(at, _)| {
            let before = key[..at].chars().next_back();
            before.is_some_and(|c| {
                !c.is_ascii_digit()
                    && !"第初改新旧最訂出年度定式正開成一二三四五六七八九十".contains(c)
            })
        })
        .then_some("版")
        // a share of the service (`SaaS分`, `IaaS分`: the rest is someone else's)
        .or_else(|| {
            key.strip_suffix('分')
                .and_then(|k| k.chars().next_back())
                .filter(|c| c.is_ascii_alphabetic() || "社者側".contains(*c))
                .map(|_| "分")
        })
}

/// A footnote reference standing alone (`※1`, `※`, `*2`, `(*1)`, `注1`, `(注3)`, `†`, `‡`,
/// `Note 1`), as written folded: its note is elsewhere, and may narrow what it stands on, as
/// a mark on a status cell (`実施※1`) does (review 23 A-3, A-13). `None` for anything more
/// (`※年1回`, `注意`), a number alone or an empty cell.
pub fn footnote_ref(text: &str) -> Option<String> {
    let t = fold_width(text).trim().replace(['＊', '∗'], "*");
    let inner = t
        .trim_start_matches(['(', '[', '【', '〔', '<'])
        .trim_end_matches([')', ']', '】', '〕', '>'])
        .trim();
    let lower = inner.to_lowercase();
    let rest = if let Some(r) = lower.strip_prefix("note") {
        r
    } else if let Some(r) = lower.strip_prefix("注記") {
        r
    } else if let Some(r) = lower.strip_prefix('注') {
        r
    } else {
        let r = lower.trim_start_matches(['※', '*', '†', '‡']);
        if r.len() == lower.len() {
            return None;
        }
        r
    };
    let rest = rest.trim().trim_end_matches([':', '.', '：']);
    let number = rest.is_empty()
        || (rest.len() <= 2 && rest.chars().all(|c| c.is_ascii_digit()))
        || rest.chars().count() == 1
            && rest.chars().all(|c| ('\u{2460}'..='\u{2473}').contains(&c));
    number.then(|| t.trim().to_owned())
}

/// The word of `key` (folded, lower-cased) saying a statement is not audited or not final
/// (`監査前`, `self-assessment`, `自己評価`, `速報`, `provisional`, `仮`…, bracketed `（仮）`):
/// read in a header's note ([`header_note_qualifier`]) and in a sheet's name alike.
pub fn not_final_word(key: &str) -> Option<&'static str> {
    // a statement not audited or not final (`監査前`, `pre-audit`, `self-assessment`,
    // `速報`, `preliminary`, `仮`): not the statement an audit confirmed (fix17-csp)
    const NOT_FINAL: [&str; 38] = [
        // declared, asserted or reported by the provider itself, projected or assumed, or
        // an internal audit's (review 16 A-14: `ベンダー申告`, `management assertion`, `as
        // reported by CSP`, `projected`, `想定`, `内部監査結果`)
        "申告",
        "assertion",
        "as reported",
        "reported by",
        "projected",
        "想定",
        "assumed",
        "内部監査",
        "internal audit",
        "監査前",
        "未監査",
        "監査待ち",
        "監査未",
        "pre-audit",
        "preaudit",
        "unaudited",
        "self-assess",
        "selfassess",
        "self assess",
        "self-attest",
        "self-declar",
        "自己申告",
        // the provider's own assessment, as `自己申告` (fix17-csp noticed: `自己評価` was
        // refused as a scope; `自社評価` was read)
        "自己評価",
        "自社評価",
        "自己点検",
        "自己宣言",
        "社内評価",
        "内部評価",
        "internal assessment",
        "未確定",
        "確定前",
        "速報",
        "preliminary",
        "tentative",
        "provisional",
        "estimate",
        "推定",
        "見積",
    ];
    NOT_FINAL
        .iter()
        .find(|w| key.contains(**w))
        .copied()
        .or_else(|| (key.starts_with('仮') && !key.starts_with("仮想")).then_some("仮"))
        .or_else(|| {
            ["(仮)", "【仮】", "[仮]"]
                .into_iter()
                .find(|w| key.contains(w))
        })
}

/// What [`qualifier_beyond`] finds, else the first date `text` writes whose last day is
/// after `as_of` (`2027-04-01`, `2027年4月`, `令和9年度`).
pub fn qualifier_on(text: &str, titles: &[&str], as_of: crate::date::Date) -> Option<Qualifier> {
    let found = match qualifier_beyond(text, titles) {
        // a deadline met (`2025年3月までに実施済み`): read as done by then, the rest of the
        // text still read (review 13 C-6)
        Some(q) if q.kind == Kind::Deferral && q.word == "までに" && deadline_met(text, as_of) => {
            qualifier_beyond(&text.replace("までに", "に"), titles)
        }
        q => q,
    };
    found
        .or_else(|| later_date(text, as_of))
        .or_else(|| ended_before(text, as_of))
}

/// Whether a text's `までに` is a deadline met: every date it writes ends on or before
/// `as_of` (there is one), something done follows (`実施`, `完了`, `導入済み`), and nothing
/// plans or projects (`予定`, `目標`, `見込み`, `計画`).
fn deadline_met(text: &str, as_of: crate::date::Date) -> bool {
    const DONE: [&str; 7] = ["実施", "完了", "済", "導入", "展開", "対応", "移行"];
    const PLANNED: [&str; 5] = ["予定", "目標", "見込", "計画", "目途"];
    let dates = crate::date::dates_in(text);
    let after = text.split_once("までに").map_or("", |(_, a)| a);
    !dates.is_empty()
        && dates.iter().all(|(_, last)| *last <= as_of)
        && DONE.iter().any(|w| after.contains(w))
        && !PLANNED.iter().any(|w| text.contains(w))
}

/// Words after `まで` saying what ran until then (`2025年3月まで実施`, `まで有効`).
const RAN_UNTIL_JA: &[&str] = &[
    "実施",
    "運用",
    "有効",
    "適用",
    "稼働",
    "利用",
    "提供",
    "対応",
    "導入",
    "継続",
    "使用",
    "実装",
    "維持",
    "契約",
    "サポート",
];

/// What may stand between `で` and the word that ends it (`2025年12月末で契約終了`).
const ENDED_WHAT_JA: &[&str] = &[
    "契約",
    "運用",
    "提供",
    "利用",
    "実施",
    "適用",
    "保守",
    "サポート",
    "有効期間",
    "期間",
    "認証",
    "証明書",
    "本管理策",
    "管理策",
    "統制",
    "サービス",
];

/// Words that end something (`終了`, `満了`, `失効`).
const ENDS_JA: &[&str] = &[
    "終了", "満了", "廃止", "停止", "中止", "休止", "失効", "解約",
];

/// English words right before a date saying the statement ran until then (`until March
/// 2025`, `expired on 2025-12-31`).
const RAN_UNTIL_EN: &[&str] = &[
    "until",
    "till",
    "through",
    "thru",
    "valid to",
    "expired",
    "expired on",
    "expired in",
    "expires",
    "expires on",
    "ended",
    "ended on",
    "ended in",
    "discontinued",
    "discontinued on",
    "discontinued in",
    "retired",
    "retired on",
    "retired in",
    "terminated",
    "terminated on",
    "terminated in",
    "decommissioned",
    "decommissioned in",
];

/// A date before `as_of` the text says the statement ran until (review 11 A-18): `まで` and
/// what ran (`2025年3月まで実施`, `2025-12-31まで有効`, `旧システムで2025年まで実施`), `で` and
/// an end (`2025年12月末で契約終了`), `until`/`expired`/`ended` before it (`Implemented until
/// March 2025`). Not a retention period (`2024年まで保存`), a deadline met (`2025年3月までに
/// 実施`), or a text saying something goes on after it (`以降`, `から`, `from`: `2024年3月まで
/// 手動、以降は自動`).
pub fn ended_before(text: &str, as_of: crate::date::Date) -> Option<Qualifier> {
    let folded = fold_width(text).to_lowercase();
    let mut dates = crate::date::dates_in(text);
    dates.extend(english_months(text));
    dates.into_iter().find_map(|(written, last)| {
        if last >= as_of {
            return None;
        }
        let at = folded.find(&written.to_lowercase())?;
        let rest = &folded[at + written.len()..];
        let goes_on = [
            "以降",
            "以後",
            "から",
            "より",
            "～",
            "〜",
            "since",
            "from",
            "onward",
            "thereafter",
            "after",
        ]
        .iter()
        .any(|w| rest.contains(w));
        if goes_on {
            return None;
        }
        let after = rest.trim_start_matches([' ', '末', '頃', '迄']);
        let ran = after.strip_prefix("まで").is_some_and(|a| {
            let a = a.trim_start_matches(['は', 'の', ' ', '、']);
            !a.starts_with('に')
                && (a.is_empty()
                    || a.starts_with(['。', ';', '；', '.', ')', '）'])
                    || RAN_UNTIL_JA.iter().any(|w| a.starts_with(w)))
        });
        let ended = ["で", "をもって", "をもちまして", "を以て"]
            .iter()
            .find_map(|p| after.strip_prefix(p))
            .is_some_and(|a| {
                let a = a.trim_start();
                let a = ENDED_WHAT_JA
                    .iter()
                    .find_map(|w| a.strip_prefix(w))
                    .unwrap_or(a)
                    .trim_start_matches(['が', 'を', 'は']);
                ENDS_JA.iter().any(|w| a.starts_with(w))
            });
        let before = folded[..at].trim_end();
        let until_en = RAN_UNTIL_EN.iter().any(|w| {
            before.strip_suffix(w).is_some_and(|b| {
                !b.ends_with(|c: char| c.is_ascii_alphabetic())
                    && !["retained ", "kept ", "stored ", "not "]
                        .iter()
                        .any(|r| b.ends_with(r))
            })
        });
        (ran || ended || until_en).then(|| Qualifier {
            kind: Kind::Ended(as_of),
            word: as_written(text, &folded, at, written),
        })
    })
}

/// A date found at byte `at` of `folded` (the text width-folded, lower case) as `text`
/// writes it (`March 2025`, not `march 2025`), when the folding kept every byte in place.
fn as_written(text: &str, folded: &str, at: usize, found: String) -> String {
    match text.get(at..at + found.len()) {
        Some(w) if text.len() == folded.len() && w.to_lowercase() == found.to_lowercase() => {
            w.to_owned()
        }
        _ => found,
    }
}

/// Whether a header names how long the row's statement is valid (`有効期限`, `有効期間`,
/// `Expiry`, `Valid until`): a date there before the as-of date has passed, and the row is
/// not in effect on it.
pub fn names_validity(name: &str) -> bool {
    let key = header_key(name);
    [
        "有効期限",
        "有効期間",
        "有効終了",
        "証明書の有効",
        "証明書有効",
        "expir",
        "validuntil",
        "validthrough",
        "validto",
        "validity",
    ]
    .iter()
    .any(|w| key.contains(w))
}

/// A validity a cell under a validity header gives ([`names_validity`]) that is not in
/// effect on `as_of`: its end, the latest date of the cell that does not start a period,
/// before `as_of` (`2024-04-01～2025-03-31` ended on 2025-03-31; `2024-04-01～` has no
/// end), or its start after it (`2027-04-01～2028-03-31`: a later date).
pub fn validity_ended(text: &str, as_of: crate::date::Date) -> Option<Qualifier> {
    let folded = fold_width(text).to_lowercase();
    let mut dates = crate::date::dates_in(text);
    dates.extend(english_months(text));
    let mut from = 0;
    let mut end: Option<(String, crate::date::Date)> = None;
    for (written, last) in dates {
        let lower = written.to_lowercase();
        let Some(at) = folded[from..].find(&lower).map(|i| i + from) else {
            continue;
        };
        from = at + lower.len();
        let after = folded[from..].trim_start_matches([' ', '末', '頃', '中']);
        if starts_a_period(after) {
            if last > as_of {
                return Some(Qualifier {
                    kind: Kind::Later(as_of),
                    word: as_written(text, &folded, at, written),
                });
            }
            // the start of a period: its end, if any, decides
            continue;
        }
        if end.as_ref().is_none_or(|(_, e)| last > *e) {
            end = Some((as_written(text, &folded, at, written), last));
        }
    }
    end.filter(|(_, last)| *last < as_of)
        .map(|(written, _)| Qualifier {
            kind: Kind::Ended(as_of),
            word: written,
        })
}

/// The first date `text` writes that may mean a day after `as_of`: as
/// [`crate::date::dates_in`] reads them, and in English a month or a quarter of a year
/// (`April 2027`, `Q3 2026`: the Japanese fiscal quarter, the latest it may mean).
///
/// A date the text itself says is not of the implementation — a retention or validity
/// period (`ログは2030年まで保存`, `2027年3月まで有効`, `valid until 2027`), an expiry or a
/// next review (`有効期限 2027-12-31`, `次回見直し 2027年3月`, `next review Q3 2026`) — is
/// passed over, unless the text also names an implementation (`導入`, `実施`, `対応`,
/// `implement`): when unsure, the date counts.
pub fn later_date(text: &str, as_of: crate::date::Date) -> Option<Qualifier> {
    let mut dates = crate::date::dates_in(text);
    dates.extend(english_months(text));
    let folded = fold_width(text).to_lowercase();
    // done in a period holding the as-of date (`2026年度対応済`, `（2026年度追加）` as of
    // 2026-12-07: review 23 C-7): only a period begun after it is later
    let done = DONE_IN.iter().any(|w| folded.contains(w));
    dates
        .into_iter()
        .find(|(written, last)| {
            *last > as_of
                && !date_of_something_else(&folded, written)
                && !(done && crate::date::first_day(written, *last) <= as_of)
        })
        .map(|(written, _)| Qualifier {
            kind: Kind::Later(as_of),
            word: written,
        })
}

/// Words saying a thing was done or added ([`later_date`]).
const DONE_IN: &[&str] = &[
    "済",
    "完了",
    "追加",
    "した",
    "done",
    "completed",
    "closed",
    "resolved",
    "remediated",
];

/// An evidence cell with the years of the folders and files it names taken out, where
/// the year is the as-of date's fiscal year or an earlier one (`/ISMS/2026年度/特権ID`,
/// `FY2025_review.xlsx`): an evidence folder is named by the year its records are of,
/// which is no implementation date (review 11 C-13). A later year's folder, and any date
/// outside a path (`2027年度に整備予定`), stay to be read.
pub fn without_path_years(text: &str, as_of: crate::date::Date) -> std::borrow::Cow<'_, str> {
    let is_path = |token: &str| token.contains('/') || token.contains('\\');
    if !text.split_whitespace().any(is_path) {
        return text.into();
    }
    let fy = as_of.fiscal_year();
    let mut out = String::with_capacity(text.len());
    for (i, token) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if !is_path(token) {
            out.push_str(token);
            continue;
        }
        let mut kept = token.to_owned();
        for (written, _) in crate::date::dates_in(token) {
            let folded = fold_width(&written);
            let digits: String = folded.chars().filter(char::is_ascii_digit).collect();
            let year_only = digits.len() == 4
                && (folded.ends_with("年度")
                    || folded.ends_with('年')
                    || folded.to_lowercase().starts_with("fy")
                    || folded.len() == 4);
            if year_only && digits.parse::<i32>().is_ok_and(|y| y <= fy) {
                kept = kept.replace(&written, " ");
            }
        }
        // `FY2025` (which `dates_in` does not read, a letter before the digits): the year
        // of the as-of date's fiscal year or before is taken out, a later one written as
        // the fiscal year it is (`2027年度`), for the later-date rule (fix17-out "Noticed")
        kept = path_fiscal_years(&kept, fy);
        out.push_str(&kept);
    }
    out.into()
}

/// A path token with its `FY2025` years (a segment's word: `\\fs01\ISMS\FY2025\`,
/// `FY2025_review.xlsx`) taken out when not after `fy`, written `2027年度` when after.
fn path_fiscal_years(token: &str, fy: i32) -> String {
    let chars: Vec<char> = token.chars().collect();
    let mut out = String::with_capacity(token.len());
    let mut i = 0;
    while i < chars.len() {
        let apart = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
        let fy_at = apart
            && chars.get(i..i + 2).is_some_and(|p| {
                matches!(p[0], 'F' | 'f' | 'Ｆ' | 'ｆ') && matches!(p[1], 'Y' | 'y' | 'Ｙ' | 'ｙ')
            });
        let digits: String = chars
            .iter()
            .skip(i + 2)
            .take_while(|c| c.is_ascii_digit())
            .collect();
        let ends = chars
            .get(i + 2 + digits.len())
            .is_none_or(|c| !c.is_ascii_alphanumeric());
        match (fy_at && digits.len() == 4 && ends)
            .then(|| digits.parse::<i32>().ok())
            .flatten()
        {
            Some(year) => {
                if year > fy {
                    out.push_str(&format!("{year}年度"));
                } else {
                    out.push(' ');
                }
                i += 2 + digits.len();
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
}

/// Words that say a text is about implementing something: a date in it may be when.
const IMPLEMENTING: &[&str] = &[
    "導入",
    "実施",
    "対応",
    "適用",
    "開始",
    "移行",
    "完了",
    "構築",
    "整備",
    "稼働",
    "実装",
    "着手",
    "予定",
    "implement",
    "deploy",
    "roll",
    "introduc",
    "enabl",
    "complet",
    "start",
    "launch",
    "adopt",
    "plan",
    "schedul",
];

/// Whether the date `written` in `folded` (width-folded, lower case) is said to be of
/// something other than the implementation: followed by `まで保存`/`まで有効` (a retention or
/// validity period), or after `有効期限`, `保存期限`, `次回` (a next review), `expires`,
/// `until`, `next review` — and nothing in the text names an implementation.
fn date_of_something_else(folded: &str, written: &str) -> bool {
    let written = written.to_lowercase();
    let Some(at) = folded.find(&written) else {
        return false;
    };
    if IMPLEMENTING.iter().any(|w| folded.contains(w)) {
        return false;
    }
    let after: String = folded[at + written.len()..].chars().take(8).collect();
    // the words that govern this date: those before it in its own clause, after any other
    // date (`次回は2027年3月、新基盤は2027年4月`: the 次回 is the first date's)
    let before: String = {
        let head = &folded[..at];
        let from = head
            .rfind(|c: char| {
                c.is_ascii_digit()
                    || matches!(c, '、' | '，' | ',' | '。' | ';' | '；' | '\n' | '／' | '/')
            })
            .map_or(0, |i| {
                i + head[i..].chars().next().map_or(1, char::len_utf8)
            });
        let chars: Vec<char> = head[from..].chars().collect();
        chars[chars.len().saturating_sub(16)..].iter().collect()
    };
    let after = after.trim_start_matches([' ', '末', '頃', '中']);
    // the start of a period (`有効期間：2027年4月1日～2028年3月31日`, `2027年4月以降`): a
    // period that has not begun is not in effect
    if starts_a_period(after) {
        return false;
    }
    [
        "まで保存",
        "まで保管",
        "まで保持",
        "まで有効",
        "までの保存",
        "までの保管",
        "まで利用可能",
    ]
    .iter()
    .any(|w| after.starts_with(w))
        || [
            "有効期限",
            "有効期間",
            "保存期限",
            "保存期間",
            "保管期限",
            "保管期間",
            "次回",
            "更新期限",
            "期限は",
            "valid until",
            "valid through",
            "expires",
            "expiry",
            "expiration",
            "retained until",
            "kept until",
            "next review",
            "next audit",
        ]
        .iter()
        .any(|w| before.contains(w))
}

/// Whether the words right after a date make it the start of a period (`～`, `から`,
/// `以降`, `より`, `from`).
fn starts_a_period(after: &str) -> bool {
    let after = after.trim_start();
    [
        "～", "〜", "~", "－", "から", "以降", "より", "以後", "-", "from", "onward",
    ]
    .iter()
    .any(|w| after.starts_with(w))
}

/// Words in a cell under a record-date header that say the record itself has lapsed
/// (`2025-03-31（失効）`), or is being or must be renewed, with no date in effect (`更新手続中`,
/// `要更新`; review 14 A-18): the row's statement is not in effect.
const LAPSED_WORDS: &[&str] = &[
    "失効",
    "期限切れ",
    "期限超過",
    "expired",
    "lapsed",
    "更新手続中",
    "更新手続き中",
    "更新申請中",
    "更新中",
    "要更新",
    "更新待ち",
    "更新が必要",
    "renewal in progress",
    "pending renewal",
    "needs renewal",
    "renewal required",
];

/// The qualifier of a cell under a header naming a date that is not the implementation's
/// (`有効期限`, `次回レビュー日`, `最終確認日`): a cell that is a date alone is the header's
/// date and is not compared with `as_of`; any other words in it are read as a remark's
/// ([`qualifier_on`]: `2027-04-01から適用` is a later implementation), except that the date
/// the cell begins with is the header's (`2027年3月31日まで`), unless the words make it the
/// start of a period or name an implementation. Words saying the record lapsed (`失効`,
/// `期限切れ`) qualify the row.
pub fn record_date_qualifier(
    text: &str,
    titles: &[&str],
    as_of: crate::date::Date,
) -> Option<Qualifier> {
    if is_date_alone(text) {
        return None;
    }
    if let Some(q) = qualifier_beyond(text, titles) {
        return Some(q);
    }
    let folded = fold_width(text).to_lowercase();
    if let Some(w) = LAPSED_WORDS.iter().find(|w| folded.contains(*w)) {
        return Some(Qualifier {
            kind: Kind::Deferral,
            word: (*w).to_owned(),
        });
    }
    let mut dates = crate::date::dates_in(text);
    dates.extend(english_months(text));
    dates
        .into_iter()
        .find(|(written, last)| {
            *last > as_of && {
                let at = folded.find(&written.to_lowercase()).unwrap_or(0);
                let first = folded[..at].trim().is_empty();
                let after: String = folded[(at + written.len()).min(folded.len())..]
                    .chars()
                    .take(8)
                    .collect();
                let governed = first
                    && !starts_a_period(after.trim_start_matches([' ', '末', '頃', '中']))
                    && !IMPLEMENTING.iter().any(|w| folded.contains(w));
                !governed && !date_of_something_else(&folded, written)
            }
        })
        .map(|(written, _)| Qualifier {
            kind: Kind::Later(as_of),
            word: written,
        })
}

/// Whether a cell is a date alone: nothing but the dates it writes, spaces and punctuation.
pub fn is_date_alone(text: &str) -> bool {
    let dates = crate::date::dates_in(text);
    if dates.is_empty() {
        return false;
    }
    let mut rest = fold_width(text).into_owned();
    for (written, _) in &dates {
        rest = rest.replacen(written.as_str(), "", 1);
    }
    // a period of two dates (`2024-04-01～2025-03-31`) is dates alone too; a start alone
    // (`2027-04-01～`) is not
    let tilde = |c: char| matches!(c, '～' | '〜' | '~');
    let period = dates.len() == 2 && rest.trim().chars().all(tilde) && !rest.trim().is_empty();
    period
        || rest.chars().all(|c| {
            c.is_whitespace()
                || matches!(c, '.' | '。' | '．' | ',' | '、' | '(' | ')' | '（' | '）')
        })
}

/// Whether a header names a limit or a next time (`有効期限`, `次回レビュー日`): a date
/// before the as-of date there has passed (an expired validity, an overdue review).
pub fn names_limit(name: &str) -> bool {
    let key = header_key(name);
    names_record_date(name)
        && LATER_BY_NATURE_WORDS
            .iter()
            .chain(&["次回", "next", "due", "予定"])
            .any(|w| key.contains(w))
}

/// `April 2027`, `Apr. 2027`, `Q3 2026`, `3Q 2026`: as written, with the last day they may
/// mean.
fn english_months(text: &str) -> Vec<(String, crate::date::Date)> {
    use crate::date::Date;
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = fold_width(text).to_lowercase();
    let words = ascii_words(&lower);
    let last_of =
        |y: i32, m: u32| Date::new(y, m, 1).map(|d| Date::from_days(d.add_months(1).to_days() - 1));
    let mut out = Vec::new();
    for pair in words.windows(2) {
        let (w, y) = (pair[0], pair[1]);
        let Some(year) = (y.len() == 4)
            .then(|| y.parse::<i32>().ok())
            .flatten()
            .filter(|y| (1990..=2200).contains(y))
        else {
            continue;
        };
        let month = MONTHS
            .iter()
            .position(|m| w.starts_with(m) && (w.len() == 3 || w.len() > 3 && w != "mayor"))
            .map(|m| m as u32 + 1);
        let quarter = match w.as_bytes() {
            [b'q', q @ b'1'..=b'4'] | [q @ b'1'..=b'4', b'q'] => Some(u32::from(q - b'0')),
            _ => None,
        };
        let last = match (month, quarter) {
            (Some(m), _) => last_of(year, m),
            // a Japanese fiscal quarter ends three months after the calendar one
            (None, Some(q)) => Date::new(year, q * 3, 1)
                .map(|d| d.add_months(3))
                .and_then(|d| last_of(d.year, d.month)),
            (None, None) => None,
        };
        if let Some(last) = last {
            out.push((format!("{w} {y}"), last));
        }
    }
    out
}

fn qualifiers(text: &str) -> Vec<Qualifier> {
    if says_nothing(text) {
        return Vec::new();
    }
    let lower = fold_width(text).to_lowercase();
    let mut found = Vec::new();
    for clause in lower
        .split(['。', ';', '；', '\n', '\r', '!', '！'])
        .flat_map(|c| c.split(". "))
        .filter(|c| !c.trim().is_empty())
    {
        found.extend(in_clause(clause));
    }
    // marks and values other than implemented (`×`, `N/A`, `未実施`), in the whole text
    for t in vocab::marks_in(text, false) {
        if t.chars().all(vocab::is_dash) || says_nothing(t) && t.chars().count() > 1 {
            continue;
        }
        let other = match vocab::status_value(t) {
            Ok(v) => v.declared != Declared::Implemented,
            Err(_) => t.chars().all(vocab::is_status_mark_char) || header_key(t) == "ng",
        };
        if other {
            found.push(Qualifier::new(Kind::Status, t));
        }
    }
    found
}

/// The qualifiers of one clause (a sentence), in the order: another status, someone else's
/// implementation, a deferral, a scope limit.
fn in_clause(clause: &str) -> Vec<Qualifier> {
    let words = ascii_words(clause);
    let mut found = Vec::new();
    found.extend(status_ja(clause));
    found.extend(status_en(&words));
    found.extend(others_ja(clause));
    found.extend(relies_ja(clause));
    found.extend(others_en(&words));
    found.extend(party_alone(clause));
    found.extend(deferral_ja(clause));
    found.extend(deferral_en(&words));
    found.extend(conditioned(clause, Kind::Deferral));
    found.extend(scope_ja(clause));
    found.extend(scope_en(&words));
    found.extend(conditioned(clause, Kind::Scope));
    found.extend(ended_or_failing_ja(clause));
    found.extend(ended_or_failing_en(&words));
    found.extend(portion(clause, &words));
    found
}

/// Whether the text before a word says nothing but when and of what (the control itself):
/// dates, particles, `一時`, `本管理策`, so that `2025年3月末で廃止`, `一時停止中` say the
/// control ended while `退職者のアカウントを停止` describes it.
fn only_when_before_ja(before: &str) -> bool {
    const FILLER: &[&str] = &[
        "本管理策",
        "当該管理策",
        "本統制",
        "管理策",
        "統制",
        "運用",
        "取り組み",
        "取組",
        "制度",
        "規程",
        "一時的に",
        "一時",
        "現在",
        "既に",
        "すでに",
        "令和",
        "平成",
        "上旬",
        "中旬",
        "下旬",
        "頃",
        "をもって",
        "を以て",
        "より",
        "から",
        "年度",
        "年",
        "月",
        "日",
        "末",
        "期",
        "で",
        "に",
        "は",
        "を",
        "が",
        "、",
    ];
    let mut rest = before.trim();
    loop {
        let t = rest.trim_start_matches(|c: char| {
            c.is_ascii_digit() || c.is_whitespace() || matches!(c, '/' | '-' | '.' | ':' | '：')
        });
        match FILLER.iter().find(|f| t.starts_with(*f)) {
            Some(f) => rest = &t[f.len()..],
            None => return t.is_empty(),
        }
    }
}

/// Whether the text after a word ends the statement of it (`廃止済み`, `停止中`, `終了しました`).
fn only_ending_after_ja(after: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "済み",
        "済",
        "中",
        "しました",
        "しています",
        "しております",
        "している",
        "した",
        "されました",
        "されている",
        "された",
        "となりました",
        "となっている",
        "となった",
        "扱い",
        "状態",
        "の予定",
        "予定",
        "とする",
        "です",
    ];
    let mut rest = after.trim();
    loop {
        let t = rest.trim_start_matches(|c: char| {
            c.is_whitespace() || vocab::is_bracket(c) || matches!(c, '、' | ',' | '.')
        });
        match ENDINGS.iter().find(|e| t.starts_with(*e)) {
            Some(e) => rest = &t[e.len()..],
            None => return t.is_empty(),
        }
    }
}

/// Japanese remarks saying the control ended (`2025年3月末で廃止`, `一時停止中`), is not
/// approved or finished (`規程案を作成済み（承認待ち）`, `ドラフト版`, `レビュー中`), or does not
/// work (`形骸化している`, `運用に課題`, `実効性に懸念`, `改善指導あり`, `証跡なし`, `不合格`,
/// `有効でない`): review 11, A-1 and A-2. Each word where it describes the control's means
/// (`退職者のアカウントを停止`, `不合格の場合は再受講`, `改善を継続的に実施`) reads.
fn ended_or_failing_ja(clause: &str) -> Vec<Qualifier> {
    let held = CharSet::of(clause);
    let mut found = Vec::new();
    for w in ["廃止", "停止", "終了", "中止", "休止"] {
        for (i, _) in held.match_indices(clause, w) {
            if only_when_before_ja(&clause[..i]) && only_ending_after_ja(&clause[i + w.len()..]) {
                found.push(Qualifier::new(Kind::Status, w));
            }
        }
    }
    for w in [
        "承認待ち",
        "承認待",
        "決裁待ち",
        "レビュー待ち",
        "確認待ち",
        "回答待ち",
        "回答待",
        "照会中",
        "問合せ中",
        "問合中",
        "問い合わせ中",
        "規程案",
        "規定案",
        "方針案",
        "手順案",
        "手順書案",
        "ポリシー案",
        "基準案",
        "要領案",
        "細則案",
        "素案",
        "草案",
        "原案",
        "(案)",
        "ドラフト",
        "下書き",
        "たたき台",
        "レビュー中",
        "改訂中",
        "承認中",
        "起案中",
        // rolling out, in transition, soon (review 11, A-2)
        "ロールアウト中",
        "移行期間",
        "並行稼働",
        "並行運用",
        "新旧併用",
        "併用期間",
        "従来どおり",
        "従来通り",
        "随時対応",
        "早期に対応",
        "早急に対応",
        "調査中",
        // an opt-in feature, off unless someone turns it on
        "有効化可能",
        "有効化できる",
        "有効にできる",
        "設定により有効",
        "設定次第",
        "選択制",
        "利用者の選択",
        "顧客の選択",
        "ユーザーの選択",
        "担当者退職",
    ] {
        if held.contains(clause, w) {
            found.push(Qualifier::new(Kind::Deferral, w));
        }
    }
    // off by default (`既定では無効`, `初期設定はオフ`), optional (`MFAは任意`), without the
    // means (`MFAなし`), shared accounts in use, no record of doing it, irregular
    let by_default = ["既定", "デフォルト", "初期設定", "初期値"]
        .iter()
        .any(|d| held.contains(clause, d))
        && ["無効", "オフ", "off", "disabled"]
            .iter()
            .any(|o| held.contains(clause, o));
    if by_default {
        found.push(Qualifier::new(Kind::Scope, "既定では無効"));
    }
    if ["は任意", "任意です", "任意設定", "任意で設定", "任意で有効"]
        .iter()
        .any(|w| held.contains(clause, w))
        || clause.trim_end().ends_with("任意")
    {
        found.push(Qualifier::new(Kind::Scope, "任意"));
    }
    for w in [
        "mfaなし",
        "mfa無し",
        "多要素認証なし",
        "2faなし",
        "実績なし",
        "実績無し",
        "実績がない",
    ] {
        if held.contains(clause, w) {
            found.push(Qualifier::new(Kind::Status, w));
        }
    }
    let forbidden = [
        "禁止",
        "不可",
        "しない",
        "なし",
        "認めない",
        "認めず",
        "廃止",
    ]
    .iter()
    .any(|f| held.contains(clause, f));
    for w in [
        "共有管理者アカウント",
        "共有アカウント",
        "共用アカウント",
        "共有の管理者",
    ] {
        if held.contains(clause, w) && !forbidden {
            found.push(Qualifier::new(Kind::Status, w));
        }
    }
    if held.contains(clause, "不定期") && !held.contains(clause, "抜き打ち") {
        found.push(Qualifier::new(Kind::Scope, "不定期"));
    }
    // an incident or a regulator's guidance on the control (not the procedure for one:
    // `インシデント発生時の報告手順`)
    for w in [
        "インシデント発生",
        "事故発生",
        "被害発生",
        "漏えい発生",
        "漏洩発生",
    ] {
        for (i, _) in held.match_indices(clause, w) {
            let after = &clause[i + w.len()..];
            if !["時", "の際", "した場合", "の場合"]
                .iter()
                .any(|a| after.starts_with(a))
            {
                found.push(Qualifier::new(Kind::Status, w));
            }
        }
    }
    for w in [
        "被害あり",
        "被害が発生",
        "事故あり",
        "漏えい事故",
        "漏洩事故",
        "行政指導",
        "業務改善命令",
        "から指導",
        "指導あり",
    ] {
        if held.contains(clause, w) {
            found.push(Qualifier::new(Kind::Status, w));
        }
    }
    if held.contains(clause, "形骸化") {
        found.push(Qualifier::new(Kind::Status, "形骸化"));
    }
    let settled = ["解消済", "解決済", "対応済", "クローズ", "是正済"]
        .iter()
        .any(|d| held.contains(clause, d));
    for (i, _) in held.match_indices(clause, "課題") {
        let after = &clause[i + "課題".len()..];
        if !settled && !none_of(&clause[i..], "課題") && !after.starts_with("管理") {
            found.push(Qualifier::new(Kind::Deferral, "課題"));
        }
    }
    for (i, _) in held.match_indices(clause, "懸念") {
        let after = clause[i + "懸念".len()..].trim_start_matches(['事', '項', '点']);
        if !["なし", "無し", "はない", "はありません", "がない"]
            .iter()
            .any(|n| after.starts_with(n))
        {
            found.push(Qualifier::new(Kind::Status, "懸念"));
        }
    }
    for (i, _) in held.match_indices(clause, "改善") {
        let after = &clause[i + "改善".len()..];
        let asked = [
            "指導",
            "指示",
            "勧告",
            "要望",
            "要求",
            "命令",
            "の余地",
            "が必要",
            "を要",
            "の必要",
            "を求め",
            "が求め",
            "点",
            "事項",
        ]
        .iter()
        .find(|a| after.starts_with(*a));
        if let Some(a) = asked {
            let rest = after[a.len()..].trim_start_matches(['は', 'が']);
            if !["なし", "無し", "はない", "ない"]
                .iter()
                .any(|n| rest.starts_with(n))
            {
                found.push(Qualifier::new(Kind::Deferral, &format!("改善{a}")));
            }
        }
    }
    for w in ["証跡", "エビデンス"] {
        for (i, _) in held.match_indices(clause, w) {
            let after = clause[i + w.len()..].trim_start_matches(['は', 'が']);
            if ["なし", "無し", "ない", "無い", "未"]
                .iter()
                .any(|n| after.starts_with(n))
            {
                found.push(Qualifier::new(Kind::Status, &format!("{w}なし")));
            }
        }
    }
    for (i, _) in held.match_indices(clause, "不合格") {
        let after = &clause[i + "不合格".len()..];
        if !["の場合", "者", "時", "とな", "なら", "の際", "だった場合"]
            .iter()
            .any(|a| after.starts_with(a))
        {
            found.push(Qualifier::new(Kind::Status, "不合格"));
        }
    }
    for w in ["有効でない", "有効ではない", "有効でなかった", "無効"] {
        for (i, _) in held.match_indices(clause, w) {
            let after = clause[i + w.len()..].trim();
            let judged = after.is_empty()
                || [
                    "と判定",
                    "と評価",
                    "と判断",
                    "と結論",
                    "との",
                    "である",
                    "です",
                ]
                .iter()
                .any(|a| after.starts_with(a));
            if judged && (w != "無効" || only_when_before_ja(&clause[..i])) {
                found.push(Qualifier::new(Kind::Status, w));
            }
        }
    }
    found
}

/// English remarks saying the control ended (`Retired`, `Suspended`, `Decommissioned in
/// 2025`), is not approved or finished (`Draft`, `Awaiting approval`, `Under review`), or
/// does not work (`Control failed last quarterly test`, `Deficiency identified`, `Needs
/// improvement`, `Issue open`, `No evidence`): review 11, A-1 and A-2. A word where it
/// describes the control's means (`Suspended accounts are deleted`, `Failed logins are
/// locked out`, `Continuous improvement`) reads.
fn ended_or_failing_en(words: &[&str]) -> Vec<Qualifier> {
    const WHEN: &[&str] = &[
        "control",
        "controls",
        "process",
        "procedure",
        "policy",
        "practice",
        "it",
        "this",
        "the",
        "was",
        "were",
        "has",
        "have",
        "been",
        "is",
        "are",
        "being",
        "currently",
        "temporarily",
        "now",
        "since",
        "as",
        "of",
        "in",
        "on",
        "at",
        "from",
        "and",
    ];
    const AFTER: &[&str] = &[
        "in",
        "on",
        "since",
        "as",
        "from",
        "at",
        "by",
        "until",
        "pending",
        "due",
        "temporarily",
        "effective",
        "per",
        "following",
        "after",
        "and",
        "for",
        "in",
        "last",
        "this",
    ];
    let is_when = |w: &str| {
        WHEN.contains(&w)
            || w.chars().all(|c| c.is_ascii_digit())
            || w.starts_with("fy")
            || w.len() == 2 && w.starts_with('q')
    };
    let policy = words.iter().any(|w| {
        matches!(
            *w,
            "blocked"
                | "denied"
                | "prohibited"
                | "forbidden"
                | "disallowed"
                | "banned"
                | "rejected"
                | "prevented"
                | "allowed"
                | "permitted"
        )
    });
    let mut found = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| words[p]);
        let next = words.get(i + 1).copied();
        let hit = match *w {
            "retired" | "suspended" | "decommissioned" | "decommission" | "decommissioning"
            | "discontinued" | "abolished" | "deprecated" | "sunset" | "sunsetted"
            | "terminated" | "withdrawn" | "inactive" | "disabled" => {
                words[..i].iter().all(|b| is_when(b))
                    && next.is_none_or(|n| AFTER.contains(&n) || is_when(n))
            }
            "draft" | "drafts" | "awaiting" | "awaits" => true,
            // done informally, irregularly, or not written down (review 11, A-2)
            "informal" | "informally" | "undocumented" | "overdue" | "lacks" | "lack" => true,
            "ad" => next == Some("hoc"),
            "adhoc" => true,
            // not a policy's condition (`Privileged access without approval is blocked`,
            // `No shared accounts allowed`)
            "no" | "without" if policy => false,
            "no" => next.is_some_and(|n| {
                matches!(
                    n,
                    "mfa"
                        | "2fa"
                        | "formal"
                        | "procedure"
                        | "procedures"
                        | "policy"
                        | "process"
                        | "review"
                        | "reviews"
                        | "documentation"
                        | "documented"
                        | "owner"
                        | "monitoring"
                        | "logging"
                        | "encryption"
                        | "backup"
                        | "backups"
                        | "testing"
                        | "training"
                        | "record"
                        | "records"
                        | "approval"
                )
            }),
            "without" => next.is_some_and(|n| {
                matches!(
                    n,
                    "mfa"
                        | "2fa"
                        | "review"
                        | "approval"
                        | "encryption"
                        | "logging"
                        | "monitoring"
                        | "documentation"
                        | "formal"
                )
            }),
            "shared" => {
                next.is_some_and(|n| {
                    matches!(
                        n,
                        "admin"
                            | "administrator"
                            | "root"
                            | "account"
                            | "accounts"
                            | "credentials"
                            | "password"
                            | "passwords"
                            | "login"
                            | "logins"
                    )
                }) && !words.iter().any(|w| {
                    matches!(
                        *w,
                        "no" | "not"
                            | "never"
                            | "prohibited"
                            | "forbidden"
                            | "disallowed"
                            | "banned"
                    )
                })
            }
            // rolling out, being deployed
            "rolling" => next == Some("out"),
            "phased" => true,
            "rollout" => {
                !next.is_some_and(|n| matches!(n, "completed" | "complete" | "done" | "finished"))
            }
            "being" => next.is_some_and(|n| {
                matches!(
                    n,
                    "deployed"
                        | "implemented"
                        | "rolled"
                        | "introduced"
                        | "developed"
                        | "configured"
                )
            }),
            "breach" | "breaches" | "breached" => {
                next.is_some_and(|n| {
                    matches!(
                        n,
                        "in" | "on" | "occurred" | "detected" | "identified" | "reported"
                    )
                }) && !prev.is_some_and(|p| {
                    matches!(p, "of" | "for" | "a" | "any" | "potential" | "suspected")
                })
            }
            "under" => next.is_some_and(|n| {
                matches!(
                    n,
                    "review"
                        | "revision"
                        | "development"
                        | "construction"
                        | "consideration"
                        | "evaluation"
                        | "approval"
                        | "discussion"
                        | "preparation"
                        | "investigation"
                )
            }),
            "fail" | "fails" | "failed" | "failing" => {
                words.len() == 1
                    || prev.is_some_and(|p| {
                        matches!(
                            p,
                            "control"
                                | "test"
                                | "testing"
                                | "tests"
                                | "was"
                                | "were"
                                | "has"
                                | "have"
                                | "had"
                                | "is"
                                | "it"
                                | "check"
                                | "audit"
                                | "assessment"
                                | "evaluation"
                                | "review"
                                | "and"
                                | "but"
                                | "result"
                        )
                    })
                    || next.is_some_and(|n| {
                        matches!(
                            n,
                            "test"
                                | "testing"
                                | "audit"
                                | "assessment"
                                | "review"
                                | "last"
                                | "the"
                                | "in"
                                | "during"
                                | "its"
                                | "our"
                                | "quarterly"
                                | "annual"
                                | "annually"
                                | "internal"
                                | "external"
                                | "evaluation"
                        )
                    })
            }
            _ if w.starts_with("deficien") => {
                !prev.is_some_and(|p| matches!(p, "no" | "without" | "zero"))
            }
            "improvement" | "improvements" => prev.is_some_and(|p| {
                matches!(
                    p,
                    "needs" | "need" | "requires" | "require" | "required" | "for" | "of"
                )
            }),
            "issue" | "issues" => {
                !prev.is_some_and(|p| matches!(p, "no" | "without" | "zero"))
                    && (next.is_some_and(|n| {
                        matches!(
                            n,
                            "open"
                                | "outstanding"
                                | "identified"
                                | "found"
                                | "noted"
                                | "raised"
                                | "pending"
                                | "exists"
                                | "remain"
                                | "remains"
                                | "unresolved"
                        )
                    }) || prev.is_some_and(|p| {
                        matches!(
                            p,
                            "open" | "outstanding" | "known" | "unresolved" | "identified"
                        )
                    }))
            }
            "evidence" => prev.is_some_and(|p| {
                matches!(p, "no" | "without" | "missing" | "insufficient" | "lacking")
            }),
            _ => false,
        };
        if hit {
            let word = match (*w, prev, next) {
                ("under", _, Some(n)) => format!("under {n}"),
                ("evidence" | "improvement" | "improvements", Some(p), _) => format!("{p} {w}"),
                ("no" | "without" | "shared" | "ad" | "rolling" | "being", _, Some(n)) => {
                    format!("{w} {n}")
                }
                _ => (*w).to_owned(),
            };
            found.push(Qualifier::new(
                if matches!(
                    *w,
                    "draft"
                        | "drafts"
                        | "awaiting"
                        | "awaits"
                        | "under"
                        | "rolling"
                        | "phased"
                        | "rollout"
                        | "being"
                        | "overdue"
                ) {
                    Kind::Deferral
                } else {
                    Kind::Status
                },
                &word,
            ));
        }
    }
    found
}

/// A part of the service where the control is done, in either language (review 11, A-2):
/// a share of the systems (`サーバの8割に導入`, `80% of servers`, `Coverage: 80%`; not
/// `100%`, nor a threshold: `CPU使用率80%でアラート`), the main or important ones
/// (`主要サーバ`, `重要システムに導入`, `Most servers`), the administrators' accounts
/// (`管理者アカウントに適用`, `Enabled for admins`), production alone (`Prod`, `Applies to
/// production workloads`; not `Production and staging`), one cloud region's code
/// (`ap-northeast-1で実施`; not `ap-northeast-3へ複製`), `out of scope` in a sentence, legacy
/// systems.
fn portion(clause: &str, words: &[&str]) -> Vec<Qualifier> {
    let held = CharSet::of(clause);
    let mut found = Vec::new();
    let chars: Vec<(usize, char)> = clause.char_indices().collect();
    // N割 (not 10割), N% under 100 of something, or of a rollout
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !(c == '割' || c == '%') {
            continue;
        }
        let start = chars[..k]
            .iter()
            .rev()
            .take_while(|(_, d)| {
                d.is_ascii_digit() || *d == '.' || "一二三四五六七八九".contains(*d)
            })
            .count();
        if start == 0 {
            continue;
        }
        let number = &clause[chars[k - start].0..i];
        let after = clause[i + c.len_utf8()..].trim_start();
        let share = if c == '割' {
            !["引", "り当", "当", "増", "減"]
                .iter()
                .any(|a| after.starts_with(a))
                && number != "10"
        } else {
            let under = number.parse::<f64>().is_ok_and(|n| n < 100.0);
            let of = after.starts_with('の')
                || after.starts_with("of ")
                || [
                    "導入",
                    "適用",
                    "実施",
                    "完了",
                    "展開",
                    "対応",
                    "complete",
                    "done",
                    "implemented",
                    "deployed",
                    "rolled",
                    "coverage",
                ]
                .iter()
                .any(|a| after.starts_with(a));
            let rate = [
                "導入率",
                "適用率",
                "実施率",
                "対応率",
                "進捗",
                "完了率",
                "カバー率",
                "達成率",
                "カバレッジ",
                "coverage",
                "rollout",
                "progress",
            ]
            .iter()
            .any(|r| held.contains(clause, r));
            under && (of || rate)
        };
        if share {
            found.push(Qualifier::new(
                Kind::Scope,
                &clause[chars[k - start].0..i + c.len_utf8()],
            ));
        }
    }
    if held.contains(clause, "主要") && !held.contains(clause, "主要な") {
        found.push(Qualifier::new(Kind::Scope, "主要"));
    }
    // a kind of system or account where it is done (`重要システムに導入`)
    for v in ["導入", "適用", "展開", "実施", "設定", "有効化", "配布"] {
        for (i, _) in held.match_indices(clause, v) {
            let head = &clause[..i];
            let Some(head) = ["に", "へ", "で", "のみ"]
                .iter()
                .find_map(|p| head.strip_suffix(p))
            else {
                continue;
            };
            let from = head
                .rfind(['、', ',', '。', 'を', 'は', 'が', 'の', '(', '（', ' '])
                .map_or(0, |j| {
                    j + head[j..].chars().next().map_or(1, char::len_utf8)
                });
            let noun = &head[from..];
            if let Some(w) = ["重要", "管理者", "基幹", "特定", "一部"]
                .iter()
                .find(|w| noun.starts_with(*w) && noun.len() > w.len())
            {
                found.push(Qualifier::new(Kind::Scope, w));
            }
        }
    }
    let whole = clause.trim();
    if matches!(
        whole,
        "本番"
            | "本番のみ"
            | "本番系のみ"
            | "商用"
            | "商用環境"
            | "prod"
            | "production"
            | "production environment"
            | "production environments"
            | "prod only"
            | "production only"
            | "prod env"
    ) {
        found.push(Qualifier::new(Kind::Scope, whole));
    }
    for (i, w) in words.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| words[p]);
        let prev2 = i.checked_sub(2).map(|p| words[p]);
        let next = words.get(i + 1).copied();
        let hit = match *w {
            "most" => {
                (prev.is_none_or(|p| matches!(p, "on" | "for" | "in" | "to" | "across" | "at"))
                    && !next.is_some_and(|n| {
                        matches!(
                            n,
                            "recent"
                                | "recently"
                                | "important"
                                | "critical"
                                | "likely"
                                | "common"
                                | "commonly"
                                | "sensitive"
                                | "severe"
                                | "current"
                                | "up"
                                | "secure"
                                | "stringent"
                        )
                    }))
                    || (prev == Some("the") && next == Some("part"))
            }
            "admins" | "administrators" | "admin" | "administrator" => {
                prev == Some("for")
                    && prev2.is_some_and(|p| {
                        matches!(
                            p,
                            "enabled"
                                | "enforced"
                                | "applied"
                                | "required"
                                | "deployed"
                                | "implemented"
                                | "active"
                                | "configured"
                                | "only"
                        )
                    })
            }
            "production" | "prod" => {
                next == Some("only")
                    || (matches!(prev, Some("to" | "for"))
                        && prev2.is_some_and(|p| {
                            matches!(
                                p,
                                "applies"
                                    | "applied"
                                    | "apply"
                                    | "limited"
                                    | "restricted"
                                    | "scoped"
                                    | "enabled"
                                    | "enforced"
                            )
                        }))
            }
            "out" => next == Some("of") && words.get(i + 2) == Some(&"scope"),
            "outside" => words[i + 1..].iter().take(3).any(|n| *n == "scope"),
            "legacy" => {
                prev.is_some_and(|p| matches!(p, "for" | "on" | "in" | "across" | "of" | "except"))
            }
            _ => false,
        };
        if hit {
            let word = match *w {
                "out" => "out of scope".to_owned(),
                "admins" | "administrators" | "admin" | "administrator" => format!("for {w}"),
                _ => (*w).to_owned(),
            };
            found.push(Qualifier::new(Kind::Scope, &word));
        }
    }
    // one cloud region's code, where it is done (not where copies go)
    let codes: Vec<&str> = clause
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|t| is_region_code(t))
        .collect();
    let copies = [
        "複製",
        "バックアップ",
        "転送",
        "退避",
        "同期",
        "へ",
        "replica",
        "backup",
        "cop",
        "failover",
        "disaster",
        "sync",
        " to ",
    ]
    .iter()
    .any(|w| held.contains(clause, w));
    if let [code] = codes.as_slice() {
        if !copies {
            found.push(Qualifier::new(Kind::Scope, code));
        }
    }
    found
}

/// A cloud region's code: AWS `ap-northeast-1`, Google Cloud `asia-northeast1`, Azure
/// `japaneast`.
fn is_region_code(token: &str) -> bool {
    let parts: Vec<&str> = token.split('-').collect();
    let alpha = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase());
    match parts.as_slice() {
        [area, dir, n] => {
            matches!(
                *area,
                "ap" | "us" | "eu" | "sa" | "ca" | "me" | "af" | "il" | "mx" | "cn"
            ) && alpha(dir)
                && !n.is_empty()
                && n.chars().all(|c| c.is_ascii_digit())
        }
        [area, dir] => {
            matches!(
                *area,
                "asia"
                    | "us"
                    | "europe"
                    | "northamerica"
                    | "southamerica"
                    | "australia"
                    | "me"
                    | "africa"
            ) && dir.trim_end_matches(|c: char| c.is_ascii_digit()).len() < dir.len()
                && alpha(dir.trim_end_matches(|c: char| c.is_ascii_digit()))
        }
        [one] => matches!(
            *one,
            "japaneast"
                | "japanwest"
                | "eastus"
                | "eastus2"
                | "westus"
                | "westus2"
                | "westus3"
                | "centralus"
                | "westeurope"
                | "northeurope"
                | "southeastasia"
                | "eastasia"
        ),
        _ => false,
    }
}

fn ascii_words(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'' || c == '/'))
        .map(|w| w.trim_matches(['\'', '/']))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `clause` holds `word`, not as part of a longer word in `not_in`.
fn holds_apart(clause: &str, word: &str, not_in: &[&str]) -> bool {
    clause.match_indices(word).any(|(i, _)| {
        !not_in.iter().any(|longer| {
            longer
                .match_indices(word)
                .any(|(j, _)| i >= j && clause[i - j..].starts_with(longer))
        })
    })
}

/// Verbal nouns that name doing the control itself: negated (`実施しない`, `対応なし`,
/// `不適用`), they say it is not done; any other verb negated states a policy
/// (`保存しない`, `共有しない`).
const DOING_JA: &[&str] = &[
    "実施",
    "対応",
    "適用",
    "導入",
    "整備",
    "運用",
    "実装",
    "該当",
    "採用",
    "構築",
    "策定",
    "対策",
    "提供",
    "管理",
    "取得",
    "記録",
    "監視",
    "確認",
    "評価",
    "見直",
    "点検",
    "監査",
    "教育",
    "訓練",
    "作成",
    "設置",
    "遵守",
    "順守",
    "準拠",
    "文書化",
    "規定",
    "制定",
    "整",
];

/// 未 + these: not done (`未実施`, `未対応`); other words with 未 describe (`未承認`,
/// `未使用`, `未然`, `未満`, `未知`, `未登録`).
const NOT_YET_JA: &[&str] = &[
    "実施",
    "対応",
    "完了",
    "整備",
    "導入",
    "着手",
    "定",
    "適用",
    "設定",
    "策定",
    "構築",
    "運用",
    "確認",
    "決定",
    "検討",
    "作成",
    "締結",
    "取得",
    "実装",
    "対策",
    "済",
    "採用",
    "準備",
    "整理",
    "評価",
    "更新",
    "反映",
    "契約",
    "設置",
    "配置",
    "提出",
    "文書化",
    "規定",
    "制定",
    "教育",
    "訓練",
    "監査",
    "点検",
    "見直",
    "記入",
    "記載",
    // a finding not remediated (`未是正`, `未解消`)
    "是正",
    "解消",
    "解決",
    "修正",
    "改善",
    "処置",
];

/// 不 or 非 + these: not done or not enough (`不実施`, `不十分`, `非対応`); `不正`, `不審`,
/// `不可`, `不要な`, `非常`, `非公開` describe.
const NOT_JA: &[&str] = &[
    "不実施",
    "不適用",
    "不採用",
    "不該当",
    "不対応",
    "不導入",
    "不十分",
    "不完全",
    "不備",
    "不足",
    "不明",
    "不徹底",
    "不在",
    "不適合",
    "非実施",
    "非適用",
    "非対応",
    "非導入",
    "非採用",
    "非準拠",
    "非適合",
];

/// Negated verb endings: after a word of [`DOING_JA`] (within a few characters) they say
/// the control is not done; after another verb they state a policy.
const NEGATED_JA: &[&str] = &[
    "しない",
    "しません",
    "せず",
    "できない",
    "できず",
    "できません",
    "出来ない",
    "されない",
    "されず",
    "なし",
    "無し",
    "がない",
    "はない",
    "ない",
    "ず",
    "ません",
];

/// Another status: status words and compounds that say the control is not done or does not
/// apply (`非該当`, `未実施`, `実施しない`, `対応なし`, `要改善`).
/// Whether every `word` in `clause` is followed by "none" (`対象外なし`, `除外はない`): it
/// says there is none.
fn none_of(clause: &str, word: &str) -> bool {
    clause.match_indices(word).all(|(i, _)| {
        let after = clause[i + word.len()..].trim_start();
        [
            "なし",
            "無し",
            "はない",
            "は無い",
            "がない",
            "はありません",
            "はなし",
            "は無し",
        ]
        .iter()
        .any(|n| after.starts_with(n))
    })
}

fn status_ja(clause: &str) -> Vec<Qualifier> {
    let held = CharSet::of(clause);
    let mut found = stopped_ja(clause);
    for w in vocab::status_words(clause) {
        let Some(states) = w.states else { continue };
        if states == Declared::Implemented || w.word.is_ascii() || none_of(clause, w.word) {
            continue;
        }
        let kind = match (states, w.word) {
            (_, "部分的" | "一部実施") => Kind::Scope,
            (Declared::Planned, _) | (_, "未定" | "検討中" | "保留") => Kind::Deferral,
            _ => Kind::Status,
        };
        found.push(Qualifier::new(kind, w.word));
    }
    for (i, _) in clause.match_indices('未') {
        let after = &clause[i + '未'.len_utf8()..];
        if let Some(w) = NOT_YET_JA.iter().find(|w| after.starts_with(*w)) {
            found.push(Qualifier::new(Kind::Deferral, &format!("未{w}")));
        }
    }
    found.extend(
        NOT_JA
            .iter()
            .filter(|w| held.contains(clause, w))
            .map(|w| Qualifier::new(Kind::Status, w)),
    );
    // a negated verb of doing (`実施しない`, `対応なし`, `見直さず`); `いない` after て/で is
    // a deferral (below)
    for ending in NEGATED_JA {
        for (i, _) in held.match_indices(clause, ending) {
            let before: String = {
                let head = &clause[..i];
                let chars: Vec<char> = head.chars().collect();
                let from = chars.len().saturating_sub(5);
                chars[from..].iter().collect()
            };
            if before.ends_with(['て', 'で'])
                || before.ends_with("てい")
                || before.ends_with("でい")
            {
                continue;
            }
            if let Some(d) = DOING_JA.iter().find(|d| before.contains(*d)) {
                found.push(Qualifier::new(Kind::Status, &format!("{d}{ending}")));
            }
        }
    }
    // needs doing: 要改善, 要対応 (not 重要, 必要, 主要, 概要)
    for w in [
        "要改善",
        "要対応",
        "要確認",
        "要検討",
        "要見直",
        "要是正",
        "要修正",
        "要整備",
        "要実施",
        "要調査",
        "要再",
    ] {
        for (i, _) in held.match_indices(clause, w) {
            let prev = clause[..i].chars().next_back();
            if !prev.is_some_and(|c| matches!(c, '重' | '必' | '主' | '概' | '不' | '強' | '需'))
            {
                found.push(Qualifier::new(Kind::Deferral, w));
            }
        }
    }
    // audit findings counted (`前回監査での指摘: 2件`, `指摘事項 1件`; not `指摘0件`), or left
    // standing (`指摘…残存`)
    for (i, _) in held.match_indices(clause, "指摘") {
        let after = clause[i + "指摘".len()..].trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ':' | '：' | 'は' | 'が' | '事' | '項' | '数')
        });
        let digits: String = after
            .chars()
            .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
            .collect();
        let count = crate::text::fold_width(&digits).parse::<u32>().ok();
        let counted = count.is_some_and(|n| n > 0) && after[digits.len()..].starts_with('件');
        if counted || clause[i..].contains("残存") {
            found.push(Qualifier::new(Kind::Deferral, "指摘"));
        }
    }
    // an open issue or an audit finding: 課題あり, 指摘事項あり
    for w in ["課題", "指摘"] {
        for (i, _) in held.match_indices(clause, w) {
            let after: String = clause[i + w.len()..].chars().take(4).collect();
            if ["あり", "有", "残", "を受", "が残", "中"]
                .iter()
                .any(|a| after.starts_with(a) || after.contains(a) && after.starts_with("事項"))
            {
                found.push(Qualifier::new(Kind::Deferral, w));
            }
        }
    }
    found.extend(unmet_ja(clause));
    found
}

/// Work named right before `中止`/`中断` says it was stopped, not done (`確認中止`, `対応中断`,
/// `提供中止`: review 23 A-3) — not a control that stops something (`処理を中止`).
const STOPPED_WORK_JA: &[&str] = &[
    "確認", "対応", "検討", "作業", "導入", "実施", "開発", "計画", "移行", "提供", "是正", "改善",
    "構築", "整備", "運用", "監査", "調査", "評価", "検証",
];

/// The work a clause says was stopped ([`STOPPED_WORK_JA`] + `中止`/`中断`).
fn stopped_ja(clause: &str) -> Vec<Qualifier> {
    let held = CharSet::of(clause);
    let mut found = Vec::new();
    for stop in ["中止", "中断"] {
        for (i, _) in held.match_indices(clause, stop) {
            if let Some(w) = STOPPED_WORK_JA.iter().find(|w| clause[..i].ends_with(**w)) {
                found.push(Qualifier::new(Kind::Status, &format!("{w}{stop}")));
            }
        }
    }
    found
}

/// The words saying a requirement is not met or the thing is not offered, standing alone
/// (review 17 A-2): read against a statement by [`unmet_ja`], and the matters a check-list
/// note's claim of none may be of (`checks::note_matters`: `未提供の機能なし`) — one vocabulary.
pub const UNMET_JA: &[&str] = &[
    "対応不可",
    "実施不可",
    "提供不可",
    "導入不可",
    "サポート不可",
    "非サポート",
    "未サポート",
    "サポート外",
    "サポート対象外",
    "未提供",
    "未充足",
];

/// The words of a difference from what is asked (`差異`, `乖離`): a finding with `あり`/`有`/`がある`
/// after them ([`unmet_ja`]), a matter a note's none may be of (`差異なし`).
pub const DIFFERENCE_JA: &[&str] = &["差異", "乖離"];

/// The words saying remediation is needed (`改善要`, as `要改善`; not `対応要件`): [`unmet_ja`],
/// and the matters of a note's none (`改善要の事項なし`).
pub const REMEDIATION_NEEDED_JA: &[&str] = &["改善要", "是正要", "対応要", "修正要"];

/// The words naming a requirement, beside which [`NOT_REACHED_JA`] says it is not met
/// (`当社基準に満たない`, `要求水準に達しない`; not `応答は1秒を下回る`).
pub const REQUIREMENT_JA: &[&str] = &[
    "基準", "要件", "要求", "水準", "求め", "規定", "目標", "要望",
];

/// The words saying a requirement ([`REQUIREMENT_JA`]) is not reached.
pub const NOT_REACHED_JA: &[&str] = &[
    "満たない",
    "満たさない",
    "達しない",
    "達していない",
    "下回る",
    "下回って",
    "及ばない",
];

/// What says a requirement is not met or the thing is not offered, in words the lists above
/// miss (review 17 A-2): `未達` (not `未達事項なし`), `改善要` (as `要改善`; not `対応要件`),
/// `当社基準に満たない`/`要求水準に達しない`/`基準を下回る` (only beside a requirement word:
/// `応答は1秒を下回る` describes), `差異あり`, `不可` alone or `対応不可`, `サポート外`,
/// `機能なし` ([`UNMET_JA`], [`DIFFERENCE_JA`], [`REMEDIATION_NEEDED_JA`], [`REQUIREMENT_JA`],
/// [`NOT_REACHED_JA`]).
fn unmet_ja(clause: &str) -> Vec<Qualifier> {
    let held = CharSet::of(clause);
    let mut found = Vec::new();
    let t = clause.trim();
    for (i, _) in held.match_indices(clause, "未達") {
        let after = clause[i + "未達".len()..]
            .trim_start_matches(['成', '事', '項', '目', 'の', 'は', 'が']);
        if !["なし", "無し", "はない", "ない", "0件"]
            .iter()
            .any(|n| after.trim_start().starts_with(n))
        {
            found.push(Qualifier::new(Kind::Status, "未達"));
        }
    }
    for w in REMEDIATION_NEEDED_JA {
        for (i, _) in held.match_indices(clause, w) {
            let next = clause[i + w.len()..].chars().next();
            if !next.is_some_and(|c| "件否素領旨約望求請因点綱員所".contains(c)) {
                found.push(Qualifier::new(Kind::Deferral, w));
            }
        }
    }
    if REQUIREMENT_JA.iter().any(|r| held.contains(clause, r)) {
        if let Some(w) = NOT_REACHED_JA.iter().find(|w| held.contains(clause, w)) {
            found.push(Qualifier::new(Kind::Status, w));
        }
    }
    for d in DIFFERENCE_JA {
        for then in ["あり", "有", "がある"] {
            let w = format!("{d}{then}");
            if held.contains(clause, &w) {
                found.push(Qualifier::new(Kind::Status, &w));
            }
        }
    }
    for w in UNMET_JA.iter().chain(&["機能なし", "機能無し"]) {
        if held.contains(clause, w) {
            found.push(Qualifier::new(Kind::Status, w));
        }
    }
    if t == "不可" || t.starts_with("不可") && !t.starts_with("不可欠") {
        found.push(Qualifier::new(Kind::Status, "不可"));
    }
    found
}

/// English words that follow `not` (or `never`, `n't`) when it says the control is not
/// done or does not apply; after any other word `not` states a policy (`not shared`).
const NOT_WHAT_EN: &[&str] = &[
    "yet",
    "implemented",
    "implement",
    "applicable",
    "apply",
    "applies",
    "applied",
    "in",
    "done",
    "started",
    "complete",
    "completed",
    "performed",
    "perform",
    "enforced",
    "enforce",
    "deployed",
    "covered",
    "configured",
    "available",
    "supported",
    "established",
    "planned",
    "required",
    "needed",
    "necessary",
    "relevant",
    "provided",
    "operational",
    "effective",
    "tested",
    "met",
    "meet",
    "meets",
    "sufficient",
    "adequate",
    "offered",
    "satisfied",
    "addressed",
    "compliant",
    "finished",
    "ready",
    "active",
    "enabled",
    "present",
    "documented",
    "adopted",
    "part",
    // review 11, A-2: `Does not cover API`, `Not reviewed since 2023`
    "cover",
    "covers",
    "include",
    "includes",
    "reviewed",
    "audited",
    "monitored",
    "formalized",
    "formalised",
    "maintained",
    "verified",
];

/// Words that may stand between `not` and what it negates (`not yet`, `not fully`).
const NOT_FILLER_EN: &[&str] = &[
    "be",
    "been",
    "being",
    "fully",
    "currently",
    "always",
    "entirely",
    "completely",
    "all",
    "yet",
    "as",
    "of",
];

fn status_en(words: &[&str]) -> Vec<Qualifier> {
    let mut found = Vec::new();
    // a word holding a digit at `j` (`123` of `POAM-123`)
    let numbered = |j: usize| {
        words
            .get(j)
            .is_some_and(|n| n.chars().any(|c| c.is_ascii_digit()))
    };
    for (i, w) in words.iter().enumerate() {
        let negation = matches!(
            *w,
            "not"
                | "never"
                | "cannot"
                | "isn't"
                | "aren't"
                | "doesn't"
                | "don't"
                | "didn't"
                | "wasn't"
                | "weren't"
                | "hasn't"
                | "haven't"
                | "won't"
                | "can't"
                | "isn"
                | "aren"
                | "doesn"
                | "don"
                | "didn"
                | "wasn"
                | "weren"
                | "hasn"
                | "haven"
        );
        if negation {
            let next = words[i + 1..]
                .iter()
                .find(|n| !NOT_FILLER_EN.contains(n) || **n == "yet");
            if let Some(n) = next.filter(|n| NOT_WHAT_EN.contains(n)) {
                found.push(Qualifier::new(Kind::Status, &format!("{w} {n}")));
            }
            continue;
        }
        // findings there are none of, or settled (`no open findings`, `findings remediated`):
        // as their Japanese twins (`指摘事項なし`, `是正済み`) read (review 12 C-2)
        if matches!(
            *w,
            "finding" | "findings" | "gap" | "gaps" | "deviation" | "deviations"
        ) && finding_none_or_settled_en(&words[..i], &words[i + 1..])
        {
            continue;
        }
        let kind = match *w {
            "n/a" | "na" | "unimplemented" | "unsupported" | "unavailable" | "incomplete"
            | "insufficient" | "inadequate" | "missing" | "lacking" | "absent" | "gap" | "gaps"
            | "finding" | "findings" | "deviation" | "deviations" | "deviates" | "exempt"
            | "exempted" | "exemption" | "compensating" | "workaround" | "ineffective" => {
                Some(Kind::Status)
            }
            _ if w.starts_with("waiv")
                || w.starts_with("nonconform")
                || w.starts_with("noncomplian")
                || w.starts_with("inapplic") =>
            {
                Some(Kind::Status)
            }
            "non"
                if words
                    .get(i + 1)
                    .is_some_and(|n| !n.starts_with("prod") && !matches!(*n, "stop")) =>
            {
                Some(Kind::Status)
            }
            "risk" if words.get(i + 1).is_some_and(|n| n.starts_with("accept")) => {
                Some(Kind::Status)
            }
            // a POA&M item by its number (`POAM-123`, `POA&M #12`, `POAM123`): an open
            // remediation item against the control, as `改善計画` or a finding (review 24 E);
            // the process named without an item (`findings are tracked in the POA&M`) is none
            "poam" | "poams" if numbered(i + 1) && !poam_closed(&words[i..].join(" ")) => {
                Some(Kind::Status)
            }
            "poa"
                if words.get(i + 1) == Some(&"m")
                    && numbered(i + 2)
                    && !poam_closed(&words[i..].join(" ")) =>
            {
                found.push(Qualifier::new(Kind::Status, "poa&m"));
                continue;
            }
            _ if w
                .strip_prefix("poam")
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
                && !poam_closed(&words[i..].join(" ")) =>
            {
                Some(Kind::Status)
            }
            _ => None,
        };
        if let Some(kind) = kind {
            found.push(Qualifier::new(kind, w));
        }
    }
    found
}

/// Whether the words before a finding say there is none (`no open findings`, `zero
/// findings`) or those after it that it is settled (`findings remediated`, `findings were
/// closed`, `findings have been resolved`).
fn finding_none_or_settled_en(before: &[&str], after: &[&str]) -> bool {
    const BETWEEN: &[&str] = &[
        "open",
        "outstanding",
        "significant",
        "material",
        "audit",
        "major",
        "exceptions",
        "or",
    ];
    let none = before
        .iter()
        .rev()
        .find(|w| !BETWEEN.contains(w))
        .is_some_and(|w| matches!(*w, "no" | "zero" | "0"));
    let settled = after
        .iter()
        .find(|w| {
            !matches!(
                **w,
                "were" | "was" | "have" | "has" | "been" | "all" | "are" | "is" | "fully"
            )
        })
        .is_some_and(|w| {
            [
                "remediat",
                "closed",
                "resolved",
                "addressed",
                "fixed",
                "corrected",
                "remedied",
            ]
            .iter()
            .any(|s| w.starts_with(s))
        });
    none || settled
}

/// Who else may implement a control: the customer, the service underneath, a contractor.
const PARTIES_JA: &[&str] = &[
    "顧客",
    "お客様",
    "お客さま",
    "利用者",
    "利用企業",
    "利用組織",
    "ユーザー",
    "ユーザ",
    "カスタマー",
    "カスタマ",
    "テナント",
    "外部委託先",
    "再委託先",
    "委託先",
    "委託業者",
    "iaas",
    "paas",
    "クラウド事業者",
    "クラウド基盤",
    "基盤",
    "事業者",
    "データセンター",
    "データセンタ",
    "aws",
    "azure",
    "gcp",
    "google",
    "microsoft",
    "oracle",
    "親会社",
    "グループ会社",
    // another service or company of the provider's (review 22 A-9)
    "他サービス",
    "他サービスの機能",
    "別サービス",
    "関連会社",
    "子会社",
    "ベンダー",
    "ベンダ",
    "提供元",
    "プロバイダ",
    "上位サービス",
    "契約先",
    "協力会社",
    // a partner or reseller the service is offered through (review 23 A-11)
    "パートナー企業",
    "パートナー",
    "販売代理店",
    "代理店",
    "リセラー",
];

/// Parties of [`PARTIES_JA`] a service may be offered through: `経由` after one
/// (`パートナー経由`) says the partner does it (not `VPN経由`, a means).
const THROUGH_JA: &[&str] = &["パートナー", "代理店", "リセラー"];

/// Words that may stand between a party and what it does (`IaaS事業者が実施`).
const PARTY_FILLER_JA: &[&str] = &[
    "事業者",
    "提供者",
    "業者",
    "各社",
    "会社",
    "社",
    "様",
    "さま",
    "自身",
    "自ら",
    "ベンダー",
    "ベンダ",
    "サービス",
    "環境",
    "の",
];

/// What makes a party the implementer, right after it: a side, a responsibility, a verb of
/// doing with が/で/にて.
const PARTY_DOES_JA: &[&str] = &[
    "側",
    "にて",
    "により",
    "による",
    "の責任",
    "の責務",
    "の負担",
    "の範囲",
    "の管轄",
    "の所管",
    "責任",
    "責務",
    "負担",
    "管轄",
    "所管",
    "任せ",
    "に委",
    "へ委",
    "に依存",
    "へ移行",
    "に移行",
    "に委託",
    "へ委託",
    "が実施",
    "で実施",
    "が対応",
    "で対応",
    "が管理",
    "で管理",
    "が設定",
    "で設定",
    "が行",
    "で行",
    "が提供",
    "から提供",
    "の提供",
    "が担",
    "で担",
    "が準備",
    "で準備",
    "が用意",
    "で用意",
    "が運用",
    "で運用",
    "が構築",
    "で構築",
    "が保有",
    "が導入",
    "で導入",
    "が整備",
    "で整備",
    "が実装",
    "で実装",
    "が担保",
    "で担保",
    "実施",
    "対応",
    "設定",
    "提供",
];

fn others_ja(clause: &str) -> Vec<Qualifier> {
    let held = CharSet::of(clause);
    let mut found = Vec::new();
    for w in [
        "継承",
        "責任共有",
        "共同責任",
        "共有責任",
        "責任分界",
        "分担",
        "共同で",
        "共同実施",
        "協同で",
        // the platform underneath (`プラットフォーム側で対応`), not the service's own
        // platform's settings (`プラットフォームの設定を確認`)
        "プラットフォーム側",
        "基盤側",
    ] {
        if held.contains(clause, w) {
            found.push(Qualifier::new(Kind::Others, w));
        }
    }
    // offered through a partner (`パートナー経由`, `代理店経由で提供`)
    for party in THROUGH_JA {
        for (i, _) in held.match_indices(clause, party) {
            let rest = &clause[i + party.len()..];
            let rest = ["企業", "会社", "社"]
                .iter()
                .find_map(|f| rest.strip_prefix(f))
                .unwrap_or(rest);
            if rest.starts_with("経由") {
                let end = clause.len() - rest.len() + "経由".len();
                found.push(Qualifier::new(Kind::Others, &clause[i..end]));
            }
        }
    }
    for party in PARTIES_JA {
        for (i, _) in held.match_indices(clause, party) {
            let mut rest = clause[i + party.len()..].trim_start();
            loop {
                if let Some(d) = PARTY_DOES_JA.iter().find(|d| rest.starts_with(*d)) {
                    // the words as written, fillers between them too (`IaaS事業者が実施`)
                    let end = clause.len() - rest.len() + d.len();
                    // a party's thing (`AWSの設定`) the service itself does something to
                    // (`は当社で管理`): the party is the object (review 11 C-15)
                    if clause[i..end].contains('の')
                        && ["実施", "対応", "設定", "提供"].contains(d)
                        && self_does_after(&clause[end..])
                    {
                        break;
                    }
                    found.push(Qualifier::new(Kind::Others, &clause[i..end]));
                    break;
                }
                match PARTY_FILLER_JA.iter().find(|f| rest.starts_with(*f)) {
                    Some(f) => rest = rest[f.len()..].trim_start(),
                    None => break,
                }
            }
        }
    }
    found
}

/// Whether the text after a party's words names the service itself doing it (`は当社で管理`,
/// `を自社が設定`).
fn self_does_after(rest: &str) -> bool {
    ["当社", "弊社", "自社", "本サービス", "当サービス"]
        .iter()
        .flat_map(|w| rest.match_indices(w))
        .any(|(i, w)| {
            let after = &rest[i + w.len()..];
            ["で", "が", "にて", "において", "自身"]
                .iter()
                .any(|p| after.starts_with(p))
                && !["ない", "無い", "せず", "なし"]
                    .iter()
                    .any(|n| after.contains(n))
        })
}

/// The service underneath by name or kind (`IaaS`, `AWS`, `さくら`, `データセンター事業者`):
/// a remark saying the control relies on or uses it (`IaaS事業者の統制に依拠`,
/// `AWSのデータセンターを利用`) credits the service with the underlying one's control, whose
/// registration only a profile's `inherits:` checks (review 11 A-19). Not the customer
/// (`利用者`), nor a bare `基盤` or `データセンター` (`認証基盤を利用`, `自社データセンターを利用`
/// are the service's own).
const UNDERLYING_JA: &[&str] = &[
    "iaas",
    "paas",
    "aws",
    "amazon web services",
    "azure",
    "gcp",
    "google cloud",
    "oracle cloud",
    "oci",
    "さくら",
    "クラウド事業者",
    "クラウド基盤",
    "基盤事業者",
    "データセンター事業者",
    "データセンタ事業者",
    "ホスティング事業者",
];

/// What says the control relies on the service underneath, at the end of the noun phrase
/// after it (`…の統制に依拠`, `… KMSを利用`, `…のもの`).
const RELIES_JA: &[&str] = &[
    "に依拠",
    "に依存",
    "を利用",
    "を使用",
    "を活用",
    "で確認",
    "のもの",
    "に頼",
];

/// `IaaS事業者の統制に依拠`, `AWS KMSを利用`, `IaaSのスナップショット機能に依存`: the service
/// underneath, then a noun phrase (no particle but `の`, no punctuation but an aside in
/// brackets: `AWS上で稼働する…を利用`
/// describes the service's own control), then a verb of relying or using.
fn relies_ja(clause: &str) -> Vec<Qualifier> {
    let held = CharSet::of(clause);
    let mut found = Vec::new();
    for party in UNDERLYING_JA {
        for (i, _) in held.match_indices(clause, party) {
            let ascii = party.is_ascii();
            let end = i + party.len();
            // `aws` in `laws`, `oci` in `social`: an ASCII name stands apart
            if ascii
                && (clause[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_alphanumeric())
                    || clause[end..]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_alphanumeric()))
            {
                continue;
            }
            let mut rest = &clause[end..];
            while !rest.is_empty() {
                if let Some(v) = RELIES_JA.iter().find(|v| rest.starts_with(*v)) {
                    let stop = clause.len() - rest.len() + v.len();
                    found.push(Qualifier::new(Kind::Others, &clause[i..stop]));
                    break;
                }
                let Some(c) = rest.chars().next() else { break };
                // an aside in brackets (`IaaS（ISMAP登録済）のデータセンターを利用`)
                if c == '(' {
                    match rest.find(')') {
                        Some(k) => {
                            rest = &rest[k + 1..];
                            continue;
                        }
                        None => break,
                    }
                }
                let noun = c == 'の'
                    || c == ' '
                    || c.is_alphanumeric() && !('\u{3041}'..='\u{309f}').contains(&c);
                if !noun {
                    break;
                }
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    found
}

const PARTIES_EN: &[&str] = &[
    "customer",
    "customers",
    "customer's",
    "customers'",
    "tenant",
    "tenants",
    "tenant's",
    "client",
    "clients",
    "client's",
    "iaas",
    "paas",
    "aws",
    "azure",
    "gcp",
    "provider",
    "provider's",
    "platform",
    "underlying",
    "hosting",
    "host",
    "vendor",
    "vendor's",
    "user's",
    "users'",
    // a vendor by name, a partner the service is offered through (review 23 A-11)
    "microsoft",
    "google",
    "oracle",
    "amazon",
    "partner",
    "partners",
    "partner's",
    "reseller",
    "resellers",
    "distributor",
    "integrator",
];

const PARTY_DOES_EN: &[&str] = &[
    "responsibility",
    "responsible",
    "side",
    "managed",
    "configured",
    "configures",
    "configure",
    "must",
    "should",
    "needs",
    "need",
    "owned",
    "controlled",
    "provides",
    "provided",
    "performs",
    "performed",
    "handles",
    "handled",
    "manages",
    "implements",
    "implemented",
    "operates",
    "operated",
    "level",
    "layer",
    // the customer's to turn on or choose (`Customer configurable`: review 23 A-11)
    "configurable",
    "enabled",
    "defined",
    "selectable",
    "selected",
    "choice",
    "option",
    "optional",
    "setting",
    "settings",
    "action",
    "initiated",
    "driven",
    "dependent",
];

fn is_party_en(w: &str) -> bool {
    PARTIES_EN.contains(&w)
}

fn others_en(words: &[&str]) -> Vec<Qualifier> {
    let mut found = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let next = words.get(i + 1).copied();
        let after_the = |k: usize| {
            words[k..]
                .iter()
                .find(|n| !matches!(**n, "the" | "a" | "an" | "our" | "each" | "their"))
                .copied()
        };
        let hit = match *w {
            _ if w.starts_with("inherit") => true,
            "shared" | "joint" => next.is_some_and(|n| n.starts_with("responsib")),
            "jointly" => true,
            "responsibility" | "responsibilities" | "responsible" => {
                next == Some("shared")
                    || (next == Some("of") && after_the(i + 2).is_some_and(is_party_en))
                    || (i > 0 && matches!(words[i - 1], "user" | "users" | "user's"))
            }
            "by" | "on" | "from" | "to" => {
                after_the(i + 1).is_some_and(is_party_en)
                    && (*w == "by"
                        || (i > 0
                            && matches!(
                                words[i - 1],
                                "relies"
                                    | "rely"
                                    | "relying"
                                    | "depends"
                                    | "dependent"
                                    | "delegated"
                                    | "left"
                                    | "inherited"
                                    | "outsourced"
                            )))
            }
            _ if PARTIES_EN.contains(w) => next.is_some_and(|n| PARTY_DOES_EN.contains(&n)),
            // offered through a partner or another company (`Via partner`, `via AWS`), not
            // a means (`via VPN`, `via the customer portal`)
            "via" => words[i + 1..]
                .iter()
                .position(|n| !matches!(*n, "the" | "a" | "an" | "our" | "their"))
                .is_some_and(|k| {
                    let party = words[i + 1 + k];
                    is_party_en(party)
                        && !matches!(party, "platform" | "host" | "hosting")
                        && words.get(i + 2 + k).is_none_or(|n| {
                            matches!(*n, "only" | "and" | "or" | "company" | "companies")
                        })
                }),
            // `Uses AWS CloudTrail`, `Leverages the IaaS's controls`: the service underneath
            // (review 11 A-19)
            "uses" | "use" | "using" | "used" | "leverages" | "leverage" | "leveraging" => {
                after_the(i + 1).is_some_and(|n| {
                    matches!(
                        n.trim_end_matches("'s"),
                        "iaas" | "paas" | "aws" | "azure" | "gcp" | "amazon"
                    )
                })
            }
            _ => false,
        };
        if hit {
            let word = match next {
                Some(n) if !w.starts_with("inherit") => format!("{w} {n}"),
                _ => (*w).to_owned(),
            };
            found.push(Qualifier::new(Kind::Others, &word));
        }
    }
    found
}

/// A clause naming a party and nothing else (`Customer`, `AWS`, `The vendor`, `お客様`,
/// `AWS社`, `パートナー`): it names who does it (review 23 A-11). A party with more words is
/// read by [`others_ja`] and [`others_en`] (`Customer data is encrypted` describes the
/// control's object).
fn party_alone(clause: &str) -> Option<Qualifier> {
    // a label (`Customer:`, `顧客：`) names what follows
    if clause.trim_end().ends_with([':', '：']) {
        return None;
    }
    let t = clause
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .trim();
    if t.is_empty() {
        return None;
    }
    // the service's own maker may be called so (`Provider`, `事業者`, `ベンダー`: the
    // words a column of who implements reads as the service's, [`names_only_self`]); a
    // Japanese generic word alone is rather a label (`テナント`, `利用者`: `お客様` is none)
    const MAYBE_SELF: &[&str] = &[
        "provider",
        "provider's",
        "vendor",
        "vendor's",
        "platform",
        "host",
        "hosting",
        "underlying",
        "事業者",
        "クラウド事業者",
        "プロバイダ",
        "提供元",
        "ベンダー",
        "ベンダ",
        "基盤",
        "データセンター",
        "データセンタ",
        // a label's word above a table or in a header (`テナント | 専用`, `利用者 | 社内`)
        "顧客",
        "利用者",
        "利用企業",
        "利用組織",
        "ユーザー",
        "ユーザ",
        "テナント",
        "カスタマー",
        "カスタマ",
    ];
    let words = ascii_words(t);
    let ascii_only = t.chars().all(|c| c.is_ascii() || !c.is_alphanumeric());
    let party = |w: &str| is_party_en(w) && !MAYBE_SELF.contains(&w);
    if ascii_only
        && words.iter().any(|w| party(w))
        && words
            .iter()
            .all(|w| party(w) || matches!(*w, "the" | "a" | "an" | "side"))
    {
        return Some(Qualifier::new(Kind::Others, &words.join(" ")));
    }
    let bare = ["側", "様", "さま", "社", "各社", "企業"]
        .iter()
        .fold(t, |t, f| t.strip_suffix(f).unwrap_or(t))
        .trim();
    [t, bare]
        .iter()
        .any(|w| PARTIES_JA.contains(w) && !MAYBE_SELF.contains(w))
        .then(|| Qualifier::new(Kind::Others, t))
}

/// Verbal nouns whose 〜中 says the work is under way, not done (`対応中`, `是正中`); not
/// `運用中` (in operation).
const UNDER_WAY_JA: &[&str] = &[
    "対応",
    "検討",
    "準備",
    "調整",
    "構築",
    "整備",
    "導入",
    "実施",
    "移行",
    "作成",
    "策定",
    "改善",
    "是正",
    "対策",
    "設計",
    "開発",
    "申請",
    "手配",
    "選定",
    "計画",
    "確認",
    "見直し",
    "修正",
    "実装",
    "展開",
    "適用",
    "取得",
    "交渉",
    "締結",
    "評価",
    "試行",
    "検証",
    "審査",
    "協議",
    "進行",
    "着手",
    // a record being updated (`（更新中）`: review 23 A-16)
    "更新",
];

fn deferral_ja(clause: &str) -> Vec<Qualifier> {
    let held = CharSet::of(clause);
    // what reads like a deferral and is not: a practice that goes on (`今後も継続`,
    // `今後も引き続き実施`)
    let plain = clause
        .replace("今後も継続", "継続")
        .replace("今後も引き続き", "引き続き");
    let mut found: Vec<Qualifier> = [
        "予定",
        "計画段階",
        "今後",
        "将来",
        "次年度",
        "来年度",
        "来期",
        "今期中",
        "年度中",
        "年度内",
        "年度末",
        "年度以降",
        "次回以降",
        "上期中",
        "下期中",
        "見込",
        "目途",
        "目処",
        "めど",
        "順次",
        "段階的",
        "猶予",
        "保留",
        "途中",
        "残課題",
        "残作業",
        "残件",
        "先送り",
        "延期",
        "未了",
        "未開始",
        "運用前",
        "運用開始前",
        "稼働開始前",
        "次回更新",
        "次回対応",
        "次回改訂",
        "実施不可",
        "対応不可",
        "導入不可",
        "実装不可",
        "適用不可",
        "不可能",
        "実施不能",
        "対応不能",
        // on trial, not in operation yet
        "試行",
        "試験運用",
        "試験導入",
        "パイロット",
        "概念実証",
        // a trial release; on the roadmap, which is a plan (review 25 A-13, A-14:
        // `トライアル`, `CSPのロードマップに記載`; English `trial`, `roadmap` as
        // [`deferral_en`])
        "トライアル",
        "ロードマップ",
        // a transitional arrangement in place of the control (review 22 A-9)
        "経過措置",
        // work started, not done (`着手済`, `対応着手`, `対応開始済`: review 23 A-3) — not
        // `運用開始`, `提供開始` (in operation)
        "着手済",
        "着手",
        // decided against (the risk accepted instead: [`CONDITIONED`])
        "見送",
        // a time to come
        "下期",
        "翌年度",
        "翌期",
        "年内",
        "次期",
        "次回リリース",
        "来月",
        "来週",
    ]
    .iter()
    .filter(|w| plain.contains(*w))
    .map(|w| Qualifier::new(Kind::Deferral, w))
    .collect();
    // work started, not done (`対応開始済`, `是正作業開始`: review 23 A-3) — not `運用開始`,
    // `提供開始` (in operation), nor a time (`作業開始前に承認`, `対応開始時`)
    for w in [
        "対応開始",
        "作業開始",
        "是正開始",
        "改善開始",
        "修正開始",
        "構築開始",
        "整備開始",
        "検討開始",
        "準備開始",
        "移行開始",
    ] {
        if plain.match_indices(w).any(|(i, _)| {
            let rest = &plain[i + w.len()..];
            !(rest.starts_with(['前', '時', '後', '日'])
                || rest.starts_with("から")
                || rest.starts_with("まで"))
        }) {
            found.push(Qualifier::new(Kind::Deferral, w));
        }
    }
    // put off to a next time, version or release (`次回監査で対応`, `次回見直しで対応`,
    // `次バージョンで対応`: review 23 A-2) — not a next review's date alone (`次回見直し
    // 2027年3月`) nor work done (`次回監査で対応済`)
    if let Some(w) = put_off_to_next(clause) {
        found.push(Qualifier::new(Kind::Deferral, w));
    }
    // in a fiscal year (`2027年度に実施`), unless done already (`2024年度に導入済み`)
    if held.contains(clause, "年度に")
        && !["済", "完了", "した"]
            .iter()
            .any(|d| held.contains(clause, d))
    {
        found.push(Qualifier::new(Kind::Deferral, "年度に"));
    }
    // in a phase (`第2期で導入`, `フェーズ2`), unless done already (`第1期で導入済み`)
    let numbered = clause
        .match_indices('第')
        .find_map(|(i, w)| {
            let rest = &clause[i + w.len()..];
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            // a quarter too (`第2四半期`, review 11 A-2)
            let unit_len = if rest[digits..].starts_with("四半期") {
                "四半期".len()
            } else {
                rest[digits..]
                    .chars()
                    .next()
                    .filter(|c| matches!(c, '期' | '弾' | '段'))?
                    .len_utf8()
            };
            (digits > 0).then(|| &clause[i..i + w.len() + digits + unit_len])
        })
        .or_else(|| {
            // a numbered phase (`フェーズ2`), not a phase of work (`開発フェーズで確認`)
            held.match_indices(clause, "フェーズ").find_map(|(i, w)| {
                let rest = &clause[i + w.len()..];
                let digits = rest.chars().take_while(char::is_ascii_digit).count();
                (digits > 0).then(|| &clause[i..i + w.len() + digits])
            })
        });
    if let Some(phase) = numbered {
        if !["済", "完了", "した"]
            .iter()
            .any(|d| held.contains(clause, d))
        {
            found.push(Qualifier::new(Kind::Deferral, phase));
        }
    }
    // 未 standing alone (`自動化は未`, `（一部未）`): not done
    if clause.char_indices().any(|(i, c)| {
        c == '未'
            && clause[i + c.len_utf8()..]
                .chars()
                .next()
                .is_none_or(|n| matches!(n, '）' | ')' | '、' | ',' | '。' | ' ' | '/' | '・'))
    }) {
        found.push(Qualifier::new(Kind::Deferral, "未"));
    }
    for w in UNDER_WAY_JA {
        if held.may_hold(w) && holds_apart(clause, &format!("{w}中"), &[]) {
            found.push(Qualifier::new(Kind::Deferral, &format!("{w}中")));
        }
    }
    // by a date to come: 9月までに, 年度末までに
    for (i, _) in held.match_indices(clause, "までに") {
        if clause[..i].ends_with(['年', '月', '期', '末', '度']) {
            found.push(Qualifier::new(Kind::Deferral, "までに"));
        }
    }
    // not (yet) done: 〜ていない, 〜ておらず; but a check for an absence is a description
    // (`インストールされていないことを確認`)
    for w in [
        "ていない",
        "でいない",
        "ておらず",
        "でおらず",
        "ていません",
        "ておりません",
        "てない",
        "できていない",
    ] {
        for (i, _) in held.match_indices(clause, w) {
            let after = &clause[i + w.len()..];
            if !(after.starts_with("こと") || after.starts_with('か')) {
                found.push(Qualifier::new(Kind::Deferral, w));
            }
        }
    }
    found
}

/// The next time, version or release a clause puts work off to (`次回監査で対応`,
/// `次バージョンで対応`, `次期リリースで是正`): one of them, then a word of doing not followed by
/// `済` or `完了`.
fn put_off_to_next(clause: &str) -> Option<&'static str> {
    let held = CharSet::of(clause);
    const NEXT: &[&str] = &[
        "次回",
        "次期",
        "次版",
        "次バージョン",
        "次のバージョン",
        "次リリース",
        "次のリリース",
        "次の監査",
        "次の見直し",
        "次の更新",
    ];
    const DOING: &[&str] = &[
        "対応", "実施", "是正", "改善", "修正", "導入", "実装", "反映", "整備", "構築", "改訂",
        "追加", "適用", "解消",
    ];
    NEXT.iter().copied().find(|n| {
        held.match_indices(clause, n).any(|(i, _)| {
            let after = &clause[i + n.len()..];
            DOING.iter().any(|d| {
                after.match_indices(d).any(|(j, _)| {
                    let rest = &after[j + d.len()..];
                    !(rest.starts_with('済')
                        || rest.starts_with("完了")
                        || rest.starts_with("した"))
                })
            })
        })
    })
}

fn deferral_en(words: &[&str]) -> Vec<Qualifier> {
    let mut found = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let next = words.get(i + 1).copied().unwrap_or("");
        let year_like = |s: &str| {
            s.len() == 4 && s.starts_with("20") && s.chars().all(|c| c.is_ascii_digit())
                || s.starts_with("fy")
                || s.starts_with('q') && s.len() == 2
        };
        let hit = match *w {
            // on trial, on hold
            "pilot" | "piloting" | "piloted" | "trial" | "trialing" | "trialling" | "poc" => true,
            // a time to come (`Coming Q3`, `Coming in 2027`, `Coming later`: review 25
            // A-13), not what comes in (`logs coming from each host`)
            "coming" => {
                year_like(next)
                    || matches!(next, "later" | "next" | "this" | "h1" | "h2")
                    || next == "in" && words.get(i + 2).is_some_and(|w| year_like(w))
            }
            "hold" => i.checked_sub(1).map(|p| words[p]) == Some("on"),
            "pending" | "tbd" | "tba" | "roadmap" | "upcoming" | "future" | "deferred"
            | "postponed" | "backlog" | "eta" | "underway" | "wip" | "targeted" | "interim"
            | "todo" => true,
            // not planned maintenance (a description)
            "planned" => !matches!(next, "maintenance" | "outage" | "outages" | "downtime"),
            // expected later, not a description of what is expected of someone
            "expected" | "expecting" | "scheduled" => {
                i.checked_sub(1).map(|p| words[p]) != Some("as") && !matches!(next, "of" | "to")
            }
            // a phase to come (`phase 2`), a plan that is not there (`no plan`)
            "phase" => next.chars().all(|c| c.is_ascii_digit()) && !next.is_empty(),
            // a target time (`Target Q2`, `Target date 2026-06`), review 11 A-2
            "target" => year_like(next) || next == "date",
            "plan" | "plans" => i.checked_sub(1).map(|p| words[p]) == Some("no"),
            // not `no later than`
            "later" => next != "than" && i.checked_sub(1).map(|p| words[p]) != Some("no"),
            // not findings settled (`findings remediated`, `all gaps were remediated`)
            _ if w.starts_with("remediat") => {
                *w != "remediated"
                    || !words[..i]
                        .iter()
                        .rev()
                        .find(|p| {
                            !matches!(
                                **p,
                                "were" | "was" | "have" | "has" | "been" | "all" | "fully"
                            )
                        })
                        .is_some_and(|p| {
                            matches!(
                                *p,
                                "finding"
                                    | "findings"
                                    | "gap"
                                    | "gaps"
                                    | "issue"
                                    | "issues"
                                    | "deviation"
                                    | "deviations"
                            )
                        })
            }
            "not" => next == "yet",
            // in a year or quarter to come, not one past (`implemented in 2023`; `will be
            // implemented in Q3` is a deferral by its `will be`)
            "in" => {
                next == "progress"
                    || year_like(next)
                        && !words.iter().any(|w| {
                            matches!(
                                *w,
                                "implemented"
                                    | "completed"
                                    | "introduced"
                                    | "deployed"
                                    | "done"
                                    | "established"
                                    | "since"
                                    | "achieved"
                            )
                        })
            }
            "to" => matches!(next, "be" | "do"),
            "will" | "shall" => matches!(next, "be" | "implement" | "introduce" | "deploy"),
            "next" => matches!(
                next,
                "year" | "quarter" | "release" | "fiscal" | "fy" | "phase" | "month"
            ),
            "by" | "until" | "before" => {
                year_like(next)
                    || next == "end"
                    || (next == "the" && words.get(i + 2).is_some_and(|n| *n == "end"))
            }
            _ if w.starts_with("fy")
                && w.len() > 2
                && w[2..].chars().all(|c| c.is_ascii_digit()) =>
            {
                true
            }
            _ => false,
        };
        if hit {
            let word = match *w {
                "not" | "in" | "to" | "will" | "shall" | "next" | "by" | "until" | "before"
                | "phase" | "target" => {
                    format!("{w} {next}")
                }
                "plan" | "plans" => format!("no {w}"),
                "hold" => "on hold".to_owned(),
                _ => (*w).to_owned(),
            };
            found.push(Qualifier::new(Kind::Deferral, &word));
        }
    }
    found
}

/// Words that make `のみ`, `限定`, `以外` a policy (who may do what: `管理者のみアクセス可`,
/// `管理者以外の操作を禁止`) rather than a limit of where the control is implemented.
const PERMISSION_JA: &[&str] = &[
    "許可",
    "付与",
    "認め",
    "禁止",
    "不可",
    "アクセス",
    "接続",
    "閲覧",
    "ログイン",
    "操作",
    "実行",
    "持込",
    "持ち込",
    "持出",
    "持ち出",
    "インストール",
    "割当",
    "割り当",
    "保存",
    "保管",
    "参照",
    "変更可",
    "使用可",
    "利用可能とする",
    // who may use a tool, or how (review 12 C-1: `特権IDの利用は承認された作業時のみ`,
    // `ユーティリティの利用は管理者に限る`, `導入は構成管理ツール経由に限定`)
    "の利用は",
    "の使用は",
    "経由",
];

/// Words that make a limit one of where the control is implemented (`対象を本番に限定`).
const SCOPE_OBJECT_JA: &[&str] = &[
    "対象",
    "範囲",
    "適用",
    "リージョン",
    "拠点",
    "地域",
    "サービス",
    "データセンタ",
];

fn scope_ja(clause: &str) -> Vec<Qualifier> {
    let held = CharSet::of(clause);
    let mut found = Vec::new();
    // as far as the work needs (`業務上必要な範囲でのみ権限を付与`): least privilege, the
    // control itself, not a part of the service
    let objects = ["業務上必要な範囲", "必要な範囲", "必要最小限の範囲"]
        .iter()
        .fold(clause.to_owned(), |c, w| c.replace(w, ""));
    // the use of a measure of the control (`MFAの利用は管理者のみ`) limited is a limit of the
    // control, not a policy on who may use a tool
    let measure = [
        "mfa",
        "多要素",
        "二要素",
        "2要素",
        "暗号",
        "認証",
        "ログ",
        "バックアップ",
        "監視",
        "パッチ",
        "ウイルス",
        "マルウェア",
        "edr",
        "waf",
        "ファイアウォール",
    ]
    .iter()
    .any(|m| held.contains(clause, m));
    let policy = PERMISSION_JA
        .iter()
        .filter(|p| !(measure && matches!(**p, "の利用は" | "の使用は" | "経由")))
        .any(|p| held.contains(clause, p))
        && !SCOPE_OBJECT_JA.iter().any(|s| objects.contains(s));
    // `必要に応じ` beside a fixed practice (`年1回及び必要に応じて`) adds to it (review 12 C-1)
    let fixed = [
        "年1回",
        "年2回",
        "年次",
        "毎年",
        "定期",
        "毎月",
        "月次",
        "月1回",
        "四半期",
        "週次",
        "毎週",
        "日次",
        "毎日",
        "常時",
        "継続的",
    ]
    .iter()
    .any(|w| held.contains(clause, w));
    // in principle forbidden (`原則禁止`, `原則として行わない`): a prohibition, a policy
    let forbids = |after: &str| {
        let after = after
            .trim_start_matches("として")
            .trim_start_matches("的に")
            .trim_start_matches(['、', ',', ' ']);
        ["禁止", "不可", "行わない", "しない", "認めない", "認めず", "許可しない"]
            .iter()
            .any(|w| after.starts_with(w))
            // `原則として媒体の持ち出しを禁止`: the prohibition at the clause's end
            || (!after.contains('は') && after.trim_end().ends_with("禁止"))
    };
    let in_principle_forbidden = held.contains(clause, "原則")
        && clause
            .match_indices("原則")
            .all(|(i, _)| forbids(&clause[i + "原則".len()..]));
    for w in ["のみ", "だけ", "限定", "限る", "限り", "限ら", "以外"] {
        if holds_apart(clause, w, &["限らず", "のみならず", "だけでなく"]) && !policy {
            found.push(Qualifier::new(Kind::Scope, w));
        }
    }
    for w in [
        "補完的",
        "補完統制",
        "代替策",
        "代替統制",
        "代替的",
        "含まない",
        "含まず",
        "含めない",
        "除く",
        "除き",
        "除いて",
        "除外",
        "一部",
        "部分的",
        "部分実施",
        "ただし",
        "但し",
        "原則として",
        "原則的",
        "原則、",
        "原則,",
        "基本的に",
        "条件付",
        "条件つき",
        "条件次第",
        "範囲外",
        "代替策",
        "代替措置",
        "代替統制",
        "代替コントロール",
        "代替的",
        // mostly, for the main part
        "概ね",
        "おおむね",
        "ほぼ",
        "大部分",
        "大半",
        "主要な",
        // as far as it goes, in the normal case, when needed
        "なるべく",
        "極力",
        // within what it can (`可能な範囲で`, `できる範囲で`: review 25 A-13)
        "可能な範囲",
        "できる範囲",
        "出来る範囲",
        "努める",
        "努めて",
        "努力",
        "通常は",
        "必要に応じ",
        // (for who pays or asks for it: [`CONDITIONED`], one vocabulary for both languages)
        // another measure in its place (`手作業で代替`), not a substitute site or means
        // the control provides (`代替拠点を確保`)
        "で代替",
        "により代替",
        "によって代替",
        "代わりに",
        "かわりに",
        // in general (`一般に実施`), not to the public (`一般に公開`)
        "一般的に",
        "一般的な場合",
        "一般には",
        "一般に実施",
        "いちぶ",
    ] {
        if held.contains(clause, w) && !none_of(clause, w) {
            if (w == "必要に応じ" && fixed) || (w.starts_with("原則") && in_principle_forbidden)
            {
                continue;
            }
            found.push(Qualifier::new(Kind::Scope, w));
        }
    }
    // one environment or named region of the service where it is done (`本番環境で実施`,
    // `検証環境は別`, `対象: 東京リージョン`); not where the control's means lie
    // (`大阪リージョンへ複製`), nor several named (`本番環境と開発環境を分離`), nor all
    // (`全環境`, `両方`)
    const PARTS: [&str; 12] = [
        "本番環境",
        "検証環境",
        "開発環境",
        "テスト環境",
        "ステージング環境",
        "本番系",
        "検証系",
        "開発系",
        "東京リージョン",
        "大阪リージョン",
        "東日本リージョン",
        "西日本リージョン",
    ];
    const WHERE_DONE: [&str; 12] = [
        "で実施",
        "で運用",
        "で対応",
        "で適用",
        "に適用",
        "にて実施",
        "は別",
        "は未",
        "は対象外",
        "を対象",
        "が対象",
        "のみ",
    ];
    let named: Vec<&str> = PARTS
        .into_iter()
        .filter(|p| held.contains(clause, p))
        .collect();
    let all = [
        "全環境",
        "全リージョン",
        "全ての",
        "すべての",
        "各環境",
        "各リージョン",
        "両方",
        "両環境",
        "両リージョン",
        "いずれの",
        "いずれも",
    ]
    .iter()
    .any(|a| held.contains(clause, a));
    if let [part] = named.as_slice() {
        let limits = held.match_indices(clause, part).any(|(i, _)| {
            let after = clause[i + part.len()..].trim_start();
            after.is_empty() || WHERE_DONE.iter().any(|w| after.starts_with(w))
        });
        if limits && !all {
            found.push(Qualifier::new(Kind::Scope, part));
        }
    }
    // in principle (`原則実施`), not a principle named (`最小権限の原則に基づき`)
    if holds_apart(clause, "原則", &["の原則", "原則に"])
        && !in_principle_forbidden
        && !found.iter().any(|q| q.word.starts_with("原則"))
    {
        found.push(Qualifier::new(Kind::Scope, "原則"));
    }
    // an exception, unless there is none (`例外なし`, `例外は認めない`)
    for (i, _) in held.match_indices(clause, "例外") {
        let after = clause[i + "例外".len()..].trim_start();
        let none = [
            "なし",
            "無し",
            "なく",
            "がない",
            "はない",
            "は認め",
            "を認め",
            "は設け",
            "を設け",
            "禁止",
            "不可",
            "は一切",
            "を一切",
        ]
        .iter()
        .any(|n| after.starts_with(n));
        // an exception process, part of the control (`例外は情報セキュリティ委員会が承認`)
        let approved = (after.starts_with('は') || after.starts_with("の申請"))
            && after.contains("承認")
            && !["はある", "はあり", "は有", "は一部"]
                .iter()
                .any(|w| after.starts_with(w))
            && !["未承認", "承認待", "承認前"]
                .iter()
                .any(|w| after.contains(w));
        if !none && !approved {
            found.push(Qualifier::new(Kind::Scope, "例外"));
        }
    }
    found
}

const PERMISSION_EN: &[&str] = &[
    "access",
    "accessible",
    "login",
    "logon",
    "log",
    "permitted",
    "permission",
    "permissions",
    "allowed",
    "allow",
    "allows",
    "granted",
    "grant",
    "authorized",
    "authorised",
    "can",
    "may",
    "rights",
    "privileges",
    "privileged",
];

const SCOPE_OBJECT_EN: &[&str] = &[
    "region",
    "regions",
    "scope",
    "offering",
    "offerings",
    "service",
    "services",
    "location",
    "locations",
    "datacenter",
    "datacenters",
    "country",
    "countries",
    "site",
    "sites",
];

fn scope_en(words: &[&str]) -> Vec<Qualifier> {
    let mut found = Vec::new();
    let policy = words.iter().any(|w| PERMISSION_EN.contains(w))
        && !words.iter().any(|w| SCOPE_OBJECT_EN.contains(w));
    for (i, w) in words.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| words[p]);
        let next = words.get(i + 1).copied().unwrap_or("");
        let none_before = prev.is_some_and(|p| matches!(p, "no" | "without" | "zero"));
        let hit = match *w {
            "only" | "limited" | "restricted" | "solely" => !policy,
            _ if w.starts_with("except") || w.starts_with("exclu") => !none_before,
            "partial" | "partially" | "partly" | "some" | "subset" | "however" | "although"
            | "unless" | "conditional" | "conditionally" | "depending" => true,
            "applicable" => prev.is_some_and(|p| matches!(p, "where" | "when" | "if" | "as")),
            "possible" | "feasible" | "practicable" => {
                prev.is_some_and(|p| matches!(p, "where" | "when" | "if" | "as"))
            }
            // not for a part of the service (`Not for the dev environment`)
            "for" => prev == Some("not"),
            "principle" => prev == Some("in"),
            // for the most part, in the usual case, at extra cost
            "mostly" | "largely" | "mainly" | "predominantly" | "usually" | "normally"
            | "generally" => true,
            "subject" => next == "to",
            "part" => prev == Some("in"),
            "effort" | "efforts" => prev == Some("best"),
            // `Best endeavours`, `reasonable endeavors` (review 25 A-13)
            "endeavour" | "endeavours" | "endeavor" | "endeavors" => {
                prev.is_some_and(|p| matches!(p, "best" | "reasonable"))
            }
            "compensating" | "compensatory" | "alternative" => true,
            // one named region of the service, as the whole remark or where it is done
            // (`Tokyo region`, `in the Tokyo region`), not where its means lie (`replicated
            // to the Osaka region`)
            "region" | "regions" => {
                prev.is_some_and(|p| {
                    matches!(
                        p,
                        "tokyo"
                            | "osaka"
                            | "us"
                            | "eu"
                            | "japan"
                            | "japanese"
                            | "apac"
                            | "emea"
                            | "asia"
                            | "european"
                            | "american"
                            | "domestic"
                            | "overseas"
                    )
                }) && (i + 1 == words.len() || matches!(next, "only" | "is" | "in"))
                    && !words.iter().any(|w| {
                        matches!(
                            *w,
                            "all" | "every" | "each" | "both" | "to" | "into" | "from" | "and"
                        )
                    })
            }
            "depends" | "dependent" => next == "on",
            "case" => next == "by",
            _ => false,
        };
        if hit {
            let word = match (*w, prev) {
                ("for", _) => "not for".to_owned(),
                ("subject", _) => "subject to".to_owned(),
                ("possible" | "feasible" | "practicable", Some(p)) => format!("{p} {w}"),
                _ => (*w).to_owned(),
            };
            found.push(Qualifier::new(Kind::Scope, &word));
        }
    }
    found
}

/// Words that condition a statement of implemented, whatever else the remark says, in both
/// languages — one vocabulary, each meaning with its Japanese and English words side by side
/// (review 23 A-11: `Paid option` passed where `有償` was refused): paid, an option, an add-on
/// or a plan (`有償`, `オプション`, `アドオン`, `Paid option`, `Add-on`, `Extra cost`,
/// `Premium`, `Enterprise`), on only when turned on or asked for (`オプトイン`, `要設定`,
/// `申請により提供`, `Opt-in`, `If enabled`, `On request`) — a scope limit; a preview, a
/// temporary measure, soon, the risk accepted (`ベータ版`, `一時的`, `暫定`, `近日`,
/// `リスク受容`, `Beta`, `Preview`, `Temporary`, `Coming soon`, `Accepted risk`) — a deferral.
/// English words are matched at a word's start, whole unless they end in `*` (`optional*`:
/// `optional`, `optionally`; not `adoption`); none is read after `no`, `not`,
/// `without` or `zero` (`at no extra cost`), nor a Japanese one followed by `なし`
/// (`追加費用なし`). The words of a plan or an edition are not read beside one that says every
/// plan (`全プラン`, `all plans`); those of a temporary thing the control is about
/// (`一時的なアカウント`, `Temporary credentials`: [`TEMPORARY_THINGS`]) neither.
const CONDITIONED: &[(&str, Kind)] = &[
    // paid, an option, an add-on, another contract
    ("オプション", Kind::Scope),
    // (`options` alone names choices: `MFA options: TOTP, FIDO2`)
    ("option", Kind::Scope),
    ("optional*", Kind::Scope),
    ("有償", Kind::Scope),
    ("有料", Kind::Scope),
    ("paid", Kind::Scope),
    ("アドオン", Kind::Scope),
    ("add-on*", Kind::Scope),
    ("addon*", Kind::Scope),
    ("add on", Kind::Scope),
    ("追加費用", Kind::Scope),
    ("追加料金", Kind::Scope),
    ("別料金", Kind::Scope),
    ("別途費用", Kind::Scope),
    ("別途料金", Kind::Scope),
    ("追加ライセンス", Kind::Scope),
    ("extra cost*", Kind::Scope),
    ("additional cost*", Kind::Scope),
    ("costs extra", Kind::Scope),
    ("extra charge*", Kind::Scope),
    ("additional charge*", Kind::Scope),
    ("extra fee*", Kind::Scope),
    ("additional fee*", Kind::Scope),
    ("surcharge*", Kind::Scope),
    ("chargeable", Kind::Scope),
    ("billed separately", Kind::Scope),
    ("additional licen*", Kind::Scope),
    ("extra licen*", Kind::Scope),
    ("別契約", Kind::Scope),
    ("個別契約", Kind::Scope),
    ("separate contract*", Kind::Scope),
    ("separate agreement*", Kind::Scope),
    // a plan or an edition above another
    ("プレミアム", Kind::Scope),
    ("エンタープライズ", Kind::Scope),
    ("上位プラン", Kind::Scope),
    ("上位エディション", Kind::Scope),
    ("プラン以上", Kind::Scope),
    ("エディション以上", Kind::Scope),
    ("premium", Kind::Scope),
    ("enterprise", Kind::Scope),
    ("higher plan*", Kind::Scope),
    ("higher tier*", Kind::Scope),
    ("business plan*", Kind::Scope),
    ("professional plan*", Kind::Scope),
    ("pro plan*", Kind::Scope),
    ("standard plan*", Kind::Scope),
    ("advanced plan*", Kind::Scope),
    ("paid plan*", Kind::Scope),
    ("paid tier*", Kind::Scope),
    // on only when turned on, asked or applied for (`申請に基づきアカウントを発行` is a
    // procedure run on applications: review 22 A-9)
    ("オプトイン", Kind::Scope),
    ("opt-in", Kind::Scope),
    ("opt in", Kind::Scope),
    ("optin", Kind::Scope),
    ("要設定", Kind::Scope),
    ("設定が必要", Kind::Scope),
    ("有効化が必要", Kind::Scope),
    ("有効化した場合", Kind::Scope),
    ("有効にした場合", Kind::Scope),
    ("設定した場合", Kind::Scope),
    ("if enabled", Kind::Scope),
    ("when enabled", Kind::Scope),
    ("once enabled", Kind::Scope),
    ("if configured", Kind::Scope),
    ("when configured", Kind::Scope),
    ("if activated", Kind::Scope),
    ("when activated", Kind::Scope),
    ("if turned on", Kind::Scope),
    ("if purchased", Kind::Scope),
    ("if subscribed", Kind::Scope),
    ("if licensed", Kind::Scope),
    ("if requested", Kind::Scope),
    ("on request", Kind::Scope),
    ("upon request", Kind::Scope),
    ("by request", Kind::Scope),
    ("off by default", Kind::Scope),
    ("not enabled by default", Kind::Scope),
    ("要望に応じ", Kind::Scope),
    ("要望があれば", Kind::Scope),
    ("申請があれば", Kind::Scope),
    ("依頼があれば", Kind::Scope),
    ("申請ベース", Kind::Scope),
    ("申請により実施", Kind::Scope),
    ("申請に応じて実施", Kind::Scope),
    ("申請により提供", Kind::Scope),
    ("申請により利用", Kind::Scope),
    ("申込により", Kind::Scope),
    ("申し込みにより", Kind::Scope),
    // priced or given case by case, on consultation (review 25 A-13: `個別見積`, `要相談`)
    ("個別見積", Kind::Scope),
    ("別途見積", Kind::Scope),
    ("要見積", Kind::Scope),
    ("要相談", Kind::Scope),
    ("応相談", Kind::Scope),
    ("別途相談", Kind::Scope),
    ("個別相談", Kind::Scope),
    ("on quotation", Kind::Scope),
    ("upon quotation", Kind::Scope),
    ("quote on request", Kind::Scope),
    ("contact sales", Kind::Scope),
    // on only once the customer configures it (`要設定`'s English: review 25 A-13)
    ("requires configuration", Kind::Scope),
    ("requires configuring", Kind::Scope),
    ("configuration required", Kind::Scope),
    ("configuration is required", Kind::Scope),
    ("must be configured", Kind::Scope),
    ("must be enabled", Kind::Scope),
    ("needs to be configured", Kind::Scope),
    ("needs to be enabled", Kind::Scope),
    ("requires enabling", Kind::Scope),
    ("disabled by default", Kind::Scope),
    // off as standard (`既定では無効`'s other word: review 25 A-13)
    ("標準では無効", Kind::Scope),
    ("標準で無効", Kind::Scope),
    ("標準ではオフ", Kind::Scope),
    // a preview, a trial release, a temporary measure
    ("ベータ", Kind::Deferral),
    ("β版", Kind::Deferral),
    // `β` alone, `β提供` (review 25 A-13)
    ("β", Kind::Deferral),
    ("beta", Kind::Deferral),
    ("プレビュー", Kind::Deferral),
    ("preview", Kind::Deferral),
    ("early access", Kind::Deferral),
    ("experimental", Kind::Deferral),
    ("試験的", Kind::Deferral),
    ("暫定", Kind::Deferral),
    ("一時的", Kind::Deferral),
    ("temporar*", Kind::Deferral),
    // soon
    ("近日", Kind::Deferral),
    ("間もなく", Kind::Deferral),
    ("まもなく", Kind::Deferral),
    ("coming soon", Kind::Deferral),
    ("soon", Kind::Deferral),
    // the risk accepted instead
    ("リスク受容", Kind::Deferral),
    ("リスクを受容", Kind::Deferral),
    ("リスクを許容", Kind::Deferral),
    // one risk accepted, not the practice (`Accepted risks are reviewed annually`)
    ("accepted risk", Kind::Deferral),
    ("accepted the risk", Kind::Deferral),
];

/// Temporary things a control is about (`一時的なアカウントは期限付きで発行`, `Temporary
/// credentials expire after 1 hour`): `一時的` or `temporary` before one of them describes
/// the control, not a temporary measure.
const TEMPORARY_THINGS: &[&str] = &[
    "アカウント",
    "id",
    "権限",
    "アクセス",
    "パスワード",
    "ファイル",
    "データ",
    "認証情報",
    "鍵",
    "キー",
    "トークン",
    "利用者",
    "入館",
    "付与",
    "account",
    "accounts",
    "access",
    "credential",
    "credentials",
    "password",
    "passwords",
    "file",
    "files",
    "data",
    "key",
    "keys",
    "token",
    "tokens",
    "privilege",
    "privileges",
    "rights",
    "badge",
    "badges",
    "staff",
    "employees",
    "workers",
    "contractors",
    "visitors",
    "storage",
];

/// The qualifiers of [`CONDITIONED`] of one kind a clause (lower case, width-folded) holds.
fn conditioned(clause: &str, kind: Kind) -> Vec<Qualifier> {
    let every_plan = [
        "全プラン",
        "全てのプラン",
        "すべてのプラン",
        "各プラン",
        "全エディション",
        "全てのエディション",
        "すべてのエディション",
        "all plans",
        "every plan",
        "all editions",
        "every edition",
        "all tiers",
        "every tier",
        "any plan",
    ]
    .iter()
    .any(|w| clause.contains(w));
    // a word not in the clause is passed over before it is searched for
    let held = CharSet::of(clause);
    CONDITIONED
        .iter()
        .filter(|(_, k)| *k == kind)
        .filter_map(|(entry, _)| {
            let (word, stem) = match entry.strip_suffix('*') {
                Some(w) => (w, true),
                None => (*entry, false),
            };
            if !held.may_hold(word) {
                return None;
            }
            let plan = every_plan
                && (["プレミアム", "エンタープライズ", "プラン", "エディション"]
                    .iter()
                    .any(|p| word.contains(p))
                    || ["premium", "enterprise", "plan", "tier"]
                        .iter()
                        .any(|p| word.contains(p)));
            if plan {
                return None;
            }
            let hit = if word.is_ascii() {
                ascii_phrase_at(clause, word, stem)
            } else if !none_of(clause, word) {
                clause.find(word)
            } else {
                None
            };
            let hit = hit.and_then(|at| match word {
                // a temporary thing the control is about
                "一時的" | "temporar" => {
                    let after = clause[at..]
                        .trim_start_matches(|c: char| c.is_alphabetic() && c.is_ascii())
                        .trim_start_matches("一時的")
                        .trim_start_matches(['な', 'に', ' ']);
                    (!TEMPORARY_THINGS.iter().any(|t| after.starts_with(t))).then_some(at)
                }
                // `as soon as possible`, `soon after` are a time the control keeps
                "soon" => (!clause[..at].trim_end().ends_with(" as")
                    && !clause[..at].trim_end().eq("as")
                    && !["as ", "after"]
                        .iter()
                        .any(|w| clause[at + word.len()..].trim_start().starts_with(w)))
                .then_some(at),
                // a plan's name as a plan (`Premium`, `Available in Premium plan`,
                // `Requires Enterprise`, `プレミアムプラン`, `エンタープライズ版のみ`), not a
                // product's name holding it (`Box Enterprise Plus`, `Microsoft 365
                // Enterprise`, `Sample Premium Cloud`), nor `enterprise-wide`, `enterprise risk
                // management`
                "premium" | "enterprise" | "プレミアム" | "エンタープライズ" => {
                    plan_named(clause, at, word).then_some(at)
                }
                // `重要設定`, `主要設定` name settings, not one still to be made
                "要設定" => (!clause[..at].ends_with(['重', '主', '必', '概'])).then_some(at),
                _ => Some(at),
            });
            // a stem as written in full (`temporary`, `optional`)
            hit.map(|at| {
                let end = at
                    + word.len()
                    + clause[at + word.len()..]
                        .find(|c: char| !(stem && c.is_ascii_alphanumeric()))
                        .unwrap_or(clause.len() - at - word.len());
                Qualifier::new(kind, &clause[at..end])
            })
        })
        .collect()
}

/// Whether the plan's name `word` at `at` in `clause` names a plan the statement holds for:
/// the clause's only word (with `only`, `のみ`), before a word of a plan (`plan`, `tier`,
/// `edition`, `license`, `only`, `プラン`, `版`, `エディション`, `のみ`, `限定`, `向け`, `で提供`), or
/// after a word asking for it (`in`, `on`, `for`, `with`, `requires`).
fn plan_named(clause: &str, at: usize, word: &str) -> bool {
    const AFTER_EN: &[&str] = &[
        "plan",
        "plans",
        "tier",
        "tiers",
        "edition",
        "editions",
        "sku",
        "license",
        "licenses",
        "licence",
        "licences",
        "subscription",
        "subscriptions",
        "version",
        "only",
        "customers",
        "users",
        "package",
        "option",
        "options",
        "feature",
        "features",
        "add-on",
        "support",
    ];
    const BEFORE_EN: &[&str] = &[
        "in", "on", "for", "with", "requires", "require", "needs", "need", "to", "via", "under",
    ];
    const AFTER_JA: &[&str] = &[
        "プラン",
        "版",
        "エディション",
        "ライセンス",
        "契約",
        "のみ",
        "限定",
        "向け",
        "以上",
        "で提供",
        "でのみ",
        "で利用",
        "で対応",
        "で実施",
        "にて",
        "に含",
        "の機能",
        "オプション",
    ];
    let after = clause[at + word.len()..].trim_start_matches([' ', '-']);
    let before = clause[..at].trim_end();
    let alone = {
        let around = format!("{before} {after}");
        let rest: Vec<&str> = ascii_words(&around)
            .into_iter()
            .filter(|w| !matches!(*w, "only" | "the" | "a"))
            .collect();
        rest.is_empty()
            && before.chars().all(|c| !c.is_alphanumeric())
            && after
                .trim_start_matches("only")
                .trim_start_matches("のみ")
                .chars()
                .all(|c| !c.is_alphanumeric())
    };
    if alone {
        return true;
    }
    if word.is_ascii() {
        let next = ascii_words(after).into_iter().next().unwrap_or("");
        let prev = ascii_words(before).into_iter().next_back().unwrap_or("");
        AFTER_EN.contains(&next) || BEFORE_EN.contains(&prev)
    } else {
        AFTER_JA.iter().any(|w| after.starts_with(w))
    }
}

/// Where an English word or phrase of [`CONDITIONED`] stands in `clause` at a word's start
/// (whole, unless `stem`; a hyphen and more letters after it make another word), not right after `no`, `not`, `without` or `zero` (`at no extra
/// cost`, `No add-on required`): the byte offset of the first such place.
fn ascii_phrase_at(clause: &str, word: &str, stem: bool) -> Option<usize> {
    clause.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = clause[..i].chars().next_back();
        let after = clause[i + word.len()..].chars().next();
        let starts = !before.is_some_and(|c| c.is_ascii_alphanumeric());
        // a word joined on by a hyphen is another word (`soon-ish`, `beta-tested`)
        let joined = after == Some('-')
            && clause[i + word.len() + 1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric());
        let ends = stem || !(after.is_some_and(|c| c.is_ascii_alphanumeric()) || joined);
        let previous: Vec<&str> = ascii_words(&clause[..i])
            .into_iter()
            .rev()
            .take(2)
            .collect();
        let negated = previous
            .iter()
            .any(|w| matches!(*w, "no" | "not" | "without" | "zero"));
        starts && ends && !negated
    })
}

/// How a column's header bears on what its cells say on a row stated implemented.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Header {
    /// Names what is not implemented, excluded, deferred, an exception or a finding
    /// (`除外理由`, `未実施理由`, `対応予定日`, `課題`, `Exceptions`, `Gap`): the word.
    Qualifying(String),
    /// Names an audit's result (`監査結果`, `監査意見`, `Audit result`): only a clean result
    /// (`指摘なし`, `No exception noted`) or nothing is read; anything else is a finding.
    AuditResult,
    /// Names the scope (`適用範囲`, `Scope`, `対象リージョン`): only "all" is read.
    Scope,
    /// Names who implements (`実施主体`, `Responsibility`, `Implemented by`, `Provider`,
    /// `Inherited from`): only the service itself reads there ([`names_only_self`]) — an
    /// allow-list, as the parties a GRC export names (`Hybrid`, `Subservice Organization`,
    /// `Sub-processor`, a vendor's name) cannot all be listed.
    Who,
    /// Names the person or team that owns or operates it (`Owner`, `担当`, `管理者`,
    /// `Operator`): people and teams are named freely, so a party other than the service
    /// ([`names_another_party`]) says someone else does.
    Owner,
    /// Names a test's or an assessment's result (`Test Result`, `Testing Status`,
    /// `テスト結果`, `有効性評価`, `レビュー結果`): only a clean result ([`is_clean_test`]) or
    /// nothing is read; anything else (`Fail`, `Deficient`, `不合格`, `差戻し`) is not.
    TestResult,
    /// Names a subcontractor (`委託先`, `委託先名`, `Subcontractor`): any name there is
    /// someone else's, but for the service's own (`当社`, `自社`) or none.
    Delegate,
    /// Names the row's approval or review (`承認状況`, `レビュー状況`, `Approval status`;
    /// `true`), or the approval or review alone (`承認`, `Approval`, `Review`; `false`, where
    /// an approver's name or a comment may stand too): a value saying the statement is not
    /// approved or reviewed (`未承認`, `未`, `承認待ち`, `Pending`, `Not reviewed`) is not
    /// read as implemented (review 12 A-18); under a header naming a status only an
    /// approval ([`approval_given`]) reads.
    Approval(bool),
    /// Anything else (`備考`, `Details`, `説明`, `最終確認日`): the cells are read.
    Plain,
}

/// Whether a header names when the control was implemented (`実施日`, `導入日`, `実施時期`,
/// `対応日`, `運用開始日`, `Implementation date`): on a row stated implemented its cell gives
/// that date, on or before the as-of date. Not a date of something else (`最終確認日`,
/// `次回レビュー日`, `有効期限`).
pub fn names_implementation_date(name: &str) -> bool {
    let key = header_key(name);
    [
        "実施日",
        "実施年月日",
        "実施時期",
        "導入日",
        "導入年月日",
        "導入時期",
        "対応日",
        "対応時期",
        "対応完了日",
        "適用日",
        "適用開始日",
        "運用開始日",
        "運用開始時期",
        "稼働日",
        "稼働開始日",
        "実装日",
        "実装時期",
        "implementationdate",
        "dateimplemented",
        "implementedon",
        "implementeddate",
        "deploymentdate",
        "datedeployed",
        "golivedate",
    ]
    .iter()
    .any(|w| key.contains(w))
}

/// Header words naming when a row was confirmed or updated (`最終確認日`, `更新日`).
const CONFIRMED_WORDS: &[&str] = &[
    "最終確認",
    "確認日",
    "確認年月日",
    "更新日",
    "最終更新",
    "改訂日",
    "作成日",
    "記入日",
    "記載日",
    "回答日",
    "評価日",
    "点検日",
    "lastreview",
    "lastupdate",
    "lastconfirm",
    "lastmodified",
    "reviewdate",
    "reviewedon",
    "updatedon",
    "updated",
];

/// Header words naming a limit or a next time (`有効期限`, `次回レビュー日`): after the
/// as-of date by nature.
const LATER_BY_NATURE_WORDS: &[&str] = &[
    "保存期限",
    "保存期間",
    "保管期限",
    "保管期間",
    "有効期限",
    "有効期間",
    "証明書の有効",
    "証明書有効",
    "次回レビュー",
    "次回見直し",
    "次回点検",
    "次回評価",
    "次回監査",
    "次回更新",
    "見直し予定",
    "レビュー予定",
    "expir",
    "validuntil",
    "validthrough",
    "nextreview",
    "nextaudit",
    "retention",
];

/// Whether a header names a date that is not when the control was implemented: when the
/// row was last confirmed or updated (`最終確認日`, `更新日`, `Last reviewed`), a retention
/// or validity limit (`保存期限`, `有効期限`, `Expiry`), a next review (`次回レビュー日`,
/// `次回見直し日`, `Next review`). Its cells are read as remarks but their dates are not
/// compared with the as-of date, and the header's `期限`/`予定` qualifies nothing.
pub fn names_record_date(name: &str) -> bool {
    let key = header_key(name);
    // a GRC export's headers without `日`/`date`, and the due date of a review (not a
    // deferral of the control)
    if matches!(
        key.as_ref(),
        "nextreview"
            | "lastreview"
            | "updated"
            | "次回見直し"
            | "次回レビュー"
            | "reviewdue"
            | "reviewduedate"
            | "duedateofreview"
            | "確認予定日"
            | "見直し期限"
            | "レビュー期限"
    ) {
        return true;
    }
    let date_word = [
        "日",
        "日付",
        "時期",
        "年月",
        "date",
        "on",
        "期限",
        "予定",
        "reviewed",
        "updated",
        "confirmed",
        "modified",
    ]
    .iter()
    .any(|w| key.ends_with(w))
        || ["期限", "期間", "expir", "validuntil", "validthrough"]
            .iter()
            .any(|w| key.contains(w));
    date_word
        && CONFIRMED_WORDS
            .iter()
            .chain(LATER_BY_NATURE_WORDS)
            .any(|w| key.contains(w))
        && !names_implementation_date(name)
}

/// Whether a header names when the list's row was confirmed or updated (`最終確認日`,
/// `確認日`, `更新日`, `Last reviewed`), not a limit or a next time: a date after the as-of
/// date there says the list is newer than the report's date.
pub fn names_confirmation_date(name: &str) -> bool {
    let key = header_key(name);
    names_record_date(name)
        && CONFIRMED_WORDS.iter().any(|w| key.contains(w))
        && !LATER_BY_NATURE_WORDS
            .iter()
            .chain(&["次回", "next"])
            .any(|w| key.contains(w))
}

/// Whether a header names an explanation of the row's statement (`説明`, `補足説明`,
/// `Explanation`): on a row stated not applicable without a reason column's value, its
/// text is the reason. A description of the control (`Description`, `詳細`, `管理策の内容`)
/// is not.
pub fn explains(name: &str) -> bool {
    matches!(
        header_key(name).as_ref(),
        "説明" | "補足説明" | "解説" | "状況説明" | "説明欄" | "explanation"
    )
}

/// Whether a header names an edition, a plan, a licence, a product or an option a CSP's row
/// is for, or a precondition it holds under: as much a part of the service as a region
/// (review 23 A-10: `Edition`, `エディション`, `プラン`, `SKU`, `Tier`, `前提条件`), a
/// [`Header::Scope`] of a CSP's table. A buyer's check list reads such a column's cells as
/// any other's (`条件 | 有償オプション契約時のみ` limits the item).
pub fn names_a_part_of_the_service(name: &str) -> bool {
    let lower = fold_width(name).to_lowercase();
    [
        "エディション",
        "プラン",
        "ライセンス",
        "対象製品",
        "対象プラン",
        "前提条件",
        "prerequisite",
        "precondition",
    ]
    .iter()
    .any(|w| lower.contains(w))
        || matches!(
            header_key(name).as_ref(),
            "edition"
                | "editions"
                | "plan"
                | "plans"
                | "sku"
                | "tier"
                | "license"
                | "licence"
                | "product"
                | "products"
                | "service"
                | "services"
                | "option"
                | "options"
                | "オプション"
                | "製品"
                | "サービス"
                | "条件"
                | "condition"
                | "conditions"
        )
}

/// What a header says of its column, for the check of rows stated implemented. A header
/// naming both application and exclusion (`適用/除外の理由`, `Inclusion/exclusion
/// justification`) is plain: its cells are read.
pub fn header(name: &str) -> Header {
    let lower = fold_width(name).to_lowercase();
    let key = header_key(name);
    if names_record_date(name) {
        return Header::Plain;
    }
    if ([
        "範囲",
        "scope",
        "coverage",
        "リージョン",
        "region",
        "拠点",
        "対象サービス",
        "対象システム",
        "適用対象",
        // an environment's (`Environment`, `対象環境`): review 11, A-2
        "environment",
        "対象環境",
        "適用環境",
    ]
    .iter()
    .any(|w| lower.contains(w))
        || names_a_part_of_the_service(name))
        && !lower.contains("理由")
        && !lower.contains("reason")
    {
        return Header::Scope;
    }
    if ["委託先", "外部委託", "再委託", "subcontract", "outsourc"]
        .iter()
        .any(|w| key.contains(w))
    {
        return Header::Delegate;
    }
    // a person or a team (`担当者`, `Control Owner`, `責任者`) before a party (`責任`)
    if [
        "実施者",
        "管理者",
        "対応者",
        "運用者",
        "作業者",
        "実施部署",
        "実施部門",
        "実施組織",
        "operator",
        "administrator",
        "assignee",
        "performer",
        "担当",
        "owner",
        "責任者",
        "responsibleperson",
        // how a GRC export says where the control comes from (`Implementation Type`,
        // `Control Origination`: `Hybrid`, `Shared`, `Inherited`, `Customer`): a party
        // named there is someone else implementing it, at least in part; `Manual`,
        // `Automated` name no one (review 15 A-9)
        "implementationtype",
        "controlorigination",
        "implementationorigin",
        "実装種別",
        "実装タイプ",
    ]
    .iter()
    .any(|w| key.contains(w))
    {
        return Header::Owner;
    }
    if [
        "主体",
        "提供元",
        "operatedby",
        "managedby",
        "handledby",
        "責任",
        "分界",
        "responsib",
        "performedby",
        "implementedby",
        "providedby",
        "provider",
        "提供者",
        "inherit",
        "継承",
    ]
    .iter()
    .any(|w| key.contains(w))
    {
        return Header::Who;
    }
    // the row's approval or review (review 12 A-18)
    if let Some(status) = names_approval(&key) {
        return Header::Approval(status);
    }
    // an audit's result (`監査結果`, `Audit result`): anything but "no exception" is a
    // finding on the implementation (`指摘事項1件`, `Qualified`, `Observation`)
    if [
        "監査結果",
        "監査意見",
        "監査所見",
        "auditresult",
        "auditopinion",
        "auditoutcome",
    ]
    .iter()
    .any(|w| key.contains(w))
    {
        return Header::AuditResult;
    }
    // a test's, an assessment's or a review's result (`Last Test Result`, `Testing Status`,
    // `有効性評価`, `レビュー結果`): read like an audit's
    if [
        "testresult",
        "testingresult",
        "testingstatus",
        "teststatus",
        "testoutcome",
        "controltest",
        "assessmentresult",
        "assessmentoutcome",
        "evaluationresult",
        "reviewresult",
        "reviewoutcome",
        "effectiveness",
        "テスト結果",
        "試験結果",
        "評価結果",
        "有効性",
        "運用評価",
        "整備評価",
        "レビュー結果",
        // ServiceNow GRC's (`Attestation Result`, `Attestation Status`, `Indicator Result`)
        // and an audit's status (`Audit Status` = `Not audited`)
        "attestation",
        "indicatorresult",
        "auditstatus",
    ]
    .iter()
    .any(|w| key.contains(w))
    {
        return Header::TestResult;
    }
    // a POA&M column (`POA&M`, `POAM ID`, `Plan of Action and Milestones`): an open
    // remediation item against the control, not two sides named (review 24 E)
    if names_poam(&lower) {
        return Header::Qualifying("POA&M".to_owned());
    }
    // both sides named: `適用/除外の理由`, `Inclusion/exclusion`
    let parts: Vec<&str> = lower
        .split(['/', '／', '・', '、', ',', '&'])
        .filter(|p| !p.trim().is_empty())
        .collect();
    let both = parts.len() > 1 && parts.iter().any(|p| header_word(p).is_none());
    match header_word(&lower) {
        Some(word) if !both => Header::Qualifying(word),
        _ => Header::Plain,
    }
}

/// Whether a header names when the control was last tested (`Last Tested`, `Last Test
/// Date`, `Date Tested`, `最終テスト日`): a GRC export's column (review 25).
pub fn names_last_tested(name: &str) -> bool {
    matches!(
        header_key(name).as_ref(),
        "lasttested"
            | "lasttestedon"
            | "lasttestdate"
            | "lasttestedate"
            | "datelasttested"
            | "datetested"
            | "testedon"
            | "testdate"
            | "lastassessed"
            | "lastassessmentdate"
            | "最終テスト日"
            | "最終テスト実施日"
            | "テスト実施日"
            | "最終テスト"
            | "最終評価日"
    )
}

/// Whether a cell under such a header says the control has never been tested (`Never`,
/// `Not tested`, `未実施`, `未テスト`).
pub fn never_tested(text: &str) -> bool {
    matches!(
        header_key(text).trim_end_matches(['。', '.']),
        "never"
            | "nevertested"
            | "nottested"
            | "notyettested"
            | "untested"
            | "notassessed"
            | "neverassessed"
            | "未実施"
            | "未テスト"
            | "未評価"
            | "テスト未実施"
    )
}

/// Whether a cell under a header naming an attestation's status (`Attestation Status`,
/// ServiceNow GRC's) says the attestation was done (`Completed`, `Complete`, `完了`): the
/// control's owner answered it — no finding, and no result a test gives either (review 25
/// C-2).
pub fn attestation_done(header: &str, text: &str) -> bool {
    let key = header_key(header);
    key.contains("attestation")
        && key.contains("status")
        && matches!(
            header_key(text).trim_end_matches(['。', '.']),
            "completed" | "complete" | "done" | "submitted" | "完了" | "回答済" | "回答済み"
        )
}

/// Whether a column's header names a plan of action and milestones (`POA&M`, `POAM ID`).
pub fn poam_header(header: &str) -> bool {
    names_poam(&fold_width(header).to_lowercase())
}

/// Whether a header (lower case) names a plan of action and milestones (`POA&M`, `POAM`,
/// `POA&M ID`, `Plan of Action and Milestones`, `Plan of Action`).
fn names_poam(lower: &str) -> bool {
    let words = ascii_words(lower);
    words.iter().enumerate().any(|(i, w)| {
        matches!(*w, "poam" | "poams") || (*w == "poa" && words.get(i + 1) == Some(&"m"))
    }) || header_key(lower).contains("planofaction")
}

/// Whether a header key names the row's approval or review: `Some(true)` naming its status
/// (`承認状況`, `レビュー状況`, `Approval status`, `Approved?`), `Some(false)` naming it alone
/// (`承認`, `Approval`, `Review`), `None` otherwise (`承認者`, `承認日`, `レビュー結果`).
fn names_approval(key: &str) -> Option<bool> {
    let key = key.trim_end_matches(['?', '？']);
    const STATUS: &[&str] = &[
        "承認状況",
        "承認状態",
        "承認ステータス",
        "承認有無",
        "承認の有無",
        "承認済",
        "承認済み",
        "決裁状況",
        "決裁状態",
        "レビュー状況",
        "レビュー状態",
        "レビューステータス",
        "レビュー有無",
        "レビューの有無",
        "レビュー済",
        "レビュー済み",
        "査閲状況",
        "approvalstatus",
        "approvalstate",
        "approved",
        "reviewstatus",
        "reviewstate",
        "reviewed",
    ];
    const ALONE: &[&str] = &["承認", "決裁", "レビュー", "査閲", "approval", "review"];
    // the approver's confirmation (`承認者確認`, `承認者承認`; review 14 C-1 rest)
    const APPROVER: &[&str] = &["承認者確認", "承認者承認", "承認者チェック", "決裁者確認"];
    if STATUS.contains(&key) || names_confirmation(key) {
        Some(true)
    } else if ALONE.contains(&key) || APPROVER.contains(&key) || names_approval_in_other_words(key)
    {
        Some(false)
    } else {
        None
    }
}

/// Whether a header key names a confirmation of the row's statement (`確認状況`, `上長確認`,
/// `確認済`; review 14 C-1 rest): beside a column named as the status, a column of the
/// statement's review, read as `承認状況` (`済`, `○` read, `未`, `回付中` refused); alone,
/// it may be the status column itself (`確認状況 | 実施`), which the classifier reads by
/// what it holds.
pub fn names_confirmation(key: &str) -> bool {
    let key = key.trim_end_matches(['?', '？']);
    matches!(
        key,
        "確認状況"
            | "確認状態"
            | "確認ステータス"
            | "確認有無"
            | "確認の有無"
            | "確認済"
            | "確認済み"
            | "上長確認"
            | "上長承認"
            | "責任者確認"
            | "管理者確認"
            | "内容確認"
            | "confirmationstatus"
            | "confirmed"
    )
}

/// Whether a header key names the approval in other words (`社内承認`, `最終承認`,
/// `Sign-off`, `Management approval`; review 14 A-2, C-1): read as `承認` alone. Not who
/// approved, when, why or by when (`承認者`, `承認日`, `Approval date`, `未承認理由`).
fn names_approval_in_other_words(key: &str) -> bool {
    ["承認", "決裁", "signoff", "approval"]
        .iter()
        .any(|w| key.contains(w))
        && ![
            "者",
            "日",
            "時",
            "date",
            "approver",
            "by",
            "理由",
            "reason",
            "コメント",
            "comment",
            "備考",
            "note",
            "未",
            "期限",
            "予定",
            "due",
            "番号",
            "手続",
            "規程",
            "規定",
            "policy",
            "process",
            "権限",
            "authority",
        ]
        .iter()
        .any(|w| key.contains(w))
}

/// A value under a header naming the row's approval or review that says it is approved or
/// reviewed: nothing ([`nothing_for_the_row`]), a check mark (`○`, `✓`), a word of approval
/// (`承認済`, `済`, `レビュー済`, `Approved`, `Reviewed`, `Yes`) or a date alone, a word of
/// approval with a date (`承認済（2025/4/1）`, `Approved 2025-04-01`).
pub fn approval_given(text: &str) -> bool {
    if nothing_for_the_row(text) || vocab::check_cell(text) == vocab::Check::Selected {
        return true;
    }
    if is_date_alone(text) {
        return true;
    }
    // the dates and the brackets around them aside
    let mut rest = fold_width(text).into_owned();
    for (written, _) in crate::date::dates_in(text) {
        rest = rest.replacen(&written, " ", 1);
    }
    rest.retain(|c| !vocab::is_bracket(c));
    let key = header_key(&rest);
    let key = key.trim_end_matches(['。', '.']);
    // an approval naming its approver (`山田部長承認済`, `承認済（CISO）`, `Approved by CISO`;
    // review 14 C-5), nothing else said
    let named = ["承認済", "承認済み", "決裁済", "決裁済み"]
        .iter()
        .any(|w| key.ends_with(w) || key.starts_with(w))
        || key.starts_with("approvedby");
    if named
        && key.chars().count() <= 16
        && approval_denied(text).is_none()
        && qualifier_beyond(text, &[]).is_none()
    {
        return true;
    }
    let key = key.strip_suffix("済").map_or(key, |k| k);
    matches!(
        key,
        "承認"
            | "承認済み"
            | "決裁"
            | "決裁済み"
            | "レビュー"
            | "レビュー済み"
            | "確認"
            | "確認済み"
            | "済み"
            | ""
            | "完了"
            | "approved"
            | "approvedon"
            | "reviewed"
            | "reviewedon"
            | "done"
            | "complete"
            | "completed"
            | "yes"
            | "はい"
            | "ok"
    ) && approval_denied(text).is_none()
        && !header_key(text).is_empty()
}

/// A value under a header naming the row's approval or review that says it is not
/// approved or reviewed (yet): `未承認`, `未レビュー`, `未`, `承認待ち`, `申請中`,
/// `レビュー中`, `差戻し`, `却下`, `保留`, `×`, `Pending`, `Not approved`, `Rejected`,
/// `In review`, `Draft`, `No`; the word.
pub fn approval_denied(text: &str) -> Option<String> {
    let key = header_key(text);
    let key = key.trim_end_matches(['。', '.']);
    if key.is_empty() {
        return None;
    }
    if matches!(
        key,
        "no" | "n" | "false" | "open" | "todo" | "new" | "いいえ" | "無" | "なし" | "否"
    ) || vocab::check_cell(text) == vocab::Check::NotSelected && !says_nothing(text)
    {
        return Some(text.trim().to_owned());
    }
    const WORDS: &[&str] = &[
        "未",
        "待ち",
        "待",
        "承認前",
        "決裁前",
        "レビュー前",
        "確認前",
        "申請中",
        "依頼中",
        "差戻",
        "差し戻",
        "却下",
        "否認",
        "否決",
        "保留",
        "不承認",
        "非承認",
        "取消",
        "取り消",
        "要修正",
        "要再",
        "ドラフト",
        "draft",
        "pending",
        "notapproved",
        "notreviewed",
        "notyet",
        "unapproved",
        "unreviewed",
        "reject",
        "declined",
        "inreview",
        "underreview",
        "inprogress",
        "onhold",
        "awaiting",
        "waiting",
        "submitted",
        "returned",
        // a provisional approval is none (review 16 A-5)
        "仮承認",
        "仮決裁",
        "仮確認",
        "仮レビュー",
        "暫定",
        "provisional",
        "tentative",
        "interim",
    ];
    if let Some(w) = WORDS.iter().find(|w| key.contains(*w)) {
        return Some((*w).to_owned());
    }
    // in progress (`レビュー中`, `確認中`, `承認中`, `審査中`)
    key.ends_with('中').then(|| text.trim().to_owned())
}

/// Whether a header (lower case) names what a test or check expects: `expected` before
/// `result(s)`, `outcome(s)`, `evidence`, `behavio(u)r`, `value(s)`, `output` or `response`
/// (`Expected result`, `Expected Outcome`), the column's description, not a plan.
fn names_expectation(lower: &str) -> bool {
    const WHAT: [&str; 11] = [
        "result",
        "results",
        "outcome",
        "outcomes",
        "evidence",
        "behavior",
        "behaviour",
        "value",
        "values",
        "output",
        "response",
    ];
    ascii_words(lower)
        .windows(2)
        .any(|w| w[0] == "expected" && WHAT.contains(&w[1]))
}

/// A word of a header that names what is not implemented, excluded, deferred, an
/// exception or a finding.
fn header_word(header: &str) -> Option<String> {
    // words, not marks: `No` heads row numbers
    let lower = fold_width(header).to_lowercase();
    // what a test expects (`Expected result`, `Expected outcome`) is no deferral: its
    // `expected` is not taken, a date's still is (`Expected completion date`)
    let expectation = names_expectation(&lower);
    if let Some(q) = in_clause(&lower)
        .into_iter()
        .find(|q| !(expectation && q.word == "expected"))
    {
        return Some(q.word);
    }
    const JA: &[&str] = &[
        "除外",
        "非該当",
        "対象外",
        "適用外",
        "未",
        "課題",
        "指摘",
        "改善",
        "是正",
        "例外",
        "期限",
        "期日",
        "目標日",
        "目標時期",
        "予定",
        "不適用",
        "不備",
        "リスク受容",
    ];
    if let Some(w) = JA.iter().find(|w| header.contains(*w)) {
        return Some((*w).to_owned());
    }
    ascii_words(header)
        .into_iter()
        .find(|w| {
            [
                "gap",
                "exception",
                "deviation",
                "finding",
                "issue",
                "remediat",
                "waiv",
                "due",
                "target",
                "deadline",
                "open",
                "todo",
                "exclu",
                "non",
                "not",
                "plan",
            ]
            .iter()
            .any(|s| w.starts_with(s))
                && *w != "notes"
                && *w != "note"
                && *w != "none"
        })
        .map(str::to_owned)
}

/// A cell under a header naming what is not implemented or excluded (`非該当理由`,
/// `Exceptions`, `Due date`) that says the column has nothing for the row: nothing
/// ([`says_nothing`]), or that it does not apply (`N/A`, `該当なし`, `not applicable`), as
/// Excel users fill every cell of an implemented row's exclusion reason.
pub fn nothing_for_the_row(text: &str) -> bool {
    let key = header_key(text);
    let key = key.trim_end_matches(['。', '.']);
    says_nothing(text)
        || matches!(
            key,
            "n/a" | "na" | "notapplicable" | "該当なし" | "該当無し" | "該当しない"
        )
        || is_clean_result(key)
}

/// A cell under an audit's result (`監査結果`, `Audit result`) that reports nothing found:
/// what [`nothing_for_the_row`] reads, and the check mark of a result (`OK`, `異常なし`);
/// `NG` or anything else is a finding.
pub fn clean_audit_result(text: &str) -> bool {
    let key = header_key(text);
    nothing_for_the_row(text)
        || matches!(
            key.trim_end_matches(['。', '.']),
            "ok" | "異常なし" | "異常無し" | "指摘事項なし" | "是正事項なし"
        )
}

/// Labels of a line stating an audit that was done and what it found (`前回監査`,
/// `外部監査`, `監査結果`), as [`header_key`] gives them: not the audit period of the
/// registration (`監査対象期間`, a field of the list entry), nor the CSP's internal audit.
const AUDIT_LABELS: &[&str] = &[
    "前回監査",
    "前回の監査",
    "前回監査日",
    "前回監査結果",
    "直近の監査",
    "直近監査",
    "外部監査",
    "外部監査日",
    "外部監査実施日",
    "外部監査結果",
    "監査実施日",
    "監査日",
    "監査結果",
    "lastaudit",
    "previousaudit",
    "externalaudit",
    "auditdate",
    "auditresult",
];

/// A line of a list's own stating an audit (`前回監査: 2024年度（指摘事項なし）`, `外部監査:
/// 2025年3月`, `監査結果: OK`): `Some(None)` when it states nothing but when and a clean
/// result (harmless: read, the dates checked by [`audit_dated_later`]), `Some(Some(what))`
/// when it reports anything else (`指摘事項あり`, `NG`, `要改善`: a finding, refused); `None`
/// when the line states no audit, or gives a period (`外部監査: 2025年1月～3月`: maybe the
/// registration's audit period, a registry fact).
pub fn audit_line(text: &str) -> Option<Option<String>> {
    let folded = fold_width(text);
    let t = folded.trim();
    let (label, value) = t
        .split_once([':', '：'])
        .or_else(|| t.split_once(char::is_whitespace))?;
    if !AUDIT_LABELS.contains(&&*header_key(label)) {
        return None;
    }
    let value = value.trim();
    // two dates (`2025年1月～2025年3月`) are a period
    if value.is_empty()
        || crate::date::parse_period(value).is_some()
        || crate::date::dates_in(value).len() > 1
    {
        return None;
    }
    let mut rest = value.to_owned();
    for (written, _) in crate::date::dates_in(value) {
        rest = rest.replacen(&written, " ", 1);
    }
    let words: Vec<&str> = rest
        .split(|c: char| {
            c.is_whitespace() || vocab::is_bracket(c) || matches!(c, ',' | '、' | '。' | '/')
        })
        .filter(|w| !w.is_empty())
        .collect();
    let done = |w: &str| {
        clean_audit_result(w)
            || matches!(
                w,
                "実施" | "実施済" | "実施済み" | "受審" | "受審済" | "受審済み"
            )
    };
    let clean = done(&words.join(" ")) || words.iter().all(|w| done(w));
    Some((!clean).then(|| words.join(" ")))
}

/// A clean audit line ([`audit_line`]) whose date may end after `as_of` (`外部監査:
/// 2027年3月`, `前回監査: 2026年度` read on 2026-04-01): the list states what that audit found,
/// not what held on `as_of`.
pub fn audit_dated_later(text: &str, as_of: crate::date::Date) -> Option<Qualifier> {
    if audit_line(text) != Some(None) {
        return None;
    }
    crate::date::dates_in(text)
        .into_iter()
        .find(|(_, last)| *last > as_of)
        .map(|(written, _)| Qualifier::new(Kind::DatedLater(as_of), &written))
}

/// An audit's or a check's result that finds nothing (`header_key` form): `指摘なし`,
/// `問題なし`, `例外事項なし`, `合格`, `No exception noted`, `Effective`, `Pass`.
fn is_clean_result(key: &str) -> bool {
    finding_none(key)
        || matches!(
            key,
            "指摘なし"
                | "指摘無し"
                | "指摘事項なし"
                | "指摘事項無し"
                | "問題なし"
                | "問題無し"
                | "例外なし"
                | "例外事項なし"
                | "不備なし"
                | "適合"
                | "有効"
                | "良好"
                | "合格"
                | "可"
                | "pass"
                | "passed"
                | "noexception"
                | "noexceptions"
                | "noexceptionnoted"
                | "noexceptionsnoted"
                | "nofinding"
                | "nofindings"
                | "effective"
                | "unqualified"
        )
}

/// Words naming what an audit or a review finds (`観察事項`, `改善提案`, `不備`).
const FINDING_WORDS_JA: &[&str] = &[
    "観察事項",
    "改善提案",
    "改善事項",
    "要改善事項",
    "推奨事項",
    "指摘事項",
    "指摘",
    "発見事項",
    "所見",
    "例外事項",
    "例外",
    "不備事項",
    "不備",
    "不適合",
    "是正事項",
];

/// Whether a result (as [`header_key`] gives it) says a finding word is none (`観察事項なし`,
/// `改善提案なし`, `不備事項0件`, `No observations`). A finding said to be settled
/// (`軽微な指摘あり(是正済)`, `指摘1件（是正済）`) is a finding all the same: an exception found
/// in the audit period means the control did not operate throughout it, whatever was fixed
/// later, as `逸脱あり（是正済み）` and `Exception noted (remediated)` say (review 23 A-4; review
/// 12 C-9 had read the bracketed spelling as clean).
fn finding_none(key: &str) -> bool {
    FINDING_WORDS_JA.iter().any(|w| {
        key.strip_prefix(w).is_some_and(|rest| {
            matches!(
                rest.trim_start_matches('は'),
                "なし" | "無し" | "0件" | "ゼロ" | "ありません" | "ない"
            )
        })
    }) || matches!(
        key,
        "noobservations" | "noobservation" | "noopenfindings" | "noissues"
    )
}

/// Words saying a POA&M item is closed (lower case): `Closed`, `POAM-12 (closed)`,
/// `Remediated`, `完了`.
const POAM_SETTLED: &[&str] = &[
    "closed",
    "completed",
    "remediated",
    "resolved",
    "クローズ",
    "完了",
    "解消済",
    "是正済",
];

/// Whether a POA&M item named in a cell (under a POA&M header, or `POAM-12` in a remark) is
/// said to be closed, and none open: remediated, no open item against the control.
fn poam_closed(text: &str) -> bool {
    let lower = fold_width(text).to_lowercase();
    let words = ascii_words(&lower);
    POAM_SETTLED.iter().any(|w| lower.contains(w))
        && !words
            .iter()
            .any(|w| matches!(*w, "open" | "ongoing" | "pending" | "delayed"))
        && !["未完了", "未対応", "対応中", "オープン"]
            .iter()
            .any(|w| lower.contains(w))
}

/// Whether a cell under a POA&M header (`POA&M`, `POAM ID`) says the column has nothing
/// open for the row: a closed item (`Closed`, `POAM-12 (closed)`; review 24 E).
pub fn poam_nothing_open(header: &str, text: &str) -> bool {
    names_poam(&fold_width(header).to_lowercase()) && poam_closed(text)
}

/// Whether a cell under a header naming a count or what it counts (`Findings Count`,
/// `指摘件数`, `Exceptions`, `課題`) says none: `0`, `0件` (review 12 C-19).
pub fn zero_count(header: &str, text: &str) -> bool {
    let h = header_key(header);
    // a count, or what is counted (`Exceptions`, `Open issues`, `課題`)
    let counts = [
        "count",
        "件数",
        "数",
        "number",
        "numberof",
        "finding",
        "exception",
        "issue",
        "指摘",
        "課題",
        "例外",
        "不備",
    ]
    .iter()
    .any(|w| h.contains(w));
    let t = header_key(text);
    counts && matches!(t.trim_end_matches(['件', '個']), "0")
}

/// A test's or a review's result that finds nothing (`Pass`, `合格`, `有効`, `Effective`,
/// `問題なし`, `承認`, `OK`): under a header naming a test's result, nothing else reads.
pub fn is_clean_test(text: &str) -> bool {
    // a result with a footnote mark (`Passing*`, `Pass†`) says more below the table, which is
    // not read: no clean result (review 18 A-3, as `OK※`)
    if text.contains(['*', '＊', '※', '†', '‡']) {
        return false;
    }
    let key = header_key(text);
    let key = key.trim_end_matches(['。', '.']);
    nothing_for_the_row(text)
        || matches!(
            key,
            "ok" | "attested"
                // a GRC tool's automated test passing (Drata's `Passing`, `Healthy`, a
                // `Green` light, `Compliant`: review 17 C-2)
                | "passing"
                | "healthy"
                | "green"
                | "compliant"
                | "audited"
                | "承認"
                | "承認済"
                | "承認済み"
                | "approved"
                | "operatingeffectively"
                | "effectivelyoperating"
                | "satisfactory"
                | "nodeficiencies"
                | "nodeficiency"
                | "noissues"
                | "異常なし"
                | "有効性あり"
        )
}

/// A whole cell that is a monitor's, a health check's or a RAG light's state short of a
/// clean one (`Unhealthy`, `Red`, `Amber`, `Yellow`, `Degraded`, `At risk`, `赤`, `黄`), under
/// a header that does not name a test's result (there [`is_clean_test`] judges); a colour
/// under a rating of risk, priority or severity (`Risk Rating: Red`) rates the asset, not
/// the control, and is not one. A control whose own monitoring is not green is not shown implemented, as
/// `Failing` is not (fix22-sheets, noticed). `Green`, `Healthy`, `Passing` and any longer
/// text (`Red Hat`) are not one.
pub fn health_short_of_clean(header: &str, text: &str) -> Option<Qualifier> {
    const RATING: &[&str] = &[
        "risk",
        "priority",
        "severity",
        "critical",
        "importance",
        "impact",
        "likelihood",
        "リスク",
        "優先",
        "重要度",
        "影響度",
        "深刻度",
        "重大度",
    ];
    let name = header_key(header);
    let key = header_key(text);
    let key = key.trim_end_matches(['。', '.']);
    let colour = matches!(
        key,
        "red" | "amber" | "yellow" | "orange" | "赤" | "赤色" | "黄" | "黄色" | "橙"
    );
    let state = matches!(key, "unhealthy" | "nothealthy" | "degraded" | "atrisk");
    (state || colour && !RATING.iter().any(|w| name.contains(w)))
        .then(|| Qualifier::new(Kind::Status, text.trim()))
}

/// A cell under a scope header that says "all" (`全て`, `全サービス`, `All`) or names the
/// service itself as a whole (`本サービス`, `サービス全体`, `the entire service`; not
/// `東京リージョン全体`, a part of it in full).
pub fn is_whole_scope(text: &str) -> bool {
    let key = header_key(text);
    let key = key.trim_end_matches(['。', '.']);
    let service = key
        .strip_prefix("本")
        .or_else(|| key.strip_prefix("当"))
        .or_else(|| key.strip_prefix("the"))
        .or_else(|| key.strip_prefix("this"))
        .unwrap_or(key);
    says_nothing(text)
        || key.starts_with('全')
        || matches!(key, "すべて" | "全て" | "全部" | "all" | "entire" | "whole")
        || matches!(
            service,
            "サービス"
                | "サービス全体"
                | "クラウドサービス"
                | "クラウドサービス全体"
                | "service"
                | "entireservice"
                | "wholeservice"
        )
        || key.starts_with("all")
        || key.starts_with("すべての")
        || key.starts_with("全ての")
}

/// Whether a cell names the service's own organisation (`当社`, `自社`, `弊社`, `Our
/// company`): under a subcontractor header, no one else.
pub fn names_own_party(text: &str) -> bool {
    let key = header_key(text);
    let key = key.trim_end_matches(['。', '.']);
    matches!(
        key,
        "当社"
            | "自社"
            | "弊社"
            | "自社内"
            | "社内"
            | "当社内"
            | "ourcompany"
            | "inhouse"
            | "ourselves"
    )
}

/// Whether a cell under a header naming who implements names someone other than the
/// service itself (`Customer`, `IaaS`, `共同`, `Shared`).
pub fn names_another_party(text: &str) -> Option<String> {
    const OTHER_JA: &[&str] = &[
        "顧客",
        "お客様",
        "お客さま",
        "利用者",
        "利用企業",
        "ユーザー",
        "ユーザ",
        "カスタマ",
        "テナント",
        "委託先",
        "委託業者",
        "iaas",
        "paas",
        "クラウド事業者",
        "データセンタ",
        "aws",
        "azure",
        "gcp",
        "親会社",
        "グループ会社",
        "ベンダ",
        "提供元",
        "プロバイダ",
        "上位サービス",
        "契約先",
        "協力会社",
        "共同",
        "共有",
        "両方",
        "双方",
        "分担",
        "第三者",
        "外部",
        "msp",
        "mssp",
        "保守業者",
        "保守会社",
        "アウトソース",
        // GRC exports' parties (review 11, A-13): a platform underneath, both companies,
        // a partner, a reseller (not `基盤` alone: `基盤運用部` is a team of the service)
        "基盤事業者",
        "基盤提供",
        "基盤側",
        "パートナー",
        "両社",
        "販売代理店",
        "代理店",
        "再販",
        "サブプロセッサ",
    ];
    const OTHER_EN: &[&str] = &[
        "customer",
        "customers",
        "customer's",
        "tenant",
        "tenants",
        "client",
        "clients",
        "iaas",
        "paas",
        "aws",
        "azure",
        "gcp",
        "provider",
        "vendor",
        "shared",
        "joint",
        "both",
        "inherited",
        "third",
        "3rd",
        "external",
        "msp",
        "mssp",
        "microsoft",
        "google",
        "oracle",
        "subcontractor",
        "contractor",
        "outsourced",
        "partner",
        // GRC exports' parties (review 11, A-13): SOC 2's carved-out party, shared
        // (`Hybrid`), a parent or a group company, a reseller, and vendors commonly named
        "subservice",
        "hybrid",
        "parent",
        "affiliate",
        "reseller",
        "subprocessor",
        "sub-processor",
        "processor",
        "third-party",
        "okta",
        "salesforce",
        "cloudflare",
        "datadog",
        "crowdstrike",
        "akamai",
        "ibm",
        "alibaba",
    ];
    let lower = fold_width(text).to_lowercase();
    if let Some(p) = OTHER_JA.iter().find(|p| lower.contains(*p)) {
        return Some((*p).to_owned());
    }
    ascii_words(&lower)
        .into_iter()
        .find(|w| OTHER_EN.contains(w))
        .map(str::to_owned)
}

/// Words that name the service itself under a header naming who implements (`header_key`
/// form): the provider's own side of a responsibility matrix.
const SELF_WORDS: &[&str] = &[
    "csp",
    "provider",
    "serviceprovider",
    "cloudserviceprovider",
    // FedRAMP's control origination of the provider's own controls, as GRC exports write it
    // on every row (review 24 C-3): `Service Provider Corporate`, `Service Provider System
    // Specific`, `Service Provider Hybrid (Corporate and System Specific)`
    "serviceprovidercorporate",
    "serviceprovidersystemspecific",
    "serviceproviderhybrid",
    "corporateandsystemspecific",
    "us",
    "we",
    "internal",
    "own",
    "self",
    "company",
    "ourorganization",
    "ourorganisation",
    "organization",
    "organisation",
    "サービス提供者",
    "クラウドサービス事業者",
    "クラウドサービス提供者",
    // the provider's side of a responsibility matrix (事業者 / 利用者 / 共同) as the CSP
    // writes it of itself (review 13 C-12)
    "事業者",
    "事業者側",
    "クラウド事業者",
    "クラウド事業者側",
    "cloudprovider",
    "providerside",
    "本サービス",
    "当サービス",
    "csp側",
    "当社側",
    "自社側",
    "当社実施",
    "自社実施",
    "自社対応",
    "当社対応",
    // the company's own organs and the whole of it (review 12 C-10): governance objectives
    // are the board's by definition
    "取締役会",
    "経営会議",
    "経営陣",
    "経営層",
    "役員会",
    "トップマネジメント",
    "全社",
    "全部署",
    "全部門",
    "各部門",
    "各部署",
    "本社",
    "board",
    "theboard",
    "boardofdirectors",
    "management",
    "topmanagement",
    "seniormanagement",
    "executivemanagement",
    "alldepartments",
    "companywide",
];

/// How a team or a department of the service ends (`情報システム部`, `SecOps`, `IT Ops`,
/// `Security team`), after something naming it.
const TEAM_ENDS_JA: &[&str] = &[
    "部",
    "課",
    "室",
    "班",
    "チーム",
    "部門",
    "本部",
    "センター",
    "委員会",
    "事務局",
    "担当",
];

const TEAM_WORDS_EN: &[&str] = &[
    "team",
    "teams",
    "dept",
    "department",
    "division",
    "office",
    "unit",
    "committee",
    "ops",
    "operations",
    "secops",
    "devops",
    "itops",
    "sre",
    "engineering",
    "security",
    "infosec",
    "compliance",
    "it",
    "infra",
    "infrastructure",
    "csirt",
    "cirt",
    "ciso",
    "cio",
    "cto",
    "cso",
    "dpo",
];

/// Whether a cell under a header naming who implements (`Responsibility`, `実施主体`)
/// names the service itself and no one else: its own words (`当社`, `自社`, `CSP`,
/// `Provider` alone, `Internal`) or a team or department of it (`情報システム部`, `SecOps`),
/// each part of it (`当社（情報システム部）`). An allow-list: anything else (`Hybrid`,
/// `Platform`, `Sub-processor`, a company's name) is someone else or cannot be told from
/// it, and the service's own name is not known to the reader.
pub fn names_only_self(text: &str) -> bool {
    let folded = fold_width(text).to_lowercase();
    let parts: Vec<&str> = folded
        .split(['/', '・', '、', ',', '(', ')', '（', '）', ';', '+', '&'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    !parts.is_empty()
        && parts.iter().all(|part| {
            let key = header_key(part);
            let key = key.trim_end_matches(['。', '.']);
            if names_own_party(part) || SELF_WORDS.contains(&key) {
                return true;
            }
            let ja_team = TEAM_ENDS_JA.iter().any(|e| {
                key.strip_suffix(e)
                    .is_some_and(|before| before.chars().count() >= 2)
            });
            let words: Vec<&str> = ascii_words(part)
                .into_iter()
                .filter(|w| !matches!(*w, "the" | "our" | "of"))
                .collect();
            let en_team = words.len() <= 4
                && words.last().is_some_and(|w| TEAM_WORDS_EN.contains(w))
                && part.is_ascii();
            (ja_team || en_team) && names_another_party(part).is_none()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// FedRAMP's origination of the provider's own controls is the provider (review 24 C-3);
    /// a shared, inherited or customer control is not.
    #[test]
    fn fedramp_origination_of_the_provider_is_the_provider() {
        for text in [
            "Service Provider Corporate",
            "Service Provider System Specific",
            "Service Provider Hybrid (Corporate and System Specific)",
            "Provider",
            "CSP",
        ] {
            assert!(names_only_self(text), "{text}");
        }
        for text in [
            "Shared (Service Provider and Customer Responsibility)",
            "Configured by Customer (Customer System Specific)",
            "Provided by Customer (Customer System Specific)",
            "Inherited from pre-existing FedRAMP Authorization",
            "Hybrid",
        ] {
            assert!(!names_only_self(text), "{text}");
        }
    }

    /// A deadline met (`2025年3月までに実施済み`, on or before the as-of date, something done,
    /// nothing planned) qualifies nothing; one to come, or a plan, still defers (review 13
    /// C-6, the README's own example).
    #[test]
    fn a_deadline_met_is_no_deferral() {
        let as_of = crate::date::Date::parse_written("2026-12-01").unwrap();
        for text in [
            "2025年3月までに実施",
            "2025年3月までに実施済み",
            "2025年3月までに対応完了",
            "2024年3月までに全拠点で導入済み",
        ] {
            assert_eq!(qualifier_on(text, &[], as_of), None, "{text}");
        }
        for text in [
            "2027年3月までに実施",
            "2025年3月までに実施予定",
            "9月までに導入",
            "2025年3月までに実施済み、大阪リージョンは未実施",
        ] {
            assert!(qualifier_on(text, &[], as_of).is_some(), "{text}");
        }
    }

    fn qualifier_in(text: &str) -> Option<Qualifier> {
        qualifier_beyond(text, &[])
    }

    /// An audit done that found nothing is read; one that found something, or a period
    /// (maybe the registration's audit period), is not.
    #[test]
    fn audit_lines_clean_findings_and_periods() {
        for clean in [
            "前回監査: 2024年度（指摘事項なし）",
            "外部監査: 2025年3月",
            "監査結果: OK",
            "監査結果：合格",
            "外部監査 2025年3月 実施済",
            "Last audit: 2025-03-31 (no exceptions)",
        ] {
            assert_eq!(audit_line(clean), Some(None), "{clean}");
        }
        for (finding, what) in [
            ("監査結果: NG", "NG"),
            ("前回監査: 2024年度（指摘事項あり）", "指摘事項あり"),
            ("外部監査: 2025年3月 要改善2件", "要改善2件"),
        ] {
            assert_eq!(
                audit_line(finding),
                Some(Some(what.to_owned())),
                "{finding}"
            );
        }
        for none in [
            "外部監査: 2025年1月～2025年3月",
            "監査対象期間: 2024-04-01～2025-03-31",
            "内部監査: 2025年3月",
            "作成日: 2025-04-01",
        ] {
            assert_eq!(audit_line(none), None, "{none}");
        }
        let as_of = crate::date::Date::new(2026, 4, 1).unwrap();
        assert!(audit_dated_later("外部監査: 2026年5月", as_of).is_some());
        assert!(audit_dated_later("前回監査: 2026年度（指摘事項なし）", as_of).is_some());
        assert!(audit_dated_later("前回監査: 2025年度（指摘事項なし）", as_of).is_none());
    }

    /// A document's month after the as-of date's month is later; the month holding it is
    /// not (a list made this month, read with today's date); a year or fiscal year is a
    /// title's.
    #[test]
    fn month_only_document_dates() {
        let as_of = crate::date::Date::new(2026, 4, 15).unwrap();
        for later in ["作成: 2026年5月", "作成日 2026/05", "作成: 2026年4月16日"] {
            assert!(document_dated_later(later, as_of).is_some(), "{later}");
        }
        for not in [
            "作成: 2026年4月",
            "作成: 2026年3月",
            "2026年度 適用宣言書",
            "作成: 2026年",
        ] {
            assert!(document_dated_later(not, as_of).is_none(), "{not}");
        }
    }

    /// Review 2, C1: remarks that describe the implementation or state a policy read.
    #[test]
    fn descriptions_and_policies_are_no_qualifiers() {
        for text in [
            "外部委託先管理規程に基づく",
            "未承認ソフトウェアのインストールを禁止",
            "不要なポートを閉鎖",
            "除却時にデータ消去",
            "パスワードを平文で保存しない",
            "退職者のIDは即日無効化",
            "不審メール訓練を実施",
            "無停止でパッチ適用",
            "規程第5条（例外なし）",
            "計画的に実施",
            "委託先にも同等の管理を要求",
            "No shared accounts allowed",
            "外部からのアクセスを制限",
            "非常時の連絡網を整備",
            "年1回見直し",
            "管理者のみアクセス可能",
            "管理者以外の操作を禁止",
            "アクセス権を管理者に限定",
            "顧客データを暗号化して保管",
            "利用者登録の手順を規程化",
            "不正なソフトウェアがインストールされていないことを定期的に確認",
            "Customer data encrypted at rest",
            "Reviewed yearly by the CISO",
            "Only administrators can access the console",
            "Passwords are never stored in plaintext",
            "Not allowed to share accounts",
            "No exceptions",
            "情報セキュリティ継続の計画を策定",
            "なし",
            "－",
            "-",
            "特になし",
            "2025-03-01",
            "第三者による脆弱性診断を年1回実施",
            "ログを1年間残す",
            "Notes: OpenSSL updated, failover tested",
            // the words the later lists read, where they describe
            "第1期で導入済み",
            "未承認の端末は接続不可とする",
            "Works as expected",
            "Expected of every administrator: MFA",
            "Used for the production environment",
            "次回の見直しに向けた記録を保管",
            "開発フェーズでセキュリティレビューを実施",
            "作業開始前に承認を得る",
            "ABC Co., Ltd. の報告書を確認",
        ] {
            assert_eq!(qualifier_in(text), None, "{text}");
        }
    }

    /// Review 5, A-rem-2: partly, on trial, decided against, later, best effort, in
    /// principle, for who pays or asks — each found; and the descriptions around these
    /// words read.
    #[test]
    fn review5_qualifiers_are_found() {
        for (text, word) in [
            ("概ね実施", "概ね"),
            ("おおむね実施", "おおむね"),
            ("ほぼ実施", "ほぼ"),
            ("大部分で実施", "大部分"),
            ("主要なシステムで実施", "主要な"),
            ("試行運用", "試行"),
            ("試験運用中", "試験運用"),
            ("パイロット導入", "パイロット"),
            ("着手済", "着手済"),
            ("見送り", "見送"),
            ("下期に実施", "下期"),
            ("翌年度対応", "翌年度"),
            ("翌期", "翌期"),
            ("年内に実施", "年内"),
            ("次期リリースで対応", "次期"),
            ("次回リリース", "次回リリース"),
            ("来月", "来月"),
            ("来週", "来週"),
            ("近日", "近日"),
            ("リスク受容", "リスク受容"),
            ("なるべく実施", "なるべく"),
            ("極力実施", "極力"),
            ("努める", "努める"),
            ("努力目標", "努力"),
            ("原則実施", "原則"),
            ("通常は実施", "通常は"),
            ("必要に応じて実施", "必要に応じ"),
            ("オプション機能", "オプション"),
            ("有償オプション", "オプション"),
            ("別契約", "別契約"),
            ("個別契約で対応", "別契約"),
            ("要望に応じて対応", "要望に応じ"),
            ("申請があれば対応", "申請があれば"),
            ("Mostly implemented", "mostly"),
            ("largely in place", "largely"),
            ("subject to approval", "subject to"),
            ("pilot", "pilot"),
            ("on hold", "on hold"),
            ("Optional feature", "optional"),
            // the remainder (review 10): a part of the service where it is done, another
            // measure in its place, in general, the platform's side
            ("本番環境で実施", "本番環境"),
            ("検証環境は別", "検証環境"),
            ("本番環境に適用", "本番環境"),
            ("東京リージョン", "東京リージョン"),
            ("対象: 東京リージョン", "東京リージョン"),
            ("Tokyo region", "region"),
            ("in scope: Tokyo region", "region"),
            ("手作業で代替", "で代替"),
            ("代わりに手順書で対応", "代わりに"),
            ("一般に実施", "一般に実施"),
            ("いちぶ", "いちぶ"),
            ("プラットフォーム側で対応", "プラットフォーム側"),
            // review 10 A-note-2: audit findings open or counted
            ("前回監査での指摘: 2件（未是正）", "未是正"),
            ("指摘事項 1件", "指摘"),
            ("前回監査での指摘: 2件（残存）", "指摘"),
        ] {
            let q = qualifier_in(text);
            assert!(q.as_ref().is_some_and(|q| q.word == word), "{text}: {q:?}");
        }
        for text in [
            "最小権限の原則に基づき付与",
            "職務分離の原則に従い承認者を分ける",
            "手順書 AC-01 に基づき四半期ごとに棚卸しを実施",
            "全従業員に年1回教育を実施",
            "多要素認証を必須化",
            "申請に基づきアカウントを発行",
            "ログを1年間保管し、改ざんを防止",
            "Reviewed quarterly by the security team",
            "Hold keys in an HSM",
            "Customers are notified of incidents within 24 hours",
            // where the control's means lie, several or all parts named, a public
            "日次で取得し、別リージョンへ複製",
            "バックアップを大阪リージョンへ複製",
            "replicated to the Osaka region",
            "本番環境と開発環境を分離",
            "本番環境と検証環境の両方で実施",
            "全リージョンで実施",
            "データは東京・大阪の両リージョンに保存",
            "本番環境へのアクセスは承認制",
            "代替拠点を確保し年1回訓練",
            "方針を一般に公開",
            "プラットフォームの設定を定期的に確認",
            "前回監査での指摘: 0件",
            "残存リスクを評価し承認",
        ] {
            assert_eq!(qualifier_in(text), None, "{text}");
        }
    }

    /// Review 2, A1, and the qualifiers of review 1: scope limits, deferrals, someone
    /// else's implementation, other statuses.
    #[test]
    fn relying_on_the_service_underneath_is_someone_elses() {
        for (text, word) in [
            ("IaaS事業者の統制に依拠", "iaas事業者の統制に依拠"),
            ("AWS KMSを利用", "aws kmsを利用"),
            (
                "IaaS（ISMAP登録済）のDCを使用",
                "iaas(ismap登録済)のdcを使用",
            ),
            ("Uses AWS CloudTrail", "uses aws"),
        ] {
            let q = qualifier_in(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!((q.kind, q.word.as_str()), (Kind::Others, word), "{text}");
            assert!(q.hint().contains("`inherits:`"), "{text}");
        }
        for text in [
            "AWS上で稼働するサービスの利用者IDを管理",
            "自社データセンターを利用",
            "認証基盤を利用",
            "Uses MFA",
            "Complies with laws",
        ] {
            assert_eq!(qualifier_in(text), None, "{text}");
        }
    }

    #[test]
    fn qualifiers_are_found() {
        use Kind::*;
        for (text, kind, word) in [
            ("東京リージョンのみ", Scope, "のみ"),
            ("一部のサービスを除く", Scope, "一部"),
            ("2026年度中に対応", Deferral, "年度中"),
            ("顧客側で設定が必要", Others, "顧客側"),
            ("IaaS事業者が実施", Others, "iaas事業者が実施"),
            ("お客様の責任範囲", Others, "お客様の責任"),
            ("Customer responsibility", Others, "customer responsibility"),
            ("Only for Tokyo region", Scope, "only"),
            ("Except Marketplace offerings", Scope, "except"),
            ("一部未実施", Deferral, "未実施"),
            ("2026年度予定", Deferral, "予定"),
            ("特権IDは対象外", Status, "対象外"),
            ("ただし運用は未整備", Deferral, "未整備"),
            ("partially", Scope, "partially"),
            ("not yet", Deferral, "not yet"),
            ("planned", Deferral, "planned"),
            ("例外あり", Scope, "例外"),
            ("waived for now", Status, "waived"),
            ("Not in place", Status, "not in"),
            ("Not applicable to guest users", Status, "not applicable"),
            ("実施していない", Deferral, "ていない"),
            ("実施しない", Status, "実施しない"),
            ("ログは取得しない", Status, "取得しない"),
            ("対応なし", Status, "対応なし"),
            ("要改善", Deferral, "要改善"),
            ("IaaS側で実施", Others, "iaas側"),
            ("AWSが実施", Others, "awsが実施"),
            ("利用者側で設定", Others, "利用者側"),
            ("Provided by AWS", Others, "by aws"),
            ("Inherited from the IaaS", Others, "inherited"),
            ("Shared responsibility", Others, "shared responsibility"),
            ("対応中", Deferral, "対応中"),
            ("是正中", Deferral, "是正中"),
            ("9月までに導入", Deferral, "までに"),
            ("To be implemented", Deferral, "to be"),
            ("In progress", Deferral, "in progress"),
            ("TBD", Deferral, "tbd"),
            ("Roadmap FY2026", Deferral, "roadmap"),
            ("N/A", Status, "n/a"),
            ("×", Status, "×"),
            ("未実施", Deferral, "未実施"),
            ("原則として実施", Scope, "原則として"),
            ("東京リージョンのみ利用可能", Scope, "のみ"),
            ("課題あり", Deferral, "課題"),
            ("代替策で対応", Scope, "代替策"),
            ("Except for legacy systems", Scope, "except"),
            ("Implemented for some services", Scope, "some"),
            ("Where applicable", Scope, "applicable"),
            // review 4, A-rem-1: still credited before
            ("次回更新時に対応", Deferral, "次回更新"),
            ("第2期で導入", Deferral, "第2期"),
            ("フェーズ2で導入", Deferral, "フェーズ2"),
            ("運用開始前", Deferral, "運用開始前"),
            ("手動で実施（自動化は未）", Deferral, "未"),
            ("共同で実施", Others, "共同で"),
            ("Phase 2", Deferral, "phase 2"),
            ("Expected Q3 2026", Deferral, "expected"),
            ("no plan", Deferral, "no plan"),
            ("Not for the dev environment", Scope, "not for"),
            ("as far as possible", Scope, "as possible"),
            ("Jointly with the customer", Others, "jointly with"),
        ] {
            let q = qualifier_in(text).unwrap_or_else(|| panic!("{text}: none"));
            assert!(
                qualifiers(text)
                    .iter()
                    .any(|q| q.kind == kind && q.word == word),
                "{text}: {q:?} (all: {:?})",
                qualifiers(text)
            );
        }
    }

    /// English months and quarters of a year, at the latest day they may mean.
    #[test]
    fn english_months_and_quarters() {
        use crate::date::Date;
        let d = |y, m, d| Date::new(y, m, d).unwrap();
        assert_eq!(
            english_months("from April 2027; Sept. 2026; Q3 2026, 4Q 2026"),
            [
                ("april 2027".to_owned(), d(2027, 4, 30)),
                ("sept 2026".to_owned(), d(2026, 9, 30)),
                ("q3 2026".to_owned(), d(2026, 12, 31)),
                ("4q 2026".to_owned(), d(2027, 3, 31)),
            ]
        );
        assert_eq!(english_months("ISO 27001 2013, may 12345"), []);
        let as_of = d(2026, 4, 1);
        assert!(later_date("April 2027", as_of).is_some());
        assert!(later_date("March 2026", as_of).is_none());
    }

    #[test]
    fn titles_hold_their_own_words() {
        assert_eq!(
            qualifier_beyond(
                "情報セキュリティ継続の計画",
                &["情報セキュリティ継続の計画"]
            ),
            None
        );
        assert!(
            qualifier_beyond("特権（東京リージョンのみ）", &["特権的アクセス権の管理"]).is_some()
        );
    }

    /// Headers naming a date that is not the implementation's, and dates a remark says are
    /// of something else; an implementation date header is neither.
    #[test]
    fn a_partys_thing_the_service_itself_manages_is_its_own() {
        for t in [
            "AWSの設定は当社で管理",
            "AWSの設定を当社が実施",
            "IaaSの設定は自社にて管理",
        ] {
            assert!(
                !qualifiers(t).iter().any(|q| q.kind == Kind::Others),
                "{t}: {:?}",
                qualifiers(t)
            );
        }
        for t in [
            "AWSの設定",
            "AWS側で設定、当社で確認",
            "AWSの設定は当社では管理しない",
            "顧客の設定による",
        ] {
            assert!(
                qualifiers(t).iter().any(|q| q.kind == Kind::Others),
                "{t}: {:?}",
                qualifiers(t)
            );
        }
    }

    /// Review 12 C-1: the ordinary phrases of a Japanese statement that add to a fixed
    /// practice, forbid, say who may use a tool or run an exception process are read; the
    /// limits beside them stay qualifiers.
    #[test]
    fn ordinary_phrases_of_a_statement_limit_nothing() {
        for t in [
            "年1回及び必要に応じて見直しを実施",
            "委託先から年1回報告を受け、必要に応じて監査を実施",
            "媒体の持ち出しは原則禁止",
            "原則として媒体の持ち出しを禁止",
            "媒体の輸送は原則行わないが、行う場合は暗号化し",
            "特権IDの利用は承認された作業時のみ",
            "特権的なユーティリティの利用は管理者に限る",
            "監査ツールの利用は内部監査部門に限定",
            "業務上必要な範囲でのみ権限を付与",
            "本番環境へのソフトウェア導入は構成管理ツール経由に限定",
            "例外は情報セキュリティ委員会が承認",
        ] {
            assert_eq!(qualifier_in(t), None, "{t}");
        }
        for t in [
            "必要に応じて実施",
            "原則実施",
            "原則として実施",
            "サーバの一部のみ",
            "本番環境のみ",
            "東京リージョンのみ",
            "MFAの利用は管理者のみ",
            "本サービスの利用は東京リージョンのみ",
            "例外あり",
            "例外は未承認",
            "例外はあるが委員会で承認",
            "主要な委託先については再委託先も含めて管理",
        ] {
            assert!(qualifier_in(t).is_some(), "{t}");
        }
    }

    /// Review 12 C-9 and C-19: a finding word said to be none, a count of none, are clean; a
    /// finding standing, a count above none, are not; nor a finding settled (review 23 A-4).
    #[test]
    fn findings_none_or_settled_and_zero_counts() {
        for t in [
            "観察事項なし",
            "改善提案なし",
            "不備事項なし",
            "No observations",
        ] {
            assert!(clean_audit_result(t), "{t}");
        }
        for t in [
            "改善提案1件（対応済）",
            "軽微な指摘あり（是正済）",
            "指摘1件（是正済）",
            "不備1件（対応済）",
            "指摘2件：1件は是正中、1件（是正済）",
            "指摘事項：運用不備により特権IDの棚卸未実施（対応済）",
            "観察事項あり",
            "軽微な指摘あり",
            "指摘あり（対応中）",
            "改善提案1件",
        ] {
            assert!(!clean_audit_result(t), "{t}");
        }
        for (h, t) in [
            ("Findings Count", "0"),
            ("指摘件数", "0件"),
            ("Exceptions", "0"),
            ("課題", "０"),
        ] {
            assert!(zero_count(h, t), "{h}: {t}");
        }
        for (h, t) in [
            ("Findings Count", "1"),
            ("指摘件数", "2件"),
            ("除外理由", "0"),
            ("対応予定日", "0"),
        ] {
            assert!(!zero_count(h, t), "{h}: {t}");
        }
    }

    /// Review 12 C-2: findings there are none of, or settled, read; findings standing do not.
    #[test]
    fn english_findings_none_or_settled() {
        for t in [
            "Annual penetration test performed by a third party; findings remediated",
            "Internal audit performed annually; no open findings",
            "No findings",
            "All findings were closed",
        ] {
            assert_eq!(qualifier_in(t), None, "{t}");
        }
        for t in [
            "Findings open",
            "Two findings not yet remediated",
            "Audit findings pending",
            "Gaps identified",
        ] {
            assert!(qualifier_in(t).is_some(), "{t}");
        }
    }

    #[test]
    fn a_statement_that_ran_until_a_past_date_ended() {
        let as_of = crate::date::Date::new(2026, 4, 1).unwrap();
        let ended = |t: &str| ended_before(t, as_of).map(|q| (q.kind, q.word));
        for (text, word) in [
            ("2025年3月まで実施", "2025年3月"),
            ("2025年3月まで運用", "2025年3月"),
            ("2025-12-31まで有効", "2025-12-31"),
            ("旧システムで2025年まで実施", "2025年"),
            ("2025年12月末で契約終了", "2025年12月"),
            ("2025年3月をもって提供終了", "2025年3月"),
            ("2025年3月まで", "2025年3月"),
            ("Implemented until March 2025", "March 2025"),
            ("Expired on 2025-12-31", "2025-12-31"),
            ("Decommissioned in 2025年", "2025年"),
        ] {
            assert_eq!(
                ended(text),
                Some((Kind::Ended(as_of), word.to_owned())),
                "{text}"
            );
        }
        for text in [
            "2025年3月から実施",
            "2025年3月以降実施",
            "2025年3月までに実施",
            "2027年3月まで有効",
            "2026年4月1日まで有効",
            "ログは2024年まで保存",
            "2024年3月まで手動で実施、以降は自動化",
            "2024年3月まで旧方式、2024年4月より新方式で実施",
            "Logs retained until March 2025",
            "Implemented in March 2025",
            "2025年3月に導入",
            "2025年3月で旧システムを廃止",
        ] {
            assert_eq!(ended(text), None, "{text}");
        }
    }

    #[test]
    fn a_validity_not_in_effect_on_the_as_of_date() {
        let as_of = crate::date::Date::new(2026, 4, 1).unwrap();
        for h in [
            "有効期限",
            "有効期間",
            "証明書有効期限",
            "Expiry",
            "Expiration date",
            "Valid until",
            "Validity",
        ] {
            assert!(names_validity(h), "{h}");
        }
        for h in ["最終確認日", "次回レビュー日", "保存期限", "実施日", "備考"]
        {
            assert!(!names_validity(h), "{h}");
        }
        let q = |t: &str| validity_ended(t, as_of).map(|q| (q.kind, q.word));
        let ended = |w: &str| Some((Kind::Ended(as_of), w.to_owned()));
        assert_eq!(q("2025-12-31"), ended("2025-12-31"));
        assert_eq!(q("2026-03-31"), ended("2026-03-31"));
        assert_eq!(q("2025年3月"), ended("2025年3月"));
        assert_eq!(q("2024-04-01～2025-03-31"), ended("2025-03-31"));
        assert_eq!(q("March 2025"), ended("March 2025"));
        assert_eq!(
            q("2027-04-01～2028-03-31"),
            Some((Kind::Later(as_of), "2027-04-01".to_owned()))
        );
        for t in [
            "2026-04-01",
            "2026-12-31",
            "2025-04-01～2027-03-31",
            "2024-04-01～",
            "無期限",
            "",
        ] {
            assert_eq!(q(t), None, "{t}");
        }
        // a period of two dates is dates alone; a start alone is not
        assert!(is_date_alone("2025-04-01～2027-03-31"));
        assert!(!is_date_alone("2027-04-01～"));
    }

    #[test]
    fn dates_of_something_else() {
        for h in [
            "最終確認日",
            "確認日",
            "更新日",
            "有効期限",
            "証明書有効期限",
            "保存期限",
            "次回レビュー日",
            "次回見直し日",
            "見直し予定",
            "Last reviewed",
            "Expiry date",
            "Next review date",
        ] {
            assert!(names_record_date(h), "{h}");
            assert_eq!(header(h), Header::Plain, "{h}");
        }
        for h in [
            "実施日",
            "導入日",
            "対応予定日",
            "期限",
            "備考",
            "Due date",
            "次回導入予定日",
            "Next deployment date",
        ] {
            assert!(!names_record_date(h), "{h}");
        }
        for (h, confirmed) in [
            ("最終確認日", true),
            ("更新日", true),
            ("Last reviewed", true),
            ("次回確認日", false),
            ("有効期限", false),
            ("次回レビュー日", false),
        ] {
            assert_eq!(names_confirmation_date(h), confirmed, "{h}");
        }
        let as_of = crate::date::Date::new(2026, 4, 1).unwrap();
        for text in [
            "ログは2030年まで保存",
            "ISO27001認証（2027年3月まで有効）",
            "年1回見直し、次回は2027年3月",
            "有効期限 2027-12-31",
            "Certificate valid until 2027-12-31",
            "next review Q3 2026",
        ] {
            assert_eq!(later_date(text, as_of), None, "{text}");
        }
        for text in [
            "2027年4月から",
            "2030年まで保存する仕組みを2027年に導入",
            "次回導入 2027年",
            "2027年まで有効な暫定対応",
            "valid until 2027-12-31; implemented on 2027-04-01",
        ] {
            assert!(later_date(text, as_of).is_some(), "{text}");
        }
    }

    /// Review 16 A-13: a note saying the list is a draft or not final, in words; fix20-csp
    /// "Left": an approval field stated empty. Guards beside each.
    #[test]
    fn a_note_saying_draft_and_an_empty_approval_field_are_draft_marks() {
        for line in [
            "※本一覧は案であり、最終版ではありません",
            "※本一覧は案です",
            "（案）",
            "Draft - not final",
            "※内容は未確定",
            "承認欄：（空欄）",
            "承認：",
            "承認者：－",
            "Approval: (blank)",
        ] {
            let q = document_mark(line, crate::date::Date::new(2026, 4, 1).unwrap());
            assert_eq!(q.map(|q| q.kind), Some(Kind::Draft), "{line}");
        }
        for line in [
            "※本一覧は最終版です",
            "※ご案内：詳細は別紙",
            "※提案中の項目はありません",
            "案件管理規程",
            "承認：山田",
            "承認",
            "承認日：2026-03-01",
        ] {
            assert_eq!(
                document_mark(line, crate::date::Date::new(2026, 4, 1).unwrap()),
                None,
                "{line}"
            );
        }
        assert!(approval_label_alone("承認："));
        assert!(!approval_label_alone("承認：山田"));
    }

    /// Review 25: a note dating the list's contents after the as-of date in a sentence
    /// (`記載内容は…時点`, `…現在の情報です`, `As of …`) dates the list; one on or before it, or
    /// a date that is not what the list states of (`2027年4月1日から適用`), is none here.
    #[test]
    fn a_note_dating_the_list_later_in_a_sentence() {
        let as_of = crate::date::Date::new(2026, 12, 1).unwrap();
        for line in [
            "※ 記載内容は2027年4月1日時点",
            "※本一覧は2027年4月1日現在の情報です",
            "※ As of 2027-04-01",
        ] {
            let q = document_mark(line, as_of);
            assert!(
                q.as_ref()
                    .is_some_and(|q| matches!(q.kind, Kind::DatedLater(_))),
                "{line}: {q:?}"
            );
        }
        for line in [
            "※ 記載内容は2026年4月1日時点",
            "※本一覧は2026年11月30日現在の情報です",
            "※ 2027年4月1日から適用",
        ] {
            assert_eq!(document_mark(line, as_of), None, "{line}");
        }
    }

    /// fix17-out "Noticed": `FY2025` in a path is the records' year; a later one is a
    /// later fiscal year.
    #[test]
    fn fiscal_years_of_a_path() {
        let as_of = crate::date::Date::new(2026, 12, 1).unwrap();
        assert_eq!(
            without_path_years("\\\\fs01\\ISMS\\FY2025\\a", as_of),
            "\\\\fs01\\ISMS\\ \\a"
        );
        assert_eq!(
            without_path_years("/ISMS/FY2027/", as_of),
            "/ISMS/2027年度/"
        );
        assert_eq!(without_path_years("FY2025", as_of), "FY2025");
        assert_eq!(
            without_path_years("/ISMS/MYFY2025/", as_of),
            "/ISMS/MYFY2025/"
        );
    }

    #[test]
    fn a_title_blocks_approval_reads_as_an_approval_column() {
        // one vocabulary with the approval column (fix17-csp): its labels, its values
        for line in [
            "承認：未",
            "承認 未承認",
            "承認：回付中",
            "社内承認：未",
            "承認：承認前",
            "Approval: pending",
            "Sign-off: not yet",
            "未承認",
        ] {
            assert!(unapproved(line).is_some(), "{line}");
        }
        for line in [
            "承認：済",
            "承認 山田部長",
            "承認者：未定の場合は部長",
            "承認 された手順に従い運用することを未来にわたり約束する",
            "承認：2025-04-01",
        ] {
            assert!(unapproved(line).is_none(), "{line}");
        }
    }

    #[test]
    fn approval_headers_and_values() {
        for (h, want) in [
            ("承認状況", Some(true)),
            ("レビュー状況", Some(true)),
            ("Approval status", Some(true)),
            ("Approved?", Some(true)),
            ("承認", Some(false)),
            ("Review", Some(false)),
            ("承認者", None),
            ("承認日", None),
            ("レビュー結果", None),
            ("未承認理由", None),
            // review 14 A-2, C-1: the approval in other words
            ("社内承認", Some(false)),
            ("最終承認", Some(false)),
            ("Sign-off", Some(false)),
            ("Management approval", Some(false)),
            ("Approval date", None),
            ("承認権限", None),
        ] {
            let got = match header(h) {
                Header::Approval(s) => Some(s),
                _ => None,
            };
            assert_eq!(got, want, "{h}");
        }
        for v in [
            "承認済",
            "承認済み",
            "済",
            "○",
            "Approved",
            "approved on 2025-04-01",
            "2025/4/1",
            "承認済（2025/4/1）",
            "レビュー済",
            "",
            "-",
            // review 14 C-5: with the approver
            "山田部長承認済",
            "承認済（CISO）",
            "Approved by CISO",
        ] {
            assert!(approval_given(v), "{v}");
            assert_eq!(approval_denied(v), None, "{v}");
        }
        for v in [
            "未承認",
            "未",
            "承認待ち",
            "申請中",
            "レビュー中",
            "差戻し",
            "却下",
            "×",
            "No",
            "Pending",
            "Not approved",
            "Rejected",
            "In review",
            "Draft",
            "未レビュー",
            "回付中",
            "山田部長承認待ち",
            "仮承認",
            "Provisional",
        ] {
            assert!(!approval_given(v), "{v}");
            assert!(approval_denied(v).is_some(), "{v}");
        }
        // neither: read by the remark rules (or refused under a status header)
        assert!(!approval_given("山田部長") && approval_denied("山田部長").is_none());
    }

    #[test]
    fn headers() {
        for (h, want) in [
            ("適用/除外の理由", Header::Plain),
            ("備考", Header::Plain),
            ("Details", Header::Plain),
            ("説明", Header::Plain),
            ("最終確認日", Header::Plain),
            ("No", Header::Plain),
            ("#", Header::Plain),
            ("No.", Header::Plain),
            ("実施内容", Header::Plain),
            ("対応内容", Header::Plain),
            ("Justification", Header::Plain),
            ("理由・根拠", Header::Plain),
            ("Inclusion/exclusion justification", Header::Plain),
            ("Scope", Header::Scope),
            ("適用範囲", Header::Scope),
            ("Responsibility", Header::Who),
            ("実施主体", Header::Who),
            ("Inherited from", Header::Who),
            ("管理者", Header::Owner),
            ("対応者", Header::Owner),
            ("運用者", Header::Owner),
            ("担当", Header::Owner),
            ("担当者", Header::Owner),
            ("実施部署", Header::Owner),
            ("実施者", Header::Owner),
            ("提供元", Header::Who),
            ("Owner", Header::Owner),
            ("Operator", Header::Owner),
            ("Provider", Header::Who),
            ("Managed by", Header::Who),
            ("Implemented by", Header::Who),
            ("Control Owner", Header::Owner),
            ("責任者", Header::Owner),
            ("Test Result", Header::TestResult),
            ("Last Test Result", Header::TestResult),
            ("Testing Status", Header::TestResult),
            ("Assessment Result", Header::TestResult),
            ("Control Test", Header::TestResult),
            ("テスト結果", Header::TestResult),
            ("有効性評価", Header::TestResult),
            ("運用評価", Header::TestResult),
            ("レビュー結果", Header::TestResult),
            ("Environment", Header::Scope),
            ("対象環境", Header::Scope),
            ("委託先", Header::Delegate),
            ("委託先名", Header::Delegate),
            ("Subcontractor", Header::Delegate),
            ("管理策名", Header::Plain),
            ("管理策の内容", Header::Plain),
        ] {
            assert_eq!(header(h), want, "{h}");
        }
        assert_eq!(header("関連する統制目標"), Header::Plain);
        for h in [
            "除外理由",
            "非該当理由",
            "適用除外の理由",
            "Reason for exclusion",
            "未実施理由",
            "対応予定日",
            "対応完了予定日",
            "課題",
            "Exceptions",
            "Gap",
            "Due date",
            "Remediation plan",
        ] {
            assert!(
                matches!(header(h), Header::Qualifying(_)),
                "{h}: {:?}",
                header(h)
            );
        }
        for nothing in [
            "N/A",
            "n/a",
            "NA",
            "該当なし",
            "Not applicable",
            "－",
            "なし",
        ] {
            assert!(nothing_for_the_row(nothing), "{nothing}");
        }
        for something in ["対象外", "IaaS側で実施", "2026/09/30", "非該当"] {
            assert!(!nothing_for_the_row(something), "{something}");
        }
        assert!(is_whole_scope("全サービス"));
        for whole in [
            "本サービス",
            "当サービス全体",
            "サービス全体",
            "The entire service",
        ] {
            assert!(is_whole_scope(whole), "{whole}");
        }
        for part in ["東京リージョン全体", "サービスA", "本サービスの管理画面"]
        {
            assert!(!is_whole_scope(part), "{part}");
        }
        assert!(is_whole_scope("All services"));
        assert!(!is_whole_scope("東京リージョン"));
        assert_eq!(names_another_party("CSP").as_deref(), None);
        assert_eq!(names_another_party("Customer").as_deref(), Some("customer"));
        assert_eq!(names_another_party("IaaS事業者").as_deref(), Some("iaas"));
        assert_eq!(names_another_party("MSP事業者").as_deref(), Some("msp"));
        assert_eq!(names_another_party("外部SOC").as_deref(), Some("外部"));
        assert_eq!(
            names_another_party("Microsoft").as_deref(),
            Some("microsoft")
        );
        for own in ["当社", "自社", "情報システム部", "セキュリティ運用チーム"]
        {
            assert_eq!(names_another_party(own), None, "{own}");
        }
        assert!(names_own_party("当社") && names_own_party("自社。"));
        assert!(!names_own_party("株式会社サンプル"));
    }

    /// Review 11, A-13: under a header naming who implements, only the service itself.
    #[test]
    fn only_the_service_itself_names_who_implements() {
        for own in [
            "当社",
            "自社",
            "弊社",
            "CSP",
            "Provider",
            "Service provider",
            "Internal",
            "Us",
            "SecOps",
            "IT Ops",
            "Security team",
            "情報システム部",
            "セキュリティ運用チーム",
            "当社（情報システム部）",
            "基盤運用部",
            // the company's organs, the whole company (review 12 C-10)
            "取締役会",
            "経営会議",
            "全社",
            "各部門",
            "本社",
            "Board of Directors",
            "Management",
            "All departments",
            "Company-wide",
            // the provider's side of a responsibility matrix (review 13 C-12)
            "事業者",
            "クラウド事業者",
            "事業者側",
            "Cloud Provider",
        ] {
            assert!(names_only_self(own), "{own}");
        }
        // a team of the service under an owner's header too (`examples/soa.xlsx`)
        assert_eq!(names_another_party("基盤運用部"), None);
        for other in [
            "Hybrid",
            "Subservice Organization",
            "Platform",
            "Parent company",
            "Managed Service",
            "Sub-processor",
            "Okta",
            "Group",
            "Shared",
            "CSP/Customer",
            "パートナー",
            "基盤事業者",
            "両社",
            "さくらインターネット",
            "NTTデータ",
            "富士通",
            "部",
            "外部委託先の運用チーム",
            "Customer IT team",
            "グループ全体",
            "Customer management",
            "IaaS事業者",
            "委託先事業者",
            "事業者・利用者",
        ] {
            assert!(!names_only_self(other), "{other}");
        }
    }

    /// Review 11, A-1: a test's result reads clean or not at all.
    #[test]
    fn clean_test_results() {
        for clean in [
            "Pass",
            "Passed",
            "合格",
            "Effective",
            "OK",
            "承認",
            "",
            "N/A",
            "Passing",
            "Healthy",
            "Green",
            "Compliant",
        ] {
            assert!(is_clean_test(clean), "{clean}");
        }
        for not in [
            "Failing",
            "Unhealthy",
            "Red",
            "Amber",
            "NG",
            "Non-compliant",
            "Noncompliant",
            "Not compliant",
            "Partially compliant",
            "Fail",
            "Failed",
            "Deficient",
            "不合格",
            "有効でない",
            "差戻し",
            "Not tested",
            // review 18 A-3: a footnote mark says more below the table
            "Passing*",
            "Pass*",
            "OK※",
            "Compliant†",
        ] {
            assert!(!is_clean_test(not), "{not}");
        }
    }

    /// fix22-sheets, noticed: a monitor's or a RAG light's state short of green is another
    /// status under any header; a colour under a rating of risk is the asset's.
    #[test]
    fn health_states_short_of_green() {
        for (header, text) in [
            ("Monitoring", "Unhealthy"),
            ("RAG", "Red"),
            ("Health", "amber"),
            ("備考", "赤"),
            ("Risk Rating", "Degraded"),
        ] {
            assert!(
                health_short_of_clean(header, text).is_some(),
                "{header}: {text}"
            );
        }
        for (header, text) in [
            ("Monitoring", "Healthy"),
            ("RAG", "Green"),
            ("Remarks", "Red Hat Enterprise Linux"),
            ("Remarks", "Redundant"),
            ("Risk Rating", "Red"),
            ("優先度", "赤"),
        ] {
            assert!(
                health_short_of_clean(header, text).is_none(),
                "{header}: {text}"
            );
        }
    }

    /// Review 11, A-1 and A-2: remarks saying the control ended, is unapproved, does not
    /// work or covers part of the service qualify; their ordinary neighbours read.
    #[test]
    fn ended_unapproved_failing_and_partial_remarks() {
        for text in [
            "2025年3月末で廃止",
            "廃止",
            "2025年3月に終了",
            "一時停止中",
            "停止中",
            "Retired",
            "Suspended",
            "Decommissioned in 2025",
            "規程案を作成済み（承認待ち）",
            "承認待ち",
            "ドラフト版",
            "レビュー中",
            "Draft",
            "Policy drafted, awaiting approval",
            "Under review",
            "Target Q2",
            "目標: 第2四半期",
            "形骸化している",
            "運用に課題",
            "実効性に懸念",
            "改善指導あり",
            "改善の余地あり",
            "Needs improvement",
            "Issue open",
            "No evidence",
            "証跡なし",
            "不合格",
            "有効でない",
            "無効",
            "Control failed last quarterly test",
            "Deficiency identified by internal audit",
            "サーバの8割に導入",
            "80%のサーバに導入済み",
            "Coverage: 80%",
            "80% of servers",
            "Most servers",
            "主要サーバに導入",
            "重要システムに導入",
            "管理者アカウントに適用",
            "Enabled for admins",
            "Prod",
            "Production environment",
            "Applies to production workloads",
            "本番",
            "ap-northeast-1で実施",
            "US regions",
            "Sandbox accounts are out of scope",
            "Manual process for legacy systems",
        ] {
            assert!(qualifier_in(text).is_some(), "{text}");
        }
        for text in [
            "全サーバに導入",
            "100%",
            "手順書 AC-01 に基づき実施",
            "Production and staging",
            "改善を継続的に実施",
            "退職者のアカウントを即日停止",
            "不要なアカウントは廃止",
            "セッションはタイムアウトで終了",
            "異常時は自動停止",
            "Suspended accounts are deleted after 90 days",
            "Accounts are suspended after 5 failed attempts",
            "Failed login attempts lock the account",
            "No deficiencies noted",
            "不合格の場合は再受講",
            "退職者のアカウントが有効でないことを確認",
            "CPU使用率80%でアラート",
            "稼働率99.9%",
            "バックアップをap-northeast-3へ複製",
            "Uses the most recent TLS version",
            "重要情報を暗号化して保管",
            "課題管理表で追跡",
            "懸念事項なし",
            "Issues tracked in Jira",
            "Continuous improvement programme",
            "Pass",
            "合格",
        ] {
            assert_eq!(qualifier_in(text), None, "{text}");
        }
    }

    /// Review 23 A-3: a header's note naming an edition, a plan, a short region, a site, a
    /// part or the provider's share limits the statement; a date, `監査済`, a version of the
    /// document or the whole service does not.
    #[test]
    fn a_header_note_naming_an_edition_plan_place_or_part_limits() {
        for (note, word) in [
            ("Enterprise版", "版"),
            ("標準プラン", "プラン"),
            ("Tokyo", "tokyo"),
            ("大阪", "osaka"),
            ("国内DC", "dc"),
            ("SaaS部分", "部分"),
            ("当社分", "当社分"),
            ("Premium plan", "plan"),
            ("SKU", "sku"),
        ] {
            let q = header_note_qualifier(note);
            assert!(
                q.as_ref()
                    .is_some_and(|q| q.kind == Kind::Scope && q.word == word),
                "{note}: {q:?}"
            );
        }
        for note in [
            "2025年4月時点",
            "監査済",
            "第2版",
            "2025年版",
            "改訂版",
            "全エディション",
            "全リージョン",
            "10分",
        ] {
            assert_eq!(header_note_qualifier(note), None, "{note}");
        }
    }

    /// Review 23 A-3, A-13: a footnote reference standing alone; anything more is none.
    #[test]
    fn footnote_references_alone() {
        for t in [
            "※1", "※", "*2", "＊", "(*1)", "注1", "(注3)", "†", "‡", "Note 1", "注記",
        ] {
            assert!(footnote_ref(t).is_some(), "{t}");
        }
        for t in [
            "",
            "1",
            "※年1回見直し",
            "注意",
            "Notes",
            "None",
            "-",
            "N/A",
            "Available",
        ] {
            assert_eq!(footnote_ref(t), None, "{t}");
        }
    }

    /// closing-12 noticed: a header's note names a part of the service by a word as a word
    /// (`環境` in `環境的` names none), as a sheet's name is read.
    #[test]
    fn a_header_note_names_a_part_by_a_word() {
        for note in ["本番環境", "東京リージョン", "サービスB"] {
            assert!(
                header_note_qualifier(note).is_some_and(|q| q.kind == Kind::Scope),
                "{note}"
            );
        }
        for note in ["物理的及び環境的セキュリティ", "環境的対策"] {
            assert_eq!(header_note_qualifier(note), None, "{note}");
        }
        // the vocabulary shared with the check list's note matters
        assert!(unmet_ja("サポート外")
            .iter()
            .any(|q| q.word == "サポート外"));
        assert!(unmet_ja("差異あり").iter().any(|q| q.word == "差異あり"));
        assert!(unmet_ja("差異なし").is_empty());
    }

    /// Review 23 A-11: one vocabulary of conditioning words for both languages — each word
    /// found with its kind, as written (a stem in full); the words beside them that describe
    /// the control, say there is none or name every plan read.
    #[test]
    fn conditioning_words_in_both_languages() {
        use Kind::{Deferral, Others, Scope};
        for (text, kind, word) in [
            ("Paid option", Scope, "option"),
            ("Optional feature", Scope, "optional"),
            ("Add-on", Scope, "add-on"),
            ("Requires add-ons", Scope, "add-ons"),
            ("Extra cost", Scope, "extra cost"),
            ("Premium", Scope, "premium"),
            ("Available in Premium plan", Scope, "premium"),
            ("Available on the Business plan", Scope, "business plan"),
            ("Enterprise", Scope, "enterprise"),
            ("Enterprise edition", Scope, "enterprise"),
            ("Requires Enterprise", Scope, "enterprise"),
            ("Premium support", Scope, "premium"),
            ("エンタープライズ版", Scope, "エンタープライズ"),
            ("プレミアムで提供", Scope, "プレミアム"),
            ("Opt-in", Scope, "opt-in"),
            ("If enabled", Scope, "if enabled"),
            ("When enabled", Scope, "when enabled"),
            ("Off by default", Scope, "off by default"),
            ("On request", Scope, "on request"),
            ("有償", Scope, "有償"),
            ("有料", Scope, "有料"),
            ("アドオン", Scope, "アドオン"),
            ("追加費用", Scope, "追加費用"),
            ("プレミアムプラン", Scope, "プレミアム"),
            ("オプトイン", Scope, "オプトイン"),
            ("要設定", Scope, "要設定"),
            ("申請により提供", Scope, "申請により提供"),
            ("Beta", Deferral, "beta"),
            ("Public preview", Deferral, "preview"),
            ("Temporary", Deferral, "temporary"),
            ("Temporarily disabled", Deferral, "temporarily"),
            ("Coming soon", Deferral, "coming soon"),
            ("Accepted risk", Deferral, "accepted risk"),
            ("ベータ版", Deferral, "ベータ"),
            ("β版", Deferral, "β版"),
            ("一時的", Deferral, "一時的"),
            ("一時的に手動で実施", Deferral, "一時的"),
            ("暫定", Deferral, "暫定"),
            ("近日対応", Deferral, "近日"),
            ("リスク受容", Deferral, "リスク受容"),
            ("リスクを許容", Deferral, "リスクを許容"),
            ("Provided by Microsoft", Others, "by microsoft"),
            ("AWS", Others, "aws"),
            ("Customer", Others, "customer"),
            ("The customer", Others, "the customer"),
            ("Customer configurable", Others, "customer configurable"),
            ("Via partner", Others, "via partner"),
            ("お客様", Others, "お客様"),
            ("AWS社", Others, "aws社"),
            ("パートナー経由", Others, "パートナー経由"),
            ("代理店経由で提供", Others, "代理店経由"),
        ] {
            let q = qualifier_in(text);
            assert!(
                q.as_ref().is_some_and(|q| q.kind == kind && q.word == word),
                "{text}: {q:?}"
            );
        }
        for text in [
            "Available",
            "Supported",
            "Enabled for all tenants",
            "Enabled by default",
            "全テナントで有効",
            "標準機能",
            "ID管理手順書に従う",
            "Customer data is encrypted",
            "顧客データを暗号化",
            "At no extra cost",
            "No add-on required",
            "MFA is not optional",
            "追加費用なし",
            "オプションなし",
            "Included in all plans",
            "全プラン共通",
            "Temporary credentials expire after 1 hour",
            "一時的なアカウントは期限付きで発行",
            "一時的な権限は承認後に付与",
            "Enterprise-wide policy",
            "Box Enterprise Plus 管理策実施状況",
            "サービス名: Microsoft 365 Enterprise",
            "Sample Premium Cloud",
            "サンプル プレミアム クラウド",
            "重要設定の変更は承認制",
            "Access via VPN",
            "Login via the customer portal",
            "Adoption of MFA",
            "MFA options: TOTP, FIDO2",
            "Accepted risks are reviewed annually",
            "リスク許容度を定める",
            "Enterprise risk management framework",
            "Alerts are triaged soon after they fire",
            "Changes are previewed before deployment",
            "Provider",
            "事業者",
            "テナント",
            "利用者",
            "Customer:",
            "VPN経由で接続",
        ] {
            assert_eq!(qualifier_in(text), None, "{text}");
        }
    }

    /// Review 25 A-13, A-14: off as standard, priced or given on consultation, a trial or
    /// beta, a time to come, on only once configured, as far as it can, on the roadmap — in
    /// the one vocabulary, each with its class; descriptions beside them still read.
    #[test]
    fn review25_qualifying_remarks() {
        use Kind::{Deferral, Scope};
        for (text, kind, word) in [
            ("標準では無効", Scope, "標準では無効"),
            ("標準で無効（設定で有効化）", Scope, "標準で無効"),
            ("個別見積", Scope, "個別見積"),
            ("要相談", Scope, "要相談"),
            ("Requires configuration", Scope, "requires configuration"),
            ("Configuration required", Scope, "configuration required"),
            ("Disabled by default", Scope, "disabled by default"),
            ("Best endeavours", Scope, "endeavours"),
            ("Reasonable endeavors", Scope, "endeavors"),
            ("可能な範囲で実施", Scope, "可能な範囲"),
            ("β", Deferral, "β"),
            ("β提供", Deferral, "β"),
            ("トライアル", Deferral, "トライアル"),
            ("トライアル提供中", Deferral, "トライアル"),
            ("Coming Q3", Deferral, "coming"),
            ("Coming in 2027", Deferral, "coming"),
            ("CSPのロードマップに記載", Deferral, "ロードマップ"),
        ] {
            let q = qualifier_in(text);
            assert!(
                q.as_ref().is_some_and(|q| q.kind == kind && q.word == word),
                "{text}: {q:?}"
            );
        }
        for text in [
            "標準機能で提供",
            "Logs coming from every host are collected",
            "手順書に従い実施",
            "可能性のあるリスクを評価",
            "見積手順に従う",
        ] {
            assert_eq!(qualifier_in(text), None, "{text}");
        }
    }
}
