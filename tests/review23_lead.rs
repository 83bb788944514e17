//! Session 14, the lead's part of review 23 (`tests/data/review23-lead/`): C-1 a check
//! list's method column relying on ISMAP (`確認方法 | ISMAP登録で代替`), C-5 the assurance
//! spellings of ISMAP registered or listed, A-5 a pasted entry without a renewal deadline
//! whose audit period ended over 16 months before the as-of date.
mod common;

use common::{bin, by_id, data, input_error, json_of, strings};
use std::path::{Path, PathBuf};

fn report(checks: &str, csp: &str, as_of: &str) -> assert_cmd::Command {
    report_of(&data(checks), &data(csp), as_of)
}

/// `report --format json` of a check list and a CSP list given as paths.
fn report_of(checks: &Path, csp: &Path, as_of: &str) -> assert_cmd::Command {
    let mut c = bin();
    c.args([
        "--lang", "en", "report", "--as-of", as_of, "--format", "json",
    ])
    .arg("--checks")
    .arg(checks)
    .arg("--csp")
    .arg(csp);
    c
}

/// A copy of the fixture `name` in `dir` with `from` replaced by `to`: the neighbour of
/// a fixed case, one phrase apart.
fn edited(dir: &tempfile::TempDir, name: &str, from: &str, to: &str) -> PathBuf {
    let text = std::fs::read_to_string(data(name)).unwrap();
    assert!(text.contains(from), "{name} holds no '{from}'");
    let path = dir.path().join(Path::new(name).file_name().unwrap());
    std::fs::write(&path, text.replace(from, to)).unwrap();
    path
}

/// Review 23 C-1: `ISMAP登録で代替` under `確認方法` says the item is judged on the ISMAP
/// statement — the level asked, not another measure in the control's place. The whole
/// list was refused (exit 2); it reads now, and the item is judged at ISMAP.
#[test]
fn a_method_relying_on_ismap_reads() {
    let v = json_of(report(
        "review23-lead/C1-checklist.csv",
        "review23-lead/page2.txt",
        "2026-12-01",
    ));
    let item = by_id(&v["items"], "9");
    assert_eq!(item["assurance"], "ismap", "{item}");
    // 11.1.2 is not in the pasted list: judged, not refused
    assert_eq!(item["status"], "not-covered", "{item}");
}

/// The neighbour of C-1: another measure in the control's place (`手作業で代替`) under the
/// same column is still refused.
#[test]
fn a_method_naming_another_measure_is_still_refused() {
    let dir = tempfile::tempdir().unwrap();
    let checks = edited(
        &dir,
        "review23-lead/C1-checklist.csv",
        ",ISMAP登録で代替,",
        ",手作業で代替,",
    );
    let c = report_of(&checks, &data("review23-lead/page2.txt"), "2026-12-01");
    let err = input_error(c);
    assert!(err.contains("row 10: column '確認方法'"), "{err}");
    assert!(err.contains("'で代替'"), "{err}");
}

/// Review 23 C-5: `ISMAP登録済みであること` and `ISMAPクラウドサービスリスト掲載` ask ISMAP (were
/// not analysed, `invalid-input`); `自己申告（ISMAP登録で代替可）` asks self (either will do:
/// the weakest); ISMAP-LIU accepted has no level on the scale and stays unread.
#[test]
fn ismap_registered_or_listed_reads_as_ismap() {
    let v = json_of(report(
        "review23-lead/C5-assurance-words.csv",
        "review23-lead/page2.txt",
        "2026-12-01",
    ));
    let items = &v["items"];
    for id in ["C-01", "C-02"] {
        let item = by_id(items, id);
        assert_eq!(item["assurance"], "ismap", "{item}");
        assert_eq!(item["status"], "covered", "{item}");
    }
    let c05 = by_id(items, "C-05");
    assert_eq!(c05["assurance"], "self", "{c05}");
    assert_eq!(c05["status"], "covered", "{c05}");
    for id in ["C-03", "C-04"] {
        let item = by_id(items, id);
        assert_eq!(item["status"], "not-analysed", "{item}");
    }
}

/// Review 23 A-5: an entry pasted without its renewal deadline whose only audit period
/// ended in 2020 was `covered *` (a note, `audit-period-old`) on 2026-12-01: an audit gives
/// a registration 16 months after its period's end, so the entry itself says it is no
/// longer in effect — registration lapsed, nothing covered on it.
#[test]
fn an_old_audit_without_a_deadline_is_a_lapsed_registration() {
    let out = report(
        "review23-lead/A5-checks.csv",
        "review23-lead/A5-old-entry.txt",
        "2026-12-01",
    )
    .output()
    .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let item = by_id(&v["items"], "C-01");
    assert_eq!(item["status"], "assurance-gap", "{item}");
    assert!(
        strings(&item["reasons"]).contains(&"registration-lapsed"),
        "{item}"
    );
    assert_eq!(v["csp"]["registration"], "lapsed", "{}", v["csp"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("gives no renewal deadline, and its audit period (2020-04-01 – 2020-09-30) ended over 16 months before 2026-12-01")
            || stderr.contains("gives no renewal deadline, and its audit period"),
        "{stderr}"
    );
}

/// The neighbour of A-5: within 16 months of the audit period's end, the same entry is not
/// lapsed (its validity not checked, as any entry without a deadline).
#[test]
fn a_recent_audit_without_a_deadline_is_not_checked() {
    let v = json_of(report(
        "review23-lead/A5-checks.csv",
        "review23-lead/A5-old-entry.txt",
        "2021-06-01",
    ));
    let item = by_id(&v["items"], "C-01");
    assert_eq!(item["status"], "covered", "{item}");
    assert_eq!(v["csp"]["registration"], "not-checked", "{}", v["csp"]);
}

/// The statuses and reasons of a report's items, by id.
fn verdicts(v: &serde_json::Value) -> Vec<(String, String, Vec<String>)> {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap().to_owned(),
                i["status"].as_str().unwrap().to_owned(),
                strings(&i["reasons"])
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
            )
        })
        .collect()
}

