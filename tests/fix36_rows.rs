//! Session 15, review 24's wrong credits from the buyer's own asks written where the check
//! list's reader passed them over (`tests/data/fix36-rows/`): a heading or note row
//! among or below the items asking for more than ISMAP, A-7 a footnote mark on the level.
mod common;

use common::{bin, by_id, data, input_error, json_of};

/// `report --format json` of a fixture check list against `full4.txt` (the four objectives
/// the lists name, implemented, ISMAP).
fn report(checks: &str) -> assert_cmd::Command {
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "report",
        "--as-of",
        "2026-12-01",
        "--format",
        "json",
        "--csp",
    ])
    .arg(data("fix36-rows/full4.txt"))
    .arg("--checks")
    .arg(data(checks));
    c
}

/// Review 24 A-1: a section heading among the items asking for an assurance report
/// (its own assurance cell `保証報告（区分全体）`, or its text `本区分の項目はすべてSOC2 Type2報告書で確認
/// すること` merged across the row, or in the title column) was passed over as a template
/// row or a heading, and the items under it were `covered` at ISMAP. Which items it
/// concerns cannot be told: the list is refused naming the row, as a title row above the
/// header asking for more is.
#[test]
fn a_heading_among_the_items_asking_for_more_is_refused() {
    for (checks, row) in [
        ("fix36-rows/m3d.csv", "row 2"),
        ("fix36-rows/m3e.csv", "row 2"),
        ("fix36-rows/m3-heading-assurance.xlsx", "row 2"),
        ("fix36-rows/m3c-heading-in-title.xlsx", "row 2"),
    ] {
        let err = input_error(report(checks));
        assert!(err.contains(row), "{checks}: {err}");
        assert!(
            err.contains("among the check items holds no item and asks for an assurance level"),
            "{checks}: {err}"
        );
    }
}

/// Review 24 A-2: a footnote below the items naming the item it concerns
/// (`（注）項番2は個別監査で確認`) was "a footnote row not read" and item 2 `covered` at ISMAP.
#[test]
fn a_footnote_asking_an_own_audit_is_refused() {
    let err = input_error(report("fix36-rows/n5-note-after-items.xlsx"));
    assert!(err.contains("row 4"), "{err}");
    assert!(
        err.contains("(注）項番2") || err.contains("（注）項番2"),
        "{err}"
    );
}

/// The neighbour of A-1: a plain section heading (`■ アクセス管理`) asks nothing; the
/// items under it are judged as before.
#[test]
fn a_plain_heading_still_reads() {
    let v = json_of(report("fix36-rows/m3g-heading-plain.xlsx"));
    for id in ["1", "2"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "covered", "{item}");
        assert_eq!(item["assurance"], "ismap", "{item}");
    }
}

/// Review 24 A-7: `ISMAP*` in the assurance column was read as ISMAP — the footnote the
/// mark points to (`*…運用の有効性はSOC2 Type2報告書でも確認する`) dropped, or absent — and the
/// item `covered`. A footnote mark on a level is read as `ISMAP※` is: the item is not
/// analysed (its level cannot be told); the item of a plain `ISMAP` beside it is judged.
/// With the footnote below the items asking for SOC 2, the list is refused naming it (the
/// rule of: which items it concerns is not read from a mark).
#[test]
fn a_footnote_mark_on_the_level_leaves_the_item_not_analysed() {
    let v = json_of(report("fix36-rows/ast2.csv"));
    let marked = by_id(&v["items"], "1");
    assert_eq!(marked["status"], "not-analysed", "{marked}");
    let plain = by_id(&v["items"], "2");
    assert_eq!(plain["status"], "covered", "{plain}");
    let err = input_error(report("fix36-rows/ast1.csv"));
    assert!(err.contains("row 4"), "{err}");
    assert!(err.contains("SOC 2"), "{err}");
}

/// `report --format json` of a fixture check list against `all.txt` (the example's 130
/// objectives and 17.2.1, 10.1.2; ISMAP).
fn report_all(checks: &str) -> serde_json::Value {
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "report",
        "--as-of",
        "2026-12-01",
        "--format",
        "json",
        "--registration-kind",
        "ismap",
        "--csp",
    ])
    .arg(data("fix36-rows/all.txt"))
    .arg("--checks")
    .arg(data(checks));
    json_of(c)
}

/// Review 24 A-5: the buyer auditing the provider itself, written in a note in the words
/// the assurance column reads (`往査`, `オンサイトで確認`, `実地で確認`, `監査権`, `当社監査`,
/// `訪問して確認`), or asking JASA's cloud security mark (`CSマーク`), was a bare `covered` on the ISMAP
/// statement. Now the note asks its level: the item is not analysed (own audit above
/// ISMAP), or capped on the certification asked.
#[test]
fn an_own_audit_asked_in_a_note_is_not_covered() {
    let v = report_all("fix36-rows/au.csv");
    for id in ["U1", "U7", "U8", "U9", "U10", "U11", "U13"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "not-analysed", "{id}: {item}");
    }
    // JASA's cloud security mark asked: a certification, not the ISMAP statement
    let item = by_id(&v["items"], "U21");
    assert_ne!(item["status"], "covered", "{item}");
    // the words that were read before still are
    for id in ["U2", "U3", "U12", "U14"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "not-analysed", "{id}: {item}");
    }
}

/// The same under a carried method column (`確認方法 | 往査`), and the neighbour: a written
/// check (`書面確認`) asks no level.
#[test]
fn an_own_audit_asked_as_the_method_is_not_covered() {
    let v = report_all("fix36-rows/cc.csv");
    for id in ["X5", "X6"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "not-analysed", "{id}: {item}");
    }
}

/// Review 24 A-4: a retention period written in the note or a detail column
/// (`ログは7年保管すること`, `保管期間は7年`, `保管期間7年を書面で確認`) was not read as a level,
/// while the same words in the title were (`level-not-assessed`): the item was a bare
/// `covered`. One level rule now reads both.
#[test]
fn a_retention_period_in_the_note_is_a_level() {
    let v = report_all("fix36-rows/lv2.csv");
    for id in ["W4", "W5", "W6"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "partial", "{id}: {item}");
        assert!(
            common::strings(&item["reasons"]).contains(&"level-not-assessed"),
            "{id}: {item}"
        );
    }
    let v = report_all("fix36-rows/lv.csv");
    for id in ["V1", "V5", "V4", "V6"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "partial", "{id}: {item}");
    }
    // a plain title with no figure is judged as before
    let item = by_id(&v["items"], "V10");
    assert_eq!(item["status"], "covered", "{item}");
    let v = report_all("fix36-rows/cc.csv");
    for id in ["X1", "X2", "X3", "X4"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "partial", "X: {item}");
    }
}
