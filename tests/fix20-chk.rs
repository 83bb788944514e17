//! Review 16's regressions in session 10's check-list item rules (`tests/data/fix20-chk/`): a
//! demand in the optional list or after a cross-reference to another framework is asked; a
//! hedge on something else than the mapping caps nothing; `A.9.2.1・9.2.3` splits; a mark
//! under a findings/gaps header says there is one.
mod common;

use common::{by_id, data, json_of, on_checks};

/// `report --checks FILE --csp (every objective 実施 but 9.2.4) --format json`.
fn report(checks: impl AsRef<std::ffi::OsStr>) -> serde_json::Value {
    let mut c = on_checks("en", "report", checks);
    c.arg("--csp").arg(data("fix10-chk/csp-st.csv"));
    c.args(["--format", "json"]);
    json_of(c)
}

/// Review 16 A-3: `SOC2 Type2必須、ISO認証書等があれば提出` and `… report required, … if any`
/// are a demand (判定不能 `assurance-outside`), not a noun of the optional list; `…に対応する
/// QSA評価`, `…に対応する準拠証明書`, `…に対応する監査報告書を提出`, `…に対応。準拠証明書を提出`
/// ask for a deliverable against the other framework (capped `topic-beyond-ismap`). Guards:
/// the plain optional list and the bare cross-references still read covered.
#[test]
fn a_demand_in_the_optional_list_or_after_a_cross_reference_is_asked() {
    let v = report(data("fix20-chk/notes.csv"));
    for id in ["2", "3", "7"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "not-analysed", "{item}");
        assert_eq!(item["problems"][0]["field"], "assurance-outside", "{item}");
    }
    for id in ["12", "14", "16", "22", "11", "13", "24"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(
            item["reasons"],
            serde_json::json!(["topic-beyond-ismap"]),
            "{item}"
        );
    }
    for id in ["1", "10", "15"] {
        assert_eq!(by_id(&v["items"], id)["status"], "covered", "{id}");
    }
}

/// Review 16 B-1: an English `not approved` / `unconfirmed` governing something else than the
/// mapping (`Access not approved by the owner is revoked and mapped to role changes`,
/// `Unconfirmed requests are handled per the mapping table`) caps nothing, nor do the
/// Japanese 未承認/未検証/不正確 of other things; a hedge on the mapping itself still caps.
#[test]
fn a_hedge_on_something_else_than_the_mapping_caps_nothing() {
    let v = report(data("fix20-chk/hedge.csv"));
    for n in 1..=12 {
        let id = n.to_string();
        let item = by_id(&v["items"], &id);
        assert_eq!(item["status"], "covered", "{item}");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.csv");
    for note in [
        "The mapping to ISMAP controls is unconfirmed",
        "Mapping has not yet been approved",
        "Access to ISMAP is fine; the mapping is not verified",
    ] {
        std::fs::write(
            &path,
            format!("No,確認項目,ISMAP管理策,備考\n1,Privileged access,9.2.3,{note}\n"),
        )
        .unwrap();
        let v = report(&path);
        let item = by_id(&v["items"], "1");
        assert_eq!(item["status"], "partial", "{note}: {item}");
        assert_eq!(
            item["reasons"],
            serde_json::json!(["mapping-approximate"]),
            "{note}"
        );
    }
}

/// Review 16 C-1: `A.9.2.1・9.2.3` (an Annex A id and an ISMAP id, both of the 2013
/// numbering) splits and resolves, as `A.9.2.1・A.9.2.3` does; `A.5.15・A.9.2.3` (a 2022 id)
/// and qualified forms stay unresolved.
#[test]
fn an_annex_id_and_a_plain_id_joined_by_a_middle_dot_split() {
    let v = report(data("fix20-chk/refs.csv"));
    for id in ["1", "5", "9", "11"] {
        assert_eq!(by_id(&v["items"], id)["status"], "covered", "{id}");
    }
    for id in ["2", "3", "4", "12"] {
        assert_eq!(by_id(&v["items"], id)["status"], "not-analysed", "{id}");
    }
}

/// Review 16 A-8: under a header naming findings, gaps or deficiencies (`指摘事項`, `指摘有無`,
/// `所見`, `不備`, `是正要否`, `前回指摘`, `Finding`, `Gap`) a mark (○, ✓, レ, はい, Yes, Y, 要)
/// says there is one: refused naming the row and column; なし, 指摘なし, No, N, None, -,
/// blank and verdict words (適合, OK) read covered. Under a rating header only a bare rating
/// (高/中/低, a number) is exempt: `高（MFA未導入）`, `受容不可` refused.
#[test]
fn a_mark_under_a_findings_header_says_there_is_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.csv");
    let write = |header: &str, a: &str, b: &str| {
        std::fs::write(
            &path,
            format!("No,確認項目,ISMAP管理策,{header}\n1,退職者のIDを削除していること,9.2.6,{a}\n2,特権IDを管理していること,9.2.3,{b}\n"),
        )
        .unwrap();
    };
    for (header, value) in [
        ("指摘事項", "○"),
        ("指摘事項", "Yes"),
        ("指摘有無", "○"),
        ("Finding", "Y"),
        ("Finding", "Yes"),
        ("所見", "はい"),
        ("Gap", "Yes"),
        ("Gap", "✓"),
        ("指摘", "レ"),
        ("前回指摘", "はい"),
        ("不備", "○"),
        ("不備", "はい"),
    ] {
        write(header, "なし", value);
        let out = on_checks("en", "report", &path)
            .arg("--csp")
            .arg(data("fix10-chk/csp-st.csv"))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{header} {value}: {err}");
        assert!(
            err.contains("row 3") && err.contains(&format!("the column '{header}' names findings or gaps in the check items, and this one is '{value}'")),
            "{header} {value}: {err}"
        );
        let out = on_checks("ja", "report", &path)
            .arg("--csp")
            .arg(data("fix10-chk/csp-st.csv"))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("指摘・不備を示す列"),
            "{header} {value}: {err}"
        );
    }
    // a word of presence that is no mark of met is refused by the free-text rule
    for (header, value) in [
        ("是正要否", "要"),
        ("リスク評価", "高（MFA未導入）"),
        ("リスク評価結果", "受容不可"),
    ] {
        write(header, "-", value);
        let out = on_checks("en", "report", &path)
            .arg("--csp")
            .arg(data("fix10-chk/csp-st.csv"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{header} {value}");
    }
    // guard: marks of none, verdict words and bare ratings read
    for (header, a, b) in [
        ("指摘事項", "なし", "指摘なし"),
        ("指摘事項", "", "-"),
        ("指摘有無", "無", "なし"),
        ("Finding", "N", "No"),
        ("Finding", "None", "No findings"),
        ("Gap", "", "No gap"),
        ("不備", "なし", "いいえ"),
        ("是正要否", "否", "不要"),
        ("所見", "適合", "OK"),
        ("リスク評価", "高", "3"),
        ("評価", "○", "適合"),
    ] {
        write(header, a, b);
        let v = report(&path);
        for id in ["1", "2"] {
            assert_eq!(
                by_id(&v["items"], id)["status"],
                "covered",
                "{header} {a} {b} {id}"
            );
        }
    }
}
