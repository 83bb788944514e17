//! Reviews 12–14 on the CSP status table's columns (session 10, fix17-csp): document
//! columns, header notes, approval columns, two status columns, bilingual check-mark
//! headers.
mod common;

use std::path::PathBuf;

use common::{input_error, json_of, on_checks};

/// The check list of `tests/data/fix15-csp` (K-2 asks for 9.2.3).
fn checks() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/fix15-csp/k.csv")
}

/// Writes `text` as `name` in a temporary folder.
fn file(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// `report` (in `lang`) on the check list and `text` as the CSP list: refused, the error.
fn refused(lang: &str, text: &str) -> String {
    let (_dir, path) = file("csp.csv", text);
    let mut c = on_checks(lang, "report", checks());
    c.arg("--csp").arg(&path);
    if lang == "en" {
        return input_error(c);
    }
    let out = c.output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        out.stdout.is_empty() && !stderr.contains("panicked"),
        "{stderr}"
    );
    stderr
}

/// `report --format json` on the check list and `text`: the item `id`'s status and
/// reasons.
fn status(text: &str, id: &str) -> (String, Vec<String>) {
    let (_dir, path) = file("csp.csv", text);
    let mut c = on_checks("en", "report", checks());
    c.args(["--registration-kind", "ismap", "--format", "json", "--csp"])
        .arg(&path);
    let v = json_of(c);
    let item = common::by_id(&v["items"], id);
    (
        item["status"].as_str().unwrap().to_owned(),
        item["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap().to_owned())
            .collect(),
    )
}

/// Review 14 A-1 rest: a column naming the documents that show the control (`関連文書`,
/// `文書名`, `根拠文書`, `関連規程`, `Related documents`) is the evidence column in other
/// words: `なし` / `特になし` / `none` there says there is none and is refused, as under
/// `証跡`, and so is a draft named there; a document named (`規程A 第3条`), a dash or an
/// empty cell (nothing named, as under `証跡`) reads, covered with no note.
#[test]
fn a_document_column_saying_none_is_refused() {
    for header in [
        "関連文書",
        "文書名",
        "根拠文書",
        "関連規程",
        "Related documents",
    ] {
        for value in ["なし", "特になし", "none", "規程A（案）"] {
            let err = refused(
                "en",
                &format!("管理策番号,実施状況,{header}\n9.2.1,実施,規程B\n9.2.3,実施,{value}\n"),
            );
            assert!(
                err.contains("says there is no evidence of it"),
                "{header} = {value}: {err}"
            );
        }
        for value in ["規程A 第3条", "-", ""] {
            let (s, reasons) = status(
                &format!("管理策番号,実施状況,{header}\n9.2.3,実施,{value}\n"),
                "K-2",
            );
            assert_eq!(
                (s.as_str(), reasons.len()),
                ("covered", 0),
                "{header} = {value}"
            );
        }
    }
    let err = refused("ja", "管理策番号,実施状況,関連文書\n9.2.3,実施,なし\n");
    assert!(err.contains("'なし'"), "{err}");
    // a date's or an owner's column about a document is what it says
    let (s, _) = status(
        "管理策番号,実施状況,文書管理者\n9.2.3,実施,情報システム部\n",
        "K-2",
    );
    assert_eq!(s, "covered");
}

/// Session 10 task 2: a status header whose note says the statement is not audited or not
/// final (`監査前`, `自己評価`, `pre-audit`, `self-assessment`, `速報`, `preliminary`, `仮`,
/// `予定`, `見込み`) is refused (en, ja): its rows are not read as implemented. The notes
/// that only name the service, the whole scope or the year in force (`本サービス`,
/// `2025年度`, `this service`, `監査済`) read.
#[test]
fn a_status_header_noted_unaudited_or_not_final_is_refused() {
    for note in [
        "実施状況（監査前）",
        "実施状況（自己評価）",
        "実施状況（自己申告）",
        "実施状況（社内評価）",
        "実施状況（未確定）",
        "実施状況（速報）",
        "実施状況（仮）",
        "実施状況（監査待ち）",
        "実施状況（予定）",
        "実施状況（見込み）",
        "Status (pre-audit)",
        "Status (self-assessment)",
        "Status (self-assessed)",
        "Status (unaudited)",
        "Status (preliminary)",
        "Status (tentative)",
        "Status (estimated)",
        // review 16 A-14: declared, asserted or reported by the provider, projected,
        // assumed, or an internal audit's
        "実施状況（ベンダー申告）",
        "Status (management assertion)",
        "Status (projected)",
        "実施状況（想定）",
        "実施状況（内部監査結果）",
        "Status (as reported by CSP)",
    ] {
        let err = refused(
            "en",
            &format!("管理策番号,{note}\n9.2.1,実施\n9.2.3,実施\n"),
        );
        assert!(err.contains("on the header"), "{note}: {err}");
    }
    let err = refused("ja", "管理策番号,実施状況（監査前）\n9.2.3,実施\n");
    assert!(err.contains("監査前"), "{err}");
    for note in [
        "実施状況（本サービス）",
        "実施状況（2025年度）",
        "実施状況（監査済）",
        "実施状況（仮想基盤を含む全体）",
        "Status (this service)",
        "Status (2025)",
    ] {
        let (s, _) = status(&format!("管理策番号,{note}\n9.2.3,実施\n"), "K-2");
        assert_eq!(s, "covered", "{note}");
    }
}

/// Review 14 C-1 rest: beside the status column, the approver's or a confirmation column
/// (`承認者確認`, `承認者承認`, `確認状況`, `上長確認`) holding `済` / `○` / `承認済` is the
/// statement's approval, read with no note (was refused as a second status column);
/// `未` / `回付中` there refuse the row (en, ja), as under `承認状況`. `確認状況` alone is
/// still the status column.
#[test]
fn an_approvers_confirmation_column_is_an_approval() {
    for header in ["承認者確認", "承認者承認", "確認状況", "上長確認"] {
        for value in ["済", "○", "承認済"] {
            let (s, reasons) = status(
                &format!("管理策番号,実施状況,{header}\n9.2.1,実施,済\n9.2.3,実施,{value}\n"),
                "K-2",
            );
            assert_eq!(
                (s.as_str(), reasons.len()),
                ("covered", 0),
                "{header} = {value}"
            );
        }
        for value in ["未", "回付中"] {
            let err = refused(
                "en",
                &format!("管理策番号,実施状況,{header}\n9.2.1,実施,済\n9.2.3,実施,{value}\n"),
            );
            assert!(
                err.contains("is not approved or reviewed"),
                "{header} = {value}: {err}"
            );
        }
    }
    let err = refused("ja", "管理策番号,実施状況,確認状況\n9.2.3,実施,回付中\n");
    assert!(err.contains("'回付中'"), "{err}");
    // guard: alone, `確認状況` holds the statuses
    let text = "管理策番号,確認状況\n9.2.3,実施\n9.2.1,未実施\n";
    assert_eq!(status(text, "K-2").0, "covered");
    assert_eq!(status(text, "K-1").0, "not-covered");
}

/// Review 14 C-2: the statuses in two languages, one column each (`実施状況` | `Status`),
/// agreeing on every row, read as one column (was refused as "more than one status
/// column"); a row where they disagree is refused naming the row and both cells (en, ja);
/// a cell that qualifies its status (`Implemented (Tokyo only)`) still refuses the table.
#[test]
fn a_status_in_two_languages_in_two_columns_reads_when_they_agree() {
    let text = "管理策番号,実施状況,Status\n9.2.3,実施,Implemented\n9.2.1,計画中,Planned\n";
    assert_eq!(status(text, "K-2").0, "covered");
    assert_eq!(status(text, "K-1").0, "not-covered");
    let err = refused(
        "en",
        "管理策番号,実施状況,Status\n9.2.1,実施,Implemented\n9.2.3,実施,Not implemented\n",
    );
    assert!(
        err.contains("row 3: the status columns '実施状況' and 'Status' state different statuses on this row ('実施', 'Not implemented')"),
        "{err}"
    );
    let err = refused(
        "ja",
        "管理策番号,実施状況,Status\n9.2.3,計画中,Implemented\n",
    );
    assert!(err.contains("異なる状況"), "{err}");
    let err = refused(
        "en",
        "管理策番号,実施状況,Status\n9.2.1,実施,Implemented\n9.2.3,実施,Implemented (Tokyo only)\n",
    );
    assert!(!err.contains("covered"), "{err}");
}

/// Review 14 C-2, guard: two status columns in one language (`実施状況` | `対応状況`) are two
/// statements, refused as before even where they agree.
#[test]
fn two_status_columns_in_one_language_are_still_refused() {
    let err = refused(
        "en",
        "管理策番号,実施状況,対応状況\n9.2.1,実施,実施\n9.2.3,実施,実施\n",
    );
    assert!(err.contains("more than one status column"), "{err}");
}

/// Review 14 C-4: a check-mark table headed in two languages (`実施 / Implemented` |
/// `未実施 / Not implemented` | `非該当 / N/A`, also `｜`, unspaced `実施/Implemented`) reads
/// as the Japanese-only headers do (was refused as more than one status column). Guards: a
/// note on the implemented column's header (`実施（予定）`, `Implemented (planned)`,
/// `実施 / Implemented（予定）`, inside: `実施（予定） / Implemented`) is refused (was
/// bare 充足), an ordinary note (`実施（本サービス）`) reads, `実施/未実施` names no status.
#[test]
fn a_check_mark_table_headed_in_two_languages_reads() {
    let table = |header: &str| format!("管理策番号,{header}\n9.2.1,○,,\n9.2.3,,○,\n");
    for header in [
        "実施 / Implemented,未実施 / Not implemented,非該当 / N/A",
        "実施｜Implemented,未実施｜Not implemented,非該当｜N/A",
        "実施/Implemented,未実施/Not implemented,非該当/N/A",
        "実施（本サービス）,未実施,非該当（理由は備考）",
    ] {
        let text = table(header);
        assert_eq!(status(&text, "K-1").0, "covered", "{header}");
        assert_eq!(status(&text, "K-2").0, "not-covered", "{header}");
    }
    for header in [
        "実施（予定）,未実施,非該当",
        "Implemented (planned),Not implemented,N/A",
        "実施 / Implemented（予定）,未実施 / Not implemented,非該当 / N/A",
        "実施（予定） / Implemented,未実施 / Not implemented,非該当 / N/A",
        "実施 / Not implemented,未実施,非該当",
    ] {
        refused("en", &table(header));
    }
    let err = refused("ja", &table("実施（予定）,未実施,非該当"));
    assert!(err.contains("予定"), "{err}");
}

/// Review 12 C-4: a dash the sheet's own legend defines as 非該当 (a note on the status
/// header, `実施状況（○：実施、－：非該当）`, or a legend row, `凡例：○=実施、－=非該当`), on a
/// row giving its reason, reads as 非該当 (never as implemented). Guards: the same dash
/// without a reason, without a legend, or under a legend giving it another meaning
/// (`－=未実施`) is refused as any dash is.
#[test]
fn a_dash_the_legend_defines_as_not_applicable_reads_with_a_reason() {
    for text in [
        "管理策番号,実施状況（○：実施、－：非該当）,非該当理由\n9.2.1,○,\n9.2.3,－,物理的な設備を持たないため\n",
        "凡例：○=実施、×=未実施、－=非該当\n管理策番号,実施状況,非該当理由\n9.2.1,○,\n9.2.3,－,物理的な設備を持たないため\n",
    ] {
        assert_eq!(status(text, "K-1").0, "covered", "{text}");
        let (s, reasons) = status(text, "K-2");
        assert_eq!(s, "not-covered", "{text}");
        assert!(reasons.contains(&"not-applicable".to_owned()), "{reasons:?}");
    }
    for text in [
        "凡例：○=実施、×=未実施、－=非該当\n管理策番号,実施状況,非該当理由\n9.2.1,○,\n9.2.3,－,\n",
        "管理策番号,実施状況,非該当理由\n9.2.1,○,\n9.2.3,－,物理的な設備を持たないため\n",
        "凡例：○=実施、－=未実施\n管理策番号,実施状況,非該当理由\n9.2.1,○,\n9.2.3,－,物理的な設備を持たないため\n",
    ] {
        let err = refused("en", text);
        assert!(err.contains("'－'"), "{err}");
    }
}

/// A workbook of one sheet: `rows` from A1, the rows (0-based) in `hidden` hidden.
fn workbook_with_hidden(rows: &[&[&str]], hidden: &[u32]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("csp.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *text).unwrap();
        }
    }
    for &r in hidden {
        ws.set_row_hidden(r).unwrap();
    }
    wb.save(&path).unwrap();
    (dir, path)
}

