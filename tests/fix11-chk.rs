//! Review 11's check-list findings (`tests/data/fix11-chk/`): references headers real
//! lists use (`ISMAP対応`, `ISMAP Mapping`) read, the ones that do not say what they map to
//! (`Mapping`, `対応項番`) refused with a hint naming `--refs-column` and the column;
//! `--refs-column` naming a column under a two-row header or by its letter; an instructions
//! sheet with a neutral name (`説明`, `表紙`, `README`) judged by its content; a title row
//! naming the 2022 edition over plain ISMAP ids in a column headed ISMAP; a number after an
//! Annex A id under ISO/IEC 27001 (`27001 A.９,9`) no clause.
mod common;

use common::{add_text_sheet, by_id, data, input_error, on_checks};

fn fixture(name: &str) -> std::path::PathBuf {
    data(&format!("fix11-chk/{name}"))
}

/// `report --checks CHECKS --csp CSP --format json ARGS`; `fix10-chk/csp-st.csv`: every
/// objective 実施 but 9.2.4 (未実施).
fn report(checks: impl AsRef<std::ffi::OsStr>, args: &[&str]) -> assert_cmd::Command {
    let mut c = on_checks("en", "report", checks);
    c.arg("--csp")
        .arg(data("fix10-chk/csp-st.csv"))
        .args(["--format", "json"])
        .args(args);
    c
}

fn json(mut c: assert_cmd::Command) -> serde_json::Value {
    let out = c.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn status<'a>(v: &'a serde_json::Value, id: &str) -> &'a str {
    by_id(&v["items"], id)["status"].as_str().unwrap()
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// A list of two items under the references header `header`: K-1 `9.2.1` (実施), K-2
/// `9.2.4` (未実施).
fn under_header(dir: &tempfile::TempDir, header: &str) -> std::path::PathBuf {
    write(
        dir,
        "h.csv",
        &format!("項番,確認項目,{header}\nK-1,利用者登録,9.2.1\nK-2,パスワード,9.2.4\n"),
    )
}

#[test]
fn a_title_row_naming_2022_over_plain_ismap_ids_reads_them_as_ismaps() {
    // `ISO/IEC 27001:2022 対応 確認項目` over a column `ISMAP管理策` of ISMAP ids: 8.2 and
    // 5.1 are ISMAP's categories (2013 numbering), whatever the list's title aligns with
    let v = json(report(fixture("title-2022-ismap.csv"), &[]));
    assert_eq!(v["checks"]["iso_edition"]["edition"], "2013");
    assert_eq!(v["checks"]["iso_edition"]["decided_by"], "ismap-header");
    for id in ["K-1", "K-2", "K-3"] {
        assert_eq!(status(&v, id), "covered", "{id}");
    }
    let dir = tempfile::tempdir().unwrap();
    let title = "ISO/IEC 27001:2022 対応 確認項目";
    // …but the same title over numbers written as Annex A's stays refused
    for id in ["A.8.2", "ISO27001 A.8.2"] {
        let path = write(
            &dir,
            "a.csv",
            &format!("{title},,\n項番,確認項目,ISMAP管理策\nK-1,特権,{id}\n"),
        );
        let err = input_error(report(&path, &[]));
        assert!(err.contains("names the 2022 edition"), "{id}: {err}");
    }
    // …and a title speaking of the numbers doubts plain ones too
    let path = write(
        &dir,
        "n.csv",
        "※管理策番号は ISO/IEC 27001:2022 附属書A の番号です,,\n項番,確認項目,ISMAP管理策\nK-1,分類,8.2\n",
    );
    let err = input_error(report(&path, &[]));
    assert!(err.contains("names the 2022 edition"), "{err}");
    // a 2022-only number under the ISMAP header is no ISMAP id: not analysed, never covered
    let path = write(
        &dir,
        "o.csv",
        &format!("{title},,\n項番,確認項目,ISMAP管理策\nK-1,クラウド,5.23\n"),
    );
    let v = json(report(&path, &[]));
    assert_eq!(status(&v, "K-1"), "not-analysed");
}

