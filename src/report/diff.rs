//! `diff` (two control lists) and `catalog diff` (two catalogs) in table, CSV, Markdown,
//! JSON and YAML, through the shared grid renderers.
use std::io::Write;

use serde::Serialize;

use crate::analysis::csp::UnknownId;
use crate::analysis::diff::{ControlChange, FactChange, ListDiff, ListSide, Stated};
use crate::catalog::diff::{CatalogDiff, InNew};
use crate::catalog::Entry;
use crate::lang::Lang;
use crate::model::Declared;
use crate::report::grid::{Grid, Tone};
use crate::report::{markdown, render_grid, table, write_json, write_yaml, Format, TextStyle};

fn field_label(field: &str, lang: Lang) -> &'static str {
    match field {
        "status" => lang.pick("状況", "status"),
        "stated_as" => lang.pick("記載元", "stated by"),
        "reason" => lang.pick("理由", "reason"),
        "reason_no_longer_given" => {
            lang.pick("非該当の理由の記載がなくなった", "reason no longer given")
        }
        "reason_now_given" => lang.pick("非該当の理由の記載が加わった", "reason now given"),
        "evidence" => lang.pick("証跡", "evidence"),
        "owner" => lang.pick("担当", "owner"),
        "date" => lang.pick("実施日", "implemented on"),
        "id" => lang.pick("ID(接尾辞)", "id (suffix)"),
        "layer" => lang.pick("層", "layer"),
        "level" => lang.pick("レベル", "level"),
        "parent" => lang.pick("親", "parent"),
        "title.ja" => lang.pick("名称(日本語)", "title (ja)"),
        "title.en" => lang.pick("名称(英語)", "title (en)"),
        "flags.basic" => lang.pick("基本言明要件", "basic"),
        "flags.cloud_provider" => lang.pick("クラウド事業者向け", "cloud provider"),
        "refs.annex_a" => lang.pick("参照: JIS Q 27001 附属書A", "refs: ISO/IEC 27001 Annex A"),
        "refs.jis_q_27002" => lang.pick("参照: JIS Q 27002", "refs: ISO/IEC 27002"),
        "refs.jis_q_27017" => lang.pick("参照: JIS Q 27017", "refs: ISO/IEC 27017"),
        "refs.nist_sp800_53" => lang.pick("参照: NIST SP 800-53", "refs: NIST SP 800-53"),
        "refs.unified_standard" => lang.pick("参照: 統一基準", "refs: unified standard"),
        "refs.iso27001_2013" => lang.pick("参照: JIS Q 27001 箇条", "refs: ISO/IEC 27001 clauses"),
        "refs.iso27014_2013" => lang.pick("参照: JIS Q 27014", "refs: ISO/IEC 27014"),
        "refs.as_printed" => lang.pick("参照: 原文の表記", "refs: as printed"),
        "sources" => lang.pick("出典", "sources"),
        _ => lang.pick("その他", "other"),
    }
}

/// Reason, evidence, owner and implementation date of one side, one per line, the empty
/// ones left out.
fn notes(s: &Stated, lang: Lang) -> String {
    [
        ("reason", &s.reason),
        ("evidence", &s.evidence),
        ("owner", &s.owner),
        ("date", &s.date),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("{}: {v}", field_label(k, lang)))
    .collect::<Vec<_>>()
    .join("\n")
}

