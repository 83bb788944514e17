//! `ismap-gap report` run as a user would: every status, input form, output format, exit code.
mod common;

use std::fs;
use std::path::Path;

use common::{bin, data, example, input_error, json_of, on_checks, stdout_of};
use predicates::str::contains;
use serde_json::Value;

fn report(checks: &Path, csp: &Path) -> assert_cmd::Command {
    let mut c = on_checks("en", "report", checks);
    c.arg("--csp").arg(csp);
    c
}

fn item<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

fn statuses(v: &Value) -> Vec<(String, String)> {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap().to_owned(),
                i["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn all_statuses_json() -> Value {
    json_of(
        report(&data("checks-all-statuses.csv"), &data("csp-basic.txt")).args(["--format", "json"]),
    )
}

#[test]
fn every_status_from_pasted_text() {
    let v = all_statuses_json();
    let want = [
        ("K01", "covered"),
        ("K02", "assurance-gap"),
        ("K03", "partial"),
        ("K04", "not-covered"),
        ("K05", "outside-ismap"),
        // a reference that does not resolve is never "outside ISMAP": fix it first
        ("K06", "not-analysed"),
        ("K07", "not-covered"),
        ("K08", "partial"),
        ("K09", "partial"),
        ("K10", "covered"),
        ("K11", "not-analysed"),
        ("K12", "covered"),
        ("K13", "assurance-gap"),
        ("K14", "partial"),
        ("K15", "covered"),
    ];
    for (id, status) in want {
        assert_eq!(item(&v, id)["status"], status, "{id}");
    }
    let s = &v["summary"];
    assert_eq!(
        (
            s["total"].as_u64(),
            s["covered"].as_u64(),
            s["assurance_gap"].as_u64(),
            s["partial"].as_u64(),
            s["not_covered"].as_u64(),
            s["outside_ismap"].as_u64(),
            s["not_analysed"].as_u64()
        ),
        (
            Some(15),
            Some(4),
            Some(2),
            Some(4),
            Some(2),
            Some(1),
            Some(2)
        )
    );
    assert_eq!(s["covered_share"], 0.2667);
    assert_eq!(v["csp"]["implemented"], 5);
    assert_eq!(v["csp"]["ignored_tokens"], 6);
}

#[test]
fn rows_sort_by_severity_then_risk_then_input_order() {
    let v = all_statuses_json();
    let order: Vec<String> = statuses(&v).into_iter().map(|(id, _)| id).collect();
    assert_eq!(
        order,
        [
            "K06", "K11", "K05", "K04", "K07", "K03", "K08", "K09", "K14", "K02", "K13", "K01",
            "K10", "K12", "K15"
        ]
    );
}

#[test]
fn each_row_explains_itself() {
    let v = all_statuses_json();
    let k03 = item(&v, "K03");
    assert_eq!(k03["implemented"], serde_json::json!(["9.2.1"]));
    assert_eq!(k03["missing"], serde_json::json!(["9.4.1"]));
    assert_eq!(
        k03["controls"][1]["title"],
        "Information access restriction"
    );
    // absent from a pasted list of five ids: not listed, and the list looks incomplete
    assert_eq!(k03["not_listed"], serde_json::json!(["9.4.1"]));
    assert_eq!(k03["not_implemented"], serde_json::json!([]));
    assert_eq!(k03["controls"][1]["state"], "not-listed");
    assert_eq!(
        k03["reasons"],
        serde_json::json!(["not-listed", "list-incomplete"])
    );
    let codes = |i: &Value| -> Vec<String> {
        i["additional_procedures"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["code"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(codes(k03), ["statement-request"]);

    let k08 = item(&v, "K08");
    assert_eq!(k08["annex_only"], serde_json::json!(["9.2.1.1"]));
    assert_eq!(
        k08["reasons"],
        serde_json::json!(["detail-in-annex", "unverified-detail"])
    );
    assert!(codes(k08).contains(&"annex-request".to_owned()));

    // AC-2 is in NIST's table without an asterisk: an exact (candidate) mapping, shown
    let k09 = item(&v, "K09");
    assert_eq!(k09["nist_refs"], serde_json::json!(["AC-2"]));
    assert_eq!(k09["nist_approximate"], serde_json::json!([]));
    assert!(k09["reasons"]
        .as_array()
        .unwrap()
        .contains(&Value::from("mapped-via-nist")));
    // still a mapping between frameworks: reviewed, and at most partial (review 15 A-7)
    assert!(codes(k09).contains(&"mapping-review".to_owned()));
    assert_eq!(k09["status"], "partial");

    let k06 = item(&v, "K06");
    assert_eq!(k06["unresolved"][0]["reference"], "Z.Z.Z");
    assert_eq!(k06["reasons"], serde_json::json!(["unresolved-reference"]));
    assert_eq!(codes(k06), ["fix-reference"]);

    let k11 = item(&v, "K11");
    assert_eq!(k11["unresolved"][0]["why"], "unknown-id");
    assert!(!k11["unresolved"][0]["suggestions"]
        .as_array()
        .unwrap()
        .is_empty());

    assert_eq!(codes(item(&v, "K02")), ["soc2-report"]);
    assert_eq!(codes(item(&v, "K13")), ["own-audit"]);
    assert_eq!(item(&v, "K12")["controls"][0]["via"], "CLD.8.1.5");
    // covered on a pasted list that states its kind (its title): the detail's note only
    assert_eq!(item(&v, "K15")["status"], "covered");
    assert_eq!(
        item(&v, "K15")["reasons"],
        serde_json::json!(["unverified-detail"])
    );
    assert_eq!(item(&v, "K01")["extra"]["owner"], "IT");
    assert_eq!(item(&v, "K01")["row"], 2);
}

#[test]
fn profile_exclusions_and_registration_warnings() {
    let out = report(&data("checks-all-statuses.csv"), &data("csp-profile.yaml"))
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("warning: The registration is past its renewal deadline 2025-12-31"),
        "{stderr}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["csp"]["name"], "Test SaaS");
    assert_eq!(v["csp"]["registration_number"], "C99-0002-1");
    let codes: Vec<&str> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "registration-lapsed",
            "audit-period-old",
            "list-incomplete",
            "items-not-analysed",
            "unresolved-references"
        ]
    );
    // the lapsed registration covers nothing: what was covered is an assurance gap
    let k01 = item(&v, "K01");
    assert_eq!(k01["status"], "assurance-gap");
    assert_eq!(
        k01["reasons"],
        serde_json::json!(["registration-lapsed", "audit-period-old"])
    );
    assert_eq!(k01["registration_lapsed"], serde_json::json!(["Test SaaS"]));
    assert_eq!(k01["controls"][0]["registration_lapsed"], "Test SaaS");
    assert_eq!(v["summary"]["covered"], 0);
    assert_eq!(v["csp"]["registration"], "lapsed");
    let k07 = item(&v, "K07");
    assert_eq!(k07["status"], "not-covered");
    assert_eq!(k07["not_applicable"][0]["reason"], "no teleworking offered");
    assert!(k07["reasons"]
        .as_array()
        .unwrap()
        .contains(&Value::from("not-applicable")));
    let k04 = item(&v, "K04");
    assert_eq!(
        k04["not_applicable"][0],
        serde_json::json!({"id": "11.1.1", "reason": ""})
    );
    // the objectives list shows every catalog item's state
    let objectives = v["objectives"].as_array().unwrap();
    let state = |id: &str| objectives.iter().find(|o| o["id"] == id).unwrap()["state"].clone();
    assert_eq!(state("6.2.2"), "not-applicable");
    assert_eq!(state("9.2.1"), "implemented");
    assert_eq!(state("5.1.1"), "not-listed");
    // a recent as-of date has no registration warnings
    let v = json_of(
        bin()
            .args([
                "report",
                "--as-of",
                "2025-01-01",
                "--format",
                "json",
                "--checks",
            ])
            .arg(data("checks-all-statuses.csv"))
            .arg("--csp")
            .arg(data("csp-profile.yaml")),
    );
    let codes: Vec<&str> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "list-incomplete",
            "items-not-analysed",
            "unresolved-references"
        ]
    );
    assert_eq!(v["csp"]["registration"], "valid");
    assert_eq!(item(&v, "K01")["status"], "covered");
}

