//! The JSON Schemas (`sifasuo schema office|district`) checked with an independent validator
//! (the `jsonschema` crate): draft 2020-12, the examples and every valid vector pass, invalid
//! vectors whose problems a schema can express fail, and every property has a Chinese title.
//!
//! That the property names equal the fields the validator reads is checked by a unit test in
//! `core/src/validate/sections.rs` (the lists are crate-private).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a failed unwrap or index is a failed test"
)]

use jsonschema::Validator;
use serde_json::Value;
use sifasuo::schema::{schema, SchemaKind};
use std::path::{Path, PathBuf};

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(rel)
}

fn validator(kind: SchemaKind) -> Validator {
    let s = schema(kind);
    jsonschema::draft202012::meta::validate(&s)
        .unwrap_or_else(|e| panic!("{kind:?} schema is not a valid 2020-12 schema: {e}"));
    jsonschema::draft202012::new(&s).unwrap_or_else(|e| panic!("{kind:?}: {e}"))
}

/// The schema for a record: by its `format` (office when unknown).
fn kind_of(record: &Value) -> SchemaKind {
    if record.get("format").and_then(Value::as_str) == Some("sifasuo.district/1") {
        SchemaKind::District
    } else {
        SchemaKind::Office
    }
}

fn errors(v: &Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path))
        .collect()
}

/// (file name, input value, expected codes) of every vector with a JSON `input`.
fn vectors() -> Vec<(String, Value, Vec<String>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo("tests/vectors/validation"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            let input = v.get("input")?.clone();
            let codes = v["expected_errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["code"].as_str().unwrap().to_string())
                .collect();
            Some((p.file_name().unwrap().to_string_lossy().into_owned(), input, codes))
        })
        .collect()
}

#[test]
fn schemas_are_draft_2020_12() {
    for kind in [SchemaKind::Office, SchemaKind::District] {
        let s = schema(kind);
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(s["type"], "object");
        assert_eq!(s["additionalProperties"], false);
        validator(kind);
    }
}

#[test]
fn spec_examples_pass_the_schema() {
    for (name, kind) in [
        ("office-street-2023", SchemaKind::Office),
        ("office-township-2023", SchemaKind::Office),
        ("district-2023", SchemaKind::District),
    ] {
        let v: Value =
            serde_json::from_str(&std::fs::read_to_string(repo(&format!("tests/examples/{name}.json"))).unwrap())
                .unwrap();
        let e = errors(&validator(kind), &v);
        assert!(e.is_empty(), "{name}: {e:?}");
    }
    // and each kind is rejected by the other's schema
    let district: Value =
        serde_json::from_str(&std::fs::read_to_string(repo("tests/examples/district-2023.json")).unwrap()).unwrap();
    assert!(!validator(SchemaKind::Office).is_valid(&district));
}

#[test]
fn valid_vectors_pass_the_schema() {
    let (office, district) = (validator(SchemaKind::Office), validator(SchemaKind::District));
    let mut failures = Vec::new();
    let mut n = 0;
    for (file, input, codes) in vectors().into_iter().filter(|(_, _, c)| c.is_empty()) {
        let v = if kind_of(&input) == SchemaKind::District {
            &district
        } else {
            &office
        };
        let e = errors(v, &input);
        if !e.is_empty() {
            failures.push(format!("{file}: {e:?} (expected {codes:?})"));
        }
        n += 1;
    }
    assert!(n >= 5, "only {n} valid vectors");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Codes whose problems the schema expresses too (types, required and unknown fields, enums,
/// ranges, lengths). Parts larger than wholes, duplicate units, blank names and personal data
/// are beyond a JSON Schema.
const SCHEMA_CODES: &[&str] = &[
    "type_error",
    "required",
    "unknown_field",
    "unknown_format",
    "unknown_standard",
    "year_out_of_range",
    "unknown_district",
    "invalid_enum",
    "out_of_range",
    "too_long",
    "too_many_units",
];

#[test]
fn invalid_vectors_fail_the_schema_too() {
    let (office, district) = (validator(SchemaKind::Office), validator(SchemaKind::District));
    let mut failures = Vec::new();
    let mut checked = Vec::new();
    for (file, input, codes) in vectors() {
        if codes.is_empty() || !codes.iter().all(|c| SCHEMA_CODES.contains(&c.as_str())) {
            continue;
        }
        let v = if kind_of(&input) == SchemaKind::District {
            &district
        } else {
            &office
        };
        if v.is_valid(&input) {
            failures.push(format!("{file}: accepted by the schema, expected {codes:?}"));
        }
        checked.push(file);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for must in [
        "out-of-range-negative-count.json",
        "unknown-field-with-suggestion.json",
        "unknown-field-nested.json",
        "invalid-enum-subdistrict-kind.json",
        "invalid-enum-archive.json",
        "unknown-district-short-name.json",
        "required-office-fields.json",
        "type-error-count-fraction.json",
    ] {
        assert!(checked.iter().any(|f| f == must), "{must} was not checked");
    }
    // an empty code, though a blank one is left to the validator
    let empty = vectors()
        .into_iter()
        .find(|(f, _, _)| f == "empty-string-code.json")
        .unwrap()
        .1;
    assert!(!office.is_valid(&empty));
}

/// Every property of every object of the schema has a `title` in Chinese.
#[test]
fn every_property_has_a_chinese_title() {
    fn chinese(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }
    let mut missing = Vec::new();
    let mut count = 0;
    for kind in [SchemaKind::Office, SchemaKind::District] {
        let s = schema(kind);
        let mut objects = vec![("(root)".to_string(), s.clone())];
        for (name, def) in s["$defs"].as_object().unwrap() {
            objects.push((name.clone(), def.clone()));
        }
        for (name, obj) in objects {
            let Some(props) = obj.get("properties").and_then(Value::as_object) else {
                continue;
            };
            for (prop, p) in props {
                count += 1;
                if !p.get("title").and_then(Value::as_str).is_some_and(chinese) {
                    missing.push(format!("{kind:?} {name}.{prop}"));
                }
            }
        }
    }
    assert!(count > 100, "only {count} properties");
    assert!(missing.is_empty(), "properties without a Chinese title: {missing:?}");
}

#[test]
fn schema_limits_match_the_validator() {
    let s = schema(SchemaKind::Office);
    let defs = &s["$defs"];
    assert_eq!(defs["Count"]["maximum"], sifasuo::model::MAX_COUNT);
    assert_eq!(defs["Count"]["minimum"], 0);
    assert_eq!(defs["AreaM2"]["maximum"].as_f64(), Some(sifasuo::model::MAX_AREA_M2));
    assert_eq!(defs["Ratio"]["maximum"], 1);
    assert_eq!(s["properties"]["units"]["maxItems"], sifasuo::model::MAX_UNITS);
    assert_eq!(s["properties"]["notes"]["maxLength"], sifasuo::model::MAX_NOTES_CHARS);
    assert_eq!(
        defs["OfficeInfo"]["properties"]["code"]["maxLength"],
        sifasuo::model::MAX_CODE_CHARS
    );
    let districts: Vec<&str> = defs["District"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["const"].as_str().unwrap())
        .collect();
    let want: Vec<&str> = sifasuo::model::District::ALL.iter().map(|d| d.name_zh()).collect();
    assert_eq!(districts, want);
}
