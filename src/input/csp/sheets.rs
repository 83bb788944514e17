//! Which sheets of a CSP workbook are one statement: reference lists skipped, bare ids beside
//! statuses refused, sheets named as drafts, old versions, another provider's list or a
//! separate region, environment, service or edition refused (read one with `--csp-sheet`).
use std::path::Path;

use super::{differences, meaning_key, remarks, Part};
use crate::catalog::Catalog;
use crate::error::{InputError, Location};
use crate::model::{Declared, ReadKind, SkipReason, SkippedSheet};
use crate::text::fold_width;

/// Takes out of `parts` the lists of ids without statuses, beside a sheet of statuses, on
/// a sheet named as kept for reference (`管理基準（参照用）`: the catalog pasted to look ids up
/// in): not read, named among the sheets not read (review 12 C-26). Any other such list is
/// refused ([`refuse_bare_ids_beside_statuses`]).
pub(super) fn skip_reference_lists(parts: &mut Vec<Part>, skipped: &mut Vec<SkippedSheet>) {
    if !parts.iter().any(|p| p.read.kind == ReadKind::StatusTable) {
        return;
    }
    parts.retain(|p| {
        let reference = p.read.kind == ReadKind::PublishedList
            && p.read.stated_by_sheet_name.is_none()
            && p.read.sheet.as_deref().is_some_and(is_reference_sheet);
        if let (true, Some(sheet)) = (reference, &p.read.sheet) {
            skipped.push(SkippedSheet {
                sheet: sheet.clone(),
                why: SkipReason::Reference,
            });
        }
        !reference
    });
}

/// Whether a sheet's name says it is kept for reference or is a copy of the catalog
/// ([`reference_words`] with the catalog's: `参照`, `参考`, `マスタ`, `Reference`, `Master`,
/// `Catalog`).
fn is_reference_sheet(name: &str) -> bool {
    !reference_words(&fold_width(name).to_lowercase(), true).is_empty()
}

/// The one vocabulary of sheet names kept for reference (`参考`, `参照用`, `Reference`, `Ref`),
/// with `catalog_too` a copy of the catalog's list (`管理策マスタ`, `Master`, `Catalog`), in
/// `folded` (fold-width, lower-cased): the reference words make a sheet of statuses another
/// statement ([`sheet_names_another_statement`]); both make a sheet of bare ids beside a
/// sheet of statuses a list to skip ([`skip_reference_lists`]). A sheet of statuses named as
/// the catalog's (`管理策マスタ`) is read beside other sheets; alone, unless a row above its
/// table names the service, it is refused (`refuse_catalog_sole_sheet`, review 18 A-7
/// addendum). ASCII words are matched
/// as words or their start (`References`, `Catalogue`; not `preference`).
pub(super) fn reference_words(folded: &str, catalog_too: bool) -> Vec<String> {
    const JA: [&str; 2] = ["参考", "参照"];
    const JA_CATALOG: [&str; 2] = ["マスタ", "カタログ"];
    // a column of the statement naming the policy that implements each control
    // (`実施状況（規程参照）`, `管理策と参照文書`): references carried, not a list kept for
    // reference (review 20 C-11)
    let mut carried = folded.to_owned();
    for column in [
        "参照規程",
        "参照規定",
        "参照文書",
        "参照ドキュメント",
        "参照先",
        "参照番号",
        "規程参照",
        "規定参照",
        "文書参照",
    ] {
        carried = carried.replace(column, "");
    }
    let mut found: Vec<String> = JA
        .iter()
        .chain(if catalog_too { &JA_CATALOG[..] } else { &[] })
        .filter(|w| carried.contains(**w))
        .map(|w| (*w).to_owned())
        .collect();
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    for (i, word) in words.iter().copied().enumerate() {
        let policy =
            i > 0 && ["policy", "policies", "document", "documents"].contains(&words[i - 1]);
        let reference =
            !policy && (word.starts_with("reference") || word == "ref" || word == "refs");
        // `Catalogue`, `Masters`; not `Mastery`
        let catalog =
            catalog_too && (word.starts_with("catalog") || word == "master" || word == "masters");
        if (reference || catalog) && !found.iter().any(|f| f == word) {
            found.push(word.to_owned());
        }
    }
    found
}

/// The word of a sheet's name naming the controls' catalog or master list, for the one
/// sheet read (`refuse_catalog_sole_sheet`): a catalog word of [`reference_words`] beside a
/// word of the controls (`管理策マスタ`, `ISMAP catalog`, `ISMAP管理策マスタ 実施状況`) or
/// standing alone (`Master`, `マスタ`, `マスタ一覧`, `Catalog`). Not a catalog of the
/// service's own or a topic (`Service catalog`, `Product catalog`, `Data Master`,
/// `マスターデータ管理`: review 20 C-9).
pub(super) fn names_the_controls_catalog(name: &str) -> Option<String> {
    const CONTROLS: [&str; 9] = [
        "管理策",
        "統制",
        "管理基準",
        "ismap",
        "control",
        "27001",
        "27002",
        "iso",
        "annex",
    ];
    const FURNITURE: [&str; 7] = ["ー", "一覧", "リスト", "表", "list", "sheet", "table"];
    let folded = fold_width(name).to_lowercase();
    let reference = reference_words(&folded, false);
    reference_words(&folded, true)
        .into_iter()
        .filter(|w| !reference.contains(w))
        .find(|word| {
            if CONTROLS.iter().any(|c| folded.contains(c)) {
                return true;
            }
            let mut rest = folded.replacen(word.as_str(), "", 1);
            for f in FURNITURE {
                rest = rest.replace(f, "");
            }
            rest.chars().all(|c| !c.is_alphanumeric())
        })
}

/// Refuses a workbook in which one sheet states statuses (a status table) and another lists
/// bare ids read as implemented (a published list, its sheet's name stating no status): a
/// CSP that states each control's status in a table states it there, and a list of ids on
/// another sheet is a reference list, an old version, a draft or another service's list
/// far more often than a second statement (review 11 A-4). Sheets all of one kind (a PDF
/// table saved sheet by sheet; status tables by area) read as before.
pub(super) fn refuse_bare_ids_beside_statuses(
    path: &Path,
    parts: &[Part],
) -> Result<(), InputError> {
    let Some(table) = parts.iter().find(|p| p.read.kind == ReadKind::StatusTable) else {
        return Ok(());
    };
    let Some(bare) = parts
        .iter()
        .find(|p| p.read.kind == ReadKind::PublishedList && p.read.stated_by_sheet_name.is_none())
    else {
        return Ok(());
    };
    let name = |p: &Part| p.read.sheet.clone().unwrap_or_default();
    Err(InputError::at(
        Location::file(path).sheet(bare.read.sheet.as_deref()),
        format!(
            "the sheet lists ids without statuses, beside sheet '{}', which states each control's status: read as a published list, every id on it would count as implemented",
            name(table)
        ),
    )
    .hint(format!(
        "read the sheet of statuses alone with --csp-sheet '{}', or give the ids on sheet '{}' their statuses in a status column (実施状況); a sheet named by one status (非該当, 未実施) is read as that status",
        name(table),
        name(bare)
    )))
}

