//! The fail-closed property of CSP lists: for any list in which 9.2.3 is stated not
//! implemented (in any of the shapes CSPs write, among any other rows), reading it either
//! fails with an input error or gives 9.2.3 a state other than implemented, and the report
//! never marks an item citing only 9.2.3 as covered (nor partly or assurance-gap covered).
//! The fields of a pasted list entry (`後発事象 なし`) never credit or un-credit an id, and
//! a line that merely starts like one keeps the list's rules.
use std::path::Path;

use ismap_gap::analysis::{analyse, resolve_attestation, CspState, Status};
use ismap_gap::catalog::Catalog;
use ismap_gap::date::Date;
use ismap_gap::input::csp::{load_text, CspOptions};
use ismap_gap::lang::Lang;
use ismap_gap::model::{Assurance, CheckItem, CheckList, Extra};
use proptest::prelude::*;

fn catalog() -> &'static Catalog {
    static C: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    C.get_or_init(|| Catalog::embedded().unwrap())
}

/// Ids stated implemented around the one that is not.
const OTHERS: &[&str] = &[
    "5.1.1",
    "9.2.1",
    "9.2.2",
    "8.1.5.P",
    "12.1.1",
    "18.1.4",
    "９．４．１",
];

/// Titles, words and headings that state nothing.
const HARMLESS: &[&str] = &[
    "",
    "利用者登録及び登録削除",
    "統制目標 番号",
    "- 1 -",
    "基本言明要件のうち実施している統制目標の管理策",
    "情報セキュリティ継続の計画",
    "Copyright 2025",
];

/// What states "not implemented" (or not applicable, planned, partly): words, marks, values.
const NOT: &[&str] = &[
    "未実施",
    "非該当",
    "対象外",
    "計画中",
    "予定",
    "除外",
    "適用外",
    "未対応",
    "今後対応予定",
    "非該当（IaaS側で実施）",
    "Not implemented",
    "N/A",
    "Planned",
    "×",
    "✕",
    "－",
    "-",
    "△",
    "いいえ",
    "無",
    "No",
    "0",
    "x",
    // review 1: negation in words no list of status words holds, footnote marks, notes
    "実施していない",
    "適用しない",
    "実施せず",
    "不実施",
    "要改善",
    "今後実施",
    "2026年度実施",
    "Not in place",
    "Does not apply",
    "Unimplemented",
    "Waived",
    "Risk accepted",
    "Gap",
    "※1",
    "?",
    "同上",
    "(一部)",
    "☓",
    "",
];

/// Notes in brackets after an implemented value, and remarks beside one, that qualify it.
const QUALIFIERS: &[&str] = &[
    "一部",
    "一部未実施",
    "2026年度予定",
    "特権IDは対象外",
    "ただし運用は未整備",
    "partially",
    "not yet",
    "planned",
    "東京リージョンのみ",
    "例外あり",
    "waived for now",
    "Not in place",
    // review 2 (A1): under any header, on an implemented row
    "一部のサービスを除く",
    "2026年度中に対応",
    "顧客側で設定が必要",
    "IaaS事業者が実施",
    "お客様の責任範囲",
    "Customer responsibility",
    "Only for Tokyo region",
    "Except Marketplace offerings",
    "Not applicable to guest users",
    "実施していない",
    "対応中",
    "要改善",
    "To be implemented",
    "×",
    "N/A",
];

/// Remarks that describe the implementation or state a policy (review 2, C1): read.
const DESCRIPTIONS: &[&str] = &[
    "外部委託先管理規程に基づく",
    "未承認ソフトウェアのインストールを禁止",
    "不要なポートを閉鎖",
    "除却時にデータ消去",
    "パスワードを平文で保存しない",
    "退職者のIDは即日無効化",
    "不審メール訓練を実施",
    "無停止でパッチ適用",
    "規程第5条（例外なし）",
    "計画的に実施",
    "委託先にも同等の管理を要求",
    "No shared accounts allowed",
    "",
    "－",
    "なし",
];

