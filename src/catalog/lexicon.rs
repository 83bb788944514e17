//! The term lexicon (`catalog/lexicon.yaml`, curated by the team): the words buyers use for
//! each objective, their spelling variants and the topics ISMAP does not assess; loaded
//! against the active catalog (ids it does not hold are skipped) into the [`TermIndex`]
//! that `suggest` scores with and `catalog search` searches. The binary carries it as
//! `catalog/lexicon.json` (JSON parses in a fraction of the time YAML takes, and `report`
//! loads the lexicon whenever an item has no references); `tests/catalog_data.rs` checks
//! that the JSON is exactly what the YAML gives (`ISMAP_GAP_REGENERATE=1` rewrites it).
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::catalog::id::IsmapId;
use crate::catalog::terms::{contains_word, Found, Normalizer, WordFinder};
use crate::catalog::{Catalog, Entry, Level};
use crate::lang::Lang;
use crate::text::fold_width;

/// The lexicon compiled into the binary: `catalog/lexicon.yaml` as JSON ([`Lexicon::to_json`]).
pub const EMBEDDED_JSON: &str = include_str!("../../catalog/lexicon.json");

/// What the tool says of the lexicon wherever it shows matched terms.
pub const NOTICE: &str = "matched terms come from the term lexicon curated by the ismap-gap team (catalog/lexicon.yaml), not from the text of ISMAP管理基準 or JIS/ISO standards";

/// Words in both languages (either list may be empty), and the weak ones.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    #[serde(default)]
    pub ja: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
    /// Words (either language) that point here but also often mean something else
    /// (`通知`, `notified`, `鍵`): alone they make a candidate, never a confident one
    /// ([`WEAK_WEIGHT`]); with another word of the objective they add up.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weak: Vec<String>,
}

impl Words {
    /// Every word, the weak ones last.
    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.ja.iter().chain(&self.en).chain(&self.weak)
    }
}

/// How much a weak word weighs against a word that points at one objective only (1).
pub const WEAK_WEIGHT: f64 = 0.5;

/// A label in both languages.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Label {
    pub ja: String,
    pub en: String,
}

impl Label {
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.ja, &self.en)
    }
}

/// A topic buyers check that ISMAP does not assess (data location, governing law…).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OutsideTopic {
    pub id: String,
    pub label: Label,
    #[serde(default)]
    pub ja: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
}

/// The lexicon file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    pub name: String,
    pub version: String,
    pub curated_by: String,
    /// Spellings of one word; each read as the group's first.
    #[serde(default)]
    pub variants: Vec<Vec<String>>,
    #[serde(default)]
    pub outside: Vec<OutsideTopic>,
    /// A word of the objectives' lists → words of another meaning it has: in an item that
    /// also holds one of them, the word is not counted (`training` beside `AI model` is
    /// not staff training; `鍵` beside `入退室` is a door key).
    #[serde(default)]
    pub other_senses: BTreeMap<String, Vec<String>>,
    /// Objective id → its words.
    #[serde(default)]
    pub objectives: BTreeMap<String, Words>,
}

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn embedded() -> anyhow::Result<Lexicon> {
        serde_json::from_str(EMBEDDED_JSON).map_err(|e| {
            anyhow::anyhow!("the embedded term lexicon is invalid (a build defect): {e}")
        })
    }

    pub fn from_yaml(text: &str) -> Result<Lexicon, String> {
        serde_yaml::from_str(text).map_err(|e| e.to_string())
    }

    /// The compiled-in form: pretty JSON, final newline.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        let mut text = serde_json::to_string_pretty(self)?;
        text.push('\n');
        Ok(text)
    }
}

/// Who a term stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    /// Candidate objectives, by their index in [`TermIndex::objectives`].
    Objectives(Cow<'static, [u32]>),
    /// An outside topic, by its index in [`TermIndex::topics`].
    Outside(u32),
}

