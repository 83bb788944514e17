//! References as check lists write them, through `report` against a CSP list: ids with
//! their titles or the standard before them, ranges, `・`, ISO/IEC 27001 clauses, and
//! ISO/IEC 27001:2022 numbering with the edition decided by the list or `--iso-edition`.
mod common;

use std::fs;

use common::{bin, by_id, control_ids, data, input_error, json_of, on_checks, stdout_of, strings};
use serde_json::Value;

fn report(checks: &str) -> assert_cmd::Command {
    let mut c = on_checks("en", "report", data(&format!("references/{checks}")));
    c.arg("--csp").arg(data("references/csp.txt"));
    c
}

/// Every form of "reference cells as people write them" (#16): the status against the
/// CSP list, the ids in the JSON `controls`, each reference whole as written (with the
/// words beside its id), none reported as unresolved.
#[test]
fn every_form_resolves_to_its_ids() {
    let v = json_of(report("forms.csv").args(["--format", "json"]));
    let items = &v["items"];
    let all = ["9.2.1", "9.2.2", "9.2.3"];
    let category = ["9.2.1", "9.2.2", "9.2.3", "9.2.4", "9.2.5", "9.2.6"];
    let cases: Vec<(&str, &str, &str, Vec<&str>)> = vec![
        (
            "F01",
            "12.4.1（イベントログ取得）",
            "covered",
            vec!["12.4.1"],
        ),
        ("F02", "12.1.3 容量・能力の管理", "covered", vec!["12.1.3"]),
        ("F03", "管理策9.2.1", "covered", vec!["9.2.1"]),
        ("F04", "統制目標 9.2.1", "covered", vec!["9.2.1"]),
        ("F05", "JIS Q 27002 9.2.1", "covered", vec!["9.2.1"]),
        ("F06", "ISO/IEC 27017 CLD.6.3.1", "covered", vec!["6.3.1.P"]),
        ("F07", "CLD 8.1.5", "covered", vec!["8.1.5.P"]),
        ("F08", "A 9.2.1", "covered", vec!["9.2.1"]),
        ("F09", "(9.2.1)", "covered", vec!["9.2.1"]),
        ("F10", "（９．２．１）", "covered", vec!["9.2.1"]),
        ("F11", "9.2.1～9.2.3", "covered", all.to_vec()),
        ("F12", "9.2.1-9.2.3", "covered", all.to_vec()),
        ("F13", "9.2.1〜9.2.3", "covered", all.to_vec()),
        // 9.2.5 and 9.2.6 are not in the list
        ("F16", "9.2全般", "partial", category.to_vec()),
        ("F17", "9.2 全体", "partial", category.to_vec()),
        ("F18", "27001 6.1.2", "covered", vec!["4.4.7"]),
        (
            "F19",
            "ISO/IEC 27001:2013 9.2",
            "covered",
            vec!["4.6.1", "4.6.2"],
        ),
        // 4.8.2 is not in the list
        ("F20", "JIS Q 27001 7.5", "partial", vec!["4.8.1", "4.8.2"]),
        ("F21", "9.2.3.11", "covered", vec!["9.2.3.11.PB"]),
    ];
    for (id, reference, status, controls) in cases {
        let item = by_id(items, id);
        assert_eq!(strings(&item["references"]), [reference], "{id}");
        assert_eq!(item["status"], status, "{id}");
        assert_eq!(control_ids(item), controls, "{id}");
        assert!(item["unresolved"].as_array().unwrap().is_empty(), "{id}");
    }
    // `・` between two complete ids: two references, never 9.2.1.9.2.2
    let f14 = by_id(items, "F14");
    assert_eq!(strings(&f14["references"]), ["9.2.1", "9.2.2"]);
    assert_eq!(control_ids(f14), ["9.2.1", "9.2.2"]);
    assert_eq!(f14["status"], "covered");
    // `9.1・2` is one reference that does not resolve: never 9.1.2
    let f15 = by_id(items, "F15");
    assert_eq!(strings(&f15["references"]), ["9.1・2"]);
    assert!(control_ids(f15).is_empty());
    assert_eq!(f15["unresolved"][0]["reference"], "9.1・2");
    assert_ne!(f15["status"], "covered");
    assert!(strings(&f15["reasons"]).contains(&"unresolved-reference"));
    // a clause of ISO/IEC 27001 is a management objective, flagged as mapped, with its chain
    let f18 = by_id(items, "F18");
    assert_eq!(f18["controls"][0]["mapped"], true);
    assert_eq!(f18["controls"][0]["via"], "27001 6.1.2");
    assert_eq!(strings(&f18["chains"]), ["27001 6.1.2 → 4.4.7"]);
    assert_eq!(
        strings(&by_id(items, "F20")["chains"]),
        ["JIS Q 27001 7.5 → 4.8.1, 4.8.2"]
    );
    // a 27001 clause is never the ISMAP objective of the same number
    assert!(!control_ids(f18).contains(&"6.1.2"));
    // nothing here needed the ISO edition but JIS Q 27002 9.2.1, a 2013 number
    assert_eq!(v["checks"]["iso_edition"]["edition"], "2013");
    assert_eq!(v["checks"]["iso_edition"]["decided_by"], "references");
    assert_eq!(v["summary"]["unresolved_references"], 1);
}

