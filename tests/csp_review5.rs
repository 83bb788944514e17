//! Hostile review 5 of the CSP input readers, fixed fail closed: a formula cell without a
//! calculated value is refused, hidden sheets are named, a "reason" that gives none is no
//! reason, every remark a row carries reaches the report, a date that is not when the
//! control was implemented is not compared with the as-of date, and a detail's remark
//! reaches the item that references its objective.
mod common;

use common::{by_id, data, input_error, json_of, strings};

fn fixture(name: &str) -> std::path::PathBuf {
    data(&format!("csp-input/review5/{name}"))
}

/// `report --checks CHECKS --csp CSP --as-of 2026-04-01 --format json` in English.
fn report(checks: &str, csp: &std::path::Path) -> assert_cmd::Command {
    report_as(checks, csp, "json")
}

fn report_as(checks: &str, csp: &std::path::Path, format: &str) -> assert_cmd::Command {
    let mut c = common::bin();
    c.args(["--lang", "en", "report", "--checks"])
        .arg(fixture(checks))
        .arg("--csp")
        .arg(csp)
        .args(["--as-of", "2026-04-01", "--format", format]);
    c
}

/// A-fx-1: an xlsx cell holding a formula without a calculated value (as openpyxl and
/// export scripts write) reads as empty; on a status table it is refused, naming the cell,
/// never read as an empty remark, date or status.
#[test]
fn a_formula_without_a_value_is_refused() {
    for (file, column) in [
        ("y10-formula-remark.xlsx", "column '備考'"),
        ("y7-formula.xlsx", "column '実施日'"),
        ("y11-formula-status.xlsx", "column '実施状況'"),
    ] {
        let err = input_error(report("k.csv", &fixture(file)));
        assert!(err.contains("sheet 'SoA'"), "{file}: {err}");
        assert!(err.contains("row 144"), "{file}: {err}");
        assert!(err.contains(column), "{file}: {err}");
        assert!(
            err.contains("formula without a calculated value"),
            "{file}: {err}"
        );
        assert!(err.contains("save it"), "{file}: {err}");
    }
}

/// B-hid-1: the hidden sheets of a CSP workbook (here a drop-down list, a master list of
/// ids and titles, and an old status table agreeing with the visible one) are not read, and
/// every format says so: a warning naming them (stderr, and the JSON's warnings).
#[test]
fn a_hidden_csp_sheet_is_named_in_a_warning() {
    let csp = fixture("hidden-lists.xlsx");
    let v = json_of(report("k.csv", &csp));
    assert_eq!(by_id(&v["items"], "K-1")["status"], "covered");
    let w = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "csp-hidden-sheets")
        .unwrap_or_else(|| panic!("{}", v["warnings"]));
    assert!(
        w["message"]
            .as_str()
            .unwrap()
            .contains(": 選択肢, マスタ, old;"),
        "{w}"
    );
    for format in ["table", "csv", "md"] {
        let out = report_as("k.csv", &csp, format).output().unwrap();
        let all = String::from_utf8_lossy(&out.stdout).to_string()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(
            all.contains(
                "The hidden sheets of the workbook hidden-lists.xlsx were not read: 選択肢, マスタ, old"
            ),
            "{format}: {all}"
        );
    }
    let out = common::bin()
        .args(["--lang", "ja", "readiness", "--implemented"])
        .arg(&csp)
        .args(["--as-of", "2026-04-01"])
        .output()
        .unwrap();
    let all =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        all.contains("非表示のシートは読んでいません: 選択肢, マスタ, old"),
        "{all}"
    );
}

/// B-hid-1: a hidden sheet that is a status table stating a control otherwise than a
/// visible sheet (`old`: 9.2.1 未実施; `SoA`: 9.2.1 実施) makes the workbook contradict
/// itself: refused, naming both; `--csp-sheet SoA` reads the one sheet.
#[test]
fn a_hidden_sheet_contradicting_a_visible_one_is_refused() {
    let csp = fixture("x7-hidden-sheet.xlsx");
    let err = input_error(report("k.csv", &csp));
    assert!(err.contains("sheet 'old': row 2"), "{err}");
    assert!(
        err.contains("the hidden sheet states 9.2.1 not implemented, but the visible sheet 'SoA' states 9.2.1 implemented on row 144"),
        "{err}"
    );
    // the workbook states no registration kind: read, 9.2.1 implemented, the item an
    // assurance gap until the kind is stated
    let v = json_of(report("k.csv", &csp).args(["--csp-sheet", "SoA"]));
    let k1 = by_id(&v["items"], "K-1");
    assert_eq!(strings(&k1["implemented"]), ["9.2.1"], "{k1}");
    assert_eq!(k1["status"], "assurance-gap", "{k1}");
}