/// One term, normalised: a word or phrase, or (`A+B`) words that must all occur. Its texts
/// and lists are borrowed when it comes from the index compiled in
/// (`analysis::suggest::Prepared`), owned when it was built.
#[derive(Debug, Clone)]
pub struct Term {
    /// As written in the lexicon (or the catalog title it is).
    pub display: Cow<'static, str>,
    /// Normalised parts: one for a word or phrase, two or more for `A+B`.
    pub parts: Cow<'static, [u32]>,
    pub owner: Owner,
    /// A catalog title rather than a lexicon word.
    pub title: bool,
    /// How telling it is: 1 for a term of one objective, 1/√k for a term k objectives share,
    /// times [`WEAK_WEIGHT`] for a weak one (set by the index from the owners).
    pub weight: f64,
    /// Listed as weak (see [`Words::weak`]).
    pub weak: bool,
    /// Patterns of words of another meaning (see [`Lexicon::other_senses`]): when one occurs
    /// in the text, this term does not count.
    pub not_with: Cow<'static, [u32]>,
}

/// The costly part of a [`TermIndex`]: the catalog's titles and the lexicon's words
/// normalised into terms and the patterns that find them ([`TermParts::build`]). Kept
/// apart so that it can be prepared ahead of time for the embedded catalog and lexicon
/// (`analysis::suggest::Prepared`).
#[derive(Debug, Clone)]
pub struct TermParts {
    /// Normalised strings the finder looks for (term parts).
    pub patterns: Vec<Cow<'static, str>>,
    pub terms: Vec<Term>,
    /// Lexicon ids the catalog does not hold (or not as an objective).
    pub skipped: Vec<String>,
    /// The lexicon's spelling variants (see [`Lexicon::variants`]), for the [`Normalizer`].
    pub variants: Vec<Vec<String>>,
    /// The lexicon's outside topics: id and label (see [`TermIndex::topics`]).
    pub topics: Vec<(String, Label)>,
}

/// A candidate objective.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: String,
    /// Catalog order.
    pub position: usize,
}

/// The lexicon against one catalog: normalised terms, each found by one word finder.
#[derive(Debug, Clone)]
pub struct TermIndex {
    pub normalizer: Normalizer,
    /// The objectives of the catalog, in catalog order.
    pub objectives: Vec<Candidate>,
    pub topics: Vec<(String, Label)>,
    pub terms: Vec<Term>,
    /// Normalised strings the finder looks for (term parts).
    pub patterns: Vec<Cow<'static, str>>,
    /// Per pattern: the terms that are this pattern alone.
    pattern_terms: Vec<Vec<u32>>,
    /// Per pattern: the `A+B` terms it is a part of.
    pattern_parts: Vec<Vec<u32>>,
    finder: WordFinder,
    /// Per objective: its terms (lexicon words and titles).
    pub objective_terms: Vec<Vec<u32>>,
    /// Lexicon ids the catalog does not hold (or not as an objective): skipped.
    pub skipped: Vec<String>,
    /// The patterns of the words that have another meaning (`鍵`, `バックアップ`: the
    /// shortest of the patterns with words of another meaning), for
    /// [`TermIndex::other_sense_only`].
    anchors: Vec<u32>,
}

/// The terms found in one text.
#[derive(Debug, Clone, Default)]
pub struct Hits {
    /// Term indices, each once, in the order they occur.
    pub terms: Vec<u32>,
    /// Where each term of `terms` was found (the first occurrence; `A+B` at its first part).
    pub at: Vec<usize>,
    /// Per term of `terms`, where each of its parts was found (byte ranges of the
    /// normalised text, the first occurrence of each part): `(term, start, end)`.
    pub parts: Vec<(u32, usize, usize)>,
    /// The parts of the text the lexicon explains (byte ranges of the normalised text):
    /// the words of the terms found, those not counted for a word of another meaning and
    /// those words themselves. The n-gram similarity looks only at the rest.
    pub spans: Vec<(usize, usize)>,
    /// Marks of one call of [`TermIndex::find`] (the value of `stamp` then), so that
    /// "was this pattern found", "is this term a hit" and "does a hit explain this
    /// pattern" are one look-up each: per pattern, per term, per pattern.
    stamp: u32,
    found_marks: Vec<u32>,
    hit_marks: Vec<u32>,
    explained_marks: Vec<u32>,
}