/// Review 12 C-16: a filtered sheet whose hidden row states 非該当 (a filter showing only
/// 実施) reads the row as written, 非該当 (was refused saying "not read as implemented" of
/// it); a hidden row stating 実施 (maybe a superseded entry) is still refused (en, ja).
#[test]
fn a_hidden_row_stating_not_applicable_is_read_as_written() {
    let header: &[&str] = &["管理策番号", "実施状況", "非該当理由"];
    let (_dir, path) = workbook_with_hidden(
        &[
            header,
            &["9.2.1", "実施", ""],
            &["9.2.3", "非該当", "特権IDを発行しないため"],
        ],
        &[2],
    );
    let mut c = on_checks("en", "report", checks());
    c.args(["--registration-kind", "ismap", "--format", "json", "--csp"])
        .arg(&path);
    let v = json_of(c);
    assert_eq!(common::by_id(&v["items"], "K-1")["status"], "covered");
    assert_eq!(common::by_id(&v["items"], "K-2")["status"], "not-covered");
    let (_dir, path) = workbook_with_hidden(
        &[header, &["9.2.1", "実施", ""], &["9.2.3", "実施", ""]],
        &[2],
    );
    for lang in ["en", "ja"] {
        let mut c = on_checks(lang, "report", checks());
        c.arg("--csp").arg(&path);
        let out = c.output().unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("row 3"), "{err}");
    }
}

