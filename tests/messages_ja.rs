//! Every message the tool writes to stderr has its Japanese: each message, hint and note
//! written in `src/` (the literal or `format!` string given to `InputError::new/at`,
//! `.hint`, `bail!`, `anyhow!`, `.context`, `parse_error`, `messages::warning/note/
//! translate`) has a pattern in `src/messages/ja.rs`; and under `--lang ja` the binary's
//! errors are Japanese with their file, sheet, row and column part unchanged.
mod common;

use std::path::{Path, PathBuf};

use common::{bin, data, example, input_error};

/// Runs, expects exit status 2 and one Japanese error line on stderr; returns it.
fn ja_error(mut c: impl std::borrow::BorrowMut<assert_cmd::Command>) -> String {
    let out = c.borrow_mut().output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("エラー: "))
        .collect();
    assert_eq!(lines.len(), 1, "one error line: {stderr}");
    lines[0].to_owned()
}

/// Where a message is given: the call, and whether every literal argument counts (else
/// only the first).
const CALLS: &[&str] = &[
    "InputError::new(",
    "InputError::at(",
    ".hint(",
    "bail!(",
    "anyhow!(",
    ".context(",
    "parse_error(",
    "messages::warning(",
    "messages::note(",
    "messages::translate(",
    "translate(\n",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The string literal starting at `s[0]` (`"…"` or `r#"…"#`): its text, unescaped, and
/// its length in the source.
fn literal(s: &str) -> Option<(String, usize)> {
    if let Some(raw) = s.strip_prefix("r#\"") {
        let end = raw.find("\"#")?;
        return Some((raw[..end].to_owned(), end + 5));
    }
    let body = s.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, i + 2)),
            '\\' => match chars.next() {
                Some((_, 'n')) => out.push('\n'),
                Some((_, 't')) => out.push('\t'),
                Some((_, '\n')) => {
                    // a line continuation: the next line's indent is skipped
                    for (_, c) in chars.by_ref() {
                        if !c.is_whitespace() {
                            out.push(c);
                            break;
                        }
                    }
                }
                Some((_, 'u')) => {
                    // \u{…}
                    let mut hex = String::new();
                    for (_, c) in chars.by_ref() {
                        if c == '}' {
                            break;
                        }
                        if c != '{' {
                            hex.push(c);
                        }
                    }
                    out.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
                }
                Some((_, c)) => out.push(c),
                None => return None,
            },
            c => out.push(c),
        }
    }
    None
}

/// A format string as a pattern: every `{…}` becomes `{}`, `{{` and `}}` one brace.
fn pattern(format: &str) -> String {
    let mut out = String::new();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                }
                out.push_str("{}");
            }
            c => out.push(c),
        }
    }
    // two parts side by side are one part of the message as printed
    while out.contains("{}{}") {
        out = out.replace("{}{}", "{}");
    }
    out
}

