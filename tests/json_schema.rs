//! The JSON outputs keep to their schemas in `schema/` (one per command, listed in `ALL`): a
//! small validator for the subset of JSON Schema the files use: type, required, properties,
//! additionalProperties (false, or a schema on an object without properties), items, enum,
//! const, oneOf, $ref (within the file), minimum, maximum, minItems, maxItems and pattern
//! (`^…$` around literals and `[…]` classes, each with an optional `{n}`). Annotations
//! ($schema, $id, $defs, title, description) are read past; any other keyword fails
//! `schemas_use_only_what_the_validator_checks`.
mod common;

use std::path::PathBuf;

use common::{bin, data, example, json_of, on_checks};
use serde_json::Value;

const REPORT: &str = "report.schema.json";
const READINESS: &str = "readiness.schema.json";
const COMPARE: &str = "compare.schema.json";
const DIFF: &str = "diff.schema.json";
const CATALOG_DIFF: &str = "catalog-diff.schema.json";
const SUGGEST: &str = "suggest.schema.json";
const ALL: [&str; 6] = [REPORT, READINESS, COMPARE, DIFF, CATALOG_DIFF, SUGGEST];

/// The schema a `$ref` (`#/a/b`) points to, if any.
fn target<'a>(root: &'a Value, r: &str) -> Option<&'a Value> {
    r.strip_prefix("#/")?
        .split('/')
        .try_fold(root, |v, key| v.get(key))
}

fn resolve<'a>(root: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => target(root, r).unwrap_or_else(|| panic!("$ref {r} points nowhere")),
        None => schema,
    }
}

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_u64() || v.is_i64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        _ => false,
    }
}

/// Whether `s` matches `pattern`, for the subset the schemas use: `^…$` around literals and
/// `[…]` classes (with ranges such as `0-9`), each optionally followed by `{n}`. Any other
/// syntax is an error, so that a pattern is never silently left unchecked.
fn pattern_matches(pattern: &str, s: &str) -> Result<bool, String> {
    let unsupported = |what: &str| Err(format!("pattern {pattern}: {what} is not supported"));
    let Some(body) = pattern.strip_prefix('^').and_then(|p| p.strip_suffix('$')) else {
        return unsupported("a pattern without ^…$");
    };
    let mut p = body.chars().peekable();
    let mut text = s.chars();
    while let Some(c) = p.next() {
        let class: Vec<(char, char)> = match c {
            '[' => {
                let mut ranges = Vec::new();
                loop {
                    match p.next() {
                        Some(']') => break,
                        Some(lo) if p.peek() == Some(&'-') => {
                            p.next();
                            match p.next() {
                                Some(hi) if hi != ']' => ranges.push((lo, hi)),
                                _ => return unsupported("a class ending in -"),
                            }
                        }
                        Some(lo) => ranges.push((lo, lo)),
                        None => return unsupported("an unclosed ["),
                    }
                }
                ranges
            }
            '(' | ')' | '|' | '*' | '+' | '?' | '.' | '\\' | '{' | '}' | '^' | '$' | ']' => {
                return unsupported(&format!("`{c}`"))
            }
            literal => vec![(literal, literal)],
        };
        let mut times = 1;
        if p.peek() == Some(&'{') {
            p.next();
            let n: String = p.by_ref().take_while(|&c| c != '}').collect();
            times = match n.parse() {
                Ok(n) => n,
                Err(_) => return unsupported(&format!("{{{n}}}")),
            };
        }
        for _ in 0..times {
            match text.next() {
                Some(t) if class.iter().any(|&(lo, hi)| (lo..=hi).contains(&t)) => {}
                _ => return Ok(false),
            }
        }
    }
    Ok(text.next().is_none())
}

fn validate(root: &Value, schema: &Value, v: &Value, path: &str, errors: &mut Vec<String>) {
    let schema = resolve(root, schema);
    if let Some(t) = schema.get("type") {
        let ok = match t {
            Value::String(s) => type_ok(s, v),
            Value::Array(ts) => ts.iter().any(|t| type_ok(t.as_str().unwrap_or(""), v)),
            _ => true,
        };
        if !ok {
            errors.push(format!("{path}: {v} is not of type {t}"));
            return;
        }
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            errors.push(format!("{path}: {v} not in {e:?}"));
        }
    }
    if let Some(c) = schema.get("const") {
        if c != v {
            errors.push(format!("{path}: {v} != {c}"));
        }
    }
    if let Some(alts) = schema.get("oneOf").and_then(Value::as_array) {
        let passing = alts
            .iter()
            .filter(|a| {
                let mut e = Vec::new();
                validate(root, a, v, path, &mut e);
                e.is_empty()
            })
            .count();
        if passing != 1 {
            errors.push(format!("{path}: {passing} oneOf alternatives match {v}"));
        }
    }
    if let Some(min) = schema.get("minimum").and_then(Value::as_f64) {
        if v.as_f64().is_some_and(|x| x < min) {
            errors.push(format!("{path}: {v} < {min}"));
        }
    }
    if let Some(max) = schema.get("maximum").and_then(Value::as_f64) {
        if v.as_f64().is_some_and(|x| x > max) {
            errors.push(format!("{path}: {v} > {max}"));
        }
    }
    if let (Some(p), Some(s)) = (schema.get("pattern").and_then(Value::as_str), v.as_str()) {
        match pattern_matches(p, s) {
            Ok(true) => {}
            Ok(false) => errors.push(format!("{path}: {v} does not match {p}")),
            Err(e) => errors.push(format!("{path}: {e}")),
        }
    }
    if let (Some(obj), true) = (
        v.as_object(),
        schema.get("properties").is_some() || schema.get("required").is_some(),
    ) {
        let props = schema.get("properties").and_then(Value::as_object);
        for r in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let r = r.as_str().unwrap_or("");
            if !obj.contains_key(r) {
                errors.push(format!("{path}: missing required {r}"));
            }
        }
        for (k, val) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(s) => validate(root, s, val, &format!("{path}.{k}"), errors),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{path}: unexpected property {k}"))
                }
                None => {}
            }
        }
    }
    if let (Some(obj), Some(extra)) = (
        v.as_object(),
        schema.get("additionalProperties").filter(|a| a.is_object()),
    ) {
        if schema.get("properties").is_none() {
            for (k, val) in obj {
                validate(root, extra, val, &format!("{path}.{k}"), errors);
            }
        }
    }
    if let Some(arr) = v.as_array() {
        if let Some(min) = schema.get("minItems").and_then(Value::as_u64) {
            if (arr.len() as u64) < min {
                errors.push(format!("{path}: fewer than {min} items"));
            }
        }
        if let Some(max) = schema.get("maxItems").and_then(Value::as_u64) {
            if arr.len() as u64 > max {
                errors.push(format!("{path}: more than {max} items"));
            }
        }
        if let Some(items) = schema.get("items") {
            for (i, x) in arr.iter().enumerate() {
                validate(root, items, x, &format!("{path}[{i}]"), errors);
            }
        }
    }
}

