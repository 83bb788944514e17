//! Review 11's findings on CSP status tables exported from GRC tools and Excel
//! (`tests/data/fix11-grc/`): a test's or an assessment's result column is read like an
//! audit's, and `fail`/`deficiency`/`不合格` in a remark qualify; remarks saying the
//! control ended, is a draft awaiting approval, does not work, or covers part of the service
//! qualify; under a responsibility header only the service itself reads; an id
//! joined to its title by a hyphen is the id and its title (B-3); `Inherited`'s hint names
//! the profile route (C-2). Each with the ordinary shapes beside it that still read.
mod common;

use common::{by_id, data, input_error, json_of, on_checks};

/// Runs a Japanese run that must fail: exit 2, no panic, stderr returned (one error line,
/// or one per row of the table refused: each naming the first line's file).
fn input_error_ja(mut c: assert_cmd::Command) -> String {
    let out = c.output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("エラー:"))
        .collect();
    assert!(!lines.is_empty(), "{stderr}");
    let file = lines[0].split(": row ").next().unwrap_or_default();
    assert!(
        lines[1..]
            .iter()
            .all(|l| l.starts_with(&format!("{file}: row "))),
        "{stderr}"
    );
    stderr
}

fn fixture(name: &str) -> std::path::PathBuf {
    data(&format!("fix11-grc/{name}"))
}

/// `report --checks checks-ja.csv --csp CSP` (JSON in `--format json` runs).
fn report(lang: &str, csp: impl AsRef<std::ffi::OsStr>) -> assert_cmd::Command {
    let mut c = on_checks(lang, "report", fixture("checks-ja.csv"));
    c.arg("--csp").arg(csp);
    c
}

/// A status table of one row (9.2.3 implemented) with a fourth column `header` = `value`.
fn one_row(dir: &tempfile::TempDir, header: &str, value: &str) -> std::path::PathBuf {
    let path = dir.path().join("csp.csv");
    let quoted = value.replace('"', "\"\"");
    std::fs::write(
        &path,
        format!(
            "Registration kind: ISMAP\nControl ID,Control Name,Implementation Status,{header}\n9.2.3,Management of privileged access rights,Implemented,\"{quoted}\"\n"
        ),
    )
    .unwrap();
    path
}

/// Whether the row 9.2.3 implemented with `header` = `value` is read (else refused, with
/// the error naming the cell).
fn reads(header: &str, value: &str) -> bool {
    let dir = tempfile::tempdir().unwrap();
    let csp = one_row(&dir, header, value);
    let out = report("en", &csp).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    match out.status.code() {
        Some(0) => true,
        Some(2) => {
            assert!(
                stderr.contains(&format!("row 3: column '{header}'")),
                "[{header}] {value}: {stderr}"
            );
            false
        }
        other => panic!("[{header}] {value}: status {other:?}: {stderr}"),
    }
}

fn assert_refused(cases: &[(&str, &str)]) {
    let read: Vec<String> = cases
        .iter()
        .filter(|(h, v)| reads(h, v))
        .map(|(h, v)| format!("[{h}] {v}"))
        .collect();
    assert!(read.is_empty(), "read, should be refused: {read:?}");
}

fn assert_read(cases: &[(&str, &str)]) {
    let refused: Vec<String> = cases
        .iter()
        .filter(|(h, v)| !reads(h, v))
        .map(|(h, v)| format!("[{h}] {v}"))
        .collect();
    assert!(refused.is_empty(), "refused, should read: {refused:?}");
}

#[test]
fn a1_a_failed_test_result_is_not_covered() {
    let err = input_error(report("en", fixture("a1-test-result.csv")));
    assert!(
        err.contains("row 3: column 'Last Test Result': 'Fail' in 'Last Test Result' reports a result other than a clean one"),
        "{err}"
    );
    let err = input_error_ja(report("ja", fixture("a1-test-result-ja.csv")));
    assert!(
        err.contains("'テスト結果'") && err.contains("'不合格'"),
        "{err}"
    );
    assert!(!err.contains("reports a result"), "untranslated: {err}");
}

#[test]
fn a1_test_result_headers_and_failing_remarks_are_refused() {
    assert_refused(&[
        ("Test Result", "Fail"),
        ("Testing Status", "Failed"),
        ("Assessment Result", "Deficient"),
        ("Last Test Result", "Fail"),
        ("Control Test", "Fail"),
        ("Testing Status", "Not Tested"),
        ("テスト結果", "不合格"),
        ("有効性評価", "有効でない"),
        ("レビュー結果", "差戻し"),
        ("Notes", "Control failed last quarterly test"),
        ("Notes", "Deficiency identified by internal audit"),
        ("備考", "不合格"),
        ("備考", "NG"),
        // ServiceNow GRC's columns, an audit's status
        ("Attestation Result", "Failed"),
        ("Attestation Status", "Overdue"),
        ("Attestation", "Not attested"),
        ("Indicator Result", "Fail"),
        ("Audit Status", "Not audited"),
    ]);
}

