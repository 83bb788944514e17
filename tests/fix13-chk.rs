//! Review 11's check-list findings, fourth wave (`tests/data/fix13-chk/`): the buyer's word
//! that the mapping to ISMAP is approximate, said in a title row above the header or a note
//! below the items (refused, as on the references header) or in an item's own note or text
//! (`9.2.3（近似）`, `9.2.3相当`, `参考: 9.2.3`, `ISMAPとの対応は部分的`: that item at most
//! partial, reason `mapping-approximate`, procedure `own-mapping-review`); a detailed
//! control named in the text or note under the referenced objective read as a reference;
//! a level above ISMAP offered as an alternative or not needed asks for nothing more (C-18);
//! an id with a gloss of its title read (C-10); another framework's column carried (C-14);
//! review 12 C-21: ordinary required-assurance values read; A-13: a note saying ISMAP does
//! not suffice never covered; A-14: `A.8.2` under an ISMAP header refused; C-25: objective and
//! detail columns read together.
mod common;

use common::{by_id, data, input_error, on_checks, strings};

fn fixture(name: &str) -> std::path::PathBuf {
    data(&format!("fix13-chk/{name}"))
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

fn json(checks: impl AsRef<std::ffi::OsStr>) -> serde_json::Value {
    let out = report("en", checks, "json").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn codes(item: &serde_json::Value) -> Vec<&str> {
    item["additional_procedures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect()
}

#[test]
fn a17_a_title_row_saying_the_mapping_is_approximate_is_refused_naming_the_row() {
    let e = input_error(report("en", fixture("a17-title-note.csv"), "json"));
    assert!(
        e.contains("row 1: the title row '※対応するISMAP管理策は参考であり、完全に対応するものではありません' says the mapping to ISMAP is approximate or not settled"),
        "{e}"
    );
    assert!(e.contains("write （近似） in the note of an item"), "{e}");
    let dir = tempfile::tempdir().unwrap();
    for title in [
        "※ISMAP管理基準との対応は近似です",
        "※管理策の対応は暫定版です",
        "※ISMAP管理策との対応は概ねの対応です",
        "Note: the mapping to ISMAP controls is approximate",
    ] {
        let f = write(
            &dir,
            "t.csv",
            &format!("{title}\n項番,確認項目,ISMAP管理策\n1,特権IDの管理,9.2.3\n"),
        );
        let e = input_error(report("en", &f, "json"));
        assert!(e.contains("row 1: the title row"), "{title}: {e}");
        // in Japanese too
        let out = report("ja", &f, "json").output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("表題の行"), "{stderr}");
        assert!(stderr.contains("近似または未確定"), "{stderr}");
    }
    // the same below the items, as a footnote
    let f = write(
        &dir,
        "f.csv",
        "項番,確認項目,ISMAP管理策\n1,特権IDの管理,9.2.3\n※ISMAP管理策列の対応は近似\n",
    );
    let e = input_error(report("en", &f, "json"));
    assert!(
        e.contains("row 3: the note below the items '※ISMAP管理策列の対応は近似'"),
        "{e}"
    );
}

/// Guard: ordinary titles naming ISMAP and its mapping, a label `参考:`, `仮想`, and a note on
/// what ISMAP does not check of other items, still read; the item covered.
#[test]
fn a17_ordinary_title_rows_about_the_mapping_still_read() {
    let dir = tempfile::tempdir().unwrap();
    for title in [
        "ISMAP管理基準との対応表",
        "※参考: ISMAP管理基準（2023年版）に対応",
        "外部委託先チェックリスト（ISMAP対応版）",
        "仮想基盤のISMAP対応チェックリスト",
        "※ISMAPの範囲外の項目は別シート",
    ] {
        let f = write(
            &dir,
            "t.csv",
            &format!("{title}\n項番,確認項目,ISMAP管理策\n1,特権IDの管理,9.2.3\n"),
        );
        let report = json(&f);
        assert_eq!(by_id(&report["items"], "1")["status"], "covered", "{title}");
    }
}

#[test]
fn a17_an_items_own_marker_makes_it_partial_with_the_reason_and_procedure() {
    let report = json(fixture("a17-item-markers.csv"));
    for id in ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"] {
        let item = by_id(&report["items"], id);
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(strings(&item["reasons"]), ["mapping-approximate"], "{item}");
        assert_eq!(codes(item), ["own-mapping-review"], "{item}");
    }
    // the procedure quotes the words
    let text = by_id(&report["items"], "6")["additional_procedures"][0]["text"]
        .as_str()
        .unwrap();
    assert!(
        text.contains("(9.2.3相当; an approximate mapping is not coverage)"),
        "{text}"
    );
    let title = by_id(&report["items"], "10")["additional_procedures"][0]["text"]
        .as_str()
        .unwrap();
    assert!(title.contains("特権IDの管理（9.2.3相当）"), "{title}");
    // every format says it: the CSV's reasons and procedures, the table's
    let csv = common::stdout_of(report_cmd("ja", "csv"));
    assert!(csv.contains(",mapping-approximate,"), "{csv}");
    assert!(csv.contains("近似の対応は充足の根拠ではない"), "{csv}");
    for format in ["table", "md"] {
        let out = common::stdout_of(report_cmd("en", format));
        assert!(out.contains("The item says its mapping to ISMAP"), "{out}");
    }
}

fn report_cmd(lang: &str, format: &str) -> assert_cmd::Command {
    let mut c = report(lang, fixture("a17-item-markers.csv"), format);
    c.env("COLUMNS", "200");
    c
}

/// Guard: a plain reference, the id repeated in the note, a note with a label `参考:` on
/// something else, `ISMAP管理策9.2.3に対応`, `仮想`: covered, no reason.
#[test]
fn a17_ordinary_notes_leave_the_item_covered() {
    let report = json(fixture("a17-item-plain.csv"));
    for item in report["items"].as_array().unwrap() {
        assert_eq!(item["status"], "covered", "{item}");
        assert_eq!(item["reasons"], serde_json::json!([]), "{item}");
    }
}

fn refs(item: &serde_json::Value) -> Vec<&str> {
    strings(&item["references"])
}

/// a detailed control named in the item's text or note under the objective (or the
/// category) its references name is read as one more reference of the item: judged as the
/// item referencing the detail is (`partial`, `detail-in-annex`, the annex asked for), never
/// covered on the objective alone; the objective named in the text over a referenced detail
/// stays read (was not analysed).
#[test]
fn a23_a_detail_named_under_the_referenced_objective_is_read_as_a_reference() {
    let report = json(fixture("a23-detail-in-text.csv"));
    let items = &report["items"];
    for (id, want) in [
        ("1", vec!["9.2.3", "9.2.3.11.PB"]),
        ("2", vec!["9.2.3", "9.2.3.11"]),
        ("3", vec!["9.2.3.11"]),
        ("4", vec!["9.2.3.11"]),
    ] {
        let item = by_id(items, id);
        assert_eq!(refs(item), want, "{item}");
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(strings(&item["reasons"]), ["detail-in-annex"], "{item}");
        assert_eq!(codes(item), ["annex-request"], "{item}");
    }
    // under a category: the detail too (9.2.4 of 9.2 is stated not implemented)
    let item = by_id(items, "5");
    assert_eq!(refs(item), ["9.2", "9.2.3.11"], "{item}");
    assert!(
        strings(&item["reasons"]).contains(&"detail-in-annex"),
        "{item}"
    );
    // YAML the same
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        &dir,
        "c.yaml",
        "- id: Y\n  title: 特権IDを共有していないこと（詳細管理策 9.2.3.11.PB）\n  refs: \"9.2.3\"\n",
    );
    let item = by_id(&json(&f)["items"], "Y").clone();
    assert_eq!(refs(&item), ["9.2.3", "9.2.3.11.PB"], "{item}");
    assert_eq!(item["status"], "partial", "{item}");
}