/// A schema of `schema/`, by file name.
fn schema(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("schema")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What the validator reports of `v` against the schema, one line each.
fn errors(name: &str, v: &Value) -> String {
    let s = schema(name);
    let mut errors = Vec::new();
    validate(&s, &s, v, "$", &mut errors);
    errors.join("\n")
}

fn check(name: &str, v: &Value) {
    let all = errors(name, v);
    assert!(all.is_empty(), "{name}:\n{all}");
}

/// The keywords the validator checks, and the annotations it reads past.
const KEYWORDS: &[&str] = &[
    "type",
    "required",
    "properties",
    "additionalProperties",
    "items",
    "enum",
    "const",
    "oneOf",
    "$ref",
    "minimum",
    "maximum",
    "minItems",
    "maxItems",
    "pattern",
    "$schema",
    "$id",
    "$defs",
    "title",
    "description",
];

/// Problems of a schema the validator would not notice: keywords it does not check, `$ref`s
/// pointing nowhere, required names without a property, objects open to any property,
/// patterns it cannot read.
fn lint(root: &Value, schema: &Value, at: &str, problems: &mut Vec<String>) {
    let Some(obj) = schema.as_object() else {
        problems.push(format!("{at}: not a schema object"));
        return;
    };
    let sub = |key: &str, s: &Value, problems: &mut Vec<String>| {
        lint(root, s, &format!("{at}/{key}"), problems)
    };
    for (k, v) in obj {
        if !KEYWORDS.contains(&k.as_str()) {
            problems.push(format!("{at}: keyword {k} is not checked by the validator"));
        }
        match k.as_str() {
            "properties" | "$defs" => {
                for (name, s) in v.as_object().unwrap() {
                    sub(&format!("{k}/{name}"), s, problems);
                }
            }
            "items" => sub(k, v, problems),
            "additionalProperties" => match v {
                Value::Bool(false) => {}
                Value::Object(_) if obj.contains_key("properties") => problems.push(format!(
                    "{at}: additionalProperties as a schema next to properties is not checked"
                )),
                Value::Object(_) => sub(k, v, problems),
                _ => problems.push(format!("{at}: additionalProperties {v}")),
            },
            "oneOf" => {
                for (i, s) in v.as_array().unwrap().iter().enumerate() {
                    sub(&format!("oneOf/{i}"), s, problems);
                }
            }
            "$ref" => {
                let r = v.as_str().unwrap_or("");
                if !target(root, r).is_some_and(Value::is_object) {
                    problems.push(format!("{at}: $ref {r} points nowhere"));
                }
            }
            "required" => {
                let props = obj.get("properties").and_then(Value::as_object);
                for r in v.as_array().unwrap() {
                    let r = r.as_str().unwrap_or("");
                    if !props.is_some_and(|p| p.contains_key(r)) {
                        problems.push(format!("{at}: required {r} has no property"));
                    }
                }
            }
            "pattern" => {
                if let Err(e) = pattern_matches(v.as_str().unwrap_or(""), "") {
                    problems.push(format!("{at}: {e}"));
                }
            }
            "type" => {
                let types: Vec<&Value> = match v {
                    Value::Array(ts) => ts.iter().collect(),
                    t => vec![t],
                };
                for t in types {
                    let known = [
                        "object", "array", "string", "integer", "number", "boolean", "null",
                    ];
                    if !t.as_str().is_some_and(|t| known.contains(&t)) {
                        problems.push(format!("{at}: type {t}"));
                    }
                }
            }
            _ => {}
        }
    }
    if obj.get("type") == Some(&Value::from("object")) && !obj.contains_key("additionalProperties")
    {
        problems.push(format!("{at}: an object without additionalProperties"));
    }
}

#[test]
fn schemas_use_only_what_the_validator_checks() {
    for name in ALL {
        let s = schema(name);
        let mut problems = Vec::new();
        lint(&s, &s, "#", &mut problems);
        assert!(problems.is_empty(), "{name}:\n{}", problems.join("\n"));
        assert_eq!(
            s["$id"],
            format!("https://github.com/ismap-gap/ismap-gap/schema/{name}")
        );
        // a title naming the version names the one the schema holds (they had drifted)
        let title = s["title"].as_str().unwrap();
        if let Some(rest) = title.split("schema_version ").nth(1) {
            let version = rest.trim_end_matches(')');
            assert_eq!(
                version,
                s["properties"]["schema_version"]["const"].to_string(),
                "{name}: {title}"
            );
        }
    }
}

#[test]
fn the_pattern_subset() {
    let date = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    assert_eq!(pattern_matches(date, "2026-04-01"), Ok(true));
    for bad in [
        "2026/04/01",
        "2026-4-01",
        "2026-04-011",
        "",
        "２０２６-04-01",
    ] {
        assert_eq!(pattern_matches(date, bad), Ok(false), "{bad}");
    }
    assert_eq!(pattern_matches("^A[a-c.]x$", "Abx"), Ok(true));
    assert_eq!(pattern_matches("^A[a-c.]x$", "A.x"), Ok(true));
    assert_eq!(pattern_matches("^A[a-c.]x$", "Adx"), Ok(false));
    for unsupported in ["[0-9]", "^a+$", "^(a|b)$", "^a.$", "^[0-$", "^a{x}$"] {
        assert!(pattern_matches(unsupported, "a").is_err(), "{unsupported}");
    }
}

fn report(checks: PathBuf, csp: PathBuf, lang: &str) -> Value {
    json_of(
        on_checks(lang, "report", checks)
            .args(["--format", "json", "--csp"])
            .arg(csp),
    )
}

#[test]
fn reports_match_the_schema() {
    check(
        REPORT,
        &report(data("checks-all-statuses.csv"), data("csp-basic.txt"), "en"),
    );
    check(
        REPORT,
        &report(
            data("checks-all-statuses.csv"),
            data("csp-profile.yaml"),
            "ja",
        ),
    );
    check(
        REPORT,
        &report(example("checks.csv"), example("csp-profile.yaml"), "ja"),
    );
    // items not analysed (from YAML): status, problems, reason, procedure, warning; an
    // unknown risk withholds no verdict (review 11 C-7)
    let v = report(data("checks-unreadable.yaml"), data("csp-basic.txt"), "en");
    check(REPORT, &v);
    assert_eq!(v["summary"]["not_analysed"], 1);
    let u2 = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "U2")
        .unwrap();
    assert_eq!(u2["status"], "not-analysed");
    assert_eq!(u2["problems"][0]["column"], "assurance");
    assert_eq!(u2["problems"][0]["value"], "maybe");
    // registrations not yet in effect (own, inherited, audit not ended); basic
    // requirements and chosen details stated otherwise; governance items through their
    // objective
    for csp in ["future.yaml", "audit-pending.yaml", "saas-on-future.yaml"] {
        let v = report(
            data("verdicts/checks.csv"),
            data(&format!("verdicts/{csp}")),
            "en",
        );
        check(REPORT, &v);
    }
    // exclusions ISMAP does not allow; details stated through their objective
    let v = report(
        data("verdicts/checks-excluded.csv"),
        data("verdicts/excluded.csv"),
        "ja",
    );
    check(REPORT, &v);
    assert!(v["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["controls"][0]["stated_as"].is_string()
            && i["controls"][0]["exclusion_not_allowed"] == true));
    // the CSP's words on planned / not-implemented rows: items[].missing_remarks,
    // non_basic_details_not_implemented[].remark, objectives[].reason
    let v = report(
        data("fix10-plan/k-plan.csv"),
        data("fix10-plan/st-plan.csv"),
        "ja",
    );
    check(REPORT, &v);
    assert!(v["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["missing_remarks"][0]["remark"].is_string()));
    // an improvement plan and subsequent events: their reasons and procedures
    check(
        REPORT,
        &report(
            data("verdicts/checks.csv"),
            data("verdicts/valid.yaml"),
            "en",
        ),
    );
    // an overview stated in the list: the warning csp-overview-stated
    let v = report(
        data("verdicts/checks-overview.csv"),
        data("verdicts/overview.csv"),
        "en",
    );
    check(REPORT, &v);
    // an ISMAP-LIU registration: reason and procedure ismap-liu, items[].ismap_liu
    let v = report(
        data("verdicts/checks-liu.csv"),
        data("verdicts/liu.yaml"),
        "en",
    );
    check(REPORT, &v);
    // a registration kind not stated (an entry pasted without its list title): warning,
    // reason and procedure registration-kind-unstated, items[].registration_kind_unstated
    let v = report(
        data("verdicts/checks-liu.csv"),
        data("verdicts/entry-no-list-title.txt"),
        "en",
    );
    check(REPORT, &v);
    assert!(v["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["registration_kind_unstated"] != serde_json::json!([])));
    // details written with another suffix, in the CSP list and the check list: warnings
    // csp-suffix-mismatch and checks-suffix-mismatch
    let v = report(
        data("verdicts/checks-suffix.csv"),
        data("verdicts/suffix.csv"),
        "en",
    );
    check(REPORT, &v);
    for code in ["csp-suffix-mismatch", "checks-suffix-mismatch"] {
        assert!(
            v["warnings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|w| w["code"] == code),
            "{code}"
        );
    }
    // an inherited objective the profile states otherwise: warning csp-inherited-restated
    let v = report(
        data("inherit/checks-na.csv"),
        data("inherit/saas-restates.yaml"),
        "en",
    );
    check(REPORT, &v);
    assert!(v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["code"] == "csp-inherited-restated"));
    let v = report(
        data("verdicts/checks-criteria.csv"),
        data("verdicts/criteria.csv"),
        "ja",
    );
    check(REPORT, &v);
    assert!(v["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .any(|o| o["stated_as"].is_string()));

    // a second references column; references of other frameworks, qualified, CSF ids,
    // clauses that may be Annex A
    let v = report(
        data("references/two-columns.csv"),
        data("references/csp.txt"),
        "en",
    );
    check(REPORT, &v);
    assert!(v["checks"]["more_references_columns"].is_array());
    assert!(v["items"][0]["references_by_column"].is_array());
    for checks in ["other-frameworks.csv", "clauses-unsaid.csv"] {
        check(
            REPORT,
            &report(
                data(&format!("references/{checks}")),
                data("references/csp.txt"),
                "en",
            ),
        );
    }

    // rows that are not check items (a sheet's totals row), a reference outside the
    // references column (review 7)
    let v = report(
        data("checks-review7/buyer.xlsx"),
        data("checks-review7/csp-st.csv"),
        "en",
    );
    check(REPORT, &v);
    assert_eq!(v["checks"]["rows_not_read"][0]["kind"], "total");
    let v = report(
        data("checks-review7/ref-in-title.csv"),
        data("checks-review7/csp-st.csv"),
        "en",
    );
    check(REPORT, &v);
    assert_eq!(v["items"][0]["problems"][0]["field"], "references");
}

/// A report carrying a review forward (`--review`): each item's review and the summary
/// with the removed items match the schema; drift in them is caught.
#[test]
fn a_report_with_a_review_matches_the_schema() {
    let mut v = json_of(
        on_checks("ja", "report", data("review/checks-v2.csv"))
            .args(["--format", "json", "--csp"])
            .arg(data("review/csp-v2.csv"))
            .arg("--review")
            .arg(data("review/previous.xlsx")),
    );
    check(REPORT, &v);
    assert_eq!(v["review"]["removed_items"][0]["id"], "R-06");
    v["items"][0]["review"]["change"] = Value::from("moved");
    v["review"]["removed_items"][0]["status"] = Value::from("gone");
    let all = errors(REPORT, &v);
    assert!(
        all.contains("$.items[0].review.change: \"moved\" not in"),
        "{all}"
    );
    assert!(
        all.contains("$.review.removed_items[0].status: \"gone\" not in"),
        "{all}"
    );
}

/// Review 24 B-2 and E (schema 45): a review naming the previous risk, required assurance
/// and note, one of a previous report lacking those columns (`columns-missing`), and a
/// reference `none-with-id` match the schema.
#[test]
fn a_review_of_a_changed_ask_and_a_none_with_an_id_match_the_schema() {
    let run = |checks: &str, previous: Option<&str>| {
        let mut c = bin();
        c.args(["--lang", "ja", "report", "--checks"])
            .arg(data(&format!("fix37-review/{checks}")))
            .arg("--csp")
            .arg(data("fix37-review/all.txt"))
            .args(["--registration-kind", "ismap", "--as-of", "2026-12-01"])
            .args(["--format", "json"]);
        if let Some(p) = previous {
            c.arg("--review").arg(data(&format!("fix37-review/{p}")));
        }
        json_of(c)
    };
    let v = run("rv-new.csv", Some("rv-prev-edited.csv"));
    check(REPORT, &v);
    let r1 = (v["items"].as_array().unwrap().iter())
        .find(|i| i["id"] == "R1")
        .unwrap();
    assert_eq!(r1["review"]["previous_assurance"], "保証報告(SOC2)");
    let v = run("rv-old.csv", Some("rv-prev-nocols.csv"));
    check(REPORT, &v);
    assert_eq!(
        v["items"][0]["review"]["re_review_context"],
        "columns-missing"
    );
    let v = run("none.csv", None);
    check(REPORT, &v);
    assert_eq!(v["items"][0]["unresolved"][0]["why"], "none-with-id");
}

#[test]
fn the_validator_rejects_drift() {
    let mut v = report(data("checks.yaml"), data("csp-basic.txt"), "en");
    v["items"][0]["status"] = Value::from("fine");
    v["summary"]["extra_count"] = Value::from(1);
    v["csp"].as_object_mut().unwrap().remove("name");
    let all = errors(REPORT, &v);
    assert!(all.contains("$.items[0].status: \"fine\" not in"), "{all}");
    assert!(
        all.contains("$.summary: unexpected property extra_count"),
        "{all}"
    );
    assert!(all.contains("$.csp: missing required name"), "{all}");
}

/// `tests/data/NAME` as an argument.
fn d(name: &str) -> String {
    data(name).display().to_string()
}

fn json(args: &[&str]) -> Value {
    json_of(bin().args(args))
}

/// The validator reports each of `wanted` (substrings of its lines).
fn assert_rejects(name: &str, v: &Value, wanted: &[&str]) {
    let all = errors(name, v);
    for w in wanted {
        assert!(all.contains(w), "{name}: `{w}` not reported in:\n{all}");
    }
}

/// Every value `key` takes in the objects of an array.
fn values<'a>(list: &'a Value, key: &str) -> Vec<&'a Value> {
    list.as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x.get(key))
        .collect()
}

fn readiness(lang: &str, list: &str) -> Value {
    json(&[
        "--lang",
        lang,
        "readiness",
        "--format",
        "json",
        "--implemented",
        &d(list),
    ])
}

#[test]
fn readiness_outputs_match_the_schema() {
    // a status table with an evidence column: every finding, a detail the catalog lacks
    let v = readiness("en", "readiness/soa.csv");
    check(READINESS, &v);
    // an overview stated in the list: the note csp-overview-stated
    check(READINESS, &readiness("ja", "verdicts/overview.yaml"));
    assert_eq!(v["evidence_checked"], true);
    let mut findings: Vec<&Value> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["findings"].as_array().unwrap())
        .collect();
    findings.sort_by_key(|f| f.as_str());
    findings.dedup();
    assert_eq!(findings.len(), 5, "{findings:?}");
    let detail = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "9.2.1.2")
        .unwrap();
    assert_eq!(
        (&detail["title"], &detail["required"]),
        (&"".into(), &false.into())
    );

    // a YAML profile (exclusions, no evidence column), in Japanese
    let v = readiness("ja", "csp-profile.yaml");
    check(READINESS, &v);
    assert_eq!(v["evidence_checked"], false);
    assert!(values(&v["notes"], "code").contains(&&Value::from("evidence-not-checked")));
    assert!(values(&v["items"], "state").contains(&&Value::from("not-applicable")));

    // a pasted list with an id the catalog lacks: with its line
    let v = readiness("en", "diff/list.txt");
    check(READINESS, &v);
    assert_eq!(v["unknown_ids"][0]["line"], 4);
    assert!(values(&v["notes"], "code").contains(&&Value::from("unknown-ids")));

    // a profile's unknown id: no line
    let v = readiness("en", "diff/new.yaml");
    check(READINESS, &v);
    assert_eq!(v["unknown_ids"][0]["id"], "9.9.9");
    assert!(v["unknown_ids"][0].get("line").is_none());

    // a status table with planned and not-implemented rows, without an owner column
    let v = readiness("en", "diff/status.csv");
    check(READINESS, &v);
    let states = values(&v["items"], "state");
    assert!(states.contains(&&Value::from("planned")));
    assert!(states.contains(&&Value::from("not-implemented")));

    // coverage inherited through a chain: inherited_from on those items only
    let v = readiness("en", "inherit/saas/saas.yaml");
    check(READINESS, &v);
    let inherited = values(&v["items"], "inherited_from");
    assert!(inherited.contains(&&Value::from("Test PaaS → Test IaaS")));
    assert!(inherited.len() < v["items"].as_array().unwrap().len());

    // another catalog: its basic-requirement detail, which the list does not state, is
    // noted (not counted missing); the list's ids are unknown
    let v = json(&[
        "--lang",
        "en",
        "--catalog",
        &d("catalog-good.yaml"),
        "readiness",
        "--format",
        "json",
        "--implemented",
        &d("readiness/soa.csv"),
    ]);
    check(READINESS, &v);
    assert_eq!(v["catalog"]["origin"], d("catalog-good.yaml"));
    assert!(!v["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["id"] == "9.2.1.1.B"));
    let note = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["code"] == "basic-details-not-stated")
        .unwrap();
    assert!(note["message"].as_str().unwrap().contains("9.2.1.1.B"));
}

#[test]
fn the_validator_rejects_readiness_drift() {
    let mut v = readiness("en", "readiness/soa.csv");
    v["items"][0]["state"] = Value::from("fine");
    v["items"][1]["findings"] = serde_json::json!(["late"]);
    v["groups"][0]["counts"]["extra_count"] = Value::from(1);
    v["unknown_ids"] = serde_json::json!([{"id": "9.9.9", "line": 0}]);
    v.as_object_mut().unwrap().remove("evidence_checked");
    assert_rejects(
        READINESS,
        &v,
        &[
            "$.items[0].state: \"fine\" not in",
            "$.items[1].findings[0]: \"late\" not in",
            "$.groups[0].counts: unexpected property extra_count",
            "$.unknown_ids[0]: missing required suggestions",
            "$.unknown_ids[0].line: 0 < 1",
            "$: missing required evidence_checked",
        ],
    );
}

fn compare(lang: &str, checks: PathBuf, csps: &[PathBuf]) -> Value {
    let mut c = on_checks(lang, "compare", checks);
    c.args(["--format", "json"]);
    for csp in csps {
        c.arg("--csp").arg(csp);
    }
    json_of(c)
}

/// The statuses of each item are keyed by the CSPs' names.
fn statuses_name_the_csps(v: &Value) {
    let mut names = values(&v["csps"], "name");
    names.sort_by_key(|n| n.as_str());
    for item in v["items"].as_array().unwrap() {
        let keys: Vec<Value> = item["statuses"]
            .as_object()
            .unwrap()
            .keys()
            .map(|k| Value::from(k.as_str()))
            .collect();
        let mut keys: Vec<&Value> = keys.iter().collect();
        keys.sort_by_key(|n| n.as_str());
        assert_eq!(keys, names, "{}", item["id"]);
    }
}

#[test]
fn compare_outputs_match_the_schema() {
    // three CSPs (two profiles, a pasted list) over every status
    let v = compare(
        "en",
        data("checks-all-statuses.csv"),
        &[
            data("compare/gamma.txt"),
            data("compare/beta.yaml"),
            data("compare/alpha.yaml"),
        ],
    );
    check(COMPARE, &v);
    statuses_name_the_csps(&v);
    assert_eq!(v["checks"]["sheet"], Value::Null);
    // items[].reasons: one key per CSP, as statuses; the CSP's remark among them
    let v = compare(
        "en",
        data("compare/notes/checks.csv"),
        &[
            data("compare/notes/remark.csv"),
            data("compare/notes/plain.csv"),
        ],
    );
    check(COMPARE, &v);
    for item in v["items"].as_array().unwrap() {
        let keys = |f: &str| {
            let mut k: Vec<String> = item[f].as_object().unwrap().keys().cloned().collect();
            k.sort();
            k
        };
        assert_eq!(keys("reasons"), keys("statuses"), "{}", item["id"]);
    }
    assert_eq!(v["items"][0]["reasons"]["remark.csv"][0], "csp-remark");
    // rows that are not check items
    let v = compare(
        "en",
        data("checks-review7/sections.xlsx"),
        &[data("checks-review7/csp-st.csv")],
    );
    check(COMPARE, &v);
    assert_eq!(v["checks"]["rows_not_read"][0]["kind"], "heading");
    // a second references column
    let v = compare(
        "en",
        data("references/two-columns.csv"),
        &[data("references/csp.txt"), data("compare/beta.yaml")],
    );
    check(COMPARE, &v);
    assert!(v["checks"]["more_references_columns"].is_array());

    // a profile that inherits from another one
    let v = compare(
        "en",
        data("inherit/checks.csv"),
        &[data("inherit/paas.yaml"), data("inherit/iaas.yaml")],
    );
    check(COMPARE, &v);
    statuses_name_the_csps(&v);
    assert!(values(&v["csps"], "inherits")
        .iter()
        .any(|u| u["name"] == "Test IaaS"));
    assert!(values(&v["csps"], "inherits").contains(&&Value::Null));

    // registrations not yet in effect, ranked with the lapsed ones
    let v = compare(
        "en",
        data("verdicts/checks.csv"),
        &[
            data("verdicts/future.yaml"),
            data("verdicts/audit-pending.yaml"),
            data("verdicts/lapsed.yaml"),
            data("verdicts/valid.yaml"),
        ],
    );
    check(COMPARE, &v);
    assert_eq!(v["csps"][1]["registration"], "not-yet-valid");

    // items not analysed, in Japanese
    let v = compare(
        "ja",
        data("checks-unreadable.yaml"),
        &[data("csp-profile.yaml")],
    );
    check(COMPARE, &v);
    // U2's assurance; U3's unknown risk withholds no verdict (review 11 C-7)
    assert_eq!(v["csps"][0]["counts"]["not_analysed"], 1);
    assert_eq!(v["items"][1]["statuses"]["Test SaaS"], "not-analysed");

    // a workbook of check items (its sheet), and a list with an id the catalog lacks
    let v = compare(
        "ja",
        example("checks.xlsx"),
        &[
            example("csp-profile.yaml"),
            example("csp-list.txt"),
            data("diff/list.txt"),
        ],
    );
    check(COMPARE, &v);
    statuses_name_the_csps(&v);
    assert!(v["checks"]["sheet"].is_string());
    let unknown: Vec<&Value> = v["csps"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["unknown_ids"].as_array().unwrap())
        .collect();
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0]["id"], "17.9.1");
    assert!(unknown[0]["suggestions"].is_array());
}

