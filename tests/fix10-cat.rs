//! Review 9's catalog leftovers (fix10-cat): two entries with the same numbers and
//! different suffixes are refused naming both; a B/PB suffix a CSP writes on a detail its
//! catalog entry does not flag counts as basic; `catalog validate` speaks Japanese under
//! `--lang ja` and names the line of a JSON catalog's entry; `catalog list`/`show` name
//! the sources and the catalog file.
mod common;

use std::path::PathBuf;

use common::{bin, data, input_error};
use serde_json::{json, Value};

/// The embedded catalog with one edit, written to a file of its own (pretty JSON: one key
/// a line, as a JSON catalog is usually written).
fn edited(name: &str, edit: impl FnOnce(&mut Vec<Value>)) -> PathBuf {
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("catalog/embedded.json"),
    )
    .unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    doc["name"] = json!("custom");
    doc["version"] = json!("t1");
    edit(doc["entries"].as_array_mut().unwrap());
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("fix10-cat-{name}.json"));
    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    path
}

/// Inserts plain detail entries under 9.2.3, after its last detail.
fn with_details<'a>(ids: &'a [&'a str]) -> impl FnOnce(&mut Vec<Value>) + 'a {
    move |entries| {
        let at = entries
            .iter()
            .rposition(|e| e["parent"] == "9.2.3")
            .unwrap()
            + 1;
        for (k, id) in ids.iter().enumerate() {
            entries.insert(
                at + k,
                json!({"id": id, "layer": "control", "level": "detail", "parent": "9.2.3", "sources": ["ismap-structure"]}),
            );
        }
    }
}

/// The line of `needle` in the file.
fn line_of(path: &PathBuf, needle: &str) -> usize {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .position(|l| l.contains(needle))
        .unwrap()
        + 1
}

/// `ismap-gap --lang LANG report --as-of 2026-04-01 --checks CHECKS --csp st-b.csv
/// --catalog CATALOG ARGS…` on this file's fixtures.
fn report(lang: &str, checks: &str, catalog: &PathBuf, args: &[&str]) -> assert_cmd::Command {
    let mut c = common::on_checks(lang, "report", data(&format!("fix10-cat/{checks}")));
    c.arg("--csp")
        .arg(data("fix10-cat/st-b.csv"))
        .arg("--catalog")
        .arg(catalog)
        .args(args);
    c
}

#[test]
fn two_entries_with_the_same_numbers_and_different_suffixes_are_refused_naming_both() {
    let path = edited("pair", with_details(&["9.2.3.20", "9.2.3.20.B"]));
    let first = line_of(&path, "\"id\": \"9.2.3.20\"");
    let second = line_of(&path, "\"id\": \"9.2.3.20.B\"");
    let out = bin()
        .arg("--catalog")
        .arg(&path)
        .args(["catalog", "validate"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    // the JSON catalog's line of each entry is named
    assert!(
        err.contains(&format!(
            "line {second}: entries '9.2.3.20' (line {first}) and '9.2.3.20.B' have the same numbers 9.2.3.20 with different suffixes"
        )),
        "{err}"
    );
    assert!(err.contains("1 problem(s) found"), "{err}");
    // loading it for a report refuses it too
    let err = input_error(report("en", "k.csv", &path, &[]));
    assert!(err.contains("have the same numbers 9.2.3.20"), "{err}");
    // an objective beside its suffixed twin too
    let path = edited("pair-objective", |entries| {
        let at = entries.iter().position(|e| e["id"] == "8.1.5.P").unwrap();
        let mut plain = entries[at].clone();
        plain["id"] = json!("8.1.5");
        entries.insert(at + 1, plain);
    });
    let out = bin()
        .args(["catalog", "validate"])
        .arg(&path)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("entries '8.1.5.P' (line")
            && err.contains("and '8.1.5' have the same numbers 8.1.5"),
        "{err}"
    );
}

#[test]
fn catalog_validate_problems_are_japanese() {
    let path = edited("pair-ja", with_details(&["9.2.3.20", "9.2.3.20.B"]));
    let out = bin()
        .args(["--lang", "ja", "catalog", "validate"])
        .arg(&path)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("エラー: ")
            && err.contains("項目 '9.2.3.20'(")
            && err.contains(
                "と '9.2.3.20.B' は番号 9.2.3.20 が同じで接尾辞だけが異なります (ヒント: "
            ),
        "{err}"
    );
    assert!(!err.contains("error: "), "{err}");
    assert!(!err.contains("have the same numbers"), "{err}");
    // a catalog with several problems, loaded for a report: the first one, in Japanese,
    // the count in the hint
    let path = edited("two-problems", |entries| {
        with_details(&["9.2.3.20", "9.2.3.20.B"])(entries);
        entries.push(json!({"id": "9.x", "layer": "control", "level": "detail"}));
    });
    let out = report("ja", "k.csv", &path, &[]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("ID '9.x' の形が正しくありません (ヒント: ほかに問題が1件あります"),
        "{err}"
    );
}

/// `report --format json` on the fixtures with `catalog`: the status and reasons of K-2.
fn k2(catalog: &PathBuf) -> (String, Vec<String>) {
    let v = common::json_of(report("en", "k.csv", catalog, &["--format", "json"]));
    let item = &v["items"][0];
    assert_eq!(item["id"], "K-2");
    (
        item["status"].as_str().unwrap().to_owned(),
        item["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap().to_owned())
            .collect(),
    )
}

#[test]
fn a_basic_suffix_the_csp_writes_on_a_detail_the_catalog_does_not_flag_counts_as_basic() {
    // the catalog has a plain 9.2.3.20 (not a detail of ISMAP管理基準's, so no flag is due);
    // the CSP states 9.2.3.20.B 未実施: a basic statement requirement not implemented
    let path = edited("plain-detail", with_details(&["9.2.3.20"]));
    let (status, reasons) = k2(&path);
    assert_eq!(status, "partial", "{reasons:?}");
    assert!(
        reasons.contains(&"basic-requirement-not-implemented".to_owned()),
        "{reasons:?}"
    );
    assert!(
        !reasons.contains(&"non-basic-detail-not-implemented".to_owned()),
        "{reasons:?}"
    );
    // the warning naming the suffix says how it was read
    let v = common::json_of(report("en", "k.csv", &path, &["--format", "json"]));
    let warned: Vec<&str> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "csp-suffix-mismatch")
        .map(|w| w["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        warned,
        ["The CSP list writes detailed controls with a suffix (B/PB/P) the catalog does not give them: 9.2.3.20.B → 9.2.3.20; read as the catalog's control of those numbers, and 9.2.3.20.B as a basic statement requirement (B), as the list writes it: check the list"]
    );
}

#[test]
fn catalog_list_and_show_name_the_sources_and_the_catalog_file() {
    // CSV: a sources column
    let csv = common::stdout_of(bin().args([
        "--lang",
        "en",
        "catalog",
        "list",
        "--level",
        "objective",
        "--format",
        "csv",
    ]));
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap().trim_start_matches('\u{feff}'),
        "id,layer,level,title,flags,parent,sources"
    );
    assert!(
        csv.lines().any(|l| l
            == "9.2.1,control,objective,User registration and de-registration,,9.2,\"iso27002-2013, nist-sp800-53r5-iso27001\""),
        "{csv}"
    );
    // the embedded catalog goes unnamed
    let table =
        common::stdout_of(bin().args(["--lang", "en", "catalog", "list", "--level", "clause"]));
    assert!(!table.contains("catalog: "), "{table}");
    assert!(table.contains("sources"), "{table}");
    // a catalog file is named: above a table, on stderr beside CSV
    let path = edited("named", with_details(&["9.2.3.20"]));
    let table = common::stdout_of(
        bin()
            .args(["--lang", "en", "--catalog"])
            .arg(&path)
            .args(["catalog", "list", "--level", "clause"]),
    );
    assert!(
        table.starts_with("catalog: custom t1 [--catalog fix10-cat-named.json] ("),
        "{table}"
    );
    let out = bin()
        .args(["--lang", "en", "--catalog"])
        .arg(&path)
        .args(["catalog", "show", "9.2.3.20", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("note: entries of the catalog read from ")
            && err.contains("fix10-cat-named.json"),
        "{err}"
    );
    // show: each source key with its description (the facts it gives)
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v["sources"]["ismap-structure"]
            .as_str()
            .unwrap()
            .starts_with("The layer structure of ISMAP管理基準"),
        "{v}"
    );
    let table = common::stdout_of(bin().args(["--lang", "en", "catalog", "show", "9.2.1"]));
    assert!(
        table.contains("iso27002-2013: ISO/IEC 27002:2013 clauses")
            && table.contains("nist-sp800-53r5-iso27001: NIST's mapping"),
        "{table}"
    );
}

#[test]
fn catalog_diff_says_an_id_lost_its_basic_suffix() {
    let old = edited("diff-old", with_details(&["9.2.3.20.B"]));
    let new = edited("diff-new", with_details(&["9.2.3.20"]));
    let v = common::json_of(
        bin()
            .args(["catalog", "diff"])
            .arg(&old)
            .arg(&new)
            .args(["--format", "json"]),
    );
    assert_eq!(v["schema_version"], 3);
    assert_eq!(v["added"], json!([]), "{v}");
    assert_eq!(v["removed"], json!([]), "{v}");
    assert_eq!(
        v["changed"],
        json!([{"id": "9.2.3.20", "changes": [
            {"field": "id", "old": "9.2.3.20.B", "new": "9.2.3.20"},
            {"field": "flags.basic", "old": true, "new": false}
        ]}])
    );
    let table = common::stdout_of(
        bin()
            .args(["--lang", "en", "catalog", "diff"])
            .arg(&old)
            .arg(&new),
    );
    assert!(
        table.contains("id (suffix) ┆ 9.2.3.20.B ┆ 9.2.3.20")
            && table.contains("basic       ┆ true       ┆ false"),
        "{table}"
    );
}

#[test]
fn the_check_list_reader_knows_the_chosen_catalogs_ids() {
    // a catalog with an objective 9.2.7 the embedded one lacks: a names column naming it
    // beside a references cell that does not hold it is refused, as for an embedded id
    let path = edited("objective-927", |entries| {
        let at = entries.iter().position(|e| e["id"] == "9.2.6").unwrap();
        entries.insert(
            at + 1,
            json!({"id": "9.2.7", "layer": "control", "level": "objective", "parent": "9.2", "sources": ["ismap-structure"]}),
        );
    });
    let err = input_error(report("en", "k-names.csv", &path, &[]));
    assert!(
        err.contains("row 2: column '管理策'")
            && err.contains("it names 9.2.7, which '管理策番号' does not hold"),
        "{err}"
    );
}
