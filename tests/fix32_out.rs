//! Review 21 D-4 and review 22 D-1, D-2 (fix32-out): readiness says when the service's own
//! registration lapsed, in every format; diff counts the items of an objective removed (or
//! added) apart from those stated through another id on both sides; a bare pasted list's
//! registration in diff's CSV is "not checked", as the other formats say.
mod common;

use common::{bin, data};

const AS_OF: &str = "2026-12-01";

/// `ismap-gap --lang LANG readiness --implemented fix32-out/FILE --as-of 2026-12-01 ARGS`.
fn readiness(lang: &str, file: &str, args: &[&str]) -> assert_cmd::Command {
    let mut c = bin();
    c.args(["--lang", lang, "readiness", "--implemented"])
        .arg(data(&format!("fix32-out/{file}")))
        .args(["--as-of", AS_OF])
        .args(args);
    c
}

/// Exit code, stdout and stderr of a run.
fn run(mut c: assert_cmd::Command) -> (Option<i32>, String, String) {
    let out = c.output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Words of a text joined by one space (a terminal table wraps long lines).
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Review 21 D-4: `report`, `compare` and `diff` say the CSP's registration lapsed;
/// `readiness` said nothing of it (its pasted entry's renewal deadline 2026-03-31, judged on
/// 2026-12-01: 100 % ready, exit 0 under `--fail-on missing`). Now every format says so, as a
/// finding of its own (指摘), and `--fail-on missing` fails on it, naming it first. The items
/// keep what the list states (the share is the list's).
#[test]
fn a_lapsed_registration_is_a_finding_in_every_readiness_format() {
    // JSON: the registry facts and the finding; the items are the list's
    let v = common::json_of(readiness("en", "lapsed-entry.txt", &["--format", "json"]));
    assert_eq!(v["schema_version"], 19);
    assert_eq!(v["registration_lapsed"], true);
    assert_eq!(v["registry"]["registration"], "lapsed");
    assert_eq!(v["registry"]["renewal_deadline"], "2026-03-31");
    assert_eq!(v["registry"]["registration_kind"], "ismap");
    assert_eq!(v["summary"]["readiness"], 1.0);
    let note = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["code"] == "registration-lapsed")
        .expect("the note registration-lapsed");
    let message = note["message"].as_str().unwrap();
    assert!(
        message.contains("失効SaaS") && message.contains("renewal deadline 2026-03-31"),
        "{message}"
    );

    // table and Markdown: the registration beside the sources, the finding labelled so
    for (format, lang, state, label) in [
        (
            "table",
            "ja",
            "登録の状態: 失効 (ISMAP, 更新期限 2026-03-31)",
            "指摘: このサービス 失効SaaS",
        ),
        (
            "md",
            "ja",
            "登録の状態: 失効 (ISMAP, 更新期限 2026-03-31)",
            "指摘: このサービス 失効SaaS",
        ),
        (
            "table",
            "en",
            "Registration: lapsed (ISMAP, renewal deadline 2026-03-31)",
            "FINDING: The registration of this service",
        ),
        (
            "md",
            "en",
            "Registration: lapsed (ISMAP, renewal deadline 2026-03-31)",
            "FINDING: The registration of this service",
        ),
    ] {
        let out = words(&common::stdout_of(readiness(
            lang,
            "lapsed-entry.txt",
            &["--format", format],
        )));
        assert!(out.contains(state), "{format} {lang}: {out}");
        assert!(out.contains(label), "{format} {lang}: {out}");
    }

    // CSV: every row ends with the as-of date and the registration on it
    let csv = common::stdout_of(readiness("ja", "lapsed-entry.txt", &["--format", "csv"]));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "管理策番号,区分,名称,必須,実施状況,記載元,理由,証跡,担当,指摘,基準日,登録の状態"
    );
    for line in &lines[1..] {
        assert!(
            line.ends_with(",2026-12-01,\"失効 (ISMAP, 更新期限 2026-03-31)\""),
            "{line}"
        );
    }

    // xlsx: the summary sheet names the registration and the finding
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("r.xlsx");
    readiness("ja", "lapsed-entry.txt", &["-o"])
        .arg(&xlsx)
        .assert()
        .success();
    let (names, ranges) = common::xlsx::sheets(&xlsx);
    assert_eq!(names[0], "概要");
    let summary = &ranges[0];
    let rows: Vec<Vec<String>> = (0..summary.height())
        .map(|r| common::xlsx::row_texts(summary, r))
        .collect();
    let row_of = |label: &str| {
        rows.iter()
            .find(|r| r.first().is_some_and(|c| c == label))
            .unwrap_or_else(|| panic!("no row {label}: {rows:?}"))
    };
    assert!(
        row_of("登録の状態")[1].starts_with("失効 (ISMAP, 更新期限 2026-03-31)"),
        "{rows:?}"
    );
    assert!(row_of("指摘")[1].contains("失効SaaS"), "{rows:?}");

    // stderr: a warning; --fail-on missing fails on it alone (every item implemented)
    let (code, _, stderr) = run(readiness(
        "en",
        "lapsed-entry.txt",
        &["--format", "json", "--fail-on", "missing"],
    ));
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("warning: The registration of this service")),
        "{stderr}"
    );
    let fail = stderr
        .lines()
        .find(|l| l.starts_with("--fail-on missing"))
        .unwrap_or_default();
    assert!(
        fail.contains("the service's registration lapsed")
            && fail.contains("(1): registration lapsed (renewal deadline 2026-03-31)"),
        "{stderr}"
    );
}