/// The statuses, reasons and remarks of the items of a JSON report, by id.
fn items(v: &serde_json::Value) -> Vec<(String, String, Vec<String>, Vec<String>)> {
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
                i["csp_remarks"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .map(|r| r["remark"].as_str().unwrap().to_owned())
                            .collect()
                    })
                    .unwrap_or_default(),
            )
        })
        .collect()
}

/// B-na-1: a not-applicable row whose "reason" gives none — `特記事項なし` ("nothing in
/// particular"), `後日提出` ("to be submitted later"), `TBD`, `-`, or the control's own
/// description under `説明` (text starting with its catalog title) — is excluded without a
/// reason; a reason that gives a cause is kept.
#[test]
fn a_reason_that_gives_none_is_no_reason() {
    let v = json_of(report("na-checks.csv", &fixture("na-reasons.csv")));
    let got: Vec<(String, bool)> = items(&v)
        .into_iter()
        .map(|(id, _, reasons, _)| {
            (
                id,
                reasons.iter().any(|r| r == "not-applicable-without-reason"),
            )
        })
        .collect();
    let without = |id: &str| got.iter().find(|(i, _)| i == id).unwrap().1;
    for id in ["N-1", "N-2", "N-3", "N-4", "N-5"] {
        assert!(without(id), "{id}: {got:?}");
    }
    assert!(!without("N-6"), "{got:?}");
    let n6 = by_id(&v["items"], "N-6");
    assert!(strings(&n6["reasons"]).contains(&"not-applicable"), "{n6}");
}

