//! Verdicts an auditor would sign (`tests/data/verdicts/`), in every format that carries
//! them: what a list says of an objective kept apart (not listed, not implemented,
//! planned, excluded with or without a reason), an unresolved reference never "outside
//! ISMAP", a lapsed registration (own or inherited) never covered, an approximate NIST
//! mapping at most partial, an incomplete list warned about, the published facts shown.
mod common;

use std::path::{Path, PathBuf};

use calamine::Data;
use common::xlsx::{row_texts, sheets, text};
use common::{bin, by_id, data, input_error, json_of, on_checks, stdout_of};
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
    workbook_on(lang, verdicts("checks.csv"), csp, dir)
}

/// [`workbook`] on another check list.
fn workbook_on(
    lang: &str,
    checks: PathBuf,
    csp: &str,
    dir: &Path,
) -> (Vec<String>, Vec<calamine::Range<Data>>) {
    let path = dir.join("gap.xlsx");
    let mut c = on_checks(lang, "report", checks);
    c.arg("--csp").arg(verdicts(csp)).arg("-o").arg(&path);
    stdout_of(c);
    sheets(&path)
}

/// `readiness --format json` on a list of `tests/data/verdicts/`.
fn readiness_json(lang: &str, list: &str) -> Value {
    let mut c = bin();
    c.args([
        "--lang",
        lang,
        "readiness",
        "--format",
        "json",
        "--implemented",
    ])
    .arg(verdicts(list));
    json_of(c)
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
    let table = stdout_of(report("en", "status.csv", "table").env("COLUMNS", "300"));
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
    // the cell says what the status rests on (review 12 B-9)
    assert_eq!(
        csv_cell(&h, &rows, "V01", "status"),
        "assurance-gap (lapsed)"
    );
    assert_eq!(
        csv_cell(&h, &rows, "V01", "reasons"),
        "registration-lapsed, audit-period-old"
    );
    let table = stdout_of(report("en", "lapsed.yaml", "table").env("COLUMNS", "300"));
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
    assert_eq!(sheet_row(&ranges[1], "V01")[3], "保証水準不足（失効）");
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
    assert_eq!(v11["reasons"], json!(["inherited", "registration-lapsed"]));
    assert_eq!(v11["registration_lapsed"], json!(["Lapsed IaaS"]));
    assert_eq!(v11["controls"][0]["inherited_from"], "Lapsed IaaS");
    assert!(v11["additional_procedures"][0]["text"]
        .as_str()
        .unwrap()
        .contains("The registration of Lapsed IaaS"));
    // the SaaS states no audit period of its own: audit-period-not-given comes first
    let w = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "registration-lapsed")
        .unwrap();
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
        "name: All\nregistration_kind: ismap\nimplemented: [9.2.1, 9.2.2, 9.2.3, 9.2.4, 9.2.5, 9.2.6, 9.4.1]\n",
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
    assert_eq!(csp["registration_kind"], "ismap");
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
    for code in ["design-only", "subsequent-events", "improvement-plan"] {
        assert!(warnings.contains(&code), "{code}: {warnings:?}");
    }
    // a one-day audit period, an improvement plan and subsequent events qualify the
    // statement: an item needing ISMAP's assurance is not covered on it until they are read
    // (review 11, D-3), each with its reason and procedure
    let v01 = by_id(&v["items"], "V01");
    assert_eq!(v01["status"], "assurance-gap");
    assert_eq!(
        v01["reasons"],
        json!(["design-only", "improvement-plan", "subsequent-events"])
    );
    assert_eq!(
        codes(v01),
        ["design-only", "improvement-plan", "subsequent-events"]
    );
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
        .contains("、契約で定める(準拠法: 日本法、裁判管轄: 東京地方裁判所)"));
    let table = stdout_of(report("ja", "valid.yaml", "table"));
    assert!(table.contains("[ISMAP]"), "{table}");
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
    assert_eq!(fact("Registration kind"), "ISMAP");
    assert_eq!(fact("Governing law"), "日本法");
    assert_eq!(fact("Jurisdiction"), "東京地方裁判所");
    assert_eq!(fact("Improvement plan"), "yes");
    assert!(fact("Covered means").contains("the decision stays with you"));
}

/// A registration whose kind is not stated (a profile without `registration_kind`, a list
/// entry pasted without its list title `ISMAPクラウドサービスリスト`) is not taken for ISMAP's
/// (fail closed): every item needing ISMAP's assurance that it would cover is an assurance
/// gap with the reason and procedure `registration-kind-unstated` (saying how the input's
/// form states the kind), in JSON, CSV, Markdown, the table and the workbook; an item
/// needing only the CSP's declaration stays covered; the input stating its kind gives
/// neither.
#[test]
fn an_unstated_registration_kind_is_an_assurance_gap_on_what_needs_ismap() {
    let dir = tempfile::tempdir().unwrap();
    let liu = std::fs::read_to_string(verdicts("liu.yaml")).unwrap();
    let no_kind = dir.path().join("no-kind.yaml");
    std::fs::write(&no_kind, liu.replace("registration_kind: ismap-liu\n", "")).unwrap();
    let ismap = dir.path().join("ismap.yaml");
    std::fs::write(
        &ismap,
        // its name no longer says LIU either: a name saying LIU beside `ismap` is refused
        liu.replace("registration_kind: ismap-liu", "registration_kind: ismap")
            .replace("name: LIU SaaS", "name: SaaS"),
    )
    .unwrap();
    let run = |lang: &str, csp: &Path, format: &str| {
        let mut c = on_checks(lang, "report", verdicts("checks-liu.csv"));
        c.arg("--csp").arg(csp).args(["--format", format]);
        c
    };
    let warned = |v: &Value| {
        v["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["code"] == "registration-kind-unstated")
    };
    let v = json_of(run("en", &no_kind, "json"));
    assert_eq!(v["csp"]["registration_kind"], Value::Null);
    assert!(warned(&v), "{}", v["warnings"]);
    for (id, status, reasons, procedures) in [
        (
            "L01",
            "assurance-gap",
            json!(["registration-kind-unstated"]),
            vec!["registration-kind-unstated"],
        ),
        // needing only the CSP's declaration, or more than ISMAP: the kind changes nothing
        ("L02", "covered", json!([]), vec![]),
        (
            "L03",
            "assurance-gap",
            json!(["assurance-above-ismap"]),
            vec!["soc2-report"],
        ),
    ] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], status, "{id}");
        assert_eq!(item["reasons"], reasons, "{id}");
        assert_eq!(codes(item), procedures, "{id}");
    }
    let l01 = by_id(&v["items"], "L01");
    assert_eq!(l01["registration_kind_unstated"], json!(["LIU SaaS"]));
    let text = l01["additional_procedures"][0]["text"].as_str().unwrap();
    assert!(
        text.starts_with("Confirm on the ISMAP cloud service list whether LIU SaaS is on the ISMAP or the ISMAP-LIU list, and state it: add registration_kind: ismap (or ismap-liu) to its profile"),
        "{text}"
    );
    // stated: covered, no warning, no note
    let v = json_of(run("en", &ismap, "json"));
    assert!(!warned(&v), "{}", v["warnings"]);
    assert_eq!(by_id(&v["items"], "L01")["status"], "covered");
    assert_eq!(by_id(&v["items"], "L01")["reasons"], json!([]));
    // CSV, the table, the Japanese Markdown and workbook carry it
    let (h, rows) = csv_rows(&stdout_of(run("en", &no_kind, "csv")));
    assert_eq!(csv_cell(&h, &rows, "L01", "status"), "assurance-gap");
    assert_eq!(
        csv_cell(&h, &rows, "L01", "reasons"),
        "registration-kind-unstated"
    );
    let table = stdout_of(run("en", &no_kind, "table"));
    assert!(
        table
            .lines()
            .any(|l| l.contains("L01") && l.contains("assurance-gap")),
        "{table}"
    );
    assert!(table.contains("Total 4: covered 1 ·"), "{table}");
    let stdout = stdout_of(run("ja", &no_kind, "md"));
    assert!(
        stdout.contains(
            "- 警告: 登録の種類が記載されていません(LIU SaaS がISMAPとISMAP-LIUのどちらの"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("ISMAPクラウドサービスリストで LIU SaaS がISMAPとISMAP-LIUのどちらのクラウドサービスリストに掲載されているか確認し、入力に記載して再実行する(プロファイルに registration\\_kind: ismap または ismap-liu を書く)"), "{stdout}");
    let xlsx = dir.path().join("gap.xlsx");
    on_checks("ja", "report", verdicts("checks-liu.csv"))
        .arg("--csp")
        .arg(&no_kind)
        .arg("-o")
        .arg(&xlsx)
        .assert()
        .success();
    let (_, ranges) = sheets(&xlsx);
    let row = sheet_row(&ranges[1], "L01");
    assert!(row.iter().any(|c| c == "保証水準不足"), "{row:?}");
    assert!(!row.iter().any(|c| c == "充足"), "{row:?}");
    // a list entry pasted without its list title; with it, the kind is stated
    let entry = verdicts("entry-no-list-title.txt");
    let v = json_of(run("en", &entry, "json"));
    assert_eq!(v["csp"]["registration"], "valid");
    assert!(warned(&v), "{}", v["warnings"]);
    let l01 = by_id(&v["items"], "L01");
    assert_eq!(l01["status"], "assurance-gap");
    assert_eq!(l01["reasons"], json!(["registration-kind-unstated"]));
    let text = l01["additional_procedures"][0]["text"].as_str().unwrap();
    assert!(
        text.contains("put the list's title line ISMAPクラウドサービスリスト or ISMAP-LIUクラウドサービスリスト (or a line 登録区分: ISMAP) at the top of the pasted list"),
        "{text}"
    );
    let v = json_of(run("en", &common::example("csp-list-page.txt"), "json"));
    assert_eq!(v["csp"]["registration_kind"], "ismap");
    assert!(!warned(&v), "{}", v["warnings"]);
    assert_eq!(by_id(&v["items"], "L01")["status"], "covered");
}

