//! Validation: the shared vectors in `tests/vectors/validation/`, the spec examples, personal
//! data never echoed, and adversarial inputs (deep nesting, huge strings and arrays).
//!
//! The library API takes `&str`, so invalid UTF-8 cannot reach it; the byte-level path (a file
//! with invalid UTF-8) is tested through the command line in `tests/cli.rs`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a failed unwrap or index is a failed test"
)]

use serde_json::{json, Value};
use sifasuo::validate::{self, ErrorCode, ValidationError};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(rel)
}

/// One vector file.
struct Vector {
    file: String,
    text: String,
    expected: Vec<(String, String)>,
}

fn load_vectors() -> Vec<Vector> {
    let dir = repo("tests/vectors/validation");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let file = p.file_name().unwrap().to_string_lossy().into_owned();
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap())
                .unwrap_or_else(|e| panic!("{file}: not JSON: {e}"));
            let keys: BTreeSet<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
            assert!(
                keys == BTreeSet::from(["description", "input", "expected_errors"])
                    || keys == BTreeSet::from(["description", "input_text", "expected_errors"]),
                "{file}: unexpected keys {keys:?}"
            );
            assert!(
                v["description"].as_str().is_some_and(|d| !d.is_empty()),
                "{file}: no description"
            );
            let text = match v.get("input_text") {
                Some(t) => t
                    .as_str()
                    .unwrap_or_else(|| panic!("{file}: input_text is not a string"))
                    .to_string(),
                None => serde_json::to_string(&v["input"]).unwrap(),
            };
            let expected = v["expected_errors"]
                .as_array()
                .unwrap_or_else(|| panic!("{file}: expected_errors is not an array"))
                .iter()
                .map(|e| {
                    (
                        e["code"].as_str().unwrap().to_string(),
                        e["path"].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            Vector { file, text, expected }
        })
        .collect()
}

fn errors_of(text: &str) -> Vec<ValidationError> {
    validate::parse(text).err().map(|e| e.0).unwrap_or_default()
}

fn sorted_pairs(errors: &[ValidationError]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = errors.iter().map(|e| (e.code.to_string(), e.path.clone())).collect();
    v.sort();
    v
}

/// ASCII digits for full-width ones, so that a number is found whichever way it was written.
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF10}'..='\u{FF19}' => char::from_u32(u32::from(c) - 0xFF10 + u32::from('0')).unwrap(),
            c => c,
        })
        .collect()
}

/// Every number in `text` that could be personal: each run of exactly 11 digits, the last 11
/// digits of a run after 86 / 0086, and every 18-character run (17 digits and a digit or X).
fn personal_looking_numbers(text: &str) -> BTreeSet<String> {
    let chars: Vec<char> = ascii_digits(text).chars().collect();
    let mut out = BTreeSet::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let mut run: String = chars[start..i].iter().collect();
        if run.len() == 17 && i < chars.len() && matches!(chars[i], 'x' | 'X') {
            run.push(chars[i]);
        }
        match run.len() {
            11 | 18 => {
                out.insert(run);
            }
            13 | 15 => {
                out.insert(run[run.len() - 11..].to_string());
            }
            _ => {}
        }
    }
    out
}