fn change_label(c: &ControlChange, lang: Lang) -> (String, Tone) {
    match (&c.old, &c.new) {
        // a control declared not implemented, planned or not applicable where the old list
        // said nothing is no addition (review 26 B-3)
        (None, Some(n)) if n.status != Declared::Implemented => (
            lang.pick("新たに記載", "newly stated").to_owned(),
            Tone::Warn,
        ),
        (None, _) => (lang.pick("追加", "added").to_owned(), Tone::Good),
        (_, None) => (lang.pick("削除", "removed").to_owned(), Tone::Bad),
        _ => {
            // a status changed names what it is stated through in its cells; a reason for
            // not applicable no longer (or now) given is the change's kind (review 23 B-2)
            let kind = ["reason_no_longer_given", "reason_now_given"]
                .into_iter()
                .find(|k| c.fields.contains(k));
            let fields = c
                .fields
                .iter()
                .filter(|f| **f != "status" && !(c.status_changed() && **f == "stated_as"))
                .filter(|f| Some(**f) != kind && !(kind.is_some() && **f == "reason"))
                .map(|f| field_label(f, lang))
                .collect::<Vec<_>>()
                .join(", ");
            let (label, tone) = match kind {
                _ if c.status_changed() => (lang.pick("状況変更", "status changed"), Tone::Warn),
                Some(k @ "reason_no_longer_given") => (field_label(k, lang), Tone::Warn),
                Some(k) => (field_label(k, lang), Tone::Plain),
                None => (lang.pick("記載変更", "details changed"), Tone::Plain),
            };
            if fields.is_empty() {
                (label.to_owned(), tone)
            } else {
                (format!("{label} ({fields})"), tone)
            }
        }
    }
}

fn unknown_note(u: &UnknownId, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(l) = u.line {
        parts.push(match lang {
            Lang::Ja => format!("{l}行目"),
            Lang::En => format!("line {l}"),
        });
    }
    if !u.suggestions.is_empty() {
        parts.push(format!(
            "{} {}",
            lang.pick("候補:", "did you mean"),
            u.suggestions.join(", ")
        ));
    }
    parts.join("; ")
}

/// A registry fact's row label: its name as the ISMAP list labels it, with the service
/// inherited from (`inherits.renewal_deadline` → `登録の更新期限 (継承元)`).
fn fact_label(f: &FactChange, lang: Lang) -> String {
    let depth = f.field.matches("inherits.").count();
    let field = f.field.rsplit('.').next().unwrap_or(&f.field);
    let label = crate::model::registry_field_label(field, lang);
    if depth == 0 {
        label.to_owned()
    } else {
        format!("{label} ({})", lang.pick("継承元", "inherited from"))
    }
}

fn list_grid(d: &ListDiff, lang: Lang) -> Grid {
    let l = |ja, en| lang.pick(ja, en);
    let mut g = Grid::new([
        l("ID", "id"),
        l("名称", "title"),
        l("変更", "change"),
        l("旧状況", "old status"),
        l("新状況", "new status"),
        l("旧 備考", "old notes"),
        l("新 備考", "new notes"),
    ]);
    g.tone_column = Some(2);
    // a state stated through other ids names them, as readiness's 記載元 does; the side
    // of an id added or removed says it did not list it (`記載なし → 未実施`, review 26 B-3)
    let not_listed = lang.pick("記載なし", "not listed");
    let status = |s: &Option<Stated>| {
        s.as_ref()
            .map(|s| {
                // not applicable without a reason says so, as report and readiness judge it
                let label = if s.reason_given == Some(false) {
                    lang.pick("非該当(理由なし)", "not applicable (no reason)")
                } else {
                    s.status.label(lang)
                };
                match &s.stated_as {
                    None => label.to_owned(),
                    Some(by) => format!(
                        "{label} ({})",
                        crate::report::readiness::stated_by(None, Some(by), lang)
                    ),
                }
            })
            .unwrap_or_else(|| not_listed.to_owned())
    };
    let note = |s: &Option<Stated>| s.as_ref().map(|s| notes(s, lang)).unwrap_or_default();
    // registry facts first: they decide whether any statement may be relied on
    for f in &d.registry {
        let none = || lang.pick("(記載なし)", "(not stated)").to_owned();
        g.push(
            vec![
                fact_label(f, lang),
                f.service.clone(),
                l("登録情報の変更", "registry fact changed").to_owned(),
                String::new(),
                String::new(),
                f.old.clone().unwrap_or_else(none),
                f.new.clone().unwrap_or_else(none),
            ],
            Tone::Alert,
        );
    }
    for c in d.all_changes() {
        let (label, tone) = change_label(c, lang);
        g.push(
            vec![
                c.id.clone(),
                c.title.clone(),
                label,
                status(&c.old),
                status(&c.new),
                note(&c.old),
                note(&c.new),
            ],
            tone,
        );
    }
    for (unknown, old_side) in [(&d.old.unknown, true), (&d.new.unknown, false)] {
        for u in unknown {
            let text = unknown_note(u, lang);
            let (old_note, new_note) = if old_side {
                (text, String::new())
            } else {
                (String::new(), text)
            };
            let label = if old_side {
                l("カタログにないID (旧)", "unknown id (old)")
            } else {
                l("カタログにないID (新)", "unknown id (new)")
            };
            g.push(
                vec![
                    u.id.clone(),
                    String::new(),
                    label.to_owned(),
                    String::new(),
                    String::new(),
                    old_note,
                    new_note,
                ],
                Tone::Alert,
            );
        }
    }
    g
}

