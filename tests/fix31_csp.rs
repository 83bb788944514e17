//! Session 13 fix31-csp: review 22's A-9 (the CSP's own row remark saying self-assessed,
//! transitional, another service's) and A-8 (a remark row naming another check item than
//! the one above it); fixtures in `tests/data/fix31-csp/`.
mod common;

use common::{bin, by_id, data, text_workbook};

/// `report` of `fix31-csp/k.csv` (K-1 cites 9.2.1) against a CSP workbook stating 9.2.1
/// implemented with `remark` in its `備考` column, as of 2026-12-01, in English.
fn report_with_remark(remark: &str) -> std::process::Output {
    let (_dir, csp) = text_workbook(&[(
        "管理策",
        vec![
            vec!["管理策番号", "実施状況", "備考"],
            vec!["9.2.1", "実施", remark],
            vec!["9.2.3", "実施", ""],
        ],
    )]);
    bin()
        .args(["--lang", "en", "report", "--as-of", "2026-12-01"])
        .args([
            "--registration-kind",
            "ismap",
            "--format",
            "json",
            "--checks",
        ])
        .arg(data("fix31-csp/k.csv"))
        .arg("--csp")
        .arg(&csp)
        .output()
        .unwrap()
}

/// Review 22 A-9: the CSP's own row remark saying the statement is its own assessment
/// (`自己評価`, `CSP自己評価`, `自己点検` alone), a transitional arrangement (`経過措置中`), a
/// trial (`PoC`), on application only (`申請ベース`, `お客様の申請により実施`) or another
/// service's or company's (`他サービスで実施`, `関連会社で実施`) was read as implemented
/// (K-1 covered); refused now, as the same words in the status cell are.
#[test]
fn a_row_remark_saying_self_assessed_transitional_or_another_services_is_refused() {
    for (remark, said) in [
        ("自己評価", "provider's own assessment"),
        ("自己評価による", "provider's own assessment"),
        ("自己点検", "provider's own assessment"),
        ("CSP自己評価", "provider's own assessment"),
        ("経過措置中", "defers it"),
        ("経過措置", "defers it"),
        ("PoC", "defers it"),
        ("申請ベース", "limits or conditions it"),
        ("お客様の申請により実施", "limits or conditions it"),
        ("他サービスで実施", "someone else implements it"),
        ("他サービスの機能で実施", "someone else implements it"),
        ("関連会社で実施", "someone else implements it"),
    ] {
        let out = report_with_remark(remark);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(2), "{remark}: {stderr}");
        assert!(stderr.contains(said), "{remark}: {stderr}");
        assert!(stderr.contains("'備考'"), "{remark}: {stderr}");
    }
}

/// Guard of A-9: a remark describing the control reads — a self-check it performs, an
/// internal audit confirming it, a procedure run on applications, a separation from other
/// services, the service itself doing it.
#[test]
fn a_row_remark_describing_the_control_still_reads() {
    for remark in [
        "自己点検を年1回実施",
        "内部監査で確認",
        "申請に基づきアカウントを発行",
        "他サービスと論理的に分離",
        "当社で実施",
        "",
    ] {
        let out = report_with_remark(remark);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(0), "{remark}: {stderr}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(by_id(&v["items"], "K-1")["status"], "covered", "{remark}");
    }
}

/// The A-9 refusal in Japanese names the cause.
#[test]
fn a_self_assessed_row_remark_is_refused_in_japanese() {
    let (_dir, csp) = text_workbook(&[(
        "管理策",
        vec![
            vec!["管理策番号", "実施状況", "備考"],
            vec!["9.2.1", "実施", "自己評価"],
        ],
    )]);
    let out = bin()
        .args(["--lang", "ja", "report", "--as-of", "2026-12-01"])
        .args(["--registration-kind", "ismap", "--checks"])
        .arg(data("fix31-csp/k.csv"))
        .arg("--csp")
        .arg(&csp)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("事業者自身の評価"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// The statuses of `report --checks fix31-csp/FILE --csp fix31-csp/valid.txt` by item id.
fn statuses(file: &str) -> serde_json::Value {
    let out = bin()
        .args([
            "--lang",
            "en",
            "report",
            "--as-of",
            "2026-12-01",
            "--format",
            "json",
        ])
        .arg("--checks")
        .arg(data(&format!("fix31-csp/{file}")))
        .arg("--csp")
        .arg(data("fix31-csp/valid.txt"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["items"].clone()
}

/// Review 22 A-8: a `↑` remark row under Q3 that names Q2 (`↑ CSP回答：Q2は未対応`) was
/// Q3's note only, and Q2 stayed covered; it is Q2's note too now (both not analysed).
#[test]
fn a_remark_row_naming_another_item_is_that_items_note_too() {
    let items = statuses("a8-named.csv");
    assert_eq!(by_id(&items, "Q2")["status"], "not-analysed", "{items}");
    assert_eq!(by_id(&items, "Q3")["status"], "not-analysed", "{items}");
    assert_eq!(by_id(&items, "Q1")["status"], "covered", "{items}");
}

/// Guard of A-8: a `↑` remark naming no id stays the note of the item above only.
#[test]
fn a_remark_row_naming_no_item_stays_the_note_of_the_item_above() {
    let items = statuses("a8-above.csv");
    assert_eq!(by_id(&items, "Q3")["status"], "not-analysed", "{items}");
    assert_eq!(by_id(&items, "Q2")["status"], "covered", "{items}");
    assert_eq!(by_id(&items, "Q1")["status"], "covered", "{items}");
}
