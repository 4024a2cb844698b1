//! The rule catalogue of edition `BJ-2022-42`: every requirement of the plan as a rule.
//!
//! Each rule is declared once, in a table per heading of the plan (`political.rs` for
//! 二（一）, `support.rs` for 二（四）…): id, task, clause, verbatim quote, method, default points,
//! severity, fields, and a short evaluation function. Points, thresholds and targets are read
//! from [`Parameters`](crate::params::Parameters), never written as literals in a rule.

mod administration;
mod community_correction;
mod district;
pub mod eval;
mod legal_education;
mod mediation;
mod political;
mod public_legal_service;
mod resettlement;
mod staffing;
mod support;

pub use eval::{Eval, Status, UnitFailing};

use crate::model::{DistrictRecord, OfficeRecord};
use crate::params::Parameters;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How a rule turns observations into points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Full points or none (全扣全得).
    AllOrNothing,
    /// Points × part / whole; pass only at 100 %.
    Coverage,
    /// Points × share of units (communities/villages) meeting the threshold.
    PerUnit,
    /// Points × min(1, value / target).
    Target,
    /// Points × share of the listed items that hold.
    Checklist,
    /// Pass when this year's ratio is higher than last year's, or already 1.
    Trend,
}

impl Method {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::AllOrNothing => "all_or_nothing",
            Method::Coverage => "coverage",
            Method::PerUnit => "per_unit",
            Method::Target => "target",
            Method::Checklist => "checklist",
            Method::Trend => "trend",
        }
    }
}

/// What a failure of the rule means for the grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 一票否决: a fail makes the grade 不达标 whatever the score.
    Veto,
    /// 硬性指标: a fail (or partial) caps the grade at 基本达标.
    Mandatory,
    /// Points only.
    Standard,
    /// 鼓励: adds points when met, never lowers the score or grade.
    Bonus,
}

impl Severity {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Veto => "veto",
            Severity::Mandatory => "mandatory",
            Severity::Standard => "standard",
            Severity::Bonus => "bonus",
        }
    }
}

/// The plan's headings that scores are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// 二（一）政治建设
    Political,
    /// 二（二）业务建设
    Business,
    /// 二（三）干部队伍建设
    Staffing,
    /// 二（四）保障能力建设
    Support,
    /// 三、工作要求 and 一（四）年度目标 (district bureaus)
    District,
}

impl Dimension {
    /// Office dimensions, in the plan's order.
    pub const OFFICE: [Dimension; 4] = [
        Dimension::Political,
        Dimension::Business,
        Dimension::Staffing,
        Dimension::Support,
    ];

    /// The snake_case id.
    pub fn id(self) -> &'static str {
        match self {
            Dimension::Political => "political",
            Dimension::Business => "business",
            Dimension::Staffing => "staffing",
            Dimension::Support => "support",
            Dimension::District => "district",
        }
    }

    /// The heading in Chinese.
    pub fn name_zh(self) -> &'static str {
        match self {
            Dimension::Political => "政治建设",
            Dimension::Business => "业务建设",
            Dimension::Staffing => "干部队伍建设",
            Dimension::Support => "保障能力建设",
            Dimension::District => "区司法局工作要求",
        }
    }

    /// The heading in English.
    pub fn name_en(self) -> &'static str {
        match self {
            Dimension::Political => "political construction",
            Dimension::Business => "business work",
            Dimension::Staffing => "staff",
            Dimension::Support => "support capacity",
            Dimension::District => "district bureau duties",
        }
    }
}

/// The unit a rule's observed value, expected value and shortfall are measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Square metres.
    M2,
    /// Documents, cases, entries.
    Items,
    /// People.
    Persons,
    /// Communities / villages.
    Units,
    /// Meetings, sessions, campaigns.
    Times,
    /// Checklist items.
    Checks,
    /// A ratio 0..=1.
    Ratio,
    /// Yes / no.
    Flag,
}

impl Measure {
    /// The identifier used in reports.
    pub fn id(self) -> &'static str {
        match self {
            Measure::M2 => "m2",
            Measure::Items => "items",
            Measure::Persons => "persons",
            Measure::Units => "units",
            Measure::Times => "times",
            Measure::Checks => "checks",
            Measure::Ratio => "ratio",
            Measure::Flag => "flag",
        }
    }

    /// Word after a number in Chinese.
    pub fn zh(self) -> &'static str {
        match self {
            Measure::M2 => "平方米",
            Measure::Items => "件",
            Measure::Persons => "人",
            Measure::Units => "个",
            Measure::Times => "次",
            Measure::Checks => "项",
            Measure::Ratio | Measure::Flag => "",
        }
    }

    /// Word after a number in English, agreeing with `n` (1 person, 2 persons, 10 m²).
    pub fn en_n(self, n: f64) -> &'static str {
        if n != 1.0 {
            return self.en();
        }
        match self {
            Measure::Items | Measure::Checks => "item",
            Measure::Persons => "person",
            Measure::Units => "unit",
            Measure::Times => "time",
            other => other.en(),
        }
    }

    /// Word after a number in English (plural).
    pub fn en(self) -> &'static str {
        match self {
            Measure::M2 => "m²",
            Measure::Items => "items",
            Measure::Persons => "persons",
            Measure::Units => "units",
            Measure::Times => "times",
            Measure::Checks => "items",
            Measure::Ratio | Measure::Flag => "",
        }
    }
}