/// The messages given in one call starting after its `(`: string literals that are its
/// arguments, or the format string of a `format!` that is one.
fn messages_of(args: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    let bytes = args.as_bytes();
    while i < bytes.len() {
        let rest = &args[i..];
        if rest.starts_with('"') || rest.starts_with("r#\"") {
            let Some((text, len)) = literal(rest) else {
                break;
            };
            let before = args[..i].trim_end();
            if depth == 0 || (depth == 1 && before.ends_with("format!(")) {
                out.push(pattern(&text));
            }
            i += len;
            continue;
        }
        if let Some(after) = rest.strip_prefix('\'') {
            // a char literal: 'x' or '\x'
            let skip = if after.starts_with('\\') { 4 } else { 3 };
            if rest.len() > skip && rest[..skip + 1].ends_with('\'') {
                i += skip + 1;
                continue;
            }
        }
        match bytes[i] {
            b'(' | b'[' => depth += 1,
            b')' | b']' => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            _ => {}
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// Every message written in `src/` outside tests, with where.
fn messages_in_src() -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut out = Vec::new();
    for f in files {
        if f.ends_with("messages/ja.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        // hints kept in constants (`FOR_STATUSES`, `VALUES_HINT`…)
        for line in code.lines() {
            let line = line.trim_start();
            let Some(rest) = line
                .strip_prefix("pub const ")
                .or_else(|| line.strip_prefix("const "))
            else {
                continue;
            };
            let name = rest.split(':').next().unwrap_or("");
            if !(name.ends_with("_HINT") || name.starts_with("FOR_")) {
                continue;
            }
            if let Some(at) = rest.find("= \"") {
                if let Some((text, _)) = literal(&rest[at + 2..]) {
                    out.push((format!("{}", f.display()), pattern(&text)));
                }
            }
        }
        for call in CALLS {
            let mut from = 0;
            while let Some(at) = code[from..].find(call) {
                let start = from + at + call.len();
                for m in messages_of(&code[start..]) {
                    out.push((format!("{}", f.display()), m));
                }
                from = start;
            }
        }
    }
    out
}

#[test]
fn every_message_in_the_source_has_its_japanese() {
    let known: std::collections::HashSet<&str> =
        ismap_gap::messages::JA.iter().map(|(en, _)| *en).collect();
    let found = messages_in_src();
    assert!(
        found.len() > 150,
        "the scan finds the messages: {}",
        found.len()
    );
    // a few that the scan must see, as a check of the scan itself
    for m in [
        "file is empty",
        "duplicate check-item id '{}' (also on row {})",
        "check the path and that the file exists",
    ] {
        assert!(found.iter().any(|(_, f)| f == m), "the scan misses '{m}'");
    }
    let missing: Vec<String> = found
        .iter()
        .filter(|(_, m)| !m.trim().is_empty() && !known.contains(m.as_str()))
        .map(|(f, m)| format!("{f}: {m:?}"))
        .collect();
    assert!(
        missing.is_empty(),
        "messages without a Japanese pattern in src/messages/ja.rs:\n{}",
        missing.join("\n")
    );
}

#[test]
fn errors_are_japanese_with_the_location_unchanged() {
    // the location part as in English, the rest in Japanese
    let en = input_error(
        bin()
            .args(["--lang", "en", "report", "--csp"])
            .arg(example("csp-list.txt"))
            .arg("--checks")
            .arg(data("check-list/duplicate-after-blank-lines.csv")),
    );
    let ja = ja_error(
        bin()
            .args(["--lang", "ja", "report", "--csp"])
            .arg(example("csp-list.txt"))
            .arg("--checks")
            .arg(data("check-list/duplicate-after-blank-lines.csv")),
    );
    let location = |line: &str| -> String {
        let line = line.trim();
        let body = line
            .strip_prefix("error: ")
            .or_else(|| line.strip_prefix("エラー: "))
            .unwrap();
        // file: row N: column 'C':
        body.split(": ").take(3).collect::<Vec<_>>().join(": ")
    };
    assert!(ja.starts_with("エラー: "), "{ja}");
    assert_eq!(location(&ja), location(&en), "{en}\n{ja}");
    assert!(ja.contains("重複"), "{ja}");
    assert!(ja.contains("(ヒント: "), "{ja}");
    assert!(!ja.contains("duplicate check-item"), "{ja}");

    // a Japanese locale without --lang does the same
    let locale = ja_error(
        bin()
            .env("LANG", "ja_JP.UTF-8")
            .args(["report", "--checks", "missing.csv", "--csp"])
            .arg(example("csp-list.txt")),
    );
    assert!(
        locale.starts_with("エラー: missing.csv: 読み取れません: "),
        "{locale}"
    );
    // usage errors too
    let usage = ja_error(bin().args(["--lang", "ja", "report", "--format", "xml"]));
    assert!(usage.contains("エラー: "), "{usage}");
    assert!(usage.contains("使える値"), "{usage}");
}

#[test]
fn warnings_and_notes_are_japanese() {
    let out = bin()
        .args([
            "--lang",
            "ja",
            "report",
            "--as-of",
            "2026-04-01",
            "--format",
            "csv",
            "--checks",
        ])
        .arg(example("checks.csv"))
        .arg("--csp")
        .arg(example("csp-list.txt"))
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.lines().count() >= 2, "{stderr}");
    for line in stderr.lines() {
        assert!(line.starts_with("警告: "), "{line}");
    }
    let out = bin()
        .args([
            "--lang",
            "ja",
            "readiness",
            "--as-of",
            "2026-12-01",
            "--format",
            "json",
            "--implemented",
        ])
        .arg(example("csp-profile.yaml"))
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.is_empty());
    for line in stderr.lines() {
        assert!(line.starts_with("注意: "), "{line}");
    }
}

/// An unreadable range is unresolved (`invalid-range`, review 8 C-range-3); refused under
/// `--strict`, its error is Japanese too.
#[test]
fn range_problems_are_japanese() {
    let dir = tempfile::tempdir().unwrap();
    for range in [
        "9.2.1～9.3",
        "9～10",
        "9.2.1～9.3.2",
        "9.2.3～9.2.1",
        "9.2.1～9.2.300",
    ] {
        let checks = dir.path().join("range.csv");
        std::fs::write(&checks, format!("id,title,管理策\nA,x,{range}\n")).unwrap();
        let out = bin()
            .args(["--lang", "ja", "report", "--strict", "--csp"])
            .arg(example("csp-list.txt"))
            .arg("--checks")
            .arg(&checks)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{range}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        let line = stderr
            .lines()
            .find(|l| l.starts_with("エラー: ") && l.contains(range))
            .unwrap_or_else(|| panic!("{range}: {stderr}"));
        // the location part and the hint (which names --strict) aside, no English is left
        let body = line.split("'管理策': ").nth(1).unwrap();
        let body = body.split(" (ヒント").next().unwrap();
        assert!(
            !body
                .chars()
                .collect::<Vec<_>>()
                .windows(3)
                .any(|w| w.iter().all(char::is_ascii_alphabetic)),
            "{range}: {line}"
        );
    }
}
