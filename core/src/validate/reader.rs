//! A reader that walks a JSON value, builds typed values and collects every error on the way.

use super::error::{ctx, ErrorCode, ValidationError};
use super::node::{Fields, Node};
use super::pii;
use crate::model::{AreaM2, Count, Ratio, MAX_AREA_M2, MAX_COUNT};
use serde_json::{json, Map, Value};

/// Escapes one JSON Pointer reference token.
pub(crate) fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Appends `/` and the escaped `token` to `out`.
fn push_token(out: &mut String, token: &str) {
    out.push('/');
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

/// Where a value is. The JSON Pointer text is only built ([`Path::render`]) when an error
/// needs it, so reading a valid record allocates no paths.
#[derive(Clone, Copy)]
pub(crate) enum Path<'p> {
    /// The whole record (`""`).
    Root,
    /// A member of the object at the first path.
    Key(&'p Path<'p>, &'p str),
    /// An element of the array at the first path.
    Index(&'p Path<'p>, usize),
}

impl Path<'_> {
    fn write(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.write(out);
                push_token(out, key);
            }
            Path::Index(parent, i) => {
                parent.write(out);
                out.push('/');
                out.push_str(&i.to_string());
            }
        }
    }

    /// The JSON Pointer.
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }
}

/// An object being read, with where it is.
pub(crate) struct Obj<'a, 'p> {
    pub map: &'a Fields<'a>,
    pub path: Path<'p>,
}

impl Obj<'_, '_> {
    /// The JSON Pointer of member `key` (built: call it only to report an error).
    pub fn at(&self, key: &str) -> String {
        let mut out = self.path.render();
        push_token(&mut out, key);
        out
    }
}

/// Collects errors while reading.
#[derive(Default)]
pub(crate) struct Reader {
    pub errors: Vec<ValidationError>,
}

/// Levenshtein distance over chars when it is at most `limit`, else `None`. Only the band of
/// cells within `limit` of the diagonal is computed, and it stops as soon as the band exceeds it.
fn distance_within(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let inf = limit.saturating_add(1);
    // prev[j]: distance between a[..i] and b[..j]
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| if j <= limit { j } else { inf }).collect();
    let mut cur: Vec<usize> = vec![inf; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        let row = i + 1;
        let lo = row.saturating_sub(limit).max(1);
        let hi = row.saturating_add(limit).min(b.len());
        if let Some(first) = cur.first_mut() {
            *first = if row <= limit { row } else { inf };
        }
        if let Some(before) = cur.get_mut(lo - 1).filter(|_| lo > 1) {
            *before = inf;
        }
        let mut best = cur.first().copied().unwrap_or(inf);
        for j in lo..=hi {
            let cb = b.get(j - 1);
            let sub = prev.get(j - 1).copied().unwrap_or(inf) + usize::from(Some(ca) != cb);
            let del = prev.get(j).copied().unwrap_or(inf) + 1;
            let ins = cur.get(j - 1).copied().unwrap_or(inf) + 1;
            let d = sub.min(del).min(ins).min(inf);
            if let Some(c) = cur.get_mut(j) {
                *c = d;
            }
            best = best.min(d);
        }
        if let Some(after) = cur.get_mut(hi + 1) {
            *after = inf;
        }
        if best > limit {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().filter(|d| *d <= limit)
}

/// Levenshtein distance over chars, for did-you-mean suggestions.
#[cfg(test)]
pub(crate) fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    distance_within(&a, &b, usize::MAX / 2).unwrap_or(usize::MAX)
}

/// The closest candidate, if close enough to be a likely typo.
pub(crate) fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let w: Vec<char> = word.chars().take(101).collect();
    if w.len() > 100 {
        return None;
    }
    let limit = (w.len() / 3).clamp(1, 4);
    let mut best: Option<(usize, &'a str)> = None;
    let mut c: Vec<char> = Vec::new();
    for cand in candidates {
        c.clear();
        c.extend(cand.chars());
        let bound = best.map_or(limit, |(d, _)| d.saturating_sub(1));
        if let Some(d) = distance_within(&w, &c, bound) {
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, cand));
            }
        }
    }
    best.map(|(_, c)| c)
}

/// The value of a number without a fractional part (`3` or `3.0`, as JSON Schema's `integer`):
/// `Some(None)` when it is beyond `i64`, `None` when it has a fractional part.
pub(crate) fn integral(n: &serde_json::Number) -> Option<Option<i64>> {
    if let Some(i) = n.as_i64() {
        return Some(Some(i));
    }
    if n.is_u64() {
        return Some(None); // larger than i64: certainly out of range
    }
    let x = n.as_f64()?;
    if x.fract() != 0.0 {
        return None;
    }
    // exactly representable bounds: -2^63 and 2^63
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    Some((-LIMIT..LIMIT).contains(&x).then_some(x as i64))
}

