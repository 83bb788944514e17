//! References and mappings in check lists, session 9 (`tests/data/fix15-map/`): review 12 A-4
//! (an `ISMAP管理策` column beside an `ISO/IEC 27001:2022` one: the 2022 reference a
//! cross-reference, no cap where it reaches an objective the ISMAP column names; a real
//! disagreement kept partial and named); review 13 A-6 (`対応関係は参考程度`, `マッピングは目安`,
//! `参考マッピング` in an item note or a title row); review 13 B-5 (another framework's number in a
//! note a cross-reference); review 12 C-3 (a references header naming ISMAP in other words) and
//! C-7 (a 備考 restating the row's own control); review 14 A-10 (a column of ids headed old, a
//! candidate or a draft not guessed), A-11 (an id not right after another framework's name the
//! buyer's) and A-17 (more wordings of an approximate mapping).
mod common;

use common::{by_id, data, on_checks, strings};

fn fixture(name: &str) -> std::path::PathBuf {
    data(&format!("fix15-map/{name}"))
}

/// `report --checks CHECKS --csp CSP --format FORMAT`; `fix10-chk/csp-st.csv`: every
/// objective 実施 but 9.2.4 (未実施).
fn report(lang: &str, checks: impl AsRef<std::ffi::OsStr>, format: &str) -> assert_cmd::Command {
    let mut c = on_checks(lang, "report", checks);
    c.arg("--csp")
        .arg(data("fix10-chk/csp-st.csv"))
        .args(["--format", format]);
    c
}

