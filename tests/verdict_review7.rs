//! Review 7 (fix-verdict2): a carried decision is re-reviewed when the item's gaps
//! change under the same status and reason codes (A-review-1).
mod common;

use std::path::{Path, PathBuf};

use common::xlsx::{row_texts, sheets, text};
use common::{bin, by_id, data, json_of};

/// A profile of the same fictional CSP (name and registration number), stating
/// `implemented` and 11.1.1 excluded for `reason`.
fn profile(dir: &Path, file: &str, implemented: &str, reason: &str) -> PathBuf {
    let path = dir.join(file);
    std::fs::write(
        &path,
        format!(
            "name: テストSaaS\nregistration_number: C99-0007-1\nregistration_kind: ismap\nregistered: 2024-03-01\nrenewal_deadline: 2027-03-31\nimplemented: [{implemented}]\nnot_applicable:\n  11.1.1: {reason}\n"
        ),
    )
    .unwrap();
    path
}

fn report(csp: &Path) -> assert_cmd::Command {
    let mut c = bin();
    c.args([
        "--lang",
        "ja",
        "report",
        "--as-of",
        "2026-04-01",
        "--checks",
    ])
    .arg(data("verdict_review7/checks.csv"))
    .arg("--csp")
    .arg(csp);
    c
}

/// The previous report's workbook, with the consultant's decision 不要 on R-1 and P-1
/// (typed into its CSV, carried into the workbook by a review of that CSV).
fn reviewed_workbook(dir: &Path, csp: &Path) -> PathBuf {
    let csv_path = dir.join("prev.csv");
    report(csp)
        .args(["--format", "csv", "-o"])
        .arg(&csv_path)
        .assert()
        .success();
    let text = std::fs::read_to_string(&csv_path).unwrap();
    let mut rd = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<Vec<String>> = rd
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let header = &rows[0];
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (decision, comment) = (at("追加手続の要否"), at("レビューコメント"));
    let mut wr = csv::Writer::from_writer(Vec::new());
    for (i, row) in rows.iter().enumerate() {
        let mut row = row.clone();
        if i > 0 && (row[0] == "R-1" || row[0] == "P-1") {
            row[decision] = "不要".to_owned();
            row[comment] = "前回の不足・除外理由は確認済み".to_owned();
        }
        wr.write_record(&row).unwrap();
    }
    std::fs::write(&csv_path, wr.into_inner().unwrap()).unwrap();
    let reviewed = dir.join("prev-reviewed.xlsx");
    report(csp)
        .arg("--review")
        .arg(&csv_path)
        .arg("-o")
        .arg(&reviewed)
        .assert()
        .success();
    reviewed
}

#[test]
fn a_gap_moved_to_another_control_or_a_new_exclusion_reason_is_re_reviewed() {
    let dir = tempfile::tempdir().unwrap();
    let old = profile(
        dir.path(),
        "old.yaml",
        "9.2.1, 9.2.2",
        "物理的セキュリティは利用するIaaS事業者が担う",
    );
    let reviewed = reviewed_workbook(dir.path(), &old);

    // the same lists again: nothing changed, the decisions carried as they are
    let v = json_of(
        report(&old)
            .args(["--format", "json", "--review"])
            .arg(&reviewed),
    );
    for id in ["R-1", "R-2", "P-1"] {
        let r = &by_id(&v["items"], id)["review"];
        assert_eq!(r["change"], "unchanged", "{id}: {r}");
        assert_eq!(r["re_review"], false, "{id}: {r}");
    }
    assert_eq!(v["review"]["gaps_changed"], 0);

    // the CSP's next list: 9.2.4 now implemented, 9.2.2 no longer listed; 11.1.1
    // excluded for another reason. Same statuses, same reason codes.
    let new = profile(
        dir.path(),
        "new.yaml",
        "9.2.1, 9.2.4",
        "当社はデータを保存しないため",
    );
    let v = json_of(
        report(&new)
            .args(["--format", "json", "--review"])
            .arg(&reviewed),
    );
    let r1 = by_id(&v["items"], "R-1");
    assert_eq!(r1["status"], "partial");
    let r = &r1["review"];
    assert_eq!(r["change"], "gaps-changed", "{r}");
    assert!(
        r.get("previous_status").is_none() && r.get("previous_reasons").is_none(),
        "{r}"
    );
    assert_eq!(r["previous_gaps"][0]["kind"], "missing");
    assert_eq!(r["previous_gaps"][0]["previous"], "9.2.4 (記載なし)");
    assert_eq!(r["previous_gaps"][0]["current"], "9.2.2 (記載なし)");
    assert_eq!(r["decision"], "not-needed");
    assert_eq!(r["re_review"], true);
    let p = &by_id(&v["items"], "P-1")["review"];
    assert_eq!(p["change"], "gaps-changed", "{p}");
    assert_eq!(p["previous_gaps"][0]["kind"], "not-applicable");
    assert_eq!(p["re_review"], true);
    assert_eq!(by_id(&v["items"], "R-2")["review"]["change"], "unchanged");
    assert_eq!(v["review"]["gaps_changed"], 2);
    assert_eq!(v["review"]["unchanged"], 1);
    assert_eq!(v["review"]["re_review"], 2);

    // in words, in the workbook's change column (either language)
    let out = dir.path().join("gap.xlsx");
    report(&new)
        .arg("--review")
        .arg(&reviewed)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let (_, ranges) = sheets(&out);
    let gaps = &ranges[1];
    let header = row_texts(gaps, 0);
    let change = header.iter().position(|h| h == "前回からの変化").unwrap();
    let row = |id: &str| {
        (1..gaps.height())
            .find(|r| text(gaps, *r, 0) == id)
            .unwrap()
    };
    assert_eq!(
        text(gaps, row("R-1"), change),
        "不足等の変化 (不足: 9.2.4 → 9.2.2) — 要再レビュー"
    );
    assert_eq!(
        text(gaps, row("P-1"), change),
        "不足等の変化 (非該当: 11.1.1 (物理的セキュリティは利用するIaaS事業者が担う) → 11.1.1 (当社はデータを保存しないため)) — 要再レビュー"
    );
    let en = common::stdout_of(
        bin()
            .args([
                "report",
                "--as-of",
                "2026-04-01",
                "--format",
                "csv",
                "--checks",
            ])
            .arg(data("verdict_review7/checks.csv"))
            .arg("--csp")
            .arg(&new)
            .arg("--review")
            .arg(&reviewed),
    );
    assert!(
        en.contains("gaps changed (missing: 9.2.4 → 9.2.2) — re-review"),
        "{en}"
    );
}
