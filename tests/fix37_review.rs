//! Session 16, review 24's `--review` and reference findings (`tests/data/fix37-review/`):
//! B-2 a decision carried over a changed ask (risk, required assurance, note), B-4 the tool's
//! own CP932 output given back to `--review`, C-1 `―`/`､`/`ないし`/`乃至` in references, C-2
//! ids typed as numbers, E a "none" with an id inside.
mod common;

use std::path::Path;

use common::{bin, by_id, data, input_error, json_of, stdout_of, strings};

fn fixture(name: &str) -> std::path::PathBuf {
    data(&format!("fix37-review/{name}"))
}

/// `report` of `checks` against the fixture list `all.txt`, in `lang` and `format`.
fn report(lang: &str, checks: &Path, format: &str) -> assert_cmd::Command {
    let mut c = bin();
    c.args(["--lang", lang, "report", "--checks"])
        .arg(checks)
        .arg("--csp")
        .arg(fixture("all.txt"))
        .args([
            "--registration-kind",
            "ismap",
            "--as-of",
            "2026-12-01",
            "--format",
            format,
        ]);
    c
}

/// [`report`] as JSON with `--review previous`.
fn reviewed(checks: &Path, previous: &Path) -> serde_json::Value {
    let mut c = report("ja", checks, "json");
    c.arg("--review").arg(previous);
    json_of(c)
}

/// Each of `ids` carried its `不要` decision `unchanged`, not marked re-review.
fn assert_carried_unchanged(v: &serde_json::Value, ids: &[&str]) {
    for id in ids {
        let r = &by_id(&v["items"], id)["review"];
        assert_eq!(r["change"], "unchanged", "{r}");
        assert_eq!(r["re_review"], false, "{r}");
        assert_eq!(r["decision"], "not-needed", "{r}");
    }
}

/// Review 24 B-2: R1's required assurance went from 保証報告 to 個別監査, its risk from 低 to
/// 高, and a note was added; the `不要` decided for the old ask was carried `unchanged`. Now
/// the item changed (what it asks), each old cell named, and the decision is re-review.
#[test]
fn b2_a_changed_ask_marks_the_decision_re_review() {
    let v = reviewed(&fixture("rv-new.csv"), &fixture("rv-prev-edited.csv"));
    let r1 = &by_id(&v["items"], "R1")["review"];
    assert_eq!(r1["change"], "item-changed", "{r1}");
    assert_eq!(r1["previous_assurance"], "保証報告(SOC2)", "{r1}");
    assert_eq!(r1["previous_risk"], "低", "{r1}");
    assert_eq!(r1["previous_note"], "", "{r1}");
    assert_eq!(r1["decision"], "not-needed");
    assert_eq!(r1["re_review"], true, "{r1}");
    // the title and references are the same: not named
    assert!(r1.get("previous_title").is_none(), "{r1}");
    assert!(r1.get("previous_references").is_none(), "{r1}");
    // R2: risk and note changed, and its status
    let r2 = &by_id(&v["items"], "R2")["review"];
    assert_eq!(r2["change"], "item-changed", "{r2}");
    assert!(r2.get("previous_assurance").is_none(), "{r2}");
    assert_eq!(r2["previous_status"], "covered", "{r2}");
    assert_eq!(v["review"]["item_changed"], 2);
    assert_eq!(v["review"]["re_review"], 2);
    // the change column names what changed, in either language (the note's `年1回` is a
    // level since fix37-note, so R1's status changed too and is named last)
    for (lang, label) in [
        (
            "ja",
            "確認項目の変化 (リスク(前回 低)・求める確認水準(前回 保証報告(SOC2))・備考・保証水準不足 → 一部充足) — 要再レビュー",
        ),
        (
            "en",
            "item changed (risk (was 低), assurance (was 保証報告(SOC2)), note, assurance-gap → partial) — re-review",
        ),
    ] {
        let mut c = report(lang, &fixture("rv-new.csv"), "csv");
        c.arg("--review").arg(fixture("rv-prev-edited.csv"));
        let csv = stdout_of(c);
        // R1's record (its procedures cell holds line breaks): from its id to R2's
        let start = csv.find("\nR1,").unwrap();
        let end = csv.find("\nR2,").unwrap();
        let record = &csv[start..end];
        assert!(record.contains(label), "{record}");
    }
}

