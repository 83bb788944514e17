//! The measured quality of `suggest` on the labelled sets (`tests/data/suggest/`, see its
//! README): on the evaluation set the right objective among the top three for at least
//! 85 % of the items, every item ISMAP does not assess without a confident candidate; the
//! two held-out sets measured and guarded; the items that once got confident wrong
//! candidates (`not-confident.csv`) without any. Prints the rates and every miss
//! (`cargo test --test suggest_eval -- --nocapture`).
mod common;

use std::collections::HashMap;

use common::{bin, data, json_of};
use ismap_gap::analysis::suggest::CONFIDENT_SCORE;

/// The share of labelled items whose top three must hold an accepted objective.
const MIN_TOP3_RATE: f64 = 0.85;
/// An item ISMAP does not assess may get a candidate only below this score.
const LOW_SCORE: f64 = CONFIDENT_SCORE;
/// The held-out rates must not fall below these (see the test).
const HOLDOUT_FLOOR: f64 = 0.75;
const HOLDOUT2_FLOOR: f64 = 0.85;

struct Labelled {
    id: String,
    text: String,
    /// Accepted objectives; empty for an item with no ISMAP counterpart.
    accept: Vec<String>,
}

fn labelled(file: &str) -> Vec<Labelled> {
    let mut rdr = csv::Reader::from_path(data(file)).unwrap();
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            let accept = match &r[2] {
                "none" => Vec::new(),
                a => a.split_whitespace().map(str::to_owned).collect(),
            };
            Labelled {
                id: r[0].to_owned(),
                text: r[1].to_owned(),
                accept,
            }
        })
        .collect()
}

/// What `suggest --top 3` made of a labelled set.
struct Measured {
    hits: usize,
    labelled: usize,
    /// Per language (first letter of the id after any `H`): hits, labelled.
    per_lang: HashMap<char, (usize, usize)>,
    misses: Vec<String>,
    confident_outside: Vec<String>,
    /// Items with a candidate not accepted scoring [`LOW_SCORE`] or more.
    confident_wrong: Vec<String>,
}

impl Measured {
    fn rate(&self) -> f64 {
        self.hits as f64 / self.labelled as f64
    }

    fn print(&self, name: &str) {
        let lang = |c: char| self.per_lang.get(&c).copied().unwrap_or_default();
        println!(
            "{name}: suggest top-3 hit rate {}/{} = {:.1}% (Japanese {}/{}, English {}/{})",
            self.hits,
            self.labelled,
            self.rate() * 100.0,
            lang('J').0,
            lang('J').1,
            lang('E').0,
            lang('E').1,
        );
        for m in &self.misses {
            println!("  miss: {m}");
        }
        for c in &self.confident_outside {
            println!("  confident on an item ISMAP does not assess: {c}");
        }
        println!(
            "  {} of the items have a confident candidate that is not accepted",
            self.confident_wrong.len()
        );
    }
}

