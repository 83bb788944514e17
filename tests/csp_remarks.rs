//! What else a CSP's status table says of a row stated implemented, read fail closed:
//! Excel cell comments (notes and threaded comments) read as remarks, dates after the
//! report's as-of date, the status values of audit vocabulary (運用済, 整備済), and the
//! explanation of a row stated not applicable read as its reason.
mod common;

use std::path::{Path, PathBuf};

use common::{by_id, input_error, json_of, xlsx::add_threaded_comment};
use rust_xlsxwriter::{ExcelDateTime, Note, Workbook};

/// K-1 cites 9.2.1, K-2 9.2.2, K-3 11.1.1; each needs only the CSP's own declaration
/// (自己申告): the tables here do not state their registration kind, which would make an
/// item needing ISMAP's assurance an assurance gap whatever was read
/// (`tests/cli_verdicts.rs`); covered, an item says its row was read implemented.
const CHECKS: &str = "項番,確認項目,ISMAP管理策,求める確認水準\nK-1,利用者登録,9.2.1,自己申告\nK-2,アクセス提供,9.2.2,自己申告\nK-3,物理的境界,11.1.1,自己申告\n";

struct Dir {
    dir: tempfile::TempDir,
}

impl Dir {
    fn new() -> Dir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("checks.csv"), CHECKS).unwrap();
        Dir { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    fn report(&self, csp: &Path, as_of: &str) -> assert_cmd::Command {
        let mut c = common::bin();
        c.args(["--lang", "en", "report", "--checks"])
            .arg(self.path("checks.csv"))
            .arg("--csp")
            .arg(csp)
            .args(["--as-of", as_of, "--format", "json"]);
        c
    }

    /// The statuses of K-1, K-2, K-3.
    fn statuses(&self, csp: &Path, as_of: &str) -> Vec<String> {
        let v = json_of(self.report(csp, as_of));
        ["K-1", "K-2", "K-3"]
            .iter()
            .map(|id| {
                by_id(&v["items"], id)["status"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    }
}

/// A status table on the sheet `SoA`: 9.2.1 and 9.2.2 implemented, 11.1.1 not applicable.
fn soa(path: &Path, notes: &[(u32, u16, &str)]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("SoA").unwrap();
    for (r, row) in [
        ["管理策番号", "実施状況", "備考"],
        ["9.2.1", "実施", ""],
        ["9.2.2", "実施", ""],
        ["11.1.1", "非該当", "データセンターを保有しない"],
    ]
    .iter()
    .enumerate()
    {
        for (c, text) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *text).unwrap();
        }
    }
    for &(r, c, text) in notes {
        ws.insert_note(r, c, &Note::new(text).set_author("山田"))
            .unwrap();
    }
    wb.save(path).unwrap();
}

const COVERED: [&str; 3] = ["covered", "covered", "not-covered"];

/// A note (メモ) on any cell of a row stated implemented is read as a remark: one that limits,
/// defers or dates the statement after --as-of refuses the row, naming the sheet, row,
/// column, cell and text; a descriptive note, or one on a row not stated implemented, is read.
#[test]
fn a_note_on_a_row_stated_implemented_is_read_as_a_remark() {
    let d = Dir::new();
    let csp = d.path("soa.xlsx");
    for (r, c, text, column, what) in [
        (
            2,
            1,
            "東京リージョンのみ。大阪は2027年度対応予定",
            "column '実施状況'",
            "limits or conditions it ('のみ')",
        ),
        (
            2,
            0,
            "顧客側で設定",
            "column '管理策番号'",
            "says someone else implements it",
        ),
        (
            2,
            2,
            "N/A",
            "column '備考'",
            "states another status ('n/a')",
        ),
        (
            2,
            1,
            "2027-04-01から運用",
            "column '実施状況'",
            "gives a date after the as-of date 2026-04-01 ('2027-04-01')",
        ),
    ] {
        soa(&csp, &[(r, c, text)]);
        let err = input_error(d.report(&csp, "2026-04-01"));
        let cell = format!("{}{}", ["A", "B", "C"][c as usize], r + 1);
        for want in [
            "soa.xlsx: sheet 'SoA': row 3: ",
            column,
            &format!("the comment on cell {cell} ("),
            text.split('。').next().unwrap(),
            what,
            "on the row that states 9.2.2 implemented",
            "(hint: ",
        ] {
            assert!(err.contains(want), "{text}: '{want}' missing from: {err}");
        }
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    // descriptive notes, the author's name before them, and a note on the row not
    // applicable are read
    soa(
        &csp,
        &[
            (1, 1, "山田:\n手順書 AC-01 に基づき四半期ごとに棚卸しを実施"),
            (2, 2, "共有IDは使用しない"),
            (3, 1, "東京リージョンのみ保有"),
            (0, 0, "2025年度の内部監査で確認"),
        ],
    );
    assert_eq!(d.statuses(&csp, "2026-04-01"), COVERED);
    // a qualifying note on the header row qualifies every row
    soa(&csp, &[(0, 1, "一部のサービスを除く")]);
    let err = input_error(d.report(&csp, "2026-04-01"));
    assert!(
        err.contains("row 1: column '実施状況'") && err.contains("the comment on cell B1"),
        "{err}"
    );
}

/// A threaded comment (Excel 365's コメント) and its replies are read, not the note Excel
/// writes beside it for older versions.
#[test]
fn a_threaded_comment_and_its_replies_are_read() {
    let d = Dir::new();
    let csp = d.path("soa.xlsx");
    let placeholder = "[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    確認しました";
    soa(&csp, &[(2, 1, placeholder)]);
    add_threaded_comment(
        &csp,
        1,
        "B3",
        &["確認しました", "大阪リージョンは対象外 & 2027年度に対応"],
    );
    let err = input_error(d.report(&csp, "2026-04-01"));
    for want in [
        "sheet 'SoA': row 3: column '実施状況'",
        "the comment on cell B3 ('確認しました",
        "大阪リージョンは対象外 & 2027年度に対応",
        "on the row that states 9.2.2 implemented",
    ] {
        assert!(err.contains(want), "'{want}' missing from: {err}");
    }
    // a thread that describes the control is read, the placeholder note beside it too
    soa(&csp, &[(2, 1, placeholder)]);
    add_threaded_comment(&csp, 1, "B3", &["確認しました", "証跡は AC-02"]);
    assert_eq!(d.statuses(&csp, "2026-04-01"), COVERED);
    // the note alone (a tool that kept the note and dropped the thread): its notice is
    // no remark ('however'), the thread's text is
    soa(&csp, &[(2, 1, placeholder)]);
    assert_eq!(d.statuses(&csp, "2026-04-01"), COVERED);
    soa(
        &csp,
        &[(2, 1, &placeholder.replace("確認しました", "東京のみ"))],
    );
    let err = input_error(d.report(&csp, "2026-04-01"));
    assert!(err.contains("limits or conditions it ('のみ')"), "{err}");
    // without a note beside it (a workbook saved by a newer Excel only)
    soa(&csp, &[]);
    add_threaded_comment(&csp, 1, "A2", &["Tokyo region only"]);
    let err = input_error(d.report(&csp, "2026-04-01"));
    assert!(
        err.contains("row 2: column '管理策番号'")
            && err.contains("the comment on cell A2 ('Tokyo region only')")
            && err.contains("9.2.1 implemented"),
        "{err}"
    );
}

/// A date after --as-of under an implementation-date header, or in a remark, on a row stated
/// implemented: the control is not implemented on that date. The same rows are read on a
/// later as-of date; an earlier date is no qualification.
#[test]
fn a_date_after_the_as_of_date_on_an_implemented_row_is_refused() {
    let d = Dir::new();
    for (header, value, written) in [
        ("実施日", "2025-04-01", "2025-04-01"),
        ("実施日", "2025/4/1", "2025/4/1"),
        ("実施時期", "2025年4月", "2025年4月"),
        ("導入日", "令和7年4月1日", "令和7年4月1日"),
        ("Implementation date", "2025-04-01", "2025-04-01"),
        ("備考", "2025-04-01運用開始", "2025-04-01"),
        ("実施時期", "2024年4月", "2024年4月"),
    ] {
        let csp = d.write(
            "soa.csv",
            &format!("管理策番号,実施状況,{header}\n9.2.1,実施,2022-04-01\n9.2.2,実施,{value}\n11.1.1,非該当,\n"),
        );
        let err = input_error(d.report(&csp, "2024-04-01"));
        for want in [
            format!("soa.csv: row 3: column '{header}': '{value}' in '{header}'"),
            format!("gives a date after the as-of date 2024-04-01 ('{written}')"),
            "on the row that states 9.2.2 implemented in '実施状況'".to_owned(),
            "(hint: a control not implemented yet on the as-of date is planned".to_owned(),
        ] {
            assert!(err.contains(&want), "{value}: '{want}' missing from: {err}");
        }
        // on a date after it, the row is read
        assert_eq!(d.statuses(&csp, "2025-05-01"), COVERED, "{header} {value}");
    }
    // readiness reads the list on its --as-of date too
    let csp = d.write(
        "soa.csv",
        "管理策番号,実施状況,実施日\n9.2.1,実施,2022-04-01\n9.2.2,実施,2025-04-01\n",
    );
    let mut c = common::bin();
    c.args(["--lang", "en", "readiness", "--implemented"])
        .arg(&csp)
        .args(["--as-of", "2024-04-01", "--format", "json"]);
    let err = input_error(c);
    assert!(err.contains("row 3: column '実施日'"), "{err}");
    // an xlsx date cell
    let xlsx = d.path("soa.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("SoA").unwrap();
    let date_format = rust_xlsxwriter::Format::new().set_num_format("yyyy/m/d");
    for (r, row) in [
        ["管理策番号", "実施状況", "実施日"],
        ["9.2.1", "実施", ""],
        ["9.2.2", "実施", ""],
    ]
    .iter()
    .enumerate()
    {
        for (c, text) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *text).unwrap();
        }
    }
    ws.write_datetime_with_format(
        1,
        2,
        ExcelDateTime::from_ymd(2022, 4, 1).unwrap(),
        &date_format,
    )
    .unwrap();
    ws.write_datetime_with_format(
        2,
        2,
        ExcelDateTime::from_ymd(2025, 4, 1).unwrap(),
        &date_format,
    )
    .unwrap();
    wb.save(&xlsx).unwrap();
    let err = input_error(d.report(&xlsx, "2024-04-01"));
    assert!(
        err.contains("sheet 'SoA': row 3: column '実施日'")
            && err.contains("as-of date 2024-04-01 ('2025-04-01')"),
        "{err}"
    );
    assert_eq!(d.statuses(&xlsx, "2025-04-01")[..2], COVERED[..2]);
}

/// 運用済 states the control operates; 運用予定 and 適用予定 plan it; 適用済 may say no more
/// than that the control was selected as applicable, and 整備済 states its design only
/// (D-seibi-1): both refused, 整備済 unless operation is stated too.
#[test]
fn audit_vocabulary_status_values() {
    let d = Dir::new();
    for (value, want) in [
        ("運用済", "covered"),
        ("運用済み", "covered"),
        ("整備・運用済", "covered"),
        ("整備済・運用中", "covered"),
        ("運用予定", "not-covered"),
        ("適用予定", "not-covered"),
    ] {
        let csp = d.write(
            "soa.csv",
            &format!("管理策番号,実施状況\n9.2.1,実施\n9.2.2,{value}\n"),
        );
        assert_eq!(d.statuses(&csp, "2026-04-01")[1], want, "{value}");
    }
    for value in ["整備済", "整備済み", "整備完了"] {
        let csp = d.write(
            "soa.csv",
            &format!("管理策番号,実施状況\n9.2.1,実施\n9.2.2,{value}\n"),
        );
        let err = input_error(d.report(&csp, "2026-04-01"));
        for want in [
            format!("row 3: column '実施状況': '{value}' for 9.2.2 cannot be read as a status: 整備 (design) does not state that the control operates (運用)"),
            "(hint: write 実施 or 運用中 if the control is designed and operates".to_owned(),
        ] {
            assert!(err.contains(&want), "{value}: '{want}' missing from: {err}");
        }
    }
    for value in ["適用済", "適用済み"] {
        let csp = d.write(
            "soa.csv",
            &format!("管理策番号,実施状況\n9.2.1,実施\n9.2.2,{value}\n"),
        );
        let err = input_error(d.report(&csp, "2026-04-01"));
        let want = format!("row 3: column '実施状況': '{value}' for 9.2.2 cannot be read as a status: it says the control applies");
        assert!(err.contains(&want), "{value}: '{want}' missing from: {err}");
    }
}

/// A reason written under 説明 on a row stated not applicable is its exclusion reason.
#[test]
fn an_explanation_on_a_row_not_applicable_is_its_reason() {
    let d = Dir::new();
    let csp = d.write(
        "soa.csv",
        "管理策番号,実施状況,説明\n9.2.1,実施,\n9.2.2,実施,\n11.1.1,非該当,データセンターを自社で保有しない\n",
    );
    let v = json_of(d.report(&csp, "2026-04-01"));
    let k3 = by_id(&v["items"], "K-3");
    assert!(
        k3.to_string().contains("データセンターを自社で保有しない"),
        "{k3}"
    );
    assert!(
        !common::strings(&k3["reasons"]).contains(&"not-applicable-without-reason"),
        "{k3}"
    );
}

/// A remark read as qualifying nothing on a row stated implemented — a remarks column, an
/// explanation, a descriptive cell comment — is kept: the item stays covered, with the
/// reason csp-remark, the remark under `csp_remarks` and a procedure to read it.
#[test]
fn a_descriptive_remark_on_an_implemented_row_is_kept_for_the_reader() {
    let d = Dir::new();
    let remarks_of = |csp: &Path| {
        let v = json_of(d.report(csp, "2026-04-01"));
        assert_eq!(v["schema_version"], 45);
        ["K-1", "K-2"]
            .iter()
            .map(|id| {
                let item = by_id(&v["items"], id);
                assert_eq!(item["status"], "covered", "{item}");
                let reasons = common::strings(&item["reasons"]);
                let kept: Vec<(String, String)> = item["csp_remarks"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| {
                        (
                            r["id"].as_str().unwrap().to_owned(),
                            r["remark"].as_str().unwrap().to_owned(),
                        )
                    })
                    .collect();
                let procedure = item["additional_procedures"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|p| p["code"] == "csp-remark")
                    .map(|p| p["text"].as_str().unwrap().to_owned());
                assert_eq!(reasons.contains(&"csp-remark"), !kept.is_empty(), "{item}");
                assert_eq!(procedure.is_some(), !kept.is_empty(), "{item}");
                if let (Some(p), Some((id, remark))) = (&procedure, kept.first()) {
                    assert!(
                        p.contains(&format!("{id} ('{remark}')"))
                            && p.contains("Read it and confirm it does not limit"),
                        "{p}"
                    );
                }
                kept
            })
            .collect::<Vec<_>>()
    };
    for header in ["備考", "説明", "Remarks"] {
        let csp = d.write(
            "soa.csv",
            &format!(
                "管理策番号,実施状況,{header}\n9.2.1,実施,手順書 AC-01 に基づき実施\n9.2.2,実施,\n"
            ),
        );
        assert_eq!(
            remarks_of(&csp),
            [
                // named by its column, one alone too (review 11 B-9)
                vec![(
                    "9.2.1".to_owned(),
                    format!("{header}: 手順書 AC-01 に基づき実施")
                )],
                vec![]
            ],
            "{header}"
        );
    }
    // a descriptive note, with the remarks column's text
    let csp = d.path("soa.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("SoA").unwrap();
    for (r, row) in [
        ["管理策番号", "実施状況", "備考"],
        ["9.2.1", "実施", "四半期ごと"],
        ["9.2.2", "実施", ""],
    ]
    .iter()
    .enumerate()
    {
        for (c, text) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *text).unwrap();
        }
    }
    ws.insert_note(1, 1, &Note::new("棚卸しを実施").add_author_prefix(false))
        .unwrap();
    ws.insert_note(2, 0, &Note::new("証跡は AC-02").add_author_prefix(false))
        .unwrap();
    wb.save(&csp).unwrap();
    assert_eq!(
        remarks_of(&csp),
        [
            vec![(
                "9.2.1".to_owned(),
                "備考: 四半期ごと; 棚卸しを実施".to_owned()
            )],
            vec![("9.2.2".to_owned(), "証跡は AC-02".to_owned())]
        ]
    );
}

