//! Verdicts an auditor would sign (`tests/data/verdicts/`), in every format that carries
//! them: what a list says of an objective kept apart (not listed, not implemented,
//! planned, excluded with or without a reason), an unresolved reference never "outside
//! ISMAP", a lapsed registration (own or inherited) never covered, an approximate NIST
//! mapping at most partial, an incomplete list warned about, the published facts shown.
mod common;

use std::path::{Path, PathBuf};

use calamine::Data;
use common::xlsx::{row_texts, sheets, text};
use common::{by_id, data, input_error, json_of, on_checks, stdout_of};
use serde_json::{json, Value};

fn verdicts(name: &str) -> PathBuf {
    data(&format!("verdicts/{name}"))
}

fn report(lang: &str, csp: &str, format: &str) -> assert_cmd::Command {
    let mut c = on_checks(lang, "report", verdicts("checks.csv"));
    c.arg("--csp").arg(verdicts(csp)).args(["--format", format]);
    c
}

fn json(csp: &str) -> Value {
    json_of(report("en", csp, "json"))
}

fn codes(item: &Value) -> Vec<&str> {
    item["additional_procedures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect()
}

/// CSV rows by id (the first column), with the header.
fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = r.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

fn csv_cell<'a>(header: &[String], rows: &'a [Vec<String>], id: &str, column: &str) -> &'a str {
    let c = header.iter().position(|h| h == column).unwrap();
    let row = rows.iter().find(|r| r[0] == id).unwrap();
    &row[c]
}

/// `report -o dir/gap.xlsx`, read back: (sheet names, ranges).
fn workbook(lang: &str, csp: &str, dir: &Path) -> (Vec<String>, Vec<calamine::Range<Data>>) {
    let path = dir.join("gap.xlsx");
    let mut c = on_checks(lang, "report", verdicts("checks.csv"));
    c.arg("--csp").arg(verdicts(csp)).arg("-o").arg(&path);
    stdout_of(c);
    sheets(&path)
}

/// The gap-sheet row of `id`.
fn sheet_row(range: &calamine::Range<Data>, id: &str) -> Vec<String> {
    (1..range.height())
        .map(|r| row_texts(range, r))
        .find(|r| r[0] == id)
        .unwrap_or_else(|| panic!("no row {id}"))
}

