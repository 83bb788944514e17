//! Review 10's check-list findings (`tests/data/fix10-chk/`): an assurance level is read in
//! the spellings people write (`SOC2レポート`, `SOC 2 Type II`, `ISAE3402`, `第三者保証報告書`,
//! `オンサイト監査`) under the assurance header, and a column of them under another header
//! (`確認方法`) refused (A-asr-2); a level above the item's written anywhere else — its text,
//! its note, another column — leaves the item not analysed, and in a title row the list is
//! refused (A-asr-3); a 備考 column of ISMAP ids is refused like any other (A-note-1); a
//! references header or title row naming the 2022 edition is honoured or refused, never
//! read silently in 2013 numbering (A-2022-2); an instructions sheet, the ISMAP control
//! list pasted on a sheet, an example or legend row and a footnote are no check items, and
//! named (B-refsheet-1, B-instr-1, B-foot-1, C-legend-1).
mod common;

use common::{add_text_sheet, by_id, data, input_error, on_checks};

fn fixture(name: &str) -> std::path::PathBuf {
    data(&format!("fix10-chk/{name}"))
}

/// `report --checks CHECKS --csp CSP --format json ARGS`; `csp-st.csv`: every objective
/// 実施 but 9.2.4 (未実施); `csp-st3.csv`: 9.2.3 未実施 too.
fn report(checks: impl AsRef<std::ffi::OsStr>, csp: &str, args: &[&str]) -> assert_cmd::Command {
    let mut c = on_checks("en", "report", checks);
    c.arg("--csp")
        .arg(fixture(csp))
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

/// The fields of the item's problems.
fn problem_fields<'a>(v: &'a serde_json::Value, id: &str) -> Vec<&'a str> {
    by_id(&v["items"], id)["problems"]
        .as_array()
        .map(|a| a.iter().filter_map(|p| p["field"].as_str()).collect())
        .unwrap_or_default()
}

#[test]
fn assurance_levels_are_read_in_the_spellings_people_write() {
    let v = json(report(fixture("levels-spelled.csv"), "csp-st.csv", &[]));
    for (id, want) in [
        ("K-1", "soc2"),
        ("K-2", "soc2"),
        ("K-3", "soc2"),
        ("K-4", "soc2"),
        ("K-5", "audit"),
        ("K-6", "soc2"),
        ("K-7", "ismap"),
    ] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["assurance"], want, "{id}: {item}");
        assert!(item.get("problems").is_none(), "{id}: {item}");
    }
    // asking for more than the ISMAP registration gives: never covered
    assert_eq!(status(&v, "K-1"), "assurance-gap");
    assert_eq!(status(&v, "K-7"), "covered");
}

#[test]
fn a_column_of_levels_under_another_header_is_refused_whatever_their_spelling() {
    let err = input_error(report(fixture("method-levels.csv"), "csp-st.csv", &[]));
    assert!(
        err.contains("the column '確認方法' holds required-assurance levels ('SOC2報告書')"),
        "{err}"
    );
    // every spelling of the finding, in the README's own 確認方法 and the other headers
    let dir = tempfile::tempdir().unwrap();
    for header in [
        "確認方法",
        "確認手段",
        "エビデンス",
        "Verification",
        "評価方法",
    ] {
        for level in [
            "SOC2報告書",
            "SOC2レポート",
            "SOC 2 Type II",
            "ISAE3402",
            "第三者保証報告書",
            "オンサイト監査",
            "訪問調査",
        ] {
            let path = dir.path().join("m.csv");
            std::fs::write(
                &path,
                format!("項番,確認項目,ISMAP管理策,{header}\nK-1,a,9.2.1,{level}\nK-2,b,9.2.3,ISMAP登録\nK-3,c,9.2.5,ISMAP登録\n"),
            )
            .unwrap();
            let err = input_error(report(&path, "csp-st.csv", &[]));
            assert!(
                err.contains("holds required-assurance levels"),
                "{header} {level}: {err}"
            );
        }
    }
}

#[test]
fn a_level_among_other_words_of_another_column_leaves_its_item_not_analysed() {
    // `オンサイト監査 | 書面 | 書面`: too few levels for a column of them, never carried
    let v = json(report(fixture("method-onsite.csv"), "csp-st.csv", &[]));
    assert_eq!(status(&v, "K-1"), "not-analysed");
    assert_eq!(problem_fields(&v, "K-1"), ["assurance-outside"]);
    let p = &by_id(&v["items"], "K-1")["problems"][0];
    assert_eq!(p["column"], "確認方法");
    assert_eq!(p["value"], "オンサイト監査");
    assert_eq!(status(&v, "K-2"), "covered");
    assert_eq!(status(&v, "K-3"), "covered");
}

