//! Session 11 fix21-csp: the CSP reader's remaining wrong credit — a document column naming
//! an abolished, superseded or borrowed document, a draft note below a pasted table, a draft
//! or old folder in an evidence path, an approval field stated empty, a count of part of the
//! evidence — each refused (or 証跡なし in `readiness`), with the ordinary shape beside it
//! still read.
mod common;

use common::{by_id, json_of, on_checks};

/// `report --checks fix21-csp/checks.csv --csp CSP` in JSON (as of 2026-04-01, fiscal year
/// 2026) (K-1 9.2.1, K-2 9.2.3, K-3 9.2.5).
fn run(csp: &std::path::Path) -> assert_cmd::Command {
    let mut c = on_checks("en", "report", common::data("fix21-csp/checks.csv"));
    c.arg("--csp").arg(csp).args([
        "--registration-kind",
        "ismap",
        "--format",
        "json",
        "-o",
        "-",
    ]);
    c
}

/// A status table whose 9.2.3 row is implemented with `cell` under `header` (`Evidence`,
/// `関連文書`), written in `dir`.
fn with_evidence(dir: &std::path::Path, header: &str, cell: &str) -> std::path::PathBuf {
    let name: String = cell
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '_' })
        .collect();
    let path = dir.join(format!("ev-{name}.csv"));
    let quoted = format!("\"{}\"", cell.replace('"', "\"\""));
    std::fs::write(
        &path,
        format!(
            "Registration kind: ISMAP\nControl ID,Implementation Status,{header}\n9.2.1,Implemented,/ISMS/a\n9.2.3,Implemented,{quoted}\n9.2.5,Implemented,/ISMS/b\n"
        ),
    )
    .unwrap();
    path
}

fn covered(csp: &std::path::Path) -> bool {
    let v = json_of(run(csp));
    by_id(&v["items"], "K-2")["status"] == "covered"
}