#[test]
fn the_validator_rejects_compare_drift() {
    let mut v = compare(
        "en",
        data("checks-all-statuses.csv"),
        &[data("compare/beta.yaml"), data("compare/alpha.yaml")],
    );
    v["items"][0]["statuses"]["Beta SaaS"] = Value::from("fine");
    v["csps"][0]["counts"]["extra_count"] = Value::from(1);
    v["csps"][1]["rank"] = Value::from(0);
    v["checks"].as_object_mut().unwrap().remove("sheet");
    v["as_of"] = Value::from("2026/04/01");
    assert_rejects(
        COMPARE,
        &v,
        &[
            "$.items[0].statuses.Beta SaaS: \"fine\" not in",
            "$.csps[0].counts: unexpected property extra_count",
            "$.csps[1].rank: 0 < 1",
            "$.checks: missing required sheet",
            "$.as_of: \"2026/04/01\" does not match",
        ],
    );
}

fn diff(lang: &str, old: &str, new: &str) -> Value {
    json(&["--lang", lang, "diff", &d(old), &d(new), "--format", "json"])
}

#[test]
fn diff_outputs_match_the_schema() {
    // profiles: added, removed, changed, an unknown id without a line in NEW
    let v = diff("en", "diff/old.yaml", "diff/new.yaml");
    check(DIFF, &v);
    assert_eq!(v["schema_version"], 12);
    assert_eq!(v["added"][0]["old"], Value::Null);
    assert_eq!(v["removed"][0]["new"], Value::Null);
    assert!(v["new"]["unknown"][0].get("line").is_none());

    // a pasted list against a status table, in Japanese: an unknown id with its line
    let v = diff("ja", "diff/list.txt", "diff/status.csv");
    check(DIFF, &v);
    assert_eq!(v["old"]["unknown"][0]["line"], 4);

    // a reading warning of one side (an .xls workbook's marks are not read)
    let v = diff("en", "diff/list.txt", "s17-sheets/csp-clean.xls");
    check(DIFF, &v);
    assert!(v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["code"] == "csp-workbook-marks-not-read" && w["side"] == "new"));

    // two readiness statements: states stated through an objective or held back by items
    let v = diff("en", "fix25-out/st-old.csv", "fix25-out/st-new.csv");
    check(DIFF, &v);
    assert_eq!(v["changed"][0]["new"]["stated_as"], "3.1.2.1");

    // a table against a table with owners: owner changes, a detail the catalog lacks
    let v = diff("en", "diff/status.csv", "readiness/soa.csv");
    check(DIFF, &v);
    let fields: Vec<&Value> = v["changed"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["fields"].as_array().unwrap())
        .collect();
    assert!(fields.contains(&&Value::from("owner")));
    let detail = v["added"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "9.2.1.2")
        .unwrap();
    assert_eq!(detail["title"], "");

    // implementation dates moved and erased
    let v = json(&[
        "--lang",
        "en",
        "diff",
        &d("diff/dates-old.csv"),
        &d("diff/dates-new.csv"),
        "--as-of",
        "2026-04-01",
        "--format",
        "json",
    ]);
    check(DIFF, &v);
    assert_eq!(v["changed"][0]["fields"][0], "date");

    // no differences
    let v = diff("en", "diff/old.yaml", "diff/old.yaml");
    check(DIFF, &v);
    assert_eq!(v["summary"]["differs"], false);

    // registry facts, another service, a lapsed registration and one inherited
    for (old, new) in [
        ("diff/entry-new.txt", "diff/entry-other.txt"),
        ("inherit/saas-on-2027.yaml", "inherit/saas-on-lapsed.yaml"),
        ("inherit/saas-on-2027.yaml", "inherit/saas-on-future.yaml"),
    ] {
        let v = json(&[
            "--lang",
            "ja",
            "diff",
            &d(old),
            &d(new),
            "--as-of",
            "2026-04-01",
            "--format",
            "json",
        ]);
        check(DIFF, &v);
        assert!(!v["registry"].as_array().unwrap().is_empty(), "{old} {new}");
        assert!(!v["warnings"].as_array().unwrap().is_empty(), "{old} {new}");
    }
}

