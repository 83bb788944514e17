//! Catalog listings, entries, resolutions and statistics in table, CSV, JSON and YAML.
use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use crate::analysis::gap::NistMapping;
use crate::catalog::id::IsmapId;
use crate::catalog::stats::Stats;
use crate::catalog::{Entry, IsoEdition, Layer, Level, NoCounterpart, RefKind};
use crate::lang::Lang;
use crate::report::grid::{Grid, Tone};
use crate::report::{render_grid, table, write_json, write_yaml, Format, TextStyle};

/// An entry's flags in the run's language (`basic, cloud-provider` / `基本言明要件(B)、
/// クラウド固有(P)`); JSON and YAML keep the codes.
fn flags(e: &Entry, lang: Lang) -> String {
    let mut f = Vec::new();
    if e.flags.basic {
        f.push(lang.pick("基本言明要件(B)", "basic"));
    }
    if e.flags.cloud_provider {
        f.push(lang.pick("クラウド固有(P)", "cloud-provider"));
    }
    f.join(lang.pick("、", ", "))
}

/// What the flags mean, as ISMAP管理基準 defines its suffixes (2.1).
fn flags_meaning(e: &Entry, lang: Lang) -> String {
    let mut f = Vec::new();
    if e.flags.cloud_provider {
        f.push(lang.pick(
            "P: クラウドサービス固有のものとしてクラウドサービス事業者が考慮すべき管理策",
            "P: a control cloud service providers should consider specifically as unique to cloud services",
        ));
    }
    if e.flags.basic {
        f.push(lang.pick(
            "B: それ自体が基本言明要件(原則として実施が必要で、選択ではない)",
            "B: itself a basic statement requirement (to be implemented in principle, not an option)",
        ));
    }
    if f.is_empty() {
        return String::new();
    }
    format!(
        "{} ({})",
        f.join("; "),
        lang.pick("ISMAP管理基準 2.1", "ISMAP管理基準 2.1")
    )
}

/// The selection rule that applies to an entry (ISMAP管理基準 2.2.4).
fn rule(e: &Entry, lang: Lang) -> &'static str {
    match (e.layer, e.level) {
        (_, Level::Clause | Level::Category) => "",
        (_, Level::Overview) => lang.pick(
            "概要: 基準を述べず、必須でも一覧に記載されるものでもない",
            "overview: states no criterion; never required, never expected in a CSP's list",
        ),
        (Layer::Governance | Layer::Management, _) => lang.pick(
            "基本言明要件(ガバナンス・マネジメント基準はすべて): 除外も基盤サービスからの継承もできない",
            "basic statement requirement (all governance and management criteria): can be neither excluded nor inherited",
        ),
        (Layer::Control, Level::Objective) => lang.pick(
            "基本言明要件(原則として): 合理的な理由があれば非該当にできる",
            "basic statement requirement in principle: may be excluded with a reason",
        ),
        (Layer::Control, Level::Detail) if e.flags.basic => lang.pick(
            "基本言明要件(B): 統制目標が理由を付して除外されていなければ必須",
            "basic statement requirement (B): mandatory unless its objective is excluded with a reason",
        ),
        (Layer::Control, Level::Detail) => lang.pick(
            "CSPがリスクに応じて選択する詳細管理策",
            "chosen by the CSP to bring risk to an acceptable level",
        ),
    }
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
        l("出典", "sources"),
    ]);
    for e in entries {
        g.push(
            vec![
                e.id.clone(),
                e.layer.label(lang).to_owned(),
                e.level.label_in(e.layer, lang).to_owned(),
                e.title(lang).to_owned(),
                flags(e, lang),
                e.parent.clone().unwrap_or_default(),
                e.sources.join(", "),
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
        Format::Json => write_json(w, &entries, style),
        Format::Yaml => write_yaml(w, &entries),
        _ => render_grid(&entry_grid(entries, lang), format, style, w),
    }
}

/// A fact of a catalog entry that a source gives (`catalog show`'s sources per fact),
/// named in JSON as the entry's field that holds it (`refs.` left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Fact {
    #[serde(rename = "title")]
    Title,
    #[serde(rename = "annex_a")]
    AnnexA,
    #[serde(rename = "jis_q_27002")]
    JisQ27002,
    #[serde(rename = "jis_q_27017")]
    JisQ27017,
    #[serde(rename = "nist_sp800_53")]
    NistSp80053,
    #[serde(rename = "flags")]
    Flags,
    /// With the references kept as printed (`as_printed`).
    #[serde(rename = "iso27001_2013")]
    Iso27001_2013,
    #[serde(rename = "iso27014_2013")]
    Iso27014_2013,
}

