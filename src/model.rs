//! Domain types shared by input and analysis: check items and a CSP's attestation.
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Serialize, Serializer};

use crate::date::Date;
use crate::lang::Lang;

/// The assurance a check item requires, weakest to strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Assurance {
    /// The CSP's own declaration (自己申告) is enough.
    #[serde(rename = "self")]
    SelfDeclared,
    /// ISMAP's agreed procedures are enough (the default).
    #[default]
    Ismap,
    /// An assurance report: SOC 2 Type 2, JICPA IT7号 (保証報告).
    Soc2,
    /// The buyer's own audit of the CSP (個別監査, 実地監査).
    Audit,
}

impl Assurance {
    /// Reads a cell; empty means the default (`ismap`). A level is read in the spellings
    /// people write it (`SOC2報告書`, `SOC 2 Type II`, `ISAE3402`, `第三者保証報告書`,
    /// `オンサイト監査`, `ISMAPで確認`): the level's word, then at most a word for the
    /// document or the act (`報告書`, `レポート`, `の入手`, `で確認`).
    pub fn parse(s: &str) -> Option<Assurance> {
        // a footnote mark on the level (`ISMAP*`, `ISMAP＊`, `ISMAP(*1)`, `SOC2†`): its note may
        // ask more, as `ISMAP※` (review 24 A-7) — the mark is dropped from a key like a
        // header's required-field mark, so it is looked for here
        if s.contains(['*', '＊', '∗', '†', '‡']) {
            return None;
        }
        let lower = s.to_lowercase();
        // levels between slashes (`ISMAP/SOC2`): a slash says neither "either" nor "both" —
        // check sheets write it for both — so only one level in every spelling is read
        // (`SOC2/ISAE3402`); two different levels are no reading (review 26 A-9, was the
        // weaker: a bare covered where the buyer may ask for the SOC 2 report too)
        let slashed: Vec<&str> = lower
            .split(['/', '／'])
            .filter(|p| !p.trim().is_empty())
            .collect();
        if slashed.len() > 1 {
            let levels = slashed
                .into_iter()
                .map(Self::parse_either)
                .collect::<Option<Vec<_>>>()?;
            return levels.windows(2).all(|w| w[0] == w[1]).then(|| levels[0]);
        }
        Self::parse_either(&lower)
    }

    /// Whether `s` joins levels with a slash ([`Assurance::parse`] reads none of two
    /// different levels so joined).
    fn slash_between_levels(s: &str) -> bool {
        let parts: Vec<&str> = s
            .split(['/', '／'])
            .filter(|p| !p.trim().is_empty())
            .collect();
        parts.len() > 1 && parts.iter().all(|p| Self::parse_either(p).is_some())
    }

    /// Whether `s` asks a check of the buyer's own beside a level (`ISMAP＋ヒアリング`,
    /// `ISMAP及び質問票`): [`Assurance::parse`] reads no level of it.
    fn check_beside_level(s: &str) -> bool {
        let lower = s.to_lowercase();
        let both = Self::both_parts(&lower);
        both.len() > 1
            && both.iter().any(|p| Self::is_written_answer(p))
            && both
                .iter()
                .any(|p| !Self::is_written_answer(p) && Self::parse_one(p).is_some())
    }

    /// A part of a cell naming the CSP's written answer or another check of the buyer's
    /// (`ヒアリング`, `質問票`), not a level of the scale.
    fn is_written_answer(p: &str) -> bool {
        let k = crate::text::header_key(p);
        Self::WRITTEN_ANSWER.iter().any(|w| k.starts_with(w))
    }

    /// The parts of a cell joined by "both" words (`ISMAP＋SOC2`, `ISMAP及びSOC2`).
    fn both_parts(lower: &str) -> Vec<&str> {
        lower
            .split(['+', '＋', '&', '＆'])
            .flat_map(|p| p.split(" and "))
            .flat_map(|p| p.split("及び"))
            .flat_map(|p| p.split("かつ"))
            .filter(|p| !p.trim().is_empty())
            .collect()
    }

    /// [`Assurance::parse`] of a cell without slashes between levels.
    fn parse_either(lower: &str) -> Option<Assurance> {
        // either of several (`ISMAPまたはSOC2`, `SOC2 or ISMAP`): the weakest will do, when
        // every one is a level (review 12 C-21; a slash is no "or": review 26 A-9)
        let parts: Vec<&str> = std::iter::once(lower)
            .flat_map(|p| p.split(" or "))
            .flat_map(|p| p.split("又は"))
            .flat_map(|p| p.split("または"))
            .flat_map(|p| p.split("もしくは"))
            .filter(|p| !p.trim().is_empty())
            .collect();
        if parts.len() > 1 {
            return parts
                .into_iter()
                .map(Self::parse_one)
                .collect::<Option<Vec<_>>>()?
                .into_iter()
                .min();
        }
        // both (`ISMAP＋SOC2`, `ISMAP及びSOC2`): the strongest is asked, when every one is a
        // level (review 15 C-8); a level and a check of the buyer's own beside it
        // (`ISMAP＋ヒアリング`, `ISMAP及び質問票`): the level alone does not answer the item, no
        // reading (review 26 A-9, was the level: a bare covered without the hearing)
        let both = Self::both_parts(lower);
        if both.len() > 1 {
            if both.iter().any(|p| Self::is_written_answer(p))
                && both.iter().any(|p| !Self::is_written_answer(p))
            {
                return None;
            }
            // a part that is no level (`（整備状況及び運用状況）`): read as one
            if let Some(levels) = both
                .into_iter()
                .map(Self::parse_one)
                .collect::<Option<Vec<_>>>()
            {
                return levels.into_iter().max();
            }
        }
        Self::parse_one(lower)
    }