#[test]
fn unknown_csp_ids_are_warned_not_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let csp = dir.path().join("csp.txt");
    fs::write(&csp, "9.2.1 9.9.9 8.1.5.B\n").unwrap();
    let v = json_of(report(&data("checks-all-statuses.csv"), &csp).args(["--format", "json"]));
    let unknown: Vec<&str> = v["csp"]["unknown_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap())
        .collect();
    assert_eq!(unknown, ["9.9.9", "8.1.5.B"]);
    assert_eq!(v["csp"]["unknown_ids"][1]["suggestions"][0], "8.1.5.P");
    assert!(v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["code"] == "csp-unknown-ids"));
    // --strict turns it into an input error naming the file and line
    let lines = strict_errors(report(&data("checks.yaml"), &csp).arg("--strict"));
    assert!(
        lines[0].contains("csp.txt: line 1: id '9.9.9' is not in the catalog"),
        "{lines:?}"
    );
}

/// A cloud objective's detail written with the suffix before the detail number
/// (`8.1.5.P.1`), in a check list or a CSP list, is the catalog's `8.1.5.1.P`.
#[test]
fn details_with_the_suffix_in_the_middle_resolve() {
    let dir = tempfile::tempdir().unwrap();
    let checks = dir.path().join("checks.csv");
    fs::write(
        &checks,
        "id,title,ISMAP管理策\nC1,a,8.1.5.P.1\nC2,b,８．１．５．Ｐ．１\nC3,c,8.1.5.1.P\n",
    )
    .unwrap();
    let csp = dir.path().join("csp.txt");
    // (the objective stated too: a detail alone under an objective not stated is at most
    // partial, review 17 A-3)
    fs::write(&csp, "ISMAPクラウドサービスリスト\n8.1.5.P\n8.1.5.P.1\n").unwrap();
    let v = json_of(report(&checks, &csp).args(["--format", "json"]));
    assert_eq!(v["csp"]["unknown_ids"].as_array().unwrap().len(), 0, "{v}");
    for id in ["C1", "C2", "C3"] {
        let i = item(&v, id);
        assert_eq!(i["unresolved"].as_array().unwrap().len(), 0, "{id}: {i}");
        assert_eq!(i["controls"][0]["id"], "8.1.5.1.P", "{id}");
        assert_eq!(i["implemented"][0], "8.1.5.1.P", "{id}");
        assert_eq!(i["status"], "covered", "{id}");
    }
}

