//! What calamine does not check or give for an .xls workbook (BIFF8 records in a compound
//! file): the extent of each sheet's cells before calamine reads them all (it does when it
//! opens the file: a crafted record at column 65,535 or a far row asks for a rectangle of
//! billions of cells), and the records of a sheet whose meaning the tool does not read — a
//! cell comment (NOTE), a text box or comment text (TXO), a hidden row (ROW) or column
//! (COLINFO), a struck-through font (FONT) — found, not interpreted: a sheet holding one is
//! refused with the hint to save the workbook as .xlsx, where each is read (review 25 A-8/
//! A small bounded walker: every length is checked, every chain is cut at the
//! file's number of sectors.
use std::path::Path;

use crate::input::workbook_zip::{cell_name, SheetProblem};

/// What a sheet of an .xls holds that is not read from one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hazard {
    /// A cell comment (NOTE) on the cell (row from 1, column from 0).
    Comment(u32, u32),
    /// The text of a text box, shape or comment (TXO) not tied to a cell found first.
    TextBox,
    /// A hidden (or zero-height) row, from 1.
    HiddenRow(u32),
    /// A hidden (or zero-width) column, from 0.
    HiddenColumn(u32),
    /// A cell (row from 1, column from 0) whose format's font is struck through, or a font
    /// struck through that no cell format uses (a run of rich text may).
    Struck(Option<(u32, u32)>),
}

impl Hazard {
    /// What the refusal says the sheet holds.
    pub fn what(&self) -> String {
        match self {
            Hazard::Comment(r, c) => format!("a comment on {}", cell_name(*r, *c)),
            Hazard::TextBox => "a text box or a comment".to_owned(),
            Hazard::HiddenRow(r) => format!("a hidden row ({r})"),
            Hazard::HiddenColumn(c) => {
                let name = cell_name(1, *c);
                format!("a hidden column ({})", name.trim_end_matches('1'))
            }
            Hazard::Struck(Some((r, c))) => {
                format!("struck-through text at {}", cell_name(*r, *c))
            }
            Hazard::Struck(None) => "a struck-through font (rich text may use it)".to_owned(),
        }
    }
}

/// One sheet of an .xls as the walker found it.
#[derive(Debug, Clone, Default)]
pub struct XlsSheet {
    pub name: String,
    /// The first record of [`Hazard`] found.
    pub hazard: Option<Hazard>,
    /// The cells holding something or formatted (row from 1, column from 0), for the
    /// extent check.
    cells: Vec<(u32, u32)>,
}