/// A published list (ids only, no status column) on sheet `管理策一覧`: the rows (0-based
/// among the ids) in `pale` filled `fill`, those in `linked` written as hyperlinks.
fn coloured_list(fill: u32, pale: &[usize], linked: &[usize]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("管理策一覧").unwrap();
    let shaded =
        rust_xlsxwriter::Format::new().set_background_color(rust_xlsxwriter::Color::RGB(fill));
    ws.write_string(0, 0, "管理策番号").unwrap();
    let ids = [
        "9.1.1", "9.1.2", "9.2.1", "9.2.2", "9.2.3", "9.2.4", "9.2.5", "9.2.6", "9.4.1", "9.4.2",
    ];
    for (i, id) in ids.iter().enumerate() {
        let r = i as u32 + 1;
        if linked.contains(&i) {
            ws.write_url_with_text(r, 0, "https://example.com/detail", *id)
                .unwrap();
        } else if pale.contains(&i) {
            ws.write_string_with_format(r, 0, *id, &shaded).unwrap();
        } else {
            ws.write_string(r, 0, *id).unwrap();
        }
    }
    wb.save(&path).unwrap();
    (dir, path)
}

/// Review 13 C-9 rest: ids written as hyperlinks (the Hyperlink style's blue font) and a
/// pale banding broken by an inserted row (plain, shaded, plain, plain, shaded, …) read
/// (were refused as colour-coded statuses). Guards: one pale row, a block of three pale
/// rows, a saturated or grey fill banded the same way are still refused.
#[test]
fn hyperlinks_and_broken_banding_are_no_colour_coded_statuses() {
    let read = |path: &PathBuf| {
        let mut c = on_checks("en", "report", checks());
        c.args(["--registration-kind", "ismap", "--format", "json", "--csp"])
            .arg(path);
        let v = json_of(c);
        assert_eq!(common::by_id(&v["items"], "K-2")["status"], "covered");
    };
    let (_dir, path) = coloured_list(0xDDEBF7, &[], &[2, 5]);
    read(&path);
    let broken = [1, 4, 6, 8];
    let (_dir, path) = coloured_list(0xDDEBF7, &broken, &[]);
    read(&path);
    let (_dir, path) = coloured_list(0xD9D9D9, &broken, &[]);
    read(&path);
    for (fill, rows) in [
        (0xDDEBF7, &[4][..]),
        (0xDDEBF7, &[3, 4, 5][..]),
        (0xFF9999, &broken[..]),
        (0xBFBFBF, &broken[..]),
    ] {
        let (_dir, path) = coloured_list(fill, rows, &[]);
        let mut c = on_checks("en", "report", checks());
        c.arg("--csp").arg(&path);
        let err = input_error(c);
        assert!(
            err.contains("coloured differently"),
            "{fill:X} {rows:?}: {err}"
        );
    }
}