/// An .ods sheet's comments (`office:annotation`, as LibreOffice writes Excel's notes) are
/// read as an .xlsx sheet's are.
#[test]
fn a_comment_on_an_ods_sheet_is_read_too() {
    use common::xlsx::{ods, ods_cell};
    let d = Dir::new();
    let csp = d.path("soa.ods");
    let noted = |note: &str| {
        format!(
            r#"<table:table-cell office:value-type="string"><office:annotation><dc:date>2026-12-06T00:00:00</dc:date><text:p>{note}</text:p></office:annotation><text:p>実施</text:p></table:table-cell>"#
        )
    };
    let rows = |note: &str| {
        format!(
            "<table:table-row>{}{}</table:table-row><table:table-row>{}{}</table:table-row><table:table-row>{}{}</table:table-row>",
            ods_cell("管理策番号"),
            ods_cell("実施状況"),
            ods_cell("9.2.1"),
            ods_cell("実施"),
            ods_cell("9.2.2"),
            noted(note),
        )
    };
    ods(&csp, "SoA", &rows("東京リージョンのみ"));
    let err = input_error(d.report(&csp, "2026-04-01"));
    assert!(
        err.contains("soa.ods: sheet 'SoA': row 3: column '実施状況': the comment on cell B3 ('東京リージョンのみ') limits or conditions it ('のみ')"),
        "{err}"
    );
    ods(&csp, "SoA", &rows("四半期ごとに棚卸し"));
    let v = json_of(d.report(&csp, "2026-04-01"));
    let k2 = by_id(&v["items"], "K-2");
    assert_eq!(k2["status"], "covered");
    assert_eq!(k2["csp_remarks"][0]["remark"], "四半期ごとに棚卸し");
}