impl Fact {
    /// As the row of `catalog show` that shows it is labelled.
    fn label(self, lang: Lang) -> &'static str {
        match self {
            Fact::Title => lang.pick("名称", "title"),
            Fact::AnnexA => "JIS Q 27001 附属書A",
            Fact::JisQ27002 => "JIS Q 27002",
            Fact::JisQ27017 => "JIS Q 27017",
            Fact::NistSp80053 => "NIST SP 800-53",
            Fact::Flags => lang.pick("フラグ", "flags"),
            Fact::Iso27001_2013 => "ISO/IEC 27001:2013",
            Fact::Iso27014_2013 => "ISO/IEC 27014:2013",
        }
    }

    /// The facts `e` holds, in the order `catalog show` shows them.
    fn of(e: &Entry) -> Vec<Fact> {
        let r = &e.refs;
        [
            (Fact::Title, e.title.ja.is_some() || e.title.en.is_some()),
            (Fact::Flags, e.flags.basic || e.flags.cloud_provider),
            (Fact::AnnexA, !r.annex_a.is_empty()),
            (Fact::JisQ27002, !r.jis_q_27002.is_empty()),
            (Fact::JisQ27017, !r.jis_q_27017.is_empty()),
            (Fact::NistSp80053, !r.nist_sp800_53.is_empty()),
            (
                Fact::Iso27001_2013,
                !r.iso27001_2013.is_empty() || !r.as_printed.is_empty(),
            ),
            (Fact::Iso27014_2013, !r.iso27014_2013.is_empty()),
        ]
        .into_iter()
        .filter_map(|(f, held)| held.then_some(f))
        .collect()
    }
}

/// The facts each source of the embedded catalog gives, as `catalog::generate` takes them
/// from `catalog/reference/` (and as the sources' descriptions say): the 27002 titles and
/// numbers, the 27017 titles and CLD numbers, NIST's mapping, ISMAP's suffixes, English
/// headings and clause references. An entry's fact comes from the first of its sources
/// that gives such a fact (the generator names them in that order).
const EMBEDDED_FACTS: &[(&str, &[Fact])] = &[
    (
        "iso27002-2013",
        &[Fact::Title, Fact::AnnexA, Fact::JisQ27002],
    ),
    ("iso27017-2015", &[Fact::Title, Fact::JisQ27017]),
    ("nist-sp800-53r5-iso27001", &[Fact::NistSp80053]),
    (
        "ismap-criteria-2022-en",
        &[
            Fact::Title,
            Fact::Flags,
            Fact::Iso27001_2013,
            Fact::Iso27014_2013,
        ],
    ),
    ("ismap-revision-2024-07", &[Fact::Flags]),
    ("ismap-structure", &[Fact::Title]),
];

/// A source of an entry and the facts of the entry it gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FactSource {
    pub source: String,
    pub facts: Vec<Fact>,
}

/// Which of an entry's facts comes from which of its sources, for an entry of the embedded
/// catalog naming more than one (its title from ISO/IEC 27002, its NIST mapping from
/// NIST's table); empty otherwise: for a `--catalog` file the tool knows only the sources
/// each entry names, not which fact came from which, and says no more than that. A fact no
/// source of the entry is known to give is left out.
pub fn fact_sources(e: &Entry, embedded: bool) -> Vec<FactSource> {
    if !embedded || e.sources.len() < 2 {
        return Vec::new();
    }
    let gives = |key: &str, fact: Fact| {
        EMBEDDED_FACTS
            .iter()
            .any(|(k, facts)| *k == key && facts.contains(&fact))
    };
    let mut out: Vec<FactSource> = e
        .sources
        .iter()
        .map(|k| FactSource {
            source: k.clone(),
            facts: Vec::new(),
        })
        .collect();
    for fact in Fact::of(e) {
        if let Some(s) = out.iter_mut().find(|s| gives(&s.source, fact)) {
            s.facts.push(fact);
        }
    }
    out.retain(|s| !s.facts.is_empty());
    out
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
    /// Reached through a management-system clause the entry's cross-references name.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub mapped: bool,
    /// The items or detailed controls the catalog holds under it, with their own
    /// cross-references (for a governance or management objective, the clauses its items
    /// name).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<&'a Entry>,
    /// Which fact of the entry comes from which source, where that is known
    /// ([`fact_sources`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fact_sources: Vec<FactSource>,
}

