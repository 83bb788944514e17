//! Coverage inherited from the underlying service (SaaS on PaaS on IaaS), in every output.
mod common;

use common::{bin, data, input_error, json_of, on_checks, stdout_of};
use serde_json::Value;

fn report(csp: &str, format: &str) -> assert_cmd::Command {
    let mut c = on_checks("en", "report", data("inherit/checks.csv"));
    c.args(["--format", format, "--csp"]).arg(data(csp));
    c
}

fn item<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap()
}

#[test]
fn one_level_inherits_clause_11_by_default() {
    let v = json_of(report("inherit/paas.yaml", "json"));
    assert_eq!(v["csp"]["inherits"]["name"], "Test IaaS");
    assert_eq!(v["csp"]["inherited"], 4);
    assert_eq!(item(&v, "P1")["status"], "covered");
    assert_eq!(item(&v, "P1")["controls"][0]["inherited_from"], "Test IaaS");
    // outside the inherited scope: 12.1.1 and 9.2.1 are the IaaS's, not the PaaS's
    assert_eq!(item(&v, "O1")["status"], "not-covered");
    assert_eq!(item(&v, "A1")["status"], "not-covered");
    assert_eq!(item(&v, "A2")["status"], "covered");
    assert!(item(&v, "A2")["controls"][0]
        .get("inherited_from")
        .is_none());
    // the item covered on an inherited objective says so in its reasons; the one on the
    // PaaS's own statement does not
    assert_eq!(item(&v, "P1")["reasons"], serde_json::json!(["inherited"]));
    assert_eq!(item(&v, "A2")["reasons"], serde_json::json!([]));
    let obj = v["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "11.1.1")
        .unwrap();
    assert_eq!(obj["inherited_from"], "Test IaaS");
}

/// The PaaS states its registration kind, the IaaS under it does not: what is inherited
/// from the IaaS and needs ISMAP's assurance is an assurance gap (reason and procedure
/// `registration-kind-unstated`, naming the IaaS and saying how a profile states it); what
/// rests on the PaaS's own statement stays covered.
#[test]
fn an_inherited_registration_of_unstated_kind_is_an_assurance_gap() {
    let v = json_of(report("inherit/paas-on-nokind.yaml", "json"));
    let p1 = item(&v, "P1");
    assert_eq!(p1["status"], "assurance-gap");
    assert_eq!(p1["controls"][0]["inherited_from"], "Test IaaS");
    assert_eq!(
        p1["reasons"],
        serde_json::json!(["inherited", "registration-kind-unstated"])
    );
    assert_eq!(
        p1["registration_kind_unstated"],
        serde_json::json!(["Test IaaS"])
    );
    let procedures: Vec<(&str, &str)> = p1["additional_procedures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["code"].as_str().unwrap(), p["text"].as_str().unwrap()))
        .collect();
    assert_eq!(procedures.len(), 1, "{procedures:?}");
    assert_eq!(procedures[0].0, "registration-kind-unstated");
    assert!(
        procedures[0]
            .1
            .contains("whether Test IaaS is on the ISMAP or the ISMAP-LIU list")
            && procedures[0]
                .1
                .contains("add registration_kind: ismap (or ismap-liu) to its profile"),
        "{procedures:?}"
    );
    assert_eq!(item(&v, "A2")["status"], "covered");
    assert_eq!(item(&v, "A2")["reasons"], serde_json::json!([]));
    assert_eq!(v["summary"]["covered"], 1);
    let warnings: Vec<&str> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "registration-kind-unstated")
        .map(|w| w["message"].as_str().unwrap())
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("the underlying service Test IaaS")
            && warnings[0].contains("no item needing ISMAP-level assurance is counted as covered"),
        "{warnings:?}"
    );
    // the same chain with the IaaS's kind stated: covered
    let stated = json_of(report("inherit/paas.yaml", "json"));
    assert_eq!(item(&stated, "P1")["status"], "covered");
}

