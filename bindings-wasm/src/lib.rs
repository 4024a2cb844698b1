//! WebAssembly binding of `sifasuo`: JS values in, `sifasuo::api` called, JS values out.
//!
//! Values cross the boundary as JSON text: JS → text by a strict `JSON.stringify` (NaN,
//! `undefined`, BigInt, functions and cycles are refused, not nulled), text → value by core's own
//! parser (same limits and errors as the CLI and Python), results → text by [`json`] (the bytes
//! `serde_json` writes, faster in this size-optimised build) → `JSON.parse`; a batch's rows one
//! row at a time. So every front door yields the same bytes. Invalid records come back as data;
//! only misuse (bad options, bad parameters, unknown schema kind) throws.

use serde_json::{json, Map, Value};
use sifasuo::api;
use sifasuo::batch::{self, Item, Outcome, Source};
use sifasuo::params::{ParamIssue, Parameters, ParametersError};
use sifasuo::validate::{self, pii::redact, ErrorCode, ValidationError};
use wasm_bindgen::prelude::*;

mod json;

#[wasm_bindgen(module = "/src/convert.js")]
extern "C" {
    #[wasm_bindgen(js_name = toJsonText)]
    fn to_json_text(value: &JsValue) -> Option<String>;
    #[wasm_bindgen(js_name = failurePath)]
    fn failure_path() -> String;
    #[wasm_bindgen(js_name = failureReason)]
    fn failure_reason() -> String;
    #[wasm_bindgen(js_name = fromJsonBytes, catch)]
    fn from_json_bytes(utf8: &[u8]) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = paramsOption, catch)]
    fn params_option(options: &JsValue, func: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = isArray, catch)]
    fn is_array(v: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_name = arrayLength, catch)]
    fn array_length(v: &JsValue) -> Result<u32, JsValue>;
    #[wasm_bindgen(js_name = arrayGet, catch)]
    fn array_get(v: &JsValue, i: u32) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = makeError)]
    fn make_error(name: &str, message: &str, issues_json: &str) -> JsValue;
    #[wasm_bindgen(js_name = csvOption, catch)]
    fn csv_option(options: &JsValue, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = newArray)]
    fn new_array() -> JsValue;
    #[wasm_bindgen(js_name = pushJsonBytes, catch)]
    fn push_json_bytes(array: &JsValue, utf8: &[u8]) -> Result<(), JsValue>;
}

/// JS value → JSON text, or the `invalid_json` error saying why it is not JSON data.
fn text_of(value: &JsValue) -> Result<String, ValidationError> {
    match to_json_text(value) {
        Some(t) => Ok(t),
        None => {
            let mut ctx = Map::new();
            ctx.insert("reason".into(), json!(failure_reason()));
            Err(ValidationError::new(
                ErrorCode::InvalidJson,
                redact(&failure_path()),
                ctx,
            ))
        }
    }
}

/// JS value → JSON value through core's parser.
fn value_of(value: &JsValue) -> Result<Value, ValidationError> {
    validate::parse_value(&text_of(value)?)
}

/// Rust value → plain JS object (same keys and numbers as the JSON the CLI writes).
fn to_js<T: serde::Serialize>(v: &T) -> Result<JsValue, JsValue> {
    let text = json::to_vec(v).map_err(|e| make_error("Error", &format!("sifasuo: {e}"), ""))?;
    from_json_bytes(&text)
}

/// Rows → JS array of plain objects, the same as `to_js(&rows)`, one row's JSON text at a time:
/// one reused buffer instead of the whole batch's text (tens of MB that wasm memory, which never
/// shrinks, would keep), and each row freed once written.
fn rows_to_js(rows: Vec<batch::Row>) -> Result<JsValue, JsValue> {
    let array = new_array();
    let mut out = Vec::new();
    for row in rows {
        out.clear();
        json::write(&mut out, &row).map_err(|e| make_error("Error", &format!("sifasuo: {e}"), ""))?;
        push_json_bytes(&array, &out)?;
    }
    Ok(array)
}

fn type_error(message: &str) -> JsValue {
    make_error("TypeError", message, "")
}

fn params_error(issues: &[ParamIssue], message: &str) -> JsValue {
    let issues = serde_json::to_string(issues).unwrap_or_else(|_| "[]".into());
    make_error("ParametersError", message, &issues)
}

/// The parameters named by `options.params` (defaults when absent).
fn params_of(options: &JsValue, func: &str) -> Result<Parameters, JsValue> {
    let over = params_option(options, func)?;
    if over.is_undefined() {
        return Ok(Parameters::default());
    }
    let v = value_of(&over).map_err(|e| {
        let issue = ParamIssue {
            path: e.path.clone(),
            message: e.message_en.clone(),
        };
        params_error(&[issue], &format!("{func}: parameters are not valid: {}", e.message_en))
    })?;
    api::parameters(Some(&v)).map_err(|e| {
        let issues = match &e {
            ParametersError::Invalid(issues) => issues.clone(),
            other => vec![ParamIssue {
                path: String::new(),
                message: other.to_string(),
            }],
        };
        params_error(&issues, &format!("{func}: {e}"))
    })
}

/// Every element of a JS array as a batch item.
fn items_of(records: &JsValue, func: &str) -> Result<Vec<Item>, JsValue> {
    if !is_array(records)? {
        return Err(type_error(&format!("{func}: expected an array of records")));
    }
    let n = array_length(records)?;
    let mut items = Vec::with_capacity(n.min(100_000) as usize);
    for i in 0..n {
        let v = array_get(records, i)?;
        items.push((
            Source {
                file: String::new(),
                line: i as usize + 1,
            },
            text_of(&v),
        ));
    }
    Ok(items)
}

