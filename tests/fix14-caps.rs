//! Review 12's verdict-cap findings (`tests/data/fix14-caps/`): the level and topic caps
//! read the note and the carried detail columns beside a short title, a level there only
//! with a bound; levels in kanji numerals, words and technical figures;
//! cloud-policy topics in other words; exclusions written inside the scope line,
//! under other labels or with a bracketed note (A-10, A-5, B-2); a responsibility column
//! (`責任分界` 利用者/共同) capping the item; a capped item's topic procedure not
//! opening "outside ISMAP" (B-8); an item asking for a certification or conformity to
//! another standard capped with its own procedure.
mod common;

use common::{by_id, data, input_error, json_of, on_checks};
use serde_json::json;

fn fixture(name: &str) -> std::path::PathBuf {
    data(&format!("fix14-caps/{name}"))
}

/// `report --checks CHECKS --csp CSP --format json` in `lang`.
fn report(lang: &str, checks: &str, csp: std::path::PathBuf) -> serde_json::Value {
    let mut c = on_checks(lang, "report", fixture(checks));
    c.arg("--csp").arg(csp).args(["--format", "json"]);
    json_of(c)
}

/// Every objective 実施 but 9.2.4, registration kind stated.
fn all_implemented() -> std::path::PathBuf {
    data("fix10-chk/csp-st.csv")
}

fn codes(item: &serde_json::Value) -> Vec<String> {
    item["additional_procedures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap().to_owned())
        .collect()
}

fn texts(item: &serde_json::Value) -> String {
    item["additional_procedures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A level or a cloud-policy topic written in 備考 or a requirement-detail column beside a
/// short title caps the item as in the title (review 12 A-8: all 充足); a note holding a
/// date, an extension, a count, a history or a track record does not, nor the CSP's
/// answer column.
#[test]
fn the_caps_read_the_note_and_detail_columns_beside_the_title() {
    let v = report("ja", "beside.csv", all_implemented());
    for (id, reason) in [
        ("1", "level-not-assessed"),
        ("2", "level-not-assessed"),
        ("3", "topic-beyond-ismap"),
        ("4", "topic-beyond-ismap"),
        ("5", "level-not-assessed"),
        ("6", "level-not-assessed"),
    ] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(item["reasons"], json!([reason]), "{item}");
    }
    // the level is quoted from where it is written
    let text = texts(by_id(&v["items"], "1"));
    assert!(text.contains("水準(1年以上)"), "{text}");
    let text = texts(by_id(&v["items"], "5"));
    assert!(text.contains("水準(12文字以上)"), "{text}");
    // the ordinary notes next to them, and the CSP's answer, leave the item covered
    for id in 7..=17 {
        let item = by_id(&v["items"], &id.to_string());
        assert_eq!(item["status"], "covered", "{item}");
        assert_eq!(item["reasons"], json!([]), "{item}");
    }
}

/// Levels in kanji numerals, 半年, 即日, a protocol version or key length, an English
/// figure; topics written in other common words (review 12: all 充足). Vague
/// words and the controls ISMAP assesses stay covered.
#[test]
fn levels_and_topics_in_other_words_cap_the_item() {
    let v = report("ja", "words.csv", all_implemented());
    for (id, level) in [
        ("1", "一年以上"),
        ("2", "十二文字以上"),
        ("3", "半年"),
        ("4", "即日"),
        ("5", "TLS1.2以上"),
        ("6", "AES-256"),
        ("7", "every 90 days"),
    ] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(item["reasons"], json!(["level-not-assessed"]), "{item}");
        let text = texts(item);
        assert!(text.contains(&format!("水準({level})")), "{text}");
    }
    for (id, code) in [
        ("8", "own-check-data-location"),
        ("9", "own-check-governing-law"),
        ("10", "own-check-backup-availability"),
        ("11", "own-check-exit"),
        ("12", "own-check-customer-keys"),
        ("19", "own-check-certification"),
        ("20", "own-check-certification"),
    ] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(item["reasons"], json!(["topic-beyond-ismap"]), "{item}");
        assert_eq!(codes(item), [code], "{item}");
    }
    for id in (13..=18).chain([21]) {
        let item = by_id(&v["items"], &id.to_string());
        assert_eq!(item["status"], "covered", "{item}");
    }
}

/// A capped item's topic procedure says ISMAP did not assess the requirement, not that the
/// item is outside ISMAP (the status of items with no objective: review 12 B-8); the code
/// is the topic's own-check one.
#[test]
fn a_capped_items_topic_procedure_is_not_worded_as_outside_ismap() {
    let v = report("ja", "words.csv", all_implemented());
    let text = texts(by_id(&v["items"], "12"));
    assert!(
        text.starts_with("ISMAPでは評価されていない要件: "),
        "{text}"
    );
    assert!(!text.contains("ISMAPの対象外"), "{text}");
    let v = report("en", "words.csv", all_implemented());
    let text = texts(by_id(&v["items"], "12"));
    assert!(text.starts_with("Not assessed by ISMAP: "), "{text}");
}

