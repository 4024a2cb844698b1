//! A JSON value as validation reads it: strings and keys borrowed from the input text where
//! they have no escapes, objects as short lists of members instead of `BTreeMap`s.
//!
//! Building a `serde_json::Value` allocates every key and string and keeps every object
//! sorted; most of validation's time went there. A [`Node`] costs one vector per array and
//! object. [`from_value`](super::from_value) borrows a `Value` as a `Node`.

use serde_json::{Number, Value};
use std::borrow::Cow;
use std::collections::HashSet;

/// One JSON value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    Object(Fields<'a>),
}

/// The members of an object, without duplicate keys, in input order.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Fields<'a>(Vec<(Cow<'a, str>, Node<'a>)>);

impl<'a> Fields<'a> {
    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.0.iter().find(|(k, _)| k.as_ref() == key).map(|(_, v)| v)
    }

    /// The keys, in input order (a `serde_json::Map` would give them sorted).
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_ref())
    }
}

/// Objects up to this size find duplicate keys by looking at every key; larger ones keep a set.
const SMALL_OBJECT: usize = 32;

/// An object being parsed.
#[derive(Default)]
pub(crate) struct FieldsBuilder<'a> {
    fields: Vec<(Cow<'a, str>, Node<'a>)>,
    /// Every key, once the object is larger than [`SMALL_OBJECT`].
    seen: Option<HashSet<Cow<'a, str>>>,
}

impl<'a> FieldsBuilder<'a> {
    /// Adds a member; gives the key back when it is already there.
    pub fn insert(&mut self, key: Cow<'a, str>, value: Node<'a>) -> Result<(), Cow<'a, str>> {
        let duplicate = match &mut self.seen {
            Some(seen) => !seen.insert(key.clone()),
            None if self.fields.len() < SMALL_OBJECT => self.fields.iter().any(|(k, _)| *k == key),
            None => {
                let mut seen: HashSet<Cow<'a, str>> = self.fields.iter().map(|(k, _)| k.clone()).collect();
                let duplicate = !seen.insert(key.clone());
                self.seen = Some(seen);
                duplicate
            }
        };
        if duplicate {
            return Err(key);
        }
        self.fields.push((key, value));
        Ok(())
    }

    pub fn finish(self) -> Fields<'a> {
        Fields(self.fields)
    }
}

impl<'a> Node<'a> {
    /// Borrows a `serde_json::Value`.
    pub fn from_value(v: &'a Value) -> Node<'a> {
        match v {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(*b),
            Value::Number(n) => Node::Number(n.clone()),
            Value::String(s) => Node::String(Cow::Borrowed(s)),
            Value::Array(items) => Node::Array(items.iter().map(Node::from_value).collect()),
            Value::Object(map) => Node::Object(Fields(
                map.iter()
                    .map(|(k, v)| (Cow::Borrowed(k.as_str()), Node::from_value(v)))
                    .collect(),
            )),
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Node::Null)
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Node::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Node::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    pub fn as_number(&self) -> Option<&Number> {
        match self {
            Node::Number(n) => Some(n),
            _ => None,
        }
    }

    /// Which JSON type the value has, in words (en, zh).
    pub fn type_name(&self) -> (&'static str, &'static str) {
        match self {
            Node::Null => ("null", "空值"),
            Node::Bool(_) => ("a boolean", "布尔值"),
            Node::Number(n) if super::reader::integral(n).is_some() => ("an integer", "整数"),
            Node::Number(_) => ("a decimal number", "小数"),
            Node::String(_) => ("a string", "字符串"),
            Node::Array(_) => ("an array", "数组"),
            Node::Object(_) => ("an object", "对象"),
        }
    }
}
