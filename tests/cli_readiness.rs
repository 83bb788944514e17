//! `ismap-gap readiness` run as a CSP would before an internal audit.
mod common;

use std::fs;

use common::{bin, data, example, input_error, json_of, stdout_of};
use predicates::prelude::PredicateBooleanExt;
use serde_json::{json, Value};

/// `ismap-gap --lang en readiness --as-of 2026-12-01 --implemented FILE`: on a fixed date,
/// so that a registration in the examples does not lapse under the tests as time passes
/// (`examples/csp-list.txt` reads lapsed from 2027-01-31 on the day of the run).
fn readiness(file: &std::path::Path) -> assert_cmd::Command {
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "readiness",
        "--as-of",
        "2026-12-01",
        "--implemented",
    ])
    .arg(file);
    c
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect()
}

#[test]
fn each_rule_from_a_status_table() {
    let v = json_of(readiness(&data("readiness/soa.csv")).args(["--format", "json"]));
    let s = &v["summary"];
    for key in ["required", "implemented", "not_applicable", "missing"] {
        assert!(s[key].is_u64(), "{key}");
    }
    // every governance and management objective and item, every control objective
    // and, as the list states a detailed control (9.2.1.2), the basic detail of an objective
    // it states implemented that it omits (9.2.1.6.PB, review 15 A-10)
    let required = 5 + 18 + 21 + 64 + 121 + 1;
    assert_eq!(s["required"], required);
    // 3.1.2 with its three items, 5.1.1, 9.2.1
    assert_eq!(s["implemented"], 6);
    assert_eq!(s["not_applicable"], 1);
    assert_eq!(s["na_without_reason"], 1);
    assert_eq!(s["planned"], 1);
    assert_eq!(s["missing"], required - 6 - 1 - 1 - 1);
    assert_eq!(s["evidence_missing"], 1);
    let missing = strings(&v["missing"]);
    assert!(missing.contains(&"3.1.3"), "governance cannot be excluded");
    assert!(missing.contains(&"3.1.3.2"), "nor its items, through it");
    assert!(missing.contains(&"5.1.2") && missing.contains(&"4.4.1"));
    assert!(!missing.contains(&"6.2.2") && !missing.contains(&"3.1.2"));
    assert_eq!(strings(&v["na_without_reason"]), ["6.2.1"]);
    assert_eq!(strings(&v["planned"]), ["7.1.1"]);
    assert_eq!(strings(&v["evidence_missing"]), ["5.1.1"]);
    assert_eq!(v["evidence_checked"], true);
    let item = |id: &str| {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(
        item("3.1.3")["findings"],
        serde_json::json!(["exclusion-not-allowed"])
    );
    assert_eq!(item("9.2.1")["evidence"], "ACC-010 アカウント管理手順");
    assert_eq!(item("9.2.1")["owner"], "情報システム部");
    assert_eq!(item("9.2.1.2")["required"], false);
    // per layer and per clause
    let groups = v["groups"].as_array().unwrap();
    let keys: Vec<&str> = groups.iter().map(|g| g["key"].as_str().unwrap()).collect();
    assert_eq!(keys.len(), 16);
    assert_eq!(keys[..3], ["governance", "management", "5"]);
    assert_eq!(groups[0]["counts"]["required"], 5 + 18);
    assert_eq!(groups[0]["counts"]["implemented"], 4);
    assert_eq!(
        strings(&groups[0]["missing"])[..6],
        ["3.1.3", "3.1.3.1", "3.1.3.2", "3.1.3.3", "3.1.3.4", "3.1.4"]
    );
    assert_eq!(item("3.1.2.3")["stated_as"], "3.1.2");
    assert_eq!(item("3.1.2.3")["state"], "implemented");
    let notes: Vec<&str> = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["code"].as_str().unwrap())
        .collect();
    assert_eq!(notes, ["catalog-incomplete", "basic-details-not-stated"]);
}

