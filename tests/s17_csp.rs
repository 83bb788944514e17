//! Session 17 (s17-csp, `tests/data/s17-csp/`): the CSP-list side of hostile review 25 —
//! remarks that qualify an implemented control, a `※` note dating the list
//! after the as-of date below a pasted list, a POA&M column's `N/A`, `Last Tested | Never`,
//! a catalog title in a remark column, `Attestation Status | Completed` (C-2), the entry's
//! scope above a status table (C-3) and one status column per service (C-4).
mod common;

use std::path::{Path, PathBuf};

use common::{bin, by_id, input_error, json_of};

fn fixture(name: &str) -> PathBuf {
    common::data("s17-csp").join(name)
}

/// `ismap-gap --lang en report --as-of 2026-12-01 --format json --checks CHECKS --csp CSP`.
fn report_on(checks: &str, csp: &Path, more: &[&str]) -> assert_cmd::Command {
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "report",
        "--as-of",
        "2026-12-01",
        "--format",
        "json",
    ])
    .arg("--checks")
    .arg(fixture(checks))
    .arg("--csp")
    .arg(csp)
    .args(more);
    c
}

fn report(csp: &Path) -> assert_cmd::Command {
    report_on("checks.csv", csp, &[])
}

/// `grc-base.csv` with its remark column named `header` and every row's remark `remark`,
/// written to `dir`.
fn grc_list(dir: &Path, name: &str, header: &str, remark: &str) -> PathBuf {
    let base = std::fs::read_to_string(fixture("grc-base.csv")).unwrap();
    let remark = format!("\"{}\"", remark.replace('"', "\"\""));
    let path = dir.join(name);
    std::fs::write(
        &path,
        base.replace("REMARK_HEADER", header)
            .replace("REMARK", &remark),
    )
    .unwrap();
    path
}

