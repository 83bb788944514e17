//! `ismap-gap compare`: several CSPs side by side, ranked; inheritance; a folder of 200.
mod common;

use std::fs;

use common::{bin, data, input_error, json_of, on_checks, stdout_of};
use serde_json::Value;

fn compare() -> assert_cmd::Command {
    on_checks("en", "compare", data("checks-all-statuses.csv"))
}

fn three() -> assert_cmd::Command {
    let mut c = compare();
    for f in [
        "compare/gamma.txt",
        "compare/beta.yaml",
        "compare/alpha.yaml",
    ] {
        c.arg("--csp").arg(data(f));
    }
    c
}

#[test]
fn three_csps_ranked_with_the_report_statuses() {
    let v = json_of(three().args(["--format", "json"]));
    let names: Vec<&str> = v["csps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Alpha SaaS", "Beta SaaS", "gamma.txt"]);
    let alpha = &v["csps"][0];
    assert_eq!(alpha["rank"], 1);
    assert_eq!(alpha["counts"]["total"], 15);
    assert!(
        alpha["covered_share"].as_f64().unwrap() > v["csps"][1]["covered_share"].as_f64().unwrap()
    );
    // every cell is what `report` says for that CSP
    for (i, csp) in [
        "compare/alpha.yaml",
        "compare/beta.yaml",
        "compare/gamma.txt",
    ]
    .iter()
    .enumerate()
    {
        let r = json_of(
            bin()
                .args([
                    "--lang",
                    "en",
                    "report",
                    "--as-of",
                    "2026-04-01",
                    "--format",
                    "json",
                    "--checks",
                ])
                .arg(data("checks-all-statuses.csv"))
                .arg("--csp")
                .arg(data(csp)),
        );
        let name = names[i].to_owned();
        // and its counts are the report's summary, unresolved references included
        assert_eq!(v["csps"][i]["counts"], r["summary"], "{name}");
        for item in r["items"].as_array().unwrap() {
            let row = v["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|x| x["id"] == item["id"])
                .unwrap();
            assert_eq!(
                row["statuses"][&name], item["status"],
                "{name} {}",
                item["id"]
            );
            // and its reasons (B-cmp-2)
            assert_eq!(
                row["reasons"][&name], item["reasons"],
                "{name} {}",
                item["id"]
            );
        }
    }
    let k07 = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == "K07")
        .unwrap();
    assert_eq!(k07["statuses"]["Alpha SaaS"], "covered");
    assert_eq!(k07["statuses"]["Beta SaaS"], "not-covered");
    assert_eq!(alpha["counts"]["unresolved_references"], 2);
    assert_eq!(v["items"][0]["id"], "K01", "items stay in input order");
    assert_eq!(v["items"][0]["title"], "covered item");
}

