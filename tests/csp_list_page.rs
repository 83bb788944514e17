//! A whole entry of the ISMAP cloud service list pasted with its control list
//! (`tests/data/csp-input/list-page/`): its fields — registration number, name, provider,
//! dates, scope, audit period, subsequent events, improvement plan, capital relationships,
//! law and jurisdiction, third-party testing — read into the registry facts in Japanese and
//! English, tab-separated and one PDF cell per line; the registration's validity judged on
//! them; the ids read right and nothing credited from a field; what a field cannot carry
//! refused with its line.
mod common;

use std::path::{Path, PathBuf};

use common::xlsx::{sheets, text};
use common::{bin, by_id, data, example, input_error, json_of, stdout_of};
use serde_json::{json, Value};

fn page(name: &str) -> PathBuf {
    data(&format!("csp-input/list-page/{name}"))
}

/// `ismap-gap --lang LANG report --as-of AS_OF --checks CHECKS --csp CSP`.
fn report_cmd(lang: &str, as_of: &str, checks: &Path, csp: &Path) -> assert_cmd::Command {
    let mut c = bin();
    c.args(["--lang", lang, "report", "--as-of", as_of, "--checks"])
        .arg(checks)
        .arg("--csp")
        .arg(csp);
    c
}

/// `report --format json` of the list-page check list against `csp` on `as_of`.
fn report(csp: &Path, as_of: &str) -> Value {
    let mut c = report_cmd("en", as_of, &page("checks.csv"), csp);
    c.args(["--format", "json"]);
    json_of(c)
}

fn status(v: &Value, id: &str) -> (String, Vec<String>) {
    let item = by_id(&v["items"], id);
    let reasons = item["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap().to_owned())
        .collect();
    (item["status"].as_str().unwrap().to_owned(), reasons)
}

fn warnings(v: &Value) -> Vec<String> {
    v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap().to_owned())
        .collect()
}

/// The registry facts of the report's `csp`, as the test compares them.
fn facts(v: &Value) -> Value {
    let csp = &v["csp"];
    let mut out = serde_json::Map::new();
    for k in [
        "name",
        "provider",
        "registration_kind",
        "registration_number",
        "registered",
        "renewal_deadline",
        "registration",
        "audit_period",
        "scope",
        "governing_law",
        "jurisdiction",
        "subsequent_events",
        "improvement_plan",
        "capital_relationships",
        "third_party_testing",
        "implemented",
    ] {
        out.insert(k.to_owned(), csp[k].clone());
    }
    Value::Object(out)
}

