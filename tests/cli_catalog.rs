//! `ismap-gap catalog …` run as a user would.
mod common;

use common::{bin, data, input_error, json_of, stdout_of};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use serde_json::Value;

/// The `id` of each entry of a JSON list.
fn ids_of(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect()
}

#[test]
fn stats_json_reports_counts_and_completeness() {
    let v = json_of(bin().args(["catalog", "stats", "--format", "json"]));
    assert_eq!(v["governance"]["overview"], 1);
    assert_eq!(v["governance"]["objectives"], 5);
    assert_eq!(v["governance"]["items"], 18);
    assert_eq!(v["management"]["objectives"], 21);
    assert_eq!(v["management"]["items"], 64);
    assert_eq!(v["objectives"], 121);
    assert!(v["details"].as_u64().unwrap() >= 35);
    let c = &v["completeness"];
    assert_eq!(c["details_complete"], false);
    assert!(c["lacks"].as_str().unwrap().contains("catalog import"));
    assert!(c["holds"].as_str().unwrap().contains("64 items"));
    assert_eq!(c["governance_items_in_criteria"], 18);
    assert_eq!(c["published_total_2023"], 1159);
    assert!(c["counts_basis"]
        .as_str()
        .unwrap()
        .contains("not an official figure"));
    assert_eq!(c["basic_flags"], 31);
    assert!(v["edition"].as_str().unwrap().contains("2024-07"));
}

#[test]
fn stats_table_says_what_the_catalog_holds_and_lacks() {
    bin()
        // wide enough that no sentence is wrapped
        .env("COLUMNS", "400")
        .args(["--lang", "en", "catalog", "stats"])
        .assert()
        .success()
        .stdout(contains("management objectives 21 + items 64"))
        .stdout(contains("lacks: most detailed controls"))
        .stdout(contains("catalog import"))
        .stdout(contains(
            "a consultancy published in 2023, not an official figure",
        ));
}

#[test]
fn list_filters_by_layer_level_and_basic() {
    let v = json_of(bin().args([
        "catalog",
        "list",
        "--layer",
        "management",
        "--format",
        "json",
    ]));
    let ids = ids_of(&v);
    assert_eq!(ids.len(), 1 + 6 + 21 + 64);
    assert_eq!(ids[..3], ["4", "4.4", "4.4.1"]);
    assert!(ids.contains(&"4.9.2.2"));
    // every entry names its source
    for e in v.as_array().unwrap() {
        assert!(!e["sources"].as_array().unwrap().is_empty(), "{e}");
    }
    assert_eq!(v[2]["sources"][0], "ismap-criteria-2022-en");
    let v = json_of(bin().args([
        "catalog",
        "list",
        "--layer",
        "control",
        "--level",
        "objective",
        "--format",
        "json",
    ]));
    assert_eq!(v.as_array().unwrap().len(), 121);
    let v = json_of(bin().args(["catalog", "list", "--level", "overview", "--format", "json"]));
    assert_eq!(v[0]["id"], "3.1.1");
    // the flags come from the suffixes: the 31 B/PB details
    let v = json_of(bin().args(["catalog", "list", "--basic", "--format", "json"]));
    let basic = ids_of(&v);
    assert_eq!(basic.len(), 31);
    assert!(basic.contains(&"9.2.3.11.PB") && basic.contains(&"9.4.2.2.B"));
    assert!(!basic.contains(&"8.1.5.4.P"));
}