fn json_in(lang: &str, checks: impl AsRef<std::ffi::OsStr>) -> serde_json::Value {
    let out = report(lang, checks, "json").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn json(checks: impl AsRef<std::ffi::OsStr>) -> serde_json::Value {
    json_in("en", checks)
}

fn codes(item: &serde_json::Value) -> Vec<&str> {
    item["additional_procedures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect()
}

fn procedure<'a>(item: &'a serde_json::Value, code: &str) -> &'a str {
    item["additional_procedures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == code)
        .and_then(|p| p["text"].as_str())
        .unwrap_or_else(|| panic!("no {code} in {item}"))
}

#[test]
fn a4_a_2022_cross_reference_to_an_objective_the_ismap_column_names_caps_nothing() {
    let v = json(fixture("a4-two-columns.csv"));
    let items = &v["items"];
    // A.8.2 → 9.2.3, named in the ISMAP column; A.8.24 → 10.1.1, 10.1.2 beside 10.1.1;
    // A.5.16 → 9.2.1 and A.5.18 → 9.2.2, 9.2.5, 9.2.6 beside 9.2.1～9.2.6 (9.2.4 not
    // implemented: not-implemented, not the correspondence)
    for id in ["1", "2"] {
        let item = by_id(items, id);
        assert_eq!(item["status"], "covered", "{item}");
        assert!(strings(&item["reasons"]).is_empty(), "{item}");
        assert!(!codes(item).contains(&"correspondence-review"), "{item}");
    }
    let item = by_id(items, "7");
    assert_eq!(item["status"], "partial", "{item}");
    assert_eq!(strings(&item["reasons"]), ["not-implemented"], "{item}");
    assert!(!codes(item).contains(&"correspondence-review"), "{item}");
    // the chain is still shown
    let text = String::from_utf8(
        report("en", fixture("a4-two-columns.csv"), "csv")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(text.contains("A.8.2 (2022) → 9.2.3"), "{text}");
}

#[test]
fn a4_every_objective_the_2022_reference_reaches_is_still_judged() {
    // 9.4.3 beside A.5.17 → 9.2.4, 9.3.1, 9.4.3: 9.2.4 is not implemented
    let v = json(fixture("a4-two-columns.csv"));
    let item = by_id(&v["items"], "3");
    assert_eq!(item["status"], "partial", "{item}");
    assert_eq!(strings(&item["reasons"]), ["not-implemented"], "{item}");
    assert!(codes(item).contains(&"remediation-plan"), "{item}");
}

#[test]
fn a4_a_2022_reference_disagreeing_with_the_ismap_column_stays_partial_and_is_named() {
    for lang in ["en", "ja"] {
        let v = json_in(lang, fixture("a4-two-columns.csv"));
        let items = &v["items"];
        // 9.2.3 beside A.8.15 → 12.4.1–12.4.3: the columns disagree
        let item = by_id(items, "4");
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(
            strings(&item["reasons"]),
            ["iso2022-correspondence"],
            "{item}"
        );
        let text = procedure(item, "correspondence-review");
        assert!(
            text.contains("A.8.15 (2022) → 12.4.1, 12.4.2, 12.4.3"),
            "{text}"
        );
        let named = if lang == "en" {
            "(none of the objectives the item names in ISMAP numbering)"
        } else {
            "(ISMAPの番号で挙げた統制目標のどれにも対応しない)"
        };
        assert!(text.contains(named), "{text}");
        // the 2022 column alone: capped as ever, no disagreement to name
        let item = by_id(items, "5");
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(
            strings(&item["reasons"]),
            ["iso2022-correspondence"],
            "{item}"
        );
        let text = procedure(item, "correspondence-review");
        assert!(!text.contains(named), "{text}");
        // a control new in 2022 beside the ISMAP column: never covered
        let item = by_id(items, "6");
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(
            strings(&item["reasons"]),
            ["no-ismap-counterpart"],
            "{item}"
        );
    }
}

fn input_error_in(lang: &str, checks: &std::path::Path) -> String {
    let out = report(lang, checks, "json").output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", checks.display());
    assert!(out.stdout.is_empty());
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn r13_a6_an_item_note_saying_the_mapping_is_only_indicative_caps_the_item() {
    let v = json(fixture("r13-a6-item-notes.csv"));
    let items = &v["items"];
    for id in ["1", "2", "3"] {
        let item = by_id(items, id);
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(strings(&item["reasons"]), ["mapping-approximate"], "{item}");
        assert!(codes(item).contains(&"own-mapping-review"), "{item}");
    }
    // guards: the correspondence table named, no note
    for id in ["4", "6"] {
        let item = by_id(items, id);
        assert_eq!(item["status"], "covered", "{item}");
        assert!(strings(&item["reasons"]).is_empty(), "{item}");
    }
    // a guide of a frequency (`ログの確認頻度の目安は週1回`) is no indicative mapping; since
    // session 16 (review 24 A-5 rest: `年1回第三者診断` beside the title, as `毎週` was) the
    // frequency it states is a level ISMAP did not assess
    let item = by_id(items, "5");
    assert_eq!(item["status"], "partial", "{item}");
    assert_eq!(strings(&item["reasons"]), ["level-not-assessed"], "{item}");
    assert!(!codes(item).contains(&"own-mapping-review"), "{item}");
}

#[test]
fn r13_a6_a_title_row_saying_the_mapping_is_only_indicative_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    for title in [
        "※対応関係は参考程度です",
        "※マッピングは目安です",
        "参考マッピング",
        "※ISMAPとの対応はあくまで目安",
    ] {
        std::fs::write(
            &path,
            format!("{title}\nNo,確認項目,ISMAP管理策\n1,特権IDの管理,9.2.3\n"),
        )
        .unwrap();
        let e = input_error_in("en", &path);
        assert!(e.contains("row 1: the title row"), "{title}: {e}");
        assert!(e.contains("approximate or not settled"), "{title}: {e}");
        let e = input_error_in("ja", &path);
        assert!(e.contains("表題の行"), "{title}: {e}");
    }
    // ordinary titles read
    for title in [
        "ISMAP管理基準との対応関係表",
        "※回答期限の目安は2週間です",
        "※対応関係は別紙を参照",
    ] {
        std::fs::write(
            &path,
            format!("{title}\nNo,確認項目,ISMAP管理策\n1,特権IDの管理,9.2.3\n"),
        )
        .unwrap();
        let v = json(&path);
        assert_eq!(v["items"][0]["status"], "covered", "{title}");
    }
}

#[test]
fn r13_b5_another_frameworks_number_in_a_note_is_a_cross_reference() {
    let v = json(fixture("r13-b5-other-frameworks.csv"));
    let items = &v["items"];
    // `参考：政府統一基準 7.1.1`, `参考：NIST SP 800-53 AC-6`, `関連：PCI DSS v4.0 8.2.1`,
    // `FISC 実1` beside 9.2.3: judged on 9.2.3
    for id in ["1", "2", "3", "4"] {
        let item = by_id(items, id);
        assert_eq!(item["status"], "covered", "{item}");
        assert!(
            item["problems"].is_null() || item["problems"] == serde_json::json!([]),
            "{item}"
        );
    }
    // guards: an ISMAP id or a bare NIST id the note asks for too is still outside the item
    for (id, value) in [("5", "9.2.4"), ("6", "AC-2")] {
        let item = by_id(items, id);
        assert_eq!(item["status"], "not-analysed", "{item}");
        assert_eq!(item["problems"][0]["field"], "reference-outside", "{item}");
        assert_eq!(item["problems"][0]["value"], value, "{item}");
    }
    // with no references: a NIST id is still a reference not where it is read; another
    // framework's number is none (the item names no ISMAP reference)
    let item = by_id(items, "7");
    assert_eq!(item["status"], "not-analysed", "{item}");
    assert_eq!(item["problems"][0]["field"], "references", "{item}");
    let item = by_id(items, "8");
    assert_eq!(item["status"], "unmapped", "{item}");
    assert_eq!(strings(&item["reasons"]), ["no-reference"], "{item}");
}

/// `report` of a CSV check list `No,確認項目,<header>` over 9.2.3 and 12.4.1 (both
/// implemented in `fix10-chk/csp-st.csv`).
fn with_header(dir: &tempfile::TempDir, header: &str) -> std::path::PathBuf {
    let path = dir.path().join("h.csv");
    std::fs::write(
        &path,
        format!("No,確認項目,{header}\n1,特権IDを管理していること,9.2.3\n2,ログを取得していること,12.4.1\n"),
    )
    .unwrap();
    path
}

#[test]
fn r12_c3_a_references_header_naming_ismap_over_ismap_ids_is_read() {
    let dir = tempfile::tempdir().unwrap();
    for header in [
        "ISMAP項番",
        "ISMAP",
        "ISMAP参照",
        "ISMAP該当項目",
        "ISMAP対応項目",
        "ISMAP管理基準の項番",
        "ISMAP管理基準番号",
        "対応ISMAP",
        "ISMAP準拠",
        "根拠（ISMAP管理基準）",
        "Control Mapping (ISMAP)",
        "ISMAP Control Mapping",
        "Mapped ISMAP Controls",
        "ISMAP Requirement",
        "ISMAP control objective",
    ] {
        let v = json(with_header(&dir, header));
        let items = &v["items"];
        for (id, reference) in [("1", "9.2.3"), ("2", "12.4.1")] {
            let item = by_id(items, id);
            assert_eq!(item["status"], "covered", "{header}: {item}");
            assert_eq!(strings(&item["references"]), [reference], "{header}");
        }
    }
    // a note saying the mapping is approximate is still refused on it
    let e = input_error_in("en", &with_header(&dir, "ISMAP参照（参考）"));
    assert!(e.contains("approximate or not settled"), "{e}");
}

#[test]
fn r12_c3_a_header_not_saying_ismap_or_saying_other_numbers_is_still_refused() {
    let dir = tempfile::tempdir().unwrap();
    for header in [
        "Mapping",
        "対応項番",
        "ISMAP以外の管理策",
        "Non-ISMAP controls",
        "ISMAP対応状況",
    ] {
        let e = input_error_in("en", &with_header(&dir, header));
        assert!(
            e.contains("a column of ISMAP ids")
                && e.contains("no references column the tool knows"),
            "{header}: {e}"
        );
    }
    // a column headed ISMAP of marks, not ids, is no references column
    let path = dir.path().join("m.csv");
    std::fs::write(&path, "No,確認項目,ISMAP\n1,特権IDを管理していること,○\n").unwrap();
    let e = input_error_in("en", &path);
    assert!(e.contains("no references column found"), "{e}");
}

#[test]
fn r12_c3_a_workbook_of_two_sheets_headed_ismap_kouban_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    common::add_text_sheet(
        &mut wb,
        "組織的対策",
        &[
            &["No", "確認項目", "ISMAP項番"],
            &["1", "特権IDを管理していること", "9.2.3"],
        ],
    );
    common::add_text_sheet(
        &mut wb,
        "技術的対策",
        &[
            &["No", "確認項目", "ISMAP項番"],
            &["1", "ログを取得していること", "12.4.1"],
        ],
    );
    wb.save(&path).unwrap();
    let v = json(&path);
    let statuses: Vec<&str> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["covered", "covered"]);
}

