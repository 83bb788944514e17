//! Suggested additional procedures (追加手続) for the reasons a check item is not covered.
//!
//! A procedure is kept as its kind and the ids it is about, and worded in the report's
//! language only when it is written out: a large report holds no sentence per item.
use std::borrow::Cow;
use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::lang::Lang;

/// The topic of a check item ISMAP says nothing about, from keywords in its title: each
/// has its own procedure, naming what the ISMAP cloud service list publishes on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    GoverningLaw,
    Exit,
    IncidentNotice,
    SecurityTesting,
    BackupAvailability,
    Subcontractors,
    DataLocation,
    /// Encryption with keys the customer manages (BYOK).
    CustomerKeys,
    /// Which logs the customer can obtain, and at what price.
    LogAccess,
}

impl Topic {
    /// Keywords of each topic, lower case, width-folded; the first topic with a keyword in
    /// the title wins (governing law before data location: 「管轄裁判所が日本国内」).
    const KEYWORDS: [(Topic, &'static [&'static str]); 7] = [
        (
            Topic::GoverningLaw,
            &[
                "準拠法",
                "裁判",
                "管轄",
                "governing law",
                "jurisdiction",
                "court",
            ],
        ),
        (
            Topic::Exit,
            &[
                "返却",
                "削除",
                "消去",
                "廃棄",
                "退出",
                "解約",
                "契約終了",
                "ポータビリティ",
                "exit",
                "deletion",
                "delete",
                "data return",
                "return of",
                "termination",
                "portability",
            ],
        ),
        (
            Topic::IncidentNotice,
            &[
                "インシデント",
                "事故",
                "漏えい",
                "漏洩",
                "通知",
                "incident",
                "breach",
                "notif",
            ],
        ),
        (
            Topic::SecurityTesting,
            &[
                "ペネトレーション",
                "侵入テスト",
                "脆弱性",
                "penetration",
                "pentest",
                "pen test",
                "vulnerability",
            ],
        ),
        (
            Topic::BackupAvailability,
            &[
                "バックアップ",
                "可用性",
                "稼働率",
                "sla",
                "冗長",
                "backup",
                "availability",
                "uptime",
                "redundan",
            ],
        ),
        (
            Topic::Subcontractors,
            &[
                "再委託",
                "委託先",
                "下請",
                "サブプロセッサ",
                "subcontract",
                "sub-processor",
                "subprocessor",
            ],
        ),
        (
            Topic::DataLocation,
            &[
                "データセンター",
                "データセンタ",
                "所在",
                "国内",
                "保管場所",
                "保存場所",
                "リージョン",
                "data location",
                "region",
                "data center",
                "datacenter",
                "data centre",
                "residency",
                "located",
            ],
        ),
    ];

    /// What the government's cloud policy (クラウド・バイ・デフォルト基本方針) asks a buyer to
    /// settle itself beyond what an ISMAP registration shows: data centres in Japan and
    /// Japanese law, customer-managed keys, backups kept outside the service, portability
    /// to another provider, the logs the customer can obtain and their price, an
    /// availability level (SLA, 24/365). Each rule: a word of the first list, and (when the
    /// second is not empty) one of the second. Narrower than [`Topic::KEYWORDS`]: an item
    /// that only names the control ISMAP assesses (`バックアップを取得していること`,
    /// `ログを取得していること`) is none of these.
    const BEYOND_ISMAP: [(Topic, &'static [&'static str], &'static [&'static str]); 12] = [
        (
            Topic::GoverningLaw,
            &[
                "準拠法",
                "裁判管轄",
                "管轄裁判所",
                "日本法",
                "governing law",
                "jurisdiction",
                "japanese law",
            ],
            &[],
        ),
        (
            Topic::DataLocation,
            &[
                "日本国内",
                "国内のデータセンタ",
                "国内データセンタ",
                "国内リージョン",
                "所在国",
                "data residency",
                "in japan",
                "within japan",
            ],
            &[],
        ),
        (
            Topic::DataLocation,
            &["国内"],
            &[
                "データ",
                "保管",
                "保存",
                "所在",
                "設置",
                "リージョン",
                "サーバ",
                "センタ",
            ],
        ),
        (
            Topic::CustomerKeys,
            &[
                "byok",
                "hyok",
                "bring your own key",
                "customer-managed key",
                "customer managed key",
                "customer-managed encryption key",
                "顧客管理鍵",
                "利用者管理鍵",
                "顧客管理の鍵",
                "顧客管理キー",
            ],
            &[],
        ),
        (
            Topic::CustomerKeys,
            &["鍵", "キー"],
            &[
                "利用者が管理",
                "顧客が管理",
                "利用者自身",
                "利用者側で管理",
                "自ら管理",
                "持ち込",
            ],
        ),
        (
            Topic::CustomerKeys,
            &["key", "keys"],
            &[
                "managed by the customer",
                "customer-controlled",
                "customer controlled",
                "own key",
            ],
        ),
        (
            Topic::BackupAvailability,
            &["バックアップ", "backup"],
            &[
                "サービス外",
                "サービスの外",
                "別事業者",
                "別の事業者",
                "他事業者",
                "他の事業者",
                "outside the service",
                "another provider",
                "another cloud",
            ],
        ),
        (
            Topic::BackupAvailability,
            &[
                "稼働率",
                "sla",
                "24時間365日",
                "24時間・365日",
                "24/365",
                "24x365",
                "24×365",
                "24/7",
                "uptime",
                "フェイルオーバ",
                "failover",
                "99.9",
                "99.5",
            ],
            &[],
        ),
        (
            Topic::Exit,
            &[
                "ポータビリティ",
                "portability",
                "他事業者",
                "他のクラウド",
                "ロックイン",
                "lock-in",
                "another provider",
            ],
            &[],
        ),
        (
            Topic::LogAccess,
            &["ログ"],
            &[
                "料金",
                "費用",
                "価格",
                "有償",
                "無償",
                "課金",
                "利用者が取得",
                "利用者に提供",
                "取得でき",
                "提供され",
                "ダウンロード",
                "エクスポート",
                "入手",
            ],
        ),
        (
            Topic::LogAccess,
            &["log", "logs"],
            &[
                "price",
                "pricing",
                "cost",
                "fee",
                "charge",
                "export",
                "download",
                "obtain",
                "available to the customer",
            ],
        ),
        (
            Topic::BackupAvailability,
            &["冗長"],
            &["24時間", "365日", "無停止", "停止しない"],
        ),
    ];

    /// The requirement beyond ISMAP an item's text names ([`Topic::BEYOND_ISMAP`]), if any:
    /// such an item is never covered on its references alone.
    pub fn beyond_ismap(text: &str) -> Option<Topic> {
        Topic::beyond_ismap_in(&fold(text))
    }

    /// [`Topic::beyond_ismap`] of a text already [`fold`]ed.
    pub fn beyond_ismap_in(folded: &str) -> Option<Topic> {
        // every word of the rules looked for in one pass, not each on its own (a title was
        // searched a hundred times); the rules read as written (see the test
        // `one_pass_finds_what_the_word_by_word_search_found`): the words, and each rule by
        // its words' places among them
        type Rules = (WordSet, Vec<(Topic, Vec<usize>, Vec<usize>)>);
        static RULES: std::sync::LazyLock<Rules> = std::sync::LazyLock::new(|| {
            let words = WordSet::new(
                (Topic::BEYOND_ISMAP.iter()).flat_map(|(_, a, b)| a.iter().chain(b.iter())),
            );
            let at = |list: &[&str]| list.iter().map(|w| words.index(w)).collect();
            let rules = (Topic::BEYOND_ISMAP.iter())
                .map(|(t, a, b)| (*t, at(a), at(b)))
                .collect();
            (words, rules)
        });
        let (words, rules) = &*RULES;
        let found = words.found(folded);
        let has = |list: &[usize]| list.iter().any(|&i| found[i]);
        rules
            .iter()
            .find(|(_, first, second)| has(first) && (second.is_empty() || has(second)))
            .map(|(t, _, _)| *t)
    }

    /// The topic of a check item's title, if any keyword says.
    pub fn of_title(title: &str) -> Option<Topic> {
        let folded = crate::text::fold_width(title).to_lowercase();
        Topic::KEYWORDS
            .iter()
            .find(|(_, words)| words.iter().any(|w| folded.contains(w)))
            .map(|(t, _)| *t)
    }
}

/// The level a check item's text states — a period, a deadline, a frequency, a length, a
/// count or a share (`1年以上`, `24時間以内`, `年2回以上`, `7世代`, `12文字以上`, `99.9%`,
/// `四半期ごと`, `RPO`, `within 24 hours`, `quarterly`) — as written, if any. ISMAP assessed
/// whether the CSP implements an objective, not the figure the item asks for. A four-digit
/// number before 年 is a year (`2025年4月`), not a period.
pub fn stated_level(text: &str) -> Option<String> {
    stated_level_in(&fold(text))
}

