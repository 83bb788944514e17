//! Hostile review 6 of the status-table readers, fixed fail closed: a record-date cell
//! (`有効期限`, `次回レビュー日`) is exempt from the as-of comparison only when it is a date
//! alone, a remark's future date is skipped only when that date itself is said to be of
//! something else, and words beside a record date are kept.
mod common;

use common::{by_id, data, input_error, json_of};

fn fixture(name: &str) -> std::path::PathBuf {
    data(&format!("csp-input/review6/{name}"))
}

/// `report --checks k.csv --csp CSP --as-of 2026-04-01 --format json` in English.
fn report(csp: &str) -> assert_cmd::Command {
    let mut c = common::bin();
    c.args(["--lang", "en", "report", "--checks"])
        .arg(fixture("k.csv"))
        .arg("--csp")
        .arg(fixture(csp))
        .args(["--as-of", "2026-04-01", "--format", "json"]);
    c
}

/// F-06: under a record-date header, words beside the date are a remark's: a future date
/// said to be when something is applied or introduced is refused, and so is a record said
/// to have lapsed (`失効`), naming the row, the column and the text.
#[test]
fn words_beside_a_record_date_are_read() {
    for (file, column, text, what) in [
        (
            "r06-valid-from.csv",
            "有効期限",
            "2027-04-01から適用",
            "gives a date after the as-of date",
        ),
        (
            "r06-in-effect-after.csv",
            "有効期限",
            "2027-04-01以降有効",
            "gives a date after the as-of date",
        ),
        (
            "r06-review-applied.csv",
            "次回レビュー日",
            "2027-04-01（本番適用）",
            "gives a date after the as-of date",
        ),
        (
            "r06-confirmed-introduced.csv",
            "最終確認日",
            "2027-04-01 導入",
            "gives a date after the as-of date",
        ),
        // a validity ended before the as-of date (review 11 A-18, session 8): said so
        // before the word `失効`
        (
            "r06-lapsed.csv",
            "有効期限",
            "2025-03-31（失効）",
            "says it ran until a date before the as-of date 2026-04-01 ('2025-03-31')",
        ),
        (
            "r06-expired.csv",
            "有効期限",
            "'2025-03-31'",
            "says it ran until a date before the as-of date 2026-04-01 ('2025-03-31')",
        ),
    ] {
        let err = input_error(report(file));
        assert!(err.contains("row 3"), "{file}: {err}");
        assert!(err.contains(&format!("column '{column}'")), "{file}: {err}");
        assert!(err.contains(text), "{file}: {err}");
        assert!(err.contains(what), "{file}: {err}");
    }
}

/// F-06: a record date alone is the header's: a future expiry or next review is read; a
/// next time that has passed (an overdue review) and a limit written with words
/// (`2027年3月31日まで`) are kept as the row's remark, never dropped (an expired validity is
/// refused since review 11 A-18: above).
#[test]
fn a_record_date_alone_is_read_and_a_passed_limit_is_kept() {
    for (file, kept) in [
        ("r06-date-alone.csv", None),
        ("r06-overdue.csv", Some("2025-01-01")),
        ("r06-limit-until.csv", Some("2027年3月31日まで")),
    ] {
        let v = json_of(report(file));
        let k1 = by_id(&v["items"], "K-1");
        assert_eq!(k1["status"], "covered", "{file}: {k1}");
        let remarks = k1["csp_remarks"].to_string();
        match kept {
            Some(text) => {
                assert!(remarks.contains(text), "{file}: {k1}");
                assert!(
                    k1["reasons"].to_string().contains("csp-remark"),
                    "{file}: {k1}"
                );
            }
            None => assert!(!remarks.contains("2027"), "{file}: {k1}"),
        }
    }
}

/// F-07: a remark's future date is passed over only when that date itself is said to be of
/// something else: the 次回 of one date does not exempt another, and a validity period that
/// has not begun is not in effect.
#[test]
fn a_skip_word_governs_its_own_date_only() {
    for (file, date) in [
        ("r07-other-date.csv", "2027年4月"),
        ("r07-not-started.csv", "2027年4月1日"),
    ] {
        let err = input_error(report(file));
        assert!(err.contains("column '備考'"), "{file}: {err}");
        assert!(
            err.contains(&format!(
                "gives a date after the as-of date 2026-04-01 ('{date}')"
            )),
            "{file}: {err}"
        );
    }
    let v = json_of(report("r07-next-only.csv"));
    let k1 = by_id(&v["items"], "K-1");
    assert_eq!(k1["status"], "covered", "{k1}");
    assert!(
        k1["csp_remarks"].to_string().contains("次回は2027年3月"),
        "{k1}"
    );
}