/// Guard: an objective named in the text over the same referenced objective, or a control of
/// another objective (not under the references), as before: covered, and not analysed.
#[test]
fn a23_guard_the_referenced_objective_named_again_reads_covered() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        &dir,
        "g.csv",
        "項番,確認項目,ISMAP管理策,備考\n1,特権IDの管理（9.2.3）,9.2.3,\n2,特権IDの管理,9.2.3,9.2.3 を参照\n3,特権IDの管理,9.2.3,9.2.1.1 も確認すること\n",
    );
    let report = json(&f);
    for id in ["1", "2"] {
        let item = by_id(&report["items"], id);
        assert_eq!(item["status"], "covered", "{item}");
        assert_eq!(refs(item), ["9.2.3"], "{item}");
    }
    let item = by_id(&report["items"], "3");
    assert_eq!(item["status"], "not-analysed", "{item}");
    assert_eq!(item["problems"][0]["field"], "reference-outside", "{item}");
}

/// C-18: a level above ISMAP offered as an alternative or said not to be needed (`SOC2でも可`,
/// `ISMAP又はSOC2報告書で確認`, `SOC2は不要`, `not required`, `ISMAP or SOC 2`) asks for
/// nothing more: covered; a plain or mandatory one, the weaker of two above ISMAP, a level
/// after such words, `不要なID` (no word on the level) and `ISMAP又はSOC2` over `self` still
/// leave the item not analysed (`assurance-outside`).
#[test]
fn c18_an_alternative_or_unneeded_higher_level_asks_for_nothing_more() {
    let read = json(fixture("c18-soc2-alternative.csv"));
    for item in read["items"].as_array().unwrap() {
        let id = item["id"].as_str().unwrap();
        let refused = ["4", "5", "6", "7", "10", "12"].contains(&id);
        match refused {
            true => {
                assert_eq!(item["status"], "not-analysed", "{item}");
                assert_eq!(item["problems"][0]["field"], "assurance-outside", "{item}");
            }
            false => {
                assert_eq!(item["status"], "covered", "{item}");
                assert_eq!(item["reasons"], serde_json::json!([]), "{item}");
            }
        }
    }
    // a title row offering SOC 2 as an alternative is no level above the items'
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        &dir,
        "t.csv",
        "本チェックリストで求める確認水準: ISMAP（SOC2報告書でも可）\n項番,確認項目,ISMAP管理策\n1,特権IDの管理,9.2.3\n",
    );
    assert_eq!(by_id(&json(&f)["items"], "1")["status"], "covered");
    let f = write(
        &dir,
        "t.csv",
        "本チェックリストで求める確認水準: 保証報告（SOC2 Type2）\n項番,確認項目,ISMAP管理策\n1,特権IDの管理,9.2.3\n",
    );
    let e = input_error(report("en", &f, "json"));
    assert!(e.contains("asks for an assurance level (SOC 2)"), "{e}");
}