/// A text as the rules of [`Topic::beyond_ismap`] and [`stated_level`] read it: width folded,
/// lower case (fold a title once for both).
pub fn fold(text: &str) -> String {
    let folded = crate::text::fold_width(text);
    // kana and kanji have no case (see the test `kana_and_kanji_have_no_case`): a text of
    // them and ASCII is lowered byte by byte, not through the tables of every char
    if (folded.chars()).all(|c| c.is_ascii() || ('\u{3000}'..='\u{9FFF}').contains(&c)) {
        folded.to_ascii_lowercase()
    } else {
        folded.to_lowercase()
    }
}

/// [`stated_level`] of a text already [`fold`]ed.
pub fn stated_level_in(folded: &str) -> Option<String> {
    const UNITS: [&str; 22] = [
        "か月",
        "ヶ月",
        "カ月",
        "ケ月",
        "箇月",
        "ヵ月",
        "営業日",
        "週間",
        "時間",
        "世代",
        "文字",
        "年",
        "月",
        "週",
        "日",
        "分",
        "秒",
        "回",
        "桁",
        "%",
        "件",
        "人",
    ];
    const SUFFIXES: [&str; 8] = ["以上", "以内", "以下", "未満", "まで", "ごと", "毎", "おき"];
    const WORDS: [&str; 15] = [
        "四半期",
        "半期ごと",
        "毎月",
        "毎週",
        "毎日",
        "毎年",
        "年次",
        "月次",
        "週次",
        "日次",
        "rpo",
        "rto",
        "quarterly",
        "annually",
        "monthly",
    ];
    let bytes = folded.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_digit() {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && (bytes[at].is_ascii_digit() || bytes[at] == b'.') {
            at += 1;
        }
        let digits = &folded[start..at];
        let rest = folded[at..].trim_start_matches(' ');
        let Some(unit) = UNITS.iter().find(|u| rest.starts_with(**u)) else {
            continue;
        };
        let after = &rest[unit.len()..];
        let before = &folded[..start];
        // a date, not a period: 2025年, 令和6年, 6年3月, 年…10月, 月…1日
        let date = match *unit {
            "年" => {
                digits.len() == 4
                    || ["令和", "平成", "昭和", "r", "h"]
                        .iter()
                        .any(|e| before.ends_with(e))
                    || after.starts_with(|c: char| c.is_ascii_digit())
            }
            "月" => before.ends_with('年') || after.starts_with(|c: char| c.is_ascii_digit()),
            "日" => before.ends_with('月'),
            _ => false,
        };
        if date {
            continue;
        }
        let suffix = SUFFIXES
            .iter()
            .find(|s| after.starts_with(**s))
            .unwrap_or(&"");
        // a bare count of items or people (`2名`, `3件の`) states a level only with a bound
        if matches!(*unit, "件" | "人") && suffix.is_empty() {
            continue;
        }
        // a frequency: 年2回, 月1回
        let per = ["年", "月", "週", "日"]
            .into_iter()
            .find(|p| *unit == "回" && before.ends_with(p))
            .unwrap_or("");
        return Some(format!("{per}{digits}{unit}{suffix}"));
    }
    // the words in one pass: the first of WORDS the text holds
    static FIND: std::sync::LazyLock<WordSet> = std::sync::LazyLock::new(|| WordSet::new(&WORDS));
    if let Some(w) = FIND.first(folded).as_ref() {
        return Some(match *w {
            "rpo" | "rto" => w.to_uppercase(),
            _ => (*w).to_owned(),
        });
    }
    let english = [
        (
            "within ",
            &["hour", "day", "minute", "week", "month", "business day"][..],
        ),
        (
            "at least ",
            &["character", "year", "month", "day", "time", "generation"][..],
        ),
    ];
    // each lead ends in a space: a text without one (most Japanese titles) has none
    for (lead, units) in english.into_iter().filter(|_| folded.contains(' ')) {
        for (i, _) in folded.match_indices(lead) {
            let tail = &folded[i + lead.len()..];
            let number: String = tail.chars().take_while(|c| c.is_ascii_digit()).collect();
            let unit_part = tail[number.len()..].trim_start();
            if !number.is_empty() && units.iter().any(|u| unit_part.starts_with(u)) {
                let word: String = unit_part
                    .chars()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .collect();
                return Some(format!("{}{number} {word}", lead));
            }
        }
    }
    None
}

/// A fixed list of words, each looked for in a text as a word ([`is_word_at`]), all in one
/// pass over the text: at each char, only the words starting with it are tried.
struct WordSet {
    /// The words, each once, in the order of their first mention.
    words: Vec<&'static str>,
    /// Their positions in `words` by first char (a hash insert per word to build).
    by_first: foldhash::HashMap<char, Vec<usize>>,
    /// Bit `c % 256` set for each first char `c`: most chars of a text start no word, and
    /// are passed over without a look-up.
    first_bits: [u64; 4],
}

impl WordSet {
    fn new<'w>(words: impl IntoIterator<Item = &'w &'static str>) -> WordSet {
        let mut set = WordSet {
            words: Vec::new(),
            by_first: foldhash::HashMap::default(),
            first_bits: [0; 4],
        };
        for &w in words {
            if set.words.contains(&w) {
                continue;
            }
            if let Some(c) = w.chars().next() {
                set.by_first.entry(c).or_default().push(set.words.len());
                let (slot, bit) = WordSet::first_bit(c);
                set.first_bits[slot] |= bit;
            }
            set.words.push(w);
        }
        set
    }

    /// Where `word` (one of the list) is in [`WordSet::found`].
    fn index(&self, word: &str) -> usize {
        self.words
            .iter()
            .position(|w| *w == word)
            .unwrap_or(usize::MAX)
    }

    /// For each word of the list, whether `text` holds it as a word ([`is_word_at`]).
    fn found(&self, text: &str) -> Vec<bool> {
        let mut found = vec![false; self.words.len()];
        // every place each word starts, overlapping ones too: each is tried as a word
        for (at, c) in text.char_indices() {
            let (slot, bit) = WordSet::first_bit(c);
            if self.first_bits[slot] & bit == 0 {
                continue;
            }
            for &i in self.by_first.get(&c).into_iter().flatten() {
                let w = self.words[i];
                if !found[i] && text[at..].starts_with(w) && is_word_at(text, w, at) {
                    found[i] = true;
                }
            }
        }
        found
    }

    /// Where `c` is in [`WordSet::first_bits`].
    fn first_bit(c: char) -> (usize, u64) {
        let n = u32::from(c) & 0xFF;
        ((n >> 6) as usize, 1 << (n & 63))
    }

    /// The first word of the list `text` holds as a word.
    fn first(&self, text: &str) -> Option<&'static str> {
        let found = self.found(text);
        (self.words.iter().zip(found))
            .find(|(_, f)| *f)
            .map(|(w, _)| *w)
    }
}

/// Whether `word`, found at byte `at` of `text`, is a word there: a word of ASCII letters
/// only where no ASCII letter or digit comes before it, and for a word of three letters or
/// fewer none after it either (`sla` is not in `legislation`, `log` not in `login`;
/// `export` is in `exported`); any other word wherever it is.
fn is_word_at(text: &str, word: &str, at: usize) -> bool {
    if !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return true;
    }
    let bytes = text.as_bytes();
    let before = at.checked_sub(1).and_then(|i| bytes.get(i));
    let after = bytes.get(at + word.len());
    !before.is_some_and(u8::is_ascii_alphanumeric)
        && (word.len() > 3 || !after.is_some_and(u8::is_ascii_alphanumeric))
}

/// The form of a CSP input, for the procedure that says how to state its registration
/// kind (ISMAP or ISMAP-LIU) in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum InputForm {
    /// Pasted text: a published list, maybe with its list entry.
    #[default]
    Text,
    /// A table: CSV, TSV or a workbook.
    Table,
    /// A YAML or JSON profile (every service under a profile is one too).
    Profile,
}

impl InputForm {
    /// The form `att` was read from.
    pub fn of(att: &crate::model::Attestation) -> InputForm {
        if att.read_as.kind == crate::model::ReadKind::Profile {
            InputForm::Profile
        } else if att.read_as.pasted {
            InputForm::Text
        } else {
            InputForm::Table
        }
    }
}

