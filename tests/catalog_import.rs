//! `ismap-gap catalog import` on workbooks built in the test, then the imported catalog
//! used by the other catalog commands.
mod common;

use std::path::{Path, PathBuf};

use common::{bin, input_error, json_of, stdout_of};
use rust_xlsxwriter::{Format, Workbook};
use serde_json::Value;

/// A cell to write: text, or a number as Excel stores a typed-in `1`.
enum Cell<'a> {
    T(&'a str),
    N(f64),
}
use Cell::{N, T};

/// A workbook "in the official layout's spirit": title rows above the header (one merged
/// across the columns), a running number, the id, the text and a basic-requirement mark.
fn official_like(dir: &Path) -> PathBuf {
    let path = dir.join("ISMAP管理基準_2023年版.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("管理基準").unwrap();
    let merged = Format::new();
    ws.merge_range(0, 0, 0, 3, "ISMAP管理基準（テスト用の合成データ）", &merged)
        .unwrap();
    ws.write_string(1, 0, "版").unwrap();
    ws.write_string(1, 1, "合成 2023").unwrap();
    let header = ["No", "管理策番号", "管理策", "基本言明要件"];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(3, c as u16, *h).unwrap();
    }
    let rows: &[[Cell; 4]] = &[
        [
            N(1.0),
            T("3.1.2"),
            T("経営陣は情報セキュリティの方向性を示す（合成）"),
            T(""),
        ],
        [
            N(2.0),
            T("4.4.1"),
            T("組織は情報セキュリティマネジメントシステムを確立する（合成）"),
            T(""),
        ],
        [
            N(3.0),
            T("5.1.1"),
            T("情報セキュリティのための方針群を定める（合成）"),
            T(""),
        ],
        [
            N(4.0),
            T("5.1.1.1"),
            T("方針群を文書化する（合成）"),
            T("○"),
        ],
        [N(5.0), T("6.3.1.P"), T("Shared roles (synthetic)"), T("")],
        [
            N(6.0),
            T("8.1.5.P"),
            T("クラウドサービスカスタマの資産を除去する（合成）"),
            T(""),
        ],
        [
            N(7.0),
            T("8.1.5.1.PB"),
            T("資産を返却し\n削除する（合成）"),
            T(""),
        ],
        [
            N(8.0),
            T("９．２．１"),
            T("利用者登録及び\n登録削除を行う（合成）"),
            T(""),
        ],
        [
            N(9.0),
            T("9.2.1.1"),
            T("利用者IDを一意にする（合成）"),
            T("●"),
        ],
        [
            N(10.0),
            T("9.2.1.2.B"),
            T("不要なIDを削除する（合成）"),
            T(""),
        ],
        [N(11.0), T("9.2.1.3"), T("IDの棚卸をする（合成）"), T("×")],
    ];
    let mut r = 4u32;
    for row in rows {
        for (c, cell) in row.iter().enumerate() {
            match cell {
                T("") => {}
                T(s) => {
                    ws.write_string(r, c as u16, *s).unwrap();
                }
                N(n) => {
                    ws.write_number(r, c as u16, *n).unwrap();
                }
            }
        }
        r += 1;
    }
    // a merged block: the id 9.2.2 spans two rows, the second row continues the text
    ws.merge_range(r, 1, r + 1, 1, "9.2.2", &merged).unwrap();
    ws.write_number(r, 0, 12.0).unwrap();
    ws.write_string(r, 2, "利用者アクセスを提供する（合成）")
        .unwrap();
    ws.write_string(r + 1, 2, "（前行の補足）").unwrap();
    ws.write_number(r + 2, 0, 13.0).unwrap();
    ws.write_string(r + 2, 1, "9.2.2.1").unwrap();
    ws.write_string(r + 2, 2, "アクセス権を申請に基づき付与する（合成）")
        .unwrap();
    wb.save(&path).unwrap();
    path
}