/// Headers of remarks columns, known and not: `Details`, `説明`, `Scope`, `最終確認日`.
const REMARK_HEADERS: &[&str] = &[
    "適用/除外の理由",
    "Details",
    "Scope",
    "説明",
    "最終確認日",
    "備考",
    "特記事項",
    "Remark",
    "実施内容",
    "Justification",
    "管理策名",
    "担当部署",
    "証跡",
];

/// Headers that name no implementation status, and headers naming a status other than
/// implemented: a mark or yes under them never means implemented.
const OTHER_HEADERS: &[&str] = &[
    "Gap",
    "Exception",
    "Deviation",
    "指摘事項",
    "課題",
    "要対応",
    "Applicable",
    "対象",
    "適用",
    "有無",
    "非該当",
    "未実施",
    "Excluded",
    "Not Applicable",
    "Planned",
    "Responsibility",
    "Inherited from",
    "備考",
    "証跡",
    "Owner",
];

/// (not marked, marked) values of a column of marks.
const MARKS: &[(&str, &str)] = &[
    ("No", "Yes"),
    ("×", "○"),
    ("無", "有"),
    ("なし", "あり"),
    ("", "○"),
    ("いいえ", "はい"),
    ("N", "Y"),
    ("CSP", "Customer"),
    ("", "AWS"),
    ("", "N/A"),
];

/// Fields of a pasted ISMAP list entry whose values are negative (none, no): metadata, never
/// a status of the ids around them. Some give the value on the next line (a PDF's cells
/// pasted one per line).
const NEGATIVE_FIELDS: &[&str] = &[
    "後発事象\tなし",
    "後発事象 なし",
    "後発事象：なし",
    "後発事象\nなし",
    "改善計画の有無\t無",
    "改善計画の有無 無",
    "改善計画の有無\n無",
    "改善計画\tなし",
    "第三者による検証（脆弱性診断等）の有無\t無",
    "資本関係・役員等の情報\t該当なし",
    "Subsequent events\tNone",
    "Improvement plan: No",
    "Third-party testing (penetration tests, etc.)\tNo",
    "登録の更新期限\t令和9年3月31日",
    "監査対象期間：2024年10月1日～2025年9月30日",
];

/// Fields of a list entry with other values.
const OTHER_FIELDS: &[&str] = &[
    "ISMAPクラウドサービスリスト",
    "登録番号\tC21-0001-2",
    "クラウドサービスの名称\nサンプルクラウド",
    "言明の対象範囲\t東京リージョンで提供される全サービス\n対象外\t管理コンソール",
    "言明の対象範囲\n対象範囲\n東京リージョン\n対象外\n管理コンソール",
    "後発事象\t2025年2月に障害が発生した",
    "改善計画の有無\t有",
    "第三者による検証の有無\n有（年1回）",
    "準拠法・裁判管轄\t日本法、東京地方裁判所",
    "基本言明要件のうち実施している統制目標の管理策",
    "統制目標 番号\t統制目標 番号",
];

/// Lines above 9.2.3 that start like a label of the list entry but are none, a label with
/// no value, or a label whose value negates, excludes, defers or qualifies (a heading,
/// maybe): 9.2.3 is never credited under them.
const LIKE_LABELS: &[&str] = &[
    "後発事象はない",
    "後発事象なし",
    "改善計画の対象",
    "改善計画中の統制目標",
    "対象外の統制目標",
    "対象外",
    "対象外：",
    "Out of scope",
    "Improvement plan",
    "後発事象 以下は未実施",
    "後発事象\t以下の統制目標は実施していない",
    "改善計画\t2026年度に対応",
    "改善計画の有無 有（9.2.3）",
    "言明の対象範囲\t東京リージョンのみ",
    "対象外\t一部の統制目標",
    "Improvement plan: remediation pending",
    "Subsequent events: controls not in place",
    "Scope of the statement: Tokyo region only",
    "監査対象期間 未定",
    "後発事象（9.2.3は未実施）\tなし",
    "後発事象\t9.2.3",
    "対象外 9.2.3",
];

