//! Review 11's check-list findings, third wave (`tests/data/fix12-chk/`): a references
//! header whose note says the buyer's mapping is approximate, partial or not settled
//! (`ISMAP管理策（近似）`, `（一部対応）`, `（仮）`, `（要確認）`, `(approx.)`) refused naming the
//! column, never read as exact, while notes that do not (`（統制目標）`, `（2024年改訂後）`,
//! `(新)`) read as before; English check-item headers (`Check item`, `Requirement`,
//! `Question`, `Control description`, `Criteria`) read as the check-item column, a bilingual
//! list's Japanese one kept beside the English carried (C-19).
mod common;

use common::{bin, by_id, data, input_error, on_checks};

/// `suggest --checks CHECKS` (it takes no `--as-of`).
fn suggest(checks: impl AsRef<std::ffi::OsStr>) -> assert_cmd::Command {
    let mut c = bin();
    c.args(["--lang", "en", "suggest", "--checks"]).arg(checks);
    c
}

fn fixture(name: &str) -> std::path::PathBuf {
    data(&format!("fix12-chk/{name}"))
}

/// `report --checks CHECKS --csp CSP --format json ARGS`; `fix10-chk/csp-st.csv`: every
/// objective 実施 but 9.2.4 (未実施).
fn report(lang: &str, checks: impl AsRef<std::ffi::OsStr>, args: &[&str]) -> assert_cmd::Command {
    let mut c = on_checks(lang, "report", checks);
    c.arg("--csp")
        .arg(data("fix10-chk/csp-st.csv"))
        .args(["--format", "json"])
        .args(args);
    c
}

fn json(mut c: assert_cmd::Command) -> serde_json::Value {
    let out = c.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// One item K-1 referencing `9.2.1` (実施) under the references header `header`.
fn under_header(dir: &tempfile::TempDir, header: &str) -> std::path::PathBuf {
    write(
        dir,
        "h.csv",
        &format!("項番,確認項目,{header}\nK-1,利用者登録,9.2.1\n"),
    )
}

#[test]
fn a17_the_findings_approximate_references_headers_are_refused_naming_the_column() {
    for (file, header, word) in [
        ("a17-refs-approx.csv", "ISMAP管理策（近似）", "近似"),
        ("a17-refs-partial.csv", "ISMAP管理策（一部対応）", "一部"),
        ("a17-refs-tentative.csv", "ISMAP管理策（仮）", "仮"),
    ] {
        let e = input_error(report("en", fixture(file), &[]));
        assert!(
            e.contains(&format!("row 1: column '{header}': the references header '{header}' says the mapping to ISMAP is approximate or not settled ('{word}')")),
            "{e}"
        );
        assert!(e.contains("confirm each item's ISMAP controls"), "{e}");
        let mut ja = report("ja", fixture(file), &[]);
        let out = ja.output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("ISMAPとの対応が近似または未確定であると書いています"),
            "{stderr}"
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn a17_every_note_of_an_approximate_or_unsettled_mapping_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for header in [
        "ISMAP管理策（参考）",
        "ISMAP管理策（関連）",
        "ISMAP管理策（類似）",
        "ISMAP管理策（部分的）",
        "ISMAP管理策（参考程度）",
        "ISMAP管理策(ref.)",
        "ISMAP control (approx.)",
        "ISMAP Control (partial)",
        "管理策（要確認）",
        "ISMAP管理策（案）",
        "ISMAP管理策（未確定）",
        "ISMAP管理策【暫定】",
        "ISMAP管理策 (TBC)",
        "ISMAP管理策（ドラフト）",
    ] {
        let e = input_error(report("en", under_header(&dir, header), &[]));
        assert!(e.contains("approximate or not settled"), "{header}: {e}");
    }
    // the same under --refs-column: the header still says it
    let path = under_header(&dir, "対応（近似）");
    let e = input_error(report("en", &path, &["--refs-column", "対応（近似）"]));
    assert!(e.contains("approximate or not settled ('近似')"), "{e}");
}

#[test]
fn a17_guard_notes_that_do_not_qualify_the_mapping_still_read() {
    let dir = tempfile::tempdir().unwrap();
    for header in [
        "ISMAP管理策",
        "ISMAP管理策（統制目標）",
        "ISMAP管理策（2024年改訂後）",
        "ISMAP管理策(新)",
        "ISMAP管理策（必須）",
        "References (ID)",
        "管理策番号（見直し後）",
        "関連管理策",
    ] {
        let v = json(report("en", under_header(&dir, header), &[]));
        assert_eq!(by_id(&v["items"], "K-1")["status"], "covered", "{header}");
    }
}

#[test]
fn c19_suggest_reads_an_english_list_headed_check_item() {
    let out = suggest(fixture("c19-english-check-item.csv"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Total 12:"), "{stdout}");
    assert!(
        stdout.contains("The vendor supports SAML single sign-on"),
        "{stdout}"
    );
}

#[test]
fn c19_english_check_item_headers_are_the_check_item_column() {
    let dir = tempfile::tempdir().unwrap();
    for header in [
        "Check item",
        "Check Item",
        "Check items",
        "Requirement",
        "Requirements",
        "Security requirement",
        "Question",
        "Control description",
        "Criteria",
    ] {
        let path = write(
            &dir,
            "e.csv",
            &format!("ID,{header},controls\nK-1,Users are registered,9.2.1\n"),
        );
        let v = json(report("en", &path, &[]));
        let item = by_id(&v["items"], "K-1");
        assert_eq!(item["title"], "Users are registered", "{header}");
        assert_eq!(item["status"], "covered", "{header}");
    }
}

#[test]
fn c19_guard_a_bilingual_list_keeps_its_japanese_check_items_and_carries_the_english() {
    let dir = tempfile::tempdir().unwrap();
    for text in [
        "項番,確認項目,Check item,管理策\nK-1,利用者登録,Users are registered,9.2.1\n",
        "項番,Check item,確認項目,管理策\nK-1,Users are registered,利用者登録,9.2.1\n",
        "項番,要求事項,Requirement,管理策\nK-1,利用者登録,Users are registered,9.2.1\n",
    ] {
        let v = json(report("en", write(&dir, "b.csv", text), &[]));
        let item = by_id(&v["items"], "K-1");
        assert_eq!(item["title"], "利用者登録", "{text}");
        let extra = item["extra"].as_object().unwrap();
        assert_eq!(
            extra.values().next().and_then(|x| x.as_str()),
            Some("Users are registered"),
            "{text}"
        );
    }
    // two English check-item columns: which one cannot be told
    let path = write(
        &dir,
        "two.csv",
        "ID,Check item,Requirement,controls\nK-1,a,b,9.2.1\n",
    );
    let e = input_error(report("en", &path, &[]));
    assert!(e.contains("are both a check-item column"), "{e}");
    // the missing-column hint names the English headers
    let path = write(&dir, "none.csv", "ID,Remarks\n1,x\n");
    let out = suggest(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("Check item, Requirement, Question"),
        "{stderr}"
    );
}