/// Imports `book` into `dir/out.yaml` and returns the output path.
fn import(book: &Path, dir: &Path, extra: &[&str]) -> PathBuf {
    let out = dir.join("out.yaml");
    let mut cmd = bin();
    cmd.arg("catalog")
        .arg("import")
        .arg(book)
        .arg("-o")
        .arg(&out)
        .args(extra);
    let o = cmd.output().unwrap();
    assert!(
        o.status.success(),
        "import failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

fn show(catalog: &Path, id: &str) -> Value {
    let v = json_of(
        bin()
            .arg("--catalog")
            .arg(catalog)
            .args(["catalog", "show", id, "--format", "json"]),
    );
    let entries = v["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{v}");
    entries[0]["entry"].clone()
}

fn imported_official_like() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let book = official_like(dir.path());
    let out = import(&book, dir.path(), &[]);
    (dir, out)
}

#[test]
fn imported_catalog_validates_and_carries_name_version_and_notice() {
    let (_dir, out) = imported_official_like();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("# Imported by ismap-gap catalog import"));
    let doc: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    assert_eq!(
        doc["name"].as_str(),
        Some("ISMAP管理基準 (imported from ISMAP管理基準_2023年版.xlsx)")
    );
    assert_eq!(doc["version"].as_str(), Some("2023年版"));
    assert!(doc["notice"]
        .as_str()
        .unwrap()
        .contains("do not redistribute"));
    assert!(doc["sources"]["official-workbook"]
        .as_str()
        .unwrap()
        .contains("sheet '管理基準'"));
    let valid = stdout_of(
        bin()
            .arg("--catalog")
            .arg(&out)
            .args(["catalog", "validate"]),
    );
    assert!(valid.contains("valid"), "{valid}");
}

#[test]
fn details_hang_under_their_objectives() {
    let (_dir, out) = imported_official_like();
    let e = show(&out, "9.2.1.2.B");
    assert_eq!(e["id"], "9.2.1.2.B");
    assert_eq!(e["level"], "detail");
    assert_eq!(e["layer"], "control");
    assert_eq!(e["parent"], "9.2.1");
    assert_eq!(e["title"]["ja"], "不要なIDを削除する（合成）");
    assert!(e["sources"]
        .as_array()
        .unwrap()
        .contains(&Value::from("official-workbook")));
    // the detail of the cloud objective
    let e = show(&out, "8.1.5.1.PB");
    assert_eq!(e["parent"], "8.1.5.P");
    assert_eq!(e["title"]["ja"], "資産を返却し削除する（合成）");
    // the id under a merged block
    assert_eq!(show(&out, "9.2.2.1")["parent"], "9.2.2");
    assert_eq!(
        show(&out, "9.2.2")["title"]["ja"],
        "利用者アクセスを提供する（合成）"
    );
}

