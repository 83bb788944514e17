//! Review 15 B-3, B-1, D-3 (fix18-status): statements kept apart in the item statuses.
//! An item with every references cell empty is `unmapped` (参照未記入: no reference given),
//! not `outside-ismap` (ISMAP対象外), which a cell saying none keeps; an item the check
//! list's applicability column marks not asked in this procurement is `not-asked`
//! (本件対象外), out of 充足率's denominator, never covered; `compare` tags every cell of a
//! lapsed CSP's column.
mod common;

use std::path::{Path, PathBuf};

use common::xlsx::{row_texts, sheets, text};
use common::{by_id, input_error, json_of, on_checks, stdout_of};

fn fixture(name: &str) -> PathBuf {
    common::data(&format!("fix18-status/{name}"))
}

fn report(lang: &str, checks: &Path, format: &str) -> assert_cmd::Command {
    let mut c = on_checks(lang, "report", checks);
    c.arg("--csp")
        .arg(fixture("ok.yaml"))
        .args(["--format", format]);
    c
}

fn status<'a>(v: &'a serde_json::Value, id: &str) -> &'a str {
    by_id(&v["items"], id)["status"].as_str().unwrap()
}

fn codes(item: &serde_json::Value) -> Vec<&str> {
    item["additional_procedures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// B-3: an empty references cell is "no reference given", not "ISMAP does not assess it":
/// `unmapped`, counted apart, with its own procedure and the suggester's candidates (never
/// credited); a cell saying none (`ISMAP対象外`, `なし`, `-`) stays `outside-ismap` with its
/// topic's procedure.
#[test]
fn an_item_without_references_is_unmapped_not_outside_ismap() {
    let v = json_of(report("ja", &fixture("norefs.csv"), "json"));
    for id in ["N1", "N2"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "unmapped", "{item}");
        assert_eq!(codes(item)[0], "map-references", "{item}");
        let text = item["additional_procedures"][0]["text"].as_str().unwrap();
        assert!(text.starts_with("参照未記入: "), "{text}");
        assert!(!text.contains("ISMAPの対象外:"), "{text}");
        assert!(!item.to_string().contains("own-check"), "{item}");
        assert_eq!(item["controls"], serde_json::json!([]));
    }
    // the candidates the report computes, named, never credited
    let n2 = by_id(&v["items"], "N2");
    assert_eq!(codes(n2), ["map-references", "candidate-references"]);
    assert!(n2.to_string().contains("12.4.1"), "{n2}");
    for id in ["N3", "N4", "N5"] {
        assert_eq!(status(&v, id), "outside-ismap", "{id}");
    }
    assert_eq!(codes(by_id(&v["items"], "N3")), ["own-check-governing-law"]);
    assert_eq!(status(&v, "N6"), "covered");
    let s = &v["summary"];
    assert_eq!(s["unmapped"], 2);
    assert_eq!(s["outside_ismap"], 3);
    assert_eq!(s["not_asked"], 0);
    assert_eq!(s["covered_share"], 0.1667);

    // the table and CSV say so, apart from ISMAP対象外
    let table = stdout_of(report("ja", &fixture("norefs.csv"), "table"));
    assert!(
        table.contains("ISMAP対象外 3 · 参照未記入 2 — 充足率 16.7%"),
        "{table}"
    );
    let csv = stdout_of(report("en", &fixture("norefs.csv"), "csv"));
    let n1 = csv.lines().find(|l| l.starts_with("N1,")).unwrap();
    assert!(n1.contains(",unmapped,"), "{n1}");
    assert!(n1.contains("No reference given"), "{n1}");
    // with none, the counts line leaves it out as it does not-analysed
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "c.csv",
        "項番,確認項目,ISMAP管理策\n1,利用者登録,9.2.1\n",
    );
    let table = stdout_of(report("ja", &path, "table"));
    assert!(!table.contains("参照未記入"), "{table}");
}

/// B-3: `--fail-on outside-ismap` still fails on an unmapped item (more severe), and
/// `--fail-on unmapped` is a level of its own.
#[test]
fn fail_on_counts_an_unmapped_item() {
    for level in ["outside-ismap", "unmapped"] {
        let out = report("en", &fixture("norefs.csv"), "json")
            .args(["--fail-on", level])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{level}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("N1"), "{stderr}");
        if level == "unmapped" {
            assert!(!stderr.contains("N3"), "{stderr}");
        }
    }
}

