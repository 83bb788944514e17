//! Session 13 fix28-csp: the CSP reader's cell rules (review 20, C-9 and
//! fix26-list's leftovers; fixtures in `tests/data/fix28-csp/`).
mod common;

use std::path::{Path, PathBuf};

use common::{bin, by_id, data};
use serde_json::Value;

/// `readiness --implemented fix28-csp/FILE --as-of 2026-12-01 --format json` in English:
/// exit code, JSON, stderr.
fn readiness(file: &str) -> (i32, Value, String) {
    let out = bin()
        .args(["--lang", "en", "readiness", "--implemented"])
        .arg(data(&format!("fix28-csp/{file}")))
        .args(["--as-of", "2026-12-01", "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    (out.status.code().unwrap(), v, stderr)
}

/// Review 20 A-1: a 非該当 reason that is a party's name one word further than review 19
/// A-6's (`DC事業者`, `データセンター事業者`, `外部DC`, `クラウド事業者様`, `DCベンダー`, a
/// bracket naming no service underneath: `委託先（ISMAP登録済）`, `基盤（ISMAP登録済）`) says
/// a kind of party, not which one nor under which assurance: no reason (was accepted,
/// 100 % ready). A plan beside the service by name stays no reason.
#[test]
fn a_party_named_one_word_further_is_no_reason_to_exclude() {
    let (_, v, stderr) = readiness("a1-party-names.csv");
    assert_eq!(v["summary"]["na_without_reason"], 9, "{}", v["summary"]);
    assert_eq!(v["summary"]["not_applicable"], 0, "{stderr}");
    for (id, why) in [
        ("11.1.1", "party-unclear"),
        ("11.1.2", "party-unclear"),
        ("11.1.3", "party-unclear"),
        ("11.1.4", "party-unclear"),
        ("11.1.5", "subcontractor-does-it"),
        ("11.1.6", "party-unclear"),
        ("11.2.1", "party-unclear"),
        ("11.2.2", "party-unclear"),
        ("11.2.3", "decision-not-to-implement"),
    ] {
        let i = by_id(&v["items"], id);
        assert_eq!(i["reason_not_accepted"], why, "{id}: {i}");
        assert_eq!(i["reason_judgement"], "not-accepted", "{id}: {i}");
    }
}

/// Guard of A-1: the service underneath by name or as the layer underneath, in a bracket
/// after the party or as the sentence's doer (`AWS`, `IaaS側で実施`, `基盤側で実施`,
/// `データセンター事業者（AWS）が実施`, `外部DC（AWS）`, `委託先（AWS）`, `IaaS事業者`,
/// `DC（AWS東京リージョン）`, `さくらのクラウド`), stays a reason.
#[test]
fn the_service_or_layer_underneath_named_stays_a_reason() {
    let (code, v, stderr) = readiness("a1-named.csv");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(v["summary"]["not_applicable"], 9, "{}", v["summary"]);
    assert_eq!(v["summary"]["na_without_reason"], 0, "{}", v["summary"]);
    for id in ["11.1.4", "11.1.5", "11.2.1", "11.2.2"] {
        let i = by_id(&v["items"], id);
        assert_eq!(i["reason_judgement"], "given", "{id}: {i}");
    }
}

/// `report --format json` of `fix28-csp/checks.csv` (item 1 cites 9.2.1, item 2 9.2.3)
/// against `csp`, as of 2026-12-01, in `lang`.
fn report(csp: &Path, lang: &str) -> std::process::Output {
    bin()
        .args(["--lang", lang, "report", "--as-of", "2026-12-01"])
        .args(["--format", "json", "--checks"])
        .arg(data("fix28-csp/checks.csv"))
        .arg("--csp")
        .arg(csp)
        .output()
        .unwrap()
}

/// The statuses of items 1 and 2, or the panic naming stderr.
fn statuses(csp: &Path) -> (String, String) {
    let out = report(csp, "en");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let of = |id: &str| {
        by_id(&json["items"], id)["status"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    (of("1"), of("2"))
}

/// Items 1 and 2 both `covered`, or the panic naming `what` (the shape under test).
fn assert_both_covered(path: &Path, what: &str) {
    assert_eq!(
        statuses(path),
        ("covered".to_owned(), "covered".to_owned()),
        "{what}"
    );
}

/// Exit 2 with one error line and no panic: its stderr.
fn refused(csp: &Path) -> String {
    let out = report(csp, "en");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error")).count(),
        1,
        "{err}"
    );
    err
}

/// A CSV under `登録区分: ISMAP`: 9.2.1 `実施` with `evidence` under `証跡`, 9.2.3 `実施` with
/// `規程A.pdf`.
fn with_evidence(dir: &Path, name: &str, evidence: &str) -> PathBuf {
    let path = dir.join(name);
    let quoted = format!("\"{}\"", evidence.replace('"', "\"\""));
    std::fs::write(
        &path,
        format!("登録区分: ISMAP\n管理策番号,実施状況,証跡\n9.2.1,実施,{quoted}\n9.2.3,実施,規程A.pdf\n"),
    )
    .unwrap();
    path
}

/// Review 20 A-11: evidence that is a draft by its name (`規程_改訂案.docx`, `規程案.docx`),
/// before approval (`規程_承認前.docx`, a folder `承認前/`), in a working folder (`作業用/`,
/// `作業中/`) or numbered below 1.0 (`規程_v0.9.docx`) was credited (fix25-csp refused `_案`,
/// `_未承認`, `tmp/` beside them): refused as the draft words are.
#[test]
fn evidence_named_as_a_draft_before_approval_or_working_copy_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (evidence, said)) in [
        ("規程_改訂案.docx", "('改訂案'"),
        ("情報セキュリティ規程案.docx", "('情報セキュリティ規程案'"),
        ("規程_承認前.docx", "('承認前'"),
        ("/ISMS/FY2025/承認前/規程.docx", "('承認前'"),
        ("/ISMS/FY2025/作業用/規程.docx", "('作業用'"),
        ("/ISMS/FY2025/作業中/規程.docx", "('作業中'"),
        ("規程_v0.9.docx", "('v0.9'"),
    ]
    .into_iter()
    .enumerate()
    {
        let path = with_evidence(dir.path(), &format!("e{i}.csv"), evidence);
        let err = refused(&path);
        assert!(err.contains(said), "{evidence}: {err}");
        assert!(err.contains("column '証跡'"), "{evidence}: {err}");
    }
}

/// Guard of A-11: a history, an approved folder, a procedure for work, a proposal, an
/// incident, a notice, an edition 1.0 or later and a folder of operation records still read.
#[test]
fn ordinary_evidence_beside_drafts_still_reads() {
    let dir = tempfile::tempdir().unwrap();
    for (i, evidence) in [
        "改訂履歴.docx",
        "/ISMS/承認済/規程.docx",
        "作業手順書.docx",
        "/運用/作業/作業記録_2025.xlsx",
        "提案書.docx",
        "セキュリティ事案_2025.pdf",
        "案内.pdf",
        "規程_v1.0.docx",
        "規程_第2.0版.docx",
    ]
    .into_iter()
    .enumerate()
    {
        let path = with_evidence(dir.path(), &format!("g{i}.csv"), evidence);
        assert_both_covered(&path, evidence);
    }
}

/// A-11 in readiness: evidence in a folder before approval or named as a revision draft is
/// no evidence (証跡なし), as fix25-csp's draft words are; an approved one is.
#[test]
fn readiness_finds_no_evidence_in_a_draft_or_a_folder_before_approval() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("own.csv");
    std::fs::write(
        &path,
        "管理策番号,実施状況,証跡\n9.2.2,実施,/ISMS/承認前/規程.docx\n9.2.3,実施,規程_改訂案.docx\n9.2.5,実施,/ISMS/承認済/規程.docx\n",
    )
    .unwrap();
    let out = bin()
        .args(["--lang", "en", "readiness", "--as-of", "2026-12-01"])
        .args(["--format", "csv", "--implemented"])
        .arg(&path)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let text = String::from_utf8_lossy(&out.stdout);
    let row = |id: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{id},")))
            .unwrap_or_default()
            .to_owned()
    };
    assert!(row("9.2.2").ends_with(",no evidence"), "{}", row("9.2.2"));
    assert!(row("9.2.3").ends_with(",no evidence"), "{}", row("9.2.3"));
    assert!(row("9.2.5").contains(",implemented,"), "{}", row("9.2.5"));
    assert!(!row("9.2.5").ends_with(",no evidence"), "{}", row("9.2.5"));
}

