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

/// A GRC export: an `Export Info` sheet with a `Filter` row, then the status table (the
/// shape of `tests/fix17-out.rs`'s).
fn grc_export(dir: &std::path::Path, filter: &str) -> std::path::PathBuf {
    let name: String = filter.chars().filter(char::is_ascii_alphanumeric).collect();
    let path = dir.join(format!("{name}.xlsx"));
    let mut wb = rust_xlsxwriter::Workbook::new();
    common::add_text_sheet(
        &mut wb,
        "Export Info",
        &[
            &["Report", "ISMAP Control Status"],
            &["Exported", "2026-03-05 10:31 JST"],
            &["Filter", filter],
        ],
    );
    common::add_text_sheet(
        &mut wb,
        "Page 1",
        &[
            &["Control ID", "Control Name", "Status"],
            &[
                "9.2.1",
                "User registration and de-registration",
                "Implemented",
            ],
            &[
                "9.2.3",
                "Management of privileged access rights",
                "Implemented",
            ],
            &["9.2.5", "Review of user access rights", "Implemented"],
        ],
    );
    wb.save(&path).unwrap();
    path
}

/// r16 A-2: an export's `Filter` row is read past only when it selects the ISMAP framework
/// (by `=`) and implemented statuses or excludes none (`Status != Retired`); another
/// framework, a negated one, a note beside it, or planned / not-implemented statuses refuse
/// the export as before. Guard: fix17-out's `Framework = ISMAP AND Status != Retired` and
/// `Framework = ISMAP, Status = Implemented` read.
#[test]
fn an_export_filter_selecting_anything_but_ismap_implemented_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let run = |filter: &str| {
        let mut c = on_checks("en", "report", common::data("fix20-csp/checks.csv"));
        c.arg("--csp").arg(grc_export(dir.path(), filter)).args([
            "--registration-kind",
            "ismap",
            "--format",
            "json",
        ]);
        c
    };
    for filter in [
        "Framework = ISO 27001 AND Status != Retired",
        "Framework = NIST 800-53 AND Status != Retired",
        "Framework != ISMAP AND Status != Retired",
        "Framework = ISMAP (2027 target) AND Status != Retired",
        "Framework = ISMAP AND Status = Planned",
        "Framework = ISMAP AND Status = Not Implemented",
        // read on s10 too (old): no note rule refuses them, the filter's own rule does
        "Framework = ISO/IEC 27001:2013 AND Status = Implemented",
        "Framework = SOC 2, Status = Implemented",
        "Framework = ISMAP AND Status = Self-assessed",
        "Status = Target",
    ] {
        let err = common::input_error(run(filter));
        assert!(err.contains("Export Info"), "{filter}: {err}");
    }
    for filter in [
        "Framework = ISMAP AND Status != Retired",
        "Framework = ISMAP, Status = Implemented",
        "Framework = 'ISMAP'",
    ] {
        let v = json_of(run(filter));
        assert_eq!(by_id(&v["items"], "K-2")["status"], "covered", "{filter}");
    }
}

/// r16 A-4: a published list whose rows are marked pale green (`E2EFDA`) or pale orange
/// (`FCE4D6`) irregularly (1, 2, 1 plain rows between) is refused as colour-coded, not read
/// as broken banding; ids in the Hyperlink style's blue font without a hyperlink are a
/// colour too. Guard: the same green taking turns every other row reads (fix17-csp's
/// broken blue banding and hyperlinked ids are kept by its own tests).
#[test]
fn irregular_pale_green_or_orange_marks_and_blue_font_without_link_refuse() {
    for csp in [
        "band-green.xlsx",
        "band-orange.xlsx",
        "band-hyper-nolink.xlsx",
    ] {
        let err = common::input_error(run(csp, &["--registration-kind", "ismap"]));
        assert!(err.contains("coloured differently"), "{csp}: {err}");
    }
    let v = json_of(run(
        "band-green-regular.xlsx",
        &["--registration-kind", "ismap"],
    ));
    assert_eq!(by_id(&v["items"], "K-2")["status"], "covered");
}

