//! Spreadsheets: the record format as flat sheets, shared by Excel (`.xlsx`), CSV and pandas.
//!
//! A workbook has three data sheets ([`SheetKind`]): **司法所** (one row per office and year),
//! **社区（村）** (one row per community or village, linked to its office by `office.code` and
//! `year`) and **区司法局** (one row per district bureau and year). Every column is one field of
//! the record format; its header is the Chinese label, and the row beneath (or the same cell,
//! after a space) holds the field id (`support.premises.total_area_m2`). The columns come from
//! the JSON Schema and the model ([`layout()`]), never from a hand-kept list.
//!
//! Reading ([`import`]) turns each row into a record; an empty cell is "not reported" (absent),
//! 是/否, true/false, 1/0 are booleans, 街道/乡镇 and the other Chinese labels are the record's
//! values. A cell that cannot be converted is kept as it is, so that validation reports it (a
//! type error) — and every error of a record read from a sheet carries its
//! [`Location`]: sheet, cell, column header, field and what the cell holds.

mod layout;
#[cfg(feature = "xlsx")]
pub mod xlsx;

pub use layout::{layout, Choice, Column, ColumnKind, Layout, SheetKind};

use crate::batch::Source;
use crate::validate::{self, pii, ErrorCode, Location, ValidationError};
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// One cell of a sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing in it.
    Empty,
    /// Text.
    Text(String),
    /// A number (spreadsheets keep every number as a float).
    Number(f64),
    /// TRUE / FALSE.
    Bool(bool),
}

impl Cell {
    fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            Cell::Number(_) | Cell::Bool(_) => false,
        }
    }

    /// The cell as text (numbers without a needless `.0`).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => number_text(*n),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        }
    }
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        format!("{n:.0}")
    } else {
        n.to_string()
    }
}

/// A sheet: a name and a grid of cells (`rows[0]` is spreadsheet row 1, `row[0]` column A).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    /// The sheet's name (a CSV file's name).
    pub name: String,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
}

/// Most rows read from one sheet.
pub const MAX_ROWS: usize = 200_000;
/// Most columns read from one sheet.
pub const MAX_COLUMNS: usize = 1_000;
/// Sheets of a workbook that hold no records (instructions, export results): skipped.
pub const NON_DATA_SHEETS: [&str; 4] = ["填表说明", "下拉选项", "评分结果", "问题清单"];

/// Column letters of a 0-based column index: 0 → `A`, 27 → `AB`.
pub fn column_letters(mut col: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Where a field of a record was read from.
#[derive(Debug, Clone, PartialEq)]
struct Place {
    pointer: String,
    sheet: usize,
    row: usize,
    col: usize,
    column: Option<usize>,
}

/// The cells a record was read from, to point its errors at them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CellMap {
    file: String,
    places: Vec<Place>,
}

/// One record read from a sheet, or a row that could not become one.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// File and row (`file` is `[book.xlsx]司法所` for a workbook's sheet).
    pub source: Source,
    /// The record (`None` when the row could not become one).
    pub record: Option<Value>,
    /// Why not, with cells.
    pub errors: Vec<ValidationError>,
    /// The cells of the record's fields.
    pub cells: CellMap,
    /// Which of the files given to [`import_many`] it came from.
    pub input: usize,
}

impl Imported {
    /// The batch item: the record's JSON text, or the row's first error.
    pub fn item(&self) -> crate::batch::Item {
        let text = match (&self.record, self.errors.first()) {
            (Some(r), _) => Ok(r.to_string()),
            (None, Some(e)) => Err(e.clone()),
            (None, None) => Ok(String::new()),
        };
        (self.source.clone(), text)
    }
}

/// Every record of a set of sheets.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Import {
    /// Sheet names, in the order of `Sheet`s given.
    sheets: Vec<String>,
    /// The sheets' layouts: which column holds which field.
    columns: Vec<Vec<Option<&'static Column>>>,
    /// Records and error rows, sheet by sheet, in row order (units rows only when they
    /// match no office).
    pub items: Vec<Imported>,
}

impl Import {
    /// Points each error at the cell it is about (an error about the whole record: the row's
    /// first cell).
    pub fn locate(&self, cells: &CellMap, errors: &mut [ValidationError]) {
        self.locate_in(cells, None, errors);
    }