#[test]
fn encodings_bom_and_cp932_give_the_same_report() {
    let utf8 = fs::read_to_string(data("checks-all-statuses.csv")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let bom = dir.path().join("bom.csv");
    fs::write(&bom, [b"\xEF\xBB\xBF".as_slice(), utf8.as_bytes()].concat()).unwrap();
    let japanese = fs::read_to_string(example("checks.csv")).unwrap();
    let sjis = dir.path().join("sjis.csv");
    let (bytes, _, bad) = encoding_rs::SHIFT_JIS.encode(&japanese);
    assert!(!bad);
    fs::write(&sjis, &bytes).unwrap();

    let base = statuses(&all_statuses_json());
    let with_bom = statuses(&json_of(
        report(&bom, &data("csp-basic.txt")).args(["--format", "json"]),
    ));
    assert_eq!(base, with_bom);

    let from_sjis = json_of(report(&sjis, &example("csp-list.txt")).args(["--format", "json"]));
    let from_utf8 = json_of(
        report(&example("checks.csv"), &example("csp-list.txt")).args(["--format", "json"]),
    );
    assert_eq!(from_sjis["items"], from_utf8["items"]);
    assert_eq!(
        from_sjis["items"][0]["title"],
        "クラウドサービスの稼働状況が監視されていること"
    );
    // forcing the wrong encoding is a clear input error
    let err = input_error(report(&sjis, &example("csp-list.txt")).args(["--encoding", "utf-8"]));
    assert!(err.contains("sjis.csv: line 1: invalid UTF-8"), "{err}");
}

#[test]
fn xlsx_checks_with_title_rows() {
    use rust_xlsxwriter::Workbook;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("checks.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("確認項目").unwrap();
    ws.write_string(0, 0, "外部委託先 確認項目一覧").unwrap();
    ws.write_string(1, 0, "2026年度版").unwrap();
    for (c, h) in ["No.", "チェック項目", "対応管理策", "確認水準", "重要度"]
        .iter()
        .enumerate()
    {
        ws.write_string(3, c as u16, *h).unwrap();
    }
    ws.write_number(4, 0, 1.0).unwrap();
    ws.write_string(4, 1, "利用者登録").unwrap();
    ws.write_string(4, 2, "9.2.1").unwrap();
    ws.write_string(4, 4, "高").unwrap();
    ws.write_number(5, 0, 2.0).unwrap();
    ws.write_string(5, 1, "物理").unwrap();
    ws.write_string(5, 2, "11.1.1\n11.1.2").unwrap();
    ws.write_string(5, 3, "実地監査").unwrap();
    wb.save(&path).unwrap();
    let v = json_of(report(&path, &data("csp-basic.txt")).args(["--format", "json"]));
    assert_eq!(v["checks"]["sheet"], "確認項目");
    assert_eq!(
        statuses(&v),
        [
            ("2".to_owned(), "not-covered".to_owned()),
            ("1".to_owned(), "covered".to_owned())
        ]
    );
    assert_eq!(item(&v, "1")["row"], 5);
    assert_eq!(item(&v, "2")["assurance"], "audit");
    assert_eq!(
        item(&v, "2")["references"],
        serde_json::json!(["11.1.1", "11.1.2"])
    );
}

#[test]
fn yaml_checks_and_json_shape() {
    let v =
        json_of(report(&data("checks.yaml"), &data("csp-basic.txt")).args(["--format", "json"]));
    assert_eq!(
        statuses(&v),
        [
            ("Y3".to_owned(), "unmapped".to_owned()),
            ("2".to_owned(), "partial".to_owned()),
            ("Y1".to_owned(), "covered".to_owned()),
        ]
    );
    for key in [
        "id",
        "title",
        "status",
        "controls",
        "implemented",
        "missing",
        "unresolved",
        "reasons",
        "additional_procedures",
    ] {
        assert!(v["items"][0].get(key).is_some(), "{key}");
    }
    for key in [
        "total",
        "covered",
        "partial",
        "not_covered",
        "outside_ismap",
        "assurance_gap",
    ] {
        assert!(v["summary"][key].is_u64(), "{key}");
    }
}

#[test]
fn csv_output_is_excel_safe() {
    let out = report(&data("checks-all-statuses.csv"), &data("csp-basic.txt"))
        .args(["--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out
        .stdout
        .starts_with(b"\xEF\xBB\xBFid,title,status,risk,assurance,references,controls"));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""),
        "{text}"
    );
    assert!(!text.contains(",=HYPERLINK"));
    let mut rdr = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = rdr.headers().unwrap().clone();
    // the input's own columns, then the reviewer's two, left empty to be filled in, then
    // what the verdicts were made on
    let tail: Vec<&str> = headers.iter().skip(headers.len() - 6).collect();
    assert_eq!(
        tail,
        [
            "owner",
            "Additional procedure needed?",
            "Reviewer comment",
            "as of",
            "CSP",
            "registration"
        ]
    );
    assert_eq!(rdr.records().count(), 15);
    // CP932 on request
    let out = report(&example("checks.csv"), &example("csp-list.txt"))
        .args(["--format", "csv", "--output-encoding", "cp932"])
        .output()
        .unwrap();
    let (decoded, _, bad) = encoding_rs::SHIFT_JIS.decode(&out.stdout);
    assert!(!bad);
    assert!(decoded.contains("データセンターが日本国内に所在すること"));
}

#[test]
fn markdown_and_table_outputs() {
    let md = stdout_of(
        report(&data("checks-all-statuses.csv"), &data("csp-basic.txt")).args(["--format", "md"]),
    );
    assert!(md.starts_with("## ISMAP gap report\n"));
    assert!(md.contains("| ID | Check item | Status | Risk | Gaps | Additional procedures |"));
    // shown as written: the `'` guard is for CSV cells only (review 26 E-1)
    assert!(md.contains("| K10 | =HYPERLINK("), "{md}");
    let table = stdout_of(&mut report(
        &data("checks-all-statuses.csv"),
        &data("csp-basic.txt"),
    ));
    assert!(table.contains("Total 15: covered 4"), "{table}");
    assert!(!table.contains('\u{1b}'), "piped output has no colour");
    let coloured = stdout_of(
        report(&data("checks-all-statuses.csv"), &data("csp-basic.txt"))
            .args(["--color", "always"]),
    );
    assert!(coloured.contains('\u{1b}'));
}

#[test]
fn same_inputs_same_bytes() {
    for format in ["csv", "json", "md", "table"] {
        let run = || {
            report(&example("checks.csv"), &example("csp-profile.yaml"))
                .args(["--format", format])
                .output()
                .unwrap()
                .stdout
        };
        assert_eq!(run(), run(), "{format}");
    }
}

#[test]
fn output_file_format_from_extension_and_atomic_writes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gap.json");
    report(&data("checks-all-statuses.csv"), &data("csp-basic.txt"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let v: Value = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["summary"]["total"], 15);
    // a failing run leaves the old file and no temporary file behind
    fs::write(&out, "old").unwrap();
    input_error(
        report(&data("catalog-good.yaml"), &data("csp-basic.txt"))
            .arg("-o")
            .arg(&out),
    );
    assert_eq!(fs::read_to_string(&out).unwrap(), "old");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    // refuses to overwrite an input, or to write into a missing folder
    let checks = dir.path().join("checks.csv");
    fs::copy(data("checks-all-statuses.csv"), &checks).unwrap();
    let err = input_error(
        report(&checks, &data("csp-basic.txt"))
            .arg("-o")
            .arg(&checks)
            .args(["--format", "csv"]),
    );
    assert!(err.contains("also an input"), "{err}");
    let err = input_error(
        report(&checks, &data("csp-basic.txt"))
            .arg("-o")
            .arg(dir.path().join("no/such/dir/gap.csv")),
    );
    assert!(err.contains("does not exist"), "{err}");
    let err = input_error(
        report(&checks, &data("csp-basic.txt"))
            .arg("-o")
            .arg(dir.path().join("gap.pdf")),
    );
    assert!(err.contains("cannot tell the format"), "{err}");
}

#[test]
fn exit_codes() {
    let checks = data("checks-all-statuses.csv");
    let csp = data("csp-basic.txt");
    report(&checks, &csp)
        .args(["--format", "json"])
        .assert()
        .code(0);
    report(&checks, &csp)
        .args(["--format", "json", "--fail-on", "partial"])
        .assert()
        .code(1);
    report(&checks, &csp)
        .args(["--format", "json", "--fail-on", "outside-ismap"])
        .assert()
        .code(1);
    report(&data("checks.yaml"), &csp)
        .args(["--format", "json", "--fail-on", "not-covered"])
        .assert()
        .code(1);
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.csv");
    fs::write(&good, "id,controls\nA,9.2.1\n").unwrap();
    report(&good, &csp)
        .args(["--fail-on", "assurance-gap"])
        .assert()
        .code(0);
    report(&good, &csp)
        .args(["--fail-on", "covered"])
        .assert()
        .code(1);
    // --strict names every unresolved reference, one line each, then exits 2
    let lines = strict_errors(report(&checks, &csp).arg("--strict"));
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(
        lines[0].contains(
            "checks-all-statuses.csv: row 7: column 'controls': reference 'Z.Z.Z' does not resolve"
        ),
        "{lines:?}"
    );
    assert!(
        lines[1].contains("row 12: column 'controls': reference '9.9.9'"),
        "{lines:?}"
    );
    assert!(lines[2].contains("--strict: 2 problem(s)"), "{lines:?}");
    bin().args(["report", "--checks"]).assert().code(2);
}

/// `--fail-on` at any level fails on items resting on a registration not in effect on the
/// report's date, as `diff --fail-on-change` does (review 9 B-fail-1): a lapsed
/// registration's items are `assurance-gap`, below `partial`, yet nothing may be relied on.
#[test]
fn fail_on_any_level_fails_on_a_registration_not_in_effect() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.csv");
    fs::write(&good, "id,controls\nA,9.2.1\n").unwrap();
    let lapsed = data("verdicts/lapsed.yaml");
    for level in ["not-covered", "partial", "assurance-gap"] {
        let out = report(&good, &lapsed)
            .args(["--format", "json"])
            .args(["-o", dir.path().join("r.json").to_str().unwrap()])
            .args(["--fail-on", level])
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(1), "{level}: {stderr}");
        assert!(stderr.contains("1 item(s)"), "{level}: {stderr}");
        if level != "assurance-gap" {
            assert!(
                stderr.contains("or rest on a registration not in effect on the report's date: A"),
                "{level}: {stderr}"
            );
        }
    }
    // the same item on a registration in effect passes below assurance-gap
    report(&good, &data("csp-basic.txt"))
        .args(["--fail-on", "not-covered"])
        .args(["-o", dir.path().join("r2.json").to_str().unwrap()])
        .assert()
        .code(0);
}