/// A CSV check list of `rows` (`No,確認項目,ISMAP管理策,<last>`).
fn list_of(dir: &tempfile::TempDir, last: &str, rows: &[[&str; 3]]) -> std::path::PathBuf {
    let path = dir.path().join("l.csv");
    let mut text = format!("No,確認項目,ISMAP管理策,{last}\n");
    for (k, [title, refs, cell]) in rows.iter().enumerate() {
        text.push_str(&format!("{},{title},{refs},{cell}\n", k + 1));
    }
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn r12_c7_a_note_restating_the_items_own_control_is_read() {
    let v = json(fixture("r12-c7-cld-note.csv"));
    let item = by_id(&v["items"], "1");
    assert_eq!(item["status"], "covered", "{item}");
    assert_eq!(item["note"], "CLD.9.5.1", "{item}");
    let item = by_id(&v["items"], "2");
    assert_eq!(item["note"], "ISMAP登録をもって代替可", "{item}");
}

#[test]
fn r12_c7_a_few_other_ids_in_the_note_are_their_items_and_a_column_of_them_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // one id of another control in the note: that item is not judged on its references
    let path = list_of(
        &dir,
        "備考",
        &[
            ["特権IDを管理していること", "9.2.3", "9.2.4"],
            ["ログを取得していること", "12.4.1", "ISMAP登録で可"],
        ],
    );
    let v = json(&path);
    let item = by_id(&v["items"], "1");
    assert_eq!(item["status"], "not-analysed", "{item}");
    assert_eq!(item["problems"][0]["field"], "reference-outside", "{item}");
    assert_eq!(by_id(&v["items"], "2")["status"], "covered");
    // a note column of other ids on most rows: a second references column, refused
    let rows = [
        ["特権IDを管理していること", "9.2.3", "9.2.4"],
        ["ログを取得していること", "12.4.1", "12.4.2"],
        ["バックアップを取得していること", "12.3.1", "12.2.1"],
    ];
    let e = input_error_in("en", &list_of(&dir, "備考", &rows));
    assert!(
        e.contains("holds ISMAP ids ('9.2.4') beside the references column"),
        "{e}"
    );
    // another column of two other ids: refused as before
    let e = input_error_in("en", &list_of(&dir, "改訂案", &rows[..2]));
    assert!(e.contains("the column '改訂案' holds ISMAP ids"), "{e}");
    // …but not one restating each row's own control
    let own = [
        ["特権IDを管理していること", "9.2.3", "A.9.2.3"],
        ["ログを取得していること", "12.4.1", "12.4.1"],
    ];
    let v = json(list_of(&dir, "旧番号", &own));
    assert_eq!(by_id(&v["items"], "1")["status"], "covered");
    // a detail under the row's control is narrower, no restatement
    let detail = [
        ["特権IDを管理していること", "9.2.3", "9.2.3.11.PB"],
        ["ログを取得していること", "12.4.1", "12.4.1.1.B"],
    ];
    let e = input_error_in("en", &list_of(&dir, "詳細", &detail));
    assert!(e.contains("the column '詳細' holds ISMAP ids"), "{e}");
}