#[test]
fn a_chain_keeps_the_whole_provenance_and_its_own_scope() {
    let v = json_of(report("inherit/saas/saas.yaml", "json"));
    assert_eq!(
        item(&v, "P1")["controls"][0]["inherited_from"],
        "Test PaaS → Test IaaS"
    );
    // 11.2.1 is outside the SaaS's inherited scope (11.1, 12.1.1)
    assert_eq!(item(&v, "P2")["status"], "not-covered");
    // 12.1.1 is in the SaaS's scope, but the PaaS inherits only clause 11 from the IaaS
    assert_eq!(item(&v, "O1")["status"], "not-covered");
    assert_eq!(item(&v, "A1")["status"], "covered");
}

#[test]
fn provenance_shows_in_every_text_output() {
    let table = stdout_of(report("inherit/paas.yaml", "table"));
    assert!(table.contains("11.1.1 (via Test IaaS)"), "{table}");
    assert!(table.contains("runs on Test IaaS"), "{table}");
    let md = stdout_of(report("inherit/paas.yaml", "md"));
    assert!(md.contains("11.1.1 (via Test IaaS)"), "{md}");
    let csv = stdout_of(report("inherit/paas.yaml", "csv"));
    assert!(csv.contains("(via Test IaaS)"), "{csv}");
    let ja = stdout_of(
        bin()
            .args(["--lang", "ja", "report", "--checks"])
            .arg(data("inherit/checks.csv"))
            .arg("--csp")
            .arg(data("inherit/paas.yaml")),
    );
    assert!(ja.contains("(Test IaaS経由)"), "{ja}");
}

#[test]
fn the_inherited_reason_shows_in_csv_and_workbooks_in_both_languages() {
    let csv = stdout_of(report("inherit/paas-on-nokind.yaml", "csv"));
    let p1 = csv.lines().find(|l| l.starts_with("P1,")).unwrap();
    assert!(
        p1.starts_with("P1,physical entry,assurance-gap,")
            && p1.contains(",\"inherited, registration-kind-unstated\","),
        "{p1}"
    );
    for (lang, words, code_header) in [
        (
            "ja",
            "基盤サービスからの継承, 登録の種類(ISMAP/ISMAP-LIU)が不明",
            "理由コード",
        ),
        (
            "en",
            "inherited from the underlying service, registration kind not stated",
            "reasons",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("gap.xlsx");
        on_checks(lang, "report", data("inherit/checks.csv"))
            .arg("--csp")
            .arg(data("inherit/paas-on-nokind.yaml"))
            .arg("-o")
            .arg(&out)
            .assert()
            .success();
        let (_, ranges) = common::xlsx::sheets(&out);
        let gaps = &ranges[1];
        let header = common::xlsx::row_texts(gaps, 0);
        let row = (1..gaps.height())
            .find(|r| common::xlsx::text(gaps, *r, 0) == "P1")
            .unwrap();
        let cells = common::xlsx::row_texts(gaps, row);
        let at = |h: &str| &cells[header.iter().position(|x| x == h).unwrap()];
        assert_eq!(
            at(code_header),
            "inherited, registration-kind-unstated",
            "{lang}"
        );
        let words_header = if lang == "ja" {
            "理由"
        } else {
            "reasons (in words)"
        };
        assert_eq!(at(words_header), words, "{lang}");
    }
}

#[test]
fn readiness_counts_inherited_objectives_as_implemented() {
    let v = json_of(
        bin()
            .args(["readiness", "--format", "json", "--implemented"])
            .arg(data("inherit/paas.yaml")),
    );
    let it = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "11.1.1")
        .unwrap();
    assert_eq!(it["state"], "implemented");
    assert_eq!(it["inherited_from"], "Test IaaS");
    assert_eq!(v["summary"]["implemented"], 5);
}

#[test]
fn a_cycle_is_an_input_error() {
    let err = input_error(report("inherit/cycle-a.yaml", "json"));
    assert!(
        err.contains("inheritance cycle: cycle-a.yaml → cycle-b.yaml → cycle-a.yaml"),
        "{err}"
    );
}

