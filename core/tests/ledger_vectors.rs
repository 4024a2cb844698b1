//! Shared ledger vectors (`tests/vectors/ledger/*.json`): the office records of several years are
//! scored as one batch (`api::score_many`), the rows that come back invalid are exactly
//! `invalid_rows`, and `api::ledger` over the rows gives exactly `expected`, as a JSON value and
//! as canonical text.
//!
//! Regenerate `invalid_rows` and `expected` after an intended change: `SIFASUO_BLESS=1 cargo test
//! -p sifasuo --test ledger_vectors`, then review the diff.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a failed unwrap or index is a failed test"
)]

use serde_json::{json, Value};
use sifasuo::batch::{Outcome, Row};
use sifasuo::ledger::LedgerError;
use sifasuo::{api, Parameters, Record};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const KEYS: [&str; 5] = ["description", "records", "params", "invalid_rows", "expected"];

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/ledger")
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

fn params(name: &str, v: &Value) -> Parameters {
    match &v["params"] {
        Value::Null => Parameters::default(),
        over => Parameters::from_override(over).unwrap_or_else(|e| panic!("{name}: bad params: {e}")),
    }
}

fn records(v: &Value) -> &[Value] {
    v["records"].as_array().map(Vec::as_slice).unwrap_or_default()
}

/// `[{index, codes}]` of the rows that are not reports.
fn invalid_rows(rows: &[Row]) -> Value {
    rows.iter()
        .filter_map(|r| match &r.outcome {
            Outcome::Invalid { errors } => {
                Some(json!({"index": r.index, "codes": errors.iter().map(|e| e.code).collect::<Vec<_>>()}))
            }
            _ => None,
        })
        .collect()
}

/// Runs a vector the way every binding does: batch, then ledger.
fn run(name: &str, v: &Value) -> (Value, Value) {
    let rows = api::score_many(records(v), &params(name, v));
    let ledger = api::ledger(&rows).unwrap_or_else(|e| panic!("{name}: ledger error: {e}"));
    (invalid_rows(&rows), serde_json::to_value(ledger).unwrap())
}

fn blessing() -> bool {
    std::env::var("SIFASUO_BLESS").is_ok_and(|v| v == "1")
}

/// Rewrites `invalid_rows` and `expected` (via a temporary file, so readers never see half a file).
fn bless(path: &Path, mut v: Value, invalid: Value, expected: Value) {
    v["invalid_rows"] = invalid;
    v["expected"] = expected;
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, serde_json::to_string_pretty(&v).unwrap() + "\n").unwrap();
    std::fs::rename(tmp, path).unwrap();
}

#[test]
fn every_vector_gives_exactly_its_expected_ledger() {
    let all = vectors();
    assert!(all.len() >= 6, "only {} ledger vectors", all.len());
    let blessing = blessing();
    let mut failures = Vec::new();
    for (name, v) in all {
        let keys: BTreeSet<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, KEYS.into_iter().collect(), "{name}: keys");
        assert!(
            v["description"].as_str().is_some_and(|d| !d.is_empty()),
            "{name}: description"
        );
        assert!(!records(&v).is_empty(), "{name}: records");
        let (invalid, actual) = run(&name, &v);
        if blessing {
            bless(&dir().join(format!("{name}.json")), v, invalid, actual);
            continue;
        }
        let same =
            |a: &Value, b: &Value| a == b && serde_json::to_string(a).unwrap() == serde_json::to_string(b).unwrap();
        if !(same(&invalid, &v["invalid_rows"]) && same(&actual, &v["expected"])) {
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

fn movements(v: &Value) -> Vec<(i64, i64, String, String)> {
    let mut out = Vec::new();
    for o in v["expected"]["offices"].as_array().unwrap() {
        for i in o["items"].as_array().unwrap() {
            out.push((
                o["from_year"].as_i64().unwrap(),
                o["to_year"].as_i64().unwrap(),
                i["rule"].as_str().unwrap().to_string(),
                i["movement"].as_str().unwrap().to_string(),
            ));
        }
    }
    out
}

/// What each vector is named after is what its ledger shows (reviewed by hand).
#[test]
fn vectors_show_what_they_are_named_after() {
    if blessing() {
        return; // the vectors are being rewritten
    }
    let m = |name: &str| movements(&vector(name));
    let rule = |y0, y1, r: &str, mv: &str| (y0, y1, r.to_string(), mv.to_string());
    assert_eq!(m("closed"), [rule(2022, 2023, "t12-management-rules", "closed")]);
    assert_eq!(vector("closed")["expected"]["city"][0]["tally"]["closure_rate"], 1.0);
    assert_eq!(m("open"), [rule(2022, 2023, "t12-management-rules", "open")]);
    assert_eq!(vector("open")["expected"]["city"][0]["tally"]["closure_rate"], 0.0);
    assert_eq!(m("regressed"), [rule(2022, 2023, "t12-management-rules", "regressed")]);
    assert_eq!(
        vector("regressed")["expected"]["city"][0]["tally"]["closure_rate"],
        Value::Null
    );
    assert!(m("new").contains(&rule(2022, 2023, "t13-signage", "new")));
    let three = m("three-years");
    for (y0, y1, mv) in [(2022, 2023, "closed"), (2022, 2024, "open"), (2023, 2024, "regressed")] {
        assert!(
            three.contains(&rule(y0, y1, "t12-management-rules", mv)),
            "{y0}→{y1} {mv}"
        );
    }
    let t = vector("three-years");
    assert_eq!(t["expected"]["offices"].as_array().unwrap().len(), 6);
    let pairs: Vec<(i64, i64)> = t["expected"]["city"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["from_year"].as_i64().unwrap(), a["to_year"].as_i64().unwrap()))
        .collect();
    assert_eq!(pairs, [(2022, 2023), (2022, 2024), (2023, 2024)]);
    let dup = vector("duplicate-office-year");
    assert_eq!(
        dup["invalid_rows"],
        json!([{"index": 1, "codes": ["duplicate_record"]}, {"index": 2, "codes": ["duplicate_record"]}])
    );
    assert_eq!(dup["expected"], json!({"offices": [], "districts": [], "city": []}));
    assert!(m("override-stricter-area").contains(&rule(2022, 2023, "t13-total-area", "open")));
}

/// Below the batch, the ledger itself refuses an office twice in one year.
#[test]
fn ledger_of_reports_refuses_a_duplicate_office_year() {
    let v = vector("duplicate-office-year");
    let reports: Vec<_> = records(&v)
        .iter()
        .map(|r| match sifasuo::validate::from_value(r).unwrap() {
            Record::Office(o) => sifasuo::score::score(&o, &Parameters::default()),
            Record::District(_) => panic!("office records only"),
        })
        .collect();
    let err = sifasuo::ledger::ledger(&reports).unwrap_err();
    assert!(
        matches!(err, LedgerError::Duplicate { ref code, year: 2023 } if code == "110105004"),
        "{err:?}"
    );
}
