//! Synthetic benchmark inputs for `ismap-gap` (issue 7; see BENCHMARKS.md).
//!
//! ```sh
//! cargo run --release --example gen_data -- --out DIR --items N --csps M --seed S
//! ```
//!
//! writes, deterministically for a seed (same arguments, same bytes):
//!
//! - `DIR/checks-N.csv`: N check items, UTF-8, header
//!   `項番,確認項目,ISMAP管理策,求める確認水準,重要度,備考`; Japanese titles built from word
//!   lists; 1-5 references each, mixing ISMAP ids, full-width ids, `8.1.5P`-style suffixes,
//!   detail ids, category ids, Annex A `A.x.y.z`, `CLD.x.y.z` and NIST SP 800-53 ids
//!   (`AC-2`, `IA-2(1)`), separated by `, ` `、` `; ` or line breaks; about 5 % of the items
//!   have no reference and about 3 % carry an unresolvable one; required assurance mixed
//!   (empty, ISMAP, 自己申告, SOC2, 保証報告, 個別監査); risk 高/中/低;
//! - `DIR/checks-N.xlsx`: the same rows in a workbook (sheet `確認項目`);
//! - `DIR/csps-M/csp-0001.txt`, `csp-0002.yaml`, …: M CSP lists, alternating pasted PDF
//!   text (the list's title `ISMAPクラウドサービスリスト`, which states the registration kind
//!   as a published list does, the table's title, tab-separated table with header words,
//!   page footers) and YAML profiles (`name`, `registration_number`, `registration_kind:
//!   ismap`, dates, `implemented`, a few `not_applicable`),
//!   each implementing 60-95 % of the catalog's items. They sit in their own folder so that
//!   `ismap-gap compare --csp-dir DIR/csps-M` does not take the check list for a CSP.
//!
//! Options: `--out` is required; `--items` defaults to 300, `--csps` to 1, `--seed` to 1;
//! `--no-xlsx` skips the workbook. Every id comes from the embedded catalog
//! (`Catalog::embedded()`), so the data follows the catalog when it changes.
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use ismap_gap::catalog::{Catalog, Level};

/// xorshift64* seeded through splitmix64: tiny, deterministic, good enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng(if z == 0 { 1 } else { z })
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A value by weight: `[(value, weight)]`.
    pub fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut r = self.below(total as usize) as u32;
        for (v, w) in items {
            if r < *w {
                return v;
            }
            r -= w;
        }
        &items[items.len() - 1].0
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

const SUBJECTS: &[&str] = &[
    "利用者ID",
    "特権ID",
    "管理者アカウント",
    "アクセス権",
    "暗号鍵",
    "バックアップ",
    "操作ログ",
    "再委託先",
    "データセンター",
    "ネットワーク",
    "脆弱性",
    "セキュリティインシデント",
    "変更管理",
    "開発環境",
    "パスワード",
    "情報資産",
    "クラウドサービス",
    "仮想マシン",
    "監視",
    "事業継続計画",
    "顧客データ",
    "媒体",
    "マルウェア対策",
    "時刻同期",
];

const ASPECTS: &[&str] = &[
    "の登録・削除の手続",
    "の定期的な見直し",
    "の利用状況の記録",
    "の保護",
    "の管理手順",
    "の取扱い",
    "の分離",
    "の設定",
    "に関する責任分界",
    "の評価",
    "の廃棄",
    "の承認手続",
];

const PREDICATES: &[&str] = &[
    "が定められていること",
    "が文書化されていること",
    "が実施されていること",
    "が承認されていること",
    "が定期的に確認されていること",
    "が記録・保管されていること",
    "について責任者が指名されていること",
    "が契約で定められていること",
];

const NOTES: &[(&str, u32)] = &[
    ("", 80),
    ("前回監査で指摘あり", 4),
    ("運用の有効性はSOC2 Type2で確認したい", 4),
    ("契約書に明記する", 4),
    ("NIST SP 800-53で管理している項目", 3),
    ("-", 3),
    ("要確認（情報システム部）", 2),
];