const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The bytes of the stream `Workbook` (or BIFF5's `Book`) of a compound file; `None` for a
/// file that is not one or whose structure the walker cannot follow (left to calamine,
/// which says what it cannot read).
fn workbook_stream(file: &[u8]) -> Option<Vec<u8>> {
    if file.get(..8)? != SIGNATURE {
        return None;
    }
    let shift = u16_at(file, 0x1E)?;
    if !(7..=16).contains(&shift) {
        return None;
    }
    let size = 1usize << shift;
    let sectors = file.len().saturating_sub(size) / size + 1;
    let sector = |n: u32| -> Option<&[u8]> {
        let start = (n as usize).checked_add(1)?.checked_mul(size)?;
        file.get(start..start.checked_add(size)?)
    };
    // the FAT's sectors: 109 in the header, the rest in the DIFAT chain
    let mut fat_sectors: Vec<u32> = (0..109)
        .filter_map(|i| u32_at(file, 0x4C + 4 * i))
        .filter(|&s| s < 0xFFFF_FFFA)
        .collect();
    let mut difat = u32_at(file, 0x44)?;
    let mut hops = 0;
    while difat < 0xFFFF_FFFA && hops < sectors {
        let s = sector(difat)?;
        for i in 0..size / 4 - 1 {
            let f = u32_at(s, 4 * i)?;
            if f < 0xFFFF_FFFA {
                fat_sectors.push(f);
            }
        }
        difat = u32_at(s, size - 4)?;
        hops += 1;
    }
    let mut fat: Vec<u32> = Vec::new();
    for &f in fat_sectors.iter().take(sectors) {
        let s = sector(f)?;
        fat.extend((0..size / 4).filter_map(|i| u32_at(s, 4 * i)));
    }
    // a chain of sectors, cut at the file's number of sectors (a loop)
    let chain = |start: u32, table: &[u32], read: &dyn Fn(u32) -> Option<Vec<u8>>| {
        let mut out = Vec::new();
        let mut next = start;
        let mut hops = 0usize;
        while next != END_OF_CHAIN && hops <= table.len() {
            out.extend(read(next)?);
            next = *table.get(next as usize)?;
            hops += 1;
        }
        Some(out)
    };
    let read_sector = |n: u32| sector(n).map(<[u8]>::to_vec);
    let directory = chain(u32_at(file, 0x30)?, &fat, &read_sector)?;
    let entry_name = |e: &[u8]| -> String {
        let len = usize::from(u16_at(e, 64).unwrap_or(0)).min(64);
        let units: Vec<u16> = (0..len / 2)
            .filter_map(|i| u16_at(e, 2 * i))
            .take_while(|&u| u != 0)
            .collect();
        String::from_utf16_lossy(&units)
    };
    let entries: Vec<&[u8]> = directory.chunks_exact(128).collect();
    let root = entries.first()?;
    let wanted = entries
        .iter()
        .find(|e| e.get(66) == Some(&2) && matches!(entry_name(e).as_str(), "Workbook" | "Book"))?;
    let start = u32_at(wanted, 116)?;
    let length = usize::try_from(u32_at(wanted, 120)?).ok()?;
    let cutoff = usize::try_from(u32_at(file, 0x38)?).ok()?;
    let mut stream = if length < cutoff {
        // in the mini stream: 64-byte sectors of the root entry's stream
        let mini_shift = u16_at(file, 0x20)?;
        if mini_shift > 12 {
            return None;
        }
        let mini = 1usize << mini_shift;
        let ministream = chain(u32_at(root, 116)?, &fat, &read_sector)?;
        let minifat_bytes = chain(u32_at(file, 0x3C)?, &fat, &read_sector)?;
        let minifat: Vec<u32> = (0..minifat_bytes.len() / 4)
            .filter_map(|i| u32_at(&minifat_bytes, 4 * i))
            .collect();
        let read_mini = |n: u32| {
            let at = (n as usize).checked_mul(mini)?;
            ministream
                .get(at..at.checked_add(mini)?)
                .map(<[u8]>::to_vec)
        };
        chain(start, &minifat, &read_mini)?
    } else {
        chain(start, &fat, &read_sector)?
    };
    stream.truncate(length);
    Some(stream)
}

/// The sheets of an .xls file with what the walker found in each; `None` for a file that
/// is not a BIFF8 compound file it can follow.
pub fn walk(path: &Path) -> Option<Vec<XlsSheet>> {
    let file = std::fs::read(path).ok()?;
    let stream = workbook_stream(&file)?;
    walk_stream(&stream)
}

/// The records of a workbook stream: (type, data), each within the stream.
fn records(stream: &[u8]) -> impl Iterator<Item = (usize, u16, &[u8])> {
    let mut at = 0usize;
    std::iter::from_fn(move || {
        let kind = u16_at(stream, at)?;
        let len = usize::from(u16_at(stream, at + 2)?);
        let data = stream.get(at + 4..at + 4 + len)?;
        let here = at;
        at += 4 + len;
        Some((here, kind, data))
    })
}

fn walk_stream(stream: &[u8]) -> Option<Vec<XlsSheet>> {
    // BIFF8 only (its BOF's version 0x0600): an older file's records are not these
    let (_, first, bof) = records(stream).next()?;
    if first != 0x0809 || u16_at(bof, 0)? != 0x0600 {
        return None;
    }
    // the globals: the sheets (their BOF's position and name), fonts struck, formats' fonts
    let mut sheets: Vec<(usize, XlsSheet)> = Vec::new();
    let mut fonts_struck: Vec<bool> = Vec::new();
    let mut xf_fonts: Vec<u16> = Vec::new();
    for (_, kind, data) in records(stream) {
        match kind {
            // BOUNDSHEET8: position of the sheet's BOF, state, type, name
            0x0085 => {
                let pos = usize::try_from(u32_at(data, 0)?).ok()?;
                let cch = usize::from(*data.get(6)?);
                let wide = data.get(7).is_some_and(|f| f & 1 == 1);
                let name = if wide {
                    let units: Vec<u16> =
                        (0..cch).filter_map(|i| u16_at(data, 8 + 2 * i)).collect();
                    String::from_utf16_lossy(&units)
                } else {
                    data.get(8..8 + cch)
                        .map(|b| b.iter().map(|&c| char::from(c)).collect())
                        .unwrap_or_default()
                };
                sheets.push((
                    pos,
                    XlsSheet {
                        name,
                        ..XlsSheet::default()
                    },
                ));
            }
            // FONT: grbit bit 3 is fStrikeOut
            0x0031 => fonts_struck.push(u16_at(data, 2).is_some_and(|g| g & 0x0008 != 0)),
            // XF: its font's index
            0x00E0 => xf_fonts.push(u16_at(data, 0).unwrap_or(0)),
            // the globals end at the first EOF
            0x000A => break,
            _ => {}
        }
    }
    // font index 4 is not written: indexes from 4 on are one past their record
    let font_struck = |ifnt: u16| {
        let i = usize::from(ifnt);
        let i = if i >= 4 { i - 1 } else { i };
        fonts_struck.get(i).copied().unwrap_or(false)
    };
    let xf_struck: Vec<bool> = xf_fonts.iter().map(|&f| font_struck(f)).collect();
    let struck_unused = fonts_struck
        .iter()
        .enumerate()
        .filter(|(_, &s)| s)
        .any(|(i, _)| {
            let ifnt = if i >= 4 { i + 1 } else { i };
            !xf_fonts.iter().any(|&f| usize::from(f) == ifnt)
        });
    for (pos, sheet) in &mut sheets {
        let Some(sub) = stream.get(*pos..) else {
            continue;
        };
        walk_sheet(sub, sheet, &xf_struck);
        if sheet.hazard.is_none() && struck_unused {
            sheet.hazard = Some(Hazard::Struck(None));
        }
    }
    Some(sheets.into_iter().map(|(_, s)| s).collect())
}

/// Walks one sheet's records from its BOF to its EOF.
fn walk_sheet(sub: &[u8], sheet: &mut XlsSheet, xf_struck: &[bool]) {
    let found = |sheet: &mut XlsSheet, h: Hazard| {
        if sheet.hazard.is_none() {
            sheet.hazard = Some(h);
        }
    };
    let mut depth = 0usize;
    for (_, kind, data) in records(sub) {
        let cell = || Some((u32::from(u16_at(data, 0)?) + 1, u32::from(u16_at(data, 2)?)));
        let ixfe = |at: usize| u16_at(data, at).map(usize::from);
        match kind {
            // BOF: an embedded chart's substream nests
            0x0809 => depth += 1,
            0x000A => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return;
                }
            }
            _ if depth != 1 => {}
            // cells: FORMULA, LABELSST, LABEL, RK, NUMBER, BLANK, BOOLERR, RSTRING
            0x0006 | 0x00FD | 0x0204 | 0x027E | 0x0203 | 0x0201 | 0x0205 | 0x00D6 => {
                if let Some(rc) = cell() {
                    sheet.cells.push(rc);
                    if ixfe(4).is_some_and(|x| xf_struck.get(x).copied().unwrap_or(false)) {
                        found(sheet, Hazard::Struck(Some(rc)));
                    }
                }
            }
            // MULRK (6 bytes a cell), MULBLANK (2 bytes a cell): first and last column
            0x00BD | 0x00BE => {
                let Some((r, first)) = cell() else { continue };
                let step = if kind == 0x00BD { 6 } else { 2 };
                let n = data.len().saturating_sub(6) / step;
                for i in 0..n {
                    let c = first.saturating_add(i as u32);
                    if i == 0 || i + 1 == n {
                        sheet.cells.push((r, c));
                    }
                    if ixfe(4 + i * step)
                        .is_some_and(|x| xf_struck.get(x).copied().unwrap_or(false))
                    {
                        found(sheet, Hazard::Struck(Some((r, c))));
                    }
                }
            }
            // ROW: fDyZero (bit 5 of the options), or a height of zero
            0x0208 => {
                let options = u16_at(data, 12).unwrap_or(0);
                let height = u16_at(data, 6).unwrap_or(0x00FF) & 0x7FFF;
                if options & 0x0020 != 0 || height == 0 {
                    let r = u32::from(u16_at(data, 0).unwrap_or(0)) + 1;
                    found(sheet, Hazard::HiddenRow(r));
                }
            }
            // COLINFO: fHidden (bit 0 of the options), or a width of zero
            0x007D => {
                let options = u16_at(data, 8).unwrap_or(0);
                let width = u16_at(data, 4).unwrap_or(1);
                if options & 0x0001 != 0 || width == 0 {
                    found(
                        sheet,
                        Hazard::HiddenColumn(u32::from(u16_at(data, 0).unwrap_or(0))),
                    );
                }
            }
            // NOTE: the comment on a cell
            0x001C => {
                if let Some((r, c)) = cell() {
                    // a comment's text (TXO) comes before its NOTE: the cell is named
                    if sheet.hazard == Some(Hazard::TextBox) {
                        sheet.hazard = None;
                    }
                    found(sheet, Hazard::Comment(r, c));
                }
            }
            // TXO: the text of a text box or a comment
            0x01B6 => found(sheet, Hazard::TextBox),
            _ => {}
        }
    }
}