/// C-10: an id with the buyer's short gloss of its title (`9.2.3 特権ID管理`, `9.2.3（特権ID）`,
/// `9.2.3:特権`, `12.4.1 ログ管理`) is read as the id, the gloss kept as written; a marker
/// (`（近似）`, `（参考）`, `相当`), a qualifier (`（特権以外）`, `（管理のみ）`, `（アクセス権の
/// 一部）`), words the title does not hold (`（特権の付与）`), a word alone (`管理`) or a mark
/// (`?`, `※`) still leave it unresolved (`qualified`).
#[test]
fn c10_an_id_with_a_gloss_of_its_title_reads_markers_and_qualifiers_do_not() {
    let report = json(fixture("c10-id-gloss.csv"));
    for item in report["items"].as_array().unwrap() {
        let id: u32 = item["id"].as_str().unwrap().parse().unwrap();
        if id <= 8 || id == 18 {
            assert_eq!(item["status"], "covered", "{item}");
            assert_eq!(item["unresolved"], serde_json::json!([]), "{item}");
        } else {
            assert_eq!(item["status"], "not-analysed", "{item}");
            assert_eq!(item["unresolved"][0]["why"], "qualified", "{item}");
        }
    }
    // kept as written
    assert_eq!(refs(by_id(&report["items"], "1")), ["9.2.3 特権ID管理"]);
}