#[test]
fn show_gives_headings_cross_references_and_flags() {
    let v = json_of(bin().args(["catalog", "show", "3.1.2", "--format", "json"]));
    let e = &v["entries"][0];
    assert_eq!(e["entry"]["title"]["en"], "Evaluate");
    assert!(
        e["entry"]["title"]["ja"].is_null(),
        "no Japanese heading is invented"
    );
    assert_eq!(e["entry"]["refs"]["iso27014_2013"][0], "5.3.2");
    assert_eq!(e["items"].as_array().unwrap().len(), 3);
    let v = json_of(bin().args(["catalog", "show", "4.4.7", "--format", "json"]));
    let e = &v["entries"][0];
    assert_eq!(
        e["entry"]["title"]["en"],
        "Information security risk assessment"
    );
    assert_eq!(e["entry"]["refs"]["iso27001_2013"][0], "6.1.2");
    assert_eq!(e["items"][1]["id"], "4.4.7.2");
    assert_eq!(e["items"][1]["refs"]["iso27001_2013"][0], "6.1.2c)");
    let v = json_of(bin().args(["catalog", "show", "9.2.3.11.PB", "--format", "json"]));
    let e = &v["entries"][0]["entry"];
    assert_eq!(e["flags"]["basic"], true);
    assert_eq!(e["flags"]["cloud_provider"], true);
    // written without its suffix, it names the same control
    let v = json_of(bin().args(["catalog", "show", "9.2.3.11", "--format", "json"]));
    assert_eq!(v["entries"][0]["id"], "9.2.3.11.PB");
    assert!(v["entries"][0]["unverified"].is_null());
    let text = stdout_of(bin().args(["--lang", "en", "catalog", "show", "9.2.3.11.PB"]));
    assert!(text.contains("unique to cloud services"), "{text}");
    assert!(
        text.contains("itself a basic statement requirement"),
        "{text}"
    );
    assert!(text.contains("ISMAP管理基準 2.1"), "{text}");
    let text = stdout_of(bin().args(["--lang", "en", "catalog", "show", "4.4.7"]));
    assert!(text.contains("ISO/IEC 27001:2013"), "{text}");
    assert!(text.contains("4.4.7.2 (6.1.2c))"), "{text}");
    // the odd print is shown as printed, never as a clause
    let text = stdout_of(bin().args(["--lang", "en", "catalog", "show", "4.5.5"]));
    assert!(text.contains("as printed (not read as a clause)"), "{text}");
    assert!(text.contains("ISO/IEC 27001:2013 8.2.8.3"), "{text}");
    // in Japanese, the English heading rather than nothing
    let v = json_of(bin().args([
        "--lang", "ja", "catalog", "search", "4.4.7", "--format", "json",
    ]));
    assert_eq!(v[0]["title"]["en"], "Information security risk assessment");
    let text = stdout_of(bin().args(["--lang", "ja", "catalog", "list", "--layer", "management"]));
    assert!(
        text.contains("Information security risk assessment"),
        "{text}"
    );
}

#[test]
fn search_finds_the_management_objectives_by_heading() {
    let v = json_of(bin().args(["catalog", "search", "risk assessment", "--format", "json"]));
    let ids = ids_of(&v);
    assert!(ids.contains(&"4.4.7") && ids.contains(&"4.5.5"), "{ids:?}");
}

#[test]
fn list_csv_has_bom_and_yaml_parses() {
    let out = bin()
        .args(["catalog", "list", "--level", "clause", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBFid,layer,level,title"));
    let y = stdout_of(bin().args(["catalog", "list", "--level", "clause", "--format", "yaml"]));
    let parsed: serde_yaml::Value = serde_yaml::from_str(&y).unwrap();
    assert_eq!(parsed.as_sequence().unwrap().len(), 16);
}

#[test]
fn show_resolves_every_form() {
    for (input, want) in [
        ("9.2.1", "9.2.1"),
        ("８．１．５．Ｐ", "8.1.5.P"),
        ("8.1.5P", "8.1.5.P"),
        ("8.1.5-p", "8.1.5.P"),
        ("CLD.8.1.5", "8.1.5.P"),
        ("A.9.2.1", "9.2.1"),
        ("3.1.2", "3.1.2"),
        ("4.9.2", "4.9.2"),
    ] {
        let v = json_of(bin().args(["catalog", "show", input, "--format", "json"]));
        assert_eq!(v["entries"][0]["id"], want, "{input}");
        assert_eq!(v["approximate"], false);
    }
}

#[test]
fn show_nist_lists_candidates_marked_approximate() {
    let v = json_of(bin().args(["catalog", "show", "AC-2(1)", "--format", "json"]));
    assert_eq!(v["kind"], "nist");
    assert_eq!(v["approximate"], true);
    assert_eq!(v["nist_mapping"], "through-base");
    assert_eq!(v["matched"], "AC-2");
    let ids: Vec<&str> = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"9.2.1") && ids.len() > 1, "{ids:?}");
    // an exact mapping is not called approximate: a report keeps its verdict
    let v = json_of(bin().args(["catalog", "show", "AC-2", "--format", "json"]));
    assert_eq!(
        (&v["approximate"], &v["nist_mapping"]),
        (&Value::Bool(false), &Value::from("exact"))
    );
    bin()
        .args(["--lang", "en", "catalog", "show", "AC-2"])
        .assert()
        .success()
        .stdout(contains("exact in NIST's table"))
        .stdout(contains("approximate").not());
    bin()
        .args(["--lang", "en", "catalog", "show", "CM-9"])
        .assert()
        .success()
        .stdout(contains("approximate: NIST marks a mapping partial (*)"))
        .stdout(contains("partial mapping (NIST's *)"));
}

