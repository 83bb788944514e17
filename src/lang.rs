//! The output language (`--lang ja|en`) and how it is chosen from the environment.
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ja,
    En,
}

impl Lang {
    /// `ja` when the locale (LC_ALL, else LANG) starts with `ja`, else `en`.
    pub fn from_locale(lc_all: Option<&str>, lang: Option<&str>) -> Lang {
        let locale = lc_all.filter(|s| !s.is_empty()).or(lang).unwrap_or("");
        // the language code `ja`, then the end or a territory, encoding or modifier
        // (`ja`, `ja_JP.UTF-8`, `ja.SJIS`), not another code that starts so (`jav_ID`)
        let lower = locale.to_ascii_lowercase();
        if lower
            .strip_prefix("ja")
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['_', '-', '.', '@']))
        {
            Lang::Ja
        } else {
            Lang::En
        }
    }

    /// Picks the text for this language.
    pub fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }

    /// A registry fact as shown: a profile's `true`/`false` (kept as `yes`/`no`) in this
    /// language (有/無 in Japanese); any other text as written.
    pub fn fact(self, value: &str) -> &str {
        match value {
            "yes" => self.pick("有", "yes"),
            "no" => self.pick("無", "no"),
            _ => value,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_decides_default() {
        assert_eq!(Lang::from_locale(None, Some("ja_JP.UTF-8")), Lang::Ja);
        assert_eq!(Lang::from_locale(Some("ja_JP.UTF-8"), Some("C")), Lang::Ja);
        assert_eq!(
            Lang::from_locale(Some("C.UTF-8"), Some("ja_JP.UTF-8")),
            Lang::En
        );
        assert_eq!(Lang::from_locale(Some(""), Some("ja_JP.UTF-8")), Lang::Ja);
        assert_eq!(Lang::from_locale(None, None), Lang::En);
        assert_eq!(Lang::from_locale(None, Some("ja")), Lang::Ja);
        assert_eq!(Lang::from_locale(None, Some("ja.SJIS")), Lang::Ja);
        assert_eq!(Lang::from_locale(None, Some("jav_ID.UTF-8")), Lang::En);
    }

    #[test]
    fn yes_and_no_facts_are_shown_in_the_language() {
        assert_eq!(Lang::Ja.fact("no"), "無");
        assert_eq!(Lang::Ja.fact("yes"), "有");
        assert_eq!(Lang::En.fact("no"), "no");
        assert_eq!(Lang::Ja.fact("なし"), "なし");
    }
}
