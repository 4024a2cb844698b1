//! JSON Schemas (draft 2020-12) generated from the Rust types.

use crate::model::{DistrictRecord, OfficeRecord};
use serde_json::Value;

/// Which schema to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaKind {
    /// `sifasuo.office/1`
    Office,
    /// `sifasuo.district/1`
    District,
}

impl SchemaKind {
    /// Parses `office` or `district`.
    pub fn from_name(name: &str) -> Option<SchemaKind> {
        match name {
            "office" => Some(SchemaKind::Office),
            "district" => Some(SchemaKind::District),
            _ => None,
        }
    }
}

/// The JSON Schema of a record kind.
///
/// # Example
/// ```
/// let s = sifasuo::schema::schema(sifasuo::schema::SchemaKind::Office);
/// assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// ```
pub fn schema(kind: SchemaKind) -> Value {
    let s = match kind {
        SchemaKind::Office => schemars::schema_for!(OfficeRecord),
        SchemaKind::District => schemars::schema_for!(DistrictRecord),
    };
    s.to_value()
}