/// Review 23 C-3: `後発事象 | 該当事項なし` (pasted), `subsequent_events: 重要な後発事象なし` and
/// `improvement_plan: 予定なし` (a profile) were read as an event and a plan: every item
/// `assurance-gap`; `改善計画の有無 | 予定なし` was refused as not yes or no. They state none
/// now; a none with more after it is still an event.
#[test]
fn ordinary_spellings_of_none_are_no_event_and_no_plan() {
    for csp in [
        "review23-lead/C3-events-none.txt",
        "review23-lead/C3-profile.yaml",
        "review23-lead/C3-plan-none-page.txt",
    ] {
        let v = json_of(report("review23-lead/checks-3items.csv", csp, "2026-12-01"));
        for (id, status, reasons) in verdicts(&v) {
            if id != "3" || csp.ends_with(".yaml") {
                assert_eq!(status, "covered", "{csp} {id} {reasons:?}");
                assert!(reasons.is_empty(), "{csp} {id} {reasons:?}");
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let csp = edited(
        &dir,
        "review23-lead/C3-events-none.txt",
        "該当事項なし",
        "特になし。ただし2025年11月にサービス停止が発生",
    );
    let c = report_of(&data("review23-lead/checks-3items.csv"), &csp, "2026-12-01");
    let v = json_of(c);
    let item = by_id(&v["items"], "1");
    assert_eq!(item["status"], "assurance-gap", "{item}");
    assert!(
        strings(&item["reasons"]).contains(&"subsequent-events"),
        "{item}"
    );
}

/// Review 23 A-6: items asking for a deliverable (a deletion certificate), a disclosure
/// (test results, the subprocessors), a consent right or a product certification (FIPS
/// 140) were `covered` on the objective they cite; a deadline of the day itself (`当日に`)
/// too. Each is `partial` now, with the topic or level ISMAP does not assess.
#[test]
fn deliverables_disclosures_and_product_certifications_are_not_covered() {
    for (checks, n) in [
        ("review23-lead/A6-beyond.csv", 7),
        ("review23-lead/A6-eng.csv", 11),
    ] {
        let v = json_of(report(
            checks,
            "../../examples/csp-list-page.txt",
            "2026-12-01",
        ));
        let all = verdicts(&v);
        assert_eq!(all.len(), n, "{all:?}");
        for (id, status, reasons) in all {
            assert_ne!(status, "covered", "{checks} {id} {reasons:?}");
        }
        let item = |id: &str| by_id(&v["items"], id).clone();
        for id in ["M3", "M5", "M9", "M11", "M12", "L18", "E4", "E8"] {
            if let Some(item) = v["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["id"] == id)
            {
                assert_eq!(item["status"], "partial", "{item}");
                assert!(
                    strings(&item["reasons"]).contains(&"topic-beyond-ismap"),
                    "{item}"
                );
            }
        }
        if checks.ends_with("A6-beyond.csv") {
            let l13 = item("L13");
            assert!(
                strings(&l13["reasons"]).contains(&"level-not-assessed"),
                "{l13}"
            );
        }
    }
}

/// Review 23 C-9: `※ 記載のない統制目標は適用除外` under a pasted list (what every published list
/// means) refused the list as a status line; it passes now, the ids listed read, and a
/// note stating a status of its own is still refused.
#[test]
fn a_note_on_the_objectives_not_listed_passes() {
    let v = json_of(report(
        "review23-lead/checks-3items.csv",
        "review23-lead/C9-note-notlisted.txt",
        "2026-12-01",
    ));
    assert_eq!(by_id(&v["items"], "1")["status"], "covered", "{v}");
    let dir = tempfile::tempdir().unwrap();
    let csp = edited(
        &dir,
        "review23-lead/C9-note-notlisted.txt",
        "記載のない統制目標は適用除外",
        "記載の統制目標は一部適用除外",
    );
    let c = report_of(&data("review23-lead/checks-3items.csv"), &csp, "2026-12-01");
    input_error(c);
}

/// Review 23 A-5 in `readiness` (with fix32-out's own-registration finding): the same entry
/// without a renewal deadline, audited in 2020, is a lapsed registration there too — the
/// note names the cause, and `--fail-on missing` names it first.
#[test]
fn readiness_names_a_registration_lapsed_by_its_old_audit() {
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "readiness",
        "--as-of",
        "2026-12-01",
        "--format",
        "json",
    ])
    .arg("--implemented")
    .arg(data("review23-lead/A5-old-entry.txt"));
    let v = json_of(c);
    assert_eq!(v["registration_lapsed"], true, "{}", v["registry"]);
    let note = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["code"] == "registration-lapsed")
        .cloned()
        .unwrap_or_default();
    assert!(
        note["message"]
            .as_str()
            .unwrap_or_default()
            .contains("gives no renewal deadline, and its audit period (2020-04-01"),
        "{note}"
    );
    let out = bin()
        .args([
            "--lang",
            "en",
            "readiness",
            "--as-of",
            "2026-12-01",
            "--fail-on",
            "missing",
        ])
        .arg("--implemented")
        .arg(data("review23-lead/A5-old-entry.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("registration lapsed (audit period ended over 16 months ago)"),
        "{stderr}"
    );
}