/// A workbook: sheet `実施状況` (`登録区分: ISMAP`, `管理策番号 | 実施状況`, 9.2.1 and 9.2.3
/// `○`) and sheet `凡例` of `rows` (cells split at ` | `).
fn with_legend_sheet(dir: &Path, file: &str, rows: &[&str]) -> PathBuf {
    let path = dir.join(file);
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("実施状況").unwrap();
    ws.write_string(0, 0, "登録区分: ISMAP").unwrap();
    ws.write_string(1, 0, "管理策番号").unwrap();
    ws.write_string(1, 1, "実施状況").unwrap();
    for (r, id) in [(2, "9.2.1"), (3, "9.2.3")] {
        ws.write_string(r, 0, id).unwrap();
        ws.write_string(r, 1, "○").unwrap();
    }
    let legend = wb.add_worksheet();
    legend.set_name("凡例").unwrap();
    for (r, line) in rows.iter().enumerate() {
        for (c, cell) in line.split(" | ").enumerate() {
            legend.write_string(r as u32, c as u16, cell).unwrap();
        }
    }
    wb.save(&path).unwrap();
    path
}

/// Review 20 A-7: a legend sheet giving the status mark `○` the meaning `自己評価で実施`
/// (the provider's own assessment, which the status cell rule refuses as `自己評価で実施` and
/// `実施（自己評価）`) was credited: refused as a legend giving the mark another meaning, in two
/// cells or one (`○：自己評価で実施`), and with the other not-final words (`自己申告`).
#[test]
fn a_legend_giving_the_mark_a_self_assessed_meaning_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (i, rows) in [
        &["記号 | 意味", "○ | 自己評価で実施", "－ | 非該当"][..],
        &["記号 | 意味", "○ | 自己評価により実施済み"],
        &["○：自己評価で実施"],
        &["記号 | 意味", "○ | 実施（自己申告）"],
    ]
    .into_iter()
    .enumerate()
    {
        let path = with_legend_sheet(dir.path(), &format!("l{i}.xlsx"), rows);
        let err = refused(&path);
        assert!(err.contains("sheet '凡例'"), "{rows:?}: {err}");
        assert!(
            err.contains("the legend gives '○' the meaning"),
            "{rows:?}: {err}"
        );
    }
    let path = with_legend_sheet(
        dir.path(),
        "ja.xlsx",
        &["記号 | 意味", "○ | 自己評価で実施"],
    );
    let out = report(&path, "ja");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("凡例"), "{err}");
    assert!(!err.contains("the legend gives"), "{err}");
}

