//! Session 14 fix32-notes: the buyer check list's notes and claims (review 23,
//! C-7, C-8, fix31-notes' leftovers, review 21 A-4 in the references column).
//!
//! Fixtures: `tests/data/fix32-notes/`. Run as of 2026-12-07 on `examples/csp-list.txt` (9.2.1
//! and 9.2.2 stated implemented). An item whose id starts with `A-` must be not analysed (with
//! a `note-against` problem, or an unresolved reference for `refs.csv`), one starting with `C-`
//! covered: each new refusal has the ordinary spelling beside it still read.
mod common;

use std::path::Path;

use common::{bin, data, example, input_error};

/// `report --checks FILE --csp examples/csp-list.txt --as-of 2026-12-07 --format json`.
fn report(checks: &Path) -> assert_cmd::Command {
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "report",
        "--as-of",
        "2026-12-07",
        "--checks",
    ])
    .arg(checks)
    .arg("--csp")
    .arg(example("csp-list.txt"))
    .args(["--format", "json"]);
    c
}

/// The items of the JSON report on `checks`.
fn items(checks: &Path) -> Vec<serde_json::Value> {
    let v = common::json_of(report(checks));
    v["items"].as_array().unwrap().clone()
}

/// Checks every item by its id: `A-…` not analysed with a `note-against` problem naming
/// `column`, `C-…` covered. Returns how many items there were.
fn by_prefix(checks: &Path, column: &str) -> usize {
    let items = items(checks);
    let name = checks.display();
    for item in &items {
        let id = item["id"].as_str().unwrap();
        if id.starts_with("A-") {
            assert_eq!(item["status"], "not-analysed", "{name} {item}");
            assert!(
                item["problems"].as_array().is_some_and(|p| p
                    .iter()
                    .any(|p| p["field"] == "note-against" && p["column"] == column)),
                "{name} {item}"
            );
        } else {
            assert_eq!(item["status"], "covered", "{name} {item}");
        }
    }
    items.len()
}

/// `tests/data/fix32-notes/NAME` with its header `from` written `to`, in `dir`.
fn under(dir: &tempfile::TempDir, name: &str, from: &str, to: &str) -> std::path::PathBuf {
    let text = std::fs::read_to_string(data(&format!("fix32-notes/{name}"))).unwrap();
    let path = dir.path().join(format!("{to}.csv"));
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    path
}

/// Review 23 A-2: work put off to a next review, audit, version or release (`次回見直しで対応`,
/// `次回監査で対応`, `次バージョンで対応`, `次期リリースで対応`, `次の更新で是正`) was covered.
/// Guards covered: `対応済`, a next review's date alone (`次回見直し 2027年3月`), a resolved word
/// with its source (`是正済（監査報告書参照）`).
#[test]
fn work_put_off_to_a_next_time_is_not_analysed() {
    assert_eq!(by_prefix(&data("fix32-notes/next.csv"), "備考"), 8);
}

/// Review 23 A-6: a none from an audit with no audit since (`前回監査で指摘なし（以降監査なし）`,
/// `指摘なし（その後の監査なし）`, `No findings (no audit since 2022)`) was covered. Guards
/// covered: `2019年度以降指摘なし` (no finding since 2019, up to now), `前回監査で指摘なし`,
/// `監査指摘なし`.
#[test]
fn a_none_with_no_audit_since_is_stale() {
    assert_eq!(by_prefix(&data("fix32-notes/stale.csv"), "備考"), 8);
}

/// Review 23 A-3: work started or stopped (`対応開始済`, `対応着手`, `着手済`, `確認中止`,
/// `対応中断`, `是正作業開始`) was covered. Guards covered: `運用開始済` (in operation), `対応済`,
/// `確認済`, a control that stops something (`異常時は処理を中止する設定を確認済`).
#[test]
fn work_started_or_stopped_is_not_done() {
    assert_eq!(by_prefix(&data("fix32-notes/started.csv"), "備考"), 10);
}

/// Review 23 A-11: a later date after a full-width or long dash (`是正済－2027年3月`,
/// `是正済—2027年3月`, `対応－2027年3月`) was covered: read as
/// `是正済 - 2027年3月` is. Guards covered: the same with 2025 after every dash (`是正済ー2025年3月`
/// was refused for its dash).
#[test]
fn a_date_after_a_dash_is_read() {
    assert_eq!(by_prefix(&data("fix32-notes/dash.csv"), "備考"), 10);
}

/// Review 23 A-16 in notes: a record being updated (`（更新中）`, `対応済（更新中）`,
/// `手順書更新中`) was covered. Guards covered: `更新済`, `手順書は更新済み`.
#[test]
fn a_note_being_updated_is_not_analysed() {
    assert_eq!(by_prefix(&data("fix32-notes/updating.csv"), "備考"), 5);
}

