//! Session 13 fix30-prose: ISO/IEC 27001:2022 numbering written without `A.` (review 21):
//! A-10 a 2022 control named in an item's title or note, D-2 a 27001:2022 number no clause
//! has read as Annex A, and the `Expected result` column.
//!
//! Fixtures: `tests/data/fix30-prose/`; the CSP states every objective 実施 but 9.2.4
//! (`tests/data/fix10-chk/csp-st.csv`).
mod common;

use std::path::Path;

use common::{by_id, data, json_of, on_checks};

/// `report --checks FILE --csp (every objective 実施 but 9.2.4) --format json`, as of
/// 2026-04-01: the JSON.
fn report(checks: &Path) -> serde_json::Value {
    let mut c = on_checks("en", "report", checks);
    c.arg("--csp").arg(data("fix10-chk/csp-st.csv"));
    c.args(["--format", "json"]);
    json_of(c)
}

/// Review 21 A-10: a 2022 control named without `A.` in the note or title — after its
/// standard with the 2022 edition (`ISO/IEC 27001:2022 5.23`, `27002:2022 8.9`, `JIS Q
/// 27001:2023 8.9`, `ISO/IEC 27002:2022の5.16`), after `2022年版`, or alone in brackets when
/// no ISMAP category has its number (`情報の削除（8.10）`) — was covered on the ISMAP id;
/// now the item is not analysed, as with `A.5.23`. Guards: ISMAP ids in the note
/// (`9.2.1`, `5.1.1`), an ISMAP category in brackets (`（9.2）`, `（8.1）`), a version
/// (`Linux 5.15`), another document's edition (`社内ガイドライン2022年版 5.7`), a fiscal year
/// (`2022年度`), a number going on in the brackets (`（5.5時間）`) still read covered (the
/// version partial as before: a level ISMAP did not assess).
#[test]
fn a_2022_control_named_in_prose_without_its_mark_is_not_covered() {
    let v = report(&data("fix30-prose/prose2022.csv"));
    for id in ["A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7", "A-8"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "not-analysed", "{id}: {item}");
    }
    for id in ["G-1", "G-2", "G-3", "G-5", "G-6", "G-7", "G-8"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "covered", "{id}: {item}");
    }
    let g4 = by_id(&v["items"], "G-4");
    assert_eq!(g4["status"], "partial", "{g4}");
    assert_eq!(
        g4["reasons"],
        serde_json::json!(["level-not-assessed"]),
        "{g4}"
    );
}