impl Hits {
    /// A new stamp for one call, the marks sized for `patterns` and `terms`.
    fn restamp(&mut self, patterns: usize, terms: usize) -> u32 {
        if self.found_marks.len() != patterns
            || self.hit_marks.len() != terms
            || self.stamp == u32::MAX
        {
            self.found_marks = vec![0; patterns];
            self.explained_marks = vec![0; patterns];
            self.hit_marks = vec![0; terms];
            self.stamp = 0;
        }
        self.stamp += 1;
        self.stamp
    }
}

impl TermIndex {
    /// Builds the index of `lexicon` against `catalog`: every objective of the catalog is a
    /// candidate, with its titles and the lexicon's words for it.
    pub fn build(catalog: &Catalog, lexicon: &Lexicon) -> TermIndex {
        let normalizer = Normalizer::new(&lexicon.variants);
        let objectives = candidates(catalog);
        let parts = TermParts::build(catalog, lexicon, &normalizer, &objectives);
        TermIndex::assemble(normalizer, objectives, parts)
    }

    /// The index against `catalog` from the [`TermParts`] built before of a lexicon and
    /// this catalog (see `analysis::suggest::Prepared`): the lexicon itself is not needed.
    pub fn with_parts(catalog: &Catalog, parts: TermParts) -> TermIndex {
        let normalizer = Normalizer::new(&parts.variants);
        TermIndex::assemble(normalizer, candidates(catalog), parts)
    }

    /// The index from its parts: weights, the look-ups from patterns and objectives to
    /// terms, and the word finder.
    fn assemble(normalizer: Normalizer, objectives: Vec<Candidate>, parts: TermParts) -> TermIndex {
        let TermParts {
            patterns,
            mut terms,
            skipped,
            variants: _,
            topics,
        } = parts;
        let mut pattern_terms = vec![Vec::new(); patterns.len()];
        let mut pattern_parts = vec![Vec::new(); patterns.len()];
        let mut objective_terms = vec![Vec::new(); objectives.len()];
        for (t, term) in terms.iter_mut().enumerate() {
            if let Owner::Objectives(owners) = &term.owner {
                term.weight =
                    1.0 / (owners.len() as f64).sqrt() * if term.weak { WEAK_WEIGHT } else { 1.0 };
                for &o in owners.iter() {
                    objective_terms[o as usize].push(t as u32);
                }
            }
            match &*term.parts {
                [one] => pattern_terms[*one as usize].push(t as u32),
                parts => {
                    for &p in parts {
                        pattern_parts[p as usize].push(t as u32);
                    }
                }
            }
        }
        // a word of another meaning: a one-pattern term with words of another meaning whose
        // pattern does not start with another such (`鍵`, not `鍵の管理`)
        let marked: Vec<u32> = (terms.iter())
            .filter(|t| !t.not_with.is_empty() && !t.title)
            .filter_map(|t| match &*t.parts {
                [one] => Some(*one),
                _ => None,
            })
            .collect();
        let mut anchors: Vec<u32> = (marked.iter().copied())
            .filter(|&p| {
                let word = &*patterns[p as usize];
                !marked.iter().any(|&q| {
                    let other = &*patterns[q as usize];
                    other.len() < word.len() && word.starts_with(other)
                })
            })
            .collect();
        anchors.sort_unstable();
        anchors.dedup();
        let finder = WordFinder::new(&patterns);
        TermIndex {
            anchors,
            normalizer,
            objectives,
            topics,
            terms,
            patterns,
            pattern_terms,
            pattern_parts,
            finder,
            objective_terms,
            skipped,
        }
    }