/// B-2's guard: the same ask as reviewed (the check list the previous report was made
/// from) carries every decision `unchanged`, none marked.
#[test]
fn b2_the_same_ask_carries_the_decision_unchanged() {
    let v = reviewed(&fixture("rv-old.csv"), &fixture("rv-prev-edited.csv"));
    assert_carried_unchanged(&v, &["R1", "R2"]);
    assert_eq!(v["review"]["unchanged"], 2);
}

/// B-2: a previous report whose リスク and 備考 columns were deleted cannot tell whether
/// the ask changed: it is read (not refused), a warning names the columns, and every
/// decision carried is marked re-review (`re_review_context` `columns-missing`).
#[test]
fn b2_a_previous_report_without_the_ask_columns_marks_every_decision() {
    let mut c = report("ja", &fixture("rv-old.csv"), "json");
    c.arg("--review").arg(fixture("rv-prev-nocols.csv"));
    let out = c.output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("のギャップシートには列 'リスク', '備考' がありません"),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<&str> = v["review"]["context_changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["what"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"columns-missing"), "{kinds:?}");
    let codes: Vec<&str> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"review-columns-missing"), "{codes:?}");
    for id in ["R1", "R2"] {
        let r = &by_id(&v["items"], id)["review"];
        assert_eq!(r["change"], "unchanged", "{r}");
        assert_eq!(r["re_review"], true, "{r}");
        assert_eq!(r["re_review_context"], "columns-missing", "{r}");
    }
    assert_eq!(v["review"]["re_review"], 2);
}

/// Review 24 B-4: the tool's own `--output-encoding cp932` CSV (`〜` written `～`, `–` `‐`,
/// `—` `―`), its decisions set and saved in CP932, given back as `--review`: every item
/// was `item-changed` (another title). Now the titles compare as the CP932 writer folds
/// them: `unchanged`, no re-review.
#[test]
fn b4_the_tools_own_cp932_output_reads_back_unchanged() {
    let v = reviewed(&fixture("enc.csv"), &fixture("enc-prev.csv"));
    assert_carried_unchanged(&v, &["K-01", "K-02"]);
    // a round trip through today's writer, titles, ids and a note holding look-alikes
    let dir = tempfile::tempdir().unwrap();
    let checks = dir.path().join("checks.csv");
    std::fs::write(
        &checks,
        "項番,確認項目,ISMAP管理策,備考\nK−1,受付 9:00〜18:00,9.2.3,A–B — ‖ ¥100\nK-2,ログ – 記録,12.4.1,-先頭の記号\n",
    )
    .unwrap();
    let previous = dir.path().join("previous.csv");
    let mut c = report("ja", &checks, "csv");
    c.args(["--output-encoding", "cp932", "-o"]).arg(&previous);
    c.assert().success();
    let v = reviewed(&checks, &previous);
    for id in ["K−1", "K-2"] {
        let r = &by_id(&v["items"], id)["review"];
        assert_eq!(r["change"], "unchanged", "{r}");
    }
    assert_eq!(v["review"]["new"], 0);
    assert_eq!(v["review"]["removed"], 0);
}

/// B-4's guard: a title really changed (`①〜③` → `①〜④`) is still `item-changed`, with
/// its previous title as written.
#[test]
fn b4_a_real_change_of_title_is_still_item_changed() {
    let dir = tempfile::tempdir().unwrap();
    let checks = dir.path().join("enc2.csv");
    let text = std::fs::read_to_string(fixture("enc.csv"))
        .unwrap()
        .replace("①〜③", "①〜④");
    std::fs::write(&checks, text).unwrap();
    let v = reviewed(&checks, &fixture("enc-prev.csv"));
    let r = &by_id(&v["items"], "K-01")["review"];
    assert_eq!(r["change"], "item-changed", "{r}");
    assert_eq!(r["re_review"], true, "{r}");
    assert!(
        r["previous_title"].as_str().unwrap().contains("①～③"),
        "{r}"
    );
    assert_eq!(by_id(&v["items"], "K-02")["review"]["change"], "unchanged");
}

