//! Session 10 fix19-text: pasted PDF text. Review 15 C-4: a page header or footer right
//! under the last row of a page (no empty line) is page furniture; C-6: a title wrapped onto
//! a second line in its cell reads; D-1: a browser's print header (date and time) is
//! furniture. Each with the same shape one word further, still refused.
mod common;

use common::{bin, data};

/// `report` of the example check list against `csp` pasted on stdin (`--csp -`).
fn run(csp: String) -> std::process::Output {
    bin()
        .args([
            "--lang",
            "en",
            "report",
            "--as-of",
            "2026-12-01",
            "--checks",
        ])
        .arg(common::example("checks.csv"))
        .args(["--csp", "-"])
        .write_stdin(csp)
        .output()
        .unwrap()
}

/// The pasted list `fix19-text/csp-pdf3.txt` with `line` inserted right after its line 29
/// (`12.3.1 12.4.1 12.4.2 12.4.3`, the last row of its first page).
fn with_line_after_row(line: &str) -> String {
    let text = std::fs::read_to_string(data("fix19-text/csp-pdf3.txt")).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(29, line);
    lines.join("\n") + "\n"
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_page_header_or_footer_right_under_a_row_is_page_furniture() {
    for line in [
        "ISMAPクラウドサービスリスト　令和8年11月1日更新　（2/3ページ）",
        "ISMAPクラウドサービスリスト（令和8年11月1日時点）",
        "ISMAPクラウドサービスリスト（令和8年11月1日時点）　2 / 3",
        "以下、余白",
        "- 2 -",
        "2 / 12",
        "（前頁からの続き）",
        "2026/11/01 15:32",
    ] {
        let out = run(with_line_after_row(line));
        assert!(
            out.status.success(),
            "{line}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // one word further: still refused
    for (line, says) in [
        ("ISMAPクラウドサービスリスト（申請中）", "申請中"),
        (
            "ISMAPクラウドサービスリスト　（2/3ページ）　未実施",
            "未実施",
        ),
        ("（2/3ページ）予定", "予定"),
        ("2026/11/01 15:32 予定", "予定"),
        ("別紙1", "別紙1"),
        ("独立行政法人情報処理推進機構（IPA）", "IPA"),
    ] {
        let out = run(with_line_after_row(line));
        assert_eq!(out.status.code(), Some(2), "{line}: read");
        assert!(stderr(&out).contains(says), "{line}: {}", stderr(&out));
    }
}

#[test]
fn a_title_wrapped_in_its_cell_reads() {
    let text = std::fs::read_to_string(data("fix19-text/wrapped-titles.txt")).unwrap();
    let out = run(text.clone());
    assert!(out.status.success(), "{}", stderr(&out));
    // the tail with a mark, a word, or after a whole title: refused
    for (from, to, says) in [
        (
            "5.1.1\t情報セキュリティのための\n方針群\n",
            "5.1.1\t情報セキュリティのための\n方針群※\n",
            "方針群※",
        ),
        (
            "5.1.1\t情報セキュリティのための\n方針群\n",
            "5.1.1\t情報セキュリティのための\n方針群（予定）\n",
            "予定",
        ),
        (
            "5.1.1\t情報セキュリティのための\n方針群\n",
            "5.1.1\t情報セキュリティのための方針群\n方針群\n",
            "方針群",
        ),
        (
            "9.2.5\t利用者アクセス権のレビュ\nー\n",
            "9.2.5\t利用者アクセス権のレビュー\nー\n",
            "ー",
        ),
        (
            "6.1.1\t情報セキュリティの役割及\nび責任\n",
            "6.1.1\t情報セキュリティの役割及\nび責任 未実施\n",
            "未実施",
        ),
    ] {
        assert!(text.contains(from), "{from}");
        let out = run(text.replace(from, to));
        assert_eq!(out.status.code(), Some(2), "{to}: read");
        assert!(stderr(&out).contains(says), "{to}: {}", stderr(&out));
    }
}