fn fields_read(v: &Value) -> Vec<(String, u64)> {
    v["csp"]["read_as"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// The whole entry, tab-separated as copied from the web page or a PDF table, in Japanese:
/// every field read, the ids of the table and no other credited (8.1.5.P stands in the
/// out-of-scope note only), the published facts warned about.
#[test]
fn a_japanese_entry_tab_separated() {
    let v = report(&page("ja-tab.txt"), "2026-04-01");
    assert_eq!(
        facts(&v),
        json!({
            "name": "サンプルIaaS（架空）",
            "provider": "サンプル基盤株式会社（架空）",
            "registration_kind": "ismap",
            "registration_number": "C99-0002-1",
            "registered": "2022-09-01",
            "renewal_deadline": "2027-03-31",
            "registration": "valid",
            "audit_period": {"from": "2024-04-01", "to": "2025-03-31"},
            "scope": [
                "東京リージョン及び大阪リージョンで提供する全サービス",
                "対象外: 統制目標 8.1.5.P に係るデータ返却機能（2025年度中に提供予定）"
            ],
            "governing_law": "日本法",
            "jurisdiction": "東京地方裁判所",
            "subsequent_events": "2025年2月、東京リージョンで大規模障害が発生した（影響は解消済み）",
            "improvement_plan": "有",
            "capital_relationships": "該当なし",
            "third_party_testing": "有（年1回）",
            "implemented": 10
        })
    );
    assert_eq!(
        fields_read(&v),
        [
            ("registration_kind", 1),
            ("registration_number", 2),
            ("name", 3),
            ("provider", 4),
            ("registered", 5),
            ("renewal_deadline", 6),
            ("scope", 7),
            ("audit_period", 15),
            ("subsequent_events", 16),
            ("improvement_plan", 17),
            ("capital_relationships", 18),
            ("governing_law", 19),
            ("jurisdiction", 19),
            ("third_party_testing", 20),
        ]
        .map(|(f, l)| (f.to_owned(), l))
    );
    // the entry publishes an improvement plan and subsequent events: what it states
    // implemented is read, but nothing needing ISMAP's assurance is covered on it until
    // they are read (review 11, D-3)
    assert_eq!(status(&v, "L1").0, "assurance-gap");
    assert_eq!(status(&v, "L3").0, "assurance-gap");
    assert_eq!(status(&v, "L4").0, "assurance-gap");
    // named in the scope's out-of-scope note, not listed: never credited
    let (l2, reasons) = status(&v, "L2");
    assert_eq!(l2, "not-covered");
    assert!(reasons.contains(&"not-listed".to_owned()), "{reasons:?}");
    let w = warnings(&v);
    assert!(w.contains(&"subsequent-events".to_owned()), "{w:?}");
    assert!(w.contains(&"improvement-plan".to_owned()), "{w:?}");
    // a deadline was read: validity was checked
    assert!(!w.contains(&"registration-not-checked".to_owned()), "{w:?}");
}

/// The same entry's PDF cells pasted one per line, with era dates, a scope over two lines
/// under 対象範囲 and 対象外, a period broken over two lines, 準拠法 and 裁判管轄 under their
/// group label: read the same way; its renewal deadline (令和8年3月31日) lapses after
/// 2026-03-31, and then nothing is covered.
#[test]
fn a_japanese_entry_one_cell_per_line_and_its_lapsed_registration() {
    let v = report(&page("ja-pdf.txt"), "2026-03-31");
    assert_eq!(
        facts(&v),
        json!({
            "name": "サンプルSaaS（架空）",
            "provider": "サンプル株式会社（架空）",
            "registration_kind": "ismap",
            "registration_number": "C99-0003-1",
            "registered": "2021-03-12",
            "renewal_deadline": "2026-03-31",
            "registration": "valid",
            "audit_period": {"from": "2024-10-01", "to": "2025-03-31"},
            "scope": ["サンプルSaaS（東京リージョン）で提供される", "全機能", "対象外: 管理者向けAPI"],
            "governing_law": "日本法",
            "jurisdiction": "東京地方裁判所",
            "subsequent_events": "なし",
            "improvement_plan": "無",
            "capital_relationships": "外国資本比率 0%",
            "third_party_testing": "有",
            "implemented": 4
        })
    );
    for id in ["L1", "L3", "L4"] {
        assert_eq!(status(&v, id).0, "covered", "{id}");
    }
    let w = warnings(&v);
    for quiet in [
        "subsequent-events",
        "improvement-plan",
        "registration-not-checked",
    ] {
        assert!(!w.contains(&quiet.to_owned()), "{quiet}: {w:?}");
    }

    let v = report(&page("ja-pdf.txt"), "2026-04-01");
    assert_eq!(v["csp"]["registration"], "lapsed");
    for id in ["L1", "L3", "L4"] {
        let (s, reasons) = status(&v, id);
        assert_eq!(s, "assurance-gap", "{id}");
        assert!(
            reasons.contains(&"registration-lapsed".to_owned()),
            "{id}: {reasons:?}"
        );
    }
    assert!(warnings(&v).contains(&"registration-lapsed".to_owned()));

    // before its registration date, it was not on the list
    let v = report(&page("ja-pdf.txt"), "2021-03-11");
    assert_eq!(v["csp"]["registration"], "not-yet-valid");
    let (s, reasons) = status(&v, "L1");
    assert_eq!(s, "assurance-gap");
    assert!(
        reasons.contains(&"registration-not-yet-valid".to_owned()),
        "{reasons:?}"
    );
}

/// The English list's labels, tab-separated and one cell per line, with English dates.
#[test]
fn english_entries() {
    let v = report(&page("en-tab.txt"), "2026-04-01");
    assert_eq!(
        facts(&v),
        json!({
            "name": "Sample Cloud (fictional)",
            "provider": "Sample Inc. (fictional)",
            "registration_kind": "ismap",
            "registration_number": "C99-0004-1",
            "registered": "2021-03-12",
            "renewal_deadline": "2027-03-31",
            "registration": "valid",
            "audit_period": {"from": "2024-10-01", "to": "2025-03-31"},
            "scope": ["All services provided in the Tokyo and Osaka regions", "Out of scope: The partner marketplace"],
            "governing_law": "Laws of Japan",
            "jurisdiction": "Tokyo District Court",
            "subsequent_events": "None",
            "improvement_plan": "No",
            "capital_relationships": "None",
            "third_party_testing": "Yes, annually",
            "implemented": 4
        })
    );
    let w = warnings(&v);
    assert!(!w.contains(&"subsequent-events".to_owned()), "{w:?}");
    assert!(!w.contains(&"improvement-plan".to_owned()), "{w:?}");
    assert_eq!(status(&v, "L1").0, "covered");

    let v = report(&page("en-pdf.txt"), "2026-04-01");
    assert_eq!(
        facts(&v),
        json!({
            "name": "Sample Cloud (fictional)",
            "provider": null,
            "registration_kind": "ismap",
            "registration_number": "C99-0004-1",
            "registered": "2021-03-12",
            "renewal_deadline": "2027-03-31",
            "registration": "valid",
            "audit_period": {"from": "2024-10-01", "to": "2025-03-31"},
            "scope": ["All services provided in the Tokyo region"],
            "governing_law": "Laws of Japan",
            "jurisdiction": "Tokyo District Court",
            "subsequent_events": "None",
            "improvement_plan": "Yes (see the statement)",
            "capital_relationships": null,
            "third_party_testing": null,
            "implemented": 4
        })
    );
    assert!(warnings(&v).contains(&"improvement-plan".to_owned()));
    // an improvement plan: not covered until it is read (review 11, D-3)
    assert_eq!(status(&v, "L1").0, "assurance-gap");
    assert_eq!(status(&v, "L2").0, "not-covered");
}

/// The header says the facts were read from the pasted entry, in both languages; the
/// xlsx summary shows them.
#[test]
fn the_header_and_the_workbook_show_the_facts() {
    let c = report_cmd("ja", "2026-04-01", &page("checks.csv"), &page("ja-tab.txt"));
    let out = stdout_of(c);
    for want in [
        "CSP: サンプルIaaS（架空） [ISMAP] [登録番号 C99-0002-1] [更新期限 2027-03-31: 有効] [監査対象期間 2024-04-01 – 2025-03-31]",
        "クラウドサービス事業者: サンプル基盤株式会社（架空）",
        "第三者による検証: 有（年1回）",
        "貼り付けた掲載情報から読んだ登録情報: 登録の種類, 登録番号",
        "警告: 改善計画があります (有)",
    ] {
        assert!(out.contains(want), "{want}:\n{out}");
    }
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("gap.xlsx");
    let mut c = report_cmd("en", "2026-04-01", &page("checks.csv"), &page("ja-tab.txt"));
    c.arg("-o").arg(&xlsx);
    stdout_of(c);
    let (_, ranges) = sheets(&xlsx);
    let summary = &ranges[0];
    let pairs: Vec<(String, String)> = (0..summary.height())
        .map(|r| (text(summary, r, 0), text(summary, r, 1)))
        .collect();
    for (label, value) in [
        ("Cloud service provider", "サンプル基盤株式会社（架空）"),
        ("Renewal deadline", "2027-03-31"),
        ("Capital relationships and officers", "該当なし"),
        ("Third-party testing", "有（年1回）"),
    ] {
        assert!(
            pairs.iter().any(|(l, v)| l == label && v == value),
            "{label}: {pairs:?}"
        );
    }
    let read_as = pairs
        .iter()
        .find(|(l, _)| l == "Read as")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    assert!(
        read_as.contains("registry facts read from the pasted list entry"),
        "{read_as}"
    );
}

/// What a field cannot carry, a label over ids, a value negating right above ids, an id a
/// field names that the list states implemented: refused, naming the line.
#[test]
fn what_a_field_cannot_carry_is_refused_with_its_line() {
    for (file, want) in [
        (
            "bad-date.txt",
            "bad-date.txt: line 2: '2026年3月' after '登録の更新期限' is not a date",
        ),
        (
            "bad-heading.txt",
            "bad-heading.txt: line 2: '対象外' is a field of the ISMAP list entry, but no value follows it",
        ),
        // 対象外 outside the scope is the list's status word (a PDF row's status cell)
        (
            "bad-status-cell.txt",
            "bad-status-cell.txt: line 4: '対象外' states a status ('対象外')",
        ),
        (
            "bad-negating-value.txt",
            "bad-negating-value.txt: line 1: '後発事象 以下の統制目標は2025年3月より未実施' is a field of the ISMAP list entry that negates",
        ),
        (
            "bad-mention.txt",
            "bad-mention.txt: line 1: '統制目標 9.2.3 の特権管理は東京リージョンのみ' in the field '言明の対象範囲' names 9.2.3, which the list states implemented (line 4)",
        ),
        // an objective named by its exact title, as by its id (`利用者登録` is no title:
        // 9.2.1 is 利用者登録及び登録削除)
        (
            "bad-title-mention.txt",
            "bad-title-mention.txt: line 2: '（対象：特権的アクセス権の管理、利用者登録）' in the field '改善計画の有無' names 9.2.3 ('特権的アクセス権の管理'), which the list states implemented (line 5)",
        ),
        (
            "bad-title-mention-en.txt",
            "bad-title-mention-en.txt: line 1: 'Management of privileged access rights: under review' in the field '後発事象' names 9.2.3 ('Management of privileged access rights'), which the list states implemented (line 4)",
        ),
        // a title followed by a particle names the objective as much (`…を除く`)
        (
            "bad-title-particle.txt",
            "bad-title-particle.txt: line 1: 'サンプルSaaS 本体（利用者登録及び登録削除を除く）' in the field '言明の対象範囲' names 9.2.1 ('利用者登録及び登録削除'), which the list states implemented (line 3)",
        ),
        // a kind line naming neither list
        (
            "bad-kind.txt",
            "bad-kind.txt: line 2: 'SaaS' after '区分' is neither ISMAP nor ISMAP-LIU",
        ),
        // a profile's text fields are read as the entry's are
        (
            "bad-profile-scope.yaml",
            "bad-profile-scope.yaml: line 5: 'サンプルSaaS 本体（9.2.1 利用者登録は対象外）' in the field 'scope' names 9.2.1, which the profile states implemented (under `implemented`)",
        ),
        (
            "bad-profile-plan.yaml",
            "bad-profile-plan.yaml: line 4: '有（特権的アクセス権の管理を改善）' in the field 'improvement_plan' names 9.2.3 ('特権的アクセス権の管理'), which the profile states implemented",
        ),
        (
            "bad-profile-events.yaml",
            "bad-profile-events.yaml: line 3: '9.2.3 は2025年4月より運用停止' in the field 'subsequent_events' names 9.2.3, which the profile states implemented",
        ),
        // a comment on the `implemented` list, which the YAML parser drops
        (
            "bad-profile-comment.yaml",
            "bad-profile-comment.yaml: line 6: the comment '東京リージョンのみ。大阪は2027年度に対応予定' on the `implemented` list limits or conditions it ('のみ')",
        ),
        (
            "bad-profile-comment-block.yaml",
            "bad-profile-comment-block.yaml: line 5: the comment '顧客側で設定' on the `implemented` list says someone else implements it",
        ),
        (
            "bad-period.txt",
            "bad-period.txt: line 1: the period '2025年4月1日～2024年9月30日' after '監査対象期間' ends before it starts",
        ),
    ] {
        let c = report_cmd("en", "2026-04-01", &page("checks.csv"), &page(file));
        let err = input_error(c);
        assert!(err.contains(want), "{file}: {err}");
        assert!(err.contains("(hint: "), "{err}");
        // in Japanese, every one of them
        let mut c = report_cmd("ja", "2026-04-01", &page("checks.csv"), &page(file));
        let out = c.output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr.starts_with("エラー: ") && stderr.contains("(ヒント: "), "{stderr}");
        assert!(
            !stderr.contains(" is ") && !stderr.contains("hint"),
            "untranslated: {stderr}"
        );
    }
}

/// An entry whose title or kind line mentions LIU is on the ISMAP-LIU list (the kind line
/// is read as a field, not dropped); a profile's harmless comments and text fields leave
/// its controls implemented.
#[test]
fn a_mention_of_liu_and_harmless_profile_comments() {
    for file in ["liu-title-note.txt", "liu-kind-line.txt"] {
        let v = report(&page(file), "2026-04-01");
        assert_eq!(v["csp"]["registration_kind"], "ismap-liu", "{file}: {v}");
        assert!(
            fields_read(&v)
                .iter()
                .any(|(f, _)| f == "registration_kind"),
            "{file}"
        );
        // L1 (9.2.3) asks for the ISMAP level: not covered by an LIU registration
        assert_ne!(status(&v, "L1").0, "covered", "{file}");
    }
    let v = report(&page("ok-profile-comments.yaml"), "2026-04-01");
    assert_eq!(status(&v, "L1").0, "covered", "{v}");
    // a comment on an id's line that qualifies nothing is kept as the CSP's remark, as a
    // status table's remark cell is (review 9 B-yaml-2: dropped before)
    let l4 = by_id(&v["items"], "L4");
    assert_eq!(l4["status"], "covered", "{v}");
    assert!(
        status(&v, "L4").1.contains(&"csp-remark".to_owned()),
        "{l4}"
    );
    assert_eq!(
        l4["csp_remarks"],
        json!([{"id": "5.1.1", "remark": "管理策基準 5"}]),
        "{l4}"
    );
    assert_eq!(by_id(&v["items"], "L1")["csp_remarks"], json!([]), "{v}");
}

/// Every command that reads a CSP list reads the entry: compare ranks the lapsed one last,
/// readiness and diff read its ids.
#[test]
fn compare_readiness_and_diff_read_the_entry() {
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "compare",
        "--as-of",
        "2026-04-01",
        "--checks",
    ])
    .arg(page("checks.csv"))
    .arg("--csp")
    .arg(page("ja-pdf.txt"))
    .arg("--csp")
    .arg(page("en-tab.txt"))
    .args(["--format", "json"]);
    let v = json_of(c);
    let csps = v["csps"].as_array().unwrap();
    assert_eq!(csps[0]["name"], "Sample Cloud (fictional)");
    assert_eq!(csps[0]["registration"], "valid");
    assert_eq!(csps[1]["name"], "サンプルSaaS（架空）");
    assert_eq!(csps[1]["registration"], "lapsed");

    let mut c = bin();
    c.args(["--lang", "en", "diff"])
        .arg(page("ja-pdf.txt"))
        .arg(page("en-tab.txt"))
        .args(["--format", "json"]);
    let out = c.output().unwrap();
    assert!(
        out.status.code() == Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let mut c = bin();
    c.args(["--lang", "en", "readiness", "--implemented"])
        .arg(page("ja-tab.txt"))
        .args(["--format", "json"]);
    json_of(c);
}