/// F-08: an exclusion "reason" made only of the status restated, a pointer to elsewhere, a
/// ditto mark or filler (`非該当のため`, `別紙1参照`, `特になし（※）`, `該当事項なし`, `不要`,
/// `Nothing to note`) gives none: readiness counts the six objectives as excluded without a
/// reason.
#[test]
fn a_reason_that_gives_no_cause_is_none() {
    let mut c = common::bin();
    c.args(["--lang", "en", "readiness", "--implemented"])
        .arg(fixture("f08-no-cause.csv"))
        .args(["--as-of", "2026-04-01", "--format", "json"]);
    let v = json_of(c);
    let ids: Vec<&str> = v["na_without_reason"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| x.as_str())
        .collect();
    for id in ["11.1.1", "11.1.2", "11.1.3", "11.1.4", "11.1.5", "11.1.6"] {
        assert!(ids.contains(&id), "{id}: {ids:?}");
    }
}

/// F-16: a GRC export's record-date headers without `日`/`date` (`Last Reviewed`, `Next
/// Review`) are record dates: a next review after the as-of date is read, not refused as a
/// later implementation; `Review Due`, `確認予定日`, `次回見直し`, `Updated` likewise.
#[test]
fn record_date_headers_of_a_grc_export_are_read() {
    let v = json_of(report("f16-grc.csv"));
    assert_eq!(by_id(&v["items"], "K-1")["status"], "covered");
    assert_eq!(by_id(&v["items"], "K-2")["status"], "covered");
    // headers: Next Review, Last Review, Updated, 次回見直し, Review Due, 確認予定日
    for i in 0..6 {
        let file = format!("f16-header-{i}.csv");
        let v = json_of(report(&file));
        assert_eq!(by_id(&v["items"], "K-1")["status"], "covered", "{file}");
    }
}

/// F-15: a total row under a status table (`合計,3`, `実施数,3件`, `,3`) is table furniture:
/// read past, counted among the rows not read, crediting nothing; a count on a row with an
/// id is still an unknown status.
#[test]
fn a_total_row_is_table_furniture() {
    for file in ["f15-total.csv", "f15-count.csv", "f15-no-label.csv"] {
        let v = json_of(report(file));
        assert_eq!(by_id(&v["items"], "K-1")["status"], "covered", "{file}");
        assert_eq!(v["csp"]["ignored_tokens"], 1, "{file}: {}", v["csp"]);
    }
    let err = input_error(report("f15-id-count.csv"));
    assert!(err.contains("unknown status '3' for 11.1.1"), "{err}");
}

