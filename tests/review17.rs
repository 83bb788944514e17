//! Review 17's wrong credits on the check-list side: a note saying the requirement is not
//! met, the CSP's answer is pending or the thing is not offered makes the item not analysed
//! the buyer's own check state or requirement-met column is its evaluation.
mod common;

use common::{by_id, data, json_of, on_checks};
use std::fs;

/// `report --checks FILE --csp (every objective 実施 but 9.2.4) --format json`, after
/// writing `text` to FILE in `dir`.
fn report_of(dir: &tempfile::TempDir, text: &str) -> assert_cmd::Command {
    let path = dir.path().join("checks.csv");
    fs::write(&path, text).unwrap();
    let mut c = on_checks("en", "report", &path);
    c.arg("--csp").arg(data("fix10-chk/csp-st.csv"));
    c.args(["--format", "json"]);
    c
}

/// One item (9.2.1) per note, under `備考`.
fn with_notes(notes: &[&str]) -> serde_json::Value {
    let mut text = String::from("id,title,controls,assurance,note\n");
    for (i, n) in notes.iter().enumerate() {
        text.push_str(&format!("N{},利用者登録,9.2.1,ismap,\"{n}\"\n", i + 1));
    }
    let dir = tempfile::tempdir().unwrap();
    json_of(report_of(&dir, &text))
}

/// Review 17 A-2: the buyer's note recording the requirement not met (`当社要件は未達`,
/// `要求水準に達しない`, `当社基準を下回る`, `差異あり`, `要件未充足`, `Not sufficient`,
/// `Does not meet our requirement`), remediation needed (`改善要`, `是正要`), the CSP's
/// answer pending (`CSPの回答待ち`, `CSPに照会中`, `問合せ中`, `CSPに確認中`) or the thing not
/// offered (`不可`, `ベンダーは対応不可と回答`, `サポート外`, `機能なし`, `Not offered`) is
/// not analysed (`note-against`), never a bare covered. Guards: clean notes and
/// descriptions (`未達事項なし`, `対応要件を確認`, `応答は1秒を下回る`, `不可欠な管理策`,
/// `USBメモリは利用不可`, `差異なし`, `当社基準を満たす`, `Meets our requirement`) stay covered.
/// Session 13 (review 20 A-6): the buyer's own to-do (`要確認（情報システム部）`), read as none
/// here before, is an item still being checked: not analysed.
#[test]
fn a_note_saying_the_requirement_is_unmet_or_pending_is_not_analysed() {
    let against = [
        "ISMAP上は実施だが当社要件は未達",
        "要求水準に達しない",
        "ログ保管期間が当社基準(1年)に満たない",
        "当社基準を下回る",
        "差異あり",
        "乖離あり",
        "要件未充足",
        "Not sufficient",
        "Does not meet our requirement",
        "改善要",
        "是正要",
        "CSPの回答待ち",
        "CSPに照会中",
        "問合せ中",
        "CSPに確認中",
        "不可",
        "ベンダーは対応不可と回答",
        "サポート外",
        "MFA機能なし",
        "Not offered",
        "要確認（情報システム部）",
    ];
    let v = with_notes(&against);
    for (i, note) in against.iter().enumerate() {
        let item = by_id(&v["items"], &format!("N{}", i + 1));
        assert_eq!(item["status"], "not-analysed", "{note}: {item}");
        assert_eq!(item["problems"][0]["field"], "note-against", "{note}");
    }
    let clean = [
        "未達事項なし",
        "対応要件を確認",
        "応答は1秒を下回る",
        "不可欠な管理策",
        "USBメモリは利用不可",
        "差異なし",
        "当社基準を満たす",
        "Meets our requirement",
        "指摘なし",
    ];
    let v = with_notes(&clean);
    for (i, note) in clean.iter().enumerate() {
        let item = by_id(&v["items"], &format!("N{}", i + 1));
        assert_eq!(item["status"], "covered", "{note}: {item}");
    }
}

