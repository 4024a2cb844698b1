//! JSON text to a `serde_json::Value`, refusing duplicate keys, with bounded depth.
//!
//! serde_json's recursion limit (128) bounds nesting, so deep input is an error, never a
//! stack overflow.

use super::node::{Node, Open, Scratch};
use super::pii::redact;
use super::reader::escape;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::map::Entry;
use serde_json::{Map, Number, Value};
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

/// Largest record accepted, in bytes.
pub const MAX_RECORD_BYTES: usize = 64 * 1024 * 1024;

/// One reference token of the path being read.
enum Token<'de> {
    Key(Cow<'de, str>),
    Index(usize),
}

/// State shared by the visitors of one parse: where we are, and the duplicate key if one was found.
#[derive(Default)]
struct Trail<'de, S> {
    /// Reference tokens (unescaped) from the root to the value being read.
    stack: Vec<Token<'de>>,
    /// JSON Pointer of the duplicated key (redacted) and the key itself (redacted).
    duplicate: Option<(String, String)>,
    /// Room for the members of the objects being built.
    scratch: S,
}

impl<S> Trail<'_, S> {
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

/// What a parse builds: a `serde_json::Value` or a [`Node`]. The parse (and so every error)
/// is the same for both.
trait Tree<'de>: Sized {
    /// Room shared by the objects being built.
    type Scratch: Default;
    /// An object being built.
    type Members;
    fn begin(scratch: &Self::Scratch) -> Self::Members;
    fn null() -> Self;
    fn bool(v: bool) -> Self;
    fn number(n: Number) -> Self;
    fn string(s: Cow<'de, str>) -> Self;
    fn array(items: Vec<Self>) -> Self;
    fn object(scratch: &mut Self::Scratch, members: Self::Members) -> Self;
    /// Adds a member; gives the key back when it is already there.
    fn insert(
        scratch: &mut Self::Scratch,
        members: &mut Self::Members,
        key: Cow<'de, str>,
        value: Self,
    ) -> Result<(), Cow<'de, str>>;
}

impl<'de> Tree<'de> for Value {
    type Scratch = ();
    type Members = Map<String, Value>;
    fn begin((): &()) -> Self::Members {
        Map::new()
    }
    fn null() -> Self {
        Value::Null
    }
    fn bool(v: bool) -> Self {
        Value::Bool(v)
    }
    fn number(n: Number) -> Self {
        Value::Number(n)
    }
    fn string(s: Cow<'de, str>) -> Self {
        Value::String(s.into_owned())
    }
    fn array(items: Vec<Self>) -> Self {
        Value::Array(items)
    }
    fn object((): &mut (), members: Self::Members) -> Self {
        Value::Object(members)
    }
    fn insert((): &mut (), members: &mut Self::Members, key: Cow<'de, str>, value: Self) -> Result<(), Cow<'de, str>> {
        match members.entry(key.into_owned()) {
            Entry::Vacant(e) => {
                e.insert(value);
                Ok(())
            }
            Entry::Occupied(e) => Err(Cow::Owned(e.key().clone())),
        }
    }
}

impl<'de> Tree<'de> for Node<'de> {
    type Scratch = Scratch<'de>;
    type Members = Open<'de>;
    fn begin(scratch: &Scratch<'de>) -> Open<'de> {
        Open::new(scratch)
    }
    fn null() -> Self {
        Node::Null
    }
    fn bool(v: bool) -> Self {
        Node::Bool(v)
    }
    fn number(n: Number) -> Self {
        Node::Number(n)
    }
    fn string(s: Cow<'de, str>) -> Self {
        Node::String(s)
    }
    fn array(items: Vec<Self>) -> Self {
        Node::Array(items)
    }
    fn object(scratch: &mut Scratch<'de>, members: Open<'de>) -> Self {
        Node::Object(members.finish(scratch))
    }
    fn insert(
        scratch: &mut Scratch<'de>,
        members: &mut Open<'de>,
        key: Cow<'de, str>,
        value: Self,
    ) -> Result<(), Cow<'de, str>> {
        members.insert(scratch, key, value)
    }
}

/// Reads a string (a key), borrowing it from the input when it has no escapes.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v))
    }
}

struct Strict<'t, 'de, T: Tree<'de>> {
    trail: &'t mut Trail<'de, T::Scratch>,
    tree: PhantomData<T>,
}