/// A diff drawn as text: the grid, and for a table the lines above and below it.
struct Drawn {
    grid: Grid,
    heading: String,
    summary: String,
}

/// What both diffs share: JSON or YAML of the model; else the grid, and for a table a
/// heading above it, "no differences" instead of an empty grid, and the summary below.
fn render_diff<T: Serialize>(
    model: &T,
    drawn: Drawn,
    lang: Lang,
    format: Format,
    style: TextStyle,
    w: &mut dyn Write,
) -> anyhow::Result<()> {
    let Drawn {
        grid,
        heading,
        summary,
    } = drawn;
    let none = lang.pick("差分はありません", "no differences");
    match format {
        Format::Json => return write_json(w, model, style),
        Format::Yaml => return write_yaml(w, model),
        Format::Table => {}
        // a document: the heading, warnings and counts above the table, as in `report`
        Format::Md => {
            markdown::bullets(heading.lines().chain([summary.as_str()]), w)?;
            writeln!(w)?;
            if grid.rows.is_empty() {
                writeln!(w, "{none}")?;
                return Ok(());
            }
            return markdown::render(&grid, w);
        }
        _ => return render_grid(&grid, format, style, w),
    }
    for line in heading.lines() {
        table::write_wrapped(w, line, style.width)?;
    }
    if grid.rows.is_empty() {
        writeln!(w, "{none}")?;
    } else {
        render_grid(&grid, format, style, w)?;
    }
    table::write_wrapped(w, &summary, style.width)?;
    Ok(())
}

/// A warning's side in words: `旧`, `新`, `旧と新`.
fn side_label(side: &str, lang: Lang) -> &'static str {
    match side {
        "old" => lang.pick("旧", "old"),
        "new" => lang.pick("新", "new"),
        _ => lang.pick("旧と新", "old and new"),
    }
}

/// The list's name when it is not its file's (a profile's name): shown before the file,
/// which alone is shown otherwise (review 20 D-1: `st-old.csv (st-old.csv)`).
fn list_name(s: &ListSide) -> Option<&str> {
    let file = std::path::Path::new(&s.source)
        .file_name()
        .map(|f| f.to_string_lossy());
    (file.as_deref() != Some(s.name.as_str()) && s.name != s.source).then_some(s.name.as_str())
}

/// Whether the list has a registration to speak of: it names its service, states a
/// registry fact of it (number, kind, dates, audit period), or is a published list (pasted
/// text or a table of ids alone: what a service on the ISMAP list publishes). One that is
/// none of these — a statement `readiness` wrote (which states no registry fact), a status
/// table of the CSP's own — has none: its CSV registration cells are `—`, not a "not
/// checked (no renewal deadline given)" on every row (review 20 D-1). The others say it
/// is not checked, as the heading and the JSON do (review 22 D-2: a bare pasted list was
/// `—` in the CSV, 未確認 elsewhere).
fn states_registry(s: &ListSide) -> bool {
    list_name(s).is_some() || s.published || s.registry.states_any()
}