/// Refuses a workbook whose sheets are separate statements rather than one list split over
/// sheets (review 17 B-1): read together, a control one sheet states would be credited for
/// all, and what another sheet leaves out would be lost. Sheets are separate statements when
/// - one is named as kept for reference or by another provider (`参考`, `（参考）`,
///   `Reference`, `基盤IaaS`, `AWS`): another service's list is never the CSP's own, and what
///   the CSP relies on from the service underneath is given by a profile's `inherits:`;
/// - one is named as an older version (`旧版`, `Old`), or two are named as versions of one
///   list (`v1.0`/`v2.0`, `2025年度`/`2026年度`, `第1版`/`第2版`);
/// - a control is stated implemented on two sheets whose own rows state (a region, a
///   service, an environment, a version each listing the controls), except an objective a
///   sheet of its detailed controls repeats above them (a control stated otherwise on both,
///   a summary of the controls not implemented, credits nothing; stated differently, it is
///   refused by [`reject_conflicts`]).
///
/// A word of a name every sheet holds names the workbook, not one sheet (`AWS 管理策一覧` and
/// `AWS 別添`).
///
/// A list split by area or clause range (`組織的対策`/`技術的対策`, `5-8`/`9-12`, `一覧1`/`一覧2`),
/// objectives and an annex of details (`管理策一覧` + `別添 詳細管理策`), and a sheet named by
/// one status (`未実施`, `非該当`) read as before.
pub(super) fn refuse_separate_statements(
    path: &Path,
    parts: &[Part],
    covers: &[(Option<String>, super::page::Page)],
    catalog: &Catalog,
) -> Result<(), InputError> {
    if parts.len() < 2 {
        return Ok(());
    }
    let name = |p: &Part| p.read.sheet.clone().unwrap_or_default();
    let sheets: Vec<String> = parts.iter().map(|p| format!("'{}'", name(p))).collect();
    let sheets = sheets.join(", ");
    let hint = format!("several sheets that each state the controls are separate statements (a region, a service, an environment, a version, another provider's list): read the one sheet that is the CSP's statement for this procurement with --csp-sheet NAME, one per run (sheets: {sheets}); to set them side by side, save each sheet as a file of its own and run compare; if the sheets split one list, list each control on one sheet only");
    let other = |i: usize| {
        parts
            .iter()
            .enumerate()
            .find(|(j, _)| *j != i)
            .map(|(_, p)| name(p))
            .unwrap_or_default()
    };
    for (i, part) in parts.iter().enumerate() {
        let sheet = name(part);
        // a word every sheet's name holds names the workbook as a whole (the provider's own
        // name: `AWS 管理策一覧` beside `AWS 別添`), as it would name its one sheet
        let word = sheet_names_another_statement(&sheet).filter(|word| {
            !parts
                .iter()
                .all(|p| sheet_names_another_statement_all(&name(p)).contains(word))
        });
        // `IaaS` beside `PaaS`: two layers, each a service of its own with its own
        // statement (review 24 A-8), not a list kept for reference
        const LAYERS: [&str; 3] = ["iaas", "paas", "saas"];
        let layer = |p: &Part| {
            sheet_names_another_statement_all(&name(p))
                .into_iter()
                .find(|w| LAYERS.contains(&w.as_str()))
        };
        if let Some(word) = word.as_deref().filter(|w| LAYERS.contains(w)) {
            let beside = parts
                .iter()
                .enumerate()
                .find_map(|(j, p)| (j != i).then(|| layer(p).map(|w| (j, w))).flatten());
            if let Some((j, other_word)) = beside {
                let (first, second) = if j < i {
                    ((j, other_word), (i, word.to_owned()))
                } else {
                    ((i, word.to_owned()), (j, other_word))
                };
                return Err(different_scopes(path, parts, first, second).hint(hint));
            }
        }
        if let Some(word) = word {
            return Err(InputError::at(
                Location::file(path).sheet(Some(&sheet)),
                format!(
                    "the sheet's name ('{word}') says it is kept for reference, is another provider's list or an older version, beside sheet '{}': its statements are not the CSP's current statement and must not be merged into it",
                    other(i)
                ),
            )
            .hint(hint));
        }
    }
    for (i, a) in parts.iter().enumerate() {
        for b in &parts[i + 1..] {
            if let Some(skeleton) = versions_of_one_list(&name(a), &name(b)) {
                return Err(InputError::at(
                    Location::file(path).sheet(b.read.sheet.as_deref()),
                    format!(
                        "sheets '{}' and '{}' are named as two versions of one list ({skeleton}): read together, a control only the older one states would be credited",
                        name(a),
                        name(b)
                    ),
                )
                .hint(hint));
            }
        }
    }
    // a later sheet named by a year the first is not named by (`管理策一覧` + `2024年度`,
    // `2026年度 一覧` + `FY2024`): a past (or another year's) statement beside the current one,
    // never merged into it (review 22 A-13); the first sheet's year names the whole list's
    // (`2026年度 管理策一覧` + `別添`)
    let first_years = years_named(&name(&parts[0]));
    for part in &parts[1..] {
        let years = years_named(&name(part));
        if let Some(year) = years.iter().find(|y| !first_years.contains(y)) {
            return Err(InputError::at(
                Location::file(path).sheet(part.read.sheet.as_deref()),
                format!(
                    "the sheet's name names a year ('{year}') that the name of sheet '{}' does not: a past or another year's statement must not be merged into the current one",
                    name(&parts[0])
                ),
            )
            .hint(hint));
        }
    }
    // a first sheet named by a year only (`2025年度`, `FY2025`), or by a year and a list's
    // name another sheet bears undated (`2025年度 管理策一覧` + `管理策一覧`), beside a sheet
    // named by no year: the dated one may be a past year's statement beside the current
    // one (fix32-sheets leftover); a continuation or an annex (`2026年度 管理策一覧` +
    // `別添`, `2026年度` + `続き`) or a clause (`9.2 アクセス管理`) splits one list
    if let Some(year) = first_years.first() {
        let first = name(&parts[0]);
        let rest = without_years(&first);
        for part in &parts[1..] {
            let other = name(part);
            if !years_named(&other).is_empty() || continues_a_list(&other) {
                continue;
            }
            if rest.is_empty() || rest == without_years(&other) {
                return Err(InputError::at(
                    Location::file(path).sheet(part.read.sheet.as_deref()),
                    format!(
                        "sheet '{first}' is named by a year ('{year}') and sheet '{other}' beside it by none: the dated sheet may be a past or another year's statement, which must not be merged into the current one"
                    ),
                )
                .hint(hint));
            }
        }
    }
    // the same control on two sheets whose own rows state it
    let mut first: std::collections::HashMap<String, (usize, usize)> =
        std::collections::HashMap::new();
    for (p, part) in parts.iter().enumerate() {
        if part.read.stated_by_sheet_name.is_some() {
            continue;
        }
        let keys: Vec<String> = part
            .listed
            .controls
            .iter()
            .map(|c| meaning_key(catalog, &c.raw))
            .collect();
        // an objective a sheet of details repeats above its details (`9.2.3` over
        // `9.2.3.11.PB`): a heading of that sheet
        let heading = |key: &str| {
            keys.iter()
                .any(|k| k.strip_prefix(key).is_some_and(|r| r.starts_with('.')))
        };
        for (c, key) in keys.iter().enumerate() {
            // what only a control stated implemented on two sheets can do: credit it for
            // both (a sheet summing up the controls not implemented repeats the table's)
            if part.listed.controls[c].declared != Declared::Implemented {
                continue;
            }
            match first.get(key) {
                Some(&(q, d)) if q != p => {
                    let there = &parts[q];
                    let there_keys_heading = there.listed.controls.iter().any(|x| {
                        meaning_key(catalog, &x.raw)
                            .strip_prefix(key.as_str())
                            .is_some_and(|r| r.starts_with('.'))
                    });
                    // stated differently: refused as such, by `reject_conflicts`
                    let differ = differences(&part.listed.controls[c], &there.listed.controls[d]);
                    if heading(key) || there_keys_heading || differ.is_some() {
                        continue;
                    }
                    let row = there.listed.at[d].row.or(there.listed.at[d].line);
                    let row = row.unwrap_or_default();
                    return Err(InputError::at(
                        part.listed.at[c].clone(),
                        format!(
                            "{} is stated on this sheet and on sheet '{}' row {row}: sheets that each state the same controls are separate statements, not one list, and a control one of them leaves out would be credited by the other",
                            part.listed.controls[c].raw,
                            name(there)
                        ),
                    )
                    .hint(hint));
                }
                Some(_) => {}
                None => {
                    first.insert(key.clone(), (p, c));
                }
            }
        }
    }
    let cover_providers: Vec<&str> = covers.iter().filter_map(|(_, c)| c.identity().1).collect();
    refuse_different_names_above(path, parts, &cover_providers, &hint)?;
    // two sheets naming different regions, places, environments, services, products, tenants
    // or editions (`東京リージョン` / `大阪リージョン`, `東京` / `大阪`, `US` / `EU`, `本番環境` /
    // `検証環境`, `サービスA` / `サービスB`, `Product X` / `Product Y`, `Standard` / `Enterprise
    // Edition`, `Japan` / `Global`), by their names or, a sheet whose name names none, by a
    // title above its table (`大阪リージョン追加分`, `サービスB 個別管理策`: review 20 B-2):
    // separate statements even when they share no control — a sheet of what is added in one
    // region would credit it for all (review 18 B-2; after the shared-control rule, whose
    // message says more)
    // a sheet named as the ISMAP list's beside one named as the ISMAP-LIU list's: two
    // registrations (review 20 B-1)
    let liu = |p: &Part| super::page::mentions_liu(&name(p));
    let ismap = |p: &Part| !liu(p) && fold_width(&name(p)).to_lowercase().contains("ismap");
    if let (Some(i), Some(j)) = (parts.iter().position(ismap), parts.iter().position(&liu)) {
        let (a, b) = (name(&parts[i]), name(&parts[j]));
        let ((i, a), (j, b)) = if i < j {
            ((i, a), (j, b))
        } else {
            ((j, b), (i, a))
        };
        return Err(different_scopes(path, parts, (i, a), (j, b)).hint(hint));
    }
    let scoped: Vec<(usize, SheetScope)> = parts
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            sheet_scope(&name(p))
                .or_else(|| title_scope(&p.above))
                .map(|s| (i, s))
        })
        .collect();
    // another service (`関連サービスB`, `別サービス`) beside any other sheet
    if let Some((k, s)) = scoped.iter().find(|(_, s)| s.another_service) {
        let o = usize::from(*k == 0);
        let other = scoped.iter().find(|(i, _)| *i == o).map_or_else(
            || fold_width(&name(&parts[o])).to_lowercase(),
            |(_, s)| s.shown.clone(),
        );
        let (first, second) = if o < *k {
            ((o, other), (*k, s.shown.clone()))
        } else {
            ((*k, s.shown.clone()), (o, other))
        };
        return Err(different_scopes(path, parts, first, second).hint(hint));
    }
    // a sheet naming a scope after a first sheet naming none (`一覧` + `大阪リージョン（追加分）`,
    // `共通` + `個別（サービスB）`, `一覧` + `本番環境`): what that one adds; a first sheet naming
    // its scope names the whole list's (`管理策一覧（東京リージョン）` + `別添 詳細管理策`)
    if !scoped.iter().any(|(i, _)| *i == 0) {
        if let Some((k, s)) = scoped.iter().find(|(_, s)| s.adds) {
            // a message and a hint of its own (review 20 C-3: listing each control on one
            // sheet only, the general hint, does not help)
            let (plain, named) = (name(&parts[0]), name(&parts[*k]));
            return Err(InputError::at(
                Location::file(path).sheet(parts[*k].read.sheet.as_deref()),
                format!(
                    "sheet '{named}' names a place, a region, a tenant, a product, a service, an environment or an edition ('{}') that sheet '{plain}' does not (read as naming no scope): read together, what '{named}' states would be credited to the whole service",
                    s.shown
                ),
            )
            .hint(format!(
                "if the sheets split one list for that scope, rename sheet '{plain}' to name the same scope ('{}') or write it in a title above its table; if they are separate statements, read one with --csp-sheet NAME, one per run (sheets: {sheets})",
                s.shown
            )));
        }
    }
    if let Some((i, a)) = scoped.first() {
        if let Some((j, b)) = scoped.iter().find(|(_, s)| s.key != a.key) {
            return Err(different_scopes(
                path,
                parts,
                (*i, a.shown.clone()),
                (*j, b.shown.clone()),
            )
            .hint(hint));
        }
    }
    refuse_copies_and_products(path, parts, catalog, &hint)
}

