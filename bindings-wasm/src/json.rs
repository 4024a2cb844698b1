//! A compact JSON writer for serde that writes the same bytes as `serde_json::to_writer`, and
//! fails with the same messages.
//!
//! Why: in the size-optimised wasm build (`opt-level = "z"`) serde_json's writer is slow — every
//! quote, comma and colon goes through several calls that are not inlined (`write_all`, `map_err`,
//! `extend_from_slice`, a `memory.copy`), and strings are scanned one byte per call of
//! `split_at`. Writing a batch's reports was the largest part of `scoreMany`. Here a single-byte
//! write is a `push`, and a string is one loop over its bytes and one copy per run without
//! escapes. Numbers are written by serde_json's own `CompactFormatter` (itoa, zmij).
//!
//! Only the bytes matter to callers (they are given to `JSON.parse`), and the tests compare them
//! with `serde_json::to_vec` on every kind of value serde can produce.

use serde::ser::{self, Serialize};
use serde_json::ser::{CompactFormatter, Formatter};
use std::fmt::{self, Display};

/// A serialization error; its text is the one serde_json would give.
#[derive(Debug)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

fn key_must_be_a_string() -> Error {
    Error("key must be a string".into())
}

/// Appends the compact JSON text of `value` to `out` (as `serde_json::to_writer(out, value)`).
///
/// # Errors
/// When `value`'s `Serialize` fails, or a map key is not a string, number, bool or char; `out`
/// then holds part of the text.
pub fn write<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    value.serialize(&mut Writer { out })
}

/// The compact JSON text of `value` (as `serde_json::to_vec`).
///
/// # Errors
/// As [`write`].
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(128);
    write(&mut out, value)?;
    Ok(out)
}

struct Writer<'a> {
    out: &'a mut Vec<u8>,
}

impl Writer<'_> {
    /// Writes `s` as a JSON string (escapes as serde_json's: `\"`, `\\`, `\b \f \n \r \t`, other
    /// control characters as `\u00xx`; nothing else).
    fn string(&mut self, s: &str) {
        let bytes = s.as_bytes();
        self.out.reserve(bytes.len() + 2);
        self.out.push(b'"');
        let mut start = 0;
        for (i, &c) in bytes.iter().enumerate() {
            if c >= 0x20 && c != b'"' && c != b'\\' {
                continue;
            }
            self.out.extend_from_slice(bytes.get(start..i).unwrap_or_default());
            start = i + 1;
            let e = match c {
                b'"' => b'"',
                b'\\' => b'\\',
                0x08 => b'b',
                0x0c => b'f',
                b'\n' => b'n',
                b'\r' => b'r',
                b'\t' => b't',
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    let hi = HEX.get(usize::from(c >> 4)).copied().unwrap_or(b'0');
                    let lo = HEX.get(usize::from(c & 0xf)).copied().unwrap_or(b'0');
                    self.out.extend_from_slice(&[b'\\', b'u', b'0', b'0', hi, lo]);
                    continue;
                }
            };
            self.out.extend_from_slice(&[b'\\', e]);
        }
        self.out.extend_from_slice(bytes.get(start..).unwrap_or_default());
        self.out.push(b'"');
    }

    /// Writes a number with serde_json's formatter.
    fn number(&mut self, f: impl FnOnce(&mut CompactFormatter, &mut Vec<u8>) -> std::io::Result<()>) {
        // its only errors are the writer's, and writing into a Vec does not fail
        let _ = f(&mut CompactFormatter, &mut *self.out);
    }

    /// `{"variant":` — the start of an externally tagged enum variant with data.
    fn variant_key(&mut self, variant: &str) {
        self.out.push(b'{');
        self.string(variant);
        self.out.push(b':');
    }
}

/// An array, object or variant being written.
struct Compound<'w, 'a> {
    w: &'w mut Writer<'a>,
    first: bool,
    /// What `end` writes: `]`, `}`, `]}` or `}}`; nothing when the container was written empty.
    close: &'static [u8],
}

impl Compound<'_, '_> {
    fn comma(&mut self) {
        if self.first {
            self.first = false;
        } else {
            self.w.out.push(b',');
        }
    }

    fn end(self) {
        self.w.out.extend_from_slice(self.close);
    }
}