#[test]
fn a_level_in_the_note_or_the_item_text_leaves_the_item_not_analysed() {
    let v = json(report(fixture("words-outside.csv"), "csp-st.csv", &[]));
    for (id, column) in [("K-1", "備考"), ("K-2", "確認項目"), ("K-3", "備考")] {
        assert_eq!(status(&v, id), "not-analysed", "{id}");
        assert_eq!(problem_fields(&v, id), ["assurance-outside"], "{id}");
        assert_eq!(by_id(&v["items"], id)["problems"][0]["column"], column);
    }
    // the note agrees with the assurance cell; `監査ログ` names no level
    assert_eq!(status(&v, "K-4"), "assurance-gap");
    assert!(problem_fields(&v, "K-4").is_empty());
    assert_eq!(status(&v, "K-5"), "covered");
    // said in the report's language
    let out = on_checks("ja", "report", fixture("words-outside.csv"))
        .arg("--csp")
        .arg(fixture("csp-st.csv"))
        .args(["--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(
        csv.contains("求める確認水準の列より高い確認水準がここに書かれています"),
        "{csv}"
    );
}

#[test]
fn a_title_row_asking_for_more_than_the_items_is_refused() {
    let err = input_error(report(fixture("title-level.csv"), "csp-st.csv", &[]));
    assert!(
        err.contains("the title row '本チェックリストで求める確認水準: 保証報告（SOC2 Type2）' asks for an assurance level (SOC 2) above the one check items give ('K-1' and 1 more: ismap)"),
        "{err}"
    );
    assert!(err.contains("求める確認水準"), "{err}");
    // the items giving it (or more) in their own cells agree with it
    let v = json(report(fixture("title-level-given.csv"), "csp-st.csv", &[]));
    assert_eq!(status(&v, "K-1"), "assurance-gap");
    assert_eq!(by_id(&v["items"], "K-2")["assurance"], "audit");
}

#[test]
fn a_note_column_of_ids_is_refused_like_any_other() {
    let err = input_error(report(fixture("note-ids.csv"), "csp-st.csv", &[]));
    assert!(
        err.contains("the column '備考' holds ISMAP ids ('9.2.2') beside the references column 'ISMAP管理策'"),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    for header in ["備考", "note", "Notes", "Remarks", "コメント", "補足"] {
        let path = dir.path().join("n.csv");
        std::fs::write(
            &path,
            // three cells of ids: a few in the note are each their item's (review 12 C-7)
            format!("項番,確認項目,ISMAP管理策,{header}\nK-1,利用者登録,9.2.1,9.2.4\nK-2,特権,9.2.3,9.2.4\nK-3,ログ,12.4.1,9.2.4\n"),
        )
        .unwrap();
        let err = input_error(report(&path, "csp-st.csv", &[]));
        assert!(err.contains("holds ISMAP ids ('9.2.4')"), "{header}: {err}");
    }
    // a note of prose is a note
    let v = json(report(fixture("note-prose.csv"), "csp-st.csv", &[]));
    assert_eq!(status(&v, "K-3"), "covered");
}

#[test]
fn an_ismap_header_naming_the_2022_edition_over_annex_a_numbers_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for header in [
        "ISMAP管理策（2022年版対応）",
        "ISMAP管理策(2022)",
        "ISMAP管理策 2022年版",
        "ISMAP管理策（新基準）",
    ] {
        for id in ["A.8.2", "8.2"] {
            let path = dir.path().join("e.csv");
            std::fs::write(
                &path,
                format!("項番,確認項目,{header}\nK-1,特権アクセス,{id}\n"),
            )
            .unwrap();
            let err = input_error(report(&path, "csp-st3.csv", &[]));
            assert!(
                err.contains("names the 2022 edition"),
                "{header} {id}: {err}"
            );
            assert!(err.contains("--iso-edition 2022"), "{header} {id}: {err}");
            // the flag decides: 2022 A.8.2 (privileged access) is 9.2.3, 未実施
            let v = json(report(&path, "csp-st3.csv", &["--iso-edition", "2022"]));
            assert_eq!(status(&v, "K-1"), "not-covered", "{header} {id}");
        }
        // three-part ids are ISMAP's in any list: nothing to decide
        let path = dir.path().join("e3.csv");
        std::fs::write(&path, format!("項番,確認項目,{header}\nK-1,特権,9.2.3\n")).unwrap();
        let v = json(report(&path, "csp-st3.csv", &[]));
        assert_eq!(status(&v, "K-1"), "not-covered", "{header}");
    }
}

#[test]
fn a_title_row_naming_the_2022_edition_over_an_ismap_header_is_refused() {
    let err = input_error(report(fixture("title-2022.csv"), "csp-st3.csv", &[]));
    assert!(
        err.contains(
            "row 1 '※管理策番号は ISO/IEC 27001:2022 附属書A の番号です' names the 2022 edition"
        ),
        "{err}"
    );
    // a title row naming ISMAP's own edition agrees with the header
    let v = json(report(fixture("title-2013.csv"), "csp-st3.csv", &[]));
    assert_eq!(v["checks"]["iso_edition"]["edition"], "2013");
}

#[test]
fn a_standard_header_with_its_year_in_brackets_names_the_edition() {
    let dir = tempfile::tempdir().unwrap();
    for header in [
        "ISO27001(2022)",
        "附属書A（2022）",
        "Annex A 2022",
        "27001（2022年版）",
        "ISO 27001 (2022)",
    ] {
        let path = dir.path().join("s.csv");
        std::fs::write(
            &path,
            format!("項番,確認項目,{header}\nK-1,特権アクセス,A.8.2\n"),
        )
        .unwrap();
        let v = json(report(&path, "csp-st3.csv", &[]));
        assert_eq!(v["checks"]["iso_edition"]["edition"], "2022", "{header}");
        assert_eq!(status(&v, "K-1"), "not-covered", "{header}");
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
    let out = report(&path, "csp-st.csv", &[]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    (serde_json::from_slice(&out.stdout).unwrap(), stderr)
}

const ITEMS: &[&[&str]] = &[
    &["項番", "確認項目", "ISMAP管理策", "求める確認水準"],
    &["K-1", "利用者登録", "9.2.1", "ISMAP"],
    &["K-5", "権限の見直し", "9.2.4", "ISMAP"],
];

#[test]
fn the_ismap_control_list_pasted_on_a_sheet_is_no_check_items() {
    let (v, stderr) = workbook_report(&[
        ("チェックリスト", ITEMS),
        (
            "参考_ISMAP管理策一覧",
            &[
                &["管理策番号", "管理策名"],
                &["3.1.2", "（名称）"],
                &["9.2.1", "（名称）"],
                &["9.2.3", "（名称）"],
                &["11.1.1", "（名称）"],
            ],
        ),
    ]);
    assert_eq!(v["summary"]["total"], 2, "{}", v["summary"]);
    assert!(
        stderr.contains("sheets of instructions, examples or the ISMAP control list are not check items and were not read: 参考_ISMAP管理策一覧"),
        "{stderr}"
    );
}

#[test]
fn an_instructions_sheet_is_no_check_items() {
    let (v, stderr) = workbook_report(&[
        (
            "記入要領",
            &[
                &["列", "説明", "記入例"],
                &["確認項目", "確認したい内容", "利用者IDを管理していること"],
                &["ISMAP管理策", "対応する統制目標の番号", "9.2.1"],
                &["求める確認水準", "ISMAP / 保証報告 / 個別監査", "ISMAP"],
            ],
        ),
        ("確認項目", ITEMS),
    ]);
    assert_eq!(v["summary"]["total"], 2, "{}", v["summary"]);
    assert!(stderr.contains("were not read: 記入要領"), "{stderr}");
}

#[test]
fn example_legend_and_footnote_rows_are_no_check_items() {
    let out = report(fixture("rows-not-items.csv"), "csp-st.csv", &[])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["total"], 2, "{}", v["summary"]);
    let kinds: Vec<(u64, &str)> = v["checks"]["rows_not_read"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["row"].as_u64().unwrap(), r["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            (2, "example"),
            (3, "example"),
            (7, "footnote"),
            (8, "footnote")
        ]
    );
    // the footnote named whole, the control it names seen
    assert!(
        stderr.contains(
            "rows 7 '※1 ISMAP管理策は2022年4月版の番号です。9.2.3 は別シートで確認します。'"
        ),
        "{stderr}"
    );
}

#[test]
fn near_verbatim_references_headers_are_known() {
    let dir = tempfile::tempdir().unwrap();
    for header in [
        "ISMAP Control",
        "ISMAP Ref",
        "Control No.",
        "管理基準番号",
        "統制番号",
        "対応するISMAP統制目標",
    ] {
        let path = dir.path().join("h.csv");
        std::fs::write(
            &path,
            format!("項番,確認項目,{header},求める確認水準\nK-1,利用者登録,9.2.1,ISMAP\nK-5,見直し,9.2.4,ISMAP\n"),
        )
        .unwrap();
        let v = json(report(&path, "csp-st.csv", &[]));
        assert_eq!(status(&v, "K-5"), "not-covered", "{header}");
    }
}

#[test]
fn a_column_of_results_beside_the_assurance_column_is_carried() {
    let dir = tempfile::tempdir().unwrap();
    for header in ["SOC2確認結果", "SOC2入手済", "個別監査結果"] {
        let path = dir.path().join("r.csv");
        std::fs::write(
            &path,
            format!("項番,確認項目,ISMAP管理策,求める確認水準,{header}\nK-1,利用者登録,9.2.1,保証報告,○\nK-2,特権,9.2.3,ISMAP,\nK-3,見直し,9.2.5,保証報告,×\n"),
        )
        .unwrap();
        let v = json(report(&path, "csp-st.csv", &[]));
        assert_eq!(status(&v, "K-1"), "assurance-gap", "{header}");
        assert_eq!(status(&v, "K-2"), "covered", "{header}");
    }
    // a column that may ask for one is still refused
    let path = dir.path().join("r.csv");
    std::fs::write(
        &path,
        "項番,確認項目,ISMAP管理策,求める確認水準,保証報告書の有無\nK-1,利用者登録,9.2.1,ISMAP,○\n",
    )
    .unwrap();
    let err = input_error(report(&path, "csp-st.csv", &[]));
    assert!(err.contains("marks items ('○')"), "{err}");
}

#[test]
fn a_two_row_header_over_ismap_and_iso_columns_reads_both() {
    // `対応管理策` merged over `ISMAP` | `ISO/IEC 27001:2013`; K-5 has only `A.9.2.4`
    let v = json(report(fixture("two-row-header.xlsx"), "csp-st.csv", &[]));
    assert_eq!(status(&v, "K-1"), "covered");
    assert_eq!(status(&v, "K-5"), "not-covered");
    assert_eq!(v["summary"]["total"], 3, "{}", v["summary"]);
}

#[test]
fn a_very_hidden_sheet_is_named_with_the_flag_that_reads_it_first() {
    let out = report(fixture("very-hidden.xlsx"), "csp-st.csv", &[])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("(read one with --sheet NAME, or unhide it: a very hidden sheet only from the VBA editor)"),
        "{stderr}"
    );
}

#[test]
fn suggest_passes_over_an_instructions_sheet_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    add_text_sheet(
        &mut wb,
        "記入要領",
        &[
            &["項番", "確認項目", "ISMAP管理策"],
            &["1", "利用者IDの登録・削除", "9.2.1"],
        ],
    );
    add_text_sheet(
        &mut wb,
        "確認項目",
        &[
            &["項番", "確認項目", "ISMAP管理策"],
            &["K-1", "特権IDの管理", ""],
        ],
    );
    wb.save(&path).unwrap();
    let out = common::bin()
        .args(["--lang", "en", "suggest", "--checks"])
        .arg(&path)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["K-1"], "{v}");
    assert!(stderr.contains("記入要領"), "{stderr}");
}

/// An item whose text or note names a control its references do not hold (`9.2.4 も確認
/// すること` beside `9.2.1`; 9.2.4 is 未実施) is not analysed, never judged on its references
/// alone; the references' own ids, their category, a range around the id, the same id with
/// a mark and another document's article are no other control.
#[test]
fn a_control_named_beside_references_that_lack_it_leaves_the_item_not_analysed() {
    let v = json(report(fixture("refs-beside.csv"), "csp-st.csv", &[]));
    for id in ["K-1", "K-7"] {
        assert_eq!(status(&v, id), "not-analysed", "{id}");
        assert_eq!(problem_fields(&v, id), ["reference-outside"], "{id}");
    }
    let k1 = &by_id(&v["items"], "K-1")["problems"][0];
    assert_eq!(
        (k1["column"].as_str(), k1["value"].as_str()),
        (Some("備考"), Some("9.2.4"))
    );
    for id in ["K-2", "K-3", "K-4", "K-5", "K-6"] {
        assert!(problem_fields(&v, id).is_empty(), "{id}");
        assert_ne!(status(&v, id), "not-analysed", "{id}");
    }
}