/// Refuses two sheets that each state whose statement they are (a row above the table:
/// `登録区分: ISMAP`, `サービス名 …`) and whose names differ by more than the words that split
/// one list (review 24 A-8): copies of one list (Excel's copy name `管理策一覧 (2)`, a working
/// copy `_作業用` beside `_確定`, Excel's default names `Sheet1`/`Sheet2`), refused as versions
/// are; or sheets named by different products or services (`Foo Compute` / `Foo Storage`,
/// `Compute Engine` / `Cloud Storage`), refused as `サービスA` / `サービスB` are. A list split by
/// clause or part (`組織的対策` / `技術的対策`, `一覧` / `一覧（続き）`, `一覧1` / `一覧2`, `5-8` /
/// `9-12`) reads as before.
fn refuse_copies_and_products(
    path: &Path,
    parts: &[Part],
    catalog: &Catalog,
    hint: &str,
) -> Result<(), InputError> {
    let name = |p: &Part| p.read.sheet.clone().unwrap_or_default();
    // the Japanese titles of the catalog's clauses and categories (`資産の管理`, `供給者関係`):
    // a sheet named by one is a part of the list
    let headings: Vec<String> = catalog
        .entries()
        .iter()
        .filter(|e| !e.is_item())
        .map(|e| fold_width(e.title(crate::lang::Lang::Ja)).to_lowercase())
        .filter(|t| t.chars().count() >= 2)
        .collect();
    let entered: Vec<&Part> = parts.iter().filter(|p| p.names_service).collect();
    for (i, a) in entered.iter().enumerate() {
        for b in &entered[i + 1..] {
            let (na, nb) = (name(a), name(b));
            match compare_sheet_names(&na, &nb, &headings) {
                NamesDiffer::Split => {}
                NamesDiffer::Copies(word) => {
                    return Err(InputError::at(
                        Location::file(path).sheet(b.read.sheet.as_deref()),
                        format!(
                            "sheets '{na}' and '{nb}' are named as two copies of one list ({word}), each stating whose statement it is: read together, a control only one of them states would be credited"
                        ),
                    )
                    .hint(hint.to_owned()));
                }
                NamesDiffer::Scopes(x, y) => {
                    let at = |p: &Part| parts.iter().position(|q| std::ptr::eq(q, p)).unwrap_or(0);
                    return Err(
                        different_scopes(path, parts, (at(a), x), (at(b), y)).hint(hint.to_owned())
                    );
                }
            }
        }
    }
    Ok(())
}

/// How the names of two sheets that each state whose statement they are differ
/// ([`refuse_copies_and_products`]).
#[derive(Debug, Clone, PartialEq, Eq)]
enum NamesDiffer {
    /// By words that split one list (a clause, a part, a number, `続き`) or not at all.
    Split,
    /// As copies of one list: the words saying so (`(2)`, `作業用`, `sheet`).
    Copies(String),
    /// By other words: the words of each (`compute`, `storage`).
    Scopes(String, String),
}

