//! The floor of `report N=100,000 → csv` (issue 20; see BENCHMARKS.md): the least any
//! correct implementation of that report must do, timed by `benches/run.sh` against the
//! pandas script beside the tool itself, so the ratio table shows what ratio is reachable.
//!
//! ```sh
//! cargo run --release --example floor_csv -- CHECKS.csv CSP.txt OUT.csv BYTES [THREADS]
//! ```
//!
//! It reads the check list whole and parses it with the csv crate into `StringRecord`s
//! (the UTF-8 check the tool needs), splits each references cell on the separators users
//! write, folds full-width digits and dots, looks each reference up in a hash map of the
//! embedded catalog's ids (its own, Annex A, CLD and NIST ids) and a hash set of the ids the CSP list names (pasted text: every
//! id-shaped token), and writes one CSV row per item (its id, title, a status, risk,
//! assurance, references, each resolved id with its catalog title, the implemented and the
//! missing ids, the unresolved references, the remarks, the line), quoted where needed,
//! padded with a sentence cell so that the whole file is BYTES long (the tool's output is
//! mostly its procedure sentences: pass the size of the tool's own file). What it leaves
//! out, and any correct report must add: the CP932 and header detection, the row checks,
//! the other spellings of ids (`8.1.5P`, case, spaces), categories and their objectives,
//! the same-item and other warnings,
//! the sort by status, the reasons and procedures themselves.
//!
//! THREADS is 1 (default) or 2: with 2, a second thread parses the records (as the tool
//! does from 1 MB) while the first splits, looks up and writes.
use foldhash::{HashMap, HashMapExt, HashSet};
use std::fs;
use std::io::Write;
use std::sync::mpsc;

use anyhow::{bail, Context, Result};
use ismap_gap::catalog::Catalog;
use ismap_gap::lang::Lang;

const BATCH: usize = 1024;
/// The padding cell's text (a procedure sentence of the tool's, every char 3 bytes).
const PAD: &str = "解決できない参照を修正して再実行する判定はそれまで保留対応する統制目標が確認項目を満たすか確認する";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 4 {
        bail!("usage: floor_csv CHECKS.csv CSP.txt OUT.csv BYTES [THREADS]");
    }
    let target: u64 = args[3].parse().context("BYTES")?;
    let threads: usize = args
        .get(4)
        .map_or(Ok(1), |t| t.parse())
        .context("THREADS")?;

    let catalog = Catalog::embedded()?;
    // every id the catalog knows an entry by: its own, Annex A, CLD, NIST (first wins)
    let mut ids: HashMap<&str, (&str, &str)> = HashMap::new();
    for e in catalog.entries() {
        let entry = (e.id.as_str(), e.title(Lang::Ja));
        ids.insert(&e.id, entry);
        let refs = &e.refs;
        for other in refs.annex_a.iter().chain(&refs.jis_q_27017) {
            ids.entry(other).or_insert(entry);
        }
        for nist in &refs.nist_sp800_53 {
            ids.entry(&nist.control).or_insert(entry);
        }
    }
    let csp_text = fold(&fs::read_to_string(&args[1]).context("CSP list")?);
    let implemented: HashSet<&str> = csp_text
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter(|t| ids.contains_key(t))
        .collect();

    let text = fs::read(&args[0]).context("check list")?;
    let body = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&text);
    let mut writer = Writer {
        file: fs::File::create(&args[2]).context("output")?,
        buf: Vec::with_capacity(1 << 20),
        flushed: 0,
        target,
        input_len: body.len() as u64,
        ids: &ids,
        implemented: &implemented,
        folded: String::new(),
        lists: Default::default(),
    };
    writer.buf.extend_from_slice("\u{FEFF}項番,確認項目,判定,リスク,求める確認水準,参照,対応する統制目標・詳細管理策,実施,不足,未解決の参照,備考,行,追加手続\n".as_bytes());

    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body);
    let mut header = csv::StringRecord::new();
    if !reader.read_record(&mut header)? {
        bail!("empty check list");
    }
    let refs_col = header
        .iter()
        .position(|h| h == "ISMAP管理策")
        .context("no ISMAP管理策 column")?;
    if threads < 2 {
        let mut record = csv::StringRecord::new();
        while reader.read_record(&mut record)? {
            writer.row(&record, refs_col)?;
        }
    } else {
        let (full, batches) = mpsc::sync_channel::<Vec<csv::StringRecord>>(4);
        let (used, recycled) = mpsc::channel::<Vec<csv::StringRecord>>();
        std::thread::scope(|s| -> Result<()> {
            let parser = s.spawn(move || -> Result<()> {
                loop {
                    let mut batch = recycled.try_recv().unwrap_or_default();
                    batch.resize_with(BATCH, csv::StringRecord::new);
                    let mut n = 0;
                    while n < BATCH && reader.read_record(&mut batch[n])? {
                        n += 1;
                    }
                    batch.truncate(n);
                    let last = n < BATCH;
                    if full.send(batch).is_err() || last {
                        return Ok(());
                    }
                }
            });
            for batch in batches {
                for record in &batch {
                    writer.row(record, refs_col)?;
                }
                let _ = used.send(batch);
            }
            parser
                .join()
                .map_err(|_| anyhow::anyhow!("parser panicked"))?
        })?;
    }
    writer.finish()
}

