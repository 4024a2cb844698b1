//! Validation errors: stable codes, JSON Pointer paths, messages in Chinese and English.

use super::pii::{mask_all, redact};
use crate::model::Standard;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

macro_rules! codes {
    ($($v:ident = $s:literal: $doc:literal;)*) => {
        /// Stable identifier of a kind of validation error.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum ErrorCode {
            $( #[doc = $doc] $v, )*
        }

        impl ErrorCode {
            /// Every error code, in a fixed order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$v),*];

            /// The snake_case identifier.
            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$v => $s),* }
            }

            /// One line saying what the code means (English).
            pub fn description(self) -> &'static str {
                match self { $(ErrorCode::$v => $doc),* }
            }
        }
    };
}

codes! {
    InvalidJson = "invalid_json": "the input is not valid JSON (syntax error, NaN/Infinity, number out of range, nesting deeper than 128 levels, invalid UTF-8)";
    DuplicateKey = "duplicate_key": "an object has the same key twice";
    InputTooLarge = "input_too_large": "one record is larger than the input limit";
    TypeError = "type_error": "a value has the wrong JSON type (e.g. a string or a fraction where a count is expected)";
    Required = "required": "a required field is missing or null";
    UnknownField = "unknown_field": "a field that the record format does not define";
    UnknownFormat = "unknown_format": "`format` is not a known record format";
    UnknownStandard = "unknown_standard": "`standard` is not a known rule edition";
    YearOutOfRange = "year_out_of_range": "`year` is outside the edition's years";
    UnknownDistrict = "unknown_district": "not one of the 16 districts or 北京经济技术开发区";
    InvalidEnum = "invalid_enum": "a value outside a field's allowed list";
    OutOfRange = "out_of_range": "a number below its minimum or above its maximum (negative counts, absurd areas, ratios outside 0..=1)";
    PartExceedsWhole = "part_exceeds_whole": "a part is larger than its whole";
    EmptyString = "empty_string": "a required text is empty";
    TooLong = "too_long": "a text is longer than its limit";
    TooManyUnits = "too_many_units": "more than 1,000 communities/villages";
    DuplicateUnit = "duplicate_unit": "two communities/villages of one office have the same name";
    PersonalData = "personal_data": "a resident ID number or a mobile number in a text field";
    DuplicateRecord = "duplicate_record": "the same office (code and year) or district (and year) twice in one batch";
    UnmatchedUnit = "unmatched_unit": "a row of a spreadsheet's units sheet whose office code and year match no office row";
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValidationError {
    /// What kind of problem.
    pub code: ErrorCode,
    /// JSON Pointer to the offending value (`""` for the whole record).
    pub path: String,
    /// Message in Chinese. It does not repeat `path`: show the two together.
    pub message: String,
    /// Message in English. It does not repeat `path`.
    pub message_en: String,
    /// The values involved (user values are redacted).
    pub ctx: Map<String, Value>,
    /// The spreadsheet cell the error is about, for records read from `.xlsx` or `.csv`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Box<Location>>,
}

/// A cell of a spreadsheet: where a record read from `.xlsx` or `.csv` has a problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// The file.
    pub file: String,
    /// The sheet (a CSV file's name for CSV).
    pub sheet: String,
    /// The cell in A1 notation (`F12`).
    pub cell: String,
    /// 1-based row.
    pub row: usize,
    /// The column's Chinese header (`用房面积（平方米）`), empty when the error is about the row.
    pub column: String,
    /// The column's field id (`support.premises.total_area_m2`), empty when about the row.
    pub field: String,
    /// What the cell holds, as text (personal numbers masked, at most 60 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}!{}", self.sheet, self.cell)?;
        if !self.column.is_empty() {
            write!(f, " {}", self.column)?;
        }
        Ok(())
    }
}

impl std::fmt::Display for ValidationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.location {
            Some(loc) => write!(f, "{}: {} [{}]", loc, self.located_message(false), self.code),
            None => {
                let at = if self.path.is_empty() { "/" } else { &self.path };
                write!(f, "{at}: {} [{}]", self.message_en, self.code)
            }
        }
    }
}

