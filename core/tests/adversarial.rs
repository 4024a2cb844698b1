//! The adversarial corpus (`tests/adversarial/`): hostile inputs through `validate::parse`,
//! `api::validate` and `api::score` (and, for bytes that are not UTF-8, the batch reader).
//! Every case gives exactly its expected errors, within `max_seconds`, and no message, context
//! or report echoes a personal number.
//!
//! Big cases are generated from `tests/adversarial/cases.json`; small ones are literal files in
//! `tests/adversarial/files/`. Rewrite the `expect` of every case after an intended change:
//! `SIFASUO_BLESS=1 cargo test -p sifasuo --test adversarial`, then review the diff.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a failed unwrap or index is a failed test"
)]

use serde_json::{json, Value};
use sifasuo::batch::{self, Outcome};
use sifasuo::{api, validate, Parameters, ValidationError};
use std::path::PathBuf;
use std::time::{Duration, Instant};

const PLACEHOLDER: &str = "\u{1}generated\u{1}";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn spec() -> Value {
    let text = std::fs::read_to_string(root().join("tests/adversarial/cases.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The JSON text of a generated value.
fn generate(g: &Value) -> String {
    let size = usize::try_from(g["size"].as_u64().unwrap()).unwrap();
    match g["kind"].as_str().unwrap() {
        "deep_array" => "[".repeat(size) + &"]".repeat(size),
        "deep_object" => r#"{"a":"#.repeat(size) + "0" + &"}".repeat(size),
        "string" => format!("\"{}\"", g["unit"].as_str().unwrap().repeat(size)),
        "array" => {
            let item = g["item"].as_str().unwrap();
            let mut s = String::with_capacity((item.len() + 1) * size + 2);
            s.push('[');
            for i in 0..size {
                if i > 0 {
                    s.push(',');
                }
                s.push_str(item);
            }
            s.push(']');
            s
        }
        other => panic!("unknown generator {other}"),
    }
}

/// Puts `new` at JSON Pointer `ptr` (the last token may be a new key).
fn set(v: &mut Value, ptr: &str, new: Value) {
    let tokens: Vec<String> = ptr
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect();
    let (last, parents) = tokens.split_last().unwrap();
    let mut at = v;
    for t in parents {
        at = match at {
            Value::Array(a) => &mut a[t.parse::<usize>().unwrap()],
            Value::Object(o) => o.get_mut(t).unwrap(),
            _ => panic!("{ptr}: no container at {t}"),
        };
    }
    match at {
        Value::Array(a) => a[last.parse::<usize>().unwrap()] = new,
        Value::Object(o) => {
            o.insert(last.clone(), new);
        }
        _ => panic!("{ptr}: no container"),
    }
}

/// The input bytes of one case.
fn input(spec: &Value, case: &Value) -> Vec<u8> {
    if let Some(f) = case["file"].as_str() {
        return std::fs::read(root().join("tests/adversarial").join(f)).unwrap();
    }
    let Some(at) = case["at"].as_str() else {
        return generate(&case["gen"]).into_bytes();
    };
    let base = std::fs::read_to_string(root().join(spec["base"].as_str().unwrap())).unwrap();
    let mut record: Value = serde_json::from_str(&base).unwrap();
    if case["gen"].is_object() {
        set(&mut record, at, json!(PLACEHOLDER));
        let text = record.to_string();
        let quoted = serde_json::to_string(PLACEHOLDER).unwrap();
        text.replacen(&quoted, &generate(&case["gen"]), 1).into_bytes()
    } else {
        set(&mut record, at, case["value"].clone());
        record.to_string().into_bytes()
    }
}

/// `[code, path]` of every error, sorted.
fn pairs(errors: &[ValidationError]) -> Value {
    let mut p: Vec<(String, String)> = errors
        .iter()
        .map(|e| (e.code.as_str().to_string(), e.path.clone()))
        .collect();
    p.sort();
    json!(p)
}

/// Runs one case through every Rust entry point; returns the errors and everything shown.
fn run(name: &str, bytes: &[u8]) -> (Vec<ValidationError>, String) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        // only the batch reader takes bytes: a JSON-lines file with this one line
        let path = std::env::temp_dir().join(format!("sifasuo-adversarial-{}-{name}.jsonl", std::process::id()));
        std::fs::write(&path, bytes).unwrap();
        let items: Vec<_> = batch::file_items(&path).unwrap().collect();
        std::fs::remove_file(&path).unwrap();
        let errors: Vec<ValidationError> = items.into_iter().filter_map(|(_, r)| r.err()).collect();
        let shown = serde_json::to_string(&errors).unwrap();
        return (errors, shown);
    };
    let params = Parameters::default();
    let errors = validate::parse(text).err().map(|e| e.0).unwrap_or_default();
    let mut shown = serde_json::to_string(&errors).unwrap();
    match validate::parse_value(text) {
        Err(e) => assert_eq!(vec![e], errors, "{name}: parse_value and parse disagree"),
        Ok(v) => {
            assert_eq!(api::validate(&v), errors, "{name}: api::validate and parse disagree");
            let out = api::score(&v, &params);
            if let Outcome::Invalid { errors: e } = &out {
                assert_eq!(*e, errors, "{name}: api::score and parse disagree");
            } else {
                assert!(errors.is_empty(), "{name}: scored although invalid");
            }
            shown.push_str(&serde_json::to_string(&out).unwrap());
        }
    }
    (errors, shown)
}

fn blessing() -> bool {
    std::env::var("SIFASUO_BLESS").is_ok_and(|v| v == "1")
}

#[test]
fn every_adversarial_case_gives_its_errors_quickly_and_echoes_no_personal_number() {
    let mut spec = spec();
    let max = Duration::from_secs(spec["max_seconds"].as_u64().unwrap());
    let secrets: Vec<String> = spec["personal_numbers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect();
    let cases = spec["cases"].as_array().unwrap().clone();
    assert!(cases.len() >= 40, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let name = case["name"].as_str().unwrap();
        let bytes = input(&spec, case);
        let start = Instant::now();
        let (errors, shown) = run(name, &bytes);
        let took = start.elapsed();
        assert!(took < max, "{name}: took {took:?}");
        for s in &secrets {
            assert!(!shown.contains(s.as_str()), "{name}: `{s}` is echoed");
        }
        for e in &errors {
            assert!(
                e.message.chars().count() < 2000 && e.message_en.chars().count() < 2000,
                "{name}: long message"
            );
            assert!(
                e.ctx.values().map(Value::to_string).all(|c| c.len() < 2000),
                "{name}: long ctx"
            );
        }
        if errors.is_empty() && case["valid"] != true && !blessing() {
            failures.push(format!("{name}: accepted (mark it \"valid\": true if intended)"));
        }
        let got = pairs(&errors);
        if blessing() {
            spec["cases"][i]["expect"] = got;
        } else if got != case["expect"] {
            failures.push(format!("{name}: got {got}, expected {}", case["expect"]));
        }
    }
    if blessing() {
        let path = root().join("tests/adversarial/cases.json");
        std::fs::write(path, serde_json::to_string_pretty(&spec).unwrap() + "\n").unwrap();
    }
    assert!(
        failures.is_empty(),
        "cases differ (bless with SIFASUO_BLESS=1 and review):\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_personal_numbers_are_personal_numbers() {
    // the corpus is only adversarial if core would flag these numbers
    for n in ["11010519491231002X", "13812345678"] {
        assert_eq!(validate::pii::find(n).len(), 1, "{n}");
    }
}