/// What #15 asks of a status table: a management item or a basic detail stated 未実施 is
/// missing and fails `--fail-on missing`; a detail planned is planned.
#[test]
fn a_management_item_or_a_basic_detail_not_implemented_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    // every objective and item implemented with evidence, then one line changed
    let all = json_of(bin().args(["catalog", "list", "--format", "json"]));
    // a list stating a detailed control states every basic one (review 15 A-10: one it
    // omits is missing); a list of objectives states none
    let complete = |changed: &str| {
        let mut csv = String::from("管理策番号,実施状況,理由,証跡\n");
        let changed_id = changed.split(',').next().unwrap_or("");
        let details = changed_id.split('.').count() > 3
            && !changed_id.starts_with("3.")
            && !changed_id.starts_with("4.");
        for e in all.as_array().unwrap() {
            let id = e["id"].as_str().unwrap();
            let own = e["layer"] != "control" && e["level"] == "detail";
            let basic = details && e["flags"]["basic"] == true;
            if (own || basic || e["level"] == "objective")
                && id != changed_id
                && !id.starts_with(&format!("{changed_id}."))
            {
                csv.push_str(&format!("{id},実施,,DOC-{id}\n"));
            }
        }
        csv.push_str(changed);
        csv
    };
    let run = |name: &str, changed: &str| {
        let path = dir.path().join(name);
        fs::write(&path, complete(changed)).unwrap();
        path
    };
    // the list without the change is ready
    let ready = run("ready.csv", "");
    readiness(&ready)
        .args(["--format", "json", "--fail-on", "missing"])
        .assert()
        .code(0);
    for (name, changed, missing) in [
        ("item.csv", "4.4.7.2,未実施,,\n", vec!["4.4.7", "4.4.7.2"]),
        ("pb.csv", "9.2.3.11.PB,未実施,,\n", vec!["9.2.3.11.PB"]),
        // as lists write it, without its suffix
        ("pb-plain.csv", "9.2.3.11,未実施,,\n", vec!["9.2.3.11.PB"]),
    ] {
        let path = run(name, changed);
        let v = json_of(readiness(&path).args(["--format", "json"]));
        assert_eq!(strings(&v["missing"]), missing, "{name}");
        readiness(&path)
            .args(["--format", "json", "--fail-on", "missing"])
            .assert()
            .code(1);
    }
    let path = run("b.csv", "9.4.2.2.B,計画中,,\n");
    let v = json_of(readiness(&path).args(["--format", "json"]));
    assert_eq!(strings(&v["planned"]), ["9.4.2.2.B"]);
    readiness(&path)
        .args(["--format", "json", "--fail-on", "missing"])
        .assert()
        .code(1);
    // the basic details a list does not state are noted, not counted
    let v = json_of(readiness(&ready).args(["--format", "json"]));
    assert_eq!(v["summary"]["missing"], 0);
    let note = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["code"] == "basic-details-not-stated")
        .unwrap();
    assert!(note["message"]
        .as_str()
        .unwrap()
        .contains("31 basic-requirement"));
}

/// Governance and management are the applicant's own: a profile relying on the service
/// under it for them is an input error naming the field.
#[test]
fn inheriting_governance_or_management_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("iaas.yaml"),
        "name: IaaS\nimplemented: [3.1.2, 4.4.1, 11.1.1]\n",
    )
    .unwrap();
    for scope in ["\"3\"", "\"4\"", "\"4.4.1\""] {
        let saas = dir.path().join("saas.yaml");
        fs::write(
            &saas,
            format!("name: SaaS\ninherits: iaas.yaml\ninherited: [{scope}, \"11\"]\nimplemented: [9.2.1]\n"),
        )
        .unwrap();
        let err = input_error(readiness(&saas));
        assert!(
            err.contains("saas.yaml: line 3: field 'inherited'"),
            "{err}"
        );
        assert!(err.contains("cannot be inherited"), "{err}");
        // the same in report
        let checks = dir.path().join("checks.csv");
        fs::write(&checks, "id,controls\n1,9.2.1\n").unwrap();
        let err = input_error(
            bin()
                .args(["report", "--checks"])
                .arg(&checks)
                .arg("--csp")
                .arg(&saas),
        );
        assert!(err.contains("line 3: field 'inherited'"), "{err}");
    }
}