#[test]
fn inherited_without_inherits_and_missing_parent_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.yaml");
    std::fs::write(&p, "name: X\ninherited: [11]\nimplemented: [9.2.1]\n").unwrap();
    let mut c = bin();
    c.args(["report", "--checks"])
        .arg(data("inherit/checks.csv"))
        .arg("--csp")
        .arg(&p);
    assert!(input_error(c).contains("`inherited` is given without `inherits`"));
    std::fs::write(&p, "name: X\ninherits: nope.yaml\nimplemented: [9.2.1]\n").unwrap();
    let mut c = bin();
    c.args(["report", "--checks"])
        .arg(data("inherit/checks.csv"))
        .arg("--csp")
        .arg(&p);
    assert!(input_error(c).contains("the underlying profile"));
}

/// `-o` naming a profile read through `inherits:` is refused like any input, and the
/// profile is left as it was, by every command that reads profiles.
#[test]
fn an_inherited_profile_is_never_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let iaas = dir.path().join("iaas.yaml");
    std::fs::copy(data("inherit/iaas.yaml"), &iaas).unwrap();
    let paas = dir.path().join("paas.yaml");
    std::fs::copy(data("inherit/paas.yaml"), &paas).unwrap();
    let before = std::fs::read(&iaas).unwrap();
    let checks = data("inherit/checks.csv");
    let runs: [&[&std::ffi::OsStr]; 4] = [
        &[
            "report".as_ref(),
            "--checks".as_ref(),
            checks.as_os_str(),
            "--csp".as_ref(),
            paas.as_os_str(),
        ],
        &[
            "readiness".as_ref(),
            "--implemented".as_ref(),
            paas.as_os_str(),
        ],
        &[
            "compare".as_ref(),
            "--checks".as_ref(),
            checks.as_os_str(),
            "--csp".as_ref(),
            paas.as_os_str(),
        ],
        &["diff".as_ref(), paas.as_os_str(), paas.as_os_str()],
    ];
    for args in runs {
        let mut c = bin();
        // (YAML by the name: `--format json` under a .yaml name is refused before inputs
        // are looked at)
        c.args(args).arg("-o").arg(&iaas);
        let err = input_error(c);
        assert!(
            err.contains("iaas.yaml") && err.contains("also an input file"),
            "{args:?}: {err}"
        );
        assert_eq!(std::fs::read(&iaas).unwrap(), before, "{args:?}");
    }
}

/// The service's own "not applicable" is not overridden by the service under it
/// implementing the objective: the report, readiness and the exclusion reason agree.
#[test]
fn its_own_exclusion_wins_over_an_inherited_implementation() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("iaas.yaml"),
        "name: IaaS\nimplemented: [11.1.1, 11.1.2]\n",
    )
    .unwrap();
    let saas = dir.path().join("saas.yaml");
    std::fs::write(
        &saas,
        "name: SaaS\ninherits: iaas.yaml\nimplemented: [9.2.1]\nnot_applicable:\n  11.1.2: no premises of its own\n",
    )
    .unwrap();
    let checks = dir.path().join("checks.csv");
    std::fs::write(&checks, "id,controls\nA,11.1.1\nB,11.1.2\n").unwrap();
    let v = json_of(
        bin()
            .args(["--lang", "en", "report", "--format", "json", "--checks"])
            .arg(&checks)
            .arg("--csp")
            .arg(&saas),
    );
    let items = v["items"].as_array().unwrap();
    let by = |id: &str| items.iter().find(|i| i["id"] == id).unwrap().clone();
    assert_eq!(by("A")["controls"][0]["inherited_from"], "IaaS");
    let b = by("B");
    assert!(b["controls"][0].get("inherited_from").is_none(), "{b}");
    assert_eq!(b["not_applicable"][0]["id"], "11.1.2");
    assert_eq!(b["not_applicable"][0]["reason"], "no premises of its own");
    // and the two statements are named
    let warned: Vec<&str> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "csp-inherited-restated")
        .map(|w| w["message"].as_str().unwrap())
        .collect();
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert!(
        warned[0].starts_with("SaaS's profile states 11.1.2 not applicable (reason: no premises of its own) (`not_applicable`), but 11.1.2 is in the scope it inherits from IaaS (`inherited:`), which states it implemented"),
        "{warned:?}"
    );
}

