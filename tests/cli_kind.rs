//! The registration kind (ISMAP or ISMAP-LIU) read fail-closed (`tests/data/kind/`): a
//! kind read as ISMAP (stated, or `--registration-kind`) while the input mentions ISMAP-LIU
//! anywhere the reader sees it is refused, naming where; a kind row states the kind of its
//! own sheet's table only.
mod common;

use std::path::PathBuf;

use common::{data, input_error, json_of, on_checks};
use serde_json::json;

fn kind(name: &str) -> PathBuf {
    data(&format!("kind/{name}"))
}

fn report(lang: &str, csp: &str, args: &[&str]) -> assert_cmd::Command {
    let mut c = on_checks(lang, "report", kind("checks.csv"));
    c.arg("--csp")
        .arg(kind(csp))
        .args(["--format", "json"])
        .args(args);
    c
}

/// A status table stating `登録区分: ISMAP` and saying ISMAP-LIU elsewhere (a kind row
/// below or inside the table, the LIU list's title below it, a note above or below it, a
/// title row, the sheet's name, a comment, a hidden sheet), a pasted entry saying LIU on
/// the line after its title or in its provider, scope or 後発事象 field, a profile whose
/// name says LIU: refused, naming the place and its text; never ISMAP and covered.
#[test]
fn an_ismap_kind_with_liu_said_anywhere_is_refused() {
    for (csp, place, said) in [
        ("liu-row-below.csv", "line 6", "登録区分: ISMAP-LIU"),
        ("liu-row-inside.csv", "line 4", "登録区分: ISMAP-LIU"),
        (
            "liu-title-below.csv",
            "line 7",
            "ISMAP-LIUクラウドサービスリスト",
        ),
        (
            "liu-note-below.csv",
            "line 6",
            "本サービスはISMAP-LIUに登録されています",
        ),
        (
            "liu-note-above.csv",
            "line 2",
            "本一覧はISMAP-LIU登録サービスのものです",
        ),
        ("liu-title-above.csv", "line 1", "ISMAP-LIU 適用宣言書"),
        (
            "liu-sheet-name.xlsx",
            "sheet 'ISMAP-LIU 管理策'",
            "ISMAP-LIU 管理策",
        ),
        (
            "liu-comment.xlsx",
            "row 1: column 'A'",
            "2025年4月よりISMAP-LIUへ移行",
        ),
        (
            "liu-hidden-sheet.xlsx",
            "sheet 'old': row 1",
            "登録区分: ISMAP-LIU",
        ),
        ("entry-liu-after-title.txt", "line 2", "（ISMAP-LIU）"),
        (
            "entry-liu-provider.txt",
            "line 4",
            "サンプル株式会社（ISMAP-LIU登録）",
        ),
        (
            "entry-liu-scope.txt",
            "line 7",
            "サンプルSaaS 本体（ISMAP-LIUとして登録）",
        ),
        (
            "entry-liu-events.txt",
            "line 51",
            "2025年10月にISMAP-LIUへ区分変更",
        ),
        ("profile-liu-name.yaml", "line 1", "name: SaaS（ISMAP-LIU）"),
        // a kind value broken over lines by a PDF (`区分` / `ISMAP` / `-LIU`; `ISMAP-` / `LIU`
        // is refused on its first line: `a_kind_value_that_goes_on_is_refused`)
        ("entry-kind-broken-cells.txt", "line 4", "('-LIU')"),
    ] {
        let e = input_error(report("en", csp, &[]));
        assert!(e.contains(place), "{csp}: {e}");
        assert!(e.contains(said), "{csp}: {e}");
        assert!(
            e.contains(
                "the list states the registration kind ISMAP, but it mentions ISMAP-LIU here"
            ),
            "{csp}: {e}"
        );
        let out = report("ja", csp, &[]).output().unwrap();
        let ja = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{csp}: {ja}");
        assert!(ja.contains("ISMAP-LIUに言及しています"), "{csp}: {ja}");
    }
}

/// `--registration-kind ismap` for a list stating no kind but saying ISMAP-LIU (a note
/// below the table, the sheet's name) is refused the same way.
#[test]
fn registration_kind_ismap_is_refused_where_the_list_says_liu() {
    for (csp, said) in [
        (
            "liu-note-no-kind.csv",
            "本サービスはISMAP-LIUに登録されています",
        ),
        ("liu-sheet-name-no-kind.xlsx", "ISMAP-LIU 管理策"),
    ] {
        let e = input_error(report("en", csp, &["--registration-kind", "ismap"]));
        assert!(
            e.contains("--registration-kind says ISMAP, but the list mentions ISMAP-LIU here"),
            "{csp}: {e}"
        );
        assert!(e.contains(said), "{csp}: {e}");
        // stating the lesser kind is read
        let v = json_of(report("en", csp, &["--registration-kind", "ismap-liu"]));
        assert_eq!(v["csp"]["registration_kind"], "ismap-liu", "{csp}");
    }
}

