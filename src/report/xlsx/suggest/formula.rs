//! The formulas of a workbook `suggest` writes back, their cell references moved with the
//! columns it inserts (as Excel moves them when columns are inserted), or refused when a
//! formula cannot be carried over for sure.
use crate::input::column_letter;
pub use crate::report::suggest::ColumnShift as Shift;

/// `formula` (as an xlsx stores it, without `=`) on sheet `own`, with every reference to a
/// sheet that `shift` gives a [`Shift`] for moved with its columns. `None` when the formula
/// cannot be carried over for sure: a reference into a column taken out, a defined name
/// or `LET` variable (what it refers to is not known here), a structured (`Table[Col]`),
/// external (`[1]Sheet!A1`) or 3-D (`Sheet1:Sheet3!A1`) reference.
pub fn shift_formula<'s>(
    formula: &str,
    own: &str,
    shift: impl Fn(&str) -> Option<&'s Shift>,
) -> Option<String> {
    let chars: Vec<char> = formula.chars().collect();
    let mut out = String::with_capacity(formula.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '"' => {
                // a text literal, `""` inside it
                let start = i;
                i += 1;
                while i < chars.len() {
                    if chars[i] == '"' {
                        if chars.get(i + 1) == Some(&'"') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i += 1;
                }
                i = (i + 1).min(chars.len());
                out.extend(&chars[start..i]);
            }
            '\'' => {
                // a quoted sheet name, `''` inside it, then `!` and a reference
                let mut name = String::new();
                i += 1;
                loop {
                    match chars.get(i) {
                        Some('\'') if chars.get(i + 1) == Some(&'\'') => {
                            name.push('\'');
                            i += 2;
                        }
                        Some('\'') => {
                            i += 1;
                            break;
                        }
                        Some(&ch) => {
                            name.push(ch);
                            i += 1;
                        }
                        None => return None,
                    }
                }
                if chars.get(i) != Some(&'!') || name.contains(':') {
                    return None;
                }
                i += 1;
                let (token, next) = token_at(&chars, i);
                i = next;
                let moved = shift_reference(&token, shift(&name))?;
                out.push('\'');
                out.push_str(&name.replace('\'', "''"));
                out.push_str("'!");
                out.push_str(&moved);
            }
            '[' | ']' => return None,
            '#' => {
                // an error literal (#REF!, #N/A, #DIV/0!)
                let start = i;
                i += 1;
                while i < chars.len()
                    && (chars[i].is_ascii_alphanumeric() || "/!?".contains(chars[i]))
                {
                    i += 1;
                }
                out.extend(&chars[start..i]);
            }
            c if is_token_char(c) => {
                let (token, next) = token_at(&chars, i);
                i = next;
                match chars.get(i) {
                    Some('(') => out.push_str(&token),
                    Some('!') => {
                        if token.contains(':') {
                            return None;
                        }
                        i += 1;
                        let (reference, next) = token_at(&chars, i);
                        i = next;
                        let moved = shift_reference(&reference, shift(&token))?;
                        out.push_str(&token);
                        out.push('!');
                        out.push_str(&moved);
                    }
                    _ => {
                        if token.starts_with(|c: char| c.is_ascii_digit() || c == '.')
                            || token.eq_ignore_ascii_case("TRUE")
                            || token.eq_ignore_ascii_case("FALSE")
                        {
                            // a number (1.5, 1E, the exponent follows) or a row range (4:4)
                            if token.contains(':') && !is_row_range(&token) {
                                return None;
                            }
                            out.push_str(&token);
                        } else {
                            out.push_str(&shift_reference(&token, shift(own))?);
                        }
                    }
                }
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    Some(out)
}

/// A character of a name, reference or number.
fn is_token_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '.' | '$' | ':' | '\\')
}

/// The token starting at `i` and where it ends.
fn token_at(chars: &[char], i: usize) -> (String, usize) {
    let mut j = i;
    while j < chars.len() && is_token_char(chars[j]) {
        j += 1;
    }
    (chars[i..j].iter().collect(), j)
}

fn is_row_range(token: &str) -> bool {
    token.split(':').all(|p| {
        !p.is_empty()
            && p.trim_start_matches('$')
                .bytes()
                .all(|b| b.is_ascii_digit())
    }) && token.matches(':').count() == 1
}

/// A reference (`A1`, `$B$2`, `A1:C3`, `E:E`, `4:4`) with its columns moved by `shift`;
/// `None` when the token is not a reference (a name) or points into a column taken out.
fn shift_reference(token: &str, shift: Option<&Shift>) -> Option<String> {
    let parts: Vec<&str> = token.split(':').collect();
    if parts.len() > 2 || parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    if is_row_range(token) {
        return Some(token.to_owned());
    }
    let mut out = Vec::with_capacity(parts.len());
    for part in &parts {
        let (col_abs, letters, row_abs, digits) = split_cell(part)?;
        // a cell, a range of cells, or whole columns on both sides (`E:E`; `E` alone is
        // a name)
        let whole_columns = parts.len() == 2
            && parts
                .iter()
                .all(|p| !p.ends_with(|c: char| c.is_ascii_digit()));
        if digits.is_empty() != whole_columns {
            return None;
        }
        let col = column_index(letters)?;
        let moved = match shift {
            Some(s) => s.col(col)?,
            None => col,
        };
        let mut text = String::new();
        if col_abs {
            text.push('$');
        }
        text.push_str(&column_letter(moved));
        if row_abs {
            text.push('$');
        }
        text.push_str(digits);
        out.push(text);
    }
    Some(out.join(":"))
}

/// `$A$1` → (column absolute, `A`, row absolute, `1`); the row may be missing (`$E`).
fn split_cell(part: &str) -> Option<(bool, &str, bool, &str)> {
    let (col_abs, rest) = match part.strip_prefix('$') {
        Some(r) => (true, r),
        None => (false, part),
    };
    let letters_end = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let (letters, rest) = rest.split_at(letters_end);
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let (row_abs, digits) = match rest.strip_prefix('$') {
        Some(d) => (true, d),
        None => (false, rest),
    };
    if row_abs && digits.is_empty() {
        return None;
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) || digits.starts_with('0') {
        return None;
    }
    if !digits.is_empty()
        && digits
            .parse::<u32>()
            .ok()
            .filter(|&r| r <= 1_048_576)
            .is_none()
    {
        return None;
    }
    Some((col_abs, letters, row_abs, digits))
}

/// `A` → 0, `XFD` → 16383; `None` past Excel's last column.
fn column_index(letters: &str) -> Option<usize> {
    let mut n = 0usize;
    for b in letters.bytes() {
        n = n * 26 + usize::from(b.to_ascii_uppercase() - b'A') + 1;
    }
    (n <= 16_384).then(|| n - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shifted(formula: &str) -> Option<String> {
        // sheet 組織的対策: column D on moved right by 4, an earlier run's 2 columns at D
        // taken out first on sheet 'My Sheet'
        let own = Shift {
            at: 3,
            removed: 0,
            added: 4,
        };
        let other = Shift {
            at: 3,
            removed: 2,
            added: 4,
        };
        shift_formula(formula, "組織的対策", |name| match name {
            "組織的対策" => Some(&own),
            "My Sheet" => Some(&other),
            _ => None,
        })
        .map(|s| s.to_owned())
    }

    #[test]
    fn references_move_with_the_columns_inserted() {
        assert_eq!(shifted("SUM(E4:E5)").as_deref(), Some("SUM(I4:I5)"));
        assert_eq!(shifted("1+1").as_deref(), Some("1+1"));
        assert_eq!(
            shifted("$A$1+C2+$D2+D$3").as_deref(),
            Some("$A$1+C2+$H2+H$3")
        );
        // a range across the insertion grows, as in Excel
        assert_eq!(shifted("COUNTA(A1:F1)").as_deref(), Some("COUNTA(A1:J1)"));
        assert_eq!(shifted("SUM(E:E)").as_deref(), Some("SUM(I:I)"));
        assert_eq!(shifted("SUM(4:4)").as_deref(), Some("SUM(4:4)"));
        // other sheets: moved by their own columns, or not at all
        assert_eq!(
            shifted("'My Sheet'!F2+Other!E2+組織的対策!E2").as_deref(),
            Some("'My Sheet'!H2+Other!E2+組織的対策!I2")
        );
        // text, numbers, booleans and errors stay as they are
        assert_eq!(
            shifted(r#"IF(E4>1.5E+3,"E4 ""x""",TRUE)&#N/A"#).as_deref(),
            Some(r#"IF(I4>1.5E+3,"E4 ""x""",TRUE)&#N/A"#)
        );
        assert_eq!(
            shifted("_xlfn.XLOOKUP(E2,A:A,B:B)").as_deref(),
            Some("_xlfn.XLOOKUP(I2,A:A,B:B)")
        );
    }

    #[test]
    fn formulas_that_cannot_be_carried_over_for_sure_are_refused() {
        // into a column taken out, a name, structured, external and 3-D references
        assert_eq!(shifted("'My Sheet'!D2"), None);
        assert_eq!(shifted("SUM(Prices)*2"), None);
        assert_eq!(shifted("SUM(Table1[Amount])"), None);
        assert_eq!(shifted("[1]Sheet1!A1"), None);
        assert_eq!(shifted("SUM(Sheet1:Sheet3!A1)"), None);
        assert_eq!(shifted("'unclosed"), None);
        assert_eq!(shifted("ABCD1+1"), None);
        assert_eq!(shifted("LET(x,1,x+E2)"), None);
    }
}
