//! A grid of text cells with a tone per row: what the table, CSV and Markdown renderers draw.
use crate::analysis::Status;

/// How a row should stand out on a terminal or in a workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Good,
    Warn,
    /// Covered, but not with the assurance asked for.
    Caution,
    Bad,
    Alert,
    /// Could not be judged (a cell that could not be read).
    Unknown,
    /// Not judged: nothing given to judge it on (no reference).
    Blank,
    /// Not asked: left out.
    Muted,
    Plain,
}

/// Each status has a tone of its own, so a filled cell alone tells them apart.
impl From<Status> for Tone {
    fn from(s: Status) -> Tone {
        match s {
            Status::Covered => Tone::Good,
            Status::AssuranceGap => Tone::Caution,
            Status::Partial => Tone::Warn,
            Status::NotCovered => Tone::Bad,
            Status::OutsideIsmap => Tone::Alert,
            Status::Unmapped => Tone::Blank,
            Status::NotAsked => Tone::Muted,
            Status::NotAnalysed => Tone::Unknown,
        }
    }
}

/// Headers, rows, and (optionally) the column whose cell is coloured by the row's tone.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub tones: Vec<Tone>,
    pub tone_column: Option<usize>,
}

impl Grid {
    pub fn new(headers: impl IntoIterator<Item = impl Into<String>>) -> Grid {
        Grid {
            headers: headers.into_iter().map(Into::into).collect(),
            ..Grid::default()
        }
    }

    pub fn push(&mut self, row: Vec<String>, tone: Tone) {
        self.rows.push(row);
        self.tones.push(tone);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_its_own_tone() {
        let tones: Vec<Tone> = Status::ALL.iter().map(|s| Tone::from(*s)).collect();
        for (i, a) in tones.iter().enumerate() {
            assert!(
                !tones[i + 1..].contains(a),
                "{:?} shares {a:?}",
                Status::ALL[i]
            );
            assert_ne!(*a, Tone::Plain);
        }
    }
}
