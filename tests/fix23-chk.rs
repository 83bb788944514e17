//! Session 12's check-list reader rules (review 17 C-4, C-1, D-4, C-5): the applicability
//! column reads the ordinary marks of asked and not asked (`必須`, `Must`, `●`, `レ`, `✗`,
//! TRUE/FALSE, a workbook's boolean cells) and a header naming its negative (`本件対象外`,
//! `確認不要`) with its polarity inverted; a references cell saying none with a pending
//! qualifier (`なし（要確認）`) is no settled ISMAP対象外; a note saying there is no gap or
//! that a deficiency was resolved (`未対応の項目はない`, `Gap: none`, `解消済`) is clean.
mod common;

use std::path::{Path, PathBuf};

use common::{by_id, data, json_of, on_checks};

/// `report --checks FILE --csp (every objective 実施 but 9.2.4) --format json`.
fn report(lang: &str, checks: &Path) -> assert_cmd::Command {
    let mut c = on_checks(lang, "report", checks);
    c.arg("--csp").arg(data("fix10-chk/csp-st.csv"));
    c.args(["--format", "json"]);
    c
}

/// `report` in `lang` on `path`, expected to fail: its exit code and stderr.
fn refused(lang: &str, path: &Path) -> (Option<i32>, String) {
    let out = report(lang, path).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn status<'a>(v: &'a serde_json::Value, id: &str) -> &'a str {
    by_id(&v["items"], id)["status"].as_str().unwrap()
}

/// A check list of two items (9.2.1, which the CSP states 実施) under the column `header`:
/// Q-1 marked `first`, Q-2 marked `value`.
fn two_items(dir: &Path, header: &str, first: &str, value: &str) -> PathBuf {
    write(
        dir,
        "c.csv",
        &format!("項番,確認項目,ISMAP管理策,{header}\nQ-1,利用者登録,9.2.1,{first}\nQ-2,利用者登録,9.2.1,{value}\n"),
    )
}

/// Review 17 C-4: under an applicability column marking some item not asked, the ordinary
/// marks of asked (`必須`, `Must`, `Required`, `Mandatory`, and the CSP matrix's marks `●`,
/// `◎`, `レ`, `TRUE`, `1`) are judged, those of not asked (`✗`, `╳`, `Not required`,
/// `Out-of-scope`, `Excluded`, `FALSE`, `0`) are `not-asked`. Guards: the ambiguous
/// (`任意`, `Optional`, `要確認`, `Skip`) and a mark with something after it (`No*`, `1.`,
/// `必須（予定）`, `FALSE（暫定）`) stay refused.
#[test]
fn the_ordinary_marks_of_asked_and_not_asked_read() {
    let dir = tempfile::tempdir().unwrap();
    for header in ["本件適用", "In scope"] {
        for value in [
            "必須",
            "Must",
            "Required",
            "Mandatory",
            "●",
            "◎",
            "レ",
            "TRUE",
            "true",
            "1",
            "✓",
        ] {
            let v = json_of(report("en", &two_items(dir.path(), header, "×", value)));
            assert_eq!(status(&v, "Q-1"), "not-asked", "{header} {value}");
            assert_eq!(status(&v, "Q-2"), "covered", "{header} {value}");
        }
        for value in [
            "✗",
            "╳",
            "Not required",
            "Out-of-scope",
            "Excluded",
            "除外対象",
            "FALSE",
            "0",
        ] {
            let v = json_of(report("en", &two_items(dir.path(), header, "○", value)));
            assert_eq!(status(&v, "Q-1"), "covered", "{header} {value}");
            assert_eq!(status(&v, "Q-2"), "not-asked", "{header} {value}");
            assert_eq!(v["summary"]["not_asked"], 1, "{header} {value}");
        }
        for value in [
            "任意",
            "Optional",
            "要確認",
            "Skip",
            "No*",
            "1.",
            "必須（予定）",
            "FALSE（暫定）",
            "Required?",
        ] {
            let (code, err) = refused("en", &two_items(dir.path(), header, "×", value));
            assert_eq!(code, Some(2), "{header} {value}: {err}");
            assert!(
                err.contains(&format!("this one says '{value}'")),
                "{header} {value}: {err}"
            );
        }
    }
}

