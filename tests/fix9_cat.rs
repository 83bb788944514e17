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
