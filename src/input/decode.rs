//! Text decoding: UTF-8, UTF-8 with BOM, and CP932 (Shift_JIS as Japanese Excel saves it),
//! detected without a flag.
use std::path::Path;

use crate::error::{InputError, Location};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// Windows-31J / CP932, the Shift_JIS that Japanese Excel writes.
    Cp932,
}

/// 1-based line of a byte offset.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// UTF-16 when `bytes` start with its byte order mark (a BOM decides over `--encoding`).
fn utf16_with_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(encoding_rs::UTF_16LE),
        [0xFE, 0xFF, ..] => Some(encoding_rs::UTF_16BE),
        _ => None,
    }
}

/// `bytes` without the end-of-file mark (Ctrl-Z, 0x1A) older DOS/Windows tools put after
/// the last line: not a row of the file (review 24 E: read as an empty template row).
/// Only one at the very end, after a line break or as the whole last line; a 0x1A anywhere
/// else stays (and is refused or read as the text it is in).
fn without_eof_mark(bytes: &[u8]) -> &[u8] {
    match bytes.strip_suffix(b"\x1a") {
        Some(rest) if rest.is_empty() || rest.ends_with(b"\n") || rest.ends_with(b"\r") => rest,
        _ => bytes,
    }
}

/// Decodes `bytes`: UTF-16 with a BOM, else UTF-8 or CP932; with `forced`, only that
/// encoding is tried.
pub fn decode(path: &Path, bytes: &[u8], forced: Option<Encoding>) -> Result<String, InputError> {
    let loc = Location::file(path);
    let bytes = without_eof_mark(bytes);
    if let Some(utf16) = utf16_with_bom(bytes) {
        // Excel's "Unicode text" (Unicode テキスト): UTF-16 with a BOM, tab-separated
        let (text, _, had_errors) = utf16.decode(bytes);
        if had_errors {
            return Err(InputError::at(
                loc,
                "invalid UTF-16 (the file starts with a UTF-16 byte order mark)",
            )
            .hint("save the file as UTF-8 (CSV UTF-8 in Excel)"));
        }
        return Ok(text.into_owned());
    }
    // the ISMAP cloud service list is published as a PDF: its text is to be pasted
    if bytes.starts_with(b"%PDF-") {
        return Err(InputError::at(loc, "is a PDF document, not text or a table")
            .hint("open the PDF, copy the service's entry with its table of control objectives, paste it into a text editor and save it as a .txt file (UTF-8), then pass that: its fields and ids are read as a pasted list"));
    }
    if bytes.contains(&0) {
        return Err(
            InputError::at(loc, "looks like a binary file, not text (NUL bytes)")
                .hint("give a CSV or text file, or a workbook with the .xlsx/.xls/.ods extension"),
        );
    }
    let without_bom = bytes.strip_prefix(BOM);
    match (forced, without_bom) {
        (Some(Encoding::Cp932), _) => decode_cp932(&loc, bytes),
        (_, Some(rest)) => utf8(&loc, rest),
        (Some(Encoding::Utf8), None) => utf8(&loc, bytes),
        (None, None) => match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_owned()),
            Err(utf8_err) => {
                if let Some((utf8_line, other_line)) = mixed(bytes) {
                    return Err(InputError::at(
                        loc.clone().line(other_line),
                        format!(
                            "mixed encodings: line {utf8_line} is UTF-8 but line {other_line} is not"
                        ),
                    )
                    .hint("the file was pieced together from differently saved files: save it once as UTF-8 (CSV UTF-8 in Excel)"));
                }
                decode_cp932(&loc, bytes).map_err(|_| {
                    let at = utf8_err.valid_up_to();
                    InputError::at(
                        loc.clone().line(line_of(bytes, at)),
                        format!("neither UTF-8 nor CP932 (Shift_JIS): invalid byte at offset {at}"),
                    )
                    .hint("save the file as UTF-8 (CSV UTF-8 in Excel), or pass --encoding")
                })
            }
        },
    }
}

/// The text of `bytes` without its BOM when it may be UTF-8 as it is — not forced to
/// CP932 and without NUL bytes — for a reader that checks it as it goes; `None` when it
/// must go through [`decode`]. `decode` gives the same text when the bytes are UTF-8.
fn utf8_candidate(bytes: &[u8], forced: Option<Encoding>) -> Option<&[u8]> {
    let bytes = without_eof_mark(bytes);
    if forced == Some(Encoding::Cp932) || utf16_with_bom(bytes).is_some() || bytes.contains(&0) {
        return None;
    }
    Some(bytes.strip_prefix(BOM).unwrap_or(bytes))
}