/// C-14: beside the references column, a column headed with another framework whose
/// numbers look like ISMAP ids (`8.2.1` under `PCI DSS v4.0`) is carried, never read and
/// never refused; one without such a header (`改訂案`, `Decision`) still refused.
#[test]
fn c14_another_frameworks_column_beside_the_references_is_carried() {
    let read = json(fixture("c14-pci-column.csv"));
    let item = by_id(&read["items"], "1");
    assert_eq!(refs(item), ["9.2.1"], "{item}");
    assert_eq!(item["extra"]["PCI DSS v4.0"], "8.2.1", "{item}");
    assert_eq!(item["status"], "covered", "{item}");
    let dir = tempfile::tempdir().unwrap();
    for header in [
        "SOC2 TSC",
        "SOC2",
        "PCI DSS",
        "NIST CSF",
        "CIS Controls",
        "FISC安全対策基準",
        "政府統一基準",
        "3省2ガイドライン",
        "ISO/IEC 27018",
        "CSA CCM",
        "改訂案",
        "Decision",
    ] {
        let f = write(
            &dir,
            "h.csv",
            &format!("項番,確認項目,ISMAP管理策,{header}\n1,a,9.2.1,7.1.2\n2,b,9.2.3,CC6.1\n"),
        );
        if ["改訂案", "Decision"].contains(&header) {
            let e = input_error(report("en", &f, "json"));
            assert!(
                e.contains("beside the references column 'ISMAP管理策'"),
                "{header}: {e}"
            );
        } else {
            let read = json(&f);
            assert_eq!(
                by_id(&read["items"], "1")["extra"][header],
                "7.1.2",
                "{header}"
            );
            assert_eq!(refs(by_id(&read["items"], "1")), ["9.2.1"], "{header}");
        }
    }
}

/// Review 12 C-21: ordinary required-assurance values read — the level that will do or is a
/// must (`ISMAP（必須）`, `ISMAP登録で可`, `ISMAPで代替可`, `ISMAP登録をもって代替`), either of
/// several as the weakest (`ISMAPまたはSOC2`, `SOC2 or ISMAP`), the CSP's written answer as
/// self (`書面確認`, `ヒアリング`, `質問票`, `チェックシート`, `不要`); `ISMAP-LIU`, `第三者認証`,
/// `ISO27001認証` still not analysed, and `ISMAP/SOC2` since review 26 A-9 (a slash says
/// neither "either" nor "both").
#[test]
fn r12_c21_ordinary_required_assurance_values_read() {
    let read = json(fixture("r12-c21-assurance-values.csv"));
    for item in read["items"].as_array().unwrap() {
        let id: u32 = item["id"].as_str().unwrap().parse().unwrap();
        let want = match id {
            1..=4 | 6 | 7 | 17 => "ismap",
            8..=12 | 18 => "self",
            _ => {
                assert_eq!(item["status"], "not-analysed", "{item}");
                continue;
            }
        };
        assert_eq!(item["assurance"], want, "{item}");
        assert_eq!(item["status"], "covered", "{item}");
    }
}

/// Review 12 A-13: the buyer's note saying ISMAP does not answer the item (`ISMAPで代替不可`,
/// `ISMAP不可`, `ISMAPでは確認不可`, `ISMAP登録のみでは不十分`, `ISMAPの範囲外`) caps it at
/// partial (`mapping-approximate`, the procedure quoting it); `現地確認要` asks for an on-site
/// audit (`assurance-outside`); the buyer's own further steps (`個別確認`, `別途確認すること`,
/// `ヒアリングで確認`, `契約で担保`) change nothing.
#[test]
fn r12_a13_a_note_saying_ismap_does_not_suffice_is_never_covered() {
    let read = json(fixture("r12-a13-ismap-not-enough.csv"));
    for id in ["1", "2", "3", "4", "5"] {
        let item = by_id(&read["items"], id);
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(strings(&item["reasons"]), ["mapping-approximate"], "{item}");
        assert_eq!(codes(item), ["own-mapping-review"], "{item}");
    }
    let item = by_id(&read["items"], "6");
    assert_eq!(item["status"], "not-analysed", "{item}");
    assert_eq!(item["problems"][0]["field"], "assurance-outside", "{item}");
    for id in ["7", "8", "9", "10"] {
        assert_eq!(by_id(&read["items"], id)["status"], "covered", "{id}");
    }
}

