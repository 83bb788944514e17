//! Session 16, branch perf-n301 (issue 20, N = 300): `report` reads the CSP list, and builds
//! the suggester of candidate references, on a second thread while it reads the check list.
//! What a user sees must not change: the errors in the order of reading one list after the
//! other, the check list's own warnings before the CSP list's error, and the candidates of
//! items without references (`tests/data/perf-n301/`).
mod common;

use common::{bin, data, example, json_of};

/// `report` of `checks` against `csp` (English, as of 2026-04-01): exit code and stderr.
fn refused(checks: std::path::PathBuf, csp: std::path::PathBuf) -> (Option<i32>, String) {
    let out = bin()
        .args([
            "--lang",
            "en",
            "report",
            "--as-of",
            "2026-04-01",
            "--checks",
        ])
        .arg(checks)
        .arg("--csp")
        .arg(csp)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Both lists unreadable: the check list's error, as when the CSP list was read after it,
/// and nothing of the CSP list.
#[test]
fn both_lists_refused_names_the_check_list() {
    let (code, err) = refused(
        example("checks-freetext.csv"),
        data("perf-n301/csp-bad-field.yaml"),
    );
    assert_eq!(code, Some(2));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("checks-freetext.csv: no references column found"),
        "{err}"
    );
    assert!(!err.contains("csp-bad-field"), "{err}");
}

/// The check list read (its warning on stderr), the CSP list refused: the warning, then the
/// CSP list's error, one line each.
#[test]
fn the_check_lists_warning_comes_before_the_csp_lists_error() {
    let (code, err) = refused(
        data("perf-n301/checks-risk-unread.yaml"),
        data("perf-n301/csp-bad-field.yaml"),
    );
    assert_eq!(code, Some(2));
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with("warning: ") && lines[0].contains("'urgent'"),
        "{err}"
    );
    assert!(
        lines[1].starts_with("error: ") && lines[1].contains("csp-bad-field.yaml: line 3"),
        "{err}"
    );
}

/// Items without references still name their candidates (the suggester built beside the
/// CSP list).
#[test]
fn items_without_references_name_their_candidates() {
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "report",
        "--as-of",
        "2026-04-01",
        "--format",
        "json",
    ])
    .args(["--refs-column", "備考", "--checks"])
    .arg(example("checks-freetext.csv"))
    .arg("--csp")
    .arg(example("csp-list.txt"));
    let v = json_of(c);
    let item = &v["items"][0];
    assert_eq!(item["id"], "Q-01");
    assert_eq!(item["reasons"], serde_json::json!(["no-reference"]));
    let procedures = item["additional_procedures"].to_string();
    assert!(procedures.contains("Candidates: 9.4.2 "), "{procedures}");
}