fn measure(file: &str) -> Measured {
    let set = labelled(file);
    let mut cmd = bin();
    cmd.args([
        "--lang", "en", "suggest", "--top", "3", "--format", "json", "--checks",
    ])
    .arg(data(file));
    let out = json_of(cmd);
    let got: HashMap<String, Vec<(String, f64)>> = out["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let s = i["suggestions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| {
                    (
                        s["id"].as_str().unwrap().to_owned(),
                        s["score"].as_f64().unwrap(),
                    )
                })
                .collect();
            (i["id"].as_str().unwrap().to_owned(), s)
        })
        .collect();
    let mut m = Measured {
        hits: 0,
        labelled: 0,
        per_lang: HashMap::new(),
        misses: Vec::new(),
        confident_outside: Vec::new(),
        confident_wrong: Vec::new(),
    };
    for l in &set {
        let s = &got[&l.id];
        // J…/E… in the evaluation set, H…/HE… and T…/TE… in the held-out ones, R… (either)
        let lang = if l.id.trim_start_matches(['H', 'T', 'R']).starts_with('E') || l.text.is_ascii()
        {
            'E'
        } else {
            'J'
        };
        let wrong: Vec<String> = s
            .iter()
            .filter(|(id, score)| !l.accept.contains(id) && *score >= LOW_SCORE)
            .map(|(id, score)| format!("{id} {score:.2}"))
            .collect();
        if !wrong.is_empty() {
            m.confident_wrong
                .push(format!("{} {:?}: {}", l.id, l.text, wrong.join(", ")));
        }
        if l.accept.is_empty() {
            if let Some((id, score)) = s.first().filter(|(_, score)| *score >= LOW_SCORE) {
                m.confident_outside
                    .push(format!("{} {:?}: {id} {score:.2}", l.id, l.text));
            }
            continue;
        }
        m.labelled += 1;
        let entry = m.per_lang.entry(lang).or_default();
        entry.1 += 1;
        if s.iter().any(|(id, _)| l.accept.contains(id)) {
            m.hits += 1;
            entry.0 += 1;
        } else {
            m.misses.push(format!(
                "{} {:?}: want {} got [{}]",
                l.id,
                l.text,
                l.accept.join(" "),
                s.iter()
                    .map(|(id, sc)| format!("{id} {sc:.2}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    m
}

#[test]
fn the_right_objective_is_in_the_top_three_for_85_percent_and_outside_items_are_not_guessed() {
    let set = labelled("suggest/eval.csv");
    let ja = set.iter().filter(|l| l.id.starts_with('J')).count();
    let en = set.iter().filter(|l| l.id.starts_with('E')).count();
    assert!(
        ja >= 80 && en >= 20,
        "the set has {ja} Japanese, {en} English items"
    );
    let m = measure("suggest/eval.csv");
    m.print("evaluation set");
    assert!(
        m.rate() >= MIN_TOP3_RATE,
        "top-3 hit rate {:.1}% below {:.0}%",
        m.rate() * 100.0,
        MIN_TOP3_RATE * 100.0
    );
    assert!(m.confident_outside.is_empty(), "{:#?}", m.confident_outside);
}

/// The first held-out set (`holdout.csv`), written after the lexicon in other words and
/// never tuned against: how the lexicon generalises. Its rate is printed; the assertion
/// only guards against a fall.
#[test]
fn the_held_out_set_is_measured_and_does_not_fall() {
    let m = measure("suggest/holdout.csv");
    m.print("held-out set");
    assert!(
        m.rate() >= HOLDOUT_FLOOR,
        "held-out top-3 rate {:.1}%",
        m.rate() * 100.0
    );
    assert!(m.confident_outside.is_empty(), "{:#?}", m.confident_outside);
}

/// The second held-out set (`holdout2.csv`, 46 Japanese and 16 English items worded as
/// government and enterprise check sheets word them), written and committed before the
/// lexicon was reworked and never tuned against. The assertion guards against a fall.
#[test]
fn the_second_held_out_set_is_measured_and_does_not_fall() {
    let set = labelled("suggest/holdout2.csv");
    assert!(set.len() >= 40, "{} items", set.len());
    let m = measure("suggest/holdout2.csv");
    m.print("second held-out set");
    assert!(
        m.rate() >= HOLDOUT2_FLOOR,
        "second held-out top-3 rate {:.1}%",
        m.rate() * 100.0
    );
    assert!(m.confident_outside.is_empty(), "{:#?}", m.confident_outside);
}

/// Items that once got confident wrong candidates from one ambiguous word (`train` = staff
/// training, `key` = cryptographic key, `notified` = incident reporting, `export` = export
/// control, `ソースコード` for an escrow): none may have a candidate outside its accepted
/// ones scoring [`LOW_SCORE`] or more.
#[test]
fn one_ambiguous_word_never_makes_a_confident_wrong_candidate() {
    let m = measure("suggest/not-confident.csv");
    m.print("must not be confident");
    assert!(m.confident_wrong.is_empty(), "{:#?}", m.confident_wrong);
    assert!(m.confident_outside.is_empty(), "{:#?}", m.confident_outside);
}