/// Guards of D-4: the same list on a registration in effect is no finding (exit 0 under
/// `--fail-on missing`, its state shown); a registration not yet valid on the date is shown
/// as such, not a finding; a list stating no registry fact has no registration line and
/// its CSV keeps the statement's ten columns.
#[test]
fn a_registration_in_effect_or_none_stated_is_no_finding() {
    let (code, out, stderr) = run(readiness(
        "ja",
        "valid-entry.txt",
        &["--fail-on", "missing"],
    ));
    assert_eq!(code, Some(0), "{stderr}");
    let out = words(&out);
    assert!(
        out.contains("登録の状態: 有効 (ISMAP, 更新期限 2027-03-31)"),
        "{out}"
    );
    assert!(!out.contains("指摘:"), "{out}");
    let v = common::json_of(readiness("en", "valid-entry.txt", &["--format", "json"]));
    assert_eq!(v["registration_lapsed"], false);
    assert_eq!(v["registry"]["registration"], "valid");
    assert!(!v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["code"] == "registration-lapsed"));

    // registered after the date: 未発効, no finding
    let mut c = bin();
    c.args(["--lang", "en", "readiness", "--implemented"])
        .arg(data("fix32-out/valid-entry.txt"))
        .args(["--as-of", "2021-01-01", "--format", "json"]);
    let v = common::json_of(c);
    assert_eq!(v["registry"]["registration"], "not-yet-valid");
    assert_eq!(v["registration_lapsed"], false);

    // no registry fact stated: nothing to speak of
    let v = common::json_of(readiness("en", "obj-old.txt", &["--format", "json"]));
    assert_eq!(v["registry"]["registration"], "not-checked");
    assert_eq!(v["registration_lapsed"], false);
    let out = common::stdout_of(readiness("ja", "obj-old.txt", &[]));
    assert!(!out.contains("登録の状態"), "{out}");
    let csv = common::stdout_of(readiness("ja", "obj-old.txt", &["--format", "csv"]));
    assert_eq!(
        csv.trim_start_matches('\u{feff}').lines().next(),
        Some("管理策番号,区分,名称,必須,実施状況,記載元,理由,証跡,担当,指摘")
    );
}