/// A kind row on sheet A does not state the kind of sheet B's table: the workbook's kind
/// is unstated, and what needs ISMAP is an assurance gap on every sheet.
#[test]
fn a_kind_row_states_its_own_sheet_only() {
    let v = json_of(report("en", "two-sheets-one-kind.xlsx", &[]));
    assert_eq!(v["csp"]["registration_kind"], json!(null));
    for id in ["K-1", "K-2", "K-3"] {
        let i = common::by_id(&v["items"], id);
        assert_eq!(i["status"], "assurance-gap", "{id}");
        assert_eq!(i["reasons"], json!(["registration-kind-unstated"]), "{id}");
    }
}

/// A list title carrying a note (`ISMAPクラウドサービスリスト（申請中）`, `（登録抹消）`: the
/// application pending, the registration removed) is not read as the ISMAP list's title:
/// the kind stays unstated, so nothing needing ISMAP's assurance is covered.
#[test]
fn a_list_title_with_a_note_states_no_kind() {
    for csp in ["entry-title-pending.txt", "entry-title-removed.txt"] {
        let v = json_of(report("en", csp, &[]));
        assert_eq!(v["csp"]["registration_kind"], json!(null), "{csp}");
        for item in v["items"].as_array().unwrap() {
            assert_ne!(item["status"], "covered", "{csp}: {item}");
        }
        let k2 = &v["items"][1];
        assert_eq!(k2["status"], "assurance-gap", "{csp}");
        assert!(
            k2["reasons"]
                .as_array()
                .unwrap()
                .contains(&json!("registration-kind-unstated")),
            "{csp}: {k2}"
        );
    }
}

/// A row above the header stating the registration kind that is hidden or struck through
/// (見え消し) may be a superseded statement: it is refused, never read as the kind.
#[test]
fn a_hidden_or_struck_kind_row_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for how in ["hidden", "struck"] {
        let path = dir.path().join(format!("kind-{how}.xlsx"));
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        let struck = rust_xlsxwriter::Format::new().set_font_strikethrough();
        if how == "struck" {
            ws.write_string_with_format(0, 0, "登録区分: ISMAP", &struck)
                .unwrap();
        } else {
            ws.write_string(0, 0, "登録区分: ISMAP").unwrap();
            ws.set_row_hidden(0).unwrap();
        }
        for (r, row) in [
            ["管理策番号", "実施状況"],
            ["9.2.1", "実施"],
            ["9.2.3", "実施"],
        ]
        .iter()
        .enumerate()
        {
            for (c, text) in row.iter().enumerate() {
                ws.write_string(r as u32 + 1, c as u16, *text).unwrap();
            }
        }
        wb.save(&path).unwrap();
        let mut c = on_checks("en", "report", kind("checks.csv"));
        c.arg("--csp").arg(&path);
        let err = input_error(c);
        assert!(
            err.contains("row 1")
                && err.contains("the row stating the registration kind ('登録区分: ISMAP')")
                && err.contains(if how == "struck" {
                    "struck through"
                } else {
                    "is hidden"
                }),
            "{how}: {err}"
        );
    }
}

/// A bare `種別`/`区分` above a table may classify something else (`種別: ISMAP`, the
/// criteria the table maps; `区分 SaaS`): it states no ISMAP registration (the kind stays
/// unstated, nothing needing ISMAP's assurance is covered), and a value naming neither list
/// does not refuse the file. Nor does a kind row commented out (`# 登録区分: ISMAP`).
#[test]
fn a_bare_kind_label_beside_a_table_states_no_ismap_registration() {
    for csp in [
        "bare-kind-label-ismap.csv",
        "bare-kind-label-other.csv",
        // a kind row commented out states nothing
        "kind-row-commented-out.csv",
    ] {
        let v = json_of(report("en", csp, &[]));
        assert_eq!(v["csp"]["registration_kind"], json!(null), "{csp}");
        for item in v["items"].as_array().unwrap() {
            assert_eq!(item["status"], "assurance-gap", "{csp}: {item}");
        }
    }
}

/// A kind value that goes on past its letters — `ISMAP-` (a PDF cell broken before `LIU`),
/// `ISMAP*` (a footnote that may narrow it) — is refused, never read as ISMAP.
#[test]
fn a_kind_value_that_goes_on_is_refused() {
    for (csp, said) in [
        (
            "entry-kind-trailing-hyphen.txt",
            "line 2: 'ISMAP-' after '登録区分'",
        ),
        (
            "entry-kind-broken-hyphen.txt",
            "line 2: 'ISMAP-' after '登録区分'",
        ),
        (
            "kind-row-footnote.csv",
            "row 1: column 'A': 'ISMAP*' after '登録区分",
        ),
    ] {
        let err = input_error(report("en", csp, &[]));
        assert!(
            err.contains(said) && err.contains("is neither ISMAP nor ISMAP-LIU"),
            "{csp}: {err}"
        );
    }
}

/// A TSV status table (UTF-8, or Excel's UTF-16 "Unicode テキスト") with the one-cell kind
/// row `登録区分: ISMAP` above its header is read as the tab-separated table it is: a line
/// without a delimiter does not decide the delimiter.
#[test]
fn a_tab_separated_table_under_a_one_cell_kind_row_is_read() {
    for csp in ["tsv-kind-row.tsv", "utf16-kind-row.tsv"] {
        let v = json_of(report("en", csp, &[]));
        assert_eq!(v["csp"]["registration_kind"], "ismap", "{csp}");
        assert_eq!(v["csp"]["read_as"]["kind"], "status-table", "{csp}");
    }
}