#[test]
fn readiness_on_a_lapsed_underlying_service_matches_the_schema() {
    let v = json(&[
        "readiness",
        "--implemented",
        &d("inherit/saas-on-lapsed.yaml"),
        "--as-of",
        "2026-04-01",
        "--format",
        "json",
    ]);
    check(READINESS, &v);
    assert_eq!(v["schema_version"], 19);
    assert!(!v["underlying_not_in_effect"].as_array().unwrap().is_empty());
    // the note csp-inherited-restated
    let v = json(&[
        "readiness",
        "--implemented",
        &d("inherit/saas-restates.yaml"),
        "--format",
        "json",
    ]);
    check(READINESS, &v);
    assert!(v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["code"] == "csp-inherited-restated"));
}

#[test]
fn the_validator_rejects_diff_drift() {
    let mut v = diff("en", "diff/old.yaml", "diff/new.yaml");
    v["changed"][0]["new"]["status"] = Value::from("fine");
    v["changed"][1]["fields"] = serde_json::json!([]);
    v["changed"][2]["fields"] = serde_json::json!(["title"]);
    v["added"][0]["fields"] = serde_json::json!(["status"]);
    v["removed"][0]["new"] = v["removed"][0]["old"].clone();
    v["summary"]["extra_count"] = Value::from(1);
    v["old"].as_object_mut().unwrap().remove("name");
    assert_rejects(
        DIFF,
        &v,
        &[
            "$.changed[0].new.status: \"fine\" not in",
            "$.changed[1].fields: fewer than 1 items",
            "$.changed[2].fields[0]: \"title\" not in",
            "$.added[0].fields: [\"status\"] != []",
            "$.removed[0].new: {",
            "$.summary: unexpected property extra_count",
            "$.old: missing required name",
        ],
    );
}