/// The encoding [`decode`] reads `bytes` in when it is not UTF-8 (`CP932`, `UTF-16`);
/// `None` for UTF-8, with or without a BOM.
pub fn not_utf8(bytes: &[u8], forced: Option<Encoding>) -> Option<&'static str> {
    if utf16_with_bom(bytes).is_some() {
        return Some("UTF-16");
    }
    let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let cp932 = match forced {
        Some(Encoding::Cp932) => true,
        Some(Encoding::Utf8) => false,
        None => !bytes.starts_with(BOM) && std::str::from_utf8(body).is_err(),
    };
    cp932.then_some("CP932")
}

/// `parse` of the text of `bytes` as [`decode`] decodes it, and the encoding read when it
/// is not UTF-8 (as [`not_utf8`] names it). Most files are UTF-8: they are parsed as they
/// are, `parse` refusing text that is not UTF-8 (the CSV reader checks it, see
/// `table::Record`), rather than checked here and copied first. If that fails and the
/// bytes are not UTF-8 after all, they are decoded and parsed again, as any other file is:
/// the outcome is the same either way.
pub fn parse_text<T>(
    path: &Path,
    bytes: &[u8],
    forced: Option<Encoding>,
    parse: impl Fn(&[u8]) -> Result<T, InputError>,
) -> Result<(T, Option<&'static str>), InputError> {
    if let Some(body) = utf8_candidate(bytes, forced) {
        match parse(body) {
            Ok(parsed) => return Ok((parsed, None)),
            Err(e) if std::str::from_utf8(body).is_ok() => return Err(e),
            Err(_) => {}
        }
    }
    let text = decode(path, bytes, forced)?;
    Ok((parse(text.as_bytes())?, not_utf8(bytes, forced)))
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Lines that are UTF-8 with Japanese text next to lines that are not UTF-8 at all: the
/// first of each, when a file mixes encodings.
fn mixed(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut utf8_line = None;
    let mut other_line = None;
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        match std::str::from_utf8(line) {
            Ok(s) if !s.is_ascii() => {
                utf8_line.get_or_insert(i + 1);
            }
            Ok(_) => {}
            Err(_) => {
                other_line.get_or_insert(i + 1);
            }
        }
        if let (Some(u), Some(o)) = (utf8_line, other_line) {
            return Some((u, o));
        }
    }
    None
}

fn utf8(loc: &Location, bytes: &[u8]) -> Result<String, InputError> {
    std::str::from_utf8(bytes).map(str::to_owned).map_err(|e| {
        let at = e.valid_up_to();
        InputError::at(
            loc.clone().line(line_of(bytes, at)),
            format!("invalid UTF-8 at byte offset {at}"),
        )
        .hint("the file may be CP932 (Shift_JIS): try --encoding cp932, or save it as UTF-8")
    })
}

fn decode_cp932(loc: &Location, bytes: &[u8]) -> Result<String, InputError> {
    let (text, _, had_errors) = encoding_rs::SHIFT_JIS.decode(bytes);
    if had_errors {
        let at = text
            .find('\u{FFFD}')
            .map(|i| line_of(text.as_bytes(), i))
            .unwrap_or(1);
        return Err(InputError::at(
            loc.clone().line(at),
            "bytes that are not valid CP932 (Shift_JIS)",
        )
        .hint("the file may mix encodings: save it again as UTF-8 (CSV UTF-8 in Excel)"));
    }
    Ok(text.into_owned())
}

/// Characters CP932 has no code point for that every CP932 converter writes as the one
/// it has for the same JIS X 0208 character (Microsoft's best fit, Python's `cp932`): text
/// typed on a Mac, pasted from a PDF, or decoded from Shift_JIS by non-Microsoft tables
/// holds the former. Also the no-break space of text copied from web pages (the ISMAP
/// list), written as a space, and the yen sign, written as the full-width ￥ as ¢ and £ are
/// (a Shift_JIS encoder would write 0x5C, which CP932 reads back as a backslash).
/// The en dash of the tool's own periods (`2025-09-30 – 2025-09-30`) and of text from
/// Word or a PDF is written as Microsoft's best fit writes it, the hyphen ‐.
/// (character, what CP932 writes, its bytes)
pub const CP932_BEST_FIT: [(char, char, &[u8]); 10] = [
    ('\u{2014}', '\u{2015}', &[0x81, 0x5C]), // — EM DASH (JIS X 0208 0x815C) → ―
    ('\u{2013}', '\u{2010}', &[0x81, 0x5D]), // – EN DASH (Microsoft best fit 0x815D) → ‐
    ('\u{301C}', '\u{FF5E}', &[0x81, 0x60]), // 〜 WAVE DASH → ～
    ('\u{2016}', '\u{2225}', &[0x81, 0x61]), // ‖ DOUBLE VERTICAL LINE → ∥
    ('\u{2212}', '\u{FF0D}', &[0x81, 0x7C]), // − MINUS SIGN → －
    ('\u{00A2}', '\u{FFE0}', &[0x81, 0x91]), // ¢ → ￠
    ('\u{00A3}', '\u{FFE1}', &[0x81, 0x92]), // £ → ￡
    ('\u{00A5}', '\u{FFE5}', &[0x81, 0x8F]), // ¥ YEN SIGN → ￥
    ('\u{00AC}', '\u{FFE2}', &[0x81, 0xCA]), // ¬ → ￢
    ('\u{00A0}', ' ', &[0x20]),              // NO-BREAK SPACE → space
];