/// Review 12 A-14: `A.8.2` under an `ISMAP管理策` header (an Annex A number of two parts,
/// 2013's information classification or 2022's privileged access rights) with nothing saying
/// the edition is refused naming the cell (en, ja); `--iso-edition` decides it, a three-part
/// Annex A id beside it (2013) and a plain `8.2` (ISMAP's category) read as before.
#[test]
fn r12_a14_a_two_part_annex_a_id_under_an_ismap_header_is_refused() {
    let f = fixture("r12-a14-annex-two-part.csv");
    let e = input_error(report("en", &f, "json"));
    assert!(
        e.contains("column 'ISMAP管理策': the references column is headed as ISMAP's, but row 2 'A.8.2' is an ISO/IEC 27001 Annex A number"),
        "{e}"
    );
    let out = report("ja", &f, "json").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("どちらの版か判断できません"), "{stderr}");
    let mut c = report("en", &f, "json");
    c.args(["--iso-edition", "2022"]);
    let read = common::json_of(c);
    assert_eq!(read["checks"]["iso_edition"]["edition"], "2022");
    let dir = tempfile::tempdir().unwrap();
    for refs in [["A.8.2", "A.9.2.1"], ["8.2", "9.2.1"]] {
        let f = write(
            &dir,
            "e.csv",
            &format!(
                "No,確認項目,ISMAP管理策\n1,a,{}\n2,b,{}\n",
                refs[0], refs[1]
            ),
        );
        let read = json(&f);
        assert_eq!(read["checks"]["iso_edition"]["edition"], "2013", "{refs:?}");
    }
}

/// Review 12 C-25: an objective column and a detailed-control column (`ISMAP統制目標` |
/// `ISMAP詳細管理策`, `統制目標番号` | `詳細管理策番号`, `ISMAP管理策（統制目標）` |
/// `ISMAP管理策（詳細管理策）`) are read together as the item's references (by column), the
/// detail judged (`detail-in-annex`); `詳細管理策名` (the names) is no such column.
#[test]
fn r12_c25_objective_and_detail_columns_read_together() {
    let read = json(fixture("r12-c25-objective-and-detail.csv"));
    let item = by_id(&read["items"], "1");
    assert_eq!(refs(item), ["9.2.3", "9.2.3.11.PB"], "{item}");
    assert_eq!(item["status"], "partial", "{item}");
    assert_eq!(strings(&item["reasons"]), ["detail-in-annex"], "{item}");
    assert_eq!(
        item["references_by_column"][1]["column"], "ISMAP詳細管理策",
        "{item}"
    );
    assert_eq!(by_id(&read["items"], "2")["status"], "covered");
    let dir = tempfile::tempdir().unwrap();
    for (a, b) in [
        ("統制目標", "詳細管理策"),
        ("統制目標番号", "詳細管理策番号"),
        ("管理策番号", "詳細管理策番号"),
        ("ISMAP管理策（統制目標）", "ISMAP管理策（詳細管理策）"),
        ("ISMAP詳細管理策", "ISMAP統制目標"),
    ] {
        let (objective, detail) = match a.contains("詳細") {
            true => ("9.2.3.11.PB", "9.2.3"),
            false => ("9.2.3", "9.2.3.11.PB"),
        };
        let f = write(
            &dir,
            "d.csv",
            &format!("No,確認項目,{a},{b}\n1,特権ID,{objective},{detail}\n"),
        );
        let item = by_id(&json(&f)["items"], "1").clone();
        assert_eq!(item["status"], "partial", "{a} | {b}: {item}");
        assert_eq!(refs(&item).len(), 2, "{a} | {b}: {item}");
    }
    // the details' names are carried, not read
    let f = write(
        &dir,
        "n.csv",
        "No,確認項目,ISMAP統制目標,詳細管理策名\n1,特権ID,9.2.3,特権IDの共有禁止\n",
    );
    let item = by_id(&json(&f)["items"], "1").clone();
    assert_eq!(refs(&item), ["9.2.3"], "{item}");
    assert_eq!(item["status"], "covered", "{item}");
    // the message naming two references columns is Japanese through
    let f = write(
        &dir,
        "dup.csv",
        "No,確認項目,ISMAP管理策,管理策\n1,a,9.2.3,9.2.1\n",
    );
    let out = report("ja", &f, "json").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("の両方が 参照(管理策) の列です"),
        "{stderr}"
    );
}