#[test]
fn a_number_after_an_annex_a_id_under_27001_is_no_clause() {
    // `27001 A.９,9` resolved to 4.6.1 (clause 9): the `9` lost its `A.`
    let dir = tempfile::tempdir().unwrap();
    for cell in ["27001 A.９,9", "27001 A.9, 9"] {
        let path = write(
            &dir,
            "c.csv",
            &format!("項番,確認項目,ISMAP管理策\nK-1,アクセス制御,\"{cell}\"\n"),
        );
        let v = json(report(&path, &[]));
        let item = by_id(&v["items"], "K-1");
        assert_eq!(item["status"], "not-analysed", "{cell}: {item}");
        assert_eq!(
            item["unresolved"][0]["why"], "shorthand-list",
            "{cell}: {item}"
        );
        assert_eq!(
            item["unresolved"][0]["suggestions"][0], "A.9",
            "{cell}: {item}"
        );
    }
    // the clause written alone, or before the Annex A id, still reads
    let path = write(
        &dir,
        "k.csv",
        "項番,確認項目,ISMAP管理策\nK-1,内部監査,27001 9\nK-2,アクセス制御,\"ISO27001 9, A.9.2.1\"\n",
    );
    let v = json(report(&path, &[]));
    let ids = |id: &str| common::control_ids(by_id(&v["items"], id)).join(" ");
    assert!(ids("K-1").contains("4.6.1"), "{}", ids("K-1"));
    assert!(ids("K-2").contains("9.2.1"), "{}", ids("K-2"));
}

#[test]
fn headers_mapping_to_ismap_are_references_and_mappings_to_nothing_said_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for header in [
        "ISMAP対応",
        "ISMAP対応番号",
        "ISMAP対応項番",
        "ISMAP Mapping",
        "ISMAPマッピング",
        // the headers known before stay
        "ISMAP管理策",
        "対応管理策",
    ] {
        let path = under_header(&dir, header);
        let v = json(report(&path, &[]));
        assert_eq!(status(&v, "K-1"), "covered", "{header}");
        assert_eq!(status(&v, "K-2"), "not-covered", "{header}");
    }
    // mapped to what? never read by a guess: refused naming the column and --refs-column
    for header in ["Mapping", "対応項番", "マッピング", "ISMAP対応状況"] {
        let path = under_header(&dir, header);
        let err = input_error(report(&path, &[]));
        assert!(
            err.contains(&format!("give it with --refs-column '{header}'")),
            "{header}: {err}"
        );
        // …and read as the user says
        let v = json(report(&path, &["--refs-column", header]));
        assert_eq!(status(&v, "K-1"), "covered", "{header}");
    }
}

/// Items and stderr of a report on a workbook of the sheets `sheets`.
fn workbook_report(sheets: &[(&str, &[&[&str]])]) -> (serde_json::Value, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        add_text_sheet(&mut wb, name, rows);
    }
    wb.save(&path).unwrap();
    let out = report(&path, &[]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    (serde_json::from_slice(&out.stdout).unwrap(), stderr)
}

const ITEMS: &[&[&str]] = &[
    &["項番", "確認項目", "ISMAP管理策"],
    &["K-1", "利用者登録", "9.2.1"],
    &["K-5", "パスワード", "9.2.4"],
];

/// An instructions sheet describing the columns: a header of ours, its one row the
/// columns' descriptions, a closing line.
const INSTRUCTIONS: &[&[&str]] = &[
    &["本チェックリストの記入について"],
    &["次の列を記入してください。"],
    &["項番", "確認項目", "ISMAP管理策", "回答"],
    &[
        "",
        "確認したい内容を書きます",
        "対応するISMAP管理策の番号を書きます（複数可）",
        "はい / いいえ",
    ],
    &["提出前に内容を確認してください。"],
];

#[test]
fn an_instructions_sheet_with_a_neutral_name_is_judged_by_its_content() {
    for name in ["説明", "はじめに", "表紙", "README", "Cover"] {
        let (v, stderr) = workbook_report(&[(name, INSTRUCTIONS), ("確認項目", ITEMS)]);
        assert_eq!(v["summary"]["total"], 2, "{name}: {}", v["summary"]);
        assert!(
            stderr.contains(&format!(
                "sheets of instructions, examples or the ISMAP control list are not check items and were not read: {name}"
            )),
            "{name}: {stderr}"
        );
    }
    // a sheet so named holding real items — an id, or a reference — is read
    let with_id: &[&[&str]] = &[
        &["項番", "確認項目", "ISMAP管理策"],
        &["R-1", "記録の保護", ""],
    ];
    let with_ref: &[&[&str]] = &[&["確認項目", "ISMAP管理策"], &["記録の保護", "12.4.2"]];
    for rows in [with_id, with_ref] {
        let (v, _) = workbook_report(&[("説明", rows), ("確認項目", ITEMS)]);
        assert_eq!(v["summary"]["total"], 3, "{}", v["summary"]);
    }
    // another name is no instructions sheet: its rows read (and not analysed)
    let (v, _) = workbook_report(&[("回答シート", INSTRUCTIONS), ("確認項目", ITEMS)]);
    assert_eq!(v["summary"]["total"], 3, "{}", v["summary"]);
}