#[test]
fn a1_clean_results_and_ordinary_remarks_still_read() {
    assert_read(&[
        ("Test Result", "Pass"),
        ("Test Result", "Passed"),
        ("Last Test Result", ""),
        ("テスト結果", "合格"),
        ("レビュー結果", "承認"),
        ("Attestation Result", "Passed"),
        ("Attestation Status", "Attested"),
        ("Audit Status", "Audited"),
        (
            "Notes",
            "Failed login attempts lock the account after 5 tries",
        ),
        ("Notes", "No deficiencies noted"),
        ("備考", "不合格の場合は再受講"),
        ("備考", "退職者のアカウントが有効でないことを確認"),
        ("備考", "退職者のIDは即日無効化"),
    ]);
}

#[test]
fn a2_remarks_that_qualify_the_statement_are_refused() {
    let err = input_error_ja(report("ja", fixture("a2-remarks-ja.csv")));
    assert!(err.contains("'2025年3月末で廃止'"), "{err}");
    let err = input_error(report("en", fixture("a2-remarks-en.csv")));
    assert!(
        err.contains("'Retired' in 'Notes' states another status ('retired')"),
        "{err}"
    );
    assert_refused(&[
        // ended
        ("備考", "2025年3月末で廃止"),
        ("備考", "廃止"),
        ("備考", "2025年3月に終了"),
        ("備考", "一時停止中"),
        ("備考", "停止中"),
        ("Notes", "Retired"),
        ("Notes", "Suspended"),
        // not approved, not finished
        ("備考", "規程案を作成済み（承認待ち）"),
        ("備考", "承認待ち"),
        ("備考", "ドラフト版"),
        ("備考", "レビュー中"),
        ("Notes", "Draft"),
        ("Notes", "Policy drafted, awaiting approval"),
        ("Notes", "Awaiting approval"),
        ("Notes", "Under review"),
        ("Notes", "Target Q2"),
        ("備考", "目標: 第2四半期"),
        // not effective, a problem stated
        ("備考", "形骸化している"),
        ("備考", "運用に課題"),
        ("備考", "実効性に懸念"),
        ("備考", "改善指導あり"),
        ("備考", "改善の余地あり"),
        ("Notes", "Needs improvement"),
        ("Notes", "Issue open"),
        ("Notes", "No evidence"),
        ("備考", "証跡なし"),
        // part of the service
        ("備考", "サーバの8割に導入"),
        ("備考", "80%のサーバに導入済み"),
        ("Notes", "Coverage: 80%"),
        ("Notes", "80% of servers"),
        ("Notes", "Most servers"),
        ("備考", "主要サーバに導入"),
        ("備考", "重要システムに導入"),
        ("備考", "管理者アカウントに適用"),
        ("Notes", "Enabled for admins"),
        ("Notes", "Prod"),
        ("Notes", "Production environment"),
        ("Notes", "Applies to production workloads"),
        ("Environment", "Production"),
        ("対象環境", "本番"),
        ("備考", "ap-northeast-1で実施"),
        ("Notes", "US regions"),
        ("Notes", "Sandbox accounts are out of scope"),
        ("Notes", "Manual process for legacy systems"),
    ]);
}

#[test]
fn a2_ordinary_remarks_beside_them_still_read() {
    assert_read(&[
        ("備考", "全サーバに導入"),
        ("備考", "100%"),
        ("備考", "手順書 AC-01 に基づき実施"),
        ("Notes", "Production and staging"),
        // a judgement call: improvement as a practice reads
        ("備考", "改善を継続的に実施"),
        ("備考", "退職者のアカウントを即日停止"),
        ("備考", "不要なアカウントは廃止"),
        ("備考", "セッションはタイムアウトで終了"),
        ("備考", "異常時は自動停止"),
        ("Notes", "Suspended accounts are deleted after 90 days"),
        ("Notes", "Accounts are suspended after 5 failed attempts"),
        ("備考", "CPU使用率80%でアラート"),
        ("備考", "稼働率99.9%"),
        ("Notes", "Used for the production environment"),
        ("備考", "バックアップをap-northeast-3へ複製"),
        ("Notes", "Uses the most recent TLS version"),
        ("備考", "重要情報を暗号化して保管"),
        ("備考", "課題管理表で追跡"),
        ("備考", "懸念事項なし"),
        ("Notes", "Issues tracked in Jira"),
        ("Notes", "Continuous improvement programme"),
        ("Environment", "All environments"),
        ("対象環境", "全環境"),
    ]);
}