impl ValidationError {
    /// The message (Chinese or English) followed, for a spreadsheet cell, by what the cell
    /// holds: `expected a decimal number, found a string "一百二十"`.
    pub fn located_message(&self, zh: bool) -> String {
        let msg = if zh { &self.message } else { &self.message_en };
        match self.location.as_ref().and_then(|l| l.value.as_ref()) {
            Some(v) if zh => format!("{msg}（单元格内容“{v}”）"),
            Some(v) => format!("{msg} (cell holds \"{v}\")"),
            None => msg.clone(),
        }
    }
}

impl std::error::Error for ValidationError {}

/// Every error of one record that failed validation.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{} validation error(s), first: {}", .0.len(), .0.first().map(|e| e.to_string()).unwrap_or_default())]
pub struct ValidationErrors(pub Vec<ValidationError>);

/// `，是否应为`x`？` / `, did you mean `x`?` when `ctx` has a suggestion, else empty.
fn did_you_mean(ctx: &Map<String, Value>) -> (String, String) {
    let sug = s(ctx, "suggestion");
    if sug.is_empty() {
        (String::new(), String::new())
    } else {
        (format!("，是否应为`{sug}`？"), format!(", did you mean `{sug}`?"))
    }
}

fn s(ctx: &Map<String, Value>, k: &str) -> String {
    match ctx.get(k) {
        Some(Value::String(x)) => x.clone(),
        Some(v) => v.to_string(),
        None => String::new(),
    }
}

impl ValidationError {
    /// Builds an error; the messages are derived from the code and `ctx`.
    ///
    /// Personal numbers in `path` and `ctx` are masked first ([`pii::mask_all`](super::pii::mask_all)),
    /// so no message can echo one.
    pub fn new(code: ErrorCode, path: impl Into<String>, ctx: Map<String, Value>) -> Self {
        let path = mask_all(&path.into());
        let ctx: Map<String, Value> = ctx.into_iter().map(|(k, v)| (k, mask_value(v))).collect();
        let v = |k: &str| s(&ctx, k);
        let (zh, en) = match code {
            ErrorCode::InvalidJson => (
                format!("不是有效的JSON：{}", v("reason")),
                format!("not valid JSON: {}", v("reason")),
            ),
            ErrorCode::DuplicateKey => (
                format!("字段`{}`重复出现", v("key")),
                format!("key `{}` appears twice", v("key")),
            ),
            ErrorCode::InputTooLarge => (
                format!("记录过大（{}字节，上限{}字节）", v("bytes"), v("max")),
                format!("record too large ({} bytes, limit {})", v("bytes"), v("max")),
            ),
            ErrorCode::TypeError => (
                format!("应为{}，实际为{}", v("expected_zh"), v("found_zh")),
                format!("expected {}, found {}", v("expected"), v("found")),
            ),
            ErrorCode::Required => (
                format!("缺少必填字段`{}`", v("field")),
                format!("required field `{}` is missing", v("field")),
            ),
            ErrorCode::UnknownField => {
                let (hz, he) = did_you_mean(&ctx);
                (
                    format!("未知字段`{}`{hz}", v("field")),
                    format!("unknown field `{}`{he}", v("field")),
                )
            }
            ErrorCode::UnknownFormat => {
                let (hz, he) = did_you_mean(&ctx);
                (
                    format!(
                        "未知的记录格式`{}`{hz}，应为 sifasuo.office/1 或 sifasuo.district/1",
                        v("value")
                    ),
                    format!(
                        "unknown format `{}`{he}: expected sifasuo.office/1 or sifasuo.district/1",
                        v("value")
                    ),
                )
            }
            ErrorCode::UnknownStandard => {
                let known: Vec<&str> = Standard::ALL.iter().map(|st| st.id()).collect();
                let known = known.join(", ");
                let (hz, he) = did_you_mean(&ctx);
                (
                    format!("未知的标准版本`{}`{hz}，应为{known}", v("value")),
                    format!("unknown standard `{}`{he}: expected {known}", v("value")),
                )
            }
            ErrorCode::YearOutOfRange => (
                format!("评估年度`{}`不在{}—{}年范围内", v("value"), v("min"), v("max")),
                format!("year `{}` is outside {}–{}", v("value"), v("min"), v("max")),
            ),
            ErrorCode::UnknownDistrict => {
                let (hz, he) = did_you_mean(&ctx);
                (
                    format!("未知的区`{}`{hz}", v("value")),
                    format!("unknown district `{}`{he}", v("value")),
                )
            }
            ErrorCode::InvalidEnum => {
                let (hz, he) = did_you_mean(&ctx);
                (
                    format!("取值`{}`无效，应为{}之一{hz}", v("value"), v("allowed")),
                    format!("`{}` is not one of {}{he}", v("value"), v("allowed")),
                )
            }
            ErrorCode::OutOfRange => (
                format!("数值`{}`超出范围{}—{}", v("value"), v("min"), v("max")),
                format!("`{}` is outside {}..={}", v("value"), v("min"), v("max")),
            ),
            ErrorCode::PartExceedsWhole => (
                format!(
                    "`{}`（{}）大于`{}`（{}）",
                    v("part_field"),
                    v("part"),
                    v("whole_field"),
                    v("whole")
                ),
                format!(
                    "`{}` ({}) is larger than `{}` ({})",
                    v("part_field"),
                    v("part"),
                    v("whole_field"),
                    v("whole")
                ),
            ),
            ErrorCode::EmptyString => ("不能为空".to_string(), "must not be empty".to_string()),
            ErrorCode::TooLong => (
                format!("长度{}字，超过上限{}字", v("length"), v("max")),
                format!("{} characters, more than the limit of {}", v("length"), v("max")),
            ),
            ErrorCode::TooManyUnits => (
                format!("社区（村）共{}个，超过上限{}个", v("count"), v("max")),
                format!(
                    "{} communities/villages, more than the limit of {}",
                    v("count"),
                    v("max")
                ),
            ),
            ErrorCode::DuplicateUnit => (
                format!("社区（村）名称`{}`重复", v("name")),
                format!("community/village `{}` is listed twice", v("name")),
            ),
            ErrorCode::PersonalData => {
                let (kz, ke) = if v("kind") == "mobile" {
                    ("手机号码", "a mobile number")
                } else {
                    ("居民身份证号码", "a resident ID number")
                };
                (
                    format!("含有个人信息（{kz}`{}`），请删除", v("masked")),
                    format!("contains personal data ({ke} `{}`): remove it", v("masked")),
                )
            }
            ErrorCode::DuplicateRecord => (
                format!(
                    "同一批次中`{}`（{}年）重复出现，首次在第{}条",
                    v("code"),
                    v("year"),
                    v("first")
                ),
                format!(
                    "`{}` ({}) appears twice in the batch, first as record {}",
                    v("code"),
                    v("year"),
                    v("first")
                ),
            ),
            ErrorCode::UnmatchedUnit => (
                format!(
                    "社区（村）`{}`所属的司法所`{}`（{}年）在司法所表中没有对应的行",
                    v("name"),
                    v("code"),
                    v("year")
                ),
                format!(
                    "community/village `{}` belongs to office `{}` ({}), which has no row on the office sheet",
                    v("name"),
                    v("code"),
                    v("year")
                ),
            ),
        };
        ValidationError {
            code,
            path,
            message: zh,
            message_en: en,
            ctx,
            location: None,
        }
    }
}

