//! The generator of `catalog/controls.yaml`, `catalog/governance.yaml` and
//! `catalog/management.yaml` from the reference CSVs in `catalog/reference/`. Pure: CSV
//! text in, YAML text out. `tests/catalog_data.rs` checks that the committed files are
//! exactly what this produces (and rewrites them with `ISMAP_GAP_REGENERATE=1`).
use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::catalog::id::IsmapId;
use crate::catalog::model::{is_clause_ref, Flags};
use crate::catalog::resolve::parse_nist;

const HEADER: &str = "\
# GENERATED from catalog/reference/*.csv by src/catalog/generate.rs: do not edit by hand.
# Regenerate with: ISMAP_GAP_REGENERATE=1 cargo test --test catalog_data
#
# Control-measure criteria (管理策基準): the clauses, categories and control objectives of
# ISO/IEC 27002:2013 (JIS Q 27002:2014 numbering) with their short titles, the ISO/IEC
# 27017 cloud-provider categories and objectives (`.P`), NIST SP 800-53 Rev.5
# cross-references from NIST's mapping to ISO/IEC 27001:2013 Annex A (`*` = NIST marks the
# relationship as partial), and the detailed controls ISMAP管理基準 marks B or PB or added in
# its 2024-07 revision (ids and suffix flags only: no source gives their headings). Short
# titles only: no control text.
entries:
";

/// The source key of each `source` text of `ismap-structure.csv`, by how the text starts.
const STRUCTURE_SOURCES: [(&str, &str); 2] = [
    (
        "ISMAP Control Criteria, English reference translation, 2022-04-01 edition",
        "ismap-criteria-2022-en",
    ),
    (
        "ISMAP管理基準 revision of 2024-07",
        "ismap-revision-2024-07",
    ),
];

/// The chapter headings of the governance and management layers: id, Japanese and English
/// title (public descriptions of the scheme, source `ismap-structure`).
const CHAPTERS: [(&str, &str, &str, &str); 2] = [
    ("governance", "3", "ガバナンス基準", "Governance criteria"),
    ("management", "4", "マネジメント基準", "Management criteria"),
];

/// Standards whose clause numbers `iso_ref` names, and the cross-reference field of each.
const CLAUSE_STANDARDS: [(&str, &str); 2] = [
    ("ISO/IEC 27001:2013", "iso27001_2013"),
    ("ISO/IEC 27014:2013", "iso27014_2013"),
];

#[derive(Default)]
struct Row {
    id: String,
    level: &'static str,
    parent: Option<String>,
    ja: String,
    en: String,
    flags: Flags,
    annex_a: Option<String>,
    jis_q_27002: Option<String>,
    cld: Option<String>,
    nist: Vec<(String, bool)>,
    sources: Vec<&'static str>,
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn records(name: &str, text: &str) -> Result<Vec<csv::StringRecord>, String> {
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    rdr.records()
        .map(|r| r.map_err(|e| format!("{name}: {e}")))
        .collect()
}

fn level_of(name: &str, id: &str, level: &str) -> Result<&'static str, String> {
    match level {
        "clause" => Ok("clause"),
        "category" => Ok("category"),
        "control" => Ok("objective"),
        other => Err(format!("{name}: {id}: unknown level '{other}'")),
    }
}

fn parent_of(id: &str) -> Option<String> {
    let numbers = id.strip_suffix(".P").unwrap_or(id);
    numbers.rsplit_once('.').map(|(p, _)| p.to_owned())
}

/// Natural order: by numbers, then without suffix before with.
fn sort_key(id: &str) -> (Vec<u32>, String) {
    let parsed = IsmapId::parse(id);
    (
        parsed.as_ref().map(|p| p.parts.clone()).unwrap_or_default(),
        parsed.and_then(|p| p.suffix).unwrap_or_default(),
    )
}

fn nist_key(control: &str) -> (String, u32, u32) {
    let (full, _) = parse_nist(control).unwrap_or_default();
    let (family, rest) = full.split_once('-').unwrap_or(("", ""));
    let (n, e) = rest.split_once('(').unwrap_or((rest, ""));
    (
        family.to_owned(),
        n.parse().unwrap_or(0),
        e.trim_end_matches(')').parse().unwrap_or(0),
    )
}