#[test]
fn statement_kinds_are_kept_apart_in_every_format() {
    // JSON: one reason, one procedure, one control state per kind; all not covered
    let v = json("status.csv");
    let items = &v["items"];
    for (id, reason, code, state) in [
        ("V02", "not-listed", "statement-request", "not-listed"),
        (
            "V04",
            "not-implemented",
            "remediation-plan",
            "not-implemented",
        ),
        ("V05", "planned", "planned-completion", "planned"),
        (
            "V03",
            "not-applicable",
            "exclusion-review",
            "not-applicable",
        ),
        (
            "V06",
            "not-applicable-without-reason",
            "exclusion-reason-request",
            "not-applicable",
        ),
    ] {
        let item = by_id(items, id);
        assert_eq!(item["status"], "not-covered", "{id}");
        assert!(
            item["reasons"].as_array().unwrap().contains(&json!(reason)),
            "{id}: {}",
            item["reasons"]
        );
        assert_eq!(codes(item), [code], "{id}");
        assert_eq!(item["controls"][0]["state"], state, "{id}");
    }
    assert_eq!(by_id(items, "V02")["not_listed"], json!(["9.2.5"]));
    assert_eq!(by_id(items, "V04")["not_implemented"], json!(["9.4.3"]));
    assert_eq!(by_id(items, "V05")["planned"], json!(["9.4.4"]));
    assert_eq!(by_id(items, "V04")["not_listed"], json!([]));
    assert_eq!(
        by_id(items, "V03")["not_applicable"],
        json!([{"id": "9.4.2", "reason": "ログイン機能を提供しない"}])
    );
    let objectives = &v["objectives"];
    assert_eq!(by_id(objectives, "9.4.3")["state"], "not-implemented");
    assert_eq!(by_id(objectives, "9.4.4")["state"], "planned");
    assert_eq!(by_id(objectives, "9.2.5")["state"], "not-listed");

    // CSV: the missing column says which kind, the reasons column the codes
    let (h, rows) = csv_rows(&stdout_of(report("en", "status.csv", "csv")));
    let missing = "missing (not listed / not implemented / planned)";
    assert_eq!(csv_cell(&h, &rows, "V02", missing), "9.2.5 (not listed)");
    assert_eq!(
        csv_cell(&h, &rows, "V04", missing),
        "9.4.3 (not implemented)"
    );
    assert_eq!(csv_cell(&h, &rows, "V05", missing), "9.4.4 (planned)");
    assert_eq!(
        csv_cell(&h, &rows, "V06", "not applicable (reason)"),
        "9.4.1 (no reason given)"
    );
    assert_eq!(
        csv_cell(&h, &rows, "V06", "reasons"),
        "not-applicable-without-reason"
    );
    assert_eq!(rows.len(), 11, "one row per item, no warning rows");

    // table and Markdown, both languages
    let table = stdout_of(report("en", "status.csv", "table"));
    for gap in [
        "not listed: 9.2.5",
        "not implemented: 9.4.3",
        "planned: 9.4.4",
        "N/A (no reason): 9.4.1",
        "N/A: 9.4.2",
    ] {
        assert!(table.contains(gap), "{gap}\n{table}");
    }
    let md = stdout_of(report("en", "status.csv", "md"));
    assert!(md.contains("not implemented: 9.4.3"), "{md}");
    assert!(md.contains("not listed: 9.2.5"), "{md}");
    let ja = stdout_of(report("ja", "status.csv", "table"));
    for gap in [
        "記載なし: 9.2.5",
        "未実施: 9.4.3",
        "計画中: 9.4.4",
        "非該当(理由なし): 9.4.1",
    ] {
        assert!(ja.contains(gap), "{gap}\n{ja}");
    }

    // xlsx: the gap sheet and the objectives sheet agree
    let dir = tempfile::tempdir().unwrap();
    let (names, ranges) = workbook("ja", "status.csv", dir.path());
    assert_eq!(names[1], "ギャップ");
    assert_eq!(sheet_row(&ranges[1], "V02")[7], "9.2.5 (記載なし)");
    assert_eq!(sheet_row(&ranges[1], "V04")[7], "9.4.3 (未実施)");
    assert_eq!(sheet_row(&ranges[1], "V05")[7], "9.4.4 (計画中)");
    let objectives = &ranges[2];
    let state = |id: &str| {
        (1..objectives.height())
            .find(|r| text(objectives, *r, 0) == id)
            .map(|r| text(objectives, r, 3))
            .unwrap()
    };
    assert_eq!(state("9.2.5"), "記載なし");
    assert_eq!(state("9.4.3"), "未実施");
    assert_eq!(state("9.4.4"), "計画中");
}

#[test]
fn an_unresolved_reference_is_not_analysed_never_outside_ismap() {
    let v = json("status.csv");
    let v08 = by_id(&v["items"], "V08");
    assert_eq!(v08["status"], "not-analysed");
    assert_eq!(v08["reasons"], json!(["unresolved-reference"]));
    assert_eq!(codes(v08), ["fix-reference"]);
    assert!(!v08["unresolved"][0]["suggestions"]
        .as_array()
        .unwrap()
        .is_empty());
    assert_eq!(
        v["summary"]["outside_ismap"], 2,
        "only the items with no reference"
    );
    let (h, rows) = csv_rows(&stdout_of(report("en", "status.csv", "csv")));
    assert_eq!(csv_cell(&h, &rows, "V08", "status"), "not-analysed");
    assert_eq!(csv_cell(&h, &rows, "V09", "status"), "outside-ismap");
    let table = stdout_of(report("ja", "status.csv", "table"));
    let line = table.lines().find(|l| l.starts_with("│ V08")).unwrap();
    assert!(line.contains("判定不能"), "{line}");
    let md = stdout_of(report("en", "status.csv", "md"));
    let line = md.lines().find(|l| l.starts_with("| V08")).unwrap();
    assert!(line.contains("not-analysed"), "{line}");
}