/// The spellings of 9.2.3.
const ID: &[&str] = &["9.2.3", "９．２．３", "9.2.3.", "A.9.2.3"];

/// A shape of pasted text stating `id` as `not`. In a heading or a sentence (shapes 5, 6
/// and 8) a value such as `無` or `No` is a word like any other: there the statement is a
/// status word.
fn text_shape(k: usize, id: &str, not: &str) -> String {
    let not =
        if matches!(k % 9, 5 | 6 | 8) && not.chars().count() < 3 && !not.contains(['×', '✕', '△'])
        {
            "未実施"
        } else {
            not
        };
    match k % 9 {
        0 => format!("{id} {not}"),
        1 => format!("{id}（{not}）"),
        2 => format!("{id}【{not}】"),
        3 => format!("{id}\t{not}"),
        4 => format!("{id}\n特権的アクセス権の管理\n{not}"),
        5 => format!("■ {not}の統制目標\n{id}"),
        6 => format!("※ {id} は{not}"),
        7 => format!("{id} 特権的アクセス権の管理 {not}。"),
        _ => format!("JIS Q 27001:2014 の {id} に基づき{not}"),
    }
}

/// The header of table layout `k`.
fn header(k: usize) -> &'static str {
    match k % 6 {
        0 => "管理策番号,実施状況",
        1 => "No,管理策番号,管理策名,実施状況,備考",
        2 => "管理策番号,進捗",
        3 => "統制目標番号",
        4 => "管理策番号,管理策名,備考",
        _ => "Control,Status,Owner",
    }
}

/// A row of table layout `k`: the id `i` and what is said of it, `s`.
fn row(k: usize, i: &str, s: &str) -> String {
    match k % 6 {
        0 | 2 => format!("{i},{s}"),
        1 => format!("1,{i},名称,{s},"),
        3 => format!("{i} {s}"),
        4 => format!("{i},名称,{s}"),
        _ => format!("{i},{s},IT"),
    }
}

/// A table stating `id` as `not` among `others` stated implemented, in one of several layouts.
fn table(k: usize, id: &str, not: &str, others: &[&str], yes: &str) -> String {
    let mut rows = vec![header(k).to_owned()];
    rows.extend(others.iter().map(|o| row(k, o, yes)));
    rows.push(row(k, id, not));
    rows.join("\n")
}

fn item(refs: &[&str]) -> CheckItem {
    CheckItem {
        row: 2,
        id: "X".to_owned(),
        title: "特権".to_owned(),
        refs: refs.iter().map(|s| (*s).to_owned()).collect(),
        assurance: Assurance::Ismap,
        risk: None,
        note: String::new(),
        extra: Extra::default(),
        problems: Vec::new(),
        ..CheckItem::default()
    }
}

/// Reads `text` as a file named `name` would be, and checks the property.
fn holds(name: &str, text: &str) -> Result<(), TestCaseError> {
    let catalog = catalog();
    let Ok(att) = load_text(Path::new(name), text, &CspOptions::default(), catalog) else {
        return Ok(()); // refused: fail closed
    };
    let states = resolve_attestation(catalog, &att);
    prop_assert!(
        !matches!(states.state("9.2.3"), Some(CspState::Implemented)),
        "9.2.3 credited from {name}:\n{text}"
    );
    let checks = CheckList {
        items: vec![item(&["9.2.3"])],
        ..CheckList::default()
    };
    let date = Date::parse("2026-04-01").unwrap();
    let report = analyse(catalog, checks, &att, date, Lang::En);
    let status = report.items[0].status;
    prop_assert!(
        !matches!(
            status,
            Status::Covered | Status::Partial | Status::AssuranceGap
        ),
        "{status:?} from {name}:\n{text}"
    );
    Ok(())
}