#[test]
fn refs_column_names_a_column_under_a_two_row_header_or_by_its_letter() {
    // `対応管理策` merged over `ISMAP` | `ISO/IEC 27001:2013` (rows 4–5); K-5 has only
    // `A.9.2.4` (9.2.4 未実施)
    let xlsx = data("fix10-chk/two-row-header.xlsx");
    // two-row.csv: the same without merges, `対応管理策` over `ISMAP` only
    let csv = fixture("two-row.csv");
    for path in [&xlsx, &csv] {
        for (named, k5) in [
            // an empty references cell: no reference given (review 15 B-3)
            ("ISMAP", "unmapped"),
            ("対応管理策 ISMAP", "unmapped"),
            ("C", "unmapped"),
            ("ISO/IEC 27001:2013", "not-covered"),
            ("D", "not-covered"),
            ("ｄ", "not-covered"),
        ] {
            let v = json(report(path, &["--refs-column", named]));
            let what = format!("{} {named}", path.display());
            // the header's second row is no item, the items keep their ids and text
            assert_eq!(v["summary"]["total"], 3, "{what}: {}", v["summary"]);
            assert_eq!(by_id(&v["items"], "K-1")["title"], "利用者登録", "{what}");
            assert_eq!(status(&v, "K-1"), "covered", "{what}");
            assert_eq!(status(&v, "K-5"), k5, "{what}");
        }
    }
    // the merged upper cell stands over both columns: which one cannot be told
    let err = input_error(report(&xlsx, &["--refs-column", "対応管理策"]));
    assert!(
        err.contains("--refs-column '対応管理策' names 2 columns: C ('対応管理策 ISMAP'), D ('対応管理策 ISO/IEC 27001:2013')"),
        "{err}"
    );
    assert!(err.contains("--refs-column C"), "{err}");
    // a name no header has: the headers seen named, both rows
    let err = input_error(report(&csv, &["--refs-column", "対応管理策 ISO"]));
    assert!(
        err.contains("(row 1 has: 項番, 確認項目, 対応管理策, 求める確認水準; row 2: ISMAP, ISO/IEC 27001:2013)"),
        "{err}"
    );
    assert!(
        err.contains("or its column letter (--refs-column D)"),
        "{err}"
    );
    // a letter past the sheet's columns, or over no row of headers
    let err = input_error(report(&csv, &["--refs-column", "AA"]));
    assert!(
        err.contains("names column AA by its letter, but the sheet's columns end at E"),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "n.csv", "メモ\n,,\nK-1,x,9.2.1\n");
    let err = input_error(report(&path, &["--refs-column", "C"]));
    assert!(
        err.contains("no row of the first 30 heads the check list's columns"),
        "{err}"
    );
    // a header written as a letter is that header, not the letter's column
    let path = write(
        &dir,
        "d.csv",
        "項番,確認項目,D,ISMAP管理策\nK-1,利用者登録,9.2.4,9.2.1\n",
    );
    let v = json(report(&path, &["--refs-column", "D"]));
    assert_eq!(status(&v, "K-1"), "not-covered");
    // a column without a header, given by its letter, is named by it
    let path = write(
        &dir,
        "e.csv",
        "項番,確認項目,,備考\nK-1,利用者登録,9.2.1,\n",
    );
    let v = json(report(&path, &["--refs-column", "C"]));
    assert_eq!(status(&v, "K-1"), "covered");
    // the ordinary one-row header, named as written
    let path = write(
        &dir,
        "o.csv",
        "項番,確認項目,ISMAP管理策\nK-1,利用者登録,9.2.1\n",
    );
    let v = json(report(&path, &["--refs-column", "ISMAP管理策"]));
    assert_eq!(status(&v, "K-1"), "covered");
}

