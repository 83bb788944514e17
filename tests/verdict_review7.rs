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

fn readiness(lang: &str, list: &Path, format: &str) -> String {
    common::stdout_of(
        bin()
            .args([
                "--lang",
                lang,
                "readiness",
                "--as-of",
                "2026-04-01",
                "--format",
                format,
            ])
            .args(["--implemented"])
            .arg(list),
    )
}

/// The CSV rows of `text` (BOM aside), by header.
fn csv_rows(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut rd = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers: Vec<String> = rd.headers().unwrap().iter().map(str::to_owned).collect();
    rd.records()
        .map(|r| {
            headers
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

/// The statement of applicability gives every row its state, also one that is its
/// objective's (`3.1.2.1 implemented, stated as 3.1.2`): its rows add up to the summary
/// (B-rd-1); and `report`'s objectives sheet says where such a state comes from.
#[test]
fn every_row_of_the_statement_has_its_state_and_the_rows_add_up() {
    let soa = common::example("soa.xlsx");
    let v: serde_json::Value = serde_json::from_str(&readiness("en", &soa, "json")).unwrap();
    let implemented = v["summary"]["implemented"].as_u64().unwrap() as usize;
    for lang in ["en", "ja"] {
        let rows = csv_rows(&readiness(lang, &soa, "csv"));
        let (status, required, stated_by) = if lang == "en" {
            ("status", "required", "stated by")
        } else {
            ("実施状況", "必須", "記載元")
        };
        let mandatory_implemented = rows
            .iter()
            .filter(|r| r[required] == if lang == "en" { "mandatory" } else { "必須" })
            .filter(|r| {
                r[status]
                    == if lang == "en" {
                        "implemented"
                    } else {
                        "実施"
                    }
            })
            .count();
        assert_eq!(mandatory_implemented, implemented, "{lang}");
        let r = rows
            .iter()
            .find(|r| {
                r[if lang == "en" {
                    "id"
                } else {
                    "管理策番号"
                }] == "3.1.2.1"
            })
            .unwrap();
        if lang == "en" {
            assert_eq!(
                (&*r[status], &*r[stated_by]),
                ("implemented", "stated as 3.1.2")
            );
        } else {
            assert_eq!(
                (&*r[status], &*r[stated_by]),
                ("実施", "3.1.2 の記載による")
            );
        }
    }

    // report's objectives sheet: the same state, with where it comes from
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gap.xlsx");
    bin()
        .args([
            "--lang",
            "ja",
            "report",
            "--as-of",
            "2026-04-01",
            "--checks",
        ])
        .arg(common::example("checks.csv"))
        .arg("--csp")
        .arg(&soa)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let (names, ranges) = sheets(&out);
    let objectives = &ranges[names.iter().position(|n| n == "管理策").unwrap_or(2)];
    let header = row_texts(objectives, 0);
    let col = |h: &str| header.iter().position(|x| x == h).unwrap();
    let r = (1..objectives.height())
        .find(|r| text(objectives, *r, 0) == "3.1.2.1")
        .unwrap();
    assert_eq!(text(objectives, r, col("CSPの記載")), "実施");
    assert_eq!(text(objectives, r, col("記載元")), "3.1.2 の記載による");
}

/// A mandatory objective the list does not name is 記載なし, never 未実施, in Japanese as in
/// JSON (B-rd-2): the count is 不足(記載なし・未実施), the finding of a row the list does not
/// state 記載なし(必須), of a row stated 未実施 未実施(必須).
#[test]
fn readiness_keeps_not_listed_apart_from_not_implemented() {
    let list = data("verdict_review7/status.csv");
    let v: serde_json::Value = serde_json::from_str(&readiness("en", &list, "json")).unwrap();
    let item = |id: &str| {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(item("9.2.4")["findings"], serde_json::json!(["missing"]));
    assert_eq!(
        item("12.4.2")["findings"],
        serde_json::json!(["not-listed"])
    );
    assert_eq!(item("12.4.2")["state"], "not-listed");
    // both are missing in the counts
    let missing = common::strings(&v["missing"]);
    assert!(
        missing.contains(&"9.2.4") && missing.contains(&"12.4.2"),
        "{missing:?}"
    );

    let md = readiness("ja", &list, "md");
    assert!(md.contains("不足(記載なし・未実施) "), "{md}");
    assert!(!md.contains(", 未実施 "), "{md}");
    let rows = csv_rows(&readiness("ja", &list, "csv"));
    let finding = |id: &str| rows.iter().find(|r| r["管理策番号"] == id).unwrap()["指摘"].clone();
    assert_eq!(finding("9.2.4"), "未実施(必須)");
    assert_eq!(finding("12.4.2"), "記載なし(必須)");
    let en = csv_rows(&readiness("en", &list, "csv"));
    let finding = |id: &str| en.iter().find(|r| r["id"] == id).unwrap()["findings"].clone();
    assert_eq!(finding("9.2.4"), "missing (mandatory)");
    assert_eq!(finding("12.4.2"), "not listed (mandatory)");
}

/// At any terminal width, the counts line breaks between its counts, never inside a
/// status label (`判定` ⏎ `不能`, D-tbl-2); readiness's counts likewise.
#[test]
fn the_counts_line_never_breaks_inside_a_label() {
    let dir = tempfile::tempdir().unwrap();
    let csp = profile(dir.path(), "p.yaml", "9.2.1, 9.2.2", "理由");
    for width in 40..=100 {
        let out = common::stdout_of(
            bin()
                .env("COLUMNS", width.to_string())
                .args([
                    "--lang",
                    "ja",
                    "report",
                    "--as-of",
                    "2026-04-01",
                    "--checks",
                ])
                .arg(data("verdict_review7/checks-all.csv"))
                .arg("--csp")
                .arg(&csp),
        );
        let counts: Vec<&str> = out
            .lines()
            .skip_while(|l| !l.starts_with("合計"))
            .take_while(|l| l.starts_with("合計") || l.starts_with("  "))
            .collect();
        let joined = counts.join("\n");
        for label in [
            "保証水準不足 0",
            "一部充足 1",
            "ISMAP対象外 0",
            "参照未記入 1",
            "判定不能 1",
            "充足率 25.0%",
        ] {
            assert!(
                counts.iter().any(|l| l.contains(label)),
                "{width}: {label}\n{joined}"
            );
        }
        let rd = common::stdout_of(
            bin()
                .env("COLUMNS", width.to_string())
                .args([
                    "--lang",
                    "ja",
                    "readiness",
                    "--as-of",
                    "2026-04-01",
                    "--implemented",
                ])
                .arg(data("verdict_review7/status.csv")),
        );
        assert!(
            rd.lines().any(|l| l.contains("不足(記載なし・未実施) ")),
            "{width}\n{rd}"
        );
    }
}

/// `compare` below 100 columns is compact (C-cmp-tbl-1): the ranking (rank, CSP, share
/// covered, registration, tier) and a matrix headed by rank, no CSP name, share or status
/// split over lines.
#[test]
fn compare_on_a_narrow_terminal_is_compact() {
    use unicode_width::UnicodeWidthStr;
    let dir = tempfile::tempdir().unwrap();
    let names = [
        "テストSaaS",
        "サンプルクラウドPro",
        "別のIaaSサービス",
        "四番目のCSP",
    ];
    let mut c = bin();
    c.env("COLUMNS", "80")
        .args([
            "--lang",
            "ja",
            "compare",
            "--as-of",
            "2026-04-01",
            "--checks",
        ])
        .arg(data("verdict_review7/checks-all.csv"));
    for (k, name) in names.iter().enumerate() {
        let path = dir.path().join(format!("p{k}.yaml"));
        let implemented = ["9.2.1, 9.2.2, 9.2.4", "9.2.1", "9.2.2", "9.2.4"][k];
        std::fs::write(
            &path,
            format!("name: {name}\nregistration_number: C99-000{k}-1\nregistration_kind: ismap\nregistered: 2024-03-01\nrenewal_deadline: 2027-03-31\nimplemented: [{implemented}]\n"),
        )
        .unwrap();
        c.arg("--csp").arg(path);
    }
    let out = common::stdout_of(c);
    for line in out.lines() {
        assert!(line.width() <= 80, "{line}\n{out}");
    }
    for name in names {
        assert!(
            out.lines().any(|l| l.contains(&format!("┆ {name} "))),
            "{name}\n{out}"
        );
    }
    assert!(out.contains("┆ 50.0%"), "{out}");
    assert!(out.contains("│ 項番 ┆ 1 "), "{out}");
    assert!(out.contains("狭い画面向けの表示です"), "{out}");
}
