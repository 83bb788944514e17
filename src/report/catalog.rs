//! Catalog listings, entries, resolutions and statistics in table, CSV, JSON and YAML.
use std::io::Write;

use serde::Serialize;

use crate::catalog::stats::Stats;
use crate::catalog::{Entry, Level, RefKind};
use crate::lang::Lang;
use crate::report::grid::{Grid, Tone};
use crate::report::{render_grid, write_json, write_yaml, Format, TextStyle};

fn flags(e: &Entry) -> String {
    let mut f = Vec::new();
    if e.flags.basic {
        f.push("basic");
    }
    if e.flags.cloud_provider {
        f.push("cloud-provider");
    }
    f.join(", ")
}

fn entry_grid(entries: &[&Entry], lang: Lang) -> Grid {
    let l = |ja, en| lang.pick(ja, en);
    let mut g = Grid::new([
        l("ID", "id"),
        l("層", "layer"),
        l("レベル", "level"),
        l("名称", "title"),
        l("フラグ", "flags"),
        l("親", "parent"),
    ]);
    for e in entries {
        g.push(
            vec![
                e.id.clone(),
                e.layer.as_str().to_owned(),
                e.level.as_str().to_owned(),
                e.title(lang).to_owned(),
                flags(e),
                e.parent.clone().unwrap_or_default(),
            ],
            Tone::Plain,
        );
    }
    g
}

/// A list of entries (`catalog list`, `catalog search`).
pub fn render_entries(
    entries: &[&Entry],
    lang: Lang,
    format: Format,
    style: TextStyle,
    w: &mut dyn Write,
) -> anyhow::Result<()> {
    match format {
        Format::Json => write_json(w, &entries),
        Format::Yaml => write_yaml(w, &entries),
        _ => render_grid(&entry_grid(entries, lang), format, style, w),
    }
}

/// One candidate of a resolution, with the flags the resolution put on it.
#[derive(Debug, Serialize)]
pub struct Shown<'a> {
    /// The id the reference resolved to.
    pub id: String,
    /// The catalog entry: itself, or for an unverified detail its parent objective.
    pub entry: &'a Entry,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unverified: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub partial_mapping: bool,
}

/// What `catalog show` prints.
#[derive(Debug, Serialize)]
pub struct ShowResult<'a> {
    pub reference: String,
    pub kind: RefKind,
    /// True for NIST ids: candidates through NIST's mapping, not equivalences.
    pub approximate: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<String>,
    pub entries: Vec<Shown<'a>>,
}

fn kv(lines: &mut Vec<(String, String)>, k: &str, v: String) {
    if !v.is_empty() {
        lines.push((k.to_owned(), v));
    }
}

