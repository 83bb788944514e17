//! Review 9's output findings (`tests/data/fix10-out/`): the report CSV says on every row
//! what its verdict was made on (as-of date, CSP, registration state), `diff --format csv`
//! the as-of date; the gap sheet never cuts a cell at the row-height cap without saying so;
//! the comparison workbook prints its item columns on every page and orders ties
//! naturally; `compare --csp-dir` passes over files that are not CSP lists.
mod common;

use common::{bin, data, on_checks, stdout_of};

fn fixture(name: &str) -> std::path::PathBuf {
    data(&format!("fix10-out/{name}"))
}

/// The records of a CSV the tool wrote (BOM stripped), header first.
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let text = text.trim_start_matches('\u{feff}');
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// The cells of column `header` of every row under the header.
fn column<'a>(records: &'a [Vec<String>], header: &str) -> Vec<&'a str> {
    let i = records[0]
        .iter()
        .position(|h| h == header)
        .unwrap_or_else(|| panic!("no column {header} in {:?}", records[0]));
    records[1..].iter().map(|r| r[i].as_str()).collect()
}

/// B-csv-1: a registration whose validity was never checked (no renewal deadline) is said
/// on every row of the report CSV, beside the as-of date and the CSP, after every other
/// column (one header row, one row per item: filters keep working).
#[test]
fn report_csv_rows_state_as_of_csp_and_registration() {
    let mut c = on_checks("ja", "report", fixture("k.csv"));
    c.arg("--csp")
        .arg(fixture("st.csv"))
        .args(["--format", "csv"]);
    let records = csv_records(&stdout_of(c));
    assert_eq!(records.len(), 7, "{records:?}");
    let n = records[0].len();
    assert_eq!(&records[0][n - 3..], ["基準日", "CSP", "登録の状態"]);
    assert!(column(&records, "基準日")
        .iter()
        .all(|d| *d == "2026-04-01"));
    assert!(
        column(&records, "CSP").iter().all(|c| *c == "st.csv"),
        "{records:?}"
    );
    assert!(
        column(&records, "登録の状態")
            .iter()
            .all(|r| *r == "未確認 (ISMAP, 更新期限が与えられていない)"),
        "{records:?}"
    );
    // a valid registration, in English
    let mut c = on_checks("en", "report", fixture("k.csv"));
    c.arg("--csp")
        .arg(fixture("valid.yaml"))
        .args(["--format", "csv"]);
    let records = csv_records(&stdout_of(c));
    assert!(
        column(&records, "registration")
            .iter()
            .all(|r| *r == "valid (ISMAP, renewal deadline 2027-03-31)"),
        "{records:?}"
    );
    assert!(column(&records, "CSP").iter().all(|c| *c == "Valid SaaS"));
}

/// B-csv-1: without `--as-of` the date is today's, and the CSV and the summary say it was
/// the default.
#[test]
fn the_default_as_of_date_is_said_to_be_today() {
    let mut c = bin();
    c.args(["--lang", "en", "report", "--checks"])
        .arg(fixture("k.csv"))
        .arg("--csp")
        .arg(fixture("valid.yaml"))
        .args(["--format", "csv"]);
    let records = csv_records(&stdout_of(c));
    for d in column(&records, "as of") {
        assert!(
            d.ends_with(" (today)") && d.len() == "2026-04-01 (today)".len(),
            "{d}"
        );
    }
    let mut c = bin();
    c.args(["--lang", "ja", "report", "--checks"])
        .arg(fixture("k.csv"))
        .arg("--csp")
        .arg(fixture("valid.yaml"))
        .args(["--format", "md"]);
    let md = stdout_of(c);
    assert!(md.contains(" (実行日)"), "{md}");
    // given, it is the date alone
    let mut c = on_checks("ja", "report", fixture("k.csv"));
    c.arg("--csp")
        .arg(fixture("valid.yaml"))
        .args(["--format", "md"]);
    let md = stdout_of(c);
    assert!(md.contains("基準日 2026-04-01\n"), "{md}");
}

