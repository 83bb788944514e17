//! The embedded catalog data: generated file in sync with the reference CSVs, counts, and
//! every id domain.md names.
use std::path::PathBuf;

use ismap_gap::analysis::suggest::Prepared;
use ismap_gap::catalog::generate::{controls_yaml, layer_yaml};
use ismap_gap::catalog::lexicon::{self, Lexicon};
use ismap_gap::catalog::{embedded, load, Catalog, Layer, Level, Resolution};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap()
}

/// The committed generated file `rel` is `generated` (with `ISMAP_GAP_REGENERATE` set, it
/// is rewritten first); returns its text.
fn check_generated(rel: &str, generated: &str) -> String {
    let path = root().join(rel);
    if std::env::var_os("ISMAP_GAP_REGENERATE").is_some() {
        std::fs::write(&path, generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap();
    assert!(
        committed == generated,
        "{rel} is out of date: run ISMAP_GAP_REGENERATE=1 cargo test --test catalog_data"
    );
    committed
}

#[test]
fn embedded_data_is_what_the_sources_give() {
    let structure = read("catalog/reference/ismap-structure.csv");
    let generated = controls_yaml(
        &read("catalog/reference/iso27002-2013.csv"),
        &read("catalog/reference/iso27017-2015-cld.csv"),
        &read("catalog/reference/nist-sp800-53r5-to-iso27001-2013.csv"),
        &structure,
    )
    .unwrap();
    check_generated("catalog/controls.yaml", &generated);
    for layer in ["governance", "management"] {
        let generated = layer_yaml(layer, &structure).unwrap();
        check_generated(&format!("catalog/{layer}.yaml"), &generated);
    }

    // then the compiled-in JSON from the YAML files (in this test, after the YAML: with
    // ISMAP_GAP_REGENERATE both are rewritten in order)
    let doc = load::parse_doc(
        load::read_text(&root().join("catalog/ismap.yaml")).unwrap(),
        &|name| load::read_text(&root().join("catalog").join(name)),
    )
    .unwrap();
    let committed = check_generated("catalog/embedded.json", &embedded::to_json(&doc).unwrap());
    // and the binary's copy is that file
    assert_eq!(embedded::JSON, committed);
    // and the statics a run loads are that document: the Rust the generator writes for it
    // now, and written back as JSON, that file byte for byte
    check_generated("catalog/embedded-catalog.rs", &embedded::to_rust(&doc));
    assert_eq!(embedded::to_json(&embedded::doc()).unwrap(), committed);
}

/// The compiled-in term lexicon is `catalog/lexicon.yaml` as JSON.
#[test]
fn embedded_lexicon_is_what_the_yaml_gives() {
    let lexicon = Lexicon::from_yaml(&read("catalog/lexicon.yaml")).unwrap();
    let committed = check_generated("catalog/lexicon.json", &lexicon.to_json().unwrap());
    assert_eq!(lexicon::EMBEDDED_JSON, committed);
}

/// The suggester's index prepared for the embedded catalog and lexicon is what building it
/// afresh gives (so it cannot drift from the code, the catalog or the lexicon), and the
/// binary uses it for them.
#[test]
fn prepared_suggest_index_is_what_a_fresh_build_gives() {
    let catalog = Catalog::embedded().unwrap();
    let lexicon = Lexicon::embedded().unwrap();
    let generated = Prepared::build(&catalog, &lexicon).to_rust();
    // the binary compiles this file in (`include!`)
    check_generated("catalog/suggest-index.rs", &generated);
    assert!(catalog.is_embedded());
    assert!(Prepared::embedded_for(&catalog, &lexicon).is_some());
}

#[test]
fn embedded_catalog_has_the_expected_shape() {
    let c = Catalog::embedded().unwrap();
    let count = |layer: Layer, level: Level| {
        c.entries()
            .iter()
            .filter(|e| e.layer == layer && e.level == level)
            .count()
    };
    assert_eq!(count(Layer::Control, Level::Clause), 14);
    assert_eq!(count(Layer::Control, Level::Category), 35 + 2);
    assert_eq!(count(Layer::Control, Level::Objective), 114 + 7);
    assert_eq!(count(Layer::Control, Level::Detail), 31 + 4);
    assert_eq!(count(Layer::Governance, Level::Category), 1);
    assert_eq!(count(Layer::Governance, Level::Overview), 1);
    assert_eq!(count(Layer::Governance, Level::Objective), 5);
    assert_eq!(count(Layer::Governance, Level::Detail), 18);
    assert_eq!(count(Layer::Management, Level::Category), 6);
    assert_eq!(count(Layer::Management, Level::Objective), 21);
    assert_eq!(count(Layer::Management, Level::Detail), 64);
    assert!(c.has_details());
    // it holds a few detailed controls of the about 1,100: not a complete list
    assert!(!c.details_complete());
    // no invented titles: no governance/management entry has a Japanese heading but the
    // two chapter headings, no detailed control or item has any heading
    assert!(c
        .entries()
        .iter()
        .filter(|e| e.layer != Layer::Control && e.level != Level::Clause)
        .all(|e| e.title.ja.is_none()));
    assert!(c
        .entries()
        .iter()
        .filter(|e| e.level == Level::Detail)
        .all(|e| e.title.is_empty()));
    // every entry says where its facts come from
    assert!(c.entries().iter().all(|e| !e.sources.is_empty()));
    assert!(c.edition.as_deref().is_some_and(|e| e.contains("2024-07")));
}

/// The embedded catalog against the copy of the structure kept in the repository: every
/// row is an entry with its level, parent, heading, cross-references, flags and source.
#[test]
fn the_structure_reference_is_in_the_catalog_as_printed() {
    let c = Catalog::embedded().unwrap();
    let text = read("catalog/reference/ismap-structure.csv");
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let mut rows = 0;
    for r in rdr.records() {
        let r = r.unwrap();
        rows += 1;
        let (id, layer, level, parent, title, iso_ref, suffix, source) =
            (&r[0], &r[1], &r[2], &r[3], &r[4], r[5].trim(), &r[6], &r[7]);
        let e = c.get(id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(e.layer.as_str(), layer, "{id}");
        assert_eq!(e.level.as_str(), level, "{id}");
        assert_eq!(e.parent.as_deref(), Some(parent), "{id}");
        if !title.is_empty() {
            assert_eq!(e.title.en.as_deref(), Some(title), "{id}");
        }
        assert_eq!(e.flags.basic, suffix.contains('B'), "{id}");
        assert_eq!(e.flags.cloud_provider, suffix.contains('P'), "{id}");
        let key = if source.starts_with("ISMAP Control Criteria") {
            "ismap-criteria-2022-en"
        } else {
            "ismap-revision-2024-07"
        };
        assert!(e.sources.iter().any(|s| s == key), "{id}");
        // the clause numbers, each kept as printed, or the whole print when it is none
        let refs = &e.refs;
        let mut got: Vec<String> = refs
            .iso27001_2013
            .iter()
            .chain(&refs.iso27014_2013)
            .cloned()
            .collect();
        got.extend(refs.as_printed.iter().map(|p| {
            p.rsplit_once(' ')
                .map(|(_, clause)| clause.to_owned())
                .unwrap_or_default()
        }));
        let want: Vec<String> = iso_ref
            .split_once(":2013")
            .map(|(_, rest)| rest.split('/').map(|p| p.trim().to_owned()).collect())
            .unwrap_or_default();
        let (mut got, mut want) = (got, want);
        got.sort();
        want.sort();
        assert_eq!(got, want, "{id}");
    }
    assert_eq!(rows, 158);
    // the two odd prints are kept, and not read as clauses
    assert_eq!(
        c.get("4.4.8").unwrap().refs.as_printed,
        ["ISO/IEC 27001:2013 6."]
    );
    assert_eq!(
        c.get("4.5.5").unwrap().refs.as_printed,
        ["ISO/IEC 27001:2013 8.2.8.3"]
    );
    assert_eq!(c.get("4.4.7").unwrap().refs.iso27001_2013, ["6.1.2"]);
    assert_eq!(c.get("3.1.2").unwrap().refs.iso27014_2013, ["5.3.2"]);
}

#[test]
fn cloud_objectives_and_nist_refs_are_attached() {
    let c = Catalog::embedded().unwrap();
    for id in [
        "6.3.1.P", "8.1.5.P", "9.5.1.P", "9.5.2.P", "12.1.5.P", "12.4.5.P", "13.1.4.P",
    ] {
        let e = c.get(id).unwrap_or_else(|| panic!("{id} missing"));
        assert!(e.flags.cloud_provider, "{id}");
        assert_eq!(
            e.refs.jis_q_27017,
            [format!("CLD.{}", id.trim_end_matches(".P"))]
        );
    }
    assert_eq!(c.get("6.3").unwrap().refs.jis_q_27017, ["CLD.6.3"]);
    let e = c.get("9.2.1").unwrap();
    assert_eq!(
        e.title.en.as_deref(),
        Some("User registration and de-registration")
    );
    assert!(e.refs.nist_sp800_53.iter().any(|n| n.control == "AC-2"));
    assert_eq!(e.refs.annex_a, ["A.9.2.1"]);
    // NIST's partial mark is kept
    let partial = c.get("6.1.1").unwrap();
    assert!(partial
        .refs
        .nist_sp800_53
        .iter()
        .any(|n| n.control == "CM-9" && n.partial));
    // A.18.1.4 maps to nothing in NIST's table
    assert!(c.get("18.1.4").unwrap().refs.nist_sp800_53.is_empty());
    let pairs: usize = c.entries().iter().map(|e| e.refs.nist_sp800_53.len()).sum();
    assert_eq!(pairs, 425);
}

#[test]
fn every_id_named_in_the_domain_notes_resolves() {
    let c = Catalog::embedded().unwrap();
    let mut ids: Vec<String> = Vec::new();
    for (prefix, lo, hi) in [
        ("3.1", 2, 6),
        ("4.4", 1, 8),
        ("4.5", 1, 5),
        ("4.6", 1, 3),
        ("4.7", 1, 1),
        ("4.8", 1, 2),
        ("4.9", 1, 2),
    ] {
        ids.extend((lo..=hi).map(|n| format!("{prefix}.{n}")));
    }
    ids.extend(
        [
            "6.3.1.P", "8.1.5.P", "9.5.1.P", "9.5.2.P", "12.1.5.P", "12.4.5.P", "13.1.4.P",
        ]
        .map(String::from),
    );
    ids.extend(["9.2.1", "6.1.1", "6.1.2", "8.1.1", "8.2.1"].map(String::from));
    ids.extend(["9.2.3.11.PB", "9.4.2.2.B", "8.1.5.4.P", "3.1.1", "4.4.7.2"].map(String::from));
    for id in &ids {
        match c.resolve(id) {
            Resolution::Resolved { targets, .. } => assert_eq!(targets[0].id, *id),
            other => panic!("{id} did not resolve: {other:?}"),
        }
    }
}
