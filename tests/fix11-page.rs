//! Review 11's findings on pasted ISMAP list entries and YAML profiles: a lapse date, a
//! renewal or a next review under a label of its own is refused, in a pasted entry and
//! above a status table's header; a note of a pasted list that refers to lost marks
//! or narrows the list is refused wherever it stands; `以上` / `（以下余白）` under the
//! ids is page furniture (C-6); a profile's comment outside the `implemented:` list that
//! names one of its ids is read by the remark rules.
mod common;

use std::path::{Path, PathBuf};

use common::{input_error, json_of, on_checks};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/fix11-page/{name}"))
}

/// A fixture template with its `{FACT}` and `{AFTER}` lines filled, written to `dir`.
fn filled(dir: &Path, template: &str, name: &str, fact: &str, after: &str) -> PathBuf {
    filled_with(dir, template, name, &[("{FACT}", fact), ("{AFTER}", after)])
}

/// A fixture template with each of its `{KEY}` lines replaced, written to `dir`.
fn filled_with(dir: &Path, template: &str, name: &str, keys: &[(&str, &str)]) -> PathBuf {
    let mut text = std::fs::read_to_string(data(template)).unwrap();
    for (key, value) in keys {
        text = text.replace(key, value);
    }
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// `profile.tmpl` with a comment at its head, above `implemented:` and below the list.
fn profile(dir: &Path, name: &str, head: &str, above: &str, below: &str) -> PathBuf {
    filled_with(
        dir,
        "profile.tmpl",
        name,
        &[("{HEAD}", head), ("{ABOVE}", above), ("{BELOW}", below)],
    )
}

fn report_json(lang: &str, csp: &Path) -> serde_json::Value {
    let mut c = on_checks(lang, "report", data("k.csv"));
    c.args(["--format", "json", "--csp"]).arg(csp);
    json_of(c)
}

fn report_error(lang: &str, csp: &Path) -> String {
    let mut c = on_checks(lang, "report", data("k.csv"));
    c.arg("--csp").arg(csp);
    input_error(c)
}

/// Runs in Japanese, expects exit status 2 and returns stderr.
fn report_error_ja(csp: &Path) -> String {
    let mut c = on_checks("ja", "report", data("k.csv"));
    c.arg("--csp").arg(csp);
    let out = c.output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.starts_with("エラー: "), "{stderr}");
    stderr
}