    /// The terms in the normalised `text`: words and phrases where they stand, the longest
    /// first and none inside another found one (`多要素認証`, not also `認証`); `A+B` terms
    /// whose parts all occur anywhere.
    pub fn find(&self, text: &str, found: &mut Vec<Found>, hits: &mut Hits) {
        hits.terms.clear();
        hits.at.clear();
        hits.parts.clear();
        hits.spans.clear();
        self.finder.find_all(text, found);
        let stamp = hits.restamp(self.patterns.len(), self.terms.len());
        for f in found.iter() {
            hits.found_marks[f.pattern] = stamp;
        }
        let mut cursor = 0;
        for f in found.iter() {
            let whole = &self.pattern_terms[f.pattern];
            if whole.is_empty() || f.start < cursor {
                continue;
            }
            cursor = f.end;
            for &t in whole {
                if hits.hit_marks[t as usize] != stamp {
                    hits.hit_marks[t as usize] = stamp;
                    hits.terms.push(t);
                    hits.at.push(f.start);
                }
            }
        }
        for f in found.iter() {
            for &t in &self.pattern_parts[f.pattern] {
                if hits.hit_marks[t as usize] == stamp {
                    continue;
                }
                let parts = &self.terms[t as usize].parts;
                if parts.iter().all(|&p| hits.found_marks[p as usize] == stamp) {
                    hits.hit_marks[t as usize] = stamp;
                    hits.terms.push(t);
                    hits.at.push(f.start);
                }
            }
        }
        // what the terms found explain, before any is dropped for another meaning
        for &t in &hits.terms {
            let term = &self.terms[t as usize];
            for &p in term.parts.iter().chain(term.not_with.iter()) {
                hits.explained_marks[p as usize] = stamp;
            }
        }
        for f in found.iter() {
            if hits.explained_marks[f.pattern] == stamp {
                hits.spans.push((f.start, f.end));
            }
        }
        // a word beside a word of another meaning it has is not counted
        let mut k = 0;
        while k < hits.terms.len() {
            if self.other_sense_only(text, found, hits.terms[k], |p| {
                hits.found_marks[p as usize] == stamp
            }) {
                hits.terms.remove(k);
                hits.at.remove(k);
            } else {
                k += 1;
            }
        }
        for (&t, &at) in hits.terms.iter().zip(&hits.at) {
            match &*self.terms[t as usize].parts {
                [one] => hits
                    .parts
                    .push((t, at, at + self.patterns[*one as usize].len())),
                parts => {
                    for &p in parts {
                        if let Some(g) = found.iter().find(|g| g.pattern == p as usize) {
                            hits.parts.push((t, g.start, g.end));
                        }
                    }
                }
            }
        }
    }

    /// Whether `term`, found in `text`, stands in another meaning there: a word of another
    /// meaning it has occurs (`ロッカー` beside `鍵`), and the word itself (its anchor,
    /// `鍵` of `鍵の管理`) does not also occur on its own. An occurrence joined to a word of
    /// the other meaning (`バックアップ電源`, `ロッカーの鍵`) is that meaning; one elsewhere
    /// in an item that also has such a joined one is the word's own meaning (review 22
    /// D-3: `データのバックアップを毎日取得し、…バックアップ電源も確保` is still about data
    /// backup). With no joined occurrence the other word is the item's context (`ログイン
    /// 画面に自社ロゴ`) and the word is not counted, as before.
    fn other_sense_only(
        &self,
        text: &str,
        found: &[Found],
        term: u32,
        is_found: impl Fn(u32) -> bool,
    ) -> bool {
        let term = &self.terms[term as usize];
        if !term.not_with.iter().any(|&p| is_found(p)) {
            return false;
        }
        let starts_term = |a: u32| {
            let anchor = &*self.patterns[a as usize];
            (term.parts.iter()).any(|&p| self.patterns[p as usize].starts_with(anchor))
        };
        let others: Vec<&Found> = (found.iter())
            .filter(|g| term.not_with.contains(&(g.pattern as u32)))
            .collect();
        let joined = |f: &Found| {
            others.iter().any(|g| {
                let (a, b) = if g.start < f.start {
                    (g.end, f.start)
                } else {
                    (f.end, g.start)
                };
                // overlapping, touching or one particle apart
                a >= b
                    || text
                        .get(a..b)
                        .is_some_and(|gap| JOINERS.contains(&gap.trim()))
            })
        };
        let (mut with_other, mut alone) = (false, false);
        for f in found {
            if self.anchors.contains(&(f.pattern as u32)) && starts_term(f.pattern as u32) {
                if joined(f) {
                    with_other = true;
                } else {
                    alone = true;
                }
            }
        }
        !(with_other && alone)
    }

