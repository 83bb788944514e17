//! In-process benchmarks of the report pipeline (issue 7; see BENCHMARKS.md):
//! catalog load, reference resolution, check-list loading (CSV and xlsx), analysis and
//! rendering (csv, json, xlsx into a `Vec<u8>`), on data made by `examples/gen_data.rs`
//! (same seed as `benches/run.sh`) in a temporary folder.
//!
//! ```sh
//! CARGO_TARGET_DIR=… cargo bench --bench gap              # everything, a few minutes
//! cargo bench --bench gap -- 'n=300/'                     # one size
//! cargo bench --bench gap -- split                        # the N=100,000 load/analyse/render split
//! cargo bench --bench gap -- xlsx_floor                   # N=100,000 → xlsx against rust_xlsxwriter alone
//! ```
//!
//! Sample sizes are small on purpose: the numbers are for finding where time goes, the
//! targets are judged on whole processes by `benches/run.sh`.
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{
    criterion_group, criterion_main, BatchSize, BenchmarkGroup, Criterion, SamplingMode, Throughput,
};

use ismap_gap::analysis::{self, GapReport};
use ismap_gap::catalog::Catalog;
use ismap_gap::date::Date;
use ismap_gap::input::{self, Encoding};
use ismap_gap::lang::Lang;
use ismap_gap::model::{Attestation, CheckList};
use ismap_gap::report::{self, Format, TextStyle};

/// The binary's allocator (`src/main.rs`), so the stages cost here what they cost there.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[allow(dead_code)]
#[path = "../examples/gen_data.rs"]
mod gen_data;

/// The seed `benches/run.sh` uses, so both look at the same rows.
const SEED: u64 = 7;

const STYLE: TextStyle = TextStyle {
    color: false,
    width: 160,
    csv_encoding: Encoding::Utf8,
    pretty_json: false,
};

struct Data {
    checks_csv: PathBuf,
    checks_xlsx: PathBuf,
    csp: PathBuf,
}

/// Writes N check items (csv, and xlsx when asked) and one pasted-text CSP list.
fn make_data(dir: &Path, items: usize, xlsx: bool) -> Data {
    let catalog = Catalog::embedded().expect("embedded catalog");
    let pools = gen_data::Pools::from_catalog(&catalog).expect("catalog pools");
    let rows = gen_data::check_rows(&pools, items, SEED);
    let checks_csv = dir.join(format!("checks-{items}.csv"));
    gen_data::write_checks_csv(&checks_csv, &rows).expect("write csv");
    let checks_xlsx = dir.join(format!("checks-{items}.xlsx"));
    if xlsx {
        gen_data::write_checks_xlsx(&checks_xlsx, &rows).expect("write xlsx");
    }
    let csps = gen_data::write_csps(dir, &pools, 1, SEED).expect("write csp");
    Data {
        checks_csv,
        checks_xlsx,
        csp: csps.join("csp-0001.txt"),
    }
}

fn as_of() -> Date {
    Date::parse("2026-04-01").expect("date")
}

fn load_checks(path: &Path) -> CheckList {
    input::checks::load(path, None, None).expect("check list loads")
}

fn load_csp(catalog: &Catalog, path: &Path) -> Attestation {
    input::csp::load(path, &input::csp::CspOptions::default(), catalog).expect("CSP list loads")
}

fn analyse(catalog: &Catalog, checks: CheckList, att: &Attestation) -> GapReport {
    analysis::analyse(catalog, checks, att, as_of(), Lang::Ja)
}

/// Times `analyse`; the check list it consumes is cloned outside the timing.
fn bench_analyse(
    g: &mut BenchmarkGroup<'_, WallTime>,
    catalog: &Catalog,
    checks: &CheckList,
    att: &Attestation,
) {
    g.bench_function("analyse", |b| {
        b.iter_batched(
            || checks.clone(),
            |checks| analyse(catalog, checks, att),
            BatchSize::LargeInput,
        )
    });
}

fn render(report: &GapReport, format: Format) -> Vec<u8> {
    let mut out = Vec::with_capacity(1 << 20);
    report::render_gap(report, format, STYLE, &mut out).expect("renders");
    out
}

fn quick(group: &mut BenchmarkGroup<'_, WallTime>) {
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sampling_mode(SamplingMode::Flat);
}

