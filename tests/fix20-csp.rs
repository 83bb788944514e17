//! Session 10 fix20-csp: review 16's regressions of the CSP readers' new rules (fix17-out's
//! page footer and export filter, fix17-csp's banding, approval and check-mark headers),
//! each refused again, with the ordinary shape next to it still read.
mod common;

use common::{by_id, json_of, on_checks};

/// `report --checks fix20-csp/checks.csv --csp fix20-csp/CSP` in JSON (as of 2026-04-01)
/// (K-1 9.2.1, K-2 9.2.3, K-3 9.2.5), with `extra` arguments.
fn run(csp: &str, extra: &[&str]) -> assert_cmd::Command {
    let mut c = on_checks("en", "report", common::data("fix20-csp/checks.csv"));
    c.arg("--csp")
        .arg(common::data(&format!("fix20-csp/{csp}")))
        .args(["--format", "json", "-o", "-"])
        .args(extra);
    c
}

/// r16 A-1: a copyright footer after the last ids that says the list is a draft, tentative,
/// proposed, superseded or under revision is no page furniture, nor one dated after the
/// as-of date. Guard: `© 2025 Example Corp. All rights reserved.` and a copyright of the
/// as-of year still read as furniture.
#[test]
fn a_copyright_footer_saying_draft_or_a_later_year_refuses_the_list() {
    for (csp, word) in [
        ("footer-f2.txt", "Draft"),
        ("footer-f11.txt", "Tentative"),
        ("footer-f15.txt", "改訂中"),
        ("footer-f21.txt", "Proposed"),
        ("footer-f24.txt", "見直し中"),
        ("footer-f27.txt", "Superseded"),
        ("footer-later-year.txt", "2027"),
    ] {
        let err = common::input_error(run(csp, &["--registration-kind", "ismap"]));
        assert!(err.contains(word), "{csp}: {err}");
    }
    for csp in ["footer-ok.txt", "footer-this-year.txt"] {
        let v = json_of(run(csp, &["--registration-kind", "ismap"]));
        assert_eq!(by_id(&v["items"], "K-2")["status"], "covered", "{csp}");
    }
}