/// r16 A-11: a document column naming a document abolished, superseded or of an old edition
/// (by a bracketed note, a label or its last word), or another service's applied by analogy,
/// is no current evidence. Guards: an edition (`第3版`, `（2025年改訂版）`), a title with 旧
/// in it, a note on what a document covers (`（登録・廃止）`, `(retired accounts)`), a
/// document on other services.
#[test]
fn a_document_abolished_superseded_or_another_services_is_no_evidence() {
    for csp in ["doc-abolished.csv", "doc-borrowed.csv"] {
        let err = common::input_error(run(&common::data(&format!("fix21-csp/{csp}"))));
        assert!(
            err.contains("not the service's own in effect"),
            "{csp}: {err}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    for cell in [
        "規程A（旧版・廃止）",
        "規程A（廃止）",
        "規程A（2025年3月廃止）",
        "規程A 旧版",
        "規程A旧版",
        "旧版：規程A",
        "手順書（v1.0・旧版）",
        "別サービスの規程を準用",
        "Policy X (superseded)",
        "Policy X (superseded by Policy Y)",
        "Policy X (retired)",
        "Policy X (no longer in use)",
        "Policy X - obsolete",
        "Superseded: Policy X",
    ] {
        let err = common::input_error(run(&with_evidence(dir.path(), "Related documents", cell)));
        assert!(
            err.contains("not the service's own in effect"),
            "{cell}: {err}"
        );
    }
    for cell in [
        "規程A（2025年改訂版）",
        "情報セキュリティ基本方針 第3版",
        "旧姓の扱いに関する規程",
        "アカウント管理規程（登録・廃止）",
        "Access review (retired accounts)",
        "他サービス連携手順書",
        "全社共通 情報セキュリティ規程",
    ] {
        assert!(
            covered(&with_evidence(dir.path(), "関連文書", cell)),
            "{cell}"
        );
    }
}

/// r16 A-13: a draft note below a pasted TSV or a CSV table (`※本一覧は案であり、最終版では
/// ありません`) is the draft mark refused above tables; the same note above the header too.
/// Guards: a note dating the list on or before the as-of date, a note that it is final,
/// `案内`/`提案` words.
#[test]
fn a_draft_note_below_or_above_a_table_refuses_it() {
    for csp in ["tsv-draft-foot.txt", "csv-draft-foot.csv"] {
        let err = common::input_error(run(&common::data(&format!("fix21-csp/{csp}"))));
        assert!(err.contains("as a draft"), "{csp}: {err}");
    }
    let dir = tempfile::tempdir().unwrap();
    let table = "管理策番号,実施状況\n9.2.1,実施\n9.2.3,実施\n9.2.5,実施\n";
    let write = |name: &str, text: String| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    for (i, note) in [
        "※本一覧は案であり、最終版ではありません",
        "※本一覧は案です",
        "※本一覧は最終版ではありません",
        "※内容は未確定",
        "Draft - not final",
        "This list is not final",
    ]
    .into_iter()
    .enumerate()
    {
        for path in [
            write(&format!("below{i}.csv"), format!("{table}\n{note}\n")),
            write(&format!("above{i}.csv"), format!("{note}\n{table}")),
        ] {
            let err = common::input_error(run(&path));
            assert!(err.contains("as a draft"), "{note}: {err}");
        }
    }
    for (i, note) in [
        "※本一覧は2026年4月1日時点の情報です",
        "※本一覧は最終版です",
        "※ご案内：詳細は別紙のとおり",
        "※提案中の項目はありません",
    ]
    .into_iter()
    .enumerate()
    {
        let path = write(&format!("ok{i}.csv"), format!("{table}\n{note}\n"));
        assert!(covered(&path), "{note}");
    }
}

/// r16 A-15 and fix17-out "Noticed": an evidence path's segments are words too — a draft,
/// 案, 旧, old or archive folder (or a file named so) is no evidence in effect; a folder of
/// the fiscal year (`2026年度`, `FY2025`, with `/` or `\`) reads. Beside the ordinary shape:
/// a later fiscal year, a draft under it, a plan after it still refuse.
#[test]
fn an_evidence_path_naming_a_draft_or_old_folder_refuses_a_fiscal_year_reads() {
    for csp in ["path-draft.csv", "path-an.csv"] {
        let err = common::input_error(run(&common::data(&format!("fix21-csp/{csp}"))));
        assert!(
            err.contains("not the service's own in effect"),
            "{csp}: {err}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    for cell in [
        "/ISMS/2025年度/旧/",
        "/ISMS/draft/",
        "/ISMS/old/",
        "/ISMS/archive/",
        r"\\fs01\ISMS\FY2025\draft\",
        "/ISMS/規程_draft.docx",
        "/ISMS/規程_案.docx",
    ] {
        let err = common::input_error(run(&with_evidence(dir.path(), "Evidence", cell)));
        assert!(
            err.contains("not the service's own in effect"),
            "{cell}: {err}"
        );
    }
    for cell in [r"\\fs01\ISMS\FY2027\アクセス管理", "/ISMS/FY2027/"] {
        let err = common::input_error(run(&with_evidence(dir.path(), "Evidence", cell)));
        assert!(err.contains("after the as-of date"), "{cell}: {err}");
    }
    let err = common::input_error(run(&with_evidence(
        dir.path(),
        "Evidence",
        r"\\fs01\ISMS\FY2025\ 2027年4月作成予定",
    )));
    assert!(err.contains("9.2.3"), "{err}");
    for cell in [
        r"\\fs01\ISMS\FY2025\アクセス管理",
        r"\\fs01\ISMS\FY2026\",
        "/ISMS/FY2025/access",
        "/ISMS/2026年度/",
        "/ISMS/2026年度/特権ID棚卸.xlsx",
        "/logs/log-archive/2026/",
        "/ISMS/答案/",
    ] {
        assert!(
            covered(&with_evidence(dir.path(), "Evidence", cell)),
            "{cell}"
        );
    }
}

/// fix20-csp "Left": an approval field stated empty in the block above a CSP table
/// (`承認欄：（空欄）`, `承認：`, `承認者：`) is not approved. Guards: an approver in the
/// next cell (`承認： | 山田`) or after the colon, a stamp box's heading without a colon.
#[test]
fn an_approval_field_stated_empty_is_not_approved() {
    let err = common::input_error(run(&common::data("fix21-csp/approval-blank.csv")));
    assert!(err.contains("承認欄"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let write = |i: usize, line: &str| {
        let path = dir.path().join(format!("tb{i}.csv"));
        std::fs::write(
            &path,
            format!("登録区分: ISMAP\n{line}\n管理策番号,実施状況\n9.2.1,実施\n9.2.3,実施\n9.2.5,実施\n"),
        )
        .unwrap();
        path
    };
    for (i, line) in [
        "承認：",
        "承認：,",
        "承認欄：,（空欄）",
        "承認者：－",
        "Approval: (blank)",
    ]
    .into_iter()
    .enumerate()
    {
        let err = common::input_error(run(&write(i, line)));
        assert!(err.contains("as a draft"), "{line}: {err}");
    }
    for (i, line) in [
        "承認：,山田",
        "承認：山田部長",
        "承認,確認,作成",
        "承認日：2026-03-01",
    ]
    .into_iter()
    .enumerate()
    {
        assert!(covered(&write(10 + i, line)), "{line}");
    }
}

/// fix19-ready "Left": a count of part of the evidence (`1/3`, `2 of 3`, `2/5件`, `3件中2件`)
/// is refused under an evidence column in `report`, and 証跡なし in `readiness` (as are an
/// expired and an abolished document, and a draft folder). Guards: all of it (`3/3`), a
/// date (`2026/1/3`).
#[test]
fn a_count_of_part_of_the_evidence_is_none_a_date_is_evidence() {
    let dir = tempfile::tempdir().unwrap();
    for cell in ["1/3", "2 of 3", "2/5件", "3件中2件"] {
        let err = common::input_error(run(&with_evidence(dir.path(), "Evidence", cell)));
        assert!(err.contains("part of its evidence"), "{cell}: {err}");
    }
    for cell in ["3/3", "2026/1/3", "10件"] {
        assert!(
            covered(&with_evidence(dir.path(), "Evidence", cell)),
            "{cell}"
        );
    }
    let list = dir.path().join("own.csv");
    std::fs::write(
        &list,
        "管理策番号,実施状況,証跡\n9.2.1,実施,規程A\n9.2.2,実施,規程A（旧版）\n9.2.3,実施,期限切れ\n9.2.4,実施,/ISMS/draft/x.docx\n9.2.5,実施,1/3\n9.2.6,実施,2026/1/3\n",
    )
    .unwrap();
    let mut c = common::bin();
    c.args([
        "--lang",
        "en",
        "readiness",
        "--as-of",
        "2026-04-01",
        "--implemented",
    ])
    .arg(&list)
    .args(["--format", "json", "-o", "-"]);
    let v = json_of(c);
    for (id, none) in [
        ("9.2.1", false),
        ("9.2.2", true),
        ("9.2.3", true),
        ("9.2.4", true),
        ("9.2.5", true),
        ("9.2.6", false),
    ] {
        let findings = common::strings(&by_id(&v["items"], id)["findings"]);
        assert_eq!(
            findings.contains(&"no-evidence"),
            none,
            "{id}: {findings:?}"
        );
    }
}

/// fix19-csp "Left" (review 15 A-6 rest): a list whose every id is an Annex A number and that
/// names neither ISMAP nor a registration (`Control ID | A.9.2.3`) is an ISO/IEC 27001
/// statement of applicability, refused, `--registration-kind` or not, as a CSV, pasted text
/// and a workbook. Guards: the same ids in a list naming ISMAP (`登録区分: ISMAP`, a header
/// `ISMAP管理策番号`, a title, a workbook's cover sheet) read, as the README promises, and
/// so does a list mixing ISMAP ids with Annex A ones; the examples read (tests/examples.rs).
#[test]
fn a_list_of_annex_a_ids_naming_no_ismap_is_an_iso_soa() {
    let err = common::input_error(run(&common::data("fix21-csp/iso-soa.csv")));
    assert!(
        err.contains("statement of applicability") && err.contains("row 2"),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let rows = "A.9.2.1,Implemented\nA.9.2.3,Implemented\nA.9.2.5,Implemented\n";
    for path in [
        write("soa2.csv", &format!("Control ID,Status\n{rows}")),
        write("soa3.txt", "A.9.2.1\nA.9.2.3\nA.9.2.5\n"),
    ] {
        let err = common::input_error(run(&path));
        assert!(err.contains("statement of applicability"), "{err}");
    }
    let xlsx = |name: &str, cover: Option<&str>, sheet: &str| {
        let path = dir.path().join(name);
        let mut wb = rust_xlsxwriter::Workbook::new();
        if let Some(title) = cover {
            common::add_text_sheet(&mut wb, "表紙", &[&[title]]);
        }
        common::add_text_sheet(
            &mut wb,
            sheet,
            &[
                &["Control ID", "Status"],
                &["A.9.2.1", "Implemented"],
                &["A.9.2.3", "Implemented"],
                &["A.9.2.5", "Implemented"],
            ],
        );
        wb.save(&path).unwrap();
        path
    };
    let err = common::input_error(run(&xlsx("soa.xlsx", None, "SoA")));
    assert!(
        err.contains("statement of applicability") && err.contains("sheet 'SoA'"),
        "{err}"
    );
    // a sheet named as the SoA is the ISO/IEC 27001 SoA by its Annex A ids whatever a cover
    // names (review 23 A-2, session 14 fix34-soa: this guard read `named.xlsx`'s sheet `SoA`;
    // its list, named ISMAP by the cover, reads under an ordinary name below)
    let err = common::input_error(run(&xlsx(
        "named-soa.xlsx",
        Some("サンプルSaaS ISMAP 管理策一覧"),
        "SoA",
    )));
    assert!(
        err.contains("ISMS's statement of applicability") && err.contains("sheet 'SoA'"),
        "{err}"
    );
    for path in [
        write(
            "named1.csv",
            &format!("登録区分: ISMAP\nControl ID,Status\n{rows}"),
        ),
        write("named2.csv", &format!("ISMAP管理策番号,Status\n{rows}")),
        write("named3.txt", "ISMAP 言明書\nA.9.2.1\nA.9.2.3\nA.9.2.5\n"),
        write(
            "mixed.csv",
            "Control ID,Status\n9.2.1,Implemented\nA.9.2.3,Implemented\nA.9.2.5,Implemented\n",
        ),
        xlsx(
            "named.xlsx",
            Some("サンプルSaaS ISMAP 管理策一覧"),
            "管理策一覧",
        ),
    ] {
        assert!(covered(&path), "{}", path.display());
    }
}