/// Runs with `--strict`, expects exit 2 and only `error:` lines on stderr (no panic, no
/// output written); returns them.
fn strict_errors(mut c: impl std::borrow::BorrowMut<assert_cmd::Command>) -> Vec<String> {
    let out = c.borrow_mut().output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty(), "nothing is written");
    let lines: Vec<String> = stderr.lines().map(str::to_owned).collect();
    assert!(lines.iter().all(|l| l.starts_with("error: ")), "{stderr}");
    lines
}

/// `--strict` reports every unresolved reference and every unknown CSP id in one run, in
/// list order, each with its file, row or line and column.
#[test]
fn strict_names_every_problem_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let checks = dir.path().join("checks.csv");
    fs::write(
        &checks,
        "id,controls\nA,9.2.1\nB,\"12.4.9, 9.1・2\"\nC,9.2.1\nD,A.19.1.1\n",
    )
    .unwrap();
    let csp = dir.path().join("csp.txt");
    fs::write(&csp, "9.2.1\n9.9.9\n8.1.5.B\n").unwrap();
    let lines = strict_errors(report(&checks, &csp).arg("--strict"));
    let want = [
        "checks.csv: row 3: column 'controls': reference '12.4.9' does not resolve",
        "checks.csv: row 3: column 'controls': reference '9.1・2' does not resolve",
        "checks.csv: row 5: column 'controls': reference 'A.19.1.1' does not resolve",
        "csp.txt: line 2: id '9.9.9' is not in the catalog",
        "csp.txt: line 3: id '8.1.5.B' is not in the catalog",
        "--strict: 5 problem(s): 3 unresolved reference(s), 2 CSP id(s) not in the catalog",
    ];
    assert_eq!(lines.len(), want.len(), "{lines:?}");
    for (line, want) in lines.iter().zip(want) {
        assert!(line.contains(want), "{line:?} lacks {want:?}");
    }
    // without --strict, the same run reports them and succeeds
    report(&checks, &csp).assert().code(0);
}

#[test]
fn bad_inputs_name_file_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    fs::write(&bad, "id,controls\nA,9.2.1\nA,9.4.1\n").unwrap();
    let err = input_error(report(&bad, &data("csp-basic.txt")));
    assert!(
        err.contains(
            "bad.csv: row 3: column 'id': duplicate check-item id 'A' (also on row 2) (hint:"
        ),
        "{err}"
    );
    let err = input_error(report(
        &data("checks-all-statuses.csv"),
        &data("csp-bad-field.yaml"),
    ));
    assert!(
        err.contains("csp-bad-field.yaml: line 3") && err.contains("unknown field `implemnted`"),
        "{err}"
    );
    let err = input_error(report(
        &data("checks-all-statuses.csv"),
        &dir.path().join("missing.txt"),
    ));
    assert!(err.contains("missing.txt: cannot read"), "{err}");
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "統制目標 番号\n2025.04.01\n").unwrap();
    let err = input_error(report(&data("checks-all-statuses.csv"), &empty));
    assert!(
        err.contains("found no ISMAP control ids (3 other tokens ignored)"),
        "{err}"
    );
    let junk = dir.path().join("junk.xlsx");
    fs::write(&junk, "not a zip").unwrap();
    let err = input_error(report(&junk, &data("csp-basic.txt")));
    // text under a workbook's name is named as text (review 26 E-5)
    assert!(err.contains("junk.xlsx: looks like CSV or text"), "{err}");
    bin()
        .args([
            "report", "--checks", "a.csv", "--csp", "b.txt", "--format", "xlsx",
        ])
        .assert()
        .code(2)
        .stderr(contains("xlsx output needs a file"));
}

#[test]
fn csp_lists_as_csv_and_spreadsheet_are_scanned_cell_by_cell() {
    let dir = tempfile::tempdir().unwrap();
    let csv_path = dir.path().join("csp.csv");
    fs::write(
        &csv_path,
        "登録区分,ISMAP\n統制目標番号,メモ\n9.2.1,\n9.2.2,\n\"8.1.5P, 6.1.1\",\n",
    )
    .unwrap();
    let v = json_of(report(&data("checks-all-statuses.csv"), &csv_path).args(["--format", "json"]));
    assert_eq!(v["csp"]["implemented"], 4);
    assert_eq!(v["csp"]["registration_kind"], "ismap");
    // the kind's row and 統制目標番号 (the empty remarks column is not read)
    assert_eq!(v["csp"]["ignored_tokens"], 2);
    assert_eq!(item(&v, "K12")["status"], "covered");
    assert_eq!(v["csp"]["read_as"]["kind"], "published-list");
    // a remark or a date beside the ids, in a table without a status column: the table is
    // not read as a published list (every id implemented whatever the column says)
    fs::write(
        &csv_path,
        "統制目標番号,メモ\n9.2.1,\n9.2.2,確認済\n\"8.1.5P, 6.1.1\",2025/04/01\n",
    )
    .unwrap();
    let err = input_error(report(&data("checks-all-statuses.csv"), &csv_path));
    assert!(
        err.contains("csp.csv: column 'メモ': the table has no status column, and its column 'メモ' (holding '確認済')"),
        "{err}"
    );
    // a column that holds statuses makes the table a status table, read by its values
    fs::write(
        &csv_path,
        "統制目標番号,メモ\n9.2.1,実施\n9.2.2,実施\n\"8.1.5P, 6.1.1\",2025/04/01\n",
    )
    .unwrap();
    let err = input_error(report(&data("checks-all-statuses.csv"), &csv_path));
    assert!(
        err.contains("csp.csv: row 4: column 'メモ': the column holds statuses (実施), so the table is read as a status table, but: unknown status '2025/04/01' for 8.1.5P, 6.1.1"),
        "{err}"
    );

    use rust_xlsxwriter::Workbook;
    let xlsx_path = dir.path().join("csp.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "ISMAPクラウドサービスリスト")
        .unwrap();
    ws.write_string(1, 0, "統制目標 番号").unwrap();
    ws.write_string(2, 0, "9.2.1").unwrap();
    ws.write_string(2, 1, "９．２．２").unwrap();
    ws.write_string(3, 2, "8.1.5.P").unwrap();
    ws.write_number(4, 0, 2025.0).unwrap();
    wb.save(&xlsx_path).unwrap();
    let v =
        json_of(report(&data("checks-all-statuses.csv"), &xlsx_path).args(["--format", "json"]));
    assert_eq!(v["csp"]["implemented"], 3);
    assert_eq!(v["csp"]["registration_kind"], "ismap");
    assert_eq!(item(&v, "K02")["status"], "assurance-gap");
}

#[test]
fn csp_status_tables_declare_each_control() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("soa.csv");
    fs::write(
        &path,
        "登録区分: ISMAP\n管理策番号,実施状況,理由,証跡\n9.2.1,実施,,DOC-1\n9.2.2,計画中,,\n6.2.2,非該当,テレワークなし,\n8.1.5.P,未実施,,\n",
    )
    .unwrap();
    let v = json_of(report(&data("checks-all-statuses.csv"), &path).args(["--format", "json"]));
    assert_eq!(v["csp"]["implemented"], 1);
    assert_eq!(v["csp"]["not_applicable"], 1);
    assert_eq!(item(&v, "K01")["status"], "covered");
    assert_eq!(
        item(&v, "K02")["status"],
        "not-covered",
        "planned is not implemented"
    );
    assert_eq!(
        item(&v, "K07")["not_applicable"][0]["reason"],
        "テレワークなし"
    );
    assert_eq!(item(&v, "K12")["status"], "not-covered");
    fs::write(&path, "管理策番号,実施状況\n9.2.1,たぶん\n").unwrap();
    let err = input_error(report(&data("checks-all-statuses.csv"), &path));
    assert!(
        err.contains("soa.csv: row 2: column '実施状況': unknown status 'たぶん'"),
        "{err}"
    );
}

