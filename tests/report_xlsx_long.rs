//! A gap report too long for fitted rows (over 10,000 items): its gap sheet's rows are
//! written as XML by us, not by rust_xlsxwriter (`report::xlsx::sheet_xml`). Read back cell
//! by cell (calamine) against the CSV report of the same run, every cell in the look a
//! short sheet's has, and the sheet's frame (dimension, filter, validation, panes) reaching
//! the last row.
mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use common::xlsx::{
    assert_rows_once_in_order, attr, cell_looks, cell_ref, cell_styles, column_styles,
    csv_cell_in_xlsx, sheets, tags, text, zip_entries,
};
use common::{data, on_checks};

/// More items than a sheet has its rows fitted for (10,000).
const ITEMS: usize = 10_050;
/// Excel's limit on a cell's text, in UTF-16 units.
const MAX_CELL: usize = 32_767;

/// A check list of [`ITEMS`] items: the all-statuses and Japanese fixtures' rows over and
/// over (new ids), with now and then a title or note that is long and wrapped, has
/// characters XML escapes or Excel's own `_xHHHH_`, several lines, or is too long for a
/// cell.
fn long_check_list(dir: &Path) -> PathBuf {
    let read = |name: &str| -> Vec<csv::StringRecord> {
        csv::Reader::from_path(data(name))
            .unwrap()
            .records()
            .map(Result::unwrap)
            .collect()
    };
    let mut rows = read("checks-all-statuses.csv");
    rows.extend(read("xlsx/checks.csv"));
    let specials = [
        "利用者アクセスの管理とその定期的な見直しを行い、退職者や異動者のアカウントを速やかに無効化すること。".repeat(6),
        "a & b < c > d \"quoted\" 'apos'".to_owned(),
        "literal _x0041_ escape and _x00e9_".to_owned(),
        "two\nlines\nthree".to_owned(),
        "全角（カッコ）、ＡＢＣ１２３ー長音".to_owned(),
        "確".repeat(MAX_CELL + 5),
        "emoji 😀 and\ttab".to_owned(),
    ];
    let path = dir.join("checks.csv");
    let mut w = csv::Writer::from_path(&path).unwrap();
    w.write_record([
        "id",
        "title",
        "controls",
        "assurance",
        "risk",
        "note",
        "owner",
    ])
    .unwrap();
    for i in 0..ITEMS {
        let mut r: Vec<String> = rows[i % rows.len()].iter().map(str::to_owned).collect();
        r[0] = format!("{}-{i:05}", r[0]);
        if i % 97 == 5 {
            r[1] = specials[(i / 97) % specials.len()].clone();
        }
        if i % 89 == 7 {
            r[5] = specials[(i / 89 + 3) % specials.len()].clone();
        }
        w.write_record(&r).unwrap();
    }
    w.flush().unwrap();
    path
}

/// A CSV report's header and rows (its BOM dropped).
fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = r.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

/// The CSV report with decisions (the three choices and one of the reviewer's own words)
/// and comments typed in, as a previous review.
fn previous_review(report: &Path, dir: &Path) -> PathBuf {
    let (header, mut rows) = read_csv(report);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (decision, comment) = (col("追加手続の要否"), col("レビューコメント"));
    for (i, row) in rows.iter_mut().enumerate() {
        row[decision] = match i % 23 {
            0 | 4 => "要",
            1 => "不要",
            2 => "検討中",
            3 => "保留 & <再確認>",
            _ => "",
        }
        .to_owned();
        if i % 13 == 0 {
            row[comment] = format!("コメント & <確認> _x0041_ {i}\n二行目");
        }
    }
    let path = dir.join("previous.csv");
    let mut w = csv::Writer::from_path(&path).unwrap();
    w.write_record(&header).unwrap();
    for row in rows {
        w.write_record(row).unwrap();
    }
    w.flush().unwrap();
    path
}

fn report(checks: &Path, csp: &str, extra: &[&std::ffi::OsStr], out: &Path) {
    let mut c = on_checks("ja", "report", checks);
    c.arg("--csp").arg(data(csp)).args(extra).arg("-o").arg(out);
    if out.extension().is_some_and(|e| e == "csv") {
        c.args(["--format", "csv"]);
    }
    c.assert().success();
}

