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

/// The subjects joined with `, `.
struct List<'a>(&'a [Cow<'a, str>]);

impl fmt::Display for List<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(s)?;
        }
        Ok(())
    }
}

impl fmt::Display for Procedure<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids = List(&self.subjects);
        let ja = self.lang == Lang::Ja;
        match self.kind {
            Kind::FixInput if ja => write!(f, "読めない値 {ids} を修正して再実行する"),
            Kind::FixInput => write!(f, "Correct the unreadable values {ids} and run again"),
            Kind::OwnCheck if ja => f.write_str("ISMAPの対象外: 質問票・書面確認で自ら確認し、データ所在地・準拠法・退出時のデータ返却・インシデント通知などは契約/SLAに定める"),
            Kind::OwnCheck => f.write_str("Outside ISMAP: check it yourself (questionnaire or written confirmation) and put data location, governing law, exit/data return and incident notice into the contract/SLA"),
            Kind::FixReferences if ja => write!(f, "解決できない参照 {ids} を修正して再実行する"),
            Kind::FixReferences => write!(f, "Correct the unresolved references {ids} and run again"),
            Kind::Questionnaire if ja => write!(f, "未実施の統制目標 {ids} について質問票・書面で実施状況を確認する"),
            Kind::Questionnaire => write!(f, "Ask the CSP for a written confirmation or questionnaire answer on {ids}"),
            Kind::AssuranceReport if ja => write!(f, "{ids} を対象とするSOC2 Type2報告書(またはIT7号)、ISO/IEC 27001/27017認証の提出を求める"),
            Kind::AssuranceReport => write!(f, "Request a SOC 2 Type 2 report (or JICPA IT7), or ISO/IEC 27001/27017 certificates, covering {ids}"),
            Kind::ExclusionReview if ja => write!(f, "CSPが非該当とした {ids} の理由が自組織の利用形態に当てはまるか確認する"),
            Kind::ExclusionReview => write!(f, "Check that the CSP's reason for excluding {ids} holds for your use"),
            Kind::AnnexRequest if ja => write!(f, "詳細管理策 {ids} は非公開の別添に記載されるため、言明書の別添の開示を求める"),
            Kind::AnnexRequest => write!(f, "Detailed controls {ids} are in the statement's non-public annex (別添): ask the CSP to show it"),
            Kind::MappingReview if ja => write!(f, "{ids} はNISTの対応表による近似の対応: 対応する統制目標が確認項目を満たすか確認する"),
            Kind::MappingReview => write!(f, "{ids} was mapped through NIST's table, which is approximate: confirm the ISMAP objectives answer the item"),
            Kind::Soc2 if ja => f.write_str("ISMAPは保証業務ではない: SOC2 Type2報告書(またはIT7号)で運用の有効性を確認する"),
            Kind::Soc2 => f.write_str("ISMAP is not an assurance engagement: obtain a SOC 2 Type 2 report (or JICPA IT7) for operating effectiveness"),
            Kind::OwnAudit if ja => f.write_str("自組織による実地またはリモート監査を計画する"),
            Kind::OwnAudit => f.write_str("Plan an on-site or remote audit of the CSP"),
        }
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