    /// Catalog entries matching `query`, in catalog order: every word of the query (split
    /// at spaces) is an id (`9.2`, `8.1.5P`: the entry or those under it) or a word of the
    /// entry's titles or of the lexicon's words for it. Words match whole words, never
    /// inside another word ([`contains_word`]); spellings and inflections are folded.
    pub fn search<'c>(&self, catalog: &'c Catalog, query: &str) -> Vec<&'c Entry> {
        let folded = fold_width(query);
        let words: Vec<&str> = folded.split_whitespace().collect();
        let norm: Vec<String> = words.iter().map(|w| self.normalizer.normalize(w)).collect();
        let ids: Vec<Option<String>> = words.iter().map(|w| id_prefix(w)).collect();
        let by_id: HashMap<&str, usize> = self
            .objectives
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        catalog
            .entries()
            .iter()
            .filter(|e| {
                let mut fields: Vec<String> = [&e.title.ja, &e.title.en]
                    .into_iter()
                    .flatten()
                    .map(|t| self.normalizer.normalize(t))
                    .collect();
                if let Some(&o) = by_id.get(e.id.as_str()) {
                    for &t in &self.objective_terms[o] {
                        let term = &self.terms[t as usize];
                        let text: Vec<&str> = term
                            .parts
                            .iter()
                            .map(|&p| &*self.patterns[p as usize])
                            .collect();
                        fields.push(text.join(" "));
                    }
                }
                words.iter().enumerate().all(|(i, _)| {
                    ids[i]
                        .as_deref()
                        .is_some_and(|id| e.id == id || e.id.starts_with(&format!("{id}.")))
                        || (!norm[i].is_empty()
                            && fields.iter().any(|f| contains_word(f, &norm[i])))
                })
            })
            .collect()
    }
}

/// Every objective of the catalog, in catalog order: the candidates.
fn candidates(catalog: &Catalog) -> Vec<Candidate> {
    catalog
        .entries()
        .iter()
        .enumerate()
        .filter(|(_, e)| e.level == Level::Objective)
        .map(|(position, e)| Candidate {
            id: e.id.clone(),
            position,
        })
        .collect()
}