    /// [`Import::locate`], and fills in what each cell holds (`sheets`: the sheets given to
    /// [`import_many`], in order).
    pub fn locate_with_values(&self, cells: &CellMap, sheets: &[Sheet], errors: &mut [ValidationError]) {
        self.locate_in(cells, Some(sheets), errors);
    }

    fn locate_in(&self, cells: &CellMap, sheets: Option<&[Sheet]>, errors: &mut [ValidationError]) {
        for e in errors.iter_mut().filter(|e| e.location.is_none()) {
            let Some(place) = place_of(cells, &e.path) else {
                continue;
            };
            let column = place.column.and_then(|c| {
                self.columns
                    .get(place.sheet)
                    .and_then(|cols| cols.get(c))
                    .copied()
                    .flatten()
            });
            let value = match (sheets, column) {
                (Some(sheets), Some(_)) => sheets
                    .get(place.sheet)
                    .and_then(|s| s.rows.get(place.row.saturating_sub(1)))
                    .and_then(|r| r.get(place.col))
                    .filter(|c| !c.is_empty())
                    .map(shown),
                _ => None,
            };
            e.location = Some(Box::new(Location {
                file: cells.file.clone(),
                sheet: self.sheets.get(place.sheet).cloned().unwrap_or_default(),
                cell: format!("{}{}", column_letters(place.col), place.row),
                row: place.row,
                column: column.map(|c| c.header.clone()).unwrap_or_default(),
                field: column.map(|c| c.id.clone()).unwrap_or_default(),
                value,
            }));
        }
    }

    /// Validates every record and points the errors at cells (with what the cells hold); rows
    /// that could not become records keep their errors.
    pub fn check(&mut self, sheets: &[Sheet]) {
        let mut items = std::mem::take(&mut self.items);
        for item in &mut items {
            item.errors = self.validated(item, sheets);
        }
        self.items = items;
    }

    /// A record's validation errors, pointing at cells; a row that is no record keeps its own.
    fn validated(&self, item: &Imported, sheets: &[Sheet]) -> Vec<ValidationError> {
        let Some(record) = &item.record else {
            return item.errors.clone();
        };
        let mut errors = validate::validate_value(record);
        self.locate_with_values(&item.cells, sheets, &mut errors);
        errors
    }
}

/// The place of the longest pointer that is `path` or a parent of it.
fn place_of<'a>(cells: &'a CellMap, path: &str) -> Option<&'a Place> {
    let matches = |p: &Place| {
        p.pointer.is_empty()
            || path == p.pointer
            || path
                .strip_prefix(p.pointer.as_str())
                .is_some_and(|rest| rest.starts_with('/'))
    };
    cells
        .places
        .iter()
        .filter(|p| matches(p))
        .max_by_key(|p| p.pointer.len())
}

/// A cell's content as an error shows it: personal numbers masked, at most 60 characters.
fn shown(c: &Cell) -> String {
    let text = pii::redact(&c.text());
    let short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// A sheet's header: which column holds which field, and the first data row.
struct Header {
    kind: SheetKind,
    columns: Vec<Option<&'static Column>>,
    /// 0-based index of the first data row.
    data_from: usize,
}

/// The field id a header cell names: the id itself, `中文 id`, or the Chinese header.
fn header_field<'a>(text: &str, cols: &'a [Column]) -> Option<&'a Column> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let last = t.rsplit(char::is_whitespace).next().unwrap_or(t);
    cols.iter()
        .find(|c| c.id == t || c.id == last)
        .or_else(|| cols.iter().find(|c| c.header == t))
}

fn kind_of_name(name: &str) -> Option<SheetKind> {
    SheetKind::ALL.into_iter().find(|k| k.name_zh() == name.trim())
}

