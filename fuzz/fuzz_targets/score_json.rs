//! Bytes → UTF-8 text → `validate::parse` → score: never a panic, a score within 0..=100, and
//! no report echoing a personal number.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sifasuo::validate::{self, pii};
use sifasuo::{Parameters, Record};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(record) = validate::parse(text) else { return };
    let params = Parameters::default();
    let (score, json) = match record {
        Record::Office(o) => {
            let r = sifasuo::score::score(&o, &params);
            (r.score, serde_json::to_string(&r))
        }
        Record::District(d) => {
            let r = sifasuo::score::score_district(&d, &params, None);
            (r.score, serde_json::to_string(&r))
        }
    };
    assert!((0.0..=100.0).contains(&score), "score {score} out of 0..=100");
    let json = json.unwrap_or_default();
    assert!(pii::find(&json).is_empty(), "a personal number is in the report");
});
