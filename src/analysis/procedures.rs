//! Suggested additional procedures (追加手続) for the reasons a check item is not covered.
use serde::Serialize;

use crate::lang::Lang;

/// One suggested procedure: a stable code and its text in the report's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Procedure {
    pub code: &'static str,
    pub text: String,
}

fn list(ids: &[String]) -> String {
    ids.join(", ")
}

/// Check the item yourself: ISMAP says nothing about it.
pub fn own_check(lang: Lang) -> Procedure {
    Procedure {
        code: "own-check",
        text: lang
            .pick(
                "ISMAPの対象外: 質問票・書面確認で自ら確認し、データ所在地・準拠法・退出時のデータ返却・インシデント通知などは契約/SLAに定める",
                "Outside ISMAP: check it yourself (questionnaire or written confirmation) and put data location, governing law, exit/data return and incident notice into the contract/SLA",
            )
            .to_owned(),
    }
}

/// Objectives the CSP does not list.
pub fn confirm_missing(lang: Lang, ids: &[String]) -> Vec<Procedure> {
    vec![
        Procedure {
            code: "questionnaire",
            text: match lang {
                Lang::Ja => format!("未実施の統制目標 {} について質問票・書面で実施状況を確認する", list(ids)),
                Lang::En => format!("Ask the CSP for a written confirmation or questionnaire answer on {}", list(ids)),
            },
        },
        Procedure {
            code: "assurance-report",
            text: match lang {
                Lang::Ja => format!("{} を対象とするSOC2 Type2報告書(またはIT7号)、ISO/IEC 27001/27017認証の提出を求める", list(ids)),
                Lang::En => format!("Request a SOC 2 Type 2 report (or JICPA IT7), or ISO/IEC 27001/27017 certificates, covering {}", list(ids)),
            },
        },
    ]
}

/// Objectives the CSP declares not applicable.
pub fn review_exclusion(lang: Lang, ids: &[String]) -> Procedure {
    Procedure {
        code: "exclusion-review",
        text: match lang {
            Lang::Ja => format!(
                "CSPが非該当とした {} の理由が自組織の利用形態に当てはまるか確認する",
                list(ids)
            ),
            Lang::En => format!(
                "Check that the CSP's reason for excluding {} holds for your use",
                list(ids)
            ),
        },
    }
}

/// Detailed controls only confirmable in the statement's non-public annex.
pub fn request_annex(lang: Lang, ids: &[String]) -> Procedure {
    Procedure {
        code: "annex-request",
        text: match lang {
            Lang::Ja => format!("詳細管理策 {} は非公開の別添に記載されるため、言明書の別添の開示を求める", list(ids)),
            Lang::En => format!("Detailed controls {} are in the statement's non-public annex (別添): ask the CSP to show it", list(ids)),
        },
    }
}

/// A NIST id was resolved through NIST's approximate mapping.
pub fn review_mapping(lang: Lang, nist: &[String]) -> Procedure {
    Procedure {
        code: "mapping-review",
        text: match lang {
            Lang::Ja => format!("{} はNISTの対応表による近似の対応: 対応する統制目標が確認項目を満たすか確認する", list(nist)),
            Lang::En => format!("{} was mapped through NIST's table, which is approximate: confirm the ISMAP objectives answer the item", list(nist)),
        },
    }
}

/// References that did not resolve.
pub fn fix_references(lang: Lang, refs: &[String]) -> Procedure {
    Procedure {
        code: "fix-reference",
        text: match lang {
            Lang::Ja => format!("解決できない参照 {} を修正して再実行する", list(refs)),
            Lang::En => format!(
                "Correct the unresolved references {} and run again",
                list(refs)
            ),
        },
    }
}

/// The item needs an assurance report.
pub fn soc2(lang: Lang) -> Procedure {
    Procedure {
        code: "soc2-report",
        text: lang
            .pick(
                "ISMAPは保証業務ではない: SOC2 Type2報告書(またはIT7号)で運用の有効性を確認する",
                "ISMAP is not an assurance engagement: obtain a SOC 2 Type 2 report (or JICPA IT7) for operating effectiveness",
            )
            .to_owned(),
    }
}

/// The item needs the buyer's own audit.
pub fn own_audit(lang: Lang) -> Procedure {
    Procedure {
        code: "own-audit",
        text: lang
            .pick(
                "自組織による実地またはリモート監査を計画する",
                "Plan an on-site or remote audit of the CSP",
            )
            .to_owned(),
    }
}