#[test]
fn an_incomplete_list_is_warned_about_where_warnings_go() {
    let out = report("en", "status.csv", "json").output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("warning: The CSP list looks incomplete: it states 5 of the 147 mandatory objectives; no governance objective (3); no management objective (4)"),
        "{stderr}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["csp"]["list"]["stated_objectives"], 5);
    assert_eq!(v["csp"]["list"]["too_few"], true);
    assert!(v["csp"]["list"]["missing_clauses"]
        .as_array()
        .unwrap()
        .contains(&json!("11")));
    assert!(by_id(&v["items"], "V11")["reasons"]
        .as_array()
        .unwrap()
        .contains(&json!("list-incomplete")));
    let table = stdout_of(report("en", "status.csv", "table"));
    assert!(
        table.contains("WARNING: The CSP list looks incomplete"),
        "{table}"
    );
    assert!(table.contains("(the list may be incomplete)"), "{table}");
    let (h, rows) = csv_rows(&stdout_of(report("en", "status.csv", "csv")));
    assert_eq!(
        csv_cell(&h, &rows, "V11", "reasons"),
        "not-listed, list-incomplete"
    );
    let dir = tempfile::tempdir().unwrap();
    let (_, ranges) = workbook("en", "status.csv", dir.path());
    let summary = &ranges[0];
    assert!(
        (0..summary.height()).any(|r| text(summary, r, 0) == "Warning"
            && text(summary, r, 1).starts_with("The CSP list looks incomplete"))
    );
}

#[test]
fn a_lapsed_registration_covers_nothing_in_every_format() {
    let v = json("lapsed.yaml");
    assert_eq!(v["summary"]["covered"], 0);
    assert_eq!(v["csp"]["registration"], "lapsed");
    let v01 = by_id(&v["items"], "V01");
    assert_eq!(v01["status"], "assurance-gap");
    assert_eq!(
        v01["reasons"],
        json!(["registration-lapsed", "audit-period-old"])
    );
    assert_eq!(codes(v01), ["registry-check", "latest-audit"]);
    assert!(v01["additional_procedures"][0]["text"]
        .as_str()
        .unwrap()
        .contains("Lapsed SaaS is past its renewal deadline"));
    assert_eq!(v["warnings"][0]["code"], "registration-lapsed");

    let (h, rows) = csv_rows(&stdout_of(report("en", "lapsed.yaml", "csv")));
    assert_eq!(csv_cell(&h, &rows, "V01", "status"), "assurance-gap");
    assert_eq!(
        csv_cell(&h, &rows, "V01", "reasons"),
        "registration-lapsed, audit-period-old"
    );
    let table = stdout_of(report("en", "lapsed.yaml", "table"));
    assert!(
        table.contains("[renewal deadline 2025-03-31: lapsed]"),
        "{table}"
    );
    assert!(table.contains("WARNING: The registration is past its renewal deadline 2025-03-31"));
    assert!(
        table.contains("registration lapsed: Lapsed SaaS"),
        "{table}"
    );
    assert!(!table.lines().any(|l| l.contains("┆ covered ")), "{table}");
    let md = stdout_of(report("ja", "lapsed.yaml", "md"));
    assert!(md.contains("登録失効: Lapsed SaaS"), "{md}");
    let dir = tempfile::tempdir().unwrap();
    let (_, ranges) = workbook("ja", "lapsed.yaml", dir.path());
    assert_eq!(sheet_row(&ranges[1], "V01")[3], "保証水準不足");
    let summary = &ranges[0];
    let fact = |label: &str| {
        (0..summary.height())
            .find(|r| text(summary, *r, 0) == label)
            .map(|r| text(summary, r, 1))
            .unwrap()
    };
    assert_eq!(fact("登録の有効性"), "失効");
}

#[test]
fn objectives_inherited_from_a_lapsed_service_are_not_covered() {
    let v = json("saas-on-lapsed.yaml");
    // its own statement still covers what it implements itself
    assert_eq!(by_id(&v["items"], "V01")["status"], "covered");
    let v11 = by_id(&v["items"], "V11");
    assert_eq!(v11["status"], "assurance-gap");
    assert_eq!(v11["reasons"], json!(["registration-lapsed"]));
    assert_eq!(v11["registration_lapsed"], json!(["Lapsed IaaS"]));
    assert_eq!(v11["controls"][0]["inherited_from"], "Lapsed IaaS");
    assert!(v11["additional_procedures"][0]["text"]
        .as_str()
        .unwrap()
        .contains("The registration of Lapsed IaaS"));
    let w = &v["warnings"][0];
    assert_eq!(w["code"], "registration-lapsed");
    assert!(w["message"]
        .as_str()
        .unwrap()
        .contains("of the underlying service Lapsed IaaS"));
    assert_eq!(v["csp"]["registration"], "valid");
}

