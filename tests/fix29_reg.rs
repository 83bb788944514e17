//! Session 13 fix29-reg (review 21): the registration's state in words on the CSP side. One
//! registry-state vocabulary (`失効`, `掲載停止`, `取消済`, `Suspended`, `Delisted`…) is
//! refused on a pasted entry's lines and its name/provider/scope, a profile's, rows above a
//! status table, a workbook's cover, hidden sheets and cell comments;
//! an entry line the reader cannot place is refused, not counted as an ignored token.
mod common;

use std::path::{Path, PathBuf};

use common::{bin, by_id, data, input_error, json_of};

fn checks() -> PathBuf {
    data("fix29-reg/checks.csv")
}

/// The full pasted entry (ISMAP, renewal deadline 2027-03-31), 147 objectives.
fn entry() -> String {
    std::fs::read_to_string(data("fix29-reg/entry.txt")).unwrap()
}

/// The entry with `line` inserted before its line `at` (1-based).
fn entry_with(at: usize, line: &str) -> String {
    let mut lines: Vec<String> = entry().lines().map(str::to_owned).collect();
    lines.insert(at - 1, line.to_owned());
    lines.join("\n") + "\n"
}

fn write(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// `report` on 2026-10-01 (the audit period ended 2026-03-31, the deadline 2027-03-31).
fn report(path: &Path) -> assert_cmd::Command {
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "report",
        "--as-of",
        "2026-10-01",
        "--checks",
    ])
    .arg(checks())
    .args(["--format", "json", "--csp"])
    .arg(path);
    c
}

