//! The status vocabulary of CSP lists, in one place: the documented status values (the
//! README's table), the status words and marks a published list may not hold, check-mark
//! cells of a matrix, and what a sheet's name says.
use crate::model::Declared;
use crate::text::{fold_width, header_key};

/// The documented status values, compared after [`header_key`] (case, width, spaces,
/// hyphens and underscores ignored).
const VALUES: &[(Declared, &[&str])] = &[
    (
        Declared::Implemented,
        &[
            "implemented",
            "done",
            "yes",
            "y",
            // under a status header, `OK` is implemented and `NG` is not (review 23 C-12);
            // under another header its meaning is that header's ([`BY_HEADER`])
            "ok",
            "inplace",
            "実施",
            "実施済",
            "実施済み",
            "済",
            "済み",
            "対応済",
            "対応済み",
            "導入済",
            "導入済み",
            "実装済",
            "実装済み",
            "運用中",
            "運用済",
            "運用済み",
            // design and operation both stated (整備 alone is design: see DesignOnly); `・`
            // is dropped from the key (`整備・運用済`)
            "整備運用済",
            "整備運用済み",
            "整備及び運用済",
            "整備及び運用済み",
            "整備運用中",
            "整備済運用中",
            "整備済み運用中",
            "完了",
            "実施完了",
            "対応完了",
            "導入完了",
            "fullyimplemented",
            "compliant",
            // review 12 C-6 / C-17: an assessment's `Met`, a task's `Complete(d)`, an audit
            // sheet's `適合`; design and operation joined (`整備・運用`, `実施・運用中`,
            // `実施済み/運用中`); `実装`, `運用`
            "met",
            "complete",
            "completed",
            "適合",
            "整備運用",
            "実施運用中",
            "実施/運用中",
            "実施済/運用中",
            "実施済み/運用中",
            "実装",
            "運用",
            // review 23 C-12: a `対応状況` column's `対応` (as `対応済`), `準拠` (as `適合`),
            // a sentence's `実施している`, an assessment's `Effective`
            "対応",
            "準拠",
            "実施している",
            "実施しています",
            "対応している",
            "対応しています",
            "effective",
            "有",
            "有り",
            "あり",
            "はい",
            "○",
            "◯",
            "〇",
            "✓",
            "✔",
            "☑",
        ],
    ),
    (
        Declared::NotApplicable,
        &[
            "notapplicable",
            "n/a",
            "na",
            "excluded",
            "outofscope",
            "非該当",
            "対象外",
            "適用外",
            "適用除外",
            "除外",
            "該当なし",
            "該当無し",
            // not adopted in a statement of applicability (review 12 C-20)
            "不採用",
        ],
    ),
    (
        Declared::Planned,
        &[
            "planned",
            "inprogress",
            "計画中",
            "予定",
            "実施予定",
            "対応予定",
            "導入予定",
            "運用予定",
            "適用予定",
            "今後対応予定",
            "今後実施予定",
            "対応中",
            "実施中",
            "導入中",
            "準備中",
        ],
    ),
    (
        Declared::NotImplemented,
        &[
            "notimplemented",
            "ng",
            "notstarted",
            "notyet",
            "noncompliant",
            "notcompliant",
            "notmet",
            "不適合",
            "未着手",
            "未完了",
            "no",
            "n",
            "未実施",
            "未対応",
            "未導入",
            "未整備",
            "未",
            "無",
            "無し",
            "なし",
            "いいえ",
            "検討中",
            "×",
            "✕",
            "✖",
            "✗",
            "✘",
        ],
    ),
];

/// A status cell read by the documented table: the status, and the note written in
/// brackets after it (`非該当（IaaS側で実施）` → not applicable, `IaaS側で実施`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusValue {
    pub declared: Declared,
    pub note: String,
}

/// Why a status cell could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    Empty,
    /// `－`, `-`, `―`: not applicable to some, not stated to others.
    Dash,
    /// `△`, `一部`: partly implemented, which is not implemented, and not a status either.
    Partial,
    /// `x`: a check mark to some, a cross to others.
    LetterX,
    /// `適用`, `applicable`, `対象`: the control applies (is selected in a statement of
    /// applicability), which does not say it is implemented.
    Applicability,
    /// `整備済`: in audit vocabulary 整備 is the design of a control (整備状況) and 運用 its
    /// operation (運用状況): designed does not state that the control operates.
    DesignOnly,
    /// `実施*`, `Yes**`, `○※`: a footnote mark, whose note (somewhere else on the page) may
    /// narrow the statement.
    Footnote,
    /// `Inherited`, `継承`, `Inherited from AWS`: a GRC tool's status for a control the
    /// underlying service implements — not the service's own, and not "does not apply".
    Inherited,
    /// `実施 / 未実施`, `○ 未実施`: parts stating different statuses (review 13 C-14).
    Disagreeing,
    /// `(○)`, `（実施）`, `[済]`: an implemented mark wholly in brackets, in Japanese vendor
    /// tables the conditional or optional mark (`○：標準 (○)：条件付き・オプション`), not the
    /// bare one (review 19 A-7).
    Bracketed,
    /// `○○`, `○ ○`, `✓✓`: an implemented mark written twice, or beside another mark, with no
    /// word: no mark a legend defines (a doubled mark may grade it, as `◎` does).
    Repeated,
    Unknown,
}

impl Unreadable {
    /// What to tell the user, after the cell's value.
    pub fn why(self) -> &'static str {
        match self {
            Unreadable::Empty => "the status is empty",
            Unreadable::Dash => "a dash says not applicable to some readers and not stated to others",
            Unreadable::Partial => "a partly implemented control is not implemented, and the tool cannot tell what is missing",
            Unreadable::LetterX => "an 'x' is a check mark to some readers and a cross to others",
            Unreadable::Applicability => "it says the control applies (is selected in a statement of applicability), not that it is implemented",
            Unreadable::DesignOnly => "整備 (design) does not state that the control operates (運用)",
            Unreadable::Footnote => "it carries a footnote mark, and a footnote may narrow or contradict it (東京リージョンのみ)",
            Unreadable::Inherited => "an inherited control is implemented by the underlying service, not by this one, and inheritance is not a status of its own list",
            Unreadable::Disagreeing => "its parts state different statuses",
            Unreadable::Bracketed => "a mark in brackets ((○), (済)) is conventionally the conditional, partial or by-option mark, not the bare one",
            Unreadable::Repeated => "a mark written twice or beside another mark (○○, ○✓) is no mark a legend defines: a doubled mark may grade it, as ◎ does",
            Unreadable::Unknown => "it is not a status this tool knows",
        }
    }
}

impl Unreadable {
    /// What to do about it.
    pub fn hint(self) -> &'static str {
        match self {
            Unreadable::Applicability => "a statement of applicability's 採否 or 適用 says which controls are selected (採用), not that they are implemented: give each control's implementation status in a column of its own (実施状況: 実施, 未実施, 計画中, 非該当), beside the applicability column, which is then checked against it",
            Unreadable::DesignOnly => "write 実施 or 運用中 if the control is designed and operates (整備・運用済), 計画中 if it does not operate yet",
            Unreadable::Inherited => "give the controls the service relies on its IaaS or PaaS for in a profile (YAML) with `inherited:` and the underlying service with `inherits:`, so its own ISMAP registration is checked (README, Inherited coverage); in a status table, leave such rows out or state the service's own status",
            _ => VALUES_HINT,
        }
    }
}

/// The hint for any unreadable status: the values the tool reads.
pub const VALUES_HINT: &str = "write 実施/implemented (also 済, 有, はい, ○; with no note in brackets), 非該当/not applicable (also 対象外, 除外; a reason in brackets is kept: 非該当（IaaS側で実施）), 計画中/planned or 未実施/not implemented (also 無, いいえ, ×); see the README's table of status values";

/// A dash of any width (`-`, `－`, `―`, `ー`): not applicable to some readers, nothing to
/// others.
pub fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '－' | 'ー' | '―' | '—' | '–' | '‐' | '‑' | '−' | 'ｰ' | '─' | '━'
    )
}

