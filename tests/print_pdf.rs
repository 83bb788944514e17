//! The workbooks printed for real: LibreOffice (headless) converts each to PDF, and
//! `pdftotext` reads the pages back. The gap sheet of the 18 example items prints on at
//! most 2 landscape pages; every table sheet has its header row on every page; every
//! summary prints on one page with its chart; every page has the footer with the sheet's
//! name and "page / pages". Skipped, with the reason printed, where LibreOffice or
//! poppler-utils is not installed (CI installs both: `.ci/run`).
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{bin, example};

/// Whether `program --version` runs: the tool is installed.
fn installed(program: &str) -> bool {
    Command::new(program)
        .arg("-v")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// `None` when the tools are there; else why the test is skipped.
fn missing_tools() -> Option<String> {
    let missing: Vec<&str> = [
        ("soffice", "libreoffice-calc-nogui"),
        ("pdftotext", "poppler-utils"),
    ]
    .iter()
    .filter(|(p, _)| !installed(p))
    .map(|(_, package)| *package)
    .collect();
    (!missing.is_empty()).then(|| {
        format!(
            "skipped: the print test needs LibreOffice and pdftotext; not installed here: {} (apt-get install {})",
            missing.join(", "),
            missing.join(" ")
        )
    })
}

/// Converts the workbook to PDF beside it with a LibreOffice profile of its own (so tests
/// can run side by side), within two minutes.
fn to_pdf(xlsx: &Path) -> PathBuf {
    let dir = xlsx.parent().unwrap();
    let profile = dir.join("lo-profile");
    let mut child = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir)
        .arg(xlsx)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "soffice failed on {}", xlsx.display());
            break;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("soffice took over two minutes on {}", xlsx.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let pdf = xlsx.with_extension("pdf");
    assert!(pdf.exists(), "no PDF for {}", xlsx.display());
    pdf
}

/// A printed page: the sheet its footer names, and its text.
struct Page {
    sheet: String,
    text: String,
}

/// The pages of a PDF, each with the sheet named in the centre of its footer.
fn pages(pdf: &Path) -> Vec<Page> {
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    let total = pages.len();
    pages
        .iter()
        .enumerate()
        .map(|(i, page)| {
            let footer = page
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("");
            // left: the workbook; centre: the sheet; right: page / pages
            let parts: Vec<&str> = footer
                .split("  ")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            assert!(
                parts.len() >= 3,
                "page {}: no footer of three parts: {footer:?}",
                i + 1
            );
            assert_eq!(
                parts[parts.len() - 1].replace(' ', ""),
                format!("{}/{total}", i + 1),
                "page number in the footer"
            );
            Page {
                sheet: parts[parts.len() - 2].to_owned(),
                text: (*page).to_owned(),
            }
        })
        .collect()
}

/// The pages of `sheet`, in order.
fn of<'a>(pages: &'a [Page], sheet: &str) -> Vec<&'a Page> {
    pages.iter().filter(|p| p.sheet == sheet).collect()
}

/// Writes a workbook with `args` (then `-o NAME`) into `dir` and prints it.
fn printed(dir: &Path, name: &str, args: &[&str]) -> Vec<Page> {
    let xlsx = dir.join(name);
    let out = bin().args(args).arg("-o").arg(&xlsx).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    pages(&to_pdf(&xlsx))
}

fn example_arg(name: &str) -> String {
    example(name).display().to_string()
}

/// Every page of `sheet` shows each of `header` (words of its header row).
fn header_on_every_page(pages: &[&Page], sheet: &str, header: &[&str]) {
    assert!(!pages.is_empty(), "{sheet} printed no page");
    for (i, page) in pages.iter().enumerate() {
        for h in header {
            assert!(
                page.text.contains(h),
                "{sheet} page {}: header '{h}' missing:\n{}",
                i + 1,
                page.text
            );
        }
    }
}