/// B-csv-1: `diff --format csv` says on each row the date the registrations were judged on.
#[test]
fn diff_csv_rows_state_the_as_of_date() {
    let mut c = bin();
    c.args(["--lang", "en", "diff"])
        .arg(fixture("diff-old.csv"))
        .arg(fixture("diff-new.csv"))
        .args(["--as-of", "2026-04-01", "--format", "csv"]);
    let records = csv_records(&stdout_of(c));
    assert!(records.len() > 1, "{records:?}");
    // then each side's registration on it (review 17 D-9)
    assert_eq!(
        records[0][records[0].len() - 3..],
        ["as of", "old registration", "new registration"]
    );
    assert!(column(&records, "as of").iter().all(|d| *d == "2026-04-01"));
}

/// The gap sheet's cells of the item `id`, by header.
fn gap_row(path: &std::path::Path, id: &str) -> Vec<(String, String)> {
    let (names, ranges) = common::xlsx::sheets(path);
    let gaps = &ranges[names
        .iter()
        .position(|n| n == "ギャップ" || n == "Gaps")
        .unwrap()];
    let row = (1..gaps.height())
        .find(|r| common::xlsx::text(gaps, *r, 0) == id)
        .unwrap_or_else(|| panic!("no row {id}"));
    (0..gaps.width())
        .map(|c| {
            (
                common::xlsx::text(gaps, 0, c),
                common::xlsx::text(gaps, row, c),
            )
        })
        .collect()
}

fn cell<'a>(row: &'a [(String, String)], header: &str) -> &'a str {
    &row.iter()
        .find(|(h, _)| h == header)
        .unwrap_or_else(|| panic!("no column {header}"))
        .1
}

