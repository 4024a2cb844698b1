//! The flat column layout, derived from the JSON Schema (types, titles, wording, bounds) and the
//! model's field order (its `Serialize` order), never written by hand.

use crate::schema::{schema, SchemaKind};
use serde::Serialize;
use serde_json::{Map, Value};
use std::sync::OnceLock;

/// The three data sheets of a workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SheetKind {
    /// One row per office and year.
    Offices,
    /// One row per community or village, linked to its office by code and year.
    Units,
    /// One row per district bureau and year.
    Districts,
}

impl SheetKind {
    /// Every sheet kind, in workbook order.
    pub const ALL: [SheetKind; 3] = [SheetKind::Offices, SheetKind::Units, SheetKind::Districts];

    /// The sheet's name in a workbook.
    pub fn name_zh(self) -> &'static str {
        match self {
            SheetKind::Offices => "司法所",
            SheetKind::Units => "社区（村）",
            SheetKind::Districts => "区司法局",
        }
    }
}

/// One allowed value of a choice column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Choice {
    /// The record's spelling (`street`).
    pub value: String,
    /// What the spreadsheet shows (`街道`); the value itself when it is already Chinese.
    pub label: String,
}

/// What a column holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ColumnKind {
    /// 是/否 (also true/false, 1/0).
    Boolean,
    /// A whole number within bounds.
    Integer {
        /// Smallest value.
        min: i64,
        /// Largest value.
        max: i64,
    },
    /// A decimal number within bounds.
    Number {
        /// Smallest value.
        min: f64,
        /// Largest value.
        max: f64,
    },
    /// Free text.
    Text {
        /// Fewest characters (1 for required names).
        min_chars: u64,
        /// Most characters.
        max_chars: Option<u64>,
    },
    /// One of a list.
    Choice {
        /// The allowed values.
        choices: Vec<Choice>,
    },
}

/// One column of a sheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    /// Field id: the JSON path with dots (`support.premises.total_area_m2`; unit fields
    /// `units.name`).
    pub id: String,
    /// JSON Pointer of the field within the record (unit fields: within the unit).
    pub pointer: String,
    /// Chinese header (`用房面积（平方米）`).
    pub header: String,
    /// Title of the plan's heading the field belongs to (`保障能力建设`), empty for top-level fields.
    pub section: String,
    /// The plan's wording (or the field's description).
    pub description: String,
    /// What the column holds.
    #[serde(flatten)]
    pub kind: ColumnKind,
    /// The record is invalid without it.
    pub required: bool,
    #[serde(skip)]
    pub(crate) tokens: Vec<String>,
    /// The field's path in the record (`units`, `*`, `name` for a unit field), for ordering.
    #[serde(skip)]
    path: Vec<String>,
}

impl Column {
    /// The Chinese header followed by the field id, as the template's two header rows read.
    pub fn header_with_id(&self) -> String {
        format!("{} {}", self.header, self.id)
    }

    /// What to type, in Chinese (for the template's comments and instructions).
    pub fn hint_zh(&self) -> String {
        match &self.kind {
            ColumnKind::Boolean => "填“是”或“否”".to_string(),
            ColumnKind::Integer { min, max } => format!("整数，{min}—{max}"),
            ColumnKind::Number { min, max } => format!("数字，{min}—{max}"),
            ColumnKind::Text { max_chars, .. } => match max_chars {
                Some(m) => format!("文字，不超过{m}字"),
                None => "文字".to_string(),
            },
            ColumnKind::Choice { choices } => {
                let labels: Vec<&str> = choices.iter().map(|c| c.label.as_str()).collect();
                format!("从下拉列表选择：{}", labels.join("、"))
            }
        }
    }
}

/// The columns of every sheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Layout {
    /// The office sheet (without `format`; units are on their own sheet).
    pub offices: Vec<Column>,
    /// The units sheet: `office.code` and `year` (the link), then the unit's fields.
    pub units: Vec<Column>,
    /// The district sheet (without `format`).
    pub districts: Vec<Column>,
}

impl Layout {
    /// The columns of one sheet.
    pub fn columns(&self, kind: SheetKind) -> &[Column] {
        match kind {
            SheetKind::Offices => &self.offices,
            SheetKind::Units => &self.units,
            SheetKind::Districts => &self.districts,
        }
    }
}

/// The layout, built once.
pub fn layout() -> &'static Layout {
    static L: OnceLock<Layout> = OnceLock::new();
    L.get_or_init(build)
}

