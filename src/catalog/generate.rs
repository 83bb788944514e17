//! The generator of `catalog/controls.yaml` from the reference CSVs in `catalog/reference/`.
//! Pure: CSV text in, YAML text out. `tests/catalog_data.rs` checks that the committed
//! file is exactly what this produces (and rewrites it with `ISMAP_GAP_REGENERATE=1`).
use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::catalog::id::IsmapId;
use crate::catalog::resolve::parse_nist;

const HEADER: &str = "\
# GENERATED from catalog/reference/*.csv by src/catalog/generate.rs: do not edit by hand.
# Regenerate with: ISMAP_GAP_REGENERATE=1 cargo test --test catalog_data
#
# Control-measure criteria (管理策基準): the clauses, categories and control objectives of
# ISO/IEC 27002:2013 (JIS Q 27002:2014 numbering) with their short titles, the ISO/IEC
# 27017 cloud-provider categories and objectives (`.P`), and NIST SP 800-53 Rev.5
# cross-references from NIST's mapping to ISO/IEC 27001:2013 Annex A (`*` = NIST marks the
# relationship as partial). Short titles only: no control text.
entries:
";

#[derive(Default)]
struct Row {
    id: String,
    level: &'static str,
    parent: Option<String>,
    ja: String,
    en: String,
    cloud: bool,
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

/// Builds `controls.yaml` from the three reference CSVs.
pub fn controls_yaml(iso27002: &str, iso27017: &str, nist: &str) -> Result<String, String> {
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
            cloud: true,
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
    rows.sort_by_key(|r| sort_key(&r.id));

    let mut out = String::from(HEADER);
    for r in &rows {
        let _ = writeln!(out, "  - id: {}", quote(&r.id));
        let _ = writeln!(out, "    layer: control");
        let _ = writeln!(out, "    level: {}", r.level);
        if let Some(p) = &r.parent {
            let _ = writeln!(out, "    parent: {}", quote(p));
        }
        let _ = writeln!(out, "    title:");
        let _ = writeln!(out, "      ja: {}", quote(&r.ja));
        let _ = writeln!(out, "      en: {}", quote(&r.en));
        if r.cloud {
            let _ = writeln!(out, "    flags: {{cloud_provider: true}}");
        }
        let _ = writeln!(out, "    refs:");
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
        let y = controls_yaml(iso, cld, nist).unwrap();
        assert!(y.contains("nist_sp800_53: [\"AC-2*\", \"IA-4\"]"), "{y}");
        assert!(y.contains(
            "  - id: \"9.2.9.P\"\n    layer: control\n    level: objective\n    parent: \"9.2\""
        ));
        assert!(y.contains("en: \"Cloud \\\"x\\\"\""));
        let parsed: crate::catalog::model::FragmentDoc = serde_yaml::from_str(&y).unwrap();
        let ids: Vec<&str> = parsed.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["9", "9.2", "9.2.1", "9.2.9.P"]);
    }

    #[test]
    fn rejects_a_mapping_to_a_missing_control() {
        let iso = "number,level,title_en,title_ja\n9,clause,A,B\n";
        let nist = "iso27001_2013,nist_sp800_53,nist_revision,source\nA.9.9.9,AC-2,rev5,T2\n";
        let err = controls_yaml(iso, "number,level,title_en,title_ja\n", nist).unwrap_err();
        assert!(err.contains("A.9.9.9"), "{err}");
    }
}