/// Compares two sheets' names word by word (split at spaces, brackets, `_`, `-`, `/`, `・`);
/// `headings`: the catalog's clause and category titles (folded), a word within one or
/// holding one a part of the list (`情報セキュリティのための方針群`, `資産の管理`).
fn compare_sheet_names(a: &str, b: &str, headings: &[String]) -> NamesDiffer {
    /// Words of a working copy or a copy kept beside the list.
    const COPY: [&str; 21] = [
        "作業用",
        "作業中",
        "作業",
        "確定",
        "最終",
        "最新",
        "提出用",
        "控え",
        "バックアップ",
        "コピー",
        "複製",
        "原本",
        "修正",
        "copy",
        "backup",
        "bak",
        "wip",
        "work",
        "working",
        "final",
        "latest",
    ];
    /// English words of a part of the list (Japanese ones: [`part_of_the_list`]).
    const PARTS_EN: [&str; 24] = [
        "common",
        "shared",
        "specific",
        "個別",
        "固有",
        "organizational",
        "organisational",
        "people",
        "physical",
        "technological",
        "technical",
        "governance",
        "management",
        "continued",
        "cont",
        "section",
        "chapter",
        "clause",
        "appendix",
        "annex",
        "part",
        "details",
        "objectives",
        "controls",
    ];
    let (fa, fb) = (fold_width(a).to_lowercase(), fold_width(b).to_lowercase());
    let (fa, fb) = (fa.trim(), fb.trim());
    // Excel's name for a copied sheet: `管理策一覧 (2)` beside `管理策一覧`
    let excel_copy = |x: &str, y: &str| {
        y.strip_prefix(x).is_some_and(|rest| {
            let rest = rest.trim();
            rest.len() > 2
                && rest.starts_with('(')
                && rest.ends_with(')')
                && rest[1..rest.len() - 1].chars().all(|c| c.is_ascii_digit())
        })
    };
    if excel_copy(fa, fb) || excel_copy(fb, fa) {
        let longer = if fa.len() > fb.len() { fa } else { fb };
        let copy = longer.rsplit_once('(').map_or("", |(_, n)| n);
        return NamesDiffer::Copies(format!("'({copy}'"));
    }
    // Excel's default names (`Sheet1`, `Sheet2`, `シート1`): the name says nothing of the sheet
    let default = |x: &str| {
        ["sheet", "シート"].iter().any(|w| {
            x.strip_prefix(w)
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
        })
    };
    if default(fa) && default(fb) {
        return NamesDiffer::Copies(format!("'{fa}', '{fb}'"));
    }
    let words = |x: &str| -> Vec<String> {
        x.split(|c: char| "()[]【】「」（） _-/・.,、".contains(c) || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let (wa, wb) = (words(fa), words(fb));
    let only = |x: &[String], y: &[String]| -> Vec<String> {
        x.iter().filter(|w| !y.contains(w)).cloned().collect()
    };
    let (oa, ob) = (only(&wa, &wb), only(&wb, &wa));
    // one word numbered apart (`S1` / `S2`, `表1` / `表2`): parts of one list, as `一覧1` / `一覧2`
    let unnumbered = |w: &String| w.trim_end_matches(|c: char| c.is_ascii_digit()).to_owned();
    if let ([x], [y]) = (oa.as_slice(), ob.as_slice()) {
        if unnumbered(x) == unnumbered(y) && x != &unnumbered(x) {
            return NamesDiffer::Split;
        }
    }
    if let Some(word) = oa
        .iter()
        .chain(&ob)
        .find_map(|w| COPY.iter().find(|c| w.contains(**c)))
    {
        return NamesDiffer::Copies(format!("'{word}'"));
    }
    let splits = |w: &String| {
        let letters = w.trim_end_matches(|c: char| c.is_ascii_digit());
        w.chars().all(|c| c.is_ascii_digit() || "~〜".contains(c))
            || (w.len() == 1 && w.chars().all(|c| c.is_ascii_alphabetic()))
            || part_of_the_list(w)
            || PARTS_EN.contains(&letters)
            || w.contains("続")
            // a default name beside another names nothing apart (`一覧` + `Sheet2`): what
            // the rows above the tables name is compared by its own rule
            || default(w)
            || (!w.is_ascii()
                && w.chars().count() >= 2
                && headings
                    .iter()
                    .any(|h| h.contains(w.as_str()) || w.contains(h.as_str())))
    };
    if oa.iter().chain(&ob).all(splits) {
        return NamesDiffer::Split;
    }
    NamesDiffer::Scopes(oa.join(" "), ob.join(" "))
}

/// The scope of the statement that the first sheet read names when it names a place, by its
/// name (`大阪リージョン`, `Controls - Osaka`, `管理策一覧（東京リージョン）`) or a title or a note
/// above its table (`※ 大阪リージョン分`): the statement of that region only, not the whole
/// service's (review 22 A-18), read as a profile's `scope` is (the analysis judges an item
/// naming another region against it, and the report shows it). After
/// [`refuse_separate_statements`] every other sheet names the same scope or none, so the
/// first sheet's is the statement's. `None` for a sheet naming no place, and for a table
/// that is no sheet's.
pub(super) fn statement_scope(parts: &[Part]) -> Option<String> {
    let first = parts.first()?;
    let sheet = first.read.sheet.as_deref()?;
    let places = |s: &SheetScope| !s.key.starts_with('|');
    let written = match sheet_scope(sheet).filter(places) {
        Some(scope) if scope.shown == fold_width(sheet).to_lowercase().trim() => {
            sheet.trim().to_owned()
        }
        Some(scope) => scope.shown,
        None => title_scope(&first.above).filter(places)?.shown,
    };
    // the scope's regions are read where it says `リージョン` or `region` (`大阪リージョン`):
    // a place alone (`Controls - Osaka`, `大阪`) is named as its region
    let folded = fold_width(&written).to_lowercase();
    if folded.contains("リージョン") || folded.contains("region") {
        return Some(written);
    }
    let regions: Vec<String> = crate::analysis::gap::places_in(&folded)
        .iter()
        .map(|p| {
            let mut c = p.chars();
            let first: String = c
                .next()
                .map(|f| f.to_uppercase().collect())
                .unwrap_or_default();
            format!("{first}{} region", c.as_str())
        })
        .collect();
    Some(format!("{written} ({})", regions.join(", ")))
}

/// The error of two sheets (index, scope shown) naming different scopes.
fn different_scopes(
    path: &Path,
    parts: &[Part],
    (i, a): (usize, String),
    (j, b): (usize, String),
) -> InputError {
    let name = |p: &Part| p.read.sheet.clone().unwrap_or_default();
    InputError::at(
        Location::file(path).sheet(parts[j].read.sheet.as_deref()),
        format!(
            "sheets '{}' and '{}' name different regions, environments, services or editions ('{a}', '{b}'): each is a statement of its own, and read together a control one of them states would be credited for both",
            name(&parts[i]),
            name(&parts[j]),
        ),
    )
}

/// What a row above a sheet's table names under a label: the service (`サービス名 |
/// サービスA`, `登録番号 C21-9999-1`, `事業者名 …`: [`page::whose_statement`]) or the part
/// the table is for (`対象リージョン | 大阪`, `対象：サービスB`, `Region: Osaka`).
#[derive(Debug, Clone)]
struct Named {
    /// The label as written.
    label: String,
    /// The value, folded (width, case), without spaces: what is compared.
    value: String,
    /// The value as written.
    written: String,
    /// The provider's name, which its services share: compared only with another provider's.
    provider: bool,
    /// The service's name, number or provider (not a part under a `対象…` label).
    identity: bool,
    /// A registration number (`登録番号`, `ISMAP登録番号`, `Registration No.`): compared with
    /// another number whatever its label says.
    number: bool,
}

impl Named {
    fn shown(&self) -> String {
        format!("{}: {}", self.label, self.written)
    }
}

/// The rows above a table naming, under a label, the service or the part the table is for
/// ([`Named`]).
fn named_above(rows: &[Vec<String>]) -> Vec<Named> {
    rows.iter()
        .filter_map(|row| {
            let ((label, provider, written), identity) = match super::page::whose_statement(row) {
                Some(said) => (said, true),
                None => {
                    let (label, value) = scope_label(row)?;
                    ((label, false, value), false)
                }
            };
            let number = identity && !provider && names_a_number(&label);
            Some(Named {
                // the same company or list in its ordinary spellings (`Foo株式会社`,
                // `株式会社Foo`, `Foo（株）`; `東京・大阪`, `東京、大阪`: review 22 C-8)
                value: identity_key(&written).replace(['、', ',', '/', '.'], "・"),
                label,
                written,
                provider,
                identity,
                number,
            })
        })
        .collect()
}

/// Whether a label of whose statement a table is names its registration number (`登録番号`,
/// `ISMAP登録番号`, `Registration number`, `Reg. No.`), not its name or provider.
fn names_a_number(label: &str) -> bool {
    let folded = fold_width(label).to_lowercase();
    folded.contains("番号")
        || folded.contains("number")
        || folded
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w == "no")
}

/// A name, number or provider as compared: folded (width, case), without spaces, a kana
/// reading in brackets ([`without_reading`]) or the company's form (`株式会社`, `（株）`).
fn identity_key(v: &str) -> String {
    let v: String = without_reading(&fold_width(v).to_lowercase())
        .split_whitespace()
        .collect();
    ["株式会社", "(株)", "㈱"]
        .iter()
        .fold(v, |v, w| v.replace(w, ""))
}

/// The same registration number or provider as written two ordinary ways ([`identity_key`]).
fn same_identity(a: &str, b: &str) -> bool {
    identity_key(a) == identity_key(b)
}

/// Refuses a table whose rows above it name another registration number or provider than
/// the workbook's cover (a sheet without ids stating the entry's facts: `登録番号`,
/// `事業者名`), which the statement is read as (review 22 A-13): the cover's facts are applied
/// to every table, and a table of another registration or provider would be credited under
/// them. The same number or provider, or none, reads.
pub(super) fn refuse_unlike_cover(
    path: &Path,
    covers: &[(Option<String>, super::page::Page)],
    parts: &[Part],
) -> Result<(), InputError> {
    let Some((cover, page)) = covers.first() else {
        return Ok(());
    };
    let (number, provider) = page.identity();
    let cover = cover.clone().unwrap_or_default();
    for part in parts {
        for n in named_above(&part.above) {
            let stated = if n.provider {
                provider.map(|p| ("事業者名", p))
            } else if n.number {
                number.map(|x| ("登録番号", x))
            } else {
                None
            };
            let Some((label, stated)) = stated.filter(|(_, v)| !same_identity(v, &n.written))
            else {
                continue;
            };
            return Err(InputError::at(
                Location::file(path).sheet(part.read.sheet.as_deref()),
                format!(
                    "the rows above the table of sheet '{}' name '{}', but the cover, sheet '{cover}', states {label} '{stated}': a table of another registration or provider must not be read under the cover's facts",
                    part.read.sheet.as_deref().unwrap_or_default(),
                    n.shown()
                ),
            )
            .hint("read the table that is the cover's service's statement with --csp-sheet NAME, one per run; if the cover is another service's, save the table as a file of its own"));
        }
    }
    Ok(())
}

/// A name without the reading written in brackets after it (`foo cloud（フークラウド）` →
/// `foo cloud`; folded): a name in Latin letters with its reading in kana, one service
/// (review 22 C-8). Brackets holding anything else (`サービスA（東京）`, `Foo（Enterprise）`) or
/// an edition's or a plan's word in kana (`Foo（プレミアム）`, `Foo（ベータ）`) stay.
fn without_reading(v: &str) -> std::borrow::Cow<'_, str> {
    const EDITIONS: [&str; 10] = [
        "スタンダード",
        "エンタープライズ",
        "プレミアム",
        "ベーシック",
        "プロ",
        "ライト",
        "ベータ",
        "プラン",
        "エディション",
        "リージョン",
    ];
    let trimmed = v.trim_end();
    let Some(inner) = trimmed
        .strip_suffix([')', '）'])
        .and_then(|t| t.rfind(['(', '（']).map(|at| (at, t)))
    else {
        return v.into();
    };
    let (at, t) = inner;
    let open = t[at..].chars().next().map_or(1, char::len_utf8);
    let (name, reading) = (&t[..at], &t[at + open..]);
    let kana = |c: char| matches!(c, 'ぁ'..='ゖ' | 'ァ'..='ヺ' | 'ー' | '・' | ' ' | '　');
    let latin = name.chars().any(|c| c.is_ascii_alphabetic());
    if latin
        && reading.chars().count() >= 3
        && reading.chars().all(kana)
        && !EDITIONS.iter().any(|w| reading.contains(w))
    {
        name.into()
    } else {
        v.into()
    }
}

/// A row above a table giving, under a label of the scope, the part the table is for: `対象
/// | サービスB`, `対象リージョン：大阪`, `対象サービス：別サービスB`, `Region | Osaka`, `Target
/// service: B` (label, value as written). `None` for any other row (`対象範囲`, a registry
/// fact, is read as one).
fn scope_label(row: &[String]) -> Option<(String, String)> {
    let filled: Vec<&str> = row
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    let (label, value) = match filled[..] {
        [label, value] => (label, value),
        [cell] => cell.split_once([':', '：'])?,
        _ => return None,
    };
    let (label, value) = (
        label.trim().trim_end_matches([':', '：']).trim(),
        value.trim(),
    );
    if value.is_empty() || label.chars().count() > 16 {
        return None;
    }
    let key: String = fold_width(label)
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    const JA: [&str; 10] = [
        "サービス",
        "リージョン",
        "環境",
        "テナント",
        "製品",
        "プロダクト",
        "拠点",
        "エディション",
        "プラン",
        "地域",
    ];
    const EN: [&str; 10] = [
        "service",
        "region",
        "environment",
        "tenant",
        "product",
        "edition",
        "plan",
        "site",
        "targetservice",
        "targetregion",
    ];
    let scope = match key.strip_prefix("対象") {
        // `対象：組織的管理策`, `対象：5〜8章`: a part of the list, no scope (review 22 C-8)
        Some("") => !part_of_the_list(&fold_width(value).to_lowercase()),
        Some(rest) => JA.contains(&rest),
        // `リージョン：大阪`, `拠点：大阪`, `環境：検証`, `プラン：Enterprise` (review 22 A-13)
        None => {
            EN.contains(&key.as_str())
                || JA[1..].contains(&key.as_str())
                || ["データセンター", "提供地域", "版"].contains(&key.as_str())
        }
    };
    scope.then(|| (label.to_owned(), value.to_owned()))
}

