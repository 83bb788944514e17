//! A calendar date (no time zone): parsing `YYYY-MM-DD` and the forms a Japanese or English
//! document writes (`2021年3月12日`, `令和3年3月12日`, `March 12, 2021`) and periods of two
//! dates, today's date, month arithmetic.
use std::fmt;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl Date {
    /// The Japanese fiscal year (April to March) the date falls in: `2026-12-01` and
    /// `2027-03-31` are in 2026, `2026-03-31` in 2025.
    pub fn fiscal_year(self) -> i32 {
        if self.month >= 4 {
            self.year
        } else {
            self.year - 1
        }
    }

    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day)
            && (1900..=9999).contains(&year))
        .then_some(Date { year, month, day })
    }

    /// `2026-04-01`, also `2026/04/01` and `2026.4.1`, full width accepted.
    pub fn parse(s: &str) -> Option<Date> {
        let s = crate::text::fold_width(s);
        let mut it = s.trim().split(['-', '/', '.']);
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        if it.next().is_some() || y.len() != 4 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// A date as a Japanese or English document writes it: `2021-03-12`, `2021/3/12`,
    /// `2021.3.12`, `2021年3月12日`, the Japanese eras `令和3年3月12日` / `令和元年5月1日` /
    /// `平成31年4月30日` (also `R3.3.12`, `H31/4/30`), `March 12, 2021`, `12 March 2021`;
    /// full width and spaces accepted; a weekday in brackets after it (`2021年3月12日（金）`)
    /// must be that date's. An era date outside its era (`令和1年4月30日`: Reiwa began on
    /// 2019-05-01) is not a date.
    pub fn parse_written(s: &str) -> Option<Date> {
        let folded = crate::text::fold_width(s);
        let (text, weekday) = split_weekday(folded.trim())?;
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let date = Date::parse(&compact)
            .or_else(|| kanji_date(&compact))
            .or_else(|| era_date(&compact))
            .or_else(|| english_date(text))?;
        match weekday {
            Some(w) if w != date.weekday() => None,
            _ => Some(date),
        }
    }

    /// A deadline as a document writes it: a date ([`Date::parse_written`]), `まで` or `迄`
    /// after it meaning the same day (`2027年3月31日まで`, `2027/3/31まで`, review 23 C-8).
    pub fn parse_deadline(s: &str) -> Option<Date> {
        let t = s.trim();
        let t = t
            .strip_suffix("まで")
            .or_else(|| t.strip_suffix('迄'))
            .unwrap_or(t);
        Date::parse_written(t)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday
        (self.to_days() + 3).rem_euclid(7) as u32
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Today in UTC+9 (Japan), the scheme's time zone.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Date::from_days((secs + 9 * 3600).div_euclid(86_400))
    }

    /// The same day `n` months later, clamped to the month's end.
    pub fn add_months(self, n: i32) -> Date {
        let total = self.year * 12 + self.month as i32 - 1 + n;
        let (year, month) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }
}

/// A weekday in brackets at the end of a date (`（金）`, `(Fri)`): the text before it and the
/// weekday (0 = Monday); `None` when the brackets hold something else.
fn split_weekday(s: &str) -> Option<(&str, Option<u32>)> {
    let Some(inner) = s.strip_suffix(')') else {
        return Some((s, None));
    };
    let open = inner.rfind('(')?;
    let day = inner[open + 1..].trim().to_lowercase();
    const JA: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];
    const EN: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let day = day.trim_end_matches('.');
    let w = JA
        .iter()
        .position(|d| day == *d || day == format!("{d}曜") || day == format!("{d}曜日"))
        .or_else(|| {
            EN.iter()
                .position(|d| day.starts_with(d) && (day.len() == 3 || day.ends_with("day")))
        })?;
    Some((&inner[..open], Some(w as u32)))
}

/// `2021年3月12日`; the month's last day as `2027年3月末日` or `2027年3月末` (review 23 C-8).
fn kanji_date(s: &str) -> Option<Date> {
    let (y, rest) = s.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    if y.len() != 4 {
        return None;
    }
    day_of_month(number(y)?, number(m)? as u32, rest)
}

