//! A calendar date (no time zone): parsing `YYYY-MM-DD`, today's date, month arithmetic.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        assert_eq!(Date::parse("2026-04-01"), Date::new(2026, 4, 1));
        assert_eq!(Date::parse("２０２６／４／１"), Date::new(2026, 4, 1));
        assert_eq!(Date::parse("2026-02-30"), None);
        assert_eq!(Date::parse("26-02-01"), None);
        assert_eq!(Date::parse("2026-02"), None);
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
