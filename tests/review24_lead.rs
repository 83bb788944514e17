//! Session 15, the lead's part of review 24 (`tests/data/review24-lead/`): C-3 a GRC export
//! carrying FedRAMP's control origination of the provider's own controls on every row.
mod common;

use common::{bin, by_id, data, json_of};

/// Review 24 C-3: `Control Origination | Service Provider Corporate` (FedRAMP's value for
/// the provider's own control, on every row of such an export) refused the whole list as
/// "naming someone else"; it names the provider: the rows read, and their items are judged.
#[test]
fn fedramp_service_provider_origination_reads() {
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "report",
        "--as-of",
        "2026-12-01",
        "--format",
        "json",
        "--checks",
    ])
    .arg(data("review24-lead/checks.csv"))
    .arg("--csp")
    .arg(data("review24-lead/co.csv"));
    let v = json_of(c);
    for id in ["C-01", "C-02"] {
        let item = by_id(&v["items"], id);
        assert_eq!(item["status"], "covered", "{item}");
    }
}

/// Review 24 E: a CSV ending with the DOS end-of-file mark (Ctrl-Z, 0x1A, as older
/// Windows tools save it) read the mark as a row: `note: … template rows … were not read:
/// rows 3 ''`. The mark is not a row: no note, the item read and judged.
#[test]
fn a_dos_end_of_file_mark_is_not_a_row() {
    let bytes = std::fs::read(data("review24-lead/eof-mark.csv")).unwrap();
    assert_eq!(bytes.last(), Some(&0x1a), "the fixture ends with the mark");
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "report",
        "--as-of",
        "2026-12-01",
        "--format",
        "json",
        "--checks",
    ])
    .arg(data("review24-lead/eof-mark.csv"))
    .arg("--csp")
    .arg(data("review24-lead/co.csv"));
    let out = c.assert().success().get_output().clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("were not read"), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["items"].as_array().map(Vec::len), Some(1), "{v}");
    assert_eq!(by_id(&v["items"], "1")["status"], "covered", "{v}");
}