/// Review 23 C-7: a claim of done dated in the fiscal year (or month) holding --as-of
/// (`2026年度対応済`, `（2026年度追加）`, `是正済（2026年12月）` as of 2026-12-07) was not analysed:
/// now covered. Still not analysed: `2027年度対応済`, `2026年度対応` (planned, no done word), a
/// day after --as-of (`是正済（2026年12月31日）`), `（2027年度追加）`. Under `コメント` too, and
/// the claims under `ステータス`.
#[test]
fn a_claim_done_in_the_period_holding_as_of_reads() {
    assert_eq!(by_prefix(&data("fix32-notes/current-fy.csv"), "備考"), 8);
    let dir = tempfile::tempdir().unwrap();
    let path = under(&dir, "current-fy.csv", "備考", "コメント");
    by_prefix(&path, "コメント");
    // under a status the claims (`（2026年度追加）` is no status: the status rule's)
    let path = under(&dir, "current-fy.csv", "備考", "ステータス");
    let text = std::fs::read_to_string(&path).unwrap();
    let kept: Vec<&str> = text.lines().filter(|l| !l.contains("追加")).collect();
    std::fs::write(&path, kept.join("\n")).unwrap();
    assert_eq!(by_prefix(&path, "ステータス"), 6);
}

/// Review 23 C-8: a `是正状況` column refused the whole list for one `2026年度対応済` (and
/// `未是正`): now read item by item as a status column — settled (`是正済`, `完了`, `なし`,
/// blank, `2026年度対応済`) covered, `未是正`, `是正中`, `是正済（2027年3月）` not analysed.
#[test]
fn a_remediation_status_column_is_read_item_by_item() {
    assert_eq!(
        by_prefix(&data("fix32-notes/remediation-status.csv"), "是正状況"),
        8
    );
    let dir = tempfile::tempdir().unwrap();
    let path = under(&dir, "remediation-status.csv", "是正状況", "改善状況");
    by_prefix(&path, "改善状況");
}

/// fix31-notes' leftovers: a title's bracket describing the requirement — a condition with
/// what to do then (`（未対応の場合は報告）`, `（異常の場合は管理者へ通知）`) or things in a state
/// (`（調査中のものを含む）`) — was read as a remark: now covered. Still not analysed: the answer's
/// state (`（CSP回答待ちのものを含む）`), a condition alone (`（未実施の場合）`), the items being
/// checked (`（確認中の項目を含む）`), a condition with a pending word (`（未対応の場合は要確認）`).
#[test]
fn a_title_bracket_describing_the_requirement_reads() {
    assert_eq!(by_prefix(&data("fix32-notes/titles.csv"), "確認項目"), 8);
}

/// Review 21 A-4: a references cell closing with "and more" (`9.2.1 ...`, `9.2.1 ・・・`,
/// `9.2.1 +`, `9.2.1 …`, `9.2.1, 9.2.2 ...`) credited 9.2.1 alone: now the reference is
/// qualified (unresolved, the item not analysed), as `9.2.1 等` and `9.2.1 など` were. Guards
/// covered: `9.2.1`, `9.2.1 + 9.2.2`, `9.2.1・9.2.2`, `9.2.1, 9.2.2`.
#[test]
fn a_reference_closing_with_and_more_is_qualified() {
    let items = items(&data("fix32-notes/refs.csv"));
    assert_eq!(items.len(), 11);
    for item in &items {
        let id = item["id"].as_str().unwrap();
        if id.starts_with("A-") {
            assert_eq!(item["status"], "not-analysed", "{item}");
            let unresolved = item["unresolved"].as_array().unwrap();
            assert!(unresolved.iter().any(|u| u["why"] == "qualified"), "{item}");
        } else {
            assert_eq!(item["status"], "covered", "{item}");
        }
    }
}

/// The list is still refused where a remediation column's header is no status
/// (`是正要否` → more work asked: only a no reads there).
#[test]
fn a_remediation_column_that_is_no_status_still_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let path = under(&dir, "remediation-status.csv", "是正状況", "是正要否");
    let err = input_error(report(&path));
    assert!(err.contains("是正要否"), "{err}");
}

/// Review 23 B-1: a pending answer, a self-assessment and a stale none each have their own
/// words in the item's procedure (they shared "records the item not done, deferred, in part
/// or a finding"); anything else keeps those.
#[test]
fn each_cause_of_a_note_has_its_own_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("causes.csv");
    std::fs::write(
        &path,
        "項番,確認項目,ISMAP管理策,備考\n\
         A-1,利用者登録,9.2.1,確認中\n\
         A-2,利用者登録,9.2.1,是正済（自己評価）\n\
         A-3,利用者登録,9.2.1,前回監査で指摘なし（以降監査なし）\n\
         A-4,利用者登録,9.2.1,2027年度対応予定\n",
    )
    .unwrap();
    let items = items(&path);
    let text = |i: usize| items[i]["additional_procedures"].to_string();
    assert!(
        text(0).contains("answer not given or still being checked"),
        "{}",
        text(0)
    );
    assert!(
        text(1).contains("own assessment or not final"),
        "{}",
        text(1)
    );
    assert!(text(2).contains("no audit since"), "{}", text(2));
    assert!(
        text(3).contains("not done, deferred, in part"),
        "{}",
        text(3)
    );
    for i in 0..3 {
        assert!(
            !text(i).contains("not done, deferred, in part"),
            "{}",
            text(i)
        );
    }
}