/// The day `d` (`12日`, `末日`, `末`: the month's last) of a month.
fn day_of_month(year: i32, month: u32, d: &str) -> Option<Date> {
    if matches!(d, "末日" | "末") {
        return (1..=12)
            .contains(&month)
            .then(|| Date::new(year, month, days_in_month(year, month)))
            .flatten();
    }
    Date::new(year, month, number(d.strip_suffix('日')?)? as u32)
}

/// `令和3年3月12日`, `令和元年5月1日`, `平成31年4月30日`, `R3.3.12`, `H31/4/30`: the year of the
/// era turned into the Western year, the date checked against the era's span.
fn era_date(s: &str) -> Option<Date> {
    let (first, last, rest) = strip_era(s)?;
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let (y, m, d) = if let Some((y, rest)) = rest.split_once('年') {
        let (m, rest) = rest.split_once('月')?;
        (y, m, rest.to_owned())
    } else {
        let mut it = rest.split(['.', '/', '-']);
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        if it.next().is_some() {
            return None;
        }
        (y, m, format!("{d}日"))
    };
    let year = if y == "元" { 1 } else { number(y)? };
    if !(1..=99).contains(&year) {
        return None;
    }
    let date = day_of_month(first.0 + year - 1, number(m)? as u32, &d)?;
    let (first, last) = (
        Date::new(first.0, first.1, first.2)?,
        Date::new(last.0, last.1, last.2)?,
    );
    (first <= date && date <= last).then_some(date)
}

/// A day as (year, month, day).
type Day = (i32, u32, u32);

/// The eras a date may be written in: (names, first day, last day). Heisei 1989-01-08 –
/// 2019-04-30, Reiwa from 2019-05-01.
const ERAS: [(&[&str], Day, Day); 2] = [
    (&["令和", "R", "r"], (2019, 5, 1), (9999, 12, 31)),
    (&["平成", "H", "h"], (1989, 1, 8), (2019, 4, 30)),
];

/// The era `s` opens with (its first and last day), and the rest of `s`.
fn strip_era(s: &str) -> Option<(Day, Day, &str)> {
    ERAS.iter().find_map(|(names, first, last)| {
        names
            .iter()
            .find_map(|n| s.strip_prefix(n))
            .map(|rest| (*first, *last, rest))
    })
}

/// `March 12, 2021`, `Mar. 12 2021`, `12 March 2021`.
fn english_date(s: &str) -> Option<Date> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let month = |w: &str| {
        let w = w.trim_end_matches('.');
        MONTHS
            .iter()
            .position(|m| *m == w || (m.starts_with(w) && (w.len() == 3 || w == "sept")))
            .map(|i| i as u32 + 1)
    };
    let (m, d, y) = match words.as_slice() {
        [m, d, y] if month(m).is_some() => (month(m)?, *d, *y),
        [d, m, y] if month(m).is_some() => (month(m)?, *d, *y),
        _ => return None,
    };
    let d = d.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if y.len() != 4 {
        return None;
    }
    Date::new(number(y)?, m, number(d)? as u32)
}