/// What a rule may look at besides the record.
#[derive(Debug, Clone, Copy)]
pub struct EvalCtx<'a> {
    /// The parameters in force.
    pub params: &'a Parameters,
    /// Last year's qualification ratio, from the previous-year record of the same office.
    pub previous_ratio: Option<f64>,
}

/// One rule: data plus a short evaluation function.
#[derive(Clone, Copy)]
pub struct RuleDef<R: 'static> {
    /// Stable id, e.g. `t13-total-area`.
    pub id: &'static str,
    /// The plan's task number 1–18 (0 for year targets).
    pub task: u8,
    /// Where in the plan, e.g. `二（四）13`.
    pub clause: &'static str,
    /// Verbatim quote from the plan.
    pub quote: &'static str,
    /// Scoring method.
    pub method: Method,
    /// Default severity († project default unless the plan says so).
    pub severity: Severity,
    /// Default points († project default).
    pub points: f64,
    /// Heading it is scored under.
    pub dimension: Dimension,
    /// JSON Pointers of the fields it reads (`*` = every unit).
    pub fields: &'static [&'static str],
    /// Short name in Chinese, used in messages.
    pub label_zh: &'static str,
    /// Short name in English, used in messages.
    pub label_en: &'static str,
    /// Unit of observed/expected/shortfall.
    pub measure: Measure,
    /// Only in this assessment year (district year targets).
    pub year: Option<i32>,
    /// The evaluation.
    pub eval: fn(&R, &EvalCtx) -> Eval,
}

impl<R> std::fmt::Debug for RuleDef<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RuleDef").field("id", &self.id).finish_non_exhaustive()
    }
}

/// Every office rule, in catalogue order (the order of the plan).
pub fn office_rules() -> impl Iterator<Item = &'static RuleDef<OfficeRecord>> {
    [
        political::RULES,
        administration::RULES,
        mediation::RULES,
        legal_education::RULES,
        community_correction::RULES,
        resettlement::RULES,
        public_legal_service::RULES,
        staffing::RULES,
        support::RULES,
    ]
    .into_iter()
    .flatten()
}

/// Every district rule, in catalogue order.
pub fn district_rules() -> impl Iterator<Item = &'static RuleDef<DistrictRecord>> {
    district::RULES.iter()
}

/// A serialisable description of one rule (for `sifasuo rules` and the bindings).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RuleInfo {
    /// Stable id.
    pub id: String,
    /// `office` or `district`.
    pub applies_to: String,
    /// Task number (0: year target).
    pub task: u8,
    /// Clause.
    pub clause: String,
    /// Verbatim quote.
    pub quote: String,
    /// Method.
    pub method: Method,
    /// Severity under the given parameters.
    pub severity: Severity,
    /// Points under the given parameters.
    pub points: f64,
    /// Dimension id.
    pub dimension: Dimension,
    /// Fields read.
    pub fields: Vec<String>,
    /// Short name in Chinese.
    pub label_zh: String,
    /// Short name in English.
    pub label_en: String,
    /// Only in this year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

fn info<R>(r: &RuleDef<R>, applies_to: &str, p: &Parameters) -> RuleInfo {
    let rp = p.rule(r.id);
    RuleInfo {
        id: r.id.into(),
        applies_to: applies_to.into(),
        task: r.task,
        clause: r.clause.into(),
        quote: r.quote.into(),
        method: r.method,
        severity: rp.map_or(r.severity, |x| x.severity),
        points: rp.map_or(r.points, |x| x.points),
        dimension: r.dimension,
        fields: r.fields.iter().map(|s| s.to_string()).collect(),
        label_zh: r.label_zh.into(),
        label_en: r.label_en.into(),
        year: r.year,
    }
}

/// The whole catalogue, office rules then district rules, with points and severities of `p`.
pub fn catalogue(p: &Parameters) -> Vec<RuleInfo> {
    office_rules()
        .map(|r| info(r, "office", p))
        .chain(district_rules().map(|r| info(r, "district", p)))
        .collect()
}
