//! Review 9, the catalog (fix9-cat): `catalog validate` and every `--catalog FILE` load run
//! one set of checks and refuse what the numbering contradicts (an overview other than
//! 3.1.1, a layer against its clause, a parent that is not the entry's numeric prefix, an
//! objective's Annex A reference other than its own number, a B/PB/P id of ISMAP管理基準
//! written without its flag); `catalog import` reads or refuses what it used to drop.
mod common;

use std::path::PathBuf;

use common::{bin, data, input_error};
use serde_json::Value;

/// The embedded catalog as JSON, to derive one-edit catalogs from.
fn embedded() -> Value {
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("catalog/embedded.json"),
    )
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

fn entry<'a>(doc: &'a mut Value, id: &str) -> &'a mut serde_json::Map<String, Value> {
    doc["entries"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["id"] == id)
        .unwrap()
        .as_object_mut()
        .unwrap()
}

/// The embedded catalog with one edit, written to a file of its own.
fn edited(name: &str, edit: impl FnOnce(&mut Value)) -> PathBuf {
    let mut doc = embedded();
    edit(&mut doc);
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("fix9_cat-{name}.json"));
    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    path
}

/// `catalog validate` and `report --catalog` both refuse the file with `needle`.
fn refused(path: &PathBuf, needle: &str) {
    let out = bin()
        .arg("--catalog")
        .arg(path)
        .args(["catalog", "validate"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(needle), "validate: {err}");
    let err = input_error(
        bin()
            .args(["report", "--as-of", "2026-04-01", "--checks"])
            .arg(data("fix9_cat/k2.csv"))
            .arg("--csp")
            .arg(data("fix9_cat/st-det.csv"))
            .arg("--catalog")
            .arg(path),
    );
    assert!(err.contains(needle), "report: {err}");
    assert!(
        err.contains(&*path.display().to_string()),
        "names the file: {err}"
    );
}

#[test]
fn the_embedded_catalog_written_to_a_file_is_valid() {
    let path = edited("same", |_| {});
    let out = bin()
        .arg("--catalog")
        .arg(&path)
        .args(["catalog", "validate"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // a small hand-written catalog stays valid too
    let out = bin()
        .arg("--catalog")
        .arg(data("catalog-good.yaml"))
        .args(["catalog", "validate"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_overview_other_than_3_1_1_is_refused() {
    let path = edited("overview", |d| {
        entry(d, "9.2.4").insert("level".into(), "overview".into());
    });
    refused(
        &path,
        "entry '9.2.4' is an overview, but ISMAP管理基準's only overview is 3.1.1",
    );
}

#[test]
fn a_layer_against_its_clause_is_refused() {
    let path = edited("layer", |d| {
        entry(d, "9.2.4").insert("layer".into(), "governance".into());
    });
    refused(
        &path,
        "entry '9.2.4' is in layer governance, but clause 9 is the control layer",
    );
}

#[test]
fn a_parent_that_is_not_the_numeric_prefix_is_refused() {
    let path = edited("moved", |d| {
        entry(d, "9.2.4").insert("parent".into(), "9.3".into());
    });
    refused(
        &path,
        "entry '9.2.4' has parent '9.3', but its number puts it under '9.2'",
    );
    let path = edited("wrongparent", |d| {
        entry(d, "9.2.3.11.PB").insert("parent".into(), "9.4.2".into());
    });
    refused(
        &path,
        "entry '9.2.3.11.PB' has parent '9.4.2', but its number puts it under '9.2.3'",
    );
    let path = edited("noparent", |d| {
        entry(d, "9.2.4").remove("parent");
    });
    refused(
        &path,
        "entry '9.2.4' has no parent, but its number puts it under '9.2'",
    );
    // a detail of a cloud objective sits under it with the suffix: 8.1.5.4.P under 8.1.5.P
    let path = edited("cloudparent", |d| {
        entry(d, "8.1.5.4.P").insert("parent".into(), "8.1".into());
    });
    refused(
        &path,
        "entry '8.1.5.4.P' has parent '8.1', but its number puts it under '8.1.5.P'",
    );
}

#[test]
fn an_objectives_annex_a_reference_other_than_its_own_number_is_refused() {
    let path = edited("annex", |d| {
        let refs = entry(d, "9.2.1").get_mut("refs").unwrap();
        refs["annex_a"] = serde_json::json!(["A.9.2.4"]);
    });
    refused(
        &path,
        "entry '9.2.1': Annex A reference 'A.9.2.4' is not its own number A.9.2.1",
    );
}

#[test]
fn a_basic_detail_written_without_its_suffix_is_refused() {
    let path = edited("nosuffix", |d| {
        let e = entry(d, "9.2.3.11.PB");
        e.insert("id".into(), "9.2.3.11".into());
        e.remove("flags");
    });
    refused(
        &path,
        "entry '9.2.3.11' is '9.2.3.11.PB' in ISMAP管理基準, but neither its id nor its flags carry B (basic statement requirement) and P (cloud)",
    );
    let path = edited("cloudnosuffix", |d| {
        let e = entry(d, "8.1.5.P");
        e.insert("id".into(), "8.1.5".into());
        e.remove("flags");
        entry(d, "8.1.5.4.P").insert("parent".into(), "8.1.5".into());
    });
    refused(&path, "entry '8.1.5' is '8.1.5.P' in ISMAP管理基準, but neither its id nor its flags carry P (cloud)");
    // the flags written out keep the catalog valid: nothing is made weaker
    let path = edited("flagged", |d| {
        let e = entry(d, "9.2.3.11.PB");
        e.insert("id".into(), "9.2.3.11".into());
        e.insert(
            "flags".into(),
            serde_json::json!({"basic": true, "cloud_provider": true}),
        );
    });
    let out = bin()
        .arg("--catalog")
        .arg(&path)
        .args(["catalog", "validate"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

// ---------------------------------------------------------------------------------------
// catalog import (A-imp-1, C-imp-2, C-imp-3)

fn tmp(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("fix9_cat-{name}"))
}

/// A workbook with the criteria on sheet `管理基準`, other sheets after it.
fn workbook(
    name: &str,
    rows: &[&[&str]],
    hidden_row: Option<u32>,
    more: &[(&str, &[&[&str]])],
) -> PathBuf {
    let mut wb = rust_xlsxwriter::Workbook::new();
    common::add_text_sheet(&mut wb, "管理基準", rows);
    if let Some(r) = hidden_row {
        wb.worksheet_from_index(0)
            .unwrap()
            .set_row_hidden(r)
            .unwrap();
    }
    for (sheet, rows) in more {
        common::add_text_sheet(&mut wb, sheet, rows);
    }
    let path = tmp(&format!("{name}.xlsx"));
    wb.save(&path).unwrap();
    path
}

const HEAD: &[&str] = &["管理策番号", "管理策", "区分"];

#[test]
fn import_reads_a_suffix_column_of_its_own() {
    let book = workbook(
        "kubun",
        &[
            HEAD,
            &["8.1.5", "クラウド資産", "P"],
            &["8.1.5.4", "", "P"],
            &["9.2.3", "特権的アクセス権の管理", ""],
            &["9.2.3.11", "", "PB"],
            &["9.2.3.12", "", ""],
        ],
        None,
        &[],
    );
    let out_file = tmp("kubun.yaml");
    let out = bin()
        .args(["catalog", "import"])
        .arg(&book)
        .arg("-o")
        .arg(&out_file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = common::json_of(bin().arg("--catalog").arg(&out_file).args([
        "catalog",
        "show",
        "9.2.3.11.PB",
        "--format",
        "json",
    ]));
    let text = v.to_string();
    assert!(text.contains("\"9.2.3.11.PB\""), "{text}");
    assert!(text.contains("\"basic\":true"), "{text}");
    let yaml = std::fs::read_to_string(&out_file).unwrap();
    assert!(
        yaml.contains("id: 8.1.5.P") || yaml.contains("id: '8.1.5.P'"),
        "{yaml}"
    );
    assert!(yaml.contains("8.1.5.4.P"), "{yaml}");
    assert!(!yaml.contains("id: 9.2.3.11\n"), "{yaml}");

    // a suffix column contradicting the id is refused, naming the row
    let book = workbook(
        "kubun-bad",
        &[HEAD, &["9.2.3", "", ""], &["9.2.3.11.B", "", "PB"]],
        None,
        &[],
    );
    let err = input_error(
        bin()
            .args(["catalog", "import"])
            .arg(&book)
            .arg("-o")
            .arg(tmp("kubun-bad.yaml")),
    );
    assert!(
        err.contains("row 3")
            && err
                .contains("id '9.2.3.11.B' has the suffix B, but its row's suffix column says PB"),
        "{err}"
    );
}

#[test]
fn import_without_the_suffix_of_a_basic_detail_is_refused() {
    let book = workbook(
        "nosuffix",
        &[
            &["管理策番号", "管理策"],
            &["9.2.3", "特権"],
            &["9.2.3.11", "詳細"],
        ],
        None,
        &[],
    );
    let err = input_error(
        bin()
            .args(["catalog", "import"])
            .arg(&book)
            .arg("-o")
            .arg(tmp("nosuffix.yaml")),
    );
    assert!(
        err.contains("entry '9.2.3.11' is '9.2.3.11.PB' in ISMAP管理基準, but neither its id nor its flags carry B"),
        "{err}"
    );
    assert!(!tmp("nosuffix.yaml").exists(), "no output written");
}

#[test]
fn import_names_hidden_rows_and_other_sheets_with_ids() {
    let book = workbook(
        "hidden",
        &[
            HEAD,
            &["9.2.3", "特権", ""],
            &["9.2.3.12.B", "旧：削除された詳細管理策", ""],
            &["9.2.4", "秘密認証情報", ""],
        ],
        Some(2),
        &[(
            "マネジメント基準",
            &[
                &["管理策番号", "管理策"],
                &["4.4.1", "役割"],
                &["4.4.2", "組織"],
            ],
        )],
    );
    let out = bin()
        .args(["catalog", "import"])
        .arg(&book)
        .arg("-o")
        .arg(tmp("hidden.yaml"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("row 3") && err.contains("'9.2.3.12.B': the row is hidden"),
        "{err}"
    );
    assert!(
        err.contains("sheet(s) 'マネジメント基準' also hold ISMAP ids and were not imported"),
        "{err}"
    );
    let yaml = std::fs::read_to_string(tmp("hidden.yaml")).unwrap();
    assert!(!yaml.contains("9.2.3.12"), "{yaml}");
}

#[test]
fn import_refuses_a_second_id_column() {
    let book = workbook(
        "twolevel",
        &[
            &["統制目標番号", "統制目標", "詳細管理策番号", "詳細管理策"],
            &["9.2.3", "特権", "9.2.3.1", "a"],
            &["", "", "9.2.3.11.PB", "b"],
            &["9.2.4", "秘密", "9.2.4.1", "c"],
        ],
        None,
        &[],
    );
    let err = input_error(
        bin()
            .args(["catalog", "import"])
            .arg(&book)
            .arg("-o")
            .arg(tmp("twolevel.yaml")),
    );
    // whichever column the import takes for ids, the other is named
    assert!(
        err.contains("a second column of ISMAP ids beside the id column"),
        "{err}"
    );
    assert!(
        err.contains("詳細管理策番号") && err.contains("統制目標番号"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------
// B-cat-4: the deliverables name the catalog file

#[test]
fn every_deliverable_names_the_catalog_file() {
    let path = edited("retitled", |d| {
        entry(d, "9.2.1").insert(
            "title".into(),
            serde_json::json!({"ja": "暗号鍵の管理", "en": "Key management"}),
        );
    });
    let report = |format: &str, out: Option<&PathBuf>| {
        let mut c = bin();
        c.args([
            "--lang",
            "ja",
            "report",
            "--as-of",
            "2026-04-01",
            "--checks",
        ])
        .arg(data("fix9_cat/k2.csv"))
        .arg("--csp")
        .arg(data("fix9_cat/st-det.csv"))
        .arg("--catalog")
        .arg(&path)
        .args(["--format", format]);
        if let Some(o) = out {
            c.arg("-o").arg(o);
        }
        c
    };
    let marker = "[--catalog fix9_cat-retitled.json]";
    let table = common::stdout_of(report("table", None));
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("カタログ:") && l.contains(marker)),
        "{table}"
    );
    let md = common::stdout_of(report("md", None));
    assert!(md.contains("fix9\\_cat-retitled.json"), "{md}");
    let xlsx = tmp("retitled.xlsx");
    common::stdout_of(report("xlsx", Some(&xlsx)));
    let (_, ranges) = common::xlsx::sheets(&xlsx);
    let found = ranges.iter().any(|r| {
        (0..r.height()).any(|row| {
            common::xlsx::row_texts(r, row)
                .iter()
                .any(|t| t.contains(marker))
        })
    });
    assert!(found, "the xlsx summary names the file");
    // the embedded catalog is named as before
    let mut c = bin();
    c.args([
        "--lang",
        "ja",
        "report",
        "--as-of",
        "2026-04-01",
        "--checks",
    ])
    .arg(data("fix9_cat/k2.csv"))
    .arg("--csp")
    .arg(data("fix9_cat/st-det.csv"));
    let table = common::stdout_of(c);
    assert!(!table.contains("[--catalog"), "{table}");
    // validate notes a file that keeps the embedded name and version but differs
    let out = bin()
        .arg("--catalog")
        .arg(&path)
        .args(["catalog", "validate"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("keeps the embedded catalog's name and version but differs from it (0 added, 0 removed, 1 changed)"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------
// A-cat-3: what the CSP states on an id the catalog lacks keeps the item from 充足

fn items_of(catalog: &PathBuf) -> Value {
    common::json_of(
        bin()
            .args([
                "report",
                "--as-of",
                "2026-04-01",
                "--format",
                "json",
                "--checks",
            ])
            .arg(data("fix9_cat/k2.csv"))
            .arg("--csp")
            .arg(data("fix9_cat/st-det.csv"))
            .arg("--catalog")
            .arg(catalog),
    )
}

#[test]
fn an_id_the_csp_states_but_the_catalog_lacks_keeps_the_item_from_covered() {
    let path = edited("missing-objective", |d| {
        d["entries"]
            .as_array_mut()
            .unwrap()
            .retain(|e| e["id"] != "9.2.4" && e["parent"] != "9.2.4");
    });
    let v = items_of(&path);
    let k4 = common::by_id(&v["items"], "K-4");
    assert_eq!(k4["status"], "partial", "{k4}");
    assert!(
        common::strings(&k4["reasons"]).contains(&"csp-id-not-in-catalog"),
        "{k4}"
    );
    // K-8 (9.4.2) has no unknown id under it
    assert_eq!(common::by_id(&v["items"], "K-8")["status"], "covered");

    let path = edited("missing-detail", |d| {
        d["details_complete"] = true.into();
        d["entries"]
            .as_array_mut()
            .unwrap()
            .retain(|e| e["id"] != "9.2.3.11.PB");
    });
    let v = items_of(&path);
    let k2 = common::by_id(&v["items"], "K-2");
    assert_eq!(k2["status"], "partial", "{k2}");
    assert!(
        common::strings(&k2["reasons"]).contains(&"csp-id-not-in-catalog"),
        "{k2}"
    );
}

// ---------------------------------------------------------------------------------------
// catalog show: what it says of a suffix and of a detail it does not hold (D-cat-6, D-cat-7)

#[test]
fn catalog_show_names_another_suffix_and_does_not_say_there_are_no_details() {
    let out = common::stdout_of(bin().args(["--lang", "en", "catalog", "show", "9.2.3.11.B"]));
    assert!(
        out.contains("the suffix differs: the catalog writes 9.2.3.11.PB (given 9.2.3.11.B)"),
        "{out}"
    );
    let out = common::stdout_of(bin().args(["--lang", "en", "catalog", "show", "9.2.3.99"]));
    assert!(
        out.contains("does not hold every detailed control"),
        "{out}"
    );
    assert!(!out.contains("holds no detailed controls"), "{out}");
    // the exact id: no note
    let out = common::stdout_of(bin().args(["--lang", "en", "catalog", "show", "9.2.3.11.PB"]));
    assert!(!out.contains("suffix differs"), "{out}");
}

#[test]
fn import_keeps_the_short_title_a_workbook_title_begins_with() {
    let book = workbook(
        "longtitle",
        &[
            &["管理策番号", "管理策"],
            &[
                "9.2.1",
                "利用者登録及び登録削除について、組織は適切な手順を定め、実施する。",
            ],
            &["9.2.2", "独自の名称"],
        ],
        None,
        &[],
    );
    let out_file = tmp("longtitle.yaml");
    let out = bin()
        .args(["catalog", "import"])
        .arg(&book)
        .arg("-o")
        .arg(&out_file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let show = |id: &str| {
        common::json_of(
            bin()
                .arg("--catalog")
                .arg(&out_file)
                .args(["catalog", "show", id, "--format", "json"]),
        )
        .to_string()
    };
    let s = show("9.2.1");
    assert!(s.contains("\"ja\":\"利用者登録及び登録削除\""), "{s}");
    assert!(!s.contains("組織は適切な手順"), "{s}");
    // a title that does not begin with the short one is the workbook's
    assert!(show("9.2.2").contains("\"ja\":\"独自の名称\""));
}