/// D-4: the CSV statement written with the registration's columns reads back (in
/// `readiness` and `diff`, both languages) with the same counts: the columns are the
/// tool's, as 指摘 is. A cell of them edited on one row is no longer the tool's: the table
/// is read as any other, and a statement with items not listed is refused (its rows
/// without a status), as when any other column is added.
#[test]
fn the_statement_with_its_registration_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["ja", "en"] {
        let csv = dir.path().join(format!("st-{lang}.csv"));
        readiness(lang, "lapsed-entry.txt", &["--format", "csv", "-o"])
            .arg(&csv)
            .assert()
            .success();
        let mut c = bin();
        c.args(["--lang", "en", "readiness", "--implemented"])
            .arg(&csv)
            .args(["--as-of", AS_OF, "--format", "json"]);
        let v = common::json_of(c);
        assert_eq!(v["summary"]["readiness"], 1.0, "{lang}");
        assert_eq!(v["summary"]["required"], 229, "{lang}");
        // the statement states no registry fact of its own
        assert_eq!(v["registration_lapsed"], false, "{lang}");
        let mut c = bin();
        c.args(["--lang", "en", "diff"])
            .arg(&csv)
            .arg(&csv)
            .args(["--as-of", AS_OF, "--format", "json"]);
        let v = common::json_of(c);
        assert_eq!(v["summary"]["differs"], false, "{lang}");
    }
    // a list with items not listed (rows without a status, read as such only in the
    // statement as the tool wrote it)
    let written = dir.path().join("partial.csv");
    let mut c = bin();
    c.args(["--lang", "ja", "readiness", "--implemented"])
        .arg(data("fix28-out/lapsed.txt"))
        .args(["--as-of", AS_OF, "--format", "csv", "-o"])
        .arg(&written);
    c.assert().success();
    let mut c = bin();
    c.args(["--lang", "en", "readiness", "--implemented"])
        .arg(&written)
        .args(["--as-of", AS_OF]);
    c.assert().success();
    let text = std::fs::read_to_string(&written).unwrap();
    let edited = dir.path().join("edited.csv");
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[2] = lines[2].replace(",2026-12-01,", ",2026-11-30,");
    std::fs::write(&edited, lines.join("\n")).unwrap();
    let mut c = bin();
    c.args(["--lang", "en", "readiness", "--implemented"])
        .arg(&edited)
        .args(["--as-of", AS_OF]);
    common::input_error(c);
}

/// `ismap-gap --lang LANG diff fix32-out/OLD fix32-out/NEW --as-of 2026-12-01 --format F`.
fn diff(lang: &str, old: &str, new: &str, format: &str) -> assert_cmd::Command {
    let mut c = bin();
    c.args(["--lang", lang, "diff"])
        .arg(data(&format!("fix32-out/{old}")))
        .arg(data(&format!("fix32-out/{new}")))
        .args(["--as-of", AS_OF, "--format", format]);
    c
}

/// Review 22 D-1: NEW drops the objective 4.4.7; its four items, which OLD stated through
/// it, were counted as "stated through another id" (5 with 4.4.6's item). Now they are
/// removed with it, counted apart (and added with it the other way); 4.4.6's item, stated
/// through its objective on both sides, stays stated through another id.
#[test]
fn the_items_of_an_objective_removed_are_counted_apart() {
    let v = common::json_of(diff("en", "obj-old.txt", "obj-new.txt", "json"));
    let s = &v["summary"];
    assert_eq!(v["schema_version"], 12);
    assert_eq!(
        (
            &s["removed"],
            &s["removed_through"],
            &s["added_through"],
            &s["stated_through_only"]
        ),
        (&1.into(), &4.into(), &0.into(), &1.into()),
        "{s}"
    );
    assert_eq!(v["removed"][0]["id"], "4.4.7");
    let v = common::json_of(diff("en", "obj-new.txt", "obj-old.txt", "json"));
    let s = &v["summary"];
    assert_eq!(
        (
            &s["added"],
            &s["added_through"],
            &s["removed_through"],
            &s["stated_through_only"]
        ),
        (&1.into(), &4.into(), &0.into(), &1.into()),
        "{s}"
    );
    let table = words(&common::stdout_of(diff(
        "en",
        "obj-old.txt",
        "obj-new.txt",
        "table",
    )));
    assert!(
        table.contains(
            "stated through another id 1 (not counted), removed with the id stating them 4 (not counted)"
        ),
        "{table}"
    );
    let csv = common::stdout_of(diff("ja", "obj-new.txt", "obj-old.txt", "csv"));
    assert!(
        csv.contains("記載元による項目 1 (件数に含めない), 記載元とともに追加 4 (件数に含めない)"),
        "{csv}"
    );
}

