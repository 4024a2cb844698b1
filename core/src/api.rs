//! The JSON-facing front door shared by the Python and WebAssembly bindings.
//!
//! Every function takes and returns plain JSON-shaped values, so a binding only converts its
//! language's objects to [`serde_json::Value`], calls one function here, and converts back.
//! Invalid records come back as data ([`Outcome::Invalid`]), never as an error.

use crate::batch::{self, Outcome, Row};
use crate::ledger::{Ledger, LedgerError};
use crate::params::{Parameters, ParametersError};
use crate::rules::RuleInfo;
use crate::validate::{self, ErrorCode, ValidationError};
use crate::Record;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Every problem of a record (empty when valid).
pub fn validate(record: &Value) -> Vec<ValidationError> {
    validate::validate_value(record)
}

/// Validates and scores one record (office, or district without roll-up).
pub fn score(record: &Value, params: &Parameters) -> Outcome {
    match validate::from_value(record) {
        Err(e) => Outcome::Invalid { errors: e.0 },
        Ok(Record::Office(o)) => Outcome::Office {
            report: Box::new(crate::score::score(&o, params)),
        },
        Ok(Record::District(d)) => Outcome::District {
            report: Box::new(crate::score::score_district(&d, params, None)),
        },
    }
}

/// Like [`score`], with last year's qualification ratio of the office (for
/// `t10-qualification-trend` when the record has no `previous_qualification_ratio`).
pub fn score_with_previous(record: &Value, params: &Parameters, previous_ratio: Option<f64>) -> Outcome {
    match validate::from_value(record) {
        Ok(Record::Office(o)) => Outcome::Office {
            report: Box::new(crate::score::score_with(&o, params, previous_ratio)),
        },
        _ => score(record, params),
    }
}

/// Scores a batch: one row per record in input order, duplicates reported as error rows,
/// last year's qualification ratio taken from the batch, district records rolled up with their
/// offices.
pub fn score_many(records: &[Value], params: &Parameters) -> Vec<Row> {
    batch::score_values(records, params)
}

/// Scores a JSON-lines text.
pub fn score_jsonl(text: &str, params: &Parameters) -> Vec<Row> {
    let items = batch::jsonl_items(text, "");
    let mut rows = Vec::with_capacity(items.len());
    batch::score_stream(
        || items.iter().cloned(),
        params,
        &batch::BatchOptions::default(),
        |r| rows.push(r),
    );
    rows.sort_by_key(|r| r.index);
    rows
}

/// The rectification ledger of a batch's office reports.
///
/// # Errors
/// When an office has two reports in one year.
pub fn ledger(rows: &[Row]) -> Result<Ledger, LedgerError> {
    crate::ledger::ledger(batch::office_reports(rows))
}

/// The rule catalogue with the points and severities of `params`.
pub fn rules(params: &Parameters) -> Vec<RuleInfo> {
    crate::rules::catalogue(params)
}

/// The JSON Schema of `office`, `district` or `parameters`.
pub fn schema(kind: &str) -> Option<Value> {
    match kind {
        "parameters" => Some(Parameters::schema()),
        other => crate::schema::SchemaKind::from_name(other).map(crate::schema::schema),
    }
}

/// One validation error code and what it means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorCodeInfo {
    /// The code.
    pub code: ErrorCode,
    /// What it means.
    pub description: String,
}

/// Every validation error code.
pub fn error_codes() -> Vec<ErrorCodeInfo> {
    validate::error_codes()
        .iter()
        .map(|c| ErrorCodeInfo {
            code: *c,
            description: c.description().into(),
        })
        .collect()
}

/// The default parameters, or the defaults with `override_` applied.
///
/// # Errors
/// When the override is malformed or out of bounds.
pub fn parameters(override_: Option<&Value>) -> Result<Parameters, ParametersError> {
    match override_ {
        None => Ok(Parameters::default()),
        Some(v) => Parameters::from_override(v),
    }
}
