//! A comparison matrix too big for a sheet held in memory (here: over 10,000 items; on the
//! bench, 1,000 items × 1,000 CSPs): its rows are written as XML by us, not by
//! rust_xlsxwriter (`report::xlsx::sheet_xml`), as the long gap sheets' are. Read back cell
//! by cell (calamine) against the CSV comparison of the same run, every cell in the look
//! a small matrix's has, and the sheet's frame (dimension, filter, panes) reaching the last
//! row; the per-CSP gap sheets written after it in the same save.
mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use common::xlsx::{
    assert_rows_once_in_order, attr, cell_looks, cell_ref, cell_styles, csv_cell_in_xlsx, sheets,
    tags, text, zip_entries, CellLook,
};
use common::{data, on_checks};

/// More items than a sheet has its rows fitted for (10,000).
const ITEMS: usize = 10_020;
/// Excel's limit on a cell's text, in UTF-16 units.
const MAX_CELL: usize = 32_767;
/// The fixture CSPs that give every status on `checks-all-statuses.csv`.
const CSPS: [&str; 3] = [
    "compare/gamma.txt",
    "compare/beta.yaml",
    "compare/alpha.yaml",
];

/// `checks-all-statuses.csv`'s rows over and over (new ids), now and then with a title
/// that has characters XML escapes or Excel's own `_xHHHH_`, several lines, or is too
/// long for a cell.
fn big_check_list(dir: &Path) -> PathBuf {
    let mut r = csv::Reader::from_path(data("checks-all-statuses.csv")).unwrap();
    let header = r.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let specials = [
        "a & b < c > d \"quoted\" 'apos'".to_owned(),
        "literal _x0041_ escape".to_owned(),
        "two\nlines".to_owned(),
        " leading space, 全角（カッコ）".to_owned(),
        "確".repeat(MAX_CELL + 5),
    ];
    let path = dir.join("checks.csv");
    let mut w = csv::Writer::from_path(&path).unwrap();
    w.write_record(&header).unwrap();
    for i in 0..ITEMS {
        let mut row: Vec<String> = rows[i % rows.len()].iter().map(str::to_owned).collect();
        row[0] = format!("{}-{i:05}", row[0]);
        if i % 101 == 3 {
            row[1] = specials[(i / 101) % specials.len()].clone();
        }
        w.write_record(&row).unwrap();
    }
    w.flush().unwrap();
    path
}

fn compare(checks: &Path, out: &Path) -> String {
    let mut c = on_checks("ja", "compare", checks);
    for f in CSPS {
        c.arg("--csp").arg(data(f));
    }
    c.arg("-o").arg(out);
    if out.extension().is_some_and(|e| e == "csv") {
        c.args(["--format", "csv"]);
    }
    let output = c.output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{stderr}");
    stderr
}

/// The look of every cell of the matrix (sheet 2), by its reference.
fn matrix_looks(xlsx: &Path) -> (HashMap<String, usize>, Vec<CellLook>, String) {
    let xml = zip_entries(xlsx);
    let sheet = xml["xl/worksheets/sheet2.xml"].clone();
    (
        cell_styles(&sheet),
        cell_looks(&xml["xl/styles.xml"]),
        sheet,
    )
}

