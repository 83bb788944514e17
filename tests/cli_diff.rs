//! `ismap-gap diff` and `ismap-gap catalog diff` run as a user would.
mod common;

use common::{bin, data, example, input_error, json_of, stdout_of};
use predicates::str::contains;
use serde_json::{json, Value};

fn d(name: &str) -> String {
    data(&format!("diff/{name}")).display().to_string()
}

fn ids(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect()
}

/// Runs with `--format csv`: the BOM checked and removed, the lines, and their first cells.
fn csv_of(args: &[&str]) -> (Vec<String>, Vec<String>) {
    let out = bin()
        .args(["--lang", "en"])
        .args(args)
        .args(["--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(out.stdout[3..].to_vec()).unwrap();
    let lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let first = lines[1..]
        .iter()
        .map(|l| l.split(',').next().unwrap_or_default().to_owned())
        .collect();
    (lines, first)
}

fn diff_json(old: &str, new: &str) -> Value {
    json_of(bin().args(["diff", &d(old), &d(new), "--format", "json"]))
}

#[test]
fn profiles_added_removed_and_changed_exactly() {
    let v = diff_json("old.yaml", "new.yaml");
    assert_eq!(ids(&v["added"]), ["18.1.1"]);
    assert_eq!(ids(&v["removed"]), ["13.1.1"]);
    // catalog order, not list order or string order
    assert_eq!(ids(&v["changed"]), ["6.2.2", "11.1.1", "12.1.1"]);
    assert_eq!(
        v["summary"],
        json!({
            "added": 1, "newly_stated_not_implemented": 0, "removed": 1, "status_changed": 2, "details_changed": 1,
            "unchanged": 4, "stated_through_only": 0, "added_through": 0, "removed_through": 0, "unknown_old": 0, "unknown_new": 1, "registry_changed": 1,
            "differs": true, "new_not_in_effect": false
        })
    );
    // the profiles' names differ: a registry fact, and a warning that these may be two
    // services
    assert_eq!(
        v["registry"],
        json!([{"field": "name", "service": "Test SaaS 2025", "old": "Test SaaS 2024", "new": "Test SaaS 2025"}])
    );
    assert_eq!(v["warnings"][0]["code"], "different-service");
    assert_eq!(v["warnings"][0]["side"], "both");
    // the shape of one change: which fields, both sides in full
    assert_eq!(
        v["changed"][2],
        json!({
            "id": "12.1.1",
            "title": "Documented operating procedures",
            "fields": ["status", "reason"],
            "old": {"status": "implemented", "reason": "", "evidence": "", "owner": "", "date": "", "stated_as": null,
                    "reason_given": null},
            // outsourced is no reason (another does it): not applicable without one, as
            // report and readiness judge it (review 23 B-2: diff schema 10)
            "new": {"status": "not-applicable", "reason": "development is outsourced",
                    "evidence": "", "owner": "", "date": "", "stated_as": null, "reason_given": false}
        })
    );
    assert_eq!(v["changed"][0]["old"]["status"], "not-applicable");
    assert_eq!(v["changed"][0]["new"]["status"], "implemented");
    assert_eq!(v["changed"][1]["fields"], json!(["reason"]));
    assert_eq!(
        v["changed"][1]["new"]["reason"],
        "hosted on an ISMAP-listed IaaS"
    );
    assert_eq!(v["added"][0]["old"], Value::Null);
    assert_eq!(v["added"][0]["new"]["status"], "implemented");
    assert_eq!(v["added"][0]["fields"], json!([]));
    assert_eq!(v["removed"][0]["new"], Value::Null);
    assert_eq!(v["removed"][0]["title"], "Network controls");
    // sides, with the unknown id kept
    assert_eq!(v["old"]["name"], "Test SaaS 2024");
    assert_eq!(v["new"]["name"], "Test SaaS 2025");
    assert_eq!(v["old"]["controls"], 8);
    assert_eq!(v["old"]["unknown"], json!([]));
    assert_eq!(ids(&v["new"]["unknown"]), ["9.9.9"]);
    assert!(v["catalog"].as_str().unwrap().contains("ISMAP"));
}

#[test]
fn pasted_list_against_a_status_table() {
    let v = diff_json("list.txt", "status.csv");
    assert_eq!(ids(&v["added"]), ["14.2.1"]);
    assert_eq!(v["added"][0]["new"]["status"], "not-implemented");
    assert_eq!(ids(&v["removed"]), ["9.2.2"]);
    assert_eq!(ids(&v["changed"]), ["5.1.1", "6.2.2", "9.2.1", "12.1.1"]);
    let fields: Vec<&Value> = v["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["fields"])
        .collect();
    assert_eq!(
        fields,
        [
            &json!(["evidence"]),
            &json!(["status", "reason"]),
            &json!(["status", "reason"]),
            &json!(["evidence"])
        ]
    );
    assert_eq!(v["changed"][0]["new"]["evidence"], "規程-001");
    assert_eq!(v["changed"][1]["new"]["status"], "not-applicable");
    assert_eq!(v["changed"][1]["new"]["reason"], "テレワークなし");
    assert_eq!(v["changed"][2]["new"]["status"], "planned");
    assert_eq!(v["summary"]["unchanged"], 1); // 8.1.5P = 8.1.5.P
    assert_eq!(v["summary"]["status_changed"], 2);
    assert_eq!(v["summary"]["details_changed"], 2);
    // the unknown id of the old list, with its line
    let unknown = &v["old"]["unknown"];
    assert_eq!(ids(unknown), ["17.9.1"]);
    assert_eq!(unknown[0]["line"], 4);
    assert_eq!(v["summary"]["unknown_old"], 1);
}

#[test]
fn table_follows_the_language_and_shows_unknown_ids() {
    let out = stdout_of(bin().args(["--lang", "ja", "diff", &d("list.txt"), &d("status.csv")]));
    for want in [
        "状況変更",
        "追加",
        "削除",
        "記載変更",
        "テレワーキング",
        "非該当",
        "17.9.1",
        "カタログにないID (旧)",
        // 14.2.1 newly stated 未実施 is counted apart from the added (review 26 B-3)
        "追加 0, 新たに未実施・計画中・非該当と記載 1, 削除 1, 状況変更 2, 記載変更 2, 変更なし 1",
    ] {
        assert!(out.contains(want), "{want} missing in:\n{out}");
    }
    let out = stdout_of(bin().env("COLUMNS", "220").args([
        "--lang",
        "en",
        "diff",
        &d("old.yaml"),
        &d("new.yaml"),
    ]));
    for want in [
        "status changed (reason)",
        "details changed (reason)",
        "unknown id (new)",
        "9.9.9",
        "added 1, removed 1, status changed 2, details changed 1, unchanged 4",
    ] {
        assert!(out.contains(want), "{want} missing in:\n{out}");
    }
}

#[test]
fn csv_has_a_bom_and_one_row_per_change_in_catalog_order() {
    let (lines, first) = csv_of(&["diff", &d("old.yaml"), &d("new.yaml")]);
    assert_eq!(
        lines[0],
        "id,title,change,old status,new status,old notes,new notes,as of,old registration,new registration"
    );
    // the lists, the counts and the warnings first: the CSV has no heading (review 17 D-9)
    assert_eq!(
        first,
        [
            "lists",
            "summary",
            "different-service",
            "cloud service name",
            "6.2.2",
            "11.1.1",
            "12.1.1",
            "13.1.1",
            "18.1.1",
            "9.9.9"
        ]
    );
    // each row ends with the as-of date (today's: no --as-of)
    assert!(
        lines[4].starts_with(
            "cloud service name,Test SaaS 2025,registry fact changed,,,Test SaaS 2024,Test SaaS 2025,"
        ),
        "{lines:?}"
    );
    // … and each side's registration on it
    assert!(
        lines[4].ends_with(
            ",not checked (no renewal deadline given),not checked (no renewal deadline given)"
        ),
        "{lines:?}"
    );
    assert!(lines[8].contains("removed"), "{lines:?}");
    assert!(lines[9].contains("added"), "{lines:?}");
}

#[test]
fn markdown_is_a_table() {
    let out = stdout_of(
        bin()
            .args(["--lang", "en", "diff", &d("old.yaml"), &d("new.yaml")])
            .args(["--format", "md"]),
    );
    let all: Vec<&str> = out.lines().collect();
    // the heading, the warning and the counts as bullets, then a blank line
    assert!(all[0].starts_with("- old: Test SaaS 2024 ("), "{out}");
    assert!(
        all[1].starts_with("- WARNING (old and new): OLD and NEW are lists of different services")
    );
    assert!(all[2].starts_with("- added 1, removed 1, status changed 2, details changed 1"));
    assert_eq!(all[3], "");
    let lines = &all[4..];
    assert_eq!(
        lines[0],
        "| id | title | change | old status | new status | old notes | new notes |"
    );
    assert_eq!(lines[1], "|---|---|---|---|---|---|---|");
    assert!(
        lines.contains(&"| 13.1.1 | Network controls | removed | implemented | not listed |  |  |")
    );
    assert!(lines.contains(
        &"| cloud service name | Test SaaS 2025 | registry fact changed |  |  | Test SaaS 2024 | Test SaaS 2025 |"
    ));
    assert_eq!(lines.len(), 2 + 7);
}

#[test]
fn fail_on_change_exits_1_only_when_lists_differ() {
    bin()
        .args(["diff", &d("old.yaml"), &d("new.yaml"), "--fail-on-change"])
        .assert()
        .code(1);
    bin()
        .args(["diff", &d("old.yaml"), &d("new.yaml")])
        .assert()
        .code(0);
    bin()
        .args(["diff", &d("old.yaml"), &d("old.yaml"), "--fail-on-change"])
        .assert()
        .code(0)
        .stdout(contains("no differences"));
}

#[test]
fn identical_lists_give_an_empty_diff() {
    // Markdown says so under its counts (review 9 B-diff-1: a bare table header before)
    let md = stdout_of(
        bin()
            .args(["--lang", "ja", "diff", &d("old.yaml"), &d("old.yaml")])
            .args(["--format", "md"]),
    );
    assert!(md.ends_with("\n\n差分はありません\n"), "{md}");
    assert!(!md.contains("| id |"), "{md}");
    let v = diff_json("old.yaml", "old.yaml");
    assert_eq!(v["added"], json!([]));
    assert_eq!(v["removed"], json!([]));
    assert_eq!(v["changed"], json!([]));
    assert_eq!(v["summary"]["differs"], false);
    assert_eq!(v["summary"]["unchanged"], 8);
}

#[test]
fn writes_a_file_by_its_extension() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("diff.json");
    bin()
        .args(["diff", &d("old.yaml"), &d("new.yaml"), "-o"])
        .arg(&out)
        .assert()
        .success();
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(ids(&v["added"]), ["18.1.1"]);
}

#[test]
fn bad_input_exits_2_naming_the_file() {
    let err = input_error(bin().args(["diff", &d("old.yaml"), &d("bad.yaml")]));
    assert!(err.contains("bad.yaml"), "{err}");
    assert!(err.contains("implemnted"), "{err}");
    let err = input_error(bin().args(["diff", &d("missing.txt"), &d("new.yaml")]));
    assert!(err.contains("missing.txt"), "{err}");
    // an input is never overwritten
    let err =
        input_error(bin().args(["diff", &d("old.yaml"), &d("new.yaml"), "-o", &d("new.yaml")]));
    assert!(err.contains("also an input"), "{err}");
    let err = input_error(bin().args(["diff", &d("old.yaml"), &d("new.yaml"), "-o", "x.xlsx"]));
    assert!(err.contains("xlsx"), "{err}");
}

fn catalog_diff_json() -> Value {
    json_of(bin().args([
        "catalog",
        "diff",
        &d("catalog-old.yaml"),
        &d("catalog-new.yaml"),
        "--format",
        "json",
    ]))
}

#[test]
fn catalog_diff_reports_each_kind_of_change() {
    let v = catalog_diff_json();
    // 9.2 is new, so 9.2.1 and 9.2.2 move under it from the clause
    assert_eq!(ids(&v["added"]), ["9.2", "9.2.3"]);
    assert_eq!(v["added"][1]["title"]["en"], "Privileged access");
    assert_eq!(ids(&v["removed"]), ["9.1.2"]);
    assert_eq!(ids(&v["changed"]), ["9.1.1", "9.2.1", "9.2.2"]);
    assert_eq!(
        v["changed"][0]["changes"],
        json!([{"field": "title.en", "old": "Access policy", "new": "Access control policy"}])
    );
    assert_eq!(
        v["changed"][1]["changes"],
        json!([{"field": "parent", "old": "9", "new": "9.2"}])
    );
    assert_eq!(
        v["changed"][2]["changes"],
        json!([
            {"field": "parent", "old": "9", "new": "9.2"},
            {"field": "flags.basic", "old": false, "new": true},
            {"field": "refs.nist_sp800_53", "old": [], "new": ["AC-2", "AC-3*"]}
        ])
    );
    assert_eq!(
        v["summary"],
        json!({"added": 2, "removed": 1, "changed": 3, "unchanged": 2, "differs": true})
    );
    assert_eq!(v["old"]["version"], "1");
    assert_eq!(v["new"]["version"], "2");
    assert_eq!(v["new"]["entries"], 7);
}

#[test]
fn catalog_diff_table_and_csv() {
    let out = stdout_of(bin().args([
        "--lang",
        "en",
        "catalog",
        "diff",
        &d("catalog-old.yaml"),
        &d("catalog-new.yaml"),
    ]));
    for want in [
        "title (en)",
        "Access control policy",
        "parent",
        "basic",
        "refs: NIST SP 800-53",
        "AC-2, AC-3*",
        "added",
        "removed",
        "added 2, removed 1, changed 3, unchanged 2",
    ] {
        assert!(out.contains(want), "{want} missing in:\n{out}");
    }
    let (lines, first) = csv_of(&[
        "catalog",
        "diff",
        &d("catalog-old.yaml"),
        &d("catalog-new.yaml"),
    ]);
    assert_eq!(lines[0], "id,title,change,field,old,new");
    // NEW's order (added and changed merged; a row per changed field), then the removed ones
    assert_eq!(
        first,
        ["9.2", "9.1.1", "9.2.1", "9.2.2", "9.2.2", "9.2.2", "9.2.3", "9.1.2"]
    );
    assert!(lines.contains(&"9.2.1,Registration,changed,parent,9,9.2".to_owned()));
    assert!(
        lines.contains(
            &"9.2.2,Provisioning,changed,refs: NIST SP 800-53,,\"AC-2, AC-3*\"".to_owned()
        ),
        "{lines:?}"
    );
}

#[test]
fn catalog_diff_of_the_embedded_catalog_with_itself_is_empty() {
    let v = json_of(bin().args([
        "catalog", "diff", "embedded", "embedded", "--format", "json",
    ]));
    assert_eq!(v["added"], json!([]));
    assert_eq!(v["removed"], json!([]));
    assert_eq!(v["changed"], json!([]));
    assert_eq!(v["summary"]["differs"], false);
    assert_eq!(v["summary"]["unchanged"], v["old"]["entries"]);
    bin()
        .args(["--lang", "en", "catalog", "diff", "embedded", "embedded"])
        .assert()
        .code(0)
        .stdout(contains("no differences"));
}

#[test]
fn catalog_diff_of_a_bad_catalog_exits_2() {
    let err = input_error(bin().args([
        "catalog",
        "diff",
        "embedded",
        &data("catalog-broken.yaml").display().to_string(),
    ]));
    assert!(err.contains("catalog-broken.yaml"), "{err}");
    let err = input_error(bin().args(["catalog", "diff", &d("nope.yaml"), "embedded"]));
    assert!(err.contains("nope.yaml"), "{err}");
}

/// The heading and summary lines of `diff` wrap to `COLUMNS`, as its table does.
#[test]
fn heading_and_summary_fit_the_terminal_width() {
    for lang in ["en", "ja"] {
        for columns in [80usize, 40] {
            let out = stdout_of(
                bin()
                    .env("COLUMNS", columns.to_string())
                    .args(["--lang", lang, "diff"])
                    .arg(example("csp-list.txt"))
                    .arg(example("csp-profile.yaml")),
            );
            for line in out.lines() {
                assert!(
                    unicode_width::UnicodeWidthStr::width(line) <= columns,
                    "{lang} at {columns}: {line}"
                );
            }
            assert!(out.lines().count() > 5, "{out}");
        }
    }
}

/// Runs `diff OLD NEW --fail-on-change --as-of 2026-04-01` in `lang` with JSON: the
/// exit code, the JSON and stderr.
fn registry_run(lang: &str, old: &std::path::Path, new: &std::path::Path) -> (i32, Value, String) {
    let out = bin()
        .args(["--lang", lang, "diff"])
        .arg(old)
        .arg(new)
        .args([
            "--fail-on-change",
            "--as-of",
            "2026-04-01",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    (out.status.code().unwrap(), v, stderr)
}

fn fields(v: &Value) -> Vec<&str> {
    v["registry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect()
}

#[test]
fn registry_facts_of_a_pasted_entry_are_differences_and_fail_the_check() {
    // the same 130 ids; the deadline lapsed, a plan and events appeared, another date
    let (code, v, stderr) = registry_run(
        "en",
        &example("csp-list-page.txt"),
        &data("diff/entry-new.txt"),
    );
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(v["schema_version"], 12);
    assert_eq!(v["as_of"], "2026-04-01");
    assert_eq!(v["summary"]["unchanged"], 130);
    assert_eq!(
        fields(&v),
        [
            "registered",
            "renewal_deadline",
            "subsequent_events",
            "improvement_plan"
        ]
    );
    assert_eq!(v["registry"][1]["old"], "2027-03-31");
    assert_eq!(v["registry"][1]["new"], "2025-03-31");
    assert_eq!(v["summary"]["differs"], true);
    assert_eq!(v["summary"]["new_not_in_effect"], true);
    assert_eq!(v["old"]["registration"], "valid");
    assert_eq!(v["new"]["registration"], "lapsed");
    assert_eq!(v["warnings"][0]["code"], "registration-lapsed");
    assert!(
        stderr.contains("warning: The registration is past its renewal deadline 2025-03-31"),
        "{stderr}"
    );
    assert!(stderr.contains("4 registry fact(s) changed"), "{stderr}");
    // every text format lists them
    for (format, want) in [
        ("csv", "renewal deadline,サンプルSaaS（架空）,registry fact changed,,,2027-03-31,2025-03-31"),
        ("md", "| renewal deadline | サンプルSaaS（架空） | registry fact changed |  |  | 2027-03-31 | 2025-03-31 |"),
        ("table", "registry facts changed 4"),
    ] {
        let out = stdout_of(
            bin()
                .env("COLUMNS", "200")
                .args(["--lang", "en", "diff"])
                .arg(example("csp-list-page.txt"))
                .arg(data("diff/entry-new.txt"))
                .args(["--as-of", "2026-04-01", "--format", format]),
        );
        assert!(out.contains(want), "{format}: {want} missing in\n{out}");
    }
    // the table says the lapse above the rows, in Japanese too
    let out = stdout_of(
        bin()
            .env("COLUMNS", "200")
            .args(["--lang", "ja", "diff"])
            .arg(example("csp-list-page.txt"))
            .arg(data("diff/entry-new.txt"))
            .args(["--as-of", "2026-04-01"]),
    );
    for want in [
        "失効",
        "警告 (新): 登録の更新期限 2025-03-31",
        "登録の更新期限",
        "改善計画",
    ] {
        assert!(out.contains(want), "{want} missing in\n{out}");
    }
}

#[test]
fn another_service_is_warned_of_and_fails_the_check() {
    let (code, v, stderr) = registry_run(
        "ja",
        &example("csp-list-page.txt"),
        &data("diff/entry-other.txt"),
    );
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(fields(&v), ["name", "registration_number"]);
    assert_eq!(v["warnings"][0]["code"], "different-service");
    assert!(
        stderr
            .contains("警告: 旧と新は別のサービスの一覧です (登録番号 'C99-0001-1' → 'C99-0777-1'"),
        "{stderr}"
    );
    assert!(stderr.contains("登録情報の変更2件"), "{stderr}");
}

#[test]
fn a_profile_now_inheriting_from_a_lapsed_service_fails_the_check() {
    let inh = |n: &str| data(&format!("inherit/{n}"));
    let (code, v, stderr) =
        registry_run("en", &inh("saas-on-2027.yaml"), &inh("saas-on-lapsed.yaml"));
    assert_eq!(code, 1, "{stderr}");
    // the statements are the same: clause 11 through the IaaS on both sides
    assert_eq!(v["summary"]["unchanged"], v["new"]["controls"]);
    assert_eq!(
        v["registry"],
        json!([{"field": "inherits.renewal_deadline", "service": "Test IaaS", "old": "2027-03-31", "new": "2026-03-31"}])
    );
    assert_eq!(v["new"]["registration"], "valid");
    assert_eq!(v["summary"]["new_not_in_effect"], true);
    assert!(
        stderr.contains("The registration of the underlying service Test IaaS is past its renewal deadline 2026-03-31"),
        "{stderr}"
    );
    // an unchanged pair resting on a lapsed service still fails, saying why
    let out = bin()
        .args(["--lang", "en", "diff"])
        .arg(inh("saas-on-lapsed.yaml"))
        .arg(inh("saas-on-lapsed.yaml"))
        .args(["--fail-on-change", "--as-of", "2026-04-01"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("the lists are the same, but NEW rests on a registration not in effect"),
        "{stderr}"
    );
    // and the same pair judged before the deadline passes
    bin()
        .args(["diff"])
        .arg(inh("saas-on-lapsed.yaml"))
        .arg(inh("saas-on-lapsed.yaml"))
        .args(["--fail-on-change", "--as-of", "2026-03-31"])
        .assert()
        .code(0);
    // a not-yet-valid registration is said too
    let (code, v, _) = registry_run("en", &inh("saas-on-2027.yaml"), &inh("saas-on-future.yaml"));
    assert_eq!(code, 1);
    assert_eq!(v["warnings"][0]["code"], "registration-not-yet-valid");
}

/// A profile's dates may be written as the ISMAP list writes them: `令和9年3月31日` is
/// 2027-03-31, the same fact.
#[test]
fn profile_dates_as_the_list_writes_them_are_the_same_facts() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, date: &str| {
        let p = dir.path().join(name);
        std::fs::write(
            &p,
            format!("name: x\nrenewal_deadline: {date}\nimplemented: [9.2.1]\n"),
        )
        .unwrap();
        p
    };
    let iso = write("iso.yaml", "2027-03-31");
    let era = write("era.yaml", "令和9年3月31日");
    let (code, v, stderr) = registry_run("en", &iso, &era);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(v["registry"], json!([]));
    let later = write("later.yaml", "2027年4月1日");
    let (code, v, _) = registry_run("en", &iso, &later);
    assert_eq!(code, 1);
    assert_eq!(v["registry"][0]["new"], "2027-04-01");
}

#[test]
fn each_side_is_warned_of_how_its_list_was_read() {
    // an .xls workbook: its hidden rows and strike-through are not read, on either side
    let xls = data("s17-sheets/csp-clean.xls");
    let out = bin()
        .args([
            "--lang",
            "en",
            "diff",
            "--as-of",
            "2026-04-01",
            "--format",
            "json",
        ])
        .arg(example("csp-list.txt"))
        .arg(&xls)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let marks: Vec<&Value> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "csp-workbook-marks-not-read")
        .collect();
    assert_eq!(marks.len(), 1, "{v}");
    assert_eq!(marks[0]["side"], "new");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("csp-clean.xls") && stderr.contains("save the workbook as .xlsx"),
        "{stderr}"
    );
    // a warning on the reading is not a registration out of effect (--fail-on-change)
    assert_eq!(v["summary"]["new_not_in_effect"], false);
}

/// An implementation date moved or erased is a change of the row (review 9 B-diff-1): a
/// control re-implemented the day before the as-of date is what a monitoring job must see.
#[test]
fn implementation_dates_moved_or_erased_are_changes() {
    let v = json_of(bin().args([
        "diff",
        &d("dates-old.csv"),
        &d("dates-new.csv"),
        "--as-of",
        "2026-04-01",
        "--format",
        "json",
    ]));
    assert_eq!(ids(&v["changed"]), ["9.2.1", "9.2.2"]);
    assert_eq!(v["changed"][0]["fields"], json!(["date"]));
    assert_eq!(v["changed"][0]["old"]["date"], "2025-01-01");
    assert_eq!(v["changed"][0]["new"]["date"], "2026-03-31");
    assert_eq!(v["changed"][1]["old"]["date"], "2025-01-01");
    assert_eq!(v["changed"][1]["new"]["date"], "");
    assert_eq!(v["summary"]["details_changed"], 2);
    assert_eq!(v["summary"]["differs"], true);
    bin()
        .args(["--lang", "en", "diff", &d("dates-old.csv"), &d("dates-new.csv")])
        .args(["--as-of", "2026-04-01", "--fail-on-change", "--format", "csv"])
        .assert()
        .code(1)
        .stdout(contains(
            "9.2.1,User registration and de-registration,details changed (implemented on),implemented,implemented,implemented on: 2025-01-01,implemented on: 2026-03-31",
        ));
    // the same list against itself: no change
    let same = json_of(bin().args([
        "diff",
        &d("dates-old.csv"),
        &d("dates-old.csv"),
        "--as-of",
        "2026-04-01",
        "--format",
        "json",
    ]));
    assert_eq!(same["summary"]["differs"], false);
}

/// `diff` writes CSV in CP932 as the other commands do (review 9 D-enc-1), and only CSV.
#[test]
fn output_encoding_cp932_for_csv_only() {
    let out = bin()
        .args([
            "--lang",
            "ja",
            "diff",
            &d("dates-old.csv"),
            &d("dates-new.csv"),
        ])
        .args(["--as-of", "2026-04-01", "--format", "csv"])
        .args(["--output-encoding", "cp932"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let (text, _, bad) = encoding_rs::SHIFT_JIS.decode(&out.stdout);
    assert!(!bad);
    assert!(text.contains("実施日: 2026-03-31"), "{text}");
    assert!(std::str::from_utf8(&out.stdout).is_err());
    let e = input_error(
        bin()
            .args([
                "--lang",
                "en",
                "diff",
                &d("dates-old.csv"),
                &d("dates-new.csv"),
            ])
            .args(["--format", "md", "--output-encoding", "cp932"]),
    );
    assert!(e.contains("--output-encoding applies to CSV output"), "{e}");
}

/// `--as-of` reads dates as the inputs write them (review 9 C-asof-1).
#[test]
fn as_of_reads_japanese_dates() {
    for written in ["令和8年4月1日", "2026年4月1日", "R8.4.1", "2026/4/1"] {
        let v = json_of(bin().args([
            "diff",
            &d("dates-old.csv"),
            &d("dates-new.csv"),
            "--as-of",
            written,
            "--format",
            "json",
        ]));
        assert_eq!(v["as_of"], "2026-04-01", "{written}");
    }
    let e = input_error(bin().args([
        "--lang",
        "en",
        "diff",
        &d("dates-old.csv"),
        &d("dates-new.csv"),
        "--as-of",
        "来年度",
    ]));
    assert!(e.contains("--as-of '来年度' is not a date"), "{e}");
}