/// Refuses sheets whose rows above their tables name different services, registrations or
/// parts (`サービス名 | サービスA` / `サービス名 | サービスB`), or a later sheet naming one
/// that no sheet before it names (`共通` + `個別` under `サービス名 | サービスB`, `一覧` +
/// `Sheet2` under `登録番号 | C21-9999-1`): two statements (review 20 B-2). The same name
/// above each table, or above the first only, is one statement.
fn refuse_different_names_above(
    path: &Path,
    parts: &[Part],
    cover_providers: &[&str],
    hint: &str,
) -> Result<(), InputError> {
    let name = |p: &Part| p.read.sheet.clone().unwrap_or_default();
    let named: Vec<Vec<Named>> = parts.iter().map(|p| named_above(&p.above)).collect();
    for (j, later) in named.iter().enumerate().skip(1) {
        let earlier = named[..j]
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.iter().map(move |x| (i, x)));
        // the service named as an earlier sheet names it: a number or a provider beside its
        // name is more of the same service's (`サービス名 | Foo` then `サービス名 | Foo`,
        // `登録番号 | C23-…`)
        let same_service = later
            .iter()
            .any(|n| n.identity && !n.provider && earlier.clone().any(|(_, e)| e.value == n.value));
        for n in later {
            let differs = earlier.clone().find(|(_, e)| {
                e.provider == n.provider
                    && (n.provider || (n.number && e.number) || e.label == n.label)
                    && e.value != n.value
            });
            if let Some((i, e)) = differs {
                return Err(InputError::at(
                    Location::file(path).sheet(parts[j].read.sheet.as_deref()),
                    format!(
                        "the rows above the tables of sheets '{}' and '{}' name different services, registrations or parts ('{}', '{}'): each is a statement of its own, and read together a control one of them states would be credited for both",
                        name(&parts[i]),
                        name(&parts[j]),
                        e.shown(),
                        n.shown()
                    ),
                )
                .hint(hint.to_owned()));
            }
            // a provider named above a later table only, under the same service's name, is
            // another company's table (a subsidiary's, a contractor's) as often as the same
            // provider's: refused unless a cover or an earlier table names it (review 22 A-13)
            let named_before = (n.identity && !n.provider && same_service)
                || cover_providers.iter().any(|p| same_identity(p, &n.written))
                || earlier.clone().any(|(_, e)| e.value == n.value);
            if !named_before {
                let plain = name(&parts[0]);
                return Err(InputError::at(
                    Location::file(path).sheet(parts[j].read.sheet.as_deref()),
                    format!(
                        "a row above the table of sheet '{}' names '{}', which nothing above the table of sheet '{plain}' names: read together, what '{}' states would be credited to the whole list",
                        name(&parts[j]),
                        n.shown(),
                        name(&parts[j])
                    ),
                )
                .hint(format!(
                    "if the sheets split one list of that service or part, write the same row ('{}') above the table of sheet '{plain}'; if they are separate statements, read one with --csp-sheet NAME, one per run",
                    n.shown()
                )));
            }
        }
    }
    Ok(())
}

/// The scope a title above a sheet's table names, read as a sheet's name is ([`sheet_scope`]):
/// `大阪リージョン追加分`, `サービスB 個別管理策`. Rows under a label (the service's name, a
/// registry fact, [`scope_label`]), the list's title naming its kind
/// (`ISMAPクラウドサービスリスト`) and notes (`※…`, `注…`: the note rules read them) are no
/// title.
fn title_scope(rows: &[Vec<String>]) -> Option<SheetScope> {
    rows.iter().find_map(|row| {
        let mut cells: Vec<&str> = row
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        // a title merged over several cells
        cells.dedup();
        let [title] = cells[..] else {
            return None;
        };
        let labelled = super::page::whose_statement(row).is_some()
            || scope_label(row).is_some()
            || super::page::registry_fact(row).is_some()
            || !matches!(super::page::kind_stated(row), Ok(None));
        // a note naming the place its table is for (`備考：大阪リージョン分`, `※ 大阪リージョン分`:
        // review 22 A-13) names its scope as a title does; a note naming no place is the note
        // rules' (`※ サービスの詳細は別紙`)
        if let Some(body) = note_body(title) {
            let mut scope = sheet_scope(body).filter(|s| !s.key.starts_with('|'))?;
            if labelled || body.chars().count() > 60 {
                return None;
            }
            scope.shown = title.to_owned();
            return Some(scope);
        }
        if labelled
            || title.contains([':', '：'])
            || title.starts_with(['※', '注', '*', '＊'])
            || title.chars().count() > 60
        {
            return None;
        }
        let mut scope = sheet_scope(title)?;
        scope.shown = title.to_owned();
        Some(scope)
    })
}

/// The text of a note (`※ 大阪リージョン分`, `備考：大阪リージョン分`, `注）…`, `Note: …`)
/// without its mark or label; `None` for a row that is no note.
fn note_body(text: &str) -> Option<&str> {
    const LABELS: [&str; 7] = ["備考", "注記", "注", "notes", "note", "remarks", "remark"];
    let unmarked = text.trim_start_matches(['※', '*', '＊']).trim_start();
    let marked = unmarked.len() != text.len();
    for label in LABELS {
        let Some(head) = unmarked.get(..label.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(label) {
            continue;
        }
        let rest = unmarked[label.len()..].trim_start_matches(|c: char| c.is_ascii_digit());
        if let Some(body) = rest.strip_prefix([':', '：', ')', '）']) {
            return Some(body.trim());
        }
    }
    marked.then_some(unmarked.trim())
}

/// A sheet read for statements whose name says they are not the CSP's statement in effect
/// (review 18 A-7): a draft or provisional one (`実施状況（案）`, `Part 2 (draft)`, `一覧（暫定）`,
/// `（仮）`, `v0.9`), self-assessed (`（自己評価）`), old (`実施状況_旧`), another service's
/// (`（他サービス）`), dated after the as-of date (`実施状況 2027-04`), or — the one sheet read —
/// kept for reference or another provider's (`参照用`, `基盤IaaS（参考）`): the same words
/// above the table or in a header are refused.
pub(super) fn refuse_qualified_sheet_names(
    path: &Path,
    parts: &[Part],
    as_of: crate::date::Date,
) -> Result<(), InputError> {
    for part in parts {
        let Some(sheet) = part.read.sheet.as_deref() else {
            continue;
        };
        let folded = fold_width(sheet).to_lowercase();
        let word = remarks::document_mark(sheet, as_of)
            .map(|q| q.word)
            .or_else(|| sheet_not_final(&folded).map(str::to_owned))
            .or_else(|| {
                ["暫定", "_旧", "(旧)", "【旧】", "他サービス", "別サービス"]
                    .iter()
                    .find(|w| folded.contains(**w))
                    .map(|w| (*w).to_owned())
            })
            .or_else(|| folded.trim_end().ends_with('旧').then(|| "旧".to_owned()))
            .or_else(|| {
                folded
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
                    .find(|w| w.starts_with("v0.") && w.len() > 3)
                    .map(str::to_owned)
            })
            .or_else(|| {
                // a month or a day after the as-of date (`2027-04`); a year or fiscal year
                // (`2026年度`, `FY2026`) may have begun by then: left to the version rules
                // (beside another year) and the sheet-name year rule
                crate::date::dates_in(sheet)
                    .into_iter()
                    .filter(|(written, _)| {
                        let w = written.to_lowercase();
                        !(w.contains("年度")
                            || w.starts_with("fy")
                            || w.trim_end_matches('年').chars().all(|c| c.is_ascii_digit()))
                    })
                    .find(|(_, last)| *last > as_of)
                    .map(|(written, _)| written)
            })
            .or_else(|| {
                (parts.len() == 1)
                    .then(|| sheet_names_another_statement(sheet))
                    .flatten()
            });
        if let Some(word) = word {
            return Err(not_in_effect_sheet(path, sheet, &word));
        }
        refuse_marked_print_texts(path, sheet, as_of)?;
    }
    Ok(())
}

/// Refuses a sheet whose print header or footer ([`workbook_zip::print_texts`]) marks the list
/// as the same words above the table do ([`remarks::document_mark`]: `DRAFT`, `ドラフト`,
/// `（案）`, a date after the as-of date) or as an example or instructions (`記入例`): what
/// each printed page says of the list is the list's own line (review 25 A-16).
///
/// [`workbook_zip::print_texts`]: crate::input::workbook_zip::print_texts
fn refuse_marked_print_texts(
    path: &Path,
    sheet: &str,
    as_of: crate::date::Date,
) -> Result<(), InputError> {
    let at = || Location::file(path).sheet(Some(sheet));
    let texts = crate::input::workbook_zip::print_texts(path, sheet).map_err(|e| {
        InputError::at(
            at(),
            format!("cannot read the sheet's print header and footer: {e}"),
        )
        .hint("open the workbook in Excel and save it again as .xlsx")
    })?;
    for text in texts {
        let (what, hint) = match remarks::document_mark(&text, as_of) {
            Some(q) => (q.what(), q.hint()),
            None if crate::input::checks::is_instructions_sheet(&text) => (
                "marks the sheet as instructions or an example".to_owned(),
                "give the CSP's statement in effect (the published list); if this sheet is it, remove the words from the print header or footer",
            ),
            None => continue,
        };
        return Err(InputError::at(
            at(),
            format!(
                "the sheet's print header or footer '{text}' {what}: its rows are not read as the CSP's statement in effect"
            ),
        )
        .hint(hint));
    }
    Ok(())
}

/// The error for a sheet whose name (`word` of it) says its rows are not the CSP's statement
/// in effect.
fn not_in_effect_sheet(path: &Path, sheet: &str, word: &str) -> InputError {
    InputError::at(
        Location::file(path).sheet(Some(sheet)),
        format!(
            "the sheet's name ('{word}') says its rows are a draft, an example, a copy or a template, provisional, self-assessed, old, unused, another service's or provider's, kept for reference, or dated after the as-of date: they are not the CSP's statement in effect"
        ),
    )
    .hint("give the CSP's statement in effect (the published list); if this sheet is it, rename the sheet")
}

/// A sheet read for statements named by the check list's words for a sheet that is not the
/// list in effect ([`checks::is_instructions_sheet`], [`checks::not_in_effect_sheet`]): an
/// example or a sample (`記入例`, `Sample`, `回答例`), a copy, a working copy or a template
/// (`作業用`, `WIP`, `テンプレート`), unused or rejected rows (`ボツ`, `差替前`): one vocabulary for
/// both readers (review 25 A-17: a `記入例` sheet's ids were credited beside the statement).
/// After the rule of separate statements, which names two copies of one list as such and
/// how to read one (`管理策一覧_確定` | `管理策一覧_作業用`).
///
/// [`checks::is_instructions_sheet`]: crate::input::checks::is_instructions_sheet
/// [`checks::not_in_effect_sheet`]: crate::input::checks::not_in_effect_sheet
pub(super) fn refuse_example_sheets(path: &Path, parts: &[Part]) -> Result<(), InputError> {
    let names: Vec<&str> = parts
        .iter()
        .filter_map(|p| p.read.sheet.as_deref())
        .collect();
    for &sheet in &names {
        let word = crate::input::checks::is_instructions_sheet(sheet)
            .then(|| sheet.trim())
            .or_else(|| crate::input::checks::not_in_effect_sheet(sheet));
        if let Some(word) = word {
            return Err(not_in_effect_sheet(path, sheet, word));
        }
        // a copied sheet's name beside the sheet it copies (review 25 A-5)
        if let Some(word) = names.iter().find_map(|other| copy_name(other, sheet)) {
            return Err(not_in_effect_sheet(path, sheet, word));
        }
    }
    Ok(())
}

/// The suffix that makes `name` the name a spreadsheet program gives a copy of the sheet
/// `original`: Excel's `管理策一覧 (2)`, LibreOffice's `管理策一覧_2` (a number from 2); `None`
/// for another name (`一覧1` beside `一覧2` are parts of one list: neither is the other's
/// name with a suffix).
fn copy_name<'n>(original: &str, name: &'n str) -> Option<&'n str> {
    let rest = name.strip_prefix(original)?;
    let number = |n: &str| {
        !n.is_empty()
            && n.chars().all(|c| c.is_ascii_digit())
            && n.parse::<u32>().is_ok_and(|n| n >= 2)
    };
    let excel = rest
        .trim_start()
        .strip_prefix('(')
        .and_then(|n| n.strip_suffix(')'))
        .is_some_and(number);
    let libre = rest.strip_prefix('_').is_some_and(number);
    (excel || libre).then(|| rest.trim())
}

