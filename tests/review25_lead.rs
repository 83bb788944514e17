//! Session 16, the lead's part of review 25 (`tests/data/review25-lead/`): A-7 a scope
//! exclusion in the ordinary spellings (`※大阪リージョンは対象外`, `【対象外】…`,
//! `…（対象外）`, `…は本言明の対象外です`, `… is out of scope`), in a pasted entry and in a
//! profile's `scope:`; A-2 a `備考：` note row; A-17 and B-1 sheets named as examples,
//! copies, templates or unused rows, in a CSP workbook and in a check list; D-1 the
//! rows-not-read note capped.
mod common;

use common::{bin, by_id, data};

/// `ismap-gap --lang LANG report --as-of 2026-12-01 [EXTRA…] --checks CHECKS --csp CSP`,
/// both fixtures of `tests/data/review25-lead/`.
fn run(lang: &str, extra: &[&str], checks: &str, csp: &str) -> assert_cmd::Command {
    let mut c = bin();
    c.args(["--lang", lang, "report", "--as-of", "2026-12-01"])
        .args(extra)
        .arg("--checks")
        .arg(data(&format!("review25-lead/{checks}")))
        .arg("--csp")
        .arg(data(&format!("review25-lead/{csp}")));
    c
}

/// [`run`] in English as JSON, with the outputs of a successful run: stdout as JSON, stderr.
fn json_and_stderr(extra: &[&str], checks: &str, csp: &str) -> (serde_json::Value, String) {
    let mut args = vec!["--format", "json"];
    args.extend(extra);
    let out = run("en", &args, checks, csp)
        .assert()
        .success()
        .get_output()
        .clone();
    let v = serde_json::from_slice(&out.stdout).unwrap();
    (v, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The ids of a report's items, in order.
fn ids(v: &serde_json::Value) -> Vec<&str> {
    (v["items"].as_array().unwrap().iter())
        .map(|i| i["id"].as_str().unwrap())
        .collect()
}

/// [`run`] in English refused (exit 2): its stderr.
fn refused(extra: &[&str], checks: &str, csp: &str) -> String {
    let out = run("en", extra, checks, csp)
        .assert()
        .code(2)
        .get_output()
        .clone();
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Review 25 A-7: the part a scope line excludes is excluded whatever mark the line
/// carries, and `Xは言明の対象外` excludes X: an item asking for the Osaka region (S1) or the
/// admin console (S3) is `partial` with `outside-statement-scope`, never `covered`; the
/// item asking neither (S2) stays covered. Was: the `※` line read as a line *naming* Osaka
/// in the scope, so S1 covered.
#[test]
fn a_marked_scope_line_excluding_a_part_excludes_it() {
    // (file, Osaka excluded, console excluded)
    let cases = [
        ("scx1.txt", true, false),
        ("scx2.txt", true, false),
        ("scx4.txt", true, false),
        ("scx5.txt", true, true),
        ("scx6.txt", false, true),
        ("sc1.txt", true, false),
        ("sc3.txt", true, false),
        ("sc12.txt", false, true),
        ("scy1.yaml", true, false),
        ("scy2.yaml", true, false),
        ("scy3.yaml", false, true),
        ("scy4.yaml", false, true),
        ("scy5.yaml", false, true),
        // more spellings (one line, bullets under a bracketed label, English, 本言明)
        ("scv-bracket-one-line.txt", true, false),
        ("scv-bullets.txt", true, true),
        ("scv-en.txt", true, false),
        ("scv-honbun.txt", true, false),
        ("scv-console-mark-after.txt", false, true),
    ];
    for (file, osaka, console) in cases {
        let (v, _) = json_and_stderr(&[], "scchk.csv", file);
        for (id, excluded) in [("S1", osaka), ("S2", false), ("S3", console)] {
            let item = by_id(&v["items"], id);
            if excluded {
                assert_eq!(item["status"], "partial", "{file} {id}: {item}");
                let reasons = item["reasons"].as_array().unwrap();
                assert!(
                    reasons.iter().any(|r| r == "outside-statement-scope"),
                    "{file} {id}: {item}"
                );
            } else {
                assert_eq!(item["status"], "covered", "{file} {id}: {item}");
            }
        }
    }
}

/// Review 25 D-1: a value filled down below the items (a `.ods` repeats such a row a
/// million times: a 12 MB stderr line) is named on the rows-not-read note by its first 20
/// rows, then how many more; the JSON keeps every row.
#[test]
fn rows_not_read_are_named_up_to_twenty_then_counted() {
    let (v, stderr) = json_and_stderr(&[], "filled-down.csv", "scx1.txt");
    let line = stderr
        .lines()
        .find(|l| l.contains("were not read"))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(line.contains("rows 4 'x', 5 'x'"), "{line}");
    assert!(line.contains("23 'x' and 10 more"), "{line}");
    assert!(!line.contains("24 'x'"), "{line}");
    assert_eq!(
        v["checks"]["rows_not_read"].as_array().map(Vec::len),
        Some(30)
    );
    // in Japanese the count is in Japanese
    let out = run("ja", &[], "filled-down.csv", "scx1.txt")
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("23 'x' ほか10行"), "{stderr}");
}

/// Review 25 B-1: beside the check list, a sheet named as its copy (`チェックリスト のコピー`,
/// `Copy of チェックリスト`), a working copy (`作業用`), a template (`テンプレート`) or unused,
/// rejected or replaced items (`未使用`, `ボツ`, `差替前`) is not read, and named in a note, as
/// drafts and deleted items are (review 24 B-1): the check list's two items are the only ones.
#[test]
fn copy_template_and_unused_sheets_are_not_read() {
    for (n, sheet) in [
        (7, "チェックリスト のコピー"),
        (8, "Copy of チェックリスト"),
        (9, "作業用"),
        (10, "テンプレート"),
        (11, "未使用"),
        (12, "ボツ"),
        (14, "差替前"),
    ] {
        let (v, stderr) = json_and_stderr(
            &["--registration-kind", "ismap"],
            &format!("b1v-{n}.xlsx"),
            "full4.txt",
        );
        assert_eq!(ids(&v), ["1", "2"], "{sheet}: {stderr}");
        assert!(
            stderr.contains(
                "drafts, copies, templates, deleted or unused items or kept for reference"
            ) && stderr.contains(sheet),
            "{sheet}: {stderr}"
        );
    }
}

/// Review 25 B-1's guard: the one sheet of items, named as a working copy beside its
/// instructions (`記入要領` + `チェックリスト（作業用）`), is the check list: read.
#[test]
fn a_working_copy_that_is_the_only_list_is_read() {
    let (v, _) = json_and_stderr(
        &["--registration-kind", "ismap"],
        "only-working-copy.xlsx",
        "full4.txt",
    );
    assert_eq!(ids(&v), ["1", "2"], "{v}");
}

/// Review 25 A-2: a note row labelled `備考：` below the items (`備考：項番2はオンサイトで
/// 確認`) was read as an item of its own (`#4`, not analysed) and item 2 stayed `covered` at
/// ISMAP; it is a note row as `注）` and `※` rows are, so the rule of a row asking more than
/// the items refuses the list naming it.
#[test]
fn a_note_row_labelled_bikou_asking_an_own_audit_refuses_the_list() {
    let stderr = refused(&["--registration-kind", "ismap"], "a2v-2.csv", "full4.txt");
    assert!(
        stderr.contains("row 4") && stderr.contains("備考：項番2はオンサイトで確認"),
        "{stderr}"
    );
    assert!(stderr.contains("own audit"), "{stderr}");
}

/// Review 25 A-17: a CSP workbook's sheet named as an example, a sample, a template, a
/// working copy or rejected rows (`記入例`, `Sample`, `見本`, `回答例`, `テンプレート`,
/// `作業用`, `WIP`, `ボツ`, `差替前`) beside the statement was merged into it (9.2.4 and
/// 12.4.1, stated only on the example, credited). The check list's vocabulary of such
/// sheets is the CSP reader's too: refused naming the sheet, as drafts are.
#[test]
fn a_csp_example_template_or_working_sheet_is_refused() {
    for (n, sheet) in [
        (1, "テンプレート"),
        (2, "作業用"),
        (4, "ボツ"),
        (5, "差替前"),
        (6, "記入例"),
        (7, "Sample"),
        (8, "見本"),
        (9, "回答例"),
        (11, "WIP"),
    ] {
        let stderr = refused(
            &["--registration-kind", "ismap"],
            "checks4.csv",
            &format!("cspn-{n}.xlsx"),
        );
        assert!(
            stderr.contains(&format!("sheet '{sheet}'")),
            "{sheet}: {stderr}"
        );
        assert!(
            stderr.contains("not the CSP's statement in effect"),
            "{sheet}: {stderr}"
        );
    }
}