/// Review 17 C-4: a workbook's checkbox column (real boolean cells under `本件適用`) was
/// ignored, the item marked FALSE judged and counted: FALSE is not asked, TRUE asked.
#[test]
fn boolean_cells_under_an_applicability_header_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["項番", "確認項目", "ISMAP管理策", "本件適用"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (id, refs, asked)) in [("Q-1", "9.2.1", true), ("Q-2", "9.2.4", false)]
        .iter()
        .enumerate()
    {
        let r = r as u32 + 1;
        ws.write_string(r, 0, *id).unwrap();
        ws.write_string(r, 1, "利用者登録").unwrap();
        ws.write_string(r, 2, *refs).unwrap();
        ws.write_boolean(r, 3, *asked).unwrap();
    }
    wb.save(&path).unwrap();
    let v = json_of(report("en", &path));
    assert_eq!(status(&v, "Q-1"), "covered");
    assert_eq!(status(&v, "Q-2"), "not-asked");
    assert_eq!(v["summary"]["not_asked"], 1);
}

/// Review 17 C-1: a column headed by the negative of applicability (`本件対象外`, `確認不要`,
/// `適用外`, `対象外`, `除外対象`, `適用除外`, `不要`, `Not applicable`, `Out of scope`,
/// `Excluded`) was refused as a column of findings (its hint: delete it) or, `Out of scope`,
/// ignored: read with its polarity inverted — a mark (`○`, `Yes`, `✓`, `TRUE`) or a word of
/// not asked (`不要`) is `not-asked`, no mark (`×`, `No`, `FALSE`, blank) or a word of asked
/// (`対象`, `必須`) judged. Guards: a mark with a qualifier (`○（予定）`, `対象外（暫定）`),
/// a no that may mean either (`N/A`, `非該当`, `該当なし`), a reason in words and `△` are
/// refused as an applicability column's cell (not as findings), with the hint of the inverted
/// header; a column of `×` only is carried.
#[test]
fn a_column_named_by_the_negative_of_applicability_reads_inverted() {
    let dir = tempfile::tempdir().unwrap();
    // (review 18 A-2: only headers naming this procurement or the buyer's check; the bare
    // negatives are the guards at the end)
    for header in ["本件対象外", "確認不要", "本件適用外", "確認対象外"] {
        for (first, value) in [
            ("×", "○"),
            ("", "Yes"),
            ("No", "✓"),
            ("FALSE", "TRUE"),
            ("対象", "不要"),
        ] {
            let v = json_of(report("en", &two_items(dir.path(), header, first, value)));
            assert_eq!(status(&v, "Q-1"), "covered", "{header} {first}");
            assert_eq!(status(&v, "Q-2"), "not-asked", "{header} {value}");
            let q2 = by_id(&v["items"], "Q-2");
            assert_eq!(q2["extra"][header], value, "{header}");
            assert_eq!(v["summary"]["not_asked"], 1, "{header} {value}");
        }
        for value in ["×", "必須", "No", ""] {
            let v = json_of(report("en", &two_items(dir.path(), header, "○", value)));
            assert_eq!(status(&v, "Q-1"), "not-asked", "{header} ○");
            assert_eq!(status(&v, "Q-2"), "covered", "{header} {value}");
        }
        for value in [
            "○（予定）",
            "対象外（暫定）",
            "N/A",
            "非該当",
            "該当なし",
            "物理拠点なしのため",
            "△",
        ] {
            let path = two_items(dir.path(), header, "×", value);
            let (code, err) = refused("en", &path);
            assert_eq!(code, Some(2), "{header} {value}: {err}");
            assert!(
                err.contains(&format!(
                    "marks check items not asked in this procurement, and this one says '{value}'"
                )),
                "{header} {value}: {err}"
            );
            assert!(
                err.contains("write ○ (not asked) or × (asked)"),
                "{header} {value}: {err}"
            );
            let (_, ja) = refused("ja", &path);
            assert!(ja.contains("対象外を示す見出しの列では"), "{ja}");
        }
        // nothing marked not asked: carried, both judged
        let v = json_of(report("en", &two_items(dir.path(), header, "×", "No")));
        assert_eq!(status(&v, "Q-1"), "covered", "{header}");
        assert_eq!(status(&v, "Q-2"), "covered", "{header}");
    }
    // review 18 A-2: a bare negative (`対象外`, `Not applicable`, `Excluded`) may be how a
    // questionnaire copied from a CSP's answers marks the CSP's exclusions: its ○ never
    // drops the item as not asked (refused, or the column not read as applicability)
    for header in [
        "適用外",
        "対象外",
        "除外対象",
        "適用除外",
        "不要",
        "非適用",
        "Not applicable",
        "Out of scope",
        "Not in scope",
        "Excluded",
    ] {
        let path = two_items(dir.path(), header, "×", "○");
        let out = report("en", &path).output().unwrap();
        if out.status.code() == Some(0) {
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_ne!(status(&v, "Q-2"), "not-asked", "{header}");
            assert_eq!(v["summary"]["not_asked"], 0, "{header}");
        } else {
            assert_eq!(out.status.code(), Some(2), "{header}");
        }
    }
    // the applicability header as before: ○ asked, × not asked
    let v = json_of(report("en", &two_items(dir.path(), "本件適用", "○", "×")));
    assert_eq!(status(&v, "Q-1"), "covered");
    assert_eq!(status(&v, "Q-2"), "not-asked");
}

