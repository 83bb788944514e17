//! Review 11's inherited-control and title findings on a CSP status table (session 7,
//! fix12-inh): A-19 an implemented row whose remark says the service underneath does it
//! (`IaaS事業者の統制に依拠`, `AWSのデータセンターを利用`, `Uses AWS CloudTrail`) refused with the
//! hint naming a profile's `inherits:`; A-24 a row whose title is another objective's.
mod common;

use std::path::PathBuf;

use common::{input_error, on_checks};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/fix12-inh/{name}"))
}

/// Writes `text` as `name` in a temporary folder.
fn file(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// A status table stating 11.1.1 implemented with `remark` in its `実施内容` column.
fn row_with(remark: &str) -> String {
    format!("登録区分: ISMAP\n管理策番号,管理策名,実施状況,実施内容\n11.1.1,物理的セキュリティ境界,実施,{remark}\n")
}

/// `report` on the check list `checks` and `text` as the CSP list: Ok(the statuses of the
/// items `ids`) or Err(the one-line error).
fn statuses(checks: &str, text: &str, ids: &[&str]) -> Result<Vec<String>, String> {
    let (_dir, path) = file("soa.csv", text);
    let mut c = on_checks("en", "report", data(checks));
    c.args(["--format", "json", "--csp"]).arg(&path);
    let out = c.output().unwrap();
    if !out.status.success() {
        let mut c = on_checks("en", "report", data(checks));
        c.arg("--csp").arg(&path);
        return Err(input_error(c));
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    Ok(ids
        .iter()
        .map(|id| {
            common::by_id(&v["items"], id)["status"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect())
}

/// `report` on `chk-iaas.csv` (item 1: 11.1.1) and `text` as the CSP list: Ok(item 1's
/// status) or Err(the one-line error).
fn run(text: &str) -> Result<String, String> {
    statuses("chk-iaas.csv", text, &["1"]).map(|mut s| s.remove(0))
}

/// The review's SaaS statement (every row 実施, the 実施内容 saying what the IaaS provides)
/// is refused on its first row, naming the remark and `inherits:`, in English and Japanese.
#[test]
fn a19_the_reviews_statement_relying_on_the_iaas_is_refused() {
    let mut c = on_checks("en", "report", data("chk-iaas.csv"));
    c.arg("--csp").arg(data("a19-relies-on-iaas.csv"));
    let err = input_error(c);
    assert!(err.contains("row 3"), "{err}");
    assert!(err.contains("'IaaS事業者の統制に依拠'"), "{err}");
    assert!(err.contains("says someone else implements it"), "{err}");
    assert!(err.contains("`inherits:`"), "{err}");
    let mut c = on_checks("ja", "report", data("chk-iaas.csv"));
    c.arg("--csp").arg(data("a19-relies-on-iaas.csv"));
    let out = c.output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("ほかの者が実施すると書いています"), "{err}");
    assert!(err.contains("`inherits:` でIaaSに拠って"), "{err}");
}

/// Each remark of the review naming the service underneath with a verb of relying or using
/// is refused; the ordinary descriptions beside them (the service's own control on AWS, its
/// own data centre or authentication platform, a feature it uses) still read as covered.
#[test]
fn a19_relying_on_the_service_underneath_is_refused_its_own_controls_read() {
    for remark in [
        "IaaS事業者の統制に依拠",
        "AWSのデータセンターを利用",
        "IaaSのスナップショット機能に依存",
        "AWS KMSを利用",
        "Uses AWS CloudTrail",
        "IaaSに依拠",
        "データセンターはIaaS事業者のもの",
        "IaaS事業者の第三者認証で確認",
        "AWS SOC2で確認",
        "Azureを利用",
        "さくらインターネットのDCを使用",
        "AWS東京リージョンを利用",
        "IaaS（ISMAP登録済）のデータセンターを利用",
        "Leverages the IaaS's physical controls",
        "Relies on AWS",
    ] {
        let err = run(&row_with(remark)).expect_err(remark);
        assert!(
            err.contains("says someone else implements it"),
            "{remark}: {err}"
        );
        assert!(err.contains("`inherits:`"), "{remark}: {err}");
    }
    for remark in [
        "AWS上で稼働するサービスの利用者IDを管理",
        "自社データセンターを利用",
        "当社の認証基盤を利用",
        "多要素認証を利用",
        "Uses MFA for all administrators",
        "入退室記録を利用者ごとに保存",
        "Complies with applicable laws",
        "",
    ] {
        assert_eq!(run(&row_with(remark)).as_deref(), Ok("covered"), "{remark}");
    }
}

/// `report` on `checks-ja.csv` (1: 9.2.1, 2: 9.2.3, 3: 12.4.1, 4: 12.3.1) and `text` as
/// the CSP list: Ok(the statuses of items 1 and 2) or Err(the one-line error).
fn run_92(text: &str) -> Result<(String, String), String> {
    statuses("checks-ja.csv", text, &["1", "2"]).map(|s| (s[0].clone(), s[1].clone()))
}

/// The review's table (9.2.1 beside 9.2.3's title 実施, 9.2.3 beside 9.2.1's 未実施) is
/// refused on its first row, naming both ids and the row's own title.
#[test]
fn a24_a_title_of_another_id_is_refused_naming_both() {
    let mut c = on_checks("en", "report", data("checks-ja.csv"));
    c.arg("--csp").arg(data("a24-title-of-another-id.csv"));
    let err = input_error(c);
    assert!(err.contains("row 3"), "{err}");
    assert!(err.contains("column '管理策名'"), "{err}");
    assert!(
        err.contains("'特権的アクセス権の管理' beside 9.2.1 is the title of 9.2.3, not its own ('利用者登録及び登録削除')"),
        "{err}"
    );
    // in English too
    let err = run_92("登録区分: ISMAP\n管理策番号,管理策名,実施状況\n9.2.1,Management of privileged access rights,実施\n")
        .unwrap_err();
    assert!(err.contains("is the title of 9.2.3"), "{err}");
    // a row not stated implemented is refused the same way: its status may be another's
    let err = run_92("登録区分: ISMAP\n管理策番号,管理策名,実施状況\n9.2.1,利用者登録及び登録削除,実施\n9.2.3,利用者登録及び登録削除,未実施\n")
        .unwrap_err();
    assert!(err.contains("row 4"), "{err}");
    assert!(err.contains("is the title of 9.2.1"), "{err}");
}

/// Guards: each id beside its own title (Japanese or English), an empty title cell, a title
/// written a little otherwise, and 8.1.5 beside 8.1.5.P's title still read.
#[test]
fn a24_own_titles_empty_cells_and_close_forms_read() {
    for text in [
        "登録区分: ISMAP\n管理策番号,管理策名,実施状況\n9.2.1,利用者登録及び登録削除,実施\n9.2.3,特権的アクセス権の管理,未実施\n",
        "登録区分: ISMAP\n管理策番号,管理策名,実施状況\n9.2.1,,実施\n9.2.3,,未実施\n",
        "登録区分: ISMAP\n管理策番号,管理策名,実施状況\n9.2.1,利用者登録・登録削除,実施\n9.2.3,特権的アクセス権管理,未実施\n",
        "登録区分: ISMAP\n管理策番号,管理策名,実施状況\n9.2.1,User registration and de-registration,実施\n9.2.3,,未実施\n8.1.5,資産の除去,実施\n",
    ] {
        assert_eq!(
            run_92(text),
            Ok(("covered".to_owned(), "not-covered".to_owned())),
            "{text}"
        );
    }
}
