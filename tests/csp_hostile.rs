//! The hostile corpus: CSP lists in the shapes CSPs and consultants produce (exports from
//! Excel, text pasted from a PDF, GRC tools), each stating 9.2.3 *not* implemented somehow
//! and 9.2.1 implemented. Whatever the shape, 9.2.3 is never credited: the run either
//! refuses the file (exit 2, one line naming the place) or reads it right (9.2.3 not
//! covered, 9.2.1 covered). Files in `tests/data/csp-input/hostile/`; workbooks built here.
mod common;

use std::path::{Path, PathBuf};

use common::{by_id, data, input_error, on_checks};
use rust_xlsxwriter::Workbook;

/// How the run must end.
enum Expect {
    /// Exit 2, the message holding each fragment (the place and what is wrong).
    Refused(&'static [&'static str]),
    /// Exit 0, read as this kind: 9.2.3 not covered, 9.2.1 covered.
    Read(&'static str),
}
use Expect::{Read, Refused};

fn hostile(name: &str) -> PathBuf {
    data(&format!("csp-input/hostile/{name}"))
}

/// `report` of the check list (X cites only 9.2.3, Y only 9.2.1) against `csp`. Y needs
/// only the CSP's own declaration (`self`): these lists do not state their registration
/// kind, which would make an item needing ISMAP's assurance an assurance gap whatever was
/// read (`tests/cli_verdicts.rs`); covered, Y says 9.2.1 was read implemented.
fn report(csp: &Path, args: &[&str]) -> assert_cmd::Command {
    let mut c = on_checks("en", "report", data("csp-input/hostile-checks.csv"));
    c.arg("--csp").arg(csp).args(args);
    c
}

/// Runs one case and checks it ended as expected; `name` is what the message names.
fn check(csp: &Path, args: &[&str], name: &str, expect: &Expect) {
    match expect {
        Refused(fragments) => {
            let err = input_error(report(csp, args));
            assert!(err.contains(name), "{name}: the file is not named: {err}");
            for f in *fragments {
                assert!(err.contains(f), "{name}: '{f}' missing from: {err}");
            }
            assert!(err.contains("(hint: "), "{name}: {err}");
        }
        Read(kind) => {
            let out = report(csp, &[args, &["--format", "json"]].concat())
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "{name}: {stderr}");
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            let x = &by_id(&v["items"], "X")["status"];
            assert_eq!(x, "not-covered", "{name}: 9.2.3 credited: {v}");
            assert_eq!(
                by_id(&v["items"], "Y")["status"],
                "covered",
                "{name}: 9.2.1 not read"
            );
            assert_eq!(v["csp"]["read_as"]["kind"], *kind, "{name}");
        }
    }
}