/// Review 17 D-4: a references cell saying none with a note that it is not settled yet
/// (`なし（要確認）`, `－（検討中）`, `なし（TBC）`, `N/A (TBD)`, `ISMAP対象外（要確認）`) was read as
/// a settled ISMAP対象外 (`outside-ismap`): now a reference not read, the item not analysed,
/// as `ISMAP対象外?` and `要確認` are. Guards: `なし`, `－`, `ISMAP対象外`, `対象外（物理なし）`,
/// `なし（契約で確認）` stay `outside-ismap`.
#[test]
fn a_none_with_a_pending_note_is_not_outside_ismap() {
    let dir = tempfile::tempdir().unwrap();
    let pending = [
        "なし（要確認）",
        "－（検討中）",
        "なし（TBC）",
        "なし（確認中）",
        "N/A (TBD)",
        "ISMAP対象外（要確認）",
        "なし?",
    ];
    let settled = [
        "なし",
        "－",
        "ISMAP対象外",
        "対象外（物理なし）",
        "なし（契約で確認）",
    ];
    let mut text = String::from("項番,確認項目,ISMAP管理策\n");
    for (k, cell) in pending.iter().chain(&settled).enumerate() {
        text.push_str(&format!("U-{k},パスワード管理,{cell}\n"));
    }
    let v = json_of(report("en", &write(dir.path(), "r.csv", &text)));
    for (k, cell) in pending.iter().enumerate() {
        let item = by_id(&v["items"], &format!("U-{k}"));
        assert_eq!(item["status"], "not-analysed", "{cell}: {item}");
        assert_eq!(item["unresolved"][0]["reference"], *cell, "{cell}");
    }
    for (k, cell) in settled.iter().enumerate() {
        let item = by_id(&v["items"], &format!("U-{}", k + pending.len()));
        assert_eq!(item["status"], "outside-ismap", "{cell}: {item}");
    }
}

/// Review 17 C-5: a note saying there is no gap or work outstanding (`未対応の項目はない`,
/// `Gap: none`, `Not applicable gaps: none`, `保留事項なし`) or that a past deficiency was
/// resolved before the as-of date (`前回の不備は2025年に解消済`, `Previously failed, now
/// remediated (2025-06)`) was not analysed: now clean (covered). Guards with one more word
/// stay not analysed: `未対応`, `Gap identified`, `不備あり（2025年）`, a date after --as-of
/// (`…2027年に解消済`, `(2027-06)`), `解消予定`, `一部解消済`, `（9.2.1を除く）`, `（暫定）`,
/// `(TBC)`, `…が、9.2.1は一部`, a second sentence deferring, `対応なし`, `対応予定なし`, another
/// service's (`他社サービスの未対応の項目はない`).
#[test]
fn a_note_saying_no_gap_or_resolved_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let clean = [
        "未対応の項目はない",
        "Gap: none",
        "Not applicable gaps: none",
        "保留事項なし",
        "前回の不備は2025年に解消済",
        "Previously failed, now remediated (2025-06)",
        "未対応なし",
    ];
    let against = [
        "未対応",
        "Gap identified",
        "不備あり（2025年）",
        "前回の不備は2027年に解消済",
        "Previously failed, now remediated (2027-06)",
        "前回の不備は解消予定",
        "前回の不備は一部解消済",
        "未対応の項目はない（9.2.1を除く）",
        "未対応の項目はない（暫定）",
        "Gap: none (TBC)",
        "未対応の項目はないが、9.2.1は一部",
        "保留事項なし。9.2.1は2027年度対応予定",
        "対応なし",
        "対応予定なし",
        "他社サービスの未対応の項目はない",
    ];
    let mut text = String::from("項番,確認項目,ISMAP管理策,備考\n");
    for (k, note) in clean.iter().chain(&against).enumerate() {
        text.push_str(&format!("P-{k},利用者登録,9.2.1,\"{note}\"\n"));
    }
    let path = write(dir.path(), "n.csv", &text);
    // as of 2026-04-01 (`on_checks`)
    let v = json_of(report("en", &path));
    for (k, note) in clean.iter().enumerate() {
        assert_eq!(status(&v, &format!("P-{k}")), "covered", "{note}");
    }
    for (k, note) in against.iter().enumerate() {
        let item = by_id(&v["items"], &format!("P-{}", k + clean.len()));
        assert_eq!(item["status"], "not-analysed", "{note}: {item}");
    }
}
