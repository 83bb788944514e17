//! Stop 9 of the CSP readers: a not-applicable "reason" that only describes what is done
//! is none, in every column and field a reason is read from.
use std::path::PathBuf;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/fix9_csp/{name}"))
}

fn bin() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("ismap-gap").unwrap();
    c.args(["--lang", "ja"]);
    c
}

/// The readiness CSV of `csp` (a path).
fn readiness(csp: &std::path::Path) -> String {
    let out = bin()
        .args(["readiness", "--format", "csv", "--implemented"])
        .arg(csp)
        .args(["--as-of", "2026-04-01"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn row_of<'t>(text: &'t str, id: &str) -> &'t str {
    text.lines()
        .find(|l| l.starts_with(&format!("{id},")))
        .unwrap_or_else(|| panic!("no row {id} in {text}"))
}

/// A party in a clause that qualifies a noun (`利用者がアクセスする情報`) does not do the
/// control; a text stating only what is done is no reason for 非該当, under an explanation,
/// a reason or a remarks column alike; a party doing it, a cause, a negation still are.
#[test]
fn a_description_of_what_is_done_is_no_reason() {
    let src = std::fs::read_to_string(data("na-describes.csv")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.csv");
    for header in ["説明", "理由", "備考", "Remarks", "Explanation"] {
        for (text, reason) in [
            ("利用者がアクセスする情報を管理する", false),
            ("利用者が保有する情報を管理する", false),
            ("アクセス制御を行う", false),
            ("Manages information accessed by users", false),
            ("Information accessed by users is managed", false),
            ("お客様が鍵を管理する", true),
            ("鍵管理は利用者が行う", true),
            ("IaaS事業者が担う", true),
            ("データセンターを保有しないため", true),
            ("Key management by the customer", true),
        ] {
            let csv = src
                .replace(
                    "管理策番号,実施状況,説明",
                    &format!("管理策番号,実施状況,{header}"),
                )
                .replace("利用者がアクセスする情報を管理する", text);
            std::fs::write(&path, csv).unwrap();
            let out = readiness(&path);
            let row = row_of(&out, "10.1.2");
            assert_eq!(
                !row.contains(",非該当の理由なし"),
                reason,
                "{header}: {text}: {row}"
            );
        }
    }
}

/// A profile's `not_applicable` reasons are judged as a table's are: the provider doing
/// it (`当社で実施`) or a description of what is done is none; a party's responsibility is one.
#[test]
fn a_profile_reason_is_judged_as_a_tables() {
    let out = readiness(&data("na-describes.yaml"));
    assert!(
        row_of(&out, "10.1.2").contains(",非該当の理由なし"),
        "{out}"
    );
    assert!(
        row_of(&out, "11.1.1").contains(",非該当の理由なし"),
        "{out}"
    );
    let row = row_of(&out, "6.2.2");
    assert!(row.contains(",テレワークは利用者の責任,"), "{row}");
    assert!(!row.contains(",非該当の理由なし"), "{row}");
}

/// Evidence and owner cells (every implemented row of a GRC export has them) are no
/// remark: `compare` marks no `※` for them, `report` keeps them in `csp_evidence` and
/// the procedure `csp-evidence`, without the reason `csp-remark`; a remark still is one.
#[test]
fn evidence_and_owner_are_no_remark() {
    let out = bin()
        .args(["compare", "--format", "csv", "--checks"])
        .arg(data("k.csv"))
        .arg("--csp")
        .arg(data("evidence.csv"))
        .arg("--csp")
        .arg(data("owner.csv"))
        .args(["--as-of", "2026-04-01"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    // K-1: evidence (evidence.csv), an owner (owner.csv); K-2: a remark and evidence
    assert!(
        text.lines().any(|l| l == "K-1,利用者登録,充足,充足"),
        "{text}"
    );
    assert!(text.lines().any(|l| l == "K-2,特権,充足,充足 ※"), "{text}");
    let out = bin()
        .args(["report", "--format", "json", "--checks"])
        .arg(data("k.csv"))
        .arg("--csp")
        .arg(data("owner.csv"))
        .args(["--as-of", "2026-04-01"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let item = |id: &str| {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    let k1 = item("K-1");
    assert_eq!(
        k1["csp_evidence"][0]["remark"], "担当: 開発チーム（検証環境）",
        "{k1}"
    );
    assert_eq!(k1["csp_remarks"], serde_json::json!([]), "{k1}");
    assert!(!k1["reasons"].to_string().contains("csp-remark"), "{k1}");
    let procs = k1["additional_procedures"].to_string();
    assert!(
        procs.contains("csp-evidence") && procs.contains("開発チーム（検証環境）"),
        "{k1}"
    );
    let k2 = item("K-2");
    assert!(k2["reasons"].to_string().contains("csp-remark"), "{k2}");
    assert_eq!(
        k2["csp_evidence"][0]["remark"], "証跡: SOC2報告書.pdf",
        "{k2}"
    );
}

/// A governance or management scope under `inherited:` is refused naming the field and
/// the entry's line, not a column.
#[test]
fn a_governance_scope_under_inherited_names_the_field_and_line() {
    let out = assert_cmd::Command::cargo_bin("ismap-gap")
        .unwrap()
        .args(["--lang", "en", "readiness", "--implemented"])
        .arg(data("saas-inherits-governance.yaml"))
        .args(["--as-of", "2026-04-01"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "saas-inherits-governance.yaml: line 6: field 'inherited': '4.4' is management"
        ),
        "{err}"
    );
    assert!(!err.contains("column"), "{err}");
}

/// Review 9 A-rem-5: an audit-result column (`監査結果`) on a row stated implemented holds
/// the auditor's finding: anything but a clean result refuses the row; a clean one
/// (`指摘なし`, `No exception noted`, `適合`) or none reads.
#[test]
fn an_audit_result_other_than_clean_refuses_the_row() {
    let src = std::fs::read_to_string(data("audit-result.csv")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.csv");
    for (value, refused) in [
        ("指摘事項1件", true),
        ("Qualified", true),
        ("Observation", true),
        ("指摘なし", false),
        ("No exception noted", false),
        ("適合", false),
        ("", false),
    ] {
        std::fs::write(
            &path,
            src.replace("9.2.1,実施,指摘事項1件", &format!("9.2.1,実施,{value}")),
        )
        .unwrap();
        let out = bin()
            .args(["readiness", "--format", "csv", "--implemented"])
            .arg(&path)
            .args(["--as-of", "2026-04-01"])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code() == Some(2),
            refused,
            "{value}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if refused {
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains("監査結果") && err.contains(value), "{err}");
        }
    }
}

/// Review 5 F-15 remainder: a total row under a status table whose count is a formula
/// without a calculated value (`合計 | =COUNTIF(…)`, as openpyxl writes) is read past as a
/// total; with anything else in the row it is still refused.
#[test]
fn an_uncalculated_count_on_a_total_row_is_read_past() {
    let report = |csp: &str| {
        bin()
            .args(["report", "--format", "csv", "--checks"])
            .arg(data("k.csv"))
            .arg("--csp")
            .arg(data(csp))
            .args(["--as-of", "2026-04-01"])
            .output()
            .unwrap()
    };
    let out = report("total-countif.xlsx");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = report("total-countif-remark.xlsx");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("B6") && err.contains("計算"), "{err}");
}

/// The statement `readiness` wrote for a profile with `inherits:`, read back: a row whose
/// 記載元 says it is inherited (`Test IaaS経由`) is refused, naming the row, never read as
/// the CSP's own 実施 (before, 11.1.1 came back covered without the IaaS's registration).
#[test]
fn an_inherited_row_read_back_is_refused() {
    let out = assert_cmd::Command::cargo_bin("ismap-gap")
        .unwrap()
        .args([
            "--lang",
            "en",
            "readiness",
            "--format",
            "csv",
            "--implemented",
        ])
        .arg(data("readiness-inherited.csv"))
        .args(["--as-of", "2026-04-01"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("column '記載元': the row of 11.1.1 states what the service inherits from 'Test IaaS' ('Test IaaS経由')"),
        "{err}"
    );
}
