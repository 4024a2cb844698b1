//! Shared report vectors (`tests/vectors/reports/*.json`): scoring `input` with `params` (an
//! override, or `null` for the defaults) and `previous_ratio` (last year's qualification ratio
//! from the batch, or `null`) gives exactly `expected`, as a JSON value and as canonical text.
//!
//! Regenerate `expected` after an intended change: `SIFASUO_BLESS=1 cargo test -p sifasuo --test
//! report_vectors`, then review the diff.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a failed unwrap or index is a failed test"
)]

use serde_json::Value;
use sifasuo::score::{score_district, score_with};
use sifasuo::{Parameters, Record};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const KEYS: [&str; 5] = ["description", "input", "params", "previous_ratio", "expected"];

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/reports")
}

fn vectors() -> Vec<(String, Value)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap())
                .unwrap_or_else(|e| panic!("{name}: not JSON: {e}"));
            (name, v)
        })
        .collect()
}

/// Scores a vector's input the way every binding does.
fn run(name: &str, v: &Value) -> Value {
    let params = match &v["params"] {
        Value::Null => Parameters::default(),
        over => Parameters::from_override(over).unwrap_or_else(|e| panic!("{name}: bad params: {e}")),
    };
    let previous = match &v["previous_ratio"] {
        Value::Null => None,
        x => Some(
            x.as_f64()
                .unwrap_or_else(|| panic!("{name}: previous_ratio is not a number")),
        ),
    };
    let record = sifasuo::validate::from_value(&v["input"]).unwrap_or_else(|e| panic!("{name}: invalid input: {e:?}"));
    match record {
        Record::Office(o) => serde_json::to_value(score_with(&o, &params, previous)).unwrap(),
        Record::District(d) => {
            assert!(previous.is_none(), "{name}: previous_ratio is for office records");
            serde_json::to_value(score_district(&d, &params, None)).unwrap()
        }
    }
}

fn blessing() -> bool {
    std::env::var("SIFASUO_BLESS").is_ok_and(|v| v == "1")
}

/// Rewrites `expected` (via a temporary file, so readers never see half a file).
fn bless(path: &Path, mut v: Value, expected: Value) {
    v["expected"] = expected;
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, serde_json::to_string_pretty(&v).unwrap() + "\n").unwrap();
    std::fs::rename(tmp, path).unwrap();
}

#[test]
fn every_vector_gives_exactly_its_expected_report() {
    let all = vectors();
    assert!(all.len() >= 23, "only {} report vectors", all.len());
    let blessing = blessing();
    let mut failures = Vec::new();
    for (name, v) in all {
        let keys: BTreeSet<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, KEYS.into_iter().collect(), "{name}: keys");
        assert!(
            v["description"].as_str().is_some_and(|d| !d.is_empty()),
            "{name}: description"
        );
        let actual = run(&name, &v);
        if blessing {
            bless(&dir().join(format!("{name}.json")), v, actual);
            continue;
        }
        let expected = &v["expected"];
        let same_value = actual == *expected;
        let same_text = serde_json::to_string(&actual).unwrap() == serde_json::to_string(expected).unwrap();
        if !(same_value && same_text) {
            failures.push(name);
        }
    }
    assert!(
        failures.is_empty(),
        "vectors differ (bless with SIFASUO_BLESS=1 and review): {failures:?}"
    );
}

fn vector(name: &str) -> Value {
    vectors()
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no vector {name}"))
        .1
}

fn example(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../tests/examples/{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_spec_examples_are_vectors_unchanged() {
    if blessing() {
        return; // the vectors are being rewritten
    }
    for name in ["office-street-2023", "office-township-2023", "district-2023"] {
        let v = vector(&format!("example-{name}"));
        assert_eq!(v["input"], example(name), "{name}");
        assert_eq!(
            (v["params"].clone(), v["previous_ratio"].clone()),
            (Value::Null, Value::Null)
        );
    }
}

fn finding<'a>(report: &'a Value, rule: &str) -> &'a Value {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == rule)
        .unwrap()
}

/// Reviewed by hand against the plan: the township example.
#[test]
fn township_example_as_reviewed() {
    if blessing() {
        return; // the vectors are being rewritten
    }
    let e = &vector("example-office-township-2023")["expected"];
    let area = finding(e, "t13-total-area");
    assert_eq!(area["status"], "fail");
    assert_eq!(area["observed"], 110.0);
    assert_eq!(area["expected"], 120.0);
    assert_eq!(area["shortfall"], 10.0);
    assert_eq!(area["unit"], "m2");
    assert_eq!(area["message"], "司法所用房面积110平方米，低于120平方米，还差10平方米");
    let savvy = finding(e, "t06-legal-savvy-persons");
    assert_eq!(savvy["status"], "partial");
    assert_eq!(
        savvy["units_failing"],
        serde_json::json!([{"name": "南阳村", "observed": 1}, {"name": "军屯村", "observed": 2}])
    );
    assert_eq!(savvy["points"], 2.0);
    let worst = ["basically_compliant", "non_compliant", "incomplete"];
    assert!(worst.contains(&e["grade"].as_str().unwrap()), "{}", e["grade"]);
    assert_eq!(e["grade"], "basically_compliant");
    assert_eq!(e["grade_zh"], "基本达标");
    assert_eq!(e["parameters"], "BJ-2022-42/default");
}

#[test]
fn vectors_cover_every_grade_year_and_override() {
    if blessing() {
        return; // the vectors are being rewritten
    }
    let all = vectors();
    let grades: BTreeSet<String> = all
        .iter()
        .filter_map(|(_, v)| v["expected"]["grade"].as_str().map(str::to_string))
        .collect();
    for g in [
        "exemplary",
        "compliant",
        "basically_compliant",
        "non_compliant",
        "incomplete",
    ] {
        assert!(grades.contains(g), "no vector graded {g}");
    }
    let district_years: BTreeSet<i64> = all
        .iter()
        .filter(|(_, v)| v["input"]["format"] == "sifasuo.district/1")
        .filter_map(|(_, v)| v["input"]["year"].as_i64())
        .collect();
    assert_eq!(district_years, [2022, 2023, 2024].into_iter().collect());
    let overrides = all.iter().filter(|(_, v)| !v["params"].is_null()).count();
    assert!(overrides >= 3);
    for (name, v) in all.iter().filter(|(_, v)| !v["params"].is_null()) {
        let id = v["params"]["id"].as_str().unwrap_or("BJ-2022-42/custom");
        assert_eq!(
            v["expected"]["parameters"], id,
            "{name}: the override's id is in the report"
        );
    }
    let per_unit_failures = all
        .iter()
        .filter(|(_, v)| {
            v["expected"]["findings"].as_array().is_some_and(|f| {
                f.iter()
                    .any(|f| f["units_failing"].as_array().is_some_and(|u| !u.is_empty()))
            })
        })
        .count();
    assert!(per_unit_failures >= 3);
}