/// Review 1's table shapes: an implemented value with a note in brackets, a remark that
/// qualifies an implemented row, a column of marks under a header that names no
/// implementation status (or another status), a list with a column it cannot read.
fn qualified_table(
    k: usize,
    id: &str,
    q: &str,
    header: &str,
    marks: (&str, &str),
    others: &[&str],
) -> String {
    let (off, on) = marks;
    let (head, mine, theirs): (String, String, String) = match k % 4 {
        0 => (
            "管理策番号,実施状況".into(),
            format!("{id},実施（{q}）"),
            "実施".into(),
        ),
        1 => (
            "Control,Status,Remarks".into(),
            format!("{id},Implemented,{q}"),
            "Implemented,".into(),
        ),
        2 => (
            format!("管理策番号,{header}"),
            format!("{id},{on}"),
            off.into(),
        ),
        _ => (
            format!("管理策番号,管理策名,{header}"),
            format!("{id},特権的アクセス権の管理,{on}"),
            format!("名称,{off}"),
        ),
    };
    let mut rows = vec![head];
    rows.extend(others.iter().map(|o| format!("{o},{theirs}")));
    rows.push(mine);
    rows.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Pasted text: the statement among implemented ids and harmless lines, in any order.
    #[test]
    fn pasted_text_never_credits_it(
        shape in 0usize..9,
        id in proptest::sample::select(ID),
        not in proptest::sample::select(&NOT[..NOT.len() - 1]),
        others in proptest::collection::vec(
            (proptest::sample::select(OTHERS), proptest::sample::select(HARMLESS)), 0..6),
        at in 0usize..7,
        crlf in any::<bool>(),
    ) {
        let mut lines: Vec<String> = others.iter().map(|(i, t)| format!("{i} {t}")).collect();
        lines.insert(at.min(lines.len()), text_shape(shape, id, not));
        let eol = if crlf { "\r\n" } else { "\n" };
        holds("list.txt", &lines.join(eol))?;
    }

    /// Tables: the statement in one of several layouts, the other rows implemented.
    #[test]
    fn tables_never_credit_it(
        layout in 0usize..6,
        id in proptest::sample::select(ID),
        not in proptest::sample::select(NOT),
        others in proptest::collection::vec(proptest::sample::select(OTHERS), 0..5),
        yes in proptest::sample::select(vec!["実施", "○", "Implemented", "済", "", "はい"]),
        ext in proptest::sample::select(vec!["list.csv", "list.tsv", "list.txt"]),
    ) {
        // an empty cell states something only in a status column (layouts 3 and 4 have none)
        prop_assume!(!(not.is_empty() && matches!(layout, 3 | 4)));
        let mut text = table(layout, id, not, &others, yes);
        if ext.ends_with("tsv") {
            text = text.replace(',', "\t");
        }
        holds(ext, &text)?;
    }

        /// Notes, remarks, columns of marks under other headers, columns a list cannot read:
    /// never 9.2.3 credited.
    #[test]
    fn qualified_tables_never_credit_it(
        k in 0usize..4,
        id in proptest::sample::select(ID),
        q in proptest::sample::select(QUALIFIERS),
        header in proptest::sample::select(OTHER_HEADERS),
        marks in proptest::sample::select(MARKS),
        others in proptest::collection::vec(proptest::sample::select(OTHERS), 0..4),
        ext in proptest::sample::select(vec!["list.csv", "list.tsv"]),
    ) {
        let mut text = qualified_table(k, id, q, header, marks, &others);
        if ext.ends_with("tsv") {
            text = text.replace(',', "\t");
        }
        holds(ext, &text)?;
    }

    /// Review 2 (A1): a qualifying remark on the implemented row, under a header the tool
    /// knows or any other (random letters, kana, kanji), beside other columns of remarks:
    /// never 9.2.3.
    #[test]
    fn remarks_under_any_header_never_credit_it(
        known in proptest::sample::select(REMARK_HEADERS),
        random in "[A-Za-zぁ-んァ-ヶ一-龠／・]{1,8}",
        use_random in any::<bool>(),
        id in proptest::sample::select(ID),
        q in proptest::sample::select(QUALIFIERS),
        described in proptest::sample::select(DESCRIPTIONS),
        before in any::<bool>(),
        others in proptest::collection::vec(proptest::sample::select(OTHERS), 0..4),
        ext in proptest::sample::select(vec!["list.csv", "list.tsv"]),
    ) {
        let header = if use_random { random.as_str() } else { known };
        // `N/A` under a record date's header says there is no date (review 13 C-11)
        prop_assume!(!(header == "最終確認日" && q == "N/A"));
        // the qualifying remark, and a column of descriptions before or after it
        let (head, mine, theirs) = if before {
            (
                format!("管理策番号,実施状況,メモ欄,{header}"),
                format!("{id},実施,{described},{q}"),
                format!("実施,{described},"),
            )
        } else {
            (
                format!("管理策番号,実施状況,{header},メモ欄"),
                format!("{id},実施,{q},{described}"),
                format!("実施,,{described}"),
            )
        };
        let mut rows = vec![head];
        rows.extend(others.iter().map(|o| format!("{o},{theirs}")));
        rows.push(mine);
        let mut text = rows.join("\n");
        if ext.ends_with("tsv") {
            text = text.replace(',', "\t");
        }
        holds(ext, &text)?;
    }

    /// A heading or a note that negates in any words, above or between ids: never 9.2.3.
    #[test]
    fn negating_headings_never_credit_it(
        heading in proptest::sample::select(vec![
            "■ 実施していない統制目標", "■ 適用しない管理策", "■ 今後実施する管理策",
            "Exclusions", "Non-applicable controls", "Controls not in place", "Gaps",
            "【参考】未適用の管理策", "以下の統制目標は実施していません", "＜非実施＞",
            "Inapplicable controls", "Roadmap (FY2026)", "2026年度対応", "Remediation plan",
            "Open items", "To do",
        ]),
        before in proptest::collection::vec(proptest::sample::select(OTHERS), 0..3),
        after in proptest::collection::vec(proptest::sample::select(OTHERS), 0..3),
    ) {
        let mut lines: Vec<String> = before.iter().map(|s| (*s).to_owned()).collect();
        lines.push(heading.to_owned());
        lines.push("9.2.3".to_owned());
        lines.extend(after.iter().map(|s| (*s).to_owned()));
        holds("list.txt", &lines.join("\n"))?;
    }

    /// Fields of the list entry with negative values (`後発事象 なし`, `改善計画の有無 無`),
    /// anywhere among ids: the same ids are read as without them, never fewer, never more.
    #[test]
    fn negative_fields_never_credit_or_uncredit(
        others in proptest::collection::vec(proptest::sample::select(OTHERS), 1..6),
        fields in proptest::collection::vec(
            (proptest::sample::select(NEGATIVE_FIELDS), 0usize..7), 1..4),
    ) {
        let catalog = catalog();
        let read = |lines: &[String]| {
            load_text(Path::new("list.txt"), &lines.join("\n"), &CspOptions::default(), catalog)
                .map(|att| att.controls.into_iter().map(|c| c.raw).collect::<Vec<_>>())
        };
        let plain: Vec<String> = others.iter().map(|s| (*s).to_owned()).collect();
        let without = read(&plain).map_err(|e| e.to_string());
        prop_assert!(without.is_ok(), "{without:?}");
        let mut lines = plain.clone();
        for (field, at) in &fields {
            lines.insert((*at).min(lines.len()), (*field).to_owned());
        }
        let with = read(&lines).map_err(|e| e.to_string());
        prop_assert_eq!(&with, &without, "{}", lines.join("\n"));
    }

    /// The statement among the fields of a whole list entry (negative and other values,
    /// on one line or two, a scope with its out-of-scope part) and implemented ids, in any
    /// order: never 9.2.3 credited.
    #[test]
    fn statements_among_fields_never_credit_it(
        shape in 0usize..9,
        id in proptest::sample::select(ID),
        not in proptest::sample::select(&NOT[..NOT.len() - 1]),
        lines in proptest::collection::vec(
            proptest::sample::select(
                NEGATIVE_FIELDS
                    .iter()
                    .chain(OTHER_FIELDS)
                    .chain(OTHERS)
                    .copied()
                    .collect::<Vec<_>>(),
            ),
            0..8,
        ),
        at in 0usize..9,
    ) {
        let mut lines: Vec<String> = lines.iter().map(|s| (*s).to_owned()).collect();
        lines.insert(at.min(lines.len()), text_shape(shape, id, not));
        holds("list.txt", &lines.join("\n"))?;
    }

    /// A line that starts like a label of the list entry but is none, a label without a
    /// value, a label whose value negates: above 9.2.3, never 9.2.3 credited.
    #[test]
    fn lines_like_labels_never_credit_it(
        line in proptest::sample::select(LIKE_LABELS),
        id in proptest::sample::select(ID),
        before in proptest::collection::vec(proptest::sample::select(OTHERS), 0..3),
        after in proptest::collection::vec(proptest::sample::select(OTHERS), 0..3),
    ) {
        let mut lines: Vec<String> = before.iter().map(|s| (*s).to_owned()).collect();
        lines.push(line.to_owned());
        lines.push(id.to_owned());
        lines.extend(after.iter().map(|s| (*s).to_owned()));
        holds("list.txt", &lines.join("\n"))?;
    }

    /// Any text at all with the statement appended somewhere: never a panic, never 9.2.3.
    #[test]
    fn any_text_with_the_statement_never_credits_it(
        noise in "[0-9０-９.．A-Za-z 　\t\n,・、（）()【】○×△－未実施非該当対象外予定済有無]{0,80}",
        shape in 0usize..9,
        not in proptest::sample::select(&NOT[..NOT.len() - 1]),
        csv in any::<bool>(),
    ) {
        let text = format!("{noise}\n{}\n", text_shape(shape, "9.2.3", not));
        holds(if csv { "list.csv" } else { "list.txt" }, &text)?;
    }
}