/// Checks every sheet of an .xls before calamine opens it (it reads them all when it does),
/// as [`crate::input::workbook_zip::xlsx_precheck`] does an .xlsx's sheet: the rectangle of
/// its cells within [`crate::input::workbook_zip::MAX_SHEET_CELLS`]. The first sheet too
/// large is named with its problem; `Ok(())` for a file that is not an .xls.
pub fn precheck(path: &Path) -> Result<(), (String, SheetProblem)> {
    let Ok(file) = std::fs::read(path) else {
        return Ok(());
    };
    let Some(stream) = workbook_stream(&file) else {
        return Ok(());
    };
    let Some(sheets) = walk_stream(&stream) else {
        return Ok(());
    };
    for (pos, s) in sheets_at(&stream).into_iter().zip(sheets) {
        crate::input::workbook_zip::too_many_cells(&s.cells, |rc| {
            stream
                .get(pos..)
                .and_then(|sub| cell_text(&stream, sub, rc))
                .unwrap_or_default()
        })
        .map_err(|p| (s.name.clone(), p))?;
    }
    Ok(())
}

/// The position of each sheet's BOF, in the order of the BOUNDSHEET records.
fn sheets_at(stream: &[u8]) -> Vec<usize> {
    records(stream)
        .take_while(|&(_, kind, _)| kind != 0x000A)
        .filter(|&(_, kind, _)| kind == 0x0085)
        .filter_map(|(_, _, data)| usize::try_from(u32_at(data, 0)?).ok())
        .collect()
}