/// Every form of CSP input states the kind its own way: a plain pasted list by the list's
/// title or a `登録区分` line, a status table (CSV or a sheet) by a line above its header
/// (`登録区分: ISMAP`, `区分 | ISMAP-LIU`, the list's title), a profile by
/// `registration_kind`; not stated, the item needing ISMAP is an assurance gap whose
/// procedure says how for that form. ISMAP-LIU wins over ISMAP (the lesser assurance); a
/// kind line naming neither is refused. `report --registration-kind` states it for a list
/// that cannot be edited, and refuses a list stating another kind.
#[test]
fn every_form_of_csp_input_states_the_registration_kind() {
    let dir = tempfile::tempdir().unwrap();
    let run = |csp: &Path, args: &[&str]| {
        let mut c = on_checks("en", "report", verdicts("checks-liu.csv"));
        c.arg("--csp")
            .arg(csp)
            .args(["--format", "json"])
            .args(args);
        json_of(c)
    };
    let l01 = |v: &Value| {
        let i = by_id(&v["items"], "L01");
        (
            i["status"].as_str().unwrap().to_owned(),
            i["reasons"].clone(),
            i["additional_procedures"][0]["text"]
                .as_str()
                .unwrap_or("")
                .to_owned(),
        )
    };
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    // (file, its text, the kind read, L01's status)
    let cases: &[(&str, &str, Option<&str>)] = &[
        ("plain.txt", "9.2.1\n9.2.5\n", None),
        (
            "title.txt",
            "ISMAPクラウドサービスリスト\n9.2.1\n9.2.5\n",
            Some("ismap"),
        ),
        (
            "kind-line.txt",
            "登録区分: ISMAP\n9.2.1, 9.2.5\n",
            Some("ismap"),
        ),
        (
            "kind-tab.txt",
            "区分\tISMAP-LIU\n9.2.1\t9.2.5\n",
            Some("ismap-liu"),
        ),
        (
            "kind-last.txt",
            "9.2.1 9.2.5\n登録区分：ISMAP\n",
            Some("ismap"),
        ),
        (
            "liu-wins.txt",
            "ISMAPクラウドサービスリスト\n登録区分 ISMAP-LIU\n9.2.1\n9.2.5\n",
            Some("ismap-liu"),
        ),
        (
            "table.csv",
            "管理策番号,実施状況\n9.2.1,実施\n9.2.5,実施\n",
            None,
        ),
        (
            "table-note.csv",
            "登録区分: ISMAP\n管理策番号,実施状況\n9.2.1,実施\n9.2.5,実施\n",
            Some("ismap"),
        ),
        (
            "table-cells.csv",
            "区分,ISMAP-LIU\n管理策番号,実施状況\n9.2.1,実施\n9.2.5,実施\n",
            Some("ismap-liu"),
        ),
        (
            "table-title.csv",
            "ISMAPクラウドサービスリスト\n\n管理策番号,実施状況\n9.2.1,実施\n9.2.5,実施\n",
            Some("ismap"),
        ),
        (
            "table-liu-wins.csv",
            "登録区分: ISMAP\n区分,ISMAP-LIU\n管理策番号,実施状況\n9.2.1,実施\n9.2.5,実施\n",
            Some("ismap-liu"),
        ),
        ("ids.csv", "統制目標番号\n9.2.1\n9.2.5\n", None),
        (
            "ids-kind.csv",
            "登録区分,ISMAP\n統制目標番号\n9.2.1\n9.2.5\n",
            Some("ismap"),
        ),
    ];
    for (name, text, kind) in cases {
        let v = run(&write(name, text), &[]);
        assert_eq!(v["csp"]["registration_kind"], json!(kind), "{name}");
        let (status, reasons, procedure) = l01(&v);
        match kind {
            None => {
                assert_eq!(status, "assurance-gap", "{name}");
                assert_eq!(reasons, json!(["registration-kind-unstated"]), "{name}");
                let how = if name.ends_with(".txt") {
                    "at the top of the pasted list"
                } else {
                    "write a line 登録区分: ISMAP (or ISMAP-LIU) above the table's header"
                };
                assert!(procedure.contains(how), "{name}: {procedure}");
            }
            Some("ismap") => {
                assert_eq!(status, "covered", "{name}");
                assert_eq!(reasons, json!([]), "{name}");
            }
            Some(_) => {
                assert_eq!(status, "assurance-gap", "{name}");
                assert_eq!(reasons, json!(["ismap-liu"]), "{name}");
            }
        }
        // an item needing only the CSP's declaration is covered whatever the kind
        assert_eq!(by_id(&v["items"], "L02")["status"], "covered", "{name}");
    }
    // a workbook: the same lines above the header of a sheet
    let sheet = |name: &str, above: &[&[&str]]| {
        let path = dir.path().join(name);
        let mut wb = rust_xlsxwriter::Workbook::new();
        let mut rows: Vec<&[&str]> = above.to_vec();
        rows.extend([
            &["管理策番号", "実施状況"][..],
            &["9.2.1", "実施"],
            &["9.2.5", "実施"],
        ]);
        common::add_text_sheet(&mut wb, "SoA", &rows);
        wb.save(&path).unwrap();
        path
    };
    for (name, above, kind, status) in [
        ("none.xlsx", &[][..], Value::Null, "assurance-gap"),
        (
            "kind.xlsx",
            &[&["登録区分", "ISMAP"][..]][..],
            json!("ismap"),
            "covered",
        ),
        (
            "note.xlsx",
            &[&["登録区分：ISMAP"][..], &[][..]][..],
            json!("ismap"),
            "covered",
        ),
        (
            "title.xlsx",
            &[&["ISMAP-LIUクラウドサービスリスト"][..]][..],
            json!("ismap-liu"),
            "assurance-gap",
        ),
    ] {
        let v = run(&sheet(name, above), &[]);
        assert_eq!(v["csp"]["registration_kind"], kind, "{name}");
        assert_eq!(l01(&v).0, status, "{name}");
    }
    let err = input_error(
        on_checks("en", "report", verdicts("checks-liu.csv"))
            .arg("--csp")
            .arg(sheet("bad.xlsx", &[&["登録区分", "Gold"]])),
    );
    assert!(
        err.contains("bad.xlsx: sheet 'SoA': row 1: column 'A': 'Gold' after '登録区分' is neither ISMAP nor ISMAP-LIU"),
        "{err}"
    );
    // --registration-kind: for a list that does not say; another statement is refused
    let plain = write("plain.txt", "9.2.1\n9.2.5\n");
    let v = run(&plain, &["--registration-kind", "ismap"]);
    assert_eq!(v["csp"]["registration_kind"], "ismap");
    assert_eq!(l01(&v).0, "covered");
    let v = run(&plain, &["--registration-kind", "ismap-liu"]);
    assert_eq!(l01(&v).1, json!(["ismap-liu"]));
    let same = write(
        "same.csv",
        "登録区分: ISMAP\n管理策番号,実施状況\n9.2.1,実施\n",
    );
    assert_eq!(
        l01(&run(&same, &["--registration-kind", "ismap"])).0,
        "covered"
    );
    let err = input_error(
        on_checks("en", "report", verdicts("checks-liu.csv"))
            .arg("--csp")
            .arg(write("liu.txt", "ISMAP-LIUクラウドサービスリスト\n9.2.1\n"))
            .args(["--registration-kind", "ismap"]),
    );
    assert!(
        err.contains("liu.txt: the list states the registration kind ISMAP-LIU, and --registration-kind says ISMAP"),
        "{err}"
    );
    // compare takes no --registration-kind: with several lists it would be ambiguous
    on_checks("en", "compare", verdicts("checks-liu.csv"))
        .arg("--csp")
        .arg(&plain)
        .args(["--registration-kind", "ismap"])
        .assert()
        .code(2);
}