#[test]
fn ties_rank_by_fewest_not_covered_then_name() {
    let dir = tempfile::tempdir().unwrap();
    let checks = dir.path().join("checks.csv");
    fs::write(&checks, "id,controls\nT1,9.2.1\nT2,11.1.1 11.1.2\n").unwrap();
    // same share covered (T1); Y has T2 partial where X has it not-covered; Z equals Y
    fs::write(dir.path().join("x.yaml"), "name: X\nimplemented: [9.2.1]\n").unwrap();
    fs::write(
        dir.path().join("y.yaml"),
        "name: Y\nimplemented: [9.2.1, 11.1.1]\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("z.yaml"),
        "name: W\nimplemented: [9.2.1, 11.1.2]\n",
    )
    .unwrap();
    let v = json_of(
        bin()
            .args(["compare", "--format", "json", "--checks"])
            .arg(&checks)
            .arg("--csp-dir")
            .arg(dir.path()),
    );
    let names: Vec<&str> = v["csps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["W", "Y", "X"]);
    assert_eq!(v["csps"][0]["covered_share"], v["csps"][2]["covered_share"]);
    assert_eq!(v["csps"][2]["counts"]["not_covered"], 1);
}

#[test]
fn a_folder_of_200_profiles() {
    let dir = tempfile::tempdir().unwrap();
    let ids = [
        "9.2.1", "9.2.2", "9.2.3", "9.4.1", "11.1.1", "8.1.5.P", "6.2.2",
    ];
    for n in 0..200 {
        let take = n % ids.len() + 1;
        let list = ids[..take].join(", ");
        fs::write(
            dir.path().join(format!("csp-{n:03}.yaml")),
            format!("name: CSP {n:03}\nimplemented: [{list}]\n"),
        )
        .unwrap();
    }
    fs::write(dir.path().join("notes.md"), "not a CSP").unwrap();
    fs::write(dir.path().join(".hidden.yaml"), "broken: [").unwrap();
    let v = json_of(
        compare()
            .args(["--format", "json", "--csp-dir"])
            .arg(dir.path()),
    );
    let csps = v["csps"].as_array().unwrap();
    assert_eq!(csps.len(), 200);
    assert_eq!(v["items"][0]["statuses"].as_object().unwrap().len(), 200);
    // the ones listing all seven ids rank first
    assert_eq!(csps[0]["name"], "CSP 006");
    let shares: Vec<f64> = csps
        .iter()
        .map(|c| c["covered_share"].as_f64().unwrap())
        .collect();
    assert!(shares.windows(2).all(|w| w[0] >= w[1]));
    // the workbook leaves per-CSP sheets out beyond 20 CSPs (checked in the xlsx tests)
}

#[test]
fn inherited_coverage_shows_in_compare() {
    let mut c = bin();
    c.args(["--lang", "en", "compare", "--format", "json", "--checks"])
        .arg(data("inherit/checks.csv"))
        .arg("--csp")
        .arg(data("inherit/paas.yaml"))
        .arg("--csp")
        .arg(data("inherit/iaas.yaml"));
    let v = json_of(c);
    let paas = v["csps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Test PaaS")
        .unwrap();
    assert_eq!(paas["inherits"]["name"], "Test IaaS");
    let p1 = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == "P1")
        .unwrap();
    assert_eq!(p1["statuses"]["Test PaaS"], "covered");
}

#[test]
fn text_outputs_and_same_names() {
    let t = stdout_of(three());
    assert!(t.contains("Alpha SaaS") && t.contains("rank"), "{t}");
    let md = stdout_of(three().args(["--format", "md"]));
    assert!(
        md.contains("| id | title | Alpha SaaS | Beta SaaS | gamma.txt |"),
        "{md}"
    );
    let out = three().args(["--format", "csv"]).output().unwrap();
    assert!(out
        .stdout
        .starts_with("\u{feff}id,title,Alpha SaaS".as_bytes()));
    // two profiles with the same name stay apart
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("one.yaml"),
        "name: Same\nimplemented: [9.2.1]\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("two.yaml"),
        "name: Same\nimplemented: [9.2.2]\n",
    )
    .unwrap();
    let v: Value = json_of(
        compare()
            .args(["--format", "json", "--csp-dir"])
            .arg(dir.path()),
    );
    let names: Vec<&str> = v["csps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2);
    assert_ne!(names[0], names[1]);
}