    /// Words for the CSP's written answer, or for no check (`不要`), read as `self` in an
    /// assurance cell (review 12 C-21), by their [`header_key`](crate::text::header_key).
    const WRITTEN_ANSWER: &'static [&'static str] = &[
        "書面",
        "ヒアリング",
        "質問票",
        "チェックシート",
        "アンケート",
        "questionnaire",
        "不要",
        // the CSP's answer (`CSP回答`, review 25 C-5)
        "csp回答",
        "事業者回答",
        "ベンダー回答",
        "ベンダ回答",
        "回答",
    ];

    /// Whether `s` is a level by a word of the scale itself ([`Assurance::parse`]), not one of
    /// the ways of asking [`Self::WRITTEN_ANSWER`] also reads as `self`: a column of those
    /// (`書面` / `ヒアリング` under `確認方法`) is a column of methods.
    pub fn names_a_level(s: &str) -> bool {
        let k = crate::text::header_key(s);
        Self::parse(s).is_some() && !Self::WRITTEN_ANSWER.iter().any(|w| k.starts_with(w))
    }

    /// Words after a level naming the document or the act, not another level.
    const AFTER: &'static [&'static str] = &[
        "で確認すること",
        "による確認",
        "で確認",
        "の入手",
        "の提出",
        "入手",
        "提出",
        "報告書",
        "レポート",
        "report",
        "の確認",
        "確認",
        // ISMAP with its operation assessed, as buyers write it: what `ismap` asks
        // already (a design-only audit leaves such an item short: reason
        // `design-only`, review 11 D-3)
        "(運用評価含む)",
        "(運用評価を含む)",
        "(運用状況含む)",
        "(運用状況を含む)",
        "(運用状況)",
        "(運用評価)",
        "(整備・運用)",
        "(整備運用)",
        "(整備状況及び運用状況)",
        "(整備・運用状況)",
        // the level will do (`ISMAP登録で可`, `ISMAPで代替可`, `ISMAP登録をもって代替`)
        // or is a must (`ISMAP（必須）`): what the level asks already (review 12 C-21)
        "で代替可能",
        "で代替可",
        "をもって代替",
        "で代替",
        "で可",
        "(必須)",
        "(必要)",
        "(推奨)",
        // the level or a higher one (`ISMAP以上`), the level will do (`ISMAP可`,
        // `自己申告可`): the level itself, never a weaker one (review 25 C-5)
        "以上",
        "でも可",
        "でよい",
        "で良い",
        "可",
    ];

    /// Whether `s` names only the document or the act, no level (`報告書`, `Report`, `提出`):
    /// [`Assurance::parse`] reads no level of it.
    fn document_without_level(s: &str) -> bool {
        let key = crate::text::header_key(s);
        let mut k = &*key;
        while let Some(rest) = Self::AFTER.iter().find_map(|w| k.strip_suffix(w)) {
            k = rest;
        }
        k.is_empty() && !key.is_empty()
    }

    /// [`Assurance::parse`] of one level.
    fn parse_one(s: &str) -> Option<Assurance> {
        let key = crate::text::header_key(s);
        // a level with another that will do in brackets (`自己申告（ISMAP登録で代替可）`, review 23
        // C-5): either, the weakest will do, as `自己申告またはISMAP`
        if let Some((outer, inner)) = key
            .strip_suffix(')')
            .and_then(|k| k.rsplit_once('('))
            .filter(|(outer, _)| !outer.is_empty())
        {
            const WILL_DO: &[&str] = &["で代替可能", "で代替可", "をもって代替", "で代替", "で可"];
            if WILL_DO.iter().any(|w| inner.ends_with(w)) {
                if let (Some(a), Some(b)) = (Self::parse_one(outer), Self::parse_one(inner)) {
                    return Some(a.min(b));
                }
            }
        }
        // ISMAP registered or listed (`ISMAP登録済みであること`, `ISMAPクラウドサービスリスト掲載`,
        // review 23 C-5): what `ismap` asks already — of ISMAP only (`監査済` is no level)
        const LISTED: &[&str] = &[
            "であること",
            "されていること",
            "済みであること",
            "済み",
            "済",
            "に掲載",
            "掲載",
            "クラウドサービスリスト",
            "に登録",
            "登録",
        ];
        if key.starts_with("ismap") {
            let mut k = &*key;
            while let Some(rest) = LISTED.iter().find_map(|w| k.strip_suffix(w)) {
                k = rest;
            }
            if k == "ismap" {
                return Some(Assurance::Ismap);
            }
        }
        let mut k = &*key;
        loop {
            if let Some(a) = Self::of_word(k) {
                return Some(a);
            }
            k = Self::AFTER.iter().find_map(|w| k.strip_suffix(w))?;
            // the document or the act with no level before it (`報告書`, `Report`, `提出`,
            // `（必須）`): which level is asked cannot be told — a report is as often a SOC 2
            // report as anything (review 26 A-1, was the default: a bare covered)
            if k.is_empty() {
                return None;
            }
        }
    }

    /// A level's word, by its [`header_key`](crate::text::header_key).
    fn of_word(k: &str) -> Option<Assurance> {
        Some(match k {
            "" | "ismap" | "ismap登録" => Assurance::Ismap,
            "self" | "自己申告" | "selfdeclared" | "selfassessment" | "自己評価" => {
                Assurance::SelfDeclared
            }
            // the CSP's written answer, or no check asked for: the CSP's word (review 12
            // C-21)
            k if Self::WRITTEN_ANSWER.contains(&k) => Assurance::SelfDeclared,
            "audit" | "監査" | "onsite" | "オンサイト" => Assurance::Audit,
            // an external auditor's report (`外部監査報告書`, review 15 C-8): a third
            // party's assurance report, not the buyer's own audit
            "外部監査" => Assurance::Soc2,
            _ => return Self::named_word(k),
        })
    }

    /// The level above ISMAP a word names, by its [`header_key`](crate::text::header_key):
    /// an assurance report (SOC 2 in any spelling, ISAE 3402, IT7号, 保証報告) or the
    /// buyer's own audit (個別監査, オンサイト監査, 訪問調査).
    fn named_word(k: &str) -> Option<Assurance> {
        Self::ABOVE.iter().find(|(w, _)| *w == k).map(|&(_, a)| a)
    }

    /// The words of the levels above ISMAP, by their [`header_key`](crate::text::header_key).
    const ABOVE: &'static [(&'static str, Assurance)] = &[
        ("soc2type2", Assurance::Soc2),
        ("soc2typeii", Assurance::Soc2),
        ("soc2type1", Assurance::Soc2),
        ("soc2typei", Assurance::Soc2),
        ("soc1type2", Assurance::Soc2),
        ("soc1typeii", Assurance::Soc2),
        ("soc1type1", Assurance::Soc2),
        ("soc1typei", Assurance::Soc2),
        ("soc1", Assurance::Soc2),
        ("soc2", Assurance::Soc2),
        ("soc3", Assurance::Soc2),
        ("soc", Assurance::Soc2),
        ("isae3402", Assurance::Soc2),
        ("isae3000", Assurance::Soc2),
        ("ssae18", Assurance::Soc2),
        ("ssae16", Assurance::Soc2),
        ("第三者保証", Assurance::Soc2),
        ("保証報告書", Assurance::Soc2),
        ("保証報告", Assurance::Soc2),
        ("保証型監査", Assurance::Soc2),
        ("保証型", Assurance::Soc2),
        ("jicpait7号", Assurance::Soc2),
        ("it7号", Assurance::Soc2),
        ("it7", Assurance::Soc2),
        ("個別監査", Assurance::Audit),
        ("実地監査", Assurance::Audit),
        ("立入監査", Assurance::Audit),
        ("立入検査", Assurance::Audit),
        ("立入調査", Assurance::Audit),
        ("オンサイト監査", Assurance::Audit),
        ("オンサイト調査", Assurance::Audit),
        ("訪問調査", Assurance::Audit),
        ("訪問監査", Assurance::Audit),
        ("現地監査", Assurance::Audit),
        ("現地調査", Assurance::Audit),
        ("実地調査", Assurance::Audit),
        // an on-site check the buyer asks for (`現地確認要`, review 12 A-13)
        ("現地確認", Assurance::Audit),
        ("実地確認", Assurance::Audit),
        ("立入確認", Assurance::Audit),
        ("onsiteaudit", Assurance::Audit),
        ("onsiteassessment", Assurance::Audit),
        ("sitevisit", Assurance::Audit),
        ("righttoaudit", Assurance::Audit),
        // the buyer auditing the provider itself, in English (review 24 E-1: `We will audit
        // the vendor on site annually`, as `Customer performs onsite assessment` reads)
        ("onsiteinspection", Assurance::Audit),
        ("onsitevisit", Assurance::Audit),
        ("onsitereview", Assurance::Audit),
        ("auditthevendor", Assurance::Audit),
        ("auditthesupplier", Assurance::Audit),
        ("audittheprovider", Assurance::Audit),
        ("auditthecsp", Assurance::Audit),
        ("auditthecloudprovider", Assurance::Audit),
        ("auditthecloudserviceprovider", Assurance::Audit),
        ("wewillaudit", Assurance::Audit),
        ("weshallaudit", Assurance::Audit),
        // the buyer checking on site or auditing itself in the words of a note or a method
        // column, as the assurance column reads them (review 24 A-5: `往査により確認`,
        // `オンサイトで確認`, `運用状況は当社が実地で確認する`, `監査権を行使して確認`,
        // `当社監査部門が確認`, `訪問して確認する`)
        ("往査", Assurance::Audit),
        ("オンサイトで確認", Assurance::Audit),
        ("オンサイトにて確認", Assurance::Audit),
        ("実地で確認", Assurance::Audit),
        ("実地にて確認", Assurance::Audit),
        ("現地で確認", Assurance::Audit),
        ("現地にて確認", Assurance::Audit),
        ("訪問して確認", Assurance::Audit),
        ("訪問確認", Assurance::Audit),
        ("訪問による確認", Assurance::Audit),
        ("監査権", Assurance::Audit),
        ("当社監査", Assurance::Audit),
        ("当社による監査", Assurance::Audit),
        ("当社が監査", Assurance::Audit),
        ("弊社監査", Assurance::Audit),
        ("弊社による監査", Assurance::Audit),
        ("弊社が監査", Assurance::Audit),
        // the buyer's own audit in more words (review 25: `■ Access control:
        // verified by our own audit`, `Section 3 – to be checked on site`, `当社による
        // リモート監査`, `書面監査`, `現地視察`, `audited by us`, `customer audit`)
        ("リモート監査", Assurance::Audit),
        ("書面監査", Assurance::Audit),
        ("現地視察", Assurance::Audit),
        ("実地視察", Assurance::Audit),
        ("ourownaudit", Assurance::Audit),
        ("byouraudit", Assurance::Audit),
        ("auditedbyus", Assurance::Audit),
        ("customeraudit", Assurance::Audit),
        ("remoteaudit", Assurance::Audit),
        ("checkedonsite", Assurance::Audit),
        ("verifiedonsite", Assurance::Audit),
        ("inspectedonsite", Assurance::Audit),
        ("reviewedonsite", Assurance::Audit),
        ("onsitecheck", Assurance::Audit),
        ("onsiteverification", Assurance::Audit),
    ];

    /// The highest level above ISMAP a text names anywhere in it (`SOC2 Type2報告書で確認
    /// すること`, `【個別監査】特権IDの管理`, `保証報告（SOC2 Type2）`): the one recogniser of a
    /// level written outside the assurance cell. `監査` alone (`監査ログ`) names none.
    pub fn named_in(text: &str) -> Option<Assurance> {
        // every word of ABOVE in one pass (found overlapping: `soc2` inside `soc2type2`);
        // the automaton is built once, as each item's text, note and columns are asked: a
        // small one (no DFA: its build was a tenth of a 300-item run)
        static WORDS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
            std::sync::LazyLock::new(|| {
                aho_corasick::AhoCorasick::builder()
                    .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
                    .build(Assurance::ABOVE.iter().map(|(w, _)| w))
                    .expect("the fixed words of ABOVE build an automaton")
            });
        let k = crate::text::header_key(text);
        // a text without a char of any word of ABOVE names none
        if !k.chars().any(Assurance::may_name_above) {
            return None;
        }
        WORDS
            .find_overlapping_iter(&*k)
            .filter(|m| Self::a_word_here(&k, Self::ABOVE[m.pattern().as_usize()].0, m.start()))
            .map(|m| Self::ABOVE[m.pattern().as_usize()].1)
            .max()
    }

    /// Whether `c` may be in a word of [`Assurance::ABOVE`] (each holds an ASCII letter,
    /// `保`, `監`, `検`, `調`, `確`, `往` or `視`).
    fn may_name_above(c: char) -> bool {
        c.is_ascii_alphabetic() || matches!(c, '保' | '監' | '検' | '調' | '確' | '往' | '視')
    }

    /// Whether `w` found at `i` of `k` counts: `soc` only as a word of its own, not in
    /// `association`, `social`.
    fn a_word_here(k: &str, w: &str, i: usize) -> bool {
        if w == "soc" {
            return !k[..i].ends_with(|c: char| c.is_ascii_alphabetic())
                && !k[i + 3..].starts_with(|c: char| c.is_ascii_alphanumeric());
        }
        // `audited by us`, not `audited by users`, `by using`, `by use of` (the key has no
        // spaces)
        let after = &k[i + w.len()..];
        if w.ends_with("byus") {
            return !after.starts_with('e') && !after.starts_with("ing");
        }
        // an English audit of the buyer's, not the records of one (`customer audit logs`,
        // `remote audit trail`: logs the service keeps)
        !w.ends_with("audit")
            || !["log", "trail", "record", "event"]
                .iter()
                .any(|r| after.starts_with(r))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Assurance::SelfDeclared => "self",
            Assurance::Ismap => "ismap",
            Assurance::Soc2 => "soc2",
            Assurance::Audit => "audit",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Assurance::SelfDeclared => lang.pick("自己申告", "self"),
            Assurance::Ismap => lang.pick("ISMAP", "ISMAP"),
            Assurance::Soc2 => lang.pick("保証報告(SOC2)", "SOC 2"),
            Assurance::Audit => lang.pick("個別監査", "own audit"),
        }
    }
}

/// A check item's risk or priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Risk {
    High,
    Medium,
    Low,
}

impl Risk {
    /// Reads a cell; empty means no risk given. A note in brackets after the level is its
    /// own (`高（必須）`, `中 (推奨)`).
    pub fn parse(s: &str) -> Option<Option<Risk>> {
        let k = crate::text::header_key(s);
        let k = match k.find('(') {
            Some(i) if i > 0 && k.ends_with(')') => &k[..i],
            _ => &k,
        };
        Some(match k {
            "" => None,
            "high" | "h" | "高" | "大" | "1" => Some(Risk::High),
            "medium" | "mid" | "m" | "中" | "2" => Some(Risk::Medium),
            "low" | "l" | "低" | "小" | "3" => Some(Risk::Low),
            _ => return None,
        })
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Risk::High => lang.pick("高", "high"),
            Risk::Medium => lang.pick("中", "medium"),
            Risk::Low => lang.pick("低", "low"),
        }
    }
}

/// Columns carried through from the input, in input order, serialised as a JSON object.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extra(pub Vec<(String, String)>);

impl Serialize for Extra {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// Whose a check item is when not the CSP's alone, as the check list's responsibility
/// column (`責任分界`: `利用者`, `共同`) says (review 12 A-11).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Responsibility {
    /// The customer's own (`利用者`, `Customer`, `自組織`): the CSP's statement cannot stand
    /// for it.
    Customer,
    /// Shared between the CSP and the customer (`共同`, `Shared`).
    Shared,
}