/// A number of at most four ASCII digits.
fn number(s: &str) -> Option<i32> {
    (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// A period as a document writes it: two dates (each as [`Date::parse_written`] reads it)
/// joined by `～`, `〜`, `~`, `-`, `–`, `から…(まで)`, `to`, `through`, `until` (`from … to
/// …`); the second may leave out the year of the first (`2024年4月1日～9月30日`). `None` when
/// the text is not read as one period: one date alone is not (the rest of a period broken
/// over two lines, maybe; a period of one day is written with its date twice, or as a
/// point in time: `2025年9月30日時点`, `as of 2025-09-30`), nor a split
/// that gives two dates in more than one way. The order of the two dates is not checked.
pub fn parse_period(s: &str) -> Option<(Date, Date)> {
    let folded = crate::text::fold_width(s).into_owned();
    let mut text = folded
        .trim()
        .trim_end_matches(['。', '.'])
        .trim()
        .to_owned();
    for end in ["まで", "迄"] {
        if let Some(t) = text.strip_suffix(end) {
            text = t.trim().to_owned();
        }
    }
    if text
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("from "))
    {
        text = text[5..].trim().to_owned();
    }
    // its length restated after it (`（12か月）`, `(6 months)`): it must be the period's
    let (text, months) = match length_noted(&text) {
        Some((rest, n)) => (rest.to_owned(), Some(n)),
        None => (text, None),
    };
    let period = period_of(&text)?;
    match months {
        Some(n) if period.0.add_months(n) != add_days(period.1, 1) => None,
        _ => Some(period),
    }
}

/// `date` moved by `n` days.
fn add_days(date: Date, n: i64) -> Date {
    Date::from_days(date.to_days() + n)
}

/// A period's length in months noted in brackets at its end (`（12か月）`, `(12ヶ月)`,
/// `(6 months)`): the text before it and the number.
fn length_noted(text: &str) -> Option<(&str, i32)> {
    let inner = text.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let note: String = inner[open + 1..]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let digits = note.len() - note.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let unit = &note[digits..];
    let months = matches!(
        unit.to_lowercase().as_str(),
        "か月"
            | "ヶ月"
            | "カ月"
            | "ケ月"
            | "箇月"
            | "ヵ月"
            | "ヵ月間"
            | "か月間"
            | "ヶ月間"
            | "カ月間"
            | "month"
            | "months"
    );
    (digits > 0 && months).then(|| Some((inner[..open].trim(), number(&note[..digits])?)))?
}

/// [`parse_period`] on a text without `から`, `まで` or a length note around it.
fn period_of(text: &str) -> Option<(Date, Date)> {
    // the day of a design-only audit (`基準日 2025年3月31日`, `2025年3月31日（基準日）`), as
    // a point in time (`2025年3月31日時点`) is: one day
    if let Some(day) = text
        .strip_prefix("基準日")
        .map(|d| d.trim_start_matches([':', ' ']))
        .or_else(|| text.strip_suffix("(基準日)"))
        .and_then(|d| Date::parse_written(d.trim()))
    {
        return Some((day, day));
    }
    // a point in time (a design-only assessment): one date marked as such is one day
    if let Some(day) = text
        .strip_suffix("時点")
        .or_else(|| {
            text.get(..6)
                .filter(|w| w.eq_ignore_ascii_case("as of "))
                .map(|_| &text[6..])
        })
        .and_then(|d| Date::parse_written(d.trim()))
    {
        return Some((day, day));
    }
    let mut found: Option<(Date, Date)> = None;
    for (at, sep) in separators(text) {
        let (a, b) = (&text[..at], &text[at + sep..]);
        // a period of months (`2025年4月～2026年3月`): from the first to the last day
        let (from, to) = match (month_of(a), month_of(b)) {
            (Some((y, m)), Some((y2, m2))) => {
                let Some(from) = Date::new(y, m, 1) else {
                    continue;
                };
                let Some(to) = Date::new(y2, m2, days_in_month(y2, m2)) else {
                    continue;
                };
                (from, to)
            }
            _ => {
                let Some(from) = Date::parse_written(a) else {
                    continue;
                };
                let Some(to) = Date::parse_written(b).or_else(|| month_day(b, from.year)) else {
                    continue;
                };
                (from, to)
            }
        };
        if found.is_some_and(|f| f != (from, to)) {
            return None;
        }
        found = Some((from, to));
    }
    found
}

/// Where a period's two dates may be split, with the separator's length in bytes.
fn separators(text: &str) -> Vec<(usize, usize)> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    for (i, c) in lower.char_indices() {
        if matches!(c, '~' | '〜' | '-' | '―' | '‐' | '－') {
            out.push((i, c.len_utf8()));
        }
    }
    for word in ["から", " to ", " through ", " until ", " till "] {
        out.extend(lower.match_indices(word).map(|(i, w)| (i, w.len())));
    }
    out
}

/// A month as a period's end writes it (`2025年4月`, `令和7年4月`, `2025/4`): its year and
/// month.
fn month_of(s: &str) -> Option<(i32, u32)> {
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let (year, m) = if let Some((y, rest)) = compact.split_once('年') {
        let m = rest.strip_suffix('月')?;
        let year = match strip_era(y) {
            Some((first, _, n)) => {
                let n = if n == "元" { 1 } else { number(n)? };
                if !(1..=99).contains(&n) {
                    return None;
                }
                first.0 + n - 1
            }
            None if y.len() == 4 => number(y)?,
            None => return None,
        };
        (year, m.to_owned())
    } else {
        let (y, m) = compact.split_once('/')?;
        if y.len() != 4 {
            return None;
        }
        (number(y)?, m.to_owned())
    };
    let month = number(&m)? as u32;
    (1..=12).contains(&month).then_some((year, month))
}

