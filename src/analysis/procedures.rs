//! Suggested additional procedures (追加手続) for the reasons a check item is not covered.
//!
//! A procedure is kept as its kind and the ids it is about, and worded in the report's
//! language only when it is written out: a large report holds no sentence per item.
use std::borrow::Cow;
use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::lang::Lang;

/// What is suggested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Cells that could not be read: correct them.
    FixInput,
    /// Check the item yourself: ISMAP says nothing about it.
    OwnCheck,
    /// References that did not resolve.
    FixReferences,
    /// ISO/IEC 27002:2022 controls new in that edition: ISMAP has no counterpart.
    NoCounterpart,
    /// Catalog objectives on the topic of such a control, as context, not coverage.
    RelatedContext,
    /// Objectives the CSP does not list: ask in writing.
    Questionnaire,
    /// Objectives the CSP does not list: ask for an assurance report or certificates.
    AssuranceReport,
    /// Objectives the CSP declares not applicable.
    ExclusionReview,
    /// Detailed controls only confirmable in the statement's non-public annex.
    AnnexRequest,
    /// A NIST id was resolved through NIST's approximate mapping.
    MappingReview,
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
            Kind::OwnCheck => "own-check",
            Kind::FixReferences => "fix-reference",
            Kind::NoCounterpart => "no-ismap-counterpart",
            Kind::RelatedContext => "related-context",
            Kind::Questionnaire => "questionnaire",
            Kind::AssuranceReport => "assurance-report",
            Kind::ExclusionReview => "exclusion-review",
            Kind::AnnexRequest => "annex-request",
            Kind::MappingReview => "mapping-review",
            Kind::Soc2 => "soc2-report",
            Kind::OwnAudit => "own-audit",
        }
    }
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

impl Procedure<'_> {
    /// The sentence around its subjects: the text before them and the text after (a
    /// procedure about no ids in particular is all `before`).
    fn wording(&self) -> (&'static str, &'static str) {
        let ja = self.lang == Lang::Ja;
        match self.kind {
            Kind::FixInput if ja => ("読めない値 ", " を修正して再実行する"),
            Kind::FixInput => ("Correct the unreadable values ", " and run again"),
            Kind::OwnCheck if ja => ("ISMAPの対象外: 質問票・書面確認で自ら確認し、データ所在地・準拠法・退出時のデータ返却・インシデント通知などは契約/SLAに定める", ""),
            Kind::OwnCheck => ("Outside ISMAP: check it yourself (questionnaire or written confirmation) and put data location, governing law, exit/data return and incident notice into the contract/SLA", ""),
            Kind::FixReferences if ja => ("解決できない参照 ", " を修正して再実行する"),
            Kind::FixReferences => ("Correct the unresolved references ", " and run again"),
            Kind::NoCounterpart if ja => ("ISO/IEC 27001:2022で新設された管理策 ", " にはISMAPの対応する管理策がない: 質問票・書面確認・契約で自ら確認する"),
            Kind::NoCounterpart => ("New in ISO/IEC 27001:2022, with no ISMAP counterpart: ", "; ISMAP says nothing on it, check it yourself (questionnaire, written confirmation, contract)"),
            Kind::RelatedContext if ja => ("参考のみ(充足の根拠ではない): 関連するISMAPのクラウド統制目標 ", " の実施状況は、この確認項目への回答にはならない"),
            Kind::RelatedContext => ("For context only, not coverage: the ISMAP cloud objectives ", " touch the topic, but implementing them does not answer the item"),
            Kind::Questionnaire if ja => ("未実施の統制目標 ", " について質問票・書面で実施状況を確認する"),
            Kind::Questionnaire => ("Ask the CSP for a written confirmation or questionnaire answer on ", ""),
            Kind::AssuranceReport if ja => ("", " を対象とするSOC2 Type2報告書(またはIT7号)、ISO/IEC 27001/27017認証の提出を求める"),
            Kind::AssuranceReport => ("Request a SOC 2 Type 2 report (or JICPA IT7), or ISO/IEC 27001/27017 certificates, covering ", ""),
            Kind::ExclusionReview if ja => ("CSPが非該当とした ", " の理由が自組織の利用形態に当てはまるか確認する"),
            Kind::ExclusionReview => ("Check that the CSP's reason for excluding ", " holds for your use"),
            Kind::AnnexRequest if ja => ("詳細管理策 ", " は非公開の別添に記載されるため、言明書の別添の開示を求める"),
            Kind::AnnexRequest => ("Detailed controls ", " are in the statement's non-public annex (別添): ask the CSP to show it"),
            Kind::MappingReview if ja => ("", " はNISTの対応表による近似の対応: 対応する統制目標が確認項目を満たすか確認する"),
            Kind::MappingReview => ("", " was mapped through NIST's table, which is approximate: confirm the ISMAP objectives answer the item"),
            Kind::Soc2 if ja => ("ISMAPは保証業務ではない: SOC2 Type2報告書(またはIT7号)で運用の有効性を確認する", ""),
            Kind::Soc2 => ("ISMAP is not an assurance engagement: obtain a SOC 2 Type 2 report (or JICPA IT7) for operating effectiveness", ""),
            Kind::OwnAudit if ja => ("自組織による実地またはリモート監査を計画する", ""),
            Kind::OwnAudit => ("Plan an on-site or remote audit of the CSP", ""),
        }
    }

    /// Writes the sentence, its subjects joined with `, `: what `Display` writes, and
    /// what a report's cells append to a `String` directly, without the `fmt` machinery (a
    /// large report writes a few hundred thousand of them).
    pub fn write_to<W: fmt::Write + ?Sized>(&self, out: &mut W) -> fmt::Result {
        let (before, after) = self.wording();
        out.write_str(before)?;
        for (i, s) in self.subjects.iter().enumerate() {
            if i > 0 {
                out.write_str(", ")?;
            }
            out.write_str(s)?;
        }
        out.write_str(after)
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

    #[test]
    fn write_to_a_string_writes_what_display_writes() {
        use Kind::*;
        let kinds = [
            FixInput,
            OwnCheck,
            FixReferences,
            NoCounterpart,
            RelatedContext,
            Questionnaire,
            AssuranceReport,
            ExclusionReview,
            AnnexRequest,
            MappingReview,
            Soc2,
            OwnAudit,
        ];
        for kind in kinds {
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

    #[test]
    fn a_procedure_is_worded_in_its_language_and_serialised_as_code_and_text() {
        let ids: Vec<Cow<str>> = vec!["9.2.1".into(), "9.4.1".into()];
        let p = Procedure::new(Kind::Questionnaire, Lang::Ja, ids.clone());
        assert_eq!(
            p.text(),
            "未実施の統制目標 9.2.1, 9.4.1 について質問票・書面で実施状況を確認する"
        );
        assert_eq!(
            serde_json::to_value(&p).unwrap(),
            serde_json::json!({"code": "questionnaire", "text": p.text()})
        );
        let en = Procedure::new(Kind::FixReferences, Lang::En, ids);
        assert_eq!(
            en.text(),
            "Correct the unresolved references 9.2.1, 9.4.1 and run again"
        );
        assert_eq!(
            Procedure::new(Kind::Soc2, Lang::En, vec![]).code(),
            "soc2-report"
        );
    }
}