/// r16 A-5: `仮承認` (a provisional approval) under `承認者確認` is no approval: refused
/// with `未` and `回付中`; so are `承認区分：仮承認` and `Approval: provisional` above the
/// table. Guard: `済` under `承認者確認` reads.
#[test]
fn a_provisional_approval_is_none() {
    for (csp, word) in [
        ("approval-provisional.csv", "仮承認"),
        ("title-provisional.csv", "仮承認"),
        ("title-provisional-en.csv", "provisional"),
    ] {
        let err = common::input_error(run(csp, &[]));
        assert!(err.contains(word), "{csp}: {err}");
    }
    let v = json_of(run("approval-given.csv", &[]));
    assert_eq!(by_id(&v["items"], "K-2")["status"], "covered");
}

/// r16 A-6: a footnote mark (`実施 / Implemented*`, `Implemented*`) or a note limiting the
/// rows (`実施 / Implemented (Tokyo)`, `実施（東京）`) on a check-mark matrix's implemented
/// column is a remark on every row marked there: refused. Guards: `実施 / Implemented` and
/// a note saying how to mark (`実施（○を記入）`) read.
#[test]
fn a_note_or_footnote_on_the_implemented_mark_column_refuses() {
    for (csp, word) in [
        ("marks-star.csv", "'*'"),
        ("marks-star-single.csv", "'*'"),
        ("marks-tokyo.csv", "Tokyo"),
        ("marks-tokyo-single.csv", "東京"),
    ] {
        let err = common::input_error(run(csp, &[]));
        assert!(err.contains(word), "{csp}: {err}");
    }
    for csp in ["marks-plain.csv", "marks-how-to.csv"] {
        let v = json_of(run(csp, &[]));
        assert_eq!(by_id(&v["items"], "K-2")["status"], "covered", "{csp}");
    }
}

/// r16 A-7 (readiness): a legend `－=非該当（ただし本表では未回答を示す）` whose bracket says
/// the dash means unanswered does not make a dash 非該当: refused as a dash. Guard: the
/// bracket saying where the reason is (`（理由は非該当理由欄）`) reads the dash as 非該当.
#[test]
fn a_dash_legend_whose_note_says_otherwise_is_no_legend() {
    let readiness = |csv: &str| {
        let mut c = common::bin();
        c.args([
            "--lang",
            "en",
            "readiness",
            "--as-of",
            "2026-12-01",
            "--implemented",
        ])
        .arg(common::data(&format!("fix20-csp/{csv}")))
        .args(["--format", "json", "-o", "-"]);
        c
    };
    let err = common::input_error(readiness("dash-unanswered.csv"));
    assert!(err.contains("'－'"), "{err}");
    let v = json_of(readiness("dash-na.csv"));
    assert_eq!(by_id(&v["items"], "9.2.3")["state"], "not-applicable");
}

/// r16 C-2: a bilingual status table (`実施状況` | `Status`) with the English cell left
/// blank on a row reads the filled column (an untranslated cell is no second status; see
/// `tests/fix21-over.rs`); when each column leaves blank a row the other fills, the row is
/// refused saying the cell is empty, not as two different statuses (no `''` quoted as a
/// status). Guard: both cells filled read.
#[test]
fn a_blank_cell_of_a_bilingual_status_pair_is_named_empty() {
    let v = json_of(run("bilingual-blank.csv", &[]));
    assert_eq!(by_id(&v["items"], "K-2")["status"], "covered");
    let err = common::input_error(run("bilingual-blank-both.csv", &[]));
    assert!(
        err.contains("'実施状況' is empty on this row") && !err.contains("different statuses"),
        "{err}"
    );
    let v = json_of(run("bilingual.csv", &[]));
    assert_eq!(by_id(&v["items"], "K-2")["status"], "covered");
}