/// Review 24 C-1: `9.2.1―9.2.3` (U+2015, CP932's 0x815C), `9.2.1､9.2.3` (U+FF64) and
/// `9.2.1ないし9.2.3` / `乃至` were `qualified` (not analysed) while `—`, `、` and `から` read.
/// Now they read alike: the range 9.2.1–9.2.3, the list 9.2.1, 9.2.3.
#[test]
fn c1_cp932_and_half_width_separators_and_naishi_read() {
    let mut c = bin();
    c.args(["--lang", "en", "report", "--checks"])
        .arg(fixture("cp932-ranges.csv"))
        .arg("--csp")
        .arg(fixture("partial-list.txt"))
        .args(["--as-of", "2026-12-01", "--format", "json"]);
    let v = json_of(c);
    let controls = |item: &serde_json::Value| -> Vec<String> {
        item["controls"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_owned())
            .collect()
    };
    // ranges, as R1 (`～`) and R22 (`から`)
    for id in ["R1", "R8", "R21", "R22", "R24"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["unresolved"], serde_json::json!([]), "{item}");
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(controls(item), ["9.2.1", "9.2.2", "9.2.3"], "{item}");
        assert_eq!(strings(&item["references"]).len(), 1, "{item}");
    }
    // lists, as R14 (`・`) and R16 (`，`)
    for id in ["R14", "R15", "R16"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "covered", "{item}");
        assert_eq!(strings(&item["references"]), ["9.2.1", "9.2.3"], "{item}");
    }
    // what stayed unread still is
    assert_eq!(
        by_id(&v["items"], "R11")["unresolved"][0]["why"],
        "shorthand-range"
    );
    assert_eq!(
        by_id(&v["items"], "R17")["unresolved"][0]["why"],
        "not-a-reference"
    );
}

/// C-1's guards: the new marks are read as the old ones are, so an end cut off (`9.2.1ないし`,
/// `9.2.1―`) is an open range and ends the wrong way round an invalid range (never one
/// end alone); `､` lists as `、`, and `乃至…まで` as `から…まで`.
#[test]
fn c1_the_new_marks_are_checked_as_the_old_ones() {
    let v = json_of(report("en", &fixture("ranges-guards.csv"), "json"));
    let why = |id: &str| by_id(&v["items"], id)["unresolved"][0]["why"].clone();
    assert_eq!(why("R1"), "open-range");
    assert_eq!(why("R2"), "invalid-range");
    assert_eq!(why("R3"), "open-range");
    for id in ["R1", "R2", "R3"] {
        assert_eq!(by_id(&v["items"], id)["status"], "not-analysed");
    }
    let r4 = by_id(&v["items"], "R4");
    assert_eq!(strings(&r4["references"]), ["9.2.1", "9.2.2", "9.2.3"]);
    assert_eq!(r4["status"], "covered");
    let r5 = by_id(&v["items"], "R5");
    assert_eq!(strings(&r5["references"]), ["9.2.1乃至9.2.3まで"]);
    assert_eq!(r5["unresolved"], serde_json::json!([]));
}

/// Review 24 C-2: ids `1.1`…`1.10` typed as numbers in an xlsx (Excel's General keeps
/// 1.10 as 1.1): the duplicate id error now says the cell is a number that lost its zero,
/// in both languages.
#[test]
fn c2_ids_typed_as_numbers_say_the_zero_was_lost() {
    let mut c = report("en", &fixture("id-floats.xlsx"), "csv");
    let e = input_error(&mut c);
    assert!(
        e.contains("row 11: column '項番': duplicate check-item id '1.1' (also on row 2)"),
        "{e}"
    );
    assert!(
        e.contains("(hint: the id is a number in the sheet, and a number loses its trailing zeros ('1.10' becomes '1.1'): format the id column as text and type the ids again)"),
        "{e}"
    );
    let out = report("ja", &fixture("id-floats.xlsx"), "csv")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(e.contains("'1.10' は '1.1' になります"), "{e}");
}

