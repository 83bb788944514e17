//! Session 12 fix26-list (review 19): the pasted/CSV published list reader. A heading
//! between ids that is not the catalog's, page furniture or the list's own opening is
//! refused, and every heading above ids is read by the status table's heading rule (A-3,
//! A-3b, B-2).
mod common;

use std::path::PathBuf;

use common::{by_id, data, input_error, json_of, on_checks};

fn checks() -> PathBuf {
    data("fix26-list/checks.csv")
}

/// A pasted list: the list's title and the service's name, a header, ids of clause 9, an
/// empty line, `between`, and 11.1.1 (K-6).
fn pasted(between: &str) -> String {
    format!(
        "ISMAPクラウドサービスリスト\nサンプルSaaS\n統制目標 番号\n9.2.1\n9.2.3\n9.2.4\n9.2.5\n\n{between}\n11.1.1\n11.1.2\n"
    )
}

fn write(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn report(path: &PathBuf) -> assert_cmd::Command {
    let mut c = on_checks("en", "report", checks());
    c.args(["--registration-kind", "ismap", "--format", "json", "--csp"])
        .arg(path);
    c
}

fn status(v: &serde_json::Value, id: &str) -> String {
    by_id(&v["items"], id)["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Review 19 A-3: a heading after an empty line saying the ids under it are the customer's,
/// a later phase's, a beta's, ended or descoped credited them 充足. Refused now, in pasted
/// text and in a CSV list; the catalog's clause heading, the list's title repeated, a
/// column header and furniture between ids still read.
#[test]
fn a_heading_between_ids_is_the_lists_own_or_refused() {
    for heading in [
        "お客様の責任範囲",
        "Customer responsibility",
        "CUEC",
        "Descoped controls",
        "Phase 2",
        "ベータ版",
        "Beta",
        "提供終了",
        "Deprecated",
        "2027年4月から実施する統制目標",
        "From April 2027",
        "令和9年4月1日から",
        "顧客管理",
        "テナント管理者が設定",
        // A-3b: a clause heading with more after its title
        "11 物理的及び環境的セキュリティ（AWS）",
        "11 物理的及び環境的セキュリティ ※",
        "11 物理的及び環境的セキュリティ（2027年4月～）",
        "11. Physical and environmental security (AWS)",
    ] {
        let (_d, path) = write("list.txt", &pasted(heading));
        let err = input_error(report(&path));
        assert!(err.contains("line 9:"), "{heading}: {err}");
    }
    for ordinary in [
        "11 物理的及び環境的セキュリティ",
        "■ 11 物理的及び環境的セキュリティ",
        "物理的及び環境的セキュリティ",
        "11 Physical and environmental security",
        "ISMAPクラウドサービスリスト",
        "ISMAPクラウドサービスリスト　令和8年3月1日更新　（2/3ページ）",
        "サンプルSaaS",
        "統制目標 番号",
        "- 2 -",
        "2025年4月1日現在",
        "本資料の無断転載を禁じます",
    ] {
        let (_d, path) = write("list.txt", &pasted(ordinary));
        let v = json_of(report(&path));
        assert_eq!(status(&v, "K-6"), "covered", "{ordinary}");
        assert_eq!(status(&v, "K-1"), "covered", "{ordinary}");
    }
}

/// A-3 over the whole list: a heading above the first id is read by the same rule (the
/// customer's, a date after the as-of date); the service's name above the list still reads.
#[test]
fn a_heading_above_the_list_is_read_by_the_status_tables_rule() {
    for heading in ["お客様の責任範囲", "2027年4月から実施する統制目標"] {
        let text =
            format!("ISMAPクラウドサービスリスト\n統制目標 番号\n{heading}\n9.2.1\n11.1.1\n");
        let (_d, path) = write("list.txt", &text);
        let err = input_error(report(&path));
        assert!(
            err.contains(&format!("the heading '{heading}' above 9.2.1")),
            "{err}"
        );
    }
    let (_d, path) = write(
        "list.txt",
        "ISMAPクラウドサービスリスト\nサンプルSaaS\n9.2.1\n11.1.1\n",
    );
    assert_eq!(status(&json_of(report(&path)), "K-6"), "covered");
}

/// A-3 in a CSV list: an empty row, then a heading row, then ids.
#[test]
fn a_heading_row_between_ids_of_a_csv_list_is_refused() {
    for heading in ["お客様の責任範囲", "Phase 2", "ベータ版"] {
        let text = format!("管理策番号\n9.2.1\n9.2.3\n\n{heading}\n11.1.1\n");
        let (_d, path) = write("list.csv", &text);
        let err = input_error(report(&path));
        assert!(err.contains("row 5"), "{heading}: {err}");
    }
    let (_d, path) = write(
        "list.csv",
        "管理策番号\n9.2.1\n9.2.3\n\n11 物理的及び環境的セキュリティ\n11.1.1\n",
    );
    assert_eq!(status(&json_of(report(&path)), "K-6"), "covered");
}

/// Review 19 B-2: two services' lists pasted one after the other, each under its bare
/// name, merged; refused naming both. One service's name above one list reads (above).
#[test]
fn two_services_lists_under_bare_names_are_refused_naming_both() {
    let err = input_error(report(&data("fix26-list/two-services.txt")));
    assert!(
        err.contains("'サンプルストレージ' stands between ids"),
        "{err}"
    );
    assert!(err.contains("the list opens with 'サンプルSaaS'"), "{err}");
    let mut c = on_checks("ja", "report", checks());
    c.args(["--registration-kind", "ismap", "--csp"])
        .arg(data("fix26-list/two-services.txt"));
    let out = c.output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("'サンプルストレージ' はIDの間にあり"), "{err}");
}

/// The list of [`pasted`] with `marked` in place of 9.2.3's line and `note` after the ids.
fn with_mark(marked: &str, note: &str) -> String {
    format!(
        "ISMAPクラウドサービスリスト\n統制目標 番号\n9.2.1\n{marked}\n9.2.4\n11.1.1\n\n{note}\n"
    )
}

/// Review 19 A-4: a footnote mark before an id (`*`, `＊`, `[1]`, `①`) was a list marker and
/// its footnote (`* 監査後に追加`, `[1] 2027年4月追加`) was never read: 充足. Refused now, with
/// the footnote or (`*` before some ids only, a number before one id among bare ids)
/// without it; in a CSV list too. Guards: a bullet or a number before every id reads.
#[test]
fn a_footnote_mark_before_an_id_is_refused() {
    for (marked, note, want) in [
        (
            "*9.2.3",
            "* 監査後に追加した統制目標",
            "'*' before 9.2.3 is a footnote mark: the note on line 8",
        ),
        (
            "＊9.2.3",
            "＊ Self-assessed",
            "'*' before 9.2.3 is a footnote mark",
        ),
        (
            "[1]9.2.3",
            "[1] 2027年4月追加",
            "'[1]' before 9.2.3 is a footnote mark",
        ),
        (
            "①9.2.3",
            "① お客様の責任範囲",
            "'①' before 9.2.3 is a footnote mark",
        ),
        (
            "*9.2.3",
            "",
            "'*' before 9.2.3 marks some ids of the list only (not 9.2.1 on line 3)",
        ),
        (
            "[1]9.2.3",
            "",
            "'[1]' before 9.2.3 marks some ids of the list only",
        ),
    ] {
        let (_d, path) = write("list.txt", &with_mark(marked, note));
        let err = input_error(report(&path));
        assert!(err.contains(want), "{marked} / {note}: {err}");
    }
    let (_d, path) = write(
        "list.csv",
        "ISMAP管理策番号\n9.2.1\n*9.2.3\n11.1.1\n\n* 監査後に追加した統制目標\n",
    );
    let err = input_error(report(&path));
    assert!(err.contains("the note on row 6"), "{err}");
    for list in [
        "* 9.2.1\n* 9.2.3\n* 11.1.1\n",
        "・9.2.1\n・9.2.3\n・11.1.1\n",
        "- 9.2.1\n- 9.2.3\n- 11.1.1\n",
        "• 9.2.1\n• 9.2.3\n• 11.1.1\n",
        "1. 9.2.1\n2. 9.2.3\n3. 11.1.1\n",
        "(1) 9.2.1\n(2) 9.2.3\n(3) 11.1.1\n",
        "①9.2.1\n②9.2.3\n③11.1.1\n",
        "* 9.2.1\n* 9.2.3\n* 11.1.1\n\n* 以上\n",
    ] {
        let (_d, path) = write("list.txt", &format!("ISMAPクラウドサービスリスト\n{list}"));
        let v = json_of(report(&path));
        assert_eq!(status(&v, "K-2"), "covered", "{list}");
    }
}

/// Review 19 A-7: a status mark wholly in brackets (`(○)`, `（○）`, `(✓)`, `[○]`, `(済)`,
/// `（実施）`) read as 実施; in vendor tables `(○)` is the conditional or by-option mark.
/// Refused like `△`; the bare mark and a bracketed negative status still read.
#[test]
fn a_status_mark_in_brackets_is_not_the_bare_mark() {
    let table = |cell: &str| format!("管理策番号,対応状況\n9.2.1,○\n9.2.3,{cell}\n11.1.1,○\n");
    for cell in ["(○)", "（○）", "(✓)", "[○]", "(済)", "（実施）"] {
        let (_d, path) = write("list.csv", &table(cell));
        let err = input_error(report(&path));
        assert!(err.contains("a mark in brackets"), "{cell}: {err}");
    }
    let (_d, path) = write("list.csv", &table("○"));
    assert_eq!(status(&json_of(report(&path)), "K-2"), "covered");
    let (_d, path) = write("list.csv", &table("【未実施】"));
    assert_eq!(status(&json_of(report(&path)), "K-2"), "not-covered");
}

/// Review 19 C-2: cells pasted from Excel under `ISMAP管理策<TAB>実施状況` were refused as "a
/// published list stating a status" while the same table as CSV reads. Read as the CSV is
/// now (its id column found by what stands under the header); its statuses are read, so a
/// row 未実施 stays not covered, and `(○)` is refused.
#[test]
fn a_pasted_table_under_an_id_header_it_does_not_know_reads_as_the_csv() {
    let text = "ISMAP管理策\t実施状況\n9.2.1\t実施\n9.2.3\t未実施\n11.1.1\t実施\n";
    let (_d, path) = write("cells.txt", text);
    let v = json_of(report(&path));
    assert_eq!(status(&v, "K-1"), "covered");
    assert_eq!(status(&v, "K-6"), "covered");
    assert_eq!(status(&v, "K-2"), "not-covered");
    let (_d, path) = write("cells.txt", &text.replace("未実施", "(○)"));
    let err = input_error(report(&path));
    assert!(err.contains("a mark in brackets"), "{err}");
}

/// Review 19 C-1: page numbers in the shapes a PDF copy gives refused the paste. The running
/// title with a page number, a bracketed number alone and a date with a page number read as
/// page furniture now; with one more word they stay refused, and a number beside an id
/// (`18.2.3<TAB>12`: a page number, or a status code) stays refused.
#[test]
fn page_numbers_in_pdf_shapes_are_furniture() {
    let list = |line: &str| {
        format!("ISMAPクラウドサービスリスト\n統制目標 番号\n9.2.1\n9.2.3\n{line}\n9.2.4\n11.1.1\n")
    };
    for page in [
        "ISMAPクラウドサービスリスト 12",
        "(12)",
        "（12）",
        "2025/10/01 12",
        "12",
    ] {
        let (_d, path) = write("list.txt", &list(page));
        let v = json_of(report(&path));
        assert_eq!(status(&v, "K-6"), "covered", "{page}");
        assert_eq!(status(&v, "K-2"), "covered", "{page}");
    }
    for not_page in [
        "ISMAPクラウドサービスリスト 12 未実施",
        "(12)※",
        "2025/10/01 12 予定",
        "9.2.5\t12",
    ] {
        let (_d, path) = write("list.txt", &list(not_page));
        input_error(report(&path));
    }
}
