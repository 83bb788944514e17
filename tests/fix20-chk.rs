//! Review 16's regressions in session 10's check-list item rules (`tests/data/fix20-chk/`): a
//! demand in the optional list or after a cross-reference to another framework is asked; a
//! hedge on something else than the mapping caps nothing; `A.9.2.1・9.2.3` splits; a mark
//! under a findings/gaps header says there is one.
mod common;

use common::{by_id, data, json_of, on_checks};

/// `report --checks FILE --csp (every objective 実施 but 9.2.4) --format json`.
fn report(checks: impl AsRef<std::ffi::OsStr>) -> serde_json::Value {
    let mut c = on_checks("en", "report", checks);
    c.arg("--csp").arg(data("fix10-chk/csp-st.csv"));
    c.args(["--format", "json"]);
    json_of(c)
}

/// Review 16 A-3: `SOC2 Type2必須、ISO認証書等があれば提出` and `… report required, … if any`
/// are a demand (判定不能 `assurance-outside`), not a noun of the optional list; `…に対応する
/// QSA評価`, `…に対応する準拠証明書`, `…に対応する監査報告書を提出`, `…に対応。準拠証明書を提出`
/// ask for a deliverable against the other framework (capped `topic-beyond-ismap`). Guards:
/// the plain optional list and the bare cross-references still read covered.
#[test]
fn a_demand_in_the_optional_list_or_after_a_cross_reference_is_asked() {
    let v = report(data("fix20-chk/notes.csv"));
    for id in ["2", "3", "7"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "not-analysed", "{item}");
        assert_eq!(item["problems"][0]["field"], "assurance-outside", "{item}");
    }
    for id in ["12", "14", "16", "22", "11", "13", "24"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(
            item["reasons"],
            serde_json::json!(["topic-beyond-ismap"]),
            "{item}"
        );
    }
    for id in ["1", "10", "15"] {
        assert_eq!(by_id(&v["items"], id)["status"], "covered", "{id}");
    }
}