#[test]
fn objectives_get_the_embedded_cross_references_and_headings() {
    let (_dir, out) = imported_official_like();
    // the full-width id, with its multi-line title on one line
    let e = show(&out, "9.2.1");
    assert_eq!(e["level"], "objective");
    assert_eq!(e["parent"], "9.2");
    assert_eq!(e["title"]["ja"], "利用者登録及び登録削除を行う（合成）");
    assert_eq!(e["title"]["en"], "User registration and de-registration");
    let nist: Vec<&str> = e["refs"]["nist_sp800_53"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(nist.contains(&"AC-2"), "{nist:?}");
    assert_eq!(e["refs"]["annex_a"][0], "A.9.2.1");
    let sources = e["sources"].as_array().unwrap();
    assert!(sources.contains(&Value::from("nist-sp800-53r5-iso27001")));
    // the category heading 9.2, absent from the workbook, came from the embedded catalog
    let h = show(&out, "9.2");
    assert_eq!(h["level"], "category");
    assert_eq!(h["parent"], "9");
    assert_eq!(h["sources"][0], "iso27002-2013");
    // governance and management ids hang under their categories, copied from the
    // embedded catalog with their headings and cross-references
    let g = show(&out, "3.1.2");
    assert_eq!(
        (g["layer"].as_str(), g["parent"].as_str()),
        (Some("governance"), Some("3.1"))
    );
    assert_eq!(g["refs"]["iso27014_2013"][0], "5.3.2");
    assert_eq!(g["title"]["en"], "Evaluate");
    assert_eq!(
        g["title"]["ja"],
        "経営陣は情報セキュリティの方向性を示す（合成）"
    );
    let m = show(&out, "4.4.1");
    assert_eq!(
        (m["layer"].as_str(), m["parent"].as_str()),
        (Some("management"), Some("4.4"))
    );
    assert_eq!(
        show(&out, "4.4")["title"]["en"],
        "Establishment of information security management"
    );
    // an English title goes to `en`; the Japanese short title comes from the embedded one
    let p = show(&out, "6.3.1.P");
    assert_eq!(p["title"]["en"], "Shared roles (synthetic)");
    assert_eq!(p["parent"], "6.3");
    assert_eq!(p["refs"]["jis_q_27017"][0], "CLD.6.3.1");
}

#[test]
fn stats_count_the_imported_details() {
    let (_dir, out) = imported_official_like();
    let v = json_of(
        bin()
            .arg("--catalog")
            .arg(&out)
            .args(["catalog", "stats", "--format", "json"]),
    );
    assert_eq!(v["details"], 6, "{v}");
    assert_eq!(v["objectives"], 5, "{v}");
    assert_eq!(v["governance"]["objectives"], 1);
    assert_eq!(v["management"]["objectives"], 1);
    assert_eq!(v["completeness"]["has_details"], true);
    // a workbook with detailed controls holds all of them: nothing is said to be lacking
    assert_eq!(v["completeness"]["details_complete"], true);
    assert_eq!(v["completeness"]["lacks"], "");
}

#[test]
fn flags_come_from_suffixes_and_the_basic_column() {
    let (_dir, out) = imported_official_like();
    let flags = |id: &str| {
        let f = &show(&out, id)["flags"];
        (
            f["basic"].as_bool().unwrap_or(false),
            f["cloud_provider"].as_bool().unwrap_or(false),
        )
    };
    assert_eq!(flags("8.1.5.P"), (false, true));
    assert_eq!(flags("8.1.5.1.PB"), (true, true));
    assert_eq!(flags("9.2.1.2.B"), (true, false));
    assert_eq!(flags("5.1.1.1"), (true, false), "○ in the basic column");
    assert_eq!(flags("9.2.1.1"), (true, false), "● in the basic column");
    assert_eq!(flags("9.2.1.3"), (false, false), "× in the basic column");
    assert_eq!(flags("9.2.1"), (false, false));
    let v = json_of(
        bin()
            .arg("--catalog")
            .arg(&out)
            .args(["catalog", "list", "--basic", "--format", "json"]),
    );
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["5.1.1.1", "8.1.5.1.PB", "9.2.1.1", "9.2.1.2.B"]);
}

/// Headers nobody could guess, and a notes column with more text than the titles.
fn unrecognisable(dir: &Path) -> PathBuf {
    let path = dir.join("odd.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let rows: &[[&str; 4]] = &[
        ["区分", "識別子", "本文", "補足"],
        [
            "x",
            "9.2.1",
            "利用者登録（合成）",
            "とても長い補足の文章がここに入る（合成）",
        ],
        [
            "x",
            "9.2.1.1",
            "一意なID（合成）",
            "これも長い補足の文章がここに入る（合成）",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, s) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *s).unwrap();
        }
    }
    wb.save(&path).unwrap();
    path
}

#[test]
fn column_overrides_pick_the_id_and_title_columns() {
    let dir = tempfile::tempdir().unwrap();
    let book = unrecognisable(dir.path());
    // unaided, the longest text right of the ids is taken for the title
    let out = import(&book, dir.path(), &[]);
    assert_eq!(
        show(&out, "9.2.1.1")["title"]["ja"],
        "これも長い補足の文章がここに入る（合成）"
    );
    // by header text and by letter
    for args in [
        ["--id-column", "識別子", "--title-column", "C"],
        ["--id-column", "B", "--title-column", "本文"],
    ] {
        let out = import(&book, dir.path(), &args);
        let e = show(&out, "9.2.1.1");
        assert_eq!(e["title"]["ja"], "一意なID（合成）", "{args:?}");
        assert_eq!(e["parent"], "9.2.1");
    }
    let out = import(
        &book,
        dir.path(),
        &["--catalog-name", "My ISMAP", "--catalog-version", "2024-07"],
    );
    let v = json_of(
        bin()
            .arg("--catalog")
            .arg(&out)
            .args(["catalog", "stats", "--format", "json"]),
    );
    assert_eq!(
        (v["catalog"].as_str(), v["version"].as_str()),
        (Some("My ISMAP"), Some("2024-07"))
    );
}