/// The CSV is read without the heading and the summary line (review 17 D-9): rows of its
/// own come first — the lists compared (`一覧`), the counts (`集計`), each warning (its code,
/// the message in its side's notes: a registration lapsed since the last run is a row when
/// no control changed) — and every row ends with the as-of date and each side's
/// registration on it, as `report`'s CSV rows end (`失効 (ISMAP, 更新期限 2025-03-31)`).
fn csv_rows(d: &ListDiff, summary: &str, lang: Lang, grid: &mut Grid) {
    let l = |ja, en| lang.pick(ja, en);
    let list = |s: &ListSide| match list_name(s) {
        Some(name) => format!("{name} ({})", s.source),
        None => s.source.clone(),
    };
    let row = |id: &str, change: &str, old: String, new: String| {
        let mut r = vec![id.to_owned(), String::new(), change.to_owned()];
        r.extend([String::new(), String::new(), old, new]);
        r
    };
    let mut lead = vec![
        (
            row(l("一覧", "lists"), "", list(&d.old), list(&d.new)),
            Tone::Plain,
        ),
        (
            row(l("集計", "summary"), summary, String::new(), String::new()),
            Tone::Plain,
        ),
    ];
    for w in &d.warnings {
        let change = format!("{} ({})", l("警告", "warning"), side_label(w.side, lang));
        let (old, new) = match w.side {
            "old" => (w.message.clone(), String::new()),
            "new" => (String::new(), w.message.clone()),
            _ => (w.message.clone(), w.message.clone()),
        };
        lead.push((row(w.code, &change, old, new), Tone::Alert));
    }
    let (rows, tones): (Vec<_>, Vec<_>) = lead.into_iter().unzip();
    grid.rows.splice(0..0, rows);
    grid.tones.splice(0..0, tones);
    grid.headers.extend(
        [
            l("基準日", "as of"),
            l("旧 登録の状態", "old registration"),
            l("新 登録の状態", "new registration"),
        ]
        .map(str::to_owned),
    );
    let registration = |s: &ListSide| {
        if states_registry(s) {
            crate::report::gap::registration_cell(&s.registry, lang)
        } else {
            "—".to_owned()
        }
    };
    let basis = [
        d.as_of.to_string(),
        registration(&d.old),
        registration(&d.new),
    ];
    for row in &mut grid.rows {
        row.extend(basis.iter().cloned());
    }
}

/// `ismap-gap diff OLD NEW`.
pub fn render_list_diff(
    d: &ListDiff,
    lang: Lang,
    format: Format,
    style: TextStyle,
    w: &mut dyn Write,
) -> anyhow::Result<()> {
    let l = |ja, en| lang.pick(ja, en);
    let side = |s: &ListSide| {
        // `—` for a list with no registration to speak of, as the CSV says (review 26 E-2)
        let registration = if states_registry(s) {
            s.registration.label(lang)
        } else {
            "—"
        };
        match list_name(s) {
            Some(name) => format!("{name} ({}; {registration})", s.source),
            None => format!("{} ({registration})", s.source),
        }
    };
    let mut heading = format!(
        "{}: {} → {}: {} ({} {})",
        l("旧", "old"),
        side(&d.old),
        l("新", "new"),
        side(&d.new),
        l("基準日", "as of"),
        d.as_of
    );
    for w in &d.warnings {
        let side = side_label(w.side, lang);
        heading.push_str(&format!(
            "\n{} ({side}): {}",
            l("警告", "WARNING"),
            w.message
        ));
    }
    let s = &d.summary;
    // the ids stated only through their objective or items (a statement readiness wrote:
    // its 記載元 rows) are counted apart, so that the counts add up (review 20 D-1)
    // and those stated on one side only, through the id they were added or removed with,
    // apart (review 22 D-1)
    let through: String = [
        (
            l("記載元による項目", "stated through another id"),
            s.stated_through_only,
        ),
        (
            l("記載元とともに追加", "added with the id stating them"),
            s.added_through,
        ),
        (
            l("記載元とともに削除", "removed with the id stating them"),
            s.removed_through,
        ),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(label, n)| format!(", {label} {n} ({})", l("件数に含めない", "not counted")))
    .collect();
    // ids newly stated not implemented, planned or not applicable: apart from the added
    // ones (review 26 B-3), named only when there are some
    let newly = if s.newly_stated_not_implemented > 0 {
        format!(
            ", {} {}",
            l(
                "新たに未実施・計画中・非該当と記載",
                "newly stated not implemented, planned or not applicable"
            ),
            s.newly_stated_not_implemented
        )
    } else {
        String::new()
    };
    let summary = format!(
        "{} {}{newly}, {} {}, {} {}, {} {}, {} {}{through}, {} {}; {}: {} {}, {} {}",
        l("追加", "added"),
        s.added,
        l("削除", "removed"),
        s.removed,
        l("状況変更", "status changed"),
        s.status_changed,
        l("記載変更", "details changed"),
        s.details_changed,
        l("変更なし", "unchanged"),
        s.unchanged,
        l("登録情報の変更", "registry facts changed"),
        s.registry_changed,
        l("カタログにないID", "unknown ids"),
        l("旧", "old"),
        s.unknown_old,
        l("新", "new"),
        s.unknown_new
    );
    let mut grid = list_grid(d, lang);
    if format == Format::Csv {
        csv_rows(d, &summary, lang, &mut grid);
    }
    let drawn = Drawn {
        grid,
        heading,
        summary,
    };
    render_diff(d, drawn, lang, format, style, w)
}