fn status(v: &serde_json::Value, id: &str) -> String {
    by_id(&v["items"], id)["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// a state line after the service's name (ran on into the name) or after the audit
/// period (dropped as an ignored token) left the registration "valid", 充足.
#[test]
fn a_state_line_in_the_entry_is_refused() {
    for line in [
        "Suspended",
        "一時停止中",
        "掲載状況\t掲載停止",
        "Note\tDelisted on 2026-09-01",
        "失効",
        "取消",
        "Withdrawn",
        "Revoked",
        "Expired",
        "Lapsed",
        "更新手続中",
        "Under renewal review",
        "Suspended (2026-09-01)",
        "(suspended)",
        "【掲載停止中】",
    ] {
        for at in [4, 7] {
            let (_d, path) = write("entry.txt", &entry_with(at, line));
            let err = input_error(report(&path));
            assert!(err.contains(&format!("line {at}")), "{line} at {at}: {err}");
        }
    }
    // guard: the entry as it is reads, the registration valid
    let (_d, path) = write("entry.txt", &entry());
    let v = json_of(report(&path));
    assert_eq!(status(&v, "B-3"), "covered");
}

/// the service's name (or a profile's name, provider, scope) stating the state is
/// refused; a name merely holding such letters as a word of its own still reads.
#[test]
fn a_name_stating_the_state_is_refused() {
    let name = "クラウドサービスの名称\tテストSaaS";
    for state in [
        "テストSaaS（登録失効）",
        "テストSaaS（掲載停止中）",
        "TestSaaS (suspended)",
        "テストSaaS ※2026年9月30日をもって登録取下げ",
    ] {
        let text = entry().replace(name, &format!("クラウドサービスの名称\t{state}"));
        let (_d, path) = write("entry.txt", &text);
        let err = input_error(report(&path));
        assert!(err.contains("registration's state"), "{state}: {err}");
    }
    for plain in [
        "Expiry Manager SaaS",
        "SaaS on lapsed IaaS",
        "失効管理サービス",
    ] {
        let text = entry().replace(name, &format!("クラウドサービスの名称\t{plain}"));
        let (_d, path) = write("entry.txt", &text);
        assert_eq!(status(&json_of(report(&path)), "B-3"), "covered", "{plain}");
    }
    let profile = |field: &str| {
        format!(
            "{field}\nregistration_kind: ismap\nrenewal_deadline: 2027-03-31\naudit_period: {{from: 2025-04-01, to: 2026-03-31}}\nimplemented: [9.2.1, 9.4.1, 12.3.1]\n"
        )
    };
    for field in [
        "name: テストSaaS（登録失効）",
        "name: TestSaaS (suspended)\nprovider: サンプル株式会社",
        "name: FullSaaS\nprovider: サンプル株式会社（2026年9月 登録失効）",
        "name: FullSaaS\nscope: [本体（2026年9月1日付で掲載停止）]",
    ] {
        let (_d, path) = write("p.yaml", &profile(field));
        let err = input_error(report(&path));
        assert!(err.contains("registration's state"), "{field}: {err}");
    }
    for field in [
        "name: Expiry Manager SaaS",
        "name: SaaS on lapsed IaaS\nscope: [本体]",
    ] {
        let (_d, path) = write("p.yaml", &profile(field));
        assert_eq!(status(&json_of(report(&path)), "B-3"), "covered", "{field}");
    }
}

/// an unlabelled line of the entry above its control list was counted as an ignored
/// token: a scope exclusion, an incident, a qualification dropped, 充足.
#[test]
fn an_entry_line_the_reader_cannot_place_is_refused() {
    for line in [
        "Carve-out: 管理コンソール",
        "重大インシデント発生（2026年8月）",
        "Data breach 2026-08",
        "Qualified",
        "暫定",
        "調査中",
        "Ver 1.2 暫定",
    ] {
        for at in [2, 7] {
            let (_d, path) = write("entry.txt", &entry_with(at, line));
            let err = input_error(report(&path));
            assert!(err.contains(&format!("line {at}")), "{line} at {at}: {err}");
        }
    }
    // guard: the catalog's heading, a page number, a copyright line and the list's title
    // repeated still read
    for line in [
        "9 アクセス制御",
        "1/3",
        "Copyright (c) 2026 サンプル株式会社",
        "ISMAPクラウドサービスリスト",
        "Ver 1.2",
        "テストSaaS",
        "【統制目標】",
    ] {
        let (_d, path) = write("entry.txt", &entry_with(7, line));
        assert_eq!(status(&json_of(report(&path)), "B-3"), "covered", "{line}");
    }
    // the same line under the entry's label is read (a subsequent event caps)
    let (_d, path) = write(
        "entry.txt",
        &entry_with(7, "後発事象\t重大インシデント発生（2026年8月）"),
    );
    assert_eq!(status(&json_of(report(&path)), "B-3"), "assurance-gap");
}

/// the same state words above a status table's header.
#[test]
fn a_state_row_above_a_status_table_is_refused() {
    let table = std::fs::read_to_string(data("fix29-reg/table.csv")).unwrap();
    for row in [
        "失効",
        "掲載停止中",
        "Status: Suspended",
        "※2026年9月1日付で掲載停止",
        "Delisted",
        "取消済",
    ] {
        let text = table.replacen(
            "登録区分: ISMAP\r\n",
            &format!("登録区分: ISMAP\r\n{row}\r\n"),
            1,
        );
        let (_d, path) = write("table.csv", &text);
        let err = input_error(report(&path));
        assert!(err.contains("row 2"), "{row}: {err}");
    }
    // guard: the service's name above the header still reads
    let text = table.replacen(
        "登録区分: ISMAP\r\n",
        "登録区分: ISMAP\r\nExpiry Manager SaaS\r\n",
        1,
    );
    let (_d, path) = write("table.csv", &text);
    assert_eq!(status(&json_of(report(&path)), "B-3"), "covered");
}

/// a lapsed deadline on a hidden cover, `…登録失効` in a cell comment, `失効` on a
/// visible cover were 充足 "gives no renewal deadline"; the visible cover's date is read.
#[test]
fn a_registry_fact_on_a_hidden_cover_or_in_a_comment_is_refused() {
    for (file, at) in [
        ("cover-hidden.xlsx", "sheet '表紙': row 1"),
        ("comment.xlsx", "row 1: column 'A'"),
        ("cover-word.xlsx", "row 2"),
    ] {
        let err = input_error(report(&data(&format!("fix29-reg/{file}"))));
        assert!(err.contains(at), "{file}: {err}");
    }
    // guards: the visible cover's past deadline is read (lapsed); a hidden sheet of
    // drop-down values (対象外, 期限切れ) and a comment saying nothing of the state still read
    let v = json_of(report(&data("fix29-reg/cover-date.xlsx")));
    assert_eq!(status(&v, "B-3"), "assurance-gap");
    for file in ["hidden-dropdown.xlsx", "comment-plain.xlsx"] {
        let v = json_of(report(&data(&format!("fix29-reg/{file}"))));
        assert_eq!(status(&v, "B-3"), "covered", "{file}");
    }
}

/// D-1: a token of two ids run together at a line's start (`9.2.19.2.2`, a PDF copy that
/// lost a tab) was dropped as an ignored token, its ids "not listed" without a word; it is
/// refused naming the line, as mid-line. The ids apart, and a version number, still read.
#[test]
fn two_ids_run_together_at_a_lines_start_are_refused() {
    for (from, to) in [
        ("9.2.1\t9.2.2\t9.2.3", "9.2.19.2.2\t9.2.3"),
        ("9.2.5\t9.2.6\t9.3.1", "9.2.59.2.6\t9.3.1"),
        ("9.2.1\t9.2.2\t9.2.3\t9.2.4", "9.2.19.2.2"),
    ] {
        let (_d, path) = write("entry.txt", &entry().replace(from, to));
        let err = input_error(report(&path));
        assert!(err.contains("run together"), "{to}: {err}");
    }
    let (_d, path) = write("entry.txt", &entry_with(7, "Ver. 1.2.3.4"));
    assert_eq!(status(&json_of(report(&path)), "B-3"), "covered");
}

/// C-3: a not-applicable status with its reason after a dash or a colon (`N/A - inherited`,
/// `非該当：AWSが実施`) was "unknown status"; it reads as the bracket form does (the row not
/// applicable, with its reason): the item is what `N/A (inherited from AWS)` gives.
#[test]
fn not_applicable_with_a_reason_after_a_dash_or_colon_reads_as_the_bracket_form() {
    let table = std::fs::read_to_string(data("fix29-reg/na-table.csv")).unwrap();
    let run = |status_cell: &str| {
        let (_d, path) = write("na.csv", &table.replace("STATUS", status_cell));
        let mut c = bin();
        c.args([
            "--lang",
            "en",
            "report",
            "--as-of",
            "2026-10-01",
            "--checks",
        ])
        .arg(data("fix29-reg/na-checks.csv"))
        .args(["--format", "json", "--csp"])
        .arg(&path);
        status(&json_of(c), "P-1")
    };
    let bracket = run("N/A (inherited from AWS)");
    assert_ne!(bracket, "covered");
    for cell in [
        "N/A - inherited",
        "N/A – inherited from AWS",
        "Not Applicable - Inherited",
        "N/A: AWS responsibility",
        "非該当 - AWS",
        "非該当：AWSが実施",
    ] {
        assert_eq!(run(cell), bracket, "{cell}");
    }
}

/// Review 22 C-9 (fix31-reg): the headings and side facts a buyer copies with the entry
/// (the list's own heading words, the criteria's edition, URL, contact, overview, audit
/// firm, data location, a numbering or appendix mark) read; the same labels with a
/// qualification, and state lines, are still refused.
#[test]
fn ordinary_lines_copied_with_the_entry_read() {
    for line in [
        "【基本言明要件】",
        "実施している統制目標",
        "統制目標の番号（実施しているもの）",
        "言明書記載事項",
        "ISMAP管理基準（令和4年版）",
        "管理基準のバージョン\t2023年版",
        "クラウドサービスの概要",
        "サービス概要\t経費精算サービス",
        "URL\thttps://example.com",
        "問い合わせ先\tsupport@example.com",
        "監査機関\tサンプル監査法人",
        "データの保存場所\t日本",
        "No.12",
        "（別紙）",
    ] {
        for at in [2, 7] {
            let (_d, path) = write("entry.txt", &entry_with(at, line));
            assert_eq!(
                status(&json_of(report(&path)), "B-3"),
                "covered",
                "{line} at {at}"
            );
        }
    }
    for line in [
        "監査機関\tサンプル監査法人（限定付）",
        "サービス概要\t経費精算サービス（大阪リージョンを除く）",
        "データの保存場所\t日本（一部未定）",
        "On hold",
        "サービス終了",
        "Service discontinued",
        "実施している統制目標（一部）",
    ] {
        for at in [2, 7] {
            let (_d, path) = write("entry.txt", &entry_with(at, line));
            let err = input_error(report(&path));
            assert!(err.contains(&format!("line {at}")), "{line} at {at}: {err}");
        }
    }
}

/// Review 22 A-16 (fix31-reg): a name noting the registration is only applied for, under
/// review or to come, or that the service ended, or a state after a spaced dash, is refused
/// like the same words on a line of their own; an ordinary note to a name still reads.
#[test]
fn a_name_noting_an_application_or_an_ended_service_is_refused() {
    let name = "クラウドサービスの名称\tテストSaaS";
    for note in [
        "（登録申請中）",
        "（申請中）",
        "（審査中）",
        "（更新審査中）",
        "（登録準備中）",
        "（ISMAP登録予定）",
        " (ISMAP pending)",
        " (registration pending)",
        " (on hold)",
        " (terminated)",
        " (discontinued)",
        "（サービス終了）",
        "（提供終了）",
        "（販売終了）",
        " - Suspended",
    ] {
        let text = entry().replace(name, &format!("{name}{note}"));
        let (_d, path) = write("entry.txt", &text);
        let err = input_error(report(&path));
        assert!(err.contains("registration's state"), "{note}: {err}");
    }
    for note in [
        "（旧名称：旧SaaS）",
        "（東京リージョン）",
        " Standard Edition",
        "（法人向け）",
        " - Enterprise",
    ] {
        let text = entry().replace(name, &format!("{name}{note}"));
        let (_d, path) = write("entry.txt", &text);
        assert_eq!(status(&json_of(report(&path)), "B-3"), "covered", "{note}");
    }
}