/// Guard of A-7: a legend that restates the mark (`○ | 実施`, `○ | 実施済み`, `○ | 実施している`)
/// or explains a mark no cell uses (`△ | 一部実施`) still reads.
#[test]
fn a_legend_restating_the_mark_still_reads() {
    let dir = tempfile::tempdir().unwrap();
    for (i, rows) in [
        &["記号 | 意味", "○ | 実施", "－ | 非該当"][..],
        &["記号 | 意味", "○ | 実施済み", "△ | 一部実施", "× | 未実施"],
        &["○ | 実施している"],
        &["○：実施"],
    ]
    .into_iter()
    .enumerate()
    {
        let path = with_legend_sheet(dir.path(), &format!("g{i}.xlsx"), rows);
        assert_both_covered(&path, &format!("{rows:?}"));
    }
}

/// A CSV under `登録区分: ISMAP`: 9.2.1 stated `status`, 9.2.3 `実施`.
fn with_status(dir: &Path, name: &str, status: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(
        &path,
        format!("登録区分: ISMAP\n管理策番号,実施状況\n9.2.1,{status}\n9.2.3,実施\n"),
    )
    .unwrap();
    path
}

/// fix26-list left: a doubled mark (`○○`, `○ ○`, `✓✓`, `○✓`) read 実施; it is no mark a
/// legend defines (a doubled mark may grade, as `◎` does, which is refused): refused naming
/// why, in English and Japanese. Guard: a mark with its word (`○ 実施`, `○実施`) reads.
#[test]
fn a_doubled_mark_is_refused_and_a_mark_with_its_word_reads() {
    let dir = tempfile::tempdir().unwrap();
    for (i, doubled) in ["○○", "○ ○", "✓✓", "○✓"].into_iter().enumerate() {
        let path = with_status(dir.path(), &format!("d{i}.csv"), doubled);
        let err = refused(&path);
        assert!(err.contains("a mark written twice"), "{doubled}: {err}");
        assert!(err.contains("column '実施状況'"), "{doubled}: {err}");
    }
    let path = with_status(dir.path(), "ja.csv", "○○");
    let out = report(&path, "ja");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("印を重ねた値"), "{err}");
    for (i, read) in ["○ 実施", "○実施", "○"].into_iter().enumerate() {
        let path = with_status(dir.path(), &format!("g{i}.csv"), read);
        assert_both_covered(&path, read);
    }
}