fn catalog_diff(old: &str, new: &str) -> Value {
    let arg = |c: &str| if c == "embedded" { c.to_owned() } else { d(c) };
    json(&["catalog", "diff", &arg(old), &arg(new), "--format", "json"])
}

/// Every field change of a catalog diff.
fn changes(v: &Value) -> Vec<&Value> {
    v["changed"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["changes"].as_array().unwrap())
        .collect()
}

#[test]
fn catalog_diff_outputs_match_the_schema() {
    // two test catalogs: an entry added and one removed, a title, a parent, a flag changed
    let v = catalog_diff("diff/catalog-old.yaml", "diff/catalog-new.yaml");
    check(CATALOG_DIFF, &v);
    assert_eq!(v["schema_version"], 3);
    let fields = changes(&v)
        .iter()
        .map(|c| c["field"].clone())
        .collect::<Vec<_>>();
    assert_eq!(
        fields,
        // (9.2 is new in catalog-new.yaml: 9.2.1 and 9.2.2 move under it from the clause)
        [
            "title.en",
            "parent",
            "parent",
            "flags.basic",
            "refs.nist_sp800_53"
        ]
    );
    assert_eq!(changes(&v)[3]["new"], true);
    // a list's members, as written
    assert_eq!(changes(&v)[4]["old"], serde_json::json!([]));
    assert_eq!(changes(&v)[4]["new"], serde_json::json!(["AC-2", "AC-3*"]));

    // the embedded catalog against a small one: entries with refs and flags removed,
    // titles becoming null, a basic detail added
    let v = catalog_diff("embedded", "catalog-good.yaml");
    check(CATALOG_DIFF, &v);
    assert!(changes(&v).iter().any(|c| c["new"].is_null()));
    assert!(values(&v["removed"], "refs")
        .iter()
        .any(|r| r.get("nist_sp800_53").is_some()));
    assert!(values(&v["removed"], "flags").contains(&&serde_json::json!({"cloud_provider": true})));
    assert_eq!(v["added"][0]["flags"], serde_json::json!({"basic": true}));

    // and the other way round: titles from null, a flag turned off
    let v = catalog_diff("diff/catalog-new.yaml", "embedded");
    check(CATALOG_DIFF, &v);
    assert!(changes(&v).iter().any(|c| c["old"].is_null()));
    assert!(changes(&v).iter().any(|c| c["new"] == false));

    // no differences
    let v = catalog_diff("embedded", "embedded");
    check(CATALOG_DIFF, &v);
    assert_eq!(v["summary"]["differs"], false);
}