#[test]
fn big_matrix_cell_by_cell() {
    let dir = tempfile::tempdir().unwrap();
    let checks = big_check_list(dir.path());
    let (xlsx, csv_out) = (dir.path().join("big.xlsx"), dir.path().join("big.csv"));
    let stderr = compare(&checks, &xlsx);
    compare(&checks, &csv_out);

    let (names, ranges) = sheets(&xlsx);
    assert_eq!(names.len(), 2 + CSPS.len(), "{names:?}");
    assert_eq!(names[1], "比較表");
    let matrix = &ranges[1];
    let width = 2 + CSPS.len();
    assert_eq!(matrix.width(), width);
    assert_eq!(matrix.height(), ITEMS + 1);

    // the CSV: the header, the tier row, maybe warnings and the notes' legend, the items
    let text_csv = std::fs::read_to_string(&csv_out).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text_csv.trim_start_matches('\u{feff}').as_bytes());
    let csv_header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    let csv_rows: Vec<Vec<String>> = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(csv_rows[0][0], "区分");
    let items = &csv_rows[csv_rows.len() - ITEMS..];

    // the header: each CSP's name and its tier
    for c in 0..width {
        let want = match c {
            0 | 1 => csv_header[c].clone(),
            _ => format!("{}\n({})", csv_header[c], csv_rows[0][c]),
        };
        assert_eq!(text(matrix, 0, c), want, "{}", cell_ref(0, c));
    }
    // every cell holds the CSV's text, cut where a cell must be
    for (r, row) in items.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            assert_eq!(
                text(matrix, r + 1, c),
                csv_cell_in_xlsx(cell),
                "{}",
                cell_ref(r + 1, c)
            );
        }
    }
    // the cut title is said on stderr
    assert!(
        stderr.contains("32772") && stderr.contains("xlsx"),
        "the cut is said: {stderr}"
    );

    // every cell in the look a small matrix's cell of its kind has
    let small = dir.path().join("small.xlsx");
    compare(&data("checks-all-statuses.csv"), &small);
    let (small_styles, small_looks, _) = matrix_looks(&small);
    let (_, small_ranges) = sheets(&small);
    let mut look_of: HashMap<String, CellLook> = HashMap::new();
    for r in 1..small_ranges[1].height() {
        for c in 0..width {
            let kind = match c {
                0 | 1 => "text".to_owned(),
                // the status, without the mark nor what the list states (（記載なし）)
                _ => text(&small_ranges[1], r, c)
                    .trim_end_matches(" ※")
                    .split('（')
                    .next()
                    .unwrap_or_default()
                    .to_owned(),
            };
            let look = small_looks[small_styles[&cell_ref(r, c)]].clone();
            assert_eq!(*look_of.entry(kind).or_insert(look.clone()), look);
        }
    }
    assert_eq!(look_of.len(), 7, "text and every status: {look_of:?}");
    let (styles, looks, sheet) = matrix_looks(&xlsx);
    for c in 0..width {
        let l = &looks[styles[&cell_ref(0, c)]];
        assert!(l.bold && l.boxed && l.wrap, "header {c}: {l:?}");
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for r in 1..=ITEMS {
        for c in 0..width {
            let kind = match c {
                0 | 1 => "text".to_owned(),
                _ => text(matrix, r, c)
                    .trim_end_matches(" ※")
                    .split('（')
                    .next()
                    .unwrap_or_default()
                    .to_owned(),
            };
            let at = cell_ref(r, c);
            let look = &looks[*styles.get(&at).unwrap_or_else(|| panic!("no style: {at}"))];
            assert_eq!(Some(look), look_of.get(&kind), "{at} {kind}");
            *seen.entry(kind).or_default() += 1;
        }
    }
    assert_eq!(seen.len(), 7, "text and every status: {seen:?}");

    // the frame reaches the last row; no probe left behind
    let last = cell_ref(ITEMS, width - 1);
    assert_eq!(
        attr(tags(&sheet, "dimension")[0], "ref"),
        Some(&*format!("A1:{last}"))
    );
    assert_eq!(
        attr(tags(&sheet, "autoFilter")[0], "ref"),
        Some(&*format!("A1:{last}"))
    );
    assert!(
        sheet.contains(r#"<pane xSplit="2" ySplit="1" topLeftCell="C2""#),
        "frozen id, title and header"
    );
    let rows = tags(&sheet, "row");
    assert_eq!(rows.len(), ITEMS + 1);
    assert_eq!(attr(rows[1], "r"), Some("2"));
    assert_rows_once_in_order(&xlsx);
    assert!(
        sheet.contains("_x005F_x0041_"),
        "a literal _x0041_ stays literal"
    );

    // the per-CSP gap sheets, written after the matrix in the same save: each CSP's
    // statuses as the matrix gives them (the gap sheet's rows in its own order)
    let matrix_row: HashMap<String, usize> = (1..=ITEMS).map(|r| (text(matrix, r, 0), r)).collect();
    assert_eq!(matrix_row.len(), ITEMS);
    for (k, gaps) in ranges[2..].iter().enumerate() {
        assert_eq!(gaps.height(), ITEMS + 1, "{}", names[k + 2]);
        let header: Vec<String> = (0..gaps.width()).map(|c| text(gaps, 0, c)).collect();
        let status = header.iter().position(|h| h == "判定").unwrap();
        for r in 1..=ITEMS {
            let at = matrix_row[&text(gaps, r, 0)];
            let want = text(matrix, at, 2 + k);
            // what the list states, or the registration, is the matrix's alone; the mark of
            // covered with notes both show
            let want = want.split('（').next().unwrap_or_default();
            assert_eq!(text(gaps, r, status), want, "{r}");
        }
    }

    // the same comparison, the same bytes
    let again = dir.path().join("again.xlsx");
    compare(&checks, &again);
    assert!(std::fs::read(&xlsx).unwrap() == std::fs::read(&again).unwrap());
}