/// Finds the header row of a sheet (within its first 10 rows) and the sheet's kind.
fn find_header(sheet: &Sheet, file: &str) -> Result<Header, ValidationError> {
    let lay = layout();
    let by_name = kind_of_name(&sheet.name);
    let kinds: Vec<SheetKind> = match by_name {
        Some(k) => vec![k],
        None => SheetKind::ALL.to_vec(),
    };
    for (r, row) in sheet.rows.iter().enumerate().take(10) {
        let texts: Vec<String> = row.iter().map(Cell::text).collect();
        let filled = texts.iter().filter(|t| !t.trim().is_empty()).count();
        if filled == 0 {
            continue;
        }
        // the kind whose columns this row names most
        let best = kinds
            .iter()
            .map(|&k| {
                let cols = lay.columns(k);
                let hits = texts.iter().filter(|t| header_field(t, cols).is_some()).count();
                (hits, k)
            })
            .filter(|(hits, _)| *hits > 0 && *hits * 2 >= filled)
            .max_by_key(|(hits, k)| (*hits, kind_rank(*k)));
        let Some((_, mut kind)) = best else { continue };
        let mut columns: Vec<Option<&'static Column>> =
            texts.iter().map(|t| header_field(t, lay.columns(kind))).collect();
        // a sheet of units names units.*, else an office sheet names office.*
        if by_name.is_none() {
            let ids: Vec<&str> = columns.iter().flatten().map(|c| c.id.as_str()).collect();
            kind = if ids.iter().any(|i| i.starts_with("units.")) {
                SheetKind::Units
            } else if ids.iter().any(|i| i.starts_with("office.")) {
                SheetKind::Offices
            } else {
                kind
            };
            columns = texts.iter().map(|t| header_field(t, lay.columns(kind))).collect();
        }
        let mut data_from = r + 1;
        // the template's second header row: the field ids
        if let Some(next) = sheet.rows.get(r + 1) {
            let ids = next
                .iter()
                .filter(|c| !c.is_empty())
                .filter(|c| lay.columns(kind).iter().any(|col| col.id == c.text().trim()))
                .count();
            let filled_next = next.iter().filter(|c| !c.is_empty()).count();
            if ids > 0 && ids * 2 >= filled_next {
                data_from = r + 2;
                // ids win over Chinese headers; an unknown id is an unknown column
                for (i, c) in next.iter().enumerate() {
                    if c.is_empty() {
                        continue;
                    }
                    let col = header_field(&c.text(), lay.columns(kind));
                    if columns.len() <= i {
                        columns.resize(i + 1, None);
                    }
                    if let Some(slot) = columns.get_mut(i) {
                        *slot = col;
                    }
                }
            }
        }
        check_columns(sheet, file, r, kind, &columns, data_from)?;
        return Ok(Header {
            kind,
            columns,
            data_from,
        });
    }
    let mut c = Map::new();
    c.insert("value".into(), json!(pii::redact(&sheet.name)));
    let mut e = ValidationError::new(ErrorCode::UnknownFormat, "", c);
    e.location = Some(Box::new(Location {
        file: file.to_string(),
        sheet: sheet.name.clone(),
        cell: "A1".into(),
        row: 1,
        column: String::new(),
        field: String::new(),
        value: None,
    }));
    Err(e)
}

fn kind_rank(k: SheetKind) -> u8 {
    match k {
        SheetKind::Offices => 2,
        SheetKind::Units => 1,
        SheetKind::Districts => 0,
    }
}

