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
pub(crate) struct Fields<'a>(Vec<Member<'a>>);

/// One member of an object.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Member<'a> {
    /// [`fingerprint`] of the key: most keys that differ differ in it, so they are told apart
    /// without comparing their text.
    fp: u64,
    key: Cow<'a, str>,
    value: Node<'a>,
}

/// The length and the first and last three bytes of `key`.
fn fingerprint(key: &str) -> u64 {
    let b = key.as_bytes();
    let n = b.len();
    let at = |i: Option<usize>| u64::from(i.and_then(|i| b.get(i)).copied().unwrap_or(0));
    ((n as u64) << 48)
        | (at(Some(0)) << 40)
        | (at(Some(1)) << 32)
        | (at(Some(2)) << 24)
        | (at(n.checked_sub(3)) << 16)
        | (at(n.checked_sub(2)) << 8)
        | at(n.checked_sub(1))
}

impl<'a> Fields<'a> {
    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        let fp = fingerprint(key);
        self.0
            .iter()
            .find(|m| m.fp == fp && m.key.as_ref() == key)
            .map(|m| &m.value)
    }

    /// The keys, in input order (a `serde_json::Map` would give them sorted).
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|m| m.key.as_ref())
    }
}

/// Objects up to this size find duplicate keys by looking at every key; larger ones keep a set.
const SMALL_OBJECT: usize = 32;

/// The members of every object being parsed, innermost last: each object's members are
/// moved out in one allocation when it is complete.
pub(crate) type Scratch<'a> = Vec<Member<'a>>;

/// An object being parsed: where its members start in the [`Scratch`].
pub(crate) struct Open<'a> {
    start: usize,
    /// Every key, once the object is larger than [`SMALL_OBJECT`].
    seen: Option<HashSet<Cow<'a, str>>>,
}

impl<'a> Open<'a> {
    pub fn new(scratch: &Scratch<'a>) -> Self {
        Open {
            start: scratch.len(),
            seen: None,
        }
    }

    /// Adds a member; gives the key back when it is already there.
    pub fn insert(
        &mut self,
        scratch: &mut Scratch<'a>,
        key: Cow<'a, str>,
        value: Node<'a>,
    ) -> Result<(), Cow<'a, str>> {
        let fp = fingerprint(&key);
        let members = scratch.get(self.start..).unwrap_or(&[]);
        let duplicate = match &mut self.seen {
            Some(seen) => !seen.insert(key.clone()),
            None if members.len() < SMALL_OBJECT => members.iter().any(|m| m.fp == fp && m.key == key),
            None => {
                let mut seen: HashSet<Cow<'a, str>> = members.iter().map(|m| m.key.clone()).collect();
                let duplicate = !seen.insert(key.clone());
                self.seen = Some(seen);
                duplicate
            }
        };
        if duplicate {
            return Err(key);
        }
        scratch.push(Member { fp, key, value });
        Ok(())
    }

    pub fn finish(self, scratch: &mut Scratch<'a>) -> Fields<'a> {
        Fields(scratch.split_off(self.start.min(scratch.len())))
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
                    .map(|(k, v)| Member {
                        fp: fingerprint(k),
                        key: Cow::Borrowed(k.as_str()),
                        value: Node::from_value(v),
                    })
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
