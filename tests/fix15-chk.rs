//! Session 9's check-list item rules (`tests/data/fix15-chk/`): the buyer's own evaluation
//! column holding a deficiency refused (review 12 A-9); more level and certification words
//! (review 13 ); responsibility cells in more spellings (review 13 C-7); optional
//! SOC 2 looks and history comments read as notes (review 13 C-8, B-1, B-4); a title saying
//! location does not matter not capped (review 13 B-2), but only the words it governs
//! dropped (review 14 A-8); optional and history words only where they govern the level
//! or the id (review 14 A-9); `suggest` naming every capped topic
//! (review 12 B-10).
mod common;

use common::{by_id, data, input_error, json_of, on_checks};

fn fixture(name: &str) -> std::path::PathBuf {
    data(&format!("fix15-chk/{name}"))
}

/// Every objective 実施 but 9.2.4, registration kind stated.
fn all_implemented() -> std::path::PathBuf {
    data("fix10-chk/csp-st.csv")
}

fn report_of(lang: &str, checks: impl AsRef<std::ffi::OsStr>) -> assert_cmd::Command {
    let mut c = on_checks(lang, "report", checks);
    c.arg("--csp").arg(all_implemented());
    c
}

/// `report --checks CHECKS --csp (all implemented) --format json` in `lang`.
fn report(lang: &str, checks: &str) -> serde_json::Value {
    let mut c = report_of(lang, fixture(checks));
    c.args(["--format", "json"]);
    json_of(c)
}

