//! Bytes → CSV (and, when they look like a zip, a workbook) → import → validate and score:
//! never a panic, and no error ever echoes a personal number.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sifasuo::flat;
use sifasuo::validate::pii;

fuzz_target!(|data: &[u8]| {
    let mut sheets = Vec::new();
    if let Ok(s) = flat::read_csv("fuzz.csv", data) {
        sheets.push(s);
    }
    if data.starts_with(b"PK") {
        if let Ok(s) = flat::xlsx::read_xlsx(data) {
            sheets.extend(s);
        }
    }
    let import = flat::import("fuzz", &sheets, false);
    let rows = import.score(&sheets, &sifasuo::Parameters::default());
    assert!(rows.len() == import.items.len(), "a row was dropped");
    let result = import.result(&sheets, true);
    let shown = serde_json::to_string(&result.errors).unwrap_or_default();
    assert!(pii::find(&shown).is_empty(), "a personal number is echoed: {shown}");
});