/// An ISMAP-LIU registration (`liu.yaml`, valid on the date): its external audit covers
/// less than ISMAP's, so an item needing ISMAP's assurance is never covered on it; an item
/// needing only the CSP's own declaration stays covered, with the reason shown.
#[test]
fn an_ismap_liu_registration_covers_no_item_needing_ismap_assurance() {
    let run = |lang: &str, format: &str| {
        let mut c = on_checks(lang, "report", verdicts("checks-liu.csv"));
        c.arg("--csp")
            .arg(verdicts("liu.yaml"))
            .args(["--format", format]);
        c
    };
    let v = json_of(run("en", "json"));
    assert_eq!(v["csp"]["registration_kind"], "ismap-liu");
    assert_eq!(v["csp"]["registration"], "valid");
    assert_eq!(v["summary"]["covered"], 1);
    assert!(v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["code"] == "ismap-liu"));
    for (id, status, reasons, procedures) in [
        (
            "L01",
            "assurance-gap",
            json!(["ismap-liu"]),
            vec!["ismap-liu"],
        ),
        ("L02", "covered", json!(["ismap-liu"]), vec!["ismap-liu"]),
        (
            "L03",
            "assurance-gap",
            json!(["ismap-liu", "assurance-above-ismap"]),
            vec!["ismap-liu", "soc2-report"],
        ),
    ] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], status, "{id}");
        assert_eq!(item["reasons"], reasons, "{id}");
        assert_eq!(item["ismap_liu"], json!(["LIU SaaS"]), "{id}");
        assert_eq!(codes(item), procedures, "{id}");
    }
    let text = |v: &Value, id: &str| {
        by_id(&v["items"], id)["additional_procedures"][0]["text"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert!(text(&v, "L01")
        .starts_with("LIU SaaS is registered under ISMAP-LIU (a smaller external-audit scope"));
    // an item the CSP does not state is not covered whatever the registration
    let l04 = by_id(&v["items"], "L04");
    assert_eq!(l04["status"], "not-covered");
    assert_eq!(l04["ismap_liu"], json!([]));
    let ja = json_of(run("ja", "json"));
    assert!(text(&ja, "L01").starts_with("LIU SaaS はISMAP-LIUの登録"));

    let (h, rows) = csv_rows(&stdout_of(run("en", "csv")));
    assert_eq!(csv_cell(&h, &rows, "L01", "status"), "assurance-gap");
    assert_eq!(csv_cell(&h, &rows, "L01", "reasons"), "ismap-liu");
    // covered, with the ISMAP-LIU note to read: marked (the status stays covered)
    assert_eq!(csv_cell(&h, &rows, "L02", "status"), "covered *");
    assert_eq!(csv_cell(&h, &rows, "L02", "reasons"), "ismap-liu");
    assert!(csv_cell(&h, &rows, "L02", "additional procedures").contains("ISMAP-LIU"));
    let table = stdout_of(run("en", "table"));
    assert!(table.contains("[ISMAP-LIU]"), "{table}");
    assert!(table.contains("ISMAP-LIU: LIU SaaS"), "{table}");
    let md = stdout_of(run("ja", "md"));
    assert!(md.contains("ISMAP-LIU: LIU SaaS"), "{md}");

    let dir = tempfile::tempdir().unwrap();
    let (_, ranges) = workbook_on("en", verdicts("checks-liu.csv"), "liu.yaml", dir.path());
    let fact = |label: &str| {
        let summary = &ranges[0];
        (0..summary.height())
            .find(|r| common::xlsx::text(summary, *r, 0) == label)
            .map(|r| common::xlsx::text(summary, r, 1))
            .unwrap()
    };
    assert_eq!(fact("Registration kind"), "ISMAP-LIU");
    let l01 = sheet_row(&ranges[1], "L01");
    assert_eq!(l01[3], "assurance-gap");
    assert!(l01.iter().any(|c| c.contains("ISMAP-LIU")), "{l01:?}");

    // compare: never ranked covered on an item needing ISMAP's assurance
    let mut c = on_checks("en", "compare", verdicts("checks-liu.csv"));
    c.arg("--csp")
        .arg(verdicts("liu.yaml"))
        .args(["--format", "json"]);
    let cmp = json_of(c);
    assert_eq!(
        by_id(&cmp["items"], "L01")["statuses"]["LIU SaaS"],
        "assurance-gap"
    );
    assert_eq!(
        by_id(&cmp["items"], "L02")["statuses"]["LIU SaaS"],
        "covered"
    );
}

#[test]
fn profile_fields_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    for (body, wanted) in [
        (
            "name: X\nregistration_kind: fedramp\nimplemented: [9.2.1]\n",
            "line 2: field 'registration_kind': unknown registration kind 'fedramp' (hint: write `ismap` or `ismap-liu`)",
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
    // Valid SaaS's statement is design-only, with an improvement plan and subsequent
    // events: nothing needing ISMAP's assurance is covered on it (review 11, D-3)
    assert_eq!(
        by_id(&v["items"], "V01")["statuses"]["Valid SaaS"],
        "assurance-gap"
    );

    let table = stdout_of(cmd("table"));
    assert!(
        table.contains("WARNING: Lapsed SaaS: The registration is past its renewal deadline"),
        "{table}"
    );
    assert!(table.contains("WARNING: Valid SaaS: The audit period is one day"));
    let row = table.lines().find(|l| l.starts_with("│ 2 ")).unwrap();
    // the name may wrap in the narrower column (a column a status)
    assert!(row.contains("Lapsed"), "{row}");
    assert!(row.contains("lapsed"), "{row}");
    let md = stdout_of(cmd("md"));
    assert!(
        md.contains("- WARNING: Lapsed SaaS: The registration is past"),
        "{md}"
    );
    assert!(md.contains("| 2 | Lapsed SaaS |"), "{md}");
    let (h, rows) = csv_rows(&stdout_of(cmd("csv")));
    assert_eq!(h[2], "Valid SaaS");
    assert_eq!(rows[0][0], "tier");
    assert_eq!(rows[0][2], "2 valid, with warnings");
    assert_eq!(rows[0][3], "4 lapsed or not yet valid");
    // the per-CSP summary under the tier (rank, share, counts, runs on, registration,
    // as of), then the warnings
    let w = rows.iter().position(|r| r[0] == "warnings").unwrap();
    assert_eq!(rows[w - 2][..4], ["registration", "", "valid", "lapsed"]);
    assert!(rows[w][3].starts_with("The registration is past its renewal deadline"));
    assert!(rows[w][2].contains("The audit period is one day"));
    // no covered item on either: no legend of the `*` mark, V01 assurance-gap on both, the
    // lapsed one's saying so
    assert_eq!(rows[w + 1][0], "V01");
    assert_eq!(
        rows[w + 1][2..4],
        // each cell says why (review 23 B-4): the valid one's audit is design only and its
        // entry states an improvement plan and subsequent events
        [
            "assurance-gap (design only, improvement plan, subsequent events)",
            "assurance-gap (lapsed)"
        ]
    );
    assert_eq!(
        rows.len(),
        w + 12,
        "the tier, summary and warnings rows, then one row per item"
    );

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
    assert_eq!(text(summary, header + 2, 12), "lapsed");
    assert_eq!(text(summary, header + 1, 12), "valid");
}

/// The statuses of a JSON report or comparison by item id (`report`: `status`;
/// `compare`: the CSP's column).
fn statuses_by_id(items: &Value, csp: Option<&str>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let s = match csp {
                None => &i["status"],
                Some(name) => &i["statuses"][name],
            };
            (
                i["id"].as_str().unwrap().to_owned(),
                s.as_str().unwrap().to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect()
}

/// A registration dated after `--as-of` (and a statement audited over a period ending
/// after it) is no registration on that date: nothing is covered on it, own or inherited,
/// in every format, with its reason, procedure and warning.
#[test]
fn a_registration_not_yet_in_effect_covers_nothing_in_every_format() {
    let v = json("future.yaml");
    assert_eq!(v["summary"]["covered"], 0);
    assert_eq!(v["csp"]["registration"], "not-yet-valid");
    let v01 = by_id(&v["items"], "V01");
    assert_eq!(v01["status"], "assurance-gap");
    assert_eq!(v01["reasons"], json!(["registration-not-yet-valid"]));
    assert_eq!(v01["registration_not_yet_valid"], json!(["Future SaaS"]));
    assert_eq!(
        v01["controls"][0]["registration_not_yet_valid"],
        "Future SaaS"
    );
    assert_eq!(codes(v01), ["registry-check-date"]);
    let codes_of_warnings = strings(&json!(v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].clone())
        .collect::<Vec<_>>()))
    .into_iter()
    .map(str::to_owned)
    .collect::<Vec<_>>();
    assert_eq!(codes_of_warnings[0], "registration-not-yet-valid");
    assert!(!codes_of_warnings.contains(&"registration-not-checked".to_owned()));

    let (h, rows) = csv_rows(&stdout_of(report("en", "future.yaml", "csv")));
    assert_eq!(
        csv_cell(&h, &rows, "V01", "status"),
        "assurance-gap (not yet valid)"
    );
    assert_eq!(
        csv_cell(&h, &rows, "V01", "reasons"),
        "registration-not-yet-valid"
    );
    assert!(!rows.iter().any(|r| r[2] == "covered"));
    let table = stdout_of(report("en", "future.yaml", "table").env("COLUMNS", "300"));
    assert!(
        table.contains("[registered 2027-01-01] [renewal deadline 2028-03-31: not yet valid]"),
        "{table}"
    );
    assert!(
        table.contains("WARNING: The registration dates from 2027-01-01, after 2026-04-01"),
        "{table}"
    );
    assert!(table.contains("not yet registered: Future SaaS"), "{table}");
    assert!(!table.lines().any(|l| l.contains("┆ covered ")), "{table}");
    let md = stdout_of(report("ja", "future.yaml", "md"));
    assert!(md.contains("登録日前: Future SaaS"), "{md}");
    assert!(md.contains("\\[更新期限 2028-03-31: 未発効\\]"), "{md}");
    let dir = tempfile::tempdir().unwrap();
    let (_, ranges) = workbook("ja", "future.yaml", dir.path());
    assert_eq!(sheet_row(&ranges[1], "V01")[3], "保証水準不足（未発効）");
    let summary = &ranges[0];
    let fact = |label: &str| {
        (0..summary.height())
            .find(|r| text(summary, *r, 0) == label)
            .map(|r| text(summary, r, 1))
            .unwrap()
    };
    assert_eq!(fact("登録の有効性"), "未発効");

    // registered long ago, but the statement held is audited over a period ending after
    // the report's date
    let v = json("audit-pending.yaml");
    assert_eq!(v["csp"]["registration"], "not-yet-valid");
    let v01 = by_id(&v["items"], "V01");
    assert_eq!(v01["status"], "assurance-gap");
    assert_eq!(v01["reasons"], json!(["audit-period-not-ended"]));
    assert_eq!(v01["audit_period_not_ended"], json!(["Pending SaaS"]));
    assert_eq!(codes(v01), ["statement-in-effect"]);
    assert_eq!(v["warnings"][0]["code"], "audit-period-not-ended");
    let (h, rows) = csv_rows(&stdout_of(report("en", "audit-pending.yaml", "csv")));
    // an audit not ended is a statement not yet in effect, as compare marks it
    assert_eq!(
        csv_cell(&h, &rows, "V01", "status"),
        "assurance-gap (not yet valid)"
    );
    assert!(csv_cell(&h, &rows, "V01", "additional procedures")
        .contains("ends after the report's date"));
    let table = stdout_of(report("en", "audit-pending.yaml", "table").env("COLUMNS", "300"));
    assert!(
        table.contains("audit period not ended: Pending SaaS"),
        "{table}"
    );
    // on the day the audit period ends it is an assessment that happened
    let mut c = bin();
    c.args([
        "report",
        "--as-of",
        "2026-09-30",
        "--format",
        "json",
        "--checks",
    ])
    .arg(verdicts("checks.csv"))
    .arg("--csp")
    .arg(verdicts("audit-pending.yaml"));
    let later = json_of(c);
    assert_eq!(by_id(&later["items"], "V01")["status"], "covered");
    assert_eq!(later["csp"]["registration"], "valid");

    // inherited from a service registered after the report's date
    let v = json("saas-on-future.yaml");
    assert_eq!(v["csp"]["registration"], "valid");
    assert_eq!(by_id(&v["items"], "V01")["status"], "covered");
    let v11 = by_id(&v["items"], "V11");
    assert_eq!(v11["status"], "assurance-gap");
    assert_eq!(
        v11["reasons"],
        json!(["inherited", "registration-not-yet-valid"])
    );
    assert_eq!(v11["registration_not_yet_valid"], json!(["Future IaaS"]));
    assert_eq!(v11["controls"][0]["inherited_from"], "Future IaaS");
    assert!(v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "registration-not-yet-valid")
        .unwrap()["message"]
        .as_str()
        .unwrap()
        .contains("of the underlying service Future IaaS"));
}