/// Brackets a note may be written in.
const BRACKETS: &[(char, char)] = &[
    ('(', ')'),
    ('（', '）'),
    ('[', ']'),
    ('［', '］'),
    ('【', '】'),
    ('〔', '〕'),
    ('「', '」'),
    ('『', '』'),
    ('<', '>'),
    ('＜', '＞'),
    ('《', '》'),
];

pub fn is_bracket(c: char) -> bool {
    BRACKETS.iter().any(|&(o, e)| c == o || c == e)
}

/// Splits `value（note）` into the value and the note; `【value】` is the value alone.
/// `None` when brackets are there but not in either form (`未実施（予定）のため`).
fn split_note(s: &str) -> Option<(&str, &str)> {
    let Some(last) = s.chars().next_back() else {
        return Some((s, ""));
    };
    let Some(&(open, _)) = BRACKETS.iter().find(|&&(_, e)| e == last) else {
        return (!s.chars().any(is_bracket)).then_some((s, ""));
    };
    let inner_end = s.len() - last.len_utf8();
    let at = s[..inner_end].rfind(open)?;
    let (value, note) = (s[..at].trim(), s[at + open.len_utf8()..inner_end].trim());
    if value.is_empty() {
        // `【未実施】`: the value itself in brackets
        return (!note.chars().any(is_bracket)).then_some((note, ""));
    }
    (!value.chars().any(is_bracket)).then_some((value, note))
}

/// The status a bare value stands for (no brackets, trimmed), by the documented table.
fn lookup(value: &str) -> Option<Declared> {
    let key = header_key(value);
    VALUES
        .iter()
        .find(|(_, keys)| keys.contains(&&*key))
        .map(|(d, _)| *d)
}

/// The status a value stands for, whole or, written in two languages or as a mark and a
/// word (`実施 / Implemented`, `Yes / はい`, `○ 実施`, `実施済 ✓`, `○実施`), by its parts
/// when every part is a status value stating the same status (review 13 C-14); parts
/// stating different ones (`実施 / 未実施`) are refused, a part that is none is unknown.
fn lookup_parts(value: &str) -> Result<Option<Declared>, Unreadable> {
    if let Some(d) = lookup(value) {
        return Ok(Some(d));
    }
    let sep = |c: char| matches!(c, '/' | '／' | '|' | '｜');
    // parts between separators, each a value whole (`未実施 / Not implemented`)
    let between: Vec<&str> = value.split(sep).map(str::trim).collect();
    if between.len() > 1 && between.iter().all(|p| lookup(p).is_some()) {
        return agreeing(&between);
    }
    let mut parts: Vec<&str> = Vec::new();
    for word in value.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if word.chars().all(sep) {
            continue;
        }
        // a word whole (`N/A`), else its parts (`実施/Implemented`)
        let pieces: Vec<&str> = if lookup(word).is_some() {
            vec![word]
        } else {
            word.split(sep).filter(|p| !p.is_empty()).collect()
        };
        for piece in pieces {
            // a mark written against a word (`○実施`, `実施済✓`)
            let first = piece.chars().next().filter(|&c| is_status_mark_char(c));
            let last = piece
                .chars()
                .next_back()
                .filter(|&c| is_status_mark_char(c));
            match (first, last) {
                (Some(c), _) if piece.len() > c.len_utf8() => {
                    parts.push(&piece[..c.len_utf8()]);
                    parts.push(&piece[c.len_utf8()..]);
                }
                (_, Some(c)) if piece.len() > c.len_utf8() => {
                    parts.push(&piece[..piece.len() - c.len_utf8()]);
                    parts.push(&piece[piece.len() - c.len_utf8()..]);
                }
                _ => parts.push(piece),
            }
        }
    }
    if parts.len() < 2 {
        return Ok(None);
    }
    let agreed = agreeing(&parts)?;
    // marks alone (`○○`, `○ ○`, `○✓`), no word among them: no mark a legend defines
    let marks_only = parts
        .iter()
        .all(|p| p.chars().count() == 1 && !p.chars().any(char::is_alphanumeric));
    if marks_only && agreed == Some(Declared::Implemented) {
        return Err(Unreadable::Repeated);
    }
    Ok(agreed)
}

/// The status every one of `parts` states; `None` when one is no status value.
fn agreeing(parts: &[&str]) -> Result<Option<Declared>, Unreadable> {
    let mut found: Option<Declared> = None;
    for part in parts {
        let Some(d) = lookup(part) else {
            return Ok(None);
        };
        if found.is_some_and(|f| f != d) {
            return Err(Unreadable::Disagreeing);
        }
        found = Some(d);
    }
    Ok(found)
}

/// Reads a status cell by the documented table.
/// A value of a numbered drop-down list (`1:実施`, `1.実施済`, `2：一部実施`, `３．未実施`):
/// the word after the option's number, which is then read as any value is (review 15 C-9).
/// A number not followed by a separator and a word (`1`, `1.5`) is kept.
fn without_option_number(s: &str) -> &str {
    let digits = s
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || ('０'..='９').contains(c))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    if digits == 0 || s[..digits].chars().count() > 2 {
        return s;
    }
    let rest = &s[digits..];
    let Some(sep) = rest.chars().next() else {
        return s;
    };
    if !matches!(
        sep,
        ':' | '：' | '.' | '．' | '、' | ')' | '）' | '_' | ' ' | '　'
    ) {
        return s;
    }
    let word = rest[sep.len_utf8()..].trim();
    if word.is_empty()
        || word.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return s;
    }
    word
}

/// The reason after a not-applicable value and a dash or a colon (`N/A - inherited`,
/// `N/A – inherited from AWS`, `非該当：AWSが実施`): `None` for any other cell.
fn not_applicable_with_reason(s: &str) -> Option<&str> {
    let (at, sep) = [" - ", " – ", " — ", ":", "：", "－"]
        .iter()
        .filter_map(|sep| s.find(sep).map(|at| (at, *sep)))
        .min()?;
    let (head, reason) = (s[..at].trim(), s[at + sep.len()..].trim());
    (!reason.is_empty() && lookup(head) == Some(Declared::NotApplicable)).then_some(reason)
}

pub fn status_value(cell: &str) -> Result<StatusValue, Unreadable> {
    let s = without_option_number(cell.trim().trim_end_matches(PUNCTUATION).trim());
    if s.is_empty() {
        return Err(Unreadable::Empty);
    }
    if s.chars().all(is_dash) {
        return Err(Unreadable::Dash);
    }
    let whole = header_key(s);
    if whole.starts_with("inherit") || whole.starts_with("継承") {
        return Err(Unreadable::Inherited);
    }
    // `N/A - inherited`, `N/A: AWS responsibility`, `非該当 - AWS`: the reason of a not
    // applicable after a dash or a colon, as GRC tools write it, is read as the bracket
    // form's (`N/A (inherited)`), the reason then judged by the same rules (review 21 C-3)
    if let Some(note) = not_applicable_with_reason(s) {
        return Ok(StatusValue {
            declared: Declared::NotApplicable,
            note: note.to_owned(),
        });
    }
    let (value, note) = split_note(s).ok_or(Unreadable::Unknown)?;
    // a footnote mark before or after the value (`実施*`, `*Yes`, `○※1`, `Yes†`)
    let mark = |c: char| matches!(c, '*' | '＊' | '※' | '†' | '‡' | '§');
    if value.chars().any(mark) {
        let bare: String = value
            .chars()
            .filter(|&c| !mark(c) && !c.is_ascii_digit() && !matches!(c, '０'..='９'))
            .collect();
        if lookup(&bare).is_some() {
            return Err(Unreadable::Footnote);
        }
    }
    // `(○)`, `（実施）`: the value wholly in brackets
    let bracketed = s.chars().next().is_some_and(|first| {
        BRACKETS
            .iter()
            .any(|&(o, e)| o == first && s.ends_with(e) && s.len() > o.len_utf8())
    }) && s.len() > value.len();
    if let Some(declared) = lookup_parts(value)? {
        if bracketed && declared == Declared::Implemented {
            return Err(Unreadable::Bracketed);
        }
        // a note that only restates the value (`Yes (implemented)`, `○（実施）`) is none
        let note = if lookup(note) == Some(declared) {
            ""
        } else {
            note
        };
        return Ok(StatusValue {
            declared,
            note: note.to_owned(),
        });
    }
    let key = header_key(value);
    Err(match &*key {
        "x" => Unreadable::LetterX,
        "適用" | "適用済" | "適用済み" | "対象" | "applicable" | "inscope" | "selected"
        | "適用する" | "対象とする" | "採用" | "採用する" => {
            Unreadable::Applicability
        }
        "整備済" | "整備済み" | "整備完了" | "整備" => Unreadable::DesignOnly,
        "△"
        | "▲"
        | "▽"
        | "一部"
        | "一部実施"
        | "部分的"
        | "部分実施"
        | "partial"
        | "partially"
        | "partiallyimplemented"
        | "partiallycompliant" => Unreadable::Partial,
        _ => Unreadable::Unknown,
    })
}