/// C-2 in YAML: unquoted `1.1` and `1.10` are the number 1.1 twice: the hint says so and
/// asks to quote them; quoted, they read as two items.
#[test]
fn c2_unquoted_yaml_ids_say_the_zero_was_lost() {
    let mut c = report("en", &fixture("id-floats.yaml"), "csv");
    let e = input_error(&mut c);
    assert!(
        e.contains("duplicate check-item id '1.1' (also item 1) (hint: the id is an unquoted number, and a number loses its trailing zeros ('1.10' becomes '1.1'): quote the ids ('1.10'))"),
        "{e}"
    );
    let v = json_of(report("en", &fixture("id-quoted.yaml"), "json"));
    assert_eq!(v["items"].as_array().unwrap().len(), 2);
    assert_eq!(by_id(&v["items"], "1.10")["status"], "covered");
}

/// C-2's guards: ids typed as text (`1.1`…`1.10`) read as ten items; a duplicate id of
/// text cells keeps the plain hint.
#[test]
fn c2_text_ids_read_and_a_text_duplicate_keeps_its_hint() {
    let ids: Vec<String> = (1..=10).map(|n| format!("1.{n}")).collect();
    let mut rows = vec![vec!["項番", "確認項目", "ISMAP管理策"]];
    for id in &ids {
        rows.push(vec![id.as_str(), "特権IDの管理", "9.2.3"]);
    }
    let (_dir, path) = common::text_workbook(&[("チェックリスト", rows)]);
    let v = json_of(report("en", &path, "json"));
    assert_eq!(v["items"].as_array().unwrap().len(), 10);
    assert_eq!(by_id(&v["items"], "1.10")["status"], "covered");

    let dir = tempfile::tempdir().unwrap();
    let dup = dir.path().join("dup.csv");
    std::fs::write(
        &dup,
        "項番,確認項目,ISMAP管理策\n1.1,a,9.2.3\n1.1,b,9.2.3\n",
    )
    .unwrap();
    let mut c = report("en", &dup, "csv");
    let e = input_error(&mut c);
    assert!(
        e.contains("duplicate check-item id '1.1' (also on row 2) (hint: give every check item its own id)"),
        "{e}"
    );
}

/// Review 24 E: `対象外（9.2.3で確認）`, `なし（9.2.3参照）`, `該当なし（A.9.2.3）`, `N/A (see
/// 9.2.3)`, `－（9.2.3に含む）`, `対象外（AC-2）` in references were unresolved as naming
/// another framework (or qualified): now `none-with-id`, saying what it is; still not
/// analysed (fail closed).
#[test]
fn e_a_none_with_an_id_inside_says_so() {
    let v = json_of(report("en", &fixture("none.csv"), "json"));
    for n in [1, 2, 3, 4, 5, 6, 7, 8, 10] {
        let item = by_id(&v["items"], &format!("N{n}"));
        assert_eq!(item["status"], "not-analysed", "{item}");
        assert_eq!(item["unresolved"][0]["why"], "none-with-id", "{item}");
    }
    // no id inside: as before
    assert_eq!(
        by_id(&v["items"], "N9")["unresolved"][0]["why"],
        "not-a-reference"
    );
    let csv = stdout_of(report("en", &fixture("none.csv"), "csv"));
    let line = csv.lines().find(|l| l.starts_with("N1,")).unwrap();
    assert!(
        line.contains("says none (なし, 対象外, N/A) with an id in brackets"),
        "{line}"
    );
    let csv = stdout_of(report("ja", &fixture("none.csv"), "csv"));
    let line = csv.lines().find(|l| l.starts_with("N1,")).unwrap();
    assert!(line.contains("括弧の中にIDがあります"), "{line}");
}

/// E's guards: a settled none (`なし（契約で確認）`, `N/A`) is still a none (outside ISMAP);
/// another framework before an id is still `unknown-framework`, a qualifier after one
/// still `qualified`; a plain id covered.
#[test]
fn e_other_shapes_keep_their_reading() {
    let v = json_of(report("en", &fixture("none-guards.csv"), "json"));
    let item = |id: &str| by_id(&v["items"], id).clone();
    assert_eq!(item("G1")["status"], "outside-ismap");
    assert_eq!(item("G5")["status"], "outside-ismap");
    assert_eq!(item("G2")["unresolved"][0]["why"], "unknown-framework");
    assert_eq!(item("G3")["unresolved"][0]["why"], "qualified");
    assert_eq!(item("G4")["status"], "covered");
}