/// What is suggested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Cells that could not be read: correct them.
    FixInput,
    /// Check the item yourself: ISMAP says nothing about it (worded for its topic).
    OwnCheck(Option<Topic>),
    /// An item without references: the objectives `suggest` finds for its text, to add
    /// to its references if they apply (a suggestion is never a reference by itself).
    CandidateReferences,
    /// References that did not resolve.
    FixReferences,
    /// ISO/IEC 27002:2022 controls new in that edition: ISMAP has no counterpart.
    NoCounterpart,
    /// Catalog objectives on the topic of such a control, as context, not coverage.
    RelatedContext,
    /// The registration of these services lapsed: check the ISMAP list.
    RegistryCheck,
    /// These services were registered after the report's date: check the list as it stood.
    RegistrationNotYetValid,
    /// The audit period of these services ends after the report's date: obtain the
    /// statement in effect then.
    StatementInEffect,
    /// Objectives absent from the CSP's list: obtain the full list or the statement.
    StatementRequest,
    /// Objectives the CSP states are not implemented: ask for the plan. `quoted`: each
    /// subject quotes what the list writes beside it (a date, a compensating control),
    /// which the reader confirms, asking only for what it does not give.
    RemediationPlan { quoted: bool },
    /// Objectives the CSP states are planned: ask when, and what compensates (`quoted` as
    /// for [`Kind::RemediationPlan`]).
    PlannedCompletion { quoted: bool },
    /// What ISMAP does not allow excluding (governance and management criteria, B/PB
    /// detailed controls), declared not applicable.
    ExclusionNotAllowed,
    /// Objectives the CSP declares not applicable, with a reason.
    ExclusionReview,
    /// Objectives the CSP declares not applicable without a reason.
    ExclusionReasonRequest,
    /// Basic statement requirements of an objective stated implemented, stated not
    /// implemented, planned or not applicable: ask how the objective is met without them.
    BasicRequirement,
    /// Details that are not basic requirements, stated not implemented, planned or not
    /// applicable: the CSP's choice; check the item does not depend on them.
    NonBasicDetail,
    /// Detailed controls only confirmable in the statement's non-public annex.
    AnnexRequest,
    /// A NIST id was resolved through an approximate mapping.
    MappingReview,
    /// A reference reached ISMAP only through the ISO/IEC 27001:2022 → 2013
    /// correspondence: confirm the CSP's statement of the 2013 objectives covers the 2022
    /// control or clause as the item means it.
    CorrespondenceReview,
    /// The audit period of these services ended long ago.
    LatestAudit,
    /// The audit period of these services is one day: only the design was assessed.
    DesignOnly,
    /// These services are registered under ISMAP-LIU: a smaller external-audit scope.
    IsmapLiu,
    /// The kind of these services' registrations (ISMAP or ISMAP-LIU) is not stated:
    /// confirm the list they are on and state it in the input (how: by its form).
    RegistrationKindUnstated(InputForm),
    /// Read the CSP's remark on a control it states implemented.
    CspRemark,
    /// The evidence and owner the CSP names for a control it states implemented: obtain
    /// the evidence (no note on the item: a GRC export names them on every row).
    CspEvidence,
    /// The profile states these itself although it inherits them, otherwise than the
    /// service underneath: confirm which statement holds.
    InheritedRestated,
    /// These services publish an improvement plan: check it does not concern the item.
    ImprovementPlan,
    /// These services publish subsequent events: check they do not concern the item.
    SubsequentEvents,
    /// The CSP's statement excludes a part of the service the item names.
    StatementScope,
    /// The item states a level ISMAP did not assess: confirm the CSP's figure.
    LevelCheck,
    /// The item needs an assurance report.
    Soc2,
    /// The item needs the buyer's own audit.
    OwnAudit,
}

impl Kind {
    /// The stable code, as serialised.
    pub fn code(self) -> &'static str {
        match self {
            Kind::FixInput => "fix-input",
            Kind::OwnCheck(None) => "own-check",
            Kind::OwnCheck(Some(Topic::GoverningLaw)) => "own-check-governing-law",
            Kind::OwnCheck(Some(Topic::Exit)) => "own-check-exit",
            Kind::OwnCheck(Some(Topic::IncidentNotice)) => "own-check-incident-notice",
            Kind::OwnCheck(Some(Topic::SecurityTesting)) => "own-check-security-testing",
            Kind::OwnCheck(Some(Topic::BackupAvailability)) => "own-check-backup-availability",
            Kind::OwnCheck(Some(Topic::Subcontractors)) => "own-check-subcontractors",
            Kind::OwnCheck(Some(Topic::DataLocation)) => "own-check-data-location",
            Kind::OwnCheck(Some(Topic::CustomerKeys)) => "own-check-customer-keys",
            Kind::OwnCheck(Some(Topic::LogAccess)) => "own-check-log-access",
            Kind::CandidateReferences => "candidate-references",
            Kind::FixReferences => "fix-reference",
            Kind::NoCounterpart => "no-ismap-counterpart",
            Kind::RelatedContext => "related-context",
            Kind::RegistryCheck => "registry-check",
            Kind::RegistrationNotYetValid => "registry-check-date",
            Kind::StatementInEffect => "statement-in-effect",
            Kind::StatementRequest => "statement-request",
            Kind::RemediationPlan { .. } => "remediation-plan",
            Kind::PlannedCompletion { .. } => "planned-completion",
            Kind::ExclusionNotAllowed => "exclusion-not-allowed",
            Kind::ExclusionReview => "exclusion-review",
            Kind::ExclusionReasonRequest => "exclusion-reason-request",
            Kind::BasicRequirement => "basic-requirement-review",
            Kind::NonBasicDetail => "non-basic-detail-review",
            Kind::AnnexRequest => "annex-request",
            Kind::MappingReview => "mapping-review",
            Kind::CorrespondenceReview => "correspondence-review",
            Kind::LatestAudit => "latest-audit",
            Kind::DesignOnly => "design-only",
            Kind::IsmapLiu => "ismap-liu",
            Kind::RegistrationKindUnstated(_) => "registration-kind-unstated",
            Kind::CspRemark => "csp-remark",
            Kind::CspEvidence => "csp-evidence",
            Kind::InheritedRestated => "inherited-restated",
            Kind::ImprovementPlan => "improvement-plan",
            Kind::SubsequentEvents => "subsequent-events",
            Kind::StatementScope => "statement-scope",
            Kind::LevelCheck => "level-check",
            Kind::Soc2 => "soc2-report",
            Kind::OwnAudit => "own-audit",
        }
    }

    /// Every kind, for tests and documentation.
    pub const ALL: [Kind; 42] = [
        Kind::FixInput,
        Kind::OwnCheck(None),
        Kind::CandidateReferences,
        Kind::OwnCheck(Some(Topic::GoverningLaw)),
        Kind::OwnCheck(Some(Topic::Exit)),
        Kind::OwnCheck(Some(Topic::IncidentNotice)),
        Kind::OwnCheck(Some(Topic::SecurityTesting)),
        Kind::OwnCheck(Some(Topic::BackupAvailability)),
        Kind::OwnCheck(Some(Topic::Subcontractors)),
        Kind::OwnCheck(Some(Topic::DataLocation)),
        Kind::OwnCheck(Some(Topic::CustomerKeys)),
        Kind::OwnCheck(Some(Topic::LogAccess)),
        Kind::FixReferences,
        Kind::NoCounterpart,
        Kind::RelatedContext,
        Kind::RegistryCheck,
        Kind::RegistrationNotYetValid,
        Kind::StatementInEffect,
        Kind::StatementRequest,
        Kind::RemediationPlan { quoted: false },
        Kind::PlannedCompletion { quoted: false },
        Kind::ExclusionNotAllowed,
        Kind::ExclusionReview,
        Kind::ExclusionReasonRequest,
        Kind::BasicRequirement,
        Kind::NonBasicDetail,
        Kind::AnnexRequest,
        Kind::MappingReview,
        Kind::CorrespondenceReview,
        Kind::LatestAudit,
        Kind::DesignOnly,
        Kind::IsmapLiu,
        Kind::RegistrationKindUnstated(InputForm::Text),
        Kind::CspRemark,
        Kind::CspEvidence,
        Kind::InheritedRestated,
        Kind::ImprovementPlan,
        Kind::SubsequentEvents,
        Kind::StatementScope,
        Kind::LevelCheck,
        Kind::Soc2,
        Kind::OwnAudit,
    ];
}

/// One suggested procedure: its kind, the ids or references it names, and the language it
/// is worded in (the ids borrowed from the report). Serialised as
/// `{"code": …, "text": …}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Procedure<'a> {
    pub kind: Kind,
    pub subjects: Vec<Cow<'a, str>>,
    pub lang: Lang,
}