/// The word of a sheet's name (folded) saying its rows are not audited or not final
/// ([`remarks::not_final_word`], the words of a header's note: `（自己評価）`, `（仮）`, `速報`,
/// `provisional`); an internal audit's only in brackets (`実施状況（内部監査）`): a sheet of a
/// list split by clause may be named by the clause (`9.2 内部監査`).
fn sheet_not_final(folded: &str) -> Option<&'static str> {
    let word = remarks::not_final_word(folded)?;
    if !word.contains("内部監査") && !word.contains("internal audit") {
        return Some(word);
    }
    folded
        .split(['(', '[', '【'])
        .skip(1)
        .any(|note| {
            let note = note.split([')', ']', '】']).next().unwrap_or_default();
            note.contains(word)
        })
        .then_some(word)
}

/// What a sheet's name says of the part of the service its rows are for ([`sheet_scope`]).
#[derive(Debug, Clone)]
struct SheetScope {
    /// What two sheets' names are compared by: the places named, the segment naming the
    /// part (`tokyo|東京リージョン`, `|本番環境`, `|product x`).
    key: String,
    /// The words shown in a message.
    shown: String,
    /// Names which part (a place, a region, a tenant, a product, a service, an environment, an
    /// edition), not only a kind of part (`Service`): after a sheet naming none, what that
    /// part adds (review 20 B-2: `共通` + `個別（サービスB）`, `一覧` + `本番環境`).
    adds: bool,
    /// Names another service (`関連サービスB`, `別サービス`).
    another_service: bool,
}

/// What a sheet's name says of the part of the service its rows are for: the places it
/// names ([`crate::analysis::gap::places_in`], the scope's region vocabulary: `東京`,
/// `Osaka`, `US`, `EU`, `シンガポール`) and the segment (between brackets, spaces, `_`, `-`)
/// holding a word naming a region, an environment, a service, a product, a tenant or an
/// edition (`東京リージョン`, `本番環境`, `サービスA`, `Product X`, `テナントA`,
/// `Enterprise Edition`, `Global`); an English word standing alone takes the label after it
/// (`Product` `X`), not a word of a list (`Service` `controls`). `None` for a name of an
/// area, a clause range or a part (`組織的対策`, `5-8章`, `別添`, `共通`, `個別`).
fn sheet_scope(name: &str) -> Option<SheetScope> {
    // beside the scope words of a header's note (`remarks::SCOPE_NAMES`)
    const WORDS: [&str; 31] = [
        "environment",
        // another site of the service (`DRサイト`, `DR`: review 20 B-1)
        "dr",
        "サイト",
        "site",
        // beside `国内`/`海外` (review 20 B-1)
        "日本",
        "検証",
        "開発",
        "ステージング",
        "staging",
        "sandbox",
        "関連サービス",
        "別サービス",
        "テナント",
        "tenant",
        "製品",
        "プロダクト",
        "product",
        "エディション",
        "edition",
        "standard",
        "enterprise",
        "premium",
        "スタンダード",
        "エンタープライズ",
        "プレミアム",
        "プラン",
        "global",
        "japan",
        "グローバル",
        "国内",
        "海外",
    ];
    /// Words naming a kind of part, not which one: a sheet named by one alone (`サービス`,
    /// `Service`, `開発`) adds no part of its own.
    const KINDS: [&str; 22] = [
        // the environment the service is operated in, a topic of every list (review 22 C-8)
        "運用環境",
        "データセンター",
        "サイト",
        "site",
        "サービス",
        "クラウドサービス",
        "service",
        "環境",
        "environment",
        "開発",
        "リージョン",
        "region",
        "テナント",
        "tenant",
        "製品",
        "プロダクト",
        "product",
        "エディション",
        "edition",
        "プラン",
        "拠点",
        "センター",
    ];
    /// Words of a list's own, never a label (`Service controls`).
    const LIST_WORDS: [&str; 27] = [
        "security",
        "specific",
        "common",
        "general",
        "operations",
        "operation",
        "management",
        "level",
        "levels",
        "delivery",
        "continuity",
        "provision",
        "requirements",
        "controls",
        "control",
        "list",
        "annex",
        "appendix",
        "part",
        "status",
        "statement",
        "soa",
        "details",
        "detail",
        "sheet",
        "overview",
        "summary",
    ];
    let folded = fold_width(name).to_lowercase();
    let places = crate::analysis::gap::places_in(&folded);
    let segments: Vec<&str> = folded
        .split(|c: char| "()[]【】「」 _-/・".contains(c))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let words = || WORDS.iter().chain(remarks::SCOPE_NAMES.iter());
    // `事業継続（DR）`: DR in brackets after a topic is that topic's (review 22 C-8)
    let found = (0..segments.len()).find(|&at| {
        let seg = segments[at];
        words().any(|w| names_scope(seg, w) && !(at > 0 && w == &"dr" && seg == "dr"))
    });
    let segment = found.map(|at| {
        let seg = segments[at];
        match segments.get(at + 1) {
            Some(label)
                if seg.is_ascii() && words().any(|w| *w == seg) && !LIST_WORDS.contains(label) =>
            {
                format!("{seg} {label}")
            }
            _ => seg.to_owned(),
        }
    });
    // `個別（東京）` names its place: the places are its scope; `Service-specific (Enterprise)`
    // names the edition, not a kind (`service`) its first word is (review 22 A-13)
    let segment = places
        .is_empty()
        .then(|| specific_to(&folded))
        .flatten()
        .or(segment);
    // the ISMAP-LIU list's statement is another registration's (review 20 B-1)
    let segment = match (segment, super::page::mentions_liu(name)) {
        (Some(seg), true) => Some(format!("{seg} ismap-liu")),
        (None, true) => Some("ismap-liu".to_owned()),
        (seg, false) => seg,
    };
    if places.is_empty() && segment.is_none() {
        return None;
    }
    let segment = segment.unwrap_or_default();
    let another_service = ["関連サービス", "別サービス"]
        .iter()
        .any(|w| segment.contains(w));
    let adds = !places.is_empty() || !KINDS.contains(&segment.as_str());
    let shown = if segment.is_empty() {
        folded.trim().to_owned()
    } else if crate::analysis::gap::places_in(&segment) == places {
        segment.clone()
    } else {
        format!("{} {segment}", places.join(", "))
    };
    Some(SheetScope {
        key: format!("{}|{segment}", places.join(",")),
        shown,
        adds,
        another_service,
    })
}

/// The sheet's name (folded) when it names the specific part of something named
/// (`個別（SaaS B）`, `個別 (Enterprise)`, `個別（kintone）`, `個別（2025年度）`, `サービス固有（SaaS B）`,
/// `Service-specific (Enterprise)`: review 22 A-13): beside `共通`, another service's,
/// product's or edition's part (review 20 B-2). `None` for `個別` alone or naming a part of
/// the list (`個別（組織的対策）`, `個別2`, `個別（5-8章）`, `個別（追加分）`, `サービス固有（技術）`).
fn specific_to(folded: &str) -> Option<String> {
    const SPECIFIC: [&str; 6] = [
        "個別",
        "サービス固有",
        "固有",
        "service-specific",
        "service specific",
        "specific",
    ];
    let trimmed = folded.trim();
    let rest = SPECIFIC.iter().find_map(|w| trimmed.strip_prefix(w))?;
    let rest = rest.trim_matches(|c: char| "()[]【】「」 _-/.".contains(c) || c.is_whitespace());
    (!part_of_the_list(rest)).then(|| folded.trim().to_owned())
}