impl Reader {
    pub fn push(&mut self, code: ErrorCode, path: impl Into<String>, c: Map<String, Value>) {
        self.errors.push(ValidationError::new(code, path, c));
    }

    pub fn type_error(&mut self, path: &str, v: &Node, expected: (&str, &str)) {
        let (found, found_zh) = v.type_name();
        self.push(
            ErrorCode::TypeError,
            path,
            ctx([
                ("expected", json!(expected.0)),
                ("expected_zh", json!(expected.1)),
                ("found", json!(found)),
                ("found_zh", json!(found_zh)),
            ]),
        );
    }

    /// Reads `v` as an object with the given fields; unknown fields are reported.
    pub fn object<'a, 'p>(&mut self, v: &'a Node<'a>, path: Path<'p>, known: &[&str]) -> Option<Obj<'a, 'p>> {
        let Node::Object(map) = v else {
            self.type_error(&path.render(), v, ("an object", "对象"));
            return None;
        };
        if map.keys().any(|key| !known.contains(&key)) {
            // reported in the order of the keys, as a sorted map would give them
            let mut unknown: Vec<&str> = map.keys().filter(|key| !known.contains(key)).collect();
            unknown.sort_unstable();
            for key in unknown {
                let mut c = ctx([("field", json!(key))]);
                if let Some(s) = suggest(key, known.iter().copied()) {
                    c.insert("suggestion".into(), json!(s));
                }
                let mut at = path.render();
                push_token(&mut at, &pii::redact(key));
                self.push(ErrorCode::UnknownField, at, c);
            }
        }
        Some(Obj { map, path })
    }