#[test]
fn nist_enhancements_are_at_most_partial() {
    // AC-2(1) is not in NIST's table: through AC-2, approximately
    let v07 = by_id(&json("status.csv")["items"], "V07").clone();
    assert_eq!(v07["status"], "partial");
    assert_eq!(v07["nist_approximate"], json!(["AC-2(1) → AC-2"]));
    assert!(codes(&v07).contains(&"mapping-review"));
    // even where every candidate is implemented
    let all = tempfile::tempdir().unwrap();
    let profile = all.path().join("all.yaml");
    std::fs::write(
        &profile,
        "name: All\nimplemented: [9.2.1, 9.2.2, 9.2.3, 9.2.4, 9.2.5, 9.2.6, 9.4.1]\n",
    )
    .unwrap();
    let mut c = on_checks("en", "report", verdicts("checks.csv"));
    c.arg("--csp").arg(&profile).args(["--format", "csv"]);
    let (h, rows) = csv_rows(&stdout_of(c));
    assert_eq!(csv_cell(&h, &rows, "V07", "status"), "partial");
    assert!(csv_cell(&h, &rows, "V07", "reasons").contains("nist-approximate"));
    assert_eq!(csv_cell(&h, &rows, "V01", "status"), "covered");
}

#[test]
fn published_facts_design_only_and_topic_procedures() {
    let v = json("valid.yaml");
    let csp = &v["csp"];
    assert_eq!(csp["registration_kind"], "ismap-liu");
    assert_eq!(csp["registration"], "valid");
    assert_eq!(csp["governing_law"], "日本法");
    assert_eq!(csp["jurisdiction"], "東京地方裁判所");
    assert_eq!(csp["improvement_plan"], "yes");
    let warnings: Vec<&str> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    for code in [
        "design-only",
        "ismap-liu",
        "subsequent-events",
        "improvement-plan",
    ] {
        assert!(warnings.contains(&code), "{code}: {warnings:?}");
    }
    // a one-day audit period leaves the item covered, with a note
    let v01 = by_id(&v["items"], "V01");
    assert_eq!(v01["status"], "covered");
    assert_eq!(v01["reasons"], json!(["design-only"]));
    assert_eq!(codes(v01), ["design-only"]);
    // outside ISMAP, by topic, naming what the profile publishes
    let v09 = by_id(&v["items"], "V09");
    assert_eq!(codes(v09), ["own-check-data-location"]);
    assert!(v09["additional_procedures"][0]["text"]
        .as_str()
        .unwrap()
        .contains("(Valid SaaS (Tokyo region))"));
    let ja = json_of(report("ja", "valid.yaml", "json"));
    let v10 = by_id(&ja["items"], "V10");
    assert_eq!(codes(v10), ["own-check-governing-law"]);
    assert!(v10["additional_procedures"][0]["text"]
        .as_str()
        .unwrap()
        .contains("（準拠法: 日本法、裁判管轄: 東京地方裁判所）"));
    let table = stdout_of(report("ja", "valid.yaml", "table"));
    assert!(table.contains("[ISMAP-LIU]"), "{table}");
    assert!(
        table.contains("準拠法: 日本法 / 裁判管轄: 東京地方裁判所"),
        "{table}"
    );
    assert!(table.contains("後発事象: 2025-11: a change of data centre operator"));
    assert!(table.contains("充足 = ISMAPの結果で自組織の確認を代替できる可能性がある"));
    let dir = tempfile::tempdir().unwrap();
    let (_, ranges) = workbook("en", "valid.yaml", dir.path());
    let summary = &ranges[0];
    let fact = |label: &str| {
        (0..summary.height())
            .find(|r| text(summary, *r, 0) == label)
            .map(|r| text(summary, r, 1))
            .unwrap()
    };
    assert_eq!(fact("Registration kind"), "ISMAP-LIU");
    assert_eq!(fact("Governing law"), "日本法");
    assert_eq!(fact("Jurisdiction"), "東京地方裁判所");
    assert_eq!(fact("Improvement plan"), "yes");
    assert!(fact("Covered means").contains("the decision stays with you"));
}