/// The bundled example the README shows: read whole, valid on the README's date, lapsed
/// after its deadline (the same entry with its deadline a year earlier: `--as-of` cannot
/// be after today).
#[test]
fn the_bundled_example_entry() {
    let report = |as_of: &str| {
        let mut c = report_cmd(
            "en",
            as_of,
            &example("checks.csv"),
            &example("csp-list-page.txt"),
        );
        c.args(["--format", "json"]);
        json_of(c)
    };
    let v = report("2026-04-01");
    assert_eq!(v["csp"]["registration"], "valid");
    assert_eq!(v["csp"]["implemented"], 130);
    assert_eq!(v["csp"]["read_as"]["fields"].as_array().unwrap().len(), 14);
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example("csp-list-page.txt")).unwrap();
    let earlier = text.replace(
        "登録の更新期限\t令和9年3月31日",
        "登録の更新期限\t令和8年3月31日",
    );
    assert_ne!(earlier, text);
    let csp = dir.path().join("csp-list-page.txt");
    std::fs::write(&csp, earlier).unwrap();
    let mut c = report_cmd("en", "2026-04-01", &example("checks.csv"), &csp);
    c.args(["--format", "json"]);
    let v = json_of(c);
    assert_eq!(v["csp"]["registration"], "lapsed");
    assert_eq!(v["summary"]["covered"], 0);
}