/// B-3: the workbook writes the status and its fill; `--review` reads its label back.
#[test]
fn the_workbook_writes_unmapped_and_not_asked() {
    let dir = tempfile::tempdir().unwrap();
    for (checks, id, label) in [
        ("norefs.csv", "N1", "参照未記入"),
        ("appl.csv", "Q-1", "本件対象外"),
    ] {
        let path = dir.path().join("gap.xlsx");
        let mut c = report("ja", &fixture(checks), "xlsx");
        c.arg("-o").arg(&path);
        stdout_of(c);
        let (names, ranges) = sheets(&path);
        let k = names.iter().position(|n| n == "ギャップ").unwrap();
        let gaps = &ranges[k];
        let header = row_texts(gaps, 0);
        let col = |h: &str| header.iter().position(|x| x == h).unwrap();
        let row = (1..gaps.height())
            .find(|r| text(gaps, *r, 0) == id)
            .unwrap();
        assert_eq!(text(gaps, row, col("判定")), label, "{checks}");
        // read back by --review as the same status: unchanged
        let v = json_of(
            report("ja", &fixture(checks), "json")
                .arg("--review")
                .arg(&path),
        );
        assert_eq!(
            by_id(&v["items"], id)["review"]["change"],
            "unchanged",
            "{checks}"
        );
    }
}

/// B-1: each applicability column and value of the review marks its item not asked:
/// `not-asked`, never covered, left out of 充足率's denominator, with its procedure.
#[test]
fn an_item_marked_not_asked_is_not_judged_nor_counted_in_the_share() {
    let dir = tempfile::tempdir().unwrap();
    for (header, value) in [
        ("適用", "×"),
        ("対象", "対象外"),
        ("要否", "不要"),
        ("本件適用", "非適用"),
        ("適用有無", "無"),
        ("Applicable", "No"),
        ("In scope", "No"),
        ("確認要否", "不要"),
    ] {
        let path = write(
            dir.path(),
            "c.csv",
            &format!("項番,確認項目,ISMAP管理策,{header}\nQ-1,特権IDの管理,10.1.2,{value}\nQ-2,方針,5.1.1,○\n"),
        );
        let v = json_of(report("ja", &path, "json"));
        let q1 = by_id(&v["items"], "Q-1");
        assert_eq!(q1["status"], "not-asked", "{header} {value}: {q1}");
        assert_eq!(codes(q1), ["not-asked"], "{header}");
        assert_eq!(q1["reasons"], serde_json::json!([]), "{header}");
        assert_eq!(status(&v, "Q-2"), "covered", "{header}");
        let s = &v["summary"];
        assert_eq!(
            (s["total"].as_u64(), s["not_asked"].as_u64()),
            (Some(2), Some(1))
        );
        assert_eq!(s["covered_share"], 1.0, "{header}: of the items asked");
    }
    let table = stdout_of(report("ja", &fixture("appl.csv"), "table"));
    assert!(
        table.contains("本件対象外 2 — 充足率(本件対象外を除く) 100.0%"),
        "{table}"
    );
    // --fail-on passes over an item not asked
    let out = report("en", &fixture("appl.csv"), "json")
        .args(["--fail-on", "not-covered"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// B-1 guard: `○`, `要`, `対象`, `Yes` or an empty cell are judged as without the column;
/// a column of the same header holding no value marking an item not asked (`対象` 全社) is
/// carried as before.
#[test]
fn asked_items_are_judged_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "c.csv",
        "項番,確認項目,ISMAP管理策,適用\nQ-1,特権IDの管理,9.2.3,○\nQ-2,方針,5.1.1,要\nQ-3,a,9.2.1,対象\nQ-4,b,9.2.1,Yes\nQ-5,c,10.1.2,\nQ-6,d,9.2.1,×\n",
    );
    let v = json_of(report("en", &path, "json"));
    for id in ["Q-1", "Q-2", "Q-3", "Q-4"] {
        assert_eq!(status(&v, id), "covered", "{id}");
    }
    assert_eq!(status(&v, "Q-5"), "not-covered");
    assert_eq!(status(&v, "Q-6"), "not-asked");
    let path = write(
        dir.path(),
        "t.csv",
        "項番,確認項目,ISMAP管理策,対象\nQ-1,特権IDの管理,9.2.3,全社\nQ-2,方針,10.1.2,情報システム部\n",
    );
    let v = json_of(report("en", &path, "json"));
    assert_eq!(status(&v, "Q-1"), "covered");
    assert_eq!(status(&v, "Q-2"), "not-covered");
    assert_eq!(by_id(&v["items"], "Q-2")["extra"]["対象"], "情報システム部");
}

/// B-1: in a column marking some item not asked, a value read neither way is refused,
/// naming every row; a header with one more qualifier (`適用（案）`) is refused too.
#[test]
fn an_applicability_column_read_whole_or_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "u.csv",
        "項番,確認項目,ISMAP管理策,適用\nQ-1,特権IDの管理,9.2.3,△\nQ-2,方針,5.1.1,×\nQ-3,x,5.1.1,要検討\nQ-4,y,5.1.1,-\n",
    );
    let err = input_error(report("en", &path, "json"));
    assert!(err.contains("row 2"), "{err}");
    assert!(err.contains("column '適用'"), "{err}");
    assert!(err.contains("'△'"), "{err}");
    assert!(err.contains("also rows 4, 5"), "{err}");
    let out = report("ja", &path, "json").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let ja = String::from_utf8_lossy(&out.stderr);
    assert!(ja.contains("対象とも対象外とも読めません"), "{ja}");
    for header in ["適用（案）", "適用(暫定)", "要否（前回）"] {
        let path = write(
            dir.path(),
            "q.csv",
            &format!(
                "項番,確認項目,ISMAP管理策,{header}\nQ-1,特権IDの管理,9.2.3,×\nQ-2,方針,5.1.1,○\n"
            ),
        );
        let err = input_error(report("en", &path, "json"));
        assert!(err.contains("header is qualified"), "{header}: {err}");
    }
    // the qualified header with nothing marked not asked is carried as before
    let path = write(
        dir.path(),
        "q.csv",
        "項番,確認項目,ISMAP管理策,適用（案）\nQ-1,特権IDの管理,9.2.3,○\n",
    );
    let v = json_of(report("en", &path, "json"));
    assert_eq!(status(&v, "Q-1"), "covered");
}