/// `v` with personal numbers masked in every string and number, nothing shortened.
fn mask_value(v: Value) -> Value {
    match v {
        Value::String(s) => Value::String(mask_all(&s)),
        Value::Number(n) => {
            let text = n.to_string();
            let masked = mask_all(&text);
            if masked == text {
                Value::Number(n)
            } else {
                Value::String(masked)
            }
        }
        Value::Array(items) => Value::Array(items.into_iter().map(mask_value).collect()),
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (mask_all(&k), mask_value(v))).collect()),
        other => other,
    }
}

/// Masks personal numbers in a value that will be echoed: strings are redacted, and a number
/// whose digits look like a mobile or ID number becomes its masked string.
pub(crate) fn redact_value(v: Value) -> Value {
    match v {
        Value::String(s) => Value::String(redact(&s)),
        Value::Number(n) => {
            let text = n.to_string();
            let masked = redact(&text);
            if masked == text {
                Value::Number(n)
            } else {
                Value::String(masked)
            }
        }
        other => other,
    }
}

/// Builds a `ctx` map; values are redacted ([`redact_value`]).
pub(crate) fn ctx<const N: usize>(pairs: [(&str, Value); N]) -> Map<String, Value> {
    pairs
        .into_iter()
        .map(|(k, v)| (k.to_string(), redact_value(v)))
        .collect()
}
