//! Session 15 fix35-qual: review 23's remark qualifiers and evidence — A-11 English (and some
//! Japanese) words conditioning an implemented row passed as a mere note (`covered *`) while
//! their twins were refused; A-8 a template, sample or placeholder file counted as evidence;
//! C-11 `未`, `N/A`, `不要` under an evidence column refused the whole list in `readiness`;
//! and `（今後も扱う予定なし）` after a 非該当 reason read as a decision not to implement.
//! Fixtures in `tests/data/fix35-qual/` (`checks.csv`: item n cites the n-th row's id).
mod common;

use common::{bin, by_id, data};
use serde_json::Value;

/// `report --format json` of `fix35-qual/checks.csv` against `fix35-qual/CSP`, as of
/// 2026-12-01, in `lang`.
fn report(csp: &str, lang: &str) -> std::process::Output {
    bin()
        .args(["--lang", lang, "report", "--as-of", "2026-12-01"])
        .args(["--format", "json", "--checks"])
        .arg(data("fix35-qual/checks.csv"))
        .arg("--csp")
        .arg(data(&format!("fix35-qual/{csp}")))
        .output()
        .unwrap()
}

/// The items of a report that must succeed.
fn items(csp: &str) -> Value {
    let out = report(csp, "en");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["items"].clone()
}

/// Exit 2, no panic: the error lines of stderr (one per row refused).
fn refused(csp: &str, lang: &str) -> Vec<String> {
    let out = report(csp, lang);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err.lines()
        .filter(|l| l.starts_with("error") || l.starts_with("エラー"))
        .map(str::to_owned)
        .collect()
}

/// The line refusing the row stating `id`, which must quote `text`.
fn line_for<'a>(lines: &'a [String], id: &str, text: &str) -> &'a str {
    let line = lines
        .iter()
        .find(|l| l.contains(&format!("states {id} implemented")))
        .unwrap_or_else(|| panic!("{id} ({text}) not refused: {lines:#?}"));
    assert!(line.contains(&format!("'{text}'")), "{line}");
    line
}

/// Every row of `csp` (`n` of them) refused in English, each line saying all of `says`.
fn each_row_refused(csp: &str, n: usize, says: &[&str]) {
    let lines = refused(csp, "en");
    let rows = rows(csp);
    assert_eq!(rows.len(), n, "{csp}");
    assert_eq!(lines.len(), n, "{lines:#?}");
    for (id, text) in &rows {
        let line = line_for(&lines, id, text);
        assert!(says.iter().all(|w| line.contains(w)), "{line}");
    }
}

/// The rows of a fixture: (id, the last cell as written).
fn rows(csp: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(data(&format!("fix35-qual/{csp}"))).unwrap();
    text.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .map(|l| {
            let (id, rest) = l.split_once(',').unwrap();
            let last = rest.splitn(3, ',').nth(2).unwrap_or("");
            (id.to_owned(), last.trim_matches('"').to_owned())
        })
        .collect()
}

/// Review 23 A-11: a remark conditioning an implemented row — paid, an option or an add-on,
/// a plan, on only when turned on, a preview or a temporary measure, soon, the risk
/// accepted, someone else (a vendor by name, a partner, the customer alone) — was `covered
/// *` in English (and for some Japanese words) while its twin (`有償`, `オプション`,
/// `リスク受容`, `近日対応`, `暫定`, `初期設定では無効`, `Handled by AWS`,
/// `お客様による設定が必要`) was refused: each row is refused now, with what the word does.
#[test]
fn conditioning_remarks_are_refused_as_their_twins() {
    for (file, kinds) in [
        (
            "a11-qualified-1.csv",
            [
                ("Paid option", "limits or conditions it ('option')"),
                ("Add-on", "limits or conditions it ('add-on')"),
                ("Extra cost", "limits or conditions it ('extra cost')"),
                ("Requires add-on", "limits or conditions it ('add-on')"),
                (
                    "Accepted risk",
                    "defers it or says it is not done ('accepted risk')",
                ),
                (
                    "Coming soon",
                    "defers it or says it is not done ('coming soon')",
                ),
                ("Beta", "defers it or says it is not done ('beta')"),
                ("Preview", "defers it or says it is not done ('preview')"),
                (
                    "Temporary",
                    "defers it or says it is not done ('temporary')",
                ),
                ("Opt-in", "limits or conditions it ('opt-in')"),
                ("If enabled", "limits or conditions it ('if enabled')"),
                ("When enabled", "limits or conditions it ('when enabled')"),
                (
                    "Provided by Microsoft",
                    "says someone else implements it ('by microsoft')",
                ),
                ("AWS", "says someone else implements it ('aws')"),
                (
                    "Via partner",
                    "says someone else implements it ('via partner')",
                ),
            ],
        ),
        (
            "a11-qualified-2.csv",
            [
                ("Customer", "says someone else implements it ('customer')"),
                (
                    "Customer configurable",
                    "says someone else implements it ('customer configurable')",
                ),
                (
                    "Available in Premium plan",
                    "limits or conditions it ('premium')",
                ),
                ("Premium", "limits or conditions it ('premium')"),
                ("Enterprise", "limits or conditions it ('enterprise')"),
                (
                    "Off by default",
                    "limits or conditions it ('off by default')",
                ),
                ("プレミアムプラン", "limits or conditions it ('プレミアム')"),
                ("アドオン", "limits or conditions it ('アドオン')"),
                ("一時的", "defers it or says it is not done ('一時的')"),
                ("追加費用", "limits or conditions it ('追加費用')"),
                ("ベータ版", "defers it or says it is not done ('ベータ')"),
                ("オプトイン", "limits or conditions it ('オプトイン')"),
                (
                    "パートナー経由",
                    "says someone else implements it ('パートナー経由')",
                ),
                ("要設定", "limits or conditions it ('要設定')"),
                (
                    "申請により提供",
                    "limits or conditions it ('申請により提供')",
                ),
            ],
        ),
    ] {
        let lines = refused(file, "en");
        let rows = rows(file);
        assert_eq!(rows.len(), kinds.len(), "{file}");
        assert_eq!(lines.len(), kinds.len(), "{file}: {lines:#?}");
        for ((id, text), (written, what)) in rows.iter().zip(kinds) {
            assert_eq!(text, written, "{file}");
            let line = line_for(&lines, id, text);
            assert!(line.contains(what), "{line}");
        }
    }
    // in Japanese, the same rows, in the run's language
    let lines = refused("a11-qualified-2.csv", "ja");
    assert_eq!(lines.len(), 15, "{lines:#?}");
    assert!(lines.iter().all(|l| l.starts_with("エラー")), "{lines:#?}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("範囲や条件を限定しています('プレミアム')")),
        "{lines:#?}"
    );
}