const FILES: &[(&str, Expect)] = &[
    // pasted text: a published list holds ids and titles only
    (
        "t01-status-word.txt",
        Refused(&["line 2", "'未実施' after 9.2.3"]),
    ),
    (
        "t02-paren-not-applicable.txt",
        Refused(&["line 2", "the status word '非該当'"]),
    ),
    (
        "t03-lenticular-brackets.txt",
        Refused(&["line 2", "'【未実施】' after 9.2.3"]),
    ),
    (
        "t04-full-stop.txt",
        Refused(&["line 2", "'未実施。' after 9.2.3"]),
    ),
    (
        "t05-pdf-cells-one-per-line.txt",
        Refused(&["line 3", "'○' states a status (the mark '○')"]),
    ),
    (
        "t06-note-mark.txt",
        Refused(&["line 2", "9.2.3 stands inside a sentence"]),
    ),
    (
        "t07-heading-above-ids.txt",
        Refused(&["line 3", "'■ 非該当とした統制目標' states a status"]),
    ),
    (
        "t08-prose.txt",
        Refused(&["line 2", "9.2.3 stands inside a sentence"]),
    ),
    ("t09-marks-column.txt", Refused(&["line 1", "the mark '○'"])),
    (
        "t10-english-status.txt",
        Refused(&["line 1", "the status value 'Implemented'"]),
    ),
    ("t11-json-profile.txt", Read("profile")),
    ("t12-yaml-profile.txt", Read("profile")),
    (
        "t13-full-width.txt",
        Refused(&["line 2", "the status word '未実施'"]),
    ),
    ("t14-dash.txt", Refused(&["line 2", "the mark '－'"])),
    ("t15-triangle.txt", Refused(&["line 2", "the mark '△'"])),
    (
        "t16-planned.txt",
        Refused(&["line 2", "the status word '予定'"]),
    ),
    (
        "t17-cp932.txt",
        Refused(&["line 2", "the status word '未実施'"]),
    ),
    (
        "t18-glued-status.txt",
        Refused(&["line 2", "'未実施' after 9.2.3"]),
    ),
    (
        "t19-bullets-and-brackets.txt",
        Refused(&["line 2", "the status word '適用外'"]),
    ),
    ("t20-flag-column.txt", Refused(&["line 1", "the flag '1'"])),
    (
        "t21-done-mark.txt",
        Refused(&["line 1", "the status value '済'"]),
    ),
    (
        "t22-status-after-title.txt",
        Refused(&["line 2", "the status word '未対応'"]),
    ),
    (
        "t23-pasted-table-header.txt",
        Refused(&["line 1", "states a status ('実施状況')"]),
    ),
    // tables: exactly one status column, read by the documented values
    // 適用 says the control applies, 実施状況 whether it is implemented: read by 実施状況
    ("c01-soa-two-status-columns.csv", Read("status-table")),
    ("c02-check-matrix.csv", Read("status-table")),
    (
        "c03-blank-status.csv",
        Refused(&["row 3: column '対応'", "no status is given for 9.2.3"]),
    ),
    (
        "c04-dash-status.csv",
        Refused(&[
            "row 3: column '実施状況'",
            "'－' for 9.2.3 cannot be read as a status",
        ]),
    ),
    (
        "c05-triangle-status.csv",
        Refused(&["row 3: column '実施状況'", "'△' for 9.2.3"]),
    ),
    ("c06-cross-marks.csv", Read("status-table")),
    ("c07-hai-iie.csv", Read("status-table")),
    // 有無 alone does not say of what (指摘の有無 would be findings): 有/無 under it are
    // not read; --status-column 有無 says it is the implementation
    (
        "c08-ari-nashi.csv",
        Refused(&["column '有無'", "--status-column '有無'"]),
    ),
    ("c09-reason-in-brackets.csv", Read("status-table")),
    (
        "c10-one-column.csv",
        Refused(&["row 3: column '統制目標番号'", "'未実施' after 9.2.3"]),
    ),
    ("c11-no-column-first.csv", Read("status-table")),
    (
        "c12-same-control-as-annex-a.csv",
        Refused(&[
            "row 4: A.9.2.3 (the same control as 9.2.3) is listed again",
            "not implemented on row 2",
        ]),
    ),
    (
        "c13-same-control-full-width.csv",
        Refused(&["row 4: 9.2.3 is listed again", "not implemented on row 2"]),
    ),
    (
        "c14-note-planned.csv",
        Refused(&["row 2: column '備考'", "holds statuses (今後対応予定)"]),
    ),
    ("c15-done-not-started.csv", Read("status-table")),
    ("c16-implemented-not-implemented.csv", Read("status-table")),
    (
        "c17-ka-hi.csv",
        Refused(&["row 2: column '対応可否'", "unknown status '可'"]),
    ),
    (
        "c18-grid-with-marks.csv",
        Refused(&["more than one status column: 'B' (○); 'D' (×)"]),
    ),
    (
        "c19-status-in-title.csv",
        Refused(&[
            "row 2: column '管理策名'",
            "holds statuses (特権的アクセス権の管理（対象外）)",
        ]),
    ),
    ("c20-tab-separated.tsv", Read("status-table")),
    (
        "c21-status-in-id-cell.csv",
        Refused(&["row 3: column '管理策番号'", "'（未実施）' after 9.2.3"]),
    ),
    (
        "c22-matrix-letter-x.csv",
        Refused(&[
            "row 3: column '実施'",
            "'x' (for 9.2.3) is not a check mark",
        ]),
    ),
    (
        "c23-true-false.csv",
        Refused(&["row 2: column '実施済'", "unknown status 'TRUE'"]),
    ),
    ("c24-no-status-header.csv", Read("status-table")),
    ("c25-cp932-status-table.csv", Read("status-table")),
    (
        "c26-status-and-progress.csv",
        Refused(&["more than one status column: '実施状況'; '進捗'"]),
    ),
    (
        "c27-heading-row-status.csv",
        Refused(&["row 2", "'■ 未実施の統制目標' states a status"]),
    ),
    ("c28-yes-no.csv", Read("status-table")),
    ("c29-grc-export.csv", Read("status-table")),
    ("c30-json-profile.csv", Read("profile")),
    // review 1: after an id, only its title (an allow-list, not a list of status words)
    (
        "r01-not-implemented-in-words.txt",
        Refused(&[
            "line 3",
            "'実施していない' after 9.2.3 is not its title",
            "'ない'",
        ]),
    ),
    (
        "r02-english-negation.txt",
        Refused(&["line 2", "'Does not apply' after 9.2.3 is not its title"]),
    ),
    (
        "r03-heading-not-implemented.txt",
        Refused(&[
            "line 3",
            "'■ 実施していない統制目標' negates, excludes, defers or qualifies",
        ]),
    ),
    (
        "r04-heading-exclusions.txt",
        Refused(&["line 2", "'Exclusions:' negates", "('exclusions')"]),
    ),
    (
        "r05-footnote-mark.txt",
        Refused(&["line 2", "'※1' after 9.2.3 is not its title"]),
    ),
    (
        "r06-question-mark.txt",
        Refused(&["line 2", "'?' after 9.2.3 is not its title"]),
    ),
    (
        "r07-ditto.txt",
        Refused(&["line 2", "'同上' after 9.2.3 is not its title"]),
    ),
    (
        "r08-range-with-hyphen.txt",
        Refused(&["line 2", "'9.2.3-9.2.4' is a range"]),
    ),
    (
        "r09-annex-a-with-status.txt",
        Refused(&["line 2", "'未実施' after A.9.2.3 states something"]),
    ),
    (
        "r10-heading-fiscal-year.txt",
        Refused(&["line 2", "'2026年度対応' negates"]),
    ),
    (
        "r11-waived.txt",
        Refused(&["line 2", "'Waived' after 9.2.3 is not its title"]),
    ),
    (
        "r12-partly-in-brackets.txt",
        Refused(&["line 2", "'(一部)' after 9.2.3 states something"]),
    ),
    (
        "r13-saltire.txt",
        Refused(&["line 2", "'☓' after 9.2.3 is not its title"]),
    ),
    (
        "r14-range-annex-a.txt",
        Refused(&["line 2", "'A.9.2.3-A.9.2.4' is a range"]),
    ),
    // a column named by one status marks that status, never implemented
    (
        "r20-not-applicable-header-marks.csv",
        Refused(&[
            "row 2: column '非該当'",
            "'×' under '非該当' leaves 9.2.1 unmarked",
        ]),
    ),
    (
        "r21-excluded-yes-no.csv",
        Refused(&["row 2: column 'Excluded'", "'No' under 'Excluded'"]),
    ),
    (
        "r22-planned-yes-no.csv",
        Refused(&["row 2: column 'Planned'", "'No' under 'Planned'"]),
    ),
    // marks and yes/no under a header that names no status: their meaning is the header's
    (
        "r23-gap-yes-no.csv",
        Refused(&[
            "column 'Gap'",
            "whose meaning depends on the column's header",
        ]),
    ),
    (
        "r24-finding-ari-nashi.csv",
        Refused(&["column '指摘事項'", "'なし', 'あり'"]),
    ),
    (
        "r25-issue-u-mu.csv",
        Refused(&["column '課題'", "'無', '有'"]),
    ),
    (
        "r26-applicable-yes.csv",
        Refused(&["column 'Applicable'", "states whether each control applies"]),
    ),
    // an implemented value takes no note; remarks may not qualify it
    (
        "r27-implemented-partly.csv",
        Refused(&[
            "row 3: column '実施状況'",
            "implemented with a note in brackets ('一部')",
        ]),
    ),
    (
        "r28-implemented-partially-en.csv",
        Refused(&["row 3: column 'Status'", "('partially')"]),
    ),
    (
        "r29-remark-negates.csv",
        Refused(&[
            "row 3: column '備考'",
            "'一部未実施' in '備考' states another status ('未実施')",
        ]),
    ),
    // a table without a status column: titles and row numbers only
    (
        "r30-responsibility.csv",
        Refused(&["column 'Responsibility'", "the table has no status column"]),
    ),
    (
        "r31-inherited-from.csv",
        Refused(&["column 'Inherited from'", "(holding 'AWS')"]),
    ),
    ("r32-evidence-na.csv", Refused(&["column 'Evidence'"])),
    // the id column by its header
    (
        "r33-related-column-outvotes.csv",
        Refused(&[
            "row 3: column '管理策番号'",
            "the row has a status (implemented) but no control id",
        ]),
    ),
    ("r34-related-column.csv", Read("status-table")),
    (
        "r35-two-id-columns.csv",
        Refused(&["ids stand in more than one column ('A', 'B')"]),
    ),
    (
        "r36-soa-not-applicable-implemented.csv",
        Refused(&[
            "row 3: column '適用'",
            "'×' in '適用' does not say the control applies",
        ]),
    ),
    ("r37-clause-heading-row.csv", Read("status-table")),
    (
        "r38-exclusion-reason-on-implemented.csv",
        Refused(&[
            "row 3: column '非該当理由'",
            "stands under a header that names what is not implemented, excluded or deferred ('非該当')",
        ]),
    ),
    // an id cell holds the id and at most its title, whatever the resolver would read
    (
        "r39-id-cell-annex-a-with-status.csv",
        Refused(&["row 3: column '管理策番号'", "'（未実施）' after A.9.2.3"]),
    ),
    (
        "r40-id-cell-annex-a-sentence.csv",
        Refused(&["row 3: column '管理策番号'", "'は対象外' after A.9.2.3"]),
    ),
    (
        "r41-title-qualified.csv",
        Refused(&[
            "row 3: column '管理策名'",
            "'特権（東京リージョンのみ）'",
            "('のみ')",
        ]),
    ),
    ("r42-implemented-question.csv", Read("status-table")),
    (
        "r43-due-date.csv",
        Refused(&["column '対応完了予定日'", "the table has no status column"]),
    ),
    (
        "r44-owner-states.csv",
        Refused(&["row 3: column 'Owner'", "'Not implemented' in 'Owner'"]),
    ),
    // review 2: every column of an implemented row is a remark, whatever its header (A1);
    // a remark that describes the implementation or states a policy is read (C1)
    ("r50-remarks-describe.csv", Read("status-table")),
    ("r51-remarks-describe-unknown-header.csv", Read("status-table")),
    (
        "r52-remark-unknown-header-scope.csv",
        Refused(&[
            "row 3: column '適用/除外の理由'",
            "'東京リージョンのみ' in '適用/除外の理由' limits or conditions it ('のみ')",
        ]),
    ),
    (
        "r53-remark-details-customer.csv",
        Refused(&[
            "row 3: column 'Details'",
            "says someone else implements it ('customer responsibility')",
        ]),
    ),
    (
        "r54-remark-description-except.csv",
        Refused(&["row 3: column '説明'", "limits or conditions it"]),
    ),
    (
        "r55-scope-column.csv",
        Refused(&[
            "row 3: column 'Scope'",
            "names a part of the service under a header naming the scope",
        ]),
    ),
    (
        "r56-date-column-deferral.csv",
        Refused(&[
            "row 3: column '最終確認日'",
            "defers it or says it is not done ('年度中')",
        ]),
    ),
    // B2: the reason under 適用/除外の理由 is kept (see below)
    ("r57-soa-reason-column.csv", Read("status-table")),
    // B3: a detail stated implemented under an objective stated otherwise
    (
        "r58-detail-under-excluded-objective.csv",
        Refused(&[
            "row 4: 9.2.3.11.PB is stated implemented, but row 3 states its objective 9.2.3 not applicable",
        ]),
    ),
    (
        "r59-detail-under-objective-not-implemented.csv",
        Refused(&[
            "row 4: 9.2.3.1 is stated implemented, but row 3 states its objective 9.2.3 not implemented",
        ]),
    ),
    // C7: an objective row without a status heads its details: the objective is not
    // stated (never implemented), its details are
    ("r60-objective-heading-details.csv", Read("status-table")),
    ("r61-more-status-values.csv", Read("status-table")),
    (
        "r62-owner-customer.csv",
        Refused(&[
            "row 3: column 'Owner'",
            "names someone else under a header naming who implements it ('customer')",
        ]),
    ),
    // B2: a reason under a header naming the basis (根拠) is kept (see below)
    ("r63-reason-under-basis.csv", Read("status-table")),
    // the service itself is the whole scope (本サービス); a region of it in full is a part
    (
        "r64-scope-whole-service-or-a-part.csv",
        Refused(&[
            "row 3: column '適用範囲'",
            "'東京リージョン全体' in '適用範囲' names a part of the service under a header naming the scope",
        ]),
    ),
    // N/A under a header naming exclusions is nothing for an implemented row; any other
    // text there is refused
    ("r65-exclusion-columns-na-on-implemented.csv", Read("status-table")),
    (
        "r66-exclusion-column-out-of-scope.csv",
        Refused(&[
            "row 3: column '非該当理由'",
            "'対象外' in '非該当理由' stands under a header that names what is not implemented",
        ]),
    ),
    // review 4: remarks that defer, limit or deny the statement in other words
    ("r67-remark-impossible.csv", Refused(&["row 3: column '備考'", "('実施不可')"])),
    ("r68-remark-not-started.csv", Refused(&["row 3: column '備考'", "('未開始')"])),
    ("r69-remark-fiscal-year.csv", Refused(&["row 3: column '備考'", "('年度に')"])),
    ("r70-remark-will-be.csv", Refused(&["row 3: column '備考'", "('will be')"])),
    ("r71-remark-in-part.csv", Refused(&["row 3: column '備考'", "('part')"])),
    ("r72-remark-best-effort.csv", Refused(&["row 3: column '備考'", "('effort')"])),
    ("r73-remark-compensating.csv", Refused(&["row 3: column '備考'", "('補完的')"])),
    ("r74-remark-not-included.csv", Refused(&["row 3: column '備考'", "('含まない')"])),
    // a footnote mark on the status: the footnote may narrow it
    (
        "r75-footnote-mark-on-the-status.csv",
        Refused(&["row 3: column '実施状況'", "footnote mark"]),
    ),
    // implemented after the report's date (--as-of 2026-04-01)
    (
        "r76-implementation-date-after-as-of.csv",
        Refused(&[
            "row 3: column '実施日'",
            "gives a date after the as-of date 2026-04-01 ('2027-04-01')",
        ]),
    ),
    // 整備済: designed, not stated operating
    (
        "r77-design-only-status.csv",
        Refused(&["row 3: column '実施状況'", "整備 (design) does not state"]),
    ),
    (
        "r78-remark-numbered-phase.csv",
        Refused(&["row 3: column '備考'", "('第2期')"]),
    ),
    // review 5: a note outside the table, someone else under a "who" header the tool did
    // not know, qualifiers in words the lists missed
    (
        "r79-note-above-the-header.csv",
        Refused(&["row 1: column 'A'", "the note '注: 実施状況は本番環境のみを対象とする' (above the table's header)", "('のみ')"]),
    ),
    (
        "r80-note-below-the-table.csv",
        Refused(&["row 5: column 'A'", "the note '※ 上記は本番環境のみ' (below the table's last row)"]),
    ),
    (
        "r81-administrator-customer.csv",
        Refused(&["row 3: column '管理者'", "names someone else under a header naming who implements it ('顧客')"]),
    ),
    (
        "r82-subcontractor-name.csv",
        Refused(&["row 3: column '委託先名'", "names a subcontractor"]),
    ),
    (
        "r83-provided-by-aws.csv",
        Refused(&["row 3: column '提供元'", "('aws')"]),
    ),
    ("r84-remark-mostly.csv", Refused(&["row 3: column '備考'", "('概ね')"])),
    ("r85-remark-decided-against.csv", Refused(&["row 3: column '備考'", "('見送')"])),
    ("r86-remark-paid-option.csv", Refused(&["row 3: column '備考'", "('オプション')"])),
    ("r87-remark-pilot.csv", Refused(&["row 3: column '備考'", "('pilot')"])),
    (
        "r88-operator-msp.csv",
        Refused(&["row 4: column '運用者'", "('msp')"]),
    ),
];