/// A design-only assessment is a point in time: an audit period written as one date
/// marked 時点 is a period of one day, and every covered item says the design alone was
/// assessed (review 3, C-period-1); one date without the mark stays refused.
#[test]
fn an_audit_period_at_a_point_in_time_is_one_day() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(page("ja-pdf.txt")).unwrap();
    let one_day = text.replace("令和6年10月1日\n～令和7年3月31日", "令和7年3月31日時点");
    assert_ne!(one_day, text);
    let csp = dir.path().join("point.txt");
    std::fs::write(&csp, one_day).unwrap();
    let v = report(&csp, "2026-03-31");
    assert_eq!(
        facts(&v)["audit_period"],
        json!({"from": "2025-03-31", "to": "2025-03-31"})
    );
    let (st, reasons) = status(&v, "L1");
    // the design alone was assessed: not covered for an item needing ISMAP's assurance
    // (review 11, D-3)
    assert_eq!(st, "assurance-gap");
    assert!(reasons.contains(&"design-only".to_owned()), "{reasons:?}");

    let one_date = text.replace("令和6年10月1日\n～令和7年3月31日", "令和7年3月31日");
    std::fs::write(&csp, one_date).unwrap();
    let err = input_error(report_cmd("en", "2026-03-31", &page("checks.csv"), &csp));
    assert!(err.contains("is not a period of two dates"), "{err}");
}