#[test]
fn a13_a_responsibility_header_reads_only_the_service_itself() {
    let err = input_error(report("en", fixture("a13-responsibility.csv")));
    assert!(
        err.contains("'Hybrid' in 'Responsibility' names someone else"),
        "{err}"
    );
    assert_refused(&[
        ("Responsibility", "Hybrid"),
        ("Responsibility", "Subservice Organization"),
        ("Responsibility", "Platform"),
        ("Responsibility", "Parent company"),
        ("Responsibility", "Managed Service"),
        ("Responsibility", "Sub-processor"),
        ("Responsibility", "Okta"),
        ("Responsibility", "Group"),
        ("Responsibility", "Salesforce"),
        ("Responsibility", "Reseller"),
        ("Implemented by", "Okta"),
        ("Control Owner", "Okta"),
        ("実施主体", "パートナー"),
        ("実施主体", "基盤事業者"),
        ("実施主体", "両社"),
        ("実施主体", "さくらインターネット"),
        ("実施主体", "NTTデータ"),
        ("実施主体", "富士通"),
    ]);
    // the one the deny-list could not name: the allow-list's own message, in Japanese too
    let dir = tempfile::tempdir().unwrap();
    let err = input_error_ja(report("ja", one_row(&dir, "実施主体", "富士通")));
    assert!(err.contains("サービス自身を示していません"), "{err}");
}

#[test]
fn a13_the_service_its_teams_and_owners_still_read() {
    assert_read(&[
        ("Responsibility", "CSP"),
        ("Responsibility", "Provider"),
        ("Responsibility", "Service provider"),
        ("Responsibility", "Internal"),
        ("Responsibility", "SecOps"),
        ("Responsibility", "IT Ops"),
        ("Responsibility", "Security team"),
        ("実施主体", "当社"),
        ("実施主体", "自社"),
        ("実施主体", "弊社"),
        ("実施主体", "情報システム部"),
        ("実施主体", "当社（情報システム部）"),
        // owners are people and teams: named freely
        ("Owner", "IT Ops"),
        ("Owner", "Tanaka"),
        ("Control Owner", "Jane Doe"),
        ("担当", "田中"),
        ("担当", "情報システム部"),
    ]);
    // the GRC export of A-1 with owners and evidence, its failing result removed, reads
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("owners.csv");
    std::fs::write(
        &path,
        "Registration kind: ISMAP\nControl ID,Control Name,Implementation Status,Owner,Evidence,Last Test Result\n9.2.1,User registration and de-registration,Implemented,IT Ops,JML procedure v3,Pass\n9.2.3,Management of privileged access rights,Implemented,SecOps,PAM export,Passed\n",
    )
    .unwrap();
    let mut c = report("en", &path);
    c.args(["--format", "json"]);
    let v = json_of(c);
    for item in ["1", "2"] {
        assert_eq!(by_id(&v["items"], item)["status"], "covered", "item {item}");
    }
}

#[test]
fn b3_an_id_joined_to_its_title_by_a_hyphen_is_the_id() {
    let mut c = report("ja", fixture("b3-id-hyphen-title.csv"));
    let out = c.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("カタログにないID"), "{stderr}");
    let mut c = report("en", fixture("b3-id-hyphen-title.csv"));
    c.args(["--format", "json"]);
    let v = json_of(c);
    // 9.2.3 implemented is read; 9.2.1 is stated not implemented, not "not listed"
    assert_eq!(by_id(&v["items"], "2")["status"], "covered");
    let item1 = by_id(&v["items"], "1").to_string();
    assert!(!item1.contains("not-listed"), "{item1}");
    assert!(item1.contains("not-implemented"), "{item1}");
    // words that are not the title after the hyphen: refused as words beside the id
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("csp.csv");
    std::fs::write(
        &path,
        "Control ID,Implementation Status\n9.2.3-不正な文字,Implemented\n",
    )
    .unwrap();
    let err = input_error(report("en", &path));
    assert!(
        err.contains("'不正な文字' after 9.2.3 is not its title"),
        "{err}"
    );
    // a range written with a hyphen stays a range
    std::fs::write(
        &path,
        "Control ID,Implementation Status\n9.2.1,Implemented\n9.2.3-9.2.4,Implemented\n",
    )
    .unwrap();
    let err = input_error(report("en", &path));
    assert!(err.contains("a range"), "{err}");
}

