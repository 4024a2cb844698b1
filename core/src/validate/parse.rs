//! JSON text to a `serde_json::Value`, refusing duplicate keys, with bounded depth.
//!
//! serde_json's recursion limit (128) bounds nesting, so deep input is an error, never a
//! stack overflow.

use super::pii::redact;
use super::reader::escape;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::map::Entry;
use serde_json::{Map, Number, Value};
use std::cell::RefCell;
use std::fmt;

/// Largest record accepted, in bytes.
pub const MAX_RECORD_BYTES: usize = 64 * 1024 * 1024;

/// One reference token of the path being read.
enum Token {
    Key(String),
    Index(usize),
}

/// State shared by the visitors of one parse: where we are, and the duplicate key if one was found.
#[derive(Default)]
struct Trail {
    /// Reference tokens (unescaped) from the root to the value being read.
    stack: Vec<Token>,
    /// JSON Pointer of the duplicated key (redacted) and the key itself (redacted).
    duplicate: Option<(String, String)>,
}

impl Trail {
    /// JSON Pointer to `key` inside the value at the top of the stack, with personal data masked.
    fn pointer_to(&self, key: &str) -> String {
        let mut p = String::new();
        for t in &self.stack {
            p.push('/');
            match t {
                Token::Key(k) => p.push_str(&escape(&redact(k))),
                Token::Index(i) => p.push_str(&escape(&redact(&i.to_string()))),
            }
        }
        p.push('/');
        p.push_str(&escape(&redact(key)));
        p
    }
}

#[derive(Clone, Copy)]
struct Strict<'t>(&'t RefCell<Trail>);

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
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
        loop {
            self.0.borrow_mut().stack.push(Token::Index(out.len()));
            let next = seq.next_element_seed(self)?;
            self.0.borrow_mut().stack.pop();
            match next {
                Some(v) => out.push(v),
                None => return Ok(Value::Array(out)),
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(k) = map.next_key::<String>()? {
            self.0.borrow_mut().stack.push(Token::Key(k));
            let v = map.next_value_seed(self)?;
            let mut trail = self.0.borrow_mut();
            let k = match trail.stack.pop() {
                Some(Token::Key(k)) => k,
                _ => String::new(),
            };
            match out.entry(k) {
                Entry::Vacant(e) => {
                    e.insert(v);
                }
                Entry::Occupied(e) => {
                    let at = trail.pointer_to(e.key());
                    trail.duplicate = Some((at, redact(e.key())));
                    return Err(de::Error::custom("duplicate key"));
                }
            }
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
    /// JSON Pointer of the second occurrence and the duplicated key (both redacted), when
    /// that was the problem.
    pub duplicate_key: Option<(String, String)>,
}

/// Parses one JSON value. A leading byte-order mark is ignored.
pub fn parse_json(text: &str) -> Result<Value, ParseFailure> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let trail = RefCell::new(Trail::default());
    let mut de = serde_json::Deserializer::from_str(text);
    let v = Strict(&trail).deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    v.map_err(|e| {
        let msg = e.to_string();
        // serde_json appends " at line L column C"; keep the reason alone
        let reason = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        ParseFailure {
            reason,
            line: e.line(),
            column: e.column(),
            duplicate_key: trail.into_inner().duplicate,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_key_is_located() {
        let f = parse_json(r#"{"a": [1, {"b~/": 1, "b~/": 2}]}"#).unwrap_err();
        assert_eq!(f.duplicate_key, Some(("/a/1/b~0~1".to_string(), "b~/".to_string())));
        let f = parse_json(r#"{"a": 1, "a": 1}"#).unwrap_err();
        assert_eq!(f.duplicate_key, Some(("/a".to_string(), "a".to_string())));
    }

    #[test]
    fn same_key_in_sibling_objects_is_fine() {
        assert!(parse_json(r#"[{"a": 1}, {"a": 2}, {"a": {"a": 3}}]"#).is_ok());
    }

    #[test]
    fn deep_nesting_is_an_error_not_an_overflow() {
        let deep = "[".repeat(100_000);
        assert!(parse_json(&deep).is_err());
    }
}