/// A list entry copied into Excel or saved as CSV is refused (its fields are read from
/// pasted text only), and the hint says what the file is and how to give it — not to make
/// a status table of it (review 3, C-entry-1).
#[test]
fn an_entry_in_a_sheet_is_refused_as_an_entry() {
    for name in ["entry-saved-as.csv", "entry-pasted-into.xlsx"] {
        let err = input_error(report_cmd(
            "en",
            "2026-04-01",
            &example("checks.csv"),
            &page(name),
        ));
        assert!(
            err.contains("this looks like an entry of the ISMAP cloud service list (登録番号, 登録日, 登録の更新期限, 監査対象期間")
                && err.contains("save it as a .txt file"),
            "{name}: {err}"
        );
        assert!(!err.contains("実施状況"), "{name}: {err}");
        let out = report_cmd("ja", "2026-04-01", &example("checks.csv"), &page(name))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("掲載情報のようです"), "{name}: {err}");
    }
}

/// `examples/csp-list-page.txt` with line `n` (1-based) replaced by `line`, in a temporary
/// directory kept alive by the caller.
fn entry_with(n: usize, line: &str) -> (tempfile::TempDir, PathBuf) {
    let text = std::fs::read_to_string(example("csp-list-page.txt")).unwrap();
    let edited: Vec<&str> = text
        .lines()
        .enumerate()
        .map(|(i, l)| if i + 1 == n { line } else { l })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("entry.txt");
    std::fs::write(&path, edited.join("\n") + "\n").unwrap();
    (dir, path)
}