/// The check list of #16's "done when": a references column headed `ISO/IEC 27001:2022`.
#[test]
fn a_2022_list_resolves_through_the_2022_table() {
    let v = json_of(report("iso2022.csv").args(["--format", "json"]));
    let items = &v["items"];
    let e = &v["checks"]["iso_edition"];
    assert_eq!(
        (
            e["edition"].as_str(),
            e["decided_by"].as_str(),
            e["text"].as_str()
        ),
        (Some("2022"), Some("header"), Some("ISO/IEC 27001:2022"))
    );
    // every control implemented, but through the 2022 → 2013 correspondence, which is not
    // an equivalence: at most partial (review 7, A-2022-1)
    for (id, chain, controls, status) in [
        (
            "1",
            "A.5.15 (2022) → 9.1.1, 9.1.2",
            vec!["9.1.1", "9.1.2"],
            "partial",
        ),
        ("2", "A.8.2 (2022) → 9.2.3", vec!["9.2.3"], "partial"),
        ("3", "A.7.1 (2022) → 11.1.1", vec!["11.1.1"], "partial"),
        // 10.1.2 is not in the list
        (
            "4",
            "A.8.24 (2022) → 10.1.1, 10.1.2",
            vec!["10.1.1", "10.1.2"],
            "partial",
        ),
        (
            "5",
            "A.5.17 (2022) → 9.2.4, 9.3.1, 9.4.3",
            vec!["9.2.4", "9.3.1", "9.4.3"],
            "partial",
        ),
    ] {
        let item = by_id(items, id);
        assert_eq!(strings(&item["chains"]), [chain], "{id}");
        assert_eq!(control_ids(item), controls, "{id}");
        assert_eq!(item["status"], status, "{id}");
        assert!(
            strings(&item["reasons"]).contains(&"iso2022-correspondence"),
            "{id}"
        );
        assert_eq!(
            item["controls"][0]["via"],
            chain.split(" →").next().unwrap()
        );
    }
    // never read as 2013 numbering: A.8.2 is not information classification
    assert!(!control_ids(by_id(items, "2")).contains(&"8.2.1"));
    // a control new in 2022: outside ISMAP, for its own reason and with its own procedure
    let cloud = by_id(items, "6");
    assert_eq!(cloud["status"], "outside-ismap");
    assert!(control_ids(cloud).is_empty());
    assert!(strings(&cloud["reasons"]).contains(&"no-ismap-counterpart"));
    assert!(!strings(&cloud["reasons"]).contains(&"unresolved-reference"));
    assert_eq!(cloud["no_ismap_counterpart"][0]["reference"], "A.5.23");
    let c = &cloud["no_ismap_counterpart"][0]["controls"][0];
    assert_eq!(c["control"], "5.23");
    assert_eq!(c["title"], "Information security for use of cloud services");
    assert!(strings(&c["related"]).contains(&"6.3.1.P"));
    let procs: Vec<&str> = cloud["additional_procedures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert!(procs.contains(&"no-ismap-counterpart") && procs.contains(&"related-context"));
    let context = cloud["additional_procedures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "related-context")
        .unwrap();
    assert!(
        context["text"].as_str().unwrap().contains("not coverage"),
        "{context}"
    );
    assert_eq!(v["summary"]["unresolved_references"], 0);
    // the header of the table says what decided it
    let t = stdout_of(report("iso2022.csv"));
    assert!(
        t.contains("ISO/IEC 27001/27002 edition: 2022 (column header 'ISO/IEC 27001:2022')"),
        "{t}"
    );
    assert!(t.contains("A.8.2 (2022) → 9.2.3"), "{t}");
}

/// Two-part numbers of both editions under a plain header stop the run, naming the cells
/// and the flag; `--iso-edition` decides.
#[test]
fn an_undecided_list_stops_and_the_flag_decides() {
    let err = input_error(report("ambiguous.csv"));
    assert!(
        err.contains("ambiguous.csv: column 'controls': row 2 'A.8.2', row 3 'A.7.1'"),
        "{err}"
    );
    assert!(err.contains("--iso-edition"), "{err}");
    let v = json_of(report("ambiguous.csv").args(["--iso-edition", "2022", "--format", "json"]));
    assert_eq!(control_ids(by_id(&v["items"], "1")), ["9.2.3"]);
    assert_eq!(control_ids(by_id(&v["items"], "2")), ["11.1.1"]);
    assert_eq!(v["checks"]["iso_edition"]["decided_by"], "flag");
    // read as 2013: the ISMAP categories 8.2 and 7.1
    let v = json_of(report("ambiguous.csv").args(["--iso-edition", "2013", "--format", "json"]));
    assert_eq!(
        control_ids(by_id(&v["items"], "1")),
        ["8.2.1", "8.2.2", "8.2.3"]
    );
    assert_eq!(
        by_id(&v["items"], "1")["controls"][0]["via"],
        "A.8.2 (2013)"
    );
    // compare reads a check list the same way
    let mut c = on_checks("en", "compare", data("references/ambiguous.csv"));
    c.arg("--csp").arg(data("references/csp.txt"));
    let err = input_error(c);
    assert!(err.contains("--iso-edition"), "{err}");
    let mut c = on_checks("en", "compare", data("references/ambiguous.csv"));
    c.arg("--csp").arg(data("references/csp.txt")).args([
        "--iso-edition",
        "2022",
        "--format",
        "json",
    ]);
    let v = json_of(c);
    assert_eq!(v["checks"]["iso_edition"]["edition"], "2022");
    // through the 2022 correspondence: at most partial, in compare as in report
    assert_eq!(v["items"][0]["statuses"]["csp.txt"], "partial");
}

/// A title row naming the edition decides it; so do references only one edition has; a
/// list whose references contradict each other is refused unless the flag decides.
#[test]
fn the_list_decides_its_edition() {
    let v = json_of(report("title-row.csv").args(["--format", "json"]));
    let e = &v["checks"]["iso_edition"];
    assert_eq!(
        (
            e["edition"].as_str(),
            e["decided_by"].as_str(),
            e["row"].as_u64()
        ),
        (Some("2022"), Some("title-row"), Some(1))
    );
    assert_eq!(control_ids(by_id(&v["items"], "1")), ["9.2.3"]);

    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        fs::write(&p, text).unwrap();
        p
    };
    let run = |p: &std::path::Path| {
        let mut c = on_checks("en", "report", p);
        c.arg("--csp").arg(data("references/csp.txt"));
        c
    };
    // a reference carrying its edition speaks for itself only (review 11 B-1): the plain
    // `A.8.2` beside it is undecided
    let p = write(
        "tagged.csv",
        "id,controls\n1,ISO27001:2022 A.5.15\n2,A.8.2\n",
    );
    let err = input_error(run(&p));
    assert!(
        err.contains("row 3 'A.8.2' names different ISO/IEC 27001 Annex A controls"),
        "{err}"
    );
    // one existing only in 2022
    for text in [
        "id,controls\n1,A.5.23\n2,A.8.2\n",
        "id,controls\n1,8.24\n2,A.8.2\n",
    ] {
        let p = write("by-refs.csv", text);
        let v = json_of(run(&p).args(["--format", "json"]));
        assert_eq!(v["checks"]["iso_edition"]["edition"], "2022", "{text}");
        assert_eq!(v["checks"]["iso_edition"]["decided_by"], "references");
        assert_eq!(control_ids(by_id(&v["items"], "2")), ["9.2.3"], "{text}");
    }
    // a three-part Annex A number is 2013's, but it does not decide the two-part ones beside
    // it: a list moving to 2022 keeps old numbers, and a 2013 list cites controls (review 17
    // `A.8.2` was read as 2013's information classification beside `A.9.4.2`)
    let p = write("old.csv", "id,controls\n1,A.9.2.1\n2,A.8.2\n");
    let err = input_error(run(&p));
    assert!(
        err.contains("row 2 'A.9.2.1' is a 2013 control number, but row 3 'A.8.2' names different ISO/IEC 27001 Annex A controls"),
        "{err}"
    );
    // …a number only 2013 has that is not a control (`A.9.2`, a category) does decide 2013,
    // and so does --iso-edition
    for (text, args) in [
        ("id,controls\n1,A.9.2\n2,A.8.2\n", &[][..]),
        (
            "id,controls\n1,A.9.2.1\n2,A.8.2\n",
            &["--iso-edition", "2013"][..],
        ),
    ] {
        let p = write("old.csv", text);
        let v = json_of(run(&p).args(args).args(["--format", "json"]));
        assert_eq!(v["checks"]["iso_edition"]["edition"], "2013", "{text}");
        assert_eq!(
            control_ids(by_id(&v["items"], "2")),
            ["8.2.1", "8.2.2", "8.2.3"],
            "{text}"
        );
    }
    // …and a three-part number alone decides 2013 with plain ids beside it, which name
    // ISMAP ids under this header
    let p = write("old.csv", "id,controls\n1,A.9.2.1\n2,8.2\n");
    let v = json_of(run(&p).args(["--format", "json"]));
    assert_eq!(v["checks"]["iso_edition"]["edition"], "2013");
    assert_eq!(
        control_ids(by_id(&v["items"], "2")),
        ["8.2.1", "8.2.2", "8.2.3"]
    );
    // a header naming ISMAP: its ids are ISMAP ids
    let p = write("ismap.csv", "id,ISMAP管理策\n1,8.2\n");
    let v = json_of(run(&p).args(["--format", "json"]));
    assert_eq!(v["checks"]["iso_edition"]["decided_by"], "ismap-header");
    // contradicting references
    let err = input_error(
        on_checks("en", "report", data("references/mixed.csv"))
            .arg("--csp")
            .arg(data("references/csp.txt")),
    );
    assert!(
        err.contains("row 2 'A.9.2.1' is 2013 numbering, row 3 'A.5.15' is 2022 numbering"),
        "{err}"
    );
    let v = json_of(
        on_checks("en", "report", data("references/mixed.csv"))
            .arg("--csp")
            .arg(data("references/csp.txt"))
            .args(["--iso-edition", "2022", "--format", "json"]),
    );
    assert_eq!(control_ids(by_id(&v["items"], "1")), ["9.2.1"]);
    assert_eq!(control_ids(by_id(&v["items"], "2")), ["9.1.1", "9.1.2"]);
    // no Annex A / 27002 reference at all: nothing to decide
    let p = write("plain.csv", "id,controls\n1,9.2.1\n");
    let v = json_of(run(&p).args(["--format", "json"]));
    assert_eq!(v["checks"]["iso_edition"]["decided_by"], "not-needed");
    assert!(v["checks"]["iso_edition"]["edition"].is_null());
}

/// A range whose ends are not of one level under one category, low to high, makes its
/// item 判定不能 (`invalid-range`), as `から` does (review 8, C-range-3); `--strict`
/// refuses it naming the cell.
#[test]
fn a_range_across_categories_is_unresolved_and_refused_under_strict() {
    let dir = tempfile::tempdir().unwrap();
    for cell in ["9.2.1～9.3.1", "9.2～9.2.3", "9.2.3～9.2.1"] {
        let p = dir.path().join("range.csv");
        fs::write(&p, format!("id,controls\n1,ok 9.2.1\n2,{cell}\n")).unwrap();
        let mut c = on_checks("en", "report", &p);
        c.arg("--csp").arg(data("references/csp.txt"));
        let v = json_of(c.args(["--format", "json"]));
        let item = by_id(&v["items"], "2");
        assert_eq!(item["status"], "not-analysed", "{cell}: {item}");
        assert_eq!(
            item["unresolved"][0]["why"], "invalid-range",
            "{cell}: {item}"
        );
        let mut c = on_checks("en", "report", &p);
        c.arg("--csp")
            .arg(data("references/csp.txt"))
            .arg("--strict");
        let out = c.output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{cell}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!(
                "range.csv: row 3: column 'controls': reference '{cell}' does not resolve"
            )),
            "{err}"
        );
    }
}