/// `catalog show`.
pub fn render_show(
    show: &ShowResult,
    lang: Lang,
    format: Format,
    style: TextStyle,
    w: &mut dyn Write,
) -> anyhow::Result<()> {
    match format {
        Format::Json => return write_json(w, show),
        Format::Yaml => return write_yaml(w, show),
        _ => {}
    }
    let l = |ja, en| lang.pick(ja, en);
    if show.approximate {
        writeln!(
            w,
            "{} {} → {} {}",
            show.reference,
            show.matched
                .as_deref()
                .map(|m| format!("({m})"))
                .unwrap_or_default(),
            show.entries.len(),
            l(
                "件の候補 (NIST SP 800-53 の対応表による近似: 同等ではありません)",
                "candidate(s) through NIST's SP 800-53 mapping (approximate, not equivalence)"
            )
        )?;
    }
    let mut g = Grid::new([l("項目", "field"), l("値", "value")]);
    for (n, s) in show.entries.iter().enumerate() {
        let e = s.entry;
        let mut lines: Vec<(String, String)> = Vec::new();
        kv(&mut lines, "id", s.id.clone());
        if s.unverified {
            // the detail itself is not in the catalog: show what is known, its objective
            kv(
                &mut lines,
                l("注記", "note"),
                l(
                    "未検証の詳細管理策: カタログに詳細管理策がないため、親の統制目標があることで受理",
                    "unverified detail: the catalog holds no detailed controls; accepted because its objective exists",
                )
                .to_owned(),
            );
            kv(&mut lines, l("層", "layer"), e.layer.label(lang).to_owned());
            kv(
                &mut lines,
                l("レベル", "level"),
                Level::Detail.label(lang).to_owned(),
            );
            kv(
                &mut lines,
                l("親", "parent"),
                format!("{} {}", e.id, e.title(lang)).trim().to_owned(),
            );
        } else {
            kv(&mut lines, l("層", "layer"), e.layer.label(lang).to_owned());
            kv(
                &mut lines,
                l("レベル", "level"),
                e.level.label(lang).to_owned(),
            );
            kv(
                &mut lines,
                l("名称(日本語)", "title (ja)"),
                e.title.ja.clone().unwrap_or_default(),
            );
            kv(
                &mut lines,
                l("名称(英語)", "title (en)"),
                e.title.en.clone().unwrap_or_default(),
            );
            kv(
                &mut lines,
                l("親", "parent"),
                e.parent.clone().unwrap_or_default(),
            );
            kv(&mut lines, l("フラグ", "flags"), flags(e));
            if s.partial_mapping {
                kv(
                    &mut lines,
                    "NIST",
                    l("部分的な対応 (NISTの*)", "partial mapping (NIST's *)").to_owned(),
                );
            }
            kv(&mut lines, "JIS Q 27001 附属書A", e.refs.annex_a.join(", "));
            kv(&mut lines, "JIS Q 27002", e.refs.jis_q_27002.join(", "));
            kv(&mut lines, "JIS Q 27017", e.refs.jis_q_27017.join(", "));
            kv(
                &mut lines,
                "NIST SP 800-53",
                e.refs
                    .nist_sp800_53
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            kv(
                &mut lines,
                l("統一基準", "unified standard"),
                e.refs.unified_standard.join(", "),
            );
            kv(&mut lines, l("出典", "sources"), e.sources.join(", "));
        }
        if n > 0 {
            g.push(vec![String::new(), String::new()], Tone::Plain);
        }
        for (k, v) in lines {
            g.push(vec![k, v], Tone::Plain);
        }
    }
    render_grid(&g, format, style, w)
}

/// `catalog stats`.
pub fn render_stats(
    stats: &Stats,
    lang: Lang,
    format: Format,
    style: TextStyle,
    w: &mut dyn Write,
) -> anyhow::Result<()> {
    match format {
        Format::Json => return write_json(w, stats),
        Format::Yaml => return write_yaml(w, stats),
        _ => {}
    }
    let l = |ja, en| lang.pick(ja, en);
    let mut g = Grid::new([l("層", "layer"), l("レベル", "level"), l("件数", "count")]);
    for (layer, levels) in &stats.by_layer {
        for (level, n) in levels {
            g.push(
                vec![
                    layer.label(lang).to_owned(),
                    level.label(lang).to_owned(),
                    n.to_string(),
                ],
                Tone::Plain,
            );
        }
    }
    if format == Format::Table {
        writeln!(w, "{} {} ({})", stats.catalog, stats.version, stats.origin)?;
    }
    render_grid(&g, format, style, w)?;
    if format == Format::Table {
        let c = &stats.completeness;
        writeln!(
            w,
            "{}: {} {} / {} {} / {} {} / {} {}",
            l("項目", "items"),
            l("ガバナンス", "governance"),
            stats.governance,
            l("マネジメント", "management"),
            stats.management,
            l("統制目標", "objectives"),
            stats.objectives,
            l("詳細管理策", "details"),
            stats.details
        )?;
        writeln!(
            w,
            "{}: {} {}/{} ({:.0}%), {} {}/{} ({:.0}%) — {}",
            l("公式件数との比較", "against the official counts"),
            l("ガバナンス", "governance"),
            stats.governance,
            c.official_governance,
            c.governance_share * 100.0,
            l("全体", "all items"),
            stats.items,
            c.official_total,
            c.total_share * 100.0,
            c.basis
        )?;
        writeln!(
            w,
            "{}: {}; {}: {}; {}: {}",
            l("名称なし", "untitled"),
            c.untitled,
            l("詳細管理策あり", "has detailed controls"),
            c.has_details,
            l("基本言明要件フラグ", "basic-requirement flags"),
            c.basic_flags
        )?;
        if stats.is_incomplete() {
            writeln!(
                w,
                "{}",
                l(
                    "このカタログは不完全です: 公式の管理基準ワークブックから `ismap-gap catalog import` で完全なカタログを作成できます",
                    "This catalog is incomplete: build a full one from the official workbook with `ismap-gap catalog import`"
                )
            )?;
        }
    }
    Ok(())
}