/// The items' statuses, in the order of their ids (K-1, K-2, K-3).
fn statuses(v: &serde_json::Value) -> Vec<String> {
    let mut items: Vec<(String, String)> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap().to_owned(),
                i["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    items.sort();
    items.into_iter().map(|(_, s)| s).collect()
}

/// a lapse date (`失効日`), a renewal (`次回更新`, `更新`, `更新時期`), a next review
/// (`次回審査`, `Next review`) or a deadline under a label the entry does not use is
/// refused, naming the line; it was passed over as a document's date ("no renewal
/// deadline given", covered).
#[test]
fn a_lapse_or_renewal_under_another_label_is_refused() {
    let e = report_error("en", &data("lapse-date.txt"));
    assert!(
        e.contains(
            "line 5: '失効日 2026年3月31日' reads as a fact of the ISMAP list entry ('失効')"
        ),
        "{e}"
    );
    let dir = tempfile::tempdir().unwrap();
    for (i, fact) in [
        "失効日\t2026年3月31日",
        "次回更新\t2026年3月31日",
        "次回更新日\t2026年3月31日",
        "更新\t2026年3月31日",
        "更新時期\t2026年3月",
        "次回審査\t2026年3月31日",
        "Next review\t2026-03-31",
        "Deadline\t2026-03-31",
        "ISMAP登録期限切れ",
    ]
    .iter()
    .enumerate()
    {
        let f = filled(dir.path(), "entry.tmpl", &format!("e{i}.txt"), fact, "");
        let e = report_error("en", &f);
        assert!(e.contains("line 6: '"), "{fact}: {e}");
        assert!(
            e.contains("reads as a fact of the ISMAP list entry"),
            "{fact}: {e}"
        );
    }
    // in Japanese too
    let e = report_error_ja(&data("lapse-date.txt"));
    assert!(e.contains("掲載項目('失効')のようですが"), "{e}");
}

/// `更新日` (the document's own date, or the registration's renewal) is read as the
/// document's only beside the renewal deadline and on or before the as-of date.
#[test]
fn an_update_date_is_the_documents_only_beside_the_deadline() {
    let dir = tempfile::tempdir().unwrap();
    let alone = filled(
        dir.path(),
        "entry.tmpl",
        "a.txt",
        "更新日\t2026年3月31日",
        "",
    );
    let e = report_error("en", &alone);
    assert!(
        e.contains("line 6: '更新日 2026年3月31日' may be the document's own date or the registration's renewal, and the entry gives no renewal deadline"),
        "{e}"
    );
    let later = filled(
        dir.path(),
        "entry.tmpl",
        "b.txt",
        "登録の更新期限\t2028年3月31日\n更新日\t2026年4月2日",
        "",
    );
    let e = report_error_ja(&later);
    assert!(e.contains("その日付が基準日 2026-04-01 より後です"), "{e}");
    // guard: the document's date beside the deadline, not after the as-of date, is read
    let ok = filled(
        dir.path(),
        "entry.tmpl",
        "c.txt",
        "登録の更新期限\t2028年3月31日\n更新日\t2025年10月1日",
        "",
    );
    let v = report_json("en", &ok);
    assert_eq!(v["csp"]["registration"], "valid");
    assert_eq!(statuses(&v), ["covered", "covered", "covered"]);
}

/// A-3 guards: the document's dates and a number's label stay read; so does the entry
/// with its own deadline label, and the labels the entry uses.
#[test]
fn document_dates_and_entry_labels_stay_read() {
    let dir = tempfile::tempdir().unwrap();
    for (i, fact) in [
        "",
        "作成日\t2025年4月1日",
        "Registration No. C99-0301-1",
        "登録の更新期限\t2028年3月31日",
        "有効期限\t2028年3月31日",
        "更新期限日\t2028年3月31日",
    ]
    .iter()
    .enumerate()
    {
        let f = filled(dir.path(), "entry.tmpl", &format!("g{i}.txt"), fact, "");
        let v = report_json("en", &f);
        assert_eq!(statuses(&v), ["covered", "covered", "covered"], "{fact}");
    }
}

/// A-3, the table part (`refuse_registry_facts`): a lapse date, an expired registration or
/// a deadline above a status table's header is refused; a document's update date there
/// stays read.
#[test]
fn a_lapse_above_a_status_table_is_refused() {
    let e = report_error("en", &data("table-lapse-date.csv"));
    assert!(
        e.contains("row 2: '失効日: 2026/03/31' above the table's header is a fact of the ISMAP list entry"),
        "{e}"
    );
    let e = report_error("en", &data("table-expired.csv"));
    assert!(
        e.contains("row 2: 'ISMAP登録期限切れ' above the table's header"),
        "{e}"
    );
    let dir = tempfile::tempdir().unwrap();
    let f = filled(
        dir.path(),
        "table.tmpl",
        "d.csv",
        "Deadline: 2026-03-31",
        "",
    );
    let e = report_error("en", &f);
    assert!(e.contains("row 2: 'Deadline: 2026-03-31'"), "{e}");
    // guard: the document's own dates above the header
    for (i, fact) in [
        "更新日: 2025/04/01",
        "最終更新日: 2025/04/01",
        "作成日: 2025/04/01",
    ]
    .iter()
    .enumerate()
    {
        let f = filled(dir.path(), "table.tmpl", &format!("t{i}.csv"), fact, "");
        let v = report_json("en", &f);
        assert_eq!(
            statuses(&v),
            ["covered", "covered", "not-covered"],
            "{fact}"
        );
    }
}

/// a note of a pasted list referring to marks the paste lost (underline, shading,
/// grey, bold) is refused, after a blank line or right under the ids.
#[test]
fn a_note_on_lost_marks_is_refused() {
    let e = report_error("en", &data("footnote-underline.txt"));
    assert!(
        e.contains("line 12: the note '注）下線の項目はIaaS事業者の統制に依拠' refers to how ids are marked in the printed list ('下線')"),
        "{e}"
    );
    assert!(e.contains("lost in pasted text"), "{e}");
    let dir = tempfile::tempdir().unwrap();
    for (i, note) in [
        "\n※ 網掛けの統制目標は前回監査時点のもの",
        "\nNote: controls in grey are covered by the sub-service organization",
        "※ 太字は新規追加",
        "\n* Shaded controls are as of the previous audit",
    ]
    .iter()
    .enumerate()
    {
        let f = filled(dir.path(), "entry.tmpl", &format!("m{i}.txt"), "", note);
        let e = report_error("en", &f);
        assert!(e.contains("refers to how ids are marked"), "{note}: {e}");
    }
    let e = report_error_ja(&data("footnote-underline.txt"));
    assert!(e.contains("貼り付けたテキストには残りません"), "{e}");
}

/// a note naming another party, a region, a plan or an option, or a review under
/// way narrows the list and is refused, wherever it stands.
#[test]
fn a_note_that_narrows_the_list_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (i, note) in [
        "\n※ 大阪リージョンは現在審査中",
        "\n※ 有償オプション契約時",
        "\n※ 上記は東京リージョンについての記載です",
        "\n※ サブサービス組織（IaaS）の統制を含む",
        "※ IaaS事業者が提供する統制を利用",
    ]
    .iter()
    .enumerate()
    {
        let f = filled(dir.path(), "entry.tmpl", &format!("n{i}.txt"), "", note);
        let e = report_error("en", &f);
        assert!(e.contains("narrows the list"), "{note}: {e}");
    }
}