fn build() -> Layout {
    let office_schema = schema(SchemaKind::Office);
    let district_schema = schema(SchemaKind::District);
    let office_leaves = leaves(&office_schema);
    let district_leaves = leaves(&district_schema);
    let office_order = field_order("sifasuo.office/1", &office_leaves);
    let district_order = field_order("sifasuo.district/1", &district_leaves);

    let mut offices: Vec<Column> = Vec::new();
    let mut unit_cols: Vec<Column> = Vec::new();
    for leaf in &office_leaves {
        match leaf.tokens.first().map(String::as_str) {
            Some("format") => {}
            Some("units") => unit_cols.push(leaf.column(true)),
            _ => offices.push(leaf.column(false)),
        }
    }
    let rank = |c: &Column| match c.tokens.first().map(String::as_str) {
        Some("office") => 0,
        Some("year") => 1,
        Some("standard") => 3,
        _ => 2,
    };
    sort_by_order(&mut offices, &office_order, rank);
    sort_by_order(&mut unit_cols, &office_order, |_| 0);
    let link: Vec<Column> = offices
        .iter()
        .filter(|c| c.id == "office.code" || c.id == "year")
        .cloned()
        .collect();
    let units = link.into_iter().chain(unit_cols).collect();

    let mut districts: Vec<Column> = district_leaves
        .iter()
        .filter(|l| l.tokens.first().map(String::as_str) != Some("format"))
        .map(|l| l.column(false))
        .collect();
    sort_by_order(&mut districts, &district_order, |c| match c.id.as_str() {
        "district" => 0,
        "year" => 1,
        "standard" => 3,
        _ => 2,
    });
    Layout {
        offices,
        units,
        districts,
    }
}

fn sort_by_order(cols: &mut [Column], order: &[Vec<String>], rank: impl Fn(&Column) -> u8) {
    let pos = |c: &Column| order.iter().position(|p| *p == c.path).unwrap_or(usize::MAX);
    cols.sort_by_key(|c| (rank(c), pos(c)));
}

/// One scalar field found in the schema.
struct Leaf {
    tokens: Vec<String>,
    titles: Vec<String>,
    description: String,
    node: Map<String, Value>,
    required: bool,
}

impl Leaf {
    fn column(&self, in_unit: bool) -> Column {
        // tokens of a unit field: ["units", "*", "name"]
        let own: Vec<&String> = self.tokens.iter().filter(|t| t.as_str() != "*").collect();
        let id = own.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(".");
        let pointer_tokens: &[String] = if in_unit {
            self.tokens.get(2..).unwrap_or_default()
        } else {
            &self.tokens
        };
        let pointer = pointer_tokens.iter().map(|t| format!("/{t}")).collect::<String>();
        let titles: Vec<&str> = self
            .titles
            .iter()
            .map(String::as_str)
            .filter(|t| !t.is_empty())
            .collect();
        // the first title names the section (or is the field's own title at the top level)
        let (section, rest) = match titles.as_slice() {
            [only] => ("", vec![*only]),
            [first, rest @ ..] => (*first, rest.to_vec()),
            [] => ("", vec![]),
        };
        let header = if rest.is_empty() { id.clone() } else { rest.join("：") };
        Column {
            id,
            pointer,
            header,
            section: section.to_string(),
            description: self.description.clone(),
            kind: kind_of(&self.node),
            required: self.required,
            tokens: pointer_tokens.to_vec(),
            path: self.tokens.clone(),
        }
    }
}

fn kind_of(node: &Map<String, Value>) -> ColumnKind {
    if let Some(Value::Array(alts)) = node.get("oneOf") {
        let choices = alts
            .iter()
            .filter_map(|a| {
                let value = a.get("const")?.as_str()?.to_string();
                let description = a.get("description").and_then(Value::as_str).unwrap_or("");
                Some(Choice {
                    label: label_of(&value, description),
                    value,
                })
            })
            .collect();
        return ColumnKind::Choice { choices };
    }
    let num = |k: &str| node.get(k).and_then(Value::as_f64);
    match type_of(node) {
        "boolean" => ColumnKind::Boolean,
        "integer" => ColumnKind::Integer {
            min: node.get("minimum").and_then(Value::as_i64).unwrap_or(i64::MIN),
            max: node.get("maximum").and_then(Value::as_i64).unwrap_or(i64::MAX),
        },
        "number" => ColumnKind::Number {
            min: num("minimum").unwrap_or(f64::MIN),
            max: num("maximum").unwrap_or(f64::MAX),
        },
        _ => ColumnKind::Text {
            min_chars: node.get("minLength").and_then(Value::as_u64).unwrap_or(0),
            max_chars: node.get("maxLength").and_then(Value::as_u64),
        },
    }
}

/// `独立档案室: a separate archive room.` → `独立档案室`; an ASCII value with an English
/// description keeps its value.
fn label_of(value: &str, description: &str) -> String {
    let is_cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    if is_cjk(value) {
        return value.to_string();
    }
    let head = description.split([':', '：', ',', '，']).next().unwrap_or("").trim();
    if is_cjk(head) && !head.contains(' ') {
        head.to_string()
    } else {
        value.to_string()
    }
}

fn type_of(node: &Map<String, Value>) -> &str {
    match node.get("type") {
        Some(Value::String(t)) => t,
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null").unwrap_or(""),
        _ => "",
    }
}