/// A value the tool cannot read (an unknown assurance) does not stop the run and does not
/// drop the row: the item is listed as not analysed, with the cell, in every format, and
/// `--fail-on` counts it as the most severe status. An unknown risk only orders nothing:
/// the item is judged, with no risk (review 11 C-7).
#[test]
fn unreadable_values_leave_the_item_in_the_report_as_not_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let checks = dir.path().join("checks.csv");
    fs::write(
        &checks,
        "id,title,controls,assurance,risk\nA,ok,9.2.1,,high\nB,typo,9.2.1,sometimes,\nC,typo2,9.2.1,,urgent\n",
    )
    .unwrap();
    let csp = data("csp-basic.txt");
    let v = json_of(report(&checks, &csp).args(["--format", "json"]));
    assert_eq!(v["summary"]["not_analysed"], 1);
    assert_eq!(v["summary"]["total"], 3);
    let b = item(&v, "B");
    assert_eq!(b["status"], "not-analysed");
    assert_eq!(b["reasons"], serde_json::json!(["invalid-input"]));
    assert_eq!(
        b["problems"],
        serde_json::json!([{"field": "assurance", "column": "assurance", "value": "sometimes"}])
    );
    // the assurance it could not read is not shown as the default it stood in for
    assert_eq!(b["assurance"], serde_json::Value::Null);
    assert_eq!(item(&v, "C")["assurance"], "ismap");
    assert_eq!(b["additional_procedures"][0]["code"], "fix-input");
    assert!(b["additional_procedures"][0]["text"]
        .as_str()
        .unwrap()
        .contains("assurance 'sometimes'"));
    assert_eq!(item(&v, "C")["status"], "covered");
    assert_eq!(item(&v, "C")["risk"], serde_json::Value::Null);
    assert_eq!(item(&v, "A")["status"], "covered");
    // the most severe status: listed first
    assert_eq!(v["items"][0]["status"], "not-analysed");
    assert!(v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["code"] == "items-not-analysed"));

    // every format shows it: CSV row, terminal table
    let csv = stdout_of(report(&checks, &csp).args(["--format", "csv"]));
    let row_b = csv.lines().find(|l| l.starts_with("B,")).unwrap();
    assert!(
        row_b.contains("not-analysed") && row_b.contains("sometimes"),
        "{row_b}"
    );
    let table = stdout_of(report(&checks, &csp).args(["--color", "never"]));
    assert!(table.contains("not-analysed 1"), "{table}");
    // and the workbook's gap sheet
    let xlsx = dir.path().join("gap.xlsx");
    report(&checks, &csp)
        .args(["--format", "xlsx", "-o"])
        .arg(&xlsx)
        .assert()
        .success();
    let (_, ranges) = common::xlsx::sheets(&xlsx);
    let gaps = &ranges[1];
    let row = (1..gaps.height())
        .find(|r| common::xlsx::text(gaps, *r, 0) == "B")
        .unwrap();
    let header = common::xlsx::row_texts(gaps, 0);
    let status = header.iter().position(|h| h == "status").unwrap();
    assert_eq!(common::xlsx::text(gaps, row, status), "not-analysed");
    assert!(common::xlsx::row_texts(gaps, row)
        .iter()
        .any(|c| c.contains("assurance 'sometimes'")));
    let assurance = header.iter().position(|h| h == "assurance").unwrap();
    assert_eq!(common::xlsx::text(gaps, row, assurance), "");

    // exit 0 by default; --fail-on counts it as the most severe status
    report(&checks, &csp)
        .args(["--fail-on", "outside-ismap"])
        .assert()
        .code(1);
    report(&checks, &csp)
        .args(["--fail-on", "not-analysed"])
        .assert()
        .code(1);
}

/// A new output file follows the user's umask, like any file the user's tools create:
/// under `umask 077` nobody else may read the report.
#[cfg(unix)]
#[test]
fn a_new_output_file_follows_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gap.csv");
    let bin = assert_cmd::cargo::cargo_bin("ismap-gap");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg("umask 077 && exec \"$0\" report --checks \"$1\" --csp \"$2\" -o \"$3\"")
        .arg(&bin)
        .arg(example("checks.csv"))
        .arg(example("csp-list.txt"))
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