/// Full-width digits and dots to ASCII (the ids users type in Japanese input mode).
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            _ => c,
        })
        .collect()
}

struct Writer<'a> {
    file: fs::File,
    buf: Vec<u8>,
    flushed: u64,
    target: u64,
    input_len: u64,
    ids: &'a HashMap<&'a str, (&'a str, &'a str)>,
    implemented: &'a HashSet<&'a str>,
    folded: String,
    /// resolved (with titles), implemented, missing, unresolved
    lists: [String; 4],
}

impl Writer<'_> {
    fn row(&mut self, record: &csv::StringRecord, refs_col: usize) -> Result<()> {
        let cell = |i: usize| record.get(i).unwrap_or("");
        for list in &mut self.lists {
            list.clear();
        }
        for reference in cell(refs_col)
            .split([',', '、', ';', '\n', '，', '；'])
            .map(str::trim)
            .filter(|r| !r.is_empty())
        {
            let key = if reference.is_ascii() {
                reference
            } else {
                self.folded.clear();
                self.folded.push_str(&fold(reference));
                self.folded.as_str()
            };
            let (list, text) = match self.ids.get(key) {
                Some(&(id, title)) => {
                    push(&mut self.lists[0], id);
                    self.lists[0].push(' ');
                    self.lists[0].push_str(title);
                    if self.implemented.contains(id) {
                        (1, id)
                    } else {
                        (2, id)
                    }
                }
                None => (3, reference),
            };
            push(&mut self.lists[list], text);
        }
        let status = match (self.lists[1].is_empty(), self.lists[2].is_empty()) {
            _ if !self.lists[3].is_empty() => "判定不能",
            (true, true) => "ISMAP外",
            (false, true) => "充足",
            (true, false) => "未充足",
            (false, false) => "一部充足",
        };
        for (i, text) in [cell(0), cell(1), status, cell(4), cell(3), cell(refs_col)]
            .into_iter()
            .enumerate()
        {
            if i > 0 {
                self.buf.push(b',');
            }
            quoted(&mut self.buf, text);
        }
        for list in &self.lists {
            self.buf.push(b',');
            quoted(&mut self.buf, list);
        }
        self.buf.push(b',');
        quoted(&mut self.buf, cell(5));
        write!(self.buf, ",{}", record.position().map_or(0, |p| p.line()))?;
        // the sentence cell: the file grows with the input read, to `target` at its end
        let read = record.position().map_or(0, |p| p.byte()) + record.as_slice().len() as u64;
        let due = self.target * read.min(self.input_len) / self.input_len.max(1);
        let now = self.flushed + self.buf.len() as u64 + 2;
        self.buf.push(b',');
        if due > now {
            let mut pad = (due - now) as usize;
            while pad >= PAD.len() {
                self.buf.extend_from_slice(PAD.as_bytes());
                pad -= PAD.len();
            }
            let cut = pad - pad % 3;
            self.buf.extend_from_slice(&PAD.as_bytes()[..cut]);
            self.buf.extend(std::iter::repeat_n(b'.', pad - cut));
        }
        self.buf.push(b'\n');
        if self.buf.len() >= 1 << 20 {
            self.file.write_all(&self.buf)?;
            self.flushed += self.buf.len() as u64;
            self.buf.clear();
        }
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        self.file.write_all(&self.buf)?;
        Ok(())
    }
}

fn push(list: &mut String, text: &str) {
    if !list.is_empty() {
        list.push_str(", ");
    }
    list.push_str(text);
}

/// A CSV cell, quoted when it holds a comma, a quote or a line break.
fn quoted(out: &mut Vec<u8>, text: &str) {
    if needs_quotes(text.as_bytes()) {
        out.push(b'"');
        for part in text.split_inclusive('"') {
            out.extend_from_slice(part.as_bytes());
            if part.ends_with('"') {
                out.push(b'"');
            }
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(text.as_bytes());
    }
}

/// Whether a cell holds `,`, `"`, CR or LF, looked at 16 bytes at a time (vectorised, as
/// the tool's own scan).
fn needs_quotes(bytes: &[u8]) -> bool {
    let special = |b: u8| u8::from((b == b',') | (b == b'"') | (b == b'\r') | (b == b'\n'));
    let mut blocks = bytes.chunks_exact(16);
    for block in &mut blocks {
        if block.iter().fold(0, |hit, &b| hit | special(b)) != 0 {
            return true;
        }
    }
    blocks.remainder().iter().any(|&b| special(b) != 0)
}