#[test]
fn catalog_show_gives_the_chain() {
    let t = stdout_of(bin().args([
        "--lang",
        "en",
        "catalog",
        "show",
        "A.8.2",
        "--iso-edition",
        "2022",
    ]));
    assert!(
        t.contains("A.8.2 (ISO/IEC 27001:2022 8.2 Privileged access rights) → 9.2.3"),
        "{t}"
    );
    assert!(t.contains("Management of privileged access rights"), "{t}");
    let v = json_of(bin().args([
        "catalog",
        "show",
        "A.8.2",
        "--iso-edition",
        "2022",
        "--format",
        "json",
    ]));
    assert_eq!(v["kind"], "iso27002-2022");
    assert_eq!(v["entries"][0]["id"], "9.2.3");
    // without the flag, a two-part Annex A number of both editions is refused
    let err = input_error(bin().args(["catalog", "show", "A.8.2"]));
    assert!(err.contains("--iso-edition"), "{err}");
    // a control new in 2022: no ISMAP counterpart, the cloud objectives as context
    let t = stdout_of(bin().args(["--lang", "en", "catalog", "show", "5.23"]));
    assert!(
        t.contains("5.23 Information security for use of cloud services (ISO/IEC 27001:2022): new in the 2022 edition, no ISMAP counterpart"),
        "{t}"
    );
    assert!(
        t.contains("related ISMAP cloud objectives (context only, not coverage): 6.3.1.P, 8.1.5.P"),
        "{t}"
    );
    let v = json_of(bin().args(["catalog", "show", "5.23", "--format", "json"]));
    assert_eq!(v["no_ismap_counterpart"][0]["control"], "5.23");
    assert!(v["entries"].as_array().unwrap().is_empty());
    // a clause of ISO/IEC 27001 with its standard
    let v = json_of(bin().args(["catalog", "show", "JIS Q 27001 7.5", "--format", "json"]));
    assert_eq!(v["kind"], "iso27001-clause");
    let ids: Vec<&str> = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["4.8.1", "4.8.2"]);
    assert_eq!(v["entries"][0]["mapped"], true);
    // 4.4.8 prints its clause oddly ("6."): a 6.1.3 clause finds it through its items
    let v = json_of(bin().args(["catalog", "show", "ISO/IEC 27001 6.1.3", "--format", "json"]));
    assert_eq!(v["entries"][0]["id"], "4.4.8");
}