/// `catalog show` and `report` judge a NIST mapping the same way: what one calls
/// approximate, the other caps at partial with reason `nist-approximate`.
#[test]
fn show_and_report_agree_on_nist_mappings() {
    let refs = [
        "AC-2", "AC-2(1)", "CM-9", "AC-5", "IA-2", "IA-2(1)", "AC-17", "SC-7",
    ];
    let dir = tempfile::tempdir().unwrap();
    let checks = dir.path().join("checks.csv");
    let mut text = String::from("id,title,controls\n");
    for (i, r) in refs.iter().enumerate() {
        text.push_str(&format!("N{i},item,{r}\n"));
    }
    std::fs::write(&checks, text).unwrap();
    let report = json_of(
        bin()
            .args(["report", "--format", "json", "--checks"])
            .arg(&checks)
            .arg("--csp")
            .arg(data("csp-profile.yaml")),
    );
    for (i, r) in refs.iter().enumerate() {
        let shown = json_of(bin().args(["catalog", "show", r, "--format", "json"]));
        let item = common::by_id(&report["items"], &format!("N{i}"));
        let reasons: Vec<&str> = item["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap())
            .collect();
        let approximate = shown["approximate"].as_bool().unwrap();
        assert_eq!(
            reasons.contains(&"nist-approximate"),
            approximate,
            "{r}: {reasons:?}"
        );
        assert_eq!(
            reasons.contains(&"mapped-via-nist"),
            !approximate,
            "{r}: {reasons:?}"
        );
    }
}

#[test]
fn show_detail_of_skeleton_catalog_is_unverified() {
    let v = json_of(bin().args(["catalog", "show", "9.2.1.3", "--format", "json"]));
    assert_eq!(v["entries"][0]["id"], "9.2.1.3");
    assert_eq!(v["entries"][0]["unverified"], true);
    assert_eq!(v["entries"][0]["entry"]["id"], "9.2.1");
}

#[test]
fn show_unknown_exits_2_with_suggestions() {
    let err = input_error(bin().args(["catalog", "show", "8.1.5.B"]));
    assert!(err.contains("did you mean 8.1.5.P"), "{err}");
    let err = input_error(bin().args(["catalog", "show", "ZZ-99"]));
    assert!(err.contains("does not resolve"), "{err}");
    let err = input_error(bin().args(["catalog", "show", "アクセス制御"]));
    assert!(err.contains("catalog search"), "{err}");
}

#[test]
fn search_matches_ids_and_both_titles() {
    let v = json_of(bin().args(["catalog", "search", "仮想", "--format", "json"]));
    let ids = ids_of(&v);
    assert!(
        ids.contains(&"9.5.1.P") && ids.contains(&"13.1.4.P"),
        "{ids:?}"
    );
    let v = json_of(bin().args(["catalog", "search", "TELEWORKING", "--format", "json"]));
    let ids = ids_of(&v);
    assert_eq!(ids, ["6.2", "6.2.2"]);
    let v = json_of(bin().args(["catalog", "search", "８．１．５", "--format", "json"]));
    assert_eq!(v[0]["id"], "8.1.5.P");
}

/// A reference that is not an id of the catalog (A.9.2.1, AC-2) finds nothing by search;
/// the note says that `catalog show` resolves it, in both languages.
#[test]
fn search_finding_nothing_points_to_show() {
    let out = bin()
        .args(["catalog", "search", "A.9.2.1", "--format", "json"])
        .assert()
        .success();
    let out = out.get_output();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(0), "{v}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("catalog show A.9.2.1"), "{err}");
    let out = bin()
        .args(["--lang", "ja", "catalog", "search", "AC-2"])
        .assert()
        .success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("含む項目はありません") && err.contains("catalog show AC-2"),
        "{err}"
    );
    // a search that finds something says nothing more
    let out = bin().args(["catalog", "search", "仮想"]).assert().success();
    assert!(out.get_output().stderr.is_empty());
}