/// Checks that no personal-looking number of `input` appears in the serialised `errors`.
fn assert_nothing_echoed(name: &str, input: &str, errors: &[ValidationError]) -> Result<(), String> {
    let out = ascii_digits(&serde_json::to_string(errors).unwrap());
    let shown = ascii_digits(&errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"));
    for n in personal_looking_numbers(input) {
        for hay in [&out, &shown] {
            if hay.contains(&n) || hay.to_lowercase().contains(&n.to_lowercase()) {
                return Err(format!("{name}: `{n}` from the input appears in the errors: {hay}"));
            }
        }
    }
    Ok(())
}

/// The path of every error points at a value of the input (or, for `required`, at a member
/// of an object of the input).
fn assert_paths_resolve(name: &str, input: &Value, errors: &[ValidationError]) -> Result<(), String> {
    for e in errors {
        if e.path.contains('*') || e.path.contains('…') {
            continue; // masked or shortened key
        }
        let target = match e.code {
            ErrorCode::Required => e
                .path
                .rsplit_once('/')
                .map(|(parent, _)| parent.to_string())
                .unwrap_or_default(),
            _ => e.path.clone(),
        };
        if input.pointer(&target).is_none() {
            return Err(format!("{name}: path `{}` of {} is not in the input", e.path, e.code));
        }
    }
    Ok(())
}

#[test]
fn vectors() {
    let vectors = load_vectors();
    assert!(vectors.len() >= 45, "only {} vectors", vectors.len());
    let mut failures = Vec::new();
    for v in &vectors {
        let errors = errors_of(&v.text);
        let mut expected = v.expected.clone();
        expected.sort();
        let actual = sorted_pairs(&errors);
        if actual != expected {
            let shown: Vec<String> = errors
                .iter()
                .map(|e| format!("{} {} — {}", e.code, e.path, e.message))
                .collect();
            failures.push(format!(
                "{}:\n  expected {expected:?}\n  actual   {actual:?}\n    {}",
                v.file,
                shown.join("\n    ")
            ));
        }
        for e in &errors {
            if e.message.is_empty() || e.message_en.is_empty() {
                failures.push(format!("{}: {} has an empty message", v.file, e.code));
            }
        }
        if let Err(f) = assert_nothing_echoed(&v.file, &v.text, &errors) {
            failures.push(f);
        }
        if let Ok(input) = serde_json::from_str::<Value>(v.text.trim_start_matches('\u{feff}')) {
            if let Err(f) = assert_paths_resolve(&v.file, &input, &errors) {
                failures.push(f);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} vectors failed:\n{}",
        failures.len(),
        vectors.len(),
        failures.join("\n")
    );
}

#[test]
fn every_code_is_covered_by_a_vector() {
    let vectors = load_vectors();
    let used: BTreeSet<String> = vectors
        .iter()
        .flat_map(|v| v.expected.iter().map(|(c, _)| c.clone()))
        .collect();
    let known: BTreeSet<String> = ErrorCode::ALL.iter().map(|c| c.to_string()).collect();
    let unknown: Vec<&String> = used.difference(&known).collect();
    assert!(unknown.is_empty(), "vectors use unknown codes {unknown:?}");
    // duplicate_record is a batch-level code (tests/batch.rs); input_too_large needs a 64 MB
    // input, built in `adversarial_inputs_are_refused_quickly` below; unmatched_unit comes only
    // from spreadsheets (tests/flat.rs, `unit_rows_join_their_office_and_errors_point_at_unit_rows`)
    let missing: Vec<&str> = ErrorCode::ALL
        .iter()
        .filter(|c| {
            !matches!(
                c,
                ErrorCode::DuplicateRecord | ErrorCode::InputTooLarge | ErrorCode::UnmatchedUnit
            )
        })
        .map(|c| c.as_str())
        .filter(|c| !used.contains(*c))
        .collect();
    assert!(missing.is_empty(), "codes without a vector: {missing:?}");
    assert!(
        vectors.iter().filter(|v| v.expected.is_empty()).count() >= 5,
        "too few valid vectors"
    );
    let pairs = vectors
        .iter()
        .filter(|v| v.file.starts_with("part-exceeds-whole-"))
        .count();
    assert!(pairs >= 8, "only {pairs} part > whole vectors");
}

#[test]
fn spec_examples_validate_clean() {
    for name in ["office-street-2023", "office-township-2023", "district-2023"] {
        let text = std::fs::read_to_string(repo(&format!("tests/examples/{name}.json"))).unwrap();
        let errors = errors_of(&text);
        assert!(errors.is_empty(), "{name}: {errors:?}");
        let v: Value = serde_json::from_str(&text).unwrap();
        assert!(validate::validate_value(&v).is_empty(), "{name}");
    }
}

#[test]
fn error_codes_are_listed_and_stable() {
    let codes: Vec<&str> = validate::error_codes().iter().map(|c| c.as_str()).collect();
    assert_eq!(codes.len(), ErrorCode::ALL.len());
    let unique: BTreeSet<&&str> = codes.iter().collect();
    assert_eq!(unique.len(), codes.len());
    for c in ErrorCode::ALL {
        // serde and as_str agree; descriptions exist
        assert_eq!(serde_json::to_value(c).unwrap(), json!(c.as_str()));
        assert!(!c.description().is_empty());
        assert!(c.as_str().chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'));
    }
}

/// Runs `f` and checks it takes less than `limit`; returns the time taken.
fn timed<T>(what: &str, limit: Duration, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    eprintln!("{what}: {took:?}");
    assert!(took < limit, "{what} took {took:?}");
    out
}

fn only(errors: &[ValidationError], code: ErrorCode, path: &str) {
    assert_eq!(
        sorted_pairs(errors),
        vec![(code.to_string(), path.to_string())],
        "{errors:#?}"
    );
}

fn street() -> Value {
    serde_json::from_str(&std::fs::read_to_string(repo("tests/examples/office-street-2023.json")).unwrap()).unwrap()
}

// Generous limits: the point is "quickly and without a crash", in debug builds too.
const LIMIT: Duration = Duration::from_secs(20);

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let n = 100_000;
    let arrays = format!("{}{}", "[".repeat(n), "]".repeat(n));
    only(
        &timed("100,000 nested arrays", LIMIT, || errors_of(&arrays)),
        ErrorCode::InvalidJson,
        "",
    );
    let objects = format!("{}1{}", r#"{"a":"#.repeat(n), "}".repeat(n));
    only(
        &timed("100,000 nested objects", LIMIT, || errors_of(&objects)),
        ErrorCode::InvalidJson,
        "",
    );
    let unclosed = "[{\"a\":".repeat(n);
    only(
        &timed("100,000 unclosed levels", LIMIT, || errors_of(&unclosed)),
        ErrorCode::InvalidJson,
        "",
    );
    // inside a record
    let inside = format!(
        r#"{{"format": "sifasuo.office/1", "notes": {}{}}}"#,
        "[".repeat(n),
        "]".repeat(n)
    );
    only(
        &timed("nested arrays in notes", LIMIT, || errors_of(&inside)),
        ErrorCode::InvalidJson,
        "",
    );
}

#[test]
fn huge_values_give_one_error_quickly() {
    let mut rec = street();
    rec["notes"] = json!("备".repeat(10 * 1024 * 1024 / 3));
    let text = rec.to_string();
    only(
        &timed("10 MB notes", LIMIT, || errors_of(&text)),
        ErrorCode::TooLong,
        "/notes",
    );

    // a 10 MB note full of mobile numbers: one error per number, none echoed
    let mut rec = street();
    rec["notes"] = json!("13812345678，".repeat(1_000));
    let text = rec.to_string();
    let errors = timed("1,000 mobile numbers in notes", LIMIT, || errors_of(&text));
    assert_eq!(
        errors.iter().filter(|e| e.code == ErrorCode::PersonalData).count(),
        1_000
    );
    assert!(errors.iter().all(|e| e.path == "/notes"));
    assert_nothing_echoed("mobiles", &text, &errors).unwrap();

    let mut rec = street();
    rec["units"] = Value::Array(
        (0..100_000)
            .map(|i| json!({"name": format!("第{i}村"), "kind": "village"}))
            .collect(),
    );
    let text = rec.to_string();
    only(
        &timed("100,000 units", LIMIT, || errors_of(&text)),
        ErrorCode::TooManyUnits,
        "/units",
    );

    let mut rec = street();
    rec["mediation"]["mediators"] = Value::Array(vec![json!(1); 1_000_000]);
    let text = rec.to_string();
    only(
        &timed("1,000,000-element array in a count", LIMIT, || errors_of(&text)),
        ErrorCode::TypeError,
        "/mediation/mediators",
    );
}

#[test]
fn adversarial_inputs_are_refused_quickly() {
    let too_large = format!(r#"{{"notes": "{}"}}"#, "a".repeat(validate::MAX_RECORD_BYTES));
    only(
        &timed("64 MB input", LIMIT, || errors_of(&too_large)),
        ErrorCode::InputTooLarge,
        "",
    );

    for (what, text) in [
        ("empty input", ""),
        ("whitespace input", " \n\t\r\n"),
        ("lone surrogate", r#"{"notes": "\ud800"}"#),
    ] {
        only(&timed(what, LIMIT, || errors_of(text)), ErrorCode::InvalidJson, "");
    }

    // 20,000 unknown fields: every one reported (with a did-you-mean search), still quick
    let mut rec = street();
    for i in 0..20_000 {
        rec[format!("extra_field_{i}")] = json!(i);
    }
    let text = rec.to_string();
    let errors = timed("20,000 unknown fields", LIMIT, || errors_of(&text));
    assert_eq!(errors.len(), 20_000);
    assert!(errors.iter().all(|e| e.code == ErrorCode::UnknownField));

    // 1,000 units with several errors each: all collected
    let mut rec = street();
    rec["units"] = Value::Array(
        (0..1_000)
            .map(|_| json!({"name": "", "kind": "town", "culture_sites": -1, "legal_advisor": "yes", "x": 1}))
            .collect(),
    );
    let text = rec.to_string();
    let errors = timed("1,000 bad units", LIMIT, || errors_of(&text));
    assert_eq!(errors.len(), 5_000);
}

/// Every leaf of the example replaced by odd values: never a panic, always a verdict, and every
/// error path points into the record.
#[test]
fn odd_values_anywhere_never_panic() {
    fn leaves(v: &Value, path: String, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => m.iter().for_each(|(k, v)| leaves(v, format!("{path}/{k}"), out)),
            Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, v)| leaves(v, format!("{path}/{i}"), out)),
            _ => {}
        }
        out.push(path);
    }
    let base = street();
    let mut paths = Vec::new();
    leaves(&base, String::new(), &mut paths);
    let odd = [
        json!(null),
        json!(-1),
        json!(0.5),
        json!(1e308),
        json!(u64::MAX),
        json!(""),
        json!("13812345678"),
        json!([]),
        json!({}),
        json!(true),
    ];
    let mut failures = Vec::new();
    for p in paths.iter().filter(|p| !p.is_empty()) {
        for o in &odd {
            let mut rec = base.clone();
            *rec.pointer_mut(p).unwrap() = o.clone();
            let text = rec.to_string();
            let errors = errors_of(&text);
            if let Err(f) = assert_paths_resolve(p, &rec, &errors) {
                failures.push(f);
            }
            if let Err(f) = assert_nothing_echoed(p, &text, &errors) {
                failures.push(f);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // truncated text at many places
    let text = base.to_string();
    for cut in (0..text.len()).step_by(37).filter(|i| text.is_char_boundary(*i)) {
        let errors = errors_of(&text[..cut]);
        assert!(!errors.is_empty(), "truncated at {cut} is valid?");
    }
}

#[test]
fn typed_records_round_trip_through_validation() {
    let text = std::fs::read_to_string(repo("tests/examples/office-township-2023.json")).unwrap();
    let sifasuo::Record::Office(rec) = validate::parse(&text).unwrap() else {
        panic!("not an office")
    };
    assert!(validate::validate_office(&rec).is_empty());
    let mut bad = (*rec).clone();
    bad.notes = Some("电话13812345678".into());
    bad.office.code = String::new();
    let errors = validate::validate_office(&bad);
    let mut codes: Vec<&str> = errors.iter().map(|e| e.code.as_str()).collect();
    codes.sort_unstable();
    assert_eq!(codes, ["empty_string", "personal_data"]);

    let text = std::fs::read_to_string(repo("tests/examples/district-2023.json")).unwrap();
    let sifasuo::Record::District(d) = validate::parse(&text).unwrap() else {
        panic!("not a district")
    };
    assert!(validate::validate_district(&d).is_empty());
}