#[test]
fn compare_ranks_a_registration_not_yet_in_effect_with_the_lapsed_ones() {
    let cmd = |format: &str| {
        let mut c = on_checks("en", "compare", verdicts("checks.csv"));
        for f in ["future.yaml", "audit-pending.yaml", "valid.yaml"] {
            c.arg("--csp").arg(verdicts(f));
        }
        c.args(["--format", format]);
        c
    };
    // Future SaaS implements most, but covers nothing and ranks after the valid one
    let v = json_of(cmd("json"));
    let csps = v["csps"].as_array().unwrap();
    let names: Vec<&str> = csps.iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(names[0], "Valid SaaS");
    for c in &csps[1..] {
        assert_eq!(c["registration"], "not-yet-valid", "{c}");
        assert_eq!(c["counts"]["covered"], 0, "{c}");
    }
    let future = csps.iter().find(|c| c["name"] == "Future SaaS").unwrap();
    assert_eq!(future["warnings"][0]["code"], "registration-not-yet-valid");
    assert_eq!(
        by_id(&v["items"], "V01")["statuses"]["Future SaaS"],
        "assurance-gap"
    );
    // Valid SaaS's statement is design-only, with an improvement plan and subsequent
    // events: nothing needing ISMAP's assurance is covered on it (review 11, D-3)
    assert_eq!(
        by_id(&v["items"], "V01")["statuses"]["Valid SaaS"],
        "assurance-gap"
    );
    let table = stdout_of(cmd("table"));
    assert!(
        table.contains("WARNING: Future SaaS: The registration dates from 2027-01-01"),
        "{table}"
    );
    assert!(table.contains("not yet valid"), "{table}");
    let (h, rows) = csv_rows(&stdout_of(cmd("csv")));
    assert_eq!(h[2], "Valid SaaS");
    let future_col = h.iter().position(|x| x == "Future SaaS").unwrap();
    assert_eq!(rows[0][0], "tier");
    assert_eq!(rows[0][future_col], "4 lapsed or not yet valid");
    let w = rows.iter().position(|r| r[0] == "warnings").unwrap();
    assert!(rows[w][future_col].starts_with("The registration dates from 2027-01-01"));
    let registration = rows.iter().find(|r| r[0] == "registration").unwrap();
    assert_eq!(registration[future_col], "not yet valid");
    let md = stdout_of(cmd("md"));
    assert!(md.contains("| 1 | Valid SaaS |"), "{md}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cmp.xlsx");
    let mut c = cmd("xlsx");
    c.arg("-o").arg(&path);
    stdout_of(c);
    let (_, ranges) = sheets(&path);
    let summary = &ranges[0];
    let header = (0..summary.height())
        .find(|r| text(summary, *r, 0) == "rank")
        .unwrap();
    assert_eq!(text(summary, header + 1, 1), "Valid SaaS");
    assert_eq!(text(summary, header + 2, 12), "not yet valid");
    assert_eq!(text(summary, header + 3, 12), "not yet valid");
}