#[test]
fn fail_on_missing_and_a_complete_list() {
    readiness(&data("readiness/soa.csv"))
        .args(["--format", "json"])
        .assert()
        .code(0);
    readiness(&data("readiness/soa.csv"))
        .args(["--format", "json", "--fail-on", "missing"])
        .assert()
        .code(1);
    // every item implemented with evidence: ready
    let ids = json_of(bin().args(["catalog", "list", "--format", "json"]));
    let mut csv = String::from("id,status,evidence\n");
    for e in ids.as_array().unwrap() {
        if e["level"] == "objective" {
            csv.push_str(&format!(
                "{},implemented,DOC-{}\n",
                e["id"].as_str().unwrap(),
                e["id"].as_str().unwrap()
            ));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("complete.csv");
    fs::write(&path, csv).unwrap();
    let v = json_of(readiness(&path).args(["--format", "json", "--fail-on", "missing"]));
    assert_eq!(v["summary"]["readiness"], 1.0);
    assert_eq!(v["summary"]["missing"], 0);
    assert!(v["missing"].as_array().unwrap().is_empty());
}

#[test]
fn a_published_id_list_counts_as_implemented_without_evidence_check() {
    let v = json_of(readiness(&example("csp-list.txt")).args(["--format", "json"]));
    // the 130 ids of the list, and the 18 + 64 governance and management items through
    // their objectives
    assert_eq!(v["summary"]["implemented"], 130 + 18 + 64);
    assert_eq!(v["evidence_checked"], false);
    assert_eq!(v["summary"]["evidence_missing"], 0);
    let notes: Vec<&str> = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        notes,
        [
            "catalog-incomplete",
            "basic-details-not-stated",
            "evidence-not-checked"
        ]
    );
    // the profile's exclusions are exclusions
    let v = json_of(readiness(&example("csp-profile.yaml")).args(["--format", "json"]));
    assert_eq!(strings(&v["na_without_reason"]), ["10.1.2"]);
}

#[test]
fn table_csv_and_markdown() {
    let t = stdout_of(readiness(&data("readiness/soa.csv")));
    assert!(
        t.contains("NOTE: The active catalog holds only 35 detailed controls"),
        "{t}"
    );
    assert!(t.contains("catalog import"));
    assert!(t.contains("Findings:"));
    assert!(t.contains("excluded without"), "{t}");
    let out = readiness(&data("readiness/soa.csv"))
        .args(["--format", "csv"])
        .output()
        .unwrap();
    assert!(out.stdout.starts_with(
        b"\xEF\xBB\xBFid,group,title,required,status,stated by,reason,evidence,owner,findings"
    ));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.lines().count(),
        1 + 229 + 1 + 1,
        "every item plus the listed detail and the basic detail it omits"
    );
    let md = stdout_of(readiness(&data("readiness/soa.csv")).args(["--format", "md"]));
    assert!(md.contains("| group | required | implemented |"), "{md}");
    let ja = stdout_of(
        bin()
            .args(["--lang", "ja", "readiness", "--implemented"])
            .arg(data("readiness/soa.csv")),
    );
    assert!(ja.contains("準備率"), "{ja}");
}

#[test]
fn bad_input_is_exit_2_with_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("soa.csv");
    fs::write(&path, "id,status\n9.2.1,maybe\n").unwrap();
    let err = input_error(readiness(&path));
    assert!(
        err.contains("soa.csv: row 2: column 'status': unknown status 'maybe'"),
        "{err}"
    );
    let err = input_error(readiness(&dir.path().join("none.csv")));
    assert!(err.contains("none.csv: cannot read"), "{err}");
}

/// The same status table as a sheet of a workbook, after a cover sheet: `--sheet` picks
/// it, and the result is the CSV's; a sheet that is not there is an input error naming it.
#[test]
fn a_status_table_in_a_workbook_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let book_path = dir.path().join("soa.xlsx");
    let csv_text = fs::read_to_string(data("readiness/soa.csv")).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet()
        .set_name("表紙")
        .unwrap()
        .write_string(0, 0, "適用宣言書(テスト用)")
        .unwrap();
    let soa = book.add_worksheet().set_name("SoA").unwrap();
    for (r, line) in csv_text.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            soa.write_string(r as u32, c as u16, cell).unwrap();
        }
    }
    book.save(&book_path).unwrap();

    let from_csv = json_of(readiness(&data("readiness/soa.csv")).args(["--format", "json"]));
    let from_sheet = json_of(readiness(&book_path).args(["--sheet", "SoA", "--format", "json"]));
    for key in [
        "summary",
        "items",
        "missing",
        "evidence_missing",
        "notes",
        "unknown_ids",
    ] {
        assert_eq!(from_sheet[key], from_csv[key], "{key}");
    }
    assert_eq!(from_sheet["summary"]["implemented"], 6);

    let err = input_error(readiness(&book_path).args(["--sheet", "Missing"]));
    assert!(err.contains("soa.xlsx") && err.contains("Missing"), "{err}");
}