impl<'a> Procedure<'a> {
    pub fn new(kind: Kind, lang: Lang, subjects: Vec<Cow<'a, str>>) -> Procedure<'a> {
        Procedure {
            kind,
            subjects,
            lang,
        }
    }

    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The sentence, in the report's language.
    pub fn text(&self) -> String {
        self.to_string()
    }
}

/// How a sentence holds its subjects.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Frame {
    /// Written as they are, between `before` and `after`.
    Plain,
    /// Control ids, after the noun that names them: 統制目標 (3-digit ids) or 詳細管理策
    /// (4-digit ids).
    Controls,
    /// Facts from the CSP's profile, in brackets, left out when there are none.
    Bracketed,
}

/// A 4-digit (or longer) ISMAP id: a detailed control (詳細管理策) or, in chapters 3 and
/// 4, an item of the governance or management criteria; not an objective. A subject may
/// follow the id with a note (`9.2.3.2 (not implemented, of 9.2.3)`).
fn is_detail_id(subject: &str) -> bool {
    id_numbers(subject).0 >= 4
}

/// An item of the governance (3) or management (4) criteria (`4.4.7.2`): not a detailed
/// control.
fn is_criteria_item(subject: &str) -> bool {
    matches!(id_numbers(subject), (4.., "3" | "4"))
}

/// How many numbers the id a subject starts with has (`9.2.3.2` has 4; the id ends at a
/// space or bracket), and the first of them: its dot-separated parts up to the first that
/// is not all ASCII digits. One pass over the id's bytes: this runs on every subject of
/// every procedure of a report.
fn id_numbers(subject: &str) -> (usize, &str) {
    let bytes = subject.as_bytes();
    let (mut count, mut first, mut i) = (0, "", 0);
    loop {
        let start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        // a part ends the id, or is followed by a dot; anything else spoils it
        let ends = match subject[i..].chars().next() {
            None | Some('.') => true,
            Some(c) => c.is_whitespace() || c == '(' || c == '（',
        };
        if i == start || !ends {
            return (count, first);
        }
        if count == 0 {
            first = &subject[start..i];
        }
        count += 1;
        if bytes.get(i) != Some(&b'.') {
            return (count, first);
        }
        i += 1;
    }
}

/// How the procedures quoting the CSP's own words begin in `lang` (its remark or evidence
/// on an implemented control, its words beside one it states not implemented or planned):
/// what `--review` finds them by in a procedures cell, the previous report's and the new
/// one's alike.
pub fn quoting_openings(lang: Lang) -> [&'static str; 4] {
    [
        Kind::CspRemark,
        Kind::CspEvidence,
        Kind::RemediationPlan { quoted: true },
        Kind::PlannedCompletion { quoted: true },
    ]
    .map(|kind| Procedure::new(kind, lang, Vec::new()).wording().0)
}