/// A workbook of one sheet `SoA` holding `rows` from A1, with `notes` (row, column, text).
fn sheet_of(path: &Path, rows: &[&[&str]], notes: &[(u32, u16, &str)]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("SoA").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                ws.write_string(r as u32, c as u16, *text).unwrap();
            }
        }
    }
    for &(r, c, text) in notes {
        ws.insert_note(r, c, &Note::new(text).add_author_prefix(false))
            .unwrap();
    }
    wb.save(path).unwrap();
}

/// A note written above a status table's header or below its last row (text or a cell
/// comment, CSV or xlsx) is read as a remark on every row: one that qualifies refuses the
/// table, naming the file, sheet, row, cell and text; a title or a harmless footnote is read.
#[test]
fn a_note_above_or_below_a_status_table_is_read_for_every_row() {
    let d = Dir::new();
    let table = "管理策番号,実施状況,備考\n9.2.1,実施,\n9.2.2,実施,\n11.1.1,非該当,データセンターを保有しない\n";
    for (name, text, row, note) in [
        (
            "above.csv",
            format!("注: 実施状況は本番環境のみを対象とする,,\n{table}"),
            "row 1: column 'A'",
            "the note '注: 実施状況は本番環境のみを対象とする' (above the table's header) limits or conditions it ('のみ')",
        ),
        (
            "below.csv",
            format!("{table},,\n※ 上記は本番環境のみ,,\n"),
            "row 6: column 'A'",
            "the note '※ 上記は本番環境のみ' (below the table's last row) limits or conditions it ('のみ')",
        ),
        (
            "below-later.csv",
            format!("{table}※ 全項目 2027年4月から運用,,\n"),
            "row 5: column 'A'",
            "(below the table's last row) gives a date after the as-of date 2026-04-01",
        ),
    ] {
        let csp = d.write(name, &text);
        let err = input_error(d.report(&csp, "2026-04-01"));
        for want in [
            &format!("{name}: {row}: ") as &str,
            note,
            "on a table that states 9.2.1 and other controls implemented",
            "(hint: ",
        ] {
            assert!(err.contains(want), "{name}: '{want}' missing from: {err}");
        }
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    // in Japanese, one line naming the note
    let mut ja = common::bin();
    ja.args(["--lang", "ja", "report", "--checks"])
        .arg(d.path("checks.csv"))
        .arg("--csp")
        .arg(d.path("above.csv"))
        .args(["--as-of", "2026-04-01"]);
    let out = ja.output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("注記 '注: 実施状況は本番環境のみを対象とする'(表の見出しより上)は範囲や条件を限定しています('のみ')が、表は 9.2.1 などの管理策を実施としています"),
        "{stderr}"
    );
    // a title, a document date above the header, a harmless footnote: read
    let csp = d.write(
        "titled.csv",
        &format!("管理策一覧（サンプルSaaS）,,\n2026年度 適用宣言書,,\n,,\n{table},,\n※ 最終更新 2026/03/01,,\n"),
    );
    assert_eq!(d.statuses(&csp, "2026-04-01"), COVERED);

    let rows: Vec<&[&str]> = vec![
        &["管理策一覧（サンプルSaaS）"],
        &[],
        &["管理策番号", "実施状況", "備考"],
        &["9.2.1", "実施", ""],
        &["9.2.2", "実施", ""],
        &["11.1.1", "非該当", "データセンターを保有しない"],
        &[],
        &["作成: 情報セキュリティ部"],
    ];
    let csp = d.path("soa.xlsx");
    sheet_of(&csp, &rows, &[(0, 0, "サンプルSaaSの管理策")]);
    assert_eq!(d.statuses(&csp, "2026-04-01"), COVERED);
    // a note in a cell above the header, a footnote, comments on empty cells there
    let mut above = rows.clone();
    above[1] = &["", "注: 実施状況は本番環境のみを対象とする"];
    sheet_of(&csp, &above, &[]);
    let err = input_error(d.report(&csp, "2026-04-01"));
    assert!(
        err.contains("sheet 'SoA': row 2: column 'B': the note '注: 実施状況は本番環境のみを対象とする' (above"),
        "{err}"
    );
    let mut below = rows.clone();
    below.push(&["※ 上記の実施状況は本番環境のみを対象とする"]);
    sheet_of(&csp, &below, &[]);
    let err = input_error(d.report(&csp, "2026-04-01"));
    assert!(
        err.contains("sheet 'SoA': row 9: column 'A': the note '※ 上記の実施状況"),
        "{err}"
    );
    for (r, c, text, at) in [
        (
            9,
            2,
            "上記すべて東京リージョンのみ",
            "row 10: column 'C': the comment on cell C10 ('上記すべて東京リージョンのみ', below",
        ),
        (
            1,
            0,
            "本番環境のみ",
            "row 2: column 'A': the comment on cell A2 ('本番環境のみ', above",
        ),
    ] {
        sheet_of(&csp, &rows, &[(r, c, text)]);
        let err = input_error(d.report(&csp, "2026-04-01"));
        assert!(err.contains(at), "{text}: {err}");
    }
}