#[test]
fn bad_input() {
    let err = input_error(compare());
    assert!(err.contains("no CSP given"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let err = input_error(compare().arg("--csp-dir").arg(dir.path()));
    assert!(
        err.contains("no CSP lists or profiles in the folder"),
        "{err}"
    );
    fs::write(dir.path().join("bad.yaml"), "name: [").unwrap();
    let err = input_error(compare().arg("--csp-dir").arg(dir.path()));
    assert!(err.contains("bad.yaml"), "{err}");
    // one file twice, directly or through the folder: two columns of one name
    let twice = data("compare/alpha.yaml");
    let err = input_error(compare().arg("--csp").arg(&twice).arg("--csp").arg(&twice));
    assert!(
        err.contains("alpha.yaml") && err.contains("given twice"),
        "{err}"
    );
    let err = input_error(
        compare()
            .arg("--csp")
            .arg(&twice)
            .arg("--csp-dir")
            .arg(data("compare")),
    );
    assert!(err.contains("given twice"), "{err}");
}

/// The result written into the CSP folder by one run is not read as a CSP list by the
/// next: the same command runs again, with the same result.
#[test]
fn the_output_in_the_csp_folder_is_not_a_csp() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["alpha.yaml", "beta.yaml"] {
        fs::copy(data(&format!("compare/{f}")), dir.path().join(f)).unwrap();
    }
    // the lock file Excel keeps beside an open workbook is no CSP list either
    fs::write(dir.path().join("~$gamma.xlsx"), b"\x00lock").unwrap();
    let out = dir.path().join("result.csv");
    let run = || {
        compare()
            .arg("--csp-dir")
            .arg(dir.path())
            .arg("-o")
            .arg(&out)
            .assert()
            .success();
        fs::read(&out).unwrap()
    };
    let first = run();
    assert_eq!(run(), first);
}

/// A valid registration whose kind (ISMAP or ISMAP-LIU) is not stated ranks "valid, with
/// warnings", after the same list stating ISMAP, with its warning in every format; the
/// item it would cover is an assurance gap (fail closed), as on the same list stating
/// ISMAP-LIU, which ranks above it (a stated kind before an unstated one at equal shares,
/// whatever the names).
#[test]
fn an_unstated_registration_kind_ranks_valid_with_warnings() {
    let run = |format: &str| {
        let mut c = on_checks("en", "compare", data("compare/tiers/checks.csv"));
        for f in ["nokind", "liu", "clean"] {
            c.arg("--csp").arg(data(&format!("compare/tiers/{f}.yaml")));
        }
        c.args(["--format", format]);
        c
    };
    let v = json_of(run("json"));
    let csps = v["csps"].as_array().unwrap();
    let names: Vec<&str> = csps.iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Clean", "Stated LIU", "No kind"]);
    assert_eq!(csps[0]["tier"], "valid");
    assert_eq!(csps[0]["covered_share"], 0.25);
    for c in &csps[1..] {
        assert_eq!(c["tier"], "valid-with-warnings");
        assert_eq!(c["covered_share"], 0.0);
        assert_eq!(c["counts"]["assurance_gap"], 1);
    }
    let t1 = &v["items"][0];
    assert_eq!(t1["id"], "T1");
    assert_eq!(t1["statuses"]["Clean"], "covered");
    assert_eq!(t1["statuses"]["Stated LIU"], "assurance-gap");
    assert_eq!(t1["statuses"]["No kind"], "assurance-gap");
    let csps = &csps[1..];
    let codes: Vec<&str> = csps[1]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["registration-kind-unstated"]);
    let report = json_of(
        on_checks("en", "report", data("compare/tiers/checks.csv"))
            .arg("--csp")
            .arg(data("compare/tiers/nokind.yaml"))
            .args(["--format", "json"]),
    );
    let t1 = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "T1")
        .unwrap();
    assert_eq!(t1["status"], "assurance-gap");
    assert_eq!(
        t1["reasons"],
        serde_json::json!(["registration-kind-unstated"])
    );
    let md = stdout_of(run("md"));
    assert!(
        md.contains("- WARNING: No kind: The list does not say whether No kind is on the ISMAP or the ISMAP-LIU list"),
        "{md}"
    );
    let csv = stdout_of(run("csv"));
    assert!(
        csv.contains("tier,,\"1 valid, no warnings\",\"2 valid, with warnings\""),
        "{csv}"
    );
    assert!(
        csv.contains(
            ",The list does not say whether No kind is on the ISMAP or the ISMAP-LIU list: no item needing ISMAP-level assurance is counted as covered on its statements"
        ),
        "{csv}"
    );
}