/// The characters of [`CP932_BEST_FIT`] in `fitted`, each as written and as CP932 writes
/// it (`〜 (U+301C) → ～`; a space named, not shown), in table order: what a note says.
pub fn best_fit_pairs(fitted: &[char]) -> Vec<String> {
    let shown = |c: char| match c {
        '\u{00A0}' => "no-break space".to_owned(),
        ' ' => "space".to_owned(),
        c => c.to_string(),
    };
    CP932_BEST_FIT
        .iter()
        .filter(|(c, ..)| fitted.contains(c))
        .map(|(c, to, _)| format!("{} (U+{:04X}) → {}", shown(*c), *c as u32, shown(*to)))
        .collect()
}

/// Encodes output text as CP932; characters CP932 lacks are an error, not a `?`, except
/// those of [`CP932_BEST_FIT`], written as CP932 writes them.
pub fn encode_cp932(text: &str) -> Result<Vec<u8>, String> {
    encode_cp932_best_fit(text).map(|(bytes, _)| bytes)
}

/// [`encode_cp932`], with the characters of [`CP932_BEST_FIT`] the text held (each once,
/// in table order), so that the caller can say so.
pub fn encode_cp932_best_fit(text: &str) -> Result<(Vec<u8>, Vec<char>), String> {
    let fitted: Vec<char> = CP932_BEST_FIT
        .iter()
        .filter(|(c, ..)| text.contains(*c))
        .map(|(c, ..)| *c)
        .collect();
    let text = if fitted.is_empty() {
        text.into()
    } else {
        cp932_best_fit(text)
    };
    encode_strict(&text).map(|bytes| (bytes, fitted))
}

/// `text` with each character of [`CP932_BEST_FIT`] as CP932 writes it (`〜` → `～`,
/// `—` → `―`): what the tool's own `--output-encoding cp932` output reads back as, so that
/// text compared with such output (a previous report given to `--review`) compares alike.
/// Borrowed when the text holds none of them.
pub fn cp932_best_fit(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii()
        || !text
            .chars()
            .any(|c| CP932_BEST_FIT.iter().any(|(from, ..)| *from == c))
    {
        return text.into();
    }
    text.chars()
        .map(|c| {
            CP932_BEST_FIT
                .iter()
                .find(|(from, ..)| *from == c)
                .map_or(c, |(_, to, _)| *to)
        })
        .collect::<String>()
        .into()
}