/// One row of `ismap-structure.csv`.
struct StructureRow {
    id: String,
    layer: String,
    level: String,
    parent: String,
    title_en: String,
    iso_ref: String,
    suffix: String,
    source: &'static str,
}

fn structure_rows(text: &str) -> Result<Vec<StructureRow>, String> {
    const NAME: &str = "ismap-structure.csv";
    records(NAME, text)?
        .into_iter()
        .map(|r| {
            let field = |i: usize| r.get(i).unwrap_or("").trim().to_owned();
            let id = field(0);
            let source_text = field(7);
            let source = STRUCTURE_SOURCES
                .iter()
                .find(|(start, _)| source_text.starts_with(start))
                .map(|(_, key)| *key)
                .ok_or_else(|| format!("{NAME}: {id}: unknown source '{source_text}'"))?;
            let parsed = IsmapId::parse(&id)
                .filter(|p| p.canonical() == id)
                .ok_or_else(|| format!("{NAME}: '{id}' is not a canonical ISMAP id"))?;
            let suffix = field(6);
            if parsed.suffix.as_deref().unwrap_or("") != suffix {
                return Err(format!(
                    "{NAME}: {id}: suffix column '{suffix}' disagrees with the id"
                ));
            }
            Ok(StructureRow {
                id,
                layer: field(1),
                level: field(2),
                parent: field(3),
                title_en: field(4),
                iso_ref: field(5),
                suffix,
                source,
            })
        })
        .collect()
}

/// The cross-references an `iso_ref` cell gives: (field, value) pairs, the clause numbers
/// under their standard's field, anything printed otherwise under `as_printed`.
fn clause_refs(id: &str, iso_ref: &str) -> Result<Vec<(&'static str, String)>, String> {
    let text = iso_ref.trim();
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let (standard, field) = CLAUSE_STANDARDS
        .iter()
        .find(|(name, _)| text.starts_with(name))
        .ok_or_else(|| format!("ismap-structure.csv: {id}: unknown standard in '{text}'"))?;
    let rest = &text[standard.len()..];
    Ok(rest
        .split('/')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            if is_clause_ref(part) {
                (*field, part.to_owned())
            } else {
                ("as_printed", format!("{standard} {part}"))
            }
        })
        .collect())
}

fn level_name(id: &str, level: &str) -> Result<&'static str, String> {
    Ok(match level {
        "clause" => "clause",
        "category" => "category",
        "overview" => "overview",
        "objective" => "objective",
        "detail" => "detail",
        other => {
            return Err(format!(
                "ismap-structure.csv: {id}: unknown level '{other}'"
            ))
        }
    })
}

/// Builds `governance.yaml` or `management.yaml` (`layer`) from `ismap-structure.csv`:
/// the chapter heading, then every category, overview, objective and item of the layer in
/// the order of the file, with short English headings, ISO/IEC 27001/27014 cross-references
/// and their source.
pub fn layer_yaml(layer: &str, structure: &str) -> Result<String, String> {
    let (_, chapter, ja, en) = CHAPTERS
        .iter()
        .find(|(l, ..)| *l == layer)
        .ok_or_else(|| format!("no chapter heading known for layer '{layer}'"))?;
    let mut out = format!(
        "# GENERATED from catalog/reference/ismap-structure.csv by src/catalog/generate.rs: do not\n\
         # edit by hand. Regenerate with: ISMAP_GAP_REGENERATE=1 cargo test --test catalog_data\n\
         #\n\
         # The {layer} criteria of ISMAP管理基準 (chapter {chapter}): every category, objective and\n\
         # item of the 2022-04-01 text, with the short English headings and the cross-references\n\
         # of the official English reference translation. No source gives Japanese headings:\n\
         # they are left out, never made up. No criteria text.\n\
         entries:\n"
    );
    let _ = writeln!(out, "  - id: {}", quote(chapter));
    let _ = writeln!(out, "    layer: {layer}");
    let _ = writeln!(out, "    level: clause");
    let _ = writeln!(out, "    title: {{ja: {}, en: {}}}", quote(ja), quote(en));
    let _ = writeln!(out, "    sources: [ismap-structure]");
    for r in structure_rows(structure)?
        .iter()
        .filter(|r| r.layer == layer)
    {
        let level = level_name(&r.id, &r.level)?;
        let _ = writeln!(out, "  - id: {}", quote(&r.id));
        let _ = writeln!(out, "    layer: {layer}");
        let _ = writeln!(out, "    level: {level}");
        let _ = writeln!(out, "    parent: {}", quote(&r.parent));
        if !r.title_en.is_empty() {
            let _ = writeln!(out, "    title: {{en: {}}}", quote(&r.title_en));
        }
        write_flags(&mut out, Flags::from_suffix(Some(&r.suffix)));
        let refs = clause_refs(&r.id, &r.iso_ref)?;
        if !refs.is_empty() {
            let _ = writeln!(out, "    refs:");
            for field in ["iso27001_2013", "iso27014_2013", "as_printed"] {
                let values: Vec<String> = refs
                    .iter()
                    .filter(|(f, _)| *f == field)
                    .map(|(_, v)| quote(v))
                    .collect();
                if !values.is_empty() {
                    let _ = writeln!(out, "      {field}: [{}]", values.join(", "));
                }
            }
        }
        let _ = writeln!(out, "    sources: [{}]", r.source);
    }
    Ok(out)
}