/// Under a header naming when the control was implemented, the cell of a row stated
/// implemented must be read as a date on or before --as-of: kanji numerals, eight digits
/// and an Excel serial number are read; what is not read as a date (`27/4/1`, `Apr-27`,
/// `4月2日`, a bare year) is refused, not passed over.
#[test]
fn an_implementation_date_must_be_read_as_a_date() {
    let d = Dir::new();
    let table = |header: &str, value: &str| {
        format!("管理策番号,実施状況,{header}\n9.2.1,実施,2024-04-01\n9.2.2,実施,{value}\n11.1.1,非該当,\n")
    };
    for (header, value, what) in [
        (
            "実施日",
            "令和九年四月一日",
            "gives a date after the as-of date 2026-04-01 ('令和9年4月1日')",
        ),
        (
            "導入日",
            "20270401",
            "gives a date after the as-of date 2026-04-01 ('20270401')",
        ),
        (
            "導入日",
            "46478",
            "gives a date after the as-of date 2026-04-01 ('46478 = 2027-04-01')",
        ),
        (
            "実施日",
            "27/4/1",
            "cannot be read as a date, under a header naming when the control was implemented",
        ),
        ("実施日", "Apr-27", "cannot be read as a date"),
        ("実施時期", "4月2日", "cannot be read as a date"),
        ("対応日", "2027", "cannot be read as a date"),
        (
            "Implementation date",
            "soon-ish",
            "cannot be read as a date",
        ),
    ] {
        let csp = d.write("soa.csv", &table(header, value));
        let err = input_error(d.report(&csp, "2026-04-01"));
        for want in [
            &format!("soa.csv: row 3: column '{header}': '{value}' in '{header}' ") as &str,
            what,
            "on the row that states 9.2.2 implemented in '実施状況'",
            "(hint: ",
        ] {
            assert!(err.contains(want), "{value}: '{want}' missing from: {err}");
        }
    }
    for (header, value) in [
        ("実施日", "令和六年四月一日"),
        ("実施日", "20240401"),
        ("導入日", "45383"),
        ("実施時期", "2024年度上期"),
        ("実施日", ""),
        ("実施日", "－"),
        // a date of something else is not checked for being one
        ("最終確認日", "年1回"),
    ] {
        let csp = d.write("soa.csv", &table(header, value));
        assert_eq!(d.statuses(&csp, "2026-04-01"), COVERED, "{header} {value}");
    }
    // an xlsx number (no date format) under 導入日 is a date serial
    let xlsx = d.path("serial.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("SoA").unwrap();
    for (c, h) in ["管理策番号", "実施状況", "導入日"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (id, serial)) in [("9.2.1", 45383.0), ("9.2.2", 46296.0)].iter().enumerate() {
        ws.write_string(r as u32 + 1, 0, *id).unwrap();
        ws.write_string(r as u32 + 1, 1, "実施").unwrap();
        ws.write_number(r as u32 + 1, 2, *serial).unwrap();
    }
    wb.save(&xlsx).unwrap();
    let err = input_error(d.report(&xlsx, "2026-04-01"));
    assert!(
        err.contains("sheet 'SoA': row 3: column '導入日'")
            && err.contains("('46296 = 2026-10-01')"),
        "{err}"
    );
    assert_eq!(d.statuses(&xlsx, "2026-10-01")[..2], COVERED[..2]);
}

/// A comment on a merged cell is on every row of the merge, as the merged value is: Excel
/// anchors it on the first row, which here states 12.4.1 planned; the row below states
/// 9.2.2 implemented and is refused.
#[test]
fn a_comment_on_a_merged_cell_is_on_every_row_of_the_merge() {
    let d = Dir::new();
    let csp = d.path("merged.xlsx");
    let write = |note: &str| {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet().set_name("SoA").unwrap();
        for (r, row) in [
            ["管理策番号", "実施状況"],
            ["9.2.1", "実施"],
            ["12.4.1", "計画中"],
            ["9.2.2", "実施"],
            ["11.1.1", "非該当"],
        ]
        .iter()
        .enumerate()
        {
            for (c, text) in row.iter().enumerate() {
                ws.write_string(r as u32, c as u16, *text).unwrap();
            }
        }
        ws.write_string(0, 2, "備考").unwrap();
        ws.merge_range(2, 2, 3, 2, "", &rust_xlsxwriter::Format::new())
            .unwrap();
        ws.insert_note(2, 2, &Note::new(note).add_author_prefix(false))
            .unwrap();
        wb.save(&csp).unwrap();
    };
    write("一部のみ");
    let err = input_error(d.report(&csp, "2026-04-01"));
    assert!(
        err.contains("sheet 'SoA': row 4: column '備考': the comment on cell C3 ('一部のみ')")
            && err.contains("on the row that states 9.2.2 implemented"),
        "{err}"
    );
    write("手順書 AC-01 に基づく");
    assert_eq!(d.statuses(&csp, "2026-04-01"), COVERED);
}