fn catalog(c: &mut Criterion) {
    let mut g = c.benchmark_group("catalog");
    quick(&mut g);
    g.bench_function("embedded", |b| {
        b.iter(|| Catalog::embedded().expect("embedded catalog"))
    });
    g.finish();
}

/// Each stage at N = 300 and 10,000.
fn stages(c: &mut Criterion) {
    let catalog = Catalog::embedded().expect("embedded catalog");
    for n in [300usize, 10_000] {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = make_data(dir.path(), n, true);
        let checks = load_checks(&data.checks_csv);
        let att = load_csp(&catalog, &data.csp);
        let report = analyse(&catalog, checks.clone(), &att);
        let refs: Vec<&str> = checks
            .items
            .iter()
            .flat_map(|i| i.refs.iter().map(String::as_str))
            .collect();

        let mut g = c.benchmark_group(format!("n={n}"));
        quick(&mut g);
        g.throughput(Throughput::Elements(refs.len() as u64));
        g.bench_function("resolve", |b| {
            b.iter(|| {
                for r in &refs {
                    black_box(catalog.resolve(black_box(r)));
                }
            })
        });
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function("load_checks_csv", |b| {
            b.iter(|| load_checks(&data.checks_csv))
        });
        g.bench_function("load_checks_xlsx", |b| {
            b.iter(|| load_checks(&data.checks_xlsx))
        });
        g.bench_function("load_csp_txt", |b| b.iter(|| load_csp(&catalog, &data.csp)));
        bench_analyse(&mut g, &catalog, &checks, &att);
        for (name, format) in [
            ("render_csv", Format::Csv),
            ("render_json", Format::Json),
            ("render_xlsx", Format::Xlsx),
        ] {
            g.bench_function(name, |b| b.iter(|| render(&report, format)));
        }
        g.finish();
    }
}

/// N = 100,000: the report's stages against reading and parsing the input alone
/// (the "analysis is not the bottleneck" target; BENCHMARKS.md reports the ratio).
fn split(c: &mut Criterion) {
    let catalog = Catalog::embedded().expect("embedded catalog");
    let n = 100_000usize;
    let dir = tempfile::tempdir().expect("temp dir");
    let data = make_data(dir.path(), n, false);
    let checks = load_checks(&data.checks_csv);
    let att = load_csp(&catalog, &data.csp);
    let report = analyse(&catalog, checks.clone(), &att);

    let mut g = c.benchmark_group(format!("split n={n}"));
    quick(&mut g);
    g.measurement_time(Duration::from_secs(5));
    g.throughput(Throughput::Elements(n as u64));
    // the items are not freed in the timing: a report moves them into its results
    g.bench_function("parse (load checks csv + csp)", |b| {
        b.iter_with_large_drop(|| (load_checks(&data.checks_csv), load_csp(&catalog, &data.csp)))
    });
    bench_analyse(&mut g, &catalog, &checks, &att);
    g.bench_function("render_csv", |b| b.iter(|| render(&report, Format::Csv)));
    // render_xlsx is left to benches/run.sh (whole process): ~7 s an iteration here
    g.finish();
}