/// The text of the cell `(row from 1, column from 0)` of the sheet whose records start
/// `sub`: a string (its own or the shared one), a number.
fn cell_text(stream: &[u8], sub: &[u8], (r, c): (u32, u32)) -> Option<String> {
    let (row, col) = (
        u16::try_from(r.checked_sub(1)?).ok()?,
        u16::try_from(c).ok()?,
    );
    let (_, kind, data) = records(sub)
        .take_while(|&(_, kind, _)| kind != 0x000A)
        .find(|&(_, kind, data)| {
            matches!(kind, 0x00FD | 0x0204 | 0x0203 | 0x027E)
                && u16_at(data, 0) == Some(row)
                && u16_at(data, 2) == Some(col)
        })?;
    match kind {
        0x0204 => Some(unicode(data, 6)?.0),
        0x0203 => Some(f64::from_le_bytes(data.get(6..14)?.try_into().ok()?).to_string()),
        0x027E => {
            let rk = u32_at(data, 6)?;
            let v = if rk & 2 != 0 {
                f64::from((rk as i32) >> 2)
            } else {
                f64::from_bits(u64::from(rk & 0xFFFF_FFFC) << 32)
            };
            Some((if rk & 1 != 0 { v / 100.0 } else { v }).to_string())
        }
        _ => shared_string(stream, usize::try_from(u32_at(data, 6)?).ok()?),
    }
}