/// A CSV under `登録区分: ISMAP` and the line `legend` (none when empty): 9.2.1 stated `(○)`,
/// 9.2.3 `○`.
fn bracketed_under(dir: &Path, name: &str, legend: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(
        &path,
        format!("登録区分: ISMAP\n{legend}\n管理策番号,実施状況\n9.2.1,(○)\n9.2.3,○\n"),
    )
    .unwrap();
    path
}

/// fix26-list left (over-refusal): a legend that defines the bracketed mark as implemented
/// with nothing beside it (`凡例：○=実施、(○)=実施`, `（○）=実施している`) is the list's own
/// meaning of it: `(○)` reads as implemented. Where the legend gives it the conditional or
/// by-option meaning, or a qualifier (`(○)=オプション`, `(○)=実施（条件付き）`), or there is no
/// legend, it stays refused.
#[test]
fn a_bracketed_mark_reads_only_when_the_lists_legend_defines_it_implemented() {
    let dir = tempfile::tempdir().unwrap();
    for (i, legend) in ["凡例：○=実施、(○)=実施", "凡例：○=実施、（○）=実施している"]
        .into_iter()
        .enumerate()
    {
        let path = bracketed_under(dir.path(), &format!("r{i}.csv"), legend);
        assert_both_covered(&path, legend);
    }
    for (i, legend) in [
        "凡例：○=実施、(○)=オプション",
        "凡例：(○)=実施（条件付き）",
        "凡例：○=実施、(○)=実施、(○)=オプション",
        "",
    ]
    .into_iter()
    .enumerate()
    {
        let path = bracketed_under(dir.path(), &format!("n{i}.csv"), legend);
        let err = refused(&path);
        assert!(err.contains("a mark in brackets"), "{legend}: {err}");
    }
}

/// fix26-list left: a heading right under a pasted list's title (`ISMAPクラウドサービスリスト`
/// / `お客様の責任範囲` / ids) was the first line left once the entry's fields took the title,
/// so the running title, passed over as page furniture: the ids under it were credited.
/// Read by the heading rule as any line above the ids is. Guard: the service's name, the
/// list's description (`基本言明要件のうち…（サンプルSaaS）`) right under the title still read,
/// and a first line of its own (`サンプルSaaS`) too.
#[test]
fn a_heading_right_under_the_pasted_lists_title_is_read_by_the_heading_rule() {
    let dir = tempfile::tempdir().unwrap();
    for (i, heading) in [
        "お客様の責任範囲",
        "2027年4月から実施する統制目標",
        "Customer responsibility",
    ]
    .into_iter()
    .enumerate()
    {
        let path = dir.path().join(format!("h{i}.txt"));
        std::fs::write(
            &path,
            format!("ISMAPクラウドサービスリスト\n{heading}\n9.2.1\n9.2.3\n"),
        )
        .unwrap();
        let err = refused(&path);
        assert!(err.contains("line 2:"), "{heading}: {err}");
        assert!(
            err.contains(&format!("the heading '{heading}' above 9.2.1")),
            "{heading}: {err}"
        );
    }
    for (i, text) in [
        "ISMAPクラウドサービスリスト\nサンプルSaaS\n9.2.1\n9.2.3\n",
        "ISMAPクラウドサービスリスト\n基本言明要件のうち実施している統制目標の管理策（サンプルSaaS）\n9.2.1\n9.2.3\n",
        "サンプルSaaS\n登録区分: ISMAP\n9.2.1\n9.2.3\n",
    ]
    .into_iter()
    .enumerate()
    {
        let path = dir.path().join(format!("g{i}.txt"));
        std::fs::write(&path, text).unwrap();
        assert_both_covered(&path, text);
    }
}

/// A workbook (`登録区分: ISMAP`, `管理策番号 | 実施状況 | HEADER`): 9.2.1 `実施` with `text` in
/// the third column formatted `;;;` (shows nothing), 9.2.3 `実施`.
fn hidden_in(dir: &Path, file: &str, header: &str, text: &str) -> PathBuf {
    let path = dir.join(file);
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("実施状況").unwrap();
    ws.write_string(0, 0, "登録区分: ISMAP").unwrap();
    for (c, h) in ["管理策番号", "実施状況", header].into_iter().enumerate() {
        ws.write_string(1, c as u16, h).unwrap();
    }
    let hidden = rust_xlsxwriter::Format::new().set_num_format(";;;");
    for (r, id) in [(2, "9.2.1"), (3, "9.2.3")] {
        ws.write_string(r, 0, id).unwrap();
        ws.write_string(r, 1, "実施").unwrap();
    }
    ws.write_string_with_format(2, 2, text, &hidden).unwrap();
    wb.save(&path).unwrap();
    path
}