impl Procedure<'_> {
    /// The sentence around its subjects: the text before them, how they are framed, and
    /// the text after (a procedure about no ids in particular is all `before`).
    fn wording(&self) -> (&'static str, Frame, &'static str) {
        use Frame::*;
        let ja = self.lang == Lang::Ja;
        match self.kind {
            Kind::FixInput if ja => ("読めない値 ", Plain, " を修正して再実行する"),
            Kind::FixInput => ("Correct the unreadable values ", Plain, " and run again"),
            Kind::OwnCheck(topic) => own_check_wording(topic, ja),
            Kind::CandidateReferences if ja => ("参照の候補: ", Plain, "。該当するものを管理策列に追加して再実行する"),
            Kind::CandidateReferences => ("Candidates: ", Plain, "; add the ones that apply to the references column and run again"),
            Kind::FixReferences if ja => ("解決できない参照 ", Plain, " を修正して再実行する(判定はそれまで保留)"),
            Kind::FixReferences => ("Correct the unresolved references ", Plain, " and run again (the item is not judged until then)"),
            Kind::NoCounterpart if ja => ("ISO/IEC 27001:2022で新設された管理策 ", Plain, " にはISMAPの対応する管理策がない: 質問票・書面確認・契約で自ら確認する"),
            Kind::NoCounterpart => ("New in ISO/IEC 27001:2022, with no ISMAP counterpart: ", Plain, "; ISMAP says nothing on it, check it yourself (questionnaire, written confirmation, contract)"),
            Kind::RelatedContext if ja => ("参考のみ(充足の根拠ではない): 関連するISMAPのクラウド統制目標 ", Plain, " の実施状況は、この確認項目への回答にはならない"),
            Kind::RelatedContext => ("For context only, not coverage: the ISMAP cloud objectives ", Plain, " touch the topic, but implementing them does not answer the item"),
            Kind::RegistryCheck if ja => ("登録の更新期限を過ぎた ", Plain, " の現在の掲載(更新・取消)をISMAPクラウドサービスリストで確認する: 確認できるまでISMAPの結果で代替しない"),
            Kind::RegistryCheck => ("The registration of ", Plain, " is past its renewal deadline: check its current entry (renewed or revoked) on the ISMAP cloud service list, and do not rely on the ISMAP result until then"),
            Kind::RegistrationNotYetValid if ja => ("", Plain, " の登録日は基準日より後(基準日には未登録): 基準日時点のISMAPクラウドサービスリストの掲載を確認する。それまでISMAPの結果で代替しない(現在の判断なら --as-of を見直す)"),
            Kind::RegistrationNotYetValid => ("", Plain, " was registered after the report's date (not registered on that date): check the ISMAP cloud service list as it stood then, and do not rely on the ISMAP result for that date (for a decision today, check --as-of)"),
            Kind::StatementInEffect if ja => ("", Plain, " の監査対象期間は基準日より後に終わる(基準日には未監査の言明): 基準日時点で有効な言明と実施している統制目標の一覧を入手して再実行する"),
            Kind::StatementInEffect => ("The audit period of ", Plain, " ends after the report's date (the statement held was not yet assessed then): obtain the statement and list of implemented objectives in effect on that date and run again"),
            Kind::StatementRequest if ja => ("CSPの一覧に記載のない", Controls, " について、CSPから一覧の全体または言明書を入手し、除外されたか、その理由を確認する(記載なしは未実施と同じではない)"),
            Kind::StatementRequest => ("Not in the list you hold: ", Controls, ". Obtain the CSP's full published list or its statement (言明書) and confirm whether excluded, and why (not listed is not the same as not implemented)"),
            Kind::RemediationPlan { quoted: false } if ja => ("CSPが未実施とする", Controls, " について、実施計画と時期、それまでの代替の統制を確認する"),
            Kind::RemediationPlan { quoted: false } => ("The CSP states ", Controls, " not implemented: ask for its plan and date, and the compensating controls until then"),
            Kind::RemediationPlan { quoted: true } if ja => ("CSPが未実施とする", Controls, " について、一覧の記載(「」内)のとおりかCSPに確認し、記載にない実施計画と時期、それまでの代替の統制を確認する"),
            Kind::RemediationPlan { quoted: true } => ("The CSP states ", Controls, " not implemented, and its list writes what is quoted: confirm it with the CSP, and ask for what it does not give (the plan and date, the compensating controls until then)"),
            Kind::PlannedCompletion { quoted: false } if ja => ("CSPが計画中とする", Controls, " について、実施予定時期と、それまでの代替の統制を確認する"),
            Kind::PlannedCompletion { quoted: false } => ("The CSP states ", Controls, " planned: ask for the implementation date and what compensates until then"),
            Kind::PlannedCompletion { quoted: true } if ja => ("CSPが計画中とする", Controls, " について、一覧の記載(「」内)のとおりかCSPに確認し、記載にない実施予定時期と、それまでの代替の統制を確認する"),
            Kind::PlannedCompletion { quoted: true } => ("The CSP states ", Controls, " planned, and its list writes what is quoted: confirm it with the CSP, and ask for what it does not give (the implementation date, what compensates until then)"),
            Kind::ExclusionNotAllowed if ja => ("ISMAPは", Controls, " の除外(非該当)を認めていない(ガバナンス・マネジメント基準とB/PBの詳細管理策は基本言明要件): 言明が管理基準に適合しないため、CSPに実施状況を確認し、ISMAPクラウドサービスリストの掲載と言明書を確認する。確認できるまで充足としない"),
            Kind::ExclusionNotAllowed => ("ISMAP does not allow excluding ", Controls, " (governance and management criteria and B/PB detailed controls are basic statement requirements): the statement does not conform to the criteria; ask the CSP how it is implemented and check its entry on the ISMAP cloud service list and its statement (言明書); do not count it as covered until then"),
            Kind::ExclusionReview if ja => ("CSPが非該当とした", Controls, " の理由が自組織の利用形態に当てはまるか確認する"),
            Kind::ExclusionReview => ("Check that the CSP's reason for excluding ", Controls, " holds for your use"),
            Kind::ExclusionReasonRequest if ja => ("CSPが理由を示さず非該当とした", Controls, " について理由を求め、自組織の利用形態に当てはまるか確認する"),
            Kind::ExclusionReasonRequest => ("The CSP excludes ", Controls, " without a reason: ask for the reason and check that it holds for your use"),
            Kind::BasicRequirement if ja => ("CSPの一覧は、実施とする統制目標の基本言明要件を実施としていない: ", Controls, "。B/PBの詳細管理策とガバナンス・マネジメント基準の項目は原則として必須: 理由、実施計画と時期、それまでの代替の統制を確認し、統制目標がそれなしで満たされるか判断する"),
            Kind::BasicRequirement => ("The CSP's list states basic statement requirements of an objective it states implemented otherwise: ", Controls, ". B/PB detailed controls and the items of governance and management objectives are mandatory in principle: ask why, for the plan and date and what compensates until then, and judge whether the objective is met without them"),
            Kind::NonBasicDetail if ja => ("参考(判定は変えない): CSPの一覧は、実施とする統制目標の", Controls, "を実施としていない。基本言明要件ではなく、CSPがリスクを許容水準にするために選択する詳細管理策: 確認項目がそれに依存しないか確認する"),
            Kind::NonBasicDetail => ("Noted, the verdict stands: the CSP's list states ", Controls, " of an objective it states implemented otherwise; these are not basic statement requirements (the CSP chooses them to bring risk to an acceptable level): check that your item does not depend on them"),
            Kind::AnnexRequest if ja => ("", Controls, " は非公開の別添に記載されるため、言明書の別添の開示を求める"),
            Kind::AnnexRequest => ("The statement's non-public annex (別添) holds ", Controls, ": ask the CSP to show it"),
            Kind::MappingReview if ja => ("", Plain, " はNISTの対応表による近似の対応(部分的な対応、または拡張の基本管理策による対応): 対応する統制目標が確認項目を満たすか確認する"),
            Kind::MappingReview => ("", Plain, " was mapped approximately (a partial mapping in NIST's table, or an enhancement through its base control): confirm the ISMAP objectives answer the item"),
            Kind::CorrespondenceReview if ja => ("ISO/IEC 27001:2022から2013年版への対応(同等ではない): ", Plain, "。ISMAPが評価したのは2013年版の統制目標(→の右): CSPの記載が2022年版の管理策・箇条(→の左)を確認項目の意図どおりに満たすか確認する"),
            Kind::CorrespondenceReview => ("Through the ISO/IEC 27001:2022 → 2013 correspondence, not an equivalence: ", Plain, ". ISMAP assessed the 2013 objectives (right of →): confirm that the CSP's statement covers the 2022 control or clause (left of →) as your item means it"),
            Kind::LatestAudit if ja => ("", Plain, " の監査対象期間の終了から16か月以上経過している: 最新の監査結果(更新後の掲載)を確認する"),
            Kind::LatestAudit => ("The audit period of ", Plain, " ended over 16 months ago: ask for the latest audit results (the renewed entry)"),
            Kind::DesignOnly if ja => ("", Plain, " の監査対象期間は1日のみ(整備状況のみの評価で、運用状況は評価されていない): 運用の有効性はSOC2 Type2報告書等で確認する"),
            Kind::DesignOnly => ("The audit period of ", Plain, " is one day (only the design was assessed, not operation): confirm operating effectiveness, e.g. with a SOC 2 Type 2 report"),
            Kind::IsmapLiu if ja => ("", Plain, " はISMAP-LIUの登録(外部監査の範囲はISMAPより狭く、内部監査の結果を提出): この項目の統制目標が外部監査の対象だったかCSPに確認し、対象外なら内部監査の結果を入手する。確認できるまでISMAP水準の確認として扱わない"),
            Kind::IsmapLiu => ("", Plain, " is registered under ISMAP-LIU (a smaller external-audit scope than ISMAP's; internal audit results are submitted): confirm with the CSP that this item's objectives were in the external audit's scope, else obtain the internal audit result; do not treat it as ISMAP-level assurance until then"),
            Kind::RegistrationKindUnstated(form) => kind_unstated_wording(form, ja),
            Kind::CspRemark if ja => ("CSPは実施とする管理策に備考を付けている: ", Plain, "。備考が実施の範囲や時期を限定していないか読んで確認する"),
            Kind::InheritedRestated if ja => ("CSPのプロファイルは継承する範囲(`inherited:`)にある ", Plain, " を自ら記載しており、継承元の記載と異なる(警告 csp-inherited-restated): どちらの記載が正しいか確認してから依拠する"),
            Kind::StatementScope if ja => ("CSPのISMAPの言明は ", Plain, " を対象外としている: 利用する範囲が言明の対象に含まれるかを確認し、含まれない部分は質問票・書面確認で自ら確認する"),
            Kind::StatementScope => ("The CSP's ISMAP statement excludes ", Plain, ": confirm that what you use is within the statement's scope, and check what is not yourself (questionnaire, written confirmation)"),
            Kind::LevelCheck if ja => ("ISMAPは統制目標の実施を評価しており、この確認項目が求める水準(", Plain, ")は評価していない: CSPの実際の値(保存期間・期限・頻度・設定値等)を質問票・仕様・契約/SLAで確認する"),
            Kind::LevelCheck => ("ISMAP assessed whether the objective is implemented, not the level this item asks for (", Plain, "): confirm the CSP's actual figure (retention, deadline, frequency, setting) by questionnaire, specifications or the contract/SLA"),
            Kind::InheritedRestated => ("The CSP's profile states ", Plain, " itself although it is in the scope it inherits (`inherited:`), and the service underneath states it otherwise (warning csp-inherited-restated): confirm which statement holds before relying on it"),
            Kind::CspRemark => ("The CSP wrote a remark on what it states implemented: ", Plain, ". Read it and confirm it does not limit the implementation's scope or timing"),
            Kind::CspEvidence if ja => ("CSPは実施とする管理策の証跡・担当を記載している: ", Plain, "。必要に応じて証跡を入手し、実施の範囲や時期を限定していないか確認する"),
            Kind::CspEvidence => ("The CSP names evidence or an owner for what it states implemented: ", Plain, ". Where needed, obtain the evidence and confirm it does not limit the implementation's scope or timing"),
            Kind::ImprovementPlan if ja => ("", Plain, " は改善計画を掲載している(監査で指摘された事項がある): 改善計画を入手し、この項目の統制目標に関わらないか、改善の状況とともに確認する"),
            Kind::ImprovementPlan => ("", Plain, " publishes an improvement plan (the audit found matters to improve): obtain the plan and check that it does not concern this item's objectives, and how far it has progressed"),
            Kind::SubsequentEvents if ja => ("", Plain, " は後発事象を掲載している: その内容を入手し、この項目の統制目標に関わらないか確認する"),
            Kind::SubsequentEvents => ("", Plain, " publishes subsequent events (後発事象): obtain them and check that they do not concern this item's objectives"),
            Kind::Soc2 if ja => ("ISMAPは保証業務ではない: SOC2 Type2報告書(またはIT7号)を入手し、対象期間・対象サービス・リージョンが自組織の利用範囲を含むこと、例外事項(運用の逸脱)の有無、利用者側の補完統制(CUEC)を確認する", Plain, ""),
            Kind::Soc2 => ("ISMAP is not an assurance engagement: obtain a SOC 2 Type 2 report (or JICPA IT7) and check that its period, services and regions cover your use, its exceptions (deviations found), and the complementary user entity controls (CUEC) it expects of you", Plain, ""),
            Kind::OwnAudit if ja => ("自組織による個別監査(実地・リモート)を申し入れる: 大手CSPは一般に個別監査を受け入れないため、受けられない場合は第三者の保証報告書(SOC2 Type2等)、公開された言明書、契約条項(監査権・報告義務)で代替する", Plain, ""),
            Kind::OwnAudit => ("Request your own audit (on-site or remote) of the CSP: large CSPs generally refuse individual audits; if refused, rely on third-party assurance reports (SOC 2 Type 2…), the published statement (言明書) and contract clauses (right to audit, reporting duties)", Plain, ""),
        }
    }

    /// The noun naming this procedure's control ids: every one a detailed control, every
    /// one an item of the governance or management criteria, every one an objective, or a
    /// mix.
    fn noun(&self) -> &'static str {
        let details = self.subjects.iter().filter(|s| is_detail_id(s)).count();
        let items = self.subjects.iter().filter(|s| is_criteria_item(s)).count();
        let ja = self.lang == Lang::Ja;
        let one = self.subjects.len() == 1;
        if items > 0 && items == self.subjects.len() {
            return match (ja, one) {
                (true, _) => "基準の項目 ",
                (false, true) => "criteria item ",
                (false, false) => "criteria items ",
            };
        }
        match (details, ja) {
            (0, true) => "統制目標 ",
            (d, true) if d == self.subjects.len() => "詳細管理策 ",
            (_, true) => "統制目標・詳細管理策 ",
            (0, false) if one => "control objective ",
            (0, false) => "control objectives ",
            (d, false) if d == self.subjects.len() && one => "detailed control ",
            (d, false) if d == self.subjects.len() => "detailed controls ",
            (_, false) => "controls ",
        }
    }

    /// Writes the sentence, its subjects joined with `, `: what `Display` writes, and
    /// what a report's cells append to a `String` directly, without the `fmt` machinery (a
    /// large report writes a few hundred thousand of them).
    pub fn write_to<W: fmt::Write + ?Sized>(&self, out: &mut W) -> fmt::Result {
        let (before, frame, after) = self.wording();
        out.write_str(before)?;
        let ja = self.lang == Lang::Ja;
        let bracketed = frame == Frame::Bracketed && !self.subjects.is_empty();
        // in Japanese the CSP's facts close the sentence, in the half-width brackets of the
        // rest of the text (not inserted mid-sentence, nor in brackets of another width
        // than the ones around them)
        if bracketed && ja {
            out.write_str(after)?;
            out.write_str("(")?;
            for (i, s) in self.subjects.iter().enumerate() {
                if i > 0 {
                    out.write_str("、")?;
                }
                out.write_str(s)?;
            }
            return out.write_str(")");
        }
        match frame {
            Frame::Controls => out.write_str(self.noun())?,
            Frame::Bracketed if bracketed => out.write_str(" (")?,
            _ => {}
        }
        for (i, s) in self.subjects.iter().enumerate() {
            if i > 0 {
                out.write_str(", ")?;
            }
            out.write_str(s)?;
        }
        if bracketed {
            out.write_str(")")?;
        }
        // no space between a closing full-width bracket and the Japanese after it
        // (`統制目標 9.2.4（9.2.4.9.PB の統制目標）について`)
        let closes = self
            .subjects
            .last()
            .is_some_and(|s| s.ends_with(['）', '」']));
        out.write_str(match after.strip_prefix(' ') {
            Some(rest) if ja && closes => rest,
            _ => after,
        })
    }
}