/// Whether `rest` (folded: a label after `個別`, the value of a bare `対象` row) names a
/// part of the list of controls, not a service, product or edition: a clause or chapter
/// (`9章`, `5〜8章`, `A.9`, `2`), a family or kind of control (`技術`, `アクセス制御`,
/// `組織的管理策`), an id suffix (`P`, `B`, `PB`, `CLD`), a source (`ISMAP固有`, `統一基準`,
/// `基本言明要件`, `クラウド固有`) or a list word (`続き`, `その2`, `必須`, `共通`) (review 22 C-8).
fn part_of_the_list(rest: &str) -> bool {
    const PARTS: [&str; 37] = [
        "的",
        "対策",
        "管理策",
        "詳細",
        "追加",
        "続き",
        "その",
        "補足",
        "別添",
        "一覧",
        "章",
        "条",
        "項",
        "部分",
        "part",
        "annex",
        "detail",
        "control",
        // families and kinds of control (review 22 C-8)
        "技術",
        "物理",
        "組織",
        "人的",
        "制御",
        "暗号",
        "通信",
        "運用",
        // sources and parts of the ISMAP list
        "ismap",
        "統一基準",
        "基本言明",
        "ガバナンス",
        "マネジメント",
        "クラウド固有",
        "必須",
        "任意",
        "共通",
        "統制目標",
        "要求事項",
    ];
    // ISMAP id suffixes, or the cloud part standing alone (`個別（クラウド）`, not `個別（さくらのクラウド）`)
    const SUFFIXES: [&str; 6] = ["p", "b", "pb", "cld", "クラウド", "cloud"];
    let rest = rest.trim();
    let clause = rest.strip_prefix("a.").unwrap_or(rest);
    let numbered = clause
        .chars()
        .all(|c| c.is_ascii_digit() || "-.~〜".contains(c));
    numbered || SUFFIXES.contains(&rest) || PARTS.iter().any(|w| rest.contains(w))
}

/// Whether `word` (a scope word of [`sheet_scope`]) stands in `segment` as a scope: a
/// Japanese word followed by `的` or a conjunction is a word of a catalog title
/// (`物理的及び環境的セキュリティ`, `取得、開発及び保守`: review 20 C-7), not an environment;
/// `本番環境`, `検証環境`, `開発環境` are.
fn names_scope(segment: &str, word: &str) -> bool {
    if word == "dr" {
        // another site (`DR`, `DRサイト`, `DR環境`), not a topic (`DR訓練`, `DR対策`,
        // `BCP・DR`, `17章（DR含む）`: review 22 C-8)
        const SITES: [&str; 7] = [
            "サイト",
            "site",
            "センター",
            "環境",
            "リージョン",
            "region",
            "拠点",
        ];
        return segment.match_indices(word).any(|(at, _)| {
            let after = segment[at + word.len()..].trim();
            let before = &segment[..at];
            !before.ends_with(['.', '、'])
                && !before
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_alphabetic())
                && (after.is_empty() || SITES.iter().any(|w| after.starts_with(w)))
        });
    }
    if word.is_ascii() {
        // a word or its start joined to Japanese (`AWS環境`), not `environmental`, not
        // `address` (`dr`)
        return segment.match_indices(word).any(|(at, _)| {
            !segment[at + word.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
                && !segment[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_alphabetic())
        });
    }
    /// What a segment holding `サービス` (or `クラウドサービス`) may say besides, naming a
    /// topic of the one service (`サービス全般`, `クラウドサービス運用`), not a service
    /// (review 20 C-8).
    const TOPICS: [&str; 28] = [
        "全般",
        "共通",
        "運用",
        "管理",
        "概要",
        "基盤",
        "全体",
        "提供",
        "運用管理",
        "一覧",
        "管理策",
        "対策",
        "仕様",
        "内容",
        // the service-specific part beside the common one (`共通` + `サービス固有`: review
        // 20 B-2's guard)
        "固有",
        "個別",
        "レベル",
        "品質",
        "継続",
        "利用",
        "設計",
        "開発",
        "要件",
        "部分",
        // a party's responsibilities (`クラウドサービスカスタマ`, `クラウドサービス事業者`)
        "カスタマ",
        "事業者",
        "利用者",
        "提供者",
    ];
    segment.match_indices(word).any(|(at, _)| {
        let after = &segment[at + word.len()..];
        // `・` is folded to `.`: `物理・環境・技術`, a list of topics
        if ["的", "及び", "、", "と", "や", "並びに", "."]
            .iter()
            .any(|w| after.starts_with(w))
            || segment[..at].ends_with(['.', '、'])
        {
            return false;
        }
        // a topic of a site or of going abroad (`Webサイト`, `サイト管理`, `海外移転`,
        // `海外拠点管理`: review 22 C-8), not a site or a region (`DRサイト`, `海外`)
        let before = &segment[..at];
        if (word == "サイト" && (before.ends_with("web") || before.ends_with("ウェブ")))
            || (["サイト", "海外", "拠点"].contains(&word)
                && ["管理", "移転", "運営"].iter().any(|t| after.ends_with(t)))
        {
            return false;
        }
        if word != "サービス" {
            return true;
        }
        let before = before.trim_end_matches("クラウド");
        // `サービスの提供`: a topic as `サービス提供` is
        let after = after.trim().trim_start_matches('の');
        // `供給者のサービス提供の管理`: a clause's title
        !((before.is_empty() || before.ends_with('の'))
            && TOPICS.iter().any(|t| after.starts_with(t)))
    })
}

/// The word of a sheet's name saying its rows are not the CSP's current statement: kept
/// for reference (`参考`, `参照用`, `Reference`), another provider's (`IaaS`, `PaaS`, `AWS`,
/// `Azure`, `GCP`, `委託先`, `sub-service`; not a bare `基盤`, a layer of the service's own), a
/// subsidiary's (`子会社`, `グループ会社`, `Subsidiary`), an older version (`旧版`, `Old`,
/// `Previous`, `前回`, `前年`).
/// ASCII words are matched whole (`Laws` names no AWS).
fn sheet_names_another_statement(name: &str) -> Option<String> {
    sheet_names_another_statement_all(name).into_iter().next()
}

/// Every word of [`sheet_names_another_statement`] a sheet's name holds.
fn sheet_names_another_statement_all(name: &str) -> Vec<String> {
    let folded = fold_width(name).to_lowercase();
    let mut found = reference_words(&folded, false);
    const JA: [&str; 14] = [
        // another provider's (`他社サービス`: review 20 B-1)
        "他社",
        "委託先",
        "サブサービス",
        "さくら",
        // a subsidiary's or a group company's (review 22 A-13)
        "子会社",
        "グループ会社",
        "関連会社",
        "旧版",
        "旧バージョン",
        "前版",
        "前年度",
        // the last statement (`前回`, `前年`: review 22 A-13)
        "前回",
        "前年",
        "過去",
    ];
    found.extend(
        JA.iter()
            .filter(|w| folded.contains(*w))
            .map(|w| (*w).to_owned()),
    );
    const EN: [&str; 23] = [
        "subsidiary",
        "subsidiaries",
        "iaas",
        "paas",
        "aws",
        "amazon",
        "azure",
        "microsoft",
        "gcp",
        "google",
        "oracle",
        "oci",
        "ibm",
        "underlying",
        "upstream",
        "subservice",
        "old",
        "previous",
        "prior",
        "superseded",
        "archive",
        "archived",
        "obsolete",
    ];
    // ASCII words, a word joined to Japanese included (`基盤IaaS`, `AWS環境`)
    let words = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty());
    let joined = folded.replace(['-', '_'], "");
    words
        .chain(
            joined
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| *w == "subservice"),
        )
        .filter(|w| EN.contains(w))
        .for_each(|w| found.push(w.to_owned()));
    found
}

/// The years and fiscal years a sheet's name names (`2024年度`, `令和6年度`, `2024年`,
/// `FY2024`), folded: a month or a day (`2026-04`) is not a year of the statement; a number
/// joined to a word (`v2024`, `27001`) names none.
fn years_named(name: &str) -> Vec<String> {
    let folded = fold_width(name).to_lowercase();
    let mut years: Vec<String> = crate::date::dates_in(&folded)
        .into_iter()
        .map(|(written, _)| written)
        .filter(|w| w.ends_with("年度") || w.ends_with('年'))
        .collect();
    years.extend(
        folded
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| {
                w.strip_prefix("fy").is_some_and(|y| {
                    matches!(y.len(), 2 | 4) && y.chars().all(|c| c.is_ascii_digit())
                })
            })
            .map(str::to_owned),
    );
    years
}

/// A sheet's name (folded) without the years it names ([`years_named`]), brackets,
/// spaces and separators: what else it names (`2025年度 管理策一覧` → `管理策一覧`).
fn without_years(name: &str) -> String {
    let mut folded = fold_width(name).to_lowercase();
    for year in years_named(name) {
        folded = folded.replace(&year, "");
    }
    folded
        .chars()
        .filter(|c| !"()[]【】「」（）_-/・ 　".contains(*c))
        .collect()
}

/// Whether a sheet's name names a continuation, an annex or a clause of a list (`別添`,
/// `続き`, `補足`, `詳細管理策`, `Annex`, `9.2 アクセス管理`), not a list of its own.
fn continues_a_list(name: &str) -> bool {
    const WORDS: [&str; 12] = [
        "別添",
        "別紙",
        "続き",
        "補足",
        "詳細",
        "付録",
        "その",
        "annex",
        "appendix",
        "continued",
        "detail",
        "part",
    ];
    let folded = fold_width(name).to_lowercase();
    let folded = folded.trim();
    folded.starts_with(|c: char| c.is_ascii_digit()) || WORDS.iter().any(|w| folded.contains(w))
}

