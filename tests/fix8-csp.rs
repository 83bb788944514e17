//! Review 8 of the CSP readers: an edited status in the statement `readiness` wrote is the
//! CSP's own (A-rd-2), a "we do it ourselves" text is no reason for 非該当 (A-na-2), and an
//! evidence cell saying there is none is no evidence (A-rd-ev-1).
use std::path::PathBuf;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/fix8-csp/{name}"))
}

fn run(args: &[&str], files: &[(&str, &str)]) -> std::process::Output {
    let mut c = assert_cmd::Command::cargo_bin("ismap-gap").unwrap();
    c.args(["--lang", "ja"]).args(args);
    for (flag, name) in files {
        c.arg(flag).arg(data(name));
    }
    c.args(["--as-of", "2026-04-01"]).output().unwrap()
}

/// The readiness CSV row of `id`.
fn readiness_row(csp: &str, id: &str) -> String {
    let out = run(&["readiness", "--format", "csv"], &[("--implemented", csp)]);
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines()
        .find(|l| l.starts_with(&format!("{id},")))
        .unwrap_or_else(|| panic!("no row {id} in {text}"))
        .to_owned()
}

/// `report` on the statement `readiness` wrote: refused since review 10 (the CSP's own
/// assessment, no ISMAP publication); its stderr.
fn report_refused(csp: &str) -> String {
    let out = run(
        &["report", "--registration-kind", "ismap", "--format", "csv"],
        &[("--checks", "k.csv"), ("--csp", csp)],
    );
    assert_eq!(out.status.code(), Some(2), "{csp}");
    assert!(out.stdout.is_empty(), "{csp}");
    String::from_utf8(out.stderr).unwrap()
}

/// A-rd-2: `3.1.2.1 未実施` with a reason, in a row whose 記載元 says `3.1.2 の記載による`,
/// is the CSP's statement: 未実施 in readiness, not the objective's 実施 (`report` refuses the
/// statement since review 10).
#[test]
fn an_edited_status_of_a_stated_as_row_is_read() {
    for csp in ["stmt-edited.csv", "stmt-edited.xlsx", "stmt.csv"] {
        assert!(report_refused(csp).contains("適用宣言書"), "{csp}");
    }
    let row = readiness_row("stmt-edited.csv", "3.1.2.1");
    assert!(row.contains(",未実施,"), "{row}");
    assert!(row.contains("取締役会での評価は未実施"), "{row}");
    // as written, the row is still the objective's
    let row = readiness_row("stmt.csv", "3.1.2.1");
    assert!(row.contains(",実施,3.1.2 の記載による,"), "{row}");
}

/// A-rd-2: a row naming a row the sheet no longer holds cannot be told apart: refused.
#[test]
fn a_stated_as_row_naming_a_missing_row_is_refused() {
    let out = run(
        &["readiness", "--format", "csv"],
        &[("--implemented", "stmt-lost.csv")],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("3.1.2"), "{err}");
}

/// A-na-2: the provider doing the control itself is no reason for 非該当; another party is.
#[test]
fn the_provider_doing_it_is_no_reason() {
    let src = std::fs::read_to_string(data("na-self.csv")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (text, reason) in [
        ("当社で実施", false),
        ("本管理策は事業者が実施する", false),
        ("鍵管理は当社が行う", false),
        ("鍵管理：事業者で対応", false),
        ("利用者が管理する鍵も含め当社が管理", false),
        ("鍵管理は利用者が行うこととする", false),
        ("利用者が鍵を管理する", true),
        ("IaaS事業者が管理", true),
        ("利用者が行うため当社では実施しない", true),
    ] {
        let path = dir.path().join("c.csv");
        std::fs::write(&path, src.replace("当社で実施", text)).unwrap();
        let out = assert_cmd::Command::cargo_bin("ismap-gap")
            .unwrap()
            .args([
                "--lang",
                "ja",
                "readiness",
                "--format",
                "csv",
                "--implemented",
            ])
            .arg(&path)
            .args(["--as-of", "2026-04-01"])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let row = text.lines().find(|l| l.starts_with("10.1.2,")).unwrap();
        assert_eq!(!row.contains(",非該当の理由なし"), reason, "{text}: {row}");
    }
}

/// A-rd-ev-1: `なし`, `-`, `?` in the evidence column are no evidence.
#[test]
fn an_evidence_cell_saying_none_is_no_evidence() {
    let src = std::fs::read_to_string(data("ev-nashi.csv")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for none in ["なし", "無し", "'-", "ー", "特になし", "?"] {
        let path = dir.path().join("c.csv");
        std::fs::write(
            &path,
            src.replace("9.2.4,実施,,なし,", &format!("9.2.4,実施,,{none},")),
        )
        .unwrap();
        let out = assert_cmd::Command::cargo_bin("ismap-gap")
            .unwrap()
            .args([
                "--lang",
                "ja",
                "readiness",
                "--format",
                "csv",
                "--implemented",
            ])
            .arg(&path)
            .args(["--as-of", "2026-04-01"])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let row = text.lines().find(|l| l.starts_with("9.2.4,")).unwrap();
        // the 指摘 cell (the list states its registration kind: the registration's
        // columns follow it, fix32-out)
        assert_eq!(row.split(',').nth(9), Some("証跡なし"), "{none}: {row}");
    }
    let row = readiness_row("ev-nashi.csv", "9.2.4");
    assert_eq!(row.split(',').nth(9), Some("証跡なし"), "{row}");
}