/// A reason as the list gives it: the text, or nothing when it gives no reason — empty, a
/// dash or a question mark, "none" or "no reason" (`なし`, `特になし`, `理由なし`, `none`),
/// "undecided" (`TBD`, `未定`, `検討中`), "nothing in particular" (`特記事項なし`), "to be
/// given later" or "elsewhere" (`後日提出`, `別紙参照`: not stated here), or a status value
/// restating the status (`N/A`, `非該当`). An exclusion with such a "reason" is an exclusion without a reason.
pub fn reason_given(text: &str) -> &str {
    let t = text.trim();
    if says_no_reason(t) || gives_no_cause(t) {
        ""
    } else {
        t
    }
}

/// Status words, pointers to elsewhere and filler: a "reason" made of these alone gives no
/// cause (`非該当のため`, `対象外とした`, `不要`, `理由は特にない`, `別紙1参照`, `上記参照`,
/// `同上`, `〃`, `Nothing to note`). Japanese words are taken out wherever they stand,
/// English ones as whole words; longer words first.
const NO_CAUSE_JA: &[&str] = &[
    "非該当",
    "対象外",
    "適用外",
    "適用除外",
    "除外",
    "該当しない",
    "該当せず",
    "該当なし",
    "該当無し",
    "該当事項",
    "適用しない",
    "適用せず",
    "対象としない",
    "対象とせず",
    "対象なし",
    "必要なし",
    "必要無し",
    "必要ない",
    "必要がない",
    "必要はない",
    "不要",
    "不必要",
    "なし",
    "無し",
    "ナシ",
    "ない",
    "無い",
    "特記事項",
    "記載事項",
    "特記",
    "特に",
    "とくに",
    "理由は",
    "理由",
    "記載",
    "記入",
    "空欄",
    "省略",
    "未定",
    "未記入",
    "別紙",
    "別添",
    "添付",
    "資料",
    "参照",
    "のとおり",
    "の通り",
    "とおり",
    "通り",
    "後述",
    "前述",
    "上述",
    "上記",
    "下記",
    "同上",
    "同左",
    "同右",
    "同下",
    "同じ",
    "〃",
    "のため",
    "ため",
    "とする",
    "とした",
    "とします",
    "としました",
    "とします",
    "です",
    "である",
    "でした",
    "した",
    "する",
    "します",
    "事項",
    "該当",
    "適用",
    "対象",
    "の",
    "は",
    "が",
    "を",
    "に",
    "と",
    "で",
    "も",
    "にて",
];
const NO_CAUSE_EN: &[&str] = &[
    "n/a",
    "na",
    "not",
    "applicable",
    "no",
    "nothing",
    "none",
    "to",
    "note",
    "notes",
    "comment",
    "comments",
    "remark",
    "remarks",
    "see",
    "refer",
    "annex",
    "appendix",
    "attached",
    "attachment",
    "above",
    "below",
    "same",
    "as",
    "ditto",
    "reason",
    "reasons",
    "particular",
    "in",
    "needed",
    "required",
    "necessary",
    "excluded",
    "exclusion",
    "the",
    "do",
    "does",
    "is",
    "are",
    "it",
    "this",
    "for",
    "of",
    "out",
    "scope",
    "tbd",
    "nil",
];

/// Words that name only the service, its kind or the statement it is described in
/// (lower case, longer first): a reason for 非該当 made of these and words that give no
/// cause ([`reason_given`]) gives none — `本サービスでは該当しない`, `SaaSのため`,
/// `Not applicable to SaaS`, `理由は言明書を参照` say that it does not apply here, not why
/// (review 24 B-3). A cause beside them (`本サービスは物理媒体を扱わないため`) is a reason.
pub const THE_SERVICE_ALONE: &[&str] = &[
    "当社クラウドサービス",
    "当社サービス",
    "弊社サービス",
    "自社サービス",
    "本クラウドサービス",
    "クラウドサービス",
    "本サービス",
    "当サービス",
    "対象サービス",
    "本システム",
    "当システム",
    "クラウド",
    "サービス",
    "言明書",
    "詳細",
    "当社",
    "弊社",
    "自社",
    "saas",
    "this service",
    "the service",
    "our service",
    "cloud service",
    "service",
    "statement",
    "details",
    "detail",
];

/// Whether a text written as a reason for 非該当 names only the service, its kind or the
/// statement ([`THE_SERVICE_ALONE`]) besides words that give no cause: no cause is given.
pub fn names_only_the_service(text: &str) -> bool {
    let mut rest = crate::text::fold_width(text).to_lowercase();
    let mut removed = false;
    for w in THE_SERVICE_ALONE {
        if rest.contains(w) {
            removed = true;
            rest = rest.replace(w, " ");
        }
    }
    removed && reason_given(&rest).is_empty()
}

/// Whether `text` is made only of status words, pointers to elsewhere, filler, numbers and
/// punctuation ([`NO_CAUSE_JA`], [`NO_CAUSE_EN`]), at least one of the words among them:
/// no cause is given.
pub fn gives_no_cause(text: &str) -> bool {
    let lower = crate::text::fold_width(text).to_lowercase();
    let mut rest = String::new();
    let mut word = String::new();
    let mut removed = false;
    let flush = |word: &mut String, rest: &mut String, removed: &mut bool| {
        if word.is_empty() {
            return;
        }
        if NO_CAUSE_EN.contains(&word.as_str()) {
            *removed = true;
        } else {
            rest.push_str(word);
        }
        rest.push(' ');
        word.clear();
    };
    for c in lower.chars() {
        if c.is_ascii_alphanumeric() || c == '/' {
            word.push(c);
        } else {
            flush(&mut word, &mut rest, &mut removed);
            rest.push(c);
        }
    }
    flush(&mut word, &mut rest, &mut removed);
    let mut words: Vec<&str> = NO_CAUSE_JA.to_vec();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    for w in words {
        if rest.contains(w) {
            removed = true;
            rest = rest.replace(w, "");
        }
    }
    // a text without any of the words (`=1+1`) is left to the listed ones
    removed
        && rest.chars().all(|c| {
            c.is_whitespace()
                || c.is_ascii_digit()
                || c.is_ascii_punctuation()
                || is_dash(c)
                || is_bracket(c)
                || matches!(
                    c,
                    '。' | '、' | '，' | '．' | '・' | '…' | '※' | '＊' | '：' | '？' | '！'
                )
        })
}

