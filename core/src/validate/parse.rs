//! JSON text to a `serde_json::Value`, refusing duplicate keys, with bounded depth.
//!
//! serde_json's recursion limit (128) bounds nesting, so deep input is an error, never a
//! stack overflow.

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::fmt;

/// Largest record accepted, in bytes.
pub const MAX_RECORD_BYTES: usize = 64 * 1024 * 1024;

struct Strict;

impl<'de> DeserializeSeed<'de> for Strict {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(StrictVisitor)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("number is not finite"))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(Strict)? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(k) = map.next_key::<String>()? {
            let v = map.next_value_seed(Strict)?;
            if out.contains_key(&k) {
                let shown = super::pii::redact(&k);
                return Err(de::Error::custom(format_args!("duplicate key `{shown}`")));
            }
            out.insert(k, v);
        }
        Ok(Value::Object(out))
    }
}

/// Why a text could not be read as JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseFailure {
    /// Short reason (English), never containing personal data.
    pub reason: String,
    /// 1-based line, 0 when unknown.
    pub line: usize,
    /// 1-based column, 0 when unknown.
    pub column: usize,
    /// The duplicated key, when that was the problem.
    pub duplicate_key: Option<String>,
}

/// Parses one JSON value. A leading byte-order mark is ignored.
pub fn parse_json(text: &str) -> Result<Value, ParseFailure> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut de = serde_json::Deserializer::from_str(text);
    let v = Strict.deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    v.map_err(|e| {
        let msg = e.to_string();
        // serde_json appends " at line L column C"; keep the reason alone
        let reason = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        let duplicate_key = reason
            .strip_prefix("duplicate key `")
            .and_then(|r| r.strip_suffix('`'))
            .map(str::to_string);
        ParseFailure {
            reason,
            line: e.line(),
            column: e.column(),
            duplicate_key,
        }
    })
}