/// N = 100,000 → xlsx: our whole workbook against rust_xlsxwriter alone writing the same
/// item-sheet cells, computed beforehand, with the calls `report::xlsx::write_gaps` makes
/// (the look set once per column; per row the text unformatted, the status and the row
/// number with their own format) and the same deflate level. What is left when everything
/// of ours costs nothing: the floor under the xlsx case.
fn xlsx_floor(c: &mut Criterion) {
    use report::gap::{item_cells, ROW_COLUMN, STATUS_COLUMN};
    use report::CellStrings;
    use rust_xlsxwriter::{Format as XlsxFormat, FormatAlign, FormatBorder, Workbook};

    let catalog = Catalog::embedded().expect("embedded catalog");
    let n = 100_000usize;
    let dir = tempfile::tempdir().expect("temp dir");
    let data = make_data(dir.path(), n, false);
    let report = analyse(
        &catalog,
        load_checks(&data.checks_csv),
        &load_csp(&catalog, &data.csp),
    );
    let rows: Vec<(Vec<String>, f64)> = report
        .items
        .iter()
        .map(|item| {
            let mut cells = CellStrings::default();
            item_cells(
                item,
                &report.items.details(item),
                None,
                report.lang,
                &mut cells,
            );
            (cells.as_slice().to_vec(), item.row as f64)
        })
        .collect();
    let cell = XlsxFormat::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let status = cell.clone().set_background_color(0xFFC7CE);
    let reviewer = cell.clone().set_background_color(0xFFF2CC);
    let library_alone = || -> Vec<u8> {
        let mut workbook = Workbook::new();
        workbook.set_zip_compression_level(1);
        let sheet = workbook
            .add_worksheet_with_constant_memory()
            .expect("sheet");
        let last = ROW_COLUMN as u16;
        sheet
            .set_column_range_format(0, last, &cell)
            .expect("format");
        sheet
            .set_column_range_format(last + 1, last + 2, &reviewer)
            .expect("reviewer");
        for (r, (cells, row)) in (1u32..).zip(&rows) {
            for (c, text) in (0u16..).zip(cells) {
                if usize::from(c) != ROW_COLUMN && usize::from(c) != STATUS_COLUMN {
                    sheet.write_string(r, c, text).expect("cell");
                }
            }
            let text = &cells[STATUS_COLUMN];
            sheet
                .write_string_with_format(r, STATUS_COLUMN as u16, text, &status)
                .expect("status");
            sheet
                .write_number_with_format(r, last, *row, &cell)
                .expect("row");
        }
        workbook.save_to_buffer().expect("saves")
    };

    let mut g = c.benchmark_group(format!("xlsx_floor n={n}"));
    quick(&mut g);
    g.measurement_time(Duration::from_secs(20));
    g.bench_function("render_xlsx", |b| b.iter(|| render(&report, Format::Xlsx)));
    g.bench_function("rust_xlsxwriter alone", |b| b.iter(library_alone));
    g.finish();
}

/// Issue 19: `suggest` against `report` on the same N = 10,000 check list, side by side,
/// each whole in process: load the list, suggest (catalog and lexicon included) or analyse
/// (with the CSP list), render JSON and CSV into memory. `cargo bench --bench gap -- suggest_vs_report`.
fn suggest_vs_report(c: &mut Criterion) {
    use ismap_gap::analysis::suggest;
    use ismap_gap::catalog::lexicon::Lexicon;
    let dir = tempfile::tempdir().expect("temp dir");
    let data = make_data(dir.path(), 10_000, false);
    let mut g = c.benchmark_group("suggest_vs_report/n=10000");
    quick(&mut g);
    for format in [Format::Json, Format::Csv] {
        g.bench_function(format!("report/{}", format.name()), |b| {
            b.iter(|| {
                let catalog = Catalog::embedded().expect("embedded catalog");
                let checks = load_checks(&data.checks_csv);
                let att = load_csp(&catalog, &data.csp);
                let report = analyse(&catalog, checks, &att);
                black_box(render(&report, format))
            })
        });
        g.bench_function(format!("suggest/{}", format.name()), |b| {
            b.iter(|| {
                let catalog = Catalog::embedded().expect("embedded catalog");
                let lexicon = Lexicon::embedded().expect("lexicon");
                // as `suggest` reads it: the references left in their cells when the list
                // is written back
                let refs = match format {
                    Format::Csv | Format::Xlsx => input::checks::ItemRefs::LeftInCell,
                    _ => input::checks::ItemRefs::Split,
                };
                let input::checks::ForSuggest { list, read } =
                    input::checks::load_for_suggest(&data.checks_csv, None, None, refs)
                        .expect("check list");
                let result = suggest::suggest_list(&catalog, &lexicon, list, 3, Lang::Ja);
                let mut out = Vec::with_capacity(1 << 20);
                match format {
                    Format::Csv => {
                        let read = read.into_iter().next().expect("one sheet");
                        let sheet_out = report::suggest::SheetOut::build(
                            &result.items,
                            read.sheet,
                            &read.layout,
                            Lang::Ja,
                        );
                        report::csv::write_sheet(&sheet_out.rows, false, Encoding::Utf8, &mut out)
                            .expect("renders")
                    }
                    _ => {
                        report::suggest::render(&result, format, STYLE, &mut out).expect("renders")
                    }
                }
                black_box(out)
            })
        });
    }
    g.finish();
}

criterion_group!(
    benches,
    catalog,
    stages,
    split,
    xlsx_floor,
    suggest_vs_report
);
criterion_main!(benches);