impl<'w, 'a> Writer<'a> {
    /// `[`/`{` and the compound; `len == Some(0)` writes `[]`/`{}` at once, as serde_json does
    /// (and, as there, any element still given after that is preceded by a comma).
    fn open(&'w mut self, open: u8, close: u8, len: Option<usize>, outer: Option<u8>) -> Compound<'w, 'a> {
        self.out.push(open);
        let close: &'static [u8] = match (len == Some(0), close, outer) {
            (true, b']', None) => {
                self.out.push(b']');
                b""
            }
            (true, _, None) => {
                self.out.push(b'}');
                b""
            }
            (true, b']', Some(_)) => {
                self.out.push(b']');
                b"}"
            }
            (true, _, Some(_)) => {
                self.out.push(b'}');
                b"}"
            }
            (false, b']', None) => b"]",
            (false, _, None) => b"}",
            (false, b']', Some(_)) => b"]}",
            (false, _, Some(_)) => b"}}",
        };
        Compound {
            w: self,
            first: len != Some(0),
            close,
        }
    }
}

impl<'w, 'a> ser::Serializer for &'w mut Writer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'w, 'a>;
    type SerializeTuple = Compound<'w, 'a>;
    type SerializeTupleStruct = Compound<'w, 'a>;
    type SerializeTupleVariant = Compound<'w, 'a>;
    type SerializeMap = Compound<'w, 'a>;
    type SerializeStruct = Compound<'w, 'a>;
    type SerializeStructVariant = Compound<'w, 'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.number(|f, w| f.write_i64(w, v));
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.number(|f, w| f.write_i128(w, v));
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.number(|f, w| f.write_u64(w, v));
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.number(|f, w| f.write_u128(w, v));
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        if v.is_finite() {
            self.number(|f, w| f.write_f32(w, v));
        } else {
            self.out.extend_from_slice(b"null");
        }
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        if v.is_finite() {
            self.number(|f, w| f.write_f64(w, v));
        } else {
            self.out.extend_from_slice(b"null");
        }
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0u8; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        SerializeSeq::end(seq)
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant_key(variant);
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'w, 'a>, Error> {
        Ok(self.open(b'[', b']', len, None))
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'w, 'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'w, 'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'w, 'a>, Error> {
        self.variant_key(variant);
        Ok(self.open(b'[', b']', Some(len), Some(b'}')))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'w, 'a>, Error> {
        Ok(self.open(b'{', b'}', len, None))
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'w, 'a>, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'w, 'a>, Error> {
        self.variant_key(variant);
        Ok(self.open(b'{', b'}', Some(len), Some(b'}')))
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.comma();
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self);
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.comma();
        key.serialize(KeyWriter { w: &mut *self.w })?;
        self.w.out.push(b':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self);
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.comma();
        self.w.string(key);
        self.w.out.push(b':');
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self);
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeStruct::end(self)
    }
}

/// A map key, as serde_json writes it: strings, chars and unit variants as strings; bools and
/// numbers quoted; anything else is an error.
struct KeyWriter<'w, 'a> {
    w: &'w mut Writer<'a>,
}

impl KeyWriter<'_, '_> {
    fn quoted(self, f: impl FnOnce(&mut Writer<'_>) -> Result<(), Error>) -> Result<(), Error> {
        self.w.out.push(b'"');
        f(self.w)?;
        self.w.out.push(b'"');
        Ok(())
    }
}

type Impossible = ser::Impossible<(), Error>;

impl ser::Serializer for KeyWriter<'_, '_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible;
    type SerializeTuple = Impossible;
    type SerializeTupleStruct = Impossible;
    type SerializeTupleVariant = Impossible;
    type SerializeMap = Impossible;
    type SerializeStruct = Impossible;
    type SerializeStructVariant = Impossible;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.quoted(|w| w.serialize_bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.quoted(|w| w.serialize_i8(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.quoted(|w| w.serialize_i16(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.quoted(|w| w.serialize_i32(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.quoted(|w| w.serialize_i64(v))
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.quoted(|w| w.serialize_i128(v))
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.quoted(|w| w.serialize_u8(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.quoted(|w| w.serialize_u16(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.quoted(|w| w.serialize_u32(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.quoted(|w| w.serialize_u64(v))
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.quoted(|w| w.serialize_u128(v))
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        if !v.is_finite() {
            return Err(Error("float key must be finite (got NaN or +/-inf)".into()));
        }
        self.quoted(|w| w.serialize_f32(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        if !v.is_finite() {
            return Err(Error("float key must be finite (got NaN or +/-inf)".into()));
        }
        self.quoted(|w| w.serialize_f64(v))
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.w.serialize_char(v)
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.w.string(v);
        Ok(())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        self.w.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Impossible, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Impossible, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Impossible, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Impossible, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Impossible, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Impossible, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Impossible, Error> {
        Err(key_must_be_a_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use serde_json::{json, Value};
    use sifasuo::batch;
    use std::collections::BTreeMap;
    use std::path::Path;

    /// Same bytes as serde_json, or the same error text.
    fn same<T: Serialize + ?Sized>(v: &T) {
        let ours = to_vec(v).map_err(|e| e.to_string());
        let theirs = serde_json::to_vec(v).map_err(|e| e.to_string());
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => assert!(
                a == b,
                "ours:   {}\ntheirs: {}",
                String::from_utf8_lossy(a),
                String::from_utf8_lossy(b)
            ),
            _ => assert_eq!(ours, theirs),
        }
    }

    #[derive(Serialize)]
    enum E {
        Unit,
        Newtype(i32),
        Tuple(u8, String),
        EmptyTuple(),
        Struct { a: Option<f64>, b: Vec<E> },
        EmptyStruct {},
    }

    #[derive(Serialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    enum Tagged {
        One { x: u64 },
        Two(Inner),
    }

    #[derive(Serialize)]
    struct Inner {
        #[serde(rename = "we\"ird\nkey")]
        weird: (),
        unit: Unit,
        newtype: Newtype,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        #[serde(flatten)]
        flat: BTreeMap<String, Value>,
    }

    #[derive(Serialize)]
    struct Unit;

    #[derive(Serialize)]
    struct Newtype(char);

    #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
    enum Key {
        Alpha,
    }

    struct Bytes(&'static [u8]);
    impl Serialize for Bytes {
        fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(self.0)
        }
    }

    struct Fails;
    impl Serialize for Fails {
        fn serialize<S: ser::Serializer>(&self, _s: S) -> Result<S::Ok, S::Error> {
            Err(ser::Error::custom("no way: «x»"))
        }
    }

    struct Pairs<K, V>(Vec<(K, V)>);
    impl<K: Serialize, V: Serialize> Serialize for Pairs<K, V> {
        fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
        }
    }

    #[test]
    fn scalars() {
        for s in [
            "",
            "plain",
            "引号\"反斜杠\\",
            "\u{0}\u{1}\u{8}\u{9}\u{a}\u{b}\u{c}\u{d}\u{1f}\u{7f}",
            "\u{2028}\u{2029}/</script>",
            "😀 mixed 中文 é",
        ] {
            same(s);
        }
        let all: String = (0u8..0x80).map(char::from).collect();
        same(&all);
        for f in [
            0.0,
            -0.0,
            1.0,
            -1.5,
            0.1,
            1e21,
            1e-7,
            123456789.125,
            f64::MIN_POSITIVE,
            5e-324,
            f64::MAX,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            same(&f);
        }
        for f in [0.0f32, -0.0, 0.1, 3.4e38, 1e-45, f32::NAN, f32::INFINITY] {
            same(&f);
        }
        same(&(
            i8::MIN,
            i16::MIN,
            i32::MIN,
            i64::MIN,
            i128::MIN,
            u8::MAX,
            u16::MAX,
            u32::MAX,
            u64::MAX,
            u128::MAX,
        ));
        same(&(true, false, (), 'x', '\n', '中', None::<u8>, Some(3)));
        same(&Bytes(b"\x00\x01\xff"));
        same(&Bytes(b""));
    }

    #[test]
    fn compound() {
        same(&Vec::<u8>::new());
        same(&BTreeMap::<String, u8>::new());
        same(&vec![vec![], vec![1, 2], vec![3]]);
        same(&E::Unit);
        same(&E::Newtype(-4));
        same(&E::Tuple(1, "t".into()));
        same(&E::EmptyTuple());
        same(&E::EmptyStruct {});
        same(&E::Struct {
            a: Some(f64::NAN),
            b: vec![E::Unit, E::Struct { a: None, b: vec![] }],
        });
        let mut flat = BTreeMap::new();
        flat.insert("k".to_string(), json!({"a": [1, 2.5, null, "s"], "b": {}}));
        flat.insert("".to_string(), json!([]));
        same(&Tagged::One { x: 7 });
        same(&Tagged::Two(Inner {
            weird: (),
            unit: Unit,
            newtype: Newtype('"'),
            skipped: None,
            flat,
        }));
        same(&(Unit, Newtype('a'), [E::Unit, E::Newtype(1)]));
    }

    #[test]
    fn map_keys_and_errors() {
        same(&Pairs(vec![(1i8, 0), (-2, 1)]));
        same(&Pairs(vec![(u128::MAX, "x")]));
        same(&Pairs(vec![(true, 1), (false, 2)]));
        same(&Pairs(vec![('c', 1), ('"', 2)]));
        same(&Pairs(vec![(1.5f64, 1), (-0.0, 2)]));
        same(&Pairs(vec![(1.5f32, 1)]));
        same(&Pairs(vec![(Key::Alpha, 1)]));
        same(&Pairs(vec![(Newtype('k'), 1)]));
        same(&Pairs(vec![(Some("k"), 1)]));
        // errors: serde_json's texts
        same(&Pairs(vec![(f64::NAN, 1)]));
        same(&Pairs(vec![(f32::INFINITY, 1)]));
        same(&Pairs(vec![((), 1)]));
        same(&Pairs(vec![(None::<u8>, 1)]));
        same(&Pairs(vec![(vec![1], 1)]));
        same(&Pairs(vec![(Unit, 1)]));
        same(&Pairs(vec![(E::Newtype(1), 1)]));
        same(&Pairs(vec![(Bytes(b"k"), 1)]));
        same(&vec![Some(Fails)]);
        same(&Pairs(vec![("k", Fails)]));
    }

    /// Pseudo-random JSON values (xorshift; no extra dependency).
    fn random_value(seed: &mut u64, depth: u32) -> Value {
        let mut next = || {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            *seed
        };
        let pick = next() % if depth == 0 { 5 } else { 7 };
        match pick {
            0 => Value::Null,
            1 => Value::Bool(next() % 2 == 0),
            2 => match next() % 3 {
                0 => json!(next() as i64),
                1 => json!(next()),
                _ => json!(f64::from_bits(next())),
            },
            3 | 4 => {
                let n = next() % 12;
                let s: String = (0..n)
                    .map(|_| {
                        let c = next();
                        match c % 4 {
                            0 => char::from((c >> 8) as u8 % 0x80),
                            1 => char::from_u32(0x4e00 + ((c >> 8) % 0x5000) as u32).unwrap_or('?'),
                            2 => char::from_u32(0x80 + ((c >> 8) % 0x10_0000) as u32).unwrap_or('\u{fffd}'),
                            _ => ['"', '\\', '\n', '\u{0}', '\u{1f}', '/'][((c >> 8) % 6) as usize],
                        }
                    })
                    .collect();
                Value::String(s)
            }
            5 => Value::Array((0..next() % 5).map(|_| random_value(seed, depth - 1)).collect()),
            _ => {
                let mut m = serde_json::Map::new();
                for _ in 0..next() % 5 {
                    let k = match random_value(seed, 0) {
                        Value::String(s) => s,
                        other => other.to_string(),
                    };
                    m.insert(k, random_value(seed, depth - 1));
                }
                Value::Object(m)
            }
        }
    }

    #[test]
    fn random_values() {
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            same(&random_value(&mut seed, 4));
        }
    }

    fn repo() -> &'static Path {
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
    }

    #[test]
    fn report_vectors() {
        let dir = repo().join("tests/vectors/reports");
        let mut n = 0;
        for entry in std::fs::read_dir(&dir).expect("vectors") {
            let path = entry.expect("entry").path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
            same(&v);
            let params = sifasuo::api::parameters(v.get("params").filter(|p| !p.is_null())).expect("params");
            same(&sifasuo::api::score(&v["input"], &params));
            n += 1;
        }
        assert!(n > 10, "only {n} vectors in {}", dir.display());
    }

    #[test]
    fn sample_batch_rows() {
        let dir = repo().join("data/sample");
        let mut items = Vec::new();
        for f in [
            "districts.jsonl",
            "offices-2022.jsonl",
            "offices-2023.jsonl",
            "offices-2024.jsonl",
        ] {
            let text = std::fs::read_to_string(dir.join(f)).expect("sample");
            items.extend(batch::jsonl_items(&text, f));
        }
        items.push((
            batch::Source {
                file: String::new(),
                line: 0,
            },
            Ok("{\"format\":\"sifasuo.office/1\",\"x\":[1,2,{}]}".into()),
        ));
        let rows = batch::score_items(&items, &sifasuo::params::Parameters::default());
        assert!(rows.len() > 1000);
        same(&rows);
        same(&sifasuo::api::rules(&sifasuo::params::Parameters::default()));
        same(&sifasuo::api::error_codes());
        same(sifasuo::flat::layout());
        for kind in ["office", "district", "parameters"] {
            same(&sifasuo::api::schema(kind));
        }
    }
}