/// Interrupted while writing (Ctrl-C): exit 130, and neither the temporary file nor a
/// partial output is left in the folder.
#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_nothing_behind() {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let checks = dir.path().join("checks.csv");
    let mut text = String::from("id,title,controls\n");
    for i in 0..40_000 {
        text.push_str(&format!(
            "C{i},利用者IDの管理{i},\"9.2.1, A.12.4.1, AC-2\"\n"
        ));
    }
    fs::write(&checks, text).unwrap();
    let out_dir = dir.path().join("out");
    fs::create_dir(&out_dir).unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("ismap-gap"))
        .args(["--lang", "en", "report", "--csp"])
        .arg(example("csp-list.txt"))
        .arg("--checks")
        .arg(&checks)
        .arg("-o")
        .arg(out_dir.join("gap.xlsx"))
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // wait for the temporary file, then interrupt
    let start = Instant::now();
    let names = || -> Vec<String> {
        fs::read_dir(&out_dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    while names().is_empty() {
        if start.elapsed() > Duration::from_secs(60) || child.try_wait().unwrap().is_some() {
            let _ = child.kill();
            panic!("the run ended or stalled before its temporary file appeared");
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(names()[0].starts_with(".ismap-gap-"), "{:?}", names());
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    assert_eq!(names(), Vec::<String>::new());
}

/// A command line clap rejects is one line on stderr, exit 2, like every input error;
/// help still prints in full.
#[test]
fn usage_errors_are_one_line() {
    for args in [
        &[
            "report", "--checks", "x.csv", "--csp", "y.txt", "--format", "foo",
        ][..],
        &["report", "--checks", "x.csv"][..],
        &["report", "--bogus"][..],
        &["--lang", "xx", "catalog", "stats"][..],
    ] {
        let out = bin().args(args).output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("error: ") && stderr.contains("(hint: "),
            "{stderr}"
        );
    }
    let out = bin()
        .args(["report", "--checks", "x.csv", "--format", "foo"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("[possible values: table, csv, json, md, xlsx]"),
        "{stderr}"
    );
    bin()
        .args(["report", "--help"])
        .assert()
        .success()
        .stdout(contains("Usage: ismap-gap report"));
}

/// Each command's `--help` ends with its own exit codes: exit 1 only where an option gives
/// it (review 9 D-help-1: `compare --help` named a `--fail-on` compare does not have).
#[test]
fn help_lists_the_exit_codes_of_its_command() {
    let help = |args: &[&str]| stdout_of(bin().args(args).arg("--help"));
    let tail = |h: &str| h[h.find("Exit codes:").expect("exit codes")..].to_owned();
    for (args, one) in [
        (
            &["report"][..],
            Some("  1    --fail-on was given and crossed"),
        ),
        (
            &["readiness"][..],
            Some("  1    --fail-on missing was given"),
        ),
        (&["diff"][..], Some("  1    --fail-on-change was given")),
        (&["compare"][..], None),
        (&["suggest"][..], None),
        (&["catalog", "list"][..], None),
    ] {
        let t = tail(&help(args));
        match one {
            Some(line) => assert!(t.contains(line), "{args:?}: {t}"),
            None => assert!(
                !t.contains("  1 ") && !t.contains("--fail-on"),
                "{args:?}: {t}"
            ),
        }
        assert!(t.contains("  2    usage or input error"), "{args:?}: {t}");
    }
    assert!(tail(&help(&[])).contains("diff: --fail-on-change"));
}

/// `--output-encoding cp932` is for CSV; with another format it is refused, not ignored.
#[test]
fn output_encoding_is_for_csv_only() {
    for format in ["json", "md", "table"] {
        let err = input_error(
            report(&example("checks.csv"), &example("csp-list.txt")).args([
                "--output-encoding",
                "cp932",
                "--format",
                format,
            ]),
        );
        assert!(err.contains("applies to CSV output"), "{format}: {err}");
    }
}

/// A character with no CP932 form is an error naming the output (the file given with
/// `-o`, or stdout), and no file is left behind.
#[test]
fn cp932_output_errors_name_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let checks = dir.path().join("checks.csv");
    std::fs::write(&checks, "id,title,controls\nE1,𠮷野家の鍵管理,9.2.1\n").unwrap();
    let out = dir.path().join("out.csv");
    let err = input_error(
        report(&checks, &example("csp-list.txt"))
            .args(["--format", "csv", "--output-encoding", "cp932", "-o"])
            .arg(&out),
    );
    assert!(
        err.contains(&format!(
            "error: {}: cannot write CP932 CSV: the character '𠮷' (U+20BB7)",
            out.display()
        )),
        "{err}"
    );
    assert!(err.contains("(hint: use --output-encoding utf-8)"), "{err}");
    assert!(!out.exists());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
    let err = input_error(report(&checks, &example("csp-list.txt")).args([
        "--format",
        "csv",
        "--output-encoding",
        "cp932",
    ]));
    assert!(
        err.contains("error: stdout: cannot write CP932 CSV"),
        "{err}"
    );
}

/// The characters every CP932 converter writes as a JIS X 0208 look-alike (the README's
/// own range `9.2.1〜9.2.3`, −, ‖, ¢, £, ¬), the yen sign (as ￥, never as the 0x5C CP932
/// reads back as a backslash) and a no-break space pasted from a web page (as a space) are
/// written so, said once on stderr.
#[test]
fn cp932_output_writes_the_usual_best_fit_characters() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.csv");
    let run = bin()
        .args(["--lang", "en", "report", "--checks"])
        .arg(data("encoding/best-fit.csv"))
        .arg("--csp")
        .arg(example("csp-list.txt"))
        .args([
            "--as-of",
            "2026-04-01",
            "--format",
            "csv",
            "--output-encoding",
            "cp932",
            "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert!(run.status.success(), "{stderr}");
    let notes: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("CP932 has no code point"))
        .collect();
    assert_eq!(notes.len(), 1, "{stderr}");
    for pair in [
        "〜 (U+301C) → ～",
        "− (U+2212) → －",
        "‖ (U+2016) → ∥",
        "¢ (U+00A2) → ￠",
        "£ (U+00A3) → ￡",
        "¬ (U+00AC) → ￢",
        "¥ (U+00A5) → ￥",
        "no-break space (U+00A0) → space",
    ] {
        assert!(notes[0].contains(pair), "{pair}: {stderr}");
    }
    let bytes = std::fs::read(&out).unwrap();
    let (text, _, err) = encoding_rs::SHIFT_JIS.decode(&bytes);
    assert!(!err);
    assert!(text.contains("9.2.1～9.2.3"), "{text}");
    assert!(text.contains("髙橋・①・ﾊﾝｶｸ・～・－・∥ ￠￡￢"), "{text}");
    assert!(
        text.contains("料金￥100のサービス （Webから貼付）"),
        "{text}"
    );
    assert!(!text.contains('\\'), "{text}");
    // the bytes CP932 gives them
    let has = |b: &[u8]| bytes.windows(2).any(|w| w == b);
    for b in [
        [0x81, 0x60],
        [0x81, 0x7C],
        [0x81, 0x61],
        [0x81, 0x91],
        [0x81, 0x92],
        [0x81, 0xCA],
        [0x81, 0x8F],
    ] {
        assert!(has(&b), "{b:x?}");
    }
}

/// `--sheet` with a file that has no sheets is refused, not ignored.
#[test]
fn sheet_is_for_workbooks_only() {
    let err = input_error(
        report(&example("checks.csv"), &example("csp-list.txt")).args(["--sheet", "確認項目"]),
    );
    assert!(
        err.contains("checks.csv") && err.contains("--sheet picks a sheet of a workbook"),
        "{err}"
    );
    let err = input_error(
        bin()
            .args(["readiness", "--sheet", "x", "--implemented"])
            .arg(example("csp-list.txt")),
    );
    assert!(err.contains("csp-list.txt"), "{err}");
}

/// Input columns carried through under a name the report uses itself are marked as the
/// input's, so no two output columns share a name.
#[test]
fn carried_columns_never_reuse_an_output_name() {
    let dir = tempfile::tempdir().unwrap();
    let checks = dir.path().join("checks.csv");
    fs::write(
        &checks,
        "id,title,controls,status,Row,担当\nC-1,a,9.2.1,済,7,情シス\n",
    )
    .unwrap();
    let out = report(&checks, &example("csp-list.txt"))
        .args(["--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let header: Vec<&str> = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap()
        .split(',')
        .collect();
    assert_eq!(
        &header[header.len() - 8..],
        [
            "status (input)",
            "Row (input)",
            "担当",
            "Additional procedure needed?",
            "Reviewer comment",
            "as of",
            "CSP",
            "registration"
        ]
    );
    let mut unique = header.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), header.len(), "{header:?}");
}

/// A full disk while writing is one line naming where, with a hint (Linux's /dev/full).
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_names_the_output() {
    let Ok(full) = fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("/dev/full not available: skipped");
        return;
    };
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("ismap-gap"))
        .args(["report", "--checks"])
        .arg(example("checks.csv"))
        .arg("--csp")
        .arg(example("csp-list.txt"))
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(
        errors[0].starts_with("error: stdout: cannot write: No space left on device (hint: "),
        "{stderr}"
    );
}