#[test]
fn c2_inherited_hint_names_the_profile_route() {
    let err = input_error(report("en", fixture("c2-inherited.csv")));
    assert!(
        err.contains("'Inherited' for 9.2.3 cannot be read as a status"),
        "{err}"
    );
    assert!(
        err.contains("inherits:") && err.contains("inherited:"),
        "{err}"
    );
    assert!(!err.contains("非該当（IaaS側で実施）"), "{err}");
    let err = input_error_ja(report("ja", fixture("c2-inherited.csv")));
    assert!(err.contains("継承した管理策"), "{err}");
}

#[test]
fn b3_a_prefixed_id_in_a_status_table_is_named_not_an_unknown_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("csp.csv");
    // (`ISMAP-9.2.3`, `ISMAP_9.2.3`: the scheme's own prefix, read since review 15 C-5 —
    // tests/fix19-csp.rs)
    for cell in ["CTRL-9.2.3", "No.9.2.3", "ISO-9.2.3"] {
        std::fs::write(
            &path,
            format!("Control ID,Implementation Status\n9.2.1,Implemented\n{cell},Implemented\n"),
        )
        .unwrap();
        let err = input_error(report("en", &path));
        assert!(
            err.contains(&format!(
                "row 3: column 'Control ID': '{cell}' is not an ISMAP id alone"
            )) && err.contains("(9.2.3)"),
            "{err}"
        );
    }
    // Annex A references beside them still read as before
    std::fs::write(
        &path,
        "Registration kind: ISMAP\nControl ID,Implementation Status\n9.2.1,Implemented\nA.9.2.3,Implemented\n",
    )
    .unwrap();
    let mut c = report("en", &path);
    c.args(["--format", "json"]);
    let v = json_of(c);
    assert_eq!(by_id(&v["items"], "2")["status"], "covered");
}

#[test]
fn a2_negations_opt_ins_rollouts_and_incidents_are_refused() {
    assert_refused(&[
        ("Notes", "Does not cover API"),
        ("Notes", "Doesn't cover API"),
        ("Notes", "No MFA for service accounts"),
        ("Notes", "Service accounts have no MFA"),
        ("Notes", "Break-glass account without MFA"),
        ("Notes", "Legacy admin console lacks MFA"),
        ("Notes", "Shared admin account for emergencies"),
        ("Notes", "MFA enforced for 95% of users"),
        ("Notes", "Review overdue"),
        ("Notes", "Not reviewed since 2023"),
        ("Notes", "Ad hoc"),
        ("Notes", "Informal process"),
        ("Notes", "Undocumented"),
        ("Notes", "No formal procedure"),
        ("備考", "MFAは任意"),
        ("備考", "MFAは利用者の選択"),
        ("備考", "設定により有効化可能"),
        ("備考", "既定では無効"),
        ("備考", "初期設定はオフ"),
        ("備考", "機能として提供（既定は無効）"),
        ("備考", "サービスアカウントはMFAなし"),
        ("備考", "緊急用の共有管理者アカウントあり"),
        ("備考", "担当者退職により停止"),
        ("備考", "手作業で不定期に実施"),
        ("備考", "実績なし"),
        ("備考", "ロールアウト中"),
        ("Notes", "Rolling out"),
        ("Notes", "Phased rollout"),
        ("Notes", "In rollout"),
        ("Notes", "Being deployed"),
        ("備考", "移行期間中"),
        ("備考", "並行稼働中"),
        ("備考", "新旧併用"),
        ("備考", "旧環境は従来どおり"),
        ("備考", "主要拠点"),
        ("備考", "随時対応"),
        ("備考", "早期に対応"),
        ("備考", "重大インシデント発生（2026年2月）"),
        ("備考", "不正アクセス被害あり"),
        ("備考", "情報漏えい事故あり（2025年）"),
        ("備考", "監督官庁から指導"),
        ("備考", "行政指導あり"),
        ("Notes", "Breach in Jan 2026"),
        ("Notes", "Incident under investigation"),
        ("備考", "調査中"),
        ("備考", "監査法人確認待ち"),
    ]);
}

#[test]
fn a2_policies_and_procedures_beside_them_still_read() {
    assert_read(&[
        ("Notes", "No shared accounts allowed"),
        ("Notes", "Shared accounts are prohibited"),
        ("Notes", "Privileged access without approval is blocked"),
        ("Notes", "Logs are not modified"),
        ("Notes", "No plaintext passwords"),
        ("Notes", "Breach notification within 72 hours"),
        ("Notes", "Rollout completed in 2023"),
        ("備考", "共有アカウントの利用を禁止"),
        ("備考", "インシデント発生時の報告手順を整備"),
        ("備考", "任意のタイミングでログを確認できる"),
        ("備考", "不定期の抜き打ち検査も実施"),
        ("備考", "デフォルトで暗号化を有効化"),
        ("備考", "初期設定のパスワードは変更を強制"),
    ]);
}
