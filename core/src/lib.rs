//! # sifasuo — 京司发〔2022〕42号 as code
//!
//! Typed records of Beijing's judicial offices (司法所) and district bureaus (区司法局),
//! validation with field-level errors, every requirement of the three-year standardisation
//! plan (《全市司法所规范化建设三年行动方案（2022—2024年）》) as a rule traced to its clause,
//! and scoring: points, grade, problem list and district roll-ups.
//!
//! ```
//! use sifasuo::{params::Parameters, validate, Record};
//! let text = std::fs::read_to_string("../tests/examples/office-street-2023.json").unwrap();
//! match validate::parse(&text) {
//!     Ok(Record::Office(office)) => {
//!         let report = sifasuo::score::score(&office, &Parameters::default());
//!         println!("{} {} {}", report.office.name, report.score, report.grade_zh);
//!         for p in report.problems() {
//!             println!("{} {}", p.clause, p.message);
//!         }
//!     }
//!     Ok(Record::District(_)) => {}
//!     Err(errors) => errors.0.iter().for_each(|e| println!("{e}")),
//! }
//! ```
#![deny(missing_docs)]

pub mod api;
pub mod batch;
pub mod docs;
pub mod flat;
pub mod html;
pub mod ledger;
pub mod model;
pub mod params;
pub mod report;
pub mod rules;
pub mod schema;
pub mod score;
pub mod validate;

pub use model::{DistrictRecord, OfficeRecord, Record};
pub use params::Parameters;
pub use report::{DistrictReport, Grade, Report};
pub use validate::{ErrorCode, ValidationError, ValidationErrors};
