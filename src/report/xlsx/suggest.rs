//! The check list `suggest` writes back as a workbook: the user's sheet as read, the
//! candidate columns marked, a drop-down of candidates on each references cell.

use rust_xlsxwriter::{Color, DataValidation, ExcelDateTime};

use crate::output::SeekWrite;
use crate::report::suggest::SheetOut as SuggestSheet;
use crate::report::xlsx::common::{
    add_row_sheet, col_num, fit, new_workbook, row_num, widen, Styles, MIN_WIDTH,
};

/// The check list `suggest` writes back: every cell of the sheet as read, written as text;
/// the candidate columns (and a references column, when the list had none) marked by a
/// blue header; on each item's references cell a drop-down of its candidate ids, which
/// allows any other value too (several ids, or one not suggested). Nothing is written into
/// a references cell: choosing is the user's.
pub fn render_suggest(out: &SuggestSheet, w: &mut dyn SeekWrite) -> anyhow::Result<()> {
    let lang = out.lang;
    let styles = Styles::new();
    let ours_header = styles
        .header
        .clone()
        .set_background_color(Color::RGB(0xBDD7EE));
    // no date of its own: a fixed creation time keeps the bytes the same run after run
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    let mut workbook = new_workbook(
        lang.pick(
            "確認項目 (ISMAP管理策の候補)",
            "Check items (suggested ISMAP references)",
        ),
        &created,
    );
    let name = out
        .name
        .clone()
        .unwrap_or_else(|| lang.pick("確認項目", "Check items").to_owned());
    let sheet = add_row_sheet(&mut workbook, &name)?;
    let (first_added, n_added) = out.added;
    let added = first_added..first_added + n_added;
    let width = out.rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths: Vec<f64> = vec![MIN_WIDTH as f64; width];
    for (r, row) in out.rows.iter().enumerate() {
        let xr = row_num(r)?;
        for (c, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let xc = col_num(c)?;
            if r == out.header_row {
                let format = if added.contains(&c) {
                    &ours_header
                } else {
                    &styles.header
                };
                sheet.write_string_with_format(xr, xc, fit(cell), format)?;
            } else {
                sheet.write_string(xr, xc, fit(cell))?;
            }
            if let Some(w) = widths.get_mut(c) {
                widen(w, cell);
            }
        }
        if r > out.header_row && n_added > 0 {
            sheet.set_range_format(
                xr,
                col_num(added.start)?,
                xr,
                col_num(added.end - 1)?,
                &styles.reviewer,
            )?;
        }
    }
    // one validation per distinct list of candidates, over every cell that offers it
    let mut lists: std::collections::BTreeMap<&[String], Vec<usize>> = Default::default();
    for (r, ids) in &out.choices {
        lists.entry(ids.as_slice()).or_default().push(*r);
    }
    let letter = crate::input::column_letter(out.refs_col);
    let refs_col = col_num(out.refs_col)?;
    for (ids, rows) in lists {
        let mut ranges: Vec<String> = Vec::new();
        let mut k = 0;
        while k < rows.len() {
            let mut j = k;
            while j + 1 < rows.len() && rows[j + 1] == rows[j] + 1 {
                j += 1;
            }
            ranges.push(if j == k {
                format!("{letter}{}", rows[k] + 1)
            } else {
                format!("{letter}{}:{letter}{}", rows[k] + 1, rows[j] + 1)
            });
            k = j + 1;
        }
        let validation = DataValidation::new()
            .allow_list_strings(ids)?
            .show_error_message(false)
            .set_input_title(lang.pick("ISMAP管理策の候補", "Suggested ISMAP references"))?
            .set_input_message(lang.pick(
                "候補から選ぶか、管理策番号を入力してください (複数は「,」で区切る)。候補は参照ではありません",
                "Pick a candidate or type ids (several separated by commas). A candidate is not a reference until you choose it",
            ))?
            .set_multi_range(ranges.join(" "));
        let first = row_num(rows[0])?;
        sheet.add_data_validation(first, refs_col, first, refs_col, &validation)?;
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(col_num(c)?, *w)?;
    }
    let header = row_num(out.header_row)?;
    sheet.set_freeze_panes(header + 1, 0)?;
    if width > 0 && out.rows.len() > out.header_row + 1 {
        sheet.autofilter(header, 0, row_num(out.rows.len() - 1)?, col_num(width - 1)?)?;
    }
    workbook.save_to_writer(w)?;
    Ok(())
}
