//! The correspondence of ISO/IEC 27002:2022 (= ISO/IEC 27001:2022 Annex A, JIS Q 27001:2023
//! 附属書A, JIS Q 27002:2024) controls to the 2013 controls, from ISO/IEC 27002:2022 Annex B:
//! `catalog/reference/iso27002-2022-to-2013.csv`, compiled in. A fact of the standards, not
//! of a catalog: it is used with any catalog numbered as ISO/IEC 27002:2013.
use std::sync::OnceLock;

/// The copy kept in the repository (see `catalog/reference/PROVENANCE.md`).
pub const CSV: &str = include_str!("../../catalog/reference/iso27002-2022-to-2013.csv");

/// One ISO/IEC 27002:2022 control.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Control2022 {
    /// `5.15`
    pub id: String,
    /// Theme (5 organizational, 6 people, 7 physical, 8 technological) and number.
    pub theme: u32,
    pub number: u32,
    /// The short English title.
    pub title: String,
    /// The 2013 controls it corresponds to (`9.1.1`, `9.1.2`); empty when it is new.
    pub ids_2013: Vec<String>,
    /// New in 2022: no 2013 predecessor, so no ISMAP counterpart.
    pub new: bool,
}

/// The whole correspondence, in id order.
#[derive(Debug, Default)]
pub struct Table {
    pub controls: Vec<Control2022>,
}

impl Table {
    /// Parses the CSV text (`id_2022,title_2022,ids_2013,new_in_2022,source`).
    pub fn parse(text: &str) -> Result<Table, String> {
        let mut rdr = csv::Reader::from_reader(text.as_bytes());
        let mut controls = Vec::new();
        for (n, r) in rdr.records().enumerate() {
            let r = r.map_err(|e| format!("row {}: {e}", n + 2))?;
            let field = |i: usize| r.get(i).unwrap_or("").trim();
            let id = field(0).to_owned();
            let (theme, number) = id
                .split_once('.')
                .and_then(|(t, n)| Some((t.parse().ok()?, n.parse().ok()?)))
                .ok_or_else(|| format!("row {}: '{id}' is no 2022 control id", n + 2))?;
            let ids_2013: Vec<String> = field(2)
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            let new = field(3) == "yes";
            if new != ids_2013.is_empty() {
                return Err(format!(
                    "row {}: {id}: new_in_2022 and ids_2013 disagree",
                    n + 2
                ));
            }
            controls.push(Control2022 {
                id,
                theme,
                number,
                title: field(1).to_owned(),
                ids_2013,
                new,
            });
        }
        Ok(Table { controls })
    }

    /// The compiled-in table. The copy parses (tested); were it not to, the table would be
    /// empty and every 2022 reference unresolved — never resolved wrongly.
    pub fn embedded() -> &'static Table {
        static TABLE: OnceLock<Table> = OnceLock::new();
        TABLE.get_or_init(|| Table::parse(CSV).unwrap_or_default())
    }

    pub fn get(&self, theme: u32, number: u32) -> Option<&Control2022> {
        self.controls
            .iter()
            .find(|c| c.theme == theme && c.number == number)
    }

    /// The controls of a theme whose number is in `from..=to`.
    pub fn between(&self, theme: u32, from: u32, to: u32) -> Vec<&Control2022> {
        self.controls
            .iter()
            .filter(|c| c.theme == theme && (from..=to).contains(&c.number))
            .collect()
    }

    pub fn has_theme(&self, theme: u32) -> bool {
        self.controls.iter().any(|c| c.theme == theme)
    }

    /// The 2022 controls a 2013 control feeds (`9.2.3` → `8.2`).
    pub fn successors(&self, id_2013: &str) -> Vec<&Control2022> {
        self.controls
            .iter()
            .filter(|c| c.ids_2013.iter().any(|i| i == id_2013))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_copy_parses_with_every_control() {
        let t = Table::parse(CSV).unwrap();
        assert_eq!(t.controls.len(), 93);
        let new: Vec<&str> = t
            .controls
            .iter()
            .filter(|c| c.new)
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(
            new,
            ["5.7", "5.23", "5.30", "7.4", "8.9", "8.10", "8.11", "8.12", "8.16", "8.23", "8.28"]
        );
        assert_eq!(t.get(8, 2).unwrap().ids_2013, ["9.2.3"]);
        assert_eq!(t.get(7, 1).unwrap().ids_2013, ["11.1.1"]);
        // 18.2.3 feeds two 2022 controls
        let s: Vec<&str> = t
            .successors("18.2.3")
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(s, ["5.36", "8.8"]);
        assert_eq!(Table::embedded().controls.len(), 93);
        assert!(
            Table::parse("id_2022,title_2022,ids_2013,new_in_2022,source\n5.x,t,,yes,s\n").is_err()
        );
    }
}
