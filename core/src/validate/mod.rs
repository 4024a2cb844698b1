//! Validation: JSON in, a typed [`Record`] or **every** problem out.
//!
//! Errors carry a stable [`ErrorCode`], a JSON Pointer path, a message in Chinese and English
//! and a `ctx` object. Personal numbers are never echoed (see [`pii`]).

mod error;
mod node;
mod parse;
pub mod pii;
pub(crate) mod reader;
mod sections;

pub use error::{ErrorCode, Location, ValidationError, ValidationErrors};
pub use parse::MAX_RECORD_BYTES;

use crate::model::{DistrictRecord, OfficeRecord, Record};
use error::ctx;
use node::Node;
use reader::Reader;
use serde_json::{json, Value};

/// The `format` tags that are understood.
pub const FORMATS: [&str; 2] = ["sifasuo.office/1", "sifasuo.district/1"];

/// Every validation error code, in a fixed order.
pub fn error_codes() -> &'static [ErrorCode] {
    ErrorCode::ALL
}

/// One error saying why `text` is not JSON.
fn parse_error(f: parse::ParseFailure) -> ValidationError {
    match f.duplicate_key {
        Some((at, key)) => ValidationError::new(
            ErrorCode::DuplicateKey,
            at,
            ctx([
                ("key", json!(key)),
                ("line", json!(f.line)),
                ("column", json!(f.column)),
            ]),
        ),
        None => ValidationError::new(
            ErrorCode::InvalidJson,
            "",
            ctx([
                ("reason", json!(f.reason)),
                ("line", json!(f.line)),
                ("column", json!(f.column)),
            ]),
        ),
    }
}

/// Parses JSON text into a JSON value, with the error sifasuo reports for bad JSON.
///
/// # Errors
/// `invalid_json`, `duplicate_key` or `input_too_large`.
pub fn parse_value(text: &str) -> Result<Value, ValidationError> {
    if text.len() > MAX_RECORD_BYTES {
        return Err(too_large(text));
    }
    parse::parse_json(text).map_err(parse_error)
}

/// The error for a text longer than [`MAX_RECORD_BYTES`].
fn too_large(text: &str) -> ValidationError {
    ValidationError::new(
        ErrorCode::InputTooLarge,
        "",
        ctx([("bytes", json!(text.len())), ("max", json!(MAX_RECORD_BYTES))]),
    )
}

/// Parses and validates one record from JSON text.
///
/// # Errors
/// Every problem of the record, never only the first.
///
/// # Example
/// ```
/// let text = std::fs::read_to_string("../tests/examples/office-street-2023.json").unwrap();
/// let record = sifasuo::validate::parse(&text).unwrap();
/// assert_eq!(record.year(), 2023);
///
/// let errors = sifasuo::validate::parse(r#"{"format": "sifasuo.office/1", "year": "2023"}"#).unwrap_err();
/// assert!(errors.0.iter().any(|e| e.code.as_str() == "type_error" && e.path == "/year"));
/// assert!(errors.0.iter().any(|e| e.code.as_str() == "required" && e.path == "/office"));
/// ```
pub fn parse(text: &str) -> Result<Record, ValidationErrors> {
    if text.len() > MAX_RECORD_BYTES {
        return Err(ValidationErrors(vec![too_large(text)]));
    }
    let v = parse::parse_node(text).map_err(|f| ValidationErrors(vec![parse_error(f)]))?;
    from_node(&v)
}

/// Validates a JSON value and builds the typed record.
///
/// # Errors
/// Every problem of the record.
pub fn from_value(v: &Value) -> Result<Record, ValidationErrors> {
    from_node(&Node::from_value(v))
}

fn from_node(v: &Node) -> Result<Record, ValidationErrors> {
    let mut r = Reader::default();
    let rec = read_record(&mut r, v);
    match rec {
        Some(rec) if r.errors.is_empty() => Ok(rec),
        _ => Err(ValidationErrors(r.errors)),
    }
}

fn read_record(r: &mut Reader, v: &Node) -> Option<Record> {
    let Node::Object(map) = v else {
        r.type_error("", v, ("an object", "对象"));
        return None;
    };
    let format = match map.get("format").filter(|f| !f.is_null()) {
        None => {
            r.push(ErrorCode::Required, "/format", ctx([("field", json!("format"))]));
            return None;
        }
        Some(Node::String(f)) => f.as_ref(),
        Some(other) => {
            r.type_error("/format", other, ("a string", "字符串"));
            return None;
        }
    };
    match format {
        "sifasuo.office/1" => {
            let o = r.object(v, reader::Path::Root, sections::OFFICE_RECORD)?;
            sections::office_record(r, &o).map(|rec| Record::Office(Box::new(rec)))
        }
        "sifasuo.district/1" => {
            let o = r.object(v, reader::Path::Root, sections::DISTRICT_RECORD)?;
            sections::district_record(r, &o).map(Record::District)
        }
        other => {
            let mut c = ctx([("value", json!(other))]);
            if let Some(s) = reader::suggest(other, FORMATS) {
                c.insert("suggestion".into(), json!(s));
            }
            r.push(ErrorCode::UnknownFormat, "/format", c);
            None
        }
    }
}

/// Every problem of a JSON value (empty when it is a valid record).
pub fn validate_value(v: &Value) -> Vec<ValidationError> {
    from_value(v).err().map(|e| e.0).unwrap_or_default()
}

/// Checks a typed office record built in Rust (counts, parts ≤ wholes, personal data…).
pub fn validate_office(rec: &OfficeRecord) -> Vec<ValidationError> {
    match serde_json::to_value(rec) {
        Ok(v) => validate_value(&v),
        Err(e) => vec![parse_error(parse::ParseFailure {
            reason: e.to_string(),
            line: 0,
            column: 0,
            duplicate_key: None,
        })],
    }
}

/// Checks a typed district record built in Rust.
pub fn validate_district(rec: &DistrictRecord) -> Vec<ValidationError> {
    match serde_json::to_value(rec) {
        Ok(v) => validate_value(&v),
        Err(e) => vec![parse_error(parse::ParseFailure {
            reason: e.to_string(),
            line: 0,
            column: 0,
            duplicate_key: None,
        })],
    }
}