impl Responsibility {
    /// The side a responsibility cell names: `Ok(None)` for the CSP's (`事業者`, `CSP`,
    /// `貴社` — the CSP a questionnaire is sent to —, `SaaS事業者`) or an empty cell, a dash
    /// or `N/A` (no side stated: judged as an empty cell), `Err(())` for words that name no
    /// side the tool reads (`IaaS事業者`: which provider is meant cannot be told). Sides
    /// joined (`事業者・利用者`, `事業者、利用者`, `Provider / Customer`) or a side with a note
    /// naming another (`共同（利用者主体）`, `事業者（一部利用者）`) are shared unless all are
    /// one side (review 13 C-7).
    #[allow(clippy::result_unit_err)]
    pub fn of_cell(value: &str) -> Result<Option<Responsibility>, ()> {
        let folded = crate::text::fold_width(value.trim()).to_lowercase();
        if let Ok(side) = Responsibility::of_one(&folded) {
            return Ok(side);
        }
        // a side and a note in brackets on it
        let parts: Vec<String> = match folded.split_once(['(', '（']) {
            Some((head, note)) => {
                let note = note.trim_end_matches([')', '）']);
                let note = ["一部", "主体", "主導", "中心", "のみ"]
                    .iter()
                    .fold(note.to_owned(), |n, w| n.replace(w, ""));
                vec![head.to_owned(), note]
            }
            None => folded
                // `・` is folded to `.`
                .split(['.', '、', ',', '/', '／', '&', '＆'])
                .map(str::to_owned)
                .collect(),
        };
        let parts: Vec<&str> = parts
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() < 2 {
            return Err(());
        }
        let mut sides = Vec::with_capacity(parts.len());
        for p in parts {
            sides.push(Responsibility::of_one(p)?);
        }
        Ok(match sides.first() {
            Some(first) if sides.iter().all(|s| s == first) => *first,
            _ => Some(Responsibility::Shared),
        })
    }

    /// [`Responsibility::of_cell`] of one side's name, folded.
    fn of_one(folded: &str) -> Result<Option<Responsibility>, ()> {
        let v = folded
            .trim_end_matches(['側', '様'])
            .trim_end_matches(" side")
            .trim();
        const CSP: [&str; 22] = [
            "事業者",
            "クラウド事業者",
            "サービス事業者",
            "サービス提供者",
            "提供者",
            "提供事業者",
            "委託先",
            "ベンダー",
            "ベンダ",
            "csp",
            "provider",
            "cloud provider",
            "service provider",
            "vendor",
            // the CSP a questionnaire is sent to, and the CSP named by its kind: a buyer's
            // check list is for a SaaS (review 13 C-7); `IaaS事業者` names another
            "貴社",
            "御社",
            "saas事業者",
            "saasベンダー",
            "saas提供者",
            "クラウドサービス事業者",
            "クラウドサービス提供者",
            "cloud service provider",
        ];
        const CUSTOMER: [&str; 17] = [
            "利用者",
            "利用組織",
            "自組織",
            "自社",
            "当方",
            "当社",
            "お客",
            "顧客",
            "発注者",
            "委託元",
            "customer",
            "user",
            "client",
            "tenant",
            "cloud customer",
            "cloud service customer",
            "csc",
        ];
        const SHARED: [&str; 14] = [
            "共同",
            "共有",
            "共通",
            "双方",
            "両者",
            "分担",
            "事業者・利用者",
            "利用者・事業者",
            "事業者/利用者",
            "利用者/事業者",
            "shared",
            "both",
            "joint",
            "csp/customer",
        ];
        // no side stated: as an empty cell
        const NONE: [&str; 8] = ["", "-", "－", "ー", "—", "―", "n/a", "na"];
        if NONE.contains(&v) || CSP.contains(&v) {
            Ok(None)
        } else if CUSTOMER.contains(&v) {
            Ok(Some(Responsibility::Customer))
        } else if SHARED.contains(&v) {
            Ok(Some(Responsibility::Shared))
        } else {
            Err(())
        }
    }

    /// Whether a carried column's header names whose each item is (`責任分界`, `責任主体`,
    /// `責任範囲`, `Responsibility`) — not a person (`責任者`, `Responsible person`).
    pub fn names_column(header: &str) -> bool {
        let key = crate::text::header_key(header);
        (key.contains("責任") && !key.contains("責任者")) || key.contains("responsibility")
    }

    /// The side an item's note or title says the item is (review 13 A-5), when not the
    /// CSP's: a labelled value (`責任分界：利用者`, `Responsibility: Shared`, read as a cell
    /// is), or a phrase saying the customer does it (`利用者責任`, `利用者自身で`,
    /// `お客様にて設定`, `Customer responsibility`) or both do (`事業者・利用者の双方で`). Words
    /// about responsibility in general (`利用者の責任範囲を明確にしていること`, `責任共有モデル`)
    /// say nothing.
    pub fn in_text(text: &str) -> Option<Responsibility> {
        Responsibility::in_folded(&crate::text::fold_width(text).to_lowercase())
    }

    /// The labels of [`Responsibility::in_text`]'s labelled value, in the order tried.
    const LABELS: [&'static str; 5] = [
        "責任分界",
        "責任主体",
        "責任範囲",
        "責任区分",
        "responsibility",
    ];
    /// [`Responsibility::in_text`]'s phrases saying the customer does it.
    const CUSTOMER_PHRASES: [&'static str; 10] = [
        "利用者責任",
        "利用者自身で",
        "利用者側で実施",
        "お客様にて設定",
        "お客様の設定が必要",
        "お客様自身で",
        "顧客自身で",
        "customer responsibility",
        "customer's responsibility",
        "responsibility of the customer",
    ];
    /// [`Responsibility::in_text`]'s phrases saying both do it.
    const SHARED_PHRASES: [&'static str; 4] = [
        "事業者・利用者の双方",
        "利用者・事業者の双方",
        "双方で実施",
        "shared between the customer",
    ];

    /// Whether `c` is in some word of [`Responsibility::in_text`] (each holds `責`, `利`,
    /// `客`, `双` or `r`): a text holding none names no side.
    fn may_name_side(c: char) -> bool {
        matches!(c, '責' | '利' | '客' | '双' | 'r')
    }

    /// [`Responsibility::in_text`] of a text already folded (width, lower case: as
    /// `analysis::procedures::fold`): every word looked for in one pass, the answer as
    /// each word searched on its own gave it (the test
    /// `in_folded_answers_as_each_word_asked_alone`).
    pub fn in_folded(folded: &str) -> Option<Responsibility> {
        if !folded.chars().any(Responsibility::may_name_side) {
            return None;
        }
        // the labels, then the customer's phrases, then the shared ones; a small automaton
        // (no DFA: it is built on the first text asking, and most texts never reach it)
        static WORDS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
            std::sync::LazyLock::new(|| {
                aho_corasick::AhoCorasick::builder()
                    .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
                    .build(
                        (Responsibility::LABELS.iter())
                            .chain(&Responsibility::CUSTOMER_PHRASES)
                            .chain(&Responsibility::SHARED_PHRASES),
                    )
                    .expect("the fixed words of in_text build an automaton")
            });
        let labels = Responsibility::LABELS.len();
        let customer = labels + Responsibility::CUSTOMER_PHRASES.len();
        // each label's places, by the label's order then in the text's
        let mut at_label: Vec<(usize, usize)> = Vec::new();
        let (mut says_customer, mut says_shared) = (false, false);
        for m in WORDS.find_overlapping_iter(folded) {
            match m.pattern().as_usize() {
                w if w < labels => at_label.push((w, m.end())),
                w if w < customer => says_customer = true,
                _ => says_shared = true,
            }
        }
        at_label.sort_unstable();
        for (_, end) in at_label {
            let rest = folded[end..].trim_start();
            let Some(value) = rest.strip_prefix([':', '：']) else {
                continue;
            };
            let value = value
                .split(['、', '。', ',', ';', '；', '\n', ')', '）', '('])
                .next()
                .unwrap_or("");
            if let Ok(Some(side)) = Responsibility::of_cell(value) {
                return Some(side);
            }
        }
        if says_shared {
            Some(Responsibility::Shared)
        } else if says_customer {
            Some(Responsibility::Customer)
        } else {
            None
        }
    }
}

/// One of the buyer's outsourcing check items (外部委託先に対する確認項目).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckItem {
    /// Where it came from: the 1-based row of the sheet, or the item's number in YAML/JSON.
    pub row: usize,
    pub id: String,
    pub title: String,
    /// The references as typed, each with the words written beside it (see
    /// [`split_refs`]).
    pub refs: Vec<String>,
    /// Where each of `refs` was read, when not every one is text in the first references
    /// column (empty then: most lists).
    pub ref_origins: Vec<RefOrigin>,
    pub assurance: Assurance,
    pub risk: Option<Risk>,
    pub note: String,
    pub extra: Extra,
    /// Cells that could not be read (the item is then reported as not analysed).
    pub problems: Vec<CellProblem>,
    /// A references cell says "none" (`なし`, `ISMAP対象外`, `-`: see `reftext::split`)
    /// rather than being left empty: with no reference, the buyer states the item is
    /// outside ISMAP (`outside-ismap`); an item with every references cell empty is not
    /// mapped yet (`unmapped`: review 15 B-3).
    pub refs_say_none: bool,
    /// The check list's applicability column marks the item not asked in this procurement
    /// (`適用` `×`, `要否` `不要`): the column and its value as written (`適用: ×`). The
    /// item is `not-asked`, left out of the share covered (review 15 B-1).
    pub not_asked: Option<String>,
}

impl CheckItem {
    /// Where reference `i` was read.
    pub fn ref_origin(&self, i: usize) -> RefOrigin {
        self.ref_origins.get(i).copied().unwrap_or_default()
    }

    /// Adds the references of a cell of references column `column`; `number`: the cell
    /// holds a number (a spreadsheet number with a fraction, a YAML/JSON float), not text.
    pub fn add_refs(&mut self, cell: &str, column: u8, number: bool) {
        let refs = crate::catalog::reftext::split(cell);
        self.refs_say_none |= refs.is_empty() && !cell.trim().is_empty();
        self.add_split_refs(refs, column, number);
    }

    /// [`CheckItem::add_refs`] of a cell already split (by `reftext::split`).
    pub fn add_split_refs<R: AsRef<str> + Into<String>>(
        &mut self,
        refs: impl IntoIterator<Item = R>,
        column: u8,
        number: bool,
    ) {
        let origin = RefOrigin { column, number };
        let before = self.refs.len();
        let refs = refs.into_iter();
        if before == 0 {
            // the first cell's references allocated at their number, where a list grows to
            // four at its first push (memory at 100,000 items: issue 20)
            self.refs.reserve_exact(refs.size_hint().0);
        }
        for r in refs {
            // a reference given twice in one column (a merged cell read on several rows)
            // is one
            let seen =
                (0..before).any(|i| self.refs[i] == r.as_ref() && self.ref_origin(i) == origin);
            if !seen {
                self.refs.push(r.into());
            }
        }
        if origin != RefOrigin::default() || !self.ref_origins.is_empty() {
            self.ref_origins.resize(before, RefOrigin::default());
            self.ref_origins.resize(self.refs.len(), origin);
        }
    }
}

/// Where a reference of a check item was read: its references column (0 = the first; see
/// [`CheckList::more_refs_columns`]), and whether its cell held a number rather than text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct RefOrigin {
    pub column: u8,
    pub number: bool,
}