/// `9月30日`, `9/30`, `Sep 30`: a date in the year `year`.
fn month_day(s: &str, year: i32) -> Option<Date> {
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some((m, rest)) = compact.split_once('月') {
        let d = rest.strip_suffix('日')?;
        return Date::new(year, number(m)? as u32, number(d)? as u32);
    }
    let mut it = compact.split(['/', '.']);
    if let (Some(m), Some(d), None) = (it.next(), it.next(), it.next()) {
        if let (Some(m), Some(d)) = (number(m), number(d)) {
            return Date::new(year, m as u32, d as u32);
        }
    }
    english_date(&format!("{s} {year}"))
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The dates of [`dates_in`] that name one day (`2027年4月1日`, not `2027年4月` or
/// `2027年度`), each as written.
pub fn days_in(text: &str) -> Vec<(String, Date)> {
    let mut dates = dates_in(text);
    dates.retain(|(written, _)| Date::parse_written(written).is_some());
    dates
}

/// The dates a text writes, each with the last day it may mean: `2027-04-01`, `2027/4/1`,
/// `2027年4月1日`, `令和9年4月1日`, `R9.4.1` (a day), `2027年4月`, `2027/04` (its month's
/// last day), `2027年` (the year's), `2027年度`, `令和9年度` (the Japanese fiscal year's,
/// the next 31 March). Numbers that are not dates (`27001`, `ver.2027.1`) are passed over.
pub fn dates_in(text: &str) -> Vec<(String, Date)> {
    let folded = crate::text::fold_width(text);
    let chars: Vec<char> = folded.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        // not inside a word or a document number (`v2027`, `SEC-2027-01`, `log_2027`)
        let apart = !before
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, '-' | '_' | '#' | '.'));
        let era = [['令', '和'], ['平', '成']]
            .iter()
            .find(|e| chars[i..].starts_with(&e[..]))
            .map(|_| 2)
            .or_else(|| {
                (apart
                    && matches!(chars[i], 'R' | 'H' | 'r' | 'h')
                    && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit()))
                .then_some(1)
            });
        let starts = era.is_some() || (apart && chars[i].is_ascii_digit());
        if !starts {
            i += 1;
            continue;
        }
        let body = i + era.unwrap_or(0);
        let mut end = body;
        while end < chars.len()
            && (chars[end].is_ascii_digit()
                || matches!(
                    chars[end],
                    '年' | '月' | '日' | '度' | '元' | '/' | '-' | '.'
                ))
        {
            end += 1;
        }
        let run: String = chars[i..end].iter().collect();
        match written_date(&run, era.is_some()) {
            Some((len, last)) => {
                let written: String = run.chars().take(len).collect();
                out.push((written, last));
                i += len.max(1);
            }
            None => i = end.max(i + 1),
        }
    }
    out
}

/// The first day a date [`dates_in`] read (`written`, with `last`, the last day it may
/// mean) may mean: the day itself, else the first of its month, of its year or of its
/// fiscal year (1 April).
pub fn first_day(written: &str, last: Date) -> Date {
    let folded = crate::text::fold_width(written);
    let w = folded.trim();
    let first = if Date::parse_written(w).is_some() {
        Some(last)
    } else if w.ends_with("年度") {
        Date::new(last.year - 1, 4, 1)
    } else if w.ends_with('年') {
        Date::new(last.year, 1, 1)
    } else {
        Date::new(last.year, last.month, 1)
    };
    first.unwrap_or(last)
}

/// The dates a cell under a header naming when a control was implemented (`実施日`,
/// `導入日`) writes: as [`dates_in`] reads them, and also in kanji numerals
/// (`令和九年四月一日`, `二〇二七年四月一日`), as eight digits (`20270401`) and as a
/// five-digit Excel serial number (`46478`, the 1900 date system: a date cell shown without
/// a date format), each with the last day it may mean. Empty when none is read (`27/4/1`,
/// `Apr-27`, `4月2日`, `2027`, `導入済`).
pub fn implementation_dates(text: &str) -> Vec<(String, Date)> {
    let t = crate::text::fold_width(text).trim().to_owned();
    if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) {
        let day = match t.len() {
            8 => number(&t[..4]).and_then(|y| {
                Date::new(y, number(&t[4..6])? as u32, number(&t[6..])? as u32)
                    .filter(|_| (1900..=2200).contains(&y))
            }),
            // an Excel serial: day 1 is 1900-01-01, and Excel counts a 29 February 1900
            // (serial 25569 is 1970-01-01)
            5 => t.parse::<i64>().ok().map(|n| Date::from_days(n - 25_569)),
            _ => None,
        };
        let written = |d: Date| match t.len() {
            5 => format!("{t} = {d}"),
            _ => t.clone(),
        };
        return day.map(|d| vec![(written(d), d)]).unwrap_or_default();
    }
    dates_in(&kanji_numerals(&t))
}