/// Runs an import that must fail with exit 2 and leave no output; returns stderr.
fn failing_import(book: &Path, dir: &Path, extra: &[&str]) -> String {
    let out = dir.join("never.yaml");
    let stderr = input_error(
        bin()
            .arg("catalog")
            .arg("import")
            .arg(book)
            .arg("-o")
            .arg(&out)
            .args(extra),
    );
    assert!(!out.exists(), "an output file was left: {stderr}");
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    stderr
}

#[test]
fn a_file_that_is_not_a_workbook_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("fake.xlsx");
    std::fs::write(&book, "管理策番号,管理策\n9.2.1,利用者登録\n").unwrap();
    let err = failing_import(&book, dir.path(), &[]);
    assert!(err.contains("fake.xlsx"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

#[test]
fn duplicate_ids_name_both_rows() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("dup.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("基準").unwrap();
    let rows: &[[&str; 2]] = &[
        ["管理策番号", "管理策"],
        ["9.2.1", "一つ目"],
        ["9.2.2", "二つ目"],
        ["９．２．１", "重複"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, s) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *s).unwrap();
        }
    }
    wb.save(&book).unwrap();
    let err = failing_import(&book, dir.path(), &[]);
    assert!(
        err.contains("duplicate id '9.2.1' on rows 2 and 4"),
        "{err}"
    );
    assert!(err.contains("sheet '基準'"), "{err}");
}

#[test]
fn a_missing_sheet_lists_the_sheets() {
    let dir = tempfile::tempdir().unwrap();
    let book = official_like(dir.path());
    let err = failing_import(&book, dir.path(), &["--sheet", "詳細"]);
    assert!(err.contains("no sheet named '詳細'"), "{err}");
    assert!(err.contains("管理基準"), "{err}");
}

#[test]
fn a_sheet_without_ids_asks_for_the_id_column() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("none.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "名前").unwrap();
    ws.write_string(0, 1, "説明").unwrap();
    ws.write_string(1, 0, "a").unwrap();
    ws.write_string(1, 1, "b").unwrap();
    wb.save(&book).unwrap();
    let err = failing_import(&book, dir.path(), &[]);
    assert!(err.contains("no id column found"), "{err}");
    assert!(err.contains("A '名前', B '説明'"), "{err}");
    assert!(err.contains("--id-column"), "{err}");
    let err = failing_import(&book, dir.path(), &["--id-column", "A"]);
    assert!(err.contains("no ISMAP ids found"), "{err}");
    let err = failing_import(&book, dir.path(), &["--catalog-version", " "]);
    assert!(err.contains("--catalog-version is empty"), "{err}");
}

/// Id cells holding something other than one id are reported, row by row, not dropped
/// without a word; the rows that do hold an id are imported.
#[test]
fn id_cells_that_are_no_id_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("skips.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("管理基準").unwrap();
    let rows: &[[&str; 2]] = &[
        ["管理策番号", "管理策"],
        ["9.2.1", "利用者登録（合成）"],
        ["9.2.x", "番号が壊れた行（合成）"],
        ["9.2.1.1, 9.2.1.2", "二つの番号（合成）"],
        ["", "注記の行（合成）"],
        ["9.2.2", "利用者アクセスの提供（合成）"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                ws.write_string(r as u32, c as u16, *text).unwrap();
            }
        }
    }
    wb.save(&book).unwrap();
    let out = dir.path().join("out.yaml");
    let o = bin()
        .args(["catalog", "import"])
        .arg(&book)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success());
    let stderr = String::from_utf8(o.stderr).unwrap();
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("warning:"))
        .collect();
    assert_eq!(warnings.len(), 2, "{stderr}");
    assert!(
        warnings[0].contains("row 3") && warnings[0].contains("'9.2.x' is not an ISMAP id"),
        "{stderr}"
    );
    assert!(
        warnings[1].contains("row 4") && warnings[1].contains("'9.2.1.1, 9.2.1.2'"),
        "{stderr}"
    );
    assert!(stderr.contains("(2 row(s) skipped"), "{stderr}");
    assert_eq!(
        show(&out, "9.2.2")["title"]["ja"],
        "利用者アクセスの提供（合成）"
    );
}