#[test]
fn the_corpus_never_credits_a_control_stated_not_implemented() {
    for (file, expect) in FILES {
        check(&hostile(file), &[], file, expect);
    }
    // every file of the folder is a case, and there are enough of them
    let on_disk = std::fs::read_dir(data("csp-input/hostile"))
        .unwrap()
        .count();
    assert_eq!(on_disk, FILES.len());
    assert!(FILES.len() + WORKBOOK_CASES >= 40);
}

/// What `--status-column` picks is read, and right: the statement of applicability by its
/// 実施状況 column (not 適用), the table with a progress column by 進捗.
#[test]
fn the_status_column_named_is_read() {
    check(
        &hostile("c01-soa-two-status-columns.csv"),
        &["--status-column", "実施状況"],
        "c01",
        &Read("status-table"),
    );
    check(
        &hostile("c08-ari-nashi.csv"),
        &["--status-column", "有無"],
        "c08",
        &Read("status-table"),
    );
    // 進捗 read: 完了 is implemented, 未着手 not implemented
    check(
        &hostile("c26-status-and-progress.csv"),
        &["--status-column", "進捗"],
        "c26",
        &Read("status-table"),
    );
    // 実施状況 read: the other column is a remark on each row stated implemented, and
    // 9.2.3's says it is not started
    check(
        &hostile("c26-status-and-progress.csv"),
        &["--status-column", "実施状況"],
        "c26",
        &Refused(&[
            "row 3: column '進捗'",
            "'未着手（未実施）' in '進捗' states another status",
        ]),
    );
    // the reason in brackets is kept
    let v = common::json_of(report(
        &hostile("c09-reason-in-brackets.csv"),
        &["--format", "json"],
    ));
    assert_eq!(
        by_id(&v["items"], "X")["not_applicable"][0]["reason"],
        "IaaS側で実施"
    );
    // and the reason under 適用/除外の理由 or 適用/除外の根拠 (review 2, B2)
    for file in ["r57-soa-reason-column.csv", "r63-reason-under-basis.csv"] {
        let v = common::json_of(report(&hostile(file), &["--format", "json"]));
        assert_eq!(
            by_id(&v["items"], "X")["not_applicable"][0]["reason"],
            "IaaS事業者が実施",
            "{file}"
        );
        assert!(
            !by_id(&v["items"], "X")["reasons"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r == "not-applicable-without-reason"),
            "{file}"
        );
    }
}