/// The buyer's own evaluation column saying an item is deficient or met in part (`評価` △,
/// `自社評価` ×, `前回評価` △, `確認結果` 不備あり, `判定` 不適合) is refused naming the row
/// and column (review 12 A-9: carried unread, the item bare 充足); ○, 適合, 不備なし, 問題なし
/// and empty cells read, and so do columns merely containing 評価 (`リスク評価`, `評価基準`).
#[test]
fn an_evaluation_column_saying_deficient_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let template = std::fs::read_to_string(fixture("eval-deficient.csv")).unwrap();
    for (header, value) in [
        ("評価", "△"),
        ("自社評価", "×"),
        ("前回評価", "△"),
        ("確認結果", "不備あり"),
        ("判定", "不適合"),
        ("評価結果", "要改善"),
        ("評価（○/△/×）", "×"),
        ("Evaluation", "NG"),
        // the usual headers of a buyer's own check (review 14 A-14: carried unread, 充足)
        ("適否", "×"),
        ("合否", "NG"),
        ("前回結果", "△"),
        ("指摘事項", "不備あり"),
        ("所見", "要改善"),
        ("Compliance", "Fail"),
        ("Finding", "NG"),
    ] {
        let path = dir.path().join("e.csv");
        std::fs::write(
            &path,
            template.replace("HEADER", header).replace("VALUE", value),
        )
        .unwrap();
        let err = input_error(report_of("en", &path));
        assert!(err.contains("row 3"), "{header}: {err}");
        assert!(
            err.contains(&format!(
                "the column '{header}' holds your own evaluation of the check items, and this one is '{value}'"
            )),
            "{header}: {err}"
        );
        let out = report_of("ja", &path).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{header}: {err}");
        assert!(err.contains("自組織の評価"), "{header}: {err}");
    }
    // every deficient row told in one run
    let path = dir.path().join("e2.csv");
    std::fs::write(
        &path,
        "No,確認項目,ISMAP管理策,評価\n1,特権IDを管理していること,9.2.3,×\n2,退職者のIDを削除していること,9.2.6,○\n3,利用者IDを登録していること,9.2.1,△\n",
    )
    .unwrap();
    let err = input_error(report_of("en", &path));
    assert!(
        err.contains("row 2") && err.contains("(also rows 4)"),
        "{err}"
    );
    let v = report("ja", "eval-ordinary.csv");
    for id in ["1", "2", "3", "4", "5"] {
        assert_eq!(by_id(&v["items"], id)["status"], "covered", "{id}");
    }
    // those headers over ordinary values (○, 適合, OK, なし, empty) read
    for (header, values) in [
        ("適否", ["○", "適合"]),
        ("合否", ["OK", ""]),
        ("指摘事項", ["なし", "特になし"]),
        ("Compliance", ["Pass", "Compliant"]),
    ] {
        let path = dir.path().join("ok.csv");
        std::fs::write(
            &path,
            format!("No,確認項目,ISMAP管理策,{header}\n1,特権IDを管理していること,9.2.3,{}\n2,退職者のIDを削除していること,9.2.6,{}\n", values[0], values[1]),
        )
        .unwrap();
        let out = report_of("en", &path).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{header}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// A deadline of the day or the next (`当日中`, `翌営業日までに`, `即時`, `3営業日以内`) is a
/// level ISMAP did not assess (review 13 A-3: 充足), and so is `直ちに` as `即時` is (review 14
/// B-2); `当日の作業記録`, `速やかに` and an item of no deadline are judged on their references.
#[test]
fn a_deadline_of_the_day_or_the_next_is_a_level() {
    let v = report("ja", "levels.csv");
    for id in ["1", "2", "3", "4", "6", "9"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(
            item["reasons"],
            serde_json::json!(["level-not-assessed"]),
            "{item}"
        );
    }
    for id in ["7", "8", "10", "11"] {
        assert_eq!(by_id(&v["items"], id)["status"], "covered", "{id}");
    }
}

/// The Japanese names of the ISO/IEC 27001 certification (`ISMS認証を維持`, `ISO 27001認証取得`,
/// `ISMS適合性評価制度`, `ISMS-AC`, `ISMSクラウドセキュリティ認証`) make a certification item as
/// `ISO/IEC 27001の認証` does (review 13 A-7: 充足); a login's 認証, `ISMS` alone, a clause
/// saying a certification or the location does not matter (`…の有無に関わらず`, `国内外を
///問わず`: review 13 B-2) and ISMAP's own registration do not.
#[test]
fn certification_items_in_their_japanese_names() {
    let v = report("ja", "certification.csv");
    for id in ["6", "7", "8", "9", "10", "16"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(
            item["reasons"],
            serde_json::json!(["topic-beyond-ismap"]),
            "{item}"
        );
        assert_eq!(
            item["additional_procedures"][0]["code"], "own-check-certification",
            "{item}"
        );
    }
    assert_eq!(by_id(&v["items"], "15")["status"], "partial");
    for id in ["1", "2", "3", "4", "5", "11", "12", "13", "14"] {
        assert_eq!(by_id(&v["items"], id)["status"], "covered", "{id}");
    }
}

/// A trailing bracket saying something does not matter (`（部門を問わず）`, `（契約形態を問わず）`)
/// drops only the bracket: the certification, data-location and governing-law requirement
/// around it still caps the item (review 14 A-8: 充足); the clause first (`拠点を問わず…`,
/// `規模に関わらず…`) and a clause inside the predicate (`雇用形態を問わず当日中に`) as before.
#[test]
fn a_trailing_regardless_bracket_keeps_the_requirement() {
    let v = report("ja", "towazu.csv");
    for id in ["1", "2", "3", "4", "5", "6", "7", "9"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(
            item["reasons"],
            serde_json::json!(["topic-beyond-ismap"]),
            "{item}"
        );
    }
    let item = by_id(&v["items"], "8");
    assert_eq!(
        item["reasons"],
        serde_json::json!(["level-not-assessed"]),
        "{item}"
    );
}

/// A note demanding a SOC 2 report with an optional word about something else (`（必要に応じて
/// 追加資料を求める）`, `（任意様式の補足資料を含む）`, `任意ではなく必須`), or naming an id added in
/// this version (`前版から追加：9.4.1`, `変更前の9.2.2に加え9.4.1`), is not dropped: the item is
/// not judged, as the same demand in two sentences and the id alone are (review 14 A-9: 充足).
#[test]
fn an_optional_or_history_word_elsewhere_keeps_the_demand() {
    let mut c = on_checks("ja", "report", fixture("opt.csv"));
    c.arg("--csp").arg(all_implemented());
    c.args(["--format", "json"]);
    let v = json_of(c);
    for id in ["1", "2", "3", "4", "5", "6", "7", "8", "9"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "not-analysed", "{item}");
    }
    for (id, field) in [("1", "assurance-outside"), ("3", "reference-outside")] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["problems"][0]["field"], field, "{item}");
    }
}