const ASSURANCE: &[(&str, u32)] = &[
    ("ISMAP", 45),
    ("", 15),
    ("自己申告", 15),
    ("SOC2", 12),
    ("個別監査", 8),
    ("保証報告", 5),
];

const RISK: &[(&str, u32)] = &[("高", 25), ("中", 45), ("低", 30)];

const SEPARATORS: &[(&str, u32)] = &[(", ", 40), ("、", 25), ("; ", 10), ("\n", 15), (" ", 10)];

/// References no catalog resolves: ids not in it, another standard's numbering, words.
const UNRESOLVABLE: &[&str] = &[
    "99.1.1",
    "5.9.9",
    "A.19.1.1",
    "CLD.99.1.1",
    "ZZ-99",
    "要確認",
    "TBD",
];

const NA_REASONS: &[&str] = &[
    "テレワーク環境は提供していない",
    "物理的セキュリティは利用するIaaS事業者が担う",
    "ソフトウェア開発を外部委託していない",
    "該当する業務がない",
    "",
];

/// The catalog's ids, grouped by the form a check item would cite them in.
pub struct Pools {
    /// Governance, management and control items (what a CSP implements), catalog order.
    pub items: Vec<String>,
    /// Control objectives only (what check items cite most).
    pub objectives: Vec<String>,
    /// Objectives with a suffix (`8.1.5.P`).
    pub suffixed: Vec<String>,
    pub categories: Vec<String>,
    pub annex_a: Vec<String>,
    pub cld: Vec<String>,
    pub nist: Vec<String>,
}

impl Pools {
    pub fn from_catalog(catalog: &Catalog) -> Result<Pools> {
        let mut p = Pools {
            items: Vec::new(),
            objectives: Vec::new(),
            suffixed: Vec::new(),
            categories: Vec::new(),
            annex_a: Vec::new(),
            cld: Vec::new(),
            nist: Vec::new(),
        };
        for e in catalog.entries() {
            if e.is_item() {
                p.items.push(e.id.clone());
            }
            match e.level {
                Level::Objective if e.layer == ismap_gap::catalog::Layer::Control => {
                    if e.id.ends_with(|c: char| c.is_ascii_alphabetic()) {
                        p.suffixed.push(e.id.clone());
                    }
                    p.objectives.push(e.id.clone());
                }
                Level::Category => p.categories.push(e.id.clone()),
                _ => {}
            }
            p.annex_a.extend(e.refs.annex_a.iter().cloned());
            p.cld.extend(e.refs.jis_q_27017.iter().cloned());
            p.nist
                .extend(e.refs.nist_sp800_53.iter().map(|n| n.control.clone()));
        }
        for v in [&mut p.annex_a, &mut p.cld, &mut p.nist] {
            v.sort();
            v.dedup();
        }
        if p.items.is_empty() || p.objectives.is_empty() {
            bail!("the catalog has no objectives to cite");
        }
        Ok(p)
    }
}

/// `9.2.1` → `９．２．１` (what a Japanese IME often leaves in a sheet).
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' | 'A'..='Z' | 'a'..='z' => {
                char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c)
            }
            '.' => '．',
            '-' => '－',
            _ => c,
        })
        .collect()
}

/// `8.1.5.P` → `8.1.5P`, `8.1.5-P` or `8.1.5.p`.
fn suffix_variant(rng: &mut Rng, id: &str) -> String {
    match id.rsplit_once('.') {
        Some((base, suffix)) => match rng.below(3) {
            0 => format!("{base}{suffix}"),
            1 => format!("{base}-{suffix}"),
            _ => format!("{base}.{}", suffix.to_ascii_lowercase()),
        },
        None => id.to_owned(),
    }
}