/// A references column after the first: its header, and the ISO edition its references
/// are read in (decided from it).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct RefsColumn {
    pub header: String,
    pub iso_edition: crate::catalog::EditionDecision,
}

/// Which field of a check item could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ProblemField {
    Assurance,
    Risk,
    /// The references cells are empty, but another cell of the row names a control
    /// (`秘密認証情報の管理（A.9.2.4）`, `JIS Q 27001 A.10.1.2 参照` under 備考): the item is
    /// not outside ISMAP, and its reference is not where it is read.
    References,
    /// Another cell of the item (its text, its note, another column) or a title row of the
    /// list names an assurance level above the one the item's assurance cell gives
    /// (`SOC2 Type2報告書で確認すること` under 備考, `【個別監査】` in its text): what the
    /// buyer asks for cannot be told.
    #[serde(rename = "assurance-outside")]
    AssuranceOutside,
    /// The item's text or note names a control its references cells do not hold
    /// (`9.2.1` in the references, `9.2.4 も確認すること` in the note): whether it belongs to
    /// the item cannot be told, so it is not judged on the references alone.
    #[serde(rename = "reference-outside")]
    ReferenceOutside,
    /// The item's note records what stands against judging it on the ISMAP statement: the
    /// CSP's "not supported" or "planned", a finding, a gap, an accepted risk (`CSPに確認した
    /// ところ未対応との回答`, `前回監査で指摘あり`, `2027年度対応予定`): not analysed rather
    /// than a bare covered (review 15 A-13).
    #[serde(rename = "note-against")]
    NoteAgainst,
}

/// A cell of a check item whose value is not one the tool knows: the item is listed as
/// not analysed, with this, rather than stopping the run or being skipped.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct CellProblem {
    pub field: ProblemField,
    /// The column's header as written (the field name for YAML/JSON).
    pub column: String,
    pub value: String,
}

impl CellProblem {
    /// "column 'value'", then the values allowed, in the report's language.
    pub fn describe(&self, lang: Lang) -> String {
        // a required assurance the scale has no place for, with its own reading (review 11
        // C-9): ISMAP-LIU is accepted by asking for ISMAP (LIU services are marked
        // `ismap-liu`, an assurance gap to confirm against the external audit's scope: the
        // scale has no level "a registration of either kind in effect", review 17 C-6);
        // "either will do" asks for the weaker
        let key = crate::text::header_key(&self.value);
        let either = ["又は", "または", "もしくは"]
            .iter()
            .any(|w| key.contains(w))
            || self
                .value
                .to_lowercase()
                .split_whitespace()
                .any(|w| w == "or");
        let said = match (self.field, lang) {
            (ProblemField::Assurance, Lang::Ja) if key.contains("liu") => {
                "。ISMAP-LIUで足りる項目は ISMAP と書いてください(ISMAP-LIUのサービスでは保証水準不足・理由 ismap-liu となるので、その統制目標が外部監査の範囲に入っていたかを確認して判断してください。確認水準に「ISMAPまたはISMAP-LIU」の段階はありません)"
            }
            (ProblemField::Assurance, Lang::En) if key.contains("liu") => {
                "; an item ISMAP-LIU satisfies: write ismap (on an ISMAP-LIU service it comes out assurance-gap, reason ismap-liu: confirm its objectives were in the external audit's scope, then decide; the scale has no level for ISMAP or ISMAP-LIU)"
            }
            (ProblemField::Assurance, Lang::Ja) if Assurance::slash_between_levels(&self.value) => {
                "。「/」ではどちらでもよいのか両方なのか分かりません: どちらでもよければ「又は」(弱い方で判定)、両方なら「及び」(強い方で判定)と書いてください"
            }
            (ProblemField::Assurance, Lang::En) if Assurance::slash_between_levels(&self.value) => {
                "; a slash does not say whether either will do or both are asked: write 'or' (judged at the weaker) or 'and' (judged at the stronger)"
            }
            (ProblemField::Assurance, Lang::Ja) if Assurance::check_beside_level(&self.value) => {
                "。ISMAPの記載に加えて独自の確認(ヒアリング・質問票など)を求めています: 確認水準には水準だけを書き(例: ISMAP)、その確認は別に行ってください"
            }
            (ProblemField::Assurance, Lang::En) if Assurance::check_beside_level(&self.value) => {
                "; it asks a check of your own (a hearing, a questionnaire) beside the level: write the level alone (e.g. ismap) and make that check yourself"
            }
            (ProblemField::Assurance, Lang::Ja) if Assurance::document_without_level(&self.value) => {
                "。書類や行為だけで水準が書かれていません: どの水準か(例: 第三者の保証報告書なら 保証報告、ISMAPの記載で足りるなら ISMAP)を書いてください"
            }
            (ProblemField::Assurance, Lang::En) if Assurance::document_without_level(&self.value) => {
                "; it names a document or an act, not a level: write which (an auditor's assurance report: soc2; the ISMAP statement will do: ismap)"
            }
            (ProblemField::Assurance, Lang::Ja) if either => {
                "。どちらでもよい項目は弱い方(例: ISMAP)を書いてください"
            }
            (ProblemField::Assurance, Lang::En) if either => {
                "; for an item either will do, write the weaker (e.g. ismap)"
            }
            _ => "",
        };
        let allowed = match (self.field, lang) {
            (ProblemField::Assurance, Lang::Ja) => "自己申告/ISMAP/保証報告/個別監査 または空欄",
            (ProblemField::Assurance, Lang::En) => "self, ismap, soc2, audit or empty",
            (ProblemField::Risk, Lang::Ja) => "高/中/低 または空欄",
            (ProblemField::Risk, Lang::En) => "high, medium, low or empty",
            (ProblemField::References, Lang::Ja) => {
                return format!(
                    "{} '{}' (参照列が空で、参照がこの列に書かれています: 参照列に書いてください)",
                    self.column, self.value
                )
            }
            (ProblemField::References, Lang::En) => {
                return format!(
                    "{} '{}' (the references cell is empty and the reference is written here: write it in the references column)",
                    self.column, self.value
                )
            }
            (ProblemField::ReferenceOutside, Lang::Ja) => {
                return format!(
                    "{} '{}' (参照列にない管理策がここに書かれています: 項目の参照なら参照列に加え、そうでなければここから消してください)",
                    self.column, self.value
                )
            }
            (ProblemField::ReferenceOutside, Lang::En) => {
                return format!(
                    "{} '{}' (a control not in the references cells is named here: add it to the references column if the item asks for it, else remove it here)",
                    self.column, self.value
                )
            }
            // each cause its own words (review 23 B-1)
            (ProblemField::NoteAgainst, Lang::Ja) => {
                use crate::input::checks::NoteCause;
                let what = match crate::input::checks::note_cause(&self.value) {
                    NoteCause::Pending => "CSPの回答がない、または確認中であることを記録しています: 回答を得て確認するか",
                    NoteCause::NotFinal => "状態がCSPの自己評価または確定前のものであることを記録しています: 監査で確認された状態を得るか",
                    NoteCause::Stale => "以後の監査がない、または基準日から離れた時点の「指摘なし」を記録しています: 基準日時点の状態を確認するか",
                    NoteCause::BesideIsmap => "ISMAPの記載に加えて独自の確認を行うことを記録しています: その確認を行うか",
                    NoteCause::Contract => "契約書・SLAに定める事項を求めています(ISMAPの言明は契約の内容を示しません): 契約で確認するか",
                    NoteCause::Other => "未対応・先送り・一部のみ・指摘などを記録しています: 解決するか",
                };
                return format!(
                    "{} '{}' ({what}、承知のうえでISMAPの記載だけで判定するには、この記載を消してください)",
                    self.column, self.value
                );
            }
            (ProblemField::NoteAgainst, Lang::En) => {
                use crate::input::checks::NoteCause;
                let what = match crate::input::checks::note_cause(&self.value) {
                    NoteCause::Pending => "records the CSP's answer not given or still being checked: obtain and check it",
                    NoteCause::NotFinal => "records the state as the CSP's own assessment or not final: obtain the state an audit confirmed",
                    NoteCause::Stale => "records a none with no audit since, or from a time away from the as-of date: check the state on the as-of date",
                    NoteCause::BesideIsmap => "records a check of your own made in addition to the ISMAP statement: make it",
                    NoteCause::Contract => "asks for a term in the contract or the SLA, which the ISMAP statement does not show: check the contract",
                    NoteCause::Other => "records the item not done, deferred, in part or a finding on it: settle it",
                };
                return format!(
                    "{} '{}' ({what}, or, to judge it on the ISMAP statement alone knowing that, remove the words)",
                    self.column, self.value
                );
            }
            (ProblemField::AssuranceOutside, Lang::Ja) => {
                return format!(
                    "{} '{}' (求める確認水準の列より高い確認水準がここに書かれています: 求める確認水準の列に書いてください)",
                    self.column, self.value
                )
            }
            (ProblemField::AssuranceOutside, Lang::En) => {
                return format!(
                    "{} '{}' (an assurance level above the assurance column's is written here: write it in the assurance column)",
                    self.column, self.value
                )
            }
        };
        match lang {
            Lang::Ja => format!("{} '{}' ({allowed}{said})", self.column, self.value),
            Lang::En => format!("{} '{}' (use {allowed}{said})", self.column, self.value),
        }
    }
}

/// Cuts a references cell into the references it holds, each as written (see
/// [`reftext::split`](crate::catalog::reftext::split)): ids with or without a standard or
/// `A.`/`CLD.` before them, ranges, NIST ids; the words beside them are not references.
pub fn split_refs(cell: &str) -> Vec<String> {
    crate::catalog::reftext::split(cell)
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// Why a row below a check list's header is not a check item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotAnItem {
    /// A totals row (`合計 | 7項目`).
    Total,
    /// A section heading without references: marked (`■ 物理的対策`, `【暗号】`), its text
    /// merged across the references column, or numbering the items below it (`1` over
    /// `1-1`, `1-2`).
    Heading,
    /// A pre-numbered row of a template: an id and nothing else.
    Template,
    /// The header row written again (pages or tables pasted together).
    RepeatedHeader,
    /// No id, no check item and no references (only an answer or a mark).
    NoItem,
    /// A worked example or a legend under the header: its id cell `例`, `記入例`, `凡例`.
    Example,
    /// A footnote below the items: one cell, marked `※`, `注`, `*` or `出典` (a control it
    /// names is not checked: the row is named whole).
    Footnote,
}

impl NotAnItem {
    /// Every kind, in declaration order (`kind as usize` is its place), the order the notes
    /// name them.
    pub const ALL: [NotAnItem; 7] = [
        NotAnItem::Total,
        NotAnItem::Heading,
        NotAnItem::Template,
        NotAnItem::RepeatedHeader,
        NotAnItem::NoItem,
        NotAnItem::Example,
        NotAnItem::Footnote,
    ];