/// Unknown and repeated column headers are errors of the whole sheet.
fn check_columns(
    sheet: &Sheet,
    file: &str,
    header_row: usize,
    kind: SheetKind,
    columns: &[Option<&'static Column>],
    data_from: usize,
) -> Result<(), ValidationError> {
    let cols = layout().columns(kind);
    let at = |col: usize, row: usize| {
        Some(Box::new(Location {
            file: file.to_string(),
            sheet: sheet.name.clone(),
            cell: format!("{}{}", column_letters(col), row + 1),
            row: row + 1,
            column: String::new(),
            field: String::new(),
            value: None,
        }))
    };
    let header_cells = sheet.rows.get(header_row).map(Vec::as_slice).unwrap_or_default();
    let id_cells = if data_from > header_row + 1 {
        sheet.rows.get(header_row + 1).map(Vec::as_slice).unwrap_or_default()
    } else {
        &[]
    };
    let width = header_cells.len().max(id_cells.len());
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for i in 0..width {
        let named = |cells: &[Cell]| cells.get(i).map(Cell::text).filter(|t| !t.trim().is_empty());
        let text = named(id_cells).or_else(|| named(header_cells));
        let Some(text) = text else { continue };
        match columns.get(i).copied().flatten() {
            Some(col) => {
                if let Some(first) = seen.insert(col.id.as_str(), i) {
                    let mut c = Map::new();
                    c.insert("key".into(), json!(format!("{} ({})", col.id, column_letters(first))));
                    let mut e = ValidationError::new(ErrorCode::DuplicateKey, "", c);
                    e.location = at(i, header_row);
                    return Err(e);
                }
            }
            None => {
                let mut c = Map::new();
                let word = text.trim();
                c.insert("field".into(), json!(word));
                let candidates = cols
                    .iter()
                    .map(|c| c.id.as_str())
                    .chain(cols.iter().map(|c| c.header.as_str()));
                if let Some(s) = validate::reader::suggest(word, candidates) {
                    c.insert("suggestion".into(), json!(s));
                }
                let mut e = ValidationError::new(ErrorCode::UnknownField, "", c);
                e.location = at(
                    i,
                    if id_cells.is_empty() {
                        header_row
                    } else {
                        header_row + 1
                    },
                );
                return Err(e);
            }
        }
    }
    Ok(())
}

/// The JSON value of a cell in a column; `None` for an empty cell. A cell that does not fit
/// stays as it is (text), for validation to report.
pub fn cell_value(cell: &Cell, kind: &ColumnKind) -> Option<Value> {
    if cell.is_empty() {
        return None;
    }
    let text_number = |s: &str| -> Value {
        let t = s.trim();
        if let Ok(i) = t.parse::<i64>() {
            return json!(i);
        }
        match t.parse::<f64>() {
            Ok(f) if f.is_finite() => json!(f),
            _ => json!(s),
        }
    };
    let number = |n: f64, integer: bool| -> Value {
        if integer && n.fract() == 0.0 && n.abs() < 9.0e15 {
            json!(n as i64)
        } else {
            serde_json::Number::from_f64(n).map_or_else(|| json!(number_text(n)), Value::Number)
        }
    };
    Some(match (kind, cell) {
        (_, Cell::Empty) => return None,
        (ColumnKind::Boolean, Cell::Bool(b)) => json!(b),
        (ColumnKind::Boolean, Cell::Number(n)) if *n == 1.0 || *n == 0.0 => json!(*n == 1.0),
        (ColumnKind::Boolean, Cell::Text(s)) => match s.trim().to_lowercase().as_str() {
            "是" | "true" | "1" | "yes" | "y" => json!(true),
            "否" | "false" | "0" | "no" | "n" => json!(false),
            _ => json!(s),
        },
        (ColumnKind::Integer { .. }, Cell::Number(n)) => number(*n, true),
        (ColumnKind::Number { .. }, Cell::Number(n)) => number(*n, false),
        (ColumnKind::Integer { .. } | ColumnKind::Number { .. }, Cell::Text(s)) => text_number(s),
        (ColumnKind::Text { .. }, Cell::Number(n)) => json!(number_text(*n)),
        (ColumnKind::Text { .. }, Cell::Text(s)) => json!(s),
        (ColumnKind::Choice { choices }, c @ (Cell::Text(_) | Cell::Number(_))) => {
            let t = c.text();
            let key = t.trim();
            match choices.iter().find(|ch| ch.value == key || ch.label == key) {
                Some(ch) => json!(ch.value),
                None => json!(t),
            }
        }
        (_, Cell::Bool(b)) => json!(b),
        (_, Cell::Number(n)) => number(*n, false),
    })
}

/// The cell a value is written as (是/否, labels for choices).
pub fn value_cell(v: &Value, kind: &ColumnKind) -> Cell {
    match (v, kind) {
        (Value::Null, _) => Cell::Empty,
        (Value::Bool(b), _) => Cell::Text(if *b { "是" } else { "否" }.into()),
        (Value::Number(n), _) => n.as_f64().map_or(Cell::Empty, Cell::Number),
        (Value::String(s), ColumnKind::Choice { choices }) => Cell::Text(
            choices
                .iter()
                .find(|c| c.value == *s)
                .map_or_else(|| s.clone(), |c| c.label.clone()),
        ),
        (Value::String(s), _) => Cell::Text(s.clone()),
        (other, _) => Cell::Text(other.to_string()),
    }
}

/// A data row of a sheet, read.
struct RowRead {
    sheet: usize,
    row: usize,
    value: Value,
    places: Vec<Place>,
}

fn read_row(sheet_index: usize, row_index: usize, row: &[Cell], header: &Header, base: Value) -> RowRead {
    let mut value = base;
    let mut places = vec![Place {
        pointer: String::new(),
        sheet: sheet_index,
        row: row_index + 1,
        col: 0,
        column: None,
    }];
    for (i, col) in header.columns.iter().enumerate() {
        let Some(col) = col else { continue };
        places.push(Place {
            pointer: col.pointer.clone(),
            sheet: sheet_index,
            row: row_index + 1,
            col: i,
            column: Some(i),
        });
        let cell = row.get(i).unwrap_or(&Cell::Empty);
        if let Some(v) = cell_value(cell, &col.kind) {
            layout::insert(&mut value, &col.tokens, v);
        }
    }
    RowRead {
        sheet: sheet_index,
        row: row_index + 1,
        value,
        places,
    }
}

fn link_key(v: &Value) -> (String, String) {
    let code = match v.pointer("/office/code") {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let year = v.get("year").map(Value::to_string).unwrap_or_default();
    (code, year)
}

/// The name of a sheet's source: `[book.xlsx]司法所`, or the CSV file's name.
fn source_file(file: &str, sheet: &str, single: bool) -> String {
    if single {
        file.to_string()
    } else {
        format!("[{file}]{sheet}")
    }
}

/// Reads the records of a file's sheets. `single` marks a one-sheet source (CSV): its rows are
/// named by the file alone. Units rows join the office rows of every sheet given; a units row
/// with no office row is an error row, never dropped.
pub fn import(file: &str, sheets: &[Sheet], single: bool) -> Import {
    import_many(&[(file, sheets, single)])
}

/// [`import`] over several files at once (CSV files of offices and of units join).
pub fn import_many(files: &[(&str, &[Sheet], bool)]) -> Import {
    let mut out = Import::default();
    let mut offices: Vec<(usize, usize, RowRead)> = Vec::new(); // (item slot, file, row)
    let mut units: Vec<(usize, RowRead, Value)> = Vec::new(); // (file, row, link)
    for (f, (file, sheets, single)) in files.iter().enumerate() {
        for sheet in sheets.iter() {
            let s = out.sheets.len();
            out.sheets.push(sheet.name.clone());
            let source = source_file(file, &sheet.name, *single);
            if NON_DATA_SHEETS.contains(&sheet.name.trim()) || sheet.rows.iter().all(|r| r.iter().all(Cell::is_empty)) {
                out.columns.push(Vec::new());
                continue;
            }
            if sheet.rows.len() > MAX_ROWS || sheet.rows.iter().any(|r| r.len() > MAX_COLUMNS) {
                let mut c = Map::new();
                c.insert("count".into(), json!(sheet.rows.len()));
                c.insert("max".into(), json!(MAX_ROWS));
                c.insert(
                    "reason".into(),
                    json!(format!(
                        "the sheet is larger than {MAX_ROWS} rows × {MAX_COLUMNS} columns"
                    )),
                );
                out.columns.push(Vec::new());
                out.items.push(error_item(
                    &source,
                    1,
                    file,
                    ErrorCode::InputTooLarge,
                    c,
                    &sheet.name,
                    f,
                ));
                continue;
            }
            let header = match find_header(sheet, file) {
                Ok(h) => h,
                Err(e) => {
                    out.columns.push(Vec::new());
                    let row = e.location.as_ref().map_or(1, |l| l.row);
                    out.items.push(Imported {
                        source: Source {
                            file: source,
                            line: row,
                        },
                        record: None,
                        errors: vec![e],
                        cells: CellMap::default(),
                        input: f,
                    });
                    continue;
                }
            };
            out.columns.push(header.columns.clone());
            for (r, row) in sheet.rows.iter().enumerate().skip(header.data_from) {
                if row.iter().all(Cell::is_empty) {
                    continue;
                }
                match header.kind {
                    SheetKind::Offices => {
                        let read = read_row(s, r, row, &header, json!({"format": "sifasuo.office/1"}));
                        offices.push((out.items.len(), f, read));
                        out.items.push(Imported {
                            source: Source {
                                file: source.clone(),
                                line: r + 1,
                            },
                            record: None,
                            errors: Vec::new(),
                            cells: CellMap::default(),
                            input: f,
                        });
                    }
                    SheetKind::Districts => {
                        let read = read_row(s, r, row, &header, json!({"format": "sifasuo.district/1"}));
                        out.items.push(Imported {
                            source: Source {
                                file: source.clone(),
                                line: r + 1,
                            },
                            record: Some(read.value),
                            errors: Vec::new(),
                            cells: CellMap {
                                file: file.to_string(),
                                places: read.places,
                            },
                            input: f,
                        });
                    }
                    SheetKind::Units => {
                        let mut read = read_row(s, r, row, &header, json!({}));
                        // the link columns (office.code, year) land beside the unit's own fields
                        let mut link = Map::new();
                        if let Value::Object(m) = &mut read.value {
                            for k in ["office", "year"] {
                                if let Some(v) = m.remove(k) {
                                    link.insert(k.to_string(), v);
                                }
                            }
                        }
                        units.push((f, read, Value::Object(link)));
                    }
                }
            }
        }
    }
    // join units to offices by (code, year); offices of any file of the set
    let mut by_key: HashMap<(String, String), usize> = HashMap::new();
    for (k, (_, _, read)) in offices.iter().enumerate() {
        by_key.entry(link_key(&read.value)).or_insert(k);
    }
    let mut unit_lists: Vec<Vec<RowRead>> = offices.iter().map(|_| Vec::new()).collect();
    for (f, read, link) in units {
        match by_key.get(&link_key(&link)).and_then(|&k| unit_lists.get_mut(k)) {
            Some(list) => list.push(read),
            None => {
                let (code, year) = link_key(&link);
                let name = read.value.get("name").and_then(Value::as_str).unwrap_or("").to_string();
                let sheet = out.sheets.get(read.sheet).cloned().unwrap_or_default();
                let (file, single) = files.get(f).map_or(("", true), |(file, _, single)| (*file, *single));
                let mut c = Map::new();
                c.insert("name".into(), json!(name));
                c.insert("code".into(), json!(code.trim_matches('"')));
                c.insert("year".into(), json!(year.trim_matches('"')));
                let source = source_file(file, &sheet, single);
                out.items.push(error_item(
                    &source,
                    read.row,
                    file,
                    ErrorCode::UnmatchedUnit,
                    c,
                    &sheet,
                    f,
                ));
            }
        }
    }
    for ((slot, f, mut read), list) in offices.into_iter().zip(unit_lists) {
        if !list.is_empty() {
            let mut arr = Vec::with_capacity(list.len());
            for (u, unit) in list.into_iter().enumerate() {
                let prefix = format!("/units/{u}");
                read.places.extend(unit.places.into_iter().map(|p| Place {
                    pointer: format!("{prefix}{}", p.pointer),
                    ..p
                }));
                arr.push(unit.value);
            }
            if let Value::Object(m) = &mut read.value {
                m.insert("units".into(), Value::Array(arr));
            }
        }
        let file = files.get(f).map_or("", |(file, _, _)| *file);
        if let Some(item) = out.items.get_mut(slot) {
            item.record = Some(read.value);
            item.cells = CellMap {
                file: file.to_string(),
                places: read.places,
            };
        }
    }
    out
}

fn error_item(
    source: &str,
    row: usize,
    file: &str,
    code: ErrorCode,
    c: Map<String, Value>,
    sheet: &str,
    input: usize,
) -> Imported {
    let mut e = ValidationError::new(code, "", c);
    e.location = Some(Box::new(Location {
        file: file.to_string(),
        sheet: sheet.to_string(),
        cell: format!("A{row}"),
        row,
        column: String::new(),
        field: String::new(),
        value: None,
    }));
    Imported {
        source: Source {
            file: source.to_string(),
            line: row,
        },
        record: None,
        errors: vec![e],
        cells: CellMap::default(),
        input,
    }
}

/// Sheets holding records, in the layout (records as JSON values that passed validation;
/// others are written as they are).
pub fn sheets_of(records: &[Value]) -> Vec<Sheet> {
    let lay = layout();
    let mut out: Vec<Sheet> = SheetKind::ALL
        .iter()
        .map(|k| Sheet {
            name: k.name_zh().to_string(),
            rows: header_rows(lay.columns(*k)),
        })
        .collect();
    for rec in records {
        let is_district = rec.get("format").and_then(Value::as_str) == Some("sifasuo.district/1");
        let (kind, base) = if is_district {
            (SheetKind::Districts, 2)
        } else {
            (SheetKind::Offices, 0)
        };
        let cells = lay
            .columns(kind)
            .iter()
            .map(|c| rec.pointer(&c.pointer).map_or(Cell::Empty, |v| value_cell(v, &c.kind)))
            .collect();
        if let Some(s) = out.get_mut(base) {
            s.rows.push(cells);
        }
        if is_district {
            continue;
        }
        if let (Some(Value::Array(units)), Some(sheet)) = (rec.get("units"), out.get_mut(1)) {
            for u in units {
                sheet.rows.push(
                    lay.units
                        .iter()
                        .map(|c| {
                            let v = if c.id.starts_with("units.") {
                                u.pointer(&c.pointer)
                            } else {
                                rec.pointer(&c.pointer)
                            };
                            v.map_or(Cell::Empty, |v| value_cell(v, &c.kind))
                        })
                        .collect(),
                );
            }
        }
    }
    out
}

/// The two header rows of a sheet: Chinese headers, then field ids.
pub fn header_rows(cols: &[Column]) -> Vec<Vec<Cell>> {
    vec![
        cols.iter().map(|c| Cell::Text(c.header.clone())).collect(),
        cols.iter().map(|c| Cell::Text(c.id.clone())).collect(),
    ]
}

/// Reads CSV text (UTF-8, an optional byte-order mark, comma-separated, `"` quoting) into a
/// sheet. Every value is text; the layout decides what it means.
///
/// # Errors
/// A structured error when the bytes are not UTF-8 (e.g. a CSV saved as GBK) or the CSV is
/// malformed.
pub fn read_csv(name: &str, bytes: &[u8]) -> Result<Sheet, ValidationError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let bad = |reason: String, line: usize| {
        let mut c = Map::new();
        c.insert("reason".into(), json!(reason));
        c.insert("line".into(), json!(line));
        c.insert("column".into(), json!(0));
        ValidationError::new(ErrorCode::InvalidJson, "", c)
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes
            .get(..e.valid_up_to())
            .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
            + 1;
        bad(
            "the CSV file is not UTF-8 (save it as “CSV UTF-8” / 另存为“CSV UTF-8（逗号分隔）”)".into(),
            line,
        )
    })?;
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut was_quoted = false;
    let mut chars = text.chars().peekable();
    let mut line = 1usize;
    let push_field = |row: &mut Vec<Cell>, field: &mut String, was_quoted: &mut bool| {
        let f = std::mem::take(field);
        row.push(if f.is_empty() && !*was_quoted {
            Cell::Empty
        } else {
            Cell::Text(f)
        });
        *was_quoted = false;
    };
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => {
                quoted = true;
                was_quoted = true;
            }
            ',' => push_field(&mut row, &mut field, &mut was_quoted),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                line += 1;
                push_field(&mut row, &mut field, &mut was_quoted);
                rows.push(std::mem::take(&mut row));
                if rows.len() > MAX_ROWS + 10 {
                    return Err(bad(format!("more than {MAX_ROWS} rows"), line));
                }
            }
            _ => field.push(c),
        }
    }
    if quoted {
        return Err(bad("a quoted field is not closed".into(), line));
    }
    if !field.is_empty() || was_quoted || !row.is_empty() {
        push_field(&mut row, &mut field, &mut was_quoted);
        rows.push(row);
    }
    Ok(Sheet {
        name: name.to_string(),
        rows,
    })
}