/// The number of workbook cases below, counted into the corpus.
const WORKBOOK_CASES: usize = 14;

fn sheet(wb: &mut Workbook, name: &str, rows: &[&[&str]]) {
    common::add_text_sheet(wb, name, rows);
}

#[test]
fn workbooks_never_credit_a_control_stated_not_implemented() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("csp.xlsx");
    let name = "csp.xlsx";

    // 1. a sheet named 非該当: its ids are not applicable, by its name
    let mut wb = Workbook::new();
    sheet(&mut wb, "一覧", &[&["統制目標番号"], &["9.2.1"]]);
    sheet(
        &mut wb,
        "非該当",
        &[&["統制目標番号", "理由"], &["9.2.3", "特権IDなし"]],
    );
    wb.save(&path).unwrap();
    check(&path, &[], name, &Read("published-list"));
    let v = common::json_of(report(&path, &["--format", "json"]));
    assert_eq!(
        by_id(&v["items"], "X")["not_applicable"][0]["reason"],
        "特権IDなし"
    );
    assert_eq!(
        v["csp"]["read_as"]["parts"][1]["stated_by_sheet_name"],
        "not-applicable"
    );

    // 2. a history sheet: not read as statements (9.2.3 is not stated anywhere else)
    let mut wb = Workbook::new();
    sheet(&mut wb, "一覧", &[&["統制目標番号"], &["9.2.1"]]);
    sheet(&mut wb, "改訂履歴", &[&["版", "内容"], &["2.0", "9.2.3"]]);
    wb.save(&path).unwrap();
    check(&path, &[], name, &Read("published-list"));
    let v = common::json_of(report(&path, &["--format", "json"]));
    assert_eq!(
        v["csp"]["read_as"]["skipped"],
        serde_json::json!([{"sheet": "改訂履歴", "why": "history"}])
    );

    // 3. a sheet named 未実施 whose rows say 実施: refused
    let mut wb = Workbook::new();
    sheet(&mut wb, "一覧", &[&["統制目標番号"], &["9.2.1"]]);
    sheet(
        &mut wb,
        "未実施",
        &[&["管理策番号", "実施状況"], &["9.2.3", "実施"]],
    );
    wb.save(&path).unwrap();
    check(
        &path,
        &[],
        name,
        &Refused(&[
            "sheet '未実施': row 2",
            "states a status other than implemented",
        ]),
    );

    // 4. a statement of applicability with 適用 and 実施状況, after a cover sheet
    let mut wb = Workbook::new();
    sheet(&mut wb, "表紙", &[&["適用宣言書"]]);
    sheet(
        &mut wb,
        "SoA",
        &[
            &["管理策番号", "管理策名", "適用", "実施状況"],
            &["9.2.1", "利用者登録", "○", "実施"],
            &["9.2.3", "特権", "○", "未実施"],
        ],
    );
    wb.save(&path).unwrap();
    // 適用 says the control applies, not that it is implemented: read by 実施状況
    check(&path, &[], name, &Read("status-table"));
    check(
        &path,
        &["--csp-sheet", "SoA", "--status-column", "実施状況"],
        name,
        &Read("status-table"),
    );
    check(
        &path,
        &["--csp-sheet", "SoA", "--status-column", "適用"],
        name,
        &Refused(&[
            "sheet 'SoA'",
            "--status-column '適用': '適用' states whether each control applies",
        ]),
    );
    check(
        &path,
        &["--csp-sheet", "Missing"],
        name,
        &Refused(&["no sheet named 'Missing'"]),
    );

    // 5. a check-mark matrix
    let mut wb = Workbook::new();
    sheet(
        &mut wb,
        "統制目標",
        &[
            &["No", "管理策番号", "実施", "非該当", "未実施"],
            &["1", "9.2.1", "○", "", ""],
            &["2", "9.2.3", "", "", "○"],
        ],
    );
    wb.save(&path).unwrap();
    check(&path, &[], name, &Read("status-table"));

    // 6. a status cell merged over two rows (実施 for 9.2.1 and 9.2.2), 9.2.3 its own
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("SoA").unwrap();
    for (r, row) in [
        ["管理策番号", "実施状況"],
        ["9.2.1", ""],
        ["9.2.2", ""],
        ["9.2.3", "未実施"],
    ]
    .iter()
    .enumerate()
    {
        for (c, cell) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    ws.merge_range(1, 1, 2, 1, "実施", &rust_xlsxwriter::Format::new())
        .unwrap();
    wb.save(&path).unwrap();
    check(&path, &[], name, &Read("status-table"));

    // 7. two sheets stating 9.2.3 differently (A.9.2.3 implemented, 9.2.3 not)
    let mut wb = Workbook::new();
    sheet(
        &mut wb,
        "SoA",
        &[
            &["管理策番号", "実施状況"],
            &["9.2.1", "実施"],
            &["9.2.3", "未実施"],
        ],
    );
    sheet(
        &mut wb,
        "別表",
        &[&["Annex A", "Status"], &["A.9.2.3", "Implemented"]],
    );
    wb.save(&path).unwrap();
    check(
        &path,
        &[],
        name,
        &Refused(&[
            "sheet '別表': row 2: A.9.2.3 (the same control as 9.2.3) is listed again",
            "not implemented on sheet 'SoA' row 3",
        ]),
    );
    // (a sheet named by another framework, `ISO`, is no ISMAP statement: skipped, review 15
    // A-6, and 9.2.3 stays not implemented)
    let mut wb = Workbook::new();
    sheet(
        &mut wb,
        "SoA",
        &[
            &["管理策番号", "実施状況"],
            &["9.2.1", "実施"],
            &["9.2.3", "未実施"],
        ],
    );
    sheet(
        &mut wb,
        "ISO",
        &[&["Annex A", "Status"], &["A.9.2.3", "Implemented"]],
    );
    wb.save(&path).unwrap();
    let v = common::json_of(report(&path, &["--format", "json"]));
    assert_eq!(
        v["csp"]["read_as"]["skipped"],
        serde_json::json!([{"sheet": "ISO", "why": "other-framework"}])
    );
    assert_ne!(by_id(&v["items"], "X")["status"], "covered");

    // 8–10. a sheet whose name negates or qualifies without naming a status the tool reads
    const NEGATING: [(&str, &[&str]); 3] = [
        (
            "Gaps",
            &[
                "sheet 'Gaps'",
                "negates, excludes, defers or qualifies ('gaps')",
            ],
        ),
        (
            "課題一覧",
            &[
                "sheet '課題一覧'",
                "negates, excludes, defers or qualifies ('課題')",
            ],
        ),
        (
            "To do",
            &[
                "sheet 'To do'",
                "negates, excludes, defers or qualifies ('to do')",
            ],
        ),
    ];
    for (negating, fragments) in NEGATING {
        let mut wb = Workbook::new();
        sheet(&mut wb, "Implemented", &[&["Control ID"], &["9.2.1"]]);
        sheet(&mut wb, negating, &[&["Control ID"], &["9.2.3"]]);
        wb.save(&path).unwrap();
        check(&path, &[], name, &Refused(fragments));
    }

    // 11. a hidden row
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("統制目標一覧").unwrap();
    for (r, row) in [
        ["管理策番号", "管理策名"],
        ["9.2.1", "利用者登録及び登録削除"],
        ["9.2.3", "特権的アクセス権の管理"],
    ]
    .iter()
    .enumerate()
    {
        for (c, cell) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    ws.set_row_hidden(2).unwrap();
    wb.save(&path).unwrap();
    check(
        &path,
        &[],
        name,
        &Refused(&[
            "sheet '統制目標一覧': row 3",
            "the row is hidden, and holds 9.2.3",
        ]),
    );

    // 12. a struck-through row (見え消し), by the cell's format and by a run of rich text
    for rich in [false, true] {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet().set_name("統制目標一覧").unwrap();
        let struck = rust_xlsxwriter::Format::new().set_font_strikethrough();
        ws.write_string(0, 0, "管理策番号").unwrap();
        ws.write_string(1, 0, "9.2.1").unwrap();
        if rich {
            let plain = rust_xlsxwriter::Format::new();
            ws.write_rich_string(2, 0, &[(&struck, "9.2.3"), (&plain, " ")])
                .unwrap();
        } else {
            ws.write_string_with_format(2, 0, "9.2.3", &struck).unwrap();
        }
        wb.save(&path).unwrap();
        check(
            &path,
            &[],
            name,
            &Refused(&["row 3: column '管理策番号'", "is struck through (見え消し"]),
        );
    }

    // 13. a hidden status column
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("SoA").unwrap();
    for (r, row) in [
        ["管理策番号", "実施状況"],
        ["9.2.1", "実施"],
        ["9.2.3", "実施"],
    ]
    .iter()
    .enumerate()
    {
        for (c, cell) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    ws.set_column_hidden(1).unwrap();
    wb.save(&path).unwrap();
    check(
        &path,
        &[],
        name,
        &Refused(&["column '実施状況': the column '実施状況' is hidden"]),
    );

    // 14. a clause heading between the header and the first id is not the header
    let mut wb = Workbook::new();
    sheet(
        &mut wb,
        "SoA",
        &[
            &["管理策番号", "管理策名", "実施状況", "備考"],
            &["9", "アクセス制御", "", ""],
            &["9.2.1", "利用者登録", "実施", ""],
            &["9.2.3", "特権", "非該当", "IaaS側で実施のため対象外"],
        ],
    );
    wb.save(&path).unwrap();
    check(&path, &[], name, &Read("status-table"));
    check(
        &path,
        &["--status-column", "実施状況"],
        name,
        &Read("status-table"),
    );
}
