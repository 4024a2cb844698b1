//! The native half of the `sifasuo` Python package (`sifasuo._native`).
//!
//! Every function converts its input (JSON text made by `json.dumps` on the Python side), calls
//! [`sifasuo::api`] or the public batch functions of the core crate, and hands the answer back as
//! canonical JSON text (the core's own `serde_json` output) or as a small opaque object. The
//! public, documented API lives in `python/sifasuo/__init__.py`; nothing here is domain logic.

use pyo3::exceptions::{PyIOError, PyIndexError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{json, Map};
use sifasuo::api;
use sifasuo::batch::{self, BatchOptions, Item, Outcome, Row, Source};
use sifasuo::params::{Parameters, ParametersError};
use sifasuo::report::{problems_of, DistrictReport, Report};
use sifasuo::validate::{parse_value, ErrorCode, ValidationError};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

fn default_params() -> &'static Arc<Parameters> {
    static DEFAULT: OnceLock<Arc<Parameters>> = OnceLock::new();
    DEFAULT.get_or_init(|| Arc::new(Parameters::default()))
}

fn to_json<T: serde::Serialize + ?Sized>(v: &T) -> PyResult<String> {
    serde_json::to_string(v).map_err(|e| PyValueError::new_err(format!("cannot serialise: {e}")))
}

/// The error of an input that could not even be turned into JSON text on the Python side.
fn conversion_error(reason: &str) -> ValidationError {
    let mut c = Map::new();
    c.insert("reason".into(), json!(reason));
    ValidationError::new(ErrorCode::InvalidJson, "", c)
}

/// Scoring parameters (opaque; see `sifasuo.Parameters`).
#[pyclass(frozen, module = "sifasuo._native")]
struct Params {
    inner: Arc<Parameters>,
}

#[pymethods]
impl Params {
    /// The id written into every report.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// Canonical JSON of every parameter.
    fn to_json(&self) -> PyResult<String> {
        to_json(self.inner.as_ref())
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Params>().is_ok_and(|o| *o.get().inner == *self.inner)
    }
}

fn params_of(p: Option<&Bound<'_, Params>>) -> Arc<Parameters> {
    match p {
        Some(p) => Arc::clone(&p.get().inner),
        None => Arc::clone(default_params()),
    }
}

/// `(Params, None)` or `(None, issues_json)`; `text` is an override (or a full parameter set),
/// `None` for the defaults.
#[pyfunction]
#[pyo3(signature = (text=None))]
fn parameters(text: Option<&str>) -> PyResult<(Option<Params>, Option<String>)> {
    let result = match text {
        None => Ok(Parameters::default()),
        Some(t) => Parameters::from_override_json(t),
    };
    match result {
        Ok(p) => Ok((Some(Params { inner: Arc::new(p) }), None)),
        Err(e) => {
            let issues = match &e {
                ParametersError::Invalid(issues) => issues
                    .iter()
                    .map(|i| json!({"path": i.path, "message": i.message}))
                    .collect(),
                other => vec![json!({"path": "", "message": other.to_string()})],
            };
            Ok((None, Some(to_json(&issues)?)))
        }
    }
}

/// Every problem of one record given as JSON text (`[]` when valid), as JSON text.
#[pyfunction]
fn validate(py: Python<'_>, text: &str) -> PyResult<String> {
    let errors = py.detach(|| match parse_value(text) {
        Err(e) => vec![e],
        Ok(v) => api::validate(&v),
    });
    to_json(&errors)
}

/// Validation errors, as JSON text, for an input that could not be serialised.
#[pyfunction]
fn conversion_errors(reason: &str) -> PyResult<String> {
    to_json(&vec![conversion_error(reason)])
}

enum AnyReport {
    Office(Box<Report>),
    District(Box<DistrictReport>),
}

/// One office or district report (opaque; see `sifasuo.Report`).
#[pyclass(frozen, module = "sifasuo._native")]
struct NativeReport {
    inner: AnyReport,
}

#[pymethods]
impl NativeReport {
    /// `office` or `district`.
    #[getter]
    fn kind(&self) -> &'static str {
        match self.inner {
            AnyReport::Office(_) => "office",
            AnyReport::District(_) => "district",
        }
    }

    /// Canonical JSON (the core's serde_json output, byte for byte).
    fn to_json(&self) -> PyResult<String> {
        match &self.inner {
            AnyReport::Office(r) => Ok(r.to_json()),
            AnyReport::District(r) => to_json(r.as_ref()),
        }
    }

    /// The problem list (问题清单), as JSON text.
    fn problems(&self) -> PyResult<String> {
        match &self.inner {
            AnyReport::Office(r) => to_json(&r.problems()),
            AnyReport::District(r) => to_json(&problems_of(&r.findings)),
        }
    }
}