/// Every scalar field of a record schema, with the titles of the objects above it.
fn leaves(root: &Value) -> Vec<Leaf> {
    let empty = Map::new();
    let defs = root.get("$defs").and_then(Value::as_object).unwrap_or(&empty);
    let mut out = Vec::new();
    if let Some(obj) = root.as_object() {
        walk_object(defs, obj, &mut Vec::new(), &mut Vec::new(), true, &mut out);
    }
    out
}

/// The schema node with `$ref` and `anyOf: [x, null]` resolved; the outer title and
/// description win over the referenced ones.
fn resolve(defs: &Map<String, Value>, node: &Map<String, Value>, depth: u8) -> Map<String, Value> {
    if depth > 16 {
        return node.clone();
    }
    let mut inner: Option<Map<String, Value>> = None;
    if let Some(r) = node.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or("");
        if let Some(d) = defs.get(name).and_then(Value::as_object) {
            inner = Some(resolve(defs, d, depth + 1));
        }
    } else if let Some(Value::Array(alts)) = node.get("anyOf") {
        let non_null: Vec<&Map<String, Value>> = alts
            .iter()
            .filter_map(Value::as_object)
            .filter(|a| a.get("type").and_then(Value::as_str) != Some("null"))
            .collect();
        if let [one] = non_null.as_slice() {
            inner = Some(resolve(defs, one, depth + 1));
        }
    }
    match inner {
        None => node.clone(),
        Some(mut m) => {
            for k in ["title", "description"] {
                if let Some(v) = node.get(k) {
                    m.insert(k.to_string(), v.clone());
                }
            }
            m
        }
    }
}

fn walk_object(
    defs: &Map<String, Value>,
    obj: &Map<String, Value>,
    tokens: &mut Vec<String>,
    titles: &mut Vec<String>,
    required: bool,
    out: &mut Vec<Leaf>,
) {
    let Some(props) = obj.get("properties").and_then(Value::as_object) else {
        return;
    };
    let req: Vec<&str> = obj
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    for (key, prop) in props {
        let Some(prop) = prop.as_object() else { continue };
        let node = resolve(defs, prop, 0);
        let title = node.get("title").and_then(Value::as_str).unwrap_or("").to_string();
        let is_required = required && req.contains(&key.as_str());
        tokens.push(key.clone());
        titles.push(title);
        if node.contains_key("properties") {
            walk_object(defs, &node, tokens, titles, is_required, out);
        } else if type_of(&node) == "array" {
            if let Some(items) = node.get("items").and_then(Value::as_object) {
                let item = resolve(defs, items, 0);
                tokens.push("*".into());
                walk_object(defs, &item, tokens, titles, true, out);
                tokens.pop();
            }
        } else {
            out.push(Leaf {
                tokens: tokens.clone(),
                titles: titles.clone(),
                description: node
                    .get("description")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string(),
                node,
                required: is_required,
            });
        }
        tokens.pop();
        titles.pop();
    }
}

/// The paths of a record kind's fields in the order the validator reads them — the model's
/// order, which follows the plan. Every field is set to a value of the wrong type, so that each
/// yields one error, in reading order. (No serde `Deserialize`/`Serialize` of the model: the
/// wasm build would carry their code.)
fn field_order(format: &str, leaves: &[Leaf]) -> Vec<Vec<String>> {
    let mut root = Value::Object(Map::new());
    for leaf in leaves {
        insert(&mut root, &leaf.tokens, Value::Array(Vec::new()));
    }
    insert(&mut root, &["format".to_string()], Value::from(format));
    let mut out: Vec<Vec<String>> = Vec::new();
    for e in crate::validate::validate_value(&root) {
        let tokens: Vec<String> = e
            .path
            .split('/')
            .skip(1)
            .map(|t| {
                if t.parse::<usize>().is_ok() {
                    "*".to_string()
                } else {
                    t.to_string()
                }
            })
            .collect();
        if !out.contains(&tokens) {
            out.push(tokens);
        }
    }
    out
}

/// Sets `tokens` (`*`: the first array element) in `root`, creating objects and arrays.
pub(crate) fn insert(root: &mut Value, tokens: &[String], v: Value) {
    let Some((first, rest)) = tokens.split_first() else {
        *root = v;
        return;
    };
    if first == "*" {
        if !root.is_array() {
            *root = Value::Array(Vec::new());
        }
        if let Value::Array(items) = root {
            if items.is_empty() {
                items.push(Value::Object(Map::new()));
            }
            if let Some(item) = items.first_mut() {
                insert(item, rest, v);
            }
        }
        return;
    }
    if !root.is_object() {
        *root = Value::Object(Map::new());
    }
    if let Value::Object(m) = root {
        let child = m.entry(first.clone()).or_insert(Value::Null);
        insert(child, rest, v);
    }
}
