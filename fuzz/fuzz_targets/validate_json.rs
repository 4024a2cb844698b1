//! Bytes → UTF-8 text → `validate::parse` and `api::validate`: never a panic, and no error ever
//! echoes a personal number.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sifasuo::validate::{self, pii};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let errors = match validate::parse(text) {
        Ok(_) => Vec::new(),
        Err(e) => e.0,
    };
    let again = match validate::parse_value(text) {
        Ok(v) => sifasuo::api::validate(&v),
        Err(e) => vec![e],
    };
    // the two doors agree
    assert_eq!(errors, again, "parse and api::validate disagree");
    for e in &errors {
        let shown = format!(
            "{}|{}|{}|{}",
            e.path,
            e.message,
            e.message_en,
            serde_json::Value::Object(e.ctx.clone())
        );
        assert!(pii::find(&shown).is_empty(), "a personal number is echoed: {shown}");
    }
});