fn search_ids(text: &str) -> Vec<String> {
    let v = json_of(bin().args(["catalog", "search", text, "--format", "json"]));
    v.as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Search matches words, not strings inside words, and reads the term lexicon: what a
/// buyer types finds the objective even when JIS spells it otherwise.
#[test]
fn search_matches_words_and_the_lexicon_not_substrings() {
    let log = search_ids("log");
    for id in ["12.4", "12.4.1", "12.4.2", "12.4.3"] {
        assert!(log.contains(&id.to_owned()), "{id}: {log:?}");
    }
    // not "technology" (no title has it as a word), not "log-on" (9.4.2's title)
    assert!(!log.contains(&"9.4.2".to_owned()), "{log:?}");
    assert!(!search_ids("olog").iter().any(|id| id.starts_with("12.4")));
    assert!(search_ids("多要素").contains(&"9.4.2".to_owned()));
    assert!(search_ids("MFA").contains(&"9.4.2".to_owned()));
    let vuln = search_ids("脆弱性");
    assert!(vuln.contains(&"12.6.1".to_owned()), "{vuln:?}");
    assert_eq!(search_ids("脆弱性"), search_ids("ぜい弱性"));
    let comply = search_ids("遵守");
    assert!(comply.contains(&"18.2.2".to_owned()), "{comply:?}");
    assert!(
        comply.contains(&"18".to_owned()),
        "the clause title 順守: {comply:?}"
    );
    assert_eq!(search_ids("遵守"), search_ids("順守"));
    // ログ is not inside カタログ-like words; every word of the query must match
    assert!(search_ids("ログ").contains(&"12.4.1".to_owned()));
    assert_eq!(search_ids("log backup"), Vec::<String>::new());
    assert_eq!(search_ids("event log"), ["12.4.1"]);
    assert_eq!(
        search_ids("9.2")[..2],
        ["9.2".to_owned(), "9.2.1".to_owned()]
    );
    assert!(!search_ids("2.1").contains(&"9.2.1".to_owned()));
}

#[test]
fn lang_follows_locale_by_default() {
    bin()
        .env("LANG", "ja_JP.UTF-8")
        .args(["catalog", "show", "6.2.2"])
        .assert()
        .success()
        .stdout(contains("名称(日本語)"));
    bin()
        .env("LANG", "C.UTF-8")
        .args(["catalog", "show", "6.2.2"])
        .assert()
        .success()
        .stdout(contains("title (ja)"));
}

#[test]
fn validate_embedded_and_good_file() {
    bin()
        .args(["catalog", "validate"])
        .assert()
        .success()
        .stdout(contains("valid"));
    bin()
        .args(["catalog", "validate"])
        .arg(data("catalog-good.yaml"))
        .assert()
        .success();
    bin()
        .arg("--catalog")
        .arg(data("catalog-good.yaml"))
        .args(["catalog", "show", "9.2.1", "--format", "json"])
        .assert()
        .success()
        .stdout(contains("Test objective"));
}

#[test]
fn validate_lists_every_problem_with_lines() {
    let out = bin()
        .args(["catalog", "validate"])
        .arg(data("catalog-broken.yaml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains("panicked"));
    for needle in [
        "catalog-broken.yaml: line 12: duplicate id '9.2.1' (first at line 9)",
        "line 15: malformed id '9.2.x'",
        "parent '9.9', which is not in the catalog",
        "parent cycle: 9.4.1 → 9.4.2 → 9.4.1",
        // (review 9, A-cat-1) an entry sits under the entry its number begins with
        "line 9: entry '9.2.1' has no parent, but its number puts it under '9'",
        "8 problem(s) found",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in\n{err}");
    }
}

#[test]
fn a_broken_catalog_is_an_input_error_everywhere() {
    let err = input_error(
        bin()
            .arg("--catalog")
            .arg(data("catalog-broken.yaml"))
            .args(["catalog", "list"]),
    );
    assert!(err.contains("catalog-broken.yaml: line"), "{err}");
    assert!(err.contains("catalog validate"), "{err}");
    let err = input_error(
        bin()
            .arg("--catalog")
            .arg(data("catalog-unknown-field.yaml"))
            .args(["catalog", "list"]),
    );
    assert!(
        err.contains("line 6") && err.contains("unknown field `titel`"),
        "{err}"
    );
    let err = input_error(bin().args(["--catalog", "/nonexistent/c.yaml", "catalog", "list"]));
    assert!(err.contains("/nonexistent/c.yaml: cannot read"), "{err}");
}

/// An empty search text and an empty catalog file are input errors that say so.
#[test]
fn empty_search_text_and_empty_catalog_file() {
    for text in ["", "  ", "　"] {
        let err = input_error(bin().args(["catalog", "search", text]));
        assert!(err.contains("the search text is empty"), "{err}");
    }
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.yaml");
    std::fs::write(&empty, "\n").unwrap();
    let out = bin()
        .args(["catalog", "validate"])
        .arg(&empty)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("empty.yaml: the catalog file is empty"),
        "{stderr}"
    );
    let err = input_error(
        bin()
            .arg("--catalog")
            .arg(&empty)
            .args(["catalog", "stats"]),
    );
    assert!(err.contains("the catalog file is empty"), "{err}");
}

/// Under `--lang ja` the flags, layers and levels of `catalog show` and `catalog list` are
/// Japanese; JSON keeps the codes.
#[test]
fn flags_layers_and_levels_are_japanese_under_lang_ja() {
    let show = stdout_of(
        bin()
            .env("COLUMNS", "200")
            .args(["--lang", "ja", "catalog", "show", "8.1.5.P"]),
    );
    let flags = show.lines().find(|l| l.contains("フラグ ")).unwrap();
    assert!(flags.contains("クラウド固有(P)"), "{flags}");
    assert!(!flags.contains("cloud-provider"), "{flags}");
    let csv = stdout_of(bin().args(["--lang", "ja", "catalog", "list", "--format", "csv"]));
    let row = |id: &str| {
        csv.lines()
            .find(|l| l.starts_with(&format!("{id},")))
            .unwrap()
            .to_owned()
    };
    let governance_item = row("3.1.2.1");
    assert!(
        governance_item.contains(",ガバナンス基準,"),
        "{governance_item}"
    );
    assert!(!governance_item.contains("governance"), "{governance_item}");
    let basic = csv
        .lines()
        .find(|l| l.contains("基本言明要件(B)"))
        .unwrap_or_else(|| panic!("a basic detail in {csv}"));
    assert!(!basic.contains("basic"), "{basic}");
    assert!(!csv.contains(",cloud-provider"), "flags in words");
    let v = json_of(bin().args([
        "--lang", "ja", "catalog", "show", "8.1.5.P", "--format", "json",
    ]));
    let entry = &v["entries"][0]["entry"];
    assert_eq!(entry["layer"], "control");
    assert_eq!(entry["flags"]["cloud_provider"], true);
}

/// The lines above and below the `catalog stats` table wrap to `COLUMNS`, as the table
/// does, in both languages; the Japanese edition sentence is Japanese.
#[test]
fn stats_lines_fit_the_terminal_width() {
    for (lang, columns) in [("en", 80), ("ja", 80), ("en", 40), ("ja", 40)] {
        let out = stdout_of(
            bin()
                .env("COLUMNS", columns.to_string())
                .args(["--lang", lang, "catalog", "stats"]),
        );
        for line in out.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= columns,
                "{lang} at {columns}: {line}"
            );
        }
    }
    let ja = stdout_of(
        bin()
            .env("COLUMNS", "400")
            .args(["--lang", "ja", "catalog", "stats"]),
    );
    let edition = ja.lines().find(|l| l.starts_with("版: ")).unwrap();
    assert!(edition.contains("2022年4月1日版"), "{edition}");
    assert!(!edition.contains("structure as of"), "{edition}");
    assert!(ja.lines().next().unwrap().ends_with("(組み込み)"), "{ja}");
}

