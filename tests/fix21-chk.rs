//! Session 11's check-list reader rules (`tests/data/fix21-chk/`): the mapping said to be a
//! rough guide or a reference (`対応は目安`, `マッピングは参考`) caps; a finding beside the
//! rating in the risk column is refused.
mod common;

use common::{by_id, data, example, json_of, on_checks};

/// `report --checks FILE --csp (every objective 実施 but 9.2.4) --format json`.
fn report(checks: impl AsRef<std::ffi::OsStr>) -> serde_json::Value {
    let mut c = on_checks("en", "report", checks);
    c.arg("--csp").arg(data("fix10-chk/csp-st.csv"));
    c.args(["--format", "json"]);
    json_of(c)
}

/// `report` in `lang` on CSV `path`, expected to fail: its exit code and stderr.
fn refused(lang: &str, path: &std::path::Path) -> (Option<i32>, String) {
    let out = on_checks(lang, "report", path)
        .arg("--csp")
        .arg(data("fix10-chk/csp-st.csv"))
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Review 16 A-16: `対応は目安`, `対応付けは目安`, `マッピングは参考`, `ISMAPへの対応はあくまで
/// 目安です`, `紐付けは目安`, `対応は参考程度`, `Mapping for reference only` say the mapping is
/// a rough guide: capped `mapping-approximate`. Guards: a guide or a reference of something
/// else (`目安時間は30分`, `参考資料を添付` in the note or the item, `…の対応は目安時間内に`,
/// `対応は参考資料のとおり`, `仮想`) still covered.
#[test]
fn the_mapping_said_to_be_a_rough_guide_caps() {
    let v = report(data("fix21-chk/guide.csv"));
    for id in ["1", "2", "3", "4", "5", "6", "7"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(
            item["reasons"],
            serde_json::json!(["mapping-approximate"]),
            "{item}"
        );
    }
    for id in ["11", "12", "13", "14", "15", "16", "17"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "covered", "{item}");
    }
}

/// fix20-chk ev31: the risk column (`Risk`, `リスク`, `重要度`, `Priority`) only orders the
/// rows, so a finding written beside the rating (`Critical - MFA not enforced`,
/// `高（MFA未導入）`, `中（対応予定）`, `High (not yet implemented)`) was read as nothing
/// and the item covered: refused as a carried column saying so is, naming the row, the
/// column and the other rows. Guards: bare ratings (`高`, `Low`, `Critical`, `3`), a rating
/// with a note of its own (`高（必須）`, `中 (推奨)`, `高（情報漏えいのおそれ）`) and a risk
/// described (`情報漏えい`) still read; a row without references is not judged.
#[test]
fn a_finding_beside_the_rating_in_the_risk_column_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.csv");
    let write = |header: &str, a: &str, b: &str| {
        std::fs::write(
            &path,
            format!("No,確認項目,ISMAP管理策,{header}\n1,退職者のIDを削除していること,9.2.6,{a}\n2,特権IDを管理していること,9.2.3,{b}\n3,見出し,,{b}\n"),
        )
        .unwrap();
    };
    for (header, value, word) in [
        ("Risk", "Critical - MFA not enforced", "not enforced"),
        ("リスク", "高（MFA未導入）", "未導入"),
        ("リスク", "高：MFA未導入", "未導入"),
        ("重要度", "中（対応予定）", "予定"),
        ("Priority", "High (not yet implemented)", "not yet"),
        ("Risk", "High - open finding", "finding"),
    ] {
        write(header, "Low", value);
        let (code, err) = refused("en", &path);
        assert_eq!(code, Some(2), "{header} {value}: {err}");
        assert!(
            err.contains("row 3")
                && err.contains(&format!("column '{header}'"))
                && err.contains(&format!("'{value}'"))
                && err.contains(&format!("('{word}')"))
                && !err.contains("also rows"),
            "{header} {value}: {err}"
        );
        let (_, err) = refused("ja", &path);
        assert!(
            err.contains("row 3") && err.contains("ほかの状況を示しています")
                || err.contains("先送り"),
            "{err}"
        );
        assert!(!err.contains("the tool does not read it"), "{err}");
    }
    // both rows named in one run
    write(
        "Risk",
        "Critical - MFA not enforced",
        "Critical - MFA not enforced",
    );
    let (_, err) = refused("en", &path);
    assert!(
        err.contains("row 2") && err.contains("also rows 3"),
        "{err}"
    );
    for (header, a, b) in [
        ("Risk", "Low", "High"),
        ("Risk", "Low", "Critical"),
        ("リスク", "低", "3"),
        ("リスク", "高（必須）", "中 (推奨)"),
        ("リスク", "高（情報漏えいのおそれ）", "情報漏えい"),
        ("重要度", "", "Very high"),
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

/// The same rule on a YAML check list's `risk`.
#[test]
fn a_finding_beside_the_rating_in_a_yaml_risk_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.yaml");
    let write = |risk: &str| {
        std::fs::write(
            &path,
            format!("items:\n  - id: A-1\n    title: 特権IDを管理していること\n    refs: \"9.2.3\"\n    risk: \"{risk}\"\n"),
        )
        .unwrap();
    };
    write("Critical - MFA not enforced");
    let (code, err) = refused("en", &path);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("column 'risk'") && err.contains("('not enforced')"),
        "{err}"
    );
    for risk in ["Critical", "高（必須）", "high"] {
        write(risk);
        let v = report(&path);
        assert_eq!(by_id(&v["items"], "A-1")["status"], "covered", "{risk}");
    }
}

/// closing-10 "Noticed": an item marked not asked (`適用` ×) is not judged and shows no
/// unresolved reference, so its bad reference (`9.9.99`) is not counted in the summary's
/// `unresolved_references` (report and compare) nor in the warning saying "their items are
/// not analysed"; the asked item's (`9.9.98`) still is.
#[test]
fn a_bad_reference_of_an_item_not_asked_is_not_counted() {
    let mut c = on_checks("en", "report", data("fix21-chk/not-asked.csv"));
    c.arg("--csp").arg(data("fix10-chk/csp-st.csv"));
    c.args(["--format", "json", "-o", "-"]);
    let out = c.output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["unresolved_references"], 1, "{}", v["summary"]);
    assert_eq!(v["summary"]["not_asked"], 1);
    assert_eq!(by_id(&v["items"], "2")["status"], "not-asked");
    assert_eq!(by_id(&v["items"], "3")["status"], "not-analysed");
    assert!(
        err.contains("1 reference(s) did not resolve (their items are not analysed"),
        "{err}"
    );
    let mut c = on_checks("en", "compare", data("fix21-chk/not-asked.csv"));
    c.arg("--csp").arg(data("fix10-chk/csp-st.csv"));
    c.arg("--csp").arg(example("csp-list.txt"));
    c.args(["--format", "json"]);
    let v = json_of(c);
    for csp in v["csps"].as_array().unwrap() {
        assert_eq!(csp["counts"]["unresolved_references"], 1, "{csp}");
    }
}