/// Lapsed, valid, not yet valid and not checked, for the service itself and for the one
/// it inherits from, end to end: `report` and `compare` give each item the same status,
/// covered only when every registration it rests on is in effect, with the reasons naming
/// the service; `compare` ranks a CSP whose own registration is void after the others.
#[test]
fn registration_validity_matrix_in_report_and_compare() {
    let dir = tempfile::tempdir().unwrap();
    let states = ["valid", "not-checked", "not-yet-valid", "lapsed"];
    // registry facts of each state on 2026-04-01
    let facts = |state: &str| match state {
        "valid" => "registered: 2022-01-01\nrenewal_deadline: 2027-03-31\n",
        "not-checked" => "",
        "not-yet-valid" => "registered: 2026-10-01\nrenewal_deadline: 2027-09-30\n",
        "lapsed" => "registered: 2021-01-01\nrenewal_deadline: 2025-03-31\n",
        _ => unreachable!(),
    };
    let reason = |state: &str| match state {
        "not-yet-valid" => Some("registration-not-yet-valid"),
        "lapsed" => Some("registration-lapsed"),
        _ => None,
    };
    let mut profiles = Vec::new();
    for under in states {
        std::fs::write(
            dir.path().join(format!("iaas-{under}.yaml")),
            format!(
                "name: IaaS {under}\nregistration_kind: ismap\n{}implemented: [11.1.1, 11.1.2]\n",
                facts(under)
            ),
        )
        .unwrap();
        for own in states {
            let path = dir.path().join(format!("saas-{own}-on-{under}.yaml"));
            std::fs::write(
                &path,
                format!(
                    "name: SaaS {own} on {under}\nregistration_kind: ismap\n{}inherits: iaas-{under}.yaml\ninherited: [11]\nimplemented: [9.2.1]\n",
                    facts(own)
                ),
            )
            .unwrap();
            profiles.push((own, under, path));
        }
    }
    let mut c = on_checks("en", "compare", verdicts("checks.csv"));
    for (_, _, p) in &profiles {
        c.arg("--csp").arg(p);
    }
    c.args(["--format", "json"]);
    let cmp = json_of(c);
    let csps = cmp["csps"].as_array().unwrap();
    for (own, under, path) in &profiles {
        let name = format!("SaaS {own} on {under}");
        let mut c = on_checks("en", "report", verdicts("checks.csv"));
        c.arg("--csp").arg(path).args(["--format", "json"]);
        let r = json_of(c);
        let case = format!("{own} on {under}");
        assert_eq!(r["csp"]["registration"], *own, "{case}");
        // own objective (9.2.1): rests on the service itself
        let v01 = by_id(&r["items"], "V01");
        let own_void = reason(own).is_some();
        let want = if own_void { "assurance-gap" } else { "covered" };
        assert_eq!(v01["status"], want, "{case}");
        assert_eq!(
            strings(&v01["reasons"]),
            reason(own).into_iter().collect::<Vec<_>>(),
            "{case}"
        );
        // inherited objective (11.1.2): rests on both
        let v11 = by_id(&r["items"], "V11");
        let under_void = reason(under).is_some();
        let want = if own_void || under_void {
            "assurance-gap"
        } else {
            "covered"
        };
        assert_eq!(v11["status"], want, "{case}");
        // `inherited`: the control is the IaaS's, whatever its registration
        let mut wanted: Vec<&str> = std::iter::once("inherited")
            .chain(reason(own))
            .chain(reason(under))
            .collect();
        wanted.sort_by_key(|r| {
            [
                "inherited",
                "registration-lapsed",
                "registration-not-yet-valid",
            ]
            .iter()
            .position(|x| x == r)
        });
        wanted.dedup();
        assert_eq!(strings(&v11["reasons"]), wanted, "{case}");
        if under_void {
            let field = if *under == "lapsed" {
                "registration_lapsed"
            } else {
                "registration_not_yet_valid"
            };
            // the nearest service of the chain in that state is named
            let named = if own == under {
                name.clone()
            } else {
                format!("IaaS {under}")
            };
            assert_eq!(strings(&v11[field]), [named.as_str()], "{case}: {v11}");
        }
        // compare gives every item the status report gives it
        assert_eq!(
            statuses_by_id(&cmp["items"], Some(&name)),
            statuses_by_id(&r["items"], None),
            "{case}"
        );
        let col = csps.iter().find(|c| c["name"] == name.as_str()).unwrap();
        assert_eq!(col["registration"], *own, "{case}");
    }
    // ranking: every CSP whose own registration is void after every other
    let void: Vec<bool> = csps
        .iter()
        .map(|c| matches!(c["registration"].as_str(), Some("lapsed" | "not-yet-valid")))
        .collect();
    let first_void = void.iter().position(|v| *v).unwrap();
    assert!(void[first_void..].iter().all(|v| *v), "{void:?}");
    assert_eq!(first_void, 8);
}

/// An objective stated implemented with a basic requirement under it stated otherwise is
/// at most partial; a detail the CSP chooses stated otherwise is a note; governance and
/// management items follow their objective. In every format, in `compare`, and as
/// `readiness` reads the same list.
#[test]
fn basic_requirements_stated_otherwise_cap_their_objective_in_every_format() {
    let run = |lang: &str, format: &str| {
        let mut c = on_checks(lang, "report", verdicts("checks-criteria.csv"));
        c.arg("--csp")
            .arg(verdicts("criteria.csv"))
            .args(["--format", format]);
        c
    };
    let v = json_of(run("en", "json"));
    let items = &v["items"];
    for (id, status, requirement) in [
        ("C01", "covered", None),
        ("C02", "partial", Some("4.4.7.2")),
        ("C03", "covered", None),
        ("C04", "not-covered", None),
        ("C05", "partial", Some("9.2.1.6.PB")),
        ("C06", "partial", Some("9.4.2.2.B")),
        ("C07", "covered", None),
    ] {
        let item = by_id(items, id);
        assert_eq!(item["status"], status, "{id}");
        assert_eq!(
            strings(&item["basic_requirements_not_implemented"]),
            requirement.into_iter().collect::<Vec<_>>(),
            "{id}"
        );
        let has = strings(&item["reasons"]).contains(&"basic-requirement-not-implemented");
        assert_eq!(has, requirement.is_some(), "{id}");
        if let Some(r) = requirement {
            assert_eq!(codes(item), ["basic-requirement-review"], "{id}");
            let control = item["controls"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["id"] == r)
                .unwrap();
            assert!(control["requirement_of"].is_string(), "{id}");
        }
    }
    // governance and management items are published criteria: never the annex (covered
    // on a status table stating its registration kind: no reason at all)
    for id in ["C01", "C03"] {
        let item = by_id(items, id);
        assert_eq!(item["controls"][0]["state"], "implemented", "{id}");
        assert_eq!(item["annex_only"], json!([]), "{id}");
        assert_eq!(item["reasons"], json!([]), "{id}");
    }
    let c07 = by_id(items, "C07");
    assert_eq!(c07["reasons"], json!(["non-basic-detail-not-implemented"]));
    assert_eq!(
        c07["non_basic_details_not_implemented"],
        json!([{"id": "9.2.5.1", "state": "not-applicable", "objective": "9.2.5"}])
    );
    assert_eq!(codes(c07), ["non-basic-detail-review"]);
    let objectives = &v["objectives"];
    assert_eq!(by_id(objectives, "3.1.2.1")["state"], "implemented");
    assert_eq!(by_id(objectives, "3.1.2.1")["stated_as"], "3.1.2");
    assert_eq!(by_id(objectives, "4.4.7.2")["state"], "not-implemented");

    let (h, rows) = csv_rows(&stdout_of(run("en", "csv")));
    let missing = "missing (not listed / not implemented / planned)";
    assert_eq!(csv_cell(&h, &rows, "C05", "status"), "partial");
    assert_eq!(
        csv_cell(&h, &rows, "C05", missing),
        "9.2.1.6.PB (not implemented)"
    );
    assert_eq!(
        csv_cell(&h, &rows, "C05", "reasons"),
        "not-implemented, basic-requirement-not-implemented"
    );
    assert!(csv_cell(&h, &rows, "C05", "additional procedures")
        .contains("9.2.1.6.PB (not implemented, of 9.2.1)"));
    assert_eq!(csv_cell(&h, &rows, "C01", "status"), "covered");
    // covered, with the note on the chosen detail: marked
    assert_eq!(csv_cell(&h, &rows, "C07", "status"), "covered *");
    let table = stdout_of(run("en", "table"));
    assert!(table.contains("planned: 9.4.2.2.B"), "{table}");
    assert!(!table.contains("annex"), "{table}");
    let md = stdout_of(run("ja", "md"));
    assert!(
        md.contains("| C05 | User registration | 一部充足 |"),
        "{md}"
    );
    assert!(md.contains("9.2.1.6.PB（未実施、9.2.1）"), "{md}");
    assert!(
        md.contains("| C01 | Governance evaluation item | 充足 |"),
        "{md}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gap.xlsx");
    let mut c = run("ja", "xlsx");
    c.arg("-o").arg(&path);
    stdout_of(c);
    let (_, ranges) = sheets(&path);
    assert_eq!(sheet_row(&ranges[1], "C05")[3], "一部充足");
    assert_eq!(sheet_row(&ranges[1], "C01")[3], "充足");
    let objectives = &ranges[2];
    let state = |id: &str| {
        (1..objectives.height())
            .find(|r| text(objectives, *r, 0) == id)
            .map(|r| text(objectives, r, 3))
            .unwrap()
    };
    assert_eq!(state("3.1.2.1"), "実施");
    assert_eq!(state("4.4.7.2"), "未実施");

    // compare: the same statuses
    let mut c = on_checks("en", "compare", verdicts("checks-criteria.csv"));
    c.arg("--csp")
        .arg(verdicts("criteria.csv"))
        .args(["--format", "json"]);
    let cmp = json_of(c);
    let name = cmp["csps"][0]["name"].as_str().unwrap().to_owned();
    assert_eq!(
        statuses_by_id(&cmp["items"], Some(&name)),
        statuses_by_id(items, None)
    );

    // readiness reads the list the same way: what report caps, readiness calls missing
    let mut c = bin();
    c.args(["readiness", "--format", "json", "--implemented"])
        .arg(verdicts("criteria.csv"));
    let r = json_of(c);
    let missing = strings(&r["missing"]);
    for id in ["4.4.7", "4.4.7.2", "9.2.1.6.PB"] {
        assert!(missing.contains(&id), "{id}: {missing:?}");
    }
    assert_eq!(strings(&r["planned"]), ["9.4.2.2.B"]);
    let item = by_id(&r["items"], "3.1.2.1");
    assert_eq!(item["state"], "implemented");
    assert_eq!(item["stated_as"], "3.1.2");
    // the objectives sheet of report and readiness agree on every governance and
    // management criterion
    for i in r["items"].as_array().unwrap() {
        if i["layer"] == "control" {
            continue;
        }
        let id = i["id"].as_str().unwrap();
        assert_eq!(by_id(objectives_json(&v), id)["state"], i["state"], "{id}");
    }
}