/// An exclusion written inside the scope line, under another label, with a bracketed note,
/// or as a `…サービス` part, caps the items about it (review 12: all 充足); an
/// excluded `サポート` is not the product's support life (B-2); a plain scope line excludes
/// nothing.
#[test]
fn exclusions_are_read_however_the_scope_writes_them() {
    let scoped = |csp: &str, id: &str| -> bool {
        let v = report("ja", "scope-items.csv", fixture(csp));
        let item = by_id(&v["items"], id).clone();
        item["reasons"]
            .as_array()
            .unwrap()
            .contains(&json!("outside-statement-scope"))
    };
    for (csp, capped, not) in [
        ("scope-in-line.txt", &["1", "2"][..], &["3", "4", "8"][..]),
        ("scope-however.txt", &["1", "4"], &["2", "3", "8"]),
        // a scope naming one region (`（東京リージョン）`) does not cover another: item 2
        // (`大阪リージョンの…`) capped (review 13 A-4, session 9)
        ("scope-label.txt", &["1", "2", "5", "6"], &["3", "7", "8"]),
        ("scope-plain.txt", &["2"], &["1", "4", "5", "6", "7"]),
    ] {
        let v = report("ja", "scope-items.csv", fixture(csp));
        for id in capped {
            let item = by_id(&v["items"], id);
            assert!(
                item["reasons"]
                    .as_array()
                    .unwrap()
                    .contains(&json!("outside-statement-scope")),
                "{csp}: {item}"
            );
        }
        for id in not {
            let item = by_id(&v["items"], id);
            assert!(
                !item["reasons"]
                    .as_array()
                    .unwrap()
                    .contains(&json!("outside-statement-scope")),
                "{csp}: {item}"
            );
        }
    }
    // the part is named without its bracketed note
    let v = report("ja", "scope-items.csv", fixture("scope-label.txt"));
    let text = texts(by_id(&v["items"], "5"));
    assert!(
        text.contains("CSPのISMAPの言明は データセンター を対象外としている"),
        "{text}"
    );
    assert!(!scoped("scope-plain.txt", "1"));
}

/// A responsibility column (`責任分界`) making the item the customer's own or shared caps it
/// at partial with its procedure (review 12 A-11: 充足); the CSP's or an empty cell is
/// judged as before; an unread value is refused naming the row; a person column
/// (`責任者`) is carried as it was.
#[test]
fn a_responsibility_column_caps_the_customers_and_shared_items() {
    let v = report("ja", "resp.csv", all_implemented());
    for (id, reason, code) in [
        ("1", "customer-responsibility", "own-responsibility"),
        ("2", "customer-responsibility", "own-responsibility"),
        ("3", "shared-responsibility", "responsibility-split"),
        ("4", "shared-responsibility", "responsibility-split"),
    ] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(item["reasons"], json!([reason]), "{item}");
        assert_eq!(codes(item), [code], "{item}");
    }
    for id in ["5", "6"] {
        assert_eq!(by_id(&v["items"], id)["status"], "covered");
    }
    // compare gives the same verdict (one status rule)
    let mut c = on_checks("en", "compare", fixture("resp.csv"));
    c.arg("--csp")
        .arg(all_implemented())
        .args(["--format", "json"]);
    let v = json_of(c);
    let text = v.to_string();
    assert!(text.contains("customer-responsibility"), "{text}");
    assert!(text.contains("shared-responsibility"), "{text}");

    let mut c = on_checks("en", "report", fixture("resp-unread.csv"));
    c.arg("--csp").arg(all_implemented());
    let err = input_error(c);
    assert!(err.contains("row 2"), "{err}");
    assert!(
        err.contains("the column '責任分界' says whose the item is ('情シス')"),
        "{err}"
    );
    let v = report("en", "resp-person.csv", all_implemented());
    assert_eq!(by_id(&v["items"], "1")["status"], "covered");
}

/// The side written in an item's note or title caps it as the column does (review 13 A-5);
/// an item about responsibility in general, or one the CSP does itself, is judged.
#[test]
fn responsibility_in_a_note_or_title_caps_the_item() {
    let v = report("ja", "resp-note.csv", all_implemented());
    for (id, reason) in [
        ("1", "customer-responsibility"),
        ("2", "customer-responsibility"),
        ("4", "customer-responsibility"),
        ("5", "shared-responsibility"),
    ] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "partial", "{item}");
        assert!(
            codes_of_reasons(item).contains(&reason.to_owned()),
            "{item}"
        );
    }
    for id in ["3", "6"] {
        assert_eq!(by_id(&v["items"], id)["status"], "covered", "{id}");
    }
}

fn codes_of_reasons(item: &serde_json::Value) -> Vec<String> {
    item["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap().to_owned())
        .collect()
}