/// A-rem-3 and B-rem-4: on a row stated implemented, every filled column the reader does
/// not use otherwise (a remark, a comment, a description of the implementation such as
/// `実施内容`) is kept as the CSP's remark, each named by its column when there are more
/// than one, line breaks collapsed; the evidence is kept apart (`csp_evidence`, `証跡: AC-01`,
/// review 6 F-09, no note on the item since fix 9); a row number, the catalog title and a
/// date under a date header are not remarks. And C-date-2: `最終確認日` after the as-of
/// date is not read as an implementation date.
#[test]
fn every_remark_of_an_implemented_row_is_kept() {
    let v = json_of(report("rem-checks.csv", &fixture("rem-columns.csv")));
    let mut got = items(&v);
    let remarks = |id: &str| got.iter().find(|i| i.0 == id).unwrap().3.clone();
    let evidence = |id: &str| {
        by_id(&v["items"], id)["csp_evidence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["remark"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        remarks("R-1"),
        ["備考: 手順書あり; コメント: 四半期ごとに棚卸し; 実施内容: 退職者のIDは 即日無効化"],
        "{got:?}"
    );
    assert_eq!(evidence("R-1"), ["evidence: AC-01"], "{got:?}");
    assert_eq!(
        remarks("R-2"),
        ["実施内容: 申請・承認の記録を保管"],
        "{got:?}"
    );
    assert_eq!(evidence("R-2"), ["evidence: AC-02"], "{got:?}");
    // the evidence alone is kept too (review 6 F-09), but is no remark
    assert!(remarks("R-3").is_empty(), "{got:?}");
    assert_eq!(evidence("R-3"), ["evidence: AC-03"], "{got:?}");
    let r3 = by_id(&v["items"], "R-3");
    assert!(!strings(&r3["reasons"]).contains(&"csp-remark"), "{r3}");
    assert!(
        r3["additional_procedures"]
            .to_string()
            .contains("csp-evidence"),
        "{r3}"
    );
    got.retain(|i| i.0 != "R-3");
    for (id, status, reasons, _) in &got {
        assert_eq!(status, "covered", "{id}");
        assert!(
            reasons.iter().any(|r| r == "csp-remark"),
            "{id}: {reasons:?}"
        );
    }
}

/// C-date-2: the bundled status table's `最終確認日` (2025/03/01, the date the table was
/// last confirmed) is not an implementation date: a report on an earlier as-of date runs,
/// with warning `csp-confirmed-after-as-of` saying what the date means (none on a later
/// as-of date).
#[test]
fn the_bundled_status_table_reads_on_an_earlier_as_of_date() {
    let run = |as_of: &str| {
        let mut c = common::bin();
        c.args(["--lang", "en", "report", "--checks"])
            .arg(common::example("checks.csv"))
            .arg("--csp")
            .arg(common::example("csp-status-table.csv"))
            .args(["--as-of", as_of, "--format", "json"]);
        json_of(c)
    };
    let confirmed = |v: &serde_json::Value| {
        v["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["code"] == "csp-confirmed-after-as-of")
            .map(|w| w["message"].as_str().unwrap().to_owned())
    };
    let v = run("2025-01-01");
    assert_eq!(v["as_of"], "2025-01-01");
    let w = confirmed(&v).expect("csp-confirmed-after-as-of");
    assert!(
        w.contains("confirmed or updated on 2025/03/01, after the as-of date"),
        "{w}"
    );
    assert_eq!(confirmed(&run("2026-04-01")), None);
}

/// C-date-1: a future date the text says is not of the implementation — a retention or
/// validity period, a next review, a column naming an expiry or a next review — does not
/// refuse the row; a future date that says when the control is (or was) implemented still
/// does, also beside a retention period.
#[test]
fn only_a_date_of_the_implementation_is_compared_with_the_as_of_date() {
    let v = json_of(report("rem-checks.csv", &fixture("dates-harmless.csv")));
    for (id, status, _, remarks) in items(&v) {
        assert_eq!(status, "covered", "{id}");
        assert_eq!(remarks.len(), 1, "{id}: the remark is kept");
    }
    for (file, word) in [
        ("date-planned.csv", "('予定')"),
        ("date-from.csv", "('2027年4月')"),
        ("date-mixed.csv", "('2030年')"),
    ] {
        let err = input_error(report("rem-checks.csv", &fixture(file)));
        assert!(err.contains("row 2: column '備考'"), "{file}: {err}");
        assert!(err.contains(word), "{file}: {err}");
    }
}

/// B-det-2: a remark on a basic requirement (9.2.3.11.PB) reaches the item that references
/// its objective (9.2.3), named by the detail.
#[test]
fn a_basic_requirement_remark_reaches_its_objective() {
    let v = json_of(report("dk.csv", &fixture("detail-remark.csv")));
    let d1 = by_id(&v["items"], "D-1");
    assert_eq!(d1["status"], "covered");
    assert!(strings(&d1["reasons"]).contains(&"csp-remark"), "{d1}");
    assert_eq!(
        d1["csp_remarks"][0]["remark"], "9.2.3.11.PB: 備考: 特権IDは四半期ごとに棚卸し",
        "{d1}"
    );
}

/// C-cmt-3: the note Japanese Excel writes beside a threaded comment for older versions
/// (`[スレッド化されたコメント]` … its notice, which holds `ただし` … `コメント:`) gives way to
/// the comment itself: the notice's `ただし` is Excel's, not the CSP's.
#[test]
fn japanese_excel_threaded_comment_notice_is_not_the_csp_s_words() {
    let v = json_of(report("k.csv", &fixture("z1-ja-notice.xlsx")));
    let k1 = by_id(&v["items"], "K-1");
    // read, 9.2.1 implemented (the workbook states no registration kind: an assurance gap)
    assert_eq!(strings(&k1["implemented"]), ["9.2.1"], "{k1}");
    assert_eq!(
        k1["csp_remarks"][0]["remark"], "手順書 AC-01 に基づき実施",
        "{k1}"
    );
}

/// C-na-2: an explanation (`説明`) restating the status of its row (`対象外`, `該当なし` on a
/// row stated 非該当) is no second status column: the row is excluded without a reason.
/// Under a row stated implemented, the same word still contradicts it.
#[test]
fn an_explanation_restating_the_status_is_no_second_status_column() {
    let v = json_of(report("na-checks.csv", &fixture("na-explained-status.csv")));
    for (id, without) in [("N-1", true), ("N-2", true), ("N-3", false)] {
        let item = by_id(&v["items"], id);
        assert_eq!(
            strings(&item["reasons"]).contains(&"not-applicable-without-reason"),
            without,
            "{item}"
        );
    }
    let err = input_error(report(
        "na-checks.csv",
        &fixture("na-explained-contradicts.csv"),
    ));
    assert!(err.contains("more than one status column"), "{err}");
}

/// C-rem-1: a practice that goes on (`今後も継続`, "will continue") is not a deferral;
/// `今後対応` ("to be handled later") still is.
#[test]
fn a_practice_that_goes_on_is_not_deferred() {
    let v = json_of(report("rem-checks.csv", &fixture("rem-continues.csv")));
    for (id, status, _, _) in items(&v) {
        assert_eq!(status, "covered", "{id}");
    }
    let err = input_error(report("rem-checks.csv", &fixture("rem-later.csv")));
    assert!(err.contains("('今後')"), "{err}");
}

/// D-txt-1: a note pasted below a published list's last field (the audit period, whole on
/// its line) is read as itself — refused for what it says — not glued to the period.
#[test]
fn a_note_after_the_audit_period_is_read_as_itself() {
    let mut c = common::bin();
    c.args(["--lang", "en", "report", "--checks"])
        .arg(common::example("checks.csv"))
        .arg("--csp")
        .arg(fixture("list-note-after-period.txt"))
        .args(["--as-of", "2026-04-01"]);
    let err = input_error(c);
    assert!(
        err.contains("'※ 東京リージョンのみ' negates, excludes, defers or qualifies ('のみ')"),
        "{err}"
    );
    assert!(!err.contains("is not a period"), "{err}");
}

/// A-ip-1: a pasted entry's improvement plan or subsequent event naming an objective the
/// list states implemented by a near form of its title (`利用者登録・削除` for
/// 利用者登録及び登録削除, `特権アクセス権の管理` for 特権的アクセス権の管理) is refused as the
/// exact title is: a near match may only refuse, never read anything.
#[test]
fn a_near_title_in_a_plan_or_event_is_refused() {
    for (file, id, line) in [
        ("entry-plan-near-title.txt", "9.2.1", "line 52"),
        ("entry-events-near-title.txt", "9.2.3", "line 51"),
    ] {
        let err = input_error(report("entry-checks.csv", &fixture(file)));
        assert!(err.contains(line), "{file}: {err}");
        assert!(
            err.contains(&format!("names what may be {id} (its title is")),
            "{file}: {err}"
        );
        assert!(err.contains("a near form of it"), "{file}: {err}");
    }
}

/// A service name that says it is on the LIU list (`サンプルSaaS（ISMAP-LIU登録）`) under the
/// ISMAP list's title puts the entry on the LIU list: the lesser assurance wins, and an
/// item needing ISMAP assurance is not covered by it.
#[test]
fn liu_in_the_service_name_is_liu() {
    let v = json_of(report(
        "entry-checks.csv",
        &fixture("entry-liu-in-name.txt"),
    ));
    assert_eq!(v["csp"]["registration_kind"], "ismap-liu", "{}", v["csp"]);
    let c01 = by_id(&v["items"], "C-01");
    assert_ne!(c01["status"], "covered", "{c01}");
    assert!(strings(&c01["reasons"]).contains(&"ismap-liu"), "{c01}");
}

/// A-rem-3 in `diff`: text added under a description of the implementation (`実施内容`) on
/// a row stated implemented is a change of the row's details, not "no differences".
#[test]
fn diff_sees_a_description_column_change() {
    let mut c = common::bin();
    c.args(["--lang", "en", "diff"])
        .arg(fixture("diff-old.csv"))
        .arg(fixture("diff-new.csv"))
        .args(["--as-of", "2026-04-01", "--fail-on-change"]);
    let out = c.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("details changed (reason)"), "{stdout}");
    assert!(stdout.contains("退職者のIDは即日無効化"), "{stdout}");
}

/// Review 5 (left open): an explanation (`説明`) on a row stated not applicable is its
/// reason only when it says why — a cause (`ため`, `側`, `because`) or what the service has
/// not or does not do (`行わない`, `なし`, `No …`); one that describes the control
/// (`本管理策は物理的な入退管理に関するもの`, `入退室の記録を管理すること`) gives none, even
/// when it does not start with the catalog title.
#[test]
fn an_explanation_describing_the_control_is_no_reason() {
    let v = json_of(report("na-checks.csv", &fixture("na-described.csv")));
    for (id, without) in [
        ("N-1", true),
        ("N-2", true),
        ("N-3", false),
        ("N-4", false),
        ("N-5", false),
        ("N-6", false),
    ] {
        let item = by_id(&v["items"], id);
        let reasons = strings(&item["reasons"]);
        assert_eq!(
            reasons.contains(&"not-applicable-without-reason"),
            without,
            "{item}"
        );
        assert_eq!(reasons.contains(&"not-applicable"), !without, "{item}");
    }
}