    /// The value of `key`, `None` when absent or null.
    pub fn get<'a>(&self, o: &Obj<'a, '_>, key: &str) -> Option<&'a Node<'a>> {
        o.map.get(key).filter(|v| !v.is_null())
    }

    /// A required value: reports `required` when absent or null.
    pub fn required<'a>(&mut self, o: &Obj<'a, '_>, key: &str) -> Option<&'a Node<'a>> {
        let v = self.get(o, key);
        if v.is_none() {
            self.push(ErrorCode::Required, o.at(key), ctx([("field", json!(key))]));
        }
        v
    }

    pub fn bool(&mut self, o: &Obj, key: &str) -> Option<bool> {
        let v = self.get(o, key)?;
        match v {
            Node::Bool(b) => Some(*b),
            _ => {
                self.type_error(&o.at(key), v, ("a boolean (true/false)", "布尔值（true/false）"));
                None
            }
        }
    }

    /// An integer within `min..=max`, reported at `path`.
    pub fn integer(&mut self, path: &str, v: &Node, min: i64, max: i64) -> Option<i64> {
        let Node::Number(n) = v else {
            self.type_error(path, v, ("an integer", "整数"));
            return None;
        };
        let Some(value) = integral(n) else {
            self.type_error(path, v, ("an integer", "整数"));
            return None;
        };
        match value {
            Some(i) if (min..=max).contains(&i) => Some(i),
            _ => {
                self.push(
                    ErrorCode::OutOfRange,
                    path,
                    ctx([
                        ("value", json!(n.to_string())),
                        ("min", json!(min)),
                        ("max", json!(max)),
                    ]),
                );
                None
            }
        }
    }

    pub fn count(&mut self, o: &Obj, key: &str) -> Option<Count> {
        let v = self.get(o, key)?;
        // the common case, a plain integer in range, needs no path
        if let Some(n) = v.as_u64().filter(|n| *n <= u64::from(MAX_COUNT)) {
            return u32::try_from(n).ok().map(Count);
        }
        let i = self.integer(&o.at(key), v, 0, i64::from(MAX_COUNT))?;
        u32::try_from(i).ok().map(Count)
    }

    fn number(&mut self, o: &Obj, key: &str, max: f64) -> Option<f64> {
        let v = self.get(o, key)?;
        let Some(x) = v.as_f64() else {
            self.type_error(&o.at(key), v, ("a number", "数字"));
            return None;
        };
        if x.is_finite() && (0.0..=max).contains(&x) {
            Some(if x == 0.0 { 0.0 } else { x }) // -0.0 reads as 0
        } else {
            self.push(
                ErrorCode::OutOfRange,
                o.at(key),
                ctx([("value", json!(x.to_string())), ("min", json!(0)), ("max", json!(max))]),
            );
            None
        }
    }

    pub fn area(&mut self, o: &Obj, key: &str) -> Option<AreaM2> {
        self.number(o, key, MAX_AREA_M2).map(AreaM2)
    }

    pub fn ratio(&mut self, o: &Obj, key: &str) -> Option<Ratio> {
        self.number(o, key, 1.0).map(Ratio)
    }

    /// A text field: checked for emptiness, length and personal data.
    pub fn text(&mut self, o: &Obj, key: &str, max_chars: usize, required: bool) -> Option<String> {
        let v = if required {
            self.required(o, key)?
        } else {
            self.get(o, key)?
        };
        let Node::String(s) = v else {
            self.type_error(&o.at(key), v, ("a string", "字符串"));
            return None;
        };
        let len = s.chars().count();
        let empty = required && s.trim().is_empty();
        let found = pii::find(s);
        if !empty && len <= max_chars && found.is_empty() {
            return Some(s.to_string());
        }
        let path = o.at(key);
        if empty {
            self.push(ErrorCode::EmptyString, path.clone(), ctx([("field", json!(key))]));
        }
        if len > max_chars {
            self.push(
                ErrorCode::TooLong,
                path.clone(),
                ctx([("length", json!(len)), ("max", json!(max_chars))]),
            );
        }
        for found in found {
            self.push(
                ErrorCode::PersonalData,
                path.clone(),
                ctx([("kind", json!(found.kind.as_str())), ("masked", json!(found.masked))]),
            );
        }
        None
    }

    /// A string from a closed list, parsed with serde.
    pub fn enumeration<T: serde::de::DeserializeOwned>(
        &mut self,
        o: &Obj,
        key: &str,
        allowed: &[&str],
        required: bool,
    ) -> Option<T> {
        let v = if required {
            self.required(o, key)?
        } else {
            self.get(o, key)?
        };
        let Node::String(s) = v else {
            self.type_error(&o.at(key), v, ("a string", "字符串"));
            return None;
        };
        if allowed.contains(&s.as_ref()) {
            let de = serde::de::value::StrDeserializer::<serde::de::value::Error>::new(s);
            if let Ok(t) = T::deserialize(de) {
                return Some(t);
            }
        }
        let mut c = ctx([("value", json!(s)), ("allowed", json!(allowed.join(", ")))]);
        if let Some(sug) = suggest(s, allowed.iter().copied()) {
            c.insert("suggestion".into(), json!(sug));
        }
        self.push(ErrorCode::InvalidEnum, o.at(key), c);
        None
    }

    /// Reads a nested section with `read`, if present.
    pub fn section<T: Default>(
        &mut self,
        o: &Obj,
        key: &str,
        known: &[&str],
        read: impl FnOnce(&mut Reader, &Obj) -> T,
    ) -> T {
        let Some(v) = self.get(o, key) else {
            return T::default();
        };
        match self.object(v, Path::Key(&o.path, key), known) {
            Some(inner) => read(self, &inner),
            None => T::default(),
        }
    }

    /// Reports `part_exceeds_whole` when both are known and part > whole.
    pub fn part_le_whole<T: PartialOrd + serde::Serialize + Copy>(
        &mut self,
        o: &Obj,
        part: (&str, Option<T>),
        whole: (&str, Option<T>),
    ) {
        if let (Some(p), Some(w)) = (part.1, whole.1) {
            if p > w {
                self.push(
                    ErrorCode::PartExceedsWhole,
                    o.at(part.0),
                    ctx([
                        ("part_field", json!(part.0)),
                        ("part", json!(p)),
                        ("whole_field", json!(whole.0)),
                        ("whole", json!(w)),
                        ("whole_path", json!(o.at(whole.0))),
                    ]),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("朝阳", "朝阳区"), 1);
        assert_eq!(distance_within(&['a'; 3], &['b'; 9], 4), None);
        assert_eq!(distance("flaw", "lawn"), 2);
        assert_eq!(distance("abcdef", "badcfe"), 4);
        // the banded result agrees with the full one wherever it is within the limit
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "staff",
            "staf",
            "taffs",
            "political",
            "politcal",
            "poltical",
            "朝阳区",
            "朝阳",
        ];
        for x in words {
            for y in words {
                let (cx, cy): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
                let full = distance(x, y);
                for limit in 0..6 {
                    let want = (full <= limit).then_some(full);
                    assert_eq!(distance_within(&cx, &cy, limit), want, "{x} {y} {limit}");
                }
            }
        }
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggest("politcal", ["political", "mediation"]), Some("political"));
        assert_eq!(suggest("staf", ["staff", "stuff_x"]), Some("staff"));
        assert_eq!(suggest("contact_person", ["political", "mediation"]), None);
        // ties: the first candidate wins
        assert_eq!(suggest("ab", ["ac", "ad"]), Some("ac"));
    }
}