/// Review 17 A-4: the state of the buyer's own check (`確認状況`, `確認ステータス`, `Review
/// status`) and whether the requirement is met (`要件充足`, `Requirement met`, `RAG`) are its
/// evaluation: a deficient value (NG, ×, Fail, 不適合, No, Red) refuses the list, as under
/// `確認結果`. Guards: ○, 完了, 問題なし, Green, Yes, blank read, the items judged.
#[test]
fn the_buyers_check_state_or_requirement_met_column_is_its_evaluation() {
    let dir = tempfile::tempdir().unwrap();
    for (header, bad) in [
        ("確認状況", "NG"),
        ("確認状況", "×"),
        ("確認ステータス", "不適合"),
        ("Review status", "Fail"),
        ("要件充足", "×"),
        ("当社基準充足", "×"),
        ("Requirement met", "No"),
        ("RAG", "Red"),
    ] {
        let text = format!(
            "id,title,controls,assurance,{header}\nV1,利用者登録,9.2.1,ismap,{bad}\nV2,バックアップ,12.3.1,ismap,\n"
        );
        let out = report_of(&dir, &text).assert().code(2);
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(
            err.contains(&format!("the column '{header}'")),
            "{header} {bad}: {err}"
        );
    }
    for (header, good) in [
        ("確認状況", "完了"),
        ("確認状況", "○"),
        ("確認ステータス", "問題なし"),
        ("RAG", "Green"),
        ("Requirement met", "Yes"),
    ] {
        let text = format!(
            "id,title,controls,assurance,{header}\nV1,利用者登録,9.2.1,ismap,{good}\nV2,バックアップ,12.3.1,ismap,\n"
        );
        let v = json_of(report_of(&dir, &text));
        assert_eq!(
            by_id(&v["items"], "V1")["status"],
            "covered",
            "{header} {good}"
        );
    }
}

/// Review 17 D-6: `--fail-on not-asked` says an item not asked is never a finding, instead of
/// clap's "similar value: not-analysed" (its opposite); exit 2.
#[test]
fn fail_on_not_asked_says_it_is_never_a_finding() {
    let out = on_checks("en", "report", data("../../examples/checks.csv"))
        .arg("--csp")
        .arg(data("fix10-chk/csp-st.csv"))
        .args(["--fail-on", "not-asked"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("never a finding"), "{err}");
    assert!(!err.contains("not-analysed"), "{err}");
}

/// Review 18 A-7: a sheet read for statements whose name says they are a draft (`実施状況（案）`,
/// `9-18章（案）`), self-assessed (`（自己評価）`), old (`実施状況_旧`), dated after the as-of date
/// (`実施状況 2027-04`) or — the one sheet — another provider's kept for reference
/// (`基盤IaaS（参考）`) is refused, as the same words above the table are. Guard: a list split
/// by clause range (`5-8章`, `9-18章`) reads. (Workbooks: review 18's `p9/`, `p5/`.)
#[test]
fn a_sheet_named_as_not_the_statement_in_effect_is_refused() {
    let run = |csp: &str| {
        let mut c = on_checks("en", "report", data("review18/chk.csv"));
        c.arg("--csp")
            .arg(data(csp))
            .args(["--registration-kind", "ismap"])
            .args(["--format", "json"]);
        c
    };
    for (file, word) in [
        ("review18/one1.xlsx", "(案)"),
        ("review18/one3.xlsx", "_旧"),
        ("review18/one6.xlsx", "自己評価"),
        ("review18/one7.xlsx", "2027-04"),
        ("review18/s3.xlsx", "(案)"),
        ("review18/q2.xlsx", "参考"),
    ] {
        let out = run(file).assert().code(2);
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(
            err.contains(&format!("the sheet's name ('{word}') says its rows are")),
            "{file}: {err}"
        );
    }
    let v = json_of(run("review18/s1.xlsx"));
    assert_eq!(v["items"][0]["status"], "covered");
}

/// Review 18 B-2: sheets naming different regions, environments, services or editions
/// (`東京リージョン`/`大阪リージョン`, `本番環境`/`検証環境`, `本サービス`/`関連サービスB`,
/// `Standard`/`Enterprise Edition`, `Japan`/`Global`) are separate statements even when they
/// share no control (the second states only 9.2.1, the first leaves it out): refused naming
/// both, not merged into a bare covered. Guard: the clause-range split of the test above.
#[test]
fn sheets_naming_different_scopes_are_refused_even_without_a_shared_control() {
    for (file, one, other) in [
        ("review18/g1.xlsx", "東京リージョン", "大阪リージョン"),
        ("review18/g2.xlsx", "本番環境", "検証環境"),
        ("review18/g4.xlsx", "本サービス", "関連サービスB"),
        ("review18/g7.xlsx", "Standard", "Enterprise Edition"),
        ("review18/g8.xlsx", "Japan", "Global"),
    ] {
        let out = on_checks("en", "report", data("review18/chk.csv"))
            .arg("--csp")
            .arg(data(file))
            .args(["--registration-kind", "ismap"])
            .assert()
            .code(2);
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(
            err.contains(&format!(
                "sheets '{one}' and '{other}' name different regions, environments, services or editions"
            )),
            "{file}: {err}"
        );
        assert!(err.contains("--csp-sheet NAME"), "{file}: {err}");
    }
}