#[test]
fn the_validator_rejects_catalog_diff_drift() {
    let mut v = catalog_diff("diff/catalog-old.yaml", "diff/catalog-new.yaml");
    v["added"][0]["level"] = Value::from("section");
    v["added"][0]["flags"] = serde_json::json!({"basic": false});
    v["removed"][0]["extra_field"] = Value::from(1);
    v["changed"][0]["changes"][0]["old"] = serde_json::json!([1]);
    v["changed"][1]["changes"] = serde_json::json!([]);
    v["summary"].as_object_mut().unwrap().remove("differs");
    // a field not known today is no drift: the list is open
    v["changed"][2]["changes"][0]["field"] = Value::from("refs.annex_a");
    let all = errors(CATALOG_DIFF, &v);
    assert!(!all.contains("changed[2]"), "{all}");
    assert_rejects(
        CATALOG_DIFF,
        &v,
        &[
            "$.added[0].level: \"section\" not in",
            "$.added[0].flags.basic: false != true",
            "$.removed[0]: unexpected property extra_field",
            "$.changed[0].changes[0].old[0]: 1 is not of type \"string\"",
            "$.changed[1].changes: fewer than 1 items",
            "$.summary: missing required differs",
        ],
    );
}

fn suggest(lang: &str, checks: PathBuf, top: &str) -> Value {
    let mut c = bin();
    c.args([
        "--lang", lang, "suggest", "--format", "json", "--top", top, "--checks",
    ])
    .arg(checks);
    json_of(c)
}