/// A registry fact under the everyday words for it is read as that field (review 9
/// A-entry-1): `有効期限` is the renewal deadline, so a lapsed one covers nothing.
#[test]
fn near_synonym_labels_are_read_as_their_fields() {
    for label in [
        "有効期限",
        "登録の有効期限",
        "登録有効期限",
        "次回更新期限",
        "登録期限",
    ] {
        let (_dir, path) = entry_with(6, &format!("{label}\t令和8年3月31日"));
        let v = report(&path, "2026-04-01");
        assert_eq!(v["csp"]["registration"], "lapsed", "{label}");
        assert!(
            warnings(&v).contains(&"registration-lapsed".to_owned()),
            "{label}"
        );
    }
    let (_dir, path) = entry_with(50, "監査の対象期間\t2025年10月1日～2026年9月30日");
    let v = report(&path, "2026-04-01");
    assert!(
        warnings(&v).contains(&"audit-period-not-ended".to_owned()),
        "{v}"
    );
    let (_dir, path) = entry_with(51, "重要な後発事象\tあり");
    let v = report(&path, "2026-04-01");
    assert_eq!(v["csp"]["subsequent_events"], "あり");
}

/// A registry fact under a label the entry does not use is refused naming its line, never
/// passed over as page furniture (review 9 A-entry-1): the lapse, the later registration or
/// the unfinished audit it states would otherwise be lost and every item stay 充足.
#[test]
fn unknown_registry_labels_are_refused_with_their_line() {
    for (n, line, word) in [
        (5, "掲載終了日\t令和8年3月1日", "掲載"),
        (5, "初回登録日\t令和6年3月1日", "登録"),
        (50, "対象期間\t2025年10月1日～2026年9月30日", "対象期間"),
        (50, "監査実施期間\t2025年10月1日～2026年9月30日", "監査"),
        (52, "改善計画の提出\t有", "改善計画"),
        (6, "登録の更新期限（予定）\t令和8年3月31日", "期限"),
    ] {
        let (_dir, path) = entry_with(n, line);
        let e = input_error(report_cmd("en", "2026-04-01", &page("checks.csv"), &path));
        assert!(
            e.contains(&format!("line {n}: '"))
                && e.contains(&format!(
                    "reads as a fact of the ISMAP list entry ('{word}')"
                )),
            "{line}: {e}"
        );
        assert!(e.contains("登録の更新期限, 監査対象期間"), "{e}");
    }
    // the document's own dates and the control titles are no registry facts
    let (_dir, path) = entry_with(5, "作成日\t2026年4月1日");
    let v = report(&path, "2026-04-01");
    assert_eq!(v["csp"]["registered"], Value::Null);
}