/// An objective in the inherited scope that the profile also states itself, otherwise
/// than the service under it: the profile's own statement is used (as any it makes: see
/// above), and a warning names both statements, the field and the way out, in every
/// command that reads the profile; the same statement twice is no warning.
#[test]
fn an_inherited_objective_stated_otherwise_by_the_profile_is_warned_about() {
    let mut c = on_checks("en", "report", data("inherit/checks-na.csv"));
    c.args(["--format", "json", "--csp"])
        .arg(data("inherit/saas-restates.yaml"));
    let v = json_of(c);
    // its own "implemented" is the statement used
    assert_eq!(item(&v, "N1")["status"], "covered");
    assert!(item(&v, "N1")["controls"][0]
        .get("inherited_from")
        .is_none());
    // and the item says so itself, for a reader of the CSV or the workbook: reason and
    // procedure inherited-restated, naming the objective; an objective stated as the
    // service underneath states it (11.1.1) carries no such note
    for (id, restated) in v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["id"].as_str().unwrap(), &i["inherited_restated"]))
    {
        let it = item(&v, id);
        let reasons: Vec<&str> = it["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap())
            .collect();
        let procs: Vec<&str> = it["additional_procedures"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["code"].as_str().unwrap())
            .collect();
        let restates = restated != &serde_json::json!([]);
        assert_eq!(reasons.contains(&"inherited-restated"), restates, "{it}");
        assert_eq!(procs.contains(&"inherited-restated"), restates, "{it}");
    }
    assert_eq!(
        item(&v, "N1")["inherited_restated"],
        serde_json::json!(["11.1.3"])
    );
    assert_eq!(
        item(&v, "N2")["inherited_restated"],
        serde_json::json!(["11.2.1"])
    );
    for same in ["N3", "N4"] {
        assert_eq!(item(&v, same)["inherited_restated"], serde_json::json!([]));
    }
    let restated: Vec<&str> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "csp-inherited-restated")
        .map(|w| w["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        restated,
        [
            "SaaS restating's profile states 11.1.3 implemented (`implemented`), but 11.1.3 is in the scope it inherits from NA IaaS (`inherited:`), which states it not applicable (reason: データセンターを自社で保有しない): SaaS restating's own statement is used; check which holds, and remove it from `implemented` or narrow `inherited:`",
            "SaaS restating's profile states 11.2.1 implemented (`implemented`), but 11.2.1 is in the scope it inherits from NA IaaS (`inherited:`), which states it not applicable without a reason: SaaS restating's own statement is used; check which holds, and remove it from `implemented` or narrow `inherited:`",
        ]
    );
    // on stderr, in Japanese too; and in compare and readiness
    let out = bin()
        .args(["--lang", "ja", "report", "--format", "csv", "--checks"])
        .arg(data("inherit/checks-na.csv"))
        .arg("--csp")
        .arg(data("inherit/saas-restates.yaml"))
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("SaaS restating のプロファイルは 11.2.1 を `implemented` で実施としていますが、11.2.1 は NA IaaS から継承する範囲(`inherited:`)にあり、NA IaaS は非該当(理由なし)としています"),
        "{stderr}"
    );
    let mut c = on_checks("en", "compare", data("inherit/checks-na.csv"));
    c.args(["--format", "json", "--csp"])
        .arg(data("inherit/saas-restates.yaml"));
    let v = json_of(c);
    let codes = v["csps"][0]["warnings"].as_array().unwrap();
    assert_eq!(
        codes
            .iter()
            .filter(|w| w["code"] == "csp-inherited-restated")
            .count(),
        2
    );
    let v = json_of(
        bin()
            .args(["readiness", "--format", "json", "--implemented"])
            .arg(data("inherit/saas-restates.yaml")),
    );
    let notes = v["notes"].as_array().unwrap();
    assert_eq!(
        notes
            .iter()
            .filter(|w| w["code"] == "csp-inherited-restated")
            .count(),
        2,
        "{notes:?}"
    );
}