/// `("office" | "district", NativeReport)` or `("invalid", errors_json)`.
fn outcome_to_py(py: Python<'_>, outcome: &Outcome) -> PyResult<(&'static str, Py<PyAny>)> {
    Ok(match outcome {
        Outcome::Office { report } => (
            "office",
            Py::new(
                py,
                NativeReport {
                    inner: AnyReport::Office(report.clone()),
                },
            )?
            .into_any(),
        ),
        Outcome::District { report } => (
            "district",
            Py::new(
                py,
                NativeReport {
                    inner: AnyReport::District(report.clone()),
                },
            )?
            .into_any(),
        ),
        Outcome::Invalid { errors } => ("invalid", PyString::new(py, &to_json(errors)?).into_any().unbind()),
    })
}

/// Scores one record given as JSON text.
#[pyfunction]
#[pyo3(signature = (text, params=None))]
fn score(py: Python<'_>, text: &str, params: Option<&Bound<'_, Params>>) -> PyResult<(&'static str, Py<PyAny>)> {
    let p = params_of(params);
    let outcome = py.detach(|| match parse_value(text) {
        Err(e) => Outcome::Invalid { errors: vec![e] },
        Ok(v) => api::score(&v, &p),
    });
    outcome_to_py(py, &outcome)
}

/// The rows of a scored batch (opaque; see `sifasuo.BatchResult`).
#[pyclass(frozen, module = "sifasuo._native")]
struct Batch {
    rows: Vec<Row>,
}

#[pymethods]
impl Batch {
    fn __len__(&self) -> usize {
        self.rows.len()
    }

    /// Row `i` as `(index, file, line, kind, NativeReport | errors_json)`.
    fn row(&self, py: Python<'_>, i: usize) -> PyResult<(usize, String, usize, &'static str, Py<PyAny>)> {
        let row = self
            .rows
            .get(i)
            .ok_or_else(|| PyIndexError::new_err("row index out of range"))?;
        let (kind, value) = outcome_to_py(py, &row.outcome)?;
        Ok((row.index, row.source.file.clone(), row.source.line, kind, value))
    }

    /// Roll-ups per district and year and for the city, as JSON text.
    fn districts(&self, py: Python<'_>) -> PyResult<String> {
        let s = py.detach(|| batch::district_summaries(&self.rows));
        to_json(&s)
    }

    /// The problem list of all office reports of the batch, per rule, as JSON text.
    fn problems(&self, py: Python<'_>) -> PyResult<String> {
        let p = py.detach(|| sifasuo::report::set_problems(batch::office_reports(&self.rows)));
        to_json(&p)
    }

    /// `(ledger_json, None)` or `(None, error_json)`.
    fn ledger(&self, py: Python<'_>) -> PyResult<(Option<String>, Option<String>)> {
        match py.detach(|| api::ledger(&self.rows)) {
            Ok(l) => Ok((Some(to_json(&l)?), None)),
            Err(e) => {
                let detail = match &e {
                    sifasuo::ledger::LedgerError::Duplicate { code, year } => {
                        json!({"code": "duplicate_record", "office": code, "year": year, "message": e.to_string()})
                    }
                    _ => json!({"code": "ledger_error", "message": e.to_string()}),
                };
                Ok((None, Some(to_json(&vec![detail])?)))
            }
        }
    }
}

fn run(py: Python<'_>, items: Vec<Item>, params: &Parameters) -> Batch {
    py.detach(|| Batch {
        rows: batch::score_items(&items, params),
    })
}

/// How deep [`write_json`] goes before leaving a value to Python's `json` (which reports deep
/// nesting and cycles in its own words).
const FAST_DEPTH: usize = 64;