#[test]
fn r12_c3_of_two_columns_of_ids_the_one_headed_ismap_is_not_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.csv");
    std::fs::write(
        &path,
        "No,確認項目,ISMAP項番,改訂案\n1,特権IDを管理していること,9.2.3,9.2.4\n2,ログを取得していること,12.4.1,12.4.1\n",
    )
    .unwrap();
    let e = input_error_in("en", &path);
    assert!(
        e.contains("the columns 'ISMAP項番' and '改訂案' both hold ISMAP ids"),
        "{e}"
    );
    let e = input_error_in("ja", &path);
    assert!(e.contains("のどちらにもISMAPのIDがあります"), "{e}");
}

#[test]
fn r14_a10_a_header_saying_the_ismap_numbers_are_old_a_candidate_or_a_draft_is_not_guessed() {
    for name in ["r14-a10-candidate.csv", "r14-a10-proposed.csv"] {
        let e = input_error_in("en", &fixture(name));
        assert!(
            e.contains("a column of ISMAP ids")
                && e.contains("no references column the tool knows"),
            "{name}: {e}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    for header in [
        "ISMAP項番（旧）",
        "旧ISMAP番号",
        "ISMAP（改訂前）",
        "ISMAP候補",
        "ISMAP案",
        "ISMAP（予定）",
        "ISMAP（2020年版）",
        "ISMAP暫定マッピング",
        "Proposed ISMAP Mapping",
        "Legacy ISMAP ID",
        "ISMAP mapping (candidate)",
        "Old ISMAP ref",
        "ISMAP (previous version)",
        "Suggested ISMAP control",
    ] {
        let e = input_error_in("en", &with_header(&dir, header));
        assert!(
            e.contains("a column of ISMAP ids") || e.contains("approximate or not settled"),
            "{header}: {e}"
        );
    }
    // guard: the plain headers naming ISMAP are still read
    // (r12_c3_a_references_header_naming_ismap_over_ismap_ids_is_read)
    for header in [
        "ISMAP項番",
        "ISMAP Control Mapping",
        "根拠（ISMAP管理基準）",
    ] {
        let v = json(with_header(&dir, header));
        assert_eq!(by_id(&v["items"], "1")["status"], "covered", "{header}");
    }
}

#[test]
fn r14_a17_other_wordings_of_an_approximate_mapping_cap_the_item() {
    // review 14's input: every note says the mapping to 9.2.3 is approximate, unsettled,
    // rough, a convenience, not exact, unreviewed or a guess
    let v = json(fixture("r14-a17-approximate-words.csv"));
    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), 14);
    for item in items {
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(strings(&item["reasons"]), ["mapping-approximate"], "{item}");
    }
    // guards (r13_a6_an_item_note_saying_the_mapping_is_only_indicative_caps_the_item): the
    // same words not said of the mapping still read
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.csv");
    std::fs::write(
        &path,
        "No,確認項目,ISMAP管理策,備考\n1,特権IDの管理,9.2.3,インシデント対応の概略を説明すること\n2,特権IDの管理,9.2.3,原因を推定し、対応は速やかに行う\n3,特権IDの管理,9.2.3,Access through the admin console\n",
    )
    .unwrap();
    let v = json(&path);
    for item in v["items"].as_array().unwrap() {
        assert_eq!(item["status"], "covered", "{item}");
    }
}

#[test]
fn r14_a11_an_id_not_right_after_another_frameworks_name_is_the_buyers() {
    // review 14's input: `統一基準に加えて 9.4.1`, `政府統一基準の観点から9.4.1`, `PCI DSS準拠のため
    // 9.4.1`, … and a bare `9.4.1 も確認すること`: every one asks for 9.4.1 beside 9.2.3
    let v = json(fixture("r14-a11-in-addition.csv"));
    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), 6);
    for item in items {
        assert_eq!(item["status"], "not-analysed", "{item}");
        assert_eq!(item["problems"][0]["field"], "reference-outside", "{item}");
        assert_eq!(item["problems"][0]["value"], "9.4.1", "{item}");
    }
    // guard: the framework's own number right after its name is still a cross-reference
    // (r13_b5_another_frameworks_number_in_a_note_is_a_cross_reference)
    let v = json(fixture("r13-b5-other-frameworks.csv"));
    for id in ["1", "2", "3", "4"] {
        assert_eq!(by_id(&v["items"], id)["status"], "covered", "{id}");
    }
}