/// F-11: a pasted entry's 改善計画 naming a detail under an implemented objective
/// (`9.2.3.11.PB`), the category over it (`9.2全般`, `A.9.2`, its title 利用者アクセスの管理),
/// its id after `No.` or with hyphens (`9-2-3`), or a near form of its English title refuses
/// it, as its own id does; a plan naming no control (a date with hyphens) is read.
#[test]
fn a_plan_naming_a_detail_or_category_refuses_what_is_under_it() {
    let page = std::fs::read_to_string(common::example("csp-list-page.txt")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (value, names) in [
        ("有（9.2.3.11.PB）", "names 9.2.3.11.PB"),
        ("有（9.2全般）", "names 9.2,"),
        ("有（A.9.2）", "names A.9.2,"),
        ("有（No.9.2.3）", "names 9.2.3,"),
        // the remainder: a category by its title, an id with hyphens, English near titles
        (
            "有（利用者アクセスの管理）",
            "names 9.2 ('利用者アクセスの管理')",
        ),
        ("有（9-2-3）", "names 9.2.3,"),
        ("有（No.9-2-3）", "names 9.2.3,"),
        (
            "Yes (privileged access rights management)",
            "names what may be 9.2.3",
        ),
        (
            "Yes (management of privileged access)",
            "names what may be 9.2.3",
        ),
        ("有（2025.4に見直し）", ""),
        ("有（2025-10-01に見直し）", ""),
    ] {
        let text: String = page
            .lines()
            .map(|l| {
                if l.starts_with("改善計画の有無\t") {
                    format!("改善計画の有無\t{value}\n")
                } else {
                    format!("{l}\n")
                }
            })
            .collect();
        assert!(text.contains(value));
        let path = dir.path().join("entry.txt");
        std::fs::write(&path, text).unwrap();
        let mut c = common::bin();
        c.args(["--lang", "en", "report", "--checks"])
            .arg(fixture("k.csv"))
            .arg("--csp")
            .arg(&path)
            .args(["--as-of", "2026-04-01", "--format", "json"]);
        if names.is_empty() {
            let v = json_of(c);
            // read; an improvement plan leaves the item short of covered (review 11, D-3)
            assert_eq!(
                by_id(&v["items"], "K-2")["status"],
                "assurance-gap",
                "{value}"
            );
        } else {
            let err = input_error(c);
            assert!(
                err.contains(names) && err.contains("in the field '改善計画の有無'"),
                "{value}: {err}"
            );
        }
    }
}

/// The CSP's remarks on an item, as JSON text.
fn remarks_of(v: &serde_json::Value, item: &str) -> Vec<String> {
    by_id(&v["items"], item)["csp_remarks"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| r["remark"].as_str().unwrap_or_default().to_owned())
        .collect()
}

fn evidence_of(v: &serde_json::Value, item: &str) -> Vec<String> {
    by_id(&v["items"], item)["csp_evidence"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| r["remark"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// F-09: the evidence and owner cells of an implemented row are kept for the reader,
/// named (`証跡: テスト環境の記録`, `担当: 開発チーム（検証環境）`), apart from the row's
/// remark (`csp_evidence` and the procedure `csp-evidence`, no note on the item since fix
/// 9: a GRC export names them on every row); on a B/PB detail they reach the item that
/// references its objective; a dash alone says nothing. The item stays covered.
#[test]
fn evidence_and_owner_of_an_implemented_row_are_kept() {
    let v = json_of(report("f09-evidence.csv"));
    assert_eq!(
        evidence_of(&v, "K-1"),
        ["evidence: テスト環境の記録"],
        "{v}"
    );
    assert!(remarks_of(&v, "K-1").is_empty(), "{v}");
    assert!(evidence_of(&v, "K-2").is_empty(), "{v}");
    let v = json_of(report("f09-detail-evidence.csv"));
    assert_eq!(
        evidence_of(&v, "K-2"),
        ["9.2.3.11.PB: evidence: テスト環境の記録"],
        "{v}"
    );
    let v = json_of(report("f09-owner.csv"));
    assert_eq!(
        evidence_of(&v, "K-1"),
        ["owner: 開発チーム（検証環境）"],
        "{v}"
    );
    assert_eq!(remarks_of(&v, "K-2"), ["備考: 手順書あり"], "{v}");
    assert_eq!(evidence_of(&v, "K-2"), ["evidence: SOC2報告書.pdf"], "{v}");
    assert!(evidence_of(&v, "K-3").is_empty(), "{v}");
    let k1 = by_id(&v["items"], "K-1");
    assert_eq!(k1["status"], "covered", "{k1}");
    assert!(!k1["reasons"].to_string().contains("csp-remark"), "{k1}");
    assert!(
        k1["additional_procedures"]
            .to_string()
            .contains("csp-evidence"),
        "{k1}"
    );
    let k2 = by_id(&v["items"], "K-2");
    assert_eq!(k2["status"], "covered", "{k2}");
    assert!(k2["reasons"].to_string().contains("csp-remark"), "{k2}");
}

/// Left open by review 6: a profile reached through `inherits:` is scanned for ISMAP-LIU
/// like the main input: the IaaS under a SaaS states ISMAP and its 後発事象 mentions
/// ISMAP-LIU → refused, naming the IaaS's file and line.
#[test]
fn an_inherited_profile_mentioning_liu_is_refused_like_the_main_input() {
    let err = input_error(report("inherit/saas-on-liu-mention.yaml"));
    assert!(
        err.contains("iaas-liu-mention.yaml: line 7")
            && err.contains(
                "mentions ISMAP-LIU here ('subsequent_events: 2025年10月にISMAP-LIUへ区分変更')"
            ),
        "{err}"
    );
}

/// F-14: a formula without a value above the header is named by its cell alone (`cell A1`,
/// row 1), not by a column: no column is known above the header.
#[test]
fn a_formula_above_the_header_names_its_cell_not_a_column() {
    let err = input_error(report("f14-formula-above.xlsx"));
    assert!(
        err.contains("row 1: cell A1 holds a formula without a calculated value"),
        "{err}"
    );
    assert!(!err.contains("column '"), "{err}");
}