/// The workbook of `k-big.csv` (B-1: clauses 5 to 18) against `st-mixed.csv` in `lang`, in
/// a folder of its own: (folder, workbook, stderr).
fn big_workbook(lang: &str) -> (std::path::PathBuf, std::path::PathBuf, String) {
    let dir = std::env::temp_dir().join(format!("fix10-out-xl-{lang}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("big.xlsx");
    let mut c = on_checks(lang, "report", fixture("k-big.csv"));
    c.arg("--csp")
        .arg(fixture("st-mixed.csv"))
        .arg("-o")
        .arg(&out);
    let run = c.output().unwrap();
    assert!(run.status.success());
    (dir, out, String::from_utf8(run.stderr).unwrap())
}

/// B-xl-1: a clause-level item against a list with many gaps and exclusions: the row
/// cannot be taller than 409 pt, so the 非該当 cell names each reason once with the ids
/// that share it, and the 不足 and controls cells end with how many more there are and
/// where they are; stderr names each shortened cell. Nothing is cut without a word.
#[test]
fn gap_sheet_cells_too_tall_for_a_row_are_shortened_and_said() {
    let (dir, out, stderr) = big_workbook("ja");
    // the counts the CSV gives whole
    let mut c = on_checks("ja", "report", fixture("k-big.csv"));
    c.arg("--csp")
        .arg(fixture("st-mixed.csv"))
        .args(["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout_of(c)).unwrap();
    let item = common::by_id(&json["items"], "B-1");
    let missing = item["missing"].as_array().unwrap().len();
    let excluded = item["not_applicable"].as_array().unwrap();
    assert!(missing > 40 && excluded.len() > 25, "{item}");

    let row = gap_row(&out, "B-1");
    let gaps = cell(&row, "不足(記載なし・未実施・計画中)");
    let (listed, more) = gaps.rsplit_once('\n').unwrap();
    let shown = listed.split("), ").count();
    assert_eq!(
        more,
        format!("…（ほか {} 件: 統制目標シート参照）", missing - shown),
        "{gaps}"
    );
    assert!(stderr.contains(&format!(
        "警告: 確認項目 B-1、列 '不足(記載なし・未実施・計画中)': {missing}件あり、最大の高さ(409ポイント)の行に収まりません: 先頭の{shown}件と残りの件数を書きました"
    )), "{stderr}");
    // the exclusions share one reason: written once, after every id
    let na = cell(&row, "非該当(理由)");
    let reason = excluded[0]["reason"].as_str().unwrap();
    assert_eq!(na.matches(reason).count(), 1, "{na}");
    for x in excluded {
        assert!(na.contains(x["id"].as_str().unwrap()), "{na}");
    }
    assert!(na.ends_with(&format!(" ({reason})")), "{na}");
    let controls = cell(&row, "対応する統制目標・詳細管理策");
    assert!(controls.ends_with("件: 統制目標シート参照）"), "{controls}");
    // a short item keeps its cells as the CSV has them
    let small = gap_row(&out, "B-2");
    assert!(!cell(&small, "不足(記載なし・未実施・計画中)").contains("ほか"));
    std::fs::remove_dir_all(&dir).ok();
}

/// B-xl-1: the same in English, and the row stays within Excel's largest height.
#[test]
fn gap_sheet_shortened_cells_in_english() {
    let (dir, out, stderr) = big_workbook("en");
    assert!(
        stderr.contains(
            "warning: item B-1, column 'missing (not listed / not implemented / planned)': "
        ),
        "{stderr}"
    );
    let row = gap_row(&out, "B-1");
    let gaps = cell(&row, "missing (not listed / not implemented / planned)");
    assert!(gaps.ends_with(" more: see sheet 'Objectives')"), "{gaps}");
    let sheet = common::xlsx::zip_entries(&out)["xl/worksheets/sheet2.xml"].clone();
    for height in sheet.split("ht=\"").skip(1) {
        let h: f64 = height.split('"').next().unwrap().parse().unwrap();
        assert!(h <= 409.0, "{h}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// C-dir-2: a memo and an old check list kept in the `--csp-dir` folder are passed over,
/// each named in a note, and the CSP lists are compared; a file that is a CSP list but
/// cannot be read is still refused, with a note on the folder.
#[test]
fn csp_dir_passes_over_files_that_are_not_csp_lists() {
    let checks = common::example("checks.csv");
    let mut c = on_checks("en", "compare", &checks);
    c.arg("--csp-dir")
        .arg(fixture("cdir"))
        .args(["--format", "json"]);
    let out = c.output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["csps"].as_array().unwrap().len(), 2, "{json}");
    assert!(
        stderr
            .contains("README.txt: skipped: it holds no ISMAP control id, so it is not a CSP list"),
        "{stderr}"
    );
    assert!(stderr.contains(
        "old-checks.csv: skipped: a check list (check items with references, no status column), not a CSP list"
    ), "{stderr}");
    // in Japanese
    let mut c = on_checks("ja", "compare", &checks);
    c.arg("--csp-dir")
        .arg(fixture("cdir"))
        .args(["--format", "md"]);
    let out = c.output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("README.txt: 読み飛ばしました: ISMAPの管理策IDをひとつも含まないため"),
        "{stderr}"
    );

    // a CSP list that cannot be read (a status the tool does not know) is refused
    let dir = std::env::temp_dir().join(format!("fix10-out-cdir-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["cmp-full.yaml", "README.txt"] {
        std::fs::copy(fixture(&format!("cdir/{f}")), dir.join(f)).unwrap();
    }
    std::fs::write(
        dir.join("broken.csv"),
        "管理策番号,実施状況\n9.2.1,実施済み？\n",
    )
    .unwrap();
    let mut c = on_checks("en", "compare", &checks);
    c.arg("--csp-dir").arg(&dir).args(["--format", "md"]);
    let stderr = common::input_error(c);
    assert!(stderr.contains("broken.csv"), "{stderr}");
    assert!(stderr.contains(
        "note: this file is in the --csp-dir folder: if it is not a CSP list, move it out of the folder, or name the CSP lists with --csp instead"
    ), "{stderr}");
    std::fs::remove_file(dir.join("broken.csv")).unwrap();
    // so is a CSP table without a status column, even one the check-list reader would read
    // (references under 管理策, row numbers as ids): it has no check-item titles
    for (k, text) in [
        "管理策番号,管理策名,対応内容\n9.2.1,利用者登録及び登録削除,ID管理システムで実施\n",
        "No,管理策,対応内容\n1,9.2.1,ID管理システムで実施\n2,9.2.2,申請フローで実施\n",
    ]
    .iter()
    .enumerate()
    {
        let table = dir.join(format!("table{k}.csv"));
        std::fs::write(&table, text).unwrap();
        let mut c = on_checks("en", "compare", &checks);
        c.arg("--csp-dir").arg(&dir).args(["--format", "md"]);
        let stderr = common::input_error(c);
        assert!(stderr.contains(&format!("table{k}.csv")), "{stderr}");
        assert!(
            stderr.contains("is neither the ids, their titles nor row numbers"),
            "{stderr}"
        );
        std::fs::remove_file(&table).unwrap();
    }
    // only files that are not CSP lists: refused, naming the folder
    std::fs::remove_file(dir.join("cmp-full.yaml")).unwrap();
    let mut c = on_checks("en", "compare", &checks);
    c.arg("--csp-dir").arg(&dir).args(["--format", "md"]);
    let stderr = common::input_error(c);
    assert!(stderr.contains("the folder holds no CSP list"), "{stderr}");
    // named with --csp, a memo is refused as before
    let mut c = on_checks("en", "compare", &checks);
    c.arg("--csp").arg(fixture("cdir/README.txt"));
    let stderr = common::input_error(c);
    assert!(stderr.contains("found no ISMAP control ids"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

/// C-xl-2: fourteen CSPs that tie (the same list, names numbered `第1号` … `第14号`): ranked
/// with numbers as numbers (`第2号` before `第10号`) in JSON and in the workbook's sheet
/// names, and the matrix, printed across pages, repeats the id and title columns and the
/// header row on every page.
#[test]
fn compare_of_many_csps_prints_item_columns_and_orders_ties_naturally() {
    let dir = std::env::temp_dir().join(format!("fix10-out-many-{}", std::process::id()));
    let csps = dir.join("csps");
    std::fs::create_dir_all(&csps).unwrap();
    let template = std::fs::read_to_string(fixture("many-template.yaml")).unwrap();
    for n in 1..=14 {
        let text = template.replace("第1号", &format!("第{n}号"));
        std::fs::write(csps.join(format!("c{n}.yaml")), text).unwrap();
    }
    let want: Vec<String> = (1..=14)
        .map(|n| format!("サンプルクラウドサービス第{n}号（株式会社サンプル）"))
        .collect();
    let checks = common::example("checks.csv");
    let mut c = on_checks("ja", "compare", &checks);
    c.arg("--csp-dir").arg(&csps).args(["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout_of(c)).unwrap();
    let ranked: Vec<&str> = json["csps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(ranked, want);

    let out = dir.join("many.xlsx");
    let mut c = on_checks("ja", "compare", &checks);
    c.arg("--csp-dir").arg(&csps).arg("-o").arg(&out);
    c.assert().success();
    let (names, _) = common::xlsx::sheets(&out);
    let csp_sheets: Vec<&String> = names.iter().skip(2).collect();
    for (k, (sheet, name)) in csp_sheets.iter().zip(&want).enumerate() {
        assert!(sheet.starts_with(&format!("{} ", k + 1)), "{sheet}");
        let number = name.split('第').nth(1).unwrap().split('号').next().unwrap();
        assert!(
            sheet.contains(&format!("第{number}号")),
            "{sheet} for {name}"
        );
    }
    let workbook = common::xlsx::zip_entries(&out)["xl/workbook.xml"].clone();
    assert!(
        workbook.contains(
            r#"<definedName name="_xlnm.Print_Titles" localSheetId="1">比較表!$A:$B,比較表!$1:$1</definedName>"#
        ),
        "{workbook}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