/// Every problem of a record (`[]` when valid).
#[wasm_bindgen]
pub fn validate(record: JsValue) -> Result<JsValue, JsValue> {
    let errors = match value_of(&record) {
        Ok(v) => api::validate(&v),
        Err(e) => vec![e],
    };
    to_js(&errors)
}

/// Validates and scores one record: `{kind: "office"|"district", report}` or `{kind: "invalid", errors}`.
#[wasm_bindgen]
pub fn score(record: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let params = params_of(&options, "score")?;
    let outcome = match value_of(&record) {
        Ok(v) => api::score(&v, &params),
        Err(e) => Outcome::Invalid { errors: vec![e] },
    };
    to_js(&outcome)
}

/// Scores a batch: one row per record, in input order.
#[wasm_bindgen(js_name = scoreMany)]
pub fn score_many(records: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let params = params_of(&options, "scoreMany")?;
    let items = items_of(&records, "scoreMany")?;
    let rows = batch::score_items(&items, &params);
    drop(items);
    rows_to_js(rows)
}

/// The rectification ledger (台账) of a batch of office records over several years.
#[wasm_bindgen]
pub fn ledger(records: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let params = params_of(&options, "ledger")?;
    let items = items_of(&records, "ledger")?;
    let rows = batch::score_items(&items, &params);
    match api::ledger(&rows) {
        Ok(l) => to_js(&l),
        Err(e) => Err(make_error("LedgerError", &e.to_string(), "")),
    }
}

/// The problem list (问题清单) of an office report, worst first.
#[wasm_bindgen]
pub fn problems(report: JsValue) -> Result<JsValue, JsValue> {
    let v = value_of(&report).map_err(|e| type_error(&format!("problems: {}", e.message_en)))?;
    let r: sifasuo::Report =
        serde_json::from_value(v).map_err(|_| type_error("problems: expected an office report"))?;
    to_js(&sifasuo::report::problems_of(&r.findings))
}

/// The rule catalogue (points and severities of the given parameters).
#[wasm_bindgen]
pub fn rules(options: JsValue) -> Result<JsValue, JsValue> {
    let params = params_of(&options, "rules")?;
    to_js(&api::rules(&params))
}

/// The JSON Schema of `"office"`, `"district"` or `"parameters"`.
#[wasm_bindgen]
pub fn schema(kind: JsValue) -> Result<JsValue, JsValue> {
    let name = kind.as_string().unwrap_or_default();
    match api::schema(&name) {
        Some(s) => to_js(&s),
        None => Err(type_error(
            "schema: kind must be \"office\", \"district\" or \"parameters\"",
        )),
    }
}

/// Every validation error code with its description.
#[wasm_bindgen(js_name = errorCodes)]
pub fn error_codes() -> Result<JsValue, JsValue> {
    to_js(&api::error_codes())
}

/// Reads CSV text in the spreadsheet layout (the template's columns; header row of field ids,
/// Chinese headers or both) into records. `options.units`: CSV text of the communities/villages
/// sheet; `options.name`: the file name used in locations (default `upload.csv`).
///
/// Returns `{ records, sources, errors }`: every record the rows make (valid or not), where each
/// came from, and every error — rows that could not become records and each record's validation
/// errors — with its `location` (sheet, cell, column header, field, cell content). Throws only on
/// misuse (text not a string).
#[wasm_bindgen(js_name = fromCsv)]
pub fn from_csv(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let Some(text) = text.as_string() else {
        return Err(type_error("fromCsv: expected the CSV text as a string"));
    };
    let opt = |key: &str| -> Result<Option<String>, JsValue> { Ok(csv_option(&options, key)?.as_string()) };
    let name = opt("name")?.unwrap_or_else(|| "upload.csv".to_string());
    let units = opt("units")?;
    let mut inputs = vec![(name.clone(), text)];
    if let Some(u) = units {
        inputs.push(("units.csv".to_string(), u));
    }
    let mut sheets = Vec::new();
    let mut failed = Vec::new();
    for (n, t) in &inputs {
        match sifasuo::flat::read_csv(n, t.as_bytes()) {
            Ok(s) => sheets.push((n.clone(), vec![s])),
            Err(e) => failed.push(sifasuo::flat::ErrorRow {
                source: Source {
                    file: n.clone(),
                    line: e.ctx.get("line").and_then(Value::as_u64).unwrap_or(1) as usize,
                },
                errors: vec![e],
            }),
        }
    }
    let files: Vec<(&str, &[sifasuo::flat::Sheet], bool)> =
        sheets.iter().map(|(n, s)| (n.as_str(), s.as_slice(), true)).collect();
    let import = sifasuo::flat::import_many(&files);
    let all: Vec<sifasuo::flat::Sheet> = sheets.iter().flat_map(|(_, s)| s.iter().cloned()).collect();
    let mut result = import.result(&all, true);
    result.errors.splice(0..0, failed);
    to_js(&result)
}

/// The spreadsheet column layout (`{offices, units, districts}`: id, header, section,
/// description, type, bounds or choices, required) shared by the Excel template and CSV files.
#[wasm_bindgen]
pub fn columns() -> Result<JsValue, JsValue> {
    to_js(sifasuo::flat::layout())
}