/// Writes a plain Python value — `dict` with `str` keys, `list`, `tuple`, `str`, `int` that fits
/// 64 bits, finite `float`, `bool`, `None`, exact types only — as JSON text, the value
/// `json.dumps` writes. `false` for anything else (NaN, a huge int, a subclass, a `datetime`, a
/// lone surrogate, nesting deeper than [`FAST_DEPTH`]…): the caller then asks Python's `json`, so
/// every such record keeps exactly the text or the error reason it had before.
fn write_json(v: &Bound<'_, PyAny>, out: &mut String, depth: usize) -> bool {
    use std::fmt::Write;
    if depth > FAST_DEPTH {
        return false;
    }
    if v.is_none() {
        out.push_str("null");
    } else if let Ok(b) = v.cast_exact::<PyBool>() {
        out.push_str(if b.is_true() { "true" } else { "false" });
    } else if let Ok(s) = v.cast_exact::<PyString>() {
        let Ok(text) = s.to_cow() else { return false };
        let Ok(quoted) = serde_json::to_string(text.as_ref()) else {
            return false;
        };
        out.push_str(&quoted);
    } else if let Ok(i) = v.cast_exact::<PyInt>() {
        if let Ok(n) = i.extract::<i64>() {
            let _ = write!(out, "{n}");
        } else if let Ok(n) = i.extract::<u64>() {
            let _ = write!(out, "{n}");
        } else {
            return false;
        }
    } else if let Ok(f) = v.cast_exact::<PyFloat>() {
        let x = f.value();
        // Python writes NaN/Infinity, which the core rejects: leave those to it
        let Some(n) = serde_json::Number::from_f64(x) else {
            return false;
        };
        let _ = write!(out, "{n}");
    } else if let Ok(d) = v.cast_exact::<PyDict>() {
        out.push('{');
        for (i, (k, val)) in d.iter().enumerate() {
            let Ok(k) = k.cast_exact::<PyString>() else {
                return false;
            };
            if i > 0 {
                out.push(',');
            }
            if !write_json(k.as_any(), out, depth + 1) {
                return false;
            }
            out.push(':');
            if !write_json(&val, out, depth + 1) {
                return false;
            }
        }
        out.push('}');
    } else if let Ok(l) = v.cast_exact::<PyList>() {
        return write_seq(l.iter(), out, depth);
    } else if let Ok(t) = v.cast_exact::<PyTuple>() {
        return write_seq(t.iter(), out, depth);
    } else {
        return false;
    }
    true
}

/// A list or tuple as a JSON array ([`write_json`]).
fn write_seq<'py>(items: impl Iterator<Item = Bound<'py, PyAny>>, out: &mut String, depth: usize) -> bool {
    out.push('[');
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if !write_json(&item, out, depth + 1) {
            return false;
        }
    }
    out.push(']');
    true
}