/// The listed "reasons" that give none: empty, a dash or a question mark, `なし`, `TBD`,
/// `特記事項なし`, `別紙参照`, a status value. A remark of an implemented row saying one of
/// these says nothing.
pub fn says_no_reason(text: &str) -> bool {
    let t = text.trim();
    let bare = t.trim_end_matches(PUNCTUATION).trim();
    bare.is_empty()
        || bare
            .chars()
            .all(|c| is_dash(c) || matches!(c, '?' | '？' | '…' | '・' | '*' | '＊' | '.' | '．'))
        || status_value(bare).is_ok()
        || matches!(
            &*header_key(bare),
            "なし"
                | "無し"
                | "無"
                | "特になし"
                | "特に無し"
                | "とくになし"
                | "理由なし"
                | "理由無し"
                | "記載なし"
                | "記入なし"
                | "未記入"
                | "未記載"
                | "none"
                | "nil"
                | "null"
                | "noreason"
                | "tbd"
                | "tba"
                | "tbc"
                | "未定"
                | "未確定"
                | "検討中"
                | "確認中"
                | "調整中"
                | "不明"
                | "後日"
                | "別途"
                | "特記事項なし"
                | "特記事項無し"
                | "特記なし"
                | "特記無し"
                | "記載事項なし"
                | "後日提出"
                | "後日提出予定"
                | "後日回答"
                | "別途提出"
                | "別途回答"
                | "別途説明"
                | "提出予定"
                | "別紙参照"
                | "別紙のとおり"
                | "別紙の通り"
                | "理由は別紙参照"
                | "理由は別紙"
                | "seeattached"
                | "tobeprovided"
                | "tobesubmitted"
                | "unknown"
                | "pending"
        )
}

/// Whether the cell is a status by the documented table (a note in brackets allowed).
pub fn is_status_value(cell: &str) -> bool {
    status_value(cell).is_ok()
}

/// Status words: found anywhere in a text (as a substring for Japanese, as whole words for
/// English), each with what it states (`None`: a status column's header).
const WORDS_JA: &[(&str, Option<Declared>)] = &[
    ("未実施", Some(Declared::NotImplemented)),
    ("未対応", Some(Declared::NotImplemented)),
    ("未導入", Some(Declared::NotImplemented)),
    ("未整備", Some(Declared::NotImplemented)),
    ("未定", Some(Declared::NotImplemented)),
    ("検討中", Some(Declared::NotImplemented)),
    ("一部実施", Some(Declared::NotImplemented)),
    ("部分的", Some(Declared::NotImplemented)),
    ("保留", Some(Declared::NotImplemented)),
    ("いいえ", Some(Declared::NotImplemented)),
    ("非該当", Some(Declared::NotApplicable)),
    ("対象外", Some(Declared::NotApplicable)),
    ("適用外", Some(Declared::NotApplicable)),
    ("除外", Some(Declared::NotApplicable)),
    ("該当なし", Some(Declared::NotApplicable)),
    ("該当無し", Some(Declared::NotApplicable)),
    ("不要", Some(Declared::NotApplicable)),
    ("計画中", Some(Declared::Planned)),
    ("予定", Some(Declared::Planned)),
    ("対応中", Some(Declared::Planned)),
    ("実施中", Some(Declared::Planned)),
    ("準備中", Some(Declared::Planned)),
    ("実施状況", None),
    ("対応状況", None),
    ("適用状況", None),
    ("実施有無", None),
    ("ステータス", None),
    ("進捗", None),
    ("確認結果", None),
    ("評価結果", None),
    ("対応有無", None),
];

const WORDS_EN: &[(&str, Option<Declared>)] = &[
    ("not implemented", Some(Declared::NotImplemented)),
    ("not started", Some(Declared::NotImplemented)),
    ("not yet", Some(Declared::NotImplemented)),
    ("partial", Some(Declared::NotImplemented)),
    ("partially", Some(Declared::NotImplemented)),
    ("tbd", Some(Declared::NotImplemented)),
    ("not applicable", Some(Declared::NotApplicable)),
    ("n/a", Some(Declared::NotApplicable)),
    ("excluded", Some(Declared::NotApplicable)),
    ("exclusion", Some(Declared::NotApplicable)),
    ("out of scope", Some(Declared::NotApplicable)),
    ("planned", Some(Declared::Planned)),
    ("in progress", Some(Declared::Planned)),
    ("pending", Some(Declared::Planned)),
    ("status", None),
    ("progress", None),
];

/// A status word found in a text: the word as listed, and what it states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub word: &'static str,
    pub states: Option<Declared>,
}

/// Every status word in `text`, in list order.
pub fn status_words(text: &str) -> Vec<Word> {
    let folded = fold_width(text);
    let lower = folded.to_lowercase();
    let mut found: Vec<Word> = WORDS_JA
        .iter()
        .filter(|(w, _)| match *w {
            // `不要なポート`, `不要の` describe; `対応不要` is a status
            "不要" => lower
                .match_indices(w)
                .any(|(i, m)| !lower[i + m.len()..].starts_with(['な', 'の'])),
            w => lower.contains(w),
        })
        .map(|&(word, states)| Word { word, states })
        .collect();
    // English: whole words, spaces and hyphens alike (`not-implemented`)
    let spaced: String = lower
        .chars()
        .map(|c| if c == '-' || c == '_' { ' ' } else { c })
        .collect();
    for &(word, states) in WORDS_EN {
        let hit = spaced.match_indices(word).any(|(i, m)| {
            let before = spaced[..i].chars().next_back();
            let after = spaced[i + m.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_alphanumeric())
                && !after.is_some_and(|c| c.is_ascii_alphanumeric())
        });
        if hit {
            found.push(Word { word, states });
        }
    }
    found
}

/// Punctuation a value or mark may end with (`未実施。`, `×.`).
const PUNCTUATION: &[char] = &['。', '.', '．', '、', ',', '！', '!'];

/// Characters that, alone or repeated, make a mark (`○`, `×`, `－`, `✓`).
fn is_mark_char(c: char) -> bool {
    is_dash(c) || is_status_mark_char(c) || matches!(c, '〇' | '●' | '◎' | '☐' | '□' | '■')
}

/// A token that is a mark or a status value on its own (`○`, `×`, `－`, `済`, `有`, `はい`,
/// `yes`, `可`, `否`): what a status column pasted beside an id looks like. (`0` and `1` are
/// not: a row number before an id is one; after an id, see [`is_flag`].)
pub fn is_mark(token: &str) -> bool {
    let t = token.trim();
    if t.is_empty() {
        return false;
    }
    if t.chars().all(is_mark_char) {
        return true;
    }
    let key = header_key(t);
    is_status_value(t)
        || matches!(
            &*key,
            "true" | "false" | "ok" | "ng" | "可" | "否" | "要" | "レ" | "x" | "有効" | "無効"
        )
}

/// A character that marks a status wherever it stands (`○`, `×`, `△`, `✓`), unlike the
/// bullets (`■`, `●`) headings start with.
pub fn is_status_mark_char(c: char) -> bool {
    matches!(
        c,
        '○' | '◯'
            | '×'
            | '✕'
            | '✖'
            | '✗'
            | '✘'
            | '△'
            | '▲'
            | '▽'
            | '▼'
            | '✓'
            | '✔'
            | '☑'
            | '☒'
            | '✅'
            | '❌'
    )
}

/// `0` or `1` after an id: a flag column (implemented or not) pasted beside it.
pub fn is_flag(token: &str) -> bool {
    flag_value(token).is_some()
}

/// `1` → true, `0` → false, anything else `None`.
pub fn flag_value(cell: &str) -> Option<bool> {
    match fold_width(cell.trim()).as_ref() {
        "0" => Some(false),
        "1" => Some(true),
        _ => None,
    }
}

/// How closely [`statement_in`] looks at a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    /// A bracketed note states something: text after an id in its own cell or line. A cell
    /// of its own (a title column) may hold brackets (`（PII）`).
    pub brackets: bool,
    /// `0` or `1` states something: text after an id on a line of pasted text. In a table,
    /// a column of 0 and 1 is judged as a column (a version or count column holds `1`).
    pub flags: bool,
}

impl Look {
    /// Text after an id in its own cell or line.
    pub const AFTER_ID: Look = Look {
        brackets: true,
        flags: true,
    };
    /// A cell of a table.
    pub const TABLE_CELL: Look = Look {
        brackets: false,
        flags: false,
    };
}

