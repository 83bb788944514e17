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