fn placement(e: &Entry, lang: Lang) -> String {
    match &e.parent {
        Some(p) => format!(
            "{}; {}: {p}",
            e.level.label(lang),
            field_label("parent", lang)
        ),
        None => e.level.label(lang).to_owned(),
    }
}

fn catalog_grid(d: &CatalogDiff, lang: Lang) -> Grid {
    let l = |ja, en| lang.pick(ja, en);
    let mut g = Grid::new([
        l("ID", "id"),
        l("名称", "title"),
        l("変更", "change"),
        l("項目", "field"),
        l("旧", "old"),
        l("新", "new"),
    ]);
    g.tone_column = Some(2);
    for row in &d.in_new_order {
        match *row {
            InNew::Added(i) => {
                let Some(e) = d.added.get(i) else { continue };
                g.push(
                    vec![
                        e.id.clone(),
                        e.title(lang).to_owned(),
                        l("追加", "added").to_owned(),
                        String::new(),
                        String::new(),
                        placement(e, lang),
                    ],
                    Tone::Good,
                );
            }
            InNew::Changed(i) => {
                let Some(c) = d.changed.get(i) else { continue };
                for f in &c.changes {
                    g.push(
                        vec![
                            c.id.clone(),
                            c.entry.title(lang).to_owned(),
                            l("変更", "changed").to_owned(),
                            field_label(f.field, lang).to_owned(),
                            f.old.display(),
                            f.new.display(),
                        ],
                        Tone::Warn,
                    );
                }
            }
        }
    }
    for e in &d.removed {
        g.push(
            vec![
                e.id.clone(),
                e.title(lang).to_owned(),
                l("削除", "removed").to_owned(),
                String::new(),
                placement(e, lang),
                String::new(),
            ],
            Tone::Bad,
        );
    }
    g
}

/// `ismap-gap catalog diff OLD NEW`.
pub fn render_catalog_diff(
    d: &CatalogDiff,
    lang: Lang,
    format: Format,
    style: TextStyle,
    w: &mut dyn Write,
) -> anyhow::Result<()> {
    let l = |ja, en| lang.pick(ja, en);
    let heading = format!(
        "{}: {} {} ({}) → {}: {} {} ({})",
        l("旧", "old"),
        d.old.name,
        d.old.version,
        d.old.origin,
        l("新", "new"),
        d.new.name,
        d.new.version,
        d.new.origin
    );
    let s = &d.summary;
    let summary = format!(
        "{} {}, {} {}, {} {}, {} {}",
        l("追加", "added"),
        s.added,
        l("削除", "removed"),
        s.removed,
        l("変更", "changed"),
        s.changed,
        l("変更なし", "unchanged"),
        s.unchanged
    );
    let drawn = Drawn {
        grid: catalog_grid(d, lang),
        heading,
        summary,
    };
    render_diff(d, drawn, lang, format, style, w)
}