#[test]
fn long_gap_sheet_cell_by_cell() {
    let dir = tempfile::tempdir().unwrap();
    let checks = long_check_list(dir.path());
    let first = dir.path().join("first.csv");
    report(&checks, "csp-basic.txt", &[], &first);
    let previous = previous_review(&first, dir.path());
    let review = [std::ffi::OsStr::new("--review"), previous.as_os_str()];
    let (xlsx, csv_out) = (dir.path().join("long.xlsx"), dir.path().join("long.csv"));
    report(&checks, "xlsx/csp.txt", &review, &xlsx);
    report(&checks, "xlsx/csp.txt", &review, &csv_out);

    let (names, ranges) = sheets(&xlsx);
    assert_eq!(names[1], "ギャップ");
    let gaps = &ranges[1];
    let (csv_header, csv_rows) = read_csv(&csv_out);
    assert_eq!(csv_rows.len(), ITEMS);
    let width = gaps.width();
    assert_eq!(gaps.height(), ITEMS + 1);
    let header: Vec<String> = (0..width).map(|c| text(gaps, 0, c)).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    // every column the CSV has too holds the same text, cut where a cell must be
    let shared: Vec<(usize, usize)> = (0..width)
        .filter_map(|c| Some((c, csv_header.iter().position(|h| *h == header[c])?)))
        .collect();
    assert_eq!(shared.len(), width - 2, "{header:?} / {csv_header:?}");
    let (status, code, reasons, reason_codes) = (
        col("判定"),
        col("判定コード"),
        col("理由"),
        col("理由コード"),
    );
    let mut codes: HashMap<String, String> = HashMap::new();
    let mut decisions = 0;
    for (r, row) in csv_rows.iter().enumerate() {
        for &(c, k) in &shared {
            assert_eq!(
                text(gaps, r + 1, c),
                csv_cell_in_xlsx(&row[k]),
                "{}",
                cell_ref(r + 1, c)
            );
        }
        // the status code and the reasons in words beside the label and the codes
        let label = text(gaps, r + 1, status);
        let code = codes
            .entry(label.clone())
            .or_insert_with(|| text(gaps, r + 1, code));
        assert_eq!(*code, text(gaps, r + 1, col("判定コード")), "{label}");
        assert_eq!(
            text(gaps, r + 1, reasons).is_empty(),
            text(gaps, r + 1, reason_codes).is_empty()
        );
        decisions += usize::from(!text(gaps, r + 1, col("追加手続の要否")).is_empty());
    }
    // every status, carried-forward decisions, the changes since the review
    assert_eq!(codes.len(), 6, "{codes:?}");
    assert!(decisions > 1_000, "{decisions}");

    // the look of every cell: as a short sheet's (report_xlsx.rs)
    let xml = zip_entries(&xlsx);
    let sheet = &xml["xl/worksheets/sheet2.xml"];
    let looks = cell_looks(&xml["xl/styles.xml"]);
    let styles = cell_styles(sheet);
    let columns = column_styles(sheet);
    let look = |r: usize, c: usize| {
        let style = styles.get(&cell_ref(r, c)).or(columns.get(&c));
        &looks[*style.unwrap_or_else(|| panic!("no style for {}", cell_ref(r, c)))]
    };
    let status_fill = |status: &str| match status {
        "充足" => "FFC6EFCE",
        "一部充足" => "FFFFEB9C",
        "保証水準不足" => "FFFCE4D6",
        "判定不能" => "FFBFBFBF",
        "未充足" => "FFFFC7CE",
        "ISMAP対象外" => "FFD9D2E9",
        "参照未記入" => "FFDAEEF3",
        "本件対象外" => "FFF2F2F2",
        other => panic!("status {other}"),
    };
    let change = col("前回からの変化");
    let reviewer = [col("追加手続の要否"), col("レビューコメント")];
    let row_col = col("行");
    for c in 0..width {
        let l = look(0, c);
        assert!(l.bold && l.boxed && l.wrap && l.top, "{c}: {l:?}");
    }
    let (mut re_review, mut changed) = (0, 0);
    for r in 1..=ITEMS {
        for c in 0..width {
            let (l, at, t) = (look(r, c), cell_ref(r, c), text(gaps, r, c));
            assert!(l.boxed && !l.bold && l.top, "{at}: {l:?}");
            if c == status {
                assert_eq!(l.fill.as_deref(), Some(status_fill(&t)), "{at}");
            } else if c == change {
                let fill = if t.contains("要再レビュー") {
                    re_review += 1;
                    Some("FFFCE4D6")
                } else if ["判定の変化", "理由の変化", "不足等の変化", "確認項目の変化"]
                    .iter()
                    .any(|s| t.starts_with(s))
                {
                    changed += 1;
                    Some("FFFFEB9C")
                } else {
                    None
                };
                assert_eq!(l.fill.as_deref(), fill, "{at} {t}");
                assert!(l.wrap, "{at}");
            } else if c == row_col {
                assert!(l.fill.is_none() && !l.wrap, "{at}: {l:?}");
            } else if reviewer.contains(&c) {
                assert_eq!(l.fill.as_deref(), Some("FFDDEBF7"), "{at}");
                assert!(l.wrap, "{at}");
            } else {
                assert!(l.fill.is_none() && l.wrap, "{at}: {l:?}");
            }
        }
    }
    assert!(re_review > 100 && changed > 100, "{re_review} {changed}");

    // the frame reaches the last row; the input row is a number; no probe left behind
    let last = cell_ref(ITEMS, width - 1);
    assert_eq!(
        attr(tags(sheet, "dimension")[0], "ref"),
        Some(&*format!("A1:{last}"))
    );
    assert_eq!(
        attr(tags(sheet, "autoFilter")[0], "ref"),
        Some(&*format!("A1:{last}"))
    );
    let decision_ref = cell_ref(ITEMS, reviewer[0]);
    let validation = tags(sheet, "dataValidation")[0];
    assert!(
        attr(validation, "sqref").is_some_and(|s| s.ends_with(&format!(":{decision_ref}"))),
        "{validation}"
    );
    assert!(tags(sheet, "pane")[0].contains("ySplit=\"1\""));
    assert!(gaps
        .get((1, row_col))
        .is_some_and(|d| matches!(d, calamine::Data::Float(_))));
    let rows = tags(sheet, "row");
    assert_eq!(rows.len(), ITEMS + 1);
    assert_eq!(attr(rows[1], "r"), Some("2"));
    assert_rows_once_in_order(&xlsx);
    // what escaping must keep: read back as written
    assert!(
        sheet.contains("_x005F_x0041_"),
        "a literal _x0041_ stays literal"
    );
    let special =
        (1..=ITEMS).any(|r| text(gaps, r, col("確認項目")) == "a & b < c > d \"quoted\" 'apos'");
    assert!(special);

    // the same report, the same bytes
    let again = dir.path().join("again.xlsx");
    report(&checks, "xlsx/csp.txt", &review, &again);
    assert!(std::fs::read(&xlsx).unwrap() == std::fs::read(&again).unwrap());
}