/// The day an entry was posted (`掲載日`) is the page's date, as `公開日` is (review 10:
/// `掲載日` was refused while `公開日` passed): read on or before the as-of date, refused
/// after it (the page states what held then, and a registration posted later is not in
/// effect); a deadline of anything (`サポート期限`) is still refused, as the lapse it may be.
#[test]
fn the_pages_posting_date_is_a_document_date() {
    for label in ["掲載日", "公開日"] {
        let (_dir, path) = entry_with(5, &format!("{label}\t令和8年3月1日"));
        let v = report(&path, "2026-04-01");
        assert_eq!(v["csp"]["registered"], Value::Null, "{label}");
        let (_dir, path) = entry_with(5, &format!("{label}\t令和8年6月1日"));
        let e = input_error(report_cmd("en", "2026-04-01", &page("checks.csv"), &path));
        assert!(
            e.contains("line 5: the line") && e.contains("dates the list after the as-of date"),
            "{label}: {e}"
        );
    }
    let (_dir, path) = entry_with(5, "サポート期限\t2030年3月31日");
    let e = input_error(report_cmd("en", "2026-04-01", &page("checks.csv"), &path));
    assert!(
        e.contains("reads as a fact of the ISMAP list entry ('期限')"),
        "{e}"
    );
}

/// The list's title with the date the portal prints beside it states the kind (review 9
/// C-title-1); a note that is not a date still does not.
#[test]
fn a_title_with_its_date_is_the_title() {
    for title in [
        "ISMAPクラウドサービスリスト（2025年10月1日時点）",
        "ISMAPクラウドサービスリスト 2026年10月1日更新",
    ] {
        let (_dir, path) = entry_with(1, title);
        let v = report(&path, "2026-10-01");
        assert_eq!(v["csp"]["registration_kind"], "ismap", "{title}");
    }
    // a title whose day is after the as-of date states what held then: refused, as a list
    // dated later below or above a table is
    let (_dir, path) = entry_with(1, "ISMAPクラウドサービスリスト 2026年10月1日更新");
    let e = input_error(report_cmd("en", "2026-04-01", &page("checks.csv"), &path));
    assert!(
        e.contains("line 1: the line 'ISMAPクラウドサービスリスト 2026年10月1日更新'"),
        "{e}"
    );
    assert!(e.contains("2026年10月1日"), "{e}");
    let (_dir, path) = entry_with(1, "ISMAPクラウドサービスリスト（申請中）");
    let v = report(&path, "2026-04-01");
    assert_eq!(v["csp"]["registration_kind"], Value::Null);
}

