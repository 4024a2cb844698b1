//! The outcome of evaluating one rule, and the building blocks every rule uses (one per method).

use super::Measure;
use crate::model::{Count, Unit};
use crate::report::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::borrow::Cow;

/// Escapes one JSON Pointer reference token, without allocating for the usual token (a field
/// name with neither `~` nor `/`).
fn escape(token: &str) -> Cow<'_, str> {
    if token.contains(['~', '/']) {
        Cow::Owned(crate::validate::reader::escape(token))
    } else {
        Cow::Borrowed(token)
    }
}

/// Outcome of one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Requirement met.
    Pass,
    /// Partly met (coverage, per-unit, target or checklist below 100 %).
    Partial,
    /// Not met.
    Fail,
    /// The requirement does not apply (reason given).
    NotApplicable,
    /// A field the rule needs was not reported.
    MissingData,
}

impl Status {
    /// All statuses, in report order.
    pub const ALL: [Status; 5] = [
        Status::Pass,
        Status::Partial,
        Status::Fail,
        Status::NotApplicable,
        Status::MissingData,
    ];

    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Partial => "partial",
            Status::Fail => "fail",
            Status::NotApplicable => "not_applicable",
            Status::MissingData => "missing_data",
        }
    }
}

/// A community or village that does not meet a per-unit rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UnitFailing {
    /// The unit's name.
    pub name: String,
    /// What it has.
    pub observed: Value,
}

/// What a rule's evaluation found, before points are attached.
#[derive(Debug, Clone, PartialEq)]
pub struct Eval {
    /// Outcome.
    pub status: Status,
    /// Share of the rule's points earned, 0..=1.
    pub fraction: f64,
    /// Observed value.
    pub observed: Option<Value>,
    /// Expected value.
    pub expected: Option<Value>,
    /// How much is missing, in the rule's unit.
    pub shortfall: Option<f64>,
    /// Units failing a per-unit rule.
    pub units_failing: Vec<UnitFailing>,
    /// JSON Pointers of fields to fill in (missing_data).
    pub missing: Vec<Text>,
    /// JSON Pointers of the fields at fault, when more precise than the rule's declared fields
    /// (e.g. `/units/3/legal_savvy_persons` of each failing unit).
    pub paths: Option<Vec<Text>>,
    /// Explanation in Chinese (without the rule's label).
    pub detail_zh: Text,
    /// Explanation in English (without the rule's label).
    pub detail_en: Text,
    /// The Chinese message is `label + detail` with no separator (e.g. 司法所用房面积110平方米…).
    pub joined: bool,
}

impl Eval {
    fn new(status: Status, fraction: f64) -> Eval {
        Eval {
            status,
            fraction,
            observed: None,
            expected: None,
            shortfall: None,
            units_failing: Vec::new(),
            missing: Vec::new(),
            paths: None,
            detail_zh: Text::Borrowed(""),
            detail_en: Text::Borrowed(""),
            joined: false,
        }
    }

    /// Sets the explanation.
    pub fn detail(mut self, zh: impl Into<Text>, en: impl Into<Text>) -> Eval {
        self.detail_zh = zh.into();
        self.detail_en = en.into();
        self
    }

    /// Sets observed and expected values.
    pub fn values(mut self, observed: Value, expected: Value) -> Eval {
        self.observed = Some(observed);
        self.expected = Some(expected);
        self
    }
}

/// Formats a number without a needless fraction: 110.0 → "110", 32.5 → "32.5".
pub fn fmt_num(x: f64) -> String {
    Num(x).to_string()
}

/// A number as [`fmt_num`] shows it, written straight into the message being formatted (no
/// intermediate `String`).
#[derive(Debug, Clone, Copy)]
pub struct Num(pub f64);

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let x = self.0;
        if (x - x.round()).abs() < 1e-9 {
            write!(f, "{}", x.round() as i64)
        } else {
            // `{:.2}` then trailing zeros trimmed, in a stack buffer
            let mut buf = StackBuf::default();
            std::fmt::Write::write_fmt(&mut buf, format_args!("{x:.2}"))?;
            let slow;
            let s = match buf.as_str() {
                Some(s) => s,
                // longer than the buffer (a huge number): format it the slow way
                None => {
                    slow = format!("{x:.2}");
                    &slow
                }
            };
            f.write_str(s.trim_end_matches('0').trim_end_matches('.'))
        }
    }
}

/// A fixed-size text buffer for formatting one number; reports overflow instead of growing.
struct StackBuf {
    bytes: [u8; 48],
    len: usize,
    overflow: bool,
}