/// Writes a sheet as CSV (UTF-8 with a byte-order mark, so that Excel reads the Chinese).
pub fn write_csv(sheet: &Sheet) -> String {
    let mut out = String::from("\u{feff}");
    for row in &sheet.rows {
        let fields: Vec<String> = row
            .iter()
            .map(|c| {
                let t = c.text();
                if t.contains([',', '"', '\n', '\r']) || t.starts_with(' ') || t.ends_with(' ') {
                    format!("\"{}\"", t.replace('"', "\"\""))
                } else {
                    t
                }
            })
            .collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A cell from a JSON value (the bindings' way in: `null` empty, booleans, numbers, text).
pub fn cell_of_json(v: &Value) -> Cell {
    match v {
        Value::Null => Cell::Empty,
        Value::Bool(b) => Cell::Bool(*b),
        Value::Number(n) => n.as_f64().map_or_else(|| Cell::Text(n.to_string()), Cell::Number),
        Value::String(s) => Cell::Text(s.clone()),
        other => Cell::Text(other.to_string()),
    }
}

/// A sheet from JSON rows (`[[cell, …], …]`, the first row(s) the header).
pub fn sheet_of_json(name: &str, rows: &[Value]) -> Sheet {
    Sheet {
        name: name.to_string(),
        rows: rows
            .iter()
            .map(|r| {
                r.as_array()
                    .map(|cells| cells.iter().map(cell_of_json).collect())
                    .unwrap_or_default()
            })
            .collect(),
    }
}

/// The rows of a spreadsheet that failed, with their cells.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ErrorRow {
    /// Where the row came from.
    #[serde(flatten)]
    pub source: Source,
    /// Every error, each with its cell.
    pub errors: Vec<ValidationError>,
}

/// Records read from spreadsheets, for the bindings.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ReadResult {
    /// Every record that rows could be turned into (valid or not), in sheet order.
    pub records: Vec<Value>,
    /// Where each record came from (same order as `records`).
    pub sources: Vec<Source>,
    /// Rows that could not become records, and (when validated) every record's errors, with
    /// cells.
    pub errors: Vec<ErrorRow>,
}

impl Import {
    /// The records, their sources and the errors; with `validate`, each record is validated
    /// too and its errors listed (pointing at cells).
    pub fn result(&self, sheets: &[Sheet], validate: bool) -> ReadResult {
        let mut out = ReadResult {
            records: Vec::new(),
            sources: Vec::new(),
            errors: Vec::new(),
        };
        for item in &self.items {
            let errors = if validate {
                self.validated(item, sheets)
            } else {
                item.errors.clone()
            };
            if let Some(r) = &item.record {
                out.records.push(r.clone());
                out.sources.push(item.source.clone());
            }
            if !errors.is_empty() {
                out.errors.push(ErrorRow {
                    source: item.source.clone(),
                    errors,
                });
            }
        }
        out
    }

    /// Scores every record read (the batch rules apply: duplicates, last year's ratio) and
    /// returns one row per record or failed row, in sheet order, errors pointing at cells.
    pub fn score(&self, sheets: &[Sheet], params: &crate::params::Parameters) -> Vec<crate::batch::Row> {
        let items: Vec<crate::batch::Item> = self.items.iter().map(Imported::item).collect();
        let mut rows = crate::batch::score_items(&items, params);
        for row in &mut rows {
            if let crate::batch::Outcome::Invalid { errors } = &mut row.outcome {
                if let Some(item) = self.items.get(row.index) {
                    self.locate_with_values(&item.cells, sheets, errors);
                }
            }
        }
        rows
    }
}

/// Whether a path names a spreadsheet (`.xlsx` or `.csv`).
pub fn is_sheet_path(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx") || e.eq_ignore_ascii_case("csv"))
}

/// The sheets of one spreadsheet file (`.csv`: one sheet named after the file) and whether it
/// is a one-sheet (CSV) source.
///
/// # Errors
/// A message naming the file when it cannot be read or is not a workbook / UTF-8 CSV.
pub fn read_file(path: &std::path::Path) -> Result<(Vec<Sheet>, bool), String> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read `{name}`: {e}"))?;
    let is_csv = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_csv {
        let sheet = path
            .file_name()
            .map(|f| f.to_string_lossy().to_string())
            .unwrap_or_default();
        return read_csv(&sheet, &bytes)
            .map(|s| (vec![s], true))
            .map_err(|e| format!("`{name}`: {}", e.message_en));
    }
    #[cfg(feature = "xlsx")]
    {
        xlsx::read_xlsx(&bytes)
            .map(|s| (s, false))
            .map_err(|e| format!("`{name}`: {}", e.message_en))
    }
    #[cfg(not(feature = "xlsx"))]
    {
        Err(format!(
            "`{name}`: this build of sifasuo reads no .xlsx (feature `xlsx`)"
        ))
    }
}

/// Reads several spreadsheet files together (a units CSV joins the offices CSV): the import
/// and every sheet (in import order).
///
/// # Errors
/// As [`read_file`].
pub fn import_files(paths: &[std::path::PathBuf]) -> Result<(Import, Vec<Sheet>), String> {
    let mut loaded = Vec::new();
    for p in paths {
        let (sheets, single) = read_file(p)?;
        loaded.push((p.display().to_string(), sheets, single));
    }
    let files: Vec<(&str, &[Sheet], bool)> = loaded.iter().map(|(n, s, c)| (n.as_str(), s.as_slice(), *c)).collect();
    let import = import_many(&files);
    let sheets = loaded.into_iter().flat_map(|(_, s, _)| s).collect();
    Ok((import, sheets))
}