/// Facts of the list entry written above a status table's header were refused naming the
/// row (review 9 A-reg-1): passing them over reported a lapsed registration "not checked"
/// and every item 充足. Since review 23 C-6 (fix35-entry) they are read by the pasted
/// entry's reader, as on a sheet of their own (a cover, review 15 C-2): the lapse is seen,
/// and an improvement plan and subsequent events are read (never passed over).
#[test]
fn entry_facts_above_a_table_and_on_a_sheet_are_read() {
    let dir = data("csp-input/facts-above");
    let mut c = report_cmd(
        "en",
        "2026-04-01",
        &page("checks.csv"),
        &dir.join("two-sheets.xlsx"),
    );
    c.args(["--format", "json"]);
    let v = common::json_of(c);
    assert_eq!(v["csp"]["renewal_deadline"], "2025-03-31", "{v}");
    assert_eq!(v["summary"]["covered"], 0, "{v}");
    let json_on = |file: &str| {
        let mut c = report_cmd("en", "2026-04-01", &page("checks.csv"), &dir.join(file));
        c.args(["--format", "json"]);
        common::json_of(c)
    };
    let v = json_on("st-lapsed.csv");
    assert_eq!(v["csp"]["renewal_deadline"], "2025-03-31", "{v}");
    assert_eq!(v["csp"]["registration"], "lapsed", "{v}");
    assert_eq!(v["summary"]["covered"], 0, "{v}");
    let v = json_on("st-facts.csv");
    assert_eq!(v["csp"]["improvement_plan"], "有", "{v}");
    assert_eq!(
        v["csp"]["subsequent_events"], "有（2025年10月に障害）",
        "{v}"
    );
    let reasons = v["items"][0]["reasons"].to_string();
    assert!(reasons.contains("improvement-plan"), "{v}");
    // the kind row alone above the header is read, as before
    let v = report(&example("csp-status-table.csv"), "2026-04-01");
    assert!(v["items"].as_array().is_some_and(|a| !a.is_empty()));
}

/// The list's PDF given as `--csp` says how to give its text (review 9 C-pdf-1).
#[test]
fn the_list_pdf_is_refused_with_how_to_paste_it() {
    let e = input_error(report_cmd(
        "en",
        "2026-04-01",
        &page("checks.csv"),
        &page("list.pdf"),
    ));
    assert!(
        e.contains("list.pdf: is a PDF document, not text or a table"),
        "{e}"
    );
    assert!(e.contains("save it as a .txt file"), "{e}");
}
