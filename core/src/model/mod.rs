//! Typed records: one module per heading of the plan.
//!
//! Every field below `format`, `year` and `office` is optional: `None` means "not reported"
//! (absent or `null` in JSON), which is different from `false` or `0`. Sections are plain
//! structs whose fields are all optional, so an absent section is the same as an empty one.

pub mod administration;
pub mod community_correction;
pub mod district;
pub mod legal_education;
pub mod mediation;
pub mod office;
pub mod political;
pub mod public_legal_service;
pub mod resettlement;
pub mod staffing;
pub mod support;
pub mod units;

pub use administration::*;
pub use community_correction::*;
pub use district::*;
pub use legal_education::*;
pub use mediation::*;
pub use office::*;
pub use political::*;
pub use public_legal_service::*;
pub use resettlement::*;
pub use staffing::*;
pub use support::*;
pub use units::*;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Largest count accepted anywhere in a record.
pub const MAX_COUNT: u32 = 1_000_000;
/// Largest area (m²) accepted in a record.
pub const MAX_AREA_M2: f64 = 100_000.0;
/// Most units (communities / villages) one office may list.
pub const MAX_UNITS: usize = 1_000;
/// Longest name or code, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest office code, in characters.
pub const MAX_CODE_CHARS: usize = 64;
/// Longest `notes`, in characters.
pub const MAX_NOTES_CHARS: usize = 2_000;

/// A count of people, documents, meetings… (a non-negative integer, at most 1,000,000).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
#[schemars(transparent)]
pub struct Count(#[schemars(range(min = 0, max = 1_000_000))] pub u32);

impl Count {
    /// The count as `f64`, for ratios.
    pub fn as_f64(self) -> f64 {
        f64::from(self.0)
    }
}

/// An area in square metres (finite, 0..=100,000).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
#[schemars(transparent)]
pub struct AreaM2(#[schemars(range(min = 0, max = 100_000))] pub f64);

/// A ratio between 0 and 1 inclusive.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
#[schemars(transparent)]
pub struct Ratio(#[schemars(range(min = 0, max = 1))] pub f64);

/// The rule edition a record is assessed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
pub enum Standard {
    /// 京司发〔2022〕42号, years 2022–2024.
    #[default]
    #[serde(rename = "BJ-2022-42")]
    Bj2022_42,
}

impl Standard {
    /// Every known edition.
    pub const ALL: [Standard; 1] = [Standard::Bj2022_42];

    /// The edition's identifier, e.g. `BJ-2022-42`.
    pub fn id(self) -> &'static str {
        match self {
            Standard::Bj2022_42 => "BJ-2022-42",
        }
    }

    /// The assessment years the edition covers.
    pub fn years(self) -> std::ops::RangeInclusive<i32> {
        match self {
            Standard::Bj2022_42 => 2022..=2024,
        }
    }
}

/// Either kind of record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Record {
    /// A judicial office (`sifasuo.office/1`).
    Office(Box<OfficeRecord>),
    /// A district bureau (`sifasuo.district/1`).
    District(DistrictRecord),
}

impl Record {
    /// The assessment year.
    pub fn year(&self) -> i32 {
        match self {
            Record::Office(o) => o.year,
            Record::District(d) => d.year,
        }
    }
}

pub(crate) fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}