#[test]
fn suggest_outputs_match_the_schema() {
    for lang in ["ja", "en"] {
        let v = suggest(lang, data("suggest/eval.csv"), "10");
        check(SUGGEST, &v);
        let outcomes = values(&v["items"], "outcome");
        for o in ["suggested", "no-confident-match"] {
            assert!(outcomes.iter().any(|x| *x == o), "{o}");
        }
        assert!(values(&v["items"], "outside_topic").len() >= 3);
        check(SUGGEST, &suggest(lang, example("checks-freetext.csv"), "1"));
        check(SUGGEST, &suggest(lang, data("checks.yaml"), "3"));
        // an escrow is a topic ISMAP does not assess
        let v = suggest(lang, data("suggest/not-confident.csv"), "3");
        check(SUGGEST, &v);
        assert!(v.to_string().contains("\"escrow\""));
        // a list on two sheets: each item with its sheet
        let dir = tempfile::tempdir().unwrap();
        let book = dir.path().join("two.xlsx");
        let mut wb = rust_xlsxwriter::Workbook::new();
        common::add_text_sheet(&mut wb, "表紙", &[&["委託先チェックリスト"]]);
        common::add_text_sheet(
            &mut wb,
            "A",
            &[&["項番", "確認項目"], &["A-1", "多要素認証"]],
        );
        common::add_text_sheet(&mut wb, "B", &[&["項番", "確認項目"], &["B-1", "時刻同期"]]);
        wb.save(&book).unwrap();
        let v = suggest(lang, book, "3");
        check(SUGGEST, &v);
        assert_eq!(v["checks"]["sheets"], serde_json::json!(["A", "B"]));
        assert_eq!(v["items"][1]["sheet"], "B");
        // report names the candidates of an item without references in a procedure
        let r = report(
            data("suggest/empty-refs.csv"),
            example("csp-list.txt"),
            lang,
        );
        check(REPORT, &r);
        assert!(r.to_string().contains("\"candidate-references\""));
    }
}

#[test]
fn the_validator_rejects_suggest_drift() {
    let mut v = suggest("en", data("suggest/eval.csv"), "3");
    v["items"][0]["suggestions"][0]["score"] = Value::from(1.5);
    v["items"][0]["outcome"] = Value::from("maybe");
    v["lexicon"].as_object_mut().unwrap().remove("curated_by");
    assert_rejects(
        SUGGEST,
        &v,
        &[
            "$.items[0].suggestions[0].score",
            "$.items[0].outcome: \"maybe\" not in",
            "$.lexicon: missing required curated_by",
        ],
    );
}