/// A profile sent by someone else: `inherits:` reads only `.yaml`/`.yml`/`.json` files, and
/// an error about a file reached through it names the file and what was expected, never its
/// text (no line of a key or password file in a terminal or CI log).
#[test]
fn inherits_reads_only_profiles_and_never_quotes_them() {
    let dir = tempfile::tempdir().unwrap();
    let secret = "root:x:0:0:SECRET-TOKEN-1234:/root:/bin/bash";
    std::fs::write(dir.path().join("passwd"), format!("{secret}\n")).unwrap();
    std::fs::write(
        dir.path().join("id_rsa.pem"),
        "-----BEGIN KEY-----\nSECRET-TOKEN-1234\n",
    )
    .unwrap();
    let run = |inherits: &str| {
        let csp = dir.path().join("saas.yaml");
        std::fs::write(
            &csp,
            format!("name: x\nimplemented: [5.1.1]\ninherits: {inherits}\n"),
        )
        .unwrap();
        let mut c = on_checks("en", "report", data("inherit/checks.csv"));
        c.arg("--csp").arg(&csp);
        input_error(c)
    };
    for name in ["passwd", "id_rsa.pem", "/etc/passwd"] {
        let err = run(name);
        assert!(
            err.contains("saas.yaml: line 3: field 'inherits':")
                && err.contains("is not a profile: `inherits:` names a .yaml, .yml or .json file"),
            "{name}: {err}"
        );
        assert!(!err.contains("SECRET") && !err.contains("root:x"), "{err}");
    }
    // the same text under a profile's name: named with its line, never quoted
    for (file, text) in [
        ("stolen.yaml", format!("{secret}\n")),
        (
            "stolen.yml",
            "password: SECRET-TOKEN-1234\nimplemented: [5.1.1]\n".to_owned(),
        ),
        ("stolen.json", "{\"SECRET-TOKEN-1234\": 1}".to_owned()),
        (
            "stolen.yaml",
            "name: x\nregistered: SECRET-TOKEN-1234\nimplemented: [5.1.1]\n".to_owned(),
        ),
        (
            "stolen.yaml",
            "implemented: [\"SECRET\"]\nnot_applicable:\n  SECRET: x\n".to_owned(),
        ),
    ] {
        std::fs::write(dir.path().join(file), &text).unwrap();
        let err = run(file);
        assert!(err.contains(file), "{file}: {err}");
        assert!(
            !err.contains("SECRET") && !err.contains("root:x") && !err.contains("password"),
            "{file}: {err}"
        );
    }
    let err = run("stolen.yaml");
    assert!(
        err.contains("stolen.yaml: line 2: field 'not_applicable': an id is listed under both"),
        "{err}"
    );
    std::fs::write(dir.path().join("stolen.yml"), format!("{secret}\n")).unwrap();
    let err = run("stolen.yml");
    assert!(
        err.contains("stolen.yml: line 1: invalid CSP profile (expected a CSP profile: a mapping")
            && err.contains("the file's text is not shown: it was reached through `inherits:`"),
        "{err}"
    );
    // the user's own profile still quotes what it cannot read
    let own = dir.path().join("own.yaml");
    std::fs::write(
        &own,
        "name: x\nregistered: 2024-13-45\nimplemented: [5.1.1]\n",
    )
    .unwrap();
    let mut c = on_checks("en", "report", data("inherit/checks.csv"));
    c.arg("--csp").arg(&own);
    assert!(input_error(c).contains("'2024-13-45' is not a date"));
}