/// One resolvable reference in one of the accepted forms.
fn reference(rng: &mut Rng, p: &Pools) -> String {
    let form = *rng.weighted(&[
        ("ismap", 45),
        ("full-width", 8),
        ("suffix", 5),
        ("detail", 4),
        ("category", 3),
        ("annex-a", 15),
        ("cld", 5),
        ("nist", 15),
    ]);
    let or_ismap = |pool: &[String], rng: &mut Rng| {
        if pool.is_empty() {
            rng.pick(&p.objectives).clone()
        } else {
            rng.pick(pool).clone()
        }
    };
    match form {
        "full-width" => {
            let id: &String = rng.pick(&p.objectives);
            full_width(id)
        }
        "suffix" => {
            let id = or_ismap(&p.suffixed, rng);
            suffix_variant(rng, &id)
        }
        "detail" => {
            let id = rng.pick(&p.objectives).clone();
            if id.ends_with(|c: char| c.is_ascii_alphabetic()) {
                id
            } else {
                format!("{id}.{}", 1 + rng.below(4))
            }
        }
        "category" => or_ismap(&p.categories, rng),
        "annex-a" => or_ismap(&p.annex_a, rng),
        "cld" => or_ismap(&p.cld, rng),
        "nist" => {
            let base = or_ismap(&p.nist, rng);
            if base.contains('-') && !base.contains('(') && rng.chance(0.3) {
                format!("{base}({})", 1 + rng.below(3))
            } else {
                base
            }
        }
        _ => rng.pick(&p.objectives).clone(),
    }
}

/// One check item's cells, in header order.
pub fn check_row(rng: &mut Rng, p: &Pools, n: usize) -> [String; 6] {
    let title = format!(
        "{}{}{}",
        rng.pick(SUBJECTS),
        rng.pick(ASPECTS),
        rng.pick(PREDICATES)
    );
    let mut refs: Vec<String> = Vec::new();
    if !rng.chance(0.05) {
        let count = *rng.weighted(&[(1usize, 30), (2, 30), (3, 20), (4, 12), (5, 8)]);
        refs.extend((0..count).map(|_| reference(rng, p)));
        if rng.chance(0.03) {
            let at = rng.below(refs.len());
            refs[at] = (*rng.pick(UNRESOLVABLE)).to_owned();
        }
    }
    let sep = *rng.weighted(SEPARATORS);
    [
        format!("C-{n:06}"),
        title,
        refs.join(sep),
        (*rng.weighted(ASSURANCE)).to_owned(),
        (*rng.weighted(RISK)).to_owned(),
        (*rng.weighted(NOTES)).to_owned(),
    ]
}

pub const HEADER: [&str; 6] = [
    "項番",
    "確認項目",
    "ISMAP管理策",
    "求める確認水準",
    "重要度",
    "備考",
];

/// The check items, deterministic for `seed`.
pub fn check_rows(p: &Pools, items: usize, seed: u64) -> Vec<[String; 6]> {
    let mut rng = Rng::new(seed);
    (1..=items).map(|n| check_row(&mut rng, p, n)).collect()
}

pub fn write_checks_csv(path: &Path, rows: &[[String; 6]]) -> Result<()> {
    let mut w = csv::Writer::from_path(path).with_context(|| format!("{}", path.display()))?;
    w.write_record(HEADER)?;
    for r in rows {
        w.write_record(r)?;
    }
    w.flush()?;
    Ok(())
}

pub fn write_checks_xlsx(path: &Path, rows: &[[String; 6]]) -> Result<()> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("確認項目")?;
    let bold = Format::new().set_bold();
    for (c, h) in HEADER.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                ws.write_string(r as u32 + 1, c as u16, cell)?;
            }
        }
    }
    for (c, width) in [10.0, 50.0, 30.0, 14.0, 8.0, 30.0].into_iter().enumerate() {
        ws.set_column_width(c as u16, width)?;
    }
    wb.save(path)?;
    Ok(())
}