/// Kanji numerals turned into digits (`令和九年四月一日` → `令和9年4月1日`, `二〇二七年` →
/// `2027年`, `二十` → `20`), up to 99 with 十.
fn kanji_numerals(text: &str) -> String {
    const DIGITS: &str = "〇一二三四五六七八九";
    let digit = |c: char| {
        if c == '零' {
            Some(0)
        } else {
            DIGITS.chars().position(|d| d == c)
        }
    };
    let mut out = String::new();
    let mut run: Vec<char> = Vec::new();
    let flush = |run: &mut Vec<char>, out: &mut String| {
        if run.is_empty() {
            return;
        }
        match run.iter().position(|&c| c == '十') {
            Some(i)
                if run.iter().filter(|&&c| c == '十').count() == 1
                    && i <= 1
                    && run.len() - i <= 2 =>
            {
                let tens = run[..i].first().and_then(|&c| digit(c)).unwrap_or(1);
                let units = run.get(i + 1).and_then(|&c| digit(c)).unwrap_or(0);
                out.push_str(&(tens * 10 + units).to_string());
            }
            Some(_) => out.extend(run.iter()),
            None => out.extend(
                run.iter()
                    .filter_map(|&c| digit(c))
                    .map(|d| char::from(b'0' + d as u8)),
            ),
        }
        run.clear();
    };
    for c in text.chars() {
        if digit(c).is_some() || c == '十' {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The date at the start of `run` (an era's name first when `era`): its length in chars
/// and the last day it may mean.
fn written_date(run: &str, era: bool) -> Option<(usize, Date)> {
    // Without an era's name, every form read below opens with a year of exactly four digits
    // (`Date::parse`, `kanji_date`, the month, fiscal-year and year forms; a run holds no
    // space or letter for `english_date`, no era name for `era_date`): a run that does not
    // (`3.1.2`, `27001`, `12.4.1`) gives none, and its prefixes are not tried one by one.
    if !era && run.bytes().take_while(u8::is_ascii_digit).count() != 4 {
        return None;
    }
    let chars: Vec<char> = run.chars().collect();
    let last_of_month =
        |y: i32, m: u32| Date::new(y, m, 1).map(|d| Date::from_days(d.add_months(1).to_days() - 1));
    // the longest prefix read as a day, then as a month, a fiscal year, a year
    for len in (1..=chars.len()).rev() {
        let s: String = chars[..len].iter().collect();
        if s.ends_with(['/', '-', '.']) {
            continue;
        }
        if let Some(d) = Date::parse_written(&s) {
            return Some((len, d));
        }
    }
    let (year, rest) = if era {
        let (first, _, rest) = strip_era(run)?;
        let name = first.0 - 1;
        let digits: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '元')
            .collect();
        let n = if digits == "元" { 1 } else { number(&digits)? };
        (name + n, &rest[digits.len()..])
    } else {
        let digits: String = run.chars().take_while(char::is_ascii_digit).collect();
        if digits.len() != 4 {
            return None;
        }
        (number(&digits)?, &run[4..])
    };
    if !(1900..=2200).contains(&year) {
        return None;
    }
    let head = run.chars().count() - rest.chars().count();
    if rest.starts_with("年度") {
        return Some((head + 2, Date::new(year + 1, 3, 31)?));
    }
    let month_sep = rest.strip_prefix('年').map(|r| (r, '月')).or_else(|| {
        (!era)
            .then(|| rest.strip_prefix(['/', '-']))
            .flatten()
            .map(|r| (r, ' '))
    });
    if let Some((r, close)) = month_sep {
        let digits: String = r.chars().take_while(char::is_ascii_digit).collect();
        if let (Some(m), true) = (
            number(&digits).filter(|_| digits.len() <= 2),
            close == ' ' || r[digits.len()..].starts_with(close),
        ) {
            if let Some(last) = last_of_month(year, m as u32) {
                let len = head + 1 + digits.len() + usize::from(close != ' ');
                return Some((len, last));
            }
        }
        if rest.starts_with('年') {
            return Some((head + 1, Date::new(year, 12, 31)?));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_day_of_a_written_date() {
        let first = |w: &str| {
            let (written, last) = dates_in(w).remove(0);
            first_day(&written, last).to_string()
        };
        assert_eq!(first("2026年度"), "2026-04-01");
        assert_eq!(first("令和8年度"), "2026-04-01");
        assert_eq!(first("2026年"), "2026-01-01");
        assert_eq!(first("2026年12月"), "2026-12-01");
        assert_eq!(first("2026/12"), "2026-12-01");
        assert_eq!(first("2026年12月31日"), "2026-12-31");
        assert_eq!(first("2026-12-31"), "2026-12-31");
    }

    #[test]
    fn the_fiscal_year_runs_april_to_march() {
        let fy = |y, m, d| Date::new(y, m, d).map(Date::fiscal_year);
        assert_eq!(fy(2026, 4, 1), Some(2026));
        assert_eq!(fy(2026, 12, 1), Some(2026));
        assert_eq!(fy(2027, 3, 31), Some(2026));
        assert_eq!(fy(2026, 3, 31), Some(2025));
    }

    #[test]
    fn implementation_dates_in_kanji_numerals_digits_and_serials() {
        let day = |s: &str| implementation_dates(s).first().map(|(_, d)| d.to_string());
        assert_eq!(day("令和九年四月一日").as_deref(), Some("2027-04-01"));
        assert_eq!(day("令和元年五月一日").as_deref(), Some("2019-05-01"));
        assert_eq!(day("二〇二七年四月一日").as_deref(), Some("2027-04-01"));
        assert_eq!(day("令和六年十二月二十五日").as_deref(), Some("2024-12-25"));
        assert_eq!(day("20270401").as_deref(), Some("2027-04-01"));
        assert_eq!(day("２０２４０４０１").as_deref(), Some("2024-04-01"));
        assert_eq!(day("46478").as_deref(), Some("2027-04-01"));
        assert_eq!(day("45383").as_deref(), Some("2024-04-01"));
        assert_eq!(day("2024-04-01").as_deref(), Some("2024-04-01"));
        assert_eq!(day("2024年度").as_deref(), Some("2025-03-31"));
        for none in [
            "27/4/1",
            "Apr-27",
            "4月2日",
            "2027",
            "導入済",
            "20271301",
            "123",
        ] {
            assert_eq!(day(none), None, "{none}");
        }
    }

    #[test]
    fn dates_written_in_a_text_with_the_last_day_they_mean() {
        let d = |y, m, d| Date::new(y, m, d).unwrap();
        for (text, want) in [
            ("2027-04-01", vec![("2027-04-01", d(2027, 4, 1))]),
            ("2027/4/1に導入", vec![("2027/4/1", d(2027, 4, 1))]),
            ("２０２７年４月１日", vec![("2027年4月1日", d(2027, 4, 1))]),
            ("令和9年4月1日実施", vec![("令和9年4月1日", d(2027, 4, 1))]),
            ("R9.4.1", vec![("R9.4.1", d(2027, 4, 1))]),
            ("2027年4月から", vec![("2027年4月", d(2027, 4, 30))]),
            ("2027/02", vec![("2027/02", d(2027, 2, 28))]),
            ("2027年度に実施", vec![("2027年度", d(2028, 3, 31))]),
            ("令和元年度", vec![("令和元年度", d(2020, 3, 31))]),
            ("2026年中", vec![("2026年", d(2026, 12, 31))]),
            (
                "2024-04-01導入、2027年4月更新",
                vec![("2024-04-01", d(2024, 4, 1)), ("2027年4月", d(2027, 4, 30))],
            ),
        ] {
            let got = dates_in(text);
            let got: Vec<(&str, Date)> = got.iter().map(|(w, d)| (w.as_str(), *d)).collect();
            assert_eq!(got, want, "{text}");
        }
        for text in [
            "ISO 27001",
            "12.4.1",
            "ver2027.1",
            "2024-2026",
            "RFC 2119",
            "9.2.3.11.PB",
            "第2期",
            "SEC-2027-01",
            "log_2027年.txt",
        ] {
            assert_eq!(dates_in(text), [], "{text}");
        }
    }

    proptest::proptest! {
        /// What lets [`written_date`] pass over a run without an era that does not open
        /// with four digits: no prefix of such a run is read as a day.
        #[test]
        fn a_run_without_four_leading_digits_has_no_day(
            run in "[0-9]{1,7}([年月日度元/.\\-][0-9]{0,5}){0,4}",
        ) {
            let chars: Vec<char> = run.chars().collect();
            if run.bytes().take_while(u8::is_ascii_digit).count() != 4 {
                for len in 1..=chars.len() {
                    let s: String = chars[..len].iter().collect();
                    proptest::prop_assert_eq!(Date::parse_written(&s), None, "{}", s);
                }
                proptest::prop_assert_eq!(written_date(&run, false), None);
            }
        }
    }

    #[test]
    fn parses_and_rejects() {
        assert_eq!(Date::parse("2026-04-01"), Date::new(2026, 4, 1));
        assert_eq!(Date::parse("２０２６／４／１"), Date::new(2026, 4, 1));
        assert_eq!(Date::parse("2026-02-30"), None);
        assert_eq!(Date::parse("26-02-01"), None);
        assert_eq!(Date::parse("2026-02"), None);
    }

    #[test]
    fn written_dates_and_eras() {
        let d = |y, m, day| Date::new(y, m, day);
        for (text, want) in [
            ("2021年3月12日", d(2021, 3, 12)),
            ("２０２１年３月１２日", d(2021, 3, 12)),
            ("2021年 3月 12日", d(2021, 3, 12)),
            ("2021/3/12", d(2021, 3, 12)),
            ("2021-03-12", d(2021, 3, 12)),
            ("2021.3.12", d(2021, 3, 12)),
            ("令和3年3月12日", d(2021, 3, 12)),
            ("令和元年5月1日", d(2019, 5, 1)),
            ("令和1年5月1日", d(2019, 5, 1)),
            ("令和８年３月３１日", d(2026, 3, 31)),
            ("平成31年4月30日", d(2019, 4, 30)),
            ("平成元年1月8日", d(1989, 1, 8)),
            ("平成30年12月1日", d(2018, 12, 1)),
            ("R3.3.12", d(2021, 3, 12)),
            ("H31/4/30", d(2019, 4, 30)),
            ("2021年3月12日（金）", d(2021, 3, 12)),
            ("2021/3/12 (Fri)", d(2021, 3, 12)),
            ("March 12, 2021", d(2021, 3, 12)),
            ("Mar. 12, 2021", d(2021, 3, 12)),
            ("12 March 2021", d(2021, 3, 12)),
            ("Sept 30, 2024", d(2024, 9, 30)),
            // the month's last day (review 23 C-8)
            ("2027年3月末日", d(2027, 3, 31)),
            ("2027年3月末", d(2027, 3, 31)),
            ("2028年2月末日", d(2028, 2, 29)),
            ("令和9年3月末日", d(2027, 3, 31)),
            // not dates: an era date outside its era, a wrong weekday, no year, words
            ("令和1年4月30日", None),
            ("平成31年5月1日", None),
            ("平成元年1月7日", None),
            ("令和0年5月1日", None),
            ("昭和64年1月7日", None),
            ("2021年3月12日（木）", None),
            ("2021年3月12日(予定)", None),
            ("2021年2月30日", None),
            ("3月12日", None),
            ("21/3/12", None),
            ("なし", None),
            ("2021年3月", None),
            ("Marching 12, 2021", None),
            ("2027年13月末日", None),
            ("2027年3月末頃", None),
        ] {
            assert_eq!(Date::parse_written(text), want, "{text}");
        }
        // a deadline: `まで` after a date is that date; a plan or a renewal is none
        for (text, want) in [
            ("2027年3月31日まで", d(2027, 3, 31)),
            ("2027/3/31まで", d(2027, 3, 31)),
            ("2027年3月末日まで", d(2027, 3, 31)),
            ("2027年3月31日", d(2027, 3, 31)),
            ("2027年3月31日（予定）", None),
            ("2027年3月31日（更新中）", None),
            ("まで", None),
        ] {
            assert_eq!(Date::parse_deadline(text), want, "{text}");
        }
        assert_eq!(Date::new(2021, 3, 12).unwrap().weekday(), 4);
    }

    #[test]
    fn periods() {
        let p = |a: &str, b: &str| Some((Date::parse(a).unwrap(), Date::parse(b).unwrap()));
        for (text, want) in [
            ("2024年4月1日～2024年9月30日", p("2024-04-01", "2024-09-30")),
            ("2024年4月1日〜2024年9月30日", p("2024-04-01", "2024-09-30")),
            (
                "2024年4月1日 ~ 2024年9月30日",
                p("2024-04-01", "2024-09-30"),
            ),
            ("2024年4月1日－2024年9月30日", p("2024-04-01", "2024-09-30")),
            ("2024/4/1 - 2024/9/30", p("2024-04-01", "2024-09-30")),
            ("2024-04-01-2024-09-30", p("2024-04-01", "2024-09-30")),
            ("2024-04-01 – 2024-09-30", p("2024-04-01", "2024-09-30")),
            (
                "2024年4月1日から2024年9月30日まで",
                p("2024-04-01", "2024-09-30"),
            ),
            (
                "令和6年4月1日から令和6年9月30日",
                p("2024-04-01", "2024-09-30"),
            ),
            ("2024年4月1日～9月30日", p("2024-04-01", "2024-09-30")),
            (
                "April 1, 2024 to September 30, 2024",
                p("2024-04-01", "2024-09-30"),
            ),
            (
                "from 2024-04-01 through 2024-09-30",
                p("2024-04-01", "2024-09-30"),
            ),
            (
                "2024年9月30日～2024年9月30日",
                p("2024-09-30", "2024-09-30"),
            ),
            ("2024年9月30日", None),
            // a point in time is a period of one day
            ("2025年9月30日時点", p("2025-09-30", "2025-09-30")),
            ("令和7年9月30日 時点", p("2025-09-30", "2025-09-30")),
            ("as of 2025-09-30", p("2025-09-30", "2025-09-30")),
            ("時点", None),
            // the day of a design-only audit, and months from the first to the last day
            ("基準日 2025年3月31日", p("2025-03-31", "2025-03-31")),
            ("基準日：2025年3月31日", p("2025-03-31", "2025-03-31")),
            ("2025年3月31日（基準日）", p("2025-03-31", "2025-03-31")),
            ("2025年4月～2026年3月", p("2025-04-01", "2026-03-31")),
            ("令和7年4月～令和8年2月", p("2025-04-01", "2026-02-28")),
            ("2025/4 - 2025/9", p("2025-04-01", "2025-09-30")),
            (
                "2025年4月1日 ～ 2026年3月31日（12か月）",
                p("2025-04-01", "2026-03-31"),
            ),
            (
                "2025年4月1日～2025年9月30日(6ヶ月)",
                p("2025-04-01", "2025-09-30"),
            ),
            // a length that is not the period's is no restatement
            ("2025年4月1日 ～ 2026年3月31日（6か月）", None),
            ("2025年4月1日 ～ 2026年3月31日（予定）", None),
            ("2025年4月1日 ～ 2026年3月31日（更新中）", None),
            ("2025年4月～", None),
            ("2025年～2026年", None),
            ("2025年3月31日基準", None),
            // the order is the caller's to check
            ("2024年9月30日～2024年4月1日", p("2024-09-30", "2024-04-01")),
            ("2024年4月1日～", None),
            ("2024年4月1日～未定", None),
            ("2024年度上期", None),
            ("なし", None),
        ] {
            assert_eq!(parse_period(text), want, "{text}");
        }
    }

    #[test]
    fn days_round_trip() {
        for s in ["1970-01-01", "2000-02-29", "2024-12-31", "2026-11-26"] {
            let d = Date::parse(s).unwrap();
            assert_eq!(Date::from_days(d.to_days()), d);
        }
        assert_eq!(Date::parse("1970-01-02").unwrap().to_days(), 1);
    }

    #[test]
    fn months_clamp() {
        let d = Date::parse("2025-01-31").unwrap();
        assert_eq!(d.add_months(1).to_string(), "2025-02-28");
        assert_eq!(d.add_months(16).to_string(), "2026-05-31");
        assert_eq!(d.add_months(-16).to_string(), "2023-09-30");
    }
}
