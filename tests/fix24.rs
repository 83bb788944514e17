//! Session 11 fix24 (review 17 leftovers): a GRC export's monitor, health or RAG state short
//! of green refused as `Failing` is (fix22-sheets, noticed); a 2022 id with its Japanese
//! title is read (C-3); a required assurance of ISMAP-LIU says how to write it (C-6).
mod common;

use std::path::PathBuf;

use common::{by_id, input_error, json_of, on_checks};

/// The check list of `tests/data/fix15-csp` (K-1 asks for 9.2.1, K-2 for 9.2.3, K-6 for
/// 11.1.1).
fn checks() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/fix15-csp/k.csv")
}

/// A GRC export (`Framework, Requirement ID, Control Status, <header>, Owner`), every row
/// `Implemented` with `value` under the header.
fn grc(header: &str, value: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grc.csv");
    let mut text = format!("Framework,Requirement ID,Control Status,{header},Owner\n");
    for id in ["9.2.1", "9.2.3", "11.1.1"] {
        text.push_str(&format!("ISMAP,{id},Implemented,{value},IT\n"));
    }
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn report(path: &PathBuf) -> assert_cmd::Command {
    let mut c = on_checks("en", "report", checks());
    c.args(["--registration-kind", "ismap", "--format", "json", "--csp"])
        .arg(path);
    c
}

/// K-1 (9.2.1) covered on the GRC export with `value` under `header`.
fn assert_covered(header: &str, value: &str) {
    let (_dir, path) = grc(header, value);
    let v = json_of(report(&path));
    assert_eq!(
        by_id(&v["items"], "K-1")["status"],
        "covered",
        "{header}: {value}"
    );
}

/// fix22-sheets, noticed: under a header that does not name a test's result (`Monitoring`,
/// `RAG`, `Last Test`, `Health`, `Remarks`), `Unhealthy`, `Red`, `Amber` were a remark on an
/// implemented row (covered ※) while `Failing` was refused. Now refused as it is; `Green`,
/// `Healthy`, `Passing`, a longer text (`Red Hat`) still read, and a colour under a rating of
/// risk or priority rates the asset, not the control.
#[test]
fn health_and_rag_states_short_of_green_are_refused_as_failing_is() {
    for header in [
        "Monitoring",
        "RAG",
        "Last Test",
        "Health",
        "Remarks",
        "監視結果",
    ] {
        for bad in [
            "Failing",
            "Unhealthy",
            "Red",
            "Amber",
            "Yellow",
            "Degraded",
            "At risk",
            "赤",
        ] {
            let (_dir, path) = grc(header, bad);
            let err = input_error(report(&path));
            assert!(
                err.contains(&format!("'{bad}' in '{header}' states another status")),
                "{header}: {bad}: {err}"
            );
        }
        for clean in [
            "Green",
            "Healthy",
            "Passing",
            "Red Hat",
            "Enabled",
            "2026-03-01",
        ] {
            let (_dir, path) = grc(header, clean);
            let v = json_of(report(&path));
            assert_eq!(
                by_id(&v["items"], "K-1")["status"],
                "covered",
                "{header}: {clean}"
            );
        }
    }
    for header in ["Risk Rating", "Priority", "リスク評価"] {
        for colour in ["Red", "Amber", "赤"] {
            assert_covered(header, colour);
        }
        // a health state is the control's, whatever the header
        let (_dir, path) = grc(header, "Unhealthy");
        input_error(report(&path));
    }
}

/// A 2022-numbered check list of `cells` (one reference cell a row, items `G-1`…) run on
/// the CSP status table of `tests/data/iso2022-review7`: each item's status, and whether it
/// is not analysed for an unresolved reference.
fn on_2022_list(cells: &[&str]) -> Vec<(String, bool)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.csv");
    let mut text = String::from("項番,確認項目,ISO/IEC 27001:2022 附属書A,求める確認水準\n");
    for (n, cell) in cells.iter().enumerate() {
        text.push_str(&format!("G-{},項目,\"{cell}\",ISMAP\n", n + 1));
    }
    std::fs::write(&path, text).unwrap();
    let mut c = on_checks("ja", "report", &path);
    c.arg("--csp")
        .arg(common::data("iso2022-review7/csp-st.csv"))
        .args(["--format", "json"]);
    let v = json_of(c);
    (1..=cells.len())
        .map(|n| {
            let item = by_id(&v["items"], &format!("G-{n}"));
            let unresolved = item["reasons"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r == "unresolved-reference");
            (item["status"].as_str().unwrap().to_owned(), unresolved)
        })
        .collect()
}