/// `--color always` into a pipe colours the table without dropping its width limit.
#[test]
fn forced_colour_keeps_the_plain_width() {
    let out = report(&example("checks.csv"), &example("csp-list.txt"))
        .args(["--color", "always"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\u{1b}["), "no colour");
    let mut plain = String::new();
    let mut in_escape = false;
    for c in text.chars() {
        match (in_escape, c) {
            (false, '\u{1b}') => in_escape = true,
            (true, 'm') => in_escape = false,
            (true, _) => {}
            (false, c) => plain.push(c),
        }
    }
    let widest = plain
        .lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap();
    assert!(widest <= 160, "{widest}");
}

/// A workbook under a text name, text under a workbook name, or a format under another's
/// extension, is refused.
#[test]
fn format_and_output_name_must_agree() {
    let dir = tempfile::tempdir().unwrap();
    for (format, name) in [
        ("csv", "gap.xlsx"),
        ("xlsx", "gap.csv"),
        ("csv", "keep.json"),
        ("json", "gap.csv"),
        ("md", "gap.yaml"),
        ("json", "gap.md"),
    ] {
        let out = dir.path().join(name);
        let err = input_error(
            report(&example("checks.csv"), &example("csp-list.txt"))
                .args(["--format", format, "-o"])
                .arg(&out),
        );
        assert!(err.contains("does not match the output name"), "{err}");
        assert!(!out.exists());
    }
    // text formats may share a text name (a Markdown table in a .txt file)
    let out = dir.path().join("gap.txt");
    report(&example("checks.csv"), &example("csp-list.txt"))
        .args(["--format", "md", "-o"])
        .arg(&out)
        .assert()
        .success();
    // .yaml gives the JSON model as YAML
    let out = dir.path().join("gap.yaml");
    report(&example("checks.csv"), &example("csp-list.txt"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let yaml: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert!(yaml["items"].as_sequence().is_some_and(|s| !s.is_empty()));
}

/// JSON to a file or a pipe is compact (one line), with `--pretty` indented; the values
/// are the same.
#[test]
fn json_is_compact_in_files_and_pipes_and_indented_with_pretty() {
    let dir = tempfile::tempdir().unwrap();
    let run = |extra: &[&str], out: &str| {
        let path = dir.path().join(out);
        report(&data("checks-all-statuses.csv"), &data("csp-basic.txt"))
            .args(extra)
            .arg("-o")
            .arg(&path)
            .assert()
            .success();
        fs::read_to_string(path).unwrap()
    };
    let compact = run(&[], "compact.json");
    let pretty = run(&["--pretty"], "pretty.json");
    assert_eq!(compact.lines().count(), 1, "{compact}");
    assert!(compact.ends_with("}\n"));
    assert!(pretty.lines().count() > 100);
    assert!(pretty.contains("\n  \"summary\": {"));
    let value = |s: &str| serde_json::from_str::<Value>(s).unwrap();
    assert_eq!(value(&compact), value(&pretty));
    // stdout into a pipe: compact as well
    let piped = stdout_of(
        report(&data("checks-all-statuses.csv"), &data("csp-basic.txt")).args(["--format", "json"]),
    );
    assert_eq!(piped.lines().count(), 1);
    assert_eq!(value(&piped), value(&compact));
}

/// A CSP list read from stdin goes by `stdin` in warnings and in the report, never by the
/// name of the copy it is read from (`stdin.txt`, `stdin.xlsx`).
#[test]
fn a_list_from_stdin_is_named_stdin_in_warnings() {
    for (file, copy) in [("csp-list.txt", "stdin.txt"), ("soa.xlsx", "stdin.xlsx")] {
        let out = bin()
            .args(["--lang", "en", "report", "--checks"])
            .arg(example("checks.csv"))
            .args(["--csp", "-", "--as-of", "2026-04-01", "--format", "json"])
            .write_stdin(fs::read(example(file)).unwrap())
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(out.status.success(), "{stderr}");
        assert!(!stderr.contains(copy), "{file}: {stderr}");
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["csp"]["name"], "stdin", "{file}");
        if file.ends_with(".txt") {
            assert!(
                stderr.contains("(stdin gives no renewal deadline)"),
                "{stderr}"
            );
        }
    }
}

/// A profile's `improvement_plan: false` is shown in the output's language (無 in
/// Japanese, not `no`) (review 3, D7).
#[test]
fn a_profile_yes_or_no_is_shown_in_the_language() {
    let run = |lang: &str| {
        stdout_of(bin().args([
            "--lang",
            lang,
            "report",
            "--checks",
            &example("checks.csv").to_string_lossy(),
            "--csp",
            &example("csp-profile.yaml").to_string_lossy(),
            "--as-of",
            "2026-04-01",
        ]))
    };
    let ja = run("ja");
    assert!(ja.contains("改善計画: 無"), "{ja}");
    assert!(!ja.contains("改善計画: no"), "{ja}");
    assert!(run("en").contains("Improvement plan: no"));
}

/// Registry fields pasted with the list (the service's name, subsequent events) are input:
/// in the Markdown header bullets and WARNING lines of `report` and `compare` they are
/// escaped as table cells are, so an image or a `javascript:` link stays text.
#[test]
fn markdown_header_lines_escape_registry_fields() {
    let live = |md: &str| {
        // every `<` and `[` of the input is escaped (`\<`, `\[`)
        for (i, _) in md.match_indices("<img").chain(md.match_indices("[x](")) {
            assert!(i > 0 && &md[i - 1..i] == "\\", "live markup at {i}:\n{md}");
        }
        assert!(!md.contains("[詳細](javascript"), "{md}");
    };
    for csp in ["entry-name-markup.txt", "entry-events-markup.txt"] {
        let csp = data(&format!("csp-input/{csp}"));
        let md = stdout_of(
            on_checks("en", "report", example("checks.csv"))
                .arg("--csp")
                .arg(&csp)
                .args(["--format", "md"]),
        );
        live(&md);
        assert!(
            md.contains("- CSP: \\<img src=https://evil.example/x.png\\>\\[x\\](javascript:alert(1))")
                || md.contains("- WARNING: Subsequent events are reported: \\[詳細\\](javascript:alert(1)) \\| \\<img src=x\\> \\`x\\`"),
            "{md}"
        );
    }
    let md = stdout_of(
        on_checks("ja", "compare", example("checks.csv"))
            .arg("--csp")
            .arg(data("csp-input/entry-name-markup.txt"))
            .arg("--csp")
            .arg(data("csp-input/entry-events-markup.txt"))
            .args(["--format", "md"]),
    );
    live(&md);
    assert!(
        md.contains(
            "- 警告: \\<img src=https://evil.example/x.png\\>\\[x\\](javascript:alert(1)):"
        ),
        "{md}"
    );
}

/// `--help` is in Japanese under `--lang ja` or a Japanese locale (review 9 D-help-2): the
/// descriptions, headings, clap's notes and the exit codes; the option names as typed.
#[test]
fn help_is_japanese_under_lang_ja_or_a_japanese_locale() {
    let ja = stdout_of(bin().args(["--lang", "ja", "report", "--help"]));
    for expected in [
        "使い方: ismap-gap report",
        "オプション:",
        "      --checks <FILE>\n          自組織の確認項目",
        "[指定できる値: table, csv, json, md, xlsx]",
        "- 2013: ISO/IEC 27001:2013 / 27002:2013（JIS Q 27001:2014）",
        "[既定: auto]",
        "終了コード:\n  0    完了",
        "  1    --fail-on を指定し",
    ] {
        assert!(ja.contains(expected), "{expected:?} not in\n{ja}");
    }
    for english in [
        "Usage:",
        "Options:",
        "Exit codes:",
        "Your check items",
        "possible values",
        "[default:",
    ] {
        assert!(!ja.contains(english), "{english:?} in\n{ja}");
    }
    // the locale alone, the short help, a nested command, `help SUBCOMMAND`
    let locale = stdout_of(
        bin()
            .env("LANG", "ja_JP.UTF-8")
            .args(["catalog", "list", "-h"]),
    );
    assert!(
        locale.contains("--layer <LAYER>    この層の項目だけ [指定できる値: governance"),
        "{locale}"
    );
    let help_sub = stdout_of(bin().args(["--lang=ja", "help", "diff"]));
    assert!(help_sub.contains("2 つの管理策一覧を比べる"), "{help_sub}");
    // --lang en wins over a Japanese locale; without either the help stays English
    let en = stdout_of(
        bin()
            .env("LANG", "ja_JP.UTF-8")
            .args(["--lang", "en", "report", "--help"]),
    );
    assert!(
        en.contains("Usage: ismap-gap report") && !en.contains("使い方"),
        "{en}"
    );
    // a usage error under a Japanese locale is still one Japanese line, exit 2
    let out = bin()
        .env("LANG", "ja_JP.UTF-8")
        .args(["report", "--format", "xml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("エラー: "));
}

/// An `--as-of` after today is refused by every command that takes one (review 11 A-11: a
/// dated plan read on a later day counted as implemented); the date the error names is
/// today's, so the test only pins the far future.
#[test]
fn as_of_after_today_is_refused() {
    let checks = example("checks.csv").display().to_string();
    let csp = example("csp-list.txt").display().to_string();
    let runs: [&[&str]; 3] = [
        &["report", "--checks", &checks, "--csp", &csp],
        &["compare", "--checks", &checks, "--csp", &csp],
        &["readiness", "--implemented", &csp],
    ];
    for args in runs {
        let e = input_error(
            bin()
                .args(["--lang", "en"])
                .args(args)
                .args(["--as-of", "2099-12-01"]),
        );
        assert!(
            e.contains("--as-of 2099-12-01 is after today ("),
            "{args:?}: {e}"
        );
        assert!(e.contains("hint: leave --as-of out"), "{args:?}: {e}");
    }
    let out = bin()
        .args(["--lang", "ja", "report", "--checks", &checks, "--csp", &csp])
        .args(["--as-of", "2099年12月1日"])
        .output()
        .unwrap();
    let e = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{e}");
    assert!(e.contains("--as-of 2099-12-01 は今日("), "{e}");
    // a past date still reads
    report(&example("checks.csv"), &example("csp-list.txt"))
        .assert()
        .code(0);
}

/// Japanese errors carry no English parts (review 11 B-2): the commonest first error's hint,
/// the statements of a control listed twice, the rows of an undecided edition, an empty file.
#[test]
fn japanese_errors_carry_no_english_parts() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        fs::write(&p, text).unwrap();
        p.display().to_string()
    };
    let checks = example("checks.csv").display().to_string();
    let csp = example("csp-list.txt").display().to_string();
    let ja = |checks: &str, csp: &str| {
        let out = bin()
            .args(["--lang", "ja", "report", "--checks", checks, "--csp", csp])
            .args(["--as-of", "2026-04-01"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8(out.stderr).unwrap()
    };
    let no_refs = write("no-refs.csv", "項番,確認項目,重要度\n1,a,高\n");
    let e = ja(&no_refs, &csp);
    assert!(
        e.contains("(ヒント: ISMAPのIDの列の見出しを 'controls' または '管理策' にする"),
        "{e}"
    );
    let dup = write(
        "dup.csv",
        "管理策番号,実施状況,理由\n9.2.1,実施,\n9.2.3,実施,\n9.2.3,未実施,2026年度対応\n",
    );
    let e = ja(&checks, &dup);
    assert!(
        e.contains("ここでは未実施、理由「2026年度対応」、3行目では実施、理由なし"),
        "{e}"
    );
    let edition = write("e.csv", "項番,確認項目,管理策\n1,a,8.2\n2,b,8.3\n3,c,8.1\n");
    let e = ja(&edition, &csp);
    assert!(
        e.contains("2行目の '8.2'、3行目の '8.3'、4行目の '8.1' は"),
        "{e}"
    );
    let empty = write("empty.csv", "\u{feff}");
    let e = ja(&empty, &csp);
    assert!(e.contains("(ヒント: ファイルが空です)"), "{e}");
}