impl TermParts {
    /// The terms of `objectives` (the catalog's, [`candidates`]): their titles and the
    /// lexicon's words for them, the outside topics' words, and the words of another
    /// meaning, each normalised once.
    pub fn build(
        catalog: &Catalog,
        lexicon: &Lexicon,
        normalizer: &Normalizer,
        objectives: &[Candidate],
    ) -> TermParts {
        let by_id: HashMap<&str, u32> = objectives
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i as u32))
            .collect();
        let mut b = Builder {
            normalizer,
            patterns: Vec::new(),
            pattern_ids: foldhash::HashMap::default(),
            terms: Vec::new(),
            term_ids: foldhash::HashMap::default(),
        };
        let mut skipped = Vec::new();
        for (i, c) in objectives.iter().enumerate() {
            if let Some(e) = catalog.get(&c.id) {
                for t in [&e.title.ja, &e.title.en].into_iter().flatten() {
                    // a title of one English word (`Monitor`, `Direct`) says little alone
                    let one_word = {
                        let n = b.normalizer.normalize(t);
                        !n.contains(' ') && n.bytes().all(|c| c.is_ascii_alphanumeric())
                    };
                    if let Some(t) = b.add(t, Owner::Objectives(vec![i as u32].into()), true) {
                        b.terms[t as usize].weak |= one_word;
                    }
                }
            }
        }
        for (id, words) in &lexicon.objectives {
            let Some(&i) = by_id.get(id.as_str()) else {
                skipped.push(id.clone());
                continue;
            };
            for w in words.ja.iter().chain(&words.en) {
                b.add(w, Owner::Objectives(vec![i].into()), false);
            }
            for w in &words.weak {
                if let Some(t) = b.add(w, Owner::Objectives(vec![i].into()), false) {
                    b.terms[t as usize].weak = true;
                }
            }
        }
        for (k, t) in lexicon.outside.iter().enumerate() {
            for w in t.ja.iter().chain(&t.en) {
                b.add(w, Owner::Outside(k as u32), false);
            }
        }
        // words of another meaning: patterns of their own (found, never a term)
        for (word, others) in &lexicon.other_senses {
            let normalised = b.normalizer.normalize(word);
            let Some(&t) = b.term_ids.get(&(normalised.clone(), false)) else {
                continue;
            };
            let mut not_with: Vec<u32> = others
                .iter()
                .map(|o| b.normalizer.normalize(o))
                .filter(|o| !o.is_empty())
                .map(|o| b.pattern(o))
                .collect();
            not_with.sort_unstable();
            not_with.dedup();
            // the phrases of the word's own objectives that start with it (`鍵の管理`,
            // `鍵+保管` beside `鍵`) have the same other meaning (review 19 D-1: `ロッカーの
            // 鍵の管理` was 10.1.2 at 0.63); another objective's (`バックアップセンター` of
            // 17.1.2 beside 12.3.1's `バックアップ`) and a word it only ends (`暗号鍵`) not
            let owners: Vec<u32> = match &b.terms[t as usize].owner {
                Owner::Objectives(o) => o.to_vec(),
                Owner::Outside(_) => Vec::new(),
            };
            for u in 0..b.terms.len() {
                let term = &b.terms[u];
                let phrase = u != t as usize
                    && !term.title
                    && matches!(&term.owner, Owner::Objectives(o) if o.iter().any(|x| owners.contains(x)))
                    && term
                        .parts
                        .iter()
                        .any(|&p| b.patterns[p as usize].starts_with(normalised.as_str()));
                if phrase {
                    let mut theirs = term.not_with.to_vec();
                    theirs.extend(&not_with);
                    theirs.sort_unstable();
                    theirs.dedup();
                    b.terms[u].not_with = theirs.into();
                }
            }
            b.terms[t as usize].not_with = not_with.into();
        }
        TermParts {
            patterns: b.patterns.into_iter().map(Cow::Owned).collect(),
            terms: b.terms,
            skipped,
            variants: lexicon.variants.clone(),
            topics: (lexicon.outside.iter())
                .map(|t| (t.id.clone(), t.label.clone()))
                .collect(),
        }
    }
}

/// What may stand between a word and a word of another meaning joined to it (normalised,
/// trimmed): `ロッカーの鍵`, `鍵・ロッカー`, `training of the model`.
const JOINERS: &[&str] = &[
    "", "の", "・", "用", "用の", "of", "of the", "for", "for the",
];

/// A query word that is an id or an id's beginning (`9`, `9.2`, `8.1.5P`), canonical.
fn id_prefix(word: &str) -> Option<String> {
    let w = word.trim().trim_end_matches('.');
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    IsmapId::parse(w).map(|id| id.to_string())
}

struct Builder<'n> {
    normalizer: &'n Normalizer,
    patterns: Vec<String>,
    pattern_ids: foldhash::HashMap<String, u32>,
    terms: Vec<Term>,
    /// Normalised term (parts joined with `+`) → its index, so that a term several
    /// objectives list is one term with several owners.
    term_ids: foldhash::HashMap<(String, bool), u32>,
}