    /// What the row is, in a few words (the outputs' list of rows not read).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            NotAnItem::Total => lang.pick("合計の行", "totals row"),
            NotAnItem::Heading => lang.pick("見出し", "section heading"),
            NotAnItem::Template => lang.pick("テンプレートの行", "template row"),
            NotAnItem::RepeatedHeader => lang.pick("見出し行の繰り返し", "repeated header"),
            NotAnItem::NoItem => lang.pick("項目のない行", "row without an item"),
            NotAnItem::Example => lang.pick("記入例・凡例の行", "example or legend row"),
            NotAnItem::Footnote => lang.pick("注記の行", "footnote"),
        }
    }
}

/// A row of a check list not read as a check item (counted, named on stderr, in the
/// summary of every output but CSV, and in JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowNotRead {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    pub row: usize,
    pub kind: NotAnItem,
    /// The row's text, its cells joined.
    pub text: String,
}

/// The check list as read.
#[derive(Debug, Clone, Default)]
pub struct CheckList {
    pub source: PathBuf,
    /// The one sheet read (`None` for CSV, YAML, JSON, or when several sheets were read).
    pub sheet: Option<String>,
    /// Every sheet read, in the workbook's order.
    pub sheets: Vec<String>,
    /// Visible sheets without a check-list header, not read.
    pub skipped_sheets: Vec<String>,
    /// Visible sheets of instructions or examples (`記入要領`) or of the ISMAP control list
    /// (`管理策番号 | 管理策名`, no check-item column) beside sheets of check items: not
    /// check items, not read, but named.
    pub not_item_sheets: Vec<String>,
    /// Visible sheets named as drafts, deleted items or kept for reference (`2026年度（案）`,
    /// `削除項目`, `参考（他社様式）`) beside sheets of check items: not the list in effect, not
    /// read, but named (review 24 B-1).
    pub not_in_effect_sheets: Vec<String>,
    /// Visible sheets of earlier years holding the same check items as the newest year's
    /// sheet (`2024年度` beside `2025年度`): not read, but named.
    pub earlier_sheets: Vec<String>,
    /// Names of carried-through columns, in input order.
    pub extra_columns: Vec<String>,
    /// The header of the references column, for messages and the ISO edition.
    pub refs_column: String,
    /// The rows above the header (title rows of a sheet): row number and text, for the
    /// ISO edition a list may name there.
    pub title_rows: Vec<(usize, String)>,
    /// The ISO/IEC 27001/27002 edition its references are read in (decided by
    /// [`edition::decide`](crate::catalog::edition::decide) before the analysis).
    pub iso_edition: crate::catalog::EditionDecision,
    /// The references columns after the first (`ISO/IEC 27001:2022` beside `ISMAP管理策`),
    /// each read with its own edition: an item's references are those of every column.
    pub more_refs_columns: Vec<RefsColumn>,
    /// Hidden sheets of the workbook holding a check-list header: not read (a hidden sheet
    /// may be left out on purpose), but named.
    pub hidden_sheets: Vec<String>,
    /// Rows below the header that are not check items (totals, headings, template rows):
    /// not read, but named.
    pub rows_not_read: Vec<RowNotRead>,
    /// Risk cells the tool does not read as high, medium or low (`必須`, `A`, `◎`): the
    /// column, the row and the value. The risk only orders the rows: their items are given
    /// none and judged, and the values are named in a warning.
    pub unknown_risks: Vec<(String, usize, String)>,
    /// Items read from rows an .xlsx hides (a filter) or strikes through (見え消し): their
    /// rows (`3`, or `sheet 3` in a list of several sheets), named in a note.
    pub hidden_rows: Vec<String>,
    pub struck_rows: Vec<String>,
    /// The headers of the columns an item's prose is read from for references written
    /// there (its text, its note; empty when there is none): one per sheet read, in the
    /// order of `sheets` (one for CSV, YAML, JSON).
    pub prose_columns: Vec<[String; 2]>,
    /// What the list writes outside its items that may ask something of all of them: the
    /// lines of the sheets not read (a cover, 表紙; an instructions sheet), cell comments
    /// on no item (on the header, a title row, a footnote), a YAML list's comments outside
    /// its items. Read by [`crate::input::checks::check_outside_lines`].
    pub outside_lines: Vec<OutsideLine>,
    /// Header cells that may say something of every item: read by
    /// [`crate::input::checks::check_assurance_words`].
    pub header_notes: Vec<HeaderNote>,
    pub items: Vec<CheckItem>,
}

/// A header cell of a check list that may say something of every item (review 24 A-12):
/// the note on the assurance column's header (`求める確認水準（空欄は個別監査）`), or the header
/// of a column with nothing under it (`※確認水準：全項目SOC2 Type2報告書` written in the
/// header row).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HeaderNote {
    pub sheet: Option<String>,
    pub row: usize,
    /// The column's letter.
    pub column: String,
    pub text: String,
}

/// A line a check list writes outside its items ([`CheckList::outside_lines`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutsideLine {
    pub sheet: Option<String>,
    /// The row of a sheet or the line of a YAML file (1-based).
    pub row: usize,
    /// The cell a comment is on (`B2`); `None` for a row's own text or a YAML comment.
    pub comment_on: Option<String>,
    pub text: String,
}

impl CheckList {
    /// The header of each references column, the first first.
    pub fn refs_headers(&self) -> Vec<&str> {
        std::iter::once(self.refs_column.as_str())
            .chain(self.more_refs_columns.iter().map(|c| c.header.as_str()))
            .collect()
    }

    /// How the references of each column are read: its edition and what its header says of
    /// plain numbers.
    pub fn contexts(&self) -> Vec<crate::catalog::resolve::Context> {
        std::iter::once((self.refs_column.as_str(), &self.iso_edition))
            .chain(
                self.more_refs_columns
                    .iter()
                    .map(|c| (c.header.as_str(), &c.iso_edition)),
            )
            .map(|(header, decision)| crate::catalog::resolve::Context {
                edition: decision.edition,
                plain: crate::catalog::edition::plain_ids(header),
            })
            .collect()
    }
}

/// What a control list says of one control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Declared {
    /// 実施
    Implemented,
    /// 非該当・対象外 (with a reason, hopefully)
    NotApplicable,
    /// 計画中
    Planned,
    /// 未実施
    NotImplemented,
}

impl Declared {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Declared::Implemented => lang.pick("実施", "implemented"),
            Declared::NotApplicable => lang.pick("非該当", "not applicable"),
            Declared::Planned => lang.pick("計画中", "planned"),
            Declared::NotImplemented => lang.pick("未実施", "not implemented"),
        }
    }
}

/// One control as a list states it: the id as written, where, and its declared status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedControl {
    pub raw: String,
    /// Line of a text file or row of a sheet, 1-based; `None` for YAML lists.
    pub line: Option<usize>,
    pub declared: Declared,
    /// Why it does not apply (or any remark); may be empty.
    pub reason: String,
    /// A document reference proving it (証跡).
    pub evidence: String,
    pub owner: String,
    /// When it was implemented, as the row writes it under a header naming that date
    /// (`実施日`, `導入日`), several cells joined with `; `; empty when none. Not a verdict
    /// input (a date after `--as-of` is refused when read); compared by `diff`.
    pub date: String,
    /// Stated not applicable with a text that gives no reason (`reason` is then empty): the
    /// text as written and why it is not one, so that every output shows both.
    pub unaccepted: Option<UnacceptedReason>,
}

/// How the text written as the reason for a control stated not applicable (非該当) is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReasonJudgement {
    /// It gives a reason.
    Given,
    /// Nothing written, or words that give none (`なし`, `TBD`, `別紙参照`, `非該当のため`).
    NoReason,
    /// A text that says something, but no ground for the control not to apply
    /// ([`NotAReason`] says why).
    NotAccepted,
}

impl ReasonJudgement {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ReasonJudgement::Given => lang.pick("理由あり", "reason given"),
            ReasonJudgement::NoReason => lang.pick("理由なし", "no reason"),
            ReasonJudgement::NotAccepted => lang.pick("理由と認めず", "reason not accepted"),
        }
    }
}

/// Why a text written as the reason for 非該当 is not counted as a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotAReason {
    /// Only words that give none (`なし`, `TBD`, `別紙参照`, `非該当のため`, `適用外`).
    NoCause,
    /// The service's provider itself does the control (`当社で実施`).
    ProviderDoesIt,
    /// A provider that may be the service's own or the one underneath (`クラウド事業者側`,
    /// `事業者の責任範囲`): whose it is, is not said.
    PartyUnclear,
    /// What the control does, or its title, with neither a cause nor another party doing it.
    DescribesControl,
    /// A decision not to implement a control that applies (`リスク受容`, `経営判断`,
    /// `コスト`, `リスクが低いため`).
    DecisionNotToImplement,
    /// That it was decided, or "by its nature", without the cause
    /// (`リスクアセスメントの結果、適用不要と判断`, `サービスの性質上、該当しない`).
    NoGround,
    /// A subcontractor of the service does the control (`委託先が実施`): it stays the
    /// service's to manage (supplier relationships, 15.1), so it applies.
    SubcontractorDoesIt,
    /// The control is not done, or the cause is the service's own lack or choice
    /// (`当該管理策を実施していないため`, `人員不足のため`, `技術的に困難なため`,
    /// `利用者からの要望がないため`, `他の管理策で代替`): the control applies and is not
    /// implemented (review 15 A-2).
    NotImplemented,
    /// Another party does part of the control (`該当なし（IaaS側で一部実施）`): the rest
    /// still applies (review 16 A-12).
    PartlyByAnother,
    /// The party named doing it is under no assurance the list can rely on: not registered
    /// on ISMAP, its registration only planned or applied for, or its own assessment
    /// (`IaaS事業者（ISMAP未登録）`, `AWS（ISMAP登録予定）`, `IaaS事業者（自己評価）`): the control
    /// stays the provider's to manage (review 23 A-14).
    PartyNotAssured,
}

impl NotAReason {
    pub const ALL: [NotAReason; 10] = [
        NotAReason::NoCause,
        NotAReason::ProviderDoesIt,
        NotAReason::PartyUnclear,
        NotAReason::DescribesControl,
        NotAReason::DecisionNotToImplement,
        NotAReason::NoGround,
        NotAReason::SubcontractorDoesIt,
        NotAReason::NotImplemented,
        NotAReason::PartlyByAnother,
        NotAReason::PartyNotAssured,
    ];

    pub fn judgement(self) -> ReasonJudgement {
        match self {
            NotAReason::NoCause => ReasonJudgement::NoReason,
            _ => ReasonJudgement::NotAccepted,
        }
    }

