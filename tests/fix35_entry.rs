//! Session 15 (fix35-entry): review 23's over-refusals of ordinary CSP list shapes — without
//! any new credit. A per-region / per-edition status column read by `--status-column` (C-2,
//! D-4); harmless labelled lines in a pasted entry (C-4); registry facts above a status
//! table (C-6); a renewal applied for past the deadline (C-7); ordinary date spellings
//! (C-8); `OK`/`NG` under a status header (C-12) — each with the neighbour still refused.
mod common;

use std::path::{Path, PathBuf};

use common::{bin, by_id, input_error, json_of};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fix35-entry")
        .join(name)
}

/// `report --format json` of `checks-3items.csv` (items 1 → 9.2.1, 2 → 9.2.3, 3 → 10.1.2,
/// all `ISMAP`) on the CSP list `csp`, as of `as_of`, with `extra` arguments.
fn report(csp: &Path, as_of: &str, extra: &[&str]) -> assert_cmd::Command {
    let mut c = bin();
    c.args(["--lang", "en", "report", "--as-of", as_of, "--checks"])
        .arg(fixture("checks-3items.csv"))
        .arg("--csp")
        .arg(csp)
        .args(["--format", "json"])
        .args(extra);
    c
}

/// `page2.txt` (a valid pasted entry: ISMAP, deadline 令和9年3月31日, audit 2025-04-01 –
/// 2026-03-31, 8 objectives incl. 9.2.1 and 9.2.3) with its line starting with `label`
/// replaced by `line` (or, when no line starts so, `line` inserted after line `after`),
/// written to `dir`.
fn page_with(dir: &Path, name: &str, label: &str, line: &str, after: usize) -> PathBuf {
    let page = std::fs::read_to_string(fixture("page2.txt")).unwrap();
    let mut lines: Vec<String> = page.lines().map(str::to_owned).collect();
    match lines
        .iter()
        .position(|l| !label.is_empty() && l.starts_with(label))
    {
        Some(i) => lines[i] = line.to_owned(),
        None => lines.insert(after, line.to_owned()),
    }
    let path = dir.join(name);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

/// The status of item `id` of a report.
fn status(v: &serde_json::Value, id: &str) -> String {
    by_id(&v["items"], id)["status"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// C-8: `2027年3月末日`, `2027年3月末`, `…まで` are the deadline's day; a period of months
/// runs from the 1st to the last day; a restated length is checked; `基準日` is a one-day
/// (design-only) audit as `…時点` is. `（予定）`, `（更新中）` and a length that is not the
/// period's are still refused.
#[test]
fn c8_ordinary_date_spellings_read() {
    let dir = tempfile::tempdir().unwrap();
    for (i, value) in [
        "2027年3月末日",
        "2027年3月末",
        "2027年3月31日まで",
        "2027/3/31まで",
        "令和9年3月末日",
    ]
    .iter()
    .enumerate()
    {
        let line = format!("登録の更新期限\t{value}");
        let csp = page_with(dir.path(), &format!("d{i}.txt"), "登録の更新期限", &line, 0);
        let v = json_of(report(&csp, "2026-12-01", &[]));
        assert_eq!(v["csp"]["renewal_deadline"], "2027-03-31", "{value}");
        assert_eq!(v["csp"]["registration"], "valid", "{value}");
        assert_eq!(status(&v, "1"), "covered", "{value}");
    }
    for (i, (value, from, to)) in [
        ("2025年4月～2026年3月", "2025-04-01", "2026-03-31"),
        (
            "2025年4月1日 ～ 2026年3月31日（12か月）",
            "2025-04-01",
            "2026-03-31",
        ),
        ("基準日 2025年3月31日", "2025-03-31", "2025-03-31"),
        ("2025年3月31日（基準日）", "2025-03-31", "2025-03-31"),
        ("2025年3月31日時点", "2025-03-31", "2025-03-31"),
    ]
    .iter()
    .enumerate()
    {
        let line = format!("監査対象期間\t{value}");
        let csp = page_with(dir.path(), &format!("p{i}.txt"), "監査対象期間", &line, 0);
        let v = json_of(report(&csp, "2026-12-01", &[]));
        assert_eq!(v["csp"]["audit_period"]["from"], *from, "{value}");
        assert_eq!(v["csp"]["audit_period"]["to"], *to, "{value}");
    }
    for (i, (label, value)) in [
        ("登録の更新期限", "2027年3月31日（予定）"),
        ("登録の更新期限", "2027年3月31日（更新中）"),
        ("登録の更新期限", "2027年3月末頃"),
        ("監査対象期間", "2025年4月1日 ～ 2026年3月31日（6か月）"),
        ("監査対象期間", "2025年4月1日 ～ 2026年3月31日（予定）"),
        ("監査対象期間", "2025年3月31日"),
    ]
    .iter()
    .enumerate()
    {
        let line = format!("{label}\t{value}");
        let csp = page_with(dir.path(), &format!("r{i}.txt"), label, &line, 0);
        let err = input_error(report(&csp, "2026-12-01", &[]));
        assert!(
            err.contains(&format!("after '{label}' is not")),
            "{value}: {err}"
        );
    }
}

/// C-4: a labelled line whose value cannot qualify anything (a corporate number, a bare
/// `なし`, the data centres' place, the service's kind or overview, a URL) is passed over
/// wherever it stands in the entry, and no longer merged into the value above it; a value
/// that excludes, limits or defers (`対象外`, `のみ`, `除く`, `予定`) or a label naming a
/// region is still refused.
#[test]
fn c4_harmless_entry_labels_pass_qualifiers_still_refuse() {
    let dir = tempfile::tempdir().unwrap();
    let harmless = [
        "法人番号\t1234567890123",
        "法人番号 1234567890123",
        "備考\tなし",
        "データセンターの所在地\t日本国内（東京、大阪）",
        "クラウドサービスの概要\t人事管理のためのSaaS",
        "クラウドサービスの種別\tSaaS",
        "サポート窓口\thttps://example.com/support",
    ];
    // after the title, after the provider's name (a text value), after the audit period
    for (i, line) in harmless.iter().enumerate() {
        for after in [1, 4, 13] {
            let csp = page_with(dir.path(), &format!("h{i}-{after}.txt"), "", line, after);
            let v = json_of(report(&csp, "2026-12-01", &[]));
            assert_eq!(status(&v, "1"), "covered", "{line} after line {after}");
            assert_eq!(
                v["csp"]["provider"], "サンプル株式会社",
                "{line} after {after}"
            );
        }
    }
    for (i, line) in [
        "備考\t大阪リージョンは対象外",
        "データセンターの所在地\t東京のみ",
        "クラウドサービスの概要\t管理コンソールを除く",
        "法人番号\t1234567890123（予定）",
        "大阪リージョン\tなし",
        "備考\tサービス内容は別紙参照",
    ]
    .iter()
    .enumerate()
    {
        for after in [1, 4, 13] {
            let csp = page_with(dir.path(), &format!("q{i}-{after}.txt"), "", line, after);
            input_error(report(&csp, "2026-12-01", &[]));
        }
    }
}

/// `report --format json` of `checks-parts.csv` (1 利用者登録 9.2.1; 2 大阪リージョンの特権管理
/// 9.2.3; 3 Standardプランの利用者登録 9.2.1; 4 東京リージョンの利用者登録 9.2.1; 5 鍵管理
/// 10.1.2; 6 特権管理 9.2.3) on `csp` (a fixture) with `extra` arguments.
fn parts_report(csp: &str, extra: &[&str]) -> assert_cmd::Command {
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "report",
        "--as-of",
        "2026-12-01",
        "--checks",
    ])
    .arg(fixture("checks-parts.csv"))
    .arg("--csp")
    .arg(fixture(csp))
    .args(extra);
    if !extra.contains(&"--format") {
        c.args(["--format", "json"]);
    }
    c
}

/// The reasons of item `id` of a report.
fn reasons(v: &serde_json::Value, id: &str) -> Vec<String> {
    by_id(&v["items"], id)["reasons"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|r| r.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// C-2 / D-4: one status column per region (`東京リージョン | 大阪リージョン`) or edition
/// (`Standard | Enterprise`). Without `--status-column` the refusal's hint says what to do;
/// with it, that part's column is read, the others are not (no refusal per row), the
/// statement's scope is that part (an item naming another part: outside-statement-scope,
/// never covered), and nothing is credited from the other part's column.
#[test]
fn c2_one_status_column_per_region_or_edition_reads_the_part_named() {
    for file in ["C2-region-cols.csv", "C2-edition-cols.csv"] {
        let err = input_error(parts_report(file, &[]));
        assert!(err.contains("more than one status column"), "{err}");
        assert!(
            err.contains("one status column per region or edition"),
            "{err}"
        );
        assert!(err.contains("--status-column NAME"), "{err}");
    }
    // Tokyo: every row 実施; Osaka 実施 / 未実施 / 計画中
    let v = json_of(parts_report(
        "C2-region-cols.csv",
        &["--status-column", "東京リージョン"],
    ));
    let part = &v["csp"]["read_as"]["parts"][0];
    assert_eq!(part["status_column"], "東京リージョン");
    assert_eq!(part["other_parts"], serde_json::json!(["大阪リージョン"]));
    assert_eq!(status(&v, "1"), "covered");
    assert_eq!(status(&v, "6"), "covered");
    assert_eq!(status(&v, "2"), "partial");
    assert!(reasons(&v, "2").contains(&"outside-statement-scope".to_owned()));
    // Osaka read: what Osaka states, nothing of Tokyo's
    let v = json_of(parts_report(
        "C2-region-cols.csv",
        &["--status-column", "大阪リージョン"],
    ));
    assert_eq!(status(&v, "1"), "covered");
    assert_eq!(status(&v, "6"), "not-covered");
    assert_eq!(status(&v, "5"), "not-covered");
    assert_eq!(status(&v, "4"), "partial");
    assert!(reasons(&v, "4").contains(&"outside-statement-scope".to_owned()));
    // the text report says which part was read
    let out = common::stdout_of(parts_report(
        "C2-region-cols.csv",
        &["--status-column", "東京リージョン", "--format", "table"],
    ));
    assert!(
        out.contains("items are judged for 東京リージョン only"),
        "{out}"
    );
    // editions: Enterprise read; an item naming Standard is outside the statement read
    let v = json_of(parts_report(
        "C2-edition-cols.csv",
        &["--status-column", "Enterprise"],
    ));
    assert_eq!(
        v["csp"]["read_as"]["parts"][0]["other_parts"],
        serde_json::json!(["Standard"])
    );
    assert_eq!(status(&v, "6"), "covered");
    assert_eq!(status(&v, "3"), "partial");
    assert!(reasons(&v, "3").contains(&"outside-statement-scope".to_owned()));
    // D-4: a status column beside a column naming one region: the header names the part,
    // and the row is still refused (nothing read from the part's column as the whole's)
    let err = input_error(parts_report(
        "D4-status-and-region.csv",
        &["--status-column", "実施状況"],
    ));
    assert!(
        err.contains("states the control's status for the part of the service its header names"),
        "{err}"
    );
    assert!(
        !err.contains("names a part of the service under a header"),
        "{err}"
    );
}

/// C-6: the list entry's fields above a status table's header (`有効期限：…`, `監査対象期間:
/// …`, also in cells of their own) are read by the pasted entry's reader: a valid deadline
/// reads, a lapsed one makes the items `assurance-gap` (registration-lapsed). A deadline
/// that is no date (`（予定）`) and a fact under a label the entry does not use are still
/// refused; a scope naming a part is read (review 25 C-3).
#[test]
fn c6_registry_facts_above_a_status_table_are_read() {
    let v = json_of(report(&fixture("C6-facts-above.csv"), "2026-12-01", &[]));
    assert_eq!(v["csp"]["renewal_deadline"], "2027-03-31");
    assert_eq!(v["csp"]["registration"], "valid");
    assert_eq!(v["csp"]["audit_period"]["from"], "2025-04-01");
    assert_eq!(status(&v, "1"), "covered");
    let v = json_of(report(
        &fixture("C6-facts-above-lapsed.csv"),
        "2026-12-01",
        &[],
    ));
    assert_eq!(v["csp"]["renewal_deadline"], "2026-03-31");
    assert_eq!(v["csp"]["registration"], "lapsed");
    assert_eq!(status(&v, "1"), "assurance-gap");
    assert!(by_id(&v["items"], "1")["reasons"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("registration-lapsed")));
    let v = json_of(report(
        &fixture("C6-facts-above-cells.csv"),
        "2026-12-01",
        &[],
    ));
    assert_eq!(v["csp"]["registered"], "2024-03-01");
    assert_eq!(v["csp"]["renewal_deadline"], "2027-03-31");
    assert_eq!(status(&v, "2"), "covered");
    // a scope naming a part above the table is read as the pasted entry's scope (review 25
    // C-3, s17-csp: its refusal left no way to read such a table)
    let v = json_of(report(&fixture("C6-scope-above.csv"), "2026-12-01", &[]));
    assert_eq!(v["csp"]["scope"][0], "東京リージョンのみ");
    assert_eq!(status(&v, "1"), "covered");
    for (file, says) in [
        (
            "C6-deadline-planned.csv",
            "above the table's header is a fact of the ISMAP list entry",
        ),
        (
            "C6-unknown-label-above.csv",
            "above the table's header is a fact of the ISMAP list entry",
        ),
    ] {
        let err = input_error(report(&fixture(file), "2026-12-01", &[]));
        assert!(err.contains(says), "{file}: {err}");
    }
}

/// C-12 rest: under a status header `OK` is implemented and `NG` not implemented (`対応`,
/// `準拠`, `実施している`, `Effective`, `実施済（全リージョン）` read since session 14); under an
/// audit's result `NG` is still a finding that refuses the row.
#[test]
fn c12_ok_and_ng_under_a_status_header() {
    let v = json_of(report(&fixture("C12-ok-ng.csv"), "2026-12-01", &[]));
    assert_eq!(status(&v, "1"), "covered");
    assert_eq!(status(&v, "2"), "not-covered");
    assert!(by_id(&v["items"], "2")["reasons"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("not-implemented")));
    let err = input_error(report(&fixture("C12-audit-ok-ng.csv"), "2026-12-01", &[]));
    assert!(err.contains("row 4"), "{err}");
    assert!(err.contains("'NG'"), "{err}");
}

/// C-7: past its renewal deadline, a registration whose renewal is applied for (`※ 登録の
/// 更新を申請中（ISMAP基本規程3.5により引き続き有効）`, `状態 更新申請中`, also above a status
/// table) is its own state, `renewal-pending`: never a refusal, never called lapsed, never
/// covered — the items resting on it are `assurance-gap` with the procedure to confirm the
/// renewal on the portal. Before the deadline the words stay refused, as before; a renewal
/// only planned, or a lapse, is still refused.
#[test]
fn c7_a_renewal_applied_for_past_the_deadline_is_pending() {
    let as_format = |csp: &str, as_of: &str, format: &str| {
        let mut c = bin();
        c.args(["--lang", "en", "report", "--as-of", as_of, "--checks"])
            .arg(fixture("checks-c01-c02.csv"))
            .arg("--csp")
            .arg(fixture(csp))
            .args(["--format", format]);
        c
    };
    let on = |csp: &str, as_of: &str| as_format(csp, as_of, "json");
    for csp in ["C7-renewal-pending.txt", "C7-renewal-pending-state.txt"] {
        let v = json_of(on(csp, "2026-06-01"));
        assert_eq!(v["csp"]["registration"], "renewal-pending", "{csp}");
        let item = by_id(&v["items"], "C-01");
        assert_eq!(item["status"], "assurance-gap", "{csp}");
        assert_eq!(
            item["reasons"],
            serde_json::json!(["registration-renewal-pending"])
        );
        assert_eq!(item["registration_lapsed"], serde_json::json!([]), "{csp}");
        let procedures = item["additional_procedures"].to_string();
        assert!(
            procedures.contains("registry-check-renewal"),
            "{procedures}"
        );
        assert!(procedures.contains("ISMAP portal"), "{procedures}");
        let warnings = v["warnings"].to_string();
        assert!(
            warnings.contains("registration-renewal-pending"),
            "{warnings}"
        );
        assert!(!warnings.contains("registration-lapsed"), "{warnings}");
    }
    // the text report never calls it lapsed
    let out = common::stdout_of(as_format("C7-renewal-pending.txt", "2026-06-01", "csv"));
    assert!(out.contains("assurance-gap (renewal pending)"), "{out}");
    assert!(!out.contains("lapsed"), "{out}");
    // above a status table too
    let v = json_of(on("C7-table-renewal-pending.csv", "2026-06-01"));
    assert_eq!(v["csp"]["registration"], "renewal-pending");
    assert_eq!(by_id(&v["items"], "C-01")["status"], "assurance-gap");
    // before the deadline the words are refused, as any state in words is (what they say
    // of a registration in effect cannot be told)
    input_error(on("C7-renewal-pending.txt", "2026-03-01"));
    // a renewal only planned, a lapse said with it: never pending — refused, or lapsed
    for csp in ["C7-renewal-planned.txt", "C7-lapsed-and-pending.txt"] {
        let out = on(csp, "2026-06-01").output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(!stdout.contains("renewal-pending"), "{csp}: {stdout}");
        match out.status.code() {
            Some(2) => {}
            _ => {
                let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
                assert_eq!(v["csp"]["registration"], "lapsed", "{csp}");
                assert_ne!(by_id(&v["items"], "C-01")["status"], "covered", "{csp}");
            }
        }
    }
}

/// fix32-sheets leftover (review 23 C-14 in a table): above an ISMAP-LIU status table, a note
/// that the list rests on the internal audit (`本一覧は内部監査結果に基づく`) is LIU's ordinary
/// basis and reads (the items then carry the `ismap-liu` reason); above an ISMAP table it is
/// still refused as the provider's own assessment.
#[test]
fn an_internal_audit_note_above_an_liu_table_reads() {
    for file in [
        "S7-liu-internal-audit.csv",
        "S7-liu-title-internal-audit.csv",
    ] {
        let v = json_of(report(&fixture(file), "2026-12-01", &[]));
        assert_eq!(v["csp"]["registration_kind"], "ismap-liu", "{file}");
        assert_ne!(status(&v, "1"), "covered", "{file}");
        assert!(reasons(&v, "1").contains(&"ismap-liu".to_owned()), "{file}");
    }
    let err = input_error(report(
        &fixture("S7-ismap-internal-audit.csv"),
        "2026-12-01",
        &[],
    ));
    assert!(err.contains("内部監査"), "{err}");
}