impl Builder<'_> {
    fn pattern(&mut self, normalised: String) -> u32 {
        if let Some(&p) = self.pattern_ids.get(&normalised) {
            return p;
        }
        let p = self.patterns.len() as u32;
        self.pattern_ids.insert(normalised.clone(), p);
        self.patterns.push(normalised);
        p
    }

    /// Adds a term (or another owner to the same term), giving its index; `None` when
    /// the written word normalises to nothing.
    fn add(&mut self, written: &str, owner: Owner, title: bool) -> Option<u32> {
        let parts: Vec<String> = if title {
            vec![self.normalizer.normalize(written)]
        } else {
            written
                .split('+')
                .map(|p| self.normalizer.normalize(p))
                .collect()
        };
        if parts.iter().any(String::is_empty) {
            return None;
        }
        let outside = matches!(owner, Owner::Outside(_));
        let key = (parts.join("+"), outside);
        if let Some(&t) = self.term_ids.get(&key) {
            let term = &mut self.terms[t as usize];
            match (&mut term.owner, owner) {
                (Owner::Objectives(list), Owner::Objectives(more)) => {
                    for &o in more.iter() {
                        if !list.contains(&o) {
                            list.to_mut().push(o);
                        }
                    }
                }
                (existing, new) => *existing = new,
            }
            term.title &= title;
            // a lexicon word is as strong as it is listed (weak ones are marked after)
            term.weak &= title;
            return Some(t);
        }
        let parts: Vec<u32> = parts.into_iter().map(|p| self.pattern(p)).collect();
        let t = self.terms.len() as u32;
        self.term_ids.insert(key, t);
        self.terms.push(Term {
            display: Cow::Owned(written.trim().to_owned()),
            parts: parts.into(),
            owner,
            title,
            weight: 1.0,
            weak: false,
            not_with: Cow::Borrowed(&[]),
        });
        Some(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_lexicon_loads() {
        let lexicon = Lexicon::embedded().unwrap();
        assert!(lexicon.objectives.len() > 100);
        assert_eq!(lexicon.curated_by, "ismap-gap team");
    }

    /// The lexicon is words, marked as the team's, for objectives the embedded catalog
    /// holds (every control objective of clauses 5–18 and the cloud ones has some).
    #[test]
    fn the_lexicon_is_short_words_for_known_objectives() {
        let catalog = Catalog::embedded().unwrap();
        let lexicon = Lexicon::embedded().unwrap();
        assert!(
            include_str!("../../catalog/lexicon.yaml").contains("CURATED BY THE ISMAP-GAP TEAM")
        );
        assert!(include_str!("../../catalog/lexicon.yaml").contains("NOT\n# text of ISMAP管理基準"));
        for (id, words) in &lexicon.objectives {
            let e = catalog
                .get(id)
                .unwrap_or_else(|| panic!("{id} not in the catalog"));
            assert_eq!(e.level, Level::Objective, "{id}");
            assert!(words.iter().next().is_some(), "{id} has no words");
            for w in words.iter() {
                assert!(
                    !w.trim().is_empty() && w.chars().count() <= 40,
                    "{id}: {w:?}"
                );
                assert!(!w.contains(['。', '、']), "{id}: a sentence? {w:?}");
            }
        }
        for e in catalog.entries() {
            if e.level == Level::Objective && e.layer == crate::catalog::Layer::Control {
                assert!(
                    lexicon.objectives.contains_key(&e.id),
                    "{} has no words",
                    e.id
                );
            }
        }
        for group in &lexicon.variants {
            assert!(group.len() >= 2, "{group:?}");
        }
        let index = TermIndex::build(&catalog, &lexicon);
        assert!(index.skipped.is_empty(), "{:?}", index.skipped);
    }

    /// A word is weak or not wherever it is listed (it is one term, one weight), and
    /// every word given other meanings is a word of the lists.
    #[test]
    fn weak_words_and_other_meanings_are_consistent() {
        let catalog = Catalog::embedded().unwrap();
        let lexicon = Lexicon::embedded().unwrap();
        let index = TermIndex::build(&catalog, &lexicon);
        let norm = |w: &String| index.normalizer.normalize(w);
        let strong: Vec<String> = lexicon
            .objectives
            .values()
            .flat_map(|w| w.ja.iter().chain(&w.en))
            .map(norm)
            .collect();
        for (id, words) in &lexicon.objectives {
            for w in &words.weak {
                assert!(
                    !strong.contains(&norm(w)),
                    "{id}: {w} is listed weak and not weak"
                );
            }
        }
        assert!(!lexicon.other_senses.is_empty());
        for (word, others) in &lexicon.other_senses {
            let t = index
                .terms
                .iter()
                .find(|t| t.parts.len() == 1 && index.patterns[t.parts[0] as usize] == norm(word))
                .unwrap_or_else(|| panic!("{word} is not a word of the lexicon"));
            assert_eq!(t.not_with.len(), others.len(), "{word}: {others:?}");
        }
        // weak words weigh half
        let t = index.terms.iter().find(|t| t.display == "通知").unwrap();
        assert!(t.weak && (t.weight - WEAK_WEIGHT).abs() < 1e-9, "{t:?}");
    }

    /// A word's other meaning also cancels its objective's phrases starting with it
    /// (`鍵の管理`, `鍵+保管` of 10.1.2 beside `鍵`), not a phrase it only ends (`暗号鍵`)
    /// nor another objective's phrase (`バックアップセンター` of 17.1.2 beside 12.3.1's
    /// `バックアップ`): review 19 D-1.
    #[test]
    fn a_words_other_meaning_cancels_its_objectives_phrases_starting_with_it() {
        let catalog = Catalog::embedded().unwrap();
        let lexicon = Lexicon::embedded().unwrap();
        let index = TermIndex::build(&catalog, &lexicon);
        let term = |display: &str| {
            index
                .terms
                .iter()
                .find(|t| t.display == display && !t.title)
                .unwrap_or_else(|| panic!("{display}"))
        };
        let key = term("鍵").not_with.to_vec();
        assert!(!key.is_empty());
        for phrase in ["鍵の管理", "鍵+保管", "鍵管理"] {
            assert!(
                key.iter().all(|p| term(phrase).not_with.contains(p)),
                "{phrase}"
            );
        }
        for other in ["暗号鍵", "暗号鍵+保管", "バックアップセンター"] {
            assert!(term(other).not_with.is_empty(), "{other}");
        }
        assert!(!term("バックアップ+取得").not_with.is_empty());
    }

    /// Review 22 D-3: a word used once joined to its other meaning and once on its own
    /// (`データのバックアップ…バックアップ電源`) still counts; joined only, or beside the
    /// other meaning's word elsewhere with no joined use, it does not.
    #[test]
    fn a_word_used_in_both_meanings_still_counts() {
        let catalog = Catalog::embedded().unwrap();
        let lexicon = Lexicon::embedded().unwrap();
        let index = TermIndex::build(&catalog, &lexicon);
        let found = |text: &str| {
            let text = index.normalizer.normalize(text);
            let (mut found, mut hits) = (Vec::new(), Hits::default());
            index.find(&text, &mut found, &mut hits);
            (hits.terms.iter())
                .map(|&t| index.terms[t as usize].display.to_string())
                .collect::<Vec<_>>()
        };
        let both = found("データのバックアップを毎日取得し、停電に備えバックアップ電源も確保");
        assert!(both.iter().any(|t| t == "バックアップ"), "{both:?}");
        let joined = found("停電に備えバックアップ電源も確保");
        assert!(!joined.iter().any(|t| t == "バックアップ"), "{joined:?}");
        let context = found("ログイン画面に自社ロゴを表示");
        assert!(!context.iter().any(|t| t == "ログイン"), "{context:?}");
        let key = found("ロッカーの鍵の管理");
        assert!(!key.iter().any(|t| t.starts_with('鍵')), "{key:?}");
    }

    #[test]
    fn a_term_several_objectives_list_is_one_term_weighed_down() {
        let catalog = Catalog::embedded().unwrap();
        let lexicon = Lexicon::embedded().unwrap();
        let index = TermIndex::build(&catalog, &lexicon);
        let text = index.normalizer.normalize("脆弱性診断");
        let mut found = Vec::new();
        let mut hits = Hits::default();
        index.find(&text, &mut found, &mut hits);
        let term = &index.terms[hits.terms[0] as usize];
        let Owner::Objectives(owners) = &term.owner else {
            panic!("{term:?}")
        };
        assert!(owners.len() >= 3, "{owners:?}");
        assert!((term.weight - 1.0 / (owners.len() as f64).sqrt()).abs() < 1e-9);
    }
}