/// A-8 / C-6 guards: page furniture and the document's end marks after the ids, right
/// under them or after a blank line, are passed over; the list reads.
#[test]
fn page_furniture_and_end_marks_stay_read() {
    let v = report_json("en", &data("ijou.txt"));
    assert_eq!(statuses(&v), ["covered", "covered", "covered"]);
    let dir = tempfile::tempdir().unwrap();
    for (i, after) in [
        "以上",
        "（以下余白）",
        "以下余白",
        "\n以上",
        "- 1 -",
        "\n- 1 -",
        "\n※ 2025年10月1日時点",
    ]
    .iter()
    .enumerate()
    {
        let f = filled(dir.path(), "entry.tmpl", &format!("f{i}.txt"), "", after);
        let v = report_json("en", &f);
        assert_eq!(statuses(&v), ["covered", "covered", "covered"], "{after}");
    }
}

/// a profile's comment outside the `implemented` list that names one of its ids and
/// qualifies it is refused, above the list or below it (a statement commented out); so is
/// a qualifying comment right above `implemented:`. The YAML parser dropped them.
#[test]
fn a_profile_comment_outside_the_list_is_read() {
    let e = report_error("en", &data("profile-comment-above.yaml"));
    assert!(
        e.contains("line 6: the comment '注意: 9.2.3 は未実施（2027年度対応予定）。一覧には載せているが監査対象外' beside the `implemented` list"),
        "{e}"
    );
    let e = report_error("en", &data("profile-comment-below.yaml"));
    assert!(
        e.contains("line 10: the comment 'not_implemented: [9.2.3]   (大阪リージョン)' beside the `implemented` list"),
        "{e}"
    );
    let e = report_error_ja(&data("profile-comment-below.yaml"));
    assert!(e.contains("`implemented` の一覧の外のコメント"), "{e}");
    let dir = tempfile::tempdir().unwrap();
    for (i, (head, above, below)) in [
        ("", "", "# 9.2.5 は東京リージョンのみ"),
        ("", "", "# 9.2.5 は東京リージョンのみ\n\n"),
        ("", "# 以下は東京リージョンのみ", ""),
        ("# 9.2.3 は2027年度に対応予定", "", ""),
        ("", "", "# not_implemented: [9.2.3]\nnot_applicable:\n  11.1.1: 物理的セキュリティはIaaS事業者が担う"),
    ]
    .iter()
    .enumerate()
    {
        let f = profile(dir.path(), &format!("p{i}.yaml"), head, above, below);
        let e = report_error("en", &f);
        assert!(e.contains("beside the `implemented` list"), "{head}{above}{below}: {e}");
    }
}