impl Default for StackBuf {
    fn default() -> Self {
        StackBuf {
            bytes: [0; 48],
            len: 0,
            overflow: false,
        }
    }
}

impl StackBuf {
    fn as_str(&self) -> Option<&str> {
        if self.overflow {
            return None;
        }
        self.bytes.get(..self.len).and_then(|b| std::str::from_utf8(b).ok())
    }
}

impl std::fmt::Write for StackBuf {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        match self.bytes.get_mut(self.len..end) {
            Some(dst) => {
                dst.copy_from_slice(s.as_bytes());
                self.len = end;
            }
            None => self.overflow = true,
        }
        Ok(())
    }
}

/// A share as a percentage with one decimal (0.5 → "50.0%").
#[derive(Debug, Clone, Copy)]
struct Pct(f64);

impl std::fmt::Display for Pct {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.1}%", self.0 * 100.0)
    }
}

/// Fields not reported.
pub fn missing(paths: impl IntoIterator<Item = impl Into<Text>>) -> Eval {
    let mut e = Eval::new(Status::MissingData, 0.0);
    e.missing = paths.into_iter().map(Into::into).collect();
    e
}

/// The rule does not apply, for the reason given.
pub fn not_applicable(zh: impl Into<Text>, en: impl Into<Text>) -> Eval {
    Eval::new(Status::NotApplicable, 0.0).detail(zh, en)
}

/// A yes/no requirement.
pub fn flag(v: Option<bool>, path: &'static str) -> Eval {
    match v {
        None => missing([path]),
        Some(true) => Eval::new(Status::Pass, 1.0).values(json!(true), json!(true)),
        Some(false) => Eval::new(Status::Fail, 0.0)
            .values(json!(false), json!(true))
            .detail("未落实", "not in place"),
    }
}

/// A yes/no requirement with its own wording of the failure (e.g. 所长不在岗).
pub fn flag_or(v: Option<bool>, path: &'static str, fail_zh: &'static str, fail_en: &'static str) -> Eval {
    let e = flag(v, path);
    if e.status == Status::Fail {
        e.detail(fail_zh, fail_en)
    } else {
        e
    }
}

/// A number that must be at least `min`.
pub fn at_least(v: Option<f64>, min: f64, path: &'static str, m: Measure) -> Eval {
    let Some(x) = v else { return missing([path]) };
    if x >= min {
        return Eval::new(Status::Pass, 1.0).values(json!(x), json!(min));
    }
    let short = min - x;
    let mut e = Eval::new(Status::Fail, 0.0).values(json!(x), json!(min)).detail(
        format!("{}{u}，低于{}{u}，还差{}{u}", Num(x), Num(min), Num(short), u = m.zh()),
        format!(
            "{} {}, below the {} {} minimum: {} {} short",
            Num(x),
            m.en_n(x),
            Num(min),
            m.en_n(min),
            Num(short),
            m.en_n(short)
        ),
    );
    e.shortfall = Some(short);
    e.joined = true;
    e
}

/// One count that must be zero: value, path, Chinese name, English name (singular, plural).
pub type ZeroItem<'a> = (Option<Count>, &'static str, &'a str, (&'a str, &'a str));

/// Counts that must all be zero (e.g. escaped supervision, serious reoffences).
pub fn all_zero(items: &[ZeroItem], m: Measure) -> Eval {
    let absent: Vec<&'static str> = items.iter().filter(|i| i.0.is_none()).map(|i| i.1).collect();
    if !absent.is_empty() {
        return missing(absent);
    }
    let total: u32 = items.iter().filter_map(|i| i.0).map(|c| c.0).sum();
    let observed = json!(total);
    if total == 0 {
        return Eval::new(Status::Pass, 1.0).values(observed, json!(0));
    }
    let zh: Vec<String> = items
        .iter()
        .filter_map(|(c, _, zh, _)| c.filter(|c| c.0 > 0).map(|c| format!("{zh}{}{}", c.0, m.zh())))
        .collect();
    let en: Vec<String> = items
        .iter()
        .filter_map(|(c, _, _, (one, many))| {
            c.filter(|c| c.0 > 0)
                .map(|c| format!("{} {}", c.0, if c.0 == 1 { one } else { many }))
        })
        .collect();
    let mut e = Eval::new(Status::Fail, 0.0)
        .values(observed, json!(0))
        .detail(format!("发生{}", zh.join("、")), en.join(", "));
    e.shortfall = Some(f64::from(total));
    e
}