/// An XLUnicodeString at `at` of `data`: its text and the position after it.
fn unicode(data: &[u8], at: usize) -> Option<(String, usize)> {
    let cch = usize::from(u16_at(data, at)?);
    let wide = data.get(at + 2)? & 1 == 1;
    let start = at + 3;
    if wide {
        let units: Vec<u16> = (0..cch)
            .filter_map(|i| u16_at(data, start + 2 * i))
            .collect();
        Some((String::from_utf16_lossy(&units), start + 2 * cch))
    } else {
        let bytes = data.get(start..start + cch)?;
        Some((bytes.iter().map(|&b| char::from(b)).collect(), start + cch))
    }
}

/// The shared string `index` of the workbook's SST (and its CONTINUE records: a string's
/// characters go on after a new flags byte, its runs and phonetic data without one).
fn shared_string(stream: &[u8], index: usize) -> Option<String> {
    let mut parts: Vec<&[u8]> = Vec::new();
    for (_, kind, data) in records(stream) {
        match kind {
            0x00FC => parts.push(data),
            0x003C if !parts.is_empty() => parts.push(data),
            _ if !parts.is_empty() => break,
            0x000A => return None,
            _ => {}
        }
    }
    let mut at = Sst {
        parts,
        part: 0,
        pos: 8,
    };
    for i in 0..=index {
        let cch = usize::from(at.u16()?);
        let flags = at.byte()?;
        let runs = if flags & 8 != 0 {
            usize::from(at.u16()?)
        } else {
            0
        };
        let ext = if flags & 4 != 0 {
            usize::try_from(u32::from_le_bytes([
                at.byte()?,
                at.byte()?,
                at.byte()?,
                at.byte()?,
            ]))
            .ok()?
        } else {
            0
        };
        let mut wide = flags & 1 == 1;
        let mut units: Vec<u16> = Vec::new();
        while units.len() < cch {
            if at.pos >= at.parts.get(at.part)?.len() {
                at.part += 1;
                at.pos = 0;
                wide = at.byte()? & 1 == 1;
            }
            units.push(if wide {
                at.u16()?
            } else {
                u16::from(at.byte()?)
            });
        }
        if i == index {
            return Some(String::from_utf16_lossy(&units));
        }
        at.skip(runs.checked_mul(4)?.checked_add(ext)?)?;
    }
    None
}

/// A cursor over the SST's records.
struct Sst<'a> {
    parts: Vec<&'a [u8]>,
    part: usize,
    pos: usize,
}