/// The ordinary remarks beside those words still read (covered, the remark a note):
/// `Available`, `Supported`, `Enabled for all tenants`, `全テナントで有効`, `標準機能`, a
/// procedure's name; the words described, not conditioning (`Customer data is encrypted`:
/// the customer's data is what the control protects; `Temporary credentials expire after 1
/// hour`, `一時的なアカウントは期限付きで発行`; `Enterprise-wide policy`; `重要設定の…`;
/// `Access via VPN`; `Adoption of MFA`); none of them (`At no extra cost`, `追加費用なし`,
/// `No add-on required`, `オプションなし`); every plan (`Included in all plans`,
/// `全プラン共通`); `Provider` alone, which may be the service itself.
#[test]
fn ordinary_remarks_still_read() {
    let items = items("a11-ordinary.csv");
    let rows = rows("a11-ordinary.csv");
    assert_eq!(rows.len(), 22);
    for (n, (id, text)) in rows.iter().enumerate() {
        let item = by_id(&items, &(n + 1).to_string());
        assert_eq!(item["references"][0], id.as_str());
        assert_eq!(item["status"], "covered", "{text}: {item}");
        assert_eq!(item["implemented"], serde_json::json!([id]), "{text}");
        // a remark is a note (`covered *`), but `Implemented`, which only restates it
        let reasons = item["reasons"].as_array().unwrap();
        if text == "Implemented" {
            assert!(reasons.is_empty(), "{text}: {item}");
        } else {
            assert_eq!(reasons, &[Value::from("csp-remark")], "{text}: {item}");
            assert_eq!(
                item["csp_remarks"][0]["remark"],
                format!("備考: {text}").as_str(),
                "{text}"
            );
        }
    }
}

/// Review 23 A-8: a template, a sample, a fill-in example or a placeholder named as the
/// evidence (`規程_テンプレート.docx`, `記入例.xlsx`, `sample_policy.docx`, `ひな形_規程.docx`,
/// `規程（雛形）.docx`, `template.xlsx`, `dummy.pdf`, `ダミー.pdf`, `xxx.docx`, `サンプル.docx`,
/// `Sample policy.docx`, `○○規程.docx`, `規程テンプレート.docx`, a `templates` folder, the word
/// alone) is no evidence: `report` refuses the row as it does a draft or a copy (it was a bare
/// `covered`), in both languages.
#[test]
fn template_sample_or_placeholder_evidence_is_refused_in_report() {
    each_row_refused(
        "a8-report-templates.csv",
        15,
        &[
            "names a document that is not the service's own in effect",
            "a template, a sample or a placeholder",
        ],
    );
    let ja = refused("a8-report-templates.csv", "ja");
    assert!(
        ja.iter()
            .all(|l| l.contains("テンプレート・サンプル・仮の名前")),
        "{ja:#?}"
    );
}