fn objectives_json(v: &Value) -> &Value {
    &v["objectives"]
}

/// Dates of a profile that contradict each other are an input error naming the file and
/// the field.
#[test]
fn profile_dates_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    for (body, wanted) in [
        (
            "name: X\nregistered: 2027-01-01\nrenewal_deadline: 2025-03-31\nimplemented: [9.2.1]\n",
            "p.yaml: line 2: field 'registered': the registration date 2027-01-01 is after the renewal deadline 2025-03-31",
        ),
        (
            "name: X\naudit_period: {from: 2025-10-01, to: 2025-03-31}\nimplemented: [9.2.1]\n",
            "p.yaml: line 2: field 'audit_period': the audit period ends before it starts",
        ),
    ] {
        let p = dir.path().join("p.yaml");
        std::fs::write(&p, body).unwrap();
        for command in ["report", "compare"] {
            let mut c = on_checks("en", command, verdicts("checks.csv"));
            c.arg("--csp").arg(&p);
            let err = input_error(c);
            assert!(err.contains(wanted), "{command}: {err}");
        }
        let mut c = bin();
        c.args(["readiness", "--implemented"]).arg(&p);
        assert!(input_error(c).contains(wanted));
    }
}

/// `report` on `excluded.csv` / `checks-excluded.csv`, in `lang` and `format`.
fn excluded(lang: &str, format: &str) -> assert_cmd::Command {
    let mut c = on_checks(lang, "report", verdicts("checks-excluded.csv"));
    c.arg("--csp")
        .arg(verdicts("excluded.csv"))
        .args(["--format", format]);
    c
}

/// What ISMAP does not allow excluding (a governance or management objective, an item
/// through it, a B/PB detail under an implemented objective), declared not applicable, is
/// `exclusion-not-allowed` as `readiness` says, never a reason to weigh; an objective
/// excluded with a reason stays `exclusion-review`.
#[test]
fn an_exclusion_ismap_does_not_allow_is_never_a_reason_to_weigh() {
    let v = json_of(excluded("en", "json"));
    for (id, reason, code, not_allowed) in [
        (
            "X01",
            "exclusion-not-allowed",
            "exclusion-not-allowed",
            "4.4.7",
        ),
        (
            "X02",
            "exclusion-not-allowed",
            "exclusion-not-allowed",
            "3.1.2.1",
        ),
        (
            "X03",
            "exclusion-not-allowed",
            "exclusion-not-allowed",
            "9.4.2.2.B",
        ),
    ] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "not-covered", "{id}");
        assert_eq!(item["reasons"], json!([reason]), "{id}");
        assert_eq!(codes(item), [code], "{id}");
        assert_eq!(item["exclusion_not_allowed"], json!([not_allowed]), "{id}");
    }
    let text = |v: &Value, id: &str| {
        by_id(&v["items"], id)["additional_procedures"][0]["text"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert!(text(&v, "X01").starts_with("ISMAP does not allow excluding control objective 4.4.7"));
    // the CSP excluded 3.1.2, not its item: named as stated of the objective
    assert!(text(&v, "X02").starts_with(
        "ISMAP does not allow excluding control objective 3.1.2 (the objective of 3.1.2.1)"
    ));
    assert!(
        text(&v, "X03").starts_with("ISMAP does not allow excluding detailed control 9.4.2.2.B")
    );
    // an objective excluded with a reason, and a detail through it: the reason to weigh
    for id in ["X04", "X07"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["reasons"], json!(["not-applicable"]), "{id}");
        assert_eq!(codes(item), ["exclusion-review"], "{id}");
        assert_eq!(item["exclusion_not_allowed"], json!([]), "{id}");
    }
    let ja = json_of(excluded("ja", "json"));
    assert!(text(&ja, "X02")
        .starts_with("ISMAPは統制目標 3.1.2（3.1.2.1 の統制目標）の除外(非該当)を認めていない"));

    let (h, rows) = csv_rows(&stdout_of(excluded("en", "csv")));
    assert_eq!(
        csv_cell(&h, &rows, "X01", "reasons"),
        "exclusion-not-allowed"
    );
    assert!(csv_cell(&h, &rows, "X02", "additional procedures")
        .contains("ISMAP does not allow excluding control objective 3.1.2"));
    let table = stdout_of(excluded("en", "table"));
    assert!(table.contains("ISMAP does not allow excluding"), "{table}");
    assert!(!table.contains("Check that the CSP's reason for excluding control objective 4.4.7"));
    let md = stdout_of(excluded("ja", "md"));
    assert!(md.contains("ISMAPは統制目標 4.4.7 の除外"), "{md}");
    let dir = tempfile::tempdir().unwrap();
    let (_, ranges) = workbook_on(
        "en",
        verdicts("checks-excluded.csv"),
        "excluded.csv",
        dir.path(),
    );
    let x01 = sheet_row(&ranges[1], "X01");
    assert!(
        x01.iter()
            .any(|c| c.contains("ISMAP does not allow excluding")),
        "{x01:?}"
    );
    assert!(x01.iter().any(|c| c == "exclusion-not-allowed"), "{x01:?}");

    // the same judgement as readiness
    let r = readiness_json("en", "excluded.csv");
    for id in ["4.4.7", "3.1.2", "3.1.2.1", "9.4.2.2.B"] {
        assert_eq!(
            by_id(&r["items"], id)["findings"],
            json!(["exclusion-not-allowed"]),
            "{id}"
        );
    }
    assert_eq!(by_id(&r["items"], "10.1.2")["findings"], json!([]));
}

/// A detailed control whose objective alone is stated takes the objective's statement:
/// the report names the objective as stated, never a statement of the detail the CSP did
/// not make (JSON `stated_as`, the missing and not-applicable cells, the procedures).
#[test]
fn a_detail_stated_through_its_objective_is_worded_as_the_objectives_statement() {
    let v = json_of(excluded("en", "json"));
    for (id, detail, objective, code, text) in [
        ("X05", "9.2.3.11.PB", "9.2.3", "remediation-plan", "The CSP states control objective 9.2.3 (the objective of 9.2.3.11.PB) not implemented"),
        ("X06", "12.4.2.1", "12.4.2", "planned-completion", "The CSP states control objective 12.4.2 (the objective of 12.4.2.1) planned"),
        ("X04", "10.1.2.20.PB", "10.1.2", "exclusion-review", "Check that the CSP's reason for excluding control objective 10.1.2 (the objective of 10.1.2.20.PB)"),
    ] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["controls"][0]["id"], detail, "{id}");
        assert_eq!(item["controls"][0]["stated_as"], objective, "{id}");
        assert_eq!(codes(item), [code], "{id}");
        let t = item["additional_procedures"][0]["text"].as_str().unwrap();
        assert!(t.starts_with(text), "{id}: {t}");
    }
    assert_eq!(
        by_id(&v["items"], "X04")["not_applicable"][0]["stated_as"],
        "10.1.2"
    );
    // an objective stated itself has no stated_as
    assert!(by_id(&v["items"], "X07")["controls"][0]
        .get("stated_as")
        .is_none());
    let ja = json_of(excluded("ja", "json"));
    let t = by_id(&ja["items"], "X05")["additional_procedures"][0]["text"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        t.starts_with("CSPが未実施とする統制目標 9.2.3（9.2.3.11.PB の統制目標）について"),
        "{t}"
    );
    assert!(!t.contains("詳細管理策"), "{t}");
    let (h, rows) = csv_rows(&stdout_of(excluded("ja", "csv")));
    assert_eq!(
        csv_cell(&h, &rows, "X05", "不足(記載なし・未実施・計画中)"),
        "9.2.3.11.PB (未実施、9.2.3 の記載による)"
    );
    assert_eq!(
        csv_cell(&h, &rows, "X04", "非該当(理由)"),
        "10.1.2.20.PB (IaaS側で実施、10.1.2 の記載による)"
    );
    let (h, rows) = csv_rows(&stdout_of(excluded("en", "csv")));
    assert_eq!(
        csv_cell(
            &h,
            &rows,
            "X06",
            "missing (not listed / not implemented / planned)"
        ),
        "12.4.2.1 (planned, stated of 12.4.2)"
    );
    // wide enough that no cell wraps
    let table = stdout_of(excluded("ja", "table").env("COLUMNS", "400"));
    assert!(
        table.contains("未実施: 9.2.3.11.PB (9.2.3 の記載による)"),
        "{table}"
    );
    assert!(
        // (the parent company doing it is a subcontractor, no reason: review 24 B-3)
        table.contains(
            "非該当(理由なし): 3.1.2.1 (3.1.2 の記載による; 「経営層の関与は親会社が実施」（理由と認めず: 委託先"
        ),
        "{table}"
    );
    // the CSP's reason is beside the id in the table and Markdown too, where the procedure
    // asks the reader to weigh it (review 4, B-md-1)
    let md = stdout_of(excluded("en", "md"));
    assert!(md.contains("N/A: 10.1.2 (IaaS側で実施)"), "{md}");
    assert!(md.contains("N/A (no reason): 4.4.7"), "{md}");
}

