//! The report JSON keeps to `schema/report.schema.json`: a small validator for the subset of
//! JSON Schema the file uses (type, required, properties, additionalProperties, items,
//! enum, const, oneOf, $ref, minimum, maximum, maxItems, pattern-free).
mod common;

use common::{data, example, json_of};
use serde_json::Value;

fn resolve<'a>(root: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let path = r.trim_start_matches("#/");
            path.split('/').fold(root, |v, key| &v[key])
        }
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
    if let (Some(arr), Some(items)) = (v.as_array(), schema.get("items")) {
        if let Some(max) = schema.get("maxItems").and_then(Value::as_u64) {
            if arr.len() as u64 > max {
                errors.push(format!("{path}: more than {max} items"));
            }
        }
        for (i, x) in arr.iter().enumerate() {
            validate(root, items, x, &format!("{path}[{i}]"), errors);
        }
    }
}

fn schema() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/report.schema.json"
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

fn check(v: &Value) {
    let s = schema();
    let mut errors = Vec::new();
    validate(&s, &s, v, "$", &mut errors);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

fn report(checks: std::path::PathBuf, csp: std::path::PathBuf, lang: &str) -> Value {
    json_of(
        common::bin()
            .args([
                "--lang",
                lang,
                "report",
                "--as-of",
                "2026-04-01",
                "--format",
                "json",
                "--checks",
            ])
            .arg(checks)
            .arg("--csp")
            .arg(csp),
    )
}

#[test]
fn reports_match_the_schema() {
    check(&report(
        data("checks-all-statuses.csv"),
        data("csp-basic.txt"),
        "en",
    ));
    check(&report(
        data("checks-all-statuses.csv"),
        data("csp-profile.yaml"),
        "ja",
    ));
    check(&report(
        example("checks.csv"),
        example("csp-profile.yaml"),
        "ja",
    ));
    // items not analysed (from YAML): status, problems, reason, procedure, warning
    let v = report(data("checks-unreadable.yaml"), data("csp-basic.txt"), "en");
    check(&v);
    assert_eq!(v["summary"]["not_analysed"], 2);
    let u2 = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "U2")
        .unwrap();
    assert_eq!(u2["status"], "not-analysed");
    assert_eq!(u2["problems"][0]["column"], "assurance");
    assert_eq!(u2["problems"][0]["value"], "maybe");
}

#[test]
fn the_validator_rejects_drift() {
    let mut v = report(data("checks.yaml"), data("csp-basic.txt"), "en");
    v["items"][0]["status"] = Value::from("fine");
    v["summary"]["extra_count"] = Value::from(1);
    v["csp"].as_object_mut().unwrap().remove("name");
    let s = schema();
    let mut errors = Vec::new();
    validate(&s, &s, &v, "$", &mut errors);
    let all = errors.join("\n");
    assert!(all.contains("$.items[0].status: \"fine\" not in"), "{all}");
    assert!(
        all.contains("$.summary: unexpected property extra_count"),
        "{all}"
    );
    assert!(all.contains("$.csp: missing required name"), "{all}");
}