fn statuses(v: &serde_json::Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap().to_owned(),
                i["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}

fn reasons(item: &serde_json::Value) -> Vec<&str> {
    item["reasons"]
        .as_array()
        .map(|a| a.iter().filter_map(|r| r.as_str()).collect())
        .unwrap_or_default()
}

/// Review 25: each remark was read as bare credit or `covered *`; now in the one
/// qualifier vocabulary, refusing the row with the class it went to: off as standard, priced
/// or given on consultation, on only once configured, as far as it can — a scope limit; a
/// beta, a trial, a time to come, on the roadmap — a deferral.
#[test]
fn a13_a14_qualifying_remarks_refuse_the_row() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (remark, what)) in [
        ("標準では無効", "limits or conditions it ('標準では無効')"),
        ("個別見積", "limits or conditions it ('個別見積')"),
        ("要相談", "limits or conditions it ('要相談')"),
        (
            "Requires configuration",
            "limits or conditions it ('requires configuration')",
        ),
        ("Best endeavours", "limits or conditions it ('endeavours')"),
        ("可能な範囲で", "limits or conditions it ('可能な範囲')"),
        ("β", "defers it or says it is not done ('β')"),
        (
            "トライアル",
            "defers it or says it is not done ('トライアル')",
        ),
        ("Coming Q3", "defers it or says it is not done ('coming')"),
        (
            "CSPのロードマップに記載",
            "defers it or says it is not done ('ロードマップ')",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let list = grc_list(dir.path(), &format!("q{i}.csv"), "Remarks", remark);
        let err = input_error(report(&list));
        assert!(err.contains(what), "{remark}: {err}");
        assert!(err.contains("the row is not read as implemented"), "{err}");
    }
    // a description beside them still reads (`covered *` with the remark to read)
    let list = grc_list(dir.path(), "ok.csv", "Remarks", "手順書に従い実施");
    let v = json_of(report(&list));
    let item = by_id(&v["items"], "C-02");
    assert_eq!(item["status"], "covered");
    assert_eq!(reasons(item), ["csp-remark"]);
}

/// A `※` note dating the list after the as-of date, standing below a pasted list (after an
/// empty line), read covered on main; refused as the line above the list and the title's
/// date are. A note dated before the as-of date reads.
#[test]
fn a_note_below_a_pasted_list_dating_it_later_is_refused() {
    let err = input_error(report(&fixture("note-after.txt")));
    assert!(
        err.contains(
            "line 6: the line '※ 記載内容は2027年4月1日時点' dates the list after the as-of date 2026-12-01"
        ),
        "{err}"
    );
    // above the list, as before
    let err = input_error(report(&fixture("note-before.txt")));
    assert!(err.contains("'※ 記載内容は2027年4月1日時点'"), "{err}");
    let v = json_of(report(&fixture("note-after-earlier.txt")));
    for (id, status) in statuses(&v) {
        assert_eq!(status, "covered", "{id}");
    }
}

/// `POA&M | N/A` on implemented rows was refused as a second status column: N/A there is "no
/// plan item", and the rows read. An item there still refuses its row (session 16's rule).
#[test]
fn poam_na_is_no_plan_item() {
    let v = json_of(report(&fixture("poam-na.csv")));
    for (id, status) in statuses(&v) {
        assert_eq!(status, "covered", "{id}");
    }
    assert!(reasons(by_id(&v["items"], "C-02")).is_empty());
    let err = input_error(report(&fixture("poam-na-open.csv")));
    assert!(err.contains("'POAM-123' in 'POA&M'"), "{err}");
}

/// `Last Tested | Never` on an implemented row was a note (`covered *`): a control never
/// tested is refused, as `Testing Status | Not tested` is; a date there reads.
#[test]
fn last_tested_never_refuses_the_row() {
    let dir = tempfile::tempdir().unwrap();
    for (i, never) in ["Never", "Not tested", "未実施"].into_iter().enumerate() {
        let list = grc_list(dir.path(), &format!("n{i}.csv"), "Last Tested", never);
        let err = input_error(report(&list));
        assert!(
            err.contains("says the control has never been tested, under a header naming when it was last tested"),
            "{never}: {err}"
        );
    }
    let list = grc_list(dir.path(), "dated.csv", "Last Tested", "2026-05-01");
    let v = json_of(report(&list));
    assert_eq!(by_id(&v["items"], "C-02")["status"], "covered");
}

/// A catalog title in a remark column on every row (`Remarks | Access control policy`, a
/// category's `User access management`), and a `Control Title` column of English titles,
/// made every item `covered *`: a title qualifies nothing and is no remark.
#[test]
fn a_catalog_title_in_a_remark_is_no_remark() {
    let dir = tempfile::tempdir().unwrap();
    for (i, title) in [
        "Access control policy",
        "User access management",
        "アクセス制御方針",
    ]
    .into_iter()
    .enumerate()
    {
        let list = grc_list(dir.path(), &format!("t{i}.csv"), "Remarks", title);
        let v = json_of(report(&list));
        for id in ["C-01", "C-02", "C-03", "C-04"] {
            let item = by_id(&v["items"], id);
            assert_eq!(item["status"], "covered", "{title} {id}");
            assert!(reasons(item).is_empty(), "{title} {id}: {item}");
        }
    }
    // a title with more after it is a remark, as before
    let list = grc_list(
        dir.path(),
        "more.csv",
        "Remarks",
        "Access control policy v2 参照",
    );
    let v = json_of(report(&list));
    assert_eq!(reasons(by_id(&v["items"], "C-02")), ["csp-remark"]);
}

/// Review 25 C-2: `Attestation Status | Completed` was refused as a failed test's result:
/// the attestation done is no finding and no second status; it restates the row's status
/// (`Completed` is implemented's word), so it adds no remark either.
#[test]
fn c2_attestation_completed_reads() {
    let dir = tempfile::tempdir().unwrap();
    let list = grc_list(dir.path(), "att.csv", "Attestation Status", "Completed");
    let v = json_of(report(&list));
    for (id, status) in statuses(&v) {
        assert_eq!(status, "covered", "{id}");
    }
    // a failing attestation still refuses
    let list = grc_list(dir.path(), "fail.csv", "Attestation Status", "Failed");
    let err = input_error(report(&list));
    assert!(
        err.contains("reports a result other than a clean one"),
        "{err}"
    );
}

/// Review 25 C-3: the entry's scope row above a status table (`言明の対象範囲 | 東京リージョン…`)
/// was refused, and the hint's way out (a .txt) refused the table too: it is read as a
/// pasted entry's scope, and an item naming another region is outside it.
#[test]
fn c3_scope_above_a_status_table_is_read() {
    let v = json_of(report_on(
        "checks-region.csv",
        &fixture("scope-above.csv"),
        &[],
    ));
    assert_eq!(
        v["csp"]["scope"][0], "東京リージョンで提供される全サービス",
        "{}",
        v["csp"]
    );
    for id in ["C-01", "C-02", "C-03", "C-04"] {
        assert_eq!(by_id(&v["items"], id)["status"], "covered", "{id}");
    }
    let c5 = by_id(&v["items"], "C-05");
    assert_eq!(c5["status"], "partial");
    assert_eq!(reasons(c5), ["outside-statement-scope"]);
}

/// Review 25 C-4: one status column per service (`サービスA 実施状況 | サービスB 実施状況`):
/// `--status-column` picking one read the other as a remark and refused every row it
/// differed on; the other is now another part's statement, not read, and outside the scope.
/// Without the option the error says to pick the service's column.
#[test]
fn c4_status_column_per_service() {
    let list = fixture("per-service.csv");
    let v = json_of(report_on(
        "checks.csv",
        &list,
        &["--status-column", "サービスA 実施状況"],
    ));
    for (id, status) in statuses(&v) {
        assert_eq!(status, "covered", "{id}");
    }
    assert_eq!(
        v["csp"]["read_as"]["parts"][0]["other_parts"][0],
        "サービスB 実施状況"
    );
    assert_eq!(v["csp"]["scope"][1], "対象外: サービスA".replace('A', "B"));
    let v = json_of(report_on(
        "checks.csv",
        &list,
        &["--status-column", "サービスB 実施状況"],
    ));
    assert_eq!(by_id(&v["items"], "C-02")["status"], "not-covered");
    let err = input_error(report(&list));
    assert!(err.contains("one status column per service"), "{err}");
}