/// A-8's guards: a document about templates or dummy accounts (`テンプレート管理規程.docx`,
/// `Template management policy.docx`, `ダミーアカウント管理手順.docx`), a word only starting
/// so (`Sampling_procedure.docx`, `サンプリング手順書.docx`: sampling is not a sample), a
/// sample of records drawn for the audit (`アクセスログ_サンプル.csv`, `ticket_samples.xlsx`)
/// and ordinary names (`情報セキュリティ基本方針.pdf`, `アクセス管理規程_v2.0.docx`) are
/// evidence: covered, the evidence kept.
#[test]
fn documents_about_templates_and_audit_samples_are_evidence() {
    let items = items("a8-report-ordinary.csv");
    let rows = rows("a8-report-ordinary.csv");
    assert_eq!(rows.len(), 9);
    for (n, (id, text)) in rows.iter().enumerate() {
        let item = by_id(&items, &(n + 1).to_string());
        assert_eq!(item["status"], "covered", "{text}: {item}");
        assert_eq!(item["reasons"], serde_json::json!([]), "{text}");
        assert_eq!(item["csp_evidence"][0]["id"], id.as_str(), "{text}");
        assert_eq!(
            item["csp_evidence"][0]["remark"],
            // (labelled in the run's language, English here: review 24 E, fix37-csp)
            format!("evidence: {text}").as_str(),
            "{text}"
        );
    }
}

/// Review 23 C-11: under an evidence column, `未` (not yet), `N/A`, `不要` (not needed) and
/// `該当なし` say of the evidence that none is named — `report` refuses the row as it does
/// `未提出` (`未` was refused as a deferral, `N/A`, `不要`, `該当なし` as another status).
#[test]
fn none_words_under_evidence_are_no_evidence_in_report() {
    each_row_refused(
        "c11-report-none.csv",
        5,
        &["says there is no evidence of it (or none yet) under a header naming its evidence"],
    );
}

/// `readiness` on the CSP's own list: A-8's templates, samples and placeholders and C-11's
/// `未`, `N/A`, `不要`, `該当なし` (which refused the whole list) are each that row's
/// `no-evidence` (as `未提出`), the control still implemented; the guards' documents are
/// evidence (no finding).
#[test]
fn readiness_finds_no_evidence_per_row() {
    let out = bin()
        .args(["--lang", "en", "readiness", "--implemented"])
        .arg(data("fix35-qual/evidence-readiness.csv"))
        .args(["--as-of", "2026-12-01", "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut found = Vec::new();
    collect(&v, &mut found);
    let rows = rows("evidence-readiness.csv");
    assert_eq!(rows.len(), 29);
    let (none, guards) = rows.split_at(20);
    for (id, text) in none {
        let item = found
            .iter()
            .find(|i| i["id"] == id.as_str())
            .unwrap_or_else(|| panic!("{id}"));
        assert_eq!(item["state"], "implemented", "{text}");
        assert_eq!(item["evidence"], text.as_str());
        assert_eq!(
            item["findings"],
            serde_json::json!(["no-evidence"]),
            "{text}"
        );
    }
    for (id, text) in guards {
        let item = found
            .iter()
            .find(|i| i["id"] == id.as_str())
            .unwrap_or_else(|| panic!("{id}"));
        assert_eq!(item["state"], "implemented", "{text}");
        assert_eq!(item["findings"], serde_json::json!([]), "{text}");
    }
}

/// Every object of a readiness JSON with an id, findings and evidence: its items.
fn collect<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    match v {
        Value::Object(m) => {
            if m.contains_key("findings") && m.contains_key("evidence") && m.contains_key("id") {
                out.push(v);
            }
            m.values().for_each(|x| collect(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
        _ => {}
    }
}

/// fix32-csp noticed: `物理媒体を扱わないため（今後も扱う予定なし）` ("nor any plan to handle
/// them") was read as a decision not to implement (`not-applicable-without-reason`); it keeps
/// its reason now (`not-applicable`), as `…（今後も開発する予定なし）` does, while `予定なし`
/// alone and `MFAは導入する予定なし` (the control not going to be done) are still no reason.
#[test]
fn no_plan_to_handle_the_thing_keeps_the_reason() {
    let items = items("no-plan-reasons.csv");
    for (n, reason, status, why) in [
        (
            2,
            "物理媒体を扱わないため（今後も扱う予定なし）",
            "not-applicable",
            None,
        ),
        (
            3,
            "自社開発を行わないため（今後も開発する予定なし）",
            "not-applicable",
            None,
        ),
        (
            4,
            "予定なし",
            "not-applicable-without-reason",
            Some("decision-not-to-implement"),
        ),
        (
            5,
            "MFAは導入する予定なし",
            "not-applicable-without-reason",
            Some("decision-not-to-implement"),
        ),
        (6, "物理媒体を扱わないため", "not-applicable", None),
    ] {
        let item = by_id(&items, &n.to_string());
        assert_eq!(item["status"], "not-covered", "{reason}");
        assert_eq!(
            item["reasons"],
            serde_json::json!([status]),
            "{reason}: {item}"
        );
        let na = &item["not_applicable"][0];
        match why {
            None => assert_eq!(na["reason"], reason),
            Some(w) => {
                assert_eq!(na["reason_written"], reason);
                assert_eq!(na["reason_not_accepted"], w);
            }
        }
    }
}