impl Sst<'_> {
    fn byte(&mut self) -> Option<u8> {
        while self.pos >= self.parts.get(self.part)?.len() {
            self.part += 1;
            self.pos = 0;
        }
        let b = *self.parts.get(self.part)?.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes([self.byte()?, self.byte()?]))
    }

    fn skip(&mut self, n: usize) -> Option<()> {
        for _ in 0..n {
            self.byte()?;
        }
        Some(())
    }
}

/// The first record of the sheet `sheet` of an .xls the tool does not read ([`Hazard`]);
/// `None` for a sheet without one, or a file that is not an .xls the walker can follow.
pub fn hazard(path: &Path, sheet: &str) -> Option<Hazard> {
    walk(path)?
        .into_iter()
        .find(|s| s.name == sheet)
        .and_then(|s| s.hazard)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: u16, data: &[u8]) -> Vec<u8> {
        let mut out = kind.to_le_bytes().to_vec();
        out.extend((data.len() as u16).to_le_bytes());
        out.extend(data);
        out
    }

    #[test]
    fn records_of_a_sheet_are_found_and_a_truncated_stream_is_no_panic() {
        // globals: BOUNDSHEET at the sheet's BOF, a plain and a struck font, two XFs
        let mut globals = Vec::new();
        globals.extend(record(
            0x0809,
            &[0, 6, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        ));
        globals.extend(record(0x0031, &[0, 0, 0, 0]));
        globals.extend(record(0x0031, &[0, 0, 8, 0]));
        globals.extend(record(0x00E0, &[0, 0]));
        globals.extend(record(0x00E0, &[1, 0]));
        let bound_len = 4 + 8 + 2;
        let eof = record(0x000A, &[]);
        let pos = (globals.len() + bound_len + eof.len()) as u32;
        let mut bound = pos.to_le_bytes().to_vec();
        bound.extend([0, 0, 2, 0, b'S', b'1']);
        globals.extend(record(0x0085, &bound));
        globals.extend(&eof);
        let sheet = |body: &[Vec<u8>]| {
            let mut s = globals.clone();
            s.extend(record(0x0809, &[0; 16]));
            for b in body {
                s.extend(b);
            }
            s.extend(&eof);
            s
        };
        // a LABELSST at B3 in the plain format: nothing
        let plain = sheet(&[record(0x00FD, &[2, 0, 1, 0, 0, 0, 0, 0, 0, 0])]);
        let found = walk_stream(&plain).unwrap();
        assert_eq!(found[0].name, "S1");
        assert_eq!(found[0].hazard, None);
        assert_eq!(found[0].cells, [(3, 1)]);
        // in the struck format
        let struck = sheet(&[record(0x00FD, &[2, 0, 1, 0, 1, 0, 0, 0, 0, 0])]);
        assert_eq!(
            walk_stream(&struck).unwrap()[0].hazard,
            Some(Hazard::Struck(Some((3, 1))))
        );
        // a hidden row 5, a note on C2
        let mut row = vec![4, 0, 0, 0, 1, 0, 0xFF, 0, 0, 0, 0, 0, 0x20, 0, 0, 0];
        let hidden = sheet(&[record(0x0208, &row)]);
        assert_eq!(
            walk_stream(&hidden).unwrap()[0].hazard,
            Some(Hazard::HiddenRow(5))
        );
        row[12] = 0;
        assert_eq!(
            walk_stream(&sheet(&[record(0x0208, &row)])).unwrap()[0].hazard,
            None
        );
        let note = sheet(&[record(0x001C, &[1, 0, 2, 0, 0, 0, 1, 0])]);
        assert_eq!(
            walk_stream(&note).unwrap()[0].hazard,
            Some(Hazard::Comment(2, 2))
        );
        // cut anywhere: no panic
        for n in 0..struck.len() {
            let _ = walk_stream(&struck[..n]);
        }
        assert_eq!(workbook_stream(&struck), None);
    }
}