/// A `--catalog` holding fewer objectives than the embedded skeleton in any layer (a catalog
/// imported from one sheet of the official workbook: no governance or management criteria,
/// 3 control objectives) is warned about on every command: `readiness` counts only what the
/// catalog holds, and said 100 % without a word (review 11 A-14). The embedded catalog as a
/// file is not warned about.
#[test]
fn a_catalog_lacking_the_skeletons_objectives_is_warned_about() {
    let catalog = data("lead11/one-sheet-catalog.yaml");
    let soa = data("lead11/soa3.csv");
    let out = bin()
        .args(["--lang", "en", "--catalog"])
        .arg(&catalog)
        .args(["readiness", "--implemented"])
        .arg(&soa)
        .args(["--as-of", "2026-04-01"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("holds 0 of the 5 governance objectives, 0 of the 21 management objectives and 3 of the 121 control objectives of the embedded skeleton"),
        "{stderr}"
    );
    let out = bin()
        .args(["--lang", "ja", "--catalog"])
        .arg(&catalog)
        .args(["readiness", "--implemented"])
        .arg(&soa)
        .args(["--as-of", "2026-04-01"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr
            .contains("ガバナンス基準 5件中0件、マネジメント基準 21件中0件、管理策基準 121件中3件"),
        "{stderr}"
    );
    let out = bin()
        .args(["--lang", "en", "--catalog", "catalog/embedded.json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["readiness", "--implemented"])
        .arg(&soa)
        .args(["--as-of", "2026-04-01"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("embedded skeleton"), "{stderr}");
}