/// B-1 in `compare`: the item is not asked of any CSP, its column counted, the share of
/// each CSP over the items asked.
#[test]
fn compare_counts_not_asked_apart() {
    let mut c = on_checks("en", "compare", fixture("appl.csv"));
    c.arg("--csp")
        .arg(fixture("ok.yaml"))
        .arg("--csp")
        .arg(fixture("old.yaml"))
        .args(["--format", "json"]);
    let v = json_of(c);
    let q1 = by_id(&v["items"], "Q-1");
    assert_eq!(q1["statuses"]["OK SaaS"], "not-asked");
    assert_eq!(q1["statuses"]["Old SaaS"], "not-asked");
    let ok = &v["csps"][0];
    assert_eq!(ok["name"], "OK SaaS");
    assert_eq!(ok["counts"]["not_asked"], 2);
    assert_eq!(ok["covered_share"], 1.0);
}

/// D-3: every cell of a lapsed CSP's column says 失効, whatever its status (not-covered,
/// not-analysed, outside-ismap, unmapped); a valid CSP's cells do not; an item not asked
/// is not tagged.
#[test]
fn every_cell_of_a_lapsed_csp_says_so() {
    let cmd = |lang: &str, checks: &str, format: &str| {
        let mut c = on_checks(lang, "compare", fixture(checks));
        c.arg("--csp")
            .arg(fixture("ok.yaml"))
            .arg("--csp")
            .arg(fixture("old.yaml"))
            .args(["--format", format]);
        c
    };
    let csv = stdout_of(cmd("ja", "lapsed-cells.csv", "csv"));
    let row = |id: &str| -> Vec<String> {
        let line = csv
            .lines()
            .find(|l| l.starts_with(&format!("{id},")))
            .unwrap();
        line.split(',').map(str::to_owned).collect()
    };
    for (id, valid, lapsed) in [
        ("M1", "充足", "保証水準不足（失効）"),
        ("M2", "未充足（記載なし）", "未充足（失効・記載なし）"),
        ("M3", "判定不能", "判定不能（失効）"),
        ("M4", "ISMAP対象外", "ISMAP対象外（失効）"),
        ("M5", "参照未記入", "参照未記入（失効）"),
    ] {
        let r = row(id);
        assert_eq!(r[2], valid, "{id}");
        assert_eq!(r[3], lapsed, "{id}");
    }
    let md = stdout_of(cmd("en", "lapsed-cells.csv", "md"));
    assert!(md.contains("| not-analysed (lapsed) |"), "{md}");
    // an item not asked is asked of no CSP: no tag
    let csv = stdout_of(cmd("ja", "appl.csv", "csv"));
    let q1 = csv.lines().find(|l| l.starts_with("Q-1,")).unwrap();
    assert_eq!(q1, "Q-1,特権IDの管理,本件対象外,本件対象外");
    // the workbook's matrix as the CSV
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cmp.xlsx");
    let mut c = cmd("ja", "lapsed-cells.csv", "xlsx");
    c.arg("-o").arg(&path);
    stdout_of(c);
    let (_, ranges) = sheets(&path);
    let matrix = &ranges[1];
    let m3 = (1..matrix.height())
        .find(|r| text(matrix, *r, 0) == "M3")
        .unwrap();
    assert_eq!(text(matrix, m3, 3), "判定不能（失効）");
}
