//! Review 11 on CSP status tables (session 7, fix12-st): A-16 a bracketed note on the id
//! or status column's header read as a note on every row; A-15 a heading row between a
//! status table's rows read as a note on the rows under it.
mod common;

use std::path::PathBuf;

use common::{input_error, json_of, on_checks};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/fix12-st/{name}"))
}

/// Writes `text` as `name` in a temporary folder.
fn file(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// A status table headed `id_header,管理策名,status_header` stating 9.2.1 and 9.2.3
/// implemented and 9.2.4 not, with `between` (a row of its own) after 9.2.1.
fn table(id_header: &str, status_header: &str, between: &str) -> String {
    let mut t = format!(
        "登録区分: ISMAP\n{id_header},管理策名,{status_header}\n9.2.1,利用者登録及び登録削除,実施\n"
    );
    if !between.is_empty() {
        t.push_str(between);
        t.push('\n');
    }
    t.push_str("9.2.3,特権的アクセス権の管理,実施\n9.2.4,利用者の秘密認証情報の管理,未実施\n");
    t
}

/// `report --format json` on `k.csv` (K-1: 9.2.1, K-2: 9.2.3, K-5: 9.2.4) and `text`:
/// (K-1's, K-2's, K-5's status).
fn statuses(text: &str) -> (String, String, String) {
    let (_dir, path) = file("csp.csv", text);
    let mut c = on_checks("en", "report", data("k.csv"));
    c.args(["--format", "json", "--csp"]).arg(&path);
    let v = json_of(c);
    let s = |id: &str| {
        common::by_id(&v["items"], id)["status"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    (s("K-1"), s("K-2"), s("K-5"))
}

/// The one-line error of `report` (in `lang`) on `k.csv` and `text`.
fn refused_in(lang: &str, text: &str) -> String {
    let (_dir, path) = file("csp.csv", text);
    let mut c = on_checks(lang, "report", data("k.csv"));
    c.arg("--csp").arg(&path);
    if lang == "ja" {
        let out = c.output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(out.stdout.is_empty(), "{stderr}");
        return stderr;
    }
    input_error(c)
}

fn refused(text: &str) -> String {
    refused_in("en", text)
}

fn read_as_stated(text: &str) {
    let (a, b, c) = statuses(text);
    assert_eq!(
        (a.as_str(), b.as_str(), c.as_str()),
        ("covered", "covered", "not-covered"),
        "{text}"
    );
}

/// a note on the status column's header that projects, targets, plans, drafts,
/// limits to a region, environment or service, dates to a past audit or after `--as-of`
/// is read as a note on every row: the table is refused naming the header and the note.
#[test]
fn a_qualifying_note_on_the_status_header_refuses_the_table() {
    for (header, word) in [
        ("実施状況（2027年度末見込み）", "2027年度末見込み"),
        ("実施状況（目標）", "目標"),
        ("実施状況（予定）", "予定"),
        ("実施状況（東京リージョン）", "東京リージョン"),
        ("実施状況（計画）", "計画"),
        ("実施状況(目標)", "目標"),
        ("実施状況（To-Be）", "To-Be"),
        ("Status (FY2027)", "FY2027"),
        ("実施状況（案）", "案"),
        ("実施状況（ドラフト）", "ドラフト"),
        ("実施状況（前回監査時）", "前回監査時"),
        ("実施状況（申請時）", "申請時"),
        ("実施状況（参考）", "参考"),
        ("実施状況（本番環境）", "本番環境"),
        ("Status (Production)", "Production"),
        ("実施状況（サービスB）", "サービスB"),
        ("実施状況（2027年3月末時点）", "2027年3月末時点"),
    ] {
        let err = refused(&table("管理策番号", header, ""));
        assert!(
            err.contains(&format!(
                "column '{header}': the note '{word}' on the header '{header}'"
            )) && err.contains("a note on the header is read as a remark on every row"),
            "{header}: {err}"
        );
    }
}

/// the same note on the id column's header.
#[test]
fn a_qualifying_note_on_the_id_header_refuses_the_table() {
    for header in [
        "管理策番号（予定）",
        "管理策番号（大阪リージョン）",
        "Control ID (planned)",
        "管理策番号（参考）",
        "管理策番号（旧）",
    ] {
        let err = refused(&table(header, "実施状況", ""));
        assert!(
            err.contains(&format!("on the header '{header}'")),
            "{header}: {err}"
        );
    }
}

/// A-16 in Japanese: the message and its hint in Japanese.
#[test]
fn the_header_note_refusal_in_japanese() {
    let err = refused_in("ja", &table("管理策番号", "実施状況（東京リージョン）", ""));
    assert!(
        err.contains("見出し '実施状況（東京リージョン）' の注記 '東京リージョン' は")
            && err.contains("見出しの注記は列全体に対するものとして扱います"),
        "{err}"
    );
}

/// A-16 guard: ordinary notes on the headers read — the marks' legend or the values to
/// choose from, an input hint, a date on or before `--as-of`, the catalog's name.
#[test]
fn ordinary_notes_on_the_headers_read() {
    for header in [
        "実施状況（○/×）",
        "実施状況(2025年3月末時点)",
        "実施状況（2025年）",
        "実施状況（2026年3月末時点）",
        "実施状況（記入欄）",
        "実施状況（実施/未実施/非該当）",
        "実施状況（○：実施、×：未実施）",
        "実施状況（○=実施 ×=未実施）",
        "Status (Yes/No)",
        "実施状況（プルダウン選択）",
    ] {
        read_as_stated(&table("管理策番号", header, ""));
    }
    for header in ["管理策番号（ISMAP）", "Control ID (ISMAP)"] {
        read_as_stated(&table(header, "実施状況", ""));
    }
}

/// A-16 with A-20: a legend in the status header's brackets that gives ○ another meaning
/// (`○：一部実施`) is refused as a legend row is.
#[test]
fn a_legend_in_the_header_redefining_a_mark_is_refused() {
    let t = "登録区分: ISMAP\n管理策番号,管理策名,実施状況（○：一部実施、◎：実施、×：未実施）\n9.2.1,利用者登録及び登録削除,○\n9.2.3,特権的アクセス権の管理,○\n";
    let err = refused(t);
    assert!(
        err.contains("the legend gives '○' the meaning '一部実施'"),
        "{err}"
    );
}

/// a heading row between the table's rows that says the rows under it are for
/// reference, of a previous audit, of a region, of another service or an option, or planned
/// for a later year, is read as a remark on the rows under it: the table is refused.
#[test]
fn a_qualifying_heading_between_rows_refuses_the_table() {
    for (heading, word) in [
        (
            "■ 2027年度に対応する管理策",
            "defers it or says it is not done",
        ),
        ("【参考】前回監査時点の記載", "'参考'"),
        ("■ 以下は大阪リージョン", "'リージョン'"),
        ("■ 参考：前回監査時点の記載", "'参考'"),
        ("■ オプションサービス", "'オプション'"),
        ("【参考】旧基準", "'参考'"),
        ("■ 以下、サービスB", "'以下'"),
    ] {
        let err = refused(&table("管理策番号", "実施状況", &format!("{heading},,")));
        assert!(
            err.contains(&format!(
                "row 4: column 'A': the heading '{heading}' between the table's rows"
            )) && err.contains(word)
                && err.contains("above 9.2.3 stated implemented"),
            "{heading}: {err}"
        );
    }
}

/// A-15 in Japanese.
#[test]
fn the_heading_refusal_in_japanese() {
    let err = refused_in(
        "ja",
        &table("管理策番号", "実施状況", "■ 以下は大阪リージョン,,"),
    );
    assert!(
        err.contains("表の行の間の見出し '■ 以下は大阪リージョン' はその下の行を")
            && err.contains("見出しはその下の行の備考として読み"),
        "{err}"
    );
}

/// A-15 guard: the catalog's own headings between the rows (with or without a mark), a
/// category heading and a heading only above rows not stated implemented read.
#[test]
fn plain_section_headings_between_rows_read() {
    for heading in [
        "■ 9 アクセス制御",
        "【組織的対策】",
        "■ 9.2 利用者アクセスの管理",
        "9.2 利用者アクセスの管理",
        "■ 技術的対策",
        "■ 人的対策（教育・訓練）",
    ] {
        read_as_stated(&table("管理策番号", "実施状況", &format!("{heading},,")));
    }
    // the heading over a not-implemented row only: nothing under it is credited
    let t = "登録区分: ISMAP\n管理策番号,管理策名,実施状況\n9.2.1,利用者登録及び登録削除,実施\n9.2.3,特権的アクセス権の管理,実施\n■ 2027年度に対応する管理策,,\n9.2.4,利用者の秘密認証情報の管理,未実施\n";
    read_as_stated(t);
}
