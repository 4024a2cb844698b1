//! Validation errors: stable codes, JSON Pointer paths, messages in Chinese and English.

use super::pii::redact;
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
    /// Message in Chinese.
    pub message: String,
    /// Message in English.
    pub message_en: String,
    /// The values involved (user values are redacted).
    pub ctx: Map<String, Value>,
}

impl std::fmt::Display for ValidationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = if self.path.is_empty() { "/" } else { &self.path };
        write!(f, "{at}: {} [{}]", self.message_en, self.code)
    }
}

impl std::error::Error for ValidationError {}

/// Every error of one record that failed validation.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{} validation error(s), first: {}", .0.len(), .0.first().map(|e| e.to_string()).unwrap_or_default())]
pub struct ValidationErrors(pub Vec<ValidationError>);

/// Which JSON type a value has, in words (en, zh).
pub(crate) fn type_name(v: &Value) -> (&'static str, &'static str) {
    match v {
        Value::Null => ("null", "空值"),
        Value::Bool(_) => ("a boolean", "布尔值"),
        Value::Number(n) if n.is_i64() || n.is_u64() => ("an integer", "整数"),
        Value::Number(_) => ("a fraction", "小数"),
        Value::String(_) => ("a string", "字符串"),
        Value::Array(_) => ("an array", "数组"),
        Value::Object(_) => ("an object", "对象"),
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
    pub fn new(code: ErrorCode, path: impl Into<String>, ctx: Map<String, Value>) -> Self {
        let path = path.into();
        let at = if path.is_empty() { "/".to_string() } else { path.clone() };
        let (zh, en) = match code {
            ErrorCode::InvalidJson => (
                format!("不是有效的JSON：{}", s(&ctx, "reason")),
                format!("not valid JSON: {}", s(&ctx, "reason")),
            ),
            ErrorCode::DuplicateKey => (
                format!("字段`{}`重复出现", s(&ctx, "key")),
                format!("key `{}` appears twice", s(&ctx, "key")),
            ),
            ErrorCode::InputTooLarge => (
                format!("记录过大（{}字节，上限{}字节）", s(&ctx, "bytes"), s(&ctx, "max")),
                format!("record too large ({} bytes, limit {})", s(&ctx, "bytes"), s(&ctx, "max")),
            ),
            ErrorCode::TypeError => (
                format!("{at}：应为{}，实际为{}", s(&ctx, "expected_zh"), s(&ctx, "found_zh")),
                format!("{at}: expected {}, found {}", s(&ctx, "expected"), s(&ctx, "found")),
            ),
            ErrorCode::Required => (
                format!("缺少必填字段{at}"),
                format!("{at}: required field is missing"),
            ),
            ErrorCode::UnknownField => {
                let sug = s(&ctx, "suggestion");
                if sug.is_empty() {
                    (format!("{at}：未知字段"), format!("{at}: unknown field"))
                } else {
                    (
                        format!("{at}：未知字段，是否应为`{sug}`？"),
                        format!("{at}: unknown field, did you mean `{sug}`?"),
                    )
                }
            }
            ErrorCode::UnknownFormat => (
                format!("未知的记录格式`{}`，应为 sifasuo.office/1 或 sifasuo.district/1", s(&ctx, "value")),
                format!("unknown format `{}`: expected sifasuo.office/1 or sifasuo.district/1", s(&ctx, "value")),
            ),
            ErrorCode::UnknownStandard => (
                format!("未知的标准版本`{}`，应为 BJ-2022-42", s(&ctx, "value")),
                format!("unknown standard `{}`: expected BJ-2022-42", s(&ctx, "value")),
            ),
            ErrorCode::YearOutOfRange => (
                format!("评估年度`{}`不在{}—{}年范围内", s(&ctx, "value"), s(&ctx, "min"), s(&ctx, "max")),
                format!("year `{}` is outside {}–{}", s(&ctx, "value"), s(&ctx, "min"), s(&ctx, "max")),
            ),
            ErrorCode::UnknownDistrict => {
                let sug = s(&ctx, "suggestion");
                let (hz, he) = if sug.is_empty() {
                    (String::new(), String::new())
                } else {
                    (format!("，是否应为`{sug}`？"), format!(", did you mean `{sug}`?"))
                };
                (
                    format!("{at}：未知的区`{}`{hz}", s(&ctx, "value")),
                    format!("{at}: unknown district `{}`{he}", s(&ctx, "value")),
                )
            }
            ErrorCode::InvalidEnum => (
                format!("{at}：取值`{}`无效，应为{}之一", s(&ctx, "value"), s(&ctx, "allowed")),
                format!("{at}: `{}` is not one of {}", s(&ctx, "value"), s(&ctx, "allowed")),
            ),
            ErrorCode::OutOfRange => (
                format!("{at}：数值`{}`超出范围{}—{}", s(&ctx, "value"), s(&ctx, "min"), s(&ctx, "max")),
                format!("{at}: `{}` is outside {}..={}", s(&ctx, "value"), s(&ctx, "min"), s(&ctx, "max")),
            ),
            ErrorCode::PartExceedsWhole => (
                format!(
                    "{at}：`{}`（{}）大于`{}`（{}）",
                    s(&ctx, "part_field"),
                    s(&ctx, "part"),
                    s(&ctx, "whole_field"),
                    s(&ctx, "whole")
                ),
                format!(
                    "{at}: `{}` ({}) is larger than `{}` ({})",
                    s(&ctx, "part_field"),
                    s(&ctx, "part"),
                    s(&ctx, "whole_field"),
                    s(&ctx, "whole")
                ),
            ),
            ErrorCode::EmptyString => (format!("{at}：不能为空"), format!("{at}: must not be empty")),
            ErrorCode::TooLong => (
                format!("{at}：长度{}字超过上限{}字", s(&ctx, "length"), s(&ctx, "max")),
                format!("{at}: {} characters, more than the limit of {}", s(&ctx, "length"), s(&ctx, "max")),
            ),
            ErrorCode::TooManyUnits => (
                format!("社区（村）共{}个，超过上限{}个", s(&ctx, "count"), s(&ctx, "max")),
                format!("{} communities/villages, more than the limit of {}", s(&ctx, "count"), s(&ctx, "max")),
            ),
            ErrorCode::DuplicateUnit => (
                format!("{at}：社区（村）名称`{}`重复", s(&ctx, "name")),
                format!("{at}: community/village `{}` is listed twice", s(&ctx, "name")),
            ),
            ErrorCode::PersonalData => {
                let (kz, ke) = if s(&ctx, "kind") == "mobile" {
                    ("手机号码", "a mobile number")
                } else {
                    ("居民身份证号码", "a resident ID number")
                };
                (
                    format!("{at}：含有个人信息（{kz}`{}`），请删除", s(&ctx, "masked")),
                    format!("{at}: contains personal data ({ke} `{}`): remove it", s(&ctx, "masked")),
                )
            }
            ErrorCode::DuplicateRecord => (
                format!("同一批次中`{}`（{}年）重复出现，首次在第{}条", s(&ctx, "code"), s(&ctx, "year"), s(&ctx, "first")),
                format!("`{}` ({}) appears twice in the batch, first as record {}", s(&ctx, "code"), s(&ctx, "year"), s(&ctx, "first")),
            ),
        };
        ValidationError { code, path, message: zh, message_en: en, ctx }
    }
}

/// Builds a `ctx` map; string values are redacted.
pub(crate) fn ctx<const N: usize>(pairs: [(&str, Value); N]) -> Map<String, Value> {
    pairs
        .into_iter()
        .map(|(k, v)| {
            let v = match v {
                Value::String(s) => Value::String(redact(&s)),
                other => other,
            };
            (k.to_string(), v)
        })
        .collect()
}