/// How each input form states the registration kind, worded once for the procedure and
/// the warning (`registration-kind-unstated`): `how_to_state!(Form, lang)` is a literal.
macro_rules! how_to_state {
    (Text, en) => {
        "put the list's title line ISMAPクラウドサービスリスト or ISMAP-LIUクラウドサービスリスト (or a line 登録区分: ISMAP) at the top of the pasted list"
    };
    (Table, en) => {
        "write a line 登録区分: ISMAP (or ISMAP-LIU) above the table's header"
    };
    (Profile, en) => {
        "add registration_kind: ismap (or ismap-liu) to its profile"
    };
    (Text, ja) => {
        "貼り付けた一覧の先頭に表題行「ISMAPクラウドサービスリスト」または「ISMAP-LIUクラウドサービスリスト」(または「登録区分: ISMAP」の行)を書く"
    };
    (Table, ja) => {
        "表の見出し行の上に「登録区分: ISMAP」または「登録区分: ISMAP-LIU」の行を書く"
    };
    (Profile, ja) => {
        "プロファイルに registration_kind: ismap または ismap-liu を書く"
    };
}

impl InputForm {
    /// How this form states the registration kind, in `lang` (the warning's words).
    pub fn how_to_state(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (InputForm::Text, Lang::En) => how_to_state!(Text, en),
            (InputForm::Table, Lang::En) => how_to_state!(Table, en),
            (InputForm::Profile, Lang::En) => how_to_state!(Profile, en),
            (InputForm::Text, Lang::Ja) => how_to_state!(Text, ja),
            (InputForm::Table, Lang::Ja) => how_to_state!(Table, ja),
            (InputForm::Profile, Lang::Ja) => how_to_state!(Profile, ja),
        }
    }
}

/// The procedure for a registration whose kind is not stated: confirm it on the list, and
/// state it as the input's form allows.
fn kind_unstated_wording(form: InputForm, ja: bool) -> (&'static str, Frame, &'static str) {
    use Frame::Plain;
    macro_rules! after {
        ($form:ident, ja) => {
            concat!(
                " がISMAPとISMAP-LIUのどちらのクラウドサービスリストに掲載されているか確認し、入力に記載して再実行する(",
                how_to_state!($form, ja),
                ")。それまでISMAP水準の確認として扱わない"
            )
        };
        ($form:ident, en) => {
            concat!(
                " is on the ISMAP or the ISMAP-LIU list, and state it: ",
                how_to_state!($form, en),
                ", and run again; until then it is not ISMAP-level assurance"
            )
        };
    }
    if ja {
        let after = match form {
            InputForm::Text => after!(Text, ja),
            InputForm::Table => after!(Table, ja),
            InputForm::Profile => after!(Profile, ja),
        };
        return ("ISMAPクラウドサービスリストで ", Plain, after);
    }
    let after = match form {
        InputForm::Text => after!(Text, en),
        InputForm::Table => after!(Table, en),
        InputForm::Profile => after!(Profile, en),
    };
    (
        "Confirm on the ISMAP cloud service list whether ",
        Plain,
        after,
    )
}

/// The outside-ISMAP procedure for a topic (or none): what to settle yourself, and what
/// the ISMAP cloud service list publishes on it, where it does. The subjects are the
/// profile's facts on the topic, bracketed.
fn own_check_wording(topic: Option<Topic>, ja: bool) -> (&'static str, Frame, &'static str) {
    use Frame::*;
    match (topic, ja) {
        (None, true) => ("ISMAPの対象外: 質問票・書面確認で自ら確認し、必要な事項は契約/SLAに定める", Plain, ""),
        (None, false) => ("Outside ISMAP: check it yourself (questionnaire or written confirmation) and put what you need into the contract/SLA", Plain, ""),
        (Some(Topic::DataLocation), true) => ("ISMAPの対象外: ISMAPクラウドサービスリストに掲載された言明の対象範囲(サービス・リージョン)を確認し", Bracketed, "、データの保管場所(国内リージョン等)は契約/SLAで定める"),
        (Some(Topic::DataLocation), false) => ("Outside ISMAP: check the scope of the statement (services, regions) on the ISMAP cloud service list", Bracketed, ", and fix where data is kept (e.g. regions in Japan) in the contract/SLA"),
        (Some(Topic::GoverningLaw), true) => ("ISMAPの対象外: ISMAPクラウドサービスリストに掲載された準拠法・裁判管轄を確認し", Bracketed, "、契約で定める"),
        (Some(Topic::GoverningLaw), false) => ("Outside ISMAP: check the governing law and jurisdiction published on the ISMAP cloud service list", Bracketed, ", and fix them in the contract"),
        (Some(Topic::Exit), true) => ("ISMAPの対象外: 契約終了時のデータ返却(形式・期限)と削除の方法・証明(消去証明書等)を質問票で確認し、契約/SLAに定める", Plain, ""),
        (Some(Topic::Exit), false) => ("Outside ISMAP: confirm by questionnaire how data is returned at exit (format, deadline) and how deletion is done and proven (deletion certificate), and fix it in the contract/SLA", Plain, ""),
        (Some(Topic::IncidentNotice), true) => ("ISMAPの対象外: インシデント発生時の通知の期限・窓口・内容を質問票で確認し、契約/SLAに定める", Plain, ""),
        (Some(Topic::IncidentNotice), false) => ("Outside ISMAP: confirm by questionnaire the deadline, contact and content of incident notices, and fix them in the contract/SLA", Plain, ""),
        (Some(Topic::SecurityTesting), true) => ("ISMAPの対象外: ISMAPクラウドサービスリストに掲載された第三者による検査(ペネトレーションテスト等)の情報を確認し、実施頻度と結果の概要、または第三者の診断報告書を求める", Plain, ""),
        (Some(Topic::SecurityTesting), false) => ("Outside ISMAP: check the information on third-party testing (penetration tests…) published on the ISMAP cloud service list, and ask for their frequency and a summary of results, or the tester's report", Plain, ""),
        (Some(Topic::BackupAvailability), true) => ("ISMAPの対象外: SLAの稼働率・復旧目標とバックアップの取得頻度・保管場所を確認し、必要ならサービスの外にもバックアップを持つ", Plain, ""),
        (Some(Topic::BackupAvailability), false) => ("Outside ISMAP: check the SLA's availability and recovery targets and how often and where backups are kept; keep backups outside the service if you need them", Plain, ""),
        (Some(Topic::Subcontractors), true) => ("ISMAPの対象外: 再委託先(サブプロセッサ)の一覧と再委託の条件を質問票で確認し、契約に定める(ISMAPクラウドサービスリストが掲載するのは資本関係・役員の情報まで)", Plain, ""),
        (Some(Topic::Subcontractors), false) => ("Outside ISMAP: confirm by questionnaire the list of subcontractors (sub-processors) and the terms of subcontracting, and fix them in the contract (the ISMAP cloud service list publishes capital relationships and officers only)", Plain, ""),
        (Some(Topic::CustomerKeys), true) => ("ISMAPの対象外: 利用者が管理する暗号鍵(BYOK等)に対応するか、鍵をどう管理するかを仕様・質問票で確認し、契約/SLAに定める", Plain, ""),
        (Some(Topic::CustomerKeys), false) => ("Outside ISMAP: confirm from the specifications or by questionnaire whether customer-managed keys (BYOK…) are supported and how the keys are managed, and fix it in the contract/SLA", Plain, ""),
        (Some(Topic::LogAccess), true) => ("ISMAPの対象外: 利用者が取得できるログの種類・保存期間・取得方法と料金を仕様・契約で確認する", Plain, ""),
        (Some(Topic::LogAccess), false) => ("Outside ISMAP: check in the specifications and the contract which logs you can obtain, for how long, how, and at what price", Plain, ""),
    }
}

