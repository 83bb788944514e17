//! Session 11 fix24 (review 17 leftovers): a GRC export's monitor, health or RAG state short
//! of green refused as `Failing` is (fix22-sheets, noticed).
mod common;

use std::path::PathBuf;

use common::{by_id, input_error, json_of, on_checks};

/// The check list of `tests/data/fix15-csp` (K-1 asks for 9.2.1, K-2 for 9.2.3, K-6 for
/// 11.1.1).
fn checks() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/fix15-csp/k.csv")
}

/// A GRC export (`Framework, Requirement ID, Control Status, <header>, Owner`), every row
/// `Implemented` with `value` under the header.
fn grc(header: &str, value: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grc.csv");
    let mut text = format!("Framework,Requirement ID,Control Status,{header},Owner\n");
    for id in ["9.2.1", "9.2.3", "11.1.1"] {
        text.push_str(&format!("ISMAP,{id},Implemented,{value},IT\n"));
    }
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn report(path: &PathBuf) -> assert_cmd::Command {
    let mut c = on_checks("en", "report", checks());
    c.args(["--registration-kind", "ismap", "--format", "json", "--csp"])
        .arg(path);
    c
}

/// K-1 (9.2.1) covered on the GRC export with `value` under `header`.
fn assert_covered(header: &str, value: &str) {
    let (_dir, path) = grc(header, value);
    let v = json_of(report(&path));
    assert_eq!(
        by_id(&v["items"], "K-1")["status"],
        "covered",
        "{header}: {value}"
    );
}

/// fix22-sheets, noticed: under a header that does not name a test's result (`Monitoring`,
/// `RAG`, `Last Test`, `Health`, `Remarks`), `Unhealthy`, `Red`, `Amber` were a remark on an
/// implemented row (covered ※) while `Failing` was refused. Now refused as it is; `Green`,
/// `Healthy`, `Passing`, a longer text (`Red Hat`) still read, and a colour under a rating of
/// risk or priority rates the asset, not the control.
#[test]
fn health_and_rag_states_short_of_green_are_refused_as_failing_is() {
    for header in [
        "Monitoring",
        "RAG",
        "Last Test",
        "Health",
        "Remarks",
        "監視結果",
    ] {
        for bad in [
            "Failing",
            "Unhealthy",
            "Red",
            "Amber",
            "Yellow",
            "Degraded",
            "At risk",
            "赤",
        ] {
            let (_dir, path) = grc(header, bad);
            let err = input_error(report(&path));
            assert!(
                err.contains(&format!("'{bad}' in '{header}' states another status")),
                "{header}: {bad}: {err}"
            );
        }
        for clean in [
            "Green",
            "Healthy",
            "Passing",
            "Red Hat",
            "Enabled",
            "2026-03-01",
        ] {
            let (_dir, path) = grc(header, clean);
            let v = json_of(report(&path));
            assert_eq!(
                by_id(&v["items"], "K-1")["status"],
                "covered",
                "{header}: {clean}"
            );
        }
    }
    for header in ["Risk Rating", "Priority", "リスク評価"] {
        for colour in ["Red", "Amber", "赤"] {
            assert_covered(header, colour);
        }
        // a health state is the control's, whatever the header
        let (_dir, path) = grc(header, "Unhealthy");
        input_error(report(&path));
    }
}