/// The marks, values and flags (`0`, `1`, when `flags`) a text holds: a field (between
/// commas, tabs, bars) that is one; and within a field of words, a mark or a Japanese value
/// (`特権 ×`, `管理 無`), and an English word that is also a value (`no`, `done`) only as the
/// last word: `no change since 2024` is a note, `access control No` is not.
pub(super) fn marks_in(text: &str, flags: bool) -> Vec<&str> {
    fn trim(t: &str) -> &str {
        t.trim().trim_end_matches(PUNCTUATION).trim()
    }
    let mark = |t: &str| is_mark(t) || (flags && is_flag(t));
    let mut found = Vec::new();
    for field in text
        .split(['\t', ',', ';', '、', '，', '；', '|'])
        .map(trim)
        .filter(|f| !f.is_empty())
    {
        if mark(field) {
            found.push(field);
            continue;
        }
        let words: Vec<&str> = field.split_whitespace().map(trim).collect();
        let last = words.len().saturating_sub(1);
        found.extend(words.iter().enumerate().filter_map(|(i, t)| {
            let plain_word = t.chars().all(|c| c.is_ascii_alphanumeric());
            (mark(t) && (i == last || !plain_word)).then_some(*t)
        }));
    }
    found
}

/// What a text states where nothing but ids and titles may stand (a published list, an id
/// cell): its first status word, mark, value, flag or bracketed note, as `look` says,
/// quoted for a message; `None` when it states nothing.
pub fn statement_in(text: &str, look: Look) -> Option<String> {
    if let Some(w) = status_words(text).first() {
        return Some(format!("the status word '{}'", w.word));
    }
    if let Some(t) = marks_in(text, look.flags).first() {
        let t = *t;
        return Some(if t.chars().all(is_mark_char) {
            format!("the mark '{t}'")
        } else if is_flag(t) {
            format!("the flag '{t}'")
        } else {
            format!("the status value '{t}'")
        });
    }
    if let Some(c) = text.chars().find(|c| is_status_mark_char(*c)) {
        return Some(format!("the mark '{c}'"));
    }
    if look.brackets && text.chars().any(is_bracket) {
        return Some("a note in brackets".to_owned());
    }
    None
}

/// The statements of `text` (status words and marks) that `title` does not hold itself: a
/// title may contain words that look like statuses (`情報セキュリティ継続の計画`), but a
/// title followed by `（未実施）` states something.
pub fn states_beyond(text: &str, title: &str) -> bool {
    let in_title = status_words(title);
    if status_words(text).iter().any(|w| !in_title.contains(w)) {
        return true;
    }
    let title_folded = fold_width(title);
    marks_in(text, true)
        .iter()
        .any(|t| !title_folded.contains(fold_width(t).as_ref()))
        || text
            .chars()
            .filter(|c| is_mark_char(*c) && !is_dash(*c))
            .any(|c| !title.contains(c))
}

/// A line that is nothing but a mark or a status (`×`, `未実施`, `－`), as PDF cells
/// pasted one per line give; a rule of three or more dashes is not one. `after_ids`: the
/// line comes after a line with ids, where `No`, `N`, `Y` are a status too (before any, they
/// head a column of row numbers).
pub fn is_lone_status(line: &str, after_ids: bool) -> bool {
    let t = line.trim();
    if t.chars().count() >= 3 && t.chars().all(is_dash) {
        return false;
    }
    if !after_ids && matches!(&*header_key(t), "no" | "n" | "y" | "na") {
        return false;
    }
    // `0` after ids is a flag (`1` alone may be a page number)
    if after_ids && flag_value(t) == Some(false) {
        return true;
    }
    is_mark(t) || status_value(t).is_ok()
}

/// A cell of a check-mark matrix: selected, not selected, or unreadable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    Selected,
    NotSelected,
    Unreadable,
}

pub fn check_cell(cell: &str) -> Check {
    let t = cell.trim();
    if t.is_empty() || t.chars().all(is_dash) {
        return Check::NotSelected;
    }
    match &*header_key(t) {
        "○" | "◯" | "〇" | "●" | "◎" | "✓" | "✔" | "☑" | "✅" | "レ" | "1" | "yes" | "y"
        | "true" | "有" | "はい" => Check::Selected,
        "×" | "✕" | "✖" | "✗" | "✘" | "0" | "no" | "n" | "false" | "無" | "いいえ" => {
            Check::NotSelected
        }
        _ => Check::Unreadable,
    }
}