/// The workbook's summary says which edition the list was read in, and when none was
/// needed.
#[test]
fn the_workbook_says_the_edition() {
    use common::xlsx::{sheets, text};
    let dir = tempfile::tempdir().unwrap();
    for (checks, want) in [
        ("iso2022.csv", "2022 (column header 'ISO/IEC 27001:2022')"),
        ("forms.csv", "2013 (reference 'JIS Q 27002 9.2.1' on row 6)"),
    ] {
        let out = dir.path().join("gap.xlsx");
        report(checks).arg("-o").arg(&out).assert().success();
        let (_, ranges) = sheets(&out);
        let summary = &ranges[0];
        let row = (0..summary.height())
            .find(|r| text(summary, *r, 0) == "ISO/IEC 27001/27002 edition")
            .unwrap_or_else(|| panic!("no edition row for {checks}"));
        assert_eq!(text(summary, row, 1), want, "{checks}");
    }
    let plain = dir.path().join("plain.csv");
    fs::write(&plain, "id,controls\n1,9.2.1\n").unwrap();
    let out = dir.path().join("plain.xlsx");
    on_checks("en", "report", &plain)
        .arg("--csp")
        .arg(data("references/csp.txt"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let (_, ranges) = sheets(&out);
    let summary = &ranges[0];
    assert!((0..summary.height())
        .any(|r| text(summary, r, 1) == "not needed (no reference depends on it)"));
}

/// An objective written without its suffix (`8.1.5`, `9.5.1`) names the suffixed one in a
/// check list and in a CSP list alike (one resolver); the reference is kept as written.
#[test]
fn an_objective_without_its_suffix_in_a_check_list_and_a_csp_list() {
    let dir = tempfile::tempdir().unwrap();
    let checks = dir.path().join("checks.csv");
    fs::write(
        &checks,
        "id,title,controls\nK1,removal,8.1.5\nK2,virtual,\"9.5.1, 8.1.5.P\"\n",
    )
    .unwrap();
    let csp = dir.path().join("csp.txt");
    fs::write(
        &csp,
        "ISMAPクラウドサービスリスト\n統制目標 番号\n8.1.5\tP\n9.5.1\n",
    )
    .unwrap();
    let mut c = on_checks("en", "report", checks);
    c.arg("--csp").arg(&csp).args(["--format", "json"]);
    let v = json_of(c);
    let k1 = by_id(&v["items"], "K1");
    assert_eq!(k1["status"], "covered");
    assert_eq!(strings(&k1["references"]), ["8.1.5"]);
    assert_eq!(control_ids(k1), ["8.1.5.P"]);
    let k2 = by_id(&v["items"], "K2");
    assert_eq!(k2["status"], "covered");
    assert_eq!(strings(&k2["references"]), ["9.5.1", "8.1.5.P"]);
    assert_eq!(v["csp"]["unknown_ids"], serde_json::json!([]));
}

/// The `why` of an item's first unresolved reference, and the reference as reported.
fn unresolved_why<'a>(items: &'a Value, id: &str) -> (&'a str, &'a str) {
    let u = &by_id(items, id)["unresolved"][0];
    (
        u["reference"]
            .as_str()
            .unwrap_or_else(|| panic!("{id}: {u}")),
        u["why"].as_str().unwrap(),
    )
}

/// Another framework's number (`PCI DSS 9.2.1`, `CIS 9.2`, `統一基準 9.2.1`), a qualifier
/// beside an id (`9.2.1等`, `参考: 9.2.1`), a NIST CSF subcategory (`PR.AC-1`) and a shortened
/// range are unresolved, shown as typed: never credited as the ISMAP id of the same number,
/// though the CSP implements it (review 2, A2/A3/C7).
#[test]
fn other_frameworks_and_qualifiers_are_unresolved_as_typed() {
    let v = json_of(report("other-frameworks.csv").args(["--format", "json"]));
    let items = &v["items"];
    for (id, typed, why) in [
        ("O01", "PCI DSS 9.2.1", "unknown-framework"),
        ("O02", "CIS 9.2", "unknown-framework"),
        ("O03", "SOC2 CC6.1", "not-a-reference"),
        ("O04", "参考: 9.2.1", "unknown-framework"),
        ("O05", "統一基準 9.2.1", "unknown-framework"),
        ("O06", "NIST SP 800-171 9.1.1", "unknown-framework"),
        ("O07", "9.2.1等", "qualified"),
        ("O08", "9.2.1 etc.", "qualified"),
        ("O09", "9.2.1以外", "qualified"),
        ("O10", "9.2.1相当", "qualified"),
        // a name before several ids governs them all
        ("O11", "PCI DSS 9.2.1, 9.2.2", "unknown-framework"),
        ("O12", "NIST CSF PR.AC-1", "nist-csf"),
        ("O13", "PR.AC-1", "nist-csf"),
        ("O14", "GV.OC-01", "nist-csf"),
        ("O18", "9.2.1-3", "shorthand-range"),
    ] {
        let item = by_id(items, id);
        assert_eq!(strings(&item["references"]), [typed], "{id}");
        assert_eq!(unresolved_why(items, id), (typed, why), "{id}");
        assert_eq!(item["status"], "not-analysed", "{id}");
        assert!(control_ids(item).is_empty(), "{id}: {item}");
        assert!(
            strings(&item["reasons"]).contains(&"unresolved-reference"),
            "{id}"
        );
    }
    // beside a reference that resolves, the unknown one still leaves the item not analysed
    let o19 = by_id(items, "O19");
    assert_eq!(strings(&o19["references"]), ["12.4.1", "CIS 9.2"]);
    assert_eq!(
        unresolved_why(items, "O19"),
        ("CIS 9.2", "unknown-framework")
    );
    assert_eq!(o19["status"], "not-analysed");
    // the id's own title, ISMAP's own words and the name of NIST SP 800-53 are read
    for (id, typed, controls) in [
        ("O15", "9.2.1（利用者登録及び登録削除）", vec!["9.2.1"]),
        ("O16", "ISMAP管理策 9.2.1", vec!["9.2.1"]),
    ] {
        let item = by_id(items, id);
        assert_eq!(strings(&item["references"]), [typed], "{id}");
        assert_eq!(item["status"], "covered", "{id}");
        assert_eq!(control_ids(item), controls, "{id}");
    }
    let o17 = by_id(items, "O17");
    assert!(o17["unresolved"].as_array().unwrap().is_empty(), "{o17}");
    assert!(control_ids(o17).contains(&"9.2.1"), "{o17}");
    // --strict names each, as typed, with why it does not resolve
    let out = report("other-frameworks.csv")
        .arg("--strict")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("--strict: 16 problem(s): 16 unresolved reference(s)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("row 2: column 'ISMAP管理策': reference 'PCI DSS 9.2.1' does not resolve: names another framework or guideline before the id"),
        "{stderr}"
    );
}

/// `catalog show` reads a reference as `report` does: a CSF id is not a NIST SP 800-53
/// control, another framework's number is not an ISMAP id.
#[test]
fn catalog_show_reads_references_as_report_does() {
    for (reference, says) in [
        ("PR.AC-1", "NIST Cybersecurity Framework subcategory"),
        (
            "NIST CSF PR.AC-1",
            "NIST Cybersecurity Framework subcategory",
        ),
        ("PCI DSS 8.3.1", "names another framework or guideline"),
        ("9.2.1等", "words after the id that are not its title"),
    ] {
        let mut c = bin();
        c.args(["--lang", "en", "catalog", "show", reference]);
        let err = input_error(c);
        assert!(err.contains(says), "{reference}: {err}");
    }
}

/// Under a header naming ISO/IEC 27001's body (`本文`), plain numbers are its clauses
/// (management objectives), never Annex A; under one naming ISO/IEC 27001 alone, a number
/// that is also a clause is ambiguous (unresolved, naming both readings); under one naming
/// Annex A, they are Annex A (review 2, A6).
#[test]
fn numbers_under_a_27001_header_are_read_as_the_header_says() {
    let v = json_of(report("clauses-body.csv").args(["--format", "json"]));
    let items = &v["items"];
    for (id, controls) in [
        ("M1", vec!["4.4.7"]),
        ("M2", vec!["4.6.1", "4.6.2"]),
        ("M3", vec!["4.8.1", "4.8.2"]),
        ("M4", vec!["9.2.1"]),
    ] {
        assert_eq!(control_ids(by_id(items, id)), controls, "{id}");
    }
    // never the ISMAP objective or Annex A control of the same number
    assert!(!control_ids(by_id(items, "M1")).contains(&"6.1.2"));

    let v = json_of(report("clauses-unsaid.csv").args(["--format", "json"]));
    let items = &v["items"];
    for id in ["U1", "U2"] {
        let item = by_id(items, id);
        assert_eq!(item["status"], "not-analysed", "{id}");
        assert!(control_ids(item).is_empty(), "{id}");
        assert_eq!(item["unresolved"][0]["why"], "ambiguous-clause", "{id}");
    }
    assert_eq!(
        strings(&by_id(items, "U1")["unresolved"][0]["suggestions"]),
        ["27001 6.1.2", "A.6.1.2"]
    );
    // a number that is no clause, or written with `A.`, is Annex A
    assert_eq!(control_ids(by_id(items, "U3")), ["12.4.1"]);
    assert_eq!(control_ids(by_id(items, "U4")), ["9.2.1"]);

    let v = json_of(report("clauses-annex.csv").args(["--format", "json"]));
    let n1 = by_id(&v["items"], "N1");
    assert!(control_ids(n1).starts_with(&["9.2.1", "9.2.2"]), "{n1}");
}

/// ISO/IEC 27001:2022 swapped clauses 10.1 and 10.2 and split 9.2 and 9.3; the criteria
/// cite the 2013 clauses. A clause read in 2022 (by the header or the reference) is taken
/// to its 2013 number first: 2022's 10.2 (corrective action) is 4.7.1, never 4.6.1
/// (continual improvement), and 6.3 (new in 2022) names no criterion (review 3, A-clause-1).
#[test]
fn clauses_of_the_2022_edition_are_read_as_their_2013_clauses() {
    let v = json_of(report("clauses-2022.csv").args(["--format", "json"]));
    let items = &v["items"];
    assert_eq!(v["checks"]["iso_edition"]["edition"], "2022");
    assert_eq!(control_ids(by_id(items, "K1")), ["4.7.1"]);
    // the CSP list states 4.6.1 but not 4.7.1: corrective action is not covered
    assert_eq!(by_id(items, "K1")["status"], "not-covered");
    assert_eq!(control_ids(by_id(items, "K2")), ["4.6.1"]);
    // implemented, but a 2022 clause reaches the criteria through its 2013 number: a
    // correspondence, at most partial (review 7, A-2022-1)
    assert_eq!(by_id(items, "K2")["status"], "partial");
    assert!(strings(&by_id(items, "K2")["reasons"]).contains(&"iso2022-correspondence"));
    assert_eq!(control_ids(by_id(items, "K3")), ["4.6.1", "4.6.3"]);
    // 6.3 (planning of changes), new in 2022: no ISMAP counterpart, as the Annex A controls
    // new in 2022 — a fact, not a reference to fix (review 15 B-2)
    let k4 = by_id(items, "K4");
    assert_eq!(k4["status"], "outside-ismap");
    assert_eq!(k4["unresolved"], serde_json::json!([]));
    assert!(strings(&k4["reasons"]).contains(&"no-ismap-counterpart"));
    // a reference naming the 2013 edition keeps its own numbering
    assert_eq!(control_ids(by_id(items, "K5")), ["4.7.1"]);

    // 箇条 ("clause"), as JIS standards and Japanese lists cite clauses, in the header and
    // before the number (review 4, C-clause-1)
    let v = json_of(report("clauses-kajo.csv").args(["--format", "json"]));
    assert_eq!(v["checks"]["iso_edition"]["edition"], "2022");
    assert_eq!(control_ids(by_id(&v["items"], "H1")), ["4.7.1"]);
    assert_eq!(control_ids(by_id(&v["items"], "H2")), ["4.6.1"]);

    // the year in the reference decides it under an ISMAP header
    let v = json_of(report("clauses-edition.csv").args(["--format", "json"]));
    let items = &v["items"];
    assert_eq!(control_ids(by_id(items, "E3")), ["4.7.1"]);
    assert_eq!(control_ids(by_id(items, "E2")), ["4.4.7"]);

    // a clause whose number differs between the editions, with nothing to say which
    let out = bin()
        .args(["catalog", "show", "JIS Q 27001 10.2"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("edition is not given"), "{err}");
    for (reference, objective) in [
        ("ISO/IEC 27001:2022 10.2", "4.7.1"),
        ("ISO/IEC 27001:2013 10.2", "4.6.1"),
        ("JIS Q 27001:2023 10.1", "4.6.1"),
        ("JIS Q 27001:2014 10.1", "4.7.1"),
    ] {
        let out = bin()
            .args(["catalog", "show", reference])
            .assert()
            .success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(
            text.lines()
                .next()
                .is_some_and(|l| l.ends_with(&format!("→ {objective}"))),
            "{reference}: {text}"
        );
    }
}

/// A second references column (`ISO/IEC 27001:2022` beside `ISMAP管理策`) is read, in its
/// own edition, and each item's references are shown by column: an item citing only the
/// 2022 column is analysed, a 2022 control with no ISMAP counterpart is never covered
/// (review 2, A4).
#[test]
fn a_second_references_column_is_read_in_its_own_edition() {
    let v = json_of(report("two-columns.csv").args(["--format", "json"]));
    let items = &v["items"];
    let more = &v["checks"]["more_references_columns"];
    assert_eq!(more[0]["header"], "ISO/IEC 27001:2022");
    assert_eq!(more[0]["iso_edition"]["edition"], "2022");
    assert_eq!(v["checks"]["iso_edition"]["edition"], "2013");
    // only the ISO column: A.8.2 is 2022's privileged access rights, not classification
    let two = by_id(items, "2");
    assert_eq!(strings(&two["references"]), ["A.8.2"]);
    assert_eq!(control_ids(two), ["9.2.3"]);
    assert_eq!(two["status"], "partial");
    assert!(strings(&two["reasons"]).contains(&"iso2022-correspondence"));
    // A.8.11 (data masking, new in 2022) beside 9.4.3: never covered
    let three = by_id(items, "3");
    assert_eq!(three["status"], "partial");
    assert!(strings(&three["reasons"]).contains(&"no-ismap-counterpart"));
    let by = &three["references_by_column"];
    assert_eq!(by[0]["column"], "ISMAP管理策");
    assert_eq!(strings(&by[0]["references"]), ["9.4.3"]);
    assert_eq!(by[1]["column"], "ISO/IEC 27001:2022");
    assert_eq!(strings(&by[1]["references"]), ["A.8.11"]);
    // the CSV output shows each column's references after its header
    let csv = stdout_of(report("two-columns.csv").args(["--format", "csv"]));
    assert!(
        csv.contains("ISMAP管理策: 9.4.3; ISO/IEC 27001:2022: A.8.11"),
        "{csv}"
    );
    // the table header names each column's edition
    let t = stdout_of(report("two-columns.csv"));
    assert!(
        t.contains("'ISO/IEC 27001:2022': 2022 (column header 'ISO/IEC 27001:2022')"),
        "{t}"
    );
}

/// `--refs-column NAME` names the references column: the column the tool would find by
/// name (`管理策`, here holding categories) is then carried as any other (review 2, C4).
#[test]
fn refs_column_names_the_references_column() {
    // without it, the column of ids beside `管理策` is named (review 9, A-chk-1)
    let err = input_error(report("named-refs.csv"));
    assert!(
        err.contains("the column '対応ISMAP' holds ISMAP ids ('9.2.1') beside the references column '管理策'"),
        "{err}"
    );
    let v =
        json_of(report("named-refs.csv").args(["--format", "json", "--refs-column", "対応ISMAP"]));
    let one = by_id(&v["items"], "1");
    assert_eq!(strings(&one["references"]), ["9.2.1"]);
    assert_eq!(one["status"], "covered");
    assert_eq!(one["extra"]["管理策"], "区分A");
    // compare reads the list as report does
    let v = json_of(
        on_checks("en", "compare", data("references/named-refs.csv"))
            .args(["--format", "json", "--refs-column", "対応ISMAP", "--csp"])
            .arg(data("references/csp.txt")),
    );
    assert_eq!(by_id(&v["items"], "1")["statuses"]["csp.txt"], "covered");
    let err = input_error(report("named-refs.csv").args(["--refs-column", "参照"]));
    assert!(
        err.contains("no column named '参照' (--refs-column)"),
        "{err}"
    );
}

/// References that each carry their edition, of both editions, are read each in its own
/// (review 2, C7).
#[test]
fn references_tagged_with_both_editions_are_each_read_in_their_own() {
    let v = json_of(report("mixed-tags.csv").args(["--format", "json"]));
    let one = by_id(&v["items"], "1");
    assert_eq!(
        strings(&one["references"]),
        ["ISO 27001:2013 A.12.4.1", "ISO 27001:2022 A.8.15"]
    );
    assert!(control_ids(one).contains(&"12.4.1"));
    assert_eq!(control_ids(by_id(&v["items"], "2")), ["9.2.3"]);
}

/// A header below the rows searched for it is named, with its row (review 2, E).
#[test]
fn a_header_below_the_searched_rows_is_named() {
    let err = input_error(report("late-header.csv"));
    assert!(
        err.contains("row 33: the header row (with '管理策') is on row 33: only the first 30 rows are searched for it"),
        "{err}"
    );
}

/// A report of a list with two references columns, carried forward with `--review`: the
/// references cell (written by column) reads back as the same references, so no item is
/// marked changed.
#[test]
fn a_review_of_a_list_with_two_references_columns_sees_no_change() {
    let dir = tempfile::tempdir().unwrap();
    let previous = dir.path().join("gap.xlsx");
    stdout_of(report("two-columns.csv").arg("-o").arg(&previous));
    let v = json_of(
        report("two-columns.csv")
            .args(["--format", "json", "--review"])
            .arg(&previous),
    );
    for item in v["items"].as_array().unwrap() {
        assert_eq!(item["review"]["change"], "unchanged", "{item}");
    }
}
