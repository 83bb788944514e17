//! Session 16, review 24: A-5 rest (a certificate, a frequency, a check beside ISMAP asked in
//! a note, a method column or a YAML comment), A-11 rest (parts a narrowed scope does not
//! name: the console, the mobile app, sites abroad, contractors), E-1 the buyer's own audit
//! in English (`tests/data/fix37-note/`).
mod common;

use std::path::Path;

use common::{bin, by_id, data, json_of};

/// `report --format json` of `checks` against `csp`, on a fixed date (ISMAP registration).
fn report(checks: &Path, csp: &Path) -> serde_json::Value {
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "report",
        "--as-of",
        "2026-12-01",
        "--registration-kind",
        "ismap",
        "--format",
        "json",
        "--csp",
    ])
    .arg(csp)
    .arg("--checks")
    .arg(checks);
    json_of(c)
}

/// The status and reasons of item `id`, and its problems' fields.
fn verdict(v: &serde_json::Value, id: &str) -> (String, Vec<String>, Vec<String>) {
    let item = by_id(&v["items"], id);
    let strs = |a: &serde_json::Value| -> Vec<String> {
        a.as_array()
            .into_iter()
            .flatten()
            .map(|x| x.as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let fields = item["problems"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| p["field"].as_str().unwrap_or_default().to_owned())
        .collect();
    (
        item["status"].as_str().unwrap_or_default().to_owned(),
        strs(&item["reasons"]),
        fields,
    )
}

fn assert_verdict(v: &serde_json::Value, id: &str, status: &str, reason: &str, field: &str) {
    let (s, reasons, fields) = verdict(v, id);
    assert_eq!(s, status, "{id}: {}", by_id(&v["items"], id));
    if !reason.is_empty() {
        assert!(reasons.iter().any(|r| r == reason), "{id}: {reasons:?}");
    }
    if !field.is_empty() {
        assert!(fields.iter().any(|f| f == field), "{id}: {fields:?}");
    }
}

/// Review 24 A-5 rest, in the note column: a certificate asked by the verb asking it
/// (`第三者認証（ISO27001）の認証書で確認`) is a certification, as `ISO/IEC 27001認証で確認`
/// is; a frequency (`年1回第三者診断`) a level, as `第三者による診断を毎年` is; a check of the
/// buyer's own beside ISMAP (`ISMAPに加えてヒアリングを実施`, `ISMAPとは別に書面で確認する`)
/// stands against judging the item on the ISMAP statement alone, and so does a term asked in
/// the contract or the SLA (`契約書に明記させること`, `SLAに規定されていること`). Guards: a certificate
/// offered if any (`ISO認証書等があれば提出`, `お持ちの場合は`), ISMAP relied on
/// (`ISMAPで確認`, `ISMAP登録をもって代替`), a lower method (`ヒアリングで確認`), an
/// ordinal count (`1回目の確認`), the contract as the buyer's own means (`契約で担保`, review 12
/// A-13) or as a period (`契約期間中は…`) still read covered.
#[test]
fn a_certificate_a_frequency_or_a_check_beside_ismap_in_a_note_is_not_covered() {
    let v = report(&data("fix37-note/notes.csv"), &data("fix37-note/csp.txt"));
    assert_verdict(&v, "N1", "partial", "topic-beyond-ismap", "");
    for id in ["N2", "N3", "N11"] {
        assert_verdict(&v, id, "partial", "level-not-assessed", "");
    }
    for id in ["N4", "N5", "N13", "N14"] {
        assert_verdict(&v, id, "not-analysed", "", "note-against");
    }
    for id in ["N6", "N7", "N8", "N9", "N10", "N12", "N15", "N16"] {
        assert_verdict(&v, id, "covered", "", "");
    }
    // the check beside ISMAP is worded as such, not as a finding
    let problem = by_id(&v["items"], "N4")["additional_procedures"].to_string();
    assert!(
        problem.contains("in addition to the ISMAP statement"),
        "{problem}"
    );
    // a contract term asked (`契約書に明記させること`) likewise
    let problem = by_id(&v["items"], "N13")["additional_procedures"].to_string();
    assert!(
        problem.contains("asks for a term in the contract or the SLA"),
        "{problem}"
    );
}

/// The same asks under a carried method column (`確認方法`) and in a YAML comment beside the
/// level; `書面確認`, `ヒアリング` and `# ISMAPで確認` still read covered.
#[test]
fn the_same_asks_in_a_method_column_or_a_yaml_comment() {
    let v = report(&data("fix37-note/method.csv"), &data("fix37-note/csp.txt"));
    assert_verdict(&v, "M1", "partial", "topic-beyond-ismap", "");
    assert_verdict(&v, "M2", "partial", "level-not-assessed", "");
    assert_verdict(&v, "M3", "not-analysed", "", "note-against");
    assert_verdict(&v, "M4", "not-analysed", "", "assurance-outside");
    for id in ["M5", "M6"] {
        assert_verdict(&v, id, "covered", "", "");
    }
    let v = report(
        &data("fix37-note/comments.yaml"),
        &data("fix37-note/csp.txt"),
    );
    assert_verdict(&v, "Y1", "partial", "topic-beyond-ismap", "");
    assert_verdict(&v, "Y2", "not-analysed", "", "note-against");
    assert_verdict(&v, "Y3", "partial", "level-not-assessed", "");
    assert_verdict(&v, "Y4", "covered", "", "");
}

/// Review 24 E-1: `We will audit the vendor on site annually` named only the frequency
/// (`level-not-assessed`); the buyer's own audit is `assurance-outside`, as `Customer performs
/// onsite assessment` is. Guards: the vendor auditing its suppliers, the vendor's audit logs.
#[test]
fn the_buyers_own_audit_in_english_is_named() {
    let v = report(&data("fix37-note/en.csv"), &data("fix37-note/csp.txt"));
    for id in ["E1", "E2", "E3"] {
        assert_verdict(&v, id, "not-analysed", "", "assurance-outside");
    }
    assert_verdict(&v, "E6", "not-analysed", "", "note-against");
    for id in ["E4", "E5"] {
        assert_verdict(&v, id, "covered", "", "");
    }
}

/// Review 24 A-11 rest: a scope naming the production environment in Tokyo
/// (`サンプルSaaS 本番環境（東京リージョン）`) does not name the console, the mobile app, sites
/// abroad or contractors an item includes (`管理コンソールを含む`, `モバイルアプリも対象`,
/// `海外拠点の運用担当者を含む`, `サポート窓口（委託先）の担当者を含む`, `including
/// subcontractors`): `partial`, `outside-statement-scope`, the procedure naming the scope and
/// the part. Guards: the plain item, an item about managing contractors, a contractor named
/// without including it, sites abroad named to forbid them.
#[test]
fn parts_a_narrowed_scope_does_not_name_are_outside_it() {
    let v = report(&data("fix37-note/scope.csv"), &data("fix37-note/prod.yaml"));
    for id in ["S4", "S5", "S6", "S7", "S9"] {
        assert_verdict(&v, id, "partial", "outside-statement-scope", "");
    }
    let procedures = by_id(&v["items"], "S7")["additional_procedures"].to_string();
    assert!(
        procedures.contains("サンプルSaaS 本番環境（東京リージョン）; 委託先 is not named"),
        "{procedures}"
    );
    for id in ["G1", "G2", "G3", "G4"] {
        assert_verdict(&v, id, "covered", "", "");
    }
}

/// Decided: a scope naming the whole service (`サンプルSaaS`) covers its console, app, sites
/// and contractors (they are the service's); a scope naming them covers them; a scope naming
/// only a region leaves sites abroad and contractors out, not the console or the app (a
/// region says where the service runs, not which of its components).
#[test]
fn a_whole_service_scope_or_one_naming_the_parts_covers_them() {
    for scope in ["whole", "named"] {
        let v = report(
            &data("fix37-note/scope.csv"),
            &data(&format!("fix37-note/{scope}.yaml")),
        );
        for id in ["S4", "S5", "S6", "S7", "S9", "G1", "G2", "G3", "G4"] {
            assert_verdict(&v, id, "covered", "", "");
        }
    }
    let v = report(
        &data("fix37-note/scope.csv"),
        &data("fix37-note/region.yaml"),
    );
    for id in ["S6", "S7", "S9"] {
        assert_verdict(&v, id, "partial", "outside-statement-scope", "");
    }
    for id in ["S4", "S5", "G1", "G2", "G3", "G4"] {
        assert_verdict(&v, id, "covered", "", "");
    }
}