fn write_flags(out: &mut String, flags: Flags) {
    let mut set = Vec::new();
    if flags.basic {
        set.push("basic: true");
    }
    if flags.cloud_provider {
        set.push("cloud_provider: true");
    }
    if !set.is_empty() {
        let _ = writeln!(out, "    flags: {{{}}}", set.join(", "));
    }
}

/// Builds `controls.yaml` from the reference CSVs: ISO/IEC 27002:2013, 27017, NIST's
/// mapping, and the control-measure rows of `ismap-structure.csv` (the `.P` objectives,
/// checked against 27017, and the detailed controls).
pub fn controls_yaml(
    iso27002: &str,
    iso27017: &str,
    nist: &str,
    structure: &str,
) -> Result<String, String> {
    let mut rows: Vec<Row> = Vec::new();
    for r in records("iso27002-2013.csv", iso27002)? {
        let id = r[0].to_owned();
        let level = level_of("iso27002-2013.csv", &id, &r[1])?;
        rows.push(Row {
            parent: parent_of(&id),
            annex_a: Some(format!("A.{id}")),
            jis_q_27002: Some(id.clone()),
            en: r[2].to_owned(),
            ja: r[3].to_owned(),
            level,
            id,
            sources: vec!["iso27002-2013"],
            ..Row::default()
        });
    }
    for r in records("iso27017-2015-cld.csv", iso27017)? {
        let cld = r[0].to_owned();
        let number = cld
            .strip_prefix("CLD.")
            .ok_or_else(|| format!("iso27017-2015-cld.csv: '{cld}' does not start with CLD."))?;
        let level = level_of("iso27017-2015-cld.csv", &cld, &r[1])?;
        let id = if level == "objective" {
            format!("{number}.P")
        } else {
            number.to_owned()
        };
        rows.push(Row {
            parent: parent_of(&id),
            cld: Some(cld.clone()),
            flags: Flags::from_suffix(Some("P")),
            en: r[2].to_owned(),
            ja: r[3].to_owned(),
            level,
            id,
            sources: vec!["iso27017-2015"],
            ..Row::default()
        });
    }
    let mut mapping: BTreeMap<String, Vec<(String, bool)>> = BTreeMap::new();
    for r in records("nist-sp800-53r5-to-iso27001-2013.csv", nist)? {
        let annex = r[0].to_owned();
        let control = r[1].to_owned();
        if parse_nist(&control).is_none() {
            return Err(format!("nist mapping: malformed control '{control}'"));
        }
        let partial = r[3].contains("asterisk");
        let list = mapping.entry(annex).or_default();
        match list.iter_mut().find(|(c, _)| *c == control) {
            Some(existing) => existing.1 &= partial,
            None => list.push((control, partial)),
        }
    }
    for (annex, mut controls) in mapping {
        let row = rows
            .iter_mut()
            .find(|r| r.annex_a.as_deref() == Some(annex.as_str()) && r.level == "objective")
            .ok_or_else(|| format!("nist mapping names {annex}, which is no 27002 control"))?;
        controls.sort_by_key(|(c, _)| nist_key(c));
        row.nist = controls;
        row.sources.push("nist-sp800-53r5-iso27001");
    }
    for r in structure_rows(structure)?
        .into_iter()
        .filter(|r| r.layer == "control")
    {
        match level_name(&r.id, &r.level)? {
            "objective" => {
                let row = rows
                    .iter_mut()
                    .find(|x| x.id == r.id && x.level == "objective")
                    .ok_or_else(|| {
                        format!("ismap-structure.csv: objective {} is not among the 27002/27017 controls", r.id)
                    })?;
                if row.parent.as_deref() != Some(r.parent.as_str())
                    || row.flags != Flags::from_suffix(Some(&r.suffix))
                {
                    return Err(format!(
                        "ismap-structure.csv: objective {} disagrees with 27017 on its parent or flags",
                        r.id
                    ));
                }
                row.sources.push(r.source);
            }
            "detail" => {
                if !rows
                    .iter()
                    .any(|x| x.id == r.parent && x.level == "objective")
                {
                    return Err(format!(
                        "ismap-structure.csv: detail {} names parent {}, which is no control objective",
                        r.id, r.parent
                    ));
                }
                rows.push(Row {
                    parent: Some(r.parent),
                    flags: Flags::from_suffix(Some(&r.suffix)),
                    level: "detail",
                    id: r.id,
                    sources: vec![r.source],
                    ..Row::default()
                });
            }
            other => {
                return Err(format!(
                    "ismap-structure.csv: {}: a control-measure row at level {other}",
                    r.id
                ))
            }
        }
    }
    rows.sort_by_key(|r| sort_key(&r.id));

    let mut out = String::from(HEADER);
    for r in &rows {
        let _ = writeln!(out, "  - id: {}", quote(&r.id));
        let _ = writeln!(out, "    layer: control");
        let _ = writeln!(out, "    level: {}", r.level);
        if let Some(p) = &r.parent {
            let _ = writeln!(out, "    parent: {}", quote(p));
        }
        if !(r.ja.is_empty() && r.en.is_empty()) {
            let _ = writeln!(out, "    title:");
            let _ = writeln!(out, "      ja: {}", quote(&r.ja));
            let _ = writeln!(out, "      en: {}", quote(&r.en));
        }
        write_flags(&mut out, r.flags);
        let has_refs =
            r.annex_a.is_some() || r.jis_q_27002.is_some() || r.cld.is_some() || !r.nist.is_empty();
        if has_refs {
            let _ = writeln!(out, "    refs:");
        }
        let list = |items: &[String]| {
            items
                .iter()
                .map(|s| quote(s))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if let Some(a) = &r.annex_a {
            let _ = writeln!(out, "      annex_a: [{}]", list(std::slice::from_ref(a)));
        }
        if let Some(j) = &r.jis_q_27002 {
            let _ = writeln!(
                out,
                "      jis_q_27002: [{}]",
                list(std::slice::from_ref(j))
            );
        }
        if let Some(c) = &r.cld {
            let _ = writeln!(
                out,
                "      jis_q_27017: [{}]",
                list(std::slice::from_ref(c))
            );
        }
        if !r.nist.is_empty() {
            let ids: Vec<String> = r
                .nist
                .iter()
                .map(|(c, p)| format!("{c}{}", if *p { "*" } else { "" }))
                .collect();
            let _ = writeln!(out, "      nist_sp800_53: [{}]", list(&ids));
        }
        let _ = writeln!(out, "    sources: [{}]", r.sources.join(", "));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generates_objectives_with_nist_and_cloud_controls() {
        let iso = "number,level,title_en,title_ja\n9,clause,Access control,アクセス制御\n\
                   9.2,category,User access management,利用者アクセスの管理\n\
                   9.2.1,control,User registration,利用者登録\n";
        let cld = "number,level,title_en,title_ja\nCLD.9.2.9,control,Cloud \"x\",クラウド\n";
        let nist = "iso27001_2013,nist_sp800_53,nist_revision,source\n\
                    A.9.2.1,IA-4,rev5,T2\nA.9.2.1,AC-2,rev5,T2; asterisk in T1\n";
        let structure = "id,layer,level,parent,title_en,iso_ref,suffix,source\n\
                         9.2.9.P,control,objective,9.2,,,P,\"ISMAP Control Criteria, English reference translation, 2022-04-01 edition\"\n\
                         9.2.1.6.PB,control,detail,9.2.1,,,PB,\"ISMAP Control Criteria, English reference translation, 2022-04-01 edition\"\n";
        let y = controls_yaml(iso, cld, nist, structure).unwrap();
        assert!(y.contains("nist_sp800_53: [\"AC-2*\", \"IA-4\"]"), "{y}");
        assert!(y.contains(
            "  - id: \"9.2.9.P\"\n    layer: control\n    level: objective\n    parent: \"9.2\""
        ));
        assert!(y.contains("en: \"Cloud \\\"x\\\"\""));
        let parsed: crate::catalog::model::FragmentDoc = serde_yaml::from_str(&y).unwrap();
        let ids: Vec<&str> = parsed.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["9", "9.2", "9.2.1", "9.2.1.6.PB", "9.2.9.P"]);
        let detail = &parsed.entries[3];
        assert!(detail.flags.basic && detail.flags.cloud_provider);
        assert!(detail.title.is_empty() && detail.refs.is_empty());
        assert_eq!(detail.sources, ["ismap-criteria-2022-en"]);
        assert_eq!(
            parsed.entries[4].sources,
            ["iso27017-2015", "ismap-criteria-2022-en"]
        );
    }

    const SRC: &str = "ISMAP Control Criteria, English reference translation, 2022-04-01 edition";

    #[test]
    fn a_layer_gets_its_heading_items_and_clause_references() {
        let structure = format!(
            "id,layer,level,parent,title_en,iso_ref,suffix,source\n\
             4.4,management,category,4,Establishment,ISO/IEC 27001:2013 4,,\"{SRC}\"\n\
             4.4.8,management,objective,4.4,Risk response,ISO/IEC 27001:2013 6.,,\"{SRC}\"\n\
             4.4.8.1,management,detail,4.4.8,,ISO/IEC 27001:2013  6.1.3a) / 5.1,,\"{SRC}\"\n\
             4.4.8.2,management,detail,4.4.8,,,,\"{SRC}\"\n\
             3.1.2,governance,objective,3.1,Evaluate,ISO/IEC 27014:2013 5.3.2,,\"{SRC}\"\n"
        );
        let y = layer_yaml("management", &structure).unwrap();
        let parsed: crate::catalog::model::FragmentDoc = serde_yaml::from_str(&y).unwrap();
        let ids: Vec<&str> = parsed.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["4", "4.4", "4.4.8", "4.4.8.1", "4.4.8.2"]);
        let get = |id: &str| parsed.entries.iter().find(|e| e.id == id).unwrap();
        assert_eq!(get("4").title.ja.as_deref(), Some("マネジメント基準"));
        // the odd print is kept as printed, not read as clause 6
        assert!(get("4.4.8").refs.iso27001_2013.is_empty());
        assert_eq!(get("4.4.8").refs.as_printed, ["ISO/IEC 27001:2013 6."]);
        assert_eq!(get("4.4.8.1").refs.iso27001_2013, ["6.1.3a)", "5.1"]);
        assert!(get("4.4.8.2").refs.is_empty());
        assert_eq!(get("4.4.8").title.ja, None);
        let g = layer_yaml("governance", &structure).unwrap();
        assert!(g.contains("iso27014_2013: [\"5.3.2\"]"), "{g}");
        // a source it does not know is refused
        let bad = "id,layer,level,parent,title_en,iso_ref,suffix,source\n4.4,management,category,4,,,,somewhere\n";
        assert!(layer_yaml("management", bad)
            .unwrap_err()
            .contains("unknown source"));
    }

    #[test]
    fn rejects_a_mapping_to_a_missing_control() {
        let iso = "number,level,title_en,title_ja\n9,clause,A,B\n";
        let nist = "iso27001_2013,nist_sp800_53,nist_revision,source\nA.9.9.9,AC-2,rev5,T2\n";
        let err = controls_yaml(
            iso,
            "number,level,title_en,title_ja\n",
            nist,
            "id,layer,level,parent,title_en,iso_ref,suffix,source\n",
        )
        .unwrap_err();
        assert!(err.contains("A.9.9.9"), "{err}");
    }
}