#[test]
fn ismap_kanri_kijun_headers_with_the_words_around_them_are_references() {
    // review 11 C-1: `対応するISMAP管理基準` over ISMAP ids
    let v = json(report(fixture("c1-header.csv"), &[]));
    assert_eq!(status(&v, "1"), "covered");
    let dir = tempfile::tempdir().unwrap();
    for header in [
        "関連するISMAP管理基準",
        "ISMAP管理基準との対応",
        "ISMAP管理基準対応",
        "ISMAP管理基準項目",
        "対応ISMAP管理基準",
        "ISMAP管理基準の該当項目",
        "ISMAP該当箇所",
        "ISMAP Criteria",
        "ISMAP control criteria",
        "Reference (ISMAP)",
        "ISMAP #",
        "Control Ref",
        "参照",
    ] {
        let path = under_header(&dir, header);
        let v = json(report(&path, &[]));
        assert_eq!(status(&v, "K-1"), "covered", "{header}");
        assert_eq!(status(&v, "K-2"), "not-covered", "{header}");
    }
    // headers not saying whose numbers: the hint names --refs-column
    for header in [
        "参照番号",
        "参照先",
        "対応番号",
        "基準番号",
        "根拠",
        "Mapped Controls",
    ] {
        let path = under_header(&dir, header);
        let err = input_error(report(&path, &[]));
        assert!(err.contains("--refs-column"), "{header}: {err}");
    }
}

#[test]
fn a_references_cell_saying_none_is_no_reference() {
    // review 11 C-4: `該当なし`, `ISMAP対象外`, `N/A`, `ー`… → outside ISMAP with the topic's
    // procedure, not "fix the reference"
    let v = json(report(fixture("none-words.csv"), &[]));
    let items = v["items"].as_array().unwrap();
    for item in items {
        let id = item["id"].as_str().unwrap();
        let kept = ["N16", "N17", "N18", "N21"].contains(&id);
        if kept {
            // words saying where to look are a reference that does not resolve
            assert_eq!(item["status"], "not-analysed", "{item}");
        } else if id == "N22" {
            // a cell of spaces is an empty one: no reference given, not a cell saying none
            // (review 15 B-3)
            assert_eq!(item["status"], "unmapped", "{item}");
            assert_eq!(
                item["additional_procedures"][0]["code"], "map-references",
                "{item}"
            );
        } else {
            assert_eq!(item["status"], "outside-ismap", "{item}");
            assert_eq!(
                item["additional_procedures"][0]["code"], "own-check-data-location",
                "{item}"
            );
        }
    }
    assert_eq!(items.len(), 31);
    // an id with such a word beside it is still judged on the id's words
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "q.csv",
        "項番,確認項目,ISMAP管理策\nK-1,利用者登録,9.2.1（対象外）\nK-2,利用者登録,\"9.2.1、なし\"\n",
    );
    let v = json(report(&path, &[]));
    assert_eq!(
        by_id(&v["items"], "K-1")["unresolved"][0]["why"],
        "qualified"
    );
    assert_eq!(status(&v, "K-2"), "not-analysed");
}