/// Review 2, B1: "no reason" written as a reason (`なし`, `-`, `N/A`, `理由なし`, `TBD`,
/// `未定`, `?`, `検討中`) is no reason, in a status table and in a profile: readiness counts
/// the exclusion without a reason (and `--fail-on missing` fails), the report asks for the
/// reason.
#[test]
fn a_reason_that_gives_none_is_none() {
    const NONE: [&str; 10] = [
        "なし",
        "-",
        "－",
        "N/A",
        "理由なし",
        "TBD",
        "特になし",
        "未定",
        "?",
        "検討中",
    ];
    const IDS: [&str; 11] = [
        "6.2.1", "6.2.2", "11.1.1", "11.1.2", "11.1.3", "11.1.4", "11.1.5", "11.1.6", "11.2.1",
        "11.2.2", "11.2.3",
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut table = String::from("管理策番号,実施状況,非該当理由\n");
    let mut profile = String::from("name: NA\nnot_applicable:\n");
    for (id, reason) in IDS
        .iter()
        .zip(NONE.iter().chain(["IaaS事業者が実施"].iter()))
    {
        table.push_str(&format!("{id},非該当,{reason}\n"));
        profile.push_str(&format!("  \"{id}\": \"{reason}\"\n"));
    }
    let csv = dir.path().join("na.csv");
    let yaml = dir.path().join("na.yaml");
    fs::write(&csv, table).unwrap();
    fs::write(&yaml, profile).unwrap();
    for path in [&csv, &yaml] {
        let v = json_of(readiness(path).args(["--format", "json"]));
        assert_eq!(
            strings(&v["na_without_reason"]),
            IDS[..10].to_vec(),
            "{}",
            path.display()
        );
        assert_eq!(v["summary"]["not_applicable"], 1, "{}", path.display());
        readiness(path)
            .args(["--fail-on", "missing"])
            .assert()
            .code(1);
    }
    // the report asks for the reason of an exclusion whose "reason" gives none
    let checks = dir.path().join("checks.csv");
    fs::write(
        &checks,
        "id,title,controls\nK1,物理,11.1.3\nK2,物理,11.2.3\n",
    )
    .unwrap();
    for path in [&csv, &yaml] {
        let v = json_of(
            bin()
                .args(["report", "--format", "json", "--checks"])
                .arg(&checks)
                .arg("--csp")
                .arg(path),
        );
        let reasons = |id: &str| {
            v["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["id"] == id)
                .unwrap()["reasons"]
                .clone()
        };
        assert!(
            reasons("K1")
                .as_array()
                .unwrap()
                .contains(&Value::from("not-applicable-without-reason")),
            "{}",
            reasons("K1")
        );
        assert!(
            !reasons("K2")
                .as_array()
                .unwrap()
                .contains(&Value::from("not-applicable-without-reason")),
            "{}",
            reasons("K2")
        );
    }
}

/// `readiness --implemented FILE --as-of DATE --fail-on missing --format json` in `lang`:
/// the exit code, the JSON and stderr.
fn on_date(lang: &str, file: &str, as_of: &str) -> (i32, Value, String) {
    let out = bin()
        .args(["--lang", lang, "readiness", "--implemented"])
        .arg(data(&format!("inherit/{file}")))
        .args(["--as-of", as_of, "--fail-on", "missing", "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    (out.status.code().unwrap(), v, stderr)
}

#[test]
fn objectives_inherited_from_a_lapsed_or_not_yet_valid_service_are_not_audit_ready() {
    let item = |v: &Value, id: &str| {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .cloned()
            .unwrap()
    };
    let (_, valid, _) = on_date("en", "saas-on-2027.yaml", "2026-04-01");
    assert_eq!(valid["schema_version"], 19);
    assert_eq!(valid["as_of"], "2026-04-01");
    assert_eq!(item(&valid, "11.1.1")["findings"], json!([]));
    assert_eq!(valid["underlying_not_in_effect"], json!([]));
    for (file, why) in [
        (
            "saas-on-lapsed.yaml",
            "is past its renewal deadline 2026-03-31",
        ),
        ("saas-on-future.yaml", "was registered on 2026-06-01"),
    ] {
        let (code, v, stderr) = on_date("en", file, "2026-04-01");
        assert_eq!(code, 1, "{file}: {stderr}");
        let i = item(&v, "11.1.1");
        assert_eq!(i["state"], "implemented");
        assert_eq!(i["inherited_from"], "Test IaaS");
        assert_eq!(i["findings"], json!(["underlying-not-in-effect"]));
        assert_eq!(
            strings(&v["underlying_not_in_effect"]),
            ["11.1.1", "11.1.2", "11.2.1"]
        );
        assert_eq!(v["summary"]["underlying_not_in_effect"], 3);
        assert_eq!(
            v["summary"]["implemented"].as_u64().unwrap() + 3,
            valid["summary"]["implemented"].as_u64().unwrap()
        );
        assert!(v["summary"]["readiness"].as_f64() < valid["summary"]["readiness"].as_f64());
        assert!(
            stderr.contains(&format!("warning: The underlying service Test IaaS {why}")),
            "{file}: {stderr}"
        );
    }
    // a complete list (the bundled SaaS profile) on the same IaaS with its registration
    // lapsed: audit-ready but for clause 11, which `--fail-on missing` names
    let (code, v, stderr) = on_date("en", "full/saas-on-lapsed.yaml", "2026-04-01");
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(v["missing"], json!([]));
    assert_eq!(v["underlying_not_in_effect"].as_array().unwrap().len(), 15);
    assert!(
        stderr.contains(
            "inherited from a registration not in effect or not confirmed, or outside its statement's scope (15): 11.1.1, 11.1.2,"
        ),
        "{stderr}"
    );
    let (code, _, stderr) = on_date("en", "full/saas-on-lapsed.yaml", "2026-03-31");
    assert_eq!(code, 0, "{stderr}");
    // the lapsed IaaS judged on its last day: nothing rests on a lapsed registration
    let (_, v, _) = on_date("en", "saas-on-lapsed.yaml", "2026-03-31");
    assert_eq!(v["underlying_not_in_effect"], json!([]));
    // the table and the statement of applicability say it, in Japanese too
    let out = stdout_of(
        bin()
            .args(["--lang", "ja", "readiness", "--implemented"])
            .arg(data("inherit/saas-on-lapsed.yaml"))
            .args(["--as-of", "2026-04-01", "--format", "csv"]),
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("11.1.1,") && l.contains("継承元の登録が無効")),
        "{out}"
    );
    let out = stdout_of(
        bin()
            .args(["--lang", "ja", "readiness", "--implemented"])
            .arg(data("inherit/saas-on-lapsed.yaml"))
            .args(["--as-of", "2026-04-01"]),
    );
    assert!(out.contains("継承元の登録が無効・未確認 3"), "{out}");
    assert!(
        out.contains("継承元のサービス Test IaaS は登録の更新期限 2026-03-31"),
        "{out}"
    );
}

/// What `readiness` writes (the statement of applicability, xlsx and CSV, in both
/// languages) reads back as the CSP's list: `readiness` and `diff` give what they give on
/// the list it was written from; `report --csp` refuses it (review 10: it states none of
/// the registration's facts, and the CSP's own assessment is no ISMAP publication).
#[test]
fn the_statement_of_applicability_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let json = |args: &[&std::ffi::OsStr]| -> Value {
        let out = bin().args(args).output().unwrap();
        assert!(
            out.status.success() || out.status.code() == Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let os = |s: &str| std::ffi::OsString::from(s);
    for source in [
        example("soa.xlsx"),
        example("csp-profile.yaml"),
        example("saas-profile.yaml"),
    ] {
        for (lang, ext) in [("ja", "xlsx"), ("en", "csv"), ("en", "xlsx"), ("ja", "csv")] {
            let soa = dir.path().join(format!("soa-{lang}.{ext}"));
            bin()
                .args(["--lang", lang, "readiness", "--implemented"])
                .arg(&source)
                .arg("-o")
                .arg(&soa)
                .assert()
                .success();
            // a profile's `inherits:` is not in the statement: its inherited rows are
            // refused when read back (fix 9), never read as the CSP's own 実施
            if source.ends_with("saas-profile.yaml") {
                let out = bin()
                    .args(["readiness", "--as-of", "2026-04-01", "--implemented"])
                    .arg(&soa)
                    .output()
                    .unwrap();
                assert_eq!(out.status.code(), Some(2), "{soa:?}");
                let err = String::from_utf8_lossy(&out.stderr);
                assert!(err.contains("row 155") && err.contains("11.1.1"), "{err}");
                continue;
            }
            let readiness = |file: &std::path::Path| {
                let v = json(&[
                    &os("readiness"),
                    &os("--as-of"),
                    &os("2026-04-01"),
                    &os("--format"),
                    &os("json"),
                    &os("--implemented"),
                    file.as_os_str(),
                ]);
                let states: Vec<(String, String)> = v["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| (i["id"].to_string(), i["state"].to_string()))
                    .collect();
                (
                    states,
                    v["missing"].clone(),
                    v["planned"].clone(),
                    v["na_without_reason"].clone(),
                    v["summary"]["readiness"].clone(),
                )
            };
            assert_eq!(readiness(&soa), readiness(&source), "{source:?} → {soa:?}");
            // a profile's registry facts are not in the statement, nor is it what the CSP
            // publishes: `report` refuses it, naming what to give instead
            let err = input_error(
                bin()
                    .args([
                        "--lang",
                        "en",
                        "report",
                        "--as-of",
                        "2026-04-01",
                        "--checks",
                    ])
                    .arg(example("checks.csv"))
                    .arg("--csp")
                    .arg(&soa),
            );
            assert!(
                err.contains("is the statement of applicability `ismap-gap readiness` writes")
                    && err.contains(
                        "the statement reads back in `readiness --implemented` and `diff`"
                    ),
                "{soa:?}: {err}"
            );
            if source.ends_with("soa.xlsx") {
                bin()
                    .arg("diff")
                    .arg(&source)
                    .arg(&soa)
                    .args(["--fail-on-change", "--as-of", "2026-04-01"])
                    .assert()
                    .code(0);
            } else {
                let v = json(&[
                    &os("diff"),
                    source.as_os_str(),
                    soa.as_os_str(),
                    &os("--as-of"),
                    &os("2026-04-01"),
                    &os("--format"),
                    &os("json"),
                ]);
                let s = &v["summary"];
                assert_eq!(
                    (&s["added"], &s["removed"], &s["status_changed"]),
                    (&json!(0), &json!(0), &json!(0)),
                    "{soa:?}: {s}"
                );
            }
        }
    }
    // a table of the user's own with a findings column stating a status is still refused
    let own = dir.path().join("own.csv");
    fs::write(&own, "管理策番号,実施状況,指摘\n5.1.1,実施,未実施(必須)\n").unwrap();
    let err = input_error(readiness(&own));
    assert!(err.contains("more than one status column"), "{err}");
}

/// An objective inherited from a service whose registration is not in effect is written
/// with no status in the statement of applicability: given to `report --csp`, it is never
/// covered as the CSP's own 実施 (review 4, A-rb-1; since review 10 the statement is
/// refused there).
#[test]
fn a_statement_resting_on_a_lapsed_underlying_service_reads_back_as_no_statement() {
    let dir = tempfile::tempdir().unwrap();
    let soa = dir.path().join("soa.xlsx");
    bin()
        .args([
            "--lang",
            "ja",
            "readiness",
            "--as-of",
            "2026-04-01",
            "--implemented",
        ])
        .arg(data("inherit/saas-on-lapsed.yaml"))
        .arg("-o")
        .arg(&soa)
        .assert()
        .code(predicates::ord::eq(0).or(predicates::ord::eq(1)));
    let err = input_error(
        bin()
            .args(["--lang", "en", "report", "--as-of", "2026-04-01"])
            .arg("--checks")
            .arg(data("inherit/checks.csv"))
            .arg("--csp")
            .arg(&soa),
    );
    assert!(err.contains("statement of applicability"), "{err}");
}