/// A-5 guards: a file's heading comment without ids, a heading comment of the next field,
/// a field commented out and a comment above the list that qualifies nothing stay silent; a comment naming an
/// id that qualifies nothing is kept as the CSP's remark on it.
#[test]
fn a_profile_comment_that_qualifies_nothing_stays_read() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (head, above, below)) in [
        ("# サンプルSaaS のプロファイル（2025年版）", "", ""),
        ("", "# 実施している統制目標", ""),
        ("", "# inherited: defaults to clause 11", ""),
        (
            "",
            "",
            "# 以下は対象外\nnot_applicable:\n  11.1.1: 物理的セキュリティはIaaS事業者が担う",
        ),
    ]
    .iter()
    .enumerate()
    {
        let f = profile(dir.path(), &format!("g{i}.yaml"), head, above, below);
        let v = report_json("en", &f);
        assert_eq!(
            statuses(&v),
            ["covered", "covered", "covered"],
            "{head}{above}{below}"
        );
        for item in v["items"].as_array().unwrap() {
            assert_eq!(item["csp_remarks"], serde_json::json!([]), "{item}");
        }
    }
    let f = profile(
        dir.path(),
        "r.yaml",
        "",
        "# 9.2.3 は申請・承認の手順書 AC-02 に基づき運用",
        "",
    );
    let v = report_json("en", &f);
    assert_eq!(statuses(&v), ["covered", "covered", "covered"]);
    let k2 = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "K-2")
        .unwrap();
    assert_eq!(
        k2["csp_remarks"],
        serde_json::json!([{"id": "9.2.3", "remark": "9.2.3 は申請・承認の手順書 AC-02 に基づき運用"}]),
        "{k2}"
    );
}

/// A-15, the pasted form: a heading between blocks of ids (after a blank line) that makes
/// the ids under it a reference, a previous registration or version, another service, a
/// region or an option is refused; the catalog's own headings and the list's title pass.
#[test]
fn a_heading_over_ids_that_are_not_the_statement_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (i, heading) in [
        "【参考】前回登録時の統制目標",
        "その他の統制目標",
        "（参考）旧基準での番号",
        "大阪リージョン",
        "オプション機能",
        "Appendix",
    ]
    .iter()
    .enumerate()
    {
        let after = format!("\n{heading}\n9.2.5");
        let f = filled(dir.path(), "entry.tmpl", &format!("h{i}.txt"), "", &after);
        let e = report_error("en", &f);
        assert!(
            e.contains(&format!("line 12: '{heading}' may head the ids under it")),
            "{heading}: {e}"
        );
    }
    // guards: a clause or category heading of the catalog, a bracketed group heading
    for (i, heading) in [
        "9 アクセス制御",
        "9.2 利用者アクセスの管理",
        "【組織的対策】",
    ]
    .iter()
    .enumerate()
    {
        let after = format!("\n{heading}\n9.2.6");
        let f = filled(dir.path(), "entry.tmpl", &format!("k{i}.txt"), "", &after);
        let v = report_json("en", &f);
        assert_eq!(statuses(&v), ["covered", "covered", "covered"], "{heading}");
    }
}

/// D-1: a profile states 計画中 and 未実施 (`planned:`, `not_implemented:`, id → what the CSP
/// wrote) beside its registry facts, so a CSP known by its statement of applicability is
/// checked for lapse with its statements kept apart; one id under two statements is refused.
#[test]
fn a_profile_states_planned_and_not_implemented() {
    let mut c = on_checks("en", "report", data("k.csv"));
    c.args(["--format", "json", "--csp"])
        .arg(data("profile-statements.yaml"));
    let v = json_of(c);
    assert_eq!(v["csp"]["registration"], "lapsed");
    let mut c = common::bin();
    c.args([
        "--lang",
        "en",
        "report",
        "--as-of",
        "2025-04-01",
        "--checks",
    ])
    .arg(data("k.csv"))
    .args(["--format", "json", "--csp"])
    .arg(data("profile-statements.yaml"));
    let v = json_of(c);
    assert_eq!(v["csp"]["registration"], "valid");
    assert_eq!(statuses(&v), ["covered", "not-covered", "not-covered"]);
    let item = |id: &str| {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(
        item("K-2")["missing_remarks"],
        serde_json::json!([{"id": "9.2.3", "state": "planned", "remark": "2027年度に対応予定"}])
    );
    assert_eq!(
        item("K-3")["missing_remarks"],
        serde_json::json!([{"id": "9.2.5", "state": "not-implemented", "remark": "大阪リージョンは未対応"}])
    );
    let e = report_error("en", &data("profile-statements-twice.yaml"));
    assert!(
        e.contains("line 6: field 'not_implemented': '9.2.3' is stated twice, under `planned` and under `not_implemented`"),
        "{e}"
    );
    let e = report_error_ja(&data("profile-statements-twice.yaml"));
    assert!(
        e.contains("が `planned` と `not_implemented` の両方にあります"),
        "{e}"
    );
}