/// The status a column header names, for a check-mark matrix (`実施`, `非該当`, `未実施`,
/// `Implemented`, `N/A`), also after a bracketed note (`非該当（理由は備考）`).
pub fn header_status(header: &str) -> Option<Declared> {
    let t = header.trim().trim_end_matches(['?', '？']).trim();
    if t.is_empty() {
        return None;
    }
    // one status in two languages (`実施 / Implemented`, `非該当｜N/A`, a line break between):
    // every part names the same status (review 14 C-4); `実施/未実施` names none
    let mut parts: Vec<&str> = t
        .split(['／', '|', '｜', '\n'])
        .flat_map(|p| p.split(" / "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // unspaced, at the first slash (`非該当/N/A`, `実施/Implemented`)
    if let ([one], Some((a, b))) = (parts.as_slice(), t.split_once('/')) {
        if one_header_status(one).is_none() {
            parts = vec![a.trim(), b.trim()];
        }
    }
    // (a note inside, `実施（予定） / Implemented`, is no note on the header's end: the
    // parts are then no status)
    if parts.len() > 1 {
        if parts[..parts.len() - 1]
            .iter()
            .any(|p| p.chars().any(is_bracket))
        {
            return None;
        }
        let mut each = parts.iter().map(|p| one_header_status(p));
        let first = each.next().flatten()?;
        return each.all(|d| d == Some(first)).then_some(first);
    }
    one_header_status(t)
}

/// [`header_status`] of one part of a header.
fn one_header_status(t: &str) -> Option<Declared> {
    let (value, _) = split_note(t)?;
    // `No` heads a column of row numbers, `Y`/`N` are not names of a status
    if matches!(&*header_key(value), "no" | "n" | "y" | "yes") {
        return None;
    }
    lookup(value).filter(|_| !value.chars().all(is_mark_char))
}

/// What a sheet's name says of the ids on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetMeaning {
    /// Nothing: a list of statements.
    Statements,
    /// A status other than implemented (`非該当`, `未実施一覧`).
    Status(Declared),
    /// More than one status (`実施・未実施`): the sheet must say each row's status itself.
    Statuses,
    /// A history of changes (`改訂履歴`, `変更履歴`).
    History,
    /// A name that negates, excludes, defers or qualifies without naming a status the tool
    /// reads (`Gaps`, `Remediation`, `課題一覧`, `不適用`, `Open`): the word found. Its ids
    /// are not read as implemented.
    Qualified(String),
}

pub fn sheet_meaning(name: &str) -> SheetMeaning {
    let folded = fold_width(name).to_lowercase();
    let spaced: String = folded
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    if folded.contains("履歴")
        || spaced
            .split_whitespace()
            .any(|w| matches!(w, "history" | "changelog" | "changes" | "revisions"))
    {
        return SheetMeaning::History;
    }
    // a name that is a status no cell is read as (`Partial`, `一部実施`, `△`): what its rows
    // state cannot be told, as a cell's cannot; not "not implemented" (review 25 B-2)
    if status_value(name) == Err(Unreadable::Partial) {
        return SheetMeaning::Qualified(name.trim().to_owned());
    }
    let mut states: Vec<Declared> = status_words(name).iter().filter_map(|w| w.states).collect();
    if let Ok(v) = status_value(name) {
        states.push(v.declared);
    }
    states.retain(|d| *d != Declared::Implemented);
    states.sort();
    states.dedup();
    match states.as_slice() {
        [] => match negation_in(name) {
            Some(word) => SheetMeaning::Qualified(word),
            None => SheetMeaning::Statements,
        },
        [one] => SheetMeaning::Status(*one),
        _ => SheetMeaning::Statuses,
    }
}

/// Japanese morphemes that negate, exclude, defer or qualify (substrings): a heading, a sheet
/// name, a title or a remark holding one may say the ids near it are not implemented, and
/// the tool cannot tell how. Broad on purpose: what holds one is refused, never read.
const NEGATIONS_JA: &[&str] = &[
    "未",
    "不",
    "非",
    "無",
    "除",
    "外",
    "ない",
    "なし",
    "ません",
    "ず",
    "課題",
    "指摘",
    "改善",
    "予定",
    "計画",
    "例外",
    "対象外",
    "今後",
    "以降",
    "検討",
    "保留",
    "対応",
    "一部",
    "部分",
    "条件",
    "のみ",
    "限定",
    "限る",
    "残",
    "準備",
    "途中",
    "要確認",
    "委託",
    "移行",
    "代替",
    "猶予",
    "継承",
    "年度",
];

/// English word stems that negate, exclude, defer or qualify: a word starting with one is a
/// hit (`exclusions`, `remediation`, `planned`).
const NEGATIONS_EN: &[&str] = &[
    "non",
    "never",
    "none",
    "without",
    "exclu",
    "except",
    "gap",
    "waiv",
    "defer",
    "pending",
    "partial",
    "remediat",
    "plan",
    "todo",
    "tbd",
    "missing",
    "lack",
    "absent",
    "roadmap",
    "future",
    "upcoming",
    "inapplic",
    "irrelevan",
    "deviat",
    "finding",
    "backlog",
    "only",
    "limit",
    "condition",
    "scope",
    "target",
    "schedul",
    "progress",
    "inherit",
    "temporar",
    "waiting",
    "outstanding",
];

/// English words that negate, defer or qualify as whole words only (`issued` is a date's
/// label, `issues` a finding).
const NEGATION_WORDS_EN: &[&str] = &[
    "not", "cannot", "isn", "aren", "doesn", "don", "didn", "wasn", "weren", "won", "hasn",
    "haven", "open", "fail", "fails", "failed", "failing", "later", "issue", "issues", "na", "nil",
    "tba", "action", "actions",
];

/// Words that follow `No` when it heads a column of row numbers (`No. Control ID Title`).
const AFTER_NO: &[&str] = &[
    "control",
    "controls",
    "id",
    "title",
    "name",
    "ref",
    "reference",
    "number",
    "item",
    "items",
    "requirement",
];

/// English words starting with `un` that are not a negation.
const UN_WORDS: &[&str] = &[
    "under",
    "underlying",
    "understand",
    "understanding",
    "unit",
    "units",
    "unique",
    "united",
    "universal",
    "university",
    "unix",
    "unicode",
    "uniform",
    "union",
    "unified",
    "unify",
];

/// Japanese compounds that hold a morpheme of [`NEGATIONS_JA`] without negating: taken out
/// before the morphemes are looked for (`削除` is a deletion done, `外部` external).
const BENIGN_JA: &[&str] = &[
    "削除",
    "除去",
    "外部",
    "社外",
    "海外",
    "屋外",
    "不正",
    "無線",
    "無停電",
    "非常",
    "必ず",
    "まず",
    "ずつ",
    "いずれ",
    "未満",
    "対応済",
];

/// `text` folded, lower case, without the compounds of [`BENIGN_JA`].
fn without_benign(text: &str) -> String {
    let mut out = fold_width(text).to_lowercase();
    for b in BENIGN_JA {
        if out.contains(b) {
            out = out.replace(b, " ");
        }
    }
    out
}

fn ascii_words(lower: &str) -> Vec<&str> {
    lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The first word of `text` that negates, excludes, defers or qualifies (see
/// [`NEGATIONS_JA`], [`NEGATIONS_EN`], [`NEGATION_WORDS_EN`]; `un…` words, `N/A`, `to do`,
/// `out of …`), as found; `None` when it holds none. `No` standing alone (a column of row
/// numbers) is not one.
pub fn negation_in(text: &str) -> Option<String> {
    let lower = without_benign(text);
    if let Some(m) = NEGATIONS_JA.iter().find(|m| lower.contains(*m)) {
        return Some((*m).to_owned());
    }
    english_negation(&ascii_words(&lower))
}

fn english_negation(words: &[&str]) -> Option<String> {
    for (i, w) in words.iter().enumerate() {
        let next = words.get(i + 1).copied();
        let two = |n: &str| format!("{w} {n}");
        // `No` heading a column of row numbers (`No`, `No. Control ID`) is no negation
        let no = *w == "no"
            && next
                .is_some_and(|n| !AFTER_NO.contains(&n) && !n.chars().all(|c| c.is_ascii_digit()));
        // `FY2026`: a fiscal year the ids are for
        let fiscal = w
            .strip_prefix("fy")
            .is_some_and(|y| !y.is_empty() && y.chars().all(|c| c.is_ascii_digit()))
            || (*w == "fy" && next.is_some_and(|n| n.chars().all(|c| c.is_ascii_digit())));
        if no
            || fiscal
            || NEGATIONS_EN.iter().any(|stem| w.starts_with(stem))
            || NEGATION_WORDS_EN.contains(w)
            || (w.starts_with("un") && w.len() > 3 && !UN_WORDS.contains(w))
        {
            return Some((*w).to_owned());
        }
        match (*w, next) {
            ("risk", Some(n)) if n.starts_with("accept") => return Some(two(n)),
            ("n", Some(n @ "a")) | ("to", Some(n @ "do")) | ("out", Some(n @ "of")) => {
                return Some(two(n))
            }
            _ => {}
        }
    }
    None
}

/// The negations of `text` that none of `titles` (an id's catalog titles) holds itself: a
/// title may hold `除` or `外` (`資産の除去`, `外部及び環境の脅威からの保護`).
pub fn negation_beyond(text: &str, titles: &[&str]) -> Option<String> {
    let lower = without_benign(text);
    let titles: Vec<String> = titles
        .iter()
        .map(|t| fold_width(t).to_lowercase())
        .collect();
    if let Some(m) = NEGATIONS_JA
        .iter()
        .filter(|m| lower.contains(*m))
        .find(|m| !titles.iter().any(|t| t.contains(*m)))
    {
        return Some((*m).to_owned());
    }
    let title_words: Vec<&str> = titles.iter().flat_map(|t| ascii_words(t)).collect();
    let rest: Vec<&str> = ascii_words(&lower)
        .into_iter()
        .filter(|w| !title_words.contains(w))
        .collect();
    english_negation(&rest)
}

/// Values whose meaning depends on the column's header (`○` under 非該当 is not
/// applicable, `Yes` under Gap is a gap): marks, yes/no, 有/無, あり/なし, はい/いいえ, 済,
/// done. Under a header that does not name the implementation status they cannot be read.
const BY_HEADER: &[&str] = &[
    "yes",
    "y",
    "ok",
    "ng",
    "no",
    "n",
    "done",
    "済",
    "済み",
    "完了",
    "有",
    "有り",
    "あり",
    "無",
    "無し",
    "なし",
    "はい",
    "いいえ",
    "未",
];

/// Whether a status cell's value (its note aside) means something only by its column's
/// header: a mark or one of [`BY_HEADER`]. `実施`, `未実施`, `非該当`, `Implemented`, `Not
/// implemented` say what they mean under any header.
pub fn depends_on_header(cell: &str) -> bool {
    let s = cell.trim().trim_end_matches(PUNCTUATION).trim();
    let value = split_note(s).map_or(s, |(v, _)| v);
    let key = header_key(value);
    value.chars().all(is_mark_char) || BY_HEADER.contains(&&*key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_numbered_drop_down_value_reads_as_its_word() {
        for (v, d) in [
            ("1:実施", Declared::Implemented),
            ("1.実施済", Declared::Implemented),
            ("１．実施", Declared::Implemented),
            ("3:未実施", Declared::NotImplemented),
            ("4) 非該当", Declared::NotApplicable),
        ] {
            assert_eq!(status_value(v).map(|s| s.declared), Ok(d), "{v}");
        }
        // the word is read as any value is: partial, a plan in brackets, no word
        assert!(status_value("2:一部実施").is_err());
        assert!(status_value("1:実施（予定）").map_or(true, |s| !s.note.is_empty()));
        assert!(status_value("1").is_err());
        assert_eq!(without_option_number("1.5"), "1.5");
        assert_eq!(without_option_number("123:実施"), "123:実施");
    }

    #[test]
    fn a_status_in_two_forms_reads_when_its_parts_agree() {
        for (v, d) in [
            ("実施 / Implemented", Declared::Implemented),
            ("○ 実施", Declared::Implemented),
            ("実施済✓", Declared::Implemented),
            ("非該当 / N/A", Declared::NotApplicable),
            ("未実施 / Not implemented", Declared::NotImplemented),
        ] {
            assert_eq!(status_value(v).map(|s| s.declared), Ok(d), "{v}");
        }
        for v in ["実施 / 未実施", "○ ×", "Yes / No"] {
            assert_eq!(status_value(v), Err(Unreadable::Disagreeing), "{v}");
        }
        assert_eq!(status_value("実施 / 一部"), Err(Unreadable::Unknown));
    }

    fn v(cell: &str) -> Result<(Declared, String), Unreadable> {
        status_value(cell).map(|s| (s.declared, s.note))
    }

    #[test]
    fn the_documented_values() {
        use Declared::*;
        for (cell, want) in [
            ("実施", Implemented),
            ("済", Implemented),
            ("有", Implemented),
            ("はい", Implemented),
            ("○", Implemented),
            ("Yes", Implemented),
            ("Done", Implemented),
            ("Implemented", Implemented),
            ("実施済み。", Implemented),
            ("非該当", NotApplicable),
            ("N/A", NotApplicable),
            ("対象外", NotApplicable),
            ("Not Applicable", NotApplicable),
            ("計画中", Planned),
            ("今後対応予定", Planned),
            ("In progress", Planned),
            ("未実施", NotImplemented),
            ("無", NotImplemented),
            ("いいえ", NotImplemented),
            ("×", NotImplemented),
            ("✕", NotImplemented),
            ("Not Implemented", NotImplemented),
            ("not-implemented", NotImplemented),
            ("Not started", NotImplemented),
            ("【未実施】", NotImplemented),
            ("ｎ／ａ", NotApplicable),
            // review 2 (C7)
            ("運用中", Implemented),
            ("完了", Implemented),
            ("実装済", Implemented),
            ("運用済み", Implemented),
            ("整備・運用済", Implemented),
            ("整備済・運用中", Implemented),
            ("運用予定", Planned),
            ("適用予定", Planned),
            ("Fully implemented", Implemented),
            ("Compliant", Implemented),
            ("In place", Implemented),
            ("Yes (implemented)", Implemented),
            ("○（実施）", Implemented),
            ("Non-compliant", NotImplemented),
            ("未着手", NotImplemented),
        ] {
            assert_eq!(v(cell).map(|x| x.0), Ok(want), "{cell}");
        }
        assert_eq!(
            v("非該当（IaaS側で実施）"),
            Ok((NotApplicable, "IaaS側で実施".to_owned()))
        );
        assert_eq!(
            v("未実施 (2026年度予定)"),
            Ok((NotImplemented, "2026年度予定".to_owned()))
        );
        // a note that restates the value is none; any other note is kept
        assert_eq!(v("Yes (implemented)"), Ok((Implemented, String::new())));
        assert_eq!(v("実施（一部）"), Ok((Implemented, "一部".to_owned())));
        assert_eq!(v("Partially compliant"), Err(Unreadable::Partial));
        // 適用 says it applies (a statement of applicability), not that it is implemented;
        // 適用済 may say no more than that applicability was decided: refused too
        for applies in ["適用", "適用済", "適用済み"] {
            assert_eq!(v(applies), Err(Unreadable::Applicability), "{applies}");
        }
        // 整備 is design, not operation (D-seibi-1)
        for design in ["整備済", "整備済み", "整備完了"] {
            assert_eq!(v(design), Err(Unreadable::DesignOnly), "{design}");
        }
        assert_eq!(v(""), Err(Unreadable::Empty));
        assert_eq!(v("－"), Err(Unreadable::Dash));
        assert_eq!(v("-"), Err(Unreadable::Dash));
        assert_eq!(v("△"), Err(Unreadable::Partial));
        assert_eq!(v("x"), Err(Unreadable::LetterX));
        for marked in [
            "実施*",
            "○*",
            "Yes**",
            "*Yes",
            "implemented*",
            "実施※1",
            "Yes†",
            "済＊",
        ] {
            assert_eq!(v(marked), Err(Unreadable::Footnote), "{marked}");
        }
        // review 19 A-7: an implemented mark wholly in brackets is the conditional mark;
        // the bare mark, the value with a note, a bracketed negative status still read
        for bracketed in [
            "(○)",
            "（○）",
            "(〇)",
            "(✓)",
            "[○]",
            "(Y)",
            "(済)",
            "（実施）",
            "「実施」",
            "【実施】",
        ] {
            assert_eq!(v(bracketed), Err(Unreadable::Bracketed), "{bracketed}");
        }
        assert_eq!(v("○"), Ok((Implemented, String::new())));
        assert_eq!(v("○（実施）"), Ok((Implemented, String::new())));
        // fix26-list left: a doubled mark is no mark a legend defines; a mark with its word
        // still reads, and a doubled cross says not implemented either way
        for doubled in ["○○", "◯◯", "○ ○", "✓✓", "○✓"] {
            assert_eq!(v(doubled), Err(Unreadable::Repeated), "{doubled}");
        }
        for read in ["○ 実施", "○実施", "実施済 ✓", "実施 / Implemented"] {
            assert_eq!(v(read).map(|(d, _)| d), Ok(Implemented), "{read}");
        }
        assert_eq!(v("××").map(|(d, _)| d), Ok(NotImplemented));
        assert_eq!(v("【未実施】").map(|(d, _)| d), Ok(NotImplemented));
        assert_eq!(v("(非該当)").map(|(d, _)| d), Ok(NotApplicable));
        for unknown in ["可", "否", "たぶん", "非該当（IaaS）のため", "(未実施"] {
            assert_eq!(v(unknown), Err(Unreadable::Unknown), "{unknown}");
        }
        // two statuses in one cell (review 13 C-14)
        assert_eq!(v("実施/未実施"), Err(Unreadable::Disagreeing));
    }

    /// Review 2, B1: "no reason" written as a reason is none.
    #[test]
    fn reasons_that_give_none() {
        for none in [
            "",
            "なし",
            "-",
            "－",
            "N/A",
            "理由なし",
            "TBD",
            "特になし",
            "未定",
            "?",
            "？",
            "検討中",
            "非該当",
            "対象外",
            "none",
            "不明",
            "なし。",
            "―",
            // review 6, F-08: a status restated, pointers, ditto marks, filler
            "非該当のため",
            "対象外のため",
            "該当しないため",
            "適用しない",
            "非該当とする",
            "対象外とした",
            "不要",
            "不要のため",
            "必要なし",
            "特になし（※）",
            "該当事項なし",
            "特に記載事項なし",
            "理由は特にない",
            "ナシ",
            "-（なし）",
            "空欄",
            "省略",
            "該当せず",
            "未定です",
            "Nothing to note",
            "No comment",
            "別紙1参照",
            "別添参照",
            "資料参照",
            "上記参照",
            "後述",
            "前述のとおり",
            "同上",
            "〃",
            "同左",
        ] {
            assert_eq!(reason_given(none), "", "{none}");
        }
        for reason in [
            "IaaS事業者が実施",
            "テレワークを行わない",
            "ログイン機能を提供しない",
            "Not offered: no mobile devices",
        ] {
            assert_eq!(reason_given(reason), reason);
        }
    }

    #[test]
    fn the_service_alone_gives_no_cause() {
        for none in [
            "本サービスでは該当しない",
            "SaaSのため",
            "ＳａａＳのため",
            "Not applicable to SaaS",
            "Not applicable to this service",
            "理由は言明書を参照",
            "詳細は言明書のとおり",
            "当社サービスの対象外",
        ] {
            assert!(names_only_the_service(none), "{none}");
        }
        for reason in [
            "本サービスは物理サーバを保有しないため",
            "SaaSのため物理媒体を扱わない",
            "物理サーバを保有しないため",
            "暗号鍵は利用者が管理するため",
            "The service stores no card data",
            "IaaS事業者が実施",
            "なし",
        ] {
            assert!(!names_only_the_service(reason), "{reason}");
        }
    }

    #[test]
    fn status_words_are_substrings_in_japanese_and_words_in_english() {
        let w = |t: &str| status_words(t).iter().map(|w| w.word).collect::<Vec<_>>();
        assert_eq!(w("(非該当)"), ["非該当"]);
        assert_eq!(w("【未実施】"), ["未実施"]);
        assert_eq!(w("未実施。"), ["未実施"]);
        assert_eq!(w("※ 9.2.3 は対象外"), ["対象外"]);
        assert_eq!(w("Not implemented yet"), ["not implemented"]);
        assert_eq!(w("not-implemented"), ["not implemented"]);
        assert!(w("Unplanned outage handling").is_empty());
        assert!(w("情報セキュリティ継続の計画").is_empty());
        assert!(w("プライバシー及び個人を特定できる情報（PII）の保護").is_empty());
        assert!(w("情報セキュリティインシデントへの対応").is_empty());
        assert!(w("Statement of applicability").is_empty());
    }

    #[test]
    fn statements_in_text() {
        assert_eq!(statement_in("利用者登録", Look::AFTER_ID), None);
        assert_eq!(
            statement_in("利用者登録 ×", Look::AFTER_ID).as_deref(),
            Some("the mark '×'")
        );
        assert_eq!(
            statement_in("済", Look::AFTER_ID).as_deref(),
            Some("the status value '済'")
        );
        assert!(statement_in("利用者登録（東京）", Look::AFTER_ID).is_some());
        assert!(statement_in("利用者登録（東京）", Look::TABLE_CELL).is_none());
        assert_eq!(statement_in("no change since 2024", Look::AFTER_ID), None);
        assert_eq!(
            statement_in("No", Look::AFTER_ID).as_deref(),
            Some("the status value 'No'")
        );
        assert_eq!(
            statement_in("利用者登録 無", Look::AFTER_ID).as_deref(),
            Some("the status value '無'")
        );
        assert!(statement_in("未実施。", Look::AFTER_ID).is_some());
        assert!(!states_beyond(
            "プライバシー及び個人を特定できる情報（PII）の保護",
            "プライバシー及び個人を特定できる情報（PII）の保護"
        ));
        assert!(states_beyond(
            "利用者登録及び登録削除（未実施）",
            "利用者登録及び登録削除"
        ));
        assert!(states_beyond(
            "利用者登録及び登録削除 ×",
            "利用者登録及び登録削除"
        ));
    }

    #[test]
    fn sheet_names() {
        use SheetMeaning::*;
        assert_eq!(sheet_meaning("非該当"), Status(Declared::NotApplicable));
        assert_eq!(
            sheet_meaning("未実施一覧"),
            Status(Declared::NotImplemented)
        );
        assert_eq!(sheet_meaning("除外"), Status(Declared::NotApplicable));
        assert_eq!(sheet_meaning("計画中"), Status(Declared::Planned));
        assert_eq!(sheet_meaning("改訂履歴"), History);
        assert_eq!(sheet_meaning("変更履歴"), History);
        assert_eq!(sheet_meaning("Revision history"), History);
        assert_eq!(sheet_meaning("統制目標一覧"), Statements);
        assert_eq!(sheet_meaning("実施済"), Statements);
        assert_eq!(sheet_meaning("適用宣言書"), Statements);
        assert_eq!(
            sheet_meaning("実施・未実施"),
            Status(Declared::NotImplemented)
        );
        assert_eq!(sheet_meaning("非該当・未実施"), Statuses);
        // names that negate or qualify without naming a status the tool reads
        for (name, word) in [
            ("Gaps", "gaps"),
            ("Remediation", "remediation"),
            ("Exceptions", "exceptions"),
            ("課題一覧", "課題"),
            ("改善計画", "改善"),
            ("不適用", "不"),
            ("未適用", "未"),
            ("Open", "open"),
            ("To do", "to do"),
        ] {
            assert_eq!(sheet_meaning(name), Qualified(word.to_owned()), "{name}");
        }
        // a partial status, as a cell's is not read (review 25 B-2)
        for name in ["Partial", "一部実施", "Partially implemented"] {
            assert_eq!(sheet_meaning(name), Qualified(name.to_owned()), "{name}");
        }
        assert_eq!(sheet_meaning("Closed"), Statements);
        assert_eq!(sheet_meaning("Done"), Statements);
    }

    /// Negations are found by broad morphemes and word stems, not by phrases: what no list
    /// of status words holds (`実施していない`, `Unimplemented`, `Waived`).
    #[test]
    fn negations_in_any_words() {
        for (text, want) in [
            ("実施していない", "ない"),
            ("以下の統制目標は実施していません", "ません"),
            ("未適用", "未"),
            ("不適用", "不"),
            ("＜非実施＞", "非"),
            ("要改善", "改善"),
            ("2026年度対応", "対応"),
            ("東京リージョンのみ", "のみ"),
            ("Not in place", "not"),
            ("Unimplemented", "unimplemented"),
            ("Exclusions", "exclusions"),
            ("Waived", "waived"),
            ("Risk accepted", "risk accepted"),
            ("isn't implemented", "isn"),
            ("退職者の削除は未対応", "未"),
            ("外部委託", "委託"),
            ("Gaps", "gaps"),
            ("Remediation plan", "remediation"),
            ("To do", "to do"),
            ("Roadmap (FY2026)", "roadmap"),
            ("N/A", "n a"),
            ("out of scope", "out of"),
        ] {
            assert_eq!(negation_in(text).as_deref(), Some(want), "{text}");
        }
        for harmless in [
            "統制目標 番号",
            "基本言明要件のうち実施している統制目標の管理策",
            "2025年4月1日現在",
            "No",
            "Copyright 2025 Sample Inc. Issued 2025-04-01",
            "Statement of applicability",
            "Unit test",
            "No. Control ID Title",
            "Notes",
            "OpenSSL, failover, lateral movement, risk assessment, FYI",
            "退職者のアカウントを削除",
            "外部からの不正アクセスを検知",
            "無線LANの暗号化",
            "対応済み",
        ] {
            assert_eq!(negation_in(harmless), None, "{harmless}");
        }
        // a title's own words are no negation of it
        assert_eq!(
            negation_beyond("資産の除去", &["クラウドサービスカスタマの資産の除去"]),
            None
        );
        assert_eq!(
            negation_beyond(
                "資産の除去（一部）",
                &["クラウドサービスカスタマの資産の除去"]
            )
            .as_deref(),
            Some("一部")
        );
        assert_eq!(
            negation_beyond(
                "Removal of assets not done",
                &["Removal of cloud service customer assets"]
            )
            .as_deref(),
            Some("not")
        );
    }

    #[test]
    fn values_that_mean_something_only_by_their_header() {
        for v in [
            "Yes",
            "No",
            "○",
            "×",
            "有",
            "無",
            "あり",
            "なし",
            "はい",
            "いいえ",
            "済",
            "✓",
            "Y",
        ] {
            assert!(depends_on_header(v), "{v}");
        }
        for v in [
            "実施",
            "未実施",
            "非該当",
            "Implemented",
            "Not implemented",
            "N/A",
            "計画中",
            "Not started",
        ] {
            assert!(!depends_on_header(v), "{v}");
        }
        assert_eq!(
            status_value("適用").map(|v| v.declared),
            Err(Unreadable::Applicability)
        );
    }

    #[test]
    fn matrix_cells_and_headers() {
        assert_eq!(check_cell("○"), Check::Selected);
        assert_eq!(check_cell(""), Check::NotSelected);
        assert_eq!(check_cell("×"), Check::NotSelected);
        assert_eq!(check_cell("x"), Check::Unreadable);
        assert_eq!(check_cell("要確認"), Check::Unreadable);
        assert_eq!(header_status("実施"), Some(Declared::Implemented));
        assert_eq!(
            header_status("非該当（理由は備考）"),
            Some(Declared::NotApplicable)
        );
        assert_eq!(header_status("未実施"), Some(Declared::NotImplemented));
        assert_eq!(header_status("管理策番号"), None);
        assert_eq!(header_status("No"), None);
        assert_eq!(header_status("○"), None);
    }
}
