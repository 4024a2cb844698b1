//! Invariants of batches: permuting the order of a batch changes nothing but the row order. Each
//! record gets the same report (last year's ratio, duplicates and district roll-ups are found
//! wherever the records sit), and the ledger and the district summaries hold the same entries.
//!
//! Three things follow the input order by design and are left out or compared as sets: the
//! `office_codes` of a roll-up's problems ("in input order"), the order of the ledger's offices,
//! and the position of the first occurrence named by a `duplicate_record` error.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a failed unwrap or index is a failed test"
)]

use proptest::prelude::*;
use serde_json::{json, Value};
use sifasuo::batch::{Outcome, Row};
use sifasuo::{api, Parameters};
use std::collections::BTreeMap;
use std::path::PathBuf;

const CASES: u32 = 24;

fn example(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../tests/examples/{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// One record of a batch: which example, which office code, which year, how good.
#[derive(Debug, Clone)]
struct Spec {
    base: u8,
    code: u8,
    year: i32,
    staff_qualified: u64,
    area: u32,
    keep_previous_ratio: bool,
}

fn spec() -> impl Strategy<Value = Spec> {
    (0u8..3, 0u8..3, 2022i32..=2024, 0u64..=4, 80u32..200, any::<bool>()).prop_map(
        |(base, code, year, staff_qualified, area, keep_previous_ratio)| Spec {
            base,
            code,
            year,
            staff_qualified,
            area,
            keep_previous_ratio,
        },
    )
}

fn record(s: &Spec, bases: &[Value; 3]) -> Value {
    let mut r = bases[usize::from(s.base)].clone();
    r["year"] = json!(s.year);
    if s.base == 2 {
        return r; // a district record: only its year varies
    }
    r["office"]["code"] = json!(format!("11010{}00{}", s.base, s.code));
    r["staffing"]["legal_qualification"] = json!(s.staff_qualified.min(r["staffing"]["staff"].as_u64().unwrap()));
    r["support"]["premises"]["total_area_m2"] = json!(f64::from(s.area));
    if !s.keep_previous_ratio {
        r["staffing"]
            .as_object_mut()
            .unwrap()
            .remove("previous_qualification_ratio");
    }
    r
}

/// A batch and the same batch in another order.
fn batches() -> impl Strategy<Value = (Vec<Value>, Vec<Value>)> {
    let bases = [
        example("office-street-2023"),
        example("office-township-2023"),
        example("district-2023"),
    ];
    prop::collection::vec(spec(), 1..10).prop_flat_map(move |specs| {
        let records: Vec<Value> = specs.iter().map(|s| record(s, &bases)).collect();
        (Just(records.clone()), Just(records).prop_shuffle())
    })
}

/// `v` with every `office_codes` list sorted.
fn codes_sorted(mut v: Value) -> Value {
    match &mut v {
        Value::Object(o) => {
            for (k, x) in o.iter_mut() {
                if k == "office_codes" {
                    if let Value::Array(a) = x {
                        a.sort_by_key(Value::to_string);
                    }
                }
                *x = codes_sorted(x.take());
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| *x = codes_sorted(x.take())),
        _ => {}
    }
    v
}

/// Each record's outcome(s), keyed by the record's text. A `duplicate_record` error names the
/// first occurrence's position, which moves with the order: errors are compared by code and path.
fn by_record(records: &[Value], rows: &[Row]) -> BTreeMap<String, Vec<String>> {
    assert_eq!(records.len(), rows.len());
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (r, row) in records.iter().zip(rows) {
        let outcome = match &row.outcome {
            Outcome::Invalid { errors } => json!(errors.iter().map(|e| (e.code, &e.path)).collect::<Vec<_>>()),
            other => codes_sorted(serde_json::to_value(other).unwrap()),
        };
        out.entry(r.to_string()).or_default().push(outcome.to_string());
    }
    for v in out.values_mut() {
        v.sort();
    }
    out
}

fn ledger_entries(rows: &[Row]) -> (Vec<String>, String) {
    let l = api::ledger(rows).unwrap();
    let mut offices: Vec<String> = l.offices.iter().map(|o| serde_json::to_string(o).unwrap()).collect();
    offices.sort();
    (offices, serde_json::to_string(&(l.districts, l.city)).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn permuting_a_batch_changes_no_report((records, shuffled) in batches()) {
        let params = Parameters::default();
        let a = api::score_many(&records, &params);
        let b = api::score_many(&shuffled, &params);
        prop_assert_eq!(by_record(&records, &a), by_record(&shuffled, &b));
        prop_assert_eq!(ledger_entries(&a), ledger_entries(&b));
        let summaries = |rows: &[Row]| codes_sorted(serde_json::to_value(sifasuo::batch::district_summaries(rows)).unwrap());
        prop_assert_eq!(summaries(&a), summaries(&b));
    }

    #[test]
    fn rows_come_back_in_input_order((records, _) in batches()) {
        let rows = api::score_many(&records, &Parameters::default());
        prop_assert_eq!(rows.len(), records.len());
        for (i, row) in rows.iter().enumerate() {
            prop_assert_eq!(row.index, i);
            prop_assert_eq!(row.source.line, i + 1);
        }
    }
}
