//! The Japanese of `--help`: each description of a command or option, by its English text.

/// The Japanese of the help text `english` (a command's about, an option's help or long
/// help, as clap holds them), if it has one.
pub fn help_ja(english: &str) -> Option<&'static str> {
    HELP_JA
        .iter()
        .find(|(en, _)| *en == english)
        .map(|(_, ja)| *ja)
}

/// English help text → Japanese. Every description the command line has is here
/// (`cli::tests::every_help_text_has_japanese`): a changed English text needs its Japanese
/// changed too.
const HELP_JA: &[(&str, &str)] = &[
    (
        "Gap analysis against ISMAP管理基準: check items × a CSP's published controls",
        "ISMAP管理基準に対するギャップ分析: 確認項目 × CSP が公開する管理策",
    ),
    (
        "Use this catalog YAML instead of the embedded one",
        "組み込みのカタログの代わりにこのカタログ YAML を使う",
    ),
    (
        "Language of labels and titles [default: ja when LC_ALL/LANG start with \"ja\", else en]",
        "見出しと表題の言語 [既定: LC_ALL/LANG が \"ja\" で始まれば ja、それ以外は en]",
    ),
    (
        "Colour in terminal tables",
        "端末の表の色付け",
    ),
    (
        "Indent JSON output. Without it, JSON is indented only on a terminal: a file or a pipe gets compact JSON (one line; the same values)",
        "JSON を字下げして出力する。指定がなければ端末に出すときだけ字下げし、ファイルやパイプには 1 行の JSON を書く（値は同じ）",
    ),
    (
        "Print help",
        "ヘルプを表示する",
    ),
    (
        "Print version",
        "バージョンを表示する",
    ),
    (
        "Gap report: check items × a CSP's implemented controls → statuses and additional procedures",
        "ギャップレポート: 確認項目 × CSP が実施する管理策 → 判定と追加で必要な手続",
    ),
    (
        "Your check items: CSV (UTF-8, BOM or CP932), XLSX/XLS/ODS, YAML or JSON; `-` reads stdin (the format told by its content)",
        "自組織の確認項目: CSV（UTF-8、BOM 付き、CP932）、XLSX/XLS/ODS、YAML、JSON。`-` で標準入力から読む（形式は内容から判断）",
    ),
    (
        "The CSP's controls: text pasted from the published PDF, CSV/spreadsheet, or a YAML profile; `-` reads stdin",
        "CSP の管理策: 公開 PDF から貼り付けたテキスト、CSV/表計算ファイル、YAML プロファイル。`-` で標準入力から読む",
    ),
    (
        "The list the --csp service is registered on, for a list that does not say and cannot be edited; a list that states another kind is refused. Without it (or a statement in the list), what needs ISMAP's assurance is an assurance gap",
        "--csp のサービスが登録されているリスト（一覧に記載がなく、一覧を編集できないとき）。一覧が別の区分を記載していれば拒否する。指定も一覧の記載もなければ、ISMAP の保証を要する項目は保証水準不足になる",
    ),
    (
        "Date to judge the renewal deadline and audit period against, today or earlier [default: today]",
        "登録の更新期限と監査対象期間を判断する基準日(今日以前) [既定: 今日]",
    ),
    (
        "Output format [default: from -o's extension, else table]",
        "出力形式 [既定: -o の拡張子から、なければ table]",
    ),
    (
        "Write to this file (atomically) instead of stdout; `-` is stdout",
        "標準出力の代わりにこのファイルに書く（途中までの書きかけは残さない）。`-` は標準出力",
    ),
    (
        "Exit 1 when any row has this status or a more severe one",
        "この判定またはそれより重い判定の行があれば終了コード 1 を返す",
    ),
    (
        "Treat unresolved references and unknown CSP ids as input errors",
        "解決できない参照と不明な CSP の ID を入力の誤りとして扱う",
    ),
    (
        "Encoding of CSV input [default: detected: UTF-8, UTF-8 with BOM, or CP932]",
        "CSV 入力の文字コード [既定: 自動判定（UTF-8、BOM 付き UTF-8、CP932）]",
    ),
    (
        "Encoding of CSV output",
        "CSV 出力の文字コード",
    ),
    (
        "Sheet of the check-item workbook [default: every visible sheet with a check-list header]",
        "確認項目のブックのシート [既定: 確認項目の見出しを持つ表示中のすべてのシート]",
    ),
    (
        "Header of the check list's references column, when the tool does not find it by name (or finds two): that column alone holds the references. Under a header of two rows, the lower cell or both ('対応管理策 ISMAP'); or the column's letter (D, AA) when no header is written so",
        "確認項目の参照列の見出し（名前で見つからない、または 2 列見つかるとき）。その列だけを参照として読む。2 行の見出しでは下の行の見出しか両方（'対応管理策 ISMAP'）、または列の文字（D、AA: そう書かれた見出しがないとき）",
    ),
    (
        "Read only this sheet of a CSP workbook [default: every visible sheet]",
        "CSP のブックのこのシートだけを読む [既定: 表示中のすべてのシート]",
    ),
    (
        "The status column of a CSP table with more than one (header or letter; a check-mark matrix by any of its columns)",
        "状態の列が複数ある CSP の表での状態の列（見出しまたは列記号。チェック欄の表ならそのいずれかの列）",
    ),
    (
        "Edition of the check list's ISO/IEC 27001 Annex A / 27002 references: two-part numbers such as A.8.2 name different controls in 2013 and 2022",
        "確認項目が参照する ISO/IEC 27001 附属書 A / 27002 の版。A.8.2 のような 2 段の番号は 2013 年版と 2022 年版で別の管理策を指す",
    ),
    (
        "A gap report this tool wrote before (xlsx or CSV, edited since): carry each item's decision and comment forward by id, and mark what changed since",
        "以前このツールが書いたギャップレポート（xlsx または CSV、その後の編集を含む）。項目ごとの判断とコメントを ID で引き継ぎ、その後変わった点に印を付ける",
    ),
    (
        "The sheet of PREVIOUS holding the review, when the workbook has several gap sheets (a copy with the decisions beside the original) [default: the one gap sheet]",
        "ブックにギャップシートが複数あるとき（判断を書いた写しが元と並ぶなど）、レビューを持つ PREVIOUS のシート [既定: ただ 1 つのギャップシート]",
    ),
    (
        "Print help (see more with '--help')",
        "ヘルプを表示する（詳しくは '--help'）",
    ),
    (
        "Print help (see a summary with '-h')",
        "ヘルプを表示する（要約は '-h'）",
    ),
    (
        "CSP readiness before an internal audit: mandatory items, exclusions, evidence",
        "内部監査前の CSP の準備状況: 必須の項目、適用除外、証跡",
    ),
    (
        "The CSP's own control list: ids (text, CSV, spreadsheet, YAML profile) or a table with id, status, reason, evidence and owner columns; `-` reads stdin",
        "CSP 自身の管理策一覧: ID の一覧（テキスト、CSV、表計算ファイル、YAML プロファイル）、または ID・状態・理由・証跡・担当の列を持つ表。`-` で標準入力から読む",
    ),
    (
        "Exit 1 when anything mandatory is missing or an exclusion lacks a reason",
        "必須のものが欠けている、または理由のない適用除外があれば終了コード 1 を返す",
    ),
    (
        "Encoding of CSV/text input [default: detected]",
        "CSV/テキスト入力の文字コード [既定: 自動判定]",
    ),
    (
        "Sheet of the workbook [default: every visible sheet]",
        "ブックのシート [既定: 表示中のすべてのシート]",
    ),
    (
        "The status column of a table with more than one (header or letter; a check-mark matrix by any of its columns)",
        "状態の列が複数ある表での状態の列（見出しまたは列記号。チェック欄の表ならそのいずれかの列）",
    ),
    (
        "Date to judge the registrations of the services inherited from against, today or earlier [default: today]",
        "継承元サービスの登録を判断する基準日(今日以前) [既定: 今日]",
    ),
    (
        "Compare two control lists: added, removed, status changes",
        "2 つの管理策一覧を比べる: 追加、削除、状態の変化",
    ),
    (
        "The older control list (any form `report --csp` accepts, or a status table)",
        "古い方の管理策一覧（`report --csp` が読むいずれかの形式、または状態の表）",
    ),
    (
        "The newer control list",
        "新しい方の管理策一覧",
    ),
    (
        "Exit 1 when the lists or their registry facts differ, or NEW rests on a registration not in effect on --as-of",
        "一覧またはその登録情報に違いがあるか、NEW が --as-of の時点で効力のない登録に拠るとき終了コード 1 を返す",
    ),
    (
        "Date to judge the renewal deadlines and audit periods against, today or earlier [default: today]",
        "登録の更新期限と監査対象期間を判断する基準日(今日以前) [既定: 今日]",
    ),
    (
        "Several CSPs side by side against your check items, ranked by coverage",
        "複数の CSP を確認項目に対して並べ、充足の度合いで順位付けする",
    ),
    (
        "Your check items (as for `report --checks`; `-` reads stdin)",
        "自組織の確認項目（`report --checks` と同じ。`-` で標準入力から読む）",
    ),
    (
        "A CSP list or profile; repeat for each CSP (`-` reads one from stdin)",
        "CSP の一覧またはプロファイル。CSP ごとに繰り返して指定する（`-` で 1 つを標準入力から読む）",
    ),
    (
        "Every supported file in this folder is a CSP (yaml, yml, json, txt, csv, xlsx, xls, ods)",
        "このフォルダーにある対応形式のファイルをそれぞれ 1 つの CSP として読む（yaml、yml、json、txt、csv、xlsx、xls、ods）",
    ),
    (
        "Date to judge renewal deadlines against, today or earlier [default: today]",
        "登録の更新期限を判断する基準日(今日以前) [既定: 今日]",
    ),
    (
        "Edition of the check list's ISO/IEC 27001 Annex A / 27002 references",
        "確認項目が参照する ISO/IEC 27001 附属書 A / 27002 の版",
    ),
    (
        "Candidate ISMAP objectives for check items written in free text (never written into your references by themselves)",
        "自由記述の確認項目に対応しうる ISMAP の統制目標の候補（参照列へ自動では書き込まない）",
    ),
    (
        "Your check items: CSV (UTF-8, BOM or CP932), XLSX/XLS/ODS, YAML or JSON; a references column is optional",
        "自組織の確認項目: CSV（UTF-8、BOM 付き、CP932）、XLSX/XLS/ODS、YAML、JSON。参照列はなくてもよい",
    ),
    (
        "Candidates per item (1-10)",
        "項目ごとの候補の数（1〜10）",
    ),
    (
        "Output format [default: from -o's extension, else table]. csv and xlsx write your own check list back with candidate columns",
        "出力形式 [既定: -o の拡張子から、なければ table]。csv と xlsx は確認項目に候補の列を加えて書き戻す",
    ),
    (
        "Write to this file (atomically) instead of stdout",
        "標準出力の代わりにこのファイルに書く（途中までの書きかけは残さない）",
    ),
    (
        "Sheet of the check-item workbook [default: the first visible one]",
        "確認項目のブックのシート [既定: 表示中の最初のシート]",
    ),
    (
        "Look into the catalog",
        "カタログを調べる",
    ),
    (
        "List entries",
        "項目を一覧表示する",
    ),
    (
        "Only entries of this layer",
        "この層の項目だけ",
    ),
    (
        "Only entries of this level",
        "この階層の項目だけ",
    ),
    (
        "Only entries flagged basic by their suffix (B, PB: the mandatory detailed controls; governance, management and control objectives are basic statement requirements by rule, not by flag)",
        "接尾辞で基本と示された項目だけ（B、PB: 必須の詳細管理策。ガバナンス基準・マネジメント基準・統制目標は印ではなく規則により基本言明要件）",
    ),
    (
        "Output format",
        "出力形式",
    ),
    (
        "Show one entry (or, for a NIST id, every candidate) with its cross-references",
        "1 つの項目（NIST の ID ならすべての候補）を対応関係とともに表示する",
    ),
    (
        "An ISMAP id, A.x.y.z, CLD.x.y.z, NIST SP 800-53 id, ISO/IEC 27001:2022 control (A.5.15) or clause with its standard (JIS Q 27001 6.1.2)",
        "ISMAP の ID、A.x.y.z、CLD.x.y.z、NIST SP 800-53 の ID、ISO/IEC 27001:2022 の管理策（A.5.15）、または規格名付きの箇条（JIS Q 27001 6.1.2）",
    ),
    (
        "How a two-part Annex A number (A.8.2) is read [default: plain ids are ISMAP ids; A.x.y of both editions needs it]",
        "2 段の附属書 A の番号（A.8.2）の読み方 [既定: 番号だけなら ISMAP の ID。両方の版にある A.x.y には指定が必要]",
    ),
    (
        "Search ids, both titles and the term lexicon's words (whole words; spelling variants such as ぜい弱性/脆弱性 and 順守/遵守 folded)",
        "ID、日英の表題、用語集の語を検索する（語単位。ぜい弱性/脆弱性、順守/遵守 などの表記ゆれは同一視）",
    ),
    (
        "Part of an id or of a title (e.g. 9.2 or アクセス)",
        "ID または表題の一部（例: 9.2、アクセス）",
    ),
    (
        "Counts per layer and level, and completeness against the official counts",
        "層・階層ごとの件数と、公式の件数に対する網羅の状況",
    ),
    (
        "Check a catalog file (default: the active catalog) and list every problem",
        "カタログファイル（既定: 使用中のカタログ）を検査し、問題をすべて挙げる",
    ),
    (
        "The catalog file to check [default: the active catalog]",
        "検査するカタログファイル [既定: 使用中のカタログ]",
    ),
    (
        "Compare two catalogs (files, or `embedded`): ids added and removed, titles, flags and parents changed",
        "2 つのカタログ（ファイル、または `embedded`）を比べる: 追加・削除された ID、変わった表題・印・親",
    ),
    (
        "The older catalog: a file, or `embedded`",
        "古い方のカタログ: ファイル、または `embedded`",
    ),
    (
        "The newer catalog: a file, or `embedded`",
        "新しい方のカタログ: ファイル、または `embedded`",
    ),
    (
        "Build a catalog YAML from the official ISMAP管理基準 workbook",
        "公式の ISMAP管理基準のブックからカタログ YAML を作る",
    ),
    (
        "The official ISMAP管理基準 workbook (xlsx, xls, ods)",
        "公式の ISMAP管理基準のブック（xlsx、xls、ods）",
    ),
    (
        "The catalog YAML to write (atomically; `-` for stdout)",
        "書き出すカタログ YAML（途中までの書きかけは残さない。`-` は標準出力）",
    ),
    (
        "Sheet holding the criteria [default: the first visible one]",
        "管理基準のあるシート [既定: 表示中の最初のシート]",
    ),
    (
        "Header text (or letter, e.g. B) of the id column",
        "ID の列の見出し（または列記号。例: B）",
    ),
    (
        "Header text (or letter) of the title column",
        "表題の列の見出し（または列記号）",
    ),
    (
        "Catalog name to record [default: from the workbook file name]",
        "記録するカタログ名 [既定: ブックのファイル名から]",
    ),
    (
        "Catalog version to record [default: from the workbook file name]",
        "記録するカタログの版 [既定: ブックのファイル名から]",
    ),
    (
        "Print this message or the help of the given subcommand(s)",
        "このメッセージ、または指定したサブコマンドのヘルプを表示する",
    ),
    (
        "Print a shell completion script (e.g. `ismap-gap completions bash > ~/.local/share/bash-completion/completions/ismap-gap`)",
        "シェルの補完スクリプトを出力する（例: `ismap-gap completions bash > ~/.local/share/bash-completion/completions/ismap-gap`）",
    ),
    (
        "The shell to complete in",
        "補完に使うシェル",
    ),
    (
        "decide from the check list (its references column header, title rows, references)",
        "確認項目から判断する（参照列の見出し、表題の行、参照）",
    ),
    (
        "ISO/IEC 27001:2013 / 27002:2013 (JIS Q 27001:2014), ISMAP's numbering",
        "ISO/IEC 27001:2013 / 27002:2013（JIS Q 27001:2014）。ISMAP の番号付け",
    ),
    (
        "ISO/IEC 27001:2022 / 27002:2022 (JIS Q 27001:2023, JIS Q 27002:2024)",
        "ISO/IEC 27001:2022 / 27002:2022（JIS Q 27001:2023、JIS Q 27002:2024）",
    ),
    (
        "a mandatory item is missing, or an exclusion lacks a reason",
        "必須の項目が欠けている、または適用除外に理由がない",
    ),
];