/// The properties are not vacuous: the same shapes without the statement are read, and
/// credit the ids they list.
#[test]
fn the_shapes_are_read_when_they_state_nothing_else() {
    let catalog = catalog();
    for layout in 0..6 {
        let text = table(layout, "9.2.3", "実施", &["9.2.1"], "実施");
        let text = if layout == 3 {
            text.replace(" 実施", "")
        } else {
            text
        };
        let att = load_text(
            Path::new("list.csv"),
            &text,
            &CspOptions::default(),
            catalog,
        )
        .unwrap_or_else(|e| panic!("{layout}: {e}\n{text}"));
        let states = resolve_attestation(catalog, &att);
        assert!(
            matches!(states.state("9.2.3"), Some(CspState::Implemented)),
            "{layout}: {text}"
        );
    }
    let att = load_text(
        Path::new("list.txt"),
        "統制目標 番号\n9.2.1 利用者登録及び登録削除\n9.2.3\n- 1 -\n",
        &CspOptions::default(),
        catalog,
    )
    .unwrap();
    assert!(resolve_attestation(catalog, &att).is_implemented("9.2.3"));
    // the qualified shapes without the qualification: a title, a remark that states
    // nothing, a status column; a heading that negates nothing
    for text in [
        "管理策番号,実施状況\n9.2.1,実施\n9.2.3,実施\n",
        "Control,Status,Remarks\n9.2.1,Implemented,\n9.2.3,Implemented,reviewed yearly\n",
        "管理策番号,管理策名\n9.2.1,名称\n9.2.3,特権的アクセス権の管理\n",
        "管理策番号,実施\n9.2.1,×\n9.2.3,○\n",
    ] {
        let att = load_text(Path::new("list.csv"), text, &CspOptions::default(), catalog)
            .unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert!(
            resolve_attestation(catalog, &att).is_implemented("9.2.3"),
            "{text}"
        );
    }
    // remarks that describe the implementation or state a policy, under any of the
    // headers: read, and 9.2.3 credited
    // (a scope header reads "all" only, an owner header no party other than the service)
    for header in REMARK_HEADERS
        .iter()
        .filter(|h| !matches!(**h, "Scope" | "担当部署"))
    {
        // (evidence said to be none is not read as implemented: review 12 A-18)
        for described in DESCRIPTIONS
            .iter()
            .filter(|d| !(*header == "証跡" && **d == "なし"))
        {
            let text =
                format!("管理策番号,実施状況,{header}\n9.2.1,実施,\n9.2.3,実施,{described}\n");
            let att = load_text(
                Path::new("list.csv"),
                &text,
                &CspOptions::default(),
                catalog,
            )
            .unwrap_or_else(|e| panic!("{e}\n{text}"));
            assert!(
                resolve_attestation(catalog, &att).is_implemented("9.2.3"),
                "{text}"
            );
        }
    }
    let att = load_text(
        Path::new("list.txt"),
        "■ 実施している統制目標\n9.2.1\n9.2.3 特権的アクセス権の管理\n",
        &CspOptions::default(),
        catalog,
    )
    .unwrap();
    assert!(resolve_attestation(catalog, &att).is_implemented("9.2.3"));
}