    /// Why, in words, for a reader fixing the list.
    pub fn explain(self, lang: Lang) -> &'static str {
        match self {
            NotAReason::NoCause => lang.pick(
                "理由を述べていない",
                "gives no cause",
            ),
            NotAReason::ProviderDoesIt => lang.pick(
                "事業者自身が実施すると述べており、適用しない理由ではない",
                "says the provider itself does it: no reason for it not to apply",
            ),
            NotAReason::PartyUnclear => lang.pick(
                "どの事業者か(自社か、IaaS事業者などか)を示していない。実施する者(IaaS事業者、利用者など)を明記する",
                "does not say which provider (its own or the IaaS underneath); name who does it (the IaaS provider, the customer)",
            ),
            NotAReason::DescribesControl => lang.pick(
                "行っていることや管理策の内容を述べるのみで、適用しない理由を示していない",
                "states what is done or what the control is, not why it does not apply",
            ),
            NotAReason::DecisionNotToImplement => lang.pick(
                "適用される管理策を実施しない判断(リスク受容・経営判断・費用)であり、非該当の理由ではない",
                "a decision not to implement a control that applies (risk acceptance, management decision, cost), not a reason it does not apply",
            ),
            NotAReason::NoGround => lang.pick(
                "判断したこと・性質上であることを述べるのみで、なぜ適用されないかを示していない",
                "says it was decided, or is so by nature, but not why it does not apply",
            ),
            NotAReason::SubcontractorDoesIt => lang.pick(
                "委託先(親会社・グループ会社を含む)が実施すると述べており、委託先の管理策も事業者が管理する(供給者関係、15.1)ため、適用しない理由ではない",
                "says a subcontractor (or a company of the provider's group) does it: a subcontractor's control stays the provider's to manage (supplier relationships, 15.1), so it still applies",
            ),
            NotAReason::NotImplemented => lang.pick(
                "管理策を実施していないこと、またはその事情(人員・技術的困難・負荷・要望がない・過去に事故がない・他の管理策で代替)を述べており、適用しない理由ではない(管理策は適用され、未実施)",
                "says the control is not done, or why the provider has not done it (staff, difficulty, workload, no demand, no incident so far, another control instead): the control applies and is not implemented",
            ),
            NotAReason::PartlyByAnother => lang.pick(
                "他の者(IaaS事業者など)が一部を実施すると述べるのみで、残りの部分は適用される(全体が適用されない理由ではない)",
                "says another party (the IaaS provider) does part of it: the rest still applies, so it is no reason for all of it",
            ),
            NotAReason::PartyNotAssured => lang.pick(
                "実施する者がISMAPに登録されていない・登録予定や申請中である・自己評価であると述べており、依拠できる保証がないため、適用しない理由ではない(管理策は適用され、事業者が管理する)",
                "says the party doing it is not registered on ISMAP, only plans or has applied to be, or only assessed itself: no assurance to rely on, so the control still applies and stays the provider's to manage",
            ),
        }
    }
}

/// A text written as the reason for 非該当 that is not counted as one, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnacceptedReason {
    pub text: String,
    pub why: NotAReason,
}

impl UnacceptedReason {
    /// The text with its judgement and why, for a reason cell:
    /// `クラウド事業者側の管理策のため（理由と認めず: …）`.
    pub fn cell(&self, lang: Lang) -> String {
        format!("{}{}", self.text, self.why.note(lang))
    }
}

impl NotAReason {
    /// The judgement and why in brackets, after the text or the finding they are of:
    /// `（理由と認めず: …）`, `（理由を述べていない）` for words that give none.
    pub fn note(self, lang: Lang) -> String {
        let why = self.explain(lang);
        match (self.judgement(), lang) {
            (ReasonJudgement::NotAccepted, Lang::Ja) => {
                format!("（{}: {why}）", ReasonJudgement::NotAccepted.label(lang))
            }
            (ReasonJudgement::NotAccepted, Lang::En) => {
                format!(" ({}: {why})", ReasonJudgement::NotAccepted.label(lang))
            }
            (_, Lang::Ja) => format!("（{why}）"),
            (_, Lang::En) => format!(" ({why})"),
        }
    }
}

impl ListedControl {
    /// A bare id from a published list: implemented, nothing else known.
    pub fn implemented(raw: impl Into<String>, line: Option<usize>) -> ListedControl {
        ListedControl {
            raw: raw.into(),
            line,
            declared: Declared::Implemented,
            reason: String::new(),
            evidence: String::new(),
            owner: String::new(),
            date: String::new(),
            unaccepted: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} – {}", self.from, self.to)
    }
}

/// Which list a service is registered on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RegistrationKind {
    /// The ISMAP cloud service list.
    Ismap,
    /// ISMAP-LIU (low-impact use): the same catalog, a smaller external-audit scope.
    IsmapLiu,
}

impl RegistrationKind {
    /// `ismap` or `ismap-liu` (case, width and `_` folded); else `None`, also for a value
    /// that goes on past its letters (`ISMAP-`: a cell a PDF broke before `LIU`; `ISMAP*`,
    /// `ISMAP※`: a footnote that may narrow it).
    pub fn parse(s: &str) -> Option<RegistrationKind> {
        let folded = crate::text::fold_width(s.trim());
        if !folded.chars().last().is_some_and(char::is_alphanumeric)
            || folded.contains(['*', '※', '†', '＊'])
        {
            return None;
        }
        match &*crate::text::header_key(s) {
            "ismap" => Some(RegistrationKind::Ismap),
            "ismapliu" => Some(RegistrationKind::IsmapLiu),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RegistrationKind::Ismap => "ISMAP",
            RegistrationKind::IsmapLiu => "ISMAP-LIU",
        }
    }
}

/// Whether a free-text field of the ISMAP list states something (`なし`, `none`, `no`,
/// `-` and empty state nothing).
pub fn states_something(text: &str) -> bool {
    let k = crate::text::header_key(text);
    // a full stop after the none (`なし。`), and what the none is of (`重要な後発事象なし`,
    // `改善計画なし`, `特記事項なし`: review 23 C-3); anything after the none (`特になし。ただし
    // 2025年11月に…`) is an event
    let mut k = k.trim_end_matches(['。', '.', '．']);
    for of in [
        "重要な後発事象",
        "後発事象",
        "改善計画",
        "記載すべき事項",
        "特記すべき事項",
        "特記事項",
        "該当事項",
        "特に",
        "特段",
    ] {
        k = k.strip_prefix(of).unwrap_or(k);
    }
    let k = k
        .strip_prefix('は')
        .or_else(|| k.strip_prefix('の'))
        .unwrap_or(k);
    !matches!(
        k,
        "" | "-"
            | "ー"
            | "―"
            | "なし"
            | "無し"
            | "無"
            | "ない"
            | "ありません"
            | "ございません"
            | "該当なし"
            | "該当ありません"
            | "該当しない"
            | "予定なし"
            | "計画なし"
            | "none"
            | "no"
            | "nil"
            | "false"
            | "n/a"
            | "na"
            | "notapplicable"
            | "nothingtoreport"
    )
}

/// What a CSP published (or a profile says) about one service.
#[derive(Debug, Clone, Default)]
pub struct Attestation {
    pub source: PathBuf,
    pub name: Option<String>,
    /// The cloud service provider (クラウドサービス事業者), as the ISMAP list names it.
    pub provider: Option<String>,
    pub registration_number: Option<String>,
    /// ISMAP or ISMAP-LIU, when the profile says.
    pub registration_kind: Option<RegistrationKind>,
    /// The first place the input's text mentions ISMAP-LIU (a cell, a note, a comment, a
    /// sheet name, a line of a pasted entry, a profile's field) and what it says there: a
    /// kind read as ISMAP (stated, or `--registration-kind`) is then refused.
    pub liu_said: Option<(crate::error::Location, String)>,
    pub registered: Option<Date>,
    pub renewal_deadline: Option<Date>,
    pub audit_period: Option<Period>,
    /// The services and regions the statement covers (言明の対象範囲).
    pub scope: Vec<String>,
    /// 準拠法 and 裁判管轄 as the ISMAP list publishes them.
    pub governing_law: Option<String>,
    pub jurisdiction: Option<String>,
    /// 後発事象 as published (free text; `なし` when none).
    pub subsequent_events: Option<String>,
    /// The entry's words saying the registration's renewal has been applied for (`※ 登録の
    /// 更新を申請中`, `状態 更新申請中`), as written: past the renewal deadline, the
    /// registration is `renewal-pending` (review 23 C-7).
    pub renewal_pending: Option<String>,
    /// Whether the statement carries an improvement plan (改善計画), as published.
    pub improvement_plan: Option<String>,
    /// 資本関係・役員等の情報 (capital relationships and officers), as published.
    pub capital_relationships: Option<String>,
    /// 第三者による検証 (third-party testing: penetration tests…), as published.
    pub third_party_testing: Option<String>,
    /// Every control the list names, in list order.
    pub controls: Vec<ListedControl>,
    /// The list had an evidence column (a readiness table), so a missing one is a finding.
    pub tracks_evidence: bool,
    /// Tokens in a pasted list that were not id-shaped (header words, dates, numbers).
    pub ignored_tokens: usize,
    /// The service this one runs on (`inherits:` of a profile), and what it relies on it for.
    pub underlying: Option<Box<Underlying>>,
    /// How the input was read: its kind and, per sheet, the columns used.
    pub read_as: ReadAs,
}

impl Attestation {
    /// The kind of registration given on the command line (`--registration-kind`) for a
    /// list that does not state it; a list stating another kind is refused (which of two
    /// statements holds is not for the tool to choose).
    pub fn state_registration_kind(
        &mut self,
        kind: RegistrationKind,
    ) -> Result<(), crate::error::InputError> {
        match self.registration_kind {
            Some(stated) if stated != kind => Err(crate::error::InputError::at(
                crate::error::Location::file(&self.source),
                format!(
                    "the list states the registration kind {}, and --registration-kind says {}",
                    stated.label(),
                    kind.label()
                ),
            )
            .hint("check on the ISMAP cloud service list which list the service is on, and correct the list or leave --registration-kind out")),
            _ => {
                self.registration_kind = Some(kind);
                self.check_liu_said(true)
            }
        }
    }

    /// Refuses a kind read as ISMAP where the input mentions ISMAP-LIU elsewhere
    /// (`liu_said`): whether the service is on the lesser list, or the mention is about
    /// something else (a move planned, another service), is not for the tool to choose.
    /// `by_option`: the kind came from `--registration-kind`.
    pub fn check_liu_said(&self, by_option: bool) -> Result<(), crate::error::InputError> {
        let (Some(RegistrationKind::Ismap), Some((at, text))) =
            (self.registration_kind, &self.liu_said)
        else {
            return Ok(());
        };
        let message = if by_option {
            format!("--registration-kind says ISMAP, but the list mentions ISMAP-LIU here ('{text}'): which list the service is on is not for the tool to choose")
        } else {
            format!("the list states the registration kind ISMAP, but it mentions ISMAP-LIU here ('{text}'): which list the service is on is not for the tool to choose")
        };
        Err(crate::error::InputError::at(at.clone(), message).hint(
            "if the service is on the ISMAP-LIU list, state that kind (登録区分: ISMAP-LIU; registration_kind: ismap-liu); if the mention is about something else (a planned move, another service), remove or reword it",
        ))
    }
}