#[test]
fn the_gap_workbook_prints_as_a_deliverable() {
    if let Some(why) = missing_tools() {
        eprintln!("{why}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let checks = example_arg("checks.csv");
    let csp = example_arg("csp-list.txt");
    for (lang, summary, gaps, objectives, header, chart) in [
        (
            "ja",
            "概要",
            "ギャップ",
            "統制目標",
            [
                "項番",
                "確認項目",
                "リスク",
                "判定",
                "追加手続",
                "レビューコメント",
            ],
            "判定別の件数",
        ),
        (
            "en",
            "Summary",
            "Gaps",
            "Objectives",
            [
                "id",
                "title",
                "risk",
                "status",
                "additional procedures",
                "Reviewer",
            ],
            "Check items per status",
        ),
    ] {
        let pages = printed(
            dir.path(),
            &format!("gap-{lang}.xlsx"),
            &[
                "--lang",
                lang,
                "report",
                "--as-of",
                "2026-04-01",
                "--checks",
                &checks,
                "--csp",
                &csp,
            ],
        );
        // the summary on one page, its chart on it
        let first = of(&pages, summary);
        assert_eq!(first.len(), 1, "{lang}: the summary on one page");
        assert!(
            first[0].text.contains(chart),
            "{lang}: the chart is printed"
        );
        // the 18 items on at most two pages, the header on each, every item printed
        let gap_pages = of(&pages, gaps);
        assert!(
            (1..=2).contains(&gap_pages.len()),
            "{lang}: the gap sheet printed on {} pages",
            gap_pages.len()
        );
        header_on_every_page(&gap_pages, gaps, &header);
        let all: String = gap_pages.iter().map(|p| p.text.as_str()).collect();
        for n in 1..=18 {
            let id = format!("C-{n:02}");
            assert!(all.contains(&id), "{lang}: {id} printed");
        }
        // the details right of the printed area stay on screen
        assert!(!all.contains(if lang == "ja" {
            "判定コード"
        } else {
            "status code"
        }));
        let objective_pages = of(&pages, objectives);
        header_on_every_page(&objective_pages, objectives, &header_words(lang));
        assert_eq!(
            pages.len(),
            1 + gap_pages.len() + objective_pages.len(),
            "{lang}: every page is one of the three sheets"
        );
    }
}

/// Words of the objectives sheet's header.
fn header_words(lang: &str) -> [&'static str; 3] {
    match lang {
        "ja" => ["番号", "名称", "CSPの記載"],
        _ => ["id", "title", "state"],
    }
}

#[test]
fn the_readiness_and_compare_workbooks_print_too() {
    if let Some(why) = missing_tools() {
        eprintln!("{why}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let profile = example_arg("csp-profile.yaml");
    let pages = printed(
        dir.path(),
        "readiness.xlsx",
        &["--lang", "ja", "readiness", "--implemented", &profile],
    );
    let summary = of(&pages, "概要");
    assert_eq!(summary.len(), 1, "the readiness summary on one page");
    assert!(summary[0].text.contains("区分別の必須項目の状況"));
    header_on_every_page(
        &of(&pages, "適用宣言書"),
        "適用宣言書",
        &["管理策番号", "実施状況", "証跡", "担当"],
    );
    header_on_every_page(
        &of(&pages, "指摘事項"),
        "指摘事項",
        &["管理策番号", "実施状況", "指摘"],
    );

    let checks = example_arg("checks.csv");
    let list = example_arg("csp-list.txt");
    let pages = printed(
        dir.path(),
        "compare.xlsx",
        &[
            "--lang",
            "en",
            "compare",
            "--as-of",
            "2026-04-01",
            "--checks",
            &checks,
            "--csp",
            &profile,
            "--csp",
            &list,
        ],
    );
    let summary = of(&pages, "Summary");
    assert_eq!(summary.len(), 1, "the comparison summary on one page");
    assert!(summary[0].text.contains("Check items per CSP and status"));
    header_on_every_page(&of(&pages, "Matrix"), "Matrix", &["id", "title"]);
    let per_csp: Vec<&Page> = pages
        .iter()
        .filter(|p| p.sheet.starts_with("1 ") || p.sheet.starts_with("2 "))
        .collect();
    assert!(per_csp.len() >= 2, "a gap sheet per CSP");
    header_on_every_page(
        &per_csp,
        "per-CSP gap sheets",
        &["id", "status", "Reviewer"],
    );
}

/// The check list `suggest` writes back prints like the other workbooks: landscape pages
/// of the list, its header row (with the candidate columns) on every page, every item.
#[test]
fn the_suggest_workbook_prints_too() {
    if let Some(why) = missing_tools() {
        eprintln!("{why}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let list = common::data("suggest/eval.csv");
    let list = list.display().to_string();
    let pages = printed(
        dir.path(),
        "suggested.xlsx",
        &["--lang", "ja", "suggest", "--checks", &list],
    );
    let sheet = of(&pages, "確認項目");
    assert!(sheet.len() >= 2, "145 items on several pages");
    header_on_every_page(&sheet, "確認項目", &["確認項目", "管理策", "候補 (ISMAP)"]);
    let text: String = sheet.iter().map(|p| p.text.as_str()).collect();
    for id in ["J001", "J113", "E001", "E032"] {
        assert!(text.contains(id), "{id} printed");
    }
}

/// fix11-out 3: a comparison of more CSPs than one page holds (20): its summary prints
/// the chart alone on the first page, then the facts and the per-CSP table, whose header
/// row repeats on every page the table continues on; every CSP's row printed once.
#[test]
fn a_compare_summary_of_many_csps_prints_chart_then_table() {
    if let Some(why) = missing_tools() {
        eprintln!("{why}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let csps = dir.path().join("csps");
    std::fs::create_dir(&csps).unwrap();
    let template = std::fs::read_to_string(common::data("fix10-out/many-template.yaml")).unwrap();
    for n in 1..=40 {
        let text = template.replace("第1号", &format!("第{n}号"));
        std::fs::write(csps.join(format!("c{n}.yaml")), text).unwrap();
    }
    let checks = example_arg("checks.csv");
    let pages = printed(
        dir.path(),
        "many.xlsx",
        &[
            "--lang",
            "ja",
            "compare",
            "--as-of",
            "2026-04-01",
            "--checks",
            &checks,
            "--csp-dir",
            &csps.display().to_string(),
        ],
    );
    let summary = of(&pages, "概要");
    assert!(summary.len() >= 3, "chart, then the table over pages");
    // the first page: the chart, no table
    assert!(!summary[0].text.contains("充足率"), "{}", summary[0].text);
    assert!(
        !summary[0].text.contains("確認項目  "),
        "{}",
        summary[0].text
    );
    // then the facts, and the table with its header on each page
    assert!(summary[1].text.contains("基準日"), "{}", summary[1].text);
    header_on_every_page(&summary[1..], "概要", &["順位", "CSP", "充足率", "区分"]);
    for n in 1..=40 {
        let name = format!("サンプルクラウドサービス第{n}号");
        let on = summary[1..]
            .iter()
            .filter(|p| p.text.contains(&format!("{name}（")) || p.text.contains(&name))
            .count();
        assert!(on >= 1, "{name} not printed");
    }
}