/// Points × part / whole; whole 0 → not applicable.
pub fn coverage(part: (Option<Count>, &'static str), whole: (Option<Count>, &'static str), m: Measure) -> Eval {
    let absent: Vec<&'static str> = [part, whole].iter().filter(|x| x.0.is_none()).map(|x| x.1).collect();
    let (Some(p), Some(w)) = (part.0, whole.0) else {
        return missing(absent);
    };
    coverage_of(p.as_f64(), w.as_f64(), m)
}

/// Coverage from already-known numbers.
pub fn coverage_of(p: f64, w: f64, m: Measure) -> Eval {
    if w <= 0.0 {
        return not_applicable("本年度无相关事项", "nothing of this kind in the year");
    }
    let p = p.min(w);
    let fraction = p / w;
    let status = if p >= w {
        Status::Pass
    } else if p <= 0.0 {
        Status::Fail
    } else {
        Status::Partial
    };
    let mut e = Eval::new(status, fraction).values(json!(p), json!(w));
    if status != Status::Pass {
        let short = w - p;
        e.shortfall = Some(short);
        e = e.detail(
            format!(
                "{}/{}{u}，覆盖率{}，还差{}{u}",
                Num(p),
                Num(w),
                Pct(fraction),
                Num(short),
                u = m.zh()
            ),
            format!(
                "{} of {} {} ({}): {} {} short",
                Num(p),
                Num(w),
                m.en_n(w),
                Pct(fraction),
                Num(short),
                m.en_n(short)
            ),
        );
    }
    e
}

/// Points × min(1, value / target); target 0 → not applicable.
pub fn target(v: (Option<Count>, &'static str), target: f64, m: Measure) -> Eval {
    let Some(x) = v.0 else { return missing([v.1]) };
    if target <= 0.0 {
        return not_applicable("目标为0", "the target is 0");
    }
    let x = x.as_f64();
    let fraction = (x / target).min(1.0);
    let status = if x >= target {
        Status::Pass
    } else if x <= 0.0 {
        Status::Fail
    } else {
        Status::Partial
    };
    let mut e = Eval::new(status, fraction).values(json!(x), json!(target));
    if status != Status::Pass {
        let short = target - x;
        e.shortfall = Some(short);
        e = e.detail(
            format!(
                "{}{u}，目标{}{u}，还差{}{u}",
                Num(x),
                Num(target),
                Num(short),
                u = m.zh()
            ),
            format!("{} against a target of {}: {} short", Num(x), Num(target), Num(short)),
        );
    }
    e
}

/// One item of a checklist: value (None = not reported; items that do not apply are left out).
pub struct Check<'a> {
    /// Whether the item holds.
    pub value: Option<bool>,
    /// Field path.
    pub path: &'static str,
    /// What is wrong when the item does not hold, in Chinese (e.g. 未配备信息化设备).
    pub zh: &'a str,
    /// What is wrong when the item does not hold, in English (e.g. `no IT equipment`).
    pub en: &'a str,
}

/// Points × share of items that hold.
pub fn checklist(items: &[Check]) -> Eval {
    let absent: Vec<&'static str> = items.iter().filter(|c| c.value.is_none()).map(|c| c.path).collect();
    if !absent.is_empty() {
        return missing(absent);
    }
    if items.is_empty() {
        return not_applicable("无适用项目", "no item applies");
    }
    let met = items.iter().filter(|c| c.value == Some(true)).count();
    let n = items.len();
    let fraction = met as f64 / n as f64;
    let status = if met == n {
        Status::Pass
    } else if met == 0 {
        Status::Fail
    } else {
        Status::Partial
    };
    let mut e = Eval::new(status, fraction).values(json!(met), json!(n));
    if status != Status::Pass {
        let zh: Vec<&str> = items.iter().filter(|c| c.value != Some(true)).map(|c| c.zh).collect();
        let en: Vec<&str> = items.iter().filter(|c| c.value != Some(true)).map(|c| c.en).collect();
        e.shortfall = Some((n - met) as f64);
        e = e.detail(
            format!("{}（{met}/{n}项符合）", zh.join("；")),
            format!(
                "{} ({met} of {n} {} met)",
                en.join("; "),
                Measure::Checks.en_n(n as f64)
            ),
        );
    }
    e
}