/// The ids one CSP implements (60-95 % of the items, catalog order, none under an objective
/// declared not applicable) and a few it declares not applicable (with a reason, sometimes
/// empty), from the ones it does not implement.
pub fn csp_selection(rng: &mut Rng, p: &Pools) -> (Vec<String>, Vec<(String, String)>) {
    let share = 0.60 + 0.35 * rng.unit();
    let n = ((p.items.len() as f64 * share).round() as usize).clamp(1, p.items.len());
    let mut order: Vec<usize> = (0..p.items.len()).collect();
    rng.shuffle(&mut order);
    let (chosen, rest) = order.split_at(n);
    let mut chosen = chosen.to_vec();
    chosen.sort_unstable();
    let mut rest = rest.to_vec();
    rest.sort_unstable();
    let na_count = rest.len().min(1 + rng.below(3));
    let mut na_idx: Vec<usize> = Vec::new();
    while na_idx.len() < na_count {
        let i = rest[rng.below(rest.len())];
        if !na_idx.contains(&i) {
            na_idx.push(i);
        }
    }
    na_idx.sort_unstable();
    // a detail of an objective declared not applicable does not apply either: a profile
    // stating it implemented contradicts itself (and is refused)
    let na_ids: Vec<&str> = na_idx.iter().map(|&i| p.items[i].as_str()).collect();
    chosen.retain(|&i| {
        !na_ids.iter().any(|na| {
            let numbers = ["PB", "P", "B"]
                .iter()
                .find_map(|s| na.strip_suffix(&format!(".{s}")))
                .unwrap_or(na);
            p.items[i] != *na && p.items[i].starts_with(&format!("{numbers}."))
        })
    });
    (
        chosen.iter().map(|&i| p.items[i].clone()).collect(),
        na_idx
            .iter()
            .map(|&i| (p.items[i].clone(), (*rng.pick(NA_REASONS)).to_owned()))
            .collect(),
    )
}

/// Pasted text from the published PDF table: the list's title (its registration kind),
/// the table's title, header words, four ids a row, tab-separated, a page footer and the
/// header again every 30 rows.
pub fn csp_text(rng: &mut Rng, k: usize, ids: &[String]) -> String {
    let header = ["統制目標 番号"; 4].join("\t");
    let mut s = String::new();
    let _ = writeln!(s, "ISMAPクラウドサービスリスト");
    let _ = writeln!(
        s,
        "基本言明要件のうち実施している統制目標の管理策（合成CSP {k:04}：ベンチマーク用の架空のサービス）"
    );
    let _ = writeln!(s, "{header}");
    for (row, chunk) in ids.chunks(4).enumerate() {
        if row > 0 && row % 30 == 0 {
            let _ = writeln!(s, "2025.3.31\t- {} -", row / 30);
            let _ = writeln!(s, "{header}");
        }
        let wide = rng.chance(0.1);
        let cells: Vec<String> = chunk
            .iter()
            .map(|id| {
                let id = if id.ends_with(|c: char| c.is_ascii_alphabetic()) {
                    match rng.below(3) {
                        0 => id.clone(),
                        1 => suffix_variant(rng, id),
                        // "8.1.5 P": the suffix in its own cell of the PDF table
                        _ => id
                            .rsplit_once('.')
                            .map_or_else(|| id.clone(), |(b, s)| format!("{b} {s}")),
                    }
                } else {
                    id.clone()
                };
                if wide {
                    full_width(&id)
                } else {
                    id
                }
            })
            .collect();
        let _ = writeln!(s, "{}", cells.join("\t"));
    }
    s
}