/// `3.1.1`, the overview of the governance criteria, stated in a CSP's list: no objective,
/// so its statement applies to nothing, is not counted, and is warned about by name in
/// every CSP form (profile, pasted list, status table) and every command reading it.
#[test]
fn an_overview_stated_by_a_csp_is_warned_about_and_not_counted() {
    let warned = |v: &Value, key: &str| -> String {
        v[key]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["code"] == "csp-overview-stated")
            .map(|w| w["message"].as_str().unwrap().to_owned())
            .unwrap_or_else(|| panic!("no csp-overview-stated in {}", v[key]))
    };
    for csp in ["overview.yaml", "overview.txt", "overview.csv"] {
        let mut c = on_checks("en", "report", verdicts("checks-overview.csv"));
        c.arg("--csp").arg(verdicts(csp)).args(["--format", "json"]);
        let v = json_of(c);
        assert_eq!(v["csp"]["implemented"], 1, "{csp}");
        let m = warned(&v, "warnings");
        assert!(
            m.starts_with(
                "The CSP list states 3.1.1, the overview of the criteria, not an objective"
            ),
            "{csp}: {m}"
        );
        assert!(m.contains("(3.1.2 to 3.1.6)"), "{m}");
        // nothing is credited on it
        assert_eq!(by_id(&v["items"], "O01")["status"], "not-covered", "{csp}");
        assert_eq!(by_id(&v["items"], "O02")["status"], "not-covered", "{csp}");
        assert_eq!(by_id(&v["items"], "O03")["status"], "covered", "{csp}");
    }
    let mut c = on_checks("ja", "report", verdicts("checks-overview.csv"));
    c.arg("--csp").arg(verdicts("overview.txt"));
    let table = stdout_of(c);
    assert!(
        table.contains("CSPの一覧は 3.1.1 を記載していますが"),
        "{table}"
    );
    assert!(table.contains("3.1.2から3.1.6"), "{table}");
    let dir = tempfile::tempdir().unwrap();
    let (_, ranges) = workbook_on(
        "en",
        verdicts("checks-overview.csv"),
        "overview.csv",
        dir.path(),
    );
    let summary = &ranges[0];
    assert!(
        (0..summary.height()).any(|r| text(summary, r, 1).starts_with("The CSP list states 3.1.1"))
    );
    // compare and readiness say it too
    let mut c = on_checks("en", "compare", verdicts("checks-overview.csv"));
    c.arg("--csp")
        .arg(verdicts("overview.yaml"))
        .args(["--format", "json"]);
    let v = json_of(c);
    warned(&v["csps"][0], "warnings");
    let r = readiness_json("en", "overview.yaml");
    warned(&r, "notes");
    assert!(!r["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["id"] == "3.1.1"));
}

/// A list entry publishing an improvement plan (改善計画 有) and subsequent events (後発事象
/// あり): every item resting on it carries both reasons and procedures where consultants
/// filter (CSV, JSON, xlsx), not only a header warning; an item needing ISMAP's assurance is
/// `assurance-gap` until the plan and the events are read (review 11, D-3).
#[test]
fn an_improvement_plan_and_subsequent_events_note_every_item_resting_on_them() {
    let run = |lang: &str, format: &str| {
        let mut c = on_checks(lang, "report", data("../../examples/checks.csv"));
        c.arg("--csp")
            .arg(verdicts("list-entry-plan.txt"))
            .args(["--format", format]);
        c
    };
    let v = json_of(run("en", "json"));
    let c02 = by_id(&v["items"], "C-02");
    assert_eq!(c02["status"], "assurance-gap");
    assert_eq!(
        c02["reasons"],
        json!(["improvement-plan", "subsequent-events"])
    );
    assert_eq!(codes(c02), ["improvement-plan", "subsequent-events"]);
    let texts: Vec<&str> = c02["additional_procedures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(
        texts[0].contains("publishes an improvement plan"),
        "{texts:?}"
    );
    assert!(
        texts[1].contains("publishes subsequent events"),
        "{texts:?}"
    );
    // an item stated nowhere gets no such note: nothing of it rests on the statement
    let c16 = by_id(&v["items"], "C-16");
    assert!(!codes(c16).contains(&"improvement-plan"), "{c16}");
    let ja = json_of(run("ja", "json"));
    let t = by_id(&ja["items"], "C-02")["additional_procedures"][0]["text"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(t.contains("は改善計画を掲載している"), "{t}");

    let (h, rows) = csv_rows(&stdout_of(run("en", "csv")));
    assert_eq!(
        csv_cell(&h, &rows, "C-02", "reasons"),
        "improvement-plan, subsequent-events"
    );
    assert!(csv_cell(&h, &rows, "C-02", "additional procedures").contains("subsequent events"));
    let dir = tempfile::tempdir().unwrap();
    let (_, ranges) = workbook_on(
        "ja",
        data("../../examples/checks.csv"),
        "list-entry-plan.txt",
        dir.path(),
    );
    let row = sheet_row(&ranges[1], "C-02");
    assert!(
        row.iter().any(|c| c.contains("後発事象を掲載している")),
        "{row:?}"
    );
    assert!(row.iter().any(|c| c.contains("改善計画あり")), "{row:?}");
}

/// A detailed control written with a suffix the catalog does not give its numbers
/// (`9.2.3.11.B` for `9.2.3.11.PB`, `9.4.2.2.PB` for `9.4.2.2.B`) is that control, with a
/// warning; two statements of it that disagree are an input error naming both rows.
/// A check list writing a detailed control with a suffix the catalog does not give its
/// numbers is read as that control and warned about as a CSP list is (one judgement, one
/// message): each reference once, with the id read; a suffix as the catalog has it, or
/// none, is no warning.
#[test]
fn a_check_list_reference_with_another_suffix_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let checks = dir.path().join("checks.csv");
    std::fs::write(
        &checks,
        "id,title,controls\nK1,a,9.2.3.11.B\nK2,b,9.4.2.2.PB\nK3,c,9.2.3.11.PB\nK4,d,8.1.5\nK5,e,9.2.3.11.B\n",
    )
    .unwrap();
    let run = |lang: &str| {
        let mut c = on_checks(lang, "report", checks.clone());
        c.arg("--csp")
            .arg(verdicts("valid.yaml"))
            .args(["--format", "json"]);
        json_of(c)
    };
    let v = run("en");
    assert_eq!(by_id(&v["items"], "K1")["controls"][0]["id"], "9.2.3.11.PB");
    let warned: Vec<&str> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "checks-suffix-mismatch")
        .map(|w| w["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        warned,
        ["The check list writes detailed controls with a suffix (B/PB/P) the catalog does not give them: 9.2.3.11.B → 9.2.3.11.PB, 9.4.2.2.PB → 9.4.2.2.B; read as the catalog's control of those numbers: check the list"]
    );
    let v = run("ja");
    let w = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "checks-suffix-mismatch")
        .unwrap();
    assert!(
        w["message"]
            .as_str()
            .unwrap()
            .starts_with("確認項目の参照の詳細管理策の接尾辞(B/PB/P)がカタログと異なります: 9.2.3.11.B → 9.2.3.11.PB"),
        "{w}"
    );
}