fn encode_strict(text: &str) -> Result<Vec<u8>, String> {
    let (bytes, _, had_errors) = encoding_rs::SHIFT_JIS.encode(text);
    if had_errors {
        let Some((at, bad)) = text.char_indices().find(|(_, c)| {
            let mut buf = [0u8; 4];
            encoding_rs::SHIFT_JIS.encode(c.encode_utf8(&mut buf)).2
        }) else {
            return Err("the text has no CP932 form".to_owned());
        };
        // the text around it, up to the cell's ends (a comma or a line break) or 20
        // characters either side, so the cell can be found in the input
        let is_end = |c: char| matches!(c, ',' | '\n' | '\r');
        let before: String = text[..at]
            .chars()
            .rev()
            .take_while(|c| !is_end(*c))
            .take(20)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after: String = text[at..]
            .chars()
            .take_while(|c| !is_end(*c))
            .take(21)
            .collect();
        return Err(format!(
            "the character '{bad}' (U+{:04X}) in '{before}{after}' has no CP932 form",
            bad as u32
        ));
    }
    Ok(bytes.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("t.csv")
    }

    #[test]
    fn the_encoding_read_is_named_when_it_is_not_utf8() {
        assert_eq!(not_utf8("確認".as_bytes(), None), None);
        assert_eq!(not_utf8(b"\xEF\xBB\xBFid", None), None);
        assert_eq!(
            not_utf8(&encode_cp932("確認").unwrap(), None),
            Some("CP932")
        );
        assert_eq!(not_utf8(b"id", Some(Encoding::Cp932)), Some("CP932"));
        assert_eq!(not_utf8(b"\xFF\xFEi\0", None), Some("UTF-16"));
    }

    #[test]
    fn a_dos_end_of_file_mark_after_the_last_line_is_not_text() {
        let p = Path::new("q.csv");
        assert_eq!(
            decode(p, b"a,b\r\n1,2\r\n\x1a", None).unwrap(),
            "a,b\r\n1,2\r\n"
        );
        assert_eq!(decode(p, b"a\n\x1a", Some(Encoding::Utf8)).unwrap(), "a\n");
        // CP932 too (0x1A is ASCII there)
        assert_eq!(decode(p, b"\x82\xa0\n\x1a", None).unwrap(), "\u{3042}\n");
        // not at the end of a line, or not the last byte: the text as it is
        assert_eq!(decode(p, b"a\x1a", None).unwrap(), "a\u{1a}");
        assert_eq!(decode(p, b"a\n\x1ab", None).unwrap(), "a\n\u{1a}b");
    }

    #[test]
    fn detects_utf8_bom_and_cp932() {
        assert_eq!(
            decode(p(), "確認項目".as_bytes(), None).unwrap(),
            "確認項目"
        );
        assert_eq!(decode(p(), b"\xEF\xBB\xBFid", None).unwrap(), "id");
        let sjis = encode_cp932("確認項目,管理策").unwrap();
        assert_eq!(decode(p(), &sjis, None).unwrap(), "確認項目,管理策");
    }

    /// `parse_text` parses what `decode` gives, fails as it does, and names the encoding
    /// read as `not_utf8` does.
    #[test]
    fn parse_text_agrees_with_decode() {
        let sjis = encode_cp932("確認項目,管理策").unwrap();
        let mut bom_sjis = BOM.to_vec();
        bom_sjis.extend(&sjis);
        let mut mixed = "id,title\n1,確認項目\n".as_bytes().to_vec();
        mixed.extend(&sjis);
        let inputs: [&[u8]; 11] = [
            b"",
            b"\xFF\xFEi\0d\0",
            "確認項目,管理策\n".as_bytes(),
            b"\xEF\xBB\xBFid,title",
            b"\xEF\xBB\xBF",
            b"\xEF\xBB",
            &sjis,
            &bom_sjis,
            &mixed,
            b"a\0b",
            b"ok\n\x80\xFF",
        ];
        // a parser that checks its text as the CSV reader does
        let parse = |text: &[u8]| {
            std::str::from_utf8(text)
                .map(str::to_owned)
                .map_err(|_| InputError::at(Location::file(p()), "malformed CSV"))
        };
        for bytes in inputs {
            for forced in [None, Some(Encoding::Utf8), Some(Encoding::Cp932)] {
                let by_decode = decode(p(), bytes, forced).map_err(|e| e.to_string());
                let parsed = parse_text(p(), bytes, forced, parse).map_err(|e| e.to_string());
                assert_eq!(
                    parsed.as_ref().map(|(text, _)| text),
                    by_decode.as_ref(),
                    "{bytes:?} {forced:?}"
                );
                if let Ok((_, read_as)) = parsed {
                    assert_eq!(read_as, not_utf8(bytes, forced), "{bytes:?} {forced:?}");
                }
            }
        }
    }

    /// A character CP932 lacks is named with the cell around it, to find it in the input.
    #[test]
    fn cp932_errors_show_the_cell() {
        let err = encode_cp932("id,title\r\nC-1,絵文字😀の項目,9.2.1\r\n").unwrap_err();
        assert_eq!(
            err,
            "the character '😀' (U+1F600) in '絵文字😀の項目' has no CP932 form"
        );
        let long = format!("{}😀{}", "前".repeat(30), "後".repeat(30));
        let err = encode_cp932(&long).unwrap_err();
        assert!(
            err.contains(&format!("'{}😀{}'", "前".repeat(20), "後".repeat(20))),
            "{err}"
        );
    }

    /// Excel's "Unicode text": UTF-16 with a BOM, little or big endian, whatever is forced.
    #[test]
    fn utf16_with_a_bom_is_read() {
        let text = "項番\t確認項目\r\nC-1\t暗号化\r\n";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for bytes in [&le, &be] {
            for forced in [None, Some(Encoding::Utf8), Some(Encoding::Cp932)] {
                assert_eq!(decode(p(), bytes, forced).unwrap(), text);
                assert_eq!(utf8_candidate(bytes, forced), None);
            }
        }
        // an unpaired surrogate
        let err = decode(p(), &[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], None).unwrap_err();
        assert!(err.to_string().contains("invalid UTF-16"), "{err}");
    }

    #[test]
    fn forced_encodings_and_errors() {
        let sjis = encode_cp932("備考").unwrap();
        let err = decode(p(), &sjis, Some(Encoding::Utf8)).unwrap_err();
        assert!(err.to_string().contains("invalid UTF-8"), "{err}");
        assert!(decode(p(), b"a\0b", None)
            .unwrap_err()
            .message
            .contains("binary"));
        // 0x80 alone is invalid in both
        let err = decode(p(), b"ok\n\x80\xFF", None).unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }

    #[test]
    fn mixed_encodings_name_both_lines() {
        let mut bytes = "id,title\n1,確認項目\n".as_bytes().to_vec();
        bytes.extend(encode_cp932("2,暗号化\n").unwrap());
        let err = decode(p(), &bytes, None).unwrap_err().to_string();
        assert!(
            err.contains("t.csv: line 3: mixed encodings: line 2 is UTF-8 but line 3 is not"),
            "{err}"
        );
        // plain CP932 is not mixed
        let sjis = encode_cp932("id,title\n1,確認項目\n").unwrap();
        assert!(decode(p(), &sjis, None).is_ok());
    }

    /// The characters every CP932 converter writes as a JIS X 0208 look-alike are written
    /// with those bytes, and said; others are still refused.
    #[test]
    fn cp932_best_fit_characters_are_written_as_cp932_writes_them() {
        for (c, to, bytes) in CP932_BEST_FIT {
            let text = format!("a{c}b");
            let (out, fitted) = encode_cp932_best_fit(&text).unwrap();
            assert_eq!(out, [&b"a"[..], bytes, b"b"].concat(), "{c}");
            assert_eq!(fitted, [c]);
            // and read back, CP932 gives the look-alike
            let (back, _, err) = encoding_rs::SHIFT_JIS.decode(&out);
            assert!(!err);
            assert_eq!(back, format!("a{to}b"));
        }
        let (out, fitted) = encode_cp932_best_fit("9.2.1〜9.2.3 − 〜").unwrap();
        assert_eq!(fitted, ['〜', '−']);
        assert_eq!(&out[5..7], [0x81, 0x60]);
        let (_, fitted) = encode_cp932_best_fit("確認").unwrap();
        assert!(fitted.is_empty());
        // copied from a web page; a price: said, never a silent backslash
        let (out, fitted) = encode_cp932_best_fit("9.2.1\u{a0}利用者登録 ¥100").unwrap();
        assert_eq!(fitted, ['¥', '\u{a0}']);
        assert_eq!(&out[5..6], b" ");
        assert!(!out.contains(&0x5C));
        assert_eq!(
            best_fit_pairs(&fitted),
            ["¥ (U+00A5) → ￥", "no-break space (U+00A0) → space"]
        );
        // the tool's own period (review 9 C-enc-3: compare's one-day audit warning)
        let (out, fitted) = encode_cp932_best_fit("2025-09-30 – 2025-09-30").unwrap();
        assert_eq!(fitted, ['–']);
        assert_eq!(&out[11..13], [0x81, 0x5D]);
        let err = encode_cp932("〜😀").unwrap_err();
        assert!(err.contains("U+1F600"), "{err}");
        assert!(encode_cp932("𠮷").unwrap_err().contains("U+20BB7"));
    }

    /// The folding a comparison with CP932 output uses is the writer's own (review 24 B-4).
    #[test]
    fn cp932_best_fit_folds_as_the_writer_writes() {
        assert!(matches!(
            cp932_best_fit("確認 9.2.1"),
            std::borrow::Cow::Borrowed(_)
        ));
        let text = "①〜③ – — ‖ − ¥100\u{a0}x";
        let (bytes, _) = encode_cp932_best_fit(text).unwrap();
        let (back, _, _) = encoding_rs::SHIFT_JIS.decode(&bytes);
        assert_eq!(cp932_best_fit(text), back);
        assert_eq!(cp932_best_fit(&back), back);
    }

    #[test]
    fn cp932_output_refuses_unmappable_characters() {
        assert!(encode_cp932("確認").is_ok());
        assert!(encode_cp932("😀").unwrap_err().contains("U+1F600"));
    }
}