#[test]
fn a_risk_the_tool_does_not_read_withholds_no_verdict() {
    // review 11 C-7: 必須, 推奨, A, B, ◎ under 重要度
    let out = report(fixture("risk-words.csv"), &[]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for item in v["items"].as_array().unwrap() {
        assert_eq!(item["status"], "covered", "{item}");
        assert_eq!(item["risk"], serde_json::Value::Null, "{item}");
    }
    assert!(
        stderr.contains("the risk column '重要度' holds values the tool does not read as high, medium or low ('必須', '推奨', 'A', 'B', '◎') on 6 row(s)"),
        "{stderr}"
    );
    // 高/中/低, 1/2/3 and a level with a note in brackets read as before, without a word
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "r.csv",
        "項番,確認項目,ISMAP管理策,重要度\nK-1,a,9.2.1,高\nK-2,b,9.2.1,2\nK-3,c,9.2.1,低\nK-4,d,9.2.1,高（必須）\nK-5,e,9.2.1,中 (推奨)\n",
    );
    let out = report(&path, &[]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("risk column"), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for (id, risk) in [
        ("K-1", "high"),
        ("K-2", "medium"),
        ("K-3", "low"),
        ("K-4", "high"),
        ("K-5", "medium"),
    ] {
        assert_eq!(by_id(&v["items"], id)["risk"], risk, "{id}");
    }
    // the assurance column still withholds the verdict it decides
    let path = write(
        &dir,
        "a.csv",
        "項番,確認項目,ISMAP管理策,求める確認水準\nK-1,a,9.2.1,たぶん\n",
    );
    let v = json(report(&path, &[]));
    assert_eq!(status(&v, "K-1"), "not-analysed");
}

#[test]
fn one_reference_marked_with_its_edition_decides_no_unmarked_one() {
    // review 11 B-1: `A.8.2 (2022)` on row 2 made row 3's plain `A.8.2` 2022 (→ 9.2.3)
    let err = input_error(report(fixture("edition-marked-one.csv"), &[]));
    assert!(
        err.contains("row 3 'A.8.2' names different ISO/IEC 27001 Annex A controls in the 2013 and 2022 editions"),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    // every edition-sensitive reference marked: they decide, as before
    let path = write(
        &dir,
        "m.csv",
        "No,確認項目,管理策\n1,特権的アクセス権の管理,A.8.2 (2022)\n2,分類,A.5.12 (2022)\n3,利用者登録,9.2.1\n",
    );
    let v = json(report(&path, &[]));
    assert_eq!(v["checks"]["iso_edition"]["edition"], "2022");
    assert_eq!(status(&v, "3"), "covered");
    // the flag decides the unmarked one
    let v = json(report(
        fixture("edition-marked-one.csv"),
        &["--iso-edition", "2013"],
    ));
    assert_eq!(
        common::control_ids(by_id(&v["items"], "2")),
        ["8.2.1", "8.2.2", "8.2.3"]
    );
}

#[test]
fn a_column_of_the_csps_negative_answers_is_refused() {
    // review 11 A-7: `CSP回答` × on 9.2.3 (実施 by ISMAP) was covered without a word
    let err = input_error(report(fixture("answers.csv"), &[]));
    assert!(
        err.contains("the column 'CSP回答' holds the CSP's answers to the check items, and this one answers '×'"),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    for (header, answer) in [
        ("回答", "△"),
        ("事業者回答", "いいえ"),
        ("回答内容", "いいえ、共有している"),
        ("Vendor response", "Partial"),
        ("Answer", "No"),
        ("対応状況", "未対応"),
    ] {
        let path = write(
            &dir,
            "a.csv",
            &format!("項番,確認項目,ISMAP管理策,{header}\nK-1,特権,9.2.3,{answer}\n"),
        );
        let err = input_error(report(&path, &[]));
        assert!(err.contains("holds the CSP's answers"), "{header}: {err}");
    }
    // positive answers, a respondent's name, free text: carried as before
    let path = write(
        &dir,
        "p.csv",
        "項番,確認項目,ISMAP管理策,CSP回答,回答内容,回答者\nK-1,特権,9.2.3,○,承認制で付与,山田\nK-2,ログ,12.4.1,はい,1年保管,Nomura\n",
    );
    let v = json(report(&path, &[]));
    assert_eq!(status(&v, "K-1"), "covered");
    assert_eq!(by_id(&v["items"], "K-1")["extra"]["CSP回答"], "○");
}

#[test]
fn items_on_hidden_or_struck_through_rows_are_named() {
    // review 11 B-7: row 3 hidden (a filter), row 5 struck through (見え消し)
    let out = report(fixture("hidden-struck-items.xlsx"), &[])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("hidden rows (a filter may hide them) were read as check items, as written: rows チェックリスト 3"),
        "{stderr}"
    );
    assert!(
        stderr.contains("rows with struck-through text (見え消し) were read as check items, as written: rows チェックリスト 5"),
        "{stderr}"
    );
    // a workbook of visible, plain rows: no word
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    add_text_sheet(&mut wb, "確認項目", ITEMS);
    wb.save(&path).unwrap();
    let out = report(&path, &[]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("were read as check items, as written"),
        "{stderr}"
    );
}

#[test]
fn a_required_assurance_with_its_own_reading_says_it() {
    // review 11 C-9: ISMAP-LIU still not analysed (fail closed), the procedure says how to
    // write it; review 12 C-21: either of two levels reads as the weaker (`ISMAP又はSOC2`:
    // ismap), a written answer as self (`書面確認`); either of two with one unknown still not
    let v = json(report(fixture("assurance-words.csv"), &[]));
    let text = |id: &str| {
        by_id(&v["items"], id)["additional_procedures"][0]["text"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    for id in ["1", "4"] {
        assert_eq!(status(&v, id), "not-analysed", "{id}");
    }
    assert_eq!(by_id(&v["items"], "2")["assurance"], "ismap");
    assert_eq!(by_id(&v["items"], "3")["assurance"], "self");
    assert!(
        text("1").contains("an item ISMAP-LIU satisfies: write ismap"),
        "{}",
        text("1")
    );
    assert!(
        text("4").contains("for an item either will do, write the weaker"),
        "{}",
        text("4")
    );
    assert!(!text("4").contains("LIU"), "{}", text("4"));
}
