//! Session 11's check-list reader rules (`tests/data/fix21-chk/`): the mapping said to be a
//! rough guide or a reference (`対応は目安`, `マッピングは参考`) caps; a finding beside the
//! rating in the risk column is refused.
mod common;

use common::{by_id, data, json_of, on_checks};

/// `report --checks FILE --csp (every objective 実施 but 9.2.4) --format json`.
fn report(checks: impl AsRef<std::ffi::OsStr>) -> serde_json::Value {
    let mut c = on_checks("en", "report", checks);
    c.arg("--csp").arg(data("fix10-chk/csp-st.csv"));
    c.args(["--format", "json"]);
    json_of(c)
}

/// Review 16 A-16: `対応は目安`, `対応付けは目安`, `マッピングは参考`, `ISMAPへの対応はあくまで
/// 目安です`, `紐付けは目安`, `対応は参考程度`, `Mapping for reference only` say the mapping is
/// a rough guide: capped `mapping-approximate`. Guards: a guide or a reference of something
/// else (`目安時間は30分`, `参考資料を添付` in the note or the item, `…の対応は目安時間内に`,
/// `対応は参考資料のとおり`, `仮想`) still covered.
#[test]
fn the_mapping_said_to_be_a_rough_guide_caps() {
    let v = report(data("fix21-chk/guide.csv"));
    for id in ["1", "2", "3", "4", "5", "6", "7"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "partial", "{item}");
        assert_eq!(
            item["reasons"],
            serde_json::json!(["mapping-approximate"]),
            "{item}"
        );
    }
    for id in ["11", "12", "13", "14", "15", "16", "17"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "covered", "{item}");
    }
}