#[test]
fn ranking_tiers_come_before_the_share_covered_in_every_format() {
    let tiers = |lang: &str, format: &str| {
        let mut c = on_checks(lang, "compare", data("compare/tiers/checks.csv"));
        // given in the reverse of the expected order
        for f in ["lapsed", "unchecked", "warned", "clean"] {
            c.arg("--csp").arg(data(&format!("compare/tiers/{f}.yaml")));
        }
        c.args(["--format", format]);
        c
    };
    let order = ["Clean", "Warned", "Unchecked", "Lapsed"];

    let v = json_of(tiers("en", "json"));
    assert_eq!(v["schema_version"], 28);
    let csps = v["csps"].as_array().unwrap();
    let got: Vec<(&str, &str, u64)> = csps
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap(),
                c["tier"].as_str().unwrap(),
                c["rank"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Clean", "valid", 1),
            ("Warned", "valid-with-warnings", 2),
            ("Unchecked", "not-checked", 3),
            ("Lapsed", "not-in-effect", 4)
        ]
    );
    // the tiers decide, not the share covered
    assert_eq!(csps[0]["covered_share"], 0.25);
    assert_eq!(csps[1]["covered_share"], 1.0);
    assert_eq!(csps[1]["warnings"][0]["code"], "audit-period-old");

    // wide enough for each tier on one line (a column a status)
    let table = stdout_of(tiers("en", "table").env("COLUMNS", "200"));
    assert!(
        table.contains("Ranking: by tier, 1 valid, no warnings > 2 valid, with warnings > 3 validity not checked > 4 lapsed or not yet valid; within a tier, by share covered"),
        "{table}"
    );
    let ranked: Vec<&str> = table
        .lines()
        .filter(|l| {
            l.starts_with("│ 1 ")
                || l.starts_with("│ 2 ")
                || l.starts_with("│ 3 ")
                || l.starts_with("│ 4 ")
        })
        .collect();
    assert_eq!(ranked.len(), 4, "{table}");
    for ((line, name), tier) in
        ranked
            .iter()
            .zip(order)
            .zip(["1 valid", "2 valid,", "3 validity", "4 lapsed"])
    {
        assert!(line.contains(name) && line.contains(tier), "{line}");
    }

    let md = stdout_of(tiers("ja", "md"));
    assert!(md.contains("| 1 | Clean |"), "{md}");
    assert!(md.contains("| 有効 | 1 有効・警告なし |"), "{md}");
    assert!(md.contains("| 4 | Lapsed |"), "{md}");
    assert!(md.contains("| 失効 | 4 失効・未発効 |"), "{md}");
    assert!(md.contains("2 有効・警告あり"), "{md}");
    assert!(md.contains("3 有効性未確認"), "{md}");

    let csv = stdout_of(tiers("en", "csv"));
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    assert_eq!(lines.next(), Some("id,title,Clean,Warned,Unchecked,Lapsed"));
    assert_eq!(
        lines.next(),
        Some("tier,,\"1 valid, no warnings\",\"2 valid, with warnings\",3 validity not checked,4 lapsed or not yet valid")
    );
    // the per-CSP summary under the tier (review 17 D-9), the date, then the warnings
    assert_eq!(lines.next(), Some("rank,,1,2,3,4"));
    assert!(lines
        .next()
        .is_some_and(|l| l.starts_with("share covered,,")));
    let mut lines = lines.skip_while(|l| !l.starts_with("registration,,"));
    assert_eq!(
        lines.next(),
        Some("registration,,valid,valid,not checked,lapsed")
    );
    assert!(lines.next().is_some_and(|l| l.starts_with("as of,")));
    assert!(lines.next().is_some_and(|l| l.starts_with("warnings,,")));

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiers.xlsx");
    let mut c = tiers("en", "xlsx");
    c.arg("-o").arg(&path);
    stdout_of(c);
    let (_, ranges) = common::xlsx::sheets(&path);
    let (summary, matrix) = (&ranges[0], &ranges[1]);
    let text = common::xlsx::text;
    let header = (0..summary.height())
        .find(|r| text(summary, *r, 0) == "rank")
        .unwrap();
    let tier_col = (0..summary.width())
        .find(|c| text(summary, header, *c) == "tier")
        .unwrap();
    for (k, (name, tier)) in order
        .iter()
        .zip([
            "1 valid, no warnings",
            "2 valid, with warnings",
            "3 validity not checked",
            "4 lapsed or not yet valid",
        ])
        .enumerate()
    {
        assert_eq!(text(summary, header + 1 + k, 1), *name);
        assert_eq!(text(summary, header + 1 + k, tier_col), tier);
    }
    assert!((0..header).any(|r| text(summary, r, 0) == "Ranking"
        && text(summary, r, 1).starts_with("by tier, 1 valid, no warnings > 2")));
    assert_eq!(text(matrix, 0, 2), "Clean\n(1 valid, no warnings)");
    assert_eq!(text(matrix, 0, 5), "Lapsed\n(4 lapsed or not yet valid)");
}