#[test]
fn profile_fields_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    for (body, wanted) in [
        (
            "name: X\nregistration_kind: fedramp\nimplemented: [9.2.1]\n",
            "column 'registration_kind': unknown registration kind 'fedramp' (hint: write `ismap` or `ismap-liu`)",
        ),
        (
            "name: X\ngoverning_laws: Japan\nimplemented: [9.2.1]\n",
            "unknown field `governing_laws`",
        ),
    ] {
        let p = dir.path().join("p.yaml");
        std::fs::write(&p, body).unwrap();
        let mut c = on_checks("en", "report", verdicts("checks.csv"));
        c.arg("--csp").arg(&p);
        let err = input_error(c);
        assert!(err.contains(wanted), "{err}");
    }
}

#[test]
fn compare_ranks_a_lapsed_csp_last_and_shows_every_warning() {
    let cmd = |format: &str| {
        let mut c = on_checks("en", "compare", verdicts("checks.csv"));
        for f in ["lapsed.yaml", "valid.yaml"] {
            c.arg("--csp").arg(verdicts(f));
        }
        c.args(["--format", format]);
        c
    };
    // the lapsed one implements more, but covers nothing and ranks last
    let v = json_of(cmd("json"));
    let csps = v["csps"].as_array().unwrap();
    assert_eq!(csps[0]["name"], "Valid SaaS");
    assert_eq!(csps[1]["name"], "Lapsed SaaS");
    assert_eq!(csps[1]["rank"], 2);
    assert_eq!(csps[1]["registration"], "lapsed");
    assert_eq!(csps[1]["counts"]["covered"], 0);
    let codes = |c: &Value| -> Vec<String> {
        c["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["code"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(codes(&csps[1])[0], "registration-lapsed");
    assert!(codes(&csps[0]).contains(&"design-only".to_owned()));
    assert_eq!(
        by_id(&v["items"], "V01")["statuses"]["Lapsed SaaS"],
        "assurance-gap"
    );
    assert_eq!(
        by_id(&v["items"], "V01")["statuses"]["Valid SaaS"],
        "covered"
    );

    let table = stdout_of(cmd("table"));
    assert!(
        table.contains("WARNING: Lapsed SaaS: The registration is past its renewal deadline"),
        "{table}"
    );
    assert!(table.contains("WARNING: Valid SaaS: The audit period is one day"));
    let row = table.lines().find(|l| l.starts_with("│ 2 ")).unwrap();
    assert!(row.contains("Lapsed SaaS"), "{row}");
    assert!(row.contains("lapsed"), "{row}");
    let md = stdout_of(cmd("md"));
    assert!(
        md.contains("- WARNING: Lapsed SaaS: The registration is past"),
        "{md}"
    );
    assert!(md.contains("| 2 | Lapsed SaaS |"), "{md}");
    let (h, rows) = csv_rows(&stdout_of(cmd("csv")));
    assert_eq!(h[2], "Valid SaaS");
    assert_eq!(rows[0][0], "warnings");
    assert!(rows[0][3].starts_with("The registration is past its renewal deadline"));
    assert!(rows[0][2].contains("The audit period is one day"));
    assert_eq!(rows.len(), 12, "the warnings row, then one row per item");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cmp.xlsx");
    let mut c = cmd("xlsx");
    c.arg("-o").arg(&path);
    stdout_of(c);
    let (_, ranges) = sheets(&path);
    let summary = &ranges[0];
    let warnings: Vec<String> = (0..summary.height())
        .filter(|r| text(summary, *r, 0) == "Warning")
        .map(|r| text(summary, r, 1))
        .collect();
    assert!(warnings[0].starts_with("Valid SaaS: "), "{warnings:?}");
    assert!(warnings
        .iter()
        .any(|w| w.starts_with("Lapsed SaaS: The registration is past")));
    let header = (0..summary.height())
        .find(|r| text(summary, *r, 0) == "rank")
        .unwrap();
    assert_eq!(text(summary, header + 2, 1), "Lapsed SaaS");
    assert_eq!(text(summary, header + 2, 10), "lapsed");
    assert_eq!(text(summary, header + 1, 10), "valid");
}