/// Whether two sheets' names are two versions of one list: the same words once the numbers
/// are taken out, each with a version's mark (`v1.0`/`v2.0`, `2025年度`/`2026年度`,
/// `第1版`/`第2版`, `FY2025`/`FY2026`, `Rev.1`/`Rev.2`); the words left (`v`, `年度`).
/// Numbered sheets without such a mark (`一覧1`/`一覧2`, `5-8`/`9-12`) are parts of one list.
fn versions_of_one_list(a: &str, b: &str) -> Option<String> {
    let skeleton = |s: &str| -> String {
        fold_width(s)
            .to_lowercase()
            .chars()
            .filter(|c| !c.is_ascii_digit() && !matches!(c, '.' | '-' | '_' | ' ' | '　' | '/'))
            .collect()
    };
    let versioned = |s: &str| {
        let folded = fold_width(s).to_lowercase();
        let has_digit = folded.chars().any(|c| c.is_ascii_digit());
        let after_v = folded.char_indices().any(|(i, c)| {
            c == 'v'
                && folded[i + 1..]
                    .chars()
                    .next()
                    .is_some_and(|d| d.is_ascii_digit())
        });
        has_digit
            && (after_v
                || ["年度", "版", "ver", "rev", "fy", "改訂", "年"]
                    .iter()
                    .any(|w| folded.contains(w)))
    };
    let (x, y) = (skeleton(a), skeleton(b));
    (a != b && x == y && versioned(a) && versioned(b)).then_some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Review 24 A-8: how two sheets' names (each sheet stating whose statement it is) differ.
    #[test]
    fn the_names_of_copied_sheets() {
        assert_eq!(copy_name("管理策一覧", "管理策一覧 (2)"), Some("(2)"));
        assert_eq!(copy_name("管理策一覧", "管理策一覧(3)"), Some("(3)"));
        assert_eq!(copy_name("管理策一覧", "管理策一覧_2"), Some("_2"));
        assert_eq!(copy_name("管理策一覧", "管理策一覧"), None);
        assert_eq!(copy_name("管理策一覧", "管理策一覧_1"), None);
        assert_eq!(copy_name("一覧1", "一覧2"), None);
        assert_eq!(copy_name("一覧", "一覧2"), None);
        assert_eq!(copy_name("管理策一覧", "管理策一覧_確定"), None);
    }

    #[test]
    fn sheet_names_split_copies_or_products() {
        let headings = vec!["資産の管理".to_owned(), "供給者関係".to_owned()];
        let cmp = |a: &str, b: &str| compare_sheet_names(a, b, &headings);
        for (a, b) in [
            ("組織的対策", "技術的対策"),
            ("人的対策", "物理的対策"),
            ("管理策一覧", "管理策一覧（続き）"),
            ("一覧1", "一覧2"),
            ("5-8", "9-12"),
            ("A.5", "A.6"),
            ("Organizational", "Technological"),
            ("管理策一覧", "別添 詳細管理策"),
            ("資産の管理", "供給者関係"),
            ("Part A", "Part B"),
            ("共通", "個別"),
            ("S1", "S2"),
            ("一覧", "Sheet2"),
        ] {
            assert_eq!(cmp(a, b), NamesDiffer::Split, "{a} | {b}");
        }
        for (a, b) in [
            ("管理策一覧", "管理策一覧 (2)"),
            ("管理策一覧_確定", "管理策一覧_作業用"),
            ("Sheet1", "Sheet2"),
            ("一覧", "一覧 コピー"),
        ] {
            assert!(matches!(cmp(a, b), NamesDiffer::Copies(_)), "{a} | {b}");
        }
        assert_eq!(
            cmp("Foo Compute", "Foo Storage"),
            NamesDiffer::Scopes("compute".into(), "storage".into())
        );
        assert!(matches!(
            cmp("Compute Engine", "Cloud Storage"),
            NamesDiffer::Scopes(..)
        ));
        assert!(matches!(cmp("kintone", "Garoon"), NamesDiffer::Scopes(..)));
    }

    /// Review 20 C-7: a clause's sheet titled as JIS Q 27002 names no environment.
    #[test]
    fn catalog_titles_name_no_scope() {
        for name in [
            "11 物理的及び環境的セキュリティ",
            "14 システムの取得、開発及び保守",
            "14.2 開発及びサポートプロセスにおけるセキュリティ",
            "11 Physical and environmental security",
        ] {
            assert!(sheet_scope(name).is_none(), "{name}");
        }
        for name in [
            "本番環境",
            "検証環境",
            "開発環境",
            "開発",
            "環境：本番",
            "Production environment",
        ] {
            assert!(sheet_scope(name).is_some(), "{name}");
        }
    }

    /// Review 20 C-11: a status sheet carrying policy references is not kept for reference.
    #[test]
    fn policy_references_are_carried_not_kept_for_reference() {
        for name in [
            "実施状況（規程参照）",
            "管理策（参照規程付き）",
            "実施状況・参照規程",
            "管理策と参照文書",
            "Controls & policy references",
        ] {
            let folded = fold_width(name).to_lowercase();
            assert!(reference_words(&folded, false).is_empty(), "{name}");
        }
        for name in [
            "参照",
            "管理策（参照）",
            "参照用",
            "一覧_参照",
            "参照資料",
            "References",
            "Controls (reference)",
            "Cross-reference",
        ] {
            let folded = fold_width(name).to_lowercase();
            assert!(!reference_words(&folded, false).is_empty(), "{name}");
        }
    }

    /// Review 20 C-8: `サービス` with a topic word names a topic of the one service.
    #[test]
    fn a_topic_of_the_service_names_no_service() {
        for name in [
            "サービス全般",
            "サービス運用",
            "クラウドサービス共通",
            "クラウドサービス運用",
        ] {
            assert!(sheet_scope(name).is_none(), "{name}");
        }
        for name in [
            "サービスA",
            "サービス B",
            "○○サービス",
            "関連サービス運用",
            "サービス",
        ] {
            assert!(sheet_scope(name).is_some(), "{name}");
        }
    }

    /// Review 20 B-2: rows above a table naming a part under a label, and `個別（X）` naming
    /// the specific part of another; review 20 C-9: the controls' catalog, not the service's.
    #[test]
    fn what_names_another_part_and_what_names_the_catalog() {
        let row = |cells: &[&str]| cells.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
        for cells in [
            &["対象：サービスB"][..],
            &["対象リージョン", "大阪"],
            &["対象サービス：別サービスB"],
            &["Region", "Osaka"],
            &["Target service: B"],
        ] {
            assert!(scope_label(&row(cells)).is_some(), "{cells:?}");
        }
        for cells in [
            &["対象範囲：東京リージョン"][..],
            &["作成日", "2026-04-01"],
            &["対象外の理由は備考欄を参照"],
            &["凡例: ○実施 ×未実施"],
        ] {
            assert!(scope_label(&row(cells)).is_none(), "{cells:?}");
        }
        for name in [
            "個別（saas b）",
            "個別 (enterprise)",
            "個別(2025年度)",
            "個別_kintone",
        ] {
            assert!(specific_to(name).is_some(), "{name}");
        }
        for name in [
            "個別",
            "個別2",
            "個別（組織的対策）",
            "個別(5-8章)",
            "個別（追加分）",
            "共通",
        ] {
            assert!(specific_to(name).is_none(), "{name}");
        }
        for name in [
            "管理策マスタ",
            "管理策マスター",
            "ISMAP catalog",
            "Catalog",
            "Master",
            "マスタ",
            "マスタ一覧",
            "ISMAP管理策マスタ 実施状況",
        ] {
            assert!(names_the_controls_catalog(name).is_some(), "{name}");
        }
        for name in [
            "Service catalog",
            "Product catalog",
            "Data Master",
            "マスターデータ管理",
            "実施状況",
        ] {
            assert!(names_the_controls_catalog(name).is_none(), "{name}");
        }
    }

    /// Review 22 A-13/C-8: `サービス固有（X）` and `Service-specific (X)` name another part as
    /// `個別（X）` does; a note's mark or label is taken off; years of a sheet's name; a
    /// service's reading in brackets is no other service.
    #[test]
    fn specific_parts_notes_years_and_readings() {
        for name in [
            "サービス固有（saas b）",
            "service-specific (enterprise)",
            "service specific (product b)",
            "固有(kintone)",
        ] {
            assert!(specific_to(name).is_some(), "{name}");
        }
        for name in [
            "サービス固有",
            "サービス固有（技術）",
            "service-specific",
            "service-specific controls",
            "固有管理策",
        ] {
            assert!(specific_to(name).is_none(), "{name}");
        }
        assert_eq!(note_body("※ 大阪リージョン分"), Some("大阪リージョン分"));
        assert_eq!(
            note_body("備考：大阪リージョン分"),
            Some("大阪リージョン分")
        );
        assert_eq!(note_body("注1）大阪"), Some("大阪"));
        assert_eq!(note_body("Note: Osaka"), Some("Osaka"));
        assert_eq!(note_body("大阪リージョン追加分"), None);
        assert_eq!(note_body("注意事項"), None);
        assert_eq!(years_named("2024年度"), ["2024年度"]);
        assert_eq!(years_named("FY2024 controls"), ["fy2024"]);
        assert_eq!(years_named("令和6年度"), ["令和6年度"]);
        for name in [
            "管理策一覧",
            "9.2 アクセス管理",
            "5-8",
            "v2024",
            "ISO 27001",
            "2026-04",
        ] {
            assert!(years_named(name).is_empty(), "{name}");
        }
        assert_eq!(without_reading("foo cloud(フークラウド)"), "foo cloud");
        assert_eq!(without_reading("foo cloud（ふーくらうど）"), "foo cloud");
        for name in [
            "foo cloud(プレミアム)",
            "foo cloud(東京)",
            "foo cloud(enterprise)",
            "foo(ab)",
        ] {
            assert_eq!(without_reading(name), name, "{name}");
        }
        assert!(sheet_scope("運用環境").is_some_and(|s| !s.adds));
    }
}