/// Whether a per-unit rule applies to a unit.
pub enum Applies {
    /// It does.
    Yes,
    /// It does not (e.g. a community for a village-only rule).
    No,
    /// Cannot tell: this field is missing.
    Unknown(&'static str),
}

/// How a per-unit rule describes its units and their failure.
pub struct UnitText<'a> {
    /// The units it applies to, in Chinese (社区（村） or 行政村).
    pub noun_zh: &'a str,
    /// The same in English, singular and plural (`unit`/`units`, `village`/`villages`).
    pub noun_en: (&'a str, &'a str),
    /// What a failing unit lacks, in Chinese (e.g. 不足3名“法律明白人”).
    pub fail_zh: String,
    /// What a failing unit lacks, in English (e.g. `below 3 legal-savvy persons`).
    pub fail_en: String,
    /// Show each failing unit's observed value after its name (counts: yes; yes/no: no).
    pub show_observed: bool,
}

/// Points × share of applicable units meeting the requirement.
///
/// `check` returns `None` when the unit lacks the field, else whether it meets the requirement
/// and the observed value. A failing finding points at each failing unit's field.
pub fn per_unit(
    units: Option<&[Unit]>,
    field: &str,
    applies: impl Fn(&Unit) -> Applies,
    check: impl Fn(&Unit) -> Option<(bool, Value)>,
    text: &UnitText,
) -> Eval {
    let Some(units) = units else {
        return missing(["/units"]);
    };
    let mut absent = Vec::new();
    let mut failing = Vec::new();
    let mut failing_paths = Vec::new();
    let mut applicable = 0usize;
    for (i, u) in units.iter().enumerate() {
        match applies(u) {
            Applies::No => continue,
            Applies::Unknown(f) => {
                absent.push(format!("/units/{i}/{}", escape(f)));
                continue;
            }
            Applies::Yes => {}
        }
        applicable += 1;
        match check(u) {
            None => absent.push(format!("/units/{i}/{}", escape(field))),
            Some((true, _)) => {}
            Some((false, observed)) => {
                failing.push(UnitFailing {
                    name: u.name.clone(),
                    observed,
                });
                failing_paths.push(Text::Owned(format!("/units/{i}/{}", escape(field))));
            }
        }
    }
    if !absent.is_empty() {
        return missing(absent);
    }
    if applicable == 0 {
        return not_applicable(format!("没有{}", text.noun_zh), format!("no {}", text.noun_en.1));
    }
    let met = applicable - failing.len();
    let fraction = met as f64 / applicable as f64;
    let status = if failing.is_empty() {
        Status::Pass
    } else if met == 0 {
        Status::Fail
    } else {
        Status::Partial
    };
    let mut e = Eval::new(status, fraction).values(json!(met), json!(applicable));
    if !failing.is_empty() {
        let (list_zh, list_en): (Vec<String>, Vec<String>) = failing
            .iter()
            .map(|f| {
                if text.show_observed {
                    (
                        format!("{}（{}）", f.name, show(&f.observed)),
                        format!("{} ({})", f.name, show_en(&f.observed)),
                    )
                } else {
                    (f.name.clone(), f.name.clone())
                }
            })
            .unzip();
        let noun_en = if applicable == 1 {
            text.noun_en.0
        } else {
            text.noun_en.1
        };
        e.shortfall = Some(failing.len() as f64);
        e = e.detail(
            format!(
                "{applicable}个{}中{}个{}：{}",
                text.noun_zh,
                failing.len(),
                text.fail_zh,
                list_zh.join("、")
            ),
            format!(
                "{} of {applicable} {noun_en} {}: {}",
                failing.len(),
                text.fail_en,
                list_en.join(", ")
            ),
        );
        e.units_failing = failing;
        e.paths = Some(failing_paths);
    }
    e
}

fn show_en(v: &Value) -> String {
    match v {
        Value::Bool(true) => "yes".into(),
        Value::Bool(false) => "no".into(),
        other => other.to_string(),
    }
}

fn show(v: &Value) -> String {
    match v {
        Value::Bool(true) => "是".into(),
        Value::Bool(false) => "否".into(),
        other => other.to_string(),
    }
}

/// Pass when this year's ratio is above last year's, or already 1.
pub fn trend(current: f64, previous: f64) -> Eval {
    let e = Eval::new(Status::Pass, 1.0).values(json!(round4(current)), json!(round4(previous)));
    if current >= 1.0 || current > previous {
        return e;
    }
    let mut e = Eval {
        status: Status::Fail,
        fraction: 0.0,
        ..e
    };
    e.shortfall = Some(round4(previous - current));
    e.detail(
        format!("本年比例{}，上年{}，未进一步提高", Pct(current), Pct(previous)),
        format!(
            "this year's share {} is not above last year's {}",
            Pct(current),
            Pct(previous)
        ),
    )
}

/// Rounds to 4 decimals (ratios in reports).
pub fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
