//! # sifasuo — 京司发〔2022〕42号 as code
//!
//! Typed records of Beijing's judicial offices (司法所) and district bureaus (区司法局),
//! validation with field-level errors, every requirement of the three-year standardisation
//! plan as a rule traced to its clause, and scoring.
#![deny(missing_docs)]

pub mod model;
pub mod schema;
pub mod validate;

pub use model::{DistrictRecord, OfficeRecord, Record};
pub use validate::{ErrorCode, ValidationError, ValidationErrors};