impl<'t, 'de, T: Tree<'de>> Strict<'t, 'de, T> {
    fn new(trail: &'t mut Trail<'de, T::Scratch>) -> Self {
        Strict {
            trail,
            tree: PhantomData,
        }
    }
}

impl<'de, T: Tree<'de>> DeserializeSeed<'de> for Strict<'_, 'de, T> {
    type Value = T;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, T: Tree<'de>> Visitor<'de> for Strict<'_, 'de, T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<T, E> {
        Ok(T::bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<T, E> {
        Ok(T::number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<T, E> {
        Ok(T::number(v.into()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        Number::from_f64(v)
            .map(T::number)
            .ok_or_else(|| E::custom("number is not finite"))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<T, E> {
        Ok(T::string(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<T, E> {
        Ok(T::string(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<T, E> {
        Ok(T::string(Cow::Owned(v)))
    }
    fn visit_unit<E>(self) -> Result<T, E> {
        Ok(T::null())
    }
    fn visit_none<E>(self) -> Result<T, E> {
        Ok(T::null())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<T, A::Error> {
        let mut out = Vec::new();
        loop {
            self.trail.stack.push(Token::Index(out.len()));
            let next = seq.next_element_seed(Strict::<T>::new(&mut *self.trail))?;
            self.trail.stack.pop();
            match next {
                Some(v) => out.push(v),
                None => return Ok(T::array(out)),
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut out = T::begin(&self.trail.scratch);
        while let Some(k) = map.next_key_seed(Key)? {
            self.trail.stack.push(Token::Key(k));
            let v = map.next_value_seed(Strict::<T>::new(&mut *self.trail))?;
            let k = match self.trail.stack.pop() {
                Some(Token::Key(k)) => k,
                _ => Cow::Borrowed(""),
            };
            if let Err(k) = T::insert(&mut self.trail.scratch, &mut out, k, v) {
                let at = self.trail.pointer_to(&k);
                self.trail.duplicate = Some((at, redact(&k)));
                return Err(de::Error::custom("duplicate key"));
            }
        }
        Ok(T::object(&mut self.trail.scratch, out))
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
    parse_tree(text)
}

/// Parses one JSON value as a [`Node`] borrowing from `text`, with the errors of [`parse_json`].
pub(crate) fn parse_node(text: &str) -> Result<Node<'_>, ParseFailure> {
    parse_tree(text)
}

fn parse_tree<'de, T: Tree<'de>>(text: &'de str) -> Result<T, ParseFailure> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut trail = Trail::<T::Scratch>::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let v = Strict::<T>::new(&mut trail)
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v));
    v.map_err(|e| {
        let msg = e.to_string();
        // serde_json appends " at line L column C"; keep the reason alone
        let reason = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        ParseFailure {
            reason,
            line: e.line(),
            column: e.column(),
            duplicate_key: trail.duplicate,
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

    /// The `Node` parse gives the errors of the `Value` parse.
    fn both(text: &str) -> Result<Value, ParseFailure> {
        let node = parse_node(text).map(|n| format!("{n:?}"));
        let value = parse_json(text);
        assert_eq!(node.as_ref().err(), value.as_ref().err(), "{text}");
        value
    }

    #[test]
    fn node_and_value_parses_agree() {
        let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        let many = many.join(", ");
        for text in [
            r#"{"a": [1, {"b~/": 1, "b~/": 2}]}"#,
            r#"{"a": 1, "\u0061": 2}"#,
            r#"{"\u0061": 1, "a": 2}"#,
            r#"{"a": 1.5e400}"#,
            r#"{"a": "x" "b": 1}"#,
            r#"[1, 2,]"#,
            r#"{"a": 1} x"#,
            &format!("{{{many}}}"),
            &format!("{{{many}, \"k5\": 0}}"),
            &format!("{{\"x\": [{{{many}, \"k39\": 0}}]}}"),
        ] {
            let _ = both(text);
        }
        let f = both(&format!("{{\"x\": [{{{many}, \"k39\": 0}}]}}")).unwrap_err();
        assert_eq!(f.duplicate_key, Some(("/x/0/k39".to_string(), "k39".to_string())));
        let f = both(r#"{"a": 1, "\u0061": 2}"#).unwrap_err();
        assert_eq!(f.duplicate_key, Some(("/a".to_string(), "a".to_string())));
        assert!(both(&format!("{{{many}}}")).is_ok());
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