/// Review 22 D-2: a bare pasted list (no registry fact) ended diff's CSV rows with `—`
/// while the heading and the JSON say its registration is not checked. Now the CSV says so
/// too. Guard: a status table of the CSP's own stating no registry fact keeps `—`
/// (review 20 D-1: a statement readiness wrote).
#[test]
fn a_bare_pasted_list_is_not_checked_in_the_diff_csv() {
    let csv = common::stdout_of(diff("ja", "obj-old.txt", "obj-new.txt", "csv"));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    for line in &lines[1..] {
        assert!(
            line.ends_with(",2026-12-01,未確認 (更新期限が与えられていない),未確認 (更新期限が与えられていない)"),
            "{line}"
        );
    }
    let heading = common::stdout_of(diff("ja", "obj-old.txt", "obj-new.txt", "table"));
    assert!(heading.contains("obj-old.txt (未確認)"), "{heading}");

    let mut c = bin();
    c.args(["--lang", "ja", "diff"])
        .arg(data("diff/status.csv"))
        .arg(data("diff/status.csv"))
        .args(["--as-of", AS_OF, "--format", "csv"]);
    let csv = common::stdout_of(c);
    for line in csv.trim_start_matches('\u{feff}').lines().skip(1) {
        assert!(line.ends_with(",2026-12-01,—,—"), "{line}");
    }
}

/// Review 19 D-2: suggest's topic factor (×0.45) was applied when the lexicon found a topic
/// ISMAP does not assess, not when `report`'s rule found it: `日本国内で保管` gave 10.1.1
/// 0.35 (leads only) and `国内のデータセンターに保管` 0.78 (suggested), both noted
/// `data-location`. Now a topic of the lexicon's weighs the same whichever words find it.
/// Guards: the same item without the topic is suggested with confidence; BYOK (a
/// requirement `report` caps on, with an ISMAP counterpart) keeps its confident 10.1.2.
#[test]
fn suggests_topic_factor_is_applied_whichever_rule_finds_the_topic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("items.csv");
    std::fs::write(
        &path,
        "項番,確認項目\n\
         S1,保存データは日本国内で保管し暗号化すること\n\
         S2,保存データは国内のデータセンターに保管し暗号化すること\n\
         S3,保存データを暗号化すること\n\
         S4,利用者が管理する暗号鍵（BYOK）で保存データを暗号化できること\n",
    )
    .unwrap();
    let mut c = bin();
    c.args(["--lang", "ja", "suggest", "--checks"])
        .arg(&path)
        .args(["--format", "json"]);
    let v = common::json_of(c);
    let item = |id: &str| common::by_id(&v["items"], id).clone();
    let first = |id: &str| {
        let i = item(id);
        (
            i["suggestions"][0]["id"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            i["suggestions"][0]["score"].as_f64().unwrap_or_default(),
        )
    };
    assert_eq!(item("S1")["outside_topic"]["id"], "data-location");
    assert_eq!(item("S2")["outside_topic"]["id"], "data-location");
    assert_eq!(first("S1"), first("S2"));
    assert_eq!(item("S2")["outcome"], "leads-only");
    assert!(item("S3")["outside_topic"].is_null());
    assert_eq!(item("S3")["outcome"], "suggested");
    assert_eq!(item("S4")["outside_topic"]["id"], "customer-keys");
    assert_eq!(first("S4").0, "10.1.2");
    assert_eq!(item("S4")["outcome"], "suggested");
}