/// A date written in one of the forms the ISMAP list and Japanese documents use: ISO,
/// slashes, 年月日 (also full width), the Reiwa or Heisei era (元年 for the first year,
/// `R`/`H` with dots), with or without its weekday in brackets.
fn written(d: Date, form: usize, weekday: bool) -> String {
    let (y, m, day) = (d.year, d.month, d.day);
    let reiwa = d >= Date::new(2019, 5, 1).unwrap_or(d);
    let (era, short, ey) = if reiwa {
        ("令和", "R", y - 2018)
    } else {
        ("平成", "H", y - 1988)
    };
    let year = if ey == 1 {
        "元".to_owned()
    } else {
        ey.to_string()
    };
    let text = match form {
        0 => format!("{y}-{m:02}-{day:02}"),
        1 => format!("{y}/{m}/{day}"),
        2 => format!("{y}年{m}月{day}日"),
        3 => format!("{y}年{m}月{day}日")
            .chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
                c => c,
            })
            .collect(),
        4 => format!("{era}{year}年{m}月{day}日"),
        _ => format!("{short}{ey}.{m}.{day}"),
    };
    if weekday && form >= 2 {
        let w = ["月", "火", "水", "木", "金", "土", "日"][d.weekday() as usize];
        format!("{text}（{w}）")
    } else {
        text
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// A profile's registration dates in any written form are read as the same dates; a
    /// day outside the era its year names (`令和元年4月30日`) is refused, never misread.
    #[test]
    fn profile_dates_in_any_written_form_are_the_same_dates(
        days in 17_000i64..25_000,
        length in 1i64..1_500,
        forms in (0usize..6, 0usize..6),
        weekday in any::<bool>(),
    ) {
        let registered = Date::from_days(days);
        let deadline = Date::from_days(days + length);
        let text = format!(
            "name: P\nregistered: \"{}\"\nrenewal_deadline: \"{}\"\nimplemented: [5.1.1]\n",
            written(registered, forms.0, weekday),
            written(deadline, forms.1, weekday),
        );
        let att = load_text(Path::new("p.yaml"), &text, &CspOptions::default(), catalog());
        let att = att.map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(att.registered, Some(registered), "{}", text);
        prop_assert_eq!(att.renewal_deadline, Some(deadline), "{}", text);

        // a day outside the era its year names is no date: Reiwa 1 began on May 1 and
        // Heisei 31 ended on April 30 (2019)
        let (m, d) = (registered.month, registered.day);
        let wrong = if (m, d) < (5, 1) {
            format!("令和元年{m}月{d}日")
        } else {
            format!("平成31年{m}月{d}日")
        };
        let text = format!("name: P\nregistered: \"{wrong}\"\nimplemented: [5.1.1]\n");
        prop_assert!(
            load_text(Path::new("p.yaml"), &text, &CspOptions::default(), catalog()).is_err(),
            "{}", text
        );
    }
}