/// What `catalog show` prints.
#[derive(Debug, Serialize)]
pub struct ShowResult<'a> {
    pub reference: String,
    pub kind: RefKind,
    /// The NIST mapping is approximate (a partial mapping, or an enhancement through its
    /// base control): a `report` verdict resting on it is at most partial, as
    /// `nist_mapping` says.
    pub approximate: bool,
    /// Resolved through the ISO/IEC 27001:2022 → 2013 correspondence: a `report` verdict
    /// resting on it is at most partial (reason `iso2022-correspondence`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub correspondence: bool,
    /// For a NIST id: `exact`, `partial` (NIST's `*`) or `through-base` (an enhancement
    /// NIST's table does not map itself), as `report` judges it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nist_mapping: Option<NistMapping>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<String>,
    /// The ISO/IEC 27001/27002 edition the reference was read in, when that decided it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edition: Option<IsoEdition>,
    /// How a reference in another numbering leads to the entries: `A.8.2 (ISO/IEC
    /// 27001:2022 8.2 Privileged access rights) → 9.2.3`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chain: Option<String>,
    /// ISO/IEC 27002:2022 controls it names that are new in that edition: no ISMAP
    /// counterpart (`related`: catalog objectives on the topic, as context only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub no_ismap_counterpart: Vec<NoCounterpart>,
    pub entries: Vec<Shown<'a>>,
    /// What each source key the entries name is (the catalog's `sources:`): which
    /// document, and the facts the catalog took from it.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub sources: BTreeMap<String, String>,
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
        Format::Json => return write_json(w, show, style),
        Format::Yaml => return write_yaml(w, show),
        _ => {}
    }
    let l = |ja, en| lang.pick(ja, en);
    if let Some(mapping) = show.nist_mapping {
        let how = match mapping {
            NistMapping::Exact => l(
                "NISTの対応表で完全な対応: ただし規格間の対応で、同等ではない。報告書の判定は最大でも一部充足(理由 mapped-via-nist)。確認項目がISMAPの番号でも対応先の統制目標を挙げている場合を除く",
                "exact in NIST's table, still a mapping between frameworks, not an equivalence: a report's verdict is at most partial (reason mapped-via-nist) unless the item also names an objective it reaches in ISMAP numbering",
            ),
            NistMapping::Partial => l(
                "近似: NISTが部分的な対応(*)とする対応を含む。報告書の判定は最大でも一部充足(理由 nist-approximate)",
                "approximate: NIST marks a mapping partial (*); a report's verdict is at most partial (reason nist-approximate)",
            ),
            NistMapping::ThroughBase => l(
                "近似: 拡張はNISTの対応表になく、基本管理策による対応。報告書の判定は最大でも一部充足(理由 nist-approximate)",
                "approximate: the enhancement is not in NIST's table and is mapped through its base control; a report's verdict is at most partial (reason nist-approximate)",
            ),
        };
        writeln!(
            w,
            "{} {} → {} {} ({how})",
            show.reference,
            show.matched
                .as_deref()
                .map(|m| format!("({m})"))
                .unwrap_or_default(),
            show.entries.len(),
            l(
                "件の候補 (NIST SP 800-53 の対応表による)",
                "candidate(s) through NIST's SP 800-53 mapping"
            )
        )?;
    }
    if let Some(chain) = &show.chain {
        writeln!(w, "{chain}")?;
    }
    if show.correspondence {
        writeln!(
            w,
            "{}",
            l(
                "2022年版から2013年版への対応で、同等ではない: 報告書の判定は最大でも一部充足(理由 iso2022-correspondence)。確認項目がISMAPの番号でも対応先の統制目標を挙げている場合を除く",
                "a correspondence from the 2022 edition to 2013, not an equivalence: a report's verdict is at most partial (reason iso2022-correspondence) unless the item also names an objective it reaches in ISMAP numbering"
            )
        )?;
    }
    for c in &show.no_ismap_counterpart {
        writeln!(
            w,
            "{} {} (ISO/IEC 27001:2022): {}",
            c.control,
            c.title,
            l(
                "2022年版で新設、ISMAPに対応する管理策なし",
                "new in the 2022 edition, no ISMAP counterpart"
            )
        )?;
        if !c.related.is_empty() {
            writeln!(
                w,
                "{}: {}",
                l(
                    "関連するISMAPのクラウド統制目標(参考のみ、充足の根拠ではない)",
                    "related ISMAP cloud objectives (context only, not coverage)"
                ),
                c.related.join(", ")
            )?;
        }
    }
    if show.entries.is_empty() {
        return Ok(());
    }
    let mut g = Grid::new([l("項目", "field"), l("値", "value")]);
    for (n, s) in show.entries.iter().enumerate() {
        let e = s.entry;
        let mut lines: Vec<(String, String)> = Vec::new();
        kv(&mut lines, "id", s.id.clone());
        // the reference written with another suffix than the catalog's (9.2.3.11.B for
        // 9.2.3.11.PB): shown as the catalog's control, which report warns about too
        if let (Some(typed), Some(own)) = (IsmapId::parse(&show.reference), IsmapId::parse(&s.id)) {
            if typed.parts == own.parts && typed.suffix != own.suffix {
                kv(
                    &mut lines,
                    l("注記", "note"),
                    format!(
                        "{}{}",
                        l(
                            "接尾辞が異なります: カタログでは ",
                            "the suffix differs: the catalog writes "
                        ),
                        s.id
                    ) + &format!(" ({} {})", l("指定", "given"), typed.canonical()),
                );
            }
        }
        if s.unverified {
            // the detail itself is not in the catalog: show what is known, its objective
            kv(
                &mut lines,
                l("注記", "note"),
                l(
                    "未検証の詳細管理策: カタログはすべての詳細管理策を持つものではなく、この番号はないが、親の統制目標があることで受理",
                    "unverified detail: the catalog does not hold every detailed control and not this one; accepted because its objective exists",
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
                e.level.label_in(e.layer, lang).to_owned(),
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
            kv(&mut lines, l("フラグ", "flags"), flags(e, lang));
            kv(
                &mut lines,
                l("フラグの意味", "flags mean"),
                flags_meaning(e, lang),
            );
            kv(
                &mut lines,
                l("選択の規則", "rule"),
                rule(e, lang).to_owned(),
            );
            if s.partial_mapping {
                kv(
                    &mut lines,
                    "NIST",
                    l("部分的な対応 (NISTの*)", "partial mapping (NIST's *)").to_owned(),
                );
            }
            if s.mapped {
                kv(
                    &mut lines,
                    l("対応", "mapped"),
                    l(
                        "相互参照による対応: この目標は参照された条項に基づくもので、条項そのものではない",
                        "through its cross-references: the objective follows the clause, it is not the clause",
                    )
                    .to_owned(),
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
            kv(
                &mut lines,
                "ISO/IEC 27001:2013",
                e.refs.iso27001_2013.join(", "),
            );
            kv(
                &mut lines,
                "ISO/IEC 27014:2013",
                e.refs.iso27014_2013.join(", "),
            );
            kv(
                &mut lines,
                l(
                    "原文の表記(条項として読まない)",
                    "as printed (not read as a clause)",
                ),
                e.refs.as_printed.join(", "),
            );
            let items: Vec<String> = s
                .items
                .iter()
                .map(|i| {
                    let clauses: Vec<&str> = i
                        .refs
                        .iso27001_2013
                        .iter()
                        .chain(&i.refs.iso27014_2013)
                        .map(String::as_str)
                        .collect();
                    if clauses.is_empty() {
                        i.id.clone()
                    } else {
                        format!("{} ({})", i.id, clauses.join(", "))
                    }
                })
                .collect();
            let items_label = if e.layer == Layer::Control {
                l("詳細管理策(カタログにあるもの)", "detailed controls (held)")
            } else {
                l("下位の項目", "items")
            };
            kv(&mut lines, items_label, items.join("\n"));
            // each key with what it is: the catalog's description of the source says
            // which facts it gives
            kv(
                &mut lines,
                l("出典", "sources"),
                e.sources
                    .iter()
                    .map(|k| match show.sources.get(k) {
                        Some(d) => format!("{k}: {d}"),
                        None => k.clone(),
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
            kv(
                &mut lines,
                l("出典(事実ごと)", "sources per fact"),
                s.fact_sources
                    .iter()
                    .map(|f| {
                        let facts: Vec<&str> = f.facts.iter().map(|x| x.label(lang)).collect();
                        format!("{}: {}", f.source, facts.join(", "))
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
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
        Format::Json => return write_json(w, stats, style),
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
                    level.label_in(*layer, lang).to_owned(),
                    n.to_string(),
                ],
                Tone::Plain,
            );
        }
    }
    let lines = |head: bool| -> Vec<String> {
        let c = &stats.completeness;
        let (gov, man) = (&stats.governance, &stats.management);
        if head {
            let origin = match stats.origin.as_str() {
                "embedded" => l("組み込み", "embedded"),
                path => path,
            };
            let edition = match lang {
                Lang::Ja => stats.edition_ja.as_ref().or(stats.edition.as_ref()),
                Lang::En => stats.edition.as_ref(),
            };
            let mut out = vec![format!("{} {} ({origin})", stats.catalog, stats.version)];
            out.extend(edition.map(|e| format!("{}: {e}", l("版", "edition"))));
            return out;
        }
        let mut out = vec![
            format!(
                "{}: {} {} + {} {} ({} {}) / {} {} + {} {} / {} {} / {} {}",
                l("保有", "holds"),
                l("ガバナンス目標", "governance objectives"),
                gov.objectives,
                l("項目", "items"),
                gov.items,
                l("概要", "overview"),
                gov.overview,
                l("マネジメント目標", "management objectives"),
                man.objectives,
                l("項目", "items"),
                man.items,
                l("統制目標", "control objectives"),
                stats.objectives,
                l("詳細管理策", "detailed controls"),
                stats.details
            ),
            format!(
                "{}: {}; {}: {}; {}: {}",
                l("名称なし", "untitled"),
                c.untitled,
                l("基本言明要件フラグ(B)", "basic flags (B)"),
                c.basic_flags,
                l("クラウドフラグ(P)", "cloud flags (P)"),
                c.cloud_flags
            ),
        ];
        if stats.is_incomplete() {
            out.push(l(
                "不足: 詳細管理策の大半(管理基準の別表に約1,100件): 完全な一覧は公式の管理基準ワークブックから `ismap-gap catalog import` で取り込むしかありません",
                "lacks: most detailed controls (the criteria's attached table lists about 1,100): the full list comes only through `ismap-gap catalog import` of the official workbook",
            ).to_owned());
        }
        out.push(l(
            "参考: ガバナンス基準の項目は管理基準本文(2022-04-01版)で18件。全体1,159件は2023年にコンサルティング会社が公表した件数で、公式の数字ではありません",
            "for comparison: the text of the criteria (2022-04-01) has 18 governance items; 1,159 items in total is a count a consultancy published in 2023, not an official figure",
        ).to_owned());
        out
    };
    // a table: the lines above and below it wrapped to its width
    let table_format = format == Format::Table;
    if table_format {
        for line in lines(true) {
            table::write_wrapped(w, &line, style.width)?;
        }
    }
    render_grid(&g, format, style, w)?;
    if table_format {
        for line in lines(false) {
            table::write_wrapped(w, &line, style.width)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every fact of an embedded entry naming several sources comes from one of them, by
    /// the generator's rule: none is left without its source.
    #[test]
    fn every_fact_of_an_embedded_entry_of_several_sources_has_its_source() {
        let catalog = crate::catalog::embedded::load().expect("the embedded catalog loads");
        let mut several = 0;
        for e in catalog.entries().iter().filter(|e| e.sources.len() > 1) {
            several += 1;
            let given: Vec<Fact> = fact_sources(e, true)
                .into_iter()
                .flat_map(|s| s.facts)
                .collect();
            assert_eq!(given.len(), Fact::of(e).len(), "{}: {given:?}", e.id);
            for key in &e.sources {
                assert!(
                    EMBEDDED_FACTS.iter().any(|(k, _)| k == key),
                    "{}: source {key} has no facts known",
                    e.id
                );
            }
        }
        assert!(several > 100, "{several}");
        let e = catalog.get("9.2.1").expect("9.2.1");
        assert_eq!(
            fact_sources(e, true),
            [
                FactSource {
                    source: "iso27002-2013".into(),
                    facts: vec![Fact::Title, Fact::AnnexA, Fact::JisQ27002],
                },
                FactSource {
                    source: "nist-sp800-53r5-iso27001".into(),
                    facts: vec![Fact::NistSp80053],
                },
            ]
        );
        // a catalog file's entry: only the sources it names, no attribution made up
        assert!(fact_sources(e, false).is_empty());
    }
}