impl fmt::Display for Procedure<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_to(f)
    }
}

/// Serialises a `Display` value as a string without building it first.
struct AsStr<'a, T: fmt::Display>(&'a T);

impl<T: fmt::Display> Serialize for AsStr<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self.0)
    }
}

impl Serialize for Procedure<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Procedure", 2)?;
        st.serialize_field("code", self.code())?;
        st.serialize_field("text", &AsStr(self))?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`fold`]'s short way for kana, kanji and ASCII lowers as `to_lowercase` does.
    #[test]
    fn kana_and_kanji_have_no_case() {
        for c in '\u{3000}'..='\u{9FFF}' {
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
        for text in [
            "ＢＹＯＫで鍵を管理",
            "SLA 99.9%",
            "ΣΑΣ log",
            "Ｄａｔａ Ｃｅｎｔｅｒ",
            "データセンター",
        ] {
            assert_eq!(
                fold(text),
                crate::text::fold_width(text).to_lowercase(),
                "{text}"
            );
        }
    }

    /// The search the rules used before [`WordSet`]: each word on its own.
    fn contains_word(text: &str, word: &str) -> bool {
        if !word.bytes().all(|b| b.is_ascii_alphabetic()) {
            return text.contains(word);
        }
        let bytes = text.as_bytes();
        text.match_indices(word).any(|(at, _)| {
            let before = at.checked_sub(1).and_then(|i| bytes.get(i));
            let after = bytes.get(at + word.len());
            !before.is_some_and(u8::is_ascii_alphanumeric)
                && (word.len() > 3 || !after.is_some_and(u8::is_ascii_alphanumeric))
        })
    }

    /// [`Topic::beyond_ismap_in`] as it was: the rules read word by word.
    fn beyond_ismap_by_word(folded: &str) -> Option<Topic> {
        let has = |w: &str| contains_word(folded, w);
        Topic::BEYOND_ISMAP
            .iter()
            .find(|(_, first, second)| {
                first.iter().any(|w| has(w)) && (second.is_empty() || second.iter().any(|w| has(w)))
            })
            .map(|(t, _, _)| *t)
    }

    /// The one-pass search finds in a text what the word-by-word one found: each word of
    /// the rules (the first of a list too), and so each rule's topic, over texts made of
    /// the words, pieces of them and what stands around words (ASCII letters and digits,
    /// spaces, kana), ten thousand of them.
    #[test]
    fn one_pass_finds_what_the_word_by_word_search_found() {
        let list: Vec<&'static str> = (Topic::BEYOND_ISMAP.iter())
            .flat_map(|(_, a, b)| a.iter().chain(b.iter()).copied())
            .chain([
                "rpo",
                "rto",
                "quarterly",
                "annually",
                "monthly",
                "四半期",
                "毎月",
            ])
            .collect();
        let set = WordSet::new(&list);
        let mut pieces: Vec<String> = list.iter().map(|w| (*w).to_owned()).collect();
        for w in &list {
            let chars: Vec<char> = w.chars().collect();
            if chars.len() > 1 {
                pieces.push(chars[..chars.len() - 1].iter().collect());
                pieces.push(chars[1..].iter().collect());
            }
        }
        for p in [
            " ",
            "a",
            "s",
            "x1",
            "9",
            "-",
            "の",
            "が",
            "されていること",
            "、",
            ".",
            "/",
        ] {
            pieces.push(p.to_owned());
        }
        // a fixed sequence (xorshift): the same texts on every run
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut topics = 0;
        for _ in 0..10_000 {
            let text: String = (0..1 + next(8))
                .map(|_| pieces[next(pieces.len())].as_str())
                .collect();
            let found = set.found(&text);
            for (w, f) in list.iter().zip(list.iter().map(|w| found[set.index(w)])) {
                assert_eq!(f, contains_word(&text, w), "{w} in {text:?}");
            }
            assert_eq!(
                set.first(&text),
                list.iter().find(|w| contains_word(&text, w)).copied(),
                "{text:?}"
            );
            let want = beyond_ismap_by_word(&text);
            topics += usize::from(want.is_some());
            assert_eq!(Topic::beyond_ismap_in(&text), want, "{text:?}");
        }
        // the texts reach the rules, not only their absence
        assert!(topics > 500, "{topics}");
    }

    /// A level an item states is found and quoted; dates, ids and counts without a bound
    /// are no level (review 11 D-4).
    #[test]
    fn levels_are_told_from_dates_and_ids() {
        for (text, want) in [
            ("操作ログを1年以上保管していること", "1年以上"),
            (
                "インシデント発生時は２４時間以内に通知すること",
                "24時間以内",
            ),
            ("脆弱性診断を年2回以上実施していること", "年2回以上"),
            (
                "バックアップは7世代以上保持し、RPOは1時間以内であること",
                "7世代以上",
            ),
            ("パスワードは12文字以上であること", "12文字以上"),
            ("特権IDの棚卸しを四半期ごとに実施していること", "四半期"),
            ("サービス終了の6か月前までに通知すること", "6か月"),
            ("稼働率99.9%以上", "99.9%以上"),
            (
                "Audit logs are retained for at least 12 months",
                "at least 12 months",
            ),
            ("Leavers are disabled within 24 hours", "within 24 hours"),
            ("Access is reviewed quarterly", "quarterly"),
            ("RTOを定めていること", "RTO"),
        ] {
            assert_eq!(stated_level(text).as_deref(), Some(want), "{text}");
        }
        for text in [
            "2025年4月に改定した規程に基づくこと",
            "令和6年3月1日以降の契約",
            "ISO/IEC 27001認証を取得していること",
            "9.2.1に従い利用者IDを管理すること",
            "SOC2報告書を入手すること",
            "担当者を2名置くこと",
            "定期的に見直していること",
        ] {
            assert_eq!(stated_level(text), None, "{text}");
        }
    }

    /// The cloud-policy requirements a buyer settles itself (review 11 A-6) are found in
    /// the words buyers write them in; an item naming only the control ISMAP assesses is
    /// none of them.
    #[test]
    fn requirements_beyond_ismap_are_told_from_the_controls_ismap_assesses() {
        use Topic::*;
        for (text, want) in [
            ("データセンターが国内にあること", DataLocation),
            ("データセンターが日本国内に所在すること", DataLocation),
            (
                "Customer data is stored only in data centres located in Japan",
                DataLocation,
            ),
            (
                "準拠法が日本法、管轄裁判所が日本国内であること",
                GoverningLaw,
            ),
            (
                "顧客管理鍵（BYOK）による暗号化に対応していること",
                CustomerKeys,
            ),
            ("データの暗号鍵を利用者が管理できること", CustomerKeys),
            ("Supports customer-managed keys", CustomerKeys),
            (
                "バックアップをサービス外（別事業者）に保管していること",
                BackupAvailability,
            ),
            (
                "サービスの稼働率（SLA）が99.9%以上であること",
                BackupAvailability,
            ),
            (
                "２４時間３６５日稼働の冗長構成であること",
                BackupAvailability,
            ),
            (
                "他事業者へのデータ移行（ポータビリティ）が可能であること",
                Exit,
            ),
            ("ログを取得でき、その料金が明示されていること", LogAccess),
            ("Audit logs can be exported by the customer", LogAccess),
        ] {
            assert_eq!(Topic::beyond_ismap(text), Some(want), "{text}");
        }
        for text in [
            "バックアップを取得していること",
            "暗号化していること",
            "暗号鍵を適切に管理していること",
            "ログを取得し保存していること",
            "データセンターの物理的な入退管理を行っていること",
            "冗長化していること",
            "利用者IDの登録・削除の手順があること",
            "Relevant legislation is identified",
            "Login attempts are limited",
            "Backups are tested regularly",
        ] {
            assert_eq!(Topic::beyond_ismap(text), None, "{text}");
        }
    }

    #[test]
    fn write_to_a_string_writes_what_display_writes() {
        for kind in Kind::ALL {
            for lang in [Lang::Ja, Lang::En] {
                for n in 0..3 {
                    let ids: Vec<Cow<str>> = ["9.2.1", "AC-2(1) → AC-2", "8.1.5.P"][..n]
                        .iter()
                        .map(|&s| s.into())
                        .collect();
                    let p = Procedure::new(kind, lang, ids);
                    let mut out = String::from("・");
                    p.write_to(&mut out).unwrap();
                    assert_eq!(out, format!("・{p}"));
                }
            }
        }
    }

    /// The procedure for an unstated registration kind says how to state it in the input's
    /// form, in both languages, under one code.
    #[test]
    fn an_unstated_kind_is_stated_as_the_input_form_allows() {
        let how = [
            (InputForm::Text, "ISMAPクラウドサービスリスト", "表題行"),
            (InputForm::Table, "above the table's header", "見出し行の上"),
            (
                InputForm::Profile,
                "registration_kind: ismap",
                "registration_kind: ismap",
            ),
        ];
        for (form, en, ja) in how {
            let kind = Kind::RegistrationKindUnstated(form);
            assert_eq!(kind.code(), "registration-kind-unstated");
            let p = |lang| Procedure::new(kind, lang, vec!["SaaS".into()]).text();
            assert!(p(Lang::En).contains(en), "{}", p(Lang::En));
            assert!(
                p(Lang::En).contains("whether SaaS is on"),
                "{}",
                p(Lang::En)
            );
            assert!(p(Lang::Ja).contains(ja), "{}", p(Lang::Ja));
            assert!(p(Lang::Ja).contains("SaaS がISMAP"), "{}", p(Lang::Ja));
        }
    }

    #[test]
    fn codes_are_distinct() {
        let mut codes: Vec<&str> = Kind::ALL.iter().map(|k| k.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), Kind::ALL.len());
    }

    #[test]
    fn a_procedure_is_worded_in_its_language_and_serialised_as_code_and_text() {
        let ids: Vec<Cow<str>> = vec!["9.2.1".into(), "9.4.1".into()];
        let p = Procedure::new(
            Kind::RemediationPlan { quoted: false },
            Lang::Ja,
            ids.clone(),
        );
        assert_eq!(
            p.text(),
            "CSPが未実施とする統制目標 9.2.1, 9.4.1 について、実施計画と時期、それまでの代替の統制を確認する"
        );
        assert_eq!(
            serde_json::to_value(&p).unwrap(),
            serde_json::json!({"code": "remediation-plan", "text": p.text()})
        );
        let en = Procedure::new(Kind::FixReferences, Lang::En, ids);
        assert_eq!(
            en.text(),
            "Correct the unresolved references 9.2.1, 9.4.1 and run again (the item is not judged until then)"
        );
        assert_eq!(
            Procedure::new(Kind::Soc2, Lang::En, vec![]).code(),
            "soc2-report"
        );
    }

    /// A 4-digit id is a detailed control, never a control objective.
    #[test]
    fn detail_ids_are_called_detailed_controls() {
        let p = |ids: &[&'static str], lang| {
            Procedure::new(
                Kind::StatementRequest,
                lang,
                ids.iter().map(|&s| Cow::Borrowed(s)).collect(),
            )
            .text()
        };
        assert!(p(&["10.1.2.3"], Lang::Ja).contains("詳細管理策 10.1.2.3"));
        assert!(!p(&["10.1.2.3"], Lang::Ja).contains("統制目標"));
        assert!(p(&["9.2.3.11.PB"], Lang::Ja).contains("詳細管理策 9.2.3.11.PB"));
        assert!(p(&["10.1.2"], Lang::Ja).contains("統制目標 10.1.2"));
        assert!(
            p(&["10.1.2", "10.1.2.3"], Lang::Ja).contains("統制目標・詳細管理策 10.1.2, 10.1.2.3")
        );
        assert!(p(&["10.1.2.3"], Lang::En).contains("detailed control 10.1.2.3"));
        assert!(p(&["8.1.5.P", "9.2.1"], Lang::En).contains("control objectives 8.1.5.P, 9.2.1"));
        assert!(is_detail_id("9.2.1.3") && !is_detail_id("8.1.5.P") && !is_detail_id("3.1.2"));
        // governance and management items are items of the criteria, not detailed controls
        assert!(p(&["4.4.7.2"], Lang::Ja).contains("基準の項目 4.4.7.2"));
        assert!(p(&["3.1.2.1", "4.4.7.2"], Lang::En).contains("criteria items 3.1.2.1, 4.4.7.2"));
        assert!(is_criteria_item("4.4.7.2 (not implemented, of 4.4.7)"));
        assert!(!is_criteria_item("4.4.7") && !is_criteria_item("14.1.2.3"));
    }

    /// [`id_numbers`] as first written, with iterators: the one pass must agree with it.
    fn id_numbers_by_split(subject: &str) -> (usize, &str) {
        let id = subject
            .split(|c: char| c.is_whitespace() || c == '(' || c == '（')
            .next()
            .unwrap_or(subject);
        let mut numbers = id
            .split('.')
            .take_while(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()));
        let first = numbers.next();
        (
            first.map_or(0, |_| 1 + numbers.count()),
            first.unwrap_or(""),
        )
    }

    #[test]
    fn id_numbers_are_those_of_the_id_split_at_dots() {
        for s in [
            "",
            ".",
            "9",
            "9.",
            "9.2.1.3",
            "9.2.1.3.",
            "9..2",
            ".9.2",
            "9.2.1.3 (x)",
            "4.4.7.2（未実施、4.4.7）",
            "4.4.7.2\u{3000}x",
            "8.1.5.P",
            "AC-2(1) → AC-2",
            "9.2a.1.1",
            "9.2.1.1a",
            "9.2.1.1(1)",
            "9.2.1.1)",
            "12.1.2.3、",
            "٣.1.1.1",
        ] {
            assert_eq!(id_numbers(s), id_numbers_by_split(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn id_numbers_agree_with_the_split(s in "[0-9.( （a\u{3000}、]{0,14}") {
            proptest::prop_assert_eq!(id_numbers(&s), id_numbers_by_split(&s));
        }
    }

    #[test]
    fn topics_come_from_the_title() {
        for (title, topic) in [
            (
                "データセンターが日本国内に所在すること",
                Some(Topic::DataLocation),
            ),
            (
                "準拠法が日本法、管轄裁判所が日本国内であること",
                Some(Topic::GoverningLaw),
            ),
            (
                "契約終了時に顧客データが削除・返却されること",
                Some(Topic::Exit),
            ),
            (
                "インシデント発生時に速やかに通知されること",
                Some(Topic::IncidentNotice),
            ),
            (
                "第三者による脆弱性診断が定期的に実施されていること",
                Some(Topic::SecurityTesting),
            ),
            (
                "SLAで稼働率が保証されていること",
                Some(Topic::BackupAvailability),
            ),
            ("ＳＬＡの稼働率", Some(Topic::BackupAvailability)),
            ("再委託先が管理されていること", Some(Topic::Subcontractors)),
            (
                "Data is stored in a Japanese region",
                Some(Topic::DataLocation),
            ),
            (
                "Breach notification within 72 hours",
                Some(Topic::IncidentNotice),
            ),
            ("情報セキュリティ方針", None),
        ] {
            assert_eq!(Topic::of_title(title), topic, "{title}");
        }
    }

    /// A topic's facts from the profile are bracketed; without them the sentence reads on.
    #[test]
    fn profile_facts_are_bracketed_when_there_are_some() {
        let law = Kind::OwnCheck(Some(Topic::GoverningLaw));
        let none = Procedure::new(law, Lang::Ja, vec![]).text();
        assert_eq!(
            none,
            "ISMAPの対象外: ISMAPクラウドサービスリストに掲載された準拠法・裁判管轄を確認し、契約で定める"
        );
        let some = Procedure::new(
            law,
            Lang::Ja,
            vec!["準拠法: 日本法".into(), "裁判管轄: 東京地方裁判所".into()],
        )
        .text();
        assert!(
            some.ends_with("確認し、契約で定める(準拠法: 日本法、裁判管轄: 東京地方裁判所)"),
            "{some}"
        );
        let en = Procedure::new(law, Lang::En, vec!["governing law: Japan".into()]).text();
        assert!(
            en.contains("cloud service list (governing law: Japan), and fix"),
            "{en}"
        );
    }
}