/// How a CSP input was read (`csp.read_as` in the report): one kind for the input, and for
/// each part read (the file, or each sheet of a workbook) its kind and the columns used.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReadAs {
    pub kind: ReadKind,
    pub parts: Vec<ReadPart>,
    /// Sheets of a workbook that were not read, and why.
    pub skipped: Vec<SkippedSheet>,
    /// The registry facts read from the fields of a list entry pasted with the control list
    /// (`登録番号`, `登録の更新期限`, `監査対象期間`…): each profile field so read, and the line
    /// of its label.
    pub fields: Vec<ReadField>,
    /// A workbook whose cell marks the reader cannot see: `"xls"` (cell comments, hidden
    /// rows and strike-through not read) or `"ods"` (hidden rows and strike-through not
    /// read); warned about on every run (`csp-workbook-marks-not-read`).
    #[serde(skip)]
    pub marks_not_read: Option<&'static str>,
    /// The latest date after the as-of date under a header naming when the list was
    /// confirmed or updated (`最終確認日 2025/03/01`), as written: the list states what held
    /// then, not on the as-of date; warned about (`csp-confirmed-after-as-of`).
    #[serde(skip)]
    pub confirmed_later: Option<String>,
    /// Read from pasted text (not a table, not a profile): where the procedure for an
    /// unstated registration kind says to write the list's title line.
    #[serde(skip)]
    pub pasted: bool,
    /// The rows of a table whose framework column names another framework (`ISO/IEC
    /// 27001:2013`, `SOC 2`), not read as ISMAP statements: each framework as written with
    /// its count of rows (review 15 A-6); warned about (`csp-other-framework`).
    #[serde(skip)]
    pub other_framework_rows: Vec<String>,
}

/// A registry fact read from a field of a pasted list entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadField {
    /// The profile field it was read into (`renewal_deadline`).
    pub field: &'static str,
    /// The line of its label.
    pub line: usize,
}

impl ReadField {
    /// The field's name as the ISMAP list labels it, in `lang`.
    pub fn label(&self, lang: Lang) -> &'static str {
        registry_field_label(self.field, lang)
    }
}

/// A registry fact's name (a profile field: `renewal_deadline`) as the ISMAP list labels
/// it, in `lang`; an unknown field as it is.
pub fn registry_field_label(field: &str, lang: Lang) -> &str {
    match field {
        "registration_number" => lang.pick("登録番号", "registration number"),
        "registration_kind" => lang.pick("登録の種類", "registration kind"),
        "name" => lang.pick("クラウドサービスの名称", "cloud service name"),
        "provider" => lang.pick("クラウドサービス事業者", "cloud service provider"),
        "registered" => lang.pick("登録日", "date of registration"),
        "renewal_deadline" => lang.pick("登録の更新期限", "renewal deadline"),
        "scope" => lang.pick("言明の対象範囲", "scope of the statement"),
        "audit_period" => lang.pick("監査対象期間", "audit period"),
        "subsequent_events" => lang.pick("後発事象", "subsequent events"),
        "improvement_plan" => lang.pick("改善計画", "improvement plan"),
        "capital_relationships" => lang.pick(
            "資本関係・役員等の情報",
            "capital relationships and officers",
        ),
        "governing_law" => lang.pick("準拠法", "governing law"),
        "jurisdiction" => lang.pick("裁判管轄", "jurisdiction"),
        "third_party_testing" => lang.pick("第三者による検証", "third-party testing"),
        "inherited" => lang.pick("基盤サービスから継承する範囲", "scope inherited"),
        other => other,
    }
}

/// The kinds of CSP input. `Mixed`: a workbook whose sheets are of different kinds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReadKind {
    /// Ids (with their titles), nothing else: every id implemented, or stated so by the
    /// sheet's name.
    #[default]
    PublishedList,
    /// An id column and exactly one status column (or one check-mark matrix).
    StatusTable,
    /// A YAML or JSON profile.
    Profile,
    Mixed,
}

impl ReadKind {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ReadKind::PublishedList => lang.pick("公開リスト", "published list"),
            ReadKind::StatusTable => lang.pick("実施状況表", "status table"),
            ReadKind::Profile => lang.pick("プロファイル", "profile"),
            ReadKind::Mixed => lang.pick("混在", "mixed"),
        }
    }
}

/// One part of a CSP input as read: the file, or one sheet of a workbook.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReadPart {
    pub sheet: Option<String>,
    pub kind: ReadKind,
    /// The header of the id column (its letter when it has none); `None` when every cell
    /// was read (a published list pasted as text or laid out over several columns).
    pub id_column: Option<String>,
    /// The header of the status column; a check-mark matrix names its columns joined by `/`.
    pub status_column: Option<String>,
    /// The status every id of a published list is read as, when the sheet's name states one
    /// other than implemented (a sheet named `非該当`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stated_by_sheet_name: Option<Declared>,
    /// One status column per part of the service (a region, an edition), the one read named
    /// by `--status-column`: the other parts' columns, not read; the statement read is the
    /// status column's part only (review 23 C-2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_parts: Vec<String>,
}

/// A sheet of a workbook that was not read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedSheet {
    pub sheet: String,
    pub why: SkipReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkipReason {
    Hidden,
    /// Its name says it is a history of changes (`改訂履歴`), not a statement.
    History,
    /// It holds no control ids (a cover sheet, notes).
    NoIds,
    /// The summary or the findings of a statement of applicability `readiness` wrote:
    /// what the tool derived from the statement sheet, which alone is read.
    Derived,
    /// Its name names another framework (`ISO 27001 SoA`, `SOC 2`, `NIST 800-53`), not
    /// ISMAP: its rows are not ISMAP statements (review 15 A-6); or it is named a statement
    /// of applicability (`SoA`, `適用宣言書`) and states Annex A ids, the ISO/IEC 27001 SoA
    /// (review 23 A-2).
    OtherFramework,
    /// A list of ISMAP ids (with their catalog titles) beside a sheet of statuses, named as
    /// kept for reference (`管理基準（参照用）`, `参考`, `マスタ`, `Reference`): the catalog to
    /// look ids up in, not a statement (review 12 C-26).
    Reference,
}

impl SkipReason {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SkipReason::Hidden => lang.pick("非表示", "hidden"),
            SkipReason::History => lang.pick("履歴", "history"),
            SkipReason::NoIds => lang.pick("IDなし", "no ids"),
            SkipReason::Derived => lang.pick("ismap-gapの集計", "derived by ismap-gap"),
            SkipReason::OtherFramework => lang.pick("別の基準", "another framework"),
            SkipReason::Reference => lang.pick("参照用の一覧", "kept for reference"),
        }
    }
}

/// Coverage a service inherits from the service it runs on (SaaS on IaaS).
#[derive(Debug, Clone, Default)]
pub struct Underlying {
    pub attestation: Attestation,
    /// Clause, category or objective ids relied on (default: clause 11, physical security).
    pub scope: Vec<String>,
}

impl Attestation {
    /// The files read through `inherits:`, nearest first (not this list's own file).
    pub fn inherited_files(&self) -> Vec<&Path> {
        let mut files = Vec::new();
        let mut next = self.underlying.as_deref();
        while let Some(u) = next {
            files.push(u.attestation.source.as_path());
            next = u.attestation.underlying.as_deref();
        }
        files
    }