/// Review 17 C-3: a 2022 id with its JIS Japanese title the tool does not hold (`A.8.16 監視
///活動`, `A.5.7 脅威インテリジェンス`, `A.5.16 識別情報の管理`) was unresolved (`qualified`);
/// `A.6.3 情報セキュリティの意識向上，教育及び訓練` was cut at its comma. Now read as the id:
/// a new control outside ISMAP, a renamed one through the correspondence (never bare
/// covered). The same title with one more word (`（一部）`, `予定`, `暫定`, `案`, `相当`,
/// `なし`, a year) stays unresolved, and a word cut off after an id alone stays a reference of
/// its own.
#[test]
fn a_2022_id_with_its_japanese_title_is_read_and_one_more_qualifier_is_not() {
    let read = on_2022_list(&[
        "A.8.16 監視活動",
        "A.5.7 脅威インテリジェンス",
        "A.5.23 クラウドサービスの利用における情報セキュリティ",
        "A.5.16 識別情報の管理",
        "A.6.3 情報セキュリティの意識向上，教育及び訓練",
        "A.6.3 情報セキュリティの意識向上、教育及び訓練",
        "A.6.3 Information security awareness, education and training",
    ]);
    for (n, (status, unresolved)) in read.iter().enumerate() {
        assert!(!unresolved, "G-{}: {status}", n + 1);
        let want = if n < 3 { "outside-ismap" } else { "partial" };
        assert_eq!(status, want, "G-{}", n + 1);
    }
    let held = on_2022_list(&[
        "A.8.16 監視活動（一部）",
        "A.8.16 監視活動 予定",
        "A.5.16 識別情報の管理 暫定",
        "A.5.16 識別情報の管理（案）",
        "A.5.16 識別情報の管理 相当",
        "A.5.16 識別情報の管理 なし",
        "A.5.16 識別情報の管理 2027年",
        "A.5.16 識別情報の管理，一部",
        "A.5.16，識別",
        "A.5.16 識別情報の管理\n教育",
    ]);
    for (n, (status, unresolved)) in held.iter().enumerate() {
        assert!(unresolved, "held G-{}: {status}", n + 1);
        assert_ne!(status, "covered", "held G-{}", n + 1);
    }
}

/// Review 17 C-6: `ISMAP-LIU`, `ISMAP/ISMAP-LIU`, `ISMAP（LIU可）`, `LIU可` as the required
/// assurance stay not analysed (the scale has no level "ISMAP or ISMAP-LIU": `self` would
/// credit a lapsed or unregistered service's word), and the procedure says how to write it
/// and what an ISMAP-LIU service then gets; `ISMAP` beside them reads.
#[test]
fn an_ismap_liu_assurance_says_how_to_write_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("liu.csv");
    std::fs::write(
        &path,
        "項番,確認項目,参照,求める確認水準\nL-1,a,9.2.1,ISMAP-LIU\nL-2,b,9.2.1,ISMAP/ISMAP-LIU\n\
         L-3,c,9.2.1,ISMAP（LIU可）\nL-4,d,9.2.1,LIU可\nL-5,e,9.2.1,ISMAP\n",
    )
    .unwrap();
    for (lang, words) in [
        ("en", "write ismap (on an ISMAP-LIU service it comes out assurance-gap, reason ismap-liu: confirm its objectives were in the external audit's scope"),
        ("ja", "ISMAP と書いてください(ISMAP-LIUのサービスでは保証水準不足・理由 ismap-liu となる"),
    ] {
        let mut c = on_checks(lang, "report", &path);
        c.arg("--csp")
            .arg(common::data("iso2022-review7/csp-st.csv"))
            .args(["--format", "json"]);
        let v = json_of(c);
        for id in ["L-1", "L-2", "L-3", "L-4"] {
            let item = by_id(&v["items"], id);
            assert_eq!(item["status"], "not-analysed", "{lang} {id}");
            let text = item["additional_procedures"][0]["text"].as_str().unwrap();
            assert!(text.contains(words), "{lang} {id}: {text}");
        }
        assert_eq!(by_id(&v["items"], "L-5")["assurance"], "ismap", "{lang}");
        assert_ne!(by_id(&v["items"], "L-5")["status"], "not-analysed", "{lang}");
    }
}