/// Scores Python records (dicts, or JSON texts): plain values are written as JSON here, anything
/// else by `dumps` (the package's `_dumps`, returning `(True, text)` or `(False, reason)`).
#[pyfunction]
#[pyo3(signature = (records, dumps, file="", params=None))]
fn score_objects(
    py: Python<'_>,
    records: Vec<Bound<'_, PyAny>>,
    dumps: Bound<'_, PyAny>,
    file: &str,
    params: Option<&Bound<'_, Params>>,
) -> PyResult<Batch> {
    let p = params_of(params);
    let mut items: Vec<Item> = Vec::with_capacity(records.len());
    for (i, r) in records.iter().enumerate() {
        let source = Source {
            file: file.into(),
            line: i + 1,
        };
        let mut text = String::new();
        if r.cast_exact::<PyDict>().is_ok() && write_json(r, &mut text, 0) {
            items.push((source, Ok(text)));
            continue;
        }
        let (ok, s): (bool, Bound<'_, PyString>) = dumps.call1((r,))?.extract()?;
        let text = match s.extract::<String>() {
            Ok(t) if ok => Ok(t),
            Ok(reason) => Err(conversion_error(&reason)),
            Err(_) => Err(conversion_error("the text is not valid Unicode (lone surrogate)")),
        };
        items.push((source, text));
    }
    Ok(run(py, items, &p))
}

/// Scores JSON-lines bytes (blank lines skipped, line numbers kept, a line that is not UTF-8
/// becomes an error row).
#[pyfunction]
#[pyo3(signature = (data, file="", params=None))]
fn score_jsonl(py: Python<'_>, data: &[u8], file: &str, params: Option<&Bound<'_, Params>>) -> PyResult<Batch> {
    let p = params_of(params);
    let data = data.strip_prefix(b"\xef\xbb\xbf".as_slice()).unwrap_or(data);
    let items: Vec<Item> = data
        .split(|b| *b == b'\n')
        .enumerate()
        .filter(|(_, l)| !l.iter().all(u8::is_ascii_whitespace))
        .map(|(i, l)| {
            let source = Source {
                file: file.into(),
                line: i + 1,
            };
            match std::str::from_utf8(l) {
                Ok(s) => (source, Ok(s.trim_end().to_string())),
                Err(_) => (source, Err(conversion_error("the line is not valid UTF-8"))),
            }
        })
        .collect();
    Ok(run(py, items, &p))
}

/// Scores a file: `.json` holds one record or an array, anything else is JSON lines.
#[pyfunction]
#[pyo3(signature = (path, params=None))]
fn score_file(py: Python<'_>, path: PathBuf, params: Option<&Bound<'_, Params>>) -> PyResult<Batch> {
    let p = params_of(params);
    // score_files_map opens the file before scoring: a missing file is an IOError, not a row
    py.detach(|| {
        let mut rows = Vec::new();
        // the first pass reads the file in parts at once
        batch::score_files_map(
            std::slice::from_ref(&path),
            &p,
            &BatchOptions::default(),
            |r| r,
            |r| rows.push(r),
        )?;
        rows.sort_by_key(|r| r.index);
        Ok(Batch { rows })
    })
    .map_err(|e: batch::ReadError| PyIOError::new_err(e.to_string()))
}

/// The rule catalogue, as JSON text.
#[pyfunction]
#[pyo3(signature = (params=None))]
fn rules(params: Option<&Bound<'_, Params>>) -> PyResult<String> {
    to_json(&api::rules(&params_of(params)))
}

/// The JSON Schema of `office`, `district` or `parameters` as JSON text, `None` for another kind.
#[pyfunction]
fn schema(kind: &str) -> PyResult<Option<String>> {
    api::schema(kind).map(|s| to_json(&s)).transpose()
}

/// Reads spreadsheets (`.xlsx`, `.csv`; units CSVs join offices CSVs) into records, as JSON
/// text: `{"records": [...], "sources": [...], "errors": [...]}` (rows that could not become
/// records; with `check`, every record's validation errors too, pointing at cells).
#[pyfunction]
#[pyo3(signature = (paths, check=false))]
fn read_sheets(py: Python<'_>, paths: Vec<PathBuf>, check: bool) -> PyResult<String> {
    let (import, sheets) = py
        .detach(|| sifasuo::flat::import_files(&paths))
        .map_err(PyIOError::new_err)?;
    to_json(&import.result(&sheets, check))
}

/// Scores spreadsheets: one row per record or failed row, errors pointing at cells.
#[pyfunction]
#[pyo3(signature = (paths, params=None))]
fn score_sheets(py: Python<'_>, paths: Vec<PathBuf>, params: Option<&Bound<'_, Params>>) -> PyResult<Batch> {
    let p = params_of(params);
    py.detach(|| -> Result<Batch, String> {
        let (import, sheets) = sifasuo::flat::import_files(&paths)?;
        Ok(Batch {
            rows: import.score(&sheets, &p),
        })
    })
    .map_err(PyIOError::new_err)
}

/// Scores tables in the spreadsheet layout given as JSON text `[{"name": …, "rows": [[cell,
/// …], …]}, …]` (first row: the column ids or headers; `null` cells are empty).
#[pyfunction]
#[pyo3(signature = (frames, params=None))]
fn score_frames(py: Python<'_>, frames: &str, params: Option<&Bound<'_, Params>>) -> PyResult<Batch> {
    let p = params_of(params);
    let v: serde_json::Value = serde_json::from_str(frames).map_err(|e| PyValueError::new_err(e.to_string()))?;
    let sheets: Vec<(String, Vec<sifasuo::flat::Sheet>)> = v
        .as_array()
        .map(|a| a.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|f| {
            let name = f.get("name").and_then(serde_json::Value::as_str).unwrap_or("DataFrame");
            let rows = f
                .get("rows")
                .and_then(serde_json::Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or_default();
            (name.to_string(), vec![sifasuo::flat::sheet_of_json(name, rows)])
        })
        .collect();
    Ok(py.detach(|| {
        let files: Vec<(&str, &[sifasuo::flat::Sheet], bool)> =
            sheets.iter().map(|(n, s)| (n.as_str(), s.as_slice(), true)).collect();
        let import = sifasuo::flat::import_many(&files);
        let all: Vec<sifasuo::flat::Sheet> = sheets.iter().flat_map(|(_, s)| s.iter().cloned()).collect();
        Batch {
            rows: import.score(&all, &p),
        }
    }))
}

/// The Excel data-collection template (`.xlsx` bytes).
#[pyfunction]
fn template(py: Python<'_>) -> PyResult<Py<pyo3::types::PyBytes>> {
    let bytes = sifasuo::flat::xlsx::template().map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(pyo3::types::PyBytes::new(py, &bytes).unbind())
}

/// The spreadsheet column layout, as JSON text.
#[pyfunction]
fn columns() -> PyResult<String> {
    to_json(sifasuo::flat::layout())
}

/// Every validation error code, as JSON text.
#[pyfunction]
fn error_codes() -> PyResult<String> {
    to_json(&api::error_codes())
}

/// The native module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Params>()?;
    m.add_class::<NativeReport>()?;
    m.add_class::<Batch>()?;
    m.add_function(wrap_pyfunction!(parameters, m)?)?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(conversion_errors, m)?)?;
    m.add_function(wrap_pyfunction!(score, m)?)?;
    m.add_function(wrap_pyfunction!(score_objects, m)?)?;
    m.add_function(wrap_pyfunction!(score_jsonl, m)?)?;
    m.add_function(wrap_pyfunction!(score_file, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(error_codes, m)?)?;
    m.add_function(wrap_pyfunction!(read_sheets, m)?)?;
    m.add_function(wrap_pyfunction!(score_sheets, m)?)?;
    m.add_function(wrap_pyfunction!(score_frames, m)?)?;
    m.add_function(wrap_pyfunction!(columns, m)?)?;
    m.add_function(wrap_pyfunction!(template, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