/// What the underlying service states of an inherited objective other than implemented
/// (not applicable with its reason, or without one) is kept, naming that service: never
/// turned into "not listed" (`paas-on-na.yaml` on `iaas-na.yaml`).
#[test]
fn the_underlying_services_exclusion_is_kept_with_its_name() {
    let run = |lang: &str, format: &str| {
        let mut c = on_checks(lang, "report", data("inherit/checks-na.csv"));
        c.args(["--format", format, "--csp"])
            .arg(data("inherit/paas-on-na.yaml"));
        c
    };
    let v = json_of(run("en", "json"));
    // only the implemented objectives count as inherited
    assert_eq!(v["csp"]["inherited"], 2);
    for (id, reason, code, text, why) in [
        (
            "N1",
            "not-applicable",
            "exclusion-review",
            "Check that the CSP's reason for excluding control objective 11.1.3 (stated by NA IaaS) holds for your use",
            "データセンターを自社で保有しない",
        ),
        (
            "N2",
            "not-applicable-without-reason",
            "exclusion-reason-request",
            "The CSP excludes control objective 11.2.1 (stated by NA IaaS) without a reason",
            "",
        ),
    ] {
        let i = item(&v, id);
        assert_eq!(i["status"], "not-covered", "{id}");
        assert_eq!(i["reasons"], serde_json::json!([reason]), "{id}");
        assert_eq!(i["not_listed"], serde_json::json!([]), "{id}");
        assert_eq!(i["not_applicable"][0]["reason"], why, "{id}");
        assert_eq!(i["controls"][0]["state"], "not-applicable", "{id}");
        assert_eq!(i["controls"][0]["inherited_from"], "NA IaaS", "{id}");
        let p = &i["additional_procedures"][0];
        assert_eq!(p["code"], code, "{id}");
        assert!(p["text"].as_str().unwrap().starts_with(text), "{id}: {p}");
    }
    assert_eq!(item(&v, "N3")["status"], "covered");
    let obj = v["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "11.1.3")
        .unwrap();
    assert_eq!(obj["state"], "not-applicable");
    assert_eq!(obj["reason"], "データセンターを自社で保有しない");
    assert_eq!(obj["inherited_from"], "NA IaaS");

    let csv = stdout_of(run("ja", "csv"));
    let n1 = csv.lines().find(|l| l.starts_with("N1,")).unwrap();
    assert!(
        n1.contains("11.1.3 (データセンターを自社で保有しない)"),
        "{n1}"
    );
    assert!(
        n1.contains("統制目標 11.1.3（NA IaaS の記載による）の理由"),
        "{n1}"
    );
    assert!(!n1.contains("記載なし"), "{n1}");
    let table = stdout_of(run("en", "table"));
    assert!(table.contains("(stated by NA IaaS)"), "{table}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gap.xlsx");
    let mut c = on_checks("en", "report", data("inherit/checks-na.csv"));
    c.arg("--csp")
        .arg(data("inherit/paas-on-na.yaml"))
        .arg("-o")
        .arg(&path);
    stdout_of(c);
    let (_, ranges) = common::xlsx::sheets(&path);
    let gap = &ranges[1];
    let row = (1..gap.height())
        .map(|r| common::xlsx::row_texts(gap, r))
        .find(|r| r[0] == "N2")
        .unwrap();
    assert!(
        row.iter().any(|c| c.contains("(stated by NA IaaS)")),
        "{row:?}"
    );

    // readiness: the IaaS's reason counts, its exclusion without one is a finding
    let mut c = bin();
    c.args([
        "--lang",
        "en",
        "readiness",
        "--format",
        "json",
        "--implemented",
    ])
    .arg(data("inherit/paas-on-na.yaml"));
    let r = json_of(c);
    let row = |id: &str| item(&r, id).clone();
    assert_eq!(row("11.1.3")["state"], "not-applicable");
    assert_eq!(row("11.1.3")["reason"], "データセンターを自社で保有しない");
    assert_eq!(row("11.1.3")["findings"], serde_json::json!([]));
    assert_eq!(row("11.2.1")["findings"], serde_json::json!(["no-reason"]));
    assert_eq!(row("11.2.1")["inherited_from"], "NA IaaS");
}