/// The progress line a long comparison writes to a terminal is in the run's language.
/// `script` gives the run a terminal; without it the test says why it is skipped.
#[test]
fn the_progress_line_is_japanese_under_lang_ja() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: `script` (util-linux) is not installed, so no terminal to run in");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for n in 0..60 {
        fs::write(
            dir.path().join(format!("csp-{n:03}.yaml")),
            format!("name: CSP {n:03}\nimplemented: [9.2.1]\n"),
        )
        .unwrap();
    }
    let out = dir.path().join("out.json");
    let run = |lang: &str| {
        let command = format!(
            "'{}' --lang {lang} compare --as-of 2026-04-01 --checks '{}' --csp-dir '{}' -o '{}'",
            env!("CARGO_BIN_EXE_ismap-gap"),
            data("checks-all-statuses.csv").display(),
            dir.path().display(),
            out.display()
        );
        let o = std::process::Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .output()
            .unwrap();
        assert!(o.status.success(), "{o:?}");
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let ja = run("ja");
    assert!(ja.contains("CSPの一覧を読み込み中 60/60"), "{ja}");
    assert!(!ja.contains("reading CSP lists"), "{ja}");
    let en = run("en");
    assert!(en.contains("reading CSP lists 60/60"), "{en}");
}

/// Gap reports of earlier runs kept beside the CSP lists (a workbook and a CSV `report`
/// wrote) are passed over, each named on stderr; a folder of nothing else is refused.
#[test]
fn csp_dir_skips_the_tools_own_gap_reports() {
    let dir = data("compare/with-reports");
    let out = compare()
        .args(["--format", "json", "--csp-dir"])
        .arg(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let csps = v["csps"].as_array().unwrap();
    assert_eq!(csps.len(), 1, "{v}");
    for name in ["gap-2026-04.csv", "gap-2026-04.xlsx"] {
        assert!(
            stderr.contains(&format!(
                "{name}: skipped: a gap report written by ismap-gap, not a CSP list"
            )),
            "{name}: {stderr}"
        );
    }
    // in Japanese too
    let out = bin()
        .args(["--lang", "ja", "compare", "--checks"])
        .arg(common::example("checks.csv"))
        .args(["--as-of", "2026-04-01", "--format", "json", "--csp-dir"])
        .arg(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("gap-2026-04.xlsx: 読み飛ばしました"),
        "{stderr}"
    );
    // only reports: nothing to compare
    let only = tempfile::tempdir().unwrap();
    for name in ["gap-2026-04.csv", "gap-2026-04.xlsx"] {
        fs::copy(dir.join(name), only.path().join(name)).unwrap();
    }
    let err = input_error(compare().arg("--csp-dir").arg(only.path()));
    assert!(
        err.contains("only gap reports written by ismap-gap"),
        "{err}"
    );
    // a CSV of the user's that is not a gap report is still read (and refused if bad)
    fs::write(
        only.path().join("list.csv"),
        "管理策番号,実施状況\n5.1.1,実施\n",
    )
    .unwrap();
    compare()
        .args(["--format", "json", "--csp-dir"])
        .arg(only.path())
        .assert()
        .success();
}

/// `compare --checks notes/checks.csv --csp notes/remark.csv --csp notes/plain.csv`: the
/// same statements, one with a remark on 9.2.1 (item N1).
fn remark_and_plain(lang: &str, format: &str) -> assert_cmd::Command {
    let mut c = on_checks(lang, "compare", data("compare/notes/checks.csv"));
    c.arg("--csp")
        .arg(data("compare/notes/remark.csv"))
        .arg("--csp")
        .arg(data("compare/notes/plain.csv"))
        .args(["--format", format]);
    c
}

/// B-cmp-2: an item covered on a CSP whose remark qualifies it carries the reasons `report`
/// gives it (JSON `items[].reasons`), and its cell is marked in every text format with a
/// legend saying what the mark means; the same CSP without the remark is not marked.
#[test]
fn a_covered_status_resting_on_a_remark_is_marked_in_every_format() {
    let v = json_of(remark_and_plain("en", "json"));
    assert_eq!(v["schema_version"], 28);
    let n1 = &v["items"][0];
    assert_eq!(n1["id"], "N1");
    assert_eq!(n1["statuses"]["remark.csv"], "covered");
    assert_eq!(n1["statuses"]["plain.csv"], "covered");
    assert_eq!(
        n1["reasons"]["remark.csv"],
        serde_json::json!(["csp-remark"])
    );
    assert_eq!(n1["reasons"]["plain.csv"], serde_json::json!([]));
    let n2 = &v["items"][1];
    assert_eq!(n2["reasons"]["remark.csv"], serde_json::json!([]));

    // CSV: the marked cell, the legend row under the header, one cell per CSP
    let csv = stdout_of(remark_and_plain("en", "csv"));
    let lines: Vec<&str> = csv.lines().collect();
    let header = lines[0].trim_start_matches('\u{feff}');
    let col = |name: &str| header.split(',').position(|h| h == name).unwrap();
    let (rem, plain) = (col("remark.csv"), col("plain.csv"));
    let n1 = lines.iter().find(|l| l.starts_with("N1,")).unwrap();
    let cells: Vec<&str> = n1.split(',').collect();
    assert_eq!(cells.len(), 4, "{n1}");
    assert_eq!(cells[rem], "covered *", "{n1}");
    assert_eq!(cells[plain], "covered", "{n1}");
    let n2 = lines.iter().find(|l| l.starts_with("N2,")).unwrap();
    assert!(!n2.contains('*'), "{n2}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("*,") && l.contains("items[].reasons")),
        "{csv}"
    );

    // table and Markdown: the mark and the legend
    // (Markdown escapes the mark: `\*`)
    for (format, mark) in [("table", "*"), ("md", "\\*")] {
        let out = stdout_of(remark_and_plain("en", format));
        let marked = format!("covered {mark}");
        assert_eq!(out.matches(&marked).count(), 1, "{format}:\n{out}");
        assert!(
            out.contains(&format!("{mark} = covered, with reasons")),
            "{format}:\n{out}"
        );
    }
    let ja = stdout_of(remark_and_plain("ja", "table"));
    assert_eq!(ja.matches("充足 ※").count(), 1, "{ja}");
    assert!(ja.contains("※ = 充足だが"), "{ja}");

    // without the remark, nothing is marked and there is no legend
    let mut c = on_checks("en", "compare", data("compare/notes/checks.csv"));
    c.arg("--csp")
        .arg(data("compare/notes/plain.csv"))
        .args(["--format", "csv"]);
    let csv = stdout_of(c);
    assert!(!csv.contains('*'), "{csv}");
}