/// A responsibility column's ordinary values read (review 13 C-7: refused): `貴社` (the CSP a
/// questionnaire is sent to), `SaaS事業者`, `N/A` (no side stated) judged as the CSP's;
/// `Cloud Customer`, `CSC` the customer's; sides joined or noted shared. `IaaS事業者` (which
/// provider?), `調達先`, `Inherited` are refused, every refused row named in one run.
#[test]
fn responsibility_cells_in_ordinary_spellings_read() {
    let v = report("ja", "resp.csv");
    for (id, want) in [
        ("3", "customer-responsibility"),
        ("4", "customer-responsibility"),
        ("2", "shared-responsibility"),
        ("7", "shared-responsibility"),
        ("8", "shared-responsibility"),
        ("9", "shared-responsibility"),
        ("10", "shared-responsibility"),
    ] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(item["reasons"], serde_json::json!([want]), "{item}");
    }
    for id in ["1", "5", "6", "11", "12"] {
        assert_eq!(by_id(&v["items"], id)["status"], "covered", "{id}");
    }
    let err = input_error(report_of("en", fixture("resp-unread.csv")));
    assert!(err.contains("row 2"), "{err}");
    assert!(err.contains("('IaaS事業者')"), "{err}");
    assert!(err.contains("(also rows 4, 5)"), "{err}");
    assert!(
        err.contains("which provider is meant cannot be told"),
        "{err}"
    );
}

/// A cover line, a YAML comment or a cell comment offering an optional SOC 2 look (`SOC2報告書を
/// お持ちの場合は…ご提出ください`, `必要に応じて証跡（SOC2報告書…）を添付`, `…があれば参考に確認`)
/// asks for nothing (review 13 C-8, B-4: refused, or the item 判定不能); a comment recording
/// what a reference was (`# 旧版では9.2.2だった`, `旧版では9.4.1としていた`) is a note only
/// (review 13 B-1, B-4). A `TODO: 9.4.3 も見るか` still stops its item, and a line that asks
/// every item for SOC 2 is still refused.
#[test]
fn optional_soc2_looks_and_history_comments_are_notes() {
    // (the YAML's item 2 has the TODO comment below)
    for (name, ids) in [
        ("cover-soc2-optional.xlsx", &["1", "2", "3"][..]),
        ("cover-evidence.xlsx", &["1", "2", "3"]),
        ("yaml-optional-soc2.yaml", &["1", "3"]),
    ] {
        let v = report("en", name);
        for id in ids {
            assert_eq!(by_id(&v["items"], id)["status"], "covered", "{name} {id}");
        }
    }
    let v = report("en", "item-comments.xlsx");
    for id in ["1", "2", "3"] {
        assert_eq!(by_id(&v["items"], id)["status"], "covered", "{id}");
    }
    let v = report("en", "yaml-history.yaml");
    assert_eq!(by_id(&v["items"], "1")["status"], "covered");
    let todo = by_id(&v["items"], "2");
    assert_eq!(todo["status"], "not-analysed", "{todo}");
    assert_eq!(todo["problems"][0]["value"], "9.4.3", "{todo}");
    let err = input_error(report_of("en", fixture("cover-asks.yaml")));
    assert!(err.contains("asks for an assurance level"), "{err}");
}

/// `suggest` notes every topic `report` caps an item on beside its candidates (review 12
/// B-10: only the lexicon's, so `BYOK` got 10.1.2 and no note); an item naming only the
/// control ISMAP assesses gets none.
#[test]
fn suggest_notes_the_topics_report_caps_on() {
    let mut c = common::bin();
    c.args(["--lang", "en", "suggest", "--checks"])
        .arg(fixture("suggest-topics.csv"));
    c.args(["--format", "json"]);
    let v = json_of(c);
    assert_eq!(v["schema_version"], 5);
    let topic = |id: &str| by_id(&v["items"], id)["outside_topic"]["id"].clone();
    assert_eq!(topic("1"), "customer-keys");
    assert_eq!(topic("2"), "data-location");
    assert_eq!(topic("3"), "backups-availability");
    assert_eq!(topic("4"), "certification");
    assert!(topic("5").is_null());
    assert!(topic("6").is_null());
    // the candidate stays: the topic is a note beside it
    assert_eq!(by_id(&v["items"], "1")["suggestions"][0]["id"], "10.1.2");
    let mut c = common::bin();
    c.args(["--lang", "ja", "suggest", "--checks"])
        .arg(fixture("suggest-topics.csv"));
    c.args(["--format", "csv"]);
    let csv = common::stdout_of(c);
    assert!(
        csv.contains("ISMAPの対象外の話題: 利用者が管理する暗号鍵 (BYOK)"),
        "{csv}"
    );
}