/// A YAML profile.
pub fn csp_yaml(k: usize, seed: u64, ids: &[String], na: &[(String, String)]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# synthetic CSP profile (gen_data, seed {seed})");
    let _ = writeln!(s, "name: 合成CSP {k:04}（ベンチマーク用・架空）");
    let _ = writeln!(s, "registration_number: C99-{k:04}-1");
    let _ = writeln!(s, "registration_kind: ismap");
    let _ = writeln!(s, "registered: 2025-01-15");
    let _ = writeln!(s, "renewal_deadline: 2028-01-31");
    let _ = writeln!(s, "audit_period: {{from: 2025-04-01, to: 2026-03-31}}");
    let _ = writeln!(s, "scope: [合成CSP {k:04} 本体（東京リージョン）]");
    let _ = writeln!(s, "implemented: [");
    for chunk in ids.chunks(8) {
        let _ = writeln!(s, "  {},", chunk.join(", "));
    }
    let _ = writeln!(s, "]");
    if !na.is_empty() {
        let _ = writeln!(s, "not_applicable:");
        for (id, reason) in na {
            let _ = writeln!(s, "  \"{id}\": {reason}");
        }
    }
    s
}

/// Writes `DIR/csps-M/csp-0001.txt`, `csp-0002.yaml`, …; returns the folder.
pub fn write_csps(out: &Path, p: &Pools, csps: usize, seed: u64) -> Result<PathBuf> {
    let dir = out.join(format!("csps-{csps}"));
    fs::create_dir_all(&dir).with_context(|| format!("{}", dir.display()))?;
    // another stream than the check items', so the CSPs do not depend on --items
    let mut rng = Rng::new(seed ^ 0xC5B0_C5B0_C5B0_C5B0);
    for k in 1..=csps {
        let (ids, na) = csp_selection(&mut rng, p);
        let (name, text) = if k % 2 == 1 {
            (format!("csp-{k:04}.txt"), csp_text(&mut rng, k, &ids))
        } else {
            (format!("csp-{k:04}.yaml"), csp_yaml(k, seed, &ids, &na))
        };
        let path = dir.join(name);
        fs::write(&path, text).with_context(|| format!("{}", path.display()))?;
    }
    Ok(dir)
}

struct Args {
    out: PathBuf,
    items: usize,
    csps: usize,
    seed: u64,
    xlsx: bool,
}

const USAGE: &str =
    "usage: gen_data --out DIR [--items N (300)] [--csps M (1)] [--seed S (1)] [--no-xlsx]";

fn parse_args() -> Result<Args> {
    let mut out = None;
    let mut items = 300;
    let mut csps = 1;
    let mut seed = 1;
    let mut xlsx = true;
    let mut args = std::env::args().skip(1);
    let number = |v: Option<String>, name: &str| -> Result<u64> {
        let v = v.with_context(|| format!("{name} needs a value; {USAGE}"))?;
        v.replace(['_', ','], "")
            .parse()
            .with_context(|| format!("{name}: '{v}' is not a number"))
    };
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out = args.next().map(PathBuf::from),
            "--items" => items = number(args.next(), "--items")? as usize,
            "--csps" => csps = number(args.next(), "--csps")? as usize,
            "--seed" => seed = number(args.next(), "--seed")?,
            "--no-xlsx" => xlsx = false,
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => bail!("unknown argument '{other}'; {USAGE}"),
        }
    }
    let out = out.with_context(|| format!("--out is required; {USAGE}"))?;
    Ok(Args {
        out,
        items,
        csps,
        seed,
        xlsx,
    })
}

fn main() -> Result<()> {
    let args = parse_args()?;
    let catalog = Catalog::embedded()?;
    let pools = Pools::from_catalog(&catalog)?;
    fs::create_dir_all(&args.out).with_context(|| format!("{}", args.out.display()))?;
    let rows = check_rows(&pools, args.items, args.seed);
    let csv_path = args.out.join(format!("checks-{}.csv", args.items));
    write_checks_csv(&csv_path, &rows)?;
    println!("{}", csv_path.display());
    if args.xlsx {
        let xlsx_path = args.out.join(format!("checks-{}.xlsx", args.items));
        write_checks_xlsx(&xlsx_path, &rows)?;
        println!("{}", xlsx_path.display());
    }
    if args.csps > 0 {
        let dir = write_csps(&args.out, &pools, args.csps, args.seed)?;
        println!("{}/ ({} CSP lists)", dir.display(), args.csps);
    }
    Ok(())
}