#[test]
fn a_detail_with_another_suffix_is_the_same_control() {
    let run = |csp: &str| {
        let mut c = on_checks("en", "report", verdicts("checks-suffix.csv"));
        c.arg("--csp").arg(verdicts(csp)).args(["--format", "json"]);
        c
    };
    let v = json_of(run("suffix.csv"));
    for (id, status, control) in [
        ("S01", "not-covered", "9.2.3.11.PB"),
        ("S04", "not-covered", "9.2.3.11.PB"),
        // stated not implemented (as .PB): never "ask for the annex"
        ("S03", "not-covered", "9.4.2.2.B"),
    ] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], status, "{id}");
        assert_eq!(item["reasons"], json!(["not-implemented"]), "{id}");
        assert_eq!(item["controls"][0]["id"], control, "{id}");
    }
    assert_eq!(by_id(&v["items"], "S02")["status"], "partial");
    let w = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "csp-suffix-mismatch")
        .unwrap();
    assert!(w["message"]
        .as_str()
        .unwrap()
        .contains("9.2.3.11.B → 9.2.3.11.PB, 9.4.2.2.PB → 9.4.2.2.B"));
    // the check list's S04 too, on its own side
    let w = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "checks-suffix-mismatch")
        .unwrap();
    assert!(w["message"]
        .as_str()
        .unwrap()
        .contains("The check list writes detailed controls with a suffix (B/PB/P) the catalog does not give them: 9.2.3.11.B → 9.2.3.11.PB;"));
    // readiness reads it the same way and says so
    let r = readiness_json("ja", "suffix.csv");
    let missing: Vec<&str> = r["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert!(missing.contains(&"9.2.3.11.PB"), "{missing:?}");
    assert!(!missing.contains(&"9.2.3.11.B"), "{missing:?}");
    assert!(r["notes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["code"] == "csp-suffix-mismatch"));
    // one control, stated once
    let err = input_error(run("suffix-conflict.csv"));
    assert!(
        err.contains("row 4: 9.2.3.11.B (the same control as 9.2.3.11.PB) is listed again, differently: not implemented here; implemented on row 3"),
        "{err}"
    );
}

/// What the government's cloud policy leaves the buyer to settle itself (data centres in
/// Japan, customer-managed keys, backups outside the service, Japanese law, obtainable logs
/// and their price, 24/365 operation, portability) is never covered by the objective that
/// touches it (review 11 A-6: all seven were 充足 with no procedure, and the tool suggested
/// adding the objective): partial, reason `topic-beyond-ismap`, the own-check procedure for
/// its topic beside the objective's verdict. Items naming only what ISMAP assesses stay
/// covered; in `compare` too.
#[test]
fn requirements_beyond_ismap_are_never_covered_by_a_touching_objective() {
    let checks = verdicts("cloud-by-default.csv");
    let profile = common::example("iaas-profile.yaml");
    let v = json_of(
        on_checks("en", "report", &checks)
            .arg("--csp")
            .arg(&profile)
            .args(["--format", "json"]),
    );
    let want = [
        ("1", "own-check-data-location"),
        ("2", "own-check-customer-keys"),
        ("3", "own-check-backup-availability"),
        ("4", "own-check-governing-law"),
        ("5", "own-check-log-access"),
        ("7", "own-check-exit"),
    ];
    for (id, code) in want {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(item["reasons"], json!(["topic-beyond-ismap"]), "{item}");
        assert_eq!(codes(item), [code], "{item}");
    }
    // 24時間365日 is a level too
    let item = by_id(&v["items"], "6");
    assert_eq!(item["status"], "partial", "{item}");
    assert_eq!(
        item["reasons"],
        json!(["topic-beyond-ismap", "level-not-assessed"]),
        "{item}"
    );
    assert_eq!(
        codes(item),
        ["own-check-backup-availability", "level-check"],
        "{item}"
    );
    for id in ["8", "9", "10"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "covered", "{item}");
        assert_eq!(item["reasons"], json!([]), "{item}");
    }
    // compare: the same verdict (one status computation)
    let v = json_of(
        on_checks("en", "compare", &checks)
            .arg("--csp")
            .arg(&profile)
            .args(["--format", "json"]),
    );
    let text = v.to_string();
    assert!(text.contains("topic-beyond-ismap"), "{text}");
    assert_eq!(v["csps"][0]["counts"]["covered"], 3, "{}", v["csps"][0]);
    assert_eq!(v["csps"][0]["counts"]["partial"], 7, "{}", v["csps"][0]);
}

/// An item about a part of the service the CSP's statement excludes (`対象外: 管理コンソール、
/// 大阪リージョン、モバイルアプリ` in a pasted entry, `scope:` of a profile) is never covered:
/// the objectives it names are stated for the rest (review 11 A-25: both 充足, the exclusion
/// only in the header). Partial, reason `outside-statement-scope`, the procedure naming the
/// part; an item naming no excluded part is unchanged; in `compare` too.
#[test]
fn an_item_about_what_the_statement_excludes_is_never_covered() {
    let checks = verdicts("scope-items.csv");
    for csp in ["scope-excludes.txt", "scope-profile.yaml"] {
        let v = json_of(
            on_checks("en", "report", &checks)
                .arg("--csp")
                .arg(verdicts(csp))
                .args(["--format", "json"]),
        );
        let item = by_id(&v["items"], "1");
        assert_eq!(item["status"], "partial", "{csp}: {item}");
        assert_eq!(
            item["reasons"],
            json!(["outside-statement-scope"]),
            "{item}"
        );
        assert_eq!(codes(item), ["statement-scope"], "{item}");
        let text = item["additional_procedures"][0]["text"].as_str().unwrap();
        assert!(
            text.starts_with("The CSP's ISMAP statement excludes 管理コンソール: "),
            "{text}"
        );
        assert_eq!(by_id(&v["items"], "3")["status"], "covered", "{csp}");
        if csp.ends_with(".txt") {
            // a part named in the item's note counts; `等` after a part is not part of it
            assert_eq!(by_id(&v["items"], "2")["status"], "partial");
            let item = by_id(&v["items"], "4");
            assert_eq!(item["status"], "partial", "{item}");
            let text = item["additional_procedures"][0]["text"].as_str().unwrap();
            assert!(text.contains("excludes モバイルアプリ:"), "{text}");
        } else {
            // the profile's scope names 東京リージョン only: 大阪リージョン is outside it
            // (review 13 A-4, session 9; was covered); the scope does not say it excludes
            // it, it names only Tokyo (session 10)
            let item = by_id(&v["items"], "2");
            assert_eq!(item["status"], "partial", "{item}");
            let text = item["additional_procedures"][0]["text"].as_str().unwrap();
            assert!(
                text.contains("names only 東京リージョン; 大阪リージョン is not named"),
                "{text}"
            );
        }
        let v = json_of(
            on_checks("en", "compare", &checks)
                .arg("--csp")
                .arg(verdicts(csp))
                .args(["--format", "json"]),
        );
        assert!(
            v.to_string().contains("outside-statement-scope"),
            "{csp}: {v}"
        );
    }
    // the Japanese procedure
    let out = stdout_of(
        on_checks("ja", "report", &checks)
            .arg("--csp")
            .arg(verdicts("scope-excludes.txt"))
            .args(["--format", "csv"]),
    );
    assert!(
        out.contains("CSPのISMAPの言明は 管理コンソール を対象外としている"),
        "{out}"
    );
}

/// An item stating a level (`1年以上保管`, `24時間以内に通知`, `年2回以上`, `12文字以上`,
/// `四半期ごと`) is never covered by the objective: ISMAP assessed the objective, not the
/// figure (review 11 D-4; domain: "targets it but not at the level you need"). Partial,
/// reason `level-not-assessed`, the procedure `level-check` quoting the level; an item
/// without one, or with a date only, is unchanged.
#[test]
fn an_item_stating_a_level_is_never_covered() {
    let v = json_of(
        on_checks("en", "report", verdicts("levels.csv"))
            .arg("--csp")
            .arg(common::example("iaas-profile.yaml"))
            .args(["--format", "json"]),
    );
    for (id, level) in [
        ("1", "1年以上"),
        ("2", "24時間以内"),
        ("3", "年2回以上"),
        ("4", "7世代以上"),
        ("5", "12文字以上"),
        ("6", "四半期"),
    ] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(item["reasons"], json!(["level-not-assessed"]), "{item}");
        assert_eq!(codes(item), ["level-check"], "{item}");
        let text = item["additional_procedures"][0]["text"].as_str().unwrap();
        assert!(text.contains(&format!("asks for ({level})")), "{text}");
    }
    for id in ["7", "8"] {
        assert_eq!(by_id(&v["items"], id)["status"], "covered");
    }
}

/// A statement the service qualifies — a design-only (one-day) audit, an improvement plan,
/// subsequent events — is not ISMAP's result as it stands: an item needing ISMAP's
/// assurance is `assurance-gap` on it, the same in `report` and `compare`; an item for which
/// the CSP's own declaration is enough (`self`) stays covered, with the reasons as notes
/// (review 11, D-3).
#[test]
fn a_qualified_statement_covers_only_what_needs_no_more_than_a_declaration() {
    let dir = tempfile::tempdir().unwrap();
    let checks = dir.path().join("checks.csv");
    std::fs::write(
        &checks,
        "id,title,controls,assurance\nS1,User registration,9.2.1,self\nS2,User registration,9.2.1,\n",
    )
    .unwrap();
    let mut c = on_checks("en", "report", checks.clone());
    c.arg("--csp")
        .arg(verdicts("valid.yaml"))
        .args(["--format", "json"]);
    let v = json_of(c);
    let all = ["design-only", "improvement-plan", "subsequent-events"];
    let s1 = by_id(&v["items"], "S1");
    assert_eq!(s1["status"], "covered", "{s1}");
    assert_eq!(s1["reasons"], json!(all), "{s1}");
    let s2 = by_id(&v["items"], "S2");
    assert_eq!(s2["status"], "assurance-gap", "{s2}");
    assert_eq!(s2["reasons"], json!(all), "{s2}");
    assert_eq!(codes(s2), all);

    let mut c = on_checks("en", "compare", checks);
    c.arg("--csp")
        .arg(verdicts("valid.yaml"))
        .args(["--format", "json"]);
    let v = json_of(c);
    assert_eq!(
        by_id(&v["items"], "S1")["statuses"]["Valid SaaS"],
        "covered"
    );
    assert_eq!(
        by_id(&v["items"], "S2")["statuses"]["Valid SaaS"],
        "assurance-gap"
    );
}