/// Review 20 C-9 (over-refusal): a remark or helper column with a text cell formatted `;;;`
/// refused the whole list. A hidden remark is read as typed: `手順書あり` reads, a hidden `予定`
/// still stands against its row; a hidden status or evidence cell is still refused.
#[test]
fn a_hidden_remark_is_read_as_typed_and_a_hidden_evidence_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (i, header) in ["備考", "作業用メモ"].into_iter().enumerate() {
        let path = hidden_in(dir.path(), &format!("r{i}.xlsx"), header, "手順書あり");
        let (first, second) = statuses(&path);
        assert!(first.starts_with("covered"), "{header}: {first}");
        assert_eq!(second, "covered", "{header}");
    }
    let path = hidden_in(dir.path(), "plan.xlsx", "備考", "2027年度実施予定");
    let out = report(&path, "en");
    if out.status.success() {
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_ne!(by_id(&json["items"], "1")["status"], "covered", "{json}");
    }
    let path = hidden_in(dir.path(), "ev.xlsx", "証跡", "規程A.pdf");
    let err = refused(&path);
    assert!(err.contains("hides it"), "{err}");
}

/// Review 20 C-9 (over-refusal): `tmp` in a script's, a log's or a text file's name or path
/// (`tmp_cleanup_script.sh`, `tmp.log`, `/var/tmp/監視設定.txt`) is operational evidence, not a
/// temporary copy of a document: it reads. A document in a tmp folder or named as a tmp copy
/// (`/ISMS/FY2025/tmp/規程.docx`, `規程_tmp.docx`, `/var/tmp/規程.docx`) or a tmp folder is still
/// refused.
#[test]
fn tmp_marks_a_temporary_document_not_a_script_log_or_text_file() {
    let dir = tempfile::tempdir().unwrap();
    for (i, evidence) in ["tmp_cleanup_script.sh", "tmp.log", "/var/tmp/監視設定.txt"]
        .into_iter()
        .enumerate()
    {
        let path = with_evidence(dir.path(), &format!("g{i}.csv"), evidence);
        assert_both_covered(&path, evidence);
    }
    for (i, evidence) in [
        "/ISMS/FY2025/tmp/規程.docx",
        "規程_tmp.docx",
        "/var/tmp/規程.docx",
        "/ISMS/FY2025/tmp/",
    ]
    .into_iter()
    .enumerate()
    {
        let path = with_evidence(dir.path(), &format!("e{i}.csv"), evidence);
        let err = refused(&path);
        assert!(err.contains("('tmp'"), "{evidence}: {err}");
    }
}

/// Found this session: a note above the table (or on a cover sheet) saying only that the list
/// is the provider's own assessment (`本一覧は自己評価による`, `※自己評価結果`, `内部監査結果に基づく`)
/// was credited, while `実施状況（自己評価）` on the header and a sheet so named were refused:
/// refused as they are. Guard: a sentence about a self-inspection the service does, or a note
/// naming the external audit, still reads.
#[test]
fn a_note_saying_the_list_is_self_assessed_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let with_note = |name: &str, note: &str| {
        let path = dir.path().join(name);
        std::fs::write(
            &path,
            format!("{note}\n登録区分: ISMAP\n管理策番号,実施状況\n9.2.1,実施\n9.2.3,実施\n"),
        )
        .unwrap();
        path
    };
    for (i, note) in [
        "本一覧は自己評価による",
        "※自己評価結果",
        "内部監査結果に基づく",
    ]
    .into_iter()
    .enumerate()
    {
        let err = refused(&with_note(&format!("n{i}.csv"), note));
        assert!(err.contains("marks the list as a draft"), "{note}: {err}");
    }
    for (i, note) in [
        "当社は年1回自己点検を実施しています",
        "本一覧は2025年度の外部監査で確認済み",
    ]
    .into_iter()
    .enumerate()
    {
        assert_both_covered(&with_note(&format!("g{i}.csv"), note), note);
    }
    let path = dir.path().join("list.txt");
    std::fs::write(
        &path,
        "ISMAPクラウドサービスリスト\n※自己評価結果\n9.2.1\n9.2.3\n",
    )
    .unwrap();
    let err = refused(&path);
    assert!(err.contains("自己評価"), "{err}");
}