    /// The profile's name, else the file name.
    pub fn display_name(&self) -> String {
        self.name.clone().unwrap_or_else(|| {
            self.source
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Review 23 C-3: the ordinary spellings of "none" in 後発事象 and 改善計画 state nothing
    /// (every item was `assurance-gap`); a none with more after it states an event.
    #[test]
    fn ordinary_spellings_of_none_state_nothing() {
        for none in [
            "なし",
            "なし。",
            "該当事項なし",
            "該当事項はありません。",
            "該当ありません",
            "ありません",
            "特になし",
            "特記事項なし",
            "記載すべき事項はありません",
            "重要な後発事象なし",
            "後発事象はありません",
            "予定なし",
            "改善計画なし",
            "None.",
            "Not applicable",
            "-",
        ] {
            assert!(!states_something(none), "{none}");
        }
        for event in [
            "特になし。ただし2025年11月にサービス停止が発生",
            "該当なし（2026年1月の障害は別途報告）",
            "あり",
            "2025年11月に障害が発生",
            "改善計画あり",
            "後発事象あり：データセンター移転",
        ] {
            assert!(states_something(event), "{event}");
        }
    }

    /// The automaton of `Assurance::named_in` answers as asking word by word does.
    #[test]
    fn named_in_answers_as_each_word_asked_alone() {
        fn word_by_word(text: &str) -> Option<Assurance> {
            let k = crate::text::header_key(text);
            Assurance::ABOVE
                .iter()
                .filter(|(w, _)| {
                    k.match_indices(w)
                        .any(|(i, _)| Assurance::a_word_here(&k, w, i))
                })
                .map(|&(_, a)| a)
                .max()
        }
        let mut texts = vec![
            String::new(),
            "利用者登録".to_owned(),
            "監査ログを取得する".to_owned(),
            "association rules, social".to_owned(),
            "SOC 2 Type II と 個別監査".to_owned(),
            "【個別監査】特権IDの管理".to_owned(),
            "soc".to_owned(),
            "xsoc2".to_owned(),
        ];
        for (w, _) in Assurance::ABOVE {
            for (before, after) in [("", ""), ("a", "b"), ("確認は", "で"), ("SOC ", "1")] {
                texts.push(format!("{before}{w}{after}"));
            }
        }
        for t in &texts {
            assert_eq!(Assurance::named_in(t), word_by_word(t), "{t:?}");
        }
    }

    #[test]
    fn splits_every_separator_and_keeps_each_reference_as_written() {
        assert_eq!(
            split_refs("9.2.1, 8.1.5P；A.9.2.2、CLD.9.5.1\nAC-2 (1)  ９．４．１ / 12.4.1"),
            [
                "9.2.1",
                "8.1.5P",
                "A.9.2.2",
                "CLD.9.5.1",
                "AC-2 (1)",
                "９．４．１",
                "12.4.1"
            ]
        );
        assert_eq!(
            split_refs("12.4.1（イベントログ取得）"),
            ["12.4.1（イベントログ取得）"]
        );
        assert_eq!(split_refs("9.2.1・9.2.2"), ["9.2.1", "9.2.2"]);
        assert_eq!(split_refs("9.1・2"), ["9.1・2"]);
    }

    proptest::proptest! {
        /// Every reference is a part of the cell as written: nothing is rewritten.
        #[test]
        fn every_reference_is_a_part_of_the_cell(
            chars in proptest::collection::vec(
                proptest::sample::select(vec![
                    'A', 'c', 'P', 'B', '9', '1', '2', '.', '-', '(', ')', ' ', '\t', '\n', '\u{3000}',
                    ',', ';', '/', '、', '，', '；', '[', ']', '「', '」', '"', '（', '）', '２',
                    'Ｐ', '．', '－', '\u{2014}', '\u{FF70}', '\u{30FB}', '\u{FF65}', '～', '〜',
                    '~', '確', '全', '般', 'I', 'S', 'O', '7', '0',
                ]),
                0..28,
            )
        ) {
            let cell: String = chars.into_iter().collect();
            for r in split_refs(&cell) {
                proptest::prop_assert!(!r.is_empty());
                proptest::prop_assert!(cell.contains(&r), "{:?} in {:?}", r, cell);
            }
        }
    }

    /// An item's note or title saying whose it is caps it as the responsibility column does
    /// (review 13 A-5); words on responsibility in general say nothing.
    #[test]
    fn responsibility_cells_in_every_spelling() {
        use Responsibility::{Customer, Shared};
        for (cell, want) in [
            ("貴社", None),
            ("SaaS事業者", None),
            ("ＣＳＰ", None),
            ("N/A", None),
            ("", None),
            ("Cloud Customer", Some(Customer)),
            ("CSC", Some(Customer)),
            ("お客様", Some(Customer)),
            ("事業者・利用者", Some(Shared)),
            ("事業者、利用者", Some(Shared)),
            ("Provider / Customer", Some(Shared)),
            ("共同（利用者主体）", Some(Shared)),
            ("事業者（一部利用者）", Some(Shared)),
            ("利用者（自社）", Some(Customer)),
        ] {
            assert_eq!(Responsibility::of_cell(cell), Ok(want), "{cell}");
        }
        for cell in [
            "IaaS事業者",
            "情シス",
            "調達先",
            "Inherited",
            "事業者（注1）",
            "事業者・情シス",
        ] {
            assert_eq!(Responsibility::of_cell(cell), Err(()), "{cell}");
        }
    }

    #[test]
    fn responsibility_written_in_a_note_or_title() {
        use Responsibility::{Customer, Shared};
        for (text, side) in [
            ("利用者責任", Customer),
            ("責任分界：利用者", Customer),
            ("責任分界: 共同", Shared),
            ("Responsibility: Shared", Shared),
            ("お客様にて設定が必要", Customer),
            ("利用者自身でバックアップを取得すること", Customer),
            ("事業者・利用者の双方で実施", Shared),
            ("Customer responsibility", Customer),
        ] {
            assert_eq!(Responsibility::in_text(text), Some(side), "{text}");
        }
        for text in [
            "",
            "当社側で実施",
            "責任分界：事業者",
            "利用者の責任範囲を明確にしていること",
            "責任共有モデルに基づき役割を定めていること",
            "Shared responsibility model is documented",
            "利用者IDを管理していること",
        ] {
            assert_eq!(Responsibility::in_text(text), None, "{text}");
        }
    }

    /// `Responsibility::in_text` as it was, word by word: the one-pass search is held to it.
    fn in_text_word_by_word(text: &str) -> Option<Responsibility> {
        let folded = crate::text::fold_width(text).to_lowercase();
        for label in Responsibility::LABELS {
            for (i, _) in folded.match_indices(label) {
                let rest = folded[i + label.len()..].trim_start();
                let Some(value) = rest.strip_prefix([':', '：']) else {
                    continue;
                };
                let value = value
                    .split(['、', '。', ',', ';', '；', '\n', ')', '）', '('])
                    .next()
                    .unwrap_or("");
                if let Ok(Some(side)) = Responsibility::of_cell(value) {
                    return Some(side);
                }
            }
        }
        if (Responsibility::SHARED_PHRASES.iter()).any(|w| folded.contains(w)) {
            Some(Responsibility::Shared)
        } else if (Responsibility::CUSTOMER_PHRASES.iter()).any(|w| folded.contains(w)) {
            Some(Responsibility::Customer)
        } else {
            None
        }
    }

    /// Every word of `Assurance::ABOVE` passes `named_in`'s prefilter.
    #[test]
    fn every_word_above_ismap_passes_the_prefilter() {
        for (w, _) in Assurance::ABOVE {
            assert!(w.chars().any(Assurance::may_name_above), "{w}");
        }
    }

    /// Every word of `in_text` passes its prefilter (holds one of its chars).
    #[test]
    fn every_word_of_in_text_passes_its_prefilter() {
        for w in (Responsibility::LABELS.iter())
            .chain(&Responsibility::CUSTOMER_PHRASES)
            .chain(&Responsibility::SHARED_PHRASES)
        {
            assert!(w.chars().any(Responsibility::may_name_side), "{w}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4_000))]

        /// The one-pass `in_text` answers as each word searched on its own did, on texts
        /// built from its words, labels' values and what goes between them.
        #[test]
        fn in_folded_answers_as_each_word_asked_alone(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "責任分界", "責任主体", "責任範囲", "責任区分", "Responsibility",
                    "responsibility", "ＲＥＳＰＯＮＳＩＢＩＬＩＴＹ", "利用者責任", "利用者自身で",
                    "利用者側で実施", "お客様にて設定", "お客様の設定が必要", "お客様自身で",
                    "顧客自身で", "Customer responsibility", "customer's responsibility",
                    "responsibility of the customer", "事業者・利用者の双方", "利用者・事業者の双方",
                    "双方で実施", "shared between the customer", "：", ":", " ", "　", "利用者",
                    "事業者", "共同", "Shared", "CSP", "customer", "-", "、", "。", "(", "）",
                    "\n", ";", "責任", "利用", "双方", "お客様", "の", "ｶｽﾀﾏｰ", "当社", "責任者",
                ]),
                0..8,
            )
        ) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(
                Responsibility::in_text(&text),
                in_text_word_by_word(&text),
                "{:?}",
                text
            );
        }
    }

    #[test]
    fn reads_assurance_and_risk_in_both_languages() {
        assert_eq!(Assurance::parse(""), Some(Assurance::Ismap));
        // ISMAP with operation assessed is what `ismap` asks (review 11, D-3)
        for s in [
            "ISMAP（運用評価含む）",
            "ISMAP(整備・運用)",
            "ISMAP（運用状況）で確認",
            "ＩＳＭＡＰ（整備状況及び運用状況）",
        ] {
            assert_eq!(Assurance::parse(s), Some(Assurance::Ismap), "{s}");
        }
        // a qualifier that is not about operation stays unread
        assert_eq!(Assurance::parse("ISMAP（一部）"), None);
        // review 12 C-21: the level that will do, a must, either of several (the weakest),
        // the CSP's written answer (self); what the scale has no place for stays unread
        for (s, a) in [
            ("ISMAP（必須）", Assurance::Ismap),
            ("ISMAP登録で可", Assurance::Ismap),
            ("ISMAPで代替可", Assurance::Ismap),
            ("ISMAP登録をもって代替", Assurance::Ismap),
            ("ISMAPまたはSOC2", Assurance::Ismap),
            ("SOC2 or ISMAP", Assurance::Ismap),
            ("SOC2又は個別監査", Assurance::Soc2),
            ("書面確認", Assurance::SelfDeclared),
            ("ヒアリング", Assurance::SelfDeclared),
            ("不要", Assurance::SelfDeclared),
            // review 23 C-5: registered, listed; another level that will do in brackets
            ("ISMAP登録済みであること", Assurance::Ismap),
            ("ISMAP登録済", Assurance::Ismap),
            ("ISMAPに登録されていること", Assurance::Ismap),
            ("ISMAPクラウドサービスリスト掲載", Assurance::Ismap),
            (
                "ISMAPクラウドサービスリストに掲載されていること",
                Assurance::Ismap,
            ),
            ("自己申告（ISMAP登録で代替可）", Assurance::SelfDeclared),
            ("SOC2（ISMAPで代替可）", Assurance::Ismap),
        ] {
            assert_eq!(Assurance::parse(s), Some(a), "{s}");
        }
        for s in [
            "ISMAP-LIU",
            "ISMAP LIU可",
            "第三者認証",
            "ISO27001認証",
            "ISMAP又はISO27001認証",
            // review 26 A-9: a slash between two levels says neither "either" nor "both";
            // a check of the buyer's own beside a level; A-1: a document or an act alone
            "ISMAP/SOC2",
            "SOC2／ISMAP",
            "自己申告/ISMAP",
            "ISMAP＋ヒアリング",
            "ISMAP及び質問票",
            "ISMAP and questionnaire",
            "Report",
            "レポート",
            "報告書",
            "報告書で確認",
            "レポート提出",
            "提出",
            "入手",
            "確認",
            "（必須）",
            "(推奨)",
        ] {
            assert_eq!(Assurance::parse(s), None, "{s}");
        }
        // one level in two spellings, both written answers, a document after a level: read
        for (s, a) in [
            ("SOC2/ISAE3402", Assurance::Soc2),
            ("書面及びヒアリング", Assurance::SelfDeclared),
            ("SOC2報告書", Assurance::Soc2),
            ("ISMAPで確認", Assurance::Ismap),
            ("ISMAP＋SOC2", Assurance::Soc2),
        ] {
            assert_eq!(Assurance::parse(s), Some(a), "{s}");
        }
        assert!(Assurance::names_a_level("ISMAP又はSOC2"));
        assert!(!Assurance::names_a_level("書面"));
        assert_eq!(Assurance::parse("自己申告"), Some(Assurance::SelfDeclared));
        assert_eq!(Assurance::parse("ＳＯＣ２"), Some(Assurance::Soc2));
        assert_eq!(Assurance::parse("実地監査"), Some(Assurance::Audit));
        assert_eq!(Assurance::parse("maybe"), None);
        assert_eq!(Risk::parse("高"), Some(Some(Risk::High)));
        assert_eq!(Risk::parse("Low"), Some(Some(Risk::Low)));
        assert_eq!(Risk::parse(""), Some(None));
        assert_eq!(Risk::parse("urgent"), None);
    }

    /// Review 15 C-8: the spellings buyers write for levels the tool knows; both of two
    /// asked is the stronger; a scheme the tool does not know, or one more word, is none.
    #[test]
    fn reads_ordinary_spellings_of_known_levels() {
        for (s, a) in [
            ("JICPA IT7号報告書", Assurance::Soc2),
            ("SOC1 Type2", Assurance::Soc2),
            ("SOC1 Type II報告書", Assurance::Soc2),
            ("外部監査報告書", Assurance::Soc2),
            ("オンサイト", Assurance::Audit),
            ("ISMAP＋SOC2", Assurance::Soc2),
            ("ISMAP及び個別監査", Assurance::Audit),
            ("ISMAP（整備状況及び運用状況）", Assurance::Ismap),
        ] {
            assert_eq!(Assurance::parse(s), Some(a), "{s}");
        }
        for s in [
            "ISMAP＋ISO27001認証",
            "ISMAP＋SOC2（予定）",
            "外部監査報告書（一部）",
            "オンサイト（任意）",
            "FedRAMP",
        ] {
            assert_eq!(Assurance::parse(s), None, "{s}");
        }
    }
}
